/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_filter.c: PostgreSQL's meaning for `boolcol = 'f'` on the catalog's virtual tables.
 * Booleans are stored as 0/1 and SQLite would compare them with the text 'f' as unequal
 * values; PostgreSQL reads the literal as a boolean. So an = or <> between a bool column and
 * a constant text is taken over by the table (xBestIndex sees the constant), which applies
 * boolean input rules and filters its rows itself. Also: an = on a relation's schema column
 * (relnamespace, table_schema, ...) is shown to the table, so that a session without a
 * default tenant can refuse to describe a schema its catalog does not hold (cat_conn_schema_
 * check) rather than answer with no rows; SQLite still applies that comparison itself. */
#include "catalog_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool *cat_filter_bool_columns(const char *columns, int *ncols)
{
	int n = 1, depth = 0;
	for (const char *p = columns; *p; p++) {
		depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
		n += *p == ',' && depth == 0;
	}
	bool *v = base_xcalloc((size_t)n, sizeof(*v));
	const char *p = columns;
	for (int i = 0; i < n && *p; i++) {
		size_t len = strcspn(p, ",");
		const char *sp = memchr(p, ' ', len);
		while (sp && *sp == ' ')
			sp++;
		v[i] = sp && (size_t)(p + len - sp) == 4 && strncmp(sp, "bool", 4) == 0;
		p += len + (p[len] == ',');
		while (*p == ' ')
			p++;
	}
	*ncols = n;
	return v;
}

/* The first column of a declaration named one of names, or -1. */
static int column_named(const char *columns, const char *const *names, size_t nnames)
{
	int depth = 0, col = 0;
	for (const char *p = columns; *p; p++) {
		bool start = p == columns || (depth == 0 && p[-1] == ',');
		while (start && *p == ' ')
			p++;
		for (size_t i = 0; start && i < nnames; i++)
			if (strncmp(p, names[i], strlen(names[i])) == 0 && p[strlen(names[i])] == ' ')
				return col;
		depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
		col += *p == ',' && depth == 0;
	}
	return -1;
}

int cat_filter_schema_column(const char *columns)
{
	static const char *const names[] = {"relnamespace", "connamespace", "typnamespace",
					    "table_schema"};
	return column_named(columns, names, ARRAY_LEN(names));
}

int cat_filter_oid_column(const char *columns)
{
	static const char *const names[] = {"oid"};
	return column_named(columns, names, 1);
}

/* A usable = on column col (the schema's, the OID's): shown to xFilter (argvIndex), not
 * omitted — SQLite still compares, so xFilter may keep more rows than match, never fewer. */
static bool schema_eq(const struct sqlite3_index_constraint *c, int col)
{
	return c->usable && c->iColumn == col && c->op == SQLITE_INDEX_CONSTRAINT_EQ;
}

/* An = on any other column, shown to xFilter too: it drops the rows whose value cannot be
 * equal (catalog_filter.c's same_type_differs), SQLite still compares the rest. Only under
 * BINARY: another collation (NOCASE) may call different bytes equal. */
static bool other_eq(const struct sqlite3_index_constraint *c, int ncols, sqlite3_index_info *info,
		     int i)
{
	const char *coll = sqlite3_vtab_collation(info, i);
	return c->usable && c->op == SQLITE_INDEX_CONSTRAINT_EQ && c->iColumn >= 0 &&
	       c->iColumn < ncols && (!coll || sqlite3_stricmp(coll, "BINARY") == 0);
}

