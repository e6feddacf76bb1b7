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
	const char *data_dir; /* copied */
	enum shard_durability durability;
	bool auto_create;     /* create a tenant's file on first use */
	int max_open_tenants; /* tenants whose idle connections stay cached; 0 = none */
	int sync_threads;     /* most group-commit flushes at once (tenants); 0 = the default */
	/* Optional: called by each sync thread as it starts (defer_wakes) and after each time it
	 * lets the registry lock go (wake_deferred): the server defers the eventfd writes that
	 * wake the committers' loops to then (exec_defer_kicks), so a woken loop does not meet
	 * the lock still held. */
	void (*defer_wakes)(void);
	void (*wake_deferred)(void);
};

/* Sync threads under durability = group when shard_opts.sync_threads is 0: different
 * tenants' WAL flushes run side by side, one thread each. */
#define SHARD_SYNC_THREADS_DEFAULT 16

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
bool shard_tenant_name_check(const char *raw, char out[SHARD_TENANT_MAX + 1], struct pgerr *err)
	MUST_CHECK;

/* Writes data_dir/tenants/<hh>/<name>.db to out, where hh is two hex digits of a hash of the
 * name, so no directory holds more than a few thousand files. name must be checked. False
 * when the path would not fit. */
bool shard_tenant_path(const struct shard_registry *r, const char *name, char *out, size_t outlen)
	MUST_CHECK;

/* One SQLite connection to one tenant, lent to exactly one session at a time. */
struct shard_conn;

/* Opens a new connection to tenant name (already checked), creating the file when the
 * registry allows it: the one place a tenant connection is set up (WAL, synchronous=FULL or
 * NORMAL per the registry's durability,
 * foreign_keys=ON, LIKE as pgfn's case-sensitive like() — no busy
 * waiting). Whatever every connection needs (virtual tables, an authorizer) belongs here.
 * NULL with err set (3D000 when the tenant does not exist and auto_create is off). Blocks on
 * disk. Sessions use shard_conn_acquire, which calls this when no idle connection is cached. */
struct shard_conn *shard_conn_open(struct shard_registry *r, const char *name, struct pgerr *err);
/* Rolls back anything open and closes a connection from shard_conn_open. NULL is a no-op. */
void shard_conn_close(struct shard_conn *c);

/* Lends a connection to tenant name (already checked): a cached idle one when there is one
 * (no file open, no pragmas), else a new one, migrated when its tenant is behind. NULL with
 * err set as shard_conn_open, or FATAL when the migration fails. May block on disk, and up
 * to SHARD_MIGRATE_LOCK_WAIT_MS on the tenant's write lock while a migration is pending:
 * sessions use shard_conn_acquire_nowait instead. */
struct shard_conn *shard_conn_acquire(struct shard_registry *r, const char *name,
				      struct pgerr *err);
/* As shard_conn_acquire, except that a migration meeting another connection's write lock (a
 * migration under way, a writer's open transaction, `shardlite migrate`) does not wait for it:
 * the connection is returned with *busy set and its tenant unchanged. The borrower sets its
 * waker, parks it (shard_conn_park; the attempt was recorded) and when woken calls
 * shard_conn_migrate. Blocks on disk only. */
struct shard_conn *shard_conn_acquire_nowait(struct shard_registry *r, const char *name, bool *busy,
					     struct pgerr *err);
/* Runs again the migration check of c, lent with *busy: true when c is ready to use; false
 * with *busy when the lock is still held (park again); false with err (FATAL) when the tenant
 * cannot be migrated (the caller releases c). Never waits for a lock. */
bool shard_conn_migrate(struct shard_conn *c, bool *busy, struct pgerr *err) MUST_CHECK;
/* The loop thread's borrow: a cached idle connection of tenant name already checked against
 * the current migration set, or NULL (nothing changed) when getting one would open a file or
 * run a migration. Never blocks: the registry lock only. */
struct shard_conn *shard_conn_acquire_cached(struct shard_registry *r, const char *name);
/* For a borrower of old that has done nothing in its transaction yet (a write woken from a
 * lock wait): when another connection of the tenant committed since old's last commit (which
 * made SQLite's page cache of old stale: it is dropped and read again at old's next
 * transaction) and the connection that made the tenant's last commit is idle, lends that one
 * and returns it, else NULL. The caller moves its statements over (shard_conn_stmt_move) and
 * gives old back; old's place in the line of lock waiters and its restartable and on-loop
 * marks pass to the returned connection. Never blocks: the registry lock only. */
struct shard_conn *shard_conn_take_fresher(struct shard_conn *old);
/* Prepares vm's SQL text on to (from its statement cache when kept there) with vm's
 * parameter values, gives vm back to from's cache (reset) and returns the new statement; NULL
 * (vm reset, its values kept) when preparing it fails. Borrower of both only. */
sqlite3_stmt *shard_conn_stmt_move(struct shard_conn *from, struct shard_conn *to,
				   sqlite3_stmt *vm);
