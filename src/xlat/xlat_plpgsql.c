/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_plpgsql.c: DO blocks. The body goes through PostgreSQL's own PL/pgSQL parser
 * (pg_query_parse_plpgsql, wrapped as the CREATE FUNCTION it expects), whose JSON tree is
 * loaded into struct xlat_pl_func: the supported statements, each variable's declaration, and
 * every embedded statement and expression with its variables made parameters (xlat_plbind.c).
 * Names are resolved here, block by block, as PostgreSQL compiles the function; what the
 * session cannot run is refused with 0A000 naming the construct before anything runs. */
#include "xlat_int.h"
#include "xlat_plpgsql.h"

#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_SCOPE 1024

struct scope_entry {
	const char *name; /* a variable's name, or a block's label */
	int var;          /* -1 for a label */
};

/* The JSON names every datum in one array; which of them a block declares is not in it, so
 * the body's tokens are scanned for each block's DECLARE section (pre-order, as blocks nest
 * in the text) and datums are matched to declarations in creation order. */
struct loader {
	struct xlat_ctx *c;
	const struct xlat_json *datums;
	struct xlat_pl_var *vars;
	size_t nvars;
	size_t next_datum;     /* the next datum a declaration or loop may claim */
	const int *block_decls; /* per block in text order: its declarations */
	size_t nblocks, next_block;
	bool synthetic_top;    /* libpg_query wrapped a top block that has EXCEPTION */
	struct scope_entry scope[MAX_SCOPE];
	size_t nscope;
};

static bool unsupported(struct loader *l, const char *what)
{
	return pgerr_set(l->c->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			 "%s is not supported in a DO block", what);
}

/* ---- scanning the body for DECLARE sections ---- */

/* Each block's declaration count, in the order its BEGIN appears. */
static bool count_decls(struct loader *l, const char *body)
{
	PgQueryScanResult r = pg_query_scan(body);
	PgQuery__ScanResult *sr =
		r.error ? NULL
			: pg_query__scan_result__unpack(NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
	bool ok = sr != NULL;
	if (ok) {
		int *counts = arena_zalloc(l->c->a, (sr->n_tokens + 1) * sizeof(int));
		size_t n = 0;
		int pending = -1, depth = 0; /* declarations since DECLARE, -1: not in one */
		for (size_t i = 0; i < sr->n_tokens; i++) {
			PgQuery__Token t = sr->tokens[i]->token;
			if (t == PG_QUERY__TOKEN__DECLARE && pending < 0)
				pending = 0;
			else if (t == PG_QUERY__TOKEN__ASCII_40)
				depth++;
			else if (t == PG_QUERY__TOKEN__ASCII_41)
				depth--;
			else if (t == PG_QUERY__TOKEN__ASCII_59 && pending >= 0 && depth == 0)
				pending++;
			else if (t == PG_QUERY__TOKEN__BEGIN_P) {
				counts[n++] = pending < 0 ? 0 : pending;
				pending = -1;
			}
		}
		l->block_decls = counts;
		l->nblocks = n;
		pg_query__scan_result__free_unpacked(sr, NULL);
	}
	pg_query_free_scan_result(r);
	return ok || pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR, "could not scan the DO block");
}

/* ---- variables ---- */

static const struct xlat_json *datum_body(const struct xlat_json *d, const char **kind)
{
	*kind = d && d->type == XJ_OBJECT && d->n == 1 ? d->items[0].key : "";
	return d && d->n == 1 ? &d->items[0] : NULL;
}

/* Rows (INTO and FOR targets) and a simple CASE's hidden variable are not declarations. */
static bool claimable(const struct xlat_json *d)
{
	const char *kind;
	const struct xlat_json *b = datum_body(d, &kind);
	const char *name = xlat_json_str(b, "refname");
	return strcmp(kind, "PLpgSQL_row") != 0 &&
	       !(name && strncmp(name, "__Case__Variable_", 17) == 0);
}

/* The next datum a declaration (or loop variable, or SQLSTATE/SQLERRM) creates. */
static int claim(struct loader *l, const char *name)
{
	while (l->next_datum < l->datums->n && !claimable(&l->datums->items[l->next_datum]))
		l->next_datum++;
	if (l->next_datum >= l->datums->n)
		return -1;
	int v = (int)l->next_datum++;
	if (name && strcmp(l->vars[v].name ? l->vars[v].name : "", name) != 0)
		return -1;
	return v;
}

