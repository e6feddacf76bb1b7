/* SPDX-License-Identifier: Apache-2.0 */
/* test_rebuild.c: adding a key to a table that has rows (shard_table_rebuild) — rows, indexes,
 * views and triggers survive; the key and NOT NULL hold afterwards; duplicates, NULLs, a
 * second primary key, unknown columns, referenced tables, views and missing tables fail with
 * PostgreSQL's SQLSTATEs and leave the table exactly as it was; a rollback undoes it all;
 * several column changes (a chain) are made by one rebuild; with the column sidecar there, a
 * one-column integer key is stored as the rowid and back (shard_rowid.c); NOT VALID constraints
 * are added without reading the rows and survive rebuilds unchecked; DROP CONSTRAINT of a
 * serial key moves its sequence to the sidecar. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../../src/shard/shard_int.h"
#include "../../check_run.h"
#include "shard_fixture.h"

static char dir[64];
static struct shard_registry *reg;
static struct shard_conn *conn;

static void setup(void)
{
	reg = shard_fixture_start(dir, "rebuild", 0);
	struct pgerr err;
	conn = shard_conn_open(reg, "t1", &err);
	ck_assert_ptr_nonnull(conn);
	ck_assert(shard_exec(conn,
			     "CREATE TABLE acc (aid int4, \"Odd, name\" text DEFAULT 'x', "
			     "n int4 CHECK (n >= 0));"
			     "CREATE INDEX acc_n ON acc (n);"
			     "CREATE VIEW acc_v AS SELECT aid FROM acc;"
			     "CREATE TRIGGER acc_t AFTER INSERT ON acc BEGIN SELECT 1; END;"
			     "INSERT INTO acc VALUES (1, 'a', 1), (2, 'b', 2), (3, NULL, 3);",
			     &err));
}

static void teardown(void)
{
	shard_conn_close(conn);
	shard_fixture_stop(reg, dir);
}

/* The first column of the first row of sql as text ("" for none). */
static char *one(const char *sql)
{
	static char buf[1024];
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(conn), sql, -1, &vm, NULL), SQLITE_OK);
	buf[0] = '\0';
	if (sqlite3_step(vm) == SQLITE_ROW && sqlite3_column_text(vm, 0))
		snprintf(buf, sizeof(buf), "%s", (const char *)sqlite3_column_text(vm, 0));
	sqlite3_finalize(vm);
	return buf;
}

static bool add_key(const char *table, const char *constraint, const char *const *keys,
		    size_t nkeys, bool primary, struct pgerr *err)
{
	struct shard_rebuild rb = {.table = table,
				   .constraint = constraint,
				   .name = primary ? "acc_pkey" : "acc_key",
				   .keys = keys,
				   .nkeys = nkeys,
				   .primary = primary};
	pgerr_clear(err);
	return shard_table_rebuild(conn, &rb, err);
}

START_TEST(primary_key_added)
{
	static const char *const keys[] = {"aid"};
	struct pgerr err;
	ck_assert_msg(add_key("acc", "PRIMARY KEY (aid)", keys, 1, true, &err), "%s", err.message);
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"),
			 "CREATE TABLE acc (aid int4 NOT NULL, \"Odd, name\" text DEFAULT 'x', "
			 "n int4 CHECK (n >= 0), PRIMARY KEY (aid))");
	ck_assert_str_eq(one("SELECT group_concat(aid || ':' || coalesce(\"Odd, name\", '-'), ' ') "
			     "FROM acc"),
			 "1:a 2:b 3:-");
	ck_assert_str_eq(one("SELECT count(*) FROM sqlite_schema WHERE name IN ('acc_n', "
			     "'acc_t', 'acc_v')"),
			 "3");
	ck_assert_str_eq(one("SELECT count(*) FROM acc_v"), "3");
	ck_assert(!shard_exec(conn, "INSERT INTO acc (aid) VALUES (1)", &err));
	ck_assert_str_eq(err.sqlstate, "23505");
	ck_assert(!shard_exec(conn, "INSERT INTO acc (aid) VALUES (NULL)", &err));
	ck_assert_str_eq(err.sqlstate, "23502");
	ck_assert_str_eq(one("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%rebuild%'"),
			 "0");
	/* A second primary key is refused. */
	static const char *const n[] = {"n"};
	ck_assert(!add_key("acc", "PRIMARY KEY (n)", n, 1, true, &err));
	ck_assert_str_eq(err.sqlstate, "42P16");
	ck_assert_str_eq(err.message, "multiple primary keys for table \"acc\" are not allowed");
}
END_TEST

START_TEST(unique_with_quoted_column)
{
	static const char *const keys[] = {"Odd, name", "n"};
	struct pgerr err;
	ck_assert_msg(add_key("acc", "CONSTRAINT k UNIQUE (\"Odd, name\", n)", keys, 2, false,
			      &err),
		      "%s", err.message);
	ck_assert(!shard_exec(conn, "INSERT INTO acc VALUES (9, 'a', 1)", &err));
	ck_assert_str_eq(err.sqlstate, "23505");
	/* A UNIQUE key does not make its columns NOT NULL. */
	ck_assert(shard_exec(conn, "INSERT INTO acc VALUES (9, NULL, 9)", &err));
}
END_TEST