/* The loop thread's give-back: as shard_conn_release when c can go back to the cache without
 * closing anything (no transaction or attachment, no unfinalized statement beyond the cache,
 * no temporary objects) and returns true; the tenant's idle count and max_open_tenants may
 * then be exceeded by this one connection until the next shard_conn_release trims them.
 * Otherwise false and c stays lent: release it on a worker. Never blocks. */
bool shard_conn_release_cached(struct shard_conn *c) MUST_CHECK;
/* While on, the functions whose effects outside the statement a rerun would repeat (advisory
 * locks and unlocks, pg_cancel_backend, pg_terminate_backend) fail their statement with
 * SQLITE_INTERRUPT before acting and mark c: for a borrower that may drop a statement half-way
 * and run it again from scratch. shard_conn_refused_effect tells (and clears) whether that
 * happened since it was last asked. Borrower only. */
void shard_conn_set_restartable(struct shard_conn *c, bool on);
bool shard_conn_refused_effect(struct shard_conn *c);

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
/* The columns of table that SQLite statement sql assigns (an UPDATE's SET list, an upsert's DO
 * UPDATE SET), each once per assignment, appended to out joined by 0x1f: what a statement
 * trigger's UPDATE OF tests. Prepares sql without running it; false when it does not prepare.
 * Borrower only. */
bool shard_conn_updated_columns(struct shard_conn *c, const char *sql, const char *table,
				struct strbuf *out);
/* Reads c's temp schema and unpins c when it is empty (its temporary tables were dropped);
 * returns whether c is now unpinned. Borrower only; reads an in-memory schema, no disk. */
bool shard_conn_unpin(struct shard_conn *c);

/* ---- Statements kept across borrowers ----
 * A session gives its connection back between transactions; its prepared statements are left
 * on the connection (up to 32, least recently given back out first) and taken back by text. */
/* A statement prepared on c from exactly sql, reset, bindings cleared, now the caller's (give
 * it back or finalize it); NULL when c keeps none. Not thread-safe: c's borrower only. */
sqlite3_stmt *shard_conn_stmt_take(struct shard_conn *c, const char *sql);
/* Resets vm (prepared on c) and keeps it for a later shard_conn_stmt_take of its text. NULL is
 * a no-op. Not thread-safe: c's borrower only. */
void shard_conn_stmt_give(struct shard_conn *c, sqlite3_stmt *vm);
/* Finalizes the statements c keeps for shard_conn_stmt_take: after the schema changed, one
 * prepared before shows the columns (and finds the tables) it had until its next step. Not
 * thread-safe: c's borrower only. */
void shard_conn_stmt_forget(struct shard_conn *c);

/* One object kept on c across borrowers (the session's snapshot of the tenant's column types,
 * shared by every session that borrows c at the same schema_version). Setting it calls the
 * previous one's free_fn; closing c calls the current one's. Not thread-safe: c's borrower
 * only. */
void shard_conn_set_aux(struct shard_conn *c, void *aux, void (*free_fn)(void *));
void *shard_conn_aux(const struct shard_conn *c);

/* Counts for tests and metrics: open pooled connections, idle ones, tenants with any. */
void shard_registry_counts(struct shard_registry *r, size_t *open, size_t *idle, size_t *tenants);

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
/* The next shard_conn_park of this attempt wakes c at once, as if the lock had been let go
 * meanwhile: the statement is to run again now (READ COMMITTED's retry with a new snapshot). */
void shard_conn_retry_now(struct shard_conn *c);
/* Leaves the waiter list (lock timeout, cancel); no-op when not parked. */
void shard_conn_unpark(struct shard_conn *c);
/* Call when a burst of work on c ends: when a write transaction of c ended since the last
 * settle (or c was woken as next in line) and c holds none now, the tenant's oldest parked
 * connection is woken to retry. Also numbers c's commit for group commit. */
void shard_conn_settle(struct shard_conn *c);
/* As shard_conn_settle, but leaves the wakeup to shard_conn_release or _release_cached, for a
 * borrower that gives c back right after: the woken waiter then finds c, whose page cache
 * its commit left current, idle (shard_conn_take_fresher). */
void shard_conn_settle_for_release(struct shard_conn *c);

/* ---- Read snapshots (READ COMMITTED: shard_snapshot.c) ----
 * This process's commits are counted once they have landed. Mark before a read snapshot
 * begins (or with none open); stale is then true when a commit c's snapshot may not include
 * has landed since (of c's tenant, or of any file when c has others attached). One or two
 * atomic loads; never blocks. Forget makes the next stale true (a snapshot SQLite refused). */
bool shard_conn_snapshot_stale(const struct shard_conn *c);
void shard_conn_snapshot_mark(struct shard_conn *c);
void shard_conn_snapshot_forget(struct shard_conn *c);

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
	SHARD_SYNC_WAIT, /* a sync thread flushes: c's waker is called when it ends */
	SHARD_SYNC_FAILED,
};
/* Makes c's commits durable: DONE at once when a flush already covered them. Else, when
 * may_block, no flush of the tenant is queued or running and fewer than SHARD_SYNC_ON_CALLER
 * flushes run on callers' threads, this thread runs one (blocks on disk for an fdatasync),
 * wakes the connections it covered, and DONE. Else WAIT: c joins the waiters of the
 * tenant's next flush, which a sync thread runs, and c's waker is called when it ends; call
 * again then. FAILED with err set (58030) when the tenant's WAL failed to flush, now or
 * before: the commits may or may not survive a crash. The event loop passes may_block false. */
