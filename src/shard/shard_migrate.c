/* SPDX-License-Identifier: Apache-2.0 */
/* shard_migrate.c: versioned migrations. A set is the NNNN_name.sql files of migrations_dir,
 * read and translated once per load (start, SIGHUP); a tenant's applied version is its file's
 * PRAGMA user_version. A connection being lent is checked against the current set and, when
 * its tenant is behind, the pending files run in one write transaction. Not the command line
 * (src/server/migrate.c walks the data directory and calls shard_tenant_migrate). */
#include "shard_int.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "xlat.h"

/* PostgreSQL answers "database is not currently accepting connections" with 55000; a tenant
 * that cannot be brought to the schema the server runs is in the same spot. */
#define SQLSTATE_NOT_IN_PREREQUISITE_STATE "55000"
/* The statement quoted in an error: enough to find it in the file. */
#define QUOTE_MAX 160

struct mig_file {
	int version;
	char *name;            /* file name, as errors quote it */
	char *text;            /* its contents; statements point into it by offset */
	struct xlat_stmt *stmts;
	size_t nstmts;
	bool broken;           /* cannot be used: error says why */
	struct pgerr error;
	int error_line;        /* 0 when the error has no position */
	const struct xlat_stmt *error_stmt; /* the statement refused, when known */
};

struct shard_migrations {
	int refs;              /* atomic */
	struct arena *arena;   /* translations */
	struct mig_file *files; /* ascending versions */
	size_t nfiles, nbroken;
};

/* ---- loading a set ---- */

/* "0042_add_email.sql" → 42. False for any other name, or a version out of int range. */
static bool parse_name(const char *name, int *version)
{
	size_t digits = strspn(name, "0123456789"), n = strlen(name);
	if (digits == 0 || digits > 10 || name[digits] != '_' || n < digits + 6 ||
	    strcmp(name + n - 4, ".sql") != 0)
		return false;
	long long v = strtoll(name, NULL, 10);
	if (v < 1 || v > INT32_MAX)
		return false;
	*version = (int)v;
	return true;
}

static char *read_file(const char *path, struct pgerr *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		pgerr_set(err, SQLSTATE_IO_ERROR, "could not open migration \"%s\": %s", path,
			  strerror(errno));
		return NULL;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_append(&sb, buf, n);
	bool bad = ferror(f) || sb.failed || memchr(sb.data ? sb.data : "", 0, sb.len);
	fclose(f);
	char *text = bad ? NULL : base_xstrdup(sb.len ? sb.data : "");
	strbuf_fini(&sb);
	if (bad)
		pgerr_set(err, SQLSTATE_IO_ERROR,
			  "could not read migration \"%s\" (a read error or a NUL byte)", path);
	return text;
}

/* The 1-based line of character position pos (PostgreSQL counts characters, not bytes). */
static int line_of_char(const char *text, int pos)
{
	int line = 1, ch = 0;
	for (const char *p = text; *p && ch < pos - 1; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80)
			ch++;
		if (*p == '\n')
			line++;
	}
	return line;
}

static int line_of_byte(const char *text, size_t off)
{
	int line = 1;
	for (size_t i = 0; text[i] && i < off; i++)
		line += text[i] == '\n';
	return line;
}

/* How many bytes of p (n long) are blanks and comments before a statement's first word: a
 * statement's location starts right after the previous semicolon. */
static size_t skip_blanks(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (strchr(" \t\r\n\f", p[i])) {
			i++;
		} else if (i + 1 < n && p[i] == '-' && p[i + 1] == '-') {
			while (i < n && p[i] != '\n')
				i++;
		} else if (i + 1 < n && p[i] == '/' && p[i + 1] == '*') {
			const char *end = strstr(p + i + 2, "*/"); /* nesting is rare; not followed */
			i = end && (size_t)(end - p) + 2 <= n ? (size_t)(end - p) + 2 : n;
		} else {
			break;
		}
	}
	return i;
}