/* Failures leave the table as it was. */
static void unchanged(void)
{
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"),
			 "CREATE TABLE acc (aid int4, \"Odd, name\" text DEFAULT 'x', n int4 CHECK "
			 "(n >= 0))");
	ck_assert_str_eq(one("SELECT count(*) FROM acc"), "3");
	ck_assert_str_eq(one("SELECT count(*) FROM sqlite_schema"), "4");
	ck_assert(sqlite3_get_autocommit(shard_conn_db(conn)));
}

START_TEST(failures)
{
	struct pgerr err;
	static const char *const aid[] = {"aid"}, *const odd[] = {"Odd, name"}, *const zz[] = {"zz"};
	ck_assert(shard_exec(conn, "INSERT INTO acc VALUES (2, 'dup', 5)", &err));
	ck_assert(!add_key("acc", "PRIMARY KEY (aid)", aid, 1, true, &err));
	ck_assert_str_eq(err.sqlstate, "23505");
	ck_assert_str_eq(err.message, "could not create unique index \"acc_pkey\"");
	ck_assert_str_eq(err.detail, "Key (aid)=(2) is duplicated.");
	ck_assert(shard_exec(conn, "DELETE FROM acc WHERE n = 5", &err));
	unchanged();
	ck_assert(!add_key("acc", "PRIMARY KEY (\"Odd, name\")", odd, 1, true, &err));
	ck_assert_str_eq(err.sqlstate, "23502");
	ck_assert_str_eq(err.message,
			 "column \"Odd, name\" of relation \"acc\" contains null values");
	unchanged();
	ck_assert(!add_key("acc", "PRIMARY KEY (zz)", zz, 1, true, &err));
	ck_assert_str_eq(err.sqlstate, "42703");
	ck_assert_str_eq(err.message, "column \"zz\" of relation \"acc\" does not exist");
	/* Duplicates are reported before NULLs, as PostgreSQL builds the index first. */
	ck_assert(shard_exec(conn, "INSERT INTO acc VALUES (4, 'a', 4)", &err));
	ck_assert(!add_key("acc", "PRIMARY KEY (\"Odd, name\")", odd, 1, true, &err));
	ck_assert_str_eq(err.sqlstate, "23505");
	ck_assert_str_eq(err.detail, "Key (Odd, name)=(a) is duplicated.");
	ck_assert(shard_exec(conn, "DELETE FROM acc WHERE aid = 4", &err));
	ck_assert(!add_key("nope", "PRIMARY KEY (aid)", aid, 1, true, &err));
	ck_assert_str_eq(err.sqlstate, "42P01");
	ck_assert(!add_key("acc_v", "PRIMARY KEY (aid)", aid, 1, true, &err));
	ck_assert_str_eq(err.sqlstate, "42809");
	unchanged();
	ck_assert(shard_exec(conn, "CREATE TABLE child (x int4 REFERENCES acc (aid))", &err));
	/* a table others reference: inside a transaction block SQLite cannot turn foreign keys
	 * off for the rebuild; outside one it can, and their references survive it */
	ck_assert(shard_exec(conn, "BEGIN", &err));
	ck_assert(!add_key("acc", "PRIMARY KEY (aid)", aid, 1, true, &err));
	ck_assert_str_eq(err.sqlstate, "0A000");
	ck_assert(shard_exec(conn, "ROLLBACK", &err));
	ck_assert(add_key("acc", "PRIMARY KEY (aid)", aid, 1, true, &err));
	ck_assert(shard_exec(conn, "INSERT INTO child VALUES (1)", &err));
	ck_assert(!shard_exec(conn, "INSERT INTO child VALUES (99)", &err));
}
END_TEST

