/* SPDX-License-Identifier: Apache-2.0 */
/* test_schema.c: schema prefixes name tenants. Each case translates with a session tenant
 * ("home") and a search_path tenant (or none), and checks the SQLite SQL, the tenants the
 * statement reports, and that SQLite prepares it with tenant "acme" attached; then the cache:
 * search_path is part of its key, and prefixed statements are not remembered. */
#include "xlat_test.h"

#include "pgfn.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct scase {
	const char *search; /* search_path's tenant, NULL: the session's own */
	const char *pg;
	const char *want;    /* SQLite SQL, or "!SSSSS" / "!SSSSS@N" */
	const char *tenants; /* the reported tenants, comma-separated ("" for none) */
};

static const struct scase cases[] = {
	/* unqualified and public. are the session's file; pg_catalog and
	 * information_schema the catalog */
	{NULL, "SELECT a FROM t", "SELECT a FROM t", ""},
	{NULL, "SELECT a FROM public.t", "SELECT a FROM t", ""},
	{NULL, "SELECT relname FROM pg_catalog.pg_class", "SELECT relname FROM pg_class", ""},
	/* another tenant: its attached schema */
	{NULL, "SELECT v FROM acme.t", "SELECT v FROM acme.t", "acme"},
	{NULL, "SELECT \"Acme\".t.v FROM \"Acme\".t", "SELECT acme.t.v FROM acme.t", "acme"},
	{NULL, "SELECT l.a, r.v FROM t AS l JOIN acme.t AS r ON r.id = l.id",
	 "SELECT l.a, r.v FROM t AS l JOIN acme.t AS r ON r.id = l.id", "acme"},
	{NULL, "SELECT 1 FROM acme.t, \"team-1\".t, acme.t AS x",
	 "SELECT 1 AS \"?column?\" FROM acme.t, \"team-1\".t, acme.t AS x", "acme,team-1"},
	{NULL, "INSERT INTO acme.t (id, v) VALUES (1, 'x') RETURNING id",
	 "INSERT INTO acme.t (id, v) VALUES (1, 'x') RETURNING id, shardlite_returning()", "acme"},
	{NULL, "UPDATE acme.t SET v = 'y' WHERE id = 1", "UPDATE acme.t SET v = 'y' WHERE id = 1",
	 "acme"},
	{NULL, "DELETE FROM acme.t WHERE id IN (SELECT id FROM t)",
	 "DELETE FROM acme.t WHERE id IN (SELECT id FROM t)", "acme"},
	{NULL, "CREATE TABLE acme.n (a integer)", "CREATE TABLE acme.n (a int4)", "acme"},
	/* DROP TABLE also forgets the table's comments and sequences in the sidecar of the
	 * session's own file (shardlite_forget), which cannot reach another tenant's */
	{NULL, "DROP TABLE acme.t", "!0A000", ""},
	{NULL, "TRUNCATE acme.t", "DELETE FROM acme.t", "acme"},
	/* the session's own tenant as a prefix is its own file */
	{NULL, "SELECT a FROM home.t", "SELECT a FROM t", ""},
	/* search_path: unqualified names go to its tenant, catalog names stay the catalog's */
	{"acme", "SELECT v FROM t", "SELECT v FROM acme.t", "acme"},
	{"acme", "SELECT a FROM public.t", "SELECT a FROM t", ""},
	{"acme", "SELECT relname FROM pg_class", "SELECT relname FROM pg_class", ""},
	{"acme", "INSERT INTO t (id, v) VALUES (2, 'z')", "INSERT INTO acme.t (id, v) VALUES (2, 'z')",
	 "acme"},
	/* names that cannot be tenants, and SQLite's own schema names: in a query no such
	 * relation (42P01), in DDL no such schema (3F000), as PostgreSQL answers */
	{NULL, "SELECT 1 FROM \"no such\".t", "!42P01@15", ""},
	{NULL, "SELECT 1 FROM main.t", "!42P01@15", ""},
	{NULL, "SELECT 1 FROM temp.t", "!42P01@15", ""},
	{NULL, "SELECT 1 FROM pg_toast.t", "!42P01@15", ""},
	{NULL, "SELECT 1 FROM pg_temp.t", "SELECT 1 AS \"?column?\" FROM temp.t", ""},
	{"acme", "DELETE FROM pg_temp.t", "DELETE FROM temp.t", ""},
	{NULL, "SELECT 1 FROM _x.t", "!42P01@15", ""},
	{NULL, "DELETE FROM _x.t", "!42P01@13", ""},
	{NULL, "CREATE TABLE _x.t (a int)", "!3F000@14", ""},
	{NULL, "SELECT 1 FROM db.acme.t", "!0A000@15", ""},
	/* what cannot reach another tenant's file is refused */
	{NULL, "CREATE INDEX ON acme.t (v)", "!0A000", ""},
	{NULL, "CREATE VIEW w AS SELECT v FROM acme.t", "!0A000", ""},
	{NULL, "CREATE TABLE n (a integer REFERENCES acme.t)", "!0A000@38", ""},
	{NULL, "ALTER TABLE acme.t ADD PRIMARY KEY (id)", "!0A000", ""},
	{NULL, "COPY acme.t FROM STDIN", "!0A000", ""},
	{"acme", "COPY t TO STDOUT", "!0A000", ""},
	{NULL, "DROP TABLE acme.t, acme.u", "!0A000", ""},
};

