/* SPDX-License-Identifier: Apache-2.0 */
/* shard.c: the tenant registry — tenant names, their paths under the data directory, and
 * opening SQLite connections with the settings every tenant connection needs. Lending them to
 * sessions, caching and lock waits are shard_pool.c. */
#include "shard_int.h"

#include "catalog.h"
#include "pgfn.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Statements never sleep in SQLite's busy handler: a worker thread sleeping there is a thread
 * the pool does not have. A write that meets another connection's write lock fails at once
 * and the session parks until the lock is let go (shard_conn_park). Only while a connection is
 * set up (a file created by two sessions at once) does it wait, briefly. */
#define BUSY_TIMEOUT_MS 0
#define SETUP_BUSY_TIMEOUT_MS 5000

static bool make_dir(const char *path, struct pgerr *err)
{
	if (mkdir(path, 0750) == 0 || errno == EEXIST)
		return true;
	return pgerr_fatal(err, SQLSTATE_IO_ERROR, "could not create directory \"%s\": %s", path,
			   strerror(errno));
}

struct shard_registry *shard_registry_new(const struct shard_opts *opts, struct pgerr *err)
{
	char path[4096];
	if (!make_dir(opts->data_dir, err))
		return NULL;
	if (snprintf(path, sizeof(path), "%s/tenants", opts->data_dir) >= (int)sizeof(path)) {
		pgerr_fatal(err, SQLSTATE_IO_ERROR, "data directory path is too long");
		return NULL;
	}
	if (!make_dir(path, err))
		return NULL;
	(void)shard_vfs_name(); /* registered (and SQLite configured) before any other thread */
	struct shard_registry *r = base_xcalloc(1, sizeof(*r));
	r->data_dir = base_xstrdup(opts->data_dir);
	r->auto_create = opts->auto_create;
	r->max_open_tenants = opts->max_open_tenants;
	r->durability = opts->durability;
	r->defer_wakes = opts->defer_wakes;
	r->wake_deferred = opts->wake_deferred;
	shard_pool_init(r);
	if (!shard_sync_init(r, opts->sync_threads, err)) {
		shard_registry_free(r);
		return NULL;
	}
	return r;
}

void shard_registry_free(struct shard_registry *r)
{
	if (!r)
		return;
	shard_sync_fini(r);
	shard_pool_fini(r);
	free(r->data_dir);
	free(r);
}

const char *shard_registry_data_dir(const struct shard_registry *r) { return r->data_dir; }

static bool tenant_char_ok(char c, bool first)
{
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return true;
	return !first && (c == '_' || c == '-');
}

bool shard_tenant_name_check(const char *raw, char out[SHARD_TENANT_MAX + 1], struct pgerr *err)
{
	size_t n = strlen(raw);
	bool ok = n >= 1 && n <= SHARD_TENANT_MAX;
	for (size_t i = 0; ok && i < n; i++) {
		char c = raw[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		ok = tenant_char_ok(c, i == 0);
		out[i] = c;
	}
	if (ok) {
		out[n] = '\0';
		return true;
	}
	out[0] = '\0';
	pgerr_fatal(err, SQLSTATE_INVALID_CATALOG_NAME, "invalid tenant name \"%.*s%s\"",
		    n > 80 ? 80 : (int)n, raw, n > 80 ? "..." : "");
	pgerr_detail(err, "A tenant name is 1 to 63 characters: a letter or digit, then letters, "
			  "digits, \"_\" or \"-\" ([a-z0-9][a-z0-9_-]{0,62}, case-folded).");
	return false;
}

/* FNV-1a: stable across versions and platforms, which the on-disk layout requires. */
static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 16777619u;
	return h;
}

bool shard_tenant_path(const struct shard_registry *r, const char *name, char *out, size_t outlen)
{
	int n = snprintf(out, outlen, "%s/tenants/%02x/%s.db", r->data_dir, name_hash(name) & 0xff,
			 name);
	return n > 0 && (size_t)n < outlen;
}

