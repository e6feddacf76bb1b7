/* SPDX-License-Identifier: Apache-2.0 */
/* shard_int.h: the shard module's private structures, shared by shard.c (names, paths, opening
 * and setting up a connection), shard_pool.c (lending connections, the idle LRU, lock
 * waiters), shard_authz.c (the authorizer that fences every tenant connection in) and
 * shard_rebuild.c. Not part of the public API. */
#ifndef SHARDLITE_SHARD_INT_H
#define SHARDLITE_SHARD_INT_H

#include <pthread.h>

#include "shard.h"

/* Per-connection state of the authorizer; lives inside struct shard_conn's allocation. */
struct shard_authz {
	/* The server itself is running SQL (e.g. attaching another tenant's file for a schema
	 * prefix, a table rebuild's PRAGMAs): the authorizer lets ATTACH/DETACH and PRAGMAs
	 * through. Set only around such calls. */
	bool internal;
	/* A CREATE TEMP TABLE/VIEW/INDEX/TRIGGER was authorized on this connection: it may hold
	 * per-session objects, so its session keeps it (shard_conn_pinned) until the pool's
	 * release checks the temp schema for real. */
	bool temp_created;
};


/* One tenant that has connections open (in use or idle). Lives in the registry's hash table
 * while it has any; every field is guarded by the registry's lock. */
struct shard_tenant {
	char name[SHARD_TENANT_MAX + 1];
	struct shard_tenant *hash_next;
	struct shard_tenant *lru_prev, *lru_next; /* in the idle LRU while nidle > 0 */
	struct shard_conn *idle;                  /* idle connections, a stack */
	int nidle, nused;
	uint64_t gen; /* bumped whenever a connection may have let go of a write lock */
	struct shard_conn *waiters; /* parked connections, newest first, woken one by one */
	/* Group commit (shard_sync.c): commits are numbered as they are appended to the WAL;
	 * durable is the highest number an ended fdatasync covered. */
	uint64_t written, durable;
	bool flushing;                   /* a thread runs the tenant's fdatasync */
	unsigned long wal_ino;           /* the WAL file whose directory entry was synced */
	struct shard_conn *sync_waiters; /* waiting for the flush under way, through sync_next */
};

/* Prepared statements kept on a connection across borrowers, keyed by their SQL text. */
#define SHARD_STMT_CACHE 32

struct shard_stmt_slot {
	uint32_t hash; /* of the SQL text */
	sqlite3_stmt *vm;
};

struct shard_conn {
	sqlite3 *db;
	/* Most recently given back first; reset, bindings cleared. */
	struct shard_stmt_slot stmts[SHARD_STMT_CACHE];
	int nstmts;
	struct shard_authz authz;
	char tenant[SHARD_TENANT_MAX + 1];
	struct shard_registry *reg;
	struct shard_tenant *t;  /* NULL when opened directly (shard_conn_open), else pooled */
	struct shard_conn *next; /* idle stack or waiter list */
	struct shard_conn *prev; /* waiter list */
	shard_wake_fn *wake_fn;
	void *wake_arg;
	uint64_t ticket; /* tenant gen when the current attempt began */
	bool parked;
	bool baton;    /* woken as next in line for the write lock (shard_pool.c) */
	bool released; /* a write transaction ended (commit/rollback hook) since the last settle */
	bool committed; /* a write transaction committed since the last settle (commit hook) */
	uint64_t need;  /* group commit: the number of c's last commit, 0 when durable */
	bool sync_waiting;
	struct shard_conn *sync_next;
};

struct shard_registry {
	char *data_dir;
	bool auto_create;
	int max_open_tenants;
	enum shard_durability durability;
	pthread_mutex_t lock; /* guards everything below and every shard_tenant */
	struct shard_tenant **buckets;
	size_t nbuckets, ntenants;
	struct shard_tenant *lru_head, *lru_tail; /* most recently used first */
	size_t nidle_tenants;
	size_t nopen; /* connections open through the pool, idle or in use */
};

/* shard_sync.c, registry lock held: numbers c's commit since the last settle (group
 * durability), and forgets c as a waiter of a flush (release). */
void shard_sync_settle_locked(struct shard_conn *c);
void shard_sync_forget_locked(struct shard_conn *c);

/* shard_pool.c: finalizes every cached statement of c (closing it). */
void shard_stmt_cache_clear(struct shard_conn *c);

/* shard_pool.c: set up and tear down the pool part of a registry. */
void shard_pool_init(struct shard_registry *r);
void shard_pool_fini(struct shard_registry *r);

/* Fences db in: DEFENSIVE, no extension loading, untrusted schema, no writable schema,
 * the per-connection SQLite limits, and an authorizer that refuses ATTACH/DETACH, file-
 * changing PRAGMAs, load_extension and the like (SQLITE_AUTH → 42501, see shard_error).
 * Call after the connection's own setup PRAGMAs ran: from then on they are refused too.
 * az must outlive db. False with err set when SQLite refuses a setting. */
bool shard_authz_install(sqlite3 *db, struct shard_authz *az, struct pgerr *err) MUST_CHECK;

/* The hook for the server's own file work (schema-prefix routing will ATTACH the file of
 * another tenant the user may reach). Between begin and end the authorizer allows ATTACH and
 * DETACH, and SQLITE_LIMIT_ATTACHED is raised to n_attached. Never around client SQL. */
void shard_authz_internal_begin(sqlite3 *db, struct shard_authz *az, int n_attached);
void shard_authz_internal_end(sqlite3 *db, struct shard_authz *az);

/* Runs server-issued SQL (never client text) with the authorizer in internal mode. */
bool shard_exec_internal(struct shard_conn *c, const char *sql, struct pgerr *err) MUST_CHECK;

/* Why the authorizer refused the last statement prepared on this thread ("" when none): the
 * prepare runs on the thread that called it, so a thread-local reason is the connection's. */
const char *shard_authz_last_denial(void);

#endif
