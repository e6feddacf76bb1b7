/* SPDX-License-Identifier: Apache-2.0 */
/* test_libpq.c: the real binary driven by libpq — simple and extended query, types, command
 * tags, parameters in text and binary, prepared statements, pipelines, transactions, errors,
 * and tenants that cannot see each other. */
#include <arpa/inet.h>
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

/* EXPLAIN shows SQLite's plan of the translated statement, in PostgreSQL's one text column;
 * ANALYZE runs the statement. */
START_TEST(explain_shows_the_plan)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE ex (id int PRIMARY KEY, v text)"));
	PQclear(harness_exec_ok(c, "CREATE INDEX ex_v ON ex (v)"));
	PGresult *r = harness_exec_ok(c, "EXPLAIN SELECT id FROM ex WHERE v = 'a'");
	ck_assert_str_eq(PQfname(r, 0), "QUERY PLAN");
	ck_assert_uint_eq(PQftype(r, 0), 25);
	ck_assert_int_eq(PQntuples(r), 1);
	/* the key is the rowid (an int PRIMARY KEY), so ex_v covers (v, id) */
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "SEARCH ex USING COVERING INDEX ex_v (v=?)");
	ck_assert_str_eq(PQcmdStatus(r), "EXPLAIN");
	PQclear(r);
	r = harness_exec_ok(c, "EXPLAIN SELECT * FROM ex WHERE id IN (SELECT id FROM ex "
			       "WHERE v > 'a')");
	ck_assert_int_eq(PQntuples(r), 3);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "SEARCH ex USING INTEGER PRIMARY KEY (rowid=?)");
	ck_assert_str_eq(PQgetvalue(r, 2, 0), "  ->  SEARCH ex USING COVERING INDEX ex_v (v>?)");
	PQclear(r);
	/* through the extended protocol, with a parameter */
	const char *one = "1";
	r = PQexecParams(c, "EXPLAIN SELECT v FROM ex WHERE id = $1", 1, NULL, &one, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "SEARCH ex USING INTEGER PRIMARY KEY (rowid=?)");
	PQclear(r);
	r = harness_exec_ok(c, "EXPLAIN ANALYZE INSERT INTO ex VALUES (1, 'a'), (2, 'b')");
	ck_assert_str_eq(PQgetvalue(r, PQntuples(r) - 2, 0), "Rows: 2");
	ck_assert_str_eq(PQcmdStatus(r), "EXPLAIN");
	PQclear(r);
	harness_expect_value(c, "SELECT count(*) FROM ex", "2");
	harness_expect_error(c, "EXPLAIN ANALYZE INSERT INTO ex VALUES (1, 'x')", "23505", NULL);
	harness_expect_error(c, "EXPLAIN (FORMAT CSV) SELECT 1", "22023",
			     "unrecognized value for EXPLAIN option \"format\": \"csv\"");
	harness_expect_error(c, "EXPLAIN (NOPE) SELECT 1", "42601", NULL);
	harness_expect_error(c, "EXPLAIN CREATE TABLE y (a int) ", "42601", NULL);
	harness_expect_error(c, "EXPLAIN SELECT * FROM missing", "42P01", NULL);
	PQfinish(c);
}
END_TEST

/* EXPLAIN (FORMAT JSON | YAML | XML): PostgreSQL's document around SQLite's plan, typed json,
 * text and xml; EXPLAIN ANALYZE of a statement with parameters through the extended
 * protocol runs it with the bound values. */
START_TEST(explain_formats)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE ef (id int PRIMARY KEY, v text)");
	harness_exec(c, "INSERT INTO ef VALUES (1, 'a'), (2, 'b'), (3, 'c')");
	PGresult *r = harness_exec_ok(c, "EXPLAIN (FORMAT JSON) SELECT v FROM ef ORDER BY v");
	ck_assert_uint_eq(PQftype(r, 0), 114);
	ck_assert_str_eq(PQgetvalue(r, 0, 0),
			 "[\n  {\n    \"Plan\": {\n      \"Node Type\": \"Sort\",\n"
			 "      \"Parallel Aware\": false,\n      \"Async Capable\": false,\n"
			 "      \"SQLite Detail\": \"USE TEMP B-TREE FOR ORDER BY\",\n"
			 "      \"Plans\": [\n        {\n          \"Node Type\": \"Seq Scan\",\n"
			 "          \"Parent Relationship\": \"Outer\",\n"
			 "          \"Parallel Aware\": false,\n          \"Async Capable\": false,\n"
			 "          \"Relation Name\": \"ef\",\n          \"Alias\": \"ef\",\n"
			 "          \"SQLite Detail\": \"SCAN ef\"\n        }\n      ]\n    }\n  }\n]");
	PQclear(r);
	r = harness_exec_ok(c, "EXPLAIN (FORMAT YAML) SELECT 1");
	ck_assert_uint_eq(PQftype(r, 0), 25);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "- Plan: \n    Node Type: \"Result\"\n"
					      "    Parallel Aware: false\n    Async Capable: false\n"
					      "    SQLite Detail: \"SCAN CONSTANT ROW\"");
	PQclear(r);
	r = harness_exec_ok(c, "EXPLAIN (FORMAT XML, ANALYZE) SELECT * FROM ef");
	ck_assert_uint_eq(PQftype(r, 0), 142);
	ck_assert(strncmp(PQgetvalue(r, 0, 0),
			  "<explain xmlns=\"http://www.postgresql.org/2009/explain\">\n  <Query>\n"
			  "    <Plan>\n      <Node-Type>Seq Scan</Node-Type>\n",
			  98) == 0);
	ck_assert_ptr_nonnull(strstr(PQgetvalue(r, 0, 0), "<Actual-Rows>3</Actual-Rows>"));
	ck_assert_ptr_nonnull(strstr(PQgetvalue(r, 0, 0), "</Query>\n</explain>"));
	PQclear(r);
	const char *two = "2";
	r = PQexecParams(c, "EXPLAIN (ANALYZE, FORMAT JSON) UPDATE ef SET v = 'x' WHERE id >= $1",
			 1, NULL, &two, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_ptr_nonnull(strstr(PQgetvalue(r, 0, 0), "\"Actual Rows\": 2,"));
	ck_assert_ptr_nonnull(strstr(PQgetvalue(r, 0, 0), "\"Execution Time\": "));
	PQclear(r);
	harness_expect_value(c, "SELECT count(*) FROM ef WHERE v = 'x'", "2");
	harness_expect_error(c, "EXPLAIN ANALYZE SELECT $1", "42P02", NULL);
	PQfinish(c);
}
END_TEST

