/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_seqfn.c: nextval, currval, setval, lastval and pg_get_serial_sequence with
 * PostgreSQL's semantics and errors, over a sequence's stored state: its sidecar row, or for a
 * serial primary key the table's sqlite_sequence row (so inserts cost no extra write). The
 * session's currval/lastval memory lives in struct catalog_seqvals, which the session owns. */
#include "catalog_int.h"

#include "pgtype.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CTX_CONN(ctx) ((struct cat_conn *)sqlite3_user_data(ctx))
#define SQLSTATE_OBJECT_NOT_IN_STATE "55000"
#define SQLSTATE_SEQUENCE_LIMIT "2200H"
#define SQLSTATE_WRONG_OBJECT_TYPE "42809"

/* ---- the session's memory of values it obtained ---- */

struct seqval {
	uint32_t oid;
	int64_t value;
};

struct catalog_seqvals {
	struct seqval *v;
	size_t n, cap;
	bool have_last;
	uint32_t last_oid; /* lastval(): the sequence nextval was last called on */
};

struct catalog_seqvals *catalog_seqvals_new(void)
{
	return base_xcalloc(1, sizeof(struct catalog_seqvals));
}

void catalog_seqvals_free(struct catalog_seqvals *sv)
{
	if (!sv)
		return;
	free(sv->v);
	free(sv);
}

void catalog_seqvals_reset(struct catalog_seqvals *sv)
{
	if (sv)
		sv->n = 0, sv->have_last = false;
}

static struct seqval *seqval_find(struct catalog_seqvals *sv, uint32_t oid)
{
	for (size_t i = 0; sv && i < sv->n; i++) {
		if (sv->v[i].oid == oid)
			return &sv->v[i];
	}
	return NULL;
}

static void seqval_set(struct catalog_seqvals *sv, uint32_t oid, int64_t value)
{
	if (!sv)
		return;
	struct seqval *e = seqval_find(sv, oid);
	if (!e) {
		if (sv->n == sv->cap) {
			sv->cap = sv->cap ? sv->cap * 2 : 8;
			sv->v = base_xrealloc(sv->v, sv->cap * sizeof(*sv->v));
		}
		e = &sv->v[sv->n++];
		e->oid = oid;
	}
	e->value = value;
}

void catalog_seqvals_numbered(struct catalog_seqvals *sv, const char *seq, int64_t value)
{
	if (!sv || !seq)
		return;
	/* a temporary table's key: its sequence's OID apart from a permanent one's */
	bool temp = strncmp(seq, "pg_temp.", 8) == 0;
	uint32_t oid = temp ? cat_oid("rel", seq + 8, CAT_NS_TEMP_NAME) : catalog_rel_oid(seq);
	seqval_set(sv, oid, value);
	sv->have_last = true;
	sv->last_oid = oid;
}

static struct catalog_seqvals *ctx_seqvals(sqlite3_context *ctx)
{
	const struct catalog_session *s = CTX_CONN(ctx)->sess;
	return s ? s->seqvals : NULL;
}

/* ---- writes of a serial key's sqlite_sequence row ---- */

void cat_seq_written(struct cat_conn *cc, const char *table, int64_t last)
{
	if (cc && cc->serial_written && table)
		cc->serial_written(cc->serial_arg, table, last);
}

void cat_seq_ddl(struct cat_conn *cc, const char *name)
{
	if (cc && cc->seq_ops && name)
		cc->seq_ops->ddl(cc->seq_arg, name);
}

void catalog_set_seq_ops(struct cat_conn *cc, const struct catalog_seq_ops *ops, void *arg)
{
	cc->seq_ops = ops;
	cc->seq_arg = arg;
}

/* ---- a sequence and its state ---- */

struct seq {
	char name[256];
	uint32_t oid;
	bool implicit;       /* a serial key's: state in sqlite_sequence of table */
	bool temp;           /* a temporary sequence (or temporary table's): the temp schema's */
	signed char in;      /* the schema the name was qualified with: 0 public, 1 pg_temp, -1 */
	char table[256];
	int64_t start, inc, min, max, cache;
	bool cycle;
	int64_t last;
	bool called;
};