static void push(struct loader *l, const char *name, int var)
{
	if (l->nscope < MAX_SCOPE && name)
		l->scope[l->nscope++] = (struct scope_entry){name, var};
}

static int lookup(const struct loader *l, const char *name, size_t from)
{
	for (size_t i = from; i-- > 0;)
		if (l->scope[i].var >= 0 && strcmp(l->scope[i].name, name) == 0)
			return l->scope[i].var;
	return -1;
}

/* names[0..n): a variable, a record variable's field, or label.variable. */
static bool resolve(void *arg, const char *const *names, size_t n, struct xlat_pl_ref *ref)
{
	struct loader *l = arg;
	int v = lookup(l, names[0], l->nscope);
	if (v >= 0 && n == 1) {
		ref->var = v;
		return true;
	}
	if (v >= 0 && n == 2 && !l->vars[v].type) {
		*ref = (struct xlat_pl_ref){v, names[1]};
		return true;
	}
	for (size_t i = l->nscope; n == 2 && i-- > 0;) {
		if (l->scope[i].var < 0 && strcmp(l->scope[i].name, names[0]) == 0) {
			int w = lookup(l, names[1], l->nscope);
			if (w >= 0) {
				ref->var = w;
				return true;
			}
		}
	}
	return false;
}

static const struct xlat_pl_expr *bind_sql(struct loader *l, const char *sql)
{
	struct xlat_pl_expr *e = arena_zalloc(l->c->a, sizeof(*e));
	return xlat_plbind(sql, resolve, l, l->c->a, e, l->c->err) ? e : NULL;
}

/* An expression ("x > 0") as the SELECT PostgreSQL evaluates it. */
static const struct xlat_pl_expr *bind_expr(struct loader *l, const struct xlat_json *e)
{
	const char *q = xlat_json_str(xlat_json_get(e, "PLpgSQL_expr"), "query");
	if (!q) {
		pgerr_set(l->c->err, SQLSTATE_INTERNAL_ERROR, "PL/pgSQL expression without text");
		return NULL;
	}
	return bind_sql(l, arena_printf(l->c->a, "SELECT %s", q));
}

static const char *expr_text(const struct xlat_json *e)
{
	return xlat_json_str(xlat_json_get(e, "PLpgSQL_expr"), "query");
}

/* The declared type as written, trailing blanks dropped; NULL for a record. */
static bool var_type(struct loader *l, struct xlat_pl_var *v, const char *kind,
		     const struct xlat_json *b)
{
	const char *t = xlat_json_str(xlat_json_get(xlat_json_get(b, "datatype"), "PLpgSQL_type"),
				      "typname");
	if (strcmp(kind, "PLpgSQL_rec") == 0 || (t && strcasecmp(t, "record") == 0)) {
		v->type = NULL;
		return true;
	}
	if (!t || xlat_json_get(b, "cursor_explicit_expr") || strcasestr(t, "refcursor"))
		return unsupported(l, "a cursor");
	if (strchr(t, '%'))
		return unsupported(l, "%TYPE or %ROWTYPE");
	size_t n = strlen(t);
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\n' || t[n - 1] == '\t'))
		n--;
	v->type = arena_strndup(l->c->a, t, n);
	return true;
}

/* Every datum's name and type; variables libpg_query types "UNKNOWN" get PostgreSQL's. */
static bool load_vars(struct loader *l)
{
	l->nvars = l->datums->n;
	l->vars = arena_zalloc(l->c->a, (l->nvars ? l->nvars : 1) * sizeof(*l->vars));
	for (size_t i = 0; i < l->nvars; i++) {
		const char *kind;
		const struct xlat_json *b = datum_body(&l->datums->items[i], &kind);
		struct xlat_pl_var *v = &l->vars[i];
		if (strcmp(kind, "PLpgSQL_row") == 0)
			continue;
		if (strcmp(kind, "PLpgSQL_var") != 0 && strcmp(kind, "PLpgSQL_rec") != 0)
			return unsupported(l, kind);
		v->name = xlat_json_str(b, "refname");
		v->constant = xlat_json_bool(b, "isconst");
		v->not_null = xlat_json_bool(b, "notnull");
		if (!v->name || !var_type(l, v, kind, b))
			return v->name ? false : unsupported(l, "an unnamed variable");
		if (v->type && strcmp(v->type, "UNKNOWN") == 0)
			v->type = i == 0 ? "boolean"
				  : strcmp(v->name, "sqlstate") == 0 || strcmp(v->name, "sqlerrm") == 0
				  ? "text"
				  : strncmp(v->name, "__Case__Variable_", 17) == 0 ? ""
										 : "integer";
	}
	return true;
}

