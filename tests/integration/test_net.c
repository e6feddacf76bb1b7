/* SPDX-License-Identifier: Apache-2.0 */
/* test_net.c: net's own byte layer against the real server — connections over
 * max_connections refused and closed (their places come back), input that arrives while a
 * statement runs on a worker kept in order, a slow reader of a large result that does not make
 * the server buffer it, a client that vanishes in the middle of a result, and which sessions
 * are closed on their loop. */
#include <arpa/inet.h>
#include <check.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

/* A result far larger than the 256 KiB a session buffers and the socket buffers together. */
#define BIG_ROWS 200000
#define BIG_QUERY                                                                              \
	"WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 200000) "    \
	"SELECT n, 'padding padding padding padding padding padding padding padding padding' " \
	"FROM c"
#define SMALL_QUERIES 50

static struct harness H;

static void setup(void)
{
	static const char *const args[] = {"max_connections=3", NULL};
	harness_start(&H, args);
}

static void teardown(void) { harness_stop(&H); }

/* The server's resident set in KiB. */
static long server_rss_kib(void)
{
	char path[64], line[256];
	snprintf(path, sizeof(path), "/proc/%d/status", (int)H.pid);
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	long kib = -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmRSS: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/* A raw connection that finished startup on database db. */
static int raw_ready(const char *db)
{
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0};
	raw_startup_msg(&b, 196608, "tester", db);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &b);
	ck_assert_ptr_null(raw_error_field(&b, 'C'));
	return fd;
}

static void send_query(int fd, const char *sql)
{
	struct raw_buf b = {.n = 0};
	raw_query(&b, sql);
	raw_send(fd, &b);
}

/* Reads messages until `readies` ReadyForQuery have arrived; counts DataRows and keeps the
 * first column of the last one. */
static void read_answers(int fd, int readies, long *rows, char *last, size_t lastlen)
{
	static uint8_t msg[1 << 16];
	*rows = 0;
	while (readies > 0) {
		uint8_t head[5];
		ck_assert_int_eq(recv(fd, head, 5, MSG_WAITALL), 5);
		uint32_t len;
		memcpy(&len, head + 1, 4);
		len = ntohl(len);
		ck_assert_uint_ge(len, 4);
		ck_assert_uint_le(len - 4, sizeof(msg));
		if (len > 4)
			ck_assert_int_eq(recv(fd, msg, len - 4, MSG_WAITALL), (ssize_t)(len - 4));
		ck_assert_msg(head[0] != 'E', "unexpected ErrorResponse");
		if (head[0] == 'Z')
			readies--;
		if (head[0] == 'D') {
			uint32_t flen;
			memcpy(&flen, msg + 2, 4);
			flen = ntohl(flen);
			ck_assert_uint_lt(flen, lastlen);
			memcpy(last, msg + 6, flen);
			last[flen] = '\0';
			(*rows)++;
		}
	}
}

/* Refused connections are answered 53300 and closed: once a client leaves, a new one gets its
 * place, however many were refused meanwhile. */
START_TEST(refused_connections_give_their_place_back)
{
	PGconn *a = harness_connect(&H, "dbname=nets");
	PGconn *b = harness_connect(&H, "dbname=nets");
	PGconn *c = harness_connect(&H, "dbname=nets");
	for (int i = 0; i < 5; i++) {
		PGconn *x = harness_try_connect(&H, "dbname=nets");
		ck_assert_int_eq(PQstatus(x), CONNECTION_BAD);
		ck_assert_ptr_nonnull(strstr(PQerrorMessage(x), "too many clients"));
		PQfinish(x);
	}
	PQfinish(c);
	PGconn *d = NULL;
	for (int i = 0; i < 100; i++) { /* the server notices c's end shortly */
		d = harness_try_connect(&H, "dbname=nets");
		if (PQstatus(d) == CONNECTION_OK)
			break;
		PQfinish(d);
		d = NULL;
		usleep(20000);
	}
	ck_assert_ptr_nonnull(d);
	harness_expect_value(d, "SELECT 1", "1");
	PQfinish(d);
	PQfinish(b);
	PQfinish(a);
}
END_TEST

/* A large result goes to a reader that does not read for a while: the server stops the
 * statement instead of buffering the result, and the queries sent meanwhile (while the
 * statement runs on a worker) are answered in order afterwards. */
