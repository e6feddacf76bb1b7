/* SPDX-License-Identifier: Apache-2.0 */
/* sess_trgstmt.c: FOR EACH STATEMENT triggers (src/xlat/xlat_trigger.c makes them). SQLite has
 * none, so the session fires them around the statement: the BEFORE ones before its first step,
 * the AFTER ones once SQLite has made every change — after the first step, since an INSERT,
 * UPDATE or DELETE does all its work there (RETURNING rows included) — so after the row
 * triggers, as in PostgreSQL. They fire even when no row is affected, with TG_LEVEL STATEMENT
 * and NEW and OLD NULL; the function's result is ignored. */
#include "sess_plpgsql.h"

#include <string.h>
#include <strings.h>

#define TG_STATEMENT 256 /* the sidecar's mark of a statement trigger (docs/catalog.md) */

/* A new zeroed entry at the end of *v (n entries, room for *cap), grown in a. */
static struct sess_stmt_trg *push(struct arena *a, struct sess_stmt_trg **v, size_t *n,
				  size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		struct sess_stmt_trg *w = arena_zalloc(a, *cap * sizeof(*w));
		if (*n)
			memcpy(w, *v, *n * sizeof(*w));
		*v = w;
	}
	return &(*v)[(*n)++];
}

bool sess_trigger_read_statement(sqlite3 *db, struct arena *a, const struct sess_stmt_trg **out,
				 size_t *n)
{
	sqlite3_stmt *st = NULL;
	*out = NULL;
	*n = 0;
	/* rows whose SQLite trigger went with a dropped table are stale; a temporary table's
	 * are in the temp schema */
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT table_name, name, timing, events, NOT EXISTS (SELECT 1 FROM "
		    "main.sqlite_schema WHERE type = 'trigger' AND name LIKE t.table_name || '.' "
		    "|| t.name || '.%') FROM main._shardlite_triggers t WHERE EXISTS (SELECT 1 FROM main.sqlite_schema WHERE type = 'trigger' AND "
		    "name LIKE t.table_name || '.' || t.name || '.%' UNION ALL SELECT 1 FROM "
		    "temp.sqlite_schema WHERE type = 'trigger' AND name LIKE t.table_name || '.' "
		    "|| t.name || '.%') ORDER BY table_name, name",
		    -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		st = NULL; /* no sidecar yet: no triggers of CREATE TRIGGER */
	}
	size_t cap = 0;
	struct sess_stmt_trg *v = NULL;
	int rc = SQLITE_DONE;
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sess_stmt_trg *t = push(a, &v, n, &cap);
		t->table = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
		t->name = arena_strdup(a, (const char *)sqlite3_column_text(st, 1));
		const char *timing = (const char *)sqlite3_column_text(st, 2);
		t->before = timing && strcmp(timing, "BEFORE") == 0;
		t->instead = timing && strcmp(timing, "INSTEAD OF") == 0;
		t->row = !(sqlite3_column_int(st, 3) & TG_STATEMENT) && t->before;
		t->after_row = !(sqlite3_column_int(st, 3) & TG_STATEMENT) && !t->before &&
			       !t->instead;
		t->before &= !t->row;
		t->events = sqlite3_column_int(st, 3) & (4 | 8 | 16 | 32); /* not the marks */
		t->temp = sqlite3_column_int(st, 4);
	}
	sqlite3_finalize(st);
	/* a DEFERRABLE UNIQUE key's triggers (xlat_defkey.c) count as AFTER row triggers: the
	 * key is checked once the statement's changes are made */
	if (rc == SQLITE_DONE &&
	    sqlite3_prepare_v2(db,
			       "SELECT tbl_name, name FROM main.sqlite_schema WHERE type = 'trigger' "
			       "AND name LIKE '%" XLAT_DEFKEY_INSERT "' ORDER BY tbl_name, name",
			       -1, &st, NULL) == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			*push(a, &v, n, &cap) = (struct sess_stmt_trg){
				.table = arena_strdup(a, (const char *)sqlite3_column_text(st, 0)),
				.name = arena_strdup(a, (const char *)sqlite3_column_text(st, 1)),
				.after_row = true,
				.events = 4 | 16};
		}
		sqlite3_finalize(st);
	}
	*out = v;
	return rc == SQLITE_DONE;
}

