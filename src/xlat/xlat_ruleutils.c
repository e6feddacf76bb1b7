/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_ruleutils.c: a view's query laid out as PostgreSQL 15's ruleutils.c prints it for
 * pg_get_viewdef: columns qualified by their relation, one target per line, each clause on its
 * own line, literals and the implicit casts parse analysis adds, parentheses with and without
 * the pretty flag, and the wrap column. The query is typed here from the tenant's column types
 * (xlat_schema) the way PostgreSQL's parse analysis types it, for the operators and functions
 * this file knows. An expression it cannot type exactly is written as libpg_query deparses it
 * (the text pg_get_viewdef gave before); a query whose layout it cannot reproduce (a FROM item
 * or clause it does not know) is not laid out at all (false). */
#include "xlat_ruleutils.h"

#include <ctype.h>
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- names ---- */

/* quote_identifier: bare when PostgreSQL's scanner reads it back as this plain name, which a
 * keyword (other than an unreserved one) is not: tried by the parser itself, as a function's
 * name (no column-name keyword) and a relation's (no type-or-function-name keyword). */
static bool bare_ident(const char *s)
{
	if (!*s || !(islower((unsigned char)*s) || *s == '_'))
		return false;
	for (const char *p = s; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_'))
			return false;
	char sql[200];
	if (snprintf(sql, sizeof(sql), "SELECT %s() FROM %s", s, s) >= (int)sizeof(sql))
		return false;
	PgQueryParseResult p = pg_query_parse(sql);
	bool ok = !p.error && p.parse_tree && strstr(p.parse_tree, "\"FuncCall\"") &&
		  strstr(p.parse_tree, "\"RangeVar\"");
	pg_query_free_parse_result(p);
	return ok;
}

const char *xlat_ru_quote(struct ru *r, const char *s)
{
	for (size_t i = 0; i < r->nmemo; i++)
		if (strcmp(r->memo[i].name, s) == 0)
			return r->memo[i].quoted;
	const char *out = s;
	if (!bare_ident(s)) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_put_quoted(&sb, s, '"');
		out = sb.failed ? s : ru_strdup(r, sb.data);
		strbuf_fini(&sb);
	}
	if (r->nmemo < ARRAY_LEN(r->memo)) {
		r->memo[r->nmemo].name = s;
		r->memo[r->nmemo++].quoted = out;
	}
	return out;
}

/* The tenant's enum of OID oid (not its array), for an index's or CHECK's text only: NULL
 * elsewhere (a view's SQLite text orders an enum through its collation, not printed here). */
static const struct xlat_enum *ru_enum(const struct ru *r, uint32_t oid)
{
	for (size_t i = 0; r->bare && r->schema && oid >= 16384 && i < r->schema->nenums; i++)
		if (r->schema->enums[i].oid == oid)
			return &r->schema->enums[i];
	return NULL;
}

/* format_type_with_typemod's spelling, NULL for a type or typmod this file does not name. */
const char *xlat_ru_type_name(struct ru *r, struct rtype t)
{
	const struct xlat_enum *en = t.oid != NOTYPE ? ru_enum(r, t.oid) : NULL;
	if (en)
		return t.typmod < 0 ? xlat_ru_quote(r, en->name) : NULL;
	const struct pgtype_info *ti = t.oid != NOTYPE ? pgtype_by_oid(t.oid) : NULL;
	if (!ti || t.oid == PGTYPE_UNKNOWN)
		return NULL;
	if (t.typmod < 0) /* format_type_with_typemod's bpchar: not character, which is char(1) */
		return t.oid == PGTYPE_BPCHAR ? "bpchar" : ti->sql_name;
	if (t.oid == PGTYPE_VARCHAR || t.oid == PGTYPE_BPCHAR)
		return arena_printf(r->a, "%s(%d)", ti->sql_name, (int)(t.typmod - 4));
	if (t.oid == PGTYPE_NUMERIC)
		return arena_printf(r->a, "numeric(%d,%d)", (int)((t.typmod - 4) >> 16),
				    (int)((t.typmod - 4) & 0xffff));
	return NULL;
}

/* ---- the deparsed text of one expression (what it falls back to) ---- */

static const char *raw_text(struct ru *r, PgQuery__Node *n)
{
	const char *out = xlat_deparse_expr_in(r->a, n);
	if (!out)
		r->fail = true;
	return out ? out : "";
}

struct rnode *xlat_ru_node(struct ru *r, enum rkind k, struct rtype t)
{
	struct rnode *e = ru_zalloc(r, sizeof(*e));
	e->kind = k;
	e->type = t;
	return e;
}

struct rnode *xlat_ru_raw(struct ru *r, PgQuery__Node *n)
{
	struct rnode *e = xlat_ru_node(r, R_RAW, (struct rtype){NOTYPE, -1});
	e->text = raw_text(r, n);
	return e;
}

/* ---- typing ---- */

static bool canonical_int(const char *s)
{
	const char *p = s + (*s == '-');
	if (!isdigit((unsigned char)*p) || (*p == '0' && (p[1] || p != s)) || strlen(p) > 18)
		return false;
	for (; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	return true;
}

/* uuid_out's form: lower-case hex digits, 8-4-4-4-12 */
static bool canonical_uuid(const char *s)
{
	static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
	if (strlen(s) != sizeof(shape) - 1)
		return false;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'x' ? !strchr("0123456789abcdef", s[i]) || !s[i] : s[i] != '-')
			return false;
	return true;
}

/* A date's or timestamp's stored form outside years 1..9999 (pgtype_dt_store) as
 * PostgreSQL's text in buf: a date's without a time, a timestamp's with one. */
static bool far_year(const char *s, bool with_time, char *buf, size_t cap)
{
	size_t n = pgtype_dt_unstore(s, strlen(s), buf, cap);
	return n && (strchr(buf, ':') != NULL) == with_time;
}

static bool canonical_date(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	if (strlen(s) != sizeof(shape) - 1)
		return false;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
			return false;
	int m = atoi(s + 5), d = atoi(s + 8);
	int y = atoi(s);
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] &&
	       (m != 2 || d <= 28 || leap);
}

/* timestamp_out's spelling (DateStyle ISO): a date, hh:mm:ss, fractional digits without
 * trailing zeros */
static bool canonical_timestamp(const char *s)
{
	char d[11];
	if (strlen(s) < 19 || s[10] != ' ')
		return false;
	memcpy(d, s, 10);
	d[10] = '\0';
	const char *t = s + 11;
	for (int i = 0; i < 8; i++)
		if (i == 2 || i == 5 ? t[i] != ':' : !isdigit((unsigned char)t[i]))
			return false;
	if (!canonical_date(d) || atoi(t) > 23 || atoi(t + 3) > 59 || atoi(t + 6) > 59)
		return false;
	if (!t[8])
		return true;
	size_t n = strlen(t + 9);
	if (t[8] != '.' || n < 1 || n > 6 || t[8 + n] == '0')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)t[9 + i]))
			return false;
	return true;
}