/* A relation name as PostgreSQL's text-to-regclass reads it: an optional "public." (the
 * own schema's name: cat_conn_unqualify) and a name folded to lower case unless
 * double-quoted. */
static bool parse_name(const struct cat_conn *cc, const char *s, char *out, size_t cap,
		       signed char *in)
{
	const char *rest = cat_conn_unqualify(cc, s);
	/* a DEFAULT bound to the file's sequence (xlat_catalog.c) runs in any session, also
	 * one whose own schema is called after its tenant */
	if (rest == s && strncmp(s, "public.", 7) == 0)
		rest = s + 7;
	*in = rest != s ? 0 : -1;
	static const char *const temps[] = {"pg_temp.", CAT_NS_TEMP_NAME "."};
	for (size_t i = 0; i < ARRAY_LEN(temps) && rest == s; i++) {
		if (strncasecmp(s, temps[i], strlen(temps[i])) == 0)
			rest = s + strlen(temps[i]), *in = 1;
	}
	s = rest;
	size_t n = 0;
	if (*s == '"') {
		for (s++; *s && n + 1 < cap; s++) {
			if (*s == '"' && s[1] != '"')
				break;
			out[n++] = *s;
			if (*s == '"')
				s++;
		}
	} else {
		for (; *s && n + 1 < cap; s++)
			out[n++] = (char)tolower((unsigned char)*s);
	}
	out[n] = '\0';
	return n > 0;
}

