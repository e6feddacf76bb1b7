/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_ruleutils.c: a view's query laid out as PostgreSQL 15's ruleutils.c prints it for
 * pg_get_viewdef: columns qualified by their relation, one target per line, each clause on its
 * own line, literals and the implicit casts parse analysis adds, parentheses with and without
 * the pretty flag, and the wrap column. The query is typed here from the tenant's column types
 * (xlat_schema) the way PostgreSQL's parse analysis types it, for the operators and functions
 * this file knows. An expression it cannot type exactly is written as libpg_query deparses it
 * (the text pg_get_viewdef gave before); a query whose layout it cannot reproduce (a FROM item
 * or clause it does not know, names PostgreSQL would rename) is not laid out at all (false). */
#include "pgtype.h"
#include "xlat_int.h"

#include <ctype.h>
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
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
	const char *text;    /* VAR: rel.col; CONST: literal as printed; OP: operator; FUNC: name;
			   * RAW: the deparsed text; SUBLINK: "EXISTS", "IN" or NULL (scalar) */
	bool label;          /* CONST: followed by ::type; CAST: explicit */
	bool isnull;         /* CONST: NULL; NULLTEST: IS NULL (else IS NOT NULL) */
	bool star, distinct; /* FUNC: an aggregate's count(*), DISTINCT */
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
	bool fail; /* the query cannot be laid out */
	bool leaf; /* analysing a set operation's branch: its literals stay unknown */
	/* printing */
	struct strbuf *buf;
	int indent;
	bool paren; /* PRETTYFLAG_PAREN */
	int wrap;
};

static const char *ru_strdup(struct ru *r, const char *s) { return arena_strdup(r->a, s); }

static void *ru_zalloc(struct ru *r, size_t n) { return arena_zalloc(r->a, n ? n : 1); }

/* ---- names ---- */

/* quote_identifier: bare when PostgreSQL's scanner reads it back as this plain name, which a
 * keyword (other than an unreserved one) is not: tried by the parser itself, as a function's
 * name (no column-name keyword) and a relation's (no type-or-function-name keyword). */
static bool bare_ident(const char *s)
{
	if (!*s || !(islower((unsigned char)*s) || *s == '_'))
		return false;
	for (const char *p = s; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_'))
			return false;
	char sql[200];
	if (snprintf(sql, sizeof(sql), "SELECT %s() FROM %s", s, s) >= (int)sizeof(sql))
		return false;
	PgQueryParseResult p = pg_query_parse(sql);
	bool ok = !p.error && p.parse_tree && strstr(p.parse_tree, "\"FuncCall\"") &&
		  strstr(p.parse_tree, "\"RangeVar\"");
	pg_query_free_parse_result(p);
	return ok;
}

static const char *quote_ident(struct ru *r, const char *s)
{
	if (bare_ident(s))
		return s;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_put_quoted(&sb, s, '"');
	const char *out = sb.failed ? s : ru_strdup(r, sb.data);
	strbuf_fini(&sb);
	return out;
}

/* format_type_with_typemod's spelling, NULL for a type or typmod this file does not name. */
static const char *type_name(struct ru *r, struct rtype t)
{
	const struct pgtype_info *ti = t.oid != NOTYPE ? pgtype_by_oid(t.oid) : NULL;
	if (!ti || t.oid == PGTYPE_UNKNOWN)
		return NULL;
	if (t.typmod < 0)
		return ti->sql_name;
	if (t.oid == PGTYPE_VARCHAR || t.oid == PGTYPE_BPCHAR)
		return arena_printf(r->a, "%s(%d)", ti->sql_name, (int)(t.typmod - 4));
	if (t.oid == PGTYPE_NUMERIC)
		return arena_printf(r->a, "numeric(%d,%d)", (int)((t.typmod - 4) >> 16),
				    (int)((t.typmod - 4) & 0xffff));
	return NULL;
}

static bool same_type(struct rtype a, struct rtype b)
{
	return a.oid == b.oid && a.typmod == b.typmod;
}

/* ---- the deparsed text of one expression (what it falls back to) ---- */

static const char *raw_text(struct ru *r, PgQuery__Node *n)
{
	PgQuery__ResTarget rt = PG_QUERY__RES_TARGET__INIT;
	rt.val = n;
	PgQuery__Node rtn = PG_QUERY__NODE__INIT;
	rtn.node_case = NODE(RES_TARGET);
	rtn.res_target = &rt;
	PgQuery__Node *tl[] = {&rtn};
	PgQuery__SelectStmt sel = PG_QUERY__SELECT_STMT__INIT;
	sel.n_target_list = 1;
	sel.target_list = tl;
	sel.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
	sel.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
	PgQuery__Node seln = PG_QUERY__NODE__INIT;
	seln.node_case = NODE(SELECT_STMT);
	seln.select_stmt = &sel;
	PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
	raw.stmt = &seln;
	PgQuery__RawStmt *stmts[] = {&raw};
	PgQuery__ParseResult pr = PG_QUERY__PARSE_RESULT__INIT;
	pr.version = PG_VERSION_NUM;
	pr.n_stmts = 1;
	pr.stmts = stmts;
	size_t len = pg_query__parse_result__get_packed_size(&pr);
	PgQueryProtobuf pb = {len, malloc(len ? len : 1)};
	const char *out = NULL;
	if (pb.data) {
		pg_query__parse_result__pack(&pr, (uint8_t *)pb.data);
		PgQueryDeparseResult d = pg_query_deparse_protobuf(pb);
		if (!d.error && d.query && strncmp(d.query, "SELECT ", 7) == 0)
			out = ru_strdup(r, d.query + 7);
		pg_query_free_deparse_result(d);
		free(pb.data);
	}
	if (!out)
		r->fail = true;
	return out ? out : "";
}

static struct rnode *mk(struct ru *r, enum rkind k, struct rtype t)
{
	struct rnode *e = ru_zalloc(r, sizeof(*e));
	e->kind = k;
	e->type = t;
	return e;
}

static struct rnode *raw(struct ru *r, PgQuery__Node *n)
{
	struct rnode *e = mk(r, R_RAW, (struct rtype){NOTYPE, -1});
	e->text = raw_text(r, n);
	return e;
}

/* ---- typing ---- */

static bool is_int(uint32_t oid)
{
	return oid == PGTYPE_INT2 || oid == PGTYPE_INT4 || oid == PGTYPE_INT8;
}

static bool is_str(uint32_t oid) { return oid == PGTYPE_TEXT || oid == PGTYPE_VARCHAR; }

static int int_rank(uint32_t oid) { return oid == PGTYPE_INT2 ? 1 : oid == PGTYPE_INT4 ? 2 : 3; }

static bool canonical_int(const char *s)
{
	const char *p = s + (*s == '-');
	if (!isdigit((unsigned char)*p) || (*p == '0' && (p[1] || p != s)) || strlen(p) > 18)
		return false;
	for (; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	return true;
}

static bool canonical_date(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	if (strlen(s) != sizeof(shape) - 1)
		return false;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
			return false;
	int m = atoi(s + 5), d = atoi(s + 8);
	int y = atoi(s);
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] &&
	       (m != 2 || d <= 28 || leap);
}

/* timestamp_out's spelling (DateStyle ISO): a date, hh:mm:ss, fractional digits without
 * trailing zeros */
static bool canonical_timestamp(const char *s)
{
	char d[11];
	if (strlen(s) < 19 || s[10] != ' ')
		return false;
	memcpy(d, s, 10);
	d[10] = '\0';
	const char *t = s + 11;
	for (int i = 0; i < 8; i++)
		if (i == 2 || i == 5 ? t[i] != ':' : !isdigit((unsigned char)t[i]))
			return false;
	if (!canonical_date(d) || atoi(t) > 23 || atoi(t + 3) > 59 || atoi(t + 6) > 59)
		return false;
	if (!t[8])
		return true;
	size_t n = strlen(t + 9);
	if (t[8] != '.' || n < 1 || n > 6 || t[8 + n] == '0')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)t[9 + i]))
			return false;
	return true;
}

