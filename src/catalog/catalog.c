/* SPDX-License-Identifier: Apache-2.0 */
/* catalog.c: registration on a SQLite connection, the per-connection state (schema model
 * cache, lent session facts) and the one virtual-table module every pg_catalog relation
 * uses: a read-only full scan over rows computed from the model when a statement starts. */
#include "catalog_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- rows ---- */

void cat_row(struct cat_rows *r)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		struct cat_val *v = arena_zalloc(r->a, cap * (size_t)r->ncols * sizeof(*v));
		if (r->n)
			memcpy(v, r->v, r->n * (size_t)r->ncols * sizeof(*v));
		r->v = v;
		r->cap = cap;
	}
	r->n++;
	r->col = 0;
}

void cat_rows_append(struct cat_rows *r, const struct cat_rows *from)
{
	ASSERT(from->ncols == r->ncols);
	if (!from->n)
		return;
	size_t ncols = (size_t)r->ncols;
	if (r->n + from->n > r->cap) {
		size_t cap = r->n + from->n;
		struct cat_val *v = arena_alloc(r->a, cap * ncols * sizeof(*v));
		if (r->n)
			memcpy(v, r->v, r->n * ncols * sizeof(*v));
		r->v = v;
		r->cap = cap;
	}
	memcpy(&r->v[r->n * ncols], from->v, from->n * ncols * sizeof(*r->v));
	r->n += from->n;
	r->col = 0;
}

static struct cat_val *slot(struct cat_rows *r)
{
	ASSERT(r->n > 0 && r->col < (size_t)r->ncols);
	if (r->col >= (size_t)r->ncols)
		r->col = (size_t)r->ncols - 1; /* a fill bug: never write past the row */
	return &r->v[(r->n - 1) * (size_t)r->ncols + r->col++];
}

void cat_int(struct cat_rows *r, int64_t v)
{
	*slot(r) = (struct cat_val){SQLITE_INTEGER, v, NULL};
}
void cat_bool(struct cat_rows *r, bool v) { cat_int(r, v ? 1 : 0); }
void cat_null(struct cat_rows *r) { *slot(r) = (struct cat_val){SQLITE_NULL, 0, NULL}; }

void cat_text(struct cat_rows *r, const char *s)
{
	if (!s) {
		cat_null(r);
		return;
	}
	*slot(r) = (struct cat_val){SQLITE_TEXT, 0, arena_strdup(r->a, s)};
}

void cat_blob(struct cat_rows *r, const void *data, int n)
{
	char *copy = arena_alloc(r->a, (size_t)n + 1);
	memcpy(copy, data, (size_t)n);
	*slot(r) = (struct cat_val){SQLITE_BLOB, n, copy};
}

void cat_char(struct cat_rows *r, char c)
{
	char s[2] = {c, '\0'};
	cat_text(r, s);
}

/* ---- per-connection state ---- */

const struct cat_model *cat_fn_model(sqlite3_context *ctx)
{
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(sqlite3_user_data(ctx), &msg);
	if (!m) {
		sqlite3_result_error(ctx, msg ? msg : "catalog unavailable", -1);
		sqlite3_free(msg);
	}
	return m;
}

