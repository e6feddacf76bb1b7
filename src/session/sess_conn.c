/* SPDX-License-Identifier: Apache-2.0 */
/* sess_conn.c: borrowing the tenant's SQLite connection for a burst of work and giving it back
 * once the session is idle outside any transaction, so an idle client holds no SQLite
 * connection, no file descriptor and no page cache (10,000 idle clients of one tenant share
 * the pool's handful of connections).
 *
 * What keeps a session on its connection (sess_conn_idle says no): an open transaction (its
 * SQLite transaction lives on that connection), a message that stopped half-way (parked for a
 * lock, output waiting to drain, COPY), open portals, and temporary tables, views, indexes or
 * triggers (they live in the connection's temp schema: shard_conn_pinned), which pin it until
 * the session ends. Named prepared statements do not: their sqlite3_stmt stays on the
 * connection in its statement cache, and the statement is taken back by its text, or prepared
 * again, on whichever connection the session borrows next (sess_stmt_vm).
 *
 * Group commit (durability = group, shard_sync.c): the answers of a burst of input that
 * committed are held aside until the tenant's WAL has been flushed past the commit; the session
 * reads no more input meanwhile. It waits on a ticket of its own (the tenant and the commit's
 * number), not on its connection, which goes back to the pool right after the commit when
 * nothing else keeps it: the tenant's next writer then takes the connection whose page cache
 * the last commit left current, instead of one whose cache SQLite must drop and read again.
 *
 * A borrowed connection whose tenant must be migrated first, while another connection holds
 * the tenant's write lock, is kept but not used: the session parks (s->migrating) and the
 * check runs again when woken, so the wait holds no worker thread. */
#include "session_int.h"

#include <stdlib.h>

bool sess_conn_borrow(struct session *s, struct pgerr *err)
{
	bool busy = false;
	if (s->conn && !s->migrating)
		return true;
	if (s->parked) { /* woken, or the 500 ms recheck: the migration check runs again */
		shard_conn_unpark(s->conn);
		s->parked = false;
	}
	char home[SHARD_TENANT_MAX + 1];
	if (!s->conn) {
		s->conn = shard_conn_acquire_nowait(s->env->shards, sess_schema_home(s, home),
						    &busy, err);
		if (s->conn)
			sess_hub_borrowed(s);
	} else if (!shard_conn_migrate(s->conn, &busy, err) && !busy)
		sess_conn_give_back(s); /* rolled back; checked again when next lent */
	s->migrating = s->conn && busy;
	if (s->migrating && !sess_wait_park_migration(s, err))
		sess_conn_give_back(s);
	if (!s->conn) {
		s->migrating = false;
		return false;
	}
	if (s->migrating)
		return true;
	s->mig_deadline = 0;
	sess_wait_attach(s);
	shard_conn_lend(s->conn, &s->catalog, &s->dt, s->client);
	return true;
}

bool sess_conn_borrow_cached(struct session *s)
{
	ASSERT(!s->conn);
	if (!s->tenant[0])
		return false; /* choosing its connection looks for files (sess_schema_home) */
	s->conn = shard_conn_acquire_cached(s->env->shards, s->tenant);
	if (!s->conn)
		return false;
	sess_wait_attach(s);
	shard_conn_lend(s->conn, &s->catalog, &s->dt, s->client);
	return true;
}

static void give_stmt(struct session *s, struct sess_stmt *st)
{
	if (!st || !st->vm)
		return;
	ASSERT(!st->vm_lent);
	shard_conn_stmt_give(s->conn, st->vm);
	st->vm = NULL;
}

void sess_conn_give_back(struct session *s)
{
	if (!s->conn)
		return;
	for (struct sess_stmt *st = s->stmts; st; st = st->next)
		give_stmt(s, st);
	give_stmt(s, s->unnamed);
	if (s->inline_run && !shard_conn_release_cached(s->conn)) {
		s->punted = true; /* closing something: a worker gives it back */
		return;
	}
	if (!s->inline_run)
		shard_conn_release(s->conn);
	s->conn = NULL;
}

bool sess_conn_idle(const struct session *s)
{
	return s->conn && s->state == SESS_READY && s->txn == SESS_TXN_IDLE && !s->parked &&
	       !s->yielded && !s->simple.active && !s->portals && !s->copy && !s->copy_out &&
	       !s->yield_vm && sqlite3_get_autocommit(shard_conn_db(s->conn)) &&
	       !shard_conn_pinned(s->conn);
}

/* A failed fsync: nobody knows whether the commit survives a crash, so the answers are
 * dropped and the session ends, as when the server crashes. */
static enum shard_sync sync(struct session *s, bool take)
{
	struct pgerr err;
	pgerr_clear(&err);
	enum shard_sync r =
		take ? shard_conn_take_ticket_sync(s->conn, &s->hold->ticket, s->wake_fn,
						   s->wake_arg, &err)
		     : shard_ticket_sync(&s->hold->ticket, !s->inline_run, &err);
	if (r == SHARD_SYNC_FAILED) {
		LOG_ERROR(s->id, s->tenant, "%s", err.message);
		strbuf_reset(&s->out);
		s->punted = false; /* the session closes: nothing goes on to a worker */
		err.severity = PGERR_FATAL;
		sess_report_error(s, &err);
	}
	return r;
}

void sess_conn_hold_free(struct session *s)
{
	if (!s->hold)
		return;
	shard_ticket_drop(&s->hold->ticket);
	strbuf_fini(&s->hold->held);
	free(s->hold);
	s->hold = NULL;
	s->holding = false;
}

