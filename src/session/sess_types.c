/* SPDX-License-Identifier: Apache-2.0 */
/* sess_types.c: the tenant's column types lent to the translator (xlat_schema) — every
 * relation's column types, copied from the catalog into the session, and a fingerprint for the
 * translation cache. The copy is refreshed when the tenant's schema_version moves. Reading
 * schema_version costs a read transaction (about 6 us in autocommit), so it is read only when
 * the schema may have changed: when some session of this process finished DDL (ddl_epoch; the
 * server is the only writer of its tenant files) and when the session starts. In a transaction
 * block that has not read yet it is not read inside the block's SQLite transaction — that would
 * take the transaction's snapshot before its first statement and turn a later lock wait into
 * 40001 — but, before a client's statement is translated, between the empty transaction's
 * end and its new BEGIN (sess_types_block_start, sess_txn_step_out). The
 * copy itself is shared with the pooled connection (struct sess_types_snap). */
#include "session_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A connection holding temporary tables: their schema_version mixed in (the relations include
 * them, sess_temp.c), never equal to v alone; a temp schema without them counts as none. */
static int with_temp(sqlite3 *db, int v)
{
	sqlite3_stmt *vm = NULL;
	int t = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA temp.schema_version", -1, &vm, NULL) == SQLITE_OK &&
	    sqlite3_step(vm) == SQLITE_ROW)
		t = sqlite3_column_int(vm, 0);
	sqlite3_finalize(vm);
	return (int)(((uint32_t)v * 1000003u + (uint32_t)t * 7919u + 1u) & 0x7fffffff);
}

/* The current schema_version, or -1 when it cannot be read. The probe stays prepared on the
 * borrowed connection (its statement cache), never in the session: the session gives the
 * connection back between transactions. */
static int schema_version(struct session *s, sqlite3 *db)
{
	static const char probe[] = "PRAGMA schema_version";
	sqlite3_stmt *vm = shard_conn_stmt_take(s->conn, probe);
	if (!vm && sqlite3_prepare_v3(db, probe, -1, SQLITE_PREPARE_PERSISTENT, &vm, NULL) !=
			   SQLITE_OK) {
		sqlite3_finalize(vm);
		return -1;
	}
	int v = sqlite3_step(vm) == SQLITE_ROW ? sqlite3_column_int(vm, 0) : -1;
	shard_conn_stmt_give(s->conn, vm);
	return v < 0 || !shard_conn_pinned(s->conn) ? v : with_temp(db, v);
}

static bool table_columns(void *arg, const char *name, struct arena *a,
			  const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)a;
	const struct catalog_relation *r = sess_types_relation(arg, name);
	if (!r)
		return false;
	/* same layout (checked below): the catalog's copy serves as is */
	*cols = (const struct xlat_schema_col *)r->cols;
	*ncols = r->ncols;
	return true;
}

static char relkind(void *arg, const char *name)
{
	const struct catalog_relation *r = sess_types_relation(arg, name);
	return !r		? 0
	       : r->unpopulated ? 'm'
	       : r->matview	? 'M'
	       : r->composite	? 'c'
	       : r->view	? 'v'
				: 0;
}

char sess_types_partition(void *arg, const char *name)
{
	const struct catalog_relation *r = sess_types_relation(arg, name);
	return r ? r->partition : 0;
}

