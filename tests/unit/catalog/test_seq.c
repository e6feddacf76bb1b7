/* SPDX-License-Identifier: Apache-2.0 */
/* test_seq.c: sequences, comments, triggers, CREATE OR REPLACE VIEW's checks and the table
 * statistics on an in-memory database — PostgreSQL statements through the translator, run as
 * the session runs them (a script with sqlite3_exec, a query step by step). */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "pgfn.h"
#include "xlat.h"
#include "../../check_run.h"

static sqlite3 *db;
static struct catalog_session sess;

/* shardlite_column_views_check(table, column), which DROP COLUMN's script calls first, is the
 * shard module's (shard_viewdep.c, tested with it): here no view reads a dropped column. */
static void no_view_reads(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	sqlite3_result_null(ctx);
}

static void setup(void)
{
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_create_function_v2(db, "shardlite_column_views_check", 2,
						    SQLITE_UTF8, NULL, no_view_reads, NULL, NULL,
						    NULL),
			 SQLITE_OK);
	/* RENAME COLUMN's of the CHECKs' PostgreSQL texts is the shard module's too
	 * (shard_inplace.c): here no table has a CHECK */
	ck_assert_int_eq(sqlite3_create_function_v2(db, "shardlite_generated_renamed", 3,
						    SQLITE_UTF8, NULL, no_view_reads, NULL, NULL,
						    NULL),
			 SQLITE_OK);
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert_ptr_nonnull(pgfn_register(db));
	struct cat_conn *cc = catalog_register(db, &err);
	ck_assert_ptr_nonnull(cc);
	sess = (struct catalog_session){.user = "alice", .database = "acme", .backend_pid = 7,
					.seqvals = catalog_seqvals_new()};
	catalog_lend(cc, &sess);
}

static void teardown(void)
{
	sqlite3_close(db);
	catalog_seqvals_free(sess.seqvals);
}

/* Translates pg and runs it; returns the rows as "a|b;c|d" or "ERROR SSSSS" (static). */
static const char *run(const char *pg)
{
	static char out[2048];
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = NULL;
	size_t n = 0;
	struct pgerr err;
	pgerr_clear(&err);
	out[0] = '\0';
	if (!xlat_translate(pg, NULL, 0, a, &st, &n, &err)) {
		snprintf(out, sizeof(out), "ERROR %s", err.sqlstate);
		arena_free(a);
		return out;
	}
	ck_assert_int_eq(n, 1);
	int rc = SQLITE_OK;
	if (st->kind == XLAT_REBUILD && st->rebuild->kind == XLAT_RB_RENAME) {
		/* a table's RENAME TO, as the shard module runs it (shard_rename.c) */
		char *sql = sqlite3_mprintf("ALTER TABLE \"%w\" RENAME TO \"%w\"; SELECT "
					    "shardlite_renamed(%Q, NULL, %Q)",
					    st->rebuild->table, st->rebuild->new_name,
					    st->rebuild->table, st->rebuild->new_name);
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
		sqlite3_free(sql);
	} else if (st->kind == XLAT_REBUILD && st->rebuild->drop_column) {
		/* DROP COLUMN: its script (no constraint over the column here for the shard's
		 * shard_dropcol.c to drop first) */
		rc = sqlite3_exec(db, st->rebuild->script, NULL, NULL, NULL);
	} else if (st->kind == XLAT_SCRIPT) {
		rc = sqlite3_exec(db, st->sql, NULL, NULL, NULL);
	} else {
		sqlite3_stmt *vm = NULL;
		ck_assert_msg(sqlite3_prepare_v2(db, st->sql, -1, &vm, NULL) == SQLITE_OK, "%s: %s",
			      st->sql, sqlite3_errmsg(db));
		size_t len = 0;
		while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(vm) - !!(st->dml_events & 4096); i++) {
				const char *v = (const char *)sqlite3_column_text(vm, i);
				len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s",
							i ? "|" : len ? ";" : "", v ? v : "<null>");
			}
		}
		sqlite3_finalize(vm);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	if (rc != SQLITE_OK) {
		char state[6] = "?????";
		const char *text = NULL;
		if (!pgfn_error_split(sqlite3_errmsg(db), state, &text))
			snprintf(state, sizeof(state), "%s", "XX000");
		snprintf(out, sizeof(out), "ERROR %s", state);
	}
	arena_free(a);
	return out;
}

