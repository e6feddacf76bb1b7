/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_drop.c: tenants created, dropped and renamed under a live registry — the files
 * and the idle pooled connections go, a connection in use or an attachment keeps the tenant
 * (55006), and a borrow that waits for a drop gets a fresh tenant. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shard_fixture.h"
#include "../../check_run.h"

static char dir[64];
static struct shard_registry *reg;

static void setup(void) { reg = shard_fixture_start(dir, "drop", 100); }

static void teardown(void) { shard_fixture_stop(reg, dir); }

static bool has_file(const char *name, const char *suffix)
{
	char path[4096], full[4200];
	ck_assert(shard_tenant_path(reg, name, path, sizeof(path)));
	snprintf(full, sizeof(full), "%s%s", path, suffix);
	return access(full, F_OK) == 0;
}

static int tables(struct shard_conn *c)
{
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(c),
					    "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
					    -1, &vm, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_ROW);
	int n = sqlite3_column_int(vm, 0);
	sqlite3_finalize(vm);
	return n;
}

START_TEST(create_then_exists)
{
	struct pgerr err;
	ck_assert(shard_tenant_create(reg, "acme", &err));
	ck_assert(shard_tenant_exists(reg, "acme"));
	ck_assert(!shard_tenant_create(reg, "acme", &err));
	ck_assert_str_eq(err.sqlstate, "42P04");
	struct shard_conn *c = shard_fixture_acquire(reg, "acme");
	ck_assert_int_eq(tables(c), 0);
	shard_conn_release(c);
}
END_TEST

/* An idle pooled connection is closed by the drop; -wal and -shm go with the file. */
START_TEST(drop_closes_idle_connections)
{
	struct shard_conn *c = shard_fixture_acquire(reg, "acme");
	struct pgerr err;
	ck_assert(shard_exec(c, "CREATE TABLE t (a int); INSERT INTO t VALUES (1)", &err));
	shard_conn_release(c); /* cached idle */
	size_t open, idle, tenants;
	shard_registry_counts(reg, &open, &idle, &tenants);
	ck_assert_uint_eq(idle, 1);
	ck_assert(shard_tenant_drop(reg, "acme", false, NULL, &err));
	ck_assert(!has_file("acme", "") && !has_file("acme", "-wal") && !has_file("acme", "-shm"));
	shard_registry_counts(reg, &open, &idle, &tenants);
	ck_assert_uint_eq(open, 0);
	ck_assert_uint_eq(tenants, 0);
	ck_assert(!shard_tenant_drop(reg, "acme", false, NULL, &err));
	ck_assert_str_eq(err.sqlstate, "3D000");
	c = shard_fixture_acquire(reg, "acme"); /* auto_create: a fresh one */
	ck_assert_int_eq(tables(c), 0);
	shard_conn_release(c);
}
END_TEST

START_TEST(in_use_and_attached_keep_the_tenant)
{
	struct pgerr err;
	struct shard_conn *b = shard_fixture_acquire(reg, "beta");
	shard_conn_release(b);
	struct shard_conn *c = shard_fixture_acquire(reg, "acme");
	ck_assert(!shard_tenant_drop(reg, "acme", false, NULL, &err));
	ck_assert_str_eq(err.sqlstate, "55006");
	ck_assert_str_eq(err.detail, "There is 1 other session using the database.");
	ck_assert(has_file("acme", ""));
	ck_assert(shard_conn_attach(c, "beta", &err));
	ck_assert(!shard_tenant_rename(reg, "beta", "gamma", NULL, &err));
	ck_assert_str_eq(err.sqlstate, "55006");
	ck_assert(shard_conn_detach_all(c));
	ck_assert(shard_tenant_rename(reg, "beta", "gamma", NULL, &err));
	ck_assert(!has_file("beta", "") && has_file("gamma", ""));
	shard_conn_release(c);
	ck_assert(shard_tenant_drop(reg, "acme", false, NULL, &err));
	ck_assert(!shard_tenant_rename(reg, "gamma", "gamma", NULL, &err));
	ck_assert_str_eq(err.sqlstate, "42P04");
}
END_TEST

/* A borrow of a tenant whose drop has started waits for it, then creates a fresh tenant. */
static void *drop_later(void *arg)
{
	struct pgerr err;
	*(bool *)arg = shard_tenant_drop(reg, "acme", false, NULL, &err);
	return NULL;
}

START_TEST(borrow_during_a_drop_gets_a_fresh_tenant)
{
	struct shard_conn *c = shard_fixture_acquire(reg, "acme");
	struct pgerr err;
	ck_assert(shard_exec(c, "CREATE TABLE t (a int)", &err));
	bool dropped = false;
	pthread_t th;
	ck_assert_int_eq(pthread_create(&th, NULL, drop_later, &dropped), 0);
	usleep(300 * 1000); /* the drop has marked acme and waits for c */
	shard_conn_release(c);
	struct shard_conn *d = shard_fixture_acquire(reg, "acme");
	pthread_join(th, NULL);
	ck_assert(dropped);
	ck_assert_int_eq(tables(d), 0);
	shard_conn_release(d);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_drop");
	TCase *tc = tcase_create("drop");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, create_then_exists);
	tcase_add_test(tc, drop_closes_idle_connections);
	tcase_add_test(tc, in_use_and_attached_keep_the_tenant);
	tcase_add_test(tc, borrow_during_a_drop_gets_a_fresh_tenant);
	suite_add_tcase(s, tc);
	return check_run(s);
}
