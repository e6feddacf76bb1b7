/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_plstmt.c: the PL/pgSQL statements of a DO block, one loader per kind (a switch by the
 * JSON node's name in xlat_plload_list's helper): assignment, IF and CASE, the loops, SQL and
 * EXECUTE with INTO, RAISE, GET DIAGNOSTICS, ASSERT; the kinds the session cannot run are
 * refused with 0A000 naming them. Blocks are xlat_plpgsql.c's. */
#include "xlat_plpgsql.h"

#include <pg_query.h>
#include <string.h>

/* NEW.x := ... in a trigger function: the datum assigned is a field of a record. */
static bool record_field(struct xlat_plloader *l, struct xlat_pl_stmt *st)
{
	const char *kind;
	const struct xlat_json *d = (size_t)st->var < l->datums->n
					    ? xlat_plload_node(&l->datums->items[st->var], &kind)
					    : NULL;
	if (!d || strcmp(kind, "PLpgSQL_recfield") != 0)
		return false;
	st->var = xlat_json_int(d, "recparentno", -1);
	st->field = xlat_json_str(d, "fieldname");
	return st->var >= 0 && (size_t)st->var < l->nvars && st->field;
}

static bool load_assign(struct xlat_plloader *l, const struct xlat_json *b, struct xlat_pl_stmt *st)
{
	const char *q = xlat_plload_text(xlat_json_get(b, "expr"));
	st->assign_text = q;
	st->var = xlat_json_int(b, "varno", 0); /* libpg_query leaves a 0 out */
	if (q && st->var >= 0 && l->trigger && record_field(l, st)) {
		const char *p = strstr(q, ":=");
		p = p ? p + 2 : strchr(q, '=');
		if (!p)
			return xlat_plload_unsupported(l, "this assignment");
		p += *p == '=';
		return (st->expr = xlat_plload_sql(l, arena_printf(l->c->a, "SELECT %s", p))) !=
		       NULL;
	}
	if (!q || st->var < 0 || (size_t)st->var >= l->nvars || !l->vars[st->var].name)
		return xlat_plload_unsupported(l, "this assignment");
	if (!l->vars[st->var].type)
		return xlat_plrec_assign(l, q, st);
	const char *p = q;
	while (*p && !strchr(":=[.", *p))
		p++;
	if (*p == '[')
		return xlat_plload_element(l, p, st);
	if (*p == '.')
		return xlat_plload_unsupported(l, "assigning to a field of a non-record variable");
	p += *p == ':' ? 2 : 1;
	return (st->expr = xlat_plload_sql(l, arena_printf(l->c->a, "SELECT %s", p))) != NULL;
}

/* A trigger function's RETURN: NULL, a record variable (NEW, OLD, r), or an expression whose
 * value is a row (COALESCE(NEW, OLD), CASE ... END, ROW(...)), which the session reads as the
 * triggering table's row (ret_row). */
