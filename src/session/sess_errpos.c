/* SPDX-License-Identifier: Apache-2.0 */
/* sess_errpos.c: the error position PostgreSQL gives a missing column or relation. SQLite
 * reports them when the translated statement is prepared and names them, but not where they
 * are; this finds the first reference of that name in the client's own statement text. */
#include "session_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* A token of the client's SQL, as far as finding identifiers needs: an identifier (name folded
 * as PostgreSQL folds it), a '.', or anything else; strings and comments are skipped. */
struct tok {
	enum { TOK_END, TOK_IDENT, TOK_DOT, TOK_OTHER } kind;
	size_t start;
	char name[PGERR_NAME_MAX];
};

static bool ident_start(unsigned char c) { return isalpha(c) || c == '_' || c >= 0x80; }
static bool ident_char(unsigned char c) { return ident_start(c) || isdigit(c) || c == '$'; }

/* Skips a quoted run ending at the quote q (doubled q inside); backslash escapes when esc. */
static size_t skip_quoted(const char *s, size_t i, size_t end, char q, bool esc)
{
	for (i++; i < end; i++) {
		if (esc && s[i] == '\\' && i + 1 < end)
			i++;
		else if (s[i] == q && i + 1 < end && s[i + 1] == q)
			i++;
		else if (s[i] == q)
			return i + 1;
	}
	return end;
}

/* $tag$ ... $tag$; returns i unchanged when s[i] does not open a dollar quote. */
static size_t skip_dollar(const char *s, size_t i, size_t end)
{
	size_t t = i + 1;
	while (t < end && (isalnum((unsigned char)s[t]) || s[t] == '_'))
		t++;
	if (t >= end || s[t] != '$' || (t > i + 1 && isdigit((unsigned char)s[i + 1])))
		return i;
	size_t taglen = t + 1 - i;
	for (size_t k = t + 1; k + taglen <= end; k++)
		if (memcmp(s + k, s + i, taglen) == 0)
			return k + taglen;
	return end;
}

static size_t skip_comment(const char *s, size_t i, size_t end)
{
	if (s[i] == '-')
		return i + strcspn(s + i, "\n") < end ? i + strcspn(s + i, "\n") : end;
	int depth = 0; /* PostgreSQL's block comments nest */
	for (; i + 1 < end; i++) {
		if (s[i] == '/' && s[i + 1] == '*')
			depth++, i++;
		else if (s[i] == '*' && s[i + 1] == '/' && --depth == 0)
			return i + 2;
	}
	return end;
}

static void copy_name(struct tok *t, const char *s, size_t from, size_t to, bool fold)
{
	size_t n = 0;
	for (size_t k = from; k < to && n + 1 < sizeof(t->name); k++) {
		if (!fold && s[k] == '"')
			k++; /* a doubled quote inside a quoted identifier */
		t->name[n++] = fold ? (char)tolower((unsigned char)s[k]) : s[k];
	}
	t->name[n] = '\0';
}

static size_t next_tok(const char *s, size_t i, size_t end, struct tok *t)
{
	for (;;) {
		while (i < end && isspace((unsigned char)s[i]))
			i++;
		t->start = i;
		if (i >= end) {
			t->kind = TOK_END;
			return i;
		}
		unsigned char c = (unsigned char)s[i];
		if ((c == '-' && s[i + 1] == '-') || (c == '/' && s[i + 1] == '*')) {
			i = skip_comment(s, i, end);
		} else if (c == '\'') {
			i = skip_quoted(s, i, end, '\'', false);
		} else if ((c == 'e' || c == 'E') && s[i + 1] == '\'') {
			i = skip_quoted(s, i + 1, end, '\'', true);
		} else if (c == '$' && skip_dollar(s, i, end) != i) {
			i = skip_dollar(s, i, end);
		} else if (c == '"') {
			size_t e = skip_quoted(s, i, end, '"', false);
			t->kind = TOK_IDENT;
			copy_name(t, s, i + 1, e > i + 1 ? e - 1 : e, false);
			return e;
		} else if (ident_start(c)) {
			size_t e = i;
			while (e < end && ident_char((unsigned char)s[e]))
				e++;
			t->kind = TOK_IDENT;
			copy_name(t, s, i, e, true);
			return e;
		} else {
			t->kind = c == '.' ? TOK_DOT : TOK_OTHER;
			return i + 1;
		}
	}
}

