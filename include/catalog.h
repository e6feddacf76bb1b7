/* SPDX-License-Identifier: Apache-2.0 */
/* catalog: PostgreSQL's pg_catalog relations and catalog functions, emulated on one SQLite
 * connection. Eponymous virtual tables named as PostgreSQL's relations (pg_class, pg_attribute,
 * ...) compute their rows from the tenant's SQLite schema; SQL functions (format_type,
 * pg_get_indexdef, current_schemas, ...) answer as PostgreSQL's do. See docs/catalog.md. */
#ifndef SHARDLITE_CATALOG_H
#define SHARDLITE_CATALOG_H

#include <sqlite3.h>

#include "base.h"

/* A session of the tenant as pg_stat_activity shows it. Times: microseconds since the Unix
 * epoch, 0 for none; strings may be NULL. */
struct catalog_activity {
	uint32_t pid;
	const char *user, *application_name, *client_addr, *state, *query;
	int client_port; /* with client_addr; NULL client_addr: a Unix socket (port -1) */
	int64_t backend_start, xact_start, query_start, state_change;
	bool waiting;          /* on an advisory lock */
	bool waiting_relation; /* on a table lock */
};

/* An advisory lock held or waited for, keyed as PostgreSQL's pg_locks shows it, or (table
 * set) a table lock: the table as SQLite names it, its mode as pg_locks spells it. */
struct catalog_lock {
	uint32_t pid, classid, objid;
	int objsubid;
	bool shared, granted;
	int64_t wait_start; /* not granted: since when */
	const char *table, *mode;
	int modeno;         /* a table lock's mode, numbered as PostgreSQL's (1..8) */
	unsigned conflicts; /* and the modes it conflicts with, bit modeno each */
};

/* An open SQL-level cursor of the session, as pg_cursors shows it. */
struct catalog_cursor {
	const char *name, *statement;
	bool holdable, binary;
	int64_t creation_time; /* microseconds since the Unix epoch */
	bool scrollable;       /* may move backward (pg_cursors.is_scrollable) */
};

/* A named prepared statement of the session, as pg_prepared_statements shows it. */
struct catalog_prepared {
	const char *name, *statement;
	int64_t prepare_time; /* microseconds since the Unix epoch */
	const uint32_t *param_types;
	size_t nparams;
	bool from_sql; /* PREPARE, not a Parse message */
	int64_t generic_plans, custom_plans;
};

/* The session's portal-like objects: its cursors and its named prepared statements. */
struct catalog_portals {
	struct catalog_cursor *cursors;
	size_t ncursors;
	struct catalog_prepared *prepared;
	size_t nprepared;
};

/* Per-session facts the catalog reports. A connection may serve several sessions over its
 * life (pooling), so these are set by whoever uses the connection, each time it starts to. */
/* The session's answers about views, arg setting_arg; called from the thread running the
 * statement. */
