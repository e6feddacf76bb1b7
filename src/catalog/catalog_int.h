/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_int.h: private to the catalog — the schema model built from SQLite's own schema,
 * the row sets the virtual tables serve, and the entry points each catalog_*.c file offers. */
#ifndef SHARDLITE_CATALOG_INT_H
#define SHARDLITE_CATALOG_INT_H

#include "catalog.h"

/* Built-in OIDs the catalog reports (PostgreSQL 15's pg_*.dat). */
enum {
	CAT_NS_PG_CATALOG = 11,
	CAT_NS_PUBLIC = 2200,
	CAT_NS_INFORMATION_SCHEMA = 13000, /* initdb assigns it; any fixed value below 16384 */
	CAT_ROLE_BOOTSTRAP = 10,           /* the session user stands in for it */
	CAT_ROLE_DATABASE_OWNER = 6171,
	CAT_AM_HEAP = 2,
	CAT_AM_BTREE = 403,
	CAT_COLL_DEFAULT = 100,
	CAT_COLL_C = 950,
	CAT_DB_OID = 16384 - 1, /* below user OIDs: the tenant's one pg_database row */
	CAT_TABLESPACE_DEFAULT = 1663,
	CAT_PLPGSQL_EXT_OID = 13559,  /* initdb's pg_extension row of plpgsql */
	CAT_PLPGSQL_LANG_OID = 13563, /* ... and its pg_language row */
};

/* ---- the model: the tenant's schema as PostgreSQL would describe it ---- */
struct cat_col {
	const char *name;
	uint32_t typoid;
	int32_t typmod;
	int ndims;
	bool notnull;
	const char *dflt; /* PostgreSQL's spelling of the default (pg_get_expr), NULL: none */
	uint32_t dflt_oid;
	char generated; /* '\0' or 's' (stored) */
	char identity;  /* attidentity: 'a' GENERATED ALWAYS, 'd' BY DEFAULT, '\0' neither */
	int pk;         /* position in the primary key, 0: not in it */
	const char *rowid_seq; /* a serial key (the rowid alias): the sequence numbering it */
	/* a plain integer key that is the rowid alias (INTEGER PRIMARY KEY, no AUTOINCREMENT),
	 * its PostgreSQL type a row of the column sidecar: nothing numbers it */
	bool rowid_key;
	bool integer_decl; /* declared exactly INTEGER: the rowid alias when the table's only key */
	bool text_affinity; /* SQLite gives it TEXT affinity (pgtype_decl_text_affinity) */
	const char *dflt_sql;  /* SQLite's own text of the default (dflt_value), NULL: none */
	const struct cat_domain *domain; /* declared with a domain (typoid is its base type's) */
	/* a view's numeric expression column: the display scale the translator gave it (its
	 * numeric typmod of precision 0 or 1001, xlat_numeric.c), which pg_attribute does not
	 * show; 0: none (the column sidecar's identity "display:<typmod>") */
	int32_t display_typmod;
	/* COLLATE "C" on the column (CAT_COLL_C: the translator wrote SQLite's COLLATE BINARY
	 * after its type), 0: its type's collation */
	uint32_t collation;
};

struct cat_rel;

struct cat_index {
	struct cat_rel *rel; /* the index's own pg_class entry */
	struct cat_rel *table;
	bool unique, primary;
	int nkeys;
	int16_t *keys;       /* attnum per key, 0 for an expression */
	const char **exprs;  /* per key: the column name or the expression text */
	bool *desc;          /* per key: DESC (SQLite orders NULLs lowest: NULLS LAST then) */
	const char *pred;    /* WHERE of a partial index, NULL */
	/* the pretty flag's texts of exprs (per key) and pred (CATALOG_INDEX_PRETTY_MARK);
	 * where the index keeps none, the same as exprs and pred */
	const char **pretty_exprs;
	const char *pretty_pred;
	const char *conname; /* PRIMARY KEY / UNIQUE constraint behind it, NULL for CREATE INDEX */
	uint32_t conoid;
	uint32_t am;       /* pg_am OID: btree unless CATALOG_INDEX_AM_MARK names another */
	uint32_t *opclass; /* per key: the operator class CREATE INDEX named, 0: the default */
	int *siglen;       /* per key: gist_trgm_ops(siglen=n) as written, 0: none */
	char *nulls; /* per key: 'f' NULLS FIRST, 'l' NULLS LAST as written, 0: desc's default */
	const char *reloptions; /* WITH's "name=value, ..." as written, NULL: none */
	int nkeyatts; /* key columns: the first of nkeys; the rest are INCLUDE's columns */
	const char **exclops; /* an EXCLUDE constraint's: per key its operator's name; NULL */
	bool deferrable, initdeferred; /* a DEFERRABLE UNIQUE constraint's (xlat_defkey.c) */
	bool nulls_not_distinct;       /* indnullsnotdistinct (CATALOG_NND_MARK) */
	const char *part_of; /* a partition's index, kept on its parent (catalog_partown.c) */
	/* the partitioned table's index this one is a partition's copy of, or that adopted it
	 * (pg_inherits, conparentid; catalog_partinh.c); NULL */
	const struct cat_index *parent;
};

struct cat_fkey {
	const char *name;
	uint32_t oid;
	struct cat_rel *table;
	int ncols;
	int16_t *from;
	const char *reftable;
	const char **to_names; /* referenced columns by name (NULL entries: the primary key) */
	int16_t *to;
	char upd, del, match; /* confupdtype/confdeltype ('a','r','c','n','d'), 's'/'f' */
	bool deferrable, deferred; /* condeferrable, condeferred (from the table's text) */
	bool not_valid;            /* convalidated false (CATALOG_NOT_VALID_MARK) */
	int16_t *delset;           /* confdelsetcols: ON DELETE SET NULL (cols) (catalog_fkset.c) */
	int ndelset;
	/* a copy PostgreSQL makes of a partitioned table's key on each partition, and of a key
	 * referencing a partitioned table for each of its partitions (conparentid;
	 * catalog_partinh.c), NULL */
	const struct cat_fkey *parent;
};

struct cat_check {
	const char *name;
	uint32_t oid;
	const char *expr; /* as written in the SQLite schema */
	/* as PostgreSQL prints it without and with the pretty flag (CATALOG_CHECK_PG_MARK),
	 * else the SQLite text without marks */
	const char *pg, *pretty;
	struct cat_rel *table;
	bool not_valid; /* convalidated false (CATALOG_NOT_VALID_MARK) */
};

struct cat_rel {
	const char *name;
	uint32_t oid;
	char kind; /* 'r', 'v', 'i', 'S' (a sequence), 'c' (a composite type) */
	struct cat_col *cols;
	int ncols;
	struct cat_index *index; /* kind 'i': what it indexes */
	const char *sql;
	const char *sqlname; /* its name in sqlite_schema, NULL when SQLite has none */
	bool temp; /* in the connection's temp schema: a temporary table or its index */
	/* A materialized view (kind 'r', its SQL marked CATALOG_MATVIEW_MARK): pg_class shows
	 * relkind 'm'; its query (PostgreSQL text) and state from _shardlite_matviews. */
	bool matview, populated;
	const char *definition;
	/* A partitioned table (relkind 'p'): its (first) key column, all of them, and strategy
	 * ('l', 'r', 'h'); a partition (a view in SQLite, kind 'r' here): its parent and bound
	 * text (catalog_part.c). */
	const char *part_key, *part_parent, *part_bound;
	const char **part_keys;
	int part_nkeys;
	char part_strategy;
	bool part_default;
};

/* The schema temporary tables show in (PostgreSQL's pg_temp_N of the session's backend) and
 * its OID; each session has its own connection's temp schema, so one name serves. */
#define CAT_NS_TEMP_NAME "pg_temp_3"
#define CAT_NS_TEMP 16385

struct cat_seq {
	const char *name;
	uint32_t oid;
	struct cat_rel *rel; /* its pg_class entry, kind 'S' */
	uint32_t typoid;     /* int2, int4 or int8 */
	int64_t start, inc, min, max, cache;
	bool cycle;
	const char *owner_table, *owner_col; /* OWNED BY (or the serial column), NULL: none */
	int owner_attnum;
	bool implicit; /* a serial primary key's: its state is the table's sqlite_sequence row */
};

/* A COMMENT, resolved to its object: objsubid is the column's attnum, 0 for a relation. */
struct cat_comment {
	uint32_t classoid; /* pg_class's 1259, pg_constraint's 2606 or pg_proc's 1255 */
	uint32_t objoid;
	int subid;
	const char *text;
};

/* The sidecar tables in a tenant's file (created by the first CREATE SEQUENCE or COMMENT;
 * their layout is in docs/catalog.md and src/xlat/xlat_seq.c). */
#define CAT_SIDECAR_SEQUENCES "_shardlite_sequences"
#define CAT_SIDECAR_COMMENTS "_shardlite_comments"
/* What a column's SQLite declared type cannot say: a serial key's PostgreSQL type (its
 * declared type must be INTEGER) and identity columns' kind (written by CREATE TABLE). */
#define CAT_SIDECAR_COLUMNS "_shardlite_columns"
#define CAT_SIDECAR_MATVIEWS "_shardlite_matviews"
/* A serial key's sequence name when it is not table_column_seq (after a rename: PostgreSQL
 * keeps the name), written by catalog_seqname.c. */
#define CAT_SIDECAR_SERIALS "_shardlite_serials"
/* Enum types: one row per label (type_name, label, sortorder), written by shardlite_enum. */
#define CAT_SIDECAR_ENUMS "_shardlite_enums"
/* Domains: one row per domain (conname '') and one per CHECK constraint, written by
 * shardlite_domain (catalog_domain.c). */
#define CAT_SIDECAR_DOMAINS "_shardlite_domains"
/* (domain_name, conname) of each domain CHECK added NOT VALID and not validated since */
#define CAT_SIDECAR_DOMAIN_NOT_VALID "_shardlite_domain_not_valid"
/* Extensions created (name, version), written by shardlite_extension (catalog_ext.c). */
#define CAT_SIDECAR_EXTENSIONS "_shardlite_extensions"
/* GRANT/REVOKE on relations (relname, kind, grantee, privs), written by shardlite_grant
 * (catalog_grant.c). */
#define CAT_SIDECAR_PRIVILEGES "_shardlite_privileges"
/* Composite types: one row per attribute (type_name, attnum, attname, atttype) and the type's
 * own row (attnum 0), written by shardlite_comptype (catalog_comptype.c). */
#define CAT_SIDECAR_COMPTYPES "_shardlite_comptypes"

/* The tenant's own schemas: one row each (name, owner, comment), written by shardlite_schema
 * (catalog_nsp.c); an object t of schema s is the SQLite object "s.t". */
#define CAT_SIDECAR_SCHEMAS "_shardlite_schemas"

/* A table's VACUUM and ANALYZE history: one row per table (name, last_vacuum, vacuum_count,
 * last_analyze, analyze_count; times in microseconds since 1970), written by
 * shardlite_vacuumed (catalog_vacstat.c). */
