/* SPDX-License-Identifier: Apache-2.0 */
/* test_infer.c: translation with the tenant's schema known (xlat_translate_in) — result
 * column types, inferred parameter types and the value checks emitted, table-driven; and the
 * translation cache keeping translations for different schemas apart. */
#include "xlat_test.h"

#include <string.h>
#include <strings.h>

#include "base.h"

/* acct(id int4, owner varchar(10), balance int8, rate numeric(5,2), code char(3),
 *      small int2, at timestamptz, flag bool, data bytea), emp(id int4, name text, salary int4, boss int4). */
static const struct xlat_schema_col acct_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},
	{"owner", 1043, 14, 0, NULL, false, false, false},
	{"balance", 20, -1, 0, NULL, false, false, false},
	{"rate", 1700, 327686, 0, NULL, false, false, false},
	{"code", 1042, 7, 0, NULL, false, false, false},
	{"small", 21, -1, 0, NULL, false, false, false},
	{"at", 1184, -1, 0, NULL, false, false, false},
	{"flag", 16, -1, 0, NULL, false, false, false},
	{"data", 17, -1, 0, NULL, false, false, false},
};
static const struct xlat_schema_col emp_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},
	{"name", 25, -1, 0, NULL, false, false, false},
	{"salary", 23, -1, 0, NULL, false, false, false},
	{"boss", 23, -1, 0, NULL, false, false, false},
};

/* ser(id int4 GENERATED ALWAYS AS IDENTITY PRIMARY KEY: the rowid alias, a text). */
static const struct xlat_schema_col ser_cols[] = {
	{"id", 23, -1, 'a', "ser_id_seq", false, false, false},
	{"a", 25, -1, 0, NULL, false, false, false},
};
/* ev(d date, ts timestamp, tz timestamptz, iv interval, u uuid, j jsonb, b bytea, js json) */
static const struct xlat_schema_col ev_cols[] = {
	{"d", 1082, -1, 0, NULL, false, false, false},
	{"ts", 1114, -1, 0, NULL, false, false, false},
	{"tz", 1184, -1, 0, NULL, false, false, false},
	{"iv", 1186, -1, 0, NULL, false, false, false},
	{"u", 2950, -1, 0, NULL, false, false, false},
	{"j", 3802, -1, 0, NULL, false, false, false},
	{"b", 17, -1, 0, NULL, false, false, false},
	{"js", 114, -1, 0, NULL, false, false, false},
};

/* arr(id int4, a int4[], t text[], f float8[], b bool[]): subscripted SET targets */
static const struct xlat_schema_col arr_cols[] = {
	{"id", 23, -1, 0, NULL, false, false, false},
	{"a", 1007, -1, 0, NULL, false, false, false},
	{"t", 1009, -1, 0, NULL, false, false, false},
	{"f", 1022, -1, 0, NULL, false, false, false},
	{"b", 1000, -1, 0, NULL, false, false, false},
};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	if (strcasecmp(name, "acct") == 0) {
		*cols = acct_cols;
		*ncols = ARRAY_LEN(acct_cols);
		return true;
	}
	if (strcasecmp(name, "ser") == 0) {
		*cols = ser_cols;
		*ncols = ARRAY_LEN(ser_cols);
		return true;
	}
	if (strcasecmp(name, "emp") == 0) {
		*cols = emp_cols;
		*ncols = ARRAY_LEN(emp_cols);
		return true;
	}
	if (strcasecmp(name, "arr") == 0) {
		*cols = arr_cols;
		*ncols = ARRAY_LEN(arr_cols);
		return true;
	}
	if (strcasecmp(name, "ev") == 0) {
		*cols = ev_cols;
		*ncols = ARRAY_LEN(ev_cols);
		return true;
	}
	return false;
}

static const struct xlat_schema schema = {.table_fn = table_fn, .fingerprint = 0x5eed};

struct icase {
	const char *pg;
	const char *cols;   /* "oid[:typmod],..."; "*" when unknown; NULL: not checked */
	const char *params; /* "oid,..."; NULL: not checked */
	const char *sql;    /* the exact SQLite SQL; NULL: not checked */
};

/* What CREATE VIEW appends for a view's computed columns (their types, by position). */
#define VIEW_COLS(v)                                                                              \
	"; CREATE TABLE IF NOT EXISTS _shardlite_columns (table_name TEXT NOT NULL, column_name " \
	"TEXT NOT NULL, type TEXT NOT NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, "    \
	"column_name)); DELETE FROM main._shardlite_columns WHERE table_name = '" v "'"
#define VIEW_COL(v, type, cid)                                                             \
	"; INSERT INTO main._shardlite_columns SELECT '" v "', name, '" type "', '' FROM " \
	"pragma_table_xinfo('" v "', 'main') WHERE cid = " cid " AND coalesce(type, '') = ''"
/* an integer or smallint column also where SQLite declares a serial key's INTEGER */
#define VIEW_COL_INT(v, type, cid)                                                              \
	"; INSERT INTO main._shardlite_columns SELECT '" v "', name, '" type "', '' FROM "      \
	"pragma_table_xinfo('" v "', 'main') WHERE cid = " cid " AND (coalesce(type, '') = '' " \
	"OR upper(type) = 'INTEGER')"
#define VIEW_COL_SHOWN(v, type, display, cid)                                                \
	"; INSERT INTO main._shardlite_columns SELECT '" v "', name, '" type                 \
	"', 'display:" display "' FROM pragma_table_xinfo('" v "', 'main') WHERE cid = " cid \
	" AND coalesce(type, '') = ''"