/* q's row in one schema's sidecar. */
static bool load_row(sqlite3 *db, bool temp, struct seq *q)
{
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db,
			       temp ? "SELECT start, increment, min, max, cycle, last_value, "
				      "is_called, cache FROM temp." CAT_SIDECAR_SEQUENCES
				      " WHERE name = ?1"
				    : "SELECT start, increment, min, max, cycle, last_value, "
				      "is_called, cache FROM main." CAT_SIDECAR_SEQUENCES
				      " WHERE name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return false; /* no sidecar table: no such sequence there */
	sqlite3_bind_text(st, 1, q->name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = true;
		q->start = sqlite3_column_int64(st, 0);
		q->inc = sqlite3_column_int64(st, 1);
		q->min = sqlite3_column_int64(st, 2);
		q->max = sqlite3_column_int64(st, 3);
		q->cycle = sqlite3_column_int(st, 4) != 0;
		q->last = sqlite3_column_int64(st, 5);
		q->called = sqlite3_column_int(st, 6) != 0;
		q->cache = sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
	q->temp = found && temp;
	return found;
}

/* The sequence's row in the temp schema's sidecar (a temporary sequence hides a permanent
 * one of its name; the temp schema has one only in a session that made one), else in the
 * tenant file's. */
static bool load_sidecar(sqlite3 *db, struct seq *q)
{
	return (q->in != 0 && cat_sidecar_in(db, true, CAT_SIDECAR_SEQUENCES) &&
		load_row(db, true, q)) ||
	       (q->in != 1 && load_row(db, false, q));
}

/* The model's sequence of that exact name in the schema in says (-1: temp first). */
static const struct cat_seq *model_seq(const struct cat_model *m, const char *name, int in)
{
	for (int temp = 1; temp >= 0; temp--) {
		for (size_t i = 0; in != !temp && i < m->nseqs; i++) {
			const struct cat_seq *q = m->seqs[i];
			if (q->rel->temp == temp && strcmp(q->name, name) == 0)
				return q;
		}
	}
	return NULL;
}

/* A serial's state: the highest value SQLite has handed out (AUTOINCREMENT never goes below
 * the largest rowid present, nor below its sqlite_sequence row), or, while the shard holds
 * numbers of a permanent table's key ahead (catalog_set_serial_given), the last one given:
 * the row is then ahead of the sequence. */
static bool load_implicit(struct cat_conn *cc, struct seq *q)
{
	int64_t given = 0;
	if (!q->temp && cc->serial_given && cc->serial_given(cc->serial_arg, q->table, &given)) {
		q->called = given > 0;
		q->last = given > 0 ? given : 1;
		return true;
	}
	sqlite3 *db = cc->db;
	const char *schema = cat_sidecar_schema(q->temp);
	char *sql = sqlite3_mprintf("SELECT max(coalesce((SELECT seq FROM %ssqlite_sequence WHERE "
				    "name = ?1), 0), coalesce((SELECT max(rowid) FROM %s\"%w\"), "
				    "0))",
				    schema, schema, q->table);
	sqlite3_stmt *st = NULL;
	bool ok = sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK;
	sqlite3_free(sql);
	if (ok) {
		sqlite3_bind_text(st, 1, q->table, -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_ROW;
	}
	int64_t v = ok ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	q->called = v > 0;
	q->last = v > 0 ? v : 1;
	return ok;
}

void catalog_set_serial_given(struct cat_conn *cc, catalog_serial_given_fn *fn,
			      catalog_serial_written_fn *written, void *arg)
{
	cc->serial_given = fn;
	cc->serial_written = written;
	cc->serial_arg = arg;
}

static bool from_model(const struct cat_seq *ms, struct seq *q)
{
	snprintf(q->name, sizeof(q->name), "%s", ms->name);
	q->oid = ms->oid;
	q->implicit = ms->implicit;
	q->temp = ms->rel->temp;
	snprintf(q->table, sizeof(q->table), "%s", ms->owner_table ? ms->owner_table : "");
	q->start = ms->start, q->inc = ms->inc, q->min = ms->min, q->max = ms->max;
	q->cycle = ms->cycle;
	return true;
}

/* Whether q's numbers are the tenant's (catalog_seq_ops): a sequence of its own in the
 * tenant's file; a serial key's (shard_serial.c) and a temporary one keep their rows. */
static bool held(const struct cat_conn *cc, const struct seq *q)
{
	return cc->seq_ops && !q->implicit && !q->temp;
}

bool cat_seq_state(struct cat_conn *cc, const struct cat_seq *ms, int64_t *last, bool *called,
		   int64_t *log_cnt)
{
	struct seq q = {0};
	from_model(ms, &q);
	int64_t n = 0;
	if (held(cc, &q) && cc->seq_ops->peek(cc->seq_arg, q.name, q.inc, last, called, &n)) {
		if (log_cnt)
			*log_cnt = n;
		return true;
	}
	if (!(q.implicit ? load_implicit(cc, &q) : load_row(cc->db, q.temp, &q)))
		return false;
	*last = q.last;
	*called = q.called;
	if (log_cnt)
		*log_cnt = 0;
	return true;
}

/* Sets ctx's error for rc from the shard's sequence functions (an SQLite code). */
static void held_failed(sqlite3_context *ctx, int rc)
{
	sqlite3_result_error(ctx, rc == SQLITE_BUSY ? "database is locked" : sqlite3_errstr(rc),
			     -1);
	sqlite3_result_error_code(ctx, rc);
}

static struct catalog_seq_def held_def(const struct seq *q)
{
	return (struct catalog_seq_def){q->name, q->inc, q->min, q->max, q->cache, q->cycle};
}

/* The sequence argv names (text, or an OID from ::regclass) with its current state; false
 * with the error set on ctx (42P01 no such relation, 42809 not a sequence). */
static bool resolve(sqlite3_context *ctx, sqlite3_value *arg, struct seq *q)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	memset(q, 0, sizeof(*q));
	if (sqlite3_value_type(arg) == SQLITE_INTEGER) {
		const struct cat_model *m = cat_fn_model(ctx);
		if (!m)
			return false;
		const struct cat_rel *r = cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(arg));
		if (!r) {
			pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "could not open relation with OID %lld",
				   (long long)sqlite3_value_int64(arg));
			return false;
		}
		snprintf(q->name, sizeof(q->name), "%s", r->name);
		q->in = r->temp;
	} else if (!sqlite3_value_text(arg) ||
		   !parse_name(CTX_CONN(ctx), (const char *)sqlite3_value_text(arg), q->name,
			       sizeof(q->name), &q->in)) {
		pgfn_error(ctx, SQLSTATE_INVALID_NAME, "invalid name syntax");
		return false;
	} else if (q->in < 0 && cat_nsp_temp_late_path(CTX_CONN(ctx))) {
		/* search_path = public, pg_temp: public's s before the temporary s */
		const struct cat_model *m = cat_fn_model(ctx);
		if (!m)
			return false;
		const struct cat_rel *late = cat_model_rel_in(m, q->name, true)
						     ? cat_nsp_temp_late(CTX_CONN(ctx), m, q->name)
						     : NULL;
		if (late) { /* a local schema's is stored as "s.name" */
			snprintf(q->name, sizeof(q->name), "%s", late->name);
			q->in = 0;
		}
	}
	if (load_sidecar(db, q)) {
		/* a temporary sequence's currval apart from a permanent one's of its name */
		q->oid = q->temp ? cat_oid("rel", q->name, CAT_NS_TEMP_NAME) : catalog_rel_oid(q->name);
		return true;
	}
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return false;
	/* names are exact here, as regclass reads them ("S" is not s) */
	const struct cat_seq *ms = model_seq(m, q->name, q->in);
	if (ms && ms->implicit && from_model(ms, q) && load_implicit(CTX_CONN(ctx), q))
		return true;
	const struct cat_rel *r = cat_model_rel(m, q->name);
	if (r && strcmp(r->name, q->name) == 0)
		pgfn_error(ctx, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", q->name);
	else
		pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist", q->name);
	return false;
}