struct catalog_views {
	/* pg_get_viewdef: view's query (as SQLite keeps it) written as PostgreSQL SQL, its
	 * relations qualified with schema unless NULL, pretty the pretty flag, wrap the wrap
	 * column (xlat_viewdef's contract). */
	bool (*viewdef)(void *arg, const char *view, const char *query, const char *schema,
			bool pretty, int wrap, struct arena *a, const char **out,
			struct pgerr *err);
	/* PostgreSQL's pg_relation_is_updatable(view, false): the events (4 INSERT, 8 DELETE, 16
	 * UPDATE) view takes as an automatically updatable view, and whether each of its first
	 * ncols columns is updatable into cols (pg_column_is_updatable). NULL: none. */
	int (*updatable)(void *arg, const char *view, bool *cols, size_t ncols);
};
struct catalog_session {
	const char *user;     /* current_user, session_user, owner of every object */
	const char *database; /* current_database(), the one row of pg_database */
	uint32_t backend_pid; /* pg_backend_pid() */
	/* current_setting(name): the session's value, or NULL when the name is unknown. */
	const char *(*setting)(void *arg, const char *name);
	/* pg_settings: the i-th setting (0-based) with its description and whether SET may
	 * change it; false past the last. May be NULL (pg_settings then lists no settings). */
	bool (*setting_at)(void *arg, size_t i, const char **name, const char **description,
			   bool *read_only);
	void *setting_arg;
	/* set_config(name, value, is_local): sets a setting as SET (LOCAL) does (value NULL:
	 * RESET); false with err set. May be NULL (set_config is then refused with 0A000). */
	bool (*set_setting)(void *arg, const char *name, const char *value, bool local,
			    struct pgerr *err);
	/* currval()/lastval(): the values this session obtained (catalog_seqvals_new); NULL:
	 * none are remembered. Owned by the session, which outlives its connections. */
	struct catalog_seqvals *seqvals;
	/* pg_stat_activity and pg_locks: the tenant's sessions and advisory locks, allocated in
	 * a (which the caller of the callback owns). NULL: the relations are empty. */
	size_t (*activity)(void *arg, struct arena *a, struct catalog_activity **out);
	size_t (*locks)(void *arg, struct arena *a, struct catalog_lock **out);
	/* pg_cursors and pg_prepared_statements: the session's open cursors and named prepared
	 * statements, arg setting_arg, allocated in a. NULL: none. */
	void (*portals)(void *arg, struct arena *a, struct catalog_portals *out);
	/* A session without a default tenant: the tenants it may reach, which pg_namespace and
	 * information_schema.schemata list as schemas in place of public, arg setting_arg; the
	 * names, sorted by strcmp, are allocated in a or kept by the session until the next
	 * call. -1 with err set
	 * when they cannot be listed (too many). NULL: the session has a tenant (public). */
	long (*schemas)(void *arg, struct arena *a, const char ***out, struct pgerr *err);
	/* The name shown for the schema of the connection's own objects (namespace 2200): NULL
	 * for public. A session without a default tenant whose connection is tenant acme's file
	 * (its search_path names acme) shows acme, which schemas then leaves out. */
	const char *own_schema;
	/* What the translator says of the tenant's views (pg_get_viewdef, updatability); NULL:
	 * the query as kept, and no view updatable. */
	const struct catalog_views *views;
	/* pg_database: the databases the user may reach besides database (the tenants its
	 * patterns reach, and the databases naming no tenant), arg setting_arg, allocated in a or
	 * kept by the session until the next call; -1 with err when they cannot be listed.
	 * NULL: database alone. */
	long (*databases)(void *arg, struct arena *a, const char ***out, struct pgerr *err);
	/* pg_authid, pg_roles: the users besides user (the users file's), arg setting_arg,
	 * allocated in a or kept by the session until the next call. NULL: user alone. */
	size_t (*roles)(void *arg, struct arena *a, const char ***out);
	/* pg_database_size of one of the databases besides the current one: the bytes of the
	 * tenant's file (0 for a database naming no tenant), -1 when there is none. NULL: -1. */
	int64_t (*database_size)(void *arg, const char *name);
	/* inet_client_addr()/inet_client_port() and inet_server_addr()/inet_server_port(): one
	 * of the connection's two TCP ends (server: the server's) as text into addr and its port,
	 * arg setting_arg; false for a Unix socket (the functions: NULL). NULL: always false. */
	bool (*inet)(void *arg, bool server, char *addr, size_t len, int *port);
};

/* A session's memory of the sequence values it obtained (nextval, setval), as PostgreSQL
 * keeps it per backend. _reset forgets them (DISCARD SEQUENCES / ALL). */
struct catalog_seqvals;
struct catalog_seqvals *catalog_seqvals_new(void);
void catalog_seqvals_free(struct catalog_seqvals *sv);
void catalog_seqvals_reset(struct catalog_seqvals *sv);
/* An INSERT let SQLite number a serial key (xlat_stmt.numbered_seq, the sequence's name,
 * "pg_temp.name" for a temporary table's): its currval and lastval become value, the last
 * number given, as PostgreSQL's DEFAULT nextval() leaves them. sv may be NULL. */
void catalog_seqvals_numbered(struct catalog_seqvals *sv, const char *seq, int64_t value);

/* A connection's catalog state: the schema model it caches and the session lent to it. */
struct cat_conn;

/* Registers the catalog's virtual tables and functions on db and returns db's catalog state.
 * Call once per connection, before any other statement; everything registered (the state too)
 * is freed when db is closed. NULL with err set (XX000) when SQLite refuses a registration. Does not block. The catalog reads the
 * schema with its own statements on db (sqlite_schema, PRAGMA schema_version, page_count,
 * page_size, table_xinfo, index_list, index_xinfo, foreign_key_list, dbstat): an authorizer
 * on db must allow them. */
struct cat_conn *catalog_register(sqlite3 *db, struct pgerr *err) MUST_CHECK;

/* db's transaction rolled back: a model the catalog read inside it may hold DDL that never
 * happened, and schema_version may later come back to the same number with another schema, so
 * the next use reads the model again. A store: safe in SQLite's rollback hook. */
void catalog_rolled_back(struct cat_conn *cc);