enum cat_filter_kind cat_filter_plan(const bool *is_bool, int ncols, int schema_col, int oid_col,
				     sqlite3_index_info *info)
{
	char plan[512] = "";
	size_t len = 0;
	int argv = 0;
	bool by_oid = false, by_eq = false;
	for (int i = 0; i < info->nConstraint && len + 16 < sizeof(plan); i++) {
		const struct sqlite3_index_constraint *c = &info->aConstraint[i];
		bool eq = c->op == SQLITE_INDEX_CONSTRAINT_EQ,
		     ne = c->op == SQLITE_INDEX_CONSTRAINT_NE;
		sqlite3_value *rhs = NULL;
		if (schema_col >= 0 && schema_eq(c, schema_col)) {
			info->aConstraintUsage[i].argvIndex = ++argv;
			len += (size_t)snprintf(plan + len, sizeof(plan) - len, "%dn", c->iColumn);
			continue;
		}
		if (oid_col >= 0 && !by_oid && schema_eq(c, oid_col)) {
			info->aConstraintUsage[i].argvIndex = ++argv;
			len += (size_t)snprintf(plan + len, sizeof(plan) - len, "%do", c->iColumn);
			by_oid = true;
			continue;
		}
		bool bool_text = c->usable && c->iColumn >= 0 && c->iColumn < ncols &&
				 is_bool[c->iColumn] && (eq || ne) &&
				 sqlite3_vtab_rhs_value(info, i, &rhs) == SQLITE_OK &&
				 sqlite3_value_type(rhs) == SQLITE_TEXT;
		if (!bool_text && other_eq(c, ncols, info, i)) {
			info->aConstraintUsage[i].argvIndex = ++argv;
			len += (size_t)snprintf(plan + len, sizeof(plan) - len, "%de", c->iColumn);
			by_eq = true;
			continue;
		}
		if (!bool_text)
			continue;
		info->aConstraintUsage[i].argvIndex = ++argv;
		info->aConstraintUsage[i].omit = 1;
		len += (size_t)snprintf(plan + len, sizeof(plan) - len, "%d%c", c->iColumn,
					eq ? '=' : '!');
	}
	if (argv) {
		info->idxStr = sqlite3_mprintf("%s", plan);
		info->needToFreeIdxStr = 1;
	}
	return by_oid ? CAT_FILTER_BY_OID : by_eq ? CAT_FILTER_BY_EQ : CAT_FILTER_SCAN;
}

/* Whether row value v cannot be equal to x under SQLite's = with BINARY collation: both
 * integers, or both text, and different. Other pairs (an integer column and a text value
 * its affinity may turn into a number, reals) are left to SQLite. */
static bool same_type_differs(const struct cat_val *v, sqlite3_value *x)
{
	int t = sqlite3_value_type(x);
	if (v->type != t)
		return false;
	if (t == SQLITE_INTEGER)
		return v->i != sqlite3_value_int64(x);
	if (t != SQLITE_TEXT)
		return false;
	const char *s = (const char *)sqlite3_value_text(x);
	return !s || strcmp(v->s, s) != 0;
}

/* ---- the first = of a plan through a sorted column ----
 * A join or a correlated subquery calls xFilter once per outer row; scanning every row each
 * time made Prisma's columns query (information_schema.columns joined with pg_attribute and
 * pg_class by name) take seconds on 100 tables. The column's rows are sorted once per filled
 * row set (shared by the cursors it is lent to) and searched. */

static int cmp_val(const struct cat_val *a, const struct cat_val *b)
{
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if (a->type == SQLITE_INTEGER)
		return a->i < b->i ? -1 : a->i > b->i;
	return strcmp(a->s, b->s);
}

static int cmp_rows(const void *x, const void *y, void *arg)
{
	const struct cat_rows *r = arg;
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	int c = cmp_val(&r->v[a * (size_t)r->ncols + (size_t)r->col],
			&r->v[b * (size_t)r->ncols + (size_t)r->col]);
	return c ? c : a < b ? -1 : a > b;
}

static const struct cat_order *column_order(const struct cat_rows *r, int col)
{
	struct cat_order *o = &r->order[col];
	if (o->made)
		return o;
	o->rows = arena_alloc(r->a, (r->n ? r->n : 1) * sizeof(*o->rows));
	o->n = 0;
	for (size_t i = 0; i < r->n; i++) {
		int t = r->v[i * (size_t)r->ncols + (size_t)col].type;
		if (t == SQLITE_INTEGER || t == SQLITE_TEXT)
			o->rows[o->n++] = i;
	}
	struct cat_rows by = *r; /* col: the column cmp_rows compares */
	by.col = (size_t)col;
	qsort_r(o->rows, o->n, sizeof(*o->rows), cmp_rows, &by);
	o->made = true;
	return o;
}

/* The rows that may equal x by = (same_type_differs' complement, NULLs left out), in row
 * order, into keep; false when the column is not searched this way (x neither integer nor
 * text, or the column holds other types than x's: SQLite's affinity may yet match them). */
