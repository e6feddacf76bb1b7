/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_comptype.c: composite types (CREATE TYPE name AS (a int, b text)) — their sidecar
 * `_shardlite_comptypes` read into the model as relations of kind 'c' (pg_class relkind 'c',
 * pg_attribute rows, a pg_type row typtype 'c' through catalog_rowtype.c), the columns declared
 * with a row type, and shardlite_comptype(), the writer behind CREATE/ALTER/DROP TYPE, which
 * checks the objects as PostgreSQL does. Values are record_out texts (pgtype_record.c). */
#include "catalog_int.h"

#include "pgtype.h"

#include <string.h>
#include <strings.h>

#define SQLSTATE_DUPLICATE_OBJECT "42710"
#define SQLSTATE_UNDEFINED_OBJECT "42704"
#define SQLSTATE_DEPENDENT_OBJECTS "2BP01"

/* One attribute read from the sidecar: its name and declared type (as a column's). */
static void add_attr(struct cat_model *m, struct cat_rel *r, int *cap, const char *name,
		     const char *decl)
{
	if (r->ncols == *cap) {
		int ncap = *cap ? *cap * 2 : 8;
		struct cat_col *v = arena_zalloc(m->a, (size_t)ncap * sizeof(*v));
		if (r->ncols)
			memcpy(v, r->cols, (size_t)r->ncols * sizeof(*v));
		r->cols = v;
		*cap = ncap;
	}
	struct cat_col *c = &r->cols[r->ncols++];
	c->name = name;
	c->typoid = pgtype_from_decl(decl, &c->typmod);
	c->ndims = decl && strchr(decl, '[') ? 1 : 0;
	cat_enum_col(m, decl, c); /* an attribute of an enum: its name (the enums load first) */
}

bool cat_comptype_load(sqlite3 *db, struct cat_model *m)
{
	if (!cat_sidecar_exists(db, CAT_SIDECAR_COMPTYPES))
		return true;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT type_name, attnum, attname, atttype FROM " CAT_SIDECAR_COMPTYPES
		    " ORDER BY type_name, attnum",
		    -1, &st, NULL) != SQLITE_OK)
		return false;
	struct cat_rel *r = NULL;
	int cap = 0;
	/* attributes of a composite type (CREATE TYPE outer AS (p pt)): typed once every
	 * composite type is loaded, pt perhaps after outer */
	struct later {
		struct cat_rel *rel;
		int col;
		const char *decl;
		struct later *next;
	} *rows = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (!name)
			continue;
		if (!r || strcmp(r->name, name) != 0) {
			r = cat_model_new_rel(m, arena_strdup(m->a, name), 'c', NULL);
			r->sqlname = NULL; /* SQLite has no object of this name */
			cap = 0;
		}
		const char *att = (const char *)sqlite3_column_text(st, 2);
		const char *decl = (const char *)sqlite3_column_text(st, 3);
		if (sqlite3_column_int(st, 1) <= 0 || !att) /* attnum 0: the type's own row */
			continue;
		const char *d = decl ? arena_strdup(m->a, decl) : NULL;
		add_attr(m, r, &cap, arena_strdup(m->a, att), d);
		struct later *l = arena_zalloc(m->a, sizeof(*l));
		*l = (struct later){r, r->ncols - 1, d, rows};
		rows = l;
	}
	for (struct later *l = rows; l; l = l->next)
		cat_rowtype_col(m, l->decl, &l->rel->cols[l->col]);
	return sqlite3_finalize(st) == SQLITE_OK;
}

void cat_rowtype_col(const struct cat_model *m, const char *decl, struct cat_col *c)
{
	/* only a declared type that names no built-in type (those read as text) */
	if (!decl || (c->typoid != PGTYPE_TEXT && c->typoid != PGTYPE_TEXT_ARRAY) ||
	    strcasecmp(decl, "text") == 0 || strcasecmp(decl, "text[]") == 0)
		return;
	size_t n = strlen(decl);
	bool array = n > 2 && strcmp(decl + n - 2, "[]") == 0;
	char *name = arena_strndup(m->a, decl, array ? n - 2 : n);
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *r = m->rels[i];
		if (strcmp(r->name, name) != 0 || !cat_rowtype_oid(r, false))
			continue;
		c->typoid = cat_rowtype_oid(r, array);
		c->typmod = -1;
		c->ndims = array;
		return;
	}
}