/* numeric_out's own spelling: [-]digits[.digits], no leading zero, no exponent */
static bool canonical_numeric(const char *s)
{
	const char *dot = strchr(s, '.');
	if (!dot)
		return canonical_int(s);
	char head[24];
	size_t n = (size_t)(dot - s);
	if (n >= sizeof(head) || !dot[1])
		return false;
	memcpy(head, s, n);
	head[n] = '\0';
	if (!canonical_int(head) && strcmp(head, "-0") != 0)
		return false;
	for (const char *p = dot + 1; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	return true;
}

/* interval_out's text (IntervalStyle postgres) of v, unless its reading depends on the
 * session's IntervalStyle ('-1 2:03:04'). */
static bool interval_text(struct strbuf *sb, const char *v)
{
	struct pgtype_interval iv;
	struct pgerr err;
	if (pgtype_interval_sign_applies(v, strlen(v)) ||
	    !pgtype_interval_in(v, strlen(v), &iv, &err))
		return false;
	strbuf_putc(sb, '\'');
	pgtype_interval_out(sb, &iv);
	strbuf_putc(sb, '\'');
	return true;
}

/* time_out's text of v, a time of day written with digits ('8:00' is '08:00:00'). */
static bool time_text(struct strbuf *sb, const char *v)
{
	int64_t t;
	struct pgerr err;
	if (strspn(v, "0123456789:. ") != strlen(v) || !pgtype_time_in(v, strlen(v), &t, &err))
		return false;
	strbuf_putc(sb, '\'');
	pgtype_time_out(sb, t);
	strbuf_putc(sb, '\'');
	return true;
}

/* get_const_expr's text of value v of type t (showtype 0); NULL when this file cannot tell
 * how the type's output function writes it. */
static bool const_text(struct ru *r, struct rnode *c, const char *v, struct rtype t)
{
	c->type = t;
	if (c->isnull) {
		c->text = "NULL";
		c->label = true;
		return xlat_ru_type_name(r, t) != NULL;
	}
	struct strbuf sb;
	char far[96];
	strbuf_init(&sb, 0);
	bool label = true, ok = true;
	if (t.oid == PGTYPE_INT4 && canonical_int(v)) {
		if (*v == '-')
			strbuf_printf(&sb, "'%s'", v);
		else
			strbuf_puts(&sb, v);
		label = *v == '-';
	} else if (t.oid == PGTYPE_INT8 && canonical_int(v)) {
		strbuf_printf(&sb, "'%s'", v);
	} else if (t.oid == PGTYPE_NUMERIC && t.typmod < 0 && canonical_numeric(v)) {
		/* bare when it looks like a float constant, else quoted with its type */
		label = !(isdigit((unsigned char)*v) && strchr(v, '.'));
		if (label)
			strbuf_printf(&sb, "'%s'", v);
		else
			strbuf_puts(&sb, v);
	} else if (t.oid == PGTYPE_TEXT || t.oid == PGTYPE_NAME ||
		   ((t.oid == PGTYPE_VARCHAR || t.oid == PGTYPE_BPCHAR) && t.typmod < 0)) {
		ok = !strchr(v, '\\');
		strbuf_put_quoted(&sb, v, '\'');
	} else if (t.oid == 3734 /* regconfig */ && *v &&
		   strspn(v, "abcdefghijklmnopqrstuvwxyz_") == strlen(v)) {
		strbuf_put_quoted(&sb, v, '\''); /* 'english'::regconfig: a configuration's name */
	} else if (t.oid == PGTYPE_BOOL && r->bare &&
		   (strcmp(v, "true") == 0 || strcmp(v, "false") == 0)) {
		/* an index's boolean constant (the SQLite text of a view has none): bare */
		strbuf_puts(&sb, v);
		label = false;
	} else if (ru_enum(r, t.oid)) { /* a label, as enum_out writes it: 'x'::mood */
		const struct xlat_enum *en = ru_enum(r, t.oid);
		ok = false;
		for (size_t i = 0; i < en->nlabels; i++)
			ok |= strcmp(en->labels[i], v) == 0;
		ok = ok && !strchr(v, '\\');
		strbuf_put_quoted(&sb, v, '\'');
	} else if ((t.oid == PGTYPE_DATE || (t.oid == PGTYPE_TIMESTAMP && t.typmod < 0)) &&
		   far_year(v, t.oid == PGTYPE_TIMESTAMP, far, sizeof(far))) {
		strbuf_printf(&sb, "'%s'", far); /* '.9956-03-15' is '0044-03-15 BC' */
	} else if (t.oid == PGTYPE_TIMESTAMP && t.typmod < 0 && canonical_date(v)) {
		strbuf_printf(&sb, "'%s 00:00:00'", v); /* a date's midnight, as timestamp_out */
	} else if (t.oid == PGTYPE_INTERVAL && t.typmod < 0 && !strchr(v, '\'') &&
		   interval_text(&sb, v)) {
		/* '00:01:00'::interval of interval '1 minute' */
	} else if (t.oid == PGTYPE_TIME && t.typmod < 0 && time_text(&sb, v)) {
	} else if (t.oid == PGTYPE_UUID && canonical_uuid(v)) {
		strbuf_printf(&sb, "'%s'", v);
	} else if ((t.oid == PGTYPE_DATE && canonical_date(v)) ||
		   (t.oid == PGTYPE_TIMESTAMP && t.typmod < 0 && canonical_timestamp(v))) {
		strbuf_printf(&sb, "'%s'", v);
	} else {
		ok = false;
	}
	c->text = ok && !sb.failed ? ru_strdup(r, sb.data) : NULL;
	c->label = label;
	strbuf_fini(&sb);
	return c->text != NULL;
}

/* coerce_type: e as type t, with the cast PostgreSQL adds (shown as ::t). NULL when this file
 * does not know the coercion. */
struct rnode *xlat_ru_coerce(struct ru *r, struct rnode *e, struct rtype t)
{
	if (!e || e->type.oid == NOTYPE)
		return NULL;
	if (same_type(e->type, t) || (e->type.oid == t.oid && t.typmod < 0))
		return e;
	if (e->type.oid == PGTYPE_UNKNOWN && e->kind == R_CONST) {
		t.typmod = -1; /* coerce_to_common_type's: none */
		struct rnode *c = xlat_ru_node(r, R_CONST, t);
		c->isnull = e->isnull;
		return const_text(r, c, e->text, t) ? c : NULL;
	}
	bool implicit =
		(is_int(e->type.oid) && is_int(t.oid) && int_rank(e->type.oid) < int_rank(t.oid)) ||
		(is_int(e->type.oid) && t.oid == PGTYPE_NUMERIC) ||
		((is_int(e->type.oid) || e->type.oid == PGTYPE_NUMERIC) &&
		 t.oid == PGTYPE_FLOAT8) ||
		(e->type.oid == PGTYPE_VARCHAR && t.oid == PGTYPE_TEXT);
	if (!implicit || t.typmod >= 0)
		return NULL;
	struct rnode *c = xlat_ru_node(r, R_CAST, t);
	c->args = ru_zalloc(r, sizeof(*c->args));
	c->args[0] = e;
	c->nargs = 1;
	return c;
}

/* ---- analysis ---- */

static struct rnode *var(struct ru *r, const struct rel *rel, long k)
{
	struct rnode *e = xlat_ru_node(r, R_VAR, rel->types[k]);
	e->rel = rel->shown;
	e->colname = rel->names[k];
	return e;
}

static struct rnode *column_ref(struct ru *r, const PgQuery__ColumnRef *cr)
{
	const char *rn = NULL, *col = NULL;
	if (cr->n_fields == 1 && cr->fields[0]->node_case == NODE(STRING)) {
		col = xlat_node_str(cr->fields[0]);
	} else if (cr->n_fields == 2 && cr->fields[0]->node_case == NODE(STRING) &&
		   cr->fields[1]->node_case == NODE(STRING)) {
		rn = xlat_node_str(cr->fields[0]);
		col = xlat_node_str(cr->fields[1]);
	}
	if (!col)
		return NULL;
	for (const struct level *l = r->lvl; l; l = l->up) {
		if (rn) {
			const struct rel *rel = find_rel(l, rn);
			if (!rel)
				continue;
			long k = rel_col(rel, col);
			return k >= 0 ? var(r, rel, k) : NULL;
		}
		for (size_t i = l->nmerged; i-- > 0;)
			if (strcmp(l->merged[i].name, col) == 0)
				return var(r, &l->rels[l->merged[i].rel],
					   rel_col(&l->rels[l->merged[i].rel], col));
		const struct rel *hit = NULL;
		long hk = -1;
		for (size_t i = 0; i < l->nrels; i++) {
			long k = rel_col(&l->rels[i], col);
			if (k >= 0 && hit)
				return NULL; /* ambiguous */
			if (k >= 0) {
				hit = &l->rels[i];
				hk = k;
			}
		}
		if (hit)
			return var(r, hit, hk);
	}
	return NULL;
}

struct rnode *xlat_ru_const(struct ru *r, const PgQuery__AConst *k)
{
	struct rnode *c = xlat_ru_node(r, R_CONST, T(PGTYPE_UNKNOWN));
	if (k->isnull) {
		c->isnull = true;
		return c;
	}
	switch (k->val_case) {
	case PG_QUERY__A__CONST__VAL_IVAL:
		return const_text(r, c, arena_printf(r->a, "%d", (int)k->ival->ival),
				  T(PGTYPE_INT4))
			       ? c
			       : NULL;
	case PG_QUERY__A__CONST__VAL_FVAL: {
		const char *v = k->fval->fval;
		if (canonical_int(v)) /* too big for an integer: bigint */
			return const_text(r, c, v, T(PGTYPE_INT8)) ? c : NULL;
		return strchr(v, 'e') || strchr(v, 'E') || !const_text(r, c, v, T(PGTYPE_NUMERIC))
			       ? NULL
			       : c;
	}
	case PG_QUERY__A__CONST__VAL_SVAL:
		c->text = k->sval->sval;
		return c;
	case PG_QUERY__A__CONST__VAL_BOOLVAL:
		return const_text(r, c, k->boolval->boolval ? "true" : "false", T(PGTYPE_BOOL))
			       ? c
			       : NULL;
	default:
		return NULL;
	}
}

/* A date/time operator of x and y (op + - * / or a comparison) and its result type: those
 * whose operands PostgreSQL takes as they are, without a cast. */
static bool dt_binop(const char *op, bool cmp, uint32_t x, uint32_t y, struct rtype *res)
{
	bool ts = x == PGTYPE_TIMESTAMP || x == PGTYPE_TIMESTAMPTZ;
	char o = op[1] ? 0 : op[0];
	uint32_t r = 0;
	if (x == y && (x == PGTYPE_TIME || x == PGTYPE_INTERVAL) && cmp)
		r = PGTYPE_BOOL;
	else if ((o == '+' || o == '-') && y == PGTYPE_INTERVAL &&
		 (ts || x == PGTYPE_TIME || x == PGTYPE_INTERVAL))
		r = x;
	else if ((o == '+' || o == '-') && x == PGTYPE_DATE && y == PGTYPE_INTERVAL)
		r = PGTYPE_TIMESTAMP;
	else if (o == '-' && x == PGTYPE_DATE && y == PGTYPE_DATE)
		r = PGTYPE_INT4;
	else if (o == '-' && x == y && (ts || x == PGTYPE_TIME))
		r = PGTYPE_INTERVAL;
	else if ((o == '*' || o == '/') && x == PGTYPE_INTERVAL &&
		 (y == PGTYPE_INT4 || y == PGTYPE_FLOAT8))
		r = PGTYPE_INTERVAL;
	*res = T(r);
	return r != 0;
}

static struct rnode *binop(struct ru *r, const char *op, struct rnode *a, struct rnode *b)
{
	if (!a || !b || a->type.oid == NOTYPE || b->type.oid == NOTYPE)
		return NULL;
	uint32_t x = a->type.oid, y = b->type.oid;
	bool cmp = strcmp(op, "=") == 0 || strcmp(op, "<>") == 0 || strcmp(op, "<") == 0 ||
		   strcmp(op, ">") == 0 || strcmp(op, "<=") == 0 || strcmp(op, ">=") == 0;
	bool arith = strcmp(op, "+") == 0 || strcmp(op, "-") == 0 || strcmp(op, "*") == 0 ||
		     strcmp(op, "/") == 0;
	bool mod = strcmp(op, "%") == 0;
	bool strop = strcmp(op, "||") == 0 || strcmp(op, "~~") == 0 || strcmp(op, "!~~") == 0 ||
		     strcmp(op, "~~*") == 0 || strcmp(op, "!~~*") == 0 || strcmp(op, "~") == 0 ||
		     strcmp(op, "!~") == 0 || strcmp(op, "~*") == 0 || strcmp(op, "!~*") == 0;
	/* an unknown literal takes the other side's type (PostgreSQL's first guess) */
	if (x == PGTYPE_UNKNOWN && y == PGTYPE_UNKNOWN)
		return NULL;
	struct rtype ta = a->type, tb = b->type, res;
	if (x == PGTYPE_UNKNOWN)
		ta = is_str(y) ? T(PGTYPE_TEXT) : (struct rtype){y, -1};
	bool json_op = (x == PGTYPE_JSONB || x == PGTYPE_JSON) &&
		       (strcmp(op, "->") == 0 || strcmp(op, "->>") == 0);
	bool key_op = x == PGTYPE_JSONB && strcmp(op, "?") == 0; /* jsonb ? text */
	if (y == PGTYPE_UNKNOWN)                                 /* a json field's key is text */
		tb = is_str(x) || json_op || key_op ? T(PGTYPE_TEXT) : (struct rtype){x, -1};
	x = ta.oid;
	y = tb.oid;
	if (is_str(x) && is_str(y) && (cmp || strop)) {
		ta = tb = T(PGTYPE_TEXT);
		res = strcmp(op, "||") == 0 ? T(PGTYPE_TEXT) : T(PGTYPE_BOOL);
	} else if (is_int(x) && is_int(y) && (cmp || arith)) {
		/* int2/int4/int8 have operators for each pair */
		ta = T(x);
		tb = T(y);
		res = cmp ? T(PGTYPE_BOOL) : T(int_rank(x) >= int_rank(y) ? x : y);
	} else if (is_int(x) && is_int(y) && mod) {
		ta = tb = T(int_rank(x) >= int_rank(y) ? x : y);
		res = ta;
	} else if ((x == PGTYPE_NUMERIC || is_int(x)) && (y == PGTYPE_NUMERIC || is_int(y)) &&
		   (cmp || arith || mod)) {
		ta = tb = res = T(PGTYPE_NUMERIC);
		if (cmp)
			res = T(PGTYPE_BOOL);
	} else if (x == PGTYPE_DATE && y == PGTYPE_INT4 &&
		   (strcmp(op, "+") == 0 || strcmp(op, "-") == 0)) {
		ta = T(x); /* date_pli, date_mii */
		tb = T(y);
		res = T(PGTYPE_DATE);
	} else if (dt_binop(op, cmp, x, y, &res)) {
		/* date_mi, timestamp_pl_interval ... (the date/time operators of CHECKs, indexes
		 * and generated columns, xlat_checkexpr.c); an integer factor of an interval is
		 * float8, shown cast */
		ta = T(x);
		tb = x == PGTYPE_INTERVAL && y != PGTYPE_INTERVAL ? T(PGTYPE_FLOAT8) : T(y);
	} else if ((x == PGTYPE_FLOAT8 || y == PGTYPE_FLOAT8) &&
		   (x == PGTYPE_FLOAT8 || x == PGTYPE_NUMERIC || is_int(x)) &&
		   (y == PGTYPE_FLOAT8 || y == PGTYPE_NUMERIC || is_int(y)) && (cmp || arith)) {
		/* float8's operators; an integer or numeric operand cast to it (shown) */
		ta = tb = res = T(PGTYPE_FLOAT8);
		if (cmp)
			res = T(PGTYPE_BOOL);
	} else if (x == y &&
		   (x == PGTYPE_DATE || x == PGTYPE_BOOL || x == PGTYPE_TIMESTAMP ||
		    x == PGTYPE_UUID || x == PGTYPE_NAME || x == PGTYPE_BPCHAR ||
		    x == PGTYPE_TIMESTAMPTZ) &&
		   cmp) {
		ta = tb = T(x);
		res = T(PGTYPE_BOOL);
	} else if (x == y && cmp && ru_enum(r, x)) { /* enum_lt ... of one enum */
		ta = tb = T(x);
		res = T(PGTYPE_BOOL);
	} else if (key_op && is_str(y)) {
		ta = T(x);
		tb = T(PGTYPE_TEXT);
		res = T(PGTYPE_BOOL);
	} else if (json_op && (is_str(y) || y == PGTYPE_INT4)) {
		/* a field by its key (text) or an element by its index (int4) */
		ta = T(x);
		tb = T(is_str(y) ? PGTYPE_TEXT : PGTYPE_INT4);
		res = strcmp(op, "->") == 0 ? T(x) : T(PGTYPE_TEXT);
	} else {
		return NULL;
	}
	struct rnode *e = xlat_ru_node(r, R_OP, res);
	e->text = op;
	e->args = ru_zalloc(r, 2 * sizeof(*e->args));
	e->args[0] = xlat_ru_coerce(r, a, ta);
	e->args[1] = xlat_ru_coerce(r, b, tb);
	e->nargs = 2;
	return e->args[0] && e->args[1] ? e : NULL;
}

static struct rnode *boolexpr(struct ru *r, enum rbool op, struct rnode **v, size_t n)
{
	struct rnode *e = xlat_ru_node(r, R_BOOL, T(PGTYPE_BOOL));
	e->boolop = op;
	e->args = ru_zalloc(r, n * sizeof(*e->args));
	for (size_t i = 0; i < n; i++) {
		e->args[i] = xlat_ru_coerce(r, v[i], T(PGTYPE_BOOL));
		if (!e->args[i] || e->args[i]->type.oid != PGTYPE_BOOL)
			return NULL;
	}
	e->nargs = n;
	return e;
}

static const char *op_name(const PgQuery__AExpr *x)
{
	return x->n_name == 1 ? xlat_node_str(x->name[0]) : NULL;
}

/* The pattern of a LIKE in the SQLite text: ESCAPE '\' (parsed as like_escape(p, '\')) is
 * the translator spelling out PostgreSQL's default (xlat_pred.c), so p; a user's own
 * ESCAPE '\' reads the same and loses its like_escape (docs/sql-compat.md). */
static PgQuery__Node *like_pattern(PgQuery__Node *n)
{
	if (n->node_case != NODE(FUNC_CALL) || n->func_call->n_args != 2)
		return n;
	const PgQuery__FuncCall *f = n->func_call;
	const PgQuery__Node *e = f->args[1];
	if (strcmp(xlat_node_str(f->funcname[f->n_funcname - 1]), "like_escape") != 0 ||
	    e->node_case != NODE(A_CONST) || e->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL ||
	    strcmp(e->a_const->sval->sval, "\\") != 0)
		return n;
	return f->args[0];
}

static struct rnode *a_expr(struct ru *r, const PgQuery__AExpr *x)
{
	const char *op = op_name(x);
	if (!op)
		return NULL;
	switch (x->kind) {
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
		if (!x->lexpr) { /* prefix minus */
			struct rnode *a = xlat_ru_expr(r, x->rexpr);
			if (!a || strcmp(op, "-") != 0 ||
			    !(is_int(a->type.oid) || a->type.oid == PGTYPE_NUMERIC))
				return NULL;
			struct rnode *e = xlat_ru_node(r, R_OP, a->type);
			e->text = op;
			e->args = ru_zalloc(r, sizeof(*e->args));
			e->args[0] = a;
			e->nargs = 1;
			return e;
		}
		return binop(r, op, xlat_ru_expr(r, x->lexpr), xlat_ru_expr(r, x->rexpr));
	case PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT: {
		/* a DistinctExpr: typed and printed as the = it calls */
		struct rnode *e =
			binop(r, "=", xlat_ru_expr(r, x->lexpr), xlat_ru_expr(r, x->rexpr));
		if (e)
			e->text = "IS DISTINCT FROM";
		return e;
	}
	case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
		return binop(r,
			     strcmp(op, "~~") == 0    ? "~~"
			     : strcmp(op, "!~~") == 0 ? "!~~"
						      : "?",
			     xlat_ru_expr(r, x->lexpr), xlat_ru_expr(r, like_pattern(x->rexpr)));
	case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE: /* an index's (a view's text has lower()) */
		return binop(r,
			     strcmp(op, "~~*") == 0    ? "~~*"
			     : strcmp(op, "!~~*") == 0 ? "!~~*"
						       : "?",
			     xlat_ru_expr(r, x->lexpr), xlat_ru_expr(r, like_pattern(x->rexpr)));
	case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
	case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN: {
		const PgQuery__Node *l = x->rexpr;
		if (!l || l->node_case != NODE(LIST) || l->list->n_items != 2)
			return NULL;
		bool not = x->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN;
		struct rnode *v[2] = {binop(r, not ? "<" : ">=", xlat_ru_expr(r, x->lexpr),
					    xlat_ru_expr(r, l->list->items[0])),
				      binop(r, not ? ">" : "<=", xlat_ru_expr(r, x->lexpr),
					    xlat_ru_expr(r, l->list->items[1]))};
		return v[0] && v[1] ? boolexpr(r, not ? RB_OR : RB_AND, v, 2) : NULL;
	}
	case PG_QUERY__A__EXPR__KIND__AEXPR_IN: {
		/* x IN (a, b): x = ANY (ARRAY[a, b]), all coerced to their common type, which
		 * must have its own = (a string's is text's: not laid out); NOT IN: x <> ALL (...);
		 * one item: x = a, x <> a (transformAExprIn) */
		const PgQuery__Node *l = x->rexpr;
		if (!l || l->node_case != NODE(LIST) ||
		    (strcmp(op, "=") != 0 && strcmp(op, "<>")) || !l->list->n_items)
			return NULL;
		if (l->list->n_items == 1)
			return binop(r, op, xlat_ru_expr(r, x->lexpr),
				     xlat_ru_expr(r, l->list->items[0]));
		size_t n = l->list->n_items + 1;
		struct rnode **v = ru_zalloc(r, n * sizeof(*v));
		if (!(v[0] = xlat_ru_expr(r, x->lexpr)))
			return NULL;
		for (size_t i = 1; i < n; i++)
			if (!(v[i] = xlat_ru_expr(r, l->list->items[i - 1])))
				return NULL;
		struct rtype t;
		if (!xlat_ru_common_type(v, n, &t) ||
		    !(is_int(t.oid) || t.oid == PGTYPE_NUMERIC || t.oid == PGTYPE_TEXT ||
		      t.oid == PGTYPE_DATE || t.oid == PGTYPE_VARCHAR || t.oid == PGTYPE_BPCHAR ||
		      ru_enum(r, t.oid)))
			return NULL;
		struct rnode *e = xlat_ru_node(r, R_ARRAYOP, T(PGTYPE_BOOL));
		e->nargs = n;
		e->args = v;
		for (size_t i = 0; i < n; i++)
			if (!(v[i] = xlat_ru_coerce(r, v[i], (struct rtype){t.oid, -1})))
				return NULL;
		/* varchar has no = of its own: text's, the left side and the varchar[] array
		 * relabeled to text (both shown: (x)::text = ANY ((ARRAY[...])::text[])) */
		if (t.oid == PGTYPE_VARCHAR) {
			e->label = true;
			if (!(v[0] = xlat_ru_coerce(r, v[0], T(PGTYPE_TEXT))))
				return NULL;
		}
		e->text = op;
		return e;
	}
	default:
		return NULL;
	}
}

/* A text argument: a string or a literal (which reads as text there) */
static bool str_arg(uint32_t oid) { return is_str(oid) || oid == PGTYPE_UNKNOWN; }

/* The functions whose result type this file knows, by their arguments' types. */
static bool func_type(const char *name, bool star, struct rnode **v, size_t n, struct rtype *out,
		      bool *agg)
{
	uint32_t a = n ? v[0]->type.oid : 0;
	*agg = false;
	if (strcmp(name, "now") == 0 && !star && n == 0) {
		*out = T(PGTYPE_TIMESTAMPTZ);
		return true;
	}
	/* date_trunc(text, timestamp|timestamptz|interval) and EXTRACT(field FROM x) of a
	 * date/time value (numeric): the stored expressions' (xlat_checkexpr.c) */
	uint32_t b = n == 2 ? v[1]->type.oid : 0;
	if (n == 2 && !star && (a == PGTYPE_UNKNOWN || a == PGTYPE_TEXT) &&
	    strcmp(name, "date_trunc") == 0 &&
	    (b == PGTYPE_TIMESTAMP || b == PGTYPE_TIMESTAMPTZ || b == PGTYPE_INTERVAL)) {
		*out = T(b);
		return true;
	}
	if (n == 2 && !star && (a == PGTYPE_UNKNOWN || a == PGTYPE_TEXT) &&
	    strcmp(name, "date_part") == 0 &&
	    (b == PGTYPE_DATE || b == PGTYPE_TIME || b == PGTYPE_TIMESTAMP ||
	     b == PGTYPE_TIMESTAMPTZ || b == PGTYPE_INTERVAL)) {
		*out = T(PGTYPE_FLOAT8);
		return true;
	}
	if (n == 2 && !star && a == PGTYPE_UNKNOWN && v[0]->kind == R_CONST && !v[0]->isnull &&
	    v[0]->text && *v[0]->text &&
	    strspn(v[0]->text, "abcdefghijklmnopqrstuvwxyz_") == strlen(v[0]->text) &&
	    strcmp(name, "extract") == 0 &&
	    (b == PGTYPE_DATE || b == PGTYPE_TIME || b == PGTYPE_TIMESTAMP ||
	     b == PGTYPE_TIMESTAMPTZ || b == PGTYPE_INTERVAL)) {
		*out = T(PGTYPE_NUMERIC);
		return true;
	}
	if (strcmp(name, "count") == 0 && (star ? n == 0 : n == 1)) {
		*agg = true;
		*out = T(PGTYPE_INT8);
		return true;
	}
	if ((strcmp(name, "btrim") == 0 || strcmp(name, "ltrim") == 0 ||
	     strcmp(name, "rtrim") == 0) &&
	    (n == 1 || n == 2) && is_str(a) && (n == 1 || str_arg(v[1]->type.oid))) {
		*out = T(PGTYPE_TEXT);
		return true;
	}
	if (strcmp(name, "position") == 0 && n == 2 && is_str(a) && str_arg(v[1]->type.oid)) {
		*out = T(PGTYPE_INT4);
		return true;
	}
	if (strcmp(name, "substr") == 0 && (n == 2 || n == 3) && is_str(a) &&
	    v[1]->type.oid == PGTYPE_INT4 && (n == 2 || v[2]->type.oid == PGTYPE_INT4)) {
		*out = T(PGTYPE_TEXT);
		return true;
	}
	/* to_tsvector([config,] text): Mattermost's GIN indexes */
	if (strcmp(name, "to_tsvector") == 0 && !star &&
	    ((n == 1 && is_str(a)) ||
	     (n == 2 && (a == PGTYPE_UNKNOWN || a == 3734) && is_str(v[1]->type.oid)))) {
		*out = T(PGTYPE_TSVECTOR);
		return true;
	}
	if (star || n != 1 || a == NOTYPE || a == PGTYPE_UNKNOWN)
		return false;
	if ((strcmp(name, "jsonb_typeof") == 0 && a == PGTYPE_JSONB) ||
	    (strcmp(name, "json_typeof") == 0 && a == PGTYPE_JSON)) {
		*out = T(PGTYPE_TEXT);
		return true;
	}
	if (strcmp(name, "max") == 0 || strcmp(name, "min") == 0) {
		*agg = true;
		*out = is_str(a) ? T(PGTYPE_TEXT) : T(a);
		return is_int(a) || is_str(a) || a == PGTYPE_NUMERIC || a == PGTYPE_DATE;
	}
	if (strcmp(name, "sum") == 0 && (is_int(a) || a == PGTYPE_NUMERIC)) {
		*agg = true;
		*out = T(a == PGTYPE_INT8 || a == PGTYPE_NUMERIC ? PGTYPE_NUMERIC : PGTYPE_INT8);
		return true;
	}
	if (strcmp(name, "avg") == 0 && (is_int(a) || a == PGTYPE_NUMERIC)) {
		*agg = true;
		*out = T(PGTYPE_NUMERIC);
		return true;
	}
	if ((strcmp(name, "upper") == 0 || strcmp(name, "lower") == 0) && is_str(a)) {
		*out = T(PGTYPE_TEXT);
		return true;
	}
	if ((strcmp(name, "length") == 0 || strcmp(name, "char_length") == 0 ||
	     strcmp(name, "octet_length") == 0) &&
	    is_str(a)) {
		*out = T(PGTYPE_INT4);
		return true;
	}
	/* abs(int2|int4|int8|numeric|float8) and round(numeric): the argument's type */
	if (strcmp(name, "abs") == 0 && (is_int(a) || a == PGTYPE_NUMERIC || a == PGTYPE_FLOAT8)) {
		*out = T(a);
		return true;
	}
	if (strcmp(name, "round") == 0 && a == PGTYPE_NUMERIC) {
		*out = T(a);
		return true;
	}
	return false;
}

/* The tenant's function name (not a pg_temp one: PostgreSQL does not look there for
 * functions) of n arguments (the rest defaulted) of exactly v's types, an unknown literal
 * taking its parameter's;
 * NULL when none or several match, or the one returns a set, a row or a polymorphic type. */
static const struct xlat_udf *user_function(const struct ru *r, const char *name, struct rnode **v,
					    size_t n)
{
	const struct xlat_udf *found = NULL;
	for (uint32_t k = 0; r->schema && k < r->schema->nudfs; k++) {
		const struct xlat_udf *u = &r->schema->udfs[k];
		bool ok = u->kind == 'f' && !u->temp && u->nargs >= n &&
			  n + u->ndefaults >= u->nargs && strcmp(u->name, name) == 0;
		for (size_t i = 0; ok && i < n; i++)
			ok = v[i]->type.oid == u->argtypes[i] || v[i]->type.oid == PGTYPE_UNKNOWN;
		if (!ok)
			continue;
		if (found)
			return NULL;
		found = u;
	}
	if (found && (found->retset || found->nouts || found->rettype == 2249 /* record */ ||
		      found->rettype == PGTYPE_VOID || found->rettype == XLAT_OID_TRIGGER ||
		      xlat_udf_polymorphic(found)))
		return NULL;
	return found;
}

static struct rnode *func_call(struct ru *r, const PgQuery__FuncCall *f)
{
	/* TRIM(...) and POSITION(a IN b) are pg_catalog.btrim/ltrim/rtrim/position in SQL's
	 * syntax, printed in it (get_func_sql_syntax) */
	const char *ns = f->n_funcname == 2 ? xlat_node_str(f->funcname[0]) : NULL;
	bool sql = ns && strcmp(ns, "pg_catalog") == 0 &&
		   f->funcformat == PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX;
	/* a tenant's function qualified with the schema relations are written with */
	bool own = ns && r->qualify && strcmp(ns, r->qualify) == 0;
	if ((f->n_funcname != 1 && !sql && !own) || f->n_agg_order || f->agg_filter || f->over ||
	    f->agg_within_group || f->func_variadic || (f->agg_distinct && f->agg_star))
		return NULL;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	if (!name ||
	    (sql && strcmp(name, "btrim") != 0 && strcmp(name, "ltrim") != 0 &&
	     strcmp(name, "rtrim") != 0 && strcmp(name, "position") != 0 &&
	     strcmp(name, "extract") != 0) ||
	    (!sql && strcmp(name, "extract") == 0) || (!sql && strcmp(name, "position") == 0))
		return NULL;
	struct rnode **v = ru_zalloc(r, f->n_args * sizeof(*v));
	for (size_t i = 0; i < f->n_args; i++)
		if (!(v[i] = xlat_ru_expr(r, f->args[i])) || v[i]->type.oid == NOTYPE)
			return NULL;
	struct rtype t;
	bool agg = false;
	const struct xlat_udf *u =
		sql || f->agg_star || f->agg_distinct ? NULL : user_function(r, name, v, f->n_args);
	if (own && !u)
		return NULL;
	if (u) {
		t = T(u->rettype);
		for (size_t i = 0; i < f->n_args; i++)
			if (!(v[i] = xlat_ru_coerce(r, v[i], T(u->argtypes[i]))))
				return NULL;
	} else if (!func_type(name, f->agg_star, v, f->n_args, &t, &agg) ||
		   (f->agg_distinct && !agg)) {
		return NULL;
	}
	struct rnode *e = xlat_ru_node(r, R_FUNC, t);
	e->text = name;
	e->fschema = u ? r->qualify : NULL;
	e->sql_syntax = sql;
	e->star = f->agg_star;
	e->distinct = f->agg_distinct;
	e->args = v;
	e->nargs = f->n_args;
	if (strcmp(name, "to_tsvector") == 0) { /* (config regconfig, document text) */
		if (e->nargs == 2 && !(e->args[0] = xlat_ru_coerce(r, v[0], T(3734))))
			return NULL;
		return (e->args[e->nargs - 1] = xlat_ru_coerce(r, v[e->nargs - 1], T(PGTYPE_TEXT)))
			       ? e
			       : NULL;
	}
	/* a text function (max of a string too; not count's "any") of a varchar: the argument
	 * relabelled to text (shown) */
	for (size_t i = 0; i < e->nargs && is_str(v[i]->type.oid) && strcmp(name, "count") != 0;
	     i++)
		if (!(e->args[i] = xlat_ru_coerce(r, v[i], T(PGTYPE_TEXT))))
			return NULL;
	/* the text functions' literal arguments are text (trim's characters, position's),
	 * date_trunc's field too ('day'::text) */
	if (strcmp(name, "date_trunc") == 0 || strcmp(name, "date_part") == 0)
		return (e->args[0] = xlat_ru_coerce(r, v[0], T(PGTYPE_TEXT))) ? e : NULL;
	bool texts = strcmp(name, "btrim") == 0 || strcmp(name, "ltrim") == 0 ||
		     strcmp(name, "rtrim") == 0 || strcmp(name, "position") == 0;
	for (size_t i = 0; texts && i < e->nargs; i++)
		if (!(e->args[i] = xlat_ru_coerce(r, e->args[i], T(PGTYPE_TEXT))))
			return NULL;
	return e;
}

/* select_common_type over the few types this file resolves: one type, int widening to the
 * widest, unknown literals taking the others' type, all-unknown text. */
bool xlat_ru_common_type(struct rnode **v, size_t n, struct rtype *out)
{
	struct rtype t = T(PGTYPE_UNKNOWN);
	for (size_t i = 0; i < n; i++) {
		struct rtype x = v[i]->type;
		if (x.oid == NOTYPE)
			return false;
		if (x.oid == PGTYPE_UNKNOWN)
			continue;
		if (t.oid == PGTYPE_UNKNOWN)
			t = x;
		else if (is_int(t.oid) && is_int(x.oid))
			t = T(int_rank(t.oid) >= int_rank(x.oid) ? t.oid : x.oid);
		else if (t.oid != x.oid && (is_int(t.oid) || t.oid == PGTYPE_NUMERIC) &&
			 (is_int(x.oid) || x.oid == PGTYPE_NUMERIC))
			t = T(PGTYPE_NUMERIC); /* an integer coerces to numeric, not the reverse */
		else if (t.oid != x.oid)
			return false;
		else if (t.typmod != x.typmod)
			t.typmod = -1;
	}
	*out = t.oid == PGTYPE_UNKNOWN ? T(PGTYPE_TEXT) : t;
	return true;
}

static struct rnode *case_expr(struct ru *r, const PgQuery__CaseExpr *c)
{
	size_t n = c->n_args;
	struct rnode *arg = c->arg ? xlat_ru_expr(r, c->arg) : NULL;
	if (c->arg && (!arg || arg->type.oid == NOTYPE || arg->type.oid == PGTYPE_UNKNOWN))
		return NULL;
	struct rnode **res = ru_zalloc(r, (n + 1) * sizeof(*res));
	struct rnode **cond = ru_zalloc(r, n * sizeof(*cond));
	for (size_t i = 0; i < n; i++) {
		const PgQuery__CaseWhen *w =
			c->args[i]->node_case == NODE(CASE_WHEN) ? c->args[i]->case_when : NULL;
		if (!w)
			return NULL;
		cond[i] = xlat_ru_expr(r, w->expr);
		res[i] = xlat_ru_expr(r, w->result);
		if (!cond[i] || !res[i])
			return NULL;
		cond[i] = arg ? (same_type(cond[i]->type, arg->type) ||
						 cond[i]->type.oid == PGTYPE_UNKNOWN
					 ? xlat_ru_coerce(r, cond[i], arg->type)
					 : NULL)
			      : xlat_ru_coerce(r, cond[i], T(PGTYPE_BOOL));
		if (!cond[i] || (!arg && cond[i]->type.oid != PGTYPE_BOOL))
			return NULL;
	}
	struct rnode *def = c->defresult ? xlat_ru_expr(r, c->defresult)
					 : xlat_ru_node(r, R_CONST, T(PGTYPE_UNKNOWN));
	if (!def)
		return NULL;
	if (!c->defresult)
		def->isnull = true;
	res[n] = def;
	struct rtype t;
	if (!xlat_ru_common_type(res, n + 1, &t))
		return NULL;
	struct rnode *e = xlat_ru_node(r, R_CASE, t);
	e->case_arg = arg != NULL;
	e->nargs = (arg ? 1 : 0) + 2 * n + 1;
	e->args = ru_zalloc(r, e->nargs * sizeof(*e->args));
	size_t k = 0;
	if (arg)
		e->args[k++] = arg;
	for (size_t i = 0; i < n; i++) {
		e->args[k++] = cond[i];
		if (!(e->args[k++] = xlat_ru_coerce(r, res[i], t)))
			return NULL;
	}
	return (e->args[k] = xlat_ru_coerce(r, res[n], t)) ? e : NULL;
}

/* COALESCE(args), or GREATEST/LEAST(args) (name), of their common type */
static struct rnode *coalesce(struct ru *r, PgQuery__Node **args, size_t n, const char *name)
{
	struct rnode **v = ru_zalloc(r, n * sizeof(*v));
	for (size_t i = 0; i < n; i++)
		if (!(v[i] = xlat_ru_expr(r, args[i])))
			return NULL;
	struct rtype t;
	if (!n || !xlat_ru_common_type(v, n, &t))
		return NULL;
	struct rnode *e = xlat_ru_node(r, R_COALESCE, t);
	e->text = name;
	e->args = v;
	e->nargs = n;
	for (size_t i = 0; i < e->nargs; i++)
		if (!(e->args[i] = xlat_ru_coerce(r, v[i], t)))
			return NULL;
	return e;
}

static struct rnode *sublink(struct ru *r, const PgQuery__SubLink *s)
{
	if (!s->subselect || s->subselect->node_case != NODE(SELECT_STMT))
		return NULL;
	struct rnode *test = NULL;
	if (s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK) {
		if (s->n_oper_name || !s->testexpr || !(test = xlat_ru_expr(r, s->testexpr)))
			return NULL; /* IN only, over one column */
	} else if (s->sub_link_type != PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK &&
		   s->sub_link_type != PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK) {
		return NULL;
	}
	struct rquery *q = xlat_ru_analyze(r, s->subselect->select_stmt);
	if (!q)
		return NULL;
	struct rnode *e = xlat_ru_node(r, R_SUBLINK, T(PGTYPE_BOOL));
	e->sub = q;
	switch (s->sub_link_type) {
	case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
		e->text = "EXISTS";
		return e;
	case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK:
		if (q->ntargets != 1 || q->types[0].oid == NOTYPE ||
		    q->types[0].oid == PGTYPE_UNKNOWN)
			return NULL;
		e->type = q->types[0];
		return e;
	default:
		if (q->ntargets != 1 || !(same_type(test->type, q->types[0]) ||
					  (is_int(test->type.oid) && is_int(q->types[0].oid))))
			return NULL; /* int2/int4/int8 compare across types without a cast */
		e->text = "IN";
		e->args = ru_zalloc(r, sizeof(*e->args));
		e->args[0] = test;
		e->nargs = 1;
		return e;
	}
}

/* An explicit cast of an index's expression (the PostgreSQL text: a view's SQLite text has
 * SQLite's casts) to a type named without a modifier: a literal becomes a constant of the
 * type, a cast to the expression's own type is none, any other is shown as (x)::type. */
static struct rnode *type_cast(struct ru *r, const PgQuery__TypeCast *tc)
{
	const PgQuery__TypeName *tn = tc->type_name;
	if (!tn || tn->n_typmods || tn->n_array_bounds || tn->setof || tn->n_names < 1)
		return NULL;
	int32_t typmod = -1;
	const char *name = xlat_node_str(tn->names[tn->n_names - 1]);
	uint32_t oid = name ? pgtype_from_decl(name, &typmod) : 0;
	for (size_t i = 0; r->bare && r->schema && name && i < r->schema->nenums; i++) {
		if (strcmp(r->schema->enums[i].name, name) == 0) { /* 'x'::mood */
			oid = r->schema->enums[i].oid;
			typmod = -1;
		}
	}
	if (oid && oid >= 16384 && tn->n_names > 1 &&
	    strcmp(xlat_node_str(tn->names[0]) ? xlat_node_str(tn->names[0]) : "", "public") != 0)
		return NULL;
	struct rnode *a = xlat_ru_expr(r, tc->arg);
	/* a name pgtype does not know reads as text: only "text" itself is */
	if (!oid || (oid == PGTYPE_TEXT && strcmp(name, "text") != 0) || typmod >= 0 || !a ||
	    a->type.oid == NOTYPE || !xlat_ru_type_name(r, T(oid)))
		return NULL;
	/* the same type is no cast; one dropping a typmod (char(4) to bpchar) is shown */
	if (a->type.oid == PGTYPE_UNKNOWN || (a->type.oid == oid && a->type.typmod < 0))
		return xlat_ru_coerce(r, a, T(oid));
	struct rnode *c = xlat_ru_node(r, R_CAST, T(oid));
	c->label = true; /* explicit: shown whatever showimplicit */
	c->args = ru_zalloc(r, sizeof(*c->args));
	c->args[0] = a;
	c->nargs = 1;
	return c;
}

static struct rnode *expr_or_null(struct ru *r, PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(COLUMN_REF):
		return column_ref(r, n->column_ref);
	case NODE(A_CONST):
		return xlat_ru_const(r, n->a_const);
	case NODE(A_EXPR):
		return a_expr(r, n->a_expr);
	case NODE(BOOL_EXPR): {
		const PgQuery__BoolExpr *b = n->bool_expr;
		struct rnode **v = ru_zalloc(r, b->n_args * sizeof(*v));
		for (size_t i = 0; i < b->n_args; i++)
			if (!(v[i] = xlat_ru_expr(r, b->args[i])))
				return NULL;
		enum rbool op = b->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR  ? RB_AND
				: b->boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR ? RB_OR
										 : RB_NOT;
		return b->n_args ? boolexpr(r, op, v, b->n_args) : NULL;
	}
	case NODE(NULL_TEST): {
		struct rnode *a = n->null_test->argisrow ? NULL
							 : xlat_ru_expr(r, n->null_test->arg);
		if (!a || a->type.oid == NOTYPE || a->type.oid == PGTYPE_UNKNOWN)
			return NULL;
		struct rnode *e = xlat_ru_node(r, R_NULLTEST, T(PGTYPE_BOOL));
		e->isnull = n->null_test->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NULL;
		e->args = ru_zalloc(r, sizeof(*e->args));
		e->args[0] = a;
		e->nargs = 1;
		return e;
	}
	case NODE(BOOLEAN_TEST): { /* printed as a NullTest is, with its test's words */
		static const char *const tests[] = {NULL,
						    " IS TRUE",
						    " IS NOT TRUE",
						    " IS FALSE",
						    " IS NOT FALSE",
						    " IS UNKNOWN",
						    " IS NOT UNKNOWN"};
		const PgQuery__BooleanTest *bt = n->boolean_test;
		unsigned k = (unsigned)bt->booltesttype;
		struct rnode *a = k && k < 7 ? xlat_ru_expr(r, bt->arg) : NULL;
		if (!a || a->type.oid != PGTYPE_BOOL)
			return NULL;
		struct rnode *e = xlat_ru_node(r, R_NULLTEST, T(PGTYPE_BOOL));
		e->text = tests[k];
		e->args = ru_zalloc(r, sizeof(*e->args));
		e->args[0] = a;
		e->nargs = 1;
		return e;
	}
	case NODE(SQLVALUE_FUNCTION): { /* CURRENT_DATE ...: printed as written */
		const PgQuery__SQLValueFunction *f = n->sqlvalue_function;
		bool date = f->op == PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE;
		bool tstz = f->op == PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP;
		bool ts = f->op == PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP;
		if (!date && !tstz && !ts)
			return NULL;
		struct rnode *e = xlat_ru_node(r, R_FUNC,
					       T(date   ? PGTYPE_DATE
						 : tstz ? PGTYPE_TIMESTAMPTZ
							: PGTYPE_TIMESTAMP));
		e->text = date ? "CURRENT_DATE" : tstz ? "CURRENT_TIMESTAMP" : "LOCALTIMESTAMP";
		e->sql_syntax = true;
		return e;
	}
	case NODE(FUNC_CALL):
		return func_call(r, n->func_call);
	case NODE(CASE_EXPR):
		return case_expr(r, n->case_expr);
	case NODE(COALESCE_EXPR):
		return coalesce(r, n->coalesce_expr->args, n->coalesce_expr->n_args, NULL);
	case NODE(MIN_MAX_EXPR): {
		const PgQuery__MinMaxExpr *m = n->min_max_expr;
		return coalesce(r, m->args, m->n_args,
				m->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "GREATEST" : "LEAST");
	}
	case NODE(SUB_LINK):
		return sublink(r, n->sub_link);
	case NODE(TYPE_CAST):
		return r->bare ? type_cast(r, n->type_cast) : NULL;
	default:
		/* a cast of the SQLite text is SQLite's (CAST(x AS INTEGER) of a bigint), not
		 * the one PostgreSQL keeps: not typed */
		return NULL;
	}
}

