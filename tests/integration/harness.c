/* SPDX-License-Identifier: Apache-2.0 */
/* harness.c: see harness.h. */
#include "harness.h"

#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The socket file appears at bind(), a moment before listen(): only a connect that succeeds
 * says the server accepts connections. */
static bool socket_ready(const struct harness *h)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/.s.PGSQL.%d", h->dir, h->port);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		return false;
	bool ok = connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0;
	close(fd);
	return ok;
}

void harness_start(struct harness *h, const char *const *extra_args)
{
	const char *bin = getenv("SHARDLITE_BIN");
	ck_assert_msg(bin != NULL, "SHARDLITE_BIN is not set");
	snprintf(h->dir, sizeof(h->dir), "/tmp/shardlite-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(h->dir));
	snprintf(h->data_dir, sizeof(h->data_dir), "%s/data", h->dir);
	snprintf(h->log_path, sizeof(h->log_path), "%s/server.log", h->dir);
	h->port = 5432;
	const char *argv[64];
	char port[16];
	snprintf(port, sizeof(port), "%d", h->port);
	int n = 0;
	argv[n++] = bin;
	argv[n++] = "--data-dir";
	argv[n++] = h->data_dir;
	argv[n++] = "--listen";
	argv[n++] = "";
	argv[n++] = "--socket-dir";
	argv[n++] = h->dir;
	argv[n++] = "--port";
	argv[n++] = port;
	/* Every test runs with two event loops, so cancel, wakeups, timers and the fast path are
	 * exercised across loops; a test's own --set loop_threads=N comes later and wins. */
	argv[n++] = "--set";
	argv[n++] = "loop_threads=2";
	for (int i = 0; extra_args && extra_args[i] && n < 60; i++) {
		argv[n++] = "--set";
		argv[n++] = extra_args[i];
	}
	argv[n] = NULL;
	h->pid = fork();
	ck_assert_int_ge(h->pid, 0);
	if (h->pid == 0) {
		/* a test process killed mid-run (a runner's timeout) takes its server with it */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		FILE *log = freopen(h->log_path, "w", stderr);
		(void)log;
		execv(bin, (char *const *)argv);
		_exit(127);
	}
	for (int i = 0; i < 500 && !socket_ready(h); i++) {
		int status;
		ck_assert_msg(waitpid(h->pid, &status, WNOHANG) == 0, "server exited at startup");
		usleep(10000);
	}
	ck_assert_msg(socket_ready(h), "server did not create its socket");
}

static bool log_has_assert(const struct harness *h)
{
	FILE *f = fopen(h->log_path, "r");
	if (!f)
		return false;
	char line[4096];
	bool found = false;
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, "ASSERT failed") != NULL;
	fclose(f);
	return found;
}

void harness_start_with_users(struct harness *h, const char *users,
			      const char *const *extra_args)
{
	snprintf(h->users_path, sizeof(h->users_path), "/tmp/shardlite-users-XXXXXX");
	int fd = mkstemp(h->users_path);
	ck_assert_int_ge(fd, 0);
	size_t len = strlen(users);
	ck_assert_int_eq(write(fd, users, len), (ssize_t)len);
	close(fd);
	char users_arg[128];
	snprintf(users_arg, sizeof(users_arg), "users_file=%s", h->users_path);
	const char *args[32] = {users_arg};
	for (int i = 0; extra_args && extra_args[i] && i < 30; i++)
		args[i + 1] = extra_args[i];
	harness_start(h, args);
}

void harness_stop(struct harness *h)
{
	int status = 0;
	kill(h->pid, SIGTERM);
	ck_assert_int_eq(waitpid(h->pid, &status, 0), h->pid);
	ck_assert_msg(!log_has_assert(h), "server log has an ASSERT failure (%s)", h->log_path);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "server exited abnormally (status %d); log: %s", status, h->log_path);
	char cmd[400];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", h->dir);
	ck_assert_int_eq(system(cmd), 0);
	if (h->users_path[0]) {
		unlink(h->users_path);
		h->users_path[0] = '\0';
	}
}

bool harness_tenant_exists(const struct harness *h, const char *name)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "find '%s' -name '%s.db' | grep -q .", h->data_dir, name);
	return system(cmd) == 0;
}

