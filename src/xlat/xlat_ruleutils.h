/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_ruleutils.h: what the three files of pg_get_viewdef's layout share (private to xlat):
 * the analysed query (xlat_ruleutils.c types expressions, xlat_rulefrom.c query levels and
 * their names, xlat_ruleprint.c prints them as ruleutils.c does). */
#ifndef SHARDLITE_XLAT_RULEUTILS_H
#define SHARDLITE_XLAT_RULEUTILS_H

#include "pgtype.h"
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define STD 8  /* PRETTYINDENT_STD */
#define JOIN 4 /* PRETTYINDENT_JOIN */
#define VAR 4  /* PRETTYINDENT_VAR */
#define LIMIT 40
#define NOTYPE UINT32_MAX /* an expression written as deparsed: its type is not known */

struct rtype {
	uint32_t oid; /* PGTYPE_UNKNOWN: a string literal or NULL not yet coerced */
	int32_t typmod;
};

/* The analysed expression, shaped as PostgreSQL's parse analysis leaves it (the node kinds
 * ruleutils.c prints). */
enum rkind {
	R_VAR,
	R_CONST,
	R_OP,
	R_BOOL,
	R_FUNC,
	R_CAST,
	R_NULLTEST,
	R_CASE,
	R_COALESCE,
	R_SUBLINK,
	R_ARRAYOP,
	R_RAW
};
enum rbool { RB_AND, RB_OR, RB_NOT };

struct rquery;

struct rnode {
	enum rkind kind;
	struct rtype type;
	const char *text;    /* CONST: literal as printed; OP: operator; FUNC: name; NULLTEST: a
			      * BooleanTest's words (" IS TRUE"; NULL: a NullTest); RAW: the
			      * deparsed text; SUBLINK: "EXISTS", "IN" or NULL (scalar) */
	bool label;          /* CONST: followed by ::type; CAST: explicit (always shown);
			      * ARRAYOP: the array relabeled to text[] (a varchar one) */
	bool isnull;         /* CONST: NULL; NULLTEST: IS NULL (else IS NOT NULL) */
	bool star, distinct; /* FUNC: an aggregate's count(*), DISTINCT */
	bool sql_syntax;     /* FUNC: TRIM(BOTH FROM x), POSITION((a) IN (b)), CURRENT_DATE */
	const char *fschema; /* FUNC: the schema a tenant's function is qualified with, NULL */
	enum rbool boolop;
	struct rnode **args; /* CASE: arg, then WHEN/THEN pairs, then ELSE */
	size_t nargs;
	bool case_arg;
	const char *colname; /* VAR: the column's name */
	const char **rel;    /* VAR: its relation's printed name */
	struct rquery *sub;  /* SUBLINK */
};

struct rel {
	const char *refname;
	const char **shown; /* the name it is printed with (set_rtable_names' choice) */
	const char **names;
	struct rtype *types;
	size_t n;
};

struct cte {
	const char *name;
	struct rquery *q;
};

/* One query level's names: its FROM items, the columns USING merges (which input's column
 * an unqualified reference means), its WITH queries. */
struct level {
	struct level *up;
	struct rel rels[32];
	size_t nrels;
	struct {
		const char *name;
		size_t rel;
	} merged[32];
	size_t nmerged;
	struct cte ctes[16];
	size_t nctes;
};

struct rfrom; /* a FROM item */
struct rfrom {
	char kind;            /* 'r' relation, 's' subquery, 'j' join */
	const char *text;     /* 'r': the relation as written */
	bool aliased;         /* 'r': written with an alias */
	const char *relname;  /* 'r': the relation's own name */
	const char **shown;   /* 'r', 's': the name it is printed with */
	struct rquery *sub;   /* 's' */
	PgQuery__JoinType jt; /* 'j' */
	bool cross;
	struct rfrom *l, *r;
	const char **using;
	size_t nusing;
	struct rnode *quals;
};

struct rsort {
	struct rnode *e;
	bool desc, nulls_first;
};

struct rquery {
	/* this level's relations' names in the order parse analysis adds them (its rtable):
	 * what set_rtable_names makes unique, each printed as *shown[i] */
	const char ***shown;
	size_t nshown;
	/* a set operation: op, all, larg, rarg; else a plain SELECT */
	PgQuery__SetOperation op;
	bool all;
	struct rquery *larg, *rarg;
	struct cte *ctes;
	size_t nctes;
	bool distinct;
	struct rnode **targets;
	const char **resnames; /* as the query names its columns (resname) */
	struct rtype *types;   /* the output columns' types (of a set operation: resolved) */
	size_t ntargets;
	struct rfrom **from;
	size_t nfrom;
	struct rnode *where, *having, **group;
	size_t ngroup;
	struct rsort *sort;
	size_t nsort;
	struct rnode *offset, *limit;
};