static bool trigger_return(struct xlat_plloader *l, const struct xlat_json *e,
			   struct xlat_pl_stmt *st)
{
	const char *q = xlat_plload_text(e);
	char word[64];
	size_t n = 0;
	for (; q && *q; q++) {
		if (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
			continue;
		if (n + 1 >= sizeof(word))
			break;
		word[n++] = (char)(*q >= 'A' && *q <= 'Z' ? *q + 32 : *q);
	}
	word[n] = '\0';
	if (q && !*q && strcmp(word, "null") == 0) {
		st->ret_null = true;
		return true;
	}
	int v = q && !*q ? xlat_plload_find(l, word) : -1;
	if (v >= 0 && !l->vars[v].type) { /* a record variable, returned as it is */
		st->var = v;
		st->ret_record = true;
		return true;
	}
	st->ret_row = true;
	return (st->expr = xlat_plload_expr(l, e)) != NULL;
}

static bool load_if(struct xlat_plloader *l, const struct xlat_json *b, struct xlat_pl_stmt *st)
{
	const struct xlat_json *elsif = xlat_json_get(b, "elsif_list");
	size_t n = 1 + (elsif && elsif->type == XJ_ARRAY ? elsif->n : 0);
	const struct xlat_pl_expr **conds = arena_zalloc(l->c->a, n * sizeof(*conds));
	struct xlat_pl_list *arms = arena_zalloc(l->c->a, n * sizeof(*arms));
	if (!(conds[0] = xlat_plload_expr(l, xlat_json_get(b, "cond"))) ||
	    !xlat_plload_list(l, xlat_json_get(b, "then_body"), &arms[0]))
		return false;
	for (size_t i = 1; i < n; i++) {
		const struct xlat_json *e = xlat_json_get(&elsif->items[i - 1], "PLpgSQL_if_elsif");
		if (!(conds[i] = xlat_plload_expr(l, xlat_json_get(e, "cond"))) ||
		    !xlat_plload_list(l, xlat_json_get(e, "stmts"), &arms[i]))
			return false;
	}
	st->conds = conds;
	st->arms = arms;
	st->narms = n;
	st->has_else = true;
	return xlat_plload_list(l, xlat_json_get(b, "else_body"), &st->else_body);
}

/* CASE [expr] WHEN ... : an IF chain; a simple CASE first stores expr in the hidden
 * variable its WHEN expressions compare with. */
static bool load_case(struct xlat_plloader *l, const struct xlat_json *b, struct xlat_pl_stmt *st,
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
		    !(set->expr = xlat_plload_expr(l, xlat_json_get(b, "t_expr"))))
			return pgerr_is_set(l->c->err) ? false
						       : xlat_plload_unsupported(l, "this CASE");
		xlat_plload_push(l, l->vars[set->var].name, set->var);
		*prelude = (struct xlat_pl_list){set, 1};
	}
	const struct xlat_pl_expr **conds = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*conds));
	struct xlat_pl_list *arms = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*arms));
	for (size_t i = 0; i < n; i++) {
		const struct xlat_json *w = xlat_json_get(&whens->items[i], "PLpgSQL_case_when");
		if (!(conds[i] = xlat_plload_expr(l, xlat_json_get(w, "expr"))) ||
		    !xlat_plload_list(l, xlat_json_get(w, "stmts"), &arms[i]))
			return false;
	}
	l->nscope = mark;
	st->kind = XLAT_PL_IF;
	st->conds = conds;
	st->arms = arms;
	st->narms = n;
	st->case_stmt = true;
	st->has_else = xlat_json_bool(b, "have_else");
	return xlat_plload_list(l, xlat_json_get(b, "else_stmts"), &st->else_body);
}

/* The loop statements; a loop's label is in scope for EXIT/CONTINUE and names. */
static bool load_loop(struct xlat_plloader *l, const struct xlat_json *b, struct xlat_pl_stmt *st,
		      const char *kind)
{
	size_t mark = l->nscope;
	xlat_plload_push(l, st->label, -1);
	bool ok = true;
	if (strcmp(kind, "PLpgSQL_stmt_while") == 0) {
		st->kind = XLAT_PL_WHILE;
		ok = (st->expr = xlat_plload_expr(l, xlat_json_get(b, "cond"))) != NULL;
	} else if (strcmp(kind, "PLpgSQL_stmt_fori") == 0) {
		st->kind = XLAT_PL_FORI;
		st->reverse = xlat_json_bool(b, "reverse");
		const char *name = xlat_json_str(
			xlat_json_get(xlat_json_get(b, "var"), "PLpgSQL_var"), "refname");
		ok = (st->expr = xlat_plload_expr(l, xlat_json_get(b, "lower"))) &&
		     (st->upper = xlat_plload_expr(l, xlat_json_get(b, "upper"))) &&
		     (!xlat_json_get(b, "step") ||
		      (st->step = xlat_plload_expr(l, xlat_json_get(b, "step"))));
		if (ok && (!name || (st->var = xlat_plload_claim(l, name)) < 0))
			ok = xlat_plload_unsupported(l, "this FOR loop");
		if (ok)
			xlat_plload_push(l, name, st->var);
	} else if (strcmp(kind, "PLpgSQL_stmt_loop") != 0) { /* fors, dynfors */
		st->kind = XLAT_PL_FORS;
		st->dynamic = strcmp(kind, "PLpgSQL_stmt_dynfors") == 0;
		ok = xlat_plload_targets(l, xlat_json_get(b, "var"), st) &&
		     (st->expr = st->dynamic ? xlat_plload_expr(l, xlat_json_get(b, "query"))
					     : xlat_plload_sql(l, xlat_plload_text(xlat_json_get(
									  b, "query")))) &&
		     xlat_plload_exprs(l, xlat_json_get(b, "params"), &st->params, &st->nparams);
	}
	ok = ok && xlat_plload_list(l, xlat_json_get(b, "body"), &st->body);
	l->nscope = mark;
	return ok;
}

