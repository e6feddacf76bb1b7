/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_fnlib.c: PostgreSQL built-in functions implemented in pgfn (string, bytea, format,
 * math, JSON): a table of PostgreSQL name → pgfn's SQLite function, argument types (for
 * parameter inference) and result type. xlat_func() asks here before refusing a name. */
#include "xlat_int.h"

#include <string.h>

enum lib_kind { L_SCALAR, L_AGG };

/* A result type rule beyond a fixed OID. */
enum lib_rt {
	LR_FIX,    /* oid */
	LR_SAME,   /* the first argument's type (text for an unknown literal) */
	LR_NUMISH, /* float8 for float arguments, numeric otherwise (integers: oid) */
	LR_COMMON, /* the arguments' common type */
};

struct lib {
	const char *name;
	const char *sqlite;
	int min, max;
	const char *args; /* one letter per argument for $n inference: t text, i int4, l int8, b bytea,
			   * n numeric, j jsonb, '.' any type printed as text (':' cast to
			   * text), '-' any; the last letter repeats (no letters: all '-') */
	enum lib_kind kind;
	enum lib_rt rt;
	uint32_t oid;
	bool (*special)(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
			struct xlat_type *t);
};

static uint32_t arg_oid(char letter)
{
	switch (letter) {
	case 't':
		return XLAT_OID_TEXT;
	case 'i':
		return XLAT_OID_INT4;
	case 'b':
		return XLAT_OID_BYTEA;
	case 'n':
		return XLAT_OID_NUMERIC;
	case 'l':
		return XLAT_OID_INT8;
	case 'j':
		return XLAT_OID_JSONB;
	default:
		return 0;
	}
}

/* An argument the function prints as text, in PostgreSQL's text form where SQLite's differs
 * (xlat_textout.c): as its output function shows it, or (cast) as ::text does. */
static bool text_arg(struct xlat_ctx *c, const PgQuery__Node *a, struct xlat_type *t, bool cast)
{
	return xlat_text_operand(c, a, t, cast ? XLAT_TF_CAST : XLAT_TF_OUTPUT);
}

/* round(x, n) and trunc(x, n) of a numeric have n fraction digits (none for n < 0): with n a
 * constant, the result's type carries that display scale (round(100, 1)::text is 100.0). */
static void round_scale(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
			struct xlat_type *t)
{
	if (t->oid != XLAT_OID_NUMERIC || f->n_args != 2 ||
	    (strcmp(name, "round") != 0 && strcmp(name, "trunc") != 0))
		return;
	const PgQuery__AConst *n = xlat_const_value(c, f->args[1]);
	if (!n || n->isnull || n->val_case != PG_QUERY__A__CONST__VAL_IVAL)
		return;
	int32_t s = n->ival->ival;
	t->typmod = XLAT_NUM_SCALE(s < 0 ? 0 : s > 1000 ? 1000 : s);
}

/* Emits f's arguments as a comma list, typing bare $n from the table. */
static bool lib_args(struct xlat_ctx *c, const struct lib *l, const PgQuery__FuncCall *f,
		     struct xlat_type *tv)
{
	size_t na = strlen(l->args);
	for (size_t i = 0; i < f->n_args; i++) {
		const PgQuery__Node *a = f->args[i];
		char letter = na ? l->args[i < na ? i : na - 1] : '-';
		if (i)
			xlat_puts(c, ", ");
		if (a->node_case == PG_QUERY__NODE__NODE_PARAM_REF && arg_oid(letter) &&
		    !xlat_param(c, a->param_ref->number, arg_oid(letter), a->param_ref->location))
			return false;
		bool text = letter == '.' || letter == ':';
		if (letter == 'b' && a->node_case == PG_QUERY__NODE__NODE_A_CONST &&
		    a->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
			/* an untyped literal is the bytea parameter's input: '\x41' is one byte */
			if (!xlat_cast_string(c, a, XLAT_OID_BYTEA, -1))
				return false;
			tv[i] = (struct xlat_type){XLAT_OID_BYTEA, -1};
			continue;
		}
		if (text ? !text_arg(c, a, &tv[i], letter == ':') : !xlat_expr(c, a, &tv[i]))
			return false;
		if (a->node_case == PG_QUERY__NODE__NODE_PARAM_REF && !tv[i].oid)
			tv[i].oid = arg_oid(letter);
	}
	return true;
}

static bool is_int(uint32_t oid)
{
	return oid == XLAT_OID_INT2 || oid == XLAT_OID_INT4 || oid == XLAT_OID_INT8;
}

static bool is_float(uint32_t oid) { return oid == XLAT_OID_FLOAT4 || oid == XLAT_OID_FLOAT8; }

/* to_hex(int4) and to_hex(int8) differ for negative values: pass the width. */
static bool sp_to_hex(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
		      struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_TEXT, -1};
	xlat_puts(c, "pgfn_to_hex(");
	if (!xlat_expr(c, f->args[0], &tv[0]))
		return false;
	uint32_t o = tv[0].oid;
	xlat_printf(c, ", %d)",
		    o == XLAT_OID_INT8                         ? 64
		    : o == XLAT_OID_INT2 || o == XLAT_OID_INT4 ? 32
							       : 0);
	return true;
}