const struct cat_rel *cat_model_rowtype_rel(const struct cat_model *m, uint32_t oid, bool *array)
{
	for (size_t i = 0; oid >= CATALOG_OID_MIN && i < m->nrels; i++) {
		const struct cat_rel *r = m->rels[i];
		if (r->temp || !cat_rowtype_oid(r, false))
			continue;
		if (cat_rowtype_oid(r, false) == oid || cat_rowtype_oid(r, true) == oid) {
			*array = cat_rowtype_oid(r, true) == oid;
			return r;
		}
	}
	return NULL;
}

/* ---- shardlite_comptype(op, name, ...) ---- */

/* Whether name is taken by a type: a built-in one, a name a declared type already means, an
 * enum, or a relation's row type (tables, views and composite types). */
static bool type_taken(const struct cat_model *m, const char *name)
{
	size_t n = 0;
	const struct pgtype_info *all = pgtype_all(&n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(all[i].name, name) == 0)
			return true;
	}
	int32_t typmod = -1;
	if (pgtype_from_decl(name, &typmod) != PGTYPE_TEXT || strcasecmp(name, "text") == 0)
		return true;
	const struct cat_rel *r = cat_model_rel(m, name);
	return cat_model_enum(m, name) || (r && r->kind != 'i');
}

/* The first column of a table declared with type t (or an array of it), NULL when none. */
static const char *user_of(const struct cat_model *m, const struct cat_rel *t,
			   const struct cat_rel **table)
{
	uint32_t oid = cat_rowtype_oid(t, false), arr = cat_rowtype_oid(t, true);
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *r = m->rels[i];
		for (int k = 0; r->kind != 'i' && r->kind != 'S' && k < r->ncols; k++) {
			if (r->cols[k].typoid == oid || r->cols[k].typoid == arr) {
				*table = r;
				return r->cols[k].name;
			}
		}
	}
	return NULL;
}

static void op_create(sqlite3_context *ctx, const struct cat_model *m, const char *name, int argc,
		      sqlite3_value **v)
{
	if (type_taken(m, name)) {
		pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT, "type \"%s\" already exists", name);
		return;
	}
	for (int i = 2; i + 1 < argc; i += 2) {
		for (int k = 2; k < i; k += 2) {
			if (cat_fn_arg(v, argc, i) && cat_fn_arg(v, argc, k) &&
			    strcmp(cat_fn_arg(v, argc, i), cat_fn_arg(v, argc, k)) == 0) {
				pgfn_error(ctx, "42701", "column \"%s\" specified more than once",
					   cat_fn_arg(v, argc, i));
				return;
			}
		}
	}
	static const char ins[] = "INSERT INTO " CAT_SIDECAR_COMPTYPES " VALUES (?1, ?4, ?2, ?3)";
	const char *own[] = {name, NULL, NULL};
	if (!cat_sidecar_exec(ctx, "composite type", ins, own, 3, 0))
		return;
	for (int i = 2; i + 1 < argc; i += 2) {
		const char *p[] = {name, cat_fn_arg(v, argc, i), cat_fn_arg(v, argc, i + 1)};
		if (!cat_sidecar_exec(ctx, "composite type", ins, p, 3, i / 2))
			return;
	}
	sqlite3_result_null(ctx);
}

static void op_drop(sqlite3_context *ctx, const struct cat_model *m, const struct cat_rel *t)
{
	const struct cat_rel *table = NULL;
	const char *col = user_of(m, t, &table);
	if (col) {
		pgfn_error(ctx, SQLSTATE_DEPENDENT_OBJECTS,
			   "cannot drop type %s because other objects depend on it",
			   cat_quote_ident(m->a, t->name));
		return;
	}
	const char *p[] = {t->name};
	if (cat_sidecar_exec(ctx, "composite type",
			     "DELETE FROM " CAT_SIDECAR_COMPTYPES " WHERE type_name = ?1", p, 1, 0))
		sqlite3_result_null(ctx);
}

static void op_rename(sqlite3_context *ctx, const struct cat_model *m, const struct cat_rel *t,
		      const char *to)
{
	const struct cat_rel *table = NULL;
	const char *col = user_of(m, t, &table);
	if (col) {
		pgfn_error(ctx, "0A000",
			   "ALTER TYPE ... RENAME TO of a composite type that a column uses is not "
			   "supported (column %s of table %s)",
			   col, table->name);
		return;
	}
	if (!to || type_taken(m, to)) {
		pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT, "type \"%s\" already exists",
			   to ? to : "");
		return;
	}
	const char *p[] = {t->name, to};
	if (cat_sidecar_exec(ctx, "composite type",
			     "UPDATE " CAT_SIDECAR_COMPTYPES
			     " SET type_name = ?2 WHERE type_name = ?1",
			     p, 2, 0))
		sqlite3_result_null(ctx);
}

