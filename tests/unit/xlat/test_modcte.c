/* SPDX-License-Identifier: Apache-2.0 */
/* test_modcte.c: data-modifying statements in WITH — each becomes a step of its own with its
 * RETURNING, the primary statement reads the steps' rows through json_each() of parameters
 * numbered after the client's, and what the emulation would answer differently is refused. */
#include "xlat_test.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base.h"

/* a(id int4, v text), b(id int4, v text, n int8) */
static const struct xlat_schema_col a_cols[] = {{"id", 23, -1, 0, NULL, false, false, false},
						{"v", 25, -1, 0, NULL, false, false, false}};
static const struct xlat_schema_col b_cols[] = {{"id", 23, -1, 0, NULL, false, false, false},
						{"v", 25, -1, 0, NULL, false, false, false},
						{"n", 20, -1, 0, NULL, false, false, false}};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	if (strcasecmp(name, "a") == 0) {
		*cols = a_cols;
		*ncols = ARRAY_LEN(a_cols);
		return true;
	}
	if (strcasecmp(name, "b") == 0) {
		*cols = b_cols;
		*ncols = ARRAY_LEN(b_cols);
		return true;
	}
	return false;
}

static const struct xlat_schema schema = {.table_fn = table_fn, .fingerprint = 0x3c7e};

struct mcase {
	const char *pg;
	const char *want;   /* the primary statement's SQLite SQL, or "!SSSSS" */
	const char *steps;  /* the steps' SQL joined with " ; " */
	const char *params; /* each step's parameter, comma-separated */
	const char *cols;   /* result column type OIDs */
};

/* how the reader spells value i of a row */
#define V(i)                                                                              \
	"CASE json_type(value, '$[" #i "]') WHEN 'object' THEN pgfn_decode(json_extract(" \
	"value, '$[" #i "].x'), 'hex') ELSE json_extract(value, '$[" #i "]') END"
#define V0 V(0)
#define V1 V(1)
/* a's rows before the statement: parameter 1, the first step's */
#define PRE(t)                                                                         \
	"(SELECT " V0 " AS id, " V1 " AS v FROM json_each(?1) UNION ALL SELECT id, v " \
	"FROM " t " WHERE 0)"

/* the rows of the join UPDATE ... FROM reads (xlat_retfrom.c): rowid, then c1, more */
#define RF_ROWS(p, more)                                                                      \
	"(SELECT json_extract(value, '$[0]') AS c0, " V(1) " AS c1" more " FROM json_each(" p \
							   ")) AS _shardlite_rf"
/* RETURNING's look-up of value i of the written row's */
#define RF_GET(p, i, t) \
	"(SELECT " V(i) " FROM json_each(" p ") WHERE json_extract(value, '$[0]') = " t ".rowid)"

