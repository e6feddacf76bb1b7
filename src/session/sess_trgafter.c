/* SPDX-License-Identifier: Apache-2.0 */
/* sess_trgafter.c: the AFTER row triggers' queue. PostgreSQL fires a statement's AFTER ROW
 * triggers once the whole statement is done, in row order (the triggers of one row by name),
 * before its AFTER STATEMENT triggers, so that each sees the statement's complete effect. The
 * SQLite AFTER trigger of each row calls shardlite_trigger, which lands here: the row's values
 * are kept, and the session fires them at the statement's end (sess_trigger_after_step), then
 * forgets them. The same rows make a trigger's transition tables (REFERENCING NEW TABLE AS n
 * OLD TABLE AS o): a row trigger's are the rows of its own events, a statement trigger's the
 * rows its SQLite row triggers keep without firing anything (capture), both read through
 * shardlite_transition(name) (xlat_from.c emits the reader).
 *
 *   statement at depth d starts --> rows queued, tagged d (a nested statement's rows: d + 1,
 *       fired and forgotten at that statement's end) --> statement's last change made -->
 *       rows tagged d fired in order --> AFTER STATEMENT triggers --> rows tagged d dropped
 *
 * Invariant: the entries are grouped by depth, deepest last; entries deeper than the running
 * statement are a failed statement's, dropped when the next statement at their depth starts or
 * when the statement's rows fire. */
#include "sess_plpgsql.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct sess_trg_event {
	int depth;
	bool capture; /* a statement trigger's row: kept for its transition tables only */
	/* a DEFERRABLE constraint trigger's row [INITIALLY DEFERRED]: deferred or fired at the
	 * statement's end as SET CONSTRAINTS says (sess_trgdefer.c) */
	bool deferrable, initdeferred;
	uint64_t seq; /* in the deferred queue: the transaction's count when it was deferred */
	char *table, *name, *event;
	size_t ncols;
	sqlite3_value **vals; /* NEW's ncols values, then OLD's */
	char **pending;       /* NEW as a BEFORE trigger changed it, not yet written; or NULL */
};

struct sess_trg_queue {
	struct sess_trg_event *v;
	size_t n, cap;
};

/* The transition tables of the trigger function running (sess_udf_state.tt). */
struct sess_trg_tt {
	int depth; /* the function body's: its own statements read them, not the functions
		    * they call */
	const char *old_name, *new_name;
	char *old_json, *new_json; /* the rows as shardlite_transition answers them */
	struct xlat_transition names[2];
	size_t nnames;
};

static void event_free(struct sess_trg_event *e)
{
	for (size_t k = 0; e->vals && k < 2 * e->ncols; k++)
		sqlite3_value_free(e->vals[k]);
	for (size_t k = 0; e->pending && k < e->ncols; k++)
		free(e->pending[k]);
	free(e->vals);
	free(e->pending);
	free(e->table);
	free(e->name);
	free(e->event);
}

static void truncate_to(struct sess_trg_queue *q, size_t n)
{
	while (q && q->n > n)
		event_free(&q->v[--q->n]);
}

void sess_trigger_queue_free(struct session *s)
{
	struct sess_trg_queue *q = s->udf ? s->udf->after : NULL;
	if (!q)
		return;
	truncate_to(q, 0);
	free(q->v);
	free(q);
	s->udf->after = NULL;
}

/* Where the entries of statements at depth d or deeper start. */
static size_t level_start(const struct sess_trg_queue *q, int d)
{
	size_t lo = q ? q->n : 0;
	while (lo > 0 && q->v[lo - 1].depth >= d)
		lo--;
	return lo;
}

void sess_trigger_queue_begin(struct session *s)
{
	struct sess_trg_queue *q = s->udf ? s->udf->after : NULL;
	if (q && q->n)
		truncate_to(q, level_start(q, s->udf->depth));
}

