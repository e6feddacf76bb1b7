/* SPDX-License-Identifier: Apache-2.0 */
/* sess_cursor.c: SQL-level cursors (DECLARE, FETCH, MOVE, CLOSE) and pg_cursors. A cursor
 * without HOLD is its query's sqlite3_stmt on the borrowed connection, stepped on demand, and
 * ends with the transaction; a held cursor is materialized at DECLARE (docs/protocol.md).
 *
 *   DECLARE ──> LIVE (vm, stepped by FETCH/MOVE) ──> transaction end / CLOSE ──> freed
 *   DECLARE WITH HOLD ──> KEPT (rows in memory, read by FETCH/MOVE) ──> CLOSE ──> freed
 *                          └── rollback of the transaction that declared it ──> freed
 * Invariant: vm != NULL exactly for a cursor without HOLD, and then a transaction is open. */
#include "session_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sess_cursor {
	char *name;
	struct arena *arena;   /* everything below but vm and rows */
	struct xlat_stmt x;    /* the query's translation (column hints for encoding) */
	const char *statement; /* the client's text, for pg_cursors */
	bool hold, binary;
	bool txn_new; /* declared in the open transaction: its rollback closes a held cursor */
	bool at_end;
	size_t level; /* savepoints open at DECLARE (s->cursor_sp.n) */
	int64_t created_us;
	int ncols;
	struct pgw_field *fields; /* RowDescription, format 0 */
	uint32_t *types;
	int32_t *typmods;
	sqlite3_stmt *vm;     /* LIVE */
	sqlite3_value **rows; /* KEPT: nrows * ncols values (sqlite3_value_dup) */
	size_t nrows, cap, pos;
	struct sess_cursor *next;
};

/* The invariant of the diagram above (debug builds). */
static void check_cursors(const struct session *s)
{
	for (const struct sess_cursor *c = s->cursors; c; c = c->next) {
		ASSERT(!c->vm || (!c->hold && s->txn != SESS_TXN_IDLE));
		ASSERT(c->vm || c->hold);
	}
	(void)s;
}

static struct sess_cursor *find(struct session *s, const char *name)
{
	for (struct sess_cursor *c = s->cursors; c; c = c->next)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static void cursor_free(struct sess_cursor *c)
{
	sqlite3_finalize(c->vm);
	for (size_t i = 0; i < c->nrows * (size_t)c->ncols; i++)
		sqlite3_value_free(c->rows[i]);
	free(c->rows);
	arena_free(c->arena);
	free(c->name);
	free(c);
}

static void unlink_cursor(struct session *s, struct sess_cursor *c)
{
	for (struct sess_cursor **pp = &s->cursors; *pp; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	cursor_free(c);
}

static void close_all(struct session *s)
{
	while (s->cursors) {
		struct sess_cursor *c = s->cursors;
		s->cursors = c->next;
		cursor_free(c);
	}
}

/* Reads the rest of vm into memory, at most max_result_bytes of values. */
static bool materialize(struct session *s, struct sess_cursor *c, struct pgerr *err)
{
	int64_t cap = s->env->cfg->max_result_bytes;
	size_t bytes = 0, n = (size_t)c->ncols;
	for (;;) {
		int rc = sqlite3_step(c->vm);
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			shard_error(shard_conn_db(s->conn), rc, err);
			return false;
		}
		if (c->nrows == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 64;
			c->rows = realloc(c->rows, c->cap * n * sizeof(*c->rows) + 1);
			ASSERT(c->rows);
		}
		for (size_t i = 0; i < n; i++) {
			sqlite3_value *v = sqlite3_value_dup(sqlite3_column_value(c->vm, (int)i));
			ASSERT(v);
			c->rows[c->nrows * n + i] = v;
			bytes += 16 + (size_t)sqlite3_value_bytes(v);
		}
		c->nrows++;
		if (cap > 0 && bytes > (size_t)cap)
			return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					 "WITH HOLD cursor \"%s\" holds more than max_result_bytes "
					 "(%lld bytes)",
					 c->name, (long long)cap);
	}
	sqlite3_finalize(c->vm);
	c->vm = NULL;
	return true;
}

/* The query's column names, types and encodings, kept beyond the message. */
static void describe(struct session *s, struct sess_cursor *c, const struct xlat_stmt *x)
{
	int n = c->ncols = sess_ncols(x, c->vm);
	size_t k = (size_t)(n ? n : 1);
	struct pgw_field *f = arena_alloc(s->msg_arena, k * sizeof(*f));
	sess_describe_columns(s, x, c->vm, NULL, f);
	c->fields = arena_alloc(c->arena, k * sizeof(*f));
	for (int i = 0; i < n; i++) {
		c->fields[i] = f[i];
		c->fields[i].name = arena_strdup(c->arena, f[i].name ? f[i].name : "?column?");
	}
	c->types = arena_alloc(c->arena, k * sizeof(*c->types));
	c->typmods = arena_alloc(c->arena, k * sizeof(*c->typmods));
	sess_column_types(x, c->vm, c->types, c->typmods);
	/* only what encoding reads: the column hints (tenants were attached by sess_prepare) */
	c->x = (struct xlat_stmt){.kind = XLAT_SQL, .ncols = x->ncols, .read_only = -1};
	if (x->ncols > 0) {
		c->x.cols = arena_alloc(c->arena, (size_t)x->ncols * sizeof(*x->cols));
		memcpy(c->x.cols, x->cols, (size_t)x->ncols * sizeof(*x->cols));
	}
}

