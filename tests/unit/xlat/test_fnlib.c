/* SPDX-License-Identifier: Apache-2.0 */
/* test_fnlib.c: functions implemented in pgfn — their translation, the errors PostgreSQL's
 * parse analysis gives, parameter types inferred from their arguments, and rows checked
 * against PostgreSQL 15's answers. */
#include "xlat_test.h"

#include <string.h>

static const struct xcase cases[] = {
	/* VARIADIC array: its elements are the value arguments (xlat_variadic.c) */
	{"SELECT concat(VARIADIC ARRAY[b, 'x']), concat_ws(',', VARIADIC ARRAY[a]), "
	 "format('%s', VARIADIC ARRAY[b]) FROM t",
	 "SELECT pgfn_concat_ws_va('', pgfn_array(b, 'x', '..')) AS concat, "
	 "pgfn_concat_ws_va(',', pgfn_array(a, '.')) AS concat_ws, "
	 "pgfn_format_va('%s', pgfn_array(b, '.')) AS format FROM t"},
	{"SELECT concat(VARIADIC 'a')", "!42804@24"},
	{"SELECT concat('x', VARIADIC ARRAY['a'])", "!42883@8"},
	{"SELECT md5(b), lpad(b, 5, '*'), split_part(b, ',', -1) FROM t",
	 "SELECT pgfn_md5(b) AS md5, pgfn_lpad(b, 5, '*') AS lpad, pgfn_split_part(b, ',', -1) "
	 "AS split_part FROM t"},
	{"SELECT to_hex(a), to_hex(-1::bigint), to_hex(-1) FROM t",
	 "SELECT pgfn_to_hex(a, 0) AS to_hex, pgfn_to_hex(-1, 64) AS to_hex, "
	 "pgfn_to_hex(-1, 32) AS to_hex FROM t"},
	{"SELECT format('%s-%s', a, b), concat_ws(',', a, b) FROM t",
	 "SELECT pgfn_format('%s-%s', a, b) AS format, pgfn_concat_ws(',', a, b) AS concat_ws "
	 "FROM t"},
	{"SELECT format('%s %s %L', a > 1, 1.5::float8, true), quote_literal(a::float4) FROM t",
	 "SELECT pgfn_format('%s %s %L', pgfn_text_out(a > 1, 16, -1), pgfn_text_out(1.5, 701, "
	 "-1), pgfn_text_out(1, 16, -1)) AS format, pgfn_quote_literal(pgfn_text_out(CAST(a AS "
	 "REAL), 700, -1)) AS quote_literal FROM t"},
	{"SELECT a::text, a || 'x', concat(a, 1.50), format('%s', 1.50) FROM t",
	 "SELECT CAST(a AS TEXT) AS a, a || 'x' AS \"?column?\", (coalesce(a, '') || "
	 "coalesce(pgfn_text_out(1.50, 1700, 6), '')) AS concat, pgfn_format('%s', "
	 "pgfn_text_out(1.50, 1700, 6)) AS format FROM t"},
	{"SELECT bit_length(b) FROM t",
	 "SELECT (length(CAST(b AS BLOB)) * 8) AS bit_length FROM t"},
	{"SELECT lpad(b) FROM t", "!42883@8"},
	{"SELECT md5(DISTINCT b) FROM t", "!42809@8"},
	{"SELECT reverse(b) OVER () FROM t", "!42809@8"},
	{"SELECT md5(*) FROM t", "!42809@8"},
	{"SELECT b::json -> 'k', b::jsonb #>> '{k,0}', b::jsonb ? 'k' FROM t",
	 "SELECT pgfn_json_get(pgfn_json_in(b), 'k', 0) AS \"?column?\", pgfn_json_path(pgfn_jsonb_in(b), "
	 "'{k,0}', 3) AS \"?column?\", pgfn_jsonb_exists(pgfn_jsonb_in(b), 'k', 0) AS "
	 "\"?column?\" FROM t"},
	{"SELECT '{}'::jsonb || '[1]'::jsonb, '{\"a\": 1}'::jsonb - 'a', b || 'x' FROM t",
	 "SELECT pgfn_jsonb_concat(pgfn_jsonb_in('{}'), pgfn_jsonb_in('[1]')) AS \"?column?\", "
	 "pgfn_jsonb_delete(pgfn_jsonb_in('{\"a\": 1}'), 'a') AS \"?column?\", b || 'x' AS "
	 "\"?column?\" FROM t"},
	{"SELECT json_build_object('a', a, 'b', a > 1, 'c', b::json) FROM t",
	 "SELECT pgfn_json_build_object('a', a, 'b', a > 1, 'c', pgfn_json_in(b), 't.tbtj') AS "
	 "json_build_object FROM t"},
	{"SELECT json_agg(a) FILTER (WHERE a > 1), jsonb_object_agg(b, 1.5) FROM t",
	 "SELECT pgfn_json_agg(a, '.') FILTER (WHERE a > 1) AS json_agg, "
	 "pgfn_jsonb_object_agg(b, pgfn_text_out(1.5, 1700, 5), '.n') AS jsonb_object_agg "
	 "FROM t"},
	{"SELECT json_agg(a ORDER BY a DESC, b NULLS FIRST) FROM t",
	 "SELECT pgfn_ordered_agg(a, a, b, 'json:.', 'dfaf') AS json_agg FROM t"},
	{"SELECT array_agg(DISTINCT a ORDER BY b) FROM t", "!42P10@38"},
	{"SELECT a = ANY(ARRAY[1, 2]), b LIKE ALL($1), a > ANY('{1}'::int[]), a = ANY('{1}'::int[]) "
	 "FROM t",
	 "SELECT pgfn_array_cmp(a, pgfn_array(1, 2, '..'), '=', 0) AS \"?column?\", "
	 "pgfn_array_cmp(b, ?1, 'LIKE', 1) AS \"?column?\", pgfn_array_cmp(a, '{1}', '>', 0) "
	 "AS \"?column?\", pg_array_has('{1}', a) AS \"?column?\" FROM t"},
	{"SELECT array_length(ARRAY[a], 1), cardinality('{}'::text[]), ARRAY[1] || a, "
	 "string_to_array(b, ',') FROM t",
	 "SELECT pgfn_array_dim(pgfn_array(a, '.'), 1, 0) AS array_length, "
	 "pgfn_array_dim('{}', 1, 3) AS cardinality, pgfn_array_append(pgfn_array(1, '.'), a, '.') "
	 "AS \"?column?\", pgfn_string_to_array(b, ',') AS string_to_array FROM t"},
	{"SELECT json_agg(a) OVER () FROM t", "!0A000@8"},
	{"SELECT b::jsonb #- '{a}', b ^@ 'x' FROM t",
	 "SELECT pgfn_jsonb_delete_path(pgfn_jsonb_in(b), '{a}') AS \"?column?\", "
	 "pgfn_starts_with(b, 'x') AS \"?column?\" FROM t"},
	{"SELECT b::jsonb @? '$.a', b::jsonb @@ '$.a == 1'::jsonpath FROM t",
	 "SELECT pgfn_jsonb_path(pgfn_jsonb_in(b), '$.a', '{}', 1, 0, 4) AS \"?column?\", "
	 "pgfn_jsonb_path(pgfn_jsonb_in(b), pgfn_jsonpath_in('$.a == 1'), '{}', 1, 1, 4) AS "
	 "\"?column?\" FROM t"},
	{"SELECT jsonb_path_query_first(b::jsonb, '$.a', silent => true) FROM t",
	 "SELECT pgfn_jsonb_path(pgfn_jsonb_in(b), '$.a', '{}', 1, 3, 4) AS jsonb_path_query_first "
	 "FROM t"},
	{"SELECT jsonb_path_exists(b::jsonb, b::text) FROM t", "!42883@8"},
	{"SELECT 1 FROM t WHERE jsonb_path_query(b::jsonb, '$') = '1'", "!0A000@23"},
	{"SELECT pg_typeof(1), pg_typeof('x'), pg_typeof(a > 1), num_nulls(a, NULL) FROM t",
	 "SELECT 'integer' AS pg_typeof, 'unknown' AS pg_typeof, 'boolean' AS pg_typeof, "
	 "((a IS NULL) + (NULL IS NULL)) AS num_nulls FROM t"},
	{"SELECT pg_typeof(a) FROM t", "!0A000@8"},
	{"SELECT mod(a, 2), trunc(c, 1), trunc(c), stddev(DISTINCT c) FILTER (WHERE a > 0) FROM t",
	 "SELECT pgfn_mod(a, 2) AS mod, pgfn_trunc(c, 1) AS trunc, trunc(c) AS trunc, "
	 "pgfn_stddev_samp(DISTINCT c) FILTER (WHERE a > 0) AS stddev FROM t"},
	{"SELECT variance(c) OVER () FROM t", "!0A000@8"},
	{"SELECT stddev(c ORDER BY c) FROM t", "!0A000@8"},
	{"SELECT * FROM unnest('{1}'::int[], '{2}'::int[]) WITH ORDINALITY AS u (x)",
	 "SELECT (u.v0) AS x, (u.v1) AS unnest, (u.ordinality) AS ordinality FROM "
	 "pgfn_unnest_int4   ('{1}', '{2}') AS u"},
	/* a whole row as JSON: its columns by name, each value rendered by its type */
	{"SELECT row_to_json(r) FROM (SELECT 1 AS a, 'b' AS b) r",
	 "SELECT pgfn_json_row('a', r.a, 'b', r.b, 'tntt') AS row_to_json FROM (SELECT 1 AS a, 'b' "
	 "AS b) AS r"},
	{"SELECT to_jsonb(r), json_agg(r) FILTER (WHERE a > 0) FROM (SELECT 1 AS a) r",
	 "SELECT pgfn_jsonb_build_object('a', r.a, 'tn') AS to_jsonb, pgfn_json_agg(pgfn_json_row("
	 "'a', r.a, 'tn'), 'R') FILTER (WHERE a > 0) AS json_agg FROM (SELECT 1 AS a) AS r"},
	{"SELECT row_to_json(c) FROM pg_class c", "!0A000"},
	{"SELECT json_agg(r ORDER BY a) FROM (SELECT 1 AS a) r",
	 "SELECT pgfn_ordered_agg(pgfn_json_row('a', r.a, 'tn'), a, 'json:R', 'al') AS json_agg "
	 "FROM (SELECT 1 AS a) AS r"},
	{"SELECT to_json(r ORDER BY a) FROM (SELECT 1 AS a) r", "!0A000"},
	/* generate_series over another FROM item's column: joined directly, its column rewritten */
	{"SELECT a, g FROM t, generate_series(1, t.a::int) g",
	 "SELECT a, (g.value) AS g FROM t, pgfn_series_int4   (1, CAST(iif(typeof(t.a) = 'real', "
	 "round(t.a), t.a) AS INTEGER)) AS g"},
	/* generate_series by its arguments' types; other types are refused, not misread */
	{"SELECT * FROM generate_series(1, 3)",
	 "SELECT * FROM (SELECT value AS generate_series FROM pgfn_series_int4   (1, 3)) AS "
	 "generate_series"},
	{"SELECT g FROM generate_series(1, 3::bigint, 2) g",
	 "SELECT g FROM (SELECT value AS g FROM pgfn_series_int8   (1, 3, 2)) AS g"},
	{"SELECT * FROM generate_series(0.5, 2)",
	 "SELECT * FROM (SELECT value AS generate_series FROM pgfn_series_numeric(0.5, 2)) AS "
	 "generate_series"},
	{"SELECT * FROM generate_series(now(), now(), '1 day')",
	 "SELECT * FROM (SELECT value AS generate_series FROM pgfn_series_tstz   (pg_current(1184, "
	 "-1, 0), pg_current(1184, -1, 0), '1 day')) AS generate_series"},
	{"SELECT * FROM generate_series('2024-01-01'::timestamp, '2024-01-02', '1 hour') g",
	 "SELECT * FROM (SELECT value AS g FROM pgfn_series_ts     ('2024-01-01 00:00:00', "
	 "'2024-01-02', '1 hour')) AS g"},
	{"SELECT * FROM generate_series('2024-01-01'::timestamp, '2024-01-02') g", "!42883"},
	{"SELECT * FROM generate_series(1, '2024-01-02'::date, '1 day') g", "!42883"},
	{"SELECT * FROM generate_series('1 day'::interval, '2 days', '1 hour') g", "!0A000"},
	/* in a select list: joined as in FROM, once per row of the query's FROM */
	{"SELECT generate_series(1, 3)",
	 "SELECT \"xlat:srf1\".value AS generate_series FROM pgfn_series_int4(1, 3) AS \"xlat:srf1\""},
	/* beside another or inside an expression: each call's rows packed, zipped in lockstep */
	{"SELECT generate_series(1, 2), generate_series(1, 3)",
	 "SELECT \"xlat:srf1\".c0 AS generate_series, \"xlat:srf1\".c1 AS generate_series FROM "
	 "pgfn_rows_zip('1,1', (SELECT pgfn_rows_pack(value) FROM pgfn_series_int4(1, 2)), (SELECT "
	 "pgfn_rows_pack(value) FROM pgfn_series_int4(1, 3))) AS \"xlat:srf1\""},
	{"SELECT generate_series(1, 2) + 1",
	 "SELECT \"xlat:srf1\".c0 + 1 AS \"?column?\" FROM pgfn_rows_zip('1', (SELECT "
	 "pgfn_rows_pack(value) FROM pgfn_series_int4(1, 2))) AS \"xlat:srf1\""},
	{"SELECT CASE WHEN true THEN generate_series(1, 2) END", "!0A000"},
	{"SELECT coalesce(unnest(ARRAY[1]), 0)", "!0A000"},
	{"SELECT sum(generate_series(1, 2))", "!0A000"},
	{"SELECT lo_import('/x')", "!0A000@8"}, /* server-side files: refused, not 42883 */
	{"SELECT lo_export(42, '/x')", "!0A000@8"},
	{"SELECT a FROM t WHERE lo_import(a) = 1", "!0A000@23"},
	{"SELECT generate_series(1, generate_series(1, 2))", "!0A000"},
	{"SELECT * FROM jsonb_each('{}') AS e (k)",
	 "SELECT * FROM (SELECT key AS k, value AS value FROM pgfn_jsonb_each('{}', 1)) AS e"},
	{"SELECT e.value FROM t, json_array_elements(t.b::json) e",
	 "SELECT (e.value) AS value FROM t, pgfn_json_elements(pgfn_json_in(t.b), 0) AS e"},
	{"SELECT * FROM t, jsonb_object_keys(t.b::jsonb) k",
	 "SELECT t.*, (k.key) AS k FROM t, pgfn_json_keys(pgfn_jsonb_in(t.b), 1) AS k"},
	{"SELECT k.*, x FROM t, unnest(t.b::int[], t.b::int[]) WITH ORDINALITY k (x, y) "
	 "WHERE k.y > ordinality",
	 "SELECT (k.v0) AS x, (k.v1) AS y, (k.ordinality) AS ordinality, (k.v0) AS x FROM t, "
	 "pgfn_unnest_int4   (pg_array_in(t.b), pg_array_in(t.b)) AS k WHERE (k.v1) > "
	 "(k.ordinality)"},
	{"SELECT * FROM t JOIN u ON true, jsonb_each(t.b::jsonb) e",
	 "SELECT t.*, u.*, (e.key) AS \"key\", (e.value) AS value FROM t JOIN u ON 1, "
	 "pgfn_jsonb_each(pgfn_jsonb_in(t.b), 1) AS e"},
	{"SELECT * FROM t JOIN u USING (id), jsonb_each(t.b::jsonb) e", "!0A000"},
	{"SELECT * FROM jsonb_each('{}') AS e (k, v, x)", "!42P10"},
	{"CREATE TABLE j (d jsonb DEFAULT '{}'::jsonb)", "CREATE TABLE j (d jsonb DEFAULT ('{}'))"},
};

