/* SPDX-License-Identifier: Apache-2.0 */
/* test_enum.c: enum types in translation, table-driven — CREATE/ALTER/DROP TYPE scripts, the
 * declared type of an enum column, the label checks on the way in, and the collation that
 * orders comparisons, ORDER BY and min/max by the labels' sort order. */
#include "xlat_test.h"

#include <string.h>
#include <strings.h>

#include "base.h"

#define MOOD_OID 40001u
#define MOOD_ARRAY_OID 40002u
#define MOOD_ARGS "'mood', 'sad', 'ok', 'happy'"
#define MOOD_COLL "COLLATE pgfn_enum_736164_6f6b_6861707079"
#define SIDECAR                                                                                    \
	"CREATE TABLE IF NOT EXISTS _shardlite_enums (type_name TEXT NOT NULL, label TEXT, "            \
	"sortorder REAL NOT NULL, PRIMARY KEY (type_name, label)); "
#define BUMP                                                                                       \
	"; DROP INDEX IF EXISTS _shardlite_enums_v; CREATE INDEX _shardlite_enums_v ON "           \
	"_shardlite_enums (sortorder)"

/* ALTER TYPE's 0A000 while an index or CHECK orders the enum (xlat_enumpred.c) */
#define GUARD(what, type)                                                                          \
	"; SELECT shardlite_raise('0A000', 'ALTER TYPE ... " what " of an enum an index or a "  \
	"CHECK constraint compares is not supported (' || CASE type WHEN 'index' THEN 'index' ELSE " \
	"'table' END || ' \"' || name || '\")') FROM (SELECT type, name, sql FROM "                \
	"main.sqlite_schema UNION ALL SELECT type, name, sql FROM temp.sqlite_schema) WHERE "       \
	"instr(sql, '/* shardlite: enum order " type " */')"
/* RENAME VALUE: also while a CHECK compares the enum with a label (the label's text is kept) */
#define GUARD_RENAME(type)                                                                         \
	GUARD("RENAME VALUE", type)                                                                \
	" OR (type = 'table' AND instr(sql, '/* shardlite: enum label " type " */'))"
#define MARKS(pg, pretty)                                                                          \
	"/* shardlite: pg " pg " */ /* shardlite: pgp " pretty " */ /* shardlite: enum order mood */ "

/* person(name text, m mood, ms mood[]); the enum mood ('sad', 'ok', 'happy') and "Role" ('A') */
static const struct xlat_schema_col person_cols[] = {
	{"name", 25, -1, 0, NULL, false, false, false},
	{"m", MOOD_OID, -1, 0, NULL, false, false, false},
	{"ms", MOOD_ARRAY_OID, -1, 0, NULL, false, false, false},
};
static const char *const mood_labels[] = {"sad", "ok", "happy"};
static const char *const role_labels[] = {"A"};
static const char *const mood_tables[] = {"person", "person"};
static const char *const mood_cols[] = {"m", "ms"};
static const struct xlat_enum enums[] = {
	{"mood", MOOD_OID, MOOD_ARRAY_OID, mood_labels, 3, mood_tables, mood_cols, 2},
	{"Role", 40003, 40004, role_labels, 1, NULL, NULL, 0},
};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	if (strcasecmp(name, "person") != 0)
		return false;
	*cols = person_cols;
	*ncols = ARRAY_LEN(person_cols);
	return true;
}

static const struct xlat_schema schema = {
	.table_fn = table_fn, .fingerprint = 0xe0e0, .enums = enums, .nenums = ARRAY_LEN(enums)};

