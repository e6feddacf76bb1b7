/* SPDX-License-Identifier: Apache-2.0 */
/* test_raw.c: hand-built protocol bytes over a raw socket — SSL/GSS requests, protocol
 * negotiation, row-limited portals, and malformed input (lying lengths, oversize messages,
 * unknown types, startup that never completes). After each, the server still serves. */
#include <arpa/inet.h>
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;
static const char *const raw_args[] = {"max_message_size=4kB", "startup_timeout=1s", NULL};

static void setup(void) { harness_start(&H, raw_args); }
static void teardown(void) { harness_stop(&H); }

static void assert_server_alive(void)
{
	PGconn *c = harness_connect(&H, "dbname=alive");
	PGresult *r = harness_exec_ok(c, "SELECT 1");
	PQclear(r);
	PQfinish(c);
}

/* Connects and completes startup on a raw socket. */
static int raw_session(const char *db)
{
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0};
	raw_startup_msg(&b, 3u << 16, "raw", db);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &b);
	char t[64];
	raw_types(&b, 0, t, sizeof(t));
	ck_assert_msg(strchr(t, 'R') && strchr(t, 'K') && t[strlen(t) - 1] == 'Z', "got %s", t);
	return fd;
}

START_TEST(ssl_and_gss_requests_answered_n)
{
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0};
	raw_u32(&b, 8);
	raw_u32(&b, 80877104); /* GSSENCRequest */
	raw_send(fd, &b);
	struct raw_buf r;
	raw_recv_all(fd, &r, 100);
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.d[0], 'N');
	b.n = 0;
	raw_u32(&b, 8);
	raw_u32(&b, 80877103); /* SSLRequest */
	raw_send(fd, &b);
	raw_recv_all(fd, &r, 100);
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.d[0], 'N');
	b.n = 0;
	raw_startup_msg(&b, 3u << 16, "raw", "acme");
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	char t[64];
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_int_eq(t[0], 'R');
	ck_assert_int_eq(t[strlen(t) - 1], 'Z');
	close(fd);
}
END_TEST

START_TEST(protocol_versions)
{
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0}, r;
	raw_startup_msg(&b, (3u << 16) | 2, "raw", "acme"); /* 3.2: negotiate down to 3.0 */
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	char t[64];
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_int_eq(t[0], 'v');
	ck_assert_int_eq(t[1], 'R');
	uint32_t minor;
	memcpy(&minor, r.d + 5, 4);
	ck_assert_int_eq(ntohl(minor), 0);
	close(fd);

	fd = harness_raw_connect(&H);
	b.n = 0;
	raw_startup_msg(&b, 2u << 16, "raw", "acme");
	raw_send(fd, &b);
	raw_recv_all(fd, &r, 2000);
	ck_assert_str_eq(raw_error_field(&r, 'V'), "FATAL");
	ck_assert_str_eq(raw_error_field(&r, 'C'), "0A000");
	ck_assert_ptr_nonnull(strstr(raw_error_field(&r, 'M'), "unsupported frontend protocol 2.0"));
	close(fd);
	assert_server_alive();
}
END_TEST

START_TEST(row_limited_portal)
{
	int fd = raw_session("acme");
	struct raw_buf b = {.n = 0}, r;
	raw_query(&b, "CREATE TABLE lim (v int); INSERT INTO lim VALUES (1),(2),(3),(4),(5)");
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	b.n = 0;
	raw_parse(&b, "", "SELECT v FROM lim ORDER BY v");
	raw_bind(&b, "", "");
	for (int i = 0; i < 3; i++)
		raw_execute(&b, "", 2);
	raw_sync(&b);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	char t[64];
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_str_eq(t, "12DDsDDsDCZ");
	ck_assert_ptr_nonnull(memmem(r.d, r.n, "SELECT 1", 9));
	close(fd);
}
END_TEST

