/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_tsearch.c: tsvector and tsquery in expressions — the text search functions
 * (to_tsvector, the to_tsquery family, setweight, ts_rank, ts_headline, ts_lexize, ...) and
 * the operators @@, ||, &&, <-> and !! on them, each a pgfn function (pgfn_tsearch.c,
 * pgfn_tsheadline.c, pgfn_tsdict.c). A call without a configuration
 * takes default_text_search_config when the statement runs. */
#include "xlat_int.h"

#include <string.h>

#define DEFAULT_CFG "current_setting('default_text_search_config')"

bool xlat_ts_type(uint32_t oid) { return oid == XLAT_OID_TSVECTOR || oid == XLAT_OID_TSQUERY; }

/* Argument letters: v tsvector, q tsquery, t text, c regconfig, a text[], w "char",
 * f real[], i int4 — what a bare $n is typed as. */
static const struct ts_fn {
	const char *name;
	const char *args; /* the full argument list; optional ones at the end */
	int min;
	const char *pgfn; /* printf pattern over the emitted arguments, see emit() */
	uint32_t result;
} ts_fns[] = {
	{"to_tsvector", "ct", 1, "pgfn_to_tsvector(%C, %L)", XLAT_OID_TSVECTOR},
	{"to_tsquery", "ct", 1, "pgfn_to_tsquery(%C, %L, 0)", XLAT_OID_TSQUERY},
	{"plainto_tsquery", "ct", 1, "pgfn_to_tsquery(%C, %L, 1)", XLAT_OID_TSQUERY},
	{"phraseto_tsquery", "ct", 1, "pgfn_to_tsquery(%C, %L, 2)", XLAT_OID_TSQUERY},
	{"websearch_to_tsquery", "ct", 1, "pgfn_to_tsquery(%C, %L, 3)", XLAT_OID_TSQUERY},
	{"setweight", "vwa", 2, "pgfn_ts_setweight(%*)", XLAT_OID_TSVECTOR},
	{"strip", "v", 1, "pgfn_ts_strip(%*)", XLAT_OID_TSVECTOR},
	{"length", "v", 1, "pgfn_ts_length(%*)", XLAT_OID_INT4},
	{"numnode", "q", 1, "pgfn_ts_numnode(%*)", XLAT_OID_INT4},
	{"querytree", "q", 1, "pgfn_ts_querytree(%*)", XLAT_OID_TEXT},
	{"tsvector_to_array", "v", 1, "pgfn_ts_to_array(%*)", 1009},
	{"array_to_tsvector", "a", 1, "pgfn_ts_from_array(%*)", XLAT_OID_TSVECTOR},
	{"ts_delete", "vt", 2, "pgfn_ts_delete(%*)", XLAT_OID_TSVECTOR},
	{"ts_filter", "va", 2, "pgfn_ts_filter(%*)", XLAT_OID_TSVECTOR},
	{"ts_rank", "fvqi", 2, "pgfn_ts_rank(%R)", XLAT_OID_FLOAT4},
	{"ts_rank_cd", "fvqi", 2, "pgfn_ts_rank_cd(%R)", XLAT_OID_FLOAT4},
	{"ts_lexize", "tt", 2, "pgfn_ts_lexize(%*)", 1009},
	{"tsquery_phrase", "qqi", 2, "pgfn_tsq_op(%0, %1, 3%,2)", XLAT_OID_TSQUERY},
	{"get_current_ts_config", "", 0, "substr(" DEFAULT_CFG ", 12)", 3734},
};

static uint32_t letter_oid(char l)
{
	switch (l) {
	case 'v':
		return XLAT_OID_TSVECTOR;
	case 'q':
		return XLAT_OID_TSQUERY;
	case 'c':
		return 3734; /* regconfig: its text is the configuration's name */
	case 't':
		return XLAT_OID_TEXT;
	case 'a':
		return 1009;
	case 'f':
		return 1021;
	case 'i':
		return XLAT_OID_INT4;
	default:
		return XLAT_OID_TEXT;
	}
}