void cat_result_text(sqlite3_context *ctx, const char *s)
{
	if (s)
		sqlite3_result_text(ctx, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

/* The one integer sql answers; -1 when it fails, PRAGMA_INTERRUPTED when the statement it
 * runs in was interrupted. */
#define PRAGMA_INTERRUPTED (-2)
static int64_t pragma_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_INTERRUPT ? PRAGMA_INTERRUPTED : v;
}

/* pragma_int through the connection's statement of that slot while a catalog cursor is open:
 * every fill checks the model's freshness (up to nine small statements), and a correlated
 * subquery fills once per outer row, so preparing them each time cost more than the rest.
 * The statements are finalized with the last cursor (shared_free), so none outlives the
 * statement run and a closing connection never waits for them. */
static int64_t conn_int(struct cat_conn *cc, int slot, const char *sql)
{
	if (cc->open_cursors <= 0 || slot < 0 || slot >= CAT_CONN_STMTS)
		return pragma_int(cc->db, sql);
	sqlite3_stmt **st = &cc->stmts[slot];
	int rc = *st ? SQLITE_OK
		     : sqlite3_prepare_v3(cc->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
	int64_t v = -1;
	if (rc == SQLITE_OK && (rc = sqlite3_step(*st)) == SQLITE_ROW)
		v = sqlite3_column_int64(*st, 0);
	if (*st && sqlite3_reset(*st) != SQLITE_OK) {
		sqlite3_finalize(*st); /* prepared again next time */
		*st = NULL;
	}
	return rc == SQLITE_INTERRUPT ? PRAGMA_INTERRUPTED : v;
}

/* The sidecar's rows (sequences, comments) change without a schema change: a model that has
 * them is also reloaded when their count or highest rowid moved. Every definition change
 * (INSERT OR REPLACE, DELETE) moves one of them, a rollback moves them back, and nextval's
 * UPDATEs of a sequence's state move neither, so inserts never cause a reload. */
static int64_t side_key(struct cat_conn *cc, bool *unread)
{
	static const char *const sql[] = {
		"SELECT count(*) * 4294967296 + ifnull(max(rowid), 0) FROM main." CAT_SIDECAR_SEQUENCES,
		"SELECT count(*) * 4294967296 + ifnull(max(rowid), 0) FROM main." CAT_SIDECAR_COMMENTS,
		"SELECT count(*) * 4294967296 + ifnull(max(rowid), 0) FROM temp." CAT_SIDECAR_SEQUENCES,
		"SELECT count(*) * 4294967296 + ifnull(max(rowid), 0) FROM temp." CAT_SIDECAR_COMMENTS,
		"SELECT count(*) * 4294967296 + ifnull(max(rowid), 0) FROM main." CAT_SIDECAR_SERIALS,
		"SELECT count(*) * 4294967296 + ifnull(max(rowid), 0) FROM temp." CAT_SIDECAR_SERIALS};
	const struct cat_model *m = &cc->model;
	bool has[] = {m->has_seq_table,		 m->has_comment_table,
		      m->has_temp_seq_table,	 m->has_temp_comment_table,
		      m->has_serials_table,	 m->has_temp_serials_table};
	uint64_t k = 0; /* unsigned: the mix wraps around, as a hash may */
	for (size_t i = 0; i < ARRAY_LEN(sql); i++) {
		int64_t v = has[i] ? conn_int(cc, 3 + (int)i, sql[i]) : 0;
		if (v == PRAGMA_INTERRUPTED)
			*unread = true;
		k = k * 1000003u + (uint64_t)v;
	}
	return (int64_t)k;
}

/* side_key, read once per statement run: pg_table_is_visible and the other catalog
 * functions check the model's freshness for every row, and the sidecar's six counts were
 * most of psql's \d. While a catalog cursor is open its statement holds the connection's
 * read transaction, in which other connections' commits stay unseen, so the sidecar moves
 * only by this connection's own writes, and those move sqlite3_total_changes64. Forgotten
 * with the last cursor (shared_free) and at a model reload. */
static int64_t side_key_run(struct cat_conn *cc, bool *unread)
{
	int64_t changes = sqlite3_total_changes64(cc->db);
	if (cc->open_cursors > 0 && cc->side_run_valid && cc->side_run_changes == changes)
		return cc->side_run_key;
	bool failed = false;
	int64_t key = side_key(cc, &failed);
	cc->side_run_valid = cc->open_cursors > 0 && !failed;
	cc->side_run_changes = changes;
	cc->side_run_key = key;
	*unread = *unread || failed;
	return key;
}

/* A read of the version or the sidecar's key was interrupted (a cancel, or the session's
 * inline step budget: the statement then runs again on a worker). The model is kept for that
 * run: taking the failed read for a change made every such statement load the schema again,
 * most of a catalog query's time on a tenant of 100 tables. */
static const struct cat_model *unread(char **msg)
{
	*msg = sqlite3_mprintf("catalog: interrupted");
	return NULL;
}

const struct cat_model *cat_conn_model(struct cat_conn *cc, char **msg)
{
	int version = (int)conn_int(cc, 0, "PRAGMA main.schema_version");
	/* temporary tables change the temp schema's version only (reading it opens no file) */
	int temp = (int)conn_int(cc, 1, "PRAGMA temp.schema_version");
	bool failed = version == PRAGMA_INTERRUPTED || temp == PRAGMA_INTERRUPTED;
	int64_t key = cc->have_model && !failed && cc->model.has_sidecar ? side_key_run(cc, &failed)
									: 0;
	if (failed)
		return unread(msg);
	if (cc->have_model && version == cc->schema_version && temp == cc->temp_version &&
	    (!cc->model.has_sidecar || key == cc->side_key))
		return &cc->model;
	if (cc->have_model)
		cat_model_free(&cc->model);
	cc->have_model = false;
	cc->side_run_valid = false; /* read with the new model's sidecar tables */
	cat_view_memo_clear(cc->view_memo); /* its relations were the model's */
	struct pgerr err;
	pgerr_clear(&err);
	if (!cat_model_load(cc->db, &cc->model, &err)) {
		cat_model_free(&cc->model);
		*msg = sqlite3_mprintf("%s", err.message);
		return NULL;
	}
	cc->have_model = true;
	cc->schema_version = version;
	cc->temp_version = temp;
	bool unread_key = false;
	cc->side_key = cc->model.has_sidecar ? side_key_run(cc, &unread_key) : 0;
	if (unread_key) { /* read again at the next statement */
		cat_model_free(&cc->model);
		cc->have_model = false;
		return unread(msg);
	}
	return &cc->model;
}

void catalog_rolled_back(struct cat_conn *cc)
{
	cc->schema_version = -1;
	cc->partfor_stale = true;
}

void catalog_closing(struct cat_conn *cc)
{
	if (cc)
		cat_partfor_cache_free(cc);
}

const char *cat_conn_user(const struct cat_conn *cc)
{
	return cc->sess && cc->sess->user ? cc->sess->user : "shardlite";
}

const char *cat_conn_database(const struct cat_conn *cc)
{
	return cc->sess && cc->sess->database ? cc->sess->database : "shardlite";
}

const char *cat_conn_public(const struct cat_conn *cc)
{
	return cc->sess && cc->sess->own_schema ? cc->sess->own_schema : "public";
}

bool cat_conn_schemas(struct cat_conn *cc, struct cat_rows *r, const char ***names, long *n)
{
	*n = 0;
	if (!cc->sess || !cc->sess->schemas)
		return false;
	struct pgerr err;
	pgerr_clear(&err);
	*n = cc->sess->schemas(cc->sess->setting_arg, r->a, names, &err);
	if (*n < 0)
		r->err = sqlite3_mprintf("pgfn:%.5s:%s", err.sqlstate, err.message);
	return true;
}

/* catalog_session.schemas lists names sorted by strcmp. */
static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char *cat_conn_unqualify(const struct cat_conn *cc, const char *s)
{
	const char *own = cat_conn_public(cc);
	size_t n = strlen(own);
	if (strncasecmp(s, own, n) == 0 && s[n] == '.')
		return s + n + 1;
	/* "public"."t_id_seq", as Sequel quotes both parts (quoted: the exact name) */
	return s[0] == '"' && strncmp(s + 1, own, n) == 0 && s[n + 1] == '"' && s[n + 2] == '.'
		       ? s + n + 3
		       : s;
}

uint32_t cat_conn_own_nsp(const struct cat_conn *cc)
{
	return cc->sess && cc->sess->schemas && cc->sess->own_schema
		       ? catalog_schema_oid(cc->sess->own_schema)
		       : CAT_NS_PUBLIC;
}

uint32_t cat_conn_schema_oid(struct cat_conn *cc, const char *name)
{
	static const struct {
		const char *name;
		uint32_t oid;
	} fixed[] = {{"pg_catalog", CAT_NS_PG_CATALOG},
		     {"information_schema", CAT_NS_INFORMATION_SCHEMA},
		     {"pg_toast", 99},
		     {CAT_NS_TEMP_NAME, CAT_NS_TEMP},
		     {"pg_temp", CAT_NS_TEMP}};
	for (size_t i = 0; i < ARRAY_LEN(fixed); i++)
		if (strcmp(name, fixed[i].name) == 0)
			return fixed[i].oid;
	bool hub = cc->sess && cc->sess->schemas;
	if (strcmp(name, cat_conn_public(cc)) == 0 && (!hub || cc->sess->own_schema))
		return cat_conn_own_nsp(cc);
	char *msg = NULL;
	const struct cat_model *m = hub ? NULL : cat_conn_model(cc, &msg);
	sqlite3_free(msg);
	if (m && cat_nsp_find(m, name)) /* the tenant's own schema (CREATE SCHEMA) */
		return catalog_schema_oid(name);
	struct cat_rows scratch = {.a = arena_new(0)};
	const char **names = NULL;
	long n = 0;
	(void)cat_conn_schemas(cc, &scratch, &names, &n);
	uint32_t oid = n > 0 && bsearch(&name, names, (size_t)n, sizeof(*names), by_name)
			       ? catalog_schema_oid(name)
			       : 0;
	sqlite3_free(scratch.err);
	arena_free(scratch.a);
	return oid;
}

const char *catalog_schema_tenant(const char *const *names, long n, uint32_t oid)
{
	for (long i = 0; i < n; i++)
		if (catalog_schema_oid(names[i]) == oid)
			return names[i];
	return NULL;
}

const char *cat_conn_schema_name(struct cat_conn *cc, uint32_t oid, struct arena *a)
{
	switch (oid) {
	case CAT_NS_PG_CATALOG:
		return "pg_catalog";
	case CAT_NS_INFORMATION_SCHEMA:
		return "information_schema";
	case CAT_NS_PUBLIC:
		return cat_conn_public(cc);
	case CAT_NS_TEMP:
		return CAT_NS_TEMP_NAME;
	default:
		break;
	}
	char *msg = NULL;
	const struct cat_model *m = cc->sess && cc->sess->schemas ? NULL : cat_conn_model(cc, &msg);
	sqlite3_free(msg);
	for (size_t i = 0; m && i < m->nnsps; i++)
		if (m->nsps[i].oid == oid) /* the tenant's own schema (CREATE SCHEMA) */
			return arena_strdup(a, m->nsps[i].name);
	struct cat_rows scratch = {.a = a};
	const char **names = NULL;
	long n = 0;
	bool hub = oid >= CATALOG_OID_MIN && cat_conn_schemas(cc, &scratch, &names, &n);
	sqlite3_free(scratch.err);
	return hub ? catalog_schema_tenant(names, n, oid) : NULL;
}

/* The tenant among the listed ones whose schema v names (its OID or name), or NULL. */
static const char *listed_tenant(const char **names, long n, sqlite3_value *v)
{
	const char *text = (const char *)sqlite3_value_text(v);
	if (!text || n <= 0)
		return NULL;
	if (sqlite3_value_type(v) != SQLITE_INTEGER) {
		const char **hit = bsearch(&text, names, (size_t)n, sizeof(*names), by_name);
		return hit ? *hit : NULL;
	}
	return catalog_schema_tenant(names, n, (uint32_t)sqlite3_value_int64(v));
}

bool cat_conn_schema_check(struct cat_conn *cc, sqlite3_value *v, char **errmsg)
{
	const char *own = cc->sess ? cc->sess->own_schema : NULL;
	const char *text = (const char *)sqlite3_value_text(v);
	if (!cc->sess || !cc->sess->schemas || !text || (own && strcmp(text, own) == 0))
		return true;
	if (sqlite3_value_type(v) == SQLITE_INTEGER && sqlite3_value_int64(v) < CATALOG_OID_MIN)
		return true; /* the catalog's own schemas, and 2200 */
	struct cat_rows scratch = {.a = arena_new(0)};
	const char **names = NULL;
	long n = 0;
	(void)cat_conn_schemas(cc, &scratch, &names, &n);
	const char *t = n > 0 ? listed_tenant(names, n, v) : NULL;
	if (t && (!own || strcmp(t, own) != 0))
		*errmsg = sqlite3_mprintf("pgfn:0A000:cannot describe schema \"%s\" here: the "
					  "catalog describes only the tenant search_path names "
					  "(SET search_path TO %s)",
					  t, t);
	else
		*errmsg = scratch.err; /* the listing failed (54000), or NULL */
	if (*errmsg && scratch.err && *errmsg != scratch.err)
		sqlite3_free(scratch.err);
	arena_free(scratch.a);
	return *errmsg == NULL;
}

/* ---- the virtual-table module ---- */

struct cat_vtab {
	sqlite3_vtab base;
	struct cat_conn *cc;
	const struct cat_reldef *def;
	int ncols;
	bool *is_bool;     /* per column: declared bool (catalog_filter.c) */
	int schema_col;    /* the column naming a relation's schema, -1 (catalog_filter.c) */
	int oid_col;       /* the `oid` column, -1 */
	uint32_t tableoid; /* the hidden column after the ncols declared ones (0: none) */
};

/* One scan of a relation in one statement. The rows are filled at the first xFilter and kept
 * for the cursor's life (one run of the statement, in which neither the schema nor the
 * session changes): a join scans the inner relation again for every outer row, and filling
 * pg_proc's 2,000 rows each time made a join of pg_type with pg_proc take seconds. */
struct cat_cursor {
	sqlite3_vtab_cursor base;
	struct cat_rows rows;
	bool filled;
	bool borrowed; /* rows belong to the connection's shared set (below) */
	size_t *keep; /* the rows this scan returns (catalog_filter.c), room for rows.n */
	size_t nkeep;
	size_t row; /* into keep */
};

/* pClientData of each module: which relation, on which connection. */
struct cat_module_arg {
	struct cat_conn *cc;
	const struct cat_reldef *def;
};

static int vt_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out,
		      char **errmsg)
{
	const struct cat_module_arg *arg = aux;
	/* a catalog table has PostgreSQL's system column tableoid (pgAdmin joins pg_depend on
	 * it); hidden, so SELECT * leaves it out as PostgreSQL does */
	uint32_t tableoid = cat_reg_catalog_oid(arg->def->name);
	char *sql = tableoid ? sqlite3_mprintf("CREATE TABLE x(%s, tableoid oid HIDDEN)",
					       arg->def->columns)
			     : sqlite3_mprintf("CREATE TABLE x(%s)", arg->def->columns);
	int rc = sqlite3_declare_vtab(db, sql);
	sqlite3_free(sql);
	/* read-only and without side effects: usable from views even with trusted_schema off */
	sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
	if (rc != SQLITE_OK) {
		*errmsg = sqlite3_mprintf("catalog: bad declaration of %s", arg->def->name);
		return rc;
	}
	struct cat_vtab *vt = sqlite3_malloc(sizeof(*vt));
	if (!vt)
		return SQLITE_NOMEM;
	memset(vt, 0, sizeof(*vt));
	vt->cc = arg->cc;
	vt->def = arg->def;
	vt->tableoid = tableoid;
	vt->is_bool = cat_filter_bool_columns(arg->def->columns, &vt->ncols);
	vt->schema_col = cat_filter_schema_column(arg->def->columns);
	vt->oid_col = cat_filter_oid_column(arg->def->columns);
	*out = &vt->base;
	return SQLITE_OK;
}

static int vt_disconnect(sqlite3_vtab *vt)
{
	free(((struct cat_vtab *)vt)->is_bool);
	sqlite3_free(vt);
	return SQLITE_OK;
}

static int vt_best_index(sqlite3_vtab *v, sqlite3_index_info *info)
{
	struct cat_vtab *vt = (struct cat_vtab *)v;
	bool by_oid = cat_filter_plan(vt->is_bool, vt->ncols, vt->schema_col, vt->oid_col, info);
	info->estimatedCost = by_oid ? 20 : 1000;
	info->estimatedRows = by_oid ? 1 : 100;
	if (by_oid)
		info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
	return SQLITE_OK;
}

/* ---- rows shared by the cursors of one statement run ----
 *
 * A correlated subquery (pgAdmin's NOT EXISTS (SELECT 1 FROM pg_class WHERE relname =
 * typname) for each of pg_type's rows) opens a new cursor for every outer row, and each
 * filled pg_class again: on a tenant of 100 tables that query took 10 s. While any catalog
 * cursor of the connection is open, the rows one cursor filled for a relation whose rows
 * follow from the schema and the sidecars alone are lent to the next cursor of that relation,
 * as long as nothing they are made of moved: the model's versions and sidecar key, the
 * file's data_version (another connection's commit), this connection's total changes, and
 * the session lent to it. All are freed when the last cursor closes. */
struct cat_shared {
	const struct cat_reldef *def;
	int64_t key[5];
	const struct catalog_session *sess;
	struct cat_rows rows;
};

#define SHARED_MAX 32

/* Relations that are functions of the schema model and the sidecars (not of live session
 * state such as pg_stat_activity, pg_locks or pg_settings, nor pg_namespace, whose schemas
 * of a session without a default tenant come from the tenant listing). */
static bool shareable(const struct cat_reldef *def)
{
	static const char *const names[] = {"pg_class",	  "pg_type",	"pg_attribute",
					    "pg_proc",	  "pg_constraint", "pg_index",
					    "pg_attrdef", "pg_description", "pg_depend",
					    "pg_aggregate"};
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (strcmp(def->name, names[i]) == 0)
			return true;
	return false;
}

static void shared_key(struct cat_conn *cc, int64_t key[5])
{
	key[0] = cc->schema_version;
	key[1] = cc->temp_version;
	key[2] = cc->side_key;
	key[3] = conn_int(cc, 2, "PRAGMA main.data_version");
	key[4] = (int64_t)sqlite3_total_changes64(cc->db);
}

static const struct cat_shared *shared_find(struct cat_conn *cc, const struct cat_reldef *def,
					     const int64_t key[5])
{
	for (size_t i = cc->nshared; i-- > 0;) {
		const struct cat_shared *sh = &cc->shared[i];
		if (sh->def == def && sh->sess == cc->sess && memcmp(sh->key, key, sizeof(sh->key)) == 0)
			return sh;
	}
	return NULL;
}

static void shared_free(struct cat_conn *cc)
{
	cc->side_run_valid = false;
	for (int i = 0; i < CAT_CONN_STMTS; i++) {
		sqlite3_finalize(cc->stmts[i]);
		cc->stmts[i] = NULL;
	}
	for (size_t i = 0; i < cc->nshared; i++)
		arena_free(cc->shared[i].rows.a);
	free(cc->shared);
	cc->shared = NULL;
	cc->nshared = 0;
}

static int vt_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out)
{
	struct cat_cursor *cur = sqlite3_malloc(sizeof(*cur));
	if (!cur)
		return SQLITE_NOMEM;
	memset(cur, 0, sizeof(*cur));
	((struct cat_vtab *)vt)->cc->open_cursors++;
	*out = &cur->base;
	return SQLITE_OK;
}

