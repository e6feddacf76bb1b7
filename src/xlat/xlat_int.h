/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_int.h: private to the translator — the emitter context every walker writes through,
 * the static types expressions carry, the PostgreSQL type OIDs xlat needs (pgtype is linked
 * only for date/time literal input, xlat_datetime.c), and the entry points each xlat_*.c
 * file offers the others. */
#ifndef SHARDLITE_XLAT_INT_H
#define SHARDLITE_XLAT_INT_H

#include "xlat.h"

#include <pg_query/pg_query.pb-c.h>

/* PostgreSQL 15 type OIDs (pg_type.dat). 0 means "not known before running". */
enum {
	XLAT_OID_UNKNOWN_COL = 0,
	XLAT_OID_BOOL = 16,
	XLAT_OID_BYTEA = 17,
	XLAT_OID_CHAR = 18, /* "char" */
	XLAT_OID_NAME = 19,
	XLAT_OID_INT8 = 20,
	XLAT_OID_INT2 = 21,
	XLAT_OID_INT4 = 23,
	XLAT_OID_REGPROC = 24,
	XLAT_OID_TEXT = 25,
	XLAT_OID_OID = 26,
	XLAT_OID_XID = 28,
	XLAT_OID_JSON = 114,
	XLAT_OID_FLOAT4 = 700,
	XLAT_OID_FLOAT8 = 701,
	XLAT_OID_UNKNOWN = 705, /* an undecorated string literal */
	XLAT_OID_BPCHAR = 1042,
	XLAT_OID_VARCHAR = 1043,
	XLAT_OID_DATE = 1082,
	XLAT_OID_TIME = 1083,
	XLAT_OID_TIMESTAMP = 1114,
	XLAT_OID_TIMESTAMPTZ = 1184,
	XLAT_OID_INTERVAL = 1186,
	XLAT_OID_TIMETZ = 1266,
	XLAT_OID_NUMERIC = 1700,
	XLAT_OID_RECORD = 2249,
	XLAT_OID_UUID = 2950,
	XLAT_OID_CIDR = 650,
	XLAT_OID_MACADDR8 = 774,
	XLAT_OID_MACADDR = 829,
	XLAT_OID_INET = 869,
	XLAT_OID_MONEY = 790,
	XLAT_OID_BIT = 1560,
	XLAT_OID_VARBIT = 1562,
	XLAT_OID_JSONB = 3802,
	XLAT_OID_REFCURSOR = 1790,
	XLAT_OID_INT4RANGE = 3904,
	XLAT_OID_NUMRANGE = 3906,
	XLAT_OID_TSRANGE = 3908,
	XLAT_OID_TSTZRANGE = 3910,
	XLAT_OID_DATERANGE = 3912,
	XLAT_OID_INT8RANGE = 3926,
	XLAT_OID_INT4MULTIRANGE = 4451,
	XLAT_OID_NUMMULTIRANGE = 4532,
	XLAT_OID_TSMULTIRANGE = 4533,
	XLAT_OID_TSTZMULTIRANGE = 4534,
	XLAT_OID_DATEMULTIRANGE = 4535,
	XLAT_OID_INT8MULTIRANGE = 4536,
	XLAT_OID_JSONPATH = 4072,
	XLAT_OID_TSVECTOR = 3614,
	XLAT_OID_TSQUERY = 3615,
	XLAT_OID_CITEXT = 174450007, /* the citext extension's: PGTYPE_CITEXT (xlat_citext.c) */
	XLAT_OID_CITEXT_ARRAY = 1706442074,
};

/* The static type of an emitted expression. */
struct xlat_type {
	uint32_t oid;   /* 0 = only known at run time (column references and the like) */
	int32_t typmod; /* numeric expressions: also their display scale, see XLAT_NUM_SCALE */
};

/* PostgreSQL carries a display scale (digits after the point) in each numeric value; SQLite
 * does not. Where the translator can know it, an expression's numeric typmod (which PostgreSQL
 * reports as -1 for expressions) carries it, with precisions no declared numeric has: 0 for
 * "exactly s digits", 1001 for a quotient ("PostgreSQL's division scale, at least s"). */
#define XLAT_NUM_SCALE(s) ((s) + 4)
#define XLAT_NUM_QUOTIENT(s) (((1001 << 16) | (s)) + 4)

/* How a SQLite value of a type is stored, which decides how casts are emitted. */
enum xlat_store { XLAT_ST_INT, XLAT_ST_REAL, XLAT_ST_NUMERIC, XLAT_ST_TEXT, XLAT_ST_BLOB };

/* One built-in type the translator knows (xlat_type.c). */
struct xlat_typeinfo {
	const char *typname; /* pg_type.typname as the parser gives it: "int4", "varchar" */
	uint32_t oid;
	uint32_t array_oid;   /* 0: no array type we report */
	const char *sql_name; /* format_type() spelling without modifiers */
	enum xlat_store store;
	int tmod; /* which modifiers it takes (XLAT_TMOD_*) */
};

enum { XLAT_TMOD_NONE, XLAT_TMOD_LENGTH, XLAT_TMOD_NUMERIC, XLAT_TMOD_PRECISION, XLAT_TMOD_BITS };

/* A resolved TypeName. */
struct xlat_typeref {
	const struct xlat_typeinfo *info;
	int32_t typmod; /* PostgreSQL's encoding: varchar(n) → n+4, numeric(p,s) → (p<<16|s)+4 */
	bool is_array;
	int serial; /* 0, or 2/4/8 for smallserial/serial/bigserial */
	/* A domain's name resolves to its base type (info, typmod) with the domain here; the
	 * callers that can carry its constraints (columns, casts) read it, the others refuse it
	 * (xlat_domain_refuse). */
	const struct xlat_domain *domain;
};

/* A composite type made by an earlier statement of the input (xlat_comptype.c). */
struct xlat_pending_comptype {
	const char *name;
	uint32_t oid;
	struct xlat_schema_col *cols;
	size_t n;
};

/* A column of a LATERAL subquery (xlat_lateral.c): one of a one-row subquery, replaced by its
 * expression, or one of packed rows, written as sql ("o".c0). */
struct xlat_lateral {
	const char *alias;
	const char *col;
	const PgQuery__Node *expr;
	const char *sql;
	bool using_alias; /* a join's USING alias's column (xlat_joinusing.c); expr NULL: unknown */
	const PgQuery__Node *other; /* ... read from one side: the other side's column */
	int group; /* the first entry of its query level's (c->lat_bare when it was added) */
};

/* A column of a set-returning function in FROM that takes another FROM item's columns, so is
 * joined directly: alias.name is written alias.vcol (xlat_srf.c). */
struct xlat_srfcol {
	const char *alias, *name, *vcol;
	int field;            /* 1 + the attribute vcol's row value is read for, 0 none */
	uint32_t field_input; /* (xlat_unnestrow.c: unnest of an array of a row type) */
};

/* Set-returning functions in a target list: unnest(a), generate_subscripts(a, d) and
 * _pg_expandarray(a) over up to XLAT_SRF_SLOTS arrays are run in lockstep as PostgreSQL's
 * ProjectSet runs them (the shorter padded with NULLs): a join with pgfn_unnest(a0, a1, ...),
 * one argument (slot) per distinct array, generate_subscripts(a, d) being the array
 * pgfn_array_subscripts(a, d). */
#define XLAT_SRF_SLOTS 8
struct xlat_srf {
	const PgQuery__FuncCall *calls[16];
	signed char slot[16]; /* per call: the slot whose column v<slot> it reads */
	int ncalls;
	const PgQuery__Node *args[XLAT_SRF_SLOTS]; /* per slot: the array */
	int dims[XLAT_SRF_SLOTS];                  /* per slot: generate_subscripts' d, 0: none */
	const char *texts[XLAT_SRF_SLOTS];         /* per slot: its SQLite text, to compare */
	uint32_t elems[XLAT_SRF_SLOTS];            /* per slot: its element type (0: not known) */
	int nslots;
	const char *alias;
	uint32_t elem;      /* generate_series' type */
	const char *series; /* generate_series in the target list: its SQLite module, else NULL */
	bool acl;           /* aclexplode's rows rather than the array's elements */
	const struct xlat_udf *udf; /* a set-returning function of the tenant's, alone */
	const char *udf_text;       /* ... its call (xlat_call.c) */
	struct xlat_srfzip *zip;    /* the general form: each call's rows zipped (xlat_srfzip.c) */
};

/* Where an expression sits: some places forbid what others allow. */
enum {
	XLAT_X_NOSUBQUERY = 1 << 0, /* DDL expressions: CHECK, DEFAULT, index, generated */
	XLAT_X_STAR = 1 << 1,       /* a target list item, where * and t.* may stand */
	XLAT_X_RESULT = 1 << 2,     /* a whole result column: a reg* literal shows its name */
	XLAT_X_EXACT = 1 << 3,      /* numeric computed exactly, as decimal text (xlat_numeric.c) */
	XLAT_X_EXACT_DISTINCT = 1 << 4, /* ... compared by DISTINCT or GROUP BY: by value */
	XLAT_X_EXACT_OPERAND = 1 << 5,  /* ... an operand of + - * /: numeric constants as text */
	XLAT_X_STORED = 1 << 6,     /* a CHECK, index key or predicate, generated column: date/time
				 * operators immutable where PostgreSQL's are (xlat_datetime.c) */
	XLAT_X_COLDEFAULT = 1 << 7, /* a column DEFAULT: a sequence named is bound now */
	XLAT_X_CONVERT = 1 << 8,    /* ALTER COLUMN TYPE's conversion of the rows: run once, not
				  * kept, so cast as in a query (22P02 for 'abc'); no subquery */
};

struct xlat_ctx {
	struct arena *a;
	/* The last column DEFAULT wrapped in its column's check (xlat_ddl.c, refit), NULL when
	 * none: ADD COLUMN evaluates it once, as PostgreSQL does for the rows already there. */
	const char *refit_default;
	struct pgerr *err;
	const char *src;       /* the whole input: error positions count characters in it */
	const uint32_t *given; /* parameter types from Parse (ngiven entries, 0 = unspecified) */
	int ngiven;
	struct strbuf *sb;    /* where every emitter appends */
	struct xlat_stmt *st; /* the statement being filled */
	uint32_t *ptypes;     /* inferred parameter types, [n-1]; grown on demand */
	bool *pseen;          /* [n-1]: $n is referenced (ptypes_cap entries, grown with it) */
	int ptypes_cap;
	struct xlat_param_domain *pdomains; /* $n first cast to a domain (xlat_domain_cast) */
	int max_param;                      /* highest $n seen in this statement */
	int depth;                          /* recursion guard */
	unsigned flags;                     /* XLAT_X_* of the expression being emitted */
	int volatile_seen; /* bumped by anything unsafe to evaluate twice (random(), subqueries) */
	int cte_seq;       /* numbers the CTEs that carry FROM column aliases */
	const char *ret_alias; /* in RETURNING: the target's alias, which SQLite does not know */
	const char *ret_rel;   /* ... and the table name to say instead */
	/* In SET/RETURNING of an UPDATE ... FROM or DELETE ... USING whose RETURNING reads the
	 * FROM relations: where their columns are read from (xlat_retfrom.c), NULL elsewhere. */
	struct xlat_retfrom *retfrom;
	/* While a recursive WITH query with SEARCH or CYCLE is emitted: its terms' extra columns
	 * (xlat_search.c), NULL elsewhere. */
	const struct xlat_search *search;
	/* ON CONFLICT DO UPDATE's SET and WHERE: the table, whose EXCLUDED.col is read as its
	 * BEFORE INSERT triggers changed it (shardlite_excluded); NULL elsewhere */
	const char *upsert_rel;
	/* While CREATE TABLE or ALTER TABLE ADD emits a CHECK: the table and its columns as
	 * they will be, over which the CHECK's PostgreSQL text is printed (xlat_checkdef.c);
	 * check_cols NULL elsewhere, or when a column's type is not one printed exactly. */
	const char *check_table;
	const struct xlat_schema_col *check_cols;
	size_t ncheck_cols;
	/* ... and the same columns, each typed where its type is known (else type_oid 0), for
	 * the CHECK's enum comparisons (xlat_enumpred.c) */
	const struct xlat_schema_col *pred_cols;
	size_t npred_cols;

	/* For the translation cache (xlat_cache.c): where constants landed in the output, and
	 * the constants whose value the translation depended on. The rules that keep a cached
	 * translation exact: constants are emitted only by a_const (xlat_expr.c); code that reads a
	 * constant's value to decide what to emit takes it through xlat_const_value (which pins
	 * it); code that copies emitted text out of c->sb calls xlat_nocache. */
	struct strbuf *main_sb;
	struct xlat_slot *slots;
	int nslots, slots_cap;
	int *pins;
	int npins, pins_cap;
	bool nocache;
	/* Constants emitted while inline_consts > 0 stay in the SQL text even when the session
	 * asks for them as parameters (xlat_env.bind_consts): SQLite reads them when it prepares
	 * (ORDER BY and GROUP BY ordinals, window frames) or matches them against other text of
	 * the statement (a grouped level's targets against its GROUP BY). no_bind: none of the
	 * statement's constants may be a parameter (the catalog's virtual tables read some
	 * constants while planning: sqlite3_vtab_rhs_value). */
	int inline_consts;
	bool no_bind;
	/* The aggregate calls of the statement that stand in a subquery and belong to an outer
	 * query level (xlat_group_mark_outer): each is emitted as a scalar subquery of its own,
	 * (SELECT sum(t.b)), the form SQLite computes for the outer level also inside EXISTS, IN
	 * and a WHERE (bare there, it is SQLite's XX000 "misuse of aggregate function"). */
	const PgQuery__FuncCall **outer_aggs;
	size_t n_outer_aggs;
	/* A window's RANGE frame with an offset (xlat_func.c range_frame): range_us 1 asks the
	 * ORDER BY list for its key's type (range_key), 2 also for a date/time key as
	 * microseconds (pg_dt_us) when an offset is an interval */
	int range_us;
	uint32_t range_key;
	struct xlat_lateral *lat; /* LATERAL columns in scope (xlat_catalog.c) */
	int nlat, lat_cap;
	int lat_bare; /* lat[lat_bare..nlat): the current query's own, which bare names find */
	/* CREATE TABLE's unnamed CHECKs and the names PostgreSQL gives them (xlat_ddl.c) */
	struct {
		const PgQuery__Constraint *k;
		const char *name;
	} * check_names;
	size_t ncheck_names;
	const PgQuery__Node **lat_packed; /* one-row LATERAL subqueries packed all the same */
	int nlat_packed, lat_packed_cap;
	int lat_upto; /* > 0: a LATERAL column's expression is being written, which sees only
		       * lat[0..lat_upto - 1): the LATERAL items before its own */
	struct xlat_srf *srf; /* this query level's set-returning functions, NULL: none */

	/* Schema prefixes (xlat_schema.c): the session's resolution rules, and the other
	 * tenants the current statement names. */
	const struct xlat_env *env;
	const char **tenants;
	const char **tenant_rels; /* each tenant's first relation, as written */
	int *tenant_pos;
	size_t ntenants, tenants_cap;
	/* The SQLite schema the last xlat_relname wrote before the name ("temp", a tenant's),
	 * NULL when it wrote none. */
	const char *rel_schema;

	/* Typing (xlat_scope.c): the tenant's schema, the relations each query level reads,
	 * the CTEs in scope, and subquery shapes already computed. A dry run (dry > 0)
	 * translates into a scratch buffer only to learn a query's output types. */
	const struct xlat_schema *schema;
	int dry;
	int level;
	int in_cte; /* translating a WITH query's body: its columns are not the result's */
	/* levels (bit n: level n) whose FROM items a column reference does not see: translating
	 * a (not LATERAL) subquery in that level's FROM, which sees only the levels above it */
	uint64_t hidden_levels;
	/* DELETE ... USING: the target's name and columns, which a subquery of USING may not
	 * read (SQLite's EXISTS, which holds the USING list, would let it) */
	const char *using_target;
	const struct xlat_schema_col *using_cols;
	size_t using_ncols;
	struct xlat_scope_rel *rels;
	int nrels, rels_cap;
	int scope_left; /* translating an ORDER BY after its query's FROM items left the scope */
	struct xlat_scope_rel *ctes;
	int nctes, ctes_cap;
	struct xlat_scope_memo *memo;
	int nmemo, memo_cap;
	/* a LATERAL subquery's columns are being found: their origins name a table's column
	 * where SQLite's would be asked, as SQLite cannot see into pgfn_rows (xlat_lateral.c) */
	bool origins_named;
	const PgQuery__JoinExpr *on_join; /* the join whose ON clause is being written */
	int on_level;                     /* ... and its query level */

	/* Data-modifying statements in WITH (xlat_modcte.c): the top statement's WITH, the only
	 * one where they may stand, and their state once one is seen. */
	const PgQuery__Node *top_stmt;
	struct xlat_modcte *mod;
	/* An INSERT's source: the column each position fills, taken by the VALUES list or the
	 * target list of the query assign_for (and no other). */
	const struct xlat_schema_col **assign;
	const PgQuery__SelectStmt *assign_for;
	const struct xlat_schema_col **assign_targets; /* for the next xlat_targets */
	/* A set operation's arm: the types its untyped literal columns are read as (the other
	 * arm's, as PostgreSQL's transformSetOperationTree resolves them), taken by its target
	 * list or VALUES (and no other). */
	const struct xlat_shape *arm_want;
	const PgQuery__SelectStmt *arm_for;
	const struct xlat_shape *arm_targets; /* for the next xlat_targets */
	/* the next xlat_targets' results are compared (DISTINCT, GROUP BY, a set operation, a
	 * subquery's): an interval one carries COLLATE pgfn_interval, interval_cmp's equality */
	bool compared_targets;
	const char *assign_rel; /* the INSERT's or UPDATE's table (for shardlite_notnull) */

	struct xlat_srfcol *srfcols; /* columns of directly joined FROM functions (xlat_srf.c) */
	int nsrfcols, srfcols_cap;
	/* _pg_expandarray calls rewritten as unnest WITH ORDINALITY, whose n is an int4
	 * (xlat_colalias.c) */
	const PgQuery__RangeFunction *expandarray[8];
	int nexpandarray;
	/* the SELECT * subqueries aliased joins became (xlat_colalias.c) */
	const PgQuery__SelectStmt **joinsubs;
	int njoinsubs, joinsubs_cap;
	PgQuery__Node **star_from; /* this level's FROM list when * must be spelled out */
	size_t n_star_from;
	/* the SELECT whose ORDER BY is being emitted, when its results are exact (xlat_numeric.c) */
	const PgQuery__SelectStmt *exact_sel;
	const struct xlat_shape *exact_shape;
	/* The collation of each ORDER BY item of an enum type (NULL entries: none), found while
	 * the query's FROM was in scope (xlat_enum_sort_colls); NULL when there is none. */
	const char **sort_colls;
	/* Each ORDER BY item that is a system column (ctid ...) or of a reg* type, written while
	 * the FROM was in scope (xlat_syscol_sort_cols, xlat_reg_sort_keys; NULL entries: none),
	 * NULL when there is none. */
	const char **sort_syscols;
	bool enum_order_ddl; /* an enum ordered in a CHECK, index or DEFAULT (refused at the end) */
	/* While a domain's CHECK is translated (xlat_domain.c): the SQLite text VALUE stands for
	 * and its type; NULL otherwise. */
	const char *domain_value;
	struct xlat_type domain_value_type;
	/* ALTER DOMAIN: the domain as changed, which the domains over it are flattened over */
	const struct xlat_domain *domain_altered;
	/* Enums that earlier statements of the same input create or change (CREATE TYPE mood ...;
	 * CREATE TABLE t (m mood)), which the schema does not have yet; they take precedence. */
	struct xlat_enum *pending_enums;
	size_t npending_enums;
	/* Composite types earlier statements of the same input create (a migration file is
	 * translated whole before it runs); they take precedence, oid 0: dropped since. */
	struct xlat_pending_comptype *pending_comptypes;
	size_t npending_comptypes;
	bool earlier_ddl; /* an earlier statement of the input changes the schema */
	/* ALTER TABLE with several actions: the text of the action being translated
	 * (xlat_altermulti.c), which SET DEFAULT reads its expression from; NULL: the
	 * statement's. */
	const char *alter_text;
	size_t alter_len;
	/* The grouping set of the arm being emitted while its select list or HAVING is
	 * (xlat_gsets.c), NULL elsewhere; gset_arm is the one of query gset_for. */
	struct xlat_gset *gset, *gset_arm;
	const PgQuery__SelectStmt *gset_for;
	const PgQuery__SelectStmt *ties_for; /* the SELECT ... WITH TIES being emitted */
	/* a view's query, or an INSERT's source without a column list: its * and t.* are
	 * spelled out (xlat_viewstar.c) */
	bool view_star;
	/* an INSERT's source: a * whose relation's names repeat stays (SQLite expands it by
	 * position), where a view's is PostgreSQL's 42701 */
	bool insert_star;
	/* a view's query whose * stays because its relation's names repeat (rel.col would read
	 * the first of them twice): the view's column names as PostgreSQL spells them out, for
	 * the view's 42701 check (NULL otherwise) */
	const char **star_names;
	size_t n_star_names;
	/* The UPDATE or DELETE rewritten from one of a view (xlat_updview.c) and the SQLite
	 * condition that keeps its rows to the view's, which its WHERE adds; NULL: none. */
	const void *updview_for;
	const char *updview_check;
	/* The INSERT or UPDATE rewritten from a view WITH CHECK OPTION and the SQLite expression
	 * that fails a written row the checked views would not show (NULL when it passes),
	 * which its RETURNING evaluates (xlat_updwco.c); NULL: none. */
	const void *updview_wco_for;
	const char *updview_wco;
	bool updview_wco_rls; /* the expression is row-level security's (xlat_rls.c) */
	bool updview_wco_part; /* every view it checks is a partition's */
	/* The statement's sampled tables (xlat_tablesample.c), lifted out of TABLESAMPLE. */
	const struct xlat_tsm *tsm;
	size_t ntsm;
};

/* A constant as it landed in the statement's SQL: its location in the input (the '-' for a
 * negated one), and the bytes it became. */
struct xlat_slot {
	int location;
	size_t offset, len;
	bool in_main;    /* written to the statement's own buffer (not a scratch one) */
	bool inline_ctx; /* written where it must stay inline (xlat_ctx.inline_consts) */
};

/* ---- xlat_lex.c: constants, as PostgreSQL's scanner finds them ---- */
struct xlat_lit {
	int start, len; /* the token's bytes in the input */
	int minus;      /* offset of a '-' just before it (blanks and comments between), or -1 */
	char kind;      /* 'i' integer that fits int4, 'f' other number, 's' string */
};
/* Writes to key the input with each substitutable constant replaced by a marker of its kind
 * (and of its PostgreSQL type), and lists those constants. False when the text holds what the
 * scanner does not handle with certainty (an unterminated quote, the marker byte). */
bool xlat_lex(const char *src, struct strbuf *key, struct arena *a, struct xlat_lit **lits,
	      int *nlits);
/* Appends the SQLite text a constant becomes (negated: with the '-' folded in, as the
 * parser folds it). */
void xlat_lit_emit(struct strbuf *sb, const char *src, const struct xlat_lit *l, bool negated);

/* ---- xlat_cache.c: translations of statements seen before ---- */
/* Records the constant at location emitted from c->sb offset `at` to its current end. */
void xlat_note_const(struct xlat_ctx *c, int location, size_t at);
/* Inserts text into c->sb at offset at, moving the constants recorded after it along. */
void xlat_insert_at(struct xlat_ctx *c, size_t at, const char *text);
/* Marks the constant at location as one the translation depends on. */
void xlat_pin(struct xlat_ctx *c, int location);
/* The statement must not be cached (emitted text was copied or rearranged). */
void xlat_nocache(struct xlat_ctx *c);
/* The value of constant n (NULL when n is no constant), pinning it. */
const PgQuery__AConst *xlat_const_value(struct xlat_ctx *c, const PgQuery__Node *n);
/* A text's cache key and its constants, computed once per translation. ok is false when
 * the cache is off or the text cannot be cached (too long, not scanned with certainty). */
struct xlat_cache_key {
	struct strbuf key;
	struct xlat_lit *lits; /* in the caller's arena */
	int nlits;
	uint64_t hash;
	uint64_t schema_fp;
	bool ok;
};
/* search: search_path's tenant for unqualified names (NULL: the session's own). */
void xlat_cache_key_make(struct xlat_cache_key *k, const char *sql, const uint32_t *given,
			 int ngiven, const char *search, uint64_t schema_fp, struct arena *a);
void xlat_cache_key_fini(struct xlat_cache_key *k);
/* A hit: the statement for sql translated from a cached template into arena a; with bind,
 * its constants as parameters where the template allows (xlat_env.bind_consts). */
