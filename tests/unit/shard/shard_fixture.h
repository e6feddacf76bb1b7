/* SPDX-License-Identifier: Apache-2.0 */
/* shard_fixture.h: what the shard unit tests share — a registry over a fresh temporary data
 * directory, and a connection borrowed or the test fails. */
#ifndef SHARD_FIXTURE_H
#define SHARD_FIXTURE_H

#include "shard.h"

/* Makes dir ("/tmp/shard-<name>-XXXXXX", at least 64 bytes) and a registry over it that
 * creates tenants on first use and caches at most max_open_tenants of them. */
struct shard_registry *shard_fixture_start(char *dir, const char *name, int max_open_tenants);
/* Frees reg and removes dir with everything in it. */
void shard_fixture_stop(struct shard_registry *reg, const char *dir);
/* shard_conn_acquire, failing the test with its message when it fails. */
struct shard_conn *shard_fixture_acquire(struct shard_registry *reg, const char *tenant);
/* Runs sql on c as a commit whose flush is still to come (group commit), or fails the test. */
void shard_fixture_commit(struct shard_conn *c, const char *sql);
/* A flush's wake-up callback: adds one to the int arg points at (from any thread). */
void shard_fixture_wake(void *arg);
/* Waits up to 10 s for *n (counted by shard_fixture_wake) to reach want, else fails. */
void shard_fixture_await(int *n, int want);

#endif
