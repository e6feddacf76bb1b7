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

/* Whether operand n reads as text for pg_trgm's operators: a text, varchar, char or name
 * value, a string literal, or a $n of no type yet (which then becomes text). */
static bool texty(struct xlat_ctx *c, const PgQuery__Node *n, bool *param)
{
	struct xlat_type t = {0, -1};
	*param = xlat_untyped_param(c, n);
	if (*param)
		return true;
	if (!xlat_scope_dry_expr(c, n, &t))
		return false;
	return t.oid == XLAT_OID_TEXT || t.oid == XLAT_OID_VARCHAR || t.oid == XLAT_OID_BPCHAR ||
	       t.oid == XLAT_OID_UNKNOWN || t.oid == 19 /* name */;
}

static bool operand(struct xlat_ctx *c, const PgQuery__Node *n, bool param)
{
	struct xlat_type t;
	if (!xlat_expr(c, n, &t))
		return false;
	if (param)
		xlat_infer_like(c, n, (struct xlat_type){XLAT_OID_TEXT, -1});
	return true;
}

int xlat_trgm_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op, struct xlat_type *t)
{
	size_t i = 0;
	while (i < ARRAY_LEN(ops) && strcmp(ops[i].op, op) != 0)
		i++;
	if (i == ARRAY_LEN(ops) || !e->lexpr || !xlat_trgm_created(c))
		return 0;
	bool lp, rp;
	bool lt = texty(c, e->lexpr, &lp), rt = lt && texty(c, e->rexpr, &rp);
	if (!lt || !rt) /* %: modulo, <->: tsquery's; the others: 42883 from the caller */
		return 0;
	const PgQuery__Node *a = ops[i].swap ? e->rexpr : e->lexpr;
	const PgQuery__Node *b = ops[i].swap ? e->lexpr : e->rexpr;
	xlat_printf(c, "pgfn_trgm_%s(%d, ", ops[i].match ? "match" : "dist", ops[i].kind);
	if (!operand(c, a, ops[i].swap ? rp : lp))
		return -1;
	xlat_puts(c, ", ");
	if (!operand(c, b, ops[i].swap ? lp : rp))
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
	struct xlat_type at;
	xlat_printf(c, "pgfn_trgm_limit(set_config('%s', pgfn_text_out(CAST(", thresholds[0]);
	if (!xlat_expr(c, f->args[0], &at))
		return false;
	xlat_puts(c, " AS REAL), 700, -1), 0))");
	return true;
}
