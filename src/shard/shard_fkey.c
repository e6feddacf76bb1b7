/* SPDX-License-Identifier: Apache-2.0 */
/* shard_fkey.c: PostgreSQL's wording of a foreign-key violation (23503). SQLite only says
 * "FOREIGN KEY constraint failed"; the key that failed is found after the failure, so a
 * statement that succeeds pays nothing: the failed statement runs again inside a savepoint
 * with foreign keys deferred, PRAGMA foreign_key_check names the orphaned row, the savepoint
 * is rolled back, and the row before the statement tells which side broke the key. */
#include "shard_int.h"

#include "pgfn.h"
#include "pgtype.h"
#include "xlat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FK_COLS_MAX 32 /* PostgreSQL's INDEX_MAX_KEYS */
#define FK_SCAN_MAX 64 /* violations examined: older deferred ones may come first */
/* foreign_key_check of the main schema, then of the temporary one (which the pragma without a
 * schema leaves out) */
#define FK_CHECK_ALL                                                                         \
	"SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check(NULL, 'main') " \
	"UNION ALL SELECT \"table\", rowid, parent, fkid FROM "                              \
	"pragma_foreign_key_check(NULL, 'temp')"

/* One row foreign_key_check reported: the child row, its key's columns on both sides and the
 * key's values (copies that outlive the savepoint). */
struct fk_violation {
	char table[PGERR_NAME_MAX], parent[PGERR_NAME_MAX];
	sqlite3_int64 rowid;
	int ncols;
	char from[FK_COLS_MAX][PGERR_NAME_MAX], to[FK_COLS_MAX][PGERR_NAME_MAX];
	sqlite3_value *vals[FK_COLS_MAX];
	char values[PGERR_MSG_MAX / 2]; /* "5, abc" as PostgreSQL prints the key */
	bool restrict_;                 /* ON DELETE or ON UPDATE RESTRICT */
};

static void violation_free(struct fk_violation *v)
{
	for (int i = 0; i < v->ncols; i++)
		sqlite3_value_free(v->vals[i]);
	v->ncols = 0;
}

/* PostgreSQL's quote_ident without the keyword list: names other than [a-z_][a-z0-9_]*. */
static void put_ident(struct strbuf *sb, const char *name)
{
	bool plain = name[0] && !(name[0] >= '0' && name[0] <= '9');
	for (const char *p = name; plain && *p; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
	if (plain)
		strbuf_puts(sb, name);
	else
		strbuf_put_quoted(sb, name, '"');
}

/* Quoted as in a constraint's definition, or bare as PostgreSQL's DETAIL lists a key. */
static void put_names(struct strbuf *sb, const char (*names)[PGERR_NAME_MAX], int n, bool quote)
{
	for (int i = 0; i < n; i++) {
		strbuf_puts(sb, i ? ", " : "");
		if (quote)
			put_ident(sb, names[i]);
		else
			strbuf_puts(sb, names[i]);
	}
}

/* The parent's primary key columns, for a REFERENCES that named none. */
static bool parent_pkey(sqlite3 *db, struct fk_violation *v)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, v->parent, -1, SQLITE_STATIC);
	int n = 0;
	while (n < v->ncols && sqlite3_step(st) == SQLITE_ROW)
		snprintf(v->to[n++], PGERR_NAME_MAX, "%s",
			 (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return n == v->ncols;
}

/* The key's columns: foreign key fkid of v->table. */
static bool key_columns(sqlite3 *db, struct fk_violation *v, int fkid)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT \"from\", \"to\", on_update = 'RESTRICT' OR on_delete = "
		    "'RESTRICT' FROM pragma_foreign_key_list(?1) WHERE id = ?2 ORDER BY seq",
		    -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, v->table, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, fkid);
	bool implicit = false;
	v->ncols = 0;
	while (v->ncols < FK_COLS_MAX && sqlite3_step(st) == SQLITE_ROW) {
		const char *to = (const char *)sqlite3_column_text(st, 1);
		implicit |= !to;
		v->restrict_ = sqlite3_column_int(st, 2) != 0;
		snprintf(v->from[v->ncols], PGERR_NAME_MAX, "%s",
			 (const char *)sqlite3_column_text(st, 0));
		snprintf(v->to[v->ncols++], PGERR_NAME_MAX, "%s", to ? to : "");
	}
	sqlite3_finalize(st);
	return v->ncols > 0 && (!implicit || parent_pkey(db, v));
}

