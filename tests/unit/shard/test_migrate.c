/* SPDX-License-Identifier: Apache-2.0 */
/* test_migrate.c: migration sets (which file names count, duplicate versions, files the
 * translator refuses) and running them: lazily when a connection is lent, once under two
 * threads at once, all or nothing when a statement fails, a tenant ahead of the files, a new
 * set applied to cached connections, a lend that meets the write lock reporting busy instead
 * of waiting, and shard_tenant_migrate's outcomes. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shard.h"
#include "../../check_run.h"

static char dir[64], mig[96];
static struct shard_registry *reg;

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/shard-migrate-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(mig, sizeof(mig), "%s/migrations", dir);
	char data[96];
	snprintf(data, sizeof(data), "%s/data", dir);
	ck_assert_int_eq(mkdir(mig, 0700), 0);
	struct shard_opts o = {.data_dir = data, .auto_create = true, .max_open_tenants = 4};
	struct pgerr err;
	reg = shard_registry_new(&o, &err);
	ck_assert_ptr_nonnull(reg);
}

static void teardown(void)
{
	shard_registry_free(reg);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void write_file(const char *name, const char *text)
{
	char path[192];
	snprintf(path, sizeof(path), "%s/%s", mig, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

/* Loads mig and makes it the registry's set; returns its target. */
static int use_set(void)
{
	struct pgerr err;
	pgerr_clear(&err);
	struct shard_migrations *m = shard_migrations_load(mig, &err);
	ck_assert_msg(m != NULL, "%s", err.message);
	int target = shard_migrations_target(m);
	shard_registry_set_migrations(reg, m);
	return target;
}

/* A number from a one-value query on a connection opened without migrating. */
static int query_int(const char *tenant, const char *sql)
{
	struct pgerr err;
	struct shard_conn *c = shard_conn_open(reg, tenant, &err);
	ck_assert_msg(c != NULL, "%s", err.message);
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(c), sql, -1, &vm, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_ROW);
	int v = sqlite3_column_int(vm, 0);
	sqlite3_finalize(vm);
	shard_conn_close(c);
	return v;
}

static int version_of(const char *tenant) { return query_int(tenant, "PRAGMA user_version"); }

START_TEST(which_files_count)
{
	write_file("0001_a.sql", "CREATE TABLE a (x int);");
	write_file("0010_b.sql", "CREATE TABLE b (x int);");
	write_file("README", "not sql");
	write_file("01x_c.sql", "nope");
	write_file("0002_.sql", "nope");
	write_file("0000_zero.sql", "nope");
	write_file("0003_c.sql.bak", "nope");
	struct pgerr err;
	struct shard_migrations *m = shard_migrations_load(mig, &err);
	ck_assert_ptr_nonnull(m);
	ck_assert_uint_eq(shard_migrations_count(m), 2);
	ck_assert_int_eq(shard_migrations_target(m), 10);
	ck_assert_uint_eq(shard_migrations_broken(m), 0);
	shard_migrations_unref(m);
}
END_TEST

START_TEST(duplicate_versions_and_missing_dir)
{
	write_file("1_a.sql", "SELECT 1;");
	write_file("001_b.sql", "SELECT 2;");
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert_ptr_null(shard_migrations_load(mig, &err));
	ck_assert_msg(strstr(err.message, "have the same version 1"), "%s", err.message);
	pgerr_clear(&err);
	ck_assert_ptr_null(shard_migrations_load("/nonexistent/migrations", &err));
	ck_assert_msg(strstr(err.message, "could not open migrations directory"), "%s",
		      err.message);
}
END_TEST

START_TEST(refused_files_are_kept_broken)
{
	write_file("0001_ok.sql", "CREATE TABLE t (a int);");
	write_file("0002_syntax.sql", "CREATE TABLE (;");
	write_file("0003_txn.sql", "BEGIN; CREATE TABLE u (a int); COMMIT;");
	write_file("0004_param.sql", "INSERT INTO t VALUES ($1);");
	struct pgerr err;
	struct shard_migrations *m = shard_migrations_load(mig, &err);
	ck_assert_ptr_nonnull(m);
	ck_assert_uint_eq(shard_migrations_broken(m), 3);
	shard_registry_set_migrations(reg, m);
	pgerr_clear(&err);
	ck_assert_ptr_null(shard_conn_acquire(reg, "acme", &err));
	ck_assert_str_eq(err.sqlstate, "55000");
	ck_assert_int_eq(err.severity, PGERR_FATAL);
	ck_assert_msg(strstr(err.message, "\"0002_syntax.sql\" failed: syntax error"), "%s",
		      err.message);
	ck_assert_int_eq(version_of("acme"), 0);
	ck_assert_int_eq(query_int("acme", "SELECT count(*) FROM sqlite_schema"), 0);
}
END_TEST