START_TEST(foreign_key_and_check)
{
	struct pgerr err;
	static const char *const n[] = {"n"};
	ck_assert(shard_exec(conn,
			     "CREATE TABLE par (id int4 PRIMARY KEY, u int4 UNIQUE, v int4);"
			     "INSERT INTO par VALUES (1, 10, 0), (2, 20, 0), (3, 30, 0)",
			     &err));
	struct shard_rebuild rb = {.kind = SHARD_RB_FOREIGN,
				   .table = "acc",
				   .constraint = "FOREIGN KEY (n) REFERENCES par",
				   .name = "acc_n_fkey",
				   .keys = n,
				   .nkeys = 1,
				   .ref_table = "par"};
	ck_assert_msg(shard_table_rebuild(conn, &rb, &err), "%s", err.message);
	ck_assert(!shard_exec(conn, "INSERT INTO acc VALUES (5, 'e', 4)", &err));
	ck_assert_str_eq(err.sqlstate, "23503");
	/* A row whose referenced row is missing. */
	ck_assert(shard_exec(
		conn, "CREATE TABLE kid (p int4); INSERT INTO kid VALUES (1), (7), (NULL)", &err));
	static const char *const p[] = {"p"}, *const u[] = {"u"}, *const v[] = {"v"};
	struct shard_rebuild fk = {.kind = SHARD_RB_FOREIGN,
				   .table = "kid",
				   .constraint = "FOREIGN KEY (p) REFERENCES par(u)",
				   .name = "kid_p_fkey",
				   .keys = p,
				   .nkeys = 1,
				   .ref_table = "par",
				   .ref_keys = u,
				   .nref_keys = 1};
	ck_assert(!shard_table_rebuild(conn, &fk, &err));
	ck_assert_str_eq(err.sqlstate, "23503");
	ck_assert_str_eq(
		err.message,
		"insert or update on table \"kid\" violates foreign key constraint \"kid_p_fkey\"");
	ck_assert_str_eq(err.detail, "Key (p)=(1) is not present in table \"par\".");
	/* Referenced columns without a unique key. */
	fk.constraint = "FOREIGN KEY (p) REFERENCES par(v)";
	fk.ref_keys = v;
	ck_assert(!shard_table_rebuild(conn, &fk, &err));
	ck_assert_str_eq(err.sqlstate, "42830");
	/* A CHECK that a row breaks. */
	struct shard_rebuild ck = {.kind = SHARD_RB_CHECK,
				   .table = "acc",
				   .constraint = "CONSTRAINT acc_n_min CHECK (n > 1)",
				   .name = "acc_n_min"};
	ck_assert(!shard_table_rebuild(conn, &ck, &err));
	ck_assert_str_eq(err.sqlstate, "23514");
	ck_assert_str_eq(
		err.message,
		"check constraint \"acc_n_min\" of relation \"acc\" is violated by some row");
	ck.constraint = "CONSTRAINT acc_n_min CHECK (n > 0)";
	ck_assert(shard_table_rebuild(conn, &ck, &err));
	/* the name of a constraint the table has (its unnamed CHECK's, as the catalog names it) */
	ck.constraint = "CONSTRAINT acc_n_check CHECK (n > 0)";
	ck.name = "acc_n_check";
	ck_assert(!shard_table_rebuild(conn, &ck, &err));
	ck_assert_str_eq(err.sqlstate, "42710");
	/* The referenced table is rebuilt with foreign keys off; its rows are checked as ever. */
	static const char *const id[] = {"v"};
	struct shard_rebuild pk = {.kind = SHARD_RB_KEY,
				   .table = "par",
				   .constraint = "UNIQUE (v)",
				   .name = "par_v_key",
				   .keys = id,
				   .nkeys = 1};
	ck_assert(!shard_table_rebuild(conn, &pk, &err));
	ck_assert_str_eq(err.sqlstate, "23505");
}
END_TEST

/* ADD CHECK | FOREIGN KEY ... NOT VALID: written into the stored text in place, the rows there
 * not read; later writes are checked; rebuilds of the table and of the one it references copy
 * the rows without checking it, and check the valid constraints as ever. */
START_TEST(not_valid_constraints)
{
	struct pgerr err;
	static const char *const p[] = {"p"};
	ck_assert(shard_exec(conn,
			     "CREATE TABLE par (id int4 PRIMARY KEY, v int4);"
			     "INSERT INTO par VALUES (1, 0), (2, 0);"
			     "CREATE TABLE kid (p int4, q int4);"
			     "INSERT INTO kid VALUES (1, -1), (7, 5)",
			     &err));
	struct shard_rebuild ck = {.kind = SHARD_RB_CHECK,
				   .table = "kid",
				   .constraint = "CONSTRAINT kid_q_pos CHECK (q > 0) "
						 "/* shardlite: not valid */",
				   .name = "kid_q_pos"};
	ck_assert_msg(shard_table_rebuild(conn, &ck, &err), "%s", err.message);
	struct shard_rebuild fk = {.kind = SHARD_RB_FOREIGN,
				   .table = "kid",
				   .constraint =
					   "CONSTRAINT kid_p_fkey FOREIGN KEY (p) REFERENCES par "
					   "/* shardlite: not valid */",
				   .name = "kid_p_fkey",
				   .keys = p,
				   .nkeys = 1,
				   .ref_table = "par"};
	ck_assert_msg(shard_table_rebuild(conn, &fk, &err), "%s", err.message);
	ck_assert_str_eq(
		one("SELECT sql FROM sqlite_schema WHERE name = 'kid'"),
		"CREATE TABLE kid (p int4, q int4, CONSTRAINT kid_q_pos CHECK (q > 0) /* "
		"shardlite: not valid */, CONSTRAINT kid_p_fkey FOREIGN KEY (p) REFERENCES "
		"par /* shardlite: not valid */)");
	/* the stored text's keys: SQLite numbers them from the last one */
	bool nv[4];
	ck_assert_uint_eq(shard_coldef_fk_not_valid(one("SELECT sql FROM sqlite_schema WHERE name "
							"= 'kid'"),
						    nv, 4),
			  1);
	ck_assert(nv[0]);
	ck_assert(!shard_exec(conn, "INSERT INTO kid VALUES (1, -2)", &err));
	ck_assert_str_eq(err.sqlstate, "23514");
	ck_assert(!shard_exec(conn, "INSERT INTO kid VALUES (9, 2)", &err));
	ck_assert_str_eq(err.sqlstate, "23503");
	/* a rebuild of the table: the old rows stay, a valid CHECK added is read */
	struct shard_rebuild ck2 = {.kind = SHARD_RB_CHECK,
				    .table = "kid",
				    .constraint = "CONSTRAINT kid_q_small CHECK (q < 3)",
				    .name = "kid_q_small"};
	ck_assert(!shard_table_rebuild(conn, &ck2, &err));
	ck_assert_str_eq(err.sqlstate, "23514");
	ck_assert_str_eq(
		err.message,
		"check constraint \"kid_q_small\" of relation \"kid\" is violated by some row");
	ck2.constraint = "CONSTRAINT kid_q_small CHECK (q < 100)";
	ck_assert_msg(shard_table_rebuild(conn, &ck2, &err), "%s", err.message);
	ck_assert_str_eq(one("SELECT group_concat(p || ':' || q, ' ') FROM kid"), "1:-1 7:5");
	/* the referenced table rebuilt (foreign keys off): the orphan row is no violation */
	struct shard_rebuild pv = {.kind = SHARD_RB_CHECK,
				   .table = "par",
				   .constraint = "CONSTRAINT par_v_check CHECK (v >= 0)",
				   .name = "par_v_check"};
	ck_assert_msg(shard_table_rebuild(conn, &pv, &err), "%s", err.message);
	ck_assert_str_eq(one("SELECT count(*) FROM kid"), "2");
	/* inside a transaction block, a key added NOT VALID reads no row either */
	ck_assert(shard_exec(conn, "BEGIN", &err));
	fk.constraint = "CONSTRAINT kid_p_fkey2 FOREIGN KEY (p) REFERENCES par "
			"/* shardlite: not valid */";
	fk.name = "kid_p_fkey2";
	ck_assert_msg(shard_table_rebuild(conn, &fk, &err), "%s", err.message);
	ck_assert(shard_exec(conn, "COMMIT", &err));
	ck_assert_uint_eq(shard_coldef_fk_not_valid(one("SELECT sql FROM sqlite_schema WHERE name "
							"= 'kid'"),
						    nv, 4),
			  2);
	ck_assert(nv[0] && nv[1]);
}
END_TEST