START_TEST(startup_parameters)
{
	PGconn *c = harness_connect(&H, "dbname=acme application_name=itest");
	ck_assert_str_eq(PQparameterStatus(c, "server_encoding"), "UTF8");
	ck_assert_str_eq(PQparameterStatus(c, "client_encoding"), "UTF8");
	ck_assert_str_eq(PQparameterStatus(c, "DateStyle"), "ISO, MDY");
	ck_assert_str_eq(PQparameterStatus(c, "integer_datetimes"), "on");
	ck_assert_str_eq(PQparameterStatus(c, "standard_conforming_strings"), "on");
	ck_assert_str_eq(PQparameterStatus(c, "application_name"), "itest");
	ck_assert_str_eq(PQparameterStatus(c, "session_authorization"), "tester");
	ck_assert_ptr_nonnull(PQparameterStatus(c, "TimeZone"));
	ck_assert_ptr_nonnull(PQparameterStatus(c, "is_superuser"));
	ck_assert(strncmp(PQparameterStatus(c, "server_version"), "15.", 3) == 0);
	ck_assert_int_eq(PQserverVersion(c) / 10000, 15);
	ck_assert_int_gt(PQbackendPID(c), 0);
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_IDLE);
	PQfinish(c);
}
END_TEST

START_TEST(crud_tags_and_types)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE t (a int4 PRIMARY KEY, b bigint, c text, "
				   "d boolean, e double precision, f bytea)"));
	PGresult *r = harness_exec_ok(c, "INSERT INTO t VALUES (1, 10, 'one', true, 1.5, "
					 "'\\x0102'::bytea), (2, 20, 'two', false, 0.1, NULL), "
					 "(3, 30, NULL, NULL, -2.25, '\\xff'::bytea)");
	ck_assert_str_eq(PQcmdStatus(r), "INSERT 0 3");
	PQclear(r);
	r = harness_exec_ok(c, "SELECT a, b, c, d, e, f FROM t ORDER BY a");
	ck_assert_str_eq(PQcmdStatus(r), "SELECT 3");
	ck_assert_int_eq(PQnfields(r), 6);
	ck_assert_int_eq(PQftype(r, 0), 23);
	ck_assert_int_eq(PQftype(r, 1), 20);
	ck_assert_int_eq(PQftype(r, 2), 25);
	ck_assert_int_eq(PQftype(r, 3), 16);
	ck_assert_int_eq(PQftype(r, 4), 701);
	ck_assert_int_eq(PQftype(r, 5), 17);
	ck_assert_str_eq(PQfname(r, 2), "c");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "one");
	ck_assert_str_eq(PQgetvalue(r, 0, 3), "t");
	ck_assert_str_eq(PQgetvalue(r, 1, 3), "f");
	ck_assert_str_eq(PQgetvalue(r, 0, 4), "1.5");
	ck_assert_str_eq(PQgetvalue(r, 1, 4), "0.1");
	ck_assert_str_eq(PQgetvalue(r, 0, 5), "\\x0102");
	ck_assert_str_eq(PQgetvalue(r, 2, 5), "\\xff");
	ck_assert(PQgetisnull(r, 2, 2));
	ck_assert(PQgetisnull(r, 1, 5));
	PQclear(r);
	r = harness_exec_ok(c, "UPDATE t SET b = b + 1 WHERE a >= 2");
	ck_assert_str_eq(PQcmdStatus(r), "UPDATE 2");
	PQclear(r);
	r = harness_exec_ok(c, "DELETE FROM t WHERE a = 1");
	ck_assert_str_eq(PQcmdStatus(r), "DELETE 1");
	PQclear(r);
	r = harness_exec_ok(c, "SELECT count(*) FROM t");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "2");
	PQclear(r);
	PQfinish(c);
}
END_TEST

START_TEST(multi_statement_and_empty)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PGresult *r = PQexec(c, "");
	ck_assert_int_eq(PQresultStatus(r), PGRES_EMPTY_QUERY);
	PQclear(r);
	ck_assert(PQsendQuery(c, "CREATE TABLE m (x int); INSERT INTO m VALUES (1), (2); "
				 "SELECT x FROM m ORDER BY x"));
	const char *tags[] = {"CREATE TABLE", "INSERT 0 2", "SELECT 2"};
	for (int i = 0; i < 3; i++) {
		r = PQgetResult(c);
		ck_assert_ptr_nonnull(r);
		ck_assert_str_eq(PQcmdStatus(r), tags[i]);
		PQclear(r);
	}
	ck_assert_ptr_null(PQgetResult(c));
	/* A failure later in the message undoes the earlier statements of that message. */
	harness_exec_fail(c, "INSERT INTO m VALUES (3); SELECT * FROM nope", "42P01");
	r = harness_exec_ok(c, "SELECT count(*) FROM m");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "2");
	PQclear(r);
	PQfinish(c);
}
END_TEST