/* The schema of table as an unqualified name finds it: a temporary table's before main. */
static const char *schema_of(sqlite3 *db, const char *table)
{
	return shard_table_is_temp(db, table) ? "temp" : "main";
}

/* "SELECT "a", "b" FROM "t" WHERE rowid = ?1", or with `same`, a test that row rowid still
 * holds the key values ?2, ?3, ... */
static char *row_query(sqlite3 *db, const struct fk_violation *v, bool same)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	for (int i = 0; i < v->ncols; i++) {
		strbuf_puts(&sb, i ? ", " : "");
		strbuf_put_quoted(&sb, v->from[i], '"');
	}
	strbuf_printf(&sb, " FROM %s.", schema_of(db, v->table));
	strbuf_put_quoted(&sb, v->table, '"');
	strbuf_puts(&sb, " WHERE rowid = ?1");
	for (int i = 0; same && i < v->ncols; i++) {
		strbuf_puts(&sb, " AND ");
		strbuf_put_quoted(&sb, v->from[i], '"');
		strbuf_printf(&sb, " IS ?%d", i + 2);
	}
	if (sb.failed) {
		strbuf_fini(&sb);
		return NULL;
	}
	return sb.data;
}

/* The PostgreSQL type of column col of the table, from its declared type. */
static uint32_t column_type(sqlite3 *db, const char *table, const char *col)
{
	const char *decl = NULL;
	if (sqlite3_table_column_metadata(db, schema_of(db, table), table, col, &decl, NULL, NULL,
					  NULL, NULL) != SQLITE_OK)
		return PGTYPE_TEXT;
	int32_t typmod;
	return pgtype_from_decl(decl, &typmod);
}

static void put_value(struct strbuf *sb, uint32_t oid, sqlite3_value *val)
{
	struct pgtype_value pv;
	if (!pgfn_pgtype_value(val, &pv)) {
		strbuf_puts(sb, "null");
		return;
	}
	pgtype_encode_text(sb, oid, &pv);
}

/* The child row's key values: copies, and their PostgreSQL text joined by ", ". */
static bool key_values(sqlite3 *db, struct fk_violation *v)
{
	char *sql = row_query(db, v, false);
	sqlite3_stmt *st = NULL;
	bool ok = sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK;
	free(sql);
	if (!ok)
		return false;
	sqlite3_bind_int64(st, 1, v->rowid);
	ok = sqlite3_step(st) == SQLITE_ROW;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int i = 0; ok && i < v->ncols; i++) {
		v->vals[i] = sqlite3_value_dup(sqlite3_column_value(st, i));
		ok = v->vals[i] != NULL;
		strbuf_puts(&sb, i ? ", " : "");
		if (ok)
			put_value(&sb, column_type(db, v->table, v->from[i]), v->vals[i]);
	}
	sqlite3_finalize(st);
	if (ok && !sb.failed)
		snprintf(v->values, sizeof(v->values), "%s", sb.data);
	strbuf_fini(&sb);
	return ok && !sb.failed;
}

/* Reads the n-th row (0-based) of foreign_key_check into v: false when there is none or it
 * cannot be read (a WITHOUT ROWID child, a table dropped meanwhile). */
