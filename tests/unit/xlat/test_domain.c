/* SPDX-License-Identifier: Apache-2.0 */
/* test_domain.c: domains in translation, table-driven — CREATE DOMAIN's writer call, a domain
 * column's base type, named CHECKs and marked DEFAULT, casts through pgfn_domain_check (run by
 * SQLite with pgfn registered), DROP DOMAIN, and the places a domain is refused (0A000). */
#include "xlat_test.h"

#include <sqlite3.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "pgfn.h"

#define SIDECAR                                                                                   \
	"CREATE TABLE IF NOT EXISTS _shardlite_domains (domain_name TEXT NOT NULL, conname TEXT " \
	"NOT NULL, base TEXT, \"notnull\" INTEGER, dflt TEXT, check_expr TEXT, PRIMARY KEY "      \
	"(domain_name, conname)); "
/* a change of a domain's constraints is refused while a view casts to it (or one over it) */
#define VIEWS(name)                                                                              \
	"; SELECT shardlite_raise('0A000', 'ALTER DOMAIN changing the constraints of a domain a " \
	"view casts to is not supported (view \"' || name || '\")') FROM (SELECT name, sql "    \
	"FROM main.sqlite_schema UNION ALL SELECT name, sql FROM temp.sqlite_schema) WHERE "      \
	"instr(sql, 'pgfn_domain_check(') AND (instr(sql, ', ''" name "'', ')) LIMIT 1"
#define BUMP                                                                                 \
	"; DROP INDEX IF EXISTS _shardlite_domains_v; CREATE INDEX _shardlite_domains_v ON " \
	"_shardlite_domains (base)"

/* contact(id int4, mail text of email, qty int4 of posint); email, posint, money2 */
static const struct xlat_schema_col contact_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},
	{"mail", 25, -1, 0, NULL, false, false, false},
	{"qty", 23, -1, 0, NULL, false, false, false}};
static const char *const email_names[] = {"email_check"};
static const char *const email_checks[] = {"value ~ '^[^@]+@[^@]+$'"};
static const char *const posint_names[] = {"a_small", "posint_check"};
static const char *const posint_checks[] = {"value < 100", "value > 0"};
static const char *const email_tables[] = {"contact"};
static const char *const email_cols[] = {"mail"};
static const char *const posint_cols[] = {"qty"};
/* pos1 int4 CHECK (VALUE > 0) DEFAULT 7; small1 AS pos1 NOT NULL CHECK (VALUE < 50) */
static const char *const pos1_names[] = {"p_pos"};
static const char *const pos1_checks[] = {"value > 0"};
static const char *const small1_names[] = {"a_small"};
static const char *const small1_checks[] = {"value < 50"};
static const struct xlat_domain domains[] = {
	{"email", 41001, 41002, "text", false, NULL, email_names, email_checks, 1, email_tables,
	 email_cols, 1, NULL},
	{"posint", 41003, 41004, "int4", true, "1", posint_names, posint_checks, 2, email_tables,
	 posint_cols, 1, NULL},
	{"money2", 41005, 41006, "numeric(12,2)", false, NULL, NULL, NULL, 0, NULL, NULL, 0, NULL},
	{"pos1", 41007, 41008, "int4", false, "7", pos1_names, pos1_checks, 1, NULL, NULL, 0, NULL},
	{"small1", 41009, 41010, "int4", true, "7", small1_names, small1_checks, 1, NULL, NULL, 0,
	 "pos1"},
	{"intarr", 41011, 41012, "int4[]", false, NULL, NULL, NULL, 0, NULL, NULL, 0, NULL},
	{NULL, 0, 0, NULL, false, NULL, NULL, NULL, 0, NULL, NULL, 0, NULL},
};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	if (strcasecmp(name, "contact") != 0)
		return false;
	*cols = contact_cols;
	*ncols = ARRAY_LEN(contact_cols);
	return true;
}

static const struct xlat_schema schema = {
	.table_fn = table_fn, .fingerprint = 0xd0d0, .domains = domains};

#define EMAIL_CHECK "'email_check', 'SELECT pg_regex(?1, ''^[^@]+@[^@]+$'', 0)'"
#define POSINT_CHECKS "'a_small', 'SELECT ?1 < 100', 'posint_check', 'SELECT ?1 > 0'"