enum shard_sync shard_conn_sync(struct shard_conn *c, bool may_block, struct pgerr *err);
/* Flushes that may run on committers' threads at once; the rest go to the sync threads, so
 * most workers stay free for statements while flushes are slow. */
#define SHARD_SYNC_ON_CALLER 2

/* ---- Waiting for a commit's flush without its connection ----
 * Once a commit is appended (and numbered by shard_conn_settle) its connection has nothing
 * left to do: only the fdatasync is pending. A ticket carries the claim — the tenant and the
 * commit's number — so the borrower gives the connection back at once and waits on the
 * ticket. The next borrower of the tenant then gets the connection that made the last commit,
 * whose page cache is still current (any other connection's commit makes SQLite drop a
 * connection's whole cache at its next transaction). The caller owns the storage (zeroed =
 * empty); the fields are shard's. A ticket that holds a commit keeps the tenant's record (and
 * a failed flush's verdict) alive until it is empty again. */
struct shard_tenant;
struct shard_ticket {
	struct shard_registry *reg;
	struct shard_tenant *t; /* NULL: empty */
	uint64_t need;          /* the commit's number (t->written when it was numbered) */
	bool ref;               /* counts in t->tickets (a ticket taken off a connection) */
	bool waiting;           /* on t's waiters for its next flush, through next (atomic) */
	struct shard_ticket *next;
	shard_wake_fn *wake_fn;
	void *wake_arg;
};
/* Moves c's pending commit (numbered, not durable yet) into tk, which must be empty: true when
 * tk holds it now, and c has none left (it may be given back, also with
 * shard_conn_release_cached). fn(arg) is tk's waker, called as c's would be (any thread,
 * maybe with the registry lock held). False, tk empty, when c has nothing pending. Borrower
 * only; never blocks (the registry lock only). */
bool shard_conn_take_ticket(struct shard_conn *c, struct shard_ticket *tk, shard_wake_fn *fn,
			    void *arg);
/* True while tk holds a commit that no ended flush covers. A hint read without the lock
 * (durable only grows): shard_ticket_sync decides. */
bool shard_ticket_pending(const struct shard_ticket *tk);
/* shard_conn_sync for the commit tk holds: DONE and FAILED (err set, 58030) leave tk empty;
 * WAIT leaves it among the waiters of the tenant's next flush, and its waker is called when a
 * flush covered it (or failed): call again then. An empty tk is DONE. A call after the waker
 * ran for a durable commit usually takes no lock at all. */
enum shard_sync shard_ticket_sync(struct shard_ticket *tk, bool may_block, struct pgerr *err);
/* shard_conn_take_ticket, then shard_ticket_sync(tk, false, err), under one registry lock
 * instead of two (a commit made on the event loop, which never flushes): DONE with tk empty
 * when c has nothing pending or its commit is durable already, WAIT with tk among the
 * flush's waiters (c has nothing pending any more), FAILED with err. Never blocks. */
enum shard_sync shard_conn_take_ticket_sync(struct shard_conn *c, struct shard_ticket *tk,
					    shard_wake_fn *fn, void *arg, struct pgerr *err);
/* Abandons tk's commit (its session ends): leaves the waiters, and tk is empty. No-op when
 * empty. Never blocks (the registry lock only). */
void shard_ticket_drop(struct shard_ticket *tk);

/* ---- Writes on the event-loop thread (shard_loop.c) ----
 * While on, a commit of c that takes the WAL past the checkpoint size does not checkpoint (two
 * fsyncs) but marks it due; shard_conn_checkpoint runs it (blocks on disk; a no-op when none
 * is due), and so does shard_conn_release. shard_conn_release_cached refuses c while one is
 * due. Borrower only; release turns it off. */
void shard_conn_set_on_loop(struct shard_conn *c, bool on);
bool shard_conn_checkpoint_due(const struct shard_conn *c);
/* Whether a commit on c now may wait for the disk: an fsync of its own (durability = full), or
 * a checkpoint (the tenant's WAL is past the checkpoint size and no checkpoint of the tenant
 * runs: one is due, or the last did not start the WAL over). Such a commit belongs on a
 * worker. Without the lock: a guess from the last commit. */
bool shard_conn_commit_blocks(const struct shard_conn *c);
void shard_conn_checkpoint(struct shard_conn *c);
sqlite3 *shard_conn_db(struct shard_conn *c);

/* COPY FROM into table, whose serial key SQLite numbers: before its rows (done false), in c's
 * transaction, which holds the write lock, the key's sequence row is put back to the last
 * number given (numbers held ahead, or given by a transaction that rolled back), so the rows
 * go on from there without a gap or a number given again (shard_serial.c); after them (done
 * true) the numbers SQLite gave count as given, also if the transaction rolls back. */
