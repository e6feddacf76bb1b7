/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_func.c: function calls, aggregates and window functions. A table maps each supported
 * PostgreSQL function to its SQLite spelling and result type; the ones whose SQLite namesake
 * means something else get a handler that emulates PostgreSQL exactly. Known PostgreSQL
 * functions without a faithful form are refused with 0A000; unknown names get 42883. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

/* FN_UUID_OSSP, FN_PGCRYPTO, FN_PG_TRGM, FN_FUZZY: one of uuid-ossp's, pgcrypto's, pg_trgm's or
 * fuzzystrmatch's functions, which exist once CREATE EXTENSION has run in the tenant
 * (xlat_env.extensions), as in PostgreSQL. */
enum {
	FN_AGG = 1,
	FN_WINDOW = 2,
	FN_VOLATILE = 4,
	FN_UUID_OSSP = 8,
	FN_PGCRYPTO = 16,
	FN_PG_TRGM = 32,
	FN_FUZZY = 64,
};
enum rtype { R_FIX, R_SAME, R_SUM, R_AVG, R_FLOATY };

struct fn {
	const char *name;
	const char *sqlite; /* the SQLite function to call with the same arguments */
	int min, max;
	unsigned flags;
	enum rtype rt;
	uint32_t oid; /* R_FIX */
	bool (*special)(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
};

/* Arguments into a comma list; their types into tv (may be NULL). */
static bool args(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv)
{
	struct xlat_type ignored;
	for (size_t i = 0; i < f->n_args; i++) {
		if (i)
			xlat_puts(c, ", ");
		if (!xlat_expr(c, f->args[i], tv ? &tv[i] : &ignored))
			return false;
	}
	return true;
}

/* The arguments of lag, lead, first_value, last_value, nth_value under XLAT_X_EXACT: a
 * numeric value (not the offset) of known scale as decimal text, so that the column and
 * lag's default each print with their own scale (lag(price, 1, 0): 1.50 and 0). */
static bool window_value_args(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv)
{
	for (size_t i = 0; i < f->n_args; i++) {
		if (i)
			xlat_puts(c, ", ");
		size_t m = c->sb->len;
		if (!xlat_expr(c, f->args[i], &tv[i]))
			return false;
		if (i != 1)
			xlat_exact_branch(c, m, tv[i]);
	}
	return true;
}

static bool int_const(struct xlat_ctx *c, const PgQuery__Node *n, int *v)
{
	if (n->node_case != PG_QUERY__NODE__NODE_A_CONST ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_IVAL)
		return false;
	*v = xlat_const_value(c, n)->ival->ival;
	return true;
}

/* substring(s FROM pattern) answers the text the pattern's first parenthesized group matched,
 * or the whole match without groups, NULL without a match: regexp_match's first element. */
static bool substr_regex(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	struct xlat_type ignored;
	xlat_puts(c, "pg_array_get(pgfn_regexp_match(");
	if (!xlat_expr(c, f->args[0], &ignored))
		return false;
	xlat_puts(c, ", ");
	if (!xlat_expr(c, f->args[1], &ignored))
		return false;
	xlat_puts(c, "), 1)");
	return true;
}

/* substring(s SIMILAR pattern ESCAPE e), substring(s FROM pattern FOR e): the text the part
 * of the SQL regular expression between the escape-double-quote separators matched. */
static bool substr_similar(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	struct xlat_type ignored;
	xlat_puts(c, "pgfn_similar_substring(");
	for (size_t i = 0; i < 3; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!xlat_expr(c, f->args[i], &ignored))
			return false;
	}
	xlat_puts(c, ")");
	return true;
}

/* substr(s, start [, count]) counts positions before 1 as part of the window in PostgreSQL,
 * while SQLite counts negative starts from the end and negative counts backwards; a constant
 * start >= 1 means the same in both, anything else is clamped explicitly. An untyped NULL
 * start is an integer's (substring(s, NULL, 2) is substring(text, int, int), NULL: any
 * overload it could pick answers NULL); substring(bytea, ...) is bytea. */
static bool fn_substr(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type ty[3];
	const char *sep = ", ";
	int start = 0;
	size_t call = c->sb->len;
	*t = (struct xlat_type){XLAT_OID_TEXT, -1};
	xlat_puts(c, "substr(");
	if (!xlat_expr(c, f->args[0], &ty[0]))
		return false;
	if (ty[0].oid == XLAT_OID_BYTEA)
		t->oid = XLAT_OID_BYTEA;
	if (int_const(c, f->args[1], &start) && start >= 1) {
		xlat_printf(c, "%s%d", sep, start);
		if (f->n_args == 3) { /* a negative length is 22011, not SQLite's leftward count */
			xlat_puts(c, ", shardlite_substr_len(");
			if (!xlat_expr(c, f->args[2], &ty[2]))
				return false;
			xlat_puts(c, ")");
		}
		xlat_puts(c, ")");
		return true;
	}
	struct xlat_type st;
	int vol = c->volatile_seen;
	xlat_puts(c, ", max(");
	size_t mark = c->sb->len;
	if (!xlat_expr(c, f->args[1], &st))
		return false;
	if (xlat_is_null_const(f->args[1]))
		st.oid = XLAT_OID_INT4;
	if (vol != c->volatile_seen && f->n_args == 3)
		return xlat_unsupported(c, f->location, "substring with a volatile start position");
	if ((st.oid == XLAT_OID_UNKNOWN || st.oid == XLAT_OID_TEXT) && f->n_args == 3) {
		c->sb->len = call; /* substring(s SIMILAR pattern ESCAPE e) (pgfn_simsub.c) */
		return substr_similar(c, f);
	}
	if (st.oid == XLAT_OID_UNKNOWN || st.oid == XLAT_OID_TEXT) {
		c->sb->len = call; /* substring(s FROM pattern): a POSIX regular expression */
		return substr_regex(c, f);
	}
	char *s = arena_strndup(c->a, c->sb->data + mark, c->sb->len - mark);
	xlat_nocache(c); /* s is written twice; only the first copy is known to the cache */
	xlat_puts(c, ", 1)");
	if (f->n_args == 3) {
		xlat_puts(c, ", max(shardlite_substr_len(");
		if (!xlat_operand(c, f->args[2], &ty[2]))
			return false;
		xlat_printf(c, ") + min((%s) - 1, 0), 0)", s);
	}
	xlat_puts(c, ")");
	return true;
}

/* concat() skips NULL arguments and prints the others with their output functions. */
static bool fn_concat(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type ignored;
	*t = (struct xlat_type){XLAT_OID_TEXT, -1};
	xlat_puts(c, "(");
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, i ? " || coalesce(" : "coalesce(");
		if (!xlat_text_operand(c, f->args[i], &ignored, XLAT_TF_OUTPUT))
			return false;
		xlat_puts(c, ", '')");
	}
	xlat_puts(c, ")");
	return true;
}

static bool fn_octet_length(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_INT4, -1};
	xlat_puts(c, "length(CAST(");
	size_t mark = c->sb->len;
	struct xlat_type at;
	if (!args(c, f, &at))
		return false;
	xlat_bpchar_pad(c, mark, at); /* char(n) counts its padding */
	xlat_puts(c, " AS BLOB))");
	return true;
}

/* length(), char_length(): a bpchar without a length keeps its trailing blanks, which
 * bpcharlen does not count (char(n) is stored without them). */
static bool no_such_function(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name);

/* Types with no implicit cast to text: length(42) is PostgreSQL's 42883, not length('42'). */
static bool no_text_cast(uint32_t oid)
{
	switch (oid) {
	case XLAT_OID_BOOL:
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8:
	case XLAT_OID_OID:
	case XLAT_OID_FLOAT4:
	case XLAT_OID_FLOAT8:
	case XLAT_OID_NUMERIC:
	case XLAT_OID_MONEY:
	case XLAT_OID_DATE:
	case XLAT_OID_TIME:
	case XLAT_OID_TIMETZ:
	case XLAT_OID_TIMESTAMP:
	case XLAT_OID_TIMESTAMPTZ:
	case XLAT_OID_INTERVAL:
	case XLAT_OID_UUID:
	case XLAT_OID_JSON:
	case XLAT_OID_JSONB:
		return true;
	default:
		return false;
	}
}

static bool fn_char_length(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_INT4, -1};
	xlat_puts(c, "length(");
	size_t mark = c->sb->len;
	struct xlat_type at;
	if (!args(c, f, &at))
		return false;
	if (no_text_cast(at.oid))
		return no_such_function(c, f, xlat_node_str(f->funcname[f->n_funcname - 1]));
	if (at.oid == XLAT_OID_BPCHAR && at.typmod < 0) {
		xlat_insert_at(c, mark, "rtrim(");
		xlat_puts(c, ", ' ')");
	}
	xlat_puts(c, ")");
	return true;
}

/* PostgreSQL's random() is a double in [0, 1) from the session's generator, which setseed()
 * seeds (pgfn_random.c). SQL the tenant's schema keeps (a DEFAULT, a view) stays plain SQLite:
 * SQLite's random() is a 64-bit integer, of which 53 bits make the double. */
static bool fn_random(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_FLOAT8, -1};
	xlat_puts(c, c->st->is_ddl ? "((random() & 9007199254740991) / 9007199254740992.0)"
				   : "pgfn_random()");
	return true;
}

/* current_query(): the text of the client's query, all of it (a simple Query's several
 * statements too), as PostgreSQL's debug_query_string: the input being translated, written
 * into the statement, which the translation cache then does not keep (it shares one
 * translation among queries differing in their constants). SQL the tenant keeps would
 * freeze it: refused there. */
static bool fn_current_query(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_TEXT, -1};
	if (c->st->is_ddl)
		return xlat_unsupported(c, f->location, "current_query() in a stored definition");
	xlat_nocache(c); /* a query differing only in its constants has another text */
	xlat_string(c, c->src ? c->src : "");
	return true;
}

/* pg_sleep_for(interval), pg_sleep_until(timestamptz): pg_sleep of the seconds until then
 * (pgfn_sleep.c). */
