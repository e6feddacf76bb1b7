/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard.c: tenant name rules, the on-disk layout, connection settings, and the SQLite
 * result code → SQLSTATE table. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shard_fixture.h"
#include "../../check_run.h"

static char dir[64];
static struct shard_registry *reg;

static void setup(void)
{
	reg = shard_fixture_start(dir, "unit", 0);
}

static void teardown(void) { shard_fixture_stop(reg, dir); }

START_TEST(names_accepted_and_folded)
{
	static const char *const good[][2] = {
		{"acme", "acme"}, {"ACME", "acme"}, {"a", "a"}, {"0day", "0day"},
		{"team-7_x", "team-7_x"},
		{"abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0",
		 "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0"},
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char out[SHARD_TENANT_MAX + 1];
		struct pgerr err;
		ck_assert_msg(shard_tenant_name_check(good[i][0], out, &err), "%s", good[i][0]);
		ck_assert_str_eq(out, good[i][1]);
	}
}
END_TEST

START_TEST(names_refused)
{
	static const char *const bad[] = {
		"", "..", ".", "a/b", "../x", "-a", "_a", "a b", "a.b", "a\\b", "é", "a\n",
		"abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char out[SHARD_TENANT_MAX + 1];
		struct pgerr err;
		pgerr_clear(&err);
		ck_assert_msg(!shard_tenant_name_check(bad[i], out, &err), "accepted \"%s\"", bad[i]);
		ck_assert_str_eq(err.sqlstate, "3D000");
		ck_assert_int_eq(err.severity, PGERR_FATAL);
		ck_assert_ptr_nonnull(strstr(err.message, "invalid tenant name"));
	}
}
END_TEST

START_TEST(paths_fan_out_under_data_dir)
{
	char p1[4096], p2[4096];
	ck_assert(shard_tenant_path(reg, "acme", p1, sizeof(p1)));
	ck_assert(shard_tenant_path(reg, "acme", p2, sizeof(p2)));
	ck_assert_str_eq(p1, p2); /* stable */
	ck_assert(strncmp(p1, dir, strlen(dir)) == 0);
	ck_assert_ptr_nonnull(strstr(p1, "/tenants/"));
	ck_assert(strcmp(p1 + strlen(p1) - 8, "/acme.db") == 0);
	/* 1000 names spread over many directories */
	int seen[256] = {0}, dirs = 0;
	for (int i = 0; i < 1000; i++) {
		char name[16];
		snprintf(name, sizeof(name), "t%d", i);
		ck_assert(shard_tenant_path(reg, name, p1, sizeof(p1)));
		unsigned hh;
		ck_assert_int_eq(sscanf(p1 + strlen(dir) + strlen("/tenants/"), "%2x", &hh), 1);
		if (!seen[hh]++)
			dirs++;
	}
	ck_assert_int_gt(dirs, 200);
	char tiny[8];
	ck_assert(!shard_tenant_path(reg, "acme", tiny, sizeof(tiny)));
}
END_TEST

START_TEST(open_creates_wal_file)
{
	struct pgerr err;
	struct shard_conn *c = shard_conn_open(reg, "acme", &err);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(shard_conn_tenant(c), "acme");
	sqlite3_stmt *vm;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(c), "PRAGMA journal_mode", -1, &vm, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(vm, 0), "wal");
	sqlite3_finalize(vm);
	ck_assert(shard_exec(c, "CREATE TABLE t (v int)", &err));
	shard_conn_close(c);
	char path[4096];
	ck_assert(shard_tenant_path(reg, "acme", path, sizeof(path)));
	ck_assert_int_eq(access(path, F_OK), 0);
}
END_TEST

/* Out of file descriptors is the process's limit, said as 53000 with a hint, not an I/O
 * error of the tenant's file. */
START_TEST(out_of_descriptors_is_53000)
{
	struct pgerr err;
	struct shard_conn *first = shard_conn_open(reg, "acme", &err);
	ck_assert_ptr_nonnull(first);
	struct rlimit saved, low;
	ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &saved), 0);
	low = saved;
	low.rlim_cur = 64;
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &low), 0);
	struct shard_conn *open[64] = {0};
	int n = 0;
	pgerr_clear(&err);
	while (n < 64 && (open[n] = shard_conn_open(reg, "acme", &err)) != NULL)
		n++;
	ck_assert_int_lt(n, 64);
	ck_assert_str_eq(err.sqlstate, "53000");
	ck_assert_str_eq(err.message, "could not open the tenant's file: too many open files");
	for (int i = 0; i < n; i++)
		shard_conn_close(open[i]);
	shard_conn_close(first);
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &saved), 0);
}
END_TEST