static bool declare(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	const struct xlat_cursor *d = x->cursor;
	if (find(s, d->name))
		return pgerr_set(err, SQLSTATE_DUPLICATE_CURSOR, "cursor \"%s\" already exists",
				 d->name);
	/* PostgreSQL's implicit block of a multi-statement Query counts as a block here. */
	if (!d->hold && s->txn == SESS_TXN_IDLE)
		return pgerr_set(err, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
				 "DECLARE CURSOR can only be used in transaction blocks");
	sqlite3_stmt *vm = sess_prepare(s, x, err);
	if (!vm)
		return false;
	struct sess_cursor *c = calloc(1, sizeof(*c));
	ASSERT(c);
	c->name = strdup(d->name);
	ASSERT(c->name);
	c->arena = arena_new(0);
	c->vm = vm;
	c->hold = d->hold;
	c->binary = d->binary;
	c->txn_new = s->txn != SESS_TXN_IDLE;
	c->level = s->cursor_sp.n;
	c->created_us = shard_now_us();
	c->statement = arena_strdup(c->arena, s->activity_query ? s->activity_query : "");
	describe(s, c, x);
	/* A held cursor outlives the transaction and so the borrowed connection: read it now,
	 * from the snapshot the DECLARE saw, as PostgreSQL's cursor does. */
	if (c->hold && !materialize(s, c, err)) {
		cursor_free(c);
		return false;
	}
	c->next = s->cursors;
	s->cursors = c;
	return true;
}

static int16_t format_of(const struct sess_cursor *c, int format)
{
	return (int16_t)(format >= 0 ? format : c->binary ? 1 : 0);
}

static void row_description(struct session *s, const struct sess_cursor *c, int format)
{
	if (c->ncols == 0) {
		pgw_be_no_data(&s->out);
		return;
	}
	struct pgw_field *f = arena_alloc(s->msg_arena, (size_t)c->ncols * sizeof(*f));
	for (int i = 0; i < c->ncols; i++) {
		f[i] = c->fields[i];
		f[i].format = format_of(c, format);
	}
	pgw_be_row_description(&s->out, (size_t)c->ncols, f);
}

/* FETCH / MOVE: up to count rows forward; FETCH writes them. */
static bool fetch(struct session *s, const struct xlat_stmt *x, int format, bool simple,
		  struct pgerr *err)
{
	const struct xlat_cursor *d = x->cursor;
	struct sess_cursor *c = find(s, d->name);
	bool move = d->op == XLAT_CUR_MOVE;
	char tag[64];
	if (!c && move) {
		uint64_t moved;
		bool found;
		if (!sess_ext_portal_move(s, d->name, d->count, &moved, &found, err))
			return false;
		snprintf(tag, sizeof(tag), "MOVE %llu", (unsigned long long)moved);
		if (found) {
			pgw_be_command_complete(&s->out, tag);
			return true;
		}
	}
	if (!c)
		return pgerr_set(err, SQLSTATE_INVALID_CURSOR_NAME, "cursor \"%s\" does not exist",
				 d->name);
	if (!move && simple && c->ncols > 0)
		row_description(s, c, format);
	int16_t *fmts =
		arena_alloc(s->msg_arena, (size_t)(c->ncols ? c->ncols : 1) * sizeof(*fmts));
	for (int i = 0; i < c->ncols; i++)
		fmts[i] = format_of(c, format);
	int64_t cap = s->env->cfg->max_result_bytes;
	size_t start = s->out.len;
	uint64_t got = 0;
	while ((int64_t)got < d->count && !c->at_end) {
		sqlite3_value **vals = NULL;
		if (c->vm) {
			int rc = sqlite3_step(c->vm);
			if (rc == SQLITE_DONE) {
				c->at_end = true;
				break;
			}
			if (rc != SQLITE_ROW) {
				shard_error(shard_conn_db(s->conn), rc, err);
				s->out.len = start;
				return false;
			}
		} else if (c->pos == c->nrows) {
			c->at_end = true;
			break;
		} else {
			vals = &c->rows[c->pos++ * (size_t)c->ncols];
		}
		got++;
		if (move)
			continue;
		if (!sess_write_row(s, &c->x, c->vm, vals, c->types, c->typmods, fmts, c->ncols,
				    err)) {
			s->out.len = start;
			return false;
		}
		if (cap > 0 && s->out.len - start > (size_t)cap) {
			s->out.len = start;
			return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					 "result of this statement exceeds max_result_bytes (%lld "
					 "bytes)",
					 (long long)cap);
		}
	}
	snprintf(tag, sizeof(tag), "%s %llu", x->tag, (unsigned long long)got);
	pgw_be_command_complete(&s->out, tag);
	return true;
}

