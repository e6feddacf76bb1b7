/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_ddl.c: CREATE TABLE and column definitions. Each column's SQLite declared type is the
 * format_type() spelling of its PostgreSQL type, so the type survives the round trip through
 * the SQLite schema. A serial, bigserial or integer/bigint identity column that is the
 * table's single-column primary key becomes SQLite's rowid alias (INTEGER PRIMARY KEY
 * AUTOINCREMENT): automatically numbered, never reused, its sequence derived from
 * sqlite_sequence. Any other serial/identity column takes its values from a sequence of the
 * sidecar (DEFAULT nextval('t_c_seq'), the sequence created with the table: xlat_seq.c). A
 * plain smallint/integer/bigint column that alone is the primary key, without a DEFAULT, is
 * the rowid alias too, without AUTOINCREMENT (one B-tree instead of the table and its key's
 * index); its PostgreSQL type is a row of the column sidecar, and the translator refuses the
 * NULLs SQLite would number (shard_rowid.c makes the same choice for a rebuilt table). */
#include "xlat_int.h"
#include "xlat_syscol.h"

#include "catalog.h"
#include "pgtype.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define CONSTR(x) PG_QUERY__CONSTR_TYPE__CONSTR_##x

/* What the table-level pass learned about the one auto-numbered column. */
struct autonum {
	const char *column;  /* the serial/identity column, NULL when none */
	const char *pk_name; /* CONSTRAINT name of a table-level PRIMARY KEY moved onto it */
	bool table_pk;       /* the table-level PRIMARY KEY (column) is that column's */
	/* Or a plain integer key that is the rowid alias (no AUTOINCREMENT): its column; then
	 * column, pk_name and table_pk describe it as they describe a serial key. */
	bool plain;
};

/* The declared type as SQLite must read it: quoted when the modifier is not at the end
 * ("timestamp(3) with time zone", "character varying(20)[]"), which SQLite's type-name
 * grammar cannot spell; SQLite stores the dequoted text as the declared type. */
static void put_decl(struct xlat_ctx *c, const char *decl)
{
	size_t n = strlen(decl);
	if (strchr(decl, '(') && decl[n - 1] != ')')
		xlat_ident(c, decl);
	else
		xlat_puts(c, decl);
}

static bool key_list(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	xlat_puts(c, "(");
	for (size_t i = 0; i < n; i++) {
		const char *s = xlat_node_str(v[i]);
		if (!s)
			return xlat_unsupported(c, -1, "this key column");
		xlat_puts(c, i ? ", " : "");
		xlat_ident(c, s);
	}
	xlat_puts(c, ")");
	return true;
}

static const char *fk_action(char a)
{
	switch (a) {
	case 'r':
		return "RESTRICT";
	case 'c':
		return "CASCADE";
	case 'n':
		return "SET NULL";
	case 'd':
		return "SET DEFAULT";
	default:
		return NULL; /* NO ACTION: both systems' default */
	}
}

/* MATCH FULL differs from MATCH SIMPLE only for a key of several columns, some of them NULL:
 * it is written MATCH FULL, which SQLite parses and ignores and the catalog reads, and a key of
 * several columns gets its guard after it (xlat_match_full_guard). */
