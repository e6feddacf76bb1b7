/* SPDX-License-Identifier: Apache-2.0 */
/* shard_tlock.c: the table-lock manager — PostgreSQL's eight relation lock modes and their
 * conflict table (the one place it lives), the locks LOCK TABLE takes (per tenant and table,
 * held by a session to the end of its transaction), the check an ordinary statement makes
 * against them (AccessShare for what it reads, RowExclusive for what it writes), and the
 * wait-for graph that finds a deadlock.
 *
 * Everything lives in the registry under its one lock, beside the advisory locks
 * (shard_client.c), and waits the same way: a request that conflicts fails with SQLITE_BUSY
 * (or, for an ordinary statement, "wait") before it has any effect, the session parks, and a
 * release wakes the tenant's parked connections, which run the statement again. Ordinary
 * statements take nothing: while no session holds a table lock (r->tlocks_held, one atomic
 * load) they pay nothing, and otherwise they are checked, not recorded, so a LOCK does not
 * wait for transactions that only read or wrote the table (docs/sql-compat.md, LOCK). */
#include "shard_int.h"

#include <stdlib.h>
#include <string.h>

#include "pgfn.h"

#define B(m) (1u << (m))

/* PostgreSQL's LockConflicts (lock.c), indexed by mode: the modes each one conflicts with. */
static const unsigned conflicts[SHARD_LOCK_NMODES] = {
	[SHARD_LOCK_ACCESS_SHARE] = B(8),
	[SHARD_LOCK_ROW_SHARE] = B(7) | B(8),
	[SHARD_LOCK_ROW_EXCLUSIVE] = B(5) | B(6) | B(7) | B(8),
	[SHARD_LOCK_SHARE_UPDATE_EXCLUSIVE] = B(4) | B(5) | B(6) | B(7) | B(8),
	[SHARD_LOCK_SHARE] = B(3) | B(4) | B(6) | B(7) | B(8),
	[SHARD_LOCK_SHARE_ROW_EXCLUSIVE] = B(3) | B(4) | B(5) | B(6) | B(7) | B(8),
	[SHARD_LOCK_EXCLUSIVE] = B(2) | B(3) | B(4) | B(5) | B(6) | B(7) | B(8),
	[SHARD_LOCK_ACCESS_EXCLUSIVE] = B(1) | B(2) | B(3) | B(4) | B(5) | B(6) | B(7) | B(8),
};

/* As pg_locks.mode spells them. */
static const char *const names[SHARD_LOCK_NMODES] = {
	[SHARD_LOCK_ACCESS_SHARE] = "AccessShareLock",
	[SHARD_LOCK_ROW_SHARE] = "RowShareLock",
	[SHARD_LOCK_ROW_EXCLUSIVE] = "RowExclusiveLock",
	[SHARD_LOCK_SHARE_UPDATE_EXCLUSIVE] = "ShareUpdateExclusiveLock",
	[SHARD_LOCK_SHARE] = "ShareLock",
	[SHARD_LOCK_SHARE_ROW_EXCLUSIVE] = "ShareRowExclusiveLock",
	[SHARD_LOCK_EXCLUSIVE] = "ExclusiveLock",
	[SHARD_LOCK_ACCESS_EXCLUSIVE] = "AccessExclusiveLock",
};

static bool valid(int m) { return m > 0 && m < SHARD_LOCK_NMODES; }

bool shard_lockmode_conflicts(int a, int b)
{
	return valid(a) && valid(b) && (conflicts[a] & B(b)) != 0;
}

const char *shard_lockmode_name(int m) { return valid(m) ? names[m] : NULL; }

/* One session's hold of one table in one mode, or (granted false) the one request it waits
 * for. A session waits for at most one. */
struct tlock {
	struct tlock *next;
	struct shard_client *owner;
	int mode;
	bool granted;
	bool with_wl;       /* waiting: its connection holds the tenant's SQLite write lock */
	int64_t wait_start; /* waiting: since when */
	char table[];
};

static bool same_table(const struct tlock *l, const struct shard_client *cl, const char *table)
{
	return sqlite3_stricmp(l->table, table) == 0 &&
	       strcmp(shard_client_tenant(l->owner), shard_client_tenant(cl)) == 0;
}

/* Whether another session holds a lock on table that conflicts with mode. Lock held. */
static bool blocked(struct shard_registry *r, struct shard_client *cl, const char *table, int mode)
{
	for (struct tlock *l = r->tlocks; l; l = l->next) {
		if (l->granted && l->owner != cl && shard_lockmode_conflicts(mode, l->mode) &&
		    same_table(l, cl, table))
			return true;
	}
	return false;
}

