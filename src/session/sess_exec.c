/* SPDX-License-Identifier: Apache-2.0 */
/* sess_exec.c: running translated statements on the tenant's SQLite connection — preparing,
 * binding parameters, describing result columns with PostgreSQL types, encoding rows in text
 * or binary format, and command tags. */
#include "session_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pgtype.h"

sqlite3_stmt *sess_prepare(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = shard_conn_stmt_take(s->conn, x->sql);
	if (vm)
		return vm; /* this text was prepared on this connection before */
	const char *tail = NULL;
	if (s->inline_run && x->ntenants) { /* attaching opens files: not on the loop */
		(void)sess_inline_punt(s, err);
		return NULL;
	}
	if (!sess_schema_attach(s, x, err))
		return NULL;
	int rc = sqlite3_prepare_v3(db, x->sql, -1, SQLITE_PREPARE_PERSISTENT, &vm, &tail);
	if (rc != SQLITE_OK) {
		shard_error(db, rc, err);
		return NULL;
	}
	if (!vm) {
		pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "translation produced no SQLite statement");
		return NULL;
	}
	ASSERT(!tail || !*tail);
	return vm;
}

/* The PostgreSQL type of result column i: the translator's hint, else the declared type. */
static uint32_t column_type(const struct xlat_stmt *x, sqlite3_stmt *vm, int i, int32_t *typmod)
{
	int n = sess_ncols(x, vm);
	if (x && x->ncols == n && x->cols[i].type_oid != 0) {
		*typmod = x->cols[i].typmod;
		return x->cols[i].type_oid;
	}
	uint32_t serial = catalog_serial_type(vm, i); /* a serial key declares INTEGER */
	if (serial) {
		*typmod = -1;
		return serial;
	}
	return pgtype_from_decl(sqlite3_column_decltype(vm, i), typmod);
}

/* Appends name with a one-byte length; false when it does not fit. */
static bool key_put(char *key, size_t *pos, size_t size, const char *name)
{
	size_t len = name ? strlen(name) : 0;
	if (len > 255 || *pos + 1 + len > size)
		return false;
	key[(*pos)++] = (char)(uint8_t)len;
	if (len) /* name may be NULL (an expression's column) */
		memcpy(key + *pos, name, len);
	*pos += len;
	return true;
}

/* What the catalog's answer depends on: each column's database, table and column of origin,
 * which its model maps to OIDs and attnums (SQLite keeps these names with the prepared
 * statement). Not the SQL text: `pgbench -M simple`'s statements differ only in a constant,
 * and every one of them would miss. False when the key does not fit. */
static bool origins_key(sqlite3_stmt *vm, int n, char *key, size_t size, size_t *len)
{
	*len = 0;
	for (int i = 0; i < n; i++)
		if (!key_put(key, len, size, sqlite3_column_database_name(vm, i)) ||
		    !key_put(key, len, size, sqlite3_column_table_name(vm, i)) ||
		    !key_put(key, len, size, sqlite3_column_origin_name(vm, i)))
			return false;
	return true;
}

/* The columns' table OIDs and attnums. Finding them runs a short SQLite statement (the
 * catalog's model is checked against schema_version), so the answer for the origins described
 * last is kept: same origin names, no DDL since. */
static void column_origins(struct session *s, sqlite3_stmt *vm, int n, uint32_t **oids,
			   int16_t **attnums)
{
	struct sess_origins *o = s->origins;
	char key[sizeof(o->key)];
	size_t len = 0;
	bool fits = n <= SESS_ORIGINS_MAX && origins_key(vm, n, key, sizeof(key), &len);
	uint64_t epoch = o ? o->epoch : 0;
	if (o && fits && sess_types_unchanged(s, &epoch) && o->n == n && o->key_len == len &&
	    memcmp(o->key, key, len) == 0) {
		*oids = o->oids;
		*attnums = o->attnums;
		return;
	}
	*oids = arena_alloc(s->msg_arena, sizeof(**oids) * (size_t)n);
	*attnums = arena_alloc(s->msg_arena, sizeof(**attnums) * (size_t)n);
	catalog_column_origins(shard_conn_catalog(s->conn), vm, *oids, *attnums);
	if (o)
		o->n = -1;
	if (!fits || s->schema_ddl)
		return;
	if (!o)
		o = s->origins = base_xcalloc(1, sizeof(*o));
	memcpy(o->key, key, len);
	o->key_len = len;
	memcpy(o->oids, *oids, sizeof(**oids) * (size_t)n);
	memcpy(o->attnums, *attnums, sizeof(**attnums) * (size_t)n);
	o->epoch = epoch;
	o->n = n;
}

/* Column i's name: SQLite's, unless it is the translator's name with SQLite's ":N" added to
 * tell repeated names apart (SELECT * FROM (SELECT 1, 2) s: PostgreSQL's ?column? twice). */
static const char *column_name(const struct xlat_stmt *x, sqlite3_stmt *vm, int i)
{
	const char *name = sqlite3_column_name(vm, i);
	const char *pg = x && x->cols && i < x->ncols ? x->cols[i].name : NULL;
	size_t len = pg ? strlen(pg) : 0;
	if (!name || !pg || strncmp(name, pg, len) != 0 || name[len] != ':' || !name[len + 1])
		return name;
	for (const char *p = name + len + 1; *p; p++)
		if (*p < '0' || *p > '9')
			return name;
	return pg;
}

/* Where the translator knows PostgreSQL's origin of a column to differ from SQLite's (a view's
 * column, a set operation's, struct xlat_origin): that one, in copies (the kept answer of
 * column_origins stays SQLite's). */