static bool fn_sleep_to(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	struct xlat_type ignored;
	*t = (struct xlat_type){2278 /* void */, -1};
	xlat_puts(c, "pgfn_sleep(pgfn_sleep_seconds(");
	if (!xlat_expr(c, f->args[0], &ignored))
		return false;
	xlat_printf(c, ", %d))", strcmp(name, "pg_sleep_until") == 0);
	return true;
}

/* A version 4 UUID in PostgreSQL's lower-case 8-4-4-4-12 text form. */
static bool fn_uuid(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_UUID, -1};
	xlat_puts(c,
		  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
		  "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) "
		  "|| substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))");
	return true;
}

/* uuid-ossp's constants: uuid_nil() and the RFC 4122 namespaces (its uuid_ns_* functions). */
static bool fn_uuid_const(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	static const struct {
		const char *name, *uuid;
	} k[] = {
		{"uuid_nil", "00000000-0000-0000-0000-000000000000"},
		{"uuid_ns_dns", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"},
		{"uuid_ns_url", "6ba7b811-9dad-11d1-80b4-00c04fd430c8"},
		{"uuid_ns_oid", "6ba7b812-9dad-11d1-80b4-00c04fd430c8"},
		{"uuid_ns_x500", "6ba7b814-9dad-11d1-80b4-00c04fd430c8"},
	};
	*t = (struct xlat_type){XLAT_OID_UUID, -1};
	for (size_t i = 0; name && i < sizeof(k) / sizeof(k[0]); i++) {
		if (strcmp(name, k[i].name) == 0) {
			xlat_printf(c, "'%s'", k[i].uuid);
			return true;
		}
	}
	return xlat_unsupported(c, f->location, name ? name : "this function");
}

/* pgcrypto's password hashing, raw encryption, armor and PGP symmetric encryption
 * (src/pgfn/pgfn_pgcrypto_crypt.c, pgfn_pgcrypto_cipher.c, pgfn_pgcrypto_pgp.c), by name and arity: argument types (t text, b bytea, i integer,
 * a text[]) type $n and an untyped literal as PostgreSQL resolves the one candidate; another
 * argument type is 42883, as there. */
static const struct {
	const char *name, *sqlite, *args;
	uint32_t oid;
} pgcrypto_fns[] = {
	{"crypt", "pgfn_pgcrypto_crypt", "tt", XLAT_OID_TEXT},
	{"gen_salt", "pgfn_pgcrypto_gen_salt", "t", XLAT_OID_TEXT},
	{"gen_salt", "pgfn_pgcrypto_gen_salt", "ti", XLAT_OID_TEXT},
	{"encrypt", "pgfn_pgcrypto_encrypt", "bbt", XLAT_OID_BYTEA},
	{"decrypt", "pgfn_pgcrypto_decrypt", "bbt", XLAT_OID_BYTEA},
	{"encrypt_iv", "pgfn_pgcrypto_encrypt_iv", "bbbt", XLAT_OID_BYTEA},
	{"decrypt_iv", "pgfn_pgcrypto_decrypt_iv", "bbbt", XLAT_OID_BYTEA},
	{"armor", "pgfn_pgcrypto_armor", "b", XLAT_OID_TEXT},
	{"armor", "pgfn_pgcrypto_armor", "baa", XLAT_OID_TEXT},
	{"dearmor", "pgfn_pgcrypto_dearmor", "t", XLAT_OID_BYTEA},
	{"pgp_sym_encrypt", "pgfn_pgp_sym_encrypt", "tt", XLAT_OID_BYTEA},
	{"pgp_sym_encrypt", "pgfn_pgp_sym_encrypt", "ttt", XLAT_OID_BYTEA},
	{"pgp_sym_encrypt_bytea", "pgfn_pgp_sym_encrypt_bytea", "bt", XLAT_OID_BYTEA},
	{"pgp_sym_encrypt_bytea", "pgfn_pgp_sym_encrypt_bytea", "btt", XLAT_OID_BYTEA},
	{"pgp_sym_decrypt", "pgfn_pgp_sym_decrypt", "bt", XLAT_OID_TEXT},
	{"pgp_sym_decrypt", "pgfn_pgp_sym_decrypt", "btt", XLAT_OID_TEXT},
	{"pgp_sym_decrypt_bytea", "pgfn_pgp_sym_decrypt_bytea", "bt", XLAT_OID_BYTEA},
	{"pgp_sym_decrypt_bytea", "pgfn_pgp_sym_decrypt_bytea", "btt", XLAT_OID_BYTEA},
};

static bool pgcrypto_arg_fits(char letter, uint32_t oid)
{
	if (oid == 0 || oid == XLAT_OID_UNKNOWN)
		return true;
	switch (letter) {
	case 't':
		return xlat_type_reads_as_text(oid);
	case 'b':
		return oid == XLAT_OID_BYTEA;
	case 'i':
		return oid == XLAT_OID_INT4 || oid == XLAT_OID_INT2;
	default:
		return oid == PGTYPE_TEXT_ARRAY;
	}
}

static uint32_t pgcrypto_arg_oid(char letter)
{
	return letter == 't'   ? XLAT_OID_TEXT
	       : letter == 'b' ? XLAT_OID_BYTEA
	       : letter == 'i' ? XLAT_OID_INT4
			       : PGTYPE_TEXT_ARRAY;
}

static bool fn_pgcrypto(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *sqlite = NULL, *sig = NULL;
	for (size_t i = 0; name && i < ARRAY_LEN(pgcrypto_fns); i++) {
		if (strcmp(pgcrypto_fns[i].name, name) == 0 &&
		    strlen(pgcrypto_fns[i].args) == f->n_args) {
			sqlite = pgcrypto_fns[i].sqlite;
			sig = pgcrypto_fns[i].args;
			*t = (struct xlat_type){pgcrypto_fns[i].oid, -1};
		}
	}
	if (!sqlite)
		return no_such_function(c, f, name ? name : "?");
	size_t mark = c->sb->len;
	xlat_printf(c, "%s(", sqlite);
	for (size_t i = 0; i < f->n_args; i++) {
		const PgQuery__Node *a = f->args[i];
		struct xlat_type at = {0, -1};
		if (i)
			xlat_puts(c, ", ");
		if (a->node_case == PG_QUERY__NODE__NODE_PARAM_REF &&
		    !xlat_param(c, a->param_ref->number, pgcrypto_arg_oid(sig[i]),
				a->param_ref->location))
			return false;
		if (sig[i] == 'b' && a->node_case == PG_QUERY__NODE__NODE_A_CONST &&
		    a->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
			/* an untyped literal is bytea's input: '\x41' is one byte */
			if (!xlat_cast_string(c, a, XLAT_OID_BYTEA, -1))
				return false;
			continue;
		}
		if (!xlat_expr(c, a, &at))
			return false;
		if (!pgcrypto_arg_fits(sig[i], at.oid)) {
			c->sb->len = mark;
			return no_such_function(c, f, name);
		}
	}
	xlat_puts(c, ")");
	return true;
}

/* pgcrypto's public-key PGP functions, which shardlite does not compute: 0A000 naming the function, once
 * the extension exists (42883 before, as in PostgreSQL). */
static bool fn_pgcrypto_refused(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	(void)t;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
			 "pgcrypto's %s() is not supported", name ? name : "function");
}

/* fuzzystrmatch's Double Metaphone is not built */
static bool fn_dmetaphone_refused(struct xlat_ctx *c, const PgQuery__FuncCall *f,
				  struct xlat_type *t)
{
	(void)t;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
			 "fuzzystrmatch's %s() is not supported", name ? name : "function");
}

/* position(sub IN s) arrives as position(s, sub), like strpos(s, sub): SQLite's instr. */
static bool fn_instr(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_INT4, -1};
	xlat_puts(c, "instr(");
	if (!args(c, f, NULL))
		return false;
	xlat_puts(c, ")");
	return true;
}

/* Every tenant is seen as the schema public; without a default tenant, the tenant the
 * connection was chosen for is seen under its name (NULL: none, as PostgreSQL with no schema
 * on its search_path). */
static bool fn_current_schema(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_NAME, -1};
	const char *name = c->env && !c->env->no_search ? c->env->search : NULL;
	if (!name && c->env && !c->env->no_search)
		name = c->env->tenant;
	if (c->env && c->env->nsearch_local && *c->env->search_local[0])
		xlat_string(c, c->env->search_local[0]); /* the tenant's own schema */
	else if (!c->env || !c->env->no_default)
		xlat_puts(c, "'public'");
	else if (name) /* search_path's tenant, even one set inside the transaction */
		xlat_printf(c, "'%s'", name); /* a checked tenant name: no quote in it */
	else
		xlat_puts(c, "NULL");
	return true;
}

