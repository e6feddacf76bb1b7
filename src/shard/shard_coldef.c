/* SPDX-License-Identifier: Apache-2.0 */
/* shard_coldef.c: edits of a stored CREATE TABLE text for the rebuilds that change rather
 * than add — a column's DEFAULT set or dropped, its declared type changed, a constraint
 * dropped. The text is split into its top-level elements (columns and table constraints) and
 * each element into tokens (words, quoted names and strings, parenthesized groups), so that a
 * clause is found by its keywords, never inside a string or an expression. */
#include "shard_int.h"

#include "catalog.h"
#include "pgtype.h"
#include "xlat.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_ELEMS 1024
#define MAX_TOKS 256

struct span {
	size_t b, e; /* s[b, e) */
};

struct tok {
	size_t b, e;
	char kind; /* 'w' word or number, 'q' quoted, '(' group, 'p' punctuation */
};

/* The elements between the outer parentheses, split at top-level commas. */
static size_t elements(const char *s, struct span *el, size_t *open, size_t *close)
{
	int depth = 0;
	size_t n = 0, start = 0;
	*open = *close = 0;
	for (size_t i = 0; s[i] && n < MAX_ELEMS;) {
		char ch = s[i];
		if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
			char q = ch == '[' ? ']' : ch;
			for (i++; s[i] && !(s[i] == q && s[i + 1] != q); i += s[i] == q ? 2 : 1)
				;
			i += s[i] != '\0';
			continue;
		}
		if (ch == '(' && depth++ == 0) {
			*open = i;
			start = i + 1;
		} else if (ch == ')' && --depth == 0) {
			*close = i;
			el[n++] = (struct span){start, i};
			break;
		} else if (ch == ',' && depth == 1) {
			el[n++] = (struct span){start, i};
			start = i + 1;
		}
		i++;
	}
	return *close ? n : 0;
}

static size_t tokens(const char *s, struct span el, struct tok *t)
{
	size_t n = 0;
	for (size_t i = el.b; i < el.e && n < MAX_TOKS;) {
		char ch = s[i];
		size_t b = i;
		if (isspace((unsigned char)ch)) {
			i++;
			continue;
		}
		if (ch == '/' &&
		    s[i + 1] == '*') { /* a mark (CATALOG_NOT_VALID_MARK) is no token */
			const char *e = strstr(s + i + 2, "*/");
			i = e && (size_t)(e - s) + 2 <= el.e ? (size_t)(e - s) + 2 : el.e;
			continue;
		}
		if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
			char q = ch == '[' ? ']' : ch;
			for (i++; i < el.e && !(s[i] == q && s[i + 1] != q); i += s[i] == q ? 2 : 1)
				;
			t[n++] = (struct tok){b, i < el.e ? i + 1 : el.e, 'q'};
			i = t[n - 1].e;
		} else if (ch == '(') {
			int depth = 0;
			for (; i < el.e; i++) {
				if (s[i] == '\'' || s[i] == '"') { /* a quote inside the group */
					char q = s[i];
					for (i++; i < el.e && !(s[i] == q && s[i + 1] != q);
					     i += s[i] == q ? 2 : 1)
						;
					continue;
				}
				if (s[i] == '(')
					depth++;
				else if (s[i] == ')' && --depth == 0)
					break;
			}
			t[n++] = (struct tok){b, i < el.e ? i + 1 : el.e, '('};
			i = t[n - 1].e;
		} else if (isalnum((unsigned char)ch) || ch == '_' || ch == '.') {
			while (i < el.e &&
			       (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '.'))
				i++;
			t[n++] = (struct tok){b, i, 'w'};
		} else {
			t[n++] = (struct tok){b, i + 1, 'p'};
			i++;
		}
	}
	return n;
}

static bool is_word(const char *s, const struct tok *t, const char *w)
{
	return t->kind == 'w' && t->e - t->b == strlen(w) &&
	       strncasecmp(s + t->b, w, t->e - t->b) == 0;
}

/* A token naming name (bare or quoted, case-insensitively as SQLite compares names). */
static bool names(const char *s, const struct tok *t, const char *name)
{
	size_t n = strlen(name);
	if (t->kind == 'w')
		return t->e - t->b == n && strncasecmp(s + t->b, name, n) == 0;
	return t->kind == 'q' && t->e - t->b == n + 2 && strncasecmp(s + t->b + 1, name, n) == 0;
}

/* Whether token i starts a column constraint (not a word inside another clause: SET NULL,
 * SET DEFAULT, NOT DEFERRABLE, GENERATED ALWAYS AS, the value of DEFAULT NULL). */
static bool starts_constraint(const char *s, const struct tok *t, size_t i, size_t n)
{
	static const char *const kw[] = {"CONSTRAINT", "PRIMARY",   "NOT",     "NULL",
					 "UNIQUE",     "CHECK",     "DEFAULT", "COLLATE",
					 "REFERENCES", "GENERATED", "AS"};
	bool hit = false;
	for (size_t k = 0; k < ARRAY_LEN(kw) && !hit; k++)
		hit = is_word(s, &t[i], kw[k]);
	if (!hit)
		return false;
	if (i > 0 && is_word(s, &t[i - 1], "SET") &&
	    (is_word(s, &t[i], "NULL") || is_word(s, &t[i], "DEFAULT")))
		return false;
	/* DEFAULT NULL: the NULL is the default's value, not a NULL clause */
	if (i > 0 && is_word(s, &t[i - 1], "DEFAULT") && is_word(s, &t[i], "NULL"))
		return false;
	if (is_word(s, &t[i], "NOT") && i + 1 < n && is_word(s, &t[i + 1], "DEFERRABLE"))
		return false;
	if (i > 0 && is_word(s, &t[i], "AS") && is_word(s, &t[i - 1], "ALWAYS"))
		return false;
	return true;
}

/* The end (token index) of the constraint clause starting at token i. */
static size_t clause_end(const char *s, const struct tok *t, size_t i, size_t n)
{
	size_t j = i + 1;
	if (is_word(s, &t[i], "CONSTRAINT"))
		j = i + 2 < n ? i + 3 : n; /* CONSTRAINT name KEYWORD */
	while (j < n && !starts_constraint(s, t, j, n))
		j++;
	return j;
}

/* ---- the edits: each writes the new text of one element to out ---- */

static void put_without(struct strbuf *out, const char *s, struct span el, size_t cut_b,
			size_t cut_e)
{
	strbuf_append(out, s + el.b, cut_b - el.b);
	strbuf_append(out, s + cut_e, el.e - cut_e);
}