/* parse_ident(str text, strict boolean DEFAULT true), its arguments also by name. */
static bool sp_parse_ident(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
			   struct xlat_type *t)
{
	static const char *const names[2] = {"str", "strict"};
	static const uint32_t types[2] = {XLAT_OID_TEXT, XLAT_OID_BOOL};
	const PgQuery__Node *slots[2] = {NULL, NULL};
	for (size_t i = 0; i < f->n_args; i++) {
		const PgQuery__Node *n = f->args[i];
		size_t k = i;
		if (n->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR) {
			const char *an = n->named_arg_expr->name;
			for (k = 0; k < 2 && (!an || strcmp(an, names[k]) != 0); k++)
				;
			n = (const PgQuery__Node *)n->named_arg_expr->arg;
		}
		if (k >= 2 || slots[k])
			return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
					 "function parse_ident does not exist");
		slots[k] = n;
	}
	if (!slots[0])
		return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
				 "function parse_ident does not exist");
	*t = (struct xlat_type){1009, -1}; /* text[] */
	xlat_puts(c, "pgfn_parse_ident(");
	for (size_t k = 0; k < 2 && slots[k]; k++) {
		const PgQuery__Node *a = slots[k];
		xlat_puts(c, k ? ", " : "");
		if (a->node_case == PG_QUERY__NODE__NODE_PARAM_REF &&
		    !xlat_param(c, a->param_ref->number, types[k], a->param_ref->location))
			return false;
		if (!xlat_expr(c, a, &tv[k]))
			return false;
	}
	xlat_puts(c, ")");
	return true;
}

static bool sp_bit_length(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
			  struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_INT4, -1};
	xlat_puts(c, "(length(CAST(");
	if (!xlat_expr(c, f->args[0], &tv[0]))
		return false;
	xlat_puts(c, " AS BLOB)) * 8)");
	return true;
}

/* Whether m (not looking into subqueries) calls an aggregate of its own query level (not as
 * a window function): xlat_tree_each stops (false) at the first. */
static bool no_agg(void *arg, const ProtobufCMessage *m)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	if (d == &pg_query__select_stmt__descriptor)
		return true;
	if (d == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const PgQuery__FuncCall *)m;
		if (!f->over && xlat_group_is_agg(f))
			return false;
	}
	return xlat_tree_each(m, no_agg, arg);
}

/* pg_typeof(x): the static type's name, a regtype. The argument is translated (for its type
 * and its errors) into a scratch buffer, since its value is not needed; but an argument that
 * calls an aggregate is kept in the SQL (its value thrown away), because the aggregate makes
 * the query an aggregating one (one row for pg_typeof(sum(x)), as in PostgreSQL). */
static bool sp_pg_typeof(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
			 struct xlat_type *t)
{
	bool agg = !no_agg(NULL, &f->args[0]->base);
	struct strbuf scratch, *saved = c->sb;
	strbuf_init(&scratch, 0);
	unsigned flags = c->flags;
	if (agg)
		xlat_puts(c, "CASE WHEN (");
	else
		c->sb = &scratch;
	if (!agg && f->args[0]->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
		c->flags |= XLAT_X_RESULT; /* 'users'::regclass is a regclass, not its OID */
	bool ok = xlat_expr(c, f->args[0], &tv[0]);
	c->flags = flags;
	c->sb = saved;
	strbuf_fini(&scratch);
	if (!ok)
		return false;
	const struct xlat_typeinfo *ti = xlat_type_by_oid(tv[0].oid);
	const struct xlat_typeinfo *elem = ti ? NULL : xlat_type_by_array_oid(tv[0].oid);
	const struct xlat_domain *d = xlat_domain_of_expr(c, f->args[0]);
	/* a row type's value or array (pt, pt[]): the type's name */
	uint32_t row = ti || elem || d ? 0 : xlat_comptype_array_elem(c, tv[0].oid);
	const char *rel = NULL;
	const struct xlat_schema_col *cols;
	size_t ncols;
	if ((row || (!ti && !elem && !d)) &&
	    !xlat_composite_of(c, row ? row : tv[0].oid, &rel, &cols, &ncols))
		rel = NULL;
	struct xlat_typeinfo rowti = {.sql_name = NULL};
	bool earr = false; /* an enum's value or array: the enum's name */
	const struct xlat_enum *en = ti || elem || d ? NULL : xlat_enum_by_oid(c, tv[0].oid, &earr);
	if (en) {
		rowti.sql_name = arena_printf(c->a, "%s%s", xlat_enum_display(c, en->name),
					      earr ? "[]" : "");
		ti = &rowti;
	} else if (rel) {
		rowti.sql_name =
			arena_printf(c->a, "%s%s", xlat_enum_display(c, rel), row ? "[]" : "");
		ti = &rowti;
	}
	static const struct xlat_typeinfo voidti = {.sql_name = "void"};
	if (tv[0].oid == 2278 /* void: a void function's result, NULL::void */)
		ti = &voidti;
	/* the OID alias types the translator types values with but keeps no column type of */
	static const struct xlat_typeinfo regti[] = {{.oid = XLAT_OID_REGPROC,
						      .sql_name = "regproc"},
						     {.oid = 2202, .sql_name = "regprocedure"},
						     {.oid = 2203, .sql_name = "regoper"},
						     {.oid = 2204, .sql_name = "regoperator"},
						     {.oid = 4096, .sql_name = "regrole"}};
	for (size_t i = 0; !ti && !elem && !d && i < ARRAY_LEN(regti); i++)
		if (tv[0].oid == regti[i].oid)
			ti = &regti[i];
	if (tv[0].oid != XLAT_OID_UNKNOWN && !ti && !elem && !d)
		return xlat_unsupported(c, f->location,
					"pg_typeof of a value whose type is only known when the "
					"statement runs");
	const char *name = ti     ? ti->sql_name
			   : elem ? arena_printf(c->a, "%s[]", elem->sql_name)
				  : "unknown";
	*t = (struct xlat_type){2206, -1}; /* regtype */
	if (d) /* a domain's value: the domain's name, as PostgreSQL's */
		name = xlat_enum_display(c, d->name);
	if (agg) {
		xlat_puts(c, ") IS NULL THEN ");
		xlat_string(c, name);
		xlat_puts(c, " ELSE ");
	}
	xlat_string(c, name);
	if (agg)
		xlat_puts(c, " END");
	return true;
}

/* num_nulls(...) and num_nonnulls(...): a sum of IS [NOT] NULL tests, an int4. */
static bool sp_num_nulls(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
			 struct xlat_type *t)
{
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *test = strcmp(name, "num_nulls") == 0 ? " IS NULL)" : " IS NOT NULL)";
	*t = (struct xlat_type){XLAT_OID_INT4, -1};
	xlat_puts(c, "(");
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, i ? " + (" : "(");
		if (!xlat_operand(c, f->args[i], &tv[i]))
			return false;
		xlat_puts(c, test);
	}
	xlat_puts(c, ")");
	return true;
}

