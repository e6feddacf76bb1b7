/* SPDX-License-Identifier: Apache-2.0 */
/* sess_cursor.c: SQL-level cursors (DECLARE, FETCH, MOVE, CLOSE) and pg_cursors. A cursor
 * without HOLD or SCROLL is its query's sqlite3_stmt on the borrowed connection, stepped on
 * demand, and ends with the transaction; when PostgreSQL's plan could scan backward (the
 * translator's backward_ok) it keeps the rows it stepped and moves back over them, else it is
 * forward only as PostgreSQL's is (55000). A held or scrollable cursor is materialized at
 * DECLARE and moves in every direction (docs/protocol.md).
 *
 *   DECLARE ──> LIVE (vm, stepped by FETCH/MOVE; keep: rows stepped so far kept too)
 *                 └── keep past max_result_bytes, at its last row read ──> forward only
 *               LIVE ──> transaction end / CLOSE ──> freed
 *   DECLARE SCROLL ──> KEPT (rows in memory) ──> transaction end / CLOSE ──> freed
 *   DECLARE WITH HOLD ──> KEPT (rows in memory, read by FETCH/MOVE) ──> CLOSE ──> freed
 *                          └── rollback of the transaction that declared it ──> freed
 * Invariant: vm != NULL exactly for a cursor without HOLD or SCROLL, and then a transaction
 * is open; a KEPT cursor without HOLD lives only while a transaction is open. */
#include "sess_plpgsql.h"
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
	bool scroll, no_scroll;
	bool txn_new; /* declared in the open transaction: its rollback closes a held cursor */
	bool at_end;
	bool keep;   /* LIVE, PostgreSQL would scan it backward: rows stepped are kept in rows */
	bool forgot; /* was keep: dropped its rows past max_result_bytes, forward only now */
	size_t kept_bytes;
	size_t level; /* savepoints open at DECLARE (rare->cursor_sp.n) */
	int64_t created_us;
	int ncols;
	struct pgw_field *fields; /* RowDescription, format 0 */
	uint32_t *types;
	int32_t *typmods;
	sqlite3_stmt *vm;       /* LIVE */
	sqlite3_value **rows;   /* KEPT: nrows * ncols values (sqlite3_value_dup) */
	size_t nrows, cap, pos; /* KEPT: pos 0 before the first row, k on row k, nrows + 1 after */
	/* A simply updatable scan of scan_table (xlat_cursor.scan_table): its statement's last
	 * column, after the ncols shown, is each row's ctid; the rowid of the row last stepped,
	 * and of each KEPT row (nrows, cap as rows), for WHERE CURRENT OF */
	const char *scan_table;
	int64_t live_rowid;
	int64_t *rowids;
	struct sess_cursor *next;
};

/* The session's cursors live in its struct sess_rare, which a session that declares none
 * may lack. */
static struct sess_cursor *cursors_of(const struct session *s)
{
	return s->rare ? s->rare->cursors : NULL;
}

/* The invariant of the diagram above (debug builds). */
static void check_cursors(const struct session *s)
{
	for (const struct sess_cursor *c = cursors_of(s); c; c = c->next) {
		ASSERT(!c->vm || (!c->hold && !c->scroll && s->txn != SESS_TXN_IDLE));
		ASSERT(c->vm || c->hold || c->scroll);
		ASSERT(c->hold || s->txn != SESS_TXN_IDLE);
	}
	(void)s;
}

static struct sess_cursor *find(struct session *s, const char *name)
{
	for (struct sess_cursor *c = cursors_of(s); c; c = c->next)
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
	free(c->rowids);
	arena_free(c->arena);
	free(c->name);
	free(c);
}