/* On the loop the sync never blocks (a sync thread flushes), so taking the ticket and joining
 * the flush's waiters take the registry lock once; a worker may run the flush itself
 * (shard.h), with the connection already back in the pool. The ticket and the answers live
 * in s->hold only while held: a session between commits carries neither. */
bool sess_conn_hold_output(struct session *s)
{
	if (!s->conn || s->holding || s->state == SESS_CLOSING || !shard_conn_unsynced(s->conn))
		return false;
	s->hold = base_xcalloc(1, sizeof(*s->hold));
	enum shard_sync r;
	if (s->inline_run) {
		r = sync(s, true);
		if (sess_conn_idle(s))
			sess_conn_give_back(s);
	} else {
		if (!shard_conn_take_ticket(s->conn, &s->hold->ticket, s->wake_fn, s->wake_arg)) {
			sess_conn_hold_free(s);
			return false;
		}
		if (sess_conn_idle(s))
			sess_conn_give_back(s);
		r = sync(s, false);
	}
	if (r != SHARD_SYNC_WAIT) {
		sess_conn_hold_free(s);
		return false;
	}
	strbuf_init(&s->hold->held, 0);
	strbuf_append(&s->hold->held, s->out.data, s->out.len);
	strbuf_reset(&s->out);
	s->holding = true;
	return true;
}

bool sess_conn_still_held(struct session *s)
{
	if (!s->holding)
		return false;
	enum shard_sync r = sync(s, false);
	if (r == SHARD_SYNC_WAIT)
		return true;
	if (r == SHARD_SYNC_DONE) /* out is empty: everything before was sent */
		strbuf_append(&s->out, s->hold->held.data, s->hold->held.len);
	sess_conn_hold_free(s);
	return false;
}

/* Whether the session's work can go on on another connection as it is: a transaction that
 * has done nothing yet (autocommit, or an implicit block whose BEGIN has not read), at most
 * one portal holding a statement, not started, and nothing else on the connection. */
static bool movable(const struct session *s)
{
	if (!s->conn || !s->tenant[0] || (s->txn != SESS_TXN_IDLE && s->txn != SESS_TXN_IMPLICIT) ||
	    s->yielded || s->yield_vm || s->simple.active || s->copy || s->copy_out ||
	    (s->rare && s->rare->cursors) || s->migrating || shard_conn_pinned(s->conn) ||
	    shard_conn_nattached(s->conn) > 0 || shard_conn_unsynced(s->conn) ||
	    shard_conn_checkpoint_due(s->conn) ||
	    sqlite3_txn_state(shard_conn_db(s->conn), NULL) != SQLITE_TXN_NONE)
		return false;
	int vms = 0;
	for (const struct sess_portal *p = s->portals; p; p = p->next) {
		if (p->steps || p->started || p->rows > 0)
			return false;
		vms += p->vm != NULL;
	}
	return vms <= 1; /* moving one cannot fail half-way */
}

/* A statement's VM that no portal holds goes back to the cache of old, where it was made. */
static void give_idle_stmt(struct shard_conn *old, struct sess_stmt *st)
{
	if (!st || !st->vm || st->vm_lent)
		return;
	shard_conn_stmt_give(old, st->vm);
	st->vm = NULL;
}

/* Lends c as the session's connection, as a borrow does. */
static void lend(struct session *s, struct shard_conn *c)
{
	s->conn = c;
	sess_wait_attach(s);
	shard_conn_lend(c, &s->catalog, &s->dt, s->client);
}

/* Why: with two event loops, eight clients' autocommit inserts took turns over two pooled
 * connections (a writer that met the lock parked on the one it had borrowed and ran there
 * when woken), so nearly every insert found its page cache stale after the other's commit
 * (about 5.5 pread per insert). */
void sess_conn_refresh(struct session *s)
{
	if (!movable(s))
		return;
	struct shard_conn *old = s->conn, *c = shard_conn_take_fresher(old);
	if (!c)
		return;
	struct sess_portal *p = s->portals;
	while (p && !p->vm)
		p = p->next;
	sqlite3_stmt *vm = p ? shard_conn_stmt_move(old, c, p->vm) : NULL;
	if (p && !vm) { /* could not prepare it there: stay */
		if (!s->inline_run || !shard_conn_release_cached(c))
			shard_conn_release(c);
		return;
	}
	if (p) {
		p->vm = vm;
		if (p->vm_borrowed)
			p->stmt->vm = vm;
	}
	struct pgerr err;
	if (s->txn == SESS_TXN_IMPLICIT && !shard_exec(old, "ROLLBACK", &err))
		LOG_WARN(s->id, s->tenant, "rollback failed: %s", err.message);
	for (struct sess_stmt *st = s->stmts; st; st = st->next)
		give_idle_stmt(old, st);
	give_idle_stmt(old, s->unnamed);
	if (!s->inline_run || !shard_conn_release_cached(old)) {
		if (s->inline_run) /* not expected: movable() left nothing open on it */
			LOG_WARN(s->id, s->tenant, "connection given back on the loop by closing it");
		shard_conn_release(old);
	}
	lend(s, c);
	if (s->txn == SESS_TXN_IMPLICIT && !shard_exec(c, "BEGIN", &err)) {
		LOG_WARN(s->id, s->tenant, "could not begin on another connection: %s", err.message);
		s->txn = SESS_TXN_IDLE; /* the Execute begins the block again */
	}
	LOG_DEBUG(s->id, s->tenant, "woken write moved to the connection of the last commit");
}

bool sess_stmt_vm(struct session *s, struct sess_stmt *st, struct pgerr *err)
{
	if (st->vm || !st->x || st->x->kind != XLAT_SQL)
		return true;
	st->vm = sess_prepare(s, st->x, err);
	return st->vm != NULL;
}