static struct tlock *wait_of(struct shard_registry *r, const struct shard_client *cl)
{
	for (struct tlock *l = r->tlocks; l; l = l->next) {
		if (!l->granted && l->owner == cl)
			return l;
	}
	return NULL;
}

/* Whether cl's wait for (table, mode) waits, through other sessions' waits, for target:
 * a path in the wait-for graph whose edges go from a waiter to each holder of a lock that
 * conflicts with its request. depth bounds the walk (sessions of one tenant). Lock held. */
static bool waits_for(struct shard_registry *r, struct shard_client *cl, const char *table,
		      int mode, const struct shard_client *target, int depth)
{
	if (depth > 64)
		return false;
	for (struct tlock *l = r->tlocks; l; l = l->next) {
		if (!l->granted || l->owner == cl || !shard_lockmode_conflicts(mode, l->mode) ||
		    !same_table(l, cl, table))
			continue;
		if (l->owner == target)
			return true;
		struct tlock *w = wait_of(r, l->owner);
		if (w && waits_for(r, l->owner, w->table, w->mode, target, depth + 1))
			return true;
		/* a holder parked on the SQLite write lock that target holds while it waits */
		if (shard_client_tl(l->owner)->wl_parked && depth == 0 &&
		    shard_client_tl((struct shard_client *)target)->wl_held)
			return true;
	}
	return false;
}

bool shard_tlock_waiting_locked(struct shard_client *cl)
{
	return wait_of(shard_client_registry(cl), cl) != NULL;
}

static void forget_wait(struct shard_registry *r, struct shard_client *cl)
{
	for (struct tlock **p = &r->tlocks; *p; p = &(*p)->next) {
		if (!(*p)->granted && (*p)->owner == cl) {
			struct tlock *l = *p;
			*p = l->next;
			free(l);
			return;
		}
	}
}

static struct tlock *add(struct shard_registry *r, struct shard_client *cl, const char *table,
			 int mode, bool granted)
{
	size_t n = strlen(table);
	struct tlock *l = base_xcalloc(1, sizeof(*l) + n + 1);
	l->owner = cl;
	l->mode = mode;
	l->granted = granted;
	memcpy(l->table, table, n);
	l->next = r->tlocks;
	r->tlocks = l;
	if (granted)
		__atomic_fetch_add(&r->tlocks_held, 1, __ATOMIC_RELEASE);
	shard_client_xact_work(cl);
	return l;
}

/* Records that cl waits for (table, mode), unless it already does. Lock held. */
static void note_wait(struct shard_registry *r, struct shard_client *cl, const char *table,
		      int mode, bool with_wl)
{
	struct tlock *w = wait_of(r, cl);
	if (w && w->mode == mode && sqlite3_stricmp(w->table, table) == 0)
		return;
	int64_t start = w ? w->wait_start : shard_now_us();
	forget_wait(r, cl);
	w = add(r, cl, table, mode, false);
	w->with_wl = with_wl;
	w->wait_start = start;
}

static enum shard_tlock_result request(struct shard_registry *r, struct shard_client *cl,
				       const char *table, int mode, bool wait, bool holds_wl,
				       bool record)
{
	if (!blocked(r, cl, table, mode)) {
		forget_wait(r, cl);
		if (record) {
			for (struct tlock *l = r->tlocks; l; l = l->next) {
				if (l->granted && l->owner == cl && l->mode == mode &&
				    sqlite3_stricmp(l->table, table) == 0)
					return SHARD_TLOCK_GRANTED; /* held already */
			}
			add(r, cl, table, mode, true);
		}
		return SHARD_TLOCK_GRANTED;
	}
	if (!wait)
		return SHARD_TLOCK_WAIT;
	shard_client_tl(cl)->wl_held = holds_wl;
	if (waits_for(r, cl, table, mode, cl, 0)) {
		forget_wait(r, cl);
		return SHARD_TLOCK_DEADLOCK;
	}
	note_wait(r, cl, table, mode, holds_wl);
	return SHARD_TLOCK_WAIT;
}

enum shard_tlock_result shard_tlock_acquire(struct shard_client *cl, const char *table, int mode,
					    bool wait, bool holds_wl)
{
	ASSERT(valid(mode));
	struct shard_registry *r = shard_client_registry(cl);
	pthread_mutex_lock(&r->lock);
	enum shard_tlock_result res = request(r, cl, table, mode, wait, holds_wl, true);
	pthread_mutex_unlock(&r->lock);
	return res;
}