START_TEST(exec_params_text_and_binary)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE p (id int4, name text, score float8, ok bool)"));
	const char *vals[] = {"7", "seven", "2.5", "t"};
	PGresult *r = PQexecParams(c, "INSERT INTO p VALUES ($1, $2, $3, $4)", 4, NULL, vals, NULL,
				   NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "INSERT 0 1");
	PQclear(r);
	/* Binary parameter and binary results. */
	uint32_t id_be = htonl(7);
	const char *bvals[] = {(const char *)&id_be};
	int lens[] = {4};
	int fmts[] = {1};
	Oid types[] = {23};
	r = PQexecParams(c, "SELECT id, name, ok FROM p WHERE id = $1", 1, types, bvals, lens,
			 fmts, 1);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_int_eq(PQfformat(r, 0), 1);
	ck_assert_int_eq(PQgetlength(r, 0, 0), 4);
	uint32_t got;
	memcpy(&got, PQgetvalue(r, 0, 0), 4);
	ck_assert_int_eq(ntohl(got), 7);
	ck_assert_int_eq(PQgetlength(r, 0, 1), 5);
	ck_assert(memcmp(PQgetvalue(r, 0, 1), "seven", 5) == 0);
	ck_assert_int_eq(PQgetlength(r, 0, 2), 1);
	ck_assert_int_eq(PQgetvalue(r, 0, 2)[0], 1);
	PQclear(r);
	/* NULL parameter. */
	const char *nvals[] = {NULL};
	r = PQexecParams(c, "SELECT count(*) FROM p WHERE name = $1", 1, NULL, nvals, NULL, NULL,
			 0);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
	PQclear(r);
	/* Bad text for an integer parameter. */
	const char *bad[] = {"abc"};
	r = PQexecParams(c, "SELECT * FROM p WHERE id = $1", 1, types, bad, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22P02");
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* Integer parameters in text: plain digits are read without the general decoder
 * (sess_exec.c), everything else by it, as PostgreSQL's int2in/int4in/int8in read them. */
static void int_param(PGconn *c, Oid type, const char *text, const char *want, const char *sqlstate)
{
	const char *vals[] = {text};
	Oid types[] = {type};
	PGresult *r =
		PQexecParams(c, "SELECT $1, pg_typeof($1)::text", 1, types, vals, NULL, NULL, 0);
	if (sqlstate) {
		ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
		ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), sqlstate);
	} else {
		ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s: %s", text,
			      PQresultErrorMessage(r));
		ck_assert_str_eq(PQgetvalue(r, 0, 0), want);
	}
	PQclear(r);
}

START_TEST(int_params_in_text)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	int_param(c, 23, "7", "7", NULL);
	int_param(c, 23, "-0", "0", NULL);
	int_param(c, 23, "007", "7", NULL);
	int_param(c, 23, "-2147483648", "-2147483648", NULL);
	int_param(c, 23, "2147483647", "2147483647", NULL);
	int_param(c, 23, "2147483648", NULL, "22003");
	int_param(c, 23, " 12 ", "12", NULL);
	int_param(c, 23, "+12", "12", NULL);
	int_param(c, 23, "", NULL, "22P02");
	int_param(c, 23, "-", NULL, "22P02");
	int_param(c, 23, "12a", NULL, "22P02");
	int_param(c, 21, "32767", "32767", NULL);
	int_param(c, 21, "-32769", NULL, "22003");
	int_param(c, 20, "999999999999999999", "999999999999999999", NULL);
	int_param(c, 20, "-9223372036854775808", "-9223372036854775808", NULL);
	int_param(c, 20, "9223372036854775808", NULL, "22003");
	int_param(c, 20, "00000000000000000000042", "42", NULL);
	PQfinish(c);
}
END_TEST

START_TEST(prepared_and_described)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE d (id bigint, label varchar(20))"));
	Oid types[] = {20, 1043};
	PGresult *r = PQprepare(c, "ins", "INSERT INTO d VALUES ($1, $2)", 2, types);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	for (int i = 0; i < 5; i++) {
		char id[8], label[16];
		snprintf(id, sizeof(id), "%d", i);
		snprintf(label, sizeof(label), "row %d", i);
		const char *v[] = {id, label};
		r = PQexecPrepared(c, "ins", 2, v, NULL, NULL, 0);
		ck_assert_str_eq(PQcmdStatus(r), "INSERT 0 1");
		PQclear(r);
	}
	r = PQprepare(c, "sel", "SELECT id, label FROM d WHERE id > $1 ORDER BY id", 1, types);
	PQclear(r);
	r = PQdescribePrepared(c, "sel");
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_int_eq(PQnparams(r), 1);
	ck_assert_int_eq(PQparamtype(r, 0), 20);
	ck_assert_int_eq(PQnfields(r), 2);
	ck_assert_int_eq(PQftype(r, 0), 20);
	ck_assert_int_eq(PQftype(r, 1), 1043);
	ck_assert_int_eq(PQfmod(r, 1), 24);
	PQclear(r);
	const char *v[] = {"2"};
	r = PQexecPrepared(c, "sel", 1, v, NULL, NULL, 0);
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_str_eq(PQgetvalue(r, 1, 1), "row 4");
	ck_assert_str_eq(PQcmdStatus(r), "SELECT 2");
	PQclear(r);
	r = PQprepare(c, "ins", "SELECT 1", 0, NULL);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42P05");
	PQclear(r);
	r = PQexecPrepared(c, "missing", 0, NULL, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "26000");
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* Parse without types: ParameterDescription carries the types inferred from the columns the
 * parameters are compared with, stored into or computed with (what JDBC, psycopg,
 * node-postgres and asyncpg read before they bind). */
static void expect_params(PGconn *c, const char *name, const char *sql, int n, const Oid *want)
{
	PGresult *r = PQprepare(c, name, sql, 0, NULL);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	r = PQdescribePrepared(c, name);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_int_eq(PQnparams(r), n);
	for (int i = 0; i < n; i++)
		ck_assert_msg(PQparamtype(r, i) == want[i], "%s: $%d is %u, want %u", sql, i + 1,
			      PQparamtype(r, i), want[i]);
	PQclear(r);
}

/* inet/cidr/macaddr parameters are inferred from their columns (cidr = $1 is inet's operator,
 * as in PostgreSQL), read in binary, and sent back in network_send's format. */
static void net_params(PGconn *c)
{
	PQclear(harness_exec_ok(c, "CREATE TABLE nt (a inet, n cidr, m macaddr)"));
	expect_params(c, "n1", "INSERT INTO nt VALUES ($1, $2, $3)", 3,
		      (const Oid[]){869, 650, 829});
	expect_params(c, "n2", "UPDATE nt SET m = $1 WHERE n = $2 OR a << $3", 3,
		      (const Oid[]){829, 869, 869});
	static const char host[8] = {2, 32, 0, 4, 10, 0, 0, 1}; /* 10.0.0.1 */
	const char *v[] = {host, "10/8", "08002b010204"};
	PGresult *r = PQexecPrepared(c, "n1", 3, v, (const int[]){8, 0, 0},
				     (const int[]){1, 0, 0}, 0);
	ck_assert_str_eq(PQcmdStatus(r), "INSERT 0 1");
	PQclear(r);
	r = PQexecParams(c, "SELECT a, n, m FROM nt", 0, NULL, NULL, NULL, NULL, 1);
	ck_assert_int_eq(PQftype(r, 1), 650);
	ck_assert_int_eq(PQgetlength(r, 0, 1), 8);
	ck_assert(memcmp(PQgetvalue(r, 0, 1), "\x02\x08\x01\x04\x0a\x00\x00\x00", 8) == 0);
	ck_assert(memcmp(PQgetvalue(r, 0, 2), "\x08\x00\x2b\x01\x02\x04", 6) == 0);
	PQclear(r);
	r = harness_exec_ok(c, "SELECT a, n FROM nt");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "10.0.0.1");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "10.0.0.0/8");
	PQclear(r);
}

