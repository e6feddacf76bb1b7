/* SPDX-License-Identifier: Apache-2.0 */
/* shard: tenants as SQLite files. Validates tenant names, maps them to fanned-out paths under
 * the data directory, opens connections in WAL mode with the settings every tenant connection
 * needs, lends them to sessions from a per-tenant pool (idle ones cached, LRU-bounded), parks
 * sessions that meet another connection's write lock until it is let go, and owns the one
 * table from SQLite result codes to SQLSTATEs. Every call is thread-safe unless it says
 * otherwise; calls that touch files may block and belong on worker threads. */
#ifndef SHARDLITE_SHARD_H
#define SHARDLITE_SHARD_H

#include <sqlite3.h>

#include "base.h"

#define SHARD_TENANT_MAX 63

/* When a commit counts as done (config key durability, docs/config.md). */
enum shard_durability {
	SHARD_DURABILITY_GROUP, /* WAL appended without fsync; shard_conn_sync flushes for many */
	SHARD_DURABILITY_FULL,  /* synchronous=FULL: every commit fsyncs the WAL itself */
	SHARD_DURABILITY_OFF,   /* synchronous=NORMAL, nobody waits for the fsync */
};

struct shard_opts {
	const char *data_dir;  /* copied */
	enum shard_durability durability;
	bool auto_create;      /* create a tenant's file on first use */
	int max_open_tenants;  /* tenants whose idle connections stay cached; 0 = none */
};

/* Idle connections cached per tenant (more are closed on release). */
#define SHARD_IDLE_PER_TENANT 8

struct shard_registry;

/* Creates the registry and the data directory layout (data_dir/tenants/) if missing.
 * NULL with err set when the directory cannot be created or used. */
struct shard_registry *shard_registry_new(const struct shard_opts *opts, struct pgerr *err);
void shard_registry_free(struct shard_registry *r);
const char *shard_registry_data_dir(const struct shard_registry *r);

/* Folds raw to lower case and checks it against [a-z0-9][a-z0-9_-]{0,62}. On success writes
 * the folded name (NUL-terminated) to out. On failure err is FATAL 3D000 naming the rule. */
bool shard_tenant_name_check(const char *raw, char out[SHARD_TENANT_MAX + 1],
			     struct pgerr *err) MUST_CHECK;

/* Writes data_dir/tenants/<hh>/<name>.db to out, where hh is two hex digits of a hash of the
 * name, so no directory holds more than a few thousand files. name must be checked. False
 * when the path would not fit. */
bool shard_tenant_path(const struct shard_registry *r, const char *name, char *out,
		       size_t outlen) MUST_CHECK;

/* One SQLite connection to one tenant, lent to exactly one session at a time. */
struct shard_conn;

/* Opens a new connection to tenant name (already checked), creating the file when the
 * registry allows it: the one place a tenant connection is set up (WAL, synchronous=FULL or
 * NORMAL per the registry's durability,
 * foreign_keys=ON, case_sensitive_like=ON — PostgreSQL's LIKE is case-sensitive — no busy
 * waiting). Whatever every connection needs (virtual tables, an authorizer) belongs here.
 * NULL with err set (3D000 when the tenant does not exist and auto_create is off). Blocks on
 * disk. Sessions use shard_conn_acquire, which calls this when no idle connection is cached. */
struct shard_conn *shard_conn_open(struct shard_registry *r, const char *name,
				   struct pgerr *err);
/* Rolls back anything open and closes a connection from shard_conn_open. NULL is a no-op. */
void shard_conn_close(struct shard_conn *c);

/* Lends a connection to tenant name (already checked): a cached idle one when there is one
 * (no file open, no pragmas), else a new one. NULL with err set as shard_conn_open. May block
 * on disk. */
struct shard_conn *shard_conn_acquire(struct shard_registry *r, const char *name,
				      struct pgerr *err);
/* Gives c back: rolls back anything open, leaves the waiter list, wakes the tenant's next
 * waiter when that let go of a write lock (or c was next in line), and caches c (closing it instead when it holds
 * per-session state such as temp tables, or when the tenant already caches
 * SHARD_IDLE_PER_TENANT). Caching a tenant beyond max_open_tenants closes the idle
 * connections of the least recently used one; while more than SHARD_WARM_TENANTS tenants
 * cache connections, a released one also drops its page cache. Statements given back with
 * shard_conn_stmt_give stay prepared on c; any other unfinalized statement makes c close.
 * NULL is a no-op. May block on disk (closing). */
void shard_conn_release(struct shard_conn *c);

/* Tenants whose idle connections keep their page cache (beyond them, memory is released). */
#define SHARD_WARM_TENANTS 64

/* True once c may hold per-session SQLite state (a temporary table, view, index or trigger
 * was created on it): a session keeps such a connection until it ends rather than giving it
 * back between transactions. */
bool shard_conn_pinned(const struct shard_conn *c);

/* ---- Statements kept across borrowers ----
 * A session gives its connection back between transactions; its prepared statements are left
 * on the connection (up to 32, least recently given back out first) and taken back by text. */
/* A statement prepared on c from exactly sql, reset, bindings cleared, now the caller's (give
 * it back or finalize it); NULL when c keeps none. Not thread-safe: c's borrower only. */
sqlite3_stmt *shard_conn_stmt_take(struct shard_conn *c, const char *sql);
/* Resets vm (prepared on c) and keeps it for a later shard_conn_stmt_take of its text. NULL is
 * a no-op. Not thread-safe: c's borrower only. */
