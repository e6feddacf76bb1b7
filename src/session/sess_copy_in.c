/* SPDX-License-Identifier: Apache-2.0 */
/* sess_copy_in.c: COPY FROM STDIN. CopyInResponse moves the session to COPY_IN, where
 * CopyData is parsed as it arrives (rows may span messages) and each row is converted with
 * pgtype's input functions and inserted, 64 rows per prepared multi-row INSERT. CopyDone ends
 * it with "COPY n"; CopyFail or any error ends it with an error, and nothing of it is kept (it
 * runs in the current transaction, or an implicit one that commits at the end of the Query or
 * at Sync).
 *
 *   READY --COPY FROM STDIN--> COPY_IN --CopyData, Flush, Sync--> COPY_IN
 *     ^                          |  CopyDone: CommandComplete
 *     +--------------------------+  CopyFail / bad data / cancel / other message: ErrorResponse
 *
 * Invariant: s->copy != NULL exactly in COPY_IN; it owns the parser, the INSERTs and the rows
 * converted but not yet inserted. */
#include "session_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copy.h"
#include "pgtype.h"

/* Rows per multi-row INSERT: one statement per batch costs SQLite far less than one per row. */
#define BATCH_ROWS 64

/* Where a converted row came from, for the CONTEXT of an error found when it is inserted. */
struct pending {
	uint64_t lineno;
	const char *line; /* text and CSV: the raw record (copied), else NULL */
	size_t line_len;
};

struct sess_copy {
	bool simple;         /* started by a simple Query: ReadyForQuery follows the end */
	char *rest;          /* statements of that Query after the COPY, run once it ends */
	struct arena *arena; /* everything below */
	struct copy_opts opts;
	struct copy_parser *parser;
	sqlite3_stmt *insert;       /* one row */
	sqlite3_stmt *insert_batch; /* `batch` rows at once; NULL when batch is 1 */
	sqlite3_stmt *filter;       /* COPY FROM ... WHERE: the condition of one row, or NULL */
	size_t batch;
	/* Rows converted but not yet inserted: their values (npending x ncols), where they came
	 * from, and the memory of their text (reset after each flush). */
	struct arena *batch_arena;
	struct pgtype_value *vals;
	struct pending *pending;
	size_t npending;
	const char *rel;
	const char *serial_col;   /* the serial key (SQLite's rowid alias), NULL: none */
	const char *key_left_out; /* a plain rowid key the column list leaves out (23502) */
	const char *numbered_seq; /* its sequence when the COPY leaves the key to SQLite */
	int64_t numbered_max;     /* the key's type's maximum (0: bigint) */
	const char **names;
	const char **enum_args; /* per column: pgfn_enum_in's labels for an enum column, or NULL */
	uint32_t *types;
	int32_t *typmods;
	size_t ncols;
	uint64_t rows;
	/* rows counted as SQLite counts the INSERT's changes: a table's BEFORE trigger that
	 * returns NULL skips its row (RAISE(IGNORE)), which PostgreSQL's COPY n does not count;
	 * into a view every row counts, as PostgreSQL counts those an INSTEAD OF trigger took */
	bool count_changes;
	struct pgtype_dtenv dtenv; /* the session's zone and transaction start, for date/time */
	/* the target takes no rows (a view without an INSTEAD OF INSERT trigger ...): the error,
	 * which PostgreSQL raises after the copy response, or NULL */
	struct pgerr *refusal;
};

/* ---- COPY FROM STDIN ---- */

static void copy_free(struct sess_copy *c)
{
	if (!c)
		return;
	sqlite3_finalize(c->insert);
	sqlite3_finalize(c->insert_batch);
	sqlite3_finalize(c->filter);
	copy_parser_free(c->parser);
	arena_free(c->batch_arena);
	arena_free(c->arena);
	free(c->rest);
	free(c);
}