/* ---- statements ---- */

static bool load_list(struct loader *l, const struct xlat_json *arr, struct xlat_pl_list *out);

/* Variables filled by INTO or a FOR over a query (a row datum's fields). */
static bool load_targets(struct loader *l, const struct xlat_json *t, struct xlat_pl_stmt *st)
{
	const char *kind;
	const struct xlat_json *b = datum_body(t, &kind);
	const struct xlat_json *fields = xlat_json_get(b, "fields");
	if (strcmp(kind, "PLpgSQL_row") != 0 || !fields || fields->type != XJ_ARRAY)
		return unsupported(l, "this INTO or FOR target");
	int *v = arena_zalloc(l->c->a, (fields->n ? fields->n : 1) * sizeof(int));
	for (size_t i = 0; i < fields->n; i++) {
		v[i] = xlat_json_int(&fields->items[i], "varno", -1);
		if (v[i] < 0 || (size_t)v[i] >= l->nvars || !l->vars[v[i]].name)
			return unsupported(l, "this INTO or FOR target");
		if (!l->vars[v[i]].type && fields->n > 1)
			return unsupported(l, "a record among several INTO targets");
	}
	st->targets = v;
	st->ntargets = fields->n;
	return true;
}

static bool load_exprs(struct loader *l, const struct xlat_json *arr,
		       const struct xlat_pl_expr *const **out, size_t *n)
{
	size_t k = arr && arr->type == XJ_ARRAY ? arr->n : 0;
	const struct xlat_pl_expr **v = arena_zalloc(l->c->a, (k ? k : 1) * sizeof(*v));
	for (size_t i = 0; i < k; i++)
		if (!(v[i] = bind_expr(l, &arr->items[i])))
			return false;
	*out = v;
	*n = k;
	return true;
}

/* A condition name or SQLSTATE of EXCEPTION WHEN or RAISE: its SQLSTATEs. */
static size_t condition(struct loader *l, const char *name, const char **codes, size_t max)
{
	size_t n = xlat_plerr_lookup(name, codes, max);
	if (n)
		return n;
	if (strlen(name) == 5 && strspn(name, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 5) {
		codes[0] = name;
		return 1;
	}
	pgerr_set(l->c->err, SQLSTATE_UNDEFINED_OBJECT, "unrecognized exception condition \"%s\"",
		  name);
	return 0;
}

static bool load_handler(struct loader *l, const struct xlat_json *h, struct xlat_pl_handler *out)
{
	const struct xlat_json *e = xlat_json_get(h, "PLpgSQL_exception");
	const struct xlat_json *conds = xlat_json_get(e, "conditions");
	size_t n = conds && conds->type == XJ_ARRAY ? conds->n : 0;
	const char **codes = arena_zalloc(l->c->a, (2 * n + 1) * sizeof(*codes));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name =
			xlat_json_str(xlat_json_get(&conds->items[i], "PLpgSQL_condition"), "condname");
		if (name && strcmp(name, "others") == 0) {
			out->others = true;
			continue;
		}
		size_t got = name ? condition(l, name, codes + k, 2) : 0;
		if (!got)
			return false;
		k += got;
	}
	out->codes = codes;
	out->ncodes = k;
	return load_list(l, xlat_json_get(e, "action"), &out->body);
}

