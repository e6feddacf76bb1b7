/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_seqddl.c: the sidecar's writers — behind CREATE/ALTER/DROP SEQUENCE, TRUNCATE ...
 * RESTART IDENTITY and COMMENT ON, and the bookkeeping after DROP and RENAME — SQL functions
 * the translator's scripts call (after creating the sidecar table when needed), which check
 * the objects as PostgreSQL does and answer with its SQLSTATEs. Registered SQLITE_DIRECTONLY;
 * the translator never lets a client name them. */
#include "catalog_int.h"

#include "pgtype.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SQLSTATE_WRONG_OBJECT_TYPE "42809"
#define SQLSTATE_DEPENDENT_OBJECTS "2BP01"

/* The arguments of shardlite_sequence(op, name, flag, as, start, increment, minvalue,
 * maxvalue, cache, cycle, restart, owned_table, owned_column): NULL for an option not given;
 * 'no' for NO MINVALUE/NO MAXVALUE; restart 'start' for RESTART without a value. Ops "alter
 * owned" and "drop owned" name a table and (owned_column) its identity column, whose
 * sequence they alter or drop. */
enum { A_OP, A_NAME, A_FLAG, A_AS, A_START, A_INC, A_MIN, A_MAX, A_CACHE, A_CYCLE, A_RESTART,
       A_OWNED_TABLE, A_OWNED_COL, A_COUNT };

struct def {
	const char *type; /* smallint, integer, bigint */
	int64_t start, inc, min, max, cache, last;
	bool cycle, called;
	const char *owned_table, *owned_col;
};

static bool given(sqlite3_value **v, int i) { return sqlite3_value_type(v[i]) != SQLITE_NULL; }

static bool is_no(sqlite3_value **v, int i)
{
	return sqlite3_value_type(v[i]) == SQLITE_TEXT &&
	       strcmp((const char *)sqlite3_value_text(v[i]), "no") == 0;
}

static void type_bounds(const char *type, int64_t *lo, int64_t *hi)
{
	if (strcmp(type, "smallint") == 0)
		*lo = INT16_MIN, *hi = INT16_MAX;
	else if (strcmp(type, "integer") == 0)
		*lo = INT32_MIN, *hi = INT32_MAX;
	else
		*lo = INT64_MIN, *hi = INT64_MAX;
}

/* PostgreSQL's init_params: options applied over d (a new sequence's defaults, or the
 * stored definition for ALTER), then checked. False with the error set on ctx. */
static bool apply(sqlite3_context *ctx, sqlite3_value **v, struct def *d, bool create)
{
	int64_t lo, hi, old_lo, old_hi;
	type_bounds(d->type, &old_lo, &old_hi);
	if (given(v, A_AS))
		d->type = (const char *)sqlite3_value_text(v[A_AS]);
	type_bounds(d->type, &lo, &hi);
	if (given(v, A_INC))
		d->inc = sqlite3_value_int64(v[A_INC]);
	if (d->inc == 0)
		return pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				  "INCREMENT must not be zero"), false;
	bool asc = d->inc > 0;
	/* AS another type: a bound that was the old type's own becomes the new type's, in either
	 * direction (PostgreSQL's reset_max_value / reset_min_value) */
	bool reset_max = !create && given(v, A_AS) && d->max == old_hi;
	bool reset_min = !create && given(v, A_AS) && d->min == old_lo;
	if (given(v, A_MAX) && !is_no(v, A_MAX))
		d->max = sqlite3_value_int64(v[A_MAX]);
	else if (create || is_no(v, A_MAX) || reset_max)
		d->max = asc || reset_max ? hi : -1;
	if (given(v, A_MIN) && !is_no(v, A_MIN))
		d->min = sqlite3_value_int64(v[A_MIN]);
	else if (create || is_no(v, A_MIN) || reset_min)
		d->min = asc && !reset_min ? 1 : lo;
	if (d->max < lo || d->max > hi)
		return pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				  "MAXVALUE (%lld) is out of range for sequence data type %s",
				  (long long)d->max, d->type), false;
	if (d->min < lo || d->min > hi)
		return pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				  "MINVALUE (%lld) is out of range for sequence data type %s",
				  (long long)d->min, d->type), false;
	if (d->min >= d->max)
		return pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				  "MINVALUE (%lld) must be less than MAXVALUE (%lld)",
				  (long long)d->min, (long long)d->max), false;
	if (given(v, A_START))
		d->start = sqlite3_value_int64(v[A_START]);
	else if (create)
		d->start = asc ? d->min : d->max;
	if (d->start < d->min || d->start > d->max)
		return pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				  "START value (%lld) cannot be %s than %s (%lld)", (long long)d->start,
				  d->start < d->min ? "less" : "greater",
				  d->start < d->min ? "MINVALUE" : "MAXVALUE",
				  (long long)(d->start < d->min ? d->min : d->max)), false;
	if (create || given(v, A_RESTART)) {
		bool dflt = !given(v, A_RESTART) || sqlite3_value_type(v[A_RESTART]) == SQLITE_TEXT;
		d->last = dflt ? d->start : sqlite3_value_int64(v[A_RESTART]);
		d->called = false;
	}
	if (d->last < d->min || d->last > d->max)
		return pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				  "RESTART value (%lld) cannot be %s than %s (%lld)", (long long)d->last,
				  d->last < d->min ? "less" : "greater",
				  d->last < d->min ? "MINVALUE" : "MAXVALUE",
				  (long long)(d->last < d->min ? d->min : d->max)), false;
	if (given(v, A_CACHE))
		d->cache = sqlite3_value_int64(v[A_CACHE]);
	if (d->cache <= 0)
		return pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				  "CACHE (%lld) must be greater than zero", (long long)d->cache), false;
	if (given(v, A_CYCLE))
		d->cycle = sqlite3_value_int(v[A_CYCLE]) != 0;
	return true;
}

