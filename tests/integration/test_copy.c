/* SPDX-License-Identifier: Apache-2.0 */
/* test_copy.c: the COPY sub-protocol through libpq against the real binary — PQputCopyData
 * in text, CSV and binary with rows split across messages in every way, PQgetCopyData output
 * byte for byte (as PostgreSQL 15 writes it), a binary round trip, errors (bad value, column
 * count, CopyFail, a stray message, an EXCLUDE constraint's 23P01) that keep nothing and leave
 * the connection usable, COPY inside transactions, the extended protocol, COPY amid other
 * statements of a Query, and the table's triggers around it. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check_run.h"
#include "harness.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static PGconn *connect_with_table(void)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE t (a int4 PRIMARY KEY, b text, c numeric(6,2), "
				   "d boolean, e bytea, f float8)"));
	return c;
}

/* Starts COPY ... FROM STDIN, sends data in chunks of `chunk` bytes (0: all at once), ends
 * with CopyDone; returns the final result (caller PQclear). */
static PGresult *copy_in(PGconn *c, const char *sql, const char *data, size_t len, size_t chunk)
{
	PGresult *r = PQexec(c, sql);
	ck_assert_msg(PQresultStatus(r) == PGRES_COPY_IN, "%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	size_t step = chunk ? chunk : len;
	for (size_t off = 0; off < len; off += step) {
		size_t n = len - off < step ? len - off : step;
		ck_assert_int_eq(PQputCopyData(c, data + off, (int)n), 1);
	}
	ck_assert_int_eq(PQputCopyEnd(c, NULL), 1);
	r = PQgetResult(c);
	PGresult *extra = PQgetResult(c);
	ck_assert_ptr_null(extra);
	return r;
}

static void copy_in_ok(PGconn *c, const char *sql, const char *data, size_t len, size_t chunk,
		       const char *tag)
{
	PGresult *r = copy_in(c, sql, data, len, chunk);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s: %s", sql, PQerrorMessage(c));
	ck_assert_str_eq(PQcmdStatus(r), tag);
	PQclear(r);
}

/* COPY ... TO STDOUT; returns all CopyData bytes concatenated (malloc'd), *len their size. */
/* COPY ... TO STDOUT through the simple Query, or through Parse/Bind/Execute when extended;
 * returns all CopyData bytes, NUL-terminated (caller frees). */
static char *copy_out_via(PGconn *c, const char *sql, bool extended, size_t *len, const char *tag)
{
	PGresult *r = extended ? PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 0)
			       : PQexec(c, sql);
	ck_assert_msg(PQresultStatus(r) == PGRES_COPY_OUT, "%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	char *all = NULL, *buf;
	size_t n = 0, cap = 0;
	int got;
	while ((got = PQgetCopyData(c, &buf, 0)) > 0) {
		if (n + (size_t)got + 1 > cap) { /* doubling: one row per message, 60,000 rows */
			cap = (n + (size_t)got + 1) * 2;
			all = realloc(all, cap);
			ck_assert_ptr_nonnull(all);
		}
		memcpy(all + n, buf, (size_t)got);
		n += (size_t)got;
		PQfreemem(buf);
	}
	ck_assert_int_eq(got, -1);
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), tag);
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	if (!all)
		all = calloc(1, 1);
	all[n] = '\0';
	*len = n;
	return all;
}

static char *copy_out(PGconn *c, const char *sql, size_t *len, const char *tag)
{
	return copy_out_via(c, sql, false, len, tag);
}

static void expect_out(PGconn *c, const char *sql, const char *want, const char *tag)
{
	size_t n;
	char *got = copy_out(c, sql, &n, tag);
	ck_assert_msg(n == strlen(want) && memcmp(got, want, n) == 0, "%s\nwant [%s]\ngot  [%s]",
		      sql, want, got);
	free(got);
}

/* COPY table TO STDOUT in binary gives bin (bin_len bytes: PostgreSQL 15's bytes), and bin
 * copied back in (in chunk-byte pieces) after a TRUNCATE reads out as the text want; tag is
 * both directions' command tag. */
static void expect_binary_round_trip(PGconn *c, const char *table, const char *bin, size_t bin_len,
				     size_t chunk, const char *want, const char *tag)
{
	char sql[128];
	size_t n;
	snprintf(sql, sizeof(sql), "COPY %s TO STDOUT (FORMAT binary)", table);
	char *got = copy_out(c, sql, &n, tag);
	ck_assert_uint_eq(n, bin_len);
	ck_assert(memcmp(got, bin, n) == 0);
	free(got);
	snprintf(sql, sizeof(sql), "TRUNCATE %s", table);
	PQclear(harness_exec_ok(c, sql));
	snprintf(sql, sizeof(sql), "COPY %s FROM STDIN (FORMAT binary)", table);
	copy_in_ok(c, sql, bin, bin_len, chunk, tag);
	snprintf(sql, sizeof(sql), "COPY %s TO STDOUT", table);
	expect_out(c, sql, want, tag);
}

static const char text_rows[] = "1\tplain\t1.5\tt\t\\\\x0102\t0.25\n"
				"2\ttab\\there\\nnl \\\\ bs\t\\N\tf\t\\N\t-1e+20\n"
				"3\t\t0\ttrue\t\\\\x\t\\N\n";

START_TEST(text_in_any_chunking)
{
	PGconn *c = connect_with_table();
	size_t len = strlen(text_rows);
	/* Every chunk size from one byte up: rows and escapes split anywhere. */
	for (size_t chunk = 1; chunk <= 9; chunk++) {
		copy_in_ok(c, "COPY t FROM STDIN", text_rows, len, chunk, "COPY 3");
		expect_out(c, "COPY t TO STDOUT",
			   "1\tplain\t1.50\tt\t\\\\x0102\t0.25\n"
			   "2\ttab\\there\\nnl \\\\ bs\t\\N\tf\t\\N\t-1e+20\n"
			   "3\t\t0.00\tt\t\\\\x\t\\N\n",
			   "COPY 3");
		PQclear(harness_exec_ok(c, "TRUNCATE t"));
	}
	PQfinish(c);
}
END_TEST