static const char *insert_sql(struct sess_copy *c, size_t rows)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "INSERT INTO ");
	strbuf_put_quoted(&sb, c->rel, '"');
	strbuf_puts(&sb, " (");
	for (size_t i = 0; i < c->ncols; i++) {
		strbuf_puts(&sb, i ? ", " : "");
		strbuf_put_quoted(&sb, c->names[i], '"');
	}
	strbuf_puts(&sb, ") VALUES ");
	for (size_t r = 0; r < rows; r++) {
		strbuf_puts(&sb, r ? ", (" : "(");
		for (size_t i = 0; i < c->ncols; i++) { /* json: checked, jsonb: made canonical */
			bool num = c->types[i] == PGTYPE_NUMERIC; /* kept exactly or 0A000 */
			strbuf_printf(&sb, "%s%s(?%zu%s", i ? ", " : "",
				      c->types[i] == PGTYPE_JSONB  ? "pgfn_jsonb_in"
				      : c->types[i] == PGTYPE_JSON ? "pgfn_json_in"
				      : c->enum_args[i]            ? "pgfn_enum_in"
				      : num                        ? "pgfn_num_store"
								   : "",
				      r * c->ncols + i + 1, c->enum_args[i] ? c->enum_args[i] : "");
			if (num) {
				strbuf_puts(&sb, ", ");
				strbuf_put_quoted(&sb, c->names[i], '\'');
			}
			strbuf_puts(&sb, ")");
		}
		strbuf_puts(&sb, ")");
	}
	const char *r = arena_strdup(c->arena, sb.data);
	strbuf_fini(&sb);
	return r;
}

/* The one-row INSERT, and the batch INSERT when a batch of rows fits SQLite's parameter limit. */
static bool prepare_inserts(struct session *s, struct sess_copy *c, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	size_t limit = (size_t)sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
	c->batch = limit / c->ncols < BATCH_ROWS ? limit / c->ncols : BATCH_ROWS;
	if (c->batch < 2)
		c->batch = 1;
	int rc = sqlite3_prepare_v3(db, insert_sql(c, 1), -1, SQLITE_PREPARE_PERSISTENT, &c->insert,
				    NULL);
	if (rc == SQLITE_OK && c->batch > 1)
		rc = sqlite3_prepare_v3(db, insert_sql(c, c->batch), -1, SQLITE_PREPARE_PERSISTENT,
					&c->insert_batch, NULL);
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	c->vals = arena_alloc(c->arena, c->batch * c->ncols * sizeof(*c->vals));
	c->pending = arena_alloc(c->arena, c->batch * sizeof(*c->pending));
	return true;
}

/* An enum column's values are checked against its labels as the row is inserted (22P02). */
static void enum_columns(struct session *s, struct sess_copy *c)
{
	const struct catalog_relation *r = sess_types(s) ? sess_types_relation(s, c->rel) : NULL;
	c->enum_args = arena_zalloc(c->arena, (c->ncols ? c->ncols : 1) * sizeof(char *));
	for (size_t k = 0; r && k < r->ncols; k++) {
		bool array = false;
		const struct catalog_enum *e = sess_types_enum(s, r->cols[k].type_oid, &array);
		size_t i = 0;
		while (e && !array && i < c->ncols && strcmp(c->names[i], r->cols[k].name) != 0)
			i++;
		if (!e || array || i == c->ncols)
			continue;
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, ", ");
		strbuf_put_quoted(&sb, e->name, '\'');
		for (size_t l = 0; l < e->nlabels; l++) {
			strbuf_puts(&sb, ", ");
			strbuf_put_quoted(&sb, e->labels[l], '\'');
		}
		c->enum_args[i] = arena_strdup(c->arena, sb.data ? sb.data : "");
		strbuf_fini(&sb);
	}
}

/* Columns, options, the INSERT and the parser of a COPY FROM; NULL with err set. */
static bool prepare_filter(struct session *s, struct sess_copy *c, const char *cond,
			   struct pgerr *err);

/* COPY FROM ... FREEZE: PostgreSQL's checks (CopyFrom). A partitioned table is 0A000; a
 * statement that opens its own transaction (fresh: no block, implicit or explicit, before
 * it) cannot have created or truncated the table in it, so it is 55000, and so is a table
 * the current subtransaction did not create or truncate (sess_freeze.c). */
static bool freeze_ok(struct session *s, const char *rel, bool fresh, struct pgerr *err)
{
	char part = sess_types_partition(s, rel);
	if (part == 'p' || part == 's')
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "cannot perform COPY FREEZE on a partitioned table");
	if (fresh || !sess_freeze_fresh(s, rel))
		return pgerr_set(err, "55000",
				 "cannot perform COPY FREEZE because the table was not created or "
				 "truncated in the current subtransaction");
	return true;
}