static const struct fn fns[] = {
	{"lower", "lower", 1, 1, 0, R_FIX, XLAT_OID_TEXT, NULL},
	{"upper", "upper", 1, 1, 0, R_FIX, XLAT_OID_TEXT, NULL},
	{"length", "length", 1, 1, 0, R_FIX, XLAT_OID_INT4, fn_char_length},
	{"char_length", "length", 1, 1, 0, R_FIX, XLAT_OID_INT4, fn_char_length},
	{"character_length", "length", 1, 1, 0, R_FIX, XLAT_OID_INT4, fn_char_length},
	{"octet_length", NULL, 1, 1, 0, R_FIX, 0, fn_octet_length},
	{"abs", "abs", 1, 1, 0, R_SAME, 0, NULL},
	{"replace", "replace", 3, 3, 0, R_FIX, XLAT_OID_TEXT, NULL},
	{"substr", NULL, 2, 3, 0, R_FIX, 0, fn_substr},
	{"substring", NULL, 2, 3, 0, R_FIX, 0, fn_substr},
	{"btrim", "trim", 1, 2, 0, R_FIX, XLAT_OID_TEXT, NULL},
	{"ltrim", "ltrim", 1, 2, 0, R_FIX, XLAT_OID_TEXT, NULL},
	{"rtrim", "rtrim", 1, 2, 0, R_FIX, XLAT_OID_TEXT, NULL},
	{"concat", NULL, 1, 100, 0, R_FIX, 0, fn_concat},
	{"strpos", NULL, 2, 2, 0, R_FIX, 0, fn_instr},
	{"position", NULL, 2, 2, 0, R_FIX, 0, fn_instr},
	{"round", "round", 1, 1, 0, R_FLOATY, 0, NULL}, /* round(x, n): xlat_fnlib.c */
	{"ceil", "ceil", 1, 1, 0, R_FLOATY, 0, NULL},
	{"ceiling", "ceil", 1, 1, 0, R_FLOATY, 0, NULL},
	{"floor", "floor", 1, 1, 0, R_FLOATY, 0, NULL},
	{"trunc", "trunc", 1, 1, 0, R_FLOATY, 0, NULL},
	{"sign", "sign", 1, 1, 0, R_FLOATY, 0, NULL},
	{"sqrt", "pgfn_sqrt", 1, 1, 0, R_FLOATY, 0, NULL},
	{"exp", "pgfn_exp", 1, 1, 0, R_FLOATY, 0, NULL},
	{"ln", "pgfn_ln", 1, 1, 0, R_FLOATY, 0, NULL},
	{"log", "pgfn_log", 1, 2, 0, R_FLOATY, 0, NULL},
	{"log10", "pgfn_log10", 1, 1, 0, R_FLOATY, 0, NULL},
	{"power", "pgfn_pow", 2, 2, 0, R_FLOATY, 0, NULL},
	{"pow", "pgfn_pow", 2, 2, 0, R_FLOATY, 0, NULL},
	{"pi", "pi", 0, 0, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"degrees", "degrees", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"radians", "radians", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	/* NaN, the domains and the exact degrees of float.c (pgfn_trig.c) */
	{"sin", "pgfn_sin", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"cos", "pgfn_cos", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"tan", "pgfn_tan", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"cot", "pgfn_cot", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"asin", "pgfn_asin", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"acos", "pgfn_acos", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"atan", "pgfn_atan", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"sind", "pgfn_sind", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"cosd", "pgfn_cosd", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"tand", "pgfn_tand", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"cotd", "pgfn_cotd", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"asind", "pgfn_asind", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"acosd", "pgfn_acosd", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"atand", "pgfn_atand", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"sinh", "pgfn_sinh", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"cosh", "pgfn_cosh", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"tanh", "pgfn_tanh", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"asinh", "pgfn_asinh", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"acosh", "pgfn_acosh", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"atanh", "pgfn_atanh", 1, 1, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"atan2", "pgfn_atan2", 2, 2, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"atan2d", "pgfn_atan2d", 2, 2, 0, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"random", NULL, 0, 0, FN_VOLATILE, R_FIX, 0, fn_random},
	{"current_query", NULL, 0, 0, 0, R_FIX, 0, fn_current_query},
	{"setseed", "pgfn_setseed", 1, 1, FN_VOLATILE, R_FIX, 2278 /* void */, NULL},
	{"gen_random_uuid", NULL, 0, 0, FN_VOLATILE, R_FIX, 0, fn_uuid},
	{"pg_sleep", "pgfn_sleep", 1, 1, FN_VOLATILE, R_FIX, 2278 /* void */, NULL},
	{"pg_sleep_for", NULL, 1, 1, FN_VOLATILE, R_FIX, 0, fn_sleep_to},
	{"pg_sleep_until", NULL, 1, 1, FN_VOLATILE, R_FIX, 0, fn_sleep_to},
	/* uuid-ossp, once CREATE EXTENSION "uuid-ossp" has run (xlat_utility.c) */
	{"uuid_generate_v4", NULL, 0, 0, FN_VOLATILE | FN_UUID_OSSP, R_FIX, 0, fn_uuid},
	{"uuid_generate_v1", "pgfn_uuid_generate_v1", 0, 0, FN_VOLATILE | FN_UUID_OSSP, R_FIX,
	 XLAT_OID_UUID, NULL},
	{"uuid_generate_v1mc", "pgfn_uuid_generate_v1", 0, 0, FN_VOLATILE | FN_UUID_OSSP, R_FIX,
	 XLAT_OID_UUID, NULL},
	{"uuid_generate_v3", "pgfn_uuid_generate_v3", 2, 2, FN_UUID_OSSP, R_FIX, XLAT_OID_UUID,
	 NULL},
	{"uuid_generate_v5", "pgfn_uuid_generate_v5", 2, 2, FN_UUID_OSSP, R_FIX, XLAT_OID_UUID,
	 NULL},
	{"uuid_nil", NULL, 0, 0, FN_UUID_OSSP, R_FIX, 0, fn_uuid_const},
	{"uuid_ns_dns", NULL, 0, 0, FN_UUID_OSSP, R_FIX, 0, fn_uuid_const},
	{"uuid_ns_url", NULL, 0, 0, FN_UUID_OSSP, R_FIX, 0, fn_uuid_const},
	{"uuid_ns_oid", NULL, 0, 0, FN_UUID_OSSP, R_FIX, 0, fn_uuid_const},
	{"uuid_ns_x500", NULL, 0, 0, FN_UUID_OSSP, R_FIX, 0, fn_uuid_const},
	/* pg_trgm, once CREATE EXTENSION pg_trgm has run (src/pgfn/pgfn_trgm.c; its operators
	 * and thresholds: xlat_trgm.c) */
	{"similarity", "pgfn_trgm_similarity", 2, 2, FN_PG_TRGM, R_FIX, XLAT_OID_FLOAT4, NULL},
	{"word_similarity", "pgfn_trgm_word_similarity", 2, 2, FN_PG_TRGM, R_FIX, XLAT_OID_FLOAT4,
	 NULL},
	{"strict_word_similarity", "pgfn_trgm_strict_word_similarity", 2, 2, FN_PG_TRGM, R_FIX,
	 XLAT_OID_FLOAT4, NULL},
	{"show_trgm", "pgfn_trgm_show", 1, 1, FN_PG_TRGM, R_FIX, 1009 /* text[] */, NULL},
	{"show_limit", NULL, 0, 0, FN_PG_TRGM, R_FIX, 0, xlat_trgm_limit},
	{"set_limit", NULL, 1, 1, FN_PG_TRGM | FN_VOLATILE, R_FIX, 0, xlat_trgm_limit},
	/* fuzzystrmatch, once CREATE EXTENSION fuzzystrmatch has run (src/pgfn/pgfn_fuzzy.c) */
	{"levenshtein", "pgfn_levenshtein", 2, 2, FN_FUZZY, R_FIX, XLAT_OID_INT4, NULL},
	{"levenshtein", "pgfn_levenshtein", 5, 5, FN_FUZZY, R_FIX, XLAT_OID_INT4, NULL},
	{"levenshtein_less_equal", "pgfn_levenshtein_less_equal", 3, 3, FN_FUZZY, R_FIX,
	 XLAT_OID_INT4, NULL},
	{"levenshtein_less_equal", "pgfn_levenshtein_less_equal", 6, 6, FN_FUZZY, R_FIX,
	 XLAT_OID_INT4, NULL},
	{"soundex", "pgfn_soundex", 1, 1, FN_FUZZY, R_FIX, XLAT_OID_TEXT, NULL},
	{"difference", "pgfn_difference", 2, 2, FN_FUZZY, R_FIX, XLAT_OID_INT4, NULL},
	{"metaphone", "pgfn_metaphone", 2, 2, FN_FUZZY, R_FIX, XLAT_OID_TEXT, NULL},
	{"dmetaphone", NULL, 1, 1, FN_FUZZY, R_FIX, 0, fn_dmetaphone_refused},
	{"dmetaphone_alt", NULL, 1, 1, FN_FUZZY, R_FIX, 0, fn_dmetaphone_refused},
	/* pgcrypto, once CREATE EXTENSION pgcrypto has run (src/pgfn/pgfn_pgcrypto.c) */
	{"digest", "pgfn_pgcrypto_digest", 2, 2, FN_PGCRYPTO, R_FIX, XLAT_OID_BYTEA, NULL},
	{"hmac", "pgfn_pgcrypto_hmac", 3, 3, FN_PGCRYPTO, R_FIX, XLAT_OID_BYTEA, NULL},
	{"gen_random_bytes", "pgfn_gen_random_bytes", 1, 1, FN_VOLATILE | FN_PGCRYPTO, R_FIX,
	 XLAT_OID_BYTEA, NULL},
	{"crypt", NULL, 2, 2, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"gen_salt", NULL, 1, 2, FN_VOLATILE | FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"encrypt", NULL, 3, 3, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"decrypt", NULL, 3, 3, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"encrypt_iv", NULL, 4, 4, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"decrypt_iv", NULL, 4, 4, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"armor", NULL, 1, 3, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"dearmor", NULL, 1, 1, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"pgp_key_id", NULL, 1, 1, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto_refused},
	{"pgp_armor_headers", NULL, 1, 1, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto_refused},
	{"pgp_sym_encrypt", NULL, 2, 3, FN_VOLATILE | FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"pgp_sym_encrypt_bytea", NULL, 2, 3, FN_VOLATILE | FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"pgp_sym_decrypt", NULL, 2, 3, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"pgp_sym_decrypt_bytea", NULL, 2, 3, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto},
	{"pgp_pub_encrypt", NULL, 2, 3, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto_refused},
	{"pgp_pub_encrypt_bytea", NULL, 2, 3, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto_refused},
	{"pgp_pub_decrypt", NULL, 2, 4, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto_refused},
	{"pgp_pub_decrypt_bytea", NULL, 2, 4, FN_PGCRYPTO, R_FIX, 0, fn_pgcrypto_refused},
	{"current_schema", NULL, 0, 0, 0, R_FIX, 0, fn_current_schema},
	/* date/time (xlat_datetime.c) */
	{"now", NULL, 0, 0, 0, R_FIX, 0, xlat_dt_now},
	{"transaction_timestamp", NULL, 0, 0, 0, R_FIX, 0, xlat_dt_now},
	{"statement_timestamp", NULL, 0, 0, 0, R_FIX, 0, xlat_dt_now},
	{"clock_timestamp", NULL, 0, 0, FN_VOLATILE, R_FIX, 0, xlat_dt_now},
	{"date_trunc", NULL, 2, 3, 0, R_FIX, 0, xlat_dt_date_trunc},
	{"date_bin", NULL, 3, 3, 0, R_FIX, 0, xlat_dt_date_bin},
	{"extract", NULL, 2, 2, 0, R_FIX, 0, xlat_dt_extract},
	{"date_part", NULL, 2, 2, 0, R_FIX, 0, xlat_dt_extract},
	{"age", NULL, 1, 2, 0, R_FIX, 0, xlat_dt_age},
	{"make_date", NULL, 3, 3, 0, R_FIX, 0, xlat_dt_make},
	{"make_time", NULL, 3, 3, 0, R_FIX, 0, xlat_dt_make},
	{"make_timestamp", NULL, 6, 6, 0, R_FIX, 0, xlat_dt_make},
	{"make_timestamptz", NULL, 6, 7, 0, R_FIX, 0, xlat_dt_make},
	{"make_interval", NULL, 0, 7, 0, R_FIX, 0, xlat_dt_make},
	{"to_char", NULL, 2, 2, 0, R_FIX, 0, xlat_dt_to_char},
	{"to_timestamp", NULL, 1, 2, 0, R_FIX, 0, xlat_dt_to_timestamp},
	{"to_date", NULL, 2, 2, 0, R_FIX, 0, xlat_dt_to_timestamp},
	{"timezone", NULL, 2, 2, 0, R_FIX, 0, xlat_dt_timezone},
	{"justify_days", NULL, 1, 1, 0, R_FIX, 0, xlat_dt_justify},
	{"justify_hours", NULL, 1, 1, 0, R_FIX, 0, xlat_dt_justify},
	{"justify_interval", NULL, 1, 1, 0, R_FIX, 0, xlat_dt_justify},
	{"isfinite", NULL, 1, 1, 0, R_FIX, 0, xlat_dt_misc},
	{"timeofday", NULL, 0, 0, FN_VOLATILE, R_FIX, 0, xlat_dt_misc},
	{"overlaps", NULL, 4, 4, 0, R_FIX, 0, xlat_dt_overlaps},
	{"count", "count", 0, 1, FN_AGG, R_FIX, XLAT_OID_INT8, NULL},
	{"sum", "sum", 1, 1, FN_AGG, R_SUM, 0, NULL},
	{"avg", "avg", 1, 1, FN_AGG, R_AVG, 0, NULL},
	{"min", "min", 1, 1, FN_AGG, R_SAME, 0, NULL},
	{"max", "max", 1, 1, FN_AGG, R_SAME, 0, NULL},
	{"string_agg", "group_concat", 2, 2, FN_AGG, R_FIX, XLAT_OID_TEXT, NULL},
	{"bool_and", "min", 1, 1, FN_AGG, R_FIX, XLAT_OID_BOOL, NULL},
	{"every", "min", 1, 1, FN_AGG, R_FIX, XLAT_OID_BOOL, NULL},
	{"bool_or", "max", 1, 1, FN_AGG, R_FIX, XLAT_OID_BOOL, NULL},
	{"row_number", "row_number", 0, 0, FN_WINDOW, R_FIX, XLAT_OID_INT8, NULL},
	{"rank", "rank", 0, 0, FN_WINDOW, R_FIX, XLAT_OID_INT8, NULL},
	{"dense_rank", "dense_rank", 0, 0, FN_WINDOW, R_FIX, XLAT_OID_INT8, NULL},
	{"percent_rank", "percent_rank", 0, 0, FN_WINDOW, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"cume_dist", "cume_dist", 0, 0, FN_WINDOW, R_FIX, XLAT_OID_FLOAT8, NULL},
	{"ntile", "ntile", 1, 1, FN_WINDOW, R_FIX, XLAT_OID_INT4, NULL},
	{"lag", "lag", 1, 3, FN_WINDOW, R_SAME, 0, NULL},
	{"lead", "lead", 1, 3, FN_WINDOW, R_SAME, 0, NULL},
	{"first_value", "first_value", 1, 1, FN_WINDOW, R_SAME, 0, NULL},
	{"last_value", "last_value", 1, 1, FN_WINDOW, R_SAME, 0, NULL},
	{"nth_value", "nth_value", 2, 2, FN_WINDOW, R_SAME, 0, NULL},
};

/* PostgreSQL functions that exist but are not translated (yet): 0A000, not 42883. why, when
 * set, says which missing feature the function belongs to. */
static const struct {
	const char *name, *why;
} refused_fns[] = {
	{"currval", NULL},
	{"generate_series", NULL},
	/* in FROM of NULL::t: xlat_recfn.c */
	{"json_populate_record", "json_populate_record and its kin outside FROM"},
	{"json_populate_recordset", "json_populate_record and its kin outside FROM"},
	{"jsonb_populate_record", "json_populate_record and its kin outside FROM"},
	{"jsonb_populate_recordset", "json_populate_record and its kin outside FROM"},
	{"lastval", NULL},
	/* server-side files: docs/sql-compat.md "Large objects" */
	{"lo_export", "server-side large-object imports and exports"},
	{"lo_import", "server-side large-object imports and exports"},
	{"nextval", NULL},
	{"pg_listening_channels", NULL}, /* but in a select list or FROM: xlat_catalog_srf.c */
	{"regexp_matches", NULL}, /* but in a select list or FROM: xlat_catalog_srf.c, xlat_srf.c */
	{"regexp_split_to_table", NULL}, /* but in a select list: xlat_catalog_srf.c */
	{"setval", NULL},
	{"unnest", NULL},
};

static const struct fn *find_fn(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(fns); i++) {
		if (strcmp(fns[i].name, name) == 0)
			return &fns[i];
	}
	return NULL;
}