#define CAT_SIDECAR_VACUUM "_shardlite_vacuum"
struct cat_vacstat {
	int64_t last_vacuum, vacuum_count, last_analyze, analyze_count; /* 0: never */
};
/* Table sqlname's row into out (zeros without one); false on an SQLite error. */
bool cat_vacstat_read(sqlite3 *db, const char *sqlname, struct cat_vacstat *out);
bool cat_vacstat_register(sqlite3 *db, struct cat_conn *cc);
/* Table table's history follows its rename to to, or goes with it when to is NULL (DROP
 * TABLE: a table made later under the name starts again, as PostgreSQL's new OID does);
 * false with the error set in ctx. */
bool cat_vacstat_moved(sqlite3_context *ctx, const char *table, const char *to);
/* timestamptz text of us microseconds since 1970 as PostgreSQL prints it in UTC; NULL for 0. */
const char *cat_ts_text(struct arena *a, int64_t us);
struct cat_nsp {
	const char *name;
	const char *comment; /* NULL: none */
	uint32_t oid;	     /* catalog_schema_oid(name): stable */
};

/* An enum type (catalog_enum.c): its labels in sort order. A column of it declares the
 * type's name in SQLite ("mood", or "mood[]" for an array of it). */
struct cat_enum {
	const char *name;
	uint32_t oid, array_oid; /* derived from "type" + name and "type" + "_" + name */
	size_t n, cap;
	const char **labels;
	double *orders; /* pg_enum.enumsortorder */
};

/* A SQLite trigger of one of the tenant's tables (catalog_trigger.c). */
struct cat_trigger {
	const char *name, *sql;
	const struct cat_rel *table;
	uint32_t oid;
	int16_t type; /* pg_trigger.tgtype */
	uint32_t foid; /* CREATE TRIGGER's (catalog_udf.c): its function; 0 for SQLite's own */
	int16_t nargs;
	char enabled; /* tgenabled: 'O', or 'D' after DISABLE TRIGGER; 0: 'O' */
	const char *oldtable, *newtable; /* REFERENCING's transition table names, or NULL */
	const char *updcols; /* UPDATE OF's columns joined by 0x1f, or NULL */
	/* CREATE CONSTRAINT TRIGGER [DEFERRABLE [INITIALLY DEFERRED]]: a pg_constraint row
	 * (contype 't') of its name; constrrel: FROM's table, or NULL */
	bool constraint, deferrable, initdeferred;
	const char *constrrel;
	/* a partition's copy of its partitioned table's row trigger (tgparentid;
	 * catalog_partinh.c), NULL */
	const struct cat_trigger *parent;
};

/* The oid of the pg_constraint row of constraint trigger g. */
uint32_t cat_trigger_conoid(const struct cat_trigger *g);
/* After DROP TABLE ref (shardlite_forget): the constraint triggers made FROM ref go too
 * (PostgreSQL's automatic dependency of tgconstrrelid), their SQLite triggers and sidecar
 * rows. False (the error set on ctx) when they could not be dropped. */
bool cat_trigger_from_forget(sqlite3_context *ctx, const char *ref);

struct cat_model {
	struct arena *a;
	struct cat_trigger **triggers;
	size_t ntriggers;
	struct cat_seq **seqs; /* each also in rels, kind 'S' */
	size_t nseqs;
	struct cat_comment **comments;
	size_t ncomments;
	const char *public_comment; /* COMMENT ON SCHEMA public ("": none); NULL: initdb's */
	bool has_sidecar; /* its rows change without a schema change: see cat_conn_model */
	bool has_seq_table, has_comment_table;
	/* the same sidecars in the temp schema: temporary sequences, a temporary table's serial
	 * columns and comments, which die with the session's connection */
	bool has_temp_seq_table, has_temp_comment_table;
	bool has_serials_table, has_temp_serials_table; /* CAT_SIDECAR_SERIALS */
	struct cat_rel **rels; /* tables and views, then indexes */
	size_t nrels;
	struct cat_index **idx;
	size_t nidx;
	struct cat_fkey **fks;
	size_t nfks;
	struct cat_check **checks;
	size_t nchecks;
	struct cat_enum **enums;
	size_t nenums;
	bool has_enum_table;
	struct cat_domain **domains;
	size_t ndomains;
	struct cat_nsp *nsps; /* the tenant's own schemas (catalog_nsp.c), by name */
	size_t nnsps;
};

/* An index key's, predicate's or CHECK's texts: the PostgreSQL ones the translator kept
 * before the SQLite one (CATALOG_INDEX_PG_MARK, CATALOG_INDEX_PRETTY_MARK, in a), else the
 * stored text e as it is for both. */
const char *cat_pg_text(struct arena *a, const char *e, const char **pretty);
/* Reads db's schema into a new model (in a fresh arena). False with err on a SQLite error. */
bool cat_model_load(sqlite3 *db, struct cat_model *m, struct pgerr *err);
void cat_model_free(struct cat_model *m);
struct cat_rel *cat_model_rel(const struct cat_model *m, const char *name);
/* The relation of that name in one SQLite schema only (temp: the temp schema), or NULL. */
struct cat_rel *cat_model_rel_in(const struct cat_model *m, const char *name, bool temp);
struct cat_rel *cat_model_rel_oid(const struct cat_model *m, uint32_t oid);
/* The relation a regclass argument names: a text value by its name, a number by its OID; NULL
 * when none. */
struct cat_rel *cat_model_rel_value(const struct cat_model *m, sqlite3_value *v);
/* A view's query: its CREATE VIEW text after " AS "; NULL for anything but a view. */
const char *cat_view_query(const struct cat_rel *v);
/* View v's WITH CHECK OPTION as its reloption's value, "local" or "cascaded"; NULL: none. */
const char *cat_view_check_option(const struct cat_rel *v);
/* What a view depends on, as pg_depend records it (catalog_dump.c): each identifier of its
 * query, bare ones folded to lower case, strings skipped; next: the text after it, past
 * spaces ('(' for a call). */
typedef void cat_ident_fn(void *arg, const char *ident, const char *next);
void cat_view_each_ident(const char *query, cat_ident_fn *fn, void *arg);
/* Each table or view of the tenant the query of view v names (not v; a name given twice is
 * given twice): the relations its _RETURN rule depends on in pg_depend. */
typedef void cat_view_rel_fn(void *arg, const struct cat_rel *t);
void cat_view_each_rel(const struct cat_model *m, const struct cat_rel *v, cat_view_rel_fn *fn,
		       void *arg);
/* Each call of the tenant's functions in view v's query: the function's name ("pg_temp.f"
 * for a temporary one's) and signature (its argument type OIDs, "23 25"), as the translator
 * chose it; a function called twice is given twice. */
typedef void cat_view_call_fn(void *arg, const char *name, const char *sig);
void cat_view_each_call(const struct cat_rel *v, cat_view_call_fn *fn, void *arg);
uint32_t cat_oid(const char *kind, const char *a, const char *b);
/* Whether relation oid is hidden by one of its name in another schema: a permanent one by a
 * temporary one (pg_temp first in search_path), or that one by it (pg_temp named later). */
bool cat_rel_shadowed(struct cat_conn *cc, uint32_t oid);
/* The OID of constraint name of table t (a temporary table's apart from a permanent one's). */
uint32_t cat_con_oid(const struct cat_rel *t, const char *name);
/* pg_get_constraintdef / pg_get_indexdef texts. */
const char *cat_fkey_def(const struct cat_model *m, const struct cat_fkey *f);
/* The unique index of the referenced table an FK relies on (conindid), 0: none. */
uint32_t cat_fkey_index(const struct cat_model *m, const struct cat_fkey *f);
/* A foreign key's conpfeqop, conppeqop and conffeqop ("{96}") into out, in a, as PostgreSQL
 * chooses them (catalog_fkeqop.c); false (out NULLs) when its referenced key is not known. */
bool cat_fkey_eqops(const struct cat_model *m, struct arena *a, const struct cat_fkey *f,
		    const char *out[3]);
const char *cat_index_def(const struct cat_model *m, const struct cat_index *ix);
/* pg_get_indexdef(oid, col, pretty): col 0 the whole CREATE INDEX (pretty: the table named
 * bare, the pretty texts), else that key as the column form prints it. */
const char *cat_index_def_ext(const struct cat_model *m, const struct cat_index *ix, int col,
			      bool pretty);
const char *cat_index_cols(const struct cat_model *m, const struct cat_index *ix);

/* catalog_rowtype.c: the row type of a table or view and its array type ("_name"); 0 for
 * indexes and sequences, which have none. */
uint32_t cat_rowtype_oid(const struct cat_rel *rel, bool array);
struct cat_rows;
/* Their pg_type rows, two per table or view, in namespace nsp (cat_conn_own_nsp). */
void cat_rowtype_rows(const struct cat_model *m, struct cat_rows *r, uint32_t nsp);
void cat_rowtype_put(struct cat_rows *r, uint32_t oid, uint32_t arr, const char *name,
		     uint32_t nsp, uint32_t rel);
/* How format_type prints row type oid ("t", "t[]") in a; NULL when oid is not one. */
const char *cat_rowtype_name(const struct cat_model *m, struct arena *a, uint32_t oid);

/* What pg_get_functiondef needs beyond a built-in's pg_proc row (catalog_fndef_data.c,
 * generated by scripts/gen-catalog-fndef), sorted by OID; NULL: none. */
struct cat_fndef {
	uint32_t oid;
	const char *support, *bin;
	const char *def; /* the whole text, for a function with an SQL-standard body */
};
const struct cat_fndef *cat_fndefs(size_t *n);
/* pg_get_functiondef(oid) (catalog_fndef.c). */
bool cat_fndef_register(sqlite3 *db);

/* ---- the DDL scanner: what pragmas do not tell (constraint names, CHECK, index keys) ---- */
/* GENERATED: not a constraint, a generated column's PostgreSQL text (CATALOG_GENERATED_MARK)
 * in expr. */
/* COLLATE: not a constraint, a column's COLLATE BINARY (its COLLATE "C"). */
enum cat_con_kind {
	CAT_CON_PK,
	CAT_CON_UNIQUE,
	CAT_CON_CHECK,
	CAT_CON_FK,
	CAT_CON_GENERATED,
	CAT_CON_COLLATE
};

struct cat_scanned {
	enum cat_con_kind kind;
	const char *name;   /* CONSTRAINT name, NULL */
	const char *column; /* column-level: its column, else NULL */
	const char **cols;  /* PRIMARY KEY/UNIQUE/FOREIGN KEY column names (table-level) */
	int ncols;
	const char *expr; /* CHECK expression text; GENERATED: its PostgreSQL text, NULL: none */
	const char *sql;  /* GENERATED: the whole text inside AS (...) */
	bool deferrable, deferred; /* FOREIGN KEY ... DEFERRABLE [INITIALLY DEFERRED] */
	bool match_full; /* FOREIGN KEY ... MATCH FULL (SQLite's pragma reports NONE) */
	bool not_valid;            /* CHECK, FOREIGN KEY: CATALOG_NOT_VALID_MARK follows it */
};