XCASE_TEST(fnlib_case, cases)

START_TEST(params_typed_from_arguments)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st =
		xtranslate("SELECT lpad($1, $2, $3), get_byte($4, 0)", NULL, 0, 1, a);
	ck_assert_int_eq(st->nparams, 4);
	ck_assert_uint_eq(st->param_types[0], 25);
	ck_assert_uint_eq(st->param_types[1], 23);
	ck_assert_uint_eq(st->param_types[2], 25);
	ck_assert_uint_eq(st->param_types[3], 17);
	ck_assert_uint_eq(st->cols[0].type_oid, 25);
	ck_assert_uint_eq(st->cols[1].type_oid, 23);
	arena_free(a);
}
END_TEST

/* A parameter compared with two string types (Prisma: nspname = ANY($1) and information_schema's
 * table_schema = ANY($1)) takes the first one's type, as in PostgreSQL; int and text still
 * conflict (test_misc.c). */
START_TEST(params_string_types_agree)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = xtranslate("SELECT $1 = 'a'::text, $1 = 'b'::name, $2 = 'c'::name, "
					  "$2 = 'd'::varchar",
					  NULL, 0, 1, a);
	ck_assert_int_eq(st->nparams, 2);
	ck_assert_uint_eq(st->param_types[0], 25);
	ck_assert_uint_eq(st->param_types[1], 19);
	arena_free(a);
}
END_TEST