void shard_conn_stmt_give(struct shard_conn *c, sqlite3_stmt *vm);

/* Counts for tests and metrics: open pooled connections, idle ones, tenants with any. */
void shard_registry_counts(struct shard_registry *r, size_t *open, size_t *idle,
			   size_t *tenants);

/* ---- Waiting for another connection's write lock, off every thread ----
 * SQLite refuses a write while another connection of the tenant holds the write lock
 * (SQLITE_BUSY, before the statement has any effect). Instead of sleeping in SQLite's busy
 * handler, which would hold a worker thread, the caller parks the connection and returns; the
 * waker is called once a connection of the tenant may have let the lock go, and the caller
 * retries the statement from scratch. */
typedef void shard_wake_fn(void *arg);

/* Sets the waker of c, which must be neither parked nor waiting for a flush (the borrower
 * sets it right after shard_conn_acquire). The waker is called from any thread, possibly with
 * the registry lock held: it must only post a wakeup, never call back into shard). */
void shard_conn_set_waker(struct shard_conn *c, shard_wake_fn *fn, void *arg);
/* Marks the start of an attempt (call before running statements that may meet SQLITE_BUSY). */
void shard_conn_attempt(struct shard_conn *c);
/* After SQLITE_BUSY: parks c until the lock may be free, then calls the waker — at once when a
 * connection of the tenant let go of a write lock since shard_conn_attempt. */
void shard_conn_park(struct shard_conn *c);
/* Leaves the waiter list (lock timeout, cancel); no-op when not parked. */
void shard_conn_unpark(struct shard_conn *c);
/* Call when a burst of work on c ends: when a write transaction of c ended since the last
 * settle (or c was woken as next in line) and c holds none now, the tenant's oldest parked
 * connection is woken to retry. Also numbers c's commit for group commit. */
void shard_conn_settle(struct shard_conn *c);

/* ---- Group commit (durability = group) ----
 * Connections write their commits to the tenant's WAL without an fsync (synchronous=NORMAL:
 * the write lock is let go right after the append). A commit's answer is held until one
 * fdatasync of the WAL, started after the commit was appended, has ended: one flush covers
 * every commit appended meanwhile. shard_conn_settle numbers the commits of c; nothing is
 * numbered under the other durabilities. */
/* True when c committed since its last shard_conn_sync and that commit is not durable yet. */
bool shard_conn_unsynced(struct shard_conn *c);
enum shard_sync {
	SHARD_SYNC_DONE, /* c's commits are durable */
	SHARD_SYNC_WAIT, /* another thread's flush runs: c's waker is called when it ends */
	SHARD_SYNC_FAILED,
};
/* Makes c's commits durable: DONE at once when a flush already covered them; else, when no
 * flush of the tenant runs, this thread runs one (blocks on disk for an fdatasync) and wakes
 * the connections that waited; else WAIT, and call again once woken. FAILED with err set
 * (58030) when the fsync failed: the commits may or may not survive a crash. */
enum shard_sync shard_conn_sync(struct shard_conn *c, struct pgerr *err);
sqlite3 *shard_conn_db(struct shard_conn *c);
const char *shard_conn_tenant(const struct shard_conn *c);

/* Runs SQL without results (transaction control); false with err mapped from SQLite. */
bool shard_exec(struct shard_conn *c, const char *sql, struct pgerr *err) MUST_CHECK;

/* A table rebuilt with one more constraint: constraint is its SQLite text ("PRIMARY KEY
 * (aid)", "FOREIGN KEY (bid) REFERENCES b", "CHECK (n > 0)"); a primary key's columns also
 * become NOT NULL. The other fields name things in PostgreSQL's messages. */
enum shard_rebuild_kind { SHARD_RB_KEY, SHARD_RB_FOREIGN, SHARD_RB_CHECK };
struct shard_rebuild {
	enum shard_rebuild_kind kind;
	const char *table;
	const char *constraint;
	const char *name; /* PostgreSQL's name of the constraint (a key's index) */
	const char *const *keys; /* KEY, FOREIGN: the constrained columns */
	size_t nkeys;
	bool primary;
	const char *ref_table; /* FOREIGN: the referenced table and columns (none: its key) */
	const char *const *ref_keys;
	size_t nref_keys;
};

/* Adds a constraint to an existing table the way SQLite documents for changes ALTER TABLE
 * cannot make: the table is renamed aside, created again from its stored definition with the
 * constraint (and NOT NULL) added, refilled — which checks every row — and the old one
 * dropped; its indexes and triggers are created again. Runs in a savepoint: on failure
 * nothing changed. False with err: 42P01 no such table (or referenced table), 42809 a view,
 * 42P16 a second primary key, 42703 unknown column, 23505 duplicate keys ("could not create
 * unique index", with the key), 23502 NULLs in a primary key column, 23503 a row without its
 * referenced row, 23514 a row the CHECK refuses, 42830 referenced columns without a unique
 * key, 0A000 when other tables' foreign keys reference the table. Blocks on disk. */
bool shard_table_rebuild(struct shard_conn *c, const struct shard_rebuild *rb,
			 struct pgerr *err) MUST_CHECK;

/* The one mapping from a SQLite result code (and the connection's error message) to a
 * PostgreSQL error: 23505, 23502, 23503, 23514, 42P01, 42703, 42601, 53200, 54000, 55P03,
 * 57014, 25006, XX001, ... with PostgreSQL-style wording. Always returns false. */
bool shard_error(sqlite3 *db, int rc, struct pgerr *err);

#endif