/* A block: its declarations (in scope for its body and handlers), body, handlers. */
static bool load_block(struct loader *l, const struct xlat_json *b, struct xlat_pl_stmt *st,
		       bool synthetic)
{
	size_t mark = l->nscope;
	push(l, st->label, -1);
	size_t k = 0;
	if (!synthetic) {
		if (l->next_block >= l->nblocks)
			return unsupported(l, "this block structure");
		k = (size_t)l->block_decls[l->next_block++];
	}
	int *decls = arena_zalloc(l->c->a, (k ? k : 1) * sizeof(int));
	for (size_t i = 0; i < k; i++) {
		if ((decls[i] = claim(l, NULL)) < 0)
			return unsupported(l, "this DECLARE section");
		struct xlat_pl_var *v = &l->vars[decls[i]];
		const char *kind;
		const char *init = expr_text(
			xlat_json_get(datum_body(&l->datums->items[decls[i]], &kind), "default_val"));
		if (init && !(v->init = bind_sql(l, arena_printf(l->c->a, "SELECT %s", init))))
			return false;
		push(l, v->name, decls[i]);
	}
	st->decls = decls;
	st->ndecls = k;
	if (!load_list(l, xlat_json_get(b, "body"), &st->body))
		return false;
	const struct xlat_json *ex =
		xlat_json_get(xlat_json_get(b, "exceptions"), "PLpgSQL_exception_block");
	const struct xlat_json *list = xlat_json_get(ex, "exc_list");
	if (list && list->type == XJ_ARRAY && list->n) {
		st->sqlstate_var = claim(l, "sqlstate");
		st->sqlerrm_var = claim(l, "sqlerrm");
		if (st->sqlstate_var < 0 || st->sqlerrm_var < 0)
			return unsupported(l, "this EXCEPTION section");
		push(l, "sqlstate", st->sqlstate_var);
		push(l, "sqlerrm", st->sqlerrm_var);
		struct xlat_pl_handler *h = arena_zalloc(l->c->a, list->n * sizeof(*h));
		for (size_t i = 0; i < list->n; i++)
			if (!load_handler(l, &list->items[i], &h[i]))
				return false;
		st->handlers = h;
		st->nhandlers = list->n;
	}
	l->nscope = mark;
	return true;
}

/* var := expr: PostgreSQL 15 keeps "target := expr" as the expression's text. */
static bool load_assign(struct loader *l, const struct xlat_json *b, struct xlat_pl_stmt *st)
{
	const char *q = expr_text(xlat_json_get(b, "expr"));
	st->var = xlat_json_int(b, "varno", -1);
	if (!q || st->var < 0 || (size_t)st->var >= l->nvars || !l->vars[st->var].name)
		return unsupported(l, "this assignment");
	const char *p = q;
	while (*p && !strchr(":=[.", *p))
		p++;
	if (*p == '[')
		return unsupported(l, "assigning to an array element");
	if (*p == '.' || !l->vars[st->var].type)
		return unsupported(l, "assigning to a record or its field");
	p += *p == ':' ? 2 : 1;
	return (st->expr = bind_sql(l, arena_printf(l->c->a, "SELECT %s", p))) != NULL;
}

static bool load_if(struct loader *l, const struct xlat_json *b, struct xlat_pl_stmt *st)
{
	const struct xlat_json *elsif = xlat_json_get(b, "elsif_list");
	size_t n = 1 + (elsif && elsif->type == XJ_ARRAY ? elsif->n : 0);
	const struct xlat_pl_expr **conds = arena_zalloc(l->c->a, n * sizeof(*conds));
	struct xlat_pl_list *arms = arena_zalloc(l->c->a, n * sizeof(*arms));
	if (!(conds[0] = bind_expr(l, xlat_json_get(b, "cond"))) ||
	    !load_list(l, xlat_json_get(b, "then_body"), &arms[0]))
		return false;
	for (size_t i = 1; i < n; i++) {
		const struct xlat_json *e = xlat_json_get(&elsif->items[i - 1], "PLpgSQL_if_elsif");
		if (!(conds[i] = bind_expr(l, xlat_json_get(e, "cond"))) ||
		    !load_list(l, xlat_json_get(e, "stmts"), &arms[i]))
			return false;
	}
	st->conds = conds;
	st->arms = arms;
	st->narms = n;
	st->has_else = true;
	return load_list(l, xlat_json_get(b, "else_body"), &st->else_body);
}

/* CASE [expr] WHEN ... : an IF chain; a simple CASE first stores expr in the hidden
 * variable its WHEN expressions compare with. */
