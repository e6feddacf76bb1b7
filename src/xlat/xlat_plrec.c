/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_plrec.c: records in a PL/pgSQL body — `record` and `t%ROWTYPE` variables, `%TYPE`
 * declarations, and assignments to a record's field (`r.a := 1`). libpg_query's PL/pgSQL
 * parser knows no catalog, so every declared variable is a scalar to it and `r.a := 1` is its
 * "not a known variable" error; the body's tokens are read first and such an assignment is
 * handed to the parser as `r/ *a* / := 1` (the field in a comment), which it takes as an
 * assignment to r and which the loader reads back here. */
#include "xlat_plpgsql.h"

#include <ctype.h>
#include <pg_query.h>
#include <string.h>
#include <strings.h>

/* A token that may be an identifier (keywords included: "name", "type" ...). */
static bool word(const PgQuery__ScanToken *t)
{
	return t->token == PG_QUERY__TOKEN__IDENT ||
	       t->keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD;
}

/* The identifier p[0..n) as PostgreSQL folds it: quoted kept as written, else lower case. */
static const char *fold(struct arena *a, const char *p, size_t n)
{
	if (n >= 2 && p[0] == '"') {
		char *s = arena_zalloc(a, n);
		size_t k = 0;
		for (size_t i = 1; i + 1 < n; i++) {
			s[k++] = p[i];
			i += p[i] == '"';
		}
		return s;
	}
	char *s = arena_strndup(a, p, n);
	for (char *q = s; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	return s;
}

static const char *ident(struct arena *a, const char *body, const PgQuery__ScanToken *t)
{
	return fold(a, body + t->start, (size_t)(t->end - t->start));
}

static bool is_word(const char *body, const PgQuery__ScanToken *t, const char *w)
{
	size_t n = strlen(w);
	return word(t) && (size_t)(t->end - t->start) == n &&
	       strncasecmp(body + t->start, w, n) == 0;
}

/* Whether the declaration whose name is token i has a record's type: `record` or
 * `x%ROWTYPE` ([CONSTANT] before it). */
static bool record_decl(const char *body, PgQuery__ScanToken **tk, size_t n, size_t i)
{
	size_t k = i + 1;
	if (k < n && is_word(body, tk[k], "constant"))
		k++;
	if (k + 1 < n && is_word(body, tk[k], "record") &&
	    (tk[k + 1]->token == PG_QUERY__TOKEN__ASCII_59 ||
	     tk[k + 1]->token == PG_QUERY__TOKEN__COLON_EQUALS))
		return true;
	for (; k + 1 < n && tk[k]->token != PG_QUERY__TOKEN__ASCII_59; k++)
		if (tk[k]->token == PG_QUERY__TOKEN__ASCII_37 && is_word(body, tk[k + 1], "rowtype"))
			return true;
	return false;
}

/* The names the DECLARE sections give records. */
static const char **record_names(struct arena *a, const char *body, PgQuery__ScanToken **tk,
				 size_t n, size_t *count)
{
	const char **names = arena_zalloc(a, (n + 1) * sizeof(*names));
	bool in_decl = false, at_start = false;
	for (size_t i = 0; i < n; i++) {
		PgQuery__Token t = tk[i]->token;
		if (t == PG_QUERY__TOKEN__DECLARE) {
			in_decl = at_start = true;
		} else if (t == PG_QUERY__TOKEN__BEGIN_P) {
			in_decl = false;
		} else if (in_decl && t == PG_QUERY__TOKEN__ASCII_59) {
			at_start = true;
		} else if (in_decl && at_start) {
			at_start = false;
			if (word(tk[i]) && record_decl(body, tk, n, i))
				names[(*count)++] = ident(a, body, tk[i]);
		}
	}
	return names;
}

static bool among(const char *name, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* Whether token i starts a statement: it follows `;`, BEGIN, LOOP, or THEN or ELSE outside
 * an SQL CASE expression (sql_case: how many are open). */
static bool stmt_start(const char *body, PgQuery__ScanToken **tk, size_t i, int sql_case)
{
	if (i == 0)
		return true;
	const PgQuery__ScanToken *p = tk[i - 1];
	if (p->token == PG_QUERY__TOKEN__ASCII_59 || p->token == PG_QUERY__TOKEN__BEGIN_P ||
	    is_word(body, p, "loop"))
		return true;
	return !sql_case && (p->token == PG_QUERY__TOKEN__THEN || p->token == PG_QUERY__TOKEN__ELSE);
}

/* SQL CASE expressions open after token i: a CASE that neither starts a statement (PL/pgSQL's
 * CASE) nor follows END (its END CASE) opens one, the next END closes it. */
static int track_case(const char *body, PgQuery__ScanToken **tk, size_t i, int open)
{
	if (tk[i]->token == PG_QUERY__TOKEN__CASE && !stmt_start(body, tk, i, open) &&
	    tk[i - 1]->token != PG_QUERY__TOKEN__END_P)
		return open + 1;
	return tk[i]->token == PG_QUERY__TOKEN__END_P && open ? open - 1 : open;
}

const char *xlat_plrec_rewrite(struct arena *a, const char *body)
{
	PgQueryScanResult r = pg_query_scan(body);
	PgQuery__ScanResult *sr = r.error ? NULL
					  : pg_query__scan_result__unpack(
						    NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
	const char *out = body;
	if (sr) {
		PgQuery__ScanToken **tk = sr->tokens;
		size_t n = sr->n_tokens, nrec = 0;
		const char **recs = record_names(a, body, tk, n, &nrec);
		struct strbuf sb;
		strbuf_init(&sb, 0);
		int pos = 0, sql_case = 0;
		for (size_t i = 0; nrec && i + 3 < n; i++) {
			sql_case = track_case(body, tk, i, sql_case);
			PgQuery__Token op = tk[i + 3]->token;
			bool assign = op == PG_QUERY__TOKEN__COLON_EQUALS || op == PG_QUERY__TOKEN__ASCII_61;
			if (!assign || !word(tk[i]) || tk[i + 1]->token != PG_QUERY__TOKEN__ASCII_46 ||
			    !word(tk[i + 2]) || !stmt_start(body, tk, i, sql_case) ||
			    !among(ident(a, body, tk[i]), recs, nrec))
				continue;
			const char *field = body + tk[i + 2]->start;
			size_t flen = (size_t)(tk[i + 2]->end - tk[i + 2]->start);
			const char *f = arena_strndup(a, field, flen);
			if (strstr(f, "*/") || strstr(f, "/*"))
				continue;
			strbuf_append(&sb, body + pos, (size_t)(tk[i]->end - pos));
			strbuf_printf(&sb, "/*%s*/", f);
			pos = tk[i + 2]->end;
		}
		if (pos) {
			strbuf_puts(&sb, body + pos);
			if (!sb.failed)
				out = arena_strndup(a, sb.data ? sb.data : "", sb.len);
		}
		strbuf_fini(&sb);
		pg_query__scan_result__free_unpacked(sr, NULL);
	}
	pg_query_free_scan_result(r);
	return out;
}

bool xlat_plrec_type(struct xlat_plloader *l, struct xlat_pl_var *v, const char *t)
{
	size_t n = strlen(t);
	while (n && isspace((unsigned char)t[n - 1]))
		n--;
	if (n > 8 && strncasecmp(t + n - 8, "%rowtype", 8) == 0) {
		v->type = NULL;
		v->rowtype = arena_strndup(l->c->a, t, n - 8);
		return true;
	}
	v->type = arena_strndup(l->c->a, t, n);
	return true;
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
		return pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR, "syntax error at or near \"%%\"");
	v->type = l->vars[w].type;
	v->rowtype = l->vars[w].rowtype;
	if (!v->type && !v->rowtype)
		return xlat_plload_unsupported(l, "%TYPE of a record variable");
	return true;
}

/* `r := NULL` (st->expr stays NULL): the record NULL again; any other whole record is 0A000. */
static bool null_record(struct xlat_plloader *l, const char *q)
{
	const char *p = q + strcspn(q, ":=");
	p += *p == ':';
	p += *p == '=';
	while (isspace((unsigned char)*p))
		p++;
	size_t n = strlen(p);
	while (n && isspace((unsigned char)p[n - 1]))
		n--;
	return (n == 4 && strncasecmp(p, "null", 4) == 0) ||
	       xlat_plload_unsupported(l, "assigning a whole record other than NULL");
}

bool xlat_plrec_assign(struct xlat_plloader *l, const char *q, struct xlat_pl_stmt *st)
{
	const char *open = strstr(q, "/*");
	const char *close = open ? strstr(open + 2, "*/") : NULL;
	if (!close || strcspn(q, ":=") < (size_t)(open - q))
		return null_record(l, q);
	st->field = fold(l->c->a, open + 2, (size_t)(close - open - 2));
	const char *p = close + 2;
	while (isspace((unsigned char)*p))
		p++;
	p += *p == ':';
	if (*p != '=')
		return xlat_plload_unsupported(l, "this assignment");
	return (st->expr = xlat_plload_sql(l, arena_printf(l->c->a, "SELECT %s", p + 1))) != NULL;
}
