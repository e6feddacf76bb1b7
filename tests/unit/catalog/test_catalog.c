/* SPDX-License-Identifier: Apache-2.0 */
/* test_catalog.c: the pg_catalog emulation on an in-memory SQLite database holding a schema
 * written as the translator writes it — relations, columns, constraints, index definitions,
 * stable OIDs, and DDL of another connection seen at the next statement. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../check_run.h"
#include "catalog.h"
#include "pgfn.h"
#include "pgtype.h"
#include "xlat.h"

static const char schema[] =
	"CREATE TABLE authors (id int4 PRIMARY KEY NOT NULL, name text NOT NULL, "
	"email character varying(100) UNIQUE, born date);"
	"CREATE TABLE books (id bigint PRIMARY KEY NOT NULL, author_id int4 NOT NULL "
	"REFERENCES authors(id) ON DELETE CASCADE, title text NOT NULL, price numeric(10,2) "
	"DEFAULT 0 CHECK (price >= 0), published boolean DEFAULT 0, created timestamp with time "
	"zone DEFAULT (strftime('%Y-%m-%d %H:%M:%f+00', 'now')), code character(3));"
	"CREATE UNIQUE INDEX books_author_title ON books (author_id, title);"
	"CREATE INDEX books_lower ON books (lower(title)) WHERE published;"
	"CREATE VIEW cheap AS SELECT id, title FROM books WHERE price < 10;";

/* The catalog state of the connection open_db opened last. */
static struct cat_conn *last_cc;

static sqlite3 *open_db(const char *uri)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(
		sqlite3_open_v2(uri, &db,
				SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL),
		SQLITE_OK);
	struct pgerr err;
	pgerr_clear(&err);
	last_cc = catalog_register(db, &err);
	ck_assert_ptr_nonnull(last_cc);
	ck_assert_ptr_nonnull(pgfn_register(db)); /* pg_regex, array and JSON functions */
	return db;
}

/* The rows of a query as "a|b;c|d" (NULL as "<null>"), cut at 4 KiB. */
static char *rows(sqlite3 *db, const char *sql)
{
	static char out[4096];
	size_t len = 0;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
	out[0] = '\0';
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			const char *sep = i ? "|" : len ? ";" : "";
			int n = snprintf(out + len, sizeof(out) - len, "%s%s", sep,
					 v ? v : "<null>");
			len = n < 0 || (size_t)n >= sizeof(out) - len ? sizeof(out) - 1
								      : len + (size_t)n;
		}
	}
	ck_assert_msg(rc == SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return out;
}

static sqlite3 *schema_db(void)
{
	sqlite3 *db = open_db(":memory:");
	/* as shard connections run: functions and tables in views must be innocuous */
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	ck_assert_int_eq(sqlite3_exec(db, schema, NULL, NULL, NULL), SQLITE_OK);
	return db;
}

START_TEST(test_relations)
{
	sqlite3 *db = schema_db();
	ck_assert_str_eq(rows(db, "SELECT relname, relkind, relnatts, relchecks FROM pg_class "
				  "WHERE relnamespace = 2200 ORDER BY relname"),
			 "authors|r|4|0;authors_email_key|i|1|0;authors_pkey|i|1|0;"
			 "books|r|7|1;books_author_title|i|2|0;books_lower|i|1|0;books_pkey|i|1|0;"
			 "cheap|v|2|0");
	/* the catalog's own relations, with PostgreSQL's OIDs in pg_catalog */
	ck_assert_str_eq(rows(db, "SELECT c.oid, relkind, relnatts, relisshared, tableoid FROM "
				  "pg_class c WHERE relname IN ('pg_constraint', 'pg_database') "
				  "ORDER BY 1"),
			 "1262|r|16|1|1259;2606|r|26|0|1259");
	ck_assert_str_eq(rows(db, "SELECT relkind, relhasrules FROM pg_class WHERE relname = "
				  "'tables' AND relnamespace = 13000"),
			 "v|1");
	ck_assert_str_eq(rows(db, "SELECT (SELECT count(*) FROM pg_ts_config), (SELECT count(*) "
				  "FROM pg_foreign_table), c.oid, c.relisshared FROM pg_class c "
				  "WHERE relname = 'pg_subscription'"),
			 "0|0|6100|1");
	ck_assert_str_eq(rows(db, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON "
				  "n.oid = c.relnamespace WHERE n.nspname = 'public'"),
			 "8");
	ck_assert_str_eq(
		rows(db, "SELECT oid >= 16384 FROM pg_class WHERE relnamespace = 2200 GROUP BY 1"),
		"1");
	char want[32];
	snprintf(want, sizeof(want), "%u", catalog_rel_oid("books"));
	ck_assert_str_eq(rows(db, "SELECT oid FROM pg_class WHERE relname = 'books'"), want);
	sqlite3_close(db);
}
END_TEST