START_TEST(csv_in_and_out)
{
	PGconn *c = connect_with_table();
	static const char csv[] = "a,b,c,d,e,f\n"
				  "1,\"comma, inside\",2,t,,\n"
				  "2,\"multi\nline \"\"quoted\"\"\",,f,,1\n"
				  "3,\"\",0.5,,,\n"
				  "4,ünïcödé,1,t,,\n";
	copy_in_ok(c, "COPY t FROM STDIN WITH CSV HEADER", csv, strlen(csv), 0, "COPY 4");
	PQclear(harness_exec_ok(c, "TRUNCATE t"));
	copy_in_ok(c, "COPY t FROM STDIN (FORMAT csv, HEADER true)", csv, strlen(csv), 7, "COPY 4");
	/* NULL (unquoted empty) and the empty string (quoted) stay apart. */
	PGresult *r = harness_exec_ok(c, "SELECT b IS NULL, b = '' FROM t WHERE a = 3");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "f");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "t");
	PQclear(r);
	expect_out(c, "COPY t (a, b, c) TO STDOUT (FORMAT csv, HEADER)",
		   "a,b,c\n1,\"comma, inside\",2.00\n2,\"multi\nline \"\"quoted\"\"\",\n"
		   "3,\"\",0.50\n4,ünïcödé,1.00\n",
		   "COPY 4");
	expect_out(c,
		   "COPY (SELECT a, b FROM t WHERE a IN (1, 3) ORDER BY a) TO STDOUT "
		   "(FORMAT csv, FORCE_QUOTE *, NULL 'NULL', DELIMITER ';')",
		   "\"1\";\"comma, inside\"\n\"3\";\"\"\n", "COPY 2");
	expect_out(c,
		   "COPY (SELECT b, c FROM t WHERE a = 2) TO STDOUT (FORMAT csv, QUOTE '''', "
		   "ESCAPE '\\')",
		   "'multi\nline \"quoted\"',\n", "COPY 1");
	PQfinish(c);
}
END_TEST

START_TEST(csv_force_options)
{
	PGconn *c = connect_with_table();
	static const char csv[] = "1,,\"\"\n2,\"\",\n";
	copy_in_ok(c,
		   "COPY t (a, b, e) FROM STDIN (FORMAT csv, FORCE_NOT_NULL (b), FORCE_NULL (e))",
		   csv, strlen(csv), 0, "COPY 2");
	PGresult *r = harness_exec_ok(c, "SELECT a, b IS NULL, e IS NULL FROM t ORDER BY a");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "f");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "t");
	ck_assert_str_eq(PQgetvalue(r, 1, 1), "f");
	ck_assert_str_eq(PQgetvalue(r, 1, 2), "t");
	PQclear(r);
	PQfinish(c);
}
END_TEST

START_TEST(binary_round_trip)
{
	PGconn *c = connect_with_table();
	copy_in_ok(c, "COPY t FROM STDIN", text_rows, strlen(text_rows), 0, "COPY 3");
	PQclear(harness_exec_ok(c, "CREATE TABLE u (a int4, b text, d boolean, f float8)"));
	size_t n;
	char *bin = copy_out(c, "COPY t (a, b, d, f) TO STDOUT (FORMAT binary)", &n, "COPY 3");
	ck_assert_int_ge(n, 19 + 2);
	ck_assert(memcmp(bin, "PGCOPY\n\377\r\n\0", 11) == 0);
	/* The first tuple: 4 fields, a = int4 1. */
	ck_assert(memcmp(bin + 19, "\0\4\0\0\0\4\0\0\0\1", 10) == 0);
	ck_assert(memcmp(bin + n - 2, "\377\377", 2) == 0);
	for (size_t chunk = 1; chunk <= 5; chunk += 4) {
		copy_in_ok(c, "COPY u FROM STDIN (FORMAT binary)", bin, n, chunk, "COPY 3");
		expect_out(
			c, "COPY u TO STDOUT",
			"1\tplain\tt\t0.25\n2\ttab\\there\\nnl \\\\ bs\tf\t-1e+20\n3\t\tt\t\\N\n",
			"COPY 3");
		PQclear(harness_exec_ok(c, "DELETE FROM u"));
	}
	free(bin);
	PQfinish(c);
}
END_TEST

/* Date/time columns: text in the session's TimeZone, binary byte for byte as PostgreSQL 15
 * writes it (COPY dtc TO STDOUT (FORMAT binary) there), and that binary read back. */
static const char dt_binary[] =
	"\x50\x47\x43\x4f\x50\x59\x0a\xff\x0d\x0a\x00\x00\x00\x00\x00\x00\x00\x00"
	"\x00\x00\x06\x00\x00\x00\x04\x00\x00\x00\x01\x00\x00\x00\x04\x00\x00\x22"
	"\x79\x00\x00\x00\x08\x00\x02\xb5\x84\x3c\x02\x10\x20\x00\x00\x00\x08\x00"
	"\x02\xb5\x82\x8e\xd3\x27\x00\x00\x00\x00\x10\x00\x00\x00\x03\x6c\x93\x61"
	"\xa0\x00\x00\x00\x03\x00\x00\x00\x0e\x00\x00\x00\x08\x00\x00\x00\x0b\x86"
	"\x84\xf2\x60\x00\x06\x00\x00\x00\x04\x00\x00\x00\x02\xff\xff\xff\xff\x00"
	"\x00\x00\x08\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x7f\xff\xff"
	"\xff\xff\xff\xff\xff\x00\x00\x00\x10\x00\x00\x00\x01\xad\x27\x48\x00\xff"
	"\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00\x14\x1d\xd7\x60"
	"\x00\xff\xff";