bool xlat_cache_lookup(const struct xlat_cache_key *k, const char *sql, bool bind, struct arena *a,
		       struct xlat_stmt **out);
/* After a successful translation of sql into the single statement st, remembers it when the
 * constants all landed where they can be replaced; with bind, rewrites st (in arena a) with
 * its constants as parameters as a later hit would have them. */
void xlat_cache_store(const struct xlat_cache_key *k, const char *sql, const struct xlat_ctx *c,
		      struct xlat_stmt *st, bool bind, struct arena *a);

/* ---- xlat_tree.c: generic walks over the parse tree ---- */
typedef bool xlat_tree_fn(void *arg, const ProtobufCMessage *child);
/* Calls fn on each child message of m (set oneof members, repeated elements) in field order
 * until it returns false; false then. */
bool xlat_tree_each(const ProtobufCMessage *m, xlat_tree_fn *fn, void *arg);
/* The name m gives a FROM item when m is a RangeVar (its alias, else the table's name) or an
 * Alias (a subquery's or function's); NULL for other messages. */
const char *xlat_tree_item_name(const ProtobufCMessage *m);
/* Decides a pair of messages of one type: 1 equal, 0 not, -1 compare their fields. */
typedef int xlat_tree_leaf_fn(void *arg, const ProtobufCMessage *a, const ProtobufCMessage *b);
/* PostgreSQL's equal(): same node types and values, positions (location) not compared; leaf
 * (may be NULL) decides pairs itself, e.g. column references by what they name. */
bool xlat_tree_equal(const ProtobufCMessage *a, const ProtobufCMessage *b, xlat_tree_leaf_fn *leaf,
		     void *arg);
/* The location of the node m is or wraps (PgQuery__Node), -1 when it has none. */
int xlat_tree_location(const ProtobufCMessage *m);
/* n::typname (a one-part type name, no typmod) as the parser would make it, in arena a. */
PgQuery__Node *xlat_tree_cast(struct arena *a, const PgQuery__Node *n, const char *typname,
			      int location);
/* Constants as the parser makes them (an A_Const, no location), in arena a: a string (not
 * copied), an integer, a boolean. */
PgQuery__Node *xlat_tree_str(struct arena *a, const char *s);
/* An empty Node, and a String node (a name: not copied, no A_Const), in arena a. */
PgQuery__Node *xlat_tree_anode(struct arena *a);
PgQuery__Node *xlat_tree_name(struct arena *a, const char *s);
PgQuery__Node *xlat_tree_int(struct arena *a, int i);
PgQuery__Node *xlat_tree_bool(struct arena *a, bool b);
/* A deep copy of the message m in arena a (a tree a rewrite may change). */
void *xlat_tree_copy(struct arena *a, const ProtobufCMessage *m);
/* sql's parse tree, unpacked with al (NULL: malloc; free it with
 * pg_query__parse_result__free_unpacked(tree, NULL)), NULL when sql does not parse. */
PgQuery__ParseResult *xlat_parse_tree(const char *sql, ProtobufCAllocator *al);
/* sql parsed into arena a (nothing to free): its one statement, NULL when it is not exactly
 * one statement that parses. */
PgQuery__Node *xlat_parse_one(struct arena *a, const char *sql);
/* The expression text (the PostgreSQL text a catalog mark keeps) parsed into arena a, as the
 * one target of SELECT text; NULL when it is not one expression. */
PgQuery__Node *xlat_parse_expr(struct arena *a, const char *text);

/* A column reference rel.col, as the parser would have made it, for translating a table's
 * columns one by one (row_to_json(t), t::text): its nodes live in the struct. */
struct xlat_colref {
	PgQuery__String names[2];
	PgQuery__Node fields[2];
	PgQuery__Node *field_ptrs[2];
	PgQuery__ColumnRef ref;
	PgQuery__Node node;
};
const PgQuery__Node *xlat_colref(struct xlat_colref *r, const char *rel, const char *col,
				 int location);

/* ---- xlat_bpchar.c: char(n), stored without its trailing blanks ---- */
/* n compared with a char(n) value of type t: a string literal loses its trailing blanks. 1
 * emitted, 0 not such a literal (nothing emitted), -1 failed. */
int xlat_bpchar_literal(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t);
/* After l op r was emitted (l at [lstart, lend), r from rstart to the end): a bpchar $n or a
 * varchar compared with a char(n) value loses its trailing blanks at run time. */
void xlat_bpchar_cmp(struct xlat_ctx *c, const PgQuery__Node *l, struct xlat_type lt,
		     const PgQuery__Node *r, struct xlat_type rt, size_t lstart, size_t lend,
		     size_t rstart);
/* The expression emitted from start to the end, of type t: a char(n) value gets its padding
 * back (for octet_length and LIKE, which see it in PostgreSQL). */
void xlat_bpchar_pad(struct xlat_ctx *c, size_t start, struct xlat_type t);

/* ---- xlat_group.c ---- */
/* PostgreSQL's checks of a statement's aggregates, window functions and grouped column
 * references: false with 42803 or 42P20 (and the position) where PostgreSQL refuses it. */
bool xlat_group_check(struct xlat_ctx *c, const PgQuery__Node *stmt);
/* Before translating stmt: finds its aggregate calls that stand in a subquery and belong to
 * an outer query level (PostgreSQL's agglevelsup > 0) into c->outer_aggs; refuses nothing. */
void xlat_group_mark_outer(struct xlat_ctx *c, const PgQuery__Node *stmt);
/* Whether f is one of those. */
bool xlat_group_outer_agg(const struct xlat_ctx *c, const PgQuery__FuncCall *f);

/* Whether f calls one of PostgreSQL's aggregate functions (not as a window function). */
bool xlat_group_is_agg(const PgQuery__FuncCall *f);
/* xlat_group_is_agg, or a call of one of the tenant's aggregates (CREATE AGGREGATE). */
bool xlat_group_is_agg_in(const struct xlat_ctx *c, const PgQuery__FuncCall *f);
/* ---- xlat_updview.c: writes through automatically updatable views ---- */
/* When *s's target is a view without an INSTEAD OF trigger for the statement's event: *s
 * becomes the statement rewritten onto the view's base table (in c's arena) and 1 is
 * returned; 0 when the target is no such view; -1 with c's error (PostgreSQL's 55000 for a
 * view that is not automatically updatable, 0A000 for a computed column written, 42703). */
int xlat_updview_insert(struct xlat_ctx *c, const PgQuery__InsertStmt **s);
int xlat_updview_update(struct xlat_ctx *c, const PgQuery__UpdateStmt **s);
int xlat_updview_delete(struct xlat_ctx *c, const PgQuery__DeleteStmt **s);
/* stmt's WHERE: " WHERE where" with the view's condition when stmt was rewritten from a view
 * whose rows it must keep to; with and_only, only " AND <condition>" (or nothing). */
bool xlat_updview_where(struct xlat_ctx *c, const void *stmt, const PgQuery__Node *where,
			bool and_only);
/* Whether stmt carries a view's condition (xlat_updview_where would write one). */
bool xlat_updview_checked(const struct xlat_ctx *c, const void *stmt);
/* PostgreSQL's view_query_is_auto_updatable(q, check_cols true) on a view's query: the
 * reason it is not (the HINT of WITH CHECK OPTION's refusal), NULL when it is. */
const char *xlat_updview_not_updatable(struct xlat_ctx *c, const PgQuery__SelectStmt *q);
/* The CHECK OPTION expression of stmt (an INSERT or UPDATE rewritten from a view WITH CHECK
 * OPTION), for its RETURNING; NULL when it has none. */
const char *xlat_updview_wco(const struct xlat_ctx *c, const void *stmt);
/* The mark after a view's name in its SQLite text that keeps its options
 * ("check_option=local" / "cascaded"), as PostgreSQL's pg_class.reloptions. */
#define XLAT_VIEW_OPTIONS_MARK "/* shardlite: WITH ("
/* ---- xlat_partition.c: declarative partitioning ---- */
/* After the opening parenthesis of a partitioned table's stored text: this prefix, LIST or
 * RANGE, the key column as a quoted identifier, then " *" "/" (CATALOG_PARTKEY_MARK). */
#define XLAT_PARTKEY_MARK "/* shardlite: partition by "
/* After a partition's view name in its stored text (CATALOG_PARTITION_MARK, catalog_part.c
 * writes it). */
#define XLAT_PARTITION_MARK "/* shardlite: partition of "
/* CREATE TABLE ... PARTITION BY s->partspec: checks the key (LIST or RANGE of one column of
 * a type whose SQLite values order as PostgreSQL's, PRIMARY KEY and UNIQUE including it) and
 * emits its mark; false with c's error. */
bool xlat_partition_key(struct xlat_ctx *c, const PgQuery__CreateStmt *s);
/* CREATE TABLE ... PARTITION OF (s->partbound): the whole statement. */
bool xlat_partition_of(struct xlat_ctx *c, const PgQuery__CreateStmt *s);
/* The key in a table's stored text sql: strategy 'l', 'r' or 'h', its first column (in a); false when
 * sql carries none. */
bool xlat_partition_parse_key(struct arena *a, const char *sql, char *strategy, const char **col);
/* The same, every key column (*n of them, at most XLAT_PARTKEY_MAX). */
#define XLAT_PARTKEY_MAX 32
bool xlat_partition_parse_keys(struct arena *a, const char *sql, char *strategy, const char ***cols,
			       size_t *n);
/* Whether name is a partitioned table / a partition of the session's own tenant. */
bool xlat_partition_is_parent(struct xlat_ctx *c, const char *name);
bool xlat_partition_is_partition(struct xlat_ctx *c, const char *name);
/* Whether name is partitioned: a partitioned table or a partition that is (sub-partitioning). */
bool xlat_partition_is_partitioned(struct xlat_ctx *c, const char *name);
/* When table is partitioned: writes the name of the partition its row (of FROM item alias) is
 * in, shardlite_partition_for(table, key), for tableoid; false (nothing written) otherwise. */
bool xlat_partition_tableoid(struct xlat_ctx *c, const char *table, const char *alias);
/* CREATE UNIQUE INDEX on a partitioned table: it must include the key (0A000); true when
 * it does or the table is none. */
bool xlat_partition_index_check(struct xlat_ctx *c, const PgQuery__IndexStmt *s);
/* ALTER TABLE of a partitioned table (xlat_stmt_alter's, for the table's own file). */
bool xlat_partition_alter(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s);
/* Before DROP TABLE of partitioned table name: drops its partitions (a script's part). */
void xlat_partition_drop_parent(struct xlat_ctx *c, const char *name);
/* CREATE INDEX on partition child: the translated CREATE INDEX from start on becomes its
 * text in SELECT shardlite_partition_index(child, text), which makes it a partial index of
 * the parent for the partition's rows; *name_at (an unnamed index's name) moves with it. */
/* ALTER TABLE of a partition: ADD [CONSTRAINT] CHECK | FOREIGN KEY (one action, as pg_dump
 * writes a partition's own key) becomes SELECT shardlite_partition_constraint(...), the
 * partition's own constraint (catalog_partown.c); anything else 0A000. */
bool xlat_partition_alter_own(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s);
/* ALTER INDEX parent ATTACH PARTITION child, as pg_dump writes it: checked by the catalog's
 * shardlite_partition_index_attach (src/catalog/catalog_partinh.c). */
bool xlat_partition_index_attach(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s,
				 const PgQuery__AlterTableCmd *cmd);
void xlat_partition_index_wrap(struct xlat_ctx *c, const char *child, size_t start,
			       size_t *name_at);
/* ---- xlat_viewopts.c: a view's options ---- */
/* " /" "* shardlite: WITH (check_option=...) *" "/" for check ('l' local, 'c' cascaded), ""
 * for 0. */
const char *xlat_view_options_mark(char check);
/* One option n (a DefElem) of a view into *check ('l', 'c'; 0 for RESET): 22023 for a value
 * that is not local or cascaded, 0A000 for another option. */
bool xlat_view_option(struct xlat_ctx *c, const PgQuery__Node *n, bool reset, char *check);
/* PostgreSQL's refusal (0A000, its HINT the reason) of WITH CHECK OPTION on a view query q
 * that is not automatically updatable; true when it is. */
bool xlat_view_check_updatable(struct xlat_ctx *c, const PgQuery__SelectStmt *q);
/* ALTER VIEW v SET/RESET (check_option ...), s's only command: a script that writes the
 * view's text again with its new options. */
bool xlat_alter_view_options(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s);
/* ALTER VIEW v ALTER COLUMN c SET DEFAULT e / DROP DEFAULT, s's only command: the same, the
 * column's default a mark of its own (XLAT_VIEW_DEFAULT_MARK). */
bool xlat_alter_view_default(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s);
/* CREATE OR REPLACE VIEW: the column-default marks the view's text holds now, which the new
 * one keeps (PostgreSQL keeps the columns' defaults); "" when none. */
const char *xlat_view_kept_defaults(struct xlat_ctx *c, const char *view);
/* The column defaults view text sql holds before offset upto: n columns and their PostgreSQL
 * texts (in a); false when a mark cannot be read. */
bool xlat_view_defaults(const char *sql, size_t upto, struct arena *a, const char ***cols,
			const char ***texts, size_t *n);
/* A view column's default in its text (catalog.h's CATALOG_VIEW_DEFAULT_MARK): this prefix,
 * the column in double quotes, x'<its PostgreSQL text in hex>' and the comment's end. */
#define XLAT_VIEW_DEFAULT_MARK "/* shardlite: DEFAULT "
/* ---- xlat_sortusing.c ---- */
/* Rewrites ORDER BY ... USING < / > in stmt's tree (which it changes) as ASC / DESC. */
void xlat_sort_using(const PgQuery__Node *stmt);
/* ---- xlat_tablesample.c ---- */
/* Makes each `t TABLESAMPLE ...` of stmt's tree (which it changes) the plain table t, and
 * remembers its sampling for xlat_tablesample_of (in c, until the next call). */
void xlat_tablesample_lift(struct xlat_ctx *c, const PgQuery__Node *stmt);
/* Puts the lifted RangeTableSample nodes back once the statement is translated, so the tree
 * is freed whole as it was parsed. */
void xlat_tablesample_restore(struct xlat_ctx *c);
/* The TABLESAMPLE clause lifted off rv, NULL when rv is not sampled. */
const PgQuery__RangeTableSample *xlat_tablesample_of(const struct xlat_ctx *c,
						     const PgQuery__RangeVar *rv);
/* Whether a sampled table of the statement goes by name (its alias, else its name): its
 * rows, read through a subquery, have no rowid, so no system columns (xlat_syscol.c). */
bool xlat_tablesample_named(const struct xlat_ctx *c, const char *name);
/* Writes rv sampled by ts as a FROM item (a subquery with rv's name or alias); PostgreSQL's
 * errors for the method, its arguments and a relation that is no table. */
bool xlat_tablesample_from(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
			   const PgQuery__RangeTableSample *ts);
/* ---- xlat_having.c ---- */
/* Whether s has HAVING without GROUP BY and no aggregate (nor column) in its select list and
 * ORDER BY: a query SQLite would not group. */
bool xlat_having_is(const PgQuery__SelectStmt *s);
/* s as SELECT targets FROM (SELECT count(*) FROM ... WHERE ... HAVING ...) AS shardlite_h,
 * with s's ORDER BY and LIMIT (in c's arena). */
const PgQuery__SelectStmt *xlat_having_outer(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* ---- xlat_gsets.c: GROUPING SETS, ROLLUP, CUBE, GROUP BY DISTINCT and grouping() ---- */
/* Whether s needs them: one arm per grouping set (also for grouping() in a plain GROUP BY). */
bool xlat_gsets_is(const PgQuery__SelectStmt *s);
/* s as a UNION ALL of one grouped SELECT per grouping set, with its ORDER BY and LIMIT. */
bool xlat_gsets(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape);
/* n inside an arm's select list or HAVING (c->gset set): a grouping expression the arm does
 * not group by as NULL, grouping() as its constant: 1 emitted, 0 not one, -1 failed. */
int xlat_gsets_expr(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t);
/* ---- xlat_guard.c ---- */
/* False with 54001 when sql nests expressions more deeply than is safe to parse. */
bool xlat_nesting_ok(const char *sql, struct pgerr *err);

/* ---- xlat.c: shared emit helpers ---- */
void xlat_puts(struct xlat_ctx *c, const char *s);
void xlat_printf(struct xlat_ctx *c, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* An identifier, double-quoted when SQLite would not read it back verbatim. */
void xlat_ident(struct xlat_ctx *c, const char *name);
/* A string literal with '' escaping. */
void xlat_string(struct xlat_ctx *c, const char *s);
/* xlat_string, or NULL for a NULL s. */
void xlat_string_or_null(struct xlat_ctx *c, const char *s);
/* PostgreSQL's 1-based character position of a byte offset into the input (0 = none). */
int xlat_position(const struct xlat_ctx *c, int location);
/* Sets err (SQLSTATE, position from location when >= 0); always returns false. */
bool xlat_fail(struct xlat_ctx *c, const char *sqlstate, int location, const char *fmt, ...)
	PRINTF_LIKE(4, 5);
/* 0A000 "<what> is not supported" with the position of location. */
bool xlat_unsupported(struct xlat_ctx *c, int location, const char *what);
/* The text of a String node, NULL for any other node. */
const char *xlat_node_str(const PgQuery__Node *n);
/* Parse-tree nodes added by the passes that rewrite the tree in place before it is translated
 * (xlat_colalias.c, xlat_volsort.c): malloc'd like the parser's own, so protobuf-c's default
 * allocator frees them with the tree (xlat_localnsp.c); out of memory aborts. xlat_tree_strdup
 * copies NULL as "". */
void *xlat_tree_zalloc(size_t n);
char *xlat_tree_strdup(const char *s);
PgQuery__Node *xlat_tree_node(void);
/* A String node holding a copy of s. */
PgQuery__Node *xlat_tree_string(const char *s);
/* An operator's name, `op` or `OPERATOR(pg_catalog.op)`; NULL for another schema's. */
const char *xlat_op_name(const PgQuery__AExpr *e);
/* Enters one level of recursion; false with 54001 past the limit. */
bool xlat_enter(struct xlat_ctx *c);
static inline void xlat_leave(struct xlat_ctx *c) { c->depth--; }
/* Records that $n occurs with type oid (0 = unknown); false for an impossible n. */
bool xlat_param(struct xlat_ctx *c, int n, uint32_t oid, int location);
/* The type an earlier use deduced for $n (PostgreSQL's parse order: the first coercion of an
 * unknown parameter fixes its type, and a later use is a parameter of that type); 0 when the
 * client gave its type or none is deduced yet. */
uint32_t xlat_param_deduced(const struct xlat_ctx *c, int n);
/* ---- xlat_schema.c: schema prefixes name tenants ---- */
/* A relation name: public.t and t → t (t → "acme".t under search_path acme), pg_catalog and
 * information_schema → the catalog's relation, another tenant's acme.t → "acme".t (recorded
 * in c->tenants); 3F000 for a schema that cannot be a tenant. */
bool xlat_relname(struct xlat_ctx *c, const PgQuery__RangeVar *rv);
/* Whether a temporary relation of the session hides the tenant's name from SQLite, so that a
 * statement other than a CREATE naming public.name (search_path found it before pg_temp's,
 * xlat_localnsp.c) must write main.name; the statement is then not cached. */
bool xlat_temp_hides(struct xlat_ctx *c, const char *name);
/* An ALTER TABLE or ALTER ... RENAME translated as a rebuild (XLAT_REBUILD) naming such a
 * hidden public.name: its rebuild is marked hidden (xlat_rebuild.hidden). Always true. */
bool xlat_temp_rebuild_check(struct xlat_ctx *c, const PgQuery__Node *stmt);
/* CREATE ... IF NOT EXISTS of relation name (schema NULL or "" or "public"; another schema
 * is not looked at): the session sends `relation "name" already exists, skipping` when it
 * is there (xlat_stmt.skip_*). xlat_objects.c. */
void xlat_skip_if_present(struct xlat_ctx *c, const char *schema, const char *name);
/* CREATE INDEX s written from start, its name at *name_at (name_len bytes), key types as
 * translated (0: a column or unknown): for a method other than btree or an operator class,
 * puts shardlite_index_check's call before it and XLAT_INDEX_AM_MARK after the name
 * (moving *name_at) and makes it a script (xlat_index.c). */
bool xlat_index_am(struct xlat_ctx *c, const PgQuery__IndexStmt *s, size_t start,
		   const uint32_t *types, size_t *name_at, size_t name_len);
/* A storage parameter's value as PostgreSQL's defGetString reads it (no value: "true"), in c's
 * arena. xlat_index.c. */
const char *xlat_option_value(struct xlat_ctx *c, const PgQuery__Node *arg);
/* CREATE TABLE's WITH (...) (opts, n DefElems): checked as PostgreSQL checks a heap's and its
 * TOAST table's storage parameters (22023 for an unknown one, a bad value, one given twice;
 * oids = false is taken); they change nothing here. False with c's error set. xlat_relopt.c. */
bool xlat_table_options(struct xlat_ctx *c, PgQuery__Node **opts, size_t n);
/* The heap's storage parameters of those (checked) as CATALOG_RELOPT_MARK, written after the
 * opening parenthesis of the table's SQLite text; nothing when there are none. */
void xlat_table_options_mark(struct xlat_ctx *c, PgQuery__Node **opts, size_t n);
/* A partitioned table takes none of a heap's parameters (PostgreSQL 15): 22023
 * unrecognized parameter for the first; the TOAST ones and oids = false pass. */
bool xlat_partitioned_options(struct xlat_ctx *c, PgQuery__Node **opts, size_t n);
/* Records object name (of relation of, for a column; else NULL) of type (xlat_stmt.skip_type)
 * for the session's NOTICE `type "name" already exists, skipping` (present) or `... does not
 * exist, skipping`; a statement notes one type of object. xlat_objects.c. */
void xlat_skip_note(struct xlat_ctx *c, const char *type, const char *of, const char *name,
		    bool present);
/* A relation that must live in the session's own file (a foreign key's target): as
 * xlat_relname, 0A000 when it names another tenant. */
bool xlat_relname_local(struct xlat_ctx *c, const PgQuery__RangeVar *rv);
/* xlat_schema.c: temporary tables. Whether rv is to be created temporary (TEMP, or named in
 * pg_temp), and the checks of such a CREATE (no default tenant: 0A000; TEMP in another schema
 * or ON COMMIT on a permanent table: 42P16), noting ON COMMIT DELETE ROWS / DROP in c->st. */
bool xlat_temp_is(const PgQuery__RangeVar *rv);
bool xlat_temp_create(struct xlat_ctx *c, const PgQuery__RangeVar *rv, PgQuery__OnCommitAction oc);
/* Whether a column DEFAULT's nextval('name') is written nextval('public.name'): name is the
 * permanent sequence of the tenant's file that it means now (xlat_catalog.c). */
bool xlat_seq_binds(struct xlat_ctx *c, const char *name);
/* Whether a view's query reads one of the session's temporary relations (pg_temp.t, or a
 * name that is no WITH query's and is a temporary table or view: xlat_env.temp_rel_fn).
 * xlat_objects.c. */
bool xlat_reads_temp(struct xlat_ctx *c, const PgQuery__Node *query);
/* Whether schema (a DROP ... IF EXISTS object's prefix) names no schema at all: neither
 * public, the catalog's, pg_temp nor a tenant the user may reach or is refused (one that
 * cannot be a tenant name, or xlat_env.tenant_missing_fn's). Not cached then. xlat_schema.c. */
bool xlat_schema_missing(struct xlat_ctx *c, const char *schema);
/* After a statement translated: copies the tenants it names into it, or refuses (0A000) a
 * kind of statement that cannot reach another tenant's file. */
bool xlat_schema_finish(struct xlat_ctx *c);
/* Starts a statement's list of tenants afresh. */
void xlat_schema_reset(struct xlat_ctx *c);
/* Allocates n zeroed result column hints for the current statement. */
struct xlat_col *xlat_cols_new(struct xlat_ctx *c, size_t n);

/* ---- xlat_expr.c ---- */
/* Emits an expression; *t receives its static type. */
bool xlat_expr(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t);
/* A condition (WHERE, HAVING, ON, CASE WHEN, an AND/OR/NOT operand): a string literal there is
 * read as boolean ('t', 'yes', 'off' ...; 22P02 otherwise), as PostgreSQL coerces it. */
bool xlat_condition(struct xlat_ctx *c, const PgQuery__Node *n);
/* As xlat_expr, wrapped in parentheses unless it is atomic in SQLite's grammar. */
bool xlat_operand(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t);
/* A comma-separated list of expressions. */
bool xlat_expr_list(struct xlat_ctx *c, PgQuery__Node **v, size_t n);
/* Common type of a CASE/COALESCE/UNION-like set of types (PostgreSQL's rules, simplified). */
struct xlat_type xlat_type_common(const struct xlat_type *v, size_t n);
/* Whether a COLLATE names a collation shardlite compares with, byte by byte (SQLite's BINARY):
 * "C", "POSIX", "ucs_basic" (code point order, which UTF-8's bytes keep); with_default also
 * "default" (the database's, which is "C"). xlat_domain.c. */
bool xlat_collation_name_ok(const char *name, bool with_default);
/* PostgreSQL coerces a DEFAULT (a column's, a domain's) to its type base by assignment: 42804
 * "column ... is of type ... but default expression is of type ..." for a value dt of no such
 * cast, between a number, a string and a boolean (DEFAULT true of an integer, 'x'::text of an
 * integer), from a date/time to a number or a boolean. Any value is assigned to a string type,
 * an untyped literal to any type (its input function reads it). xlat_domain.c. */
bool xlat_default_assignable(struct xlat_ctx *c, const char *column, struct xlat_type dt,
			     struct xlat_type base);
/* COLLATE in CREATE DOMAIN or a column definition: of a type with collations (text, varchar,
 * char, name and their arrays), 42804 for a type without, 0A000 for another collation. */
bool xlat_collation_clause(struct xlat_ctx *c, const PgQuery__CollateClause *cc,
			   const struct xlat_typeref *base);
/* Whether a and b, both resolved, lie in different categories among number, string and boolean,
 * where PostgreSQL's select_common_type says "types ... cannot be matched" (42804). */
bool xlat_type_unmatched(struct xlat_type a, struct xlat_type b);

/* The operand of a comparison-level operator (=, IS, LIKE, IN, BETWEEN): arithmetic binds
 * tighter in both grammars and goes bare, anything else non-atomic is parenthesized. */
/* A numeric $n written at [start, end) as a comparison operand, read as a number first (it
 * binds as its text); returns how much longer the text became (0: not a numeric $n). */
size_t xlat_numeric_param_operand(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t,
				  size_t start, size_t end);
bool xlat_cmp_operand(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t);

/* ---- xlat_pred.c: each yields bool (scalar subqueries: their column's type) ---- */
bool xlat_like(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t);
bool xlat_in_list(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t);
bool xlat_between(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t);
bool xlat_distinct(struct xlat_ctx *c, const PgQuery__AExpr *e, bool is_not, struct xlat_type *t);
bool xlat_null_test(struct xlat_ctx *c, const PgQuery__NullTest *nt, struct xlat_type *t);
bool xlat_boolean_test(struct xlat_ctx *c, const PgQuery__BooleanTest *bt, struct xlat_type *t);
bool xlat_sublink(struct xlat_ctx *c, const PgQuery__SubLink *s, struct xlat_type *t);
/* An ALTER TABLE action as an 0A000 message names it ("ALTER TABLE ... ENABLE ROW LEVEL
 * SECURITY"); "this ALTER TABLE action" for one without a name here. */
const char *xlat_alter_action_name(PgQuery__AlterTableType t);
/* The sub-SELECT of UPDATE's SET (a, b) = (SELECT ...), of ncols columns, as a row value
 * that is NULLs for no row and PostgreSQL's 21000 for a second one (SQLite's takes the
 * first); 42601 at location for another number of columns. */
bool xlat_row_subquery(struct xlat_ctx *c, const PgQuery__Node *sel, int ncols, int location);
/* x op y as the parser would have made it (nodes in c's arena): a function that names an
 * operator (range_contains(a, b)) is translated as the operator. */
const PgQuery__Node *xlat_op_node(struct xlat_ctx *c, const char *op, const PgQuery__Node *x,
				  const PgQuery__Node *y, int location);

/* ORDER BY items of a reg* type (regclass, regtype, regnamespace, regrole), whose value
 * here is the object's name: each becomes its input function of that value, so that they
 * sort by OID as in PostgreSQL. Fills (*keys)[i] (allocating *keys) for such items that
 * have no key yet; false failed (err set). Called while s's FROM is in scope. */
bool xlat_reg_sort_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***keys);

/* ---- xlat_cast.c ---- */
bool xlat_cast(struct xlat_ctx *c, const PgQuery__TypeCast *tc, struct xlat_type *t);
/* The SQL from mark on, a value of type st, rewritten as PostgreSQL's assignment cast of it to
 * a string column shows it (bool 'true', a date under DateStyle), *t then text; strings (and
 * values typed only at run time) are left alone. */
bool xlat_cast_assign_text(struct xlat_ctx *c, size_t mark, struct xlat_type *t);
/* The string literal arg read as a value of type oid (as 'arg'::type), with the input
 * function's checks; oid must be a built-in type (xlat_type_by_oid). */
/* The precision (0-5) of time, timetz, timestamp or timestamptz with typmod, -1 for none or
 * another type; xlat_dt_typmod_wrap puts pg_dt_typmod(...) around the value written since
 * mark, which rounds it as PostgreSQL stores such a value. xlat_cast.c. */
int xlat_dt_precision(uint32_t oid, int32_t typmod);
void xlat_dt_typmod_wrap(struct xlat_ctx *c, size_t mark, uint32_t oid, int prec);
bool xlat_cast_string(struct xlat_ctx *c, const PgQuery__Node *arg, uint32_t oid, int32_t typmod);

/* ---- xlat_func.c ---- */
bool xlat_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
/* What the function tables of xlat_func.c and xlat_fnlib.c know a built-in function of that
 * name as (a plain one is neither an aggregate, a window function nor set-returning). */
enum xlat_fn_class { XLAT_FN_UNKNOWN, XLAT_FN_PLAIN, XLAT_FN_AGG, XLAT_FN_WINDOW };
enum xlat_fn_class xlat_func_class(const char *name);
/* An ORDER BY, DISTINCT ON or GROUP BY item as an expression: output column numbers and output
 * names mean their target's expression (inside a window they would not); else n itself
 * (xlat_qforms.c). */
const PgQuery__Node *xlat_target_of(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
				    const PgQuery__Node *n);
/* Whether f (named name, in schema) is a plain function a FROM item may call: one row of one
 * column (xlat_catalog_srf.c). */
bool xlat_scalar_in_from(const PgQuery__FuncCall *f, const char *name, const char *schema);
/* Whether name is a function no one defines (neither the tenant, shardlite nor PostgreSQL's
 * pg_proc): then c->err is PostgreSQL's 42883 "function f(types) does not exist", as a call
 * of it in an expression gets. */
bool xlat_func_missing(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name);
bool xlat_sqlvalue(struct xlat_ctx *c, const PgQuery__SQLValueFunction *f, struct xlat_type *t);
/* An aggregate call's FILTER (WHERE ...) clause, if it has one, after its closing parenthesis. */
bool xlat_agg_filter(struct xlat_ctx *c, const PgQuery__FuncCall *f);
bool xlat_minmax(struct xlat_ctx *c, const PgQuery__MinMaxExpr *m, struct xlat_type *t);
/* PostgreSQL's 42725 'function name(unknown, ...) is not unique' for a call whose untyped
 * arguments (NULL, a string literal) fit overloads of different type categories (trunc(NULL),
 * date_trunc('day', NULL)); tv holds the n arguments' types. Always false. */
bool xlat_func_not_unique(struct xlat_ctx *c, const char *name, const struct xlat_type *tv,
			  size_t n, int location);
/* PostgreSQL's 42804 'could not determine polymorphic type because input has type unknown'
 * when t is an untyped argument (NULL, '{1,2}') of an anyarray parameter (array_length,
 * cardinality, array_to_string ...); true otherwise. xlat_array.c. */
bool xlat_array_untyped(struct xlat_ctx *c, struct xlat_type t, int location);
/* Whether n is an untyped NULL constant, which fits any overload's parameter. */
bool xlat_is_null_const(const PgQuery__Node *n);
/* PostgreSQL's 42883 "function name(types) does not exist" for call f. Always false. */
bool xlat_func_no_such(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name);
/* xlat_operfn.c: a built-in operator's function called by name (int4pl(1, 2)) as its operator:
 * 1 emitted, 0 not one (nothing emitted), -1 failed. */
int xlat_oper_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		   struct xlat_type *t);
/* xlat_variadic.c: concat, concat_ws and format called with VARIADIC array: 1 emitted, 0 not
 * such a call (nothing emitted), -1 failed. */