static const struct {
	const char *pg, *sql;
	uint32_t col0; /* the first result column's type, 0: not checked */
} cases[] = {
	{"CREATE DOMAIN d AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0) CHECK (VALUE < 9)",
	 SIDECAR "SELECT shardlite_domain('create', 'd', 'int4', 1, '1', 'd_check', "
		 "'/* shardlite: pg (VALUE > 0) */ /* shardlite: pgp VALUE > 0 */ value > 0', "
		 "'d_check1', '/* shardlite: pg (VALUE < 9) */ /* shardlite: pgp VALUE < 9 */ "
		 "value < 9')" BUMP,
	 0},
	{"CREATE DOMAIN public.\"Mail\" text CONSTRAINT ok CHECK (length(VALUE) > 3) NULL",
	 SIDECAR "SELECT shardlite_domain('create', 'Mail', 'text', 0, NULL, 'ok', "
		 "'/* shardlite: pg (length(VALUE) > 3) */ /* shardlite: pgp length(VALUE) > 3 */ "
		 "length(value) > 3')" BUMP,
	 0},
	{"CREATE DOMAIN c AS varchar(5) COLLATE \"C\" CHECK (VALUE <> '')",
	 SIDECAR "SELECT shardlite_domain('create', 'c', 'character varying(5)', 0, NULL, "
		 "'c_check', '/* shardlite: pg ((VALUE)::text <> ''''::text) */ /* shardlite: pgp "
		 "VALUE::text <> ''''::text */ value <> ''''')" BUMP,
	 0},
	{"CREATE DOMAIN m AS numeric(12,2) DEFAULT 0",
	 SIDECAR "SELECT shardlite_domain('create', 'm', 'numeric(12,2)', 0, '0')" BUMP, 0},
	{"CREATE TABLE t (a email, b posint, c posint DEFAULT 5, d money2)",
	 "CREATE TABLE t (a text CONSTRAINT \"shardlite_domain:5:email:email_check\" CHECK "
	 "(pg_regex(\"a\", '^[^@]+@[^@]+$', 0)), b int4 DEFAULT (/* shardlite: domain "
	 "default */ 1) CONSTRAINT \"shardlite_domain:6:posint:\" CHECK (\"b\" IS NOT NULL) "
	 "CONSTRAINT \"shardlite_domain:6:posint:a_small\" CHECK (\"b\" < 100) CONSTRAINT "
	 "\"shardlite_domain:6:posint:posint_check\" CHECK (\"b\" > 0), c int4 DEFAULT 5 "
	 "CONSTRAINT \"shardlite_domain:6:posint:\" CHECK (\"c\" IS NOT NULL) CONSTRAINT "
	 "\"shardlite_domain:6:posint:a_small\" CHECK (\"c\" < 100) CONSTRAINT "
	 "\"shardlite_domain:6:posint:posint_check\" CHECK (\"c\" > 0), d numeric(12,2)); "
	 "CREATE TABLE IF NOT EXISTS _shardlite_columns (table_name TEXT NOT NULL, "
	 "column_name TEXT NOT NULL, type TEXT NOT NULL, identity TEXT NOT NULL, PRIMARY KEY "
	 "(table_name, column_name)); INSERT OR REPLACE INTO main._shardlite_columns VALUES ('t', "
	 "'a', 'email', ''); CREATE TABLE IF NOT EXISTS _shardlite_columns (table_name TEXT "
	 "NOT NULL, column_name TEXT NOT NULL, type TEXT NOT NULL, identity TEXT NOT NULL, "
	 "PRIMARY KEY (table_name, column_name)); INSERT OR REPLACE INTO main._shardlite_columns "
	 "VALUES ('t', 'b', 'posint', ''); CREATE TABLE IF NOT EXISTS _shardlite_columns "
	 "(table_name TEXT NOT NULL, column_name TEXT NOT NULL, type TEXT NOT NULL, identity TEXT "
	 "NOT NULL, PRIMARY KEY (table_name, column_name)); INSERT OR REPLACE INTO "
	 "main._shardlite_columns VALUES ('t', 'c', 'posint', ''); CREATE TABLE IF NOT EXISTS "
	 "_shardlite_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, type TEXT "
	 "NOT NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, column_name)); INSERT OR "
	 "REPLACE INTO main._shardlite_columns VALUES ('t', 'd', 'money2', ''); SELECT shardlite_defacl('r', 't', 't')",
	 0},
	{"SELECT 'a@b'::email, CAST($1 AS posint), 1.5::money2",
	 "SELECT pgfn_domain_check('a@b', 'email', 0, " EMAIL_CHECK
	 ") AS email, pgfn_domain_check(CAST(?1 AS INTEGER), 'posint', 1, " POSINT_CHECKS
	 ") AS posint, '1.50' AS money2",
	 25},
	{"SELECT (id + 1)::posint FROM contact",
	 "SELECT pgfn_domain_check(shardlite_int4((shardlite_int4(id + 1))), 'posint', 1, " POSINT_CHECKS
	 ") AS posint FROM contact",
	 23},
	{"DROP DOMAIN email CASCADE",
	 SIDECAR "ALTER TABLE contact DROP COLUMN mail; SELECT shardlite_domain('drop', 'email', "
		 "0)" BUMP,
	 0},
	{"ALTER DOMAIN money2 SET NOT NULL", /* no column uses it: the writer's call alone */
	 SIDECAR "SELECT shardlite_domain('notnull', 'money2', 1)" BUMP VIEWS("money2"), 0},
	{"ALTER DOMAIN money2 RENAME TO m3",
	 SIDECAR "SELECT shardlite_domain('rename', 'money2', 'm3')" BUMP, 0},
	{"DROP TYPE IF EXISTS money2, nosuch", /* nosuch: the notice alone */
	 SIDECAR "SELECT shardlite_domain('drop', 'money2', 1)" BUMP, 0},
	/* a domain over another: its base is the domain's name, its DEFAULT copied from it */
	{"CREATE DOMAIN d AS pos1 CHECK (VALUE <> 3)",
	 SIDECAR "SELECT shardlite_domain('create', 'd', 'pos1', 0, '7', 'd_check', "
		 "'value <> 3')" BUMP,
	 0},
	{"CREATE DOMAIN d AS public.small1 DEFAULT 9",
	 SIDECAR "SELECT shardlite_domain('create', 'd', 'small1', 0, '9')" BUMP, 0},
	/* ... checked at every level, the innermost domain's first, NOT NULL of any level */
	{"SELECT 5::small1",
	 "SELECT pgfn_domain_check(5, 'small1', 1, 'p_pos', 'SELECT ?1 > 0', 'a_small', "
	 "'SELECT ?1 < 50') AS small1",
	 23},
	{"CREATE TABLE t (a small1)",
	 "CREATE TABLE t (a int4 DEFAULT (/* shardlite: domain default */ 7) CONSTRAINT "
	 "\"shardlite_domain:6:small1:\" CHECK (\"a\" IS NOT NULL) CONSTRAINT "
	 "\"shardlite_domain:6:small1:p_pos\" CHECK (\"a\" > 0) CONSTRAINT "
	 "\"shardlite_domain:6:small1:a_small\" CHECK (\"a\" < 50)); CREATE TABLE IF NOT "
	 "EXISTS _shardlite_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, type "
	 "TEXT NOT NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, column_name)); INSERT "
	 "OR REPLACE INTO main._shardlite_columns VALUES ('t', 'a', 'small1', ''); SELECT shardlite_defacl('r', 't', 't')",
	 0},
	/* NOT VALID: the writer told, no row looked at; VALIDATE: the rows looked at */
	{"ALTER DOMAIN money2 ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID",
	 "CREATE TABLE IF NOT EXISTS _shardlite_domain_not_valid (domain_name TEXT NOT NULL, "
	 "conname TEXT NOT NULL, PRIMARY KEY (domain_name, conname)); " SIDECAR
	 "SELECT shardlite_domain('add_check', 'money2', 'c', "
	 "'/* shardlite: pg (VALUE > (0)::numeric) */ /* shardlite: pgp VALUE > 0::numeric */ "
	 "value > 0', 1)" BUMP VIEWS("money2"),
	 0},
	{"ALTER DOMAIN email VALIDATE CONSTRAINT email_check",
	 SIDECAR "SELECT shardlite_domain('validate', 'email', 'email_check')" BUMP
		 "; SELECT shardlite_raise('23514', 'column \"mail\" of table \"contact\" "
		 "contains values that violate the new constraint') FROM contact WHERE NOT "
		 "(pg_regex(\"mail\", '^[^@]+@[^@]+$', 0)) LIMIT 1",
	 0},
	{"ALTER DOMAIN small1 DROP CONSTRAINT a_small",
	 SIDECAR "SELECT shardlite_domain('drop_check', 'small1', 'a_small')" BUMP VIEWS("small1"),
	 0},
	/* a domain's key column is no rowid alias: declared as its base, recorded as the domain */
	{"CREATE TABLE k (a pos1 PRIMARY KEY)",
	 "CREATE TABLE k (a int4 PRIMARY KEY NOT NULL DEFAULT (/* shardlite: domain default */ 7) "
	 "CONSTRAINT \"shardlite_domain:4:pos1:p_pos\" CHECK (\"a\" > 0)); CREATE TABLE IF NOT "
	 "EXISTS _shardlite_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, type "
	 "TEXT NOT NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, column_name)); INSERT "
	 "OR REPLACE INTO main._shardlite_columns VALUES ('k', 'a', 'pos1', ''); SELECT shardlite_defacl('r', 'k', 'k')",
	 0},
	/* a column of a domain added to rows: its default cast to the domain checked first */
	{"ALTER TABLE contact ADD COLUMN z pos1",
	 "SELECT pgfn_domain_check(7, 'pos1', 0, 'p_pos', 'SELECT ?1 > 0') FROM \"contact\" LIMIT "
	 "1; ALTER TABLE contact ADD COLUMN z int4 DEFAULT (/* shardlite: domain default */ 7) "
	 "CONSTRAINT \"shardlite_domain:4:pos1:p_pos\" CHECK (\"z\" > 0); CREATE TABLE IF NOT "
	 "EXISTS _shardlite_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, type "
	 "TEXT NOT NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, column_name)); INSERT "
	 "OR REPLACE INTO main._shardlite_columns VALUES ('contact', 'z', 'pos1', ''); SELECT "
	 "shardlite_trigger_refit('contact', 1)",
	 0},
	/* a cast to a domain over an array is an array operand of || (not text concatenation) */
	{"SELECT '{1}'::intarr || 2", "SELECT pgfn_array_append('{1}', 2, '.') AS \"?column?\"",
	 1007},
};