static void translated_origins(struct session *s, const struct xlat_stmt *x, int n, uint32_t **oids,
			       int16_t **attnums)
{
	bool any = false;
	for (int i = 0; i < n && !any; i++)
		any = x->cols[i].origin.kind != XLAT_ORIGIN_SQLITE;
	if (!any)
		return;
	uint32_t *o = arena_alloc(s->msg_arena, sizeof(*o) * (size_t)n);
	int16_t *k = arena_alloc(s->msg_arena, sizeof(*k) * (size_t)n);
	memcpy(o, *oids, sizeof(*o) * (size_t)n);
	memcpy(k, *attnums, sizeof(*k) * (size_t)n);
	for (int i = 0; i < n; i++) {
		const struct xlat_origin *g = &x->cols[i].origin;
		if (g->kind == XLAT_ORIGIN_NONE)
			o[i] = 0, k[i] = 0;
		else if (g->kind == XLAT_ORIGIN_REL)
			(void)catalog_rel_column(shard_conn_catalog(s->conn), g->rel, g->col, &o[i],
						 &k[i]);
	}
	*oids = o;
	*attnums = k;
}

int sess_ncols(const struct xlat_stmt *x, sqlite3_stmt *vm)
{
	if (x && (x->no_columns || x->ctas || x->no_data))
		return 0;
	if (x && (x->dml_events & 16384) && !x->returns_rows)
		return 0; /* RETURNING only for a view's CHECK OPTION */
	int n = sqlite3_column_count(vm);
	return n && x && (x->dml_events & 4096) ? n - 1 : n; /* RETURNING's hidden marker */
}

void sess_describe_columns(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
			   const int16_t *formats, struct pgw_field *fields)
{
	int n = sess_ncols(x, vm);
	uint32_t *oids;
	int16_t *attnums;
	/* sized for the statement's own columns: the catalog fills in every one of them */
	column_origins(s, vm, sqlite3_column_count(vm), &oids, &attnums);
	if (x && x->cols && x->ncols == n)
		translated_origins(s, x, n, &oids, &attnums);
	for (int i = 0; i < n; i++) {
		struct pgw_field *f = &fields[i];
		int32_t typmod = -1;
		f->name = column_name(x, vm, i);
		f->table_oid = oids[i];
		f->column = attnums[i];
		f->type_oid = column_type(x, vm, i, &typmod);
		if (f->type_oid == PGTYPE_TEXT || f->type_oid == PGTYPE_TEXT_ARRAY) /* an enum's? */
			f->type_oid =
				sess_types_decl(s, sqlite3_column_decltype(vm, i), f->type_oid);
		f->typmod = typmod;
		const struct pgtype_info *info = pgtype_by_oid(f->type_oid);
		bool array = false; /* an enum is 4 bytes long (its OID in PostgreSQL) */
		bool is_enum = !info && sess_types_enum(s, f->type_oid, &array) && !array;
		f->typlen = info ? info->typlen : is_enum ? 4 : -1;
		f->format = formats ? formats[i] : 0;
	}
}

void sess_write_row_description(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
				const int16_t *formats)
{
	int n = sess_ncols(x, vm);
	if (n == 0 && !(x && x->no_columns))
		return;
	struct pgw_field *fields = arena_alloc(s->msg_arena, sizeof(*fields) * (size_t)(n ? n : 1));
	sess_describe_columns(s, x, vm, formats, fields);
	pgw_be_row_description(&s->out, (size_t)n, fields);
}

void sess_value(sqlite3_value *sv, struct pgtype_value *v)
{
	memset(v, 0, sizeof(*v));
	switch (sqlite3_value_type(sv)) {
	case SQLITE_INTEGER:
		v->kind = PGTYPE_V_INT;
		v->i = sqlite3_value_int64(sv);
		break;
	case SQLITE_FLOAT:
		v->kind = PGTYPE_V_FLOAT;
		v->f = sqlite3_value_double(sv);
		break;
	case SQLITE_TEXT:
		v->kind = PGTYPE_V_TEXT;
		v->p = (const char *)sqlite3_value_text(sv);
		v->n = (size_t)sqlite3_value_bytes(sv);
		break;
	case SQLITE_BLOB:
		v->kind = PGTYPE_V_BLOB;
		v->p = sqlite3_value_blob(sv);
		v->n = (size_t)sqlite3_value_bytes(sv);
		break;
	default:
		v->kind = PGTYPE_V_NULL;
		break;
	}
}

void sess_column_value(sqlite3_stmt *vm, int i, struct pgtype_value *v)
{
	memset(v, 0, sizeof(*v));
	switch (sqlite3_column_type(vm, i)) {
	case SQLITE_INTEGER:
		v->kind = PGTYPE_V_INT;
		v->i = sqlite3_column_int64(vm, i);
		break;
	case SQLITE_FLOAT:
		v->kind = PGTYPE_V_FLOAT;
		v->f = sqlite3_column_double(vm, i);
		break;
	case SQLITE_TEXT:
		v->kind = PGTYPE_V_TEXT;
		v->p = (const char *)sqlite3_column_text(vm, i);
		v->n = (size_t)sqlite3_column_bytes(vm, i);
		break;
	case SQLITE_BLOB:
		v->kind = PGTYPE_V_BLOB;
		v->p = sqlite3_column_blob(vm, i);
		v->n = (size_t)sqlite3_column_bytes(vm, i);
		break;
	default:
		v->kind = PGTYPE_V_NULL;
		break;
	}
}

/* A numeric expression has no typmod, but PostgreSQL prints it with the display scale its
 * value carries, which the translator knows for some (xlat_col.scale): passed on to the
 * encoder as the typmod of a numeric with that scale. */
#define SCALE_TYPMOD(s) (((1000 << 16) | (s)) + 4)