#define EXPECT(pg, want) ck_assert_str_eq(run(pg), want)

START_TEST(sequence_values)
{
	EXPECT("SELECT lastval()", "ERROR 55000");
	EXPECT("CREATE SEQUENCE s INCREMENT 5 START 10 MAXVALUE 30", "");
	EXPECT("SELECT currval('s')", "ERROR 55000");
	EXPECT("SELECT nextval('s'), nextval('s'), currval('s'), lastval()", "10|15|15|15");
	EXPECT("SELECT setval('s', 30), currval('s')", "30|30");
	EXPECT("SELECT nextval('s')", "ERROR 2200H");
	EXPECT("SELECT setval('s', 20, false), nextval('s')", "20|20");
	EXPECT("SELECT setval('s', 31)", "ERROR 22003");
	EXPECT("SELECT nextval('nope')", "ERROR 42P01");
	EXPECT("ALTER SEQUENCE s INCREMENT -1 MINVALUE 1 RESTART WITH 3", "");
	EXPECT("SELECT nextval('s'), nextval('s'), nextval('s')", "3|2|1");
	EXPECT("SELECT last_value, increment_by, max_value FROM pg_sequences", "1|-1|30");
	EXPECT("CREATE SEQUENCE s", "ERROR 42P07");
	EXPECT("CREATE SEQUENCE bad MINVALUE 5 MAXVALUE 5", "ERROR 22023");
	EXPECT("DROP SEQUENCE s", "");
	EXPECT("SELECT count(*) FROM pg_class WHERE relkind = 'S'", "0");
	EXPECT("DROP SEQUENCE s", "ERROR 42P01");
	/* the catalog follows a rolled-back definition */
	ck_assert_int_eq(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	EXPECT("CREATE SEQUENCE gone", "");
	EXPECT("SELECT count(*) FROM pg_sequences", "1");
	ck_assert_int_eq(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	EXPECT("SELECT count(*) FROM pg_sequences", "0");
	/* a DEFAULT as pg_dump writes it, shown as PostgreSQL shows it */
	EXPECT("CREATE SEQUENCE d_seq", "");
	EXPECT("CREATE TABLE d (id bigint DEFAULT nextval('d_seq'::regclass), x int DEFAULT "
	       "nextval('d_seq'))",
	       "");
	EXPECT("INSERT INTO d DEFAULT VALUES RETURNING id, x", "1|2");
	EXPECT("SELECT string_agg(pg_get_expr(adbin, adrelid), ', ') FROM pg_attrdef",
	       "nextval('d_seq'::regclass), nextval('d_seq'::regclass)");
}
END_TEST

START_TEST(serial_sequence)
{
	EXPECT("CREATE TABLE t (id bigserial PRIMARY KEY, v text)", "");
	EXPECT("INSERT INTO t (v) VALUES ('a'), ('b')", "");
	EXPECT("SELECT pg_get_serial_sequence('t', 'id'), pg_get_serial_sequence('t', 'v')",
	       "public.t_id_seq|<null>");
	EXPECT("SELECT nextval('t_id_seq')", "3");
	EXPECT("INSERT INTO t (v) VALUES ('c') RETURNING id", "4");
	EXPECT("SELECT setval('t_id_seq', 10)", "10");
	EXPECT("INSERT INTO t (v) VALUES ('d') RETURNING id", "11");
	EXPECT("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef", "nextval('t_id_seq'::regclass)");
	EXPECT("SELECT d.deptype, d.refobjsubid FROM pg_depend d JOIN pg_class c ON c.oid = "
	       "d.objid WHERE c.relname = 't_id_seq'",
	       "a|1");
	EXPECT("TRUNCATE t RESTART IDENTITY", "");
	EXPECT("INSERT INTO t (v) VALUES ('e') RETURNING id", "1");
	EXPECT("DROP SEQUENCE t_id_seq", "ERROR 2BP01");
}
END_TEST

/* The column sidecar: a serial key's type and identity kinds, through renames and drops; a
 * file made before the sidecar (a rowid alias without a row) reads as bigint. */
START_TEST(column_sidecar)
{
	EXPECT("CREATE TABLE t (id serial PRIMARY KEY, v text)", "");
	EXPECT("CREATE TABLE g (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
	       "n smallint GENERATED BY DEFAULT AS IDENTITY)", "");
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE old (id integer PRIMARY KEY AUTOINCREMENT)",
				      NULL, NULL, NULL), SQLITE_OK);
	EXPECT("SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attidentity, "
	       "a.atthasdef FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE "
	       "c.relname IN ('t', 'g', 'old') AND a.attname IN ('id', 'n') ORDER BY 1, 2",
	       "g|id|integer|a|0;g|n|smallint|d|0;old|id|bigint||1;t|id|integer||1");
	EXPECT("SELECT sequencename, data_type, max_value FROM pg_sequences ORDER BY 1",
	       "g_id_seq|integer|2147483647;g_n_seq|smallint|32767;old_id_seq|bigint|"
	       "9223372036854775807;t_id_seq|integer|2147483647");
	EXPECT("SELECT is_identity, identity_generation FROM information_schema.columns WHERE "
	       "table_name = 'g' ORDER BY ordinal_position",
	       "YES|ALWAYS;YES|BY DEFAULT");
	EXPECT("ALTER TABLE g RENAME TO h", "");
	EXPECT("ALTER TABLE h RENAME COLUMN id TO hid", "");
	EXPECT("SELECT attidentity, format_type(atttypid, atttypmod) FROM pg_attribute WHERE "
	       "attrelid = 'h'::regclass AND attname = 'hid'",
	       "a|integer");
	EXPECT("ALTER TABLE h DROP COLUMN n", "");
	EXPECT("DROP TABLE t", "");
	EXPECT("SELECT table_name, column_name, type, identity FROM _shardlite_columns",
	       "h|hid|int4|a");
	/* the serial's sequence keeps its name through both renames, as in PostgreSQL */
	EXPECT("SELECT pg_get_serial_sequence('h', 'hid')", "public.g_id_seq");
	EXPECT("SELECT setval('g_id_seq', 2147483647)", "2147483647");
	EXPECT("SELECT nextval('g_id_seq')", "ERROR 2200H");
}
END_TEST

