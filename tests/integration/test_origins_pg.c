/* SPDX-License-Identifier: Apache-2.0 */
/* test_origins_pg.c: RowDescription's table OID and attribute number of each result column
 * (PQftable, PQftablecol), on shardlite and on a real PostgreSQL 15 started by the test
 * (harness_pg.c): columns of tables, views, materialized views, partitions, subqueries, CTEs,
 * set operations and expressions, each written as the relation and column the server's own
 * pg_class and pg_attribute name for that OID and number (OIDs differ between the two); whole
 * rows, LATERAL subqueries' columns and joins' USING aliases too. The two transcripts must be
 * equal. Skipped (77) when PostgreSQL 15 is not installed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "harness_pg.h"

static struct harness H;
static struct harness_pg P;

static void setup(void)
{
	harness_start(&H, NULL);
	harness_pg_start(&P);
}

static void teardown(void)
{
	harness_pg_stop(&P);
	harness_stop(&H);
}

static void exec_ok(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
}

/* "relname(relkind).attname" of table OID o and column k as c's catalog names them. */
static void origin_name(PGconn *c, Oid o, int k, char *out, size_t size)
{
	char q[512];
	snprintf(q, sizeof(q),
		 "SELECT c.relname || '(' || c.relkind::text || ').' || coalesce((SELECT "
		 "attname::text FROM pg_attribute WHERE attrelid = c.oid AND attnum = %d), '#%d') "
		 "FROM pg_class c WHERE c.oid = %u",
		 k, k, o);
	PGresult *r = PQexec(c, q);
	snprintf(out, size, "%s", PQntuples(r) == 1 ? PQgetvalue(r, 0, 0) : "no such relation");
	PQclear(r);
}

/* Parse + Describe of sql (as pgtyped, JDBC's ResultSetMetaData and GUIs do): each column's
 * name and origin. */
static void describe(PGconn *c, struct harness_transcript *t, const char *sql)
{
	PGresult *r = PQprepare(c, "", sql, 0, NULL);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	r = PQdescribePrepared(c, "");
	harness_note(t, "%s", sql);
	for (int i = 0; i < PQnfields(r); i++) {
		Oid o = PQftable(r, i);
		int k = PQftablecol(r, i);
		char name[256] = "0";
		if (o)
			origin_name(c, o, k, name, sizeof(name));
		else if (k)
			snprintf(name, sizeof(name), "0/%d", k);
		harness_note(t, "  %s: %s", PQfname(r, i), name);
	}
	PQclear(r);
}

static const char *const schema[] = {
	"CREATE TABLE t (id int PRIMARY KEY, a text NOT NULL, b int)",
	"CREATE TABLE u (id int, c text)",
	"CREATE VIEW v AS SELECT b AS bb, a, id FROM t",
	"CREATE VIEW v2 AS SELECT v.a, u.c, v.bb + 1 AS e FROM v JOIN u ON u.id = v.id",
	"CREATE VIEW vx AS SELECT * FROM t",
	"CREATE MATERIALIZED VIEW mv AS SELECT id, a FROM t",
	"CREATE TABLE p (k int, x text) PARTITION BY RANGE (k)",
	"CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10)",
};