static bool load_case(struct loader *l, const struct xlat_json *b, struct xlat_pl_stmt *st,
		      struct xlat_pl_list *prelude)
{
	const struct xlat_json *whens = xlat_json_get(b, "case_when_list");
	size_t n = whens && whens->type == XJ_ARRAY ? whens->n : 0;
	size_t mark = l->nscope;
	if (xlat_json_get(b, "t_expr")) {
		struct xlat_pl_stmt *set = arena_zalloc(l->c->a, sizeof(*set));
		set->kind = XLAT_PL_ASSIGN;
		set->line = st->line;
		set->var = xlat_json_int(b, "t_varno", -1);
		if (set->var < 0 || (size_t)set->var >= l->nvars || !l->vars[set->var].name ||
		    !(set->expr = bind_expr(l, xlat_json_get(b, "t_expr"))))
			return pgerr_is_set(l->c->err) ? false : unsupported(l, "this CASE");
		push(l, l->vars[set->var].name, set->var);
		*prelude = (struct xlat_pl_list){set, 1};
	}
	const struct xlat_pl_expr **conds = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*conds));
	struct xlat_pl_list *arms = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*arms));
	for (size_t i = 0; i < n; i++) {
		const struct xlat_json *w = xlat_json_get(&whens->items[i], "PLpgSQL_case_when");
		if (!(conds[i] = bind_expr(l, xlat_json_get(w, "expr"))) ||
		    !load_list(l, xlat_json_get(w, "stmts"), &arms[i]))
			return false;
	}
	l->nscope = mark;
	st->kind = XLAT_PL_IF;
	st->conds = conds;
	st->arms = arms;
	st->narms = n;
	st->case_stmt = true;
	st->has_else = xlat_json_bool(b, "have_else");
	return load_list(l, xlat_json_get(b, "else_stmts"), &st->else_body);
}

/* The loop statements; a loop's label is in scope for EXIT/CONTINUE and names. */
static bool load_loop(struct loader *l, const struct xlat_json *b, struct xlat_pl_stmt *st,
		      const char *kind)
{
	size_t mark = l->nscope;
	push(l, st->label, -1);
	bool ok = true;
	if (strcmp(kind, "PLpgSQL_stmt_while") == 0) {
		st->kind = XLAT_PL_WHILE;
		ok = (st->expr = bind_expr(l, xlat_json_get(b, "cond"))) != NULL;
	} else if (strcmp(kind, "PLpgSQL_stmt_fori") == 0) {
		st->kind = XLAT_PL_FORI;
		st->reverse = xlat_json_bool(b, "reverse");
		const char *name =
			xlat_json_str(xlat_json_get(xlat_json_get(b, "var"), "PLpgSQL_var"), "refname");
		ok = (st->expr = bind_expr(l, xlat_json_get(b, "lower"))) &&
		     (st->upper = bind_expr(l, xlat_json_get(b, "upper"))) &&
		     (!xlat_json_get(b, "step") || (st->step = bind_expr(l, xlat_json_get(b, "step"))));
		if (ok && (!name || (st->var = claim(l, name)) < 0))
			ok = unsupported(l, "this FOR loop");
		if (ok)
			push(l, name, st->var);
	} else if (strcmp(kind, "PLpgSQL_stmt_loop") != 0) { /* fors, dynfors */
		st->kind = XLAT_PL_FORS;
		st->dynamic = strcmp(kind, "PLpgSQL_stmt_dynfors") == 0;
		ok = load_targets(l, xlat_json_get(b, "var"), st) &&
		     (st->expr = st->dynamic ? bind_expr(l, xlat_json_get(b, "query"))
					     : bind_sql(l, expr_text(xlat_json_get(b, "query")))) &&
		     load_exprs(l, xlat_json_get(b, "params"), &st->params, &st->nparams);
	}
	ok = ok && load_list(l, xlat_json_get(b, "body"), &st->body);
	l->nscope = mark;
	return ok;
}

static bool load_sql(struct loader *l, const struct xlat_json *b, struct xlat_pl_stmt *st,
		     bool dynamic)
{
	st->into = xlat_json_bool(b, "into");
	st->strict = xlat_json_bool(b, "strict");
	if (st->into && !load_targets(l, xlat_json_get(b, "target"), st))
		return false;
	if (!dynamic)
		return (st->expr = bind_sql(l, expr_text(xlat_json_get(b, "sqlstmt")))) != NULL;
	return (st->expr = bind_expr(l, xlat_json_get(b, "query"))) &&
	       load_exprs(l, xlat_json_get(b, "params"), &st->params, &st->nparams);
}

/* '%' placeholders in a RAISE format ('%%' is a literal percent sign). */
static size_t placeholders(const char *fmt)
{
	size_t n = 0;
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == '%')
			p++;
		else if (*p == '%')
			n++;
	}
	return n;
}

