/* SPDX-License-Identifier: Apache-2.0 */
/* shard_fixture.c: the shard unit tests' temporary registry (see shard_fixture.h). */
#include "shard_fixture.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct shard_registry *shard_fixture_start(char *dir, const char *name, int max_open_tenants)
{
	snprintf(dir, 64, "/tmp/shard-%s-XXXXXX", name);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	struct shard_opts o = {
		.data_dir = dir, .auto_create = true, .max_open_tenants = max_open_tenants};
	struct pgerr err;
	struct shard_registry *reg = shard_registry_new(&o, &err);
	ck_assert_ptr_nonnull(reg);
	return reg;
}

void shard_fixture_stop(struct shard_registry *reg, const char *dir)
{
	shard_registry_free(reg);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

struct shard_conn *shard_fixture_acquire(struct shard_registry *reg, const char *tenant)
{
	struct pgerr err;
	pgerr_clear(&err);
	struct shard_conn *c = shard_conn_acquire(reg, tenant, &err);
	ck_assert_msg(c != NULL, "%s", err.message);
	return c;
}

void shard_fixture_commit(struct shard_conn *c, const char *sql)
{
	struct pgerr err;
	ck_assert_msg(shard_exec(c, sql, &err), "%s", err.message);
	shard_conn_settle(c);
	ck_assert(shard_conn_unsynced(c));
}

void shard_fixture_wake(void *arg) { __atomic_add_fetch((int *)arg, 1, __ATOMIC_SEQ_CST); }

void shard_fixture_await(int *n, int want)
{
	for (int i = 0; i < 10000 && __atomic_load_n(n, __ATOMIC_SEQ_CST) < want; i++)
		nanosleep(&(struct timespec){0, 1000000}, NULL);
	ck_assert_int_eq(__atomic_load_n(n, __ATOMIC_SEQ_CST), want);
}
