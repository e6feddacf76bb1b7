/* SPDX-License-Identifier: Apache-2.0 */
/* test_largeobj_pg.c: the large-object calls of test_largeobj.c, and more, made the same way
 * through libpq on shardlite and on a real PostgreSQL 15 started by the test (harness_pg.c),
 * each call's result — return value, bytes read, the error's first line, a query's SQLSTATE
 * and values — written to a transcript; the two transcripts must be equal. Object OIDs are
 * chosen by the test (lo_create, lo_from_bytea) where they show; an OID the server picks is
 * written as "new oid". Skipped (77) when PostgreSQL 15 is not installed. */
#include <check.h>
#include <libpq/libpq-fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* A call's integer result, and when it failed (-1) the first line of libpq's error. */
static void note_rc(struct harness_transcript *t, PGconn *c, const char *what, long rc)
{
	if (rc >= 0) {
		harness_note(t, "%s = %ld", what, rc);
		return;
	}
	const char *msg = PQerrorMessage(c);
	size_t len = strcspn(msg, "\n");
	harness_note(t, "%s = %ld: %.*s", what, rc, (int)len, msg);
}

static void note_oid(struct harness_transcript *t, const char *what, Oid o, Oid want)
{
	if (o == InvalidOid)
		harness_note(t, "%s = invalid oid", what);
	else if (want != InvalidOid)
		harness_note(t, "%s = %s", what, o == want ? "the oid asked for" : "another oid");
	else
		harness_note(t, "%s = new oid", what);
}

/* A statement's status, SQLSTATE and message when it failed, else its rows. */
static void note_sql(struct harness_transcript *t, PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	if (state) {
		harness_note(t, "%s -> %s %s", sql, state,
			     PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY));
	} else {
		harness_note(t, "%s -> %s", sql, PQresStatus(PQresultStatus(r)));
		for (int i = 0; i < PQntuples(r); i++)
			for (int j = 0; j < PQnfields(r); j++)
				harness_note(t, "  [%d,%d] %s", i, j,
					     PQgetisnull(r, i, j) ? "NULL" : PQgetvalue(r, i, j));
	}
	PQclear(r);
}

static void descriptors(PGconn *c, struct harness_transcript *t)
{
	note_sql(t, c, "BEGIN");
	note_oid(t, "lo_create(424201)", lo_create(c, 424201), 424201);
	int fd = lo_open(c, 424201, INV_READ | INV_WRITE);
	note_rc(t, c, "lo_open rw", fd);
	note_rc(t, c, "lo_write", lo_write(c, fd, "hello world", 11));
	note_rc(t, c, "lo_lseek 6 set", lo_lseek(c, fd, 6, SEEK_SET));
	char buf[64] = {0};
	int got = lo_read(c, fd, buf, 10);
	note_rc(t, c, "lo_read 10", got);
	harness_note(t, "  read '%.*s'", got > 0 ? got : 0, buf);
	note_rc(t, c, "lo_tell", lo_tell(c, fd));
	note_rc(t, c, "lo_tell64", (long)lo_tell64(c, fd));
	note_rc(t, c, "lo_lseek64 -3 end", (long)lo_lseek64(c, fd, -3, SEEK_END));
	note_rc(t, c, "lo_lseek 2 cur", lo_lseek(c, fd, 2, SEEK_CUR));
	note_rc(t, c, "lo_read past the end", lo_read(c, fd, buf, 10));
	note_rc(t, c, "lo_lseek 20 set", lo_lseek(c, fd, 20, SEEK_SET));
	note_rc(t, c, "lo_write past the end", lo_write(c, fd, "!", 1));
	note_rc(t, c, "lo_truncate 5", lo_truncate(c, fd, 5));
	note_rc(t, c, "lo_truncate64 4", lo_truncate64(c, fd, 4));
	note_rc(t, c, "lo_close", lo_close(c, fd));
	note_rc(t, c, "lo_close again", lo_close(c, fd));
	note_sql(t, c, "ROLLBACK");
	note_sql(t, c, "BEGIN");
	note_oid(t, "lo_create(424201)", lo_create(c, 424201), 424201);
	fd = lo_open(c, 424201, INV_WRITE);
	note_rc(t, c, "lo_write", lo_write(c, fd, "hello world", 11));
	note_rc(t, c, "lo_truncate 4", lo_truncate(c, fd, 4));
	note_sql(t, c, "COMMIT");
	note_sql(t, c, "SELECT encode(lo_get(424201), 'escape')");
	/* outside a transaction block each call is its own: the descriptor is gone */
	fd = lo_open(c, 424201, INV_READ);
	note_rc(t, c, "lo_open outside a block", fd);
	note_rc(t, c, "lo_read on it", lo_read(c, fd, buf, 3));
	note_sql(t, c, "BEGIN");
	fd = lo_open(c, 424201, INV_READ);
	note_rc(t, c, "lo_write on a read descriptor", lo_write(c, fd, "x", 1));
	note_sql(t, c, "ROLLBACK");
	note_sql(t, c, "BEGIN");
	fd = lo_open(c, 424201, INV_READ);
	note_rc(t, c, "lo_truncate on a read descriptor", lo_truncate(c, fd, 1));
	note_sql(t, c, "ROLLBACK");
	note_sql(t, c, "BEGIN");
	fd = lo_open(c, 424201, INV_READ);
	note_rc(t, c, "lo_lseek -1 set", lo_lseek(c, fd, -1, SEEK_SET));
	note_sql(t, c, "ROLLBACK");
	note_rc(t, c, "lo_open of a missing object", lo_open(c, 4242424, INV_READ));
	note_oid(t, "lo_create(424201) again", lo_create(c, 424201), 424201);
	note_rc(t, c, "lo_unlink", lo_unlink(c, 424201));
	note_rc(t, c, "lo_unlink again", lo_unlink(c, 424201));
}

