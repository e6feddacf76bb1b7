/* SPDX-License-Identifier: Apache-2.0 */
/* sess_modcte.c: running a statement with data-modifying WITH queries (xlat_stmt.steps). Each
 * step runs to completion in order, inside the statement's transaction (the implicit block
 * when none is open, so that an error in any step or in the primary statement undoes all of
 * them); its RETURNING rows become a JSON array bound to the primary statement's parameter. */
#include "session_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void json_text(struct strbuf *sb, const unsigned char *p, int n)
{
	strbuf_putc(sb, '"');
	for (int i = 0; i < n; i++) {
		if (p[i] == '"' || p[i] == '\\')
			strbuf_printf(sb, "\\%c", p[i]);
		else if (p[i] < 0x20)
			strbuf_printf(sb, "\\u%04x", p[i]);
		else
			strbuf_putc(sb, (char)p[i]);
	}
	strbuf_putc(sb, '"');
}

/* A real that JSON reads back as one (2.0 stays a real, not the integer 2). */
static void real(struct strbuf *sb, double d)
{
	char v[40];
	snprintf(v, sizeof(v), "%.17g", d);
	strbuf_puts(sb, v);
	if (!strpbrk(v, ".e"))
		strbuf_puts(sb, ".0");
}

void sess_modcte_json_value(struct strbuf *sb, sqlite3_value *v)
{
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		strbuf_printf(sb, "%lld", (long long)sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT: {
		double d = sqlite3_value_double(v);
		if (isinf(d))
			strbuf_puts(sb, d > 0 ? "9e999" : "-9e999");
		else if (isnan(d))
			strbuf_puts(sb, "null");
		else
			real(sb, d);
		break;
	}
	case SQLITE_TEXT:
		json_text(sb, sqlite3_value_text(v), sqlite3_value_bytes(v));
		break;
	case SQLITE_BLOB: {
		const unsigned char *p = sqlite3_value_blob(v);
		int n = sqlite3_value_bytes(v);
		strbuf_puts(sb, "{\"x\":\"");
		for (int j = 0; j < n; j++)
			strbuf_printf(sb, "%02x", p[j]);
		strbuf_puts(sb, "\"}");
		break;
	}
	default:
		strbuf_puts(sb, "null");
		break;
	}
}

/* Runs one step to its end, its rows into sb as a JSON array when keep. A lock met by the
 * first writing step (before anything changed) lets the caller park and run the whole statement
 * again; later steps run under the write lock the first one took. */
static bool run_step(struct session *s, const struct xlat_step *st, sqlite3_stmt *step, bool first,
		     bool keep, struct strbuf *sb, struct pgerr *err)
{
	int n = sqlite3_column_count(step) - (st->marked ? 1 : 0), rc, rows = 0;
	strbuf_putc(sb, '[');
	while ((rc = sqlite3_step(step)) == SQLITE_ROW) {
		if (!keep)
			continue;
		/* a row a BEFORE trigger changed once SQLite read it: as written (sess_trgret.c) */
		sqlite3_stmt *pv = sess_trigger_substitute_marked(s, st->marked, step, err);
		if (pgerr_is_set(err)) {
			sqlite3_reset(step);
			return false;
		}
		strbuf_puts(sb, rows++ ? ",[" : "[");
		for (int i = 0; i < n; i++) {
			strbuf_puts(sb, i ? "," : "");
			sess_modcte_json_value(sb, sqlite3_column_value(pv ? pv : step, i));
		}
		strbuf_putc(sb, ']');
		sqlite3_finalize(pv);
	}
	strbuf_putc(sb, ']');
	if (rc == SQLITE_BUSY && st->nowait) { /* FOR UPDATE NOWAIT: PostgreSQL's answer */
		sqlite3_reset(step);
		return pgerr_set(err, SQLSTATE_LOCK_NOT_AVAILABLE,
				 "could not obtain lock on row in relation \"%s\"", st->nowait);
	}
	if (rc != SQLITE_DONE) {
		/* a stale snapshot of READ COMMITTED: a new one, and the statement again */
		s->lock_busy = first && (rc == SQLITE_BUSY || sess_rc_retry(s, rc, step));
		shard_error(shard_conn_db(s->conn), rc, err);
		sess_explain_failure(s, shard_conn_db(s->conn), step, rc, true, err);
	}
	sqlite3_reset(step);
	if (rc == SQLITE_DONE && sb->failed)
		return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "rows returned by a data-modifying statement in WITH are too large");
	return rc == SQLITE_DONE;
}