static struct sess_copy *copy_new(struct session *s, const struct xlat_copy *cp, bool fresh,
				  struct pgerr *err)
{
	struct sess_copy *c = base_xcalloc(1, sizeof(*c));
	struct sess_copy_cols cols = {0};
	c->dtenv = (struct pgtype_dtenv){s->dt.tz, s->dt.txn_start, s->dt.datestyle.order,
					 s->dt.datestyle.interval};
	c->arena = arena_new(0);
	c->batch_arena = arena_new(0);
	c->rel = arena_strdup(c->arena, cp->table);
	bool ok = sess_copy_options(cp, c->arena, &c->opts, err) &&
		  sess_copy_columns(s, c->arena, cp, &cols, err);
	struct copy_columns cc = {.names = cols.names,
				  .n = cols.n,
				  .all = cols.all,
				  .nall = cols.nall,
				  .rel = cp->table};
	ok = ok && copy_opts_columns(&c->opts, &cc, c->arena, err);
	if (ok && cols.n == 0)
		ok = pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			       "COPY FROM of a table without columns is not supported");
	if (ok) {
		c->names = cols.names, c->types = cols.types, c->typmods = cols.typmods;
		c->serial_col =
			cols.serial_col; /* numbered_seq lives in the session's schema copy */
		c->key_left_out = cols.key_left_out;
		c->numbered_seq = cols.numbered_seq ? arena_strdup(c->arena, cols.numbered_seq)
						    : NULL;
		c->numbered_max = cols.numbered_max;
		c->ncols = cols.n;
		enum_columns(s, c);
		struct pgerr *r = arena_zalloc(c->arena, sizeof(*r));
		if (!sess_copy_target_ok(s, c->rel, &c->count_changes, r) ||
		    (c->opts.freeze && !freeze_ok(s, c->rel, fresh, r)))
			c->refusal = r;
		ok = c->refusal || (prepare_inserts(s, c, err) &&
				    (!cp->where_sql || prepare_filter(s, c, cp->where_sql, err)));
		/* SQLite numbers the rows: from the last number given, not past numbers held */
		if (ok && !c->refusal && c->numbered_seq && strncmp(c->numbered_seq, "pg_temp.", 8))
			shard_serial_copy(s->conn, c->rel, false);
	}
	if (!ok) {
		copy_free(c);
		return NULL;
	}
	c->parser = copy_parser_new(&c->opts, c->rel, c->names, c->ncols);
	return c;
}

static bool bind_value(struct session *s, sqlite3_stmt *vm, int i, const struct pgtype_value *v)
{
	/* text and blobs live in the batch arena until the statement has run */
	int rc;
	switch (v->kind) {
	case PGTYPE_V_INT:
		rc = sqlite3_bind_int64(vm, i, v->i);
		break;
	case PGTYPE_V_FLOAT:
		rc = sqlite3_bind_double(vm, i, v->f);
		break;
	case PGTYPE_V_TEXT:
		rc = sqlite3_bind_text64(vm, i, v->p, v->n, SQLITE_STATIC, SQLITE_UTF8);
		break;
	case PGTYPE_V_BLOB:
		rc = sqlite3_bind_blob64(vm, i, v->p, v->n, SQLITE_STATIC);
		break;
	default:
		rc = sqlite3_bind_null(vm, i);
		break;
	}
	(void)s;
	return rc == SQLITE_OK;
}

/* COPY FROM ... WHERE: the condition over one row of the listed columns (?1 ... ?n), named as
 * the table so that t.col reads too. A column the COPY leaves out is not there: PostgreSQL
 * would read its default, which SQLite gives only as the row goes in (0A000). */
static bool prepare_filter(struct session *s, struct sess_copy *c, const char *cond,
			   struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "SELECT (%s) FROM (SELECT ", cond);
	for (size_t i = 0; i < c->ncols; i++) {
		strbuf_printf(&sb, "%s?%zu AS ", i ? ", " : "", i + 1);
		strbuf_put_quoted(&sb, c->names[i], '"');
	}
	strbuf_puts(&sb, ") AS ");
	strbuf_put_quoted(&sb, c->rel, '"');
	sqlite3 *db = shard_conn_db(s->conn);
	int rc = sb.failed ? SQLITE_NOMEM
			   : sqlite3_prepare_v3(db, sb.data, -1, SQLITE_PREPARE_PERSISTENT,
						&c->filter, NULL);
	strbuf_fini(&sb);
	const char *missing = rc == SQLITE_ERROR ? strstr(sqlite3_errmsg(db), "no such column: ")
						 : NULL;
	if (!missing)
		return rc == SQLITE_OK || shard_error(db, rc, err);
	missing += strlen("no such column: ");
	const char *dot = strrchr(missing, '.'); /* t.col */
	const char *col = dot ? dot + 1 : missing;
	const struct catalog_relation *r = sess_types(s) ? sess_types_relation(s, c->rel) : NULL;
	for (size_t k = 0; r && k < r->ncols; k++)
		if (strcasecmp(r->cols[k].name, col) == 0)
			return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "COPY FROM ... WHERE on a column the COPY does not list "
					 "is not supported");
	return pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" does not exist", col);
}