START_TEST(test_columns)
{
	sqlite3 *db = schema_db();
	ck_assert_str_eq(
		rows(db, "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
			 "(SELECT pg_get_expr(d.adbin, d.adrelid, 1) FROM pg_attrdef d WHERE "
			 "d.adrelid = a.attrelid AND d.adnum = a.attnum) FROM pg_attribute a JOIN "
			 "pg_class c ON c.oid = a.attrelid WHERE c.relname = 'books' ORDER BY "
			 "a.attnum"),
		"id|bigint|1|<null>;author_id|integer|1|<null>;title|text|1|<null>;"
		"price|numeric(10,2)|0|0;published|boolean|0|false;"
		"created|timestamp with time zone|0|now();code|character(3)|0|<null>");
	sqlite3_close(db);
}
END_TEST

/* A default the translator wrapped in its column's check (it does not fit the column as
 * written) reads back as the value it wraps, as PostgreSQL prints the default. */
START_TEST(test_refit_defaults)
{
	sqlite3 *db = open_db(":memory:");
	ck_assert_int_eq(
		sqlite3_exec(db,
			     "CREATE TABLE r (a character varying(5) DEFAULT "
			     "(shardlite_varchar('too long', 5)), b smallint DEFAULT "
			     "(shardlite_int2(70000)), c numeric(4,2) DEFAULT "
			     "(shardlite_numeric(123.456, 262150)), d character(2) DEFAULT "
			     "(shardlite_bpchar('a,b)', 2)), e bit text(3) DEFAULT "
			     "(pgfn_varbit_cast(pgfn_varbit_in('10', -1, 0), 3, 0, 0)), f int4 "
			     "DEFAULT (shardlite_int4(1) + 1))",
			     NULL, NULL, NULL),
		SQLITE_OK);
	ck_assert_str_eq(rows(db, "SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM "
				  "pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND "
				  "a.attnum = d.adnum ORDER BY a.attnum"),
			 "a|'too long'::character varying;b|70000;c|123.456;d|'a,b)'::bpchar;"
			 "e|'10'::\"bit\";f|shardlite_int4(1) + 1");
	sqlite3_close(db);
}
END_TEST

START_TEST(test_constraints)
{
	sqlite3 *db = schema_db();
	ck_assert_str_eq(rows(db, "SELECT conname, contype, pg_get_constraintdef(oid, 1), conkey "
				  "FROM pg_constraint WHERE conrelid = (SELECT oid FROM pg_class "
				  "WHERE relname = 'books') ORDER BY conname"),
			 "books_author_id_fkey|f|FOREIGN KEY (author_id) REFERENCES authors(id) ON "
			 "DELETE CASCADE|{2};books_pkey|p|PRIMARY KEY (id)|{1};"
			 "books_price_check|c|CHECK (price >= 0)|{4}");
	ck_assert_str_eq(
		rows(db, "SELECT c.relname, pg_get_indexdef(i.indexrelid, 0, 1), "
			 "i.indkey FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
			 "WHERE c.relname LIKE 'books%' ORDER BY 1"),
		/* pretty: the table as it is visible */
		"books_author_title|CREATE UNIQUE INDEX books_author_title ON books "
		"USING btree (author_id, title)|2 3;books_lower|CREATE INDEX books_lower ON "
		"books USING btree (lower(title)) WHERE published|0;books_pkey|CREATE "
		"UNIQUE INDEX books_pkey ON books USING btree (id)|1");
	sqlite3_close(db);
}
END_TEST

