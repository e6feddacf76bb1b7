/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_pred.c: predicates — LIKE/ILIKE with PostgreSQL's escape rules, IN lists, BETWEEN
 * [SYMMETRIC], IS [NOT] DISTINCT FROM, NULL and boolean tests, and subqueries (EXISTS, IN,
 * quantified comparisons, scalar). All of them yield boolean except scalar subqueries. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static const struct xlat_type T_BOOL = {XLAT_OID_BOOL, -1};
static const struct xlat_type T_UNKNOWN_COL = {XLAT_OID_UNKNOWN_COL, -1};

static bool string_const(const PgQuery__Node *n)
{
	return n->node_case == NODE(A_CONST) && !n->a_const->isnull &&
	       n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
}

/* lhs [NOT] LIKE pat [ESCAPE esc], ILIKE as lower() LIKE lower(). */
static bool like_body(struct xlat_ctx *c, const PgQuery__AExpr *e, const PgQuery__Node *pat,
		      const PgQuery__Node *esc, bool ilike, bool negate)
{
	struct xlat_type ignored;
	if (ilike)
		xlat_puts(c, "lower(");
	size_t mark = c->sb->len;
	struct xlat_type lt;
	if (!(ilike ? xlat_expr : xlat_cmp_operand)(c, e->lexpr, &lt))
		return false;
	xlat_bpchar_pad(c, mark, lt); /* LIKE sees char(n)'s padding */
	xlat_puts(c, ilike ? ") " : " ");
	xlat_puts(c, negate ? "NOT LIKE " : "LIKE ");
	if (ilike)
		xlat_puts(c, "lower(");
	if (!(ilike ? xlat_expr : xlat_cmp_operand)(c, pat, &ignored))
		return false;
	xlat_infer_like(c, pat, (struct xlat_type){XLAT_OID_TEXT, -1});
	if (ilike)
		xlat_puts(c, ")");
	bool literal = pat->node_case == NODE(A_CONST) &&
		       pat->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
	if (esc) {
		bool empty = esc->node_case == NODE(A_CONST) &&
			     esc->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL &&
			     !*esc->a_const->sval->sval;
		if (empty)
			return true; /* ESCAPE '' turns escaping off: SQLite's default */
		xlat_puts(c, " ESCAPE ");
		return xlat_operand(c, esc, &ignored);
	}
	if (!literal || strchr(xlat_const_value(c, pat)->sval->sval, '\\'))
		xlat_puts(c, " ESCAPE '\\'");
	return true;
}

/* The escape of a LIKE whose ESCAPE clause (esc, NULL: none) is a string literal, PostgreSQL's
 * default backslash without one, pinned; NULL when it is no literal or no single character
 * (like()'s 22025 at run time). */
static const char *range_escape(struct xlat_ctx *c, const PgQuery__Node *esc)
{
	if (!esc)
		return "\\";
	if (!string_const(esc))
		return NULL;
	const char *v = xlat_const_value(c, esc)->sval->sval;
	size_t n = strlen(v), k = 1;
	while (k < n && ((unsigned char)v[k] & 0xc0) == 0x80)
		k++;
	return k >= n ? v : NULL;
}

/* ((col >= lo AND col < hi) OR col >= x'') AND ... for col LIKE pat on a column of one of
 * the tenant's tables that SQLite compares as text (TEXT affinity, text or varchar: every
 * value it holds is text, or a blob a foreign writer stored, which sorts above every text and
 * which like() reads bytewise: the x'' branch, a second index range), so that SQLite searches
 * an index on col as its own LIKE optimization did: lo the pattern's literal prefix, hi the
 * least text above every text beginning with it (x'' when there is none: then col >= lo
 * alone), compared bytewise (COLLATE BINARY: PostgreSQL's LIKE is). A literal pattern's
 * bounds are written as literals (the pattern is pinned, xlat_cache.c), none when its prefix
 * is empty; a parameter's are pgfn_like_lo/hi($n, esc), constant for the statement. Not in
 * DDL (a view's, CHECK's, index's stored text stays the LIKE alone). 1 written (the caller
 * closes the parenthesis), 0 not such a LIKE, -1 failed. */