/* SET/DROP DEFAULT: the old DEFAULT clause goes, the new one (if any) is appended. */
static void edit_default(struct strbuf *out, const char *s, struct span el, const char *dflt)
{
	struct tok t[MAX_TOKS];
	size_t n = tokens(s, el, t), cut_b = el.e, cut_e = el.e;
	for (size_t i = 1; i < n; i++) {
		if (is_word(s, &t[i], "DEFAULT") && starts_constraint(s, t, i, n)) {
			size_t j = i + 1;
			if (j < n && t[j].kind == 'p') /* a sign */
				j++;
			cut_b = t[i].b;
			cut_e = j < n ? t[j].e : el.e;
			break;
		}
	}
	size_t len = out->len;
	put_without(out, s, el, cut_b, cut_e);
	while (out->len > len && isspace((unsigned char)out->data[out->len - 1]))
		out->len--;
	if (dflt)
		strbuf_printf(out, " %s", dflt);
}

/* ALTER DOMAIN: the column's clauses from its domain (the CHECKs named
 * CATALOG_DOMAIN_CHECK_PREFIX..., the DEFAULT marked CATALOG_DOMAIN_DEFAULT_MARK) go, and the
 * domain's new ones (clauses, SQLite text starting with a blank) are appended. */
static void edit_domain(struct strbuf *out, const char *s, struct span el, const char *clauses)
{
	struct tok t[MAX_TOKS];
	size_t n = tokens(s, el, t), at = el.b, len = out->len;
	size_t plen = strlen(CATALOG_DOMAIN_CHECK_PREFIX),
	       mlen = strlen(CATALOG_DOMAIN_DEFAULT_MARK);
	for (size_t i = 1; i < n; i++) {
		size_t j;
		if (is_word(s, &t[i], "CONSTRAINT") && i + 3 < n && t[i + 1].kind == 'q' &&
		    t[i + 1].e - t[i + 1].b > plen + 1 &&
		    strncmp(s + t[i + 1].b + 1, CATALOG_DOMAIN_CHECK_PREFIX, plen) == 0 &&
		    is_word(s, &t[i + 2], "CHECK") && t[i + 3].kind == '(')
			j = i + 3;
		else if (is_word(s, &t[i], "DEFAULT") && i + 1 < n && t[i + 1].kind == '(' &&
			 t[i + 1].e - t[i + 1].b > mlen + 1 &&
			 strncmp(s + t[i + 1].b + 1, CATALOG_DOMAIN_DEFAULT_MARK, mlen) == 0)
			j = i + 1;
		else
			continue;
		strbuf_append(out, s + at, t[i].b - at);
		at = t[j].e;
		i = j;
	}
	strbuf_append(out, s + at, el.e - at);
	while (out->len > len && isspace((unsigned char)out->data[out->len - 1]))
		out->len--;
	strbuf_puts(out, clauses ? clauses : "");
}

/* SET/DROP NOT NULL: every NOT NULL (and bare NULL) clause goes; SET appends one. */
static void edit_not_null(struct strbuf *out, const char *s, struct span el, bool set)
{
	struct tok t[MAX_TOKS];
	size_t n = tokens(s, el, t), at = el.b, len = out->len;
	for (size_t i = 1; i < n; i++) {
		if (!starts_constraint(s, t, i, n))
			continue;
		size_t j = i;
		if (is_word(s, &t[i], "NOT") && i + 1 < n && is_word(s, &t[i + 1], "NULL"))
			j = i + 1;
		else if (!is_word(s, &t[i], "NULL"))
			continue;
		strbuf_append(out, s + at, t[i].b - at);
		at = t[j].e;
		i = j;
	}
	strbuf_append(out, s + at, el.e - at);
	while (out->len > len && isspace((unsigned char)out->data[out->len - 1]))
		out->len--;
	if (set)
		strbuf_puts(out, " NOT NULL");
}

/* Whether PostgreSQL casts a value of type from to type to in an assignment (what a column's
 * DEFAULT needs when the column's type changes), by type category. */
static bool assignable(uint32_t from, uint32_t to)
{
	const struct pgtype_info *f = pgtype_by_oid(from), *t = pgtype_by_oid(to);
	if (from == to || !f || !t || t->category == 'S')
		return true;
	return f->category == t->category &&
	       (f->category == 'N' || f->category == 'D' || f->category == 'V');
}

/* Types whose constant DEFAULT is stored as its PostgreSQL literal (a number, a quoted
 * string), maybe wrapped in the column's check (catalog_default_unrefit). */
static bool literal_stored(uint32_t oid)
{
	return oid == PGTYPE_INT2 || oid == PGTYPE_INT4 || oid == PGTYPE_INT8 ||
	       oid == PGTYPE_NUMERIC || oid == PGTYPE_FLOAT4 || oid == PGTYPE_FLOAT8 ||
	       oid == PGTYPE_TEXT || oid == PGTYPE_VARCHAR || oid == PGTYPE_BPCHAR;
}

/* A number or a single quoted string, the whole of x. */
static bool plain_literal(const char *x)
{
	size_t n = strlen(x);
	if (n >= 2 && x[0] == '\'') {
		size_t i = 1;
		while (i < n && !(x[i] == '\'' && x[i + 1] != '\''))
			i += x[i] == '\'' ? 2 : 1;
		return i == n - 1;
	}
	const char *p = x + (*x == '-');
	size_t d = strspn(p, "0123456789");
	if (p[d] == '.')
		d += 1 + strspn(p + d + 1, "0123456789");
	return d > 0 && p[d] == '\0';
}

/* The DEFAULT clause of a column whose type changes from `from` to decl (as PostgreSQL
 * coerces the default anew, ATExecAlterColumnType): a constant of a type that stores it as
 * its literal is written again for the new type, so that it is fitted to it (xlat_ddl.c) —
 * varchar(10) DEFAULT 'abcdefg' made varchar(5) is 22001 at the next INSERT, varchar(5)
 * DEFAULT 'too long' made text stores it. NULL: the clause stays as it is. */
static const char *default_anew(const char *s, const struct tok *t, size_t i, size_t n,
				uint32_t from, uint32_t to, const char *decl, const char *column,
				struct arena *a, size_t *end)
{
	size_t j = i + 1 + (i + 1 < n && t[i + 1].kind == 'p' && s[t[i + 1].b] == '-');
	if (j >= n || !literal_stored(from) || !literal_stored(to))
		return NULL;
	size_t b = t[i + 1].b, e = t[j].e;
	if (t[j].kind == '(' && j == i + 1)
		b++, e--;
	const char *x = catalog_default_unrefit(a, arena_strndup(a, s + b, e - b));
	const char *clause = NULL;
	struct pgerr ignored;
	/* a type the translator cannot resolve here (an enum's, a domain's): kept as it is */
	if (!plain_literal(x) || !xlat_column_default(column, decl, x, a, &clause, &ignored))
		return NULL;
	*end = t[j].e;
	return clause;
}