void shard_serial_copy(struct shard_conn *c, const char *table, bool done);
/* A statement starts on this thread: the serial numbers the last one gave are no longer the
 * ones a replay of a failed statement (its error's DETAIL) gives again (shard_serial.c). */
void shard_serial_run_begin(void);
/* The replays of a failed statement for its error's DETAIL are over (sess_explain_failure). */
void shard_serial_replayed(void);
/* The catalog's state of c's connection (catalog_register's; lives as long as c). */
struct cat_conn;
struct cat_conn *shard_conn_catalog(struct shard_conn *c);
const char *shard_conn_tenant(const struct shard_conn *c);

/* ---- other tenants' files on a connection (schema prefixes, docs/sql-compat.md) ----
 * A statement that names acme.t runs with tenant acme's file attached under the SQLite schema
 * name "acme". Attachments belong to one transaction of one session: release detaches them,
 * so a pooled connection never carries them to another session. */
#define SHARD_ATTACH_MAX 10 /* SQLite's default SQLITE_MAX_ATTACHED */

/* Attaches tenant name's file (checked, not c's own) to c under the schema name `name`; a
 * no-op when attached already. Never creates a file: 3F000 `schema "name" does not exist`
 * when the tenant has none; 54000 when SHARD_ATTACH_MAX are attached. Runs through the
 * authorizer's internal path (a client's ATTACH stays refused). Blocks on disk. */
bool shard_conn_attach(struct shard_conn *c, const char *name, struct pgerr *err) MUST_CHECK;
/* Whether tenant name (checked) has a file; does not open or create it. */
bool shard_tenant_exists(const struct shard_registry *r, const char *name);
/* Calls fn(arg, name) for each tenant that has a file, in no particular order, reading only
 * directory entries (no file is opened; 256 directories): the cost grows with the tenants on
 * the node. Stops when fn returns false. Returns the number of tenants fn was called with.
 * Blocks on disk. */
size_t shard_tenant_list(const struct shard_registry *r, bool (*fn)(void *arg, const char *name),
			 void *arg);

/* ---- Creating, dropping and renaming tenants (shard_drop.c; CREATE/DROP DATABASE) ----
 * Safe while the server runs: a drop or rename waits until no session of the tenant, no
 * attachment of its file and no connection to it is in use, then marks the name, closes its
 * idle connections and removes (or renames) the files; lends and attachments of a marked
 * name wait until the mark is cleared. So a client connecting meanwhile gets the old tenant
 * (and the drop fails, 55006) or, after it, a fresh one (auto_create) or 3D000. */
struct shard_client;
/* How long a drop waits for the tenant's sessions to go: without FORCE only for those already
 * ending; with FORCE, after telling each to terminate (PostgreSQL waits 5 s as well). */
#define SHARD_DROP_WAIT_MS 1000
#define SHARD_DROP_FORCE_WAIT_MS 5000
#define SHARD_DROP_POLL_MS 20

/* Creates tenant name's (checked) file, empty, whatever auto_create says; migrated when first
 * lent, as any new tenant. 42P04 `database "name" already exists`. Blocks on disk. */
bool shard_tenant_create(struct shard_registry *r, const char *name, struct pgerr *err) MUST_CHECK;
/* Removes tenant name (checked) and its -wal/-shm files. self (may be NULL) is the caller's
 * session, never counted. 3D000 when it has no file; 55006 `database "name" is being accessed
 * by other users` with PostgreSQL's DETAIL while sessions use it after the wait; with force
 * the tenant's sessions are told to terminate first (42501 when one is another user's, as
 * pg_terminate_backend). Blocks on disk, and up to the waits above, polling. */
bool shard_tenant_drop(struct shard_registry *r, const char *name, bool force,
		       const struct shard_client *self, struct pgerr *err) MUST_CHECK;
/* Renames tenant name to new_name (both checked) under the same conditions as a drop (no
 * FORCE): 3D000, 42P04 when new_name exists, 55006. Blocks as shard_tenant_drop. */
bool shard_tenant_rename(struct shard_registry *r, const char *name, const char *new_name,
			 const struct shard_client *self, struct pgerr *err) MUST_CHECK;

/* ---- the hub: the connection of a session without a default tenant ----
 * Lent and pooled like a tenant's connection under the name SHARD_HUB, which no tenant can
 * have (shard_tenant_name_check refuses it). Its own database is an empty in-memory one that
 * no statement may create objects in (the session refuses that with 3F000); every tenant a
 * statement reaches is attached (shard_conn_attach). It is never migrated, and its commits
 * wait for no flush: only attached files are written, and those commit with SQLite's
 * synchronous=FULL. */
#define SHARD_HUB ""
/* Whether name's file is attached to c, and how many are. */
bool shard_conn_attached(const struct shard_conn *c, const char *name);
int shard_conn_nattached(const struct shard_conn *c);
/* Detaches every attached file. False, keeping them, while a transaction or a statement still
 * uses one (call again when it ended). */
bool shard_conn_detach_all(struct shard_conn *c);
/* False when c holds a write lock and has other files attached: waiting for another lock could
 * then deadlock with a transaction waiting for ours, so the statement fails instead (55P03). */
