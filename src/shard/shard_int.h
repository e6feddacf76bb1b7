/* SPDX-License-Identifier: Apache-2.0 */
/* shard_int.h: the shard module's private structures, shared by shard.c (names, paths, opening
 * and setting up a connection), shard_pool.c (lending connections, the idle LRU, lock
 * waiters), shard_authz.c (the authorizer that fences every tenant connection in) and
 * shard_rebuild.c. Not part of the public API. */
#ifndef SHARDLITE_SHARD_INT_H
#define SHARDLITE_SHARD_INT_H

#include <pthread.h>
#include <semaphore.h>

#include "catalog.h"
#include "shard.h"

/* shard_viewdep.c: while shard_view_reading prepares view `preparing`, a read of
 * table.column that SQLite resolves in that view's own query (not in a view it reads) sets
 * hit. */
struct shard_view_reads {
	const char *table, *column;
	const char *preparing;
	bool hit;
	/* set instead of table and column: every read goes to note (catalog_view_reads_fn) */
	catalog_column_note_fn *note;
	void *note_arg;
};
void shard_view_reads_note(struct shard_view_reads *r, const char *table, const char *column,
			   const char *view);

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
	/* Set only around shard_conn_updated_columns: the columns of table updated_table that a
	 * statement being prepared assigns go to updated, 0x1f-joined. */
	struct strbuf *updated;
	const char *updated_table;
	struct shard_view_reads *reads;  /* set only inside shard_view_reading */
	struct shard_tlock_touch *touch; /* set only inside shard_tlock_admit */
};

/* shard_tlock.c: the tables a statement prepared again reads and writes (the authorizer's
 * SQLITE_READ / INSERT / UPDATE / DELETE), and their modes. */
struct shard_tlock_touch {
	struct touch_note *notes;
};
void shard_tlock_touch_note(struct shard_tlock_touch *t, const char *table, bool write);

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
	bool flushing;    /* a sync thread runs the tenant's fdatasync */
	bool sync_queued; /* on the registry's sync queue, through sync_qnext */
	struct shard_tenant *sync_qnext;
	int sync_errno;        /* a flush failed: no later commit is durable */
	unsigned long wal_ino; /* the WAL file whose directory entry was synced */
	/* The WAL kept open for flushes (-1: none), owned by the thread flushing. It stays the
	 * tenant's WAL while any connection is open (SQLite deletes the file only when the last
	 * connection closes); wal_reopen is set when a connection opens on a tenant that had none,
	 * and the next flush opens the file anew (shard_sync.c). */
	int wal_fd;
	bool wal_reopen;
	struct shard_ticket *sync_waiters; /* waiting for the next flush, through next */
	/* Tickets holding a commit of the tenant (shard_conn_take_ticket): atomic. Raised and
	 * taken to zero under the lock only; a ticket whose commit is durable lowers it without
	 * the lock while it stays above zero (shard_sync.c, done_unlocked). */
	int tickets;
	int wal_frames;  /* the WAL's size after the last commit (shard_loop.c), read unlocked */
	int checkpoints; /* checkpoints of the tenant under way (shard_loop.c); atomic */
	/* Commits settled so far; the connection that made the last one has wseq equal to it,
	 * and its page cache is the only one the commit left current (shard_conn_take_fresher).
	 * Written under the lock, read unlocked as a hint. */
	uint64_t wseq;
	struct shard_serial *serials; /* serial keys' numbers held ahead (shard_serial.c) */
	struct shard_seq *seqs;       /* sequences' numbers held ahead (shard_seq.c) */
	/* Commits of the tenant's file through its pooled connections, counted after each has
	 * landed (the WAL hook, shard_snapshot.c); atomic, read without the lock. */
	uint64_t commits;
};

/* Prepared statements kept on a connection across borrowers, keyed by their SQL text. */
#define SHARD_STMT_CACHE 32

struct shard_stmt_slot {
	uint32_t hash; /* of the SQL text */
	sqlite3_stmt *vm;
};

/* One advisory-lock SQL function's user data: the connection and the variant. */
#define SHARD_ADV_NFN 10
struct shard_adv_fn {
	struct shard_conn *c;
	unsigned flags;
};