/* The first argument's static type, translated into a scratch buffer (for length(), which
 * is text's too, and ts_rank's optional weights). */
static uint32_t peek_type(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct strbuf scratch, *saved = c->sb;
	struct xlat_type t = {0, -1};
	xlat_nocache(c); /* constants noted in the scratch text would point at the wrong place */
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	bool ok = xlat_expr(c, n, &t);
	c->sb = saved;
	strbuf_fini(&scratch);
	return ok ? t.oid : 0;
}

static int no_function(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
		  "function %s with %zu arguments does not exist", name, f->n_args);
	pgerr_hint(c->err, "No function matches the given name and argument types. You might "
			   "need to add explicit type casts.");
	return -1;
}

/* 'english'::regconfig, $1::regconfig (Django writes the configuration so): the name as text,
 * which pgfn reads as regconfig would. */
static const PgQuery__Node *config_name(const PgQuery__Node *n)
{
	if (n->node_case != PG_QUERY__NODE__NODE_TYPE_CAST)
		return n;
	const PgQuery__TypeName *tn = n->type_cast->type_name;
	const char *last = tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	return last && strcmp(last, "regconfig") == 0 && !tn->n_array_bounds ? n->type_cast->arg
									     : n;
}

static bool arg(struct xlat_ctx *c, const PgQuery__Node *n, char letter)
{
	struct xlat_type t;
	if (letter == 'c')
		n = config_name(n);
	if (n->node_case == PG_QUERY__NODE__NODE_PARAM_REF &&
	    !xlat_param(c, n->param_ref->number, letter_oid(letter), n->param_ref->location))
		return false;
	return xlat_expr(c, n, &t);
}

/* Emits pattern: %C the configuration (the first argument when there is one more than the
 * minimum, else the default), %L the last argument, %0 %1 by index, %* all arguments, %,2 ",
 * arg 2" when given, %R ts_rank's (weights or NULL, vector, query, normalization or 0). */
static bool emit(struct xlat_ctx *c, const struct ts_fn *fn, const PgQuery__FuncCall *f,
		 bool weights)
{
	size_t na = f->n_args;
	bool cfg = fn->args[0] == 'c' && na == 2;
	for (const char *p = fn->pgfn; *p; p++) {
		if (*p != '%') {
			xlat_printf(c, "%c", *p);
			continue;
		}
		char k = *++p;
		if (k == 'C') {
			if (cfg ? !arg(c, f->args[0], 'c') : (xlat_puts(c, DEFAULT_CFG), false))
				return false;
		} else if (k == 'L') {
			if (!arg(c, f->args[na - 1], 't'))
				return false;
		} else if (k == '0' || k == '1') {
			if (!arg(c, f->args[k - '0'], fn->args[k - '0']))
				return false;
		} else if (k == ',') {
			int i = *++p - '0';
			if ((size_t)i < na) {
				xlat_puts(c, ", ");
				if (!arg(c, f->args[i], fn->args[i]))
					return false;
			}
		} else if (k == '*') {
			for (size_t i = 0; i < na; i++) {
				xlat_puts(c, i ? ", " : "");
				if (!arg(c, f->args[i], fn->args[i]))
					return false;
			}
			if (strcmp(fn->name, "ts_delete") == 0) /* text or text[] */
				xlat_printf(c, ", %d", peek_type(c, f->args[1]) == 1009);
		} else if (k == 'R') {
			size_t first = weights ? 1 : 0;
			if (weights) {
				if (!arg(c, f->args[0], 'f'))
					return false;
			} else {
				xlat_puts(c, "NULL");
			}
			for (size_t i = first; i < first + 2; i++) {
				xlat_puts(c, ", ");
				if (!arg(c, f->args[i], i == first ? 'v' : 'q'))
					return false;
			}
			xlat_puts(c, ", ");
			if (na > first + 2) {
				if (!arg(c, f->args[first + 2], 'i'))
					return false;
			} else {
				xlat_puts(c, "0");
			}
		}
	}
	return true;
}