/* Whether conname is an EXCLUDE constraint of table name (xlat_exclude.c's index). */
static bool exclusion(struct session *s, const char *name, const char *conname)
{
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (s->conn &&
	    sqlite3_prepare_v2(
		    shard_conn_db(s->conn),
		    "SELECT 1 FROM main.sqlite_schema WHERE type = 'index' AND name = ?1 "
		    "AND tbl_name = ?2 COLLATE NOCASE AND instr(sql, '" XLAT_EXCLUDE_MARK "')",
		    -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, conname, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, name, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return found;
}

static bool table_pkey(void *arg, const char *name, const char *conname,
		       const char *const **cols, size_t *n)
{
	const struct catalog_relation *r = sess_types_relation(arg, name);
	if (!r)
		return false;
	if (!conname) {
		*cols = r->pkey;
		*n = r->npkey;
		return true;
	}
	static const char *const none[1] = {NULL}; /* an EXCLUDE constraint: no key columns */
	*cols = NULL;
	*n = 0;
	if (exclusion(arg, name, conname)) { /* its index is listed among ukeys too */
		*cols = none;
		return true;
	}
	for (size_t i = 0; i < r->nukeys; i++) {
		if (!r->ukeys[i].index_only && strcmp(r->ukeys[i].name, conname) == 0) {
			*cols = r->ukeys[i].cols;
			*n = r->ukeys[i].ncols;
			return true;
		}
	}
	return false;
}

static bool same_columns(const struct catalog_ukey *k, const char *const *cols, size_t n)
{
	if (k->ncols != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t j = 0; j < n && !found; j++)
			found = cols[i] && strcasecmp(k->cols[j], cols[i]) == 0;
		if (!found)
			return false;
	}
	return true;
}

bool sess_types_defkey(void *arg, const char *name, const char *conname,
		       const char *const *cols, size_t n, bool primary)
{
	const struct catalog_relation *r = sess_types_relation(arg, name);
	for (size_t i = 0; r && i < r->nukeys; i++) {
		const struct catalog_ukey *k = &r->ukeys[i];
		if (k->deferrable && (primary	? k->primary
				      : conname ? strcmp(k->name, conname) == 0
						: !n || same_columns(k, cols, n)))
			return true;
	}
	return false;
}

bool sess_types_refkey(void *arg, const char *name, const char *const *cols, size_t n)
{
	const struct catalog_relation *r = sess_types_relation(arg, name);
	if (!r)
		return true; /* not known here: left to SQLite */
	struct catalog_ukey pk = {.cols = r->pkey, .ncols = r->npkey};
	if (r->npkey && same_columns(&pk, cols, n))
		return true;
	for (size_t i = 0; i < r->nukeys; i++) {
		const struct catalog_ukey *k = &r->ukeys[i];
		if (k->ncols && same_columns(k, cols, n))
			return true;
	}
	return false;
}

/* Whether key k's columns are cols[0..n) as a set (a column named twice counts once), each
 * opclass[i] given naming the class of its column in k. */
static bool infers(const struct catalog_ukey *k, const char *const *cols,
		   const char *const *opclass, size_t n)
{
	if (!k->ncols)
		return false;
	for (size_t j = 0; j < k->ncols; j++) { /* every key column named */
		bool found = false;
		for (size_t i = 0; i < n && !found; i++)
			found = cols[i] && strcasecmp(k->cols[j], cols[i]) == 0;
		if (!found)
			return false;
	}
	for (size_t i = 0; i < n; i++) { /* every element a key column of its class */
		bool found = false;
		for (size_t j = 0; j < k->ncols && !found; j++)
			found = cols[i] && strcasecmp(k->cols[j], cols[i]) == 0 &&
				(!opclass[i] || (k->opclass && k->opclass[j] &&
						 strcmp(k->opclass[j], opclass[i]) == 0));
		if (!found)
			return false;
	}
	return true;
}

bool sess_types_arbiter(void *arg, const char *name, const char *const *cols,
			const char *const *opclass, size_t n)
{
	const struct catalog_relation *r = sess_types_relation(arg, name);
	if (!r)
		return true; /* not known here: left to SQLite */
	for (size_t i = 0; i < r->nukeys; i++)
		if (infers(&r->ukeys[i], cols, opclass, n))
			return true;
	return false;
}

static bool table_default(void *arg, const char *name, const char *col, const char **sql,
			  bool *text_affinity)
{
	const struct catalog_relation *r = sess_types_relation(arg, name);
	for (size_t i = 0; r && r->dflt_sql && i < r->ncols; i++) {
		if (strcasecmp(r->cols[i].name, col) == 0) {
			*sql = r->dflt_sql[i];
			if (text_affinity)
				*text_affinity = r->text_affinity && r->text_affinity[i];
			return true;
		}
	}
	return false;
}

static bool catalog_columns(void *arg, const char *name, struct arena *a,
			    const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	const struct catalog_column *cc;
	if (!catalog_relation_columns(name, a, &cc, ncols))
		return false;
	*cols = (const struct xlat_schema_col *)cc; /* same layout (checked below) */
	return true;
}

/* Read live: CREATE SEQUENCE writes a sidecar row, which leaves schema_version alone. */
static bool is_sequence(void *arg, const char *name)
{
	const struct session *s = arg;
	return s->conn && catalog_is_sequence(shard_conn_db(s->conn), name);
}

_Static_assert(sizeof(struct xlat_schema_col) == sizeof(struct catalog_column) &&
		       offsetof(struct xlat_schema_col, type_oid) ==
			       offsetof(struct catalog_column, type_oid) &&
		       offsetof(struct xlat_schema_col, typmod) ==
			       offsetof(struct catalog_column, typmod) &&
		       offsetof(struct xlat_schema_col, identity) ==
			       offsetof(struct catalog_column, identity) &&
		       offsetof(struct xlat_schema_col, rowid_key) ==
			       offsetof(struct catalog_column, rowid_key) &&
		       offsetof(struct xlat_schema_col, rowid_seq) ==
			       offsetof(struct catalog_column, rowid_seq) &&
		       offsetof(struct xlat_schema_col, generated) ==
			       offsetof(struct catalog_column, generated) &&
		       offsetof(struct xlat_schema_col, collate_c) ==
			       offsetof(struct catalog_column, collate_c),
	       "xlat_schema_col and catalog_column must share their layout");
_Static_assert(sizeof(struct xlat_domain) == sizeof(struct catalog_domain) &&
		       offsetof(struct xlat_domain, base) == offsetof(struct catalog_domain, base) &&
		       offsetof(struct xlat_domain, notnull) ==
			       offsetof(struct catalog_domain, notnull) &&
		       offsetof(struct xlat_domain, dflt) == offsetof(struct catalog_domain, dflt) &&
		       offsetof(struct xlat_domain, checks) ==
			       offsetof(struct catalog_domain, checks) &&
		       offsetof(struct xlat_domain, nchecks) ==
			       offsetof(struct catalog_domain, nchecks) &&
		       offsetof(struct xlat_domain, nusers) == offsetof(struct catalog_domain, nusers) &&
		       offsetof(struct xlat_domain, parent) == offsetof(struct catalog_domain, parent),
	       "xlat_domain and catalog_domain must share their layout");
_Static_assert(sizeof(struct xlat_enum) == sizeof(struct catalog_enum) &&
		       offsetof(struct xlat_enum, array_oid) ==
			       offsetof(struct catalog_enum, array_oid) &&
		       offsetof(struct xlat_enum, labels) == offsetof(struct catalog_enum, labels) &&
		       offsetof(struct xlat_enum, nlabels) == offsetof(struct catalog_enum, nlabels) &&
		       offsetof(struct xlat_enum, tables) == offsetof(struct catalog_enum, tables) &&
		       offsetof(struct xlat_enum, columns) ==
			       offsetof(struct catalog_enum, columns) &&
		       offsetof(struct xlat_enum, nusers) == offsetof(struct catalog_enum, nusers),
	       "xlat_enum and catalog_enum must share their layout");

/* The column types read at one schema_version: immutable once read, reference-counted, kept on
 * the pooled connection that read them (shard_conn_set_aux) so that the next session to borrow
 * it at the same schema_version takes the pointer instead of reading the catalog (about 38,000
 * instructions, most of a new session's cost). Only a snapshot read outside a transaction is
 * put on the connection: one read inside a transaction may show uncommitted DDL, and after a
 * rollback another DDL could reach the same schema_version with a different schema. */
struct sess_types_snap {
	_Atomic int refs;
	int version;
	uint64_t fingerprint;
	struct arena *arena;
	const struct catalog_relation *rels;
	size_t nrels;
	const struct catalog_enum *enums;
	size_t nenums;
	const struct catalog_domain *domains; /* ends with a NULL name */
	const struct xlat_udf *udfs; /* the tenant's functions (sess_udf.c) */
	size_t nudfs;
	const struct sess_stmt_trg *stmt_trgs; /* its statement triggers (sess_trgstmt.c) */
	size_t nstmt_trgs;
	unsigned extensions; /* XLAT_EXT_* of the extensions it created */
	const struct xlat_rls *rls; /* row-level security (catalog_policy.c) */
	size_t nrls;
	const char **nsps;   /* the tenant's own schemas (CREATE SCHEMA), sorted */
	size_t nnsps;
};

/* By the name the tenant file stores (the catalog's), whatever case the query wrote it in;
 * or (name NULL) the relation whose row type oid is. */
static uint32_t table_rowtype(void *arg, const char *name, uint32_t oid, const char **rel)
{
	const struct session *s = arg;
	if (name) {
		const struct catalog_relation *r = sess_types_relation(s, name);
		return r ? catalog_rowtype_oid(r->name) : 0;
	}
	const struct sess_types_snap *snap = s->schema_snap;
	for (size_t i = 0; snap && oid >= CATALOG_OID_MIN && i < snap->nrels; i++) {
		if (catalog_rowtype_oid(snap->rels[i].name) == oid) {
			*rel = snap->rels[i].name;
			return oid;
		}
		if (catalog_rowarray_oid(snap->rels[i].name) == oid) { /* its array type */
			*rel = snap->rels[i].name;
			return catalog_rowtype_oid(snap->rels[i].name);
		}
	}
	return 0;
}

static void snap_unref(void *p)
{
	struct sess_types_snap *snap = p;
	if (snap && atomic_fetch_sub(&snap->refs, 1) == 1) {
		arena_free(snap->arena);
		free(snap);
	}
}

static struct sess_types_snap *snap_read(sqlite3 *db, int version)
{
	struct sess_types_snap *snap = base_xcalloc(1, sizeof(*snap));
	atomic_init(&snap->refs, 1);
	snap->version = version;
	snap->arena = arena_new(0);
	if (!catalog_schema_columns(db, snap->arena, &snap->rels, &snap->nrels, &snap->enums,
				    &snap->nenums, &snap->domains, &snap->fingerprint) ||
	    !snap->fingerprint) {
		snap_unref(snap);
		return NULL;
	}
	uint64_t udf_hash;
	if (!sess_udf_read(db, snap->arena, &snap->udfs, &snap->nudfs, &udf_hash)) {
		snap_unref(snap);
		return NULL;
	}
	if (!sess_trigger_read_statement(db, snap->arena, &snap->stmt_trgs, &snap->nstmt_trgs)) {
		snap_unref(snap);
		return NULL;
	}
	uint64_t rls_hash;
	if (!catalog_rls_read(db, snap->arena, &snap->rls, &snap->nrls, &rls_hash)) {
		snap_unref(snap);
		return NULL;
	}
	if (rls_hash) /* statements are translated with the policies applied */
		snap->fingerprint = (snap->fingerprint ^ rls_hash) | 1;
	if (snap->nudfs) /* calls are translated with the functions' result types */
		snap->fingerprint = (snap->fingerprint ^ udf_hash) | 1;
	if (!catalog_local_schemas(db, snap->arena, &snap->nsps, &snap->nnsps)) {
		snap_unref(snap);
		return NULL;
	}
	for (size_t i = 0; i < snap->nnsps; i++) { /* they decide what s.t means */
		uint64_t h = 0xcbf29ce484222325ull;
		for (const char *p = snap->nsps[i]; *p; p++)
			h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
		snap->fingerprint = (snap->fingerprint ^ (h + i)) | 1;
	}
	if (catalog_extension_created(db, "uuid-ossp")) { /* its functions exist */
		snap->extensions |= XLAT_EXT_UUID_OSSP;
		snap->fingerprint = (snap->fingerprint ^ 0x9e3779b97f4a7c15ull) | 1;
	}
	if (catalog_extension_created(db, "pgcrypto")) { /* its digest, hmac ... exist */
		snap->extensions |= XLAT_EXT_PGCRYPTO;
		snap->fingerprint = (snap->fingerprint ^ 0xc2b2ae3d27d4eb4full) | 1;
	}
	if (catalog_extension_created(db, "citext")) { /* its type exists */
		snap->extensions |= XLAT_EXT_CITEXT;
		snap->fingerprint = (snap->fingerprint ^ 0x165667b19e3779f9ull) | 1;
	}
	return snap;
}

/* The snapshot lists the temp schema's relations first (catalog_model.c): the last of a name
 * is the file's. */
bool sess_types_file_table(void *arg, const char *name, struct arena *a,
			   const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)a;
	const struct session *s = arg;
	const struct sess_types_snap *snap = s->schema_snap;
	const struct catalog_relation *r = NULL;
	for (size_t i = 0; snap && i < snap->nrels; i++)
		if (strcasecmp(snap->rels[i].name, name) == 0)
			r = &snap->rels[i];
	if (!r)
		return false;
	*cols = (const struct xlat_schema_col *)r->cols;
	*ncols = r->ncols;
	return true;
}