/* Scans a CREATE TABLE statement's text for its constraints. *out lives in a. */
void cat_scan_table(struct arena *a, const char *sql, struct cat_scanned **out, size_t *n);
/* The places in CREATE INDEX text: the table's name token after ON [table, table_end), the
 * end of the key list (past its ')'), the WHERE keyword and the predicate after it (both NULL
 * when there is none). False when the text is not of that shape. */
struct cat_index_parts {
	const char *table, *table_end, *keys_end, *where, *pred;
};
bool cat_scan_index_parts(const char *sql, struct cat_index_parts *out);
/* Scans CREATE INDEX text: the key list elements and the WHERE predicate (NULL). */
void cat_scan_index(struct arena *a, const char *sql, const char ***keys, int *nkeys,
		    const char **pred);

/* The trigger of a FOREIGN KEY ... ON DELETE SET NULL (cols) (XLAT_FKSET_PREFIX,
 * src/xlat/xlat_fkset.c): "... BEGIN UPDATE child SET set = NULL, ... WHERE keys = OLD.x AND
 * ...; END". False when sql is not of that shape. *out lives in a. */
struct cat_fkset {
	const char *child;
	const char **set, **keys;
	int nset, nkeys;
};
bool cat_scan_fkset(struct arena *a, const char *sql, struct cat_fkset *out);

/* True when sql uses word as an identifier (CHECK expressions: which columns they read). */
bool cat_scan_mentions(const char *sql, const char *word);
/* An identifier as PostgreSQL's quote_ident writes it. */
const char *cat_quote_ident(struct arena *a, const char *name);

/* ---- per-connection state ---- */
/* The model's freshness checks: two schema versions, data_version, six sidecar keys. */
#define CAT_CONN_STMTS 9

struct cat_conn {
	sqlite3 *db;
	const struct catalog_session *sess;
	struct cat_model model;
	bool have_model;
	int schema_version;
	int temp_version; /* the temp schema's (temporary tables), 0 while it has none */
	int64_t side_key; /* the sidecar's fingerprint, when the model has a sidecar */
	char *view_saved; /* CREATE OR REPLACE VIEW: the old view's columns (catalog_ddl.c) */
	char *views_marked; /* DROP VIEW ... CASCADE: views that compiled before (catalog_cascade.c) */
	char *cascaded;     /* what a CASCADE dropped, "view v\n" lines (catalog_cascaded_note) */
	catalog_serial_given_fn *serial_given; /* catalog_set_serial_given */
	catalog_serial_written_fn *serial_written;
	void *serial_arg;
	const struct catalog_seq_ops *seq_ops; /* catalog_set_seq_ops */
	void *seq_arg;
	catalog_view_reads_fn *view_reads; /* catalog_set_view_reads */
	void *view_reads_arg;
	/* rows filled for one cursor, lent to the others of the same statement run (catalog.c:
	 * a correlated subquery opens its cursor again for every outer row) */
	int open_cursors;
	struct cat_shared *shared;
	size_t nshared;
	sqlite3_stmt *stmts[CAT_CONN_STMTS]; /* the freshness checks' while a cursor is open */
	struct cat_view_memo *view_memo; /* catalog_viewmemo.c */
	/* the sidecar's key as read in this statement run, at total_changes side_run_changes
	 * (catalog.c: side_key_run) */
	bool side_run_valid;
	int64_t side_run_changes, side_run_key;
	/* partitioned tables' partitions, prepared (catalog_partfor.c); stale after a rollback */
	struct cat_partfor_cache *partfor;
	bool partfor_stale;
};

/* The model for db's current schema, reloaded when another connection changed it. NULL with
 * an error message in *msg (sqlite3_malloc'd) on failure. */
const struct cat_model *cat_conn_model(struct cat_conn *cc, char **msg);
const char *cat_conn_user(const struct cat_conn *cc);
/* For SQL functions whose user data is the cat_conn: the model, or NULL with the error
 * already set on ctx. */
const struct cat_model *cat_fn_model(sqlite3_context *ctx);
/* Sets s as ctx's text result (copied), or NULL when s is NULL. */
void cat_result_text(sqlite3_context *ctx, const char *s);
const char *cat_conn_database(const struct cat_conn *cc);
/* The name of the schema holding the tenant's objects: "public", or the tenant's own name for
 * a session without a default tenant (catalog_session.own_schema). */
const char *cat_conn_public(const struct cat_conn *cc);
/* Its OID: 2200 (public's), or in a session without a default tenant the tenant's schema OID
 * (catalog_schema_oid), the one the other tenants' connections list it under. */
uint32_t cat_conn_own_nsp(const struct cat_conn *cc);
/* s past a leading "<schema>." naming cat_conn_public (any case: "public.t", "acme.t"; or
 * double-quoted exactly: "\"public\".t"); s itself otherwise. */
const char *cat_conn_unqualify(const struct cat_conn *cc, const char *s);
/* The OID of schema name as the connection's catalog shows it (regnamespace): pg_catalog,
 * information_schema, pg_toast, the own schema (2200), and without a default tenant the
 * tenants listed; 0 when none of them. */
uint32_t cat_conn_schema_oid(struct cat_conn *cc, const char *name);
/* The name of schema oid as regnamespace prints it, allocated in a; NULL when unknown. */
const char *cat_conn_schema_name(struct cat_conn *cc, uint32_t oid, struct arena *a);
/* The tenants a session without a default tenant lists as schemas (catalog_session.schemas);
 * false when the session has a tenant (*n 0), or with r->err set when they cannot be listed. */
struct cat_rows;
bool cat_conn_schemas(struct cat_conn *cc, struct cat_rows *r, const char ***names, long *n);
/* Whether a relation's schema compared with v (an OID or a name) is one this connection's
 * catalog describes or that does not exist; false with *errmsg ("pgfn:0A000:...",
 * sqlite3_malloc'd) when v names a tenant of a session without a default tenant whose tables
 * are in another file than the connection's own. */
bool cat_conn_schema_check(struct cat_conn *cc, sqlite3_value *v, char **errmsg);

/* catalog_types.c: the SQL function behind catalog_schema_fingerprint/table_columns. */
int cat_types_register(sqlite3 *db, struct cat_conn *cc);

/* ---- rows served by the virtual tables ---- */
struct cat_val {
	int type; /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_TEXT, SQLITE_BLOB (i: its length) */
	int64_t i;
	const char *s;
};

/* One column's non-NULL rows sorted by type and value, made at its first = (catalog_filter.c). */
struct cat_order {
	size_t *rows;
	size_t n;
	bool made;
};

struct cat_rows {
	struct arena *a;
	int ncols;
	size_t n, cap; /* rows */
	struct cat_val *v;
	size_t col; /* next column of the row being added */
	char *err;  /* a fill that fails may say why: "pgfn:SSSSS:text", sqlite3_malloc'd */
	struct cat_order *order; /* ncols of them once filled (catalog.c), for every copy */
};

void cat_row(struct cat_rows *r);
void cat_int(struct cat_rows *r, int64_t v);
void cat_bool(struct cat_rows *r, bool v);
void cat_text(struct cat_rows *r, const char *s); /* copied; NULL puts NULL */
void cat_null(struct cat_rows *r);
void cat_char(struct cat_rows *r, char c); /* "char" column */
void cat_blob(struct cat_rows *r, const void *data, int n); /* bytea column; copied */
/* Appends from's rows (same ncols) to r; their text is shared, not copied, so from must
 * outlive r (rows made once per process). */
void cat_rows_append(struct cat_rows *r, const struct cat_rows *from);

/* One relation of pg_catalog: its columns (name and PostgreSQL type, SQL syntax) and the
 * function that fills its rows from the model. */