/* Whether the row in v passes the COPY's WHERE (NULL is false, as in PostgreSQL's ExecQual). */
static bool filter_row(struct session *s, struct sess_copy *c, const struct pgtype_value *v,
		       bool *keep, struct pgerr *err)
{
	sqlite3_reset(c->filter);
	for (size_t i = 0; i < c->ncols; i++)
		if (!bind_value(s, c->filter, (int)i + 1, &v[i]))
			return shard_error(shard_conn_db(s->conn), SQLITE_NOMEM, err);
	int rc = sqlite3_step(c->filter);
	*keep = rc == SQLITE_ROW && sqlite3_column_type(c->filter, 0) != SQLITE_NULL &&
		sqlite3_column_int64(c->filter, 0) != 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return shard_error(shard_conn_db(s->conn), rc, err);
	sqlite3_reset(c->filter);
	return true;
}

/* varchar(n) and character(n) as their input functions apply the length: characters past n
 * are dropped when they are all spaces, else 22001; bit(n) needs n bits, bit varying(n) at
 * most n (22026, 22001). */
static bool apply_length(uint32_t type, int32_t typmod, struct pgtype_value *v, struct pgerr *err)
{
	if ((type == PGTYPE_BIT || type == PGTYPE_VARBIT) && v->kind == PGTYPE_V_TEXT)
		return pgtype_bit_length_ok(v->n, typmod, type == PGTYPE_VARBIT, err); /* bits */
	if ((type != PGTYPE_VARCHAR && type != PGTYPE_BPCHAR) || typmod < 4 ||
	    v->kind != PGTYPE_V_TEXT)
		return true;
	size_t max = (size_t)(typmod - 4), chars = 0, cut = v->n;
	for (size_t i = 0; i < v->n; i++) {
		if (((unsigned char)v->p[i] & 0xC0) == 0x80)
			continue;
		if (chars++ == max) {
			cut = i;
			break;
		}
	}
	if (cut == v->n)
		return true;
	for (size_t i = cut; i < v->n; i++) {
		if (v->p[i] != ' ')
			return pgerr_set(err, SQLSTATE_STRING_DATA_RIGHT_TRUNCATION,
					 "value too long for type %s(%zu)",
					 type == PGTYPE_VARCHAR ? "character varying" : "character",
					 max);
	}
	v->n = cut;
	return true;
}

/* character(n) is stored without its trailing blanks (as shardlite_bpchar stores it). */
static void strip_bpchar(uint32_t type, struct pgtype_value *v)
{
	while (type == PGTYPE_BPCHAR && v->kind == PGTYPE_V_TEXT && v->n && v->p[v->n - 1] == ' ')
		v->n--;
}

/* "Key (a, b) already exists." becomes PostgreSQL's "Key (a, b)=(1, x) already exists." when
 * every key column is one the COPY wrote (v: the row's values). */
static void key_detail(struct sess_copy *c, const struct pgtype_value *v, struct pgerr *err)
{
	char cols[PGERR_MSG_MAX], names[PGERR_MSG_MAX];
	size_t n = strlen(err->detail);
	if (strncmp(err->detail, "Key (", 5) != 0 || n < 22 ||
	    strcmp(err->detail + n - 17, ") already exists.") != 0)
		return;
	snprintf(cols, sizeof(cols), "%.*s", (int)(n - 22), err->detail + 5);
	snprintf(names, sizeof(names), "%s", cols);
	struct strbuf vals;
	strbuf_init(&vals, 0);
	bool ok = true;
	char *save = NULL;
	for (char *col = strtok_r(cols, ",", &save); col && ok; col = strtok_r(NULL, ",", &save)) {
		while (*col == ' ')
			col++;
		size_t i = 0;
		while (i < c->ncols && strcmp(c->names[i], col) != 0)
			i++;
		strbuf_puts(&vals, vals.len ? ", " : "");
		ok = i < c->ncols;
		if (ok && v[i].kind == PGTYPE_V_NULL)
			strbuf_puts(&vals, "null");
		else if (ok)
			pgtype_encode_text_typmod(&vals, c->types[i], c->typmods[i], &v[i]);
	}
	if (ok && !vals.failed)
		pgerr_detail(err, "Key (%s)=(%s) already exists.", names, vals.data);
	strbuf_fini(&vals);
}

