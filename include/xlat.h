/* SPDX-License-Identifier: Apache-2.0 */
/* xlat: PostgreSQL SQL → SQLite SQL. Parses with libpg_query (the only user of pg_query.h),
 * walks the tree and emits SQLite SQL plus what the session needs to answer like PostgreSQL:
 * statement kind, command tag, parameter types, result column type hints. What cannot be
 * expressed faithfully is refused with 0A000 naming the construct; syntax errors are 42601
 * with PostgreSQL's cursor position. No I/O, no SQLite handle; the one shared state is the
 * translation cache (xlat_cache_*). */
#ifndef SHARDLITE_XLAT_H
#define SHARDLITE_XLAT_H

#include "base.h"

#include <string.h>

enum xlat_kind {
	XLAT_EMPTY,      /* nothing but blanks/comments: EmptyQueryResponse */
	XLAT_SQL,        /* run .sql on the tenant's SQLite connection */
	XLAT_TXN,        /* transaction control: the session drives SQLite itself (see .txn) */
	XLAT_SET,        /* SET / SET LOCAL / RESET / RESET ALL (see .set_*) */
	XLAT_SHOW,       /* SHOW name / SHOW ALL */
	XLAT_DISCARD,    /* DISCARD ALL, DISCARD TEMP (.tag tells) */
	XLAT_NOOP,       /* accepted and has no effect here (documented in docs/sql-compat.md) */
	XLAT_SCRIPT,     /* .sql holds several SQLite statements (see xlat_translate) */
	XLAT_REBUILD,    /* rebuild a table with an added constraint (see .rebuild) */
	XLAT_COPY,       /* COPY ... FROM STDIN / TO STDOUT (see .copy; query form: .sql) */
	XLAT_CURSOR,     /* DECLARE / FETCH / MOVE / CLOSE (see .cursor; DECLARE's query: .sql) */
	XLAT_DEALLOCATE, /* DEALLOCATE [PREPARE] name | ALL (see .dealloc_name) */
	XLAT_PREPARE,    /* PREPARE name [(types)] AS stmt (.dealloc_name, .prepare_sql, _types) */
	XLAT_EXECUTE,    /* EXECUTE name [(constants)] (.dealloc_name, .execute_args) */
	XLAT_NOTIFY,     /* LISTEN / UNLISTEN / NOTIFY: the session's business (see .notify) */
	XLAT_LATER,      /* not translated yet: follows DDL in the same input (xlat_env.later) */
	XLAT_EXPLAIN,    /* EXPLAIN [ANALYZE]: SQLite's plan of .sql (see .explain_analyze) */
	XLAT_DO,         /* DO: a PL/pgSQL block the session interprets (.plpgsql) */
	XLAT_DATABASE,   /* CREATE / DROP / ALTER DATABASE: a tenant's lifecycle (.database) */
	XLAT_MATVIEW,    /* REFRESH / DROP MATERIALIZED VIEW (.ctas) */
};

/* How the command tag is written in CommandComplete. */
enum xlat_tag_style {
	XLAT_TAG_PLAIN,  /* tag as is: "CREATE TABLE", "BEGIN" */
	XLAT_TAG_ROWS,   /* "tag n": SELECT, UPDATE, DELETE, MERGE, FETCH, MOVE, COPY */
	XLAT_TAG_INSERT, /* "INSERT 0 n" */
};

enum xlat_txn {
	XLAT_TXN_NONE,
	XLAT_TXN_BEGIN,       /* BEGIN / START TRANSACTION */
	XLAT_TXN_COMMIT,      /* COMMIT / END */
	XLAT_TXN_ROLLBACK,    /* ROLLBACK / ABORT */
	XLAT_TXN_SAVEPOINT,   /* SAVEPOINT name */
	XLAT_TXN_RELEASE,     /* RELEASE [SAVEPOINT] name */
	XLAT_TXN_ROLLBACK_TO, /* ROLLBACK TO [SAVEPOINT] name */
	/* SET CONSTRAINTS (.savepoint: the names; .read_only: 1 DEFERRED, 0 IMMEDIATE) */
	XLAT_TXN_SET_CONSTRAINTS,
};

/* Where a result column comes from as PostgreSQL's RowDescription tells it (its table OID and
 * attribute number, markTargetListOrigins): SQLITE where SQLite's column origin is the same
 * (a table's column, through subqueries and CTEs; or not known here), NONE for 0/0 where
 * SQLite would name a column (a set operation's, a scalar subquery's, a cast it does not
 * need), REL for column col of rel, a view or partition of the tenant (SQLite's looks
 * through it to the table below; a LATERAL subquery's column, which SQLite cannot see into;
 * col NULL: rel's whole row, attribute 0). */
enum xlat_origin_kind { XLAT_ORIGIN_SQLITE, XLAT_ORIGIN_NONE, XLAT_ORIGIN_REL };
struct xlat_origin {
	enum xlat_origin_kind kind;
	const char *rel, *col;
};

/* A result column as far as the translator knows it before running. type_oid 0 means "take
 * it from the SQLite column's declared type" (plain column references). */
struct xlat_col {
	uint32_t type_oid;
	int32_t typmod; /* -1 when none */
	/* numeric without a typmod: how many fraction digits PostgreSQL would print: -1 as the
	 * value comes; >= 0 exactly that many; <= -2 a quotient, printed with PostgreSQL's
	 * division scale (16 significant digits, at least -scale - 2 fraction digits). */
	int32_t scale;
	struct xlat_origin origin;
	/* its name where * stands for it (NULL: not known): SQLite calls a repeated name of a
	 * subquery's columns "x:1", PostgreSQL keeps "x" (the session sends this one then) */
	const char *name;
};

/* ALTER TABLE ... ADD PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK: SQLite cannot add a
 * constraint to an existing table, so the session rebuilds it (new table with the
 * constraint, rows copied and so checked, indexes recreated). So too ALTER COLUMN SET/DROP
 * DEFAULT, ALTER COLUMN TYPE, DROP CONSTRAINT and ALTER COLUMN SET/DROP NOT NULL; and ADD
 * COLUMN with a default that is not a literal (constraint: the SQLite column definition),
 * which a table with rows gets by a rebuild that evaluates the default for every row. Same
 * order as enum shard_rebuild_kind. An ALTER TABLE with several actions is a chain (.next)
 * of these, in the order PostgreSQL carries them out (its passes: drops, type changes, added
 * columns, NOT NULL, keys, other constraints and defaults, the rest); an action that is
 * plain SQLite statements (ADD COLUMN, DROP COLUMN, OWNER TO) is an XLAT_RB_SCRIPT link.
 * RENAME_CONSTRAINT: ALTER TABLE table RENAME CONSTRAINT name TO new_name (the stored text
 * rewritten in place; a unique index of its own made again under the new name). DOMAIN:
 * ALTER DOMAIN's change to a column of the domain — the column's clauses from the domain
 * go and constraint (SQLite text, from a blank) takes their place. VALIDATE: ALTER TABLE
 * table VALIDATE CONSTRAINT name (every row read; the stored text's CATALOG_NOT_VALID_MARK
 * removed in place, shard_validate.c). DROP_EXPRESSION: ALTER COLUMN column DROP EXPRESSION
 * [IF EXISTS] (missing_ok): a stored generated column becomes a plain one keeping its values (a
 * rebuild). RELOPTIONS: ALTER TABLE table SET (...) / RESET (...) of storage parameters (name
 * "set" or "reset", constraint the heap's "name=value" or "name" lines): the stored text's
 * CATALOG_RELOPT_MARK rewritten in place. ALTER_CONSTRAINT: ALTER TABLE table ALTER
 * CONSTRAINT name [NOT] DEFERRABLE [INITIALLY ...] of a foreign key (deferrable,
 * initdeferred; the stored text's clause rewritten in place, shard_validate.c). */
enum xlat_rebuild_kind {
	XLAT_RB_KEY,
	XLAT_RB_FOREIGN,
	XLAT_RB_CHECK,
	XLAT_RB_SET_DEFAULT,
	XLAT_RB_ALTER_TYPE,
	XLAT_RB_DROP_CONSTRAINT,
	XLAT_RB_NOT_NULL,
	XLAT_RB_ADD_COLUMN,
	XLAT_RB_DOMAIN,
	XLAT_RB_SCRIPT,
	XLAT_RB_RENAME_CONSTRAINT,
	XLAT_RB_LIKE,
	XLAT_RB_RENAME,
	XLAT_RB_VALIDATE,
	XLAT_RB_DROP_EXPRESSION,
	XLAT_RB_RELOPTIONS,
	XLAT_RB_ALTER_CONSTRAINT
};
struct xlat_rebuild {
	enum xlat_rebuild_kind kind;
	const char *table;      /* relation name as SQLite spells it (unquoted) */
	const char *constraint; /* SQLite text of the table constraint to append */
	const char *name;       /* PostgreSQL's name of the constraint (a key's index) */
	const char **keys;      /* KEY, FOREIGN: the constrained columns */
	size_t nkeys;
	bool primary;          /* KEY: one per table (42P16); its columns become NOT NULL */
	const char *ref_table; /* FOREIGN: the referenced table ... */
	const char **ref_keys; /* ... and columns (none: its primary key) */
	size_t nref_keys;
	const char *column;     /* SET_DEFAULT, ALTER_TYPE, NOT_NULL: the column */
	const char *default_pg; /* SET_DEFAULT: the expression as PostgreSQL text; NULL: DROP */
	const char *decl;       /* ALTER_TYPE: the new declared type */
	const char *convert;    /* ALTER_TYPE: SQLite expression of each row's new value */
	bool missing_ok;        /* DROP_CONSTRAINT IF EXISTS (name: the constraint), ADD_COLUMN
				 * IF NOT EXISTS (a column the table has is no error), SCRIPT
				 * of DROP COLUMN IF EXISTS (column: nothing when it is not
				 * there) */
	bool not_null;          /* NOT_NULL: SET (true) or DROP (false) */
	bool keep_rows;         /* DOMAIN of ALTER DOMAIN: the column's text changed in place,
				 * its rows not copied nor checked (the translator's script
				 * checked them first, or ADD ... NOT VALID leaves them);
				 * ALTER_TYPE: the type only renamed (ALTER TYPE ... RENAME
				 * TO), so views reading the column do not stand in the way */
	const char *enum_from;  /* ALTER_TYPE of RENAME TO: the enum's old name ... */
	const char *enum_to;    /* ... and its new one (shard_enumrename.c) */
	const char *before;     /* ADD_COLUMN of a serial/identity: SQLite script making its
				 * sequence, run first; NULL for none */
	const char *after;      /* ... and the script giving the sequence to the column */
	const char *script;     /* SCRIPT: the action's SQLite statements (no rows, no
				 * parameters); a PRIMARY KEY: the column sidecar's table,
				 * made first (the key may become the rowid: shard_rowid.c) */
	const struct xlat_rebuild *next; /* the statement's next action; NULL: the last */
	bool if_exists;       /* ALTER TABLE IF EXISTS (the first action): nothing when no table */
	const char *new_name; /* RENAME_CONSTRAINT: the constraint's new name */
	/* CREATE INDEX without a name (a SCRIPT) and CHECK without a name: the name is chosen
	 * when it runs, as PostgreSQL chooses it: base_object_name(table, name_cols, label), the
	 * label followed by 1, 2, ... while another relation (a CHECK: another constraint) has
	 * it. The name stands in script (a CHECK: constraint) at name_at, name_len bytes. A KEY
	 * without a name (UNIQUE) has label and name_cols too: its name is chosen so when it
	 * repeats a unique key the table has (then a unique index of its own). */
	const char *label; /* NULL: the name is as written */
	const char *name_cols;
	size_t name_at, name_len;
	/* KEY of ADD [CONSTRAINT name] PRIMARY KEY | UNIQUE USING INDEX: the index whose columns
	 * become the key when it runs (shard_alter.c; constraint and keys are empty until then),
	 * and which the constraint replaces; name is the constraint's, else the index's */
	const char *using_index;
	/* LIKE: CREATE [TEMP] TABLE table (LIKE ref_table ...), made when it runs from ref_table's
	 * definition (shard_like.c): like_options PostgreSQL's CREATE_TABLE_LIKE_* bits, temp
	 * for a temporary table, missing_ok IF NOT EXISTS, script the sidecar tables it may
	 * write (created first). */
	unsigned like_options;
	bool temp;
	/* LIKE: ref_table's columns of a domain, four strings each (column, domain, SQLite
	 * clauses with the domain's DEFAULT, without it), NULL-terminated */
	const char *const *like_domains;
	/* RENAME: ALTER TABLE ('r'), INDEX ('i'), VIEW ('v') or SEQUENCE ('S') table RENAME TO
	 * new_name, whatever kind of relation table is when it runs (shard_rename.c; an
	 * ALTER VIEW of no view and an ALTER SEQUENCE of no sequence are 42809); missing_ok:
	 * IF EXISTS */
	char rename_kind;
	/* RENAME of ALTER TABLE/VIEW/SEQUENCE ... SET SCHEMA: the target schema (new_name is the
	 * object's name in it, "s.t" or public's t); a table's indexes and owned sequences move
	 * with it. rename_kind 'n': ALTER SCHEMA table RENAME TO new_name (every relation of the
	 * local schema table moves so, then script renames its row). NULL: a plain rename */
	const char *set_schema;
	/* SCRIPT of ALTER TABLE table DROP COLUMN column [CASCADE] (drop_cascade): before it,
	 * the table's constraints over the column go, and other tables' foreign keys that
	 * reference it are 2BP01 or, with CASCADE, dropped too (shard_dropcol.c) */
	bool drop_column, drop_cascade;
	bool deferrable, initdeferred; /* ALTER_CONSTRAINT: what the key becomes */
	/* the first action of an ALTER TABLE public.t (or ALTER ... public.t RENAME) while a
	 * temporary relation of the session named t hides the permanent one: the shard moves a
	 * temporary table aside while the statement runs (shard_alter.c), and refuses (0A000)
	 * when what hides it is a temporary view, index or sequence */
	bool hidden;
};