/* Range parameters are inferred from their columns and operands, read in text and binary
 * (range_recv) into canonical text, and sent back in range_send's format. */
static void range_params(PGconn *c)
{
	PQclear(harness_exec_ok(c, "CREATE TABLE rt (seats int4range, during tstzrange)"));
	expect_params(c, "r1", "INSERT INTO rt VALUES ($1, $2)", 2, (const Oid[]){3904, 3910});
	expect_params(c, "r2", "SELECT seats FROM rt WHERE during && $1 AND seats = $2", 2,
		      (const Oid[]){3910, 3904});
	static const char one_five[] = "\x02\0\0\0\x04\0\0\0\x01\0\0\0\x04\0\0\0\x05";
	const char *v[] = {one_five, "[2024-01-01 10:00+02,)"};
	PGresult *r = PQexecPrepared(c, "r1", 2, v, (const int[]){17, 0}, (const int[]){1, 0}, 0);
	ck_assert_str_eq(PQcmdStatus(r), "INSERT 0 1");
	PQclear(r);
	const char *w[] = {"(1,5]"};
	r = PQexecParams(c, "INSERT INTO rt (seats) VALUES ($1)", 1, NULL, w, NULL, NULL, 0);
	ck_assert_str_eq(PQcmdStatus(r), "INSERT 0 1");
	PQclear(r);
	r = harness_exec_ok(c, "SELECT seats, during FROM rt ORDER BY seats");
	ck_assert_int_eq(PQftype(r, 0), 3904);
	ck_assert_int_eq(PQftype(r, 1), 3910);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "[1,5)");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "[\"2024-01-01 08:00:00+00\",)");
	ck_assert_str_eq(PQgetvalue(r, 1, 0), "[2,6)");
	PQclear(r);
	r = PQexecParams(c, "SELECT seats FROM rt ORDER BY seats", 0, NULL, NULL, NULL, NULL, 1);
	ck_assert_int_eq(PQgetlength(r, 0, 0), 17);
	ck_assert(memcmp(PQgetvalue(r, 0, 0), one_five, 17) == 0);
	PQclear(r);
}

START_TEST(parameter_types_inferred)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE it (id int4 PRIMARY KEY, big bigint, "
				   "name varchar(8), price numeric(6,2), at timestamptz, ok bool)"));
	expect_params(c, "i1", "INSERT INTO it (id, name, price, at, ok) VALUES ($1, $2, $3, $4, $5)",
		      5, (const Oid[]){23, 1043, 1700, 1184, 16});
	expect_params(c, "s1", "SELECT name FROM it WHERE id = $1 AND big > $2 AND name = $3", 3,
		      (const Oid[]){23, 20, 25});
	expect_params(c, "u1", "UPDATE it SET big = big + $1 WHERE id = $2", 2,
		      (const Oid[]){20, 23});
	PGresult *r = PQdescribePrepared(c, "s1");
	ck_assert_int_eq(PQftype(r, 0), 1043);
	ck_assert_int_eq(PQfmod(r, 0), 12);
	PQclear(r);
	/* values are checked against the column's type as PostgreSQL checks them */
	const char *v[] = {"1", "12345678", "1234.567", "2024-01-01 00:00:00+00", "t"};
	r = PQexecPrepared(c, "i1", 5, v, NULL, NULL, 0);
	ck_assert_str_eq(PQcmdStatus(r), "INSERT 0 1");
	PQclear(r);
	const char *too_long[] = {"2", "123456789", "1", NULL, NULL};
	r = PQexecPrepared(c, "i1", 5, too_long, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22001");
	PQclear(r);
	const char *not_int[] = {"x", "a", "1", NULL, NULL};
	r = PQexecPrepared(c, "i1", 5, not_int, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22P02");
	PQclear(r);
	r = harness_exec_ok(c, "SELECT price, sum(id), max(name) FROM it GROUP BY price");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1234.57");
	ck_assert_int_eq(PQftype(r, 1), 20);
	ck_assert_int_eq(PQftype(r, 2), 25); /* max(varchar) is max(text) */
	PQclear(r);
	harness_exec_fail(c, "UPDATE it SET id = id + 2147483647", "22003");
	harness_exec_fail(c, "INSERT INTO it (id, price) VALUES (5, 12345.678)", "22003");
	/* another session's DDL is seen by the next statement of this one */
	PGconn *other = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(other, "CREATE TABLE it2 (v varchar(3))"));
	harness_exec_fail(c, "INSERT INTO it2 VALUES ('toolong')", "22001");
	PQclear(harness_exec_ok(other, "BEGIN"));
	PQclear(harness_exec_ok(other, "CREATE TABLE it4 (v varchar(2))"));
	harness_exec_fail(other, "INSERT INTO it4 VALUES ('abc')", "22001");
	PQclear(harness_exec_ok(other, "ROLLBACK"));
	PQclear(harness_exec_ok(other, "BEGIN"));
	PQclear(harness_exec_ok(other, "CREATE TABLE it3 (v varchar(2))"));
	PQclear(harness_exec_ok(other, "INSERT INTO it3 VALUES ('ab')"));
	PQclear(harness_exec_ok(other, "COMMIT"));
	harness_exec_fail(c, "INSERT INTO it3 VALUES ('abc')", "22001");
	PQfinish(other);
	net_params(c);
	range_params(c);
	PQfinish(c);
}
END_TEST