START_TEST(domain_case)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(xlat_translate_in(&(struct xlat_env){.schema = &schema}, cases[_i].pg, NULL,
					0, a, &v, &n, &e),
		      "%s: %s %s", cases[_i].pg, e.sqlstate, e.message);
	ck_assert_msg(v[0].sql && strcmp(v[0].sql, cases[_i].sql) == 0, "%s\n  want %s\n  got  %s",
		      cases[_i].pg, cases[_i].sql, v[0].sql ? v[0].sql : "(null)");
	if (cases[_i].col0)
		ck_assert_msg(v[0].ncols > 0 && v[0].cols[0].type_oid == cases[_i].col0,
			      "%s: column 0 is %u", cases[_i].pg,
			      v[0].ncols > 0 ? v[0].cols[0].type_oid : 0);
	arena_free(a);
}
END_TEST

static const struct {
	const char *pg, *state, *message;
} errors[] = {
	{"DROP DOMAIN posint", "2BP01",
	 "cannot drop type posint because other objects depend on it"},
	{"CREATE DOMAIN d AS nosuch", "42704", "type \"nosuch\" does not exist"},
	{"CREATE DOMAIN d AS serial", "42704", "type \"serial\" does not exist"},
	{"CREATE DOMAIN d AS posint(3)", "42601", "type modifier is not allowed for type \"posint\""},
	{"ALTER DOMAIN pos1 RENAME TO pos9", "0A000",
	 "ALTER DOMAIN ... RENAME TO of a domain another domain is over is not supported"},
	{"DROP DOMAIN pos1", "2BP01", "cannot drop type pos1 because other objects depend on it"},
	{"DROP DOMAIN pos1 CASCADE", "0A000",
	 "DROP DOMAIN ... CASCADE of a domain another domain is over is not supported"},
	{"CREATE DOMAIN d AS text COLLATE \"de_DE\"", "0A000",
	 "a collation other than \"C\" is not supported"},
	{"CREATE DOMAIN d AS int COLLATE \"C\"", "42804",
	 "collations are not supported by type integer"},
	{"CREATE DOMAIN d AS int NULL NOT NULL", "42601", "conflicting NULL/NOT NULL constraints"},
	{"CREATE DOMAIN d AS int DEFAULT 1 DEFAULT 2", "42601", "multiple default expressions"},
	{"CREATE DOMAIN d AS int DEFAULT 'abc'", "22P02",
	 "invalid input syntax for type integer: \"abc\""},
	/* assignment coercion, as PostgreSQL's cookDefault */
	{"CREATE DOMAIN d AS int DEFAULT true", "42804",
	 "column \"d\" is of type integer but default expression is of type boolean"},
	{"CREATE DOMAIN d AS boolean DEFAULT 1", "42804",
	 "column \"d\" is of type boolean but default expression is of type integer"},
	{"CREATE DOMAIN d AS int DEFAULT 3 + 'h'", "22P02",
	 "invalid input syntax for type integer: \"h\""},
	{"CREATE DOMAIN d AS int UNIQUE", "42601", "unique constraints not possible for domains"},
	{"CREATE DOMAIN d AS int REFERENCES t", "42601",
	 "foreign key constraints not possible for domains"},
	{"CREATE DOMAIN d AS int CHECK (VALUE > 0) NO INHERIT", "42P17",
	 "check constraints for domains cannot be marked NO INHERIT"},
	{"CREATE DOMAIN d AS int CHECK (VALUE > 0) INITIALLY DEFERRED", "0A000",
	 "specifying constraint deferrability not supported for domains"},
	{"CREATE DOMAIN d AS int CHECK (x > 0)", "42703", "column \"x\" does not exist"},
	{"CREATE DOMAIN d AS int CHECK (VALUE + 1)", "42804",
	 "argument of CHECK must be type boolean, not type integer"},
	{"SELECT 1::posint(3)", "42601", "type modifier is not allowed for type \"posint\""},
	{"SELECT '{}'::email[]", "0A000", "an array of a domain is not supported"},
	{"CREATE TABLE t (a email[])", "0A000", "an array of a domain is not supported"},
	{"CREATE FUNCTION f(x posint[]) RETURNS int LANGUAGE sql AS 'SELECT 1'", "0A000",
	 "an array of a domain is not supported"},
	{"PREPARE p(email) AS SELECT $1", "0A000",
	 "a domain type (email) as a PREPARE argument is not supported"},
	{"ALTER TABLE contact ALTER COLUMN id TYPE posint, ALTER COLUMN mail SET DEFAULT 'a@b'",
	 "0A000", "ALTER COLUMN TYPE to or from a domain among other actions is not supported"},
	{"ALTER DOMAIN email ADD CONSTRAINT email_check CHECK (VALUE <> '')", "42710",
	 "constraint \"email_check\" for domain \"email\" already exists"},
	{"ALTER DOMAIN email ADD UNIQUE (VALUE)", "42601",
	 "unique constraints not possible for domains"},
	{"ALTER DOMAIN email DROP CONSTRAINT nope", "42704",
	 "constraint \"nope\" of domain \"email\" does not exist"},
	{"ALTER DOMAIN email RENAME CONSTRAINT nope TO x", "42704",
	 "constraint \"nope\" for domain email does not exist"},
	{"ALTER DOMAIN nosuch SET NOT NULL", "42704", "type \"nosuch\" does not exist"},
	{"ALTER DOMAIN posint SET DEFAULT 'x'", "22P02",
	 "invalid input syntax for type integer: \"x\""},
};

