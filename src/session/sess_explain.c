/* SPDX-License-Identifier: Apache-2.0 */
/* sess_explain.c: EXPLAIN [ANALYZE] — the plan SQLite chose for the translated statement
 * (EXPLAIN QUERY PLAN), one text row per plan node in the column "QUERY PLAN", indented as
 * PostgreSQL indents a plan ("->  " under the parent), or one JSON/YAML/XML document
 * (sess_explainfmt.c). SQLite's plan has no costs or row estimates; ANALYZE runs the
 * statement too (its changes stay, as in PostgreSQL) and adds its rows and time. */
#include "session_int.h"

#include <string.h>

static void write_line(struct session *s, const char *line)
{
	size_t mark = pgw_be_datarow_begin(&s->out, 1);
	pgw_be_datarow_value(&s->out, line, strlen(line));
	pgw_be_datarow_end(&s->out, mark);
}

void sess_explain_describe(struct session *s, const struct xlat_stmt *x)
{
	char format = x->explain_format;
	const struct pgw_field f = {.name = "QUERY PLAN",
				    .type_oid = format == 'j'	? PGTYPE_JSON
						: format == 'x' ? PGTYPE_XML
								: PGTYPE_TEXT,
				    .typlen = -1,
				    .typmod = -1};
	pgw_be_row_description(&s->out, 1, &f);
}

/* PostgreSQL's indentation: a child 6 columns right of its parent, behind "->  ". */
static const char *indented(struct arena *a, const struct sess_plan_line *n)
{
	if (n->depth == 0)
		return n->detail;
	return arena_printf(a, "%*s->  %s", 6 * (n->depth - 1) + 2, "", n->detail);
}

/* The plan's nodes (SQLite lists parents first), each with its depth; *n of them. */
static struct sess_plan_line *plan_nodes(struct session *s, sqlite3_stmt *vm, size_t *n,
			       struct pgerr *err)
{
	struct sess_plan_line *v = NULL;
	size_t cap = 0;
	int rc;
	*n = 0;
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			struct sess_plan_line *w = arena_alloc(s->msg_arena, cap * sizeof(*w));
			if (*n)
				memcpy(w, v, *n * sizeof(*w));
			v = w;
		}
		struct sess_plan_line *x = &v[(*n)++];
		x->id = sqlite3_column_int(vm, 0);
		x->parent = sqlite3_column_int(vm, 1);
		x->detail = arena_strdup(s->msg_arena, (const char *)sqlite3_column_text(vm, 3));
		x->depth = 0;
		for (size_t k = 0; k + 1 < *n; k++)
			if (v[k].id == x->parent)
				x->depth = v[k].depth + 1;
	}
	if (rc != SQLITE_DONE) {
		shard_error(shard_conn_db(s->conn), rc, err);
		return NULL;
	}
	return v ? v : arena_alloc(s->msg_arena, sizeof(*v));
}

/* EXPLAIN ANALYZE: runs the statement (bound, the portal's vm, which stays its; else prepared
 * here) to its end, its rows discarded; the rows it returned (or changed) and its time. */
static bool analyze(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *bound,
		    struct sess_plan_run *r, struct pgerr *err)
{
	struct xlat_stmt run = *x;
	run.kind = XLAT_SQL;
	sqlite3_stmt *vm = bound ? bound : sess_prepare(s, &run, err);
	if (!vm)
		return false;
	int64_t start = shard_now_us();
	int rc;
	r->rows = 0;
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW)
		r->rows++;
	r->exec_ms = (double)(shard_now_us() - start) / 1000;
	bool ok = rc == SQLITE_DONE || shard_error(shard_conn_db(s->conn), rc, err);
	if (ok && (!x->returns_rows || sqlite3_column_count(vm) == 0))
		r->rows = (uint64_t)sqlite3_changes64(shard_conn_db(s->conn));
	if (bound)
		sqlite3_reset(vm);
	else
		shard_conn_stmt_give(s->conn, vm);
	return ok;
}

/* The plan as rows: one per node in text, one document otherwise. */
static void write_plan(struct session *s, const struct xlat_stmt *x,
		       const struct sess_plan_line *v, size_t n, const struct sess_plan_run *r)
{
	if (x->explain_format != 't') {
		const char *doc = sess_explain_doc(s->msg_arena, v, n, x->explain_format, r);
		write_line(s, doc ? doc : "");
		return;
	}
	for (size_t i = 0; i < n; i++)
		write_line(s, indented(s->msg_arena, &v[i]));
	if (r) {
		write_line(s,
			   arena_printf(s->msg_arena, "Rows: %llu", (unsigned long long)r->rows));
		write_line(s, arena_printf(s->msg_arena, "Execution Time: %.3f ms", r->exec_ms));
	}
}

bool sess_explain_run(struct session *s, const struct xlat_stmt *x, bool simple,
		      sqlite3_stmt *bound, struct pgerr *err)
{
	if (x->explain_analyze && x->nparams && !bound) /* a simple Query's $1 has no value */
		return pgerr_set(err, SQLSTATE_UNDEFINED_PARAMETER, "there is no parameter $1");
	if (!sess_txn_implicit_begin(s, err))
		return false;
	struct xlat_stmt plan = *x;
	plan.kind = XLAT_SQL;
	plan.sql = arena_printf(s->msg_arena, "EXPLAIN QUERY PLAN %s", x->sql);
	int64_t start = shard_now_us();
	sqlite3_stmt *vm = sess_prepare(s, &plan, err);
	if (!vm)
		return false;
	size_t n = 0;
	struct sess_plan_line *v = plan_nodes(s, vm, &n, err);
	shard_conn_stmt_give(s->conn, vm);
	struct sess_plan_run r = {.plan_ms = (double)(shard_now_us() - start) / 1000};
	if (!v || (x->explain_analyze && !analyze(s, x, bound, &r, err)))
		return false;
	if (simple)
		sess_explain_describe(s, x);
	write_plan(s, x, v, n, x->explain_analyze ? &r : NULL);
	pgw_be_command_complete(&s->out, "EXPLAIN");
	return true;
}
