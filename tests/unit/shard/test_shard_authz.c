/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_authz.c: the fence around tenant connections, driven with raw SQLite SQL (the
 * translator refuses most of these before SQLite sees them; this shows SQLite refuses them
 * too): ATTACH, VACUUM INTO, file-changing PRAGMAs, load_extension, limits → 42501/54000. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shard.h"
#include "../../check_run.h"

static char dir[64];
static struct shard_registry *reg;
static struct shard_conn *conn;

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/shard-authz-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	struct shard_opts o = {.data_dir = dir, .auto_create = true};
	struct pgerr err;
	reg = shard_registry_new(&o, &err);
	ck_assert_ptr_nonnull(reg);
	conn = shard_conn_open(reg, "acme", &err);
	ck_assert_ptr_nonnull(conn);
	ck_assert(shard_exec(conn, "CREATE TABLE t (v int); INSERT INTO t VALUES (1)", &err));
}

static void teardown(void)
{
	shard_conn_close(conn);
	shard_registry_free(reg);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static const char *state_of(const char *sql, struct pgerr *err)
{
	pgerr_clear(err);
	return shard_exec(conn, sql, err) ? "00000" : err->sqlstate;
}

static void denied(const char *sql)
{
	struct pgerr err;
	ck_assert_msg(strcmp(state_of(sql, &err), "42501") == 0, "%s: got %s %s", sql, err.sqlstate,
		      err.message);
	ck_assert_msg(strncmp(err.message, "permission denied: ", 19) == 0, "%s", err.message);
}

static void allowed(const char *sql)
{
	struct pgerr err;
	ck_assert_msg(strcmp(state_of(sql, &err), "00000") == 0, "%s: got %s %s", sql, err.sqlstate,
		      err.message);
}

START_TEST(attach_and_vacuum_into_refused)
{
	char other[4096], sql[8192];
	ck_assert(shard_tenant_path(reg, "other", other, sizeof(other)));
	struct pgerr err;
	struct shard_conn *o = shard_conn_open(reg, "other", &err);
	ck_assert(shard_exec(o, "CREATE TABLE secret (s text); INSERT INTO secret VALUES ('x')",
			     &err));
	shard_conn_close(o);
	snprintf(sql, sizeof(sql), "ATTACH '%s' AS o", other);
	denied(sql);
	denied("ATTACH ':memory:' AS m");
	denied("ATTACH 'file:/etc/passwd' AS p");
	denied("DETACH temp");
	snprintf(sql, sizeof(sql), "VACUUM INTO '%s/copy.db'", dir);
	denied(sql);
	snprintf(sql, sizeof(sql), "%s/copy.db", dir);
	ck_assert_int_ne(access(sql, F_OK), 0);
	allowed("VACUUM"); /* compacts the tenant's own file through a private scratch db */
	ck_assert_str_eq(state_of("SELECT * FROM o.secret", &err), "42P01");
}
END_TEST

START_TEST(file_changing_pragmas_refused)
{
	static const char *const refused[] = {
		"PRAGMA journal_mode=DELETE",     "PRAGMA journal_mode=OFF",
		"PRAGMA synchronous=OFF",         "PRAGMA writable_schema=ON",
		"PRAGMA foreign_keys=OFF",        "PRAGMA locking_mode=EXCLUSIVE",
		"PRAGMA mmap_size=1000000",       "PRAGMA temp_store_directory='/tmp'",
		"PRAGMA cache_size=-1000000",     "PRAGMA wal_checkpoint(TRUNCATE)",
		"PRAGMA database_list",           "PRAGMA hard_heap_limit=1",
		"PRAGMA soft_heap_limit=1",       "PRAGMA trusted_schema=ON",
		"PRAGMA case_sensitive_like=OFF", "PRAGMA ignore_check_constraints=ON",
		"PRAGMA auto_vacuum=FULL",        "PRAGMA page_size=512",
		"PRAGMA busy_timeout=100000",     "PRAGMA threads=8",
		"PRAGMA max_page_count=1",        "PRAGMA user_version=7",
		"PRAGMA application_id=7",        "PRAGMA main.journal_mode=MEMORY",
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		denied(refused[i]);
	allowed("PRAGMA journal_mode");
	allowed("PRAGMA foreign_keys");
	allowed("PRAGMA table_info(t)");
	allowed("PRAGMA integrity_check");
	allowed("PRAGMA defer_foreign_keys=ON");
	allowed("SELECT * FROM pragma_table_info('t')");
	sqlite3_stmt *vm;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(conn), "PRAGMA journal_mode", -1, &vm,
					    NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(vm, 0), "wal");
	sqlite3_finalize(vm);
}
END_TEST

START_TEST(extensions_and_schema_writes_refused)
{
	denied("SELECT load_extension('/tmp/evil.so')");
	denied("CREATE VIRTUAL TABLE v USING fts3tokenize(simple)");
	allowed("CREATE VIRTUAL TABLE docs USING fts5(body)");
	struct pgerr err;
	/* DEFENSIVE: sqlite_schema cannot be written even by a connection that asks. */
	ck_assert_str_ne(state_of("UPDATE sqlite_schema SET sql = 'x' WHERE name = 't'", &err),
			 "00000");
	int on = -1;
	sqlite3_db_config(shard_conn_db(conn), SQLITE_DBCONFIG_DEFENSIVE, -1, &on);
	ck_assert_int_eq(on, 1);
	sqlite3_db_config(shard_conn_db(conn), SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, -1, &on);
	ck_assert_int_eq(on, 0);
	sqlite3_db_config(shard_conn_db(conn), SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &on);
	ck_assert_int_eq(on, 0);
}
END_TEST

START_TEST(limits_set_per_connection)
{
	sqlite3 *db = shard_conn_db(conn);
	ck_assert_int_eq(sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, -1), 1000);
	ck_assert_int_eq(sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1), 256 * 1024 * 1024);
	ck_assert_int_eq(sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, -1), 64 * 1024 * 1024);
	struct pgerr err;
	ck_assert_str_eq(state_of("SELECT zeroblob(300000000)", &err), "54000");
}
END_TEST