static int like_range(struct xlat_ctx *c, const PgQuery__AExpr *e, const PgQuery__Node *pat,
		      const PgQuery__Node *esc)
{
	if ((c->st && c->st->is_ddl) || (c->flags & XLAT_X_NOSUBQUERY) ||
	    e->lexpr->node_case != NODE(COLUMN_REF))
		return 0;
	const struct xlat_schema_col *k = xlat_scope_text_col(c, e->lexpr->column_ref);
	if (!k || (k->type_oid != XLAT_OID_TEXT && k->type_oid != XLAT_OID_VARCHAR))
		return 0;
	bool param = pat->node_case == NODE(PARAM_REF);
	if (param) {
		int n = pat->param_ref->number;
		uint32_t given = n >= 1 && n <= c->ngiven ? c->given[n - 1] : 0;
		if (given && given != XLAT_OID_TEXT && given != XLAT_OID_VARCHAR &&
		    given != XLAT_OID_UNKNOWN)
			return 0;
	} else if (!string_const(pat)) {
		return 0;
	}
	const char *escv = range_escape(c, esc);
	if (!escv)
		return 0;
	char *lo = NULL, *hi = NULL;
	size_t lolen = 0, hilen = 0;
	bool upper = false;
	if (!param) {
		const char *v = xlat_const_value(c, pat)->sval->sval;
		size_t n = strlen(v);
		lo = arena_alloc(c->a, n + 1);
		hi = arena_alloc(c->a, n + 5);
		lolen = pgtype_like_prefix(v, n, escv, strlen(escv), lo);
		if (!lolen)
			return 0; /* every text begins with '': no range */
		lo[lolen] = '\0';
		upper = pgtype_like_upper(lo, lolen, hi, &hilen);
		hi[hilen] = '\0';
	}
	struct xlat_type ignored;
	bool bounded = param || upper;
	xlat_puts(c, bounded ? "(((" : "(");
	for (int i = 0; i < (bounded ? 3 : 1); i++) {
		if (!xlat_cmp_operand(c, e->lexpr, &ignored))
			return -1;
		xlat_puts(c, i == 1 ? " < " : " >= ");
		if (i == 2) { /* a blob: above every text, where like() reads its bytes */
			xlat_puts(c, "x'') AND ");
			break;
		}
		if (param) {
			xlat_puts(c, i ? "pgfn_like_hi(" : "pgfn_like_lo(");
			if (!xlat_cmp_operand(c, pat, &ignored))
				return -1;
			xlat_infer_like(c, pat, (struct xlat_type){XLAT_OID_TEXT, -1});
			xlat_puts(c, ", ");
			xlat_string(c, escv);
			xlat_puts(c, ")");
		} else {
			xlat_string(c, i ? hi : lo);
		}
		xlat_puts(c, i == 1 ? " COLLATE BINARY) OR " : " COLLATE BINARY AND ");
	}
	return 1;
}

/* LIKE/ILIKE. PostgreSQL's default escape character is the backslash; SQLite has none, so
 * it is spelled out unless the pattern is a literal without one. ILIKE lower-cases both sides
 * (ASCII only, see docs/sql-compat.md); SQLite's LIKE operator calls pgfn's like()
 * (pgfn_like.c), PostgreSQL's case-sensitive matcher. A plain LIKE of a table's text column
 * gets the range of its pattern's prefix beside it (like_range). */
bool xlat_like(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	const char *op = xlat_node_str(e->name[0]);
	bool ilike = e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE;
	bool negate = op && op[0] == '!';
	if (!ilike && xlat_citext_operand(c, e->lexpr))
		ilike = true; /* citext's LIKE is texticlike */
	const PgQuery__Node *pat = e->rexpr, *esc = NULL;
	if (pat->node_case == NODE(FUNC_CALL) && pat->func_call->n_args == 2 &&
	    strcmp(xlat_node_str(pat->func_call->funcname[pat->func_call->n_funcname - 1]),
		   "like_escape") == 0) {
		esc = pat->func_call->args[1];
		pat = pat->func_call->args[0];
	}
	*t = T_BOOL;
	int range = ilike || negate ? 0 : like_range(c, e, pat, esc);
	if (range < 0 || !like_body(c, e, pat, esc, ilike, negate))
		return false;
	if (range)
		xlat_puts(c, ")");
	return true;
}

