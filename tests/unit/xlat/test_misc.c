/* SPDX-License-Identifier: Apache-2.0 */
/* test_misc.c: everything besides the SQL text — statement kinds and command tags,
 * transaction and SET/SHOW fields, parameter types, result column hints, statement
 * boundaries, syntax errors with PostgreSQL's positions, and refused statements. */
#include "xlat_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct kindcase {
	const char *pg;
	enum xlat_kind kind;
	const char *tag;
	enum xlat_tag_style style;
	bool rows, writes, ddl;
};

static const struct kindcase kinds[] = {
	{"SELECT 1", XLAT_SQL, "SELECT", XLAT_TAG_ROWS, true, false, false},
	{"VALUES (1)", XLAT_SQL, "SELECT", XLAT_TAG_ROWS, true, false, false},
	{"TABLE t", XLAT_SQL, "SELECT", XLAT_TAG_ROWS, true, false, false},
	{"SELECT a FROM t FOR UPDATE", XLAT_SQL, "SELECT", XLAT_TAG_ROWS, true, true, false},
	{"INSERT INTO t (a) VALUES (1)", XLAT_SQL, "INSERT", XLAT_TAG_INSERT, false, true, false},
	{"INSERT INTO t (a) VALUES (1) RETURNING id", XLAT_SQL, "INSERT", XLAT_TAG_INSERT, true,
	 true, false},
	{"UPDATE t SET a = 1", XLAT_SQL, "UPDATE", XLAT_TAG_ROWS, false, true, false},
	{"UPDATE t SET a = 1 RETURNING a", XLAT_SQL, "UPDATE", XLAT_TAG_ROWS, true, true, false},
	{"DELETE FROM t", XLAT_SQL, "DELETE", XLAT_TAG_ROWS, false, true, false},
	{"CREATE TABLE n (a int)", XLAT_SQL, "CREATE TABLE", XLAT_TAG_PLAIN, false, true, true},
	{"DROP TABLE t", XLAT_SCRIPT, "DROP TABLE", XLAT_TAG_PLAIN, false, true, true},
	{"CREATE INDEX ON t (b)", XLAT_REBUILD, "CREATE INDEX", XLAT_TAG_PLAIN, false, true, true},
	{"DROP INDEX i", XLAT_SCRIPT, "DROP INDEX", XLAT_TAG_PLAIN, false, true, true},
	{"CREATE VIEW w AS SELECT 1", XLAT_SCRIPT, "CREATE VIEW", XLAT_TAG_PLAIN, false, true, true},
	{"DROP VIEW v", XLAT_SCRIPT, "DROP VIEW", XLAT_TAG_PLAIN, false, true, true},
	{"ALTER TABLE t ADD COLUMN z int", XLAT_SCRIPT, "ALTER TABLE", XLAT_TAG_PLAIN, false, true,
	 true},
	{"ALTER TABLE t RENAME TO t2", XLAT_REBUILD, "ALTER TABLE", XLAT_TAG_PLAIN, false, true, true},
	{"TRUNCATE t", XLAT_SCRIPT, "TRUNCATE TABLE", XLAT_TAG_PLAIN, false, true, false},
	{"BEGIN", XLAT_TXN, "BEGIN", XLAT_TAG_PLAIN, false, false, false},
	{"START TRANSACTION", XLAT_TXN, "START TRANSACTION", XLAT_TAG_PLAIN, false, false, false},
	{"COMMIT", XLAT_TXN, "COMMIT", XLAT_TAG_PLAIN, false, false, false},
	{"END", XLAT_TXN, "COMMIT", XLAT_TAG_PLAIN, false, false, false},
	{"ROLLBACK", XLAT_TXN, "ROLLBACK", XLAT_TAG_PLAIN, false, false, false},
	{"ABORT", XLAT_TXN, "ROLLBACK", XLAT_TAG_PLAIN, false, false, false},
	{"SAVEPOINT s1", XLAT_TXN, "SAVEPOINT", XLAT_TAG_PLAIN, false, false, false},
	{"RELEASE SAVEPOINT s1", XLAT_TXN, "RELEASE", XLAT_TAG_PLAIN, false, false, false},
	{"ROLLBACK TO s1", XLAT_TXN, "ROLLBACK", XLAT_TAG_PLAIN, false, false, false},
	{"SET CONSTRAINTS ALL DEFERRED", XLAT_TXN, "SET CONSTRAINTS", XLAT_TAG_PLAIN, false, false,
	 false},
	{"SET CONSTRAINTS a, public.b IMMEDIATE", XLAT_TXN, "SET CONSTRAINTS", XLAT_TAG_PLAIN, false,
	 false, false},
	{"SET x = 1", XLAT_SET, "SET", XLAT_TAG_PLAIN, false, false, false},
	{"RESET x", XLAT_SET, "RESET", XLAT_TAG_PLAIN, false, false, false},
	{"SHOW x", XLAT_SHOW, "SHOW", XLAT_TAG_PLAIN, true, false, false},
	{"LISTEN ch", XLAT_NOTIFY, "LISTEN", XLAT_TAG_PLAIN, false, false, false},
	{"UNLISTEN *", XLAT_NOTIFY, "UNLISTEN", XLAT_TAG_PLAIN, false, false, false},
	{"NOTIFY ch, 'x'", XLAT_NOTIFY, "NOTIFY", XLAT_TAG_PLAIN, false, false, false},
	{"DISCARD ALL", XLAT_DISCARD, "DISCARD ALL", XLAT_TAG_PLAIN, false, false, false},
	{"DISCARD PLANS", XLAT_NOOP, "DISCARD PLANS", XLAT_TAG_PLAIN, false, false, false},
	{"DISCARD SEQUENCES", XLAT_DISCARD, "DISCARD SEQUENCES", XLAT_TAG_PLAIN, false, false,
	 false},
	{"DISCARD TEMP", XLAT_DISCARD, "DISCARD TEMP", XLAT_TAG_PLAIN, false, false, false},
	{"VACUUM", XLAT_SCRIPT, "VACUUM", XLAT_TAG_PLAIN, false, false, false},
	{"EXPLAIN SELECT a FROM t", XLAT_EXPLAIN, "EXPLAIN", XLAT_TAG_PLAIN, true, false, false},
	{"EXPLAIN DELETE FROM t", XLAT_EXPLAIN, "EXPLAIN", XLAT_TAG_PLAIN, true, false, false},
	{"EXPLAIN ANALYZE DELETE FROM t", XLAT_EXPLAIN, "EXPLAIN", XLAT_TAG_PLAIN, true, true,
	 false},
	{"VACUUM FULL", XLAT_SQL, "VACUUM", XLAT_TAG_PLAIN, false, false, false},
	{"VACUUM t", XLAT_SCRIPT, "VACUUM", XLAT_TAG_PLAIN, false, false, false},
	{"REINDEX TABLE t", XLAT_SQL, "REINDEX", XLAT_TAG_PLAIN, false, false, false},
	{"REINDEX INDEX CONCURRENTLY i", XLAT_SQL, "REINDEX", XLAT_TAG_PLAIN, false, false, false},
	{"REINDEX DATABASE d", XLAT_SCRIPT, "REINDEX", XLAT_TAG_PLAIN, false, false, false},
	{"REINDEX SYSTEM d", XLAT_SCRIPT, "REINDEX", XLAT_TAG_PLAIN, false, false, false},
	{"REINDEX SCHEMA pg_catalog", XLAT_NOOP, "REINDEX", XLAT_TAG_PLAIN, false, false, false},
	{"CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"", XLAT_SCRIPT, "CREATE EXTENSION",
	 XLAT_TAG_PLAIN, false, true, true},
	{"DROP EXTENSION IF EXISTS \"uuid-ossp\"", XLAT_SCRIPT, "DROP EXTENSION", XLAT_TAG_PLAIN,
	 false, true, true},
	{"DROP TABLE t, u", XLAT_SCRIPT, "DROP TABLE", XLAT_TAG_PLAIN, false, true, true},
	{"TRUNCATE t, u", XLAT_SCRIPT, "TRUNCATE TABLE", XLAT_TAG_PLAIN, false, true, false},
	{"ALTER TABLE t ADD PRIMARY KEY (a)", XLAT_REBUILD, "ALTER TABLE", XLAT_TAG_PLAIN, false,
	 true, true},
	{"COPY t FROM STDIN", XLAT_COPY, "COPY", XLAT_TAG_ROWS, false, true, false},
	{"COPY t TO STDOUT", XLAT_COPY, "COPY", XLAT_TAG_ROWS, false, false, false},
	{"ANALYZE t", XLAT_SCRIPT, "ANALYZE", XLAT_TAG_PLAIN, false, false, false},
	{"", XLAT_EMPTY, NULL, XLAT_TAG_PLAIN, false, false, false},
	{"  -- just a comment\n", XLAT_EMPTY, NULL, XLAT_TAG_PLAIN, false, false, false},
	{"/* c */ ;", XLAT_EMPTY, NULL, XLAT_TAG_PLAIN, false, false, false},
};

#define SIDECAR "CREATE TABLE IF NOT EXISTS " SIDECAR_BODY
#define SIDECAR_BODY                                                                               \
	"_shardlite_sequences (name TEXT PRIMARY KEY, type TEXT NOT "                              \
	"NULL, start INTEGER NOT NULL, increment INTEGER NOT NULL, min INTEGER NOT NULL, max "     \
	"INTEGER NOT NULL, cache INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT " \
	"NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT)"
#define SEQ_ARGS(type) ", 0, '" type "', NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
#define COLUMNS(row)                                                                               \
	"; CREATE TABLE IF NOT EXISTS _shardlite_columns (table_name TEXT NOT NULL, column_name "  \
	"TEXT NOT NULL, type TEXT NOT NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, "     \
	"column_name)); INSERT OR REPLACE INTO main._shardlite_columns VALUES (" row ")"