/* time(p), timetz(p), timestamp(p), timestamptz(p): the value rounded to p digits, as the
 * column stores it (the input function reads all six). */
static bool apply_precision(uint32_t type, int32_t typmod, struct arena *a, struct pgtype_value *v,
			    struct pgerr *err)
{
	bool dt = type == PGTYPE_TIME || type == PGTYPE_TIMETZ || type == PGTYPE_TIMESTAMP ||
		  type == PGTYPE_TIMESTAMPTZ;
	if (!dt || typmod < 0 || typmod > 5 || v->kind != PGTYPE_V_TEXT)
		return true;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_encode_text_typmod(&sb, type, typmod, v);
	/* read back into the stored form (a BC or past-9999 timestamp's: pgtype_dt_store) */
	bool ok = !sb.failed &&
		  pgtype_decode_text_env(type, sb.data ? sb.data : "", sb.len, NULL, a, v, err);
	strbuf_fini(&sb);
	return ok || pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "cannot round a %s value",
			       pgtype_by_oid(type)->sql_name);
}

/* Reads field i with its column's input function into *v, in memory that lasts until the
 * batch is flushed (the parser's buffers move on). */
/* 23502 for a NULL in the key SQLite would number, with the fields PostgreSQL's not-null
 * error carries (schema, table, column: pgx's PgError, psycopg's diag). Returns false. */
static bool key_null(struct pgerr *err, const char *column, const char *rel)
{
	pgerr_set(err, SQLSTATE_NOT_NULL_VIOLATION,
		  "null value in column \"%s\" of relation \"%s\" violates not-null constraint",
		  column, rel);
	snprintf(err->schema_name, sizeof(err->schema_name), "public");
	snprintf(err->table_name, sizeof(err->table_name), "%s", rel);
	snprintf(err->column_name, sizeof(err->column_name), "%s", column);
	return false;
}

static bool convert(struct sess_copy *c, const struct copy_field *f, size_t i,
		    struct pgtype_value *v, struct pgerr *err)
{
	struct arena *a = c->batch_arena;
	*v = (struct pgtype_value){.kind = PGTYPE_V_NULL};
	bool ok = true;
	if (f->p && c->opts.format == COPY_FORMAT_BINARY)
		ok = pgtype_decode_binary(c->types[i], (const uint8_t *)f->p, f->n, a, v, err);
	else if (f->p) /* client text: no stored form of a BC date (22007) */
		ok = pgtype_dt_client_text(c->types[i], f->p, f->n, err) &&
		     pgtype_decode_text_env(c->types[i], f->p, f->n, &c->dtenv, a, v, err);
	if (ok)
		ok = apply_length(c->types[i], c->typmods[i], v, err) &&
		     apply_precision(c->types[i], c->typmods[i], a, v, err);
	if (ok && c->types[i] == PGTYPE_NUMERIC && v->kind == PGTYPE_V_TEXT) /* numeric(p,s) */
		ok = pgtype_numeric_typmod(v->p, v->n, c->typmods[i], a, v, err);
	strip_bpchar(c->types[i], v);
	if (ok && v->kind == PGTYPE_V_NULL && c->names[i] == c->serial_col) /* SQLite numbers it */
		ok = key_null(err, c->names[i], c->rel);
	if (ok && (v->kind == PGTYPE_V_TEXT || v->kind == PGTYPE_V_BLOB)) {
		char *copy = arena_alloc(a, v->n ? v->n : 1);
		memcpy(copy, v->p, v->n);
		v->p = copy;
	}
	return ok;
}

static bool bind_row(struct sess_copy *c, sqlite3_stmt *vm, size_t first,
		     const struct pgtype_value *v)
{
	for (size_t i = 0; i < c->ncols; i++) {
		if (!bind_value(NULL, vm, (int)(first + i + 1), &v[i]))
			return false;
	}
	return true;
}