struct shard_conn {
	sqlite3 *db;
	/* Most recently given back first; reset, bindings cleared. */
	struct shard_stmt_slot stmts[SHARD_STMT_CACHE];
	int nstmts;
	/* BEGIN, COMMIT, ROLLBACK: prepared on first use and kept apart from stmts (shard.c). */
	sqlite3_stmt *txn_vms[3];
	void *aux; /* shard_conn_set_aux */
	void (*aux_free)(void *);
	/* What the session using c lends it (shard_conn_lend); all NULL while pooled. */
	struct cat_conn *cat; /* the catalog's state of db (owned by db) */
	struct pgfn_conn *fn; /* pgfn's state of db (owned by db) */
	struct shard_client *client;
	struct shard_adv_fn adv_fns[SHARD_ADV_NFN];
	struct shard_authz authz;
	char tenant[SHARD_TENANT_MAX + 1];
	struct shard_registry *reg;
	struct shard_tenant *t;  /* NULL when opened directly (shard_conn_open), else pooled */
	struct shard_conn *next; /* idle stack or waiter list */
	struct shard_conn *prev; /* waiter list */
	shard_wake_fn *wake_fn;
	void *wake_arg;
	uint64_t ticket;     /* tenant gen when the current attempt began */
	uint64_t ticket_all; /* the registry's gen_all then (a park with files attached) */
	bool parked;
	bool cross;    /* parked on the registry's cross_waiters, not the tenant's list */
	bool baton;    /* woken as next in line for the write lock (shard_pool.c) */
	bool released; /* a write transaction ended (commit/rollback hook) since the last settle */
	uint64_t mig_serial; /* the migration set this connection's tenant was checked against */
	/* Other tenants' files attached under their names (shard_attach.c). */
	char attached[SHARD_ATTACH_MAX][SHARD_TENANT_MAX + 1];
	int nattached;
	bool committed; /* a write transaction committed since the last settle (commit hook) */
	/* Group commit: c's last commit until it is durable or taken (shard_conn_take_ticket);
	 * its waker is c's. */
	struct shard_ticket tk;
	bool restartable;        /* shard_conn_set_restartable */
	bool refused_effect;     /* a function refused to act while restartable */
	bool on_loop;            /* borrowed on the event loop: checkpoints wait (shard_loop.c) */
	bool checkpoint_due;     /* a commit on the loop took the WAL past the checkpoint size */
	uint64_t wseq;           /* the tenant's wseq after c's last commit (0: none) */
	sqlite3_stmt *serial_vm; /* shard_serial.c's read of sqlite_sequence */
	sqlite3_stmt *serial_upd_vm; /* and its write */
	bool serial_due;             /* its commit writes a serial key's numbers ahead first */
	bool seq_due;                /* its transaction wrote a sequence's row (shard_seq.c) */
	/* The commit counters as they were before c's read snapshot began, at most
	 * (shard_conn_snapshot_mark, shard_snapshot.c). */
	uint64_t snap_seq, snap_all, snap_att;
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
	size_t nopen;                        /* connections open through the pool, idle or in use */
	struct shard_migrations *migrations; /* NULL: none; replaced on reload */
	uint64_t mig_serial; /* of the current set (0: none); read without the lock */
	/* Connections with other tenants' files attached wait here for any tenant's lock: which
	 * file refused them is not known. Every wake_all bumps gen_all and wakes them. */
	uint64_t gen_all;
	struct shard_conn *cross_waiters;
	struct shard_client *clients; /* every session's client (shard_client.c) */
	struct adv_lock *adv;         /* advisory locks held, all tenants */
	struct tlock *tlocks;         /* table locks held and waited for (shard_tlock.c) */
	uint64_t tlocks_held;         /* granted table locks, all tenants; atomic */
	/* Sync threads (shard_sync.c): tenants whose WAL needs a flush, oldest first. An idle
	 * thread waits on sync_sem, posted once per signal (and per thread at shutdown). */
	sem_t sync_sem;
	void (*defer_wakes)(void);   /* shard_opts: in each sync thread as it starts */
	void (*wake_deferred)(void); /* shard_opts: after each unlock of a sync thread */
	pthread_t *sync_threads;
	int sync_max, sync_started;
	int sync_idle;      /* threads waiting that no enqueue has signalled yet */
	int sync_signals;   /* signals sent that no thread has taken yet */
	int caller_flushes; /* flushes running on committers' threads (shard_conn_sync) */
	bool sync_stop;
	struct shard_tenant *sync_head, *sync_tail;
	/* Tenants held by name (shard_drop.c): attached elsewhere, or marked while a drop or
	 * rename removes their files; lends and attachments of a marked name wait on hold_cond. */
	struct shard_hold *holds;
	pthread_cond_t hold_cond;
	uint64_t client_seq;                   /* sessions registered so far (shard_client.c) */
	struct shard_serial_left *serial_left; /* serial records of closed tenants (shard_serial.c) */
	/* Commits of any file through any connection, and of files attached for schema prefixes
	 * (shard_snapshot.c); atomic, read without the lock. */
	uint64_t commits_all, commits_attached;
};