START_TEST(no_auto_create)
{
	struct shard_opts o = {.data_dir = dir, .auto_create = false};
	struct pgerr err;
	struct shard_registry *r = shard_registry_new(&o, &err);
	ck_assert_ptr_null(shard_conn_open(r, "missing", &err));
	ck_assert_str_eq(err.sqlstate, "3D000");
	shard_registry_free(r);
}
END_TEST

/* Runs sql on a fresh connection and returns the mapped SQLSTATE. */
static const char *state_of(struct shard_conn *c, const char *sql, struct pgerr *err)
{
	pgerr_clear(err);
	if (shard_exec(c, sql, err))
		return "00000";
	return err->sqlstate;
}

START_TEST(sqlite_errors_map_to_sqlstates)
{
	struct pgerr err;
	struct shard_conn *c = shard_conn_open(reg, "errs", &err);
	ck_assert(shard_exec(c,
			     "CREATE TABLE p (id INTEGER PRIMARY KEY);"
			     "CREATE TABLE t (id int PRIMARY KEY, u text UNIQUE, n text NOT NULL, "
			     "k int CONSTRAINT k_positive CHECK (k > 0), p int REFERENCES p(id));"
			     "INSERT INTO p VALUES (1); INSERT INTO t VALUES (1, 'a', 'x', 1, 1);",
			     &err));
	ck_assert_str_eq(state_of(c, "INSERT INTO t VALUES (1, 'b', 'x', 1, 1)", &err), "23505");
	ck_assert_str_eq(err.message, "duplicate key value violates unique constraint \"t_pkey\"");
	ck_assert_str_eq(state_of(c, "INSERT INTO t VALUES (2, 'a', 'x', 1, 1)", &err), "23505");
	ck_assert_str_eq(err.message, "duplicate key value violates unique constraint \"t_u_key\"");
	ck_assert_str_eq(err.detail, "Key (u) already exists.");
	ck_assert_str_eq(err.schema_name, "public");
	ck_assert_str_eq(err.table_name, "t");
	ck_assert_str_eq(err.constraint_name, "t_u_key");
	ck_assert_str_eq(state_of(c, "INSERT INTO t VALUES (3, 'c', NULL, 1, 1)", &err), "23502");
	ck_assert_str_eq(err.message,
			 "null value in column \"n\" of relation \"t\" violates not-null constraint");
	ck_assert_str_eq(err.column_name, "n");
	ck_assert_str_eq(err.table_name, "t");
	ck_assert_str_eq(state_of(c, "INSERT INTO t VALUES (4, 'd', 'x', -1, 1)", &err), "23514");
	ck_assert_str_eq(err.message,
			 "new row for relation \"t\" violates check constraint \"k_positive\"");
	ck_assert_str_eq(err.table_name, "t");
	ck_assert_str_eq(err.constraint_name, "k_positive");
	ck_assert_str_eq(state_of(c, "INSERT INTO t VALUES (5, 'e', 'x', 1, 99)", &err), "23503");
	/* A named constraint and a unique index are reported by their own names. */
	ck_assert(shard_exec(c,
			     "CREATE TABLE sq (id int, e text, f text, CONSTRAINT \"UQ_x\" UNIQUE (e));"
			     "CREATE UNIQUE INDEX sq_f_idx ON sq (f); INSERT INTO sq VALUES (1, 'a', 'a');",
			     &err));
	ck_assert_str_eq(state_of(c, "INSERT INTO sq VALUES (2, 'a', 'b')", &err), "23505");
	ck_assert_str_eq(err.message, "duplicate key value violates unique constraint \"UQ_x\"");
	ck_assert_str_eq(err.constraint_name, "UQ_x");
	ck_assert_str_eq(state_of(c, "INSERT INTO sq VALUES (3, 'b', 'a')", &err), "23505");
	ck_assert_str_eq(err.constraint_name, "sq_f_idx");
	ck_assert_str_eq(state_of(c, "SELECT * FROM nope", &err), "42P01");
	ck_assert_str_eq(err.message, "relation \"nope\" does not exist");
	ck_assert_str_eq(state_of(c, "SELECT nope FROM t", &err), "42703");
	ck_assert_str_eq(state_of(c, "SELECT \"nope\" FROM t", &err), "42703");
	ck_assert_str_eq(state_of(c, "CREATE TABLE t (x int)", &err), "42P07");
	ck_assert_str_eq(err.message, "relation \"t\" already exists");
	ck_assert_str_eq(state_of(c, "CREATE TABLE sq_f_idx (x int)", &err), "42P07");
	ck_assert_str_eq(err.message, "relation \"sq_f_idx\" already exists");
	ck_assert_str_eq(state_of(c, "INSERT INTO sq (nope) VALUES (1)", &err), "42703");
	ck_assert_str_eq(err.message, "column \"nope\" of relation \"sq\" does not exist");
	ck_assert_str_eq(state_of(c, "INSERT INTO sq VALUES (1, 2, 3, 4)", &err), "42601");
	ck_assert_str_eq(err.message, "INSERT has more expressions than target columns");
	ck_assert_str_eq(state_of(c, "INSERT INTO sq (id, e) VALUES (1)", &err), "42601");
	ck_assert_str_eq(err.message, "INSERT has more target columns than expressions");
	ck_assert_str_eq(state_of(c, "SELECT 1 WHERE 1 IN (SELECT 1, 2)", &err), "42601");
	ck_assert_str_eq(err.message, "subquery has too many columns");
	ck_assert_str_eq(state_of(c, "SELECT id FROM t, p", &err), "42702");
	ck_assert_str_eq(err.message, "column reference \"id\" is ambiguous");
	ck_assert_str_eq(state_of(c, "DROP VIEW nope", &err), "42P01");
	ck_assert_str_eq(err.message, "view \"nope\" does not exist");
	ck_assert_str_eq(state_of(c, "DROP INDEX nope", &err), "42704");
	ck_assert_str_eq(err.message, "index \"nope\" does not exist");
	ck_assert_str_eq(state_of(c, "SELECT nofunc(1)", &err), "42883");
	ck_assert_str_eq(state_of(c, "SELEC 1", &err), "42601");
	ck_assert_str_eq(state_of(c, "RELEASE nope", &err), "3B001");
	/* a row value where SQLite has none: a construct not supported, not a syntax error */
	ck_assert_str_eq(state_of(c, "SELECT (1, 2) + 1", &err), "0A000");
	/* ADD COLUMN whose CHECK its default fails on the rows there: a check violation */
	ck_assert_str_eq(state_of(c, "ALTER TABLE p ADD COLUMN q int CHECK (q > 0) DEFAULT 0",
				  &err),
			 "23514");
	/* SQLite's limits on DROP COLUMN, which PostgreSQL has not: refused, not internal */
	ck_assert_str_eq(state_of(c, "CREATE TABLE one (a int); ALTER TABLE one DROP COLUMN a",
				  &err),
			 "0A000");
	ck_assert_str_eq(state_of(c, "CREATE TABLE pk (a int PRIMARY KEY, b int); ALTER TABLE pk "
				     "DROP COLUMN a",
				  &err),
			 "0A000");
	shard_conn_close(c);
	ck_assert_str_eq((shard_error(NULL, SQLITE_NOMEM, &err), err.sqlstate), "53200");
	ck_assert_str_eq((shard_error(NULL, SQLITE_TOOBIG, &err), err.sqlstate), "54000");
	ck_assert_str_eq((shard_error(NULL, SQLITE_INTERRUPT, &err), err.sqlstate), "57014");
	ck_assert_str_eq((shard_error(NULL, SQLITE_BUSY, &err), err.sqlstate), "55P03");
	ck_assert_str_eq((shard_error(NULL, SQLITE_BUSY_SNAPSHOT, &err), err.sqlstate), "40001");
	ck_assert_str_eq((shard_error(NULL, SQLITE_READONLY, &err), err.sqlstate), "25006");
	ck_assert_str_eq((shard_error(NULL, SQLITE_CORRUPT, &err), err.sqlstate), "XX001");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, names_accepted_and_folded);
	tcase_add_test(tc, names_refused);
	tcase_add_test(tc, paths_fan_out_under_data_dir);
	tcase_add_test(tc, open_creates_wal_file);
	tcase_add_test(tc, no_auto_create);
	tcase_add_test(tc, out_of_descriptors_is_53000);
	tcase_add_test(tc, sqlite_errors_map_to_sqlstates);
	suite_add_tcase(s, tc);
	return check_run(s);
}