bool sess_trigger_queue(struct session *s, const char *table, const char *name, const char *event,
			int events, size_t ncols, sqlite3_value **vals)
{
	bool capture = events & SESS_TRG_STATEMENT;
	struct sess_udf_state *st = sess_udf_state(s);
	if (!st->after)
		st->after = base_xcalloc(1, sizeof(*st->after));
	struct sess_trg_queue *q = st->after;
	if (q->n == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 16;
		q->v = base_xrealloc(q->v, q->cap * sizeof(*q->v));
	}
	struct sess_trg_event *e = &q->v[q->n++];
	*e = (struct sess_trg_event){.depth = st->depth,
				     .capture = capture,
				     .deferrable = events & SESS_TRG_DEFERRABLE,
				     .initdeferred = events & SESS_TRG_INITDEFERRED,
				     .table = strdup(table),
				     .name = strdup(name),
				     .event = strdup(event),
				     .ncols = ncols};
	e->vals = base_xcalloc(2 * ncols + 1, sizeof(*e->vals));
	for (size_t k = 0; k < 2 * ncols; k++)
		e->vals[k] = sqlite3_value_dup(vals[k]);
	/* NEW of a row whose BEFORE trigger changed it, which the companion writes (before or
	 * after this: SQLite's order of a row's AFTER triggers) */
	const struct sess_trg_row *p = st->trg_pending;
	if (!capture && p && p->depth == st->depth && strcmp(p->table, table) == 0 &&
	    p->n == ncols && p->event == event[0] && strcmp(event, "DELETE") != 0) {
		e->pending = base_xcalloc(ncols + 1, sizeof(char *));
		for (size_t k = 0; k < ncols; k++)
			e->pending[k] = p->texts[k] ? strdup(p->texts[k]) : NULL;
	}
	return true;
}

/* ---- transition tables ---- */

/* The rows of trigger name of table queued at depth d in q[lo, hi), NEW's (old: OLD's) as a
 * JSON array of arrays; a blob as {"x": "<hex>"} (xlat_modcte_json_column reads it back). */
static char *rows_json(const struct sess_trg_queue *q, size_t lo, size_t hi, int d,
		       const char *table, const char *name, bool old)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '[');
	bool first = true;
	for (size_t i = lo; i < hi; i++) {
		const struct sess_trg_event *e = &q->v[i];
		if (e->depth != d || strcmp(e->table, table) != 0 || strcmp(e->name, name) != 0)
			continue;
		strbuf_puts(&sb, first ? "[" : ",[");
		first = false;
		for (size_t k = 0; k < e->ncols; k++) {
			strbuf_puts(&sb, k ? "," : "");
			sess_modcte_json_value(&sb, e->vals[(old ? e->ncols : 0) + k]);
		}
		strbuf_putc(&sb, ']');
	}
	strbuf_putc(&sb, ']');
	char *r = sb.failed ? NULL : strdup(sb.data ? sb.data : "[]");
	strbuf_fini(&sb);
	return r;
}

static void tt_free(struct sess_trg_tt *tt)
{
	if (!tt)
		return;
	free(tt->old_json);
	free(tt->new_json);
	free(tt);
}

/* The transition tables of trigger d (name of table) from the statement's rows, made the
 * running function's for the call; *saved gets the one it replaces (restore: tt_leave). */
static bool tt_enter(struct session *s, const struct sess_trg_def *d, const char *table,
		     const char *name, size_t lo, size_t hi, struct sess_trg_tt **saved,
		     struct pgerr *err)
{
	struct sess_udf_state *st = sess_udf_state(s);
	*saved = st->tt;
	if (!d->old_table && !d->new_table)
		return true;
	struct sess_trg_tt *tt = base_xcalloc(1, sizeof(*tt));
	tt->depth = st->depth + 1;
	const char *names[2] = {d->old_table, d->new_table};
	char **json[2] = {&tt->old_json, &tt->new_json};
	for (int k = 0; k < 2; k++) {
		if (!names[k])
			continue;
		*json[k] = rows_json(st->after, lo, hi, st->depth, table, name, k == 0);
		if (!*json[k]) {
			tt_free(tt);
			return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					 "transition table \"%s\" too large", names[k]);
		}
		tt->names[tt->nnames++] =
			(struct xlat_transition){.name = names[k], .table = table};
	}
	tt->old_name = d->old_table;
	tt->new_name = d->new_table;
	st->tt = tt;
	return true;
}

static void tt_leave(struct session *s, struct sess_trg_tt *saved)
{
	struct sess_udf_state *st = sess_udf_state(s);
	if (st->tt != saved)
		tt_free(st->tt);
	st->tt = saved;
}

const struct xlat_transition *sess_trigger_transitions(struct session *s, size_t *n)
{
	const struct sess_trg_tt *tt = s->udf ? s->udf->tt : NULL;
	*n = 0;
	if (!tt || tt->depth != s->udf->depth)
		return NULL;
	*n = tt->nnames;
	return tt->names;
}

void sess_trigger_transition_call(struct session *s, sqlite3_context *ctx, sqlite3_value **argv)
{
	const struct sess_trg_tt *tt = s->udf ? s->udf->tt : NULL;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *json = !tt || !name                                      ? NULL
			   : tt->old_name && strcmp(name, tt->old_name) == 0 ? tt->old_json
			   : tt->new_name && strcmp(name, tt->new_name) == 0 ? tt->new_json
									     : NULL;
	sqlite3_result_text(ctx, json ? json : "[]", -1, SQLITE_TRANSIENT);
}

/* ---- firing ---- */