/* A column made citext (on) or made another type from citext: the translator's COLLATE NOCASE
 * (xlat_citext.c) after the new type, out[tail..] its constraints, added or taken away. */
static void citext_collation(struct strbuf *out, size_t tail, bool on)
{
	static const char nocase[] = " COLLATE NOCASE";
	if (out->failed || !out->data)
		return;
	char *at = strstr(out->data + tail, nocase);
	if (at && !on) {
		memmove(at, at + strlen(nocase), strlen(at + strlen(nocase)) + 1);
		out->len -= strlen(nocase);
	} else if (!at && on) {
		char *rest = base_xstrdup(out->data + tail);
		out->len = tail;
		strbuf_puts(out, nocase);
		strbuf_puts(out, rest);
		free(rest);
	}
}

/* The declared type: the tokens after the name up to the first constraint. A DEFAULT must
 * still fit the new type (42804 otherwise, as in PostgreSQL). */
static bool edit_type(struct strbuf *out, const char *s, struct span el, const char *decl,
		      const char *column, struct pgerr *err)
{
	struct tok t[MAX_TOKS];
	size_t n = tokens(s, el, t), j = 1;
	bool has_default = false;
	size_t at = 0;
	while (j < n && !starts_constraint(s, t, j, n))
		j++;
	for (size_t i = j; i < n; i++) {
		if (is_word(s, &t[i], "DEFAULT") && starts_constraint(s, t, i, n))
			has_default = true, at = i;
	}
	for (size_t i = j; i < n; i++) {
		if (is_word(s, &t[i], "AUTOINCREMENT"))
			return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "changing the type of a serial or identity column is not "
					 "supported (it is the table's rowid)");
	}
	char *old = base_xstrndup(s + t[0].e, (j < n ? t[j].b : el.e) - t[0].e);
	char *neu = base_xstrdup(decl[0] == '"' ? decl + 1 : decl);
	if (decl[0] == '"')
		neu[strlen(neu) - 1] = '\0';
	int32_t typmod;
	uint32_t from = pgtype_from_decl(old, &typmod), to = pgtype_from_decl(neu, &typmod);
	free(old);
	free(neu);
	if (has_default && !assignable(from, to)) {
		const struct pgtype_info *ti = pgtype_by_oid(to);
		return pgerr_set(
			err, SQLSTATE_DATATYPE_MISMATCH,
			"default for column \"%s\" cannot be cast automatically to type %s", column,
			ti ? ti->sql_name : decl);
	}
	struct arena *a = has_default ? arena_new(0) : NULL;
	size_t end = 0;
	const char *clause =
		has_default ? default_anew(s, t, at, n, from, to, decl, column, a, &end) : NULL;
	strbuf_append(out, s + el.b, t[0].e - el.b);
	strbuf_printf(out, " %s", decl);
	size_t tail = out->len;
	if (j < n && clause) { /* the DEFAULT clause written anew */
		strbuf_append(out, s + t[j - 1].e, t[at].b - t[j - 1].e);
		strbuf_puts(out, clause);
		strbuf_append(out, s + end, el.e - end);
	} else if (j < n) {
		strbuf_append(out, s + t[j - 1].e, el.e - t[j - 1].e);
	}
	arena_free(a);
	if (from != to && (from == PGTYPE_CITEXT || to == PGTYPE_CITEXT))
		citext_collation(out, tail, to == PGTYPE_CITEXT);
	return true;
}

/* DROP EXPRESSION: the column's GENERATED ALWAYS AS (...) STORED clause goes; false when it
 * has none. */
static bool edit_drop_expression(struct strbuf *out, const char *s, struct span el)
{
	struct tok t[MAX_TOKS];
	size_t n = tokens(s, el, t);
	for (size_t i = 1; i < n; i++) {
		bool gen = is_word(s, &t[i], "GENERATED") ||
			   (is_word(s, &t[i], "AS") && starts_constraint(s, t, i, n));
		if (!gen)
			continue;
		size_t j = clause_end(s, t, i, n); /* from the blank before it to its last token */
		put_without(out, s, el, t[i - 1].e, t[j - 1].e);
		return true;
	}
	return false;
}

/* Which element defines column col (0-based), or -1. Table constraints start with a keyword. */
static int column_element(const char *s, const struct span *el, size_t n, const char *col)
{
	for (size_t k = 0; k < n; k++) {
		struct tok t[MAX_TOKS];
		size_t nt = tokens(s, el[k], t);
		if (nt && names(s, &t[0], col))
			return (int)k;
	}
	return -1;
}

/* Whether s[el) names column (a word or a quoted name, outside comments and strings). */
static bool mentions(const char *s, struct span el, const char *column)
{
	size_t n = strlen(column);
	for (size_t i = el.b; i < el.e;) {
		if (s[i] == '/' && s[i + 1] == '*') {
			const char *e = strstr(s + i + 2, "*/");
			i = e ? (size_t)(e - s) + 2 : el.e;
		} else if (s[i] == '\'' || s[i] == '"') {
			char q = s[i];
			size_t b = ++i;
			for (; i < el.e && !(s[i] == q && s[i + 1] != q); i += s[i] == q ? 2 : 1)
				;
			if (q == '"' && i - b == n && strncmp(s + b, column, n) == 0)
				return true;
			i++;
		} else if (isalnum((unsigned char)s[i]) || s[i] == '_') {
			size_t b = i;
			while (i < el.e &&
			       (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '$'))
				i++;
			if (i - b == n && strncasecmp(s + b, column, n) == 0)
				return true;
		} else {
			i++;
		}
	}
	return false;
}

/* old with the PostgreSQL texts of the CHECKs that read column removed (CATALOG_CHECK_PG_MARK,
 * CATALOG_CHECK_PRETTY_MARK): after ALTER COLUMN TYPE PostgreSQL prints them with the new
 * type's casts, which are not known here, so they show the SQLite text. Takes old. */
static char *unmark_checks(char *old, const char *column)
{
	if (!old || !strstr(old, CATALOG_CHECK_PG_MARK))
		return old;
	struct span *el = base_xcalloc(MAX_ELEMS, sizeof(*el));
	size_t open, close, n = elements(old, el, &open, &close);
	struct strbuf out;
	strbuf_init(&out, 0);
	size_t at = 0;
	for (size_t k = 0; k < n; k++) {
		if (!mentions(old, el[k], column))
			continue;
		for (size_t i = el[k].b; i < el[k].e; i++) {
			const char *m = old + i, *end;
			if (*m != '/' ||
			    (strncmp(m, CATALOG_CHECK_PG_MARK, strlen(CATALOG_CHECK_PG_MARK)) &&
			     strncmp(m, CATALOG_CHECK_PRETTY_MARK,
				     strlen(CATALOG_CHECK_PRETTY_MARK))) ||
			    !(end = strstr(m, " */")))
				continue;
			strbuf_append(&out, old + at, i - at);
			at = (size_t)(end - old) + 3;
			at += old[at] == ' ';
			i = at - 1;
		}
	}
	strbuf_puts(&out, old + at);
	free(el);
	if (out.failed) {
		strbuf_fini(&out);
		return old;
	}
	free(old);
	return strbuf_take(&out);
}

