/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_ext.c: the extensions a tenant has created. Their features are built in; uuid-ossp's
 * functions are translated only once it was created (src/xlat/xlat_func.c, through the
 * session's schema snapshot); what CREATE EXTENSION adds is the tenant's record of it, one row of the sidecar _shardlite_extensions
 * (name, version), which pg_extension lists and DROP EXTENSION removes. */
#include "catalog_int.h"
#include "xlat.h" /* xlat_extension_find: the extensions built in */

#include <string.h>

#define SQLSTATE_DUPLICATE_OBJECT "42710"

/* The comment each extension's control file gives it (pg_description's row after CREATE
 * EXTENSION, until COMMENT ON EXTENSION replaces it). */
static const char *comment_of(const char *name)
{
	const struct xlat_extension *ext = xlat_extension_find(name);
	return ext ? ext->comment : NULL;
}

/* The version PostgreSQL 15 installs of each extension shardlite accepts. */
static const char *version_of(const char *name)
{
	const struct xlat_extension *ext = xlat_extension_find(name);
	return ext ? ext->version : NULL;
}

bool cat_ext_created(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (cat_sidecar_exists(db, CAT_SIDECAR_EXTENSIONS) &&
	    sqlite3_prepare_v2(db, "SELECT 1 FROM " CAT_SIDECAR_EXTENSIONS " WHERE name = ?1", -1,
			       &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

bool catalog_extension_created(sqlite3 *db, const char *name) { return cat_ext_created(db, name); }

static bool exec(sqlite3_context *ctx, const char *sql, const char *name, const char *version)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (version)
			sqlite3_bind_text(st, 2, version, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "extension sidecar: %s",
			   sqlite3_errmsg(db));
	return rc == SQLITE_OK;
}

/* The indexes that use pg_trgm's operator classes, as DROP EXTENSION's DETAIL lists them:
 * gist_trgm_ops's first (PostgreSQL visits the newer gin_trgm_ops first and lists in
 * reverse); NULL when none does. */
static const char *trgm_users(const struct cat_model *m, struct arena *a)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int pass = 0; pass < 2; pass++) {
		const char *want = pass ? "gin_trgm_ops" : "gist_trgm_ops";
		for (size_t i = 0; i < m->nidx; i++) {
			const struct cat_index *ix = m->idx[i];
			for (int k = 0; k < ix->nkeyatts; k++) {
				const struct cat_opclass *oc =
					cat_opclass_by_oid(cat_index_key_opclass(m, ix, k));
				if (!oc || !cat_opclass_of_trgm(oc) || strcmp(oc->name, want) != 0)
					continue;
				strbuf_printf(&sb,
					      "%sindex %s depends on operator class %s for access "
					      "method %s",
					      sb.len ? "\n" : "", ix->rel->name, oc->name,
					      pass ? "gin" : "gist");
				break;
			}
		}
	}
	const char *r = sb.len && !sb.failed ? arena_strdup(a, sb.data) : NULL;
	strbuf_fini(&sb);
	return r;
}

/* What uses extension name's objects, as PostgreSQL's DETAIL lists them (in a): EXCLUDE
 * constraints and gist indexes on btree_gist's operator classes, indexes on pg_trgm's,
 * columns and domains of citext's type; NULL when nothing does (or the extension makes nothing that can be used). */
static const char *users_of(const struct cat_model *m, struct arena *a, const char *name)
{
	if (strcmp(name, "btree_gist") == 0)
		return cat_exclude_btree_gist_users(m, a);
	if (strcmp(name, "pg_trgm") == 0)
		return trgm_users(m, a);
	if (strcmp(name, "citext") != 0)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		for (int k = 0; rel->kind == 'r' && k < rel->ncols; k++) {
			uint32_t t = rel->cols[k].typoid;
			if (!rel->cols[k].domain &&
			    (t == PGTYPE_CITEXT || t == PGTYPE_CITEXT_ARRAY))
				strbuf_printf(&sb, "%scolumn %s of table %s depends on type %s",
					      sb.len ? "\n" : "", rel->cols[k].name, rel->name,
					      t == PGTYPE_CITEXT ? "citext" : "citext[]");
		}
	}
	/* a domain: PostgreSQL names the first of the type's functions it depends on */
	for (size_t i = 0; i < m->ndomains; i++) {
		const struct cat_domain *d = m->domains[i];
		if (!d->parent &&
		    (d->base_oid == PGTYPE_CITEXT || d->base_oid == PGTYPE_CITEXT_ARRAY))
			strbuf_printf(&sb, "%stype %s depends on function citextsend(citext)",
				      sb.len ? "\n" : "", d->name);
	}
	const char *users = sb.len ? arena_strdup(a, sb.data) : NULL;
	strbuf_fini(&sb);
	return users;
}

