/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_syscol.h: PostgreSQL's system columns (ctid, xmin, cmin, xmax, cmax, tableoid) of the
 * tenant's tables, between xlat_syscol.c and the column, DDL and ON CONFLICT emitters. */
#ifndef XLAT_SYSCOL_H
#define XLAT_SYSCOL_H

#include "xlat_int.h"

/* Which table of the tenant system column col (written rel.col; rel NULL: bare) belongs to:
 * 1 with *alias (what to qualify it with) and *table (its name); 0 when it is no system column
 * there (a relation has a column of that name, or cannot be known: the reference stays as
 * written); -1 when rel is a relation without system columns (a subquery, a CTE); -2 when
 * two tables of the innermost level have it (42702). */
int xlat_scope_syscol(const struct xlat_ctx *c, const char *rel, const char *col,
		      const char **alias, const char **table);

/* A column reference that is a system column: written with its type into *t, 1; 0 when cr
 * is none (the caller goes on); -1 failed (c->err: 0A000 for xmin, cmin, cmax, 42703, 42702). */
int xlat_syscol_ref(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t);

/* A comparison e (op one of = <> < > <= >=) with ctid on one side: written as the rowid compared
 * with the other side read as a tid (pgfn_tid_rowid: block * 65536 + offset), so that
 * ctid = '(0,3)' is a rowid lookup. 1 written, 0 not such a comparison, -1 failed. */
int xlat_syscol_cmp(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
		    struct xlat_type *t);

/* The ORDER BY items of s that are system columns of its FROM (not an output column's name),
 * written while the FROM is in scope (ORDER BY is written after it): into *out, one entry per
 * item (NULL: not one), or *out NULL when there is none. False failed (c->err). */
bool xlat_syscol_sort_cols(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***out);

/* Whether name is a system column's: CREATE TABLE and ADD COLUMN refuse it with 42701, as
 * PostgreSQL does (false with c->err then; true when the name is free). */
bool xlat_syscol_check_name(struct xlat_ctx *c, const char *name, int location);

/* INSERT ... ON CONFLICT DO UPDATE whose RETURNING list reads xmax: the condition to AND into
 * the DO UPDATE's WHERE (it marks the row as updated, and is true), else NULL. */
const char *xlat_syscol_upsert_mark(struct xlat_ctx *c, PgQuery__Node **returning, size_t n);

#endif