struct cat_reldef {
	const char *name;
	const char *columns;
	bool (*fill)(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
};

const struct cat_reldef *cat_reldefs(size_t *n);
/* Whether oid is one of information_schema's views in pg_class (numbered as initdb does). */
bool cat_infoschema_rel_oid(uint32_t oid);
/* pg_depend rows of the built-in relations pg_class lists (information_schema's views). */
void cat_infoschema_depends(struct cat_rows *r);
/* One pg_type row: the columns that differ between types; the rest (typisdefined, typdelim ',',
 * no domain, no default) are the same for every type shardlite lists. modin/modout NULL: "-". */
struct cat_type_row {
	uint32_t oid;
	const char *name;
	uint32_t nsp;
	int len;
	bool byval;
	char type, category;
	bool preferred;
	uint32_t relid;
	const char *subscript;
	uint32_t elem, array;
	const char *in, *out, *recv, *send, *modin, *modout, *analyze;
	char align, storage;
	uint32_t collation;
	uint32_t basetype; /* a domain's: typbasetype, typtypmod, typnotnull, typdefault */
	int32_t typmod;
	bool notnull;
	const char *dflt;
};
/* catalog_rel.c: puts t as a row of pg_type (the only place that knows its column order). */
void cat_type_put(struct cat_rows *r, const struct cat_type_row *t);
/* catalog_sysrowtype.c: the row type (array true: its array type) of the catalog's own
 * relation rel (a pg_catalog table, an information_schema view), 0 for none; and their
 * pg_type rows. */
uint32_t cat_sys_rowtype(uint32_t rel, bool array);
void cat_sys_rowtype_rows(struct cat_rows *r);
/* Puts domain d's row of pg_type and its array type's, both in namespace nsp: the base
 * type's storage and output functions, domain_in and domain_recv as PostgreSQL's. */
void cat_domain_type_put(struct cat_rows *r, const struct cat_domain *d, uint32_t nsp);
/* Puts a domain's CHECK constraint as a row of pg_constraint (catalog_rel.c knows its
 * columns): conname name, contypid domain, conbin expr, convalidated validated. */
void cat_domain_con_put(struct cat_conn *cc, struct cat_rows *r, uint32_t oid, const char *name,
			uint32_t domain, const char *expr, bool validated);
/* information_schema's views, named information_schema_<view> (catalog_infoschema.c). */
const struct cat_reldef *cat_infoschema_defs(size_t *n);
const struct cat_reldef *cat_infopriv_defs(size_t *n); /* catalog_infopriv.c */
const struct cat_reldef *cat_inforole_defs(size_t *n); /* catalog_inforole.c */
const struct cat_reldef *cat_infouse_defs(size_t *n);  /* catalog_infouse.c */
const struct cat_reldef *cat_infogrant_defs(size_t *n); /* catalog_infogrant.c */
const struct cat_reldef *cat_absent_defs(size_t *n);   /* catalog_rel_absent.c */
/* catalog_roles.c: pg_authid, pg_parameter_acl; a role's OID (the users file's users) and
 * the name of a role OID (NULL when none has it; allocated in a or the session's). */
const struct cat_reldef *cat_roles_defs(size_t *n);
/* catalog_rel_fixed.c: the database v names (a name or an OID) when pg_database lists it,
 * else NULL; *current when it is the session's own. Lists the databases (in a). */
const char *cat_database_find(struct cat_conn *cc, sqlite3_value *v, struct arena *a,
			      bool *current);
uint32_t cat_role_oid(const char *name);
const char *cat_role_name(struct cat_conn *cc, uint32_t oid, struct arena *a);
/* The role named name (the session user, pg_database_owner, the users file's), 0 when none. */
uint32_t cat_role_named(struct cat_conn *cc, const char *name, struct arena *a);
/* pg_tables, pg_views, pg_indexes, pg_user and friends (catalog_views.c). */
const struct cat_reldef *cat_views_defs(size_t *n);
/* pg_sequence, pg_sequences, information_schema.sequences, pg_depend, pg_description. */
const struct cat_reldef *cat_seq_defs(size_t *n);
/* pg_stat_activity, pg_locks, pg_stat_*_tables, pg_statio_*_tables, pg_cursors. */
const struct cat_reldef *cat_stat_defs(size_t *n);
/* A built-in function as PostgreSQL 15's pg_proc lists it (catalog_proc_data.c, generated by
 * scripts/gen-catalog-proc); array and vector columns in their text form, NULL: none. */
/* A built-in type's functions as PostgreSQL 15's pg_type names them ("-": none), generated
 * (catalog_proc_data.c); sorted by oid. */
struct cat_typeio {
	uint32_t oid;
	const char *in, *out, *recv, *send, *modin, *modout, *analyze;
};
const struct cat_typeio *cat_typeios(size_t *n);

struct cat_proc {
	uint32_t oid;
	const char *name;
	uint32_t lang;
	float cost, rows;
	uint32_t variadic;
	char kind;
	bool leakproof, strict, retset;
	char volatility, parallel;
	int16_t nargs, nargdefaults;
	uint32_t rettype;
	const char *argtypes, *allargtypes, *argmodes, *argnames, *src;
	/* what pg_get_function_arguments, _identity_arguments and _result print */
	const char *args, *identity_args, *result;
	const char *desc; /* pg_description's text, or NULL */
};
/* The rows, sorted by OID. */
const struct cat_proc *cat_procs(size_t *n);
/* PostgreSQL 15's built-in pg_cast rows, sorted by OID (catalog_proc_data.c). */
struct cat_cast {
	uint32_t oid, source, target, func;
	char context, method;
};
const struct cat_cast *cat_casts(size_t *n);
/* PostgreSQL 15's built-in pg_operator rows, sorted by OID; code, rest and join are the
 * regproc names, code_oid the function's OID (in cat_procs). */
struct cat_oper {
	uint32_t oid;
	const char *name;
	char kind;
	bool canmerge, canhash;
	uint32_t left, right, result, com, negate;
	const char *code, *rest, *join;
	uint32_t code_oid;
	const char *desc;
};
const struct cat_oper *cat_opers(size_t *n);
/* pg_aggregate's rows of the aggregates in cat_procs, sorted by aggfnoid; the regproc
 * columns as PostgreSQL prints them ("-": none). */
struct cat_agg {
	uint32_t fnoid;
	char kind;
	int16_t numdirectargs;
	const char *fnname, *transfn, *finalfn, *combinefn, *serialfn, *deserialfn, *mtransfn,
		*minvtransfn, *mfinalfn;
	bool finalextra, mfinalextra;
	char finalmodify, mfinalmodify;
	uint32_t sortop, transtype;
	int32_t transspace;
	uint32_t mtranstype;
	int32_t mtransspace;
	const char *initval, *minitval;
};
const struct cat_agg *cat_aggs(size_t *n);
/* The descriptions of the types pgtype knows, the access methods and the operator classes
 * and families, sorted by catalog (cls) and OID. */
struct cat_desc {
	const char *cls;
	uint32_t oid;
	const char *desc;
};
const struct cat_desc *cat_descs(size_t *n);
/* PostgreSQL 15's built-in pg_opclass rows in its heap's order (psql's \dAf aggregates them
 * unordered), and pg_opfamily's sorted by OID. */
struct cat_opclass {
	uint32_t oid, method;
	const char *name;
	uint32_t family, intype;
	bool isdefault;
	uint32_t keytype;
};
const struct cat_opclass *cat_opclasses(size_t *n);

/* ---- index access methods and operator classes (catalog_index.c) ---- */
struct cat_am {
	uint32_t oid;
	const char *name, *handler;
	char type; /* amtype: 't' table, 'i' index */
	bool canunique, canmulticol, canorder, caninclude;
	uint32_t keytype; /* amkeytype: the type its keys are stored as, 0: the key's own */
};
/* pg_am's rows; one by name or OID (NULL: none). */
const struct cat_am *cat_ams(size_t *n);
const struct cat_am *cat_am_by_name(const char *name);
const struct cat_am *cat_am_by_oid(uint32_t oid);
/* Whether type src is binary-coercible to target (pseudo-types anyarray, anyrange ...
 * included). */
bool cat_binary_coercible(const struct cat_model *m, uint32_t src, uint32_t target);
/* The default operator class of access method am for a key of type (PostgreSQL's
 * GetDefaultOpClass, binary-compatible types included); 0 when there is none. */
uint32_t cat_opclass_default(const struct cat_model *m, uint32_t am, uint32_t type);
/* The built-in operator class of am named name, or of that OID; NULL when none. */
const struct cat_opclass *cat_opclass_named(uint32_t am, const char *name);
const struct cat_opclass *cat_opclass_by_oid(uint32_t oid);
/* Whether oc is one of pg_trgm's classes (gin_trgm_ops, gist_trgm_ops), which exist once the
 * tenant created the extension, and which DROP EXTENSION pg_trgm looks for (catalog_ext.c). */
bool cat_opclass_of_trgm(const struct cat_opclass *oc);
/* Fills ix->am, ix->opclass and ix->nulls (allocated in a) from the index's stored SQL. */
void cat_index_am_read(struct arena *a, struct cat_index *ix, const char *sql);
/* The columns a UNIQUE index's CATALOG_INCLUDE_MARK names (in a), how many; 0 when none. */
int cat_index_include_names(struct arena *a, const char *sql, const char ***names);
/* Whether key k sorts NULLs first (pg_index.indoption bit 2): as written, else when DESC. */
bool cat_index_key_nulls_first(const struct cat_index *ix, int k);
/* pg_index_column_has_property(index, attno, prop): 1 true, 0 false, -1 NULL (an unknown
 * property, a column the index does not have, a sort order its access method lacks), as
 * PostgreSQL's indexam_property answers for the built-in access methods. */
int cat_index_column_property(const struct cat_index *ix, int attno, const char *prop);
/* Key k's operator class (pg_index.indclass): the one named, else its type's default (0 for
 * an expression, whose type the model does not know). */
uint32_t cat_index_key_opclass(const struct cat_model *m, const struct cat_index *ix, int k);
/* The class name pg_get_indexdef writes after key k, NULL when it writes none. */
const char *cat_index_key_opclass_shown(const struct cat_model *m, const struct cat_index *ix,
					int k);
/* The index's storage parameters as pg_class.reloptions shows them ("{a=b,c=d}"), or with
 * def as pg_get_indexdef writes them (" WITH (a=b, c='16')"); NULL when it has none. */
const char *cat_index_reloptions(struct arena *a, const struct cat_index *ix, bool def);
bool cat_index_register(sqlite3 *db, struct cat_conn *cc);

/* ---- EXCLUDE constraints (catalog_exclude.c) ---- */
/* Sets ix->exclops, conname and conoid when the index's stored SQL marks it as an EXCLUDE
 * constraint's (XLAT_EXCLUDE_MARK). */
void cat_exclude_read(struct cat_model *m, struct cat_index *ix, const char *sql);
/* pg_constraint.conexclop ("{96,3888}") and pg_get_constraintdef's text of its constraint,
 * in a. */
const char *cat_exclude_opers(const struct cat_model *m, struct arena *a,
			      const struct cat_index *ix);
const char *cat_exclude_def(const struct cat_model *m, struct arena *a, const struct cat_index *ix);
/* The EXCLUDE constraints that use btree_gist's operator classes, as DROP EXTENSION's DETAIL
 * lists them (in a); NULL when none does. */
const char *cat_exclude_btree_gist_users(const struct cat_model *m, struct arena *a);
/* Whether a SQLite trigger of that name is one of an EXCLUDE constraint's (pg_trigger shows
 * none of them, as PostgreSQL has none). */
bool cat_exclude_trigger(const char *name);
/* Appends the DROPs of the triggers of constraint name (with its index, which the caller
 * drops) to sb. */
void cat_exclude_drop_sql(struct strbuf *sb, const char *name);
bool cat_exclude_register(sqlite3 *db, struct cat_conn *cc);
/* Whether the tenant has created extension name (catalog_ext.c). */
bool cat_ext_created(sqlite3 *db, const char *name);
/* pg_type's rows of the extensions' types the tenant created (citext, _citext), in its own
 * namespace. */
void cat_ext_type_rows(struct cat_conn *cc, struct cat_rows *r);
/* pg_depend's rows of those types' membership of their extension ('e'). */
void cat_ext_depends(struct cat_conn *cc, struct cat_rows *r);
/* The name of the extension type oid is or is an array of (citext), *array which; NULL for
 * another type (information_schema's USER-DEFINED ones). */
const char *cat_ext_udt(uint32_t oid, bool *array);
/* Whether btree_gist, created in db, gives type a default operator class of access method am
 * (gist on the scalar types: EXCLUDE constraints and gist indexes of them). */
bool cat_btree_gist_class(sqlite3 *db, uint32_t am, uint32_t type);
/* pg_description's rows of the extensions there are (plpgsql and the tenant's): COMMENT ON
 * EXTENSION's text from the comments sidecar, else the extension's own. */
void cat_ext_descriptions(struct cat_conn *cc, struct cat_rows *r);
/* obj_description(oid, 'pg_extension'): the comment of the extension of that OID, in a; NULL
 * for none. */
const char *cat_ext_comment(sqlite3 *db, struct arena *a, uint32_t oid);
struct cat_opfamily {
	uint32_t oid, method;
	const char *name;
};
const struct cat_opfamily *cat_opfamilies(size_t *n);
/* pg_amop and pg_amproc rows: the built-in families' operators and support functions. */
struct cat_amop {
	uint32_t oid, family, lefttype, righttype;
	int16_t strategy;
	char purpose;
	uint32_t opr, method, sortfamily;
};
const struct cat_amop *cat_amops(size_t *n);
struct cat_amproc {
	uint32_t oid, family, lefttype, righttype;
	int16_t num;
	uint32_t proc;
};
const struct cat_amproc *cat_amprocs(size_t *n);
/* The description (pg_description) of the built-in object oid of catalog cls ("pg_proc",
 * "pg_operator", "pg_type", "pg_am", "pg_opclass", "pg_opfamily"); NULL when it has none. */
const char *cat_builtin_desc(const char *cls, uint32_t oid);
/* The OID of the built-in function name names as regproc prints it: digits are the OID
 * itself, a name the one function of that name; 0 when none or several. */
uint32_t cat_builtin_proc_oid(const char *name);
/* catalog_udf.c: the tenant's functions as pg_proc rows (appended to r); and for a function
 * of the tenant with that OID, sets ctx's result to its arguments (which 0), identity
 * arguments (1), result type (2) or CREATE OR REPLACE FUNCTION text (3) and returns true. */
void cat_udf_fill_proc(struct cat_conn *cc, struct cat_rows *r);
/* The tenant's aggregates (CREATE AGGREGATE) as pg_aggregate rows. */
void cat_udf_fill_aggregate(struct cat_conn *cc, struct cat_rows *r);
bool cat_udf_text(sqlite3_context *ctx, uint32_t oid, int which);
/* The triggers of CREATE TRIGGER: for an SQLite trigger named "table.name.event[.apply]"
 * that one of them made, true with *g filled for its first SQLite trigger (name, sql, type,
 * foid, nargs; in m's arena) and *skip false, or *skip true for its others. */
bool cat_udf_trigger(sqlite3 *db, struct cat_model *m, const char *table, const char *sqlite_name,
		     struct cat_trigger *g, bool *skip);
/* Whether the tenant has a function with that OID. */
bool cat_udf_exists(sqlite3 *db, uint32_t oid);
/* The comments of the tenant's functions (COMMENT ON FUNCTION: rows of key "comment" in
 * _shardlite_function_ext) pushed into m as pg_proc's (classoid 1255). False on an SQLite
 * error. */
bool cat_udf_load_comments(sqlite3 *db, struct cat_model *m);
/* One parameter of one of the tenant's functions, as information_schema.parameters lists it
 * (proallargtypes, else proargtypes, in order): specific_name name_oid, position n (from 1),
 * mode as proargmodes ('i', 'o', 'b', 'v', 't'), name ("" none), type (a domain's OID when
 * declared with one), default (pg_get_function_arg_default's text, NULL: none). */
struct cat_udf_param {
	const char *specific, *name, *dflt;
	int n;
	char mode;
	uint32_t type;
	bool builtin; /* a built-in function's, in pg_catalog (cat_procs) */
};
/* Calls fn for each parameter of each of the tenant's functions, then of each built-in
 * function pg_proc lists (in r's arena). */
void cat_udf_each_param(struct cat_conn *cc, struct cat_rows *r,
			void (*fn)(struct cat_conn *cc, struct cat_rows *r,
				   const struct cat_udf_param *p));
struct cat_udf_routine {
	const char *specific, *name, *lang, *body;
	const char *sig;       /* its argument type OIDs ("23 25"), as its grants' key names them */
	char kind, volatility; /* pg_proc's prokind and provolatile */
	bool strict, secdef;
	uint32_t rettype; /* a domain's OID for RETURNS domain, as pg_proc shows it */
	bool builtin;     /* a built-in function, in pg_catalog (cat_procs) */
};
/* Calls fn for each of the tenant's functions, procedures and aggregates, then for each
 * built-in function pg_proc lists (in r's arena). */
void cat_udf_each_routine(struct cat_conn *cc, struct cat_rows *r,
			  void (*fn)(struct cat_conn *cc, struct cat_rows *r,
				     const struct cat_udf_routine *u));
/* The tenant's halves of cat_udf_each_param and cat_udf_each_routine (no built-ins). */
void cat_udf_each_own_param(struct cat_conn *cc, struct cat_rows *r,
			    void (*fn)(struct cat_conn *cc, struct cat_rows *r,
				       const struct cat_udf_param *p));
void cat_udf_each_own_routine(struct cat_conn *cc, struct cat_rows *r,
			      void (*fn)(struct cat_conn *cc, struct cat_rows *r,
					 const struct cat_udf_routine *u));
/* catalog_infoproc.c: the built-in halves of cat_udf_each_routine and cat_udf_each_param
 * (cc is not read: NULL is fine). */
void cat_builtin_each_routine(struct cat_conn *cc, struct cat_rows *r,
			      void (*fn)(struct cat_conn *cc, struct cat_rows *r,
					 const struct cat_udf_routine *u));
void cat_builtin_each_param(struct cat_conn *cc, struct cat_rows *r,
			    void (*fn)(struct cat_conn *cc, struct cat_rows *r,
				       const struct cat_udf_param *p));
/* Resolves a regproc name as PostgreSQL's regprocin (exactly one function of that name) or a
 * regprocedure signature "name(types)" (a built-in's); false with ctx's error (42883, 42725). */
bool cat_reg_proc_lookup(sqlite3_context *ctx, int argc, const char *s, uint32_t *oid);
/* How many of the tenant's functions are named name; *oid: the last one's. */
size_t cat_udf_named(sqlite3 *db, const char *name, uint32_t *oid);
/* The OID of the tenant's function name whose argument types are sig (their OIDs, each
 * after a space: " 23 25", "" for none), 0 when none. */
uint32_t cat_udf_by_sig(sqlite3 *db, const char *name, const char *sig);
/* pg_get_function_arguments, _identity_arguments and _result over cat_procs. */
bool cat_builtin_register(sqlite3 *db);
/* pg_proc's rows (catalog_builtin.c). */
bool cat_fill_proc(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
/* pg_range, pg_timezone_names, pg_srf_keywords (catalog_builtin.c). */
const struct cat_reldef *cat_builtin_defs(size_t *n);

/* ---- catalog_seq.c: sequences and comments in the model ---- */
/* Adds the implicit sequences of serial keys, the sidecar's sequences and comments, and the
 * tables' triggers. */
bool cat_seq_load(sqlite3 *db, struct cat_model *m, struct pgerr *err);
bool cat_sidecar_exists(sqlite3 *db, const char *name);
/* Whether SQLite schema "main" or "temp" has table name (a hash lookup, no query). */
bool cat_sidecar_in(sqlite3 *db, bool temp, const char *name);
/* The schema a sidecar's rows about an object live in: "temp." or "main.". */
static inline const char *cat_sidecar_schema(bool temp) { return temp ? "temp." : "main."; }
struct cat_rel *cat_model_new_rel(struct cat_model *m, const char *name, char kind,
				  const char *sql);
void cat_model_push_seq(struct cat_model *m, struct cat_seq *q);
void cat_model_push_comment(struct cat_model *m, struct cat_comment *k);
void cat_model_push_trigger(struct cat_model *m, struct cat_trigger *g);
void cat_model_push_index(struct cat_model *m, struct cat_index *ix);
/* catalog_trigger.c: the tables' SQLite triggers into the model; pg_trigger and
 * pg_get_triggerdef. */
bool cat_trigger_load(sqlite3 *db, struct cat_model *m);
bool cat_model_has_triggers(const struct cat_model *m, const struct cat_rel *t);
const struct cat_reldef *cat_trigger_defs(size_t *n);
bool cat_trigger_register(sqlite3 *db, struct cat_conn *cc);
const struct cat_seq *cat_model_seq(const struct cat_model *m, const char *name);
/* ---- catalog_seqname.c: a serial key's sequence name ---- */
/* The name stored for table.column's implicit sequence (in a), NULL: table_column_seq. */
const char *cat_seqname_stored(sqlite3 *db, struct arena *a, bool temp, const char *table,
			       const char *column);
/* After ALTER TABLE t RENAME [COLUMN c] TO to (m read after it): the serial key's sequence
 * keeps its name. False with the error raised on ctx. */
bool cat_seqname_renamed(sqlite3_context *ctx, const struct cat_model *m, const char *t,
			 const char *c, const char *to, bool temp);
/* After DROP TABLE table / DROP COLUMN: its stored names go. */
bool cat_seqname_forget(sqlite3_context *ctx, bool temp, const char *table, const char *column);
bool cat_seqname_register(sqlite3 *db, struct cat_conn *cc);
/* ---- catalog_serialkey.c: shardlite_serial_unkeyed, a serial key's sequence to the sidecar ---- */
bool cat_serialkey_register(sqlite3 *db, struct cat_conn *cc);
/* The comment on relation oid (subid 0) or its column subid, NULL when none. */
const char *cat_model_comment(const struct cat_model *m, uint32_t oid, int subid);
/* A constraint's comment after DDL (kind "constraint": name the table; "domain constraint":
 * the domain): con NULL means every constraint of name (to: name's new name, NULL: gone),
 * else constraint con (to: its new name, NULL: dropped). False with the error on ctx. */
bool cat_con_comment_follow(sqlite3_context *ctx, bool temp, const char *kind, const char *name,
			    const char *con, const char *to);
/* The comment on constraint oid (a table's or a domain's), NULL when none. */
const char *cat_model_con_comment(const struct cat_model *m, uint32_t oid);
/* The COMMENT on object oid of catalog classoid (pg_type's, pg_trigger's, pg_policy's), NULL. */
const char *cat_model_class_comment(const struct cat_model *m, uint32_t classoid, uint32_t oid);
/* The COMMENT ON FUNCTION of the tenant's function oid (pg_proc's), NULL when none. */
const char *cat_model_proc_comment(const struct cat_model *m, uint32_t oid);
/* The pg_constraint OID of table t's constraint name (a key, foreign key, CHECK or EXCLUDE),
 * 0 when t has none of that name. */
uint32_t cat_model_conoid(const struct cat_model *m, const struct cat_rel *t, const char *name);

/* ---- catalog_seqfn.c: sequence state and functions ---- */
/* A sequence's current state (last_value, is_called, and log_cnt when not NULL: the numbers
 * the tenant holds ahead); false when it cannot be read. */
bool cat_seq_state(struct cat_conn *cc, const struct cat_seq *q, int64_t *last, bool *called,
		   int64_t *log_cnt);
/* Sequence name's row (a permanent one) is about to be written by DDL in cc's transaction
 * (catalog_seq_ops.ddl). */
void cat_seq_ddl(struct cat_conn *cc, const char *name);
bool cat_seqfn_register(sqlite3 *db, struct cat_conn *cc);
/* ---- catalog_lo.c: large objects (sidecars, SQL functions, their two relations) ---- */
bool cat_lo_register(sqlite3 *db, struct cat_conn *cc);
const struct cat_reldef *cat_lo_defs(size_t *n);
/* COMMENT ON LARGE OBJECT oid's text, in a; NULL when none (or no such object). */
const char *cat_lo_comment(sqlite3 *db, struct arena *a, uint32_t oid);
/* pg_description's rows of the large objects' comments. */
void cat_lo_descriptions(struct cat_conn *cc, struct cat_rows *r);
/* catalog_ddl.c: shardlite_view_save, shardlite_view_check. */
bool cat_ddl_register(sqlite3 *db, struct cat_conn *cc);
/* catalog_cascade.c: shardlite_cascade_check, before DROP TABLE ... CASCADE;
 * shardlite_views_mark/sweep around DROP VIEW ... CASCADE. */
bool cat_cascade_register(sqlite3 *db, struct cat_conn *cc);
/* ---- catalog_part.c: declarative partitioning ---- */
/* The names of a partitioned table's routing triggers start so (no trigger in PostgreSQL). */
#define CAT_PART_TRIGGER_PREFIX "_shardlite_part_"

/* The key in a table's stored text: strategy 'l', 'r' or 'h', its first column (malloc'd). */
bool cat_part_parse_key(const char *sql, char *strategy, char **col);
/* The same, every key column (malloc'd, each and the array). */
#define CAT_PARTKEY_MAX 32
bool cat_part_parse_keys(const char *sql, char *strategy, char ***cols, size_t *n);
/* Makes (replace: makes again) partition name's view over parent's columns (but skip, when
 * not NULL); false with ctx's error. */
/* own: the records of the partition's own CHECKs and foreign keys the view's payload keeps
 * (catalog_partown.c), NULL or "": none. */
bool cat_part_make_view(sqlite3_context *ctx, sqlite3 *db, const char *parent, const char *name,
			char kind, const char *bound, const char *cond, const char *lo,
			const char *own, bool replace, const char *skip);
bool cat_part_register(sqlite3 *db, struct cat_conn *cc);
/* The partitions of parent as name, condition pairs (2 * *n strings, the DEFAULT partition
 * last) and its key columns (*keys, *nkeys), all malloc'd; NULL when parent is not
 * partitioned. */
char **cat_part_list(sqlite3 *db, const char *parent, size_t *n, char ***keys, size_t *nkeys);
/* catalog_partfor.c: shardlite_partition_for(parent, key value), the partition a row is in
 * (tableoid of a partitioned table's rows). */
bool cat_partfor_register(sqlite3 *db, struct cat_conn *cc);
/* ---- catalog_trigpart.c: a partition's copies of row triggers, their own flags ---- */
/* Partition child (and, when it is partitioned, its partitions) was made or attached: their
 * copies' flags are the partitioned table's again. False with ctx's error. */
bool cat_trigpart_forget_part(sqlite3_context *ctx, sqlite3 *db, const char *child);
/* ALTER TABLE from RENAME TO to: its copies' flags follow. */
bool cat_trigpart_renamed(sqlite3_context *ctx, sqlite3 *db, const char *from, const char *to);
/* After the copies are made (cat_partinh_triggers): their own flags, as tgenabled. */
void cat_trigpart_load(sqlite3 *db, struct cat_model *m);
bool cat_trigpart_register(sqlite3 *db, struct cat_conn *cc);
/* Finalizes and frees cc's cache of partitions (catalog_partfor.c). */
void cat_partfor_cache_free(struct cat_conn *cc);
bool cat_part_register_fn(sqlite3 *db, struct cat_conn *cc);
/* After the tables load: partitioned tables' keys, and partitions (views) as kind 'r'. */
void cat_part_load(struct cat_model *m);
/* ---- catalog_partown.c: a partition's own indexes, CHECKs and foreign keys ---- */
/* After a partition's index name (on its parent): this prefix, the partition as a quoted
 * identifier, the length of the bound's condition its predicate starts with, " * /". */
#define CAT_PARTINDEX_MARK "/* shardlite: partition index "
/* After the name of a partition's CHECK or foreign key trigger: this prefix, the partition as
 * a quoted identifier, " * /". */
#define CAT_PARTOWN_MARK "/* shardlite: own of "
/* ATTACH PARTITION child (key's bound cond; dflt: the DEFAULT partition): child's CHECKs and
 * foreign keys as records (own, the view's payload keeps them) and the SQL that makes its
 * indexes on parent and the constraints' triggers (after, to run once child is a view). False
 * with ctx's error (0A000 for what has no form here). */
/* key: the partition key's columns as a trigger subquery's row, NEW."a" AS "a", ... */
bool cat_partown_attach(sqlite3_context *ctx, sqlite3 *db, const char *parent, const char *child,
			const char *key, const char *cond, bool dflt, struct strbuf *own,
			struct strbuf *after);
/* The CREATE INDEX text sql (on child) made on parent for child's rows; sqlite3_malloc'd. */
char *cat_partown_index_sql(const char *sql, const char *parent, const char *child,
			    const char *cond);
/* DROP of partition child: its indexes and triggers go. */
bool cat_partown_drop(sqlite3_context *ctx, sqlite3 *db, const char *child);
/* DETACH of child: the DROPs of its indexes and triggers (drop), its constraints as table
 * constraints of its CREATE TABLE (cons, each ", CONSTRAINT ..."), its indexes' CREATE INDEX
 * on the table (back). */
bool cat_partown_detach(sqlite3_context *ctx, sqlite3 *db, const char *child, const char *own,
			struct strbuf *drop, struct strbuf *cons, struct strbuf *back);
/* Partition child's constraints (own) without those that use column skip (before DROP
 * COLUMN, as PostgreSQL drops them) or the foreign keys to table ref (DROP TABLE ref CASCADE;
 * noted for the NOTICE, ctx's user data the cat_conn), either NULL: the records kept into
 * kept, the triggers made again from them (without the column). */
bool cat_partown_filter(sqlite3_context *ctx, sqlite3 *db, const char *parent,
			const char *child, const char *key, const char *cond, const char *own,
			const char *skip, const char *ref, struct strbuf *kept);
/* ALTER TABLE child ADD CONSTRAINT (shardlite_partition_constraint's arguments: child, name,
 * 'c' and the constraint's SQLite text, or 'f', the referenced table, ON UPDATE and ON
 * DELETE's codes, deferrable, deferred, the number of columns, the columns, the referenced
 * columns, NULL for the primary key's): the partition's rows checked against it, then own
 * with its record into out. False with ctx's error. */
bool cat_partown_add(sqlite3_context *ctx, sqlite3 *db, const char *child, const char *own,
		     int argc, sqlite3_value **argv, struct strbuf *out);
/* ALTER TABLE child DROP CONSTRAINT name: own without it into out; false (42704 on ctx) when
 * child has no such constraint of its own. */
bool cat_partown_remove(sqlite3_context *ctx, const char *child, const char *own,
			const char *name, struct strbuf *out);
/* own with its foreign keys to table renamed (col NULL: the table to to; else its column
 * col to to), into out. */
void cat_partown_renamed(const char *own, const char *table, const char *col, const char *to,
			 struct strbuf *out);
/* After ALTER TABLE table RENAME [COLUMN col] TO to: the partitions' own foreign keys to it
 * name it so (their records and triggers). False with ctx's error. */
bool cat_part_renamed(sqlite3_context *ctx, sqlite3 *db, const char *table, const char *col,
		      const char *to);
bool cat_partown_register(sqlite3 *db);
/* The catalog: partition r's CHECKs and foreign keys from its own records; an index's
 * predicate without the bound (NULL: none of its own), *part_of the partition it is of (NULL:
 * none); the partitions' indexes moved to them. */
void cat_partown_load(struct cat_model *m, struct cat_rel *r, const char *own);
const char *cat_partown_pred(struct arena *a, const char *sql, const char *pred,
			     const char **part_of);
void cat_partown_rehome(struct cat_model *m);
/* catalog_partinh.c: each index of a partitioned table shown on each partition, as
 * PostgreSQL makes one per partition (its own equal index adopted instead), after
 * cat_partown_rehome. pg_inherits' rows of those indexes. */
void cat_partinh_load(struct cat_model *m);
void cat_partinh_inherits(const struct cat_model *m, struct cat_rows *r);
/* Each row trigger of a partitioned table shown on each partition (PostgreSQL clones it),
 * after the triggers are loaded. */
void cat_partinh_triggers(struct cat_model *m);
/* shardlite_partition_index_attach and shardlite_partition_key_check (pg_dump's ALTER INDEX
 * ... ATTACH PARTITION and a partition's copy of its parent's key). */
bool cat_partinh_register(sqlite3 *db, struct cat_conn *cc);
/* Before DETACH PARTITION part of parent (its rows: parent's WHERE cond): a row of a table
 * whose key to parent has a copy for part (catalog_partinh.c) referencing one of them is
 * PostgreSQL's 23503; false with ctx's error then. */
/* Whether sql (a translated CREATE INDEX on partition part, as pg_dump writes a partition's
 * copy of its parent's index) names the copy part shows already, with the parent's index's
 * keys and predicate: then it makes nothing (shardlite_partition_index). */
bool cat_partinh_index_is_copy(sqlite3_context *ctx, sqlite3 *db, const char *part,
			       const char *sql);
bool cat_partinh_detach_refs(sqlite3_context *ctx, sqlite3 *db, const char *parent,
			     const char *part, const char *cond);
/* Adds a CHECK and/or a foreign key (NULL: none) to the model. */
void cat_model_add(struct cat_model *m, struct cat_check *ck, struct cat_fkey *fk);
bool cat_fill_inherits(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
bool cat_fill_partitioned(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
/* catalog_partdate.c: RANGE keys of type date, timestamp, timestamptz (oid), whose stored
 * text orders as the values only from year 1 to 9999: cat_partdate_bound_ok refuses (0A000 on
 * ctx) a bound value outside; cat_partdate_guard gives the SQL (sqlite3_malloc'd, "" for
 * keys of other types, NULL out of memory) that makes parent's triggers refusing such a key
 * value in any of its date/time key columns. */
bool cat_partdate_key(int oid);
bool cat_partdate_bound_ok(sqlite3_context *ctx, sqlite3_value *v);
char *cat_partdate_guard(sqlite3 *db, const char *parent, char *const *keys, size_t nkeys);
bool cat_partdate_register(sqlite3 *db);
/* relpartbound of partition rel: its bound's text, a timestamptz key's values printed in the
 * session's zone as PostgreSQL prints them when read (in a, or rel's own text). */
const char *cat_partdate_bound_text(struct cat_conn *cc, const struct cat_model *m,
				    const struct cat_rel *rel, struct arena *a);
/* catalog_fkset.c: the triggers of ON DELETE SET NULL (cols) (XLAT_FKSET_PREFIX): whether
 * name is one; cat_fkset_attach reads one (on parent, its text sql) into its key's
 * confdelsetcols; shardlite_fkset_sweep() (cat_fkset_sweep) drops those whose key is gone:
 * after ALTER TABLE's rebuilds and each DROP TABLE (shardlite_forget). */
bool cat_fkset_trigger(const char *name);
/* The trigger of a NOT VALID foreign key (XLAT_NVFK_PREFIX), which the sweep also makes and
 * drops to match the keys; no trigger in PostgreSQL. */
bool cat_nvfk_trigger(const char *name);
void cat_fkset_attach(struct cat_model *m, const char *parent, const char *sql);
bool cat_fkset_register(sqlite3 *db);
int cat_fkset_sweep(sqlite3 *db); /* SQLite's rc */
/* ---- catalog_enum.c, catalog_enumddl.c: enum types ---- */
/* Reads the enum sidecar (when the file has one) into m; false on a SQLite error. */
bool cat_enum_load(sqlite3 *db, struct cat_model *m);
const struct cat_enum *cat_model_enum(const struct cat_model *m, const char *name);
/* The enum whose type (or array type: *array true) is oid; NULL when none. */
const struct cat_enum *cat_model_enum_oid(const struct cat_model *m, uint32_t oid, bool *array);
/* Types column c as the enum its SQLite declared type decl names, if it names one. */
void cat_enum_col(const struct cat_model *m, const char *decl, struct cat_col *c);
/* format_type(oid, typmod) knowing the tenant's enums (m NULL: built-in types only). */
const char *cat_format_type_m(const struct cat_model *m, struct arena *a, uint32_t oid,
			      int32_t typmod);
/* pg_type's rows of the enums and their array types (in namespace nsp); pg_enum's rows. */
void cat_enum_type_rows(const struct cat_model *m, struct cat_rows *r, uint32_t nsp);
bool cat_enum_fill(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
bool cat_enumddl_register(sqlite3 *db, struct cat_conn *cc);

/* ---- catalog_comptype.c: composite types (CREATE TYPE ... AS (...)) ---- */
/* Reads the composite type sidecar (when the file has one) into m as relations of kind 'c'
 * (no SQLite object: sqlname NULL); false on a SQLite error. */
bool cat_comptype_load(sqlite3 *db, struct cat_model *m);
/* Types column c as the row type (of a composite type, table or view) its SQLite declared
 * type decl names ("pair", "pair[]"), if it names one. */
void cat_rowtype_col(const struct cat_model *m, const char *decl, struct cat_col *c);
bool cat_comptype_register(sqlite3 *db, struct cat_conn *cc);
/* The relation (composite type, table or view) whose row type (or its array type: *array
 * true) is oid; NULL when none. */
const struct cat_rel *cat_model_rowtype_rel(const struct cat_model *m, uint32_t oid, bool *array);
/* ---- catalog_typewriter.c: what the type sidecars' writers share ---- */
/* v[i] as text; NULL past argc. */
const char *cat_fn_arg(sqlite3_value **v, int argc, int i);
/* Runs sql on ctx's connection with text parameters p (n of them; a NULL one binds NULL) and,
 * when sql has one more, num; a failure is XX000 "<what> sidecar: <SQLite's message>". */
bool cat_sidecar_exec(sqlite3_context *ctx, const char *what, const char *sql,
		      const char *const *p, int n, double num);
/* ALTER ... OWNER TO role: every object of a tenant belongs to the session user, so naming
 * another role is 0A000 (NULL role: CURRENT_USER and the like); the result is NULL. */
void cat_fn_owner_to(sqlite3_context *ctx, const char *role);

/* ---- catalog_domain.c: domains ---- */
struct cat_domain {
	const char *name;
	uint32_t oid, array_oid;
	const char *base;  /* the base type as a column declares it ("int4", "numeric(12,2)"),
			    * or the domain it is over (CREATE DOMAIN d2 AS d1: "d1") */
	const struct cat_domain *parent; /* ... that domain, NULL when base is no domain */
	const struct cat_enum *over_enum; /* the enum under the chain (base_oid), NULL: none */
	uint32_t base_oid; /* the built-in type under them all, as pgtype_from_decl reads it */
	int32_t base_typmod;
	bool notnull;
	const char *dflt;      /* DEFAULT as PostgreSQL SQL, NULL: none */
	const char **connames; /* CHECK constraints as made, their expressions (VALUE ...) */
	const char **checks;
	bool *not_valid; /* ... and whether each was added NOT VALID (not VALIDATEd since) */
	size_t nchecks;
};
/* The longest chain of domains over domains the catalog follows. */
#define CAT_DOMAIN_DEPTH 32
/* pg_depend's rows of a domain over another domain or an enum on that type (pg_dump makes
 * the type first by them), and of each domain CHECK on its domain (a NOT VALID one is dumped
 * after it). */
void cat_domain_depends(const struct cat_model *m, struct cat_rows *r);
/* Reads the domain sidecar (when the file has one) into m; false on a SQLite error. */
bool cat_domain_load(sqlite3 *db, struct cat_model *m);
const struct cat_domain *cat_model_domain(const struct cat_model *m, const char *name);
/* The pg_constraint OID of domain d's CHECK constraint name, 0 when d has none of that name. */
uint32_t cat_domain_conoid(const struct cat_domain *d, const char *name);
/* The domain whose type (or array type: *array true) is oid; NULL when none. */
const struct cat_domain *cat_model_domain_oid(const struct cat_model *m, uint32_t oid, bool *array);
/* Whether name is taken by a type: built-in, enum, domain, or a relation's row type. */
bool cat_type_taken(const struct cat_model *m, const char *name);
/* pg_type's rows of the domains and their array types (in namespace nsp); pg_constraint's
 * rows of their CHECK constraints. */
void cat_domain_type_rows(const struct cat_model *m, struct cat_rows *r, uint32_t nsp);
void cat_domain_constraint_rows(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
/* pg_get_constraintdef of a domain constraint oid, NULL when oid is none. */
const char *cat_domain_constraintdef(const struct cat_model *m, uint32_t oid, bool pretty);
bool cat_domain_register(sqlite3 *db, struct cat_conn *cc);
/* catalog_nsp.c: the tenant's own schemas. cat_nsp_load reads them into m (false on a SQLite
 * error); cat_nsp_find the one named name, NULL: none; cat_nsp_of the one a stored name
 * "s.t" is in, with *bare "t" (NULL and name itself when none); cat_nsp_rel_oid/_name a
 * relation's schema as pg_class shows it (temp, a local schema, else the connection's own);
 * cat_nsp_rows pg_namespace's rows of them. */
bool cat_nsp_load(sqlite3 *db, struct cat_model *m);
const struct cat_nsp *cat_nsp_find(const struct cat_model *m, const char *name);
const struct cat_nsp *cat_nsp_of(const struct cat_model *m, const char *name, const char **bare);
const char *cat_nsp_bare(const struct cat_model *m, const char *name);
/* The OID of constraint name of relation r: as cat_model_conoid, or its "s.name" when r is
 * local schema s's (a key's constraint is named so); 0 when none. */
uint32_t cat_nsp_conoid(const struct cat_model *m, const struct cat_rel *r, const char *name);
uint32_t cat_nsp_rel_oid(struct cat_conn *cc, const struct cat_model *m, const struct cat_rel *rel);
const char *cat_nsp_rel_name(struct cat_conn *cc, const struct cat_model *m,
			     const struct cat_rel *rel);
void cat_nsp_rows(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
/* search_path's elements as the catalog sees them ("public" for public or the tenant's own
 * name, a local schema's name), in order, into v (at most max); the count. */
size_t cat_nsp_path(struct cat_conn *cc, const struct cat_model *m, const char **v, size_t max);
/* Whether rel is visible by search_path when local schemas are on it (pg_table_is_visible):
 * its schema is on the path and no earlier element holds its name; -1 when no local schema
 * is on the path (the caller's rule applies). */
int cat_nsp_visible(struct cat_conn *cc, const struct cat_model *m, const struct cat_rel *rel);
/* The relation an unqualified name means by search_path (the first element holding it); a
 * stored name ("s.t") as it is. NULL: none. */
const struct cat_rel *cat_nsp_lookup(struct cat_conn *cc, const struct cat_model *m,
				     const char *name);
/* Whether search_path names pg_temp after another element (SET search_path = public,
 * pg_temp), so that a temporary relation may not be what its unqualified name means. Reads
 * no model. */
bool cat_nsp_temp_late_path(struct cat_conn *cc);
/* Under such a search_path, the permanent relation an unqualified name means although a
 * temporary one has the name: the first element before pg_temp holding it (public's, or a
 * local schema's "s.name"). NULL: none does (pg_temp's, or search_path names it first). */
const struct cat_rel *cat_nsp_temp_late(struct cat_conn *cc, const struct cat_model *m,
					const char *name);
/* The schema a stored name ("s.t", a type's, a constraint's) is shown in: a local one, else the
 * connection's own. */
const char *cat_nsp_schema_of(struct cat_conn *cc, const struct cat_model *m, const char *name);
/* A stored relation name as PostgreSQL prints it (quote_identifier): "s.t" of a local schema
 * as s.t, each part quoted as needed; any other name quoted as needed (in a). */
const char *cat_nsp_quote(const struct cat_model *m, struct arena *a, const char *name);
bool cat_nsp_register(sqlite3 *db, struct cat_conn *cc);
/* catalog_ext.c: shardlite_extension() and pg_extension's rows. */
bool cat_ext_register(sqlite3 *db, struct cat_conn *cc);
/* catalog_grant.c: shardlite_grant, and the grants recorded on a relation. A set of
 * privileges has bit 2i for letter i of CAT_GRANT_LETTERS (INSERT SELECT UPDATE DELETE
 * TRUNCATE REFERENCES TRIGGER USAGE EXECUTE CREATE) and bit 2i+1 for its grant option. A
 * function's grants are kept under the key "proc:name(argument type OIDs)", a local schema's
 * under "nsp:name" (CAT_GRANT_NSP). */
#define CAT_GRANT_LETTERS "arwdDxtUXC"
#define CAT_GRANT_NSP "nsp:"
/* A default ACL's key (ALTER DEFAULT PRIVILEGES): "defacl:" then the object kind (pg_default_acl's
 * defaclobjtype: 'r', 'S', 'f', 'n'), ':' and the schema's name ("" the tenant-wide one). */
#define CAT_GRANT_DEFACL "defacl:"
/* A new object's ACL from the default privileges (kind 'r', 'S', 'f' or 'n'; key its grants'
 * key; name its stored name, which tells its schema): nothing while they are the hard-wired
 * defaults. False with ctx's error when the sidecar failed. */
bool cat_defacl_created(sqlite3_context *ctx, char kind, const char *key, const char *name);
bool cat_fill_default_acl(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
/* Schema name's default ACLs follow ALTER SCHEMA ... RENAME TO to, or go with DROP SCHEMA (to
 * NULL). False with ctx's error when the sidecar failed. */
bool cat_defacl_schema(sqlite3_context *ctx, const char *name, const char *to);
bool cat_grant_register(sqlite3 *db, struct cat_conn *cc);
/* Calls fn for each grant on relation rel (or function key) in the ACL's order (owner's
 * grantee: the session user; NULL for PUBLIC); false when its ACL is the default (nothing was
 * ever granted or revoked). */
typedef void (*cat_grant_fn)(void *arg, const char *grantee, unsigned privs, bool owner);
bool cat_grant_each(struct cat_conn *cc, const char *rel, cat_grant_fn fn, void *arg);
/* A dropped relation's grants go; a renamed one's follow it (shardlite_forget,
 * shardlite_renamed, DROP SEQUENCE). False with ctx's error when the sidecar failed. */
bool cat_grant_forget(sqlite3_context *ctx, const char *rel);
bool cat_grant_renamed(sqlite3_context *ctx, const char *from, const char *to);
/* rel's ACL as aclitem[] text, NULL while it is the default. */
const char *cat_grant_acl(struct cat_conn *cc, const char *rel, struct arena *a);
bool cat_fill_extension(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
/* pg_available_extensions: the extensions shardlite has built in (xlat_extlist.c), with the
 * version the tenant installed (plpgsql always). */
bool cat_fill_available_extensions(struct cat_conn *cc, const struct cat_model *m,
				   struct cat_rows *r);
/* catalog_policy.c: shardlite_policy_role(); pg_policy's and pg_policies' rows; a table's
 * ENABLE/FORCE ROW LEVEL SECURITY flags; its policies go with DROP TABLE and follow a
 * rename (false with ctx's error when the sidecar failed). */
bool cat_policy_register(sqlite3 *db, struct cat_conn *cc);
/* Whether name is one of the SQLite triggers that check new rows (XLAT_RLS_INSERT/UPDATE). */
bool cat_rls_trigger(const char *name);
bool cat_fill_policy(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
bool cat_fill_policies(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
void cat_rls_flags(struct cat_conn *cc, const char *table, bool *enabled, bool *forced);
bool cat_policy_forget(sqlite3_context *ctx, const char *rel);
bool cat_policy_renamed(sqlite3_context *ctx, const char *from, const char *to);
/* catalog_seqddl.c: shardlite_sequence, shardlite_seq_restart, shardlite_comment. */
bool cat_seqddl_register(sqlite3 *db, struct cat_conn *cc);

#include "pgfn.h" /* pgfn_error: errors that carry their SQLSTATE */
#define SQLSTATE_INVALID_NAME "42602"

/* ---- catalog_rel_fixed.c: fill functions of the mostly fixed relations ---- */
bool cat_fill_namespace(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
bool cat_fill_am(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
bool cat_fill_database(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
bool cat_fill_roles(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
bool cat_fill_collation(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
/* pg_collation's rows (catalog_rel_fixed.c, the one table of them): collencoding -1 for any
 * encoding, 6 for UTF8's alone. */
struct cat_collation {
	uint32_t oid;
	const char *name;
	char provider;
	const char *locale;
	int encoding;
};
const struct cat_collation *cat_collations(size_t *n);
bool cat_fill_tablespace(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
void cat_fn_blocking_pids(sqlite3_context *ctx, int argc, sqlite3_value **argv);
bool cat_fill_language(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
bool cat_fill_rewrite(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);

/* ---- catalog_filter.c: bool columns compared with text constants ---- */
/* Which columns of a declaration are bool; *ncols receives the count. Caller frees. */
bool *cat_filter_bool_columns(const char *columns, int *ncols);
/* The column of a declaration that names a relation's schema (relnamespace, table_schema,
 * ...), or -1. */
int cat_filter_schema_column(const char *columns);
/* The declaration's `oid` column, or -1. */
int cat_filter_oid_column(const char *columns);
/* What a plan of cat_filter_plan looks up: an = on the OID (one row: a join with pg_proc by
 * OID then costs a scan of the filled rows, not a fill per outer row), an = on another
 * column (a correlated subquery's t2.typname = t.typname), or nothing. */
enum cat_filter_kind { CAT_FILTER_SCAN, CAT_FILTER_BY_EQ, CAT_FILTER_BY_OID };
/* xBestIndex: takes over = and <> between a bool column and a text constant, and shows an =
 * on schema_col, on oid_col (-1: none) and on any other column (BINARY collation) to
 * xFilter, which drops the rows that cannot match; SQLite still compares what it keeps. */
enum cat_filter_kind cat_filter_plan(const bool *is_bool, int ncols, int schema_col,
				     int oid_col, sqlite3_index_info *info);
/* xFilter: the indexes of the rows of r the plan's comparisons keep, in order, into keep
 * (room for r->n) and *nkeep; false with *errmsg (22P02, or cat_conn_schema_check's
 * refusal). */
bool cat_filter_apply(struct cat_conn *cc, const struct cat_rows *r, const char *plan, int argc,
		      sqlite3_value **argv, size_t *keep, size_t *nkeep, char **errmsg);

/* ---- catalog_priv.c: has_*_privilege ---- */
bool cat_priv_register(sqlite3 *db, struct cat_conn *cc);

/* ---- catalog_srf.c ---- */
bool cat_srf_register(sqlite3 *db, struct cat_conn *cc);
bool cat_dump_register(sqlite3 *db, struct cat_conn *cc); /* catalog_dump.c */
/* Whether the session's search_path names the connection's own schema (cat_conn_public: public,
 * or in a session without a default tenant the tenant the path names; no session: true).
 * pg_dump empties it, and PostgreSQL then writes every name of the tenant's objects qualified. */
const char *cat_path_item(const char *p, char *out, size_t len);
bool cat_public_visible(const struct cat_conn *cc);
/* pg_relation_is_updatable(v, false) of view v, as the session's translator reads its stored
 * query (catalog_views.updatable): events 4 INSERT, 8 DELETE, 16 UPDATE (trigger events, not
 * PostgreSQL's CmdType bits); with cols (v's ncols), whether each column is updatable. 0 for
 * anything but a view. */
int cat_view_updatable(const struct cat_conn *cc, const struct cat_rel *v, bool *cols);
/* ---- catalog_viewmemo.c: the translator's answers about views, kept while the model
 * stands (cat_conn.view_memo; cleared at a model reload and when sess changes) ---- */
struct cat_view_memo;
struct cat_view_memo *cat_view_memo_new(void);
void cat_view_memo_free(struct cat_view_memo *vm);
void cat_view_memo_clear(struct cat_view_memo *vm);
/* Whether a definition of rel (pretty, wrap, schema) is kept: into *def (copied to a; NULL
 * with *err when it failed). */
bool cat_view_memo_def(struct cat_view_memo *vm, const struct catalog_session *sess,
		       const struct cat_rel *rel, bool pretty, int wrap, const char *schema,
		       struct arena *a, const char **def, struct pgerr *err);
void cat_view_memo_put_def(struct cat_view_memo *vm, const struct cat_rel *rel, bool pretty,
			   int wrap, const char *schema, const char *def, const struct pgerr *err);
/* Whether rel's events (cat_view_updatable without cols) are kept: into *events. */
bool cat_view_memo_events(struct cat_view_memo *vm, const struct catalog_session *sess,
			  const struct cat_rel *rel, int *events);
void cat_view_memo_put_events(struct cat_view_memo *vm, const struct cat_rel *rel, int events);
/* View rel's query written as PostgreSQL SQL by the session's viewdef (xlat_viewdef: the SQL
 * SQLite keeps, laid out as pg_get_viewdef's pretty and wrap arguments ask), with a leading blank and ending in ';' as PostgreSQL's does
 * (pg_dump cuts that last character off); without a session, the SQL as kept. In a; NULL
 * with err when it has no PostgreSQL spelling, NULL without for a relation that is no view.
 * (catalog_fn.c: pg_get_viewdef, information_schema.views.view_definition) */
const char *cat_view_definition(const struct cat_conn *cc, const struct cat_rel *rel,
				bool pretty, int wrap, struct arena *a, struct pgerr *err);
/* The public schema as initdb leaves it: its ACL (pg_namespace.nspacl), its comment (a
 * pg_description row, the COMMENT ON SCHEMA public given instead, none for an empty one) and
 * its initial privileges (pg_init_privs). */
const char *cat_public_acl(void);
/* pg_catalog's and information_schema's nspacl as initdb grants them: USAGE and CREATE to the
 * bootstrap superuser (the session user stands in for it), USAGE to PUBLIC; in a. */
const char *cat_builtin_nsp_acl(struct cat_conn *cc, struct arena *a);
void cat_dump_description(struct cat_rows *r, const char *public_comment);
bool cat_fill_init_privs(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r);
/* pg_depend rows of defaults on the sequences they call, of views on the relations they read
 * (through the view's pg_rewrite rule) and of constraints on their tables, which pg_dump
 * orders its output by. */
void cat_dump_depends(const struct cat_model *m, struct cat_rows *r);
/* text with "public." inserted after each occurrence of marker ("REFERENCES ", "nextval('")
 * whose name is not qualified already, when public is not on the search path; when it is, the
 * names qualified with public lose it, as PostgreSQL prints a visible name. */
const char *cat_qualify_after(const struct cat_conn *cc, struct arena *a, const char *text,
			      const char *marker);
/* text with the "public." of each nextval('public.s' taken out where regclass would print s
 * unqualified: public on the search path and no temporary relation s of the session (in m)
 * hiding it (a DEFAULT bound to public.s when it was made, xlat_catalog.c); else text. */
const char *cat_unqualify_seq(const struct cat_conn *cc, const struct cat_model *m, struct arena *a,
			      const char *text);
/* A column default as pg_get_expr prints its sequence: with public on the search path
 * cat_unqualify_seq (public.s stays qualified while a temporary s hides it), else
 * cat_qualify_after (an unqualified s is public.s). */
const char *cat_default_seq_text(const struct cat_conn *cc, const struct cat_model *m,
				 struct arena *a, const char *text);
/* text (an expression, or a whole statement when statement) with public. before each call of
 * the tenant's own functions named without a schema, when public is not on the search path,
 * as ruleutils.c qualifies them (xlat_qualify_calls); else text. */
const char *cat_qualify_calls(const struct cat_conn *cc, struct arena *a, const char *text,
			      bool statement);

/* ---- catalog_reg.c: reg* conversions, regular expressions ---- */
bool cat_reg_register(sqlite3 *db, struct cat_conn *cc);
/* The failure of a reg* input function: with argc 2 (to_regclass and its siblings, which
 * pass a second argument) NULL, else the cast's error with sqlstate. */
void cat_reg_missing(sqlite3_context *ctx, int argc, const char *sqlstate, const char *fmt, ...)
	PRINTF_LIKE(4, 5);
/* One part of a possibly quoted, dot-qualified name at *p: unquoted ("" is one "), or folded
 * to lower case; NULL when malformed. *p moves past it and its dot. */
const char *cat_reg_name_part(struct arena *a, const char **p);
/* catalog_regoper.c: to_regoper's and to_regrole's input functions, regoperout. */
bool cat_regoper_register(sqlite3 *db, struct cat_conn *cc);
/* The fixed OID of pg_catalog relation name (pg_class: 1259), or 0 when it has none: a system
 * view, or a relation regclass does not know. */
uint32_t cat_reg_catalog_oid(const char *name);
/* The i-th pg_catalog relation with a fixed OID (pg_class lists them); false past the end. */
bool cat_reg_catalog_rel(size_t i, const char **name, uint32_t *oid);
/* The declaration of relation name (pg_class, information_schema_tables ...), or NULL. */
const struct cat_reldef *cat_reldef_find(const char *name);
/* Every relation declaration in turn, NULL past the last. */
const struct cat_reldef *cat_reldef_at(size_t i);

/* ---- catalog_array.c ---- */
bool cat_array_register(sqlite3 *db);

/* ---- catalog_fn.c ---- */
bool cat_fn_register(sqlite3 *db, struct cat_conn *cc);
/* PostgreSQL array text "{a,b}" (or a vector, "1 2") → elements (unquoted), in a. */
const char **cat_array_parse(struct arena *a, const char *s, size_t *n);
/* format_type(oid, typmod). */
const char *cat_format_type(struct arena *a, uint32_t oid, int32_t typmod);

/* A serial key's sqlite_sequence row of table is about to be written with last (0: deleted)
 * by setval, nextval, RESTART or TRUNCATE ... RESTART IDENTITY: the shard's numbers held for
 * it go on from there (catalog_serial_written_fn). Not for a temporary table's. */
void cat_seq_written(struct cat_conn *cc, const char *table, int64_t last);

#endif