/* Byte offset of the first reference to the dotted name (each part compared with a token)
 * in s[from, end), or -1. */
static long find_ref(const char *s, size_t from, size_t end, const char *name)
{
	struct tok t;
	for (size_t i = next_tok(s, from, end, &t); t.kind != TOK_END; i = next_tok(s, i, end, &t)) {
		if (t.kind != TOK_IDENT)
			continue;
		size_t at = t.start, j = i;
		const char *part = name;
		struct tok u = t;
		for (;;) {
			size_t plen = strcspn(part, ".");
			if (strlen(u.name) != plen || strncmp(u.name, part, plen) != 0)
				break;
			if (!part[plen])
				return (long)at;
			part += plen + 1;
			j = next_tok(s, j, end, &u);
			if (u.kind != TOK_DOT)
				break;
			j = next_tok(s, j, end, &u);
			if (u.kind != TOK_IDENT)
				break;
		}
	}
	return -1;
}

/* The name in `column "x" does not exist`, `relation "x" does not exist` or `column
 * reference "x" is ambiguous` (42702), else false. */
static bool missing_name(const struct pgerr *err, char *name, size_t n, bool *column)
{
	const char *m = err->message, *lead, *tail;
	*column = strcmp(err->sqlstate, SQLSTATE_UNDEFINED_COLUMN) == 0;
	if (*column || strcmp(err->sqlstate, SQLSTATE_UNDEFINED_TABLE) == 0) {
		lead = *column ? "column \"" : "relation \"";
		tail = "\" does not exist";
	} else if (strcmp(err->sqlstate, "42702") == 0) {
		lead = "column reference \"";
		tail = "\" is ambiguous";
	} else {
		return false;
	}
	size_t ll = strlen(lead), tl = strlen(tail), ml = strlen(m);
	if (strncmp(m, lead, ll) != 0 || ml <= ll + tl || strcmp(m + ml - tl, tail) != 0)
		return false;
	snprintf(name, n, "%.*s", (int)(ml - ll - tl), m + ll);
	char *of = strstr(name, "\" of relation \""); /* an INSERT's column list */
	if (of)
		*of = '\0';
	return true;
}

/* PostgreSQL's parse analysis of a query gives these errors a position; utility statements
 * (ALTER TABLE, CREATE INDEX, TRUNCATE, DROP ...) look their objects up without one. */
static bool positioned(const struct xlat_stmt *x)
{
	static const char *const tags[] = {"SELECT", "INSERT", "UPDATE", "DELETE"};
	for (size_t i = 0; x->tag && i < ARRAY_LEN(tags); i++)
		if (strcmp(x->tag, tags[i]) == 0)
			return true;
	return false;
}

void sess_error_locate(const char *sql, const struct xlat_stmt *x, struct pgerr *err)
{
	char name[PGERR_NAME_MAX];
	bool column;
	if (!sql || !x || err->position > 0 || !positioned(x) ||
	    !missing_name(err, name, sizeof(name), &column))
		return;
	size_t len = strlen(sql);
	size_t from = x->location > 0 && (size_t)x->location < len ? (size_t)x->location : 0;
	size_t end = x->length > 0 && from + (size_t)x->length < len ? from + (size_t)x->length : len;
	long at = find_ref(sql, from, end, name);
	if (at < 0)
		return;
	int chars = 0;
	for (long k = 0; k < at; k++)
		chars += ((unsigned char)sql[k] & 0xC0) != 0x80;
	err->position = chars + 1;
	/* PostgreSQL quotes a plain column name but writes a qualified one as it came */
	if (column && strchr(name, '.'))
		snprintf(err->message, sizeof(err->message), "column %s does not exist", name);
}

void sess_error_drop(const struct xlat_stmt *x, struct pgerr *err)
{
	const char *m = err->message;
	if (x->tag && strcmp(x->tag, "DROP TABLE") == 0 &&
	    strcmp(err->sqlstate, SQLSTATE_UNDEFINED_TABLE) == 0 && strncmp(m, "relation \"", 10) == 0) {
		char rest[PGERR_MSG_MAX];
		snprintf(rest, sizeof(rest), "%s", m + 8);
		snprintf(err->message, sizeof(err->message), "table%.500s", rest);
	}
}
