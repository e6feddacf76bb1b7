/* SPDX-License-Identifier: Apache-2.0 */
/* shard_authz.c: the fence around every tenant connection. SQL that reaches SQLite may touch
 * the tenant's own file and nothing else: no ATTACH of another path, no VACUUM INTO, no
 * extension loading, no PRAGMA that changes how the file is written or what the process
 * does. Deny-by-default lists, because a new SQLite release may add new PRAGMAs. */
#include "shard_int.h"

#include <stddef.h>

#include <stdio.h>
#include <string.h>

/* Per-connection SQLite limits (PostgreSQL's own ceilings are higher; these keep one client
 * from making SQLite allocate without bound on the shared process). */
#define LIMIT_SQL_LENGTH (64 * 1024 * 1024) /* translated statement text */
#define LIMIT_LENGTH (256 * 1024 * 1024)    /* one string or blob value */
#define LIMIT_EXPR_DEPTH 1000               /* matches xlat's depth guard (54001) */
#define LIMIT_COMPOUND_SELECT 500
#define LIMIT_LIKE_PATTERN 50000
#define LIMIT_VARIABLE_NUMBER 65535 /* PostgreSQL's parameter maximum */
#define LIMIT_TRIGGER_DEPTH 100
/* Plain VACUUM attaches one scratch database (an empty file name); nothing else attaches
 * unless the server does it inside shard_authz_internal_begin/end. */
#define LIMIT_ATTACHED 1
#define LIMIT_ATTACHED_INTERNAL 10

static __thread char last_denial[160];

const char *shard_authz_last_denial(void) { return last_denial; }

static int deny(const char *fmt, const char *what)
{
	snprintf(last_denial, sizeof(last_denial), fmt, what ? what : "");
	return SQLITE_DENY;
}

/* PRAGMAs that only read the schema of the tenant's own file; any argument is a table or
 * index name. */
static const char *const introspection_pragmas[] = {
	"table_info",  "table_xinfo",      "table_list",        "index_list",     "index_info",
	"index_xinfo", "foreign_key_list", "foreign_key_check", "collation_list", "function_list",
	"module_list", "pragma_list",      "integrity_check",   "quick_check",
};

/* PRAGMAs whose current value may be read (no argument), never set: setting them would
 * change durability (journal_mode, synchronous), the server's semantics (foreign_keys;
 * case_sensitive_like, refused as every unlisted PRAGMA, would put SQLite's like() back in
 * place of pgfn's) or the file's format. */
static const char *const readable_pragmas[] = {
	"application_id", "user_version", "schema_version",     "data_version", "encoding",
	"page_size",      "page_count",   "freelist_count",     "foreign_keys", "journal_mode",
	"synchronous",    "auto_vacuum",  "defer_foreign_keys",
};

/* PRAGMAs a client may also set: they last one transaction or only plan queries. */
static const char *const settable_pragmas[] = {"defer_foreign_keys", "optimize"};

static bool listed(const char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (sqlite3_stricmp(list[i], name) == 0)
			return true;
	return false;
}

static int check_pragma(const char *name, const char *arg)
{
	if (listed(introspection_pragmas, ARRAY_LEN(introspection_pragmas), name))
		return SQLITE_OK;
	if (listed(settable_pragmas, ARRAY_LEN(settable_pragmas), name))
		return SQLITE_OK;
	/* CHECKPOINT: a passive checkpoint never waits and changes nothing but the WAL's use */
	if (sqlite3_stricmp(name, "wal_checkpoint") == 0 && arg &&
	    sqlite3_stricmp(arg, "PASSIVE") == 0)
		return SQLITE_OK;
	if (!arg && listed(readable_pragmas, ARRAY_LEN(readable_pragmas), name))
		return SQLITE_OK;
	return deny(arg ? "PRAGMA %s may not be set" : "PRAGMA %s is not allowed", name);
}

/* Functions that reach the file system or the process when an application registers them
 * (the sqlite3 shell's readfile/writefile/edit, fts3_tokenizer's pointer form). SQLite's
 * own build has none of them but load_extension; the list guards future registrations. */
static const char *const denied_functions[] = {
	"load_extension", "readfile",      "writefile", "edit",           "fts3_tokenizer",
	"lsdir",          "sqlite_dbpage", "zipfile",   "sqlar_compress", "sqlar_uncompress",
};

/* Virtual table modules that keep their data in shadow tables of the same file. */
static const char *const allowed_modules[] = {"fts4", "fts5", "rtree"};

static int check_attach(const struct shard_authz *az, const char *file)
{
	if (az->internal)
		return SQLITE_OK;
	/* VACUUM builds its copy in a scratch database attached under the empty name: a
	 * private temporary file no other connection can open. VACUUM INTO names a path. */
	if (file && file[0] == '\0')
		return SQLITE_OK;
	return deny("ATTACH of \"%s\" is not allowed (also used by VACUUM INTO)", file);
}