static const struct icase cases[] = {
	/* an untyped literal among branches of another type is read as that type */
	{"SELECT CASE WHEN flag THEN id ELSE '2' END AS k FROM acct", "23", "",
	 "SELECT CASE WHEN flag THEN id ELSE 2 END AS k FROM acct"},
	{"SELECT COALESCE(small, '7') AS k FROM acct", "21", "",
	 "SELECT coalesce(small, 7) AS k FROM acct"},
	{"SELECT id FROM acct UNION SELECT '3'", "23", "",
	 "SELECT id FROM acct UNION SELECT 3 AS \"?column?\""},
	{"SELECT 'a' UNION SELECT 'b'", "25", "", NULL},
	/* char(n) is stored without trailing blanks: what it is compared with loses them */
	{"SELECT id FROM acct WHERE code = $1", NULL, "1042",
	 "SELECT id FROM acct WHERE code = rtrim(?1, ' ')"},
	{"SELECT id FROM acct WHERE $1 = code", NULL, "1042",
	 "SELECT id FROM acct WHERE rtrim(?1, ' ') = code"},
	{"SELECT id FROM acct WHERE code = owner OR owner < code", NULL, "",
	 "SELECT id FROM acct WHERE code = rtrim(owner, ' ') OR rtrim(owner, ' ') < code"},
	{"SELECT id FROM acct WHERE code = 'ab ' OR code IN ('x ', 'y')", NULL, "",
	 "SELECT id FROM acct WHERE code = rtrim('ab ', ' ') OR code IN (rtrim('x ', ' '), "
	 "rtrim('y', ' '))"},
	{"SELECT octet_length(code), code LIKE 'a%' FROM acct", "23,16", "",
	 "SELECT length(CAST(pgfn_bpchar_pad(code, 3) AS BLOB)) AS octet_length, "
	 "pgfn_bpchar_pad(code, 3) LIKE 'a%' AS \"?column?\" FROM acct"},
	/* a bpchar without a length keeps its blanks: compared (or cast to text) without them */
	{"SELECT 'a'::bpchar = 'a '::bpchar, code = 'b '::bpchar FROM acct", "16,16", "",
	 "SELECT rtrim('a', ' ') = rtrim('a ', ' ') AS \"?column?\", code = rtrim('b ', ' ') AS "
	 "\"?column?\" FROM acct"},
	/* a non-string value assigned to a string column stores its output text */
	{"INSERT INTO acct (id, owner) VALUES (1, 2 > 1)", NULL, "",
	 "INSERT INTO acct (id, owner) VALUES (1, shardlite_varchar(CASE 2 > 1 WHEN 1 THEN 'true' "
	 "WHEN 0 THEN 'false' END, 10))"},
	/* a string literal compared with a numeric is read as one */
	{"SELECT id FROM acct WHERE rate = '1.50' OR rate IN ('2', ' 3e0 ')", NULL, "",
	 "SELECT id FROM acct WHERE rate = 1.50 OR rate IN (2, 3e0)"},
	{"SELECT 'ab '::char(3), id::char(2) FROM acct", "1042:7,1042:6", "",
	 "SELECT 'ab' AS bpchar, rtrim(substr(CAST(id AS TEXT), 1, 2), ' ') AS id FROM acct"},
	/* column references and what is computed from them */
	{"SELECT id, owner, rate FROM acct", "23,1043:14,1700:327686", "", NULL},
	{"SELECT a.balance, e.name FROM acct a JOIN emp e ON e.id = a.id", "20,25", "", NULL},
	{"SELECT sum(salary), sum(balance), min(salary), max(owner), avg(salary) FROM emp, acct",
	 "20,1700s0,23,25,1700s-2", "", NULL},
	{"SELECT coalesce(salary, 0), nullif(salary, 1), CASE WHEN true THEN salary END FROM emp",
	 "23,23,23", "", NULL},
	{"SELECT x.total FROM (SELECT sum(salary) AS total FROM emp) x", "20", "", NULL},
	{"SELECT s FROM (SELECT salary FROM emp) x (s)", "23", "", NULL},
	{"WITH a AS (SELECT 1 AS x) SELECT x FROM a", "23", "", NULL},
	{"WITH RECURSIVE c (id, depth) AS (SELECT id, 0 FROM emp UNION ALL "
	 "SELECT e.id, c.depth + 1 FROM emp e JOIN c ON e.boss = c.id) SELECT depth FROM c",
	 "23", "", NULL},
	{"SELECT salary FROM emp UNION SELECT balance FROM acct", "20", "", NULL},
	{"SELECT (SELECT max(salary) FROM emp) AS m", "23", "", NULL},
	/* ARRAY(subquery) of integers, strings, booleans and numerics, typed functions in FROM */
	{"SELECT ARRAY(SELECT salary FROM emp), ARRAY(SELECT owner FROM acct), "
	 "ARRAY(SELECT flag FROM acct), ARRAY(SELECT rate FROM acct)",
	 "1007,1015,1000,1231", "", NULL},
	{"SELECT x * 2, n FROM generate_series(1, 3::int8) WITH ORDINALITY g (x, n)", "20,20", "",
	 NULL},
	{"SELECT * FROM unnest(ARRAY[1], ARRAY['a'])", "23,25", "", NULL},
	{"SELECT * FROM jsonb_each('{}')", "25,3802", "", NULL},
	{"SELECT * FROM unnest(ARRAY[1], ARRAY['a']), jsonb_each('{}')", "23,25,25,3802", "", NULL},
	{"SELECT u FROM emp e, unnest(ARRAY[e.salary]) u", "23", "", NULL},
	{"SELECT unnest(ARRAY[salary]) FROM emp", "23", "", NULL},
	{"SELECT name FROM emp WHERE id IN (SELECT id FROM acct)", "25", "", NULL},
	{"SELECT relname FROM pg_class", NULL, "", NULL},
	{"SELECT nosuch FROM emp, pg_class", "0", "", NULL},
	{"SELECT id FROM nosuch", "0", "", NULL},
	{"SELECT * FROM (VALUES (1, 'one')) AS v (n, word)", "23,25", "", NULL},
	{"SELECT *, 1 AS one FROM emp", "23,25,23,23,23", "", NULL},
	{"SELECT e.*, a.id FROM emp e, acct a", "23,25,23,23,23", "", NULL},
	/* spelled out in PostgreSQL's order: the merged id first (xlat_scope_join_star) */
	{"SELECT * FROM emp JOIN acct USING (id)",
	 "23,25,23,23,1043:14,20,1700:327686,1042:7,21,1184,16,17", "", NULL},
	{"SELECT * FROM emp e NATURAL JOIN emp", "23,25,23,23", "", NULL},
	{"SELECT * FROM emp FULL JOIN emp e USING (id)", "23,25,23,23,25,23,23", "", NULL},
	/* a FULL JOIN over a FULL JOIN's merged column: COALESCE of the three */
	{"SELECT * FROM emp FULL JOIN acct USING (id) FULL JOIN emp e USING (id)",
	 "23,25,23,23,1043:14,20,1700:327686,1042:7,21,1184,16,17,25,23,23", "",
	 "SELECT coalesce(emp.id, acct.id, e.id) AS id, emp.name AS name, emp.salary AS salary, "
	 "emp.boss AS boss, acct.owner AS owner, acct.balance AS balance, acct.rate AS rate, "
	 "acct.code AS code, acct.small AS small, acct.at AS at, acct.flag AS flag, acct.data AS "
	 "data, e.name AS name, e.salary AS salary, e.boss AS boss FROM emp FULL JOIN acct USING "
	 "(id) FULL JOIN emp AS e USING (id)"},
	{"SELECT * FROM emp, pg_class", "*", "", NULL},
	{"WITH w AS (SELECT salary * 2 AS s2 FROM emp) SELECT * FROM w", "23", "", NULL},
	/* numeric display scales (xlat_col.scale; s-2 and below: a quotient) */
	{"SELECT 1.50, 2.5 * 2, 1.1 + 2.205, -1.50, 1e-3, 12::numeric, '1.250'::numeric",
	 "1700s2,1700s1,1700s3,1700s2,1700s3,1700s0,1700s3", "", NULL},
	{"SELECT rate * 2, rate + 1.5, rate / 3, sum(rate), avg(rate), max(rate) FROM acct GROUP BY rate",
	 "1700s2,1700s2,1700s-4,1700s2,1700s-4,1700s2", "", NULL},
	{"SELECT 10::numeric / 4, 2.5 / 0.5, salary / 2 FROM emp", "1700s-2,1700s-3,23", "",
	 "SELECT pgfn_num_div('10',  4, 0, 0) AS \"?column?\", pgfn_num_div('2.5',  '0.5', 1, 1) AS "
	 "\"?column?\", shardlite_int4(salary / 2) AS \"?column?\" FROM emp"},
	/* exact numeric (xlat_numeric.c) only in result columns nothing compares; WHERE,
	 * ORDER BY, DISTINCT, UNION, min/max, subqueries and stored values stay SQLite numbers */
	{"SELECT rate / 3 FROM acct WHERE rate / 3 > 0.3 ORDER BY rate / 3", NULL, "",
	 "SELECT pgfn_num_div(rate,  3, 2, 0) AS \"?column?\" FROM acct WHERE pgfn_ndiv(rate,  3) "
	 "> 0.3 ORDER BY rate / 3 NULLS LAST"},
	{"SELECT rate / 3 AS q FROM acct ORDER BY q", NULL, "",
	 "SELECT pgfn_num_div(rate,  3, 2, 0) AS q FROM acct ORDER BY q COLLATE pgfn_num NULLS LAST"},
	{"SELECT rate / 3 FROM acct ORDER BY 1", NULL, "",
	 "SELECT pgfn_num_div(rate,  3, 2, 0) AS \"?column?\" FROM acct ORDER BY 1 COLLATE pgfn_num "
	 "NULLS LAST"},
	{"SELECT *, rate / 3 AS q FROM acct ORDER BY q", NULL, "",
	 "SELECT *, pgfn_ndiv(rate,  3) AS q FROM acct ORDER BY q NULLS LAST"},
	{"SELECT rate / 3 AS q FROM acct GROUP BY q", NULL, "",
	 "SELECT pgfn_num_div(rate,  3, 2, 0) COLLATE pgfn_num AS q FROM acct GROUP BY q"},
	/* every column grouped: acct has no primary key to stand for them */
	{"SELECT *, rate / 3 AS q FROM acct "
	 "GROUP BY id, owner, balance, rate, code, small, at, flag, data, q",
	 NULL, "",
	 "SELECT *, pgfn_ndiv(rate,  3) AS q FROM acct "
	 "GROUP BY id, owner, balance, rate, code, small, at, flag, data, q"},
	{"SELECT DISTINCT rate * 2 FROM acct", NULL, "",
	 "SELECT DISTINCT pgfn_num_mul(rate,  2, 2, 0) COLLATE pgfn_num AS \"?column?\" FROM acct"},
	{"SELECT rate / 3 FROM acct UNION SELECT salary FROM emp", NULL, "",
	 "SELECT pgfn_ndiv(rate,  3) AS \"?column?\" FROM acct UNION SELECT salary FROM emp"},
	{"SELECT rate - 1, max(rate / 3), round(rate / 3, 2) FROM acct GROUP BY rate", NULL, "",
	 "SELECT pgfn_num_sub(rate,  1, 2, 0) AS \"?column?\", pgfn_num_max(pgfn_num_div(rate,  3, 2, "
	 "0), -1) AS max, "
	 "pgfn_num_round(pgfn_num_div(rate,  3, 2, 0), 2, -1) AS round FROM acct GROUP BY rate"},
	{"SELECT avg(salary), sum(balance), sum(salary), variance(rate), stddev_pop(balance) "
	 "FROM emp, acct",
	 "1700s-2,1700s0,20,1700,1700", "",
	 "SELECT pgfn_num_avg(salary, 0) AS avg, pgfn_num_sum(balance, 0) AS sum, sum(salary) AS "
	 "sum, pgfn_num_var_samp(rate, 2) AS variance, pgfn_num_stddev_pop(balance, 0) AS "
	 "stddev_pop FROM emp, acct"},
	{"SELECT avg(DISTINCT rate), sum(rate) OVER (), avg(rate) FILTER (WHERE rate / 3 > 1) "
	 "FROM acct GROUP BY rate",
	 NULL, "",
	 "SELECT pgfn_num_avg(DISTINCT rate) AS avg, pgfn_num_sum(rate, 2) OVER () AS sum, "
	 "pgfn_num_avg(rate, 2) "
	 "FILTER "
	 "(WHERE pgfn_ndiv(rate,  3) > 1) AS avg FROM acct GROUP BY rate"},
	{"SELECT x FROM (SELECT rate / 3 AS x FROM acct) s WHERE x > 1", NULL, "",
	 "SELECT x FROM (SELECT pgfn_ndiv(rate,  3) AS x FROM acct) AS s WHERE x > 1"},
	/* what the schema keeps (a view) stays SQLite's arithmetic: no shardlite function */
	{"CREATE VIEW vq AS SELECT rate / 3 AS q, -rate AS m, rate + 1 AS p FROM acct", NULL, "",
	 "CREATE VIEW vq AS SELECT CAST(rate AS REAL) / 3 AS q, -rate AS m, "
	 "rate + 1 AS p FROM acct; SELECT 1 FROM vq LIMIT 0" VIEW_COLS("vq")
	 /* a quotient's 16 significant digits; rate's scale 2 */
	 VIEW_COL_SHOWN("vq", "numeric", "65601542", "0") VIEW_COL_SHOWN("vq", "numeric", "6", "1")
		 VIEW_COL_SHOWN("vq", "numeric", "6",
				"2") "; SELECT shardlite_defacl('r', 'vq', 'vq')"},
	/* * and t.* of a view spelled out as the relations' columns are now (xlat_viewstar.c);
	 * left to SQLite over a join that merges columns */
	{"CREATE VIEW vs AS SELECT * FROM emp e WHERE EXISTS (SELECT * FROM acct)", NULL, "",
	 "CREATE VIEW vs AS SELECT e.id AS id, e.name AS name, e.salary AS salary, e.boss AS boss "
	 "FROM emp AS e WHERE EXISTS (SELECT acct.id AS id, acct.owner AS owner, acct.balance AS "
	 "balance, acct.rate AS rate, acct.code AS code, acct.small AS small, acct.at AS at, "
	 "acct.flag AS flag, acct.data AS data FROM acct); SELECT 1 FROM vs LIMIT 0" VIEW_COLS(
		 "vs") VIEW_COL_INT("vs", "int4", "0") VIEW_COL_INT("vs", "int4", "2")
		 VIEW_COL_INT("vs", "int4", "3") "; SELECT shardlite_defacl('r', 'vs', 'vs')"},
	{"SELECT * FROM emp FULL JOIN emp e USING (id)", NULL, "",
	 "SELECT coalesce(emp.id, e.id) AS id, emp.name AS name, emp.salary AS salary, emp.boss AS "
	 "boss, e.name AS name, e.salary AS salary, e.boss AS boss FROM emp FULL JOIN emp AS e "
	 "USING (id)"},
	{"SELECT * FROM emp JOIN acct a USING (id) WHERE a.small > 1", NULL, "",
	 "SELECT emp.id AS id, emp.name AS name, emp.salary AS salary, emp.boss AS boss, a.owner AS "
	 "owner, a.balance AS balance, a.rate AS rate, a.code AS code, a.small AS small, a.at AS at, "
	 "a.flag AS flag, a.data AS data FROM emp JOIN acct AS a USING (id) WHERE a.small > 1"},
	{"INSERT INTO acct (id, rate) SELECT id, salary / 3.0 FROM emp", NULL, "",
	 "INSERT INTO acct (id, rate) SELECT id, shardlite_numeric(pgfn_ndiv(salary,  3.0), 327686) AS "
	 "\"?column?\" FROM emp"},
	{"SELECT 123456789.123456789::numeric, 1.5::numeric(4,2) * 2, -(rate / 3) FROM acct", NULL,
	 "",
	 "SELECT '123456789.123456789' AS numeric, pgfn_num_mul('1.50',  2, 2, 0) AS "
	 "\"?column?\", pgfn_num_mul( (pgfn_num_div(rate,  3, 2, 0)), -1, -1, 0) AS \"?column?\" "
	 "FROM acct"},
	{"SELECT CASE WHEN true THEN 1.5 ELSE 2.25 END, coalesce(rate, 0)", NULL, "", NULL},
	/* numeric sqrt, exp, ln, log, power and ^ with numeric.c's digits (pgfn_numtrans.c) in
	 * a result column; elsewhere the double functions; ^ of integers is float8 */
	{"SELECT sqrt(rate), 2.0 ^ 10, power(rate, 2), log(rate), log(2, 1024.0), exp(1.50), "
	 "ln(rate), 2 ^ 3 FROM acct WHERE sqrt(rate) > 1 AND rate ^ 2 > 1",
	 "1700,1700,1700,1700,1700,1700,1700,701", "",
	 "SELECT pgfn_num_sqrt(rate, 2) AS sqrt, pgfn_num_pow('2.0', 10, 1, 0) AS \"?column?\", "
	 "pgfn_num_pow(rate, 2, 2, 0) AS power, pgfn_num_log(10, rate, 0, 2) AS log, "
	 "pgfn_num_log(2, '1024.0', 0, 1) AS log, pgfn_num_exp('1.50', 2) AS exp, "
	 "pgfn_num_ln(rate, 2) AS ln, pgfn_pow(2, 3) AS \"?column?\" FROM acct WHERE "
	 "pgfn_sqrt(rate) > 1 AND (pgfn_pow(rate, 2)) > 1"},
	/* lag of a numeric: each value and the default with its own scale, all decimal text */
	{"SELECT lag(rate, 1, 0) OVER (PARTITION BY rate * 2 ORDER BY id) FROM acct", "1700", "",
	 "SELECT pgfn_num_add(lag(pgfn_num_add(rate, 0, 2, 0), 1, 0) OVER (PARTITION BY "
	 "pgfn_nmul(rate,  2) ORDER BY id NULLS LAST), 0, -1, 0) AS lag FROM acct"},
	/* numeric % and mod/div: mod_var's remainder (SQLite's % cuts to integers) */
	{"SELECT rate % 2, mod(rate, 0.3), div(rate, 2) FROM acct WHERE rate % 2 > 0",
	 "1700s2,1700,1700", "",
	 "SELECT pgfn_num_mod(rate,  2, 2, 0) AS \"?column?\", pgfn_num_mod(rate, 0.3, 2, 1) AS mod, "
	 "pgfn_num_idiv(rate, 2, 2, 0) AS div FROM acct WHERE pgfn_mod(rate,  2) > 0"},
	/* a value becoming text inside SQL prints as PostgreSQL prints it (xlat_textout.c) */
	{"SELECT rate::text, rate || ' EUR', json_build_object('r', rate), flag || '', "
	 "concat(flag, data), ARRAY[rate * 2] FROM acct",
	 NULL, "",
	 "SELECT CAST(pgfn_text_out(rate, 1700, 327686) AS TEXT) AS rate, pgfn_text_out(rate, "
	 "1700, 327686) || ' EUR' AS \"?column?\", pgfn_json_build_object('r', "
	 "pgfn_text_out(rate, 1700, 327686), 'tn') AS json_build_object, pgfn_pgtext(flag, 'B') || "
	 "'' AS \"?column?\", (coalesce(pgfn_text_out(flag, 16, -1), '') || "
	 "coalesce(pgfn_text_out(data, 17, -1), '')) AS concat, "
	 "pgfn_array(pgfn_text_out(pgfn_num_mul(rate,  2, 2, 0), 1700, 6), '.') AS array FROM acct"},
	{"SELECT array_agg(rate), json_agg(rate ORDER BY id) FROM acct", NULL, "",
	 "SELECT pgfn_array_agg(pgfn_text_out(rate, 1700, 327686), '.') AS array_agg, "
	 "pgfn_ordered_agg(pgfn_text_out(rate, 1700, 327686), id, 'json:n', 'al') AS json_agg "
	 "FROM acct"},
	{"SELECT ROW(rate, flag)::text, (id, 'x')::text FROM acct", "25,25", "",
	 "SELECT pgfn_record_text(pgfn_text_out(rate, 1700, 327686), pgfn_text_out(flag, 16, -1)) "
	 "AS \"row\", pgfn_record_text(id, 'x') AS \"row\" FROM acct"},
	{"SELECT (e.*)::text FROM emp e", "25", "",
	 "SELECT pgfn_record_text(e.id, e.name, e.salary, e.boss) AS e FROM emp AS e"},
	{"CREATE VIEW vt AS SELECT rate::text AS t, flag || '' AS f FROM acct", NULL, "",
	 "CREATE VIEW vt AS SELECT CAST(rate AS TEXT) AS t, flag || '' AS f FROM acct; SELECT 1 "
	 "FROM vt LIMIT 0; SELECT shardlite_defacl('r', 'vt', 'vt')"},
	/* parameters */
	{"SELECT * FROM acct WHERE id = $1 AND owner = $2", NULL, "23,25", NULL},
	{"SELECT * FROM acct WHERE $1 < balance", NULL, "20", NULL},
	{"SELECT * FROM acct WHERE id IN ($1, $2) OR rate BETWEEN $3 AND $4", NULL,
	 "23,23,1700,1700", NULL},
	{"SELECT * FROM acct WHERE owner LIKE $1", NULL, "25", NULL},
	/* AT TIME ZONE of an untyped string or parameter: a timestamptz, as PostgreSQL picks */
	{"SELECT $1 AT TIME ZONE 'UTC'", "1114", "1184", NULL},
	{"SELECT '2024-01-01 10:00' AT TIME ZONE 'UTC'", "1114", "", NULL},
	{"SELECT '2024-01-01 10:00'::timestamp AT TIME ZONE 'UTC'", "1184", "", NULL},
	/* a parameter cast to an array or reg* type takes that type (asyncpg, psycopg 3) */
	{"SELECT $1::int4[], $2::text[]", "1007,1009", "1007,1009",
	 "SELECT ?1 AS int4, ?2 AS text"},
	{"SELECT typname FROM pg_type WHERE oid = any($1::oid[])", NULL, "1028", NULL},
	{"SELECT typname FROM pg_type WHERE oid = $1::regtype", NULL, "2206", NULL},
	{"SELECT $1::regtype", "2206", "2206", NULL},
	{"SELECT balance + $1 FROM acct", "20", "20", NULL},
	{"INSERT INTO acct (owner, id, at) VALUES ($1, $2, $3)", NULL, "1043,23,1184", NULL},
	{"INSERT INTO acct VALUES ($1, $2)", NULL, "23,1043", NULL},
	{"UPDATE acct SET balance = $1, code = $2 WHERE id = $3", NULL, "20,1042,23", NULL},
	{"UPDATE acct SET balance = balance + $1 WHERE id = $2", NULL, "20,23",
	 "UPDATE acct SET balance = shardlite_int8op(balance + ?1) WHERE id = ?2"},
	{"DELETE FROM acct WHERE id = $1 RETURNING owner", "1043:14", "23", NULL},
	{"INSERT INTO acct (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET small = $1 "
	 "RETURNING excluded.id",
	 NULL, "21", NULL},
	/* value checks where a value is stored */
	{"INSERT INTO acct (id, owner, rate, code) VALUES (1, 'x', 2.5, 'abc')", NULL, "",
	 "INSERT INTO acct (id, owner, rate, code) VALUES (1, shardlite_varchar('x', 10), "
	 "pgfn_num_store(pgfn_num_fit('2.5', 327686), 'rate'), shardlite_bpchar('abc', 3))"},
	{"INSERT INTO acct (small, id) VALUES (1, 3000000000)", NULL, "",
	 "INSERT INTO acct (small, id) VALUES (shardlite_int2(1), shardlite_int4(3000000000))"},
	{"INSERT INTO acct (id, balance) VALUES ('7', 7)", NULL, "",
	 "INSERT INTO acct (id, balance) VALUES (7, 7)"},
	{"INSERT INTO acct (flag, data) VALUES ('yes', '\\x0102')", NULL, "",
	 "INSERT INTO acct (flag, data) VALUES (1, x'0102')"},
	{"INSERT INTO acct (id, small, owner) SELECT salary * 2, salary, name FROM emp", NULL, "",
	 "INSERT INTO acct (id, small, owner) SELECT shardlite_int4(salary * 2) AS \"?column?\", "
	 "shardlite_int2(salary), shardlite_varchar(name, 10) FROM emp"},
	/* the source's * spelled out, each column assigned as an explicit one is (xlat_dml.c) */
	{"INSERT INTO acct SELECT * FROM acct", NULL, "",
	 "INSERT INTO acct SELECT acct.id AS id, shardlite_varchar(acct.owner, 10) AS owner, "
	 "acct.balance AS balance, shardlite_numeric(acct.rate, 327686) AS rate, "
	 "shardlite_bpchar(acct.code, 3) AS code, acct.small AS small, acct.at AS at, acct.flag AS "
	 "flag, acct.data AS data FROM acct"},
	{"WITH w AS (SELECT 1 AS x) INSERT INTO acct (small) SELECT x FROM w", NULL, "",
	 "WITH w AS (SELECT 1 AS x) INSERT INTO acct (small) SELECT shardlite_int2(x) FROM w"},
	{"SELECT id FROM acct WHERE flag = 'yes' AND data = '\\x01' AND small IN ('1', ' 2')", "23",
	 "", "SELECT id FROM acct WHERE flag = 1 AND data = x'01' AND small IN (1, 2)"},
	/* date/time, uuid, json and bytea values take their stored form */
	{"INSERT INTO ev (d, ts, iv) VALUES ('2024-1-5', 'Jan 5 2024 10:00', '1 day 3 hours')",
	 NULL, "",
	 "INSERT INTO ev (d, ts, iv) VALUES ('2024-01-05', '2024-01-05 10:00:00', '1 day "
	 "03:00:00')"},
	{"INSERT INTO ev (tz, u) VALUES ('2024-1-5 10:00', '{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}')",
	 NULL, "",
	 "INSERT INTO ev (tz, u) VALUES (pg_dt_cast('2024-1-5 10:00', 25, 1184), "
	 "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')"},
	{"INSERT INTO ev (d, tz, u, j, b, js) SELECT name, name, name, name, name, name FROM emp",
	 NULL, "",
	 "INSERT INTO ev (d, tz, u, j, b, js) SELECT pg_dt_cast(name, 25, 1082), "
	 "pg_dt_cast(name, 25, 1184), shardlite_uuid(name), pgfn_jsonb_in(name), "
	 "shardlite_bytea(name), pgfn_json_in(name) FROM emp"},
	{"INSERT INTO ev (ts, d, tz) VALUES (now(), now(), current_date)", NULL, "",
	 "INSERT INTO ev (ts, d, tz) VALUES (pg_dt_cast(pg_current(1184, -1, 0), 1184, 1114), "
	 "pg_dt_cast(pg_current(1184, -1, 0), 1184, 1082), "
	 "pg_dt_cast(pg_current(1082, -1), 1082, 1184))"},
	{"INSERT INTO ev (d, j, u, js, b) VALUES ($1, $2, $3, $4, $5)", NULL,
	 "1082,3802,2950,114,17",
	 "INSERT INTO ev (d, j, u, js, b) VALUES (?1, pgfn_jsonb_in(?2), ?3, pgfn_json_in(?4), ?5)"},
	/* SET a[i] = v, a[l:u] = src (xlat_arrayset.c): the element cast as one of the element
	 * type, several targets of one column nested in order */
	{"UPDATE arr SET a[2] = $1 WHERE id = 1", NULL, "23",
	 "UPDATE arr SET a = pgfn_array_set(a, ?1, '.', 2) WHERE id = 1"},
	{"UPDATE arr SET t[1] = 'x', a[1:2] = '{9,9}', t[3] = 'z'", NULL, "",
	 "UPDATE arr SET t = pgfn_array_set(pgfn_array_set(t, 'x', '.', 1), 'z', '.', 3), "
	 "a = pgfn_array_setslice(a, pgfn_array_in('{9,9}', 23), 'vv', 1, 2)"},
	{"UPDATE arr SET f[emp.salary] = 2, b[2] = true, a[:2] = ARRAY[1, 2] FROM emp WHERE emp.id = arr.id",
	 NULL, "",
	 "UPDATE arr SET f = pgfn_array_set(f, 2, 'f', emp.salary), b = pgfn_array_set(b, 1, 'b', 2), "
	 "a = pgfn_array_setslice(a, pgfn_array(1, 2, '..'), '-v', 2) FROM emp WHERE emp.id = arr.id"},
	{"UPDATE arr SET a[1][2] = '5', a[2:] = NULL", NULL, "",
	 "UPDATE arr SET a = pgfn_array_setslice(pgfn_array_set(a, 5, '.', 1, 2), NULL, 'v-', 2)"},
	{"UPDATE ev SET d = d + 1, tz = ts, j = j, u = u", NULL, "",
	 "UPDATE ev SET d = pg_dt_add(d, 1082, 1, 23, 1), tz = pg_dt_cast(ts, 1114, 1184), "
	 "j = j, u = u"},
	{"SELECT d FROM ev WHERE d = '2024-1-5' OR d BETWEEN '2024-1-1' AND '2024-2-1'", "1082", "",
	 "SELECT d FROM ev WHERE d = '2024-01-05' OR d BETWEEN '2024-01-01' AND '2024-02-01'"},
	{"UPDATE acct SET owner = 'x', balance = ' 12 ', code = 'ab' WHERE id = 1", NULL, "",
	 "UPDATE acct SET owner = shardlite_varchar('x', 10), balance = 12, "
	 "code = shardlite_bpchar('ab', 3) WHERE id = 1"},
	{"UPDATE acct SET id = 2.5::float8, small = 1.5::real::int2", NULL, "",
	 "UPDATE acct SET id = shardlite_int4(pgfn_rint(2.5), 'f'), small = shardlite_int2(pgfn_rint(1.5), 'f')"},
	{"UPDATE acct SET id = id * 2, owner = NULL", NULL, "",
	 "UPDATE acct SET id = shardlite_int4(id * 2), owner = NULL"},
	{"SELECT salary + 1 FROM emp", "23", "",
	 "SELECT shardlite_int4(salary + 1) AS \"?column?\" FROM emp"},
	{"SELECT 2147483647 + 1", "23", "",
	 "SELECT shardlite_int4(2147483647 + 1) AS \"?column?\""},
	{"SELECT owner::int, balance::smallint, rate::int8 FROM acct", "23,21,20", "",
	 "SELECT shardlite_int4(owner) AS owner, shardlite_int2(balance) AS balance, "
	 "shardlite_int8(rate, 'n') AS rate FROM acct"},
	{"SELECT '{A0EEBC99-9c0b4ef8-bb6d6bb9-BD380A11}'::uuid, "
	 "' {\"a\": [1, 2.5e3, \"\\u00e9\", true, null]} '::json",
	 "2950,114", "",
	 "SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' AS uuid, "
	 "' {\"a\": [1, 2.5e3, \"\\u00e9\", true, null]} ' AS json"},
	/* DDL keeps plain SQLite SQL: no checks stored in the schema */
	{"CREATE TABLE t2 (a int CHECK (a + 1 > 0))", NULL, NULL,
	 "CREATE TABLE t2 (a int4 CONSTRAINT t2_a_check CHECK (/* shardlite: pg ((a + 1) > 0) */ /* shardlite: pgp (a + 1) > 0 */ a + 1 > 0)); SELECT shardlite_defacl('r', 't2', 't2')"},
};