START_TEST(pipeline_with_error)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE q (v int PRIMARY KEY)"));
	ck_assert(PQenterPipelineMode(c));
	const char *one[] = {"1"}, *dup[] = {"1"}, *three[] = {"3"};
	ck_assert(PQsendQueryParams(c, "INSERT INTO q VALUES ($1)", 1, NULL, one, NULL, NULL, 0));
	ck_assert(PQsendQueryParams(c, "INSERT INTO q VALUES ($1)", 1, NULL, dup, NULL, NULL, 0));
	ck_assert(PQsendQueryParams(c, "INSERT INTO q VALUES ($1)", 1, NULL, three, NULL, NULL, 0));
	ck_assert(PQpipelineSync(c));
	ck_assert(PQsendQueryParams(c, "SELECT count(*) FROM q", 0, NULL, NULL, NULL, NULL, 0));
	ck_assert(PQpipelineSync(c));

	PGresult *r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23505");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_PIPELINE_ABORTED);
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_PIPELINE_SYNC);
	PQclear(r);
	/* The whole segment up to the Sync was one implicit transaction: nothing kept. */
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_PIPELINE_SYNC);
	PQclear(r);
	ck_assert(PQexitPipelineMode(c));
	PQfinish(c);
}
END_TEST

START_TEST(transactions_and_failed_state)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE tx (v int)"));
	PQclear(harness_exec_ok(c, "BEGIN"));
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_INTRANS);
	PQclear(harness_exec_ok(c, "INSERT INTO tx VALUES (1)"));
	harness_exec_fail(c, "SELECT * FROM missing_table", "42P01");
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_INERROR);
	harness_exec_fail(c, "SELECT 1", "25P02");
	PGresult *r = harness_exec_ok(c, "COMMIT");
	ck_assert_str_eq(PQcmdStatus(r), "ROLLBACK");
	PQclear(r);
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_IDLE);

	/* The extended protocol, as JDBC uses it: only a transaction exit may be parsed. */
	PQclear(harness_exec_ok(c, "BEGIN"));
	harness_exec_fail(c, "SELECT * FROM missing_table", "42P01");
	r = PQexecParams(c, "SELECT 1", 0, NULL, NULL, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "25P02");
	PQclear(r);
	r = PQexecParams(c, "ROLLBACK", 0, NULL, NULL, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "ROLLBACK");
	PQclear(r);
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_IDLE);
	r = harness_exec_ok(c, "SELECT count(*) FROM tx");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
	PQclear(r);

	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "INSERT INTO tx VALUES (1)"));
	PQclear(harness_exec_ok(c, "SAVEPOINT s1"));
	PQclear(harness_exec_ok(c, "INSERT INTO tx VALUES (2)"));
	harness_exec_fail(c, "INSERT INTO nope VALUES (1)", "42P01");
	PQclear(harness_exec_ok(c, "ROLLBACK TO SAVEPOINT s1"));
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_INTRANS);
	PQclear(harness_exec_ok(c, "COMMIT"));
	r = harness_exec_ok(c, "SELECT count(*) FROM tx");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1");
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* A constraint violation's message and its schema/table/column/constraint fields (NULL =
 * PostgreSQL does not send the field). */
static void expect_violation(PGconn *c, const char *sql, const char *state, const char *msg,
			     const char *column, const char *constraint)
{
	PGresult *r = PQexec(c, sql);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), state);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), msg);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SCHEMA_NAME), "public");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_TABLE_NAME), "e");
	if (column)
		ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_COLUMN_NAME), column);
	else
		ck_assert_ptr_null(PQresultErrorField(r, PG_DIAG_COLUMN_NAME));
	if (constraint)
		ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME), constraint);
	else
		ck_assert_ptr_null(PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME));
	PQclear(r);
}

/* A missing column or relation: 42703 / 42P01 with its message and position. */
static void expect_missing(PGconn *c, bool extended, const char *sql, const char *msg,
			   const char *position)
{
	PGresult *r = extended ? PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 0) : PQexec(c, sql);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), msg);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION), position);
	PQclear(r);
}