/* The sequence sidecar's CREATE TABLE IF NOT EXISTS, of the temp schema when temp (DROP
 * CONSTRAINT of a serial key moves its sequence there: shard_serialkey.c); malloc'd. */
char *xlat_sidecar_sequences_sql(bool temp);

/* The SQLite DEFAULT clause ("DEFAULT (...)") for column column of declared type decl whose
 * default is expr (PostgreSQL text), coerced as CREATE TABLE coerces it. *out lives in a.
 * False with err (no position). Does not block. */
bool xlat_column_default(const char *column, const char *decl, const char *expr, struct arena *a,
			 const char **out, struct pgerr *err) MUST_CHECK;

struct xlat_schema;
/* The definition of view (its name, for errors) as PostgreSQL SQL, from query, the view's
 * query as SQLite keeps it, " SELECT ...;" as pg_get_viewdef returns it: with cols (the
 * tenant's column types, view's own among them) laid out as PostgreSQL 15's ruleutils prints
 * it (xlat_ruleutils.c: pretty the pretty flag's parentheses, wrap its wrap column, -1 none),
 * else, or where that cannot be done faithfully, parsed and deparsed by libpg_query on one
 * line. Each relation named without a schema is written schema.name unless schema is NULL
 * (pg_get_viewdef under pg_dump's empty search_path). *out lives in a. False with err: 0A000
 * when the query calls one of shardlite's own SQLite functions or cannot be parsed. Does not
 * block; cols's table_fn is called from this thread. */
bool xlat_viewdef(const char *view, const char *query, const char *schema,
		  const struct xlat_schema *cols, bool pretty, int wrap, struct arena *a,
		  const char **out, struct pgerr *err) MUST_CHECK;
/* The SQLite functions a call of the tenant's function f is written with (xlat_call.c):
 * shardlite_call('f', 'argument type OIDs', args...), or shardlite_icall, the same call
 * registered deterministic (pgfn_call.c), for an IMMUTABLE f in a DDL expression (an index
 * key, a generated column, a CHECK, a DEFAULT), where SQLite refuses others. */
#define XLAT_CALL_FN "shardlite_call"
#define XLAT_ICALL_FN "shardlite_icall"
/* Whether SQLite text sql calls one of the tenant's functions. */
static inline bool xlat_calls_udf(const char *sql)
{
	return sql && (strstr(sql, XLAT_CALL_FN "(") || strstr(sql, XLAT_ICALL_FN "("));
}

/* A SQLite expression the translator wrote (a column default) as PostgreSQL text on one
 * line, the tenant's function calls shown as f(args...) as in xlat_viewdef; in a. NULL when
 * it calls another of shardlite's own SQLite functions or does not parse. */
const char *xlat_viewdef_expr(const char *expr, struct arena *a);
/* Whether name is one of the tenant's own functions (for xlat_qualify_calls). */
typedef bool xlat_own_fn(void *arg, const char *name);
/* PostgreSQL text (an expression, or a whole statement when statement: CREATE INDEX, CREATE
 * TRIGGER) with schema. written before each call, named without a schema, of a function own
 * says is the tenant's, as ruleutils.c qualifies a function its search_path does not find
 * (pg_dump's empty one); the rest of the text as it was. In a; text itself when nothing
 * changes or it does not parse. Does not block; own is called from this thread. */
const char *xlat_qualify_calls(const char *text, bool statement, const char *schema,
			       xlat_own_fn *own, void *arg, struct arena *a);

/* One COPY option as written: FORMAT csv, HEADER, FORCE_QUOTE (a, b), FORCE_QUOTE *. */
enum xlat_copy_arg {
	XLAT_COPY_ARG_NONE,
	XLAT_COPY_ARG_STRING,
	XLAT_COPY_ARG_LIST,
	XLAT_COPY_ARG_STAR
};
struct xlat_copy_opt {
	const char *name; /* lower case: "format", "header", "force_quote", ... */
	enum xlat_copy_arg kind;
	const char *value; /* STRING: the text ("csv", "true", "1", ";") */
	const char **list; /* LIST: column names */
	size_t nlist;
	int position; /* 1-based character position in the statement, for errors */
};

/* COPY table [(columns)] FROM STDIN / COPY table [(columns)] | (query) TO STDOUT. The query
 * form carries its SQLite SQL in xlat_stmt.sql and its column hints in .cols. */
struct xlat_copy {
	bool from;
	const char *table; /* table form: relation name (unquoted); NULL for the query form */
	const char **columns;
	size_t ncolumns; /* 0: every column */
	struct xlat_copy_opt *opts;
	size_t nopts;
	/* COPY FROM ... WHERE: the condition as SQLite text over the table's columns, which the
	 * session evaluates for each row (FROM a row of the listed columns named as the table);
	 * NULL for none */
	const char *where_sql;
};

/* SQL-level cursors. DECLARE carries its query as .sql with .cols, like a SELECT. FETCH and
 * MOVE go FORWARD or BACKWARD count rows (>= 1, or XLAT_CURSOR_ALL), or to the row ABSOLUTE
 * count (FIRST 1, LAST -1, 0 before the first) or RELATIVE count to the current one (0: the
 * current row again; FETCH 0 and FORWARD/BACKWARD 0 are RELATIVE 0, FETCH -n BACKWARD n). */
enum xlat_cursor_op { XLAT_CUR_DECLARE, XLAT_CUR_FETCH, XLAT_CUR_MOVE, XLAT_CUR_CLOSE };
enum xlat_fetch_dir {
	XLAT_FETCH_FORWARD,
	XLAT_FETCH_BACKWARD,
	XLAT_FETCH_ABSOLUTE,
	XLAT_FETCH_RELATIVE
};
#define XLAT_CURSOR_ALL INT64_MAX /* FETCH ALL / FORWARD ALL / BACKWARD ALL */
struct xlat_cursor {
	enum xlat_cursor_op op;
	const char *name; /* NULL: CLOSE ALL */
	bool hold;        /* DECLARE ... WITH HOLD */
	bool binary;      /* DECLARE BINARY: rows in binary format in the simple protocol */
	bool scroll;      /* DECLARE ... SCROLL: may move backward */
	bool no_scroll;   /* DECLARE ... NO SCROLL: may not, even when held */
	/* Neither SCROLL nor NO SCROLL: whether PostgreSQL's plan for the query could scan
	 * backward, which makes its cursor scrollable (xlat_cursor.c says which queries). */
	bool backward_ok;
	/* DECLARE of a simply updatable scan of one of the tenant's tables, or of a query with
	 * FOR UPDATE / FOR SHARE locking one (xlat_cursor.c): the table, whose rowid each row
	 * carries as a last column the client does not see (its ctid), for UPDATE/DELETE ...
	 * WHERE CURRENT OF; NULL: none */
	const char *scan_table;
	enum xlat_fetch_dir dir; /* FETCH / MOVE */
	int64_t count;
};

/* CREATE DATABASE, DROP DATABASE, ALTER DATABASE ... RENAME TO / OWNER TO, the options
 * checked (xlat_database.c). The names are as the parser gives them: the session checks them
 * as tenant names. Also CREATE ROLE name (ROLE_CREATE) and ALTER ROLE name WITH the attributes
 * every user has (ROLE_ALTER; owner the role, NULL for CURRENT_USER), which change nothing. */
enum xlat_db_op {
	XLAT_DB_CREATE,
	XLAT_DB_DROP,
	XLAT_DB_RENAME,
	XLAT_DB_OWNER,
	XLAT_DB_ROLE_CREATE,
	XLAT_DB_ROLE_ALTER
};
struct xlat_database {
	enum xlat_db_op op;
	const char *name;
	const char *new_name;      /* RENAME TO */
	const char *owner;         /* CREATE ... OWNER, OWNER TO: a role; NULL: the session's */
	const char *template_name; /* CREATE ... TEMPLATE; NULL: none given */
	bool missing_ok;           /* DROP DATABASE IF EXISTS */
	bool force;                /* DROP DATABASE ... WITH (FORCE) */
};