/* '1' IN (1, 2): an untyped literal tested against a list takes the type of the list's first
 * typed item, as PostgreSQL resolves the IN's common type (it was compared as text with the
 * integers). 1 emitted as that type (*t), 0 not such a case, -1 failed. */
static int untyped_in_operand(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	if (!string_const(e->lexpr))
		return 0;
	for (size_t i = 0; i < e->rexpr->list->n_items; i++) {
		const PgQuery__Node *item = e->rexpr->list->items[i];
		struct xlat_type it;
		if (string_const(item) || !xlat_scope_dry_expr(c, item, &it) || !it.oid ||
		    it.oid == XLAT_OID_UNKNOWN)
			continue;
		int lit = xlat_infer_literal(c, e->lexpr, it);
		if (lit > 0)
			*t = it;
		return lit;
	}
	return 0;
}

bool xlat_in_list(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	const char *op = xlat_node_str(e->name[0]);
	*t = T_BOOL;
	if (e->rexpr->node_case != NODE(LIST))
		return xlat_unsupported(c, e->location, "this IN form");
	struct xlat_type lt;
	size_t mark = c->sb->len;
	int typed = untyped_in_operand(c, e, &lt);
	if (typed < 0 || (!typed && !xlat_cmp_operand(c, e->lexpr, &lt)))
		return false;
	if (lt.oid == XLAT_OID_INTERVAL) { /* interval_cmp's equality: 1 day = 24 hours */
		xlat_insert_at(c, mark, "(");
		xlat_puts(c, ") COLLATE pgfn_interval");
	}
	xlat_puts(c, strcmp(op, "<>") == 0 ? " NOT IN (" : " IN (");
	for (size_t i = 0; i < e->rexpr->list->n_items; i++) {
		struct xlat_type it = {0, -1};
		const PgQuery__Node *item = e->rexpr->list->items[i];
		xlat_puts(c, i ? ", " : "");
		size_t at = c->sb->len;
		if (string_const(item) && lt.oid >= 16384 && xlat_comptype_of_oid(c, lt.oid)) {
			/* t IN (..., '(1,x)'): the list's common type is the row type, which reads
			 * the literal (= alone would take it as record's, xlat_infer_literal) */
			xlat_puts(c, "pgfn_record_in(");
			xlat_string(c, item->a_const->sval->sval);
			xlat_printf(c, "%s)", xlat_comptype_spec(c, lt.oid));
			continue;
		}
		int lit = xlat_infer_literal(c, item, lt);
		if (lit < 0 || (!lit && !xlat_expr(c, item, &it)))
			return false;
		/* oid IN ('f'::regproc, ...): a regproc value is the function's name, looked up
		 * as = looks it up (xlat_expr.c's regproc_cmp) */
		if (!lit && it.oid == XLAT_OID_REGPROC && lt.oid == XLAT_OID_OID) {
			xlat_insert_at(c, at, "pg_regproc_match(");
			xlat_puts(c, ")");
		}
	}
	for (size_t i = 0; i < e->rexpr->list->n_items; i++)
		xlat_infer_like(c, e->rexpr->list->items[i], lt);
	xlat_puts(c, ")");
	return true;
}

/* A BETWEEN bound: a string literal is read as the tested value's type, as PostgreSQL
 * resolves an unknown literal ('2024-1-5' against a date column is 2024-01-05). */
static bool bound_operand(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t)
{
	struct xlat_type ignored;
	int lit = xlat_infer_literal(c, n, t);
	return lit > 0 || (lit == 0 && xlat_cmp_operand(c, n, &ignored));
}

