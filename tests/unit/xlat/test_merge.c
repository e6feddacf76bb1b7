/* SPDX-License-Identifier: Apache-2.0 */
/* test_merge.c: MERGE becomes steps — the plan (the source LEFT JOIN the target, the acting
 * WHEN clause of each pair), the 21000 check, one action per WHEN clause reading the plan's
 * rows through json_each() of the parameter after the client's — and what PostgreSQL refuses
 * or the emulation cannot do faithfully is an error with the right SQLSTATE. */
#include "xlat_test.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base.h"

/* t(id int4 serial key, v varchar(3), n int8), s(id int4, w text) */
static const struct xlat_schema_col t_cols[] = {{"id", 23, -1, 0, "t_id_seq", false, false, false},
						{"v", 1043, 7, 0, NULL, false, false, false},
						{"n", 20, -1, 0, NULL, false, false, false}};
static const struct xlat_schema_col s_cols[] = {{"id", 23, -1, 0, NULL, false, false, false},
						{"w", 25, -1, 0, NULL, false, false, false}};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	if (strcasecmp(name, "t") == 0) {
		*cols = t_cols;
		*ncols = ARRAY_LEN(t_cols);
		return true;
	}
	if (strcasecmp(name, "s") == 0) {
		*cols = s_cols;
		*ncols = ARRAY_LEN(s_cols);
		return true;
	}
	return false;
}

static const struct xlat_schema schema = {.table_fn = table_fn, .fingerprint = 0x3e76};

struct mcase {
	const char *pg;
	const char *want;  /* the statement's own SQLite SQL (the last action), or "!SSSSS" */
	const char *steps; /* the steps' SQL joined with " ; " */
	int param;	   /* the plan's parameter */
};

/* how a reader spells value i of a plan row */
#define V(i)                                                                          \
	"CASE json_type(value, '$[" #i "]') WHEN 'object' THEN pgfn_decode(json_extract(" \
	"value, '$[" #i "].x'), 'hex') ELSE json_extract(value, '$[" #i "]') END"
/* the plan's rows of clause k, with s's columns */
#define READ(p, k, cols) \
	"WITH __merge(__tid, " cols ") AS (SELECT " V(0) ", " V(2) ", " V(3) " FROM json_each(?" \
	#p ") WHERE json_extract(value, '$[1]') = " #k ") "
#define ONCE(p, ks)                                                                        \
	"SELECT shardlite_merge_once(count(*)) FROM json_each(?" #p ") WHERE json_extract(" \
	"value, '$[1]') IN (" ks ") GROUP BY json_extract(value, '$[0]')"
#define PLAN(nm, m) \
	"SELECT t.rowid, CASE WHEN t.rowid IS NULL THEN " nm " ELSE " m " END, s.id, s.w FROM s " \
	"LEFT JOIN t AS t ON t.id = s.id"