/* The flag of partition part's copy of partitioned table table's row trigger name that ALTER
 * TABLE part {ENABLE | DISABLE} TRIGGER set (catalog_trigpart.c): 0 disabled, 1 enabled,
 * 2 always, 3 replica; -1 when the copy has the trigger's own. May run inside a statement. */
int catalog_trigger_part_enabled(sqlite3 *db, const char *table, const char *name,
				 const char *part);
/* Whether any partition's copy ever had a flag of its own (the sidecar exists). */
bool catalog_trigger_parts_any(sqlite3 *db);

/* db is about to close: finalizes the statements the catalog keeps on it between statements
 * (catalog_partition_of's), which would keep sqlite3_close_v2 from freeing it. */
void catalog_closing(struct cat_conn *cc);

/* While numbers of table's serial key are held ahead (shard_serial.c), its sqlite_sequence row
 * is ahead of the sequence: fn answers true with the last number given, which nextval,
 * `SELECT * FROM t_id_seq` and pg_sequences then read as the sequence's state. written is
 * called just before the catalog writes table's sqlite_sequence row itself (setval, nextval,
 * ALTER SEQUENCE ... RESTART, TRUNCATE ... RESTART IDENTITY) with the value it writes (0:
 * the row is deleted): that is then the last number given. Set by the shard on each tenant
 * connection; arg is passed back. */
typedef bool catalog_serial_given_fn(void *arg, const char *table, int64_t *given);
typedef void catalog_serial_written_fn(void *arg, const char *table, int64_t last);
void catalog_set_serial_given(struct cat_conn *cc, catalog_serial_given_fn *fn,
			      catalog_serial_written_fn *written, void *arg);

/* A sequence of its own (a sidecar row in the tenant's file, not a temporary one) gives its
 * numbers through the shard (shard_seq.c), which holds them ahead for the tenant as
 * PostgreSQL logs SEQ_LOG_VALS ahead: nextval and setval are not undone by a rollback and do
 * not wait for other transactions. def: the sequence's options as the caller reads them.
 * next and set answer SQLITE_OK (next: *v), an SQLite code for the statement (SQLITE_BUSY:
 * park and run it again), CATALOG_SEQ_LIMIT (next: the end reached without CYCLE) or
 * CATALOG_SEQ_ROW: the caller's transaction changed the sequence's row itself (DDL, or a
 * sequence it created), so the row in that transaction is the state, as before. peek: the
 * state the tenant holds (last given, is_called, log_cnt), false when the row says it. ddl:
 * just before the caller's transaction writes name's row by DDL (CREATE, ALTER, DROP,
 * RENAME, TRUNCATE ... RESTART IDENTITY). Set by the shard on each tenant connection. */
struct catalog_seq_def {
	const char *name;
	int64_t inc, min, max, cache;
	bool cycle;
};
#define CATALOG_SEQ_ROW (-1)
#define CATALOG_SEQ_LIMIT (-2)
struct catalog_seq_ops {
	int (*next)(void *arg, const struct catalog_seq_def *def, int64_t *v);
	int (*set)(void *arg, const struct catalog_seq_def *def, int64_t v, bool called);
	bool (*peek)(void *arg, const char *name, int64_t inc, int64_t *last, bool *called,
		     int64_t *log_cnt);
	void (*ddl)(void *arg, const char *name);
};
void catalog_set_seq_ops(struct cat_conn *cc, const struct catalog_seq_ops *ops, void *arg);

/* information_schema.view_column_usage: the columns of tables and views that view's query
 * reads, as SQLite resolves them when it prepares the view (the column dependencies
 * PostgreSQL records for its _RETURN rule): fn calls note(note_arg, table, column, via) for
 * each, via the innermost view or WITH query SQLite read it in (NULL: the view's own query),
 * a column read twice given twice. Set by the shard on each tenant connection; arg is passed
 * back. May run statements on the connection. */
typedef void catalog_column_note_fn(void *arg, const char *table, const char *column,
				    const char *via);
typedef void catalog_view_reads_fn(void *arg, const char *view, bool temp,
				   catalog_column_note_fn *note, void *note_arg);
void catalog_set_view_reads(struct cat_conn *cc, catalog_view_reads_fn *fn, void *arg);

/* DROP ... CASCADE's dependents: each object a cascade drops is noted on its connection as
 * PostgreSQL names it ("view v", "constraint c_fkey on table c"); the session takes the
 * list after the statement (malloc'd "what\n" lines, NULL when none; the caller frees) for
 * PostgreSQL's NOTICE "drop cascades to ...", and before it, to forget a failed one's. */