/* Inserts pending row r on its own; the error names its line as PostgreSQL would. */
static bool insert_one(struct session *s, struct sess_copy *c, size_t r, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	const struct pgtype_value *v = &c->vals[r * c->ncols];
	const struct pending *p = &c->pending[r];
	if (!bind_row(c, c->insert, 0, v))
		return shard_error(db, sqlite3_errcode(db), err);
	shard_serial_run_begin(); /* the numbers this row takes, which a replay gives again */
	int rc = sqlite3_step(c->insert);
	sqlite3_reset(c->insert);
	if (rc == SQLITE_DONE) {
		c->rows += c->count_changes ? (uint64_t)sqlite3_changes64(db) : 1;
		return true;
	}
	shard_error(db, rc, err);
	/* the row's bindings are still there; the key's values come from the row (key_detail) */
	sess_explain_failure(s, db, c->insert, rc, false, err);
	/* A unique key is checked where PostgreSQL no longer holds the line's text; a foreign
	 * key when the COPY is over, naming no line. */
	bool unique = strcmp(err->sqlstate, SQLSTATE_UNIQUE_VIOLATION) == 0;
	if (unique)
		key_detail(c, v, err);
	if (strcmp(err->sqlstate, SQLSTATE_FOREIGN_KEY_VIOLATION) == 0)
		err->context[0] = '\0';
	else
		copy_context_line(err, c->rel, p->lineno, unique ? NULL : p->line, p->line_len);
	return false;
}

/* Inserts the pending rows: a full batch with one statement; should that fail on a
 * constraint (SQLite then undoes the whole statement), or for a partial batch, row by row, so
 * the error names the row that caused it. */
static bool flush(struct session *s, struct sess_copy *c, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	bool ok = true, done = false;
	if (c->npending == c->batch && c->insert_batch) {
		for (size_t r = 0; ok && r < c->npending; r++)
			ok = bind_row(c, c->insert_batch, r * c->ncols, &c->vals[r * c->ncols]);
		int rc = ok ? sqlite3_step(c->insert_batch) : sqlite3_errcode(db);
		sqlite3_reset(c->insert_batch);
		done = rc == SQLITE_DONE;
		if (done)
			c->rows += c->count_changes ? (uint64_t)sqlite3_changes64(db) : c->npending;
		else if ((rc & 0xff) != SQLITE_CONSTRAINT) {
			ok = shard_error(db, rc, err);
			copy_context_line(err, c->rel, c->pending[0].lineno, NULL, 0);
		}
	}
	for (size_t r = 0; ok && !done && r < c->npending; r++)
		ok = insert_one(s, c, r, err);
	c->npending = 0;
	arena_reset(c->batch_arena);
	return ok;
}

/* Converts one row with the columns' input functions and queues it for insertion. An error
 * in this row is reported only after the rows before it went in: an error on an earlier line
 * comes first, as it would row by row. */
static bool add_row(struct session *s, struct sess_copy *c, const struct copy_row *row,
		    struct pgerr *err)
{
	struct pgtype_value *v = &c->vals[c->npending * c->ncols];
	for (size_t i = 0; i < c->ncols; i++) {
		const struct copy_field *f = &row->fields[i];
		if (convert(c, f, i, &v[i], err))
			continue;
		copy_context_value(err, &c->opts, c->rel, row->lineno, c->names[i], f->p, f->n);
		struct pgerr earlier;
		pgerr_clear(&earlier);
		if (!flush(s, c, &earlier))
			*err = earlier;
		return false;
	}
	if (c->key_left_out) { /* its default is NULL, which SQLite would number */
		(void)key_null(err, c->key_left_out, c->rel);
		struct pgerr earlier;
		pgerr_clear(&earlier);
		if (!flush(s, c, &earlier))
			*err = earlier;
		return false;
	}
	bool keep = true;
	if (c->filter && !filter_row(s, c, v, &keep, err)) {
		copy_context_line(err, c->rel, row->lineno, row->line, row->line_len);
		struct pgerr earlier;
		pgerr_clear(&earlier);
		if (!flush(s, c, &earlier))
			*err = earlier;
		return false;
	}
	if (!keep)
		return true;
	struct pending *p = &c->pending[c->npending++];
	p->lineno = row->lineno;
	p->line = row->line ? arena_strndup(c->batch_arena, row->line, row->line_len) : NULL;
	p->line_len = row->line_len;
	return c->npending < c->batch || flush(s, c, err);
}