/* Serial and identity keys (the ser table): what is refused, what is emitted, and which
 * sequence an insert numbers. A key left out is given from the numbers the shard holds ahead
 * (shard_serial.c), with what the function checks them against. */
#define SER_NEXT                                                                              \
	"shardlite_serial('ser', 2147483647, (SELECT max(rowid) FROM main.ser), (SELECT seq " \
	"FROM main.sqlite_sequence WHERE name = 'ser' COLLATE NOCASE), (SELECT rowid FROM "   \
	"main.sqlite_sequence WHERE name = 'ser' COLLATE NOCASE))"
/* A row of a VALUES list of several: the function reads the largest key itself (-1), so that
 * SQLite inserts each row as it computes it (a subquery reading ser would make it compute
 * them all first, taking every number before a failing row). */
#define SER_NEXT_ROW                                                                           \
	"shardlite_serial('ser', 2147483647, -1, (SELECT seq FROM main.sqlite_sequence WHERE " \
	"name = 'ser' COLLATE NOCASE), (SELECT rowid FROM main.sqlite_sequence WHERE name = "  \
	"'ser' COLLATE NOCASE))"
/* The one row of VALUES or DEFAULT VALUES: a scalar subquery, which SQLite computes once per
 * statement (a table with a BEFORE INSERT trigger had SQLite compute a bare call twice, once
 * for the trigger's NEW and once for the row, taking two numbers). */