START_TEST(datetime_columns)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE dtc (a int4, d date, ts timestamp, "
				   "tz timestamptz, iv interval, t time)"));
	PQclear(harness_exec_ok(c, "SET TimeZone = 'Europe/Berlin'"));
	static const char text[] = "1\t2024-02-29\t2024-02-29 13:45:00.5\t2024-02-29 13:45:00+02\t"
				   "1 year 2 mons 3 days 04:05:06.5\t13:45:01.5\n"
				   "2\t\\N\t-infinity\tinfinity\t-1 days +02:00:00\t24:00\n";
	copy_in_ok(c, "COPY dtc FROM STDIN", text, strlen(text), 7, "COPY 2");
	static const char want[] = "1\t2024-02-29\t2024-02-29 13:45:00.5\t2024-02-29 12:45:00+01\t"
				   "1 year 2 mons 3 days 04:05:06.5\t13:45:01.5\n"
				   "2\t\\N\t-infinity\tinfinity\t-1 days +02:00:00\t24:00:00\n";
	expect_out(c, "COPY dtc TO STDOUT", want, "COPY 2");
	expect_binary_round_trip(c, "dtc", dt_binary, sizeof(dt_binary) - 1, 5, want, "COPY 2");
	static const char bad[] = "1\t2024-02-30\t\\N\t\\N\t\\N\t\\N\n";
	PGresult *r = copy_in(c, "COPY dtc FROM STDIN", bad, strlen(bad), 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22008");
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* BC and past-9999 dates and timestamps (stored in their order-keeping form, pgtype_dt_store):
 * COPY FROM in text (timestamp(3) rounded) and binary, COPY TO byte for byte as PostgreSQL 15
 * writes them (COPY bcx TO STDOUT (FORMAT binary) there), and rows ordered by their time. */
static const char bc_binary[] =
	"\x50\x47\x43\x4f\x50\x59\x0a\xff\x0d\x0a\x00\x00\x00\x00\x00\x00\x00\x00"
	"\x00\x00\x03\x00\x00\x00\x04\x00\x2c\x95\xd4\x00\x00\x00\x08\x03\x80\xe7"
	"\x0b\x91\x4a\xc2\x40\x00\x00\x00\x08\x03\x80\xe7\x0f\xc2\x1d\xb4\x00\x00"
	"\x03\x00\x00\x00\x04\xff\xf4\x9d\x7b\x00\x00\x00\x08\xff\x1a\xf9\xe8\xfb"
	"\x48\xb0\x78\x00\x00\x00\x08\xff\x1a\xf9\xe7\x4e\x1f\x88\x00\x00\x03\x00"
	"\x00\x00\x04\x00\x00\x22\x79\x00\x00\x00\x08\x00\x02\xb5\x84\x3c\x02\x10"
	"\x20\x00\x00\x00\x08\x00\x02\xb5\x82\x8e\xd3\x27\x00\xff\xff";

START_TEST(bc_datetime_columns)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE bcx (d date, ts timestamp(3), tz timestamptz)"));
	PQclear(harness_exec_ok(c, "SET TimeZone = 'UTC'"));
	static const char text[] =
		"10000-01-01\t10000-01-01 00:00:00.9999\t10000-01-01 00:00:00-05\n"
		"0044-03-15 BC\t0044-03-15 12:00:00.12345 BC\t0044-03-15 12:00:00+02 BC\n"
		"2024-02-29\t2024-02-29 13:45:00.5\t2024-02-29 13:45:00+02\n";
	copy_in_ok(c, "COPY bcx FROM STDIN", text, strlen(text), 3, "COPY 3");
	static const char want[] = "10000-01-01\t10000-01-01 00:00:01\t10000-01-01 05:00:00+00\n"
				   "0044-03-15 BC\t0044-03-15 12:00:00.123 BC\t0044-03-15 "
				   "10:00:00+00 BC\n"
				   "2024-02-29\t2024-02-29 13:45:00.5\t2024-02-29 11:45:00+00\n";
	expect_out(c, "COPY bcx TO STDOUT", want, "COPY 3");
	expect_binary_round_trip(c, "bcx", bc_binary, sizeof(bc_binary) - 1, 3, want, "COPY 3");
	static const char *const orders[] = {"d", "ts", "tz"};
	for (size_t i = 0; i < sizeof(orders) / sizeof(orders[0]); i++) {
		char sql[96];
		snprintf(sql, sizeof(sql), "SELECT string_agg(%s::text, ',' ORDER BY %s) FROM bcx",
			 orders[i], orders[i]);
		PGresult *r = harness_exec_ok(c, sql);
		ck_assert_msg(strncmp(PQgetvalue(r, 0, 0), "0044-03-15", 10) == 0 &&
				      strstr(PQgetvalue(r, 0, 0), ",2024-02-29") &&
				      strstr(PQgetvalue(r, 0, 0), ",10000-01-01"),
			      "%s", PQgetvalue(r, 0, 0));
		ck_assert(strstr(PQgetvalue(r, 0, 0), ",2024-02-29") <
			  strstr(PQgetvalue(r, 0, 0), ",10000-01-01"));
		PQclear(r);
	}
	/* the stored form is no input: PostgreSQL's 22007 for '.9956-03-15' (it was 44 BC) */
	static const char *const stored[] = {".9956-03-15\t\\N\t\\N\n",
					     "\\N\t.9956-03-15 12:00\t\\N\n",
					     "\\N\t\\N\t.9956-03-15 12:00+00\n"};
	for (size_t i = 0; i < sizeof(stored) / sizeof(stored[0]); i++) {
		PGresult *r = copy_in(c, "COPY bcx FROM STDIN", stored[i], strlen(stored[i]), 0);
		ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22007");
		PQclear(r);
	}
	PQfinish(c);
}
END_TEST