START_TEST(error_discards_until_sync)
{
	int fd = raw_session("acme");
	struct raw_buf b = {.n = 0}, r;
	raw_parse(&b, "", "SELECT * FROM no_such_table");
	raw_bind(&b, "", "");
	raw_execute(&b, "", 0);
	raw_sync(&b);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	char t[64];
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_str_eq(t, "EZ");
	ck_assert_str_eq(raw_error_field(&r, 'C'), "42P01");
	close(fd);
}
END_TEST

static void function_call(struct raw_buf *b, uint32_t fn, uint32_t arg)
{
	size_t m = raw_begin(b, 'F');
	raw_u32(b, fn);
	raw_u16(b, 1); /* one argument format: binary */
	raw_u16(b, 1);
	raw_u16(b, 1); /* one argument */
	raw_u32(b, 4);
	raw_u32(b, arg);
	raw_u16(b, 1); /* result format */
	raw_end(b, m);
}

/* pgJDBC's large objects call lo_creat through the fastpath FunctionCall message: answered
 * FunctionCallResponse (a binary oid) and ReadyForQuery; a function other than the
 * large-object ones is 0A000 and ReadyForQuery, the session still usable. */
START_TEST(function_call_answers_then_ready)
{
	int fd = raw_session("acme");
	struct raw_buf b = {.n = 0}, r;
	function_call(&b, 957, 0x60000); /* lo_creat(INV_READ | INV_WRITE) */
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	char t[64];
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_str_eq(t, "VZ");
	ck_assert_uint_eq(r.d[r.n - 1], 'I');
	b.n = 0;
	function_call(&b, 1317, 0); /* length(text): not a large-object function */
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_str_eq(t, "EZ");
	ck_assert_str_eq(raw_error_field(&r, 'C'), "0A000");
	b.n = 0;
	function_call(&b, 953, 7); /* lo_close(7): no such descriptor */
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_str_eq(t, "EZ");
	ck_assert_str_eq(raw_error_field(&r, 'C'), "42704");
	b.n = 0;
	raw_query(&b, "SELECT 1");
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_str_eq(t, "TDCZ");
	close(fd);
}
END_TEST

static void expect_fatal(const struct raw_buf *b, const char *sqlstate)
{
	int fd = raw_session("acme");
	raw_send(fd, b);
	struct raw_buf r;
	raw_recv_all(fd, &r, 3000);
	ck_assert_ptr_nonnull(raw_error_field(&r, 'V'));
	ck_assert_str_eq(raw_error_field(&r, 'V'), "FATAL");
	ck_assert_str_eq(raw_error_field(&r, 'C'), sqlstate);
	/* and the server closed the connection */
	char c;
	ck_assert_int_eq(read(fd, &c, 1), 0);
	close(fd);
	assert_server_alive();
}

START_TEST(malformed_messages)
{
	struct raw_buf b = {.n = 0};
	/* A length that lies: shorter than the header itself. */
	b.d[b.n++] = 'Q';
	raw_u32(&b, 2);
	expect_fatal(&b, "08P01");
	/* A Query whose body has no terminating NUL. */
	b.n = 0;
	b.d[b.n++] = 'Q';
	raw_u32(&b, 4 + 3);
	memcpy(b.d + b.n, "abc", 3);
	b.n += 3;
	expect_fatal(&b, "08P01");
	/* Over max_message_size (4kB here). */
	b.n = 0;
	b.d[b.n++] = 'Q';
	raw_u32(&b, 100000);
	expect_fatal(&b, "08P01");
	/* An unknown message type. */
	b.n = 0;
	b.d[b.n++] = '!';
	raw_u32(&b, 4);
	expect_fatal(&b, "08P01");
	/* A Bind whose parameter count overruns the body. */
	b.n = 0;
	size_t m = raw_begin(&b, 'B');
	raw_str(&b, "");
	raw_str(&b, "");
	raw_u16(&b, 0);
	raw_u16(&b, 50);
	raw_end(&b, m);
	expect_fatal(&b, "08P01");
	/* A FunctionCall cut short after its argument count. */
	b.n = 0;
	m = raw_begin(&b, 'F');
	raw_u32(&b, 957);
	raw_u16(&b, 0);
	raw_u16(&b, 1);
	raw_end(&b, m);
	expect_fatal(&b, "08P01");
}
END_TEST