int xlat_variadic_text(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		       struct xlat_type *t);
/* ---- xlat_fnlib.c: functions implemented in pgfn ---- */
enum xlat_fn_class xlat_fnlib_class(const char *name);
/* f when name is one of them with a fitting argument count: 1 emitted, 0 not one, -1 failed. */
int xlat_fnlib(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
	       struct xlat_type *t);
bool xlat_similar(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t);
/* ---- xlat_json.c ---- */
/* A json/jsonb operator (->, @>, ?, jsonb ||, ...): 1 emitted, 0 not one, -1 failed. */
int xlat_json_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op, struct xlat_type *t);
/* A JSON constructor, aggregate or function (else xlat_array_func): 1 emitted, 0 not one,
 * -1 failed. */
int xlat_json_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		   struct xlat_type *t);
/* xlat_jsonpath.c: jsonb_path_* calls and the @? @@ operators (1 emitted, 0 not one, -1
 * failed). */
int xlat_jsonpath_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		       struct xlat_type *t);
int xlat_jsonpath_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
		     struct xlat_type *t);
/* The collation that orders jsonb values as PostgreSQL's jsonb btree order (" COLLATE
 * pgfn_jsonb") when l or r is jsonb, for comparison op (NULL: a sort), = and <> included. */
const char *xlat_jsonb_collation(uint32_t l, uint32_t r, const char *op);
/* Wraps c->sb[from..end), a jsonb value, into CAST(... AS TEXT): a jsonb column holds a bare
 * number as an SQLite number (its NUMERIC affinity), which SQLite orders before every text
 * whatever the collation; as text, pgfn_jsonb orders it among the others. */
void xlat_jsonb_sort_text(struct xlat_ctx *c, size_t from);
/* ORDER BY the ordinal of a jsonb column of the select list (ORDER BY 2), while the query's
 * FROM is in scope: the column as text into (*keys)[i] (allocated on first use), so that its
 * bare numbers sort among the rest (xlat_jsonb_sort_text). */
bool xlat_jsonb_sort_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***keys);
/* The type letter pgfn_json_put_value reads for a value of static type t. */
char xlat_json_tag(struct xlat_ctx *c, struct xlat_type t);

/* ---- xlat_textout.c: a value becoming text inside SQL ---- */
enum xlat_textform {
	XLAT_TF_CAST,   /* ::text, ||: as a cast to text shows it (bool true/false) */
	XLAT_TF_OUTPUT, /* concat, concat_ws, format: the type's output function (bool t/f) */
	XLAT_TF_SCALE,  /* an array element: a numeric's display scale and a float4's digits
			 * only (the element writers render bool, float8 and bytea by their type
			 * letters) */
	XLAT_TF_JSON,   /* a JSON element: as XLAT_TF_SCALE, and a timestamptz in the session's
			 * TimeZone (to_json prints its output form) */
};
/* Wraps c->sb[from..to), SQL of a value of type t, so that it becomes the text PostgreSQL
 * makes of it in form where SQLite's text of the stored value differs (numeric of known scale,
 * float, bool, bytea); other types, and DDL and views, are left as they are. Text after to
 * moves along. */
void xlat_text_form(struct xlat_ctx *c, size_t from, size_t to, struct xlat_type t,
		    enum xlat_textform form);
/* Numeric arithmetic of a value becoming text is exact (XLAT_X_EXACT, outside DDL and views):
 * sets the flag, returning the flags to restore. */
unsigned xlat_text_exact(struct xlat_ctx *c);
/* xlat_expr(n), exact (xlat_text_exact), followed by xlat_text_form. */
bool xlat_text_operand(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t,
		       enum xlat_textform form);
/* A row cast to text — ROW(a, b)::text, t::text or (t.*)::text of a relation whose columns
 * the scope knows — as record_out prints it. 1 emitted, 0 arg is no row (nothing emitted), -1
 * failed (err set; 0A000 for a relation whose columns are not known). */
int xlat_row_text(struct xlat_ctx *c, const PgQuery__Node *arg, int location);
/* The values args[0..n) as record_out writes a row's fields (the arguments of
 * pgfn_record_text), comma-separated. */
bool xlat_row_fields(struct xlat_ctx *c, PgQuery__Node *const *args, size_t n);

/* ---- xlat_rowval.c: a whole row as a value ---- */
/* Result column i, rt, when it is a row — ROW(...), (a, b), or t naming a relation of the
 * query — as its text, named and typed (record or the table's row type): 1 emitted, 0 rt is
 * no row (nothing emitted), -1 failed (0A000 where the row would be compared or stored). */
int xlat_row_result(struct xlat_ctx *c, const PgQuery__ResTarget *rt, size_t i,
		    struct xlat_type *t);
/* count([DISTINCT] (a, b)) as count([DISTINCT] pgfn_row_key(a, b)), array_agg((a, b)) of the
 * rows' texts; other aggregates of a row 42883 or 0A000: 1 emitted, 0 no aggregate of a row, -1
 * failed. */
int xlat_row_agg(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		 struct xlat_type *t);
/* ORDER BY (a, b) [DESC]: its fields, each with the direction, as records compare. */
bool xlat_row_sort(struct xlat_ctx *c, const PgQuery__RowExpr *r, bool desc);
/* (t).col of a relation t of the query: 1 emitted (as t.col), 0 not one, -1 failed (42703
 * for a column t does not have). */
int xlat_row_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t);
/* (ROW(a, b)).f2 of an anonymous row: 1 emitted (as b), 0 not one, -1 failed (42703 for a
 * field the row does not have). */
int xlat_row_ctor_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t);
/* The relation whose whole row n (t or t.*, no column being called t) stands for, with its
 * columns; NULL when n is no such reference. */
const char *xlat_row_rel(const struct xlat_ctx *c, const PgQuery__Node *n,
			 const struct xlat_schema_col **cols, size_t *ncols);
/* ---- xlat_composite.c: values of a composite type (a relation's row type) ---- */
/* Whether oid is a composite type of known fields: the relation it is the row type of, and
 * its columns. */
bool xlat_composite_of(struct xlat_ctx *c, uint32_t oid, const char **rel,
		       const struct xlat_schema_col **cols, size_t *n);
/* (x).f of a composite x: field f as its own type; 1 emitted, 0 x is no composite (nothing
 * emitted), -1 failed (42703 for a field the type lacks). */
int xlat_composite_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t);
/* ORDER BY a[i] keys written inside the FROM scope, typed by the element (xlat_catalog.c). */
bool xlat_array_sort_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***keys)
	MUST_CHECK;
/* ORDER BY (x).f of a composite x: the field's SQL into (*keys)[i] (made when NULL), read
 * while the query's FROM is in scope (the ORDER BY is translated after); false on failure. */
bool xlat_composite_sort_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***keys)
	MUST_CHECK;
/* x IS [NOT] NULL of a composite x: every field NULL (none NULL); 1 emitted, 0 x is no
 * composite (nothing emitted), -1 failed. */
int xlat_composite_null_test(struct xlat_ctx *c, const PgQuery__NullTest *nt);
/* ---- xlat_recfn.c: json_to_record(set) and friends with a column definition list ---- */
/* As xlat_udf_range_function and xlat_udf_scope_cols, for those functions. */
int xlat_recfn_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf);
int xlat_recfn_scope_cols(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char **name,
			  const struct xlat_schema_col **cols, size_t *n);
/* A select list's (x).* items of a composite x replaced by (x).f for each field f (the new
 * list in the arena). */
bool xlat_composite_targets(struct xlat_ctx *c, PgQuery__Node ***targets, size_t *ntargets);
/* ---- xlat_viewstar.c ---- */
/* While a view's query (or an INSERT's source) is translated (c->view_star): s's * and t.*
 * spelled out in the tree as rel.col AS col, from the relations brought into scope since mark
 * first, as PostgreSQL expands them when the view is made. Left as they are when a relation's
 * columns are not known or the FROM merges columns (USING, NATURAL). False only when out of
 * memory. */
/* The ResTarget rel.col AS col allocated as protobuf-c unpacks (the tree's owner frees it);
 * NULL when out of memory. */
PgQuery__Node *xlat_viewstar_target(const char *rel, const char *col, int location);
bool xlat_view_star(struct xlat_ctx *c, PgQuery__SelectStmt *s, int first);

/* ---- xlat_ruleutils.c ---- */
/* View view's query s (the SQLite text's tree) as PostgreSQL 15's pg_get_viewdef prints it,
 * typed from schema's columns: relations written qualify.name unless qualify is NULL, pretty
 * the pretty flag's parentheses, wrap its wrap column (-1: none). " SELECT ...;" into *out (in
 * a); false when the query's layout cannot be reproduced faithfully (the caller deparses it
 * as it is). An expression it cannot type is written as libpg_query deparses it. */
bool xlat_ruleutils_viewdef(const char *view, PgQuery__SelectStmt *s,
			    const struct xlat_schema *schema, const char *qualify, bool pretty,
			    int wrap, struct arena *a, const char **out);
/* An index's key expression or (pred) predicate n over table's columns, as pg_get_expr
 * prints it from the stored tree (ruleutils.c's deparse_expression: Vars unqualified, every
 * operator in parentheses, literals and implicit casts as parse analysis leaves them) into
 * *out (in a), with the pretty flag's parentheses when pretty; false when n is not typed
 * here exactly (the caller keeps no PostgreSQL text). */
bool xlat_ruleutils_indexexpr(const char *table, PgQuery__Node *n, bool pred, bool pretty,
			      const struct xlat_schema *schema, struct arena *a, const char **out);
/* The same over the columns cols of table (a table being made: CREATE TABLE, ADD COLUMN). */
bool xlat_ruleutils_colsexpr(const char *table, const struct xlat_schema_col *cols, size_t ncols,
			     PgQuery__Node *n, bool pred, bool pretty,
			     const struct xlat_schema *schema, struct arena *a, const char **out);
/* The same for a domain's CHECK over VALUE of value's type (its name is ignored). */
bool xlat_ruleutils_domainexpr(struct xlat_schema_col value, PgQuery__Node *n, bool pretty,
			       const struct xlat_schema *schema, struct arena *a, const char **out);

/* ---- xlat_checkdef.c ---- */

/* Sets c's CHECK columns (check_table, check_cols) to CREATE TABLE s's column definitions,
 * or to table's columns and added (ADD COLUMN; NULL: ADD CONSTRAINT); check_cols stays NULL
 * when one's type is not printed exactly. xlat_checkdef_done clears them. */
void xlat_checkdef_create(struct xlat_ctx *c, const PgQuery__CreateStmt *s);
void xlat_checkdef_alter(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			 const PgQuery__ColumnDef *added);
void xlat_checkdef_done(struct xlat_ctx *c);
/* Emits CHECK expression e's PostgreSQL texts as comments (CATALOG_CHECK_PG_MARK), when e
 * prints exactly over the CHECK columns; nothing otherwise (the SQLite text is shown). */
void xlat_checkdef_mark(struct xlat_ctx *c, PgQuery__Node *e);
/* The CHECK expression e to translate: e with its enum orderings as xlat_enumpred makes them
 * over the CHECK columns (pred_cols); NULL with err set. */
PgQuery__Node *xlat_checkdef_expr(struct xlat_ctx *c, PgQuery__Node *e);
/* xlat_checkexpr.c: whether expression e, stored as SQLite text (a CHECK, an index's key or
 * predicate, a generated column), holds date/time arithmetic (+ - * / with an operand of a
 * date/time column of cols, a cast to such a type, CURRENT_DATE and the like), which must be
 * translated with those columns typed. */
bool xlat_checkexpr_dtarith(struct xlat_ctx *c, const struct xlat_schema_col *cols, size_t ncols,
			    const PgQuery__Node *e);
/* A copy of cols (from c->a) for translating e as stored text: a column keeps its type when
 * keep (NULL: none) says so, or when e holds date/time arithmetic and it is a date/time one;
 * the others are untyped (0), their comparisons plain SQLite ones. */
struct xlat_schema_col *xlat_checkexpr_cols(struct xlat_ctx *c, const struct xlat_schema_col *cols,
					    size_t ncols, const PgQuery__Node *e,
					    bool (*keep)(uint32_t oid));
/* Puts table rel's columns typed so into the current scope level when e holds date/time
 * arithmetic (an index's key or predicate); nothing otherwise or when rel is not known. */
void xlat_checkexpr_scope(struct xlat_ctx *c, const PgQuery__RangeVar *rel, const PgQuery__Node *e);

/* xlat_gencheck.c: CREATE TABLE s's generated columns as PostgreSQL checks them (no aggregate
 * 42803, window function 42P20 or generated column 42P17 in a generation expression; no
 * aggregate or window function in a DEFAULT either) and as SQLite can make them (none in a
 * PRIMARY KEY: 0A000); false with err set. */
bool xlat_gencheck_create(struct xlat_ctx *c, const PgQuery__CreateStmt *s);

/* xlat_jsonbsub.c: j[k]... of a jsonb value, as jsonb_extract_path (1 written, 0 not a
 * jsonb or json value, -1 failed). */
int xlat_jsonb_subscript(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t);

/* xlat_colalias.c: each table of s's FROM list that has a column alias list (FROM t AS
 * x(a, b)) made a subquery renaming the columns, in place; false with err set. */