/* NEW's (old: OLD's) values of e as text of rel's column types, in a. */
static const char **texts(struct session *s, const struct sess_trg_event *e,
			  const struct catalog_relation *rel, bool old, struct arena *a)
{
	const char **t = arena_zalloc(a, (rel->ncols + 1) * sizeof(char *));
	for (size_t k = 0; k < e->ncols && k < rel->ncols; k++)
		t[k] = !old && e->pending
			       ? e->pending[k]
			       : sess_udf_value_text(s, e->vals[(old ? e->ncols : 0) + k],
						     rel->cols[k].type_oid, rel->cols[k].typmod, a);
	return t;
}

/* Fires the row trigger of entry i (its function with NEW and OLD); the statement's rows at
 * [lo, hi) give its transition tables. A trigger dropped meanwhile fires no more. */
static bool fire_event(struct session *s, const struct sess_trg_event *e, size_t lo, size_t hi,
		       struct pgerr *err)
{
	struct arena *a = arena_new(0);
	const char *table = arena_strdup(a, e->table), *name = arena_strdup(a, e->name);
	const char *event = arena_strdup(a, e->event);
	struct sess_trg_def d = {0};
	struct pgerr ignored;
	bool ok = true;
	if (!sess_trigger_def(s, table, name, a, &d, &ignored))
		goto out;
	const struct catalog_relation *rel = sess_types_relation(s, table);
	sess_trigger_part_flag(s, &d, table, name, rel, event, e->vals, e->ncols, a);
	if (!sess_trigger_enabled(s, &d))
		goto out;
	if (!rel || rel->ncols < e->ncols) { /* ADD COLUMN appends: the later ones NULL */
		ok = pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			       "the columns of table \"%s\" changed under its trigger \"%s\"",
			       table, name);
		goto out;
	}
	const char **news = texts(s, e, rel, false, a), **olds = texts(s, e, rel, true, a);
	const char *relname = sess_trigger_relname(s, table, rel, event, e->vals, e->ncols, a);
	if (d.events & SESS_TRG_CONSTRAINT) { /* no transition tables; e may move meanwhile */
		ok = sess_trigger_call_row(s, name, relname, event, &d, rel, news, olds, a, err);
		goto out;
	}
	struct sess_trg_tt *saved;
	ok = tt_enter(s, &d, table, name, lo, hi, &saved, err);
	if (ok) {
		ok = sess_trigger_call_row(s, name, relname, event, &d, rel, news, olds, a, err);
		tt_leave(s, saved);
	}
out:
	arena_free(a);
	return ok;
}

/* ---- the deferred queue: constraint triggers' rows kept to COMMIT or SET CONSTRAINTS ---- */

/* A copy of entry e at the deferred queue's end. */
static void defer(struct session *s, const struct sess_trg_event *e)
{
	struct sess_udf_state *st = sess_udf_state(s);
	if (!st->deferred)
		st->deferred = base_xcalloc(1, sizeof(*st->deferred));
	struct sess_trg_queue *q = st->deferred;
	if (q->n == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 16;
		q->v = base_xrealloc(q->v, q->cap * sizeof(*q->v));
	}
	struct sess_trg_event *c = &q->v[q->n++];
	*c = (struct sess_trg_event){.depth = -1,
				     .deferrable = true,
				     .initdeferred = e->initdeferred,
				     .seq = sess_trigger_defer_seq(s),
				     .table = strdup(e->table),
				     .name = strdup(e->name),
				     .event = strdup(e->event),
				     .ncols = e->ncols};
	c->vals = base_xcalloc(2 * e->ncols + 1, sizeof(*c->vals));
	for (size_t k = 0; k < 2 * e->ncols; k++)
		c->vals[k] = sqlite3_value_dup(e->vals[k]);
	if (e->pending) {
		c->pending = base_xcalloc(e->ncols + 1, sizeof(char *));
		for (size_t k = 0; k < e->ncols; k++)
			c->pending[k] = e->pending[k] ? strdup(e->pending[k]) : NULL;
	}
}

/* Drops the deferred rows for which drop(e, arg) holds, keeping the others in order. */
static void deferred_drop(struct sess_trg_queue *q,
			  bool (*drop)(const struct sess_trg_event *, const void *),
			  const void *arg)
{
	size_t keep = 0;
	for (size_t k = 0; q && k < q->n; k++) {
		if (drop(&q->v[k], arg))
			event_free(&q->v[k]);
		else
			q->v[keep++] = q->v[k];
	}
	if (q)
		q->n = keep;
}

static bool is_done(const struct sess_trg_event *e, const void *arg)
{
	(void)arg;
	return e->depth == -2;
}

static bool is_after(const struct sess_trg_event *e, const void *arg)
{
	return e->seq >= *(const uint64_t *)arg;
}