static int32_t encode_typmod(const struct xlat_stmt *x, int n, int i, uint32_t type, int32_t typmod)
{
	if (!x || x->ncols != n || type != PGTYPE_NUMERIC || typmod >= 0 || x->cols[i].scale == -1)
		return typmod;
	return x->cols[i].scale >= 0 ? SCALE_TYPMOD(x->cols[i].scale) : typmod;
}

void sess_column_types(const struct xlat_stmt *x, sqlite3_stmt *vm, uint32_t *types,
		       int32_t *typmods)
{
	int n = sess_ncols(x, vm);
	for (int i = 0; i < n; i++) {
		types[i] = column_type(x, vm, i, &typmods[i]);
		typmods[i] = encode_typmod(x, n, i, types[i], typmods[i]);
	}
}

/* A quotient's scale (select_div_scale): 16 significant digits, at least min fraction
 * digits; the weight (in PostgreSQL's base-10000 digits) is estimated from the value. */
static int32_t quotient_typmod(const struct pgtype_value *v, int min)
{
	double q = v->kind == PGTYPE_V_INT ? (double)v->i : v->f;
	if (v->kind != PGTYPE_V_INT && v->kind != PGTYPE_V_FLOAT)
		return -1;
	int weight = q == 0 ? -1 : (int)floor(log10(fabs(q)) / 4);
	int scale = 16 - 4 * weight;
	scale = scale < min ? min : scale > 1000 ? 1000 : scale < 0 ? 0 : scale;
	return SCALE_TYPMOD(scale);
}

/* A quotient that is a short decimal (12.35 / 5) arrives as the nearest double
 * (2.4699999999999998): when its first 15 significant digits end early, that decimal is
 * what PostgreSQL computed; otherwise (7 / 3) the double is the best there is. */
static double round15(double d)
{
	char buf[40];
	snprintf(buf, sizeof(buf), "%.15g", d);
	size_t digits = 0;
	for (const char *p = buf; *p && *p != 'e'; p++)
		digits += *p >= '0' && *p <= '9';
	return digits < 15 ? strtod(buf, NULL) : d;
}

bool sess_write_row(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
		    sqlite3_value **vals, const uint32_t *types, const int32_t *typmods,
		    const int16_t *formats, int n, struct pgerr *err)
{
	size_t mark = pgw_be_datarow_begin(&s->out, (uint16_t)n);
	for (int i = 0; i < n; i++) {
		struct pgtype_value v;
		if (vals)
			sess_value(vals[i], &v);
		else
			sess_column_value(vm, i, &v);
		if (v.kind == PGTYPE_V_NULL) {
			pgw_be_datarow_null(&s->out);
			continue;
		}
		int32_t tm = typmods[i];
		if (tm < 0 && types[i] == PGTYPE_NUMERIC && x && x->ncols == n &&
		    x->cols[i].scale <= -2) {
			tm = quotient_typmod(&v, -x->cols[i].scale - 2);
			if (v.kind == PGTYPE_V_FLOAT) /* 2.47, not the double 2.4699999999999998 */
				v.f = round15(v.f);
		}
		size_t off = pgw_be_datarow_open(&s->out);
		uint32_t type = sess_types_wire(s, types[i]);
		if (formats && formats[i] == 1) {
			bool row = type >= CATALOG_OID_MIN && sess_types_rowtype(s, type);
			size_t start = s->out.len;
			if (!(row ? sess_record_send(s, type, &v, &s->out, err)
				  : pgtype_encode_binary_typmod(&s->out, type, tm, &v, err))) {
				/* no half-written DataRow before the error (mark follows its 'D') */
				s->out.len = mark - 1;
				return false;
			}
			if (type == PGTYPE_TEXT_ARRAY && types[i] != type)
				sess_types_array_elem(s, types[i], &s->out, start);
		} else {
			pgtype_encode_text_styled(&s->out, type, tm, s->dt.tz, &s->dt.datestyle,
						  &v);
		}
		pgw_be_datarow_close(&s->out, off);
	}
	pgw_be_datarow_end(&s->out, mark);
	return true;
}

/* Writes "prefix n" into tag (64 bytes): once per statement, so not through snprintf. */
static void tag_with_count(char *tag, const char *prefix, uint64_t n)
{
	char digits[24];
	char *p = digits + sizeof(digits);
	*--p = '\0';
	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	size_t len = strnlen(prefix, 38);
	memcpy(tag, prefix, len);
	tag[len] = ' ';
	memcpy(tag + len + 1, p, (size_t)(digits + sizeof(digits) - p));
}

/* The statement's changes: kept (>= 0) when its AFTER statement triggers ran statements. */
static int64_t changes_of(sqlite3 *db, int64_t kept)
{
	return kept >= 0 ? kept : sqlite3_changes64(db);
}

static void command_complete(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
			     uint64_t rows, int64_t changes)
{
	char tag[64];
	sqlite3 *db = shard_conn_db(s->conn);
	/* A SELECT counts the rows it returned; DML counts the rows it changed. */
	uint64_t n = strcmp(x->tag, "SELECT") == 0 ? rows : (uint64_t)changes_of(db, changes);
	if (x->nsteps && strcmp(x->tag, "SELECT") != 0)
		n += s->step_rows; /* MERGE: its actions' rows before the last one's */
	switch (x->tag_style) {
	case XLAT_TAG_INSERT:
		tag_with_count(tag, "INSERT 0", n);
		break;
	case XLAT_TAG_ROWS:
		tag_with_count(tag, x->tag, n);
		break;
	case XLAT_TAG_PLAIN:
		snprintf(tag, sizeof(tag), "%s", x->tag);
		break;
	}
	pgw_be_command_complete(&s->out, tag);
}