/* The statement's text on one line, shortened, for an error's detail. */
static void quote_stmt(const struct mig_file *f, const struct xlat_stmt *x, char *out,
		       size_t outlen, int *line)
{
	const char *p = f->text + x->location;
	size_t n = x->length > 0 ? (size_t)x->length : strlen(p);
	size_t skip = skip_blanks(p, n);
	p += skip;
	n -= skip;
	*line = line_of_byte(f->text, (size_t)(p - f->text));
	size_t o = 0;
	for (size_t i = 0; i < n && o + 4 < outlen && o < QUOTE_MAX; i++) {
		char ch = strchr("\t\r\n", p[i]) ? ' ' : p[i];
		if (ch != ' ' || (o > 0 && out[o - 1] != ' '))
			out[o++] = ch;
	}
	if (o < n && o + 4 < outlen && o >= QUOTE_MAX)
		o += (size_t)snprintf(out + o, outlen - o, "...");
	out[o] = '\0';
}

/* Refuses what cannot run inside the one transaction a migration gets. */
static bool check_stmt(const struct xlat_stmt *x, struct pgerr *err)
{
	switch (x->kind) {
	case XLAT_EMPTY:
	case XLAT_NOOP:
	case XLAT_SCRIPT:
	case XLAT_REBUILD:
		return true;
	case XLAT_SQL:
		if (x->nparams > 0)
			return pgerr_set(err, SQLSTATE_UNDEFINED_PARAMETER,
					 "there is no parameter $%d", x->nparams);
		return true;
	case XLAT_TXN:
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "%s is not supported in a migration file", x->tag);
		pgerr_detail(err, "The pending migrations of a tenant run in one transaction of "
				  "their own.");
		return false;
	default: /* SET, SHOW, DISCARD, COPY: session business; and any kind added later */
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "%s is not supported in a migration file", x->tag);
	}
}

static void translate(struct shard_migrations *m, struct mig_file *f)
{
	struct pgerr *err = &f->error;
	if (!xlat_translate(f->text, NULL, 0, m->arena, &f->stmts, &f->nstmts, err)) {
		f->broken = true;
		f->error_line = err->position > 0 ? line_of_char(f->text, err->position) : 0;
		return;
	}
	for (size_t i = 0; i < f->nstmts && !f->broken; i++) {
		if (!check_stmt(&f->stmts[i], err)) {
			f->broken = true;
			f->error_stmt = &f->stmts[i];
		}
	}
}

static int by_version(const void *a, const void *b)
{
	const struct mig_file *x = a, *y = b;
	return (x->version > y->version) - (x->version < y->version);
}

/* Adds dir/name to m; false with err when the file cannot be read. */
static bool add_file(struct shard_migrations *m, const char *dir, const char *name, int version,
		     size_t *cap, struct pgerr *err)
{
	char path[4096];
	if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path))
		return pgerr_set(err, SQLSTATE_IO_ERROR, "migration path is too long");
	char *text = read_file(path, err);
	if (!text)
		return false;
	if (m->nfiles == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		m->files = base_xrealloc(m->files, *cap * sizeof(*m->files));
	}
	struct mig_file *f = &m->files[m->nfiles++];
	memset(f, 0, sizeof(*f));
	f->version = version;
	f->name = base_xstrdup(name);
	f->text = text;
	pgerr_clear(&f->error);
	return true;
}

static bool read_dir(struct shard_migrations *m, const char *dir, struct pgerr *err)
{
	DIR *d = opendir(dir);
	if (!d)
		return pgerr_set(err, SQLSTATE_IO_ERROR,
				 "could not open migrations directory \"%s\": %s", dir,
				 strerror(errno));
	size_t cap = 0;
	bool ok = true;
	struct dirent *e;
	while (ok && (e = readdir(d)) != NULL) {
		int version;
		if (parse_name(e->d_name, &version))
			ok = add_file(m, dir, e->d_name, version, &cap, err);
	}
	closedir(d);
	if (!ok)
		return false;
	qsort(m->files, m->nfiles, sizeof(*m->files), by_version);
	for (size_t i = 1; i < m->nfiles; i++)
		if (m->files[i].version == m->files[i - 1].version)
			return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "migrations \"%s\" and \"%s\" have the same version %d",
					 m->files[i - 1].name, m->files[i].name,
					 m->files[i].version);
	return true;
}

