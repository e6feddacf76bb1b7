/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_plpre.c: a PL/pgSQL body made fit for libpg_query's PL/pgSQL parser, which knows no
 * catalog: every declared variable is a scalar to it, so `r.a := 1` of a record is its "not
 * a known variable" error, and OPEN, FETCH, MOVE, CLOSE and FOR over a cursor its "must be of
 * type cursor or refcursor". The body's tokens are read first; `r.a := 1` is handed to the
 * parser as `r<comment a> := 1`, which it takes as an assignment to r (xlat_plrec.c reads the
 * field back), and a cursor statement as `PERFORM __shardlite_cursor_N` (a FOR over a cursor
 * as `FOR r IN __shardlite_cursor_N .. 0 LOOP`), N numbering the statements' own texts, which
 * xlat_pliter.c loads; `RETURN NEXT v;` as `RETURN NEXT __shardlite_next_N;` (the parser drops
 * which variable v is). Line numbers stay as written. */
#include "xlat_plpgsql.h"

#include <ctype.h>
#include <pg_query.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* A token that may be an identifier (keywords included: "name", "type" ...). */
static bool word(const PgQuery__ScanToken *t)
{
	return t->token == PG_QUERY__TOKEN__IDENT ||
	       t->keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD;
}

/* The identifier p[0..n) as PostgreSQL folds it: quoted kept as written, else lower case. */
const char *xlat_plpre_fold(struct arena *a, const char *p, size_t n)
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
	return xlat_plpre_fold(a, body + t->start, (size_t)(t->end - t->start));
}

static bool is_word(const char *body, const PgQuery__ScanToken *t, const char *w)
{
	size_t n = strlen(w);
	return word(t) && (size_t)(t->end - t->start) == n &&
	       strncasecmp(body + t->start, w, n) == 0;
}

/* The body's tokens. */
struct toks {
	struct xlat_plloader *l;
	struct arena *a;
	const char *body;
	PgQuery__ScanToken **tk;
	size_t n;
};

/* The text being rebuilt: body up to pos copied, replacements in order. */
struct edit {
	struct strbuf sb;
	int pos;
};

static void replace(struct edit *e, const struct toks *t, int from, int to, const char *text)
{
	strbuf_append(&e->sb, t->body + e->pos, (size_t)(from - e->pos));
	strbuf_puts(&e->sb, text);
	for (int i = from; i < to; i++) /* keep the lines where they were */
		if (t->body[i] == '\n')
			strbuf_puts(&e->sb, "\n");
	e->pos = to;
}

static const char *edited(struct edit *e, const struct toks *t)
{
	const char *out = t->body;
	if (e->pos) {
		strbuf_puts(&e->sb, t->body + e->pos);
		if (!e->sb.failed)
			out = arena_strndup(t->a, e->sb.data ? e->sb.data : "", e->sb.len);
	}
	strbuf_fini(&e->sb);
	return out;
}

/* Whether the declaration whose name is token i has a record's type: `record` or
 * `x%ROWTYPE` ([CONSTANT] before it). */
static bool record_decl(const struct toks *t, size_t i)
{
	size_t k = i + 1;
	if (k < t->n && is_word(t->body, t->tk[k], "constant"))
		k++;
	if (k + 1 < t->n && is_word(t->body, t->tk[k], "record") &&
	    (t->tk[k + 1]->token == PG_QUERY__TOKEN__ASCII_59 ||
	     t->tk[k + 1]->token == PG_QUERY__TOKEN__COLON_EQUALS))
		return true;
	/* `u users;`: a relation's name as the type, its row type */
	if (k + 1 < t->n && (word(t->tk[k]) || t->tk[k]->token == PG_QUERY__TOKEN__IDENT) &&
	    (t->tk[k + 1]->token == PG_QUERY__TOKEN__ASCII_59 ||
	     t->tk[k + 1]->token == PG_QUERY__TOKEN__COLON_EQUALS) &&
	    xlat_plrec_names_relation(t->l, arena_strndup(t->a, t->body + t->tk[k]->start,
							   (size_t)(t->tk[k]->end - t->tk[k]->start))))
		return true;
	for (; k + 1 < t->n && t->tk[k]->token != PG_QUERY__TOKEN__ASCII_59; k++)
		if (t->tk[k]->token == PG_QUERY__TOKEN__ASCII_37 &&
		    is_word(t->body, t->tk[k + 1], "rowtype"))
			return true;
	return false;
}