/* shard_attach.c: an attachment of name to c is gone (detached, or c closed with it). */
void shard_attach_forget(struct shard_conn *c, const char *name);
/* shard_attach.c: wakes the waiters of every tenant attached to c. Lock held. */
void shard_attach_wake_locked(struct shard_conn *c);
/* shard_pool.c: wakes every parked connection of t (and every cross waiter). Lock held. */
void shard_pool_wake_locked(struct shard_registry *r, struct shard_tenant *t);
/* The tenant record of name, NULL when it has no connections. Lock held. */
struct shard_tenant *shard_pool_tenant_locked(struct shard_registry *r, const char *name);
/* shard_sync.c, registry lock held: numbers c's commit since the last settle (group
 * durability), and forgets c as a waiter of a flush (release). */
void shard_sync_settle_locked(struct shard_conn *c);
void shard_sync_forget_locked(struct shard_conn *c);
/* shard_sync.c: a flush of c's tenant's files failed with errno e outside the group commit (a
 * checkpoint's sync of the database file): as a failed flush of the WAL, no later commit of
 * the tenant is called durable. Takes the registry lock. */
void shard_sync_fail(struct shard_conn *c, int e);
/* shard_snapshot.c: counts a commit of c's file schema ("main" or an attached tenant's)
 * that has landed (called from the WAL hook, after SQLite let the write lock go). */
void shard_snapshot_committed(struct shard_conn *c, const char *schema);
/* shard_loop.c: installs the WAL hook that checkpoints, or defers it while on the loop. */
void shard_loop_register(struct shard_conn *c);
/* Sets up the sync threads (one started now under group durability, up to max_threads, 0 =
 * SHARD_SYNC_THREADS_DEFAULT, as flushes overlap); false with err when none starts. fini stops
 * and joins them (no connection may wait for a flush any more). */
bool shard_sync_init(struct shard_registry *r, int max_threads, struct pgerr *err) MUST_CHECK;
void shard_sync_fini(struct shard_registry *r);
void *shard_sync_main(void *arg);
/* shard_pool.c: drops the record of a tenant with no connections left and no flush queued or
 * under way. Lock held. */
void shard_pool_tenant_maybe_free_locked(struct shard_registry *r, struct shard_tenant *t);
/* shard_vfs.c: registers the "shardlite" VFS (the unix VFS with a transaction's WAL appends
 * gathered into one write) once, and returns its name; NULL when the unix VFS is missing
 * (connections then use SQLite's default). Thread-safe. */
#define SHARD_VFS_NAME "shardlite"
const char *shard_vfs_name(void);
/* shard_vfs_shm.c: a database file's WAL-index locks, with the read-mark lock SQLite lets go
 * of at a transaction's end kept until another connection of the file in this process locks
 * that mark exclusively (or the file is unmapped or closed). real is the unix VFS's file. */
struct shard_shm_group;
struct shard_shm_holder {
	sqlite3_file *real;
	struct shard_shm_group *group; /* NULL: nothing kept, every call passes through */
	struct shard_shm_holder *next; /* in the group */
	unsigned kept;                 /* lock bits (1 << offset) SQLite let go of and still held */
};
/* Joins the group of path's file (device and inode); no group when it cannot be found. */
void shard_shm_join(struct shard_shm_holder *h, sqlite3_file *real, const char *path);
/* Gives back what h keeps and leaves its group; before the real file closes. */
void shard_shm_leave(struct shard_shm_holder *h);
/* xShmLock and xShmUnmap of the database file. */
int shard_shm_lock(struct shard_shm_holder *h, int ofst, int n, int flags);
int shard_shm_unmap(struct shard_shm_holder *h, int delete_flag);
/* shard_stmt.c: finalizes every cached statement of c (before closing it). */
void shard_stmt_cache_clear(struct shard_conn *c);
/* The statements c keeps prepared between borrowers (stmts and txn_vms). */
int shard_stmt_cache_count(const struct shard_conn *c);
/* shard_coldef.c: edits of a stored CREATE TABLE text. The constraint DROP CONSTRAINT
 * removes, as pg_constraint describes it: contype 'p', 'u', 'f', 'c', its columns and, for a
 * CHECK, its expression text. */