char *shard_coldef_edit(const char *old, const struct shard_rebuild *rb, struct pgerr *err)
{
	struct span *el = base_xcalloc(MAX_ELEMS, sizeof(*el));
	size_t open, close, n = elements(old, el, &open, &close);
	int col = n ? column_element(old, el, n, rb->column ? rb->column : "") : -1;
	char *r = NULL;
	if (!n) {
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "the definition of table \"%s\" cannot be rebuilt", rb->table);
	} else if (col < 0) {
		pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN,
			  "column \"%s\" of relation \"%s\" does not exist", rb->column, rb->table);
	} else {
		struct strbuf out;
		bool ok = true;
		strbuf_init(&out, 0);
		strbuf_append(&out, old, el[0].b);
		for (size_t k = 0; k < n; k++) {
			if (k)
				strbuf_putc(&out, ',');
			if ((int)k != col)
				strbuf_append(&out, old + el[k].b, el[k].e - el[k].b);
			else if (rb->kind == SHARD_RB_SET_DEFAULT)
				edit_default(&out, old, el[k], rb->constraint);
			else if (rb->kind == SHARD_RB_NOT_NULL)
				edit_not_null(&out, old, el[k], rb->not_null);
			else if (rb->kind == SHARD_RB_DOMAIN)
				edit_domain(&out, old, el[k], rb->constraint);
			else if (rb->kind == SHARD_RB_DROP_EXPRESSION)
				ok = edit_drop_expression(&out, old, el[k]) ||
				     pgerr_set(err, "55000",
					       "column \"%s\" of relation \"%s\" is not a stored "
					       "generated column",
					       rb->column, rb->table);
			else
				ok = edit_type(&out, old, el[k], rb->decl, rb->column, err);
		}
		strbuf_puts(&out, old + close);
		if (ok)
			r = strbuf_take(&out);
		else
			strbuf_fini(&out);
		/* an enum's rename keeps them: their casts follow the name (shard_enumrename.c) */
		if (r && rb->kind == SHARD_RB_ALTER_TYPE && rb->column && !rb->enum_from)
			r = unmark_checks(r, rb->column);
	}
	free(el);
	return r;
}

/* ---- DROP CONSTRAINT ---- */

/* Removes the clause of element k (tokens [i, j)) or, when it is the whole element, the
 * element; writes the table text without it. */
static char *without(const char *old, const struct span *el, size_t n, size_t close, size_t k,
		     size_t cut_b, size_t cut_e)
{
	struct strbuf out;
	strbuf_init(&out, 0);
	strbuf_append(&out, old, el[0].b);
	bool first = true;
	for (size_t x = 0; x < n; x++) {
		bool whole = x == k && cut_b == el[x].b && cut_e == el[x].e;
		if (whole)
			continue;
		if (!first)
			strbuf_putc(&out, ',');
		first = false;
		if (x == k)
			put_without(&out, old, el[x], cut_b, cut_e);
		else
			strbuf_append(&out, old + el[x].b, el[x].e - el[x].b);
	}
	strbuf_puts(&out, old + close);
	return strbuf_take(&out);
}

/* s[b, e) without blanks at either end. */
static void trim(const char *s, size_t *b, size_t *e)
{
	while (*b < *e && isspace((unsigned char)s[*b]))
		(*b)++;
	while (*e > *b && isspace((unsigned char)s[*e - 1]))
		(*e)--;
}

/* Whether the group token g, "(a, b)", lists exactly d's columns in order. */
static bool group_is(const char *s, const struct tok *g, const struct shard_drop_target *d)
{
	if (g->kind != '(')
		return false;
	struct tok t[MAX_TOKS];
	size_t n = tokens(s, (struct span){g->b + 1, g->e - 1}, t), k = 0;
	for (size_t i = 0; i < n; i++) {
		if (t[i].kind == 'p' && s[t[i].b] == ',')
			continue;
		if (k >= d->ncols || !names(s, &t[i], d->cols[k]))
			return false;
		k++;
	}
	return k == d->ncols;
}

/* Whether the CHECK group token g holds exactly the expression text of d. */
static bool check_is(const char *s, const struct tok *g, const struct shard_drop_target *d)
{
	size_t b = g->b + 1, e = g->e - 1, cb = 0, ce = strlen(d->check);
	trim(s, &b, &e);
	trim(d->check, &cb, &ce);
	return g->kind == '(' && e - b == ce - cb && strncmp(s + b, d->check + cb, e - b) == 0;
}

/* Whether the clause tokens t[i, j) are the constraint rb describes (an unnamed one, found by
 * kind and columns or CHECK text): kind 'p', 'u', 'f', 'c' as pg_constraint's contype. */
static bool clause_matches(const char *s, const struct tok *t, size_t i, size_t j,
			   const struct shard_drop_target *d, const char *column)
{
	const struct tok *k = &t[i];
	switch (d->contype) {
	case 'p':
		return is_word(s, k, "PRIMARY");
	case 'u':
		return is_word(s, k, "UNIQUE") &&
		       (column ? d->ncols == 1 && strcasecmp(d->cols[0], column) == 0
			       : i + 1 < j && group_is(s, &t[i + 1], d));
	case 'f':
		return (column && is_word(s, k, "REFERENCES") && d->ncols == 1 &&
			strcasecmp(d->cols[0], column) == 0) ||
		       (!column && is_word(s, k, "FOREIGN") && i + 2 < j &&
			group_is(s, &t[i + 2], d));
	case 'c':
		return is_word(s, k, "CHECK") && i + 1 < j && check_is(s, &t[i + 1], d);
	default:
		return false;
	}
}

/* The text with the clause that starts at at named to: its name token (name_b, name_e)
 * replaced when it is named, else CONSTRAINT "to" put before it. */
static char *renamed(const char *old, size_t at, size_t name_b, size_t name_e, bool named,
		     const char *to)
{
	struct strbuf out;
	strbuf_init(&out, 0);
	strbuf_append(&out, old, named ? name_b : at);
	if (!named)
		strbuf_puts(&out, "CONSTRAINT ");
	strbuf_put_quoted(&out, to, '"');
	strbuf_puts(&out, named ? "" : " ");
	strbuf_puts(&out, old + (named ? name_e : at));
	return strbuf_take(&out);
}