static bool close_cursor(struct session *s, const struct xlat_cursor *d, struct pgerr *err)
{
	if (!d->name) {
		close_all(s);
		return true;
	}
	struct sess_cursor *c = find(s, d->name);
	if (!c)
		return pgerr_set(err, SQLSTATE_INVALID_CURSOR_NAME, "cursor \"%s\" does not exist",
				 d->name);
	unlink_cursor(s, c);
	return true;
}

bool sess_cursor_run(struct session *s, const struct xlat_stmt *x, int format, bool simple,
		     struct pgerr *err)
{
	switch (x->cursor->op) {
	case XLAT_CUR_DECLARE:
		if (!declare(s, x, err))
			return false;
		check_cursors(s);
		break;
	case XLAT_CUR_FETCH:
	case XLAT_CUR_MOVE:
		return fetch(s, x, format, simple, err);
	case XLAT_CUR_CLOSE:
		if (!close_cursor(s, x->cursor, err))
			return false;
		break;
	}
	pgw_be_command_complete(&s->out, x->tag);
	return true;
}

void sess_cursor_describe(struct session *s, const struct xlat_stmt *x, int format)
{
	struct sess_cursor *c = x->cursor->op == XLAT_CUR_FETCH ? find(s, x->cursor->name) : NULL;
	if (c)
		row_description(s, c, format);
	else
		pgw_be_no_data(&s->out);
}

bool sess_cursor_describe_portal(struct session *s, const char *name)
{
	struct sess_cursor *c = find(s, name);
	if (c)
		row_description(s, c, -1);
	return c != NULL;
}

/* Closes the cursors declared while more than level savepoints were open. */
static void close_above(struct session *s, size_t level)
{
	struct sess_cursor **pp = &s->cursors;
	while (*pp) {
		struct sess_cursor *c = *pp;
		if (c->txn_new && c->level > level) {
			*pp = c->next;
			cursor_free(c);
			continue;
		}
		pp = &c->next;
	}
}

static void sp_truncate(struct session *s, size_t n)
{
	while (s->cursor_sp.n > n)
		free(s->cursor_sp.names[--s->cursor_sp.n]);
}

void sess_cursor_savepoint(struct session *s, enum xlat_txn op, const char *name)
{
	if (op == XLAT_TXN_SAVEPOINT) {
		if (s->cursor_sp.n == s->cursor_sp.cap) {
			s->cursor_sp.cap = s->cursor_sp.cap ? 2 * s->cursor_sp.cap : 8;
			s->cursor_sp.names =
				realloc(s->cursor_sp.names, s->cursor_sp.cap * sizeof(char *));
			ASSERT(s->cursor_sp.names);
		}
		s->cursor_sp.names[s->cursor_sp.n] = strdup(name);
		ASSERT(s->cursor_sp.names[s->cursor_sp.n]);
		s->cursor_sp.n++;
		return;
	}
	size_t i = s->cursor_sp.n; /* the newest savepoint of that name, as SQLite finds it */
	while (i > 0 && strcmp(s->cursor_sp.names[i - 1], name) != 0)
		i--;
	if (i == 0)
		return; /* SQLite accepted a name we did not see (cannot happen) */
	if (op == XLAT_TXN_ROLLBACK_TO) {
		close_above(s, i - 1); /* the savepoint stays: level i - 1 holds it */
		sp_truncate(s, i);
		return;
	}
	sp_truncate(s, i - 1); /* RELEASE: its cursors now belong to the enclosing level */
	for (struct sess_cursor *c = s->cursors; c; c = c->next)
		if (c->level > i - 1)
			c->level = i - 1;
}

void sess_cursor_txn_end(struct session *s, bool commit)
{
	sp_truncate(s, 0);
	struct sess_cursor **pp = &s->cursors;
	while (*pp) {
		struct sess_cursor *c = *pp;
		if (!c->hold || (!commit && c->txn_new)) {
			*pp = c->next;
			cursor_free(c);
			continue;
		}
		c->txn_new = false;
		pp = &c->next;
	}
	check_cursors(s);
}

size_t sess_cursor_list(void *arg, struct arena *a, struct catalog_cursor **out)
{
	struct session *s = arg;
	size_t n = 0;
	for (struct sess_cursor *c = s->cursors; c; c = c->next)
		n++;
	struct catalog_cursor *v = arena_zalloc(a, (n ? n : 1) * sizeof(*v));
	n = 0;
	for (struct sess_cursor *c = s->cursors; c; c = c->next)
		v[n++] = (struct catalog_cursor){c->name, c->statement, c->hold, c->binary,
						 c->created_us};
	*out = v;
	return n;
}

void sess_cursor_free_all(struct session *s)
{
	close_all(s);
	sp_truncate(s, 0); /* outside a transaction (DISCARD ALL) or at the session's end */
	free(s->cursor_sp.names);
	s->cursor_sp.names = NULL;
	s->cursor_sp.cap = 0;
}