static bool references(struct xlat_ctx *c, const PgQuery__Constraint *k)
{
	bool full = k->fk_matchtype && *k->fk_matchtype == 'f';
	if (k->fk_matchtype && *k->fk_matchtype == 'p')
		return xlat_unsupported(c, k->location, "MATCH PARTIAL");
	for (size_t i = 0; i < k->n_fk_del_set_cols; i++) { /* PostgreSQL's check comes first */
		const char *col = xlat_node_str(k->fk_del_set_cols[i]);
		bool in_key = false;
		for (size_t j = 0; col && j < k->n_fk_attrs && !in_key; j++) {
			const char *f = xlat_node_str(k->fk_attrs[j]);
			in_key = f && strcmp(f, col) == 0;
		}
		if (col && !in_key && k->n_fk_attrs)
			return xlat_fail(c, "42P10", -1,
					 "column \"%s\" referenced in ON DELETE SET action must be "
					 "part of foreign key",
					 col);
	}
	/* SET NULL (cols): SQLite's action with a trigger before it (xlat_fkset.c); SET DEFAULT's
	 * trigger would have to copy the defaults, which ALTER COLUMN ... SET DEFAULT changes */
	if (k->n_fk_del_set_cols && k->fk_del_action && *k->fk_del_action == 'd') {
		xlat_unsupported(c, k->location, "ON DELETE SET DEFAULT with a column list");
		pgerr_detail(
			c->err,
			"SQLite's ON DELETE SET DEFAULT sets every column of the key; setting only "
			"the listed ones needs their current defaults at the time of the delete, "
			"which a trigger cannot keep in step with ALTER COLUMN ... SET DEFAULT.");
		pgerr_hint(c->err, "Use ON DELETE SET DEFAULT without a column list (every column "
				   "of the key), or ON DELETE SET NULL (column, ...).");
		return false;
	}
	if (!k->n_pk_attrs && c->schema && c->env && c->env->defkey_fn &&
	    c->env->defkey_fn(c->schema->arg, k->pktable->relname, NULL, NULL, 0, true))
		return xlat_fail(c, "55000", -1,
				 "cannot use a deferrable primary key for referenced table \"%s\"",
				 k->pktable->relname);
	if (k->n_pk_attrs && c->schema && c->env && c->env->defkey_fn) { /* PostgreSQL's 55000 */
		const char **cols = arena_alloc(c->a, sizeof(char *) * k->n_pk_attrs);
		for (size_t i = 0; i < k->n_pk_attrs; i++)
			cols[i] = xlat_node_str(k->pk_attrs[i]);
		if (c->env->defkey_fn(c->schema->arg, k->pktable->relname, NULL, cols,
				      k->n_pk_attrs, false))
			return xlat_fail(c, "55000", -1,
					 "cannot use a deferrable unique constraint for referenced "
					 "table \"%s\"",
					 k->pktable->relname);
	}
	xlat_puts(c, "REFERENCES ");
	if (!xlat_relname_local(c, k->pktable))
		return false;
	if (k->n_pk_attrs && !key_list(c, k->pk_attrs, k->n_pk_attrs))
		return false;
	if (full)
		xlat_puts(c, " MATCH FULL");
	const char *del = k->fk_del_action ? fk_action(*k->fk_del_action) : NULL;
	const char *upd = k->fk_upd_action ? fk_action(*k->fk_upd_action) : NULL;
	if (del)
		xlat_printf(c, " ON DELETE %s", del);
	if (upd)
		xlat_printf(c, " ON UPDATE %s", upd);
	if (k->deferrable || k->initdeferred)
		xlat_puts(c, k->initdeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
	return true;
}

/* The column a DEFAULT belongs to. */
struct column {
	const PgQuery__TypeName *tn;
	struct xlat_typeref tr;
	const char *name; /* NULL: a domain's default, checked by CREATE DOMAIN */
};

/* now(), CURRENT_TIMESTAMP and friends: their value is "the current time" in whatever type. */
static bool is_now(const PgQuery__Node *e)
{
	static const char *const fns[] = {"now", "transaction_timestamp", "statement_timestamp"};
	if (e->node_case == NODE(SQLVALUE_FUNCTION))
		return e->sqlvalue_function->op <
		       PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE;
	if (e->node_case != NODE(FUNC_CALL) || e->func_call->n_args)
		return false;
	const char *name = xlat_node_str(e->func_call->funcname[e->func_call->n_funcname - 1]);
	for (size_t i = 0; name && i < ARRAY_LEN(fns); i++) {
		if (strcmp(name, fns[i]) == 0)
			return true;
	}
	return false;
}

/* The time-value SQLite reads as "now" (case-insensitively) for a DEFAULT of the current time:
 * now() and its kin are 'now'; each SQL keyword has its own capitalization, so that the
 * catalog (catalog_model.c, pg_default) prints the spelling the user wrote, as pg_get_expr
 * does, while every spelling stores the same value. */
static const char *now_spelling(const PgQuery__Node *e)
{
	/* statement_timestamp() apart from now(): an INSERT gives now()'s column the
	 * transaction's start (xlat_txnnow.c) */
	if (e->node_case == NODE(FUNC_CALL)) {
		const char *fn =
			xlat_node_str(e->func_call->funcname[e->func_call->n_funcname - 1]);
		return fn && strcmp(fn, "statement_timestamp") == 0 ? "nOw" : "now";
	}
	if (e->node_case != NODE(SQLVALUE_FUNCTION))
		return "now";
	switch (e->sqlvalue_function->op) {
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE:
		return "Now";
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N:
		return "NOw";
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N:
		return "nOW";
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N:
		return "noW";
	default:
		return "NOW"; /* CURRENT_TIMESTAMP */
	}
}

/* The current time written as a value of a date/time column, as PostgreSQL's assignment
 * cast from timestamptz (TimeZone UTC) would store it; tv is now_spelling's. */
static bool now_as(struct xlat_ctx *c, uint32_t oid, const char *tv)
{
	switch (oid) {
	case XLAT_OID_DATE: /* date('now') was CURRENT_DATE's spelling before now_spelling */
		if (strcmp(tv, "now") == 0)
			xlat_puts(c, "strftime('%Y-%m-%d', 'now')");
		else
			xlat_printf(c, "date('%s')", tv);
		return true;
	case XLAT_OID_TIME:
		xlat_printf(c, "strftime('%%H:%%M:%%f', '%s')", tv);
		return true;
	case XLAT_OID_TIMETZ:
		xlat_printf(c, "strftime('%%H:%%M:%%f+00', '%s')", tv);
		return true;
	case XLAT_OID_TIMESTAMP:
		xlat_printf(c, "strftime('%%Y-%%m-%%d %%H:%%M:%%f', '%s')", tv);
		return true;
	default:
		xlat_printf(c, "strftime('%%Y-%%m-%%d %%H:%%M:%%f+00', '%s')", tv);
		return true;
	}
}

/* A plain decimal literal ("0", "-1.50") with no more fractional digits than a numeric
 * column of typmod keeps: stored as written, it is the value the cast would store. */
static bool numeric_fits(const char *s, int32_t typmod)
{
	const char *p = s + (*s == '-' || *s == '+');
	size_t whole = strspn(p, "0123456789");
	size_t frac = p[whole] == '.' ? strspn(p + whole + 1, "0123456789") : 0;
	if (!whole || p[whole + (p[whole] == '.' ? 1 + frac : 0)] != '\0')
		return false;
	return typmod < 4 || (int32_t)frac <= ((typmod - 4) & 0xffff);
}

/* A DEFAULT, coerced to the column's type as PostgreSQL coerces it: a string literal is
 * read as a value of that type (so DEFAULT 'true' on a boolean stores 1), the current time
 * takes the column's date/time form, a date/time literal is checked and normalized (a
 * timestamptz to UTC). Literals stay bare, anything else is parenthesized as
 * SQLite requires. Character types keep their literal: assignment does not truncate. */
/* DEFAULT '0' on a numeric column: PostgreSQL keeps the constant as written ('0'::numeric in
 * pg_get_expr), so it is stored as written, a string that SQLite's NUMERIC affinity reads as the
 * number when a row takes it — unless the column's scale would round it (DEFAULT '1.555' on
 * numeric(10,2): the rounded number is stored) or it is not a plain decimal. */
static bool numeric_as_written(struct xlat_ctx *c, const PgQuery__Node *e, const struct column *col)
{
	const char *s = e->a_const->sval->sval;
	if (col->tr.info->oid != XLAT_OID_NUMERIC || !*s)
		return false;
	size_t n = strlen(s), digits = strspn(s + (*s == '-'), "0123456789");
	const char *frac = s + (*s == '-') + digits;
	size_t nfrac = *frac == '.' ? strspn(frac + 1, "0123456789") : 0;
	if (frac + (*frac == '.' ? 1 + nfrac : 0) != s + n || (!digits && !nfrac)) {
		if (strcasecmp(s, "NaN") != 0)
			return false;
		xlat_puts(c, "DEFAULT 'NaN'");
		return true;
	}
	int32_t m = col->tr.typmod - 4;
	int prec = (m >> 16) & 0xffff, scale = ((m & 0x7ff) ^ 1024) - 1024;
	while (nfrac && frac[nfrac] == '0') /* trailing zeros round to nothing */
		nfrac--;
	size_t lead = strspn(s + (*s == '-'), "0");
	size_t whole = digits > lead ? digits - lead : 0;
	if (col->tr.typmod >= 4 && (scale < 0 || (int)nfrac > scale || (int)whole > prec - scale))
		return false; /* rounded or out of range: the cast says how */
	xlat_puts(c, "DEFAULT ");
	xlat_string(c, s);
	return true;
}

/* A boolean DEFAULT of a string column: PostgreSQL's assignment cast stores 'true'/'false',
 * where SQLite would store the 1 or 0 of the translated expression (written since mark). */
static void bool_default_text(struct xlat_ctx *c, size_t mark, bool literal)
{
	const char *x = arena_strndup(c->a, c->sb->data + mark, c->sb->len - mark);
	c->sb->len = mark;
	c->sb->data[mark] = '\0';
	if (literal)
		xlat_puts(c, strcmp(x, "1") == 0 ? "'true'" : "'false'");
	else
		xlat_printf(c, "CASE %s WHEN 1 THEN 'true' WHEN 0 THEN 'false' END", x);
}

/* The text a constant stores in a string column (NULL: not a constant of that kind). */
static const char *const_text(struct xlat_ctx *c, const PgQuery__AConst *k)
{
	switch (k->val_case) {
	case PG_QUERY__A__CONST__VAL_SVAL:
		return k->sval->sval;
	case PG_QUERY__A__CONST__VAL_IVAL:
		return arena_printf(c->a, "%d", (int)k->ival->ival);
	case PG_QUERY__A__CONST__VAL_FVAL: /* numeric_out's text is no longer than as written */
		return k->fval->fval;
	case PG_QUERY__A__CONST__VAL_BOOLVAL:
		return k->boolval->boolval ? "true" : "false";
	default:
		return NULL;
	}
}

/* A plain decimal (sign, digits, maybe a point and digits) that numeric(p,s) of typmod stores
 * as written: no more than s fraction digits past trailing zeros, no more than p-s whole
 * digits past leading zeros. */
static bool numeric_typmod_fits(const char *s, int32_t typmod)
{
	const char *p = s + (*s == '-' || *s == '+');
	size_t digits = strspn(p, "0123456789");
	size_t nfrac = p[digits] == '.' ? strspn(p + digits + 1, "0123456789") : 0;
	if (p[digits + (p[digits] == '.' ? 1 + nfrac : 0)] != '\0' || (!digits && !nfrac))
		return false;
	while (nfrac && p[digits + nfrac] == '0')
		nfrac--;
	size_t lead = strspn(p, "0");
	size_t whole = digits > lead ? digits - lead : 0;
	int32_t m = typmod - 4;
	int prec = (m >> 16) & 0xffff, scale = ((m & 0x7ff) ^ 1024) - 1024;
	return typmod < 4 || (scale >= 0 && (int)nfrac <= scale && (int)whole <= prec - scale);
}

/* A numeric constant's decimal text as numeric_in reads it (a string's too), or NULL for
 * another constant (NaN, an infinity, not a number). */
static const char *numeric_const_decimal(struct xlat_ctx *c, const PgQuery__AConst *k)
{
	const char *s = k->val_case == PG_QUERY__A__CONST__VAL_FVAL   ? k->fval->fval
			: k->val_case == PG_QUERY__A__CONST__VAL_SVAL ? k->sval->sval
								      : NULL;
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	if (!s || !pgtype_decode_text(XLAT_OID_NUMERIC, s, strlen(s), c->a, &v, &err) ||
	    v.kind != PGTYPE_V_TEXT || !pgtype_numeric_kept_decimal(v.p, v.n))
		return NULL;
	return arena_strndup(c->a, v.p, v.n);
}

/* Whether a numeric column keeps decimal s as it is (pgfn_numstore.c decides when a row takes
 * it; here the nearest double stands for SQLite's): digits that fit int64, or a double that
 * reads back as s. */
static bool numeric_default_kept(const char *s)
{
	const char *p = s + (*s == '-' || *s == '+');
	errno = 0;
	if (strspn(p, "0123456789") == strlen(p) && (strtoll(s, NULL, 10), errno != ERANGE))
		return true;
	return pgtype_numeric_kept(s, strlen(s), false, 0, strtod(s, NULL));
}

/* Whether the constant default e is stored unchanged as a value of the column's type and
 * typmod — then it stays bare (DEFAULT 0, DEFAULT 'x': nothing runs when a row takes it).
 * One that would be rounded, cut or refused gets the column's check (xlat_default_refit),
 * which PostgreSQL's coercion of the default applies each time a row takes it, so that
 * varchar(5) DEFAULT 'too long' is 22001 at the INSERT, not at CREATE. */
static bool constant_fits(struct xlat_ctx *c, const PgQuery__Node *e, const struct column *col)
{
	if (e->node_case != NODE(A_CONST) || e->a_const->isnull)
		return e->node_case == NODE(A_CONST);
	const PgQuery__AConst *k = e->a_const;
	uint32_t oid = col->tr.info->oid;
	int32_t typmod = col->tr.typmod;
	const char *s = const_text(c, k);
	if (!s)
		return false;
	switch (oid) {
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8: {
		if (k->val_case == PG_QUERY__A__CONST__VAL_SVAL) /* read by its input: checked */
			return true;
		if (k->val_case != PG_QUERY__A__CONST__VAL_IVAL &&
		    k->val_case != PG_QUERY__A__CONST__VAL_FVAL)
			return false;
		char *end;
		double v = strtod(s, &end);
		double max = oid == XLAT_OID_INT2   ? 32767.0
			     : oid == XLAT_OID_INT4 ? 2147483647.0
						    : 9.2e18;
		return !*end && v == (double)(long long)v && v >= -max - 1 && v <= max;
	}
	case XLAT_OID_NUMERIC: { /* and kept exactly as an SQLite number */
		const char *dec = numeric_const_decimal(c, k);
		return k->val_case != PG_QUERY__A__CONST__VAL_BOOLVAL &&
		       numeric_typmod_fits(s, typmod) && (!dec || numeric_default_kept(dec));
	}
	case XLAT_OID_VARCHAR:
	case XLAT_OID_BPCHAR: {
		size_t chars = 0, n = strlen(s);
		for (size_t i = 0; i < n; i++)
			chars += ((unsigned char)s[i] & 0xC0) != 0x80;
		return typmod < 4 || (chars <= (size_t)(typmod - 4) &&
				      !(oid == XLAT_OID_BPCHAR && n && s[n - 1] == ' '));
	}
	case XLAT_OID_FLOAT4: {
		if (k->val_case == PG_QUERY__A__CONST__VAL_SVAL) /* float4in: checked */
			return true;
		double v = strtod(s, NULL);
		float f = (float)v;
		return isfinite(f) && !(f == 0.0F && v != 0.0);
	}
	default:
		return false; /* bit strings: xlat_default_refit compares the lengths */
	}
}

/* Whether e calls nextval(): its int8 stored into a serial's integer needs no check. */
static bool is_nextval(const PgQuery__Node *e)
{
	if (e->node_case != NODE(FUNC_CALL))
		return false;
	const char *name = xlat_node_str(e->func_call->funcname[e->func_call->n_funcname - 1]);
	return name && strcmp(name, "nextval") == 0;
}

/* The DEFAULT written since start ("DEFAULT x" or "DEFAULT (x)"), of type t, made to fit the
 * column each time a row takes it: "DEFAULT (check(x, ...))" unless it fits as it is. The
 * wrapped expression is kept in c->refit_default (ADD COLUMN evaluates it once, as PostgreSQL
 * evaluates the default for the rows already there). */
static void refit(struct xlat_ctx *c, size_t start, bool paren, struct xlat_type t,
		  const PgQuery__Node *e, const struct column *col)
{
	if (c->sb->failed || col->tr.is_array || is_nextval(e) || constant_fits(c, e, col))
		return;
	size_t head = start + strlen("DEFAULT ");
	const char *was = arena_strdup(c->a, c->sb->data + start);
	const char *x =
		arena_strndup(c->a, c->sb->data + head + paren, c->sb->len - head - 2 * paren);
	c->sb->len = start;
	c->sb->data[start] = '\0';
	xlat_puts(c, "DEFAULT (");
	size_t mark = c->sb->len;
	const char *dec = col->tr.info->oid == XLAT_OID_NUMERIC && e->node_case == NODE(A_CONST)
				  ? numeric_const_decimal(c, e->a_const)
				  : NULL;
	if (dec) { /* rounded in decimal, then kept exactly or 0A000 when a row takes it */
		bool fit = col->tr.typmod >= 4;
		xlat_puts(c, fit ? "pgfn_num_store(pgfn_num_fit(" : "pgfn_num_store(");
		xlat_string(c, dec);
		if (fit)
			xlat_printf(c, ", %d)", (int)col->tr.typmod);
		xlat_puts(c, ", NULL)");
	} else {
		xlat_puts(c, x);
	}
	if (!dec && !xlat_default_refit(c, mark, t, col->tr.info->oid, col->tr.typmod)) {
		c->sb->len = start;
		c->sb->data[start] = '\0';
		xlat_puts(c, was);
		return;
	}
	c->refit_default = arena_strndup(c->a, c->sb->data + mark, c->sb->len - mark);
	xlat_puts(c, ")");
}

/* A string default of an array of a built-in type whose elements pgtype reads ('{yes}' of a
 * boolean[], '{ab}' of a "char"[]): stored as array_in reads it ({t}, {a}), as PostgreSQL
 * keeps the constant; 0 for another default (date/time elements, which read by the session's
 * settings, or an enum's, a composite's: kept as written), -1 failed (22P02). */
static int array_string_default(struct xlat_ctx *c, const PgQuery__Node *e,
				const struct column *col)
{
	uint32_t elem = col->tr.info->oid;
	if (!col->tr.is_array || e->node_case != NODE(A_CONST) || e->a_const->isnull ||
	    e->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL || elem >= 16384 ||
	    pgtype_array_styled(elem) || !pgtype_by_oid(elem))
		return 0;
	const char *s = e->a_const->sval->sval;
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_array_canon(elem, s, strlen(s), c->a, &v, &err)) {
		xlat_fail(c, err.sqlstate, e->a_const->location, "%s", err.message);
		if (err.detail[0])
			pgerr_detail(c->err, "%s", err.detail);
		return -1;
	}
	xlat_puts(c, "DEFAULT (");
	xlat_string(c, arena_strndup(c->a, v.p, v.n));
	xlat_puts(c, ")");
	return 1;
}