/* s[b, e) holds the NOT VALID mark at *at. */
static bool marked(const char *s, size_t b, size_t e, size_t *at)
{
	size_t n = strlen(CATALOG_NOT_VALID_MARK);
	for (size_t i = b; i + n <= e; i++) {
		if (s[i] == '/' && strncmp(s + i, CATALOG_NOT_VALID_MARK, n) == 0) {
			*at = i;
			return true;
		}
	}
	return false;
}

/* The text without the NOT VALID mark of element el (and the blank before it), or NULL when
 * the element has none (it was valid). */
static char *unmarked(const char *old, struct span el)
{
	size_t at;
	if (!marked(old, el.b, el.e, &at))
		return NULL;
	size_t b = at;
	while (b > el.b && old[b - 1] == ' ')
		b--;
	struct strbuf out;
	strbuf_init(&out, 0);
	strbuf_append(&out, old, b);
	strbuf_puts(&out, old + at + strlen(CATALOG_NOT_VALID_MARK));
	return strbuf_take(&out);
}

#define VALIDATED ((const char *)1) /* edit_constraint's to: the mark removed */
#define DEFERRAL ((const char *)2)  /* ... its deferrability made deferral */

/* The text with the foreign key clause t[b, j) of element el deferrable as deferral says:
 * its [NOT] DEFERRABLE [INITIALLY word] goes, and deferral (unless "") follows the clause's
 * last token (before a NOT VALID mark). */
static char *redeferred(const char *old, const struct tok *t, size_t b, size_t j,
			const char *deferral)
{
	size_t cut_b = 0, cut_e = 0;
	for (size_t i = b; i < j && !cut_e; i++) {
		if (!is_word(old, &t[i], "DEFERRABLE"))
			continue;
		size_t s = i > b && is_word(old, &t[i - 1], "NOT") ? i - 1 : i, e = i + 1;
		if (e < j && is_word(old, &t[e], "INITIALLY"))
			e = e + 1 < j ? e + 2 : e + 1;
		cut_b = s > 0 ? t[s - 1].e : t[s].b;
		cut_e = t[e - 1].e;
	}
	size_t at = cut_e ? cut_b : t[j - 1].e;
	struct strbuf out;
	strbuf_init(&out, 0);
	strbuf_append(&out, old, at);
	if (*deferral)
		strbuf_printf(&out, " %s", deferral);
	strbuf_puts(&out, old + (cut_e ? cut_e : at));
	return strbuf_take(&out);
}

/* The text without the constraint d (to NULL), with it renamed to, or (to VALIDATED) without
 * its NOT VALID mark (a copy when it has none). */
static char *edit_constraint(const char *old, const struct shard_drop_target *d, const char *to,
			     const char *deferral, struct pgerr *err)
{
	struct span *el = base_xcalloc(MAX_ELEMS, sizeof(*el));
	size_t open, close, n = elements(old, el, &open, &close);
	char *r = NULL;
	for (size_t k = 0; k < n && !r; k++) {
		struct tok t[MAX_TOKS];
		size_t nt = tokens(old, el[k], t);
		bool is_col = nt && !starts_constraint(old, t, 0, nt) &&
			      !is_word(old, &t[0], "FOREIGN");
		char colname[256] = "";
		if (is_col && t[0].e - t[0].b < sizeof(colname)) {
			size_t q = t[0].kind == 'q';
			memcpy(colname, old + t[0].b + q, t[0].e - t[0].b - 2 * q);
			colname[t[0].e - t[0].b - 2 * q] = '\0';
		}
		for (size_t i = is_col ? 1 : 0; i < nt && !r; i++) {
			/* an unnamed table FOREIGN KEY starts its element */
			if (!starts_constraint(old, t, i, nt) &&
			    !(i == 0 && is_word(old, &t[0], "FOREIGN")))
				continue;
			size_t j = clause_end(old, t, i, nt);
			bool named = is_word(old, &t[i], "CONSTRAINT") && i + 1 < nt &&
				     names(old, &t[i + 1], d->name);
			size_t body = is_word(old, &t[i], "CONSTRAINT") ? i + 2 : i;
			bool unnamed = !is_word(old, &t[i], "CONSTRAINT") &&
				       clause_matches(old, t, body, j, d, is_col ? colname : NULL);
			if ((named || unnamed) && to == DEFERRAL) {
				/* a table constraint's clause runs to the element's end (its
				 * REFERENCES would end it here) */
				r = redeferred(old, t, body, is_col ? j : nt, deferral);
			} else if ((named || unnamed) && to == VALIDATED) {
				r = unmarked(old, el[k]);
				r = r ? r : base_xstrdup(old);
			} else if ((named || unnamed) && to) {
				r = renamed(old, t[i].b, named ? t[i + 1].b : 0,
					    named ? t[i + 1].e : 0, named, to);
			} else if (named || unnamed) {
				size_t cut_b = is_col ? t[i].b : el[k].b;
				size_t cut_e = is_col ? (j < nt ? t[j].b : el[k].e) : el[k].e;
				r = without(old, el, n, close, k, cut_b, cut_e);
			}
			i = j - 1;
		}
	}
	if (!r)
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "constraint \"%s\" cannot be found in the definition of its table",
			  d->name);
	free(el);
	return r;
}

/* A MATCH FULL key's guard (a CHECK named as the key, CATALOG_MATCH_FULL_MARK, after it) goes
 * or is renamed with the key: r with it so (freed when replaced). */
static char *with_guard(char *r, const struct shard_drop_target *d, const char *to)
{
	if (!r || d->contype != 'f' || !strstr(r, CATALOG_MATCH_FULL_MARK))
		return r;
	struct shard_drop_target g = {.name = d->name, .contype = 'c', .check = "\x01"};
	struct pgerr ignored;
	pgerr_clear(&ignored);
	char *r2 = edit_constraint(r, &g, to, NULL, &ignored);
	if (!r2)
		return r;
	free(r);
	return r2;
}

char *shard_coldef_drop(const char *old, const struct shard_drop_target *d, struct pgerr *err)
{
	return with_guard(edit_constraint(old, d, NULL, NULL, err), d, NULL);
}

/* ---- finding what DROP CONSTRAINT drops: the catalog's pg_constraint ---- */

#define SQLSTATE_DEPENDENT_OBJECTS "2BP01"

static char *col_dup(sqlite3_stmt *vm, int i)
{
	const unsigned char *t = sqlite3_column_text(vm, i);
	return t ? base_xstrdup((const char *)t) : NULL;
}

