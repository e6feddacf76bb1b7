/* SPDX-License-Identifier: Apache-2.0 */
/* sess_txn.c: PostgreSQL transaction semantics on a SQLite connection.
 *
 *             BEGIN                      COMMIT / ROLLBACK
 *   IDLE ------------------> BLOCK ---------------------------> IDLE
 *    |  ^                     |  ^
 *    |  | end of Query /      |  | ROLLBACK TO savepoint
 *    |  | Sync (COMMIT)       |  |
 *    v  |                     v  |      COMMIT (answers ROLLBACK) / ROLLBACK
 *   IMPLICIT --BEGIN--> BLOCK  FAILED -------------------------------------> IDLE
 *    |  (error: ROLLBACK, back to IDLE)
 *
 * COMMIT / ROLLBACK AND CHAIN go from BLOCK or FAILED through IDLE straight back to BLOCK.
 *
 * IMPLICIT wraps the statements of one multi-statement Query, or the Executes up to a Sync,
 * so that they commit or fail together, as PostgreSQL's implicit transaction blocks do.
 * Invariant: txn != IDLE exactly when SQLite has a transaction open, except in FAILED, where
 * SQLite may already have rolled back by itself (I/O errors, SQLITE_FULL), and in a lone
 * IMPLICIT block (txn_lone): a read alone before its Sync, whose SQLite transaction is its
 * statement's own (autocommit mode) while the session's lasts to the Sync, so that a BEGIN
 * and a COMMIT are not run around every point select of the extended protocol. */
#include "session_int.h"

#include <stdio.h>
#include <string.h>

static bool sqlite_txn_open(struct session *s)
{
	return !sqlite3_get_autocommit(shard_conn_db(s->conn));
}

static bool run(struct session *s, const char *sql, struct pgerr *err)
{
	return shard_exec(s->conn, sql, err);
}

static void rollback_quietly(struct session *s)
{
	struct pgerr ignored;
	if (sqlite_txn_open(s) && !run(s, "ROLLBACK", &ignored))
		LOG_WARN(s->id, s->tenant, "rollback failed: %s", ignored.message);
}

bool sess_txn_implicit_begin(struct session *s, struct pgerr *err)
{
	if (s->txn_lone) { /* another statement joins a lone block: SQLite's transaction starts */
		if (!run(s, "BEGIN", err))
			return false;
		s->txn_lone = false;
		return true;
	}
	if (s->txn != SESS_TXN_IDLE)
		return true;
	if (!run(s, "BEGIN", err))
		return false;
	s->txn = SESS_TXN_IMPLICIT;
	return true;
}

void sess_txn_implicit_lone(struct session *s)
{
	if (s->txn != SESS_TXN_IDLE)
		return; /* already lone: the read runs again after a yield, a park or a punt */
	s->txn = SESS_TXN_IMPLICIT;
	s->txn_lone = true;
}

/* Ends SQLite's transaction — committing when asked, rolling back otherwise or when the commit
 * fails — and leaves the session idle with its settings kept or restored to match. False
 * (err set) only when a requested commit failed. */
static bool finish(struct session *s, bool commit, struct pgerr *err)
{
	/* deferred constraint triggers fire first, inside the transaction, as PostgreSQL's
	 * CommitTransaction does; one's error rolls it back */
	bool fired = sess_trigger_txn_end(s, commit, err);
	/* a lone block's statement committed (ended its read transaction) at its last step */
	bool lone = s->txn_lone && !sqlite_txn_open(s);
	s->txn = SESS_TXN_IDLE;
	s->txn_lone = false;
	s->txn_read_only = false;
	s->txn_iso = SESS_ISO_DEFAULT;
	s->txn_refreshed = false;
	sess_cursor_txn_end(s, commit); /* their statements end before SQLite's transaction */
	/* ON COMMIT DELETE ROWS / DROP act inside the committing transaction, as PostgreSQL's */
	bool committed = commit && fired && sess_temp_commit(s, err) &&
			 sess_notify_precommit(s, err) && (lone || run(s, "COMMIT", err));
	if (!committed)
		rollback_quietly(s);
	if (committed)
		sess_notify_commit(s); /* after SQLite's: a listener reads what was committed */
	else
		sess_notify_abort(s);
	sess_guc_txn_end(s, committed);
	sess_client_txn_end(s); /* transaction-level advisory locks end with it */
	return committed || !commit;
}

bool sess_txn_implicit_end(struct session *s, struct pgerr *err)
{
	return s->txn != SESS_TXN_IMPLICIT || finish(s, true, err);
}

void sess_txn_on_error(struct session *s)
{
	if (s->txn == SESS_TXN_IMPLICIT)
		finish(s, false, NULL);
	else if (s->txn == SESS_TXN_IDLE)
		sess_notify_abort(s); /* an autocommit statement's pg_notify() */
	else if (s->txn == SESS_TXN_BLOCK)
		s->txn = SESS_TXN_FAILED;
}