void catalog_cascaded_note(struct cat_conn *cc, const char *what);
char *catalog_cascaded_take(struct cat_conn *cc);

/* Lends the session facts to the connection's catalog until the next call (NULL: none; user
 * and database then read as "shardlite"). The strings and the struct must stay valid until
 * then. A pointer store: cheap enough for every transaction. */
void catalog_lend(struct cat_conn *cc, const struct catalog_session *s);

/* The table OID and column number (attnum) RowDescription reports for each result column of
 * vm (a statement of cc's connection) that is a plain column of one of the tenant's tables,
 * as PostgreSQL does; 0 for any other column. table_oids and attnums have
 * sqlite3_column_count(vm) entries. Reads the schema model (PRAGMA schema_version, the model
 * reloaded when it moved) when some column comes from a table; never fails (0s instead). */
/* The OID and attnum of column col of relation rel (a table, view or materialized view of
 * the tenant; a temporary one first, as SQLite finds a name), as RowDescription reports a
 * column read through a view (the view's, not the table below it: PostgreSQL's origin stops
 * at the view); col NULL: the whole row (SELECT t FROM t), rel's OID and attnum 0; false
 * (0s) when there is no such column. Reads the schema model as
 * catalog_column_origins does. */
bool catalog_rel_column(struct cat_conn *cc, const char *rel, const char *col, uint32_t *oid,
			int16_t *attnum);
void catalog_column_origins(struct cat_conn *cc, sqlite3_stmt *vm, uint32_t *table_oids,
			    int16_t *attnums);
/* The PostgreSQL type of vm's result column i when it reads a serial key directly (SQLite's
 * rowid alias, declared INTEGER, which would read as bigint: RETURNING *, a view's column),
 * from the catalog's column sidecar; 0 for any other column. Runs one short statement. */
uint32_t catalog_serial_type(sqlite3_stmt *vm, int i);

/* The tenant's column types, for the translator's schema (xlat_schema). A column's declared
 * PostgreSQL type and typmod; type_oid 0 when not declared (a view's computed column). */
struct catalog_column {
	const char *name;
	uint32_t type_oid;
	int32_t typmod;
	char identity;         /* attidentity: 'a', 'd' or '\0' */
	const char *rowid_seq; /* a serial key (the rowid alias): its sequence's name (a temporary
				* table's "pg_temp.name"), else NULL */
	bool rowid_key;        /* a plain integer key that is the rowid alias (see xlat.h) */
	bool generated;        /* a stored generated column */
	bool collate_c;        /* declared COLLATE "C" (attcollation 950, not the default) */
};
/* A table's PRIMARY KEY or UNIQUE constraint: its name and columns in key order. */
struct catalog_ukey {
	const char *name;
	const char *const *cols;
	size_t ncols;
	bool deferrable; /* UNIQUE / PRIMARY KEY ... DEFERRABLE (xlat_defkey.c) */
	bool primary;
	bool index_only; /* a CREATE UNIQUE INDEX of plain columns, no constraint: a foreign
			  * key may reference it, nothing may name it as a constraint */
	/* per column: its btree operator class's name (the type's default when none is named;
	 * NULL: not known), what ON CONFLICT (col opclass) must name to infer it */
	const char *const *opclass;
};
struct catalog_relation {
	const char *name;
	const struct catalog_column *cols;
	size_t ncols;
	const char *const *pkey; /* a table's primary key columns, in key order */
	size_t npkey;
	/* its PRIMARY KEY and UNIQUE constraints, then its FOREIGN KEY and CHECK ones (ncols 0),
	 * then its unique indexes without a constraint (index_only) */
	const struct catalog_ukey *ukeys;
	size_t nukeys;
	const char *const *dflt_sql; /* per column: its default as SQLite's text, NULL: none */
	const bool *text_affinity;   /* per column: SQLite's TEXT affinity by its declared type */
	bool unpopulated;            /* a materialized view made or refreshed WITH NO DATA */
	bool matview;                /* a materialized view (its rows change by REFRESH only) */
	bool composite; /* a composite type (CREATE TYPE ... AS): a row type, no relation */
	bool view;      /* a view: SQLite writes one only through INSTEAD OF triggers */
	char partition; /* 'p' a partitioned table, 'c' a partition (also a view), 's' a
			   * partition that is partitioned (a view too), 0 neither */
};
/* An enum type of the tenant (CREATE TYPE ... AS ENUM): its labels in sort order and the
 * columns of tables declared with it or an array of it (tables[i].columns[i]). */