/* Sets db up as every tenant connection is; *cat and *fn receive the catalog's and pgfn's
 * per-connection state (owned by db). LIKE is pgfn's like() (pgfn_like.c), PostgreSQL's
 * case-sensitive matcher: no case_sensitive_like, which would replace it with SQLite's.
 * Group and off durability run synchronous=NORMAL in WAL mode: a commit appends to the WAL
 * without an fsync; the WAL is synced before each checkpoint and the file after it. Group durability adds the fsync that makes an answered
 * commit durable (shard_sync.c). */
static bool configure(sqlite3 *db, enum shard_durability d, struct cat_conn **cat,
		      struct pgfn_conn **fn, struct pgerr *err)
{
	const char *setup = d == SHARD_DURABILITY_FULL ? "PRAGMA journal_mode=WAL;"
							 "PRAGMA synchronous=FULL;"
							 "PRAGMA foreign_keys=ON;"
						       : "PRAGMA journal_mode=WAL;"
							 "PRAGMA synchronous=NORMAL;"
							 "PRAGMA foreign_keys=ON;";
	sqlite3_busy_timeout(db, SETUP_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db, 1);
	/* "x" is always an identifier, as in PostgreSQL: a misspelled quoted column must be an
	 * error, not SQLite's legacy fallback to a string literal. */
	sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)NULL);
	/* Sessions creating a new file at once can meet SQLITE_BUSY without the busy handler
	 * being called (SQLite does not wait where waiting could deadlock, as when two
	 * connections switch the same file to WAL): retry within the setup timeout. */
	int rc;
	for (int waited = 0;; waited += 10) {
		rc = sqlite3_exec(db, setup, NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY || waited >= SETUP_BUSY_TIMEOUT_MS)
			break;
		sqlite3_sleep(10);
	}
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	*fn = pgfn_register(db);
	if (!*fn || shard_ukey_register(db) != SQLITE_OK || shard_rowfail_register(db) != SQLITE_OK)
		return shard_error(db, sqlite3_errcode(db), err);
	*cat = catalog_register(db, err);
	return *cat != NULL;
}

/* A write transaction ends (the hooks run just before it does, on the thread running the
 * statement): shard_conn_settle then wakes the tenant's waiters. Read-only transactions do not
 * call the commit hook, so readers never wake anyone. */
static int on_commit(void *arg)
{
	struct shard_conn *c = arg;
	c->released = true;
	c->committed = true;
	shard_serial_committed(c);
	shard_seq_committed(c);
	return 0;
}

static void on_rollback(void *arg)
{
	struct shard_conn *c = arg;
	c->released = true;
	shard_serial_rollback(c);
	shard_seq_rollback(c);
	catalog_rolled_back(c->cat);
}

static bool ensure_fanout_dir(const char *path, struct pgerr *err)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	return make_dir(dir, err);
}