/* Whether extension name may go: not while objects use what it made (PostgreSQL's 2BP01 set;
 * with CASCADE, which would drop them, 0A000). */
static bool droppable(sqlite3_context *ctx, const char *name, bool cascade)
{
	if (strcmp(name, "btree_gist") != 0 && strcmp(name, "pg_trgm") != 0 &&
	    strcmp(name, "citext") != 0)
		return true;
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return false; /* its error is set */
	struct arena *a = arena_new(0);
	const char *users = users_of(m, a, name);
	if (users && cascade)
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "DROP EXTENSION %s CASCADE while objects use it is not supported", name);
	else if (users)
		pgfn_error_detail(ctx, "2BP01", users,
				  "cannot drop extension %s because other objects depend on it",
				  name);
	arena_free(a);
	return users == NULL;
}

/* shardlite_extension(op, name, if_flag): op 'create' (if_flag: IF NOT EXISTS) or 'drop'
 * (if_flag: IF EXISTS), which the translator writes after creating the sidecar. */
static void fn_extension(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *op = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	bool if_flag = sqlite3_value_int(argv[2]) != 0;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_result_null(ctx);
	if (!op || !name)
		return;
	bool there = cat_ext_created(db, name);
	if (strcmp(op, "create") == 0) {
		if (there && !if_flag)
			pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT, "extension \"%s\" already exists",
				   name);
		else if (!there && version_of(name))
			(void)exec(ctx, "INSERT INTO " CAT_SIDECAR_EXTENSIONS " VALUES (?1, ?2)", name,
				   version_of(name));
	} else if (!there) {
		if (!if_flag)
			pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "extension \"%s\" does not exist",
				   name);
	} else if (droppable(ctx, name, strcmp(op, "drop cascade") == 0) &&
		   exec(ctx, "DELETE FROM " CAT_SIDECAR_EXTENSIONS " WHERE name = ?1", name,
			NULL) &&
		   cat_sidecar_exists(db, CAT_SIDECAR_COMMENTS)) { /* its comment goes with it */
		(void)exec(ctx,
			   "DELETE FROM " CAT_SIDECAR_COMMENTS
			   " WHERE kind = 'extension' AND name = ?1",
			   name, NULL);
	}
}