/* Inserts every complete row the parser holds; *done when the data has ended. */
static bool pump(struct session *s, struct sess_copy *c, bool *done, struct pgerr *err)
{
	struct copy_row row;
	*done = false;
	for (;;) {
		switch (copy_parser_next(c->parser, &row, err)) {
		case COPY_NEXT_ROW:
			if (!add_row(s, c, &row, err))
				return false;
			continue;
		case COPY_NEXT_MORE:
			return true;
		case COPY_NEXT_DONE:
			*done = true;
			return flush(s, c, err);
		case COPY_NEXT_ERROR: {
			struct pgerr earlier; /* the rows before the bad one go in first */
			pgerr_clear(&earlier);
			if (!flush(s, c, &earlier))
				*err = earlier;
			return false;
		}
		}
	}
}

/* The COPY is over (either way): back to READY; a simple Query then runs what followed the
 * COPY in it, or ends its implicit transaction and says ReadyForQuery — without the COPY's
 * tag, written from tag_at on, when that commit fails (sess_simple_commit). */
static void finish_at(struct session *s, const struct pgerr *err, size_t tag_at)
{
	struct sess_copy *c = s->copy;
	s->copy = NULL;
	s->state = SESS_READY;
	atomic_store(&s->copy_active, false);
	char *rest = c->rest;
	c->rest = NULL;
	bool simple = c->simple;
	copy_free(c);
	if (err) {
		sess_report_error(s, err);
		if (!simple && s->state == SESS_READY)
			s->state = SESS_SKIP_TO_SYNC;
	}
	if (simple && !err && rest) {
		sess_simple_run(s, rest);
	} else if (simple) {
		struct pgerr e2;
		pgerr_clear(&e2);
		if (!err && !sess_simple_commit(s, tag_at, &e2))
			sess_report_error(s, &e2);
		if (s->state != SESS_CLOSING) {
			sess_notify_ready(s); /* PostgreSQL sends them just before */
			pgw_be_ready(&s->out, sess_status_char(s));
		}
	}
	free(rest);
}

static void finish(struct session *s, const struct pgerr *err) { finish_at(s, err, SIZE_MAX); }

static void copy_in_data(struct session *s, const struct pgw_msg *m)
{
	struct pgerr err;
	bool done;
	pgerr_clear(&err);
	copy_parser_feed(s->copy->parser, m->body, m->len);
	if (!pump(s, s->copy, &done, &err))
		finish(s, &err);
}

static void copy_in_done(struct session *s)
{
	struct pgerr err;
	bool done;
	pgerr_clear(&err);
	copy_parser_finish(s->copy->parser);
	if (!pump(s, s->copy, &done, &err)) {
		finish(s, &err);
		return;
	}
	ASSERT(done);
	int64_t last = sqlite3_last_insert_rowid(shard_conn_db(s->conn));
	const struct sess_copy *c = s->copy;
	if (c->numbered_seq && c->rows && c->numbered_max && last > c->numbered_max) {
		/* SQLite numbered the key past its type: nextval's error (the block rolls back) */
		pgerr_set(&err, "2200H", "nextval: reached maximum value of sequence \"%s\" (%lld)",
			  c->numbered_seq, (long long)c->numbered_max);
		finish(s, &err);
		return;
	}
	if (c->numbered_seq && c->rows) /* as PostgreSQL's DEFAULT nextval() */
		catalog_seqvals_numbered(s->catalog.seqvals, c->numbered_seq, last);
	if (c->numbered_seq && c->rows && strncmp(c->numbered_seq, "pg_temp.", 8))
		shard_serial_copy(s->conn, c->rel, true);
	if (!sess_trigger_copy(s, c->rel, false, &err)) { /* its AFTER triggers, as a statement's */
		finish(s, &err);
		return;
	}
	char tag[32];
	snprintf(tag, sizeof(tag), "COPY %llu", (unsigned long long)s->copy->rows);
	size_t tag_at = s->out.len;
	pgw_be_command_complete(&s->out, tag);
	finish_at(s, NULL, tag_at);
}

static void copy_in_fail(struct session *s, const struct pgw_msg *m)
{
	struct pgw_copy_fail f;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgw_fe_copy_fail(m, &f, &err)) {
		sess_report_error(s, &err);
		return;
	}
	pgerr_set(&err, SQLSTATE_QUERY_CANCELED, "COPY from stdin failed: %s", f.message);
	finish(s, &err);
}

