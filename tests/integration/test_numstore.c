/* SPDX-License-Identifier: Apache-2.0 */
/* test_numstore.c: a numeric value a tenant file cannot keep exactly (it keeps an SQLite number:
 * a 64-bit integer or a double) is refused with 0A000 rather than stored rounded — bound as a
 * parameter in text and in binary (numeric_send's form, as pgx and asyncpg send a Decimal),
 * into numeric and numeric(p,s) columns, and through COPY in text, CSV and binary; the values
 * it keeps read back as written. */
#include <arpa/inet.h>
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../check_run.h"
#include "harness.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

#define REFUSED "0A000"

/* numeric_send's form: ndigits, weight, sign, dscale, then base-10000 digits. */
static int numeric_bin(char *out, int weight, uint16_t sign, int dscale, const uint16_t *dig, int n)
{
	uint16_t h[4] = {htons((uint16_t)n), htons((uint16_t)weight), htons(sign),
			 htons((uint16_t)dscale)};
	memcpy(out, h, sizeof(h));
	for (int i = 0; i < n; i++) {
		uint16_t d = htons(dig[i]);
		memcpy(out + 8 + 2 * i, &d, 2);
	}
	return 8 + 2 * n;
}

/* INSERT INTO n (id, x) VALUES ($1, $2) with x in format fmt; sqlstate NULL: it succeeds. */
static void insert(PGconn *c, const char *table, const char *id, const char *x, int xlen, int fmt,
		   const char *sqlstate)
{
	char sql[128];
	snprintf(sql, sizeof(sql), "INSERT INTO %s (id, x) VALUES ($1, $2)", table);
	const char *vals[] = {id, x};
	int lens[] = {0, xlen};
	int fmts[] = {0, fmt};
	PGresult *r = PQexecParams(c, sql, 2, NULL, vals, lens, fmts, 0);
	if (sqlstate) {
		const char *got = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		ck_assert_msg(got && strcmp(got, sqlstate) == 0, "%s %s: want %s, got %s", table,
			      id, sqlstate, got ? got : "success");
	} else {
		ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s %s: %s", table, id,
			      PQresultErrorMessage(r));
	}
	PQclear(r);
}

START_TEST(parameters_text_and_binary)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE n (id int, x numeric)"));
	PQclear(harness_exec_ok(c, "CREATE TABLE m (id int, x numeric(30,2))"));
	/* text */
	insert(c, "n", "1", "12345678901234567890.5", 0, 0, REFUSED);
	insert(c, "n", "2", "9223372036854775808", 0, 0, REFUSED);
	insert(c, "n", "3", "9223372036854775807", 0, 0, NULL);
	insert(c, "n", "4", "0.1", 0, 0, NULL);
	insert(c, "m", "5", "12345678901234567.891", 0, 0, REFUSED);
	insert(c, "m", "6", "1.005", 0, 0, NULL); /* rounded to 1.01 first, which is kept */
	insert(c, "n", "7", "NaN", 0, 0, NULL);
	/* binary: 12345678901234567890.5 and 1.50 */
	char buf[64];
	static const uint16_t big[] = {1234, 5678, 9012, 3456, 7890, 5000};
	static const uint16_t small[] = {1, 5000};
	int len = numeric_bin(buf, 4, 0x0000, 1, big, 6);
	insert(c, "n", "8", buf, len, 1, REFUSED);
	insert(c, "m", "9", buf, len, 1, REFUSED);
	len = numeric_bin(buf, 0, 0x0000, 2, small, 2);
	insert(c, "n", "10", buf, len, 1, NULL);
	insert(c, "m", "11", buf, len, 1, NULL);
	/* UPDATE and ON CONFLICT DO UPDATE bind the same way */
	const char *vals[] = {"12345678901234567890.5"};
	PGresult *r =
		PQexecParams(c, "UPDATE n SET x = $1 WHERE id = 4", 1, NULL, vals, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), REFUSED);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "numeric value 12345678901234567890.5 cannot be stored exactly in column "
			 "\"x\"");
	PQclear(r);
	harness_expect_value(c, "SELECT string_agg(id || '=' || x::text, ' ' ORDER BY id) FROM n",
			     "3=9223372036854775807 4=0.1 7=NaN 10=1.5");
	harness_expect_value(c, "SELECT string_agg(id || '=' || x::text, ' ' ORDER BY id) FROM m",
			     "6=1.01 11=1.50");
	PQfinish(c);
}
END_TEST