START_TEST(domain_error)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(!xlat_translate_in(&(struct xlat_env){.schema = &schema}, errors[_i].pg, NULL,
					 0, a, &v, &n, &e),
		      "%s translated", errors[_i].pg);
	ck_assert_msg(strcmp(e.sqlstate, errors[_i].state) == 0 &&
			      strcmp(e.message, errors[_i].message) == 0,
		      "%s: %s %s", errors[_i].pg, e.sqlstate, e.message);
	arena_free(a);
}
END_TEST

/* 2BP01's DETAIL names the columns, the latest first, as PostgreSQL's does. */
/* ALTER DOMAIN of a domain columns use: the writer's script, then each column rebuilt with
 * the domain's new clauses (a column with a default of its own keeps it). */
START_TEST(alter_chain)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &schema},
				    "ALTER DOMAIN posint DROP CONSTRAINT a_small", NULL, 0, a, &v,
				    &n, &e));
	ck_assert_int_eq(v[0].kind, XLAT_REBUILD);
	ck_assert_str_eq(v[0].tag, "ALTER DOMAIN");
	const struct xlat_rebuild *r = v[0].rebuild;
	ck_assert_int_eq(r->kind, XLAT_RB_SCRIPT);
	ck_assert_str_eq(r->script, SIDECAR "SELECT shardlite_domain('drop_check', 'posint', "
					    "'a_small')" BUMP VIEWS("posint"));
	r = r->next;
	ck_assert_int_eq(r->kind, XLAT_RB_DOMAIN);
	ck_assert_str_eq(r->table, "contact");
	ck_assert_str_eq(r->column, "qty");
	ck_assert(r->keep_rows); /* in place: the script looked at the rows */
	ck_assert_str_eq(r->constraint,
			 " DEFAULT (/* shardlite: domain default */ 1) CONSTRAINT "
			 "\"shardlite_domain:6:posint:\" CHECK (\"qty\" IS NOT NULL) CONSTRAINT "
			 "\"shardlite_domain:6:posint:posint_check\" CHECK (\"qty\" > 0)");
	ck_assert_ptr_null(r->next);
	/* the rows PostgreSQL refuses with its own messages are looked for first */
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &schema},
				    "ALTER DOMAIN email SET NOT NULL", NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(v[0].rebuild->script, SIDECAR
			 "SELECT shardlite_domain('notnull', 'email', 1)" BUMP VIEWS("email")
			 "; SELECT shardlite_raise('23502', 'column \"mail\" of table "
			 "\"contact\" contains null values') FROM contact WHERE \"mail\" IS "
			 "NULL LIMIT 1");
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &schema},
				    "ALTER DOMAIN posint ADD CONSTRAINT big CHECK (VALUE < 1000)",
				    NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(
		v[0].rebuild->script, SIDECAR
		"SELECT shardlite_domain('add_check', 'posint', 'big', "
		"'/* shardlite: pg (VALUE < 1000) */ /* shardlite: pgp VALUE < 1000 */ value < "
		"1000')" BUMP VIEWS(
			"posint") "; SELECT shardlite_raise('23514', 'column \"qty\" of "
				  "table \"contact\" contains values that violate the new "
				  "constraint') FROM contact WHERE NOT (\"qty\" < 1000) LIMIT 1");
	/* NOT VALID: the column takes the check, its rows are not looked at */
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &schema},
				    "ALTER DOMAIN posint ADD CONSTRAINT big CHECK (VALUE < 1000) "
				    "NOT VALID",
				    NULL, 0, a, &v, &n, &e));
	ck_assert_ptr_null(strstr(v[0].rebuild->script, "shardlite_raise('23514'"));
	ck_assert(v[0].rebuild->next->keep_rows);
	ck_assert_ptr_nonnull(strstr(v[0].rebuild->next->constraint, "\"qty\" < 1000"));
	arena_free(a);
}
END_TEST

