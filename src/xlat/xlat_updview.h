/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_updview.h: what xlat_updview.c (writes through automatically updatable views) and
 * xlat_updwco.c (their WITH CHECK OPTION and column defaults) share: the chain of views a
 * write goes through, one level each. Private to those two files. */
#ifndef XLAT_UPDVIEW_H
#define XLAT_UPDVIEW_H

#include "xlat_int.h"

#include <pg_query.h>

#define MAX_LEVELS 16
#define ROWID "_shardlite_rowid"

/* One view of the chain being written through. */
struct level {
	const char *view, *sql;    /* its name and CREATE VIEW text */
	const char **cols, **base; /* its columns and the base column each reads (NULL: computed) */
	const PgQuery__Node **exprs; /* a computed column's expression (SQLite's text, parsed) */
	size_t ncols;
	const PgQuery__RangeVar *rel; /* its FROM relation, as its text names it */
	const char *qual;             /* the name its text reads that relation's columns by */
	size_t body;                  /* where its query's select list starts in sql */
	bool where;
	/* its top-level WHERE: the keyword's start, the condition's start and end in sql (0
	 * when it has none); the query's text before where_kw is its rows without it */
	size_t where_kw, cond_at, cond_end;
	char check; /* WITH CHECK OPTION: 'l' LOCAL, 'c' CASCADED, 'p' a partition's bound, 0 none */
	const char **dflt; /* each column's default (ALTER VIEW ... SET DEFAULT), NULL: none */
};

/* The index of view column name in l, -1 when it has none. */
int xlat_updview_find_col(const struct level *l, const char *name);
/* The WITH CHECK OPTION of a write (stmt, an INSERT or UPDATE rewritten onto base through the
 * n levels v): the expression its RETURNING evaluates (xlat_updview_wco), none when no level
 * is checked; false with c's error (0A000) when it cannot be written. */
bool xlat_updview_note_wco(struct xlat_ctx *c, const void *stmt, const struct level *v, int n,
			   const PgQuery__RangeVar *base);
/* An INSERT's columns level l has defaults for, given them (rewriteTargetListIU). */
bool xlat_updview_insert_defaults(struct xlat_ctx *c, const struct level *l,
				  PgQuery__InsertStmt *s);
/* SET c = DEFAULT items of v (n) of a column l has a default for, given it. */
bool xlat_updview_set_defaults(struct xlat_ctx *c, const struct level *l, PgQuery__Node **v,
			       size_t n);

#endif