const PgQuery__Node *xlat_op_node(struct xlat_ctx *c, const char *op, const PgQuery__Node *x,
				  const PgQuery__Node *y, int location)
{
	PgQuery__String *str = arena_zalloc(c->a, sizeof(*str));
	pg_query__string__init(str);
	str->sval = (char *)op;
	PgQuery__Node *name = arena_zalloc(c->a, sizeof(*name));
	pg_query__node__init(name);
	name->node_case = NODE(STRING);
	name->string = str;
	PgQuery__AExpr *e = arena_zalloc(c->a, sizeof(*e));
	pg_query__a__expr__init(e);
	e->kind = PG_QUERY__A__EXPR__KIND__AEXPR_OP;
	e->name = arena_zalloc(c->a, sizeof(*e->name));
	e->name[0] = name;
	e->n_name = 1;
	e->lexpr = (PgQuery__Node *)x;
	e->rexpr = (PgQuery__Node *)y;
	e->location = location;
	PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
	pg_query__node__init(n);
	n->node_case = NODE(A_EXPR);
	n->a_expr = e;
	return n;
}

/* Whether a bound of a date/time x has another date/time type (a timestamp against a
 * timestamptz column): SQLite's BETWEEN would compare their stored texts. */
static bool dt_mixed(struct xlat_ctx *c, struct xlat_type xt, const PgQuery__Node *b)
{
	struct xlat_type bt;
	return xlat_type_is_temporal(xt.oid) && xlat_scope_dry_expr(c, b, &bt) &&
	       xlat_type_is_temporal(bt.oid) && bt.oid != xt.oid;
}

static bool between_one(struct xlat_ctx *c, const PgQuery__Node *x, const PgQuery__Node *lo,
			const PgQuery__Node *hi, bool negate)
{
	struct xlat_type xt;
	if (xlat_scope_dry_expr(c, x, &xt) && (dt_mixed(c, xt, lo) || dt_mixed(c, xt, hi))) {
		/* x >= lo AND x <= hi, as PostgreSQL's parser expands it: each comparison
		 * converts its operands (x is written twice, so is its text) */
		struct xlat_type ignored;
		int loc = xlat_tree_location(&x->base);
		xlat_nocache(c);
		xlat_puts(c, negate ? "NOT (" : "(");
		bool ok = xlat_expr(c, xlat_op_node(c, ">=", x, lo, loc), &ignored);
		xlat_puts(c, " AND ");
		ok = ok && xlat_expr(c, xlat_op_node(c, "<=", x, hi, loc), &ignored);
		xlat_puts(c, ")");
		return ok;
	}
	size_t mark = c->sb->len;
	/* $1 BETWEEN 1 AND 2 is $1 >= 1 AND $1 <= 2 to PostgreSQL: $1 takes lo's type */
	struct xlat_type lt = {0, -1};
	bool untyped = xlat_untyped_param(c, x);
	if (untyped && xlat_scope_dry_expr(c, lo, &lt))
		xlat_infer_like(c, x, lt);
	if (!xlat_cmp_operand(c, x, &xt))
		return false;
	if (untyped && lt.oid && lt.oid != XLAT_OID_UNKNOWN) {
		xt = (struct xlat_type){lt.oid == XLAT_OID_VARCHAR ? XLAT_OID_TEXT : lt.oid, -1};
		(void)xlat_numeric_param_operand(c, x, xt, mark, c->sb->len);
	}
	const char *coll = xlat_enum_collation(c, xt.oid); /* enums: by their sort order */
	if (coll) {
		xlat_insert_at(c, mark, "(");
		xlat_printf(c, ")%s", coll);
	}
	xlat_infer_like(c, lo, xt);
	xlat_infer_like(c, hi, xt);
	xlat_puts(c, negate ? " NOT BETWEEN " : " BETWEEN ");
	if (!bound_operand(c, lo, xt))
		return false;
	xlat_puts(c, " AND ");
	return bound_operand(c, hi, xt);
}