/* The row of name that takes n arguments (levenshtein's 2 and 5), else its first. */
static const struct fn *find_fn_args(const char *name, size_t n)
{
	for (size_t i = 0; i < ARRAY_LEN(fns); i++) {
		if (strcmp(fns[i].name, name) == 0 && (int)n >= fns[i].min && (int)n <= fns[i].max)
			return &fns[i];
	}
	return find_fn(name);
}

enum xlat_fn_class xlat_func_class(const char *name)
{
	const struct fn *fn = find_fn(name);
	if (!fn)
		return xlat_fnlib_class(name);
	return fn->flags & FN_AGG      ? XLAT_FN_AGG
	       : fn->flags & FN_WINDOW ? XLAT_FN_WINDOW
				       : XLAT_FN_PLAIN;
}

static struct xlat_type result_type(const struct fn *fn, const struct xlat_type *tv, size_t n)
{
	struct xlat_type a = n ? tv[0] : (struct xlat_type){0, -1};
	struct xlat_type r = {0, -1};
	switch (fn->rt) {
	case R_FIX:
		r.oid = fn->oid;
		break;
	case R_SAME: /* a function's result has no typmod; varchar has only text's functions,
		      * but the window functions are anyelement's: lag(varchar) is varchar; abs of
		      * an untyped argument is float8's, the numeric category's preferred type */
		r.oid = a.oid == XLAT_OID_UNKNOWN && !(fn->flags & (FN_AGG | FN_WINDOW))
				? XLAT_OID_FLOAT8
			: a.oid == XLAT_OID_UNKNOWN ||
					(a.oid == XLAT_OID_VARCHAR && !(fn->flags & FN_WINDOW))
				? XLAT_OID_TEXT
				: a.oid;
		if ((a.oid == XLAT_OID_NAME || a.oid == XLAT_OID_CHAR) && fn->flags & FN_AGG)
			r.oid = XLAT_OID_TEXT; /* no min(name), min("char"): min(text) */
		xlat_numeric_arith(&r, a, a, "+");
		break;
	case R_SUM:
		r.oid = a.oid == XLAT_OID_INTERVAL || a.oid == XLAT_OID_MONEY  ? a.oid
			: a.oid == XLAT_OID_INT2 || a.oid == XLAT_OID_INT4     ? XLAT_OID_INT8
			: a.oid == XLAT_OID_FLOAT4 || a.oid == XLAT_OID_FLOAT8 ? a.oid
									       : XLAT_OID_NUMERIC;
		xlat_numeric_arith(&r, a, a, "+"); /* a sum keeps its terms' scale */
		break;
	case R_AVG:
		r.oid = a.oid == XLAT_OID_INTERVAL                             ? a.oid
			: a.oid == XLAT_OID_FLOAT4 || a.oid == XLAT_OID_FLOAT8 ? XLAT_OID_FLOAT8
									       : XLAT_OID_NUMERIC;
		xlat_numeric_avg(&r, a);
		break;
	case R_FLOATY: /* float8 for floats, integers and untyped arguments (NULL, '1.5': float8
			* is PostgreSQL's preferred numeric type), numeric for numeric input,
			* unknown for columns */
		if (n == 2 && strcmp(fn->name, "log") == 0) { /* only log(numeric, numeric) */
			bool fl = false;
			for (size_t i = 0; i < n; i++)
				fl |= tv[i].oid == XLAT_OID_FLOAT4 || tv[i].oid == XLAT_OID_FLOAT8;
			r.oid = xlat_numeric_fn_type(tv, n);
			r.oid = r.oid == XLAT_OID_FLOAT8 && !fl ? XLAT_OID_NUMERIC : r.oid;
			break;
		}
		if (n == 2) { /* power(2, 0.5) is numeric */
			r.oid = xlat_numeric_fn_type(tv, n);
			break;
		}
		r.oid = a.oid == XLAT_OID_FLOAT4 || a.oid == XLAT_OID_FLOAT8 ||
					a.oid == XLAT_OID_INT2 || a.oid == XLAT_OID_INT4 ||
					a.oid == XLAT_OID_INT8 || a.oid == XLAT_OID_UNKNOWN
				? XLAT_OID_FLOAT8
			: a.oid == XLAT_OID_UNKNOWN_COL ? 0
							: XLAT_OID_NUMERIC;
		break;
	}
	return r;
}