static bool load_sql(struct xlat_plloader *l, const struct xlat_json *b, struct xlat_pl_stmt *st,
		     bool dynamic)
{
	st->into = xlat_json_bool(b, "into");
	st->strict = xlat_json_bool(b, "strict");
	if (st->into && !xlat_plload_targets(l, xlat_json_get(b, "target"), st))
		return false;
	if (!dynamic)
		return (st->expr = xlat_plload_sql(
				l, xlat_plload_text(xlat_json_get(b, "sqlstmt")))) != NULL;
	return (st->expr = xlat_plload_expr(l, xlat_json_get(b, "query"))) &&
	       xlat_plload_exprs(l, xlat_json_get(b, "params"), &st->params, &st->nparams);
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

static bool load_raise(struct xlat_plloader *l, const struct xlat_json *b, struct xlat_pl_stmt *st)
{
	int elog = xlat_json_int(b, "elog_level", 21);
	st->level = elog >= 21   ? 5
		    : elog >= 19 ? 4
		    : elog >= 18 ? 3
		    : elog >= 17 ? 2
		    : elog >= 15 ? 1
				 : 0;
	st->message = xlat_json_str(b, "message");
	const char *cond = xlat_json_str(b, "condname");
	const char *codes[2];
	if (cond && !xlat_plload_condition(l, cond, codes, 2))
		return false;
	st->sqlstate = cond; /* as written: without a message it is the message */
	if (!xlat_plload_exprs(l, xlat_json_get(b, "params"), &st->params, &st->nparams))
		return false;
	size_t want = st->message ? placeholders(st->message) : 0;
	if (want != st->nparams)
		return pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR,
				 "too %s parameters specified for RAISE",
				 want > st->nparams ? "few" : "many");
	const struct xlat_json *opts = xlat_json_get(b, "options");
	size_t n = opts && opts->type == XJ_ARRAY ? opts->n : 0;
	enum xlat_pl_raise_opt *kinds = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*kinds));
	const struct xlat_pl_expr **exprs = arena_zalloc(l->c->a, (n ? n : 1) * sizeof(*exprs));
	for (size_t i = 0; i < n; i++) {
		const struct xlat_json *o = xlat_json_get(&opts->items[i], "PLpgSQL_raise_option");
		int t = xlat_json_int(o, "opt_type", -1);
		if (t < 0 || t > XLAT_PL_RAISE_SCHEMA)
			return xlat_plload_unsupported(l, "this RAISE USING option");
		kinds[i] = (enum xlat_pl_raise_opt)t;
		if (!(exprs[i] = xlat_plload_expr(l, xlat_json_get(o, "expr"))))
			return false;
	}
	st->opt_kinds = kinds;
	st->opt_exprs = exprs;
	st->nopts = n;
	st->reraise = !st->message && !cond && !n;
	return true;
}

