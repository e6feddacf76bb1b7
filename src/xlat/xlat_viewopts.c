/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_viewopts.c: a view's options (PostgreSQL's view reloptions; only check_option is
 * taken): their values as CREATE VIEW ... WITH (...) and ALTER VIEW ... SET/RESET (...) give
 * them, the mark that keeps them in the view's SQLite text (read back by xlat_updview.c and
 * catalog_model.c), and ALTER VIEW ... SET/RESET, which writes the view's text again with
 * the new mark. security_barrier and security_invoker are refused (0A000). */
#include "xlat_int.h"

#include <pg_query.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

const char *xlat_view_options_mark(char check)
{
	return check == 'l'   ? " " XLAT_VIEW_OPTIONS_MARK "check_option=local) */"
	       : check == 'c' ? " " XLAT_VIEW_OPTIONS_MARK "check_option=cascaded) */"
			      : "";
}

bool xlat_view_option(struct xlat_ctx *c, const PgQuery__Node *n, bool reset, char *check)
{
	const PgQuery__DefElem *d = n && n->node_case == NODE(DEF_ELEM) ? n->def_elem : NULL;
	if (!d || !d->defname || strcasecmp(d->defname, "check_option") != 0 ||
	    (d->defnamespace && *d->defnamespace))
		return xlat_unsupported(c, -1, "a view option other than check_option");
	if (reset) {
		*check = 0;
		return true;
	}
	const PgQuery__Node *a = d->arg;
	if (a && a->node_case == NODE(TYPE_NAME) && a->type_name->n_names) /* a bare word */
		a = a->type_name->names[a->type_name->n_names - 1];
	const char *v = a ? xlat_node_str(a) : NULL;
	*check = v && strcasecmp(v, "local") == 0      ? 'l'
		 : v && strcasecmp(v, "cascaded") == 0 ? 'c'
						       : 0;
	if (*check)
		return true;
	xlat_fail(c, "22023", -1, "invalid value for enum option \"check_option\": %s",
		  v ? v : "true");
	pgerr_detail(c->err, "Valid values are \"local\" and \"cascaded\".");
	return false;
}

bool xlat_view_check_updatable(struct xlat_ctx *c, const PgQuery__SelectStmt *q)
{
	const char *why = xlat_updview_not_updatable(c, q);
	if (!why)
		return true;
	xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
		  "WITH CHECK OPTION is supported only on automatically updatable views");
	pgerr_hint(c->err, "%s", why);
	return false;
}

/* In view text sql: where the view's name ends, where its query starts (its SELECT), and
 * the name's start; false when the text is not CREATE [TEMP] VIEW name ... AS SELECT. */
static bool name_span(const char *sql, size_t *start, size_t *end, size_t *query)
{
	PgQueryScanResult r = pg_query_scan(sql);
	PgQuery__ScanResult *sr = r.error ? NULL
					  : pg_query__scan_result__unpack(
						    NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
	size_t i = 0, n = sr ? sr->n_tokens : 0;
	*start = *end = *query = 0;
	while (i < n && sr->tokens[i]->token != PG_QUERY__TOKEN__VIEW)
		i++;
	if (++i < n) {
		*start = (size_t)sr->tokens[i]->start;
		*end = (size_t)sr->tokens[i]->end;
		while (i + 2 < n && sr->tokens[i + 1]->token == PG_QUERY__TOKEN__ASCII_46)
			*end = (size_t)sr->tokens[i += 2]->end; /* schema.name */
	}
	for (; i < n && !*query; i++)
		if (sr->tokens[i]->token == PG_QUERY__TOKEN__SELECT)
			*query = (size_t)sr->tokens[i]->start;
	if (sr)
		pg_query__scan_result__free_unpacked(sr, NULL);
	pg_query_free_scan_result(r);
	return *end && *query > *end;
}

static void *pb_alloc(void *arena, size_t n) { return arena_alloc(arena, n); }
static void pb_free(void *arena, void *p)
{
	(void)arena;
	(void)p;
}

/* The view's query in its SQLite text, parsed (in c's arena); NULL when it is none. */
static const PgQuery__SelectStmt *view_query(struct xlat_ctx *c, const char *sql)
{
	PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql);
	ProtobufCAllocator al = {pb_alloc, pb_free, c->a};
	PgQuery__ParseResult *tree =
		r.error ? NULL
			: pg_query__parse_result__unpack(&al, r.parse_tree.len,
							 (const uint8_t *)r.parse_tree.data);
	pg_query_free_protobuf_parse_result(r);
	const PgQuery__Node *n = tree && tree->n_stmts == 1 ? tree->stmts[0]->stmt : NULL;
	const PgQuery__ViewStmt *vs = n && n->node_case == NODE(VIEW_STMT) ? n->view_stmt : NULL;
	return vs && vs->query && vs->query->node_case == NODE(SELECT_STMT) ? vs->query->select_stmt
									    : NULL;
}