/* numeric_out's own spelling: [-]digits[.digits], no leading zero, no exponent */
static bool canonical_numeric(const char *s)
{
	const char *dot = strchr(s, '.');
	if (!dot)
		return canonical_int(s);
	char head[24];
	size_t n = (size_t)(dot - s);
	if (n >= sizeof(head) || !dot[1])
		return false;
	memcpy(head, s, n);
	head[n] = '\0';
	if (!canonical_int(head) && strcmp(head, "-0") != 0)
		return false;
	for (const char *p = dot + 1; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	return true;
}

/* get_const_expr's text of value v of type t (showtype 0); NULL when this file cannot tell
 * how the type's output function writes it. */
static bool const_text(struct ru *r, struct rnode *c, const char *v, struct rtype t)
{
	c->type = t;
	if (c->isnull) {
		c->text = "NULL";
		c->label = true;
		return type_name(r, t) != NULL;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool label = true, ok = true;
	if (t.oid == PGTYPE_INT4 && canonical_int(v)) {
		if (*v == '-')
			strbuf_printf(&sb, "'%s'", v);
		else
			strbuf_puts(&sb, v);
		label = *v == '-';
	} else if (t.oid == PGTYPE_INT8 && canonical_int(v)) {
		strbuf_printf(&sb, "'%s'", v);
	} else if (t.oid == PGTYPE_NUMERIC && t.typmod < 0 && canonical_numeric(v)) {
		/* bare when it looks like a float constant, else quoted with its type */
		label = !(isdigit((unsigned char)*v) && strchr(v, '.'));
		if (label)
			strbuf_printf(&sb, "'%s'", v);
		else
			strbuf_puts(&sb, v);
	} else if (t.oid == PGTYPE_TEXT || (t.oid == PGTYPE_VARCHAR && t.typmod < 0)) {
		ok = !strchr(v, '\\');
		strbuf_put_quoted(&sb, v, '\'');
	} else if ((t.oid == PGTYPE_DATE && canonical_date(v)) ||
		   (t.oid == PGTYPE_TIMESTAMP && t.typmod < 0 && canonical_timestamp(v))) {
		strbuf_printf(&sb, "'%s'", v);
	} else {
		ok = false;
	}
	c->text = ok && !sb.failed ? ru_strdup(r, sb.data) : NULL;
	c->label = label;
	strbuf_fini(&sb);
	return c->text != NULL;
}

/* coerce_type: e as type t, with the cast PostgreSQL adds (shown as ::t). NULL when this file
 * does not know the coercion. */
static struct rnode *coerce(struct ru *r, struct rnode *e, struct rtype t)
{
	if (!e || e->type.oid == NOTYPE)
		return NULL;
	if (same_type(e->type, t) || (e->type.oid == t.oid && t.typmod < 0))
		return e;
	if (e->type.oid == PGTYPE_UNKNOWN && e->kind == R_CONST) {
		t.typmod = -1; /* coerce_to_common_type's: none */
		struct rnode *c = mk(r, R_CONST, t);
		c->isnull = e->isnull;
		return const_text(r, c, e->text, t) ? c : NULL;
	}
	bool implicit =
		(is_int(e->type.oid) && is_int(t.oid) && int_rank(e->type.oid) < int_rank(t.oid)) ||
		(is_int(e->type.oid) && t.oid == PGTYPE_NUMERIC) ||
		(e->type.oid == PGTYPE_VARCHAR && t.oid == PGTYPE_TEXT);
	if (!implicit || t.typmod >= 0)
		return NULL;
	struct rnode *c = mk(r, R_CAST, t);
	c->args = ru_zalloc(r, sizeof(*c->args));
	c->args[0] = e;
	c->nargs = 1;
	return c;
}

static struct rtype T(uint32_t oid) {
	return (struct rtype){oid, -1};
}

/* ---- analysis ---- */

static struct rquery *
analyze_select(struct ru *r, PgQuery__SelectStmt *s);
static struct rnode *expr(struct ru *r, PgQuery__Node *n);
static bool common_type(struct rnode **v, size_t n, struct rtype *out);

static const struct rel *find_rel(const struct level *l, const char *name)
{
	for (size_t i = 0; i < l->nrels; i++)
		if (strcmp(l->rels[i].refname, name) == 0)
			return &l->rels[i];
	return NULL;
}

static long rel_col(const struct rel *rel, const char *col)
{
	for (size_t k = 0; k < rel->n; k++)
		if (rel->names[k] && strcmp(rel->names[k], col) == 0)
			return (long)k;
	return -1;
}

static struct rnode *var(struct ru *r, const struct rel *rel, long k)
{
	struct rnode *e = mk(r, R_VAR, rel->types[k]);
	e->rel = rel->shown;
	e->colname = rel->names[k];
	return e;
}

static struct rnode *column_ref(struct ru *r, const PgQuery__ColumnRef *cr)
{
	const char *rn = NULL, *col = NULL;
	if (cr->n_fields == 1 && cr->fields[0]->node_case == NODE(STRING)) {
		col = xlat_node_str(cr->fields[0]);
	} else if (cr->n_fields == 2 && cr->fields[0]->node_case == NODE(STRING) &&
		   cr->fields[1]->node_case == NODE(STRING)) {
		rn = xlat_node_str(cr->fields[0]);
		col = xlat_node_str(cr->fields[1]);
	}
	if (!col)
		return NULL;
	for (const struct level *l = r->lvl; l; l = l->up) {
		if (rn) {
			const struct rel *rel = find_rel(l, rn);
			if (!rel)
				continue;
			long k = rel_col(rel, col);
			return k >= 0 ? var(r, rel, k) : NULL;
		}
		for (size_t i = l->nmerged; i-- > 0;)
			if (strcmp(l->merged[i].name, col) == 0)
				return var(r, &l->rels[l->merged[i].rel],
					   rel_col(&l->rels[l->merged[i].rel], col));
		const struct rel *hit = NULL;
		long hk = -1;
		for (size_t i = 0; i < l->nrels; i++) {
			long k = rel_col(&l->rels[i], col);
			if (k >= 0 && hit)
				return NULL; /* ambiguous */
			if (k >= 0) {
				hit = &l->rels[i];
				hk = k;
			}
		}
		if (hit)
			return var(r, hit, hk);
	}
	return NULL;
}

static struct rnode *a_const(struct ru *r, const PgQuery__AConst *k)
{
	struct rnode *c = mk(r, R_CONST, T(PGTYPE_UNKNOWN));
	if (k->isnull) {
		c->isnull = true;
		return c;
	}
	switch (k->val_case) {
	case PG_QUERY__A__CONST__VAL_IVAL:
		return const_text(r, c, arena_printf(r->a, "%d", (int)k->ival->ival),
				  T(PGTYPE_INT4))
			       ? c
			       : NULL;
	case PG_QUERY__A__CONST__VAL_FVAL: {
		const char *v = k->fval->fval;
		if (canonical_int(v)) /* too big for an integer: bigint */
			return const_text(r, c, v, T(PGTYPE_INT8)) ? c : NULL;
		return strchr(v, 'e') || strchr(v, 'E') || !const_text(r, c, v, T(PGTYPE_NUMERIC))
			       ? NULL
			       : c;
	}
	case PG_QUERY__A__CONST__VAL_SVAL:
		c->text = k->sval->sval;
		return c;
	default:
		return NULL;
	}
}

static struct rnode *binop(struct ru *r, const char *op, struct rnode *a, struct rnode *b)
{
	if (!a || !b || a->type.oid == NOTYPE || b->type.oid == NOTYPE)
		return NULL;
	uint32_t x = a->type.oid, y = b->type.oid;
	bool cmp = strcmp(op, "=") == 0 || strcmp(op, "<>") == 0 || strcmp(op, "<") == 0 ||
		   strcmp(op, ">") == 0 || strcmp(op, "<=") == 0 || strcmp(op, ">=") == 0;
	bool arith = strcmp(op, "+") == 0 || strcmp(op, "-") == 0 || strcmp(op, "*") == 0 ||
		     strcmp(op, "/") == 0;
	bool mod = strcmp(op, "%") == 0;
	bool strop = strcmp(op, "||") == 0 || strcmp(op, "~~") == 0 || strcmp(op, "!~~") == 0;
	/* an unknown literal takes the other side's type (PostgreSQL's first guess) */
	if (x == PGTYPE_UNKNOWN && y == PGTYPE_UNKNOWN)
		return NULL;
	struct rtype ta = a->type, tb = b->type, res;
	if (x == PGTYPE_UNKNOWN)
		ta = is_str(y) ? T(PGTYPE_TEXT) : (struct rtype){y, -1};
	if (y == PGTYPE_UNKNOWN)
		tb = is_str(x) ? T(PGTYPE_TEXT) : (struct rtype){x, -1};
	x = ta.oid;
	y = tb.oid;
	if (is_str(x) && is_str(y) && (cmp || strop)) {
		ta = tb = T(PGTYPE_TEXT);
		res = strcmp(op, "||") == 0 ? T(PGTYPE_TEXT) : T(PGTYPE_BOOL);
	} else if (is_int(x) && is_int(y) && (cmp || arith)) {
		/* int2/int4/int8 have operators for each pair */
		ta = T(x);
		tb = T(y);
		res = cmp ? T(PGTYPE_BOOL) : T(int_rank(x) >= int_rank(y) ? x : y);
	} else if (is_int(x) && is_int(y) && mod) {
		ta = tb = T(int_rank(x) >= int_rank(y) ? x : y);
		res = ta;
	} else if ((x == PGTYPE_NUMERIC || is_int(x)) && (y == PGTYPE_NUMERIC || is_int(y)) &&
		   (cmp || arith || mod)) {
		ta = tb = res = T(PGTYPE_NUMERIC);
		if (cmp)
			res = T(PGTYPE_BOOL);
	} else if (x == y && (x == PGTYPE_DATE || x == PGTYPE_BOOL || x == PGTYPE_TIMESTAMP) &&
		   cmp) {
		ta = tb = T(x);
		res = T(PGTYPE_BOOL);
	} else {
		return NULL;
	}
	struct rnode *e = mk(r, R_OP, res);
	e->text = op;
	e->args = ru_zalloc(r, 2 * sizeof(*e->args));
	e->args[0] = coerce(r, a, ta);
	e->args[1] = coerce(r, b, tb);
	e->nargs = 2;
	return e->args[0] && e->args[1] ? e : NULL;
}

static struct rnode *boolexpr(struct ru *r, enum rbool op, struct rnode **v, size_t n)
{
	struct rnode *e = mk(r, R_BOOL, T(PGTYPE_BOOL));
	e->boolop = op;
	e->args = ru_zalloc(r, n * sizeof(*e->args));
	for (size_t i = 0; i < n; i++) {
		e->args[i] = coerce(r, v[i], T(PGTYPE_BOOL));
		if (!e->args[i] || e->args[i]->type.oid != PGTYPE_BOOL)
			return NULL;
	}
	e->nargs = n;
	return e;
}

static const char *op_name(const PgQuery__AExpr *x)
{
	return x->n_name == 1 ? xlat_node_str(x->name[0]) : NULL;
}

static struct rnode *a_expr(struct ru *r, const PgQuery__AExpr *x)
{
	const char *op = op_name(x);
	if (!op)
		return NULL;
	switch (x->kind) {
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
		if (!x->lexpr) { /* prefix minus */
			struct rnode *a = expr(r, x->rexpr);
			if (!a || strcmp(op, "-") != 0 ||
			    !(is_int(a->type.oid) || a->type.oid == PGTYPE_NUMERIC))
				return NULL;
			struct rnode *e = mk(r, R_OP, a->type);
			e->text = op;
			e->args = ru_zalloc(r, sizeof(*e->args));
			e->args[0] = a;
			e->nargs = 1;
			return e;
		}
		return binop(r, op, expr(r, x->lexpr), expr(r, x->rexpr));
	case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
		return binop(r,
			     strcmp(op, "~~") == 0    ? "~~"
			     : strcmp(op, "!~~") == 0 ? "!~~"
						      : "?",
			     expr(r, x->lexpr), expr(r, x->rexpr));
	case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
	case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN: {
		const PgQuery__Node *l = x->rexpr;
		if (!l || l->node_case != NODE(LIST) || l->list->n_items != 2)
			return NULL;
		bool not = x->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN;
		struct rnode *v[2] = {
			binop(r, not ? "<" : ">=", expr(r, x->lexpr), expr(r, l->list->items[0])),
			binop(r, not ? ">" : "<=", expr(r, x->lexpr), expr(r, l->list->items[1]))};
		return v[0] && v[1] ? boolexpr(r, not ? RB_OR : RB_AND, v, 2) : NULL;
	}
	case PG_QUERY__A__EXPR__KIND__AEXPR_IN: {
		/* x IN (a, b): x = ANY (ARRAY[a, b]), all coerced to their common type, which
		 * must have its own = (a string's is text's: not laid out) */
		const PgQuery__Node *l = x->rexpr;
		if (!l || l->node_case != NODE(LIST) || (strcmp(op, "=") != 0))
			return NULL;
		size_t n = l->list->n_items + 1;
		struct rnode **v = ru_zalloc(r, n * sizeof(*v));
		if (!(v[0] = expr(r, x->lexpr)))
			return NULL;
		for (size_t i = 1; i < n; i++)
			if (!(v[i] = expr(r, l->list->items[i - 1])))
				return NULL;
		struct rtype t;
		if (!common_type(v, n, &t) || !(is_int(t.oid) || t.oid == PGTYPE_NUMERIC ||
						t.oid == PGTYPE_TEXT || t.oid == PGTYPE_DATE))
			return NULL;
		struct rnode *e = mk(r, R_ARRAYOP, T(PGTYPE_BOOL));
		e->nargs = n;
		e->args = v;
		for (size_t i = 0; i < n; i++)
			if (!(v[i] = coerce(r, v[i], (struct rtype){t.oid, -1})))
				return NULL;
		e->text = "=";
		return e;
	}
	default:
		return NULL;
	}
}

/* The functions whose result type this file knows, by their arguments' types. */
static bool func_type(const char *name, bool star, struct rnode **v, size_t n, struct rtype *out,
		      bool *agg)
{
	uint32_t a = n ? v[0]->type.oid : 0;
	*agg = false;
	if (strcmp(name, "count") == 0 && (star ? n == 0 : n == 1)) {
		*agg = true;
		*out = T(PGTYPE_INT8);
		return true;
	}
	if (star || n != 1 || a == NOTYPE || a == PGTYPE_UNKNOWN)
		return false;
	if (strcmp(name, "max") == 0 || strcmp(name, "min") == 0) {
		*agg = true;
		*out = is_str(a) ? T(PGTYPE_TEXT) : T(a);
		return is_int(a) || is_str(a) || a == PGTYPE_NUMERIC || a == PGTYPE_DATE;
	}
	if (strcmp(name, "sum") == 0 && (is_int(a) || a == PGTYPE_NUMERIC)) {
		*agg = true;
		*out = T(a == PGTYPE_INT8 || a == PGTYPE_NUMERIC ? PGTYPE_NUMERIC : PGTYPE_INT8);
		return true;
	}
	if (strcmp(name, "avg") == 0 && (is_int(a) || a == PGTYPE_NUMERIC)) {
		*agg = true;
		*out = T(PGTYPE_NUMERIC);
		return true;
	}
	if ((strcmp(name, "upper") == 0 || strcmp(name, "lower") == 0) && is_str(a)) {
		*out = T(PGTYPE_TEXT);
		return true;
	}
	if (strcmp(name, "length") == 0 && is_str(a)) {
		*out = T(PGTYPE_INT4);
		return true;
	}
	return false;
}

static struct rnode *func_call(struct ru *r, const PgQuery__FuncCall *f)
{
	if (f->n_funcname != 1 || f->n_agg_order || f->agg_filter || f->over ||
	    f->agg_within_group || f->func_variadic || (f->agg_distinct && f->agg_star))
		return NULL;
	const char *name = xlat_node_str(f->funcname[0]);
	if (!name)
		return NULL;
	struct rnode **v = ru_zalloc(r, f->n_args * sizeof(*v));
	for (size_t i = 0; i < f->n_args; i++)
		if (!(v[i] = expr(r, f->args[i])) || v[i]->type.oid == NOTYPE)
			return NULL;
	struct rtype t;
	bool agg;
	if (!func_type(name, f->agg_star, v, f->n_args, &t, &agg) || (f->agg_distinct && !agg))
		return NULL;
	struct rnode *e = mk(r, R_FUNC, t);
	e->text = name;
	e->star = f->agg_star;
	e->distinct = f->agg_distinct;
	e->args = v;
	e->nargs = f->n_args;
	/* a text function (max of a string too; not count's "any") of a varchar: the argument
	 * relabelled to text (shown) */
	for (size_t i = 0; i < e->nargs && is_str(v[i]->type.oid) && strcmp(name, "count") != 0;
	     i++)
		if (!(e->args[i] = coerce(r, v[i], T(PGTYPE_TEXT))))
			return NULL;
	return e;
}

/* select_common_type over the few types this file resolves: one type, int widening to the
 * widest, unknown literals taking the others' type, all-unknown text. */
static bool common_type(struct rnode **v, size_t n, struct rtype *out)
{
	struct rtype t = T(PGTYPE_UNKNOWN);
	for (size_t i = 0; i < n; i++) {
		struct rtype x = v[i]->type;
		if (x.oid == NOTYPE)
			return false;
		if (x.oid == PGTYPE_UNKNOWN)
			continue;
		if (t.oid == PGTYPE_UNKNOWN)
			t = x;
		else if (is_int(t.oid) && is_int(x.oid))
			t = T(int_rank(t.oid) >= int_rank(x.oid) ? t.oid : x.oid);
		else if (t.oid != x.oid && (is_int(t.oid) || t.oid == PGTYPE_NUMERIC) &&
			 (is_int(x.oid) || x.oid == PGTYPE_NUMERIC))
			t = T(PGTYPE_NUMERIC); /* an integer coerces to numeric, not the reverse */
		else if (t.oid != x.oid)
			return false;
		else if (t.typmod != x.typmod)
			t.typmod = -1;
	}
	*out = t.oid == PGTYPE_UNKNOWN ? T(PGTYPE_TEXT) : t;
	return true;
}

static struct rnode *case_expr(struct ru *r, const PgQuery__CaseExpr *c)
{
	size_t n = c->n_args;
	struct rnode *arg = c->arg ? expr(r, c->arg) : NULL;
	if (c->arg && (!arg || arg->type.oid == NOTYPE || arg->type.oid == PGTYPE_UNKNOWN))
		return NULL;
	struct rnode **res = ru_zalloc(r, (n + 1) * sizeof(*res));
	struct rnode **cond = ru_zalloc(r, n * sizeof(*cond));
	for (size_t i = 0; i < n; i++) {
		const PgQuery__CaseWhen *w =
			c->args[i]->node_case == NODE(CASE_WHEN) ? c->args[i]->case_when : NULL;
		if (!w)
			return NULL;
		cond[i] = expr(r, w->expr);
		res[i] = expr(r, w->result);
		if (!cond[i] || !res[i])
			return NULL;
		cond[i] = arg ? (same_type(cond[i]->type, arg->type) ||
						 cond[i]->type.oid == PGTYPE_UNKNOWN
					 ? coerce(r, cond[i], arg->type)
					 : NULL)
			      : coerce(r, cond[i], T(PGTYPE_BOOL));
		if (!cond[i] || (!arg && cond[i]->type.oid != PGTYPE_BOOL))
			return NULL;
	}
	struct rnode *def = c->defresult ? expr(r, c->defresult)
					 : mk(r, R_CONST, T(PGTYPE_UNKNOWN));
	if (!def)
		return NULL;
	if (!c->defresult)
		def->isnull = true;
	res[n] = def;
	struct rtype t;
	if (!common_type(res, n + 1, &t))
		return NULL;
	struct rnode *e = mk(r, R_CASE, t);
	e->case_arg = arg != NULL;
	e->nargs = (arg ? 1 : 0) + 2 * n + 1;
	e->args = ru_zalloc(r, e->nargs * sizeof(*e->args));
	size_t k = 0;
	if (arg)
		e->args[k++] = arg;
	for (size_t i = 0; i < n; i++) {
		e->args[k++] = cond[i];
		if (!(e->args[k++] = coerce(r, res[i], t)))
			return NULL;
	}
	return (e->args[k] = coerce(r, res[n], t)) ? e : NULL;
}

static struct rnode *coalesce(struct ru *r, const PgQuery__CoalesceExpr *c)
{
	struct rnode **v = ru_zalloc(r, c->n_args * sizeof(*v));
	for (size_t i = 0; i < c->n_args; i++)
		if (!(v[i] = expr(r, c->args[i])))
			return NULL;
	struct rtype t;
	if (!c->n_args || !common_type(v, c->n_args, &t))
		return NULL;
	struct rnode *e = mk(r, R_COALESCE, t);
	e->args = v;
	e->nargs = c->n_args;
	for (size_t i = 0; i < e->nargs; i++)
		if (!(e->args[i] = coerce(r, v[i], t)))
			return NULL;
	return e;
}

static struct rnode *sublink(struct ru *r, const PgQuery__SubLink *s)
{
	if (!s->subselect || s->subselect->node_case != NODE(SELECT_STMT))
		return NULL;
	struct rnode *test = NULL;
	if (s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK) {
		if (s->n_oper_name || !s->testexpr || !(test = expr(r, s->testexpr)))
			return NULL; /* IN only, over one column */
	} else if (s->sub_link_type != PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK &&
		   s->sub_link_type != PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK) {
		return NULL;
	}
	struct rquery *q = analyze_select(r, s->subselect->select_stmt);
	if (!q)
		return NULL;
	struct rnode *e = mk(r, R_SUBLINK, T(PGTYPE_BOOL));
	e->sub = q;
	switch (s->sub_link_type) {
	case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
		e->text = "EXISTS";
		return e;
	case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK:
		if (q->ntargets != 1 || q->types[0].oid == NOTYPE ||
		    q->types[0].oid == PGTYPE_UNKNOWN)
			return NULL;
		e->type = q->types[0];
		return e;
	default:
		if (q->ntargets != 1 || !(same_type(test->type, q->types[0]) ||
					  (is_int(test->type.oid) && is_int(q->types[0].oid))))
			return NULL; /* int2/int4/int8 compare across types without a cast */
		e->text = "IN";
		e->args = ru_zalloc(r, sizeof(*e->args));
		e->args[0] = test;
		e->nargs = 1;
		return e;
	}
}

static struct rnode *expr_or_null(struct ru *r, PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(COLUMN_REF):
		return column_ref(r, n->column_ref);
	case NODE(A_CONST):
		return a_const(r, n->a_const);
	case NODE(A_EXPR):
		return a_expr(r, n->a_expr);
	case NODE(BOOL_EXPR): {
		const PgQuery__BoolExpr *b = n->bool_expr;
		struct rnode **v = ru_zalloc(r, b->n_args * sizeof(*v));
		for (size_t i = 0; i < b->n_args; i++)
			if (!(v[i] = expr(r, b->args[i])))
				return NULL;
		enum rbool op = b->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR  ? RB_AND
				: b->boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR ? RB_OR
										 : RB_NOT;
		return b->n_args ? boolexpr(r, op, v, b->n_args) : NULL;
	}
	case NODE(NULL_TEST): {
		struct rnode *a = n->null_test->argisrow ? NULL : expr(r, n->null_test->arg);
		if (!a || a->type.oid == NOTYPE || a->type.oid == PGTYPE_UNKNOWN)
			return NULL;
		struct rnode *e = mk(r, R_NULLTEST, T(PGTYPE_BOOL));
		e->isnull = n->null_test->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NULL;
		e->args = ru_zalloc(r, sizeof(*e->args));
		e->args[0] = a;
		e->nargs = 1;
		return e;
	}
	case NODE(FUNC_CALL):
		return func_call(r, n->func_call);
	case NODE(CASE_EXPR):
		return case_expr(r, n->case_expr);
	case NODE(COALESCE_EXPR):
		return coalesce(r, n->coalesce_expr);
	case NODE(SUB_LINK):
		return sublink(r, n->sub_link);
	default:
		/* a cast of the SQLite text is SQLite's (CAST(x AS INTEGER) of a bigint), not
		 * the one PostgreSQL keeps: not typed */
		return NULL;
	}
}

/* An expression analysed, or, when it is not typed here, its deparsed text (R_RAW). A failed
 * subquery of it would leave r->fail set: that is the expression's failure alone. */
static struct rnode *expr(struct ru *r, PgQuery__Node *n)
{
	if (!n)
		return NULL;
	bool failed = r->fail;
	struct rnode *e = expr_or_null(r, n);
	r->fail = failed;
	return e;
}

/* An expression of a clause: analysed, else as deparsed. */
static struct rnode *clause(struct ru *r, PgQuery__Node *n, struct rtype want)
{
	struct rnode *e = expr(r, n);
	if (e && want.oid != NOTYPE)
		e = coerce(r, e, want);
	if (e && e->type.oid == PGTYPE_UNKNOWN) /* a target's literal: text, as PostgreSQL 10+ */
		e = coerce(r, e, T(PGTYPE_TEXT));
	return e ? e : raw(r, n);
}

/* ---- FROM ---- */

static const struct cte *find_cte(const struct ru *r, const char *name)
{
	for (const struct level *l = r->lvl; l; l = l->up)
		for (size_t i = 0; i < l->nctes; i++)
			if (strcmp(l->ctes[i].name, name) == 0)
				return &l->ctes[i];
	return NULL;
}

static struct rel *add_rel(struct ru *r, const char *refname)
{
	struct level *l = r->lvl;
	if (l->nrels == ARRAY_LEN(l->rels) || strlen(refname) > 48) {
		r->fail = true;
		return NULL;
	}
	struct rel *rel = &l->rels[l->nrels++];
	rel->refname = refname;
	rel->shown = ru_zalloc(r, sizeof(*rel->shown));
	*rel->shown = refname;
	return rel;
}

static void rel_from_query(struct ru *r, struct rel *rel, const struct rquery *q)
{
	rel->names = q->resnames;
	rel->types = q->types;
	rel->n = q->ntargets;
}

/* Which relation of rels [from, to) (one input of a join) column col is: the one a USING
 * there merged it into, else the only one that has it; -1 when none or several. */
static long side_rel(const struct level *l, size_t from, size_t to, const char *col)
{
	for (size_t i = l->nmerged; i-- > 0;)
		if (l->merged[i].rel >= from && l->merged[i].rel < to &&
		    strcmp(l->merged[i].name, col) == 0)
			return (long)l->merged[i].rel;
	long hit = -1;
	for (size_t i = from; i < to; i++) {
		if (rel_col(&l->rels[i], col) < 0)
			continue;
		if (hit >= 0)
			return -1;
		hit = (long)i;
	}
	return hit;
}

/* buildMergedJoinVar: the input whose column a USING column reads as, 0 the left one, 1 the
 * right one: one needing no coercion to the common type (left preferred by INNER JOIN; LEFT
 * JOIN takes the left, RIGHT JOIN the right); -1 when it would be a coerced expression. */
static long merged_side(PgQuery__JoinType jt, struct rtype l, struct rtype r)
{
	struct rnode a = {.kind = R_RAW, .type = l}, b = {.kind = R_RAW, .type = r};
	struct rnode *v[2] = {&a, &b};
	struct rtype t;
	if (l.oid == NOTYPE || r.oid == NOTYPE || !common_type(v, 2, &t))
		return -1;
	bool lok = l.oid == t.oid, rok = r.oid == t.oid;
	if (jt == PG_QUERY__JOIN_TYPE__JOIN_LEFT)
		return lok ? 0 : -1;
	if (jt == PG_QUERY__JOIN_TYPE__JOIN_RIGHT)
		return rok ? 1 : -1;
	return lok ? 0 : rok ? 1 : -1;
}

static struct rfrom *from_item(struct ru *r, PgQuery__Node *n)
{
	struct rfrom *f = ru_zalloc(r, sizeof(*f));
	if (n->node_case == NODE(RANGE_VAR)) {
		const PgQuery__RangeVar *rv = n->range_var;
		const char *alias = rv->alias ? rv->alias->aliasname : NULL;
		if ((rv->alias && rv->alias->n_colnames) || !rv->inh ||
		    (rv->catalogname && *rv->catalogname))
			return NULL;
		const char *refname = alias ? alias : rv->relname;
		bool schema = rv->schemaname && *rv->schemaname;
		const struct cte *c = schema ? NULL : find_cte(r, rv->relname);
		struct rel *rel = add_rel(r, refname);
		if (!rel)
			return NULL;
		if (c) {
			rel_from_query(r, rel, c->q);
		} else {
			const struct xlat_schema_col *cols;
			size_t ncols;
			if (schema || strncmp(rv->relname, "pg_", 3) == 0 || !r->schema ||
			    !r->schema->table_fn(r->schema->arg, rv->relname, r->a, &cols, &ncols))
				return NULL;
			rel->n = ncols;
			rel->names = ru_zalloc(r, ncols * sizeof(*rel->names));
			rel->types = ru_zalloc(r, ncols * sizeof(*rel->types));
			for (size_t k = 0; k < ncols; k++) {
				rel->names[k] = cols[k].name;
				rel->types[k] = (struct rtype){cols[k].type_oid, cols[k].typmod};
				/* a view's column of no recorded type: text, as the catalog shows it */
				if (!cols[k].type_oid)
					rel->types[k] = T(PGTYPE_TEXT);
			}
		}
		const char *name = quote_ident(r, rv->relname);
		if (!c && r->qualify)
			name = arena_printf(r->a, "%s.%s", quote_ident(r, r->qualify), name);
		f->kind = 'r';
		f->text = name;
		f->relname = rv->relname;
		f->aliased = alias != NULL;
		f->shown = rel->shown;
		return f;
	}
	if (n->node_case == NODE(RANGE_SUBSELECT)) {
		const PgQuery__RangeSubselect *rs = n->range_subselect;
		if (rs->lateral || !rs->alias || rs->alias->n_colnames || !rs->subquery ||
		    rs->subquery->node_case != NODE(SELECT_STMT))
			return NULL;
		struct rquery *q = analyze_select(r, rs->subquery->select_stmt);
		struct rel *rel = q ? add_rel(r, rs->alias->aliasname) : NULL;
		if (!rel)
			return NULL;
		rel_from_query(r, rel, q);
		f->kind = 's';
		f->sub = q;
		f->shown = rel->shown;
		return f;
	}
	if (n->node_case != NODE(JOIN_EXPR))
		return NULL;
	const PgQuery__JoinExpr *j = n->join_expr;
	if (j->is_natural || j->alias || j->join_using_alias ||
	    (j->jointype != PG_QUERY__JOIN_TYPE__JOIN_INNER &&
	     j->jointype != PG_QUERY__JOIN_TYPE__JOIN_LEFT &&
	     j->jointype != PG_QUERY__JOIN_TYPE__JOIN_RIGHT &&
	     j->jointype != PG_QUERY__JOIN_TYPE__JOIN_FULL))
		return NULL;
	size_t first = r->lvl->nrels;
	f->kind = 'j';
	f->jt = j->jointype;
	if (!(f->l = from_item(r, j->larg)))
		return NULL;
	size_t mid = r->lvl->nrels;
	if (!(f->r = from_item(r, j->rarg)))
		return NULL;
	if (j->n_using_clause) {
		/* FULL JOIN's merged column is a COALESCE: not laid out */
		if (f->jt == PG_QUERY__JOIN_TYPE__JOIN_FULL)
			return NULL;
		f->using = ru_zalloc(r, j->n_using_clause * sizeof(*f->using));
		for (size_t i = 0; i < j->n_using_clause; i++) {
			const char *col = xlat_node_str(j->using_clause[i]);
			struct level *l = r->lvl;
			long lr = col ? side_rel(l, first, mid, col) : -1;
			long rr = col ? side_rel(l, mid, l->nrels, col) : -1;
			if (lr < 0 || rr < 0 || l->nmerged == ARRAY_LEN(l->merged))
				return NULL;
			long side = merged_side(f->jt,
						l->rels[lr].types[rel_col(&l->rels[lr], col)],
						l->rels[rr].types[rel_col(&l->rels[rr], col)]);
			if (side < 0)
				return NULL;
			l->merged[l->nmerged].name = col;
			l->merged[l->nmerged++].rel = (size_t)(side ? rr : lr);
			f->using[f->nusing++] = quote_ident(r, col);
		}
		return f;
	}
	if (!j->quals) {
		f->cross = f->jt == PG_QUERY__JOIN_TYPE__JOIN_INNER;
		return f->cross ? f : NULL;
	}
	f->quals = clause(r, j->quals, T(PGTYPE_BOOL));
	return f;
}

/* ---- queries ---- */

/* FigureColname's name of a target without AS, NULL when this file does not know it. */
static const char *figure_colname(PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(COLUMN_REF): {
		const PgQuery__ColumnRef *cr = n->column_ref;
		return cr->n_fields ? xlat_node_str(cr->fields[cr->n_fields - 1]) : NULL;
	}
	case NODE(FUNC_CALL):
		return xlat_node_str(n->func_call->funcname[n->func_call->n_funcname - 1]);
	case NODE(CASE_EXPR):
		return "case";
	case NODE(COALESCE_EXPR):
		return "coalesce";
	case NODE(A_CONST):
	case NODE(A_EXPR):
	case NODE(BOOL_EXPR):
	case NODE(NULL_TEST):
		return "?column?";
	default:
		return NULL;
	}
}

