/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_scan.c: reads what SQLite's pragmas do not report out of the schema's own DDL text —
 * constraint names, CHECK expressions, the keys and predicate of an index. A tokenizer of
 * SQLite's lexical rules (quotes, strings, comments, parentheses), not a parser: the text was
 * written by the translator or accepted by SQLite, so its shape is known. */
#include "catalog_int.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

struct tok {
	const char *p; /* start in the text */
	size_t n;
	char kind; /* 'w' word, 'q' quoted identifier, 's' string, '(' ')' ',' or 'o' other */
};

struct lexer {
	const char *s;
	size_t i;
	bool not_valid; /* a CATALOG_NOT_VALID_MARK was skipped since the flag was cleared */
	bool guard;     /* ... a CATALOG_MATCH_FULL_MARK */
};

static bool next(struct lexer *lx, struct tok *t)
{
	const char *s = lx->s;
	size_t i = lx->i;
	for (;;) {
		while (s[i] && isspace((unsigned char)s[i]))
			i++;
		if (s[i] == '-' && s[i + 1] == '-') {
			while (s[i] && s[i] != '\n')
				i++;
		} else if (s[i] == '/' && s[i + 1] == '*') {
			const char *e = strstr(s + i + 2, "*/");
			lx->not_valid |= strncmp(s + i, CATALOG_NOT_VALID_MARK,
						 strlen(CATALOG_NOT_VALID_MARK)) == 0;
			lx->guard |= strncmp(s + i, CATALOG_MATCH_FULL_MARK,
					     strlen(CATALOG_MATCH_FULL_MARK)) == 0;
			i = e ? (size_t)(e - s) + 2 : strlen(s);
		} else {
			break;
		}
	}
	if (!s[i])
		return false;
	size_t b = i;
	char c = s[i];
	if (c == '"' || c == '`' || c == '[' || c == '\'') {
		char close = c == '[' ? ']' : c;
		for (i++; s[i]; i++) {
			if (s[i] == close && s[i + 1] == close && close != ']')
				i++;
			else if (s[i] == close)
				break;
		}
		i += s[i] ? 1 : 0;
		t->kind = c == '\'' ? 's' : 'q';
	} else if (isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80) {
		while (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '$' ||
		       (unsigned char)s[i] >= 0x80)
			i++;
		t->kind = 'w';
	} else {
		i++;
		t->kind = strchr("(),", c) ? c : 'o';
	}
	t->p = s + b;
	t->n = i - b;
	lx->i = i;
	return true;
}

static bool is_word(const struct tok *t, const char *w)
{
	return t->kind == 'w' && strlen(w) == t->n && strncasecmp(t->p, w, t->n) == 0;
}

/* An identifier token's name: quotes removed (doubled quotes undone), bare words as written. */
static const char *ident(struct arena *a, const struct tok *t)
{
	if (t->kind != 'q')
		return arena_strndup(a, t->p, t->n);
	char *out = arena_alloc(a, t->n + 1);
	size_t o = 0;
	char q = t->p[0] == '[' ? ']' : t->p[0];
	for (size_t i = 1; i + 1 < t->n; i++) {
		out[o++] = t->p[i];
		if (t->p[i] == q && t->p[i + 1] == q)
			i++;
	}
	out[o] = '\0';
	return out;
}

/* Skips a parenthesized group whose '(' was just read; returns the text inside. */
static const char *group(struct arena *a, struct lexer *lx, const struct tok *open)
{
	int depth = 1;
	struct tok t;
	const char *start = open->p + 1, *end = start;
	while (depth > 0 && next(lx, &t)) {
		depth += t.kind == '(' ? 1 : t.kind == ')' ? -1 : 0;
		end = t.p;
	}
	return arena_strndup(a, start, (size_t)(end - start));
}