/* Domains: CREATE/DROP DOMAIN's writer and its checks, the model's pg_type, pg_constraint,
 * pg_attribute and information_schema rows, a column tied to its domain by its sidecar row
 * (the translator writes such a table: src/xlat/xlat_domain.c), and the names of a column's
 * domain CHECKs taken apart. */
START_TEST(domains)
{
	EXPECT("CREATE DOMAIN posint AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0) CONSTRAINT "
	       "a_small CHECK (VALUE < 100)",
	       "");
	EXPECT("CREATE DOMAIN money2 numeric(12,2)", "");
	EXPECT("CREATE DOMAIN posint AS text", "ERROR 42710");
	EXPECT("CREATE DOMAIN integer AS text", "ERROR 42710");
	EXPECT("CREATE DOMAIN d AS int CONSTRAINT c CHECK (VALUE > 0) CONSTRAINT c CHECK (VALUE < 9)",
	       "ERROR 42710");
	EXPECT("CREATE TYPE posint AS ENUM ('a')", "ERROR 42710");
	EXPECT("SELECT typname, typtype, typbasetype, typtypmod, typnotnull, typdefault, typlen, "
	       "typinput, typoutput FROM pg_type WHERE typtype = 'd' ORDER BY 1",
	       "money2|d|1700|786438|0|<null>|-1|domain_in|numeric_out;"
	       "posint|d|23|-1|1|1|4|domain_in|int4out");
	EXPECT("SELECT a.typname, a.typcategory, e.typname FROM pg_type a JOIN pg_type e ON "
	       "e.oid = a.typelem WHERE e.typtype = 'd' ORDER BY 1",
	       "_money2|A|money2;_posint|A|posint");
	/* made in this order, checked in name order */
	EXPECT("SELECT conname, contypid = 'posint'::regtype, conrelid, pg_get_constraintdef(oid) "
	       "FROM pg_constraint WHERE contypid <> 0",
	       "posint_check|1|0|CHECK ((VALUE > 0));a_small|1|0|CHECK ((VALUE < 100))");
	EXPECT("SELECT format_type('posint'::regtype, NULL), format_type('money2'::regtype, -1)",
	       "posint|money2");
	ck_assert_int_eq(
		sqlite3_exec(db,
			     "CREATE TABLE t (k int4, p int4 DEFAULT (" CATALOG_DOMAIN_DEFAULT_MARK
			     " 1) CONSTRAINT \"shardlite_domain:6:posint:\" CHECK (p IS NOT NULL), "
			     "CONSTRAINT kpos CHECK (k > 0)); CREATE TABLE _shardlite_columns "
			     "(table_name TEXT NOT NULL, column_name TEXT NOT NULL, type TEXT NOT "
			     "NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, column_name)); "
			     "INSERT INTO _shardlite_columns VALUES ('t', 'p', 'posint', '')",
			     NULL, NULL, NULL),
		SQLITE_OK);
	EXPECT("SELECT attname, format_type(atttypid, atttypmod), atttypmod, atthasdef FROM "
	       "pg_attribute WHERE attrelid = 't'::regclass ORDER BY attnum",
	       "k|integer|-1|0;p|posint|-1|0");
	EXPECT("SELECT conname FROM pg_constraint WHERE conrelid = 't'::regclass", "kpos");
	EXPECT("SELECT column_name, data_type, domain_name FROM information_schema.columns WHERE "
	       "table_name = 't' ORDER BY ordinal_position",
	       "k|integer|<null>;p|integer|posint");
	EXPECT("SELECT domain_name, data_type, numeric_precision, numeric_scale, domain_default "
	       "FROM information_schema.domains ORDER BY 1",
	       "money2|numeric|12|2|<null>;posint|integer|32|0|1");
	EXPECT("SELECT constraint_name, domain_name FROM information_schema.domain_constraints "
	       "ORDER BY 1",
	       "a_small|posint;posint_check|posint");
	/* the writer's own checks (the translator, knowing no domain here, answers 42704 first) */
	ck_assert_int_eq(sqlite3_exec(db, "SELECT shardlite_domain('drop', 'posint', 0)", NULL,
				      NULL, NULL),
			 SQLITE_ERROR);
	ck_assert_str_eq(sqlite3_errmsg(db), "pgfn:2BP01:cannot drop type posint because other "
					     "objects depend on it");
	ck_assert_int_eq(sqlite3_exec(db, "SELECT shardlite_domain('drop', 'nosuch', 0)", NULL,
				      NULL, NULL),
			 SQLITE_ERROR);
	ck_assert_str_eq(sqlite3_errmsg(db), "pgfn:42704:type \"nosuch\" does not exist");
	ck_assert_int_eq(
		sqlite3_exec(db,
			     "SELECT shardlite_domain('drop', 'money2', 0); DROP INDEX IF "
			     "EXISTS _shardlite_domains_v; CREATE INDEX _shardlite_domains_v "
			     "ON _shardlite_domains (base)",
			     NULL, NULL, NULL),
		SQLITE_OK);
	EXPECT("SELECT count(*) FROM pg_type WHERE typname LIKE '%money2'", "0");
	char dom[64], con[64];
	ck_assert(catalog_domain_check_name("shardlite_domain:6:posint:posint_check", dom,
					    sizeof(dom), con, sizeof(con)));
	ck_assert_str_eq(dom, "posint");
	ck_assert_str_eq(con, "posint_check");
	ck_assert(catalog_domain_check_name("shardlite_domain:3:a:b:", dom, sizeof(dom), con,
					    sizeof(con)));
	ck_assert_str_eq(dom, "a:b");
	ck_assert_str_eq(con, "");
	ck_assert(!catalog_domain_check_name("kpos", dom, sizeof(dom), con, sizeof(con)));
	ck_assert(!catalog_domain_check_name("shardlite_domain:9:posint:", dom, sizeof(dom), con,
					     sizeof(con)));
}
END_TEST