bool xlat_colalias_rewrite(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* The same for the FROM items v[0..n) (an UPDATE's FROM, a DELETE's USING). */
bool xlat_colalias_rewrite_list(struct xlat_ctx *c, PgQuery__Node **v, size_t n);
/* When s is the SELECT * an aliased join became, the join (s's one FROM item); else NULL. */
const PgQuery__Node *xlat_colalias_join(const struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* Whether n calls a volatile function (random(), nextval(), a tenant's VOLATILE one), also
 * inside its subqueries: evaluating it twice gives two values. */
bool xlat_volatile_in(const struct xlat_ctx *c, const PgQuery__Node *n);
/* xlat_volsort.c: a top-level SELECT with ORDER BY whose select list calls a volatile function
 * (nextval) rewritten in place, before it is translated, so that the call runs after the sort
 * and for the rows LIMIT keeps only, as PostgreSQL's; s stays as it was when not certain. */
void xlat_volsort_rewrite(struct xlat_ctx *c, PgQuery__SelectStmt *s);

/* Whether rf is a rewritten _pg_expandarray call (its ordinality column n is an int4). */
bool xlat_colalias_expandarray(const struct xlat_ctx *c, const PgQuery__RangeFunction *rf);

/* ---- xlat_txnnow.c: DEFAULT now() given by the INSERT ---- */
/* Whether col of rel (the own tenant's table) is a timestamptz whose DEFAULT in the file is the
 * translator's now(), CURRENT_TIMESTAMP or transaction_timestamp(): PostgreSQL evaluates it
 * as the transaction's start, which the statement then gives (xlat_txn_now_value: the SQL of
 * that value, rounded to the column's precision; in c's arena). */
bool xlat_txn_now_col(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
		      const struct xlat_schema_col *col);
const char *xlat_txn_now_value(struct xlat_ctx *c, const struct xlat_schema_col *col);
/* The columns of s's table that are xlat_txn_now_col and that no position of the source fills
 * (targets[i] with given[i] false: DEFAULT in every row, or dropped), NULL-terminated; NULL
 * when there is none or a position's column is not known (targets[i] NULL). */
const struct xlat_schema_col **xlat_txn_now_omitted(struct xlat_ctx *c,
						    const PgQuery__InsertStmt *s,
						    const struct xlat_schema_col **targets,
						    const bool *given, size_t width);

/* ---- xlat_enumpred.c: an enum ordered in a CHECK, an index's predicate or key ---- */
/* e with each ordering comparison (<, <=, >, >=, [NOT] BETWEEN [SYMMETRIC]) of an enum
 * column of cols against a label as a membership test over the labels in the type's order
 * (NULL for a NULL column, as the comparison), and of two columns of one enum as their
 * positions (CASE), so that the SQLite text needs no collation; e itself when there is none
 * (a changed tree is a copy: e still prints the PostgreSQL text). NULL with err set: a label
 * the enum lacks (22P02), an enum ordered against another expression (0A000), two enums
 * (42883). xlat_enumpred_table: over the columns of table rel (e when not known). */
PgQuery__Node *xlat_enumpred(struct xlat_ctx *c, const struct xlat_schema_col *cols, size_t ncols,
			     PgQuery__Node *e);
PgQuery__Node *xlat_enumpred_table(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
				   PgQuery__Node *e);
/* A domain's CHECK e over VALUE of type oid, an enum: its comparisons (= and <> too) as
 * xlat_enumpred makes them; e when oid is no enum; NULL with err set. */
PgQuery__Node *xlat_enumpred_value(struct xlat_ctx *c, uint32_t oid, PgQuery__Node *e);
/* Before the SQLite text of an expression xlat_enumpred changed, one comment per enum whose
 * labels it spells (written by xlat_enumpred itself): a label added, renamed or the type
 * renamed would leave that text stale. */
#define XLAT_ENUM_ORDER_MARK "/* shardlite: enum order "
/* The same before an index's SQLite text that compares an enum column with a label by = or
 * <> (IN): RENAME VALUE would leave the label's text stale. */
#define XLAT_ENUM_LABEL_MARK "/* shardlite: enum label "
/* Appends to an ALTER TYPE script the 0A000 ("ALTER TYPE ... <what> of an enum an index or
 * a CHECK constraint orders") raised when it runs while a table's text (with indexes, an
 * index's too) holds type's XLAT_ENUM_ORDER_MARK. */
void xlat_enumpred_guard(struct xlat_ctx *c, const char *type, const char *what, bool indexes);
/* ---- xlat_enumrefit.c ---- */
/* Whether ALTER TYPE can make type's ordering indexes again (xlat_env.enum_indexes_fn known,
 * and no earlier DDL of the input the listing could miss). */
bool xlat_enumrefit_available(const struct xlat_ctx *c);
/* Appends to an ALTER TYPE ... ADD VALUE / RENAME VALUE script (the enum model already
 * changed) the DROP INDEX and CREATE INDEX of each index whose SQLite text spells type's
 * labels, made from its PostgreSQL definition; RENAME VALUE's from (NULL for ADD VALUE) reads
 * as to in it. False with err set. */
bool xlat_enumrefit(struct xlat_ctx *c, const char *type, const char *from, const char *to);
/* Appends to an ALTER TYPE ... RENAME TO script (run after the columns are declared with the
 * new name) the DROP INDEX and CREATE INDEX of each index whose SQLite text spells type's
 * labels, made again from its PostgreSQL definition, its marks naming to. */
bool xlat_enumrefit_rename(struct xlat_ctx *c, const char *type, const char *to);
/* A domain CHECK e's text as the domain sidecar keeps it: its PostgreSQL texts as comments
 * (as xlat_checkdef_mark's) before libpg_query's deparse, when e prints exactly over VALUE of
 * base; the deparse alone otherwise. NULL when e has no SQL text. */
const char *xlat_checkdef_domain(struct xlat_ctx *c, const struct xlat_typeref *base,
				 PgQuery__Node *e);

/* ---- xlat_array.c ---- */
/* The element type of an array type OID; 0 when oid is no array type we know. */
uint32_t xlat_array_elem(uint32_t oid);
/* The pgfn_array_elem tag that turns an element unnest reads from an array of type array into
 * the value its type is stored as, where the element's text is not that value: 'b' bool's
 * "t"/"f" into 1/0, 'm' money's "$1.00" into cents; 0 for other types. */
char xlat_unnest_tag(uint32_t array);
/* ARRAY(subquery) of one column of a type whose text in SQLite is not its array element's
 * (floats, numeric, bool, dates ...): pgfn_array_agg of the column's text form, typed as that
 * type's array ('{}' for no rows). 1 emitted, 0 not such a column (nothing emitted), -1
 * failed. */
int xlat_array_sublink_typed(struct xlat_ctx *c, const PgQuery__SelectStmt *sel, const char *col,
			     struct xlat_type *t);
/* The letter pgfn_array_put_value reads for a value of type t (b bool, f float, x bytea, .). */
char xlat_array_put_tag(struct xlat_type t);
/* xlat_arrayset.c: SET target v[i] of UPDATE with subscripts (a[i], a[l:u]) of array column
 * col, with every later one of that column, as col = pgfn_array_set(...) (", " first when
 * more): 1 emitted (or already with an earlier one), 0 not such a target (nothing emitted),
 * -1 failed. */
int xlat_array_set_target(struct xlat_ctx *c, PgQuery__Node **v, size_t n, size_t i,
			  const struct xlat_schema_col *col, bool more);
/* As xlat_array_elem, and an enum's array type gives the enum. */
uint32_t xlat_array_elem_in(struct xlat_ctx *c, uint32_t oid);
/* The collation that orders arrays of type l or r (one of them an array of numbers or texts)
 * as PostgreSQL's array_cmp (" COLLATE pgfn_array_num" / "..._text"), for comparison op
 * (NULL: a sort, min/max); NULL when their text order serves (= and <>, other elements). */
const char *xlat_array_collation(uint32_t l, uint32_t r, const char *op);
bool xlat_array_expr(struct xlat_ctx *c, const PgQuery__AArrayExpr *e, struct xlat_type *t);
/* ARRAY[...]::type[] (tc's argument a constructor, to_oid the target array type's OID): each
 * element cast to the element type, as PostgreSQL's parser does; t is the target array type. */
bool xlat_array_ctor_cast(struct xlat_ctx *c, const PgQuery__TypeCast *tc, uint32_t to_oid,
			  struct xlat_type *t);
/* x op ANY/ALL (array) other than the catalog's: 1 emitted, 0 not one, -1 failed. */
int xlat_array_any(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t);
/* Whether n is an array: visibly so (ARRAY[...], a cast to an array type, an array
 * function), a column whose type the schema says is one, or a scalar subquery of one. */
bool xlat_array_operand(struct xlat_ctx *c, const PgQuery__Node *n);
/* Whether a string literal cast to elem[] (elem: pg_type.typname) is read and checked
 * (xlat_catalog.c); other array casts of literals are 0A000. */
bool xlat_array_castable(const char *elem);
/* || with an array operand: 1 emitted, 0 not one, -1 failed. */
int xlat_array_concat(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t);
/* The arguments of a slice's subscripts ind[0..n) (n at most 6) that pgfn_array_slice and
 * pgfn_array_setslice take after the array: ", 'spec'" with a letter pair per subscript (v a
 * bound given, - left out), then the bounds given; a subscript without a colon is 1:i, as in
 * PostgreSQL. */
bool xlat_array_slice_args(struct xlat_ctx *c, PgQuery__Node *const *ind, size_t n);
/* array @> / <@ / && array when either side is visibly an array: 1 emitted, 0 not, -1 failed. */
int xlat_array_contains(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
			struct xlat_type *t);
/* array_length, cardinality, array_append, string_to_array, array_agg ...: 1/0/-1. */
int xlat_array_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		    struct xlat_type *t);
/* ---- xlat_srf.c ---- */
/* unnest(a, b, ...) and the JSON set-returning functions in FROM: 1 emitted, 0 not one, -1
 * failed. */
int xlat_srf_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf);
/* xlat_call.c: a call of the tenant's function as a FROM item (a set-returning one's rows
 * through pgfn_rows, another's one row), and its columns for the scope: 1 done, 0 not one of
 * the tenant's functions, -1 failed. */
int xlat_udf_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf);
/* The SQLite text of expression n translated aside (in c->a; not into c->sb), NULL failed:
 * to compare two expressions' texts, or to place one elsewhere. */
const char *xlat_expr_aside(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t);
/* A select list's call v of a set-returning function of the tenant's, which joins the query
 * level's FROM as pgfn_rows(call) (PostgreSQL's ProjectSet of one function): 1 made *srfp,
 * 0 v is none, -1 failed (0A000 beside another set-returning function). */
int xlat_udf_srf_target(struct xlat_ctx *c, struct xlat_srf **srfp, const PgQuery__Node *v);
/* The value of that call in a row: its column, or a record of its columns (record_out). */
bool xlat_udf_srf_value(struct xlat_ctx *c, const struct xlat_srf *srf, struct xlat_type *t);
int xlat_udf_scope_cols(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char **name,
			const struct xlat_schema_col **cols, size_t *n);
/* Brings the columns of this FROM list's directly joined functions into scope (c->nsrfcols
 * grows, c->star_from is set or cleared; the caller restores both when the query ends). */
void xlat_srf_collect(struct xlat_ctx *c, PgQuery__Node **v, size_t n);
/* One more such column (in c->a). */
struct xlat_srfcol *xlat_srf_newcol(struct xlat_ctx *c);
/* The function call of a FROM item that is one call (not ROWS FROM), else NULL. */
const PgQuery__FuncCall *xlat_rf_call(const PgQuery__RangeFunction *rf);
/* Whether no argument of a function in FROM can read another FROM item (constants,
 * parameters and calls of those; named arguments by their value). */
bool xlat_srf_args_standalone(const PgQuery__FuncCall *f);
/* The tenant's function in FROM that is joined directly (LATERAL, or its arguments read
 * other FROM items): its columns brought into scope as xlat_srf_collect's; false when it is
 * not one. */
bool xlat_udf_collect(struct xlat_ctx *c, const PgQuery__RangeFunction *rf);
/* alias.col, col or alias.* of such a function: 1 emitted, 0 not one, -1 failed. */
int xlat_srf_column_ref(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t);
/* A bare * while c->star_from is set: each FROM item's columns spelled out. */
bool xlat_srf_star(struct xlat_ctx *c);
/* The typed output columns of a function in FROM (generate_series, unnest, the JSON SRFs;
 * alias list and ordinality applied) and the name they are qualified with: 1 known, 0 not
 * known (the relation stays opaque), -1 failed (err set). */
int xlat_srf_scope_cols(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char **name,
			const struct xlat_schema_col **cols, size_t *n);
/* f's ORDER BY keys emitted as ", key1, key2 ...", their sort flags (a/d then f/l per key)
 * into flags (room for 2 per key, at most 16 keys); false with err. */
bool xlat_agg_sort_keys(struct xlat_ctx *c, const PgQuery__FuncCall *f, char *flags);
/* array_agg, string_agg, json[b]_agg with ORDER BY inside the call: 1/0/-1. */
int xlat_ordered_agg(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		     struct xlat_type *t);
/* percentile_cont, percentile_disc, mode ... WITHIN GROUP (ORDER BY x): 1/0/-1. */
int xlat_osagg(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
	       struct xlat_type *t);
/* A parenthesized window specification (also used for the WINDOW clause). */
bool xlat_window_spec(struct xlat_ctx *c, const PgQuery__WindowDef *w);

/* ---- xlat_datetime.c ---- */
/* A string literal cast to a date/time type (oid): checked, then the normalized stored form
 * or, when it depends on the session, a pg_dt_cast call. */
bool xlat_dt_literal(struct xlat_ctx *c, uint32_t oid, const char *s, int location);
/* A string constant as an interval with fields or a precision (typmod >= 0): read as
 * interval_in reads it with that typmod, adjusted to it, written as its stored text. */
bool xlat_dt_interval_literal(struct xlat_ctx *c, const char *s, int32_t typmod, int location);
/* x (already emitted text) of static type from, converted to type to at run time. */
bool xlat_dt_cast_expr(struct xlat_ctx *c, const char *x, uint32_t from, uint32_t to);
/* l op r when an operand is a date/time: 1 emitted, 0 not one of them (emit as usual), -1
 * failed (err set). */
int xlat_dt_operator(struct xlat_ctx *c, const char *op, const char *l, struct xlat_type lt,
		     const char *r, struct xlat_type rt, int location, struct xlat_type *t);