static bool load_getdiag(struct xlat_plloader *l, const struct xlat_json *b,
			 struct xlat_pl_stmt *st)
{
	static const char *const names[] = {"ROW_COUNT",         "RETURNED_SQLSTATE",
					    "MESSAGE_TEXT",      "PG_EXCEPTION_DETAIL",
					    "PG_EXCEPTION_HINT", "PG_EXCEPTION_CONTEXT",
					    "COLUMN_NAME",       "CONSTRAINT_NAME",
					    "TABLE_NAME",        "SCHEMA_NAME",
					    "PG_DATATYPE_NAME",  "PG_CONTEXT"};
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
		bool current = k == XLAT_PL_DIAG_ROW_COUNT || k == XLAT_PL_DIAG_PG_CONTEXT;
		if (!kind || k == ARRAY_LEN(names) || current == st->stacked)
			return xlat_plload_unsupported(
				l, arena_printf(l->c->a, "GET DIAGNOSTICS %s", kind ? kind : "?"));
		kinds[i] = (enum xlat_pl_diag)k;
		vars[i] = xlat_json_int(it, "target", -1);
		if (vars[i] < 0 || (size_t)vars[i] >= l->nvars || !l->vars[vars[i]].type)
			return xlat_plload_unsupported(l, "this GET DIAGNOSTICS target");
	}
	st->diag_kinds = kinds;
	st->diag_vars = vars;
	st->ndiags = n;
	return true;
}

/* Whether the procedures CALL query q may name have no OUT or INOUT parameter, which
 * PostgreSQL's exec_stmt_call assigns back to the variables passed. */
static bool call_without_outs(struct xlat_plloader *l, const char *q)
{
	const struct xlat_schema *schema = l->c->schema;
	PgQuery__ParseResult *tree = xlat_parse_tree(q, NULL);
	const PgQuery__Node *n = tree && tree->n_stmts == 1 ? tree->stmts[0]->stmt : NULL;
	const PgQuery__FuncCall *fc = n && n->node_case == PG_QUERY__NODE__NODE_CALL_STMT
					      ? n->call_stmt->funccall
					      : NULL;
	const char *name = fc && fc->n_funcname ? xlat_node_str(fc->funcname[fc->n_funcname - 1])
						: NULL;
	bool ok = name && schema;
	for (size_t i = 0; ok && i < schema->nudfs; i++) {
		const struct xlat_udf *u = &schema->udfs[i];
		ok = strcmp(u->name, name) != 0 || !u->modes ||
		     (!strchr(u->modes, 'o') && !strchr(u->modes, 'b'));
	}
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
	return ok;
}

/* CALL p(...) of a procedure without output parameters: its statement, the variables in its
 * arguments bound; FOUND stays as it is, as in PostgreSQL. */
static bool load_call(struct xlat_plloader *l, const struct xlat_json *b, struct xlat_pl_stmt *st)
{
	const char *q = xlat_plload_text(xlat_json_get(b, "expr"));
	if (!q || !call_without_outs(l, q))
		return xlat_plload_unsupported(l, "CALL of a procedure with output parameters");
	st->kind = XLAT_PL_SQL;
	st->is_call = true;
	return (st->expr = xlat_plload_sql(l, q)) != NULL;
}

/* What PostgreSQL calls the statements this loader refuses. */
static const char *refused_name(const char *kind)
{
	static const char *const names[][2] = {{"PLpgSQL_stmt_foreach_a", "FOREACH"},
					       {"PLpgSQL_stmt_forc", "FOR over a cursor"},
					       {"PLpgSQL_stmt_return_next", "RETURN NEXT"},
					       {"PLpgSQL_stmt_return_query", "RETURN QUERY"},
					       {"PLpgSQL_stmt_open", "OPEN"},
					       {"PLpgSQL_stmt_fetch", "FETCH"},
					       {"PLpgSQL_stmt_close", "CLOSE"}};
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (strcmp(kind, names[i][0]) == 0)
			return names[i][1];
	return kind;
}