/* BETWEEN SYMMETRIC is expanded exactly as PostgreSQL's own parse analysis expands it. */
bool xlat_between(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	PgQuery__AExprKind k = e->kind;
	bool negate = k == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN ||
		      k == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM;
	bool sym = k == PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM ||
		   k == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM;
	*t = T_BOOL;
	if (e->rexpr->node_case != NODE(LIST) || e->rexpr->list->n_items != 2)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, e->location, "malformed BETWEEN");
	PgQuery__Node *lo = e->rexpr->list->items[0], *hi = e->rexpr->list->items[1];
	if (!sym)
		return between_one(c, e->lexpr, lo, hi, negate);
	xlat_puts(c, "((");
	bool ok = between_one(c, e->lexpr, lo, hi, negate);
	xlat_puts(c, negate ? ") AND (" : ") OR (");
	ok = ok && between_one(c, e->lexpr, hi, lo, negate);
	xlat_puts(c, "))");
	return ok;
}

bool xlat_distinct(struct xlat_ctx *c, const PgQuery__AExpr *e, bool is_not, struct xlat_type *t)
{
	struct xlat_type ignored;
	struct xlat_type lt;
	*t = T_BOOL;
	size_t mark = c->sb->len;
	if (!xlat_cmp_operand(c, e->lexpr, &lt))
		return false;
	if (lt.oid == XLAT_OID_INTERVAL) { /* interval_cmp's equality: 1 day = 24 hours */
		xlat_insert_at(c, mark, "(");
		xlat_puts(c, ") COLLATE pgfn_interval");
	}
	xlat_infer_like(c, e->rexpr, lt);
	size_t lend = c->sb->len;
	xlat_puts(c, is_not ? " IS NOT " : " IS ");
	if (!xlat_cmp_operand(c, e->rexpr, &ignored))
		return false;
	/* citext's = (or text's, beside a text) decides, as for = (xlat_citext.c) */
	const char *coll = xlat_citext_collation(lt.oid, ignored.oid);
	if (coll) {
		xlat_insert_at(c, lend, arena_printf(c->a, ")%s", coll));
		xlat_insert_at(c, mark, "(");
	}
	return true;
}

bool xlat_null_test(struct xlat_ctx *c, const PgQuery__NullTest *nt, struct xlat_type *t)
{
	struct xlat_type ignored;
	*t = T_BOOL;
	bool is_null = nt->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NULL;
	if (nt->arg->node_case == NODE(ROW_EXPR)) { /* every field NULL / none NULL */
		const PgQuery__RowExpr *r = nt->arg->row_expr;
		xlat_puts(c, "(");
		for (size_t i = 0; i < r->n_args; i++) {
			if (r->args[i]->node_case == NODE(ROW_EXPR))
				return xlat_unsupported(c, nt->location, "IS NULL on a nested row value");
			xlat_puts(c, i ? " AND " : "");
			if (!xlat_cmp_operand(c, r->args[i], &ignored))
				return false;
			xlat_puts(c, is_null ? " IS NULL" : " IS NOT NULL");
		}
		xlat_puts(c, r->n_args ? ")" : "1)");
		return true;
	}
	int composite = xlat_composite_null_test(c, nt); /* field by field */
	if (composite)
		return composite > 0;
	if (!xlat_cmp_operand(c, nt->arg, &ignored))
		return false;
	xlat_puts(c, nt->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NULL ? " IS NULL"
									   : " IS NOT NULL");
	return true;
}

bool xlat_boolean_test(struct xlat_ctx *c, const PgQuery__BooleanTest *bt, struct xlat_type *t)
{
	static const char *const forms[] = {
		[PG_QUERY__BOOL_TEST_TYPE__IS_TRUE] = " IS TRUE",
		[PG_QUERY__BOOL_TEST_TYPE__IS_NOT_TRUE] = " IS NOT TRUE",
		[PG_QUERY__BOOL_TEST_TYPE__IS_FALSE] = " IS FALSE",
		[PG_QUERY__BOOL_TEST_TYPE__IS_NOT_FALSE] = " IS NOT FALSE",
		[PG_QUERY__BOOL_TEST_TYPE__IS_UNKNOWN] = " IS NULL",
		[PG_QUERY__BOOL_TEST_TYPE__IS_NOT_UNKNOWN] = " IS NOT NULL",
	};
	struct xlat_type ignored;
	*t = T_BOOL;
	if ((size_t)bt->booltesttype >= ARRAY_LEN(forms) || !forms[bt->booltesttype])
		return xlat_unsupported(c, bt->location, "this boolean test");
	if (!xlat_cmp_operand(c, bt->arg, &ignored))
		return false;
	xlat_puts(c, forms[bt->booltesttype]);
	return true;
}

