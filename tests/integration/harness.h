/* SPDX-License-Identifier: Apache-2.0 */
/* harness.h: starts the real shardlite binary on a private Unix socket in a temp directory
 * for integration tests, connects libpq to it, and stops it by its PID. */
#ifndef SHARDLITE_TEST_HARNESS_H
#define SHARDLITE_TEST_HARNESS_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <sys/types.h>

struct harness {
	pid_t pid;
	char dir[64];       /* temp dir: data/ and the socket live here */
	char data_dir[128];
	int port;
	char log_path[128];
};

/* Starts the server (binary from $SHARDLITE_BIN) with extra "--set k=v" args (NULL-ended).
 * Aborts the test on failure. */
void harness_start(struct harness *h, const char *const *extra_args);
/* SIGTERM, wait; fails the test if the server exited abnormally or logged an ASSERT. */
void harness_stop(struct harness *h);
/* Connects with a conninfo suffix such as "dbname=acme"; fails the test on error. */
PGconn *harness_connect(const struct harness *h, const char *conninfo);
/* Connects without failing the test; caller checks PQstatus. */
PGconn *harness_try_connect(const struct harness *h, const char *conninfo);
/* Raw Unix-socket connection to the server; returns the fd. */
int harness_raw_connect(const struct harness *h);
/* Runs sql and checks the result status; returns the result (caller PQclear). */
PGresult *harness_exec_ok(PGconn *c, const char *sql);
/* Runs sql expecting an error with the given SQLSTATE. */
void harness_exec_fail(PGconn *c, const char *sql, const char *sqlstate);

#endif