/* CATALOG_NOT_VALID_MARK after a CHECK or FOREIGN KEY: convalidated false, " NOT VALID" in
 * its definition; two keys on the same columns keep their own names and states. */
START_TEST(test_not_valid)
{
	sqlite3 *db = schema_db();
	ck_assert_int_eq(
		sqlite3_exec(db,
			     "CREATE TABLE nv (a int4, b int4, CONSTRAINT nv_a_pos CHECK (a "
			     "> 0) " CATALOG_NOT_VALID_MARK ", CONSTRAINT k1 FOREIGN KEY "
			     "(b) REFERENCES authors(id) " CATALOG_NOT_VALID_MARK
			     ", CONSTRAINT k2 FOREIGN KEY (b) REFERENCES authors(id), "
			     "CONSTRAINT nv_b_pos CHECK (b > 0))",
			     NULL, NULL, NULL),
		SQLITE_OK);
	ck_assert_str_eq(rows(db, "SELECT conname, convalidated, pg_get_constraintdef(oid) FROM "
				  "pg_constraint WHERE conrelid = (SELECT oid FROM pg_class WHERE "
				  "relname = 'nv') ORDER BY conname"),
			 "k1|0|FOREIGN KEY (b) REFERENCES authors(id) NOT VALID;"
			 "k2|1|FOREIGN KEY (b) REFERENCES authors(id);"
			 "nv_a_pos|0|CHECK (a > 0) NOT VALID;nv_b_pos|1|CHECK (b > 0)");
	sqlite3_close(db);
}
END_TEST