/* Three arguments: (config, document, query) or (document, query, options), as PostgreSQL's
 * overloads resolve them; 1 for the first, 0 the second, -1 when all three are untyped
 * literals (42725, as there). */
static int headline_config(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	if (config_name(f->args[0]) != f->args[0]) /* 'english'::regconfig */
		return 1;
	uint32_t t1 = peek_type(c, f->args[0]), t2 = peek_type(c, f->args[1]),
		 t3 = peek_type(c, f->args[2]);
	if (t3 == XLAT_OID_TSQUERY)
		return 1;
	if (t2 == XLAT_OID_TSQUERY || t3 != XLAT_OID_UNKNOWN)
		return 0;
	if (t2 != XLAT_OID_UNKNOWN)
		return 1;
	if (t1 != XLAT_OID_UNKNOWN)
		return 0;
	xlat_fail(c, "42725", f->location,
		  "function ts_headline(unknown, unknown, unknown) is not unique");
	pgerr_hint(c->err, "Could not choose a best candidate function. You might need to add "
			   "explicit type casts.");
	return -1;
}

/* ts_headline([config,] document, query [, options]): pgfn_ts_headline(config, document,
 * query, options or ''). */
static int headline(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	size_t na = f->n_args;
	if (na < 2 || na > 4 || f->agg_star || f->over)
		return no_function(c, f, "ts_headline");
	int three = na == 3 ? headline_config(c, f) : 0;
	if (three < 0)
		return -1;
	bool cfg = na == 4 || three == 1;
	size_t d = cfg ? 1 : 0;
	uint32_t doc = peek_type(c, f->args[d]);
	if (doc == XLAT_OID_JSON || doc == XLAT_OID_JSONB)
		return xlat_unsupported(c, f->location, "ts_headline of json and jsonb") ? 1 : -1;
	xlat_puts(c, "pgfn_ts_headline(");
	if (cfg ? !arg(c, f->args[0], 'c') : (xlat_puts(c, DEFAULT_CFG), false))
		return -1;
	xlat_puts(c, ", ");
	if (!arg(c, f->args[d], 't'))
		return -1;
	xlat_puts(c, ", ");
	if (!arg(c, f->args[d + 1], 'q'))
		return -1;
	xlat_puts(c, ", ");
	if (d + 2 < na) {
		if (!arg(c, f->args[d + 2], 't'))
			return -1;
	} else {
		xlat_puts(c, "''");
	}
	xlat_puts(c, ")");
	*t = (struct xlat_type){XLAT_OID_TEXT, -1};
	return 1;
}

int xlat_ts_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		 struct xlat_type *t)
{
	if (strcmp(name, "ts_headline") == 0)
		return headline(c, f, t);
	if (strcmp(name, "ts_rewrite") == 0 || strcmp(name, "ts_stat") == 0 ||
	    strcmp(name, "ts_debug") == 0 || strcmp(name, "ts_parse") == 0 ||
	    strcmp(name, "ts_token_type") == 0)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
				 "function %s is not supported", name)
			       ? 1
			       : -1;
	const struct ts_fn *fn = NULL;
	for (size_t i = 0; i < ARRAY_LEN(ts_fns) && !fn; i++)
		fn = strcmp(ts_fns[i].name, name) == 0 ? &ts_fns[i] : NULL;
	if (!fn)
		return 0;
	if (f->agg_star || f->over || f->agg_distinct || f->n_agg_order || f->agg_filter)
		return 0;
	int max = (int)strlen(fn->args);
	if (strcmp(name, "length") == 0 &&
	    (f->n_args != 1 || peek_type(c, f->args[0]) != XLAT_OID_TSVECTOR))
		return 0; /* length of text, bytea ...: xlat_func.c's */
	if (strcmp(name, "strip") == 0 && f->n_args == 1 &&
	    peek_type(c, f->args[0]) != XLAT_OID_TSVECTOR &&
	    peek_type(c, f->args[0]) != XLAT_OID_UNKNOWN)
		return 0;
	bool weights = false;
	if (strncmp(name, "ts_rank", 7) == 0) {
		weights = f->n_args >= 3 && peek_type(c, f->args[0]) != XLAT_OID_TSVECTOR;
		max = weights ? 4 : 3;
		if ((int)f->n_args < (weights ? 3 : 2))
			return no_function(c, f, name);
	}
	if ((int)f->n_args < fn->min || (int)f->n_args > max)
		return no_function(c, f, name);
	if (strcmp(name, "to_tsvector") == 0) { /* json's are its string values, not its text */
		uint32_t doc = peek_type(c, f->args[f->n_args - 1]);
		if (doc == XLAT_OID_JSON || doc == XLAT_OID_JSONB)
			return xlat_unsupported(c, f->location, "to_tsvector of json and jsonb")
				       ? 1
				       : -1;
	}
	if (!emit(c, fn, f, weights))
		return -1;
	*t = (struct xlat_type){fn->result, -1};
	return 1;
}