/* Sequences, comments and CHECKPOINT become scripts over the sidecar tables. */
static const struct {
	const char *pg, *sql, *tag;
} scripts[] = {
	{"DROP SEQUENCE s, public.u",
	 "SELECT shardlite_sequence('drop', 's', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
	 "NULL, NULL, NULL); SELECT shardlite_sequence('drop in public', 'u', 0, NULL, NULL, NULL, NULL, "
	 "NULL, NULL, NULL, NULL, NULL, NULL)",
	 "DROP SEQUENCE"},
	/* CASCADE: the writer refuses it for a sequence a default or a view uses */
	{"DROP SEQUENCE s CASCADE",
	 "SELECT shardlite_sequence('drop cascade', 's', 0, NULL, NULL, NULL, NULL, NULL, NULL, "
	 "NULL, NULL, NULL, NULL)",
	 "DROP SEQUENCE"},
	{"TRUNCATE t RESTART IDENTITY", "DELETE FROM t; SELECT shardlite_seq_restart('t')",
	 "TRUNCATE TABLE"},
	/* GRANT/REVOKE: the privileges sidecar, then one recording call per object and grantee */
	{"GRANT SELECT, insert ON t, public.u TO PUBLIC, bob",
	 "CREATE TABLE IF NOT EXISTS _shardlite_privileges (relname TEXT NOT NULL, kind TEXT NOT "
	 "NULL, grantee TEXT NOT NULL, privs TEXT NOT NULL, PRIMARY KEY (relname, kind, grantee)); "
	 "SELECT shardlite_grant(1, 't', 't', 'p', NULL, 'ra', 0); SELECT shardlite_grant(1, 't', "
	 "'t', 'n', 'bob', 'ra', 0); SELECT shardlite_grant(1, 't', 'u', 'p', NULL, 'ra', 0); "
	 "SELECT shardlite_grant(1, 't', 'u', 'n', 'bob', 'ra', 0)",
	 "GRANT"},
	{"REVOKE GRANT OPTION FOR ALL ON ALL SEQUENCES IN SCHEMA public FROM CURRENT_USER",
	 "CREATE TABLE IF NOT EXISTS _shardlite_privileges (relname TEXT NOT NULL, kind TEXT NOT "
	 "NULL, grantee TEXT NOT NULL, privs TEXT NOT NULL, PRIMARY KEY (relname, kind, grantee)); "
	 "SELECT shardlite_grant(0, 'S', '', 'c', NULL, '', 1)",
	 "REVOKE"},
	{"TRUNCATE t", "DELETE FROM t", "TRUNCATE TABLE"},
	{"TRUNCATE TABLE ONLY public.t", "DELETE FROM t", "TRUNCATE TABLE"},
	{"TRUNCATE t RESTART IDENTITY CASCADE", "DELETE FROM t; SELECT shardlite_seq_restart('t')",
	 "TRUNCATE TABLE"},
	{"TRUNCATE t CASCADE", "DELETE FROM t", "TRUNCATE TABLE"},
	/* a dropped object's comments (and a table's owned sequences) go with it */
	/* without CASCADE, other tables' keys (before) and views (after) holding it back: 2BP01 */
	{"DROP TABLE t",
	 "SELECT shardlite_views_mark(); SELECT shardlite_drop_refs('t', 't'); DROP TABLE t; "
	 "SELECT shardlite_forget('table', 't'); SELECT shardlite_drop_restrict('table', 't', 't')",
	 "DROP TABLE"},
	{"DROP TABLE IF EXISTS public.t RESTRICT",
	 "SELECT shardlite_views_mark(); SELECT shardlite_drop_refs('t', 't'); DROP TABLE IF "
	 "EXISTS t; SELECT shardlite_forget('table', 't'); SELECT shardlite_drop_restrict('table', "
	 "'t', 't')",
	 "DROP TABLE"},
	{"DROP INDEX IF EXISTS i CASCADE",
	 "SELECT shardlite_index_drop_check('i'); DROP INDEX IF EXISTS i; "
	 "SELECT shardlite_forget('index', 'i')",
	 "DROP INDEX"},
	{"DROP VIEW v",
	 "SELECT shardlite_views_mark(); DROP VIEW v; SELECT shardlite_forget('view', 'v'); SELECT "
	 "shardlite_drop_restrict('view', 'v', 'v')",
	 "DROP VIEW"},
	{"DROP VIEW v CASCADE",
	 "SELECT shardlite_views_mark(); DROP VIEW v; SELECT shardlite_forget('view', 'v'); SELECT "
	 "shardlite_views_sweep()",
	 "DROP VIEW"},
	{"ALTER TABLE t DROP COLUMN e",
	 "SELECT shardlite_trigger_refit('t', 0, 'e'); SELECT "
	 "shardlite_column_views_check('t', 'e'); SELECT shardlite_column_indexes_drop('t', 'e'); ALTER TABLE t DROP COLUMN e; "
	 "SELECT shardlite_forget('column', 't', 'e'); SELECT shardlite_trigger_refit('t', 1)",
	 "ALTER TABLE"},
	/* ... and follow a rename */
	{"ALTER TABLE t RENAME COLUMN b TO bb",
	 "ALTER TABLE t RENAME COLUMN b TO bb; SELECT shardlite_renamed('t', 'b', 'bb'); SELECT "
	 "shardlite_generated_renamed('t', 'b', 'bb'); SELECT "
	 "shardlite_index_renamed('t', 'b', 'bb'); SELECT shardlite_trigger_renamed('t', 'b', "
	 "'bb')",
	 "ALTER TABLE"},
	{"ALTER TABLE t RENAME b TO bb",
	 "ALTER TABLE t RENAME COLUMN b TO bb; SELECT shardlite_renamed('t', 'b', 'bb'); SELECT "
	 "shardlite_generated_renamed('t', 'b', 'bb'); SELECT "
	 "shardlite_index_renamed('t', 'b', 'bb'); SELECT shardlite_trigger_renamed('t', 'b', "
	 "'bb')",
	 NULL},
	{"CREATE SEQUENCE s INCREMENT -2 MINVALUE -10 NO MAXVALUE CYCLE OWNED BY t.a",
	 "CREATE TABLE IF NOT EXISTS _shardlite_sequences (name TEXT PRIMARY KEY, type TEXT NOT "
	 "NULL, start INTEGER NOT NULL, increment INTEGER NOT NULL, min INTEGER NOT NULL, max "
	 "INTEGER NOT NULL, cache INTEGER NOT NULL, cycle INTEGER NOT NULL, last_value INTEGER NOT "
	 "NULL, is_called INTEGER NOT NULL, owner_table TEXT, owner_column TEXT); SELECT "
	 "shardlite_sequence('create', 's', 0, NULL, NULL, -2, -10, 'no', NULL, 1, NULL, 't', 'a')",
	 NULL},
	{"ALTER SEQUENCE IF EXISTS s AS integer RESTART",
	 "SELECT shardlite_sequence('alter', 's', 1, 'integer', NULL, NULL, NULL, NULL, NULL, NULL, "
	 "'start', NULL, NULL)",
	 NULL},
	{"COMMENT ON COLUMN public.t.a IS 'it''s'",
	 "CREATE TABLE IF NOT EXISTS _shardlite_comments (kind TEXT NOT NULL, name TEXT NOT NULL, "
	 "column_name TEXT NOT NULL, description TEXT NOT NULL, PRIMARY KEY (kind, name, "
	 "column_name)); SELECT shardlite_comment('column in public', 't', 'a', 'it''s')",
	 NULL},
	{"COMMENT ON INDEX i IS NULL", "SELECT shardlite_comment('index', 'i', '', NULL)", NULL},
	/* a constraint's comment: kind constraint (of the table) or domain constraint */
	{"COMMENT ON CONSTRAINT c ON public.t IS NULL",
	 "SELECT shardlite_comment('constraint in public', 't', 'c', NULL)", NULL},
	{"COMMENT ON CONSTRAINT c ON DOMAIN d IS NULL",
	 "SELECT shardlite_comment('domain constraint', 'd', 'c', NULL)", NULL},
	{"CHECKPOINT", "PRAGMA wal_checkpoint(PASSIVE)", NULL},
	/* a serial or identity key is the rowid alias: its type and identity kind in the sidecar */
	{"CREATE TABLE n1 (id serial PRIMARY KEY, name text NOT NULL)",
	 "CREATE TABLE n1 (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, name text NOT NULL)" COLUMNS(
		 "'n1', 'id', 'int4', ''"),
	 "CREATE TABLE"},
	{"CREATE TABLE n1 (id serial, name text, CONSTRAINT n1_pkey PRIMARY KEY (id))",
	 "CREATE TABLE n1 (id integer CONSTRAINT n1_pkey PRIMARY KEY AUTOINCREMENT NOT NULL, name "
	 "text)" COLUMNS("'n1', 'id', 'int4', ''"),
	 NULL},
	{"CREATE TABLE n1 (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text)",
	 "CREATE TABLE n1 (id integer PRIMARY KEY AUTOINCREMENT, v text)" COLUMNS(
		 "'n1', 'id', 'int4', 'd'"),
	 NULL},
	{"CREATE TABLE IF NOT EXISTS n1 (id int PRIMARY KEY GENERATED ALWAYS AS IDENTITY)",
	 "CREATE TABLE IF NOT EXISTS n1 (id integer PRIMARY KEY AUTOINCREMENT)"
	 "; CREATE TABLE IF NOT EXISTS _shardlite_columns (table_name TEXT NOT NULL, column_name "
	 "TEXT NOT NULL, type TEXT NOT NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, "
	 "column_name)); INSERT OR IGNORE INTO main._shardlite_columns VALUES ('n1', 'id', 'int4', 'a')",
	 NULL},
	{"CREATE TABLE n1 (id bigserial PRIMARY KEY, v text)",
	 "CREATE TABLE n1 (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, v text)" COLUMNS(
		 "'n1', 'id', 'bigint', ''"),
	 NULL},
	/* a plain integer key alone is the rowid alias too, without AUTOINCREMENT */
	{"CREATE TABLE n1 (a int PRIMARY KEY, b text)",
	 "CREATE TABLE n1 (a integer PRIMARY KEY NOT NULL, b text)" COLUMNS("'n1', 'a', 'int4', ''"),
	 "CREATE TABLE"},
	{"CREATE TABLE n1 (a bigint, b text, CONSTRAINT k PRIMARY KEY (a))",
	 "CREATE TABLE n1 (a integer CONSTRAINT k PRIMARY KEY NOT NULL, b text)" COLUMNS(
		 "'n1', 'a', 'bigint', ''"),
	 NULL},
	{"CREATE TABLE n1 (a smallint NOT NULL PRIMARY KEY REFERENCES t, b text)",
	 "CREATE TABLE n1 (a integer NOT NULL PRIMARY KEY REFERENCES t, b text)" COLUMNS(
		 "'n1', 'a', 'smallint', ''"),
	 NULL},
	/* a temporary table's: in the temp schema's own sidecars, which go with the session */
	{"CREATE TEMP TABLE n1 (id serial PRIMARY KEY, n int GENERATED ALWAYS AS IDENTITY)",
	 "CREATE TEMP TABLE n1 (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, n int4 NOT NULL "
	 "DEFAULT (nextval('n1_n_seq'))); CREATE TABLE IF NOT EXISTS temp._shardlite_columns "
	 "(table_name TEXT NOT NULL, column_name TEXT NOT NULL, type TEXT NOT NULL, identity TEXT "
	 "NOT NULL, PRIMARY KEY (table_name, column_name)); INSERT OR REPLACE INTO "
	 "temp._shardlite_columns VALUES ('n1', 'id', 'int4', ''); CREATE TABLE IF NOT EXISTS "
	 "temp._shardlite_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, type TEXT "
	 "NOT NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, column_name)); INSERT OR "
	 "REPLACE INTO temp._shardlite_columns VALUES ('n1', 'n', 'int4', 'a'); CREATE TABLE IF "
	 "NOT EXISTS temp." SIDECAR_BODY
	 "; SELECT shardlite_sequence('create temp', 'n1_n_seq'" SEQ_ARGS("integer") "'n1', 'n')",
	 "CREATE TABLE"},
	{"CREATE TEMP SEQUENCE s START 5",
	 "CREATE TABLE IF NOT EXISTS temp." SIDECAR_BODY "; SELECT shardlite_sequence('create "
	 "temp', 's', 0, NULL, 5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
	 "CREATE SEQUENCE"},
	/* serial and identity columns that are not the rowid take a sequence of the sidecar */
	{"CREATE TABLE n1 (id smallserial PRIMARY KEY)",
	 "CREATE TABLE n1 (id smallint PRIMARY KEY NOT NULL DEFAULT (nextval('n1_id_seq'))); " SIDECAR
	 "; SELECT shardlite_sequence('create', 'n1_id_seq'" SEQ_ARGS("smallint") "'n1', 'id')",
	 "CREATE TABLE"},
	{"CREATE TABLE n1 (id serial PRIMARY KEY, n serial)",
	 "CREATE TABLE n1 (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, n int4 NOT NULL DEFAULT "
	 "(nextval('n1_n_seq')))" COLUMNS(
		 "'n1', 'id', 'int4', ''") "; " SIDECAR
					   "; SELECT shardlite_sequence('create', 'n1_n_seq'" SEQ_ARGS(
						   "integer") "'n1', 'n')",
	 NULL},
	{"CREATE TABLE n1 (a int, id serial, PRIMARY KEY (a, id))",
	 "CREATE TABLE n1 (a int4 NOT NULL, id int4 NOT NULL DEFAULT (nextval('n1_id_seq')), "
	 "PRIMARY KEY (a, id)); " SIDECAR
	 "; SELECT shardlite_sequence('create', 'n1_id_seq'" SEQ_ARGS("integer") "'n1', 'id')",
	 NULL},
	{"CREATE TABLE n1 (id bigint GENERATED BY DEFAULT AS IDENTITY (START 5 CYCLE) PRIMARY KEY)",
	 "CREATE TABLE n1 (id bigint PRIMARY KEY NOT NULL DEFAULT (nextval('n1_id_seq')))" COLUMNS(
		 "'n1', 'id', 'bigint', 'd'") "; " SIDECAR "; SELECT shardlite_sequence('create', "
					      "'n1_id_seq', 0, 'bigint', 5, NULL, NULL, "
					      "NULL, NULL, 1, NULL, 'n1', 'id')",
	 NULL},
	{"CREATE OR REPLACE VIEW v AS SELECT 1 AS x",
	 "SELECT shardlite_view_save('v'); DROP VIEW IF EXISTS v; CREATE VIEW v AS SELECT 1 AS x; "
	 "SELECT 1 FROM v LIMIT 0; CREATE TABLE IF NOT EXISTS _shardlite_columns (table_name TEXT "
	 "NOT NULL, column_name TEXT NOT NULL, type TEXT NOT NULL, identity TEXT NOT NULL, PRIMARY "
	 "KEY (table_name, column_name)); DELETE FROM main._shardlite_columns WHERE table_name = "
	 "'v'; INSERT INTO main._shardlite_columns SELECT 'v', name, 'int4', '' FROM "
	 "pragma_table_xinfo('v', 'main') WHERE cid = 0 AND (coalesce(type, '') = '' OR "
	 "upper(type) = 'INTEGER'); SELECT shardlite_view_check('v')",
	 "CREATE VIEW"},
};