/* The attribute of t named att (its index), -1 when none. */
static int attr_index(const struct cat_rel *t, const char *att)
{
	for (int k = 0; att && k < t->ncols; k++)
		if (strcmp(t->cols[k].name, att) == 0)
			return k;
	return -1;
}

/* Every stored value of type t (in the columns declared with it) follows an attribute's change:
 * pgfn_record_put(value, natts, k, NULL[, 1]) — field k added (NULL) or, drop set, removed. */
static bool rewrite_users(sqlite3_context *ctx, const struct cat_model *m, const struct cat_rel *t,
			  int natts, int k, bool drop)
{
	uint32_t oid = cat_rowtype_oid(t, false), arr = cat_rowtype_oid(t, true);
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *r = m->rels[i];
		for (int c = 0; r->kind == 'c' && c < r->ncols; c++) {
			if (r->cols[c].typoid == oid) { /* its values inside another's are not */
				pgfn_error(ctx, "0A000",
					   "altering the attributes of a composite type another "
					   "composite type uses is not supported (%s)",
					   r->name);
				return false;
			}
		}
		for (int c = 0; r->kind == 'r' && c < r->ncols; c++) {
			if (r->cols[c].typoid == arr) {
				pgfn_error(ctx, "0A000",
					   "altering the attributes of a composite type an array "
					   "column uses is not supported");
				return false;
			}
			if (r->cols[c].typoid != oid)
				continue;
			const char *col = r->cols[c].name;
			char *sql = sqlite3_mprintf(
				"UPDATE %s\"%w\" SET \"%w\" = pgfn_record_put(\"%w\", "
				"%d, %d, NULL%s) WHERE \"%w\" IS NOT NULL",
				r->temp ? "temp." : "main.", r->name, col, col, natts, k,
				drop ? ", 1" : "", col);
			bool ok = sql && cat_sidecar_exec(ctx, "composite type", sql, NULL, 0, 0);
			sqlite3_free(sql);
			if (!ok)
				return false;
		}
	}
	return true;
}

static void op_add_attr(sqlite3_context *ctx, const struct cat_model *m, const struct cat_rel *t,
			const char *att, const char *decl)
{
	if (attr_index(t, att) >= 0) {
		pgfn_error(ctx, "42701", "column \"%s\" of relation \"%s\" already exists", att,
			   t->name);
		return;
	}
	/* stored values gain the attribute, NULL (an empty field at their end) */
	const char *p[] = {t->name, att, decl};
	if (rewrite_users(ctx, m, t, t->ncols + 1, t->ncols, false) &&
	    cat_sidecar_exec(ctx, "composite type",
			     "INSERT INTO " CAT_SIDECAR_COMPTYPES " VALUES (?1, ?4, ?2, ?3)", p, 3,
			     t->ncols + 1))
		sqlite3_result_null(ctx);
}

static void op_drop_attr(sqlite3_context *ctx, const struct cat_model *m, const struct cat_rel *t,
			 const char *att)
{
	int k = attr_index(t, att);
	if (k < 0) {
		pgfn_error(ctx, "42703", "column \"%s\" of relation \"%s\" does not exist", att,
			   t->name);
		return;
	}
	const char *p[] = {t->name};
	if (rewrite_users(ctx, m, t, t->ncols, k, true) &&
	    cat_sidecar_exec(ctx, "composite type",
			     "DELETE FROM " CAT_SIDECAR_COMPTYPES
			     " WHERE type_name = ?1 AND attnum = ?2",
			     p, 1, k + 1) &&
	    cat_sidecar_exec(ctx, "composite type",
			     "UPDATE " CAT_SIDECAR_COMPTYPES
			     " SET attnum = -attnum + 1 WHERE type_name = "
			     "?1 AND attnum > ?2",
			     p, 1, k + 1) &&
	    cat_sidecar_exec(ctx, "composite type",
			     "UPDATE " CAT_SIDECAR_COMPTYPES
			     " SET attnum = -attnum WHERE type_name = ?1 "
			     "AND attnum < 0",
			     p, 1, 0))
		sqlite3_result_null(ctx);
}

