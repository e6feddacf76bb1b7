/* SPDX-License-Identifier: Apache-2.0 */
/* shard_dropcol.c: what ALTER TABLE t DROP COLUMN c takes with it before SQLite drops the
 * column (which it refuses while a constraint of t names c). PostgreSQL drops the table's own
 * constraints over the column with it (a CHECK naming it, a UNIQUE, PRIMARY KEY, EXCLUDE or
 * FOREIGN KEY over it, however many columns), and needs CASCADE for the foreign keys of other
 * tables that reference it (2BP01 without). Each becomes a DROP CONSTRAINT action. */
#include "shard_int.h"

#include "catalog.h"
#include "xlat.h"

#include <stdlib.h>
#include <string.h>

/* The column's attnum in pg_attribute, as a constraint's conkey/confkey name it. */
#define ATTNUM "(SELECT attnum FROM pg_attribute WHERE attrelid = ?1 AND attname = ?2)"
/* Whether the int2[] text ("{1,3}") of key holds the column's attnum. */
#define HOLDS(key) "instr(',' || trim(" key ", '{}') || ',', ',' || " ATTNUM " || ',') > 0"

/* The table's own constraints over the column: its foreign keys first (one may reference a
 * key of the table that goes after it), then CHECKs, then keys. */
static const char own_sql[] =
	"SELECT '', conname FROM pg_constraint WHERE conrelid = ?1 AND contype IN ('f', "
	"'c', 'x', 'u', 'p') AND (" HOLDS("conkey") " OR (contype = 'f' AND confrelid = ?1 AND "
	HOLDS("confkey") ")) ORDER BY contype <> 'f', contype <> 'c', contype = 'p', conname";

/* Other tables' foreign keys that reference the column. */
static const char refs_sql[] =
	"SELECT shardlite_relname(r.oid), k.conname FROM pg_constraint k JOIN pg_class r ON "
	"r.oid = k.conrelid "
	"WHERE k.contype = 'f' AND k.confrelid = ?1 AND k.conrelid <> ?1 AND " HOLDS("k.confkey")
	" ORDER BY 1, 2";

struct dropcol_con {
	const char *table, *name;
};

/* The rows (table, constraint name) of sql for the column, into *out (in a); false with err. */
static bool constraints(sqlite3 *db, const char *sql, const struct xlat_rebuild *r,
			struct arena *a, struct dropcol_con **out, size_t *n, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc = sqlite3_prepare_v2(db, sql, -1, &vm, NULL);
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	uint32_t oid = shard_table_is_temp(db, r->table) ? catalog_temp_rel_oid(r->table)
							 : catalog_rel_oid(r->table);
	sqlite3_bind_int64(vm, 1, oid);
	sqlite3_bind_text(vm, 2, r->column, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		if (*n == cap) {
			struct dropcol_con *v = arena_alloc(a, (cap * 2 + 4) * sizeof(*v));
			if (*n)
				memcpy(v, *out, *n * sizeof(*v));
			*out = v;
			cap = cap * 2 + 4;
		}
		const char *t = (const char *)sqlite3_column_text(vm, 0);
		const char *k = (const char *)sqlite3_column_text(vm, 1);
		(*out)[(*n)++] = (struct dropcol_con){arena_strdup(a, t ? t : ""),
						      arena_strdup(a, k ? k : "")};
	}
	bool ok = rc == SQLITE_DONE || shard_error(db, rc, err);
	sqlite3_finalize(vm);
	return ok;
}

/* PostgreSQL's 2BP01 for the other tables' foreign keys v[0..n) (n > 0), a DETAIL line each,
 * then one for each view that reads the column (in PostgreSQL's order when the keys are older
 * than the views). */
static bool restrict_error(struct shard_conn *c, const struct xlat_rebuild *r,
			   const struct dropcol_con *v, size_t n, struct pgerr *err)
{
	struct strbuf sb, views;
	strbuf_init(&sb, 0);
	strbuf_init(&views, 0);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%sconstraint %s on table %s depends on column %s of table %s",
			      i ? "\n" : "", v[i].name, v[i].table, r->column, r->table);
	size_t nviews = shard_view_reading(c, r->table, r->column, &views);
	const char *p = views.data;
	for (size_t i = 0; i < nviews; i++) {
		size_t len = strcspn(p, "\n");
		strbuf_printf(&sb, "\nview %.*s depends on column %s of table %s", (int)len, p,
			      r->column, r->table);
		p += len + (p[len] != '\0');
	}
	strbuf_fini(&views);
	pgerr_set(err, "2BP01", "cannot drop column %s of table %s because other objects depend on it",
		  r->column, r->table);
	pgerr_detail(err, "%s", sb.failed ? "" : sb.data);
	pgerr_hint(err, "Use DROP ... CASCADE to drop the dependent objects too.");
	strbuf_fini(&sb);
	return false;
}

bool shard_dropcol_plan(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
			struct xlat_rebuild **out, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	struct dropcol_con *refs, *own;
	size_t nrefs, nown;
	*out = NULL;
	if (!constraints(db, refs_sql, r, a, &refs, &nrefs, err) ||
	    !constraints(db, own_sql, r, a, &own, &nown, err))
		return false;
	if (nrefs && !r->drop_cascade)
		return restrict_error(c, r, refs, nrefs, err);
	struct xlat_rebuild *v = arena_zalloc(a, (nrefs + nown + 1) * sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < nrefs; i++) {
		v[n++] = (struct xlat_rebuild){.kind = XLAT_RB_DROP_CONSTRAINT,
					       .table = refs[i].table, .name = refs[i].name};
		char *what = sqlite3_mprintf("constraint %s on table %s", refs[i].name,
					     refs[i].table);
		catalog_cascaded_note(c->cat, what); /* the session's NOTICE */
		sqlite3_free(what);
	}
	for (size_t i = 0; i < nown; i++)
		v[n++] = (struct xlat_rebuild){.kind = XLAT_RB_DROP_CONSTRAINT, .table = r->table,
					       .name = own[i].name};
	for (size_t i = 0; i + 1 < n; i++)
		v[i].next = &v[i + 1];
	*out = n ? v : NULL;
	return true;
}