static bool with_clause(struct ru *r, const PgQuery__WithClause *w)
{
	if (!w)
		return true;
	if (w->recursive)
		return false;
	for (size_t i = 0; i < w->n_ctes; i++) {
		const PgQuery__CommonTableExpr *c = w->ctes[i]->node_case == NODE(COMMON_TABLE_EXPR)
							    ? w->ctes[i]->common_table_expr
							    : NULL;
		struct level *l = r->lvl;
		if (!c || c->n_aliascolnames || c->search_clause || c->cycle_clause ||
		    c->ctematerialized != PG_QUERY__CTEMATERIALIZE__CTEMaterializeDefault ||
		    !c->ctequery || c->ctequery->node_case != NODE(SELECT_STMT) ||
		    l->nctes == ARRAY_LEN(l->ctes))
			return false;
		struct rquery *q = analyze_select(r, c->ctequery->select_stmt);
		if (!q)
			return false;
		l->ctes[l->nctes].name = c->ctename;
		l->ctes[l->nctes++].q = q;
	}
	return true;
}

/* The target an ORDER BY / GROUP BY item means: an ordinal, or (ORDER BY) an output name. */
static long target_ref(const PgQuery__SelectStmt *s, size_t ntargets, const PgQuery__Node *n,
		       bool names)
{
	if (n->node_case == NODE(A_CONST) && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		long k = n->a_const->ival->ival;
		return k >= 1 && (size_t)k <= ntargets ? k - 1 : -2;
	}
	if (!names || n->node_case != NODE(COLUMN_REF) || n->column_ref->n_fields != 1)
		return -1;
	const char *col = xlat_node_str(n->column_ref->fields[0]);
	for (size_t i = 0; col && i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (rt && rt->name && *rt->name && strcmp(rt->name, col) == 0)
			return (long)i;
	}
	return -1;
}