static const struct {
	const char *pg, *sql;
	uint32_t col0; /* the first result column's type, 0: not checked */
} cases[] = {
	{"CREATE TYPE mood AS ENUM ('sad', 'ok')",
	 SIDECAR "SELECT shardlite_enum('create', 'mood', 'sad', 'ok')" BUMP, 0},
	{"CREATE TYPE public.\"Pri\"\"o\" AS ENUM ()",
	 SIDECAR "SELECT shardlite_enum('create', 'Pri\"o')" BUMP, 0},
	{"ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok'",
	 SIDECAR
	 "SELECT shardlite_enum('add', 'mood', 'meh', 'ok', 0, 1)" GUARD("ADD VALUE", "mood") BUMP,
	 0},
	{"ALTER TYPE mood ADD VALUE 'wow'",
	 SIDECAR
	 "SELECT shardlite_enum('add', 'mood', 'wow', NULL, 1, 0)" GUARD("ADD VALUE", "mood") BUMP,
	 0},
	{"ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'",
	 SIDECAR "SELECT shardlite_enum('rename_value', 'mood', 'ok', 'fine')" GUARD_RENAME(
		 "mood") "; UPDATE person SET "
			 "m = 'fine' WHERE m = 'ok'; UPDATE person SET ms = "
			 "pgfn_enum_array_rename(ms, 'ok', 'fine') WHERE ms IS NOT NULL" BUMP,
	 0},
	{"ALTER TYPE \"Role\" RENAME TO role2",
	 SIDECAR "SELECT shardlite_enum('rename', 'Role', 'role2')" GUARD("RENAME TO", "Role") BUMP,
	 0},
	/* an enum ordered in an index or CHECK: a membership test over the labels */
	{"CREATE INDEX pi ON person (name) WHERE m < 'happy'",
	 "CREATE INDEX pi ON person (name) WHERE " MARKS("(m < 'happy'::mood)",
							 "m < 'happy'::mood") "m IN ('sad', 'ok')",
	 0},
	{"CREATE INDEX pi ON person (name) WHERE 'ok' <= m AND m BETWEEN 'sad' AND 'ok'",
	 "CREATE INDEX pi ON person (name) WHERE " MARKS(
		 "(('ok'::mood <= m) AND ((m >= 'sad'::mood) AND (m <= 'ok'::mood)))",
		 "'ok'::mood <= m AND m >= 'sad'::mood AND m <= 'ok'::mood") "m IN ('ok', 'happy') AND m IN ('sad', 'ok')",
	 0},
	/* a CHECK comparing the enum with a label keeps the label's text: marked for RENAME VALUE's
	 * guard */
	{"CREATE TABLE pc (m mood CHECK (m <> 'sad'))",
	 "CREATE TABLE pc (m \"mood\" CONSTRAINT pc_m_check CHECK (/* shardlite: pg (m <> 'sad'::mood) */ /* shardlite: pgp m "
	 "<> 'sad'::mood */ /* shardlite: enum label mood */ m <> 'sad')); SELECT shardlite_defacl('r', 'pc', 'pc')",
	 0},
	/* no label after the last: NULL for NULL, else false */
	{"CREATE INDEX pi ON person (name) WHERE m > 'happy'",
	 "CREATE INDEX pi ON person (name) WHERE " MARKS(
		 "(m > 'happy'::mood)", "m > 'happy'::mood") "CASE WHEN m IS NOT NULL THEN 0 END",
	 0},
	{"DROP TYPE IF EXISTS nosuch, \"Role\"",
	 SIDECAR "SELECT shardlite_enum('drop', 'nosuch', 1); SELECT shardlite_enum('drop', "
		 "'Role', 1)" BUMP,
	 0},
	{"DROP TYPE mood CASCADE",
	 SIDECAR "ALTER TABLE person DROP COLUMN m; ALTER TABLE person DROP COLUMN ms; SELECT "
		 "shardlite_enum('drop', 'mood', 0)" BUMP,
	 0},
	{"CREATE TABLE t (a mood PRIMARY KEY, b public.mood[], c \"Role\" DEFAULT 'A')",
	 "CREATE TABLE t (a \"mood\" PRIMARY KEY NOT NULL, b \"mood[]\", c \"Role\" DEFAULT 'A'); SELECT shardlite_defacl('r', 't', 't')",
	 0},
	{"INSERT INTO person (name, m) VALUES ('x', 'ok'), ($1, $2)",
	 "INSERT INTO person (name, m) VALUES ('x', pgfn_enum_in('ok', " MOOD_ARGS
	 ")), (?1, pgfn_enum_in(?2, " MOOD_ARGS "))",
	 0},
	{"UPDATE person SET ms = $1",
	 "UPDATE person SET ms = pgfn_enum_array_in(?1, " MOOD_ARGS ")", 0},
	{"UPDATE person SET m = 'happy'::mood",
	 "UPDATE person SET m = pgfn_enum_in('happy', " MOOD_ARGS ")", 0},
	{"SELECT m, m::text, 'ok'::mood FROM person",
	 "SELECT m, CAST(m AS TEXT) AS m, pgfn_enum_in('ok', " MOOD_ARGS ") AS mood FROM person",
	 MOOD_OID},
	{"SELECT name FROM person WHERE m > 'sad' ORDER BY m DESC",
	 "SELECT name FROM person WHERE (m) " MOOD_COLL " > pgfn_enum_in('sad', " MOOD_ARGS
	 ") ORDER BY m " MOOD_COLL " DESC NULLS FIRST",
	 25},
	{"SELECT * FROM person ORDER BY m",
	 "SELECT * FROM person ORDER BY m " MOOD_COLL " NULLS LAST", 0},
	{"SELECT min(m), max(m) FROM person",
	 "SELECT min(m " MOOD_COLL ") AS min, max(m " MOOD_COLL ") AS max FROM person", MOOD_OID},
	{"SELECT enum_range(NULL::mood), enum_first(NULL::mood), enum_last(m) FROM person",
	 "SELECT '{sad,ok,happy}' AS enum_range, 'sad' AS enum_first, 'happy' AS enum_last FROM "
	 "person",
	 MOOD_ARRAY_OID},
	{"SELECT enum_range('ok'::mood, NULL)", "SELECT '{ok,happy}' AS enum_range",
	 MOOD_ARRAY_OID},
	{"SELECT 'A'::\"Role\"", "SELECT pgfn_enum_in('A', '\"Role\"', 'A') AS \"Role\"", 40003},
	/* a composite type: its attributes' declared types to the catalog's writer */
	{"CREATE TYPE pair AS (a int, b varchar(3), c numeric(10,2), \"D\" text[])",
	 "CREATE TABLE IF NOT EXISTS _shardlite_comptypes (type_name TEXT NOT NULL, attnum INTEGER "
	 "NOT NULL, attname TEXT, atttype TEXT, PRIMARY KEY (type_name, attnum)); SELECT "
	 "shardlite_comptype('create', 'pair', 'a', 'int4', 'b', 'character varying(3)', 'c', "
	 "'numeric(10,2)', 'D', 'text[]'); DROP INDEX IF EXISTS _shardlite_comptypes_v; CREATE "
	 "INDEX _shardlite_comptypes_v ON _shardlite_comptypes (attnum)",
	 0},
	{"ALTER TYPE pair RENAME ATTRIBUTE a TO \"A\"",
	 "CREATE TABLE IF NOT EXISTS _shardlite_comptypes (type_name TEXT NOT NULL, attnum INTEGER "
	 "NOT NULL, attname TEXT, atttype TEXT, PRIMARY KEY (type_name, attnum)); SELECT "
	 "shardlite_comptype('rename_attr', 'pair', 'a', 'A'); DROP INDEX IF EXISTS "
	 "_shardlite_comptypes_v; CREATE INDEX _shardlite_comptypes_v ON _shardlite_comptypes "
	 "(attnum)",
	 0},
	{"ALTER TYPE pair ALTER ATTRIBUTE b TYPE varchar(5)",
	 "CREATE TABLE IF NOT EXISTS _shardlite_comptypes (type_name TEXT NOT NULL, attnum INTEGER "
	 "NOT NULL, attname TEXT, atttype TEXT, PRIMARY KEY (type_name, attnum)); SELECT "
	 "shardlite_comptype('alter_attr', 'pair', 'b', 'character varying(5)'); DROP INDEX IF "
	 "EXISTS _shardlite_comptypes_v; CREATE INDEX _shardlite_comptypes_v ON "
	 "_shardlite_comptypes (attnum)",
	 0},
};

