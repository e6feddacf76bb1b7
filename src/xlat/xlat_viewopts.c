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

/* The view's query in its SQLite text, parsed (in c's arena); NULL when it is none. */
static const PgQuery__SelectStmt *view_query(struct xlat_ctx *c, const char *sql)
{
	const PgQuery__Node *n = xlat_parse_one(c->a, sql);
	const PgQuery__ViewStmt *vs = n && n->node_case == NODE(VIEW_STMT) ? n->view_stmt : NULL;
	return vs && vs->query && vs->query->node_case == NODE(SELECT_STMT) ? vs->query->select_stmt
									    : NULL;
}

/* A view's marks as its text holds them (between its name and its query). */
struct marks {
	char check;
	const char **cols, **texts; /* column defaults: the column, PostgreSQL's text */
	size_t n;
};

static int hexval(char ch)
{
	return ch >= '0' && ch <= '9'   ? ch - '0'
	       : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
	       : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
					: -1;
}

/* One DEFAULT mark's column and text at p (after its prefix); false when it is not one. */
static bool read_default(struct arena *a, const char *p, const char **col, const char **text)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool ok = *p++ == '"';
	while (ok && *p && !(p[0] == '"' && p[1] != '"')) {
		p += p[0] == '"'; /* "" is one " */
		strbuf_putc(&sb, *p++);
	}
	ok = ok && *p == '"' && strncmp(p + 1, " x'", 3) == 0;
	*col = ok ? arena_strdup(a, sb.data ? sb.data : "") : NULL;
	strbuf_reset(&sb);
	for (p += 4; ok && hexval(p[0]) >= 0 && hexval(p[1]) >= 0; p += 2)
		strbuf_putc(&sb, (char)(hexval(p[0]) * 16 + hexval(p[1])));
	ok = ok && *p == '\'' && !sb.failed && sb.data;
	*text = ok ? arena_strdup(a, sb.data) : NULL;
	strbuf_fini(&sb);
	return ok;
}

bool xlat_view_defaults(const char *sql, size_t upto, struct arena *a, const char ***cols,
			const char ***texts, size_t *n)
{
	size_t cap = 0;
	*n = 0;
	*cols = *texts = NULL;
	for (const char *p = strstr(sql, XLAT_VIEW_DEFAULT_MARK); p && (size_t)(p - sql) < upto;
	     p = strstr(p + 1, XLAT_VIEW_DEFAULT_MARK)) {
		const char *col, *text;
		if (!read_default(a, p + strlen(XLAT_VIEW_DEFAULT_MARK), &col, &text))
			return false;
		if (*n == cap) {
			cap = cap ? 2 * cap : 4;
			const char **c2 = arena_zalloc(a, cap * sizeof(*c2));
			const char **t2 = arena_zalloc(a, cap * sizeof(*t2));
			if (*n) {
				memcpy(c2, *cols, *n * sizeof(*c2));
				memcpy(t2, *texts, *n * sizeof(*t2));
			}
			*cols = c2;
			*texts = t2;
		}
		(*cols)[*n] = col;
		(*texts)[(*n)++] = text;
	}
	return true;
}

static void put_default_mark(struct xlat_ctx *c, const char *col, const char *text)
{
	xlat_puts(c, " " XLAT_VIEW_DEFAULT_MARK "\"");
	for (const char *p = col; *p; p++)
		xlat_printf(c, *p == '"' ? "\"\"" : "%c", *p);
	xlat_puts(c, "\" x'");
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		xlat_printf(c, "%02x", *p);
	xlat_puts(c, "' */");
}

/* The view ALTER VIEW names: its text into *sql, its name's span and its query's start;
 * false with c's error (42P01, 42809 for a table, 0A000 for what is not done here). */