/* LISTEN channel, UNLISTEN channel (channel NULL: UNLISTEN *), NOTIFY channel [, 'payload']
 * (payload "" when none is given). Channels are identifiers as the parser folded them. */
enum xlat_notify_op { XLAT_NOTIFY_LISTEN, XLAT_NOTIFY_UNLISTEN, XLAT_NOTIFY_SEND };
struct xlat_notify {
	enum xlat_notify_op op;
	const char *channel;
	const char *payload;
};

/* One data-modifying WITH query: a SQLite INSERT/UPDATE/DELETE (with RETURNING when the
 * statement reads its rows) taking the statement's parameters. Its RETURNING rows, as a
 * JSON array of row arrays (integers and reals as JSON numbers, text as strings, blobs as
 * {"x": "<hex>"}, NULL as null), are bound to the statement's parameter .param (0: its rows
 * are not read), numbered after the client's nparams. numbered_seq/numbered_max: as the
 * statement's own (below), for this step. A step with .reads is a SELECT of a table's rows as
 * they were before the data-modifying steps (which come after it), for the parts of the
 * statement that read that table: PostgreSQL runs them all on one snapshot. */
struct xlat_step {
	const char *sql;
	int param;
	const char *numbered_seq;
	int64_t numbered_max;
	bool reads;
	bool counts;  /* MERGE's actions: the rows it changes count in the command tag */
	bool rowlock; /* FOR UPDATE's lock step (xlat_rowlock.c), which EXPLAIN drops */
	/* FOR UPDATE NOWAIT's lock step: the table named in 55P03 when the lock is held,
	 * instead of waiting; NULL otherwise */
	const char *nowait;
	/* The session's table it writes (a data-modifying WITH's) or MERGE's target (its lock
	 * step), whose FOR EACH STATEMENT triggers the session does not fire there (0A000). */
	const char *dml_table;
	/* A data-modifying WITH's INSERT or UPDATE ... RETURNING: as xlat_stmt.returning_sql, and
	 * whether its rows end with the hidden marker (xlat_stmt.dml_events 4096). */
	const char *returning_sql;
	bool marked;
};

/* CREATE [TEMP] TABLE t [(names)] AS query [WITH [NO] DATA], SELECT ... INTO [TEMP] t and
 * CREATE MATERIALIZED VIEW [IF NOT EXISTS] v [(names)] AS query [WITH [NO] DATA]: an
 * XLAT_SQL statement whose .sql is the query (its parameters and column hints a SELECT's)
 * and whose rows the session does not send: it creates table name in schema with a column
 * per result column — named colnames[i] for the first ncolnames, else as the query names
 * it — declared as the PostgreSQL type RowDescription would report, fills it with the rows
 * (none with no_data) and answers `SELECT n` (`CREATE TABLE AS` with no_data, or when
 * if_not_exists found the relation there). */
struct xlat_ctas {
	const char *schema; /* the SQLite schema: "main" (the session's file) or "temp" */
	const char *name;   /* the table, unquoted */
	const char *const *colnames;
	size_t ncolnames;
	bool if_not_exists;
	bool no_data; /* WITH NO DATA */
	/* CREATE MATERIALIZED VIEW: the same, and its query as PostgreSQL text (deparsed) is
	 * kept in the sidecar _shardlite_matviews for REFRESH (docs/catalog.md). */
	bool matview;
	const char *definition;
	/* XLAT_MATVIEW: REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]
	 * (refresh; no_data), or DROP MATERIALIZED VIEW [IF EXISTS] names (missing_ok). */
	bool refresh, concurrently, missing_ok;
	const char *const *names;
	size_t nnames;
	/* DROP MATERIALIZED VIEW ... CASCADE: as without it when nothing reads the view, 0A000
	 * when a view does (PostgreSQL drops that view too) */
	bool cascade;
};

struct xlat_stmt {
	enum xlat_kind kind;
	const char *tag; /* "SELECT", "INSERT", "CREATE TABLE", "SET", ... */
	enum xlat_tag_style tag_style;
	const char *sql;      /* XLAT_SQL: SQLite SQL, parameters as ?1..?N */
	bool returns_rows;    /* produces a result set (SELECT, VALUES, ... RETURNING, SHOW) */
	bool no_columns;      /* SELECT without result columns: SQLite's one column is not sent */
	bool writes;          /* changes data or schema (for READ ONLY transactions) */
	bool is_ddl;          /* changes the schema */
	bool explain_analyze; /* XLAT_EXPLAIN: EXPLAIN ANALYZE runs .sql too */
	/* TRUNCATE (an XLAT_SCRIPT with one part per table): 'r' RESTRICT, 'c' CASCADE, 0 for
	 * any other statement; with RESTART IDENTITY. The session checks (RESTRICT) or adds
	 * (CASCADE) the tables whose foreign keys reference the ones emptied. */
	char truncate;
	bool truncate_restart;
	char explain_format; /* XLAT_EXPLAIN: FORMAT 't'ext, 'j'son, 'y'aml or 'x'ml */
	bool no_data;        /* CALL of a procedure: SQLite's column is not sent (NoData) */

	int nparams;           /* highest $n referenced */
	uint32_t *param_types; /* nparams entries: given by the client or inferred; 0 = unknown */

	int ncols; /* result column hints, -1 when unknown (e.g. SELECT *) */
	struct xlat_col *cols;

	enum xlat_txn txn;
	bool txn_chain;        /* COMMIT / ROLLBACK AND CHAIN */
	const char *savepoint; /* SAVEPOINT / RELEASE / ROLLBACK TO name */
	int read_only;         /* BEGIN ... READ ONLY: 1, READ WRITE: 0, unspecified: -1 */
	/* (SET CONSTRAINTS: .savepoint the names joined by 0x1f, NULL for ALL; .read_only 1
	 * DEFERRED, 0 IMMEDIATE) */

	const char *set_name;  /* SET/RESET/SHOW: lower-cased parameter name; NULL for ALL */
	const char *set_value; /* SET: value as text (list values joined with ", "); NULL = DEFAULT;
				* BEGIN: its ISOLATION LEVEL, lower case, NULL when none */
	bool set_local;        /* SET LOCAL */
	bool set_reset;        /* RESET (or SET ... TO DEFAULT) */
	const char *const *set_more; /* SET TRANSACTION's further options: name, value, ... */
	size_t nset_more;            /* pairs in set_more */

	/* XLAT_SCRIPT: its statements one by one, and for DROP TABLE and TRUNCATE the table each
	 * one drops or empties (NULL entries otherwise), so the session may order them
	 * referencing tables first; for TRUNCATE also the SQLite schema it is in (NULL: found
	 * as SQLite finds an unqualified name, a temporary table first). */
	const char **parts;
	const char **part_tables;
	const char **part_schemas;
	size_t nparts;

	const struct xlat_rebuild *rebuild;   /* XLAT_REBUILD */
	const struct xlat_copy *copy;         /* XLAT_COPY */
	const struct xlat_cursor *cursor;     /* XLAT_CURSOR */
	const struct xlat_pl_func *plpgsql;   /* XLAT_DO */
	const struct xlat_database *database; /* XLAT_DATABASE */
	const struct xlat_notify *notify;     /* XLAT_NOTIFY */
	const char *dealloc_name;             /* XLAT_DEALLOCATE: the statement; NULL for ALL;
					     * XLAT_PREPARE, XLAT_EXECUTE: the statement */
	const char *prepare_sql;              /* XLAT_PREPARE: the statement's PostgreSQL text */
	const uint32_t *prepare_types;        /* ... and the types its parameters were given */
	size_t nprepare_types;
	const char *const *execute_args; /* XLAT_EXECUTE: the arguments' text (NULL: NULL) */
	const bool *execute_numeric;     /* ... and whether each is a numeric literal (4.5),
					     * which an integer parameter rounds */
	size_t nexecute_args;

	/* DROP ... IF EXISTS (skip_present false), CREATE ... IF NOT EXISTS (true) and the
	 * like: the objects without a schema (or in public) the session looks up for
	 * PostgreSQL's NOTICE `table "x" does not exist, skipping` / `relation "x" already
	 * exists, skipping`. skip_type is the SQLite object type ("table", "view", "index") for
	 * a DROP, "relation" (any type, sequences too) for a CREATE, else "sequence", "type"
	 * (an enum), "extension", "schema" (one the translator knows is there), "column" (of
	 * table skip_of), "enum label" (of enum skip_of), "constraint" (one the translator
	 * knows domain skip_of lacks), "relation constraint" (of table skip_of), "identity
	 * column" / "generated column" (a column of table skip_of that DROP IDENTITY /
	 * DROP EXPRESSION IF EXISTS names: noticed when it is not one), "trigger" (of table
	 * skip_of, DROP TRIGGER IF EXISTS), "missing schema" (the schemas of DROP ... IF
	 * EXISTS objects, in an XLAT_NOOP: `schema "x" does not exist, skipping`), "temporary
	 * view" (CREATE VIEW over a temporary relation: `view "v" will be a temporary view`) or
	 * "cascade"
	 * (skip_present: the objects DROP DOMAIN ...
	 * CASCADE drops, "column c of table t", for PostgreSQL's `drop cascades to` NOTICE);
	 * NULL / 0 otherwise. */
	const char *skip_type;
	const char **skip_names;
	size_t nskip_names;
	const char *skip_of;
	bool skip_present;

	/* CREATE TEMP TABLE ... ON COMMIT DELETE ROWS ('d') or ON COMMIT DROP ('D'): the table
	 * the session empties or drops at each commit from then on (temp_table); 0 otherwise. */
	char temp_on_commit;
	/* CREATE INDEX, DROP INDEX or REINDEX with CONCURRENTLY, which PostgreSQL refuses inside
	 * a transaction block (25001); it changes nothing else here */
	bool concurrently;
	/* REINDEX SCHEMA ('S'), DATABASE ('D') or SYSTEM ('Y'), which PostgreSQL refuses inside a
	 * transaction block (25001) whatever its options; 0 otherwise */
	char no_block;
	const char *temp_table;
	/* CREATE TABLE [AS], SELECT INTO: the table made (as written, no schema), which a COPY
	 * ... FREEZE later in the same subtransaction may fill (sess_freeze.c); NULL otherwise. */
	const char *created_table;
	/* INSERT ... ON CONFLICT (cols) / ON CONSTRAINT k DO NOTHING: the arbiter's key columns,
	 * sorted, joined by ',' (a NULLS NOT DISTINCT key's trigger skips the row then, as
	 * PostgreSQL's arbiter does: catalog_fkset.c); DO UPDATE: the same after "u:" (that
	 * trigger's 0A000, sess_udf.c); NULL otherwise. */
	const char *conflict_keys;

	int location; /* byte offset of the statement in the input */
	int length;   /* byte length of the statement in the input (0 = to the end) */