static bool subquery(struct xlat_ctx *c, const PgQuery__Node *sel, struct xlat_shape *shape)
{
	if (c->flags & (XLAT_X_NOSUBQUERY | XLAT_X_CONVERT))
		return xlat_unsupported(c, -1, "a subquery in this context");
	if (sel->node_case != NODE(SELECT_STMT))
		return xlat_unsupported(c, -1, "this subquery");
	/* No volatile_seen++ of its own: within one statement a subquery gives the same rows each
	 * time it runs (one snapshot), so only a volatile function inside it (which counts
	 * itself) makes it unsafe to evaluate twice — pgloader's GREATEST(max(id), (SELECT
	 * seqmin ...), 1) is not. */
	xlat_puts(c, "(");
	bool ok = xlat_select(c, sel->select_stmt, shape);
	xlat_puts(c, ")");
	return ok;
}

/* The SQLite text of x (a comparison operand, or with shape a subquery), emitted aside so
 * that it may be pasted more than once. */
static const char *aside(struct xlat_ctx *c, const PgQuery__Node *x, struct xlat_shape *shape)
{
	struct strbuf scratch, *saved = c->sb;
	struct xlat_type ignored;
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	bool ok = shape ? subquery(c, x, shape) : xlat_cmp_operand(c, x, &ignored);
	c->sb = saved;
	const char *text = ok && !scratch.failed ? arena_strdup(c->a, scratch.data ? scratch.data : "")
						 : NULL;
	strbuf_fini(&scratch);
	if (ok && !text)
		xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	return text;
}

/* One statistic of the subquery's column v: (WITH shardlite_q(v) AS (sub) SELECT stat). */
static void sub_stat(struct xlat_ctx *c, const char *sub, const char *stat)
{
	xlat_printf(c, "(WITH shardlite_q(shardlite_qv) AS %s SELECT %s FROM shardlite_q)", sub,
		    stat);
}

/* x op ANY/ALL (SELECT v ...) for the other comparison operators, with PostgreSQL's answer:
 *   no rows: ANY false, ALL true;
 *   else decided by the extreme row (ANY: x > ANY when x > min(v); ALL: x > ALL unless
 *   x <= max(v); = ALL and <> ANY by min and max both);
 *   else NULL when x or some v is NULL; else ALL true, ANY false.
 * x stays outside the subqueries, so it may be an aggregate of the enclosing query (HAVING);
 * the subquery is pasted once per statistic (SQLite names its one column by the CTE). */
static bool quantified_fold(struct xlat_ctx *c, const PgQuery__SubLink *s, bool any,
			    const char *op)
{
	if (s->testexpr->node_case == NODE(ROW_EXPR))
		return xlat_unsupported(c, s->location, "a row compared with ANY/ALL (subquery)");
	struct xlat_shape shape = {0};
	const char *x = aside(c, s->testexpr, NULL);
	const char *sub = x ? aside(c, s->subselect, &shape) : NULL;
	if (!sub)
		return false;
	if (!shape.star && shape.n != 1)
		return xlat_fail(c, "42601", s->location, "subquery has %s columns",
				 shape.n > 1 ? "too many" : "too few");
	bool eq = strcmp(op, "=") == 0 || strcmp(op, "<>") == 0;
	bool low = op[0] == '>'; /* ANY: x > min(v); ALL: x > max(v) */
	xlat_puts(c, "(CASE WHEN ");
	sub_stat(c, sub, "count(*)");
	xlat_printf(c, " = 0 THEN %d WHEN ", !any);
	if (eq) {
		xlat_printf(c, "(%s) <> ", x);
		sub_stat(c, sub, "min(shardlite_qv)");
		xlat_printf(c, " OR (%s) <> ", x);
		sub_stat(c, sub, "max(shardlite_qv)");
	} else {
		xlat_printf(c, "%s(%s) %s ", any ? "(" : "NOT (", x, op);
		sub_stat(c, sub, low == any ? "min(shardlite_qv)" : "max(shardlite_qv)");
		xlat_puts(c, ")");
	}
	xlat_printf(c, " THEN %d WHEN (%s) IS NULL OR ", any, x);
	sub_stat(c, sub, "count(*) - count(shardlite_qv)");
	xlat_printf(c, " > 0 THEN NULL ELSE %d END)", !any);
	return true;
}

