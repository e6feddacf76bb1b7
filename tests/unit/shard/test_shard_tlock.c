/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_tlock.c: the table-lock manager (shard_tlock.c) — PostgreSQL's conflict table
 * ("Explicit Locking", table 13.2) row by row, its symmetry, the mode names pg_locks shows,
 * and locks between two sessions of a tenant: a conflict waits, another tenant's table does
 * not, NOWAIT-style requests record no wait, release at transaction end, and a cycle of
 * two waits is a deadlock. */
#include <check.h>

#include "shard.h"
#include "../../check_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Table 13.2, "Conflicting Lock Modes": X where the requested mode (row) conflicts with the
 * mode held (column), both in PostgreSQL's order ACCESS SHARE .. ACCESS EXCLUSIVE. */
static const char *const table_13_2[8] = {
	".......X", "......XX", "....XXXX", "...XXXXX",
	"..XX.XXX", "..XXXXXX", ".XXXXXXX", "XXXXXXXX",
};

START_TEST(conflict_table_is_postgresqls)
{
	for (int a = 1; a <= 8; a++) {
		for (int b = 1; b <= 8; b++) {
			bool want = table_13_2[a - 1][b - 1] == 'X';
			ck_assert_msg(shard_lockmode_conflicts(a, b) == want, "%d vs %d", a, b);
			ck_assert(shard_lockmode_conflicts(a, b) == shard_lockmode_conflicts(b, a));
		}
	}
	ck_assert(!shard_lockmode_conflicts(0, 8));
	ck_assert(!shard_lockmode_conflicts(9, 1));
}
END_TEST

START_TEST(mode_names)
{
	ck_assert_str_eq(shard_lockmode_name(SHARD_LOCK_ACCESS_SHARE), "AccessShareLock");
	ck_assert_str_eq(shard_lockmode_name(SHARD_LOCK_SHARE_UPDATE_EXCLUSIVE),
			 "ShareUpdateExclusiveLock");
	ck_assert_str_eq(shard_lockmode_name(SHARD_LOCK_ACCESS_EXCLUSIVE), "AccessExclusiveLock");
	ck_assert_ptr_null(shard_lockmode_name(0));
	ck_assert_ptr_null(shard_lockmode_name(SHARD_LOCK_NMODES));
}
END_TEST

START_TEST(sessions_wait_and_deadlock)
{
	char dir[] = "/tmp/tlock-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	struct shard_opts opts = {.data_dir = dir, .auto_create = true, .max_open_tenants = 10};
	struct pgerr err;
	struct shard_registry *r = shard_registry_new(&opts, &err);
	ck_assert_ptr_nonnull(r);
	struct shard_client *a = shard_client_new(r, "acme", 1, NULL, NULL);
	struct shard_client *b = shard_client_new(r, "acme", 2, NULL, NULL);
	struct shard_client *o = shard_client_new(r, "other", 3, NULL, NULL);
	ck_assert_int_eq(shard_tlock_acquire(a, "t", SHARD_LOCK_SHARE, true, false),
			 SHARD_TLOCK_GRANTED);
	ck_assert_int_eq(shard_tlock_acquire(b, "T", SHARD_LOCK_SHARE, true, false),
			 SHARD_TLOCK_GRANTED); /* SHARE does not conflict with itself */
	ck_assert_int_eq(shard_tlock_acquire(b, "t", SHARD_LOCK_ROW_EXCLUSIVE, false, false),
			 SHARD_TLOCK_WAIT);
	ck_assert_int_eq(shard_tlock_acquire(o, "t", SHARD_LOCK_ACCESS_EXCLUSIVE, true, false),
			 SHARD_TLOCK_GRANTED); /* another tenant's t */
	shard_client_xact_end(b, false);
	ck_assert_int_eq(shard_tlock_acquire(a, "u", SHARD_LOCK_ACCESS_EXCLUSIVE, true, false),
			 SHARD_TLOCK_GRANTED);
	ck_assert_int_eq(shard_tlock_acquire(b, "v", SHARD_LOCK_ACCESS_EXCLUSIVE, true, false),
			 SHARD_TLOCK_GRANTED);
	/* a waits for b's v; b asking for a's u closes the cycle */
	ck_assert_int_eq(shard_tlock_acquire(a, "v", SHARD_LOCK_ACCESS_SHARE, true, false),
			 SHARD_TLOCK_WAIT);
	struct arena *ar = arena_new(0);
	struct shard_tlock_info *v = NULL;
	size_t n = shard_tlock_list(r, "acme", ar, &v);
	ck_assert_uint_eq(n, 4); /* a's t and u, b's v, a's wait */
	ck_assert(!v[n - 1].granted && v[n - 1].pid == 1 && strcmp(v[n - 1].table, "v") == 0);
	ck_assert_int_eq(shard_tlock_acquire(b, "u", SHARD_LOCK_ROW_SHARE, true, false),
			 SHARD_TLOCK_DEADLOCK);
	shard_client_xact_end(b, false); /* b's v let go: a's wait is granted when asked again */
	ck_assert_int_eq(shard_tlock_acquire(a, "v", SHARD_LOCK_ACCESS_SHARE, true, false),
			 SHARD_TLOCK_GRANTED);
	shard_client_xact_end(a, false);
	ck_assert_uint_eq(shard_tlock_list(r, "acme", ar, &v), 0);
	arena_free(ar);
	shard_client_free(a);
	shard_client_free(b);
	shard_client_free(o);
	shard_registry_free(r);
	char cmd[64];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_tlock");
	TCase *tc = tcase_create("tlock");
	tcase_add_test(tc, conflict_table_is_postgresqls);
	tcase_add_test(tc, mode_names);
	tcase_add_test(tc, sessions_wait_and_deadlock);
	suite_add_tcase(s, tc);
	return check_run(s);
}