static int vt_close(sqlite3_vtab_cursor *c)
{
	struct cat_cursor *cur = (struct cat_cursor *)c;
	struct cat_conn *cc = ((struct cat_vtab *)c->pVtab)->cc;
	if (!cur->borrowed)
		arena_free(cur->rows.a);
	free(cur->keep);
	sqlite3_free(cur);
	if (--cc->open_cursors == 0)
		shared_free(cc);
	return SQLITE_OK;
}

/* Fills the cursor's rows once. */
static int fill(struct cat_cursor *cur, struct cat_vtab *vt)
{
	if (cur->filled)
		return SQLITE_OK;
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(vt->cc, &msg);
	if (!m) {
		sqlite3_free(vt->base.zErrMsg);
		vt->base.zErrMsg = msg;
		return SQLITE_ERROR;
	}
	if (!cur->borrowed)
		arena_free(cur->rows.a);
	memset(&cur->rows, 0, sizeof(cur->rows));
	cur->borrowed = false;
	int64_t key[5];
	bool share = shareable(vt->def);
	if (share)
		shared_key(vt->cc, key);
	const struct cat_shared *sh = share ? shared_find(vt->cc, vt->def, key) : NULL;
	if (sh) {
		cur->rows = sh->rows;
		cur->borrowed = true;
	} else {
		cur->rows.a = arena_new(0);
		cur->rows.ncols = vt->ncols;
		if (!vt->def->fill(vt->cc, m, &cur->rows)) {
			sqlite3_free(vt->base.zErrMsg);
			vt->base.zErrMsg = cur->rows.err;
			cur->rows.err = NULL;
			cur->rows.n = 0;
			return SQLITE_ERROR;
		}
		cur->rows.order =
			arena_zalloc(cur->rows.a, (size_t)vt->ncols * sizeof(*cur->rows.order));
		if (share && vt->cc->nshared < SHARED_MAX) {
			struct cat_conn *cc = vt->cc;
			cc->shared = base_xrealloc(cc->shared, (cc->nshared + 1) * sizeof(*cc->shared));
			struct cat_shared *n = &cc->shared[cc->nshared++];
			n->def = vt->def;
			memcpy(n->key, key, sizeof(n->key));
			n->sess = cc->sess;
			n->rows = cur->rows;
			cur->borrowed = true;
		}
	}
	cur->keep = base_xrealloc(cur->keep, (cur->rows.n ? cur->rows.n : 1) * sizeof(*cur->keep));
	cur->filled = true;
	return SQLITE_OK;
}