static void reload(struct session *s, sqlite3 *db, int version)
{
	struct sess_types_snap *snap = shard_conn_aux(s->conn);
	bool shareable = sqlite3_get_autocommit(db);
	if (shareable && snap && snap->version == version) {
		atomic_fetch_add(&snap->refs, 1);
	} else {
		snap = snap_read(db, version);
		/* the schema changed under this connection: its kept statements may be stale */
		shard_conn_stmt_forget(s->conn);
		if (snap && shareable) {
			atomic_fetch_add(&snap->refs, 1);
			shard_conn_set_aux(s->conn, snap, snap_unref);
		}
	}
	snap_unref(s->schema_snap);
	s->schema_snap = snap;
	s->schema.fingerprint = 0;
	if (!snap)
		return;
	s->schema = (struct xlat_schema){.table_fn = table_columns,
					 .sequence_fn = is_sequence,
					 .relkind_fn = relkind,
					 .pkey_fn = table_pkey,
					 .default_fn = table_default,
					 .rowtype_fn = table_rowtype,
					 .catalog_fn = catalog_columns,
					 .arg = s,
					 .fingerprint = snap->fingerprint,
					 /* same layout (checked below) */
					 .enums = (const struct xlat_enum *)snap->enums,
					 .nenums = (uint32_t)snap->nenums,
					 .domains = (const struct xlat_domain *)snap->domains,
					 .udfs = snap->udfs,
					 .nudfs = (uint32_t)snap->nudfs};
	s->schema_version = version;
}