struct shard_migrations *shard_migrations_load(const char *dir, struct pgerr *err)
{
	struct shard_migrations *m = base_xcalloc(1, sizeof(*m));
	m->refs = 1;
	m->arena = arena_new(0);
	if (!read_dir(m, dir, err)) {
		shard_migrations_unref(m);
		return NULL;
	}
	for (size_t i = 0; i < m->nfiles; i++) {
		struct mig_file *f = &m->files[i];
		translate(m, f);
		if (!f->broken)
			continue;
		m->nbroken++;
		char stmt[QUOTE_MAX + 8] = "";
		if (f->error_stmt)
			quote_stmt(f, f->error_stmt, stmt, sizeof(stmt), &f->error_line);
		LOG_ERROR(0, NULL, "migration %s (line %d) cannot be used: %s%s%s", f->name,
			  f->error_line, f->error.message, stmt[0] ? ": " : "", stmt);
	}
	return m;
}

static struct shard_migrations *migrations_ref(struct shard_migrations *m)
{
	if (m)
		__atomic_add_fetch(&m->refs, 1, __ATOMIC_RELAXED);
	return m;
}

void shard_migrations_unref(struct shard_migrations *m)
{
	if (!m || __atomic_sub_fetch(&m->refs, 1, __ATOMIC_ACQ_REL) > 0)
		return;
	for (size_t i = 0; i < m->nfiles; i++) {
		free(m->files[i].name);
		free(m->files[i].text);
	}
	free(m->files);
	arena_free(m->arena);
	free(m);
}

int shard_migrations_target(const struct shard_migrations *m)
{
	return m && m->nfiles ? m->files[m->nfiles - 1].version : 0;
}

size_t shard_migrations_count(const struct shard_migrations *m) { return m ? m->nfiles : 0; }

size_t shard_migrations_broken(const struct shard_migrations *m) { return m ? m->nbroken : 0; }

void shard_registry_set_migrations(struct shard_registry *r, struct shard_migrations *m)
{
	static uint64_t serials; /* every set gets its own; 0 means "no set" */
	pthread_mutex_lock(&r->lock);
	struct shard_migrations *old = r->migrations;
	r->migrations = m;
	__atomic_store_n(&r->mig_serial, m ? __atomic_add_fetch(&serials, 1, __ATOMIC_RELAXED) : 0,
			 __ATOMIC_RELEASE);
	pthread_mutex_unlock(&r->lock);
	shard_migrations_unref(old);
}

void shard_migrate_fini(struct shard_registry *r)
{
	shard_migrations_unref(r->migrations);
	r->migrations = NULL;
}

/* ---- running a set on one connection ---- */

/* SQLITE_BUSY is reported through *busy (no error) when the caller does not wait for locks. */
static bool read_version(struct shard_conn *c, int *v, bool *busy, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(c->db, "PRAGMA user_version", -1, &vm, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(vm);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int(vm, 0);
	sqlite3_finalize(vm);
	if (busy && (rc & 0xff) == SQLITE_BUSY) {
		*busy = true;
		return false;
	}
	return rc == SQLITE_ROW || shard_error(c->db, rc, err);
}

static bool run_sql(struct shard_conn *c, const char *sql, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &vm, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(vm)) == SQLITE_ROW)
		; /* a SELECT in a migration is allowed; its rows go nowhere */
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	if (rc != SQLITE_OK)
		shard_error(c->db, rc, err);
	sqlite3_finalize(vm);
	return rc == SQLITE_OK;
}

/* Several SQLite statements for one PostgreSQL statement (DROP TABLE a, b): foreign keys
 * are checked once all ran, as the session does (sess_script.c). */
static bool run_script(struct shard_conn *c, const char *sql, struct pgerr *err)
{
	int before = 0, after = 0, hi;
	struct pgerr ignored;
	sqlite3_db_status(c->db, SQLITE_DBSTATUS_DEFERRED_FKS, &before, &hi, 0);
	bool ok = shard_exec(c, "PRAGMA defer_foreign_keys = ON", err) && shard_exec(c, sql, err);
	sqlite3_db_status(c->db, SQLITE_DBSTATUS_DEFERRED_FKS, &after, &hi, 0);
	(void)!shard_exec(c, "PRAGMA defer_foreign_keys = OFF", &ignored);
	if (ok && after > before)
		ok = pgerr_set(err, SQLSTATE_FOREIGN_KEY_VIOLATION,
			       "insert, update or delete violates a foreign key constraint");
	return ok;
}

