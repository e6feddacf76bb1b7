/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_pliter.c: the PL/pgSQL loops over something other than a query — FOREACH over an
 * array's elements or slices, FOR over a bound cursor — loaded as FOR loops (XLAT_PL_FORS)
 * whose rows the session makes, and the cursor statements: DECLARE c CURSOR, refcursor
 * variables, OPEN, FETCH, MOVE, CLOSE. libpg_query's parser cannot take the cursor statements
 * (it knows no refcursor type), so xlat_plpre.c leaves markers for them and their own text is
 * read here, token by token, with PostgreSQL's errors. */
#include "xlat_plpgsql.h"

#include <pg_query.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool xlat_plload_foreach(struct xlat_plloader *l, const struct xlat_json *b,
			 struct xlat_pl_stmt *st)
{
	size_t mark = l->nscope;
	xlat_plload_push(l, st->label, -1);
	st->kind = XLAT_PL_FORS;
	st->iter = XLAT_PL_ITER_ARRAY;
	st->slice = xlat_json_int(b, "slice", 0);
	int var = xlat_json_int(b, "varno", -1);
	const char *kind;
	const struct xlat_json *d = var >= 0 && (size_t)var < l->datums->n
					    ? xlat_plload_node(&l->datums->items[var], &kind)
					    : NULL;
	bool ok = true;
	if (d && strcmp(kind, "PLpgSQL_row") == 0) { /* FOREACH x, y: a row's fields */
		ok = xlat_plload_targets(l, &l->datums->items[var], st);
	} else if (!d || (strcmp(kind, "PLpgSQL_var") != 0 && strcmp(kind, "PLpgSQL_rec") != 0) ||
		   !l->vars[var].name) {
		ok = xlat_plload_unsupported(l, "this FOREACH target");
	} else { /* a scalar, or a record (a row's fields, sess_pl_foreach_rows) */
		int *v = arena_zalloc(l->c->a, sizeof(int));
		*v = var;
		st->targets = v;
		st->ntargets = 1;
	}
	ok = ok && (st->expr = xlat_plload_expr(l, xlat_json_get(b, "expr"))) &&
	     xlat_plload_list(l, xlat_json_get(b, "body"), &st->body);
	l->nscope = mark;
	return ok;
}

/* ---- cursors ---- */

bool xlat_plload_cursor_var(struct xlat_plloader *l, struct xlat_pl_var *v,
			    const struct xlat_json *b)
{
	v->type = "text"; /* refcursor's value is the cursor's name */
	v->cursor = arena_zalloc(l->c->a, sizeof(struct xlat_pl_cursor));
	int row = xlat_json_int(b, "cursor_explicit_argrow", -1);
	const char *kind;
	const struct xlat_json *r = row >= 0 && (size_t)row < l->datums->n
					    ? xlat_plload_node(&l->datums->items[row], &kind)
					    : NULL;
	const struct xlat_json *fields = xlat_json_get(r, "fields");
	if (!l->cursor_arg)
		l->cursor_arg = arena_zalloc(l->c->a, l->datums->n + 1);
	for (size_t i = 0; fields && fields->type == XJ_ARRAY && i < fields->n; i++) {
		int a = xlat_json_int(&fields->items[i], "varno", -1);
		if (a >= 0 && (size_t)a < l->datums->n)
			l->cursor_arg[a] = true;
	}
	return true;
}