/* A parenthesized list of column names after the current token. */
static void name_list(struct arena *a, struct lexer *lx, struct cat_scanned *sc)
{
	struct tok t;
	size_t save = lx->i;
	if (!next(lx, &t) || t.kind != '(') {
		lx->i = save;
		return;
	}
	const char **v = arena_zalloc(a, 64 * sizeof(*v));
	int n = 0;
	while (next(lx, &t) && t.kind != ')') {
		if ((t.kind == 'w' || t.kind == 'q') && n < 64 && !is_word(&t, "COLLATE") &&
		    !is_word(&t, "ASC") && !is_word(&t, "DESC"))
			v[n++] = ident(a, &t);
		while (t.kind != ',' && t.kind != ')' && next(lx, &t)) {
		}
		if (t.kind == ')')
			break;
	}
	sc->cols = v;
	sc->ncols = n;
}

struct scan_out {
	struct arena *a;
	struct cat_scanned *v;
	size_t n, cap;
};

static struct cat_scanned *add(struct scan_out *o, enum cat_con_kind kind, const char *name,
			       const char *column)
{
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 8;
		struct cat_scanned *v = arena_zalloc(o->a, cap * sizeof(*v));
		if (o->n)
			memcpy(v, o->v, o->n * sizeof(*v));
		o->v = v;
		o->cap = cap;
	}
	struct cat_scanned *sc = &o->v[o->n++];
	*sc = (struct cat_scanned){.kind = kind, .name = name, .column = column};
	return sc;
}

/* GENERATED ALWAYS AS (expr): the PostgreSQL text the translator put first in expr. */
static void generated(struct scan_out *o, const char *column, const char *expr)
{
	size_t mark = strlen(CATALOG_GENERATED_MARK);
	while (isspace((unsigned char)*expr))
		expr++;
	const char *end = strncmp(expr, CATALOG_GENERATED_MARK, mark) == 0
				  ? strstr(expr + mark, " */")
				  : NULL;
	struct cat_scanned *sc = add(o, CAT_CON_GENERATED, NULL, column);
	sc->sql = expr;
	if (end)
		sc->expr = arena_strndup(o->a, expr + mark, (size_t)(end - expr - mark));
}

/* One element of the table body (a column definition or a table constraint), up to its
 * top-level ',' or the closing ')'. Returns false at the end of the body. */
static bool element(struct scan_out *o, struct lexer *lx)
{
	struct tok t;
	const char *column = NULL, *pending = NULL;
	struct cat_scanned *fk = NULL; /* the last FOREIGN KEY / REFERENCES, for DEFERRABLE */
	bool first = true;
	size_t start = o->n;
	while (next(lx, &t)) {
		if (lx->not_valid && o->n > start) /* the mark ends the constraint it follows */
			o->v[o->n - 1].not_valid = true;
		if (lx->guard && o->n > start && o->v[o->n - 1].kind == CAT_CON_CHECK)
			o->n--; /* a MATCH FULL key's guard: part of the key, no constraint */
		lx->not_valid = lx->guard = false;
		if (t.kind == ',' || t.kind == ')')
			return t.kind == ',';
		bool table_level = first && (is_word(&t, "CONSTRAINT") || is_word(&t, "PRIMARY") ||
					     is_word(&t, "UNIQUE") || is_word(&t, "CHECK") ||
					     is_word(&t, "FOREIGN"));
		if (first && !table_level)
			column = ident(o->a, &t);
		first = false;
		struct tok nt;
		if (is_word(&t, "CONSTRAINT") && next(lx, &nt)) {
			pending = ident(o->a, &nt);
		} else if (is_word(&t, "PRIMARY") || is_word(&t, "UNIQUE")) {
			struct cat_scanned *sc =
				add(o, is_word(&t, "UNIQUE") ? CAT_CON_UNIQUE : CAT_CON_PK, pending,
				    column);
			if (is_word(&t, "PRIMARY"))
				next(lx, &nt); /* KEY */
			if (!column)
				name_list(o->a, lx, sc);
			pending = NULL;
		} else if (is_word(&t, "CHECK") && next(lx, &nt) && nt.kind == '(') {
			struct cat_scanned *sc = add(o, CAT_CON_CHECK, pending, column);
			sc->expr = group(o->a, lx, &nt);
			pending = NULL;
		} else if (is_word(&t, "FOREIGN")) {
			next(lx, &nt); /* KEY */
			fk = add(o, CAT_CON_FK, pending, NULL);
			name_list(o->a, lx, fk);
			pending = NULL;
		} else if (is_word(&t, "REFERENCES") && column) {
			fk = add(o, CAT_CON_FK, pending, column);
			pending = NULL;
		} else if (is_word(&t, "NOT") && fk) {
			size_t save = lx->i; /* NOT DEFERRABLE: the default */
			if (!next(lx, &nt) || !is_word(&nt, "DEFERRABLE"))
				lx->i = save;
		} else if (is_word(&t, "DEFERRABLE") && fk) {
			fk->deferrable = true;
		} else if (is_word(&t, "MATCH") && fk && next(lx, &nt)) {
			fk->match_full = is_word(&nt, "FULL");
		} else if (is_word(&t, "INITIALLY") && fk && next(lx, &nt)) {
			fk->deferred = is_word(&nt, "DEFERRED");
		} else if (is_word(&t, "COLLATE") && column && next(lx, &nt) &&
			   is_word(&nt, "BINARY")) {
			add(o, CAT_CON_COLLATE, NULL, column);
		} else if (is_word(&t, "AS") && column && next(lx, &nt) && nt.kind == '(') {
			generated(o, column, group(o->a, lx, &nt));
		} else if (t.kind == '(') {
			group(o->a, lx, &t);
		}
	}
	return false;
}