static bool plain_select(struct ru *r, PgQuery__SelectStmt *s, struct rquery *q)
{
	if (s->n_window_clause || s->n_values_lists || s->n_locking_clause || s->into_clause ||
	    s->group_distinct ||
	    (s->n_distinct_clause && s->distinct_clause[0] && s->distinct_clause[0]->node_case))
		return false;
	q->distinct = s->n_distinct_clause > 0;
	q->from = ru_zalloc(r, s->n_from_clause * sizeof(*q->from));
	for (size_t i = 0; i < s->n_from_clause; i++)
		if (!(q->from[q->nfrom++] = from_item(r, s->from_clause[i])))
			return false;
	q->nshown = r->lvl->nrels;
	q->shown = ru_zalloc(r, q->nshown * sizeof(*q->shown));
	for (size_t i = 0; i < q->nshown; i++)
		q->shown[i] = r->lvl->rels[i].shown;
	q->ntargets = s->n_target_list;
	q->targets = ru_zalloc(r, q->ntargets * sizeof(*q->targets));
	q->resnames = ru_zalloc(r, q->ntargets * sizeof(*q->resnames));
	q->types = ru_zalloc(r, q->ntargets * sizeof(*q->types));
	for (size_t i = 0; i < q->ntargets; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (!rt || !rt->val || rt->n_indirection)
			return false;
		const PgQuery__ColumnRef *cr =
			rt->val->node_case == NODE(COLUMN_REF) ? rt->val->column_ref : NULL;
		if (cr && cr->n_fields && cr->fields[cr->n_fields - 1]->node_case == NODE(A_STAR))
			return false; /* a * the view's SQL kept (docs/sql-compat.md) */
		q->resnames[i] = rt->name && *rt->name ? rt->name : figure_colname(rt->val);
		if (!q->resnames[i])
			return false;
		struct rnode *e = r->leaf ? expr(r, rt->val) : NULL;
		q->targets[i] = e && e->kind == R_CONST && e->type.oid == PGTYPE_UNKNOWN
					? e
					: clause(r, rt->val, T(NOTYPE));
		q->types[i] = q->targets[i]->type;
	}
	if (s->where_clause)
		q->where = clause(r, s->where_clause, T(PGTYPE_BOOL));
	q->group = ru_zalloc(r, s->n_group_clause * sizeof(*q->group));
	for (size_t i = 0; i < s->n_group_clause; i++) {
		long k = target_ref(s, q->ntargets, s->group_clause[i], false);
		if (k == -2)
			return false;
		q->group[q->ngroup++] = k >= 0 ? q->targets[k]
					       : clause(r, s->group_clause[i], T(NOTYPE));
	}
	if (s->having_clause)
		q->having = clause(r, s->having_clause, T(PGTYPE_BOOL));
	return true;
}