/* ALTER TABLE actions done as rebuilds: what the session is told. */
static const struct {
	const char *pg;
	enum xlat_rebuild_kind kind;
	const char *column, *default_pg, *decl, *convert, *name;
	bool missing_ok;
} alters[] = {
	{"ALTER TABLE t ALTER COLUMN a SET DEFAULT now() ;", XLAT_RB_SET_DEFAULT, "a", "now()",
	 NULL, NULL, NULL, false},
	{"ALTER TABLE \"set\" ALTER set SET DEFAULT 'x''s' || 'y'", XLAT_RB_SET_DEFAULT, "set",
	 "'x''s' || 'y'", NULL, NULL, NULL, false},
	{"ALTER TABLE t ALTER COLUMN a DROP DEFAULT", XLAT_RB_SET_DEFAULT, "a", NULL, NULL, NULL,
	 NULL, false},
	{"ALTER TABLE t ALTER COLUMN a TYPE bigint", XLAT_RB_ALTER_TYPE, "a", NULL, "bigint",
	 "CAST(iif(typeof(a) = 'real', round(a), a) AS INTEGER)", NULL, false},
	{"ALTER TABLE t ALTER a SET DATA TYPE varchar(5) USING b || 'x'", XLAT_RB_ALTER_TYPE, "a",
	 NULL, "character varying(5)", "shardlite_varchar(CAST((b || 'x') AS TEXT), 5)", NULL,
	 false},
	{"ALTER TABLE t DROP CONSTRAINT IF EXISTS t_a_check", XLAT_RB_DROP_CONSTRAINT, NULL, NULL,
	 NULL, NULL, "t_a_check", true},
	{"ALTER TABLE t ALTER COLUMN a SET NOT NULL", XLAT_RB_NOT_NULL, "a", NULL, NULL, NULL, NULL,
	 false},
	{"ALTER TABLE \"T\" ALTER \"B c\" DROP NOT NULL", XLAT_RB_NOT_NULL, "B c", NULL, NULL, NULL,
	 NULL, false},
};

static void str_eq_or_null(const char *got, const char *want, const char *what)
{
	if (!want)
		ck_assert_msg(!got, "%s: want NULL, got %s", what, got);
	else
		ck_assert_msg(got && strcmp(got, want) == 0, "%s: want %s, got %s", what, want,
			      got ? got : "NULL");
}

START_TEST(test_alters)
{
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st = xtranslate(alters[_i].pg, NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_REBUILD);
	const struct xlat_rebuild *rb = st->rebuild;
	ck_assert_int_eq(rb->kind, alters[_i].kind);
	str_eq_or_null(rb->column, alters[_i].column, "column");
	str_eq_or_null(rb->default_pg, alters[_i].default_pg, "default");
	str_eq_or_null(rb->decl, alters[_i].decl, "decl");
	str_eq_or_null(rb->convert, alters[_i].convert, "convert");
	if (alters[_i].name)
		str_eq_or_null(rb->name, alters[_i].name, "name");
	ck_assert(rb->missing_ok == alters[_i].missing_ok);
	ck_assert(rb->not_null == (strstr(alters[_i].pg, "SET NOT NULL") != NULL));
	arena_free(a);
}
END_TEST

START_TEST(test_scripts)
{
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st = xtranslate(scripts[_i].pg, NULL, 0, 1, a);
	/* DROP COLUMN: the script is a rebuild link, run after the constraints over the column
	 * are dropped (shard_dropcol.c) */
	bool dropcol = st->kind == XLAT_REBUILD && st->rebuild->drop_column && !st->rebuild->next;
	ck_assert_msg(st->kind == XLAT_SCRIPT || dropcol, "%s: kind %d", scripts[_i].pg, st->kind);
	ck_assert_str_eq(dropcol ? st->rebuild->script : st->sql, scripts[_i].sql);
	if (scripts[_i].tag)
		ck_assert_str_eq(st->tag, scripts[_i].tag);
	arena_free(a);
}
END_TEST

START_TEST(test_kinds)
{
	const struct kindcase *k = &kinds[_i];
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st = xtranslate(k->pg, NULL, 0, 1, a);
	ck_assert_msg(st->kind == k->kind, "%s: kind %d", k->pg, st->kind);
	if (k->tag)
		ck_assert_msg(st->tag && strcmp(st->tag, k->tag) == 0, "%s: tag %s", k->pg,
			      st->tag);
	ck_assert_msg(st->tag_style == k->style, "%s: tag style", k->pg);
	ck_assert_msg(st->returns_rows == k->rows, "%s: returns_rows", k->pg);
	ck_assert_msg(st->writes == k->writes, "%s: writes", k->pg);
	ck_assert_msg(st->is_ddl == k->ddl, "%s: is_ddl", k->pg);
	bool has_sql = k->kind == XLAT_SQL || k->kind == XLAT_SCRIPT || k->kind == XLAT_EXPLAIN ||
		       (k->kind == XLAT_COPY && !st->copy->table);
	ck_assert_msg((st->sql != NULL) == has_sql, "%s: sql", k->pg);
	arena_free(a);
}
END_TEST