#define SER_ONCE "(SELECT " SER_NEXT ")"
static const struct {
	const char *pg;
	const char *want;     /* the exact SQLite SQL, or "!SQLSTATE" */
	const char *numbered; /* xlat_stmt.numbered_seq, NULL: none */
} serial_cases[] = {
	{"INSERT INTO ser (a) VALUES ('x')", "INSERT INTO ser (a, id) VALUES ('x', " SER_ONCE ")",
	 "ser_id_seq"},
	{"INSERT INTO ser DEFAULT VALUES", "INSERT INTO ser (id) VALUES (" SER_ONCE ")",
	 "ser_id_seq"},
	{"INSERT INTO ser (id, a) VALUES (DEFAULT, 'x')",
	 "INSERT INTO ser (a, id) VALUES ('x', " SER_ONCE ")", "ser_id_seq"},
	{"INSERT INTO ser (a) SELECT 'x'",
	 "INSERT INTO ser (a, id) SELECT *, " SER_NEXT
	 " FROM (SELECT 'x' AS \"?column?\") WHERE true",
	 "ser_id_seq"},
	{"INSERT INTO ser (id, a) VALUES (1, 'x')", "!428C9", NULL},
	{"INSERT INTO ser VALUES (1, 'x')", "!428C9", NULL},
	{"INSERT INTO ser (id) SELECT 1", "!428C9", NULL},
	{"INSERT INTO ser SELECT 1, 'x' UNION SELECT 2, 'y'", "!428C9", NULL},
	{"INSERT INTO ser OVERRIDING SYSTEM VALUE SELECT 1, 'x' UNION SELECT 2, 'y'",
	 "INSERT INTO ser SELECT 1 AS \"?column?\", 'x' AS \"?column?\" UNION "
	 "SELECT 2 AS \"?column?\", 'y' AS \"?column?\"",
	 NULL},
	{"INSERT INTO ser (id, a) OVERRIDING SYSTEM VALUE VALUES ($1, 'x')",
	 "INSERT INTO ser (id, a) VALUES (shardlite_notnull(?1, 'id', 'ser'), 'x')", NULL},
	{"INSERT INTO ser (id, a) OVERRIDING SYSTEM VALUE VALUES (NULL, 'x')",
	 "INSERT INTO ser (id, a) VALUES (shardlite_notnull(NULL, 'id', 'ser'), 'x')", NULL},
	{"INSERT INTO ser OVERRIDING USER VALUE VALUES (5, 'x'), (6, 'y')",
	 "INSERT INTO ser (a, id) VALUES ('x', " SER_NEXT_ROW "), ('y', " SER_NEXT_ROW ")",
	 "ser_id_seq"},
	{"INSERT INTO ser (id) OVERRIDING USER VALUE SELECT 1", "!0A000", NULL},
	{"UPDATE ser SET id = 2", "!428C9", NULL},
	{"UPDATE ser SET a = 'y' WHERE id = 2", "UPDATE ser SET a = 'y' WHERE id = 2", NULL},
	{"INSERT INTO acct (owner) VALUES ('x')",
	 "INSERT INTO acct (owner) VALUES "
	 "(shardlite_varchar('x', 10))",
	 NULL},
};