static sqlite3 *open_attached(void)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	static const char setup[] = "CREATE TABLE t (id integer PRIMARY KEY, a integer);"
				    "CREATE TABLE pg_class (relname text);"
				    "CREATE TEMP TABLE t (id integer PRIMARY KEY, a integer);"
				    "ATTACH ':memory:' AS acme;"
				    "CREATE TABLE acme.t (id integer PRIMARY KEY, v text);"
				    "ATTACH ':memory:' AS \"team-1\";"
				    "CREATE TABLE \"team-1\".t (id integer PRIMARY KEY);";
	ck_assert_int_eq(sqlite3_exec(db, setup, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_ptr_nonnull(pgfn_register(db)); /* RETURNING's shardlite_returning() */
	return db;
}

static const char *joined(const struct xlat_stmt *st, struct arena *a)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < st->ntenants; i++)
		strbuf_printf(&sb, "%s%s", i ? "," : "", st->tenants[i]);
	const char *r = arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return r;
}

static void check_ok(const struct scase *x, const struct xlat_stmt *st, struct arena *a)
{
	ck_assert_msg(strcmp(st->sql, x->want) == 0, "%s\n  want %s\n  got  %s", x->pg, x->want,
		      st->sql);
	const char *t = joined(st, a);
	ck_assert_msg(strcmp(t, x->tenants) == 0, "%s: tenants want [%s] got [%s]", x->pg,
		      x->tenants, t);
	sqlite3 *db = open_attached();
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, st->sql, -1, &vm, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: SQLite rejects %s: %s", x->pg, st->sql,
		      sqlite3_errmsg(db));
	sqlite3_finalize(vm);
	sqlite3_close(db);
}

START_TEST(translate_case)
{
	const struct scase *x = &cases[_i];
	struct xlat_env env = {.tenant = "home", .search = x->search};
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	bool ok = xlat_translate_in(&env, x->pg, NULL, 0, a, &v, &n, &e);
	if (x->want[0] == '!') {
		ck_assert_msg(!ok, "%s: want %s, got %s", x->pg, x->want, ok ? v[0].sql : "");
		ck_assert_msg(strncmp(e.sqlstate, x->want + 1, 5) == 0, "%s: want %s got %s: %s",
			      x->pg, x->want, e.sqlstate, e.message);
		const char *at = strchr(x->want, '@');
		if (at)
			ck_assert_int_eq(e.position, atoi(at + 1));
	} else {
		ck_assert_msg(ok, "%s: %s %s", x->pg, e.sqlstate, e.message);
		ck_assert_int_eq(n, 1);
		check_ok(x, &v[0], a);
	}
	arena_free(a);
}
END_TEST

/* Translates sql twice in env and reports whether the second came from the cache. */
static bool second_hits(const struct xlat_env *env, const char *sql, const char **out,
			struct arena *a)
{
	struct xlat_cache_stats before, after;
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	ck_assert(xlat_translate_in(env, sql, NULL, 0, a, &v, &n, &e));
	xlat_cache_stats(&before);
	ck_assert(xlat_translate_in(env, sql, NULL, 0, a, &v, &n, &e));
	xlat_cache_stats(&after);
	*out = v[0].sql;
	return after.hits > before.hits;
}

/* The same text means different tables under different search_paths: the cache must not
 * answer one with the other's translation. */