/* Whether the declaration whose name is token i is a cursor's: `[NO] [SCROLL] CURSOR` or
 * `refcursor`. */
static bool cursor_decl(const struct toks *t, size_t i)
{
	for (size_t k = i + 1; k < t->n && t->tk[k]->token != PG_QUERY__TOKEN__ASCII_59; k++)
		if (t->tk[k]->token == PG_QUERY__TOKEN__CURSOR ||
		    is_word(t->body, t->tk[k], "refcursor"))
			return true;
	return false;
}

/* A walk over the declarations of a body's DECLARE sections: next_decl gives the token that
 * begins the next one (its name), t->n after the last. */
struct decl_walk {
	size_t i;
	int depth; /* parentheses open: a `;` inside them ends no declaration */
	bool in_decl, at_start;
};

static size_t next_decl(const struct toks *t, struct decl_walk *w)
{
	for (; w->i < t->n; w->i++) {
		PgQuery__Token k = t->tk[w->i]->token;
		w->depth += k == PG_QUERY__TOKEN__ASCII_40   ? 1
			    : k == PG_QUERY__TOKEN__ASCII_41 ? -1
							     : 0;
		if (k == PG_QUERY__TOKEN__DECLARE) {
			w->in_decl = w->at_start = true;
		} else if (k == PG_QUERY__TOKEN__BEGIN_P) {
			w->in_decl = false;
		} else if (w->in_decl && k == PG_QUERY__TOKEN__ASCII_59 && !w->depth) {
			w->at_start = true;
		} else if (w->in_decl && w->at_start) {
			w->at_start = false;
			return w->i++;
		}
	}
	return t->n;
}

/* The names the DECLARE sections give the declarations pred holds for. */
static const char **decl_names(const struct toks *t, bool (*pred)(const struct toks *, size_t),
			       size_t *count)
{
	const char **names = arena_zalloc(t->a, (t->n + 1) * sizeof(*names));
	struct decl_walk w = {0};
	*count = 0;
	for (size_t i; (i = next_decl(t, &w)) < t->n;)
		if (word(t->tk[i]) && pred(t, i))
			names[(*count)++] = ident(t->a, t->body, t->tk[i]);
	return names;
}