/* ALTER DOMAIN of a domain another is over: the columns of that one too, with every level's
 * clauses as changed; VALIDATE looks at them as well. */
START_TEST(alter_under)
{
	static const char *const tables[] = {"contact"}, *const cols[] = {"id"};
	static const struct xlat_domain two[] = {
		{"pos1", 41007, 41008, "int4", false, "7", pos1_names, pos1_checks, 1, NULL, NULL, 0,
		 NULL},
		{"small1", 41009, 41010, "int4", true, "7", small1_names, small1_checks, 1, tables,
		 cols, 1, "pos1"},
		{NULL, 0, 0, NULL, false, NULL, NULL, NULL, 0, NULL, NULL, 0, NULL},
	};
	struct xlat_schema with = schema;
	with.domains = two;
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(xlat_translate_in(&(struct xlat_env){.schema = &with},
					"ALTER DOMAIN pos1 ADD CONSTRAINT p_odd CHECK (VALUE % 2 = 1)",
					NULL, 0, a, &v, &n, &e),
		      "%s", e.message);
	ck_assert_int_eq(v[0].kind, XLAT_REBUILD);
	ck_assert_ptr_nonnull(strstr(v[0].rebuild->script,
				     "'column \"id\" of table \"contact\" contains values that "
				     "violate the new constraint') FROM contact WHERE NOT (\"id\" % 2 "
				     "= 1)"));
	const struct xlat_rebuild *r = v[0].rebuild->next;
	ck_assert_str_eq(r->column, "id");
	ck_assert(r->keep_rows);
	ck_assert_str_eq(r->constraint,
			 " DEFAULT (/* shardlite: domain default */ 7) CONSTRAINT "
			 "\"shardlite_domain:6:small1:\" CHECK (\"id\" IS NOT NULL) CONSTRAINT "
			 "\"shardlite_domain:6:small1:p_odd\" CHECK (\"id\" % 2 = 1) CONSTRAINT "
			 "\"shardlite_domain:6:small1:p_pos\" CHECK (\"id\" > 0) CONSTRAINT "
			 "\"shardlite_domain:6:small1:a_small\" CHECK (\"id\" < 50)");
	ck_assert_ptr_null(r->next);
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &with},
				    "ALTER DOMAIN pos1 VALIDATE CONSTRAINT p_pos", NULL, 0, a, &v, &n,
				    &e));
	ck_assert_ptr_nonnull(strstr(v[0].sql, "FROM contact WHERE NOT (\"id\" > 0)"));
	arena_free(a);
}
END_TEST