/* Bumped when a session's DDL is done (committed or not): everyone reads schema_version
 * again before the next translation. */
static _Atomic uint64_t ddl_epoch = 1;

bool sess_types_viewdef(void *arg, const char *view, const char *query, const char *schema,
			bool pretty, int wrap, struct arena *a, const char **out, struct pgerr *err)
{
	const struct session *s = arg;
	const struct xlat_schema *cols = s->schema.fingerprint ? &s->schema : NULL;
	return xlat_viewdef(view, query, schema, cols, pretty, wrap, a, out, err);
}

const struct xlat_schema *sess_types(struct session *s)
{
	if (!s->conn)
		return NULL;
	sqlite3 *db = shard_conn_db(s->conn);
	uint64_t epoch = atomic_load(&ddl_epoch);
	if (s->schema.fingerprint && epoch == s->schema_epoch)
		return &s->schema;
	/* not inside a transaction block that has not read yet (reading would start its read
	 * transaction early: sess_types_block_start reads outside it), unless it changed the
	 * session's temp schema (a pg_temp function the next statement of the block calls) */
	bool may_read = sqlite3_get_autocommit(db) ||
			sqlite3_txn_state(db, "main") != SQLITE_TXN_NONE ||
			sqlite3_txn_state(db, "temp") == SQLITE_TXN_WRITE;
	if (may_read) {
		int version = schema_version(s, db);
		if (version >= 0 && (version != s->schema_version || !s->schema.fingerprint))
			reload(s, db, version);
		/* read in a transaction's snapshot, DDL committed after that began is not in it:
		 * read again at the next statement (0.2 us in a transaction) and after the block */
		if (sqlite3_get_autocommit(db))
			s->schema_epoch = epoch;
	}
	return s->schema.fingerprint ? &s->schema : NULL;
}