	/* Other tenants the statement reads or writes through a schema prefix (`acme.t`) or
	 * search_path: checked, folded names, each emitted as the SQLite schema of that name.
	 * The session checks access and attaches their files before running it. */
	const char **tenants;
	size_t ntenants;

	/* An INSERT that leaves a serial key (the rowid alias) to be numbered: the key's sequence,
	 * whose currval/lastval the runner sets to sqlite3_last_insert_rowid() after the
	 * statement inserted rows, as PostgreSQL's DEFAULT nextval() would. NULL otherwise. */
	const char *numbered_seq;
	/* Its type's maximum when the key is int2 or int4 (0 otherwise): SQLite would number
	 * past it, so the runner runs the statement inside a transaction and fails it with
	 * 2200H, as nextval() would, when the last number given is beyond. */
	int64_t numbered_max;

	/* For a query (SELECT, INSERT, UPDATE, DELETE; NULL for others): each tenant's first
	 * relation as written ("nosuch.t") and its position, for PostgreSQL's 42P01 `relation
	 * "nosuch.t" does not exist` when the tenant does not exist (DDL says 3F000). */
	const char **tenant_rels;
	const int *tenant_pos;

	/* The statement names a relation other than the catalog's (its tenant's, or another's
	 * through a prefix or search_path). */
	bool names_tables;
	/* A catalog query that asks for schemas by name (`nspname = 'beta'`, psql's `nspname ~
	 * '^(beta)$'`, `table_schema = 'beta'`, `schemaname = 'beta'`): the name (the last one;
	 * described_many when they differ), else NULL. A session without a default tenant may
	 * run it on that tenant's connection, whose tables the catalog then describes. */
	bool described_many;
	/* It compares a relation's OID column (oid, attrelid, indrelid ...) with a constant, as
	 * psql's \d does after finding the relation by name. */
	bool oid_lookup;
	/* The schema asked for is parameter described_param (1-based; 0: none) — its name
	 * (`nspname = $1`) or, with described_by_oid, its OID (`relnamespace = $1`, as DBeaver
	 * asks); known only once bound. With described_by_oid and no parameter,
	 * described_schema holds an OID's digits (`relnamespace = 1710209894::oid`, pgAdmin). */
	bool described_by_oid;
	uint16_t described_param;
	const char *described_schema;

	/* Data-modifying statements in WITH, which the runner runs first, in order and all of
	 * them, in the same transaction as .sql (see struct xlat_step). */
	const struct xlat_step *steps;
	size_t nsteps;

	/* Constants passed as parameters (xlat_env.bind_consts): binds[i] goes to parameter
	 * ?(nparams + 1 + i), bound before each run. */
	const struct xlat_bind *binds;
	int nbinds;
	/* A statement seen before (a cache hit) whose .sql is the same text for every statement
	 * that differs from it only in the constants in .binds, naming the schema it was
	 * translated for: worth keeping prepared, and never taken for a statement translated for
	 * another schema. (The miss that stored it has the same text, not the flag.) */
	bool reusable;
	/* CREATE TABLE AS / SELECT INTO (see struct xlat_ctas); NULL otherwise. */
	const struct xlat_ctas *ctas;
	/* INSERT, UPDATE or DELETE of a table of the session's tenant: the table as written and
	 * the trigger events the statement makes (PostgreSQL's bits: 4 INSERT, 8 DELETE, 16
	 * UPDATE; INSERT ... ON CONFLICT DO UPDATE 4|16), plus 512 for any ON CONFLICT, for its
	 * triggers (src/session/sess_trgstmt.c), and 1024 for ON CONFLICT DO NOTHING without a
	 * conflict target, which skips rows EXCLUDE constraints refuse (xlat_exclude.c), and 2048
	 * when the table is named with its schema (public.t: the file's, not a temporary one's
	 * of the same name), and 4096 when its RETURNING list ends with the hidden column
	 * shardlite_returning(), which the session reads and does not send (sess_trgret.c),
	 * and 8192 when the RETURNING list has parameters (which that column passes), and 16384
	 * when it writes through a view WITH CHECK OPTION, whose check is in its RETURNING (the
	 * only item when returns_rows is false: its rows are not sent; else in the marker).
	 * NULL / 0 otherwise. */
	/* LOCK TABLE ... NOWAIT: its first table, named in 55P03 `could not obtain lock on
	 * relation` when the tenant's write lock is held (the script does not wait); NULL else. */
	const char *lock_nowait;
	const char *dml_table;
	int dml_events;
	/* INSERT or UPDATE ... RETURNING list: the list as a query of one row of
	 * the table, "SELECT list FROM table WHERE rowid = ?1", read of the rows a BEFORE trigger
	 * changed once they are written (src/session/sess_trgrow.c, sess_trgret.c); NULL
	 * otherwise, or when the list has a parameter. */
	const char *returning_sql;
	/* A write of a partition, rewritten onto its partitioned table (dml_table): the partition
	 * as named, whose FOR EACH STATEMENT triggers fire (PostgreSQL fires the named
	 * relation's, not its parent's); NULL otherwise. */
	const char *dml_named;
	/* An INSERT or UPDATE of a partition: its partition check (the expression of its
	 * RETURNING, dml_events 16384) as a query of one row of dml_table, "SELECT check FROM
	 * table WHERE rowid = ?1", which the session runs on a row a BEFORE trigger changed and
	 * it wrote (src/session/sess_trgrow.c); NULL otherwise. */
	const char *wco_sql;
	/* DDL whose script moves a partition's rows (ATTACH / DETACH PARTITION, DROP TABLE of a
	 * partition), for which PostgreSQL fires no row trigger: the session runs it with the
	 * row triggers quiet (src/session/sess_script.c). */
	bool quiet_rows;
};

/* ---- DO blocks: the PL/pgSQL subset the session interprets (docs/sql-compat.md) ----
 * The body is parsed by PostgreSQL's own PL/pgSQL parser (libpg_query) and loaded into the
 * tree below; names are resolved while loading, as PostgreSQL compiles a function: each
 * embedded statement or expression is PostgreSQL SQL whose variables are parameters. */

/* A variable's value as a parameter: variable var, or field field of record variable var. */
struct xlat_pl_ref {
	int var;
	const char *field;
};
/* Where a parameter stands in an expression's sql: bytes [at, at + len) are "$ref+1"; star: it
 * was written `r.*` (a record's fields as a list, where a bare record is one row value). */
struct xlat_pl_hit {
	int at, len, ref;
	bool star;
};
/* sql: PostgreSQL text, $1..$nrefs standing for refs (an expression: "SELECT expr"); hits: each
 * place one stands, in order (a record's value is spelled out there when the block runs). */
struct xlat_pl_expr {
	const char *sql;
	const char *text; /* as written (PostgreSQL's CONTEXT quotes it): sql before its rewrites */
	bool simple;      /* one value, no FROM, subquery, aggregate...: PostgreSQL runs it without
			   * SPI (its errors say no `SQL expression` line) */
	const struct xlat_pl_ref *refs;
	int nrefs;
	const struct xlat_pl_hit *hits;
	int nhits;
};
/* A cursor variable's bound query over its arguments (args: variables, set from OPEN c(...)
 * before the query runs); query NULL for a refcursor variable. */