static int vt_filter(sqlite3_vtab_cursor *c, int idxnum, const char *idxstr, int argc,
		     sqlite3_value **argv)
{
	(void)idxnum;
	struct cat_cursor *cur = (struct cat_cursor *)c;
	struct cat_vtab *vt = (struct cat_vtab *)c->pVtab;
	cur->row = cur->nkeep = 0;
	int rc = fill(cur, vt);
	if (rc != SQLITE_OK)
		return rc;
	char *msg = NULL;
	if (!cat_filter_apply(vt->cc, &cur->rows, idxstr, argc, argv, cur->keep, &cur->nkeep,
			      &msg)) {
		cur->nkeep = 0;
		sqlite3_free(vt->base.zErrMsg);
		vt->base.zErrMsg = msg;
		return SQLITE_ERROR;
	}
	return SQLITE_OK;
}

static int vt_next(sqlite3_vtab_cursor *c)
{
	((struct cat_cursor *)c)->row++;
	return SQLITE_OK;
}

static int vt_eof(sqlite3_vtab_cursor *c)
{
	struct cat_cursor *cur = (struct cat_cursor *)c;
	return cur->row >= cur->nkeep;
}

static int vt_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int i)
{
	struct cat_cursor *cur = (struct cat_cursor *)c;
	if (i >= cur->rows.ncols) {
		sqlite3_result_int64(ctx, ((struct cat_vtab *)c->pVtab)->tableoid);
		return SQLITE_OK;
	}
	const struct cat_val *v = &cur->rows.v[cur->keep[cur->row] * (size_t)cur->rows.ncols +
					       (size_t)i];
	switch (v->type) {
	case SQLITE_INTEGER:
		sqlite3_result_int64(ctx, v->i);
		break;
	case SQLITE_TEXT:
		sqlite3_result_text(ctx, v->s, -1, SQLITE_TRANSIENT);
		break;
	case SQLITE_BLOB:
		sqlite3_result_blob(ctx, v->s, (int)v->i, SQLITE_TRANSIENT);
		break;
	default:
		sqlite3_result_null(ctx);
		break;
	}
	return SQLITE_OK;
}