START_TEST(cache_keyed_by_search_path)
{
	struct arena *a = arena_new(0);
	struct xlat_env plain = {.tenant = "home"}, acme = {.tenant = "home", .search = "acme"};
	const char *sql = NULL;
	ck_assert(second_hits(&plain, "SELECT id FROM t WHERE id = 41", &sql, a));
	ck_assert_str_eq(sql, "SELECT id FROM t WHERE id = 41");
	ck_assert(second_hits(&acme, "SELECT id FROM t WHERE id = 42", &sql, a));
	ck_assert_str_eq(sql, "SELECT id FROM acme.t WHERE id = 42");
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	ck_assert(xlat_translate_in(&plain, "SELECT id FROM t WHERE id = 43", NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(v[0].sql, "SELECT id FROM t WHERE id = 43");
	ck_assert_int_eq(v[0].ntenants, 0);
	ck_assert(xlat_translate_in(&acme, "SELECT id FROM t WHERE id = 44", NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(v[0].sql, "SELECT id FROM acme.t WHERE id = 44");
	ck_assert_int_eq(v[0].ntenants, 1);
	ck_assert_str_eq(v[0].tenants[0], "acme"); /* copied out of the cache entry */
	arena_free(a);
}
END_TEST

/* Without a default tenant, current_schema() is the connection's tenant or NULL; cached
 * apart from a session with a tenant (public) and from each other. */
START_TEST(current_schema_without_a_default_tenant)
{
	struct arena *a = arena_new(0);
	struct xlat_env home = {.tenant = "home"}, hub = {.no_default = true},
			acme = {.tenant = "acme", .no_default = true};
	const char *sql = NULL;
	ck_assert(second_hits(&home, "SELECT current_schema() AS s WHERE 1 = 1", &sql, a));
	ck_assert_str_eq(sql, "SELECT 'public' AS s WHERE 1 = 1");
	ck_assert(second_hits(&hub, "SELECT current_schema() AS s WHERE 1 = 2", &sql, a));
	ck_assert_str_eq(sql, "SELECT NULL AS s WHERE 1 = 2");
	ck_assert(second_hits(&acme, "SELECT current_schema() AS s WHERE 1 = 3", &sql, a));
	ck_assert_str_eq(sql, "SELECT 'acme' AS s WHERE 1 = 3");
	arena_free(a);
}
END_TEST

/* What home.t means depends on the session's tenant, which the key does not hold. */
START_TEST(prefixed_not_cached)
{
	struct arena *a = arena_new(0);
	struct xlat_env home = {.tenant = "home"}, other = {.tenant = "other"};
	const char *sql = NULL;
	ck_assert(!second_hits(&home, "SELECT id FROM home.t WHERE id = 1", &sql, a));
	ck_assert_str_eq(sql, "SELECT id FROM t WHERE id = 1");
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	ck_assert(xlat_translate_in(&other, "SELECT id FROM home.t WHERE id = 1", NULL, 0, a, &v, &n,
				    &e));
	ck_assert_str_eq(v[0].sql, "SELECT id FROM home.t WHERE id = 1");
	arena_free(a);
}
END_TEST

/* A query remembers each tenant's first relation as written (PostgreSQL's 42P01 names it
 * when the tenant does not exist); DDL does not (PostgreSQL says 3F000 there). */
static const struct {
	const char *search, *pg, *rel;
	int pos;
} rel_cases[] = {
	{NULL, "SELECT * FROM \"Acme\".t", "Acme.t", 15},
	{NULL, "INSERT INTO x.t VALUES (1)", "x.t", 13},
	{NULL, "WITH w AS (SELECT 1) SELECT * FROM w, acme.t, acme.u", "acme.t", 39},
	{"acme", "DELETE FROM t", "t", 13},
	{NULL, "CREATE TABLE acme.t (a int)", NULL, 0},
};

START_TEST(tenant_rel_case)
{
	struct xlat_env env = {.tenant = "home", .search = rel_cases[_i].search};
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	ck_assert_msg(xlat_translate_in(&env, rel_cases[_i].pg, NULL, 0, a, &v, &n, &e), "%s: %s",
		      rel_cases[_i].pg, e.message);
	ck_assert_int_eq(v[0].ntenants, 1);
	if (!rel_cases[_i].rel) {
		ck_assert_ptr_null(v[0].tenant_rels);
	} else {
		ck_assert_str_eq(v[0].tenant_rels[0], rel_cases[_i].rel);
		ck_assert_int_eq(v[0].tenant_pos[0], rel_cases[_i].pos);
	}
	arena_free(a);
}
END_TEST

/* The tenant's own schema "app" (CREATE SCHEMA): its objects are the file's "app.t", a FROM
 * item keeps the reference name t; "acme" is still a tenant. */
static const struct {
	const char *pg, *want;
} local_cases[] = {
	{"SELECT v FROM app.t", "SELECT v FROM \"app.t\" AS t"},
	{"SELECT app.t.v, t.v FROM app.t", "SELECT t.v, t.v FROM \"app.t\" AS t"},
	{"SELECT x.v FROM app.t x JOIN acme.t y ON y.id = x.id",
	 "SELECT x.v FROM \"app.t\" AS x JOIN acme.t AS y ON y.id = x.id"},
	{"CREATE INDEX i ON app.t (v)", "CREATE INDEX \"app.i\" ON \"app.t\" (v)"},
	{"DROP SCHEMA nosuch", "!3F000"},
	{"CREATE SCHEMA app", "!42P06"},
	{"CREATE SCHEMA pg_x", "!42939"},
	{"CREATE SCHEMA \"a.b\"", "!0A000"},
	{"CREATE SCHEMA s CREATE TABLE app.t (a int)", "!42P15"},
	{"ALTER TABLE app.t SET SCHEMA nosuch", "!3F000"},
	{"ALTER TABLE app.t SET SCHEMA pg_catalog", "!42501"},
	{"ALTER SCHEMA app RENAME TO public", "!42P06"},
	{"ALTER SCHEMA nosuch RENAME TO x", "!3F000"},
	{"CREATE SCHEMA AUTHORIZATION bob", "SELECT shardlite_schema('create', 'bob', 0)"},
	{"DROP SCHEMA app", "SELECT shardlite_schema('drop', 'app', 1, 0)"},
};

START_TEST(local_schema_case)
{
	static const char *const nsps[] = {"app"};
	struct xlat_env env = {.tenant = "home", .local_schemas = nsps, .nlocal_schemas = 1};
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	const char *pg = local_cases[_i].pg, *want = local_cases[_i].want;
	bool ok = xlat_translate_in(&env, pg, NULL, 0, a, &v, &n, &e);
	if (want[0] == '!') {
		ck_assert_msg(!ok, "%s: want %s, got %s", pg, want, ok ? v[0].sql : "");
		ck_assert_msg(strncmp(e.sqlstate, want + 1, 5) == 0, "%s: want %s got %s: %s", pg,
			      want, e.sqlstate, e.message);
	} else {
		ck_assert_msg(ok, "%s: %s %s", pg, e.sqlstate, e.message);
		ck_assert_msg(strstr(v[0].sql, want) != NULL, "%s\n  want %s\n  got  %s", pg, want,
			      v[0].sql);
	}
	arena_free(a);
}
END_TEST

/* search_path naming the tenant's own schema: CREATE makes its object in the first element,
 * and the cache key tells the paths apart. */
START_TEST(local_search_path_create)
{
	static const char *const nsps[] = {"app"};
	struct xlat_env env = {.tenant = "home", .local_schemas = nsps, .nlocal_schemas = 1,
			       .search_local = {"app", ""}, .nsearch_local = 2};
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert(xlat_translate_in(&env, "CREATE TABLE n (a int)", NULL, 0, a, &v, &n, &e));
	ck_assert_msg(strstr(v[0].sql, "\"app.n\"") != NULL, "%s", v[0].sql);
	env.search_local[0] = "";
	env.nsearch_local = 1;
	ck_assert(xlat_translate_in(&env, "CREATE TABLE n (a int)", NULL, 0, a, &v, &n, &e));
	ck_assert_msg(strstr(v[0].sql, "app.n") == NULL, "%s", v[0].sql);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_schema(void)
{
	Suite *s = suite_create("schema");
	TCase *tc = tcase_create("schema");
	tcase_add_loop_test(tc, translate_case, 0, (int)ARRAY_LEN(cases));
	tcase_add_loop_test(tc, tenant_rel_case, 0, (int)ARRAY_LEN(rel_cases));
	tcase_add_loop_test(tc, local_schema_case, 0, (int)ARRAY_LEN(local_cases));
	tcase_add_test(tc, local_search_path_create);
	tcase_add_test(tc, cache_keyed_by_search_path);
	tcase_add_test(tc, prefixed_not_cached);
	tcase_add_test(tc, current_schema_without_a_default_tenant);
	suite_add_tcase(s, tc);
	return s;
}