/* Whether values of type oid compare as numbers (1), as texts (0), or neither here (-1). */
static int bucket_kind(uint32_t oid)
{
	switch (oid) {
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8:
	case XLAT_OID_FLOAT4:
	case XLAT_OID_FLOAT8:
	case XLAT_OID_NUMERIC:
		return 1;
	case XLAT_OID_TEXT:
	case XLAT_OID_VARCHAR:
	case XLAT_OID_NAME:
		return 0;
	default:
		return -1;
	}
}

/* width_bucket(x, thresholds): pgfn_width_bucket_array over numbers or texts; an untyped
 * literal x is read as the thresholds' element type. Thresholds of other types (dates,
 * timestamps: their array text is not ordered as their values) are 0A000. */
static bool sp_width_bucket_array(struct xlat_ctx *c, const PgQuery__FuncCall *f,
				  struct xlat_type *tv, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_INT4, -1};
	if (!xlat_scope_dry_expr(c, f->args[1], &tv[1]))
		return false;
	uint32_t elem = xlat_array_elem(tv[1].oid);
	xlat_puts(c, "pgfn_width_bucket_array(");
	int lit = elem ? xlat_infer_literal(c, f->args[0], (struct xlat_type){elem, -1}) : 0;
	if (lit > 0)
		tv[0] = (struct xlat_type){elem, -1};
	if (lit < 0 || (lit == 0 && !xlat_expr(c, f->args[0], &tv[0])))
		return false;
	xlat_puts(c, ", ");
	if (!xlat_expr(c, f->args[1], &tv[1]))
		return false;
	int ekind = elem ? bucket_kind(elem) : -1;
	int kind = tv[0].oid == XLAT_OID_UNKNOWN && elem ? ekind : bucket_kind(tv[0].oid);
	if (!elem && tv[1].oid == XLAT_OID_UNKNOWN) /* '{1,9}': read as an array of x's type */
		ekind = kind;
	if (kind < 0 || ekind < 0) {
		const struct xlat_typeinfo *ti = xlat_type_by_oid(kind < 0 ? tv[0].oid : tv[1].oid);
		return xlat_unsupported(
			c, f->location,
			arena_printf(c->a, "width_bucket %s type %s",
				     kind < 0 ? "of a value of" : "over an array of",
				     ti ? ti->sql_name : "unknown"));
	}
	if (kind != ekind) {
		const struct xlat_typeinfo *a = xlat_type_by_oid(tv[0].oid);
		const struct xlat_typeinfo *b = xlat_type_by_oid(elem);
		return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
				 "function width_bucket(%s, %s[]) does not exist",
				 a ? a->sql_name : "unknown", b ? b->sql_name : "unknown");
	}
	xlat_printf(c, ", %d)", kind);
	return true;
}

/* overlay(s placing r from f [for n]): characters of a text, bytes of a bytea. */
static bool sp_overlay(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
		       struct xlat_type *t)
{
	static const struct lib args = {"overlay", "pgfn_overlay", 3, 4, "ttii", L_SCALAR,
					 LR_FIX, 0, NULL};
	xlat_puts(c, "pgfn_overlay(");
	if (!lib_args(c, &args, f, tv))
		return false;
	bool bytea = tv[0].oid == XLAT_OID_BYTEA;
	xlat_printf(c, ", %d)", bytea);
	*t = (struct xlat_type){bytea ? XLAT_OID_BYTEA : XLAT_OID_TEXT, -1};
	return true;
}

/* regexp_replace(s, re, repl [, flags]) or PostgreSQL 15's (s, re, repl, start [, n [,
 * flags]]): a fourth argument of an integer type is start, anything else (an untyped literal
 * too, as PostgreSQL resolves it) the flags. */