START_TEST(enum_case)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(xlat_translate_in(&(struct xlat_env){.schema = &schema}, cases[_i].pg, NULL, 0,
					a, &v, &n, &e),
		      "%s: %s %s", cases[_i].pg, e.sqlstate, e.message);
	ck_assert_msg(v[0].sql && strcmp(v[0].sql, cases[_i].sql) == 0, "%s\n  want %s\n  got  %s",
		      cases[_i].pg, cases[_i].sql, v[0].sql ? v[0].sql : "(none)");
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
	{"DROP TYPE mood", "2BP01", "cannot drop type mood because other objects depend on it"},
	{"CREATE TYPE other.e AS ENUM ('a')", "0A000", "a type in schema \"other\" is not supported"},
	{"ALTER TYPE c DROP ATTRIBUTE IF EXISTS a", "0A000",
	 "this ALTER TYPE ... ATTRIBUTE form (IF [NOT] EXISTS) is not supported"},
	{"CREATE TYPE c AS (a int, m mood[])", "0A000",
	 "an attribute of an array of an enum or composite type in a composite type is not "
	 "supported"},
	{"CREATE TYPE c AS (a serial)", "42704", "type \"serial\" does not exist"},
	{"CREATE TYPE c AS (a text COLLATE \"C\")", "0A000",
	 "a constraint or collation on an attribute of a composite type is not supported"},
	{"CREATE TYPE r AS RANGE (subtype = int4)", "0A000",
	 "CREATE TYPE ... AS RANGE is not supported"},
	{"SELECT enum_range('nope'::mood, NULL)", "22P02",
	 "invalid input value for enum mood: \"nope\""},
	{"SELECT 'x'::nosuch", "42704", "type \"nosuch\" does not exist"},
	/* DROP DOMAIN (xlat_domain.c): a name that is another type, or none */
	{"DROP DOMAIN mood", "42809", "\"mood\" is not a domain"},
	{"DROP DOMAIN IF EXISTS public.\"Role\"", "42809", "\"\"Role\"\" is not a domain"},
	{"DROP DOMAIN IF EXISTS double precision", "42809",
	 "\"double precision\" is not a domain"},
	{"DROP DOMAIN int4[]", "42809", "\"integer[]\" is not a domain"},
	{"DROP DOMAIN nosuch", "42704", "type \"nosuch\" does not exist"},
	{"DROP DOMAIN public.nosuch CASCADE", "42704", "type \"public.nosuch\" does not exist"},
	{"DROP DOMAIN other.d", "0A000", "a type in schema \"other\" is not supported"},
	{"CREATE DOMAIN d AS text COLLATE \"en_US\"", "0A000",
	 "a collation other than \"C\" is not supported"},
	{"ALTER DOMAIN mood SET DEFAULT 1", "42809", "mood is not a domain"},
	{"CREATE DOMAIN d AS mood[]", "0A000", "a domain over an enum array is not supported"},
};