static bool default_expr(struct xlat_ctx *c, const PgQuery__Node *e, const struct column *col)
{
	int arr = array_string_default(c, e, col);
	if (arr)
		return arr > 0;
	struct xlat_type ignored;
	uint32_t oid = col->tr.info->oid;
	bool str = e->node_case == NODE(A_CONST) && !e->a_const->isnull &&
		   e->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
	bool literal = e->node_case == NODE(A_CONST) &&
		       e->a_const->val_case != PG_QUERY__A__CONST__VAL_BSVAL;
	if (oid == XLAT_OID_MONEY && e->node_case != NODE(A_CONST) && !col->tr.is_array)
		return xlat_money_default(c, e); /* refused (0A000) unless a constant */
	bool coerce = str && !col->tr.is_array &&
		      (col->tr.info->store != XLAT_ST_TEXT || xlat_type_is_temporal(oid) ||
		       oid == XLAT_OID_CHAR || /* 'xy' is stored x, shown 'x'::"char" */
		       oid == XLAT_OID_NAME);  /* cut to 63 bytes, shown 'x'::name */
	unsigned saved = c->flags;
	bool ok;
	c->flags |= XLAT_X_NOSUBQUERY | XLAT_X_COLDEFAULT;
	if (is_now(e) && xlat_type_is_temporal(oid)) {
		xlat_puts(c, "DEFAULT (");
		ok = now_as(c, oid, now_spelling(e));
		xlat_puts(c, ")");
	} else if (coerce && numeric_as_written(c, e, col)) {
		ok = true;
	} else if (oid == XLAT_OID_MONEY && !col->tr.is_array && !str && !e->a_const->isnull) {
		xlat_puts(c, "DEFAULT "); /* int4/int8/numeric: the cents now (xlat_money.c) */
		ok = xlat_money_default(c, e);
	} else if (coerce) {
		PgQuery__TypeCast tc = PG_QUERY__TYPE_CAST__INIT;
		PgQuery__TypeName plain = *col->tn;
		tc.arg = (PgQuery__Node *)e;
		tc.type_name = (PgQuery__TypeName *)col->tn;
		tc.location = e->a_const->location;
		if (oid == XLAT_OID_NUMERIC) { /* the typmod applies when a row takes it: refit */
			plain.n_typmods = 0;
			plain.typmods = NULL;
			plain.typemod = -1;
			tc.type_name = &plain;
		}
		size_t start = c->sb->len;
		xlat_puts(c, "DEFAULT (");
		size_t mark = c->sb->len;
		ok = xlat_cast(c, &tc, &ignored); /* checks the literal (22P02, 22003) */
		if (ok && oid == XLAT_OID_NUMERIC && !c->sb->failed &&
		    numeric_fits(e->a_const->sval->sval, col->tr.typmod)) {
			/* the literal as written, which the catalog shows as PostgreSQL does
			 * ('0'::numeric); NUMERIC affinity stores it as the same number */
			c->sb->len = mark;
			c->sb->data[mark] = '\0';
			xlat_string(c, e->a_const->sval->sval);
		}
		xlat_puts(c, ")");
		if (ok)
			refit(c, start, true, ignored, e, col);
	} else {
		size_t start = c->sb->len;
		xlat_puts(c, literal ? "DEFAULT " : "DEFAULT (");
		size_t mark = c->sb->len;
		ok = xlat_expr(c, e, &ignored) &&
		     (!col->name || col->tr.is_array ||
		      xlat_default_assignable(c, col->name, ignored,
					      (struct xlat_type){oid, col->tr.typmod}));
		bool string_col =
			!col->tr.is_array &&
			(oid == XLAT_OID_TEXT || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR);
		if (ok && string_col && ignored.oid == XLAT_OID_BOOL)
			bool_default_text(c, mark, literal);
		else if (ok && string_col && e->node_case == NODE(A_CONST) &&
			 e->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL &&
			 strspn(e->a_const->fval->fval, "-0123456789.") ==
				 strlen(e->a_const->fval->fval)) {
			/* a numeric constant's text keeps its digits as written (1.50), where
			 * SQLite would store its REAL's (1.5) */
			c->sb->len = mark;
			c->sb->data[mark] = '\0';
			xlat_string(c, e->a_const->fval->fval);
		}
		xlat_puts(c, literal ? "" : ")");
		if (ok && !(e->node_case == NODE(A_CONST) && e->a_const->isnull))
			refit(c, start, !literal, ignored, e, col);
	}
	c->flags = saved;
	return ok;
}

static bool ddl_expr(struct xlat_ctx *c, const char *head, const PgQuery__Node *e, const char *tail,
		     struct xlat_type *t);

/* Whether a CHECK compares a column of type oid with a literal wrongly when untyped: its
 * stored value is no text the literal equals or orders with (an interval's '23:00:00' against
 * '1 day', money's cents, bytea's blob, inet's and time's canonical texts). */
static bool check_typed(uint32_t oid)
{
	static const uint32_t oids[] = {1186, 790, 17, 869, 650, 1083, 1266};
	for (size_t i = 0; i < ARRAY_LEN(oids); i++)
		if (oids[i] == oid)
			return true;
	return false;
}

/* A CHECK's expression: the columns of those types are typed as the table's
 * (xlat_checkdef.c), so that a comparison with a literal is made at the column's type (i <
 * '1 day' of an interval, m > '10' of money), as PostgreSQL's parser coerces the literal, not
 * over the stored texts; so are the date/time columns of one with date/time arithmetic
 * (xlat_checkexpr.c); the others keep their plain SQLite text. A generated column's
 * expression (keep NULL) types only the latter. */
static bool stored_expr(struct xlat_ctx *c, const char *head, const PgQuery__Node *e,
			const char *tail, bool (*keep)(uint32_t oid), struct xlat_type *t)
{
	int mark = xlat_scope_enter(c);
	unsigned saved = c->flags;
	if (c->pred_cols && c->check_table)
		xlat_scope_cols(c, c->check_table,
				xlat_checkexpr_cols(c, c->pred_cols, c->npred_cols, e, keep),
				c->npred_cols);
	c->flags |= XLAT_X_STORED;
	bool ok = ddl_expr(c, head, e, tail, t);
	c->flags = saved;
	xlat_scope_leave(c, mark);
	return ok;
}

static bool check_expr(struct xlat_ctx *c, const char *head, const PgQuery__Node *e,
		       const char *tail)
{
	struct xlat_type ignored;
	return stored_expr(c, head, e, tail, check_typed, &ignored);
}