/* x IN (SELECT ...) and x <> ALL (SELECT ...) = x NOT IN (SELECT ...), whose NULL semantics
 * SQLite shares; the other comparison operators fold the subquery's rows. */
static bool quantified(struct xlat_ctx *c, const PgQuery__SubLink *s, struct xlat_type *t)
{
	static const char *const ops[] = {"=", "<>", "!=", "<", "<=", ">", ">="};
	bool any = s->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK;
	const char *op = s->n_oper_name ? xlat_node_str(s->oper_name[s->n_oper_name - 1]) : "=";
	struct xlat_type ignored;
	*t = T_BOOL;
	size_t k = 0;
	while (op && k < ARRAY_LEN(ops) && strcmp(ops[k], op) != 0)
		k++;
	if (!op || k == ARRAY_LEN(ops) || s->n_oper_name > 1)
		return xlat_unsupported(c, s->location,
					arena_printf(c->a, "%s with operator %s and a subquery",
						     any ? "ANY" : "ALL", op ? op : "?"));
	if ((any && k != 0) || (!any && k != 1 && k != 2))
		return quantified_fold(c, s, any, k == 2 ? "<>" : op);
	int typed = 0;
	if (string_const(s->testexpr)) { /* '1' IN (SELECT 1): the literal as the column's type */
		PgQuery__SubLink scalar = *s;
		PgQuery__Node n = PG_QUERY__NODE__INIT;
		struct xlat_type col;
		scalar.sub_link_type = PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK;
		scalar.testexpr = NULL;
		n.node_case = NODE(SUB_LINK);
		n.sub_link = &scalar;
		if (xlat_scope_dry_expr(c, &n, &col) && col.oid && col.oid != XLAT_OID_UNKNOWN &&
		    col.oid != XLAT_OID_UNKNOWN_COL)
			typed = xlat_infer_literal(c, s->testexpr, col);
	}
	size_t mark = c->sb->len;
	if (typed < 0 || (!typed && !xlat_cmp_operand(c, s->testexpr, &ignored)))
		return false;
	if (!typed && ignored.oid == XLAT_OID_INTERVAL) { /* interval_cmp's: 1 day = 24 hours */
		xlat_insert_at(c, mark, "(");
		xlat_puts(c, ") COLLATE pgfn_interval");
	}
	xlat_puts(c, any ? " IN " : " NOT IN ");
	return subquery(c, s->subselect, NULL);
}

/* Whether a one-column subquery may answer more than one row: not an aggregate without
 * GROUP BY, a LIMIT 0 or 1, or a plain expression without FROM. */
static bool may_be_rows(const PgQuery__SelectStmt *q)
{
	if (q->op != PG_QUERY__SET_OPERATION__SETOP_NONE || q->n_values_lists)
		return true;
	const PgQuery__Node *lim = q->limit_count;
	if (lim && lim->node_case == NODE(A_CONST) && lim->a_const->val_case ==
	    PG_QUERY__A__CONST__VAL_IVAL && (!lim->a_const->ival || lim->a_const->ival->ival <= 1))
		return false;
	const PgQuery__Node *v = q->n_target_list ? q->target_list[0]->res_target->val : NULL;
	bool fn = v && v->node_case == NODE(FUNC_CALL);
	if (!q->n_from_clause && !fn)
		return false;
	if (!fn || q->n_group_clause || v->func_call->over)
		return true;
	const PgQuery__FuncCall *f = v->func_call;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	return !(f->agg_star || (name && xlat_func_class(name) == XLAT_FN_AGG));
}

