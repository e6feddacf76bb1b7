/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_datetime.c: the translator's side of date and time. Literals cast to a date/time type
 * are checked (22007/22008 with the literal's position) and stored in the normalized ISO
 * form; what depends on the session (TimeZone, the transaction's start) becomes a call to
 * the pgfn functions (src/pgfn/pgfn_datetime.c), which get the static type OIDs of their
 * arguments. Operators on date/time operands become pg_dt_add/pg_dt_sub/pg_dt_cmp calls. */
#include "xlat_int.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "pgtype.h"

#define NODE(x) PG_QUERY__NODE__NODE_##x

static bool relative_word(const char *s)
{
	static const char *const words[] = {"now", "today", "tomorrow", "yesterday"};
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	for (size_t i = 0; i < ARRAY_LEN(words); i++) {
		if (n == strlen(words[i]) && strncasecmp(s, words[i], n) == 0)
			return true;
	}
	return false;
}

/* Whether s reads differently under another DateStyle field order ("01/02/2024", "08 Jan
 * 99"): such a literal is read when the statement runs, in the session's DateStyle, so the
 * translation (cached across sessions) does not depend on it. v: its reading in MDY order. */
static bool order_dependent(struct xlat_ctx *c, uint32_t oid, const char *s,
			    const struct pgtype_value *v)
{
	static const enum pgtype_dateorder others[] = {PGTYPE_ORDER_DMY, PGTYPE_ORDER_YMD};
	if (!strpbrk(s, "/-. ") || oid == XLAT_OID_TIME || oid == XLAT_OID_INTERVAL)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(others); i++) {
		struct pgtype_dtenv env = {NULL, 0, others[i], PGTYPE_INTERVAL_POSTGRES};
		struct pgtype_value w;
		struct pgerr err;
		if (!pgtype_decode_text_env(oid, s, strlen(s), &env, c->a, &w, &err) ||
		    w.n != v->n || memcmp(w.p, v->p, v->n) != 0)
			return true;
	}
	return false;
}

/* Whether s, which MDY order does not read, reads in DMY or YMD order. */
static bool other_order_reads(uint32_t oid, const char *s)
{
	static const enum pgtype_dateorder others[] = {PGTYPE_ORDER_DMY, PGTYPE_ORDER_YMD};
	if (!strpbrk(s, "/-. ") || oid == XLAT_OID_TIME || oid == XLAT_OID_INTERVAL)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(others); i++) {
		struct pgtype_dtenv env = {NULL, 0, others[i], PGTYPE_INTERVAL_POSTGRES};
		struct pgtype_value w;
		struct pgerr err;
		struct arena *a = arena_new(0);
		bool ok = pgtype_decode_text_env(oid, s, strlen(s), &env, a, &w, &err);
		arena_free(a);
		if (ok)
			return true;
	}
	return false;
}

bool xlat_dt_literal(struct xlat_ctx *c, uint32_t oid, const char *s, int location)
{
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_dt_client_text(oid, s, strlen(s), &err)) /* the stored BC form: 22007 */
		return xlat_fail(c, err.sqlstate, location, "%s", err.message);
	if (!pgtype_decode_text_env(oid, s, strlen(s), NULL, c->a, &v, &err)) {
		if (!(c->flags & XLAT_X_NOSUBQUERY) && other_order_reads(oid, s)) {
			/* '13/06/1957' is out of range in MDY only: the session's order decides */
			xlat_puts(c, "pg_dt_cast(");
			xlat_string(c, s);
			xlat_printf(c, ", %d, %u)", XLAT_OID_TEXT, oid);
			return true;
		}
		xlat_fail(c, err.sqlstate, location, "%s", err.message);
		if (err.hint[0])
			pgerr_hint(c->err, "%s", err.hint);
		return false;
	}
	/* a timetz without an offset takes the session's zone's, as a timestamptz does */
	bool relative = relative_word(s),
	     session = relative || oid == XLAT_OID_TIMESTAMPTZ || oid == XLAT_OID_TIMETZ ||
		       order_dependent(c, oid, s, &v) ||
		       (oid == XLAT_OID_INTERVAL && pgtype_interval_sign_applies(s, strlen(s)));
	if (relative && (c->flags & XLAT_X_NOSUBQUERY))
		xlat_nocache(c); /* 'now' read while translating: never reuse the translation */
	if (!session || (c->flags & XLAT_X_NOSUBQUERY)) {
		/* DDL (CHECK, DEFAULT, indexes) must not depend on the session: read in UTC */
		xlat_string(c, arena_strndup(c->a, v.p, v.n));
		return true;
	}
	xlat_puts(c, "pg_dt_cast(");
	xlat_string(c, s);
	xlat_printf(c, ", %d, %u)", XLAT_OID_TEXT, oid);
	return true;
}