bool xlat_plload_cursor_decl(struct xlat_plloader *l, struct xlat_pl_var *v,
			     const struct xlat_json *d)
{
	const char *kind;
	const struct xlat_json *b = xlat_plload_node(d, &kind);
	const char *q = xlat_plload_text(xlat_json_get(b, "cursor_explicit_expr"));
	if (!q)
		return true; /* a refcursor variable */
	struct xlat_pl_cursor *c = arena_zalloc(l->c->a, sizeof(*c));
	c->no_scroll = (xlat_json_int(b, "cursor_options", 0) & 0x0004) != 0; /* NO_SCROLL */
	int row = xlat_json_int(b, "cursor_explicit_argrow", -1);
	const struct xlat_json *fields =
		row >= 0 && (size_t)row < l->datums->n
			? xlat_json_get(xlat_plload_node(&l->datums->items[row], &kind), "fields")
			: NULL;
	size_t n = fields && fields->type == XJ_ARRAY ? fields->n : 0, mark = l->nscope;
	int *args = arena_zalloc(l->c->a, (n + 1) * sizeof(int));
	for (size_t i = 0; i < n; i++) {
		args[i] = xlat_json_int(&fields->items[i], "varno", -1);
		if (args[i] < 0 || (size_t)args[i] >= l->nvars || !l->vars[args[i]].name)
			return xlat_plload_unsupported(l, "this cursor's arguments");
		xlat_plload_push(l, l->vars[args[i]].name, args[i]);
	}
	c->args = args;
	c->nargs = n;
	c->query = xlat_plload_sql(l, q);
	l->nscope = mark;
	v->cursor = c;
	struct strbuf sb; /* its value: the cursor's name */
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	strbuf_put_quoted(&sb, v->name, '\'');
	v->init = xlat_plload_sql(l, arena_strndup(l->c->a, sb.data ? sb.data : "", sb.len));
	strbuf_fini(&sb);
	return c->query && v->init;
}

/* A cursor statement's tokens. */
struct rd {
	struct xlat_plloader *l;
	const char *s;
	PgQuery__ScanToken **tk;
	size_t n, i;
};

static bool at_word(const struct rd *r, size_t i, const char *w)
{
	size_t n = strlen(w);
	return i < r->n &&
	       (r->tk[i]->token == PG_QUERY__TOKEN__IDENT ||
		r->tk[i]->keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD) &&
	       (size_t)(r->tk[i]->end - r->tk[i]->start) == n &&
	       strncasecmp(r->s + r->tk[i]->start, w, n) == 0;
}

static bool take(struct rd *r, const char *w)
{
	bool yes = at_word(r, r->i, w);
	r->i += yes;
	return yes;
}

/* The text of tokens [from, to). */
static const char *span(const struct rd *r, size_t from, size_t to)
{
	if (from >= to)
		return "";
	return arena_strndup(r->l->c->a, r->s + r->tk[from]->start,
			     (size_t)(r->tk[to - 1]->end - r->tk[from]->start));
}

/* The first token from r->i at parenthesis depth 0 that is one of the words (NULL-ended), or
 * is the closing parenthesis of the depth the scan started at; r->n when none. */
static size_t find(const struct rd *r, const char *const *words)
{
	int depth = 0;
	for (size_t k = r->i; k < r->n; k++) {
		PgQuery__Token t = r->tk[k]->token;
		if (t == PG_QUERY__TOKEN__ASCII_41 && depth-- == 0)
			return k;
		depth += t == PG_QUERY__TOKEN__ASCII_40;
		for (size_t w = 0; !depth && words[w]; w++)
			if (at_word(r, k, words[w]) ||
			    (words[w][0] == ',' && t == PG_QUERY__TOKEN__ASCII_44))
				return k;
	}
	return r->n;
}

static bool syntax(struct rd *r)
{
	const char *near = r->i < r->n ? span(r, r->i, r->i + 1) : "end of statement";
	return pgerr_set(r->l->c->err, SQLSTATE_SYNTAX_ERROR, "syntax error at or near \"%s\"",
			 near);
}

/* The cursor variable named at r->i into *var. */
static bool cursor_name(struct rd *r, int *var)
{
	if (r->i >= r->n)
		return syntax(r);
	const char *name = xlat_plpre_fold(r->l->c->a, r->s + r->tk[r->i]->start,
					   (size_t)(r->tk[r->i]->end - r->tk[r->i]->start));
	*var = xlat_plload_find(r->l, name);
	if (*var < 0)
		return syntax(r);
	r->i++;
	if (!r->l->vars[*var].cursor)
		return pgerr_set(r->l->c->err, SQLSTATE_DATATYPE_MISMATCH,
				 "variable \"%s\" must be of type cursor or refcursor", name);
	return true;
}