/* Stores the state; a failure (a lock held by another connection: SQLITE_BUSY) is passed on
 * with its code, so the session parks and retries the statement as for any other write. */
static bool store(sqlite3_context *ctx, const struct seq *q, int64_t last, bool called)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *schema = cat_sidecar_schema(q->temp);
	if (q->implicit && !q->temp)
		cat_seq_written(CTX_CONN(ctx), q->table, called ? last : last - 1);
	char *sql = q->implicit
			    ? sqlite3_mprintf("UPDATE %ssqlite_sequence SET seq = ?2 WHERE name = ?1",
					      schema)
			    : sqlite3_mprintf("UPDATE %s" CAT_SIDECAR_SEQUENCES
					      " SET last_value = ?2, is_called = ?3 WHERE name = ?1",
					      schema);
	sqlite3_stmt *st = NULL;
	int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, q->implicit ? q->table : q->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, q->implicit ? (called ? last : last - 1) : last);
		if (!q->implicit)
			sqlite3_bind_int(st, 3, called);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK && q->implicit && sqlite3_changes(db) == 0) {
		rc = sqlite3_prepare_v2(db,
					q->temp ? "INSERT INTO temp.sqlite_sequence (name, seq) VALUES "
						  "(?1, ?2)"
						: "INSERT INTO main.sqlite_sequence (name, seq) VALUES "
						  "(?1, ?2)",
					-1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, q->table, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, called ? last : last - 1);
			rc = sqlite3_step(st);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_result_error_code(ctx, rc);
	}
	return rc == SQLITE_OK;
}

/* ---- the functions ---- */

static void limit_reached(sqlite3_context *ctx, const struct seq *q)
{
	pgfn_error(ctx, SQLSTATE_SEQUENCE_LIMIT, "nextval: reached %s value of sequence \"%s\" (%lld)",
		   q->inc > 0 ? "maximum" : "minimum", q->name,
		   (long long)(q->inc > 0 ? q->max : q->min));
}

/* nextval from the sequence's row, written in the caller's transaction: a serial key's, a
 * temporary sequence's, and one whose row the transaction changed by DDL. */
static bool next_from_row(sqlite3_context *ctx, const struct seq *q, int64_t *v)
{
	int64_t next = 0;
	*v = q->last;
	if (q->called) {
		bool over = __builtin_add_overflow(q->last, q->inc, &next) ||
			    (q->inc > 0 ? next > q->max : next < q->min);
		if (over && !q->cycle) {
			limit_reached(ctx, q);
			return false;
		}
		*v = over ? (q->inc > 0 ? q->min : q->max) : next;
	}
	return store(ctx, q, *v, true);
}