/* OWNED BY table.column (same schema), or NONE (owned_table ''). */
static bool owned_by(sqlite3_context *ctx, const struct cat_model *m, sqlite3_value **v,
		     struct def *d, bool temp)
{
	if (!given(v, A_OWNED_TABLE))
		return true;
	const char *t = (const char *)sqlite3_value_text(v[A_OWNED_TABLE]);
	const char *c = (const char *)sqlite3_value_text(v[A_OWNED_COL]);
	if (!*t) {
		d->owned_table = d->owned_col = NULL;
		return true;
	}
	const struct cat_rel *r = cat_model_rel(m, t);
	if (!r)
		return pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				  t), false;
	if (r->temp != temp)
		return pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				  "sequence must be in same schema as table it is linked to"), false;
	if (r->kind != 'r' && r->kind != 'v')
		return pgfn_error(ctx, SQLSTATE_WRONG_OBJECT_TYPE,
				  "sequence cannot be owned by relation \"%s\"", t), false;
	for (int i = 0; c && i < r->ncols; i++) {
		if (strcmp(r->cols[i].name, c) == 0) {
			d->owned_table = r->name;
			d->owned_col = r->cols[i].name;
			return true;
		}
	}
	return pgfn_error(ctx, SQLSTATE_UNDEFINED_COLUMN,
			  "column \"%s\" of relation \"%s\" does not exist", c ? c : "", t), false;
}

/* Runs fmt, whose one %s is the schema of the sidecar it writes (cat_sidecar_schema). */
static int run(sqlite3 *db, const char *fmt, bool temp, const char *name, const struct def *d)
{
	sqlite3_stmt *st = NULL;
	char *sql = sqlite3_mprintf(fmt, cat_sidecar_schema(temp));
	int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (d) {
		sqlite3_bind_text(st, 2, d->type, -1, SQLITE_STATIC);
		int64_t n[] = {d->start, d->inc, d->min, d->max, d->cache, d->cycle, d->last,
			       d->called};
		for (int i = 0; i < (int)ARRAY_LEN(n); i++)
			sqlite3_bind_int64(st, 3 + i, n[i]);
		sqlite3_bind_text(st, 11, d->owned_table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, d->owned_col, -1, SQLITE_STATIC);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static bool stored(sqlite3_context *ctx, int rc)
{
	if (rc == SQLITE_OK)
		return true;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
	sqlite3_result_error_code(ctx, rc);
	return false;
}

static bool load_def(sqlite3 *db, bool temp, const char *name, struct def *d, struct arena *a)
{
	sqlite3_stmt *st = NULL;
	char *sql = sqlite3_mprintf("SELECT type, start, increment, min, max, cache, cycle, "
				    "last_value, is_called, owner_table, owner_column FROM "
				    "%s" CAT_SIDECAR_SEQUENCES " WHERE name = ?1",
				    cat_sidecar_schema(temp));
	int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	bool found = false;
	if (rc != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = true;
		const char *t = (const char *)sqlite3_column_text(st, 9);
		const char *c = (const char *)sqlite3_column_text(st, 10);
		*d = (struct def){arena_strdup(a, (const char *)sqlite3_column_text(st, 0)),
				  sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
				  sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4),
				  sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 7),
				  sqlite3_column_int(st, 6) != 0, sqlite3_column_int(st, 8) != 0,
				  t ? arena_strdup(a, t) : NULL, c ? arena_strdup(a, c) : NULL};
	}
	sqlite3_finalize(st);
	return found;
}

#define UPSERT                                                                                     \
	"INSERT OR REPLACE INTO %s" CAT_SIDECAR_SEQUENCES " (name, type, start, increment, min, "  \
	"max, cache, cycle, last_value, is_called, owner_table, owner_column) VALUES (?1, ?2, ?3, " \
	"?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"

/* Whether OWNED BY names an existing column (or NONE). */
static bool owner_exists(const struct cat_model *m, sqlite3_value **v, bool temp)
{
	const char *t = (const char *)sqlite3_value_text(v[A_OWNED_TABLE]);
	const char *c = (const char *)sqlite3_value_text(v[A_OWNED_COL]);
	const struct cat_rel *r = t && *t ? cat_model_rel_in(m, t, temp) : NULL;
	for (int i = 0; r && c && i < r->ncols; i++) {
		if (strcmp(r->cols[i].name, c) == 0)
			return true;
	}
	return t && !*t;
}

/* temp: CREATE TEMP SEQUENCE, or a temporary table's serial column; a temporary sequence may
 * have the name of a permanent one, which it hides. */