/* After an INSERT that left a serial key to SQLite: the key's sequence's currval is the last
 * number given, as after PostgreSQL's DEFAULT nextval(); a number beyond the key's type is
 * nextval's 2200H. The statement ran inside a transaction (sess_simple.c: implicit block),
 * whose rollback undoes it. */
static bool numbered(struct session *s, const struct xlat_stmt *x, int64_t changes,
		     struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	if (changes_of(db, changes) <= 0)
		return true;
	int64_t last = sqlite3_last_insert_rowid(db);
	if (last == INT64_MIN || last == INT64_MAX)
		return true; /* its last row was updated by ON CONFLICT (pgfn_upsert_updating) */
	if (x->numbered_max && last > x->numbered_max && !sqlite3_get_autocommit(db))
		return pgerr_set(err, "2200H",
				 "nextval: reached maximum value of sequence \"%s\" (%lld)",
				 x->numbered_seq, (long long)x->numbered_max);
	catalog_seqvals_numbered(s->catalog.seqvals, x->numbered_seq, last);
	return true;
}

/* RETURNING's rows of those a BEFORE trigger changed, which the session wrote itself
 * (sess_trgrow.c): after the statement's own. */
static bool write_returned(struct session *s, const struct xlat_stmt *x, const uint32_t *types,
			   const int32_t *typmods, const int16_t *formats, int n, uint64_t *rows,
			   struct pgerr *err)
{
	size_t i = 0;
	for (sqlite3_stmt *pv; (pv = sess_trigger_returned(s, x, 0, &i, err)); (*rows)++) {
		bool ok = sess_write_row(s, x, pv, NULL, types, typmods, formats, n, err);
		sqlite3_finalize(pv);
		if (!ok)
			return false;
	}
	return !pgerr_is_set(err);
}

/* Before a statement's first step: false with err, and lock_busy when it waits (the caller
 * parks and runs it again once a table lock of the tenant is let go). */
static bool table_locks_admit(struct session *s, sqlite3_stmt *vm, struct pgerr *err)
{
	switch (shard_tlock_admit(s->conn, vm)) {
	case SHARD_TLOCK_GRANTED:
		return true;
	case SHARD_TLOCK_WAIT:
		s->lock_busy = true;
		return pgerr_set(err, SQLSTATE_LOCK_NOT_AVAILABLE,
				 "canceling statement due to lock timeout");
	case SHARD_TLOCK_DEADLOCK:
		break;
	}
	return pgerr_set(err, SQLSTATE_DEADLOCK_DETECTED, "deadlock detected");
}

static bool multi_statement_query(const struct session *s);

static bool run_vm(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
		   const int16_t *formats, uint32_t max_rows, uint64_t *rows, bool *suspended,
		   struct pgerr *err)
{
	int n = sess_ncols(x, vm);
	uint32_t *types = arena_alloc(s->msg_arena, sizeof(uint32_t) * (size_t)(n ? n : 1));
	int32_t *typmods = arena_alloc(s->msg_arena, sizeof(int32_t) * (size_t)(n ? n : 1));
	sess_column_types(x, vm, types, typmods);
	int64_t cap = s->cfg->max_result_bytes;
	size_t start = s->out.len;
	uint32_t batch = 0;
	*suspended = false;
	/* attachments end between transactions; a prepared statement re-prepares on step */
	if (!sess_schema_attach(s, x, err) || !sess_inline_vm_begin(s, vm, *rows, err))
		return false;
	/* another session's table lock (LOCK TABLE) that this statement's tables conflict with */
	if (*rows == 0 && !sqlite3_stmt_busy(vm) && !table_locks_admit(s, vm, err))
		return false;
	uint64_t skips = x && x->nskip_names ? sess_skip_check(s, x) : 0; /* IF NOT EXISTS */
	/* statement triggers: once, around it (not again when a portal's next Execute resumes
	 * it after a row limit, its RETURNING rows kept: sess_trgret.c) */
	bool fresh = *rows == 0 && x && !sqlite3_stmt_busy(vm);
	/* CALL p($1) (or of a procedure with INOUT parameters), a statement: its procedure may
	 * end the transaction outside a block (sess_udf.c) */
	bool client = !(s->udf && s->udf->depth) && !(s->rare && s->rare->pl_runs);
	bool call_top = fresh && client && x->tag && x->tag[0] == 'C' &&
			strcmp(x->tag, "CALL") == 0 && !multi_statement_query(s) &&
			(s->txn == SESS_TXN_IDLE || s->txn == SESS_TXN_IMPLICIT);
	if (call_top)
		sess_udf_state(s)->call_sql = true;
	if (fresh && client && s->udf) /* a client's: what an earlier CALL ended is done */
		s->udf->ended = false;
	if (s->udf) /* a stale snapshot or a write lock met by the functions it calls */
		s->udf->stale = s->udf->busy = false;
	if (*rows == 0 && !sqlite3_stmt_busy(vm))
		shard_serial_run_begin(); /* its serial numbers, for a replay */
	int64_t changes = -1, hidden = 0;
	if (fresh && !sess_trigger_statement(s, x, true, err))
		return false;
	for (;;) {
		if (max_rows && batch == max_rows) {
			*suspended = true;
			pgw_be_portal_suspended(&s->out);
			return true;
		}
		int rc = sqlite3_step(vm);
		if (rc != SQLITE_ROW && sess_inline_vm_end(s, vm, rc, err)) {
			*rows = 0; /* from scratch on a worker; the caller drops the output */
			return false;
		}
		if (fresh && (fresh = false, !sess_trigger_after_step(s, x, rc, &changes, err))) {
			sqlite3_reset(vm);
			return false;
		}
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			/* Another connection's write lock, met before this statement did anything
			 * (SQLite takes the lock before the first row or change): the caller may
			 * park and run it again. A stale snapshot is BUSY_SNAPSHOT: 40001, except
			 * in READ COMMITTED before the transaction wrote, where it runs again at
			 * once with a new snapshot (sess_rc.c). */
			s->lock_busy = *rows == 0 && !(s->udf && s->udf->ended) &&
				       (rc == SQLITE_BUSY || sess_rc_retry(s, rc, vm) ||
					sess_rc_stale_call(s, vm) || sess_wait_call_met_lock(s));
			if (call_top)
				s->udf->ended = s->udf->call_sql = false;
			shard_error(shard_conn_db(s->conn), rc, err);
			sess_explain_failure(s, shard_conn_db(s->conn), vm, rc, true, err);
			sqlite3_reset(vm);
			return false;
		}
		/* RETURNING holds only a view's CHECK OPTION (xlat_stmt.dml_events 16384): the
		 * rows are the written ones, not sent */
		if (x && (x->dml_events & 16384) && !x->returns_rows) {
			hidden++;
			continue;
		}
		/* a row a BEFORE trigger changed once SQLite read it: as written */
		sqlite3_stmt *pv = sess_trigger_substitute(s, x, vm, err);
		bool ok = !pgerr_is_set(err) &&
			  sess_write_row(s, x, pv ? pv : vm, NULL, types, typmods, formats, n, err);
		sqlite3_finalize(pv);
		if (!ok) {
			sqlite3_reset(vm);
			return false;
		}
		(*rows)++;
		batch++;
		if (s->out.len >= SESS_YIELD_BYTES && (!max_rows || batch < max_rows)) {
			s->yielded = true;
			return true;
		}
		if (cap > 0 && s->out.len - start > (size_t)cap) {
			sqlite3_reset(vm);
			s->out.len = start;
			return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					 "result of this statement exceeds max_result_bytes (%lld "
					 "bytes)",
					 (long long)cap);
		}
	}
	if (x && (x->returning_sql || (x->dml_events & 4096)) &&
	    !write_returned(s, x, types, typmods, formats, n, rows, err)) {
		sqlite3_reset(vm);
		return false;
	}
	if (x && x->numbered_seq && !numbered(s, x, changes, err)) {
		sqlite3_reset(vm);
		return false;
	}
	if (skips)
		sess_skip_notices(s, x, skips);
	if (hidden && changes < 0) /* and the rows a BEFORE trigger changed, the session's */
		changes = hidden + (s->udf ? (int64_t)s->udf->trg.instead_rows : 0);
	command_complete(s, x, vm, *rows, changes);
	sqlite3_reset(vm);
	if (x && x->is_ddl)
		sess_temp_saw(s, x);
	return true;
}

