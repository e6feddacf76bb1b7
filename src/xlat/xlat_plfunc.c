/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_plfunc.c: the bodies of the tenant's functions (CREATE FUNCTION) loaded for the
 * session's interpreter — a PL/pgSQL body through the DO loader (xlat_plpgsql.c) with the
 * arguments as its first variables and a result variable, a LANGUAGE sql body as a block of
 * its statements — and a trigger's WHEN condition over NEW and OLD. */
#include "xlat_plpgsql.h"
#include "xlat_int.h"

#include "pgtype.h"

#include <pg_query.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Whether PostgreSQL would inline body (inline_function): its value is passed on only then
 * (fmgr_sql answers NULL for void). One SELECT of one expression and nothing else, of a
 * function that is not SECURITY DEFINER. */
static bool inlinable(const struct xlat_udf *u)
{
	PgQuery__ParseResult *tree = xlat_parse_tree(u->body, NULL);
	const PgQuery__Node *n = tree && tree->n_stmts == 1 ? tree->stmts[0]->stmt : NULL;
	const PgQuery__SelectStmt *q =
		n && n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT ? n->select_stmt : NULL;
	bool yes = !u->secdef && q && q->n_target_list == 1 && !q->into_clause &&
		   !q->n_from_clause && !q->where_clause && !q->n_group_clause &&
		   !q->having_clause && !q->n_window_clause && !q->n_distinct_clause &&
		   !q->n_sort_clause && !q->limit_offset && !q->limit_count && !q->with_clause &&
		   !q->n_values_lists && !q->larg && !q->n_locking_clause;
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
	return yes;
}

/* Whether the body's last statement e (its variables as $k) is a query of one column of type
 * void: translated aside with the arguments' types, as the session would run it. */
static bool void_query(struct xlat_plloader *l, const struct xlat_udf *u,
		       const struct xlat_pl_expr *e)
{
	if (!e || !u->argtypes || !inlinable(u))
		return false;
	/* PostgreSQL passes the value on only by inlining the body, which a STRICT function
	 * allows only when the body reads every argument (inline_function) */
	for (size_t i = 0; u->strict && i < u->nargs; i++) {
		bool used = false;
		for (int k = 0; k < e->nrefs && !used; k++)
			used = !e->refs[k].field && e->refs[k].var == (int)i;
		if (!used)
			return false;
	}
	uint32_t *types = arena_zalloc(l->c->a, ((size_t)e->nrefs + 1) * sizeof(*types));
	for (int i = 0; i < e->nrefs; i++)
		types[i] = !e->refs[i].field && e->refs[i].var >= 0 && (size_t)e->refs[i].var < u->nargs
				   ? u->argtypes[e->refs[i].var]
				   : 0;
	struct xlat_env env = {.schema = l->c->schema};
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr err;
	pgerr_clear(&err);
	return xlat_translate_in(&env, e->sql, types, e->nrefs, l->c->a, &v, &n, &err) && n == 1 &&
	       v[0].ncols == 1 && v[0].cols[0].type_oid == PGTYPE_VOID;
}

/* The statements of a LANGUAGE sql body as a block: each runs with the arguments bound (by
 * name or $n), the last one's first row is the result (run for nothing in a void function). */