struct xlat_pl_cursor {
	const struct xlat_pl_expr *query;
	const int *args;
	size_t nargs;
	bool no_scroll;
};
struct xlat_pl_var {
	const char *name;
	const char *type; /* declared type as written ("integer", "varchar(20)"); NULL: record */
	bool constant, not_null;
	const struct xlat_pl_expr *init; /* DEFAULT / := expression; NULL: NULL */
	const char *rowtype;             /* a record declared `x%ROWTYPE`: relation x as written */
	const struct xlat_pl_cursor *cursor; /* a cursor variable (its value: the cursor's name) */
};
enum xlat_pl_kind {
	XLAT_PL_BLOCK,  /* [DECLARE] BEGIN ... [EXCEPTION ...] END */
	XLAT_PL_ASSIGN, /* var := expr */
	XLAT_PL_IF,    /* IF / ELSIF / ELSE, and a searched CASE (case_stmt: none taken is 20000) */
	XLAT_PL_LOOP,  /* LOOP ... END LOOP */
	XLAT_PL_WHILE, /* WHILE expr LOOP */
	XLAT_PL_FORI,  /* FOR var IN [REVERSE] expr .. upper [BY step] LOOP */
	XLAT_PL_FORS,  /* FOR targets IN query LOOP; iter: FOREACH, FOR over a cursor */
	XLAT_PL_EXIT,  /* EXIT / CONTINUE [label] [WHEN expr] */
	XLAT_PL_SQL,   /* an SQL statement [INTO [STRICT] targets] */
	XLAT_PL_PERFORM, /* PERFORM query */
	XLAT_PL_DYNEXEC, /* EXECUTE expr [INTO [STRICT] targets] [USING params] */
	XLAT_PL_RAISE,   /* RAISE [level] ... */
	XLAT_PL_GETDIAG, /* GET [STACKED] DIAGNOSTICS */
	XLAT_PL_RETURN,  /* RETURN [expr] (ends the function; expr: its value, a SELECT; line 0:
			  * the implicit one at the end of the body) */
	XLAT_PL_ASSERT,  /* ASSERT expr [, message] */
	XLAT_PL_CURSOR,  /* OPEN, FETCH, MOVE, CLOSE (curop) */
	XLAT_PL_RETURN_QUERY, /* RETURN QUERY [EXECUTE] query (dynamic: EXECUTE's string and
			       * params), and a set-returning LANGUAGE sql function's last
			       * statement: its rows join the result set */
	XLAT_PL_RETURN_NEXT,  /* RETURN NEXT expr: its value joins the result set */
	XLAT_PL_TXN,          /* COMMIT / ROLLBACK [AND CHAIN] (txn_rollback, txn_chain) */
};
struct xlat_pl_stmt;
struct xlat_pl_list {
	const struct xlat_pl_stmt *v;
	size_t n;
};
struct xlat_pl_handler {
	const char *const *codes; /* SQLSTATEs; one of class "XX000" catches its whole class */
	size_t ncodes;
	bool others;
	struct xlat_pl_list body;
};
/* RAISE ... USING option = expr */
enum xlat_pl_raise_opt {
	XLAT_PL_RAISE_ERRCODE,
	XLAT_PL_RAISE_MESSAGE,
	XLAT_PL_RAISE_DETAIL,
	XLAT_PL_RAISE_HINT,
	XLAT_PL_RAISE_COLUMN,
	XLAT_PL_RAISE_CONSTRAINT,
	XLAT_PL_RAISE_DATATYPE,
	XLAT_PL_RAISE_TABLE,
	XLAT_PL_RAISE_SCHEMA
};
/* GET DIAGNOSTICS items */
enum xlat_pl_diag {
	XLAT_PL_DIAG_ROW_COUNT,
	XLAT_PL_DIAG_SQLSTATE,
	XLAT_PL_DIAG_MESSAGE,
	XLAT_PL_DIAG_DETAIL,
	XLAT_PL_DIAG_HINT,
	XLAT_PL_DIAG_CONTEXT,
	XLAT_PL_DIAG_COLUMN,
	XLAT_PL_DIAG_CONSTRAINT,
	XLAT_PL_DIAG_TABLE,
	XLAT_PL_DIAG_SCHEMA,
	XLAT_PL_DIAG_DATATYPE,  /* PG_DATATYPE_NAME */
	XLAT_PL_DIAG_PG_CONTEXT /* GET [CURRENT] DIAGNOSTICS: the call stack */
};
struct xlat_pl_stmt {
	enum xlat_pl_kind kind;
	int line;          /* in the body, 1-based (PostgreSQL's CONTEXT line) */
	const char *label; /* BLOCK, loops: <<label>>; EXIT: the label named; else NULL */
	const struct xlat_pl_expr *expr; /* ASSIGN's value; WHILE/EXIT/ASSERT condition; SQL,
					  * PERFORM, FORS query; DYNEXEC string; FORI lower */
	const struct xlat_pl_expr *upper, *step; /* FORI (step NULL: 1) */
	bool reverse;                            /* FORI */
	bool dynamic;                            /* FORS over EXECUTE expr [USING params] */
	bool is_exit;                            /* EXIT (else CONTINUE) */
	int var;           /* ASSIGN, FORI: the variable; RETURN of a record: it; the
				  * RETURN QUERY of RETURN ROW(...): 1 + its first untyped
				  * literal's field (unknown), 0 none */
	const char *field; /* ASSIGN to a record's field (NEW.x := ...): its name */
	const char *assign_text; /* ASSIGN: as written (`x := expr`), for its CONTEXT line */
	/* ASSIGN of a whole record var other than NULL (rec_whole): from record variable
	 * rec_from - 1 (0: none), or from expr: a row's fields as its columns (rec_anon: ROW(a,
	 * b) or (a, b), whose fields a record names f1, f2, ...), else one composite value */
	bool rec_whole, rec_anon;
	bool rec_subquery; /* expr is the query of `r := (SELECT ...)`, a scalar subquery */
	int rec_from;
	const struct xlat_pl_expr *subscript; /* ASSIGN to an array's element var[subscript] */
	const char *slice_spec; /* ASSIGN to a slice var[l:u]: pgfn_array_assign_slice's spec,
				 * subscript the bounds given; NULL for an element */
	bool ret_record;        /* RETURN NEW / OLD / r (var) in a trigger function;
				  * RETURN NEXT of a record variable (expr: SELECT r.*), the
				  * RETURN QUERY a RETURN of RETURNS record is made of */
	bool ret_null;          /* RETURN NULL in a trigger function; that RETURN QUERY of
				  * RETURN NULL (no expr: a row of NULLs) */
	bool ret_row;           /* RETURN expr in a trigger function: expr's value, a row of the
				  * triggering table (or NULL) */
	bool ret_fields;        /* RETURN r of a row variable (expr: SELECT r.*): the value of
				  * the function's row type made of its fields */
	const int *targets;     /* SQL, DYNEXEC INTO, FORS: the variables filled */
	const char *const *target_fields; /* per target: a record's field (INTO NEW.x), or NULL;
					   * NULL when none is */
	size_t ntargets;
	bool into, strict;
	bool is_call;                            /* SQL: CALL p(...), which leaves FOUND as it is */
	struct xlat_pl_list body;                /* BLOCK, loops */
	const struct xlat_pl_expr *const *conds; /* IF: each arm's condition ... */
	const struct xlat_pl_list *arms;         /* ... and statements */
	size_t narms;
	struct xlat_pl_list else_body; /* IF */
	bool case_stmt, has_else;      /* IF made from CASE */
	const int *decls;              /* BLOCK: its variables, initialized on entry */
	size_t ndecls;
	const struct xlat_pl_handler *handlers; /* BLOCK: EXCEPTION WHEN ... */
	size_t nhandlers;
	int sqlstate_var, sqlerrm_var;            /* BLOCK with handlers: SQLSTATE, SQLERRM */
	const struct xlat_pl_expr *const *params; /* RAISE's % arguments, DYNEXEC's USING */
	size_t nparams;
	int level;            /* RAISE: "debug", "log", "info", "notice", "warning": 0-4;
				   * 5 EXCEPTION */
	const char *message;  /* RAISE: the format ('%' placeholders) or NULL */
	const char *sqlstate; /* RAISE: condition name or SQLSTATE as written; NULL: none */
	bool reraise;         /* RAISE; alone in a handler */
	const enum xlat_pl_raise_opt *opt_kinds; /* RAISE USING options ... */
	const struct xlat_pl_expr *const *opt_exprs;
	size_t nopts;
	const enum xlat_pl_diag *diag_kinds; /* GETDIAG items and their variables */
	const int *diag_vars;
	size_t ndiags;
	bool stacked; /* GET STACKED DIAGNOSTICS */
	/* FORS over something else than a query: FOREACH targets [SLICE slice] IN ARRAY expr */
	enum xlat_pl_iter { XLAT_PL_ITER_QUERY, XLAT_PL_ITER_ARRAY, XLAT_PL_ITER_CURSOR } iter;
	int slice;
	/* CURSOR and FORS over a cursor, of cursor variable var: OPEN (expr: FOR query, or
	 * dynamic: FOR EXECUTE expr USING params; params: a bound cursor's arguments, also of the
	 * FOR loop), FETCH/MOVE (count: its expression, NULL for 1; FETCH INTO targets), CLOSE */
	enum xlat_pl_curop { XLAT_PL_OPEN, XLAT_PL_FETCH, XLAT_PL_MOVE, XLAT_PL_CLOSE } curop;
	enum xlat_pl_fetch {
		XLAT_PL_FETCH_NEXT,
		XLAT_PL_FETCH_PRIOR,
		XLAT_PL_FETCH_FIRST,
		XLAT_PL_FETCH_LAST,
		XLAT_PL_FETCH_ABSOLUTE,
		XLAT_PL_FETCH_RELATIVE,
		XLAT_PL_FETCH_FORWARD,
		XLAT_PL_FETCH_BACKWARD
	} fetch;
	const struct xlat_pl_expr *count;
	bool fetch_all, no_scroll;
	bool txn_rollback, txn_chain; /* TXN: ROLLBACK (else COMMIT), AND CHAIN */
};
struct xlat_pl_func {
	const struct xlat_pl_var *vars; /* every variable, by number */
	size_t nvars;
	struct xlat_pl_stmt top; /* the outermost block */
	/* A function's arguments are variables 0..nargs-1 (DO: none); FOUND is variable
	 * nargs. result_var (-1: none, a DO or a void function) holds RETURN's value, declared
	 * with the function's result type, so RETURN converts as an assignment does. */
	size_t nargs;
	int found_var, result_var;
	const char *name; /* "inline_code_block" for a DO, else the function's name */
	bool sql_body;    /* LANGUAGE sql: the last statement's first row is the result */
	bool void_null;   /* LANGUAGE sql RETURNS void ending in no query: NULL (functions.c) */
	bool retset;      /* RETURNS SETOF / TABLE: RETURN QUERY's rows are the result */
	/* RETURNS trigger: NEW and OLD are record variables new_var and old_var; tg_var is the
	 * first of TG_OP, TG_NAME, TG_WHEN, TG_LEVEL, TG_TABLE_NAME, TG_TABLE_SCHEMA,
	 * TG_RELNAME, TG_NARGS, TG_ARGV, TG_RELID (XLAT_TG_* from it, in this order). */
	bool trigger;
	int new_var, old_var, tg_var;
};
enum {
	XLAT_TG_OP,
	XLAT_TG_NAME,
	XLAT_TG_WHEN,
	XLAT_TG_LEVEL,
	XLAT_TG_TABLE_NAME,
	XLAT_TG_TABLE_SCHEMA,
	XLAT_TG_RELNAME,
	XLAT_TG_NARGS,
	XLAT_TG_ARGV,
	XLAT_TG_RELID,
	XLAT_TG_COUNT
};

/* ---- user-defined functions (CREATE FUNCTION, docs/sql-compat.md "Functions") ---- */
#define XLAT_OID_TRIGGER 2279 /* pg_type's trigger: a function's result type */
/* A function as the tenant's sidecar `_shardlite_functions` holds it: its identity is its
 * name and argument types (sig: the argument type OIDs as decimal text joined by spaces,
 * "23 25"; "" for none). */
struct xlat_udf {
	const char *name, *sig;
	size_t nargs;
	const uint32_t *argtypes;
	const char *const *argnames; /* "" for an unnamed argument */
	const char *const *argdecls; /* the argument types as format_type spells them */
	uint32_t rettype;            /* PGTYPE_VOID for void, PGTYPE_TRIGGER for trigger */
	const char *retdecl;         /* format_type spelling of the result type */
	const char *lang;            /* "plpgsql" or "sql" */
	const char *body;
	char volatility; /* 'i', 's', 'v' as pg_proc.provolatile */
	bool strict;     /* RETURNS NULL ON NULL INPUT */
	char kind;       /* 'f' a function, 'p' a procedure (CALL), as prokind */
	/* The defaults of the last ndefaults input arguments, PostgreSQL text ("1", "now()"),
	 * which a call that leaves those arguments out evaluates in its place. */
	size_t ndefaults;
	const char *const *defaults;
	/* RETURNS SETOF type (rettype, retdecl: the type) or RETURNS TABLE (rettype record, the
	 * columns nouts, outnames, outdecls, outtypes): the call's value is its rows. */
	bool retset;
	size_t nouts;
	const char *const *outnames, *const *outdecls;
	const uint32_t *outtypes;
	/* With OUT or INOUT parameters (NULL: none): every declared parameter in order (modes
	 * 'i', 'o', 'b' as proargmodes; nparams of them), which are the body's variables; the
	 * OUT and INOUT ones are also the outs above (one: the result; more: one row). */
	const char *modes;
	size_t nparams;
	const char *const *allnames, *const *alldecls;
	const uint32_t *alltypes;
	bool variadic; /* the last input argument is VARIADIC (an array the call's extra
			* arguments fill) */
	bool temp;     /* the session's own, in pg_temp (SQLite's temp schema): found only by a
			* pg_temp.f call, and called as shardlite_call('pg_temp.f', ...) */
	/* SECURITY DEFINER, LEAKPROOF: kept for pg_proc and pg_get_functiondef, and change
	 * nothing else (every object of a tenant belongs to the session user) */
	bool secdef, leakproof;
};
/* Whether a call of u yields rows (a set, or one row of several OUT parameters) rather
 * than a value. */
/* RETURNS record or SETOF record without OUT parameters: a call in FROM names its columns with
 * a column definition list, whose types the call passes as a last argument ("23 25"). */