bool xlat_dt_interval_literal(struct xlat_ctx *c, const char *s, int32_t typmod, int location)
{
	struct pgtype_interval iv;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_interval_in_typmod(s, strlen(s), typmod, &iv, &err))
		return xlat_fail(c, err.sqlstate, location, "%s", err.message);
	struct pgtype_interval plain;
	if (!(c->flags & XLAT_X_NOSUBQUERY) && pgtype_interval_sign_applies(s, strlen(s)) &&
	    pgtype_interval_in(s, strlen(s), &plain, &err) &&
	    (pgtype_interval_typmod_adjust(&plain, typmod), memcmp(&plain, &iv, sizeof(iv)) == 0)) {
		/* '-1 2:03:04' reads as the session's IntervalStyle says: at run time */
		if (typmod >= 0)
			xlat_puts(c, "pg_dt_typmod(");
		xlat_puts(c, "pg_dt_cast(");
		xlat_string(c, s);
		xlat_printf(c, ", %d, %u)", XLAT_OID_TEXT, XLAT_OID_INTERVAL);
		if (typmod >= 0)
			xlat_printf(c, ", %u, %d)", XLAT_OID_INTERVAL, (int)typmod);
		return true;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_interval_out(&sb, &iv);
	xlat_string(c, arena_strndup(c->a, sb.data, sb.len));
	strbuf_fini(&sb);
	return true;
}

/* A date, time, timestamp or interval: a cast between two reads no session setting. */
static bool plain_dt(uint32_t oid)
{
	return oid == XLAT_OID_DATE || oid == XLAT_OID_TIME || oid == XLAT_OID_TIMESTAMP ||
	       oid == XLAT_OID_INTERVAL;
}

bool xlat_dt_cast_expr(struct xlat_ctx *c, const char *x, uint32_t from, uint32_t to)
{
	/* in a stored expression, PostgreSQL's IMMUTABLE casts (timestamp::date) as the
	 * deterministic form an index or a generated column may call */
	bool immutable = (c->flags & XLAT_X_STORED) && plain_dt(from) && plain_dt(to);
	xlat_printf(c, "%s(%s, %u, %u)", immutable ? "pg_dt_icast" : "pg_dt_cast", x, from, to);
	return true;
}

static bool is_int(uint32_t oid)
{
	return oid == XLAT_OID_INT2 || oid == XLAT_OID_INT4 || oid == XLAT_OID_INT8;
}

static bool is_ts(uint32_t oid) { return oid == XLAT_OID_TIMESTAMP || oid == XLAT_OID_TIMESTAMPTZ; }

static bool is_num(uint32_t oid)
{
	return is_int(oid) || oid == XLAT_OID_NUMERIC || oid == XLAT_OID_FLOAT4 ||
	       oid == XLAT_OID_FLOAT8;
}

/* The result type of a + b / a - b, or 0 with *known false when there is no such operator. */
static uint32_t arith_result(const char *op, uint32_t a, uint32_t b, bool *known)
{
	*known = true;
	bool plus = *op == '+';
	if (a == XLAT_OID_DATE && is_int(b))
		return XLAT_OID_DATE;
	if (plus && is_int(a) && b == XLAT_OID_DATE)
		return XLAT_OID_DATE;
	if (b == XLAT_OID_INTERVAL) {
		if (a == XLAT_OID_DATE)
			return XLAT_OID_TIMESTAMP;
		if (is_ts(a) || a == XLAT_OID_TIME || a == XLAT_OID_INTERVAL || a == 0)
			return a;
	}
	if (plus && a == XLAT_OID_INTERVAL)
		return b == XLAT_OID_DATE ? XLAT_OID_TIMESTAMP : b;
	if (plus && ((a == XLAT_OID_DATE && b == XLAT_OID_TIME) ||
		     (a == XLAT_OID_TIME && b == XLAT_OID_DATE)))
		return XLAT_OID_TIMESTAMP;
	if (!plus && a == XLAT_OID_DATE && b == XLAT_OID_DATE)
		return XLAT_OID_INT4;
	if (!plus && (is_ts(a) || a == XLAT_OID_DATE) && (is_ts(b) || b == XLAT_OID_DATE))
		return XLAT_OID_INTERVAL;
	if (!plus && a == XLAT_OID_TIME && b == XLAT_OID_TIME)
		return XLAT_OID_INTERVAL;
	*known = a == 0 || b == 0 || a == XLAT_OID_UNKNOWN || b == XLAT_OID_UNKNOWN;
	return 0;
}