static bool sp_regexp_replace(struct xlat_ctx *c, const PgQuery__FuncCall *f,
			      struct xlat_type *tv, struct xlat_type *t)
{
	static const struct lib flagged = {"regexp_replace", "pgfn_regexp_replace", 3, 4, "t",
					   L_SCALAR, LR_FIX, 0, NULL};
	static const struct lib at = {"regexp_replace", "pgfn_regexp_replace_at", 4, 6, "tttiit",
				      L_SCALAR, LR_FIX, 0, NULL};
	struct xlat_type fourth = {0, -1};
	bool start = f->n_args > 4 ||
		     (f->n_args == 4 && xlat_scope_dry_expr(c, f->args[3], &fourth) &&
		      is_int(fourth.oid));
	const struct lib *l = start ? &at : &flagged;
	xlat_printf(c, "%s(", l->sqlite);
	if (!lib_args(c, l, f, tv))
		return false;
	xlat_puts(c, ")");
	*t = (struct xlat_type){XLAT_OID_TEXT, -1};
	return true;
}

/* to_number(s, fmt): pgfn_to_number's decimal text (its scale, 1234.50) in a result column
 * (XLAT_X_EXACT), read as a number elsewhere, where SQLite would compare the text as text
 * (to_number(s, '99.99') > 5 was true of every value). */
static bool sp_to_number(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
			 struct xlat_type *t)
{
	static const struct lib args = {"to_number", "pgfn_to_number", 2, 2, "tt", L_SCALAR,
					 LR_FIX, 0, NULL};
	unsigned exact = c->flags & XLAT_X_EXACT; /* the result's, not the arguments' */
	c->flags &= ~(unsigned)XLAT_X_EXACT;
	xlat_puts(c, exact ? "pgfn_to_number(" : "shardlite_num_in(pgfn_to_number(");
	bool ok = lib_args(c, &args, f, tv);
	c->flags |= exact;
	xlat_puts(c, exact ? ")" : "), 'n')");
	*t = (struct xlat_type){XLAT_OID_NUMERIC, -1};
	return ok;
}

/* scale(x), min_scale(x), trim_scale(x): pgfn_scale(x as numeric's text, which). */
static bool sp_scale(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
		     struct xlat_type *t)
{
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	int which = strcmp(name, "scale") == 0 ? 0 : strcmp(name, "min_scale") == 0 ? 1 : 2;
	/* trim_scale's decimal text is read as a number outside a result column, as to_number's */
	unsigned exact = c->flags & XLAT_X_EXACT;
	c->flags &= ~(unsigned)XLAT_X_EXACT;
	xlat_puts(c, which == 2 && !exact ? "shardlite_num_in(pgfn_scale(" : "pgfn_scale(");
	bool ok = text_arg(c, f->args[0], &tv[0], false);
	c->flags |= exact;
	if (!ok)
		return false;
	xlat_printf(c, ", %d)%s", which, which == 2 && !exact ? ", 'n')" : "");
	*t = (struct xlat_type){which == 2 ? XLAT_OID_NUMERIC : XLAT_OID_INT4, -1};
	return true;
}

/* What is true of shardlite: the client and database encodings are UTF8 (the only one it
 * speaks; getdatabaseencoding: psql's \dO), there is
 * no JIT, and no replication replays anything (PostgreSQL's primary answers NULL too). */
static bool sp_sysinfo(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
		       struct xlat_type *t)
{
	(void)tv;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	if (strcmp(name, "pg_client_encoding") == 0 || strcmp(name, "getdatabaseencoding") == 0) {
		*t = (struct xlat_type){XLAT_OID_NAME, -1};
		xlat_puts(c, "'UTF8'");
	} else if (strcmp(name, "pg_jit_available") == 0) {
		*t = (struct xlat_type){XLAT_OID_BOOL, -1};
		xlat_puts(c, "0");
	} else {
		*t = (struct xlat_type){XLAT_OID_TIMESTAMPTZ, -1};
		xlat_puts(c, "NULL");
	}
	return true;
}

/* The bytes a value of a fixed-length type takes (typlen), 0 for the others. */
static int fixed_size(uint32_t oid)
{
	switch (oid) {
	case XLAT_OID_BOOL:
		return 1;
	case XLAT_OID_INT2:
		return 2;
	case XLAT_OID_INT4:
	case XLAT_OID_OID:
	case XLAT_OID_FLOAT4:
	case XLAT_OID_DATE:
		return 4;
	case XLAT_OID_INT8:
	case XLAT_OID_FLOAT8:
	case XLAT_OID_TIME:
	case XLAT_OID_TIMESTAMP:
	case XLAT_OID_TIMESTAMPTZ:
		return 8;
	case XLAT_OID_TIMETZ:
		return 12;
	case XLAT_OID_INTERVAL:
	case XLAT_OID_UUID:
		return 16;
	case XLAT_OID_NAME:
		return 64;
	default:
		return 0;
	}
}

/* pg_column_size(x): the bytes PostgreSQL's datum takes. Fixed-length types their length;
 * text, varchar and bytea their bytes and a varlena header: 4 bytes for a computed value, 1
 * for a column's value of up to 126 bytes (PostgreSQL keeps a short header on disk), and an
 * undecorated literal its cstring (bytes and the NUL). PostgreSQL compresses long column
 * values (about 2 kB and more), which SQLite does not: those differ (docs/sql-compat.md).
 * Other types (numeric, jsonb, arrays ...) are laid out in ways SQLite's values do not
 * show: 0A000. */