bool shard_tlock_park_deadlock(struct shard_client *cl)
{
	struct shard_registry *r = shard_client_registry(cl);
	if (!cl || __atomic_load_n(&r->tlocks_held, __ATOMIC_ACQUIRE) == 0)
		return false;
	bool dead = false;
	pthread_mutex_lock(&r->lock);
	if (!wait_of(r, cl)) { /* parked on the SQLite write lock, not on a table lock */
		shard_client_tl(cl)->wl_parked = true;
		/* a session that holds the write lock and waits for a table lock cl holds */
		for (struct tlock *w = r->tlocks; w && !dead; w = w->next)
			dead = !w->granted && w->with_wl && w->owner != cl &&
			       waits_for(r, w->owner, w->table, w->mode, cl, 1);
	}
	pthread_mutex_unlock(&r->lock);
	return dead;
}

/* Drops cl's table locks (held too unless wait_only) and its wait. Lock held. */
void shard_tlock_drop_locked(struct shard_client *cl, bool wait_only)
{
	struct shard_registry *r = shard_client_registry(cl);
	bool freed = false;
	shard_client_tl(cl)->wl_parked = shard_client_tl(cl)->wl_held = false;
	for (struct tlock **p = &r->tlocks; *p;) {
		struct tlock *l = *p;
		if (l->owner == cl && (!l->granted || !wait_only)) {
			*p = l->next;
			if (l->granted) {
				__atomic_fetch_sub(&r->tlocks_held, 1, __ATOMIC_RELEASE);
				freed = true;
			}
			free(l);
		} else {
			p = &l->next;
		}
	}
	if (freed)
		shard_pool_wake_tenant_locked(r, shard_client_tenant(cl));
}

/* ---- ordinary statements ---- */

/* The authorizer's notes while a statement is prepared again: each table of the main schema
 * it reads or writes, and the strongest mode it needs of it. */
struct touch_note {
	struct touch_note *next;
	int mode;
	char table[];
};

void shard_tlock_touch_note(struct shard_tlock_touch *t, const char *table, bool write)
{
	if (!table || sqlite3_strnicmp(table, "sqlite_", 7) == 0)
		return;
	int mode = write ? SHARD_LOCK_ROW_EXCLUSIVE : SHARD_LOCK_ACCESS_SHARE;
	for (struct touch_note *n = t->notes; n; n = n->next) {
		if (sqlite3_stricmp(n->table, table) == 0) {
			n->mode = n->mode > mode ? n->mode : mode;
			return;
		}
	}
	size_t len = strlen(table);
	struct touch_note *n = base_xcalloc(1, sizeof(*n) + len + 1);
	memcpy(n->table, table, len);
	n->mode = mode;
	n->next = t->notes;
	t->notes = n;
}

/* The tables of the main schema vm's program opens (OpenRead/OpenWrite of a table or one of
 * its indexes, through the views it reads), by EXPLAIN: what the authorizer does not name,
 * such as count(*)'s table, whose columns are not read. */
static void note_opened(sqlite3 *db, sqlite3_stmt *vm, struct shard_tlock_touch *t)
{
	char *sql = sqlite3_mprintf("EXPLAIN %s", sqlite3_sql(vm));
	sqlite3_stmt *ex = NULL, *name = NULL;
	if (sql && sqlite3_prepare_v2(db, sql, -1, &ex, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT tbl_name FROM main.sqlite_schema WHERE rootpage = ?1",
			       -1, &name, NULL) == SQLITE_OK) {
		while (sqlite3_step(ex) == SQLITE_ROW) {
			const char *op = (const char *)sqlite3_column_text(ex, 1);
			bool w = op && strcmp(op, "OpenWrite") == 0;
			if (!op || (!w && strcmp(op, "OpenRead") != 0) ||
			    sqlite3_column_int(ex, 4) != 0) /* p3: the schema, 0 main */
				continue;
			sqlite3_bind_int64(name, 1, sqlite3_column_int64(ex, 3)); /* p2: root page */
			if (sqlite3_step(name) == SQLITE_ROW)
				shard_tlock_touch_note(t, (const char *)sqlite3_column_text(name, 0),
						       w);
			sqlite3_reset(name);
		}
	}
	sqlite3_finalize(name);
	sqlite3_finalize(ex);
	sqlite3_free(sql);
}

/* Whether another session of cl's tenant holds a table lock at all. Lock held. */
static bool tenant_has_locks(struct shard_registry *r, struct shard_client *cl)
{
	for (struct tlock *l = r->tlocks; l; l = l->next) {
		if (l->granted && l->owner != cl &&
		    strcmp(shard_client_tenant(l->owner), shard_client_tenant(cl)) == 0)
			return true;
	}
	return false;
}