START_TEST(drop_detail)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert(!xlat_translate_in(&(struct xlat_env){.schema = &schema}, "DROP DOMAIN email",
				     NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(e.detail, "column mail of table contact depends on type email");
	ck_assert_str_eq(e.hint, "Use DROP ... CASCADE to drop the dependent objects too.");
	pgerr_clear(&e); /* a domain over it depends on it too */
	ck_assert(!xlat_translate_in(&(struct xlat_env){.schema = &schema}, "DROP DOMAIN pos1",
				     NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(e.detail, "type small1 depends on type pos1");
	/* CASCADE: the columns it drops, for the session's NOTICE drop cascades to ... */
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &schema},
				    "DROP DOMAIN email CASCADE", NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(v[0].skip_type, "cascade");
	ck_assert_int_eq(v[0].nskip_names, 1);
	ck_assert_str_eq(v[0].skip_names[0], "column mail of table contact");
	ck_assert(v[0].skip_present);
	arena_free(a);
}
END_TEST

/* pgfn_domain_check as SQLite runs it: the value, or PostgreSQL's error for the first check
 * that fails (checks in the order given: name order). */
static const struct {
	const char *sql, *result; /* result NULL: fails with error */
	const char *error;
} runs[] = {
	{"SELECT pgfn_domain_check(5, 'posint', 1, " POSINT_CHECKS ")", "5", NULL},
	{"SELECT pgfn_domain_check(NULL, 'email', 0, " EMAIL_CHECK ")", NULL, NULL},
	{"SELECT pgfn_domain_check(0, 'posint', 1, " POSINT_CHECKS ")", NULL,
	 "pgfn:23514:value for domain posint violates check constraint \"posint_check\""},
	{"SELECT pgfn_domain_check(500, 'posint', 1, " POSINT_CHECKS ")", NULL,
	 "pgfn:23514:value for domain posint violates check constraint \"a_small\""},
	{"SELECT pgfn_domain_check(NULL, 'posint', 1, " POSINT_CHECKS ")", NULL,
	 "pgfn:23502:domain posint does not allow null values"},
	{"SELECT pgfn_domain_check('x', 'email', 0, " EMAIL_CHECK ")", NULL,
	 "pgfn:23514:value for domain email violates check constraint \"email_check\""},
	{"SELECT group_concat(pgfn_domain_check(v, 'posint', 1, " POSINT_CHECKS
	 ")) FROM (SELECT 1 AS v UNION ALL SELECT 2 UNION ALL SELECT 3)",
	 "1,2,3", NULL},
	{"SELECT pgfn_domain_check(1, 'posint', 1, 'c', 'SELECT nosuch(?1)')", NULL,
	 "pgfn:XX000:domain check: no such function: nosuch"},
};

START_TEST(domain_run)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_ptr_nonnull(pgfn_register(db));
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db, runs[_i].sql, -1, &st, NULL), SQLITE_OK);
	int rc = sqlite3_step(st);
	if (runs[_i].error) {
		ck_assert_int_eq(rc, SQLITE_ERROR);
		ck_assert_str_eq(sqlite3_errmsg(db), runs[_i].error);
	} else {
		ck_assert_int_eq(rc, SQLITE_ROW);
		const char *got = (const char *)sqlite3_column_text(st, 0);
		if (runs[_i].result)
			ck_assert_str_eq(got ? got : "(null)", runs[_i].result);
		else
			ck_assert_ptr_null(got);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
}
END_TEST