/* DROP EXPRESSION: the generated column's clause leaves the text, its values stay. */
START_TEST(generated_expression_dropped)
{
	struct pgerr err;
	ck_assert(shard_exec(conn,
			     "CREATE TABLE gen (a int4, g int4 GENERATED ALWAYS AS (a * 2) STORED, "
			     "h int4 DEFAULT 1);"
			     "INSERT INTO gen (a) VALUES (1), (NULL), (4)",
			     &err));
	struct shard_rebuild rb = {.kind = SHARD_RB_DROP_EXPRESSION, .table = "gen", .column = "g"};
	ck_assert_msg(shard_table_rebuild(conn, &rb, &err), "%s", err.message);
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'gen'"),
			 "CREATE TABLE gen (a int4, g int4, h int4 DEFAULT 1)");
	ck_assert_str_eq(one("SELECT group_concat(coalesce(g, '-'), ' ') FROM gen"), "2 - 8");
	ck_assert(!shard_table_rebuild(conn, &rb, &err));
	ck_assert_str_eq(err.sqlstate, "55000");
}
END_TEST

/* SET/DROP NOT NULL and a type change that keeps every value, inside a transaction on a
 * table another table references: the stored text is rewritten in place. */
START_TEST(not_null_in_place)
{
	struct pgerr err;
	ck_assert(shard_exec(conn,
			     "CREATE TABLE par (id int4 PRIMARY KEY NOT NULL, name varchar(3) NOT "
			     "NULL, n int4);"
			     "CREATE TABLE kid (p int4 REFERENCES par (id));"
			     "INSERT INTO par VALUES (1, 'a', NULL); INSERT INTO kid VALUES (1);"
			     "BEGIN",
			     &err));
	struct shard_rebuild rb = {.kind = SHARD_RB_NOT_NULL, .table = "par", .column = "name"};
	ck_assert_msg(shard_table_rebuild(conn, &rb, &err), "%s", err.message);
	ck_assert(shard_exec(conn, "INSERT INTO par VALUES (2, NULL, 1)", &err));
	rb.column = "n", rb.not_null = true;
	ck_assert(!shard_table_rebuild(conn, &rb, &err));
	ck_assert_str_eq(err.sqlstate, "23502");
	ck_assert_str_eq(err.message, "column \"n\" of relation \"par\" contains null values");
	ck_assert(shard_exec(conn, "UPDATE par SET n = 0 WHERE n IS NULL", &err));
	ck_assert_msg(shard_table_rebuild(conn, &rb, &err), "%s", err.message);
	ck_assert(!shard_exec(conn, "INSERT INTO par VALUES (3, 'c', NULL)", &err));
	ck_assert_str_eq(err.sqlstate, "23502");
	rb.column = "id", rb.not_null = false;
	ck_assert(!shard_table_rebuild(conn, &rb, &err));
	ck_assert_str_eq(err.sqlstate, "42P16");
	rb.column = "nope";
	ck_assert(!shard_table_rebuild(conn, &rb, &err));
	ck_assert_str_eq(err.sqlstate, "42703");
	struct shard_rebuild ty = {.kind = SHARD_RB_ALTER_TYPE,
				   .table = "par",
				   .column = "name",
				   .decl = "character varying(255)",
				   .convert = "substr(CAST(name AS TEXT), 1, 255)"};
	ck_assert_msg(shard_table_rebuild(conn, &ty, &err), "%s", err.message);
	ck_assert(shard_exec(conn, "COMMIT", &err));
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'par'"),
			 "CREATE TABLE par (id int4 PRIMARY KEY NOT NULL, name character "
			 "varying(255), n int4 NOT NULL)");
	ck_assert_str_eq(one("SELECT count(*) FROM pragma_foreign_key_check"), "0");
}
END_TEST