/* CONCURRENTLY is noted for the session, which refuses it inside a transaction block */
START_TEST(test_concurrently)
{
	static const struct {
		const char *pg;
		bool concurrently;
	} cases[] = {
		{"CREATE INDEX CONCURRENTLY i ON t (a)", true}, {"CREATE INDEX i ON t (a)", false},
		{"DROP INDEX CONCURRENTLY i", true},           {"DROP INDEX i", false},
		{"REINDEX TABLE CONCURRENTLY t", true},        {"REINDEX (CONCURRENTLY) INDEX i", true},
		{"REINDEX (CONCURRENTLY false) TABLE t", false}, {"REINDEX TABLE t", false},
	};
	struct arena *a = arena_new(0);
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		const struct xlat_stmt *st = xtranslate(cases[i].pg, NULL, 0, 1, a);
		ck_assert_msg(st->concurrently == cases[i].concurrently, "%s", cases[i].pg);
	}
	arena_free(a);
}
END_TEST

START_TEST(test_txn_fields)
{
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st =
		xtranslate("BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY", NULL, 0, 1, a);
	ck_assert_int_eq(st->txn, XLAT_TXN_BEGIN);
	ck_assert_int_eq(st->read_only, 1);
	ck_assert_str_eq(st->set_value, "serializable");
	st = xtranslate("START TRANSACTION ISOLATION LEVEL READ COMMITTED READ WRITE", NULL, 0, 1,
			a);
	ck_assert_int_eq(st->read_only, 0);
	ck_assert_str_eq(st->set_value, "read committed");
	st = xtranslate("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ", NULL, 0, 1, a);
	ck_assert_int_eq(st->read_only, -1);
	ck_assert_str_eq(st->set_value, "repeatable read");
	st = xtranslate("BEGIN", NULL, 0, 1, a);
	ck_assert_int_eq(st->read_only, -1);
	ck_assert_ptr_null(st->set_value);
	st = xtranslate("SAVEPOINT \"My Point\"", NULL, 0, 1, a);
	ck_assert_int_eq(st->txn, XLAT_TXN_SAVEPOINT);
	ck_assert_str_eq(st->savepoint, "My Point");
	st = xtranslate("RELEASE sp", NULL, 0, 1, a);
	ck_assert_int_eq(st->txn, XLAT_TXN_RELEASE);
	ck_assert_str_eq(st->savepoint, "sp");
	st = xtranslate("ROLLBACK TO SAVEPOINT sp", NULL, 0, 1, a);
	ck_assert_int_eq(st->txn, XLAT_TXN_ROLLBACK_TO);
	ck_assert_str_eq(st->savepoint, "sp");
	st = xtranslate("END", NULL, 0, 1, a);
	ck_assert_int_eq(st->txn, XLAT_TXN_COMMIT);
	st = xtranslate("ABORT", NULL, 0, 1, a);
	ck_assert_int_eq(st->txn, XLAT_TXN_ROLLBACK);
	arena_free(a);
}
END_TEST

struct setcase {
	const char *pg;
	const char *name;  /* NULL: ALL */
	const char *value; /* NULL: DEFAULT / none */
	bool local, reset;
};

static const struct setcase sets[] = {
	{"SET search_path TO a, \"B\"", "search_path", "a, \"B\"", false, false},
	{"SET TIME ZONE 'UTC'", "timezone", "UTC", false, false},
	{"SET \"TimeZone\" = 'UTC'", "timezone", "UTC", false, false},
	{"SET LOCAL statement_timeout = 5", "statement_timeout", "5", true, false},
	{"SET SESSION DateStyle = iso, mdy", "datestyle", "iso, mdy", false, false},
	{"SET myapp.ratio = -1.5", "myapp.ratio", "-1.5", false, false},
	{"SET client_min_messages TO warning", "client_min_messages", "warning", false, false},
	{"SET NAMES 'UTF8'", "client_encoding", "UTF8", false, false},
	{"SET x TO DEFAULT", "x", NULL, false, true},
	{"SET TIME ZONE LOCAL", "timezone", NULL, false, true},
	{"RESET DateStyle", "datestyle", NULL, false, true},
	{"RESET ALL", NULL, NULL, false, true},
	{"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", "transaction_isolation", "serializable",
	 true, false},
	{"SET TRANSACTION READ ONLY", "transaction_read_only", "on", true, false},
	{"SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", "default_transaction_read_only",
	 "off", false, false},
};

static void str_or_null_eq(const char *what, const char *pg, const char *got, const char *want)
{
	if (!want)
		ck_assert_msg(got == NULL, "%s: %s is %s, want NULL", pg, what, got);
	else
		ck_assert_msg(got && strcmp(got, want) == 0, "%s: %s is %s, want %s", pg, what,
			      got ? got : "NULL", want);
}

START_TEST(test_set)
{
	const struct setcase *k = &sets[_i];
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st = xtranslate(k->pg, NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_SET);
	str_or_null_eq("name", k->pg, st->set_name, k->name);
	str_or_null_eq("value", k->pg, st->set_value, k->value);
	ck_assert_msg(st->set_local == k->local, "%s: local", k->pg);
	ck_assert_msg(st->set_reset == k->reset, "%s: reset", k->pg);
	arena_free(a);
}
END_TEST

/* pg_dump's transaction: several options, the first in set_name/set_value, the others in
 * set_more; LOCK TABLE in its modes, an existence check per table and the locks; and the
 * restore's ALTER TABLE ... OWNER TO, the catalog's check. */
START_TEST(test_set_transaction_multi)
{
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st = xtranslate(
		"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY, DEFERRABLE", NULL, 0, 1,
		a);
	ck_assert_int_eq(st->kind, XLAT_SET);
	ck_assert_str_eq(st->set_name, "transaction_isolation");
	ck_assert_str_eq(st->set_value, "serializable");
	ck_assert_uint_eq(st->nset_more, 2);
	ck_assert_str_eq(st->set_more[0], "transaction_read_only");
	ck_assert_str_eq(st->set_more[1], "on");
	ck_assert_str_eq(st->set_more[2], "transaction_deferrable");
	ck_assert_str_eq(st->set_more[3], "on");
	st = xtranslate("LOCK TABLE public.t, u IN ACCESS SHARE MODE", NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_SCRIPT);
	ck_assert_str_eq(st->tag, "LOCK TABLE");
	ck_assert_str_eq(st->sql, "SELECT 1 FROM t LIMIT 0; SELECT 1 FROM u LIMIT 0; "
				  "SELECT shardlite_lock_table('t', 1, 0); "
				  "SELECT shardlite_lock_table('u', 1, 0)");
	ck_assert_ptr_null(st->lock_nowait);
	/* the write lock first, then the table-lock manager's */
	st = xtranslate("LOCK TABLE t, u IN EXCLUSIVE MODE", NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_SCRIPT);
	ck_assert_str_eq(st->sql, "DELETE FROM t WHERE 0; DELETE FROM u WHERE 0; "
				  "SELECT shardlite_lock_table('t', 7, 0); "
				  "SELECT shardlite_lock_table('u', 7, 0)");
	st = xtranslate("LOCK TABLE t", NULL, 0, 1, a); /* ACCESS EXCLUSIVE, the default */
	ck_assert_str_eq(st->sql, "DELETE FROM t WHERE 0; SELECT shardlite_lock_table('t', 8, 0)");
	st = xtranslate("LOCK TABLE t IN ROW SHARE MODE NOWAIT", NULL, 0, 1, a);
	ck_assert_str_eq(st->sql, "DELETE FROM t WHERE 0; SELECT shardlite_lock_table('t', 2, 1)");
	ck_assert_str_eq(st->lock_nowait, "t");
	st = xtranslate("ALTER TABLE t OWNER TO bob", NULL, 0, 1, a);
	ck_assert_int_eq(st->kind, XLAT_SCRIPT);
	ck_assert_str_eq(st->sql, "SELECT shardlite_owner_check('t', 'bob')");
	st = xtranslate("ALTER TABLE public.t OWNER TO CURRENT_USER", NULL, 0, 1, a);
	ck_assert_str_eq(st->sql, "SELECT shardlite_owner_check('t', NULL)");
	arena_free(a);
}
END_TEST

/* pg_get_viewdef's text: the kept query deparsed, qualified for pg_dump's empty search_path */
static const struct {
	const char *query;
	bool qualify;
	const char *want; /* NULL: 0A000 */
} viewdefs[] = {
	{"SELECT id FROM orders o JOIN t USING (id) WHERE x > 1", true,
	 " SELECT id FROM public.orders o JOIN public.t USING (id) WHERE x > 1;"},
	{"SELECT id FROM orders", false, " SELECT id FROM orders;"},
	{"WITH c AS (SELECT 1 AS a) SELECT a FROM c, d", true,
	 " WITH c AS (SELECT 1 AS a) SELECT a FROM c, public.d;"},
	{"SELECT (SELECT max(a) FROM t2) FROM t WHERE EXISTS (SELECT 1 FROM acme.t3)", true,
	 " SELECT (SELECT max(a) FROM public.t2) FROM public.t WHERE EXISTS (SELECT 1 FROM "
	 "acme.t3);"},
	{"SELECT relname FROM pg_class", true, " SELECT relname FROM pg_class;"},
	/* a scalar subquery as the translator wraps it (xlat_pred.c): the subquery as written */
	{"SELECT a FROM t WHERE a > (WITH shardlite_sub(v) AS (SELECT b FROM t2) SELECT "
	 "shardlite_scalar(v) FROM shardlite_sub)",
	 false, " SELECT a FROM t WHERE a > (SELECT b FROM t2);"},
	{"SELECT pgfn_div(a, b) FROM t", true, NULL},
	{"SELECT pg_current(1184, -1, 0) AS now", true, NULL},
};

START_TEST(test_viewdef)
{
	struct arena *a = arena_new(0);
	const char *out = NULL;
	struct pgerr e;
	pgerr_clear(&e);
	bool ok = xlat_viewdef("v", viewdefs[_i].query, viewdefs[_i].qualify ? "public" : NULL,
			       NULL, false, 0, a, &out, &e);
	if (viewdefs[_i].want) {
		ck_assert_msg(ok, "%s: %s", viewdefs[_i].query, e.message);
		ck_assert_str_eq(out, viewdefs[_i].want);
	} else {
		ck_assert(!ok);
		ck_assert_str_eq(e.sqlstate, "0A000");
	}
	arena_free(a);
}
END_TEST

/* pg_get_viewdef laid out as ruleutils prints it, typed from the tenant's columns: view v over
 * t, with the pretty flag's parentheses, the wrap column and a qualifying schema */