/* ParameterDescription: a $n first cast to a domain reports the domain (PostgreSQL's
 * variable_coerce_param_hook), one another use typed first keeps that type. */
static const struct {
	const char *pg;
	uint32_t p1, p2;
} params[] = {
	{"SELECT CAST($1 AS posint)", 41003, 0},
	{"SELECT $1::posint, $1::posint", 41003, 0},
	{"SELECT $1::posint + 1, $2::email", 41003, 41001},
	{"SELECT $1::int4 + 0, $1::posint", 23, 0},
	{"SELECT * FROM contact WHERE id = $1 AND $1::posint > 0", 23, 0},
	{"SELECT $1::money2", 41005, 0},
};

START_TEST(domain_param)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(xlat_translate_in(&(struct xlat_env){.schema = &schema}, params[_i].pg, NULL,
					0, a, &v, &n, &e),
		      "%s: %s %s", params[_i].pg, e.sqlstate, e.message);
	ck_assert_msg(v[0].nparams >= 1 && v[0].param_types[0] == params[_i].p1, "%s: $1 is %u",
		      params[_i].pg, v[0].nparams >= 1 ? v[0].param_types[0] : 0);
	if (params[_i].p2)
		ck_assert_msg(v[0].nparams >= 2 && v[0].param_types[1] == params[_i].p2,
			      "%s: $2 is %u", params[_i].pg,
			      v[0].nparams >= 2 ? v[0].param_types[1] : 0);
	arena_free(a);
}
END_TEST

/* pg_typeof of a cast to a domain names the domain; of an expression over one, the base. */
START_TEST(domain_typeof)
{
	static const struct {
		const char *pg, *sql;
	} typeofs[] = {
		{"SELECT pg_typeof(5::posint)", "SELECT 'posint' AS pg_typeof"},
		{"SELECT pg_typeof(CAST(NULL AS public.email))", "SELECT 'email' AS pg_typeof"},
		{"SELECT pg_typeof(5::posint + 1)", "SELECT 'integer' AS pg_typeof"},
	};
	for (size_t i = 0; i < ARRAY_LEN(typeofs); i++) {
		struct arena *a = arena_new(0);
		struct xlat_stmt *v = NULL;
		size_t n = 0;
		struct pgerr e;
		pgerr_clear(&e);
		ck_assert_msg(xlat_translate_in(&(struct xlat_env){.schema = &schema},
						typeofs[i].pg, NULL, 0, a, &v, &n, &e),
			      "%s: %s %s", typeofs[i].pg, e.sqlstate, e.message);
		ck_assert_msg(v[0].sql && strcmp(v[0].sql, typeofs[i].sql) == 0, "%s: %s",
			      typeofs[i].pg, v[0].sql ? v[0].sql : "(null)");
		arena_free(a);
	}
}
END_TEST

/* CREATE TABLE ... (LIKE contact): each column of a domain with the SQLite clauses the new
 * table's column takes (shard_like.c), with the domain's DEFAULT and without. */