/* The error of a COPY that failed, checked and cleared; the table must still be empty. */
static void expect_copy_error(PGconn *c, PGresult *r, const char *sqlstate, const char *msg,
			      const char *context)
{
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), sqlstate);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), msg);
	if (context)
		ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_CONTEXT), context);
	PQclear(r);
	r = harness_exec_ok(c, "SELECT count(*) FROM t");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
	PQclear(r);
}

/* COPY FROM into a table with an EXCLUDE constraint: a row that conflicts with an earlier one
 * of the same COPY fails it with PostgreSQL's 23P01 and DETAIL, keeping nothing. */
START_TEST(exclusion_constraint)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE t (id int, c int4range, EXCLUDE USING gist (c WITH &&))");
	static const char bad[] = "1\t[1,5)\n2\t[4,8)\n";
	PGresult *r = copy_in(c, "COPY t FROM STDIN", bad, sizeof(bad) - 1, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL),
			 "Key (c)=([4,8)) conflicts with existing key (c)=([1,5)).");
	expect_copy_error(c, r, "23P01",
			  "conflicting key value violates exclusion constraint \"t_c_excl\"", NULL);
	static const char good[] = "1\t[1,5)\n2\t[5,8)\n3\t\\N\n4\t\\N\n";
	copy_in_ok(c, "COPY t FROM STDIN", good, sizeof(good) - 1, 0, "COPY 4");
	harness_expect_value(c, "SELECT count(*) FROM t", "4");
	PQfinish(c);
}
END_TEST

START_TEST(bad_data_keeps_nothing)
{
	PGconn *c = connect_with_table();
	static const char bad_value[] = "1\tx\t1\tt\t\\N\t1\n2\ty\tabc\tt\t\\N\t1\n";
	expect_copy_error(c, copy_in(c, "COPY t FROM STDIN", bad_value, strlen(bad_value), 5),
			  "22P02", "invalid input syntax for type numeric: \"abc\"",
			  "COPY t, line 2, column c: \"abc\"");
	static const char few[] = "1\tx\n";
	expect_copy_error(c, copy_in(c, "COPY t FROM STDIN", few, strlen(few), 0), "22P04",
			  "missing data for column \"c\"", "COPY t, line 1: \"1\tx\"");
	static const char many[] = "1,x,1,t,,1,9\n";
	expect_copy_error(c, copy_in(c, "COPY t FROM STDIN CSV", many, strlen(many), 0), "22P04",
			  "extra data after last expected column",
			  "COPY t, line 1: \"1,x,1,t,,1,9\"");
	static const char dup[] = "1\n2\n01\n";
	PGresult *r = copy_in(c, "COPY t (a) FROM STDIN", dup, strlen(dup), 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL),
			 "Key (a)=(1) already exists.");
	expect_copy_error(c, r, "23505",
			  "duplicate key value violates unique constraint \"t_pkey\"",
			  "COPY t, line 3");
	static const char quote[] = "1,\"open\n";
	expect_copy_error(c, copy_in(c, "COPY t (a, b) FROM STDIN CSV", quote, strlen(quote), 0),
			  "22P04", "unterminated CSV quoted field",
			  "COPY t, line 1: \"1,\"open\n\"");
	static const char utf8[] = "1\t\xff\n";
	expect_copy_error(c, copy_in(c, "COPY t (a, b) FROM STDIN", utf8, strlen(utf8), 0), "22021",
			  "invalid byte sequence for encoding \"UTF8\": 0xff", NULL);
	/* CopyFail: the client's reason, and nothing kept. */
	r = PQexec(c, "COPY t FROM STDIN");
	ck_assert_int_eq(PQresultStatus(r), PGRES_COPY_IN);
	PQclear(r);
	ck_assert_int_eq(PQputCopyData(c, text_rows, (int)strlen(text_rows)), 1);
	ck_assert_int_eq(PQputCopyEnd(c, "changed my mind"), 1);
	expect_copy_error(c, PQgetResult(c), "57014", "COPY from stdin failed: changed my mind",
			  NULL);
	ck_assert_ptr_null(PQgetResult(c));
	/* A CancelRequest while the server waits for data ends the COPY at the next message. */
	r = PQexec(c, "COPY t FROM STDIN");
	ck_assert_int_eq(PQresultStatus(r), PGRES_COPY_IN);
	PQclear(r);
	ck_assert_int_eq(PQputCopyData(c, text_rows, (int)strlen(text_rows)), 1);
	ck_assert_int_eq(PQflush(c), 0);
	PGcancel *cancel = PQgetCancel(c);
	char errbuf[256];
	ck_assert_msg(PQcancel(cancel, errbuf, sizeof(errbuf)), "cancel: %s", errbuf);
	PQfreeCancel(cancel);
	ck_assert_int_eq(PQputCopyData(c, text_rows, (int)strlen(text_rows)), 1);
	ck_assert_int_eq(PQputCopyEnd(c, NULL), 1);
	/* (the line in its CONTEXT depends on which connection the server served first) */
	expect_copy_error(c, PQgetResult(c), "57014", "canceling statement due to user request",
			  NULL);
	ck_assert_ptr_null(PQgetResult(c));
	/* The connection is fine afterwards. */
	copy_in_ok(c, "COPY t FROM STDIN", text_rows, strlen(text_rows), 0, "COPY 3");
	PQfinish(c);
}
END_TEST

/* A not-null or check violation's DETAIL is the row as written (the COPY's defaults filled
 * in), PostgreSQL 15's text. */