START_TEST(bad_startup_packets)
{
	/* Startup length below the minimum. */
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0}, r;
	raw_u32(&b, 4);
	raw_u32(&b, 3u << 16);
	raw_send(fd, &b);
	raw_recv_all(fd, &r, 2000);
	ck_assert_str_eq(raw_error_field(&r, 'C'), "08P01");
	close(fd);
	/* A startup packet that never completes: the startup timeout (1s) closes it. */
	fd = harness_raw_connect(&H);
	b.n = 0;
	raw_u32(&b, 100);
	raw_u32(&b, 3u << 16);
	raw_send(fd, &b);
	raw_recv_all(fd, &r, 3000);
	ck_assert_str_eq(raw_error_field(&r, 'V'), "FATAL");
	ck_assert_str_eq(raw_error_field(&r, 'C'), "08P01");
	close(fd);
	/* A client that connects and says nothing. */
	fd = harness_raw_connect(&H);
	raw_recv_all(fd, &r, 3000);
	ck_assert_str_eq(raw_error_field(&r, 'C'), "08P01");
	close(fd);
	assert_server_alive();
}
END_TEST

START_TEST(tenant_startup_parameter)
{
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0}, r;
	size_t mark = b.n;
	raw_u32(&b, 0);
	raw_u32(&b, 3u << 16);
	raw_str(&b, "user");
	raw_str(&b, "raw");
	raw_str(&b, "database");
	raw_str(&b, "ignored");
	raw_str(&b, "tenant");
	raw_str(&b, "Gamma");
	b.d[b.n++] = 0;
	uint32_t len = htonl((uint32_t)(b.n - mark));
	memcpy(b.d + mark, &len, 4);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	b.n = 0;
	raw_query(&b, "CREATE TABLE only_in_gamma (v int)");
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	ck_assert_ptr_nonnull(memmem(r.d, r.n, "CREATE TABLE", 12));
	close(fd);
	PGconn *c = harness_connect(&H, "dbname=gamma");
	PQclear(harness_exec_ok(c, "SELECT * FROM only_in_gamma"));
	PQfinish(c);
	c = harness_connect(&H, "dbname=ignored");
	harness_exec_fail(c, "SELECT * FROM only_in_gamma", "42P01");
	PQfinish(c);
}
END_TEST

/* The idle-in-transaction FATAL arrives unprompted, with SQLSTATE 25P03, and the server
 * closes the connection. */
START_TEST(idle_in_transaction_fatal_on_the_wire)
{
	int fd = raw_session("idle");
	struct raw_buf b = {.n = 0}, r;
	raw_query(&b, "SET idle_in_transaction_session_timeout = 100; BEGIN");
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	ck_assert_uint_eq(r.d[r.n - 1], 'T');
	raw_recv_all(fd, &r, 3000);
	ck_assert_ptr_nonnull(raw_error_field(&r, 'V'));
	ck_assert_str_eq(raw_error_field(&r, 'V'), "FATAL");
	ck_assert_str_eq(raw_error_field(&r, 'C'), "25P03");
	char c;
	ck_assert_int_eq(read(fd, &c, 1), 0);
	close(fd);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("raw");
	TCase *tc = tcase_create("protocol");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, ssl_and_gss_requests_answered_n);
	tcase_add_test(tc, protocol_versions);
	tcase_add_test(tc, row_limited_portal);
	tcase_add_test(tc, error_discards_until_sync);
	tcase_add_test(tc, function_call_answers_then_ready);
	tcase_add_test(tc, malformed_messages);
	tcase_add_test(tc, bad_startup_packets);
	tcase_add_test(tc, tenant_startup_parameter);
	tcase_add_test(tc, idle_in_transaction_fatal_on_the_wire);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