START_TEST(domain_like)
{
	static const char *const want[] = {
		"mail",
		"email",
		" CONSTRAINT \"shardlite_domain:5:email:email_check\" CHECK (pg_regex(\"mail\", "
		"'^[^@]+@[^@]+$', 0))",
		" CONSTRAINT \"shardlite_domain:5:email:email_check\" CHECK (pg_regex(\"mail\", "
		"'^[^@]+@[^@]+$', 0))",
		"qty",
		"posint",
		" DEFAULT (/* shardlite: domain default */ 1) CONSTRAINT "
		"\"shardlite_domain:6:posint:\" CHECK (\"qty\" IS NOT NULL) CONSTRAINT "
		"\"shardlite_domain:6:posint:a_small\" CHECK (\"qty\" < 100) CONSTRAINT "
		"\"shardlite_domain:6:posint:posint_check\" CHECK (\"qty\" > 0)",
		" CONSTRAINT \"shardlite_domain:6:posint:\" CHECK (\"qty\" IS NOT NULL) CONSTRAINT "
		"\"shardlite_domain:6:posint:a_small\" CHECK (\"qty\" < 100) CONSTRAINT "
		"\"shardlite_domain:6:posint:posint_check\" CHECK (\"qty\" > 0)",
	};
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(xlat_translate_in(&(struct xlat_env){.schema = &schema},
					"CREATE TABLE t2 (LIKE contact INCLUDING ALL)", NULL, 0, a, &v,
					&n, &e),
		      "%s %s", e.sqlstate, e.message);
	ck_assert_ptr_nonnull(v[0].rebuild);
	const char *const *got = v[0].rebuild->like_domains;
	ck_assert_ptr_nonnull(got);
	size_t k = 0;
	for (; got[k] && k < ARRAY_LEN(want); k++)
		ck_assert_msg(strcmp(got[k], want[k]) == 0, "%zu: want %s\n got  %s", k, want[k],
			      got[k]);
	ck_assert_uint_eq(k, ARRAY_LEN(want));
	ck_assert_ptr_null(got[k]);
	arena_free(a);
}
END_TEST

/* A function with a parameter of money2: DROP DOMAIN is 2BP01 (CASCADE, RENAME: 0A000). */
START_TEST(domain_function_user)
{
	static const uint32_t argtypes[] = {1700};
	static const char *const argnames[] = {"m"}, *const argdecls[] = {"money2"};
	static const struct xlat_udf udf = {.name = "pay", .sig = "1700", .nargs = 1,
					    .argtypes = argtypes, .argnames = argnames,
					    .argdecls = argdecls, .rettype = 23, .retdecl = "integer",
					    .lang = "sql", .body = "SELECT 1", .volatility = 'v',
					    .kind = 'f'};
	struct xlat_schema with_udf = schema;
	with_udf.udfs = &udf;
	with_udf.nudfs = 1;
	static const struct {
		const char *pg, *state, *message, *detail;
	} want[] = {
		{"DROP DOMAIN money2", "2BP01",
		 "cannot drop type money2 because other objects depend on it",
		 "function pay(money2) depends on type money2"},
		{"DROP DOMAIN money2 CASCADE", "0A000",
		 "DROP DOMAIN ... CASCADE of a domain a function uses is not supported", NULL},
		{"ALTER DOMAIN money2 RENAME TO m3", "0A000",
		 "ALTER DOMAIN ... RENAME TO of a domain a function uses is not supported", NULL},
	};
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		struct arena *a = arena_new(0);
		struct xlat_stmt *v = NULL;
		size_t n = 0;
		struct pgerr e;
		pgerr_clear(&e);
		ck_assert_msg(!xlat_translate_in(&(struct xlat_env){.schema = &with_udf}, want[i].pg,
						 NULL, 0, a, &v, &n, &e),
			      "%s translated", want[i].pg);
		ck_assert_msg(strcmp(e.sqlstate, want[i].state) == 0 &&
				      strcmp(e.message, want[i].message) == 0,
			      "%s: %s %s", want[i].pg, e.sqlstate, e.message);
		if (want[i].detail)
			ck_assert_str_eq(e.detail, want[i].detail);
		arena_free(a);
	}
}
END_TEST

Suite *xlat_suite_domain(void)
{
	Suite *s = suite_create("xlat_domain");
	TCase *tc = tcase_create("domain");
	tcase_add_loop_test(tc, domain_case, 0, (int)ARRAY_LEN(cases));
	tcase_add_loop_test(tc, domain_error, 0, (int)ARRAY_LEN(errors));
	tcase_add_test(tc, drop_detail);
	tcase_add_test(tc, alter_under);
	tcase_add_test(tc, alter_chain);
	tcase_add_loop_test(tc, domain_run, 0, (int)ARRAY_LEN(runs));
	tcase_add_loop_test(tc, domain_param, 0, (int)ARRAY_LEN(params));
	tcase_add_test(tc, domain_typeof);
	tcase_add_test(tc, domain_like);
	tcase_add_test(tc, domain_function_user);
	suite_add_tcase(s, tc);
	return s;
}