static bool sort_limit(struct ru *r, PgQuery__SelectStmt *s, struct rquery *q, bool setop)
{
	q->sort = ru_zalloc(r, s->n_sort_clause * sizeof(*q->sort));
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__SortBy *sb = s->sort_clause[i]->node_case == NODE(SORT_BY)
						    ? s->sort_clause[i]->sort_by
						    : NULL;
		if (!sb || sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING)
			return false;
		struct rsort *o = &q->sort[q->nsort++];
		o->desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
		o->nulls_first = sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_DEFAULT
					 ? o->desc
					 : sb->sortby_nulls ==
						   PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST;
		long k = target_ref(s, q->ntargets, sb->node, !setop);
		if (setop && k < 0)
			return false; /* ORDER BY of a set operation: its columns, not laid out */
		if (k == -2)
			return false;
		o->e = setop ? NULL : k >= 0 ? q->targets[k] : clause(r, sb->node, T(NOTYPE));
		if (setop) {
			o->e = mk(r, R_RAW, q->types[k]);
			o->e->text = arena_printf(r->a, "%ld", k + 1);
		}
	}
	if (s->limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES)
		return false;
	if (s->limit_offset)
		q->offset = clause(r, s->limit_offset, T(NOTYPE));
	if (s->limit_count) {
		const PgQuery__Node *lc = s->limit_count;
		if (lc->node_case == NODE(A_CONST) && lc->a_const->isnull)
			return false;
		q->limit = clause(r, s->limit_count, T(NOTYPE));
	}
	return true;
}