void cat_scan_table(struct arena *a, const char *sql, struct cat_scanned **out, size_t *n)
{
	struct scan_out o = {.a = a};
	struct lexer lx = {sql ? sql : "", 0, false, false};
	struct tok t;
	while (next(&lx, &t) && t.kind != '(') {
	}
	while (element(&o, &lx)) {
	}
	*out = o.v;
	*n = o.n;
}

void cat_scan_index(struct arena *a, const char *sql, const char ***keys, int *nkeys,
		    const char **pred)
{
	struct lexer lx = {sql ? sql : "", 0, false, false};
	struct tok t;
	*keys = NULL;
	*nkeys = 0;
	*pred = NULL;
	while (next(&lx, &t) && t.kind != '(') {
	}
	const char **v = arena_zalloc(a, 64 * sizeof(*v));
	int n = 0, depth = 1;
	const char *start = lx.s + lx.i;
	while (depth > 0 && next(&lx, &t)) {
		depth += t.kind == '(' ? 1 : t.kind == ')' ? -1 : 0;
		if ((t.kind == ',' && depth == 1) || depth == 0) {
			const char *b = start, *e = t.p;
			while (b < e && isspace((unsigned char)*b))
				b++;
			while (e > b && isspace((unsigned char)e[-1]))
				e--;
			if (n < 64)
				v[n++] = arena_strndup(a, b, (size_t)(e - b));
			start = t.p + 1;
		}
	}
	*keys = v;
	*nkeys = n;
	if (next(&lx, &t) && is_word(&t, "WHERE")) {
		const char *b = lx.s + lx.i;
		while (isspace((unsigned char)*b))
			b++;
		size_t len = strlen(b);
		while (len && (isspace((unsigned char)b[len - 1]) || b[len - 1] == ';'))
			len--;
		*pred = arena_strndup(a, b, len);
	}
}

bool cat_scan_mentions(const char *sql, const char *word)
{
	struct lexer lx = {sql ? sql : "", 0, false, false};
	struct tok t;
	size_t n = strlen(word);
	while (next(&lx, &t)) {
		if (t.kind == 'w' && t.n == n && strncasecmp(t.p, word, n) == 0)
			return true;
		if (t.kind == 'q' && t.n == n + 2 && strncasecmp(t.p + 1, word, n) == 0)
			return true;
	}
	return false;
}

bool catalog_sql_autoincrement(const char *table_sql)
{
	struct lexer lx = {table_sql ? table_sql : "", 0, false, false};
	struct tok t;
	while (next(&lx, &t)) {
		if (t.kind == 'w' && t.n == 13 && strncasecmp(t.p, "AUTOINCREMENT", 13) == 0)
			return true;
	}
	return false;
}

