/* SPDX-License-Identifier: Apache-2.0 */
/* harness_pg.h: a real PostgreSQL 15 for differential integration tests, started as
 * tests/regress/run.sh starts one (initdb into a temp dir, as the postgres user when the test
 * runs as root, listening on a Unix socket only) and stopped by pg_ctl. */
#ifndef SHARDLITE_TEST_HARNESS_PG_H
#define SHARDLITE_TEST_HARNESS_PG_H

#include <check.h>
#include <libpq-fe.h>
#include <stdbool.h>

struct harness_pg {
	char dir[64]; /* temp dir: data/ and the socket live here */
	bool running;
	int watchdog; /* pid of the process that stops the server if the test dies first */
};

/* A differential test program's main(): runs the suite suite() builds, or skips it (exit 77,
 * meson's "skipped") with a line naming the program when PostgreSQL 15's server binaries are
 * not installed (scripts/deps test installs them). */
int harness_pg_main(const char *name, Suite *(*suite)(void));
/* initdb and start; fails the test on error. pg_ctl's server outlives its starter, so a
 * watchdog process stops it (pg_ctl stop -m immediate) and removes its directory should the
 * test process die before harness_pg_stop. */
void harness_pg_start(struct harness_pg *p);
/* Stops the server (pg_ctl stop -m fast) and removes its directory. */
void harness_pg_stop(struct harness_pg *p);
/* Connects as postgres with a conninfo suffix such as "dbname=postgres"; fails the test on
 * error. */
PGconn *harness_pg_connect(const struct harness_pg *p, const char *conninfo);

/* What a differential test saw, one line per note: the same script run against shardlite and
 * against PostgreSQL gives two transcripts, which must be equal. */
struct harness_transcript {
	char text[32768];
	size_t n;
};
/* Appends one formatted line; fails the test when the transcript is full. */
void harness_note(struct harness_transcript *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
