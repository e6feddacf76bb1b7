/* SPDX-License-Identifier: Apache-2.0 */
/* sess_explain.c: EXPLAIN [ANALYZE] — the plan SQLite chose for the translated statement
 * (EXPLAIN QUERY PLAN), one text row per plan node in the column "QUERY PLAN", indented as
 * PostgreSQL indents a plan ("->  " under the parent). SQLite's plan has no costs or row
 * estimates; ANALYZE runs the statement too (its changes stay, as in PostgreSQL) and adds the
 * rows it produced and the time it took. */
#include "session_int.h"

#include <string.h>

/* One node of SQLite's plan: (id, parent, notused, detail) rows, parents before children. */
struct node {
	int id, parent, depth;
	const char *detail;
};

static void write_line(struct session *s, const char *line)
{
	size_t mark = pgw_be_datarow_begin(&s->out, 1);
	pgw_be_datarow_value(&s->out, line, strlen(line));
	pgw_be_datarow_end(&s->out, mark);
}

void sess_explain_describe(struct session *s)
{
	const struct pgw_field f = {.name = "QUERY PLAN", .type_oid = PGTYPE_TEXT, .typlen = -1,
				    .typmod = -1};
	pgw_be_row_description(&s->out, 1, &f);
}

/* PostgreSQL's indentation: a child 6 columns right of its parent, behind "->  ". */
static const char *indented(struct arena *a, const struct node *n)
{
	if (n->depth == 0)
		return n->detail;
	return arena_printf(a, "%*s->  %s", 6 * (n->depth - 1) + 2, "", n->detail);
}

/* The plan's nodes (SQLite lists parents first), each with its depth; *n of them. */
static struct node *plan_nodes(struct session *s, sqlite3_stmt *vm, size_t *n,
			       struct pgerr *err)
{
	struct node *v = NULL;
	size_t cap = 0;
	int rc;
	*n = 0;
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			struct node *w = arena_alloc(s->msg_arena, cap * sizeof(*w));
			if (*n)
				memcpy(w, v, *n * sizeof(*w));
			v = w;
		}
		struct node *x = &v[(*n)++];
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

/* EXPLAIN ANALYZE: runs the statement to its end, its rows discarded; the rows it returned
 * (or changed) and its time. */
static bool analyze(struct session *s, const struct xlat_stmt *x, uint64_t *rows, int64_t *us,
		    struct pgerr *err)
{
	struct xlat_stmt run = *x;
	run.kind = XLAT_SQL;
	sqlite3_stmt *vm = sess_prepare(s, &run, err);
	if (!vm)
		return false;
	int64_t start = shard_now_us();
	int rc;
	*rows = 0;
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW)
		++*rows;
	*us = shard_now_us() - start;
	bool ok = rc == SQLITE_DONE || shard_error(shard_conn_db(s->conn), rc, err);
	if (ok && (!x->returns_rows || sqlite3_column_count(vm) == 0))
		*rows = (uint64_t)sqlite3_changes64(shard_conn_db(s->conn));
	shard_conn_stmt_give(s->conn, vm);
	return ok;
}

bool sess_explain_run(struct session *s, const struct xlat_stmt *x, bool simple,
		      struct pgerr *err)
{
	if (x->explain_analyze && x->nparams)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "EXPLAIN ANALYZE with parameters is not supported");
	if (!sess_txn_implicit_begin(s, err))
		return false;
	struct xlat_stmt plan = *x;
	plan.kind = XLAT_SQL;
	plan.sql = arena_printf(s->msg_arena, "EXPLAIN QUERY PLAN %s", x->sql);
	sqlite3_stmt *vm = sess_prepare(s, &plan, err);
	if (!vm)
		return false;
	size_t n = 0;
	struct node *v = plan_nodes(s, vm, &n, err);
	shard_conn_stmt_give(s->conn, vm);
	uint64_t rows = 0;
	int64_t us = 0;
	if (!v || (x->explain_analyze && !analyze(s, x, &rows, &us, err)))
		return false;
	if (simple)
		sess_explain_describe(s);
	for (size_t i = 0; i < n; i++)
		write_line(s, indented(s->msg_arena, &v[i]));
	if (x->explain_analyze) {
		write_line(s, arena_printf(s->msg_arena, "Rows: %llu", (unsigned long long)rows));
		write_line(s, arena_printf(s->msg_arena, "Execution Time: %.3f ms", (double)us / 1000));
	}
	pgw_be_command_complete(&s->out, "EXPLAIN");
	return true;
}
