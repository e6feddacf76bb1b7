/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_jpfn.c: the SQL functions over the jsonpath evaluator (pgfn_jpexec.c):
 * pgfn_jsonb_path(target, path, vars, silent, fn, nargs) for jsonb_path_exists, _match,
 * _query_array, _query_first, the select list's jsonb_path_query (a jsonb[] it unnests) and
 * the @? @@ operators; the table-valued pgfn_jsonb_path_query(target, path[, vars[, silent]])
 * for jsonb_path_query in FROM. Their NULL, silent and error rules are jsonpath_exec.c's. */
#include "pgfn_jsonpath.h"

#include <string.h>

enum path_fn { PF_EXISTS, PF_MATCH, PF_ARRAY, PF_FIRST, PF_ROWS };

/* Parses the arguments and runs the path; false after raising an error on ctx (or when an
 * argument is NULL: the result is NULL). */
static bool run(struct arena *a, sqlite3_value **argv, int argc, struct jp_items *found,
		enum jp_res *res, bool *silent, const char **state, const char **err)
{
	for (int i = 0; i < argc; i++)
		if (argv[i] && sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return false;
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	struct jv *target = pgfn_json_parse(a, s, n, state, err);
	if (!target)
		return false;
	pgfn_jsonb_canon(a, target);
	s = pgfn_text(argv[1], &n);
	struct jsonpath *p = pgfn_jsonpath_parse(a, s, n, state, err);
	if (!p)
		return false;
	struct jv *vars = NULL;
	if (argc > 2 && argv[2]) {
		s = pgfn_text(argv[2], &n);
		if (!(vars = pgfn_json_parse(a, s, n, state, err)))
			return false;
		pgfn_jsonb_canon(a, vars);
		if (vars->type != J_OBJECT) {
			*state = SQLSTATE_INVALID_PARAMETER_VALUE;
			*err = "\"vars\" argument is not an object";
			return false;
		}
	}
	*silent = argc > 3 && argv[3] && sqlite3_value_int(argv[3]) != 0;
	*res = pgfn_jsonpath_exec(a, p, target, vars, *silent, found, state, err);
	return *err == NULL;
}

static void result_jsonb(sqlite3_context *ctx, const struct jv *v)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_jsonb_write(&sb, v, false);
	pgfn_result_sb(ctx, &sb, false);
}

/* pgfn_jsonb_path(target, path, vars, silent, fn): vars and silent may be NULL (not given). */
static void fn_path(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	enum path_fn fn = (enum path_fn)sqlite3_value_int(argv[4]);
	sqlite3_value *args[4] = {argv[0], argv[1], argv[2], argv[3]};
	for (int i = 2; i < 4; i++)
		if (sqlite3_value_int(argv[5]) <= i)
			args[i] = NULL; /* not given: the default */
	struct arena *a = arena_new(0);
	struct jp_items found = {0};
	enum jp_res res = JPR_NOTFOUND;
	bool silent = false;
	const char *state = NULL, *err = NULL;
	bool ok = run(a, args, 4, fn == PF_EXISTS ? NULL : &found, &res, &silent, &state, &err);
	if (!ok) {
		if (err)
			pgfn_error(ctx, state, "%s", err);
		else
			sqlite3_result_null(ctx);
	} else if (fn == PF_EXISTS) {
		if (res == JPR_ERROR)
			sqlite3_result_null(ctx);
		else
			sqlite3_result_int(ctx, res == JPR_OK);
	} else if (fn == PF_MATCH) {
		const struct jv *v = found.n == 1 ? found.v[0] : NULL;
		if (v && (v->type == J_TRUE || v->type == J_FALSE))
			sqlite3_result_int(ctx, v->type == J_TRUE);
		else if ((v && v->type == J_NULL) || silent)
			sqlite3_result_null(ctx);
		else
			pgfn_error(ctx, "22038", "single boolean result is expected");
	} else if (fn == PF_FIRST) {
		if (found.n)
			result_jsonb(ctx, found.v[0]);
		else
			sqlite3_result_null(ctx);
	} else if (fn == PF_ARRAY) {
		struct jv arr = {.type = J_ARRAY};
		arr.n = found.n; /* silent: what was found before an error, as PostgreSQL */
		arr.items = arena_alloc(a, (arr.n + 1) * sizeof(*arr.items));
		for (size_t i = 0; i < arr.n; i++)
			arr.items[i] = *found.v[i];
		result_jsonb(ctx, &arr);
	} else { /* the rows of jsonb_path_query as a jsonb[] for the select list's unnest */
		struct strbuf sb, el;
		strbuf_init(&sb, 0);
		strbuf_init(&el, 0);
		strbuf_putc(&sb, '{');
		for (size_t i = 0; i < found.n; i++) {
			el.len = 0;
			pgfn_jsonb_write(&el, found.v[i], false);
			strbuf_puts(&sb, i ? "," : "");
			pgfn_array_put_elem(&sb, arena_strndup(a, el.data ? el.data : "", el.len));
		}
		strbuf_putc(&sb, '}');
		strbuf_fini(&el);
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

/* pgfn_jsonb_path_query(target, path[, vars[, silent]]) in FROM: one row per item. */
static bool start_query(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	struct jp_items found = {0};
	enum jp_res res = JPR_NOTFOUND;
	bool silent = false;
	const char *state = NULL, *err = NULL;
	if (!args[0] || !args[1])
		return pgfn_srf_fail(s, SQLSTATE_UNDEFINED_FUNCTION,
				     "jsonb_path_query needs a target and a path");
	if (!run(s->a, args, 4, &found, &res, &silent, &state, &err))
		return err ? pgfn_srf_fail(s, state, "%s", err) : true;
	s->nrows = found.n;
	s->cells = arena_zalloc(s->a, (found.n + 1) * sizeof(*s->cells));
	for (size_t r = 0; r < found.n; r++) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_jsonb_write(&sb, found.v[r], false);
		s->cells[r] = arena_strndup(s->a, sb.data ? sb.data : "", sb.len);
		strbuf_fini(&sb);
	}
	return true;
}

static const struct pgfn_srf_def defs[] = {
	{"pgfn_jsonb_path_query", "value jsonb", 1, 4, start_query, NULL, NULL},
};

int pgfn_register_jpfn(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc =
		sqlite3_create_function(db, "pgfn_jsonb_path", 6, flags, NULL, fn_path, NULL, NULL);
	return rc == SQLITE_OK ? pgfn_srf_define(db, defs, ARRAY_LEN(defs), NULL) : rc;
}