static void unlink_cursor(struct session *s, struct sess_cursor *c)
{
	for (struct sess_cursor **pp = &s->rare->cursors; *pp; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	cursor_free(c);
}

static void close_all(struct session *s)
{
	while (cursors_of(s)) {
		struct sess_cursor *c = s->rare->cursors;
		s->rare->cursors = c->next;
		cursor_free(c);
	}
}

/* A simply updatable scan's row just stepped: its rowid, read from its ctid (block rowid /
 * 65536, offset rowid % 65536: xlat_syscol.c). */
static void step_rowid(struct sess_cursor *c)
{
	long long block = 0, offset = 0;
	const char *tid = c->scan_table ? (const char *)sqlite3_column_text(c->vm, c->ncols) : NULL;
	if (tid && sscanf(tid, "(%lld,%lld)", &block, &offset) == 2)
		c->live_rowid = (int64_t)block * 65536 + offset;
}

/* Copies vm's current row to the end of rows; its size in bytes. */
static size_t keep_row(struct sess_cursor *c)
{
	size_t bytes = 0, n = (size_t)c->ncols;
	if (c->nrows == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->rows = realloc(c->rows, c->cap * n * sizeof(*c->rows) + 1);
		ASSERT(c->rows);
		if (c->scan_table) {
			c->rowids = realloc(c->rowids, c->cap * sizeof(*c->rowids));
			ASSERT(c->rowids);
		}
	}
	step_rowid(c);
	if (c->scan_table)
		c->rowids[c->nrows] = c->live_rowid;
	for (size_t i = 0; i < n; i++) {
		sqlite3_value *v = sqlite3_value_dup(sqlite3_column_value(c->vm, (int)i));
		ASSERT(v);
		c->rows[c->nrows * n + i] = v;
		bytes += 16 + (size_t)sqlite3_value_bytes(v);
	}
	c->nrows++;
	return bytes;
}

/* Reads the rest of vm into memory, at most max_result_bytes of values. */
static bool materialize(struct session *s, struct sess_cursor *c, struct pgerr *err)
{
	int64_t cap = s->cfg->max_result_bytes;
	size_t bytes = 0;
	for (;;) {
		int rc = sqlite3_step(c->vm);
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			shard_error(shard_conn_db(s->conn), rc, err);
			return false;
		}
		bytes += keep_row(c);
		if (cap > 0 && bytes > (size_t)cap)
			return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					 "%s cursor \"%s\" holds more than max_result_bytes "
					 "(%lld bytes)",
					 c->hold ? "WITH HOLD" : "SCROLL", c->name, (long long)cap);
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

static bool declare(struct session *s, const struct xlat_stmt *x, sqlite3_stmt **bound,
		    struct pgerr *err)
{
	const struct xlat_cursor *d = x->cursor;
	if (find(s, d->name))
		return pgerr_set(err, SQLSTATE_DUPLICATE_CURSOR, "cursor \"%s\" already exists",
				 d->name);
	/* PostgreSQL's implicit block of a multi-statement Query counts as a block here. */
	if (!d->hold && s->txn == SESS_TXN_IDLE)
		return pgerr_set(err, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
				 "DECLARE CURSOR can only be used in transaction blocks");
	sqlite3_stmt *vm = bound ? *bound : NULL;
	if (!vm && x->nparams > 0) /* a Query's $n is 42P02 before this; a bound one is taken */
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "parameters in DECLARE CURSOR are not supported here");
	bool taken = vm != NULL;
	if (taken)
		*bound = NULL;
	else
		vm = sess_prepare(s, x, err);
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
	c->scroll = d->scroll && !d->no_scroll;
	/* Neither SCROLL nor NO SCROLL: PostgreSQL lets the cursor move back when its plan can
	 * scan backward, and only then. */
	bool unsaid = !d->scroll && !d->no_scroll;
	c->no_scroll = d->no_scroll || (unsaid && !d->backward_ok);
	c->keep = unsaid && d->backward_ok && !d->hold;
	c->txn_new = s->txn != SESS_TXN_IDLE;
	c->level = s->rare ? s->rare->cursor_sp.n : 0;
	c->created_us = shard_now_us();
	c->statement = arena_strdup(c->arena, s->activity_query ? s->activity_query : "");
	describe(s, c, x);
	if (d->scan_table && c->ncols > 0) { /* its ctid, last, is not shown */
		c->ncols--;
		c->scan_table = arena_strdup(c->arena, d->scan_table);
	}
	/* A held cursor outlives the transaction and so the borrowed connection: read it now,
	 * from the snapshot the DECLARE saw, as PostgreSQL's cursor does. A scrollable one too:
	 * a SQLite statement cannot step back (PostgreSQL's SCROLL cursor is insensitive too). */
	if ((c->hold || c->scroll) && !materialize(s, c, err)) {
		if (taken && c->vm) { /* a lock wait runs the Execute again: bound as before */
			sqlite3_reset(vm);
			*bound = vm;
			c->vm = NULL;
		}
		cursor_free(c);
		return false;
	}
	struct sess_rare *r = sess_rare(s);
	c->next = r->cursors;
	r->cursors = c;
	return true;
}

