/* SPDX-License-Identifier: Apache-2.0 */
/* shard_inplace.c: table changes that leave stored values alone — SET/DROP NOT NULL, DEFAULT,
 * a value-keeping type change, DROP CONSTRAINT of a CHECK or FOREIGN KEY, a column's domain
 * clauses (ALTER DOMAIN), the foreign keys DROP TABLE ... CASCADE removes from other tables —
 * made by rewriting the stored CREATE TABLE text (SQLite's "simpler procedure"), which unlike a
 * rebuild works in a transaction on a table other tables reference. */
#include "shard_int.h"

#include "catalog.h"
#include "pgfn.h"
#include "pgtype.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Steps sql with ?1, ?2 bound; *found tells whether it gave a row. */
static bool probe(sqlite3 *db, const char *sql, const char *a1, const char *a2, bool *found,
		  char **col0, int *col1, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &vm, NULL);
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	if (a1)
		sqlite3_bind_text(vm, 1, a1, -1, SQLITE_STATIC);
	if (a2)
		sqlite3_bind_text(vm, 2, a2, -1, SQLITE_STATIC);
	rc = sqlite3_step(vm);
	*found = rc == SQLITE_ROW;
	if (*found && col0) {
		const char *t = (const char *)sqlite3_column_text(vm, 0);
		*col0 = base_xstrdup(t ? t : "");
	}
	if (*found && col1)
		*col1 = sqlite3_column_int(vm, 1);
	bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
	if (!ok)
		shard_error(db, rc, err);
	sqlite3_finalize(vm);
	return ok;
}

/* SQLite's column affinity of a declared type (its "Determination of Column Affinity"). */
static char affinity(const char *decl)
{
	if (strcasestr(decl, "INT"))
		return 'i';
	if (strcasestr(decl, "CHAR") || strcasestr(decl, "CLOB") || strcasestr(decl, "TEXT"))
		return 't';
	if (!*decl || strcasestr(decl, "BLOB"))
		return 'b';
	if (strcasestr(decl, "REAL") || strcasestr(decl, "FLOA") || strcasestr(decl, "DOUB"))
		return 'r';
	return 'n';
}

/* "FROM "table" WHERE " for the row checks. */
static void from_where(struct strbuf *sb, const char *sel, const struct shard_rebuild *rb)
{
	strbuf_puts(sb, sel);
	strbuf_puts(sb, " FROM ");
	strbuf_put_quoted(sb, rb->table, '"');
	strbuf_puts(sb, " WHERE ");
}

/* 1: the rows allow the change in place; 0: a rebuild must do it; -1: PostgreSQL's error. */
static int rows_allow(sqlite3 *db, const struct shard_rebuild *rb, const char *decl, int pk,
		      struct pgerr *err)
{
	struct strbuf sb;
	bool found = false, ok = true;
	strbuf_init(&sb, 0);
	if (rb->kind == SHARD_RB_NOT_NULL && !rb->not_null && pk) {
		strbuf_fini(&sb);
		pgerr_set(err, "42P16", "column \"%s\" is in a primary key", rb->column);
		return -1;
	}
	if (rb->kind == SHARD_RB_NOT_NULL && rb->not_null) {
		from_where(&sb, "SELECT 1", rb);
		strbuf_put_quoted(&sb, rb->column, '"');
		strbuf_puts(&sb, " IS NULL LIMIT 1");
	} else if (rb->kind == SHARD_RB_ALTER_TYPE) {
		const char *neu = rb->decl[0] == '"' ? rb->decl + 1 : rb->decl;
		if (affinity(decl) != affinity(neu) || !rb->convert) {
			strbuf_fini(&sb);
			return 0;
		}
		/* a row whose value the conversion changes (or refuses: its error is PostgreSQL's) */
		from_where(&sb, "SELECT 1", rb);
		strbuf_printf(&sb, "(%s) IS NOT ", rb->convert);
		strbuf_put_quoted(&sb, rb->column, '"');
		strbuf_puts(&sb, " LIMIT 1");
	}
	if (sb.len)
		ok = !sb.failed && probe(db, sb.data, NULL, NULL, &found, NULL, NULL, err);
	strbuf_fini(&sb);
	if (!ok)
		return -1;
	if (found && rb->kind == SHARD_RB_NOT_NULL) {
		pgerr_set(err, SQLSTATE_NOT_NULL_VIOLATION,
			  "column \"%s\" of relation \"%s\" contains null values", rb->column,
			  rb->table);
		return -1;
	}
	return found ? 0 : 1;
}