void sess_explain_failure(struct session *s, sqlite3 *db, sqlite3_stmt *vm, int rc, bool unique,
			  struct pgerr *err)
{
	size_t mark = s->out.len;
	/* A key broken by a write the session made inside this statement (the row a BEFORE
	 * trigger changed: sess_trgrow.c) fails it through the trigger's function, undescribed:
	 * that write could not open a savepoint while this statement ran; found again here. */
	if (rc == SQLITE_ERROR && strcmp(err->sqlstate, SQLSTATE_FOREIGN_KEY_VIOLATION) == 0 &&
	    !err->constraint_name[0])
		rc = SQLITE_CONSTRAINT_FOREIGNKEY;
	shard_fk_explain(db, vm, rc, err); /* which key */
	if (unique)
		shard_unique_explain(db, vm, rc, err); /* its values */
	shard_row_explain(db, vm, rc, err);            /* the row */
	shard_serial_replayed();
	if (s->out.len > mark)
		s->out.len = mark;
}

bool sess_run_vm(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
		 const int16_t *formats, uint32_t max_rows, uint64_t *rows, bool *suspended,
		 struct pgerr *err)
{
	bool ok;
	if (x && x->ctas) { /* CREATE TABLE AS: the rows go into the new table */
		char tag[SESS_CTAS_TAG];
		*suspended = false;
		ok = sess_ctas_run(s, x, vm, rows, tag, err);
		if (ok)
			pgw_be_command_complete(&s->out, tag);
		s->lock_busy = !ok && *rows == 0 &&
			       strcmp(err->sqlstate, SQLSTATE_LOCK_NOT_AVAILABLE) == 0;
	} else {
		ok = run_vm(s, x, vm, formats, max_rows, rows, suspended, err);
	}
	sess_wait_budget(s, 0); /* a statement that stopped early goes on without one */
	return ok;
}

/* An integer parameter in text format that is only digits after an optional '-' and fits its
 * type, read without the general decoder (pgbench binds five or six per transaction); false
 * for anything else (spaces, '+', out of range, not a number), which the decoder reads with
 * PostgreSQL's rules and errors. */
static bool plain_int(uint32_t type, const uint8_t *p, int32_t len, int64_t *out)
{
	if (type != PGTYPE_INT4 && type != PGTYPE_INT8 && type != PGTYPE_INT2)
		return false;
	bool neg = len > 0 && p[0] == '-';
	int32_t i = neg;
	if (len - i < 1 || len - i > 18) /* 18 digits cannot overflow int64 */
		return false;
	int64_t v = 0;
	for (; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		v = v * 10 + (p[i] - '0');
	}
	v = neg ? -v : v;
	if (type == PGTYPE_INT4   ? v < INT32_MIN || v > INT32_MAX
	    : type == PGTYPE_INT2 ? v < INT16_MIN || v > INT16_MAX
				  : false)
		return false;
	*out = v;
	return true;
}