static const struct mcase cases[] = {
	{"WITH d AS (DELETE FROM a WHERE id = 1 RETURNING *) SELECT count(*) FROM d",
	 "WITH d(id, v) AS (SELECT " V0 ", " V1 " "
	 "FROM json_each(?1)) SELECT count(*) AS count FROM d",
	 "DELETE FROM a WHERE id = 1 RETURNING *", "1", "20"},
	{"WITH ins AS (INSERT INTO a (id, v) VALUES ($1, 'x') RETURNING id) SELECT id FROM ins",
	 "WITH ins(id) AS (SELECT " V0 " FROM json_each(?2)) SELECT id FROM ins",
	 "INSERT INTO a (id, v) VALUES (?1, 'x') RETURNING id, shardlite_returning()", "2", "23"},
	{"WITH m AS (DELETE FROM a RETURNING id, v) INSERT INTO b (id, v) SELECT id, v FROM m",
	 "WITH m(id, v) AS (SELECT " V0 ", " V1 " "
	 "FROM json_each(?1)) INSERT INTO b (id, v) SELECT id, v FROM m",
	 "DELETE FROM a RETURNING id, v", "1", ""},
	/* several, one without RETURNING (it still runs), RETURNING of the primary statement */
	{"WITH x AS (UPDATE a SET v = 'y' WHERE id = 2), y AS (DELETE FROM b RETURNING n * 2 AS dbl) "
	 "UPDATE a SET v = 'z' WHERE id IN (SELECT dbl FROM y) RETURNING id",
	 "!0A000", "", "", ""},
	{"WITH x AS (UPDATE a SET v = 'y' WHERE id = 2), y AS (DELETE FROM b RETURNING n * 2 AS dbl) "
	 "SELECT dbl FROM y",
	 "WITH y(dbl) AS (SELECT " V0 " FROM json_each(?1)) SELECT dbl FROM y",
	 "DELETE FROM b RETURNING shardlite_int8op(n * 2) AS dbl ; UPDATE a SET v = 'y' WHERE id = 2",
	 "1,0", "20"},
	{"WITH x AS (DELETE FROM a) INSERT INTO b (id) VALUES (1) RETURNING id",
	 "INSERT INTO b (id) VALUES (1) RETURNING id, shardlite_returning()", "DELETE FROM a", "0",
	 "23"},
	/* the primary statement or another WITH query reading a modified table: its pre-image,
	 * read by a step that runs first */
	{"WITH d AS (DELETE FROM a RETURNING id) SELECT * FROM a",
	 "WITH d(id) AS (SELECT " V0 " FROM json_each(?2)) SELECT * FROM " PRE("a") " AS a",
	 "SELECT id, v FROM a ; DELETE FROM a RETURNING id", "1,2", "23,25"},
	{"WITH d AS (DELETE FROM a RETURNING id), s AS (SELECT * FROM a x) SELECT 1",
	 "WITH d(id) AS (SELECT " V0
	 " FROM json_each(?2)), s AS (SELECT * FROM " PRE("a") " AS x) SELECT 1 AS \"?column?\"",
	 "SELECT id, v FROM a ; DELETE FROM a RETURNING id", "1,2", "23"},
	{"WITH u AS (UPDATE a SET v = 'x'), i AS (INSERT INTO b (id, v) SELECT id, v FROM a) "
	 "SELECT 1",
	 "SELECT 1 AS \"?column?\"",
	 "SELECT id, v FROM a ; INSERT INTO b (id, v) SELECT id, v FROM " PRE(
		 "a") " AS a ; UPDATE a SET v = 'x'",
	 "1,0,0", "23"},
	/* ... or writing one */
	{"WITH d AS (DELETE FROM a RETURNING id), e AS (DELETE FROM a RETURNING id) SELECT 1",
	 "!0A000", "", "", ""},
	{"WITH i AS (INSERT INTO a (id) VALUES (1)), d AS (DELETE FROM a WHERE id = 1) SELECT 1",
	 "!0A000", "", "", ""},
	{"WITH i AS (INSERT INTO a (id) VALUES (1)) INSERT INTO a (id) VALUES (2) "
	 "ON CONFLICT DO NOTHING",
	 "!0A000", "", "", ""},
	/* an INSERT only writes: it may follow others changing its table, as may a step reading
	 * its own target; ON CONFLICT DO NOTHING too (pg-boss 10's fail) */
	{"WITH d AS (DELETE FROM a WHERE id = 1 RETURNING id), i AS (INSERT INTO a (id) "
	 "SELECT id FROM d ON CONFLICT DO NOTHING RETURNING id) SELECT count(*) FROM i",
	 "WITH d(id) AS (SELECT " V0 " FROM json_each(?1)), i(id) AS (SELECT " V0
	 " FROM json_each(?2)) SELECT count(*) AS count FROM i",
	 "DELETE FROM a WHERE id = 1 RETURNING id ; INSERT INTO a (id) SELECT * FROM (SELECT id "
	 "FROM (SELECT " V0 " AS id FROM json_each(?1)) AS d) WHERE true ON CONFLICT DO NOTHING "
	 "RETURNING id, shardlite_returning()",
	 "1,2", "20"},
	{"WITH d AS (DELETE FROM a WHERE id = 1 RETURNING id), i AS (INSERT INTO a (id) "
	 "SELECT id FROM d ON CONFLICT (id) DO UPDATE SET v = 'x' RETURNING id) SELECT 1",
	 "!0A000", "", "", ""},
	/* PostgreSQL runs those the primary statement does not read after it, the last first */
	{"WITH d AS (DELETE FROM a WHERE id = 1), i AS (INSERT INTO a (id) VALUES (1)) SELECT 1",
	 "SELECT 1 AS \"?column?\"", "INSERT INTO a (id) VALUES (1) ; DELETE FROM a WHERE id = 1",
	 "0,0", "23"},
	{"WITH d AS (DELETE FROM a WHERE id = 1), i AS (INSERT INTO a (id) VALUES (1)) "
	 "INSERT INTO a (id) VALUES (2)",
	 "!0A000", "", "", ""},
	{"WITH d AS (DELETE FROM a WHERE id = 1) INSERT INTO a (id) VALUES (2) ON CONFLICT DO "
	 "NOTHING",
	 "!0A000", "", "", ""},
	{"WITH d AS (DELETE FROM a WHERE id = 1) INSERT INTO a (id) VALUES (2)",
	 "INSERT INTO a (id) VALUES (2)", "DELETE FROM a WHERE id = 1", "0", ""},
	{"WITH i AS (INSERT INTO a (id) VALUES (1) RETURNING id), j AS (INSERT INTO b (id) "
	 "SELECT id FROM i) INSERT INTO a (id) SELECT id + 1 FROM i",
	 "WITH i(id) AS (SELECT " V0 " FROM json_each(?1)) INSERT INTO a (id) SELECT "
	 "shardlite_int4(id + 1) AS \"?column?\" FROM i",
	 "INSERT INTO a (id) VALUES (1) RETURNING id, shardlite_returning() ; INSERT INTO b (id) "
	 "SELECT id FROM (SELECT " V0 " AS id FROM json_each(?1)) AS i",
	 "1,0", ""},
	/* RECURSIVE: not a data-modifying query reading itself, nor a later query */
	{"WITH RECURSIVE t AS (INSERT INTO a SELECT * FROM t) SELECT 1", "!42P19", "", "", ""},
	{"WITH RECURSIVE t AS (INSERT INTO a SELECT * FROM u RETURNING id), "
	 "u AS (DELETE FROM b RETURNING id, v) SELECT 1",
	 "!0A000", "", "", ""},
	{"WITH d AS (DELETE FROM a WHERE id IN (SELECT max(id) FROM a) RETURNING v) SELECT v FROM d",
	 "WITH d(v) AS (SELECT " V0 " FROM json_each(?1)) SELECT v FROM d",
	 "DELETE FROM a WHERE id IN (SELECT max(id) AS max FROM a) RETURNING v", "1", "25"},
	/* a plain WITH query a data-modifying one reads runs once, before the steps, and
	 * both read its rows (graphile-worker's getJob) */
	{"WITH s AS (SELECT 1 AS k), d AS (DELETE FROM a WHERE id IN (SELECT k FROM s) "
	 "RETURNING id) SELECT 1",
	 "WITH s(k) AS (SELECT " V0 " FROM json_each(?1)), d(id) AS (SELECT " V0
	 " FROM json_each(?2)) SELECT 1 AS \"?column?\"",
	 "SELECT 1 AS k ; DELETE FROM a WHERE id IN (SELECT k FROM (SELECT " V0
	 " AS k FROM json_each(?1)) AS s) RETURNING id",
	 "1,2", "23"},
	/* ... or, when it reads another WITH query, as a step after it (pg-boss 10's results) */
	{"WITH r AS (SELECT 1 AS k), s AS (SELECT k FROM r), d AS (DELETE FROM a WHERE id IN "
	 "(SELECT k FROM s) RETURNING id) SELECT 1",
	 "WITH r(k) AS (SELECT " V0 " FROM json_each(?1)), s(k) AS (SELECT " V0
	 " FROM json_each(?2)), "
	 "d(id) AS (SELECT " V0 " FROM json_each(?3)) SELECT 1 AS \"?column?\"",
	 "SELECT 1 AS k ; SELECT k FROM (SELECT " V0
	 " AS k FROM json_each(?1)) AS r ; DELETE FROM a "
	 "WHERE id IN (SELECT k FROM (SELECT " V0 " AS k FROM json_each(?2)) AS s) RETURNING id",
	 "1,2,3", "23"},
	/* ... but its own WITH queries go with it */
	{"WITH d AS (WITH s AS (SELECT 1 AS k) DELETE FROM a WHERE id IN (SELECT k FROM s)) "
	 "SELECT 1",
	 "SELECT 1 AS \"?column?\"",
	 "WITH s AS (SELECT 1 AS k) DELETE FROM a WHERE id IN (SELECT k FROM s)", "0", "23"},
	/* PostgreSQL allows them at the top level only */
	{"SELECT * FROM (WITH d AS (DELETE FROM a RETURNING id) SELECT id FROM d) q", "!0A000", "",
	 "", ""},
	{"WITH d AS (DELETE FROM a RETURNING *, 1 AS one) SELECT 1", "!0A000", "", "", ""},
	/* RETURNING a column of UPDATE's FROM or DELETE's USING (xlat_retfrom.c): the join a
	 * step of its own, one row per target rowid; SET and RETURNING read its rows */
	{"UPDATE a SET v = b.v FROM b WHERE a.id = b.id AND b.n > $1 RETURNING a.id, b.n",
	 "UPDATE a SET v = _shardlite_rf.c1 FROM " RF_ROWS(
		 "?2",
		 ", " V(2) " AS c2") " WHERE a.rowid = _shardlite_rf.c0 RETURNING a.id, " RF_GET("?2",
												 2,
												 "a") " AS n",
	 "SELECT a.rowid, b.v, b.n FROM a, b WHERE a.id = b.id AND b.n > ?1 GROUP BY a.rowid", "2",
	 "23,20"},
	{"DELETE FROM a x USING b WHERE x.id = b.id RETURNING b.n, x.v",
	 "DELETE FROM a AS x WHERE rowid IN (SELECT json_extract(value, '$[0]') FROM "
	 "json_each(?1)) RETURNING " RF_GET("?1", 1, "a") " AS n, a.v",
	 "SELECT x.rowid, b.n FROM a AS x, b WHERE x.id = b.id GROUP BY x.rowid", "1", "20,25"},
	/* PostgreSQL's * adds the FROM tables' columns */
	{"UPDATE a SET v = 'x' FROM b WHERE a.id = b.id RETURNING *",
	 "UPDATE a SET v = 'x' FROM " RF_ROWS("?1", ", " V(2) " AS c2, " V(3) " AS c3") " WHERE a.rowid = _shardlite_rf.c0 RETURNING *, " RF_GET(
		 "?1", 1, "a") " AS id, " RF_GET("?1", 2, "a") " AS v, " RF_GET("?1", 3,
										"a") " AS n",
	 "SELECT a.rowid, b.id, b.v, b.n FROM a, b WHERE a.id = b.id GROUP BY a.rowid", "1",
	 "23,25,23,25,20"},
	{"UPDATE a SET v = 'x' FROM b WHERE a.id = b.id RETURNING id", "!42702", "", "", ""},
	{"UPDATE a SET v = 'x' FROM b WHERE a.id = b.id RETURNING b", "!0A000", "", "", ""},
	{"WITH d AS (DELETE FROM b RETURNING id) UPDATE a SET v = 'x' FROM b WHERE a.id = b.id "
	 "RETURNING b.n",
	 "!0A000", "", "", ""},
	{"WITH d AS (UPDATE a SET v = 'x' FROM b WHERE a.id = b.id RETURNING b.n) SELECT 1",
	 "!0A000", "", "", ""},
};