static long schema_version(void) { return strtol(one("PRAGMA schema_version"), NULL, 10); }

/* ALTER COLUMN n TYPE bigint, SET NOT NULL, SET DEFAULT 7 (one ALTER TABLE with several
 * actions): the three changes made by one rebuild, which moves the schema as far as one
 * change alone does; NULLs refuse the whole of it. */
START_TEST(column_changes_in_one_rebuild)
{
	struct pgerr err;
	pgerr_clear(&err);
	struct shard_rebuild ty = {.kind = SHARD_RB_ALTER_TYPE,
				   .table = "acc",
				   .column = "n",
				   .decl = "bigint",
				   .convert = "CAST(n AS INTEGER)"};
	long v0 = schema_version();
	ck_assert_msg(shard_table_rebuild(conn, &ty, &err), "%s", err.message);
	long alone = schema_version() - v0;
	ck_assert(alone > 0);
	struct shard_rebuild dflt = {.kind = SHARD_RB_SET_DEFAULT,
				     .table = "acc",
				     .column = "n",
				     .constraint = "DEFAULT 7"};
	struct shard_rebuild nn = {.kind = SHARD_RB_NOT_NULL,
				   .table = "acc",
				   .column = "n",
				   .not_null = true,
				   .next = &dflt};
	ty.decl = "int4", ty.next = &nn;
	v0 = schema_version();
	ck_assert_msg(shard_table_rebuild(conn, &ty, &err), "%s", err.message);
	ck_assert_int_eq(schema_version() - v0, alone);
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"),
			 "CREATE TABLE acc (aid int4, \"Odd, name\" text DEFAULT 'x', n int4 CHECK "
			 "(n >= 0) NOT NULL DEFAULT 7)");
	ck_assert(shard_exec(conn, "INSERT INTO acc (aid) VALUES (4)", &err));
	ck_assert_str_eq(one("SELECT group_concat(aid || ':' || n, ' ') FROM acc"),
			 "1:1 2:2 3:3 4:7");
	ck_assert_str_eq(one("SELECT count(*) FROM sqlite_schema WHERE name IN ('acc_n', "
			     "'acc_t', 'acc_v')"),
			 "3");
	/* "Odd, name" holds a NULL: nothing of the three happens */
	ty.column = nn.column = dflt.column = "Odd, name";
	ty.decl = "text", ty.convert = "\"Odd, name\"", dflt.constraint = "DEFAULT 'y'";
	char *before = strdup(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"));
	ck_assert(!shard_table_rebuild(conn, &ty, &err));
	ck_assert_str_eq(err.sqlstate, "23502");
	ck_assert_str_eq(err.message,
			 "column \"Odd, name\" of relation \"acc\" contains null values");
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"), before);
	free(before);
	/* DROP NOT NULL of a primary key column among them: 42P16, as alone */
	ck_assert(shard_exec(conn, "CREATE TABLE pk (id int4 PRIMARY KEY NOT NULL, v int4)", &err));
	struct shard_rebuild drop = {.kind = SHARD_RB_NOT_NULL, .table = "pk", .column = "id"};
	struct shard_rebuild vt = {.kind = SHARD_RB_ALTER_TYPE,
				   .table = "pk",
				   .column = "v",
				   .decl = "bigint",
				   .convert = "v",
				   .next = &drop};
	ck_assert(!shard_table_rebuild(conn, &vt, &err));
	ck_assert_str_eq(err.sqlstate, "42P16");
}
END_TEST

/* ALTER COLUMN TYPE writes a constant DEFAULT anew for the new type, as PostgreSQL coerces
 * it anew: one that no longer fits is wrapped in the new type's check, one that now fits as
 * written is bare again. */
START_TEST(default_fitted_to_new_type)
{
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert(shard_exec(conn,
			     "CREATE TABLE fit (a character varying(10) DEFAULT 'abcdefg', b "
			     "character varying(5) DEFAULT (shardlite_varchar('too long', 5)))",
			     &err));
	struct shard_rebuild tb = {.kind = SHARD_RB_ALTER_TYPE,
				   .table = "fit",
				   .column = "b",
				   .decl = "text",
				   .convert = "b"};
	struct shard_rebuild ta = {.kind = SHARD_RB_ALTER_TYPE,
				   .table = "fit",
				   .column = "a",
				   .decl = "character varying(5)",
				   .convert = "a",
				   .next = &tb};
	ck_assert_msg(shard_table_rebuild(conn, &ta, &err), "%s", err.message);
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'fit'"),
			 "CREATE TABLE fit (a character varying(5) DEFAULT "
			 "(shardlite_varchar('abcdefg', 5)), b text DEFAULT 'too long')");
}
END_TEST

