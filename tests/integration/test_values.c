/* SPDX-License-Identifier: Apache-2.0 */
/* test_values.c: values stored as PostgreSQL stores them when they arrive through the
 * extended protocol — parameters declared as text or varchar (JDBC's setString) or left
 * untyped, into date/time, uuid, jsonb and bytea columns; a NaN float parameter; DateStyle's
 * output, input order and the ParameterStatus a change sends; exact numeric results in the
 * binary format. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static PGresult *exec3(PGconn *c, const char *sql, const Oid *types, const char *const *vals)
{
	return PQexecParams(c, sql, 3, types, vals, NULL, NULL, 0);
}

START_TEST(text_parameters_take_the_column_form)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE v (d date, tz timestamptz, u uuid, j jsonb, "
				   "b bytea, f float8)"));
	/* declared varchar and text (as JDBC's setString sends them), cast in the statement */
	const Oid text3[] = {1043, 25, 25};
	const char *dvals[] = {"2024-1-5", "Jan 5 2024 10:00+02",
			       "A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11"};
	PGresult *r = exec3(c,
			    "INSERT INTO v (d, tz, u) VALUES ($1::date, $2::timestamptz, $3::uuid)",
			    text3, dvals);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	PQclear(r);
	/* untyped: inferred from the columns; jsonb made canonical, bytea read as bytes */
	const char *jvals[] = {"{\"b\": 1,   \"a\": [1, 2]}", "\\x0aff", "NaN"};
	r = exec3(c, "INSERT INTO v (j, b, f) VALUES ($1, $2, $3)", (const Oid[]){0, 0, 0}, jvals);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	PQclear(r);
	r = harness_exec_ok(c, "SELECT d, tz, u FROM v WHERE d = '2024-01-05'");
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "2024-01-05");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "2024-01-05 08:00:00+00");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
	PQclear(r);
	r = harness_exec_ok(c, "SELECT j, b, f, f > 1e308 FROM v WHERE j IS NOT NULL");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "{\"a\": [1, 2], \"b\": 1}");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "\\x0aff");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "NaN");
	ck_assert_str_eq(PQgetvalue(r, 0, 3), "t");
	PQclear(r);
	/* bad input is refused with the input function's SQLSTATE */
	const char *bad[] = {"2024-2-30", "soon", "xyz"};
	r = exec3(c, "INSERT INTO v (d, tz, u) VALUES ($1::date, $2::timestamptz, $3::uuid)", text3,
		  bad);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22008");
	PQclear(r);
	const char *badj[] = {"{\"a\":", NULL, NULL};
	r = exec3(c, "INSERT INTO v (j, b, f) VALUES ($1, $2, $3)", (const Oid[]){0, 0, 0}, badj);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22P02");
	PQclear(r);
	PQfinish(c);
}
END_TEST

START_TEST(datestyle_output_input_and_status)
{
	PGconn *c = harness_connect(&H, "dbname=acme options='-c DateStyle=German'");
	ck_assert_str_eq(PQparameterStatus(c, "DateStyle"), "German, DMY");
	PGresult *r = harness_exec_ok(c, "SELECT '1.2.2024'::date, '2024-07-05 13:04'::timestamp");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "01.02.2024");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "05.07.2024 13:04:00");
	PQclear(r);
	PQclear(harness_exec_ok(c, "SET DateStyle = 'SQL, MDY'"));
	ck_assert_str_eq(PQparameterStatus(c, "DateStyle"), "SQL, MDY");
	const char *vals[] = {"1/2/2024"};
	r = PQexecParams(c, "SELECT $1::date, $1::date = '2024-01-02'", 1, NULL, vals, NULL, NULL,
			 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQerrorMessage(c));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "01/02/2024");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "t");
	PQclear(r);
	/* a date/interval parameter cast to text prints in DateStyle and IntervalStyle */
	PQclear(harness_exec_ok(c, "SET IntervalStyle = 'sql_standard'"));
	const char *dv[] = {"2024-01-02", "1 day 2 hours"};
	r = PQexecParams(c, "SELECT $1::text, $2::text, $1::varchar", 2, (const Oid[]){1082, 1186},
			 dv, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQerrorMessage(c));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "01/02/2024");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "1 2:00:00");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "01/02/2024");
	PQclear(r);
	/* ... and stored into a text column, as a bound boolean: their assignment casts' text */
	PQclear(harness_exec_ok(c, "CREATE TEMP TABLE b2p (t text, d varchar(12), b text)"));
	const char *pv[] = {"2024-01-02", "t"};
	r = PQexecParams(c, "INSERT INTO b2p VALUES ($1::text, $1, $2)", 2,
			 (const Oid[]){1082, 16}, pv, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	PQclear(r);
	r = harness_exec_ok(c, "SELECT t, d, b FROM b2p");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "01/02/2024");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "01/02/2024");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "true");
	PQclear(r);
	harness_exec_fail(c, "SET DateStyle = 'ISO, Postgres'", "22023");
	/* RESET goes back to the startup packet's value, not the server's default */
	PQclear(harness_exec_ok(c, "RESET DateStyle"));
	ck_assert_str_eq(PQparameterStatus(c, "DateStyle"), "German, DMY");
	PQclear(harness_exec_ok(c, "SET DateStyle = ISO; RESET ALL"));
	r = harness_exec_ok(c, "SHOW DateStyle");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "German, DMY");
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* Exact numeric results (pgfn_numfn.c) in numeric's binary form: the bytes PostgreSQL 15's
 * numeric_send writes for the same expressions (SELECT numeric_send(...)). */