START_TEST(comments)
{
	EXPECT("CREATE TABLE t (a int, b text)", "");
	EXPECT("COMMENT ON TABLE t IS 'the table'", "");
	EXPECT("COMMENT ON COLUMN t.b IS 'bee'", "");
	EXPECT("SELECT obj_description('t'::regclass, 'pg_class'), col_description('t'::regclass, "
	       "2), col_description('t'::regclass, 1)",
	       "the table|bee|<null>");
	EXPECT("COMMENT ON COLUMN t.nope IS 'x'", "ERROR 42703");
	EXPECT("COMMENT ON VIEW t IS 'x'", "ERROR 42809");
	EXPECT("COMMENT ON TABLE t IS NULL", "");
	EXPECT("SELECT count(*) FROM pg_description WHERE classoid = 1259", "1");
	/* initdb's comment on public, which pg_dump expects */
	EXPECT("SELECT obj_description(2200, 'pg_namespace')", "standard public schema");
	/* comments and ownership follow renames */
	EXPECT("CREATE SEQUENCE b_seq OWNED BY t.b", "");
	EXPECT("ALTER TABLE t RENAME COLUMN b TO c", "");
	EXPECT("ALTER TABLE t RENAME TO u", "");
	EXPECT("SELECT col_description('u'::regclass, 2), pg_get_serial_sequence('u', 'c')",
	       "bee|public.b_seq");
	EXPECT("ALTER TABLE u DROP COLUMN c", "");
	EXPECT("SELECT count(*) FROM _shardlite_comments WHERE kind = 'column'", "0");
	EXPECT("SELECT count(*) FROM pg_sequences", "0");
	EXPECT("ALTER TABLE u ADD COLUMN c text", "");
	EXPECT("SELECT col_description('u'::regclass, 2)", "<null>");
	EXPECT("DROP TABLE u", "");
	EXPECT("SELECT count(*) FROM _shardlite_comments", "0");
	EXPECT("SELECT count(*) FROM pg_sequences", "0");
	EXPECT("SELECT count(*) FROM pg_class WHERE relname LIKE '\\_shardlite%'", "0");
}
END_TEST