void sess_copy_input(struct session *s, const struct pgw_msg *m)
{
	struct pgerr err;
	if (atomic_load(&s->copy_canceled) &&
	    (m->type == PGW_FE_COPY_DATA || m->type == PGW_FE_COPY_DONE)) {
		pgerr_set(&err, SQLSTATE_QUERY_CANCELED, "canceling statement due to user request");
		copy_context_line(&err, s->copy->rel, copy_parser_lineno(s->copy->parser), NULL, 0);
		finish(s, &err);
		return;
	}
	if (s->copy->refusal && (m->type == PGW_FE_COPY_DATA || m->type == PGW_FE_COPY_DONE ||
				 m->type == PGW_FE_COPY_FAIL)) {
		err = *s->copy->refusal; /* the client hears it where it reads: at the data */
		finish(s, &err);
		return;
	}
	switch (m->type) {
	case PGW_FE_COPY_DATA:
		copy_in_data(s, m);
		break;
	case PGW_FE_COPY_DONE:
		copy_in_done(s);
		break;
	case PGW_FE_COPY_FAIL:
		copy_in_fail(s, m);
		break;
	case PGW_FE_FLUSH:
	case PGW_FE_SYNC:
		break; /* ignored during COPY IN, as PostgreSQL does */
	case PGW_FE_TERMINATE:
		sess_copy_free(s);
		s->state = SESS_CLOSING;
		break;
	default:
		pgerr_set(&err, SQLSTATE_PROTOCOL_VIOLATION,
			  "unexpected message type 0x%02X during COPY from stdin", m->type);
		finish(s, &err);
		break;
	}
}

void sess_copy_set_rest(struct session *s, const char *rest)
{
	if (s->copy && rest && *rest)
		s->copy->rest = base_xstrdup(rest);
}

void sess_copy_free(struct session *s)
{
	copy_free(s->copy);
	s->copy = NULL;
}

/* COPY FROM inserts its rows as they arrive, so once CopyInResponse has gone out it cannot run
 * again from scratch the way a statement that met another connection's write lock does: it
 * takes the tenant's write lock first, with a DELETE that deletes nothing (SQLite takes the
 * lock as the statement starts). Meeting the lock sets lock_busy: the caller parks the COPY
 * before it answers, and runs it again when the lock is let go (pgloader loads two tables of
 * one tenant at once, each in its own transaction). It runs before the COPY reads anything
 * (its columns): a read would start the transaction's snapshot, which another writer's commit
 * during the wait would make stale (40001). A table SQLite cannot find is left to copy_new,
 * which reports it as PostgreSQL does. */
static bool take_write_lock(struct session *s, const char *rel, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "DELETE FROM ");
	strbuf_put_quoted(&sb, rel, '"');
	strbuf_puts(&sb, " WHERE 0");
	int rc = sb.failed ? SQLITE_NOMEM : sqlite3_prepare_v2(db, sb.data, -1, &vm, NULL);
	strbuf_fini(&sb);
	if (rc == SQLITE_ERROR && !vm)
		return true; /* no such table (or a view): copy_new says so */
	if (rc == SQLITE_OK)
		rc = sqlite3_step(vm);
	sqlite3_finalize(vm);
	if (rc == SQLITE_DONE)
		return true;
	/* READ COMMITTED's stale snapshot: a new one and the COPY again (sess_rc.c) */
	s->lock_busy = rc == SQLITE_BUSY || sess_rc_retry(s, rc, NULL);
	return shard_error(db, rc, err);
}

bool sess_copy_in_start(struct session *s, const struct xlat_stmt *x, bool simple,
			struct pgerr *err)
{
	bool fresh = s->txn == SESS_TXN_IDLE; /* the COPY's own transaction */
	if (!sess_txn_implicit_begin(s, err) || !take_write_lock(s, x->copy->table, err))
		return false;
	struct sess_copy *c = copy_new(s, x->copy, fresh, err);
	if (!c)
		return false;
	if (!c->refusal && !sess_trigger_copy(s, c->rel, true, err)) { /* FOR EACH STATEMENT */
		copy_free(c);
		return false;
	}
	c->simple = simple;
	s->copy = c;
	s->state = SESS_COPY_IN;
	atomic_store(&s->copy_canceled, false);
	atomic_store(&s->copy_active, true);
	pgw_be_copy_in_response(&s->out, c->opts.format == COPY_FORMAT_BINARY ? 1 : 0, c->ncols);
	return true;
}