/* The "function f(integer, unknown) does not exist" message. Argument types come from a
 * scratch emission of each argument; when one is only known at run time the list is "...". */
static bool no_such_function(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	struct strbuf list, scratch, *saved = c->sb;
	bool known = true;
	strbuf_init(&list, 0);
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	for (size_t i = 0; i < f->n_args && known; i++) {
		struct xlat_type t;
		const struct xlat_typeinfo *ti = NULL, *ei = NULL;
		const PgQuery__Node *arg = f->args[i];
		if (arg->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR) { /* "a => integer" */
			strbuf_printf(&list, "%s%s => ", i ? ", " : "", arg->named_arg_expr->name);
			arg = arg->named_arg_expr->arg;
		} else if (i) {
			strbuf_puts(&list, ", ");
		}
		known = xlat_expr(c, arg, &t) &&
			(t.oid == XLAT_OID_UNKNOWN || (ti = xlat_type_by_oid(t.oid)) != NULL ||
			 (ei = xlat_type_by_array_oid(t.oid)) != NULL);
		strbuf_printf(&list, "%s%s",
			      ti   ? ti->sql_name
			      : ei ? ei->sql_name
				   : "unknown",
			      ei ? "[]" : "");
	}
	c->sb = saved;
	xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location, "function %s(%s) does not exist",
		  name, known ? (list.data ? list.data : "") : "...");
	pgerr_hint(c->err, "No function matches the given name and argument types. You might "
			   "need to add explicit type casts.");
	strbuf_fini(&list);
	strbuf_fini(&scratch);
	return false;
}

/* Whether no built-in function called name takes f's arguments, by their number and types
 * (an argument whose type is not known, or a named one, matches any). */
static bool builtin_takes_none(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	if (!c->env->builtin_call)
		return false;
	uint32_t *types = arena_zalloc(c->a, (f->n_args + 1) * sizeof(*types));
	struct strbuf scratch, *saved = c->sb;
	struct pgerr err, *saved_err = c->err;
	strbuf_init(&scratch, 0);
	pgerr_clear(&err);
	c->sb = &scratch;
	c->err = &err;
	for (size_t i = 0; types && i < f->n_args; i++) {
		struct xlat_type t = {0};
		const PgQuery__Node *arg = f->args[i];
		if (arg->node_case != PG_QUERY__NODE__NODE_NAMED_ARG_EXPR && xlat_expr(c, arg, &t))
			types[i] = t.oid;
		pgerr_clear(&err);
	}
	c->sb = saved;
	c->err = saved_err;
	strbuf_fini(&scratch);
	return types && c->env->builtin_call(name, types, f->n_args) < 0;
}

bool xlat_func_no_such(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	return no_such_function(c, f, name);
}

bool xlat_func_not_unique(struct xlat_ctx *c, const char *name, const struct xlat_type *tv,
			  size_t n, int location)
{
	struct strbuf list;
	strbuf_init(&list, 0);
	for (size_t i = 0; i < n; i++) {
		const struct pgtype_info *ti = pgtype_by_oid(tv[i].oid);
		strbuf_printf(&list, "%s%s", i ? ", " : "", ti ? ti->sql_name : "unknown");
	}
	xlat_fail(c, "42725", location, "function %s(%s) is not unique", name,
		  list.data ? list.data : "");
	strbuf_fini(&list);
	pgerr_hint(c->err, "Could not choose a best candidate function. You might need to add "
			   "explicit type casts.");
	return false;
}

bool xlat_is_null_const(const PgQuery__Node *n)
{
	return n && n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const->isnull;
}

bool xlat_func_missing(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	if (!c->env || !c->env->builtin_fn) /* pg_proc's names unknown: it may be PostgreSQL's */
		return false;
	for (size_t i = 0; i < ARRAY_LEN(refused_fns); i++)
		if (strcmp(refused_fns[i].name, name) == 0)
			return false;
	if (xlat_func_class(name) != XLAT_FN_UNKNOWN || xlat_udf_count(c, name) ||
	    c->env->builtin_fn(name))
		return false;
	return !no_such_function(c, f, name);
}

/* PostgreSQL's frame option bits (nodes/parsenodes.h). */
enum {
	FRAME_NONDEFAULT = 0x1,
	FRAME_RANGE = 0x2,
	FRAME_ROWS = 0x4,
	FRAME_GROUPS = 0x8,
	FRAME_BETWEEN = 0x10,
	FRAME_START_UNBOUNDED_PRECEDING = 0x20,
	FRAME_END_UNBOUNDED_FOLLOWING = 0x100,
	FRAME_START_CURRENT_ROW = 0x200,
	FRAME_END_CURRENT_ROW = 0x400,
	FRAME_START_OFFSET_PRECEDING = 0x800,
	FRAME_END_OFFSET_PRECEDING = 0x1000,
	FRAME_START_OFFSET_FOLLOWING = 0x2000,
	FRAME_END_OFFSET_FOLLOWING = 0x4000,
	FRAME_EXCLUDE_CURRENT_ROW = 0x8000,
	FRAME_EXCLUDE_GROUP = 0x10000,
	FRAME_EXCLUDE_TIES = 0x20000,
};

/* An interval constant offset of a RANGE frame ('1 day', interval '12 hours'): its string
 * and typmod; NULL when offset is no such constant. */
static const char *interval_const(struct xlat_ctx *c, const PgQuery__Node *n, int32_t *typmod)
{
	*typmod = -1;
	if (n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
		struct xlat_typeref r;
		const PgQuery__TypeCast *tc = n->type_cast;
		const PgQuery__TypeName *tn = tc->type_name;
		const char *last = tn && tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1])
						     : NULL;
		if (!last || tn->n_array_bounds || strcmp(last, "interval") != 0 ||
		    !xlat_type_resolve(c, tn, &r) || r.info->oid != XLAT_OID_INTERVAL)
			return NULL;
		*typmod = r.typmod;
		n = tc->arg;
	}
	if (n->node_case != PG_QUERY__NODE__NODE_A_CONST || n->a_const->isnull ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return NULL;
	return xlat_const_value(c, n)->sval->sval;
}

static bool dt_key(uint32_t key)
{
	return key == XLAT_OID_DATE || key == XLAT_OID_TIME || key == XLAT_OID_TIMESTAMP ||
	       key == XLAT_OID_TIMESTAMPTZ;
}

/* A RANGE frame with an offset: 1 to learn its ORDER BY key's type, 2 when an offset is an
 * interval constant, for which a date/time key is read as microseconds (pg_dt_us) and the
 * offset written as theirs (range_offset). */
static int range_frame(struct xlat_ctx *c, const PgQuery__WindowDef *w)
{
	int32_t typmod;
	if (!(w->frame_options & FRAME_RANGE) || w->n_order_clause != 1 ||
	    (!w->start_offset && !w->end_offset))
		return 0;
	return (w->start_offset && interval_const(c, w->start_offset, &typmod)) ||
			       (w->end_offset && interval_const(c, w->end_offset, &typmod))
		       ? 2
		       : 1;
}

/* The offset as microseconds of the key: exact only where adding the interval is adding a
 * fixed span — no months (calendar arithmetic), no days over a timestamptz (the session's
 * zone's DST) or a time (PostgreSQL adds only the time part there). */
static bool range_offset(struct xlat_ctx *c, const PgQuery__Node *offset)
{
	int32_t typmod;
	const char *s = interval_const(c, offset, &typmod);
	uint32_t key = c->range_key;
	int at = xlat_tree_location(&offset->base);
	if (!s || !dt_key(key))
		return xlat_unsupported(c, at,
					"RANGE with an interval offset in a window frame "
					"over this ORDER BY type");
	struct pgtype_interval iv;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_interval_in_typmod(s, strlen(s), typmod, &iv, &err))
		return xlat_fail(c, err.sqlstate, at, "%s", err.message);
	if (iv.month || (iv.day && (key == XLAT_OID_TIMESTAMPTZ || key == XLAT_OID_TIME)))
		return xlat_unsupported(c, at,
					"RANGE offset of months, or of days over a "
					"timestamptz or time key, in a window frame");
	__extension__ __int128 us = (__int128)iv.day * PGTYPE_USECS_PER_DAY + iv.time;
	if (us < 0)
		return xlat_fail(c, "22013", at,
				 "invalid preceding or following size in window function");
	if (us > INT64_MAX)
		return xlat_fail(c, "22008", at, "interval out of range");
	xlat_printf(c, "%lld", (long long)us);
	return true;
}

/* A subquery in a frame offset: SQLite reads offsets when it prepares, so one would be its
 * XX000 "frame starting offset must be a non-negative integer" (issue #3). */
static bool offset_subquery(void *arg, const ProtobufCMessage *m)
{
	if (m->descriptor == &pg_query__sub_link__descriptor) {
		*(bool *)arg = true;
		return false;
	}
	return xlat_tree_each(m, offset_subquery, arg);
}