static void seq_create(sqlite3_context *ctx, const struct cat_model *m, const char *name,
		       sqlite3_value **v, bool temp)
{
	struct def d = {.type = "bigint", .cache = 1, .inc = 1};
	if (sqlite3_value_int(v[A_FLAG]) && given(v, A_OWNED_TABLE)) {
		/* CREATE TABLE IF NOT EXISTS of a table that was there: its serial's sequence is
		 * the table's business, not this statement's */
		if (!owner_exists(m, v, temp))
			return;
	}
	if (cat_model_rel_in(m, name, temp)) {
		if (!sqlite3_value_int(v[A_FLAG]))
			pgfn_error(ctx, SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists",
				   name);
		return;
	}
	if (!apply(ctx, v, &d, true) || !owned_by(ctx, m, v, &d, temp))
		return;
	if (!temp) /* a row of a name dropped before: the tenant's numbers start again */
		cat_seq_ddl(sqlite3_user_data(ctx), name);
	/* every sequence is made here (CREATE SEQUENCE, serial and identity columns): its ACL
	 * from ALTER DEFAULT PRIVILEGES ... ON SEQUENCES */
	if (stored(ctx, run(sqlite3_context_db_handle(ctx), UPSERT, temp, name, &d)) && !temp)
		(void)cat_defacl_created(ctx, 'S', name, name);
}

/* A serial key's sequence state is its table's sqlite_sequence row: the last value used. */
static int set_sqlite_seq(sqlite3_context *ctx, bool temp, const char *table, int64_t last)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	if (!temp)
		cat_seq_written(sqlite3_user_data(ctx), table, last);
	int rc = sqlite3_prepare_v2(db,
				    temp ? "INSERT OR REPLACE INTO temp.sqlite_sequence (rowid, name, "
					   "seq) VALUES ((SELECT rowid FROM temp.sqlite_sequence WHERE "
					   "name = ?1), ?1, ?2)"
					 : "INSERT OR REPLACE INTO main.sqlite_sequence (rowid, name, "
					   "seq) VALUES ((SELECT rowid FROM main.sqlite_sequence WHERE "
					   "name = ?1), ?1, ?2)",
				    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, last);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

/* ALTER SEQUENCE on a serial key's own sequence: only RESTART. */
static void implicit_alter(sqlite3_context *ctx, const struct cat_seq *q, sqlite3_value **v)
{
	for (int i = A_AS; i < A_COUNT; i++) { /* owned_col alone: "alter owned" names it */
		if (i != A_RESTART && i != A_OWNED_COL && given(v, i)) {
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "ALTER SEQUENCE on a serial column's sequence is not supported "
				   "other than RESTART");
			return;
		}
	}
	if (!given(v, A_RESTART))
		return;
	int64_t r = sqlite3_value_type(v[A_RESTART]) == SQLITE_INTEGER
			    ? sqlite3_value_int64(v[A_RESTART])
			    : 1;
	if (r < 1) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "RESTART value (%lld) cannot be less than MINVALUE (1)", (long long)r);
		return;
	}
	stored(ctx, set_sqlite_seq(ctx, q->rel->temp, q->owner_table, r - 1));
}

/* ALTER SEQUENCE ... OWNED BY of an identity column's sequence: PostgreSQL's 0A000 (ctx
 * failed, true); false otherwise. */
static bool identity_owned(sqlite3_context *ctx, const struct cat_model *m,
			   const struct cat_seq *q, sqlite3_value **v)
{
	if (!q || !q->owner_table || !q->owner_col || !given(v, A_OWNED_TABLE))
		return false;
	const struct cat_rel *r = cat_model_rel(m, q->owner_table);
	for (int i = 0; r && i < r->ncols; i++) {
		if (r->cols[i].identity && strcmp(r->cols[i].name, q->owner_col) == 0) {
			char detail[300];
			snprintf(detail, sizeof(detail), "Sequence \"%s\" is linked to table \"%s\".",
				 q->name, r->name);
			pgfn_error_detail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, detail,
					  "cannot change ownership of identity sequence");
			return true;
		}
	}
	return false;
}

/* The schema a writer's op or kind names (shardlite_sequence's "drop in public",
 * shardlite_comment's "table in pg_temp": the statement qualified the name so): 0 the
 * tenant's, 1 the temp schema, -1 none (a temporary relation first); the op without it in
 * out. */
static int op_in(const char *op, char *out, size_t cap)
{
	static const char *const suffix[] = {" in public", " in pg_temp"};
	size_t n = strlen(op);
	for (int i = 0; i < 2; i++) {
		size_t k = strlen(suffix[i]);
		if (n > k && strcmp(op + n - k, suffix[i]) == 0 && n - k < cap) {
			snprintf(out, cap, "%.*s", (int)(n - k), op);
			return i;
		}
	}
	snprintf(out, cap, "%s", op);
	return -1;
}

/* The relation name means in schema in (op_in; -1: a temporary one first). */
static const struct cat_rel *rel_in(const struct cat_model *m, const char *name, int in)
{
	return in < 0 ? cat_model_rel(m, name) : cat_model_rel_in(m, name, in == 1);
}

/* The sequence ALTER or DROP SEQUENCE name means: the one of schema in when the statement
 * named one (op_in), else a temporary one first, unless search_path names pg_temp after
 * public (or a schema of the tenant's) holding one of the name. */
static const struct cat_seq *named_seq(sqlite3_context *ctx, const struct cat_model *m,
				       const char *name, int in)
{
	for (size_t i = 0; in >= 0 && i < m->nseqs; i++)
		if (m->seqs[i]->rel->temp == (in == 1) && strcmp(m->seqs[i]->name, name) == 0)
			return m->seqs[i];
	if (in >= 0)
		return NULL;
	const struct cat_seq *q = cat_model_seq(m, name);
	if (q && q->rel->temp && cat_nsp_temp_late_path(sqlite3_user_data(ctx))) {
		const struct cat_rel *late = cat_nsp_temp_late(sqlite3_user_data(ctx), m, name);
		for (size_t i = 0; late && i < m->nseqs; i++)
			if (m->seqs[i]->rel == late && strcmp(late->name, name) == 0)
				return m->seqs[i]; /* public's (a local schema's is "s.name") */
	}
	return q;
}