static int vt_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *rowid)
{
	const struct cat_cursor *cur = (const struct cat_cursor *)c;
	*rowid = (sqlite3_int64)cur->keep[cur->row] + 1;
	return SQLITE_OK;
}

static const sqlite3_module module = {
	.iVersion = 0,
	.xConnect = vt_connect,
	.xBestIndex = vt_best_index,
	.xDisconnect = vt_disconnect,
	.xOpen = vt_open,
	.xClose = vt_close,
	.xFilter = vt_filter,
	.xNext = vt_next,
	.xEof = vt_eof,
	.xColumn = vt_column,
	.xRowid = vt_rowid,
};

/* ---- RowDescription's table OID and column number ---- */

#define ORIGINS_PTR_TYPE "shardlite_catalog_origins"

struct origins {
	sqlite3_stmt *vm;
	uint32_t *oids;
	int16_t *attnums;
	int serial_col;       /* >= 0: only the serial key type of this column is wanted */
	uint32_t serial_type; /* its PostgreSQL type, 0: not a serial key */
};

static int16_t column_attnum(const struct cat_rel *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++) {
		if (strcasecmp(t->cols[i].name, name) == 0)
			return (int16_t)(i + 1);
	}
	return 0;
}

static void fill_origins(const struct cat_model *m, struct origins *o)
{
	int n = sqlite3_column_count(o->vm);
	for (int i = 0; m && i < n; i++) {
		const char *db = sqlite3_column_database_name(o->vm, i);
		const char *table = sqlite3_column_table_name(o->vm, i);
		const char *col = sqlite3_column_origin_name(o->vm, i);
		bool temp = db && strcmp(db, "temp") == 0; /* a temporary table's */
		const struct cat_rel *t = table && col && db && (temp || strcmp(db, "main") == 0)
						  ? cat_model_rel_in(m, table, temp)
						  : NULL;
		if (t && t->kind == 'r' && o->serial_col == i) {
			int16_t k = column_attnum(t, col);
			o->serial_type = k && (t->cols[k - 1].rowid_seq || t->cols[k - 1].rowid_key)
						 ? t->cols[k - 1].typoid
						 : 0;
		} else if (t && t->kind == 'r' && o->serial_col < 0) {
			o->oids[i] = t->oid;
			o->attnums[i] = column_attnum(t, col);
		}
	}
}

