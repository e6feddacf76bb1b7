/* SPDX-License-Identifier: Apache-2.0 */
/* sess_trgrow.c: the row a BEFORE trigger changed, written by the session in place of the
 * statement's. SQLite cannot change NEW, so when the function returns a changed row the
 * session writes that row itself — an INSERT of it, or an UPDATE of the changed columns keyed
 * by the old primary key — and SQLite skips the statement's own row (RAISE(IGNORE)). The
 * constraints (NOT NULL, CHECK, UNIQUE, foreign keys) then check the changed row, and the AFTER
 * triggers see it, as in PostgreSQL; the command tag counts the row (trg.instead_rows). Under
 * RETURNING, for which SQLite returns nothing for a skipped row, the statement's RETURNING list
 * (xlat_stmt.returning_sql) is read of each written row at once and its values kept, which the
 * session returns after the statement's own rows (AFTER triggers, run in between, change none).
 *
 * Only where that is the statement's whole effect: not under ON CONFLICT (the session's write
 * has no conflict clause) nor a RETURNING list the translator could not make a query of, and
 * only with a single BEFORE trigger for the event (the session's write fires the table's
 * triggers again, the BEFORE one skipped once: trg_replacing); an UPDATE needs a primary key.
 * Elsewhere the companion AFTER trigger writes the changed columns afterwards
 * (sess_trigger.c). Also here: NEW's serial key numbered before SQLite numbers it. */
#include "sess_plpgsql.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool differs(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
}

/* An omitted serial key reads -1 in SQLite's NEW: left out, SQLite numbers it. */
static bool numbered(const struct catalog_column *col, const struct sess_trg_row *p, size_t k,
		     const char *orig)
{
	return col->rowid_seq && !p->changed[k] && orig && strcmp(orig, "-1") == 0;
}

void sess_trigger_put_assign(struct strbuf *sb, const struct catalog_relation *rel, size_t k,
			     int param)
{
	strbuf_put_quoted(sb, rel->cols[k].name, '"');
	if (!rel->cols[k].rowid_key) {
		strbuf_printf(sb, " = ?%d", param);
		return;
	}
	/* a plain key stored as the rowid takes no NULL (SQLite: datatype mismatch): 23502 */
	strbuf_printf(sb, " = shardlite_notnull(?%d, ", param);
	strbuf_put_quoted(sb, rel->cols[k].name, '\'');
	strbuf_puts(sb, ", ");
	strbuf_put_quoted(sb, rel->name, '\'');
	strbuf_puts(sb, ")");
}

/* The INSERT of p, or the UPDATE of its columns that differ from olds keyed by the primary
 * key's old values; *binds gets the texts in parameter order (*types their types). */
static const char *write_sql(const char *schema, const struct catalog_relation *rel,
			     const struct sess_trg_row *p, const char *const *orig,
			     const char *const *olds, bool insert, struct arena *a,
			     const char **binds, uint32_t *types, int *n)
{
	struct strbuf sb, vals;
	strbuf_init(&sb, 0);
	strbuf_init(&vals, 0);
	strbuf_printf(&sb, insert ? "INSERT INTO %s." : "UPDATE %s.", schema);
	strbuf_put_quoted(&sb, rel->name, '"');
	*n = 0;
	for (size_t k = 0; k < rel->ncols; k++) {
		if (rel->cols[k].generated || /* computed after the BEFORE triggers */
		    (insert ? numbered(&rel->cols[k], p, k, orig[k])
			    : !differs(p->texts[k], olds[k])))
			continue;
		strbuf_puts(&sb, *n ? ", " : insert ? " (" : " SET ");
		if (insert)
			strbuf_put_quoted(&sb, rel->cols[k].name, '"');
		else
			sess_trigger_put_assign(&sb, rel, k, *n + 1);
		strbuf_printf(&vals, "%s?%d", *n ? ", " : "", *n + 1);
		binds[*n] = p->texts[k];
		types[(*n)++] = rel->cols[k].type_oid;
	}
	if (insert) {
		strbuf_printf(&sb, *n ? ") VALUES (%s)" : " DEFAULT VALUES",
			      vals.data ? vals.data : "");
	} else {
		if (!*n) { /* nothing changed: the row is still updated, for its AFTER triggers */
			strbuf_puts(&sb, " SET ");
			strbuf_put_quoted(&sb, rel->pkey[0], '"');
			strbuf_puts(&sb, " = ");
			strbuf_put_quoted(&sb, rel->pkey[0], '"');
		}
		for (size_t i = 0; i < rel->npkey; i++) {
			for (size_t k = 0; k < rel->ncols; k++) {
				if (strcasecmp(rel->cols[k].name, rel->pkey[i]) != 0)
					continue;
				strbuf_puts(&sb, i ? " AND " : " WHERE ");
				strbuf_put_quoted(&sb, rel->pkey[i], '"');
				strbuf_printf(&sb, " = ?%d", *n + 1);
				binds[*n] = olds[k];
				types[(*n)++] = rel->cols[k].type_oid;
			}
		}
	}
	const char *sql = arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	strbuf_fini(&vals);
	return sql;
}

