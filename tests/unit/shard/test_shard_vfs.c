/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_vfs.c: the "shardlite" VFS (shard_vfs.c), which gathers a transaction's WAL
 * appends into one write. Another connection sees every commit at once; and a copy of the
 * database and its WAL taken while the writer is still open (so nothing was checkpointed),
 * opened with SQLite's own unix VFS, recovers exactly the committed transactions — which holds
 * only if every frame and checksum reached the file in order: commits larger than the
 * gathering buffer, transactions that spill pages to the WAL early and rewrite them in place
 * (SQLite then rewrites the frame checksums at commit), and rolled-back spills. The read-mark
 * lock a transaction lets go of stays held (shard_vfs_shm.c): another process sees it, the
 * connections of the process take it back for a checkpoint, and another process (the sqlite3
 * shell) still reads and writes. */
#include <check.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../../src/shard/shard_int.h"
#include "../../check_run.h"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/shard-vfs-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_str_eq(shard_vfs_name(), SHARD_VFS_NAME);
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, msg ? msg : "?");
}

static sqlite3_int64 one(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &vm, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_ROW);
	sqlite3_int64 v = sqlite3_column_int64(vm, 0);
	sqlite3_finalize(vm);
	return v;
}

/* A connection through vfs (NULL: SQLite's default) in WAL mode with group durability's
 * settings, never checkpointing by itself. */
static sqlite3 *open_db(const char *name, const char *vfs)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
					 vfs),
			 SQLITE_OK);
	exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0");
	return db;
}

static void copy_file(const char *from, const char *to)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "cp '%s/%s' '%s/%s'", dir, from, dir, to);
	ck_assert_int_eq(system(cmd), 0);
}

/* The committed state, recovered from a copy of t.db and its WAL by the unix VFS. */
static sqlite3 *recovered(void)
{
	copy_file("t.db", "copy.db");
	copy_file("t.db-wal", "copy.db-wal");
	sqlite3 *db = open_db("copy.db", NULL);
	ck_assert_int_eq(one(db, "SELECT count(*) FROM pragma_integrity_check WHERE "
				 "integrity_check <> 'ok'"),
			 0);
	return db;
}

/* 1 .. 1000 (the library has no generate_series) */
#define SERIES                                                                    \
	"WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM s " \
	"WHERE value < 1000) "

static const char *SUM = "SELECT count(*) * 1000000 + sum(n) + sum(length(pad)) FROM t";

START_TEST(another_connection_sees_each_commit)
{
	sqlite3 *a = open_db("t.db", SHARD_VFS_NAME), *b = open_db("t.db", SHARD_VFS_NAME);
	exec(a, "CREATE TABLE t (n int, pad blob)");
	for (int i = 1; i <= 20; i++) {
		sqlite3 *w = i % 2 ? a : b, *r = i % 2 ? b : a;
		char sql[160];
		/* i pages and more per commit: from one frame to past the 64 KiB buffer */
		snprintf(sql, sizeof(sql),
			 SERIES "INSERT INTO t SELECT value, zeroblob(3000) FROM s "
				"WHERE value <= %d",
			 i * 2);
		exec(w, sql);
		ck_assert_int_eq(one(r, "SELECT count(*) FROM t"), i * (i + 1));
	}
	sqlite3_close(a);
	sqlite3_close(b);
}
END_TEST

START_TEST(recovery_finds_large_and_spilled_commits)
{
	sqlite3 *a = open_db("t.db", SHARD_VFS_NAME);
	exec(a, "PRAGMA cache_size=10"); /* transactions below spill pages to the WAL early */
	exec(a, "CREATE TABLE t (n int, pad blob)");
	exec(a, SERIES "INSERT INTO t SELECT value, zeroblob(2000) FROM s WHERE value <= 300");
	/* spills, then changes the first pages again: frames rewritten in place, checksums
	 * rewritten at commit */
	exec(a, "BEGIN; UPDATE t SET n = n + 1; UPDATE t SET n = n + 1 WHERE n < 50; COMMIT");
	exec(a, "BEGIN; UPDATE t SET pad = zeroblob(2500); ROLLBACK"); /* a spill rolled back */
	exec(a, "INSERT INTO t VALUES (7, zeroblob(10))");
	sqlite3_int64 want = one(a, SUM);
	sqlite3 *c = recovered();
	ck_assert_int_eq(one(c, SUM), want);
	sqlite3_close(c);
	sqlite3_close(a);
}
END_TEST