START_TEST(if_exists_notices)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	struct harness_notices got;
	harness_collect_notices(c, &got);
	PQclear(harness_exec_ok(c, "CREATE TABLE dn (id int)"));
	PQclear(harness_exec_ok(c, "DROP TABLE IF EXISTS dn, nosuch, public.other"));
	PQclear(harness_exec_ok(c, "DROP VIEW IF EXISTS v"));
	PGresult *r = PQexecParams(c, "DROP INDEX IF EXISTS i", 0, NULL, NULL, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	ck_assert_str_eq(got.text, "00000 table \"nosuch\" does not exist, skipping\n"
				   "00000 table \"other\" does not exist, skipping\n"
				   "00000 view \"v\" does not exist, skipping\n"
				   "00000 index \"i\" does not exist, skipping\n");
	got.text[0] = '\0';
	PQclear(harness_exec_ok(c, "CREATE TABLE IF NOT EXISTS dn (id serial PRIMARY KEY, a int)"));
	PQclear(harness_exec_ok(c, "CREATE TABLE IF NOT EXISTS dn (id int)"));
	PQclear(harness_exec_ok(c, "CREATE INDEX IF NOT EXISTS dn_a_idx ON dn (a)"));
	r = PQexecParams(c, "CREATE INDEX IF NOT EXISTS dn_a_idx ON dn (a)", 0, NULL, NULL, NULL,
			 NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	ck_assert_str_eq(got.text, "42P07 relation \"dn\" already exists, skipping\n"
			      "42P07 relation \"dn_a_idx\" already exists, skipping\n");
	got.text[0] = '\0';
	PQclear(harness_exec_ok(c, "SET client_min_messages = warning"));
	PQclear(harness_exec_ok(c, "CREATE TABLE IF NOT EXISTS dn (id int)"));
	PQclear(harness_exec_ok(c, "DROP TABLE IF EXISTS nosuch"));
	ck_assert_str_eq(got.text, "");
	PQfinish(c);
}
END_TEST

/* The other IF [NOT] EXISTS forms PostgreSQL 15 sends a NOTICE for, with its SQLSTATEs. */
START_TEST(if_exists_notices_more)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	struct harness_notices got;
	harness_collect_notices(c, &got);
	harness_exec(c, "CREATE TABLE dm (a int)");
	harness_exec(c, "CREATE SEQUENCE dm_s");
	harness_exec(c, "ALTER TABLE IF EXISTS nosuch ADD COLUMN b int");
	harness_exec(c, "ALTER TABLE IF EXISTS dm ADD COLUMN b int");
	harness_exec(c, "ALTER TABLE dm ADD COLUMN IF NOT EXISTS a int");
	harness_exec(c, "ALTER TABLE dm DROP COLUMN IF EXISTS zz");
	harness_exec(c, "CREATE SEQUENCE IF NOT EXISTS dm_s");
	harness_exec(c, "ALTER SEQUENCE IF EXISTS nos RESTART");
	harness_exec(c, "DROP SEQUENCE IF EXISTS nos");
	harness_exec(c, "DROP TYPE IF EXISTS noty");
	harness_exec(c, "CREATE TYPE dm_e AS ENUM ('a')");
	harness_exec(c, "ALTER TYPE dm_e ADD VALUE IF NOT EXISTS 'a'");
	harness_exec(c, "CREATE SCHEMA IF NOT EXISTS public");
	harness_exec(c, "DROP EXTENSION IF EXISTS noext");
	harness_exec(c, "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
	harness_exec(c, "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
	/* RENAME: none for a constraint's index, which has no SQLite index of its own */
	harness_exec(c, "CREATE TABLE dk (id serial PRIMARY KEY)");
	harness_exec(c, "ALTER INDEX IF EXISTS dk_pkey RENAME TO dk_pk");
	harness_exec(c, "ALTER INDEX IF EXISTS noi RENAME TO noi2");
	harness_exec(c, "ALTER SEQUENCE IF EXISTS nos RENAME TO nos2");
	harness_exec(c, "ALTER TABLE IF EXISTS nosuch RENAME COLUMN a TO b");
	ck_assert_str_eq(got.text, "00000 relation \"nosuch\" does not exist, skipping\n"
			      "42701 column \"a\" of relation \"dm\" already exists, skipping\n"
			      "00000 column \"zz\" of relation \"dm\" does not exist, skipping\n"
			      "42P07 relation \"dm_s\" already exists, skipping\n"
			      "00000 relation \"nos\" does not exist, skipping\n"
			      "00000 sequence \"nos\" does not exist, skipping\n"
			      "00000 type \"noty\" does not exist, skipping\n"
			      "42710 enum label \"a\" already exists, skipping\n"
			      "42P06 schema \"public\" already exists, skipping\n"
			      "00000 extension \"noext\" does not exist, skipping\n"
			      "42710 extension \"uuid-ossp\" already exists, skipping\n"
			      "00000 relation \"noi\" does not exist, skipping\n"
			      "00000 relation \"nos\" does not exist, skipping\n"
			      "00000 relation \"nosuch\" does not exist, skipping\n");
	PQfinish(c);
}
END_TEST

/* 23503 through the extended protocol: the key comes from the bound parameters (the failed
 * statement runs again to find it); the message, DETAIL and fields as PostgreSQL 15 sends. */
START_TEST(fk_violation_params)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE fp (id int PRIMARY KEY, k text UNIQUE)"));
	PQclear(harness_exec_ok(c, "CREATE TABLE fc (id int, pk text REFERENCES fp (k))"));
	PQclear(harness_exec_ok(c, "INSERT INTO fp VALUES (1, 'a')"));
	const char *vals[2] = {"7", "zz"};
	PGresult *r = PQexecParams(c, "INSERT INTO fc VALUES ($1, $2) RETURNING id", 2, NULL, vals,
				   NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23503");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "insert or update on table \"fc\" violates foreign key constraint "
			 "\"fc_pk_fkey\"");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL),
			 "Key (pk)=(zz) is not present in table \"fp\".");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SCHEMA_NAME), "public");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_TABLE_NAME), "fc");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME), "fc_pk_fkey");
	PQclear(r);
	PQclear(harness_exec_ok(c, "INSERT INTO fc VALUES (1, 'a')"));
	vals[0] = "a";
	r = PQexecParams(c, "DELETE FROM fp WHERE k = $1", 1, NULL, vals, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "update or delete on table \"fp\" violates foreign key constraint "
			 "\"fc_pk_fkey\" on table \"fc\"");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL),
			 "Key (k)=(a) is still referenced from table \"fc\".");
	PQclear(r);
	/* nothing of either attempt stayed */
	r = harness_exec_ok(c,
			    "SELECT (SELECT count(*) FROM fc) || '/' || (SELECT count(*) FROM fp)");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1/1");
	PQclear(r);
	/* ON DELETE RESTRICT: SQLite's own trigger fails, even with keys deferred; the key is
	 * found by the statement prepared again with its parameters' values */
	PQclear(harness_exec_ok(c, "CREATE TABLE fr (id int, pid int REFERENCES fp ON DELETE "
				   "RESTRICT)"));
	PQclear(harness_exec_ok(c, "INSERT INTO fp VALUES (2, 'b')"));
	PQclear(harness_exec_ok(c, "INSERT INTO fr VALUES (1, 2)"));
	vals[0] = "2";
	r = PQexecParams(c, "DELETE FROM fp WHERE id = $1", 1, NULL, vals, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23503");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "update or delete on table \"fp\" violates foreign key constraint "
			 "\"fr_pid_fkey\" on table \"fr\"");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL),
			 "Key (id)=(2) is still referenced from table \"fr\".");
	PQclear(r);
	r = harness_exec_ok(c, "SELECT count(*) FROM fp");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "2");
	PQclear(r);
	/* a deferred key of temporary tables failing at COMMIT: foreign_key_check of the temp
	 * schema too (the pragma without one reads main only) */
	PQclear(harness_exec_ok(c, "CREATE TEMP TABLE tp (id int PRIMARY KEY)"));
	PQclear(harness_exec_ok(c, "CREATE TEMP TABLE tc (pid int REFERENCES tp DEFERRABLE "
				   "INITIALLY DEFERRED)"));
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "INSERT INTO tc VALUES (5)"));
	r = PQexec(c, "COMMIT");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23503");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "insert or update on table \"tc\" violates foreign key constraint "
			 "\"tc_pid_fkey\"");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL),
			 "Key (pid)=(5) is not present in table \"tp\".");
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* 23505's DETAIL names the key's values, as PostgreSQL 15 does: from bound parameters, for a
 * key of two columns, a duplicate within one statement, an UPDATE, inside a transaction; the
 * statement's re-run leaves nothing behind (its temporary trigger included). */