static bool nth_violation(sqlite3 *db, int n, struct fk_violation *v, bool *more)
{
	sqlite3_stmt *st;
	*more = false;
	if (sqlite3_prepare_v2(db, "SELECT * FROM (" FK_CHECK_ALL ") LIMIT 1 OFFSET ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int(st, 1, n);
	bool ok = sqlite3_step(st) == SQLITE_ROW;
	*more = ok;
	if (ok) {
		ok = sqlite3_column_type(st, 1) == SQLITE_INTEGER;
		snprintf(v->table, sizeof(v->table), "%s",
			 (const char *)sqlite3_column_text(st, 0));
		snprintf(v->parent, sizeof(v->parent), "%s",
			 (const char *)sqlite3_column_text(st, 2));
		v->rowid = sqlite3_column_int64(st, 1);
		v->ncols = 0;
		int fkid = sqlite3_column_int(st, 3);
		sqlite3_finalize(st);
		if (ok && key_columns(db, v, fkid) && key_values(db, v))
			return true;
		violation_free(v);
		return false;
	}
	sqlite3_finalize(st);
	return false;
}

/* Whether the prepared sql finds a row with rowid (when not 0) and the key values bound. */
static bool finds_row(sqlite3 *db, const char *sql, const struct fk_violation *v, int first)
{
	sqlite3_stmt *st;
	if (!sql || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	if (first == 2)
		sqlite3_bind_int64(st, 1, v->rowid);
	for (int i = 0; i < v->ncols; i++)
		sqlite3_bind_value(st, first + i, v->vals[i]);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* Whether the parent held the key: then the violation is the parent's doing. */
static bool parent_had_key(sqlite3 *db, const struct fk_violation *v)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "SELECT 1 FROM %s.", schema_of(db, v->parent));
	strbuf_put_quoted(&sb, v->parent, '"');
	for (int i = 0; i < v->ncols; i++) {
		strbuf_puts(&sb, i ? " AND " : " WHERE ");
		strbuf_put_quoted(&sb, v->to[i], '"');
		strbuf_printf(&sb, " = ?%d", i + 1);
	}
	bool found = !sb.failed && finds_row(db, sb.data, v, 1);
	strbuf_fini(&sb);
	return found;
}

/* The constraint's name as pg_constraint reports it (catalog_model.c), else PostgreSQL's
 * default name child_col1_col2_fkey. */
static void constraint_name(sqlite3 *db, const struct fk_violation *v, char *out)
{
	struct strbuf def;
	strbuf_init(&def, 0);
	strbuf_puts(&def, "FOREIGN KEY (");
	put_names(&def, v->from, v->ncols, true);
	strbuf_puts(&def, ") REFERENCES ");
	put_ident(&def, v->parent);
	strbuf_puts(&def, "(");
	put_names(&def, v->to, v->ncols, true);
	strbuf_puts(&def, ")");
	sqlite3_stmt *st = NULL;
	out[0] = '\0';
	if (!def.failed &&
	    sqlite3_prepare_v2(db,
			       "SELECT c.conname FROM pg_constraint c JOIN pg_class r ON r.oid = "
			       "c.conrelid WHERE r.relname = ?1 AND c.contype = 'f' AND "
			       "substr(pg_get_constraintdef(c.oid), 1, length(?2)) = ?2",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, v->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, def.data, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			snprintf(out, PGERR_NAME_MAX, "%s",
				 (const char *)sqlite3_column_text(st, 0));
		if (sqlite3_step(st) != SQLITE_DONE)
			out[0] = '\0'; /* two keys alike: no certain name */
	}
	sqlite3_finalize(st);
	strbuf_fini(&def);
	if (out[0])
		return;
	size_t n = (size_t)snprintf(out, PGERR_NAME_MAX, "%.60s", v->table);
	for (int i = 0; i < v->ncols && n < PGERR_NAME_MAX; i++)
		n += (size_t)snprintf(out + n, PGERR_NAME_MAX - n, "_%.30s", v->from[i]);
	if (n < PGERR_NAME_MAX)
		snprintf(out + n, PGERR_NAME_MAX - n, "_fkey");
}

/* Fills err as PostgreSQL's ri_ReportViolation words it: by the child (a row whose key has no
 * parent) or by the parent (a key removed that a child row still holds). */
/* A local schema's table "s.t" (src/catalog/catalog_nsp.c) is named t in PostgreSQL's
 * messages, and its constraint "s.t_a_fkey" t_a_fkey. */
static const char *unqualified(const char *name, const char *table)
{
	const char *dot = strrchr(table, '.');
	if (!dot)
		return name;
	size_t n = (size_t)(dot - table) + 1;
	return strncmp(name, table, n) == 0 ? name + n : name;
}

static void report(sqlite3 *db, const struct fk_violation *v, bool by_parent, struct pgerr *err)
{
	char name0[PGERR_NAME_MAX];
	constraint_name(db, v, name0);
	const char *name = unqualified(name0, v->table);
	const char *table = unqualified(v->table, v->table);
	const char *parent = unqualified(v->parent, v->parent);
	struct strbuf cols;
	strbuf_init(&cols, 0);
	put_names(&cols, (by_parent ? v->to : v->from), v->ncols, false);
	if (by_parent) {
		pgerr_set(err, SQLSTATE_FOREIGN_KEY_VIOLATION,
			  "update or delete on table \"%s\" violates foreign key constraint \"%s\" "
			  "on table \"%s\"",
			  parent, name, table);
		pgerr_detail(err, "Key (%s)=(%s) is still referenced from table \"%s\".",
			     cols.failed ? "?" : cols.data, v->values, table);
	} else {
		pgerr_set(err, SQLSTATE_FOREIGN_KEY_VIOLATION,
			  "insert or update on table \"%s\" violates foreign key constraint \"%s\"",
			  table, name);
		pgerr_detail(err, "Key (%s)=(%s) is not present in table \"%s\".",
			     cols.failed ? "?" : cols.data, v->values, parent);
	}
	strbuf_fini(&cols);
	snprintf(err->schema_name, sizeof(err->schema_name), "public");
	/* the stored name: the session reports a local schema's "s.t" as schema s, table t */
	snprintf(err->table_name, sizeof(err->table_name), "%s", v->table);
	snprintf(err->constraint_name, sizeof(err->constraint_name), "%s", name);
}

bool shard_fk_describe(sqlite3 *db, struct pgerr *err)
{
	struct fk_violation v;
	bool more = true;
	for (int n = 0; more && n < FK_SCAN_MAX; n++) {
		if (!nth_violation(db, n, &v, &more))
			continue;
		report(db, &v, false, err);
		violation_free(&v);
		return true;
	}
	return false;
}

bool shard_fk_check(sqlite3 *db, bool (*immediate)(const char *name, void *arg), void *arg,
		    const char *written, struct pgerr *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, FK_CHECK_ALL, -1, &st, NULL) != SQLITE_OK)
		return shard_error(db, sqlite3_errcode(db), err);
	struct fk_violation v;
	char name[PGERR_NAME_MAX];
	bool found = false;
	int rc;
	while (!found && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 1) != SQLITE_INTEGER)
			continue; /* a WITHOUT ROWID child: its row cannot be read back */
		snprintf(v.table, sizeof(v.table), "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(v.parent, sizeof(v.parent), "%s",
			 (const char *)sqlite3_column_text(st, 2));
		v.rowid = sqlite3_column_int64(st, 1);
		v.ncols = 0;
		memset(v.vals, 0, sizeof(v.vals)); /* read by key_values only */
		if (!key_columns(db, &v, sqlite3_column_int(st, 3)))
			continue;
		constraint_name(db, &v, name);
		if (!immediate(name, arg) || !key_values(db, &v)) {
			violation_free(&v);
			continue;
		}
		/* an immediate key holds at each statement's end: a parent's change broke it
		 * when the statement wrote the parent's table and not the child's */
		bool by_parent = written && strcmp(written, v.parent) == 0 &&
				 strcmp(written, v.table) != 0;
		report(db, &v, by_parent, err);
		violation_free(&v);
		found = true;
	}
	sqlite3_finalize(st);
	return !found;
}