bool shard_conn_may_wait(struct shard_conn *c);

/* Runs SQL without results (transaction control); false with err mapped from SQLite. BEGIN,
 * COMMIT and ROLLBACK stay prepared in c's statement cache (run by c's borrower only). */
bool shard_exec(struct shard_conn *c, const char *sql, struct pgerr *err) MUST_CHECK;

/* A table rebuilt with one more constraint: constraint is its SQLite text ("PRIMARY KEY
 * (aid)", "FOREIGN KEY (bid) REFERENCES b", "CHECK (n > 0)"); a primary key's columns also
 * become NOT NULL. The other fields name things in PostgreSQL's messages. Or rebuilt with a
 * change: SET_DEFAULT (column's DEFAULT clause becomes constraint, "DEFAULT 2"; NULL drops
 * it), ALTER_TYPE (column's declared type becomes decl, its values convert), DROP_CONSTRAINT
 * (the constraint named name goes), NOT_NULL (column's NOT NULL set or dropped), ADD_COLUMN
 * (constraint is a new column's SQLite definition, appended after the last column; the
 * refill evaluates its DEFAULT for every row, as PostgreSQL does for a volatile default),
 * DROP_EXPRESSION (column's GENERATED ALWAYS AS (...) STORED clause goes, its values stay; the
 * one kind not at the same place as in enum xlat_rebuild_kind). */
enum shard_rebuild_kind {
	SHARD_RB_KEY,
	SHARD_RB_FOREIGN,
	SHARD_RB_CHECK,
	SHARD_RB_SET_DEFAULT,
	SHARD_RB_ALTER_TYPE,
	SHARD_RB_DROP_CONSTRAINT,
	SHARD_RB_NOT_NULL,
	SHARD_RB_ADD_COLUMN,
	SHARD_RB_DOMAIN,
	SHARD_RB_DROP_EXPRESSION
};
struct shard_rebuild {
	enum shard_rebuild_kind kind;
	const char *table;
	const char *constraint;
	const char *name;        /* PostgreSQL's name of the constraint (a key's index) */
	const char *const *keys; /* KEY, FOREIGN: the constrained columns */
	size_t nkeys;
	bool primary;
	const char *ref_table; /* FOREIGN: the referenced table and columns (none: its key) */
	const char *const *ref_keys;
	size_t nref_keys;
	const char *column;  /* SET_DEFAULT, ALTER_TYPE */
	const char *decl;    /* ALTER_TYPE: the new declared type */
	const char *convert; /* ALTER_TYPE: SQLite expression of the new value, over the row */
	bool missing_ok;     /* DROP_CONSTRAINT IF EXISTS: no constraint is no error */
	bool not_null;       /* NOT_NULL: SET (true) or DROP (false) NOT NULL on column */
	bool keep_rows;      /* DOMAIN: changed in place, the rows left as they are;
			      * ALTER_TYPE: the type renamed, views over the column not in the way */
	/* ALTER_TYPE of ALTER TYPE ... RENAME TO (with keep_rows): the enum's old and new names,
	 * which the marks and casts of the table's CHECKs follow (shard_enumrename.c) */
	const char *enum_from, *enum_to;
	/* SET_DEFAULT, ALTER_TYPE, NOT_NULL: further changes of the same table's columns (of
	 * those kinds) that the same rebuild makes, in order, after this one; NULL: none. */
	const struct shard_rebuild *next;
};

/* Adds a constraint to (or makes a change of) an existing table the way SQLite documents for
 * changes ALTER TABLE cannot make: the table is renamed aside, created again from its stored definition with the
 * constraint (and NOT NULL) added, refilled — which checks every row — and the old one
 * dropped; its indexes and triggers are created again. Runs in a savepoint: on failure
 * nothing changed. False with err: 42P01 no such table (or referenced table), 42809 a view,
 * 42P16 a second primary key, 42703 unknown column, 23505 duplicate keys ("could not create
 * unique index", with the key), 23502 NULLs in a primary key column, 23503 a row without its
 * referenced row, 23514 a row the CHECK refuses, 42830 referenced columns without a unique
 * key, 0A000 inside a transaction block when other tables' foreign keys reference the
 * table (a FOREIGN KEY excepted: it is added in place there),
 * 42704 no such constraint, 2BP01 dropping a key other tables' foreign keys reference.
 * NOT_NULL, and the other changes on a referenced table inside a transaction, are made in
 * place when no stored value changes (the stored text rewritten; 23502 NULLs under SET NOT
 * NULL, 42P16 DROP NOT NULL of a key column). Blocks on disk. */
bool shard_table_rebuild(struct shard_conn *c, const struct shard_rebuild *rb, struct pgerr *err)
	MUST_CHECK;