/* Converts one Bind parameter to a value and binds it at 1-based position i+1. */
static bool bind_one(struct session *s, sqlite3_stmt *vm, int i, uint32_t type, int16_t format,
		     const uint8_t *p, int32_t len, struct pgerr *err)
{
	struct pgtype_value v;
	uint32_t wire = sess_types_wire(s, type); /* an enum's label arrives as text */
	if (p && format == 1 && wire == PGTYPE_TEXT_ARRAY && wire != type && len >= 12) {
		/* a binary array of an enum names the enum as its element type: its elements are
		 * the labels' bytes, as text's are */
		uint8_t *q = arena_alloc(s->msg_arena, (size_t)len);
		memcpy(q, p, (size_t)len);
		uint32_t elem = (uint32_t)q[8] << 24 | (uint32_t)q[9] << 16 | (uint32_t)q[10] << 8 |
				q[11];
		if (sess_types_enum(s, elem, NULL)) {
			q[8] = q[9] = q[10] = 0;
			q[11] = PGTYPE_TEXT;
		}
		p = q;
	}
	type = wire;
	if (!p) {
		v.kind = PGTYPE_V_NULL;
	} else if (format == 0 && plain_int(type, p, len, &v.i)) {
		v.kind = PGTYPE_V_INT;
	} else if (format == 1 && type >= CATALOG_OID_MIN && sess_types_rowtype(s, type)) {
		if (!sess_record_recv(s, type, p, (size_t)len, s->msg_arena, &v, err))
			return false; /* a composite value: into record_out's text */
	} else if (format == 1) {
		if (!pgtype_decode_binary(type, p, (size_t)len, s->msg_arena, &v, err))
			return false;
	} else {
		char *text = arena_strndup(s->msg_arena, (const char *)p, (size_t)len);
		struct pgtype_dtenv env = {s->dt.tz, s->dt.txn_start, s->dt.datestyle.order,
					   s->dt.datestyle.interval};
		if (!pgtype_dt_client_text(type, text, (size_t)len, err) || /* no stored form */
		    !pgtype_decode_text_env(type, text, (size_t)len, &env, s->msg_arena, &v, err))
			return false;
	}
	int rc;
	switch (v.kind) {
	case PGTYPE_V_INT:
		rc = sqlite3_bind_int64(vm, i + 1, v.i);
		break;
	case PGTYPE_V_FLOAT:
		rc = sqlite3_bind_double(vm, i + 1, v.f);
		break;
	case PGTYPE_V_TEXT:
		rc = sqlite3_bind_text64(vm, i + 1, v.p, v.n, SQLITE_TRANSIENT, SQLITE_UTF8);
		break;
	case PGTYPE_V_BLOB:
		rc = sqlite3_bind_blob64(vm, i + 1, v.p, v.n, SQLITE_TRANSIENT);
		break;
	default:
		rc = sqlite3_bind_null(vm, i + 1);
		break;
	}
	if (rc != SQLITE_OK)
		return shard_error(shard_conn_db(s->conn), rc, err);
	return true;
}

sqlite3_stmt *sess_values_vm(struct session *s, size_t n, struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	for (size_t k = 0; k < n; k++)
		strbuf_printf(&sb, "%s?%zu", k ? ", " : "", k + 1);
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sb.failed || !n ? SQLITE_NOMEM : sqlite3_prepare_v2(db, sb.data, -1, &vm, NULL);
	strbuf_fini(&sb);
	if (rc != SQLITE_OK)
		(void)shard_error(db, rc, err);
	return rc == SQLITE_OK ? vm : NULL;
}

bool sess_bind_text(struct session *s, sqlite3_stmt *vm, int i, uint32_t type, const char *text,
		    struct pgerr *err)
{
	return bind_one(s, vm, i, type, 0, (const uint8_t *)text, text ? (int32_t)strlen(text) : -1,
			err);
}

bool sess_bind_params(struct session *s, const struct sess_stmt *st, sqlite3_stmt *vm,
		      const struct pgw_bind *b, struct pgerr *err)
{
	if (b->nparams != st->nparams)
		return pgerr_set(err, SQLSTATE_PROTOCOL_VIOLATION,
				 "bind message supplies %u parameters, but prepared statement "
				 "\"%s\" requires %d",
				 b->nparams, st->name, st->nparams);
	if (b->nparam_formats > 1 && b->nparam_formats != b->nparams)
		return pgerr_set(err, SQLSTATE_PROTOCOL_VIOLATION,
				 "bind message has %u parameter formats but %u parameters",
				 b->nparam_formats, b->nparams);
	sqlite3_clear_bindings(vm);
	int nvm = sqlite3_bind_parameter_count(vm);
	for (int i = 0; i < b->nparams; i++) {
		if (i >= nvm)
			break; /* $n referenced only by a part SQLite never sees (none today) */
		if (!bind_one(s, vm, i, st->param_types[i], pgw_bind_param_format(b, (size_t)i),
			      b->param_values[i], b->param_lengths[i], err))
			return false;
	}
	return true;
}

bool sess_check_not_aborted(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	if (s->txn == SESS_TXN_FAILED &&
	    !(x->kind == XLAT_TXN && (x->txn == XLAT_TXN_ROLLBACK || x->txn == XLAT_TXN_COMMIT ||
				      x->txn == XLAT_TXN_ROLLBACK_TO)))
		return pgerr_set(err, SQLSTATE_IN_FAILED_SQL_TRANSACTION,
				 "current transaction is aborted, commands ignored until end of "
				 "transaction block");
	return true;
}

/* Whether a simple Query of more than one statement runs: PostgreSQL's implicit block spans
 * all of them, which PreventInTransactionBlock counts as a block even where this session
 * needs none (SELECT 1; VACUUM). */
static bool multi_statement_query(const struct session *s)
{
	size_t n = 0;
	for (size_t i = 0; s->simple.active && i < s->simple.n; i++)
		n += s->simple.stmts[i].kind != XLAT_EMPTY;
	return n > 1;
}

