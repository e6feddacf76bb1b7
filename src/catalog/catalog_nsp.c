/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_nsp.c: the tenant's own schemas (CREATE SCHEMA inside a tenant). An object t of
 * local schema s is the SQLite object named "s.t" in the tenant's file; the sidecar
 * _shardlite_schemas (name, owner, comment) records the schemas themselves, so that an empty
 * one exists. shardlite_schema() is what CREATE/DROP/ALTER SCHEMA and COMMENT ON SCHEMA run;
 * the model's list answers pg_namespace and splits "s.t" into schema and name elsewhere. */
#include "catalog_int.h"

#include <stdio.h>
#include <string.h>

#define SQLSTATE_DUPLICATE_SCHEMA "42P06"
#define SQLSTATE_DEPENDENT_OBJECTS "2BP01"

bool cat_nsp_load(sqlite3 *db, struct cat_model *m)
{
	sqlite3_stmt *st = NULL;
	if (!cat_sidecar_exists(db, CAT_SIDECAR_SCHEMAS))
		return true;
	if (sqlite3_prepare_v2(db,
			       "SELECT name, comment FROM main." CAT_SIDECAR_SCHEMAS
			       " ORDER BY name",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	size_t cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (m->nnsps == cap) {
			cap = cap ? 2 * cap : 8;
			struct cat_nsp *v = arena_zalloc(m->a, cap * sizeof(*v));
			if (m->nnsps)
				memcpy(v, m->nsps, m->nnsps * sizeof(*v));
			m->nsps = v;
		}
		struct cat_nsp *n = &m->nsps[m->nnsps++];
		n->name = arena_strdup(m->a, (const char *)sqlite3_column_text(st, 0));
		n->comment = sqlite3_column_type(st, 1) == SQLITE_NULL
				     ? NULL
				     : arena_strdup(m->a, (const char *)sqlite3_column_text(st, 1));
		n->oid = catalog_schema_oid(n->name);
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

const struct cat_nsp *cat_nsp_find(const struct cat_model *m, const char *name)
{
	for (size_t i = 0; m && name && i < m->nnsps; i++)
		if (strcmp(m->nsps[i].name, name) == 0)
			return &m->nsps[i];
	return NULL;
}

const struct cat_nsp *cat_nsp_of(const struct cat_model *m, const char *name, const char **bare)
{
	if (bare)
		*bare = name;
	const char *dot = name ? strchr(name, '.') : NULL;
	for (size_t i = 0; m && dot && i < m->nnsps; i++) {
		size_t n = strlen(m->nsps[i].name);
		if ((size_t)(dot - name) == n && strncmp(name, m->nsps[i].name, n) == 0) {
			if (bare)
				*bare = dot + 1;
			return &m->nsps[i];
		}
	}
	return NULL;
}

uint32_t cat_nsp_conoid(const struct cat_model *m, const struct cat_rel *r, const char *name)
{
	uint32_t oid = cat_model_conoid(m, r, name);
	const struct cat_nsp *n = oid || !name ? NULL : cat_nsp_of(m, r->name, NULL);
	if (!n)
		return oid;
	/* a key's constraint of local schema s's table is named "s.x" (catalog_model.c) */
	struct arena *a = arena_new(0);
	oid = cat_model_conoid(m, r, arena_printf(a, "%s.%s", n->name, name));
	arena_free(a);
	return oid;
}

const char *cat_nsp_bare(const struct cat_model *m, const char *name)
{
	const char *bare;
	(void)cat_nsp_of(m, name, &bare);
	return bare;
}

uint32_t cat_nsp_rel_oid(struct cat_conn *cc, const struct cat_model *m, const struct cat_rel *rel)
{
	if (rel->temp)
		return CAT_NS_TEMP;
	const struct cat_nsp *n = cat_nsp_of(m, rel->name, NULL);
	return n ? n->oid : cat_conn_own_nsp(cc);
}

const char *cat_nsp_rel_name(struct cat_conn *cc, const struct cat_model *m,
			     const struct cat_rel *rel)
{
	if (rel->temp)
		return CAT_NS_TEMP_NAME;
	const struct cat_nsp *n = cat_nsp_of(m, rel->name, NULL);
	return n ? n->name : cat_conn_public(cc);
}

const char *cat_nsp_schema_of(struct cat_conn *cc, const struct cat_model *m, const char *name)
{
	const struct cat_nsp *n = cat_nsp_of(m, name, NULL);
	return n ? n->name : cat_conn_public(cc);
}

const char *cat_nsp_quote(const struct cat_model *m, struct arena *a, const char *name)
{
	const char *bare;
	const struct cat_nsp *n = cat_nsp_of(m, name, &bare);
	if (!n)
		return cat_quote_ident(a, name);
	return arena_printf(a, "%s.%s", cat_quote_ident(a, n->name), cat_quote_ident(a, bare));
}

void cat_nsp_rows(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; m && i < m->nnsps; i++) {
		cat_row(r);
		cat_int(r, m->nsps[i].oid);
		cat_text(r, m->nsps[i].name);
		cat_int(r, CAT_ROLE_BOOTSTRAP);
		/* NULL (the owner's UC) until GRANT or REVOKE ON SCHEMA (catalog_grant.c) */
		cat_text(r, cat_grant_acl(cc, arena_printf(r->a, CAT_GRANT_NSP "%s",
							   m->nsps[i].name),
					  r->a));
	}
}

static bool seq_owned(const struct cat_model *m, const struct cat_rel *rel)
{
	for (size_t i = 0; i < m->nseqs; i++)
		if (m->seqs[i]->rel == rel)
			return m->seqs[i]->owner_table != NULL;
	return false;
}

/* The objects in schema name, as PostgreSQL's DETAIL lists what depends on it ("table s.t
 * depends on schema s"): tables, views, sequences and composite types in name order, then
 * enums, domains and functions (by name, without their arguments); NULL when none. */
static const char *dependents(sqlite3 *db, const struct cat_model *m, const char *name,
			      struct arena *a, size_t *count)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	*count = 0;
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		const char *bare;
		const struct cat_nsp *n = rel->temp ? NULL : cat_nsp_of(m, rel->name, &bare);
		if (!n || strcmp(n->name, name) != 0 || rel->kind == 'i')
			continue;
		const char *kind = rel->kind == 'S'  ? "sequence"
				   : rel->kind == 'v' ? "view"
				   : rel->kind == 'c' ? "type"
				   : rel->matview     ? "materialized view"
						      : "table";
		if (rel->kind == 'S' && seq_owned(m, rel))
			continue; /* a serial column's: goes with its table */
		if ((*count)++)
			strbuf_putc(&sb, '\n');
		strbuf_printf(&sb, "%s %s.%s depends on schema %s", kind, name, bare, name);
	}
	/* its enums, domains and functions (stored as "s.x" too) */
	const char *bare;
	for (size_t i = 0; i < m->nenums; i++)
		if (cat_nsp_of(m, m->enums[i]->name, &bare) == cat_nsp_find(m, name))
			strbuf_printf(&sb, "%stype %s.%s depends on schema %s", (*count)++ ? "\n" : "",
				      name, bare, name);
	for (size_t i = 0; i < m->ndomains; i++)
		if (cat_nsp_of(m, m->domains[i]->name, &bare) == cat_nsp_find(m, name))
			strbuf_printf(&sb, "%stype %s.%s depends on schema %s", (*count)++ ? "\n" : "",
				      name, bare, name);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT name, kind FROM main._shardlite_functions WHERE substr(name, "
			       "1, length(?1) + 1) = ?1 || '.' ORDER BY name, sig",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *f = (const char *)sqlite3_column_text(st, 0);
			const char *k = (const char *)sqlite3_column_text(st, 1);
			strbuf_printf(&sb, "%s%s %s.%s depends on schema %s",
				      (*count)++ ? "\n" : "",
				      k && *k == 'p' ? "procedure" : "function", name,
				      f ? f + strlen(name) + 1 : "", name);
		}
	}
	sqlite3_finalize(st);
	const char *out = *count ? arena_strndup(a, sb.data, sb.len) : NULL;
	strbuf_fini(&sb);
	return out;
}