static bool run_one(struct session *s, const char *table, const char *name, const char *event,
		    const struct sess_trg_def *d, size_t lo, struct arena *a, struct pgerr *err)
{
	const struct xlat_udf *u = sess_udf_find(s, d->func_name, d->func_sig);
	if (!u)
		return pgerr_set(err, SQLSTATE_UNDEFINED_FUNCTION, "function %s() does not exist",
				 d->func_name);
	const struct xlat_pl_func *f;
	if (!sess_udf_depth_ok(s, err) || !(f = sess_udf_compile(s, u, a, err)))
		return false;
	struct pl_run r = {.s = s, .f = f, .scratch = arena_new(0), .ret_rec = -1};
	bool ok = sess_pl_vars_init(&r, err) &&
		  sess_trigger_set_tg(&r, name, table, event, "STATEMENT", d, a, err);
	if (ok)
		sess_trigger_null_rows(&r, table, a);
	bool holds = true; /* WHEN (pg_trigger_depth() = 0): no column values (xlat_trigger.c) */
	const struct xlat_pl_expr *e = ok && d->when ? xlat_trigger_when(f, d->when, a, err) : NULL;
	if (ok && d->when)
		ok = e && sess_trigger_when_eval(&r, e, &holds, err);
	ok = ok && (!holds || sess_trigger_statement_tt(s, table, name, d, lo, &r, a, err));
	sess_pl_vars_free(&r);
	arena_free(r.scratch);
	return ok;
}

/* Whether one of the 0x1f-joined names of a is among those of b (as SQLite matches names). */
static bool names_meet(const char *a, const char *b)
{
	for (const char *p = a; *p;) {
		size_t n = strcspn(p, "\x1f");
		for (const char *q = b; *q;) {
			size_t m = strcspn(q, "\x1f");
			if (m == n && strncasecmp(p, q, n) == 0)
				return true;
			q += m + (q[m] != '\0');
		}
		p += n + (p[n] != '\0');
	}
	return false;
}

/* UPDATE OF: whether statement x assigns one of the trigger's columns (PostgreSQL tests the
 * statement's SET list, also when it updates no row). */
static bool update_of(struct session *s, const struct xlat_stmt *x, const char *table,
		      const struct sess_trg_def *d)
{
	if (!*d->columns)
		return true;
	if (!x || !x->sql)
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool hit = shard_conn_updated_columns(s->conn, x->sql, table, &sb) && sb.data &&
		   names_meet(d->columns, sb.data);
	strbuf_fini(&sb);
	return hit;
}

static bool fire_one(struct session *s, const struct xlat_stmt *x, const char *table,
		     const char *name, const char *event, size_t lo, struct pgerr *err)
{
	struct arena *a = arena_new(0);
	struct sess_trg_def d = {0};
	bool ok = sess_trigger_def(s, table, name, a, &d, err);
	if (ok && sess_trigger_enabled(s, &d) &&
	    (strcmp(event, "UPDATE") != 0 || update_of(s, x, table, &d)))
		ok = run_one(s, table, name, event, &d, lo, a, err);
	arena_free(a);
	return ok;
}

/* Whether trigger t is of table as the statement names it: a temporary table's name hides
 * the permanent one's (*temp: -1 until looked up, then whether table is the temporary one). */
static bool of_table(struct session *s, const struct sess_stmt_trg *t, const char *table,
		     int *temp)
{
	if (strcasecmp(t->table, table) != 0)
		return false;
	if (*temp < 0)
		*temp = s->conn && shard_conn_pinned(s->conn) &&
			strcmp(sess_table_schema(s, table), "temp") == 0;
	return t->temp == (*temp == 1);
}

/* The triggers of table for events at this timing, copied (the schema copy they live in may
 * be replaced by DDL in a function); NULL when there are none. */
static const struct sess_stmt_trg *matching(struct session *s, const char *table, int events,
					    bool before, struct arena *a, size_t *n)
{
	size_t all;
	const struct sess_stmt_trg *v = sess_types_stmt_triggers(s, &all);
	struct sess_stmt_trg *out = NULL;
	int temp = -1;
	*n = 0;
	for (size_t i = 0; i < all; i++) {
		if (v[i].instead || v[i].row || v[i].after_row || v[i].before != before ||
		    !(v[i].events & events) || !of_table(s, &v[i], table, &temp))
			continue;
		if (!out)
			out = arena_zalloc(a, (all - i) * sizeof(*out));
		out[*n].table = arena_strdup(a, v[i].table);
		out[*n].name = arena_strdup(a, v[i].name);
		out[*n].events = v[i].events;
		out[*n].before = before;
		++*n;
	}
	return out;
}