static bool ddl_expr(struct xlat_ctx *c, const char *head, const PgQuery__Node *e, const char *tail,
		     struct xlat_type *t)
{
	unsigned saved = c->flags;
	if (!e) /* xlat_checkdef_expr's failure, err set */
		return false;
	xlat_puts(c, head);
	c->flags |= XLAT_X_NOSUBQUERY;
	bool ok = xlat_expr(c, e, t);
	c->flags = saved;
	xlat_puts(c, tail);
	return ok;
}

bool xlat_key_options(struct xlat_ctx *c, const PgQuery__Constraint *k)
{
	if (k->n_including && k->contype != CONSTR(UNIQUE) && k->contype != CONSTR(PRIMARY))
		return xlat_unsupported(c, k->location, "INCLUDE in this constraint");
	if (k->n_options || (k->indexspace && *k->indexspace))
		return xlat_unsupported(c, k->location, "an index option on a key constraint");
	return true;
}

static bool key_options(struct xlat_ctx *c, const PgQuery__Constraint *k)
{
	if (!xlat_key_options(c, k))
		return false;
	if (k->deferrable || k->initdeferred)
		return xlat_unsupported(c, k->location, "a deferrable key constraint");
	return true;
}

/* DEFERRABLE, NOT DEFERRABLE, INITIALLY DEFERRED/IMMEDIATE arrive as separate items after
 * the constraint they qualify; SQLite takes them on REFERENCES only, in one clause that must
 * start with [NOT] DEFERRABLE (INITIALLY DEFERRED implies DEFERRABLE in PostgreSQL). Consumes
 * the run of such items starting at *i. */
static bool deferral(struct xlat_ctx *c, const PgQuery__ColumnDef *cd, size_t *i,
		     const PgQuery__Constraint *qualified)
{
	bool deferrable = false, not_deferrable = false, deferred = false;
	const PgQuery__Constraint *k = cd->constraints[*i]->constraint;
	for (; *i < cd->n_constraints; (*i)++) {
		k = cd->constraints[*i]->constraint;
		if (k->contype < CONSTR(ATTR_DEFERRABLE))
			break;
		deferrable |= k->contype == CONSTR(ATTR_DEFERRABLE);
		not_deferrable |= k->contype == CONSTR(ATTR_NOT_DEFERRABLE);
		deferred |= k->contype == CONSTR(ATTR_DEFERRED);
	}
	(*i)--; /* the caller's loop moves past the last one */
	if (not_deferrable && deferred)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, k->location,
				 "constraint declared INITIALLY DEFERRED must be DEFERRABLE");
	bool key = qualified &&
		   (qualified->contype == CONSTR(UNIQUE) || qualified->contype == CONSTR(PRIMARY));
	if (key && !deferrable && !deferred)
		return true; /* NOT DEFERRABLE, INITIALLY IMMEDIATE: what a key is here */
	if (!qualified || qualified->contype != CONSTR(FOREIGN))
		return xlat_unsupported(c, k->location,
					"a deferrable constraint other than a foreign key");
	if (deferred)
		xlat_puts(c, " DEFERRABLE INITIALLY DEFERRED");
	else if (deferrable)
		xlat_puts(c, " DEFERRABLE");
	else if (not_deferrable)
		xlat_puts(c, " NOT DEFERRABLE");
	return true;
}

/* Whether column constraint i of cd is UNIQUE or PRIMARY KEY followed by DEFERRABLE or
 * INITIALLY DEFERRED: in CREATE TABLE, made after the table (xlat_defkey.c); *next: the item
 * after its deferral attributes. */
static bool deferrable_unique(const PgQuery__ColumnDef *cd, size_t i, size_t *next)
{
	int type = cd->constraints[i]->constraint->contype;
	if (type != CONSTR(UNIQUE) && type != CONSTR(PRIMARY))
		return false;
	bool deferrable = false;
	size_t j = i + 1;
	for (; j < cd->n_constraints; j++) {
		int t = cd->constraints[j]->constraint->contype;
		if (t < CONSTR(ATTR_DEFERRABLE))
			break;
		deferrable |= t == CONSTR(ATTR_DEFERRABLE) || t == CONSTR(ATTR_DEFERRED);
	}
	*next = j;
	/* UNIQUE NULLS NOT DISTINCT too: an index of its own (xlat_defkey.c) */
	return deferrable ||
	       (type == CONSTR(UNIQUE) && cd->constraints[i]->constraint->nulls_not_distinct);
}

/* CREATE TABLE's column-level UNIQUE DEFERRABLE keys of cd, made after the table. */
static bool column_deferrable_keys(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
				   const PgQuery__ColumnDef *cd)
{
	for (size_t i = 0, next; i < cd->n_constraints; i++) {
		if (!deferrable_unique(cd, i, &next))
			continue;
		PgQuery__Constraint k = *cd->constraints[i]->constraint;
		PgQuery__String str = PG_QUERY__STRING__INIT;
		PgQuery__Node sn = PG_QUERY__NODE__INIT, *keys[] = {&sn};
		str.sval = cd->colname;
		sn.node_case = NODE(STRING);
		sn.string = &str;
		k.keys = keys;
		k.n_keys = 1;
		for (size_t j = i + 1; j < next; j++) {
			int t = cd->constraints[j]->constraint->contype;
			k.deferrable |= t == CONSTR(ATTR_DEFERRABLE);
			k.initdeferred |= t == CONSTR(ATTR_DEFERRED);
		}
		if (k.initdeferred && !k.deferrable) { /* INITIALLY DEFERRED implies it */
			for (size_t j = i + 1; j < next; j++)
				if (cd->constraints[j]->constraint->contype ==
				    CONSTR(ATTR_NOT_DEFERRABLE))
					return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, k.location,
							 "constraint declared INITIALLY DEFERRED "
							 "must be DEFERRABLE");
		}
		if (!xlat_defkey_add(c, rel, &k, false))
			return false;
	}
	return true;
}

/* The name k has or was given by name_checks; NULL: none. */
static const char *check_name(const struct xlat_ctx *c, const PgQuery__Constraint *k)
{
	if (k->conname && *k->conname)
		return k->conname;
	for (size_t i = 0; i < c->ncheck_names; i++)
		if (c->check_names[i].k == k)
			return c->check_names[i].name;
	return NULL;
}

/* One column constraint other than the deferral attributes. */
static bool column_constraint(struct xlat_ctx *c, const PgQuery__Constraint *k, int autonum,
			      const struct column *col)
{
	const char *name = check_name(c, k);
	if (name) {
		xlat_puts(c, " CONSTRAINT ");
		xlat_ident(c, name);
	}
	switch (k->contype) {
	case CONSTR(NULL):
		xlat_puts(c, " NULL");
		return true;
	case CONSTR(NOTNULL):
		xlat_puts(c, " NOT NULL");
		return true;
	case CONSTR(DEFAULT):
		xlat_puts(c, " ");
		return default_expr(c, k->raw_expr, col);
	case CONSTR(CHECK):
		xlat_puts(c, " CHECK (");
		xlat_checkdef_mark(c, k->raw_expr);
		return check_expr(c, "", xlat_checkdef_expr(c, k->raw_expr), ")");
	case CONSTR(GENERATED): {
		/* the PostgreSQL text first (CATALOG_GENERATED_MARK), unless it would end the
		 * comment early */
		const char *pg = NULL;
		bool op = false;
		/* typed as pg_get_expr prints it ((duration * (2)::double precision)) when the
		 * printer can, else as libpg_query deparses it */
		if (!c->check_cols ||
		    !xlat_checkexpr_dtarith(c, c->pred_cols, c->npred_cols, k->raw_expr) ||
		    !xlat_ruleutils_colsexpr(c->check_table, c->check_cols, c->ncheck_cols,
					     k->raw_expr, false, false, c->schema, c->a, &pg)) {
			pg = xlat_deparse_expr(c, k->raw_expr);
			op = k->raw_expr->node_case == PG_QUERY__NODE__NODE_A_EXPR ||
			     k->raw_expr->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR;
		}
		xlat_puts(c, " GENERATED ALWAYS AS (");
		if (pg && !strstr(pg, "*/")) /* an operator in parentheses, as pg_get_expr */
			xlat_printf(c, CATALOG_GENERATED_MARK "%s%s%s */ ", op ? "(" : "", pg,
				    op ? ")" : "");
		/* the value is assigned to the column's type: an integer out of its range is
		 * 22003, as PostgreSQL's assignment cast of the generation expression says */
		uint32_t oid = col->tr.info && !col->tr.is_array ? col->tr.info->oid : 0;
		const char *fn = oid == XLAT_OID_INT2   ? "shardlite_int2("
				 : oid == XLAT_OID_INT4 ? "shardlite_int4("
				 : oid == XLAT_OID_INT8 ? "shardlite_int8("
							: NULL;
		struct xlat_type t = {0, -1};
		if (!stored_expr(c, fn ? fn : "", k->raw_expr, fn ? ")) STORED" : ") STORED", NULL,
				 &t))
			return false;
		/* date/time arithmetic gives its value in its own type's stored text: PostgreSQL's
		 * assignment cast to another type is not made here */
		if (xlat_type_is_temporal(t.oid) && t.oid != oid &&
		    xlat_checkexpr_dtarith(c, c->pred_cols, c->npred_cols, k->raw_expr))
			return xlat_unsupported(c, k->location,
						"a generated column of another type than its "
						"date/time arithmetic");
		return true;
	}
	case CONSTR(PRIMARY):
		xlat_puts(c, autonum == XLAT_ROWID_SERIAL ? " PRIMARY KEY AUTOINCREMENT"
							  : " PRIMARY KEY");
		return key_options(c, k);
	case CONSTR(UNIQUE):
		xlat_puts(c, " UNIQUE");
		return key_options(c, k);
	case CONSTR(FOREIGN):
		xlat_puts(c, " ");
		return references(c, k);
	case CONSTR(IDENTITY):
		return true; /* the rowid alias is the identity (checked by find_autonum) */
	default:
		return xlat_unsupported(c, k->location, "an EXCLUDE constraint");
	}
}