static bool altered_view(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s, const char *what,
			 const char **sql, size_t *start, size_t *end, size_t *query,
			 const PgQuery__SelectStmt **q)
{
	const PgQuery__RangeVar *rv = s->relation;
	const struct xlat_env *env = c->env;
	if (rv->schemaname && *rv->schemaname && strcmp(rv->schemaname, "public") != 0 &&
	    strcmp(rv->schemaname, "pg_temp") != 0)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "%s of another schema's view is not supported", what);
	xlat_nocache(c); /* the view's text is no part of the fingerprint */
	int instead = 0;
	char kind = c->schema && c->schema->relkind_fn
			    ? c->schema->relkind_fn(c->schema->arg, rv->relname)
			    : 0;
	*sql = env && env->view_fn ? env->view_fn(env->session_arg, rv->relname, c->a, &instead)
				   : NULL;
	const struct xlat_schema_col *cols;
	size_t ncols;
	if (!*sql && s->missing_ok)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "%s with IF EXISTS is not supported", what);
	if (!*sql)
		return kind || xlat_scope_target(c, rv, &cols, &ncols)
			       ? xlat_fail(c, "42809", -1, "\"%s\" is not a view", rv->relname)
			       : xlat_fail(c, "42P01", -1, "relation \"%s\" does not exist",
					   rv->relname);
	if (instead) /* SQLite drops a view's triggers with it */
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "%s of a view with INSTEAD OF triggers is not supported", what);
	*q = view_query(c, *sql);
	if (!*q || !name_span(*sql, start, end, query))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "%s of this view is not supported", what);
	return true;
}

/* The script that writes the view's text again with marks m: the text between its name and
 * its query keeps all but the old marks. */
static bool rewrite_view(struct xlat_ctx *c, const char *sql, size_t start, size_t end,
			 size_t query, const struct marks *m)
{
	c->st->kind = XLAT_SCRIPT;
	xlat_puts(c, "DROP VIEW ");
	strbuf_append(c->sb, sql + start, end - start);
	xlat_puts(c, "; ");
	strbuf_append(c->sb, sql, end);
	xlat_puts(c, xlat_view_options_mark(m->check));
	for (size_t i = 0; i < m->n; i++)
		if (m->texts[i])
			put_default_mark(c, m->cols[i], m->texts[i]);
	size_t at = end;
	for (const char *p;
	     (p = strstr(sql + at, "/* shardlite: ")) && (size_t)(p - sql) < query;) {
		size_t cut = (size_t)(p - sql);
		while (cut > at && sql[cut - 1] == ' ')
			cut--;
		strbuf_append(c->sb, sql + at, cut - at);
		const char *close = strstr(p, "*/");
		if (!close)
			return xlat_unsupported(c, -1, "ALTER VIEW of this view");
		at = (size_t)(close + 2 - sql);
	}
	xlat_puts(c, sql + at);
	return true;
}

/* The marks view text sql holds before its query. */
static bool read_marks(struct xlat_ctx *c, const char *sql, size_t query, struct marks *m)
{
	const char *o = strstr(sql, XLAT_VIEW_OPTIONS_MARK);
	*m = (struct marks){0};
	if (o && (size_t)(o - sql) < query) {
		o += strlen(XLAT_VIEW_OPTIONS_MARK);
		m->check = strncmp(o, "check_option=local", 18) == 0      ? 'l'
			   : strncmp(o, "check_option=cascaded", 21) == 0 ? 'c'
									  : 0;
	}
	const char **cols, **texts;
	size_t n;
	if (!xlat_view_defaults(sql, query, c->a, &cols, &texts, &n))
		return xlat_unsupported(c, -1, "ALTER VIEW of this view");
	/* room for one more */
	m->cols = arena_zalloc(c->a, (n + 1) * sizeof(*m->cols));
	m->texts = arena_zalloc(c->a, (n + 1) * sizeof(*m->texts));
	for (size_t i = 0; i < n; i++) {
		m->cols[i] = cols[i];
		m->texts[i] = texts[i];
	}
	m->n = n;
	return true;
}

bool xlat_alter_view_options(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	const PgQuery__AlterTableCmd *cmd = s->cmds[0]->alter_table_cmd;
	bool reset = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions;
	const PgQuery__List *opts = cmd->def && cmd->def->node_case == NODE(LIST) ? cmd->def->list
										  : NULL;
	char check = 0;
	bool set = false;
	for (size_t i = 0; opts && i < opts->n_items; i++) {
		char one;
		if (!xlat_view_option(c, opts->items[i], reset, &one))
			return false;
		check = one;
		set = true;
	}
	const char *sql;
	size_t start, end, query;
	const PgQuery__SelectStmt *q;
	struct marks m;
	if (!set)
		return xlat_unsupported(c, -1, "this ALTER VIEW ... SET/RESET");
	if (!altered_view(c, s, "ALTER VIEW ... SET/RESET (check_option)", &sql, &start, &end,
			  &query, &q) ||
	    (check && !xlat_view_check_updatable(c, q)) || !read_marks(c, sql, query, &m))
		return false;
	m.check = check;
	return rewrite_view(c, sql, start, end, query, &m);
}