/* Whether the cursor sits on a row (not before the first, not after the last). */
static bool on_row(const struct sess_cursor *c)
{
	if (c->vm && !c->keep) /* a live cursor: pos counts the steps, the last one past the end */
		return c->pos >= 1 && !c->at_end;
	return c->pos >= 1 && c->pos <= c->nrows;
}

void sess_cursor_current_of(struct session *s, sqlite3_context *ctx, sqlite3_value **argv)
{
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *table = (const char *)sqlite3_value_text(argv[1]);
	name = name ? name : "";
	/* inside PL/pgSQL: its cursor variable's cursor, one of its open cursors first */
	if (s->rare && s->rare->pl_top &&
	    sess_pl_current_of(s->rare->pl_top, name, table, ctx, &name))
		return;
	struct sess_cursor *c = find(s, name);
	if (!c) {
		pgfn_error(ctx, SQLSTATE_INVALID_CURSOR_NAME, "cursor \"%s\" does not exist", name);
		return;
	}
	if (c->hold && !c->txn_new) {
		pgfn_error(ctx, "24000", "cursor \"%s\" is held from a previous transaction", name);
		return;
	}
	if (!c->scan_table || !table || strcasecmp(c->scan_table, table) != 0) {
		pgfn_error(ctx, "24000",
			   "cursor \"%s\" is not a simply updatable scan of table \"%s\"", name,
			   table ? table : "");
		return;
	}
	/* on a row: a KEPT one's position, else the statement's row last stepped */
	bool kept = !(c->vm && !c->keep);
	if (!on_row(c)) {
		pgfn_error(ctx, "24000", "cursor \"%s\" is not positioned on a row", name);
		return;
	}
	sqlite3_result_int64(ctx, kept ? c->rowids[c->pos - 1] : c->live_rowid);
}

/* ---- a PL/pgSQL cursor left open when its function or DO block ended ---- */

/* Its fields and types as the row description gives them. */
static void adopt_columns(struct sess_cursor *c, const char *const *names, const uint32_t *types)
{
	size_t k = (size_t)(c->ncols ? c->ncols : 1);
	c->fields = arena_zalloc(c->arena, k * sizeof(*c->fields));
	c->types = arena_alloc(c->arena, k * sizeof(*c->types));
	c->typmods = arena_alloc(c->arena, k * sizeof(*c->typmods));
	for (int i = 0; i < c->ncols; i++) {
		const struct pgtype_info *ti = pgtype_by_oid(types[i] ? types[i] : PGTYPE_TEXT);
		c->types[i] = types[i] ? types[i] : PGTYPE_TEXT;
		c->typmods[i] = -1;
		const char *name = names && names[i] ? names[i] : "?column?";
		c->fields[i] = (struct pgw_field){.name = arena_strdup(c->arena, name),
						  .type_oid = c->types[i],
						  .typlen = ti ? ti->typlen : -1,
						  .typmod = -1};
	}
	c->x = (struct xlat_stmt){.kind = XLAT_SQL, .ncols = -1, .read_only = -1};
}