static bool load_sql_body(struct xlat_plloader *l, const struct xlat_udf *u,
			  struct xlat_pl_func *f)
{
	struct arena *a = l->c->a;
	struct xlat_pl_var *vars = arena_zalloc(a, (u->nargs + 1) * sizeof(*vars));
	for (size_t i = 0; i < u->nargs; i++)
		vars[i] = (struct xlat_pl_var){
			.name = u->argnames[i][0] ? u->argnames[i] : arena_printf(a, "$%zu", i + 1),
			.type = u->argdecls[i]};
	for (size_t i = 0; i < u->nargs; i++)
		xlat_plrec_named_row(l, &vars[i]); /* a row type's parameter: a record of it */
	vars[u->nargs] = (struct xlat_pl_var){.name = "found", .type = "boolean"};
	l->vars = vars;
	l->nvars = u->nargs + 1;
	/* f.arg names an argument by the function's name (without its schema's "s." prefix,
	 * xlat_localnsp.c), as in PostgreSQL */
	const char *dot = strchr(u->name, '.'); /* a schema's name has no dot */
	xlat_plload_push(l, dot ? dot + 1 : u->name, -1);
	xlat_plload_args(l);
	PgQuerySplitResult r = pg_query_split_with_parser(u->body);
	bool ok = !r.error;
	if (!ok)
		pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR, "%s", r.error->message);
	struct xlat_pl_stmt *v = arena_zalloc(a, ((size_t)r.n_stmts + 1) * sizeof(*v));
	for (int i = 0; ok && i < r.n_stmts; i++) {
		const char *sql = arena_strndup(a, u->body + r.stmts[i]->stmt_location,
						(size_t)r.stmts[i]->stmt_len);
		bool last = i == r.n_stmts - 1 && u->rettype != PGTYPE_VOID;
		enum xlat_pl_kind kind = !last		? XLAT_PL_PERFORM
					 : u->retset ? XLAT_PL_RETURN_QUERY
						     : XLAT_PL_RETURN;
		v[i] = (struct xlat_pl_stmt){.kind = kind,
					     .line = i + 1}; /* "SQL function f statement n" */
		ok = (v[i].expr = xlat_plload_sql(l, sql)) != NULL;
	}
	f->top = (struct xlat_pl_stmt){.kind = XLAT_PL_BLOCK,
				       .body = {v, ok ? (size_t)r.n_stmts : 0}};
	pg_query_free_split_result(r);
	f->vars = l->vars;
	f->nvars = l->nvars;
	f->nargs = u->nargs;
	f->found_var = (int)u->nargs;
	f->sql_body = true;
	/* PostgreSQL's value of a void LANGUAGE sql function is void's empty text only when its
	 * last statement is a query of one void column (SELECT of a void function), else NULL */
	f->void_null = u->rettype == PGTYPE_VOID &&
		       (!xlat_sql_body_returns(u->body) || !ok || !r.n_stmts ||
			!void_query(l, u, v[r.n_stmts - 1].expr));
	/* ... whose value (that NULL, or the empty text) is the function's */
	if (ok && u->rettype == PGTYPE_VOID && !f->void_null)
		v[r.n_stmts - 1].kind = XLAT_PL_RETURN;
	return ok;
}

