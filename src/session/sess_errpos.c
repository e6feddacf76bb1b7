/* SPDX-License-Identifier: Apache-2.0 */
/* sess_errpos.c: the error position PostgreSQL gives a missing column or relation. SQLite
 * reports them when the translated statement is prepared and names them, but not where they
 * are; the translator's lexer finds the first reference of that name in the client's own
 * statement text (xlat_find_ident). */
#include "session_int.h"

#include <stdio.h>
#include <string.h>

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
	long at = xlat_find_ident(sql, from, end, name);
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