#define SIDECAR                                                                                  \
	"CREATE TABLE _shardlite_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, " \
	"type TEXT NOT NULL, identity TEXT NOT NULL, PRIMARY KEY (table_name, column_name))"

/* ADD PRIMARY KEY (aid) stores aid as the rowid, its type in the sidecar; a later change works
 * on the plain text and folds it again; a DEFAULT on it unfolds it for good. */
START_TEST(key_stored_as_rowid)
{
	static const char *const keys[] = {"aid"};
	struct pgerr err;
	ck_assert(shard_exec(conn, SIDECAR, &err));
	ck_assert_msg(add_key("acc", "CONSTRAINT \"acc_k\" PRIMARY KEY (\"aid\")", keys, 1, true,
			      &err),
		      "%s", err.message);
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"),
			 "CREATE TABLE acc (aid INTEGER CONSTRAINT \"acc_k\" PRIMARY KEY NOT NULL, "
			 "\"Odd, name\" text DEFAULT 'x', n int4 CHECK (n >= 0))");
	ck_assert_str_eq(one("SELECT group_concat(rowid || '=' || aid, ' ') FROM acc"),
			 "1=1 2=2 3=3");
	ck_assert_str_eq(one("SELECT group_concat(table_name || '.' || column_name || ':' || type "
			     "|| ':' || identity) FROM _shardlite_columns"),
			 "acc.aid:int4:");
	ck_assert_str_eq(one("SELECT count(*) FROM sqlite_schema WHERE name IN ('acc_n', "
			     "'acc_t', 'acc_v')"),
			 "3");
	struct shard_rebuild ty = {.kind = SHARD_RB_ALTER_TYPE,
				   .table = "acc",
				   .column = "aid",
				   .decl = "bigint",
				   .convert = "\"aid\""};
	ck_assert(!shard_table_rebuild(conn, &ty, &err)); /* acc_v reads aid */
	ck_assert_str_eq(err.sqlstate, "0A000");
	ck_assert(shard_exec(conn, "DROP VIEW acc_v", &err));
	ck_assert_msg(shard_table_rebuild(conn, &ty, &err), "%s", err.message);
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"),
			 "CREATE TABLE acc (aid INTEGER CONSTRAINT \"acc_k\" PRIMARY KEY NOT NULL, "
			 "\"Odd, name\" text DEFAULT 'x', n int4 CHECK (n >= 0))");
	ck_assert_str_eq(one("SELECT type FROM _shardlite_columns"), "bigint");
	struct shard_rebuild dflt = {.kind = SHARD_RB_SET_DEFAULT,
				     .table = "acc",
				     .column = "aid",
				     .constraint = "DEFAULT 0"};
	ck_assert_msg(shard_table_rebuild(conn, &dflt, &err), "%s", err.message);
	ck_assert_str_eq(
		one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"),
		"CREATE TABLE acc (aid bigint NOT NULL DEFAULT 0, \"Odd, name\" text DEFAULT "
		"'x', n int4 CHECK (n >= 0), CONSTRAINT \"acc_k\" PRIMARY KEY (aid))");
	ck_assert_str_eq(one("SELECT count(*) FROM _shardlite_columns"), "0");
	ck_assert_str_eq(one("SELECT group_concat(aid, ' ') FROM acc"), "1 2 3");
}
END_TEST

/* Inside a transaction block, a key stored as the rowid of a table another table references
 * changes type among the integers in place: the text stays, the sidecar row follows, a value
 * a narrower type cannot hold is 22003; another type takes the rebuild (0A000 there). */
