/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_prepare.c: SQL-level PREPARE and EXECUTE (pg_dump prepares its per-object queries so,
 * e.g. dumpEnumType). The session keeps the statement with the protocol's named statements,
 * PostgreSQL's one namespace for both; EXECUTE's arguments must be constants, passed to the
 * statement as text-format parameters. */
#include "xlat_int.h"

#include <ctype.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The text after PREPARE name [(types)] AS: the statement to prepare; NULL when the prefix is
 * not that shape (a comment inside it, say). */
/* p past blanks and the comments before a statement, which its location includes
 * (-- to the end of the line, nested C-style comments). */
static const char *skip_leading(const char *p, const char *end)
{
	for (;;) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
			while (p < end && *p != '\n')
				p++;
		} else if (end - p >= 2 && p[0] == '/' && p[1] == '*') {
			int depth = 0;
			do {
				if (end - p >= 2 && p[0] == '/' && p[1] == '*')
					depth++, p += 2;
				else if (end - p >= 2 && p[0] == '*' && p[1] == '/')
					depth--, p += 2;
				else
					p++;
			} while (p < end && depth);
		} else {
			return p;
		}
	}
}

static const char *query_text(struct xlat_ctx *c)
{
	const char *p = c->src + c->st->location;
	const char *end = c->st->length ? p + c->st->length : p + strlen(p);
	p = skip_leading(p, end);
	if (end - p < 7 || strncasecmp(p, "prepare", 7) != 0)
		return NULL;
	p += 7;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p < end && *p == '"') { /* a quoted name, "" inside */
		for (p++; p < end && !(*p == '"' && (p + 1 == end || p[1] != '"')); p++)
			p += *p == '"';
		p++;
	} else {
		while (p < end && (isalnum((unsigned char)*p) || *p == '_' || *p & 0x80))
			p++;
	}
	while (p < end && isspace((unsigned char)*p))
		p++;
	for (int depth = 0; p < end && (depth || *p == '('); p++) {
		if (*p == '\'' || *p == '"') { /* types may be quoted names */
			char q = *p;
			for (p++; p < end && *p != q; p++)
				;
		}
		depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
	}
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (end - p < 3 || strncasecmp(p, "as", 2) != 0 || !isspace((unsigned char)p[2]))
		return NULL;
	return arena_strndup(c->a, p + 3, (size_t)(end - p - 3));
}

bool xlat_stmt_prepare(struct xlat_ctx *c, const PgQuery__PrepareStmt *s)
{
	struct xlat_stmt *st = c->st;
	xlat_nocache(c);
	st->kind = XLAT_PREPARE;
	st->tag = "PREPARE";
	st->dealloc_name = arena_strdup(c->a, s->name);
	st->prepare_sql = query_text(c);
	if (!st->prepare_sql)
		return xlat_unsupported(c, -1, "this form of PREPARE");
	uint32_t *types = arena_zalloc(c->a, (s->n_argtypes ? s->n_argtypes : 1) * sizeof(*types));
	for (size_t i = 0; i < s->n_argtypes; i++) {
		struct xlat_typeref tr;
		if (s->argtypes[i]->node_case != NODE(TYPE_NAME) ||
		    !xlat_type_resolve(c, s->argtypes[i]->type_name, &tr))
			return pgerr_is_set(c->err)
				       ? false
				       : xlat_unsupported(c, -1, "this PREPARE argument");
		if (!xlat_domain_refuse(c, &tr, "a PREPARE argument"))
			return false;
		types[i] = xlat_type_oid(&tr);
	}
	st->prepare_types = types;
	st->nprepare_types = s->n_argtypes;
	return true;
}

/* An EXECUTE argument: a constant (or a constant cast, whose text the parameter's type reads). */
static bool argument(struct xlat_ctx *c, const PgQuery__Node *n, const char **out, bool *numeric)
{
	*numeric = n->node_case == NODE(A_CONST) &&
		   n->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL;
	if (n->node_case == NODE(TYPE_CAST))
		n = n->type_cast->arg;
	if (n->node_case != NODE(A_CONST))
		return xlat_unsupported(c, -1, "an EXECUTE argument that is not a constant");
	const PgQuery__AConst *k = n->a_const;
	switch (k->val_case) {
	case PG_QUERY__A__CONST__VAL_SVAL:
		*out = arena_strdup(c->a, k->sval->sval); /* the tree is freed after translation */
		return true;
	case PG_QUERY__A__CONST__VAL_IVAL:
		*out = arena_printf(c->a, "%d", k->ival->ival);
		return true;
	case PG_QUERY__A__CONST__VAL_FVAL:
		*out = arena_strdup(c->a, k->fval->fval);
		return true;
	case PG_QUERY__A__CONST__VAL_BOOLVAL:
		*out = k->boolval->boolval ? "t" : "f";
		return true;
	case PG_QUERY__A__CONST__VAL_BSVAL: /* "b101"/"x1F": what bit_in reads */
		*out = arena_strdup(c->a, k->bsval->bsval);
		return true;
	default:
		*out = NULL; /* NULL */
		return k->isnull || xlat_unsupported(c, -1, "this EXECUTE argument");
	}
}

bool xlat_stmt_execute(struct xlat_ctx *c, const PgQuery__ExecuteStmt *s)
{
	struct xlat_stmt *st = c->st;
	xlat_nocache(c);
	st->kind = XLAT_EXECUTE;
	st->tag = "EXECUTE";
	st->dealloc_name = arena_strdup(c->a, s->name);
	const char **args = arena_zalloc(c->a, (s->n_params ? s->n_params : 1) * sizeof(*args));
	bool *numeric = arena_zalloc(c->a, (s->n_params ? s->n_params : 1) * sizeof(*numeric));
	for (size_t i = 0; i < s->n_params; i++) {
		if (!argument(c, s->params[i], &args[i], &numeric[i]))
			return false;
	}
	st->execute_args = args;
	st->execute_numeric = numeric;
	st->nexecute_args = s->n_params;
	return true;
}