static void seq_alter(sqlite3_context *ctx, const struct cat_model *m, const char *name, int in,
		      sqlite3_value **v, struct arena *a)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	struct def d;
	const struct cat_seq *q = named_seq(ctx, m, name, in);
	if (q && q->implicit) {
		implicit_alter(ctx, q, v);
		return;
	}
	bool temp = q && q->rel->temp;
	if (q && !temp) /* transactional, as PostgreSQL's (RESTART too): its commit decides; the
			 * row says the last number given, not the ones held ahead */
		cat_seq_ddl(sqlite3_user_data(ctx), name);
	if ((!q && in >= 0) || !load_def(db, temp, name, &d, a)) {
		if (sqlite3_value_int(v[A_FLAG]))
			return;
		if (rel_in(m, name, in))
			pgfn_error(ctx, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", name);
		else
			pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				   name);
		return;
	}
	if (identity_owned(ctx, m, q, v))
		return;
	if (apply(ctx, v, &d, false) && owned_by(ctx, m, v, &d, temp))
		stored(ctx, run(db, UPSERT, temp, name, &d));
}

/* A column whose default takes nextval of sequence name (*table its table), NULL when none:
 * PostgreSQL's pg_depend has the default depend on the sequence. A default bound to the
 * permanent sequence (nextval('public.s'), xlat_catalog.c) counts for it, not for a
 * temporary one of its name. */
static const struct cat_col *default_using(const struct cat_model *m, const char *name, bool temp,
					   const char **table)
{
	char want[200], bound[220];
	snprintf(want, sizeof(want), "nextval('%s')", name);
	snprintf(bound, sizeof(bound), "nextval('public.%s')", name);
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *r = m->rels[i];
		for (int k = 0; r->kind == 'r' && k < r->ncols; k++) {
			const char *d = r->cols[k].dflt_sql;
			if (d && (strstr(d, want) || (!temp && strstr(d, bound)))) {
				*table = r->name;
				return &r->cols[k];
			}
		}
	}
	return NULL;
}

/* Whether something may use sequence name, as far as the stored text can tell: a view's SQL
 * or a column's default that holds the name anywhere (nextval('s'), 'public.s', '"S"'). Errs
 * toward yes: CASCADE is refused then, rather than leave what PostgreSQL would drop. */
static bool maybe_used(const struct cat_model *m, const char *name)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *r = m->rels[i];
		if ((r->kind == 'v' || r->kind == 'm') && r->sql && strcasestr(r->sql, name))
			return true;
		for (int k = 0; r->kind == 'r' && k < r->ncols; k++) {
			if (r->cols[k].dflt_sql && strcasestr(r->cols[k].dflt_sql, name))
				return true;
		}
	}
	return false;
}

/* DROP SEQUENCE [CASCADE]: CASCADE of a sequence nothing depends on is the plain drop; one a
 * column default or a view uses is 0A000 (PostgreSQL would drop the default or the view). */
static void seq_drop(sqlite3_context *ctx, const struct cat_model *m, const char *name, int in,
		     sqlite3_value **v, bool plain, bool cascade)
{
	const struct cat_seq *q = named_seq(ctx, m, name, in);
	if (q && cascade && (q->implicit || maybe_used(m, name))) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "DROP SEQUENCE ... CASCADE of a sequence that a column default or a "
			   "view uses is not supported");
		return;
	}
	if (!q) {
		if (rel_in(m, name, in))
			pgfn_error(ctx, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", name);
		else if (!sqlite3_value_int(v[A_FLAG]))
			pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "sequence \"%s\" does not exist",
				   name);
		return;
	}
	if (q->implicit) {
		pgfn_error(ctx, SQLSTATE_DEPENDENT_OBJECTS,
			   "cannot drop sequence %s because other objects depend on it", name);
		return;
	}
	const char *table = NULL;
	const struct cat_col *col = plain ? default_using(m, name, q->rel->temp, &table) : NULL;
	if (col) { /* DROP SEQUENCE (not the one a dropped table or identity owned) */
		char detail[400];
		snprintf(detail, sizeof(detail),
			 "default value for column %s of table %s depends on sequence %s",
			 col->name, table, name);
		pgfn_error_detail(ctx, SQLSTATE_DEPENDENT_OBJECTS, detail,
				  "cannot drop sequence %s because other objects depend on it",
				  name);
		return;
	}
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	bool temp = q->rel->temp;
	if (!temp && !cat_grant_forget(ctx, name))
		return;
	if (!temp && table && !cat_policy_forget(ctx, name))
		return;
	if (!temp)
		cat_seq_ddl(sqlite3_user_data(ctx), name);
	if (stored(ctx, run(db, "DELETE FROM %s" CAT_SIDECAR_SEQUENCES " WHERE name = ?1", temp,
			    name, NULL)) &&
	    cat_sidecar_in(db, temp, CAT_SIDECAR_COMMENTS))
		stored(ctx, run(db, "DELETE FROM %s" CAT_SIDECAR_COMMENTS
				    " WHERE kind = 'sequence' AND name = ?1",
				temp, name, NULL));
}

/* The sequence of an identity column (ALTER TABLE ... ALTER COLUMN c SET .../DROP
 * IDENTITY): the one the column owns; the temporary table's when table names one. */
