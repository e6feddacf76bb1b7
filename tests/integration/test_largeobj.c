/* SPDX-License-Identifier: Apache-2.0 */
/* test_largeobj.c: large objects through libpq's lo_* API, which calls the server's functions
 * with the FunctionCall message: create, write, seek, read, tell, truncate, close, unlink,
 * the client-side lo_import/lo_export, descriptors that end with the transaction, rollback,
 * and the errors; the expected values are PostgreSQL 15's for the same calls, written here by
 * hand — test_largeobj_pg.c makes these calls (and more) on a real PostgreSQL 15 too and
 * compares, where it is installed. */
#include <check.h>
#include <libpq/libpq-fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

START_TEST(descriptors_through_fastpath)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "BEGIN");
	Oid o = lo_creat(c, INV_READ | INV_WRITE);
	ck_assert_uint_ne(o, 0);
	int fd = lo_open(c, o, INV_READ | INV_WRITE);
	ck_assert_int_eq(fd, 0);
	ck_assert_int_eq(lo_write(c, fd, "hello world", 11), 11);
	ck_assert_int_eq(lo_lseek(c, fd, 6, SEEK_SET), 6);
	char buf[32] = {0};
	ck_assert_int_eq(lo_read(c, fd, buf, 10), 5);
	ck_assert_str_eq(buf, "world");
	ck_assert_int_eq(lo_tell(c, fd), 11);
	ck_assert_int_eq(lo_tell64(c, fd), 11);
	ck_assert_int_eq(lo_lseek64(c, fd, -3, SEEK_END), 8);
	ck_assert_int_eq(lo_truncate(c, fd, 5), 0);
	ck_assert_int_eq(lo_truncate64(c, fd, 4), 0);
	ck_assert_int_eq(lo_close(c, fd), 0);
	harness_exec(c, "COMMIT");
	char sql[96];
	snprintf(sql, sizeof(sql), "SELECT encode(lo_get(%u), 'escape')", o);
	PGresult *r = harness_exec_ok(c, sql);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "hell");
	PQclear(r);
	/* outside a transaction block each call is its own: the descriptor is gone */
	fd = lo_open(c, o, INV_READ);
	ck_assert_int_eq(fd, 0);
	ck_assert_int_eq(lo_read(c, fd, buf, 3), -1);
	ck_assert_ptr_nonnull(strstr(PQerrorMessage(c), "invalid large-object descriptor: 0"));
	/* a write on a read descriptor, an object that does not exist */
	harness_exec(c, "BEGIN");
	fd = lo_open(c, o, INV_READ);
	ck_assert_int_eq(lo_write(c, fd, "x", 1), -1);
	ck_assert_ptr_nonnull(strstr(PQerrorMessage(c), "was not opened for writing"));
	harness_exec(c, "ROLLBACK");
	ck_assert_int_eq(lo_open(c, 4242424, INV_READ), -1);
	ck_assert_ptr_nonnull(strstr(PQerrorMessage(c), "large object 4242424 does not exist"));
	ck_assert_int_eq(lo_unlink(c, o), 1);
	ck_assert_int_eq(lo_unlink(c, o), -1);
	PQfinish(c);
}
END_TEST

START_TEST(import_export_and_rollback)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	char in[] = "/tmp/shardlite-lo-in-XXXXXX", out[64];
	int f = mkstemp(in);
	ck_assert_int_ge(f, 0);
	char data[5000];
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (char)(i * 7);
	ck_assert_int_eq(write(f, data, sizeof(data)), (int)sizeof(data));
	close(f);
	snprintf(out, sizeof(out), "%s.out", in);
	harness_exec(c, "BEGIN");
	Oid o = lo_import(c, in);
	ck_assert_uint_ne(o, 0);
	ck_assert_int_eq(lo_export(c, o, out), 1);
	harness_exec(c, "COMMIT");
	FILE *fp = fopen(out, "rb");
	ck_assert_ptr_nonnull(fp);
	char back[6000];
	ck_assert_uint_eq(fread(back, 1, sizeof(back), fp), sizeof(data));
	fclose(fp);
	ck_assert_int_eq(memcmp(back, data, sizeof(data)), 0);
	char sql[128];
	snprintf(sql, sizeof(sql),
		 "SELECT count(*), sum(length(data)) FROM pg_largeobject WHERE loid = %u", o);
	PGresult *r = harness_exec_ok(c, sql);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "3"); /* 2 KiB pages */
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "5000");
	PQclear(r);
	/* a rolled-back unlink leaves the object */
	harness_exec(c, "BEGIN");
	ck_assert_int_eq(lo_unlink(c, o), 1);
	harness_exec(c, "ROLLBACK");
	snprintf(sql, sizeof(sql), "SELECT length(lo_get(%u))", o);
	r = harness_exec_ok(c, sql);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "5000");
	PQclear(r);
	ck_assert_int_eq(lo_unlink(c, o), 1);
	unlink(in);
	unlink(out);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("largeobj");
	TCase *tc = tcase_create("largeobj");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, descriptors_through_fastpath);
	tcase_add_test(tc, import_export_and_rollback);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