START_TEST(rowid_key_type_in_place)
{
	static const char *const keys[] = {"aid"};
	struct pgerr err;
	ck_assert(shard_exec(conn, SIDECAR "; DROP VIEW acc_v", &err));
	ck_assert_msg(add_key("acc", "PRIMARY KEY (aid)", keys, 1, true, &err), "%s", err.message);
	ck_assert(shard_exec(
		conn,
		"CREATE TABLE ref (r int4 PRIMARY KEY, a int4 REFERENCES acc); "
		"INSERT INTO acc VALUES (40000, 'big', 5); INSERT INTO ref VALUES (1, 1)",
		&err));
	char *before = strdup(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"));
	ck_assert(shard_exec(conn, "BEGIN", &err));
	struct shard_rebuild ty = {.kind = SHARD_RB_ALTER_TYPE,
				   .table = "acc",
				   .column = "aid",
				   .decl = "bigint",
				   .convert = "\"aid\""};
	ck_assert_msg(shard_table_rebuild(conn, &ty, &err), "%s", err.message);
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"), before);
	ck_assert_str_eq(one("SELECT type FROM _shardlite_columns WHERE table_name = 'acc'"),
			 "bigint");
	ty.decl = "smallint";
	ck_assert(!shard_table_rebuild(conn, &ty, &err));
	ck_assert_str_eq(err.sqlstate, "22003");
	ck_assert_str_eq(err.message, "smallint out of range");
	ty.decl = "numeric";
	ck_assert(!shard_table_rebuild(conn, &ty, &err));
	ck_assert_str_eq(err.sqlstate, "0A000");
	ck_assert(shard_exec(conn, "COMMIT", &err));
	ck_assert_str_eq(one("SELECT type FROM _shardlite_columns WHERE table_name = 'acc'"),
			 "bigint");
	ck_assert_str_eq(one("SELECT count(*) FROM ref JOIN acc ON acc.aid = ref.a"), "1");
	free(before);
}
END_TEST

/* ALTER COLUMN TYPE of a column a view's query reads (a select list, a WHERE, a subquery,
 * a *): PostgreSQL's 0A000 naming the view that reads it, not a view over that view; DROP
 * COLUMN's check (shardlite_column_views_check) is 2BP01 naming each such view. */
START_TEST(view_reads_column)
{
	struct pgerr err;
	ck_assert(
		shard_exec(conn,
			   "CREATE VIEW acc_w AS SELECT aid FROM acc WHERE n > 0;"
			   "CREATE VIEW acc_over AS SELECT * FROM acc_v;"
			   "CREATE VIEW acc_s AS SELECT (SELECT max(\"Odd, name\") FROM acc) AS m;",
			   &err));
	struct shard_rebuild ty = {.kind = SHARD_RB_ALTER_TYPE,
				   .table = "acc",
				   .column = "n",
				   .decl = "bigint",
				   .convert = "\"n\""};
	ck_assert(!shard_table_rebuild(conn, &ty, &err));
	ck_assert_str_eq(err.sqlstate, "0A000");
	ck_assert_str_eq(err.message, "cannot alter type of a column used by a view or rule");
	ck_assert_str_eq(err.detail, "rule _RETURN on view acc_w depends on column \"n\"");
	ty.column = "Odd, name";
	ck_assert(!shard_table_rebuild(conn, &ty, &err));
	ck_assert_str_eq(err.detail, "rule _RETURN on view acc_s depends on column \"Odd, name\"");
	ck_assert(!shard_exec(conn, "SELECT shardlite_column_views_check('acc', 'aid')", &err));
	ck_assert_str_eq(err.sqlstate, "2BP01");
	ck_assert_str_eq(err.message,
			 "cannot drop column aid of table acc because other objects depend on it");
	ck_assert_str_eq(err.detail, "view acc_v depends on column aid of table acc\n"
				     "view acc_w depends on column aid of table acc");
	ck_assert_msg(shard_exec(conn,
				 "DROP VIEW acc_s; SELECT shardlite_column_views_check('acc', "
				 "'Odd, name')",
				 &err),
		      "%s", err.message);
	ty.decl = "varchar(10)";
	ty.convert = "\"Odd, name\"";
	ck_assert_msg(shard_table_rebuild(conn, &ty, &err), "%s", err.message);
	ck_assert_str_eq(one("SELECT count(*) FROM acc_over"), "3");
	/* DROP COLUMN ... CASCADE: the views reading it, then those over them, go */
	ck_assert_msg(shard_exec(conn,
				 "SELECT shardlite_views_mark(); SELECT "
				 "shardlite_column_views_drop('acc', 'aid'); SELECT "
				 "shardlite_views_sweep()",
				 &err),
		      "%s", err.message);
	ck_assert_str_eq(one("SELECT group_concat(name) FROM sqlite_schema WHERE type = 'view'"),
			 "");
}
END_TEST

/* A NULL in the key: SQLite would number it in the folded table; 23502 and nothing changed. */
/* DROP CONSTRAINT of a serial key stored as the AUTOINCREMENT rowid (shard_serialkey.c): the
 * column becomes a serial that is not the key, its sequence a sidecar row that goes on from
 * the largest number given (3, deleted since), the key's type row gone, the rows kept; a
 * temporary table's likewise, in the temp schema's sidecar. */
START_TEST(serial_key_dropped)
{
	struct pgerr err;
	ck_assert(shard_exec(conn, SIDECAR, &err)); /* the sequence sidecar is made by the drop */
	ck_assert(shard_exec(conn,
			     "CREATE TABLE post (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, t "
			     "text);"
			     "INSERT INTO _shardlite_columns VALUES ('post', 'id', 'int4', '');"
			     "INSERT INTO post (t) VALUES ('a'), ('b'), ('c');"
			     "DELETE FROM post WHERE id = 3;",
			     &err));
	struct shard_rebuild rb = {
		.kind = SHARD_RB_DROP_CONSTRAINT, .table = "post", .name = "post_pkey"};
	ck_assert_msg(shard_table_rebuild(conn, &rb, &err), "%s", err.message);
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'post'"),
			 "CREATE TABLE post (id int4 NOT NULL DEFAULT (nextval('post_id_seq')), t "
			 "text)");
	ck_assert_str_eq(one("SELECT name || ':' || type || ':' || max || ':' || last_value || ':' "
			     "|| is_called || ':' || owner_table || '.' || owner_column FROM "
			     "_shardlite_sequences"),
			 "post_id_seq:integer:2147483647:3:1:post.id");
	ck_assert_str_eq(one("SELECT count(*) FROM _shardlite_columns"), "0");
	ck_assert_str_eq(one("SELECT count(*) FROM sqlite_sequence"), "0");
	ck_assert_str_eq(one("SELECT group_concat(id || t, ' ') FROM post"), "1a 2b");
	/* no key now: 42704 the second time */
	ck_assert(!shard_table_rebuild(conn, &rb, &err));
	ck_assert_str_eq(err.sqlstate, "42704");
	ck_assert(
		shard_exec(conn,
			   "CREATE TEMP TABLE tp (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, t "
			   "text);"
			   "INSERT INTO tp (t) VALUES ('a');",
			   &err));
	struct shard_rebuild tp = {
		.kind = SHARD_RB_DROP_CONSTRAINT, .table = "tp", .name = "tp_pkey"};
	ck_assert_msg(shard_table_rebuild(conn, &tp, &err), "%s", err.message);
	ck_assert_str_eq(
		one("SELECT sql FROM temp.sqlite_schema WHERE name = 'tp'"),
		"CREATE TABLE tp (id bigint NOT NULL DEFAULT (nextval('tp_id_seq')), t text)");
	ck_assert_str_eq(one("SELECT name || ':' || last_value || ':' || is_called FROM "
			     "temp._shardlite_sequences"),
			 "tp_id_seq:1:1");
}
END_TEST