/* jsonb || and - of parameters declared jsonb (Parse's OIDs, PREPARE's types, a function's
 * arguments) are jsonb's, each $n read as its canonical text; a text $n beside one makes ||
 * text's (textanycat). */
START_TEST(params_declared_jsonb)
{
	struct arena *a = arena_new(0);
	const uint32_t jj[] = {3802, 3802, 25};
	struct xlat_stmt *st = xtranslate("SELECT $1 || $2, ($1 || $2) - $3", jj, 3, 1, a);
	ck_assert_str_eq(st->sql, "SELECT pgfn_jsonb_concat(pgfn_jsonb_in(?1), pgfn_jsonb_in(?2)) "
				  "AS \"?column?\", pgfn_jsonb_delete(pgfn_jsonb_concat("
				  "pgfn_jsonb_in(?1), pgfn_jsonb_in(?2)), ?3) AS \"?column?\"");
	ck_assert_uint_eq(st->cols[0].type_oid, 3802);
	ck_assert_uint_eq(st->cols[1].type_oid, 3802);
	const uint32_t jt[] = {3802, 25};
	st = xtranslate("SELECT $1 || $2", jt, 2, 1, a);
	ck_assert_uint_eq(st->cols[0].type_oid, 25);
	ck_assert_ptr_null(strstr(st->sql, "pgfn_jsonb_concat"));
	arena_free(a);
}
END_TEST