/* Its rows: each cell (PostgreSQL text, NULL for NULL) an SQLite text value. */
static bool adopt_rows(struct session *s, struct sess_cursor *c, const char *const *cells,
		       size_t nrows, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *one = NULL;
	size_t n = nrows * (size_t)c->ncols;
	if (sqlite3_prepare_v2(db, "SELECT ?1", -1, &one, NULL) != SQLITE_OK)
		return shard_error(db, sqlite3_errcode(db), err), false;
	c->rows = calloc(n + 1, sizeof(*c->rows));
	ASSERT(c->rows);
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		if (cells[i])
			sqlite3_bind_text(one, 1, cells[i], -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(one, 1);
		ok = sqlite3_step(one) == SQLITE_ROW &&
		     (c->rows[i] = sqlite3_value_dup(sqlite3_column_value(one, 0))) != NULL;
		sqlite3_reset(one);
		c->nrows = (i + 1) / (size_t)c->ncols;
	}
	sqlite3_finalize(one);
	c->cap = c->nrows;
	return ok || pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

bool sess_cursor_adopt(struct session *s, const struct sess_cursor_rows *in, struct pgerr *err)
{
	if (s->txn == SESS_TXN_IDLE || find(s, in->name) || !in->ncols)
		return true; /* its transaction ends with the statement: it closes */
	struct sess_cursor *c = calloc(1, sizeof(*c));
	ASSERT(c);
	c->name = strdup(in->name);
	ASSERT(c->name);
	c->arena = arena_new(0);
	c->scroll = true; /* KEPT: rows in memory; NO SCROLL still refuses going back */
	c->no_scroll = in->no_scroll;
	c->txn_new = true;
	c->level = s->rare ? s->rare->cursor_sp.n : 0;
	c->created_us = shard_now_us();
	c->statement = "";
	c->ncols = (int)in->ncols;
	adopt_columns(c, in->names, in->types);
	if (!adopt_rows(s, c, in->cells, in->nrows, err)) {
		cursor_free(c);
		return false;
	}
	c->pos = in->pos;
	if (in->scan_table && in->rowids && in->nrows) { /* WHERE CURRENT OF it still works */
		c->scan_table = arena_strdup(c->arena, in->scan_table);
		c->rowids = malloc(in->nrows * sizeof(*c->rowids));
		ASSERT(c->rowids);
		memcpy(c->rowids, in->rowids, in->nrows * sizeof(*c->rowids));
	}
	struct sess_rare *r = sess_rare(s);
	c->next = r->cursors;
	r->cursors = c;
	check_cursors(s);
	return true;
}

bool sess_cursor_exists(struct session *s, const char *name) { return find(s, name) != NULL; }

bool sess_cursor_live(const struct session *s)
{
	for (const struct sess_cursor *c = cursors_of(s); c; c = c->next)
		if (c->vm)
			return true;
	return false;
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

/* PostgreSQL's answer to a backward move of a NO SCROLL cursor. */
static bool backward_refused(struct pgerr *err)
{
	pgerr_set(err, "55000", "cursor can only scan forward");
	pgerr_hint(err, "Declare it with SCROLL option to enable backward scan.");
	return false;
}

/* Writes one row of a FETCH (a MOVE only counts it); false with err past max_result_bytes. */
static bool emit(struct session *s, struct sess_cursor *c, sqlite3_value **vals,
		 const int16_t *fmts, size_t start, struct pgerr *err)
{
	int64_t cap = s->cfg->max_result_bytes;
	if (!sess_write_row(s, &c->x, c->vm, vals, c->types, c->typmods, fmts, c->ncols, err)) {
		s->out.len = start;
		return false;
	}
	if (cap > 0 && s->out.len - start > (size_t)cap) {
		s->out.len = start;
		return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "result of this statement exceeds max_result_bytes (%lld bytes)",
				 (long long)cap);
	}
	return true;
}

/* Whether the move goes back from the cursor's position (refused for NO SCROLL). FETCH 0
 * (RELATIVE 0) steps back one row to read it again only when it sits on one, and MOVE 0
 * never moves, as PostgreSQL's DoPortalRunFetch does: libpqxx's icursorstream sends
 * FETCH 0 to a NO SCROLL cursor it has just declared. */
static bool goes_back(const struct sess_cursor *c, const struct xlat_cursor *d)
{
	switch (d->dir) {
	case XLAT_FETCH_FORWARD:
		return false;
	case XLAT_FETCH_RELATIVE:
		if (d->count == 0)
			return d->op == XLAT_CUR_FETCH && on_row(c);
		return d->count < 0;
	case XLAT_FETCH_ABSOLUTE:
		return d->count <= 0 || (uint64_t)d->count <= c->pos;
	default:
		return true;
	}
}

/* A LIVE cursor that keeps no rows: its statement steps forward only, so ABSOLUTE and
 * RELATIVE moves ahead of its position skip rows (pos counts those stepped) and moves back
 * are refused as PostgreSQL refuses them. */
static bool fetch_live(struct session *s, struct sess_cursor *c, const struct xlat_cursor *d,
		       const int16_t *fmts, uint64_t *got, struct pgerr *err)
{
	size_t start = s->out.len;
	if (goes_back(c, d)) {
		if (c->no_scroll || !c->forgot)
			return backward_refused(err);
		pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			  "cursor \"%s\" no longer holds the rows before its position: more than "
			  "max_result_bytes (%lld bytes) were read",
			  c->name, (long long)s->cfg->max_result_bytes);
		pgerr_hint(err, "Declare it with SCROLL option to enable backward scan.");
		return false;
	}
	if (d->dir == XLAT_FETCH_RELATIVE && d->count == 0) { /* MOVE 0, or FETCH 0 off a row */
		*got += d->op == XLAT_CUR_MOVE && on_row(c);
		return true;
	}
	bool only_last = d->dir != XLAT_FETCH_FORWARD;
	int64_t n = d->dir == XLAT_FETCH_ABSOLUTE ? d->count - (int64_t)c->pos : d->count;
	for (int64_t i = 0; i < n && !c->at_end; i++) {
		int rc = sqlite3_step(c->vm);
		c->pos++; /* after the last row when done */
		if (rc == SQLITE_DONE) {
			c->at_end = true;
			break;
		}
		if (rc != SQLITE_ROW) {
			shard_error(shard_conn_db(s->conn), rc, err);
			s->out.len = start;
			return false;
		}
		step_rowid(c);
		if (only_last && i + 1 < n)
			continue;
		(*got)++;
		if (d->op == XLAT_CUR_FETCH && !emit(s, c, NULL, fmts, start, err))
			return false;
	}
	return true;
}