struct catalog_enum {
	const char *name;
	uint32_t oid, array_oid;
	const char *const *labels;
	size_t nlabels;
	const char *const *tables;
	const char *const *columns;
	size_t nusers;
};
/* Whether pg_proc lists a built-in function named name (PostgreSQL 15's, also the types' I/O
 * functions and the operators' functions shardlite lists without calling them). A linear
 * search: for the error path of a call the translator does not know. */
bool catalog_builtin_function(const char *name);
/* catalog_procmatch.c: whether a built-in function named name could take a call's n
 * arguments of types[0..n) (PostgreSQL type OIDs, 0 or unknown for any; types NULL: the count
 * only), as PostgreSQL's candidate test for a call: 1 one could, -1 none could (42883), 0
 * pg_proc has no such name. A linear search: for the error path only. */
int catalog_builtin_call(const char *name, const uint32_t *types, size_t n);
/* The built-in operator whose function (pg_operator.oprcode) is name (int4pl: +), its operand
 * and result types into types[0..2] (types[0] 0 for a prefix operator); NULL when name is no
 * operator's function. A linear search, on the path of a call the translator does not know. */
const char *catalog_operator_function(const char *name, uint32_t types[3]);
/* Whether the tenant of db has created extension name (CREATE EXTENSION, its sidecar row). */
bool catalog_extension_created(sqlite3 *db, const char *name);
/* The tenant's own schemas (CREATE SCHEMA; src/catalog/catalog_nsp.c) sorted by name, in a
 * (*n 0: none). False on a SQLite error. */
bool catalog_local_schemas(sqlite3 *db, struct arena *a, const char ***names, size_t *n);

/* Large objects in the tenant's sidecars (src/catalog/catalog_lo.c), for the descriptor
 * functions (src/shard/shard_lofn.c). Whether object oid exists; its length in bytes. */
bool catalog_lo_exists(sqlite3 *db, uint32_t oid);
int64_t catalog_lo_size(sqlite3 *db, uint32_t oid);
/* Sets ctx's result to the bytes of oid from off on, at most want of them (want < 0: to the
 * end), as bytea; or an error (off < 0: 22023). */
void catalog_lo_read(sqlite3_context *ctx, uint32_t oid, int64_t off, int64_t want);
/* Writes len bytes at off (a gap past the end reads as zeros) / cuts or extends oid to len
 * bytes; false with the error set on ctx (SQLITE_BUSY kept: the statement is retried). */
bool catalog_lo_write(sqlite3_context *ctx, uint32_t oid, int64_t off, const void *data,
		      int64_t len);
bool catalog_lo_truncate(sqlite3_context *ctx, uint32_t oid, int64_t len);
/* A domain of the tenant (CREATE DOMAIN): its base type as a column declares it ("int4",
 * "numeric(12,2)"; of a domain over another, the built-in type under the chain), NOT NULL, DEFAULT and CHECK expressions as PostgreSQL SQL (VALUE ...),
 * the checks in name order (the order PostgreSQL checks them in), and the columns of tables
 * declared with it (tables[i].columns[i]). */
struct catalog_domain {
	const char *name;
	uint32_t oid, array_oid;
	const char *base;
	bool notnull;
	const char *dflt; /* NULL: none */
	const char *const *connames;
	const char *const *checks;
	size_t nchecks;
	const char *const *tables;
	const char *const *columns;
	size_t nusers;
	const char *parent; /* the domain it is over (base is then that one's), NULL: none */
};
/* Every table's and view's columns, every enum type and every domain (*domains ends with an
 * entry whose name is NULL), copied into a, and a fingerprint of them all (equal schemas,
 * equal fingerprints, also across tenants; never 0). False when the schema cannot be read.
 * Runs one short statement (and reloads the catalog's model when the schema changed). */
bool catalog_schema_columns(sqlite3 *db, struct arena *a, const struct catalog_relation **rels,
			    size_t *nrels, const struct catalog_enum **enums, size_t *nenums,
			    const struct catalog_domain **domains, uint64_t *fingerprint);

/* Row-level security's sidecars (catalog_policy.c, made by xlat_policy.c's scripts): a
 * table's ENABLE/FORCE ROW LEVEL SECURITY flags and its policies, expressions as pg_get_expr
 * prints them. DDL on them moves schema_version through the index CATALOG_RLS_BUMP makes
 * again. catalog_rls_read reads them for the translator (struct xlat_rls, in a) with a hash
 * for the schema's fingerprint (0: none); false when they cannot be read. */