static bool frame_bound(struct xlat_ctx *c, int opts, bool start, const PgQuery__Node *offset)
{
	struct xlat_type ignored;
	int unb = start ? FRAME_START_UNBOUNDED_PRECEDING : FRAME_END_UNBOUNDED_FOLLOWING;
	int cur = start ? FRAME_START_CURRENT_ROW : FRAME_END_CURRENT_ROW;
	int prec = start ? FRAME_START_OFFSET_PRECEDING : FRAME_END_OFFSET_PRECEDING;
	if (opts & unb) {
		xlat_puts(c, start ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING");
		return true;
	}
	if (opts & cur) {
		xlat_puts(c, "CURRENT ROW");
		return true;
	}
	if (!offset)
		return xlat_unsupported(c, -1, "this window frame");
	int32_t typmod;
	if (dt_key(c->range_key) && (opts & FRAME_RANGE) && interval_const(c, offset, &typmod))
		return range_offset(c, offset) &&
		       (xlat_puts(c, opts & prec ? " PRECEDING" : " FOLLOWING"), true);
	bool sub = false;
	if (!offset_subquery(&sub, &offset->base) || sub)
		return xlat_unsupported(c, xlat_tree_location(&offset->base),
					"a subquery in a window frame offset");
	if (!xlat_operand(c, offset, &ignored))
		return false;
	if (dt_key(c->range_key) && (opts & FRAME_RANGE) && !(opts & (FRAME_ROWS | FRAME_GROUPS)))
		return xlat_fail(
			c, SQLSTATE_FEATURE_NOT_SUPPORTED, xlat_tree_location(&offset->base),
			"RANGE with offset PRECEDING/FOLLOWING is not supported for column "
			"type %s and offset type %s",
			xlat_type_by_oid(c->range_key)->sql_name,
			xlat_type_by_oid(ignored.oid) ? xlat_type_by_oid(ignored.oid)->sql_name
						      : "unknown");
	/* SQLite's RANGE offsets are numbers: an interval over a date/time key would be its
	 * XX000 "frame starting offset must be a non-negative number" */
	if ((opts & FRAME_RANGE) && !(opts & (FRAME_ROWS | FRAME_GROUPS)) &&
	    (ignored.oid == XLAT_OID_INTERVAL || ignored.oid == XLAT_OID_UNKNOWN))
		return xlat_unsupported(c, xlat_tree_location(&offset->base),
					"RANGE with an interval offset in a window frame");
	xlat_puts(c, opts & prec ? " PRECEDING" : " FOLLOWING");
	return true;
}

static bool frame(struct xlat_ctx *c, const PgQuery__WindowDef *w)
{
	int o = w->frame_options;
	if (!(o & FRAME_NONDEFAULT))
		return true;
	xlat_puts(c, o & FRAME_ROWS ? " ROWS " : o & FRAME_GROUPS ? " GROUPS " : " RANGE ");
	if (o & FRAME_BETWEEN)
		xlat_puts(c, "BETWEEN ");
	if (!frame_bound(c, o, true, w->start_offset))
		return false;
	if (o & FRAME_BETWEEN) {
		xlat_puts(c, " AND ");
		if (!frame_bound(c, o, false, w->end_offset))
			return false;
	}
	if (o & FRAME_EXCLUDE_CURRENT_ROW)
		xlat_puts(c, " EXCLUDE CURRENT ROW");
	else if (o & FRAME_EXCLUDE_GROUP)
		xlat_puts(c, " EXCLUDE GROUP");
	else if (o & FRAME_EXCLUDE_TIES)
		xlat_puts(c, " EXCLUDE TIES");
	return true;
}

static bool window_items(struct xlat_ctx *c, const PgQuery__WindowDef *w);

/* A window's constants (PARTITION BY, ORDER BY, frame offsets) stay in the text: SQLite
 * reads frame offsets and ordinals when it prepares (xlat_env.bind_consts). */
bool xlat_window_spec(struct xlat_ctx *c, const PgQuery__WindowDef *w)
{
	c->inline_consts++;
	bool ok = window_items(c, w);
	c->inline_consts--;
	return ok;
}

static bool window_items(struct xlat_ctx *c, const PgQuery__WindowDef *w)
{
	const char *sep = "";
	xlat_puts(c, "(");
	if (w->refname && *w->refname) {
		xlat_ident(c, w->refname);
		sep = " ";
	}
	if (w->n_partition_clause) {
		xlat_printf(c, "%sPARTITION BY ", sep);
		for (size_t i = 0; i < w->n_partition_clause; i++) {
			struct xlat_type pt;
			xlat_puts(c, i ? ", " : "");
			size_t mark = c->sb->len;
			if (!xlat_expr(c, w->partition_clause[i], &pt))
				return false;
			if (pt.oid == XLAT_OID_INTERVAL) { /* interval_cmp's: 1 mon = 30 days */
				xlat_insert_at(c, mark, "(");
				xlat_puts(c, ") COLLATE pgfn_interval");
			}
		}
		sep = " ";
	}
	uint32_t outer_key = c->range_key;
	c->range_key = 0;
	if (w->n_order_clause) {
		xlat_printf(c, "%sORDER BY ", sep);
		c->range_us = range_frame(c, w);
		bool ok = xlat_sort_list(c, w->order_clause, w->n_order_clause);
		c->range_us = 0;
		if (!ok)
			return false;
	}
	bool ok = frame(c, w);
	c->range_key = outer_key;
	if (!ok)
		return false;
	xlat_puts(c, ")");
	return true;
}

static bool over(struct xlat_ctx *c, const PgQuery__WindowDef *w)
{
	xlat_puts(c, " OVER ");
	if (w->name && *w->name && !w->n_partition_clause && !w->n_order_clause &&
	    !(w->frame_options & FRAME_NONDEFAULT) && !(w->refname && *w->refname)) {
		xlat_ident(c, w->name);
		return true;
	}
	/* partitions and order compare values: numbers, not an exact sum's decimal text */
	unsigned exact = c->flags & (XLAT_X_EXACT | XLAT_X_EXACT_OPERAND);
	c->flags &= ~exact;
	bool ok = xlat_window_spec(c, w);
	c->flags |= exact;
	return ok;
}

/* The checks PostgreSQL's parse analysis makes on aggregate decorations. */
static bool check_decorations(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct fn *fn,
			      const char *name)
{
	bool agg = fn->flags & FN_AGG, win = fn->flags & FN_WINDOW;
	if (f->agg_star && strcmp(name, "count") != 0)
		return xlat_fail(c, "42809", f->location,
				 "%s(*) specified, but %s is not an aggregate function", name,
				 name);
	if (f->agg_distinct && !agg)
		return xlat_fail(c, "42809", f->location,
				 "DISTINCT specified, but %s is not an aggregate function", name);
	if (f->over && !agg && !win)
		return xlat_fail(c, "42809", f->location,
				 "OVER specified, but %s is not a window function nor an aggregate "
				 "function",
				 name);
	if (win && !f->over && f->agg_within_group) /* rank(3) WITHIN GROUP (ORDER BY x) */
		return xlat_unsupported(c, f->location,
					arena_printf(c->a,
						     "the hypothetical-set aggregate %s(...) "
						     "WITHIN GROUP",
						     name));
	if (win && !f->over)
		return xlat_fail(c, "42809", f->location,
				 "window function %s requires an OVER clause", name);
	/* ntile(NULL) is NULL and ntile(0) PostgreSQL's 22014, where SQLite's ntile fails with
	 * XX000 "argument of ntile must be a positive integer" (issue #3) */
	const PgQuery__Node *a0 = f->n_args == 1 ? f->args[0] : NULL;
	if (strcmp(name, "ntile") == 0 && a0 && a0->node_case == PG_QUERY__NODE__NODE_A_CONST) {
		if (a0->a_const->isnull)
			return xlat_unsupported(c, f->location, "ntile(NULL)");
		if (a0->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL &&
		    (!a0->a_const->ival || a0->a_const->ival->ival <= 0))
			return xlat_fail(c, "22014", f->location,
					 "argument of ntile must be greater than zero");
	}
	if (f->agg_filter && !agg)
		return xlat_fail(c, "42809", f->location,
				 "FILTER specified, but %s is not an aggregate function", name);
	if (f->n_agg_order || f->agg_within_group)
		return xlat_unsupported(c, f->location, "ORDER BY inside an aggregate call");
	if (f->func_variadic)
		return xlat_unsupported(c, f->location, "VARIADIC");
	if (f->agg_distinct && f->n_args != 1)
		return xlat_unsupported(c, f->location, "DISTINCT in a multi-argument aggregate");
	int nargs = (int)f->n_args;
	if (nargs < fn->min || nargs > fn->max || (f->agg_star && nargs) ||
	    (strcmp(name, "count") == 0 && !f->agg_star && nargs != 1))
		return no_such_function(c, f, name);
	return true;
}

/* The SQLite function for fn given its arguments' types: round() of a double is rint (half
 * to even) in PostgreSQL; abs(bigint) fails with 22003, not SQLite's own error, abs(float8)
 * is fabs (SQLite's abs keeps -0 and reads the text 'NaN' as 0); intervals,
 * stored as text, sum and order through pgfn_dtagg.c. */
static const char *sqlite_name(const struct fn *fn, const struct xlat_type *tv, size_t n)
{
	if ((fn->flags & FN_AGG) && n == 1 && tv[0].oid == XLAT_OID_MONEY && fn->rt == R_SUM)
		return "pgfn_cash_sum"; /* money out of range, not SQLite's integer overflow */
	if (strcmp(fn->name, "abs") == 0 && n == 1 &&
	    (tv[0].oid == XLAT_OID_INT8 || tv[0].oid == XLAT_OID_FLOAT4 ||
	     tv[0].oid == XLAT_OID_FLOAT8))
		return "pgfn_abs"; /* a float's NaN stays NaN, -0 is 0 */
	if (strcmp(fn->name, "round") == 0 && n == 1 &&
	    (tv[0].oid == XLAT_OID_FLOAT4 || tv[0].oid == XLAT_OID_FLOAT8))
		return "pgfn_rint";
	if (strcmp(fn->name, "sign") == 0 && n == 1 && /* a float's NaN has sign 0 */
	    (tv[0].oid == XLAT_OID_FLOAT4 || tv[0].oid == XLAT_OID_FLOAT8))
		return "pgfn_fsign";
	if ((fn->flags & FN_AGG) && n == 1 && tv[0].oid == XLAT_OID_INTERVAL && fn->rt != R_FIX &&
	    fn->sqlite)
		return strcmp(fn->sqlite, "sum") == 0   ? "pgfn_interval_sum"
		       : strcmp(fn->sqlite, "avg") == 0 ? "pgfn_interval_avg"
		       : strcmp(fn->sqlite, "min") == 0 ? "pgfn_interval_min"
		       : strcmp(fn->sqlite, "max") == 0 ? "pgfn_interval_max"
							: fn->sqlite;
	return fn->sqlite;
}

/* Whether PostgreSQL has sum() and avg() of type oid (or it is not known here). */
static bool summable(uint32_t oid)
{
	switch (oid) {
	case XLAT_OID_UNKNOWN_COL: /* 0: known only when the statement runs */
	case XLAT_OID_UNKNOWN:
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8:
	case XLAT_OID_NUMERIC:
	case XLAT_OID_FLOAT4:
	case XLAT_OID_FLOAT8:
	case XLAT_OID_INTERVAL:
	case XLAT_OID_MONEY: /* sum only: no avg(money) */
		return true;
	default:
		return false;
	}
}

/* Whether PostgreSQL 15 has min() and max() of type oid: not of json, jsonb, uuid, bytea,
 * boolean (bool_and/bool_or), macaddr, text search or jsonpath values. */
static bool ordered(uint32_t oid)
{
	switch (oid) {
	case XLAT_OID_JSON:
	case XLAT_OID_JSONB:
	case XLAT_OID_UUID:
	case XLAT_OID_BYTEA:
	case XLAT_OID_BOOL:
	case XLAT_OID_MACADDR:
	case XLAT_OID_MACADDR8:
	case XLAT_OID_TSVECTOR:
	case XLAT_OID_TSQUERY:
	case XLAT_OID_JSONPATH:
	case XLAT_OID_XID:
		return false;
	default:
		return true;
	}
}

static bool plain_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct fn *fn,
		       struct xlat_type *t)
{
	struct xlat_type *tv = arena_zalloc(c->a, (f->n_args + 1) * sizeof(*tv));
	size_t mark = c->sb->len;
	xlat_printf(c, "(%s", f->agg_distinct ? "DISTINCT " : "");
	unsigned operand = c->flags & XLAT_X_EXACT_OPERAND;
	if (xlat_exact_trans_fn(c, fn->name)) /* sqrt(1.50): the constant's digits as text */
		c->flags |= XLAT_X_EXACT_OPERAND;
	bool win_exact = (fn->flags & FN_WINDOW) && fn->rt == R_SAME && (c->flags & XLAT_X_EXACT);
	bool argok = f->agg_star || (win_exact ? window_value_args(c, f, tv) : args(c, f, tv));
	c->flags = (c->flags & ~(unsigned)XLAT_X_EXACT_OPERAND) | operand;
	if (f->agg_star)
		xlat_puts(c, "*");
	else if (!argok)
		return false;
	if ((fn->flags & FN_AGG) && fn->rt == R_SAME && f->n_args == 1 &&
	    (xlat_range_type(tv[0].oid) ||
	     (tv[0].oid >= 16384 && xlat_comptype_of_oid(c, tv[0].oid))))
		return no_such_function(c, f, fn->name); /* no min/max of a range or a row type */
	if (strcmp(fn->name, "trunc") == 0 && f->n_args == 1 && tv[0].oid == XLAT_OID_UNKNOWN)
		/* trunc(numeric), trunc(float8) and trunc(macaddr): no category wins */
		return xlat_func_not_unique(c, fn->name, tv, 1, f->location);
	if (f->agg_distinct && f->n_args == 1 && !xlat_comptype_grouped(c, tv[0], f->location))
		return false; /* count(DISTINCT row): by its fields (xlat_comptype.c) */
	if (f->agg_distinct && f->n_args == 1 &&
	    !xlat_sortable(c, tv[0], xlat_tree_location(&f->args[0]->base))) {
		pgerr_detail(c->err, "Aggregates with DISTINCT must be able to sort their inputs.");
		c->err->hint[0] = '\0';
		return false;
	}
	if (f->agg_distinct && f->n_args == 1 && tv[0].oid == XLAT_OID_INTERVAL) {
		/* count(DISTINCT v): interval_cmp's equality, '1 mon' is '30 days' */
		xlat_insert_at(c, mark + 1 + strlen("DISTINCT "), "(");
		xlat_puts(c, ") COLLATE pgfn_interval");
	}
	if ((fn->flags & FN_AGG) && fn->rt == R_SAME && f->n_args == 1 && !ordered(tv[0].oid))
		return no_such_function(c, f, fn->name); /* max(jsonb): 42883, as in PostgreSQL */
	if ((fn->rt == R_SUM || fn->rt == R_AVG) && f->n_args == 1 &&
	    f->args[0]->node_case == PG_QUERY__NODE__NODE_A_CONST &&
	    (f->args[0]->a_const->isnull ||
	     f->args[0]->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)) {
		/* sum('1'), avg(NULL): an unknown literal fits every sum/avg PostgreSQL has */
		xlat_fail(c, "42725", f->location, "function %s(unknown) is not unique", fn->name);
		pgerr_hint(c->err, "Could not choose a best candidate function. You might need to "
				   "add explicit type casts.");
		return false;
	}
	if (strcmp(fn->name, "abs") == 0 && f->n_args == 1 && tv[0].oid == XLAT_OID_MONEY)
		return no_such_function(c, f, fn->name); /* no abs(money) */
	if ((fn->rt == R_SUM || fn->rt == R_AVG) && f->n_args == 1 &&
	    (!summable(tv[0].oid) || (fn->rt == R_AVG && tv[0].oid == XLAT_OID_MONEY)))
		return no_such_function(c, f, fn->name); /* sum(text): 42883, not SQLite's 0 */
	if ((fn->flags & FN_AGG) && fn->rt == R_SAME && f->n_args == 1 &&
	    !xlat_enum_collate(c, tv[0].oid) && xlat_array_collation(tv[0].oid, 0, NULL))
		xlat_puts(c, xlat_array_collation(tv[0].oid, 0, NULL)); /* min/max of an enum or an
								    * array: by its sort order */
	const char *name = sqlite_name(fn, tv, f->n_args);
	if ((fn->rt == R_SUM || fn->rt == R_AVG) &&
	    (tv[0].oid == XLAT_OID_FLOAT8 || (fn->rt == R_AVG && tv[0].oid == XLAT_OID_FLOAT4)))
		/* NaN-aware, and a moving frame adds up again rather than subtracts
		 * (pgfn_floatwin.c); sum(real) stays SQLite's */
		name = fn->rt == R_AVG ? (f->over ? "pgfn_float_wavg" : "pgfn_float_avg")
				       : (f->over ? "pgfn_float_wsum" : "pgfn_float_sum");
	const char *exact_round = f->n_args == 1 ? xlat_exact_round(c, fn->name, tv[0]) : NULL;
	if (exact_round) { /* pgfn_num_round(x, 0, scale): the value's digits, decimal rounding */
		name = exact_round;
		xlat_printf(c, ", 0, %d", xlat_numeric_scale_of(tv[0]));
	}
	if (fn->rt == R_AVG && f->n_args == 1 && tv[0].oid == XLAT_OID_FLOAT4) {
		/* float4_accum sums each real's float value in double precision */
		xlat_insert_at(c, mark + 1 + (f->agg_distinct ? strlen("DISTINCT ") : 0),
			       "pgfn_f4(");
		xlat_puts(c, ")");
	}
	const char *trans = xlat_exact_trans(c, fn->name, tv, f->n_args, mark);
	if (trans) /* pgfn_num_sqrt(x, scale), ... */
		name = trans;
	bool minmax = (fn->flags & FN_AGG) && fn->rt == R_SAME && tv[0].oid == XLAT_OID_NUMERIC;
	if ((fn->rt == R_AVG || minmax ||
	     (fn->rt == R_SUM && tv[0].oid != XLAT_OID_INT2 && tv[0].oid != XLAT_OID_INT4)) &&
	    !f->agg_star && xlat_exact_agg(c, tv[0])) { /* exact: of int8 and numeric */
		name = fn->rt == R_AVG                ? "pgfn_num_avg"
		       : !minmax                      ? "pgfn_num_sum"
		       : strcmp(fn->name, "max") == 0 ? "pgfn_num_max"
						      : "pgfn_num_min";
		if (!f->agg_distinct) /* SQLite's DISTINCT takes one argument: the value's scale */
			xlat_printf(c, ", %d", xlat_numeric_scale_of(tv[0]));
	}
	xlat_puts(c, ")");
	xlat_insert_at(c, mark, name);
	*t = result_type(fn, tv, f->n_args);
	if (fn->rt == R_SAME && f->n_args >= 1 && !f->over && t->oid == XLAT_OID_BPCHAR &&
	    tv[0].typmod >= 5)
		xlat_bpchar_pad(c, mark, tv[0]); /* max(char(4)): a bpchar value, with its blanks */
	if (exact_round || trans || (win_exact && t->oid == XLAT_OID_NUMERIC))
		*t = (struct xlat_type){XLAT_OID_NUMERIC, -1}; /* its scale is in its text */
	const char *check = strcmp(fn->name, "abs") == 0 && xlat_checks_on(c)
				    ? xlat_infer_overflow_fn(tv[0], tv[0], "-")
				    : NULL;
	if (check) { /* abs(-2147483648::int4) leaves int4's range */
		xlat_insert_at(c, mark, arena_printf(c->a, "%s(", check));
		xlat_puts(c, ")");
	}
	return true;
}