/* Each row as PostgreSQL 15 printed it for the same query. */
static const struct {
	const char *pg, *row;
} rows[] = {
	{"SELECT lpad('hello', 8, 'ab'), rpad('hi', 5, 'xy'), lpad('x', -1), lpad('abc', 5, '')",
	 "abahello|hixyx||abc"},
	{"SELECT split_part('a,b,c', ',', -1), split_part('a,b,c', ',', -4), split_part('abc', '', 1)",
	 "c||abc"},
	{"SELECT initcap('hELLO wORLD-foo_bar 1abc'), translate('12345', '143', 'ax')",
	 "Hello World-Foo_Bar 1abc|a2x5"},
	{"SELECT left('hello', -2), right('hello', -2), left('hé', 5), right('abc', 0)",
	 "hel|llo|hé|"},
	{"SELECT quote_ident('Foo'), quote_ident('select'), quote_ident('abc'), quote_ident('user')",
	 "\"Foo\"|\"select\"|abc|\"user\""},
	{"SELECT format('%2$s %1$s %s', 'a', 'b'), format('%L %L %s', NULL, 1.5, NULL)",
	 "b a b|NULL '1.5' "},
	{"SELECT reverse(b), ascii(b), upper(chr(ascii(b) + 1)) FROM t WHERE id = 1", "eno|111|P"},
	{"SELECT concat(VARIADIC ARRAY['a', NULL, 'b']), concat_ws('-', VARIADIC '{{1,2},{3,4}}'::int[]), "
	 "format('%2$s-%1$L-%s', VARIADIC ARRAY['x', NULL])",
	 "ab|1-2-3-4|-'x'-"},
};