START_TEST(enum_error)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(!xlat_translate_in(&(struct xlat_env){.schema = &schema}, errors[_i].pg, NULL,
					 0, a, &v, &n, &e),
		      "%s translated", errors[_i].pg);
	ck_assert_str_eq(e.sqlstate, errors[_i].state);
	ck_assert_str_eq(e.message, errors[_i].message);
	arena_free(a);
}
END_TEST

/* DROP DOMAIN IF EXISTS of names that are no type: nothing to run, a notice of each. */
START_TEST(drop_domain_missing)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &schema},
				    "DROP DOMAIN IF EXISTS d1, public.d2 CASCADE", NULL, 0, a, &v, &n,
				    &e));
	ck_assert_int_eq(v[0].kind, XLAT_NOOP);
	ck_assert_str_eq(v[0].tag, "DROP DOMAIN");
	ck_assert_str_eq(v[0].skip_type, "type");
	ck_assert_uint_eq(v[0].nskip_names, 2);
	ck_assert_str_eq(v[0].skip_names[0], "d1");
	ck_assert_str_eq(v[0].skip_names[1], "public.d2");
	ck_assert(!v[0].skip_present);
	arena_free(a);
}
END_TEST

/* DROP TYPE's 2BP01 names every dependent column, as PostgreSQL's DETAIL does. */
START_TEST(drop_detail)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert(!xlat_translate_in(&(struct xlat_env){.schema = &schema}, "DROP TYPE mood", NULL,
				     0, a, &v, &n, &e));
	ck_assert_str_eq(e.detail, "column m of table person depends on type mood\n"
				   "column ms of table person depends on type mood");
	ck_assert_str_eq(e.hint, "Use DROP ... CASCADE to drop the dependent objects too.");
	arena_free(a);
}
END_TEST

