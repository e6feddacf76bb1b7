/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_test.h: the table-driven harness shared by the xlat unit tests — a PostgreSQL input
 * and the SQLite SQL (or error) it must translate to, checked against a real SQLite. */
#ifndef SHARDLITE_XLAT_TEST_H
#define SHARDLITE_XLAT_TEST_H

#include <check.h>

#include "xlat.h"

/* want: the exact SQLite SQL; or "!SSSSS" for an error with that SQLSTATE; or "!SSSSS@N" to
 * also require PostgreSQL's 1-based character position N. Successful translations of kind
 * XLAT_SQL are also prepared by SQLite against a small schema (see xlat_harness.c). */
struct xcase {
	const char *pg;
	const char *want;
};

/* Runs cases[i] (from a Check loop test). */
void xcase_run(const struct xcase *cases, int i);

/* Translates sql expecting success with exactly n statements; the arena owns them. */
struct xlat_stmt *xtranslate(const char *sql, const uint32_t *types, int ntypes, size_t n,
			     struct arena *a);

/* Runs translated SQL on the test schema and returns the first row as "v1|v2|..." (NULL as
 * "NULL", columns hinted bool as t/f), in memory from a. */
const char *xrun_first_row(const struct xlat_stmt *st, struct arena *a);
/* Runs translated SQL with its constants bound (xlat_stmt.binds) on the test schema: every
 * row as "v1|v2|...;", then "error: message" if a step failed; in memory from a. */
const char *xrun_rows(const struct xlat_stmt *st, struct arena *a);

Suite *xlat_suite_select(void);
Suite *xlat_suite_dml(void);
Suite *xlat_suite_updview(void);
Suite *xlat_suite_ddl(void);
Suite *xlat_suite_misc(void);
Suite *xlat_suite_semantics(void);
Suite *xlat_suite_cache(void);
Suite *xlat_suite_copy(void);
Suite *xlat_suite_schema(void);
Suite *xlat_suite_fnlib(void);
Suite *xlat_suite_infer(void);
Suite *xlat_suite_modcte(void);
Suite *xlat_suite_merge(void);
Suite *xlat_suite_group(void);
Suite *xlat_suite_enum(void);
Suite *xlat_suite_domain(void);
Suite *xlat_suite_bind(void);
Suite *xlat_suite_rowlock(void);
Suite *xlat_suite_alter(void);
Suite *xlat_suite_plpgsql(void);
Suite *xlat_suite_database(void);
Suite *xlat_suite_syscol(void);
Suite *xlat_suite_xid(void);
Suite *xlat_suite_fkref(void);
Suite *xlat_suite_rls(void);
Suite *xlat_suite_indexdef(void);
Suite *xlat_suite_trigger(void);

#define XCASE_TEST(name, table)                    \
	START_TEST(name) { xcase_run(table, _i); } \
	END_TEST

#endif