START_TEST(serial_case)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	const char *pg = serial_cases[_i].pg, *want = serial_cases[_i].want;
	bool ok = xlat_translate_in(&(struct xlat_env){.schema = &schema}, pg, NULL, 0, a, &v, &n,
				    &e);
	if (want[0] == '!') {
		ck_assert_msg(!ok && strcmp(e.sqlstate, want + 1) == 0, "%s: want %s got %s", pg,
			      want + 1, ok ? "success" : e.sqlstate);
	} else {
		ck_assert_msg(ok, "%s: %s %s", pg, e.sqlstate, e.message);
		ck_assert_msg(strcmp(v[0].sql, want) == 0, "%s\n  want %s\n  got  %s", pg, want,
			      v[0].sql);
		const char *got = v[0].numbered_seq, *seq = serial_cases[_i].numbered;
		ck_assert_msg(got == seq || (got && seq && strcmp(got, seq) == 0),
			      "%s: numbered %s", pg, got ? got : "(none)");
	}
	arena_free(a);
}
END_TEST

static const char *cols_text(const struct xlat_stmt *st, struct arena *a)
{
	if (st->ncols < 0)
		return "*";
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int i = 0; i < st->ncols; i++) {
		strbuf_printf(&sb, "%s%u", i ? "," : "", st->cols[i].type_oid);
		if (st->cols[i].typmod >= 0)
			strbuf_printf(&sb, ":%d", st->cols[i].typmod);
		if (st->cols[i].scale != -1)
			strbuf_printf(&sb, "s%d", st->cols[i].scale);
	}
	const char *out = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return out;
}