/* The violations vm's run left, read inside the savepoint: up to FK_SCAN_MAX of them. */
static int collect(sqlite3 *db, struct fk_violation *found, int max)
{
	int nfound = 0;
	bool more = true;
	for (int n = 0; more && n < FK_SCAN_MAX && nfound < max; n++) {
		if (nth_violation(db, n, &found[nfound], &more))
			nfound++;
	}
	return nfound;
}

/* Runs vm to its end inside savepoint shardlite_fk with foreign keys deferred, collects the
 * violations, and rolls everything back; restores the connection's defer_foreign_keys. A
 * RESTRICT key's action is compiled into vm and fails even when deferred; SQLite leaves it out
 * of a statement prepared while keys are deferred (the key then counts as a NO ACTION one), so
 * with restrict_ the statement is prepared again, its parameters' values written in. */
static int rerun(sqlite3 *db, sqlite3_stmt *vm, struct fk_violation *found, int max, bool restrict_)
{
	sqlite3_stmt *st, *fresh = NULL;
	int deferred = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA defer_foreign_keys", -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		deferred = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (sqlite3_exec(db, "SAVEPOINT shardlite_fk; PRAGMA defer_foreign_keys = ON", NULL, NULL,
			 NULL) != SQLITE_OK)
		return 0;
	if (restrict_) {
		char *sql = sqlite3_expanded_sql(vm);
		if (!sql || sqlite3_prepare_v2(db, sql, -1, &fresh, NULL) != SQLITE_OK)
			fresh = NULL;
		sqlite3_free(sql);
	}
	sqlite3_stmt *run = fresh ? fresh : vm;
	sqlite3_reset(run);
	int rc;
	shard_serial_replay(true);
	while ((rc = sqlite3_step(run)) == SQLITE_ROW)
		;
	shard_serial_replay(false);
	sqlite3_reset(run);
	sqlite3_finalize(fresh);
	int n = rc == SQLITE_DONE ? collect(db, found, max) : 0;
	(void)sqlite3_exec(db, "ROLLBACK TO shardlite_fk; RELEASE shardlite_fk", NULL, NULL, NULL);
	(void)sqlite3_exec(
		db, deferred ? "PRAGMA defer_foreign_keys = ON" : "PRAGMA defer_foreign_keys = OFF",
		NULL, NULL, NULL);
	return n;
}

