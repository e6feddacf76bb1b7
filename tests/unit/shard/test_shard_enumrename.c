/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_enumrename.c: ALTER TYPE ... RENAME TO in a table's stored text
 * (shard_enumrename.c): the enum's marks and the casts of the PostgreSQL-text comments follow
 * the new name; other types, longer names, text outside the comments stay. */
#include <check.h>
#include <stdlib.h>

#include "../../../src/shard/shard_int.h"
#include "../../check_run.h"

static const struct {
	const char *def, *from, *to, *want;
} cases[] = {
	{"CREATE TABLE t (s \"js\" CHECK (/* shardlite: pg (s < 'done'::js) */ /* shardlite: pgp "
	 "s < 'done'::js */ /* shardlite: enum order js */ s IN ('a')))",
	 "js", "job",
	 "CREATE TABLE t (s \"js\" CHECK (/* shardlite: pg (s < 'done'::job) */ /* shardlite: pgp "
	 "s < 'done'::job */ /* shardlite: enum order job */ s IN ('a')))"},
	/* js2 and its mark are another type's; '::js' outside a comment is a string's text */
	{"CHECK (/* shardlite: pg (n < 'y'::js2) */ /* shardlite: enum order js2 */ n = '::js')",
	 "js", "job",
	 "CHECK (/* shardlite: pg (n < 'y'::js2) */ /* shardlite: enum order js2 */ n = '::js')"},
	/* quoted names, as pg_get_constraintdef prints them */
	{"CHECK (/* shardlite: pg (m > 'a'::\"Mood\") */ /* shardlite: pg (m > 'a'::\"Mood2\") */ "
	 "/* shardlite: enum order Mood */ /* shardlite: enum label Mood */ m IN ('b'))",
	 "Mood", "New Mood",
	 "CHECK (/* shardlite: pg (m > 'a'::\"New Mood\") */ /* shardlite: pg (m > "
	 "'a'::\"Mood2\") */ /* shardlite: enum order New Mood */ /* shardlite: enum label New "
	 "Mood */ m IN ('b'))"},
	{"CHECK (/* shardlite: pg (m > 'a'::\"Mood\") */ m IN ('b'))", "Mood", "plain",
	 "CHECK (/* shardlite: pg (m > 'a'::plain) */ m IN ('b'))"},
	/* an array cast, another kind of comment, an unclosed one */
	{"/* shardlite: pg (v = '{a}'::js[]) */ /* shardlite: other ::js */ /* shardlite: pg ::js",
	 "js", "j2",
	 "/* shardlite: pg (v = '{a}'::j2[]) */ /* shardlite: other ::js */ /* shardlite: pg ::j2"},
};

START_TEST(renamed)
{
	char *got = shard_enum_rename_text(cases[_i].def, cases[_i].from, cases[_i].to);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, cases[_i].want);
	free(got);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("shard_enumrename");
	TCase *tc = tcase_create("enumrename");
	tcase_add_loop_test(tc, renamed, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	suite_add_tcase(s, tc);
	return s;
}

int main(void) { return check_run(suite()); }