static void fn_nextval(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct seq q;
	if (!resolve(ctx, argv[0], &q))
		return;
	struct cat_conn *cc = CTX_CONN(ctx);
	int64_t v = 0;
	int rc = CATALOG_SEQ_ROW;
	if (held(cc, &q)) {
		struct catalog_seq_def d = held_def(&q);
		rc = cc->seq_ops->next(cc->seq_arg, &d, &v);
	}
	if (rc == CATALOG_SEQ_LIMIT) {
		limit_reached(ctx, &q);
		return;
	}
	if (rc != CATALOG_SEQ_ROW && rc != SQLITE_OK) {
		held_failed(ctx, rc);
		return;
	}
	if (rc == CATALOG_SEQ_ROW && !next_from_row(ctx, &q, &v))
		return;
	struct catalog_seqvals *sv = ctx_seqvals(ctx);
	seqval_set(sv, q.oid, v);
	if (sv)
		sv->have_last = true, sv->last_oid = q.oid;
	sqlite3_result_int64(ctx, v);
}

static void fn_currval(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct seq q;
	if (!resolve(ctx, argv[0], &q))
		return;
	const struct seqval *e = seqval_find(ctx_seqvals(ctx), q.oid);
	if (!e) {
		pgfn_error(ctx, SQLSTATE_OBJECT_NOT_IN_STATE,
			   "currval of sequence \"%s\" is not yet defined in this session", q.name);
		return;
	}
	sqlite3_result_int64(ctx, e->value);
}

/* Whether the model still holds a sequence of that OID: PostgreSQL's lastval refuses a value
 * whose sequence was dropped since. */
static bool seq_exists(sqlite3_context *ctx, uint32_t oid)
{
	const struct cat_model *m = cat_fn_model(ctx);
	for (size_t i = 0; m && i < m->nseqs; i++) {
		if (m->seqs[i]->oid == oid)
			return true;
	}
	return false;
}

static void fn_lastval(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct catalog_seqvals *sv = ctx_seqvals(ctx);
	const struct seqval *e = sv && sv->have_last ? seqval_find(sv, sv->last_oid) : NULL;
	if (!e || !seq_exists(ctx, sv->last_oid)) {
		pgfn_error(ctx, SQLSTATE_OBJECT_NOT_IN_STATE,
			   "lastval is not yet defined in this session");
		return;
	}
	sqlite3_result_int64(ctx, e->value);
}

static void fn_setval(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct seq q;
	if (!resolve(ctx, argv[0], &q))
		return;
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL ||
	    (argc == 3 && sqlite3_value_type(argv[2]) == SQLITE_NULL)) {
		sqlite3_result_null(ctx); /* strict, as in PostgreSQL */
		return;
	}
	int64_t v = sqlite3_value_int64(argv[1]);
	bool called = argc == 3 ? sqlite3_value_int(argv[2]) != 0 : true;
	if (v < q.min || v > q.max) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "setval: value %lld is out of bounds for sequence \"%s\" (%lld..%lld)",
			   (long long)v, q.name, (long long)q.min, (long long)q.max);
		return;
	}
	struct cat_conn *cc = CTX_CONN(ctx);
	int rc = CATALOG_SEQ_ROW;
	if (held(cc, &q)) {
		struct catalog_seq_def d = held_def(&q);
		rc = cc->seq_ops->set(cc->seq_arg, &d, v, called);
	}
	if (rc != CATALOG_SEQ_ROW && rc != SQLITE_OK) {
		held_failed(ctx, rc);
		return;
	}
	if (rc == CATALOG_SEQ_ROW && !store(ctx, &q, v, called))
		return;
	if (called)
		seqval_set(ctx_seqvals(ctx), q.oid, v);
	sqlite3_result_int64(ctx, v);
}

/* pg_get_serial_sequence('table', 'column'): the table name is read as regclass reads it,
 * the column name as is. */