bool sess_trigger_fire_deferred(struct session *s,
				bool (*now)(struct session *, const char *, bool),
				struct pgerr *err)
{
	bool ok = true;
	/* by index: a trigger's own statements may append rows (and move v), fired in turn */
	for (size_t i = 0; ok && s->udf && s->udf->deferred && i < s->udf->deferred->n; i++) {
		struct sess_trg_event *e = &s->udf->deferred->v[i];
		if (e->depth == -2 || (now && !now(s, e->name, e->initdeferred)))
			continue;
		e->depth = -2; /* fired: dropped below */
		struct sess_trg_event copy = *e;
		ok = fire_event(s, &copy, 0, 0, err);
	}
	if (s->udf)
		deferred_drop(s->udf->deferred, is_done, NULL);
	return ok;
}

void sess_trigger_deferred_rollback(struct session *s, uint64_t seq)
{
	if (s->udf)
		deferred_drop(s->udf->deferred, is_after, &seq);
}

bool sess_trigger_deferred_any(struct session *s)
{
	return s->udf && s->udf->deferred && s->udf->deferred->n;
}

void sess_trigger_deferred_free(struct session *s)
{
	struct sess_trg_queue *q = s->udf ? s->udf->deferred : NULL;
	if (!q)
		return;
	truncate_to(q, 0);
	free(q->v);
	free(q);
	s->udf->deferred = NULL;
}

/* The end of one row's entries from i: the next entry of another table or event, or of a
 * trigger already among them (SQLite fires each trigger once per row). */
static size_t row_end(const struct sess_trg_queue *q, size_t i, size_t hi)
{
	size_t j = i + 1;
	for (; j < hi; j++) {
		if (strcmp(q->v[j].table, q->v[i].table) != 0 ||
		    strcmp(q->v[j].event, q->v[i].event) != 0)
			break;
		bool again = false;
		for (size_t k = i; k < j && !again; k++)
			again = strcmp(q->v[k].name, q->v[j].name) == 0;
		if (again)
			break;
	}
	return j;
}

bool sess_trigger_fire_queued(struct session *s, size_t *lo, struct pgerr *err)
{
	struct sess_trg_queue *q = s->udf ? s->udf->after : NULL;
	int d = s->udf ? s->udf->depth : 0;
	const struct sess_trg_row *p = s->udf ? s->udf->trg_pending : NULL;
	if (p && p->applied && p->depth == d) /* the statement's last changed row */
		sess_trigger_fini(s);
	*lo = level_start(q, d);
	/* deeper rows among the statement's are failed statements' (a nested one that ended
	 * took its own): gone, so that a nested statement's start drops none of these */
	size_t keep = *lo;
	for (size_t k = *lo; q && k < q->n; k++) {
		if (q->v[k].depth == d)
			q->v[keep++] = q->v[k];
		else
			event_free(&q->v[k]);
	}
	if (q)
		q->n = keep;
	size_t hi = keep; /* the rows nested statements add are theirs */
	for (size_t i = *lo; i < hi;) {
		size_t end = row_end(q, i, hi);
		/* one row's triggers by name, as PostgreSQL orders them */
		size_t *order = base_xcalloc(end - i + 1, sizeof(size_t));
		size_t n = 0;
		for (size_t k = i; k < end; k++) {
			if (q->v[k].capture)
				continue;
			size_t at = n++;
			while (at > 0 && strcmp(q->v[order[at - 1]].name, q->v[k].name) > 0) {
				order[at] = order[at - 1];
				at--;
			}
			order[at] = k;
		}
		bool ok = true;
		for (size_t k = 0; ok && k < n; k++) {
			const struct sess_trg_event *e = &q->v[order[k]];
			if (e->deferrable && sess_trigger_is_deferred(s, e->name, e->initdeferred))
				defer(s, e); /* to the transaction's end (sess_trgdefer.c) */
			else
				ok = fire_event(s, e, *lo, hi, err);
		}
		free(order);
		if (!ok)
			return false;
		i = end;
	}
	return true;
}

bool sess_trigger_statement_tt(struct session *s, const char *table, const char *name,
			       const struct sess_trg_def *d, size_t lo, struct pl_run *r,
			       struct arena *a, struct pgerr *err)
{
	struct sess_udf_state *st = sess_udf_state(s);
	size_t hi = st->after ? st->after->n : 0;
	struct sess_trg_tt *saved;
	if (!tt_enter(s, d, table, name, lo, hi, &saved, err))
		return false;
	bool ok = sess_trigger_run(r, a, err);
	tt_leave(s, saved);
	return ok;
}

void sess_trigger_queue_end(struct session *s, size_t lo)
{
	if (s->udf)
		truncate_to(s->udf->after, lo);
}