/* Only between statements: a statement running (DO, CALL, a script) may hold SQLite savepoints
 * of its own, which sess_txn_step_out would end. */
void sess_types_block_start(struct session *s)
{
	/* READ COMMITTED: the statement is translated against the schema as the newest commits
	 * left it (a new snapshot, no read yet), as PostgreSQL's catalog lookups see it. Failed:
	 * the block is failed (logged), 25P02 next; an implicit one is over */
	struct pgerr ignored;
	(void)!sess_rc_statement(s, &ignored);
	if (!s->conn || (s->txn != SESS_TXN_BLOCK && s->txn != SESS_TXN_IMPLICIT) ||
	    sess_types_current(s) || !sess_txn_step_out(s))
		return;
	(void)sess_types(s); /* in autocommit now: its own short read transaction */
	struct pgerr err;
	(void)sess_txn_step_in(s, &err); /* failed: the block is failed (logged), 25P02 next */
}

void sess_types_saw(struct session *s, const struct xlat_stmt *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i].is_ddl || v[i].kind == XLAT_SCRIPT || v[i].kind == XLAT_REBUILD) {
			s->schema_ddl = true;
			s->schema_epoch = 0; /* our own DDL inside a transaction: read it again */
		}
	}
}

void sess_types_input_end(struct session *s)
{
	if (s->schema_ddl && !s->parked && s->conn && sqlite3_get_autocommit(shard_conn_db(s->conn))) {
		atomic_fetch_add(&ddl_epoch, 1);
		s->schema_ddl = false;
	}
}