/* Comma-separated expressions up to token end, each as a SELECT. */
static bool expr_list(struct rd *r, size_t end, const struct xlat_pl_expr ***out, size_t *n)
{
	static const char *const comma[] = {",", NULL};
	const struct xlat_pl_expr **v = arena_zalloc(r->l->c->a, (r->n + 1) * sizeof(*v));
	*n = 0;
	while (r->i < end) {
		size_t k = find(r, comma);
		k = k < end ? k : end;
		if (!(v[(*n)++] = xlat_plload_sql(r->l, arena_printf(r->l->c->a, "SELECT %s",
								     span(r, r->i, k)))))
			return false;
		r->i = k + 1;
	}
	*out = v;
	return true;
}

static bool cursor_error(struct rd *r, const char *fmt, const char *a, const char *b)
{
	return pgerr_set(r->l->c->err, SQLSTATE_SYNTAX_ERROR, fmt, a, b);
}

/* The index of c's argument named name, c->nargs when none. */
static size_t arg_named(const struct rd *r, const struct xlat_pl_cursor *c, const char *name)
{
	size_t k = 0;
	while (k < c->nargs && strcmp(r->l->vars[c->args[k]].name, name) != 0)
		k++;
	return k;
}

/* A bound cursor's arguments, `(a, b)` or `(k := a, j => b)`, into st->params by position. */
static bool cursor_args(struct rd *r, const struct xlat_pl_cursor *c, const char *name,
			struct xlat_pl_stmt *st)
{
	static const char *const comma[] = {",", NULL};
	if (r->i >= r->n || r->tk[r->i]->token != PG_QUERY__TOKEN__ASCII_40)
		return !c->nargs || cursor_error(r, "cursor \"%s\" has arguments", name, "");
	if (!c->nargs)
		return cursor_error(r, "cursor \"%s\" has no arguments", name, "");
	const struct xlat_pl_expr **v = arena_zalloc(r->l->c->a, c->nargs * sizeof(*v));
	size_t pos = 0;
	for (r->i++; r->i < r->n && r->tk[r->i]->token != PG_QUERY__TOKEN__ASCII_41;) {
		size_t end = find(r, comma), at = pos++;
		if (end > r->i + 1 && (r->tk[r->i + 1]->token == PG_QUERY__TOKEN__COLON_EQUALS ||
				       r->tk[r->i + 1]->token == PG_QUERY__TOKEN__EQUALS_GREATER)) {
			const char *an =
				xlat_plpre_fold(r->l->c->a, r->s + r->tk[r->i]->start,
						(size_t)(r->tk[r->i]->end - r->tk[r->i]->start));
			if ((at = arg_named(r, c, an)) == c->nargs)
				return cursor_error(r, "cursor \"%s\" has no argument named \"%s\"",
						    name, an);
			r->i += 2;
		}
		if (at >= c->nargs)
			return cursor_error(r, "too many arguments for cursor \"%s\"", name, "");
		if (v[at])
			return cursor_error(r,
					    "value for parameter \"%s\" of cursor \"%s\" specified "
					    "more than once",
					    r->l->vars[c->args[at]].name, name);
		if (!(v[at] = xlat_plload_sql(r->l, arena_printf(r->l->c->a, "SELECT %s",
								 span(r, r->i, end)))))
			return false;
		r->i = end + (end < r->n && r->tk[end]->token == PG_QUERY__TOKEN__ASCII_44);
	}
	r->i++;
	for (size_t k = 0; k < c->nargs; k++)
		if (!v[k])
			return cursor_error(r, "not enough arguments for cursor \"%s\"", name, "");
	st->params = v;
	st->nparams = c->nargs;
	return true;
}