static bool sp_column_size(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
			   struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_INT4, -1};
	size_t mark = c->sb->len;
	if (!xlat_expr(c, f->args[0], &tv[0]))
		return false;
	const char *arg = arena_strndup(c->a, c->sb->data + mark, c->sb->len - mark);
	c->sb->len = mark;
	uint32_t o = tv[0].oid;
	int fixed = fixed_size(o);
	bool varlena = o == XLAT_OID_TEXT || o == XLAT_OID_VARCHAR || o == XLAT_OID_BYTEA;
	if (fixed)
		xlat_printf(c, "(CASE WHEN (%s) IS NULL THEN NULL ELSE %d END)", arg, fixed);
	else if (o == XLAT_OID_UNKNOWN)
		xlat_printf(c, "(1 + length(CAST((%s) AS BLOB)))", arg);
	else if (varlena && f->args[0]->node_case == PG_QUERY__NODE__NODE_COLUMN_REF)
		xlat_printf(c,
			    "(CASE WHEN length(CAST((%s) AS BLOB)) <= 126 THEN 1 ELSE 4 END + "
			    "length(CAST((%s) AS BLOB)))",
			    arg, arg);
	else if (varlena)
		xlat_printf(c, "(4 + length(CAST((%s) AS BLOB)))", arg);
	else
		return xlat_unsupported(c, f->location,
					"pg_column_size of a value of this type");
	return true;
}

