/* SPDX-License-Identifier: Apache-2.0 */
/* sess_client.c: the session as its tenant sees it — its shard client (shard.h), which holds
 * its advisory locks and what pg_stat_activity shows, kept up to date as messages run; the
 * signals pg_cancel_backend/pg_terminate_backend deliver; and the catalog's callbacks that
 * list the tenant's sessions and advisory locks. */
#include "session_int.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* From any thread, with the shard registry locked: only flags and a wakeup. A cancel hits the
 * message running now, as a CancelRequest does; terminate stops a running statement (FATAL
 * 57P01 from the progress handler) and an idle session at its next input. */
static void on_signal(void *arg, enum shard_signal sig)
{
	struct session *s = arg;
	if (sig == SHARD_SIGNAL_TERMINATE) {
		atomic_store(&s->terminate, true);
		atomic_store(&s->shutdown, true);
	} else {
		uint64_t seq = atomic_load(&s->run_seq);
		if (seq & 1)
			atomic_store(&s->cancel_seq, seq);
	}
	if (s->wake_fn)
		s->wake_fn(s->wake_arg);
}

static size_t list_activity(void *arg, struct arena *a, struct catalog_activity **out)
{
	struct session *s = arg;
	struct shard_client_info *v = NULL;
	size_t n = shard_client_list(s->env->shards, s->tenant, a, &v);
	struct catalog_activity *o = arena_zalloc(a, (n ? n : 1) * sizeof(*o));
	for (size_t i = 0; i < n; i++)
		o[i] = (struct catalog_activity){.pid = v[i].pid,
						 .user = v[i].user,
						 .application_name = v[i].application_name,
						 .client_addr = v[i].client_addr,
						 .client_port = v[i].client_port,
						 .state = v[i].state,
						 .query = v[i].query,
						 .backend_start = v[i].backend_start,
						 .xact_start = v[i].xact_start,
						 .query_start = v[i].query_start,
						 .state_change = v[i].state_change,
						 .waiting = v[i].waiting,
						 .waiting_relation = v[i].waiting_relation};
	*out = o;
	return n;
}

static unsigned conflict_bits(int mode)
{
	unsigned bits = 0;
	for (int m = 1; m < SHARD_LOCK_NMODES; m++)
		bits |= shard_lockmode_conflicts(mode, m) ? 1u << m : 0;
	return bits;
}

static size_t list_locks(void *arg, struct arena *a, struct catalog_lock **out)
{
	struct session *s = arg;
	struct shard_lock_info *v = NULL;
	struct shard_tlock_info *t = NULL;
	size_t nt = shard_tlock_list(s->env->shards, s->tenant, a, &t);
	size_t n = shard_adv_list(s->env->shards, s->tenant, a, &v);
	struct catalog_lock *o = arena_zalloc(a, (n + nt ? n + nt : 1) * sizeof(*o));
	for (size_t i = 0; i < nt; i++)
		o[i] = (struct catalog_lock){.pid = t[i].pid,
					     .granted = t[i].granted,
					     .wait_start = t[i].wait_start,
					     .table = t[i].table,
					     .mode = shard_lockmode_name(t[i].mode),
					     .modeno = t[i].mode,
					     .conflicts = conflict_bits(t[i].mode)};
	for (size_t i = 0; i < n; i++)
		o[nt + i] = (struct catalog_lock){.pid = v[i].pid,
						  .classid = v[i].key.classid,
						  .objid = v[i].key.objid,
						  .objsubid = v[i].key.objsubid,
						  .shared = v[i].shared,
						  .granted = v[i].granted,
						  .wait_start = v[i].wait_start};
	*out = o;
	return n + nt;
}

static void publish(struct session *s, const char *state, int64_t now)
{
	s->activity_state = state;
	struct shard_client_info info = {
		.application_name = sess_guc_application_name(s),
		.state = state,
		.query = s->activity_query,
		.xact_start = s->activity_xact_start,
		.query_start = s->activity_query_start,
		.state_change = now,
	};
	shard_client_update(s->client, &info);
}

/* Kept in binary (20 bytes in the session instead of a pointer to a copy of the text). */
static void set_address(struct sess_peer *p, const char *addr, int port)
{
	p->port = (uint16_t)port;
	p->family = inet_pton(AF_INET, addr, p->addr) == 1    ? 4
		    : inet_pton(AF_INET6, addr, p->addr) == 1 ? 6
							      : 0;
}