bool sess_types_unchanged(const struct session *s, uint64_t *epoch)
{
	uint64_t now = atomic_load(&ddl_epoch);
	bool same = *epoch == now && !s->schema_ddl;
	*epoch = now;
	return same;
}

long sess_types_rowtype_users(const struct xlat_schema *schema, uint32_t oid, struct arena *a,
			      const char ***tables, const char ***columns)
{
	const struct session *s = schema ? schema->arg : NULL;
	const struct sess_types_snap *snap = s ? s->schema_snap : NULL;
	uint32_t arr = 0;
	for (size_t i = 0; snap && i < snap->nrels; i++)
		if (catalog_rowtype_oid(snap->rels[i].name) == oid)
			arr = catalog_rowarray_oid(snap->rels[i].name);
	size_t n = 0, cap = 0;
	*tables = *columns = NULL;
	for (size_t i = 0; arr && i < snap->nrels; i++) {
		const struct catalog_relation *r = &snap->rels[i];
		for (size_t k = 0; k < r->ncols; k++) {
			if (r->cols[k].type_oid != oid && r->cols[k].type_oid != arr)
				continue;
			if (r->composite) /* an attribute of another composite type */
				return -1;
			if (n == cap) {
				cap = cap ? 2 * cap : 8;
				const char **t = arena_zalloc(a, cap * sizeof(*t));
				const char **c = arena_zalloc(a, cap * sizeof(*c));
				if (n) {
					memcpy(t, *tables, n * sizeof(*t));
					memcpy(c, *columns, n * sizeof(*c));
				}
				*tables = t, *columns = c;
			}
			(*tables)[n] = r->name;
			(*columns)[n++] = r->cols[k].name;
		}
	}
	return (long)n;
}

const char *const *sess_types_local_schemas(const struct session *s, size_t *n)
{
	const struct sess_types_snap *snap = s->schema_snap;
	*n = snap && s->schema.fingerprint ? snap->nnsps : 0;
	return *n ? snap->nsps : NULL;
}

unsigned sess_types_extensions(const struct session *s)
{
	const struct sess_types_snap *snap = s->schema_snap;
	return snap && s->schema.fingerprint ? snap->extensions : 0;
}

bool sess_types_current(const struct session *s)
{
	return s->schema.fingerprint && atomic_load(&ddl_epoch) == s->schema_epoch;
}

void sess_types_fini(struct session *s)
{
	snap_unref(s->schema_snap);
	s->schema_snap = NULL;
	s->schema.fingerprint = 0;
}

const struct catalog_relation *sess_types_relation(const struct session *s, const char *name)
{
	const struct sess_types_snap *snap = s->schema_snap;
	for (size_t i = 0; snap && i < snap->nrels; i++)
		if (strcasecmp(snap->rels[i].name, name) == 0)
			return &snap->rels[i];
	return NULL;
}

