/* SPDX-License-Identifier: Apache-2.0 */
/* sess_rc.c: READ COMMITTED, PostgreSQL's default isolation: each statement of a transaction
 * reads the commits made before it began. SQLite keeps one read snapshot from a transaction's
 * first read to its end; while the transaction has not written, that is all it holds, and
 * ending it and beginning a new deferred one loses nothing. Once it has written it holds the
 * tenant's write lock: no one else can commit, and its snapshot is the newest. So:
 *
 *   statement ──> READ COMMITTED, not written, a commit landed since the snapshot began
 *                 (shard_conn_snapshot_stale), no cursor or portal still reading it
 *                   └─> COMMIT (a read transaction: nothing to commit), BEGIN, SAVEPOINTs
 *                       again; the statement's first read takes the new snapshot
 *   write ──> SQLITE_BUSY_SNAPSHOT (its snapshot went stale while it waited for the lock):
 *             it did nothing; the snapshot is forgotten and the statement runs again at once
 *
 * REPEATABLE READ and SERIALIZABLE keep the one snapshot, and a stale write stays 40001. */
#include "session_int.h"

#include <string.h>
#include <strings.h>

static const char *const iso_names[] = {
	[SESS_ISO_READ_UNCOMMITTED] = "read uncommitted",
	[SESS_ISO_READ_COMMITTED] = "read committed",
	[SESS_ISO_REPEATABLE_READ] = "repeatable read",
	[SESS_ISO_SERIALIZABLE] = "serializable",
};

enum sess_iso sess_rc_iso_parse(const char *text)
{
	for (size_t i = SESS_ISO_READ_UNCOMMITTED; text && i < ARRAY_LEN(iso_names); i++)
		if (strcasecmp(text, iso_names[i]) == 0)
			return (enum sess_iso)i;
	return SESS_ISO_DEFAULT;
}

const char *sess_rc_iso_name(struct session *s, enum sess_iso iso)
{
	if (iso == SESS_ISO_DEFAULT)
		return sess_guc_default_isolation(s);
	return iso_names[iso];
}

enum sess_iso sess_rc_iso(struct session *s)
{
	if (s->txn_iso != SESS_ISO_DEFAULT)
		return (enum sess_iso)s->txn_iso;
	enum sess_iso iso = sess_rc_iso_parse(sess_guc_default_isolation(s));
	return iso == SESS_ISO_DEFAULT ? SESS_ISO_READ_COMMITTED : iso;
}

static bool read_committed(struct session *s)
{
	enum sess_iso iso = sess_rc_iso(s);
	return iso == SESS_ISO_READ_COMMITTED || iso == SESS_ISO_READ_UNCOMMITTED;
}

/* A transaction SQLite runs for the session (not a lone read's autocommit statement). */
static bool in_transaction(const struct session *s)
{
	return s->conn && (s->txn == SESS_TXN_BLOCK || s->txn == SESS_TXN_IMPLICIT) && !s->txn_lone;
}

/* Something still reads the snapshot: a cursor, a portal suspended at its row limit, a
 * statement stopped for its output. They keep it, and so does the transaction meanwhile. */
static bool still_reading(const struct session *s, sqlite3 *db, sqlite3_stmt *skip)
{
	if (s->yield_vm || sess_cursor_live(s))
		return true;
	for (sqlite3_stmt *vm = sqlite3_next_stmt(db, NULL); vm; vm = sqlite3_next_stmt(db, vm))
		if (vm != skip && sqlite3_stmt_busy(vm))
			return true;
	return false;
}

/* Whether SET CONSTRAINTS deferred SQLite's foreign keys in this transaction: the pragma ends
 * with SQLite's COMMIT, so the new transaction sets it again. */
static bool fk_deferred(struct session *s, sqlite3 *db)
{
	sqlite3_stmt *vm = NULL;
	bool on = sqlite3_prepare_v2(db, "PRAGMA defer_foreign_keys", -1, &vm, NULL) == SQLITE_OK &&
		  sqlite3_step(vm) == SQLITE_ROW && sqlite3_column_int(vm, 0) != 0;
	sqlite3_finalize(vm);
	(void)s;
	return on;
}