START_TEST(recovery_after_many_small_commits)
{
	sqlite3 *a = open_db("t.db", SHARD_VFS_NAME), *b = open_db("t.db", SHARD_VFS_NAME);
	exec(a, "CREATE TABLE t (n int, pad blob)");
	for (int i = 0; i < 200; i++)
		exec(i % 3 ? a : b, "INSERT INTO t VALUES (1, x'00')");
	sqlite3_int64 want = one(b, SUM);
	sqlite3 *c = recovered();
	ck_assert_int_eq(one(c, SUM), want);
	ck_assert_int_eq(one(c, "SELECT count(*) FROM t"), 200);
	sqlite3_close(c);
	sqlite3_close(a);
	sqlite3_close(b);
}
END_TEST

/* Whether another process finds one of the WAL-index read-mark bytes of t.db-shm locked (the
 * unix VFS locks byte 120 + i of the -shm file for lock i; read marks are locks 3 to 7). */
static bool read_mark_locked_elsewhere(void)
{
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char path[128];
		snprintf(path, sizeof(path), "%s/t.db-shm", dir);
		int fd = open(path, O_RDWR);
		struct flock fl = {
			.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 123, .l_len = 5};
		_exit(fd < 0 || fcntl(fd, F_GETLK, &fl) != 0 ? 2 : fl.l_type == F_UNLCK ? 1 : 0);
	}
	int status = 0;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) != 2);
	return WEXITSTATUS(status) == 0;
}

START_TEST(read_mark_kept_between_transactions)
{
	sqlite3 *a = open_db("t.db", SHARD_VFS_NAME);
	exec(a, "CREATE TABLE t (n int, pad blob); INSERT INTO t VALUES (1, x'00')");
	ck_assert_int_eq(one(a, "SELECT count(*) FROM t"), 1);
	ck_assert_int_eq(sqlite3_get_autocommit(a), 1); /* no transaction open */
	ck_assert(read_mark_locked_elsewhere());
	sqlite3 *u = open_db("t.db", NULL); /* the unix VFS: its read marks are let go of */
	sqlite3_close(a);
	ck_assert(!read_mark_locked_elsewhere());
	ck_assert_int_eq(one(u, "SELECT count(*) FROM t"), 1);
	ck_assert(!read_mark_locked_elsewhere());
	sqlite3_close(u);
}
END_TEST

/* Kept marks do not hold back a checkpoint or the WAL's restart of a connection of the same
 * process: they are given back when it locks the marks. */
START_TEST(checkpoint_takes_kept_read_marks)
{
	sqlite3 *a = open_db("t.db", SHARD_VFS_NAME), *b = open_db("t.db", SHARD_VFS_NAME);
	sqlite3 *c = open_db("t.db", SHARD_VFS_NAME);
	exec(a, "CREATE TABLE t (n int, pad blob)");
	for (int i = 1; i <= 30; i++) {
		exec(i % 2 ? a : b, "INSERT INTO t VALUES (1, zeroblob(100))");
		ck_assert_int_eq(one(c, "SELECT count(*) FROM t"), i); /* c keeps a stale mark */
		ck_assert_int_eq(one(i % 2 ? b : a, "SELECT count(*) FROM t"), i);
	}
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(b, "PRAGMA wal_checkpoint(RESTART)", -1, &vm, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(vm, 0), 0); /* not busy */
	ck_assert_int_eq(sqlite3_column_int(vm, 1), sqlite3_column_int(vm, 2));
	sqlite3_finalize(vm);
	exec(a, "INSERT INTO t VALUES (2, x'00')"); /* the WAL starts over */
	ck_assert_int_eq(one(c, "SELECT sum(n) FROM t"), 32);
	ck_assert_int_eq(one(b, "PRAGMA wal_checkpoint(TRUNCATE)"), 0);
	ck_assert_int_eq(one(a, "SELECT count(*) FROM t"), 31);
	sqlite3_close(a);
	sqlite3_close(b);
	sqlite3_close(c);
}
END_TEST