static const struct mcase cases[] = {
	/* the upsert: clauses numbered in order, the last action is the statement itself */
	{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET n = t.n + 1 "
	 "WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.w)",
	 READ(1, 2, "id, w") "INSERT INTO t (id, v) SELECT shardlite_notnull(s.id, 'id', 't'), "
			     "shardlite_varchar(s.w, 3) FROM __merge AS s",
	 PLAN("CASE WHEN 1 THEN 2 END", "CASE WHEN 1 THEN 1 END") " ; " ONCE(1, "1") " ; " READ(
		 1, 1, "id, w") "UPDATE t AS t SET n = shardlite_int8op(t.n + 1) FROM __merge AS s "
				"WHERE t.rowid = s.\"__tid\"",
	 1},
	/* aliases, conditions, DO NOTHING (no action), parameters: the plan's comes after them */
	{"MERGE INTO t AS x USING (VALUES ($1, 'a')) AS y(k, w) ON x.id = y.k "
	 "WHEN MATCHED AND y.w = 'd' THEN DELETE WHEN MATCHED THEN DO NOTHING "
	 "WHEN NOT MATCHED AND y.k > 0 THEN INSERT VALUES (y.k, y.w, $2)",
	 "WITH __merge(__tid, k, w) AS (SELECT " V(0) ", " V(2) ", " V(3) " FROM json_each(?3) "
	 "WHERE json_extract(value, '$[1]') = 3) INSERT INTO t SELECT "
	 "shardlite_notnull(shardlite_int4(y.k), 'id', 't'), shardlite_varchar(y.w, 3), ?2 AS "
	 "\"?column?\" FROM __merge AS y",
	 "SELECT x.rowid, CASE WHEN x.rowid IS NULL THEN CASE WHEN (y.k > 0) THEN 3 END ELSE CASE "
	 "WHEN (y.w = 'd') THEN 1 WHEN 1 THEN 2 END END, y.k, y.w FROM (WITH \"xlat:1\"(k, w) AS "
	 "(VALUES (?1, 'a')) SELECT * FROM \"xlat:1\") AS y LEFT JOIN t AS x ON x.id = y.k ; " ONCE(
		 3, "1") " ; DELETE FROM t WHERE rowid IN (SELECT json_extract(value, '$[0]') FROM "
			 "json_each(?3) WHERE json_extract(value, '$[1]') = 1)",
	 3},
	/* DEFAULT VALUES: the serial key from the numbers the shard holds (shard_serial.c) */
	{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT DEFAULT VALUES",
	 READ(1, 1, "id, w") "INSERT INTO t (id) SELECT (shardlite_serial('t', 2147483647, "
			     "(SELECT max(rowid) FROM main.t), (SELECT seq FROM main.sqlite_sequence "
			     "WHERE name = 't' COLLATE NOCASE), (SELECT rowid FROM "
			     "main.sqlite_sequence WHERE name = 't' COLLATE NOCASE))) FROM __merge",
	 PLAN("CASE WHEN 1 THEN 1 END", "NULL"), 1},
	/* DEFAULT leaves its column out */
	{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (v, n) VALUES (s.w, "
	 "DEFAULT)",
	 READ(1, 1, "id, w") "INSERT INTO t (v, id) SELECT *, shardlite_serial('t', 2147483647, "
	 "(SELECT max(rowid) FROM main.t), (SELECT seq FROM main.sqlite_sequence WHERE name = 't' "
	 "COLLATE NOCASE), (SELECT rowid FROM main.sqlite_sequence WHERE name = 't' COLLATE "
	 "NOCASE)) FROM (SELECT shardlite_varchar(s.w, 3) FROM __merge AS s) WHERE true",
	 PLAN("CASE WHEN 1 THEN 1 END", "NULL"), 1},
	/* nothing to do: a statement that changes nothing keeps the tag's count at 0 */
	{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DO NOTHING", "DELETE FROM t WHERE 0",
	 PLAN("NULL", "CASE WHEN 1 THEN 1 END"), 1},
	/* a CTE as the source: the statement's WITH goes with every step */
	{"WITH q AS (SELECT 1 AS id) MERGE INTO t USING q ON t.id = q.id "
	 "WHEN MATCHED THEN UPDATE SET n = 0",
	 "WITH q AS (SELECT 1 AS id), __merge(__tid, id) AS (SELECT " V(0) ", " V(2) " FROM "
	 "json_each(?1) WHERE json_extract(value, '$[1]') = 1) UPDATE t AS t SET n = 0 FROM "
	 "__merge AS q WHERE t.rowid = q.\"__tid\"",
	 "WITH q AS (SELECT 1 AS id) SELECT t.rowid, CASE WHEN t.rowid IS NULL THEN NULL ELSE CASE "
	 "WHEN 1 THEN 1 END END, q.id FROM q LEFT JOIN t AS t ON t.id = q.id ; " ONCE(1, "1"),
	 1},
	/* a * over tables in a subquery source is spelled out: the plan carries columns by name */
	{"MERGE INTO t USING (SELECT * FROM s WHERE s.id > 1) AS s ON t.id = s.id "
	 "WHEN MATCHED THEN DELETE",
	 "DELETE FROM t WHERE rowid IN (SELECT json_extract(value, '$[0]') FROM json_each(?1) "
	 "WHERE json_extract(value, '$[1]') = 1)",
	 "SELECT t.rowid, CASE WHEN t.rowid IS NULL THEN NULL ELSE CASE WHEN 1 THEN 1 END END, "
	 "s.id, s.w FROM (SELECT s.id, s.w FROM s WHERE s.id > 1) AS s LEFT JOIN t AS t "
	 "ON t.id = s.id ; " ONCE(1, "1"),
	 1},
	/* a join as the source: the plan carries each relation's columns, and the actions read
	 * each relation back as a CTE of its own, joined on the plan row they came from */
	{"MERGE INTO t USING s JOIN t AS u ON u.id = s.id ON t.id = s.id WHEN MATCHED THEN "
	 "UPDATE SET n = u.n + s.id",
	 "WITH __merge_0(\"__row\", __tid, id, w) AS (SELECT key, json_extract(value, '$[0]'), "
	 V(2) ", " V(3) " FROM json_each(?1) WHERE json_extract(value, '$[1]') = 1), "
	 "__merge_1(\"__row\", id, v, n) AS (SELECT key, " V(4) ", " V(5) ", " V(6) " FROM "
	 "json_each(?1) WHERE json_extract(value, '$[1]') = 1) UPDATE t AS t SET n = "
	 "shardlite_int8op(u.n + s.id) FROM __merge_0 AS s JOIN __merge_1 AS u USING (__row) WHERE "
	 "t.rowid = s.\"__tid\"",
	 "SELECT t.rowid, CASE WHEN t.rowid IS NULL THEN NULL ELSE CASE WHEN 1 THEN 1 END END, "
	 "s.id, s.w, u.id, u.v, u.n FROM s JOIN t AS u ON u.id = s.id LEFT JOIN t AS t ON t.id = "
	 "s.id ; " ONCE(1, "1"),
	 1},
	/* another tenant's table as the source: the columns the actions name */
	{"MERGE INTO t USING other.x AS o ON t.id = o.id WHEN MATCHED THEN UPDATE SET v = o.name "
	 "WHEN NOT MATCHED THEN INSERT (id, v) VALUES (o.id, code)",
	 "WITH __merge(__tid, name, id, code) AS (SELECT " V(0) ", " V(2) ", " V(3) ", " V(4) " FROM "
	 "json_each(?1) WHERE json_extract(value, '$[1]') = 2) INSERT INTO t (id, v) SELECT "
	 "shardlite_notnull(shardlite_int4(o.id), 'id', 't'), shardlite_varchar(code, 3) FROM "
	 "__merge AS o",
	 "SELECT t.rowid, CASE WHEN t.rowid IS NULL THEN CASE WHEN 1 THEN 2 END ELSE CASE WHEN 1 "
	 "THEN 1 END END, o.name, o.id, o.code FROM other.x AS o LEFT JOIN t AS t ON t.id = o.id "
	 "; " ONCE(1, "1") " ; WITH __merge(__tid, name, id, code) AS (SELECT " V(0) ", " V(2) ", " V(
		 3) ", " V(4) " FROM json_each(?1) WHERE json_extract(value, '$[1]') = 1) UPDATE t AS "
			 "t SET v = shardlite_varchar(o.name, 3) FROM __merge AS o WHERE t.rowid = "
			 "o.\"__tid\"",
	 1},
	/* what PostgreSQL refuses */
	{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED AND t.n > 0 THEN DO NOTHING",
	 "!42P01", "", 0},
	{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id) VALUES (n)",
	 "!42703", "", 0},
	{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id, 1)",
	 "!42601", "", 0},
	{"MERGE INTO t USING nosuch s ON t.id = s.id WHEN MATCHED THEN DELETE", "!42P01", "", 0},
	/* a clause after an unconditional one of its kind could never run */
	{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE "
	 "WHEN MATCHED THEN UPDATE SET n = 1",
	 "!42601", "", 0},
	{"MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN DO NOTHING "
	 "WHEN MATCHED THEN DELETE WHEN NOT MATCHED AND s.n > 1 THEN DO NOTHING",
	 "!42601", "", 0},
	{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET id = 1 "
	 "WHEN MATCHED THEN INSERT VALUES (1)",
	 "!42601", "", 0},
	/* what is not done here */
	{"MERGE INTO t USING (SELECT * FROM s, t) AS x ON t.id = x.id WHEN MATCHED THEN DELETE",
	 "!0A000", "", 0},
	{"MERGE INTO t USING s JOIN t AS s ON true ON t.id = s.id WHEN MATCHED THEN DELETE",
	 "!42712", "", 0},
	{"MERGE INTO t USING t ON true WHEN MATCHED THEN DELETE", "!42712", "", 0},
	{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED AND t.ctid > '(0,1)' THEN DELETE",
	 "!42P10", "", 0},
	{"MERGE INTO t x USING (SELECT 1 AS id) x ON true WHEN MATCHED THEN DELETE", "!42712", "",
	 0},
	{"WITH d AS (DELETE FROM s RETURNING *) MERGE INTO t USING d ON t.id = d.id "
	 "WHEN MATCHED THEN DELETE",
	 "!0A000", "", 0},
	{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET n = DEFAULT", "!0A000",
	 "", 0},
	{"EXPLAIN MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "!0A000", "", 0},
};