const struct catalog_relation *sess_types_rowtype(const struct session *s, uint32_t oid)
{
	const struct sess_types_snap *snap = s->schema_snap;
	for (size_t i = 0; snap && oid >= CATALOG_OID_MIN && i < snap->nrels; i++)
		if (catalog_rowtype_oid(snap->rels[i].name) == oid)
			return &snap->rels[i];
	return NULL;
}

const struct catalog_relation *sess_types_rowarray(const struct session *s, uint32_t oid)
{
	const struct sess_types_snap *snap = s->schema_snap;
	for (size_t i = 0; snap && oid >= CATALOG_OID_MIN && i < snap->nrels; i++)
		if (catalog_rowarray_oid(snap->rels[i].name) == oid)
			return &snap->rels[i];
	return NULL;
}

const struct sess_stmt_trg *sess_types_stmt_triggers(const struct session *s, size_t *n)
{
	const struct sess_types_snap *snap = s->schema_snap;
	*n = snap ? snap->nstmt_trgs : 0;
	return snap ? snap->stmt_trgs : NULL;
}

const struct catalog_enum *sess_types_enum(const struct session *s, uint32_t oid, bool *array)
{
	const struct sess_types_snap *snap = s->schema_snap;
	for (size_t i = 0; snap && oid >= CATALOG_OID_MIN && i < snap->nenums; i++) {
		if (snap->enums[i].oid == oid || snap->enums[i].array_oid == oid) {
			if (array)
				*array = snap->enums[i].array_oid == oid;
			return &snap->enums[i];
		}
	}
	return NULL;
}

/* A domain's OID (a parameter ParameterDescription reported as the domain): its base type's,
 * whose encodings the value has; 0 when oid is no domain. */
static uint32_t domain_base(const struct session *s, uint32_t oid)
{
	const struct sess_types_snap *snap = s->schema_snap;
	for (const struct catalog_domain *d = snap ? snap->domains : NULL; d && d->name; d++) {
		int32_t typmod;
		if (d->oid == oid)
			return pgtype_from_decl(d->base, &typmod);
	}
	return 0;
}

uint32_t sess_types_wire(const struct session *s, uint32_t oid)
{
	bool array = false;
	if (oid < CATALOG_OID_MIN)
		return oid;
	if (!sess_types_enum(s, oid, &array)) {
		uint32_t base = domain_base(s, oid);
		return base ? base : oid;
	}
	return array ? PGTYPE_TEXT_ARRAY : PGTYPE_TEXT;
}

void sess_types_array_elem(const struct session *s, uint32_t oid, struct strbuf *out,
			   size_t start)
{
	bool array = false;
	const struct catalog_enum *e = oid >= CATALOG_OID_MIN ? sess_types_enum(s, oid, &array)
							      : NULL;
	if (!e || !array || out->failed || out->len < start + 12)
		return;
	uint8_t *p = (uint8_t *)out->data + start + 8; /* ndim, has-null flag, element type */
	p[0] = (uint8_t)(e->oid >> 24);
	p[1] = (uint8_t)(e->oid >> 16);
	p[2] = (uint8_t)(e->oid >> 8);
	p[3] = (uint8_t)e->oid;
}

uint32_t sess_types_decl(const struct session *s, const char *decl, uint32_t oid)
{
	const struct sess_types_snap *snap = s->schema_snap;
	size_t n = decl ? strlen(decl) : 0;
	bool array = n > 2 && strcmp(decl + n - 2, "[]") == 0;
	for (size_t i = 0; snap && n && i < snap->nenums; i++) {
		const char *name = snap->enums[i].name;
		if (strlen(name) == (array ? n - 2 : n) && strncmp(name, decl, strlen(name)) == 0)
			return array ? snap->enums[i].array_oid : snap->enums[i].oid;
	}
	return oid;
}

const struct xlat_rls *sess_types_rls(const struct session *s, size_t *n)
{
	const struct sess_types_snap *snap = s->schema.fingerprint ? s->schema_snap : NULL;
	*n = snap ? snap->nrls : 0;
	return snap ? snap->rls : NULL;
}