bool xlat_no_operator(struct xlat_ctx *c, const char *op, uint32_t a, uint32_t b, int location)
{
	xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, location, "operator does not exist: %s %s %s",
		  xlat_type_name(a), op, xlat_type_name(b));
	pgerr_hint(c->err, "No operator matches the given name and argument types. You might "
			   "need to add explicit type casts.");
	return false;
}

/* The type PostgreSQL reads a string literal as beside a value of type other under + or -: the
 * same type when an operator of two such exists (date - date, interval + interval), else
 * interval (timestamp + '1 day', '1 hour' + time); 0 where that is ambiguous (date + '1'). */
static uint32_t unknown_operand(char op, uint32_t other)
{
	if (op == '-' || other == XLAT_OID_INTERVAL)
		return other;
	return other == XLAT_OID_DATE ? 0 : XLAT_OID_INTERVAL;
}

/* In a stored expression (XLAT_X_STORED), the name of an operator function whose operand types
 * a and b PostgreSQL's operator reads without the session (IMMUTABLE): the deterministic form
 * SQLite lets an index or a generated column call (pgfn_dtarith.c), else name. cmp: a
 * comparison, where only a timestamptz beside a date or timestamp needs the session. */
static const char *dt_fn(const struct xlat_ctx *c, const char *name, const char *immutable,
			 uint32_t a, uint32_t b, char op)
{
	bool tz_a = a == XLAT_OID_TIMESTAMPTZ, tz_b = b == XLAT_OID_TIMESTAMPTZ;
	if (!(c->flags & XLAT_X_STORED) || (op == '+' ? tz_a || tz_b : tz_a != tz_b))
		return name;
	return immutable;
}

/* The string literal lit (its SQL text) read as type oid beside a date/time value: in a
 * stored expression, a literal that reads the same in every session is stored read, as
 * PostgreSQL's parser folds it when the CHECK or index is made; else pg_dt_cast at run time. */
static const char *dt_unknown(struct xlat_ctx *c, const char *lit, uint32_t oid)
{
	size_t n = strlen(lit);
	bool plain = n >= 2 && lit[0] == '\'' && lit[n - 1] == '\'';
	for (size_t i = 1; plain && i + 1 < n; i++) /* one literal: its quotes doubled */
		if (lit[i] == '\'' && lit[++i] != '\'')
			plain = false;
	if ((c->flags & XLAT_X_STORED) && plain && oid != XLAT_OID_TIMESTAMPTZ &&
	    oid != XLAT_OID_TIMETZ) {
		struct strbuf text;
		strbuf_init(&text, 0);
		for (size_t i = 1; i + 1 < n; i++)
			strbuf_putc(&text, lit[i] == '\'' ? lit[i++] : lit[i]);
		const char *s = arena_strndup(c->a, text.data ? text.data : "", text.len);
		strbuf_fini(&text);
		size_t mark = c->sb->len;
		struct pgerr saved = *c->err;
		bool ok = oid == XLAT_OID_INTERVAL ? xlat_dt_interval_literal(c, s, -1, -1)
						   : xlat_dt_literal(c, oid, s, -1);
		const char *out = arena_strndup(c->a, c->sb->data + mark, c->sb->len - mark);
		c->sb->len = mark;
		c->sb->data[mark] = '\0';
		if (ok && !strstr(out, "pg_dt_cast"))
			return out;
		*c->err = saved;
	}
	return arena_printf(c->a, "pg_dt_cast(%s, %u, %u)", lit, XLAT_OID_TEXT, oid);
}

