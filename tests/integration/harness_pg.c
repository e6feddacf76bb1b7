/* SPDX-License-Identifier: Apache-2.0 */
/* harness_pg.c: see harness_pg.h. */
#include "harness_pg.h"

#include <check.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../check_run.h"

#define PGBIN "/usr/lib/postgresql/15/bin"

int harness_pg_main(const char *name, Suite *(*suite)(void))
{
	if (access(PGBIN "/postgres", X_OK) != 0) {
		fprintf(stderr,
			"%s: PostgreSQL 15 is not installed (" PGBIN "); scripts/deps test "
			"installs it\n",
			name);
		return 77; /* meson: skipped */
	}
	return check_run(suite());
}

/* Runs argv (as the postgres user when we are root: PostgreSQL refuses to run as root) with
 * its output into log; its exit status. */
static int run(const char *const *argv, const char *log)
{
	const char *full[24];
	int n = 0;
	if (geteuid() == 0) {
		full[n++] = "/usr/sbin/runuser";
		full[n++] = "-u";
		full[n++] = "postgres";
		full[n++] = "--";
	}
	for (int i = 0; argv[i] && n < 23; i++)
		full[n++] = argv[i];
	full[n] = NULL;
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		FILE *out = freopen(log, "a", stdout);
		FILE *err = freopen(log, "a", stderr);
		(void)out;
		(void)err;
		execv(full[0], (char *const *)full);
		_exit(127);
	}
	int status = 0;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* The watchdog: waits for its parent, the test process, to die (PR_SET_PDEATHSIG), then stops
 * the server and removes dir; harness_pg_stop kills it first when the test ends normally. */
static int start_watchdog(const char *dir)
{
	sigset_t term;
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	pid_t parent = getpid();
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid > 0)
		return pid;
	sigprocmask(SIG_BLOCK, &term, NULL);
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	int sig = 0;
	if (getppid() == parent) /* else the parent died before the prctl */
		sigwait(&term, &sig);
	sigprocmask(SIG_UNBLOCK, &term, NULL);
	char data[96];
	snprintf(data, sizeof(data), "%s/data", dir);
	const char *stop[] = {PGBIN "/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", NULL};
	int st = run(stop, "/dev/null");
	execl("/bin/rm", "rm", "-rf", dir, (char *)NULL);
	_exit(st);
}

void harness_pg_start(struct harness_pg *p)
{
	snprintf(p->dir, sizeof(p->dir), "/tmp/shardlite-pg-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(p->dir));
	ck_assert_int_eq(chmod(p->dir, 0755), 0);
	if (geteuid() == 0) {
		const struct passwd *pw = getpwnam("postgres");
		ck_assert_msg(pw != NULL, "no postgres user to run PostgreSQL as");
		ck_assert_int_eq(chown(p->dir, pw->pw_uid, pw->pw_gid), 0);
	}
	p->watchdog = start_watchdog(p->dir);
	char data[96], log[96], opts[160];
	snprintf(data, sizeof(data), "%s/data", p->dir);
	snprintf(log, sizeof(log), "%s/log", p->dir);
	snprintf(opts, sizeof(opts), "-c listen_addresses= -k %s -c fsync=off -c TimeZone=UTC",
		 p->dir);
	const char *initdb[] = {PGBIN "/initdb", "-D", data,   "-U",         "postgres",
				"--auth=trust",  "-E", "UTF8", "--locale=C", NULL};
	ck_assert_msg(run(initdb, "/dev/null") == 0, "initdb failed");
	const char *start[] = {PGBIN "/pg_ctl", "-D", data, "-l", log, "-w", "-o", opts,
			       "start",         NULL};
	ck_assert_msg(run(start, "/dev/null") == 0, "PostgreSQL did not start (see %s)", log);
	p->running = true;
}

void harness_pg_stop(struct harness_pg *p)
{
	if (p->watchdog > 0) {
		kill(p->watchdog, SIGKILL);
		waitpid(p->watchdog, NULL, 0);
		p->watchdog = 0;
	}
	if (p->running) {
		char data[96];
		snprintf(data, sizeof(data), "%s/data", p->dir);
		const char *stop[] = {PGBIN "/pg_ctl", "-D", data,   "-m",
				      "fast",          "-w", "stop", NULL};
		ck_assert_int_eq(run(stop, "/dev/null"), 0);
		p->running = false;
	}
	if (p->dir[0]) {
		pid_t pid = fork();
		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			execl("/bin/rm", "rm", "-rf", p->dir, (char *)NULL);
			_exit(127);
		}
		waitpid(pid, NULL, 0);
		p->dir[0] = '\0';
	}
}

PGconn *harness_pg_connect(const struct harness_pg *p, const char *conninfo)
{
	char info[512];
	snprintf(info, sizeof(info), "host=%s user=postgres %s", p->dir, conninfo);
	PGconn *c = PQconnectdb(info);
	ck_assert_msg(PQstatus(c) == CONNECTION_OK, "connect to PostgreSQL failed: %s",
		      PQerrorMessage(c));
	return c;
}

void harness_note(struct harness_transcript *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(t->text + t->n, sizeof(t->text) - t->n, fmt, ap);
	va_end(ap);
	ck_assert_int_ge(k, 0);
	ck_assert_uint_lt(t->n + (size_t)k + 1, sizeof(t->text));
	t->n += (size_t)k;
	t->text[t->n++] = '\n';
	t->text[t->n] = '\0';
}