static void fn_serial_sequence(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char table[256];
	const char *col = (const char *)sqlite3_value_text(argv[1]);
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	if (!t || !col) {
		sqlite3_result_null(ctx);
		return;
	}
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	signed char in;
	/* 'public.t' names the tenant's t, 'pg_temp.t' the temporary one, 't' search_path's */
	const struct cat_rel *r = NULL;
	if (parse_name(CTX_CONN(ctx), t, table, sizeof(table), &in))
		r = in >= 0 ? cat_model_rel_in(m, table, in == 1)
			    : cat_nsp_lookup(CTX_CONN(ctx), m, table);
	if (!r) {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist", t);
		return;
	}
	bool found = false;
	for (int i = 0; i < r->ncols && !found; i++)
		found = strcmp(r->cols[i].name, col) == 0;
	if (!found) {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_COLUMN,
			   "column \"%s\" of relation \"%s\" does not exist", col, r->name);
		return;
	}
	for (size_t i = 0; i < m->nseqs; i++) {
		const struct cat_seq *q = m->seqs[i];
		if (q->owner_table && q->rel->temp == r->temp && strcmp(q->owner_table, r->name) == 0 &&
		    strcmp(q->owner_col, col) == 0) {
			/* PostgreSQL names the session's temp schema by its alias */
			const char *nsp = q->rel->temp ? "pg_temp" : cat_conn_public(CTX_CONN(ctx));
			char *s = cat_nsp_of(m, q->name, NULL) /* a local schema's "s.t_id_seq" */
					  ? sqlite3_mprintf("%s", cat_nsp_quote(m, m->a, q->name))
					  : sqlite3_mprintf("%s.%s", cat_quote_ident(m->a, nsp),
							    cat_quote_ident(m->a, q->name));
			sqlite3_result_text(ctx, s, -1, sqlite3_free);
			return;
		}
	}
	sqlite3_result_null(ctx);
}

/* obj_description(oid [, catalog]) and col_description(oid, attnum): COMMENTs on the
 * tenant's relations and columns (pg_description), and PostgreSQL's descriptions of the
 * built-in functions, operators, types, access methods, operator classes and families. */