START_TEST(slow_reader_and_input_while_busy)
{
	int fd = raw_ready("nets");
	long before = server_rss_kib();
	send_query(fd, BIG_QUERY);
	char sql[64];
	for (int i = 1; i <= SMALL_QUERIES; i++) {
		snprintf(sql, sizeof(sql), "SELECT %d", i);
		send_query(fd, sql);
	}
	sleep(1);
	long grown = server_rss_kib() - before;
	/* The result is about 20 MB; what waits is the session's 256 KiB and the socket's. */
	ck_assert_msg(grown < 8 * 1024, "server grew by %ld KiB for a slow reader", grown);
	long rows;
	char last[256];
	read_answers(fd, 1 + SMALL_QUERIES, &rows, last, sizeof(last));
	ck_assert_int_eq(rows, BIG_ROWS + SMALL_QUERIES);
	ck_assert_str_eq(last, "50");
	close(fd);
}
END_TEST

/* A client that closes in the middle of a large result: the server ends that session and
 * goes on serving others. */
START_TEST(client_vanishes_mid_result)
{
	for (int round = 0; round < 3; round++) {
		int fd = raw_ready("nets");
		send_query(fd, BIG_QUERY);
		char buf[4096];
		ck_assert_int_gt(recv(fd, buf, sizeof(buf), MSG_WAITALL), 0);
		close(fd);
	}
	PGconn *c = NULL;
	for (int i = 0; i < 100; i++) { /* the three closing sessions give their places back */
		c = harness_try_connect(&H, "dbname=nets");
		if (PQstatus(c) == CONNECTION_OK)
			break;
		PQfinish(c);
		c = NULL;
		usleep(20000);
	}
	ck_assert_ptr_nonnull(c);
	harness_expect_value(c, "SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 2) s", "2");
	PQfinish(c);
}
END_TEST

/* Lines of the server log that contain needle. */
static int log_count(const char *needle)
{
	char line[1024];
	FILE *f = fopen(H.log_path, "r");
	ck_assert_ptr_nonnull(f);
	int n = 0;
	while (fgets(line, sizeof(line), f))
		n += strstr(line, needle) != NULL;
	fclose(f);
	return n;
}

/* Waits (up to 5 s) until the log holds at least n lines with needle. */
static void await_log(const char *needle, int n)
{
	for (int i = 0; i < 250 && log_count(needle) < n; i++)
		usleep(20000);
	ck_assert_int_ge(log_count(needle), n);
}

static void close_setup(void)
{
	static const char *const args[] = {"log_level=debug", NULL};
	harness_start(&H, args);
	await_log("disconnected", 2); /* harness_start's two probes that the server is up */
}

/* A session that ends between transactions holds nothing that could block, so its loop closes
 * it; one whose client vanishes inside a transaction that wrote is closed by a worker (the
 * rollback may touch the disk), and the next writer of the tenant gets the lock it held. */
START_TEST(sessions_close_on_the_loop_or_a_worker)
{
	int gone = log_count("disconnected"), on_loop = log_count("connection closed on its loop");
	PGconn *c = harness_connect(&H, "dbname=closes");
	PQclear(harness_exec_ok(c, "CREATE TABLE t (a int)"));
	PQfinish(c);
	await_log("disconnected", gone + 1);
	ck_assert_int_eq(log_count("connection closed on its loop"), on_loop + 1);
	/* Gone without a Terminate, inside the transaction: the close rolls it back. */
	int fd = raw_ready("closes");
	send_query(fd, "BEGIN; INSERT INTO t VALUES (1)");
	long rows;
	char last[8];
	read_answers(fd, 1, &rows, last, sizeof(last));
	close(fd);
	await_log("disconnected", gone + 2);
	ck_assert_int_eq(log_count("connection closed on its loop"), on_loop + 1);
	PGconn *e = harness_connect(&H, "dbname=closes");
	PQclear(harness_exec_ok(e, "INSERT INTO t VALUES (2)"));
	harness_expect_value(e, "SELECT string_agg(a::text, ',') FROM t", "2");
	PQfinish(e);
	await_log("disconnected", gone + 3);
	ck_assert_int_eq(log_count("connection closed on its loop"), on_loop + 2);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("net");
	TCase *tc = tcase_create("net");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, refused_connections_give_their_place_back);
	tcase_add_test(tc, slow_reader_and_input_while_busy);
	tcase_add_test(tc, client_vanishes_mid_result);
	suite_add_tcase(s, tc);
	TCase *tc_close = tcase_create("close");
	tcase_set_timeout(tc_close, 60);
	tcase_add_checked_fixture(tc_close, close_setup, teardown);
	tcase_add_test(tc_close, sessions_close_on_the_loop_or_a_worker);
	suite_add_tcase(s, tc_close);
	return s;
}

int main(void)
{
	return check_run(suite());
}