static void op_rename_attr(sqlite3_context *ctx, const struct cat_rel *t, const char *from,
			   const char *to)
{
	if (attr_index(t, from) < 0) {
		pgfn_error(ctx, "42703", "column \"%s\" does not exist", from ? from : "");
		return;
	}
	if (attr_index(t, to) >= 0) {
		pgfn_error(ctx, "42701", "column \"%s\" of relation \"%s\" already exists", to,
			   t->name);
		return;
	}
	/* values are positional: nothing stored changes */
	const char *p[] = {t->name, from, to};
	if (cat_sidecar_exec(ctx, "composite type",
			     "UPDATE " CAT_SIDECAR_COMPTYPES
			     " SET attname = ?3 WHERE type_name = ?1 AND "
			     "attname = ?2",
			     p, 3, 0))
		sqlite3_result_null(ctx);
}

/* ALTER ATTRIBUTE att TYPE decl: PostgreSQL refuses it while a column holds values of the type
 * (or of its array type), so nothing stored changes. */
static void op_alter_attr(sqlite3_context *ctx, const struct cat_model *m,
			  const struct cat_rel *t, const char *att, const char *decl)
{
	if (attr_index(t, att) < 0) {
		pgfn_error(ctx, "42703", "column \"%s\" of relation \"%s\" does not exist",
			   att ? att : "", t->name);
		return;
	}
	uint32_t oid = cat_rowtype_oid(t, false), arr = cat_rowtype_oid(t, true);
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *r = m->rels[i];
		for (int c = 0; r->kind == 'r' && c < r->ncols; c++) {
			if (r->cols[c].typoid == oid || r->cols[c].typoid == arr) {
				pgfn_error(ctx, "0A000",
					   "cannot alter type \"%s\" because column \"%s.%s\" uses it",
					   t->name, r->name, r->cols[c].name);
				return;
			}
		}
	}
	const char *p[] = {t->name, att, decl};
	if (cat_sidecar_exec(ctx, "composite type",
			     "UPDATE " CAT_SIDECAR_COMPTYPES
			     " SET atttype = ?3 WHERE type_name = ?1 AND attname = ?2",
			     p, 3, 0))
		sqlite3_result_null(ctx);
}

static void fn_comptype(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	const struct cat_model *m = cat_fn_model(ctx);
	const char *op = cat_fn_arg(v, argc, 0), *name = cat_fn_arg(v, argc, 1);
	if (!m)
		return;
	if (!op || !name) {
		pgfn_error(ctx, "XX000", "shardlite_comptype: missing arguments");
		return;
	}
	if (strcmp(op, "create") == 0) {
		op_create(ctx, m, name, argc, v);
		return;
	}
	const struct cat_rel *t = cat_model_rel(m, name);
	bool attr = strstr(op, "_attr") != NULL; /* ALTER TYPE's attribute forms name a relation */
	if (attr && (!t || t->kind == 'i' || t->kind == 'S')) {
		pgfn_error(ctx, "42P01", "relation \"%s\" does not exist", name);
		return;
	}
	if (attr && t->kind != 'c') {
		pgfn_error(ctx, "42809", "\"%s\" is not a composite type", name);
		return;
	}
	if (!t || t->kind != 'c' || strcmp(t->name, name) != 0) {
		if (strcmp(op, "drop") == 0 && argc > 2 && sqlite3_value_int(v[2]))
			sqlite3_result_null(ctx); /* DROP TYPE IF EXISTS */
		else
			pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "type \"%s\" does not exist",
				   name);
		return;
	}
	if (strcmp(op, "drop") == 0)
		op_drop(ctx, m, t);
	else if (strcmp(op, "rename") == 0)
		op_rename(ctx, m, t, cat_fn_arg(v, argc, 2));
	else if (strcmp(op, "add_attr") == 0)
		op_add_attr(ctx, m, t, cat_fn_arg(v, argc, 2), cat_fn_arg(v, argc, 3));
	else if (strcmp(op, "drop_attr") == 0)
		op_drop_attr(ctx, m, t, cat_fn_arg(v, argc, 2));
	else if (strcmp(op, "rename_attr") == 0)
		op_rename_attr(ctx, t, cat_fn_arg(v, argc, 2), cat_fn_arg(v, argc, 3));
	else if (strcmp(op, "alter_attr") == 0)
		op_alter_attr(ctx, m, t, cat_fn_arg(v, argc, 2), cat_fn_arg(v, argc, 3));
	else
		pgfn_error(ctx, "XX000", "shardlite_comptype: unknown operation %s", op);
}

bool cat_comptype_register(sqlite3 *db, struct cat_conn *cc)
{
	static const struct pgfn_def defs[] = {{"shardlite_comptype", -1, fn_comptype}};
	return pgfn_define_with(db, defs, ARRAY_LEN(defs), SQLITE_DIRECTONLY, cc) == SQLITE_OK;
}