START_TEST(lazy_on_first_lend)
{
	write_file("0001_init.sql", "CREATE TABLE acct (id int PRIMARY KEY, bal numeric(12,2));\n"
				    "INSERT INTO acct VALUES (1, 10.50);");
	write_file("0002_more.sql", "ALTER TABLE acct ADD COLUMN note text;\n"
				    "UPDATE acct SET note = 'x' WHERE id = 1;");
	ck_assert_int_eq(use_set(), 2);
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, "acme", &err);
	ck_assert_msg(c != NULL, "%s", err.message);
	shard_conn_release(c);
	ck_assert_int_eq(version_of("acme"), 2);
	ck_assert_int_eq(query_int("acme", "SELECT count(*) FROM acct WHERE note = 'x'"), 1);
}
END_TEST

/* A composite type made in a file serves the file's later statements: a column of it, a cast
 * to it (the file is translated whole before the tenant has the type). */
START_TEST(composite_type_in_same_file)
{
	write_file("0001_types.sql",
		   "CREATE TYPE money2 AS (amount numeric(10,2), cur varchar(3));\n"
		   "CREATE TABLE wallet (id int PRIMARY KEY, m money2);\n"
		   "INSERT INTO wallet VALUES (1, ROW(1.5, 'EUR')::money2), (2, '(2,USD)'::money2);\n"
		   "CREATE TYPE gone AS (a int);\nDROP TYPE gone;");
	ck_assert_int_eq(use_set(), 1);
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, "acme", &err);
	ck_assert_msg(c != NULL, "%s", err.message);
	shard_conn_release(c);
	ck_assert_int_eq(version_of("acme"), 1);
	ck_assert_int_eq(query_int("acme", "SELECT count(*) FROM wallet WHERE m IN "
					   "('(1.50,EUR)', '(2.00,USD)')"),
			 2);
	ck_assert_int_eq(query_int("acme", "SELECT count(*) FROM _shardlite_comptypes WHERE "
					   "type_name = 'gone'"),
			 0);
}
END_TEST

/* A type the file dropped again is unknown to its later statements (42704): the file is
 * kept broken. */
START_TEST(dropped_composite_type_in_same_file)
{
	write_file("0001_types.sql", "CREATE TYPE gone AS (a int);\nDROP TYPE gone;\n"
				     "CREATE TABLE t (g gone);");
	struct pgerr err;
	pgerr_clear(&err);
	struct shard_migrations *m = shard_migrations_load(mig, &err);
	ck_assert_ptr_nonnull(m);
	shard_registry_set_migrations(reg, m);
	ck_assert_uint_eq(shard_migrations_broken(m), 1);
	pgerr_clear(&err);
	ck_assert_ptr_null(shard_conn_acquire(reg, "acme", &err));
	ck_assert_str_eq(err.sqlstate, "55000");
	ck_assert_msg(strstr(err.message, "type \"gone\" does not exist"), "%s", err.message);
}
END_TEST

/* All pending files run in one transaction: the second file's failure undoes the first. */
START_TEST(failure_leaves_tenant_untouched)
{
	write_file("0001_init.sql", "CREATE TABLE t (a int PRIMARY KEY);");
	write_file("0002_dup.sql", "INSERT INTO t VALUES (1);\n\n-- again\nINSERT INTO t VALUES (1);");
	use_set();
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert_ptr_null(shard_conn_acquire(reg, "acme", &err));
	ck_assert_str_eq(err.sqlstate, "55000");
	ck_assert_msg(strstr(err.message, "migration \"0002_dup.sql\" failed: duplicate key"), "%s",
		      err.message);
	ck_assert_str_eq(err.detail, "At line 4 (SQLSTATE 23505): INSERT INTO t VALUES (1)");
	ck_assert_msg(strstr(err.hint, "unchanged at migration version 0"), "%s", err.hint);
	ck_assert_int_eq(version_of("acme"), 0);
	ck_assert_int_eq(query_int("acme", "SELECT count(*) FROM sqlite_schema"), 0);
	/* Fixed file, new set: the same tenant now migrates. */
	write_file("0002_dup.sql", "INSERT INTO t VALUES (1);");
	use_set();
	struct shard_conn *c = shard_conn_acquire(reg, "acme", &err);
	ck_assert_msg(c != NULL, "%s", err.message);
	shard_conn_release(c);
	ck_assert_int_eq(version_of("acme"), 2);
}
END_TEST

START_TEST(new_set_reaches_cached_connections)
{
	write_file("0001_init.sql", "CREATE TABLE t (a int);");
	use_set();
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, "acme", &err);
	ck_assert_ptr_nonnull(c);
	shard_conn_release(c); /* cached, checked against the first set */
	write_file("0002_more.sql", "CREATE TABLE u (a int);");
	ck_assert_int_eq(use_set(), 2);
	c = shard_conn_acquire(reg, "acme", &err);
	ck_assert_ptr_nonnull(c);
	shard_conn_release(c);
	ck_assert_int_eq(version_of("acme"), 2);
}
END_TEST