static const char *params_text(const struct xlat_stmt *st, struct arena *a)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int i = 0; i < st->nparams; i++)
		strbuf_printf(&sb, "%s%u", i ? "," : "", st->param_types[i]);
	const char *out = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return out;
}

START_TEST(infer_case)
{
	const struct icase *k = &cases[_i];
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(xlat_translate_in(&(struct xlat_env){.schema = &schema}, k->pg, NULL, 0, a,
					&v, &n, &e),
		      "%s: %s %s", k->pg, e.sqlstate, e.message);
	ck_assert_int_eq(n, 1);
	if (k->cols)
		ck_assert_msg(strcmp(cols_text(&v[0], a), k->cols) == 0,
			      "%s\n  cols want %s got %s", k->pg, k->cols, cols_text(&v[0], a));
	if (k->params)
		ck_assert_msg(strcmp(params_text(&v[0], a), k->params) == 0,
			      "%s\n  params want %s got %s", k->pg, k->params,
			      params_text(&v[0], a));
	if (k->sql)
		ck_assert_msg(v[0].sql && strcmp(v[0].sql, k->sql) == 0, "%s\n  want %s\n  got  %s",
			      k->pg, k->sql, v[0].sql ? v[0].sql : "(none)");
	arena_free(a);
}
END_TEST