/* One RETURNING row of a row the session wrote (id 0), or of one the companion wrote after
 * SQLite read its RETURNING row, whose marker is id (sess_trgret.c): its values, copied. */
struct sess_trg_returned {
	sqlite3_value **vals;
	int n;
	uint64_t id;
};

static void returned_clear(struct sess_trg_returned *r)
{
	for (int k = 0; k < r->n; k++)
		sqlite3_value_free(r->vals[k]);
	free(r->vals);
	*r = (struct sess_trg_returned){0};
}

void sess_trigger_returned_free(struct sess_udf_state *st)
{
	for (size_t i = 0; i < st->capreturned; i++)
		returned_clear(&st->returned[i]);
	free(st->returned);
	st->returned = NULL;
	st->capreturned = 0;
}

/* The statement's RETURNING list of the row just written (replace_mode 2, or by the
 * companion), read now: as PostgreSQL's, it shows the row as written, before the AFTER
 * triggers that run at the statement's end change it. */
bool sess_trigger_keep_returned(struct session *s, int64_t rowid, uint64_t id, struct pgerr *err)
{
	struct sess_udf_state *st = s->udf;
	if (st->trg.nreturned == st->capreturned) {
		size_t cap = st->capreturned ? 2 * st->capreturned : 16;
		st->returned = base_xrealloc(st->returned, cap * sizeof(*st->returned));
		memset(st->returned + st->capreturned, 0,
		       (cap - st->capreturned) * sizeof(*st->returned));
		st->capreturned = cap;
	}
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, st->trg.returning_sql, -1, &vm, NULL);
	for (int i = 0; rc == SQLITE_OK && id && i < st->ret_np; i++) /* the marker's */
		rc = sqlite3_bind_value(vm, st->ret_pnum[i], st->ret_pval[i]);
	if (rc == SQLITE_OK) /* rowid: the last parameter */
		rc = sqlite3_bind_int64(vm, sqlite3_bind_parameter_count(vm), rowid);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(vm);
	if (rc == SQLITE_ROW) {
		struct sess_trg_returned *r = &st->returned[st->trg.nreturned++];
		returned_clear(r); /* an earlier statement's, read */
		r->id = id;
		r->n = sqlite3_column_count(vm);
		r->vals = base_xcalloc((size_t)r->n + 1, sizeof(*r->vals));
		for (int k = 0; k < r->n; k++)
			r->vals[k] = sqlite3_value_dup(sqlite3_column_value(vm, k));
	} else if (rc != SQLITE_DONE) {
		shard_error(db, rc, err);
	}
	sqlite3_finalize(vm);
	return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

bool sess_trigger_check_written(struct session *s, int64_t rowid, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, s->udf->trg.wco_sql, -1, &vm, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(vm, 1, rowid);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(vm);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		shard_error(db, rc, err);
	sqlite3_finalize(vm);
	return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static bool run_write(struct session *s, const char *table, const char *sql, const char **binds,
		      const uint32_t *types, int n, bool insert, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &vm, NULL);
	bool ok = rc == SQLITE_OK || (shard_error(db, rc, err), false);
	for (int i = 0; ok && i < n; i++)
		ok = sess_bind_text(s, vm, i, types[i], binds[i], err);
	if (ok) {
		s->udf->trg_replacing = table;
		rc = sqlite3_step(vm);
		s->udf->trg_replacing = NULL;
		int64_t rowid = rc == SQLITE_ROW ? sqlite3_column_int64(vm, 0) : 0;
		bool returning = rc == SQLITE_ROW;
		if (rc == SQLITE_ROW)
			rc = sqlite3_step(vm);
		if (rc == SQLITE_DONE && insert)
			s->udf->trg.replaced_rowid = sqlite3_last_insert_rowid(db);
		if (rc == SQLITE_DONE && returning && s->udf->trg.wco_sql &&
		    !sess_trigger_check_written(s, rowid, err))
			ok = false;
		else if (rc == SQLITE_DONE && returning && s->udf->trg.replace_mode == 2 &&
			 !sess_trigger_keep_returned(s, rowid, 0, err))
			ok = false;
		else if (rc != SQLITE_DONE) {
			shard_error(db, rc, err);
			sess_explain_failure(s, db, vm, rc, true, err);
			ok = false;
		}
	}
	sqlite3_finalize(vm);
	return ok;
}