enum shard_tlock_result shard_tlock_admit(struct shard_conn *c, sqlite3_stmt *vm)
{
	struct shard_registry *r = c->reg;
	struct shard_client *cl = c->client;
	if (__atomic_load_n(&r->tlocks_held, __ATOMIC_ACQUIRE) == 0 || !cl || !vm || c->nattached)
		return SHARD_TLOCK_GRANTED;
	pthread_mutex_lock(&r->lock);
	bool any = tenant_has_locks(r, cl);
	pthread_mutex_unlock(&r->lock);
	if (!any)
		return SHARD_TLOCK_GRANTED;
	/* Which tables: SQLite's authorizer names each table a statement reads or writes as it
	 * is prepared (through views and triggers too), so the statement is prepared again. */
	struct shard_tlock_touch touch = {0};
	struct shard_tlock_touch *outer = c->authz.touch;
	c->authz.touch = &touch;
	sqlite3_stmt *again = NULL;
	(void)sqlite3_prepare_v2(c->db, sqlite3_sql(vm), -1, &again, NULL);
	c->authz.touch = outer;
	sqlite3_finalize(again);
	note_opened(c->db, vm, &touch);
	bool holds_wl = sqlite3_txn_state(c->db, "main") == SQLITE_TXN_WRITE;
	enum shard_tlock_result res = SHARD_TLOCK_GRANTED;
	pthread_mutex_lock(&r->lock);
	for (struct touch_note *n = touch.notes; n && res == SHARD_TLOCK_GRANTED; n = n->next)
		res = request(r, cl, n->table, n->mode, true, holds_wl, false);
	pthread_mutex_unlock(&r->lock);
	while (touch.notes) {
		struct touch_note *n = touch.notes;
		touch.notes = n->next;
		free(n);
	}
	return res;
}

/* ---- pg_locks ---- */

size_t shard_tlock_list(struct shard_registry *r, const char *tenant, struct arena *a,
			struct shard_tlock_info **out)
{
	pthread_mutex_lock(&r->lock);
	size_t n = 0, i = 0;
	for (struct tlock *l = r->tlocks; l; l = l->next)
		n++;
	struct shard_tlock_info *v = arena_zalloc(a, (n ? n : 1) * sizeof(*v));
	/* held first, then waited for, each oldest first (the list is newest first) */
	for (int pass = 0; pass < 2; pass++) {
		size_t from = i;
		for (struct tlock *l = r->tlocks; l; l = l->next) {
			if (l->granted != (pass == 0) ||
			    strcmp(shard_client_tenant(l->owner), tenant) != 0)
				continue;
			v[i++] = (struct shard_tlock_info){shard_client_pid(l->owner),
							   arena_strdup(a, l->table), l->mode,
							   l->granted, l->wait_start};
		}
		for (size_t lo = from, hi = i; hi > lo + 1; lo++, hi--) {
			struct shard_tlock_info t = v[lo];
			v[lo] = v[hi - 1];
			v[hi - 1] = t;
		}
	}
	pthread_mutex_unlock(&r->lock);
	*out = v;
	return i;
}

/* ---- LOCK TABLE's SQL function ---- */

/* shardlite_lock_table(table, mode, nowait): takes the lock for the session the connection is
 * lent to; void when granted. A conflict fails with SQLITE_BUSY before any effect (the
 * session parks and runs the statement again), with NOWAIT PostgreSQL's 55P03, and a wait
 * that would close a cycle PostgreSQL's 40P01. */
static void fn_lock_table(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_conn *c = sqlite3_user_data(ctx);
	(void)argc;
	if (shard_refuse_effect(ctx, c))
		return;
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	int mode = sqlite3_value_int(argv[1]);
	bool nowait = sqlite3_value_int(argv[2]) != 0;
	if (!c->client) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "LOCK TABLE needs a client session");
		return;
	}
	if (!table || !valid(mode)) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid lock request");
		return;
	}
	bool holds_wl = sqlite3_txn_state(c->db, "main") == SQLITE_TXN_WRITE;
	switch (shard_tlock_acquire(c->client, table, mode, !nowait, holds_wl)) {
	case SHARD_TLOCK_GRANTED:
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		break;
	case SHARD_TLOCK_WAIT:
		if (nowait) {
			pgfn_error(ctx, SQLSTATE_LOCK_NOT_AVAILABLE,
				   "could not obtain lock on relation \"%s\"", table);
			break;
		}
		sqlite3_result_error(ctx, "table lock held by another session", -1);
		sqlite3_result_error_code(ctx, SQLITE_BUSY);
		break;
	case SHARD_TLOCK_DEADLOCK:
		pgfn_error(ctx, SQLSTATE_DEADLOCK_DETECTED, "deadlock detected");
		break;
	}
}

int shard_tlock_register(struct shard_conn *c)
{
	return sqlite3_create_function_v2(c->db, "shardlite_lock_table", 3,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, c, fn_lock_table, NULL,
					  NULL, NULL);
}