static bool run_rebuild(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	struct arena *a = arena_new(0);
	bool ok = shard_rebuild_translated(c, r, a, err);
	arena_free(a);
	return ok;
}

static bool run_stmt(struct shard_conn *c, const struct xlat_stmt *x, struct pgerr *err)
{
	switch (x->kind) {
	case XLAT_SQL:
		return run_sql(c, x->sql, err);
	case XLAT_SCRIPT:
		return run_script(c, x->sql, err);
	case XLAT_REBUILD:
		return run_rebuild(c, x->rebuild, err);
	case XLAT_EMPTY:
	case XLAT_NOOP:
		return true;
	default:
		return check_stmt(x, err); /* refused at load; the file is broken */
	}
}

/* Turns the error of a statement of f into the one the tenant's clients get. */
static bool file_failed(struct shard_conn *c, const struct mig_file *f, const struct xlat_stmt *x,
			const struct pgerr *cause, int version, int target, struct pgerr *err)
{
	char stmt[QUOTE_MAX + 8] = "";
	int line = f->error_line;
	if (x)
		quote_stmt(f, x, stmt, sizeof(stmt), &line);
	pgerr_fatal(err, SQLSTATE_NOT_IN_PREREQUISITE_STATE, "migration \"%s\" failed: %s",
		    f->name, cause->message);
	if (stmt[0])
		pgerr_detail(err, "At line %d (SQLSTATE %s): %s", line, cause->sqlstate, stmt);
	else if (line > 0)
		pgerr_detail(err, "At line %d (SQLSTATE %s).", line, cause->sqlstate);
	else
		pgerr_detail(err, "SQLSTATE %s.", cause->sqlstate);
	pgerr_hint(err, "Tenant \"%s\" is unchanged at migration version %d; the server wants "
			"version %d. Fix the file, then reload the server (SIGHUP).",
		   c->tenant, version, target);
	return false;
}

static bool run_file(struct shard_conn *c, const struct mig_file *f, int version, int target,
		     struct pgerr *err)
{
	struct pgerr cause;
	pgerr_clear(&cause);
	if (f->broken)
		return file_failed(c, f, f->error_stmt, &f->error, version, target, err);
	for (size_t i = 0; i < f->nstmts; i++)
		if (!run_stmt(c, &f->stmts[i], &cause))
			return file_failed(c, f, &f->stmts[i], &cause, version, target, err);
	return true;
}

static bool ahead(struct shard_conn *c, int version, int target, struct pgerr *err)
{
	pgerr_fatal(err, SQLSTATE_NOT_IN_PREREQUISITE_STATE,
		    "tenant \"%s\" is at migration version %d, newer than the newest migration "
		    "file (%d)",
		    c->tenant, version, target);
	pgerr_hint(err, "The tenant was migrated with files this server does not have; point "
			"migrations_dir at them.");
	return false;
}

/* Takes the write lock (two sessions opening a tenant at once: the second waits, then finds
 * the work done). With busy, SQLITE_BUSY is reported there at once and the caller parks;
 * without, SQLite's busy handler waits as long as a migration may (migrate() set it). */