bool xlat_dt_sqlvalue(struct xlat_ctx *c, uint32_t oid, int32_t typmod, struct xlat_type *t);
bool xlat_dt_now(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_date_trunc(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_date_bin(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_extract(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_age(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_make(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_to_char(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_to_timestamp(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_timezone(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_justify(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_misc(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
bool xlat_dt_overlaps(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);

/* ---- xlat_fncast.c ---- */
/* float8(x), int4(x), text(x) ...: a call of one argument named as a built-in type is the
 * explicit cast x::type. 1 emitted, 0 not such a call, -1 failed (c's error set). */
int xlat_fncast(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		struct xlat_type *t);

/* ---- xlat_type.c ---- */
bool xlat_type_resolve(struct xlat_ctx *c, const PgQuery__TypeName *tn, struct xlat_typeref *out);
/* PostgreSQL's 42P16 `column "c" has pseudo-type unknown` when tn names a pseudo-type (any,
 * record, void, unknown, ...), which no column of a table or composite type may have. */
bool xlat_type_pseudo_check(struct xlat_ctx *c, const PgQuery__TypeName *tn, const char *column);
/* Whether oid is regclass, regtype or regnamespace, whose value a routine's parameter, result
 * or PL/pgSQL variable carries as the name the output function prints. */
bool xlat_type_reg_oid(uint32_t oid);
/* The SQL of value txt (translated, of type from) as such a type's value, the name: read by
 * its input function first when from is a string or an OID. */
const char *xlat_catalog_reg_value(struct xlat_ctx *c, const char *txt, uint32_t from, uint32_t to);
/* The input function (pg_regclass_in ...) of such a type, NULL for another type. */
const char *xlat_catalog_reg_input(uint32_t oid);
/* tc, or a copy in c's arena whose type names an array type by its pg_type name (_int4, _text,
 * _mood: what pg_type.typname says and catalog-driven clients cast to) as element[]. */
const PgQuery__TypeCast *xlat_type_cast_unalias(struct xlat_ctx *c, const PgQuery__TypeCast *tc);
/* The format_type() spelling of a resolved type ("character varying(20)", "integer[]"). */
const char *xlat_type_format(struct xlat_ctx *c, const struct xlat_typeref *r);
/* The OID of r as a value (arrays → their array OID, 0 when we report none). */
uint32_t xlat_type_oid(const struct xlat_typeref *r);
const struct xlat_typeinfo *xlat_type_by_oid(uint32_t oid);
/* Its sql_name (format_type's spelling), "unknown" for a type not built in: as errors name it. */
const char *xlat_type_name(uint32_t oid);
/* A string type (text, varchar, bpchar, name) or a value not typed yet (an unknown literal, a
 * value typed only when the statement runs): what an I/O cast reads as text. */
bool xlat_type_reads_as_text(uint32_t oid);
/* The built-in type whose array type is oid, NULL if none. */
const struct xlat_typeinfo *xlat_type_by_array_oid(uint32_t oid);
/* date, time, timetz, timestamp, timestamptz, interval: stored as text, so no arithmetic. */
bool xlat_type_is_temporal(uint32_t oid);

/* ---- xlat_select.c ---- */
/* The result shape of a query as far as it is known before running. */
struct xlat_shape {
	struct xlat_type *types; /* one per output column */
	size_t n;
	bool star;          /* the target list holds * or t.*: the column count is unknown */
	const char **names; /* with a * spelled out (xlat_scope_star_shape): the n output names */
	/* where each of the n columns comes from (RowDescription's table and column); NULL:
	 * SQLite's origin for every one */
	struct xlat_origin *origins;
};

/* Whether s's target list holds * or t.*. */
bool xlat_has_star(const PgQuery__SelectStmt *s);
/* The role of OWNER TO as the catalog's owner checks take it: its name as a string, NULL for
 * CURRENT_USER, SESSION_USER and CURRENT_ROLE; PUBLIC is 42704 as in PostgreSQL. */
bool xlat_owner_role(struct xlat_ctx *c, const PgQuery__RoleSpec *role);
/* One SELECT without its WITH, ORDER BY and LIMIT (which s must not have). */
bool xlat_select_core(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape);
/* A LIMIT (is_limit) or OFFSET operand: a $n is bigint, a negative constant 2201W/2201X, an
 * expression cast to bigint with NULL read as no LIMIT / OFFSET 0. */
bool xlat_limit_value(struct xlat_ctx *c, const PgQuery__Node *n, bool is_limit);
/* As xlat_limit_value for the row count of FETCH ... WITH TIES compared with a rank (NULL:
 * every row). */
bool xlat_limit_ties_bound(struct xlat_ctx *c, const PgQuery__Node *n);
/* s's LIMIT/OFFSET/FETCH (not its ORDER BY). */
bool xlat_select_limit(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* A SELECT/VALUES/set operation; shape (may be NULL) receives its output column types. */
bool xlat_select(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape);
/* A target list (SELECT or RETURNING) with PostgreSQL's column names as aliases. */
bool xlat_targets(struct xlat_ctx *c, PgQuery__Node **v, size_t n, struct xlat_shape *shape);
/* Copies a shape into the current statement's result column hints. */
void xlat_shape_to_cols(struct xlat_ctx *c, const struct xlat_shape *shape);
bool xlat_with(struct xlat_ctx *c, const PgQuery__WithClause *w);
bool xlat_from_list(struct xlat_ctx *c, PgQuery__Node **v, size_t n);
/* ORDER BY items with PostgreSQL's NULL placement spelled out (NULLS LAST for ASC). */
bool xlat_sort_list(struct xlat_ctx *c, PgQuery__Node **v, size_t n);
/* The PostgreSQL column name of the first output column of a query (EXPR sublinks). */
const char *xlat_select_colname(const PgQuery__SelectStmt *s);
/* s, or a copy whose ORDER BY keys that name an unaliased result column reference (ORDER BY
 * n of SELECT a.n) are that reference, as PostgreSQL resolves them (xlat_sortname.c). */
const PgQuery__SelectStmt *xlat_sort_by_targets(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* The name PostgreSQL gives an unnamed result column (FigureColname). */
const char *xlat_colname(const PgQuery__Node *n);
/* The PostgreSQL names of all output columns of a query; NULL when it has a * (unknown). */
const char **xlat_select_colnames(struct xlat_ctx *c, const PgQuery__SelectStmt *s, size_t *n);
/* The same, or with a * the names shape (s's, translated) spelled out; NULL when unknown. */
const char **xlat_shape_colnames(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
				 const struct xlat_shape *shape, size_t *n);

/* ---- xlat_qforms.c: DISTINCT ON and INTERSECT/EXCEPT ALL through window functions ---- */
bool xlat_is_distinct_on(const PgQuery__SelectStmt *s);
/* SELECT names FROM ( ... the core, with xlat_distinct_on_keys after its targets ... */
bool xlat_distinct_on_open(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
bool xlat_distinct_on_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* ... ) WHERE the first of each group, ORDER BY the sort keys (LIMIT follows). */
/* SELECT DISTINCT's ORDER BY items are selected columns, DISTINCT ON's lead its ORDER BY:
 * else 42P10 as PostgreSQL's parse analysis (xlat_distinct.c). */
bool xlat_distinct_check(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* The i-th query of WITH RECURSIVE w as PostgreSQL checks a self-referencing one: 42P19 or
 * 0A000 for what it refuses (xlat_recursive.c). */
bool xlat_recursive_check(struct xlat_ctx *c, const PgQuery__WithClause *w, size_t i);
/* Whether a WITH query reads itself (under RECURSIVE: is recursive). */
bool xlat_recursive_is(const PgQuery__CommonTableExpr *e);
bool xlat_distinct_on_close(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
bool xlat_setop_all(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape);
/* FETCH ... WITH TIES of a plain SELECT, as DISTINCT ON: open, the core with xlat_ties_keys
 * after its targets, close (which writes the row limit and offset) — when its result columns
 * have names (xlat_ties_named); else after its ORDER BY, xlat_ties_limit (LIMIT and OFFSET). */
bool xlat_ties_is(const PgQuery__SelectStmt *s);
bool xlat_ties_named(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
bool xlat_ties_limit(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
bool xlat_ties_open(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
bool xlat_ties_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
bool xlat_ties_close(struct xlat_ctx *c, const PgQuery__SelectStmt *s);

/* ---- xlat_scope.c: which relations a query reads, and the types of their columns ---- */
struct xlat_scope_rel;
struct xlat_scope_memo;
/* Opens a query level; returns the mark xlat_scope_leave restores. */
int xlat_scope_enter(struct xlat_ctx *c);
void xlat_scope_leave(struct xlat_ctx *c, int mark);
/* Brings a FROM list's relations into the current level (subqueries are dry-run once for
 * their output types). False only when a subquery fails to translate (err set). */
bool xlat_scope_from(struct xlat_ctx *c, PgQuery__Node **v, size_t n);
/* Brings one table (an INSERT/UPDATE/DELETE target) into the current level. */
void xlat_scope_table(struct xlat_ctx *c, const PgQuery__RangeVar *rv);
/* Whether rv, an own-tenant name the schema has no table or view of, is a sequence read as
 * a relation (its columns: *cols, *ncols). Marks the statement uncacheable when the schema
 * does not know the name (a sequence may be created by then). */
bool xlat_scope_sequence(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
			 const struct xlat_schema_col **cols, size_t *ncols);
/* The columns of a target table from the schema; false when unknown. */
bool xlat_scope_target(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
		       const struct xlat_schema_col **cols, size_t *ncols);
/* The default of column col of target rv as a SQLite expression (xlat_schema.default_fn):
 * *sql NULL when it has none; false when not known (another tenant's table, no schema). */
bool xlat_scope_default(struct xlat_ctx *c, const PgQuery__RangeVar *rv, const char *col,
			const char **sql);
/* The kind of relation rv names in the session's own tenant (xlat_schema.relkind_fn: 'm',
 * 'M', 'c', 'v'), 0 when none of those or not known; never a pg_temp one's. */
char xlat_scope_relkind(const struct xlat_ctx *c, const PgQuery__RangeVar *rv);
/* Whether rv names a materialized view of the session's own tenant (xlat_schema.relkind_fn),
 * which no statement but REFRESH writes; never a pg_temp one. */
bool xlat_scope_matview(const struct xlat_ctx *c, const PgQuery__RangeVar *rv);
/* Whether rv names a relation of the session's own tenant that its schema does not have. */
bool xlat_scope_absent(struct xlat_ctx *c, const PgQuery__RangeVar *rv);
/* The running trigger function's transition table rv names (bare, no WITH query of the name:
 * xlat_env.transitions), or NULL. */
const struct xlat_transition *xlat_scope_transition(const struct xlat_ctx *c,
						    const PgQuery__RangeVar *rv);
/* The column called name (case-insensitive), NULL when none. */
const struct xlat_schema_col *xlat_scope_col(const struct xlat_schema_col *cols, size_t n,
					     const char *name);
/* Registers a CTE with its output types (shape NULL or with *: unknown). */
void xlat_scope_cte(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e,
		    const struct xlat_shape *shape);
/* The relation name to qualify col with in the ON clause of join j (current level), NULL
 * when it needs none: PostgreSQL looks for it only among the join's inputs, SQLite among
 * every FROM item of the level, so a column of that name elsewhere would be ambiguous. */
/* Whether a column reference sees, outside the levels hidden from it (xlat_scope_hide_level),
 * the relation rel (rel not NULL) or a relation with a column col: 1 yes, 0 no, -1 cannot
 * tell (a relation whose columns are not known). */
int xlat_scope_visible(const struct xlat_ctx *c, const char *rel, const char *col);
/* Whether rel.col names no relation of any level (nor a CTE, nor a column rel of composite
 * type) while every relation in scope is known: PostgreSQL's 42P01 missing FROM-clause entry.
 * False when it cannot tell (no FROM item, one whose columns are unknown, DDL expressions). */
bool xlat_scope_missing(const struct xlat_ctx *c, const char *rel);
/* Whether rel.col's rel names two FROM items of the innermost level that has one of that name
 * (FROM t, other.t: two relations of one name, which PostgreSQL lets stand, 42P09 when
 * referenced so). */
bool xlat_scope_ambiguous(const struct xlat_ctx *c, const char *rel);
/* The name of a relation of the current level that is one of side's FROM items (side a
 * join's input) and has a column col; NULL when none has. */
const char *xlat_scope_input_has(const struct xlat_ctx *c, const PgQuery__Node *side,
				 const char *col);
const char *xlat_scope_on_owner(const struct xlat_ctx *c, const PgQuery__JoinExpr *j,
				const char *col);
/* rel.col naming a table of the tenant's that is in scope only under an alias: that alias
 * (PostgreSQL's 42P01 "invalid reference to FROM-clause entry"), else NULL; NULL too when
 * rel might still be something else in scope (an unnamed or unknown relation, a column). */
const char *xlat_scope_hidden_by_alias(const struct xlat_ctx *c, const char *rel);
/* When rel names an entry an aliased join in scope hides, (a JOIN b ON ...) AS x hiding a,
 * the entry's name (its alias, else its table's), as PostgreSQL's searchRangeTableForRel
 * finds it; NULL otherwise. */
const char *xlat_scope_join_hidden(const struct xlat_ctx *c, const char *rel);
/* Whether rel.col (rel NULL: a bare col) names a column its relation has twice (a subquery's
 * SELECT * over a join, SELECT 1 AS a, 2 AS a): PostgreSQL's 42702, where SQLite, which
 * names the second a:1, would read the first. */
bool xlat_scope_dup_col(const struct xlat_ctx *c, const char *rel, const char *col);
/* The type of a column reference, {0, -1} when it is only known at run time. */
struct xlat_type xlat_scope_column_type(const struct xlat_ctx *c, const PgQuery__ColumnRef *cr);
/* Where column reference cr comes from as PostgreSQL's RowDescription tells it (struct
 * xlat_origin): a view's or partition's column (named: also a table's), a subquery's or CTE's
 * column's origin; XLAT_ORIGIN_SQLITE when SQLite's answer is PostgreSQL's or it cannot be
 * told. */
struct xlat_origin xlat_scope_column_origin(const struct xlat_ctx *c, const PgQuery__ColumnRef *cr,
					    bool named);
/* Where whole-row reference cr (SELECT t FROM t) comes from: the table or view it names, its
 * column NULL (PostgreSQL's attribute 0); SQLITE when cr may be a column, or names another
 * kind of relation. */
struct xlat_origin xlat_scope_row_origin(const struct xlat_ctx *c, const PgQuery__ColumnRef *cr);
/* The column cr names when it is a column of one of the tenant's tables (not a view's, a
 * CTE's, a subquery's or the catalog's) in scope that SQLite gives TEXT affinity
 * (xlat_schema.default_fn); NULL otherwise or when unsure. */
const struct xlat_schema_col *xlat_scope_text_col(const struct xlat_ctx *c,
						  const PgQuery__ColumnRef *cr);
/* Hides level c->level's FROM items from column references while a (not LATERAL) subquery
 * of its FROM is translated: returns what xlat_scope_unhide takes back. */
uint64_t xlat_scope_hide_level(struct xlat_ctx *c);
void xlat_scope_unhide(struct xlat_ctx *c, uint64_t saved);
/* A target list with * or t.* (shape->star): its columns' types from the relations the
 * current level brought into scope since mark first; left as it is when one is unknown. */
void xlat_scope_star_shape(struct xlat_ctx *c, const PgQuery__SelectStmt *s, int first,
			   struct xlat_shape *shape);
/* The columns * (rel NULL: every relation of s's level brought into scope since mark first,
 * in FROM order; over a join that merges columns, USING or NATURAL, in PostgreSQL's order:
 * xlat_scope_join_star) or rel.* stands for: column (*names)[i] of the relation called
 * (*quals)[i] (COALESCE of it and the one of relation (*quals2)[i] when that is not NULL: a
 * FULL JOIN's merged column; *quals2 NULL when none is), in c->a; false when a relation's
 * columns are not known here. */
bool xlat_scope_star_names(struct xlat_ctx *c, const PgQuery__SelectStmt *s, int first,
			   const char *rel, const char ***quals, const char ***quals2,
			   const char ***names, size_t *n);
/* * of s when its FROM has a join that merges columns (USING, NATURAL): the merged columns
 * first, then each side's others, as PostgreSQL lists them (each a column of one relation:
 * the left side's, the right side's for RIGHT JOIN; a FULL JOIN's the COALESCE of both, the
 * right one's relation in *quals2, or the relations after the first, each ended by
 * XLAT_QUALS_SEP, when FULL JOINs merge it again); false when there is no such join or it
 * cannot be spelled
 * so (an aliased join, merged columns of different types, a relation whose columns are not
 * known here). */
#define XLAT_QUALS_SEP '\x1f'
bool xlat_scope_join_star(struct xlat_ctx *c, const PgQuery__SelectStmt *s, int first,
			  const char ***quals, const char ***quals2, const char ***names,
			  size_t *n);
/* The type of name's whole row as a value (the innermost relation so called): a tenant
 * table's or view's row type (xlat_schema.rowtype_fn), record for a subquery, a CTE or a
 * function; 0 when not known (a catalog relation, no rowtype_fn). */
uint32_t xlat_scope_row_type(const struct xlat_ctx *c, const char *name);
/* name as a whole-row reference (row_to_json(t)): 1 with the relation's columns, 0 when no
 * relation in scope is called name, -1 when one is but its columns are not known here (or a
 * relation that might have a column of that name is in the way), -2 when two of its columns
 * share a name ((SELECT 1, 2) s: SQL reaches only the first by name). */
/* When name alone names a built-in function in FROM that returns one value
 * (jsonb_array_elements(x) AS l), the name of its column (l means l.value); else NULL. */
const char *xlat_scope_scalar_fn(const struct xlat_ctx *c, const char *name);
int xlat_scope_whole_row(const struct xlat_ctx *c, const char *name,
			 const struct xlat_schema_col **cols, size_t *n);
/* Whether relation name of the current level can never be NULL as a whole row: it is not on
 * the nullable side of an outer join (count(t.*) counts every row then). */
bool xlat_scope_row_never_null(const struct xlat_ctx *c, const char *name);
/* Whether column reference cr (col or t.col) names a column of a relation of a query around
 * the current level (a correlated reference), not one of its own FROM items. */
bool xlat_scope_outer_ref(const struct xlat_ctx *c, const PgQuery__ColumnRef *cr);
/* ---- xlat_rowjson.c ---- */
/* row_to_json(t), to_json[b](t), json[b]_agg(t) of a whole row: 1 emitted, 0 not one, -1
 * failed. */
int xlat_row_json(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		  struct xlat_type *t);
/* Translates expression n into a scratch buffer only for its type. */
bool xlat_scope_dry_expr(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t);
/* Translates s into a scratch buffer only for its output types. */
bool xlat_scope_dry_select(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			   struct xlat_shape *shape);

/* ---- xlat_trgm.c: pg_trgm's operators and set_limit/show_limit ---- */
/* Whether pg_trgm's functions and operators exist: the tenant created the extension (or the
 * translation has no schema to say). */
bool xlat_trgm_created(const struct xlat_ctx *c);
/* a op b for pg_trgm's operators on text operands: 1 emitted (*t bool or float4), 0 not
 * one (other operand types, or no pg_trgm), -1 failed. */
int xlat_trgm_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op, struct xlat_type *t);
/* set_limit(x) and show_limit(), through the setting pg_trgm.similarity_threshold. */
bool xlat_trgm_limit(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);

/* ---- xlat_literal.c: input checks of string literals cast to uuid and json ---- */
/* Emits s as a uuid in canonical form, or fails with 22P02 at location. */
bool xlat_uuid_literal(struct xlat_ctx *c, const char *s, int location);
/* A string literal read by pgtype's input function of oid while translating (inet, cidr,
 * macaddr, macaddr8, tsvector, tsquery, the number ranges; its errors as PostgreSQL words
 * them, with DETAIL), written as its canonical text. */
bool xlat_net_literal(struct xlat_ctx *c, uint32_t oid, const char *s, int location);
/* The run-time input function of those four types (shardlite_inet, ...), NULL for others. */
const char *xlat_net_input(uint32_t oid);
/* xlat_net.c: whether oid is inet or cidr; the collation a comparison op of types l and r needs
 * (" COLLATE pgfn_inet", NULL when none); a call of the inet/cidr/macaddr functions (0: name
 * is none of them, or trunc of a number); and the operators << <<= >> >>= && & | + - with an
 * inet operand, given the operands' emitted text (0: not such an operator). */
bool xlat_net_type(uint32_t oid);
/* 42883 "operator does not exist: a op b" with PostgreSQL's HINT (xlat_datetime.c). */
bool xlat_no_operator(struct xlat_ctx *c, const char *op, uint32_t a, uint32_t b, int location);
const char *xlat_net_collation(uint32_t l, uint32_t r, const char *op);
int xlat_net_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		  struct xlat_type *t);
int xlat_net_operator(struct xlat_ctx *c, const char *op, const char *ls, struct xlat_type l,
		      const char *rs, struct xlat_type r, int location, struct xlat_type *t);
/* xlat_range.c: whether oid is one of the six range types; the collation comparing them
 * (" COLLATE pgfn_int4range", NULL when neither is a range); a string literal as a range
 * (range_in: now for numbers and in DDL, else shardlite_range() when it runs); a cast of x of
 * type from to range type to (42846 unless text or the same range); a call of a range
 * constructor or function (0: not ours); and the range operators (0: no range operand),
 * around operands already emitted at [mark, lend) and [rstart, end) with ", " between
 * (xlat_range_operator), or reading them (xlat_range_op). */
bool xlat_range_type(uint32_t oid);
/* The pgfn function of boolean range operator op (&&: "pgfn_range_overlaps"), NULL for none;
 * called fn(l, r, range oid). */
const char *xlat_range_bool_fn(const char *op);
/* The six multirange types (int4multirange ...); a string literal as one (multirange_in: now
 * for numbers, else shardlite_multirange() when it runs); a cast of x of type from to one. */
bool xlat_multirange_type(uint32_t oid);
/* unnest(mr): the multirange written from `from` to the end of c's text becomes the array of
 * its ranges (pgfn_multirange_array); returns the type to unnest (the range type's array), or
 * oid as it is when it is no multirange. */
uint32_t xlat_multirange_unnest(struct xlat_ctx *c, size_t from, uint32_t oid);
bool xlat_multirange_literal(struct xlat_ctx *c, uint32_t oid, const char *s, int location);
bool xlat_multirange_cast(struct xlat_ctx *c, uint32_t to, const char *x, uint32_t from,
			  int location);
/* daterange, tsrange, tstzrange: their text depends on TimeZone and DateStyle (range::text is
 * pgfn_range_text(x, oid), run in the session). */
bool xlat_range_dt(uint32_t oid);
/* The range type of a constructor call or a cast to a range (ORDER BY int4range(a, b)), else 0. */
uint32_t xlat_range_node_type(const PgQuery__Node *n);
const char *xlat_range_collation(uint32_t l, uint32_t r);
bool xlat_range_literal(struct xlat_ctx *c, uint32_t oid, const char *s, int location);
bool xlat_range_cast(struct xlat_ctx *c, uint32_t to, const char *x, uint32_t from, int location);
int xlat_range_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		    struct xlat_type *t);
int xlat_range_operator(struct xlat_ctx *c, const char *op, size_t mark, size_t lend, size_t rstart,
			struct xlat_type l, struct xlat_type r, int location, struct xlat_type *t);
int xlat_range_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op, struct xlat_type *t);
/* xlat_tsearch.c: whether oid is tsvector or tsquery; the text search functions (0: name is
 * none of them, or length() of another type); @@ and the prefix !! (0: neither); and || && <->
 * with a tsvector or tsquery operand, given the operands' emitted text (0: not ours). */
bool xlat_ts_type(uint32_t oid);
int xlat_ts_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		 struct xlat_type *t);
int xlat_ts_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op, struct xlat_type *t);
int xlat_ts_operator(struct xlat_ctx *c, const char *op, const char *ls, struct xlat_type l,
		     const char *rs, struct xlat_type r, int location, struct xlat_type *t);
/* ---- xlat_bit.c: bit(n) and bit varying(n) (stored as the text of their bits) ---- */
bool xlat_bit_type(uint32_t oid);
/* A B'...'/X'...' constant (bsval as the parser keeps it, "b101"/"x1F"): type bit. */
bool xlat_bit_const(struct xlat_ctx *c, const char *bsval, int location, struct xlat_type *t);
/* A string literal read by bit_in/varbit_in with typmod (22026, 22P02 as PostgreSQL's). */
bool xlat_bit_literal(struct xlat_ctx *c, uint32_t oid, int32_t typmod, const char *s,
		      int location);
/* x::bit(n)/varbit(n) of any argument: length coercion, int4/int8, text; 42846 for others. */
bool xlat_bit_cast(struct xlat_ctx *c, const PgQuery__Node *arg, uint32_t oid, int32_t typmod,
		   int location, struct xlat_type *t);
/* A bit string x (of type st) cast to type to: 1 written, 0 not a bit string or to text
 * (the caller's), -1 failed (42846). */
int xlat_bit_cast_from(struct xlat_ctx *c, const char *x, struct xlat_type st, uint32_t to,
		       int location);
/* The wrapper (and *tail) storing a value of type t into a bit/varbit column of typmod. */
const char *xlat_bit_store(struct xlat_ctx *c, uint32_t oid, int32_t typmod, struct xlat_type t,
			   const char **tail);
/* 42804 for a value of another known type stored into a bit column. */
bool xlat_bit_assign_check(struct xlat_ctx *c, const struct xlat_schema_col *col,
			   struct xlat_type t, int location);
/* & | # << >> || of bit strings: 1 written, 0 not ours, -1 failed. */
int xlat_bit_operator(struct xlat_ctx *c, const char *op, const char *ls, struct xlat_type l,
		      const char *rs, struct xlat_type r, int location, struct xlat_type *t);
/* length, bit_length, octet_length, bit_count, get_bit, set_bit, position, substring, overlay
 * of a bit string (1 written, 0 not ours, -1 failed). */
int xlat_bit_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		  struct xlat_type *t);
/* tsquery @> and <@ (0: not a tsquery operand, or another operator), the operands emitted
 * from mark on as "L, R" and the call made around them in place (xlat_range_op's reading). */
int xlat_ts_contains(struct xlat_ctx *c, const char *op, size_t mark, struct xlat_type l,
		     struct xlat_type r, struct xlat_type *t);
/* tsvector @@ ANY (array) and ALL: each element read as a tsquery (0: the left operand is
 * no tsvector). */
int xlat_ts_any(struct xlat_ctx *c, const PgQuery__AExpr *e, bool all, struct xlat_type *t);
/* The collation of a comparison or ORDER BY of tsvector or tsquery (their btree order,
 * pgfn_tscmp.c), NULL for other types. */
const char *xlat_ts_collation(uint32_t l, uint32_t r);
/* ---- xlat_citext.c: the citext extension's case-insensitive text ---- */
/* Whether the type citext exists: the tenant created the extension (or no schema is known). */
bool xlat_citext_exists(struct xlat_ctx *c);
/* The collation a comparison of types l and r takes: " COLLATE NOCASE" when PostgreSQL picks
 * citext's operator (both citext, or one an untyped literal), " COLLATE BINARY" when a citext
 * meets a string type (text's operator: citext → text is the implicit cast), NULL when neither
 * is citext. */
const char *xlat_citext_collation(uint32_t l, uint32_t r);
/* Whether expression n is of type citext (LIKE and ~ of one are case-insensitive). */
bool xlat_citext_operand(struct xlat_ctx *c, const PgQuery__Node *n);
/* A call of citext's own strpos, replace, split_part, translate or regexp_* (PostgreSQL's
 * choice for a citext first argument and citext or untyped others), translated as its SQL
 * body: 1 emitted (*t its type), 0 not such a call, -1 failed (0A000 for flags that are no
 * literal). */
int xlat_citext_fn(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		   struct xlat_type *t);
/* citext's regexp_matches(s, re [, flags]) (a set-returning function, xlat_catalog_srf.c): the
 * flags to use instead of the given ones, a quoted literal with i; NULL when the call is text's
 * (*failed: 0A000 for flags that are no literal). */
const char *xlat_citext_regexp_flags(struct xlat_ctx *c, const PgQuery__FuncCall *f, bool *failed);
/* Refusals (0A000, false) where citext's own operators would fold case and shardlite has
 * text's: ANY/ALL with a citext or a citext[], comparisons of citext[] (types l and r),
 * SIMILAR TO of a citext. True when the construct is no such case. */
bool xlat_citext_any_check(struct xlat_ctx *c, const PgQuery__AExpr *e);
bool xlat_citext_array_cmp_check(struct xlat_ctx *c, uint32_t l, uint32_t r, int location);
bool xlat_citext_similar_check(struct xlat_ctx *c, const PgQuery__AExpr *e);
/* ---- xlat_char.c: "char" (one byte, stored as charout's text) ---- */
/* x::"char": string and int4 values, literals and parameters (charin, text_char, i4tochar);
 * 42846 for the others, 22003 for an integer outside -128 .. 127. */
bool xlat_char_cast(struct xlat_ctx *c, const PgQuery__Node *arg, int location,
		    struct xlat_type *t);
/* A "char" x cast to type to: 0 not a "char" or to a string type (its text), 1 written
 * (int4: chartoi4), -1 failed (42846). */
int xlat_char_cast_from(struct xlat_ctx *c, const char *x, struct xlat_type st, uint32_t to,
			int location);
/* The collation an ordering comparison (op) of a "char" with a "char" or a literal takes,
 * pgfn_char (charlt: bytes unsigned, \303 after z); NULL for another comparison. */
const char *xlat_char_collation(uint32_t l, uint32_t r, const char *op);
/* A value of type t stored into col: 42804 when col is a "char" and t neither "char" nor a
 * string type with an assignment cast (text, varchar, bpchar). */
bool xlat_char_assign_check(struct xlat_ctx *c, const struct xlat_schema_col *col,
			    struct xlat_type t, int location);

/* ---- xlat_xid.c: xid (a transaction id stored as its INTEGER) ---- */
/* A string literal read by xidin (PostgreSQL 15: never an error). */
bool xlat_xid_literal(struct xlat_ctx *c, const char *s);
/* x::xid: string literals, parameters and string types; 42846 for the others. */
bool xlat_xid_cast(struct xlat_ctx *c, const PgQuery__Node *arg, int location, struct xlat_type *t);
/* An xid x cast to type to: 0 not an xid or to a string type (its digits), -1 failed (42846). */
int xlat_xid_cast_from(struct xlat_ctx *c, const char *x, struct xlat_type st, uint32_t to,
		       int location);
/* xlat_xid.c: whether values of type t sort (ORDER BY, a window's, count(DISTINCT)): xid and
 * json have no ordering operator in PostgreSQL, 42883 (false, failed) as there. */
bool xlat_sortable(struct xlat_ctx *c, struct xlat_type t, int location);
/* An operator with an xid operand: true when it exists (= and <> of xid and xid or integer),
 * else false after 42883. */
bool xlat_xid_operator(struct xlat_ctx *c, const char *op, struct xlat_type l, struct xlat_type r,
		       int location);
/* CREATE TABLE: 42704 when an xid column is a primary key or unique (btree has no xid). */
bool xlat_xid_create_check(struct xlat_ctx *c, const PgQuery__CreateStmt *s);
/* A plain btree CREATE INDEX (types: its expression keys'): 42704 for an xid key. */
bool xlat_xid_index_check(struct xlat_ctx *c, const PgQuery__IndexStmt *s, const uint32_t *types);
/* ALTER TABLE rv ADD PRIMARY KEY/UNIQUE k: 42704 when a key column is an xid. */
bool xlat_xid_key_check(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
			const PgQuery__Constraint *k);
/* A value of type t stored into col: 42804 when col is an xid and t another type (xid has no
 * assignment cast; an untyped literal is read by xidin). */
bool xlat_xid_assign_check(struct xlat_ctx *c, const struct xlat_schema_col *col,
			   struct xlat_type t, int location);

/* ---- xlat_money.c: money (stored as its integer of cents) ---- */
/* A string literal read by cash_in, written as its cents (22P02, 22003 as PostgreSQL's). */
bool xlat_money_literal(struct xlat_ctx *c, const char *s, int location);
/* x::money of any argument: integers, numeric, text; 42846 for others. */
bool xlat_money_cast(struct xlat_ctx *c, const PgQuery__Node *arg, int location,
		     struct xlat_type *t);
/* A money value x (of type st) cast to type to (numeric: t's display scale set): 1 written,
 * 0 not money, -1 failed (42846). */
int xlat_money_cast_from(struct xlat_ctx *c, const char *x, struct xlat_type st, uint32_t to,
			 int location, struct xlat_type *t);
/* The wrapper storing a value of type t into the money column col (an assignment cast of an
 * integer or numeric), NULL when none; *ok false (42804) when t has no such cast. */
const char *xlat_money_store(struct xlat_ctx *c, const struct xlat_schema_col *col,
			     struct xlat_type t, int location, bool *ok);
/* A money column's DEFAULT that is not a string literal: an int4/int8/numeric constant
 * written as its cents (int4_cash/numeric_cash, 22003); 0A000 for other expressions (they
 * would need pgfn in the tenant's schema). */
bool xlat_money_default(struct xlat_ctx *c, const PgQuery__Node *e);
/* ALTER COLUMN c TYPE t of a money column without USING: whether t takes its values (numeric,
 * text, varchar, char; 42804 as PostgreSQL for others, 0A000 with a length or scale), and the
 * conversion of the column's cents into t. */
bool xlat_money_alter_check(struct xlat_ctx *c, const char *column, const struct xlat_typeref *tr);
bool xlat_money_alter_convert(struct xlat_ctx *c, const char *column, uint32_t to);
/* cash_words, cashlarger, cashsmaller: 1 written, 0 not ours, -1 failed. */
int xlat_money_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		    struct xlat_type *t);
/* + - * / and comparisons with a money operand: 1 written, 0 plain SQL, -1 failed (42883). */
int xlat_money_operator(struct xlat_ctx *c, const char *op, const char *ls, struct xlat_type l,
			const char *rs, struct xlat_type r, int location, struct xlat_type *t);
/* Whether s is valid JSON text (RFC 8259). */
bool xlat_json_valid(const char *s);

/* ---- xlat_infer.c: parameter types and value checks from the schema ---- */
/* A comparison or arithmetic operand that is a $n without a type takes the other's type. */
void xlat_infer_pair(struct xlat_ctx *c, const PgQuery__Node *l, struct xlat_type *lt,
		     const PgQuery__Node *r, struct xlat_type *rt);
/* n compared with a value of type t: a string literal is read by t's input function, as
 * PostgreSQL resolves an unknown literal ('t' against a boolean is true). 1 emitted, 0 not
 * such a literal (nothing emitted), -1 failed (err set). Only with a schema. */
int xlat_infer_literal(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t);
/* The type PostgreSQL's select_common_type reads the untyped literals among branches v (CASE
 * results, COALESCE and ARRAY[] arguments) as: the common type of the other branches, from a
 * dry run of each. XLAT_OID_UNKNOWN when no branch is such a literal, all are, or the others'
 * type is not known here. */
struct xlat_type xlat_branches_type(struct xlat_ctx *c, PgQuery__Node *const *v, size_t n);
/* A numeric constant's text (A_Const fval) without the sign of a zero: -0.0 is 0.0. */
const char *xlat_fval(const char *v);
/* Emits branch n: an untyped literal read as common's input function reads it (22P02 for
 * CASE WHEN c THEN 1 ELSE 'x' END, as in PostgreSQL), anything else as it is. */
bool xlat_branch(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type common,
		 struct xlat_type *t);
/* Whether n is a $n of no type yet (neither given by the client nor inferred so far). */
bool xlat_untyped_param(struct xlat_ctx *c, const PgQuery__Node *n);
/* n (LIKE pattern, IN list item, BETWEEN bound): a $n takes type t. */
void xlat_infer_like(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t);
/* PostgreSQL's select_common_type of arguments that are all of unknown type (untyped $n,
 * string literals, NULL) is text, and each untyped $n becomes text (COALESCE($1, '0')); one
 * deduced earlier counts as its type. {0, -1} when some argument is anything else. */
struct xlat_type xlat_infer_unknowns(struct xlat_ctx *c, PgQuery__Node *const *v, size_t n);
/* Emits n as a value stored into column col (NULL: unknown): a $n takes the column's type and
 * the value is checked against it (range, syntax, length). */
bool xlat_assign_value(struct xlat_ctx *c, const struct xlat_schema_col *col,
		       const PgQuery__Node *n);
/* A column DEFAULT written since mark, of type t, made to fit a column of type oid and typmod
 * as PostgreSQL's assignment coercion fits it each time a row takes the default: wrapped in
 * the check xlat_assign_value writes (22003, 22001, 22026; a numeric rounded to the scale, an
 * integer rounded, blanks past n cut). Whether it was wrapped (false: it needs no check). */
bool xlat_default_refit(struct xlat_ctx *c, size_t mark, struct xlat_type t, uint32_t oid,
			int32_t typmod);
/* Whether values are checked here: a schema is known and the SQL is not stored in the
 * tenant's schema (DDL keeps plain SQLite SQL). */
bool xlat_checks_on(const struct xlat_ctx *c);
/* numeric(p,s)'s s (0 for a negative scale). */
int xlat_numeric_typmod_scale(int32_t typmod);
/* The typmod carrying a numeric literal's scale as written ("1.50" → XLAT_NUM_SCALE(2)). */
int32_t xlat_literal_scale(const char *s);
/* The fraction digits a value of type t shows (0 for integers), -1 when not known. */
int xlat_numeric_scale_of(struct xlat_type t);

/* ---- xlat_numeric.c: exact numeric where the value goes straight to the client ---- */
/* Whether n's operands stay under XLAT_X_EXACT (literals, column references, + - * / ^, a
 * literal's cast, the sum/avg/variance family, sqrt/exp/ln/log/power); xlat_expr clears it
 * for anything else. */
bool xlat_exact_node(const PgQuery__Node *n);
/* Whether s's result columns may be computed exactly: s is the statement itself, with no
 * DISTINCT or set operation, and no ORDER BY/GROUP BY item naming a result column. */
bool xlat_exact_select(const struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* A COALESCE, CASE or lag/lead/first_value/last_value/nth_value of numeric type emitted at
 * c->sb[mark..] under XLAT_X_EXACT becomes pgfn_num_add(it, 0, scale, 0): every value decimal
 * text. Anything else is left alone. */
void xlat_exact_wrap(struct xlat_ctx *c, const PgQuery__Node *n, size_t mark, struct xlat_type t);
/* One branch of such a COALESCE or CASE (c->sb[mark..], type t) under XLAT_X_EXACT: a numeric
 * of known scale becomes decimal text with it, so that the value keeps its own scale. */
void xlat_exact_branch(struct xlat_ctx *c, size_t mark, struct xlat_type t);
/* Whether s's result columns are compared among themselves: DISTINCT, or a GROUP BY item
 * naming one (by alias or position); their exact values then carry the collation pgfn_num. */
bool xlat_exact_compared(const PgQuery__SelectStmt *s);
/* Rewrites "L op R" emitted at c->sb[mark..] (L ends at lend, R starts at rstart) into
 * pgfn_num_<op>(L, R, scale of l, scale of r). False (nothing changed) for another op. */
bool xlat_exact_arith(struct xlat_ctx *c, char op, size_t mark, size_t lend, size_t rstart,
		      struct xlat_type l, struct xlat_type r);
/* mod(a, b) or div(a, b) of numerics, exactly: what turns pgfn_mod/pgfn_div into
 * pgfn_num_mod/pgfn_num_idiv inserted after "pgfn_", else NULL. */
const char *xlat_exact_divmod(struct xlat_ctx *c, const char *name, const struct xlat_type *tv);
/* round/trunc(x[, n]) of a numeric x, exactly: the pgfn function's name, else NULL. */
const char *xlat_exact_round(struct xlat_ctx *c, const char *name, struct xlat_type arg);
/* The type of sqrt/exp/ln/log/power over arguments tv[0..n): float8 if one is a float, else
 * numeric if one is numeric, 0 when one is of unknown type, else float8 (integers). */
uint32_t xlat_numeric_fn_type(const struct xlat_type *tv, size_t n);
/* Whether name is one of those and the context exact: its numeric constants go as text. */
bool xlat_exact_trans_fn(const struct xlat_ctx *c, const char *name);
/* Under XLAT_X_EXACT, name(tv...) of numeric type emitted as "(args" at c->sb[mark..]: appends
 * the arguments' scales (log(x) becomes log(10, x)) and answers the engine's function
 * (pgfn_num_sqrt, ...); NULL, nothing changed, otherwise. */
const char *xlat_exact_trans(struct xlat_ctx *c, const char *name, const struct xlat_type *tv,
			     size_t n, size_t mark);
/* Whether an aggregate of the sum/avg/variance family over arg is emitted exactly. */
bool xlat_exact_agg(struct xlat_ctx *c, struct xlat_type arg);
/* After a sort item of c->exact_sel's ORDER BY: one naming an exact numeric result column
 * (alias or position) sorts by value, with the collation pgfn_num. */
void xlat_exact_sort_item(struct xlat_ctx *c, const PgQuery__Node *item);
/* Sets t's display scale for l op r when t is numeric; avg(arg) likewise. */
void xlat_numeric_arith(struct xlat_type *t, struct xlat_type l, struct xlat_type r,
			const char *op);
void xlat_numeric_avg(struct xlat_type *t, struct xlat_type arg);
/* A result column of type t: a display scale in t's typmod becomes col->scale. */
void xlat_numeric_col(struct xlat_col *col, struct xlat_type t);
/* Whether l || r has an operator in PostgreSQL (unknown types: assumed so). */
bool xlat_concat_ok(uint32_t l, uint32_t r);
/* The check for l op r on integers (shardlite_int4 ...), NULL when none is needed. */
const char *xlat_infer_overflow_fn(struct xlat_type l, struct xlat_type r, const char *op);

/* ---- xlat_catalog.c, xlat_catalog_srf.c ---- */
bool xlat_catalog_is_relation(const char *name);
/* pg_catalog.X: the catalog's relation X, or 42P01. */
bool xlat_catalog_relname(struct xlat_ctx *c, const PgQuery__RangeVar *rv);
/* information_schema.X: the catalog's information_schema_X, or 42P01. */
bool xlat_catalog_infoschema(struct xlat_ctx *c, const PgQuery__RangeVar *rv);
/* A catalog function call: 1 emitted, 0 not a catalog function, -1 failed (err set). */
int xlat_catalog_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		      struct xlat_type *t);
bool xlat_catalog_is_regex(const char *op);
bool xlat_catalog_regex(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
			struct xlat_type *t);
/* ::regclass, ::regtype, ::regnamespace, ::oid: 1 emitted, 0 not one of them, -1 failed. */
int xlat_catalog_cast(struct xlat_ctx *c, const PgQuery__TypeCast *tc, struct xlat_type *t);
/* Whether n is a cast to regclass, regtype or regnamespace, whose value inside an expression
 * is the OID: where it becomes text (::text, ||, concat, format) it must show the name, as
 * regclassout does, so the caller sets XLAT_X_RESULT for it (xlat_textout.c, xlat_cast.c). */
bool xlat_catalog_reg_named(const PgQuery__Node *n);
/* Whether n, as a whole result column, shows a name where elsewhere it is an OID (a reg* cast,
 * to_regclass and its siblings): XLAT_X_RESULT tells them. */
bool xlat_catalog_shows_name(const PgQuery__Node *n);
/* LATERAL subqueries (xlat_lateral.c). Brings the LATERAL columns of a FROM list into scope
 * (c->nlat grows; the caller restores it when the query ends). */
void xlat_lateral_collect(struct xlat_ctx *c, PgQuery__Node **v, size_t n);
/* The type of cr when it names a substituted column (a one-row LATERAL's, a USING alias's):
 * its expression's; false when it names none. */
bool xlat_lateral_type(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t);
/* Whether a relation of any query level in scope has column col (or might: one whose columns
 * are not known), leaving out those skip says yes to (by name). */
bool xlat_scope_any_has(const struct xlat_ctx *c, const char *col,
			bool (*skip)(const struct xlat_ctx *c, const char *name));
/* How many times the relations of the current query level have column col, leaving out those
 * skip says yes to (by name). */
int xlat_scope_level_has(const struct xlat_ctx *c, const char *col,
			 bool (*skip)(const struct xlat_ctx *c, const char *name));
/* While the one-row LATERAL subquery alias's expressions are typed or written, they see only
 * the LATERAL items before it: returns what to give c->lat_upto back after. */
int xlat_lateral_enter(struct xlat_ctx *c, const char *alias);
/* Whether lat[mark..nlat) holds a LATERAL subquery's column (not only USING aliases'). */
bool xlat_lateral_since(const struct xlat_ctx *c, int mark);
/* Enters alias.col, a column of a join's USING alias, as expression expr (NULL: which input
 * has it is not known here, 0A000 when it is read); other, when expr reads one side's
 * column, the other side's, whose type may widen it (PostgreSQL's common type). */
void xlat_lateral_add_using(struct xlat_ctx *c, const char *alias, const char *col,
			    const PgQuery__Node *expr, const PgQuery__Node *other);
/* The columns u.* stands for when alias u is a join's USING alias (their types, names and
 * origins appended at *n, at most cap in all): 1, 0 when alias is not one, -1 when they are
 * not known. */
/* ROW(u.a, ...) of the columns of USING alias u in scope (SELECT u: the merged columns as a
 * record, in the arena); NULL when no USING alias is called alias. */
PgQuery__Node *xlat_lateral_using_row(struct xlat_ctx *c, const char *alias);
int xlat_lateral_using_shape(struct xlat_ctx *c, const char *alias, struct xlat_type *types,
			     const char **names, struct xlat_origin *origins, size_t *n,
			     size_t cap);
/* xlat_joinusing.c: the columns of join j's USING alias (JOIN b USING (x) AS u), when it has
 * one, entered with xlat_lateral_add_using as the merged columns' expressions. */
void xlat_joinusing_collect(struct xlat_ctx *c, const PgQuery__JoinExpr *j);
/* True for a one-row LATERAL FROM item, whose columns are substituted (it is not emitted). */
bool xlat_lateral_skip(const struct xlat_ctx *c, const PgQuery__Node *n);
/* Any other LATERAL subquery as a FROM item: pgfn_rows over its packed rows. */
bool xlat_lateral_subquery(struct xlat_ctx *c, const PgQuery__RangeSubselect *rs);
/* The columns of FROM item n when it is a LATERAL subquery, for a * (", " before each but
 * the first, *first cleared): 1 emitted, 0 not one, -1 failed. */
int xlat_lateral_star(struct xlat_ctx *c, const PgQuery__Node *n, bool *first);
/* A reference to a LATERAL column (o.* in a select list too): 1 emitted, 0 not one, -1
 * failed. */
int xlat_lateral_ref(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t);
bool xlat_catalog_any(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t);
bool xlat_catalog_subscript(struct xlat_ctx *c, const PgQuery__AIndirection *ind,
			    struct xlat_type *t);
bool xlat_catalog_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf);
/* srf_kind of a select-list call: 1-8 one of the catalog's set-returning functions, 0 not. */
int xlat_catalog_srf_kind(const PgQuery__Node *n);
/* The rows of call f (of that kind) packed for pgfn_rows_zip: a scalar subquery's text over
 * its table-valued function (NULL failed, 0A000 for the kinds that cannot), its column's
 * type into *type. */
const char *xlat_catalog_srf_blob(struct xlat_ctx *c, const PgQuery__FuncCall *f, int kind,
				  uint32_t *type);
/* xlat_srfzip.c: set-returning functions of a select list that the catalog's forms cannot
 * run — beside a generate_series or the tenant's own, inside expressions, (f()).col — each
 * call's rows packed and zipped by pgfn_rows_zip (PostgreSQL's ProjectSet, in lockstep).
 * collect: 1 made *srfp (zip form), 0 not needed, -1 failed (CASE/COALESCE/aggregate errors
 * as PostgreSQL's, 0A000). from: the zip's FROM item. value: call i's value (its column col,
 * or -1: the whole value, a record of several columns). */
int xlat_srfzip_collect(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_srf **srfp);
bool xlat_srfzip_from(struct xlat_ctx *c, bool had_from);
bool xlat_srfzip_value(struct xlat_ctx *c, int i, int col, struct xlat_type *t);
/* (f()).* in a select list, for a call collected there or one returning a row of OUT
 * parameters: its columns emitted as "value AS name, ..." with their types (*n of them, in
 * c->a): 1 done, 0 not one, -1 failed. */
int xlat_srfzip_star(struct xlat_ctx *c, const PgQuery__Node *v, struct xlat_type **types,
		     size_t *n);
/* PostgreSQL's 0A000 "set-returning functions are not allowed in WHERE" (clause: "WHERE",
 * "HAVING") when n holds a set-returning call outside its subqueries;
 * true when it holds none. */
bool xlat_srfzip_forbid(struct xlat_ctx *c, const PgQuery__Node *n, const char *clause);
/* The column names (f()).* spells out (*n of them), NULL when v is no such item. */
const char *const *xlat_srfzip_star_names(struct xlat_ctx *c, const PgQuery__Node *v, size_t *n);
/* (f()).col of a collected call: 1 emitted, 0 not one, -1 failed (42703 no such column). */
int xlat_srfzip_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t);
/* A call of one of the tenant's functions: 1 with its text and function, 0 not one, -1
 * failed. */
int xlat_udf_any_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char **text,
		      const struct xlat_udf **u);
/* xlat_rowsfrom.c: ROWS FROM (f(...), g(...)) [WITH ORDINALITY] over the tenant's functions
 * and the catalog's set-returning ones, zipped by pgfn_rows_zip. range_function: 1 emitted,
 * 0 not ROWS FROM, -1 failed; collect: its columns into scope when joined directly (its
 * arguments read other FROM items); scope_cols: as xlat_udf_scope_cols. */
int xlat_rowsfrom_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf);
bool xlat_rowsfrom_collect(struct xlat_ctx *c, const PgQuery__RangeFunction *rf);
int xlat_rowsfrom_scope_cols(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			     const char **name, const struct xlat_schema_col **cols, size_t *n);
/* A call of one of the tenant's functions whose value is rows (xlat_udf_rows): 1 with its
 * text (shardlite_call(...)) and function, 0 not one, -1 failed. */
int xlat_udf_rows_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char **text,
		       const struct xlat_udf **u);
/* Finds the set-returning functions of s's target list (c->srf, NULL when none); false with
 * 0A000 for a combination that is not a lockstep walk over one array. */
bool xlat_catalog_srf_collect(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* Appends the join with pgfn_unnest after the FROM list (or as the FROM clause). */
bool xlat_catalog_srf_from(struct xlat_ctx *c, bool had_from);
/* A call collected by srf_collect: 1 emitted (the joined column), 0 not one, -1 failed. */
int xlat_catalog_srf_ref(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t);
/* CURRENT_USER, SESSION_USER, USER, CURRENT_ROLE, CURRENT_CATALOG: the session's facts as the
 * catalog knows them. */
bool xlat_catalog_sqlvalue(struct xlat_ctx *c, const PgQuery__SQLValueFunction *f,
			   struct xlat_type *t);
/* (r).x / (r).n of a _pg_expandarray record (xlat_catalog_srf.c). */
/* generate_series' table-valued function by its arguments' types tv[n] (int4, int8, numeric,
 * timestamp, timestamptz; run-time: pg_srf_series), written over the 19 characters at `at`
 * (xlat_catalog_srf.c); false with err set for types it has no form for. */
bool xlat_series_module(struct xlat_ctx *c, const struct xlat_type *tv, size_t n, size_t at);
bool xlat_catalog_record_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind,
			       struct xlat_type *t);
bool xlat_catalog_array_sublink(struct xlat_ctx *c, const PgQuery__SubLink *s, struct xlat_type *t);

/* ---- statement translators (one per family) ---- */
bool xlat_stmt_select(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
bool xlat_stmt_insert(struct xlat_ctx *c, const PgQuery__InsertStmt *s);
/* The number of columns an INSERT's source query fills (its first arm's), with spell its *
 * and t.* spelled out in the tree first as for an INSERT without a column list (a dry run);
 * 0 when a * stays open (its relation's columns not known), -1 when the query does not
 * translate. */
int xlat_insert_source_width(struct xlat_ctx *c, const PgQuery__SelectStmt *src, bool spell);
bool xlat_stmt_update(struct xlat_ctx *c, const PgQuery__UpdateStmt *s);
bool xlat_stmt_delete(struct xlat_ctx *c, const PgQuery__DeleteStmt *s);

/* ---- xlat_modcte.c: data-modifying statements in WITH ---- */
/* The WITH of a top-level query (n), the only place where they may stand; NULL if none. */
const PgQuery__WithClause *xlat_modcte_top_with(const PgQuery__Node *n);
/* Whether e is an INSERT/UPDATE/DELETE. */
bool xlat_modcte_is(const PgQuery__CommonTableExpr *e);
/* Before the top WITH that holds some: notes their target tables. */
bool xlat_modcte_begin(struct xlat_ctx *c, const PgQuery__WithClause *w);
/* e translated as a step of its own; the CTE reading its rows emitted (*emitted) unless it
 * has no RETURNING. */
bool xlat_modcte_emit(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e, bool *emitted);
/* 0A000 when rv is a table that a data-modifying WITH query (other than the one being
 * translated) modifies, or a WITH query read by one. */
bool xlat_modcte_check(struct xlat_ctx *c, const PgQuery__RangeVar *rv);
/* A comparison naming a schema (xlat_stmt.described_schema), noted for the session. */
void xlat_schema_note_filter(struct xlat_ctx *c, const PgQuery__AExpr *e);
/* A table in FROM that a data-modifying WITH query modifies before the query reading it runs:
 * emitted (*done) as a subquery over its rows as they were before the statement (a step that
 * reads them first), named as rv would be. */
bool xlat_modcte_preimage(struct xlat_ctx *c, const PgQuery__RangeVar *rv, bool *done);
/* Plain WITH query i of w (the top WITH that holds data-modifying ones) when a later
 * data-modifying one reads it (or a later plain one that is so read): run alone before the
 * steps (a pre-image of its rows, so the steps and the primary statement read the same rows,
 * as PostgreSQL evaluates it once) — or, when it reads earlier WITH queries, as a step of its
 * own after them, in WITH order — and emitted (*done) as a WITH query over those rows. */
bool xlat_modcte_shared(struct xlat_ctx *c, const PgQuery__WithClause *w, size_t i, bool *done);
/* Whether RETURNING may name an UPDATE's FROM or DELETE's USING columns (xlat_retfrom.c)
 * here: in the primary statement, when its WITH reads no step's RETURNING rows. */
bool xlat_modcte_retfrom_ok(const struct xlat_ctx *c);
/* The columns of the shared WITH query (xlat_modcte_shared) rv names. */
bool xlat_modcte_shared_cols(const struct xlat_ctx *c, const PgQuery__RangeVar *rv,
			     const struct xlat_schema_col **cols, size_t *n);
/* After the statement's parameters are counted: numbers the steps' parameters. */
bool xlat_modcte_finish(struct xlat_ctx *c);
/* Column i of a row a step collected as a JSON array (json_each's value), preceded by ", "
 * unless i is 0: a blob was written as {"x": hex}, anything else as itself. */
void xlat_modcte_json_column(struct xlat_ctx *c, size_t i);
/* Adds sql (a query that reads and writes nothing) as a step run before everything else the
 * statement does, its rows a JSON array read through json_each(?preK) anywhere in the
 * statement's text; returns K. */
int xlat_modcte_pre_sql(struct xlat_ctx *c, const char *sql);

/* ---- xlat_search.c: SEARCH and CYCLE of a recursive WITH query ---- */
struct xlat_search;
/* Checks e's SEARCH/CYCLE clauses against its columns (names, types in shape, from the
 * non-recursive term) as PostgreSQL does (42601, 42701; 0A000 for what is not translated) and
 * registers e's columns with the extra ones; *out for c->search while e's query is emitted. */
/* PostgreSQL's checks of the form of e's query under SEARCH or CYCLE (a UNION of two
 * SELECTs, the right one reading e at its top level), made before xlat_recursive_check's. */
bool xlat_search_form(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e);
bool xlat_search_prepare(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e, const char **names,
			 const struct xlat_shape *shape, const struct xlat_search **out);
/* ", seq, mark, path": the extra columns' names after a column alias list. */
void xlat_search_colnames(struct xlat_ctx *c, const struct xlat_search *xs);
/* After the target list of s: the extra columns when s is a term of c->search's query. */
bool xlat_search_targets(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* Whether s is the recursive term of a CYCLE query, whose WHERE then begins with
 * xlat_search_where's condition (the previous row is not a cycle's). */
bool xlat_search_filters(const struct xlat_ctx *c, const PgQuery__SelectStmt *s);
bool xlat_search_where(struct xlat_ctx *c);

/* ---- xlat_retfrom.c: RETURNING a column of an UPDATE's FROM or a DELETE's USING list ---- */
struct xlat_retfrom;
struct xlat_retfrom_src {
	const PgQuery__RangeVar *target;
	const char *target_sql; /* the target as the statement wrote it (with AS alias) */
	size_t ntarget_sql;
	const char *with; /* the statement's WITH as written, for the step */
	size_t nwith;
	PgQuery__Node **items; /* FROM/USING */
	size_t nitems;
	const PgQuery__Node *where;
	PgQuery__Node **set; /* UPDATE's SET list (NULL for DELETE) */
	size_t nset;
	PgQuery__Node ***ret; /* the RETURNING list, * and u.* spelled out on return */
	size_t *nret;
};
/* Whether the RETURNING list ret reads a column of items (or is * with them). */
bool xlat_retfrom_wanted(struct xlat_ctx *c, const PgQuery__RangeVar *target, PgQuery__Node **ret,
			 size_t nret, PgQuery__Node **items, size_t nitems);
/* Makes the join a step (see the file's comment); *out for xlat_retfrom_mode. False (c->err)
 * for what stays 0A000. */
bool xlat_retfrom_begin(struct xlat_ctx *c, const struct xlat_retfrom_src *src,
			struct xlat_retfrom **out);
/* Sets c->retfrom (rf NULL clears it): FROM columns in SET (in_set) or RETURNING, whose
 * target is written target. */
void xlat_retfrom_mode(struct xlat_ctx *c, struct xlat_retfrom *rf, bool in_set,
		       const char *target);
/* UPDATE's ` FROM <the step's rows> WHERE target.rowid = ...`. */
void xlat_retfrom_update_from(struct xlat_ctx *c, const struct xlat_retfrom *rf,
			      const char *target);
/* DELETE's ` WHERE rowid IN (<the step's rowids>)`. */
void xlat_retfrom_delete_where(struct xlat_ctx *c, const struct xlat_retfrom *rf);
/* A FROM column under c->retfrom: 1 written (its type in *t), 0 not one. */
int xlat_retfrom_ref(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t);
/* ---- xlat_merge.c ---- */
bool xlat_stmt_merge(struct xlat_ctx *c, const PgQuery__MergeStmt *m);
/* The index in c->ctes of the CTE in scope called name (the innermost), -1 if none. */
int xlat_scope_cte_find(const struct xlat_ctx *c, const char *name);
/* A CTE of known columns (copied by reference) into scope. */
void xlat_scope_cte_cols(struct xlat_ctx *c, const char *name, const struct xlat_schema_col *cols,
			 size_t n);
/* A relation called name with columns cols[0..n) (types known) in the current level: a CHECK's
 * columns, the table's being made or altered (xlat_ddl.c). */
void xlat_scope_cols(struct xlat_ctx *c, const char *name, const struct xlat_schema_col *cols,
		     size_t n);
bool xlat_stmt_create(struct xlat_ctx *c, const PgQuery__CreateStmt *s);
/* The value a plain rowid key (xlat_schema_col.rowid_key) of table rel takes where PostgreSQL
 * would store its default, NULL (it has none: a key with a DEFAULT is not made the rowid):
 * SQLite would number a NULL, so the SQL (from c->a) refuses it as PostgreSQL's NOT NULL
 * does (23502) when a row takes it. */
const char *xlat_key_null(struct xlat_ctx *c, const struct xlat_schema_col *col, const char *rel);
/* xlat_dml.c: the number of rel's serial key (col.rowid_seq, a permanent table's) that an
 * insert leaves out, given by the shard from the numbers it holds (shard_serial.c):
 * shardlite_serial(rel, max, largest key, seq, seq's rowid). In c's arena. */
const char *xlat_serial_value(struct xlat_ctx *c, const struct xlat_schema_col *key,
			      const char *rel);
/* What a column is to SQLite's rowid: not it, the serial/identity key SQLite numbers
 * (INTEGER PRIMARY KEY AUTOINCREMENT), or a plain integer key (INTEGER PRIMARY KEY). */
enum { XLAT_ROWID_NONE, XLAT_ROWID_SERIAL, XLAT_ROWID_PLAIN };
/* A column definition; autonum (XLAT_ROWID_*): it is the table's rowid alias, whose
 * table-level PRIMARY KEY (named pk_name, may be NULL) moves onto it. */
/* seq_table: the table a serial/identity column that is not the rowid takes its sequence
 * from (DEFAULT nextval('table_column_seq')); NULL refuses such columns (ALTER TABLE ADD). */
bool xlat_column_def(struct xlat_ctx *c, const PgQuery__ColumnDef *cd, int autonum,
		     const char *pk_name, const char *seq_table);
/* PostgreSQL's transformColumnDefinition checks of column cd of table: one DEFAULT, identity
 * and generation clause each, and only one of the three (42601; a serial type counts as a
 * DEFAULT after the written clauses), positioned at the clause it stops at as PostgreSQL. */
bool xlat_value_clauses_check(struct xlat_ctx *c, const PgQuery__ColumnDef *cd, const char *table,
			      bool serial);
/* A table constraint (PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY) as SQLite writes it. */
bool xlat_table_constraint(struct xlat_ctx *c, const PgQuery__Constraint *k);
/* xlat_ddl.c: MATCH FULL of a key of several columns, which SQLite checks as MATCH SIMPLE: the
 * name of foreign key k of table (as written, else PostgreSQL's default), which its guard
 * shares; NULL for any other constraint. The guard, ", CONSTRAINT name CHECK (...)" marked
 * CATALOG_MATCH_FULL_MARK, refuses a key neither all NULL nor all set; written after k. */
const char *xlat_match_full_name(struct xlat_ctx *c, const char *table,
				 const PgQuery__Constraint *k);
void xlat_match_full_guard(struct xlat_ctx *c, const char *name, const PgQuery__Constraint *k);
/* xlat_cursor.c: FOR UPDATE / FOR SHARE of q where PostgreSQL refuses it (0A000 "FOR UPDATE
 * is not allowed with DISTINCT clause", GROUP BY, HAVING, aggregate or window functions);
 * true when q locks nothing or may. */
bool xlat_locking_check(struct xlat_ctx *c, const PgQuery__SelectStmt *q);
/* xlat_rowlock.c: a top-level SELECT's FOR UPDATE / FOR NO KEY UPDATE as a step taking the
 * tenant's write lock before the query (xlat_step.nowait for NOWAIT); nothing for FOR SHARE,
 * or when it locks no table of the tenant. */
bool xlat_rowlock_step(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* FOR UPDATE/SHARE (any strength) of a materialized view in s's FROM: PostgreSQL's 42809
 * cannot lock rows in materialized view; true when none. Before the FROM is read. */
bool xlat_rowlock_check(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* xlat_cursor.c: UPDATE/DELETE's WHERE when it is CURRENT OF cursor (nfrom: the statement's
 * FROM/USING items): the target's row the cursor is on, "t.rowid =
 * shardlite_current_of('cursor', 't')" (the session answers 34000, 24000, 55000 as
 * PostgreSQL): 1 when written, 0 for any other condition (nothing written), -1 with c's error
 * (0A000) for CURRENT OF where it cannot be had (another tenant's table, FROM/USING). */
int xlat_current_of(struct xlat_ctx *c, const PgQuery__RangeVar *target, const PgQuery__Node *where,
		    size_t nfrom);
/* xlat_fktype.c: PostgreSQL's 42804 "foreign key constraint ... cannot be implemented" when
 * foreign key k of table (column: a column constraint's own column, else k's columns) pairs
 * columns of clearly incompatible types; s: the CREATE TABLE making table, or NULL. */
bool xlat_fk_types(struct xlat_ctx *c, const char *table, const PgQuery__CreateStmt *s,
		   const PgQuery__Constraint *k, const char *column);
/* xlat_fkref.c: PostgreSQL's errors for what foreign key k of table names, in its order: 42P01
 * a referenced relation that is not there, 42809 one that is no table, 42703 a column of
 * either side that is not there, 42704 no primary key, 42830 a repeated referenced column, a key
 * that is no primary key or UNIQUE constraint or unique index, another number of columns.
 * s: the CREATE TABLE making table (whose own columns and keys it reads), NULL for ALTER
 * TABLE (the table's own columns and keys are left to the run: an earlier action may add
 * them). column: a column constraint's column. *pk, *npk: the referenced columns (the
 * primary key's when k names none), 0 when not known here (another tenant's table). */
bool xlat_fk_refs(struct xlat_ctx *c, const char *table, const PgQuery__CreateStmt *s,
		  const PgQuery__Constraint *k, const char *column, const char *const **pk,
		  size_t *npk);
/* xlat_fkset.c: FOREIGN KEY k (column: a column constraint's column; s: the CREATE TABLE,
 * NULL for ALTER TABLE) of table rel with ON DELETE SET NULL (cols): appends to out
 * "; CREATE TRIGGER ..." (the statement becomes a script); nothing for any other constraint;
 * false with c's error (0A000 where it cannot be made). */
bool xlat_fkset_add(struct xlat_ctx *c, const PgQuery__RangeVar *rel, const PgQuery__CreateStmt *s,
		    const PgQuery__Constraint *k, const char *column, struct strbuf *out);
/* xlat_exclude.c: an EXCLUDE constraint k of table rel, checked and written as
 * "[; ]SELECT shardlite_exclude(...)" at the end of c's text (the statement becomes a
 * script); false with c's error. */
bool xlat_exclude_add(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
		      const PgQuery__Constraint *k);
/* xlat_ddl.c: what a key constraint k may not carry here (INCLUDE, index options, NULLS NOT
 * DISTINCT): true, else false with c's 0A000 naming it. */
bool xlat_key_options(struct xlat_ctx *c, const PgQuery__Constraint *k);
/* xlat_defkey.c: whether k is UNIQUE or PRIMARY KEY ... DEFERRABLE (or INITIALLY DEFERRED). */
bool xlat_defkey_is(const PgQuery__Constraint *k);
/* Appends "[; ]SELECT shardlite_raise('23505', ...) ..." refusing the rows of table whose key
 * cols[0..n) has a NULL and repeats (NULLS NOT DISTINCT over the rows there: PostgreSQL's
 * "could not create unique index" name); written before the CREATE, so that nothing is made
 * when it fails. */
void xlat_nnd_check(struct xlat_ctx *c, const char *table, const char *name,
		    const char *const *cols, size_t n);
/* Such a key k of table rel, written as "[; ]CREATE INDEX ...; CREATE TRIGGER ..." at the end
 * of c's text (the statement becomes a script); rows: the table may have rows, which a
 * duplicated key fails with 23505. False with c's error (0A000 for what is refused). */
bool xlat_defkey_add(struct xlat_ctx *c, const PgQuery__RangeVar *rel, const PgQuery__Constraint *k,
		     bool rows);

/* ---- xlat_rebuild.c ---- */
/* Whether ALTER TABLE ... ADD can add this constraint node (by a rebuild). */
bool xlat_rebuild_can_add(const PgQuery__Node *def);
/* ALTER TABLE table ADD PRIMARY KEY/UNIQUE/FOREIGN KEY/CHECK: an XLAT_REBUILD statement. */
bool xlat_add_constraint(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			 const PgQuery__Constraint *k);
bool xlat_stmt_drop(struct xlat_ctx *c, const PgQuery__DropStmt *s);
bool xlat_stmt_index(struct xlat_ctx *c, const PgQuery__IndexStmt *s);
bool xlat_stmt_view(struct xlat_ctx *c, const PgQuery__ViewStmt *s);
/* xlat_ctas.c: CREATE TABLE AS and SELECT ... INTO (struct xlat_ctas). */
bool xlat_stmt_ctas(struct xlat_ctx *c, const PgQuery__CreateTableAsStmt *s);
bool xlat_stmt_select_into(struct xlat_ctx *c, const PgQuery__SelectStmt *s);
/* xlat_matview.c: REFRESH and DROP MATERIALIZED VIEW; a view's query as PostgreSQL text. */
bool xlat_stmt_refresh(struct xlat_ctx *c, const PgQuery__RefreshMatViewStmt *s);
bool xlat_stmt_drop_matview(struct xlat_ctx *c, const PgQuery__DropStmt *s);
bool xlat_matview_definition(struct xlat_ctx *c, const PgQuery__Node *query, const char **out);
/* stmt (a statement node) as PostgreSQL text, in arena a (c->a); NULL when libpg_query cannot
 * deparse it. */
const char *xlat_deparse_in(struct arena *a, const PgQuery__Node *stmt);
const char *xlat_deparse(struct xlat_ctx *c, const PgQuery__Node *stmt);
/* Expression expr as PostgreSQL text (deparsed as "SELECT <expr>" without its SELECT), in arena
 * a (c->a); NULL when libpg_query cannot deparse it. */
const char *xlat_deparse_expr_in(struct arena *a, PgQuery__Node *expr);
const char *xlat_deparse_expr(struct xlat_ctx *c, PgQuery__Node *expr);
bool xlat_stmt_alter(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s);
/* xlat_policy.c: row-level security's DDL (sidecars read by catalog_policy.c). */
bool xlat_stmt_create_policy(struct xlat_ctx *c, const PgQuery__CreatePolicyStmt *s);
bool xlat_stmt_alter_policy(struct xlat_ctx *c, const PgQuery__AlterPolicyStmt *s);
bool xlat_rename_policy(struct xlat_ctx *c, const PgQuery__RenameStmt *s);
bool xlat_drop_policies(struct xlat_ctx *c, const PgQuery__DropStmt *s);
/* Whether every action of s is ENABLE/DISABLE/FORCE/NO FORCE ROW LEVEL SECURITY, which
 * xlat_alter_rls records; mixed with other actions they stay 0A000. */
bool xlat_alter_rls_only(const PgQuery__AlterTableStmt *s);
bool xlat_alter_rls(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s);
/* Whether table has policies, whose text names its columns: RENAME COLUMN, DROP COLUMN and
 * ALTER COLUMN TYPE of it are 0A000 (the policies keep their text; xlat_policy_columns_kept
 * is false with c->err for such an ALTER TABLE). */
bool xlat_policy_names(const struct xlat_ctx *c, const char *table);
bool xlat_policy_columns_kept(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s);
/* xlat_rls.c: table's row-level security (NULL: none recorded); and the statement *stmt with
 * the policies that apply to the session applied (*stmt then a copy in c->a; the statement
 * is not cached), or false with c->err (42501 under row_security = off, 0A000). */
const struct xlat_rls *xlat_rls_find(const struct xlat_ctx *c, const char *table);
bool xlat_rls_apply(struct xlat_ctx *c, const PgQuery__Node **stmt);
bool xlat_stmt_rename(struct xlat_ctx *c, const PgQuery__RenameStmt *s);
bool xlat_stmt_truncate(struct xlat_ctx *c, const PgQuery__TruncateStmt *s);
/* xlat_seq.c: sequences, comments (sidecar tables) and CHECKPOINT. */
bool xlat_stmt_create_seq(struct xlat_ctx *c, const PgQuery__CreateSeqStmt *s);
bool xlat_stmt_alter_seq(struct xlat_ctx *c, const PgQuery__AlterSeqStmt *s);
bool xlat_drop_sequences(struct xlat_ctx *c, const PgQuery__DropStmt *s);
void xlat_truncate_restart(struct xlat_ctx *c, const char *schema, const char *table);
/* A DDL statement that is a script over the sidecar tables (sequences, enums, functions):
 * kind XLAT_SCRIPT with tag, never cached (its names and values are written as text). */
void xlat_sidecar_script(struct xlat_ctx *c, const char *tag);
/* The name of a type or function from a qualified name list: unqualified, or in public (the
 * tenant) or the session's tenant's schema; NULL with 42601 / 0A000 ("a <what> in schema")
 * otherwise. */
const char *xlat_tenant_object_name(struct xlat_ctx *c, PgQuery__Node **names, size_t n,
				    const char *what);
/* The sequence of identity column id in CREATE TABLE into *seq: the one its SEQUENCE NAME
 * option names ([public.]s; another schema is 0A000), else table_column_seq; *nother is the
 * number of its other options. id may be NULL (a serial column). */
bool xlat_identity_seq_name(struct xlat_ctx *c, const char *table, const char *column,
			    const PgQuery__Constraint *id, size_t *nother, const char **seq);
/* Appends to CREATE TABLE the creation of column's sequence table_column_seq or the one a
 * SEQUENCE NAME among opts names (type from the
 * column's type OID, identity options as CREATE SEQUENCE's, owned by the column) and makes
 * the statement a script. */
bool xlat_column_sequence(struct xlat_ctx *c, const char *table, const char *column,
			  uint32_t type_oid, PgQuery__Node **opts, size_t nopts, bool if_not_exists,
			  bool temp);
/* ADD COLUMN of a serial or identity column (identity 'a', 'd' or '\0'; type its PostgreSQL
 * type): *create makes its sequence seq (NULL: table_column_seq), unowned, and for an identity
 * the column sidecar's row, before the column is added (the refill numbers the rows from it);
 * *own then gives the sequence to the column. Both SQLite scripts live in c's arena. */
bool xlat_added_column_sequence(struct xlat_ctx *c, const char *table, const char *column,
				const char *seq, uint32_t type_oid, const char *type, char identity,
				PgQuery__Node **opts, size_t nopts, const char **create,
				const char **own);
/* ALTER COLUMN c SET GENERATED/SET options/RESTART, DROP IDENTITY of an identity column: the
 * SQLite script that records kind ('a', 'd'; 0: unchanged) in the column sidecar and alters
 * the column's sequence with opts (sequence options and RESTART), or (drop) makes the column
 * an ordinary one and drops its sequence; NULL with c's error. */
/* ALTER COLUMN TYPE of identity column table.column to smallint, integer or bigint
 * (type_oid, declared decl): the script that records decl in the column sidecar and makes its
 * sequence of that type too, as PostgreSQL's ALTER SEQUENCE ... AS (a bound at the old type's
 * limit moves to the new type's). */
const char *xlat_identity_retype(struct xlat_ctx *c, const char *table, const char *column,
				 uint32_t type_oid, const char *decl);
const char *xlat_identity_script(struct xlat_ctx *c, const char *table, const char *column,
				 char kind, PgQuery__Node **opts, size_t nopts, bool drop,
				 bool temp);
/* SQLite script (for an XLAT_RB_SCRIPT action) setting the column sidecar's row of column
 * to type (identity none), or deleting it when type is NULL; temp as xlat_column_meta. */
const char *xlat_column_meta_script(struct xlat_ctx *c, const char *table, const char *column,
				    const char *type, bool temp);
/* Appends to CREATE TABLE the column sidecar's row for column (docs/catalog.md): its
 * PostgreSQL type when the SQLite declared type cannot carry it (a serial key is INTEGER), and
 * its identity kind ('a', 'd', or '\0'); makes the statement a script. temp: a temporary
 * table's, in the temp schema's sidecars (as for xlat_column_sequence). */
void xlat_column_meta(struct xlat_ctx *c, const char *table, const char *column, const char *type,
		      char identity, bool if_not_exists, bool temp);
/* The column and comment sidecars' CREATE TABLE IF NOT EXISTS statements (the temp schema's
 * for temp), for CREATE TABLE ... (LIKE ...), in c's arena. */
/* The column sidecar's table (main's), created if missing: ADD PRIMARY KEY's key may become
 * the rowid, whose type the sidecar keeps (shard_rowid.c). */
const char *xlat_sidecar_columns_ddl(struct xlat_ctx *c);
/* The same in the temp schema for temp (a temporary view's column types). */
const char *xlat_sidecar_columns_in(struct xlat_ctx *c, bool temp);
const char *xlat_sidecar_like_ddl(struct xlat_ctx *c, bool temp);
/* After DROP TABLE/VIEW/INDEX name: "; SELECT shardlite_forget(kind, name)", which removes
 * its comments (and a table's owned sequences) from the sidecar. */
void xlat_forget(struct xlat_ctx *c, const char *kind, const char *name);
/* After ALTER TABLE table RENAME [column] TO to: "; SELECT shardlite_renamed(...)", which
 * moves the sidecar's comments and ownerships to the new name. */
void xlat_renamed(struct xlat_ctx *c, const char *table, const char *column, const char *to);
bool xlat_stmt_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s);
/* ---- xlat_largeobj.c: COMMENT ON LARGE OBJECT, ALTER LARGE OBJECT ... OWNER TO ---- */
bool xlat_lo_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s);
bool xlat_lo_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s);
bool xlat_stmt_checkpoint(struct xlat_ctx *c);
/* LISTEN / UNLISTEN / NOTIFY (xlat_utility.c): XLAT_NOTIFY, never cached. */
bool xlat_stmt_notify(struct xlat_ctx *c, const PgQuery__Node *n);
bool xlat_stmt_lock(struct xlat_ctx *c, const PgQuery__LockStmt *s);
/* xlat_alter.c: SET/DROP DEFAULT, ALTER COLUMN TYPE, DROP CONSTRAINT as table rebuilds. */
/* ADD COLUMN cd to table: plain SQL, or with a default that is not a literal an XLAT_RB_ADD_COLUMN
 * rebuild (SQLite's ADD COLUMN cannot evaluate such a default for the rows already there).
 * if_not_exists (ADD COLUMN IF NOT EXISTS) is always such a rebuild, with missing_ok set: the
 * shard does nothing when the table has the column. */
bool xlat_add_column(struct xlat_ctx *c, const PgQuery__RangeVar *table,
		     const PgQuery__ColumnDef *cd, bool if_not_exists);
bool xlat_alter_rebuild(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			const PgQuery__AlterTableCmd *cmd);
/* xlat_objects.c: one action of ALTER TABLE table, as the statement's only one. */
bool xlat_alter_one(struct xlat_ctx *c, const PgQuery__RangeVar *table,
		    const PgQuery__AlterTableCmd *cmd);
/* xlat_rowusers.c: ADD/DROP COLUMN and ALTER COLUMN TYPE of table, whose row type other
 * tables' columns may use: *follow (in c->a) the statements that bring their values in step,
 * to run after the action (NULL when none); false with err for what PostgreSQL refuses (0A000
 * "cannot alter table ... because column ... uses its row type") or cannot be followed. */
bool xlat_rowusers_alter(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			 const PgQuery__AlterTableCmd *cmd, const char **follow);
/* xlat_altermulti.c: ALTER TABLE with several actions (or IF EXISTS), an XLAT_REBUILD
 * chain. */
bool xlat_alter_multi(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s);
/* The statement's SQLite script so far as DROP COLUMN [IF EXISTS] column [CASCADE]: a
 * one-action chain (nothing with IF EXISTS when the table has no such column) that the shard
 * runs after dropping the table's constraints over the column (shard_dropcol.c). */
void xlat_alter_drop_column(struct xlat_ctx *c, const PgQuery__RangeVar *table, const char *column,
			    bool missing_ok, bool cascade);
bool xlat_stmt_txn(struct xlat_ctx *c, const PgQuery__TransactionStmt *s);
bool xlat_stmt_constraints_set(struct xlat_ctx *c, const PgQuery__ConstraintsSetStmt *s);
bool xlat_stmt_set(struct xlat_ctx *c, const PgQuery__VariableSetStmt *s);
bool xlat_stmt_show(struct xlat_ctx *c, const PgQuery__VariableShowStmt *s);
/* EXPLAIN's options: ANALYZE into *analyze, FORMAT TEXT|JSON|YAML|XML into *format ('t', 'j',
 * 'y', 'x'; another is 22023); VERBOSE, COSTS, SETTINGS, BUFFERS, WAL, TIMING, SUMMARY
 * accepted (SQLite's plan has no costs or counters to show). */
bool xlat_explain_options(struct xlat_ctx *c, const PgQuery__ExplainStmt *e, bool *analyze,
			  char *format);
bool xlat_stmt_discard(struct xlat_ctx *c, const PgQuery__DiscardStmt *s);
bool xlat_stmt_deallocate(struct xlat_ctx *c, const PgQuery__DeallocateStmt *s);
/* xlat_cursor.c: DECLARE, FETCH / MOVE, CLOSE */
bool xlat_stmt_declare(struct xlat_ctx *c, const PgQuery__DeclareCursorStmt *s);
bool xlat_stmt_fetch(struct xlat_ctx *c, const PgQuery__FetchStmt *s);
bool xlat_stmt_close(struct xlat_ctx *c, const PgQuery__ClosePortalStmt *s);
/* xlat_plpgsql.c: DO [LANGUAGE plpgsql] '...' (XLAT_DO with .plpgsql). */
bool xlat_stmt_do(struct xlat_ctx *c, const PgQuery__DoStmt *d);

/* ---- xlat_routine.c: user-defined functions ---- */
bool xlat_stmt_create_function(struct xlat_ctx *c, const PgQuery__CreateFunctionStmt *s);
bool xlat_drop_functions(struct xlat_ctx *c, const PgQuery__DropStmt *s);
/* How many of the tenant's functions are named name. */
size_t xlat_udf_count(struct xlat_ctx *c, const char *name);
/* "f(integer, text)", as PostgreSQL names a function in its messages. */
const char *xlat_udf_display(struct xlat_ctx *c, const char *name, const char *const *decls,
			     size_t n);
/* ---- xlat_polyfn.c: polymorphic parameter and result types of the tenant's functions ---- */
/* What one call's arguments resolve the polymorphic types to (0: not determined). */
struct xlat_poly {
	uint32_t elem, array; /* anyelement's (anyarray's element), anyarray's */
	uint32_t common;      /* anycompatible's */
	bool elem_declared, compat_declared;
};
/* Whether oid is one of the polymorphic pseudo-types a function may declare. */
bool xlat_poly_oid(uint32_t oid);
/* A VARIADIC anyarray's (anycompatiblearray's) element pseudo-type, 0 for another type. */
uint32_t xlat_poly_variadic_elem(uint32_t oid);
/* Whether u declares a polymorphic argument, OUT parameter or result. */
bool xlat_udf_polymorphic(const struct xlat_udf *u);
/* tn as a polymorphic parameter or result type: 1 with *oid and *decl, 0 when tn names
 * another type, -1 failed (0A000 for the range families). */
int xlat_poly_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, uint32_t *oid,
		   const char **decl);
/* Whether arguments of the actual types (705 unknown: no constraint) may be passed for the
 * n parameters declared decl, as PostgreSQL's check_generic_type_consistency; what they
 * resolve to into *p. */
bool xlat_poly_match(struct xlat_ctx *c, const uint32_t *decl, const uint32_t *actual, size_t n,
		     struct xlat_poly *p);
/* u with its polymorphic types replaced by p's (u itself when it has none), its sig
 * "declared|actual" as shardlite_call passes it; NULL with 42804 when an anyelement is
 * only given unknown literals, 42704 when a type has no array type. In c's arena. */
const struct xlat_udf *xlat_poly_instance(struct xlat_ctx *c, const struct xlat_udf *u,
					  const struct xlat_poly *p, int location);
/* The actual type of a parameter, state or result declared declared (itself when not
 * polymorphic) under p; 0 with c's error when it cannot be determined. */
uint32_t xlat_poly_actual(struct xlat_ctx *c, const struct xlat_poly *p, uint32_t declared,
			  int location);
/* A type as format_type spells it ("integer[]", an enum's name), "unknown" when not known. */
const char *xlat_poly_decl(struct xlat_ctx *c, uint32_t oid);
/* u as CREATE FUNCTION compiles its PL/pgSQL body: integer for every polymorphic type. */
const struct xlat_udf *xlat_poly_validation_instance(struct xlat_ctx *c, const struct xlat_udf *u);
/* PostgreSQL's 42P13 "cannot determine result data type" for a polymorphic result (or OUT
 * parameter) without an input of its family. */
bool xlat_poly_result_check(struct xlat_ctx *c, const struct xlat_udf *u);
/* ---- xlat_aggdef.c: the tenant's aggregates (CREATE AGGREGATE) ---- */
bool xlat_stmt_create_aggregate(struct xlat_ctx *c, const PgQuery__DefineStmt *s);
/* Whether name is one of the tenant's aggregates. */
bool xlat_udf_is_aggregate(const struct xlat_ctx *c, const char *name);
/* A call f of the aggregate u (the instance of the call's types, p what they resolved to) with
 * its arguments translated (args): 1 emitted with *t, -1 failed. */
int xlat_udf_agg_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct xlat_udf *u,
		      const struct xlat_poly *p, const char *const *args, size_t nargs,
		      struct xlat_type *t);
/* xlat_routine.c for CREATE AGGREGATE: the name and input parameters into u (name, sig,
 * nargs, argtypes, argnames, argdecls, variadic, temp); a parameter's or state's type; u
 * stored in the sidecar (42723 when it exists and not replace, 42809 of another kind) as the
 * script of tag. */
bool xlat_routine_signature(struct xlat_ctx *c, PgQuery__Node **names, size_t nnames,
			    PgQuery__Node **params, size_t nparams, struct xlat_udf *u);
bool xlat_routine_param_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, uint32_t *oid,
			     const char **decl);
bool xlat_routine_store(struct xlat_ctx *c, const struct xlat_udf *u, bool replace,
			const char *tag);
/* xlat_call.c: CALL p(args). */
bool xlat_stmt_call(struct xlat_ctx *c, const PgQuery__CallStmt *s);
/* xlat_call.c: whether f (unqualified, not an aggregate's call) is the tenant's function of its name
 * whose parameter types are exactly its arguments' -- PostgreSQL's exact match, which wins
 * over a built-in function of the name taking them by a cast (lower(5) beside a tenant's
 * lower(int)); false with an unknown literal among them, or a tenant function of text
 * parameters only (the built-in's own signature, first on the search path). */
bool xlat_udf_exact(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name);
/* xlat_call.c: a call of one of the tenant's functions (schema: as written, NULL when
 * unqualified): 1 emitted with *t its result type, 0 when none takes these arguments, -1
 * failed. */
int xlat_udf_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		  const char *schema, struct xlat_type *t);
/* xlat_trigger.c: CREATE TRIGGER, DROP TRIGGER. */
bool xlat_stmt_create_trigger(struct xlat_ctx *c, const PgQuery__CreateTrigStmt *s);
bool xlat_drop_triggers(struct xlat_ctx *c, const PgQuery__DropStmt *s);
/* ADD/DROP COLUMN changes the columns a table's row triggers pass (xlat_trigger.c): the
 * statement's script (c->sb, made XLAT_SCRIPT) drops their SQLite triggers first when it drops
 * column `dropped` and makes them again at its end (shardlite_trigger_refit,
 * catalog_trigger.c; nothing for a table without triggers). For a rebuild's ADD COLUMN, the
 * same as its `after` script: `after` with the refit appended. Own tenant's tables only. */