static const struct xlat_schema_col vd_t_cols[] = {
	{"a", 23, -1, 0, NULL, false, false, false},
	{"b", 25, -1, 0, NULL, false, false, false},
	{"c", 1043, 14, 0, NULL, false, false, false},
	{"d", 1700, -1, 0, NULL, false, false, false},
};
static const struct xlat_schema_col vd_v_cols[] = {
	{"a", 23, -1, 0, NULL, false, false, false},
	{"c", 0, -1, 0, NULL, false, false,
	 false}, /* an expression column the catalog shows as text */
};

static bool vd_table_fn(void *arg, const char *name, struct arena *a,
			const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	bool t = strcmp(name, "t") == 0, v = strcmp(name, "v") == 0;
	*cols = t ? vd_t_cols : vd_v_cols;
	*ncols = t ? ARRAY_LEN(vd_t_cols) : ARRAY_LEN(vd_v_cols);
	return t || v;
}

static const struct {
	const char *query;
	bool pretty;
	int wrap;
	bool qualify;
	const char *want;
} layouts[] = {
	{"SELECT a, b || 'x' AS c FROM t WHERE a > 1 ORDER BY a NULLS LAST", false, 0, false,
	 " SELECT t.a,\n    (t.b || 'x'::text) AS c\n   FROM t\n  WHERE (t.a > 1)\n  ORDER BY t.a;"},
	{"SELECT a, b || 'x' AS c FROM t WHERE a > 1 ORDER BY a NULLS LAST", true, 0, false,
	 " SELECT t.a,\n    t.b || 'x'::text AS c\n   FROM t\n  WHERE t.a > 1\n  ORDER BY t.a;"},
	{"SELECT a, b || 'x' AS c FROM t WHERE a > 1 ORDER BY a NULLS LAST", true, 80, true,
	 " SELECT t.a, t.b || 'x'::text AS c\n   FROM public.t\n  WHERE t.a > 1\n  ORDER BY t.a;"},
	/* varchar relabelled to text, an integer compared with a numeric */
	{"SELECT x.a, x.c || 'y' AS c FROM t AS x WHERE x.d > 2 AND x.c = 'z'", true, 0, false,
	 " SELECT x.a,\n    x.c::text || 'y'::text AS c\n   FROM t x\n  WHERE x.d > 2::numeric AND "
	 "x.c::text = 'z'::text;"},
	/* t in a subquery of a query reading t: t_1, as set_rtable_names names it */
	{"SELECT a, b AS c FROM t WHERE a IN (SELECT a FROM t)", true, 0, false,
	 " SELECT t.a,\n    t.b AS c\n   FROM t\n  WHERE (t.a IN ( SELECT t_1.a\n           FROM t t_1));"},
	/* a function this file does not type: its deparsed text; the DESC default NULLS FIRST
	 * dropped */
	{"SELECT a, abs(a) AS c FROM t ORDER BY a DESC NULLS FIRST", false, 0, false,
	 " SELECT t.a,\n    abs(a) AS c\n   FROM t\n  ORDER BY t.a DESC;"},
};

START_TEST(test_viewdef_layout)
{
	struct arena *a = arena_new(0);
	const struct xlat_schema schema = {.table_fn = vd_table_fn, .fingerprint = 0x7d};
	const char *out = NULL;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(xlat_viewdef("v", layouts[_i].query, layouts[_i].qualify ? "public" : NULL,
				   &schema, layouts[_i].pretty, layouts[_i].wrap, a, &out, &e),
		      "%s: %s", layouts[_i].query, e.message);
	ck_assert_str_eq(out, layouts[_i].want);
	arena_free(a);
}
END_TEST

START_TEST(test_show)
{
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st = xtranslate("SHOW TIME ZONE", NULL, 0, 1, a);
	ck_assert_str_eq(st->set_name, "timezone");
	ck_assert_int_eq(st->ncols, 1);
	ck_assert_uint_eq(st->cols[0].type_oid, 25);
	st = xtranslate("SHOW ALL", NULL, 0, 1, a);
	ck_assert_ptr_null(st->set_name);
	ck_assert_int_eq(st->ncols, 3);
	st = xtranslate("SHOW TRANSACTION ISOLATION LEVEL", NULL, 0, 1, a);
	ck_assert_str_eq(st->set_name, "transaction_isolation");
	st = xtranslate("SHOW \"DateStyle\"", NULL, 0, 1, a);
	ck_assert_str_eq(st->set_name, "datestyle");
	arena_free(a);
}
END_TEST

struct colcase {
	const char *pg;
	const char *cols; /* "oid[:typmod],..."; "*" for ncols == -1 */
};

static const struct colcase colcases[] = {
	{"SELECT 1, 2147483648, 99999999999999999999, 1.5, 'x', true, NULL",
	 "23,20,1700,1700,25,16,25"},
	{"SELECT -2147483648, 2147483648, -9223372036854775808, 9223372036854775808",
	 "23,20,20,1700"},
	{"SELECT a, t.b, x.c FROM t AS x, t", "0,0,0"},
	{"SELECT * FROM t", "*"},
	{"SELECT a, t.* FROM t", "*"},
	{"SELECT a::varchar(20), 1::numeric(10,2), 'x'::char(3), now()::timestamptz(3)",
	 "1043:24,1700:655366,1042:7,1184:3"},
	{"SELECT count(*), sum(a), avg(a), sum(1), sum(1.5), avg(1.5::float8), max(1) FROM t",
	 "20,1700,1700,20,1700,701,23"},
	{"SELECT now(), current_date, a = 1, a || 'x', a IS NULL, a LIKE 'x' FROM t",
	 "1184,1082,16,25,16,16"},
	{"SELECT 1 + 1, 1 + 2.5, 1::int2 + 1::int2, 1 + 1::int8, 1.5::float4 * 2, 2 ^ 2",
	 "23,1700,21,20,701,701"},
	{"INSERT INTO t (a) VALUES (1) RETURNING id, 1, a > 0", "0,23,16"},
	{"VALUES (1, 'a'), (2.5, NULL)", "1700,25"},
	{"SELECT 1 UNION SELECT 2::int8", "20"},
	{"SELECT CASE WHEN true THEN 1 ELSE 2.5 END, coalesce(1, 2), (SELECT 1)", "1700,23,23"},
	{"SELECT $1::uuid, $2::bytea, $3::date, $4", "2950,17,1082,0"},
	{"SELECT lower(b), length(b), row_number() OVER (), string_agg(b, ',') OVER () FROM t",
	 "25,23,20,25"},
	{"SELECT '\"x\"'::json, '{}'::jsonb, '1 day'::interval, '12:00'::time", "114,3802,1186,1083"},
};

static const char *render_cols(const struct xlat_stmt *st, struct arena *a)
{
	if (st->ncols < 0)
		return "*";
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int i = 0; i < st->ncols; i++) {
		strbuf_printf(&sb, "%s%u", i ? "," : "", st->cols[i].type_oid);
		if (st->cols[i].typmod >= 0)
			strbuf_printf(&sb, ":%d", st->cols[i].typmod);
	}
	const char *r = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return r;
}

START_TEST(test_cols)
{
	const struct colcase *k = &colcases[_i];
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st = xtranslate(k->pg, NULL, 0, 1, a);
	const char *got = render_cols(st, a);
	ck_assert_msg(strcmp(got, k->cols) == 0, "%s: cols %s, want %s", k->pg, got, k->cols);
	arena_free(a);
}
END_TEST

START_TEST(test_params)
{
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st = xtranslate("SELECT $1::int4, $2::text, $3", NULL, 0, 1, a);
	ck_assert_int_eq(st->nparams, 3);
	ck_assert_uint_eq(st->param_types[0], 23);
	ck_assert_uint_eq(st->param_types[1], 25);
	ck_assert_uint_eq(st->param_types[2], 0);
	st = xtranslate("SELECT $2, $1", NULL, 0, 1, a);
	ck_assert_int_eq(st->nparams, 2);
	ck_assert_uint_eq(st->param_types[0] | st->param_types[1], 0);
	st = xtranslate("SELECT a FROM t LIMIT $1 OFFSET $2", NULL, 0, 1, a);
	ck_assert_uint_eq(st->param_types[0], 20);
	ck_assert_uint_eq(st->param_types[1], 20);
	st = xtranslate("INSERT INTO t (a, b) VALUES ($1, $2)", NULL, 0, 1, a);
	ck_assert_uint_eq(st->param_types[0] | st->param_types[1], 0); /* needs the schema */
	st = xtranslate("SELECT $1::varchar(10) || $1", NULL, 0, 1, a);
	ck_assert_int_eq(st->nparams, 1);
	ck_assert_uint_eq(st->param_types[0], 1043);
	/* typed by its first cast, the second casts an int4 (PostgreSQL's parse order) */
	st = xtranslate("SELECT $1::int, $1::text", NULL, 0, 1, a);
	ck_assert_uint_eq(st->param_types[0], 23);
	st = xtranslate("SELECT right($1, 1), $1::date", NULL, 0, 1, a);
	ck_assert_uint_eq(st->param_types[0], 25);
	st = xtranslate("SELECT coalesce($1, '0')", NULL, 0, 1, a);
	ck_assert_uint_eq(st->param_types[0], 25);
	st = xtranslate("SELECT 1", NULL, 0, 1, a);
	ck_assert_int_eq(st->nparams, 0);
	arena_free(a);
}
END_TEST

START_TEST(test_params_given)
{
	struct arena *a = arena_new(0);
	const uint32_t text[] = {25};
	const struct xlat_stmt *st = xtranslate("SELECT $1::int", text, 1, 1, a);
	ck_assert_uint_eq(st->param_types[0], 25); /* the client's type wins; the cast converts */
	ck_assert_str_eq(st->sql, "SELECT CAST(?1 AS INTEGER) AS int4");
	const uint32_t two[] = {23, 20};
	st = xtranslate("SELECT 1", two, 2, 1, a);
	ck_assert_int_eq(st->nparams, 2);
	ck_assert_uint_eq(st->param_types[1], 20);
	const uint32_t unspecified[] = {0, 0};
	st = xtranslate("SELECT $1::bool, $2", unspecified, 2, 1, a);
	ck_assert_uint_eq(st->param_types[0], 16);
	ck_assert_uint_eq(st->param_types[1], 0);
	const uint32_t conflict[] = {25};
	st = xtranslate("SELECT $1::int, $1::bool", conflict, 1, 1, a);
	ck_assert_uint_eq(st->param_types[0], 25);
	arena_free(a);
}
END_TEST