struct shard_drop_target {
	const char *name;
	char contype;
	const char **cols;
	size_t ncols;
	const char *check;
};
/* The text with rb's SET_DEFAULT, ALTER_TYPE or NOT_NULL change (malloc'd); NULL with err
 * (42703). */
char *shard_coldef_edit(const char *old, const struct shard_rebuild *rb, struct pgerr *err);
/* The text old with its one-column table-level PRIMARY KEY folded onto the column as SQLite's
 * rowid alias (declared INTEGER, then [CONSTRAINT name] PRIMARY KEY) when the column may be a
 * plain rowid key (declared smallint, int4 or bigint; no DEFAULT, GENERATED or COLLATE; not
 * WITHOUT ROWID), with its name and former declared type in *column and *decl (all
 * malloc'd); NULL when it may not. */
char *shard_coldef_fold(const char *old, char **column, char **decl);
/* The reverse: column's INTEGER PRIMARY KEY declared decl again, its key a table-level
 * [CONSTRAINT name] PRIMARY KEY (column) (malloc'd); NULL when column is no such key. */
char *shard_coldef_unfold(const char *old, const char *column, const char *decl);
/* shard_rowid.c: a table's plain integer key stored as the rowid, in rebuilds. */
struct shard_rowid_key {
	char *column; /* NULL: none */
	char *decl;   /* its PostgreSQL type as declared before the fold (the sidecar's type) */
};
/* The plain rowid key of table (stored text sql): its INTEGER PRIMARY KEY column (no
 * AUTOINCREMENT) that has a row in the column sidecar; k->column NULL when none. The text
 * without it, the key a table constraint again (malloc'd; a copy of sql when there is
 * none). Free k with shard_rowid_key_fini. */
char *shard_rowid_unfold(sqlite3 *db, const char *table, bool temp, const char *sql,
			 struct shard_rowid_key *k);
/* The text (malloc'd) of table with its key folded when it may be the rowid
 * (shard_coldef_fold), k describing it; a copy and k->column NULL when not: a temporary
 * table, no column sidecar to keep the type in, or a BEFORE row trigger on INSERT or UPDATE
 * (which may fill in a NULL key that the rowid would refuse first). */
char *shard_rowid_fold(sqlite3 *db, bool temp, const char *table, const char *def,
		       struct shard_rowid_key *k);
/* After the refill of the rebuilt table: NULLs the fold let SQLite number are PostgreSQL's
 * 23502 (aside: the old rows; NULL for a change in place, which moves none); the sidecar row
 * of was goes, now's is written. */
bool shard_rowid_settle(struct shard_conn *c, const char *table, const char *aside,
			const struct shard_rowid_key *was, const struct shard_rowid_key *now,
			struct pgerr *err) MUST_CHECK;
void shard_rowid_key_fini(struct shard_rowid_key *k);
/* The text without the constraint (malloc'd); NULL with err when it cannot be found. */
char *shard_coldef_drop(const char *old, const struct shard_drop_target *d, struct pgerr *err);
/* shard_serialkey.c: DROP CONSTRAINT of a serial or identity key that is the rowid: the
 * definition old without the key d, its column the non-key serial form; its sequence moved to
 * the sidecar (of the table's schema, made when missing) with its state, inside the rebuild's
 * savepoint. NULL with err. */
char *shard_serialkey_drop(struct shard_conn *c, const struct shard_rebuild *rb, const char *old,
			   const struct shard_drop_target *d, struct pgerr *err);
/* The pg_constraint.contype of the constraint rb (a DROP CONSTRAINT) names on its table, 0
 * when it has none. */
char shard_coldef_drop_contype(struct shard_conn *c, const struct shard_rebuild *rb);
/* The text old of table with the NOT VALID mark (CATALOG_NOT_VALID_MARK) of its constraint
 * name (as pg_constraint names it) removed; a copy when it has none (malloc'd). NULL with err:
 * 42704 no such constraint, 0A000 its clause cannot be found. */
char *shard_coldef_validated(struct shard_conn *c, const char *table, const char *name,
			     const char *old, struct pgerr *err);
/* The text old of table with the deferrability of its foreign key name (as pg_constraint
 * names it) made deferral ("DEFERRABLE INITIALLY DEFERRED", "DEFERRABLE INITIALLY
 * IMMEDIATE" or "" for NOT DEFERRABLE), malloc'd. NULL with err as shard_coldef_validated. */