static void fn_origins(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct origins *o = sqlite3_value_pointer(argv[0], ORIGINS_PTR_TYPE);
	char *msg = NULL;
	const struct cat_model *m = o ? cat_conn_model(sqlite3_user_data(ctx), &msg) : NULL;
	sqlite3_free(msg);
	if (m)
		fill_origins(m, o);
	sqlite3_result_null(ctx);
}

/* For callers that have only the statement: the function's user data is the connection's
 * catalog state. */
static void run_origins(sqlite3 *db, struct origins *o)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT shardlite_catalog_origins(?1)", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, o, ORIGINS_PTR_TYPE, NULL);
		(void)sqlite3_step(st);
	}
	sqlite3_finalize(st);
}

void catalog_column_origins(struct cat_conn *cc, sqlite3_stmt *vm, uint32_t *table_oids,
			    int16_t *attnums)
{
	int n = sqlite3_column_count(vm);
	bool any = false;
	for (int i = 0; i < n; i++) {
		table_oids[i] = 0;
		attnums[i] = 0;
		any |= sqlite3_column_table_name(vm, i) != NULL;
	}
	if (!any)
		return;
	struct origins o = {vm, table_oids, attnums, -1, 0};
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(cc, &msg);
	sqlite3_free(msg);
	if (m)
		fill_origins(m, &o);
}