START_TEST(exact_numeric_binary)
{
	static const struct {
		const char *expr;
		size_t len;
		const char *bytes;
	} want[] = {
		{"1::numeric / 3", 18,
		 "\x00\x05\xff\xff\x00\x00\x00\x14\x0d\x05\x0d\x05\x0d\x05\x0d\x05\x0d\x05"},
		{"2.50 / 2", 12, "\x00\x02\x00\x00\x00\x00\x00\x14\x00\x01\x09\xc4"},
		{"(-12345678901234567890)::numeric * 10", 20,
		 "\x00\x06\x00\x05\x40\x00\x00\x00\x00\x01\x09\x29\x1a\x85\x00\x7b\x11\xd7"
		 "\x22\xc4"},
	};
	PGconn *c = harness_connect(&H, "dbname=acme");
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		char sql[128];
		snprintf(sql, sizeof(sql), "SELECT %s", want[i].expr);
		PGresult *r = PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 1);
		ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQerrorMessage(c));
		ck_assert_int_eq(PQftype(r, 0), 1700);
		ck_assert_int_eq(PQgetlength(r, 0, 0), (int)want[i].len);
		ck_assert_msg(memcmp(PQgetvalue(r, 0, 0), want[i].bytes, want[i].len) == 0, "%s",
			      want[i].expr);
		PQclear(r);
	}
	PQfinish(c);
}
END_TEST

/* char(n): a parameter (untyped, so bpchar) or a COPY row is stored without trailing blanks,
 * compared ignoring them, printed padded; a text parameter compares as text (PostgreSQL's
 * bpchar = text is text = text). */
START_TEST(bpchar_ignores_trailing_blanks)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE ch (id int PRIMARY KEY, c char(5))"));
	PGresult *r = PQexecParams(c, "INSERT INTO ch VALUES (1, $1)", 1, NULL,
				   (const char *[]){"ab   "}, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	PQclear(r);
	r = PQexec(c, "COPY ch FROM STDIN");
	ck_assert_int_eq(PQresultStatus(r), PGRES_COPY_IN);
	PQclear(r);
	ck_assert_int_eq(PQputCopyData(c, "2\tcd  \n", 7), 1);
	ck_assert_int_eq(PQputCopyEnd(c, NULL), 1);
	r = PQgetResult(c);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	PQclear(r);
	PQclear(PQgetResult(c));
	static const struct {
		const char *sql;
		Oid type;
		const char *val, *want;
	} q[] = {
		{"SELECT string_agg(id::text, ',' ORDER BY id) FROM ch WHERE c = $1 OR c = $1 || 'd'",
		 0, "ab ", "1"},
		{"SELECT '[' || c || ']' || octet_length(c) FROM ch WHERE $1 = c", 0, "cd", "[cd]5"},
		{"SELECT c FROM ch WHERE c = $1", 0, "cd       ", "cd   "},
		{"SELECT count(*) FROM ch WHERE c = $1", 25, "ab ", "0"},
		{"SELECT count(*) FROM ch WHERE c = $1", 25, "ab", "1"},
	};
	for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		r = PQexecParams(c, q[i].sql, 1, &q[i].type, &q[i].val, NULL, NULL, 0);
		ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s: %s", q[i].sql,
			      PQerrorMessage(c));
		ck_assert_msg(PQntuples(r) == 1 && strcmp(PQgetvalue(r, 0, 0), q[i].want) == 0,
			      "%s with '%s': got '%s'", q[i].sql, q[i].val,
			      PQntuples(r) ? PQgetvalue(r, 0, 0) : "(no row)");
		PQclear(r);
	}
	PQfinish(c);
}
END_TEST

/* jsonpath through libpq: Describe types $1 jsonb and $2 jsonpath (ParameterDescription), a
 * path bound as text or binary (version byte 1), a jsonpath column stored normalized and sent
 * in binary as jsonpath_send does. */
