/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_snapshot.c: the commit counters READ COMMITTED reads (shard_snapshot.c) — a mark
 * stays current until a commit of the connection's tenant lands (not another tenant's, not a
 * read's), a commit through an attached file counts for everyone, a connection with files
 * attached sees any tenant's commit, and forget makes the next check stale. */
#include <check.h>
#include <stdio.h>

#include "shard_fixture.h"
#include "../../check_run.h"

static char dir[64];
static struct shard_registry *reg;

static void setup(void) { reg = shard_fixture_start(dir, "snapshot", 100); }

static void teardown(void) { shard_fixture_stop(reg, dir); }

static void run(struct shard_conn *c, const char *sql)
{
	struct pgerr err;
	ck_assert_msg(shard_exec(c, sql, &err), "%s: %s", sql, err.message);
}

START_TEST(own_tenant_commits_make_it_stale)
{
	struct shard_conn *a = shard_fixture_acquire(reg, "acme");
	struct shard_conn *b = shard_fixture_acquire(reg, "acme");
	struct shard_conn *o = shard_fixture_acquire(reg, "other");
	run(a, "CREATE TABLE t (v int)");
	run(o, "CREATE TABLE u (v int)");
	shard_conn_snapshot_mark(b);
	ck_assert(!shard_conn_snapshot_stale(b));
	run(a, "SELECT count(*) FROM t"); /* a read commits nothing */
	run(o, "INSERT INTO u VALUES (1)"); /* another tenant */
	ck_assert(!shard_conn_snapshot_stale(b));
	run(a, "BEGIN");
	run(a, "INSERT INTO t VALUES (1)");
	ck_assert(!shard_conn_snapshot_stale(b)); /* not landed yet */
	run(a, "COMMIT");
	ck_assert(shard_conn_snapshot_stale(b));
	shard_conn_snapshot_mark(b);
	ck_assert(!shard_conn_snapshot_stale(b));
	run(a, "BEGIN");
	run(a, "INSERT INTO t VALUES (2)");
	run(a, "ROLLBACK"); /* no commit */
	ck_assert(!shard_conn_snapshot_stale(b));
	shard_conn_snapshot_forget(b);
	ck_assert(shard_conn_snapshot_stale(b));
	shard_conn_release(a);
	shard_conn_release(b);
	shard_conn_release(o);
}
END_TEST

START_TEST(attached_files_count_every_commit)
{
	struct shard_conn *a = shard_fixture_acquire(reg, "acme");
	struct shard_conn *o = shard_fixture_acquire(reg, "other");
	struct shard_conn *x = shard_fixture_acquire(reg, "third");
	run(a, "CREATE TABLE t (v int)");
	run(o, "CREATE TABLE u (v int)");
	run(x, "CREATE TABLE w (v int)");
	struct pgerr err;
	/* a commit to acme's file through o's attachment: acme's own connections see it */
	ck_assert(shard_conn_attach(o, "acme", &err));
	shard_conn_snapshot_mark(a);
	shard_conn_snapshot_mark(o);
	run(o, "INSERT INTO acme.t VALUES (1)");
	ck_assert(shard_conn_snapshot_stale(a));
	ck_assert(shard_conn_snapshot_stale(o));
	/* with a file attached, any tenant's commit counts */
	shard_conn_snapshot_mark(o);
	run(x, "INSERT INTO w VALUES (1)");
	ck_assert(shard_conn_snapshot_stale(o));
	shard_conn_release(a);
	shard_conn_release(o);
	shard_conn_release(x);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_snapshot");
	TCase *tc = tcase_create("counters");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, own_tenant_commits_make_it_stale);
	tcase_add_test(tc, attached_files_count_every_commit);
	suite_add_tcase(s, tc);
	return check_run(s);
}
