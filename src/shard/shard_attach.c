/* SPDX-License-Identifier: Apache-2.0 */
/* shard_attach.c: other tenants' files on a connection, for schema prefixes (acme.t). The
 * server attaches them itself, through the authorizer's internal path, under the tenant's
 * name; client SQL can still neither ATTACH nor DETACH. Attachments live no longer than the
 * session's use of the connection: the session drops them when no transaction is open, and
 * release always does, so a pooled connection never carries them to another session. */
#include "shard_int.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool shard_conn_attached(const struct shard_conn *c, const char *name)
{
	for (int i = 0; i < c->nattached; i++)
		if (strcmp(c->attached[i], name) == 0)
			return true;
	return false;
}

/* One server statement with text arguments bound (never client text), authorizer internal. */
static int run_internal(struct shard_conn *c, const char *sql, const char *a1, const char *a2)
{
	sqlite3_stmt *vm = NULL;
	shard_authz_internal_begin(c->db, &c->authz, c->nattached + 1);
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &vm, NULL);
	if (rc == SQLITE_OK && a1)
		rc = sqlite3_bind_text(vm, 1, a1, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && a2)
		rc = sqlite3_bind_text(vm, 2, a2, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(vm);
		rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
	}
	sqlite3_finalize(vm);
	shard_authz_internal_end(c->db, &c->authz);
	return rc;
}

/* Nothing of an ended transaction is left: attachments may go. */
static bool idle(struct shard_conn *c)
{
	if (!sqlite3_get_autocommit(c->db))
		return false;
	for (sqlite3_stmt *vm = sqlite3_next_stmt(c->db, NULL); vm; vm = sqlite3_next_stmt(c->db, vm))
		if (sqlite3_stmt_busy(vm))
			return false;
	return true;
}

bool shard_conn_detach_all(struct shard_conn *c)
{
	while (c->nattached > 0) {
		const char *name = c->attached[c->nattached - 1];
		if (!idle(c) || run_internal(c, "DETACH DATABASE ?1", name, NULL) != SQLITE_OK)
			return false;
		shard_attach_forget(c, name);
		c->nattached--;
	}
	return true;
}

bool shard_tenant_exists(const struct shard_registry *r, const char *name)
{
	char path[4096];
	return shard_tenant_path(r, name, path, sizeof(path)) && access(path, F_OK) == 0;
}

/* Whether entry file of directory dir (data_dir/tenants/HH) is a tenant's file: NAME.db, at
 * the path shard_tenant_path gives NAME (so a stray or hand-copied file is not a tenant). */
static bool tenant_file(const struct shard_registry *r, const char *dir, const char *file,
			char name[SHARD_TENANT_MAX + 1])
{
	size_t len = strlen(file);
	if (len < 4 || len - 3 > SHARD_TENANT_MAX || strcmp(file + len - 3, ".db") != 0)
		return false;
	char raw[SHARD_TENANT_MAX + 1], want[4096];
	snprintf(raw, sizeof(raw), "%.*s", (int)(len - 3), file);
	struct pgerr ignored;
	if (!shard_tenant_name_check(raw, name, &ignored) || strcmp(raw, name) != 0 ||
	    !shard_tenant_path(r, name, want, sizeof(want)))
		return false;
	size_t dlen = strlen(dir);
	return strncmp(want, dir, dlen) == 0 && want[dlen] == '/' && strcmp(want + dlen + 1, file) == 0;
}

size_t shard_tenant_list(const struct shard_registry *r, bool (*fn)(void *arg, const char *name),
			 void *arg)
{
	size_t n = 0;
	bool more = true;
	for (int h = 0; h < 256 && more; h++) {
		char dir[4096], name[SHARD_TENANT_MAX + 1];
		snprintf(dir, sizeof(dir), "%s/tenants/%02x", shard_registry_data_dir(r), h);
		DIR *d = opendir(dir);
		struct dirent *e;
		while (d && more && (e = readdir(d)) != NULL) {
			if (!tenant_file(r, dir, e->d_name, name))
				continue;
			n++;
			more = fn(arg, name);
		}
		if (d)
			closedir(d);
	}
	return n;
}

/* Counted while attached, so DROP DATABASE sees the file in use (shard_drop.c); a drop
 * removing the files makes the attachment wait, and then find none. */
static void count_attach(struct shard_conn *c, const char *name, int delta)
{
	pthread_mutex_lock(&c->reg->lock);
	if (delta > 0)
		shard_drop_wait_locked(c->reg, name);
	shard_hold_attach_locked(c->reg, name, delta);
	pthread_mutex_unlock(&c->reg->lock);
}

void shard_attach_forget(struct shard_conn *c, const char *name) { count_attach(c, name, -1); }

static bool attach_file(struct shard_conn *c, const char *name, struct pgerr *err)
{
	char path[4096];
	count_attach(c, name, 1);
	/* ATTACH would create a missing file; a schema prefix never creates a tenant */
	if (!shard_tenant_path(c->reg, name, path, sizeof(path)) || access(path, F_OK) != 0) {
		count_attach(c, name, -1);
		return pgerr_set(err, SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist",
				 name);
	}
	int rc = run_internal(c, "ATTACH DATABASE ?1 AS ?2", path, name);
	if (rc != SQLITE_OK) {
		count_attach(c, name, -1);
		return shard_error(c->db, rc, err);
	}
	/* The file keeps journal_mode=WAL; synchronous, which is per schema and cannot be set
	 * inside a transaction, is SQLite's default FULL (a shard unit test checks it). */
	snprintf(c->attached[c->nattached++], SHARD_TENANT_MAX + 1, "%s", name);
	return true;
}

bool shard_conn_attach(struct shard_conn *c, const char *name, struct pgerr *err)
{
	/* the same file twice would wait for its own write lock */
	if (strcmp(name, c->tenant) == 0)
		return pgerr_set(err, SQLSTATE_INTERNAL_ERROR,
				 "tenant \"%s\" is the connection's own file", name);
	if (shard_conn_attached(c, name))
		return true;
	if (c->nattached >= SHARD_ATTACH_MAX) {
		pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			  "too many tenants in one transaction: at most %d besides the session's own",
			  SHARD_ATTACH_MAX);
		pgerr_hint(err, "Split the work into several transactions.");
		return false;
	}
	return attach_file(c, name, err);
}

int shard_conn_nattached(const struct shard_conn *c) { return c->nattached; }

bool shard_conn_may_wait(struct shard_conn *c)
{
	return c->nattached == 0 || sqlite3_txn_state(c->db, NULL) != SQLITE_TXN_WRITE;
}

void shard_attach_wake_locked(struct shard_conn *c)
{
	for (int i = 0; i < c->nattached; i++) {
		struct shard_tenant *t = shard_pool_tenant_locked(c->reg, c->attached[i]);
		if (t)
			shard_pool_wake_locked(c->reg, t);
	}
}