bool cat_fill_extension(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)m;
	/* PL/pgSQL's, always there as in PostgreSQL 15 (initdb's OID, in pg_catalog) */
	cat_row(r);
	cat_int(r, CAT_PLPGSQL_EXT_OID);
	cat_text(r, "plpgsql");
	cat_int(r, CAT_ROLE_BOOTSTRAP);
	cat_int(r, CAT_NS_PG_CATALOG);
	cat_bool(r, false);
	cat_text(r, "1.0");
	cat_null(r);
	cat_null(r);
	sqlite3_stmt *st = NULL;
	if (!cat_sidecar_exists(cc->db, CAT_SIDECAR_EXTENSIONS) ||
	    sqlite3_prepare_v2(cc->db,
			       "SELECT name, version FROM " CAT_SIDECAR_EXTENSIONS " ORDER BY rowid",
			       -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return true; /* no extension was created */
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		cat_row(r);
		cat_int(r, cat_oid("ext", name, NULL));
		cat_text(r, name);
		cat_int(r, CAT_ROLE_BOOTSTRAP);
		cat_int(r, cat_conn_own_nsp(cc));
		cat_bool(r, true); /* uuid-ossp is relocatable */
		cat_text(r, (const char *)sqlite3_column_text(st, 1));
		cat_null(r);
		cat_null(r);
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

bool cat_fill_available_extensions(struct cat_conn *cc, const struct cat_model *m,
				   struct cat_rows *r)
{
	(void)m;
	const struct xlat_extension *ext;
	for (size_t i = 0; (ext = xlat_extension_at(i)); i++) {
		bool installed = strcmp(ext->name, "plpgsql") == 0 ||
				 cat_ext_created(cc->db, ext->name);
		cat_row(r);
		cat_text(r, ext->name);
		cat_text(r, ext->version);
		if (installed)
			cat_text(r, ext->version);
		else
			cat_null(r);
		cat_text(r, ext->comment);
	}
	return true;
}

bool cat_ext_register(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_extension", 3,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_extension, NULL,
					  NULL, NULL) == SQLITE_OK;
}

void cat_ext_type_rows(struct cat_conn *cc, struct cat_rows *r)
{
	if (!cat_ext_created(cc->db, "citext"))
		return;
	/* as citext--1.4.sql makes them: text's storage, the default collation */
	cat_type_put(r, &(struct cat_type_row){.oid = PGTYPE_CITEXT,
					       .name = "citext",
					       .nsp = cat_conn_own_nsp(cc),
					       .len = -1,
					       .type = 'b',
					       .category = 'S',
					       .subscript = "-",
					       .array = PGTYPE_CITEXT_ARRAY,
					       .in = "citextin",
					       .out = "citextout",
					       .recv = "citextrecv",
					       .send = "citextsend",
					       .analyze = "-",
					       .align = 'i',
					       .storage = 'x',
					       .collation = 100});
	cat_type_put(r, &(struct cat_type_row){.oid = PGTYPE_CITEXT_ARRAY,
					       .name = "_citext",
					       .nsp = cat_conn_own_nsp(cc),
					       .len = -1,
					       .type = 'b',
					       .category = 'A',
					       .subscript = "array_subscript_handler",
					       .elem = PGTYPE_CITEXT,
					       .in = "array_in",
					       .out = "array_out",
					       .recv = "array_recv",
					       .send = "array_send",
					       .analyze = "array_typanalyze",
					       .align = 'i',
					       .storage = 'x',
					       .collation = 100});
}

void cat_ext_depends(struct cat_conn *cc, struct cat_rows *r)
{
	if (!cat_ext_created(cc->db, "citext"))
		return;
	/* the type is the extension's member: pg_dump writes CREATE EXTENSION, not the type */
	cat_row(r);
	cat_int(r, 1247 /* pg_type */);
	cat_int(r, PGTYPE_CITEXT);
	cat_int(r, 0);
	cat_int(r, 3079 /* pg_extension */);
	cat_int(r, cat_oid("ext", "citext", NULL));
	cat_int(r, 0);
	cat_char(r, 'e');
}

const char *cat_ext_udt(uint32_t oid, bool *array)
{
	*array = oid == PGTYPE_CITEXT_ARRAY;
	return oid == PGTYPE_CITEXT || oid == PGTYPE_CITEXT_ARRAY ? "citext" : NULL;
}

/* name's comment, in a: its COMMENT ON EXTENSION ("": none), else its control file's; NULL
 * for none. */
static const char *ext_comment(sqlite3 *db, struct arena *a, const char *name)
{
	sqlite3_stmt *st = NULL;
	const char *text = comment_of(name);
	if (cat_sidecar_exists(db, CAT_SIDECAR_COMMENTS) &&
	    sqlite3_prepare_v2(db,
			       "SELECT description FROM " CAT_SIDECAR_COMMENTS
			       " WHERE kind = 'extension' AND name = ?1",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			text = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return text && *text ? text : NULL;
}

/* Calls fn with each extension there is (plpgsql first, then the tenant's) until it returns
 * false. */
static void each_extension(sqlite3 *db, bool (*fn)(void *, const char *, uint32_t), void *arg)
{
	if (!fn(arg, "plpgsql", CAT_PLPGSQL_EXT_OID))
		return;
	sqlite3_stmt *st = NULL;
	if (cat_sidecar_exists(db, CAT_SIDECAR_EXTENSIONS) &&
	    sqlite3_prepare_v2(db, "SELECT name FROM " CAT_SIDECAR_EXTENSIONS " ORDER BY rowid", -1,
			       &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			if (!fn(arg, name, cat_oid("ext", name, NULL)))
				break;
		}
	}
	sqlite3_finalize(st);
}

struct desc_walk {
	sqlite3 *db;
	struct arena *a;
	struct cat_rows *r; /* cat_ext_descriptions: each one's row */
	uint32_t want;      /* cat_ext_comment: the one of this OID */
	const char *found;
};

static bool describe(void *arg, const char *name, uint32_t oid)
{
	struct desc_walk *w = arg;
	if (!w->r && oid != w->want)
		return true;
	const char *text = ext_comment(w->db, w->a, name);
	if (!w->r) {
		w->found = text;
		return false;
	}
	if (text) {
		cat_row(w->r);
		cat_int(w->r, oid);
		cat_int(w->r, 3079); /* pg_extension */
		cat_int(w->r, 0);
		cat_text(w->r, text);
	}
	return true;
}

void cat_ext_descriptions(struct cat_conn *cc, struct cat_rows *r)
{
	struct desc_walk w = {.db = cc->db, .a = r->a, .r = r};
	each_extension(cc->db, describe, &w);
}

const char *cat_ext_comment(sqlite3 *db, struct arena *a, uint32_t oid)
{
	struct desc_walk w = {.db = db, .a = a, .want = oid};
	each_extension(db, describe, &w);
	return w.found;
}