/* The domain's DEFAULT for a column without one of its own, marked as the domain's
 * (CATALOG_DOMAIN_DEFAULT_MARK: PostgreSQL shows no column default then). */
static bool domain_default(struct xlat_ctx *c, const struct xlat_domain *d,
			   const struct column *col)
{
	PgQuery__ParseResult *tree = NULL;
	const PgQuery__Node *e = xlat_domain_default(c, d, &tree);
	if (!e) {
		xlat_domain_free(tree);
		return !pgerr_is_set(c->err);
	}
	size_t mark = c->sb->len;
	xlat_puts(c, " ");
	bool ok = default_expr(c, e, col) && !c->sb->failed;
	xlat_domain_free(tree);
	if (!ok)
		return false;
	/* " DEFAULT x" or " DEFAULT (x)": x inside the mark's parentheses */
	const char *x = arena_strdup(c->a, c->sb->data + mark + strlen(" DEFAULT "));
	c->sb->len = mark;
	c->sb->data[mark] = '\0';
	xlat_printf(c, " DEFAULT (" CATALOG_DOMAIN_DEFAULT_MARK " %s)", x);
	return true;
}

bool xlat_domain_column_clauses(struct xlat_ctx *c, const struct xlat_domain *d, const char *col,
				bool with_default)
{
	PgQuery__String str = PG_QUERY__STRING__INIT;
	PgQuery__Node sn = PG_QUERY__NODE__INIT, *names[] = {&sn};
	PgQuery__TypeName tn = PG_QUERY__TYPE_NAME__INIT;
	str.sval = (char *)d->name;
	sn.node_case = NODE(STRING);
	sn.string = &str;
	tn.names = names;
	tn.n_names = 1;
	tn.location = -1;
	struct column cl = {.tn = &tn};
	if (!xlat_domain_base(c, d, &cl.tr))
		return false;
	if (with_default && d->dflt && !domain_default(c, d, &cl))
		return false;
	return xlat_domain_column(c, d, col);
}

/* A GENERATED BY DEFAULT AS IDENTITY constraint of cd, NULL when none. */
static const PgQuery__Constraint *identity_of(const PgQuery__ColumnDef *cd)
{
	for (size_t i = 0; i < cd->n_constraints; i++) {
		if (cd->constraints[i]->constraint->contype == CONSTR(IDENTITY))
			return cd->constraints[i]->constraint;
	}
	return NULL;
}

bool xlat_value_clauses_check(struct xlat_ctx *c, const PgQuery__ColumnDef *cd, const char *table,
			      bool serial)
{
	bool dflt = false, ident = false, gen = false;
	int at = -1;
	const char *col = cd->colname, *what = NULL;
	for (size_t i = 0; i < cd->n_constraints && !what; i++) {
		const PgQuery__Constraint *k = cd->constraints[i]->constraint;
		at = k->location;
		if (k->contype == CONSTR(DEFAULT))
			what = dflt ? "multiple default values specified" : (dflt = true, NULL);
		else if (k->contype == CONSTR(IDENTITY))
			what = ident ? "multiple identity specifications" : (ident = true, NULL);
		else if (k->contype == CONSTR(GENERATED))
			what = gen ? "multiple generation clauses specified" : (gen = true, NULL);
	}
	if (!what && serial)
		at = -1, what = dflt ? "multiple default values specified" : (dflt = true, NULL);
	if (!what)
		what = dflt && ident  ? "both default and identity specified"
		       : dflt && gen  ? "both default and generation expression specified"
		       : ident && gen ? "both identity and generation expression specified"
				      : NULL;
	return !what || xlat_fail(c, SQLSTATE_SYNTAX_ERROR, at,
				  "%s for column \"%s\" of table \"%s\"", what, col, table);
}

/* A column's COLLATE "C" ("POSIX", ucs_basic: the same bytewise order), not "default". */
static bool collate_c(const PgQuery__CollateClause *cc)
{
	const char *name = cc && cc->n_collname ? xlat_node_str(cc->collname[cc->n_collname - 1])
						: NULL;
	return name && xlat_collation_name_ok(name, false);
}

bool xlat_column_def(struct xlat_ctx *c, const PgQuery__ColumnDef *cd, int autonum,
		     const char *pk_name, const char *seq_table)
{
	struct column col = {.tn = cd->type_name, .name = cd->colname};
	struct xlat_typeref *trp = &col.tr;
	if (!cd->type_name)
		return xlat_unsupported(c, cd->location, "a column without a type");
	if (!xlat_syscol_check_name(c, cd->colname, -1) ||
	    !xlat_type_pseudo_check(c, cd->type_name, cd->colname))
		return false;
	if (!xlat_type_resolve(c, cd->type_name, trp))
		return false;
	struct xlat_typeref tr = *trp;
	if (seq_table && !xlat_value_clauses_check(c, cd, seq_table, tr.serial))
		return false;
	bool from_seq = (tr.serial || identity_of(cd)) && !autonum;
	if (from_seq && !seq_table)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, cd->location,
				 "adding a serial or identity column to an existing table is not "
				 "supported");
	if (cd->coll_clause && !xlat_collation_clause(c, cd->coll_clause, &tr))
		return false;
	if ((cd->compression && *cd->compression) || (cd->storage && *cd->storage))
		return xlat_unsupported(c, cd->location, "COMPRESSION or STORAGE");
	xlat_ident(c, cd->colname);
	xlat_puts(c, " ");
	/* A rowid alias must be declared exactly INTEGER; SQLite reports it back as INTEGER. */
	put_decl(c, autonum ? "integer" : xlat_type_format(c, &tr));
	if (tr.info->oid == XLAT_OID_CITEXT && !tr.is_array) /* xlat_citext.c */
		xlat_puts(c, " COLLATE NOCASE");
	else if (collate_c(cd->coll_clause)) /* kept for the catalog (attcollation C); bytewise
					      * is SQLite's default order too */
		xlat_puts(c, " COLLATE BINARY");
	const PgQuery__Constraint *prev = NULL;
	bool has_pk = false, has_notnull = false, has_default = false, deferrable_pk = false;
	for (size_t i = 0; i < cd->n_constraints; i++) {
		const PgQuery__Constraint *k = cd->constraints[i]->constraint;
		has_pk |= k->contype == CONSTR(PRIMARY);
		has_notnull |= k->contype == CONSTR(NOTNULL);
		has_default |= k->contype == CONSTR(DEFAULT);
		if (k->contype >= CONSTR(ATTR_DEFERRABLE)) {
			if (!deferral(c, cd, &i, prev))
				return false;
			continue;
		}
		size_t next;
		if (strcmp(c->st->tag, "CREATE TABLE") == 0 && deferrable_unique(cd, i, &next)) {
			i = next - 1; /* made after the table (column_deferrable_keys) */
			deferrable_pk |= k->contype == CONSTR(PRIMARY);
			continue;
		}
		if (!column_constraint(c, k, autonum, &col))
			return false;
		prev = k;
	}
	if (deferrable_pk && !has_notnull)
		xlat_puts(c, " NOT NULL"); /* a key's columns are, as in PostgreSQL */
	if (autonum && !has_pk) {          /* the PRIMARY KEY was table-level: it moves here */
		if (pk_name) {
			xlat_puts(c, " CONSTRAINT ");
			xlat_ident(c, pk_name);
		}
		xlat_puts(c, autonum == XLAT_ROWID_SERIAL ? " PRIMARY KEY AUTOINCREMENT"
							  : " PRIMARY KEY");
	}
	if (((autonum && tr.serial) || from_seq) && !has_notnull)
		xlat_puts(c, " NOT NULL"); /* serial and identity imply NOT NULL */
	else if ((has_pk || autonum == XLAT_ROWID_PLAIN) && autonum != XLAT_ROWID_SERIAL &&
		 !has_notnull)
		xlat_puts(c, " NOT NULL"); /* SQLite lets NULL into other PRIMARY KEY columns */
	if (from_seq) {
		size_t nopts;
		const char *seq;
		if (!xlat_identity_seq_name(c, seq_table, cd->colname, identity_of(cd), &nopts,
					    &seq))
			return false;
		xlat_puts(c, " DEFAULT (nextval(");
		/* a name nextval reads: "Seq" quoted; a permanent table's bound to the file's
		 * sequence, which a temporary one of its name does not replace (xlat_catalog.c) */
		const char *shown = xlat_enum_display(c, seq);
		bool bind = !c->st->temp_table && c->env && !c->env->no_default &&
			    !strpbrk(shown, ".\""); /* a schema's of the tenant: as it was */
		xlat_string(c, bind ? arena_printf(c->a, "public.%s", shown) : shown);
		xlat_puts(c, "))");
	}
	if (tr.domain && !has_default && !domain_default(c, tr.domain, &col))
		return false;
	return !tr.domain || xlat_domain_column(c, tr.domain, cd->colname);
}

/* PostgreSQL's transformIndexConstraint: a second PRIMARY KEY (column or table level) is
 * 42P16 at its position; SQLite would not see one made as an index (DEFERRABLE, INCLUDE). */
static bool one_primary_key(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	bool seen = false;
	for (int pass = 0; pass < 2; pass++) { /* columns' first, as PostgreSQL takes them */
		for (size_t i = 0; i < s->n_table_elts; i++) {
			const PgQuery__Node *e = s->table_elts[i];
			const PgQuery__Node *const *ks = NULL;
			size_t n = 0;
			if (pass == 0 && e->node_case == NODE(COLUMN_DEF))
				ks = (const PgQuery__Node *const *)e->column_def->constraints,
				n = e->column_def->n_constraints;
			else if (pass == 1 && e->node_case == NODE(CONSTRAINT))
				ks = (const PgQuery__Node *const *)&s->table_elts[i], n = 1;
			for (size_t k = 0; k < n; k++) {
				const PgQuery__Constraint *con = ks[k]->constraint;
				if (ks[k]->node_case != NODE(CONSTRAINT) ||
				    con->contype != CONSTR(PRIMARY))
					continue;
				if (seen)
					return xlat_fail(c, "42P16", con->location,
							 "multiple primary keys for table \"%s\" "
							 "are not allowed",
							 s->relation->relname);
				seen = true;
			}
		}
	}
	return true;
}