/* The sidecar tables (sequences, comments: docs/catalog.md) are created by the translator's
 * scripts under these names only; no DDL may drop, alter, index or trigger them. */
static bool sidecar(const char *table)
{
	return table && sqlite3_strnicmp(table, "_shardlite_", 11) == 0;
}

/* Enum, function and trigger DDL drop and recreate an index of their sidecar to move
 * schema_version (src/xlat/xlat_enum.c, xlat_routine.c, xlat_trigger.c): the label lists,
 * the functions and the triggers' flags are part of every session's schema or catalog; so
 * does renaming a serial key's sequence (shard_rename.c), and CREATE/DROP EXTENSION
 * (xlat_utility.c: uuid-ossp's functions). */
static bool enum_bump(const char *index, const char *table)
{
	return index && table &&
	       ((sqlite3_stricmp(index, "_shardlite_enums_v") == 0 &&
		 sqlite3_stricmp(table, "_shardlite_enums") == 0) ||
		(sqlite3_stricmp(index, "_shardlite_functions_v") == 0 &&
		 sqlite3_stricmp(table, "_shardlite_functions") == 0) ||
		(sqlite3_stricmp(index, "_shardlite_triggers_v") == 0 &&
		 sqlite3_stricmp(table, "_shardlite_triggers") == 0) ||
		(sqlite3_stricmp(index, "_shardlite_serials_v") == 0 &&
		 sqlite3_stricmp(table, "_shardlite_serials") == 0) ||
		(sqlite3_stricmp(index, "_shardlite_comptypes_v") == 0 &&
		 sqlite3_stricmp(table, "_shardlite_comptypes") == 0) ||
		(sqlite3_stricmp(index, "_shardlite_domains_v") == 0 &&
		 sqlite3_stricmp(table, "_shardlite_domains") == 0) ||
		(sqlite3_stricmp(index, "_shardlite_extensions_v") == 0 &&
		 sqlite3_stricmp(table, "_shardlite_extensions") == 0) ||
		(sqlite3_stricmp(index, "_shardlite_policies_v") == 0 &&
		 sqlite3_stricmp(table, "_shardlite_policies") == 0) ||
		(sqlite3_stricmp(index, "_shardlite_schemas_v") == 0 && /* xlat_localnsp.c */
		 sqlite3_stricmp(table, "_shardlite_schemas") == 0));
}

static int check_sidecar_create(const char *table)
{
	if (!sidecar(table) || sqlite3_stricmp(table, "_shardlite_sequences") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_comments") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_columns") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_serials") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_enums") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_comptypes") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_domains") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_domain_not_valid") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_extensions") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_schemas") == 0 || /* src/catalog/catalog_nsp.c */
	    sqlite3_stricmp(table, "_shardlite_privileges") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_rowsecurity") == 0 || /* catalog_policy.c */
	    sqlite3_stricmp(table, "_shardlite_policies") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_matviews") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_functions") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_function_ext") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_triggers") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_trigger_refs") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_trigger_from") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_trigger_parts") == 0 || /* catalog_trigpart.c */
	    sqlite3_stricmp(table, "_shardlite_largeobject") == 0 || /* src/catalog/catalog_lo.c */
	    sqlite3_stricmp(table, "_shardlite_largeobject_metadata") == 0 ||
	    sqlite3_stricmp(table, "_shardlite_vacuum") == 0) /* src/catalog/catalog_vacstat.c */
		return SQLITE_OK;
	return deny("the name %s is reserved for shardlite's sidecar tables", table);
}