int xlat_dt_operator(struct xlat_ctx *c, const char *op, const char *l, struct xlat_type lt,
		     const char *r, struct xlat_type rt, int location, struct xlat_type *t)
{
	uint32_t a = lt.oid, b = rt.oid;
	/* timetz ± interval, interval + timetz: the time of day moves, the offset stays */
	if (op[1] == '\0' &&
	    ((a == XLAT_OID_TIMETZ && b == XLAT_OID_INTERVAL && (op[0] == '+' || op[0] == '-')) ||
	     (a == XLAT_OID_INTERVAL && b == XLAT_OID_TIMETZ && op[0] == '+'))) {
		*t = (struct xlat_type){XLAT_OID_TIMETZ, -1};
		bool swap = a == XLAT_OID_INTERVAL;
		xlat_printf(c, "pg_dt_add(%s, %u, %s, %u, %d)", swap ? r : l, swap ? b : a,
			    swap ? l : r, swap ? a : b, op[0] == '-' ? -1 : 1);
		return 1;
	}
	if ((a == XLAT_OID_TIMETZ || b == XLAT_OID_TIMETZ) && (op[0] == '+' || op[0] == '-') &&
	    !op[1] && a != XLAT_OID_UNKNOWN && b != XLAT_OID_UNKNOWN && a && b) {
		/* date + timetz (either order) is the timestamptz of that local time and offset;
		 * any other sum or difference with a timetz is no operator (it added numbers) */
		bool date_l = a == XLAT_OID_DATE, date_r = b == XLAT_OID_DATE;
		if (op[0] != '+' || !(date_l || date_r))
			return xlat_no_operator(c, op, a, b, location) ? 1 : -1;
		*t = (struct xlat_type){XLAT_OID_TIMESTAMPTZ, -1};
		xlat_printf(c, "pg_dt_cast((%s) || ' ' || (%s), %u, %u)", date_l ? l : r,
			    date_l ? r : l, XLAT_OID_TEXT, XLAT_OID_TIMESTAMPTZ);
		return 1;
	}
	if (strchr("=<>", op[0]) && (a == XLAT_OID_TIMETZ || b == XLAT_OID_TIMETZ) &&
	    (a == b || a == XLAT_OID_UNKNOWN || b == XLAT_OID_UNKNOWN)) {
		/* timetz_cmp's order (COLLATE pgfn_timetz, pgfn_dtarith.c); a literal read in the
		 * session's zone first */
		bool lit_l = a == XLAT_OID_UNKNOWN, lit_r = b == XLAT_OID_UNKNOWN;
		*t = (struct xlat_type){XLAT_OID_BOOL, -1};
		xlat_printf(c, "(%s%s%s %s %s%s%s COLLATE pgfn_timetz)", lit_l ? "pg_dt_cast(" : "",
			    l, lit_l ? ", 25, 1266)" : "", op, lit_r ? "pg_dt_cast(" : "", r,
			    lit_r ? ", 25, 1266)" : "");
		return 1;
	}
	bool ta = xlat_type_is_temporal(a) && a != XLAT_OID_TIMETZ;
	bool tb = xlat_type_is_temporal(b) && b != XLAT_OID_TIMETZ;
	if (!ta && !tb)
		return 0;
	*t = (struct xlat_type){0, -1};
	bool cmp = strchr("=<>", op[0]) != NULL;
	if (cmp) {
		/* same-typed dates and timestamps compare as their normalized text (indexes work) */
		if (a == b && a != XLAT_OID_INTERVAL)
			return 0;
		/* a string literal takes the other side's type, read in the session's zone */
		if (ta && b == XLAT_OID_UNKNOWN && a != XLAT_OID_INTERVAL) {
			t->oid = XLAT_OID_BOOL;
			xlat_printf(c, "%s %s %s", l, op, dt_unknown(c, r, a));
			return 1;
		}
		if (tb && a == XLAT_OID_UNKNOWN && b != XLAT_OID_INTERVAL) {
			t->oid = XLAT_OID_BOOL;
			xlat_printf(c, "%s %s %s", dt_unknown(c, l, b), op, r);
			return 1;
		}
		if (!(ta && tb) && a != XLAT_OID_INTERVAL && b != XLAT_OID_INTERVAL)
			return 0;
		t->oid = XLAT_OID_BOOL;
		if ((c->flags & XLAT_X_STORED) && a == XLAT_OID_UNKNOWN) /* beside an interval */
			l = dt_unknown(c, l, b), a = b;
		if ((c->flags & XLAT_X_STORED) && b == XLAT_OID_UNKNOWN)
			r = dt_unknown(c, r, a), b = a;
		xlat_printf(c, "(%s(%s, %u, %s, %u) %s 0)",
			    dt_fn(c, "pg_dt_cmp", "pg_dt_icmp", a, b, '='), l, a, r, b, op);
		return 1;
	}
	if ((op[0] == '*' || op[0] == '/') && !op[1]) {
		bool left_iv = a == XLAT_OID_INTERVAL && (is_num(b) || b == 0);
		bool right_iv = op[0] == '*' && b == XLAT_OID_INTERVAL && (is_num(a) || a == 0);
		if (!left_iv && !right_iv)
			return xlat_no_operator(c, op, a, b, location) ? 1 : -1;
		t->oid = XLAT_OID_INTERVAL;
		xlat_printf(c, "%s(%s, %s, %d)",
			    c->flags & XLAT_X_STORED ? "pg_interval_imul" : "pg_interval_mul",
			    left_iv ? l : r, left_iv ? r : l, op[0] == '/');
		return 1;
	}
	if ((op[0] != '+' && op[0] != '-') || op[1])
		return xlat_no_operator(c, op, a, b, location) ? 1 : -1;
	if ((ta && b == XLAT_OID_UNKNOWN) || (tb && a == XLAT_OID_UNKNOWN)) {
		/* a string literal beside a date/time value: PostgreSQL's resolution */
		bool left = a == XLAT_OID_UNKNOWN;
		uint32_t other = left ? b : a, as = unknown_operand(op[0], other);
		if (!as) {
			xlat_fail(c, "42725", location, "operator is not unique: %s %s %s",
				  xlat_type_name(a), op, xlat_type_name(b));
			pgerr_hint(c->err, "Could not choose a best candidate operator. You might "
					   "need to add explicit type casts.");
			return -1;
		}
		const char *cast = dt_unknown(c, left ? l : r, as);
		return xlat_dt_operator(c, op, left ? cast : l,
					left ? (struct xlat_type){as, -1} : lt, left ? r : cast,
					left ? rt : (struct xlat_type){as, -1}, location, t);
	}
	if (op[0] == '+' && a == XLAT_OID_TIME && b == XLAT_OID_TIME) {
		/* time + interval and time + date both take a time: PostgreSQL cannot choose */
		xlat_fail(c, "42725", location, "operator is not unique: %s %s %s", xlat_type_name(a),
			  op, xlat_type_name(b));
		pgerr_hint(c->err, "Could not choose a best candidate operator. You might need to "
				   "add explicit type casts.");
		return -1;
	}
	bool known;
	t->oid = arith_result(op, a, b, &known);
	if (!known)
		return xlat_no_operator(c, op, a, b, location) ? 1 : -1;
	bool sub = op[0] == '-' && b != XLAT_OID_INTERVAL && !is_int(b);
	const char *add = dt_fn(c, "pg_dt_add", "pg_dt_iadd", a, b, '+');
	if ((is_int(a) || a == XLAT_OID_TIME) && b == XLAT_OID_DATE) /* the date first */
		xlat_printf(c, "%s(%s, %u, %s, %u, 1)", add, r, b, l, a);
	else if (sub)
		xlat_printf(c, "%s(%s, %u, %s, %u)", dt_fn(c, "pg_dt_sub", "pg_dt_isub", a, b, '-'),
			    l, a, r, b);
	else
		xlat_printf(c, "%s(%s, %u, %s, %u, %d)", add, l, a, r, b, op[0] == '-' ? -1 : 1);
	return 1;
}