/* A session's lend that meets the tenant's write lock reports busy with nothing done instead
 * of waiting in SQLite's busy handler; once the lock is let go the check runs again. */
START_TEST(nowait_lend_reports_busy)
{
	write_file("0001_init.sql", "CREATE TABLE t (a int);");
	use_set();
	struct pgerr err;
	pgerr_clear(&err);
	struct shard_conn *holder = shard_conn_acquire(reg, "acme", &err);
	ck_assert_ptr_nonnull(holder);
	ck_assert(shard_exec(holder, "BEGIN IMMEDIATE", &err));
	write_file("0002_more.sql", "CREATE TABLE u (a int);");
	use_set();
	bool busy = false;
	struct shard_conn *c = shard_conn_acquire_nowait(reg, "acme", &busy, &err);
	ck_assert_ptr_nonnull(c);
	ck_assert(busy);
	ck_assert(!shard_conn_migrate(c, &busy, &err));
	ck_assert(busy);
	ck_assert_int_eq(version_of("acme"), 1);
	ck_assert(shard_exec(holder, "COMMIT", &err));
	ck_assert_msg(shard_conn_migrate(c, &busy, &err), "%s", err.message);
	ck_assert(!busy);
	ck_assert_int_eq(version_of("acme"), 2);
	shard_conn_release(c);
	shard_conn_release(holder);
}
END_TEST

START_TEST(tenant_ahead_of_files)
{
	write_file("0001_init.sql", "CREATE TABLE t (a int);");
	write_file("0002_more.sql", "CREATE TABLE u (a int);");
	use_set();
	int from, to;
	struct pgerr err;
	ck_assert_int_eq(shard_tenant_migrate(reg, "acme", &from, &to, &err), SHARD_MIGRATE_APPLIED);
	ck_assert_int_eq(from, 0);
	ck_assert_int_eq(to, 2);
	ck_assert_int_eq(shard_tenant_migrate(reg, "acme", &from, &to, &err), SHARD_MIGRATE_CURRENT);
	ck_assert_int_eq(from, 2);
	ck_assert_int_eq(to, 2);
	char path[192];
	snprintf(path, sizeof(path), "%s/0002_more.sql", mig);
	ck_assert_int_eq(remove(path), 0);
	use_set();
	pgerr_clear(&err);
	ck_assert_int_eq(shard_tenant_migrate(reg, "acme", &from, &to, &err), SHARD_MIGRATE_FAILED);
	ck_assert_str_eq(err.sqlstate, "55000");
	ck_assert_str_eq(err.message, "tenant \"acme\" is at migration version 2, newer than the "
				      "newest migration file (1)");
	ck_assert_ptr_null(shard_conn_acquire(reg, "acme", &err));
	ck_assert_str_eq(err.sqlstate, "55000");
}
END_TEST

static void *lend_once(void *arg)
{
	struct pgerr err;
	struct shard_conn *c = shard_conn_acquire(reg, "acme", &err);
	*(bool *)arg = c != NULL;
	shard_conn_release(c);
	return NULL;
}

/* Both threads find the tenant behind; the write lock and the second look make one migrate. */
START_TEST(two_at_once_migrate_once)
{
	write_file("0001_init.sql", "CREATE TABLE once (n int PRIMARY KEY);\n"
				    "INSERT INTO once VALUES (1);");
	use_set();
	enum { N = 4 };
	pthread_t th[N];
	bool ok[N];
	for (int i = 0; i < N; i++)
		ck_assert_int_eq(pthread_create(&th[i], NULL, lend_once, &ok[i]), 0);
	for (int i = 0; i < N; i++) {
		pthread_join(th[i], NULL);
		ck_assert(ok[i]);
	}
	ck_assert_int_eq(query_int("acme", "SELECT count(*) FROM once"), 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_migrate");
	TCase *tc = tcase_create("migrate");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, which_files_count);
	tcase_add_test(tc, duplicate_versions_and_missing_dir);
	tcase_add_test(tc, refused_files_are_kept_broken);
	tcase_add_test(tc, lazy_on_first_lend);
	tcase_add_test(tc, composite_type_in_same_file);
	tcase_add_test(tc, dropped_composite_type_in_same_file);
	tcase_add_test(tc, failure_leaves_tenant_untouched);
	tcase_add_test(tc, new_set_reaches_cached_connections);
	tcase_add_test(tc, tenant_ahead_of_files);
	tcase_add_test(tc, nowait_lend_reports_busy);
	tcase_add_test(tc, two_at_once_migrate_once);
	suite_add_tcase(s, tc);
	return check_run(s);
}