static const struct lib libs[] = {
	{"md5", "pgfn_md5", 1, 1, "t", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"hashtext", "pgfn_hashtext", 1, 1, "t", L_SCALAR, LR_FIX, XLAT_OID_INT4, NULL},
	{"hashtextextended", "pgfn_hashtextextended", 2, 2, "tl", L_SCALAR, LR_FIX, XLAT_OID_INT8,
	 NULL},
	{"sha224", "pgfn_sha224", 1, 1, "b", L_SCALAR, LR_FIX, XLAT_OID_BYTEA, NULL},
	{"sha256", "pgfn_sha256", 1, 1, "b", L_SCALAR, LR_FIX, XLAT_OID_BYTEA, NULL},
	{"sha384", "pgfn_sha384", 1, 1, "b", L_SCALAR, LR_FIX, XLAT_OID_BYTEA, NULL},
	{"sha512", "pgfn_sha512", 1, 1, "b", L_SCALAR, LR_FIX, XLAT_OID_BYTEA, NULL},
	{"encode", "pgfn_encode", 2, 2, "bt", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"decode", "pgfn_decode", 2, 2, "t", L_SCALAR, LR_FIX, XLAT_OID_BYTEA, NULL},
	{"convert_from", "pgfn_convert_from", 2, 2, "bt", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"convert_to", "pgfn_convert_to", 2, 2, "tt", L_SCALAR, LR_FIX, XLAT_OID_BYTEA, NULL},
	{"get_byte", "pgfn_get_byte", 2, 2, "bi", L_SCALAR, LR_FIX, XLAT_OID_INT4, NULL},
	{"set_byte", "pgfn_set_byte", 3, 3, "bi", L_SCALAR, LR_FIX, XLAT_OID_BYTEA, NULL},
	/* of an untyped literal PostgreSQL's are bit's: pgfn refuses text (0A000) */
	{"get_bit", "pgfn_get_bit", 2, 2, "-l", L_SCALAR, LR_FIX, XLAT_OID_INT4, NULL},
	{"set_bit", "pgfn_set_bit", 3, 3, "-li", L_SCALAR, LR_FIX, XLAT_OID_BYTEA, NULL},
	{"lpad", "pgfn_lpad", 2, 3, "tit", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"rpad", "pgfn_rpad", 2, 3, "tit", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"split_part", "pgfn_split_part", 3, 3, "tti", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"reverse", "pgfn_reverse", 1, 1, "t", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"initcap", "pgfn_initcap", 1, 1, "t", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"translate", "pgfn_translate", 3, 3, "t", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"ascii", "pgfn_ascii", 1, 1, "t", L_SCALAR, LR_FIX, XLAT_OID_INT4, NULL},
	{"chr", "pgfn_chr", 1, 1, "i", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"left", "pgfn_left", 2, 2, "ti", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"right", "pgfn_right", 2, 2, "ti", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"repeat", "pgfn_repeat", 2, 2, "ti", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"starts_with", "pgfn_starts_with", 2, 2, "t", L_SCALAR, LR_FIX, XLAT_OID_BOOL, NULL},
	{"concat_ws", "pgfn_concat_ws", 2, 100, "t.", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"to_hex", NULL, 1, 1, "", L_SCALAR, LR_FIX, 0, sp_to_hex},
	{"bit_length", NULL, 1, 1, "t", L_SCALAR, LR_FIX, 0, sp_bit_length},
	{"overlay", NULL, 3, 4, "", L_SCALAR, LR_FIX, 0, sp_overlay},
	{"unistr", "pgfn_unistr", 1, 1, "t", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"bit_count", "pgfn_bit_count", 1, 1, "b", L_SCALAR, LR_FIX, XLAT_OID_INT8, NULL},
	{"format", "pgfn_format", 1, 100, "t.", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"quote_ident", "pgfn_quote_ident", 1, 1, "t", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"parse_ident", NULL, 1, 2, "", L_SCALAR, LR_FIX, 0, sp_parse_ident},
	{"quote_literal", "pgfn_quote_literal", 1, 1, ":", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"quote_nullable", "pgfn_quote_nullable", 1, 1, ":", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"pg_typeof", NULL, 1, 1, "", L_SCALAR, LR_FIX, 0, sp_pg_typeof},
	{"regexp_replace", NULL, 3, 6, "", L_SCALAR, LR_FIX, 0, sp_regexp_replace},
	{"regexp_match", "pgfn_regexp_match", 2, 3, "t", L_SCALAR, LR_FIX, 1009, NULL},
	{"regexp_like", "pgfn_regexp_like", 2, 3, "t", L_SCALAR, LR_FIX, XLAT_OID_BOOL, NULL},
	{"regexp_count", "pgfn_regexp_count", 2, 4, "ttit", L_SCALAR, LR_FIX, XLAT_OID_INT4, NULL},
	{"regexp_instr", "pgfn_regexp_instr", 2, 7, "ttiiiti", L_SCALAR, LR_FIX, XLAT_OID_INT4,
	 NULL},
	{"regexp_substr", "pgfn_regexp_substr", 2, 6, "ttiiti", L_SCALAR, LR_FIX, XLAT_OID_TEXT,
	 NULL},
	{"regexp_split_to_array", "pgfn_regexp_split_to_array", 2, 3, "t", L_SCALAR, LR_FIX, 1009,
	 NULL},
	{"num_nulls", NULL, 1, 100, "", L_SCALAR, LR_FIX, 0, sp_num_nulls},
	{"num_nonnulls", NULL, 1, 100, "", L_SCALAR, LR_FIX, 0, sp_num_nulls},
	{"mod", "pgfn_mod", 2, 2, "", L_SCALAR, LR_COMMON, 0, NULL},
	{"div", "pgfn_div", 2, 2, "n", L_SCALAR, LR_FIX, XLAT_OID_NUMERIC, NULL},
	{"trunc", "pgfn_trunc", 2, 2, "ni", L_SCALAR, LR_FIX, XLAT_OID_NUMERIC, NULL},
	{"round", "pgfn_round", 2, 2, "ni", L_SCALAR, LR_FIX, XLAT_OID_NUMERIC, NULL},
	{"width_bucket", "pgfn_width_bucket", 4, 4, "nnni", L_SCALAR, LR_FIX, XLAT_OID_INT4, NULL},
	{"width_bucket", NULL, 2, 2, "", L_SCALAR, LR_FIX, 0, sp_width_bucket_array},
	{"gcd", "pgfn_gcd", 2, 2, "", L_SCALAR, LR_COMMON, 0, NULL},
	{"lcm", "pgfn_lcm", 2, 2, "", L_SCALAR, LR_COMMON, 0, NULL},
	{"factorial", "pgfn_factorial", 1, 1, "", L_SCALAR, LR_FIX, XLAT_OID_NUMERIC, NULL},
	{"cbrt", "pgfn_cbrt", 1, 1, "", L_SCALAR, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"variance", "pgfn_var_samp", 1, 1, "", L_AGG, LR_NUMISH, 0, NULL},
	{"var_samp", "pgfn_var_samp", 1, 1, "", L_AGG, LR_NUMISH, 0, NULL},
	{"var_pop", "pgfn_var_pop", 1, 1, "", L_AGG, LR_NUMISH, 0, NULL},
	{"stddev", "pgfn_stddev_samp", 1, 1, "", L_AGG, LR_NUMISH, 0, NULL},
	{"stddev_samp", "pgfn_stddev_samp", 1, 1, "", L_AGG, LR_NUMISH, 0, NULL},
	{"stddev_pop", "pgfn_stddev_pop", 1, 1, "", L_AGG, LR_NUMISH, 0, NULL},
	{"scale", "pgfn_scale", 1, 1, ".", L_SCALAR, LR_FIX, XLAT_OID_INT4, sp_scale},
	{"min_scale", "pgfn_scale", 1, 1, ".", L_SCALAR, LR_FIX, XLAT_OID_INT4, sp_scale},
	{"trim_scale", "pgfn_scale", 1, 1, ".", L_SCALAR, LR_FIX, XLAT_OID_NUMERIC, sp_scale},
	{"pg_size_bytes", "pgfn_size_bytes", 1, 1, "t", L_SCALAR, LR_FIX, XLAT_OID_INT8, NULL},
	{"to_number", NULL, 2, 2, "tt", L_SCALAR, LR_FIX, 0, sp_to_number},
	{"pg_column_size", NULL, 1, 1, "", L_SCALAR, LR_FIX, 0, sp_column_size},
	{"normalize", "pgfn_normalize", 1, 2, "tt", L_SCALAR, LR_FIX, XLAT_OID_TEXT, NULL},
	{"is_normalized", "pgfn_is_normalized", 1, 2, "tt", L_SCALAR, LR_FIX, XLAT_OID_BOOL, NULL},
	{"pg_client_encoding", NULL, 0, 0, "", L_SCALAR, LR_FIX, 0, sp_sysinfo},
	{"getdatabaseencoding", NULL, 0, 0, "", L_SCALAR, LR_FIX, 0, sp_sysinfo},
	{"pg_jit_available", NULL, 0, 0, "", L_SCALAR, LR_FIX, 0, sp_sysinfo},
	{"pg_last_xact_replay_timestamp", NULL, 0, 0, "", L_SCALAR, LR_FIX, 0, sp_sysinfo},
	{"corr", "pgfn_corr", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"covar_pop", "pgfn_covar_pop", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"covar_samp", "pgfn_covar_samp", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"regr_avgx", "pgfn_regr_avgx", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"regr_avgy", "pgfn_regr_avgy", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"regr_count", "pgfn_regr_count", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_INT8, NULL},
	{"regr_intercept", "pgfn_regr_intercept", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"regr_r2", "pgfn_regr_r2", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"regr_slope", "pgfn_regr_slope", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"regr_sxx", "pgfn_regr_sxx", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"regr_sxy", "pgfn_regr_sxy", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"regr_syy", "pgfn_regr_syy", 2, 2, "", L_AGG, LR_FIX, XLAT_OID_FLOAT8, NULL},
	{"bit_and", "pgfn_bit_and", 1, 1, "", L_AGG, LR_SAME, 0, NULL},
	{"bit_or", "pgfn_bit_or", 1, 1, "", L_AGG, LR_SAME, 0, NULL},
	{"bit_xor", "pgfn_bit_xor", 1, 1, "", L_AGG, LR_SAME, 0, NULL},
};