/* Another process (the sqlite3 shell) reads and writes a file whose connections here keep
 * their read marks. */
START_TEST(another_process_reads_and_writes)
{
	sqlite3 *a = open_db("t.db", SHARD_VFS_NAME), *b = open_db("t.db", SHARD_VFS_NAME);
	exec(a, "CREATE TABLE t (n int, pad blob); INSERT INTO t VALUES (1, x'00')");
	ck_assert_int_eq(one(b, "SELECT count(*) FROM t"), 1);
	ck_assert(read_mark_locked_elsewhere());
	char cmd[256];
	snprintf(cmd, sizeof(cmd),
		 "test \"$(sqlite3 '%s/t.db' 'INSERT INTO t VALUES (5, NULL); "
		 "SELECT sum(n) FROM t')\" = 6",
		 dir);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_int_eq(one(a, "SELECT sum(n) FROM t"), 6);
	ck_assert_int_eq(one(b, "SELECT sum(n) FROM t"), 6);
	exec(b, "INSERT INTO t VALUES (10, NULL)");
	snprintf(cmd, sizeof(cmd), "test \"$(sqlite3 '%s/t.db' 'SELECT sum(n) FROM t')\" = 16",
		 dir);
	ck_assert_int_eq(system(cmd), 0);
	sqlite3_close(a);
	sqlite3_close(b);
}
END_TEST

/* Readers, writers and checkpoints of one file on threads of their own, each connection
 * keeping its mark between transactions: every reader sees a count that never goes back and
 * the end state has every row. */
#define THREAD_ROUNDS 300

static void *hammer(void *arg)
{
	int id = (int)(intptr_t)arg;
	sqlite3 *db = open_db("t.db", SHARD_VFS_NAME);
	sqlite3_busy_timeout(db, 5000);
	sqlite3_int64 seen = 0;
	for (int i = 0; i < THREAD_ROUNDS; i++) {
		if (id % 2 == 0) {
			exec(db, "INSERT INTO t VALUES (1, zeroblob(200))");
			if (id == 0 && i % 50 == 49)
				exec(db, "PRAGMA wal_checkpoint(RESTART)");
		}
		sqlite3_int64 n = one(db, "SELECT count(*) FROM t");
		ck_assert_int_ge(n, seen);
		seen = n;
	}
	sqlite3_close(db);
	return NULL;
}

START_TEST(threads_read_write_and_checkpoint)
{
	sqlite3 *a = open_db("t.db", SHARD_VFS_NAME);
	exec(a, "CREATE TABLE t (n int, pad blob)");
	pthread_t th[4];
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_create(&th[i], NULL, hammer, (void *)(intptr_t)i), 0);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_join(th[i], NULL), 0);
	ck_assert_int_eq(one(a, "SELECT count(*) FROM t"), 2 * THREAD_ROUNDS);
	ck_assert_int_eq(one(a, "SELECT count(*) FROM pragma_integrity_check WHERE "
				"integrity_check <> 'ok'"),
			 0);
	sqlite3 *c = recovered(); /* before a, the last connection, deletes the WAL */
	ck_assert_int_eq(one(c, "SELECT count(*) FROM t"), 2 * THREAD_ROUNDS);
	sqlite3_close(c);
	sqlite3_close(a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_vfs");
	TCase *tc = tcase_create("vfs");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, another_connection_sees_each_commit);
	tcase_add_test(tc, recovery_finds_large_and_spilled_commits);
	tcase_add_test(tc, recovery_after_many_small_commits);
	tcase_add_test(tc, read_mark_kept_between_transactions);
	tcase_add_test(tc, checkpoint_takes_kept_read_marks);
	tcase_add_test(tc, another_process_reads_and_writes);
	tcase_add_test(tc, threads_read_write_and_checkpoint);
	suite_add_tcase(s, tc);
	return check_run(s);
}