void xlat_trigger_refit(struct xlat_ctx *c, const PgQuery__RangeVar *table, const char *dropped);
const char *xlat_trigger_refit_after(struct xlat_ctx *c, const PgQuery__RangeVar *table,
				     const char *after);
/* Whether table is the session's own tenant's (public, or unqualified while search_path chose
 * no other tenant). */
bool xlat_own_table(const struct xlat_ctx *c, const PgQuery__RangeVar *table);
/* ALTER TABLE t ENABLE / DISABLE TRIGGER name | ALL | USER (one action). */
bool xlat_is_trigger_toggle(const PgQuery__AlterTableCmd *cmd);
bool xlat_alter_trigger(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			const PgQuery__AlterTableCmd *cmd);
/* The same of a partition: its copies of its partitioned table's row triggers
 * (shardlite_trigger_part_set, catalog_trigpart.c). */
bool xlat_alter_trigger_part(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			     const PgQuery__AlterTableCmd *cmd);
/* xlat_plpgsql.c: whether a LANGUAGE sql body's last statement returns rows (a SELECT or
 * VALUES, or INSERT/UPDATE/DELETE with RETURNING). */
bool xlat_sql_body_returns(const char *body);
bool xlat_stmt_vacuum(struct xlat_ctx *c, const PgQuery__VacuumStmt *s);
bool xlat_stmt_reindex(struct xlat_ctx *c, const PgQuery__ReindexStmt *s);
bool xlat_stmt_create_schema(struct xlat_ctx *c, const PgQuery__CreateSchemaStmt *s);
/* xlat_localnsp.c: the tenant's own schemas (xlat_env.local_schemas). Whether name is one;
 * the rewrite of a statement's names of them before it is translated (s.t: "s.t"); CREATE,
 * DROP, ALTER SCHEMA ... OWNER TO / RENAME TO and COMMENT ON SCHEMA of them. */