static bool load_raise(struct loader *l, const struct xlat_json *b, struct xlat_pl_stmt *st)
{
	int elog = xlat_json_int(b, "elog_level", 21);
	st->level = elog >= 21 ? 5 : elog >= 19 ? 4 : elog >= 18 ? 3 : elog >= 17 ? 2 : elog >= 15 ? 1 : 0;
	st->message = xlat_json_str(b, "message");
	const char *cond = xlat_json_str(b, "condname");
	const char *codes[2];
	if (cond && !condition(l, cond, codes, 2))
		return false;
	st->sqlstate = cond; /* as written: without a message it is the message */
	if (!load_exprs(l, xlat_json_get(b, "params"), &st->params, &st->nparams))
		return false;
	size_t want = st->message ? placeholders(st->message) : 0;
	if (want != st->nparams)
		return pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR, "too %s parameters specified for RAISE",
				 want > st->nparams ? "few" : "many");
	const struct xlat_json *opts = xlat_json_get(b, "options");
	size_t n = opts && opts->type == XJ_ARRAY ? opts->n : 0;
	enum xlat_pl_raise_opt *kinds = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*kinds));
	const struct xlat_pl_expr **exprs = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*exprs));
	for (size_t i = 0; i < n; i++) {
		const struct xlat_json *o = xlat_json_get(&opts->items[i], "PLpgSQL_raise_option");
		int t = xlat_json_int(o, "opt_type", -1);
		if (t < 0 || t > XLAT_PL_RAISE_HINT)
			return unsupported(l, "RAISE USING COLUMN, CONSTRAINT, DATATYPE, TABLE or SCHEMA");
		kinds[i] = (enum xlat_pl_raise_opt)t;
		if (!(exprs[i] = bind_expr(l, xlat_json_get(o, "expr"))))
			return false;
	}
	st->opt_kinds = kinds;
	st->opt_exprs = exprs;
	st->nopts = n;
	st->reraise = !st->message && !cond && !n;
	return true;
}

static bool load_getdiag(struct loader *l, const struct xlat_json *b, struct xlat_pl_stmt *st)
{
	static const char *const names[] = {"ROW_COUNT", "RETURNED_SQLSTATE", "MESSAGE_TEXT",
					    "PG_EXCEPTION_DETAIL", "PG_EXCEPTION_HINT",
					    "PG_EXCEPTION_CONTEXT"};
	const struct xlat_json *items = xlat_json_get(b, "diag_items");
	size_t n = items && items->type == XJ_ARRAY ? items->n : 0;
	enum xlat_pl_diag *kinds = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*kinds));
	int *vars = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*vars));
	st->stacked = xlat_json_bool(b, "is_stacked");
	for (size_t i = 0; i < n; i++) {
		const struct xlat_json *it = xlat_json_get(&items->items[i], "PLpgSQL_diag_item");
		const char *kind = xlat_json_str(it, "kind");
		size_t k = 0;
		while (kind && k < ARRAY_LEN(names) && strcmp(kind, names[k]) != 0)
			k++;
		if (!kind || k == ARRAY_LEN(names) || (k == 0) == st->stacked)
			return unsupported(l, arena_printf(l->c->a, "GET DIAGNOSTICS %s",
							   kind ? kind : "?"));
		kinds[i] = (enum xlat_pl_diag)k;
		vars[i] = xlat_json_int(it, "target", -1);
		if (vars[i] < 0 || (size_t)vars[i] >= l->nvars || !l->vars[vars[i]].type)
			return unsupported(l, "this GET DIAGNOSTICS target");
	}
	st->diag_kinds = kinds;
	st->diag_vars = vars;
	st->ndiags = n;
	return true;
}

/* What PostgreSQL calls the statements this loader refuses. */
static const char *refused_name(const char *kind)
{
	static const char *const names[][2] = {
		{"PLpgSQL_stmt_foreach_a", "FOREACH"}, {"PLpgSQL_stmt_forc", "FOR over a cursor"},
		{"PLpgSQL_stmt_return_next", "RETURN NEXT"},
		{"PLpgSQL_stmt_return_query", "RETURN QUERY"}, {"PLpgSQL_stmt_open", "OPEN"},
		{"PLpgSQL_stmt_fetch", "FETCH"}, {"PLpgSQL_stmt_close", "CLOSE"},
		{"PLpgSQL_stmt_call", "CALL"}, {"PLpgSQL_stmt_commit", "COMMIT"},
		{"PLpgSQL_stmt_rollback", "ROLLBACK"}};
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (strcmp(kind, names[i][0]) == 0)
			return names[i][1];
	return kind;
}