START_TEST(test_statements)
{
	struct arena *a = arena_new(0);
	const char *sql = "  BEGIN;INSERT INTO t (a) VALUES (1) ;  COMMIT ;";
	const struct xlat_stmt *v = xtranslate(sql, NULL, 0, 3, a);
	ck_assert_int_eq(v[0].kind, XLAT_TXN);
	ck_assert_int_eq(v[1].kind, XLAT_SQL);
	ck_assert_int_eq(v[2].kind, XLAT_TXN);
	ck_assert_int_eq(v[1].location, 8);
	ck_assert_int_eq(v[1].length, 29);
	ck_assert_int_eq(strncmp(sql + v[1].location, "INSERT", 6), 0);
	ck_assert_int_eq(v[2].location + v[2].length, (int)strlen(sql) - 1);
	v = xtranslate("SELECT 1; SELECT 2", NULL, 0, 2, a);
	ck_assert_int_eq(v[0].location, 0);
	ck_assert_int_eq(v[0].length, 8);
	ck_assert_int_eq(v[1].location, 9);
	ck_assert_int_eq(v[1].length, 9);
	ck_assert_str_eq(v[1].sql, "SELECT 2 AS \"?column?\"");
	v = xtranslate("SELECT $1::int; SELECT $1::int, $2::text", NULL, 0, 2, a);
	ck_assert_int_eq(v[0].nparams, 1); /* parameters are counted per statement */
	ck_assert_int_eq(v[1].nparams, 2);
	ck_assert_uint_eq(v[1].param_types[1], 25);
	arena_free(a);
}
END_TEST

struct errcase {
	const char *pg;
	const char *sqlstate;
	int position;
	const char *message; /* NULL: not checked */
};