/* Runs the rebuild a translation describes (XLAT_REBUILD), for sessions and migrations alike:
 * SET DEFAULT's clause is made here for the column's declared type, which only the tenant's
 * schema knows (42P01/42703 when there is no such table or column). A chain of actions (an
 * ALTER TABLE with several) runs in order as one statement: all or nothing, outside a
 * transaction block under the write lock taken first, with one rebuild for the column
 * changes (SET/DROP DEFAULT, TYPE, SET/DROP NOT NULL) that follow each other. What it makes
 * lives in a (shard_alter.c). */
struct xlat_rebuild;
bool shard_rebuild_translated(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
			      struct pgerr *err) MUST_CHECK;

/* ---- Migrations (shard_migrate.c, docs/operations.md) ----
 * A migration set is the NNNN_name.sql files of a directory, read and translated once. A
 * tenant's applied version is its file's PRAGMA user_version. When a connection is lent
 * (shard_conn_acquire) and the tenant is behind, the pending files run in one transaction
 * under the tenant's write lock, which then re-checks the version, so two sessions opening
 * the tenant at once migrate it once. Errors are 55000 (as PostgreSQL's "database is not
 * accepting connections": the tenant is not in a state to serve) naming the file and the
 * failing statement; the tenant is left as it was. */
struct shard_migrations;

/* Reads every NNNN_name.sql file of dir (other names are ignored; NNNN is 1 to 2147483647)
 * and translates each as client SQL. A file that does not translate, or holds what a
 * migration may not (transaction control, SET, COPY, parameters), stays in the set with its
 * error, which tenants that need it get when opened; each is logged. NULL with err when dir
 * cannot be read or two files carry one version. Blocks on disk; needs xlat's stack. */
struct shard_migrations *shard_migrations_load(const char *dir, struct pgerr *err);
void shard_migrations_unref(struct shard_migrations *m); /* NULL is a no-op */
/* The newest version in m (0 when m has no files); the number of files; files with errors. */
int shard_migrations_target(const struct shard_migrations *m);
size_t shard_migrations_count(const struct shard_migrations *m);
size_t shard_migrations_broken(const struct shard_migrations *m);

/* Makes m (taking the caller's reference; NULL = none) the set every connection lent from
 * now on is checked against. Connections checked against an older set are checked again the
 * next time they are lent, so a reload applies to every later session. Thread-safe. */
void shard_registry_set_migrations(struct shard_registry *r, struct shard_migrations *m);

enum shard_migrate_outcome {
	SHARD_MIGRATE_CURRENT, /* already at the newest version (or no migrations set) */
	SHARD_MIGRATE_APPLIED, /* pending files ran and committed */
	SHARD_MIGRATE_FAILED,  /* err set; the tenant is unchanged */
};

/* Brings tenant name (checked) up to the registry's migration set on a connection of its own,
 * opened as shard_conn_open does (so created only when auto_create allows): for `shardlite
 * migrate`. *from and *to (may be NULL) receive the version before and after. Blocks on disk
 * and, up to SHARD_MIGRATE_LOCK_WAIT_MS, on the tenant's write lock. Code about to ATTACH
 * another tenant's file may call this, or, cheaper when done often, shard_conn_acquire and
 * shard_conn_release a connection of that tenant: a pooled connection is checked once per
 * migration set, later lends cost an integer compare. */
enum shard_migrate_outcome shard_tenant_migrate(struct shard_registry *r, const char *name,
						int *from, int *to, struct pgerr *err);

/* How long a migration waits for the tenant's write lock (another session's transaction, or
 * another process migrating it) before giving up with 55P03. */
#define SHARD_MIGRATE_LOCK_WAIT_MS 30000

/* ---- Sessions as their tenant sees them: activity, advisory locks, signals ----
 * A session registers a client for its whole life (across the connections it uses) and lends
 * it to each connection it uses (shard_conn_lend): the SQL functions pg_advisory_lock
 * and friends, pg_cancel_backend and pg_terminate_backend act for it. */
struct shard_client;

/* What pg_stat_activity shows of a session. Times are microseconds since the Unix epoch, 0 for
 * none. Strings may be NULL. */
struct shard_client_info {
	uint32_t pid;
	const char *user, *application_name, *client_addr; /* client_addr NULL: Unix socket */
	int client_port;
	const char *state; /* "active", "idle", "idle in transaction", ... */
	const char *query;
	int64_t backend_start, xact_start, query_start, state_change;
	bool waiting;          /* parked on an advisory lock */
	bool waiting_relation; /* parked on a table lock (shard_tlock.c) */
};

enum shard_signal { SHARD_SIGNAL_CANCEL, SHARD_SIGNAL_TERMINATE };
enum shard_signal_result { SHARD_SIGNAL_SENT, SHARD_SIGNAL_DENIED, SHARD_SIGNAL_NO_SUCH };
/* Delivers a signal to the session; called with the registry lock held, from any thread: it
 * must only set flags and post a wakeup. */
typedef void shard_signal_fn(void *arg, enum shard_signal sig);

/* Registers session pid of tenant; fn/arg receive pg_cancel_backend/pg_terminate_backend. */
struct shard_client *shard_client_new(struct shard_registry *r, const char *tenant, uint32_t pid,
				      shard_signal_fn *fn, void *arg);