/* An expression analysed, or, when it is not typed here, its deparsed text (R_RAW). A failed
 * subquery of it would leave r->fail set: that is the expression's failure alone. */
struct rnode *xlat_ru_expr(struct ru *r, PgQuery__Node *n)
{
	if (!n)
		return NULL;
	bool failed = r->fail;
	struct rnode *e = expr_or_null(r, n);
	r->fail = failed;
	return e;
}

/* An expression of a clause: analysed, else as deparsed. */
struct rnode *xlat_ru_clause(struct ru *r, PgQuery__Node *n, struct rtype want)
{
	struct rnode *e = xlat_ru_expr(r, n);
	if (e && want.oid != NOTYPE)
		e = xlat_ru_coerce(r, e, want);
	if (e && e->type.oid == PGTYPE_UNKNOWN) /* a target's literal: text, as PostgreSQL 10+ */
		e = xlat_ru_coerce(r, e, T(PGTYPE_TEXT));
	return e ? e : xlat_ru_raw(r, n);
}

/* The top query's output columns must have the types the view's columns have (the column
 * sidecar keeps what the translator gave them): a target typed otherwise here is one whose
 * PostgreSQL cast the SQLite text lost, written as deparsed. */
static void check_targets(struct ru *r, struct rquery *q, const struct xlat_schema_col *cols,
			  size_t ncols, const PgQuery__SelectStmt *s)
{
	if (q->larg || q->ntargets != ncols)
		return;
	for (size_t i = 0; i < ncols; i++) {
		const struct rnode *e = q->targets[i];
		/* a column reference reads as written whatever its type; a view's column of
		 * type 0 is one the catalog shows as text */
		if (e->kind == R_RAW || e->kind == R_VAR || cols[i].type_oid == e->type.oid ||
		    (!cols[i].type_oid && e->type.oid == PGTYPE_TEXT))
			continue;
		/* a literal the translator wrote without its cast ('2024-01-01'::date): a
		 * constant of the view column's type, as PostgreSQL folds it */
		PgQuery__Node *n = s->target_list[i]->res_target->val;
		struct rnode *c = n->node_case == NODE(A_CONST) &&
						  n->a_const->val_case ==
							  PG_QUERY__A__CONST__VAL_SVAL &&
						  cols[i].type_oid
					  ? xlat_ru_const(r, n->a_const)
					  : NULL;
		c = c ? xlat_ru_coerce(r, c, T(cols[i].type_oid)) : NULL;
		q->targets[i] = c && c->kind == R_CONST ? c : xlat_ru_raw(r, n);
	}
}