/* One step of a KEPT cursor; the row it lands on, or NULL when it went off either end.
 * Position as PostgreSQL keeps it: 0 before the first row, k on row k, nrows + 1 after. */
static sqlite3_value **step_kept(struct sess_cursor *c, bool forward)
{
	if (forward && c->pos <= c->nrows)
		c->pos++;
	else if (!forward && c->pos > 0)
		c->pos--;
	return c->pos >= 1 && c->pos <= c->nrows ? &c->rows[(c->pos - 1) * (size_t)c->ncols] : NULL;
}

/* Moves n steps, writing (FETCH) and counting the rows landed on; with only_last the steps
 * before the last are silent (ABSOLUTE, RELATIVE). */
static bool walk_kept(struct session *s, struct sess_cursor *c, const struct xlat_cursor *d,
		      bool forward, int64_t n, bool only_last, const int16_t *fmts, uint64_t *got,
		      struct pgerr *err)
{
	size_t start = s->out.len;
	for (int64_t i = 0; i < n; i++) {
		sqlite3_value **vals = step_kept(c, forward);
		if (!vals)
			break;
		if (only_last && i + 1 < n)
			continue;
		(*got)++;
		if (d->op == XLAT_CUR_FETCH && !emit(s, c, vals, fmts, start, err))
			return false;
	}
	return true;
}