bool xlat_alter_view_options(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	const PgQuery__AlterTableCmd *cmd = s->cmds[0]->alter_table_cmd;
	bool reset = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions;
	const PgQuery__List *opts = cmd->def && cmd->def->node_case == NODE(LIST) ? cmd->def->list
										  : NULL;
	const PgQuery__RangeVar *rv = s->relation;
	const struct xlat_env *env = c->env;
	char check = 0;
	bool set = false;
	for (size_t i = 0; opts && i < opts->n_items; i++) {
		char one;
		if (!xlat_view_option(c, opts->items[i], reset, &one))
			return false;
		check = one;
		set = true;
	}
	if (!set || (rv->schemaname && *rv->schemaname && strcmp(rv->schemaname, "public") != 0 &&
		     strcmp(rv->schemaname, "pg_temp") != 0))
		return xlat_unsupported(c, -1, "this ALTER VIEW ... SET/RESET");
	xlat_nocache(c); /* the view's text is no part of the fingerprint */
	int instead = 0;
	char kind = c->schema && c->schema->relkind_fn
			    ? c->schema->relkind_fn(c->schema->arg, rv->relname)
			    : 0;
	const char *sql = env && env->view_fn
				  ? env->view_fn(env->session_arg, rv->relname, c->a, &instead)
				  : NULL;
	const struct xlat_schema_col *cols;
	size_t ncols;
	if (!sql && s->missing_ok)
		return xlat_unsupported(c, -1, "ALTER VIEW IF EXISTS ... SET/RESET");
	if (!sql)
		return kind || xlat_scope_target(c, rv, &cols, &ncols)
			       ? xlat_fail(c, "42809", -1, "\"%s\" is not a view", rv->relname)
			       : xlat_fail(c, "42P01", -1, "relation \"%s\" does not exist",
					   rv->relname);
	if (instead) /* SQLite drops a view's triggers with it */
		return xlat_unsupported(c, -1,
					"ALTER VIEW ... SET/RESET (check_option) of a view with "
					"INSTEAD OF triggers");
	size_t start, end, query;
	const PgQuery__SelectStmt *q = view_query(c, sql);
	if (!q || !name_span(sql, &start, &end, &query))
		return xlat_unsupported(c, -1, "ALTER VIEW ... SET/RESET of this view");
	if (check && !xlat_view_check_updatable(c, q))
		return false;
	/* the text again, its mark (between the name and the query) the new one */
	const char *mark = strstr(sql, XLAT_VIEW_OPTIONS_MARK);
	size_t cut = end, resume = end;
	if (mark && (size_t)(mark - sql) < query) {
		const char *close = strstr(mark, "*/");
		cut = (size_t)(mark - sql);
		while (cut > end && sql[cut - 1] == ' ')
			cut--;
		resume = close ? (size_t)(close + 2 - sql) : end;
	}
	c->st->kind = XLAT_SCRIPT;
	xlat_puts(c, "DROP VIEW ");
	strbuf_append(c->sb, sql + start, end - start);
	xlat_puts(c, "; ");
	strbuf_append(c->sb, sql, cut);
	xlat_puts(c, xlat_view_options_mark(check));
	xlat_puts(c, sql + resume);
	return true;
}
