/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_plrec.c: records in a PL/pgSQL body — `record` and `t%ROWTYPE` variables, `%TYPE`
 * declarations, and assignments to a record's field (`r.a := 1`, which xlat_plpre.c hands to
 * the parser with the field in a comment). */
#include "xlat_plpgsql.h"
#include "xlat_int.h"

#include "pgtype.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* s.t of a local schema s as the relation's stored name, quoted: the file's "s.t"
 * (xlat_localnsp.c; a body is loaded without the session's list of schemas, so the file's
 * relation decides); any other type text as it is. */
static const char *local_name(struct xlat_plloader *l, const char *t)
{
	while (isspace((unsigned char)*t))
		t++;
	size_t n = strlen(t);
	while (n && isspace((unsigned char)t[n - 1]))
		n--;
	size_t dot = 0;
	bool quoted = false;
	for (size_t i = 0; i < n; i++) {
		if (t[i] == '"')
			quoted = !quoted;
		else if (!quoted && t[i] == '.') {
			if (dot)
				return t; /* three parts */
			dot = i;
		} else if (!quoted && strchr("[( %", t[i]))
			return t;
	}
	if (!dot || dot + 1 >= n)
		return t;
	const char *nsp = xlat_plpre_fold(l->c->a, t, dot);
	const char *rel = xlat_plpre_fold(l->c->a, t + dot + 1, n - dot - 1);
	const char *stored = arena_printf(l->c->a, "%s.%s", nsp, rel);
	const struct xlat_schema *s = l->c->schema;
	const struct xlat_schema_col *cols;
	size_t ncols;
	if (strcmp(nsp, "public") == 0 || strchr(stored, '"') || !s || !s->table_fn ||
	    !s->table_fn(s->arg, stored, l->c->a, &cols, &ncols))
		return t;
	return arena_printf(l->c->a, "\"%s\"", stored);
}

bool xlat_plrec_names_relation(struct xlat_plloader *l, const char *t)
{
	const struct xlat_schema *s = l->c->schema;
	t = local_name(l, t);
	if (!s || !s->table_fn)
		return false;
	while (isspace((unsigned char)*t))
		t++;
	if (strncasecmp(t, "public.", 7) == 0)
		t += 7;
	size_t n = strlen(t);
	while (n && isspace((unsigned char)t[n - 1]))
		n--;
	bool quoted = n >= 2 && t[0] == '"' && t[n - 1] == '"';
	if (!n || (!quoted && strcspn(t, ".\"[( ") < n))
		return false;
	const char *name = xlat_plpre_fold(l->c->a, t, n);
	int32_t typmod;
	static const char *const texts[] = {"text", "varchar", "character", "char", "bpchar", "name"};
	for (size_t i = 0; !quoted && i < ARRAY_LEN(texts); i++)
		if (strcmp(name, texts[i]) == 0)
			return false;
	const struct xlat_schema_col *cols;
	size_t ncols;
	return (quoted || pgtype_from_decl(name, &typmod) == PGTYPE_TEXT) &&
	       !xlat_enum_by_name(l->c, name) && s->table_fn(s->arg, name, l->c->a, &cols, &ncols);
}

bool xlat_plrec_type(struct xlat_plloader *l, struct xlat_pl_var *v, const char *t)
{
	size_t n = strlen(t);
	while (n && isspace((unsigned char)t[n - 1]))
		n--;
	if (n > 8 && strncasecmp(t + n - 8, "%rowtype", 8) == 0) {
		v->type = NULL;
		v->rowtype = local_name(l, arena_strndup(l->c->a, t, n - 8));
		return true;
	}
	v->type = arena_strndup(l->c->a, t, n);
	xlat_plrec_named_row(l, v);
	return true;
}

void xlat_plrec_named_row(struct xlat_plloader *l, struct xlat_pl_var *v)
{
	if (v->type && xlat_plrec_names_relation(l, v->type)) { /* `u users;`: as `u users%ROWTYPE` */
		v->rowtype = local_name(l, v->type);
		v->type = NULL;
	}
}