static bool among(const char *name, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* Whether token i starts a statement: it follows `;`, BEGIN, LOOP, a label's `>>`, or THEN or
 * ELSE outside an SQL CASE expression (sql_case: how many are open). */
static bool stmt_start(const struct toks *t, size_t i, int sql_case)
{
	if (i == 0)
		return true;
	const PgQuery__ScanToken *p = t->tk[i - 1];
	if (p->token == PG_QUERY__TOKEN__ASCII_59 || p->token == PG_QUERY__TOKEN__BEGIN_P ||
	    is_word(t->body, p, "loop") ||
	    (p->token == PG_QUERY__TOKEN__Op && strncmp(t->body + p->start, ">>", 2) == 0))
		return true;
	return !sql_case &&
	       (p->token == PG_QUERY__TOKEN__THEN || p->token == PG_QUERY__TOKEN__ELSE);
}

/* SQL CASE expressions open after token i: a CASE that neither starts a statement (PL/pgSQL's
 * CASE) nor follows END (its END CASE) opens one, the next END closes it. */
static int track_case(const struct toks *t, size_t i, int open)
{
	if (t->tk[i]->token == PG_QUERY__TOKEN__CASE && !stmt_start(t, i, open) &&
	    t->tk[i - 1]->token != PG_QUERY__TOKEN__END_P)
		return open + 1;
	return t->tk[i]->token == PG_QUERY__TOKEN__END_P && open ? open - 1 : open;
}

/* `r.f :=` (or `=`) at a statement's start, r a record: `r<comment f> :=`. */
static const char *record_edits(struct xlat_plloader *l, const struct toks *t)
{
	size_t nrec;
	const char **decls = decl_names(t, record_decl, &nrec);
	const char **recs = arena_zalloc(t->a, (nrec + l->nargs + 1) * sizeof(*recs));
	memcpy(recs, decls, nrec * sizeof(*recs));
	for (size_t i = 0; l->argnames && i < l->nargs; i++) /* parameters of a row type */
		if (l->argnames[i][0] && xlat_plrec_names_relation(l, l->argdecls[i]))
			recs[nrec++] = l->argnames[i];
	struct edit e = {.pos = 0};
	strbuf_init(&e.sb, 0);
	int sql_case = 0;
	for (size_t i = 0; nrec && i + 3 < t->n; i++) {
		PgQuery__ScanToken **tk = t->tk;
		sql_case = track_case(t, i, sql_case);
		PgQuery__Token op = tk[i + 3]->token;
		bool assign = op == PG_QUERY__TOKEN__COLON_EQUALS ||
			      op == PG_QUERY__TOKEN__ASCII_61;
		if (!assign || !word(tk[i]) || tk[i + 1]->token != PG_QUERY__TOKEN__ASCII_46 ||
		    !word(tk[i + 2]) || !stmt_start(t, i, sql_case) ||
		    !among(ident(t->a, t->body, tk[i]), recs, nrec))
			continue;
		const char *f = arena_strndup(t->a, t->body + tk[i + 2]->start,
					      (size_t)(tk[i + 2]->end - tk[i + 2]->start));
		if (!strstr(f, "*/") && !strstr(f, "/*"))
			replace(&e, t, tk[i]->end, tk[i + 2]->end, arena_printf(t->a, "/*%s*/", f));
	}
	return edited(&e, t);
}

/* The token after i where the statement that starts at i ends (its `;` at depth 0), 0 when
 * there is none. */
static size_t stmt_end(const struct toks *t, size_t i)
{
	int depth = 0;
	for (size_t k = i; k < t->n; k++) {
		PgQuery__Token tok = t->tk[k]->token;
		depth += tok == PG_QUERY__TOKEN__ASCII_40   ? 1
			 : tok == PG_QUERY__TOKEN__ASCII_41 ? -1
							    : 0;
		if (tok == PG_QUERY__TOKEN__ASCII_59 && depth <= 0)
			return k;
	}
	return 0;
}

/* The text from..to as taken-out text N of the loader: its marker, mark followed by N. */
static const char *remember(struct xlat_plloader *l, const struct toks *t, int from, int to,
			    const char *mark)
{
	if (l->ncursor_stmts == l->cap_cursor_stmts) {
		l->cap_cursor_stmts = l->cap_cursor_stmts ? 2 * l->cap_cursor_stmts : 8;
		const char **v = arena_zalloc(t->a, l->cap_cursor_stmts * sizeof(*v));
		if (l->ncursor_stmts)
			memcpy(v, l->cursor_stmts, l->ncursor_stmts * sizeof(*v));
		l->cursor_stmts = v;
	}
	l->cursor_stmts[l->ncursor_stmts] =
		arena_strndup(t->a, t->body + from, (size_t)(to - from));
	return arena_printf(t->a, "%s%zu", mark, l->ncursor_stmts++);
}

/* OPEN, FETCH, MOVE, CLOSE at statement i (not `open := ...`, a variable's); its last token. */
static size_t cursor_stmt(struct xlat_plloader *l, const struct toks *t, size_t i, struct edit *e)
{
	PgQuery__ScanToken **tk = t->tk;
	if (!(is_word(t->body, tk[i], "open") || is_word(t->body, tk[i], "fetch") ||
	      is_word(t->body, tk[i], "move") || is_word(t->body, tk[i], "close")) ||
	    i + 1 >= t->n || tk[i + 1]->token == PG_QUERY__TOKEN__COLON_EQUALS ||
	    tk[i + 1]->token == PG_QUERY__TOKEN__ASCII_61 ||
	    tk[i + 1]->token == PG_QUERY__TOKEN__ASCII_46 ||
	    tk[i + 1]->token == PG_QUERY__TOKEN__ASCII_91)
		return i;
	size_t end = stmt_end(t, i);
	if (!end)
		return i;
	const char *mark = remember(l, t, tk[i]->start, tk[end]->start, XLAT_PL_CURSOR_MARK);
	replace(e, t, tk[i]->start, tk[end]->start, arena_printf(t->a, "PERFORM %s", mark));
	return end;
}

/* FOR target IN c[(args)] LOOP, c a cursor: FOR target IN mark .. 0 LOOP. */
static size_t cursor_for(struct xlat_plloader *l, const struct toks *t, size_t i,
			 const char *const *curs, size_t ncurs, struct edit *e)
{
	PgQuery__ScanToken **tk = t->tk;
	if (tk[i]->token != PG_QUERY__TOKEN__FOR || i + 4 >= t->n || !word(tk[i + 1]) ||
	    tk[i + 2]->token != PG_QUERY__TOKEN__IN_P || !word(tk[i + 3]) ||
	    !among(ident(t->a, t->body, tk[i + 3]), curs, ncurs))
		return i;
	size_t k = i + 4;
	int depth = 0;
	for (; k < t->n && (depth || !is_word(t->body, tk[k], "loop")); k++)
		depth += tk[k]->token == PG_QUERY__TOKEN__ASCII_40   ? 1
			 : tk[k]->token == PG_QUERY__TOKEN__ASCII_41 ? -1
								     : 0;
	if (k >= t->n)
		return i;
	const char *mark = remember(l, t, tk[i + 3]->start, tk[k]->start, XLAT_PL_CURSOR_MARK);
	replace(e, t, tk[i + 3]->start, tk[k]->start, arena_printf(t->a, "%s .. 0 ", mark));
	return k;
}

/* `RETURN NEXT name;` at statement i: PostgreSQL's parser keeps which variable name is (its
 * retvarno), libpg_query's JSON drops it; name becomes a marker the parser reads as an
 * expression (xlat_plfunc.c maps it back to name). `RETURN NEXT;` (of RETURNS TABLE's
 * columns), which libpg_query's parser refuses as a missing expression since it keeps no OUT
 * parameters, gets a marker of the empty name. Its last token. */
static size_t return_next_var(struct xlat_plloader *l, const struct toks *t, size_t i,
			      struct edit *e)
{
	PgQuery__ScanToken **tk = t->tk;
	if (i + 2 < t->n && is_word(t->body, tk[i], "return") &&
	    tk[i + 1]->token == PG_QUERY__TOKEN__NEXT &&
	    tk[i + 2]->token == PG_QUERY__TOKEN__ASCII_59) { /* `RETURN NEXT;`: an empty name */
		const char *mark = remember(l, t, tk[i + 2]->start, tk[i + 2]->start,
					    XLAT_PL_NEXT_MARK);
		replace(e, t, tk[i + 2]->start, tk[i + 2]->start, arena_printf(t->a, " %s", mark));
		return i + 2;
	}
	if (i + 3 >= t->n || !is_word(t->body, tk[i], "return") ||
	    tk[i + 1]->token != PG_QUERY__TOKEN__NEXT || !word(tk[i + 2]) ||
	    tk[i + 3]->token != PG_QUERY__TOKEN__ASCII_59)
		return i;
	const char *mark = remember(l, t, tk[i + 2]->start, tk[i + 2]->end, XLAT_PL_NEXT_MARK);
	replace(e, t, tk[i + 2]->start, tk[i + 2]->end, mark);
	return i + 3;
}

static const char *cursor_edits(struct xlat_plloader *l, const struct toks *t)
{
	size_t ncurs;
	const char **curs = decl_names(t, cursor_decl, &ncurs);
	struct edit e = {.pos = 0};
	strbuf_init(&e.sb, 0);
	int sql_case = 0;
	bool in_decl = false;
	for (size_t i = 0; i < t->n; i++) {
		sql_case = track_case(t, i, sql_case);
		if (t->tk[i]->token == PG_QUERY__TOKEN__DECLARE ||
		    t->tk[i]->token == PG_QUERY__TOKEN__BEGIN_P)
			in_decl = t->tk[i]->token == PG_QUERY__TOKEN__DECLARE;
		else if (!in_decl && stmt_start(t, i, sql_case)) {
			size_t j = cursor_stmt(l, t, i, &e);
			j = j != i ? j : return_next_var(l, t, i, &e);
			i = j != i ? j : cursor_for(l, t, i, curs, ncurs, &e);
		}
	}
	return edited(&e, t);
}

PgQuery__ScanToken **xlat_plpre_tokens(struct arena *a, const PgQuery__ScanResult *sr, size_t *n)
{
	PgQuery__ScanToken **tk = arena_zalloc(a, (sr->n_tokens + 1) * sizeof(*tk));
	*n = 0;
	for (size_t i = 0; i < sr->n_tokens; i++)
		if (sr->tokens[i]->token != PG_QUERY__TOKEN__SQL_COMMENT &&
		    sr->tokens[i]->token != PG_QUERY__TOKEN__C_COMMENT)
			tk[(*n)++] = sr->tokens[i];
	return tk;
}

/* Runs edit over body's tokens; body itself when it does not scan. */
static const char *with_tokens(struct xlat_plloader *l, const char *body,
			       const char *(*edit)(struct xlat_plloader *, const struct toks *))
{
	PgQueryScanResult r = pg_query_scan(body);
	PgQuery__ScanResult *sr = r.error ? NULL
					  : pg_query__scan_result__unpack(
						    NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
	const char *out = body;
	if (sr) {
		struct toks t = {l, l->c->a, body, NULL, 0};
		t.tk = xlat_plpre_tokens(l->c->a, sr, &t.n);
		out = edit(l, &t);
		pg_query__scan_result__free_unpacked(sr, NULL);
	}
	pg_query_free_scan_result(r);
	return out;
}

/* `r RECORD;`: libpg_query's parser knows the type only in lower case (RECORD was a scalar
 * variable's type to it, so FOR r IN ... and SELECT INTO r were refused). */
static const char *record_case(struct xlat_plloader *l, const struct toks *t)
{
	(void)l;
	struct edit e = {.pos = 0};
	strbuf_init(&e.sb, 0);
	struct decl_walk w = {0};
	for (size_t i; (i = next_decl(t, &w)) < t->n;) {
		size_t j = i + 1;
		if (j < t->n && is_word(t->body, t->tk[j], "constant"))
			j++;
		if (j < t->n && is_word(t->body, t->tk[j], "record") &&
		    strncmp(t->body + t->tk[j]->start, "record", 6) != 0)
			replace(&e, t, t->tk[j]->start, t->tk[j]->end, "record");
	}
	return edited(&e, t);
}

const char *xlat_plpre_body(struct xlat_plloader *l, const char *body)
{
	body = with_tokens(l, body, record_case);
	return with_tokens(l, with_tokens(l, body, cursor_edits), record_edits);
}