START_TEST(failing_row_detail)
{
	PGconn *c = connect_with_table();
	PQclear(harness_exec_ok(c, "CREATE TABLE fr_c (a int NOT NULL, b text DEFAULT 'dflt', "
				   "c int CHECK (c > 0))"));
	static const char nn[] = "1\t5\n\\N\t2\n";
	PGresult *r = copy_in(c, "COPY fr_c (a, c) FROM STDIN", nn, strlen(nn), 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL),
			 "Failing row contains (null, dflt, 2).");
	expect_copy_error(c, r, "23502",
			  "null value in column \"a\" of relation \"fr_c\" violates not-null "
			  "constraint",
			  "COPY fr_c, line 2: \"\\N\t2\"");
	static const char ck[] = "1,x,1\n2,y,-3\n";
	r = copy_in(c, "COPY fr_c FROM STDIN (FORMAT csv)", ck, strlen(ck), 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL),
			 "Failing row contains (2, y, -3).");
	expect_copy_error(
		c, r, "23514",
		"new row for relation \"fr_c\" violates check constraint \"fr_c_c_check\"",
		"COPY fr_c, line 2: \"2,y,-3\"");
	harness_expect_value(c, "SELECT count(*) FROM fr_c", "0");
	PQfinish(c);
}
END_TEST

/* Rows go in 64 at a time; an error still names its own line, and the first error in line
 * order wins, as row by row. */
START_TEST(errors_inside_batches)
{
	PGconn *c = connect_with_table();
	char data[8192];
	size_t n = 0;
	/* Line 10 repeats line 3's key, line 50 is not a number: line 10 is reported. */
	for (int i = 1; i <= 200; i++) {
		if (i == 10)
			n += (size_t)snprintf(data + n, sizeof(data) - n, "3\tdup\n");
		else if (i == 50)
			n += (size_t)snprintf(data + n, sizeof(data) - n, "x\tbad\n");
		else
			n += (size_t)snprintf(data + n, sizeof(data) - n, "%d\tv\n", i);
	}
	PGresult *r = copy_in(c, "COPY t (a, b) FROM STDIN", data, n, 100);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL),
			 "Key (a)=(3) already exists.");
	expect_copy_error(c, r, "23505",
			  "duplicate key value violates unique constraint \"t_pkey\"",
			  "COPY t, line 10");
	/* Only the bad value: it is reported on its line once the rows before it are in. */
	n = 0;
	for (int i = 1; i <= 200; i++)
		n += (size_t)snprintf(data + n, sizeof(data) - n, i == 150 ? "x\n" : "%d\n", i);
	expect_copy_error(c, copy_in(c, "COPY t (a) FROM STDIN", data, n, 0), "22P02",
			  "invalid input syntax for type integer: \"x\"",
			  "COPY t, line 150, column a: \"x\"");
	/* A duplicate in the last, partial batch. */
	n = 0;
	for (int i = 1; i <= 200; i++)
		n += (size_t)snprintf(data + n, sizeof(data) - n, "%d\n", i == 199 ? 7 : i);
	expect_copy_error(c, copy_in(c, "COPY t (a) FROM STDIN", data, n, 0), "23505",
			  "duplicate key value violates unique constraint \"t_pkey\"",
			  "COPY t, line 199");
	PQfinish(c);
}
END_TEST

/* varchar(n) / character(n) take their length as their input functions do. */
START_TEST(length_limits)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE v (a varchar(3), b char(2))"));
	static const char ok_rows[] = "ab \t  \nabc  \tx \n\xc3\xb1\xc3\xb1\xc3\xb1\t\\N\n";
	copy_in_ok(c, "COPY v FROM STDIN", ok_rows, strlen(ok_rows), 0, "COPY 3");
	expect_out(c, "COPY v TO STDOUT", "ab \t  \nabc\tx \n\xc3\xb1\xc3\xb1\xc3\xb1\t\\N\n",
		   "COPY 3");
	static const char long_row[] = "abcd\tx\n";
	PGresult *r = copy_in(c, "COPY v FROM STDIN", long_row, strlen(long_row), 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22001");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "value too long for type character varying(3)");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_CONTEXT),
			 "COPY v, line 1, column a: \"abcd\"");
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* bit(n) / bit varying(n): read by bit_in (X... hexadecimal too) and stored as the text of
 * their bits; their lengths checked as PostgreSQL's (22026, 22001, checked against 15). */
START_TEST(bit_strings)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE bs (a bit(4), b bit varying(8))"));
	static const char ok_rows[] = "X3\tX1\n1010\t\\N\n0001\t\n";
	copy_in_ok(c, "COPY bs FROM STDIN", ok_rows, strlen(ok_rows), 0, "COPY 3");
	expect_out(c, "COPY bs TO STDOUT", "0011\t0001\n1010\t\\N\n0001\t\n", "COPY 3");
	static const struct {
		const char *row, *state, *msg;
	} bad[] = {
		{"101\t1\n", "22026", "bit string length 3 does not match type bit(4)"},
		{"1111\t111111111\n", "22001", "bit string too long for type bit varying(8)"},
		{"1a11\t1\n", "22P02", "\"a\" is not a valid binary digit"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		PGresult *r = copy_in(c, "COPY bs FROM STDIN", bad[i].row, strlen(bad[i].row), 0);
		ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
		ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), bad[i].state);
		ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), bad[i].msg);
		PQclear(r);
	}
	PQfinish(c);
}
END_TEST