/* CREATE INDEX ... USING and operator classes: PostgreSQL's checks (shardlite_index_check)
 * and the catalog's view of the marked index (catalog_index.c). */
START_TEST(index_methods)
{
	EXPECT("CREATE TABLE d (id int, j jsonb, tags text[], n int, v varchar(10), e inet)", "");
	EXPECT("CREATE INDEX d_j ON d USING gin (j jsonb_path_ops)", "");
	EXPECT("CREATE INDEX d_tags ON d USING gin (tags)", "");
	EXPECT("CREATE INDEX d_v ON d (v varchar_pattern_ops)", "");
	EXPECT("CREATE INDEX d_vt ON d (v)", "");
	EXPECT("CREATE INDEX d_h ON d USING hash (v)", "");
	EXPECT("SELECT c.relname, a.amname, i.indclass, pg_get_indexdef(i.indexrelid) FROM "
	       "pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = "
	       "c.relam ORDER BY 1",
	       "d_h|hash|10037|CREATE INDEX d_h ON public.d USING hash (v);"
	       "d_j|gin|10091|CREATE INDEX d_j ON public.d USING gin (j jsonb_path_ops);"
	       "d_tags|gin|10064|CREATE INDEX d_tags ON public.d USING gin (tags);"
	       "d_v|btree|4218|CREATE INDEX d_v ON public.d USING btree (v varchar_pattern_ops);"
	       "d_vt|btree|3126|CREATE INDEX d_vt ON public.d USING btree (v)");
	/* the key types GIN and hash store */
	EXPECT("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid IN "
	       "('d_j'::regclass, 'd_tags'::regclass, 'd_h'::regclass) ORDER BY attrelid::regclass::text",
	       "integer;integer;text");
	EXPECT("CREATE INDEX x ON d USING nosuch (n)", "ERROR 42704");
	EXPECT("CREATE UNIQUE INDEX x ON d USING gin (j)", "ERROR 0A000");
	EXPECT("CREATE INDEX x ON d USING hash (n, v)", "ERROR 0A000");
	EXPECT("CREATE INDEX x ON d USING gin (j DESC)", "ERROR 0A000");
	EXPECT("CREATE INDEX x ON d USING gin (n)", "ERROR 42704");
	EXPECT("CREATE INDEX x ON d USING gist (e)", "ERROR 42704");
	EXPECT("CREATE INDEX x ON d USING gin (v jsonb_path_ops)", "ERROR 42804");
	EXPECT("CREATE INDEX x ON d USING gin (j gin_trgm_ops)", "ERROR 42704");
	EXPECT("CREATE INDEX x ON d USING gin (nope)", "ERROR 42703");
	EXPECT("SELECT count(*) FROM pg_class WHERE relname = 'x'", "0");
}
END_TEST

/* A serial key's sequence keeps its name through renames until it is renamed itself
 * (catalog_seqname.c; the shard module calls shardlite_seq_rename for ALTER SEQUENCE). */