static const struct lib *find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(libs); i++) {
		if (strcmp(libs[i].name, name) == 0)
			return &libs[i];
	}
	return NULL;
}

/* The entry of name taking n arguments (width_bucket has two), else its first. */
static const struct lib *find_n(const char *name, size_t n)
{
	const struct lib *l = find(name);
	for (const struct lib *k = l; k && k < libs + ARRAY_LEN(libs) && strcmp(k->name, name) == 0;
	     k++) {
		if ((int)n >= k->min && (int)n <= k->max)
			return k;
	}
	return l;
}

enum xlat_fn_class xlat_fnlib_class(const char *name)
{
	const struct lib *l = find(name);
	return !l ? XLAT_FN_UNKNOWN : l->kind == L_SCALAR ? XLAT_FN_PLAIN : XLAT_FN_AGG;
}

static struct xlat_type result(const struct lib *l, const struct xlat_type *tv, size_t n)
{
	struct xlat_type a = n ? tv[0] : (struct xlat_type){0, -1};
	switch (l->rt) {
	case LR_SAME:
		return a.oid == XLAT_OID_UNKNOWN ? (struct xlat_type){XLAT_OID_TEXT, -1}
						 : (struct xlat_type){a.oid, -1};
	case LR_NUMISH: /* a column (type known at run time only): float8, as it is computed */
		return (struct xlat_type){is_float(a.oid) || a.oid == XLAT_OID_UNKNOWN_COL
						  ? XLAT_OID_FLOAT8
					  : is_int(a.oid) && l->oid ? l->oid
								    : XLAT_OID_NUMERIC,
					  -1};
	case LR_COMMON: {
		struct xlat_type r = xlat_type_common(tv, n);
		return r.oid == XLAT_OID_UNKNOWN ? (struct xlat_type){XLAT_OID_TEXT, -1} : r;
	}
	case LR_FIX:
	default:
		return (struct xlat_type){l->oid, -1};
	}
}

/* Aggregates take FILTER and DISTINCT (one argument); ORDER BY inside the call and OVER are
 * not built for them. */
static bool check_agg(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	if (f->agg_star)
		return xlat_fail(c, "42809", f->location,
				 "%s(*) specified, but %s is not an aggregate function", name,
				 name);
	if (f->n_agg_order || f->agg_within_group)
		return xlat_unsupported(c, f->location, "ORDER BY inside an aggregate call");
	if (f->over)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
				 "%s as a window function is not supported", name);
	if (f->func_variadic)
		return xlat_unsupported(c, f->location, "VARIADIC");
	return true;
}

/* PostgreSQL's parse-analysis errors for decorations a plain function cannot take. */
static bool check_scalar(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	if (f->agg_star)
		return xlat_fail(c, "42809", f->location,
				 "%s(*) specified, but %s is not an aggregate function", name,
				 name);
	if (f->agg_distinct || f->n_agg_order || f->agg_filter)
		return xlat_fail(c, "42809", f->location,
				 "%s specified, but %s is not an aggregate function",
				 f->agg_distinct ? "DISTINCT"
				 : f->agg_filter ? "FILTER"
						 : "ORDER BY",
				 name);
	if (f->over)
		return xlat_fail(c, "42809", f->location,
				 "OVER specified, but %s is not a window function nor an aggregate "
				 "function",
				 name);
	if (f->func_variadic)
		return xlat_unsupported(c, f->location, "VARIADIC");
	return true;
}