/* OPEN c [[NO] SCROLL] FOR query | FOR EXECUTE expr [USING ...] | OPEN c [(args)] */
static bool load_open(struct rd *r, struct xlat_pl_stmt *st)
{
	static const char *const using[] = {"using", NULL};
	if (!cursor_name(r, &st->var))
		return false;
	const struct xlat_pl_var *v = &r->l->vars[st->var];
	if (take(r, "no") && !take(r, "scroll"))
		return syntax(r);
	st->no_scroll = r->i > 1 && at_word(r, r->i - 2, "no");
	(void)take(r, "scroll");
	if (v->cursor->query) /* bound: its query with the arguments given */
		return cursor_args(r, v->cursor, v->name, st) && (r->i >= r->n || syntax(r));
	if (!take(r, "for"))
		return pgerr_set(r->l->c->err, SQLSTATE_SYNTAX_ERROR,
				 "syntax error at or near \"%s\"",
				 r->i < r->n ? span(r, r->i, r->i + 1) : ";");
	if (!take(r, "execute"))
		return (st->expr = xlat_plload_sql(r->l, span(r, r->i, r->n))) != NULL;
	st->dynamic = true;
	size_t u = find(r, using);
	if (!(st->expr = xlat_plload_sql(r->l,
					 arena_printf(r->l->c->a, "SELECT %s", span(r, r->i, u)))))
		return false;
	r->i = u + (u < r->n);
	const struct xlat_pl_expr **params;
	if (!expr_list(r, r->n, &params, &st->nparams))
		return false;
	st->params = params;
	return true;
}

/* FETCH/MOVE's direction: NEXT, PRIOR, FIRST, LAST, ABSOLUTE n, RELATIVE n, FORWARD [n | ALL],
 * BACKWARD [n | ALL], or none (NEXT); its count expression ends at FROM or IN. */
static bool direction(struct rd *r, struct xlat_pl_stmt *st)
{
	static const char *const from[] = {"from", "in", NULL};
	static const char *const names[] = {"next",     "prior",    "first",   "last",
					    "absolute", "relative", "forward", "backward"};
	size_t d = 0;
	while (d < ARRAY_LEN(names) && !at_word(r, r->i, names[d]))
		d++;
	if (d == ARRAY_LEN(names))
		return true;
	st->fetch = (enum xlat_pl_fetch)d;
	r->i++;
	bool counted = st->fetch >= XLAT_PL_FETCH_ABSOLUTE;
	if (!counted || at_word(r, r->i, "from") || at_word(r, r->i, "in"))
		return true;
	if (st->fetch >= XLAT_PL_FETCH_FORWARD && take(r, "all")) {
		st->fetch_all = true;
		return true;
	}
	size_t end = find(r, from);
	if (end >= r->n)
		return syntax(r);
	st->count =
		xlat_plload_sql(r->l, arena_printf(r->l->c->a, "SELECT %s", span(r, r->i, end)));
	r->i = end;
	return st->count != NULL;
}

/* FETCH [direction] [FROM | IN] c INTO targets, MOVE [direction] [FROM | IN] c */
static bool load_fetch(struct rd *r, struct xlat_pl_stmt *st)
{
	if (!direction(r, st))
		return false;
	if (!take(r, "from"))
		(void)take(r, "in");
	if (!cursor_name(r, &st->var))
		return false;
	if (st->curop == XLAT_PL_MOVE)
		return r->i >= r->n || syntax(r);
	if ((st->fetch >= XLAT_PL_FETCH_FORWARD && (st->count || st->fetch_all)))
		return pgerr_set(r->l->c->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "FETCH statement cannot return multiple rows");
	if (!take(r, "into"))
		return syntax(r);
	size_t n = 0;
	int *v = arena_zalloc(r->l->c->a, (r->n + 1) * sizeof(int));
	for (; r->i < r->n; r->i++) {
		if (n && r->tk[r->i++]->token != PG_QUERY__TOKEN__ASCII_44)
			return syntax(r);
		const char *name =
			r->i < r->n
				? xlat_plpre_fold(r->l->c->a, r->s + r->tk[r->i]->start,
						  (size_t)(r->tk[r->i]->end - r->tk[r->i]->start))
				: "";
		if ((v[n++] = xlat_plload_find(r->l, name)) < 0)
			return pgerr_set(r->l->c->err, SQLSTATE_SYNTAX_ERROR,
					 "\"%s\" is not a known variable", name);
		if (!r->l->vars[v[n - 1]].type && n > 1)
			return xlat_plload_unsupported(r->l, "a record among several INTO targets");
	}
	st->targets = v;
	st->ntargets = n;
	return n > 0 || syntax(r);
}