/* "x%TYPE": the prefix when it is one name (a variable's), else NULL (a column's). */
static const char *var_prefix(struct arena *a, const char *type)
{
	size_t n = strlen(type);
	if (n <= 5 || strcasecmp(type + n - 5, "%type") != 0)
		return NULL;
	const char *p = type;
	while (isspace((unsigned char)*p))
		p++;
	size_t k = strcspn(p, ".%\" \t\n");
	if (p[k] != '%' && !isspace((unsigned char)p[k]))
		return NULL;
	char *s = arena_strndup(a, p, k);
	for (char *q = s; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	return s;
}

bool xlat_plrec_decl(struct xlat_plloader *l, struct xlat_pl_var *v)
{
	const char *name = v->type ? var_prefix(l->c->a, v->type) : NULL;
	if (!name)
		return true;
	int w = xlat_plload_find(l, name);
	if (w < 0)
		return pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR,
				 "syntax error at or near \"%%\"");
	v->type = l->vars[w].type;
	v->rowtype = l->vars[w].rowtype;
	if (!v->type && !v->rowtype)
		return xlat_plload_unsupported(l, "%TYPE of a record variable");
	return true;
}

/* expr as `(SELECT ...)`, a scalar subquery alone: the subquery's text, else NULL. */
static const char *lone_subquery(struct xlat_plloader *l, const char *expr, size_t n)
{
	if (n < 2 || expr[0] != '(' || expr[n - 1] != ')')
		return NULL;
	int depth = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = expr[i];
		if (ch == '\'' || ch == '"') { /* a literal or quoted name: to its closing quote */
			while (++i < n && expr[i] != ch)
				;
			continue;
		}
		depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
		if (depth == 0 && i + 1 < n)
			return NULL; /* (a) + (b) */
	}
	const char *p = expr + 1;
	while (isspace((unsigned char)*p) || *p == '(')
		p++;
	if (strncasecmp(p, "select", 6) != 0 && strncasecmp(p, "with", 4) != 0 &&
	    strncasecmp(p, "values", 6) != 0)
		return NULL;
	return arena_strndup(l->c->a, expr + 1, n - 2);
}

/* `r := NULL` (st->expr stays NULL): the record NULL again. `r := s` of a record variable s:
 * its fields (rec_from); `r := ROW(a, b)`: the row's fields as columns (rec_anon); `r :=
 * (SELECT ...)`: the subquery (rec_subquery), whose one value is read as the next; another
 * value: one composite value, as PostgreSQL's exec_assign_value takes it. */
static bool whole_record(struct xlat_plloader *l, const char *q, struct xlat_pl_stmt *st)
{
	const char *p = q + strcspn(q, ":=");
	p += *p == ':';
	p += *p == '=';
	while (isspace((unsigned char)*p))
		p++;
	size_t n = strlen(p);
	while (n && (isspace((unsigned char)p[n - 1]) || p[n - 1] == ';'))
		n--;
	if (n == 4 && strncasecmp(p, "null", 4) == 0)
		return true;
	st->rec_whole = true;
	int w = xlat_plload_find(l, xlat_plpre_fold(l->c->a, p, n));
	if (w >= 0 && !l->vars[w].type) {
		st->rec_from = w + 1;
		return true;
	}
	const char *expr = arena_strndup(l->c->a, p, n);
	const char *sub = lone_subquery(l, expr, n);
	if (sub) { /* r := (SELECT t FROM t ...): the subquery's one value, a row */
		st->rec_subquery = true;
		return (st->expr = xlat_plload_sql(l, sub)) != NULL;
	}
	int unknown = 0;
	const char *sql = xlat_plload_row_select(l, expr, &unknown);
	st->rec_anon = sql && *sql;
	if (!st->rec_anon)
		sql = arena_printf(l->c->a, "SELECT %s", expr);
	return (st->expr = xlat_plload_sql(l, sql)) != NULL;
}

bool xlat_plrec_assign(struct xlat_plloader *l, const char *q, struct xlat_pl_stmt *st)
{
	const char *open = strstr(q, "/*");
	const char *close = open ? strstr(open + 2, "*/") : NULL;
	if (!close || strcspn(q, ":=") < (size_t)(open - q))
		return whole_record(l, q, st);
	st->field = xlat_plpre_fold(l->c->a, open + 2, (size_t)(close - open - 2));
	const char *p = close + 2;
	while (isspace((unsigned char)*p))
		p++;
	p += *p == ':';
	if (*p != '=')
		return xlat_plload_unsupported(l, "this assignment");
	return (st->expr = xlat_plload_sql(l, arena_printf(l->c->a, "SELECT %s", p + 1))) != NULL;
}