/* Unregisters: releases every advisory lock the session holds and wakes the tenant's waiters;
 * fn is not called after it returns. NULL is a no-op. */
void shard_client_free(struct shard_client *cl);
/* Who the session is and where it connects from (client_addr NULL: a Unix socket), as
 * pg_stat_activity shows them: once, after shard_client_new (strings copied). */
void shard_client_set_origin(struct shard_client *cl, const char *user, const char *client_addr,
			     int client_port);
/* Replaces what pg_stat_activity shows of the session's work: application_name, state, query
 * and their times (strings copied; pid, backend_start and the origin are kept). */
void shard_client_update(struct shard_client *cl, const struct shard_client_info *info);
/* Call when a message ends: a lock wait is over, and without an open transaction the
 * transaction-level advisory locks are released. */
void shard_client_xact_end(struct shard_client *cl, bool txn_open);
/* What a session lends the connection it uses: its facts for the catalog (current_user,
 * settings, sequence values), for the date/time functions (TimeZone, transaction start) and
 * for the advisory-lock and signalling functions (cl). NULL: none (those functions then see
 * no session; the lock functions fail with 0A000). Pointer stores, no SQL: cheap enough for
 * every borrow. shard_conn_release takes them back, so a pooled connection holds none. */
struct catalog_session;
struct pgfn_session;
void shard_conn_lend(struct shard_conn *c, const struct catalog_session *cat,
		     const struct pgfn_session *fn, struct shard_client *cl);
/* Snapshots of the tenant's sessions (oldest first) and advisory locks (held, then waited
 * for), in arena a. */
size_t shard_client_list(struct shard_registry *r, const char *tenant, struct arena *a,
			 struct shard_client_info **out);
struct shard_adv_key {
	uint32_t classid, objid;
	uint16_t objsubid; /* 1: one bigint key (classid high half, objid low); 2: two int4 keys */
};
struct shard_lock_info {
	uint32_t pid;
	struct shard_adv_key key;
	bool shared, granted;
	int64_t wait_start; /* not granted: since when (µs since the epoch) */
};
size_t shard_adv_list(struct shard_registry *r, const char *tenant, struct arena *a,
		      struct shard_lock_info **out);
/* The lock calls behind the SQL functions: lock (false: another session holds it; with wait,
 * the request is shown in pg_locks until granted or the message ends), unlock (false: not
 * held at session level), unlock_all (session-level holds), and signalling a session of the
 * same tenant (DENIED for another user's). */
bool shard_adv_lock(struct shard_client *cl, const struct shard_adv_key *k, bool shared, bool xact,
		    bool wait);
bool shard_adv_unlock(struct shard_client *cl, const struct shard_adv_key *k, bool shared);
void shard_adv_unlock_all(struct shard_client *cl);
/* Table locks (shard_tlock.c): PostgreSQL's eight relation lock modes, numbered as
 * PostgreSQL (and libpg_query's LockStmt.mode) number them, and their conflict table. */
enum shard_lockmode {
	SHARD_LOCK_ACCESS_SHARE = 1,
	SHARD_LOCK_ROW_SHARE,
	SHARD_LOCK_ROW_EXCLUSIVE,
	SHARD_LOCK_SHARE_UPDATE_EXCLUSIVE,
	SHARD_LOCK_SHARE,
	SHARD_LOCK_SHARE_ROW_EXCLUSIVE,
	SHARD_LOCK_EXCLUSIVE,
	SHARD_LOCK_ACCESS_EXCLUSIVE,
	SHARD_LOCK_NMODES
};
/* Whether modes a and b conflict (false for a mode out of range); a mode as pg_locks spells
 * it ("AccessExclusiveLock"), NULL out of range. */
bool shard_lockmode_conflicts(int a, int b);
const char *shard_lockmode_name(int mode);
enum shard_tlock_result { SHARD_TLOCK_GRANTED, SHARD_TLOCK_WAIT, SHARD_TLOCK_DEADLOCK };
/* Takes table (as SQLite names it) of cl's tenant in mode, held until cl's transaction ends
 * (shard_client_xact_end). WAIT: another session holds a conflicting mode; with wait the
 * request shows in pg_locks until granted or the message ends. DEADLOCK: waiting would close a
 * cycle of waits (holds_wl: cl's connection holds the tenant's SQLite write lock, which a
 * holder parked on it waits for). Never blocks. */
enum shard_tlock_result shard_tlock_acquire(struct shard_client *cl, const char *table, int mode,
					    bool wait, bool holds_wl);
/* An ordinary statement's check, before vm's first step on c: WAIT when another session of
 * the tenant holds a table lock that conflicts with AccessShare on a table vm reads or
 * RowExclusive on one it writes (the wait shown in pg_locks), DEADLOCK when waiting would
 * close a cycle. Costs one atomic load while no session holds a table lock; otherwise, when
 * the tenant has some, vm's SQL is prepared again to learn its tables. Never blocks. */
enum shard_tlock_result shard_tlock_admit(struct shard_conn *c, sqlite3_stmt *vm);
/* cl's statement is about to park on the tenant's SQLite write lock: true when a session
 * holding that lock waits for a table lock cl holds (a deadlock: 40P01 for cl). */