/* PostgreSQL's order: by event (an INSERT ... ON CONFLICT DO UPDATE's INSERT triggers before
 * its UPDATE ones, and after it the other way round), then by name. lo: where the statement's
 * queued rows start (the AFTER ones' transition tables). */
static bool fire_events(struct session *s, const struct xlat_stmt *x, const char *table, int events,
			bool before, size_t lo, struct pgerr *err)
{
	static const struct {
		int bit;
		const char *op;
	} ev[] = {{4, "INSERT"}, {16, "UPDATE"}, {8, "DELETE"}, {32, "TRUNCATE"}};
	size_t n = 0;
	if (!sess_types_stmt_triggers(s, &n) || !n)
		return true;
	struct arena *a = arena_new(0);
	const struct sess_stmt_trg *v = matching(s, table, events, before, a, &n);
	bool ok = true;
	for (size_t k = 0; ok && n && k < ARRAY_LEN(ev); k++) {
		size_t e = before ? k : ARRAY_LEN(ev) - 1 - k;
		for (size_t i = 0; ok && (events & ev[e].bit) && i < n; i++)
			if (v[i].events & ev[e].bit)
				ok = fire_one(s, x, v[i].table, v[i].name, ev[e].op, lo, err);
	}
	arena_free(a);
	return ok;
}

/* Whether table is a view with INSTEAD OF triggers. */
static bool has_instead(struct session *s, const char *table)
{
	size_t n;
	int temp = -1;
	const struct sess_stmt_trg *v = sess_types_stmt_triggers(s, &n);
	for (size_t i = 0; i < n; i++)
		if (v[i].instead && of_table(s, &v[i], table, &temp))
			return true;
	return false;
}

/* Whether table is a view: of the session's temp schema, found first as SQLite finds it (the
 * schema snapshot knows only the file's relations), else of the tenant's file. */
