/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_parthash.c: the extended hash functions of the partition key types and the hash
 * partition test (pgfn_parthash.c) against the numbers a real PostgreSQL 15 gave:
 * hashint4extended(v, 8816678312871386365) and its kin (the seed is HASH_PARTITION_SEED), and
 * the partitions rows landed in (SELECT tableoid::regclass ... of a table with 8 or 4
 * partitions). */
#include "pgfn_test.h"

#define SEED "8816678312871386365"

static const struct {
	const char *expr, *want;
} cases[] = {
	/* int2, int4, int8 hash alike; int8's high half folded in */
	{"pgfn_hash_extended(5, " SEED ", 23)", "-2840406021921404358"},
	{"pgfn_hash_extended(5, " SEED ", 21)", "-2840406021921404358"},
	{"pgfn_hash_extended(5, " SEED ", 20)", "-2840406021921404358"},
	{"pgfn_hash_extended(-7, " SEED ", 23)", "-7298374200968567817"},
	{"pgfn_hash_extended(-9000000000, " SEED ", 20)", "-3065023499747399874"},
	{"pgfn_hash_extended(9000000000, " SEED ", 20)", "4159536986464298896"},
	{"pgfn_hash_extended(5, 0, 23)", "-9138765687874534020"},
	/* bool: hashcharextended of its byte */
	{"pgfn_hash_extended(1, " SEED ", 16)", "5968994663651403477"},
	{"pgfn_hash_extended(0, " SEED ", 16)", "-4403592609991167795"},
	/* text and varchar: hashtextextended of the bytes */
	{"pgfn_hash_extended('abc', " SEED ", 25)", "3628778498291917250"},
	{"pgfn_hash_extended('abc', " SEED ", 1043)", "3628778498291917250"},
	{"pgfn_hash_extended('', " SEED ", 25)", "-5700645584453517373"},
	{"pgfn_hash_extended('héllo wörld, a longer text', " SEED ", 25)", "8540236082535233780"},
	{"pgfn_hash_extended('abc', 0, 25)", "-6747756470228489321"},
	{"pgfn_hash_extended('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', " SEED ", 2950)",
	 "424513190990560493"},
	/* date: the day number; timestamp, timestamptz: microseconds (timestamptz in UTC) */
	{"pgfn_hash_extended('2026-03-01', " SEED ", 1082)", "-8905326623590443867"},
	{"pgfn_hash_extended('0044-03-15 BC', " SEED ", 1082)", "-3071049570728299879"},
	{"pgfn_hash_extended('infinity', " SEED ", 1082)", "-6050265599104649060"},
	{"pgfn_hash_extended('-infinity', " SEED ", 1082)", "4938542303000433043"},
	{"pgfn_hash_extended('2026-03-01 12:34:56.789', " SEED ", 1114)", "-1073483046125071298"},
	{"pgfn_hash_extended('2026-03-01 11:34:56.789+00', " SEED ", 1184)",
	 "-3857027781666617948"},
	{"pgfn_hash_extended('infinity', " SEED ", 1114)", "4938542303000433043"},
	{"pgfn_hash_extended('-infinity', " SEED ", 1114)", "-6050265599104649060"},
	/* float8 and float4 (widened): zero and minus zero are the seed, one NaN */
	{"pgfn_hash_extended(1.5, " SEED ", 701)", "-2826383321045882978"},
	{"pgfn_hash_extended(0.0, " SEED ", 701)", SEED},
	{"pgfn_hash_extended(-0.0, " SEED ", 701)", SEED},
	{"pgfn_hash_extended('NaN', " SEED ", 701)", "-6475869854796787835"},
	{"pgfn_hash_extended(9e999, " SEED ", 701)", "-4970436883654098436"},
	{"pgfn_hash_extended(1.1, " SEED ", 700)", "5226288866980618871"},
	{"pgfn_hash_extended(-2.5, " SEED ", 700)", "7012010752922810947"},
	{"pgfn_hash_extended('NaN', " SEED ", 700)", "-6475869854796787835"},
	/* time: microseconds since midnight; character(n): without its padding */
	{"pgfn_hash_extended('12:34:56.5', " SEED ", 1083)", "1307930828324799635"},
	{"pgfn_hash_extended('ab   ', " SEED ", 1042)", "596009030900183869"},
	{"pgfn_hash_extended('ab', " SEED ", 1042)", "596009030900183869"},
	{"pgfn_hash_extended(NULL, " SEED ", 23)", "NULL"},
	/* a stored value that is not of the type; a type without a hash here */
	{"pgfn_hash_extended('x', " SEED ", 23)",
	 "ERROR 42804: a partition key value stored as \"x\" is not a value of type integer"},
	{"pgfn_hash_extended('not-a-uuid', " SEED ", 2950)",
	 "ERROR 42804: a partition key value stored as \"not-a-uuid\" is not a value of type uuid"},
	{"pgfn_hash_extended(1, " SEED ", 1700)",
	 "ERROR 0A000: the hash of a value of type numeric is not supported"},
	/* the rows of -3..12 and NULL in 8 partitions, as PostgreSQL put them */
	{"(WITH RECURSIVE g(k) AS (SELECT -3 UNION ALL SELECT k + 1 FROM g WHERE k < 12) SELECT "
	 "group_concat(k || ':' || (SELECT r FROM (WITH RECURSIVE s(r) AS (SELECT 0 UNION ALL "
	 "SELECT r + 1 FROM s WHERE r < 7) SELECT r FROM s) WHERE pgfn_hash_partition(8, r, 23, "
	 "k)), ' ') FROM g)",
	 "-3:4 -2:2 -1:5 0:0 1:0 2:2 3:1 4:3 5:5 6:3 7:7 8:5 9:5 10:7 11:1 12:4"},
	{"pgfn_hash_partition(8, 0, 23, NULL)", "1"},
	{"pgfn_hash_partition(8, 1, 23, NULL)", "0"},
	/* two columns (int, text), 4 partitions; NULLs are left out of the row hash */
	{"pgfn_hash_partition(4, 1, 23, 1, 25, 'a')", "1"},
	{"pgfn_hash_partition(4, 1, 23, 1, 25, 'b')", "1"},
	{"pgfn_hash_partition(4, 0, 23, 1, 25, NULL)", "1"},
	{"pgfn_hash_partition(4, 2, 23, 2, 25, 'a')", "1"},
	{"pgfn_hash_partition(4, 0, 23, 7, 25, 'zz')", "1"},
	{"pgfn_hash_partition(4, 2, 23, NULL, 25, 'a')", "1"},
	{"pgfn_hash_partition(4, 0, 23, NULL, 25, NULL)", "1"},
	{"pgfn_hash_partition(4, 3, 23, 7, 25, 'zz')", "0"},
	/* deterministic and innocuous: views and triggers of the file call it */
	{"(SELECT flags & 0x280800 FROM pragma_function_list WHERE name = "
	 "'pgfn_hash_partition')",
	 "2099200"},
};

START_TEST(parthash_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

Suite *pgfn_test_parthash_suite(void)
{
	Suite *s = suite_create("pgfn_parthash");
	TCase *tc = tcase_create("cases");
	tcase_add_loop_test(tc, parthash_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	suite_add_tcase(s, tc);
	return s;
}