void shard_fk_explain(sqlite3 *db, sqlite3_stmt *vm, int rc, struct pgerr *err)
{
	/* a RESTRICT key's action is SQLite's trigger raising this (rerun) */
	bool restrict_ = rc == SQLITE_CONSTRAINT_TRIGGER &&
			 strcmp(sqlite3_errmsg(db), "FOREIGN KEY constraint failed") == 0;
	/* a NOT VALID key's trigger (catalog_fkset.c), off while keys are deferred: the run
	 * again finds the row it refused */
	bool not_valid = rc == SQLITE_CONSTRAINT_TRIGGER &&
			 strcmp(sqlite3_errmsg(db), XLAT_NVFK_MESSAGE) == 0;
	if (rc != SQLITE_CONSTRAINT_FOREIGNKEY && !restrict_ && !not_valid)
		return;
	enum { MAX = 8 };
	struct fk_violation *found = calloc(MAX, sizeof(*found));
	if (!found)
		return;
	int n = rerun(db, vm, found, MAX, restrict_);
	for (int i = 0; i < n; i++) {
		if (restrict_ && !found[i].restrict_)
			continue; /* an older violation of another key */
		/* Compared with the rows before the statement: a new or changed child row broke
		 * the key; an unchanged one lost its parent; one already orphaned is older. */
		char *same = row_query(db, &found[i], true);
		bool unchanged = finds_row(db, same, &found[i], 2);
		free(same);
		if (!unchanged || parent_had_key(db, &found[i])) {
			report(db, &found[i], unchanged, err);
			break;
		}
	}
	for (int i = 0; i < n; i++)
		violation_free(&found[i]);
	free(found);
}