/* DROP TYPE ... CASCADE's NOTICE names the columns it drops in PostgreSQL's order: the enum
 * array's columns first, then the enum's, each table's last first. */
START_TEST(drop_cascade_notice)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &schema}, "DROP TYPE mood CASCADE",
				    NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(v[0].skip_type, "cascade");
	ck_assert_uint_eq(v[0].nskip_names, 2);
	ck_assert_str_eq(v[0].skip_names[0], "column ms of table person");
	ck_assert_str_eq(v[0].skip_names[1], "column m of table person");
	ck_assert(v[0].skip_present);
	arena_free(a);
}
END_TEST

/* Statements after a CREATE/ALTER TYPE in the same input see the type as it will be. */
START_TEST(same_input)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(xlat_translate_in(&(struct xlat_env){.schema = &schema},
					"CREATE TYPE feel AS ENUM ('lo', 'hi'); "
					"ALTER TYPE feel ADD VALUE 'mid' AFTER 'lo'; "
					"CREATE TABLE t (f feel); SELECT 'mid'::feel; "
					"DROP TYPE mood CASCADE; SELECT 'ok'::mood",
					NULL, 0, a, &v, &n, &e) == false,
		      "mood is gone after its DROP");
	ck_assert_str_eq(e.sqlstate, "42704");
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &schema},
				    "CREATE TYPE feel AS ENUM ('lo', 'hi'); "
				    "ALTER TYPE feel ADD VALUE 'mid' AFTER 'lo'; "
				    "CREATE TABLE t (f feel); SELECT 'mid'::feel",
				    NULL, 0, a, &v, &n, &e));
	ck_assert_int_eq(n, 4);
	ck_assert_str_eq(v[2].sql, "CREATE TABLE t (f \"feel\"); SELECT shardlite_defacl('r', 't', 't')");
	ck_assert_str_eq(v[3].sql, "SELECT pgfn_enum_in('mid', 'feel', 'lo', 'mid', 'hi') AS feel");
	arena_free(a);
}
END_TEST

/* A domain over an enum: CREATE DOMAIN names the enum as its base; DROP TYPE of the enum is
 * 2BP01 naming the domain, RENAME TO 0A000 (the domain's row names it). */