/* A string literal stored into a typed column is read by the type's input function. */
START_TEST(literal_input_errors)
{
	static const struct {
		const char *sql, *state;
	} bad[] = {
		{"INSERT INTO acct (id) VALUES ('x')", "22P02"},
		{"INSERT INTO acct (small) VALUES ('70000')", "22003"},
		{"UPDATE acct SET flag = 'maybe'", "22P02"},
		{"INSERT INTO acct (id, data) VALUES (1, '\\xZ')", "22023"},
		{"SELECT id FROM acct WHERE small = '1.5'", "22P02"},
		{"INSERT INTO ev (d) VALUES ('2024-2-30')", "22008"},
		{"INSERT INTO ev (ts) VALUES ('soon')", "22007"},
		{"UPDATE ev SET u = 'xyz'", "22P02"},
		{"SELECT d FROM ev WHERE d BETWEEN '2024-1-1' AND '2024-13-1'", "22008"},
		{"SELECT id FROM acct WHERE rate = '1.5x'", "22P02"},
		{"SELECT CASE rate WHEN 'x' THEN 1 END FROM acct", "22P02"},
		{"SELECT CASE WHEN flag THEN id ELSE 'x' END FROM acct", "22P02"},
		{"SELECT COALESCE(balance, 'x') FROM acct", "22P02"},
		{"SELECT ARRAY[id, 'x'] FROM acct", "22P02"},
		{"SELECT id FROM acct UNION SELECT 'x'", "22P02"},
		{"VALUES (1), ('x')", "22P02"},
		{"SELECT ARRAY[]", "42P18"},
	};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		struct arena *a = arena_new(0);
		struct xlat_stmt *v = NULL;
		size_t n = 0;
		struct pgerr e;
		pgerr_clear(&e);
		ck_assert_msg(!xlat_translate_in(&(struct xlat_env){.schema = &schema}, bad[i].sql,
						 NULL, 0, a, &v, &n, &e),
			      "%s", bad[i].sql);
		ck_assert_msg(strcmp(e.sqlstate, bad[i].state) == 0, "%s: %s %s", bad[i].sql,
			      e.sqlstate, e.message);
		arena_free(a);
	}
}
END_TEST