/* An operand of @@: a text one becomes to_tsvector (left) or plainto_tsquery (right) under the
 * default configuration, as PostgreSQL's text @@ tsquery and text @@ text do (an untyped
 * literal is text there); an untyped literal matched against a tsvector is a tsquery. */
static bool match_operand(struct xlat_ctx *c, const PgQuery__Node *n, bool left, uint32_t oid,
			  uint32_t other)
{
	bool text = !xlat_ts_type(oid);
	const char *in = NULL;
	bool as_query = !left && oid == XLAT_OID_UNKNOWN && other == XLAT_OID_TSVECTOR;
	if (as_query) /* tsvector @@ 'a & b' */
		in = "shardlite_tsquery(";
	else if (text)
		in = left ? "pgfn_to_tsvector(" DEFAULT_CFG ", "
			  : "pgfn_to_tsquery(" DEFAULT_CFG ", ";
	xlat_puts(c, in ? in : "");
	if (!arg(c, n, left ? 'v' : 'q'))
		return false;
	if (in)
		xlat_puts(c, text && !as_query && !left ? ", 1)" : ")");
	return true;
}

int xlat_ts_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op, struct xlat_type *t)
{
	if (!e->lexpr && strcmp(op, "!!") == 0) {
		xlat_puts(c, "pgfn_tsq_not(");
		if (!arg(c, e->rexpr, 'q'))
			return -1;
		xlat_puts(c, ")");
		*t = (struct xlat_type){XLAT_OID_TSQUERY, -1};
		return 1;
	}
	if (!e->lexpr || (strcmp(op, "@@") != 0 && strcmp(op, "@@@") != 0))
		return 0;
	uint32_t l = peek_type(c, e->lexpr), r = peek_type(c, e->rexpr);
	if (l == XLAT_OID_JSONB || r == 4072 /* jsonpath */)
		return 0;
	/* tsquery @@ tsvector, and an operand beside a tsvector on the right */
	bool swap = l == XLAT_OID_TSQUERY || (r == XLAT_OID_TSVECTOR && l != XLAT_OID_TSVECTOR);
	xlat_puts(c, "pgfn_ts_match(");
	if (swap) {
		uint32_t x = l;
		l = r;
		r = x;
	}
	if (!match_operand(c, swap ? e->rexpr : e->lexpr, true, l, r))
		return -1;
	xlat_puts(c, ", ");
	if (!match_operand(c, swap ? e->lexpr : e->rexpr, false, r, l))
		return -1;
	xlat_puts(c, ")");
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	return 1;
}