static const struct cat_seq *owned_seq(const struct cat_model *m, const char *table,
				       sqlite3_value *column)
{
	const char *col = (const char *)sqlite3_value_text(column);
	const struct cat_rel *t = cat_model_rel(m, table);
	for (size_t i = 0; t && col && i < m->nseqs; i++) {
		const struct cat_seq *q = m->seqs[i];
		if (q->owner_table && q->owner_col && strcmp(q->owner_table, t->name) == 0 &&
		    strcmp(q->owner_col, col) == 0 && q->rel->temp == t->temp)
			return q;
	}
	return NULL;
}

static void fn_sequence(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *given = (const char *)sqlite3_value_text(argv[A_OP]);
	const char *name = (const char *)sqlite3_value_text(argv[A_NAME]);
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m || !given || !name)
		return;
	char op[32];
	int in = op_in(given, op, sizeof(op));
	struct arena *a = arena_new(0);
	if (strcmp(op, "create") == 0 || strcmp(op, "create temp") == 0)
		seq_create(ctx, m, name, argv, op[6] != '\0');
	else if (strcmp(op, "alter") == 0)
		seq_alter(ctx, m, name, in, argv, a);
	else if (strcmp(op, "alter owned") == 0 || strcmp(op, "drop owned") == 0) {
		const struct cat_seq *q = owned_seq(m, name, argv[A_OWNED_COL]);
		if (!q)
			pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR,
				   "no sequence found for the identity column of \"%s\"", name);
		else if (op[0] == 'a')
			seq_alter(ctx, m, q->name, q->rel->temp, argv, a);
		else
			seq_drop(ctx, m, q->name, q->rel->temp, argv, false, false);
	} else
		seq_drop(ctx, m, name, in, argv, true, strcmp(op, "drop cascade") == 0);
	arena_free(a);
}

/* Whether SQLite schema temp (or main) has an object of that name. Read from sqlite_schema,
 * not the model: a model loaded between a rename and its sidecar update would be kept with
 * the rows as they were (an UPDATE moves neither the schema version nor the side key). */
static bool in_schema(sqlite3 *db, bool temp, const char *name)
{
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db,
			       temp ? "SELECT 1 FROM temp.sqlite_schema WHERE name = ?1 COLLATE NOCASE"
				    : "SELECT 1 FROM main.sqlite_schema WHERE name = ?1 COLLATE NOCASE",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

/* Whether the relation name lives in the temp schema (a temporary one hides a permanent one
 * of its name). */
static bool rel_is_temp(sqlite3_context *ctx, const char *name)
{
	return in_schema(sqlite3_context_db_handle(ctx), true, name);
}

/* shardlite_seq_restart(t [, temp]), TRUNCATE t RESTART IDENTITY: the sequences owned by t's
 * columns start over (the temporary table's when temp is 1, the permanent one's when 0 -
 * the statement named public.t or pg_temp.t -, else the temporary table's when t names
 * one). */
static void fn_seq_restart(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	bool temp = argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL
			    ? sqlite3_value_int(argv[1]) != 0
			    : table && rel_is_temp(ctx, table);
	if (!temp)
		cat_seq_written(sqlite3_user_data(ctx), table, 0);
	const struct cat_model *m = table && !temp ? cat_fn_model(ctx) : NULL;
	for (size_t i = 0; m && i < m->nseqs; i++) { /* an identity's: RESTART IDENTITY */
		const struct cat_seq *q = m->seqs[i];
		if (!q->rel->temp && !q->implicit && q->owner_table &&
		    strcmp(q->owner_table, table) == 0)
			cat_seq_ddl(sqlite3_user_data(ctx), q->name);
	}
	if (!table || (cat_sidecar_in(db, temp, "sqlite_sequence") &&
		   !stored(ctx, run(db, "DELETE FROM %ssqlite_sequence WHERE name = ?1", temp, table,
				    NULL))))
		return;
	if (cat_sidecar_in(db, temp, CAT_SIDECAR_SEQUENCES))
		stored(ctx, run(db,
				"UPDATE %s" CAT_SIDECAR_SEQUENCES " SET last_value = start, "
				"is_called = 0 WHERE owner_table = ?1",
				temp, table, NULL));
}

/* shardlite_comment(kind, name, column, text): COMMENT ON kind name[.column] IS text; a
 * NULL text removes the comment. */
static bool comment_target(sqlite3_context *ctx, const struct cat_model *m, const char *kind,
			   const char *name, const char *col, int in)
{
	const struct cat_rel *r = rel_in(m, name, in);
	if (!r)
		return pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				  name), false;
	if (*col) {
		for (int i = 0; i < r->ncols; i++) {
			if (strcmp(r->cols[i].name, col) == 0)
				return true;
		}
		return pgfn_error(ctx, SQLSTATE_UNDEFINED_COLUMN,
				  "column \"%s\" of relation \"%s\" does not exist", col, name), false;
	}
	char want = kind[0] == 't' ? 'r' : kind[0] == 'v' ? 'v' : kind[0] == 'i' ? 'i' : 'S';
	if (kind[0] == 'm' ? r->matview : r->kind == want)
		return true;
	return pgfn_error(ctx, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a %s", name, kind),
	       false;
}

/* COMMENT ON CONSTRAINT col ON [DOMAIN] name: the table (42P01) or domain (42704) and its
 * constraint (42704) must exist; the name the sidecar keeps, NULL after an error. */
static const char *constraint_target(sqlite3_context *ctx, const struct cat_model *m, bool domain,
				     const char *name, const char *col, int in)
{
	if (domain) {
		const struct cat_domain *d = cat_model_domain(m, name);
		if (!d && cat_type_taken(m, name))
			return pgfn_error(ctx, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a domain",
					  name),
			       NULL;
		if (!d)
			return pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
					  "type \"%s\" does not exist", name),
			       NULL;
		if (!cat_domain_conoid(d, col))
			return pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
					  "constraint \"%s\" for domain %s does not exist", col,
					  d->name),
			       NULL;
		return d->name;
	}
	const struct cat_rel *r = rel_in(m, name, in);
	if (!r || r->kind == 'i' || r->kind == 'S')
		return pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				  name),
		       NULL;
	if (!cat_nsp_conoid(m, r, col))
		return pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
				  "constraint \"%s\" for table \"%s\" does not exist", col,
				  r->name),
		       NULL;
	return r->name;
}