/* PERFORM <mark>N: cursor statement N. */
static bool load_cursor_stmt(struct xlat_plloader *l, const char *text, struct xlat_pl_stmt *st)
{
	PgQueryScanResult sc = pg_query_scan(text);
	PgQuery__ScanResult *sr =
		sc.error ? NULL
			 : pg_query__scan_result__unpack(NULL, sc.pbuf.len,
							 (const uint8_t *)sc.pbuf.data);
	bool ok = false;
	if (sr) {
		struct rd r = {l, text, NULL, 0, 1};
		r.tk = xlat_plpre_tokens(l->c->a, sr, &r.n);
		st->kind = XLAT_PL_CURSOR;
		st->curop = at_word(&r, 0, "open")    ? XLAT_PL_OPEN
			    : at_word(&r, 0, "fetch") ? XLAT_PL_FETCH
			    : at_word(&r, 0, "move")  ? XLAT_PL_MOVE
						      : XLAT_PL_CLOSE;
		ok = st->curop == XLAT_PL_OPEN ? load_open(&r, st)
		     : st->curop == XLAT_PL_CLOSE
			     ? cursor_name(&r, &st->var) && (r.i >= r.n || syntax(&r))
			     : load_fetch(&r, st);
		pg_query__scan_result__free_unpacked(sr, NULL);
	} else {
		pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR, "could not scan \"%s\"", text);
	}
	pg_query_free_scan_result(sc);
	return ok;
}

/* FOR target IN <mark>N .. 0 LOOP: N is `c[(args)]`; target a record of the loop's own. */
static bool load_forc(struct xlat_plloader *l, const char *text, const struct xlat_json *b,
		      struct xlat_pl_stmt *st)
{
	PgQueryScanResult sc = pg_query_scan(text);
	PgQuery__ScanResult *sr =
		sc.error ? NULL
			 : pg_query__scan_result__unpack(NULL, sc.pbuf.len,
							 (const uint8_t *)sc.pbuf.data);
	bool ok = sr != NULL;
	size_t mark = l->nscope;
	xlat_plload_push(l, st->label, -1);
	st->kind = XLAT_PL_FORS;
	st->iter = XLAT_PL_ITER_CURSOR;
	if (ok) {
		struct rd r = {l, text, NULL, 0, 0};
		r.tk = xlat_plpre_tokens(l->c->a, sr, &r.n);
		ok = cursor_name(&r, &st->var);
		const struct xlat_pl_var *v = ok ? &l->vars[st->var] : NULL;
		if (ok && !v->cursor->query)
			ok = pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR,
				       "cursor FOR loop must use a bound cursor variable");
		ok = ok && cursor_args(&r, v->cursor, v->name, st) && (r.i >= r.n || syntax(&r));
		pg_query__scan_result__free_unpacked(sr, NULL);
	}
	pg_query_free_scan_result(sc);
	const char *name =
		xlat_json_str(xlat_json_get(xlat_json_get(b, "var"), "PLpgSQL_var"), "refname");
	int *target = arena_zalloc(l->c->a, sizeof(int));
	if (ok && (!name || (*target = xlat_plload_claim(l, name)) < 0))
		ok = xlat_plload_unsupported(l, "this FOR loop");
	if (ok) {
		l->vars[*target].type = NULL; /* a record, as PostgreSQL declares it */
		xlat_plload_push(l, name, *target);
		st->targets = target;
		st->ntargets = 1;
		ok = xlat_plload_list(l, xlat_json_get(b, "body"), &st->body);
	}
	l->nscope = mark;
	return ok;
}

/* The marker's number in text (after "SELECT " for a PERFORM), -1 when it is none. */
static long marker(const struct xlat_plloader *l, const char *text)
{
	size_t n = strlen(XLAT_PL_CURSOR_MARK);
	if (!text || strncmp(text, XLAT_PL_CURSOR_MARK, n) != 0)
		return -1;
	char *end;
	long k = strtol(text + n, &end, 10);
	return *end || k < 0 || (size_t)k >= l->ncursor_stmts ? -1 : k;
}