void sess_txn_abort(struct session *s)
{
	if (s->txn != SESS_TXN_IDLE)
		finish(s, false, NULL);
}

static void notice(struct session *s, const char *sqlstate, const char *msg)
{
	pgw_be_notice(&s->out, "WARNING", sqlstate, msg);
}

static bool default_read_only(struct session *s)
{
	const char *v = sess_guc_default_read_only(s);
	return v && strcmp(v, "on") == 0;
}

/* In a block the transaction's own characteristic; an implicit block or an autocommit
 * statement starts from default_transaction_read_only, as PostgreSQL's transactions do. */
bool sess_txn_read_only(struct session *s)
{
	if (s->txn == SESS_TXN_BLOCK || s->txn == SESS_TXN_FAILED)
		return s->txn_read_only;
	return s->txn_read_only || default_read_only(s);
}

bool sess_txn_snapshot(struct session *s)
{
	if (s->txn_refreshed) /* READ COMMITTED took its snapshot anew (sess_rc.c) */
		return true;
	return s->conn && sqlite_txn_open(s) &&
	       sqlite3_txn_state(shard_conn_db(s->conn), NULL) != SQLITE_TXN_NONE;
}

size_t sess_txn_savepoints(const struct session *s) { return s->rare ? s->rare->cursor_sp.n : 0; }

static bool begin(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	if (s->txn == SESS_TXN_BLOCK || s->txn == SESS_TXN_FAILED) {
		notice(s, SQLSTATE_ACTIVE_SQL_TRANSACTION,
		       "there is already a transaction in progress");
		return true;
	}
	if (s->txn == SESS_TXN_IDLE && !run(s, "BEGIN", err))
		return false;
	s->txn = SESS_TXN_BLOCK;
	s->txn_read_only = x->read_only == 1 || (x->read_only == -1 && default_read_only(s));
	/* BEGIN ISOLATION LEVEL (xlat: set_value), else the default's, resolved when first
	 * needed (a SET of the default inside the block resolves it first: sess_guc.c) */
	s->txn_iso = (uint8_t)sess_rc_iso_parse(x->set_value);
	/* [NOT] DEFERRABLE (xlat: set_more), the block's own setting */
	for (size_t i = 0; i < x->nset_more; i++)
		if (!sess_guc_set(s, x->set_more[2 * i], x->set_more[2 * i + 1], true, err))
			return false;
	return true;
}

/* COMMIT or ROLLBACK outside a block warns, as PostgreSQL's EndTransactionBlock and
 * UserAbortTransactionBlock do, also in an implicit block (its TBLOCK_STARTED and
 * TBLOCK_IMPLICIT_INPROGRESS: "INSERT ...; COMMIT"), which it then ends. */
static bool end(struct session *s, bool do_commit, const char **tag, struct pgerr *err)
{
	if (s->txn == SESS_TXN_IDLE || s->txn == SESS_TXN_IMPLICIT)
		notice(s, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
		       "there is no transaction in progress");
	if (s->txn == SESS_TXN_IDLE)
		return true;
	bool commit = do_commit && s->txn != SESS_TXN_FAILED;
	if (!commit)
		*tag = "ROLLBACK";
	return finish(s, commit, err);
}

/* COMMIT / ROLLBACK AND CHAIN: the block ends and a new one starts at once, with the
 * characteristics of the one that ended (isolation level, read-only, deferrable) — unless
 * that one had failed outside a savepoint: PostgreSQL's aborted transaction has already gone
 * back to the defaults when the new one copies them (TBLOCK_ABORT_END); one that failed
 * inside a savepoint keeps them (TBLOCK_ABORT_PENDING). */
static bool end_chain(struct session *s, bool do_commit, const char **tag, struct pgerr *err)
{
	if (s->txn != SESS_TXN_BLOCK && s->txn != SESS_TXN_FAILED)
		return pgerr_set(err, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
				 "%s AND CHAIN can only be used in transaction blocks",
				 do_commit ? "COMMIT" : "ROLLBACK");
	bool reset = s->txn == SESS_TXN_FAILED && !sess_txn_savepoints(s);
	bool read_only = reset ? default_read_only(s) : s->txn_read_only;
	uint8_t iso = reset ? SESS_ISO_DEFAULT : s->txn_iso;
	const char *v = reset ? NULL : sess_guc_get(s, "transaction_deferrable");
	char deferrable[4];
	snprintf(deferrable, sizeof(deferrable), "%s", v && strcmp(v, "on") == 0 ? "on" : "off");
	if (!end(s, do_commit, tag, err) || !run(s, "BEGIN", err))
		return false;
	s->txn = SESS_TXN_BLOCK;
	s->txn_read_only = read_only;
	s->txn_iso = iso;
	s->dt.txn_start = pgtype_now(); /* now() is the new transaction's start */
	return reset || sess_guc_set(s, "transaction_deferrable", deferrable, true, err);
}