bool sess_txn_nonatomic(const struct session *s)
{
	return s->txn == SESS_TXN_IDLE && !multi_statement_query(s) && s->conn &&
	       sqlite3_get_autocommit(shard_conn_db(s->conn));
}

bool sess_check_allowed(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	if (!sess_check_not_aborted(s, x, err) || !sess_hub_check(s, x, err))
		return false;
	bool block = s->txn != SESS_TXN_IDLE || multi_statement_query(s);
	if (block && x->tag && x->tag[0] == 'V' && strcmp(x->tag, "VACUUM") == 0)
		return pgerr_set(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
				 "VACUUM cannot run inside a transaction block");
	if (block && x->concurrently)
		return pgerr_set(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
				 "%s CONCURRENTLY cannot run inside a transaction block", x->tag);
	if (block && x->no_block)
		return pgerr_set(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
				 "REINDEX %s cannot run inside a transaction block",
				 x->no_block == 'S'   ? "SCHEMA"
				 : x->no_block == 'D' ? "DATABASE"
						      : "SYSTEM");
	/* PostgreSQL's implicit block of a multi-statement Query counts as a block here. */
	if (s->txn == SESS_TXN_IDLE && x->tag && x->tag[0] == 'L' &&
	    strcmp(x->tag, "LOCK TABLE") == 0)
		return pgerr_set(err, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
				 "LOCK TABLE can only be used in transaction blocks");
	if (x->writes && sess_txn_read_only(s))
		return pgerr_set(err, SQLSTATE_READ_ONLY_SQL_TRANSACTION,
				 "cannot execute %s in a read-only transaction", x->tag);
	return true;
}

/* LOCK TABLE ... NOWAIT does not wait: a conflict in the table-lock manager is already its
 * 55P03 (naming the table); the tenant's write lock held by another transaction is too. */
static void lock_nowait_error(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	s->lock_busy = false;
	if (strncmp(err->message, "could not obtain lock on relation", 33) != 0)
		pgerr_set(err, SQLSTATE_LOCK_NOT_AVAILABLE,
			  "could not obtain lock on relation \"%s\"", x->lock_nowait);
}

/* A script or table rebuild runs in a savepoint, so one that met another connection's write
 * lock (55P03 from SQLite's BUSY) did nothing: the caller may park and run it again, as for
 * a plain statement (pg_restore -j adds keys from several connections at once). So too one
 * whose snapshot went stale (40001) when it ran alone, outside any transaction: none is left
 * open, and a new one sees the other connection's commit; and in a READ COMMITTED transaction
 * that has not written, which takes a new snapshot first (sess_rc.c). */
static bool atomic_met_lock(struct session *s, const struct pgerr *err)
{
	return strcmp(err->sqlstate, SQLSTATE_LOCK_NOT_AVAILABLE) == 0 ||
	       (strcmp(err->sqlstate, SQLSTATE_SERIALIZATION_FAILURE) == 0 && s->conn &&
		(sqlite3_get_autocommit(shard_conn_db(s->conn)) ||
		 sess_rc_retry(s, SQLITE_BUSY_SNAPSHOT, NULL)));
}

