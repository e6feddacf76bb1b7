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

bool sess_stmt_vm(struct session *s, struct sess_stmt *st, struct pgerr *err)
{
	if (st->vm || !st->x || st->x->kind != XLAT_SQL)
		return true;
	st->vm = sess_prepare(s, st->x, err);
	return st->vm != NULL;
}