static const struct errcase errors[] = {
	{"SELECT 1 +", "42601", 11, "syntax error at end of input"},
	/* RETURNING's subquery would see the statement's own changes (23_views_more.sql) */
	{"UPDATE t SET a = 1 RETURNING a, (SELECT count(*) FROM t)", "0A000", 0,
	 "a subquery in RETURNING that reads the table being modified is not supported"},
	{"CREATE VIEW v AS SELECT 1 AS x, 2 AS x", "42701", 0,
	 "column \"x\" specified more than once"},
	{"SELEC 1", "42601", 1, "syntax error at or near \"SELEC\""},
	{"SELECT 'héllo' FROM WHERE", "42601", 21, "syntax error at or near \"WHERE\""},
	{"SELECT 'ü', 'é' FRM t", "42601", 21, "syntax error at or near \"t\""},
	{"SELECT 1; SELEC 2", "42601", 11, "syntax error at or near \"SELEC\""},
	{"SELECT 'abc", "42601", 8, "unterminated quoted string at or near \"'abc\""},
	{"SELECT \"\" FROM t", "42601", 8, "zero-length delimited identifier at or near \"\"\"\""},
	{"SELECT 'é', foo(1)", "42883", 13, "function foo(integer) does not exist"},
	{"SELECT 'é', '1.5'::int", "22P02", 13, "invalid input syntax for type integer: \"1.5\""},
	{"SELECT '99999999999'::int", "22003", 8,
	 "value \"99999999999\" is out of range for type integer"},
	{"SELECT 'maybe'::boolean", "22P02", 8, "invalid input syntax for type boolean: \"maybe\""},
	{"SELECT 'x'::float8", "22P02", 8, "invalid input syntax for type double precision: \"x\""},
	{"SELECT '\\xZZ'::bytea", "22023", 8, "invalid hexadecimal digit: \"Z\""},
	{"SELECT 'xyz'::uuid", "22P02", 8, "invalid input syntax for type uuid: \"xyz\""},
	{"SELECT '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11'::uuid", "22P02", 8,
	 "invalid input syntax for type uuid: \"{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11\""},
	{"SELECT '{bad'::json", "22P02", 8, "invalid input syntax for type json"},
	{"SELECT '[1, 2,]'::jsonb", "22P02", 8, "invalid input syntax for type json"},
	{"SELECT '01'::json", "22P02", 8, "invalid input syntax for type json"},
	{"SELECT 1 || 2", "42883", 10, "operator does not exist: integer || integer"},
	{"SELECT 'x'::nosuchtype", "42704", 13, "type \"nosuchtype\" does not exist"},
	{"SELECT 1::public.mytype", "42704", 11, "type \"public.mytype\" does not exist"},
	{"SELECT $2", "42P18", 0, "could not determine data type of parameter $1"},
	{"SELECT $3::int, $1", "42P18", 0, "could not determine data type of parameter $2"},
	{"SELECT 1 LIMIT -1", "2201W", 0, "LIMIT must not be negative"},
	{"SELECT 1 OFFSET -1", "2201X", 0, "OFFSET must not be negative"},
	{"CALL nosuch(1, 'x')", "42883", 6, "procedure nosuch(integer, unknown) does not exist"},
	{"CREATE FUNCTION f() RETURNS record LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$",
	 "0A000", 0,
	 "RETURN of a value other than a record variable, ROW(...) or NULL in a function "
	 "returning record is not supported in a PL/pgSQL function"},
	{"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT 1; END $$",
	 "42804", 0, "cannot use RETURN NEXT in a non-SETOF function"},
	{"CREATE FUNCTION f() RETURNS TABLE (a int) LANGUAGE plpgsql AS $$ DECLARE r record; "
	 "BEGIN RETURN NEXT r; END $$",
	 "42804", 0, "RETURN NEXT cannot have a parameter in function with OUT parameters"},
	{"SELECT 1 WHERE generate_series(1, 2) > 1", "0A000", 16,
	 "set-returning functions are not allowed in WHERE"},
	{"SELECT CASE WHEN true THEN unnest(ARRAY[1]) END", "0A000", 28,
	 "set-returning functions are not allowed in CASE"},
	{"SELECT max(generate_series(1, 2))", "0A000", 12,
	 "aggregate function calls cannot contain set-returning function calls"},
	{"CREATE FUNCTION f(OUT a int, OUT b int) RETURNS SETOF int AS 'select 1, 2' LANGUAGE sql",
	 "42P13", 0, "function result type must be record because of OUT parameters"},
	{"CREATE FUNCTION f(OUT a int, OUT b int) RETURNS SETOF record LANGUAGE plpgsql AS $$ "
	 "BEGIN RETURN 1; END $$",
	 "42804", 0, "RETURN cannot have a parameter in function returning set"},
	{"CREATE FUNCTION f() RETURNS int AS 'return 1' LANGUAGE plperl", "42704", 0,
	 "language \"plperl\" does not exist"},
	{"CREATE FUNCTION f() RETURNS int AS 'x' LANGUAGE c", "0A000", 0,
	 "LANGUAGE c is not supported"},
	{"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1 END $$", "42601", 0,
	 NULL},
	{"CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$", "42804",
	 0, "RETURN cannot have a parameter in function returning void"},
	{"CREATE FUNCTION f(a int, a int) RETURNS int LANGUAGE sql AS 'select 1'", "42P13", 0,
	 "parameter name \"a\" used more than once"},
	{"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'create table t (a int)'", "42P13", 0,
	 "return type mismatch in function declared to return integer"},
	{"CREATE FUNCTION f(int) RETURNS anyelement LANGUAGE sql AS 'select 1'", "42P13", 0,
	 "cannot determine result data type"},
	{"CREATE FUNCTION f(a anyelement, OUT b anycompatible) LANGUAGE sql AS 'select 1'", "42P13",
	 0, "cannot determine result data type"},
	{"CREATE FUNCTION f(a anyrange) RETURNS int LANGUAGE sql AS 'select 1'", "0A000", 21,
	 "the polymorphic type anyrange is not supported"},
	{"CREATE FUNCTION f(a anyelement[]) RETURNS int LANGUAGE sql AS 'select 1'", "42704", 21,
	 "type anyelement[] does not exist"},
	{"CREATE FUNCTION f(VARIADIC a anyelement) RETURNS int LANGUAGE sql AS 'select 1'", "42P13",
	 0, "VARIADIC parameter must be an array"},
	{"CREATE AGGREGATE a(int) (STYPE = int)", "42P13", 0, "aggregate sfunc must be specified"},
	{"CREATE AGGREGATE a(int) (SFUNC = f)", "42P13", 0, "aggregate stype must be specified"},
	{"CREATE AGGREGATE a(int) (SFUNC = f, STYPE = int, MSFUNC = f)", "0A000", 50,
	 "CREATE AGGREGATE ... msfunc is not supported"},
	{"CREATE AGGREGATE a(int) (SFUNC = f, STYPE = int, HYPOTHETICAL)", "0A000", 50,
	 "CREATE AGGREGATE ... hypothetical is not supported"},
	{"CREATE AGGREGATE a(ORDER BY int) (SFUNC = f, STYPE = int)", "0A000", 0,
	 "an ordered-set aggregate (WITHIN GROUP) is not supported"},
	{"CREATE AGGREGATE a (SFUNC = f, STYPE = int)", "42P13", 0,
	 "aggregate input type must be specified"},
	{"CREATE AGGREGATE a(int) (SFUNC = f, STYPE = int, PARALLEL = pear)", "42601", 0,
	 "parameter \"parallel\" must be SAFE, RESTRICTED, or UNSAFE"},
	{"CREATE AGGREGATE a(int) (SFUNC = f, STYPE = int, SERIALFUNC = f)", "42P13", 0,
	 "must specify both or neither of serialization and deserialization functions"},
	{"CREATE AGGREGATE a(int) (SFUNC = f, STYPE = anyarray)", "42P13", 0,
	 "cannot determine transition data type"},
	{"CREATE AGGREGATE a(int) (SFUNC = nosuch, STYPE = int)", "42883", 0,
	 "function nosuch(integer, integer) does not exist"},
	{"DROP AGGREGATE nosuch(int)", "42883", 0, "aggregate nosuch(integer) does not exist"},
	{"DROP FUNCTION nosuch(int, text)", "42883", 0,
	 "function nosuch(integer, text) does not exist"},
	{"DROP FUNCTION nosuch", "42883", 0, "could not find a function named \"nosuch\""},
	{"DROP FUNCTION nosuch() CASCADE", "42883", 0, "function nosuch() does not exist"},
	{"DROP PROCEDURE nosuch(int)", "42883", 0, "procedure nosuch(integer) does not exist"},
	{"CALL random()", "42809", 6, "random() is not a procedure"},
	{"DROP PROCEDURE nosuch", "42883", 0, "could not find a procedure named \"nosuch\""},
	{"ALTER FUNCTION nosuch(int) STABLE", "42883", 0,
	 "function nosuch(integer) does not exist"},
	{"ALTER PROCEDURE nosuch RENAME TO p2", "42883", 0,
	 "could not find a procedure named \"nosuch\""},
	{"CREATE PROCEDURE p() LANGUAGE sql STRICT AS 'select 1'", "42P13", 35,
	 "invalid attribute in procedure definition"},
	{"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'a', 'b'", "42P13", 0,
	 "only one AS item needed for language \"sql\""},
	{"CREATE FUNCTION f() RETURNS int LANGUAGE sql ROWS 3 AS 'select 1'", "22023", 46,
	 "ROWS is not applicable when function does not return a set"},
	{"CREATE SEQUENCE s AS text", "22023", 0,
	 "sequence type must be smallint, integer, or bigint"},
	{"CREATE SEQUENCE s START 1 START 2", "42601", 27, "conflicting or redundant options"},
	{"CREATE SEQUENCE s MAXVALUE 99999999999999999999", "22003", 0,
	 "value \"99999999999999999999\" is out of range for type bigint"},
	{"CREATE TEMP SEQUENCE public.s", "42P16", 22,
	 "cannot create temporary relation in non-temporary schema"},
	{"CREATE SCHEMA s", "0A000", 0, "CREATE SCHEMA is not supported"},
	{"CREATE SCHEMA IF NOT EXISTS s", "0A000", 0, "CREATE SCHEMA is not supported"},
	{"CREATE SCHEMA public", "0A000", 0, "CREATE SCHEMA is not supported"},
	{"CREATE EXTENSION hstore", "0A000", 0, "CREATE EXTENSION \"hstore\" is not supported"},
	{"SELECT pgp_pub_encrypt('a', 'k')", "0A000", 8,
	 "pgcrypto's pgp_pub_encrypt() is not supported"},
	{"CREATE EXTENSION \"uuid-ossp\" WITH SCHEMA s", "0A000", 35,
	 "this CREATE EXTENSION option is not supported"},
	{"ALTER TYPE pair ALTER ATTRIBUTE c TYPE text COLLATE \"C\"", "0A000", 33,
	 "a collation on an attribute of a composite type is not supported"},
	{"CREATE TRIGGER tr BEFORE INSERT ON t REFERENCING NEW TABLE AS n FOR EACH STATEMENT "
	 "EXECUTE FUNCTION f()",
	 "42P17", 0, "transition table name can only be specified for an AFTER trigger"},
	{"SET CONSTRAINTS acme.c DEFERRED", "0A000", 0,
	 "SET CONSTRAINTS of this name is not supported"},
	{"CREATE TRIGGER tr INSTEAD OF INSERT ON t FOR EACH STATEMENT EXECUTE FUNCTION f()",
	 "0A000", 0, "INSTEAD OF triggers must be FOR EACH ROW"},
	{"CREATE TRIGGER tr INSTEAD OF UPDATE OF a ON t FOR EACH ROW EXECUTE FUNCTION f()", "0A000",
	 0, "INSTEAD OF triggers cannot have column lists"},
	{"CREATE TRIGGER tr AFTER TRUNCATE ON t FOR EACH ROW EXECUTE FUNCTION f()", "0A000", 0,
	 "TRUNCATE FOR EACH ROW triggers are not supported"},
	{"CREATE FUNCTION f(a int) RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
	 "42P13", 0, "trigger functions cannot have declared arguments"},
	{"CREATE FUNCTION f() RETURNS trigger LANGUAGE sql AS 'select 1'", "42P13", 0,
	 "SQL functions cannot return type trigger"},
	{"COPY t FROM '/etc/passwd'", "42501", 0,
	 "must be superuser or have privileges of the pg_read_server_files role to COPY from a "
	 "file"},
	{"COPY t TO PROGRAM 'ls'", "42501", 0,
	 "must be superuser or have privileges of the pg_execute_server_program role to COPY to "
	 "or from an external program"},
	{"COPY t FROM STDIN WHERE a = max(a)", "42803", 29,
	 "aggregate functions are not allowed in COPY FROM WHERE conditions"},
	{"EXPLAIN (FORMAT CSV) SELECT 1", "22023", 10,
	 "unrecognized value for EXPLAIN option \"format\": \"csv\""},
	{"EXPLAIN CREATE TABLE n (a int) ", "42601", 27, "syntax error at or near \"int\""},
	{"EXPLAIN (nope) SELECT 1", "42601", 10, "unrecognized EXPLAIN option \"nope\""},
	{"EXPLAIN EXECUTE p", "0A000", 0, "EXPLAIN of EXECUTE is not supported"},
	{"GRANT USAGE ON TYPE mood TO bob", "0A000", 0,
	 "GRANT on this kind of object is not supported"},
	{"GRANT USAGE ON SCHEMA pg_catalog TO bob", "0A000", 0,
	 "GRANT ON SCHEMA (but USAGE on public to PUBLIC) is not supported"},
	{"GRANT SELECT (a) ON t TO bob", "0A000", 0, "a column privilege is not supported"},
	{"GRANT SELECT ON t TO PUBLIC WITH GRANT OPTION", "0LP01", 0,
	 "grant options can only be granted to roles"},
	{"GRANT frob ON t TO bob", "42601", 0, "unrecognized privilege type \"frob\""},
	{"GRANT INSERT ON SEQUENCE s TO bob", "0LP01", 0,
	 "invalid privilege type INSERT for sequence"},
	{"GRANT EXECUTE ON t TO bob", "0LP01", 0, "invalid privilege type EXECUTE for relation"},
	/* row-level security (xlat_policy.c): alone the actions are recorded, with others not */
	{"ALTER TABLE t ENABLE ROW LEVEL SECURITY, ADD COLUMN z int", "0A000", 0,
	 "ALTER TABLE ... ENABLE ROW LEVEL SECURITY is not supported"},
	{"ALTER TABLE t ENABLE ROW LEVEL SECURITY", "42P01", 0, "relation \"t\" does not exist"},
	{"CREATE POLICY p ON t FOR SELECT USING (true) WITH CHECK (true)", "42601", 0,
	 "WITH CHECK cannot be applied to SELECT or DELETE"},
	{"CREATE POLICY p ON t FOR DELETE WITH CHECK (true)", "42601", 0,
	 "WITH CHECK cannot be applied to SELECT or DELETE"},
	{"CREATE POLICY p ON t FOR INSERT USING (true)", "42601", 0,
	 "only WITH CHECK expression allowed for INSERT"},
	{"CREATE POLICY p ON t USING (true)", "42P01", 0, "relation \"t\" does not exist"},
	{"DROP POLICY p ON t", "42P01", 0, "relation \"t\" does not exist"},
	{"ALTER TABLE t ALTER COLUMN a SET (n_distinct = 1)", "0A000", 0,
	 "ALTER TABLE ... ALTER COLUMN ... SET/RESET (attribute options) is not supported"},
	{"ALTER TABLE t REPLICA IDENTITY FULL", "0A000", 0,
	 "ALTER TABLE ... REPLICA IDENTITY is not supported"},
	{"ALTER SCHEMA s RENAME TO s2", "0A000", 0, "ALTER SCHEMA ... RENAME is not supported"},
	{"ALTER VIEW v ALTER COLUMN a SET DEFAULT 1", "42P01", 0, "relation \"v\" does not exist"},
	{"ALTER VIEW v SET (security_barrier = true)", "0A000", 0,
	 "a view option other than check_option is not supported"},
	{"ALTER VIEW v SET (check_option = sideways)", "22023", 0,
	 "invalid value for enum option \"check_option\": sideways"},
	{"ALTER VIEW v RENAME COLUMN a TO b", "0A000", 0,
	 "ALTER VIEW ... RENAME COLUMN is not supported"},
	{"ALTER FUNCTION f(int) RENAME TO g", "42883", 0, "function f(integer) does not exist"},
	{"CREATE SCHEMA IF NOT EXISTS s CREATE TABLE n (a int)", "0A000", 31,
	 "CREATE SCHEMA IF NOT EXISTS cannot include schema elements"},
	{"REVOKE USAGE ON SCHEMA public FROM PUBLIC", "0A000", 0,
	 "REVOKE ON SCHEMA (but CREATE on public from PUBLIC) is not supported"},
	{"DO LANGUAGE sql $$ SELECT 1 $$", "0A000", 0,
	 "language \"sql\" does not support inline code execution"},
	{"DO $$ DECLARE c refcursor; n int; BEGIN FETCH FORWARD ALL FROM c INTO n; END $$", "0A000",
	 0, "FETCH statement cannot return multiple rows"},
	{"EXECUTE p (now())", "0A000", 0,
	 "an EXECUTE argument that is not a constant is not supported"},
	{"DROP COLLATION IF EXISTS c", "0A000", 0, "DROP COLLATION is not supported"},
	{"DROP TEXT SEARCH DICTIONARY d", "0A000", 0,
	 "DROP TEXT SEARCH DICTIONARY is not supported"},
	{"COMMENT ON COLLATION c IS 'x'", "0A000", 0,
	 "COMMENT on this kind of object is not supported"},
	{"COMMENT ON FUNCTION f() IS 'x'", "42883", 0, "function f() does not exist"},
	{"CREATE TABLE n AS EXECUTE p", "0A000", 0, "CREATE TABLE AS EXECUTE is not supported"},
	{"CREATE TABLE n WITH (fillfactor = 10) AS SELECT 1", "0A000", 0,
	 "WITH (storage parameters) in CREATE TABLE AS is not supported"},
	{"SELECT 1 AS a INTO pg_catalog.n", "0A000", 20,
	 "CREATE TABLE AS in a schema other than public is not supported"},
	{"CREATE UNLOGGED MATERIALIZED VIEW v AS SELECT 1", "0A000", 0,
	 "materialized views cannot be unlogged"},
	{"REFRESH MATERIALIZED VIEW CONCURRENTLY v WITH NO DATA", "42601", 0,
	 "CONCURRENTLY and WITH NO DATA options cannot be used together"},
	{"ALTER MATERIALIZED VIEW v RENAME TO w", "0A000", 0, NULL},
	{"PREPARE TRANSACTION 'x'", "0A000", 0, NULL},
	{"SET x FROM CURRENT", "0A000", 0, NULL},
	{"SELECT 1; CREATE SCHEMA s", "0A000", 0, NULL},
};