char *shard_coldef_deferral(struct shard_conn *c, const char *table, const char *name,
			    const char *old, const char *deferral, struct pgerr *err);
/* The foreign keys of stored CREATE TABLE text sql in the order written (SQLite's fkid counts
 * them from the last: fkid = count - 1 - index): not_valid[i] (up to cap of them) whether the
 * i-th is NOT VALID. Returns their count. */
size_t shard_coldef_fk_not_valid(const char *sql, bool *not_valid, size_t cap);
/* The CHECK constraints of stored CREATE TABLE text sql (column and table ones), up to cap,
 * their texts in a. Returns their count. */
struct shard_check {
	const char *name; /* CONSTRAINT name; NULL: unnamed */
	const char *expr; /* the SQLite expression */
	bool not_valid;
};
size_t shard_coldef_checks(const char *sql, struct arena *a, struct shard_check *out, size_t cap);
/* The text old of table with its constraint from (as pg_constraint names it) named to: the
 * name replaced, or an unnamed clause given CONSTRAINT "to" (malloc'd). NULL with err: 42704
 * no such constraint, 0A000 its clause cannot be found. */
char *shard_coldef_rename(struct shard_conn *c, const char *table, const char *from, const char *to,
			  const char *old, struct pgerr *err);
/* The new CREATE TABLE text for a SET_DEFAULT, ALTER_TYPE or DROP_CONSTRAINT rebuild of the
 * table whose text is old (malloc'd). NULL with err set (42703, 42704, 2BP01, 0A000), or
 * NULL with err clear when DROP CONSTRAINT IF EXISTS found nothing to do. */
char *shard_rebuild_change(struct shard_conn *c, const struct shard_rebuild *rb, const char *old,
			   struct pgerr *err);
/* shard_inplace.c: makes rb (NOT_NULL, SET_DEFAULT, ALTER_TYPE, DROP_CONSTRAINT of a CHECK or
 * FOREIGN KEY) by rewriting the stored text alone when no stored value changes. 1 done, 0 a
 * rebuild must do it, -1 with err (23502 NULLs under SET NOT NULL, 42P16 DROP NOT NULL of a
 * key column, 42703, ...). */
int shard_inplace_change(struct shard_conn *c, const struct shard_rebuild *rb, const char *old_sql,
			 struct pgerr *err) MUST_CHECK;
/* Replaces the stored CREATE TABLE text of rb->table with def (writable_schema for that one
 * update, schema_version moved). No rows are read: the caller checks them. */
bool shard_inplace_write(struct shard_conn *c, const struct shard_rebuild *rb, const char *def,
			 struct pgerr *err) MUST_CHECK;
/* ALTER COLUMN TYPE to smallint or integer (rb's decl): false with PostgreSQL's 22003
 * "smallint out of range" when a row's converted value (rb's convert) does not fit, which
 * SQLite's column would store as it is; true for any other change. */
bool shard_int_range_check(sqlite3 *db, const struct shard_rebuild *rb, struct pgerr *err)
	MUST_CHECK;
/* Registers shardlite_cascade_keys(table, dropped...) on c's connection (SQLite rc). */
int shard_inplace_register(struct shard_conn *c);
/* shard_viewdep.c: the views of the main and temp schemas whose own query reads
 * table.column (a subquery's read too; not a view over such a view), appended to out as
 * '\n'-separated names in the order SQLite keeps them; returns how many (0: none, or out of
 * memory). */
size_t shard_view_reading(struct shard_conn *c, const char *table, const char *column,
			  struct strbuf *out);
/* ALTER COLUMN TYPE of table.column: false with PostgreSQL's 0A000 when a view reads it. */
bool shard_view_type_check(struct shard_conn *c, const char *table, const char *column,
			   struct pgerr *err) MUST_CHECK;
/* Registers shardlite_column_views_check(table, column) on c's connection (SQLite rc). */
int shard_viewdep_register(struct shard_conn *c);
/* shard_rebuild.c: whether a rebuild of table outside a transaction block turns SQLite's
 * foreign keys off: other tables reference it, or it has a NOT VALID key (whose rows the copy
 * must not check). */
bool shard_table_rebuild_fk_off(sqlite3 *db, const char *table);
/* shard_error.c: PostgreSQL's 23503 for a row whose key of MATCH FULL foreign key name of
 * table is neither all NULL nor all set (its guard failed: CATALOG_MATCH_FULL_MARK), into e. */
