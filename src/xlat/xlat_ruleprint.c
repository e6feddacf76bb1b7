/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_ruleprint.c: pg_get_viewdef's layout printed as PostgreSQL 15's ruleutils.c prints
 * it (get_query_def and the functions below it): the indentation, the parentheses with and
 * without the pretty flag, the wrap column. The analysed query comes from xlat_ruleutils.c. */
#include "xlat_ruleutils.h"

#include <ctype.h>
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		strbuf_printf(r->buf, "::%s", xlat_ru_type_name(r, e->type));
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
	xlat_ru_print(r, e->sub, NULL, 0, false);
	put(r, e->text ? "))" : ")");
}

static void print_expr(struct ru *r, const struct rnode *e, bool showimplicit);

/* get_func_sql_syntax's forms: the arguments without their implicit casts (CURRENT_DATE
 * and the like: none) */
static void print_sql_syntax(struct ru *r, const struct rnode *e)
{
	if (!e->nargs) {
		put(r, e->text);
		return;
	}
	if (strcmp(e->text, "extract") == 0) { /* EXTRACT(year FROM d): the field's text bare */
		put(r, "EXTRACT(");
		put(r, e->args[0]->text);
		put(r, " FROM ");
		print_expr(r, e->args[1], false);
		put(r, ")");
		return;
	}
	if (strcmp(e->text, "position") == 0) {
		put(r, "POSITION((");
		print_expr(r, e->args[1], false);
		put(r, ") IN (");
		print_expr(r, e->args[0], false);
		put(r, "))");
		return;
	}
	put(r, strcmp(e->text, "btrim") == 0   ? "TRIM(BOTH"
	       : strcmp(e->text, "ltrim") == 0 ? "TRIM(LEADING"
					       : "TRIM(TRAILING");
	if (e->nargs == 2) {
		put(r, " ");
		print_expr(r, e->args[1], false);
	}
	put(r, " FROM ");
	print_expr(r, e->args[0], false);
	put(r, ")");
}

static void print_expr(struct ru *r, const struct rnode *e, bool showimplicit)
{
	switch (e->kind) {
	case R_VAR:
		if (r->value)
			put(r, "VALUE");
		else if (r->bare) /* one relation: deparse_context_for's Vars are unqualified */
			put(r, xlat_ru_quote(r, e->colname));
		else
			strbuf_printf(r->buf, "%s.%s", xlat_ru_quote(r, *e->rel),
				      xlat_ru_quote(r, e->colname));
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
		strbuf_printf(r->buf, " %s %s (%sARRAY[", e->text,
			      strcmp(e->text, "=") ? "ALL" : "ANY",
			      e->label && !r->paren ? "(" : "");
		for (size_t i = 1; i < e->nargs; i++) {
			put(r, i > 1 ? ", " : "");
			print_expr(r, e->args[i], true);
		}
		put(r, e->label ? (r->paren ? "]::text[])" : "])::text[])") : "])");
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
		put(r, e->text ? e->text : e->isnull ? " IS NULL" : " IS NOT NULL");
		if (!r->paren)
			put(r, ")");
		return;
	case R_FUNC:
		if (e->sql_syntax) {
			print_sql_syntax(r, e);
			return;
		}
		if (e->fschema)
			strbuf_printf(r->buf, "%s.", xlat_ru_quote(r, e->fschema));
		strbuf_printf(r->buf, "%s(%s", xlat_ru_quote(r, e->text),
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
		if (!showimplicit && !e->label) {
			expr_paren(r, arg, false, e);
			return;
		}
		if (!r->paren)
			put(r, "(");
		expr_paren(r, arg, false, e);
		if (!r->paren)
			put(r, ")");
		strbuf_printf(r->buf, "::%s", xlat_ru_type_name(r, e->type));
		return;
	}
	case R_CASE:
		print_case(r, e);
		return;
	case R_COALESCE:
		strbuf_printf(r->buf, "%s(", e->text ? e->text : "COALESCE");
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
			strbuf_printf(&tb, " AS %s", xlat_ru_quote(r, colname));
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
			strbuf_printf(r->buf, " %s", xlat_ru_quote(r, *f->shown));
		return;
	}
	if (f->kind == 's') {
		put(r, "(");
		xlat_ru_print(r, f->sub, NULL, 0, true);
		strbuf_printf(r->buf, ") %s", xlat_ru_quote(r, *f->shown));
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
		xlat_ru_print(r, q, coldesc, ncoldesc, names_visible);
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

void xlat_ru_print_expr(struct ru *r, const struct rnode *e) { print_expr(r, e, false); }

/* get_query_def: at the indentation it is called with, which it leaves as it found it */
void xlat_ru_print(struct ru *r, const struct rquery *q, const char *const *coldesc,
		   size_t ncoldesc, bool names_visible)
{
	int saved = r->indent;
	if (q->nctes) {
		r->indent += STD;
		put(r, " ");
		for (size_t i = 0; i < q->nctes; i++) {
			put(r, i ? ", " : "WITH ");
			put(r, xlat_ru_quote(r, q->ctes[i].name));
			put(r, " AS (");
			keyword(r, "", 0, 0, 0);
			xlat_ru_print(r, q->ctes[i].q, NULL, 0, true);
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