/* Without a schema nothing is checked and columns are typed at run time, as before. */
START_TEST(no_schema_no_checks)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = xtranslate("UPDATE acct SET id = id + 1", NULL, 0, 1, a);
	ck_assert_str_eq(st->sql, "UPDATE acct SET id = id + 1");
	arena_free(a);
}
END_TEST

/* One text, two schemas: the cache must not hand one's translation to the other. */
START_TEST(cache_keeps_schemas_apart)
{
	struct xlat_schema other = schema;
	other.fingerprint = 0xbeef;
	struct arena *a = arena_new(0);
	const char *sql = "UPDATE emp SET salary = salary + 1 WHERE id = 3";
	for (int round = 0; round < 2; round++) { /* the second round is answered by the cache */
		struct xlat_stmt *v = NULL;
		size_t n = 0;
		struct pgerr e;
		ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &schema}, sql, NULL, 0, a,
					    &v, &n, &e));
		ck_assert_str_eq(v[0].sql,
				 "UPDATE emp SET salary = shardlite_int4(salary + 1) WHERE id = 3");
		ck_assert(xlat_translate_in(&(struct xlat_env){.schema = &other}, sql, NULL, 0, a,
					    &v, &n, &e));
		ck_assert_str_eq(v[0].sql,
				 "UPDATE emp SET salary = shardlite_int4(salary + 1) WHERE id = 3");
		ck_assert(xlat_translate_in(NULL, sql, NULL, 0, a, &v, &n, &e));
		ck_assert_str_eq(v[0].sql, "UPDATE emp SET salary = salary + 1 WHERE id = 3");
	}
	arena_free(a);
}
END_TEST

Suite *xlat_suite_infer(void)
{
	Suite *s = suite_create("xlat_infer");
	TCase *tc = tcase_create("infer");
	tcase_add_loop_test(tc, infer_case, 0, (int)ARRAY_LEN(cases));
	tcase_add_loop_test(tc, serial_case, 0, (int)ARRAY_LEN(serial_cases));
	tcase_add_test(tc, no_schema_no_checks);
	tcase_add_test(tc, literal_input_errors);
	tcase_add_test(tc, cache_keeps_schemas_apart);
	suite_add_tcase(s, tc);
	return s;
}