static inline bool xlat_udf_coldefs(const struct xlat_udf *u)
{
	return u->rettype == 2249 /* record */ && !u->nouts;
}
static inline bool xlat_udf_rows(const struct xlat_udf *u)
{
	return u->retset || u->nouts > 1 || xlat_udf_coldefs(u);
}
/* RETURNS SETOF t of a row type t (a composite type's, a table's or a view's, as schema knows
 * them): its rows have the type's columns, whose types the call passes as a last argument as
 * for a column definition list (xlat_call.c). */
struct xlat_schema;
bool xlat_udf_rowset(const struct xlat_udf *u, const struct xlat_schema *schema);
/* A trigger's WHEN condition (PostgreSQL text) as a SELECT of trigger function f's NEW and
 * OLD, or NULL with err (42601) when it does not parse. Lives in a. */
/* The SQLite triggers behind trigger `name` of `table` as CREATE TRIGGER makes them
 * (xlat_trigger.c), appended to sb as "; DROP TRIGGER IF EXISTS ...; CREATE TRIGGER ...":
 * timing and evts as the sidecar _shardlite_triggers keeps them ("BEFORE", "AFTER",
 * "INSTEAD OF"; PostgreSQL's event bits), upd_cols UPDATE OF's columns (0x1f-joined, "" for
 * none), a row trigger's passing the table's columns cols[0..n). cols NULL: only the DROPs.
 * So the triggers can be made again when the table's columns or name change
 * (catalog_trigger.c). */
/* guard: when table is a partitioned table, its key columns (0x1f-joined), and its INSERT
 * and DELETE row triggers also get a SQLite trigger AFTER UPDATE OF them refusing a row moved
 * to another partition (0A000); NULL otherwise. */
void xlat_trigger_sqlite(struct strbuf *sb, struct arena *a, const char *table, const char *name,
			 const char *timing, int evts, const char *upd_cols,
			 const char *const *cols, size_t n, const char *guard);
/* An EXCLUDE constraint as the SQLite objects behind it (xlat_exclude.c): an index named
 * name on table's columns cols[0..n) with method am, marked with XLAT_EXCLUDE_MARK and the
 * operators ops[0..n) (space-separated, then the comment's end), the columns' types types
 * (PostgreSQL OIDs), pred the SQLite text of its WHERE (NULL: none); its triggers are named
 * name + XLAT_EXCLUDE_INSERT / XLAT_EXCLUDE_UPDATE. a holds what is made on the way. */
#define XLAT_EXCLUDE_MARK "/* shardlite: EXCLUDE "
#define XLAT_EXCLUDE_INSERT ".exclude.ins"
#define XLAT_EXCLUDE_UPDATE ".exclude.upd"
/* ... and, without WHERE, name + XLAT_EXCLUDE_SKIP: a BEFORE INSERT trigger that skips a row
 * conflicting with one already there while the statement is INSERT ... ON CONFLICT DO
 * NOTHING without a conflict target (the session's shardlite_exclude_skipping()) */
#define XLAT_EXCLUDE_SKIP ".exclude.skip"
/* The name prefix of the SQLite trigger of a FOREIGN KEY ... ON DELETE SET NULL (cols)
 * (xlat_fkset.c), which the catalog reads as the key's confdelsetcols, not as a trigger. */
#define XLAT_FKSET_PREFIX "shardlite_fkset."
/* Drops those whose key is gone: run after ALTER TABLE's rebuilds (DROP TABLE's
 * shardlite_forget does it too). */
#define XLAT_FKSET_SWEEP                                                                       \
	"SELECT shardlite_fkset_sweep() WHERE EXISTS (SELECT 1 FROM main.sqlite_schema WHERE " \
	"(type = 'trigger' AND (substr(name, 1, 16) = '" XLAT_FKSET_PREFIX "' OR "             \
	"substr(name, 1, 15) = '" XLAT_NVFK_PREFIX "' OR substr(name, 1, 14) = '"              \
	XLAT_NND_PREFIX "')) OR (type IN ('table', 'index') AND "                             \
	"(instr(sql, '/* shardlite: not valid */') OR "                                        \
	"instr(sql, '/* shardlite: nulls not distinct */'))))" /* CATALOG_*_MARK */
/* The name prefix of the SQLite trigger that checks the rows an UPDATE changes against a NOT
 * VALID foreign key (catalog_fkset.c; the sweep makes and drops them to match the keys), and
 * the error it raises (a 23503 that shard_fk_explain words as PostgreSQL does). */
#define XLAT_NVFK_PREFIX "shardlite_nvfk."
#define XLAT_NVFK_MESSAGE "FOREIGN KEY constraint failed (NOT VALID)"
/* The name prefix of the two SQLite triggers of a UNIQUE index made NULLS NOT DISTINCT
 * (catalog_fkset.c): a row whose key has a NULL and equals another row's is refused. */
#define XLAT_NND_PREFIX "shardlite_nnd."
#define XLAT_NND_MESSAGE "duplicate key value violates unique constraint "
/* The SQLite triggers of a DEFERRABLE UNIQUE constraint name (xlat_defkey.c): name +
 * XLAT_DEFKEY_INSERT / XLAT_DEFKEY_UPDATE, which the catalog does not show as triggers. */
#define XLAT_DEFKEY_INSERT ".unique.ins"
#define XLAT_DEFKEY_UPDATE ".unique.upd"
bool xlat_defkey_trigger(const char *name);
/* Appends "; CREATE TRIGGER ..." twice: the triggers of such a key name on table's columns
 * cols[0..n) (also for RENAME CONSTRAINT, shard_alter.c). */
void xlat_defkey_triggers(struct strbuf *sb, const char *name, const char *table,
			  const char *const *cols, size_t n);
struct xlat_exclude {
	struct arena *a;
	const char *table, *name, *am, *pred;
	const char *const *cols, *const *ops;
	const uint32_t *types;
	size_t n;
};
/* Appends "CREATE INDEX ...; CREATE TRIGGER ...; CREATE TRIGGER ..." to sb; false when an
 * operator has no SQLite test here (the caller checked them: a bug). */
bool xlat_exclude_sqlite(struct strbuf *sb, const struct xlat_exclude *x) MUST_CHECK;
/* Appends a SELECT that raises 23P01 for the first two rows of the table that conflict (the
 * check of ALTER TABLE ... ADD on a table with rows); false as xlat_exclude_sqlite. */
bool xlat_exclude_check_sql(struct strbuf *sb, const struct xlat_exclude *x) MUST_CHECK;
const struct xlat_pl_expr *xlat_trigger_when(const struct xlat_pl_func *f, const char *cond,
					     struct arena *a, struct pgerr *err);
/* A trigger's WHEN condition text with NEW.from and OLD.from naming column `to` (ALTER TABLE
 * ... RENAME COLUMN from TO to), as PostgreSQL's stored condition follows the rename; when
 * itself when it names no such column or cannot be scanned. In a. */
const char *xlat_trigger_when_renamed(struct arena *a, const char *when, const char *from,
				      const char *to);
/* Loads u's body into *out as the session's interpreter runs it (a LANGUAGE sql body as a
 * block of its statements whose last one returns the result). False with err: 42601 for a
 * body PostgreSQL would not compile, 0A000 for what the interpreter cannot run. Lives in a.
 * schema (may be NULL) resolves a type that names a relation (its row type). */
struct xlat_schema;
bool xlat_udf_compile(const struct xlat_udf *u, const struct xlat_schema *schema, struct arena *a,
		      const struct xlat_pl_func **out, struct pgerr *err) MUST_CHECK;
/* The instance of a polymorphic function u that a call made with the argument types
 * resolved ("23 1007", the part of shardlite_call's sig after '|'; xlat_polyfn.c): its
 * parameter and result types the actual ones. In a; NULL with err when they disagree. */
const struct xlat_udf *xlat_udf_instance(const struct xlat_udf *u, const char *resolved,
					 const struct xlat_schema *schema, struct arena *a,
					 struct pgerr *err);
/* The SQLSTATEs PL/pgSQL condition name (lower case, PostgreSQL 15's plerrcodes) stands for:
 * up to max into out (a few names stand for two), their number returned; 0 when the name is
 * no condition. */
size_t xlat_plerr_lookup(const char *name, const char **out, size_t max);

/* A constant of the statement's text, bound as a parameter: an integer or a string. */
struct xlat_bind {
	bool is_text;
	int64_t i;
	const char *text; /* is_text: its value (quotes undone), len bytes */
	size_t len;
};

/* The tenant's schema as the translator sees it: the declared PostgreSQL type of each column
 * of each table and view, so that column references, the aggregates and conditionals over
 * them, and the parameters compared with or stored into them get PostgreSQL's types, and
 * values stored into a column are checked as PostgreSQL checks them (range, length, input
 * syntax). Lent by the caller for one xlat_translate_in call. */
struct xlat_schema_col {
	const char *name;
	uint32_t type_oid; /* 0: not known (an expression column of a view) */
	int32_t typmod;    /* -1 when none */
	char identity;     /* 'a' GENERATED ALWAYS AS IDENTITY, 'd' BY DEFAULT, '\0' neither */
	/* A serial or identity key that is SQLite's rowid alias (numbered by SQLite when no
	 * value is given, and given NULL): the sequence it counts in; NULL otherwise. */
	const char *rowid_seq;
	/* A plain integer primary key that is SQLite's rowid alias (INTEGER PRIMARY KEY without
	 * AUTOINCREMENT): SQLite would number a NULL or a row that leaves it out, PostgreSQL
	 * refuses both (23502); nothing numbers it. */
	bool rowid_key;
	bool generated; /* GENERATED ALWAYS AS (...) STORED: only DEFAULT may be written to it */
	bool collate_c; /* declared COLLATE "C": its keys' collation (ON CONFLICT inference) */
};
/* An enum type of the tenant: its labels in sort order, and the columns of tables declared
 * with it or an array of it (tables[i].columns[i]), which DROP TYPE ... CASCADE drops and
 * ALTER TYPE ... RENAME VALUE updates. */
struct xlat_enum {
	const char *name;
	uint32_t oid, array_oid;
	const char *const *labels;
	size_t nlabels;
	const char *const *tables;
	const char *const *columns;
	size_t nusers;
};
/* A domain of the tenant (CREATE DOMAIN; the layout of struct catalog_domain): its base type
 * as a column declares it ("int4", "numeric(12,2)"), NOT NULL, DEFAULT and CHECKs (name
 * order) as PostgreSQL SQL, and the table columns declared with it. */
struct xlat_domain {
	const char *name;
	uint32_t oid, array_oid;
	const char *base;
	bool notnull;
	const char *dflt;
	const char *const *connames;
	const char *const *checks;
	size_t nchecks;
	const char *const *tables;
	const char *const *columns;
	size_t nusers;
	const char *parent; /* CREATE DOMAIN d2 AS d1: "d1" (base is d1's base), NULL: none */
};
/* Row-level security of a table of the tenant (ALTER TABLE ... ENABLE/FORCE ROW LEVEL
 * SECURITY, CREATE POLICY; the sidecars _shardlite_rowsecurity and _shardlite_policies,
 * catalog_policy.c): its policies in name order, each expression PostgreSQL text as
 * pg_get_expr prints it (NULL: none), roles its TO list joined by ',' (NULL: PUBLIC), cmd
 * pg_policy.polcmd ('*' ALL, 'r' SELECT, 'a' INSERT, 'w' UPDATE, 'd' DELETE). */