static void join_steps(const struct xlat_stmt *st, char *steps, size_t n)
{
	size_t at = 0;
	steps[0] = '\0';
	for (size_t k = 1; k < st->nsteps; k++) /* after the lock (checked apart) */
		at += (size_t)snprintf(steps + at, n - at, "%s%s", k > 1 ? " ; " : "",
				       st->steps[k].sql);
}

START_TEST(merge_case)
{
	const struct mcase *m = &cases[_i];
	struct xlat_env env = {.schema = &schema};
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	bool ok = xlat_translate_in(&env, m->pg, NULL, 0, a, &v, &n, &e);
	if (m->want[0] == '!') {
		ck_assert_msg(!ok, "%s: translated to %s", m->pg, ok ? v->sql : "");
		ck_assert_str_eq(e.sqlstate, m->want + 1);
		arena_free(a);
		return;
	}
	ck_assert_msg(ok, "%s: %s %s", m->pg, e.sqlstate, e.message);
	ck_assert_str_eq(v->tag, "MERGE");
	ck_assert(v->writes);
	ck_assert(!v->returns_rows);
	ck_assert_str_eq(v->sql, m->want);
	char steps[4096];
	ck_assert_str_eq(v->steps[0].sql, "DELETE FROM t WHERE 0");
	join_steps(v, steps, sizeof(steps));
	ck_assert_str_eq(steps, m->steps);
	ck_assert_int_eq(v->steps[1].param, m->param);
	ck_assert(v->steps[0].reads && !v->steps[0].counts && v->steps[1].reads);
	ck_assert(v->steps[v->nsteps - 1].counts || v->nsteps <= 3);
	arena_free(a);
}
END_TEST

/* Under search_path naming another tenant, its table is attached and prefixed; the plan's
 * reader, a CTE, is not. */
START_TEST(merge_search_path)
{
	struct xlat_env env = {.schema = &schema, .search = "acme2"};
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	bool ok = xlat_translate_in(&env,
				    "MERGE INTO w USING (VALUES (1)) AS s(k) ON w.k = s.k "
				    "WHEN MATCHED THEN UPDATE SET k = 2",
				    NULL, 0, a, &v, &n, &e);
	ck_assert_msg(ok, "%s %s", e.sqlstate, e.message);
	ck_assert_ptr_nonnull(strstr(v->sql, "UPDATE acme2.w AS w SET k = 2 FROM __merge AS s"));
	ck_assert_uint_eq(v->ntenants, 1);
	ck_assert_str_eq(v->tenants[0], "acme2");
	arena_free(a);
}
END_TEST

Suite *xlat_suite_merge(void)
{
	Suite *s = suite_create("xlat_merge");
	TCase *tc = tcase_create("merge");
	tcase_add_loop_test(tc, merge_case, 0, (int)ARRAY_LEN(cases));
	tcase_add_test(tc, merge_search_path);
	suite_add_tcase(s, tc);
	return s;
}