/* False (err set) when the transaction could not begin again: it is then failed (a block) or
 * rolled back (an implicit one), and the statement must not run. */
static bool refresh(struct session *s, sqlite3 *db, struct pgerr *err)
{
	bool deferred = fk_deferred(s, db);
	shard_conn_snapshot_mark(s->conn); /* before the new snapshot begins */
	/* COMMIT rather than ROLLBACK: a read transaction has nothing to commit, and SQLite calls
	 * no hook for it (a rollback would wake the tenant's lock waiters for nothing) */
	struct pgerr ignored;
	if (!shard_exec(s->conn, "COMMIT", &ignored)) { /* the old snapshot stays */
		LOG_WARN(s->id, s->tenant, "READ COMMITTED: could not end the read snapshot: %s",
			 ignored.message);
		return true;
	}
	s->txn_refreshed = true;
	if (!sess_txn_step_in(s, err)) /* logged; the block is failed */
		return false;
	if (deferred && !shard_exec(s->conn, "PRAGMA defer_foreign_keys = ON", err)) {
		LOG_ERROR(s->id, s->tenant,
			  "READ COMMITTED: could not defer foreign keys again: %s", err->message);
		sess_txn_on_error(s);
		return false;
	}
	LOG_DEBUG(s->id, s->tenant, "READ COMMITTED: new snapshot for the next statement");
	return true;
}

bool sess_rc_statement(struct session *s, struct pgerr *err)
{
	if (!in_transaction(s) || !shard_conn_snapshot_stale(s->conn))
		return true;
	sqlite3 *db = shard_conn_db(s->conn);
	if (sqlite3_get_autocommit(db))
		return true;
	/* no snapshot yet: the next one begins after this mark; or written: the write lock is
	 * held, no one else commits, the snapshot stays the newest */
	if (sqlite3_txn_state(db, NULL) != SQLITE_TXN_READ) {
		shard_conn_snapshot_mark(s->conn);
		return true;
	}
	if (!read_committed(s) || still_reading(s, db, NULL))
		return true;
	return refresh(s, db, err);
}

bool sess_rc_retry(struct session *s, int rc, sqlite3_stmt *vm)
{
	if (rc != SQLITE_BUSY_SNAPSHOT || !in_transaction(s))
		return false;
	sqlite3 *db = shard_conn_db(s->conn);
	if (sqlite3_txn_state(db, NULL) != SQLITE_TXN_READ || !read_committed(s) ||
	    still_reading(s, db, vm))
		return false;
	shard_conn_snapshot_forget(s->conn); /* SQLite saw a newer commit: renew it */
	shard_conn_retry_now(s->conn);
	LOG_DEBUG(s->id, s->tenant, "READ COMMITTED: a write met a stale snapshot: run again");
	return true;
}

bool sess_rc_stale_call(struct session *s, sqlite3_stmt *vm)
{
	if (!s->udf || !s->udf->stale || !s->conn)
		return false;
	s->udf->stale = false;
	sqlite3 *db = shard_conn_db(s->conn);
	if (sqlite3_txn_state(db, NULL) == SQLITE_TXN_WRITE) /* it wrote: not without a trace */
		return false;
	if (sess_rc_retry(s, SQLITE_BUSY_SNAPSHOT, vm))
		return true;
	/* a lone statement: its SQLite transaction ends with it, the next one is new */
	if (in_transaction(s) || !sqlite3_get_autocommit(db) || !read_committed(s))
		return false;
	shard_conn_retry_now(s->conn);
	LOG_DEBUG(s->id, s->tenant, "READ COMMITTED: a function met a stale snapshot: run again");
	return true;
}

bool sess_rc_before(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	if (s->txn == SESS_TXN_IDLE)
		return true;
	switch (x->kind) {
	case XLAT_SQL:
	case XLAT_SCRIPT:
	case XLAT_REBUILD:
	case XLAT_COPY:
	case XLAT_CURSOR:
	case XLAT_EXECUTE:
	case XLAT_EXPLAIN:
	case XLAT_DO:
	case XLAT_MATVIEW:
		return sess_rc_statement(s, err);
	default: /* transaction control, SET, SHOW ...: they read nothing of the tenant */
		return true;
	}
}
