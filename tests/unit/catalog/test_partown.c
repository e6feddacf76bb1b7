/* SPDX-License-Identifier: Apache-2.0 */
/* test_partown.c: a partition's own index as a partial index of its partitioned table
 * (catalog_partown.c): the text made from the partition's CREATE INDEX, which SQLite accepts,
 * and what the catalog reads back from it (the partition, the predicate without the bound). */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "../../../src/catalog/catalog_int.h"
#include "../../check_run.h"

START_TEST(test_index_parts)
{
	struct cat_index_parts ip;
	const char *sql = "CREATE UNIQUE INDEX \"i\" /* shardlite: USING btree INCLUDE 1 */ ON "
			  "\"t\" (a, coalesce(b, '(')) WHERE a > 0";
	ck_assert(cat_scan_index_parts(sql, &ip));
	ck_assert_int_eq((int)(ip.table_end - ip.table), 3);
	ck_assert(strncmp(ip.table, "\"t\"", 3) == 0);
	ck_assert_str_eq(ip.keys_end, " WHERE a > 0");
	ck_assert_str_eq(ip.pred, "a > 0");
	ck_assert(cat_scan_index_parts("CREATE INDEX i ON t (a)", &ip));
	ck_assert_ptr_null(ip.where);
	ck_assert(!cat_scan_index_parts("CREATE INDEX i", &ip));
}
END_TEST

/* The index made on the parent, and read back as the partition's. */
static void round_trip(const char *sql, const char *want_pred)
{
	const char *cond = "(\"k\" IS NOT NULL AND \"k\" IN ('a'))";
	char *made = cat_partown_index_sql(sql, "m", "p", cond);
	ck_assert_ptr_nonnull(made);
	ck_assert_ptr_nonnull(strstr(made, CAT_PARTINDEX_MARK "\"p\" "));
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE m (k text, v int)", NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, made, NULL, NULL, NULL) == SQLITE_OK, "%s: %s", made,
		      sqlite3_errmsg(db));
	/* unique within the partition's rows only */
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO m VALUES ('a', 1), ('b', 1), ('b', 1)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	struct arena *a = arena_new(0);
	const char **keys = NULL, *pred = NULL, *part = NULL;
	int nkeys = 0;
	cat_scan_index(a, made, &keys, &nkeys, &pred);
	const char *own = cat_partown_pred(a, made, pred, &part);
	ck_assert_str_eq(part, "p");
	if (want_pred)
		ck_assert_str_eq(own, want_pred);
	else
		ck_assert_ptr_null(own);
	ck_assert_int_eq(nkeys, 1);
	arena_free(a);
	sqlite3_free(made);
}

START_TEST(test_round_trip)
{
	round_trip("CREATE UNIQUE INDEX i ON p (v)", NULL);
	round_trip("CREATE UNIQUE INDEX i ON \"p\" (v) WHERE v > 0", "v > 0");
	round_trip("CREATE UNIQUE INDEX i ON p (v) WHERE /* shardlite: pg (v > 0) */ v > 0",
		   "/* shardlite: pg (v > 0) */ v > 0");
}
END_TEST

START_TEST(test_not_a_partition_index)
{
	struct arena *a = arena_new(0);
	const char *part = "x";
	ck_assert_str_eq(cat_partown_pred(a, "CREATE INDEX i ON t (a) WHERE a > 0", "a > 0", &part),
			 "a > 0");
	ck_assert_ptr_null(part);
	arena_free(a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("partown");
	TCase *tc = tcase_create("index");
	tcase_add_test(tc, test_index_parts);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_not_a_partition_index);
	suite_add_tcase(s, tc);
	return check_run(s);
}