int xlat_ts_any(struct xlat_ctx *c, const PgQuery__AExpr *e, bool all, struct xlat_type *t)
{
	if (peek_type(c, e->lexpr) != XLAT_OID_TSVECTOR)
		return 0;
	/* ANY: true when one element matches, else NULL when one gave NULL, else false */
	xlat_printf(c,
		    "(SELECT CASE WHEN %s THEN %d WHEN count(*) > count(m) THEN NULL ELSE %d END "
		    "FROM (SELECT pgfn_ts_match(",
		    all ? "min(m) = 0" : "max(m) = 1", !all, all);
	struct xlat_type ignored;
	if (!xlat_expr(c, e->lexpr, &ignored))
		return -1;
	xlat_puts(c, ", v0) AS m FROM pgfn_unnest(");
	if (!xlat_expr(c, e->rexpr, &ignored))
		return -1;
	xlat_puts(c, ")))");
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	return 1;
}

int xlat_ts_contains(struct xlat_ctx *c, const char *op, size_t mark, struct xlat_type l,
		     struct xlat_type r, struct xlat_type *t)
{
	bool lq = l.oid == XLAT_OID_TSQUERY, rq = r.oid == XLAT_OID_TSQUERY;
	if ((strcmp(op, "@>") != 0 && strcmp(op, "<@") != 0) || (!lq && !rq))
		return 0;
	if ((!lq && l.oid != XLAT_OID_UNKNOWN) || (!rq && r.oid != XLAT_OID_UNKNOWN))
		return 0;
	/* an untyped operand is read as tsquery by the call */
	xlat_insert_at(c, mark, "pgfn_tsq_contains(");
	xlat_printf(c, ", %d)", op[0] == '<');
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	return 1;
}

int xlat_ts_operator(struct xlat_ctx *c, const char *op, const char *ls, struct xlat_type l,
		     const char *rs, struct xlat_type r, int location, struct xlat_type *t)
{
	if (xlat_ts_type(l.oid) && r.oid == XLAT_OID_UNKNOWN) { /* 'b | c' read as l's type */
		rs = arena_printf(c->a, "%s(%s)", xlat_net_input(l.oid), rs);
		r.oid = l.oid;
	} else if (xlat_ts_type(r.oid) && l.oid == XLAT_OID_UNKNOWN) {
		ls = arena_printf(c->a, "%s(%s)", xlat_net_input(r.oid), ls);
		l.oid = r.oid;
	}
	bool v = l.oid == XLAT_OID_TSVECTOR && r.oid == XLAT_OID_TSVECTOR;
	bool q = l.oid == XLAT_OID_TSQUERY && r.oid == XLAT_OID_TSQUERY;
	if (!xlat_ts_type(l.oid) && !xlat_ts_type(r.oid))
		return 0;
	if (v && strcmp(op, "||") == 0) {
		xlat_printf(c, "pgfn_ts_concat(%s, %s)", ls, rs);
		*t = (struct xlat_type){XLAT_OID_TSVECTOR, -1};
		return 1;
	}
	int k = strcmp(op, "&&") == 0    ? 1
		: strcmp(op, "||") == 0  ? 2
		: strcmp(op, "<->") == 0 ? 3
					 : 0;
	if (q && k) {
		xlat_printf(c, "pgfn_tsq_op(%s, %s, %d)", ls, rs, k);
		*t = (struct xlat_type){XLAT_OID_TSQUERY, -1};
		return 1;
	}
	if (strcmp(op, "=") == 0 || strcmp(op, "<>") == 0 ||
	    (strchr("<>", op[0]) && (!op[1] || op[1] == '=')))
		return 0; /* compared with xlat_ts_collation's collation */
	return xlat_no_operator(c, op, l.oid, r.oid, location) ? 1 : -1;
}

const char *xlat_ts_collation(uint32_t l, uint32_t r)
{
	return l == XLAT_OID_TSVECTOR || r == XLAT_OID_TSVECTOR ? " COLLATE pgfn_tsvector"
	       : l == XLAT_OID_TSQUERY || r == XLAT_OID_TSQUERY ? " COLLATE pgfn_tsquery"
								: NULL;
}