/* The columns a statement assigns, as the authorizer sees them while SQLite prepares it: an
 * UPDATE's SET list, an upsert's DO UPDATE SET, none of a trigger's own statements. */
START_TEST(updated_columns_from_the_authorizer)
{
	struct pgerr err;
	ck_assert(shard_exec(conn,
			     "CREATE TABLE u (id int PRIMARY KEY, a int, b int); CREATE TABLE w (x "
			     "int); CREATE TRIGGER u_t AFTER UPDATE ON u BEGIN UPDATE w SET x = 1; "
			     "UPDATE u SET b = 0 WHERE 0; END",
			     &err));
	static const struct {
		const char *sql, *table, *want;
	} cases[] = {
		{"UPDATE u SET a = 1, b = ?1 WHERE id = 2", "u",
		 "a\x1f"
		 "b"},
		{"UPDATE U SET a = a + 1", "u", "a"},
		{"UPDATE u SET a = 1", "w", ""},
		{"INSERT INTO u VALUES (1, 2, 3) ON CONFLICT (id) DO UPDATE SET b = excluded.b",
		 "u", "b"},
		{"INSERT INTO u VALUES (1, 2, 3)", "u", ""},
		{"DELETE FROM u", "u", ""},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		ck_assert(shard_conn_updated_columns(conn, cases[i].sql, cases[i].table, &sb));
		ck_assert_str_eq(sb.data ? sb.data : "", cases[i].want);
		strbuf_fini(&sb);
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	ck_assert(!shard_conn_updated_columns(conn, "UPDATE nosuch SET a = 1", "nosuch", &sb));
	strbuf_fini(&sb);
	allowed("UPDATE u SET a = 1"); /* the authorizer is as it was */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_authz");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, attach_and_vacuum_into_refused);
	tcase_add_test(tc, file_changing_pragmas_refused);
	tcase_add_test(tc, extensions_and_schema_writes_refused);
	tcase_add_test(tc, limits_set_per_connection);
	tcase_add_test(tc, updated_columns_from_the_authorizer);
	suite_add_tcase(s, tc);
	return check_run(s);
}