/* Writes the new text with the schema writable for this one statement; the schema_version
 * moves so every connection (and shardlite's caches) read the table again. */
bool shard_inplace_write(struct shard_conn *c, const struct shard_rebuild *rb, const char *def,
			 struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	bool found = false, temp = shard_table_is_temp(db, rb->table);
	char *v = NULL;
	if (!probe(db, temp ? "PRAGMA temp.schema_version" : "PRAGMA main.schema_version", NULL,
		   NULL, &found, &v, NULL, err))
		return false;
	long version = v ? strtol(v, NULL, 10) : 0;
	free(v);
	char bump[64];
	snprintf(bump, sizeof(bump), "PRAGMA %s.schema_version = %ld", temp ? "temp" : "main",
		 version + 1);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_WRITABLE_SCHEMA, 1, NULL);
	bool ok = probe(db,
			temp ? "UPDATE temp.sqlite_schema SET sql = ?1 WHERE type = 'table' AND "
			       "name = ?2 COLLATE NOCASE"
			     : "UPDATE main.sqlite_schema SET sql = ?1 WHERE type = 'table' AND "
			       "name = ?2 COLLATE NOCASE",
			def, rb->table, &found, NULL, NULL, err) &&
		  shard_exec_internal(c, bump, err);
	sqlite3_db_config(db, SQLITE_DBCONFIG_WRITABLE_SCHEMA, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	return ok;
}

bool shard_int_range_check(sqlite3 *db, const struct shard_rebuild *rb, struct pgerr *err)
{
	int32_t typmod = -1;
	uint32_t oid = rb->kind == SHARD_RB_ALTER_TYPE && rb->decl && rb->convert
			       ? pgtype_from_decl(rb->decl, &typmod)
			       : 0;
	if (oid != PGTYPE_INT2 && oid != PGTYPE_INT4)
		return true;
	struct strbuf sb;
	bool found = false;
	strbuf_init(&sb, 0);
	from_where(&sb, "SELECT 1", rb);
	strbuf_printf(&sb, "(%s) NOT BETWEEN %d AND %d LIMIT 1", rb->convert,
		      oid == PGTYPE_INT2 ? -32768 : INT32_MIN,
		      oid == PGTYPE_INT2 ? 32767 : INT32_MAX);
	bool ok = !sb.failed && probe(db, sb.data, NULL, NULL, &found, NULL, NULL, err);
	strbuf_fini(&sb);
	if (ok && found)
		pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
			  oid == PGTYPE_INT2 ? "smallint" : "integer");
	return ok && !found;
}

/* ALTER COLUMN TYPE of a plain key stored as the rowid (shard_rowid.c) to another type the
 * rowid may hold (smallint, integer, bigint): the stored text stays, the sidecar row takes
 * the new type, after every value was converted as the rebuild would (22003 out of range).
 * 1 done, 0 a rebuild must do it (the new type cannot be the rowid), -1 with err. */