/* The address as text; false for none (a Unix socket). */
static bool address_text(const struct sess_peer *p, char *addr, size_t len)
{
	return p->family && inet_ntop(p->family == 4 ? AF_INET : AF_INET6, p->addr, addr,
				      (socklen_t)len);
}

void session_set_peer(struct session *s, const char *addr, int port)
{
	set_address(&s->peer, addr, port);
}

void session_set_local(struct session *s, const char *addr, int port)
{
	set_address(&s->local, addr, port);
}

bool sess_client_inet(void *arg, bool server, char *addr, size_t len, int *port)
{
	const struct session *s = arg;
	const struct sess_peer *p = server ? &s->local : &s->peer;
	*port = p->port;
	return address_text(p, addr, len);
}

void sess_client_start(struct session *s)
{
	const struct sess_peer *p = &s->peer;
	char addr[INET6_ADDRSTRLEN];
	bool tcp = address_text(p, addr, sizeof(addr));
	s->client = shard_client_new(s->env->shards, s->tenant, s->id, on_signal, s);
	shard_client_set_origin(s->client, s->user, tcp ? addr : NULL, tcp ? p->port : 0);
	s->catalog.activity = list_activity;
	s->catalog.locks = list_locks;
	publish(s, "idle", shard_now_us());
}

void sess_client_end(struct session *s)
{
	shard_client_free(s->client); /* releases its advisory locks, wakes their waiters */
	s->client = NULL;
	free(s->activity_buf);
	s->activity_buf = s->activity_query = NULL;
	s->activity_cap = 0;
}

/* Keeps the text for the publish at the message's end (the message is gone by then) in a
 * buffer reused from one statement to the next; NULL for none. */
static void set_activity_query(struct session *s, const char *sql)
{
	size_t n = sql ? strlen(sql) + 1 : 0;
	if (n > s->activity_cap) {
		free(s->activity_buf);
		s->activity_cap = n < 64 ? 64 : n;
		s->activity_buf = base_xmalloc(s->activity_cap);
	}
	if (sql)
		memcpy(s->activity_buf, sql, n);
	s->activity_query = sql ? s->activity_buf : NULL;
}

/* A Query or an Execute starts: the session is active with that statement. */
void sess_client_msg_begin(struct session *s, const struct pgw_msg *m)
{
	if (!s->client || (m->type != 'Q' && m->type != 'E'))
		return;
	const char *sql = NULL;
	if (m->type == 'Q') {
		struct pgw_query q;
		struct pgerr ignored;
		if (pgw_fe_query(m, &q, &ignored))
			sql = q.sql;
	} else {
		struct pgw_execute e;
		struct pgerr ignored;
		bool ok = pgw_fe_execute(m, &e, &ignored);
		for (struct sess_portal *p = s->portals; ok && p && !sql; p = p->next)
			sql = strcmp(p->name, e.portal) == 0 ? p->stmt->sql : NULL;
	}
	int64_t now = shard_now_us();
	set_activity_query(s, sql);
	s->activity_query_start = now;
	if (s->txn == SESS_TXN_IDLE)
		s->activity_xact_start = now;
	publish(s, "active", now);
}

void sess_client_msg_end(struct session *s)
{
	if (!s->client)
		return;
	bool open = s->txn != SESS_TXN_IDLE;
	shard_client_xact_end(s->client, open); /* autocommit: _xact_ locks end here */
	if (!open)
		s->activity_xact_start = 0;
	/* An Execute's implicit block ends at Sync: until then the session stays active, as a
	 * PostgreSQL backend does until its ReadyForQuery (and one update per round trip fewer). */
	if (s->txn == SESS_TXN_IMPLICIT)
		return;
	const char *state = s->txn == SESS_TXN_FAILED ? "idle in transaction (aborted)"
			    : open			 ? "idle in transaction"
							 : "idle";
	if (state != s->activity_state) /* Parse, Bind, ... between two Executes change nothing */
		publish(s, state, shard_now_us());
}

void sess_client_txn_end(struct session *s)
{
	if (s->client)
		shard_client_xact_end(s->client, false);
}

bool sess_client_terminated(struct session *s)
{
	if (!atomic_load(&s->terminate) || s->state == SESS_CLOSING)
		return false;
	sess_txn_abort(s);
	session_fatal(s, SQLSTATE_ADMIN_SHUTDOWN,
		      "terminating connection due to administrator command");
	return true;
}