/* COMMENT ON TYPE, DOMAIN (kind "type", "domain": name the type) and TRIGGER, POLICY ("trigger",
 * "policy": name the table, col the object's): it must exist (42704, 42P01, 42809 as
 * PostgreSQL); the name the sidecar keeps, NULL after an error. */
static const char *object_target(sqlite3_context *ctx, const struct cat_model *m, const char *kind,
				 const char *name, const char *col)
{
	if (strcmp(kind, "type") == 0 || strcmp(kind, "domain") == 0) {
		bool domain = kind[0] == 'd';
		const struct cat_domain *d = cat_model_domain(m, name);
		const struct cat_enum *e = cat_model_enum(m, name);
		const struct cat_rel *r = cat_model_rel(m, name);
		const char *found = d                     ? d->name
				    : e                   ? e->name
				    : r && r->kind == 'c' ? r->name
							  : NULL;
		if (domain && !d && (found || cat_type_taken(m, name)))
			return pgfn_error(ctx, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a domain",
					  name),
			       NULL;
		if (!found)
			return pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
					  "type \"%s\" does not exist", name),
			       NULL;
		return found;
	}
	const struct cat_rel *t = cat_model_rel(m, name);
	if (!t)
		return pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				  name),
		       NULL;
	bool found = false;
	if (kind[0] == 't') {
		for (size_t i = 0; i < m->ntriggers && !found; i++)
			found = m->triggers[i]->table == t &&
				strcmp(m->triggers[i]->name, col) == 0;
	} else {
		sqlite3_stmt *st = NULL;
		found = sqlite3_prepare_v2(sqlite3_context_db_handle(ctx),
					   "SELECT 1 FROM main." CATALOG_SIDECAR_POLICIES
					   " WHERE relname = ?1 "
					   "AND name = ?2",
					   -1, &st, NULL) == SQLITE_OK &&
			sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC) == SQLITE_OK &&
			sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC) == SQLITE_OK &&
			sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	if (!found)
		return pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
				  "%s \"%s\" for table \"%s\" does not exist", kind, col, t->name),
		       NULL;
	return t->name;
}