/* pg_trgm's and fuzzystrmatch's text arguments (all, but metaphone's length and
 * levenshtein's costs) take no number, date or the like: similarity(1, 2) is 42883. */
static bool ext_text_args(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	size_t n = strcmp(name, "metaphone") == 0 ? 1 : f->n_args < 2 ? f->n_args : 2;
	for (size_t i = 0; i < n; i++) {
		struct xlat_type at = {0, -1};
		if (xlat_scope_dry_expr(c, f->args[i], &at) && no_text_cast(at.oid))
			return no_such_function(c, f, name);
	}
	return true;
}

/* The XLAT_EXT_* bit of the extension that gives fn; 0 for a built-in function. */
static unsigned extension_of(const struct fn *fn)
{
	return fn->flags & FN_UUID_OSSP  ? XLAT_EXT_UUID_OSSP
	       : fn->flags & FN_PGCRYPTO ? XLAT_EXT_PGCRYPTO
	       : fn->flags & FN_PG_TRGM  ? XLAT_EXT_PG_TRGM
	       : fn->flags & FN_FUZZY    ? XLAT_EXT_FUZZYSTRMATCH
					 : 0;
}

bool xlat_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname > 1 ? xlat_node_str(f->funcname[0]) : "pg_catalog";
	if (xlat_udf_exact(c, f, name)) { /* the tenant's lower(int) for lower(5) */
		int udf = xlat_udf_call(c, f, name, NULL, t);
		if (udf)
			return udf > 0;
	}
	const struct fn *fn = name ? find_fn_args(name, f->n_args) : NULL;
	if (f->n_funcname > 2 || !schema || strcmp(schema, "pg_catalog") != 0)
		fn = NULL;
	unsigned ext = fn ? extension_of(fn) : 0;
	if (ext && c->env && c->env->schema && !(c->env->extensions & ext))
		fn = NULL; /* a function of the tenant's own, or 42883 */
	if (fn && (fn->flags & (FN_PG_TRGM | FN_FUZZY)) && !fn->special &&
	    !ext_text_args(c, f, name))
		return false;
	int folded = f->n_funcname == 1 ? xlat_citext_fn(c, f, name, t) : 0; /* strpos(citext) */
	if (folded)
		return folded > 0;
	int cat = f->agg_within_group && name && schema && strcmp(schema, "pg_catalog") == 0
			  ? xlat_osagg(c, f, name, t) /* percentile_cont ... */
			  : 0;
	if (!cat && f->func_variadic && name && schema && strcmp(schema, "pg_catalog") == 0 &&
	    f->n_funcname <= 2)
		cat = xlat_variadic_text(c, f, name, t); /* concat(VARIADIC a) ... */
	if (!cat && name)
		cat = xlat_row_agg(c, f, name, t); /* count(DISTINCT (a, b)) */
	if (!cat)
		cat = xlat_catalog_srf_ref(c, f, t);
	if (!cat && name && schema && strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2)
		cat = xlat_net_func(c, f, name, t); /* host(inet), trunc(macaddr) ... */
	if (!cat && name && schema && strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2)
		cat = xlat_bit_func(c, f, name, t); /* get_bit(bit), length(varbit) ... */
	if (!cat && name && schema && strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2)
		cat = xlat_money_func(c, f, name, t); /* cash_words(money) ... */
	if (!cat && name && schema && strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2)
		cat = xlat_range_func(c, f, name, t); /* int4range(1, 5), lower(r) ... */
	if (!cat && name && schema && strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2)
		cat = xlat_ts_func(c, f, name, t); /* to_tsvector, ts_rank, length(tsvector) ... */
	if (!cat && !fn && schema && strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2)
		cat = xlat_catalog_func(c, f, name, t);
	if (!cat && name && schema && strcmp(schema, "pg_catalog") == 0 &&
	    (!fn || (int)f->n_args < fn->min || (int)f->n_args > fn->max))
		cat = xlat_fnlib(c, f, name, t);
	if (!cat && !fn && name && schema && strcmp(schema, "pg_catalog") == 0)
		cat = xlat_enum_func(c, f, name, t);
	if (cat)
		return cat > 0;
	int udf = fn ? 0 : xlat_udf_call(c, f, name, f->n_funcname > 1 ? schema : NULL, t);
	if (udf)
		return udf > 0;
	int cast = !fn && name && schema && strcmp(schema, "pg_catalog") == 0
			   ? xlat_fncast(c, f, name, t) /* float8(x) is x::float8 */
			   : 0;
	if (cast)
		return cast > 0;
	int oper = !fn && name && schema && strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2
			   ? xlat_oper_func(c, f, name, t) /* int4pl(1, 2) is 1 + 2 */
			   : 0;
	if (oper)
		return oper > 0;
	if (!fn) {
		for (size_t i = 0; name && i < ARRAY_LEN(refused_fns); i++) {
			if (strcmp(refused_fns[i].name, name) != 0)
				continue;
			if (refused_fns[i].why)
				return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
						 "%s are not supported (function %s)",
						 refused_fns[i].why, name);
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
					 "function %s is not supported", name);
		}
		/* PostgreSQL's own (pg_proc lists it: an operator's or a type's I/O function),
		 * unless none of its forms takes these arguments (format_type(23)): 42883 */
		if (name && schema && strcmp(schema, "pg_catalog") == 0 && c->env &&
		    c->env->builtin_fn && c->env->builtin_fn(name) &&
		    !builtin_takes_none(c, f, name))
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
					 "function %s is not supported", name);
		return no_such_function(c, f, name ? name : "?");
	}
	struct xlat_type at; /* SQLite's group_concat answers text, not bytea's bytes */
	if (strcmp(fn->name, "string_agg") == 0 && f->n_args == 2 &&
	    xlat_scope_dry_expr(c, f->args[0], &at) && at.oid == XLAT_OID_BYTEA)
		return xlat_unsupported(c, f->location, "string_agg of bytea");
	int ordered = f->n_agg_order || f->agg_distinct ? xlat_ordered_agg(c, f, name, t) : 0;
	if (ordered)
		return ordered > 0;
	if (!check_decorations(c, f, fn, name))
		return false;
	if (fn->flags & FN_VOLATILE)
		c->volatile_seen++;
	bool ok = fn->special ? fn->special(c, f, t) : plain_call(c, f, fn, t);
	return ok && xlat_agg_filter(c, f) && (!f->over || over(c, f->over));
}