/* One statement: a switch over its kind by name. */
static bool load_stmt(struct loader *l, const struct xlat_json *j, struct xlat_pl_stmt *st)
{
	const char *kind;
	const struct xlat_json *b = datum_body(j, &kind);
	st->line = xlat_json_int(b, "lineno", 0);
	st->label = xlat_json_str(b, "label");
	if (strcmp(kind, "PLpgSQL_stmt_block") == 0) {
		st->kind = XLAT_PL_BLOCK;
		return load_block(l, b, st, false);
	}
	if (strcmp(kind, "PLpgSQL_stmt_assign") == 0) {
		st->kind = XLAT_PL_ASSIGN;
		return load_assign(l, b, st);
	}
	if (strcmp(kind, "PLpgSQL_stmt_if") == 0) {
		st->kind = XLAT_PL_IF;
		return load_if(l, b, st);
	}
	if (strcmp(kind, "PLpgSQL_stmt_case") == 0) {
		struct xlat_pl_list prelude = {NULL, 0};
		struct xlat_pl_stmt *ifst = arena_zalloc(l->c->a, sizeof(*ifst));
		ifst->line = st->line;
		if (!load_case(l, b, ifst, &prelude))
			return false;
		if (!prelude.n) {
			*st = *ifst;
			return true;
		}
		struct xlat_pl_stmt *body = arena_zalloc(l->c->a, 2 * sizeof(*body));
		body[0] = prelude.v[0];
		body[1] = *ifst;
		st->kind = XLAT_PL_BLOCK; /* no declarations, no handlers: a sequence */
		st->body = (struct xlat_pl_list){body, 2};
		return true;
	}
	if (strcmp(kind, "PLpgSQL_stmt_loop") == 0 || strcmp(kind, "PLpgSQL_stmt_while") == 0 ||
	    strcmp(kind, "PLpgSQL_stmt_fori") == 0 || strcmp(kind, "PLpgSQL_stmt_fors") == 0 ||
	    strcmp(kind, "PLpgSQL_stmt_dynfors") == 0) {
		st->kind = XLAT_PL_LOOP;
		return load_loop(l, b, st, kind);
	}
	if (strcmp(kind, "PLpgSQL_stmt_exit") == 0) {
		st->kind = XLAT_PL_EXIT;
		st->is_exit = xlat_json_bool(b, "is_exit");
		return !xlat_json_get(b, "cond") ||
		       (st->expr = bind_expr(l, xlat_json_get(b, "cond"))) != NULL;
	}
	if (strcmp(kind, "PLpgSQL_stmt_execsql") == 0 ||
	    strcmp(kind, "PLpgSQL_stmt_dynexecute") == 0) {
		st->kind = kind[13] == 'e' ? XLAT_PL_SQL : XLAT_PL_DYNEXEC;
		return load_sql(l, b, st, st->kind == XLAT_PL_DYNEXEC);
	}
	if (strcmp(kind, "PLpgSQL_stmt_perform") == 0) {
		st->kind = XLAT_PL_PERFORM;
		return (st->expr = bind_sql(l, expr_text(xlat_json_get(b, "expr")))) != NULL;
	}
	if (strcmp(kind, "PLpgSQL_stmt_raise") == 0) {
		st->kind = XLAT_PL_RAISE;
		return load_raise(l, b, st);
	}
	if (strcmp(kind, "PLpgSQL_stmt_getdiag") == 0) {
		st->kind = XLAT_PL_GETDIAG;
		return load_getdiag(l, b, st);
	}
	if (strcmp(kind, "PLpgSQL_stmt_return") == 0) {
		st->kind = XLAT_PL_RETURN;
		return !xlat_json_get(b, "expr") || unsupported(l, "RETURN with a value");
	}
	if (strcmp(kind, "PLpgSQL_stmt_assert") == 0) {
		st->kind = XLAT_PL_ASSERT;
		if (!(st->expr = bind_expr(l, xlat_json_get(b, "cond"))))
			return false;
		if (!xlat_json_get(b, "message"))
			return true;
		const struct xlat_pl_expr **msg = arena_zalloc(l->c->a, sizeof(*msg));
		st->params = msg;
		st->nparams = 1;
		return (msg[0] = bind_expr(l, xlat_json_get(b, "message"))) != NULL;
	}
	return unsupported(l, refused_name(kind));
}

static bool load_list(struct loader *l, const struct xlat_json *arr, struct xlat_pl_list *out)
{
	size_t n = arr && arr->type == XJ_ARRAY ? arr->n : 0;
	struct xlat_pl_stmt *v = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++)
		if (!xlat_enter(l->c) || !load_stmt(l, &arr->items[i], &v[i]))
			return false;
		else
			l->c->depth--;
	*out = (struct xlat_pl_list){v, n};
	return true;
}

/* ---- the DO statement ---- */