START_TEST(refused_and_bad_options)
{
	PGconn *c = connect_with_table();
	harness_exec_fail(c, "COPY t FROM '/etc/passwd'", "42501");
	harness_exec_fail(c, "COPY t TO '/tmp/x'", "42501");
	harness_exec_fail(c, "COPY t TO PROGRAM 'cat'", "42501");
	harness_exec_fail(c, "COPY t TO STDOUT (FORMAT xml)", "22023");
	harness_exec_fail(c, "COPY t TO STDOUT (FORMAT binary, NULL 'x')", "42601");
	harness_exec_fail(c, "COPY t TO STDOUT (FORCE_NOT_NULL (a))", "0A000");
	harness_exec_fail(c, "COPY t FROM STDIN (FORMAT csv, FORCE_QUOTE (a))", "0A000");
	harness_exec_fail(c, "COPY t TO STDOUT (FORMAT csv, FORCE_QUOTE (zz))", "42703");
	harness_exec_fail(c, "COPY t (a) TO STDOUT (FORMAT csv, FORCE_QUOTE (b))", "42P10");
	harness_exec_fail(c, "COPY nope FROM STDIN", "42P01");
	/* COPY FROM ... WHERE: a column that does not exist, one the COPY leaves out (PostgreSQL
	 * would read its default) */
	harness_exec_fail(c, "COPY t (a) FROM STDIN WHERE nope > 1", "42703");
	harness_exec_fail(c, "COPY t (a) FROM STDIN WHERE c > 1", "0A000");
	/* a catalog relation, bare too (pg_catalog is searched first): 0A000, not 42P01 */
	harness_exec_fail(c, "COPY pg_class TO STDOUT", "0A000");
	harness_exec_fail(c, "COPY pg_largeobject FROM STDIN", "0A000");
	harness_exec_fail(c, "COPY t (zz) FROM STDIN", "42703");
	harness_exec_fail(c, "COPY t (a, a) TO STDOUT", "42701");
	PQclear(harness_exec_ok(c, "CREATE VIEW v AS SELECT a FROM t"));
	/* a view without an INSTEAD OF INSERT trigger: refused after CopyInResponse, as in
	 * PostgreSQL (the data is ignored) */
	PGresult *r = copy_in(c, "COPY v FROM STDIN", "1\n", 2, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42809");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "cannot copy to view \"v\"");
	PQclear(r);
	harness_exec_fail(c, "COPY v TO STDOUT", "42809");
	PQclear(harness_exec_ok(c, "BEGIN READ ONLY"));
	harness_exec_fail(c, "COPY t FROM STDIN", "25006");
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	PQfinish(c);
}
END_TEST

/* COPY FROM ... FREEZE: refused after CopyInResponse, as PostgreSQL's CopyFrom refuses it, in
 * a COPY that is its own transaction (the table cannot have been created or truncated in it)
 * and on a partitioned table; loads the rows after TRUNCATE in a block or in the Query that
 * creates the table. */
/* COPY ... FREEZE inside a block, as PostgreSQL 15 answers each (the table created or
 * truncated in the current subtransaction, one released into it, not one rolled back). */
static void freeze_refused(PGconn *c, const char *sql)
{
	PGresult *r = copy_in(c, sql, "9\n", 2, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "55000");
	PQclear(r);
}

static void freeze_in_blocks(PGconn *c)
{
	PQclear(harness_exec_ok(c, "BEGIN"));
	freeze_refused(c, "COPY t (a) FROM STDIN (FREEZE)"); /* not truncated in it */
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "TRUNCATE t"));
	PQclear(harness_exec_ok(c, "SAVEPOINT a"));
	freeze_refused(c, "COPY t (a) FROM STDIN (FREEZE)"); /* truncated in the parent */
	PQclear(harness_exec_ok(c, "ROLLBACK TO a"));
	freeze_refused(c, "COPY t (a) FROM STDIN (FREEZE)"); /* a new subtransaction */
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "SAVEPOINT a"));
	PQclear(harness_exec_ok(c, "TRUNCATE t"));
	PQclear(harness_exec_ok(c, "RELEASE a"));
	copy_in_ok(c, "COPY t (a) FROM STDIN (FREEZE)", "5\n", 2, 0, "COPY 1");
	PQclear(harness_exec_ok(c, "SAVEPOINT b"));
	PQclear(harness_exec_ok(c, "TRUNCATE t"));
	PQclear(harness_exec_ok(c, "ROLLBACK TO b"));
	freeze_refused(c, "COPY t (a) FROM STDIN (FREEZE)"); /* its last TRUNCATE undone */
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "SAVEPOINT a"));
	PQclear(harness_exec_ok(c, "CREATE TABLE f3 (a int)"));
	PQclear(harness_exec_ok(c, "SAVEPOINT b"));
	freeze_refused(c, "COPY f3 FROM STDIN (FREEZE)"); /* created in the parent */
	PQclear(harness_exec_ok(c, "ROLLBACK TO b"));
	PQclear(harness_exec_ok(c, "RELEASE b"));
	copy_in_ok(c, "COPY f3 FROM STDIN (FREEZE)", "7\n", 2, 0, "COPY 1");
	PQclear(harness_exec_ok(c, "RELEASE a"));
	copy_in_ok(c, "COPY f3 FROM STDIN (FREEZE)", "8\n", 2, 0, "COPY 1");
	PQclear(harness_exec_ok(c, "COMMIT"));
	PGresult *r = harness_exec_ok(c, "SELECT string_agg(a::text, ',' ORDER BY a) FROM f3");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "7,8");
	PQclear(r);
	PQclear(harness_exec_ok(c, "BEGIN"));
	freeze_refused(c, "COPY f3 FROM STDIN (FREEZE)"); /* made by an earlier transaction */
	PQclear(harness_exec_ok(c, "ROLLBACK"));
}