bool sess_txn_end_inside(struct session *s, bool commit, bool chain, const char *again,
			 struct pgerr *err)
{
	/* the statement's own (a CALL outside a block), or the implicit block it began */
	ASSERT(s->txn == SESS_TXN_IDLE || s->txn == SESS_TXN_IMPLICIT);
	enum sess_txn state = s->txn;
	bool lone = s->txn_lone; /* SQLite's transaction is the statement's own */
	bool read_only = s->txn_read_only;
	uint8_t iso = s->txn_iso;
	bool ok = finish(s, commit, err);
	if (!commit)
		s->schema_epoch = 0; /* DDL the rollback undid: read the schema again */
	if (chain) {
		s->txn_read_only = read_only;
		s->txn_iso = iso;
	}
	s->dt.txn_start = pgtype_now(); /* now() is the new transaction's start */
	struct pgerr ignored;
	if (!run(s, again, ok ? err : &ignored)) {
		LOG_ERROR(s->id, s->tenant, "could not begin the transaction again: %s",
			  ok ? err->message : ignored.message);
		rollback_quietly(s);
		return false;
	}
	s->txn = state;
	s->txn_lone = lone;
	return ok;
}

static const char *savepoint_sql(struct session *s, const char *verb, const char *name)
{
	/* Savepoint names are identifiers: quote them so any name round-trips. */
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s ", verb);
	strbuf_put_quoted(&sb, name, '"');
	const char *sql = arena_strdup(s->msg_arena, sb.data);
	strbuf_fini(&sb);
	return sql;
}

static bool savepoint_op(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	const char *what = x->txn == XLAT_TXN_SAVEPOINT ? "SAVEPOINT"
			   : x->txn == XLAT_TXN_RELEASE ? "RELEASE SAVEPOINT"
							: "ROLLBACK TO SAVEPOINT";
	if (s->txn != SESS_TXN_BLOCK && s->txn != SESS_TXN_FAILED)
		return pgerr_set(err, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
				 "%s can only be used in transaction blocks", what);
	if (!run(s, savepoint_sql(s, what, x->savepoint), err))
		return false;
	sess_cursor_savepoint(s, x->txn, x->savepoint);
	sess_notify_savepoint(s, x->txn, x->savepoint);
	sess_trigger_defer_savepoint(s, x->txn, x->savepoint);
	if (x->txn == XLAT_TXN_ROLLBACK_TO) {
		s->txn = SESS_TXN_BLOCK;
		/* no rollback hook for a savepoint: what the catalog read after it is gone, and
		 * schema_version may come back to the same number with another schema */
		catalog_rolled_back(shard_conn_catalog(s->conn));
	}
	return true;
}

/* What a deferred BEGIN followed only by savepoints leaves in SQLite: an open transaction that
 * no schema has read or written (no snapshot, no lock) and the savepoints' names, which the
 * session keeps in order (rare->cursor_sp, sess_cursor.c). Begun again with the same names,
 * SQLite is where it was. */
bool sess_txn_step_out(struct session *s)
{
	struct pgerr ignored;
	if (!s->conn || !sqlite_txn_open(s) ||
	    sqlite3_txn_state(shard_conn_db(s->conn), NULL) != SQLITE_TXN_NONE)
		return false;
	/* COMMIT of nothing: unlike ROLLBACK, SQLite calls no hook for it, so the tenant's lock
	 * waiters are not woken for nothing (READ COMMITTED comes here after each new snapshot) */
	return run(s, "COMMIT", &ignored);
}

bool sess_txn_step_in(struct session *s, struct pgerr *err)
{
	bool ok = run(s, "BEGIN", err);
	for (size_t i = 0; ok && s->rare && i < s->rare->cursor_sp.n; i++)
		ok = run(s, savepoint_sql(s, "SAVEPOINT", s->rare->cursor_sp.names[i]), err);
	if (!ok) {
		LOG_ERROR(s->id, s->tenant, "could not begin the transaction again: %s",
			  err->message);
		rollback_quietly(s);
		sess_txn_on_error(s); /* a block is failed: SQLite in autocommit is allowed there */
	}
	return ok;
}

bool sess_txn_control(struct session *s, const struct xlat_stmt *x, const char **tag,
		      struct pgerr *err)
{
	*tag = x->tag;
	switch (x->txn) {
	case XLAT_TXN_BEGIN:
		return begin(s, x, err);
	case XLAT_TXN_COMMIT:
	case XLAT_TXN_ROLLBACK:
		return x->txn_chain ? end_chain(s, x->txn == XLAT_TXN_COMMIT, tag, err)
				    : end(s, x->txn == XLAT_TXN_COMMIT, tag, err);
	case XLAT_TXN_SAVEPOINT:
	case XLAT_TXN_RELEASE:
	case XLAT_TXN_ROLLBACK_TO:
		return savepoint_op(s, x, err);
	case XLAT_TXN_SET_CONSTRAINTS:
		return sess_trigger_set_constraints(s, x, err);
	case XLAT_TXN_NONE:
		break;
	}
	ASSERT(!"unreachable transaction kind");
	return false;
}