/* transformSetOperationTree's column types: the branches' resolved type; a branch's literal
 * is coerced to it in that branch. */
static bool setop_types(struct ru *r, struct rquery *q)
{
	struct rquery *l = q->larg, *rr = q->rarg;
	if (l->ntargets != rr->ntargets)
		return false;
	q->ntargets = l->ntargets;
	q->types = ru_zalloc(r, q->ntargets * sizeof(*q->types));
	q->resnames = l->resnames;
	for (size_t i = 0; i < q->ntargets; i++) {
		struct rnode *v[2] = {mk(r, R_RAW, l->types[i]), mk(r, R_RAW, rr->types[i])};
		if (!common_type(v, 2, &q->types[i]))
			return false;
		/* a branch's literal becomes a constant of the resolved type, in the branch */
		struct rquery *side[2] = {l, rr};
		for (size_t k = 0; k < 2; k++) {
			if (side[k]->larg || side[k]->types[i].oid != PGTYPE_UNKNOWN)
				continue;
			side[k]->targets[i] = coerce(r, side[k]->targets[i], q->types[i]);
			if (!side[k]->targets[i])
				return false;
			side[k]->types[i] = q->types[i];
		}
	}
	return true;
}

static struct rquery *setop_tree(struct ru *r, PgQuery__SelectStmt *s)
{
	struct rquery *q = ru_zalloc(r, sizeof(*q));
	if (s->op == PG_QUERY__SET_OPERATION__SETOP_NONE) {
		struct level lvl = {.up = r->lvl};
		r->lvl = &lvl;
		bool leaf = r->leaf;
		r->leaf = true;
		bool ok = !s->with_clause && !s->n_sort_clause && !s->limit_count &&
			  !s->limit_offset && plain_select(r, s, q);
		r->leaf = leaf;
		r->lvl = lvl.up;
		return ok ? q : NULL;
	}
	if (s->with_clause || s->n_sort_clause || s->limit_count || s->limit_offset)
		return NULL;
	q->op = s->op;
	q->all = s->all;
	if (!s->larg || !s->rarg || !(q->larg = setop_tree(r, s->larg)) ||
	    !(q->rarg = setop_tree(r, s->rarg)))
		return NULL;
	return setop_types(r, q) ? q : NULL;
}

static struct rquery *analyze_select(struct ru *r, PgQuery__SelectStmt *s)
{
	struct level lvl = {.up = r->lvl};
	r->lvl = &lvl;
	struct rquery *q = NULL;
	bool leaf = r->leaf;
	r->leaf = false;
	if (with_clause(r, s->with_clause)) {
		if (s->op == PG_QUERY__SET_OPERATION__SETOP_NONE) {
			q = ru_zalloc(r, sizeof(*q));
			if (!plain_select(r, s, q) || !sort_limit(r, s, q, false))
				q = NULL;
		} else {
			PgQuery__SelectStmt top = *s;
			top.with_clause = NULL;
			top.n_sort_clause = 0;
			top.limit_count = top.limit_offset = NULL;
			q = setop_tree(r, &top);
			if (q && !sort_limit(r, s, q, true))
				q = NULL;
		}
	}
	if (q) {
		q->ctes = ru_zalloc(r, lvl.nctes * sizeof(*q->ctes));
		memcpy(q->ctes, lvl.ctes, lvl.nctes * sizeof(*q->ctes));
		q->nctes = lvl.nctes;
	}
	r->lvl = lvl.up;
	r->leaf = leaf;
	if (!q)
		r->fail = true;
	return q;
}

/* ---- set_rtable_names: each level's relation names made unique against its own and its
 * enclosing levels' (u, u_1, u_2); a nested query sees the whole of its enclosing levels ---- */

struct names {
	const char **v;
	size_t n;
};

static bool taken(const struct names *ns, const char *s)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], s) == 0)
			return true;
	return false;
}

static void rename_query(struct ru *r, const struct rquery *q, const struct names *up);

static void rename_expr(struct ru *r, const struct rnode *e, const struct names *ns)
{
	if (!e)
		return;
	if (e->kind == R_SUBLINK)
		rename_query(r, e->sub, ns);
	for (size_t i = 0; e->kind != R_VAR && i < e->nargs; i++)
		rename_expr(r, e->args[i], ns);
}

static void rename_from(struct ru *r, const struct rfrom *f, const struct names *ns)
{
	if (f->kind == 's')
		rename_query(r, f->sub, ns);
	if (f->kind == 'j') {
		rename_from(r, f->l, ns);
		rename_from(r, f->r, ns);
		rename_expr(r, f->quals, ns);
	}
}

static void rename_query(struct ru *r, const struct rquery *q, const struct names *up)
{
	struct names ns = {ru_zalloc(r, (up->n + q->nshown) * sizeof(*ns.v)), up->n};
	if (up->n)
		memcpy(ns.v, up->v, up->n * sizeof(*ns.v));
	for (size_t i = 0; i < q->nshown; i++) {
		const char *name = *q->shown[i];
		for (int k = 1; taken(&ns, name); k++)
			name = arena_printf(r->a, "%s_%d", *q->shown[i], k);
		*q->shown[i] = name;
		ns.v[ns.n++] = name;
	}
	for (size_t i = 0; i < q->nctes; i++)
		rename_query(r, q->ctes[i].q, &ns);
	if (q->larg) {
		rename_query(r, q->larg, &ns);
		rename_query(r, q->rarg, &ns);
	}
	for (size_t i = 0; i < q->nfrom; i++)
		rename_from(r, q->from[i], &ns);
	for (size_t i = 0; !q->larg && i < q->ntargets; i++)
		rename_expr(r, q->targets[i], &ns);
	rename_expr(r, q->where, &ns);
	for (size_t i = 0; i < q->ngroup; i++)
		rename_expr(r, q->group[i], &ns);
	rename_expr(r, q->having, &ns);
	for (size_t i = 0; i < q->nsort; i++)
		rename_expr(r, q->sort[i].e, &ns);
	rename_expr(r, q->offset, &ns);
	rename_expr(r, q->limit, &ns);
}

/* ---- printing (ruleutils.c's layout) ---- */

static void put(struct ru *r, const char *s) { strbuf_puts(r->buf, s); }

static void remove_spaces(struct strbuf *sb)
{
	while (sb->len > 0 && sb->data[sb->len - 1] == ' ')
		sb->data[--sb->len] = '\0';
}

/* appendContextKeyword (PRETTYFLAG_INDENT is always on for a view's definition) */
static void keyword(struct ru *r, const char *s, int before, int after, int plus)
{
	r->indent += before;
	remove_spaces(r->buf);
	strbuf_putc(r->buf, '\n');
	int amount = r->indent < LIMIT ? (r->indent > 0 ? r->indent : 0) + plus
				       : (LIMIT + (r->indent - LIMIT) / (STD / 2)) % LIMIT + plus;
	for (int i = 0; i < amount; i++)
		strbuf_putc(r->buf, ' ');
	put(r, s);
	r->indent += after;
	if (r->indent < 0)
		r->indent = 0;
}