START_TEST(copy_freeze)
{
	PGconn *c = connect_with_table();
	PGresult *r = copy_in(c, "COPY t (a) FROM STDIN (FREEZE)", "1\n", 2, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "55000");
	ck_assert_str_eq(
		PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
		"cannot perform COPY FREEZE because the table was not created or truncated "
		"in the current subtransaction");
	PQclear(r);
	PQclear(harness_exec_ok(c, "CREATE TABLE fp (a int) PARTITION BY RANGE (a)"));
	r = copy_in(c, "COPY fp FROM STDIN (FREEZE)", "1\n", 2, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "0A000");
	PQclear(r);
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_IDLE);
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "TRUNCATE t"));
	copy_in_ok(c, "COPY t (a) FROM STDIN (FREEZE)", "1\n2\n", 4, 0, "COPY 2");
	PQclear(harness_exec_ok(c, "COMMIT"));
	copy_in_ok(c, "CREATE TABLE f2 (a int); COPY f2 FROM STDIN (FREEZE)", "3\n", 2, 0,
		   "COPY 1");
	copy_in_ok(c, "COPY t (a) FROM STDIN (FREEZE false)", "4\n", 2, 0, "COPY 1");
	r = harness_exec_ok(c, "SELECT (SELECT string_agg(a::text, ',' ORDER BY a) FROM t), "
			       "(SELECT string_agg(a::text, ',') FROM f2)");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1,2,4");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "3");
	PQclear(r);
	freeze_in_blocks(c);
	PQfinish(c);
}
END_TEST

START_TEST(copy_in_transactions)
{
	PGconn *c = connect_with_table();
	PQclear(harness_exec_ok(c, "BEGIN"));
	copy_in_ok(c, "COPY t FROM STDIN", text_rows, strlen(text_rows), 0, "COPY 3");
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_INTRANS);
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	PGresult *r = harness_exec_ok(c, "SELECT count(*) FROM t");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
	PQclear(r);
	PQclear(harness_exec_ok(c, "BEGIN"));
	copy_in_ok(c, "COPY t FROM STDIN", text_rows, strlen(text_rows), 0, "COPY 3");
	PQclear(harness_exec_ok(c, "COMMIT"));
	/* An error inside a block fails the block, as PostgreSQL does. */
	PQclear(harness_exec_ok(c, "BEGIN"));
	static const char bad[] = "9\tx\tnope\tt\t\\N\t1\n";
	r = copy_in(c, "COPY t FROM STDIN", bad, strlen(bad), 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	PQclear(r);
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_INERROR);
	harness_exec_fail(c, "SELECT 1", "25P02");
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	r = harness_exec_ok(c, "SELECT count(*) FROM t");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "3");
	PQclear(r);
	PQfinish(c);
}
END_TEST

START_TEST(extended_protocol_and_multi_statement)
{
	PGconn *c = connect_with_table();
	PGresult *r = PQexecParams(c, "COPY t (a, b) FROM STDIN", 0, NULL, NULL, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COPY_IN);
	ck_assert_int_eq(PQnfields(r), 2);
	PQclear(r);
	ck_assert_int_eq(PQputCopyData(c, "1\tone\n2\ttwo\n", 12), 1);
	ck_assert_int_eq(PQputCopyEnd(c, NULL), 1);
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "COPY 2");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	r = PQprepare(c, "out", "COPY (SELECT b FROM t ORDER BY a) TO STDOUT", 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQexecPrepared(c, "out", 0, NULL, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COPY_OUT);
	PQclear(r);
	char *buf;
	ck_assert_int_eq(PQgetCopyData(c, &buf, 0), 4);
	ck_assert(memcmp(buf, "one\n", 4) == 0);
	PQfreemem(buf);
	ck_assert_int_eq(PQgetCopyData(c, &buf, 0), 4);
	PQfreemem(buf);
	ck_assert_int_eq(PQgetCopyData(c, &buf, 0), -1);
	r = PQgetResult(c);
	ck_assert_str_eq(PQcmdStatus(r), "COPY 2");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	/* A COPY in the middle of a Query: the statements after it run once it ends. */
	ck_assert_int_eq(PQsendQuery(c, "DELETE FROM t; COPY t (a) FROM STDIN; SELECT count(*) "
					"FROM t"),
			 1);
	r = PQgetResult(c);
	ck_assert_str_eq(PQcmdStatus(r), "DELETE 2");
	PQclear(r);
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COPY_IN);
	PQclear(r);
	ck_assert_int_eq(PQputCopyData(c, "7\n8\n9\n", 6), 1);
	ck_assert_int_eq(PQputCopyEnd(c, NULL), 1);
	r = PQgetResult(c);
	ck_assert_str_eq(PQcmdStatus(r), "COPY 3");
	PQclear(r);
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "3");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	PQfinish(c);
}
END_TEST

/* Output larger than max_result_bytes goes through only when it streams: the server sends
 * what it has and resumes once the client has read it, in both protocols. */
/* COPY FROM fires the table's FOR EACH STATEMENT INSERT triggers around its rows, and its rows'
 * AFTER ROW triggers once the last row is in (each sees every row), then the AFTER STATEMENT
 * ones with the rows as their transition table; an error in one keeps nothing. */