/* ---- functions ---- */

static const char *fname(const PgQuery__FuncCall *f)
{
	return xlat_node_str(f->funcname[f->n_funcname - 1]);
}

/* An argument and, after it, its static type OID. */
static bool typed_arg(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	if (!xlat_expr(c, n, t))
		return false;
	xlat_printf(c, ", %u", t->oid == XLAT_OID_UNKNOWN ? 0 : t->oid);
	return true;
}

static bool plain_arg(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_type ignored;
	return xlat_expr(c, n, &ignored);
}

/* now(), transaction_timestamp(), statement_timestamp(), clock_timestamp(). */
bool xlat_dt_now(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	const char *name = fname(f);
	int kind = strcmp(name, "statement_timestamp") == 0 ? 1
		   : strcmp(name, "clock_timestamp") == 0   ? 2
							    : 0;
	*t = (struct xlat_type){XLAT_OID_TIMESTAMPTZ, -1};
	xlat_printf(c, "pg_current(%u, -1, %d)", XLAT_OID_TIMESTAMPTZ, kind);
	return true;
}

bool xlat_dt_sqlvalue(struct xlat_ctx *c, uint32_t oid, int32_t typmod, struct xlat_type *t)
{
	*t = (struct xlat_type){oid, typmod};
	xlat_printf(c, "pg_current(%u, %d)", oid, typmod);
	return true;
}