static void print_query(struct ru *r, const struct rquery *q, const char *const *coldesc,
			size_t ncoldesc, bool names_visible);
static void print_expr(struct ru *r, const struct rnode *e, bool showimplicit);

/* isSimpleNode, for the node kinds of this file. */
static bool simple(const struct rnode *e, const struct rnode *parent, bool paren)
{
	switch (e->kind) {
	case R_VAR:
	case R_CONST:
	case R_FUNC:
	case R_COALESCE:
	case R_CASE:
	case R_RAW:
		return true;
	case R_CAST:
		return true; /* function-like */
	case R_OP:
		if (paren && parent->kind == R_OP && e->nargs == 2 && parent->nargs == 2) {
			bool lo = strchr("+-", e->text[0]) && !e->text[1];
			bool hi = strchr("*/%", e->text[0]) && !e->text[1];
			bool plo = strchr("+-", parent->text[0]) && !parent->text[1];
			bool phi = strchr("*/%", parent->text[0]) && !parent->text[1];
			if (!(lo || hi) || !(plo || phi))
				return false;
			if (hi && plo)
				return true;
			if (lo && phi)
				return false;
			return parent->args[0] == e;
		}
		/* FALLTHROUGH */
	case R_SUBLINK:
	case R_NULLTEST:
		switch (parent->kind) {
		case R_CAST:
			return false;
		case R_FUNC:
			return true;
		case R_BOOL:
		case R_COALESCE:
		case R_CASE:
			return true;
		default:
			return false;
		}
	case R_BOOL:
		switch (parent->kind) {
		case R_BOOL:
			if (!paren)
				return false;
			if (e->boolop == RB_NOT || e->boolop == RB_AND)
				return parent->boolop == RB_AND || parent->boolop == RB_OR;
			return parent->boolop == RB_OR;
		case R_CAST:
			return false;
		case R_FUNC:
		case R_COALESCE:
		case R_CASE:
			return true;
		default:
			return false;
		}
	default:
		return false;
	}
}

static void expr_paren(struct ru *r, const struct rnode *e, bool showimplicit,
		       const struct rnode *parent)
{
	bool p = r->paren && !simple(e, parent, r->paren);
	if (p)
		put(r, "(");
	print_expr(r, e, showimplicit);
	if (p)
		put(r, ")");
}

static void print_const(struct ru *r, const struct rnode *e, int showtype)
{
	put(r, e->text);
	if (showtype >= 0 && (e->label || showtype > 0))
		strbuf_printf(r->buf, "::%s", type_name(r, e->type));
}

static void print_case(struct ru *r, const struct rnode *e)
{
	keyword(r, "CASE", 0, VAR, 0);
	size_t k = 0;
	if (e->case_arg) {
		put(r, " ");
		print_expr(r, e->args[k++], true);
	}
	for (; k + 1 < e->nargs; k += 2) {
		keyword(r, "WHEN ", 0, 0, 0);
		print_expr(r, e->args[k], false);
		put(r, " THEN ");
		print_expr(r, e->args[k + 1], true);
	}
	keyword(r, "ELSE ", 0, 0, 0);
	print_expr(r, e->args[k], true);
	keyword(r, "END", -VAR, 0, 0);
}

static void print_sublink(struct ru *r, const struct rnode *e)
{
	put(r, "(");
	if (e->nargs) {
		print_expr(r, e->args[0], true);
		put(r, " IN ");
	} else if (e->text) {
		put(r, "EXISTS ");
	}
	if (e->text)
		put(r, "(");
	print_query(r, e->sub, NULL, 0, false);
	put(r, e->text ? "))" : ")");
}

static void print_expr(struct ru *r, const struct rnode *e, bool showimplicit)
{
	switch (e->kind) {
	case R_VAR:
		strbuf_printf(r->buf, "%s.%s", quote_ident(r, *e->rel), quote_ident(r, e->colname));
		return;
	case R_RAW:
		put(r, e->text);
		return;
	case R_CONST:
		print_const(r, e, 0);
		return;
	case R_OP:
		if (!r->paren)
			put(r, "(");
		if (e->nargs == 2) {
			expr_paren(r, e->args[0], true, e);
			strbuf_printf(r->buf, " %s ", e->text);
			expr_paren(r, e->args[1], true, e);
		} else {
			strbuf_printf(r->buf, "%s ", e->text);
			expr_paren(r, e->args[0], true, e);
		}
		if (!r->paren)
			put(r, ")");
		return;
	case R_ARRAYOP:
		if (!r->paren)
			put(r, "(");
		expr_paren(r, e->args[0], true, e);
		put(r, " = ANY (ARRAY[");
		for (size_t i = 1; i < e->nargs; i++) {
			put(r, i > 1 ? ", " : "");
			print_expr(r, e->args[i], true);
		}
		put(r, "])");
		if (!r->paren)
			put(r, ")");
		return;
	case R_BOOL:
		if (!r->paren)
			put(r, "(");
		if (e->boolop == RB_NOT) {
			put(r, "NOT ");
			expr_paren(r, e->args[0], false, e);
		}
		for (size_t i = 0; e->boolop != RB_NOT && i < e->nargs; i++) {
			put(r, i ? (e->boolop == RB_AND ? " AND " : " OR ") : "");
			expr_paren(r, e->args[i], false, e);
		}
		if (!r->paren)
			put(r, ")");
		return;
	case R_NULLTEST:
		if (!r->paren)
			put(r, "(");
		expr_paren(r, e->args[0], true, e);
		put(r, e->isnull ? " IS NULL" : " IS NOT NULL");
		if (!r->paren)
			put(r, ")");
		return;
	case R_FUNC:
		strbuf_printf(r->buf, "%s(%s", quote_ident(r, e->text),
			      e->distinct ? "DISTINCT " : "");
		if (e->star)
			put(r, "*");
		for (size_t i = 0; i < e->nargs; i++) {
			put(r, i ? ", " : "");
			print_expr(r, e->args[i], true);
		}
		put(r, ")");
		return;
	case R_CAST: {
		/* an implicit cast (the only kind made here) shows where showimplicit */
		const struct rnode *arg = e->args[0];
		if (!showimplicit) {
			expr_paren(r, arg, false, e);
			return;
		}
		if (!r->paren)
			put(r, "(");
		expr_paren(r, arg, false, e);
		if (!r->paren)
			put(r, ")");
		strbuf_printf(r->buf, "::%s", type_name(r, e->type));
		return;
	}
	case R_CASE:
		print_case(r, e);
		return;
	case R_COALESCE:
		put(r, "COALESCE(");
		for (size_t i = 0; i < e->nargs; i++) {
			put(r, i ? ", " : "");
			print_expr(r, e->args[i], true);
		}
		put(r, ")");
		return;
	case R_SUBLINK:
		print_sublink(r, e);
		return;
	}
}

/* get_rule_sortgroupclause (force_colno off) */
static void print_sortgroup(struct ru *r, const struct rnode *e)
{
	if (e->kind == R_CONST) {
		print_const(r, e, 1);
		return;
	}
	bool p = e->kind != R_VAR && (r->paren || e->kind == R_FUNC);
	if (p)
		put(r, "(");
	print_expr(r, e, true);
	if (p)
		put(r, ")");
}

static void print_target_list(struct ru *r, const struct rquery *q, const char *const *coldesc,
			      size_t ncoldesc, bool names_visible)
{
	const char *sep = " ";
	bool last_multiline = false;
	for (size_t i = 0; i < q->ntargets; i++) {
		put(r, sep);
		sep = ", ";
		struct strbuf tb, *saved = r->buf;
		strbuf_init(&tb, 0);
		r->buf = &tb;
		const struct rnode *e = q->targets[i];
		const char *attname = NULL;
		if (e->kind == R_VAR) {
			print_expr(r, e, true);
			attname = e->colname;
		} else {
			print_expr(r, e, true);
			attname = names_visible ? NULL : "?column?";
		}
		const char *colname = i < ncoldesc ? coldesc[i] : q->resnames[i];
		if (colname && (!attname || strcmp(attname, colname) != 0))
			strbuf_printf(&tb, " AS %s", quote_ident(r, colname));
		r->buf = saved;
		if (r->wrap >= 0 && tb.len) {
			if (tb.data[0] == '\n') {
				remove_spaces(r->buf);
			} else {
				const char *nl = strrchr(r->buf->data, '\n');
				nl = nl ? nl + 1 : r->buf->data;
				if (i > 0 &&
				    (strlen(nl) + tb.len > (size_t)r->wrap || last_multiline))
					keyword(r, "", -STD, STD, VAR);
			}
			last_multiline = strchr(tb.data + (tb.data[0] == '\n'), '\n') != NULL;
		}
		if (tb.len)
			strbuf_append(r->buf, tb.data, tb.len);
		if (tb.failed)
			r->buf->failed = true;
		strbuf_fini(&tb);
	}
}