/* The generated column entry of column in the CREATE TABLE text sql, NULL when none. */
static const struct cat_scanned *generated_entry(struct arena *a, const char *sql,
						 const char *column, const char *reads)
{
	struct cat_scanned *sc = NULL;
	size_t n = 0;
	cat_scan_table(a, sql, &sc, &n);
	for (size_t i = 0; i < n; i++) {
		if (sc[i].kind != CAT_CON_GENERATED || !sc[i].column)
			continue;
		if (column ? strcasecmp(sc[i].column, column) == 0
			   : cat_scan_mentions(sc[i].sql, reads))
			return &sc[i];
	}
	return NULL;
}

bool catalog_sql_collate_c(const char *table_sql, const char *column)
{
	struct arena *a = arena_new(0);
	struct cat_scanned *sc = NULL;
	size_t n = 0;
	bool found = false;
	cat_scan_table(a, table_sql, &sc, &n);
	for (size_t i = 0; i < n && !found; i++)
		found = sc[i].kind == CAT_CON_COLLATE && strcasecmp(sc[i].column, column) == 0;
	arena_free(a);
	return found;
}

char *catalog_generated_clause(const char *table_sql, const char *column)
{
	struct arena *a = arena_new(0);
	const struct cat_scanned *g = generated_entry(a, table_sql, column, NULL);
	char *out = g ? base_xstrdup(g->sql) : NULL;
	arena_free(a);
	return out;
}

char *catalog_generated_reader(const char *table_sql, const char *column)
{
	struct arena *a = arena_new(0);
	const struct cat_scanned *g = generated_entry(a, table_sql, NULL, column);
	char *out = g ? base_xstrdup(g->column) : NULL;
	arena_free(a);
	return out;
}

/* An identifier list "x = NULL, ..." (set) or "x = OLD.y AND ..." (where): the names before
 * each '=', up to the word stop; the list read ends at stop or at ';'. */
static int assignments(struct arena *a, struct lexer *lx, const char *stop, const char **v)
{
	struct tok t;
	int n = 0;
	bool expect_name = true;
	while (next(lx, &t) && !(t.kind == 'o' && *t.p == ';') && !(stop && is_word(&t, stop))) {
		if (expect_name && (t.kind == 'w' || t.kind == 'q') && n < 64) {
			v[n++] = ident(a, &t);
			expect_name = false;
		} else if (t.kind == ',' || is_word(&t, "AND")) {
			expect_name = true;
		}
	}
	return n;
}

bool cat_scan_fkset(struct arena *a, const char *sql, struct cat_fkset *out)
{
	struct lexer lx = {sql ? sql : "", 0, false, false};
	struct tok t;
	*out = (struct cat_fkset){0};
	while (next(&lx, &t) && !is_word(&t, "BEGIN")) {
	}
	if (!next(&lx, &t) || !is_word(&t, "UPDATE") || !next(&lx, &t) ||
	    (t.kind != 'w' && t.kind != 'q'))
		return false;
	out->child = ident(a, &t);
	if (!next(&lx, &t) || !is_word(&t, "SET"))
		return false;
	out->set = arena_zalloc(a, 64 * sizeof(*out->set));
	out->keys = arena_zalloc(a, 64 * sizeof(*out->keys));
	out->nset = assignments(a, &lx, "WHERE", out->set);
	out->nkeys = assignments(a, &lx, NULL, out->keys);
	return out->nset > 0 && out->nkeys > 0;
}

bool cat_scan_index_parts(const char *sql, struct cat_index_parts *out)
{
	struct lexer lx = {sql ? sql : "", 0, false, false};
	struct tok t, prev = {NULL, 0, 'o'};
	memset(out, 0, sizeof(*out));
	while (next(&lx, &t) && t.kind != '(')
		prev = t;
	if (t.kind != '(' || (prev.kind != 'w' && prev.kind != 'q'))
		return false;
	out->table = prev.p;
	out->table_end = prev.p + prev.n;
	int depth = 1;
	while (depth > 0 && next(&lx, &t))
		depth += t.kind == '(' ? 1 : t.kind == ')' ? -1 : 0;
	if (depth)
		return false;
	out->keys_end = t.p + 1;
	if (next(&lx, &t) && is_word(&t, "WHERE")) {
		out->where = t.p;
		out->pred = lx.s + lx.i;
		while (isspace((unsigned char)*out->pred))
			out->pred++;
	}
	return true;
}