/* Expression text parsed, in c's arena; NULL when it is not one. */

struct dflt_scan {
	int colref, sublink;
};

static bool dflt_walk(void *arg, const ProtobufCMessage *m)
{
	struct dflt_scan *d = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor && d->colref < 0)
		d->colref = ((const PgQuery__ColumnRef *)m)->location;
	if (m->descriptor == &pg_query__sub_link__descriptor && d->sublink < 0)
		d->sublink = ((const PgQuery__SubLink *)m)->location;
	return xlat_tree_each(m, dflt_walk, arg);
}

/* Default e of column col as the text kept for it: pg_get_expr's (the view printer's, a
 * string literal cast to the column's type as parse analysis coerces it), else e deparsed. */
static bool default_text(struct xlat_ctx *c, const struct xlat_schema_col *col, PgQuery__Node *e,
			 const char **out)
{
	struct dflt_scan d = {-1, -1};
	(void)dflt_walk(&d, &e->base);
	if (d.colref >= 0)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "cannot use column reference in DEFAULT expression");
	if (d.sublink >= 0)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "cannot use subquery in DEFAULT expression");
	static const struct xlat_schema_col none = {0};
	const char *printed = NULL, *text = xlat_deparse_expr(c, e);
	bool literal = e->node_case == NODE(A_CONST) &&
		       e->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
	/* a literal is coerced to the column's type (a view's text column: type not kept) */
	struct xlat_typeref r = {.info = xlat_type_by_oid(col->type_oid ? col->type_oid : 25),
				 .typmod = col->type_oid ? col->typmod : -1};
	const char *type = literal && r.info ? xlat_type_format(c, &r) : NULL;
	PgQuery__Node *cast =
		type && text ? xlat_parse_expr(c->a, arena_printf(c->a, "(%s)::%s", text, type)) : NULL;
	if (xlat_ruleutils_colsexpr("", &none, 0, cast ? cast : e, false, false, c->schema, c->a,
				    &printed)) {
		*out = printed;
		return true;
	}
	if (!text)
		return xlat_unsupported(c, -1, "this view column default");
	*out = text;
	return true;
}

bool xlat_alter_view_default(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	const PgQuery__AlterTableCmd *cmd = s->cmds[0]->alter_table_cmd;
	const char *sql;
	size_t start, end, query;
	const PgQuery__SelectStmt *q;
	struct marks m;
	if (!altered_view(c, s, "ALTER VIEW ... ALTER COLUMN ... SET/DROP DEFAULT", &sql, &start,
			  &end, &query, &q) ||
	    !read_marks(c, sql, query, &m))
		return false;
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0, k = 0;
	(void)xlat_scope_target(c, s->relation, &cols, &ncols);
	while (k < ncols && strcmp(cols[k].name, cmd->name) != 0)
		k++;
	if (k == ncols)
		return xlat_fail(c, "42703", -1, "column \"%s\" of relation \"%s\" does not exist",
				 cmd->name, s->relation->relname);
	if (strstr(cmd->name, "*/"))
		return xlat_unsupported(c, -1, "a default of a view column whose name holds */");
	const char *text = NULL;
	if (cmd->def && !default_text(c, &cols[k], cmd->def, &text))
		return false;
	size_t i = 0;
	while (i < m.n && strcmp(m.cols[i], cmd->name) != 0)
		i++;
	m.cols[i] = cmd->name;
	m.texts[i] = text;
	m.n += i == m.n;
	return rewrite_view(c, sql, start, end, query, &m);
}

const char *xlat_view_kept_defaults(struct xlat_ctx *c, const char *view)
{
	const struct xlat_env *env = c->env;
	int instead = 0;
	const char *sql = env && env->view_fn ? env->view_fn(env->session_arg, view, c->a, &instead)
					      : NULL;
	size_t start, end, query;
	struct marks m;
	struct pgerr saved = *c->err;
	if (!sql || !name_span(sql, &start, &end, &query) || !read_marks(c, sql, query, &m)) {
		*c->err = saved; /* a view it cannot read keeps none */
		return "";
	}
	struct strbuf *sb = c->sb, out;
	strbuf_init(&out, 0);
	c->sb = &out;
	for (size_t i = 0; i < m.n; i++)
		put_default_mark(c, m.cols[i], m.texts[i]);
	c->sb = sb;
	const char *text = arena_strdup(c->a, out.data ? out.data : "");
	strbuf_fini(&out);
	return text;
}