static void fn_comment(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *given = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	const char *col = (const char *)sqlite3_value_text(argv[2]);
	const char *text = (const char *)sqlite3_value_text(argv[3]);
	const struct cat_model *m = cat_fn_model(ctx);
	char kind[32];
	int in = given ? op_in(given, kind, sizeof(kind)) : -1;
	bool schema = given && strcmp(kind, "schema") == 0; /* public's: an empty text is none */
	bool ext = given && strcmp(kind, "extension") == 0; /* so is an extension's */
	bool con = given && strcmp(kind, "constraint") == 0;
	bool dcon = given && strcmp(kind, "domain constraint") == 0;
	/* a type's, a domain's, a trigger's or a policy's (object_target) */
	bool type = given && (strcmp(kind, "type") == 0 || strcmp(kind, "domain") == 0);
	bool other = type ||
		     (given && (strcmp(kind, "trigger") == 0 || strcmp(kind, "policy") == 0));
	const char *target = NULL;
	if (m && given && name && col && (con || dcon)) {
		if (!(target = constraint_target(ctx, m, dcon, name, col, in)))
			return;
	} else if (m && given && name && col && ext) {
		if (strcmp(name, "plpgsql") != 0 &&
		    !cat_ext_created(sqlite3_context_db_handle(ctx), name)) {
			pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
				   "extension \"%s\" does not exist", name);
			return;
		}
		target = name;
	} else if (m && given && name && col && other) {
		if (!(target = object_target(ctx, m, kind, name, col)))
			return;
	} else if (!m || !given || !name || !col ||
		   (!schema && !comment_target(ctx, m, kind, name, col, in))) {
		return;
	}
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	/* a temporary table's comments live in the temp schema's sidecar, gone with it */
	bool temp = !schema && !ext && !dcon && !type && rel_in(m, name, in)->temp;
	if (!target)
		target = schema ? name : rel_in(m, name, in)->name;
	if (!cat_sidecar_in(db, temp, CAT_SIDECAR_COMMENTS))
		return; /* IS NULL before any comment: nothing to remove */
	sqlite3_stmt *st = NULL;
	char *sql = sqlite3_mprintf(
		(text && *text) || schema || ext
			? "INSERT OR REPLACE INTO %s" CAT_SIDECAR_COMMENTS
			  " (kind, name, column_name, description) VALUES (?1, ?2, ?3, ?4)"
			: "DELETE FROM %s" CAT_SIDECAR_COMMENTS
			  " WHERE kind = ?1 AND name = ?2 AND column_name = ?3",
		cat_sidecar_schema(temp));
	int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK) {
		/* a column's comment is the column's, whatever COMMENT ON named the relation */
		sqlite3_bind_text(st, 1, *col && !con && !dcon && !other ? "column" : kind, -1,
				  SQLITE_STATIC);
		sqlite3_bind_text(st, 2, target, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, col, -1, SQLITE_STATIC);
		if ((text && *text) || schema || ext)
			sqlite3_bind_text(st, 4, text ? text : "", -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	stored(ctx, rc);
}

/* Runs fmt (its %s the sidecar's schema, as for run) with up to three text parameters. */
static bool exec3(sqlite3_context *ctx, const char *fmt, bool temp, const char *p1,
		  const char *p2, const char *p3)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	char *sql = sqlite3_mprintf(fmt, cat_sidecar_schema(temp));
	int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK) {
		const char *p[] = {p1, p2, p3};
		for (int i = 0; i < 3; i++)
			sqlite3_bind_text(st, i + 1, p[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return stored(ctx, rc);
}

/* shardlite_forget(kind, name [, column]): after DROP TABLE/VIEW/INDEX, the object's comments
 * (a table's also its columns') and the sequences a table's columns own go too, as in
 * PostgreSQL; with a column (ALTER TABLE DROP COLUMN), that column's. A dropped relation's
 * rows go from the sidecars of each schema that no longer has a relation of its name (a
 * temporary table dropped leaves the permanent one it hid its comments). */
static void forget_column(sqlite3_context *ctx, const char *table, const char *column)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	static const char *const sql[] = {
		"DELETE FROM %s" CAT_SIDECAR_COMMENTS " WHERE kind = 'column' AND name = ?1 AND "
		"column_name = ?2",
		"DELETE FROM %s" CAT_SIDECAR_SEQUENCES " WHERE owner_table = ?1 AND owner_column = ?2",
		"DELETE FROM %s" CAT_SIDECAR_COLUMNS " WHERE table_name = ?1 AND column_name = ?2"};
	const char *tables[] = {CAT_SIDECAR_COMMENTS, CAT_SIDECAR_SEQUENCES, CAT_SIDECAR_COLUMNS};
	bool temp = rel_is_temp(ctx, table);
	for (int i = 0; column && i < 3; i++) {
		if (cat_sidecar_in(db, temp, tables[i]) &&
		    !exec3(ctx, sql[i], temp, table, column, NULL))
			return;
	}
	if (column)
		(void)cat_seqname_forget(ctx, temp, table, column);
}

static void forget_in(sqlite3_context *ctx, bool temp, bool table, const char *name)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (in_schema(db, temp, name))
		return;
	if (!temp && !cat_grant_forget(ctx, name))
		return;
	if (cat_sidecar_in(db, temp, CAT_SIDECAR_COMMENTS) &&
	    !exec3(ctx,
		   table ? "DELETE FROM %s" CAT_SIDECAR_COMMENTS " WHERE name = ?1 AND kind "
			   "IN ('table', 'column', 'constraint')"
			 : "DELETE FROM %s" CAT_SIDECAR_COMMENTS " WHERE name = ?1 AND kind "
			   "IN ('view', 'index', 'column')",
		   temp, name, NULL, NULL))
		return;
	if (table && cat_sidecar_in(db, temp, CAT_SIDECAR_SEQUENCES) &&
	    !exec3(ctx, "DELETE FROM %s" CAT_SIDECAR_SEQUENCES " WHERE owner_table = ?1", temp,
		   name, NULL, NULL))
		return;
	/* a view's rows too: the types of its computed columns */
	if (cat_sidecar_in(db, temp, CAT_SIDECAR_COLUMNS) &&
	    !exec3(ctx, "DELETE FROM %s" CAT_SIDECAR_COLUMNS " WHERE table_name = ?1", temp, name,
		   NULL, NULL))
		return;
	if (table && !temp && !cat_trigger_from_forget(ctx, name))
		return;
	if (table && !temp && !cat_vacstat_moved(ctx, name, NULL))
		return;
	if (table)
		(void)cat_seqname_forget(ctx, temp, name, NULL);
}

static void fn_forget(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *kind = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	if (!kind || !name)
		return;
	if (argc == 3) { /* ALTER TABLE name DROP COLUMN column */
		forget_column(ctx, name, (const char *)sqlite3_value_text(argv[2]));
		return;
	}
	bool table = strcmp(kind, "table") == 0;
	forget_in(ctx, true, table, name);
	forget_in(ctx, false, table, name);
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	/* its keys' triggers elsewhere; an index's NULLS NOT DISTINCT triggers */
	int rc = table || strcmp(kind, "index") == 0 ? cat_fkset_sweep(db) : SQLITE_OK;
	if (rc != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_result_error_code(ctx, rc);
	}
}