bool sess_run_utility(struct session *s, const struct xlat_stmt *x, bool simple, struct pgerr *err)
{
	const char *tag = x->tag;
	switch (x->kind) {
	case XLAT_TXN:
		if (!sess_txn_control(s, x, &tag, err))
			return false;
		break;
	case XLAT_SET:
		if (x->set_reset && !x->set_name)
			sess_guc_reset_all(s);
		else if (!sess_guc_set(s, x->set_name, x->set_reset ? NULL : x->set_value,
				       x->set_local, err))
			return false;
		for (size_t i = 0; i < x->nset_more; i++)
			if (!sess_guc_set(s, x->set_more[2 * i], x->set_more[2 * i + 1],
					  x->set_local, err))
				return false;
		break;
	case XLAT_SHOW:
		return sess_guc_show(s, x->set_name, simple, err);
	case XLAT_EXPLAIN:
		return sess_explain_run(s, x, simple, NULL, err);
	case XLAT_DISCARD:
		if (strcmp(x->tag, "DISCARD SEQUENCES") == 0) { /* currval, lastval */
			catalog_seqvals_reset(s->catalog.seqvals);
			break;
		}
		if (strcmp(x->tag, "DISCARD TEMP") == 0) {
			if (!sess_temp_discard(s, err))
				return false;
			break;
		}
		if (s->txn == SESS_TXN_BLOCK || s->txn == SESS_TXN_FAILED)
			return pgerr_set(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
					 "DISCARD ALL cannot run inside a transaction block");
		if (!sess_temp_discard(s, err))
			return false;
		sess_guc_reset_all(s);
		catalog_seqvals_reset(s->catalog.seqvals);
		s->discard_pending = true; /* statements go once the current message is done */
		sess_notify_unlisten_all(s);
		break;
	case XLAT_NOTIFY:
		if (!sess_notify_run(s, x->notify, err))
			return false;
		break;
	case XLAT_NOOP: /* CREATE SCHEMA IF NOT EXISTS public */
		sess_skip_notices(s, x, sess_skip_check(s, x));
		break;
	case XLAT_SCRIPT: {
		uint64_t skips = sess_skip_check(s, x); /* noticed only once it succeeded */
		sess_cascaded_forget(s);
		struct sess_udf_state *us = sess_udf_state(s);
		us->call_script = x->tag[0] == 'C' && strcmp(x->tag, "CALL") == 0;
		bool top = us->call_script && sess_txn_nonatomic(s);
		us->call_top = top;
		us->call_sql = false;
		bool done = sess_run_script(s, x, err);
		us->call_top = us->call_script = false;
		bool ended = us->ended;
		if (top)
			us->ended = false; /* only while its CALL runs */
		if (!done) {
			s->lock_busy = atomic_met_lock(s, err) && !ended;
			if (s->lock_busy && x->lock_nowait) /* LOCK ... NOWAIT met the write lock */
				lock_nowait_error(s, x, err);
			sess_error_drop(x, err);
			return false;
		}
		/* its skip check read the types before the script changed them (an enum's new
		 * label): the epoch then is no sign the copy is current */
		if (x->nskip_names)
			s->schema_epoch = 0;
		sess_skip_notices(s, x, skips);
		sess_cascaded_notice(s); /* DROP ... CASCADE's views and foreign keys */
		sess_temp_saw(s, x);     /* DROP TABLE may have dropped the last temporary table */
		break;
	}
	case XLAT_REBUILD: {
		if (!sess_temp_rebuild_check(s, x->rebuild, err))
			return false;
		uint64_t skips = sess_skip_check(s, x); /* ALTER TABLE IF EXISTS */
		sess_cascaded_forget(s);
		if (!shard_rebuild_translated(s->conn, x->rebuild, s->msg_arena, err)) {
			s->lock_busy = atomic_met_lock(s, err);
			return false;
		}
		sess_skip_notices(s, x, skips);
		sess_cascaded_notice(s); /* DROP COLUMN ... CASCADE's views */
		sess_temp_saw(s, x);     /* CREATE TEMP TABLE ... (LIKE ...) ON COMMIT */
		break;
	}
	case XLAT_COPY:
		return sess_copy_start(s, x, simple, err);
	case XLAT_CURSOR:
		return sess_cursor_run(s, x, -1, simple, NULL, err);
	case XLAT_DEALLOCATE:
		if (!sess_ext_deallocate(s, x->dealloc_name, err))
			return false;
		break;
	case XLAT_PREPARE:
		if (!sess_ext_prepare(s, x->dealloc_name, x->prepare_sql, x->prepare_types,
				      x->nprepare_types, err))
			return false;
		break;
	case XLAT_EXECUTE:
		return sess_execute_prepared(s, x, simple, err);
	case XLAT_DO:
		if (!sess_plpgsql_run(s, x, err))
			return false;
		break;
	case XLAT_MATVIEW:
		if (!sess_matview_run(s, x, err)) {
			s->lock_busy = atomic_met_lock(s, err);
			return false;
		}
		break;
	case XLAT_DATABASE:
		if (!sess_database_run(s, x, err))
			return false;
		break;
	case XLAT_EMPTY:
		pgw_be_empty_query(&s->out);
		return true;
	case XLAT_SQL:
	case XLAT_LATER: /* translated before it runs (sess_simple.c) */
		ASSERT(!"SQL statements are not utilities");
		return false;
	}
	pgw_be_command_complete(&s->out, tag);
	return true;
}

/* Binds the constants the translator passed as parameters (xlat_stmt.binds), after the
 * client's. */
static bool bind_consts(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
			struct pgerr *err)
{
	for (int i = 0; i < x->nbinds; i++) {
		const struct xlat_bind *b = &x->binds[i];
		int at = x->nparams + 1 + i;
		int rc = b->is_text ? sqlite3_bind_text64(vm, at, b->text, b->len, SQLITE_TRANSIENT,
							  SQLITE_UTF8)
				    : sqlite3_bind_int64(vm, at, b->i);
		if (rc != SQLITE_OK)
			return shard_error(shard_conn_db(s->conn), rc, err);
	}
	return true;
}

/* A simple Query's statement is done with vm: one whose text serves every statement that
 * differs from it only in constants (xlat_stmt.reusable) stays prepared on the connection,
 * so `pgbench -M simple`'s next select is neither translated nor compiled again. */
static void simple_vm_done(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm)
{
	if (x->reusable && vm)
		shard_conn_stmt_give(s->conn, vm);
	else
		sqlite3_finalize(vm);
}

bool sess_run_simple(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	if (s->copy_out)
		return sess_copy_out_resume(s, err); /* a COPY TO that stopped for its output */
	sqlite3_stmt *vm = s->yield_vm; /* a statement that stopped for its output to drain */
	uint64_t rows = s->yield_rows;
	s->yield_vm = NULL;
	s->yield_rows = 0;
	if (!vm) {
		/* An empty query answers EmptyQueryResponse even in a failed transaction, as
		 * PostgreSQL's simple protocol does (DBD::Pg's ping is a comment-only query). */
		if (!sess_inline_allows(s, x, NULL, err) ||
		    (x->kind != XLAT_EMPTY && !sess_check_allowed(s, x, err)))
			return false;
		if (!sess_rc_before(s, x, err)) /* READ COMMITTED: the newest commits */
			return false;
		if (x->kind != XLAT_SQL)
			return sess_run_utility(s, x, true, err);
		vm = sess_prepare(s, x, err);
		if (!vm) {
			sess_error_locate(s->simple.sql, x, err);
			return false;
		}
		if ((x->nbinds && !bind_consts(s, x, vm, err)) ||
		    (x->nsteps && !sess_modcte_run(s, x, NULL, vm, err))) {
			simple_vm_done(s, x, vm);
			return false;
		}
		sess_write_row_description(s, x, vm, NULL);
	}
	bool suspended;
	bool ok = sess_run_vm(s, x, vm, NULL, 0, &rows, &suspended, err);
	if (ok && s->yielded) {
		s->yield_vm = vm;
		s->yield_rows = rows;
		return true;
	}
	/* A kept statement compiles again on its first step after a schema change; what that
	 * finds missing is located as a failed prepare would be. */
	if (!ok && x->reusable && rows == 0)
		sess_error_locate(s->simple.sql, x, err);
	simple_vm_done(s, x, vm);
	return ok;
}