static const char *const queries[] = {
	"SELECT * FROM t",
	"SELECT * FROM v",
	"SELECT a, bb FROM v",
	"SELECT v.id, t.b FROM v JOIN t USING (a)",
	"SELECT * FROM v2",
	"SELECT * FROM vx WHERE id = $1",
	"SELECT * FROM mv",
	"SELECT * FROM p",
	"SELECT x, k FROM p1",
	"SELECT x.a, x.id FROM (SELECT id, a FROM t) x",
	"SELECT x.a FROM (SELECT a FROM v) x",
	"SELECT * FROM (SELECT a, id FROM v) x",
	"SELECT * FROM (SELECT * FROM v) s",
	"SELECT x FROM (SELECT a AS x FROM mv) s",
	"WITH w AS (SELECT id, a FROM t) SELECT a, id FROM w",
	"WITH w AS (SELECT a, bb FROM v) SELECT * FROM w",
	"WITH w AS (SELECT * FROM v) SELECT * FROM w",
	"WITH w AS MATERIALIZED (SELECT id, a FROM t) SELECT * FROM w",
	("WITH RECURSIVE r(n) AS (SELECT id FROM t UNION ALL SELECT n + 1 FROM r WHERE n < 3) "
	 "SELECT n FROM r"),
	"SELECT id, a FROM t UNION SELECT id, c FROM u",
	"SELECT id FROM t UNION ALL SELECT id FROM t",
	"SELECT a FROM v EXCEPT SELECT c FROM u",
	"SELECT * FROM (SELECT id FROM t UNION SELECT id FROM u) s",
	"SELECT * FROM (VALUES (1, 2)) vv(p, q)",
	"SELECT a || 'x', b + 1, (a) FROM t",
	"SELECT a::text, b::int, a::varchar, id::int8 FROM t",
	"SELECT bb::int4, id::int8 FROM v",
	"SELECT (SELECT a FROM t LIMIT 1), (SELECT bb FROM v LIMIT 1)",
	"SELECT v.* FROM v",
	"SELECT t.id, v.a FROM t, v",
	"SELECT * FROM v AS q(x)",
	"SELECT DISTINCT a FROM v",
	"SELECT a, count(*) FROM v GROUP BY a",
	"SELECT a FROM v ORDER BY 1",
	"SELECT 1, 2",
	/* whole rows: the relation, attribute 0 (a subquery's: 0/0) */
	"SELECT t FROM t",
	"SELECT t.*, t FROM t",
	"SELECT u, t.id FROM t JOIN u USING (id)",
	"SELECT v FROM v",
	"SELECT x FROM (SELECT id, a FROM t) x",
	/* LATERAL subqueries' columns: the column a plain reference reads */
	"SELECT t.id, l.c FROM t, LATERAL (SELECT c FROM u WHERE u.id = t.id) l",
	("SELECT t.id, l.c, l.n FROM t LEFT JOIN LATERAL (SELECT c, id + 1 AS n FROM u WHERE "
	 "u.id = t.id LIMIT 1) l ON true"),
	"SELECT l.* FROM t CROSS JOIN LATERAL (SELECT t.a, t.b + 1 AS n) l",
	"SELECT l.x, l.y FROM t CROSS JOIN LATERAL (SELECT t.a AS x, t.id * 2 AS y) l",
	"SELECT * FROM t, LATERAL (SELECT c FROM u WHERE u.id = t.id) l",
	"SELECT l.bb FROM t, LATERAL (SELECT bb FROM v WHERE v.id = t.id) l",
	"SELECT l FROM t, LATERAL (SELECT c FROM u WHERE u.id = t.id) l",
	/* aliased joins, USING aliases */
	"SELECT u2.id FROM t JOIN u USING (id) AS u2",
	"SELECT u2.id FROM t FULL JOIN u USING (id) AS u2",
	"SELECT u2.* FROM t RIGHT JOIN u USING (id) AS u2",
	"SELECT j.a, j.c FROM (t JOIN u USING (id)) j",
	"SELECT z.a, z.two FROM (t CROSS JOIN LATERAL (SELECT t.b * 2 AS two, t.a AS aa) l) z",
	"SELECT z.aa FROM (t CROSS JOIN LATERAL (SELECT t.a AS aa) l) z",
};

static void script(PGconn *c, struct harness_transcript *t)
{
	for (size_t i = 0; i < sizeof(schema) / sizeof(*schema); i++)
		exec_ok(c, schema[i]);
	for (size_t i = 0; i < sizeof(queries) / sizeof(*queries); i++)
		describe(c, t, queries[i]);
}

START_TEST(origins_as_postgresql)
{
	static struct harness_transcript sl, pg;
	sl.n = pg.n = 0;
	sl.text[0] = pg.text[0] = '\0';
	PGconn *c = harness_connect(&H, "dbname=acme");
	script(c, &sl);
	PQfinish(c);
	c = harness_pg_connect(&P, "dbname=postgres");
	script(c, &pg);
	PQfinish(c);
	ck_assert_uint_gt(sl.n, 0);
	if (strcmp(sl.text, pg.text) == 0)
		return;
	/* the first line that differs, after the query it belongs to (check's messages are
	 * short) */
	size_t at = 0, query = 0;
	while (sl.text[at] && sl.text[at] == pg.text[at]) {
		if (sl.text[at] == '\n' && sl.text[at + 1] != ' ')
			query = at + 1;
		at++;
	}
	ck_abort_msg("shardlite:\n%.600s\nPostgreSQL 15:\n%.600s", sl.text + query,
		     pg.text + query);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("origins_pg");
	TCase *tc = tcase_create("origins_pg");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, origins_as_postgresql);
	suite_add_tcase(s, tc);
	return s;
}

int main(void) { return harness_pg_main("origins_pg", suite); }