/* After a step that left a serial key to SQLite: as sess_exec.c's numbered() after an INSERT
 * (currval/lastval follow, 2200H past an int2/int4 key's maximum; the step always runs in a
 * transaction, which undoes it). */
static bool numbered(struct session *s, const struct xlat_step *st, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	if (!st->numbered_seq || sqlite3_changes64(db) <= 0)
		return true;
	int64_t last = sqlite3_last_insert_rowid(db);
	if (last == INT64_MIN || last == INT64_MAX)
		return true; /* its last row was updated by ON CONFLICT (pgfn_upsert_updating) */
	if (st->numbered_max && last > st->numbered_max)
		return pgerr_set(err, "2200H", "nextval: reached maximum value of sequence \"%s\" (%lld)",
				 st->numbered_seq, (long long)st->numbered_max);
	catalog_seqvals_numbered(s->catalog.seqvals, st->numbered_seq, last);
	return true;
}

bool sess_modcte_prepare(struct session *s, const struct xlat_stmt *x, sqlite3_stmt **steps,
			 struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	for (size_t k = 0; k < x->nsteps; k++) {
		int rc = sqlite3_prepare_v2(db, x->steps[k].sql, -1, &steps[k], NULL);
		if (rc != SQLITE_OK) {
			shard_error(db, rc, err);
			sess_modcte_finalize(steps, k);
			return false;
		}
	}
	return true;
}

void sess_modcte_finalize(sqlite3_stmt **steps, size_t n)
{
	for (size_t k = 0; steps && k < n; k++) {
		sqlite3_finalize(steps[k]);
		steps[k] = NULL;
	}
}

/* Step k's rows to the primary statement and to the later steps that read them (a step reads
 * the pre-image of a table an earlier step modifies). */
static bool bind_rows(struct session *s, const struct xlat_stmt *x, sqlite3_stmt **steps,
		      size_t k, sqlite3_stmt *vm, const struct strbuf *sb, struct pgerr *err)
{
	int param = x->steps[k].param;
	for (size_t j = k + 1; j <= x->nsteps; j++) {
		sqlite3_stmt *to = j < x->nsteps ? steps[j] : vm;
		if (sqlite3_bind_parameter_count(to) >= param &&
		    sqlite3_bind_text64(to, param, sb->data, sb->len, SQLITE_TRANSIENT,
					SQLITE_UTF8) != SQLITE_OK)
			return shard_error(shard_conn_db(s->conn), SQLITE_NOMEM, err);
	}
	return true;
}

bool sess_modcte_run(struct session *s, const struct xlat_stmt *x, sqlite3_stmt **steps,
		     sqlite3_stmt *vm, struct pgerr *err)
{
	sqlite3_stmt **own = NULL;
	if (!sess_trigger_steps_ok(s, x, err)) /* before any step ran */
		return false;
	if (!steps) {
		own = arena_zalloc(s->msg_arena, x->nsteps * sizeof(*own));
		if (!sess_modcte_prepare(s, x, own, err))
			return false;
		steps = own;
	}
	struct strbuf sb;
	strbuf_init(&sb, (size_t)(s->cfg->max_result_bytes > 0
					  ? s->cfg->max_result_bytes : 0));
	bool ok = true, unchanged = true; /* no step has written yet */
	s->step_rows = 0;
	for (size_t k = 0; ok && k < x->nsteps; k++) {
		strbuf_reset(&sb);
		const struct xlat_step *st = &x->steps[k];
		/* its RETURNING rows, as the changed rows were written (sess_trgret.c) */
		struct sess_trg_stmt *t = &sess_udf_state(s)->trg;
		size_t base = t->nreturned;
		t->returning = st->param != 0;
		t->returning_sql = st->returning_sql;
		t->ret_wait = 0;
		t->replace_mode = 0; /* the companion writes the changed rows: see above */
		ok = run_step(s, st, steps[k], unchanged, st->param != 0, &sb, err) &&
		     numbered(s, st, err);
		s->udf->trg.nreturned = base;
		s->udf->trg.returning_sql = NULL;
		if (ok && st->counts)
			s->step_rows += (uint64_t)sqlite3_changes64(shard_conn_db(s->conn));
		unchanged = unchanged && st->reads;
		if (ok && st->param)
			ok = bind_rows(s, x, steps, k, vm, &sb, err);
	}
	strbuf_fini(&sb);
	if (own)
		sess_modcte_finalize(own, x->nsteps);
	return ok;
}
