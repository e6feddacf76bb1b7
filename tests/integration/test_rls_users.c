/* SPDX-License-Identifier: Apache-2.0 */
/* test_rls_users.c: row-level security between two users of a users file, through the real
 * binary with libpq (docs/sql-compat.md "Row-level security"): policies over current_user and
 * over a TO list show each user its own rows and check the rows each writes, a policy naming
 * an unknown role is 42704, SET ROLE to the other user is 42501, and current_setting() in a
 * policy follows each session's setting. */
#include <check.h>
#include <stdlib.h>

#include "../check_run.h"
#include "harness.h"

static struct harness H;

static void setup(void)
{
	static const char users[] = "ann md5"
				    "00000000000000000000000000000000 team-*\n"
				    "bob md5"
				    "00000000000000000000000000000000 team-*\n";
	const char *args[] = {"auth.unix=trust", NULL};
	harness_start_with_users(&H, users, args);
}

static void teardown(void) { harness_stop(&H); }

START_TEST(rows_per_user)
{
	PGconn *ann = harness_connect(&H, "user=ann dbname=team-a");
	harness_exec(ann, "CREATE TABLE notes (id int PRIMARY KEY, author text DEFAULT "
			  "current_user, org int, body text)");
	harness_exec(ann, "INSERT INTO notes VALUES (1, 'ann', 1, 'a1'), (2, 'bob', 1, 'b1'), "
			  "(3, 'bob', 2, 'b2')");
	harness_exec(ann, "ALTER TABLE notes ENABLE ROW LEVEL SECURITY");
	harness_exec(ann, "ALTER TABLE notes FORCE ROW LEVEL SECURITY");
	harness_exec(ann, "CREATE POLICY mine ON notes USING (author = current_user)");
	harness_exec(ann, "CREATE POLICY org ON notes FOR SELECT TO bob USING (org = "
			  "current_setting('app.org', true)::int)");
	harness_exec_fail(ann, "CREATE POLICY x ON notes TO carol USING (true)", "42704");
	harness_expect_value(ann, "SELECT string_agg(id::text, ',' ORDER BY id) FROM notes", "1");
	harness_expect_value(ann,
			     "SELECT array_to_string(roles, ',') FROM pg_policies WHERE "
			     "policyname = 'org'",
			     "bob");

	PGconn *bob = harness_connect(&H, "user=bob dbname=team-a");
	harness_expect_value(bob, "SELECT string_agg(id::text, ',' ORDER BY id) FROM notes", "2,3");
	harness_exec(bob, "SET app.org = '1'");
	harness_expect_value(bob, "SELECT string_agg(id::text, ',' ORDER BY id) FROM notes",
			     "1,2,3");
	harness_exec(bob, "SET app.org = '2'");
	harness_expect_value(bob, "SELECT string_agg(id::text, ',' ORDER BY id) FROM notes", "2,3");
	/* the org policy is bob's only: ann's session does not see org 1's rows by it */
	harness_exec(ann, "SET app.org = '1'");
	harness_expect_value(ann, "SELECT string_agg(id::text, ',' ORDER BY id) FROM notes", "1");
	/* writes: the ALL policy's USING checks each new row against its writer */
	harness_exec(bob, "INSERT INTO notes (id, org, body) VALUES (4, 2, 'b3')");
	harness_exec_fail(bob, "INSERT INTO notes VALUES (5, 'ann', 2, 'forged')", "42501");
	harness_exec_fail(bob, "UPDATE notes SET author = 'ann' WHERE id = 4", "42501");
	harness_expect_value(bob, "DELETE FROM notes WHERE id IN (1, 4) RETURNING id", "4");
	harness_expect_value(ann, "SELECT count(*) FROM notes WHERE id = 1", "1");
	harness_exec_fail(bob, "SET ROLE ann", "42501");
	harness_exec(bob, "SET ROLE bob");
	harness_exec(bob, "RESET ROLE");
	harness_exec(bob, "SET row_security = off");
	harness_exec_fail(bob, "SELECT * FROM notes", "42501");
	PQfinish(bob);
	harness_exec(ann, "ALTER TABLE notes NO FORCE ROW LEVEL SECURITY");
	harness_expect_value(ann, "SELECT count(*) FROM notes", "3");
	PQfinish(ann);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rls_users");
	TCase *tc = tcase_create("rls_users");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, rows_per_user);
	suite_add_tcase(s, tc);
	return check_run(s);
}