struct ru {
	struct arena *a;
	const struct xlat_schema *schema;
	const char *qualify; /* the schema relations are written with, NULL: none */
	struct level *lvl;
	bool fail;  /* the query cannot be laid out */
	bool leaf;  /* analysing a set operation's branch: its literals stay unknown */
	bool bare;  /* an index's expression: columns printed without their relation */
	bool value; /* a domain's CHECK: its one column is CoerceToDomainValue, printed VALUE */
	/* printing */
	struct strbuf *buf;
	int indent;
	bool paren; /* PRETTYFLAG_PAREN */
	int wrap;
	/* identifiers quoted so far (each costs a parse) */
	struct {
		const char *name, *quoted;
	} memo[64];
	size_t nmemo;
};

struct names {
	const char **v;
	size_t n;
};

static inline const char *ru_strdup(struct ru *r, const char *s) { return arena_strdup(r->a, s); }

static inline void *ru_zalloc(struct ru *r, size_t n) { return arena_zalloc(r->a, n ? n : 1); }

static inline bool same_type(struct rtype a, struct rtype b)
{
	return a.oid == b.oid && a.typmod == b.typmod;
}

static inline bool is_int(uint32_t oid)
{
	return oid == PGTYPE_INT2 || oid == PGTYPE_INT4 || oid == PGTYPE_INT8;
}

static inline bool is_str(uint32_t oid) { return oid == PGTYPE_TEXT || oid == PGTYPE_VARCHAR; }

static inline int int_rank(uint32_t oid)
{
	return oid == PGTYPE_INT2 ? 1 : oid == PGTYPE_INT4 ? 2 : 3;
}

static inline struct rtype T(uint32_t oid) {
	return (struct rtype){oid, -1};
}

static inline const struct rel *
find_rel(const struct level *l, const char *name)
{
	for (size_t i = 0; i < l->nrels; i++)
		if (strcmp(l->rels[i].refname, name) == 0)
			return &l->rels[i];
	return NULL;
}

static inline long rel_col(const struct rel *rel, const char *col)
{
	for (size_t k = 0; k < rel->n; k++)
		if (rel->names[k] && strcmp(rel->names[k], col) == 0)
			return (long)k;
	return -1;
}

/* ---- xlat_ruleutils.c: names, literals, expressions ---- */
/* quote_identifier's spelling of s (in r's arena, or s). */
const char *xlat_ru_quote(struct ru *r, const char *s);
/* format_type_with_typemod's spelling of t, NULL for one this file does not name. */
const char *xlat_ru_type_name(struct ru *r, struct rtype t);
struct rnode *xlat_ru_node(struct ru *r, enum rkind k, struct rtype t);
/* n as libpg_query deparses it (R_RAW, no type); r->fail when it cannot be. */
struct rnode *xlat_ru_raw(struct ru *r, PgQuery__Node *n);
/* e coerced to t as coerce_type does (a literal becomes a constant of t, an implicit cast
 * shown); NULL when this file does not know the coercion. */
struct rnode *xlat_ru_coerce(struct ru *r, struct rnode *e, struct rtype t);
/* select_common_type of v[0..n) into *out; false when not resolved here. */
bool xlat_ru_common_type(struct rnode **v, size_t n, struct rtype *out);
struct rnode *xlat_ru_const(struct ru *r, const PgQuery__AConst *k);
/* n analysed and typed at r's level, NULL when it is not typed here. */
struct rnode *xlat_ru_expr(struct ru *r, PgQuery__Node *n);
/* A clause's expression: analysed (coerced to want unless NOTYPE; a literal made text), else
 * as deparsed. */
struct rnode *xlat_ru_clause(struct ru *r, PgQuery__Node *n, struct rtype want);

/* ---- xlat_rulefrom.c: query levels ---- */
/* s analysed as a query level below r's (NULL and r->fail when it cannot be laid out). */
struct rquery *xlat_ru_analyze(struct ru *r, PgQuery__SelectStmt *s);
/* set_rtable_names over q and the queries in it, up the names of the enclosing levels. */
void xlat_ru_rename(struct ru *r, const struct rquery *q, const struct names *up);

/* ---- xlat_ruleprint.c ---- */
/* get_query_def: q printed at r's indentation, coldesc[0..ncoldesc) the view's column names
 * (NULL: the query's own), names_visible colNamesVisible. */
void xlat_ru_print(struct ru *r, const struct rquery *q, const char *const *coldesc,
		   size_t ncoldesc, bool names_visible);
/* get_rule_expr of e with showimplicit false, as deparse_expression prints it. */
void xlat_ru_print_expr(struct ru *r, const struct rnode *e);

#endif