bool shard_tlock_park_deadlock(struct shard_client *cl);
/* The tenant's table locks for pg_locks: held (oldest first), then waited for. */
struct shard_tlock_info {
	uint32_t pid;
	const char *table;
	int mode;
	bool granted;
	int64_t wait_start; /* not granted: since when (µs since the epoch) */
};
size_t shard_tlock_list(struct shard_registry *r, const char *tenant, struct arena *a,
			struct shard_tlock_info **out);
enum shard_signal_result shard_client_signal(struct shard_client *from, uint32_t pid,
					     enum shard_signal sig);
int64_t shard_now_us(void);

/* The one mapping from a SQLite result code (and the connection's error message) to a
 * PostgreSQL error: 23505, 23502, 23503, 23514, 42P01, 42703, 42601, 53200, 54000, 55P03,
 * 57014, 25006, XX001, ... with PostgreSQL-style wording. Always returns false. */
bool shard_error(sqlite3 *db, int rc, struct pgerr *err);
/* PostgreSQL's 23503 wording (message, DETAIL with the key, schema/table/constraint fields)
 * for a foreign-key violation, which SQLite reports without naming anything.
 * shard_fk_describe: from a violation present in the database now (deferred keys at COMMIT,
 * a script run with keys deferred, before its rollback); false when none can be read.
 * shard_fk_explain: after vm failed with rc (err filled by shard_error; nothing happens unless
 * rc is SQLITE_CONSTRAINT_FOREIGNKEY), runs vm again with its bindings inside a savepoint with
 * keys deferred, reads the orphaned row, rolls the savepoint back, and tells the child's side
 * (a new or changed row) from the parent's (a row that lost its parent). vm is left reset.
 * Costs a second run of the failed statement and a scan of the child tables; err keeps its
 * text when no key is found. Blocks like the statement did. */
bool shard_fk_describe(sqlite3 *db, struct pgerr *err);
void shard_fk_explain(sqlite3 *db, sqlite3_stmt *vm, int rc, struct pgerr *err);
/* SET CONSTRAINTS' check of the keys that are immediate now: the first row foreign_key_check
 * finds orphaned by a key for which immediate(name, arg) holds (name: pg_constraint's) makes
 * err PostgreSQL's 23503, worded from the parent's side when written (the table the statement
 * wrote, or NULL) is the key's parent and not its child, else from the child's; false then.
 * Scans every child table. Blocks on disk. */
bool shard_fk_check(sqlite3 *db, bool (*immediate)(const char *name, void *arg), void *arg,
		    const char *written, struct pgerr *err) MUST_CHECK;
/* PostgreSQL's 23505 DETAIL with the key's values, "Key (a, b)=(1, x) already exists.", after
 * vm failed with rc (err filled by shard_error; nothing happens unless rc is a unique or
 * primary key violation naming its columns): runs vm again with its bindings inside a
 * savepoint with a temporary trigger that reports the first row whose key exists, and rolls
 * everything back. vm is left reset. Costs a second run of the failed statement; err keeps
 * its DETAIL without the values when none is found. Blocks like the statement did. When vm
 * is a CREATE UNIQUE INDEX: "could not create unique index" with one duplicated key. */
void shard_unique_explain(sqlite3 *db, sqlite3_stmt *vm, int rc, struct pgerr *err);
/* shard_ukey.c: after sql failed with err (filled by shard_error), when sql is a CREATE
 * UNIQUE INDEX and err a unique violation: PostgreSQL's "could not create unique index" with
 * one duplicated key of an index over columns (a query over the table); false otherwise. */
bool shard_unique_index_explain(sqlite3 *db, const char *sql, struct pgerr *err);
/* PostgreSQL's 23502/23514 DETAIL, "Failing row contains (1, null, abc).", after vm failed
 * with rc (err filled by shard_error; nothing happens unless rc is SQLite's NOT NULL or CHECK
 * violation of a table's column or constraint): runs vm twice with its bindings inside a
 * savepoint with temporary triggers that keep each new row of the table, and rolls
 * everything back. No DETAIL when the runs do not fail the same way on the same row (a
 * volatile value) or the row does not fit. vm is left reset. Blocks like the statement did. */
void shard_row_explain(sqlite3 *db, sqlite3_stmt *vm, int rc, struct pgerr *err);
/* A DEFERRABLE UNIQUE constraint's index name (xlat_defkey.c): 1 INITIALLY DEFERRED, 0
 * INITIALLY IMMEDIATE, -1 no such constraint (dropped meanwhile). */
int shard_defkey_mode(sqlite3 *db, const char *name);
/* Its check of rows rowids[0..n) (shard_defkey.c): false with PostgreSQL's 23505 (DETAIL
 * "Key (a)=(1) already exists.") at the first whose key another row holds, none of it NULL;
 * a row or constraint gone since passes. Blocks on disk. */
bool shard_defkey_check(sqlite3 *db, const char *name, const sqlite3_int64 *rowids, size_t n,
			struct pgerr *err) MUST_CHECK;

#endif