START_TEST(serial_names)
{
	EXPECT("CREATE TABLE comment (id serial PRIMARY KEY, v int)", "");
	EXPECT("CREATE SEQUENCE other_seq", "");
	EXPECT("ALTER TABLE comment RENAME TO remark", "");
	EXPECT("SELECT pg_get_serial_sequence('remark', 'id'), pg_get_expr(adbin, adrelid) FROM "
	       "pg_attrdef WHERE adrelid = 'remark'::regclass",
	       "public.comment_id_seq|nextval('comment_id_seq'::regclass)");
	/* what ALTER SEQUENCE/TABLE ... RENAME TO of a sequence runs (shard_rename.c) */
	ck_assert_int_eq(sqlite3_exec(db,
				      "SELECT shardlite_seq_rename('comment_id_seq', "
				      "'remark_id_seq'); SELECT shardlite_seq_rename('other_seq', "
				      "'other2_seq')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	EXPECT("SELECT sequencename FROM pg_sequences ORDER BY 1", "other2_seq;remark_id_seq");
	EXPECT("SELECT nextval('remark_id_seq'), nextval('other2_seq')", "1|1");
	EXPECT("SELECT nextval('comment_id_seq')", "ERROR 42P01");
	EXPECT("SELECT table_name, column_name, name FROM _shardlite_serials",
	       "remark|id|remark_id_seq");
	EXPECT("DROP TABLE remark", "");
	EXPECT("SELECT count(*) FROM _shardlite_serials", "0");
}
END_TEST

/* AUTOINCREMENT counts as the keyword only: not inside a string, a quoted name or a comment. */
START_TEST(autoincrement_keyword)
{
	static const struct {
		const char *sql;
		bool yes;
	} rows[] = {
	    {"CREATE TABLE t (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, x text)", true},
	    {"CREATE TABLE \"t\" (\"id\" integer primary key autoincrement)", true},
	    {"CREATE TABLE t (id integer PRIMARY KEY, note text DEFAULT 'autoincrement')", false},
	    {"CREATE TABLE t (id integer PRIMARY KEY, \"AUTOINCREMENT\" int)", false},
	    {"CREATE TABLE t (id integer PRIMARY KEY /* AUTOINCREMENT */, x int)", false},
	    {"CREATE TABLE t (id integer PRIMARY KEY, autoincrement_n int)", false},
	    {"CREATE TABLE t (id integer PRIMARY KEY, x int) -- AUTOINCREMENT", false},
	    {NULL, false},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		ck_assert_msg(catalog_sql_autoincrement(rows[i].sql) == rows[i].yes, "row %zu", i);
}
END_TEST

START_TEST(triggers_and_views)
{
	EXPECT("CREATE TABLE t (a int, b int)", "");
	ck_assert_int_eq(sqlite3_exec(db,
				      "CREATE TRIGGER t_upd BEFORE UPDATE OF a ON t BEGIN SELECT 1; "
				      "END",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	EXPECT("SELECT tgname, tgtype, pg_get_triggerdef(oid) LIKE 'CREATE TRIGGER t_upd%' FROM "
	       "pg_trigger",
	       "t_upd|19|1");
	EXPECT("SELECT relhastriggers FROM pg_class WHERE relname = 't'", "1");
	EXPECT("CREATE OR REPLACE VIEW v AS SELECT a, b FROM t", "");
	EXPECT("CREATE OR REPLACE VIEW v AS SELECT a FROM t", "ERROR 42P16");
	EXPECT("CREATE OR REPLACE VIEW v AS SELECT a, b, a + b AS c FROM t", "");
	EXPECT("CREATE OR REPLACE VIEW t AS SELECT 1 AS a", "ERROR 42809");
	EXPECT("INSERT INTO t VALUES (1, 2), (3, 4)", "");
	EXPECT("SELECT relname, n_live_tup, seq_scan FROM pg_stat_user_tables", "t|2|0");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("catalog_seq");
	TCase *tc = tcase_create("seq");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, sequence_values);
	tcase_add_test(tc, serial_sequence);
	tcase_add_test(tc, column_sidecar);
	tcase_add_test(tc, comments);
	tcase_add_test(tc, index_methods);
	tcase_add_test(tc, serial_names);
	tcase_add_test(tc, triggers_and_views);
	tcase_add_test(tc, domains);
	tcase_add_test(tc, autoincrement_keyword);
	suite_add_tcase(s, tc);
	return check_run(s);
}