START_TEST(jsonpath_parameters_and_binary)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PGresult *r = PQprepare(c, "jp", "SELECT jsonb_path_query_array($1, $2)", 0, NULL);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	PQclear(r);
	r = PQdescribePrepared(c, "jp");
	ck_assert_int_eq(PQnparams(r), 2);
	ck_assert_int_eq(PQparamtype(r, 0), 3802);
	ck_assert_int_eq(PQparamtype(r, 1), 4072);
	ck_assert_int_eq(PQftype(r, 0), 3802);
	PQclear(r);
	const char *vals[2] = {"[1, 2, 3]", "$[*] ? (@ > 1)"};
	r = PQexecPrepared(c, "jp", 2, vals, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQerrorMessage(c));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "[2, 3]");
	PQclear(r);
	static const char bin_path[] = "\x01$[0]";
	const char *bvals[2] = {"[7]", bin_path};
	int lens[2] = {3, 5}, formats[2] = {0, 1};
	r = PQexecPrepared(c, "jp", 2, bvals, lens, formats, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQerrorMessage(c));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "[7]");
	PQclear(r);
	PQclear(harness_exec_ok(c, "CREATE TABLE jp (p jsonpath)"));
	const char *path = "$.a ? (@ > 1)";
	r = PQexecParams(c, "INSERT INTO jp VALUES ($1)", 1, NULL, &path, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	PQclear(r);
	r = PQexecParams(c, "SELECT p FROM jp", 0, NULL, NULL, NULL, NULL, 1);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQerrorMessage(c));
	ck_assert_int_eq(PQftype(r, 0), 4072);
	static const char want[] = "\x01$.\"a\"?(@ > 1)";
	ck_assert_int_eq(PQgetlength(r, 0, 0), (int)sizeof(want) - 1);
	ck_assert(memcmp(PQgetvalue(r, 0, 0), want, sizeof(want) - 1) == 0);
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* "char": one byte on the wire (charsend/charrecv), a text parameter and a COPY row read by
 * charin ('xy' is x, \303 the byte 0xC3), RowDescription OID 18 of length 1, a "char"[]. */
START_TEST(qchar_binary_parameters_and_copy)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c,
				"CREATE TABLE qc (id int PRIMARY KEY, c \"char\", a \"char\"[])"));
	const char *tv = "ab";
	PGresult *r = PQexecParams(c, "INSERT INTO qc VALUES (1, $1, '{xy,z}')", 1, NULL, &tv, NULL,
				   NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	PQclear(r);
	const char *bv = "\xc3";
	int len = 1, fmt = 1;
	r = PQexecParams(c, "INSERT INTO qc VALUES (2, $1)", 1, (const Oid[]){18}, &bv, &len, &fmt,
			 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	PQclear(r);
	r = PQexec(c, "COPY qc (id, c) FROM STDIN");
	ck_assert_int_eq(PQresultStatus(r), PGRES_COPY_IN);
	PQclear(r);
	ck_assert_int_eq(PQputCopyData(c, "3\tqr\n4\t\n", 8), 1);
	ck_assert_int_eq(PQputCopyEnd(c, NULL), 1);
	r = PQgetResult(c);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	PQclear(r);
	PQclear(PQgetResult(c));
	r = harness_exec_ok(c, "SELECT c, c::int, a FROM qc ORDER BY id");
	ck_assert_int_eq(PQftype(r, 0), 18);
	ck_assert_int_eq(PQfsize(r, 0), 1);
	ck_assert_int_eq(PQftype(r, 2), 1002);
	static const char *const want[][2] = {
		{"a", "97"}, {"\\303", "-61"}, {"q", "113"}, {"", "0"}};
	for (int i = 0; i < 4; i++) {
		ck_assert_str_eq(PQgetvalue(r, i, 0), want[i][0]);
		ck_assert_str_eq(PQgetvalue(r, i, 1), want[i][1]);
	}
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "{x,z}");
	PQclear(r);
	r = PQexecParams(c, "SELECT c FROM qc ORDER BY id", 0, NULL, NULL, NULL, NULL, 1);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQerrorMessage(c));
	static const unsigned char bytes[] = {'a', 0xc3, 'q', 0};
	for (int i = 0; i < 4; i++) {
		ck_assert_int_eq(PQgetlength(r, i, 0), 1);
		ck_assert_int_eq((unsigned char)PQgetvalue(r, i, 0)[0], bytes[i]);
	}
	PQclear(r);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("values");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, text_parameters_take_the_column_form);
	tcase_add_test(tc, datestyle_output_input_and_status);
	tcase_add_test(tc, exact_numeric_binary);
	tcase_add_test(tc, bpchar_ignores_trailing_blanks);
	tcase_add_test(tc, jsonpath_parameters_and_binary);
	tcase_add_test(tc, qchar_binary_parameters_and_copy);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