/* Whether a column is part of a table-level PRIMARY KEY, or already declared NOT NULL. */
static bool in_table_pk(const PgQuery__CreateStmt *s, const char *col)
{
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case != NODE(CONSTRAINT) || e->constraint->contype != CONSTR(PRIMARY))
			continue;
		for (size_t k = 0; k < e->constraint->n_keys; k++) {
			const char *key = xlat_node_str(e->constraint->keys[k]);
			if (key && strcmp(key, col) == 0)
				return true;
		}
	}
	return false;
}

static bool declared_not_null(const PgQuery__ColumnDef *cd)
{
	for (size_t i = 0; i < cd->n_constraints; i++) {
		if (cd->constraints[i]->constraint->contype == CONSTR(NOTNULL))
			return true;
	}
	return false;
}

static bool table_constraint(struct xlat_ctx *c, const PgQuery__Constraint *k)
{
	const char *name = check_name(c, k);
	if (name) {
		xlat_puts(c, "CONSTRAINT ");
		xlat_ident(c, name);
		xlat_puts(c, " ");
	}
	switch (k->contype) {
	case CONSTR(PRIMARY):
		xlat_puts(c, "PRIMARY KEY ");
		return key_options(c, k) && key_list(c, k->keys, k->n_keys);
	case CONSTR(UNIQUE):
		xlat_puts(c, "UNIQUE ");
		return key_options(c, k) && key_list(c, k->keys, k->n_keys);
	case CONSTR(CHECK):
		xlat_puts(c, "CHECK (");
		xlat_checkdef_mark(c, k->raw_expr);
		return check_expr(c, "", xlat_checkdef_expr(c, k->raw_expr), ")");
	case CONSTR(FOREIGN):
		xlat_puts(c, "FOREIGN KEY ");
		if (!key_list(c, k->fk_attrs, k->n_fk_attrs))
			return false;
		xlat_puts(c, " ");
		return references(c, k);
	default:
		return xlat_unsupported(c, k->location, "an EXCLUDE constraint");
	}
}

/* An auto-numbered column: serial*, or GENERATED ... AS IDENTITY; *rowid_ok when it
 * may be the rowid alias (integer or bigint, no identity sequence options). */
static bool autonum_kind(struct xlat_ctx *c, const char *table, const PgQuery__ColumnDef *cd,
			 bool *is_auto, bool *is_pk, bool *rowid_ok)
{
	struct xlat_typeref tr;
	bool identity = false;
	*is_pk = false;
	*rowid_ok = true;
	if (!xlat_type_pseudo_check(c, cd->type_name, cd->colname))
		return false;
	for (size_t i = 0; i < cd->n_constraints; i++) {
		const PgQuery__Constraint *k = cd->constraints[i]->constraint;
		size_t next;
		*is_pk |= k->contype == CONSTR(PRIMARY) && !deferrable_unique(cd, i, &next);
		if (k->contype != CONSTR(IDENTITY))
			continue;
		identity = true;
		size_t nopts;
		const char *seq;
		if (!xlat_identity_seq_name(c, table, cd->colname, k, &nopts, &seq))
			return false;
		/* the rowid's sequence is table_column_seq: another name takes a sequence */
		*rowid_ok = nopts == 0 &&
			    strcmp(seq, arena_printf(c->a, "%s_%s_seq", table, cd->colname)) == 0;
	}
	if (!cd->type_name || !xlat_type_resolve(c, cd->type_name, &tr))
		return cd->type_name ? false : true;
	*is_auto = tr.serial || identity;
	if (*is_auto &&
	    (tr.is_array || (tr.info->oid != XLAT_OID_INT2 && tr.info->oid != XLAT_OID_INT4 &&
			     tr.info->oid != XLAT_OID_INT8)))
		return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, cd->location,
				 "identity column type must be smallint, integer, or bigint");
	/* A rowid alias reads back as SQLite's 64-bit INTEGER: exact for bigint. */
	if (*is_auto && tr.info->oid == XLAT_OID_INT2)
		*rowid_ok = false;
	return true;
}

/* Whether cd may be a plain rowid key: smallint, integer or bigint (as format_type spells
 * them: no array, no other type over them), not numbered, without a DEFAULT or GENERATED
 * expression (SQLite ignores a rowid alias's DEFAULT). The same rule as shard_rowid.c's. */
static bool plain_key_ok(struct xlat_ctx *c, const PgQuery__ColumnDef *cd)
{
	struct xlat_typeref tr;
	if (!cd->type_name || cd->coll_clause || !xlat_type_resolve(c, cd->type_name, &tr) ||
	    tr.serial || tr.is_array || tr.domain) /* a domain's column keeps its sidecar row */
		return false;
	const char *decl = xlat_type_format(c, &tr);
	if (strcmp(decl, "smallint") != 0 && strcmp(decl, "int4") != 0 &&
	    strcmp(decl, "bigint") != 0)
		return false;
	for (size_t i = 0; i < cd->n_constraints; i++) {
		int t = cd->constraints[i]->constraint->contype;
		if (t == CONSTR(DEFAULT) || t == CONSTR(GENERATED) || t == CONSTR(IDENTITY))
			return false;
	}
	return true;
}

/* The table's single-column primary key as a plain rowid key, when it may be one. */
static bool find_plain_key(struct xlat_ctx *c, const PgQuery__CreateStmt *s,
			   const PgQuery__Constraint *table_pk, struct autonum *an)
{
	const PgQuery__ColumnDef *key = NULL;
	size_t npk = table_pk ? table_pk->n_keys : 0;
	const char *tk = npk == 1 ? xlat_node_str(table_pk->keys[0]) : NULL;
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case != NODE(COLUMN_DEF))
			continue;
		const PgQuery__ColumnDef *cd = e->column_def;
		bool is_pk = false;
		size_t next;
		for (size_t k = 0; k < cd->n_constraints; k++)
			is_pk |= cd->constraints[k]->constraint->contype == CONSTR(PRIMARY) &&
				 !deferrable_unique(cd, k, &next);
		if (is_pk || (tk && strcmp(tk, cd->colname) == 0)) {
			npk += is_pk;
			key = cd;
		}
	}
	if (npk != 1 || !key || !plain_key_ok(c, key))
		return true;
	an->column = key->colname;
	an->plain = true;
	if (table_pk) {
		an->table_pk = true;
		an->pk_name = table_pk->conname && *table_pk->conname ? table_pk->conname : NULL;
		return key_options(c, table_pk);
	}
	return true;
}

static bool find_autonum(struct xlat_ctx *c, const PgQuery__CreateStmt *s, struct autonum *an)
{
	const PgQuery__Constraint *table_pk = NULL;
	memset(an, 0, sizeof(*an));
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case == NODE(CONSTRAINT) && e->constraint->contype == CONSTR(PRIMARY) &&
		    !xlat_defkey_is(e->constraint)) /* a DEFERRABLE one is no rowid */
			table_pk = e->constraint;
	}
	/* the first auto-numbered column that is the single-column primary key is the rowid */
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case != NODE(COLUMN_DEF))
			continue;
		const char *col = e->column_def->colname;
		bool is_auto = false, is_pk = false, rowid_ok = true;
		if (!autonum_kind(c, s->relation->relname, e->column_def, &is_auto, &is_pk,
				  &rowid_ok))
			return false;
		if (!is_auto || !rowid_ok || an->column)
			continue;
		if (is_pk) {
			an->column = col;
		} else if (table_pk && table_pk->n_keys == 1 &&
			   strcmp(xlat_node_str(table_pk->keys[0]), col) == 0) {
			an->column = col;
			an->table_pk = true;
			an->pk_name = table_pk->conname && *table_pk->conname ? table_pk->conname
									      : NULL;
			if (!key_options(c, table_pk))
				return false;
		}
	}
	return an->column || xlat_temp_is(s->relation) || find_plain_key(c, s, table_pk, an);
}

/* Whether cd is serial or identity (its definition already says NOT NULL). */
static bool numbered(struct xlat_ctx *c, const PgQuery__ColumnDef *cd)
{
	struct xlat_typeref tr;
	return identity_of(cd) ||
	       (cd->type_name && xlat_type_resolve(c, cd->type_name, &tr) && tr.serial);
}

/* The sequences of the auto-numbered columns that are not the rowid, created with the table:
 * the statement becomes a script. */
static bool column_sequences(struct xlat_ctx *c, const PgQuery__CreateStmt *s,
			     const struct autonum *an)
{
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case != NODE(COLUMN_DEF))
			continue;
		const PgQuery__ColumnDef *cd = e->column_def;
		struct xlat_typeref tr;
		const PgQuery__Constraint *id = identity_of(cd);
		if ((an->column && strcmp(an->column, cd->colname) == 0) ||
		    !xlat_type_resolve(c, cd->type_name, &tr) || (!tr.serial && !id))
			continue;
		if (!xlat_column_sequence(c, s->relation->relname, cd->colname, tr.info->oid,
					  id ? id->options : NULL, id ? id->n_options : 0,
					  s->if_not_exists, xlat_temp_is(s->relation)))
			return false;
	}
	return true;
}

/* The column sidecar's rows (before the sequences, whose writer reads the model): the rowid
 * alias's PostgreSQL type, which its declared type INTEGER cannot carry, and identity kinds,
 * which SQLite has no place for. */