static void op_create(sqlite3_context *ctx, const struct cat_model *m, const char *name,
		      bool if_not_exists)
{
	if (cat_nsp_find(m, name)) {
		if (!if_not_exists)
			pgfn_error(ctx, SQLSTATE_DUPLICATE_SCHEMA, "schema \"%s\" already exists",
				   name);
		return;
	}
	const char *p[] = {name};
	(void)cat_sidecar_exec(ctx, "schema",
			       "INSERT INTO main." CAT_SIDECAR_SCHEMAS
			       " (name, owner, comment) VALUES (?1, NULL, NULL)",
			       p, 1, 0);
}

static void op_drop(sqlite3_context *ctx, const struct cat_model *m, const char *name,
		    bool missing_ok, bool cascade)
{
	if (!cat_nsp_find(m, name)) {
		if (!missing_ok)
			pgfn_error(ctx, SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist",
				   name);
		return;
	}
	struct arena *a = arena_new(0);
	size_t n = 0;
	const char *detail = dependents(sqlite3_context_db_handle(ctx), m, name, a, &n);
	if (detail && cascade)
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "DROP SCHEMA ... CASCADE of a schema that holds objects is not supported");
	else if (detail)
		pgfn_error_detail(ctx, SQLSTATE_DEPENDENT_OBJECTS, detail,
				  "cannot drop schema %s because other objects depend on it", name);
	arena_free(a);
	if (detail)
		return;
	const char *p[] = {name};
	struct arena *k = arena_new(0);
	if (cat_grant_forget(ctx, arena_printf(k, CAT_GRANT_NSP "%s", name)) && /* ON SCHEMA's */
	    cat_defacl_schema(ctx, name, NULL))
		(void)cat_sidecar_exec(ctx, "schema",
				       "DELETE FROM main." CAT_SIDECAR_SCHEMAS " WHERE name = ?1", p,
				       1, 0);
	arena_free(k);
}

