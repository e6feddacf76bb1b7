/* SPDX-License-Identifier: Apache-2.0 */
/* sess_trgret.c: RETURNING and ON CONFLICT DO UPDATE where a BEFORE trigger changed the row
 * and the companion AFTER trigger writes it (sess_trigger.c), after SQLite read the statement's
 * row. PostgreSQL's RETURNING shows the row after its BEFORE triggers, and its EXCLUDED is the
 * row the BEFORE INSERT triggers made. For a row of an INSERT or UPDATE, SQLite runs, in order:
 *
 *   BEFORE triggers (the row kept: trg_pending)
 *     [ON CONFLICT DO UPDATE: shardlite_upsert(t) first in its WHERE --> the INSERT's row is
 *      EXCLUDED now ('X'), read by shardlite_excluded(t, col, value) in SET and WHERE;
 *      then the UPDATE's BEFORE triggers, which start from the updated row]
 *   the write
 *   RETURNING (first of the AFTER triggers) --> its hidden last column shardlite_returning():
 *       a row is pending --> a new marker, kept in trg.ret_wait, is the column's value
 *   the companion writes the row --> the statement's RETURNING list read of it by rowid
 *       (xlat_stmt.returning_sql), kept with the marker (sess_trgrow.c)
 *
 * and the session sends, for a RETURNING row whose marker is set, the kept row instead
 * (sess_trigger_substitute; a data-modifying WITH query's rows as sess_modcte.c packs them).
 * A statement whose RETURNING has no marker or whose list cannot be read by rowid is refused
 * there (0A000), never answered with the statement's row. */
#include "sess_plpgsql.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void sess_trigger_ret_params_free(struct sess_udf_state *st)
{
	for (int i = 0; i < st->ret_np; i++)
		sqlite3_value_free(st->ret_pval[i]);
	free(st->ret_pval);
	free(st->ret_pnum);
	st->ret_pval = NULL;
	st->ret_pnum = NULL;
	st->ret_np = 0;
}

void sess_trigger_ret_mark(struct session *s, sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct sess_udf_state *st = s->udf;
	const struct sess_trg_row *p = st ? st->trg_pending : NULL;
	sqlite3_result_null(ctx);
	if (!p || p->applied || p->event == 'X' || p->depth != st->depth || st->trg_quiet)
		return;
	/* the list's parameters (pairs: number, value), which its read by rowid takes */
	sess_trigger_ret_params_free(st);
	st->ret_np = argc / 2;
	st->ret_pnum = base_xcalloc((size_t)st->ret_np + 1, sizeof(int));
	st->ret_pval = base_xcalloc((size_t)st->ret_np + 1, sizeof(sqlite3_value *));
	for (int i = 0; i < st->ret_np; i++) {
		st->ret_pnum[i] = sqlite3_value_int(argv[2 * i]);
		st->ret_pval[i] = sqlite3_value_dup(argv[2 * i + 1]);
	}
	st->trg.ret_wait = ++st->ret_serial;
	sqlite3_result_int64(ctx, (sqlite3_int64)st->trg.ret_wait);
}

void sess_trigger_upsert(struct session *s, sqlite3_context *ctx, sqlite3_value **argv)
{
	struct sess_udf_state *st = s->udf;
	struct sess_trg_row *p = st ? st->trg_pending : NULL;
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	sqlite3_result_int(ctx, 1);
	if (p && !p->applied && p->event == 'I' && p->depth == st->depth && table &&
	    strcasecmp(p->table, table) == 0)
		p->event = 'X'; /* the row is updated: the INSERT's row is EXCLUDED, not written */
}

bool sess_trigger_excluded(struct session *s, sqlite3_context *ctx, sqlite3_value **argv,
			   struct pgerr *err)
{
	struct sess_udf_state *st = s->udf;
	const struct sess_trg_row *p = st ? st->trg_pending : NULL;
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *col = (const char *)sqlite3_value_text(argv[1]);
	const struct catalog_relation *rel = p && p->event == 'X' && p->depth == st->depth &&
							     table && col &&
							     strcasecmp(p->table, table) == 0
						     ? sess_types_relation(s, p->table)
						     : NULL;
	size_t k = 0;
	while (rel && k < rel->ncols && k < p->n && strcmp(rel->cols[k].name, col) != 0)
		k++;
	if (!rel || k >= rel->ncols || k >= p->n || !p->changed[k]) {
		sqlite3_result_value(ctx, argv[2]); /* as the statement gave it */
		return true;
	}
	/* the value the trigger gave, as the companion would bind it */
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT ?1", -1, &vm, NULL);
	bool ok = rc == SQLITE_OK || (shard_error(db, rc, err), false);
	ok = ok && sess_bind_text(s, vm, 0, rel->cols[k].type_oid, p->texts[k], err);
	if (ok && (rc = sqlite3_step(vm)) != SQLITE_ROW)
		ok = (shard_error(db, rc, err), false);
	if (ok)
		sqlite3_result_value(ctx, sqlite3_column_value(vm, 0));
	sqlite3_finalize(vm);
	return ok;
}

bool sess_trigger_ret_applied(struct session *s, const char *table, sqlite3_value *rowid,
			      struct pgerr *err)
{
	struct sess_udf_state *st = s->udf;
	uint64_t id = st->trg.ret_wait;
	st->trg.ret_wait = 0;
	if (!st->trg.returning)
		return true;
	if (!id) /* SQLite's RETURNING row, read before, has no marker */
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "RETURNING of a row that a BEFORE trigger of table \"%s\" changed "
				 "is not supported in a statement whose RETURNING has no row "
				 "marker",
				 table);
	if (!st->trg.returning_sql)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "RETURNING of a row that a BEFORE trigger of table \"%s\" changed "
				 "is not supported with this RETURNING list",
				 table);
	return sess_trigger_keep_returned(s, sqlite3_value_int64(rowid), id, err);
}