bool catalog_rel_column(struct cat_conn *cc, const char *rel, const char *col, uint32_t *oid,
			int16_t *attnum)
{
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(cc, &msg);
	sqlite3_free(msg);
	/* as SQLite finds an unqualified name: a temporary relation first */
	const struct cat_rel *t = m ? cat_model_rel_in(m, rel, true) : NULL;
	t = t || !m ? t : cat_model_rel_in(m, rel, false);
	if (!col) { /* the whole row: attribute 0 */
		*oid = t && (t->kind == 'r' || t->kind == 'v') ? t->oid : 0;
		*attnum = 0;
		return *oid != 0;
	}
	int16_t k = t && (t->kind == 'r' || t->kind == 'v') ? column_attnum(t, col) : 0;
	*oid = k ? t->oid : 0;
	*attnum = k;
	return k != 0;
}

uint32_t catalog_serial_type(sqlite3_stmt *vm, int i)
{
	const char *decl = sqlite3_column_decltype(vm, i);
	if (!decl || strcasecmp(decl, "INTEGER") != 0 || !sqlite3_column_table_name(vm, i))
		return 0;
	struct origins o = {vm, NULL, NULL, i, 0};
	run_origins(sqlite3_db_handle(vm), &o);
	return o.serial_type;
}

/* ---- registration ---- */


static void conn_free(void *p)
{
	struct cat_conn *cc = p;
	shared_free(cc);
	if (cc->have_model)
		cat_model_free(&cc->model);
	free(cc->view_saved);
	free(cc->views_marked);
	free(cc->cascaded);
	cat_view_memo_free(cc->view_memo);
	cat_partfor_cache_free(cc);
	free(cc);
}

/* Registers one module per relation; the argument array is freed with the first module. */
static int register_defs(sqlite3 *db, struct cat_conn *cc, const struct cat_reldef *defs, size_t n)
{
	struct cat_module_arg *args = base_xcalloc(n, sizeof(*args));
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		args[i] = (struct cat_module_arg){cc, &defs[i]};
		rc = sqlite3_create_module_v2(db, defs[i].name, &module, &args[i],
					      i == 0 ? free : NULL);
	}
	return rc;
}