static void print_from_item(struct ru *r, const struct rfrom *f)
{
	if (f->kind == 'r') {
		put(r, f->text);
		/* the alias as written, or the name set_rtable_names gave it */
		if (f->aliased || strcmp(*f->shown, f->relname) != 0)
			strbuf_printf(r->buf, " %s", quote_ident(r, *f->shown));
		return;
	}
	if (f->kind == 's') {
		put(r, "(");
		print_query(r, f->sub, NULL, 0, true);
		strbuf_printf(r->buf, ") %s", quote_ident(r, *f->shown));
		return;
	}
	bool paren_right = r->paren && f->r->kind == 'j';
	if (!r->paren)
		put(r, "(");
	print_from_item(r, f->l);
	const char *kw = f->cross                                   ? " CROSS JOIN "
			 : f->jt == PG_QUERY__JOIN_TYPE__JOIN_LEFT  ? " LEFT JOIN "
			 : f->jt == PG_QUERY__JOIN_TYPE__JOIN_RIGHT ? " RIGHT JOIN "
			 : f->jt == PG_QUERY__JOIN_TYPE__JOIN_FULL  ? " FULL JOIN "
								    : " JOIN ";
	keyword(r, kw, -STD, STD, JOIN);
	if (paren_right)
		put(r, "(");
	print_from_item(r, f->r);
	if (paren_right)
		put(r, ")");
	if (f->nusing) {
		put(r, " USING (");
		for (size_t i = 0; i < f->nusing; i++) {
			put(r, i ? ", " : "");
			put(r, f->using[i]);
		}
		put(r, ")");
	} else if (f->quals) {
		put(r, " ON ");
		if (!r->paren)
			put(r, "(");
		print_expr(r, f->quals, false);
		if (!r->paren)
			put(r, ")");
	}
	if (!r->paren)
		put(r, ")");
}

static void print_from(struct ru *r, const struct rquery *q)
{
	for (size_t i = 0; i < q->nfrom; i++) {
		if (i == 0) {
			keyword(r, " FROM ", -STD, STD, 2);
			print_from_item(r, q->from[i]);
			continue;
		}
		put(r, ", ");
		struct strbuf ib, *saved = r->buf;
		strbuf_init(&ib, 0);
		r->buf = &ib;
		print_from_item(r, q->from[i]);
		r->buf = saved;
		if (r->wrap >= 0 && ib.len) {
			if (ib.data[0] == '\n') {
				remove_spaces(r->buf);
			} else {
				const char *nl = strrchr(r->buf->data, '\n');
				nl = nl ? nl + 1 : r->buf->data;
				if (strlen(nl) + ib.len > (size_t)r->wrap)
					keyword(r, "", -STD, STD, VAR);
			}
		}
		if (ib.len)
			strbuf_append(r->buf, ib.data, ib.len);
		if (ib.failed)
			r->buf->failed = true;
		strbuf_fini(&ib);
	}
}

static void print_basic(struct ru *r, const struct rquery *q, const char *const *coldesc,
			size_t ncoldesc, bool names_visible)
{
	r->indent += STD;
	put(r, " SELECT");
	if (q->distinct)
		put(r, " DISTINCT");
	print_target_list(r, q, coldesc, ncoldesc, names_visible);
	print_from(r, q);
	if (q->where) {
		keyword(r, " WHERE ", -STD, STD, 1);
		print_expr(r, q->where, false);
	}
	if (q->ngroup) {
		keyword(r, " GROUP BY ", -STD, STD, 1);
		for (size_t i = 0; i < q->ngroup; i++) {
			put(r, i ? ", " : "");
			print_sortgroup(r, q->group[i]);
		}
	}
	if (q->having) {
		keyword(r, " HAVING ", -STD, STD, 0);
		print_expr(r, q->having, false);
	}
}

static void print_setop(struct ru *r, const struct rquery *q, const char *const *coldesc,
			size_t ncoldesc, bool names_visible)
{
	if (!q->larg) {
		print_query(r, q, coldesc, ncoldesc, names_visible);
		return;
	}
	bool paren = q->larg->larg && (q->larg->op != q->op || q->larg->all != q->all);
	int sub = paren ? STD : 0;
	if (paren) {
		put(r, "(");
		keyword(r, "", sub, 0, 0);
	}
	print_setop(r, q->larg, coldesc, ncoldesc, names_visible);
	if (paren)
		keyword(r, ") ", -sub, 0, 0);
	else
		keyword(r, "", -sub, 0, 0);
	put(r, q->op == PG_QUERY__SET_OPERATION__SETOP_UNION       ? "UNION "
	       : q->op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT ? "INTERSECT "
								   : "EXCEPT ");
	if (q->all)
		put(r, "ALL ");
	paren = q->rarg->larg != NULL;
	sub = paren ? STD : 0;
	if (paren)
		put(r, "(");
	keyword(r, "", sub, 0, 0);
	print_setop(r, q->rarg, coldesc, ncoldesc, false);
	r->indent -= sub;
	if (paren)
		keyword(r, ")", 0, 0, 0);
}

/* get_query_def: at the indentation it is called with, which it leaves as it found it */
static void print_query(struct ru *r, const struct rquery *q, const char *const *coldesc,
			size_t ncoldesc, bool names_visible)
{
	int saved = r->indent;
	if (q->nctes) {
		r->indent += STD;
		put(r, " ");
		for (size_t i = 0; i < q->nctes; i++) {
			put(r, i ? ", " : "WITH ");
			put(r, quote_ident(r, q->ctes[i].name));
			put(r, " AS (");
			keyword(r, "", 0, 0, 0);
			print_query(r, q->ctes[i].q, NULL, 0, true);
			keyword(r, "", 0, 0, 0);
			put(r, ")");
		}
		r->indent -= STD;
		keyword(r, "", 0, 0, 0);
	}
	if (q->larg)
		print_setop(r, q, coldesc, ncoldesc, names_visible);
	else
		print_basic(r, q, coldesc, ncoldesc, names_visible);
	if (q->nsort) {
		keyword(r, " ORDER BY ", -STD, STD, 1);
		for (size_t i = 0; i < q->nsort; i++) {
			const struct rsort *o = &q->sort[i];
			put(r, i ? ", " : "");
			if (q->larg)
				put(r, o->e->text);
			else
				print_sortgroup(r, o->e);
			if (o->desc)
				put(r, " DESC");
			if (o->nulls_first && !o->desc)
				put(r, " NULLS FIRST");
			else if (!o->nulls_first && o->desc)
				put(r, " NULLS LAST");
		}
	}
	if (q->offset) {
		keyword(r, " OFFSET ", -STD, STD, 0);
		print_expr(r, q->offset, false);
	}
	if (q->limit) {
		keyword(r, " LIMIT ", -STD, STD, 0);
		print_expr(r, q->limit, false);
	}
	r->indent = saved;
}

/* The top query's output columns must have the types the view's columns have (the column
 * sidecar keeps what the translator gave them): a target typed otherwise here is one whose
 * PostgreSQL cast the SQLite text lost, written as deparsed. */
static void check_targets(struct ru *r, struct rquery *q, const struct xlat_schema_col *cols,
			  size_t ncols, const PgQuery__SelectStmt *s)
{
	if (q->larg || q->ntargets != ncols)
		return;
	for (size_t i = 0; i < ncols; i++) {
		const struct rnode *e = q->targets[i];
		/* a column reference reads as written whatever its type; a view's column of
		 * type 0 is one the catalog shows as text */
		if (e->kind == R_RAW || e->kind == R_VAR || cols[i].type_oid == e->type.oid ||
		    (!cols[i].type_oid && e->type.oid == PGTYPE_TEXT))
			continue;
		/* a literal the translator wrote without its cast ('2024-01-01'::date): a
		 * constant of the view column's type, as PostgreSQL folds it */
		PgQuery__Node *n = s->target_list[i]->res_target->val;
		struct rnode *c = n->node_case == NODE(A_CONST) &&
						  n->a_const->val_case ==
							  PG_QUERY__A__CONST__VAL_SVAL &&
						  cols[i].type_oid
					  ? a_const(r, n->a_const)
					  : NULL;
		c = c ? coerce(r, c, T(cols[i].type_oid)) : NULL;
		q->targets[i] = c && c->kind == R_CONST ? c : raw(r, n);
	}
}

bool xlat_ruleutils_viewdef(const char *view, PgQuery__SelectStmt *s,
			    const struct xlat_schema *schema, const char *qualify, bool pretty,
			    int wrap, struct arena *a, const char **out)
{
	struct ru r = {.a = a, .schema = schema, .qualify = qualify, .paren = pretty, .wrap = wrap};
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	if (!schema || !schema->table_fn(schema->arg, view, a, &cols, &ncols))
		return false;
	struct rquery *q = analyze_select(&r, s);
	if (!q || r.fail)
		return false;
	check_targets(&r, q, cols, ncols, s);
	/* a view's query has its rule's "old" and "new" before its own relations */
	const char *rule_rels[] = {"old", "new"};
	const struct names top = {rule_rels, ARRAY_LEN(rule_rels)};
	rename_query(&r, q, &top);
	const char **names = arena_zalloc(a, (ncols ? ncols : 1) * sizeof(*names));
	for (size_t i = 0; i < ncols; i++)
		names[i] = cols[i].name;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	r.buf = &sb;
	print_query(&r, q, names, ncols, true);
	put(&r, ";");
	bool ok = !sb.failed && !r.fail;
	if (ok)
		*out = arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return ok;
}