struct shard_conn *shard_conn_open(struct shard_registry *r, const char *name, struct pgerr *err)
{
	char path[4096];
	bool hub = strcmp(name, SHARD_HUB) == 0;
	if (hub) {
		snprintf(path, sizeof(path), ":memory:");
	} else if (!shard_tenant_path(r, name, path, sizeof(path))) {
		pgerr_fatal(err, SQLSTATE_IO_ERROR, "tenant path is too long");
		return NULL;
	}
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
	if (hub) {
		flags |= SQLITE_OPEN_CREATE; /* not SQLITE_OPEN_MEMORY: ATTACH would inherit it */
	} else if (r->auto_create) {
		if (!ensure_fanout_dir(path, err))
			return NULL;
		flags |= SQLITE_OPEN_CREATE;
	} else if (access(path, F_OK) != 0) {
		pgerr_fatal(err, SQLSTATE_INVALID_CATALOG_NAME, "tenant \"%s\" does not exist",
			    name);
		pgerr_hint(err, "auto_create is off; create the tenant first.");
		return NULL;
	}
	sqlite3 *db = NULL;
	struct cat_conn *cat = NULL;
	struct pgfn_conn *fn = NULL;
	int rc = sqlite3_open_v2(path, &db, flags, shard_vfs_name());
	if (rc != SQLITE_OK || !configure(db, r->durability, &cat, &fn, err)) {
		if (rc != SQLITE_OK)
			shard_error(db, rc, err);
		err->severity = PGERR_FATAL;
		sqlite3_close_v2(db);
		return NULL;
	}
	struct shard_conn *c = base_xcalloc(1, sizeof(*c));
	c->db = db;
	c->cat = cat;
	c->fn = fn;
	c->reg = r;
	sqlite3_commit_hook(db, on_commit, c);
	sqlite3_rollback_hook(db, on_rollback, c);
	shard_loop_register(c);
	snprintf(c->tenant, sizeof(c->tenant), "%s", name);
	rc = shard_adv_register(c);
	if (rc == SQLITE_OK)
		rc = shard_tlock_register(c);
	if (rc == SQLITE_OK)
		rc = shard_lo_register(c);
	if (rc == SQLITE_OK)
		rc = shard_inplace_register(c);
	if (rc == SQLITE_OK)
		rc = shard_viewdep_register(c);
	if (rc == SQLITE_OK)
		rc = shard_serial_register(c);
	if (rc == SQLITE_OK)
		shard_seq_register(c);
	if (rc != SQLITE_OK) {
		shard_error(db, rc, err);
		shard_conn_close(c);
		return NULL;
	}
	/* Last: the setup PRAGMAs above are exactly what the authorizer refuses clients. */
	if (!shard_authz_install(db, &c->authz, err)) {
		shard_conn_close(c);
		return NULL;
	}
	return c;
}

void shard_conn_close(struct shard_conn *c)
{
	if (!c)
		return;
	ASSERT(!c->t);           /* pooled connections go back with shard_conn_release */
	while (c->nattached > 0) /* closing detaches them */
		shard_attach_forget(c, c->attached[--c->nattached]);
	shard_stmt_cache_clear(c);
	shard_conn_set_aux(c, NULL, NULL);
	catalog_closing(c->cat);
	if (!sqlite3_get_autocommit(c->db))
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close_v2(c->db);
	free(c);
}

sqlite3 *shard_conn_db(struct shard_conn *c) { return c->db; }

struct cat_conn *shard_conn_catalog(struct shard_conn *c) { return c->cat; }

const char *shard_conn_tenant(const struct shard_conn *c) { return c->tenant; }

/* BEGIN, COMMIT and ROLLBACK run for nearly every transaction: they stay prepared on c
 * (c->txn_vms, in this order) instead of being parsed again by sqlite3_exec each time, and
 * apart from the statement cache, whose lookup by text and reordering cost more than the
 * statement itself. -1 for other text. */
static int txn_index(const char *sql)
{
	return strcmp(sql, "BEGIN") == 0      ? 0
	       : strcmp(sql, "COMMIT") == 0   ? 1
	       : strcmp(sql, "ROLLBACK") == 0 ? 2
					      : -1;
}

static bool exec_cached(struct shard_conn *c, int i, const char *sql, struct pgerr *err)
{
	if (i == 1) {
		shard_serial_commit(c);
		shard_seq_commit(c);
	}
	int rc = c->txn_vms[i] ? SQLITE_OK
			       : sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
						    &c->txn_vms[i], NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(c->txn_vms[i]);
	bool ok = rc == SQLITE_DONE;
	if (!ok)
		shard_error(c->db, rc, err);
	sqlite3_reset(c->txn_vms[i]); /* NULL when prepare failed */
	return ok;
}

bool shard_exec(struct shard_conn *c, const char *sql, struct pgerr *err)
{
	int i = txn_index(sql);
	if (i >= 0)
		return exec_cached(c, i, sql, err);
	int rc = sqlite3_exec(c->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return shard_error(c->db, rc, err);
	return true;
}

bool shard_exec_internal(struct shard_conn *c, const char *sql, struct pgerr *err)
{
	shard_authz_internal_begin(c->db, &c->authz, 0);
	bool ok = shard_exec(c, sql, err);
	shard_authz_internal_end(c->db, &c->authz);
	return ok;
}