/* (SELECT e ...): PostgreSQL's 21000 for a second row, where SQLite answers the first:
 * (WITH shardlite_sub(v) AS (SELECT e ...) SELECT shardlite_scalar(v) FROM shardlite_sub),
 * whose aggregate reads the rows (the CTE is flattened into it, correlated or not). */
static bool scalar_subquery(struct xlat_ctx *c, const PgQuery__Node *sel,
			    struct xlat_shape *shape)
{
	size_t n = 0;
	bool wrap = sel->node_case == NODE(SELECT_STMT) && !(c->flags & XLAT_X_NOSUBQUERY) &&
		    xlat_select_colnames(c, sel->select_stmt, &n) && n >= 1 &&
		    may_be_rows(sel->select_stmt);
	if (!wrap)
		return subquery(c, sel, shape);
	if (n == 1) {
		xlat_puts(c, "(WITH shardlite_sub(v) AS ");
		bool ok = subquery(c, sel, shape);
		xlat_puts(c, " SELECT shardlite_scalar(v) FROM shardlite_sub)");
		return ok;
	}
	/* a row subquery compared with a row, ROW(1, 2) = (SELECT a, b ...): one aggregate per
	 * column, each refusing a second row (issue #3: SQLite compared the first row) */
	xlat_puts(c, "(WITH shardlite_sub(");
	for (size_t k = 0; k < n; k++)
		xlat_printf(c, "%sv%zu", k ? ", " : "", k + 1);
	xlat_puts(c, ") AS ");
	bool ok = subquery(c, sel, shape);
	xlat_puts(c, " SELECT ");
	for (size_t k = 0; k < n; k++)
		xlat_printf(c, "%sshardlite_scalar(v%zu)", k ? ", " : "", k + 1);
	xlat_puts(c, " FROM shardlite_sub)");
	return ok;
}

/* (WITH shardlite_sub(v1, v2) AS (SELECT x, y ...) SELECT shardlite_scalar(v1),
 * shardlite_scalar(v2) FROM shardlite_sub): one row, each aggregate refusing a second. */
bool xlat_row_subquery(struct xlat_ctx *c, const PgQuery__Node *sel, int ncols, int location)
{
	size_t n = 0;
	bool known = sel->node_case == NODE(SELECT_STMT) &&
		     xlat_select_colnames(c, sel->select_stmt, &n);
	if (known && n != (size_t)ncols)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, location,
				 "number of columns does not match number of values");
	bool wrap = known && !(c->flags & XLAT_X_NOSUBQUERY) && may_be_rows(sel->select_stmt);
	if (!wrap)
		return subquery(c, sel, NULL);
	xlat_puts(c, "(WITH shardlite_sub(");
	for (int k = 0; k < ncols; k++)
		xlat_printf(c, "%sv%d", k ? ", " : "", k + 1);
	xlat_puts(c, ") AS ");
	bool ok = subquery(c, sel, NULL);
	xlat_puts(c, " SELECT ");
	for (int k = 0; k < ncols; k++)
		xlat_printf(c, "%sshardlite_scalar(v%d)", k ? ", " : "", k + 1);
	xlat_puts(c, " FROM shardlite_sub)");
	return ok;
}

bool xlat_sublink(struct xlat_ctx *c, const PgQuery__SubLink *s, struct xlat_type *t)
{
	struct xlat_shape shape = {0};
	switch (s->sub_link_type) {
	case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
		*t = T_BOOL;
		xlat_puts(c, "EXISTS ");
		return subquery(c, s->subselect, NULL);
	case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK:
		if (!scalar_subquery(c, s->subselect, &shape))
			return false;
		*t = shape.n >= 1 && !shape.star ? shape.types[0] : T_UNKNOWN_COL;
		if (t->oid == XLAT_OID_UNKNOWN)
			t->oid = XLAT_OID_TEXT;
		return true;
	case PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK:
	case PG_QUERY__SUB_LINK_TYPE__ALL_SUBLINK:
		return quantified(c, s, t);
	case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK:
		return xlat_catalog_array_sublink(c, s, t);
	default:
		return xlat_unsupported(c, s->location, "this kind of subquery");
	}
}