PGconn *harness_try_connect(const struct harness *h, const char *conninfo)
{
	char ci[1024];
	snprintf(ci, sizeof(ci), "host=%s port=%d user=tester %s", h->dir, h->port,
		 conninfo ? conninfo : "");
	return PQconnectdb(ci);
}

PGconn *harness_connect(const struct harness *h, const char *conninfo)
{
	PGconn *c = harness_try_connect(h, conninfo);
	ck_assert_msg(PQstatus(c) == CONNECTION_OK, "connect failed: %s", PQerrorMessage(c));
	return c;
}

int harness_raw_connect(const struct harness *h)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/.s.PGSQL.%d", h->dir, h->port);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(connect(fd, (struct sockaddr *)&sun, sizeof(sun)), 0);
	return fd;
}

PGresult *harness_exec_ok(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	ExecStatusType st = PQresultStatus(r);
	ck_assert_msg(st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY,
		      "%s failed: %s", sql, PQerrorMessage(c));
	return r;
}

void harness_exec(PGconn *c, const char *sql) { PQclear(harness_exec_ok(c, sql)); }

static void collect_notice(void *arg, const PGresult *r)
{
	char *buf = ((struct harness_notices *)arg)->text;
	size_t n = strlen(buf), cap = sizeof(((struct harness_notices *)arg)->text);
	const char *detail = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL);
	snprintf(buf + n, cap - n, "%s %s%s%s\n", PQresultErrorField(r, PG_DIAG_SQLSTATE),
		 PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), detail ? " / " : "",
		 detail ? detail : "");
}

void harness_collect_notices(PGconn *c, struct harness_notices *into)
{
	into->text[0] = '\0';
	PQsetNoticeReceiver(c, collect_notice, into);
}

void harness_exec_fail(PGconn *c, const char *sql, const char *sqlstate)
{
	PGresult *r = PQexec(c, sql);
	ck_assert_msg(PQresultStatus(r) == PGRES_FATAL_ERROR, "%s: expected an error", sql);
	const char *got = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	ck_assert_msg(got && strcmp(got, sqlstate) == 0, "%s: expected %s, got %s (%s)", sql,
		      sqlstate, got ? got : "(none)", PQerrorMessage(c));
	PQclear(r);
}

void harness_expect_error(PGconn *c, const char *sql, const char *sqlstate, const char *message)
{
	PGresult *r = PQexec(c, sql);
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	const char *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	ck_assert_msg(state && strcmp(state, sqlstate) == 0, "%s: want %s, got %s: %s", sql,
		      sqlstate, state ? state : "success", PQerrorMessage(c));
	if (message)
		ck_assert_msg(strcmp(msg, message) == 0, "%s: want \"%s\", got \"%s\"", sql,
			      message, msg);
	PQclear(r);
}

void harness_expect_value(PGconn *c, const char *sql, const char *want)
{
	PGresult *r = harness_exec_ok(c, sql);
	ck_assert_msg(PQntuples(r) == 1, "%s: %d rows", sql, PQntuples(r));
	ck_assert_msg(strcmp(PQgetvalue(r, 0, 0), want) == 0, "%s: want %s, got %s", sql, want,
		      PQgetvalue(r, 0, 0));
	PQclear(r);
}

void harness_expect_result(PGconn *c, const char *sqlstate)
{
	PGresult *r = PQgetResult(c);
	ck_assert_ptr_nonnull(r);
	const char *got = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	if (!sqlstate[0])
		ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK ||
				      PQresultStatus(r) == PGRES_TUPLES_OK,
			      "expected success: %s", PQerrorMessage(c));
	else
		ck_assert_msg(got && strcmp(got, sqlstate) == 0, "expected %s, got %s: %s",
			      sqlstate, got ? got : "(none)", PQerrorMessage(c));
	PQclear(r);
	while ((r = PQgetResult(c)))
		PQclear(r);
}

void harness_cancel_until_done(PGconn *c)
{
	char errbuf[256];
	for (int i = 0; i < 100; i++) {
		PGcancel *cancel = PQgetCancel(c);
		ck_assert(PQcancel(cancel, errbuf, sizeof(errbuf)));
		PQfreeCancel(cancel);
		usleep(50000);
		ck_assert(PQconsumeInput(c));
		if (!PQisBusy(c))
			break;
	}
	harness_expect_result(c, "57014");
}