int xlat_fnlib(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
	       struct xlat_type *t)
{
	int ordered = f->n_agg_order ? xlat_row_json(c, f, name, t) : 0; /* json_agg(t ORDER BY) */
	if (!ordered && (f->n_agg_order || f->agg_distinct)) /* DISTINCT sorts too */
		ordered = xlat_ordered_agg(c, f, name, t);
	if (ordered)
		return ordered;
	const struct lib *l = find_n(name, f->n_args);
	if (!l)
		return xlat_json_func(c, f, name, t);
	if (!(l->kind == L_AGG ? check_agg(c, f, name) : check_scalar(c, f, name)))
		return -1;
	if ((int)f->n_args < l->min || (int)f->n_args > l->max)
		return 0; /* the caller's "function f(...) does not exist" */
	struct xlat_type *tv = arena_zalloc(c->a, (f->n_args + 1) * sizeof(*tv));
	if (l->special)
		return l->special(c, f, tv, t) ? 1 : -1;
	size_t mark = c->sb->len;
	xlat_printf(c, "%s(%s", l->sqlite, f->agg_distinct ? "DISTINCT " : "");
	if (!lib_args(c, l, f, tv))
		return -1;
	if ((strcmp(name, "round") == 0 || strcmp(name, "trunc") == 0) && f->n_args == 2 &&
	    (tv[0].oid == XLAT_OID_FLOAT4 || tv[0].oid == XLAT_OID_FLOAT8)) {
		/* only numeric has round(x, n) and trunc(x, n); a float does not cast to it */
		const struct xlat_typeinfo *a = xlat_type_by_oid(tv[0].oid);
		const struct xlat_typeinfo *b = xlat_type_by_oid(tv[1].oid);
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
			  "function %s(%s, %s) does not exist", name, a ? a->sql_name : "unknown",
			  b ? b->sql_name : "unknown");
		pgerr_hint(c->err, "No function matches the given name and argument types. You "
				   "might need to add explicit type casts.");
		return -1;
	}
	const char *exact_round = f->n_args == 2 ? xlat_exact_round(c, name, tv[0]) : NULL;
	if (exact_round) { /* pgfn_round(x, n) → pgfn_num_round(x, n, scale of x) */
		xlat_insert_at(c, mark + strlen("pgfn_"), "num_");
		xlat_printf(c, ", %d", xlat_numeric_scale_of(tv[0]));
	}
	if (l->rt == LR_NUMISH && f->n_args == 1 && tv[0].oid == XLAT_OID_FLOAT4) {
		/* variance(real): float4_accum widens each value to its float's double */
		size_t at = mark + strlen(l->sqlite) + 1 + (f->agg_distinct ? strlen("DISTINCT ") : 0);
		xlat_insert_at(c, at, "pgfn_f4(");
		xlat_puts(c, ")");
	}
	if (strcmp(name, "width_bucket") == 0 && f->n_args == 4 &&
	    xlat_numeric_fn_type(tv, 3) == XLAT_OID_NUMERIC) /* numeric's, in decimal */
		xlat_insert_at(c, mark + strlen("pgfn_"), "num_");
	const char *divmod = f->n_args == 2 ? xlat_exact_divmod(c, name, tv) : NULL;
	if (divmod) { /* pgfn_mod(a, b) → pgfn_num_mod(a, b, scale of a, scale of b) */
		xlat_insert_at(c, mark + strlen("pgfn_"), divmod);
		xlat_printf(c, ", %d, %d", xlat_numeric_scale_of(tv[0]), xlat_numeric_scale_of(tv[1]));
	}
	bool exact = l->rt == LR_NUMISH && xlat_exact_agg(c, tv[0]);
	if (exact) { /* pgfn_var_samp → pgfn_num_var_samp(x, scale): numeric, exactly */
		xlat_insert_at(c, mark + strlen("pgfn_"), "num_");
		if (!f->agg_distinct) /* SQLite's DISTINCT takes one argument */
			xlat_printf(c, ", %d", xlat_numeric_scale_of(tv[0]));
	}
	xlat_puts(c, ")");
	if (!xlat_agg_filter(c, f))
		return -1;
	*t = exact || exact_round || divmod ? (struct xlat_type){XLAT_OID_NUMERIC, -1}
					    : result(l, tv, f->n_args);
	if ((strcmp(name, "gcd") == 0 || strcmp(name, "lcm") == 0) && t->oid == XLAT_OID_INT4 &&
	    xlat_checks_on(c)) { /* computed in 64 bits: gcd(-2147483648, 0) leaves int4 */
		xlat_insert_at(c, mark, "shardlite_int4(");
		xlat_puts(c, ")");
	}
	round_scale(c, f, name, t);
	return 1;
}

/* x [NOT] SIMILAR TO pattern [ESCAPE e]: the parser hands the pattern over as
 * similar_to_escape(pattern [, e]); pgfn_similar turns it into an anchored regex. */
bool xlat_similar(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	const char *op = xlat_node_str(e->name[e->n_name - 1]);
	const PgQuery__Node *r = e->rexpr;
	struct xlat_type ignored;
	if (r->node_case != PG_QUERY__NODE__NODE_FUNC_CALL || r->func_call->n_args < 1 ||
	    r->func_call->n_args > 2)
		return xlat_unsupported(c, e->location, "this SIMILAR TO form");
	if (!xlat_citext_similar_check(c, e))
		return false;
	xlat_puts(c, op && op[0] == '!' ? "NOT pgfn_similar(" : "pgfn_similar(");
	if (!xlat_expr(c, e->lexpr, &ignored))
		return false;
	for (size_t i = 0; i < r->func_call->n_args; i++) {
		xlat_puts(c, ", ");
		if (!xlat_expr(c, r->func_call->args[i], &ignored))
			return false;
	}
	xlat_puts(c, ")");
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	return true;
}
