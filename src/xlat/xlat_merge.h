/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_merge.h: what xlat_merge.c (the plan, the check, the actions) and xlat_mergesrc.c (the
 * source: its name, its columns, what WHEN NOT MATCHED may name) share. Private to xlat. */
#ifndef SHARDLITE_XLAT_MERGE_H
#define SHARDLITE_XLAT_MERGE_H

#include "xlat_int.h"

#define MERGE_CTE "__merge" /* the plan's rows of one WHEN clause, as the actions read them */

struct merge {
	const PgQuery__MergeStmt *m;
	PgQuery__RangeVar target; /* the statement's target, always with an alias */
	PgQuery__Alias talias;
	const char *src;              /* the name the source's columns are qualified with */
	struct xlat_schema_col *cols; /* the reader's columns: __tid, then the source's */
	size_t ncols;
	/* A join as the source (`USING a JOIN b ON ...`): its relations by the names their
	 * columns go by (src is the first), and which of them each of cols (from 1) is of. */
	const char **members;
	size_t nmembers;
	size_t *col_member;
	struct xlat_step *steps;
	size_t nsteps;
	const char *primary; /* the last action's SQL */
	const char *primary_seq;
	int64_t primary_max;
};

static inline const PgQuery__MergeWhenClause *xlat_merge_clause(const struct merge *mg, size_t i)
{
	return mg->m->merge_when_clauses[i]->merge_when_clause;
}

/* A ResTarget node (no name) of val, in the arena. */
PgQuery__Node *xlat_merge_res_target(struct xlat_ctx *c, PgQuery__Node *val);
/* Checks the source's kind and sets mg->src, the name its columns are qualified with, and
 * mg->members (a join's relations); false with err (42601 for a subquery without an alias,
 * 0A000 for a join member without a name). */
bool xlat_merge_check_source(struct xlat_ctx *c, const PgQuery__MergeStmt *m, struct merge *mg);
/* src, or a copy with a `*` over tables in its subquery spelled out as their columns. */
PgQuery__Node *xlat_merge_spell_out_star(struct xlat_ctx *c, PgQuery__Node *src);
/* With the source in scope: mg->cols (__tid, then the source's columns); 42P01 for a missing
 * table, 0A000 when its columns are not known. */
bool xlat_merge_source_cols(struct xlat_ctx *c, struct merge *mg);
/* Whether rel names one of the source's relations. */
bool xlat_merge_is_member(const struct merge *mg, const char *rel);
/* 42P01 / 42703 for a WHEN NOT MATCHED condition or value naming the target. */
bool xlat_merge_not_matched_refs(struct xlat_ctx *c, const struct merge *mg);

#endif
