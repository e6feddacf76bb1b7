/* SPDX-License-Identifier: Apache-2.0 */
/* sess_enumdeps.c: xlat_env.enum_indexes_fn, the indexes whose SQLite text spells an enum's
 * labels (xlat_enumpred.c's XLAT_ENUM_ORDER_MARK, XLAT_ENUM_LABEL_MARK), with their PostgreSQL definitions, which
 * ALTER TYPE ... ADD VALUE / RENAME VALUE translates again (xlat_enumrefit.c). */
#include "session_int.h"

#include <stdio.h>
#include <string.h>

/* XLAT_ENUM_ORDER_MARK and XLAT_ENUM_LABEL_MARK (xlat_int.h) */
#define MARK "/* shardlite: enum order "
#define LABEL_MARK "/* shardlite: enum label "

/* The index's pg_get_indexdef text in a, NULL when the catalog has none. */
static const char *indexdef(sqlite3 *db, const char *name, struct arena *a)
{
	sqlite3_stmt *vm = NULL;
	const char *def = NULL;
	if (sqlite3_prepare_v2(db, "SELECT pg_get_indexdef(?1)", -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(vm, 1, catalog_rel_oid(name));
		if (sqlite3_step(vm) == SQLITE_ROW && sqlite3_column_text(vm, 0))
			def = arena_strdup(a, (const char *)sqlite3_column_text(vm, 0));
	}
	sqlite3_finalize(vm);
	return def;
}

const char *const *sess_enum_indexes(void *arg, const char *type, struct arena *a, size_t *n)
{
	struct session *s = arg;
	*n = 0;
	if (!s->conn)
		return NULL;
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	size_t cap = 0;
	const char **v = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT name FROM main.sqlite_schema WHERE type = 'index' AND "
			       "(instr(sql, ?1) > 0 OR instr(sql, ?2) > 0) ORDER BY rowid",
			       -1, &vm, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(vm, 1, arena_printf(a, MARK "%s */", type), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(vm, 2, arena_printf(a, LABEL_MARK "%s */", type), -1, SQLITE_TRANSIENT);
	while (sqlite3_step(vm) == SQLITE_ROW) {
		if (2 * *n + 2 > cap) {
			size_t ncap = cap ? 2 * cap : 8;
			const char **nv = arena_zalloc(a, ncap * sizeof(*nv));
			if (v)
				memcpy(nv, v, cap * sizeof(*nv));
			v = nv;
			cap = ncap;
		}
		v[2 * *n] = arena_strdup(a, (const char *)sqlite3_column_text(vm, 0));
		(*n)++;
	}
	sqlite3_finalize(vm);
	for (size_t i = 0; i < *n; i++) /* once the listing is done: the catalog reads too */
		v[2 * i + 1] = indexdef(db, v[2 * i], a);
	return v;
}