START_TEST(copy_in_fires_triggers)
{
	PGconn *c = connect_with_table();
	harness_exec(c, "CREATE TABLE tlog (n serial PRIMARY KEY, msg text)");
	harness_exec(c,
		     "CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
		     "INSERT INTO tlog (msg) VALUES (TG_NAME || ' ' || TG_WHEN || ' ' || "
		     "TG_LEVEL || ' ' || coalesce(NEW.a::text, '-') || ' sees ' || (SELECT "
		     "count(*) FROM t)); IF NEW.b = 'bad' THEN RAISE EXCEPTION 'bad row'; END IF; "
		     "RETURN NEW; END $$");
	harness_exec(c, "CREATE FUNCTION tn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
			"INSERT INTO tlog (msg) SELECT TG_NAME || ' ' || count(*) || ' ' || "
			"string_agg(b, ',' ORDER BY a) FROM nt; RETURN NULL; END $$");
	harness_exec(c, "CREATE TRIGGER s1 BEFORE INSERT ON t FOR EACH STATEMENT EXECUTE "
			"FUNCTION tf()");
	harness_exec(c, "CREATE TRIGGER s2 AFTER INSERT ON t FOR EACH STATEMENT EXECUTE "
			"FUNCTION tf()");
	harness_exec(c, "CREATE TRIGGER r1 AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf()");
	harness_exec(c, "CREATE TRIGGER s3 AFTER INSERT ON t REFERENCING NEW TABLE AS nt FOR EACH "
			"STATEMENT EXECUTE FUNCTION tn()");
	static const char rows[] = "1\tx\t1\tt\t\\\\x00\t1\n2\ty\t2\tf\t\\N\t2\n";
	copy_in_ok(c, "COPY t FROM STDIN", rows, strlen(rows), 0, "COPY 2");
	PGresult *r = harness_exec_ok(c, "SELECT string_agg(msg, '; ' ORDER BY n) FROM tlog");
	ck_assert_str_eq(PQgetvalue(r, 0, 0),
			 "s1 BEFORE STATEMENT - sees 0; r1 AFTER ROW 1 sees 2; r1 AFTER ROW 2 sees "
			 "2; s2 AFTER STATEMENT - sees 2; s3 2 x,y");
	PQclear(r);
	static const char bad[] = "3\tok\t3\tt\t\\N\t3\n4\tbad\t4\tt\t\\N\t4\n";
	r = copy_in(c, "COPY t FROM STDIN", bad, strlen(bad), 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), "bad row");
	PQclear(r);
	harness_expect_value(c, "SELECT count(*) FROM t", "2");
	harness_expect_value(c, "SELECT count(*) FROM tlog", "5");
	PQfinish(c);
}
END_TEST

START_TEST(large_copy_out_streams)
{
	harness_stop(&H);
	static const char *const args[] = {"max_result_bytes=400kB", NULL};
	harness_start(&H, args);
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE big (id int4, v text)"));
	PQclear(harness_exec_ok(c, "INSERT INTO big SELECT g, 'row ' || g FROM "
				   "generate_series(1, 60000) g"));
	for (int extended = 0; extended <= 1; extended++) {
		size_t n;
		char *got = copy_out_via(c, "COPY big TO STDOUT", extended, &n, "COPY 60000");
		ck_assert_uint_gt(n, 800 * 1024);
		long want = 1;
		for (char *line = got; *line; want++) {
			char *nl = strchr(line, '\n');
			ck_assert_ptr_nonnull(nl);
			char expect[64];
			int len = snprintf(expect, sizeof(expect), "%ld\trow %ld", want, want);
			ck_assert_msg(nl - line == len && memcmp(line, expect, (size_t)len) == 0,
				      "row %ld: %.*s", want, (int)(nl - line), line);
			line = nl + 1;
		}
		ck_assert_int_eq(want, 60001);
		free(got);
	}
	PGresult *r = harness_exec_ok(c, "SELECT count(*) FROM big");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "60000");
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* ---- raw protocol: a message other than CopyData/CopyDone/CopyFail during COPY IN ---- */

/* Sends what b holds (then empties it) and reads up to ReadyForQuery: the message types and
 * the SQLSTATE of an error among them ("" when none). */
static void exchange(int fd, struct raw_buf *b, char *types, size_t cap, char state[6])
{
	struct raw_buf r;
	raw_send(fd, b);
	b->n = 0;
	raw_recv_until_ready(fd, &r);
	raw_types(&r, 0, types, cap);
	const char *c = raw_error_field(&r, 'C');
	snprintf(state, 6, "%s", c ? c : "");
}

START_TEST(stray_message_during_copy_in)
{
	PGconn *c = connect_with_table();
	PQfinish(c);
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0};
	char types[64], state[6];
	raw_startup_msg(&b, 3u << 16, "tester", "acme");
	exchange(fd, &b, types, sizeof(types), state);
	raw_msg(&b, 'Q', "COPY t (a) FROM STDIN", 22);
	raw_msg(&b, 'd', "5\n", 2);
	raw_msg(&b, 'H', NULL, 0); /* Flush and Sync are ignored during COPY IN */
	raw_msg(&b, 'S', NULL, 0);
	raw_msg(&b, 'Q', "SELECT 1", 9);
	exchange(fd, &b, types, sizeof(types), state);
	ck_assert_str_eq(types, "GEZ");
	ck_assert_str_eq(state, "08P01");
	/* Stray copy messages after the COPY are ignored; the session works on. */
	raw_msg(&b, 'd', "6\n", 2);
	raw_msg(&b, 'c', NULL, 0);
	raw_msg(&b, 'Q', "SELECT count(*) FROM t", 23);
	exchange(fd, &b, types, sizeof(types), state);
	ck_assert_str_eq(types, "TDCZ");
	close(fd);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("copy");
	TCase *tc = tcase_create("copy");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, text_in_any_chunking);
	tcase_add_test(tc, csv_in_and_out);
	tcase_add_test(tc, csv_force_options);
	tcase_add_test(tc, binary_round_trip);
	tcase_add_test(tc, datetime_columns);
	tcase_add_test(tc, bc_datetime_columns);
	tcase_add_test(tc, bad_data_keeps_nothing);
	tcase_add_test(tc, errors_inside_batches);
	tcase_add_test(tc, length_limits);
	tcase_add_test(tc, bit_strings);
	tcase_add_test(tc, refused_and_bad_options);
	tcase_add_test(tc, copy_in_transactions);
	tcase_add_test(tc, extended_protocol_and_multi_statement);
	tcase_add_test(tc, stray_message_during_copy_in);
	tcase_add_test(tc, large_copy_out_streams);
	tcase_add_test(tc, copy_in_fires_triggers);
	tcase_add_test(tc, exclusion_constraint);
	tcase_add_test(tc, failing_row_detail);
	tcase_add_test(tc, copy_freeze);
	suite_add_tcase(s, tc);
	return s;
}

int main(void) { return check_run(suite()); }