/* 42725 when the value argument is untyped (NULL, a string literal) and the function has
 * overloads of more than one type category for it (timestamp[tz] and interval, ...), as
 * PostgreSQL's resolution finds no best candidate; tv[0] is the first argument's. */
static bool untyped_value(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type first,
			  struct xlat_type value)
{
	struct xlat_type tv[2] = {first, value};
	if (value.oid != XLAT_OID_UNKNOWN)
		return true;
	return xlat_func_not_unique(c, fname(f), f->n_args == 1 ? &value : tv, f->n_args,
				    f->location);
}

/* date_trunc(field, x [, zone]): a date is truncated as a timestamptz; with a zone the only
 * overload is timestamptz's, to which a timestamp converts in the session's zone. */
bool xlat_dt_date_trunc(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type xt, ft;
	size_t head = c->sb->len;
	xlat_puts(c, "pg_date_trunc(");
	if (!xlat_expr(c, f->args[0], &ft))
		return false;
	xlat_puts(c, ", ");
	size_t mark = c->sb->len;
	if (!xlat_expr(c, f->args[1], &xt))
		return false;
	if (f->n_args == 2 && !untyped_value(c, f, ft, xt))
		return false;
	if (f->n_args == 3 && (xt.oid == XLAT_OID_TIMESTAMP || xt.oid == XLAT_OID_DATE)) {
		xlat_insert_at(c, mark, "pg_dt_cast(");
		xlat_printf(c, ", %u, %u)", xt.oid, XLAT_OID_TIMESTAMPTZ);
		xt.oid = XLAT_OID_TIMESTAMPTZ;
	}
	xlat_printf(c, ", %u", xt.oid == XLAT_OID_UNKNOWN ? 0 : xt.oid);
	if (f->n_args == 2 && (c->flags & XLAT_X_STORED) && plain_dt(xt.oid) &&
	    xt.oid != XLAT_OID_DATE) /* IMMUTABLE: the deterministic form (pgfn_dtpart.c) */
		xlat_insert_at(c, head + 8, "i"); /* pg_date_itrunc */
	if (f->n_args == 3) {
		xlat_puts(c, ", ");
		if (!plain_arg(c, f->args[2]))
			return false;
	}
	xlat_puts(c, ")");
	*t = (struct xlat_type){xt.oid == XLAT_OID_DATE || xt.oid == XLAT_OID_UNKNOWN
					? XLAT_OID_TIMESTAMPTZ
					: xt.oid,
				-1};
	return true;
}

/* date_bin(stride, source, origin): a timestamp's bin is a timestamp, anything else's (an
 * unknown literal, a date) a timestamptz's, as PostgreSQL resolves the call. */
bool xlat_dt_date_bin(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type xt;
	xlat_puts(c, "pg_date_bin(");
	if (!plain_arg(c, f->args[0]))
		return false;
	xlat_puts(c, ", ");
	if (!xlat_expr(c, f->args[1], &xt))
		return false;
	uint32_t oid = xt.oid == XLAT_OID_TIMESTAMP ? XLAT_OID_TIMESTAMP : XLAT_OID_TIMESTAMPTZ;
	xlat_printf(c, ", %u, ", xt.oid == XLAT_OID_DATE ? XLAT_OID_DATE : oid);
	if (!plain_arg(c, f->args[2]))
		return false;
	xlat_puts(c, ")");
	*t = (struct xlat_type){oid, -1};
	return true;
}

/* extract(field FROM x) is numeric, date_part(field, x) double precision. The numeric is
 * decimal text with PostgreSQL's scale (5.500000) only where it goes straight to the client
 * (XLAT_X_EXACT); elsewhere a number, which SQLite compares as one (extract(year FROM d) =
 * 2024: text is never equal to an integer). */