void shard_match_full_error(struct pgerr *e, const char *table, const char *name);
/* PostgreSQL's 23514 message and fields for CHECK constraint name of table, into e. */
void shard_check_error(struct pgerr *e, const char *table, const char *name);
/* PostgreSQL's 23503 for foreign key rb (FOREIGN: its columns, referenced table and name) of
 * rb->table, whose rows are in table rows, naming a key without its referenced row. Always
 * false, err set. */
bool shard_rebuild_missing_reference(struct shard_conn *c, const struct shard_rebuild *rb,
				     const char *rows, struct pgerr *err);
/* shard_validate.c: ALTER TABLE r->table VALIDATE CONSTRAINT r->name: every row read (23514,
 * 23503), then the constraint's NOT VALID mark removed from the stored text in place; 42704
 * no such constraint, 42809 one that is no CHECK or FOREIGN KEY. */
/* ALTER TABLE ... SET/RESET (storage parameters), r XLAT_RB_RELOPTIONS: the stored text's
 * CATALOG_RELOPT_MARK rewritten in place (PostgreSQL's order: the options kept, then the
 * ones set). False with err: 42P01, 0A000 for a temporary table. */
bool shard_reloptions(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err);
bool shard_validate_constraint(struct shard_conn *c, const struct xlat_rebuild *r,
			       struct pgerr *err);
/* ALTER TABLE r->table ALTER CONSTRAINT r->name [NOT] DEFERRABLE [INITIALLY ...]: the foreign
 * key's clause rewritten in place (no row read); 42704 no such constraint, 42809 one that is
 * no FOREIGN KEY. */
bool shard_alter_constraint(struct shard_conn *c, const struct xlat_rebuild *r,
			    struct pgerr *err);
/* shard_rebuild.c: shard_table_rebuild inside the BEGIN IMMEDIATE the caller opened (outside
 * a transaction block), with SQLite's foreign keys off when fk_off (the caller turned them
 * off because other tables reference the table). */
bool shard_table_rebuild_held(struct shard_conn *c, const struct shard_rebuild *rb, bool fk_off,
			      struct pgerr *err) MUST_CHECK;
/* Whether another table's foreign key references table (of a temporary table: another
 * temporary table's, the only ones that may). */
bool shard_table_referenced(sqlite3 *db, const char *table);
/* shard_like.c: CREATE [TEMP] TABLE r->table (LIKE r->ref_table ...), made from the source's
 * definition as it is now, in a savepoint. False with err: 42P01 no source, 42P07 the name is
 * taken (nothing with IF NOT EXISTS), 0A000 INCLUDING GENERATED / IDENTITY of what cannot be
 * copied. */