bool xlat_ruleutils_viewdef(const char *view, PgQuery__SelectStmt *s,
			    const struct xlat_schema *schema, const char *qualify, bool pretty,
			    int wrap, struct arena *a, const char **out)
{
	struct ru r = {.a = a, .schema = schema, .qualify = qualify, .paren = pretty, .wrap = wrap};
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	if (!schema || !schema->table_fn(schema->arg, view, a, &cols, &ncols))
		return false;
	struct rquery *q = xlat_ru_analyze(&r, s);
	if (!q || r.fail)
		return false;
	check_targets(&r, q, cols, ncols, s);
	/* a view's query has its rule's "old" and "new" before its own relations */
	const char *rule_rels[] = {"old", "new"};
	const struct names top = {rule_rels, ARRAY_LEN(rule_rels)};
	xlat_ru_rename(&r, q, &top);
	const char **names = arena_zalloc(a, (ncols ? ncols : 1) * sizeof(*names));
	for (size_t i = 0; i < ncols; i++)
		names[i] = cols[i].name;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	r.buf = &sb;
	xlat_ru_print(&r, q, names, ncols, true);
	strbuf_putc(&sb, ';');
	bool ok = !sb.failed && !r.fail;
	if (ok)
		*out = arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return ok;
}

/* Whether e and every node in it was typed here (no deparsed text, no subquery). */
static bool all_typed(const struct rnode *e)
{
	if (!e || e->kind == R_RAW || e->kind == R_SUBLINK || e->type.oid == NOTYPE)
		return false;
	for (size_t i = 0; i < e->nargs; i++)
		if (e->args[i] && !all_typed(e->args[i]))
			return false;
	return true;
}