/* One statement: a switch over its kind by name. */
static bool load_stmt(struct xlat_plloader *l, const struct xlat_json *j, struct xlat_pl_stmt *st)
{
	const char *kind;
	const struct xlat_json *b = xlat_plload_node(j, &kind);
	st->line = xlat_json_int(b, "lineno", 0);
	st->label = xlat_json_str(b, "label");
	if (strcmp(kind, "PLpgSQL_stmt_foreach_a") == 0)
		return xlat_plload_foreach(l, b, st);
	int cursor = xlat_plload_cursor_stmt(l, kind, b, st);
	if (cursor >= 0)
		return cursor;
	if (strcmp(kind, "PLpgSQL_stmt_block") == 0) {
		st->kind = XLAT_PL_BLOCK;
		return xlat_plload_block(l, b, st, false);
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
		       (st->expr = xlat_plload_expr(l, xlat_json_get(b, "cond"))) != NULL;
	}
	if (strcmp(kind, "PLpgSQL_stmt_execsql") == 0 ||
	    strcmp(kind, "PLpgSQL_stmt_dynexecute") == 0) {
		st->kind = kind[13] == 'e' ? XLAT_PL_SQL : XLAT_PL_DYNEXEC;
		return load_sql(l, b, st, st->kind == XLAT_PL_DYNEXEC);
	}
	if (strcmp(kind, "PLpgSQL_stmt_perform") == 0) {
		st->kind = XLAT_PL_PERFORM;
		return (st->expr = xlat_plload_sql(
				l, xlat_plload_text(xlat_json_get(b, "expr")))) != NULL;
	}
	if (strcmp(kind, "PLpgSQL_stmt_raise") == 0) {
		st->kind = XLAT_PL_RAISE;
		return load_raise(l, b, st);
	}
	if (strcmp(kind, "PLpgSQL_stmt_getdiag") == 0) {
		st->kind = XLAT_PL_GETDIAG;
		return load_getdiag(l, b, st);
	}
	if (strcmp(kind, "PLpgSQL_stmt_return_next") == 0 ||
	    strcmp(kind, "PLpgSQL_stmt_return_query") == 0)
		return xlat_plload_return_set(l, b, st, kind);
	if (strcmp(kind, "PLpgSQL_stmt_return") == 0) {
		st->kind = XLAT_PL_RETURN;
		const struct xlat_json *e = xlat_json_get(b, "expr");
		if (e && l->one_record) /* RETURNS record: the record's row */
			return xlat_plload_return_record(l, e, st);
		if (e && l->retset) {
			pgerr_set(l->c->err, SQLSTATE_DATATYPE_MISMATCH,
				  "RETURN cannot have a parameter in function returning set");
			pgerr_hint(l->c->err, "Use RETURN NEXT or RETURN QUERY.");
			return false;
		}
		if (e && l->returns_void)
			return pgerr_set(l->c->err, SQLSTATE_DATATYPE_MISMATCH,
					 "RETURN cannot have a parameter in function %s",
					 l->has_outs ? "with OUT parameters" : "returning void");
		if (e && l->trigger)
			return trigger_return(l, e, st);
		if (e && xlat_plload_return_fields(l, e, st)) /* RETURN r of a row variable */
			return st->expr != NULL;
		if (!e && !l->returns_void && !l->retset && xlat_json_int(b, "lineno", 0) > 0)
			return pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR,
					 "missing expression at or near \";\"");
		return !e || (st->expr = xlat_plload_expr(l, e)) != NULL;
	}
	if (strcmp(kind, "PLpgSQL_stmt_call") == 0)
		return load_call(l, b, st);
	if (strcmp(kind, "PLpgSQL_stmt_commit") == 0 ||
	    strcmp(kind, "PLpgSQL_stmt_rollback") == 0) {
		/* whether the routine may end its transaction is known only when it runs, as in
		 * PostgreSQL (a function's is 2D000 then) */
		st->kind = XLAT_PL_TXN;
		st->txn_rollback = kind[13] == 'r';
		st->txn_chain = xlat_json_bool(b, "chain");
		return true;
	}
	if (strcmp(kind, "PLpgSQL_stmt_assert") == 0) {
		st->kind = XLAT_PL_ASSERT;
		if (!(st->expr = xlat_plload_expr(l, xlat_json_get(b, "cond"))))
			return false;
		if (!xlat_json_get(b, "message"))
			return true;
		const struct xlat_pl_expr **msg = arena_zalloc(l->c->a, sizeof(*msg));
		st->params = msg;
		st->nparams = 1;
		return (msg[0] = xlat_plload_expr(l, xlat_json_get(b, "message"))) != NULL;
	}
	return xlat_plload_unsupported(l, refused_name(kind));
}

bool xlat_plload_list(struct xlat_plloader *l, const struct xlat_json *arr,
		      struct xlat_pl_list *out)
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
