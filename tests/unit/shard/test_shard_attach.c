/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_attach.c: other tenants' files on a connection (schema prefixes) — attached under
 * the tenant's name with the server's settings, never created, bounded, still refused to
 * client SQL, and gone when the connection goes back to the pool. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shard_fixture.h"
#include "../../check_run.h"

static char dir[64];
static struct shard_registry *reg;

static void setup(void)
{
	reg = shard_fixture_start(dir, "attach", 100);
}

static void teardown(void) { shard_fixture_stop(reg, dir); }

/* Creates tenant name with table t(v) holding one row v. */
static void make_tenant(const char *name, const char *v)
{
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, name, &err);
	ck_assert_ptr_nonnull(c);
	char sql[128];
	snprintf(sql, sizeof(sql), "CREATE TABLE t (v text); INSERT INTO t VALUES ('%s')", v);
	ck_assert(shard_exec(c, sql, &err));
	shard_conn_release(c);
}

/* The first column of the first row of sql on c, as text (static). */
static const char *value(struct shard_conn *c, const char *sql)
{
	static char out[256];
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(c), sql, -1, &vm, NULL), SQLITE_OK);
	out[0] = '\0';
	if (sqlite3_step(vm) == SQLITE_ROW)
		snprintf(out, sizeof(out), "%s", (const char *)sqlite3_column_text(vm, 0));
	sqlite3_finalize(vm);
	return out;
}

/* Schema names of c's databases, comma-separated (the client may not run PRAGMA
 * database_list; sqlite3_db_name tells the same). */
static const char *databases(struct shard_conn *c)
{
	static char out[512];
	out[0] = '\0';
	const char *name;
	for (int i = 0; (name = sqlite3_db_name(shard_conn_db(c), i)) != NULL; i++) {
		size_t n = strlen(out);
		snprintf(out + n, sizeof(out) - n, "%s%s", n ? "," : "", name);
	}
	return out;
}

START_TEST(attached_file_is_readable_and_writable)
{
	make_tenant("acme", "from acme");
	make_tenant("home", "from home");
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, "home", &err);
	ck_assert(shard_conn_attach(c, "acme", &err));
	ck_assert(shard_conn_attach(c, "acme", &err)); /* again: a no-op */
	ck_assert_int_eq(shard_conn_nattached(c), 1);
	ck_assert(shard_conn_attached(c, "acme"));
	ck_assert_str_eq(value(c, "SELECT v FROM acme.t"), "from acme");
	ck_assert_str_eq(value(c, "SELECT v FROM t"), "from home");
	/* the server's durability settings hold for the attached file too */
	ck_assert_str_eq(value(c, "PRAGMA acme.synchronous"), "2");
	ck_assert_str_eq(value(c, "PRAGMA acme.journal_mode"), "wal");
	ck_assert(shard_exec(c, "BEGIN; INSERT INTO acme.t VALUES ('x'); INSERT INTO t VALUES ('y');"
				"COMMIT",
			     &err));
	ck_assert_str_eq(value(c, "SELECT count(*) FROM acme.t"), "2");
	/* not while a transaction uses it */
	ck_assert(shard_exec(c, "BEGIN; SELECT * FROM acme.t", &err));
	ck_assert(!shard_conn_detach_all(c));
	ck_assert(shard_exec(c, "COMMIT", &err));
	ck_assert(shard_conn_detach_all(c));
	ck_assert_int_eq(shard_conn_nattached(c), 0);
	ck_assert_str_eq(databases(c), "main,temp");
	shard_conn_release(c);
}
END_TEST

START_TEST(client_sql_still_cannot_attach_or_detach)
{
	make_tenant("acme", "a");
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, "home", &err);
	ck_assert(shard_conn_attach(c, "acme", &err));
	pgerr_clear(&err);
	ck_assert(!shard_exec(c, "DETACH DATABASE acme", &err));
	ck_assert_str_eq(err.sqlstate, "42501");
	char path[4096], sql[4200];
	ck_assert(shard_tenant_path(reg, "acme", path, sizeof(path)));
	snprintf(sql, sizeof(sql), "ATTACH DATABASE '%s' AS again", path);
	ck_assert(!shard_exec(c, sql, &err));
	ck_assert_str_eq(err.sqlstate, "42501");
	shard_conn_release(c);
}
END_TEST

START_TEST(missing_tenant_is_not_created)
{
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, "home", &err);
	pgerr_clear(&err);
	ck_assert(!shard_conn_attach(c, "nobody", &err));
	ck_assert_str_eq(err.sqlstate, "3F000");
	ck_assert_str_eq(err.message, "schema \"nobody\" does not exist");
	char path[4096];
	ck_assert(shard_tenant_path(reg, "nobody", path, sizeof(path)));
	ck_assert_int_ne(access(path, F_OK), 0);
	ck_assert(!shard_conn_attach(c, "home", &err)); /* its own file, a second time: never */
	ck_assert_int_eq(shard_conn_nattached(c), 0);
	shard_conn_release(c);
}
END_TEST