/* Looks the constraint up as pg_constraint shows it (which also names unnamed ones the way
 * PostgreSQL would). False when there is none. */
static bool find_target(sqlite3 *db, const struct shard_rebuild *rb, struct shard_drop_target *d,
			char **colbuf, char **check)
{
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db,
			       /* the key's columns in its order (UNIQUE (b, a)), not the
				* table's */
			       "SELECT c.contype, c.conbin, (SELECT group_concat(name, char(9)) "
			       "FROM (SELECT a.attname AS name FROM json_each('[' || "
			       "trim(c.conkey, '{}') || ']') j JOIN pg_attribute a ON a.attrelid = "
			       "c.conrelid AND a.attnum = j.value ORDER BY j.key)) FROM "
			       "pg_constraint c WHERE c.conrelid = ?1 AND c.conname = ?2",
			       -1, &vm, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(vm, 1,
			   shard_table_is_temp(db, rb->table) ? catalog_temp_rel_oid(rb->table)
							      : catalog_rel_oid(rb->table));
	sqlite3_bind_text(vm, 2, rb->name, -1, SQLITE_STATIC);
	if (sqlite3_step(vm) == SQLITE_ROW) {
		found = true;
		const unsigned char *type = sqlite3_column_text(vm, 0);
		d->contype = type ? (char)type[0] : '?';
		*check = col_dup(vm, 1);
		*colbuf = col_dup(vm, 2);
	}
	sqlite3_finalize(vm);
	d->name = rb->name;
	d->check = *check ? *check : "";
	d->ncols = 0;
	d->cols = base_xcalloc(64, sizeof(char *));
	for (char *p = *colbuf, *save = NULL; p && d->ncols < 64; p = NULL) {
		for (char *tk = strtok_r(p, "\t", &save); tk && d->ncols < 64;
		     tk = strtok_r(NULL, "\t", &save))
			d->cols[d->ncols++] = tk;
	}
	return found;
}

bool shard_table_is_temp(sqlite3 *db, const char *table)
{
	return table && sqlite3_table_column_metadata(db, "temp", table, NULL, NULL, NULL, NULL,
						      NULL, NULL) == SQLITE_OK;
}

bool shard_table_referenced(sqlite3 *db, const char *table)
{
	sqlite3_stmt *vm = NULL;
	bool any = false;
	if (sqlite3_prepare_v2(
		    db,
		    shard_table_is_temp(db, table)
			    ? "SELECT 1 FROM temp.sqlite_schema m, pragma_foreign_key_list("
			      "m.name, 'temp') f WHERE m.type = 'table' AND f.\"table\" = "
			      "?1 COLLATE NOCASE AND m.name <> ?1 COLLATE NOCASE"
			    : "SELECT 1 FROM sqlite_schema m, pragma_foreign_key_list(m.name) f "
			      "WHERE m.type = 'table' AND f.\"table\" = ?1 COLLATE NOCASE AND "
			      "m.name <> ?1 COLLATE NOCASE",
		    -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
		any = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return any;
}

/* 2BP01 when other constraints' foreign keys use the key named rb->name (its index, as
 * pg_constraint.conindid says), each named in the DETAIL as PostgreSQL names them; a key the
 * table's references do not use is dropped, as in PostgreSQL. */
static bool key_in_use(sqlite3 *db, const struct shard_rebuild *rb, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	struct strbuf detail;
	strbuf_init(&detail, 0);
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT f.conname, shardlite_relname(r.oid) FROM pg_constraint k JOIN "
		    "pg_constraint f "
		    "ON f.contype = 'f' AND f.confrelid = k.conrelid AND f.conindid = "
		    "k.conindid JOIN pg_class r ON r.oid = f.conrelid WHERE k.conrelid = ?1 "
		    "AND k.conname = ?2 ORDER BY 1, 2",
		    -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(vm, 1,
				   shard_table_is_temp(db, rb->table)
					   ? catalog_temp_rel_oid(rb->table)
					   : catalog_rel_oid(rb->table));
		sqlite3_bind_text(vm, 2, rb->name, -1, SQLITE_STATIC);
		/* PostgreSQL qualifies the index of a schema off the search_path: a local
		 * schema's table "s.t" has the index s.name */
		const char *dot = strchr(rb->table, '.');
		int prefix = dot ? (int)(dot - rb->table) + 1 : 0;
		while (sqlite3_step(vm) == SQLITE_ROW)
			strbuf_printf(&detail,
				      "%sconstraint %s on table %s depends on index %.*s%s",
				      detail.len ? "\n" : "", sqlite3_column_text(vm, 0),
				      sqlite3_column_text(vm, 1), prefix, rb->table, rb->name);
	}
	sqlite3_finalize(vm);
	bool used = detail.len > 0;
	if (used) {
		pgerr_set(
			err, SQLSTATE_DEPENDENT_OBJECTS,
			"cannot drop constraint %s on table %s because other objects depend on it",
			rb->name, rb->table);
		if (!detail.failed)
			pgerr_detail(err, "%s", detail.data);
		pgerr_hint(err, "Use DROP ... CASCADE to drop the dependent objects too.");
	}
	strbuf_fini(&detail);
	return used;
}

char shard_coldef_drop_contype(struct shard_conn *c, const struct shard_rebuild *rb)
{
	struct shard_drop_target d = {0};
	char *colbuf = NULL, *check = NULL;
	char type = find_target(shard_conn_db(c), rb, &d, &colbuf, &check) ? d.contype : 0;
	free(d.cols);
	free(colbuf);
	free(check);
	return type;
}

static char *drop_change(struct shard_conn *c, const struct shard_rebuild *rb, const char *old,
			 struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	struct shard_drop_target d = {0};
	char *colbuf = NULL, *check = NULL, *r = NULL;
	if (!find_target(db, rb, &d, &colbuf, &check)) {
		if (!rb->missing_ok)
			pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
				  "constraint \"%s\" of relation \"%s\" does not exist", rb->name,
				  rb->table);
	} else if ((d.contype == 'p' || d.contype == 'u') && key_in_use(db, rb, err)) {
		/* 2BP01 */
	} else if (d.contype == 'p' && catalog_sql_autoincrement(old)) {
		r = shard_serialkey_drop(c, rb, old, &d, err); /* the column keeps its sequence */
	} else {
		r = shard_coldef_drop(old, &d, err);
	}
	free(d.cols);
	free(colbuf);
	free(check);
	return r;
}

/* Whether element el is a table constraint rather than a column (whose name, if it is one of
 * these words, SQLite keeps quoted). */