bool cat_con_comment_follow(sqlite3_context *ctx, bool temp, const char *kind, const char *name,
			    const char *con, const char *to)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (!name || !cat_sidecar_in(db, temp, CAT_SIDECAR_COMMENTS))
		return true;
	static const char *const sql[2][2] = {
		{"DELETE FROM %s" CAT_SIDECAR_COMMENTS " WHERE kind = ?1 AND name = ?2",
		 "UPDATE %s" CAT_SIDECAR_COMMENTS " SET name = ?4 WHERE kind = ?1 AND name = ?2"},
		{"DELETE FROM %s" CAT_SIDECAR_COMMENTS " WHERE kind = ?1 AND name = ?2 AND "
		 "column_name = ?3",
		 "UPDATE %s" CAT_SIDECAR_COMMENTS " SET column_name = ?4 WHERE kind = ?1 AND "
		 "name = ?2 AND column_name = ?3"}};
	sqlite3_stmt *st = NULL;
	char *q = sqlite3_mprintf(sql[con != NULL][to != NULL], cat_sidecar_schema(temp));
	int rc = q ? sqlite3_prepare_v2(db, q, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(q);
	if (rc == SQLITE_OK) {
		const char *p[] = {kind, name, con, to};
		for (int i = 0; i < 4; i++)
			if (p[i])
				sqlite3_bind_text(st, i + 1, p[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	/* an UPDATE moves no freshness key of the model (catalog.c) */
	((struct cat_conn *)sqlite3_user_data(ctx))->schema_version = -1;
	return stored(ctx, rc);
}

/* shardlite_con_renamed(table, constraint, to): after ALTER TABLE ... RENAME CONSTRAINT (to
 * the new name) or DROP CONSTRAINT (to NULL), the constraint's comment follows or goes. */
static void fn_con_renamed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	const char *con = (const char *)sqlite3_value_text(argv[1]);
	const char *to = (const char *)sqlite3_value_text(argv[2]);
	if (t && con && cat_con_comment_follow(ctx, rel_is_temp(ctx, t), "constraint", t, con, to))
		sqlite3_result_null(ctx);
}

/* shardlite_renamed(table, column, to [, temp]): after ALTER TABLE table RENAME [COLUMN
 * column] TO to, the sidecar's comments and OWNED BY follow the new name (in the temp schema's
 * sidecars for a temporary table: temp says whether the renamed table was one, else the
 * temp schema holding the table's name now does), and a serial key's sequence keeps its
 * name (catalog_seqname.c). */
static void fn_renamed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	const char *c = (const char *)sqlite3_value_text(argv[1]);
	const char *to = (const char *)sqlite3_value_text(argv[2]);
	static const char *const table_sql[] = {
		"UPDATE %s" CAT_SIDECAR_COMMENTS " SET name = ?3 WHERE name = ?1 AND kind IN "
		"('table', 'column', 'constraint')",
		"UPDATE %s" CAT_SIDECAR_SEQUENCES " SET owner_table = ?3 WHERE owner_table = ?1",
		"UPDATE %s" CAT_SIDECAR_COLUMNS " SET table_name = ?3 WHERE table_name = ?1",
		/* a materialized view's kept query follows it (its columns are filled by
		 * position, so a renamed column needs nothing) */
		"UPDATE %s" CAT_SIDECAR_MATVIEWS " SET name = ?3 WHERE name = ?1"};
	static const char *const column_sql[] = {
		"UPDATE %s" CAT_SIDECAR_COMMENTS " SET column_name = ?3 WHERE name = ?1 AND kind = "
		"'column' AND column_name = ?2",
		"UPDATE %s" CAT_SIDECAR_SEQUENCES " SET owner_column = ?3 WHERE owner_table = ?1 AND "
		"owner_column = ?2",
		"UPDATE %s" CAT_SIDECAR_COLUMNS " SET column_name = ?3 WHERE table_name = ?1 AND "
		"column_name = ?2",
		NULL};
	const char *const *sql = c ? column_sql : table_sql;
	const char *tables[] = {CAT_SIDECAR_COMMENTS, CAT_SIDECAR_SEQUENCES, CAT_SIDECAR_COLUMNS,
				CAT_SIDECAR_MATVIEWS};
	/* a permanent table may be renamed to a name a temporary one has */
	bool temp = argc > 3 ? sqlite3_value_int(argv[3]) != 0
			     : t && to && rel_is_temp(ctx, c ? t : to);
	const struct cat_model *m = t && to ? cat_fn_model(ctx) : NULL;
	if (t && to && (!m || !cat_seqname_renamed(ctx, m, t, c, to, temp)))
		return;
	if (t && to && !c && !temp &&
	    (!cat_grant_renamed(ctx, t, to) || !cat_policy_renamed(ctx, t, to) ||
	     !cat_vacstat_moved(ctx, t, to) || !cat_trigpart_renamed(ctx, db, t, to)))
		return;
	for (int i = 0; t && to && i < 4; i++) {
		if (sql[i] && cat_sidecar_in(db, temp, tables[i]) &&
		    !exec3(ctx, sql[i], temp, t, c, to))
			return;
	}
	/* the model read above predates these updates, which move no freshness key */
	((struct cat_conn *)sqlite3_user_data(ctx))->schema_version = -1;
}

bool cat_seqddl_register(sqlite3 *db, struct cat_conn *cc)
{
	if (sqlite3_create_function_v2(db, "shardlite_renamed", 3, SQLITE_UTF8 | SQLITE_DIRECTONLY,
				       cc, fn_renamed, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(db, "shardlite_renamed", 4, SQLITE_UTF8 | SQLITE_DIRECTONLY,
				       cc, fn_renamed, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(db, "shardlite_con_renamed", 3,
				       SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_con_renamed, NULL,
				       NULL, NULL) != SQLITE_OK)
		return false;
	for (int nargs = 2; nargs <= 3; nargs++) {
		if (sqlite3_create_function_v2(db, "shardlite_forget", nargs,
					       SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_forget, NULL,
					       NULL, NULL) != SQLITE_OK)
			return false;
	}
	return sqlite3_create_function_v2(db, "shardlite_sequence", A_COUNT,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_sequence, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_seq_restart", 1,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_seq_restart, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_seq_restart", 2,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_seq_restart, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_comment", 4,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_comment, NULL,
					  NULL, NULL) == SQLITE_OK;
}