static size_t count_blocks(const struct xlat_json *v)
{
	size_t n = 0;
	for (size_t i = 0; v && (v->type == XJ_OBJECT || v->type == XJ_ARRAY) && i < v->n; i++) {
		const struct xlat_json *it = &v->items[i];
		n += it->key && strcmp(it->key, "PLpgSQL_stmt_block") == 0;
		n += count_blocks(it);
	}
	return n;
}

/* The function the JSON describes into *f. */
static bool load_func(struct xlat_ctx *c, const char *body, const char *json,
		      struct xlat_pl_func *f)
{
	struct loader *l = arena_zalloc(c->a, sizeof(*l));
	l->c = c;
	const struct xlat_json *root = xlat_json_parse(c->a, json);
	const struct xlat_json *fn =
		root && root->type == XJ_ARRAY && root->n == 1
			? xlat_json_get(&root->items[0], "PLpgSQL_function")
			: NULL;
	const struct xlat_json *action = xlat_json_get(xlat_json_get(fn, "action"),
						       "PLpgSQL_stmt_block");
	l->datums = xlat_json_get(fn, "datums");
	if (!action || !l->datums || l->datums->type != XJ_ARRAY || !l->datums->n)
		return pgerr_set(c->err, SQLSTATE_INTERNAL_ERROR, "unexpected PL/pgSQL parse tree");
	if (!count_decls(l, body) || !load_vars(l))
		return false;
	l->next_datum = 1; /* FOUND */
	push(l, "found", 0);
	l->synthetic_top = count_blocks(fn) == l->nblocks + 1;
	f->top.kind = XLAT_PL_BLOCK;
	f->top.label = xlat_json_str(action, "label");
	f->top.line = xlat_json_int(action, "lineno", 0);
	if (!load_block(l, action, &f->top, l->synthetic_top))
		return false;
	f->vars = l->vars;
	f->nvars = l->nvars;
	return true;
}

/* A dollar-quote tag the body does not contain. */
static const char *quote_tag(struct xlat_ctx *c, const char *body)
{
	const char *tag = "$shardlite_do$";
	for (int i = 1; strstr(body, tag); i++)
		tag = arena_printf(c->a, "$shardlite_do%d$", i);
	return tag;
}

static bool parse_body(struct xlat_ctx *c, const char *body, struct xlat_pl_func *f)
{
	const char *tag = quote_tag(c, body);
	const char *fn = arena_printf(c->a,
				      "CREATE FUNCTION inline_code_block() RETURNS void LANGUAGE "
				      "plpgsql AS %s%s%s",
				      tag, body, tag);
	PgQueryPlpgsqlParseResult r = pg_query_parse_plpgsql(fn);
	bool ok;
	if (r.error) {
		ok = pgerr_set(c->err, SQLSTATE_SYNTAX_ERROR, "%s",
			       r.error->message ? r.error->message : "syntax error");
		if (r.error->context)
			snprintf(c->err->context, sizeof(c->err->context), "%s", r.error->context);
	} else {
		ok = load_func(c, body, r.plpgsql_funcs ? r.plpgsql_funcs : "", f);
	}
	pg_query_free_plpgsql_parse_result(r);
	return ok;
}

bool xlat_stmt_do(struct xlat_ctx *c, const PgQuery__DoStmt *d)
{
	const char *body = NULL, *lang = "plpgsql";
	for (size_t i = 0; i < d->n_args; i++) {
		const PgQuery__Node *n = d->args[i];
		if (n->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
			continue;
		const char *v = xlat_node_str(n->def_elem->arg);
		if (strcmp(n->def_elem->defname, "as") == 0)
			body = v;
		else if (strcmp(n->def_elem->defname, "language") == 0 && v)
			lang = v;
	}
	if (strcmp(lang, "plpgsql") != 0) {
		if (strcmp(lang, "sql") == 0 || strcmp(lang, "c") == 0 ||
		    strcmp(lang, "internal") == 0)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					 "language \"%s\" does not support inline code execution",
					 lang);
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1, "language \"%s\" does not exist",
				 lang);
	}
	if (!body)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1, "no inline code specified");
	struct xlat_pl_func *f = arena_zalloc(c->a, sizeof(*f));
	if (!parse_body(c, body, f))
		return false;
	c->st->kind = XLAT_DO;
	c->st->tag = "DO";
	c->st->is_ddl = true; /* whatever it runs, later statements read the schema again */
	c->st->plpgsql = f;
	return true;
}