static int rowid_key_type(struct shard_conn *c, const struct shard_rebuild *rb,
			  const char *old_sql, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	bool temp = shard_table_is_temp(db, rb->table);
	struct shard_rowid_key was, now = {0};
	char *plain = shard_rowid_unfold(db, rb->table, temp, old_sql, &was);
	char *def = was.column ? shard_rebuild_change(c, rb, plain, err) : NULL;
	char *folded = def ? shard_rowid_fold(db, temp, rb->table, def, &now) : NULL;
	int r = was.column && !def ? -1 : 0;
	/* the fold spells the key's type INTEGER, CREATE TABLE integer */
	if (folded && now.column && strcasecmp(folded, old_sql) == 0 &&
	    sqlite3_stricmp(now.column, was.column) == 0) {
		int rows = rows_allow(db, rb, "INTEGER", 1, err); /* each value converted */
		if (rows > 0 && !shard_int_range_check(db, rb, err))
			rows = -1;
		bool ok = rows > 0 && shard_exec(c, "SAVEPOINT shardlite_inplace", err);
		struct pgerr ignored;
		/* the same text written again moves schema_version: the catalog reads the row */
		if (ok && !(shard_rowid_settle(c, rb->table, NULL, &was, &now, err) &&
			    shard_inplace_write(c, rb, old_sql, err))) {
			(void)!shard_exec(c, "ROLLBACK TO shardlite_inplace", &ignored);
			ok = false;
		}
		if (rows > 0 && !shard_exec(c, "RELEASE shardlite_inplace", ok ? err : &ignored))
			ok = false;
		r = rows <= 0 ? rows : ok ? 1 : -1;
	}
	free(plain);
	free(def);
	free(folded);
	shard_rowid_key_fini(&was);
	shard_rowid_key_fini(&now);
	return r;
}

/* Writes def, the table's new text, in a savepoint: 1, or -1 with err. */
static int write_def(struct shard_conn *c, const struct shard_rebuild *rb, const char *def,
		     struct pgerr *err)
{
	bool ok = shard_exec(c, "SAVEPOINT shardlite_inplace", err);
	struct pgerr ignored;
	if (ok && !shard_inplace_write(c, rb, def, err)) {
		(void)!shard_exec(c, "ROLLBACK TO shardlite_inplace", &ignored);
		ok = false;
	}
	if (!shard_exec(c, "RELEASE shardlite_inplace", ok ? err : &ignored))
		ok = false;
	return ok ? 1 : -1;
}

/* DROP CONSTRAINT of a CHECK or a FOREIGN KEY: its clause goes from the text and no stored
 * value changes (node-pg-migrate's down migrations drop them inside their transaction); a
 * PRIMARY KEY or UNIQUE clause has an index of its own, which takes a rebuild. */
static int drop_in_place(struct shard_conn *c, const struct shard_rebuild *rb, const char *old_sql,
			 struct pgerr *err)
{
	char type = shard_coldef_drop_contype(c, rb);
	if (type && type != 'c' && type != 'f')
		return 0;
	char *def = shard_rebuild_change(c, rb, old_sql, err); /* none: 42704, or IF EXISTS */
	if (!def)
		return pgerr_is_set(err) ? -1 : 1;
	int r = write_def(c, rb, def, err);
	free(def);
	return r;
}

int shard_inplace_change(struct shard_conn *c, const struct shard_rebuild *rb,
			 const char *old_sql, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	bool found = false;
	char *decl = NULL;
	int pk = 0;
	if (rb->kind == SHARD_RB_DROP_CONSTRAINT && !rb->next)
		return drop_in_place(c, rb, old_sql, err);
	if (rb->kind != SHARD_RB_NOT_NULL && rb->kind != SHARD_RB_SET_DEFAULT &&
	    rb->kind != SHARD_RB_ALTER_TYPE && !(rb->kind == SHARD_RB_DOMAIN && rb->keep_rows))
		return 0;
	if (!probe(db, "SELECT type, pk FROM pragma_table_info(?1) WHERE name = ?2 COLLATE NOCASE",
		   rb->table, rb->column, &found, &decl, &pk, err))
		return -1;
	if (!found) {
		pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN,
			  "column \"%s\" of relation \"%s\" does not exist", rb->column, rb->table);
		return -1;
	}
	/* a plain key stored as the rowid changes its default only by a rebuild, which makes it
	 * a table constraint again first (shard_rowid.c); its type among the integers, which
	 * keeps the stored text, in its sidecar row */
	if (pk && rb->kind != SHARD_RB_NOT_NULL && decl && strcasecmp(decl, "INTEGER") == 0 &&
	    !catalog_sql_autoincrement(old_sql)) {
		free(decl);
		return rb->kind == SHARD_RB_ALTER_TYPE ? rowid_key_type(c, rb, old_sql, err) : 0;
	}
	int r = rows_allow(db, rb, decl, pk, err);
	free(decl);
	if (r <= 0)
		return r;
	char *def = shard_rebuild_change(c, rb, old_sql, err);
	if (!def)
		return -1;
	int written = write_def(c, rb, def, err);
	free(def);
	return written;
}