static void op_comment(sqlite3_context *ctx, const struct cat_model *m, const char *name,
		       const char *comment)
{
	if (!cat_nsp_find(m, name)) {
		pgfn_error(ctx, SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", name);
		return;
	}
	const char *p[] = {name, comment && *comment ? comment : NULL};
	(void)cat_sidecar_exec(ctx, "schema",
			       "UPDATE main." CAT_SIDECAR_SCHEMAS " SET comment = ?2 WHERE name = ?1",
			       p, 2, 0);
}

/* ALTER SCHEMA name RENAME TO to: the row (with its comment) takes the new name; the shard
 * moved the schema's relations first (shard_rename.c). */
static void op_rename(sqlite3_context *ctx, const struct cat_model *m, const char *name,
		      const char *to)
{
	if (!cat_nsp_find(m, name)) {
		pgfn_error(ctx, SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", name);
		return;
	}
	if (!to || cat_nsp_find(m, to)) {
		pgfn_error(ctx, SQLSTATE_DUPLICATE_SCHEMA, "schema \"%s\" already exists",
			   to ? to : "");
		return;
	}
	const char *p[] = {name, to};
	struct arena *k = arena_new(0);
	if (cat_grant_renamed(ctx, arena_printf(k, CAT_GRANT_NSP "%s", name),
			      arena_printf(k, CAT_GRANT_NSP "%s", to)) && /* ON SCHEMA's */
	    cat_defacl_schema(ctx, name, to))
		(void)cat_sidecar_exec(ctx, "schema",
				       "UPDATE main." CAT_SIDECAR_SCHEMAS
				       " SET name = ?2 WHERE name = ?1",
				       p, 2, 0);
	arena_free(k);
}

/* shardlite_schema(op, name[, arg]): 'create' (arg: IF NOT EXISTS), 'drop' (arg: IF
 * EXISTS; a schema holding objects is 2BP01), 'exists' (3F000 unless it is one),
 * 'comment' (arg: the text, NULL or '' removes it), 'owner' (arg: the role), 'rename'
 * (arg: the new name). The
 * translator writes the sidecar's CREATE TABLE IF NOT EXISTS before it. */
static void fn_schema(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	const char *op = cat_fn_arg(v, argc, 0);
	const char *name = cat_fn_arg(v, argc, 1);
	sqlite3_result_null(ctx);
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m || !op || !name)
		return;
	bool flag = argc > 2 && sqlite3_value_int(v[2]) != 0;
	if (strcmp(op, "create") == 0)
		op_create(ctx, m, name, flag);
	else if (strcmp(op, "drop") == 0)
		op_drop(ctx, m, name, flag, argc > 3 && sqlite3_value_int(v[3]) != 0);
	else if (strcmp(op, "rename") == 0)
		op_rename(ctx, m, name, cat_fn_arg(v, argc, 2));
	else if (strcmp(op, "comment") == 0)
		op_comment(ctx, m, name, cat_fn_arg(v, argc, 2));
	else if (strcmp(op, "exists") == 0 && !cat_nsp_find(m, name))
		pgfn_error(ctx, SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", name);
	else if (strcmp(op, "owner_check") == 0)
		cat_fn_owner_to(ctx, cat_fn_arg(v, argc, 2));
	else if (strcmp(op, "owner") == 0) {
		if (!cat_nsp_find(m, name))
			pgfn_error(ctx, SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist",
				   name);
		else
			cat_fn_owner_to(ctx, cat_fn_arg(v, argc, 2));
	}
}

/* shardlite_relname(oid): the name SQLite stores relation oid under ("s.t" for a local
 * schema's t, whose pg_class.relname is t), for the shard's own lookups through pg_class;
 * NULL when there is none. */
static void fn_relname(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	(void)argc;
	const struct cat_model *m = cat_fn_model(ctx);
	const struct cat_rel *rel = m ? cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(v[0]))
				      : NULL;
	cat_result_text(ctx, rel ? rel->name : NULL);
}

/* shardlite_rel_oid(name): the OID of the relation SQLite stores under name (a local
 * schema's "s.t"; a temporary one first, as SQLite finds it); NULL when none. */
static void fn_rel_oid(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	(void)argc;
	const struct cat_model *m = cat_fn_model(ctx);
	const char *name = (const char *)sqlite3_value_text(v[0]);
	const struct cat_rel *rel = m && name ? cat_model_rel(m, name) : NULL;
	if (rel)
		sqlite3_result_int64(ctx, rel->oid);
	else
		sqlite3_result_null(ctx);
}

bool cat_nsp_register(sqlite3 *db, struct cat_conn *cc)
{
	static const struct pgfn_def defs[] = {{"shardlite_schema", -1, fn_schema},
					       {"shardlite_relname", 1, fn_relname},
					       {"shardlite_rel_oid", 1, fn_rel_oid}};
	return pgfn_define_with(db, defs, ARRAY_LEN(defs), SQLITE_DIRECTONLY, cc) == SQLITE_OK;
}

bool catalog_local_schemas(sqlite3 *db, struct arena *a, const char ***names, size_t *n)
{
	*names = NULL;
	*n = 0;
	if (!cat_sidecar_exists(db, CAT_SIDECAR_SCHEMAS))
		return true;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT name FROM main." CAT_SIDECAR_SCHEMAS " ORDER BY name",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	size_t cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			const char **v = arena_zalloc(a, (cap + 1) * sizeof(*v));
			if (*n)
				memcpy(v, *names, *n * sizeof(*v));
			*names = v;
		}
		(*names)[(*n)++] = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

size_t cat_nsp_path(struct cat_conn *cc, const struct cat_model *m, const char **v, size_t max)
{
	const struct catalog_session *s = cc->sess;
	const char *path = s && s->setting ? s->setting(s->setting_arg, "search_path") : NULL;
	size_t n = 0;
	char item[256];
	for (const char *p = path; p && *p && n < max;) {
		p = cat_path_item(p, item, sizeof(item));
		if (strcmp(item, "$user") == 0)
			snprintf(item, sizeof(item), "%s", cat_conn_user(cc));
		const struct cat_nsp *l = cat_nsp_find(m, item);
		if (l)
			v[n++] = l->name;
		else if (strcmp(item, "public") == 0 || strcmp(item, cat_conn_public(cc)) == 0)
			v[n++] = "public";
	}
	return n;
}

int cat_nsp_visible(struct cat_conn *cc, const struct cat_model *m, const struct cat_rel *rel)
{
	if (!m->nnsps || rel->temp || (cc->sess && cc->sess->schemas))
		return -1;
	const char *v[16];
	size_t n = cat_nsp_path(cc, m, v, 16);
	bool local = false;
	for (size_t i = 0; i < n; i++)
		local |= strcmp(v[i], "public") != 0;
	const char *bare;
	const struct cat_nsp *own = cat_nsp_of(m, rel->name, &bare);
	if (!local)
		return own ? 0 : -1;
	const char *mine = own ? own->name : "public";
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i], mine) == 0)
			return 1;
		/* an earlier schema holding the name hides it */
		bool pub = strcmp(v[i], "public") == 0;
		const char *name = pub ? bare : NULL;
		struct arena *a = pub ? NULL : arena_new(0);
		if (!pub)
			name = arena_printf(a, "%s.%s", v[i], bare);
		const struct cat_rel *r = cat_model_rel_in(m, name, false);
		bool hides = r && (!pub || !cat_nsp_of(m, r->name, NULL));
		arena_free(a);
		if (hides)
			return 0;
	}
	return 0;
}