bool xlat_local_schema(const struct xlat_ctx *c, const char *name);
void xlat_localnsp_rewrite(struct xlat_ctx *c, const PgQuery__Node *stmt);
bool xlat_localnsp_create(struct xlat_ctx *c, const PgQuery__CreateSchemaStmt *s);
bool xlat_localnsp_drop(struct xlat_ctx *c, const PgQuery__DropStmt *s);
bool xlat_localnsp_rename(struct xlat_ctx *c, const PgQuery__RenameStmt *s);
bool xlat_localnsp_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s);
bool xlat_localnsp_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s);
/* Whether ALTER SCHEMA name RENAME TO is xlat_localnsp_rename's: a local schema, or a name
 * that is no schema in a session with a tenant (3F000). */
bool xlat_localnsp_renames(const struct xlat_ctx *c, const char *name);
/* The SQLite script renaming local schema from's row to to (ALTER SCHEMA ... RENAME TO). */
const char *xlat_localnsp_rename_script(struct xlat_ctx *c, const char *from, const char *to);
/* A DO block of PL/pgSQL body (the translator's own: DROP SCHEMA ... CASCADE, CREATE
 * SCHEMA's elements), never cached. */
bool xlat_do_block(struct xlat_ctx *c, const char *body);
/* xlat_nspelts.c: CREATE SCHEMA nsp with s's schema elements (a DO block). */
bool xlat_localnsp_elements(struct xlat_ctx *c, const PgQuery__CreateSchemaStmt *s,
			    const char *nsp);