#define CATALOG_SIDECAR_ROWSECURITY "_shardlite_rowsecurity"
#define CATALOG_SIDECAR_POLICIES "_shardlite_policies"
#define CATALOG_RLS_SIDECARS                                                                                       \
	"CREATE TABLE IF NOT EXISTS " CATALOG_SIDECAR_ROWSECURITY " (relname TEXT PRIMARY KEY, "                   \
	"enabled INTEGER NOT NULL, forced INTEGER NOT NULL); CREATE TABLE IF NOT EXISTS " CATALOG_SIDECAR_POLICIES \
	" (relname TEXT NOT NULL, name TEXT NOT NULL, cmd TEXT NOT "                                               \
	"NULL, permissive INTEGER NOT NULL, roles TEXT, qual TEXT, with_check TEXT, PRIMARY KEY "                  \
	"(relname, name))"
#define CATALOG_RLS_BUMP                                                                                                \
	"; DROP INDEX IF EXISTS _shardlite_policies_v; CREATE INDEX _shardlite_policies_v ON " CATALOG_SIDECAR_POLICIES \
	" (cmd)"
struct xlat_rls;
bool catalog_rls_read(sqlite3 *db, struct arena *a, const struct xlat_rls **out, size_t *n,
		      uint64_t *hash);

/* A domain's constraint written into a column's definition is a SQLite CHECK named
 * CATALOG_DOMAIN_CHECK_PREFIX "<length of the domain's name>:<domain>:<constraint>" (an empty
 * constraint: the domain's NOT NULL), so that a violation names both (shard_error) and the
 * catalog tells it from the table's own. catalog_domain_check_name() takes such a name apart
 * into domain and con (NUL-terminated, cut to their sizes); false for any other name. */
#define CATALOG_DOMAIN_CHECK_PREFIX "shardlite_domain:"
bool catalog_domain_check_name(const char *name, char *domain, size_t dsize, char *con,
			       size_t csize);
/* A column's SQLite DEFAULT expression (without its outer parentheses) that the translator
 * wrapped in its column's check (src/xlat/xlat_ddl.c, refit: a default that does not fit the
 * column as written, fitted each time a row takes it) as the value it wraps
 * (shardlite_varchar('too long', 5) → 'too long'); d itself when it is no such call. In a. */
const char *catalog_default_unrefit(struct arena *a, const char *d);
/* Starts the SQLite DEFAULT a column takes from its domain (the column has none of its own):
 * PostgreSQL shows no column default then. */
#define CATALOG_DOMAIN_DEFAULT_MARK "/* shardlite: domain default */"
/* Starts a generated column's SQLite expression: a comment holding the expression as
 * PostgreSQL text, which pg_attrdef and information_schema show (the SQLite text after the
 * comment is the translation). */
#define CATALOG_GENERATED_MARK "/* shardlite: generated as "
/* Starts an index's expression key or WHERE predicate in its stored CREATE INDEX text: a
 * comment holding it as PostgreSQL prints it from its stored tree (pg_get_expr,
 * pg_get_indexdef); the SQLite text after the comment is the translation. An index made
 * without it (before it was kept, or an expression not typed exactly) shows the SQLite text. */
#define CATALOG_INDEX_PG_MARK "/* shardlite: pg "
/* Follows CATALOG_INDEX_PG_MARK's comment when the pretty flag's text differs (no outer
 * parentheses, PRETTYFLAG_PAREN's fewer inner ones): pg_get_indexdef(oid, col, true), psql. */
#define CATALOG_INDEX_PRETTY_MARK "/* shardlite: pgp "
/* The same two comments at the start of a CHECK's expression in a table's stored CREATE
 * TABLE text (xlat_checkdef.c): pg_get_constraintdef, pg_constraint.conbin, check_clause. A
 * CHECK without them (made before they were kept, or not typed exactly) shows the SQLite text. */
#define CATALOG_CHECK_PG_MARK CATALOG_INDEX_PG_MARK
#define CATALOG_CHECK_PRETTY_MARK CATALOG_INDEX_PRETTY_MARK
/* Appends the PostgreSQL expression text [b, e) to sb with every column reference to from (a
 * bare or quoted identifier that is not a function's name nor qualified) written as to, as
 * PostgreSQL's deparser quotes it. For the texts kept beside SQLite's after RENAME COLUMN. */
void catalog_renamed_refs(struct strbuf *sb, const char *b, const char *e, const char *from,
			  const char *to);
/* Of a table's stored CREATE TABLE text: the text inside column's GENERATED ALWAYS AS (...)
 * (its PostgreSQL text's comment and the SQLite expression), and the name of a generated
 * column whose expression reads column; malloc'd, NULL when none. */