/* A KEPT cursor: rows in memory, reachable in every direction. */
static bool fetch_kept(struct session *s, struct sess_cursor *c, const struct xlat_cursor *d,
		       const int16_t *fmts, uint64_t *got, struct pgerr *err)
{
	if (c->no_scroll && goes_back(c, d))
		return backward_refused(err);
	int64_t n = d->count, rows = (int64_t)c->nrows;
	switch (d->dir) {
	case XLAT_FETCH_FORWARD:
	case XLAT_FETCH_BACKWARD:
		return walk_kept(s, c, d, d->dir == XLAT_FETCH_FORWARD, n, false, fmts, got, err);
	case XLAT_FETCH_RELATIVE:
		if (n == 0) { /* the current row again */
			if (c->pos < 1 || c->pos > c->nrows)
				return true;
			c->pos--;
			return walk_kept(s, c, d, true, 1, false, fmts, got, err);
		}
		return walk_kept(s, c, d, n > 0, n > 0 ? n : -n, true, fmts, got, err);
	case XLAT_FETCH_ABSOLUTE:
		if (n > 0) {
			c->pos = (size_t)(n - 1 < rows ? n - 1 : rows);
			return walk_kept(s, c, d, true, 1, false, fmts, got, err);
		}
		if (n == 0 || rows + 1 + n < 1) {
			c->pos = 0;
			return true;
		}
		c->pos = (size_t)(rows + 2 + n);
		return walk_kept(s, c, d, false, 1, false, fmts, got, err);
	}
	return true;
}

/* How many rows a move of a keeping cursor needs read: -1 all of them. */
static int64_t rows_needed(const struct sess_cursor *c, const struct xlat_cursor *d)
{
	int64_t pos = (int64_t)c->pos, n = d->count;
	switch (d->dir) {
	case XLAT_FETCH_FORWARD:
		return n >= INT64_MAX - pos ? -1 : pos + n;
	case XLAT_FETCH_RELATIVE:
		return n <= 0 ? 0 : n >= INT64_MAX - pos ? -1 : pos + n;
	case XLAT_FETCH_ABSOLUTE:
		return n >= 0 ? n : -1;
	default:
		return 0;
	}
}

/* A keeping cursor: steps vm for the rows the move needs beyond those kept, keeping them.
 * Past max_result_bytes kept, a cursor on its last row read forgets them all and goes on
 * forward only (a client streaming a large result through it). */
static bool keep_for(struct session *s, struct sess_cursor *c, const struct xlat_cursor *d,
		     struct pgerr *err)
{
	int64_t cap = s->cfg->max_result_bytes;
	if (cap > 0 && c->kept_bytes > (size_t)cap && c->pos >= c->nrows) {
		for (size_t i = 0; i < c->nrows * (size_t)c->ncols; i++)
			sqlite3_value_free(c->rows[i]);
		c->nrows = c->kept_bytes = 0; /* pos stays: fetch_live counts on from it */
		c->keep = false;
		c->forgot = true;
		return true;
	}
	int64_t need = rows_needed(c, d);
	while (!c->at_end && (need < 0 || (int64_t)c->nrows < need)) {
		int rc = sqlite3_step(c->vm);
		if (rc == SQLITE_DONE) {
			c->at_end = true;
			break;
		}
		if (rc != SQLITE_ROW)
			return shard_error(shard_conn_db(s->conn), rc, err);
		c->kept_bytes += keep_row(c);
	}
	return true;
}