static bool table_constraint(const char *s, struct span el)
{
	static const char *const kw[] = {"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"};
	struct tok t[MAX_TOKS];
	size_t nt = tokens(s, el, t);
	for (size_t k = 0; nt && k < ARRAY_LEN(kw); k++) {
		if (is_word(s, &t[0], kw[k]))
			return true;
	}
	return false;
}

/* ADD COLUMN: the definition with rb->constraint after the last column, before the table
 * constraints (SQLite's grammar wants the columns first). */
static char *add_column(const char *old, const struct shard_rebuild *rb, struct pgerr *err)
{
	struct span *el = base_xcalloc(MAX_ELEMS, sizeof(*el));
	size_t open, close, n = elements(old, el, &open, &close);
	size_t last = 0;
	for (size_t k = 0; k < n; k++) {
		if (!table_constraint(old, el[k]))
			last = k;
	}
	char *r = NULL;
	if (!n || column_element(old, el, n, rb->column) >= 0) {
		if (n)
			pgerr_set(err, "42701", "column \"%s\" of relation \"%s\" already exists",
				  rb->column, rb->table);
		else
			pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				  "the definition of table \"%s\" cannot be rebuilt", rb->table);
	} else {
		struct strbuf out;
		strbuf_init(&out, 0);
		strbuf_append(&out, old, el[last].e);
		strbuf_printf(&out, ", %s", rb->constraint);
		strbuf_puts(&out, old + el[last].e);
		r = strbuf_take(&out);
	}
	free(el);
	return r;
}

char *shard_rebuild_change(struct shard_conn *c, const struct shard_rebuild *rb, const char *old,
			   struct pgerr *err)
{
	switch (rb->kind) {
	case SHARD_RB_DROP_CONSTRAINT:
		return drop_change(c, rb, old, err);
	case SHARD_RB_ADD_COLUMN:
		return add_column(old, rb, err);
	default: {
		char *def = shard_coldef_edit(old, rb, err);
		if (!def || rb->kind != SHARD_RB_ALTER_TYPE || !rb->enum_from || !rb->enum_to)
			return def;
		char *renamed = shard_enum_rename_text(def, rb->enum_from, rb->enum_to);
		free(def);
		if (!renamed)
			pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return renamed;
	}
	}
}

char *shard_coldef_rename(struct shard_conn *c, const char *table, const char *from, const char *to,
			  const char *old, struct pgerr *err)
{
	struct shard_rebuild rb = {.kind = SHARD_RB_DROP_CONSTRAINT, .table = table, .name = from};
	struct shard_drop_target d = {0};
	char *colbuf = NULL, *check = NULL, *r = NULL;
	if (!find_target(shard_conn_db(c), &rb, &d, &colbuf, &check))
		pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
			  "constraint \"%s\" for table \"%s\" does not exist", from, table);
	else
		r = with_guard(edit_constraint(old, &d, to, NULL, err), &d, to);
	free(d.cols);
	free(colbuf);
	free(check);
	return r;
}

/* Constraint name of table's stored text old edited as edit_constraint's to (VALIDATED, DEFERRAL with
 * deferral's words); malloc'd, NULL with err. */
static char *edited(struct shard_conn *c, const char *table, const char *name, const char *old,
		    const char *to, const char *deferral, struct pgerr *err)
{
	struct shard_rebuild rb = {.kind = SHARD_RB_DROP_CONSTRAINT, .table = table, .name = name};
	struct shard_drop_target d = {0};
	char *colbuf = NULL, *check = NULL, *r = NULL;
	if (!find_target(shard_conn_db(c), &rb, &d, &colbuf, &check))
		pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
			  "constraint \"%s\" of relation \"%s\" does not exist", name, table);
	else
		r = edit_constraint(old, &d, to, deferral, err);
	free(d.cols);
	free(colbuf);
	free(check);
	return r;
}

char *shard_coldef_validated(struct shard_conn *c, const char *table, const char *name,
			     const char *old, struct pgerr *err)
{
	return edited(c, table, name, old, VALIDATED, NULL, err);
}

char *shard_coldef_deferral(struct shard_conn *c, const char *table, const char *name,
			    const char *old, const char *deferral, struct pgerr *err)
{
	return edited(c, table, name, old, DEFERRAL, deferral, err);
}

size_t shard_coldef_fk_not_valid(const char *sql, bool *not_valid, size_t cap)
{
	struct span *el = base_xcalloc(MAX_ELEMS, sizeof(*el));
	size_t open, close, n = elements(sql, el, &open, &close), nfk = 0;
	for (size_t k = 0; k < n; k++) {
		struct tok t[MAX_TOKS];
		size_t nt = tokens(sql, el[k], t), at;
		bool mark = marked(sql, el[k].b, el[k].e, &at);
		for (size_t i = 0; i < nt; i++) {
			if (!is_word(sql, &t[i], "REFERENCES"))
				continue;
			if (nfk < cap) /* the mark ends a table constraint: one key */
				not_valid[nfk] = mark;
			nfk++;
		}
	}
	free(el);
	return nfk;
}

size_t shard_coldef_checks(const char *sql, struct arena *a, struct shard_check *out, size_t cap)
{
	struct span *el = base_xcalloc(MAX_ELEMS, sizeof(*el));
	size_t open, close, n = elements(sql, el, &open, &close), nck = 0;
	for (size_t k = 0; k < n; k++) {
		struct tok t[MAX_TOKS];
		size_t nt = tokens(sql, el[k], t), at;
		bool mark = marked(sql, el[k].b, el[k].e, &at);
		for (size_t i = 0; i + 1 < nt; i++) {
			if (!is_word(sql, &t[i], "CHECK") || t[i + 1].kind != '(')
				continue;
			if (nck == cap)
				break;
			struct shard_check *ck = &out[nck++];
			ck->expr =
				arena_strndup(a, sql + t[i + 1].b + 1, t[i + 1].e - t[i + 1].b - 2);
			ck->name = NULL;
			if (i >= 2 && is_word(sql, &t[i - 2], "CONSTRAINT")) {
				size_t q = t[i - 1].kind == 'q';
				ck->name = arena_strndup(a, sql + t[i - 1].b + q,
							 t[i - 1].e - t[i - 1].b - 2 * q);
			}
			ck->not_valid = mark; /* a marked element is one table constraint */
		}
	}
	free(el);
	return nck;
}

/* ---- the plain integer key as the rowid (shard_rowid.c) ---- */

/* Whether a column's declared type may be a plain rowid key's: smallint, integer or bigint as
 * the translator declares them (xlat_ddl.c's plain_key_ok makes the same choice). */
static bool rowid_decl(const char *s, size_t b, size_t e)
{
	static const char *const ok[] = {"smallint", "int4", "bigint"};
	for (size_t k = 0; k < ARRAY_LEN(ok); k++) {
		if (e - b == strlen(ok[k]) && strncasecmp(s + b, ok[k], e - b) == 0)
			return true;
	}
	return false;
}