/* xlat_nspmove.c: ALTER TABLE/VIEW/SEQUENCE ... SET SCHEMA (a rename the shard carries out). */
bool xlat_stmt_set_schema(struct xlat_ctx *c, const PgQuery__AlterObjectSchemaStmt *s);
bool xlat_stmt_create_extension(struct xlat_ctx *c, const PgQuery__CreateExtensionStmt *s);
/* xlat_routine.c: the tenant's function o names (PostgreSQL's errors when none or several:
 * NULL with c's error), and the key its grants have in the privileges sidecar. */
const struct xlat_udf *xlat_routine_find(struct xlat_ctx *c, const PgQuery__ObjectWithArgs *o);
/* The name of u's OUT parameter i as a result column: PostgreSQL's "columnN" (N its place
 * among them, 1-based) for an unnamed one. */
const char *xlat_udf_outname(struct xlat_ctx *c, const struct xlat_udf *u, size_t i);
/* All of u's OUT parameters' names so (u->outnames when every one is named). */
const char *const *xlat_udf_outnames(struct xlat_ctx *c, const struct xlat_udf *u);
/* ALTER FUNCTION / PROCEDURE / ROUTINE: its attributes, RENAME TO, OWNER TO (xlat_routine.c). */
bool xlat_alter_routine(struct xlat_ctx *c, const PgQuery__AlterFunctionStmt *s) MUST_CHECK;
bool xlat_rename_routine(struct xlat_ctx *c, const PgQuery__RenameStmt *s) MUST_CHECK;
bool xlat_routine_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s) MUST_CHECK;
/* COMMENT ON FUNCTION / PROCEDURE / ROUTINE / AGGREGATE (xlat_routine.c). */
bool xlat_routine_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s) MUST_CHECK;
const char *xlat_routine_key(struct xlat_ctx *c, const struct xlat_udf *u);
/* xlat_grant.c: GRANT/REVOKE on relations, recorded by the catalog's shardlite_grant. */
bool xlat_stmt_grant(struct xlat_ctx *c, const PgQuery__GrantStmt *s);
/* ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT/REVOKE ... ON TABLES/SEQUENCES/
 * FUNCTIONS/ROUTINES/SCHEMAS: recorded as default ACLs (xlat_grant.c; ON TYPES 0A000). */
bool xlat_stmt_alter_default_privileges(struct xlat_ctx *c,
					const PgQuery__AlterDefaultPrivilegesStmt *d);
/* REASSIGN OWNED BY ... TO ... and DROP OWNED BY ...: the roles checked; what every object
 * of a tenant belonging to the session user leaves of them (xlat_grant.c). */
bool xlat_stmt_reassign_owned(struct xlat_ctx *c, const PgQuery__ReassignOwnedStmt *s);
bool xlat_stmt_drop_owned(struct xlat_ctx *c, const PgQuery__DropOwnedStmt *s);
/* Ends a CREATE's script with shardlite_defacl: the new object (kind 'r' a table or view, 'S'
 * a serial key's sequence, 'f' a function, 'n' a schema; key its grants' key, name its stored
 * name) gets its ACL from the
 * default privileges. Makes the statement XLAT_SCRIPT; nothing without a session (c->env NULL:
 * migration files, xlat_column_default). */
void xlat_defacl_created(struct xlat_ctx *c, char kind, const char *key, const char *name);
/* Whether c->sb's bytes [at, end) are name written by xlat_ident (a relation of the session's
 * own file, not another tenant's or the temp schema's). */
bool xlat_written_ident(struct xlat_ctx *c, size_t at, size_t end, const char *name);
/* DROP EXTENSION [IF EXISTS] name, ...: the tenant's record of each goes (42704 when there is
 * none); the built-in functions stay. xlat_utility.c. */
bool xlat_drop_extensions(struct xlat_ctx *c, const PgQuery__DropStmt *s);
bool xlat_stmt_copy(struct xlat_ctx *c, const PgQuery__CopyStmt *s);
/* The PostgreSQL command tag of a statement node, for refusals ("CREATE FUNCTION"). */
const char *xlat_refused_tag(struct xlat_ctx *c, const PgQuery__Node *n);

/* ---- xlat_prepare.c: SQL-level PREPARE and EXECUTE ---- */
bool xlat_stmt_prepare(struct xlat_ctx *c, const PgQuery__PrepareStmt *s);
bool xlat_stmt_execute(struct xlat_ctx *c, const PgQuery__ExecuteStmt *s);

/* ---- xlat_comptype.c: composite types (CREATE TYPE ... AS) as types ---- */
/* The row type OID of name (a composite type, table or view of the tenant), its name as the
 * file spells it into *rel (may be NULL); 0 when name is none. */
uint32_t xlat_comptype_oid(struct xlat_ctx *c, const char *name, const char **rel);
/* Whether name is a composite type made by CREATE TYPE ... AS (not a relation's row type). */
bool xlat_comptype_is_type(struct xlat_ctx *c, const char *name);
/* A type entry (in c's arena) for row type name, as the built-in types have one; NULL: none. */
const struct xlat_typeinfo *xlat_comptype_typeinfo(struct xlat_ctx *c, const char *name);
/* Whether oid is a row type of known attributes. */
bool xlat_comptype_of_oid(struct xlat_ctx *c, uint32_t oid);
/* What unnest of an array of a row type in FROM is refused as where its columns, the type's
 * attributes, are not made (unnest of several arrays; one array: xlat_unnestrow.c). In a
 * select list it is one value of the type per row. */
#define XLAT_UNNEST_ROWS "unnest of an array of a composite type in FROM"
/* ---- xlat_unnestrow.c: unnest(a) in FROM of an array of a row type ---- */
/* When rf is unnest of one such array: 1, its name (*name), columns (the type's attributes
 * under the alias list's names, then ordinality; *cols in c's arena) and the type of its
 * whole row (*rowtype: the array's element type, 0 WITH ORDINALITY, which makes it record);
 * 0 otherwise. */
int xlat_unnestrow_scope_cols(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			      const char **name, const struct xlat_schema_col **cols, size_t *n,
			      uint32_t *rowtype);
/* The FROM item rf of f, unnest of one array of a row type, as a subquery of its elements'
 * fields: 1 emitted, 0 f is no such call (nothing emitted), -1 failed (42P10 for too many
 * column aliases, 0A000 for a type of unknown attributes). */
int xlat_unnestrow_from(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			const PgQuery__FuncCall *f);
/* Whether FROM item rf is unnest of one array of a row type whose alias list fits: 1, 0 it
 * is none, -1 failed (42P10 for more aliases than columns). */
int xlat_unnestrow_check(struct xlat_ctx *c, const PgQuery__RangeFunction *rf);
/* After the FROM list v's scope is known: the columns xlat_srf_collect took (from index
 * mark) of a directly joined unnest(t.a) of an array of a row type become the type's
 * attributes (each a field of the element). */
void xlat_unnestrow_joined(struct xlat_ctx *c, PgQuery__Node **v, size_t n, int mark);
/* The type whose input function pgfn_record_field reads a field of type oid with: oid, or
 * text for a field of run-time type or of an enum (its label, typed as the enum). */
uint32_t xlat_comptype_field_input(struct xlat_ctx *c, uint32_t oid);
/* The row type whose array type is oid (pt for pt[]), 0 when oid is none. */
uint32_t xlat_comptype_array_elem(struct xlat_ctx *c, uint32_t oid);
/* The array type of row type oid (pt[] for pt), 0 when oid is no row type. */
uint32_t xlat_comptype_array_of(struct xlat_ctx *c, uint32_t oid);
/* ", 'type', 0, oid1, typmod1, ...": pgfn_record_in's arguments after the value (0: not an
 * explicit cast); NULL when oid is no row type of known attributes. */
const char *xlat_comptype_spec(struct xlat_ctx *c, uint32_t oid);
/* arg read as a value of row type oid (a cast, explicit or a store): ROW(...) by its fields,
 * anything else as the text record_in reads; typed oid into *t. */
bool xlat_comptype_input(struct xlat_ctx *c, const PgQuery__Node *arg, uint32_t oid, int location,
			 bool explicit, struct xlat_type *t);
/* arg read as an array of row type oid (x::pt[]): each element by record_in, as an
 * explicit cast reads it; typed as the array into *t. */
bool xlat_comptype_array_input(struct xlat_ctx *c, const PgQuery__Node *arg, uint32_t oid,
			       struct xlat_type *t);
/* A row constructor stored into a column of row type oid: 1 emitted, 0 not such a store, -1
 * failed. */
int xlat_comptype_assign(struct xlat_ctx *c, uint32_t oid, const PgQuery__Node *n);
/* A whole row of a relation of the tenant (t, t.* in FROM) or a row constructor as a function's
 * argument: its text in record_out's form, typed as the relation's row type (record for ROW),
 * in c's arena; NULL when n is no such row (err clear) or on failure (err set). */
const char *xlat_comptype_row_aside(struct xlat_ctx *c, const PgQuery__Node *n,
				    struct xlat_type *t);
/* As xlat_comptype_row_aside, and a subquery's whole row too, as a record (2249). */
const char *xlat_comptype_record_aside(struct xlat_ctx *c, const PgQuery__Node *n,
				       struct xlat_type *t);
/* UPDATE's SET col.field = value of a column of a row type: the column's value with that field
 * replaced (written "col = ..."); 1 emitted, 0 rt is no such assignment, -1 failed (42703 for
 * a field the type lacks). */
int xlat_comptype_set_field(struct xlat_ctx *c, const struct xlat_schema_col *col,
			    const PgQuery__ResTarget *rt);
/* A comparison l op r where an operand is of a row type: *coll the collation (" COLLATE
 * pgfn_record_...") that orders the values' texts as record_cmp, field by field, or NULL for = and
 * <> of a type whose equal values have equal texts; false with 0A000 for a type with an attribute
 * no collation orders. */
bool xlat_comptype_cmp(struct xlat_ctx *c, const char *op, struct xlat_type l, struct xlat_type r,
		       int location, const char **coll) MUST_CHECK;
/* The collation ordering values of row type oid as record_cmp (pgfn_reccmp.c), NULL when oid
 * is no row type or has an attribute whose text does not order as its values. */
const char *xlat_comptype_collation(struct xlat_ctx *c, uint32_t oid);
/* How record_cmp orders a field of type t, as a letter of pgfn_reccmp.c's collation names:
 * 'n' by value, 't' byte by byte; 0 for a type whose text does not order as its values. */
char xlat_comptype_field_order(uint32_t t);
/* After a GROUP BY item or a DISTINCT aggregate's argument of type t: a row type whose equal
 * values may print differently (numeric's 1.0 and 1.00) is grouped by its collation; false with
 * 0A000 when none orders it. */
bool xlat_comptype_grouped(struct xlat_ctx *c, struct xlat_type t, int location) MUST_CHECK;
/* A SELECT DISTINCT column of type t: false with 0A000 for such a row type (SQLite's DISTINCT
 * would compare the texts). */
bool xlat_comptype_distinct_ok(struct xlat_ctx *c, struct xlat_type t) MUST_CHECK;
bool xlat_stmt_create_comptype(struct xlat_ctx *c, const PgQuery__CompositeTypeStmt *s);
/* ALTER TYPE name ADD ATTRIBUTE a type, DROP ATTRIBUTE a [, ...] and RENAME ATTRIBUTE a TO b:
 * scripts calling the catalog's writer, which rewrites the stored values of the columns of the
 * type (an attribute added is NULL in them, one dropped leaves them). */
bool xlat_comptype_alter(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s);
bool xlat_comptype_rename_attr(struct xlat_ctx *c, const PgQuery__RenameStmt *s);
/* The parts of a DROP TYPE / ALTER TYPE ... RENAME TO script for composite type name; DROP is
 * 2BP01 while a function has a parameter of the type. */
/* The catalog's derived OID of kind + name (cat_oid in src/catalog/catalog_model.c: FNV-1a
 * over kind, name and an empty part, each ended by 0xff, mapped into [16384, 2^31 - 1]):
 * "type" an enum's, "rowtype" a relation's or composite type's row type (xlat_enum.c). */
uint32_t xlat_derived_oid(const char *kind, const char *name);
/* The composite type name or row type oid (with its attributes) that an earlier statement of
 * the input made, NULL when none did. */
const struct xlat_pending_comptype *xlat_comptype_pending(struct xlat_ctx *c, const char *name,
							  uint32_t oid);
bool xlat_comptype_drop(struct xlat_ctx *c, const char *name, bool missing_ok, bool cascade);
void xlat_comptype_rename(struct xlat_ctx *c, const char *name, const char *to);

/* ---- xlat_domain.c: domains (CREATE, ALTER, DROP DOMAIN, domain columns and casts) ---- */
bool xlat_stmt_create_domain(struct xlat_ctx *c, const PgQuery__CreateDomainStmt *s);
bool xlat_drop_domains(struct xlat_ctx *c, const PgQuery__DropStmt *s);
/* Whether DROP TYPE s names a domain first (which DROP TYPE drops as DROP DOMAIN does). */
bool xlat_drop_names_domain(struct xlat_ctx *c, const PgQuery__DropStmt *s);
/* ALTER DOMAIN d OWNER TO role (pg_dump writes one per domain): as ALTER TYPE's for enums. */
bool xlat_domain_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s);
/* The tenant's domain of that name, NULL when none. */
const struct xlat_domain *xlat_domain_by_name(struct xlat_ctx *c, const char *name);
/* A domain directly over the tenant's type (an enum) named type, NULL when none. */
const struct xlat_domain *xlat_domain_over(struct xlat_ctx *c, const char *type);
/* Resolves d's base type into *out (with out->domain d); false with err set. */
bool xlat_domain_base(struct xlat_ctx *c, const struct xlat_domain *d, struct xlat_typeref *out);
/* The domain column col of table is declared with, NULL when none. */
const struct xlat_domain *xlat_domain_of_column(struct xlat_ctx *c, const char *table,
						const char *col);
/* 0A000 naming where, when r is a domain (a place that would not check its constraints);
 * true otherwise. */
bool xlat_domain_refuse(struct xlat_ctx *c, const struct xlat_typeref *r, const char *where);
/* A $n whose first use is a cast to a domain: ParameterDescription reports the domain, as
 * PostgreSQL does (the statement itself binds the base type). */
struct xlat_param_domain {
	int number;
	uint32_t oid;
	struct xlat_param_domain *next;
};
/* The type $n (1-based) reports: inferred, the domain it was first cast to when it was
 * inferred as that domain's base type. */
uint32_t xlat_domain_param_type(struct xlat_ctx *c, int n, uint32_t inferred);
/* $n (arg, a ParamRef; anything else is ignored) stored into column col of table rel: when
 * col is declared with a domain, ParameterDescription gives the domain, as PostgreSQL's
 * (pgtyped types such a parameter by it). */
void xlat_domain_param_column(struct xlat_ctx *c, const PgQuery__Node *arg, const char *rel,
			      const char *col);
/* Whether column col of table has a DEFAULT of its own (not its domain's). */
bool xlat_domain_own_default(struct xlat_ctx *c, const char *table, const char *col);
/* CREATE TABLE ... (LIKE table): for each column of table of a domain, four strings —
 * the column, the domain, its SQLite clauses with the domain's DEFAULT and without (for a
 * column given a default of its own) — then NULL (xlat_rebuild.like_domains); NULL with err. */
const char **xlat_domain_like(struct xlat_ctx *c, const char *table);
/* The domain the static type of expression n is (a cast to a domain), else NULL. */
const struct xlat_domain *xlat_domain_of_expr(struct xlat_ctx *c, const PgQuery__Node *n);
/* Column col of domain d: its NOT NULL and CHECKs as named SQLite CHECKs of the column. */
bool xlat_domain_column(struct xlat_ctx *c, const struct xlat_domain *d, const char *col);
/* The clauses a column col of domain d carries (xlat_ddl.c): the domain's DEFAULT when
 * with_default (the column has none of its own) and its NOT NULL and CHECKs, from a blank. */
bool xlat_domain_column_clauses(struct xlat_ctx *c, const struct xlat_domain *d, const char *col,
				bool with_default);
/* ALTER DOMAIN (but OWNER TO) and ALTER DOMAIN ... RENAME TO. */
bool xlat_stmt_alter_domain(struct xlat_ctx *c, const PgQuery__AlterDomainStmt *s);
bool xlat_rename_domain(struct xlat_ctx *c, const PgQuery__RenameStmt *s);
/* Whether s is ALTER TYPE name RENAME TO of one of the tenant's domains (PostgreSQL takes it
 * as ALTER DOMAIN's, with its own tag). */
bool xlat_type_names_domain(struct xlat_ctx *c, const PgQuery__RenameStmt *s);
/* The domain's DEFAULT parsed (*tree to free with xlat_domain_free), NULL when none or on an
 * error (err set). */
const PgQuery__Node *xlat_domain_default(struct xlat_ctx *c, const struct xlat_domain *d,
					 PgQuery__ParseResult **tree);
void xlat_domain_free(PgQuery__ParseResult *tree);
/* expr::domain and CAST(expr AS domain): the cast to the base type, then the constraints. */
bool xlat_domain_cast(struct xlat_ctx *c, const PgQuery__TypeCast *tc,
		      const struct xlat_typeref *to, struct xlat_type *t);

/* ---- xlat_enum.c: enum types ---- */
const struct xlat_enum *xlat_enum_by_name(struct xlat_ctx *c, const char *name);
/* The enum whose type (or array type: *array true, array may be NULL) is oid, NULL if none. */
const struct xlat_enum *xlat_enum_by_oid(struct xlat_ctx *c, uint32_t oid, bool *array);
/* A type name as format_type prints it (quoted when it is not plain lower case). */
const char *xlat_enum_display(struct xlat_ctx *c, const char *name);
/* A type entry for e (in c's arena), as the built-in types have one. */
const struct xlat_typeinfo *xlat_enum_typeinfo(struct xlat_ctx *c, const struct xlat_enum *e);
/* The SQLite declared type of a column of e (or of an array of it). */
const char *xlat_enum_decl(struct xlat_ctx *c, const struct xlat_enum *e, bool array);
/* ", 'type', 'label1', ...": pgfn_enum_in's arguments after the value (written or returned). */
void xlat_enum_args(struct xlat_ctx *c, const struct xlat_enum *e);
/* A literal read as an array of e ('{sad,ok}' beside a mood[]): its labels checked. */
bool xlat_enum_array_input(struct xlat_ctx *c, const PgQuery__Node *arg, const struct xlat_enum *e,
			   struct xlat_type *t);
const char *xlat_enum_args_text(struct xlat_ctx *c, const struct xlat_enum *e);
/* " COLLATE <the enum's collation>" when oid is an enum type (written: true), else NULL. */
const char *xlat_enum_collation(struct xlat_ctx *c, uint32_t oid);
/* The collation that orders values of type oid as PostgreSQL's btree order where SQLite's
 * own would not (" COLLATE ..." of inet, ranges, arrays, jsonb, enums), else NULL. */
const char *xlat_order_collation(struct xlat_ctx *c, uint32_t oid);
bool xlat_enum_collate(struct xlat_ctx *c, uint32_t oid);
/* When oid is an enum, wraps c->sb[mark..] (a value of it) into its label's position in the
 * enum's sort order (CASE x WHEN 'first' THEN 0 ...), for sorts done outside SQLite's ORDER BY
 * (an aggregate's ORDER BY); else leaves it. */
void xlat_enum_sort_key(struct xlat_ctx *c, size_t mark, uint32_t oid);
/* Writes arg read as a value of e (pgfn_enum_in(arg, ...)); *t becomes e's type. */
bool xlat_enum_input(struct xlat_ctx *c, const PgQuery__Node *arg, const struct xlat_enum *e,
		     struct xlat_type *t);
bool xlat_stmt_create_enum(struct xlat_ctx *c, const PgQuery__CreateEnumStmt *s);
bool xlat_stmt_alter_enum(struct xlat_ctx *c, const PgQuery__AlterEnumStmt *s);
bool xlat_drop_types(struct xlat_ctx *c, const PgQuery__DropStmt *s);
bool xlat_rename_type(struct xlat_ctx *c, const PgQuery__RenameStmt *s);
bool xlat_enum_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s);
/* xlat_database.c: CREATE/DROP DATABASE, ALTER DATABASE ... RENAME TO / OWNER TO. */
bool xlat_stmt_createdb(struct xlat_ctx *c, const PgQuery__CreatedbStmt *s);
bool xlat_stmt_dropdb(struct xlat_ctx *c, const PgQuery__DropdbStmt *s);
bool xlat_database_rename(struct xlat_ctx *c, const PgQuery__RenameStmt *s);
bool xlat_database_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s);
bool xlat_stmt_create_role(struct xlat_ctx *c, const PgQuery__CreateRoleStmt *s);
bool xlat_stmt_alter_role(struct xlat_ctx *c, const PgQuery__AlterRoleStmt *s);
/* The collations of s's ORDER BY items that are of an enum type (a column of FROM, or a
 * result column by name or position; shape: the result's types), for xlat_sort_list after
 * the FROM left scope; NULL when none is. *refused: an item is of a row type, which ORDER BY
 * refuses (0A000 in c->err). */
const char **xlat_enum_sort_colls(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
				  const struct xlat_shape *shape, bool *refused);
/* enum_first/enum_last/enum_range: 1 done, -1 failed, 0 not one of them (or not of an enum). */
int xlat_enum_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		   struct xlat_type *t);

/* xlat_dml.c: whether item, of an UPDATE's FROM or a DELETE's USING, is known by name (a join
 * by its alias or by its inputs' names). */
bool xlat_names_item(const PgQuery__Node *item, const char *name);

/* xlat_array.c: 42P10 unless each ORDER BY key of an aggregate call with DISTINCT is one of
 * its arguments, as PostgreSQL requires. */
bool xlat_agg_distinct_order_ok(struct xlat_ctx *c, const PgQuery__FuncCall *f);

#endif