bool xlat_ruleutils_indexexpr(const char *table, PgQuery__Node *n, bool pred, bool pretty,
			      const struct xlat_schema *schema, struct arena *a, const char **out)
{
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	if (!n || !schema || !schema->table_fn(schema->arg, table, a, &cols, &ncols))
		return false;
	return xlat_ruleutils_colsexpr(table, cols, ncols, n, pred, pretty, schema, a, out);
}

static bool colsexpr(struct ru r, const char *table, const struct xlat_schema_col *cols,
		     size_t ncols, PgQuery__Node *n, bool pred, const char **out)
{
	struct arena *a = r.a;
	if (!n || !cols)
		return false;
	struct level lvl = {0};
	struct rel *rel = &lvl.rels[lvl.nrels++];
	rel->refname = table;
	rel->shown = ru_zalloc(&r, sizeof(*rel->shown));
	*rel->shown = table;
	rel->n = ncols;
	rel->names = ru_zalloc(&r, ncols * sizeof(*rel->names));
	rel->types = ru_zalloc(&r, ncols * sizeof(*rel->types));
	for (size_t k = 0; k < ncols; k++) {
		rel->names[k] = cols[k].name;
		rel->types[k] = (struct rtype){cols[k].type_oid, cols[k].typmod};
	}
	r.lvl = &lvl;
	struct rnode *e = xlat_ru_expr(&r, n);
	/* a predicate is boolean (a literal would be coerced: not one this prints) */
	if (!all_typed(e) || r.fail || (pred && e->type.oid != PGTYPE_BOOL) ||
	    e->type.oid == PGTYPE_UNKNOWN)
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	r.buf = &sb;
	xlat_ru_print_expr(&r, e);
	bool ok = !sb.failed && !r.fail && sb.data;
	if (ok)
		*out = arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return ok;
}

bool xlat_ruleutils_colsexpr(const char *table, const struct xlat_schema_col *cols, size_t ncols,
			     PgQuery__Node *n, bool pred, bool pretty,
			     const struct xlat_schema *schema, struct arena *a, const char **out)
{
	struct ru r = {.a = a, .schema = schema, .bare = true, .paren = pretty};
	return colsexpr(r, table, cols, ncols, n, pred, out);
}

bool xlat_ruleutils_domainexpr(struct xlat_schema_col value, PgQuery__Node *n, bool pretty,
			       const struct xlat_schema *schema, struct arena *a, const char **out)
{
	struct ru r = {.a = a, .schema = schema, .bare = true, .paren = pretty, .value = true};
	value.name = "value"; /* VALUE reads as the column reference value */
	return colsexpr(r, "value", &value, 1, n, true, out);
}