static void server_functions(PGconn *c, struct harness_transcript *t)
{
	note_sql(t, c, "SELECT lo_from_bytea(424202, '\\x0102030405')");
	note_sql(t, c, "SELECT lo_from_bytea(424202, '\\x00')");
	note_sql(t, c, "SELECT lo_put(424202, 3, '\\xffee')");
	note_sql(t, c, "SELECT lo_put(424202, 8, '\\x09')");
	note_sql(t, c, "SELECT lo_get(424202)");
	note_sql(t, c, "SELECT lo_get(424202, 1, 3)");
	note_sql(t, c, "SELECT lo_get(424202, 100, 3)");
	note_sql(t, c, "SELECT lo_get(424202, -1, 3)");
	note_sql(t, c, "SELECT lo_get(424202, 0, -1)");
	note_sql(t, c, "SELECT lo_put(424202, -1, '\\x01')");
	note_sql(t, c, "SELECT lo_get(4242424)");
	note_sql(t, c, "SELECT lo_create(424203)");
	note_sql(t, c, "SELECT lo_create(424203)");
	note_sql(t, c, "SELECT length(lo_get(424203))");
	note_sql(t, c,
		 "SELECT count(*) FROM pg_largeobject_metadata WHERE oid IN (424202, 424203)");
	note_sql(t, c,
		 "SELECT pageno, length(data) FROM pg_largeobject WHERE loid = 424202 "
		 "ORDER BY pageno");
	note_sql(t, c, "SELECT lo_unlink(424202)");
	note_sql(t, c, "SELECT lo_unlink(424202)");
	note_sql(t, c, "SELECT lo_unlink(424203)");
}

static void import_export_and_rollback(PGconn *c, struct harness_transcript *t)
{
	char in[] = "/tmp/shardlite-lo-in-XXXXXX", out[64];
	int f = mkstemp(in);
	ck_assert_int_ge(f, 0);
	char data[5000];
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (char)(i * 7);
	ck_assert_int_eq(write(f, data, sizeof(data)), (int)sizeof(data));
	close(f);
	snprintf(out, sizeof(out), "%s.out", in);
	note_sql(t, c, "BEGIN");
	note_oid(t, "lo_import_with_oid(424204)", lo_import_with_oid(c, in, 424204), 424204);
	note_rc(t, c, "lo_export", lo_export(c, 424204, out));
	note_sql(t, c, "COMMIT");
	FILE *fp = fopen(out, "rb");
	ck_assert_ptr_nonnull(fp);
	char back[6000];
	size_t n = fread(back, 1, sizeof(back), fp);
	fclose(fp);
	harness_note(t, "exported %zu bytes, %s", n,
		     n == sizeof(data) && memcmp(back, data, n) == 0 ? "the same" : "different");
	note_sql(t, c,
		 "SELECT count(*), sum(length(data)) FROM pg_largeobject WHERE loid = 424204");
	/* a rolled-back unlink leaves the object */
	note_sql(t, c, "BEGIN");
	note_rc(t, c, "lo_unlink", lo_unlink(c, 424204));
	note_sql(t, c, "ROLLBACK");
	note_sql(t, c, "SELECT length(lo_get(424204))");
	/* a rolled-back import leaves none; an import the server numbers */
	note_sql(t, c, "BEGIN");
	note_oid(t, "lo_import", lo_import(c, in), InvalidOid);
	note_sql(t, c, "ROLLBACK");
	note_oid(t, "lo_import of a missing file", lo_import(c, "/nonexistent/shardlite-lo"),
		 InvalidOid);
	note_rc(t, c, "lo_export of a missing object", lo_export(c, 4242424, out));
	note_rc(t, c, "lo_unlink", lo_unlink(c, 424204));
	unlink(in);
	unlink(out);
}

/* Runs script on both servers and compares what the client saw. */
static void compare(void (*script)(PGconn *, struct harness_transcript *))
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
	ck_assert_msg(strcmp(sl.text, pg.text) == 0, "shardlite:\n%s\nPostgreSQL 15:\n%s", sl.text,
		      pg.text);
	ck_assert_uint_gt(sl.n, 0);
}

START_TEST(descriptors_as_postgresql) { compare(descriptors); }
END_TEST

START_TEST(server_functions_as_postgresql) { compare(server_functions); }
END_TEST

START_TEST(import_export_as_postgresql) { compare(import_export_and_rollback); }
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("largeobj_pg");
	TCase *tc = tcase_create("largeobj_pg");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, descriptors_as_postgresql);
	tcase_add_test(tc, server_functions_as_postgresql);
	tcase_add_test(tc, import_export_as_postgresql);
	suite_add_tcase(s, tc);
	return s;
}

int main(void) { return harness_pg_main("largeobj_pg", suite); }
