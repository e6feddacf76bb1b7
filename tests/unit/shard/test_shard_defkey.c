/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_defkey.c: the check of a DEFERRABLE UNIQUE key (shard_defkey.c) on a SQLite
 * database holding the objects xlat_defkey.c makes: the key's mode read from its index's mark,
 * and a row whose key another row holds reported as PostgreSQL's 23505 with its DETAIL. */
#include <check.h>
#include <sqlite3.h>
#include <string.h>

#include "catalog.h"
#include "shard.h"
#include "../../check_run.h"

static sqlite3 *db;

static void setup(void)
{
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(
		sqlite3_exec(db,
			     "CREATE TABLE t (id INTEGER PRIMARY KEY, a int4, b text);"
			     "CREATE INDEX \"k\" " CATALOG_UNIQUE_MARK " " CATALOG_DEFERRABLE_MARK
			     " ON t (a, b);"
			     "CREATE INDEX \"d\" " CATALOG_UNIQUE_MARK " " CATALOG_DEFERRED_MARK
			     " ON t (b);"
			     "CREATE INDEX plain ON t (a);"
			     "INSERT INTO t VALUES (1, 1, 'x'), (2, 1, 'x'), (3, NULL, 'x'), (4, 2, 'y')",
			     NULL, NULL, NULL),
		SQLITE_OK);
}

static void teardown(void) { sqlite3_close(db); }

START_TEST(mode_from_the_mark)
{
	ck_assert_int_eq(shard_defkey_mode(db, "k"), 0);
	ck_assert_int_eq(shard_defkey_mode(db, "d"), 1);
	ck_assert_int_eq(shard_defkey_mode(db, "plain"), -1);
	ck_assert_int_eq(shard_defkey_mode(db, "nosuch"), -1);
}
END_TEST

START_TEST(duplicate_reported_as_postgresql)
{
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert(!shard_defkey_check(db, "k", (sqlite3_int64[]){2}, 1, &err));
	ck_assert_str_eq(err.sqlstate, "23505");
	ck_assert_str_eq(err.message, "duplicate key value violates unique constraint \"k\"");
	ck_assert_str_eq(err.detail, "Key (a, b)=(1, x) already exists.");
	ck_assert_str_eq(err.table_name, "t");
	ck_assert_str_eq(err.constraint_name, "k");
	pgerr_clear(&err);
	ck_assert(shard_defkey_check(db, "d", (sqlite3_int64[]){4}, 1, &err)); /* y is its own */
	ck_assert(!shard_defkey_check(db, "d", (sqlite3_int64[]){4, 3}, 2, &err));
	ck_assert_str_eq(err.detail, "Key (b)=(x) already exists.");
}
END_TEST

START_TEST(nulls_and_gone_rows_pass)
{
	struct pgerr err;
	pgerr_clear(&err);
	/* a NULL in the key, a key of its own, a row deleted since */
	ck_assert(shard_defkey_check(db, "k", (sqlite3_int64[]){3, 4, 99}, 3, &err));
	ck_assert(shard_defkey_check(db, "nosuch", (sqlite3_int64[]){1}, 1, &err));
	ck_assert(!pgerr_is_set(&err));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_defkey");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, mode_from_the_mark);
	tcase_add_test(tc, duplicate_reported_as_postgresql);
	tcase_add_test(tc, nulls_and_gone_rows_pass);
	suite_add_tcase(s, tc);
	return check_run(s);
}
