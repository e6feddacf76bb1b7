/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_viewcheck.c: shardlite_view_check_failed(view, value...), the failure of a view's
 * WITH CHECK OPTION (PostgreSQL's ExecWithCheckOptions): 44000 "new row violates check option
 * for view" with the written row of the base table in its DETAIL. The translator calls it
 * from the RETURNING of a write through such a view for a row the view would not show
 * (xlat_updwco.c), each value already in its output form (pgfn_text_out); and
 * shardlite_partition_check_failed, the same for a partition's bound (23514). */
#include "pgfn_int.h"

#include <string.h>

#define FIELD_MAX 64 /* ExecBuildSlotValueDescription's maxfieldlen */

/* At most FIELD_MAX bytes of s, cut at a character's start, then "...", as pg_mbcliplen. */
static void put_clipped(struct strbuf *sb, const char *s, size_t n)
{
	if (n <= FIELD_MAX) {
		strbuf_append(sb, s, n);
		return;
	}
	size_t cut = FIELD_MAX;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	strbuf_append(sb, s, cut);
	strbuf_puts(sb, "...");
}

/* The row's values of a view check's failure into sb: "Failing row contains (...)." */
static void failing_row(struct strbuf *sb, int argc, sqlite3_value **argv)
{
	strbuf_puts(sb, "Failing row contains (");
	for (int i = 1; i < argc; i++) {
		const char *v = (const char *)sqlite3_value_text(argv[i]);
		strbuf_puts(sb, i > 1 ? ", " : "");
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL || !v)
			strbuf_puts(sb, "null");
		else
			put_clipped(sb, v, (size_t)sqlite3_value_bytes(argv[i]));
	}
	strbuf_puts(sb, ").");
}

/* The error of a row (argv[1..]) that the relation named by argv[0] refused: fmt names it. */
static void row_refused(sqlite3_context *ctx, int argc, sqlite3_value **argv, const char *code,
			const char *fmt)
{
	const char *rel = argc ? (const char *)sqlite3_value_text(argv[0]) : NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	failing_row(&sb, argc, argv);
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		pgfn_error_detail(ctx, code, sb.data, fmt, rel ? rel : "");
	strbuf_fini(&sb);
}

static void fn_view_check_failed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	row_refused(ctx, argc, argv, "44000", "new row violates check option for view \"%s\"");
}

/* shardlite_partition_check_failed(partition, value...): a row written through a partition
 * that its bound does not take (PostgreSQL's ExecPartitionCheckEmitError). */
static void fn_partition_check_failed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	row_refused(ctx, argc, argv, "23514",
		    "new row for relation \"%s\" violates partition constraint");
}

/* shardlite_partition_move_refused(table): an UPDATE moved a row of partitioned table to
 * another partition, which PostgreSQL makes a DELETE and an INSERT firing those events' row
 * triggers; SQLite's UPDATE fires neither (the guard of src/xlat/xlat_trigger.c). */
static void fn_partition_move_refused(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *t = sqlite3_value_text(argv[0]);
	pgfn_error(ctx, "0A000",
		   "UPDATE moving a row to another partition of table \"%s\", which has INSERT or "
		   "DELETE row triggers, is not supported (PostgreSQL fires them for the row)",
		   t ? (const char *)t : "");
}

int pgfn_register_viewcheck(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"shardlite_view_check_failed", -1, fn_view_check_failed},
		{"shardlite_partition_check_failed", -1, fn_partition_check_failed},
		{"shardlite_partition_move_refused", 1, fn_partition_move_refused},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