/* A name token's text without its quotes (malloc'd). */
static char *tok_name(const char *s, const struct tok *t)
{
	size_t q = t->kind == 'q';
	return base_xstrndup(s + t->b + q, t->e - t->b - 2 * q);
}

/* The table-level PRIMARY KEY element of one column: true with its element, the column's
 * name token (in *g's group) and the CONSTRAINT name token when named. */
static bool single_table_key(const char *s, struct span el, struct tok *col, struct tok *name,
			     bool *named)
{
	struct tok t[MAX_TOKS], g[MAX_TOKS];
	size_t nt = tokens(s, el, t), i = 0;
	*named = nt > 2 && is_word(s, &t[0], "CONSTRAINT");
	if (*named) {
		*name = t[1];
		i = 2;
	}
	if (i + 3 != nt || !is_word(s, &t[i], "PRIMARY") || !is_word(s, &t[i + 1], "KEY") ||
	    t[i + 2].kind != '(')
		return false;
	size_t ng = tokens(s, (struct span){t[i + 2].b + 1, t[i + 2].e - 1}, g);
	if (ng != 1 || (g[0].kind != 'w' && g[0].kind != 'q'))
		return false;
	*col = g[0];
	return true;
}

char *shard_coldef_fold(const char *old, char **column, char **decl)
{
	struct span *el = base_xcalloc(MAX_ELEMS, sizeof(*el));
	size_t open, close, n = elements(old, el, &open, &close), key = n;
	struct tok kcol = {0}, kname = {0};
	bool named = false;
	char *r = NULL;
	*column = *decl = NULL;
	for (size_t k = 0; k < n; k++) {
		struct tok t[MAX_TOKS];
		size_t nt = tokens(old, el[k], t);
		for (size_t i = 1; i < nt && !table_constraint(old, el[k]); i++) {
			if (is_word(old, &t[i], "PRIMARY") && starts_constraint(old, t, i, nt))
				key = MAX_ELEMS; /* a column's own key: not a table-level one */
		}
		if (key == n && table_constraint(old, el[k]) &&
		    single_table_key(old, el[k], &kcol, &kname, &named))
			key = k;
	}
	char *name = key < n ? tok_name(old, &kcol) : NULL;
	int col = name ? column_element(old, el, n, name) : -1;
	struct tok t[MAX_TOKS];
	size_t nt = col >= 0 ? tokens(old, el[col], t) : 0, j = 1;
	while (j < nt && !starts_constraint(old, t, j, nt))
		j++;
	bool ok = nt >= 2 && j >= 2 && rowid_decl(old, t[1].b, t[j - 1].e) &&
		  !strcasestr(old + close, "WITHOUT");
	for (size_t i = j; ok && i < nt; i++) {
		ok = !((is_word(old, &t[i], "DEFAULT") || is_word(old, &t[i], "GENERATED") ||
			is_word(old, &t[i], "AS") || is_word(old, &t[i], "COLLATE")) &&
		       starts_constraint(old, t, i, nt)) &&
		     !is_word(old, &t[i], "AUTOINCREMENT");
	}
	if (ok) {
		struct strbuf out;
		strbuf_init(&out, 0);
		strbuf_append(&out, old, el[0].b);
		bool first = true;
		for (size_t k = 0; k < n; k++) {
			if (k == key)
				continue;
			if (!first)
				strbuf_putc(&out, ',');
			first = false;
			if ((int)k != col) {
				strbuf_append(&out, old + el[k].b, el[k].e - el[k].b);
				continue;
			}
			strbuf_append(&out, old + el[k].b, t[0].e - el[k].b);
			strbuf_puts(&out, " INTEGER");
			if (named) {
				strbuf_puts(&out, " CONSTRAINT ");
				strbuf_append(&out, old + kname.b, kname.e - kname.b);
			}
			strbuf_puts(&out, " PRIMARY KEY");
			if (j < nt)
				strbuf_printf(&out, " %.*s", (int)(el[k].e - t[j].b), old + t[j].b);
		}
		strbuf_puts(&out, old + close);
		r = strbuf_take(&out);
		*column = name;
		*decl = base_xstrndup(old + t[1].b, t[j - 1].e - t[1].b);
		name = NULL;
	}
	free(name);
	free(el);
	return r;
}

char *shard_coldef_unfold(const char *old, const char *column, const char *decl)
{
	struct span *el = base_xcalloc(MAX_ELEMS, sizeof(*el));
	size_t open, close, n = elements(old, el, &open, &close);
	int col = n ? column_element(old, el, n, column) : -1;
	struct tok t[MAX_TOKS];
	size_t nt = col >= 0 ? tokens(old, el[col], t) : 0, j = 1, pk_b = 0, pk_e = 0;
	const struct tok *kname = NULL;
	while (j < nt && !starts_constraint(old, t, j, nt))
		j++;
	for (size_t i = j; i < nt; i++) {
		if (!starts_constraint(old, t, i, nt))
			continue;
		size_t end = clause_end(old, t, i, nt);
		size_t body = is_word(old, &t[i], "CONSTRAINT") ? i + 2 : i;
		if (body < nt && is_word(old, &t[body], "PRIMARY")) {
			kname = body > i ? &t[i + 1] : NULL;
			pk_b = t[i].b;
			pk_e = end < nt ? t[end].b : el[col].e;
		}
		i = end - 1;
	}
	char *r = NULL;
	if (pk_e && j == 2 && is_word(old, &t[1], "INTEGER")) {
		struct strbuf out;
		strbuf_init(&out, 0);
		strbuf_append(&out, old, el[col].b);
		strbuf_append(&out, old + el[col].b, t[0].e - el[col].b);
		strbuf_printf(&out, " %s", decl);
		strbuf_append(&out, old + t[1].e, pk_b - t[1].e);
		strbuf_append(&out, old + pk_e, el[col].e - pk_e);
		while (out.len && isspace((unsigned char)out.data[out.len - 1]))
			out.len--;
		strbuf_append(&out, old + el[col].e, el[n - 1].e - el[col].e);
		strbuf_puts(&out, ", ");
		if (kname) {
			strbuf_puts(&out, "CONSTRAINT ");
			strbuf_append(&out, old + kname->b, kname->e - kname->b);
			strbuf_puts(&out, " ");
		}
		strbuf_puts(&out, "PRIMARY KEY (");
		strbuf_append(&out, old + t[0].b, t[0].e - t[0].b);
		strbuf_puts(&out, ")");
		strbuf_puts(&out, old + el[n - 1].e);
		r = strbuf_take(&out);
	}
	free(el);
	return r;
}