static int authorize(void *arg, int action, const char *a1, const char *a2, const char *db,
		     const char *trigger)
{
	struct shard_authz *az = arg;
	switch (action) {
	case SQLITE_CREATE_TEMP_TABLE:
	case SQLITE_CREATE_TEMP_VIEW:
	case SQLITE_CREATE_TEMP_INDEX:
	case SQLITE_CREATE_TEMP_TRIGGER:
		az->temp_created = true; /* pins the connection to its session (shard_pool.c) */
		return SQLITE_OK;
	case SQLITE_INSERT:
	case SQLITE_DELETE:
		if (az->touch && db && strcmp(db, "main") == 0)
			shard_tlock_touch_note(az->touch, a1, true);
		return SQLITE_OK;
	case SQLITE_UPDATE: /* the statement's own SET list, not its triggers' statements */
		if (az->touch && db && strcmp(db, "main") == 0)
			shard_tlock_touch_note(az->touch, a1, true);
		if (az->updated && !trigger && a1 && a2 &&
		    sqlite3_stricmp(a1, az->updated_table) == 0) {
			strbuf_puts(az->updated, az->updated->len ? "\x1f" : "");
			strbuf_puts(az->updated, a2);
		}
		return SQLITE_OK;
	case SQLITE_READ:
		if (az->touch && db && strcmp(db, "main") == 0)
			shard_tlock_touch_note(az->touch, a1, false);
		if (az->reads)
			shard_view_reads_note(az->reads, a1, a2, trigger);
		return SQLITE_OK;
	case SQLITE_CREATE_TABLE:
		return check_sidecar_create(a1);
	case SQLITE_CREATE_INDEX: /* a sidecar's own key index comes with its CREATE TABLE */
		if (sqlite3_strnicmp(a1, "sqlite_autoindex_", 17) == 0 || enum_bump(a1, a2))
			return SQLITE_OK;
		/* fall through */
	case SQLITE_DROP_INDEX:
		if (enum_bump(a1, a2))
			return SQLITE_OK;
		/* fall through */
	case SQLITE_DROP_TABLE:
		if (action == SQLITE_DROP_TABLE)
			shard_serial_dropped(
				(struct shard_conn *)((char *)az -
						      offsetof(struct shard_conn, authz)),
				a1, a2);
		/* fall through */
	case SQLITE_CREATE_TRIGGER:
	case SQLITE_ALTER_TABLE:
		if (sidecar(action == SQLITE_DROP_TABLE ? a1 : a2))
			return deny("%s is a shardlite sidecar table: no DDL may change it",
				    action == SQLITE_DROP_TABLE ? a1 : a2);
		return SQLITE_OK;
	case SQLITE_ATTACH:
		return check_attach(az, a1);
	case SQLITE_DETACH:
		return az->internal ? SQLITE_OK : deny("DETACH %s is not allowed", a1);
	case SQLITE_PRAGMA:
		return az->internal ? SQLITE_OK : check_pragma(a1, a2);
	case SQLITE_FUNCTION:
		if (listed(denied_functions, ARRAY_LEN(denied_functions), a2))
			return deny("function %s is not allowed", a2);
		return SQLITE_OK;
	case SQLITE_CREATE_VTABLE:
	case SQLITE_DROP_VTABLE:
		if (listed(allowed_modules, ARRAY_LEN(allowed_modules), a2))
			return SQLITE_OK;
		return deny("virtual table module %s is not allowed", a2);
	default:
		return SQLITE_OK;
	}
}

struct db_flag {
	int op;
	int value;
	const char *name;
};

static const struct db_flag db_flags[] = {
	/* No writes to sqlite_schema, no corrupting the file through shadow tables. */
	{SQLITE_DBCONFIG_DEFENSIVE, 1, "DEFENSIVE"},
	{SQLITE_DBCONFIG_WRITABLE_SCHEMA, 0, "WRITABLE_SCHEMA"},
	{SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, "ENABLE_LOAD_EXTENSION"},
	/* Functions with side effects may not run from views and triggers in the file. */
	{SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, "TRUSTED_SCHEMA"},
};

static const struct {
	int id;
	int value;
} limits[] = {
	{SQLITE_LIMIT_SQL_LENGTH, LIMIT_SQL_LENGTH},
	{SQLITE_LIMIT_LENGTH, LIMIT_LENGTH},
	{SQLITE_LIMIT_EXPR_DEPTH, LIMIT_EXPR_DEPTH},
	{SQLITE_LIMIT_COMPOUND_SELECT, LIMIT_COMPOUND_SELECT},
	{SQLITE_LIMIT_LIKE_PATTERN_LENGTH, LIMIT_LIKE_PATTERN},
	{SQLITE_LIMIT_VARIABLE_NUMBER, LIMIT_VARIABLE_NUMBER},
	{SQLITE_LIMIT_TRIGGER_DEPTH, LIMIT_TRIGGER_DEPTH},
	{SQLITE_LIMIT_ATTACHED, LIMIT_ATTACHED},
	{SQLITE_LIMIT_WORKER_THREADS, 0},
};

bool shard_authz_install(sqlite3 *db, struct shard_authz *az, struct pgerr *err)
{
	az->internal = false;
	az->temp_created = false;
	for (size_t i = 0; i < ARRAY_LEN(db_flags); i++) {
		int now = -1;
		if (sqlite3_db_config(db, db_flags[i].op, db_flags[i].value, &now) != SQLITE_OK ||
		    now != db_flags[i].value)
			return pgerr_fatal(err, SQLSTATE_INTERNAL_ERROR,
					   "SQLite refused SQLITE_DBCONFIG_%s", db_flags[i].name);
	}
	for (size_t i = 0; i < ARRAY_LEN(limits); i++)
		sqlite3_limit(db, limits[i].id, limits[i].value);
	if (sqlite3_set_authorizer(db, authorize, az) != SQLITE_OK)
		return pgerr_fatal(err, SQLSTATE_INTERNAL_ERROR,
				   "could not install the authorizer");
	return true;
}

void shard_authz_internal_begin(sqlite3 *db, struct shard_authz *az, int n_attached)
{
	ASSERT(!az->internal);
	az->internal = true;
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED,
		      n_attached > LIMIT_ATTACHED_INTERNAL ? LIMIT_ATTACHED_INTERNAL : n_attached);
}

void shard_authz_internal_end(sqlite3 *db, struct shard_authz *az)
{
	ASSERT(az->internal);
	az->internal = false;
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, LIMIT_ATTACHED);
}
