/* SPDX-License-Identifier: Apache-2.0 */
/* test_privileges.c: GRANT and REVOKE between users of a users file, through the real binary
 * with libpq (docs/security.md "Privileges"): grants to another user are recorded in the
 * tenant and shown in relacl and information_schema as the granting session and the
 * grantee's own session see them (the grantee's own entry folds into the owner's), unknown
 * roles are 42704, and REVOKE from the owner is refused (0A000). */
#include <check.h>
#include <stdlib.h>

#include "harness.h"
#include "../check_run.h"

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

START_TEST(grants_between_users)
{
	PGconn *ann = harness_connect(&H, "user=ann dbname=team-a");
	harness_exec(ann, "CREATE TABLE t (a int)");
	harness_exec(ann, "GRANT SELECT, UPDATE ON t TO bob");
	harness_exec(ann, "GRANT INSERT ON t TO PUBLIC");
	harness_exec(ann, "GRANT DELETE ON t TO bob WITH GRANT OPTION");
	harness_expect_value(ann, "SELECT relacl::text FROM pg_class WHERE relname = 't'",
			     "{ann=arwdDxt/ann,bob=rwd*/ann,=a/ann}");
	harness_expect_value(ann,
			     "SELECT string_agg(grantee || ':' || privilege_type || ':' || "
			     "is_grantable, ',' ORDER BY grantee, privilege_type) FROM "
			     "information_schema.table_privileges WHERE grantee <> 'ann'",
			     "PUBLIC:INSERT:NO,bob:DELETE:YES,bob:SELECT:NO,bob:UPDATE:NO");
	harness_expect_value(
		ann,
		"SELECT string_agg(r.rolname || ':' || d.privilege_type, ',' ORDER BY "
		"r.rolname, d.privilege_type) FROM aclexplode((SELECT relacl FROM pg_class "
		"WHERE relname = 't')) d JOIN pg_roles r ON r.oid = d.grantee WHERE "
		"r.rolname = 'bob'",
		"bob:DELETE,bob:SELECT,bob:UPDATE");
	harness_exec(ann, "CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql AS 'SELECT i'");
	harness_exec(ann, "REVOKE ALL ON FUNCTION f(int) FROM PUBLIC");
	harness_exec(ann, "GRANT EXECUTE ON FUNCTION f TO bob");
	harness_expect_value(ann, "SELECT proacl::text FROM pg_proc WHERE proname = 'f'",
			     "{ann=X/ann,bob=X/ann}");
	/* information_schema as PostgreSQL's views show that ACL: the owner's grant is
	 * grantable, bob's not; role_routine_grants keeps both (ann, an enabled role, granted
	 * them); bob is a role of his own, not one of ann's */
	harness_expect_value(ann,
			     "SELECT string_agg(grantor || ':' || grantee || ':' || is_grantable, "
			     "',' ORDER BY grantee) FROM information_schema.routine_privileges "
			     "WHERE routine_name = 'f'",
			     "ann:ann:YES,ann:bob:NO");
	harness_expect_value(ann,
			     "SELECT string_agg(grantee, ',' ORDER BY grantee) FROM "
			     "information_schema.role_routine_grants WHERE routine_name = 'f'",
			     "ann,bob");
	harness_expect_value(ann,
			     "SELECT string_agg(role_name, ',' ORDER BY role_name) FROM "
			     "information_schema.enabled_roles",
			     "ann,pg_database_owner");
	harness_exec_fail(ann, "GRANT SELECT ON t TO carol", "42704");
	harness_exec_fail(ann, "REVOKE SELECT ON t FROM ann", "0A000");

	/* bob acts as the owner too: his own grant is part of the owner's entry */
	PGconn *bob = harness_connect(&H, "user=bob dbname=team-a");
	harness_expect_value(bob, "SELECT relacl::text FROM pg_class WHERE relname = 't'",
			     "{bob=arwdDxt/bob,=a/bob}");
	harness_expect_value(bob, "SELECT has_table_privilege('t', 'SELECT, DELETE')", "t");
	harness_exec_fail(bob, "REVOKE SELECT ON t FROM bob", "0A000"); /* bob is the owner here */
	harness_exec(bob, "REVOKE ALL ON t FROM PUBLIC");
	PQfinish(bob);
	harness_exec(ann, "REVOKE ALL ON t FROM bob");
	harness_expect_value(ann, "SELECT relacl::text FROM pg_class WHERE relname = 't'",
			     "{ann=arwdDxt/ann}");
	PQfinish(ann);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("privileges");
	TCase *tc = tcase_create("privileges");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, grants_between_users);
	suite_add_tcase(s, tc);
	return check_run(s);
}
