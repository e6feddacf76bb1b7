/* SPDX-License-Identifier: Apache-2.0 */
/* shard_defkey.c: the check of a DEFERRABLE UNIQUE constraint's key (xlat_defkey.c: a plain
 * index marked CATALOG_DEFERRABLE_MARK / CATALOG_DEFERRED_MARK), which SQLite does not check:
 * a row written to it is looked up again when the session checks it, and another row with the
 * same key (none of it NULL, or NULLs equal for NULLS NOT DISTINCT) is PostgreSQL's 23505 with
 * its DETAIL. */
#include "shard_int.h"

#include "catalog.h"
#include "pgfn.h"
#include "pgtype.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DK_COLS_MAX 32 /* PostgreSQL's INDEX_MAX_KEYS */

int shard_defkey_mode(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	int mode = -1;
	if (sqlite3_prepare_v2(db,
			       "SELECT instr(sql, '" CATALOG_DEFERRED_MARK "') > 0 FROM "
			       "main.sqlite_schema WHERE type = 'index' AND name = ?1 AND "
			       "(instr(sql, '" CATALOG_DEFERRED_MARK "') OR instr(sql, '"
			       CATALOG_DEFERRABLE_MARK "'))",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		mode = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return mode;
}

/* The key: index name's table and columns. */
struct dkey {
	char table[PGERR_NAME_MAX];
	bool nnd; /* NULLS NOT DISTINCT: a NULL equals a NULL */
	int ncols;
	char cols[DK_COLS_MAX][PGERR_NAME_MAX];
};

static bool read_key(sqlite3 *db, const char *name, struct dkey *k)
{
	sqlite3_stmt *st = NULL;
	k->ncols = 0;
	if (sqlite3_prepare_v2(db,
			       "SELECT s.tbl_name, i.name, instr(s.sql, '" CATALOG_NND_MARK
			       "') > 0 FROM main.sqlite_schema s, pragma_index_info(?1) i WHERE "
			       "s.type = 'index' AND s.name = ?1 ORDER BY i.seqno",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while (k->ncols < DK_COLS_MAX && sqlite3_step(st) == SQLITE_ROW &&
	       sqlite3_column_text(st, 1)) {
		snprintf(k->table, sizeof(k->table), "%s", (const char *)sqlite3_column_text(st, 0));
		k->nnd = sqlite3_column_int(st, 2) != 0;
		snprintf(k->cols[k->ncols++], PGERR_NAME_MAX, "%s",
			 (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return k->ncols > 0;
}

/* "SELECT "a", "b" FROM main."t" WHERE rowid = ?1", or with count, "SELECT count(*) FROM
 * main."t" WHERE "a" = ?1 AND "b" = ?2". */
static char *key_query(const struct dkey *k, bool count)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	for (int i = 0; !count && i < k->ncols; i++) {
		strbuf_puts(&sb, i ? ", " : "");
		strbuf_put_quoted(&sb, k->cols[i], '"');
	}
	strbuf_puts(&sb, count ? "count(*) FROM main." : " FROM main.");
	strbuf_put_quoted(&sb, k->table, '"');
	for (int i = 0; count && i < k->ncols; i++) {
		strbuf_puts(&sb, i ? " AND " : " WHERE ");
		strbuf_put_quoted(&sb, k->cols[i], '"');
		strbuf_printf(&sb, k->nnd ? " IS ?%d" : " = ?%d", i + 1);
	}
	if (!count)
		strbuf_puts(&sb, " WHERE rowid = ?1");
	if (sb.failed) {
		strbuf_fini(&sb);
		return NULL;
	}
	return sb.data;
}

/* PostgreSQL's "Key (a, b)=(1, x) already exists." with the values as its output functions
 * print them, from the columns' declared types. */
static void detail(sqlite3 *db, const struct dkey *k, sqlite3_stmt *row, struct pgerr *err)
{
	struct strbuf cols, vals;
	strbuf_init(&cols, 0);
	strbuf_init(&vals, 0);
	for (int i = 0; i < k->ncols; i++) {
		const char *decl = NULL;
		int32_t typmod = -1;
		uint32_t oid = PGTYPE_TEXT;
		if (sqlite3_table_column_metadata(db, "main", k->table, k->cols[i], &decl, NULL,
						  NULL, NULL, NULL) == SQLITE_OK &&
		    decl)
			oid = pgtype_from_decl(decl, &typmod);
		struct pgtype_value pv;
		strbuf_puts(&cols, i ? ", " : "");
		strbuf_puts(&cols, k->cols[i]);
		strbuf_puts(&vals, i ? ", " : "");
		if (pgfn_pgtype_value(sqlite3_column_value(row, i), &pv))
			pgtype_encode_text_typmod(&vals, oid, typmod, &pv);
		else
			strbuf_puts(&vals, "null");
	}
	if (!cols.failed && !vals.failed)
		pgerr_detail(err, "Key (%s)=(%s) already exists.", cols.data, vals.data);
	strbuf_fini(&cols);
	strbuf_fini(&vals);
}

bool shard_defkey_check(sqlite3 *db, const char *name, const sqlite3_int64 *rowids, size_t n,
			struct pgerr *err)
{
	struct dkey k;
	if (!read_key(db, name, &k))
		return true; /* the constraint went with its index */
	char *rq = key_query(&k, false), *cq = key_query(&k, true);
	sqlite3_stmt *row = NULL, *cnt = NULL;
	bool ok = true;
	int rc = rq && cq ? sqlite3_prepare_v2(db, rq, -1, &row, NULL) : SQLITE_NOMEM;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, cq, -1, &cnt, NULL);
	if (rc != SQLITE_OK) {
		ok = shard_error(db, rc, err);
		goto out;
	}
	for (size_t r = 0; ok && r < n; r++) {
		sqlite3_reset(row);
		sqlite3_reset(cnt);
		sqlite3_bind_int64(row, 1, rowids[r]);
		if (sqlite3_step(row) != SQLITE_ROW)
			continue; /* deleted since */
		bool null = false;
		for (int i = 0; i < k.ncols && !null; i++) {
			null = !k.nnd && /* NULLs are distinct, unless NULLS NOT DISTINCT */
			       sqlite3_column_type(row, i) == SQLITE_NULL;
			sqlite3_bind_value(cnt, i + 1, sqlite3_column_value(row, i));
		}
		if (null || sqlite3_step(cnt) != SQLITE_ROW || sqlite3_column_int64(cnt, 0) <= 1)
			continue;
		ok = pgerr_set(err, SQLSTATE_UNIQUE_VIOLATION,
			       "duplicate key value violates unique constraint \"%s\"", name);
		detail(db, &k, row, err);
		snprintf(err->schema_name, sizeof(err->schema_name), "public");
		snprintf(err->table_name, sizeof(err->table_name), "%s", k.table);
		snprintf(err->constraint_name, sizeof(err->constraint_name), "%s", name);
	}
out:
	sqlite3_finalize(row);
	sqlite3_finalize(cnt);
	free(rq);
	free(cq);
	return ok;
}