static void expect_key(PGconn *c, const char *sql, int n, const char *const *vals,
		       const char *detail)
{
	PGresult *r = PQexecParams(c, sql, n, NULL, vals, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23505");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL), detail);
	PQclear(r);
}

START_TEST(unique_violation_key)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE uk (id int PRIMARY KEY, a text, b numeric(6,2), "
				   "UNIQUE (a, b))"));
	PQclear(harness_exec_ok(c, "INSERT INTO uk VALUES (1, 'x y', 1.5)"));
	const char *vals[3] = {"1", "q", "2"};
	expect_key(c, "INSERT INTO uk VALUES ($1, $2, $3) RETURNING id", 3, vals,
		   "Key (id)=(1) already exists.");
	vals[0] = "2", vals[1] = "x y", vals[2] = "1.5";
	expect_key(c, "INSERT INTO uk VALUES ($1, $2, $3)", 3, vals,
		   "Key (a, b)=(x y, 1.50) already exists.");
	expect_key(c, "INSERT INTO uk (id) VALUES (5), (6), (5)", 0, NULL,
		   "Key (id)=(5) already exists.");
	PQclear(harness_exec_ok(c, "INSERT INTO uk VALUES (2, 'z', 3)"));
	expect_key(c, "UPDATE uk SET a = 'x y', b = 1.5 WHERE id = 2", 0, NULL,
		   "Key (a, b)=(x y, 1.50) already exists.");
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "INSERT INTO uk VALUES (7, 'w', 0)"));
	expect_key(c, "INSERT INTO uk VALUES (7, 'v', 0)", 0, NULL, "Key (id)=(7) already exists.");
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	PQclear(harness_exec_ok(c, "INSERT INTO uk VALUES (3, 'x y', 2), (4, NULL, NULL)"));
	PGresult *r = harness_exec_ok(c, "SELECT string_agg(id::text, ',' ORDER BY id) FROM uk");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1,2,3,4");
	PQclear(r);
	PQfinish(c);
}
END_TEST

START_TEST(error_codes)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE e (id int PRIMARY KEY, v text NOT NULL, "
				   "n int CHECK (n > 0))"));
	PQclear(harness_exec_ok(c, "INSERT INTO e VALUES (1, 'x', 1)"));
	/* Messages and fields as PostgreSQL 15 sends them (psycopg's diag, JDBC read them). */
	expect_violation(c, "INSERT INTO e VALUES (1, 'y', 1)", "23505",
			 "duplicate key value violates unique constraint \"e_pkey\"", NULL, "e_pkey");
	expect_violation(c, "INSERT INTO e VALUES (2, NULL, 1)", "23502",
			 "null value in column \"v\" of relation \"e\" violates not-null constraint",
			 "v", NULL);
	expect_violation(c, "INSERT INTO e VALUES (3, 'z', -1)", "23514",
			 "new row for relation \"e\" violates check constraint \"e_n_check\"", NULL,
			 "e_n_check");
	harness_exec_fail(c, "SELECT nope FROM e", "42703");
	harness_exec_fail(c, "SELECT * FROM nope", "42P01");
	/* Positions (and texts) of missing columns and relations as PostgreSQL 15 gives them,
	 * from the simple and the extended protocol. */
	expect_missing(c, false, "SELECT nope FROM e", "column \"nope\" does not exist", "8");
	expect_missing(c, true, "SELECT id, /* nope */ 'nope', e.nope FROM e",
		       "column e.nope does not exist", "31");
	expect_missing(c, false, "SELECT 1; SELECT * FROM e WHERE \"Nope\" = 1",
		       "column \"Nope\" does not exist", "33");
	expect_missing(c, true, "SELECT * FROM e, nope", "relation \"nope\" does not exist", "18");
	expect_missing(c, false, "SELECT e.v, id FROM e, e e2", "column reference \"id\" is ambiguous",
		       "13");
	expect_missing(c, true, "INSERT INTO e (nope) VALUES (1)",
		       "column \"nope\" of relation \"e\" does not exist", "16");
	PGresult *r = PQexec(c, "DROP TABLE nope");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), "table \"nope\" does not exist");
	ck_assert_ptr_null(PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION));
	PQclear(r);
	r = PQexec(c, "ALTER TABLE nope ADD COLUMN z int"); /* no position for utility statements */
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42P01");
	ck_assert_ptr_null(PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION));
	PQclear(r);
	r = PQexec(c, "SELECT * FRM e");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42601");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION), "10");
	PQclear(r);
	PQfinish(c);
}
END_TEST

START_TEST(tenants_are_isolated)
{
	PGconn *a = harness_connect(&H, "dbname=alpha");
	PGconn *b = harness_connect(&H, "dbname=whatever options='-c tenant=beta'");
	PQclear(harness_exec_ok(a, "CREATE TABLE secret (v text)"));
	PQclear(harness_exec_ok(a, "INSERT INTO secret VALUES ('alpha only')"));
	harness_exec_fail(b, "SELECT * FROM secret", "42P01");
	PQclear(harness_exec_ok(b, "CREATE TABLE secret (v text)"));
	PGresult *r = harness_exec_ok(b, "SELECT count(*) FROM secret");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
	PQclear(r);
	/* current_database-style facts: the database name the client gave is kept. */
	ck_assert_str_eq(PQdb(b), "whatever");
	PQfinish(a);
	PQfinish(b);
	/* Hostile names are refused before any file is touched. */
	const char *bad[] = {"dbname=../etc", "dbname=a/b", "options='-c tenant=..'",
			     "dbname=-lead",
			     "dbname=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		PGconn *c = harness_try_connect(&H, bad[i]);
		ck_assert_int_eq(PQstatus(c), CONNECTION_BAD);
		ck_assert_msg(strstr(PQerrorMessage(c), "invalid tenant name"), "%s: %s", bad[i],
			      PQerrorMessage(c));
		PQfinish(c);
	}
}
END_TEST