static PGresult *copy_in(PGconn *c, const char *sql, const char *data, size_t len)
{
	PGresult *r = PQexec(c, sql);
	ck_assert_msg(PQresultStatus(r) == PGRES_COPY_IN, "%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	ck_assert_int_eq(PQputCopyData(c, data, (int)len), 1);
	ck_assert_int_eq(PQputCopyEnd(c, NULL), 1);
	r = PQgetResult(c);
	PGresult *extra = PQgetResult(c);
	ck_assert_ptr_null(extra);
	return r;
}

static void copy_expect(PGconn *c, const char *sql, const char *data, size_t len,
			const char *sqlstate)
{
	PGresult *r = copy_in(c, sql, data, len);
	if (sqlstate) {
		const char *got = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		ck_assert_msg(got && strcmp(got, sqlstate) == 0, "%s: want %s, got %s", sql,
			      sqlstate, got ? got : "success");
	} else {
		ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s: %s", sql,
			      PQerrorMessage(c));
	}
	PQclear(r);
}

/* One binary COPY row (id int4, x numeric) with x's numeric_send bytes. */
static size_t binary_copy(char *out, int32_t id, const char *x, int xlen)
{
	static const char sig[] = "PGCOPY\n\377\r\n";
	size_t n = 0;
	memcpy(out, sig, 11);
	n = 11;
	memset(out + n, 0, 8); /* flags, header extension length */
	n += 8;
	uint16_t nf = htons(2);
	memcpy(out + n, &nf, 2);
	n += 2;
	uint32_t l = htonl(4), v = htonl((uint32_t)id);
	memcpy(out + n, &l, 4);
	memcpy(out + n + 4, &v, 4);
	n += 8;
	l = htonl((uint32_t)xlen);
	memcpy(out + n, &l, 4);
	memcpy(out + n + 4, x, (size_t)xlen);
	n += 4 + (size_t)xlen;
	uint16_t end = 0xffff;
	memcpy(out + n, &end, 2);
	return n + 2;
}

START_TEST(copy_text_csv_binary)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE n (id int, x numeric)"));
	PQclear(harness_exec_ok(c, "CREATE TABLE m (id int, x numeric(30,2))"));
	static const char bad_text[] = "1\t0.25\n2\t12345678901234567890.5\n";
	copy_expect(c, "COPY n FROM STDIN", bad_text, sizeof(bad_text) - 1, REFUSED);
	static const char bad_csv[] = "3,9223372036854775808\n";
	copy_expect(c, "COPY n FROM STDIN (FORMAT csv)", bad_csv, sizeof(bad_csv) - 1, REFUSED);
	static const char bad_m[] = "4\t12345678901234567.891\n";
	copy_expect(c, "COPY m FROM STDIN", bad_m, sizeof(bad_m) - 1, REFUSED);
	char num[64], data[128];
	static const uint16_t big[] = {1234, 5678, 9012, 3456, 7890, 5000};
	size_t len = binary_copy(data, 5, num, numeric_bin(num, 4, 0x0000, 1, big, 6));
	copy_expect(c, "COPY n FROM STDIN (FORMAT binary)", data, len, REFUSED);
	harness_expect_value(c, "SELECT count(*) FROM n", "0");
	static const char good_text[] = "6\t0.25\n7\t9223372036854775807\n";
	copy_expect(c, "COPY n FROM STDIN", good_text, sizeof(good_text) - 1, NULL);
	static const char good_csv[] = "8,123456789012345\n";
	copy_expect(c, "COPY n FROM STDIN (FORMAT csv)", good_csv, sizeof(good_csv) - 1, NULL);
	static const char good_m[] = "9\t1.005\n";
	copy_expect(c, "COPY m FROM STDIN", good_m, sizeof(good_m) - 1, NULL);
	static const uint16_t small[] = {1, 5000};
	len = binary_copy(data, 10, num, numeric_bin(num, 0, 0x4000, 2, small, 2));
	copy_expect(c, "COPY n FROM STDIN (FORMAT binary)", data, len, NULL);
	harness_expect_value(c, "SELECT string_agg(id || '=' || x::text, ' ' ORDER BY id) FROM n",
			     "6=0.25 7=9223372036854775807 8=123456789012345 10=-1.5");
	harness_expect_value(c, "SELECT string_agg(id || '=' || x::text, ' ' ORDER BY id) FROM m",
			     "9=1.01");
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("numstore");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, parameters_text_and_binary);
	tcase_add_test(tc, copy_text_csv_binary);
	suite_add_tcase(s, tc);
	return s;
}

int main(void) { return check_run(suite()); }