struct xlat_policy {
	const char *name;
	char cmd;
	bool permissive;
	const char *roles;
	const char *qual, *with_check;
};
/* The SQLite triggers that check new rows against a table's policies (xlat_policy.c) end
 * their names with these; the catalog does not show them. */
#define XLAT_RLS_INSERT ".rls.ins"
#define XLAT_RLS_UPDATE ".rls.upd"
struct xlat_rls {
	const char *table;
	bool enabled, forced;
	const struct xlat_policy *policies;
	size_t npolicies;
};
struct xlat_schema {
	/* The columns of relation name (a table or view of the tenant, matched as SQLite
	 * matches names): true with *cols (ncols entries, valid until the call returns; may
	 * live in a), false when there is no such relation. Called from the translating
	 * thread only, on cache misses only. */
	bool (*table_fn)(void *arg, const char *name, struct arena *a,
			 const struct xlat_schema_col **cols, size_t *ncols);
	/* Whether name, a relation table_fn does not know, is a sequence (read as a relation:
	 * SELECT last_value FROM s). NULL: never. Called on cache misses only; a statement that
	 * names a relation table_fn does not know is not cached. */
	bool (*sequence_fn)(void *arg, const char *name);
	/* The kind of relation name (one table_fn knows) where a statement must know it: 'm' a
	 * materialized view without rows (made or refreshed WITH NO DATA: reading it is 55000),
	 * 'M' a populated one (readable; only REFRESH writes a materialized view: INSERT,
	 * UPDATE, DELETE, TRUNCATE, COPY are 42809, MERGE 0A000, as PostgreSQL's), 'c' a
	 * composite type (CREATE TYPE ... AS: reading it is 42809), 'v' a view (MERGE into one
	 * is 0A000), 0 none of them. NULL: never. Part of the fingerprint. */
	char (*relkind_fn)(void *arg, const char *name);

	/* The columns of pg_catalog relation name (bare or pg_catalog-qualified; the catalog's
	 * own, fixed per build), as table_fn; NULL: catalog columns stay untyped. */
	bool (*catalog_fn)(void *arg, const char *name, struct arena *a,
			   const struct xlat_schema_col **cols, size_t *ncols);
	void *arg;
	/* Identifies the schema's content: equal fingerprints mean equal columns and types in
	 * every relation. The translation cache keys on it, so a translation made for one
	 * schema is never handed to a statement run against another. */
	uint64_t fingerprint;
	/* The columns of table name's primary key (conname NULL; *n 0: none), or of its PRIMARY
	 * KEY or UNIQUE constraint conname (ON CONFLICT ON CONSTRAINT), valid until the call
	 * returns; *n 0 for a constraint without such an index: *cols non-NULL for an EXCLUDE
	 * constraint of the table, NULL for a FOREIGN KEY or CHECK; false when name is no table
	 * or has no such constraint. Grouping by the primary
	 * key groups the table's other columns. NULL: never known. Called on cache misses only;
	 * constraint names are part of the fingerprint. */
	bool (*pkey_fn)(void *arg, const char *name, const char *conname, const char *const **cols,
			size_t *n);
	/* The tenant's enum types and functions (CREATE FUNCTION), both part of the fingerprint;
	 * the counts are 32-bit so that the domains fit in the same space. */
	const struct xlat_enum *enums;
	const struct xlat_udf *udfs;
	uint32_t nenums, nudfs;
	/* The tenant's domains, ended by one whose name is NULL (part of the fingerprint); NULL:
	 * none. */
	const struct xlat_domain *domains;
	/* The default of column col of table name as a SQLite expression (what SQLite evaluates
	 * when the column is left out) into *sql, NULL when it has none; false when the column
	 * is not known. Valid until the call returns. NULL: never known. Cache misses only.
	 * With text_affinity (may be NULL): whether SQLite gives the column TEXT affinity by its
	 * declared type, so that a text compared with it stays text (a LIKE's index range,
	 * xlat_pred.c; part of the fingerprint). */
	bool (*default_fn)(void *arg, const char *name, const char *col, const char **sql,
			   bool *text_affinity);
	/* The OID of the row type of table or view name (what SELECT t FROM t reports for its
	 * column t); NULL: not known, such a column is refused. With name NULL the other way:
	 * whether oid is a relation's row type, 0 when not, else oid with the relation's name
	 * into *rel (its columns are table_fn's); when oid is the array type of one (pt[]), the
	 * row type's OID (not oid) with the relation's name. */
	uint32_t (*rowtype_fn)(void *arg, const char *name, uint32_t oid, const char **rel);
};

/* A transition table of the trigger function running (REFERENCING NEW TABLE AS name): a bare
 * name that reads the firing's rows of table, through shardlite_transition(name). */
struct xlat_transition {
	const char *name, *table;
};

/* What the session's state changes about name resolution and typing. */
struct xlat_env {
	/* The session's own tenant: a schema prefix naming it means the session's file ("main"),
	 * like public. NULL: none (every tenant prefix names another file). */
	const char *tenant;
	/* search_path's choice for unqualified names: NULL for the session's own tenant, else a
	 * checked tenant name other than .tenant. Catalog relations stay pg_catalog's. */
	const char *search;
	/* The session has no default tenant: .tenant (NULL: none) is the tenant search_path
	 * chose for its connection, and current_schema() names it (else NULL, no schema). */
	bool no_default;
	/* Without a default tenant, search_path names no tenant the user may reach (RESET
	 * search_path inside a transaction that started on one): unqualified names other than
	 * the catalog's find nothing (42P01; CREATE: 3F000), whatever the connection's file. */
	bool no_search;
	/* The tenant's own schemas (CREATE SCHEMA), sorted; none in a session without a default
	 * tenant. An object t of schema s is the tenant file's "s.t" (xlat_localnsp.c); part of
	 * .schema's fingerprint, which changes with them. */
	const char *const *local_schemas;
	size_t nlocal_schemas;
	/* search_path's elements that are the tenant's own schemas or public ("" for public or the
	 * tenant's own name), in order, when at least one own schema is among them (else 0):
	 * unqualified names are looked up through them, the first holding the name wins, and a
	 * CREATE makes its object in the first (xlat_localnsp.c). Part of the cache key. */
#define XLAT_SEARCH_LOCAL_MAX 8
	const char *search_local[XLAT_SEARCH_LOCAL_MAX];
	size_t nsearch_local;
	/* search_path names pg_temp after other elements (SET search_path = public, pg_temp),
	 * while the session holds temporary relations: the elements before it that may hold
	 * relations ("" for public or the tenant's own name, else one of .local_schemas), in
	 * order. An unqualified name of a temporary relation that one of them also holds means
	 * that one, as PostgreSQL searches pg_temp only where the path names it
	 * (xlat_localnsp.c). 0: pg_temp is searched first, as by default. Part of the cache
	 * key. */
	const char *temp_after[XLAT_SEARCH_LOCAL_MAX];
	size_t ntemp_after;
	/* search_path's first element is pg_temp: an unqualified CREATE TABLE/VIEW/SEQUENCE (and
	 * CREATE TABLE AS, SELECT INTO) makes a temporary relation, as PostgreSQL creates in the
	 * first element. Part of the cache key. */
	bool temp_first;
	/* The session's own tenant's column types (NULL: not known; column types are then left
	 * to the SQLite columns' declared types and no value checks are emitted). Relations of
	 * other tenants are typed as unknown. */
	const struct xlat_schema *schema;
	/* Emit the constants of a statement the translation cache keeps as parameters after the
	 * client's (xlat_stmt.binds, .reusable), where SQLite does not need their value to
	 * prepare it: in a SELECT, INSERT, UPDATE or DELETE of the tenant's own tables, with a
	 * schema, not in ORDER BY, GROUP BY, window or DISTINCT ON clauses (nor anywhere in a
	 * grouped query level), not reading the catalog. A simple Query's statements, which the
	 * session then keeps prepared on its connection. */
	bool bind_consts;
	/* A statement that follows one changing the schema in the same input (CREATE TABLE t
	 * ...; INSERT INTO t ...) is returned as XLAT_LATER, with only .location, .length and
	 * .tag ("INSERT", "ALTER TABLE", ...) set: the caller translates that text (xlat_translate_later) once the statements before
	 * it have run, as PostgreSQL analyzes each statement of a Query just before running it.
	 * Transaction control is translated at once. A simple Query's statements. */
	bool later;
	/* The session's transaction block has failed: every statement but transaction control is
	 * returned as XLAT_LATER, untranslated, and never cached, so that the session answers it
	 * 25P02 as PostgreSQL does, which refuses it before analyzing it (only a syntax error
	 * comes first): `DELETE FROM t d WHERE t.a > 1` there is 25P02, not 42P01. */
	bool aborted;
	/* The session's connection holds temporary tables, which SQLite finds before the file's
	 * tables: a query's `public.t` is emitted as main.t, so that none of them hides it. */
	bool temp_tables;
	/* The running trigger function's transition tables (part of the cache key); NULL: none. A
	 * WITH query of the name comes first, as in PostgreSQL. */
	const struct xlat_transition *transitions;
	size_t ntransitions;
	/* Whether name is a function PostgreSQL has built in (pg_proc lists it): a call of one the
	 * translator does not know is then 0A000 "function f is not supported", not 42883.
	 * NULL: never known. Error path only. */
	bool (*builtin_fn)(const char *name);
	/* Whether a built-in function named name could take n arguments of types[0..n) (OIDs, 0
	 * not known; types NULL: the count only): 1 yes, -1 none could (the call is 42883, as in
	 * PostgreSQL, rather than 0A000), 0 no such name. NULL: never known. Error path only. */
	int (*builtin_call)(const char *name, const uint32_t *types, size_t n);
	/* The built-in operator whose function is name (int4pl: +), with its left (0: prefix),
	 * right and result types in types[0..2]; NULL when none. A call of such a function by
	 * name is the operator on its operands (xlat_operfn.c). NULL: none known. */
	const char *(*oper_fn)(const char *name, uint32_t types[3]);
	/* The extensions the tenant has created (XLAT_EXT_* bits), read with .schema and part of
	 * its fingerprint: uuid-ossp's functions exist only once it was created, as in
	 * PostgreSQL. Without .schema they are taken to exist. */
	unsigned extensions;
	/* Whether table name of .schema (arg: its arg) has a DEFERRABLE UNIQUE or PRIMARY KEY
	 * constraint: its primary key (primary), else named conname (non-NULL), else on the
	 * columns cols[0..n) in any order (n > 0), else any (ON CONFLICT's arbiters and a
	 * foreign key's referenced key: 55000). NULL: never. */
	bool (*defkey_fn)(void *arg, const char *name, const char *conname, const char *const *cols,
			  size_t n, bool primary);
	/* Whether cols[0..n) (any order) are table name's primary key or the columns of one of
	 * its UNIQUE constraints or unique indexes over plain columns without WHERE: what a
	 * foreign key may reference (else PostgreSQL's 42830); true when name is not known. arg:
	 * .schema's. NULL: never checked. */
	bool (*refkey_fn)(void *arg, const char *name, const char *const *cols, size_t n);
	/* Whether ON CONFLICT (col opclass, ...) infers a unique key of table name, as
	 * PostgreSQL's infer_arbiter_indexes: a PRIMARY KEY, UNIQUE constraint or unique index of
	 * plain columns without WHERE whose columns are cols[0..n) as a set, each opclass[i]
	 * given (NULL: any) the operator class of its column there. True when name is not
	 * known. arg: .schema's. NULL: never checked. */
	bool (*arbiter_fn)(void *arg, const char *name, const char *const *cols,
			   const char *const *opclass, size_t n);
	/* The columns declared with row type oid (a composite type's) or its array type, in the
	 * tables' order, for DROP TYPE ... CASCADE: their tables and names into *tables and
	 * *columns (in a) and the count; -1 when a composite type has an attribute of it. Read
	 * with .schema (its arg). NULL: never known (the cascade is then refused). */
	long (*rowtype_users_fn)(const struct xlat_schema *schema, uint32_t oid, struct arena *a,
				 const char ***tables, const char ***columns);
	/* Whether tenant (a checked tenant name other than .tenant) has no file although the user
	 * may reach it: DROP TABLE/VIEW/INDEX/SEQUENCE IF EXISTS of an object in it is then
	 * PostgreSQL's NOTICE `schema "x" does not exist, skipping`. False for a tenant the user
	 * may not reach (its 42501 comes first). arg: .session_arg. NULL: never known. */
	bool (*tenant_missing_fn)(void *arg, const char *tenant);
	/* Whether name is one of the session's temporary tables, views or indexes (pg_class's
	 * names, which pg_temp's hide): CREATE VIEW over one makes a temporary view, with
	 * PostgreSQL's NOTICE `view "v" will be a temporary view`; REINDEX names it in SQLite's
	 * temp schema. arg: .session_arg. NULL: none. */
	bool (*temp_rel_fn)(void *arg, const char *name);
	/* Whether the tenant's file (not the temp schema) has a table, view or sequence name:
	 * what an element of .temp_after that is public holds. arg: .session_arg. NULL: never. */
	bool (*file_rel_fn)(void *arg, const char *name);
	/* .schema's table_fn for the tenant file's relation name only, when a temporary one of
	 * the name hides it from table_fn (public.t, or t that search_path finds in public).
	 * arg: .session_arg. NULL: never known (such a relation is then typed by SQLite's
	 * declared types). */
	bool (*file_table_fn)(void *arg, const char *name, struct arena *a,
			      const struct xlat_schema_col **cols, size_t *ncols);
	/* The CREATE VIEW text SQLite keeps for view name (a temporary one first, as SQLite finds
	 * names), in a, with the events (4 INSERT, 8 DELETE, 16 UPDATE) the view's INSTEAD OF
	 * triggers take into *instead; NULL when name is no view. An INSERT, UPDATE or DELETE of
	 * a view is rewritten onto its base relation with it (xlat_updview.c). arg:
	 * .session_arg. NULL: never known (the write goes to SQLite as written). */
	const char *(*view_fn)(void *arg, const char *name, struct arena *a, int *instead);
	/* The CREATE TABLE text SQLite keeps for table name of the session's own file (not a
	 * temporary one), in a; NULL when it is no such table. A partitioned table's key is a
	 * mark in it (xlat_partition.c). arg: .session_arg. NULL: never known (PARTITION OF
	 * is then 42P01). */
	const char *(*table_sql_fn)(void *arg, const char *name, struct arena *a);
	/* Whether relation name of the schema snapshot (.schema) is a partitioned table ('p'),
	 * a partition ('c') or a partition that is partitioned ('s'), 0 neither: xlat_partition.c reads their stored text only then, as a
	 * read inside a transaction block takes its snapshot. arg: .session_arg. NULL: never
	 * known (the text is read for every name it asks about). */
	char (*partition_fn)(void *arg, const char *name);
	/* The indexes of the session's tenant whose SQLite text spells enum type's labels (their
	 * text carries "/" "* shardlite: enum order <type> *" "/"): *n pairs of the index's name
	 * and its pg_get_indexdef text, in a; NULL with *n 0 when there are none. ALTER TYPE ...
	 * ADD VALUE / RENAME VALUE makes them again (xlat_enumrefit.c). arg: .session_arg.
	 * NULL: never known (the ALTER TYPE's script then refuses when there are some). */
	const char *const *(*enum_indexes_fn)(void *arg, const char *type, struct arena *a,
					      size_t *n);
	/* The current user (policies' TO roles name users; NULL: no policy names a role that
	 * applies) and whether row_security is off (a statement that policies would filter is
	 * then 42501, as in PostgreSQL). A statement row-level security applies to is never
	 * cached, so neither is part of the cache key. */
	const char *user;
	bool row_security_off;
	/* The tables of .schema with row-level security enabled or forced, or with policies
	 * (read with .schema and part of its fingerprint; xlat_rls.c applies them); NULL with
	 * nrls 0: none. */
	const struct xlat_rls *rls;
	size_t nrls;
	void *session_arg;
};
enum {
	XLAT_EXT_UUID_OSSP = 1,
	XLAT_EXT_PGCRYPTO = 2,
	XLAT_EXT_PG_TRGM = 4,
	XLAT_EXT_FUZZYSTRMATCH = 8,
	XLAT_EXT_CITEXT = 16
};