static bool column_meta(struct xlat_ctx *c, const PgQuery__CreateStmt *s, const struct autonum *an)
{
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case != NODE(COLUMN_DEF))
			continue;
		const PgQuery__ColumnDef *cd = e->column_def;
		const PgQuery__Constraint *id = identity_of(cd);
		bool rowid = an->column && strcmp(an->column, cd->colname) == 0;
		struct xlat_typeref tr;
		if (!cd->type_name || !xlat_type_resolve(c, cd->type_name, &tr)) {
			pgerr_clear(c->err);
			continue;
		}
		if (tr.domain && !rowid && !id) { /* which domain the column is of */
			xlat_column_meta(c, s->relation->relname, cd->colname, tr.domain->name, 0,
					 s->if_not_exists, xlat_temp_is(s->relation));
			continue;
		}
		if (!rowid && !id)
			continue;
		char kind = id ? (id->generated_when && *id->generated_when == 'a' ? 'a' : 'd') : 0;
		xlat_column_meta(c, s->relation->relname, cd->colname, xlat_type_format(c, &tr),
				 kind, s->if_not_exists, xlat_temp_is(s->relation));
	}
	return true;
}

static bool create_options(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	const char *schema = s->relation->schemaname;
	if (schema && strcmp(schema, "pg_temp") == 0 && s->relation->relpersistence &&
	    s->relation->relpersistence[0] == 'u')
		return xlat_fail(c, "42P16", s->relation->location,
				 "only temporary relations may be created in temporary schemas");
	if (!xlat_temp_create(c, s->relation, s->oncommit))
		return false;
	c->st->created_table = arena_strdup(c->a, s->relation->relname);
	if (s->n_inh_relations && !s->partbound) /* a partition's parent is there too */
		return xlat_unsupported(c, -1, "INHERITS");
	if (s->of_typename)
		return xlat_unsupported(c, -1, "a typed table (OF type)");
	if ((s->tablespacename && *s->tablespacename) || (s->access_method && *s->access_method))
		return xlat_unsupported(c, -1, "TABLESPACE or USING");
	return xlat_table_options(c, s->options, s->n_options) &&
	       (!s->partspec || xlat_partitioned_options(c, s->options, s->n_options));
}

/* CREATE TABLE t (LIKE src [INCLUDING ... | EXCLUDING ...]): src's definition is only known
 * when the statement runs, so the table is made then (XLAT_RB_LIKE, shard_like.c). */
static bool create_like(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	const PgQuery__TableLikeClause *like = NULL;
	for (size_t i = 0; i < s->n_table_elts; i++) {
		if (s->table_elts[i]->node_case == NODE(TABLE_LIKE_CLAUSE))
			like = s->table_elts[i]->table_like_clause;
	}
	if (s->n_table_elts != 1)
		return xlat_unsupported(c, -1, "LIKE together with other columns or constraints");
	const PgQuery__RangeVar *src = like->relation;
	if (src->schemaname && *src->schemaname && strcmp(src->schemaname, "public") != 0 &&
	    strcmp(src->schemaname, "pg_temp") != 0)
		return xlat_unsupported(c, src->location, "LIKE of a table in another schema");
	bool temp = xlat_temp_is(s->relation);
	if (!temp && s->relation->schemaname && *s->relation->schemaname &&
	    strcmp(s->relation->schemaname, "public") != 0)
		return xlat_unsupported(c, s->relation->location,
					"CREATE TABLE ... LIKE in another schema");
	struct xlat_rebuild *rb = arena_zalloc(c->a, sizeof(*rb));
	rb->kind = XLAT_RB_LIKE;
	rb->table = arena_strdup(c->a, s->relation->relname);
	rb->ref_table = arena_strdup(c->a, src->relname);
	rb->like_options = like->options;
	rb->temp = temp;
	rb->missing_ok = s->if_not_exists;
	rb->script = xlat_sidecar_like_ddl(c, temp);
	if (!(rb->like_domains = xlat_domain_like(c, src->relname)))
		return false;
	if (s->if_not_exists)
		xlat_skip_if_present(c, temp ? NULL : s->relation->schemaname,
				     s->relation->relname);
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = rb;
	xlat_nocache(c);
	return true;
}

static bool has_like(const PgQuery__CreateStmt *s)
{
	for (size_t i = 0; i < s->n_table_elts; i++) {
		if (s->table_elts[i]->node_case == NODE(TABLE_LIKE_CLAUSE))
			return true;
	}
	return false;
}

/* Two constraints of one CREATE TABLE with one name: PostgreSQL's 42710 for two checks or a
 * check and a key, 42P07 (the index's relation) for two keys. */
/* How many constraints element e of CREATE TABLE's list carries: a column's, or itself. */
static size_t element_nconstraints(const PgQuery__Node *e)
{
	return e->node_case == NODE(COLUMN_DEF)   ? e->column_def->n_constraints
	       : e->node_case == NODE(CONSTRAINT) ? 1
						  : 0;
}

/* The j-th of them. */
static const PgQuery__Constraint *element_constraint(const PgQuery__Node *e, size_t j)
{
	return e->node_case == NODE(CONSTRAINT) ? e->constraint
						: e->column_def->constraints[j]->constraint;
}

static bool names_once(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	const PgQuery__Constraint *seen[64];
	size_t n = 0;
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		for (size_t j = 0, nk = element_nconstraints(e); j < nk; j++) {
			const PgQuery__Constraint *k = element_constraint(e, j);
			if (!k->conname || !*k->conname)
				continue;
			bool check = k->contype == CONSTR(CHECK);
			bool key = k->contype == CONSTR(PRIMARY) || k->contype == CONSTR(UNIQUE) ||
				   k->contype == CONSTR(EXCLUSION);
			for (size_t m = 0; m < n; m++) {
				if (strcmp(seen[m]->conname, k->conname) != 0)
					continue;
				if (check && seen[m]->contype == CONSTR(CHECK))
					return xlat_fail(c, "42710", k->location,
							 "check constraint \"%s\" already exists",
							 k->conname);
				bool other_key = seen[m]->contype == CONSTR(PRIMARY) ||
						 seen[m]->contype == CONSTR(UNIQUE) ||
						 seen[m]->contype == CONSTR(EXCLUSION);
				if (key && other_key)
					return xlat_fail(c, SQLSTATE_DUPLICATE_TABLE, -1,
							 "relation \"%s\" already exists",
							 k->conname);
				if ((key || check) &&
				    (other_key || seen[m]->contype == CONSTR(CHECK)))
					return xlat_fail(c, "42710", -1,
							 "constraint \"%s\" for relation \"%s\" "
							 "already exists",
							 k->conname, s->relation->relname);
			}
			if (n < ARRAY_LEN(seen))
				seen[n++] = k;
		}
	}
	return true;
}

/* The foreign keys' column types (xlat_fktype.c), unless the table is there already (the
 * statement then fails, or does nothing with IF NOT EXISTS, before looking at them). */
static bool foreign_key_types(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	const struct xlat_schema_col *cols;
	size_t ncols;
	const char *table = s->relation->relname;
	if (!c->schema || !c->schema->table_fn ||
	    c->schema->table_fn(c->schema->arg, table, c->a, &cols, &ncols))
		return true;
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case == NODE(CONSTRAINT) && e->constraint->contype == CONSTR(FOREIGN) &&
		    !xlat_fk_types(c, table, s, e->constraint, NULL))
			return false;
		for (size_t k = 0;
		     e->node_case == NODE(COLUMN_DEF) && k < e->column_def->n_constraints; k++) {
			const PgQuery__Constraint *fk = e->column_def->constraints[k]->constraint;
			if (fk->contype == CONSTR(FOREIGN) &&
			    !xlat_fk_types(c, table, s, fk, e->column_def->colname))
				return false;
		}
	}
	return true;
}

/* MATCH FULL of a key of several columns: SQLite checks it as MATCH SIMPLE (a NULL column
 * matches anything), so a CHECK named as the key follows it, refusing a key neither all NULL
 * nor all set (CATALOG_MATCH_FULL_MARK: no constraint of the catalog's; its violation is the
 * key's 23503 with PostgreSQL's DETAIL, shard_error.c). The key's name, NULL for any other
 * constraint: as written, else PostgreSQL's default, which the stored text then keeps (as
 * PostgreSQL keeps it when a column is renamed) so that key and guard stay one name. */
const char *xlat_match_full_name(struct xlat_ctx *c, const char *table,
				 const PgQuery__Constraint *k)
{
	if (k->contype != CONSTR(FOREIGN) || !k->fk_matchtype || *k->fk_matchtype != 'f' ||
	    k->n_fk_attrs < 2)
		return NULL;
	if (k->conname && *k->conname)
		return k->conname;
	const char *names = NULL;
	for (size_t i = 0; i < k->n_fk_attrs; i++) {
		const char *col = xlat_node_str(k->fk_attrs[i]);
		names = !col ? names : names ? arena_printf(c->a, "%s_%s", names, col) : col;
	}
	return base_object_name(c->a, table, names ? names : "", "fkey");
}

void xlat_match_full_guard(struct xlat_ctx *c, const char *name, const PgQuery__Constraint *k)
{
	xlat_puts(c, ", CONSTRAINT ");
	xlat_ident(c, name);
	xlat_puts(c, " CHECK ((");
	for (size_t i = 0; i < k->n_fk_attrs; i++) {
		const char *col = xlat_node_str(k->fk_attrs[i]);
		xlat_puts(c, i ? ") + (" : "");
		xlat_ident(c, col ? col : "");
		xlat_puts(c, " IS NULL");
	}
	xlat_printf(c, ") IN (0, %zu)) " CATALOG_MATCH_FULL_MARK, k->n_fk_attrs);
}