static bool lookup(const struct cat_rows *r, int col, sqlite3_value *x, size_t *keep, size_t *nkeep)
{
	int t = sqlite3_value_type(x);
	if (!r->order || (t != SQLITE_INTEGER && t != SQLITE_TEXT))
		return false;
	const struct cat_order *o = column_order(r, col);
	struct cat_val want = {t, t == SQLITE_INTEGER ? sqlite3_value_int64(x) : 0,
			       t == SQLITE_TEXT ? (const char *)sqlite3_value_text(x) : NULL};
	if (t == SQLITE_TEXT && !want.s)
		return false;
	for (size_t i = 0; i < o->n; i++) /* the column holds one type: checked at the ends */
		if (i == 0 || i == o->n - 1)
			if (r->v[o->rows[i] * (size_t)r->ncols + (size_t)col].type != t)
				return false;
	size_t lo = 0, hi = o->n;
	while (lo < hi) { /* the first row not below want */
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_val(&r->v[o->rows[mid] * (size_t)r->ncols + (size_t)col], &want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t n = 0;
	for (; lo < o->n && cmp_val(&r->v[o->rows[lo] * (size_t)r->ncols + (size_t)col], &want) == 0;
	     lo++)
		keep[n++] = o->rows[lo]; /* equal values sort by row: in row order */
	*nkeep = n;
	return true;
}

/* A plan's first 'e' comparison, "<col>e" at the start: its column, or -1. */
static int first_eq(const char *plan)
{
	char *end = NULL;
	long col = plan ? strtol(plan, &end, 10) : -1;
	return end && end != plan && *end == 'e' ? (int)col : -1;
}

bool cat_filter_apply(struct cat_conn *cc, const struct cat_rows *r, const char *plan, int argc,
		      sqlite3_value **argv, size_t *keep, size_t *nkeep, char **errmsg)
{
	int eq0 = argc > 0 ? first_eq(plan) : -1;
	if (eq0 >= 0 && eq0 < r->ncols && sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		*nkeep = 0; /* = NULL is never true */
		return true;
	}
	if (eq0 >= 0 && eq0 < r->ncols && lookup(r, eq0, argv[0], keep, nkeep)) {
		plan = strchr(plan, 'e') + 1; /* the rest of the plan filters what was found */
		argc--;
		argv++;
	} else {
		*nkeep = r->n;
		for (size_t i = 0; i < r->n; i++)
			keep[i] = i;
	}
	for (int k = 0; plan && *plan && k < argc; k++) {
		char *end = NULL;
		long col = strtol(plan, &end, 10);
		char how = *end;
		plan = end + 1;
		if (how == 'n') { /* the schema column: SQLite compares */
			if (!cat_conn_schema_check(cc, argv[k], errmsg))
				return false;
			continue;
		}
		int want = 0;
		if ((how == 'o' || how == 'e') && sqlite3_value_type(argv[k]) == SQLITE_NULL) {
			*nkeep = 0; /* = NULL is never true */
			return true;
		}
		if (how == 'e') {
			size_t kept = 0;
			for (size_t i = 0; i < *nkeep; i++) {
				const struct cat_val *v =
					&r->v[keep[i] * (size_t)r->ncols + (size_t)col];
				keep[kept] = keep[i];
				kept += !same_type_differs(v, argv[k]);
			}
			*nkeep = kept;
			continue;
		}
		if (how == 'o') { /* an OID: only an integer is compared here, SQLite does the rest */
			if (sqlite3_value_type(argv[k]) != SQLITE_INTEGER)
				continue;
		} else {
			const char *text = (const char *)sqlite3_value_text(argv[k]);
			bool b = false;
			if (!text || !pgtype_parse_bool(text, strlen(text), &b)) {
				*errmsg = sqlite3_mprintf("invalid input syntax for type boolean: "
							  "\"%s\"", text ? text : "");
				return false;
			}
			want = b;
		}
		size_t kept = 0;
		for (size_t i = 0; i < *nkeep; i++) {
			const struct cat_val *v = &r->v[keep[i] * (size_t)r->ncols + (size_t)col];
			bool keep_it = v->type == SQLITE_INTEGER &&
				       (how == 'o' ? v->i == sqlite3_value_int64(argv[k])
						   : ((v->i != 0) == (want != 0)) == (how == '='));
			keep[kept] = keep[i];
			kept += keep_it;
		}
		*nkeep = kept;
	}
	return true;
}