char *catalog_generated_clause(const char *table_sql, const char *column);
char *catalog_generated_reader(const char *table_sql, const char *column);
/* Whether column of the CREATE TABLE text table_sql is declared COLLATE BINARY (how the
 * translator keeps a column's COLLATE "C"). */
bool catalog_sql_collate_c(const char *table_sql, const char *column);
/* Whether a stored CREATE TABLE text declares an AUTOINCREMENT key (a serial or identity key
 * that is the rowid alias): the keyword as a token, not the word inside a string, a quoted
 * name or a comment. */
bool catalog_sql_autoincrement(const char *table_sql);

/* Whether name (exactly) is a sequence of db's tenant: CREATE SEQUENCE's or a serial key's.
 * Runs one short statement; false when it cannot be read. */
bool catalog_is_sequence(sqlite3 *db, const char *name);
/* REFERENCING's names of trigger name on table (sidecar _shardlite_trigger_refs, which only
 * triggers with transition tables made), copied into a; NULL each when there are none. */
void catalog_trigger_transition_names(sqlite3 *db, const char *table, const char *name,
				      struct arena *a, const char **old_table,
				      const char **new_table);

/* OIDs the catalog gives objects of the tenant's schema lie in [CATALOG_OID_MIN,
 * CATALOG_OID_MAX]: derived from the object's kind and name by FNV-1a, so they are the same
 * on every connection and survive restarts, and never meet a built-in OID (< 16384). */
#define CATALOG_OID_MIN 16384u
#define CATALOG_OID_MAX 0x7fffffffu

/* In the stored SQL of a unique index (after its name), marks it as a UNIQUE constraint of
 * its own: a second one on the same columns as another, which SQLite would fold into the
 * first inside CREATE TABLE (ALTER TABLE ... ADD UNIQUE, as Sequelize's sync repeats it). */
#define CATALOG_UNIQUE_MARK "/* shardlite: unique constraint */"
/* After CATALOG_UNIQUE_MARK in the stored SQL of a plain (not unique) index: the UNIQUE
 * constraint is DEFERRABLE (this mark) or DEFERRABLE INITIALLY DEFERRED (CATALOG_DEFERRED_MARK)
 * and its key is checked by the session, not SQLite (xlat_defkey.c). */
#define CATALOG_DEFERRABLE_MARK "/* shardlite: deferrable */"
#define CATALOG_DEFERRED_MARK "/* shardlite: deferrable initially deferred */"
/* ... and after them, the constraint is the table's PRIMARY KEY ... DEFERRABLE. */
#define CATALOG_PRIMARY_MARK "/* shardlite: primary key */"
/* In the stored SQL of an index (after its name), a comment with the access method and
 * operator classes CREATE INDEX named, which SQLite has no place for: this prefix, then
 * "gin (jsonb_path_ops)" (one class per key, empty for the default) and the comment's end;
 * absent: btree with default classes (catalog_index.c reads it; xlat_objects.c writes it,
 * as XLAT_INDEX_AM_MARK). */
#define CATALOG_INDEX_AM_MARK "/* shardlite: USING "
/* In the stored SQL of a UNIQUE index with INCLUDE (after its name): the included columns,
 * which the SQLite index leaves out (they would be part of what is unique): this prefix,
 * the names ("b", "C", quoted or bare, as RENAME COLUMN rewrites them) and " * /"; the
 * access method's mark counts them (INCLUDE n). Written by xlat_objects.c, read by
 * catalog_model.c (the index's last columns) and catalog_cascade.c (DROP COLUMN). */
#define CATALOG_INCLUDE_MARK "/* shardlite: include "
/* In the stored SQL of an index made NULLS NOT DISTINCT (after its name): pg_index's
 * indnullsnotdistinct. A UNIQUE one's NULLs are made equal by two triggers
 * (XLAT_NND_PREFIX, made and dropped to match the marks by the fkset sweep, catalog_fkset.c). */
#define CATALOG_NND_MARK "/* shardlite: nulls not distinct */"
/* In the stored SQL of a view (after its name), its options as pg_class.reloptions holds
 * them: this prefix, "check_option=local" or "check_option=cascaded", then ") * /" (written
 * by xlat_objects.c as XLAT_VIEW_OPTIONS_MARK; the writes through it check it,
 * xlat_updwco.c). */
#define CATALOG_VIEW_OPTIONS_MARK "/* shardlite: WITH ("
/* ... and a column's default (ALTER VIEW ... ALTER COLUMN ... SET DEFAULT): this prefix, the
 * column in double quotes, x'<PostgreSQL's text of the default in hex>', then " * /" (as
 * XLAT_VIEW_DEFAULT_MARK; pg_attrdef). */