START_TEST(domain_over_enum)
{
	static const char *const names[] = {"good_check"}, *const checks[] = {"value <> 'sad'"};
	static const struct xlat_domain domains[] = {
		{"good", 41001, 41002, "mood", false, NULL, names, checks, 1, NULL, NULL, 0, NULL},
		{NULL, 0, 0, NULL, false, NULL, NULL, NULL, 0, NULL, NULL, 0, NULL},
	};
	struct xlat_schema with = schema;
	with.domains = domains;
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &schema},
				    "CREATE DOMAIN d AS mood NOT NULL", NULL, 0, a, &v, &n, &e));
	ck_assert_ptr_nonnull(strstr(v[0].sql, "shardlite_domain('create', 'd', 'mood', 1, NULL)"));
	ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &with}, "SELECT 'ok'::good", NULL,
				    0, a, &v, &n, &e));
	ck_assert_ptr_nonnull(strstr(v[0].sql, "pgfn_domain_check("));
	ck_assert_ptr_nonnull(strstr(v[0].sql, "'good_check'"));
	ck_assert(!xlat_translate_in(&(struct xlat_env){.schema = &with}, "DROP TYPE mood", NULL, 0,
				     a, &v, &n, &e));
	ck_assert_str_eq(e.sqlstate, "2BP01");
	ck_assert_str_eq(e.detail, "type good depends on type mood");
	pgerr_clear(&e);
	ck_assert(!xlat_translate_in(&(struct xlat_env){.schema = &with},
				     "ALTER TYPE mood RENAME TO feel", NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(e.message, "ALTER TYPE ... RENAME TO of an enum a domain is over is not "
				    "supported");
	arena_free(a);
}
END_TEST

/* enum_indexes_fn: person_hi orders mood (WHERE m > 'ok'), person_sad compares it with a label */
static const char *const *mood_indexes(void *arg, const char *type, struct arena *a, size_t *n)
{
	static const char *const v[] = {
		"person_hi",
		"CREATE UNIQUE INDEX person_hi ON public.person USING btree (name) WHERE (m > "
		"'ok'::mood)",
		"person_sad", "CREATE INDEX person_sad ON public.person USING btree (name) WHERE (m = "
			      "'sad'::mood)"};
	(void)arg;
	(void)a;
	*n = strcmp(type, "mood") == 0 ? 2 : 0;
	return *n ? v : NULL;
}

/* ALTER TYPE ... ADD VALUE / RENAME VALUE make the enum's indexes again in their script
 * (xlat_enumrefit.c), with the labels as they now are; a CHECK still refuses (the guard). */
START_TEST(refit_indexes)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	struct xlat_env env = {.schema = &schema, .enum_indexes_fn = mood_indexes};
	ck_assert(xlat_translate_in(&env, "ALTER TYPE mood ADD VALUE 'great' AFTER 'happy'", NULL,
				    0, a, &v, &n, &e));
	ck_assert_int_eq(n, 1);
	ck_assert_msg(strstr(v[0].sql, "FROM main.sqlite_schema WHERE type <> 'index' UNION ALL "
				       "SELECT type, name, sql FROM temp.sqlite_schema) WHERE "
				       "instr(sql, '/* shardlite: enum order mood */')"),
		      "%s", v[0].sql);
	ck_assert_msg(strstr(v[0].sql, "; DROP INDEX main.person_hi; CREATE UNIQUE INDEX "
				       "person_hi ON person (name) WHERE "),
		      "%s", v[0].sql);
	ck_assert_msg(strstr(v[0].sql, "m IN ('happy', 'great')"), "%s", v[0].sql);
	ck_assert_msg(strstr(v[0].sql, "; DROP INDEX main.person_sad; CREATE INDEX person_sad"),
		      "%s", v[0].sql);
	ck_assert(xlat_translate_in(&env, "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'", NULL, 0,
				    a, &v, &n, &e));
	ck_assert_msg(strstr(v[0].sql, "/* shardlite: pg (m = 'blue'::mood) */"), "%s", v[0].sql);
	ck_assert_msg(strstr(v[0].sql, "/* shardlite: enum label mood */ m = 'blue'"), "%s",
		      v[0].sql);
	ck_assert_msg(!strstr(v[0].sql, "'sad')"), "%s", v[0].sql);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_enum(void)
{
	Suite *s = suite_create("xlat_enum");
	TCase *tc = tcase_create("enum");
	tcase_add_loop_test(tc, enum_case, 0, (int)ARRAY_LEN(cases));
	tcase_add_loop_test(tc, enum_error, 0, (int)ARRAY_LEN(errors));
	tcase_add_test(tc, drop_detail);
	tcase_add_test(tc, drop_cascade_notice);
	tcase_add_test(tc, drop_domain_missing);
	tcase_add_test(tc, same_input);
	tcase_add_test(tc, domain_over_enum);
	tcase_add_test(tc, refit_indexes);
	suite_add_tcase(s, tc);
	return s;
}