START_TEST(rowid_key_with_nulls)
{
	static const char *const keys[] = {"aid"};
	struct pgerr err;
	ck_assert(shard_exec(conn, SIDECAR "; INSERT INTO acc VALUES (NULL, 'n', 4)", &err));
	ck_assert(!add_key("acc", "PRIMARY KEY (aid)", keys, 1, true, &err));
	ck_assert_str_eq(err.sqlstate, "23502");
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"),
			 "CREATE TABLE acc (aid int4, \"Odd, name\" text DEFAULT 'x', "
			 "n int4 CHECK (n >= 0))");
	ck_assert_str_eq(one("SELECT count(*) FROM _shardlite_columns"), "0");
	ck_assert_str_eq(one("SELECT count(*) FROM acc"), "4");
}
END_TEST

/* A BEFORE row trigger on INSERT may fill in a NULL key: the key stays a table constraint. */
START_TEST(rowid_key_plain_under_before_trigger)
{
	static const char *const keys[] = {"aid"};
	struct pgerr err;
	ck_assert(shard_exec(conn,
			     SIDECAR
			     "; CREATE TABLE _shardlite_triggers (table_name TEXT NOT NULL, "
			     "name TEXT NOT NULL, func_name TEXT NOT NULL, func_sig TEXT NOT "
			     "NULL, timing TEXT NOT NULL, events INTEGER NOT NULL, columns TEXT "
			     "NOT NULL, args TEXT NOT NULL, when_cond TEXT, enabled INTEGER NOT "
			     "NULL, PRIMARY KEY (table_name, name));"
			     "INSERT INTO _shardlite_triggers VALUES ('acc', 'fill', 'f', '', "
			     "'BEFORE', 4, '', '', NULL, 1)",
			     &err));
	ck_assert_msg(add_key("acc", "PRIMARY KEY (aid)", keys, 1, true, &err), "%s", err.message);
	ck_assert_str_eq(one("SELECT sql FROM sqlite_schema WHERE name = 'acc'"),
			 "CREATE TABLE acc (aid int4 NOT NULL, \"Odd, name\" text DEFAULT 'x', "
			 "n int4 CHECK (n >= 0), PRIMARY KEY (aid))");
	ck_assert_str_eq(one("SELECT count(*) FROM _shardlite_columns"), "0");
}
END_TEST

START_TEST(rolled_back_with_the_transaction)
{
	struct pgerr err;
	static const char *const aid[] = {"aid"};
	ck_assert(shard_exec(conn, "BEGIN", &err));
	ck_assert(add_key("acc", "PRIMARY KEY (aid)", aid, 1, true, &err));
	ck_assert(!sqlite3_get_autocommit(shard_conn_db(conn)));
	ck_assert(shard_exec(conn, "ROLLBACK", &err));
	unchanged();
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rebuild");
	TCase *tc = tcase_create("rebuild");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, primary_key_added);
	tcase_add_test(tc, unique_with_quoted_column);
	tcase_add_test(tc, failures);
	tcase_add_test(tc, foreign_key_and_check);
	tcase_add_test(tc, not_valid_constraints);
	tcase_add_test(tc, generated_expression_dropped);
	tcase_add_test(tc, rolled_back_with_the_transaction);
	tcase_add_test(tc, not_null_in_place);
	tcase_add_test(tc, column_changes_in_one_rebuild);
	tcase_add_test(tc, default_fitted_to_new_type);
	tcase_add_test(tc, key_stored_as_rowid);
	tcase_add_test(tc, serial_key_dropped);
	tcase_add_test(tc, rowid_key_with_nulls);
	tcase_add_test(tc, view_reads_column);
	tcase_add_test(tc, rowid_key_type_in_place);
	tcase_add_test(tc, rowid_key_plain_under_before_trigger);
	suite_add_tcase(s, tc);
	return check_run(s);
}