static bool begin_write(struct shard_conn *c, bool *busy, struct pgerr *err)
{
	int rc = sqlite3_exec(c->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return true;
	if ((rc & 0xff) != SQLITE_BUSY)
		return shard_error(c->db, rc, err);
	if (busy) {
		*busy = true;
		return false;
	}
	pgerr_fatal(err, SQLSTATE_LOCK_NOT_AVAILABLE,
		    "could not lock tenant \"%s\" to migrate it within %d s", c->tenant,
		    SHARD_MIGRATE_LOCK_WAIT_MS / 1000);
	pgerr_hint(err, "Another transaction holds the tenant's write lock; try again.");
	return false;
}

static bool apply_pending(struct shard_conn *c, const struct shard_migrations *m, int version,
			  struct pgerr *err)
{
	int target = shard_migrations_target(m);
	char sql[64];
	for (size_t i = 0; i < m->nfiles; i++)
		if (m->files[i].version > version &&
		    !run_file(c, &m->files[i], version, target, err))
			return false;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", target);
	return shard_exec_internal(c, sql, err) && shard_exec(c, "COMMIT", err);
}

/* Brings c's tenant to m's newest version. *from: the version found. busy NULL: waits for
 * the tenant's write lock in SQLite's busy handler (shardlite migrate, which has a thread of
 * its own); else meeting it sets *busy and returns FAILED with nothing done and no error. */
static enum shard_migrate_outcome migrate(struct shard_conn *c, const struct shard_migrations *m,
					  int *from, bool *busy, struct pgerr *err)
{
	int target = shard_migrations_target(m), v = 0;
	ASSERT(sqlite3_get_autocommit(c->db));
	/* A migration runs as the server: no session's facts (a lent connection holds none). */
	shard_conn_lend(c, NULL, NULL, NULL);
	/* What other openers of the same file hold: the write lock of a migration under way, and
	 * a new file's first WAL setup (reading user_version can meet SQLITE_BUSY then, even in
	 * WAL mode). */
	if (!busy)
		sqlite3_busy_timeout(c->db, SHARD_MIGRATE_LOCK_WAIT_MS);
	bool ok = read_version(c, &v, busy, err);
	if (ok && v < target) {
		/* Behind: take the write lock and look again — a session that opened the tenant
		 * at the same time may have migrated it while this one waited. */
		ok = begin_write(c, busy, err) && read_version(c, &v, NULL, err);
		if (ok && v < target)
			ok = apply_pending(c, m, v, err);
		struct pgerr ignored;
		if (!sqlite3_get_autocommit(c->db)) /* up to date after all, or a failure */
			(void)!shard_exec(c, ok ? "COMMIT" : "ROLLBACK", ok ? err : &ignored);
		if (ok && v < target)
			LOG_INFO(0, c->tenant, "migrated from version %d to %d", v, target);
	}
	if (!busy)
		sqlite3_busy_timeout(c->db, 0); /* lock waits are the pool's (parked, not slept) */
	*from = v;
	if (busy && *busy)
		return SHARD_MIGRATE_FAILED;
	if (ok && v > target)
		ok = ahead(c, v, target, err);
	if (!ok)
		return SHARD_MIGRATE_FAILED;
	return v < target ? SHARD_MIGRATE_APPLIED : SHARD_MIGRATE_CURRENT;
}

/* The registry's current set and its serial, referenced. */
static struct shard_migrations *current_set(struct shard_registry *r, uint64_t *serial)
{
	pthread_mutex_lock(&r->lock);
	struct shard_migrations *m = migrations_ref(r->migrations);
	*serial = r->mig_serial;
	pthread_mutex_unlock(&r->lock);
	return m;
}

bool shard_migrate_lent(struct shard_conn *c, bool *busy, struct pgerr *err)
{
	if (busy)
		*busy = false;
	uint64_t now = __atomic_load_n(&c->reg->mig_serial, __ATOMIC_ACQUIRE);
	if (c->mig_serial != now && strcmp(c->tenant, SHARD_HUB) == 0)
		c->mig_serial = now; /* not a tenant: nothing to migrate */
	if (c->mig_serial == now)
		return true;
	uint64_t serial;
	struct shard_migrations *m = current_set(c->reg, &serial);
	int from;
	/* Before the attempt, so a park after SQLITE_BUSY sees a lock let go meanwhile. */
	shard_conn_attempt(c);
	bool ok = !m || migrate(c, m, &from, busy, err) != SHARD_MIGRATE_FAILED;
	if (ok) {
		c->mig_serial = serial;
	} else if (!busy || !*busy) {
		err->severity = PGERR_FATAL;
		LOG_WARN(0, c->tenant, "not migrated: %s (%s)", err->message, err->detail);
	}
	shard_migrations_unref(m);
	return ok;
}

enum shard_migrate_outcome shard_tenant_migrate(struct shard_registry *r, const char *name,
						int *from, int *to, struct pgerr *err)
{
	uint64_t serial;
	int v = 0;
	struct shard_migrations *m = current_set(r, &serial);
	enum shard_migrate_outcome out = SHARD_MIGRATE_CURRENT;
	if (m) {
		struct shard_conn *c = shard_conn_open(r, name, err);
		out = c ? migrate(c, m, &v, NULL, err) : SHARD_MIGRATE_FAILED;
		shard_conn_close(c);
	}
	if (from)
		*from = v;
	if (to)
		*to = out == SHARD_MIGRATE_APPLIED ? shard_migrations_target(m) : v;
	shard_migrations_unref(m);
	return out;
}