static void fn_obj_description(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *cls = argc == 2 ? (const char *)sqlite3_value_text(argv[1]) : "pg_class";
	if (cls && strcmp(cls, "pg_constraint") == 0) { /* COMMENT ON CONSTRAINT's */
		const struct cat_model *m = cat_fn_model(ctx);
		if (m && sqlite3_value_type(argv[0]) != SQLITE_NULL)
			cat_result_text(ctx, cat_model_con_comment(
						     m, (uint32_t)sqlite3_value_int64(argv[0])));
		else
			sqlite3_result_null(ctx);
		return;
	}
	if (cls && strcmp(cls, "pg_largeobject") == 0) { /* COMMENT ON LARGE OBJECT's */
		struct arena *a = arena_new(0);
		cat_result_text(ctx,
				sqlite3_value_type(argv[0]) == SQLITE_NULL
					? NULL
					: cat_lo_comment(sqlite3_context_db_handle(ctx), a,
							 (uint32_t)sqlite3_value_int64(argv[0])));
		arena_free(a);
		return;
	}
	if (cls && strcmp(cls, "pg_extension") == 0) { /* COMMENT ON EXTENSION's, or its own */
		struct arena *a = arena_new(0);
		cat_result_text(ctx,
				sqlite3_value_type(argv[0]) == SQLITE_NULL
					? NULL
					: cat_ext_comment(sqlite3_context_db_handle(ctx), a,
							  (uint32_t)sqlite3_value_int64(argv[0])));
		arena_free(a);
		return;
	}
	if (cls && sqlite3_value_type(argv[0]) != SQLITE_NULL && strcmp(cls, "pg_class") != 0) {
		/* a regproc column of the catalog (pg_operator.oprcode) holds the name */
		bool name = sqlite3_value_type(argv[0]) == SQLITE_TEXT && strcmp(cls, "pg_proc") == 0;
		uint32_t oid = name ? cat_builtin_proc_oid((const char *)sqlite3_value_text(argv[0]))
				       : (uint32_t)sqlite3_value_int64(argv[0]);
		uint32_t own = 0; /* 'f'::regproc of the tenant's own function f */
		if (name && !oid &&
		    cat_udf_named(sqlite3_context_db_handle(ctx),
				  (const char *)sqlite3_value_text(argv[0]), &own) == 1)
			oid = own;
		/* COMMENT ON TYPE, DOMAIN, TRIGGER, POLICY of the tenant's (catalog_seq.c) */
		uint32_t classoid = strcmp(cls, "pg_type") == 0      ? 1247
				    : strcmp(cls, "pg_trigger") == 0 ? 2620
				    : strcmp(cls, "pg_policy") == 0  ? 3256
								     : 0;
		if (classoid && oid >= CATALOG_OID_MIN) {
			const struct cat_model *om = cat_fn_model(ctx);
			cat_result_text(ctx,
					om ? cat_model_class_comment(om, classoid, oid) : NULL);
			return;
		}
		if (strcmp(cls, "pg_proc") == 0 && oid >= CATALOG_OID_MIN) { /* the tenant's */
			const struct cat_model *pm = cat_fn_model(ctx);
			cat_result_text(ctx, pm ? cat_model_proc_comment(pm, oid) : NULL);
			return;
		}
		bool nsp = strcmp(cls, "pg_namespace") == 0 && oid >= CATALOG_OID_MIN;
		const struct cat_model *lm = nsp ? cat_fn_model(ctx) : NULL;
		for (size_t i = 0; lm && i < lm->nnsps; i++) { /* a local schema's COMMENT */
			if (lm->nsps[i].oid == oid) {
				cat_result_text(ctx, lm->nsps[i].comment);
				return;
			}
		}
		bool pub = oid == CAT_NS_PUBLIC && strcmp(cls, "pg_namespace") == 0;
		const struct cat_model *m = pub ? cat_fn_model(ctx) : NULL;
		const char *text = !pub ? cat_builtin_desc(cls, oid)
				   : m && m->public_comment ? m->public_comment
							    : "standard public schema";
		cat_result_text(ctx, text && *text ? text : NULL);
		return;
	}
	if (!cls || strcmp(cls, "pg_class") != 0) {
		sqlite3_result_null(ctx);
		return;
	}
	const struct cat_model *m = cat_fn_model(ctx);
	if (m)
		cat_result_text(ctx, cat_model_comment(m, (uint32_t)sqlite3_value_int64(argv[0]), 0));
}

static void fn_col_description(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int subid = sqlite3_value_int(argv[1]);
	const struct cat_model *m = subid > 0 ? cat_fn_model(ctx) : NULL;
	if (m)
		cat_result_text(ctx,
				cat_model_comment(m, (uint32_t)sqlite3_value_int64(argv[0]), subid));
	else
		sqlite3_result_null(ctx);
}

/* nextval is called by a column DEFAULT (DEFAULT nextval('s'), as pg_dump writes serials):
 * its worst misuse from a crafted schema is advancing a sequence; currval and lastval (a
 * DEFAULT -currval('s') after a nextval one, PostgreSQL's regression tests do it) only read
 * the session's values */
static const struct pgfn_def schema_fns[] = {
	{"nextval", 1, fn_nextval},
	{"currval", 1, fn_currval},
	{"lastval", 0, fn_lastval},
	{"pg_get_serial_sequence", 2, fn_serial_sequence},
	{"obj_description", 1, fn_obj_description},
	{"obj_description", 2, fn_obj_description},
	{"col_description", 2, fn_col_description},
};

/* side effects: callable only from statements, never from the schema */
static const struct pgfn_def direct_fns[] = {
	{"setval", 2, fn_setval},
	{"setval", 3, fn_setval},
};

bool cat_seqfn_register(sqlite3 *db, struct cat_conn *cc)
{
	if (pgfn_define_with(db, schema_fns, ARRAY_LEN(schema_fns), SQLITE_INNOCUOUS, cc) !=
		    SQLITE_OK ||
	    pgfn_define_with(db, direct_fns, ARRAY_LEN(direct_fns), SQLITE_DIRECTONLY, cc) !=
		    SQLITE_OK)
		return false;
	return cat_seqddl_register(db, cc);
}