/* Every set of relations: pg_catalog's tables, its views, information_schema. */
static const struct cat_reldef *(*const def_sets[])(size_t *n) = {
	cat_reldefs,
	cat_views_defs,
	cat_infoschema_defs,
	cat_infopriv_defs,
	cat_absent_defs,
	cat_lo_defs,
	cat_seq_defs,
	cat_stat_defs,
	cat_trigger_defs,
	cat_builtin_defs,
	cat_roles_defs,
	cat_inforole_defs,
	cat_infouse_defs,
	cat_infogrant_defs,
};

struct cat_conn *catalog_register(sqlite3 *db, struct pgerr *err)
{
	struct cat_conn *cc = base_xcalloc(1, sizeof(*cc));
	cc->view_memo = cat_view_memo_new();
	cc->db = db;
	/* The connection state lives as long as db: freed by this function's destructor (also
	 * when registering it fails). */
	int rc = sqlite3_create_function_v2(db, "shardlite_catalog_origins", 1,
					    SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_origins, NULL,
					    NULL, conn_free);
	if (rc == SQLITE_OK)
		rc = cat_types_register(db, cc);
	for (size_t k = 0; rc == SQLITE_OK && k < ARRAY_LEN(def_sets); k++) {
		size_t n = 0;
		const struct cat_reldef *defs = def_sets[k](&n);
		rc = register_defs(db, cc, defs, n);
	}
	if (rc == SQLITE_OK &&
	    (!cat_fn_register(db, cc) || !cat_srf_register(db, cc) || !cat_dump_register(db, cc) ||
	     !cat_priv_register(db, cc) || !cat_seqfn_register(db, cc) ||
	     !cat_ddl_register(db, cc) || !cat_partinh_register(db, cc) ||
	     !cat_index_register(db, cc) || !cat_seqname_register(db, cc) ||
	     !cat_serialkey_register(db, cc) || !cat_enumddl_register(db, cc) ||
	     !cat_ext_register(db, cc) || !cat_policy_register(db, cc) ||
	     !cat_nsp_register(db, cc) || !cat_exclude_register(db, cc) ||
	     !cat_comptype_register(db, cc) || !cat_domain_register(db, cc) ||
	     !cat_grant_register(db, cc) || !cat_lo_register(db, cc) ||
	     !cat_trigger_register(db, cc) || !cat_trigpart_register(db, cc)))
		rc = SQLITE_ERROR;
	if (rc != SQLITE_OK) {
		pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "catalog registration failed: %s",
			  sqlite3_errmsg(db));
		return NULL;
	}
	return cc;
}

void catalog_lend(struct cat_conn *cc, const struct catalog_session *s) { cc->sess = s; }

const struct cat_reldef *cat_reldef_find(const char *name)
{
	for (size_t k = 0; k < ARRAY_LEN(def_sets); k++) {
		size_t n = 0;
		const struct cat_reldef *defs = def_sets[k](&n);
		for (size_t i = 0; i < n; i++) {
			if (strcmp(defs[i].name, name) == 0)
				return &defs[i];
		}
	}
	return NULL;
}

const struct cat_reldef *cat_reldef_at(size_t i)
{
	for (size_t k = 0; k < ARRAY_LEN(def_sets); k++) {
		size_t n = 0;
		const struct cat_reldef *defs = def_sets[k](&n);
		if (i < n)
			return &defs[i];
		i -= n;
	}
	return NULL;
}

bool catalog_has_relation(const char *name) { return cat_reldef_find(name) != NULL; }

/* One "name type" item of a reldef's column list (the type maybe double-quoted: "text[]"). */
static void parse_column(struct arena *a, const char *item, size_t len, struct catalog_column *col)
{
	const char *sp = memchr(item, ' ', len);
	size_t nlen = sp ? (size_t)(sp - item) : len;
	col->name = arena_strndup(a, item, nlen);
	const char *type = sp ? sp + 1 : "";
	size_t tlen = sp ? len - nlen - 1 : 0;
	if (tlen >= 2 && type[0] == '"') {
		type++;
		tlen -= 2;
	}
	col->type_oid = pgtype_from_decl(arena_strndup(a, type, tlen), &col->typmod);
}

bool catalog_relation_columns(const char *name, struct arena *a,
			      const struct catalog_column **cols, size_t *ncols)
{
	const struct cat_reldef *def = strncmp(name, "pg_", 3) == 0 ||
						       strncmp(name, "information_schema_", 19) == 0
					       ? cat_reldef_find(name)
					       : NULL;
	if (!def)
		return false;
	size_t n = 1;
	for (const char *p = def->columns; *p; p++)
		n += *p == ',';
	struct catalog_column *out = arena_zalloc(a, n * sizeof(*out));
	const char *p = def->columns;
	for (size_t i = 0; i < n; i++) {
		while (*p == ' ')
			p++;
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		parse_column(a, p, len, &out[i]);
		p = end ? end + 1 : p + len;
	}
	*cols = out;
	*ncols = n;
	return true;
}