static bool is_view(struct session *s, const char *table)
{
	sqlite3_stmt *st = NULL;
	int found = -1; /* not in the temp schema */
	if (s->conn && shard_conn_pinned(s->conn) &&
	    sqlite3_prepare_v2(shard_conn_db(s->conn),
			       "SELECT type = 'view' FROM temp.sqlite_schema WHERE type IN ('table', "
			       "'view') AND name = ?1 COLLATE NOCASE",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			found = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	if (found >= 0)
		return found;
	const struct catalog_relation *r = sess_types_relation(s, table);
	return r && r->view;
}

int sess_trigger_row_events(struct session *s, const char *table)
{
	size_t n;
	int temp = -1, events = 0;
	const struct sess_stmt_trg *v = sess_types_stmt_triggers(s, &n);
	for (size_t i = 0; i < n; i++)
		if ((v[i].row || v[i].after_row) && !strstr(v[i].name, XLAT_DEFKEY_INSERT) &&
		    of_table(s, &v[i], table, &temp))
			events |= v[i].events;
	return events;
}

size_t sess_trigger_before_count(struct session *s, const char *table, int bit)
{
	size_t n, count = 0;
	int temp = -1;
	const struct sess_stmt_trg *v = sess_types_stmt_triggers(s, &n);
	for (size_t i = 0; i < n; i++)
		count += v[i].row && (v[i].events & bit) && of_table(s, &v[i], table, &temp);
	return count;
}

/* Whether table has triggers whose functions the statement runs (a function may block, and a
 * write that ran cannot move to a worker: sess_inline.c). */
static bool runs_functions(struct session *s, const char *table)
{
	size_t n;
	int temp = -1;
	const struct sess_stmt_trg *v = sess_types_stmt_triggers(s, &n);
	for (size_t i = 0; i < n; i++)
		if (of_table(s, &v[i], table, &temp))
			return true;
	return false;
}

/* Whether a table of this name (temporary or not) has triggers. */
static bool any_trigger(struct session *s, const char *table)
{
	size_t n;
	const struct sess_stmt_trg *v = sess_types_stmt_triggers(s, &n);
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(v[i].table, table) == 0)
			return true;
	return false;
}

/* Whether table has AFTER triggers, row or statement ones. */
static bool has_after(struct session *s, const char *table)
{
	size_t n;
	int temp = -1;
	const struct sess_stmt_trg *v = sess_types_stmt_triggers(s, &n);
	for (size_t i = 0; i < n; i++)
		if ((v[i].after_row || (!v[i].before && !v[i].instead && !v[i].row)) &&
		    of_table(s, &v[i], table, &temp))
			return true;
	return false;
}

bool sess_trigger_statement(struct session *s, const struct xlat_stmt *x, bool before,
			    struct pgerr *err)
{
	if (before && s->udf) { /* this statement's, not an earlier one's */
		size_t kept = s->udf->depth ? s->udf->trg.nreturned : 0;
		s->udf->trg = (struct sess_trg_stmt){.nreturned = kept};
		if (!s->udf->depth) /* a failed statement's changed row, never written */
			sess_trigger_fini(s);
	}
	if (before && x && (x->dml_events & 1024)) /* ON CONFLICT DO NOTHING, no target */
		sess_udf_state(s)->trg.exclude_skip = true;
	if (before && x && x->conflict_keys) /* ... ON CONFLICT (cols) DO NOTHING */
		sess_udf_state(s)->trg.conflict_keys = x->conflict_keys;
	if (before && (!x || !x->nsteps)) /* steps queue the statement's rows before it */
		sess_trigger_queue_begin(s);
	if (!x || !x->dml_table)
		return true;
	if (before && s->inline_run && runs_functions(s, x->dml_table))
		return sess_inline_punt(s, err); /* before anything ran */
	/* the row triggers find their table by its name, which the temporary one has */
	if (before && (x->dml_events & 2048) && s->conn && shard_conn_pinned(s->conn) &&
	    strcmp(sess_table_schema(s, x->dml_table), "temp") == 0 &&
	    any_trigger(s, x->dml_table))
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "writing table \"%s\" by its schema's name while a temporary "
				 "table has its name, with triggers, is not supported",
				 x->dml_table);
	/* its AFTER triggers run once its changes are made: an error there undoes them, so an
	 * autocommit statement (a simple Query's only one) gets the implicit block */
	if (before && s->txn == SESS_TXN_IDLE && sqlite3_get_autocommit(shard_conn_db(s->conn)) &&
	    has_after(s, x->dml_table) && !sess_txn_implicit_begin(s, err))
		return false;
	/* a BEFORE trigger's changed row may be written in place of the statement's
	 * (sess_trgrow.c) unless RETURNING or ON CONFLICT (512) needs the statement's own */
	if (before && x->returns_rows)
		sess_udf_state(s)->trg.returning = true;
	/* a view's CHECK OPTION reads SQLite's row, not the one a BEFORE trigger returns */
	if (before && (x->dml_events & 16384) && !x->wco_sql &&
	    sess_trigger_before_count(s, x->dml_table, x->dml_events & (4 | 16)))
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "writing through a view WITH CHECK OPTION into table \"%s\", which "
				 "has BEFORE row triggers, is not supported",
				 x->dml_table);
	if (before && sess_trigger_before_count(s, x->dml_table, 4 | 16)) {
		struct sess_trg_stmt *t = &sess_udf_state(s)->trg;
		t->replace_mode = x->dml_events & 512 ? 0
				  : !x->returns_rows  ? 1
				  : x->returning_sql && !(x->dml_events & 8192) ? 2
										 : 0;
		t->returning_sql = x->returning_sql;
		t->wco_sql = x->wco_sql;
	}
	if (before && x->dml_named) /* a partition's rows stay in it (sess_trigger.c) */
		sess_udf_state(s)->trg.named = x->dml_named;
	/* SQLite's RETURNING reads NEW as the statement gave it, not the row the function
	 * returned */
	if (before && x->returns_rows && has_instead(s, x->dml_table))
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "RETURNING from a view with INSTEAD OF triggers is not supported");
	/* SQLite 3.40 takes a RETURNING clause for a trigger of the view: the statement changes
	 * nothing and returns its rows (an INSERT's VALUES). Refused as SQLite refuses the same
	 * statement without RETURNING. */
	if (before && x->returns_rows && is_view(s, x->dml_table))
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "cannot modify %s because it is a view", x->dml_table);
	return fire_events(s, x, x->dml_named ? x->dml_named : x->dml_table, x->dml_events, before,
			   0, err);
}

/* A statement that names no table of its own (a data-modifying WITH's SELECT): the AFTER row
 * triggers of its steps' rows. */