/* An extension whose features shardlite has built in (xlat_extlist.c): CREATE EXTENSION
 * records it in the tenant, pg_extension lists it with this version and pg_description with
 * this comment; bit (XLAT_EXT_*, 0: none) is set in xlat_env.extensions once it was created,
 * for the functions that exist only then. */
struct xlat_extension {
	const char *name;
	const char *version; /* the one PostgreSQL 15 installs */
	const char *comment; /* its control file's */
	unsigned bit;
};
/* The built-in extension called name; NULL when there is none (CREATE EXTENSION: 0A000). */
const struct xlat_extension *xlat_extension_find(const char *name);
/* The i-th of them (0 first); NULL past the last. */
const struct xlat_extension *xlat_extension_at(size_t i);

/* A view PostgreSQL updates automatically (view_query_is_auto_updatable, its columns aside):
 * its FROM relation, and for each of its ncols columns its name and the base column it reads
 * (NULL: computed, not updatable). */
struct xlat_updview_desc {
	const char *base;
	const char *const *names, *const *cols;
	size_t ncols;
};
/* Reads view's CREATE VIEW text as SQLite keeps it (xlat_env.view_fn's) into *out (in a):
 * false when PostgreSQL would not update the view automatically, or its text cannot be read
 * back. schema: the tenant's (its aggregates), may be NULL. For information_schema's
 * is_updatable and pg_relation_is_updatable. */
bool xlat_updview_describe(const char *sql, const struct xlat_schema *schema, struct arena *a,
			   struct xlat_updview_desc *out);

/* Translates every statement in sql (a simple Query may hold several). param_types/nparam_types
 * are the types a Parse message gave (may be NULL/0); they fill and override inferred types.
 * Everything returned lives in arena a. Returns false with err set (42601 + position for syntax
 * errors, 0A000 naming the construct for unsupported SQL, 54001 for expressions nested more
 * than 500 levels); no statements are returned then. An empty or comment-only sql gives one
 * XLAT_EMPTY statement. Each XLAT_SQL .sql is exactly one SQLite statement; an XLAT_SCRIPT
 * .sql holds one or more SQLite statements separated by semicolons, which return no rows and
 * take no parameters, and which the session runs in order as one atomic statement (DROP
 * TABLE a, b; TRUNCATE a, b). Does not block (beyond the cache's lock); thread-safe; needs
 * about 1 MB of stack (libpg_query and protobuf-c recurse over the tree). */
bool xlat_translate(const char *sql, const uint32_t *param_types, int nparam_types, struct arena *a,
		    struct xlat_stmt **out, size_t *nout, struct pgerr *err) MUST_CHECK;
/* As xlat_translate, resolving schema names and typing columns through env (NULL: the
 * defaults, as xlat_translate).
 * Schema prefixes (xlat_schema.c): none or `public` mean the session's tenant; pg_catalog and
 * information_schema the catalog; any other must be a valid tenant name (3F000 otherwise,
 * also for `main` and `temp`, which are SQLite's) and lands in .tenants. Statements that
 * cannot reach another tenant's file (COPY of a table, CREATE VIEW/INDEX, foreign keys,
 * constraint rebuilds, several-part scripts) are refused with 0A000 when they name one. */
bool xlat_translate_in(const struct xlat_env *env, const char *sql, const uint32_t *param_types,
		       int nparam_types, struct arena *a, struct xlat_stmt **out, size_t *nout,
		       struct pgerr *err) MUST_CHECK;

/* A PL/pgSQL cursor's query sql (PostgreSQL text) when it is a simply updatable scan of one
 * of the tenant's tables, as DECLARE judges it (xlat_cursor.c): the query with the table's
 * ctid as a last column, *table the table (both in a); NULL when it is none, for UPDATE/DELETE
 * ... WHERE CURRENT OF the cursor (the session keeps each row's rowid). */
const char *xlat_cursor_scan_sql(const struct xlat_env *env, const char *sql, struct arena *a,
				 const char **table);

/* Translates the XLAT_LATER statement `x` of sql (the whole input it came from) into one
 * statement in *out, as xlat_translate_in would translate that statement's text alone; error
 * positions count from the start of sql, .location and .length stay x's. */
bool xlat_translate_later(const struct xlat_env *env, const char *sql, const struct xlat_stmt *x,
			  struct arena *a, struct xlat_stmt **out, struct pgerr *err) MUST_CHECK;

/* The translation cache behind xlat_translate: one per process, shared by every thread.
 * A single-statement text seen before, also with other constants in it, is answered from a
 * template without parsing (docs/architecture.md). */
struct xlat_cache_stats {
	uint64_t hits, misses; /* lookups answered / not answered from the cache */
	uint64_t stores;       /* translations remembered */
	size_t entries;        /* remembered now */
};
/* Bounds the cache to max_entries statements (default 8192); 0 turns it off. */
void xlat_cache_configure(size_t max_entries);
void xlat_cache_stats(struct xlat_cache_stats *out);

/* Byte offset in sql of the first reference to name ("x", or dotted "t.x": each part one
 * identifier, folded as PostgreSQL folds unquoted ones) in sql[from, end), or -1. Scans as
 * the translation cache's lexer does: strings and comments are skipped. For error positions
 * of names SQLite reports without one. */
long xlat_find_ident(const char *sql, size_t from, size_t end, const char *name);

#endif