bool xlat_dt_extract(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type xt;
	bool numeric = strcmp(fname(f), "extract") == 0;
	int mode = !numeric ? 0 : (c->flags & XLAT_X_EXACT) ? 1 : 2;
	unsigned exact = c->flags & XLAT_X_EXACT; /* the result's, not the arguments' */
	c->flags &= ~(unsigned)XLAT_X_EXACT;
	size_t head = c->sb->len;
	xlat_puts(c, "pg_extract(");
	bool ok = plain_arg(c, f->args[0]);
	xlat_puts(c, ", ");
	ok = ok && typed_arg(c, f->args[1], &xt);
	if (ok && (c->flags & XLAT_X_STORED) && plain_dt(xt.oid))
		xlat_insert_at(c, head + 3, "i"); /* pg_iextract: IMMUTABLE (pgfn_dtpart.c) */
	c->flags |= exact;
	if (!ok || !untyped_value(c, f, (struct xlat_type){XLAT_OID_TEXT, -1}, xt))
		return false;
	xlat_printf(c, ", %d)", mode);
	*t = (struct xlat_type){numeric ? XLAT_OID_NUMERIC : XLAT_OID_FLOAT8, -1};
	return true;
}

bool xlat_dt_age(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type xt;
	xlat_puts(c, "pg_age(");
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!typed_arg(c, f->args[i], &xt))
			return false;
	}
	if (f->n_args == 1 && xt.oid == XLAT_OID_XID) /* the numbers here are no xids to age */
		return xlat_unsupported(c, f->location, "age(xid)");
	if (f->n_args == 1 && !untyped_value(c, f, xt, xt)) /* age(timestamp[tz]) */
		return false;
	xlat_puts(c, ")");
	*t = (struct xlat_type){XLAT_OID_INTERVAL, -1};
	return true;
}

/* make_interval's parameters, in order; each defaults to 0 and may be named. */
static const char *const interval_params[] = {"years", "months", "weeks", "days",
					      "hours", "mins",   "secs"};

static bool make_interval(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	const PgQuery__Node *slot[7] = {NULL};
	for (size_t i = 0; i < f->n_args; i++) {
		const PgQuery__Node *a = f->args[i];
		size_t k = i;
		if (a->node_case == NODE(NAMED_ARG_EXPR)) {
			for (k = 0; k < 7 && strcmp(interval_params[k], a->named_arg_expr->name);
			     k++)
				;
			a = a->named_arg_expr->arg;
		}
		if (k >= 7 || slot[k])
			return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
					 "function make_interval with these arguments does not "
					 "exist");
		slot[k] = a;
	}
	for (size_t k = 0; k < 7; k++) {
		xlat_puts(c, ", ");
		if (!slot[k])
			xlat_puts(c, "0");
		else if (!plain_arg(c, slot[k]))
			return false;
	}
	return true;
}

/* make_date, make_time, make_timestamp, make_timestamptz, make_interval. */
bool xlat_dt_make(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	const char *name = fname(f) + 5;
	uint32_t oid = strcmp(name, "date") == 0          ? XLAT_OID_DATE
		       : strcmp(name, "time") == 0        ? XLAT_OID_TIME
		       : strcmp(name, "timestamp") == 0   ? XLAT_OID_TIMESTAMP
		       : strcmp(name, "timestamptz") == 0 ? XLAT_OID_TIMESTAMPTZ
							  : XLAT_OID_INTERVAL;
	size_t want = oid == XLAT_OID_DATE || oid == XLAT_OID_TIME ? 3 : 6;
	*t = (struct xlat_type){oid, -1};
	xlat_printf(c, "pg_make(%u", oid);
	if (oid == XLAT_OID_INTERVAL) {
		if (!make_interval(c, f))
			return false;
	} else {
		if (f->n_args != want && !(oid == XLAT_OID_TIMESTAMPTZ && f->n_args == 7))
			return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
					 "function %s with %zu arguments does not exist", fname(f),
					 f->n_args);
		for (size_t i = 0; i < f->n_args; i++) {
			xlat_puts(c, ", ");
			if (!plain_arg(c, f->args[i]))
				return false;
		}
	}
	xlat_puts(c, ")");
	return true;
}

bool xlat_dt_to_char(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type xt;
	xlat_puts(c, "pg_to_char(");
	unsigned operand = c->flags & XLAT_X_EXACT_OPERAND;
	if (c->flags & XLAT_X_EXACT) /* a numeric constant's digits as text (xlat_numeric.c) */
		c->flags |= XLAT_X_EXACT_OPERAND;
	bool ok = typed_arg(c, f->args[0], &xt);
	c->flags = (c->flags & ~(unsigned)XLAT_X_EXACT_OPERAND) | operand;
	if (!ok)
		return false;
	xlat_puts(c, ", ");
	struct xlat_type ft;
	if (!xlat_expr(c, f->args[1], &ft))
		return false;
	if (xt.oid == XLAT_OID_UNKNOWN) { /* to_char of numbers, date/times and intervals */
		struct xlat_type tv[2] = {xt, ft};
		return xlat_func_not_unique(c, fname(f), tv, 2, f->location);
	}
	xlat_puts(c, ")");
	*t = (struct xlat_type){XLAT_OID_TEXT, -1};
	return true;
}