static bool after_rows_only(struct session *s, int rc, int64_t *changes, struct pgerr *err)
{
	size_t lo;
	if (!s->udf)
		return true;
	if (rc == SQLITE_DONE)
		*changes = sqlite3_changes64(shard_conn_db(s->conn));
	bool ok = sess_trigger_fire_queued(s, &lo, err);
	sess_trigger_queue_end(s, lo);
	return ok && sess_defer_statement_end(s, NULL, rc == SQLITE_DONE, err);
}

bool sess_trigger_after_step(struct session *s, const struct xlat_stmt *x, int rc, int64_t *changes,
			     struct pgerr *err)
{
	if (!x || (rc != SQLITE_ROW && rc != SQLITE_DONE))
		return true;
	if (!x->dml_table)
		return after_rows_only(s, rc, changes, err);
	sqlite3 *db = shard_conn_db(s->conn);
	/* done: the triggers' own statements would overwrite its count and last rowid */
	sqlite3_int64 rowid = sqlite3_last_insert_rowid(db);
	int64_t own = rc == SQLITE_DONE ? sqlite3_changes64(db) : 1; /* RETURNING: it has rows */
	if (rc == SQLITE_DONE)
		*changes = own + (int64_t)(s->udf ? s->udf->trg.instead_rows : 0);
	/* SQLite's last rowid ignores the rows the session wrote (sess_trgrow.c): its own last
	 * row's, or an earlier statement's when it wrote none */
	int64_t replaced = s->udf ? s->udf->trg.replaced_rowid : 0;
	if (replaced && (!own || replaced > rowid))
		rowid = replaced;
	if (s->udf)
		s->udf->trg.replace_mode = 0; /* its rows are written */
	size_t lo;
	bool ok = sess_trigger_fire_queued(s, &lo, err) &&
		  fire_events(s, x, x->dml_named ? x->dml_named : x->dml_table, x->dml_events,
			      false, lo, err);
	sess_trigger_queue_end(s, lo);
	ok = ok && sess_defer_statement_end(s, x->dml_table, rc == SQLITE_DONE, err);
	sqlite3_set_last_insert_rowid(db, rowid);
	return ok;
}

bool sess_trigger_copy(struct session *s, const char *table, bool before, struct pgerr *err)
{
	if (before) { /* a client's statement: its own state, an earlier one's forgotten */
		if (s->udf) {
			s->udf->trg = (struct sess_trg_stmt){0};
			sess_trigger_fini(s);
		}
		sess_trigger_queue_begin(s);
		return fire_events(s, NULL, table, 4, true, 0, err);
	}
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_int64 rowid = sqlite3_last_insert_rowid(db); /* the triggers' statements move it */
	size_t lo;
	bool ok = sess_trigger_fire_queued(s, &lo, err) &&
		  fire_events(s, NULL, table, 4, false, lo, err);
	sess_trigger_queue_end(s, lo);
	ok = ok && sess_defer_statement_end(s, table, true, err);
	sqlite3_set_last_insert_rowid(db, rowid);
	return ok;
}

bool sess_trigger_truncate(struct session *s, const struct xlat_stmt *x, bool before,
			   struct pgerr *err)
{
	if (before && s->inline_run) /* a function may block: before anything ran */
		for (size_t i = 0; i < x->nparts; i++)
			if (x->part_tables && x->part_tables[i] && runs_functions(s, x->part_tables[i]))
				return sess_inline_punt(s, err);
	for (size_t i = 0; i < x->nparts; i++) {
		const char *schema = x->part_schemas ? x->part_schemas[i] : NULL;
		if (!x->part_tables || !x->part_tables[i] ||
		    (schema && strcmp(schema, "main") != 0))
			continue;
		if (!fire_events(s, x, x->part_tables[i], 32, before, 0, err))
			return false;
	}
	return true;
}

bool sess_trigger_steps_ok(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	sess_trigger_queue_begin(s); /* the first step starts the statement */
	size_t n;
	const struct sess_stmt_trg *v = sess_types_stmt_triggers(s, &n);
	for (size_t k = 0; n && k < x->nsteps; k++) {
		const char *table = x->steps[k].dml_table;
		int temp = -1;
		for (size_t i = 0; table && i < n; i++)
			if (!v[i].instead && !v[i].row && !v[i].after_row &&
			    of_table(s, &v[i], table, &temp))
				return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
						 "FOR EACH STATEMENT triggers of table \"%s\" in "
						 "MERGE or a data-modifying WITH are not supported",
						 table);
	}
	return true;
}