static const char *session_path(const struct cat_conn *cc)
{
	const struct catalog_session *s = cc->sess;
	if (!s || s->schemas) /* without a default tenant, prefixes name tenants */
		return NULL;
	return s->setting ? s->setting(s->setting_arg, "search_path") : NULL;
}

bool cat_nsp_temp_late_path(struct cat_conn *cc)
{
	const char *path = session_path(cc);
	char item[256];
	for (bool first = true; path && *path; first = false) {
		path = cat_path_item(path, item, sizeof(item));
		if (strcmp(item, "pg_temp") == 0)
			return !first;
	}
	return false;
}

const struct cat_rel *cat_nsp_temp_late(struct cat_conn *cc, const struct cat_model *m,
					const char *name)
{
	const char *path = session_path(cc);
	const struct cat_rel *found = NULL;
	char item[256];
	while (path && *path) {
		path = cat_path_item(path, item, sizeof(item));
		if (strcmp(item, "pg_temp") == 0)
			return found;
		if (found)
			continue;
		if (strcmp(item, "$user") == 0)
			snprintf(item, sizeof(item), "%s", cat_conn_user(cc));
		if (cat_nsp_find(m, item)) {
			struct arena *a = arena_new(0);
			found = cat_model_rel_in(m, arena_printf(a, "%s.%s", item, name), false);
			arena_free(a);
		} else if (strcmp(item, "public") == 0 || strcmp(item, cat_conn_public(cc)) == 0) {
			found = cat_model_rel_in(m, name, false);
		}
	}
	return NULL; /* pg_temp not named: searched first */
}

const struct cat_rel *cat_nsp_lookup(struct cat_conn *cc, const struct cat_model *m,
				     const char *name)
{
	const struct cat_rel *rel = cat_model_rel(m, name);
	if (rel && rel->temp && !strchr(name, '.') && cat_nsp_temp_late_path(cc)) {
		const struct cat_rel *late = cat_nsp_temp_late(cc, m, name);
		if (late)
			return late;
	}
	if (!m->nnsps || strchr(name, '.') || (cc->sess && cc->sess->schemas))
		return rel;
	const char *v[16];
	size_t n = cat_nsp_path(cc, m, v, 16);
	for (size_t i = 0; i < n; i++) { /* the first element holding the name */
		if (strcmp(v[i], "public") == 0) {
			if (rel)
				return rel;
			continue;
		}
		struct arena *a = arena_new(0);
		const struct cat_rel *r = cat_model_rel(m, arena_printf(a, "%s.%s", v[i], name));
		arena_free(a);
		if (r)
			return r;
	}
	return rel;
}