START_TEST(at_most_attach_max)
{
	char name[16];
	for (int i = 0; i <= SHARD_ATTACH_MAX; i++) {
		snprintf(name, sizeof(name), "t%d", i);
		make_tenant(name, name);
	}
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, "home", &err);
	for (int i = 0; i < SHARD_ATTACH_MAX; i++) {
		snprintf(name, sizeof(name), "t%d", i);
		ck_assert_msg(shard_conn_attach(c, name, &err), "%s: %s", name, err.message);
	}
	ck_assert_str_eq(value(c, "SELECT v FROM t9.t"), "t9");
	pgerr_clear(&err);
	snprintf(name, sizeof(name), "t%d", SHARD_ATTACH_MAX);
	ck_assert(!shard_conn_attach(c, name, &err));
	ck_assert_str_eq(err.sqlstate, "54000");
	shard_conn_release(c);
}
END_TEST

/* A connection goes back to the pool (here in the middle of a transaction that wrote the
 * attached file): the next session to get it finds no attachment, and the write is undone. */
START_TEST(release_detaches)
{
	make_tenant("acme", "a");
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, "home", &err);
	ck_assert(shard_conn_attach(c, "acme", &err));
	ck_assert(shard_exec(c, "BEGIN; INSERT INTO acme.t VALUES ('undone')", &err));
	sqlite3 *db = shard_conn_db(c);
	shard_conn_release(c);
	struct shard_conn *again = shard_conn_acquire(reg, "home", &err);
	ck_assert_ptr_eq(shard_conn_db(again), db); /* the same pooled connection */
	ck_assert_int_eq(shard_conn_nattached(again), 0);
	ck_assert_str_eq(databases(again), "main,temp");
	ck_assert(shard_conn_attach(again, "acme", &err));
	ck_assert_str_eq(value(again, "SELECT count(*) FROM acme.t"), "1");
	shard_conn_release(again);
}
END_TEST

/* Holding one file's write lock, a connection with files attached must not wait for another
 * file's: two such transactions could wait for each other. */
START_TEST(no_waiting_while_holding_a_write_lock)
{
	make_tenant("acme", "a");
	make_tenant("home", "h");
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, "home", &err);
	ck_assert(shard_conn_may_wait(c));
	ck_assert(shard_exec(c, "BEGIN; INSERT INTO t VALUES ('w')", &err));
	ck_assert(shard_conn_may_wait(c)); /* nothing attached: nothing else to wait for */
	ck_assert(shard_conn_attach(c, "acme", &err));
	ck_assert(!shard_conn_may_wait(c));
	ck_assert(shard_exec(c, "ROLLBACK", &err));
	ck_assert(shard_conn_may_wait(c));
	shard_conn_release(c);
}
END_TEST

static bool count_name(void *arg, const char *name)
{
	char *seen = arg;
	size_t n = strlen(seen);
	snprintf(seen + n, 256 - n, "%s%s", n ? "," : "", name);
	return true;
}

static bool stop_at_one(void *arg, const char *name)
{
	(void)arg;
	(void)name;
	return false;
}

/* Tenants are listed from the directory entries: files at a tenant's path only. */
START_TEST(tenants_are_listed_from_their_files)
{
	make_tenant("acme", "a");
	make_tenant("beta", "b");
	char path[4096];
	ck_assert(shard_tenant_path(reg, "acme", path, sizeof(path)));
	char stray[4200];
	snprintf(stray, sizeof(stray), "%.*s/Zeta.db", (int)(strrchr(path, '/') - path), path);
	FILE *f = fopen(stray, "w"); /* not a tenant name: not listed */
	ck_assert_ptr_nonnull(f);
	fclose(f);
	char seen[256] = "";
	ck_assert_uint_eq(shard_tenant_list(reg, count_name, seen), 2);
	ck_assert(strcmp(seen, "acme,beta") == 0 || strcmp(seen, "beta,acme") == 0);
	ck_assert_uint_eq(shard_tenant_list(reg, stop_at_one, NULL), 1);
}
END_TEST

/* The hub: an empty in-memory database that other tenants' files attach to; no file. */
START_TEST(hub_attaches_tenants)
{
	make_tenant("acme", "a");
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, SHARD_HUB, &err);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(value(c, "SELECT count(*) FROM sqlite_schema"), "0");
	ck_assert(shard_conn_attach(c, "acme", &err));
	ck_assert_str_eq(value(c, "SELECT v FROM acme.t"), "a");
	ck_assert(shard_exec(c, "BEGIN; INSERT INTO acme.t VALUES ('b'); COMMIT", &err));
	ck_assert(!shard_conn_unsynced(c)); /* the attached file synced its own commit */
	shard_conn_release(c);
	char seen[256] = "";
	ck_assert_uint_eq(shard_tenant_list(reg, count_name, seen), 1); /* the hub is no file */
	c = shard_conn_acquire(reg, "acme", &err);
	ck_assert_str_eq(value(c, "SELECT count(*) FROM t"), "2");
	shard_conn_release(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_attach");
	TCase *tc = tcase_create("attach");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, attached_file_is_readable_and_writable);
	tcase_add_test(tc, client_sql_still_cannot_attach_or_detach);
	tcase_add_test(tc, missing_tenant_is_not_created);
	tcase_add_test(tc, at_most_attach_max);
	tcase_add_test(tc, release_detaches);
	tcase_add_test(tc, no_waiting_while_holding_a_write_lock);
	tcase_add_test(tc, tenants_are_listed_from_their_files);
	tcase_add_test(tc, hub_attaches_tenants);
	suite_add_tcase(s, tc);
	return check_run(s);
}
