/* SPDX-License-Identifier: Apache-2.0 */
/* test_database.c: CREATE DATABASE, DROP DATABASE, ALTER DATABASE ... RENAME TO / OWNER TO —
 * the options a tenant can honour accepted into an XLAT_DATABASE statement, the others refused
 * with PostgreSQL's SQLSTATEs (or 0A000 naming them). */
#include <string.h>

#include "xlat_test.h"

static const struct xcase refused[] = {
	{"CREATE DATABASE x ENCODING 'nosuch'", "!42704@19"},
	{"CREATE DATABASE x ENCODING 99", "!42704"},
	{"CREATE DATABASE x ENCODING 'LATIN1'", "!22023"},
	{"CREATE DATABASE x ENCODING 8", "!22023"},
	{"CREATE DATABASE x LOCALE 'en_US.UTF-8'", "!0A000"},
	{"CREATE DATABASE x LC_COLLATE 'de_DE'", "!0A000"},
	{"CREATE DATABASE x LOCALE_PROVIDER icu", "!0A000"},
	{"CREATE DATABASE x LOCALE_PROVIDER nosuch", "!42P17"},
	{"CREATE DATABASE x ICU_LOCALE 'en'", "!0A000"},
	{"CREATE DATABASE x OID 20000", "!0A000"},
	{"CREATE DATABASE x TABLESPACE nosuch", "!42704"},
	{"CREATE DATABASE x TABLESPACE pg_global", "!22023"},
	{"CREATE DATABASE x STRATEGY nosuch", "!22023"},
	{"CREATE DATABASE x ALLOW_CONNECTIONS false", "!0A000"},
	{"CREATE DATABASE x ALLOW_CONNECTIONS maybe", "!42601"},
	{"CREATE DATABASE x IS_TEMPLATE true", "!0A000"},
	{"CREATE DATABASE x CONNECTION LIMIT 5", "!0A000"},
	{"CREATE DATABASE x nosuch 1", "!42601@19"},
	{"ALTER DATABASE x OWNER TO PUBLIC", "!42704"},
	{"ALTER DATABASE x SET work_mem = '1MB'", "!0A000"},
	{"ALTER ROLE ann WITH SUPERUSER", "!0A000@21"},
	{"ALTER ROLE ann NOLOGIN", "!0A000"},
	{"ALTER ROLE ann PASSWORD 'x'", "!0A000"},
	{"ALTER ROLE ann CONNECTION LIMIT 3", "!0A000"},
	{"ALTER ROLE PUBLIC WITH LOGIN", "!42704"},
	{"DROP ROLE ann", "!0A000"},
};

XCASE_TEST(refused_options, refused)

static const struct xlat_database *one(const char *sql, struct arena *a)
{
	struct xlat_stmt *st = xtranslate(sql, NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_DATABASE);
	ck_assert(!st->writes && !st->is_ddl);
	return st->database;
}

START_TEST(accepted)
{
	struct arena *a = arena_new(0);
	const struct xlat_database *d = one("CREATE DATABASE acme WITH TEMPLATE = template0 ENCODING "
					    "= 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C' OWNER = "
					    "ann STRATEGY file_copy CONNECTION LIMIT = -1", a);
	ck_assert_int_eq(d->op, XLAT_DB_CREATE);
	ck_assert_str_eq(d->name, "acme");
	ck_assert_str_eq(d->template_name, "template0");
	ck_assert_str_eq(d->owner, "ann");
	d = one("CREATE DATABASE \"Mixed\" ENCODING 6 LC_CTYPE 'C.UTF-8'", a);
	ck_assert_str_eq(d->name, "Mixed"); /* the session refuses it as a tenant name */
	ck_assert_ptr_null(d->template_name);
	d = one("DROP DATABASE IF EXISTS acme WITH (FORCE)", a);
	ck_assert_int_eq(d->op, XLAT_DB_DROP);
	ck_assert(d->missing_ok && d->force);
	d = one("DROP DATABASE acme", a);
	ck_assert(!d->missing_ok && !d->force);
	d = one("ALTER DATABASE acme RENAME TO beta", a);
	ck_assert_int_eq(d->op, XLAT_DB_RENAME);
	ck_assert_str_eq(d->new_name, "beta");
	d = one("ALTER DATABASE acme OWNER TO CURRENT_USER", a);
	ck_assert_int_eq(d->op, XLAT_DB_OWNER);
	ck_assert_ptr_null(d->owner);
	d = one("ALTER DATABASE acme OWNER TO ann", a);
	ck_assert_str_eq(d->owner, "ann");
	d = one("ALTER ROLE ann WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN "
		"NOREPLICATION NOBYPASSRLS CONNECTION LIMIT -1", a);
	ck_assert_int_eq(d->op, XLAT_DB_ROLE_ALTER);
	ck_assert_str_eq(d->owner, "ann");
	d = one("ALTER ROLE CURRENT_USER WITH LOGIN", a);
	ck_assert_ptr_null(d->owner);
	d = one("CREATE ROLE ann", a);
	ck_assert_int_eq(d->op, XLAT_DB_ROLE_CREATE);
	ck_assert_str_eq(d->name, "ann");
	struct xlat_stmt *st = xtranslate("CREATE DATABASE acme", NULL, 0, 1, a);
	ck_assert_str_eq(st->tag, "CREATE DATABASE");
	arena_free(a);
}
END_TEST

Suite *xlat_suite_database(void)
{
	Suite *s = suite_create("xlat_database");
	TCase *tc = tcase_create("database");
	tcase_add_loop_test(tc, refused_options, 0, (int)(sizeof(refused) / sizeof(refused[0])));
	tcase_add_test(tc, accepted);
	suite_add_tcase(s, tc);
	return s;
}