START_TEST(test_errors)
{
	const struct errcase *k = &errors[_i];
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 7;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert_msg(!xlat_translate(k->pg, NULL, 0, a, &v, &n, &e), "%s: no error", k->pg);
	ck_assert_msg(v == NULL && n == 0, "%s: statements returned", k->pg);
	ck_assert_msg(strcmp(e.sqlstate, k->sqlstate) == 0, "%s: %s %s", k->pg, e.sqlstate,
		      e.message);
	ck_assert_msg(e.position == k->position, "%s: position %d, want %d", k->pg, e.position,
		      k->position);
	if (k->message)
		ck_assert_msg(strcmp(e.message, k->message) == 0, "%s: message \"%s\"", k->pg,
			      e.message);
	arena_free(a);
}
END_TEST

/* "head" followed by n copies of "item" joined by "sep", then "tail". */
static char *repeat(const char *head, const char *item, const char *sep, int n, const char *tail)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, head);
	for (int i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? sep : "", item);
	strbuf_puts(&sb, tail);
	return strbuf_take(&sb);
}

static void expect_depth_error(char *sql)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert(!xlat_translate(sql, NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(e.sqlstate, "54001");
	arena_free(a);
	free(sql);
}

static void expect_ok(char *sql)
{
	struct arena *a = arena_new(0);
	xtranslate(sql, NULL, 0, 1, a);
	arena_free(a);
	free(sql);
}

/* Deep nesting is refused before the parse tree is unpacked (that recursion has no limit);
 * long flat lists are not nesting and pass. */
START_TEST(test_nesting)
{
	expect_depth_error(repeat("SELECT ", "a", " + ", 100000, " FROM t"));
	expect_depth_error(repeat("SELECT ", "(", "", 2000, "1"));
	expect_depth_error(repeat("SELECT 1", " UNION SELECT 1", "", 5000, ""));
	expect_depth_error(repeat("SELECT * FROM t", " JOIN u ON true", "", 5000, ""));
	expect_depth_error(repeat("SELECT ", "NOT ", "", 5000, "true"));
	expect_ok(repeat("SELECT ", "a", " + ", 300, " FROM t"));
	expect_ok(repeat("SELECT a FROM t WHERE ", "a = 1", " AND ", 20000, ""));
	expect_ok(repeat("SELECT a FROM t WHERE a IN (", "-1", ", ", 20000, ")"));
	expect_ok(repeat("INSERT INTO t (a, b) VALUES ", "(-1, 'x' || 'y')", ", ", 20000, ""));
}
END_TEST

/* With xlat_env.later, what follows DDL in one input waits (transaction control aside), and
 * is translated alone once reached, its error positions counted in the whole input. */
START_TEST(test_later)
{
	struct arena *a = arena_new(0);
	struct xlat_env env = {.later = true};
	struct pgerr e;
	struct xlat_stmt *v, *one;
	size_t n;
	const char *sql = "SELECT 1; CREATE TABLE n (a int); SELECT a FROM n; COMMIT; "
			  "SELECT \"é\", nosuchfn(1) FROM n";
	ck_assert(xlat_translate_in(&env, sql, NULL, 0, a, &v, &n, &e));
	ck_assert_uint_eq(n, 5);
	ck_assert_int_eq(v[0].kind, XLAT_SQL);
	ck_assert_int_eq(v[1].kind, XLAT_SCRIPT); /* its ACL from the default privileges */
	ck_assert_int_eq(v[2].kind, XLAT_LATER);
	ck_assert_int_eq(v[3].kind, XLAT_TXN);
	ck_assert_int_eq(v[4].kind, XLAT_LATER);
	ck_assert(xlat_translate_later(&env, sql, &v[2], a, &one, &e));
	ck_assert_int_eq(one->kind, XLAT_SQL);
	ck_assert_int_eq(one->location, v[2].location);
	ck_assert_int_eq(one->length, v[2].length);
	ck_assert_ptr_nonnull(strstr(one->sql, "FROM"));
	ck_assert(!xlat_translate_later(&env, sql, &v[4], a, &one, &e));
	ck_assert_str_eq(e.sqlstate, SQLSTATE_UNDEFINED_FUNCTION);
	/* "nosuchfn" is the 72nd character (its byte offset is 72: é takes two bytes) */
	ck_assert_int_eq(e.position, 72);
	env.later = false; /* without it, everything is translated at once */
	ck_assert(xlat_translate_in(&env, "CREATE TABLE n (a int); SELECT a FROM n", NULL, 0, a,
				    &v, &n, &e));
	ck_assert_int_eq(v[1].kind, XLAT_SQL);
	/* in a failed block (xlat_env.aborted) only transaction control is translated: the rest
	 * waits, so that the session answers it 25P02 before its own error; and is not cached */
	env.aborted = true;
	ck_assert(xlat_translate_in(&env, "ROLLBACK; SELECT nosuchfn(1)", NULL, 0, a, &v, &n, &e));
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(v[0].kind, XLAT_TXN);
	ck_assert_int_eq(v[1].kind, XLAT_LATER);
	ck_assert(xlat_translate_in(&env, "SELECT nosuchfn(2)", NULL, 0, a, &v, &n, &e));
	ck_assert_int_eq(v[0].kind, XLAT_LATER);
	ck_assert_str_eq(v[0].tag, "SELECT");
	env.aborted = false;
	ck_assert(!xlat_translate_in(&env, "SELECT nosuchfn(2)", NULL, 0, a, &v, &n, &e));
	ck_assert_str_eq(e.sqlstate, SQLSTATE_UNDEFINED_FUNCTION);
	arena_free(a);
}
END_TEST

#define N(v) ((int)(sizeof(v) / sizeof((v)[0])))

/* LISTEN / UNLISTEN / NOTIFY: the channel as the parser folds it, the payload as written */
START_TEST(test_notify)
{
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st = xtranslate("LISTEN \"Jobs\"", NULL, 0, 1, a);
	ck_assert_int_eq(st->notify->op, XLAT_NOTIFY_LISTEN);
	ck_assert_str_eq(st->notify->channel, "Jobs");
	st = xtranslate("UNLISTEN *", NULL, 0, 1, a);
	ck_assert_int_eq(st->notify->op, XLAT_NOTIFY_UNLISTEN);
	ck_assert_ptr_null(st->notify->channel);
	st = xtranslate("UNLISTEN Jobs", NULL, 0, 1, a);
	ck_assert_str_eq(st->notify->channel, "jobs");
	st = xtranslate("NOTIFY jobs, 'it''s'", NULL, 0, 1, a);
	ck_assert_int_eq(st->notify->op, XLAT_NOTIFY_SEND);
	ck_assert_str_eq(st->notify->payload, "it's");
	/* the same statement with another payload is not the cached one */
	st = xtranslate("NOTIFY jobs, 'other'", NULL, 0, 1, a);
	ck_assert_str_eq(st->notify->payload, "other");
	st = xtranslate("NOTIFY jobs", NULL, 0, 1, a);
	ck_assert_str_eq(st->notify->payload, "");
	arena_free(a);
}
END_TEST

/* DROP MATERIALIZED VIEW ... CASCADE: the names, marked for the session, which drops one
 * nothing reads as without CASCADE and refuses (0A000) one a view reads (sess_matview.c). */
START_TEST(test_drop_matview_cascade)
{
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = xtranslate("DROP MATERIALIZED VIEW IF EXISTS v, w CASCADE", NULL, 0,
					  1, a);
	ck_assert(st[0].ctas && st[0].ctas->cascade && st[0].ctas->missing_ok);
	ck_assert_int_eq(st[0].ctas->nnames, 2);
	ck_assert_str_eq(st[0].ctas->names[1], "w");
	st = xtranslate("DROP MATERIALIZED VIEW v", NULL, 0, 1, a);
	ck_assert(st[0].ctas && !st[0].ctas->cascade);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_misc(void)
{
	Suite *s = suite_create("xlat_misc");
	TCase *tc = tcase_create("misc");
	tcase_add_loop_test(tc, test_kinds, 0, N(kinds));
	tcase_add_loop_test(tc, test_scripts, 0, N(scripts));
	tcase_add_loop_test(tc, test_alters, 0, N(alters));
	tcase_add_test(tc, test_txn_fields);
	tcase_add_test(tc, test_concurrently);
	tcase_add_loop_test(tc, test_set, 0, N(sets));
	tcase_add_test(tc, test_show);
	tcase_add_test(tc, test_set_transaction_multi);
	tcase_add_loop_test(tc, test_viewdef, 0, ARRAY_LEN(viewdefs));
	tcase_add_loop_test(tc, test_viewdef_layout, 0, ARRAY_LEN(layouts));
	tcase_add_loop_test(tc, test_cols, 0, N(colcases));
	tcase_add_test(tc, test_params);
	tcase_add_test(tc, test_params_given);
	tcase_add_test(tc, test_statements);
	tcase_add_test(tc, test_later);
	tcase_add_test(tc, test_notify);
	tcase_add_loop_test(tc, test_errors, 0, N(errors));
	tcase_add_test(tc, test_drop_matview_cascade);
	suite_add_tcase(s, tc);
	/* parses statements of 100,000 terms: seconds under ASan on a loaded machine */
	TCase *deep = tcase_create("nesting");
	tcase_set_timeout(deep, 60);
	tcase_add_test(deep, test_nesting);
	suite_add_tcase(s, deep);
	return s;
}