bool sess_trigger_replace(struct session *s, const char *table, const char *event,
			  const struct catalog_relation *rel, const char *const *orig,
			  const char *const *olds, struct arena *a, bool *done, struct pgerr *err)
{
	const struct sess_trg_row *p = s->udf ? s->udf->trg_pending : NULL;
	bool insert = strcmp(event, "INSERT") == 0;
	*done = false;
	if (!p || p->applied || !s->udf->trg.replace_mode || !rel || p->n != rel->ncols ||
	    (!insert && !rel->npkey) || sess_trigger_before_count(s, table, insert ? 4 : 16) != 1)
		return true;
	const char **binds = arena_zalloc(a, (2 * rel->ncols + 1) * sizeof(char *));
	uint32_t *types = arena_zalloc(a, (2 * rel->ncols + 1) * sizeof(uint32_t));
	int n;
	const char *sql = write_sql(sess_table_schema(s, table), rel, p, orig, olds, insert, a,
				    binds, types, &n);
	if (s->udf->trg.replace_mode == 2 || s->udf->trg.wco_sql)
		sql = arena_printf(a, "%s RETURNING rowid", sql);
	bool ok = run_write(s, table, sql, binds, types, n, insert, err);
	sess_trigger_fini(s); /* the pending row is written (or failed) */
	*done = ok;
	return ok;
}

/* The kept values as a row of a statement, which the caller reads as the statement's. */
static sqlite3_stmt *row_vm(struct session *s, const struct sess_trg_returned *r,
			    struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = sess_values_vm(s, r->n > 0 ? (size_t)r->n : 0, err);
	if (!vm)
		return NULL;
	int rc = SQLITE_OK;
	for (int k = 0; rc == SQLITE_OK && k < r->n; k++)
		rc = sqlite3_bind_value(vm, k + 1, r->vals[k]);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(vm);
	if (rc == SQLITE_ROW)
		return vm;
	shard_error(db, rc, err);
	sqlite3_finalize(vm);
	return NULL;
}

sqlite3_stmt *sess_trigger_returned(struct session *s, const struct xlat_stmt *x, size_t base,
				    size_t *i, struct pgerr *err)
{
	struct sess_udf_state *st = s->udf;
	while (st && *i < st->trg.nreturned && st->returned[*i].id)
		++*i; /* one SQLite's row stood for: sent in its place */
	if (!x || !st || *i >= st->trg.nreturned) {
		if (st && st->trg.nreturned > base)
			st->trg.nreturned = base; /* read */
		return NULL;
	}
	return row_vm(s, &st->returned[(*i)++], err);
}

sqlite3_stmt *sess_trigger_substitute(struct session *s, const struct xlat_stmt *x,
				      sqlite3_stmt *vm, struct pgerr *err)
{
	return sess_trigger_substitute_marked(s, x && (x->dml_events & 4096), vm, err);
}

sqlite3_stmt *sess_trigger_substitute_marked(struct session *s, bool marked, sqlite3_stmt *vm,
					     struct pgerr *err)
{
	int n = sqlite3_column_count(vm);
	if (!marked || !n || sqlite3_column_type(vm, n - 1) == SQLITE_NULL)
		return NULL;
	uint64_t id = (uint64_t)sqlite3_column_int64(vm, n - 1);
	struct sess_udf_state *st = s->udf;
	for (size_t i = st ? st->trg.nreturned : 0; i-- > 0;)
		if (st->returned[i].id == id)
			return row_vm(s, &st->returned[i], err);
	pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
		  "RETURNING of a row that a BEFORE trigger changed, read after another "
		  "statement ran, is not supported");
	return NULL;
}

void sess_trigger_number(struct session *s, const struct catalog_relation *rel, const char **texts,
			 struct arena *a)
{
	for (size_t k = 0; k < rel->ncols; k++) {
		if (!rel->cols[k].rowid_seq || !texts[k] || strcmp(texts[k], "-1") != 0)
			continue;
		/* AUTOINCREMENT's next: past both the largest rowid and the largest ever given */
		struct strbuf sb;
		strbuf_init(&sb, 0);
		const char *schema = sess_table_schema(s, rel->name);
		strbuf_printf(
			&sb,
			"SELECT max(coalesce((SELECT seq FROM %s.sqlite_sequence WHERE name = "
			"?1), 0), coalesce((SELECT max(rowid) FROM %s.",
			schema, schema);
		strbuf_put_quoted(&sb, rel->name, '"');
		strbuf_puts(&sb, "), 0)) + 1");
		sqlite3_stmt *vm = NULL;
		if (sb.data && sqlite3_prepare_v2(shard_conn_db(s->conn), sb.data, -1, &vm, NULL) ==
				       SQLITE_OK) {
			sqlite3_bind_text(vm, 1, rel->name, -1, SQLITE_STATIC);
			if (sqlite3_step(vm) == SQLITE_ROW)
				texts[k] = arena_printf(a, "%lld",
							(long long)sqlite3_column_int64(vm, 0));
		}
		sqlite3_finalize(vm);
		strbuf_fini(&sb);
	}
}