#define CATALOG_VIEW_DEFAULT_MARK "/* shardlite: DEFAULT "
/* In the stored SQL of a table (after its opening parenthesis), marks it as a materialized
 * view (CREATE MATERIALIZED VIEW); its query and state are in the sidecar _shardlite_matviews
 * (docs/catalog.md). */
#define CATALOG_MATVIEW_MARK "/* shardlite: materialized view */"
/* After the opening parenthesis of a partitioned table's stored text (CREATE TABLE ...
 * PARTITION BY): this prefix, "LIST " or "RANGE ", the key column as a quoted identifier,
 * then " * /" (xlat_partition.c writes it as XLAT_PARTKEY_MARK). */
#define CATALOG_PARTKEY_MARK "/* shardlite: partition by "
/* After the opening parenthesis of a table's stored text (and a partition key's mark): its
 * storage parameters (CREATE TABLE ... WITH (...)) as pg_class.reloptions shows them, this
 * prefix, then "{fillfactor=70,autovacuum_enabled=off} * /" (xlat_relopt.c writes it). */
#define CATALOG_RELOPT_MARK "/* shardlite: reloptions "
/* After a partition's view name in its stored text: this prefix, the parent as a quoted
 * identifier, " x'", the hex of "kind\nbound\ncondition\nlower" and "' * /"
 * (catalog_part.c; xlat_partition.c reads it as XLAT_PARTITION_MARK). */
#define CATALOG_PARTITION_MARK "/* shardlite: partition of "
/* The partition of partitioned table parent that takes a row whose n columns are named cols
 * with values row (catalog_partfor.c: the partitions' conditions, prepared once and kept on
 * cc until the schema changes), as a malloc'd name; NULL when none takes it. The trigger
 * machinery's TG_TABLE_NAME: PostgreSQL fires the partition's copy of a row trigger. May run
 * inside a statement of cc's db. */
char *catalog_partition_of(struct cat_conn *cc, const char *parent, const char *const *cols,
			   sqlite3_value *const *row, size_t n);
/* Ends a CHECK or FOREIGN KEY table constraint of a stored CREATE TABLE text that was added
 * NOT VALID (ALTER TABLE ... ADD ... NOT VALID): pg_constraint.convalidated is false and
 * pg_get_constraintdef ends with " NOT VALID" until VALIDATE CONSTRAINT removes the mark;
 * a table rebuild's copy does not check it (shard_rebuild.c). */
#define CATALOG_NOT_VALID_MARK "/* shardlite: not valid */"
/* Ends the CHECK that makes a FOREIGN KEY ... MATCH FULL of several columns refuse a key
 * partly NULL (SQLite checks every key as MATCH SIMPLE): named as the key, it is no constraint
 * of the catalog's, goes and is renamed with the key (shard_coldef.c), and its violation is the
 * key's 23503 (shard_error.c). */
#define CATALOG_MATCH_FULL_MARK "/* shardlite: match full */"

/* The OID of a relation (table, view, index or sequence) of the tenant named name. */
uint32_t catalog_rel_oid(const char *name);
/* The same of one in the session's temp schema (a temporary table hides a permanent one of
 * its name, which has the other OID). */
uint32_t catalog_temp_rel_oid(const char *name);
/* The OID of the row type of table or view name (pg_class.reltype). */
uint32_t catalog_rowtype_oid(const char *name);
/* The OID of the array type of that row type (pg_type's _name row: pt[]). */
uint32_t catalog_rowarray_oid(const char *name);
/* The OID of the schema a session without a default tenant sees for tenant name. */
uint32_t catalog_schema_oid(const char *name);
/* Its inverse over a session's listing: the tenant among names[0..n) (the tenants it lists as
 * schemas; n < 0: none) whose schema OID is oid, or NULL. */
const char *catalog_schema_tenant(const char *const *names, long n, uint32_t oid);

/* True when name is a relation the catalog provides under its SQLite name (pg_class,
 * information_schema_tables, ...; for tests: the translator keeps its own list so that it
 * does not link this floor). */
bool catalog_has_relation(const char *name);
/* The declared columns of pg_catalog relation name (pg_class, pg_attribute, pg_tables ...) or
 * of an information_schema view by its SQLite name (information_schema_columns), with the
 * PostgreSQL types a result column of theirs reports, copied into a; false when name is not
 * one. */
bool catalog_relation_columns(const char *name, struct arena *a, const struct catalog_column **cols,
			      size_t *ncols);

#endif