int xlat_plload_cursor_stmt(struct xlat_plloader *l, const char *kind, const struct xlat_json *b,
			    struct xlat_pl_stmt *st)
{
	if (strcmp(kind, "PLpgSQL_stmt_perform") == 0) {
		const char *q = xlat_plload_text(xlat_json_get(b, "expr"));
		long k = q && strncmp(q, "SELECT ", 7) == 0 ? marker(l, q + 7) : -1;
		return k < 0 ? -1 : load_cursor_stmt(l, l->cursor_stmts[k], st);
	}
	if (strcmp(kind, "PLpgSQL_stmt_fori") == 0) {
		long k = marker(l, xlat_plload_text(xlat_json_get(b, "lower")));
		return k < 0 ? -1 : load_forc(l, l->cursor_stmts[k], b, st);
	}
	return -1;
}

/* ---- array elements ---- */

/* One subscript [...] of an assignment's target (body the text between the brackets): its
 * expressions appended to subs, its spec letters to spec ('v' a bound given, '-' one left
 * out; an element i is 1:i in a slice, so given twice). */
static void target_subscript(const char *body, size_t n, struct strbuf *subs, struct strbuf *spec)
{
	size_t colon = n;
	int depth = 0;
	for (size_t i = 0; i < n && colon == n; i++) {
		depth += strchr("([", body[i]) ? 1 : strchr(")]", body[i]) ? -1 : 0;
		if (!depth && body[i] == ':' && (i + 1 >= n || body[i + 1] != ':') &&
		    (!i || body[i - 1] != ':'))
			colon = i;
	}
	const char *sep = subs->len > 7 ? ", " : "";
	if (colon == n) {
		strbuf_printf(subs, "%s1, ", sep);
		strbuf_append(subs, body, n);
		strbuf_puts(spec, "vv");
		return;
	}
	const char *lo = body, *hi = body + colon + 1;
	size_t nlo = colon, nhi = n - colon - 1;
	bool has_lo = strspn(lo, " \t\n\r") < nlo, has_hi = strspn(hi, " \t\n\r") < nhi;
	if (has_lo) {
		strbuf_puts(subs, sep);
		strbuf_append(subs, lo, nlo);
	}
	if (has_hi) {
		strbuf_puts(subs, has_lo || *sep ? ", " : "");
		strbuf_append(subs, hi, nhi);
	}
	strbuf_puts(spec, has_lo ? "v" : "-");
	strbuf_puts(spec, has_hi ? "v" : "-");
}

bool xlat_plload_element(struct xlat_plloader *l, const char *p, struct xlat_pl_stmt *st)
{
	struct strbuf subs, spec, elems;
	strbuf_init(&subs, 0);
	strbuf_init(&spec, 0);
	strbuf_init(&elems, 0);
	strbuf_puts(&subs, "SELECT ");
	strbuf_puts(&elems, "SELECT ");
	bool slice = false, ok = true;
	for (int n = 0; ok && *p == '['; n++) { /* a[i][j]: SELECT i, j */
		const char *open = p++;
		int depth = 1;
		for (; *p && depth; p++) {
			depth += *p == '[' ? 1 : *p == ']' ? -1 : 0;
			if (depth == 1 && p[0] == ':' && p[1] != ':' && p[-1] != ':')
				slice = true;
		}
		ok = !depth;
		size_t len = ok ? (size_t)(p - open - 2) : 0;
		strbuf_puts(&elems, n ? ", " : "");
		strbuf_append(&elems, open + 1, len);
		target_subscript(open + 1, len, &subs, &spec);
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
	}
	struct strbuf *use = slice ? &subs : &elems;
	const char *idx = ok && !use->failed && !spec.failed
				  ? arena_strndup(l->c->a, use->data, use->len)
				  : NULL;
	st->slice_spec = slice && idx ? arena_strndup(l->c->a, spec.data, spec.len) : NULL;
	bool none = slice && subs.len == 7; /* a[:] := ...: no bound at all */
	strbuf_fini(&subs);
	strbuf_fini(&spec);
	strbuf_fini(&elems);
	if (!idx)
		return xlat_plload_unsupported(l, "this assignment");
	p += *p == ':';
	if (*p++ != '=')
		return xlat_plload_unsupported(l, "this assignment");
	return (none || (st->subscript = xlat_plload_sql(l, idx))) &&
	       (st->expr = xlat_plload_sql(l, arena_printf(l->c->a, "SELECT %s", p)));
}