START_TEST(test_functions)
{
	sqlite3 *db = schema_db();
	ck_assert_str_eq(rows(db,
			      "SELECT array_position(current_schemas(1), 'public'), "
			      "array_to_string('{a,\"b c\",NULL}', ', '), pg_size_pretty(20000), "
			      "pg_regex('books', '^(books)$', 0), pg_regex('Books', '^b', 1), "
			      "pg_regclass_out(pg_regclass_in('books')), pg_get_userbyid(6171)"),
			 "2|a, b c|20 kB|1|1|books|pg_database_owner");
	ck_assert_str_eq(rows(db,
			      "SELECT pg_array_agg(relname) FROM (SELECT relname FROM "
			      "pg_class WHERE relkind = 'r' AND relnamespace = 2200 ORDER BY 1)"),
			 "{authors,books}");
	/* several dimensions: the elements in storage order, as PostgreSQL flattens them */
	ck_assert_str_eq(rows(db, "SELECT array_to_string('{{1,NULL},{3,4}}', ','), "
				  "array_to_string('[0:1][1:1]={{a},{b}}', '-', '*')"),
			 "1,3,4|a-b");
	ck_assert_int_ne(sqlite3_exec(db, "SELECT pg_regex('a', '(', 0)", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
}
END_TEST

/* Another connection's DDL shows at this connection's next statement. */
START_TEST(test_sees_other_connection)
{
	const char *uri = "file:catalog_test?mode=memory&cache=shared";
	sqlite3 *a = open_db(uri), *b = open_db(uri);
	ck_assert_str_eq(rows(a, "SELECT count(*) FROM pg_class WHERE relnamespace = 2200"), "0");
	ck_assert_int_eq(sqlite3_exec(b, "CREATE TABLE fresh (x int4)", NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert_str_eq(rows(a, "SELECT relname FROM pg_class WHERE relnamespace = 2200"),
			 "fresh");
	sqlite3_close(a);
	sqlite3_close(b);
}
END_TEST

/* Views over the catalog and its functions work with trusted_schema off. */
START_TEST(test_in_views)
{
	sqlite3 *db = schema_db();
	ck_assert_int_eq(sqlite3_exec(db,
				      "CREATE VIEW tabs AS SELECT relname FROM pg_class WHERE "
				      "pg_regex(relname, '^b', 0) AND relkind = 'r';"
				      "CREATE VIEW nums AS SELECT value FROM pg_srf_series(1, 2)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert_str_eq(rows(db, "SELECT * FROM tabs"), "books");
	ck_assert_str_eq(rows(db, "SELECT * FROM nums"), "1;2");
	ck_assert_int_ne(sqlite3_exec(db, "CREATE VIEW bad AS SELECT shardlite_catalog_session(1)",
				      NULL, NULL, NULL) == SQLITE_OK &&
				 sqlite3_exec(db, "SELECT * FROM bad", NULL, NULL, NULL) ==
					 SQLITE_OK,
			 1);
	sqlite3_close(db);
}
END_TEST

START_TEST(test_session)
{
	sqlite3 *db = schema_db();
	struct catalog_session s = {.user = "alice", .database = "acme", .backend_pid = 7};
	catalog_lend(last_cc, &s);
	ck_assert_str_eq(rows(db, "SELECT datname, current_database(), pg_backend_pid() FROM "
				  "pg_database"),
			 "acme|acme|7");
	ck_assert_str_eq(rows(db, "SELECT rolname, rolpassword FROM pg_roles WHERE oid = 10"),
			 "alice|********");
	catalog_lend(last_cc, NULL);
	ck_assert_str_eq(rows(db, "SELECT datname FROM pg_database"), "shardlite");
	ck_assert(catalog_has_relation("pg_class"));
	ck_assert(!catalog_has_relation("books"));
	sqlite3_close(db);
}
END_TEST

/* pid 7 waits for an exclusive advisory lock that 8 holds exclusively and 9 shares; 10 holds
 * another one; 11 waits to share what 9 shares (no conflict) and what 8 holds. */
static size_t test_locks(void *arg, struct arena *a, struct catalog_lock **out)
{
	static const struct catalog_lock v[] = {
		{.pid = 7, .objid = 42, .objsubid = 1},
		{.pid = 8, .objid = 42, .objsubid = 1, .granted = true},
		{.pid = 9, .objid = 42, .objsubid = 1, .shared = true, .granted = true},
		{.pid = 10, .objid = 43, .objsubid = 1, .granted = true},
		{.pid = 11, .objid = 42, .objsubid = 1, .shared = true},
	};
	(void)arg;
	(void)a;
	*out = (struct catalog_lock *)v;
	return ARRAY_LEN(v);
}

/* What SQL GUIs read while browsing (tests/integration/test_guis.sh compares them with
 * PostgreSQL): privileges, sizes, blocking pids, statistics. */
START_TEST(test_browse)
{
	sqlite3 *db = schema_db();
	struct catalog_session s = {.user = "alice", .database = "acme", .locks = test_locks};
	catalog_lend(last_cc, &s);
	ck_assert_str_eq(rows(db, "SELECT count(*), count(DISTINCT table_name), min(grantor), "
				  "max(grantee) FROM information_schema_table_privileges"),
			 "21|3|alice|alice");
	ck_assert_str_eq(rows(db, "SELECT privilege_type, with_hierarchy FROM "
				  "information_schema_role_table_grants WHERE table_name = 'cheap' "
				  "AND privilege_type IN ('SELECT', 'TRIGGER') ORDER BY 1"),
			 "SELECT|YES;TRIGGER|NO");
	ck_assert_str_eq(rows(db, "SELECT count(*) FROM information_schema_column_privileges "
				  "WHERE table_name = 'books'"),
			 "28");
	ck_assert_str_eq(rows(db, "SELECT pg_blocking_pids(7), pg_blocking_pids(8), "
				  "pg_blocking_pids(11)"),
			 "{8,9}|{}|{8}");
	ck_assert_str_eq(rows(db, "SELECT pg_total_relation_size('books') = "
				  "pg_relation_size('books') + pg_indexes_size('public.books'), "
				  "pg_indexes_size('books') > 0, bpchar('1')"),
			 "1|1|1");
	ck_assert_str_eq(rows(db, "SELECT datname, numbackends, xact_commit FROM "
				  "pg_stat_database"),
			 "acme|0|0");
	ck_assert_str_eq(rows(db, "SELECT group_concat(indexrelname, ',') FROM (SELECT "
				  "indexrelname FROM pg_stat_user_indexes WHERE relname = 'books' "
				  "ORDER BY 1)"),
			 "books_author_title,books_lower,books_pkey");
	catalog_lend(last_cc, NULL);
	sqlite3_close(db);
}
END_TEST

/* Declared column types read back as PostgreSQL's type OIDs (what RowDescription sends). */
START_TEST(test_column_types)
{
	static const struct {
		const char *sql;
		uint32_t oid;
	} cases[] = {
		{"SELECT oid FROM pg_class", PGTYPE_OID},
		{"SELECT relname FROM pg_class", PGTYPE_NAME},
		{"SELECT relkind FROM pg_class", PGTYPE_CHAR},
		{"SELECT reltuples FROM pg_class", PGTYPE_FLOAT4},
		{"SELECT relacl FROM pg_class", 1034},
		{"SELECT reloptions FROM pg_class", PGTYPE_TEXT_ARRAY},
		{"SELECT indkey FROM pg_index", 22},
		{"SELECT indclass FROM pg_index", 30},
		{"SELECT indexprs FROM pg_index", 194},
		{"SELECT conkey FROM pg_constraint", PGTYPE_INT2_ARRAY},
		{"SELECT stxkind FROM pg_statistic_ext", 1002},
		{"SELECT typinput FROM pg_type", PGTYPE_REGPROC},
		{"SELECT rolvaliduntil FROM pg_roles", PGTYPE_TIMESTAMPTZ},
		{"SELECT ordinal_position FROM information_schema_columns", PGTYPE_INT4},
		{"SELECT is_nullable FROM information_schema_columns", PGTYPE_VARCHAR},
	};
	sqlite3 *db = schema_db();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sqlite3_stmt *vm = NULL;
		ck_assert_int_eq(sqlite3_prepare_v2(db, cases[i].sql, -1, &vm, NULL), SQLITE_OK);
		int32_t typmod;
		uint32_t oid = pgtype_from_decl(sqlite3_column_decltype(vm, 0), &typmod);
		ck_assert_msg(oid == cases[i].oid, "%s: %u, want %u", cases[i].sql, oid,
			      cases[i].oid);
		sqlite3_finalize(vm);
	}
	sqlite3_close(db);
}
END_TEST

/* Every relation the translator names is one the catalog serves, and reads. */
START_TEST(test_every_relation)
{
	static const char *const names[] = {"pg_catalog.pg_am",
					    "pg_catalog.pg_attrdef",
					    "pg_catalog.pg_attribute",
					    "pg_catalog.pg_auth_members",
					    "pg_catalog.pg_class",
					    "pg_catalog.pg_collation",
					    "pg_catalog.pg_constraint",
					    "pg_catalog.pg_database",
					    "pg_catalog.pg_description",
					    "pg_catalog.pg_enum",
					    "pg_catalog.pg_extension",
					    "pg_catalog.pg_index",
					    "pg_catalog.pg_indexes",
					    "pg_catalog.pg_inherits",
					    "pg_catalog.pg_matviews",
					    "pg_catalog.pg_namespace",
					    "pg_catalog.pg_partitioned_table",
					    "pg_catalog.pg_policy",
					    "pg_catalog.pg_proc",
					    "pg_catalog.pg_publication",
					    "pg_catalog.pg_publication_namespace",
					    "pg_catalog.pg_publication_rel",
					    "pg_catalog.pg_rewrite",
					    "pg_catalog.pg_roles",
					    "pg_catalog.pg_sequence",
					    "pg_catalog.pg_sequences",
					    "pg_catalog.pg_statistic_ext",
					    "pg_catalog.pg_tables",
					    "pg_catalog.pg_tablespace",
					    "pg_catalog.pg_trigger",
					    "pg_catalog.pg_type",
					    "pg_catalog.pg_user",
					    "pg_catalog.pg_views",
					    "information_schema.applicable_roles",
					    "information_schema.attributes",
					    "information_schema.character_sets",
					    "information_schema.check_constraints",
					    "information_schema.collations",
					    "information_schema.columns",
					    "information_schema.constraint_column_usage",
					    "information_schema.constraint_table_usage",
					    "information_schema.data_type_privileges",
					    "information_schema.element_types",
					    "information_schema.enabled_roles",
					    "information_schema.key_column_usage",
					    "information_schema.parameters",
					    "information_schema.referential_constraints",
					    "information_schema.role_routine_grants",
					    "information_schema.role_udt_grants",
					    "information_schema.role_usage_grants",
					    "information_schema.routine_privileges",
					    "information_schema.routines",
					    "information_schema.schemata",
					    "information_schema.sequences",
					    "information_schema.table_constraints",
					    "information_schema.tables",
					    "information_schema.triggered_update_columns",
					    "information_schema.triggers",
					    "information_schema.udt_privileges",
					    "information_schema.usage_privileges",
					    "information_schema.user_defined_types",
					    "information_schema.view_column_usage",
					    "information_schema.view_routine_usage",
					    "information_schema.view_table_usage",
					    "information_schema.views"};
	sqlite3 *db = schema_db();
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char sql[200];
		snprintf(sql, sizeof(sql), "SELECT * FROM %s", names[i]);
		struct arena *a = arena_new(0);
		struct xlat_stmt *st = NULL;
		size_t n = 0;
		struct pgerr err;
		pgerr_clear(&err);
		ck_assert_msg(xlat_translate(sql, NULL, 0, a, &st, &n, &err), "%s: %s", sql,
			      err.message);
		/* the relation's SQLite name, before the alias information_schema's views get */
		char rel[200];
		snprintf(rel, sizeof(rel), "%s", st[0].sql + strlen("SELECT * FROM "));
		rel[strcspn(rel, " ")] = '\0';
		ck_assert_msg(catalog_has_relation(rel), "%s", st[0].sql);
		rows(db, st[0].sql);
		arena_free(a);
	}
	sqlite3_close(db);
}
END_TEST

/* RowDescription: plain table columns carry their table's OID and attnum, others 0. */
START_TEST(test_column_origins)
{
	sqlite3 *db = schema_db();
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db,
					    "SELECT b.title, b.id + 1, a.name, c.relname, v.id "
					    "FROM books b JOIN authors a ON a.id = b.author_id, "
					    "pg_class c, cheap v",
					    -1, &vm, NULL),
			 SQLITE_OK);
	uint32_t oids[5];
	int16_t attnums[5];
	catalog_column_origins(last_cc, vm, oids, attnums);
	ck_assert_uint_eq(oids[0], catalog_rel_oid("books"));
	ck_assert_int_eq(attnums[0], 3);
	ck_assert_uint_eq(oids[1], 0);
	ck_assert_int_eq(attnums[1], 0);
	ck_assert_uint_eq(oids[2], catalog_rel_oid("authors"));
	ck_assert_int_eq(attnums[2], 2);
	ck_assert_uint_eq(oids[3], 0); /* a catalog relation: not the tenant's */
	/* through a view SQLite names the base table; PostgreSQL would name the view */
	ck_assert_uint_eq(oids[4], catalog_rel_oid("books"));
	ck_assert_int_eq(attnums[4], 1);
	sqlite3_finalize(vm);
	sqlite3_close(db);
}
END_TEST

/* PostgreSQL SQL through the translator, run on the catalog: rows as rows() gives them. */
static const struct {
	const char *pg, *want;
} e2e[] = {
	{"SELECT * FROM generate_series(1, 3)", "1;2;3"},
	{"SELECT count(*) FROM generate_series(9223372036854775806, 9223372036854775807, 5)", "1"},
	{"SELECT s, o FROM generate_series(10, 1, -4) WITH ORDINALITY AS g(s, o)", "10|1;6|2;2|3"},
	/* a scalar function in FROM is one row named after it or its alias (TypeORM) */
	{"SELECT * FROM current_schema()", "public"},
	{"SELECT x, d.x FROM pg_catalog.current_schema() AS d(x)", "public|public"},
	{"SELECT count(*) FROM current_schema() s, generate_series(1, 2)", "2"},
	/* information_schema's views answer to their own name (TypeORM: columns.*) */
	{"SELECT tables.table_name FROM information_schema.tables WHERE tables.table_name = "
	 "'books'",
	 "books"},
	{"SELECT x FROM pg_catalog.unnest('{a,\"b,c\",NULL}'::pg_catalog.text[]) x",
	 "a;b,c;<null>"},
	{"SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname OPERATOR(pg_catalog.~) "
	 "'^(books)$' COLLATE pg_catalog.default AND pg_catalog.pg_table_is_visible(c.oid)",
	 "books"},
	{"SELECT conname, conrelid::pg_catalog.regclass AS ontable FROM pg_catalog.pg_constraint c "
	 "WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors('authors'::regclass) UNION "
	 "ALL VALUES ('authors'::pg_catalog.regclass)) AND contype = 'f'",
	 "books_author_id_fkey|books"},
	{"SELECT ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = "
	 "'authors'::regclass ORDER BY a.attnum)",
	 "{id,name,email,born}"},
	{"SELECT a.attname FROM pg_catalog.pg_index i, pg_catalog.pg_attribute a WHERE "
	 "i.indrelid = 'books'::regclass AND i.indisprimary AND a.attrelid = i.indrelid AND "
	 "a.attnum = (i.indkey::pg_catalog.int2[])[1]",
	 "id"},
	{"SELECT 'd' = ANY(stxkind) FROM pg_catalog.pg_statistic_ext", ""},
	{"SELECT a.attname FROM pg_attribute a JOIN (SELECT unnest(ix.indkey) attnum, "
	 "generate_subscripts(ix.indkey, 1) ord FROM pg_index ix WHERE ix.indrelid = "
	 "'books'::regclass AND ix.indisunique AND NOT ix.indisprimary) k ON a.attnum = k.attnum "
	 "WHERE a.attrelid = 'books'::regclass ORDER BY k.ord",
	 "author_id;title"},
	{"SELECT unnest('{x,y}'::text[]), generate_subscripts('{x,y}'::text[], 1)", "x|1;y|2"},
	{"SELECT result.COLUMN_NAME, result.KEY_SEQ FROM (SELECT a.attname AS COLUMN_NAME, "
	 "(information_schema._pg_expandarray(i.indkey)).n AS KEY_SEQ, "
	 "information_schema._pg_expandarray(i.indkey) AS KEYS, a.attnum AS A_ATTNUM FROM "
	 "pg_catalog.pg_class ct JOIN pg_catalog.pg_attribute a ON (ct.oid = a.attrelid) JOIN "
	 "pg_catalog.pg_index i ON (a.attrelid = i.indrelid) WHERE ct.relname = 'books' AND "
	 "i.indisunique AND NOT i.indisprimary) result WHERE result.A_ATTNUM = (result.KEYS).x "
	 "ORDER BY result.key_seq",
	 "author_id|1;title|2"},
	{"SELECT indkey[0], indkey[1], indkey[2] FROM pg_index WHERE indexrelid = "
	 "'books_author_title'::regclass",
	 "2|3|<null>"},
	{"SELECT count(*) > 10 FROM pg_type WHERE typinput = 'pg_catalog.array_in'::regproc", "1"},
	{"SELECT c.relname FROM pg_class c JOIN pg_index ix ON ix.indexrelid = c.oid WHERE "
	 "ix.indisprimary = 'f' AND ix.indisunique <> 'no' ORDER BY 1",
	 "authors_email_key;books_author_title"},
	{"SELECT a.attname FROM pg_class t JOIN pg_index ix ON t.oid = ix.indrelid JOIN pg_attribute "
	 "a ON t.oid = a.attrelid AND a.attnum = ANY(ix.indkey) WHERE t.relname = 'books' AND "
	 "ix.indisunique AND NOT ix.indisprimary ORDER BY a.attnum",
	 "author_id;title"},
	{"SELECT table_name, table_type, is_insertable_into FROM information_schema.tables ORDER "
	 "BY 1",
	 "authors|BASE TABLE|YES;books|BASE TABLE|YES;cheap|VIEW|NO"},
	{"SELECT column_name, data_type, character_maximum_length, numeric_precision, "
	 "numeric_scale, udt_name FROM information_schema.columns WHERE table_name = 'books' AND "
	 "ordinal_position IN (4, 7)",
	 "price|numeric|<null>|10|2|numeric;code|character|3|<null>|<null>|bpchar"},
	{"SELECT constraint_name, unique_constraint_name, delete_rule FROM "
	 "information_schema.referential_constraints",
	 "books_author_id_fkey|authors_pkey|CASCADE"},
	{"SELECT relname FROM pg_class WHERE relname ~* '^BOOK' AND relname !~ 'lower|title|pkey'",
	 "books"},
};

START_TEST(test_translated)
{
	sqlite3 *db = schema_db();
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = NULL;
	size_t n = 0;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert_msg(xlat_translate(e2e[_i].pg, NULL, 0, a, &st, &n, &err), "%s: %s", e2e[_i].pg,
		      err.message);
	ck_assert_str_eq(rows(db, st[0].sql), e2e[_i].want);
	arena_free(a);
	sqlite3_close(db);
}
END_TEST

/* A schema OID back to its tenant among a listing: the one lookup the session (psql's \d of
 * a schema by OID) and the catalog's own relations share. */
START_TEST(test_schema_tenant)
{
	const char *names[] = {"acme", "beta", "gamma"};
	ck_assert_str_eq(catalog_schema_tenant(names, 3, catalog_schema_oid("beta")), "beta");
	ck_assert_ptr_eq(catalog_schema_tenant(names, 3, catalog_schema_oid("delta")), NULL);
	ck_assert_ptr_eq(catalog_schema_tenant(names, -1, catalog_schema_oid("acme")), NULL);
	ck_assert_ptr_eq(catalog_schema_tenant(NULL, 0, 2200), NULL);
}
END_TEST

/* Whether a built-in function's forms take a call's arguments (catalog_procmatch.c): the
 * count with defaults and VARIADIC, and the types by implicit casts and pseudo-types. */
START_TEST(test_builtin_call)
{
	const uint32_t int4_int4[] = {23, 23}, text_int4[] = {25, 23}, unknown3[] = {705, 705, 705};
	const uint32_t int4[] = {23}, text_any[] = {25, 23, 1082, 16};
	ck_assert_int_eq(catalog_builtin_call("format_type", int4_int4, 2), 1); /* int4 -> oid */
	ck_assert_int_eq(catalog_builtin_call("format_type", text_int4, 2), -1);
	ck_assert_int_eq(catalog_builtin_call("format_type", int4, 1), -1);
	ck_assert_int_eq(catalog_builtin_call("format_type", unknown3, 3), -1);
	ck_assert_int_eq(catalog_builtin_call("format_type", NULL, 2), 1);
	ck_assert_int_eq(catalog_builtin_call("obj_description", int4, 1), 1);
	ck_assert_int_eq(catalog_builtin_call("obj_description", NULL, 0), -1);
	ck_assert_int_eq(catalog_builtin_call("format", text_any, 4), 1); /* VARIADIC "any" */
	ck_assert_int_eq(catalog_builtin_call("format", NULL, 0), -1);
	ck_assert_int_eq(catalog_builtin_call("no_such_function_here", NULL, 0), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc = tcase_create("catalog");
	tcase_add_test(tc, test_relations);
	tcase_add_test(tc, test_schema_tenant);
	tcase_add_test(tc, test_builtin_call);
	tcase_add_test(tc, test_columns);
	tcase_add_test(tc, test_refit_defaults);
	tcase_add_test(tc, test_constraints);
	tcase_add_test(tc, test_not_valid);
	tcase_add_test(tc, test_functions);
	tcase_add_test(tc, test_sees_other_connection);
	tcase_add_test(tc, test_session);
	tcase_add_test(tc, test_browse);
	tcase_add_test(tc, test_in_views);
	tcase_add_test(tc, test_column_origins);
	tcase_add_test(tc, test_column_types);
	tcase_add_test(tc, test_every_relation);
	tcase_add_loop_test(tc, test_translated, 0, (int)(sizeof(e2e) / sizeof(e2e[0])));
	suite_add_tcase(s, tc);
	return check_run(s);
}