bool xlat_agg_filter(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	struct xlat_type ignored;
	if (!f->agg_filter)
		return true;
	xlat_puts(c, " FILTER (WHERE ");
	if (!xlat_expr(c, f->agg_filter, &ignored))
		return false;
	xlat_puts(c, ")");
	return true;
}

/* CURRENT_TIMESTAMP and friends: the transaction's start in the session's TimeZone. */
bool xlat_sqlvalue(struct xlat_ctx *c, const PgQuery__SQLValueFunction *f, struct xlat_type *t)
{
	int32_t prec = f->typmod; /* CURRENT_TIMESTAMP(0): no fractional seconds; -1: none */
	switch (f->op) {
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE:
		return xlat_dt_sqlvalue(c, XLAT_OID_DATE, -1, t);
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N:
		return xlat_dt_sqlvalue(c, XLAT_OID_TIMETZ, prec, t);
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N:
		return xlat_dt_sqlvalue(c, XLAT_OID_TIMESTAMPTZ, prec, t);
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N:
		return xlat_dt_sqlvalue(c, XLAT_OID_TIME, prec, t);
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N:
		return xlat_dt_sqlvalue(c, XLAT_OID_TIMESTAMP, prec, t);
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA:
		return fn_current_schema(c, NULL, t);
	default:
		return xlat_catalog_sqlvalue(c, f, t);
	}
}

/* GREATEST/LEAST ignore NULL arguments; SQLite's multi-argument max()/min() return NULL if
 * any argument is NULL. max(coalesce(a, b, c), coalesce(b, a, c), coalesce(c, a, b)) only
 * ever compares non-NULL arguments and is NULL only when all are, which is PostgreSQL's
 * definition. Arguments are evaluated more than once, so volatile ones are refused. */
bool xlat_minmax(struct xlat_ctx *c, const PgQuery__MinMaxExpr *m, struct xlat_type *t)
{
	size_t n = m->n_args;
	const char **txt = arena_zalloc(c->a, (n + 1) * sizeof(*txt));
	struct xlat_type *tv = arena_zalloc(c->a, (n + 1) * sizeof(*tv));
	struct strbuf *saved = c->sb;
	int vol = c->volatile_seen;
	/* a string literal is read as the other arguments' type ('nan' beside a float8) */
	struct xlat_type common = xlat_branches_type(c, m->args, n);
	for (size_t i = 0; i < n; i++) {
		struct strbuf tmp;
		strbuf_init(&tmp, 0);
		c->sb = &tmp;
		bool ok = xlat_branch(c, m->args[i], common, &tv[i]);
		c->sb = saved;
		txt[i] = arena_strndup(c->a, tmp.data ? tmp.data : "", tmp.len);
		strbuf_fini(&tmp);
		if (!ok)
			return false;
	}
	*t = xlat_type_common(tv, n);
	for (size_t i = 0; t->oid == XLAT_OID_MONEY && i < n; i++)
		if (tv[i].oid == XLAT_OID_UNKNOWN) /* '2' beside money: cash_in's */
			txt[i] = arena_printf(c->a, "pgfn_cash_in(%s)", txt[i]);
	if (n == 1) {
		xlat_puts(c, txt[0]);
		return true;
	}
	if (c->volatile_seen != vol)
		return xlat_unsupported(c, m->location, "GREATEST/LEAST over a volatile argument");
	for (size_t i = 0; i < n; i++) {
		if (m->args[i]->node_case == PG_QUERY__NODE__NODE_ROW_EXPR ||
		    (tv[i].oid >= 16384 && xlat_comptype_of_oid(c, tv[i].oid)))
			return xlat_unsupported(c, m->location, "GREATEST/LEAST of row values");
	}
	/* arrays, ranges, jsonb, inet and enums compare in their type's order; a jsonb column's
	 * bare number (an SQLite number) as text, among the others */
	const char *coll = xlat_order_collation(c, t->oid);
	bool jsonb = t->oid == XLAT_OID_JSONB;
	/* the winner keeps its own display scale, as PostgreSQL's value carries it: decimal
	 * text (xlat_numeric.c), compared as numbers */
	bool exact = (c->flags & XLAT_X_EXACT) && t->oid == XLAT_OID_NUMERIC;
	for (size_t i = 0; exact && i < n; i++)
		txt[i] = arena_printf(c->a, "pgfn_num_add(%s, 0, %d, 0)", txt[i],
				      xlat_numeric_scale_of(tv[i]));
	xlat_puts(c, m->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "max(" : "min(");
	for (size_t i = 0; i < n; i++) {
		xlat_printf(c, "%s%scoalesce(%s", i ? ", " : "", jsonb ? "CAST(" : "", txt[i]);
		for (size_t j = 0; j < n; j++) {
			if (j != i)
				xlat_printf(c, ", %s", txt[j]);
		}
		xlat_puts(c, exact ? ") COLLATE pgfn_num" : jsonb ? ") AS TEXT)" : ")");
		xlat_puts(c, exact || !coll ? "" : coll);
	}
	xlat_puts(c, ")");
	return true;
}