/* ---- DROP TABLE ... CASCADE: the foreign keys of other tables that reference it ---- */

struct fk_ref {
	char *table, *name;
};

static bool dropped_here(sqlite3_value **argv, int argc, const char *name)
{
	for (int i = 0; i < argc; i++) {
		const char *t = (const char *)sqlite3_value_text(argv[i]);
		if (t && sqlite3_stricmp(t, name) == 0)
			return true;
	}
	return false;
}

/* The foreign keys, as pg_constraint names them, of tables the statement does not drop. */
static size_t referencing_keys(sqlite3 *db, const char *table, sqlite3_value **argv, int argc,
			       struct fk_ref *out, size_t cap)
{
	sqlite3_stmt *vm = NULL;
	size_t n = 0;
	if (sqlite3_prepare_v2(db,
			       /* the stored name: a local schema's "s.t" (catalog_nsp.c) */
			       "SELECT shardlite_relname(r.oid), c.conname FROM pg_constraint c JOIN "
			       "pg_class r ON r.oid = c.conrelid WHERE c.contype = 'f' AND "
			       "c.confrelid = ?1 ORDER BY 1, 2",
			       -1, &vm, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(vm, 1, catalog_rel_oid(table));
	while (n < cap && sqlite3_step(vm) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(vm, 0);
		const char *k = (const char *)sqlite3_column_text(vm, 1);
		if (t && k && sqlite3_stricmp(t, table) != 0 && !dropped_here(argv, argc, t))
			out[n++] = (struct fk_ref){base_xstrdup(t), base_xstrdup(k)};
	}
	sqlite3_finalize(vm);
	return n;
}

/* Removes one foreign key from its table's stored text (no row changes: SQLite's simpler
 * procedure allows removing a FOREIGN KEY in place). */
static bool drop_key(struct shard_conn *c, const struct fk_ref *k, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	struct shard_rebuild rb = {.kind = SHARD_RB_DROP_CONSTRAINT, .table = k->table,
				   .name = k->name};
	bool found = false;
	char *old = NULL;
	if (!probe(db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
		   k->table, NULL, &found, &old, NULL, err) || !found) {
		free(old);
		return pgerr_is_set(err) ? false
					 : pgerr_set(err, SQLSTATE_UNDEFINED_TABLE,
						     "relation \"%s\" does not exist", k->table);
	}
	char *def = shard_rebuild_change(c, &rb, old, err);
	free(old);
	bool ok = def && shard_inplace_write(c, &rb, def, err);
	free(def);
	return ok;
}

/* shardlite_cascade_keys(table, dropped...): before DROP TABLE table CASCADE, the foreign
 * keys that reference it from tables the statement keeps go, as PostgreSQL drops them. */
static void fn_cascade_keys(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_conn *c = sqlite3_user_data(ctx);
	const char *table = argc ? (const char *)sqlite3_value_text(argv[0]) : NULL;
	struct fk_ref keys[64];
	struct pgerr err;
	pgerr_clear(&err);
	sqlite3_result_null(ctx);
	/* a partition's own foreign keys to it are the catalog's (catalog_partown.c) */
	sqlite3_stmt *st = NULL;
	if (table && sqlite3_prepare_v2(shard_conn_db(c), "SELECT shardlite_partition_unref(?1)",
					-1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_result_error(ctx, sqlite3_errmsg(shard_conn_db(c)), -1);
			sqlite3_finalize(st);
			return;
		}
	}
	sqlite3_finalize(st);
	size_t n = table ? referencing_keys(shard_conn_db(c), table, argv + 1, argc - 1, keys,
					    ARRAY_LEN(keys))
			 : 0;
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		ok = ok && drop_key(c, &keys[i], &err);
		char *what = ok && keys[i].name ? sqlite3_mprintf("constraint %s on table %s", keys[i].name,
						  keys[i].table)
				: NULL;
		catalog_cascaded_note(c->cat, what); /* the session's NOTICE */
		sqlite3_free(what);
		free(keys[i].table);
		free(keys[i].name);
	}
	if (!ok)
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
}

/* ---- RENAME COLUMN: the PostgreSQL text of generated columns and CHECKs ---- */

/* text with the column from named to in the comments that start with mark; false when out
 * of memory. */
static bool rename_in_marks(struct strbuf *sb, const char *text, const char *mark,
			    const char *from, const char *to)
{
	const char *p = text, *m;
	size_t n = strlen(mark);
	while ((m = strstr(p, mark)) && strstr(m + n, " */")) {
		const char *end = strstr(m + n, " */");
		strbuf_append(sb, p, (size_t)(m + n - p));
		catalog_renamed_refs(sb, m + n, end, from, to);
		p = end;
	}
	strbuf_puts(sb, p);
	return !sb->failed;
}

/* shardlite_generated_renamed(table, from, to): after RENAME COLUMN from TO to, the
 * PostgreSQL texts kept with each generated column's expression (CATALOG_GENERATED_MARK) and
 * each CHECK (CATALOG_CHECK_PG_MARK, CATALOG_CHECK_PRETTY_MARK) name the column by its new
 * name, as PostgreSQL shows them (SQLite renames the SQLite text). */
static void fn_generated_renamed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_conn *c = sqlite3_user_data(ctx);
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *from = (const char *)sqlite3_value_text(argv[1]);
	const char *to = (const char *)sqlite3_value_text(argv[2]);
	static const char *const marks[] = {CATALOG_GENERATED_MARK, CATALOG_CHECK_PG_MARK,
					    CATALOG_CHECK_PRETTY_MARK};
	struct pgerr err;
	pgerr_clear(&err);
	sqlite3_result_null(ctx);
	bool found = false;
	char *old = NULL;
	/* a temporary table's text is in temp's schema (it hides a main table of its name) */
	bool temp = table && shard_table_is_temp(shard_conn_db(c), table);
	if (!table || !from || !to ||
	    !probe(shard_conn_db(c),
		   temp ? "SELECT sql FROM temp.sqlite_schema WHERE type = 'table' AND name = ?1"
			: "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1",
		   table, NULL, &found, &old, NULL, &err) ||
	    !found || (!strstr(old, CATALOG_GENERATED_MARK) && !strstr(old, CATALOG_CHECK_PG_MARK))) {
		free(old);
		if (pgerr_is_set(&err))
			pgfn_error(ctx, err.sqlstate, "%s", err.message);
		return;
	}
	struct strbuf sb, next;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, old);
	bool ok = !sb.failed;
	for (size_t i = 0; ok && i < sizeof(marks) / sizeof(*marks); i++) {
		strbuf_init(&next, 0);
		ok = rename_in_marks(&next, sb.data, marks[i], from, to);
		strbuf_fini(&sb);
		sb = next;
	}
	struct shard_rebuild rb = {.kind = SHARD_RB_SET_DEFAULT, .table = table};
	ok = ok && (strcmp(sb.data, old) == 0 || shard_inplace_write(c, &rb, sb.data, &err));
	if (!ok)
		pgfn_error(ctx, pgerr_is_set(&err) ? err.sqlstate : SQLSTATE_OUT_OF_MEMORY, "%s",
			   pgerr_is_set(&err) ? err.message : "out of memory");
	strbuf_fini(&sb);
	free(old);
}

int shard_inplace_register(struct shard_conn *c)
{
	int rc = sqlite3_create_function_v2(shard_conn_db(c), "shardlite_cascade_keys", -1,
					    SQLITE_UTF8 | SQLITE_DIRECTONLY, c, fn_cascade_keys, NULL,
					    NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(shard_conn_db(c), "shardlite_generated_renamed", 3,
						SQLITE_UTF8 | SQLITE_DIRECTONLY, c,
						fn_generated_renamed, NULL, NULL, NULL);
	return rc;
}