/* A built-in operator's function called by name is the operator (xlat_operfn.c); the session
 * gives the catalog's pg_operator lookup, a stand-in here. */
static const char *oper_fn(const char *name, uint32_t types[3])
{
	if (strcmp(name, "int4pl") != 0)
		return NULL;
	types[0] = types[1] = types[2] = 23;
	return "+";
}

START_TEST(operator_function_by_name)
{
	struct xlat_env env = {.oper_fn = oper_fn};
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	ck_assert(xlat_translate_in(&env, "SELECT int4pl(1, '2')", NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(v[0].sql, "SELECT (1 + 2) AS int4pl"); /* '2'::int4 read at translation */
	ck_assert(!xlat_translate_in(&env, "SELECT int4pl(1.5, 2)", NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(e.sqlstate, "42883"); /* no implicit cast from numeric to int4 */
	ck_assert(!xlat_translate_in(&env, "SELECT int4pl(1)", NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(e.sqlstate, "42883");
	arena_free(a);
}
END_TEST

START_TEST(fnlib_row)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = xtranslate(rows[_i].pg, NULL, 0, 1, a);
	const char *got = xrun_first_row(st, a);
	ck_assert_msg(strcmp(got, rows[_i].row) == 0, "%s\n  PostgreSQL: %s\n  SQLite:     %s",
		      rows[_i].pg, rows[_i].row, got);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_fnlib(void)
{
	Suite *s = suite_create("xlat_fnlib");
	TCase *tc = tcase_create("fnlib");
	tcase_add_loop_test(tc, fnlib_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, params_typed_from_arguments);
	tcase_add_test(tc, params_string_types_agree);
	tcase_add_test(tc, params_declared_jsonb);
	tcase_add_test(tc, operator_function_by_name);
	tcase_add_loop_test(tc, fnlib_row, 0, (int)(sizeof(rows) / sizeof(rows[0])));
	suite_add_tcase(s, tc);
	return s;
}