/* FETCH / MOVE: FETCH writes the rows it lands on, both count them. */
static bool fetch(struct session *s, const struct xlat_stmt *x, int format, bool simple,
		  struct pgerr *err)
{
	const struct xlat_cursor *d = x->cursor;
	struct sess_cursor *c = find(s, d->name);
	bool move = d->op == XLAT_CUR_MOVE;
	char tag[64];
	if (!c && move && d->dir == XLAT_FETCH_FORWARD) {
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
	size_t start = s->out.len;
	if (!move && simple && c->ncols > 0)
		row_description(s, c, format);
	int16_t *fmts =
		arena_alloc(s->msg_arena, (size_t)(c->ncols ? c->ncols : 1) * sizeof(*fmts));
	for (int i = 0; i < c->ncols; i++)
		fmts[i] = format_of(c, format);
	uint64_t got = 0;
	bool ok = !c->keep || keep_for(s, c, d, err);
	if (!ok || !(c->vm && !c->keep ? fetch_live(s, c, d, fmts, &got, err)
				       : fetch_kept(s, c, d, fmts, &got, err))) {
		s->out.len = start;
		return false;
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
		     sqlite3_stmt **bound, struct pgerr *err)
{
	switch (x->cursor->op) {
	case XLAT_CUR_DECLARE:
		if (!declare(s, x, bound, err))
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
	struct sess_cursor **pp = &s->rare->cursors;
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
	while (s->rare && s->rare->cursor_sp.n > n)
		free(s->rare->cursor_sp.names[--s->rare->cursor_sp.n]);
}

void sess_cursor_savepoint(struct session *s, enum xlat_txn op, const char *name)
{
	if (op == XLAT_TXN_SAVEPOINT) {
		struct sess_rare *r = sess_rare(s);
		if (r->cursor_sp.n == r->cursor_sp.cap) {
			r->cursor_sp.cap = r->cursor_sp.cap ? 2 * r->cursor_sp.cap : 8;
			r->cursor_sp.names =
				realloc(r->cursor_sp.names, r->cursor_sp.cap * sizeof(char *));
			r->cursor_sp.read_only =
				realloc(r->cursor_sp.read_only, r->cursor_sp.cap * sizeof(bool));
			r->cursor_sp.sub =
				realloc(r->cursor_sp.sub, r->cursor_sp.cap * sizeof(unsigned));
			ASSERT(r->cursor_sp.names && r->cursor_sp.read_only && r->cursor_sp.sub);
		}
		r->cursor_sp.names[r->cursor_sp.n] = strdup(name);
		ASSERT(r->cursor_sp.names[r->cursor_sp.n]);
		r->cursor_sp.read_only[r->cursor_sp.n] = s->txn_read_only;
		r->cursor_sp.sub[r->cursor_sp.n] = ++r->sub_seq;
		r->cursor_sp.n++;
		return;
	}
	if (!s->rare)
		return;                  /* no savepoint seen */
	size_t i = s->rare->cursor_sp.n; /* the newest savepoint of that name, as SQLite finds it */
	while (i > 0 && strcmp(s->rare->cursor_sp.names[i - 1], name) != 0)
		i--;
	if (i == 0)
		return; /* SQLite accepted a name we did not see (cannot happen) */
	/* both end the subtransaction, which gives back the READ ONLY it began with (PostgreSQL's
	 * prevXactReadOnly) */
	s->txn_read_only = s->rare->cursor_sp.read_only[i - 1];
	unsigned *sub = s->rare->cursor_sp.sub;
	sess_freeze_sub_end(s, sub[i - 1], op == XLAT_TXN_RELEASE, i > 1 ? sub[i - 2] : 0);
	if (op == XLAT_TXN_ROLLBACK_TO) {
		close_above(s, i - 1); /* the savepoint stays: level i - 1 holds it */
		sp_truncate(s, i);
		sub[i - 1] = ++s->rare->sub_seq; /* and begins a new subtransaction */
		return;
	}
	sp_truncate(s, i - 1); /* RELEASE: its cursors now belong to the enclosing level */
	for (struct sess_cursor *c = s->rare->cursors; c; c = c->next)
		if (c->level > i - 1)
			c->level = i - 1;
}

void sess_cursor_txn_end(struct session *s, bool commit)
{
	sp_truncate(s, 0);
	sess_freeze_forget(s);
	if (!s->rare)
		return;
	struct sess_cursor **pp = &s->rare->cursors;
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
	for (struct sess_cursor *c = cursors_of(s); c; c = c->next)
		n++;
	struct catalog_cursor *v = arena_zalloc(a, (n ? n : 1) * sizeof(*v));
	n = 0;
	for (struct sess_cursor *c = cursors_of(s); c; c = c->next)
		v[n++] = (struct catalog_cursor){
			c->name,   c->statement,  c->hold,
			c->binary, c->created_us, (c->vm == NULL || c->keep) && !c->no_scroll};
	*out = v;
	return n;
}

void sess_cursor_free_all(struct session *s)
{
	close_all(s);
	sp_truncate(s, 0); /* outside a transaction (DISCARD ALL) or at the session's end */
	sess_freeze_forget(s);
	if (!s->rare)
		return;
	free(s->rare->cursor_sp.names);
	free(s->rare->cursor_sp.read_only);
	free(s->rare->cursor_sp.sub);
	s->rare->cursor_sp.names = NULL;
	s->rare->cursor_sp.read_only = NULL;
	s->rare->cursor_sp.sub = NULL;
	s->rare->cursor_sp.cap = 0;
}