static const char *display_name(struct arena *a, const struct xlat_udf *u)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s(", u->name);
	for (size_t i = 0; i < u->nargs; i++) /* format_procedure's: no blank after a comma */
		strbuf_printf(&sb, "%s%s", i ? "," : "", u->argdecls[i]);
	strbuf_puts(&sb, ")");
	const char *out = arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* RETURN's value lives in a variable of the result type, the last one. */
static void add_result_var(struct arena *a, struct xlat_pl_func *f, const char *decl)
{
	struct xlat_pl_var *v = arena_zalloc(a, (f->nvars + 1) * sizeof(*v));
	if (f->nvars)
		memcpy(v, f->vars, f->nvars * sizeof(*v));
	v[f->nvars] = (struct xlat_pl_var){.name = "$result", .type = decl};
	f->result_var = (int)f->nvars;
	f->vars = v;
	f->nvars++;
}

/* u's strings copied into a: the compiled function must not point into the caller's schema
 * snapshot, which DDL run by the body may replace while it runs. */
static const struct xlat_udf *copy_udf(struct arena *a, const struct xlat_udf *u)
{
	struct xlat_udf *c = arena_alloc(a, sizeof(*c));
	*c = *u;
	const char **names = arena_zalloc(a, (u->nargs + 1) * sizeof(char *));
	const char **decls = arena_zalloc(a, (u->nargs + 1) * sizeof(char *));
	for (size_t i = 0; i < u->nargs; i++) {
		names[i] = arena_strdup(a, u->argnames[i]);
		decls[i] = arena_strdup(a, u->argdecls[i]);
	}
	c->argnames = names;
	c->argdecls = decls;
	c->name = arena_strdup(a, u->name);
	c->sig = arena_strdup(a, u->sig);
	c->retdecl = arena_strdup(a, u->retdecl);
	c->lang = arena_strdup(a, u->lang);
	c->body = arena_strdup(a, u->body);
	uint32_t *types = u->argtypes ? arena_zalloc(a, (u->nargs + 1) * sizeof(*types)) : NULL;
	if (types && u->nargs)
		memcpy(types, u->argtypes, u->nargs * sizeof(*types));
	c->argtypes = types; /* a void LANGUAGE sql body's last query is typed with them */
	c->defaults = NULL; /* not used by the loader */
	c->ndefaults = 0;
	c->outnames = c->outdecls = NULL; /* the session keeps its own copy of the columns */
	c->outtypes = NULL;
	c->modes = NULL;
	c->allnames = c->alldecls = NULL;
	c->alltypes = NULL;
	return c;
}

/* A function with OUT parameters as its body sees it: every parameter a variable; a PL/pgSQL
 * body returns nothing (its OUT variables are the result), a LANGUAGE sql one its last
 * statement's value, or row for several. */
static const struct xlat_udf *with_outs(struct arena *a, const struct xlat_udf *u)
{
	struct xlat_udf *v = arena_alloc(a, sizeof(*v));
	*v = *u;
	v->nargs = u->nparams;
	v->argnames = u->allnames;
	v->argdecls = u->alldecls;
	if (strcmp(u->lang, "sql") != 0) {
		v->rettype = PGTYPE_VOID;
		v->retdecl = "void";
	} else if (u->nouts == 1) { /* a procedure's one INOUT: its type (prorettype record) */
		v->rettype = u->outtypes[0];
		v->retdecl = u->outdecls[0];
	}
	/* RETURNS SETOF with OUT parameters: RETURN NEXT adds their values (out_vars) */
	v->retset = u->retset || (v->rettype != PGTYPE_VOID && u->nouts > 1);
	return v;
}

/* A PL/pgSQL function RETURNS TABLE as its body sees it: the columns are variables after the
 * inputs (PostgreSQL's TABLE-mode parameters), NULL when the call starts. */
static const struct xlat_udf *with_table(struct arena *a, const struct xlat_udf *u)
{
	struct xlat_udf *v = arena_alloc(a, sizeof(*v));
	*v = *u;
	const char **names = arena_zalloc(a, (u->nargs + u->nouts + 1) * sizeof(char *));
	const char **decls = arena_zalloc(a, (u->nargs + u->nouts + 1) * sizeof(char *));
	for (size_t i = 0; i < u->nargs + u->nouts; i++) {
		names[i] = i < u->nargs ? u->argnames[i] : u->outnames[i - u->nargs];
		decls[i] = i < u->nargs ? u->argdecls[i] : u->outdecls[i - u->nargs];
	}
	v->argnames = names;
	v->argdecls = decls;
	v->nargs = u->nargs + u->nouts;
	return v;
}

bool xlat_udf_compile(const struct xlat_udf *u, const struct xlat_schema *schema, struct arena *a,
		      const struct xlat_pl_func **out, struct pgerr *err)
{
	bool outs = u->modes != NULL;
	const char *modes = u->modes; /* copy_udf leaves them out */
	size_t nparams = u->nparams;
	bool table = !outs && u->retset && u->nouts && strcmp(u->lang, "sql") != 0;
	const char *shown = display_name(a, u); /* the inputs only, as format_procedure */
	int *in_number = NULL;                  /* a LANGUAGE sql body's $n count the inputs only */
	if (outs && strcmp(u->lang, "sql") == 0) {
		in_number = arena_zalloc(a, (u->nparams + 1) * sizeof(int));
		for (size_t i = 0, k = 0; i < u->nparams; i++)
			in_number[i] = u->modes[i] == 'o' ? 0 : (int)++k;
	}
	size_t table_first = u->nargs;
	if (table)
		u = with_table(a, u);
	bool one_record = xlat_udf_coldefs(u) && !u->retset;
	if (xlat_udf_coldefs(u) && !u->retset) { /* LANGUAGE sql: its last query's first row */
		struct xlat_udf *v = arena_alloc(a, sizeof(*v));
		*v = *u;
		v->retset = true;
		u = v;
	}
	u = copy_udf(a, outs ? with_outs(a, u) : u);
	struct xlat_ctx *c = arena_zalloc(a, sizeof(*c));
	c->a = a;
	c->err = err;
	c->schema = schema;
	struct xlat_pl_func *f = arena_zalloc(a, sizeof(*f));
	struct xlat_plloader *l = arena_zalloc(a, sizeof(*l));
	l->c = c;
	l->nargs = u->nargs;
	l->argdecls = u->argdecls;
	l->argnames = u->argnames;
	l->returns_void = u->rettype == PGTYPE_VOID;
	l->trigger = u->rettype == XLAT_OID_TRIGGER;
	l->retset = u->retset;
	l->has_outs = outs || (u->retset && u->nouts); /* RETURNS TABLE's columns too */
	l->one_record = one_record;
	l->table_first = table_first;
	l->in_number = in_number;
	l->ntable = table ? u->nargs - table_first : 0;
	if (outs && u->retset) { /* the parameters are the variables, with_outs */
		int *v = arena_zalloc(a, (nparams + 1) * sizeof(int));
		for (size_t i = 0; i < nparams; i++)
			if (modes[i] == 'o' || modes[i] == 'b')
				v[l->nout_vars++] = (int)i;
		l->out_vars = v;
	}
	l->row_set = u->retset && schema && xlat_udf_rowset(u, schema);
	l->where = "a PL/pgSQL function";
	bool sql = strcmp(u->lang, "sql") == 0;
	if (!(sql ? load_sql_body(l, u, f) : xlat_plload_parse(l, u, u->body, f)))
		return false;
	/* PostgreSQL's CONTEXT names a PL/pgSQL function with its argument types */
	f->name = sql ? u->name : outs ? display_name(a, u) : shown;
	f->result_var = -1;
	f->retset = u->retset;
	if ((!l->returns_void || (sql && !f->void_null)) && !l->trigger && !u->retset)
		add_result_var(a, f, u->retdecl);
	*out = f;
	return true;
}

/* st as a block: the rows of sql (NULL: one row of NULLs, RETURN NULL), then the end of the
 * function; unknown: 1 + the first field that is an untyped literal, 0 when none. */
static bool return_one_row(struct xlat_plloader *l, const char *sql, int unknown,
			   struct xlat_pl_stmt *st)
{
	struct xlat_pl_stmt *two = arena_zalloc(l->c->a, 2 * sizeof(*two));
	two[0] = (struct xlat_pl_stmt){
		.kind = XLAT_PL_RETURN_QUERY, .line = st->line, .ret_record = true, .var = unknown};
	two[1] = (struct xlat_pl_stmt){.kind = XLAT_PL_RETURN, .line = st->line};
	if (!sql)
		two[0].ret_null = true;
	else if (!(two[0].expr = xlat_plload_sql(l, sql)))
		return false;
	st->kind = XLAT_PL_BLOCK;
	st->body = (struct xlat_pl_list){two, 2};
	return true;
}

/* RETURN ROW(a, b) or (a, b): the string literals and NULLs PostgreSQL leaves unknown in a
 * row match no column's type (unknown). */
const char *xlat_plload_row_select(struct xlat_plloader *l, const char *expr, int *unknown)
{
	PgQuery__ParseResult *tree =
		xlat_parse_tree(arena_printf(l->c->a, "SELECT %s", expr), NULL);
	const char *out = NULL;
	PgQuery__SelectStmt *sel = tree && tree->n_stmts == 1 && tree->stmts[0]->stmt->select_stmt
					   ? tree->stmts[0]->stmt->select_stmt
					   : NULL;
	PgQuery__Node *v = sel && sel->n_target_list == 1 && !sel->n_from_clause
				   ? sel->target_list[0]->res_target->val
				   : NULL;
	if (v && v->node_case == PG_QUERY__NODE__NODE_A_CONST && v->a_const->isnull) {
		out = "";
	} else if (v && v->node_case == PG_QUERY__NODE__NODE_ROW_EXPR && v->row_expr->n_args) {
		/* the same SELECT with the row's fields as its targets */
		size_t n = v->row_expr->n_args;
		PgQuery__Node **targets = arena_zalloc(l->c->a, n * sizeof(*targets));
		PgQuery__ResTarget *rts = arena_zalloc(l->c->a, n * sizeof(*rts));
		for (size_t i = 0; i < n; i++) {
			const PgQuery__Node *f = v->row_expr->args[i];
			if (!*unknown && f->node_case == PG_QUERY__NODE__NODE_A_CONST &&
			    (f->a_const->isnull ||
			     f->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL))
				*unknown = (int)i + 1;
			rts[i] = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
			rts[i].val = v->row_expr->args[i];
			rts[i].location = -1;
			targets[i] = arena_zalloc(l->c->a, sizeof(*targets[i]));
			*targets[i] = (PgQuery__Node)PG_QUERY__NODE__INIT;
			targets[i]->node_case = PG_QUERY__NODE__NODE_RES_TARGET;
			targets[i]->res_target = &rts[i];
		}
		PgQuery__Node **old = sel->target_list;
		size_t nold = sel->n_target_list;
		sel->target_list = targets;
		sel->n_target_list = n;
		out = xlat_deparse(l->c, tree->stmts[0]->stmt);
		sel->target_list = old; /* the tree's own, freed with it */
		sel->n_target_list = nold;
	}
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
	return out;
}

bool xlat_plload_return_record(struct xlat_plloader *l, const struct xlat_json *e,
			       struct xlat_pl_stmt *st)
{
	const char *text = xlat_plload_text(e);
	size_t n = text ? strlen(text) : 0;
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\n' || text[n - 1] == '\t'))
		n--;
	while (n && (*text == ' ' || *text == '\n' || *text == '\t'))
		text++, n--;
	int var = n ? xlat_plload_find(l, xlat_plpre_fold(l->c->a, text, n)) : -1;
	if (var < 0 || l->vars[var].type) { /* a record's or row type's variable has no type */
		int unknown = 0;
		const char *sql = text ? xlat_plload_row_select(l, text, &unknown) : NULL;
		if (!sql)
			return xlat_plload_unsupported(l,
						       "RETURN of a value other than a record "
						       "variable, ROW(...) or NULL in a function "
						       "returning record");
		return return_one_row(l, *sql ? sql : NULL, unknown, st);
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	strbuf_put_quoted(&sb, l->vars[var].name, '"');
	strbuf_puts(&sb, ".*");
	const char *sql = arena_strdup(l->c->a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return return_one_row(l, sql, 0, st);
}

bool xlat_plload_return_fields(struct xlat_plloader *l, const struct xlat_json *e,
			       struct xlat_pl_stmt *st)
{
	const char *text = xlat_plload_text(e);
	size_t n = text ? strlen(text) : 0;
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\n' || text[n - 1] == '\t'))
		n--;
	while (n && (*text == ' ' || *text == '\n' || *text == '\t'))
		text++, n--;
	int var = n ? xlat_plload_find(l, xlat_plpre_fold(l->c->a, text, n)) : -1;
	if (var < 0 || l->vars[var].type || !l->vars[var].rowtype)
		return false; /* a scalar, or a record whose fields are not the type's */
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	strbuf_put_quoted(&sb, l->vars[var].name, '"');
	strbuf_puts(&sb, ".*");
	st->expr = xlat_plload_sql(l, arena_strdup(l->c->a, sb.data ? sb.data : ""));
	strbuf_fini(&sb);
	st->ret_fields = true;
	return true;
}

/* The name `RETURN NEXT name;` was written with (xlat_plpre.c's marker), else NULL. */
static const char *next_var_name(const struct xlat_plloader *l, const char *text)
{
	size_t n = strlen(XLAT_PL_NEXT_MARK);
	if (!text || strncmp(text, XLAT_PL_NEXT_MARK, n) != 0)
		return NULL;
	char *end;
	long k = strtol(text + n, &end, 10);
	while (*end == ' ' || *end == '\n' || *end == '\t')
		end++;
	return *end || k < 0 || (size_t)k >= l->ncursor_stmts ? NULL : l->cursor_stmts[k];
}

/* RETURN NEXT name: a record's or row-typed variable's fields are the next row (the rows of
 * SELECT r.*, st->ret_record); any other name is an expression, as PostgreSQL reads a scalar
 * variable. */
static bool return_next_var(struct xlat_plloader *l, const char *name, struct xlat_pl_stmt *st)
{
	struct arena *a = l->c->a;
	int var = xlat_plload_find(l, xlat_plpre_fold(a, name, strlen(name)));
	if (var < 0 || l->vars[var].type)
		return (st->expr = xlat_plload_sql(l, arena_printf(a, "SELECT %s", name))) != NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	strbuf_put_quoted(&sb, l->vars[var].name, '"');
	strbuf_puts(&sb, ".*");
	const char *sql = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	st->ret_record = true;
	return (st->expr = xlat_plload_sql(l, sql)) != NULL;
}

/* Whether an expression's text is NULL alone (RETURN NEXT NULL reads as it did). */
static bool is_null_text(const char *text)
{
	if (!text)
		return true;
	while (*text == ' ' || *text == '\n' || *text == '\t')
		text++;
	size_t n = strlen(text);
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\n' || text[n - 1] == '\t'))
		n--;
	return n == 4 && strncasecmp(text, "null", 4) == 0;
}

/* RETURN NEXT expr in a function returning rows of a row type (SETOF t): ROW(a, b)
 * or (a, b) is `SELECT a, b`, any other value of a row type (`(1, 'x')::t`, f(...)) its
 * fields, `SELECT (expr).*`. False (err unset) for a row with an untyped field, which the
 * caller reads as one value. */
static bool return_next_row(struct xlat_plloader *l, const char *text, struct xlat_pl_stmt *st)
{
	int unknown = 0;
	const char *sql = xlat_plload_row_select(l, text, &unknown);
	if (sql && unknown)
		return false; /* ROW(1, 'x'): PostgreSQL's record of an unknown field matches no
			       * row type; read as one value, it is 42804 when it runs too */
	if (!sql)
		sql = arena_printf(l->c->a, "SELECT (%s).*", text);
	st->ret_record = true;
	return (st->expr = xlat_plload_sql(l, sql)) != NULL;
}

/* `RETURN NEXT;`: RETURNS TABLE's columns are the next row, read by their places ($n) so that
 * a block's variable of the same name does not hide one; without such columns it is
 * PostgreSQL's syntax error (pl_gram.y reads an expression that is missing). */
static bool return_next_table(struct xlat_plloader *l, struct xlat_pl_stmt *st)
{
	size_t n = l->out_vars ? l->nout_vars : l->ntable;
	if (!n)
		return pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR,
				 "missing expression at or near \";\"");
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s$%zu", i ? ", " : "",
			      (l->out_vars ? (size_t)l->out_vars[i] : l->table_first + i) + 1);
	const char *sql = arena_strdup(l->c->a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	st->ret_record = n > 1;
	return (st->expr = xlat_plload_sql(l, sql)) != NULL;
}

bool xlat_plload_return_set(struct xlat_plloader *l, const struct xlat_json *b,
			    struct xlat_pl_stmt *st, const char *kind)
{
	if (strcmp(kind, "PLpgSQL_stmt_return_next") == 0) {
		const struct xlat_json *e = xlat_json_get(b, "expr");
		st->kind = XLAT_PL_RETURN_NEXT;
		const char *name = e ? next_var_name(l, xlat_plload_text(e)) : NULL;
		if (!e || (name && !*name)) /* `RETURN NEXT;` (xlat_plpre.c's empty name) */
			return return_next_table(l, st);
		if (l->has_outs) /* pl_gram.y's make_return_next_stmt */
			return pgerr_set(l->c->err, SQLSTATE_DATATYPE_MISMATCH,
					 "RETURN NEXT cannot have a parameter in function with OUT "
					 "parameters");
		if (name)
			return return_next_var(l, name, st);
		if (l->row_set && !is_null_text(xlat_plload_text(e)) &&
		    return_next_row(l, xlat_plload_text(e), st))
			return true;
		return !pgerr_is_set(l->c->err) && (st->expr = xlat_plload_expr(l, e)) != NULL;
	}
	st->kind = XLAT_PL_RETURN_QUERY;
	const struct xlat_json *q = xlat_json_get(b, "query");
	if (q)
		return (st->expr = xlat_plload_sql(l, xlat_plload_text(q))) != NULL;
	st->dynamic = true;
	return (st->expr = xlat_plload_expr(l, xlat_json_get(b, "dynquery"))) &&
	       xlat_plload_exprs(l, xlat_json_get(b, "params"), &st->params, &st->nparams);
}

bool xlat_sql_body_returns(const char *body)
{
	PgQuery__ParseResult *tree = xlat_parse_tree(body, NULL);
	bool yes = false;
	const PgQuery__Node *n =
		tree && tree->n_stmts ? tree->stmts[tree->n_stmts - 1]->stmt : NULL;
	switch (n ? n->node_case : PG_QUERY__NODE__NODE__NOT_SET) {
	case PG_QUERY__NODE__NODE_SELECT_STMT:
		yes = !n->select_stmt->into_clause;
		break;
	case PG_QUERY__NODE__NODE_INSERT_STMT:
		yes = n->insert_stmt->n_returning_list > 0;
		break;
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
		yes = n->update_stmt->n_returning_list > 0;
		break;
	case PG_QUERY__NODE__NODE_DELETE_STMT:
		yes = n->delete_stmt->n_returning_list > 0;
		break;
	default:
		break;
	}
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
	return yes;
}

const struct xlat_pl_expr *xlat_trigger_when(const struct xlat_pl_func *f, const char *cond,
					     struct arena *a, struct pgerr *err)
{
	struct xlat_ctx *c = arena_zalloc(a, sizeof(*c));
	c->a = a;
	c->err = err;
	struct xlat_plloader *l = arena_zalloc(a, sizeof(*l));
	l->c = c;
	l->vars = (struct xlat_pl_var *)f->vars; /* read only: names and types */
	l->nvars = f->nvars;
	l->where = "a trigger's WHEN condition";
	xlat_plload_push(l, "new", f->new_var);
	xlat_plload_push(l, "old", f->old_var);
	return xlat_plload_sql(l, arena_printf(a, "SELECT %s", cond));
}
