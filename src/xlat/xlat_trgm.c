/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_trgm.c: pg_trgm's operators on text — % <% %> <<% %>> (similar beyond the session's
 * pg_trgm.*_threshold) and the distances <-> <<-> <->> <<<-> <->>> — and its set_limit and
 * show_limit, once CREATE EXTENSION pg_trgm has run in the tenant. They call pgfn_trgm.c;
 * the thresholds are read with current_setting() when the statement runs, so a cached
 * translation follows SET. Other operands of % and <-> keep their built-in meanings. */
#include "xlat_int.h"

#include <string.h>

static const struct {
	const char *op;
	bool match; /* a bool against a threshold, else a float4 distance */
	int kind;   /* pgfn_trgm's: 0 similarity, 1 word_similarity, 2 strict */
	bool swap;  /* the right operand is the pattern (the commutators) */
} ops[] = {
	{"%", true, 0, false},     {"<%", true, 1, false},   {"%>", true, 1, true},
	{"<<%", true, 2, false},   {"%>>", true, 2, true},   {"<->", false, 0, false},
	{"<<->", false, 1, false}, {"<->>", false, 1, true}, {"<<<->", false, 2, false},
	{"<->>>", false, 2, true},
};

static const char *const thresholds[] = {
	"pg_trgm.similarity_threshold",
	"pg_trgm.word_similarity_threshold",
	"pg_trgm.strict_word_similarity_threshold",
};

bool xlat_trgm_created(const struct xlat_ctx *c)
{
	return !c->env || !c->env->schema || (c->env->extensions & XLAT_EXT_PG_TRGM);
}

/* How operand n reads for pg_trgm's operators: 'T' a text, varchar, char or name value, 'L'
 * a string literal or a $n of no type yet (which becomes text), '0' a value whose type the
 * translator does not know here (a column ORDER BY reads through the result), 'X' another
 * type; *t its type. */
static char classify(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	*t = (struct xlat_type){0, -1};
	if (xlat_untyped_param(c, n))
		return 'L';
	if (!xlat_scope_dry_expr(c, n, t))
		return 'X';
	switch (t->oid) {
	case XLAT_OID_TEXT:
	case XLAT_OID_VARCHAR:
	case XLAT_OID_BPCHAR:
	case 19: /* name */
		return 'T';
	case XLAT_OID_UNKNOWN:
		return 'L';
	case 0: /* XLAT_OID_UNKNOWN_COL */
		return '0';
	default:
		return 'X';
	}
}

static bool operand(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_type t;
	bool param = xlat_untyped_param(c, n);
	if (!xlat_expr(c, n, &t))
		return false;
	if (param)
		xlat_infer_like(c, n, (struct xlat_type){XLAT_OID_TEXT, -1});
	return true;
}

/* Whether a op b, operands of classes l and r, is pg_trgm's: two texts or literals, or one
 * of a type not known here beside a text (or, but for %, beside a literal or another such:
 * ORDER BY name <-> $1, where no other reading could run in SQLite either). */
static bool trgm_pair(const char *op, char l, char r)
{
	bool lt = l == 'T' || l == 'L', rt = r == 'T' || r == 'L';
	if (lt && rt)
		return true;
	if (l == '0' && r == '0')
		return strcmp(op, "%") != 0;
	char other = l == '0' ? r : r == '0' ? l : 0;
	return other == 'T' || (other == 'L' && strcmp(op, "%") != 0);
}

static bool string_literal(const PgQuery__Node *n)
{
	return n->node_case == PG_QUERY__NODE__NODE_A_CONST && !n->a_const->isnull &&
	       n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
}

/* 'a' % 'b' without pg_trgm: PostgreSQL's candidates are the numbers' modulo operators, none
 * preferred for two unknowns. */
static int not_unique(struct xlat_ctx *c, const PgQuery__AExpr *e)
{
	xlat_fail(c, "42725", e->location, "operator is not unique: unknown %% unknown");
	pgerr_hint(c->err, "Could not choose a best candidate operator. You might need to add "
			   "explicit type casts.");
	return -1;
}

int xlat_trgm_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op, struct xlat_type *t)
{
	size_t i = 0;
	while (i < ARRAY_LEN(ops) && strcmp(ops[i].op, op) != 0)
		i++;
	if (i == ARRAY_LEN(ops) || !e->lexpr)
		return 0;
	bool created = xlat_trgm_created(c);
	if (!created && i == 0 && string_literal(e->lexpr) && string_literal(e->rexpr))
		return not_unique(c, e);
	if (!created && i != 0)
		return 0; /* 42883 from the caller; <->: tsquery's */
	struct xlat_type lt, rt;
	char l = classify(c, e->lexpr, &lt), r = classify(c, e->rexpr, &rt);
	if (!created) /* text % integer: no modulo takes text */
		return (l == 'T' && r == 'X') || (l == 'X' && r == 'T')
			       ? (xlat_no_operator(c, op, lt.oid, rt.oid, e->location) ? 1 : -1)
			       : 0;
	if (!trgm_pair(op, l, r)) {
		if ((l == 'T' && r == 'X') || (l == 'X' && r == 'T')) /* text % integer */
			return xlat_no_operator(c, op, lt.oid, rt.oid, e->location) ? 1 : -1;
		return 0; /* %: modulo, <->: tsquery's; the others: 42883 from the caller */
	}
	const PgQuery__Node *a = ops[i].swap ? e->rexpr : e->lexpr;
	const PgQuery__Node *b = ops[i].swap ? e->lexpr : e->rexpr;
	xlat_printf(c, "pgfn_trgm_%s(%d, ", ops[i].match ? "match" : "dist", ops[i].kind);
	if (!operand(c, a))
		return -1;
	xlat_puts(c, ", ");
	if (!operand(c, b))
		return -1;
	if (ops[i].match)
		xlat_printf(c, ", current_setting('%s'))", thresholds[ops[i].kind]);
	else
		xlat_puts(c, ")");
	*t = (struct xlat_type){ops[i].match ? XLAT_OID_BOOL : XLAT_OID_FLOAT4, -1};
	return 1;
}

/* set_limit(x): pg_trgm.similarity_threshold set to float4 x's text, as set_limit does
 * (out of 0 .. 1: the setting's 22023), answering it as float4. show_limit(): the setting. */
bool xlat_trgm_limit(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_FLOAT4, -1};
	if (f->n_args == 0) {
		xlat_printf(c, "pgfn_trgm_limit(current_setting('%s'))", thresholds[0]);
		return true;
	}
	struct xlat_type at = {0, -1};
	if (xlat_scope_dry_expr(c, f->args[0], &at) && at.oid != XLAT_OID_FLOAT4 &&
	    at.oid != XLAT_OID_NUMERIC && at.oid != XLAT_OID_INT2 && at.oid != XLAT_OID_INT4 &&
	    at.oid != XLAT_OID_INT8 && at.oid != XLAT_OID_UNKNOWN && at.oid != 0) {
		/* no implicit cast to real: float8, text ... */
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
			  "function set_limit(%s) does not exist", xlat_type_name(at.oid));
		pgerr_hint(c->err, "No function matches the given name and argument types. You "
				   "might need to add explicit type casts.");
		return false;
	}
	xlat_printf(c, "pgfn_trgm_limit(set_config('%s', pgfn_text_out(CAST(", thresholds[0]);
	if (!xlat_expr(c, f->args[0], &at))
		return false;
	xlat_puts(c, " AS REAL), 700, -1), 0))");
	return true;
}