static void join_steps(const struct xlat_stmt *st, char *steps, size_t n, char *params, size_t np)
{
	size_t at = 0, pat = 0;
	steps[0] = params[0] = '\0';
	for (size_t k = 0; k < st->nsteps; k++) {
		at += (size_t)snprintf(steps + at, n - at, "%s%s", k ? " ; " : "",
				       st->steps[k].sql);
		pat += (size_t)snprintf(params + pat, np - pat, "%s%d", k ? "," : "",
					st->steps[k].param);
	}
}

START_TEST(modcte_case)
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
	ck_assert_str_eq(v->sql, m->want);
	char steps[2048], params[64], cols[64];
	join_steps(v, steps, sizeof(steps), params, sizeof(params));
	ck_assert_str_eq(steps, m->steps);
	ck_assert_str_eq(params, m->params);
	ck_assert(v->writes);
	size_t at = 0;
	cols[0] = '\0';
	for (int i = 0; i < v->ncols; i++)
		at += (size_t)snprintf(cols + at, sizeof(cols) - at, "%s%u", i ? "," : "",
				       v->cols[i].type_oid);
	ck_assert_str_eq(cols, m->cols);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_modcte(void)
{
	Suite *s = suite_create("xlat_modcte");
	TCase *tc = tcase_create("modcte");
	tcase_add_loop_test(tc, modcte_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