START_TEST(settings)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "SET application_name = 'renamed'"));
	ck_assert_str_eq(PQparameterStatus(c, "application_name"), "renamed");
	PGresult *r = harness_exec_ok(c, "SHOW application_name");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "renamed");
	PQclear(r);
	PQclear(harness_exec_ok(c, "SET myapp.flag = 'x'"));
	r = harness_exec_ok(c, "SHOW myapp.flag");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "x");
	PQclear(r);
	harness_exec_fail(c, "SET no_such_setting = 1", "42704");
	harness_exec_fail(c, "SHOW no_such_setting", "42704");
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "SET application_name = 'inside'"));
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	ck_assert_str_eq(PQparameterStatus(c, "application_name"), "renamed");
	PQfinish(c);
}
END_TEST

START_TEST(vanished_client_releases_its_transaction)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(a, "CREATE TABLE v (x int)"));
	PQclear(harness_exec_ok(a, "BEGIN"));
	PQclear(harness_exec_ok(a, "INSERT INTO v VALUES (1)"));
	/* While a holds the write lock, b waits (off the event loop), bounded by lock_timeout. */
	PQclear(harness_exec_ok(b, "SET lock_timeout = '100ms'"));
	harness_exec_fail(b, "INSERT INTO v VALUES (2)", "55P03");
	PQclear(harness_exec_ok(b, "SET lock_timeout = 0"));
	ck_assert(PQsendQuery(b, "INSERT INTO v VALUES (3)"));
	usleep(50000);
	PQfinish(a); /* vanishes mid-transaction: rolled back, b's insert proceeds */
	PGresult *r = PQgetResult(b);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(b));
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(b));
	r = harness_exec_ok(b, "SELECT x FROM v ORDER BY x");
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "3");
	PQclear(r);
	PQfinish(b);
}
END_TEST

/* Date/time parameters and results: text read and shown in the session's TimeZone, binary
 * as PostgreSQL 15's timestamptz_send/date_send bytes; now() stays put within a transaction. */
START_TEST(datetime_params_and_results)
{
	PGconn *c = harness_connect(&H, "dbname=acme options='-c TimeZone=America/New_York'");
	PQclear(harness_exec_ok(c, "CREATE TABLE ev (id int4, at timestamptz, d date)"));
	const char *vals[] = {"1", "2024-07-01 12:00", "2024-07-01"};
	Oid types[] = {23, 1184, 1082};
	PGresult *r = PQexecParams(c, "INSERT INTO ev VALUES ($1, $2, $3)", 3, types, vals, NULL,
				   NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	static const char jan1[8] = {0, 2, (char)0xb0, (char)0xd5, (char)0xd4, (char)0xe9, 0x40, 0};
	const char *bvals[] = {"2", jan1, NULL};
	int lens[] = {1, 8, 0};
	int fmts[] = {0, 1, 0};
	r = PQexecParams(c, "INSERT INTO ev VALUES ($1, $2, $3)", 3, types, bvals, lens, fmts, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = harness_exec_ok(c, "SELECT at, d FROM ev ORDER BY id");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "2024-07-01 12:00:00-04");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "2024-07-01");
	ck_assert_str_eq(PQgetvalue(r, 1, 0), "2023-12-31 19:00:00-05");
	ck_assert_int_eq(PQftype(r, 0), 1184);
	PQclear(r);
	r = PQexecParams(c, "SELECT at, d FROM ev WHERE id = 1", 0, NULL, NULL, NULL, NULL, 1);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQgetlength(r, 0, 0), 8);
	ck_assert(memcmp(PQgetvalue(r, 0, 0), "\x00\x02\xbf\x30\x75\x41\xc0\x00", 8) == 0);
	ck_assert_int_eq(PQgetlength(r, 0, 1), 4);
	ck_assert(memcmp(PQgetvalue(r, 0, 1), "\x00\x00\x22\xf4", 4) == 0);
	PQclear(r);
	const char *bad[] = {"3", "2024-02-30 10:00", NULL};
	r = PQexecParams(c, "INSERT INTO ev VALUES ($1, $2, $3)", 3, types, bad, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22008");
	PQclear(r);
	/* now() is the transaction's start; statement_timestamp() moves on */
	PQclear(harness_exec_ok(c, "BEGIN"));
	r = harness_exec_ok(c, "SELECT now()::text, statement_timestamp()::text");
	char first[64], stmt[64];
	snprintf(first, sizeof(first), "%s", PQgetvalue(r, 0, 0));
	snprintf(stmt, sizeof(stmt), "%s", PQgetvalue(r, 0, 1));
	PQclear(r);
	r = harness_exec_ok(c, "SELECT now()::text, statement_timestamp()::text");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), first);
	ck_assert_str_ne(PQgetvalue(r, 0, 1), stmt);
	PQclear(r);
	PQclear(harness_exec_ok(c, "COMMIT"));
	r = harness_exec_ok(c, "SELECT now()::text");
	ck_assert_str_ne(PQgetvalue(r, 0, 0), first);
	PQclear(r);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("libpq");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, startup_parameters);
	tcase_add_test(tc, crud_tags_and_types);
	tcase_add_test(tc, multi_statement_and_empty);
	tcase_add_test(tc, exec_params_text_and_binary);
	tcase_add_test(tc, int_params_in_text);
	tcase_add_test(tc, datetime_params_and_results);
	tcase_add_test(tc, prepared_and_described);
	tcase_add_test(tc, pipeline_with_error);
	tcase_add_test(tc, transactions_and_failed_state);
	tcase_add_test(tc, error_codes);
	tcase_add_test(tc, fk_violation_params);
	tcase_add_test(tc, unique_violation_key);
	tcase_add_test(tc, if_exists_notices);
	tcase_add_test(tc, explain_formats);
	tcase_add_test(tc, if_exists_notices_more);
	tcase_add_test(tc, tenants_are_isolated);
	tcase_add_test(tc, settings);
	tcase_add_test(tc, vanished_client_releases_its_transaction);
	tcase_add_test(tc, parameter_types_inferred);
	tcase_add_test(tc, explain_shows_the_plan);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