bool shard_create_like(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
	MUST_CHECK;
/* Whether table is a temporary table (the connection's temp schema has it; an unqualified
 * name finds it first). A lookup in SQLite's schema, no query. */
bool shard_table_is_temp(sqlite3 *db, const char *table);
/* Whether a constraint name given to ADD CONSTRAINT is free on table: else PostgreSQL's
 * 42P07 (key: a relation has it) or 42710 in err. shard_rebuild.c. */
bool shard_constraint_name_free(sqlite3 *db, const char *table, const char *name, bool key,
				struct pgerr *err);
/* shard_alter.c: ALTER TABLE r->table RENAME CONSTRAINT r->name TO r->new_name (the index of
 * a key with it), PostgreSQL's checks first. */
bool shard_rename_constraint(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
	MUST_CHECK;
/* shard_dropcol.c: before ALTER TABLE r->table DROP COLUMN r->column (r->drop_column), the
 * DROP CONSTRAINT actions (a chain in a, *out NULL for none) of the table's constraints over
 * the column and, with r->drop_cascade, of other tables' foreign keys that reference it (each
 * noted for the session's NOTICE); false with err: 2BP01 for such keys without CASCADE. */
bool shard_dropcol_plan(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
			struct xlat_rebuild **out, struct pgerr *err) MUST_CHECK;
/* shard_rename.c: a relation's RENAME TO (XLAT_RB_RENAME), by the kind it is when it runs. */
bool shard_rename(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err) MUST_CHECK;

/* shard_client.c / shard_advfn.c: advisory locks and the session list. */
/* A session's part in the table-lock manager's wait-for graph (shard_tlock.c). */
struct shard_client_tl {
	bool wl_parked; /* its statement parked on the SQLite write lock (until the message ends) */
	bool wl_held;   /* its table-lock wait began while it held the write lock */
};
struct shard_client_tl *shard_client_tl(struct shard_client *cl);
const char *shard_client_tenant(const struct shard_client *cl);
uint32_t shard_client_pid(const struct shard_client *cl);
struct shard_registry *shard_client_registry(const struct shard_client *cl);
/* cl has transaction-level work for shard_client_xact_end. */
void shard_client_xact_work(struct shard_client *cl);
/* shard_tlock.c: drops cl's table-lock wait, and its locks unless wait_only (waking the
 * tenant's parked connections). Lock held. */
void shard_tlock_drop_locked(struct shard_client *cl, bool wait_only);
int shard_tlock_register(struct shard_conn *c);
/* Whether cl waits for a table lock. Lock held. */
bool shard_tlock_waiting_locked(struct shard_client *cl);
int shard_adv_register(struct shard_conn *c);
/* A statement its borrower may run again from scratch must not act on the session: true with
 * the error set (shard_advfn.c). */
bool shard_refuse_effect(sqlite3_context *ctx, struct shard_conn *c);
/* shard_lofn.c: the large-object descriptor functions; a session's descriptors, closed when
 * its transaction ends (shard_client_xact_end) or it goes (shard_client_free). */
int shard_lo_register(struct shard_conn *c);
struct shard_client;
struct shard_lo_fd;
struct shard_lo_fds {
	struct shard_lo_fd *v; /* malloc'd; v[fd] */
	int n;
};
struct shard_lo_fds *shard_client_lo(struct shard_client *cl);
void shard_client_lo_close_all(struct shard_client *cl);

/* shard_serial.c: shardlite_serial(table, sequence, max), the next number of a serial key
 * held ahead for the tenant (registered on every tenant connection); at c's COMMIT, before
 * it runs, the numbers its transaction started are written ahead; a rollback forgets that. */
#define SHARD_SERIAL_NAME_MAX 128
struct shard_serial;
/* The suffix of the name a table rebuild (shard_rebuild.c) moves the old table to before it
 * drops it: that drop keeps the table's serial numbers held (its sequence row is copied). */
#define SHARD_REBUILD_ASIDE "__shardlite_rebuild"
/* A DROP TABLE of c's tenant (schema "main") other than a rebuild's is being prepared: the
 * numbers held for that table are dropped (a table made again by that name must not find
 * them). Safe in the authorizer: touches memory only. */
void shard_serial_dropped(struct shard_conn *c, const char *table, const char *schema);
/* A rebuild made table again and copied its sqlite_sequence row: the numbers held for it go
 * with the copy's row. */
void shard_serial_rebuilt(struct shard_conn *c, const char *table);
int shard_serial_register(struct shard_conn *c);
void shard_serial_commit(struct shard_conn *c);
/* SQLite's commit and rollback hooks of c: memory only. */
void shard_serial_committed(struct shard_conn *c);
void shard_serial_rollback(struct shard_conn *c);
/* t is being freed (its last connection closes): its records move to the registry's list,
 * where the closing connection puts their rows back (shard_serial_close) or the tenant's next
 * open adopts them (shard_serial_adopt_locked). Lock held. */
void shard_serial_keep_locked(struct shard_registry *r, struct shard_tenant *t);
void shard_serial_adopt_locked(struct shard_registry *r, struct shard_tenant *t);
/* c, a pooled connection, closes: the records left for its tenant are written back on it
 * (each row to its last number given), without waiting for the write lock; when it is busy
 * they stay for the tenant's next open or close. Takes the registry's lock; c has no
 * transaction open. May block on disk (the commit). */
void shard_serial_close(struct shard_conn *c);
/* Shutdown, after every pooled connection closed: the records still left are written back,
 * each tenant opened for it and its write lock waited for up to 2 s (another process); those
 * not written back are logged and skipped, as after a crash. */
void shard_serial_fini(struct shard_registry *r);
/* The tenant name's files are removed or renamed: the records left for it are freed. Lock
 * held. */
void shard_serial_forget_locked(struct shard_registry *r, const char *name);
/* Shutdown: t's records written back on c, one of t's idle connections (as
 * shard_serial_fini), and freed. */
void shard_serial_fini_tenant(struct shard_conn *c, struct shard_tenant *t);
/* On while this thread runs a failed statement again to describe its error (shard_ukey.c,
 * shard_fkey.c, shard_rowfail.c): a number given then would be one PostgreSQL never gave; its
 * rows get the failed run's numbers again. Each call with true starts them from the first. */
void shard_serial_replay(bool on);
void shard_serial_free(struct shard_tenant *t);

/* shard_seq.c: sequences' numbers held ahead for the tenant (catalog_seq_ops). register: on
 * each connection; commit: before c's COMMIT (writes again the rows its transaction wrote
 * ahead); committed/rollback: from the commit and rollback hooks (memory only); free: with
 * the tenant's struct. */
void shard_seq_register(struct shard_conn *c);
void shard_seq_commit(struct shard_conn *c);
void shard_seq_committed(struct shard_conn *c);
void shard_seq_rollback(struct shard_conn *c);
void shard_seq_free(struct shard_tenant *t);
/* A failed statement run again for its error's DETAIL (shard_serial_replay) gets again the
 * numbers its failed run was given, none taken; run_begin: a new statement (or the replays
 * ended) forgets them. */
void shard_seq_replay(bool on);
/* Put back where the serial keys' rows are (shard_serial.c: the tenant's last close,
 * shutdown): whether a record's row reads numbers written ahead of the last one given;
 * put_back writes each such row to the last number given (where it still reads what was
 * written ahead), in c's open write transaction; list_free frees a list. */
bool shard_seq_to_put_back(const struct shard_seq *list);
void shard_seq_put_back(struct shard_conn *c, const struct shard_seq *list);
void shard_seq_list_free(struct shard_seq *list);
void shard_seq_run_begin(void);
/* shard_ukey.c: registers shardlite_unique_key(), which shard_unique_explain's temporary
 * trigger calls; a SQLite result code. */
int shard_ukey_register(sqlite3 *db);
/* shard_rowfail.c: registers shardlite_failing_row(), which shard_row_explain's temporary
 * triggers call; a SQLite result code. */
int shard_rowfail_register(sqlite3 *db);
void shard_client_registry_fini(struct shard_registry *r);
/* Wakes the parked connections of tenant name, if it has any. Registry lock held. */
void shard_pool_wake_tenant_locked(struct shard_registry *r, const char *name);

/* shard_drop.c: the marks of tenants being dropped or renamed, and attachment counts. Lock
 * held: whether name is marked; waiting (on hold_cond, the lock let go meanwhile) until it is
 * not; counting an attachment of name (+1) or its detachment (-1). */
void shard_drop_init(struct shard_registry *r);
void shard_drop_fini(struct shard_registry *r);
bool shard_drop_marked_locked(struct shard_registry *r, const char *name);
void shard_drop_wait_locked(struct shard_registry *r, const char *name);
/* As shard_drop_wait_locked, for a borrow (lend): counted while it waits (shard_drop.c). */
void shard_drop_lend_wait_locked(struct shard_registry *r, const char *name);
void shard_hold_attach_locked(struct shard_registry *r, const char *name, int delta);
/* shard_pool.c: takes t's idle connections out of the cache (a list through next, each still
 * counted open until closed here: nopen is lowered now). Lock held. */
struct shard_conn *shard_pool_take_idle_locked(struct shard_registry *r, struct shard_tenant *t);
/* shard_client.c: the sessions of tenant other than self registered up to client_seq before
 * (later ones wait for the drop in lend); with terminate, each is told to terminate (57P01),
 * and *denied set when one belongs to another user (none is told then). Lock held. */
int shard_client_others_locked(struct shard_registry *r, const char *tenant,
			       const struct shard_client *self, uint64_t before, bool terminate,
			       bool *denied);

/* shard_pool.c: set up and tear down the pool part of a registry. */
void shard_pool_init(struct shard_registry *r);
void shard_pool_fini(struct shard_registry *r);

/* shard_migrate.c: checks a connection being lent against the registry's migration set and
 * migrates its tenant when behind. Cheap when already checked against the current set. False
 * with err (FATAL) when the tenant cannot be brought up to date. busy NULL: waits for the
 * tenant's write lock in SQLite's busy handler, up to SHARD_MIGRATE_LOCK_WAIT_MS; else meeting
 * it returns false with *busy set, no error, and nothing done (c records its attempt). */
bool shard_migrate_lent(struct shard_conn *c, bool *busy, struct pgerr *err) MUST_CHECK;
/* Drops the registry's set (registry teardown). */
void shard_migrate_fini(struct shard_registry *r);

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

/* shard_enumrename.c: def (a table's stored text) with enum from's marks and the casts of
 * its PostgreSQL-text comments spelled with to (ALTER TYPE ... RENAME TO); malloc'd, NULL
 * when out of memory. */
char *shard_enum_rename_text(const char *def, const char *from, const char *to);

#endif