/* to_timestamp(text, fmt), to_timestamp(seconds), to_date(text, fmt). */
bool xlat_dt_to_timestamp(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	bool date = strcmp(fname(f), "to_date") == 0;
	*t = (struct xlat_type){date ? XLAT_OID_DATE : XLAT_OID_TIMESTAMPTZ, -1};
	if (f->n_args == 1 && !date) {
		xlat_puts(c, "pg_to_timestamp_epoch(");
		if (!plain_arg(c, f->args[0]))
			return false;
		xlat_puts(c, ")");
		return true;
	}
	if (f->n_args != 2)
		return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
				 "function %s with %zu arguments does not exist", fname(f),
				 f->n_args);
	xlat_puts(c, "pg_to_timestamp(");
	if (!plain_arg(c, f->args[0]))
		return false;
	xlat_puts(c, ", ");
	if (!plain_arg(c, f->args[1]))
		return false;
	xlat_printf(c, ", %u)", t->oid);
	return true;
}

/* timezone(zone, x): x AT TIME ZONE zone. */
bool xlat_dt_timezone(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type xt;
	xlat_puts(c, "pg_timezone(");
	if (!plain_arg(c, f->args[0]))
		return false;
	xlat_puts(c, ", ");
	/* an untyped string or parameter is a timestamptz, the preferred type PostgreSQL's
	 * resolution picks: read in the session's zone ('1997-02-10 17:32' AT TIME ZONE 'UTC'
	 * moves it; it was read as a timestamp in UTC) */
	const PgQuery__AConst *k = xlat_const_value(c, f->args[1]);
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
		if (!xlat_dt_literal(c, XLAT_OID_TIMESTAMPTZ, k->sval->sval, k->location))
			return false;
		xt = (struct xlat_type){XLAT_OID_TIMESTAMPTZ, -1};
		xlat_printf(c, ", %u", xt.oid);
	} else if (xlat_untyped_param(c, f->args[1])) { /* $1 AT TIME ZONE z: $1 timestamptz */
		xlat_infer_like(c, f->args[1], (struct xlat_type){XLAT_OID_TIMESTAMPTZ, -1});
		if (!plain_arg(c, f->args[1]))
			return false;
		xt = (struct xlat_type){XLAT_OID_TIMESTAMPTZ, -1};
		xlat_printf(c, ", %u", xt.oid);
	} else if (!typed_arg(c, f->args[1], &xt)) {
		return false;
	}
	xlat_puts(c, ")");
	*t = (struct xlat_type){xt.oid == XLAT_OID_TIMESTAMP ? XLAT_OID_TIMESTAMPTZ
				: xt.oid == XLAT_OID_TIMETZ  ? XLAT_OID_TIMETZ
				: xt.oid == 0                ? 0
							     : XLAT_OID_TIMESTAMP,
				-1};
	return true;
}

bool xlat_dt_justify(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	const char *name = fname(f) + 8;
	xlat_puts(c, "pg_justify(");
	if (!plain_arg(c, f->args[0]))
		return false;
	xlat_printf(c, ", %d)", strcmp(name, "days") == 0 ? 1 : strcmp(name, "hours") == 0 ? 2 : 3);
	*t = (struct xlat_type){XLAT_OID_INTERVAL, -1};
	return true;
}

/* isfinite(x), timeofday(). */
bool xlat_dt_misc(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type xt;
	if (strcmp(fname(f), "timeofday") == 0) {
		*t = (struct xlat_type){XLAT_OID_TEXT, -1};
		xlat_puts(c, "pg_timeofday()");
		return true;
	}
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	xlat_puts(c, "pg_isfinite(");
	if (!typed_arg(c, f->args[0], &xt))
		return false;
	xlat_puts(c, ")");
	return true;
}

/* (s1, e1) OVERLAPS (s2, e2): each bound with its static type (an end may be an interval). */
bool xlat_dt_overlaps(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type xt;
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	xlat_puts(c, "pg_overlaps(");
	for (size_t i = 0; i < 4; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!typed_arg(c, f->args[i], &xt))
			return false;
	}
	xlat_puts(c, ")");
	return true;
}