/* One element of CREATE TABLE's list, after a ", " unless it is the first emitted. */
static bool table_element(struct xlat_ctx *c, const PgQuery__CreateStmt *s,
			  const struct autonum *an, const PgQuery__Node *e, bool *first)
{
	if (e->node_case == NODE(CONSTRAINT) && an->table_pk &&
	    e->constraint->contype == CONSTR(PRIMARY))
		return true; /* moved onto the rowid alias column */
	if (e->node_case == NODE(CONSTRAINT) &&
	    (e->constraint->contype == CONSTR(EXCLUSION) || xlat_defkey_is(e->constraint)))
		return true; /* made after the table (xlat_exclude.c, xlat_defkey.c) */
	xlat_puts(c, *first ? "" : ", ");
	*first = false;
	if (e->node_case == NODE(CONSTRAINT)) {
		const PgQuery__Constraint *k = e->constraint;
		const char *guard = xlat_match_full_name(c, s->relation->relname, k);
		if (guard && !(k->conname && *k->conname)) {
			xlat_puts(c, "CONSTRAINT ");
			xlat_ident(c, guard);
			xlat_puts(c, " ");
		}
		if (!table_constraint(c, k))
			return false;
		if (guard)
			xlat_match_full_guard(c, guard, k);
		return true;
	}
	if (e->node_case != NODE(COLUMN_DEF))
		return xlat_unsupported(c, -1, "LIKE in CREATE TABLE");
	const char *col = e->column_def->colname;
	int autonum = !an->column || strcmp(an->column, col) != 0 ? XLAT_ROWID_NONE
		      : an->plain                                 ? XLAT_ROWID_PLAIN
								  : XLAT_ROWID_SERIAL;
	if (!xlat_column_def(c, e->column_def, autonum, an->pk_name, s->relation->relname))
		return false;
	if (!autonum && in_table_pk(s, col) && !declared_not_null(e->column_def) &&
	    !numbered(c, e->column_def))
		xlat_puts(c, " NOT NULL"); /* as for column-level keys */
	return true;
}

/* ON DELETE SET NULL (cols) of element e: its trigger after the table (xlat_fkset.c). */
static bool fkset_triggers(struct xlat_ctx *c, const PgQuery__CreateStmt *s, const PgQuery__Node *e)
{
	if (e->node_case == NODE(CONSTRAINT))
		return xlat_fkset_add(c, s->relation, s, e->constraint, NULL, c->sb);
	for (size_t k = 0; e->node_case == NODE(COLUMN_DEF) && k < e->column_def->n_constraints;
	     k++) {
		if (!xlat_fkset_add(c, s->relation, s, e->column_def->constraints[k]->constraint,
				    e->column_def->colname, c->sb))
			return false;
	}
	return true;
}

/* The one column a CHECK reads (*col), or several (*col NULL after one was seen). */
struct check_cols {
	const char *col;
	bool several;
};

static bool check_cols_walk(void *arg, const ProtobufCMessage *m)
{
	struct check_cols *cc = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor) {
		const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
		const char *s = xlat_node_str(cr->fields[cr->n_fields - 1]);
		if (s && cc->col && strcmp(cc->col, s) != 0)
			cc->several = true;
		else if (s)
			cc->col = s;
		return true;
	}
	return xlat_tree_each(m, check_cols_walk, cc);
}

/* PostgreSQL names each unnamed CHECK as it creates the table, in the order the list gives
 * them (AddRelationNewConstraints): table_col_check for the one column it reads, else
 * table_check, with 1, 2, ... when an earlier one of the statement has the name; a named one
 * after an unnamed one of its name is 42710. The name is written into SQLite's text
 * (c->check_names, which check_name reads), so it stays through RENAME COLUMN, RENAME TO and
 * DROP CONSTRAINT, as PostgreSQL's. */
static bool name_checks(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	const char **names = NULL;
	size_t n = 0, cap = 0, all = 0;
	for (size_t i = 0; i < s->n_table_elts; i++)
		all += element_nconstraints(s->table_elts[i]);
	c->check_names = arena_zalloc(c->a, (all ? all : 1) * sizeof(*c->check_names));
	c->ncheck_names = 0;
	/* a local schema's table "s.t" (xlat_localnsp.c) names them after t */
	const char *table = s->relation->relname, *dot = strchr(table, '.');
	if (dot && xlat_local_schema(c, arena_strndup(c->a, table, (size_t)(dot - table))))
		table = dot + 1;
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		for (size_t j = 0, nk = element_nconstraints(e); j < nk; j++) {
			const PgQuery__Constraint *k = element_constraint(e, j);
			if (k->contype != CONSTR(CHECK))
				continue;
			const char *name = k->conname && *k->conname ? k->conname : NULL;
			for (size_t m = 0; name && m < n; m++)
				if (strcmp(names[m], name) == 0)
					return xlat_fail(c, "42710", -1,
							 "check constraint \"%s\" already exists",
							 name);
			if (!name) {
				struct check_cols cc = {NULL, false};
				if (k->raw_expr)
					check_cols_walk(&cc, &k->raw_expr->base);
				const char *col = cc.col && !cc.several ? cc.col : NULL;
				for (int pass = 0; !name; pass++) {
					const char *label =
						pass ? arena_printf(c->a, "check%d", pass)
						     : "check";
					name = base_object_name(c->a, table, col, label);
					for (size_t m = 0; name && m < n; m++)
						if (strcmp(names[m], name) == 0)
							name = NULL;
				}
				c->check_names[c->ncheck_names].k = k;
				c->check_names[c->ncheck_names++].name = name;
			}
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				const char **v = arena_alloc(c->a, cap * sizeof(*v));
				if (n)
					memcpy(v, names, n * sizeof(*v));
				names = v;
			}
			names[n++] = name;
		}
	}
	return true;
}

bool xlat_stmt_create(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	struct autonum an;
	c->st->tag = "CREATE TABLE";
	c->st->writes = c->st->is_ddl = true;
	if (!create_options(c, s) || !names_once(c, s) || !xlat_xid_create_check(c, s))
		return false;
	if (s->partbound)
		return xlat_partition_of(c, s);
	if (has_like(s))
		return s->partspec ? xlat_unsupported(c, -1, "LIKE in a partitioned table")
				   : create_like(c, s);
	if (!one_primary_key(c, s) || !xlat_gencheck_create(c, s) || !find_autonum(c, s, &an) ||
	    !foreign_key_types(c, s) || !name_checks(c, s))
		return false;
	bool temp = xlat_temp_is(s->relation);
	xlat_puts(c, temp ? "CREATE TEMP TABLE " : "CREATE TABLE ");
	xlat_puts(c, s->if_not_exists ? "IF NOT EXISTS " : "");
	if (s->if_not_exists)
		xlat_skip_if_present(c, temp ? NULL : s->relation->schemaname,
				     s->relation->relname);
	size_t name_at = c->sb->len;
	if (temp)
		xlat_ident(c, s->relation->relname);
	else if (!xlat_relname(c, s->relation))
		return false;
	bool own = !temp && xlat_written_ident(c, name_at, c->sb->len, s->relation->relname);
	xlat_puts(c, " (");
	if (s->partspec && !xlat_partition_key(c, s))
		return false;
	xlat_table_options_mark(c, s->options, s->n_options);
	bool first = true;
	xlat_checkdef_create(c, s); /* the columns its CHECKs' PostgreSQL texts read */
	/* SQLite wants every column definition before the table constraints; PostgreSQL takes
	 * them mixed: columns first (in their order), then the constraints. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < s->n_table_elts; i++) {
			const PgQuery__Node *e = s->table_elts[i];
			if ((e->node_case == NODE(COLUMN_DEF)) != (pass == 0))
				continue;
			if (!table_element(c, s, &an, e, &first)) {
				xlat_checkdef_done(c);
				return false;
			}
		}
	}
	xlat_checkdef_done(c);
	if (first)
		return xlat_unsupported(c, -1, "a table without columns");
	xlat_puts(c, ")");
	/* a temporary table's go to the temp schema's sidecars, which die with the session */
	if (!column_meta(c, s, &an) || !column_sequences(c, s, &an))
		return false;
	const struct xlat_schema_col *cols;
	size_t ncols;
	if (s->if_not_exists && c->schema &&
	    c->schema->table_fn(c->schema->arg, s->relation->relname, c->a, &cols, &ncols))
		return true; /* the table is there: IF NOT EXISTS adds no constraint to it */
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case == NODE(CONSTRAINT) &&
		    e->constraint->contype == CONSTR(EXCLUSION) &&
		    !xlat_exclude_add(c, s->relation, e->constraint))
			return false;
		if (e->node_case == NODE(CONSTRAINT) && xlat_defkey_is(e->constraint) &&
		    !xlat_defkey_add(c, s->relation, e->constraint, false))
			return false;
		if (e->node_case == NODE(COLUMN_DEF) &&
		    !column_deferrable_keys(c, s->relation, e->column_def))
			return false;
		if (!fkset_triggers(c, s, e))
			return false;
	}
	if (s->partspec) { /* its routing trigger: no partition takes a row yet */
		xlat_puts(c, "; SELECT shardlite_partition_sync(");
		xlat_string(c, s->relation->relname);
		xlat_puts(c, ")");
		c->st->kind = XLAT_SCRIPT;
	}
	if (own) /* its ACL from ALTER DEFAULT PRIVILEGES */
		xlat_defacl_created(c, 'r', s->relation->relname, s->relation->relname);
	if (own && an.column && !an.plain) { /* and its serial key's sequence (catalog_seq.c) */
		const char *seq = arena_printf(c->a, "%s_%s_seq", s->relation->relname, an.column);
		xlat_defacl_created(c, 'S', seq, seq);
	}
	return true;
}

/* A table constraint as SQLite writes it, for ALTER TABLE ... ADD (xlat_rebuild.c). */
bool xlat_table_constraint(struct xlat_ctx *c, const PgQuery__Constraint *k)
{
	return table_constraint(c, k);
}
