/* SPDX-License-Identifier: Apache-2.0 */
/* sess_trgrow.c: the row a BEFORE trigger changed, written by the session in place of the
 * statement's. SQLite cannot change NEW, so when the function returns a changed row the
 * session writes that row itself — an INSERT of it, or an UPDATE of the changed columns keyed
 * by the old primary key — and SQLite skips the statement's own row (RAISE(IGNORE)). The
 * constraints (NOT NULL, CHECK, UNIQUE, foreign keys) then check the changed row, and the AFTER
 * triggers see it, as in PostgreSQL; the command tag counts the row (instead_rows).
 *
 * Only where that is the statement's whole effect: not under RETURNING (SQLite would return
 * no row for a skipped one) nor ON CONFLICT (the session's write has no conflict clause), and
 * only with a single BEFORE trigger for the event (the session's write fires the table's
 * triggers again, the BEFORE one skipped once: trg_replacing); an UPDATE needs a primary key.
 * Elsewhere the companion AFTER trigger writes the changed columns afterwards
 * (sess_trigger.c). */
#include "sess_plpgsql.h"

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

/* The INSERT of p, or the UPDATE of its columns that differ from olds keyed by the primary
 * key's old values; *binds gets the texts in parameter order (*types their types). */
static const char *write_sql(const struct catalog_relation *rel, const struct sess_trg_row *p,
			     const char *const *orig, const char *const *olds, bool insert,
			     struct arena *a, const char **binds, uint32_t *types, int *n)
{
	struct strbuf sb, vals;
	strbuf_init(&sb, 0);
	strbuf_init(&vals, 0);
	strbuf_puts(&sb, insert ? "INSERT INTO main." : "UPDATE main.");
	strbuf_put_quoted(&sb, rel->name, '"');
	*n = 0;
	for (size_t k = 0; k < rel->ncols; k++) {
		if (insert ? numbered(&rel->cols[k], p, k, orig[k]) : !differs(p->texts[k], olds[k]))
			continue;
		strbuf_puts(&sb, *n ? ", " : insert ? " (" : " SET ");
		strbuf_put_quoted(&sb, rel->cols[k].name, '"');
		if (!insert)
			strbuf_printf(&sb, " = ?%d", *n + 1);
		strbuf_printf(&vals, "%s?%d", *n ? ", " : "", *n + 1);
		binds[*n] = p->texts[k];
		types[(*n)++] = rel->cols[k].type_oid;
	}
	if (insert) {
		strbuf_printf(&sb, *n ? ") VALUES (%s)" : " DEFAULT VALUES", vals.data ? vals.data : "");
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

static bool run_write(struct session *s, const char *table, const char *sql, const char **binds,
		      const uint32_t *types, int n, struct pgerr *err)
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
		if (rc != SQLITE_DONE) {
			shard_error(db, rc, err);
			shard_fk_explain(db, vm, rc, err);
			shard_unique_explain(db, vm, rc, err);
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
	if (!p || !s->udf->replace_ok || !rel || p->n != rel->ncols || (!insert && !rel->npkey) ||
	    sess_trigger_before_count(s, table, insert ? 4 : 16) != 1)
		return true;
	const char **binds = arena_zalloc(a, (2 * rel->ncols + 1) * sizeof(char *));
	uint32_t *types = arena_zalloc(a, (2 * rel->ncols + 1) * sizeof(uint32_t));
	int n;
	const char *sql = write_sql(rel, p, orig, olds, insert, a, binds, types, &n);
	bool ok = run_write(s, table, sql, binds, types, n, err);
	sess_trigger_fini(s); /* the pending row is written (or failed) */
	*done = ok;
	return ok;
}
