/* SPDX-License-Identifier: Apache-2.0 */
/* sess_copy.c: the COPY sub-protocol's common part and COPY TO STDOUT — a COPY's columns
 * (the table's non-generated columns, or the listed ones, with their PostgreSQL types) and
 * options, then the rows of the table or query sent as one CopyData each in the chosen
 * format. COPY FROM STDIN lives in sess_copy_in.c. */
#include "session_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copy.h"
#include "pgtype.h"

/* ---- columns and options ---- */

/* Whether view rel has an INSTEAD OF INSERT row trigger (the sidecar of xlat_trigger.c; 4 is
 * PostgreSQL's TRIGGER_TYPE_INSERT bit; disabled ones count, as in PostgreSQL's trigdesc),
 * which lets COPY FROM insert into it. */
static bool view_insertable(struct session *s, const char *rel)
{
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(shard_conn_db(s->conn),
			       "SELECT 1 FROM main._shardlite_triggers WHERE table_name = ?1 "
			       "COLLATE NOCASE AND timing = 'INSTEAD OF' AND events & 4",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, rel, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm); /* no sidecar: no trigger yet */
	return found;
}

enum rel_kind { REL_MISSING, REL_TABLE, REL_VIEW, REL_MATVIEW, REL_PARTITION };

/* What rel is: a temporary table first, as SQLite and PostgreSQL resolve the name; a
 * materialized view is a table whose SQL carries the mark (sess_matview.c). */
static bool rel_kind(struct session *s, const char *rel, enum rel_kind *kind, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(
		db,
		"SELECT type = 'view', type = 'table' AND instr(sql, '" CATALOG_MATVIEW_MARK
		"'), type = 'view' AND instr(sql, '" CATALOG_PARTITION_MARK "') FROM (SELECT 0 AS o, type, name, sql FROM temp.sqlite_schema "
		"UNION ALL SELECT 1, type, name, sql FROM main.sqlite_schema) WHERE "
		"name = ?1 COLLATE NOCASE AND type IN ('table', 'view') ORDER BY o "
		"LIMIT 1",
		-1, &vm, NULL);
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	sqlite3_bind_text(vm, 1, rel, -1, SQLITE_STATIC);
	rc = sqlite3_step(vm);
	*kind = rc != SQLITE_ROW            ? REL_MISSING
		: sqlite3_column_int(vm, 2) ? REL_PARTITION
		: sqlite3_column_int(vm, 0) ? REL_VIEW
		: sqlite3_column_int(vm, 1) ? REL_MATVIEW
					    : REL_TABLE;
	sqlite3_finalize(vm);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : shard_error(db, rc, err);
}

/* The checks PostgreSQL's BeginCopyTo/BeginCopyFrom make of the relation, before the copy
 * response: it exists, and COPY TO reads a table. COPY FROM's target is checked once the
 * client is sending (sess_copy_target_ok). */
static bool relation_kind(struct session *s, const char *rel, bool from, struct pgerr *err)
{
	enum rel_kind kind;
	if (!rel_kind(s, rel, &kind, err))
		return false;
	if (kind == REL_MISSING)
		return pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				 rel);
	/* a partition is a view over the partitioned table that reads and takes its rows
	 * (an INSTEAD OF INSERT trigger of its own, catalog_part.c): copied as a table */
	if (!from && kind != REL_TABLE && kind != REL_PARTITION) {
		pgerr_set(err, "42809", "cannot copy from %s \"%s\"",
			  kind == REL_VIEW ? "view" : "materialized view", rel);
		pgerr_hint(err, "Try the COPY (SELECT ...) TO variant.");
		return false;
	}
	return true;
}

bool sess_copy_target_ok(struct session *s, const char *rel, bool *table, struct pgerr *err)
{
	enum rel_kind kind;
	*table = false;
	if (!rel_kind(s, rel, &kind, err))
		return false;
	*table = kind == REL_TABLE;
	if (kind == REL_VIEW && !view_insertable(s, rel)) {
		pgerr_set(err, "42809", "cannot copy to view \"%s\"", rel);
		pgerr_hint(err,
			   "To enable copying to a view, provide an INSTEAD OF INSERT trigger.");
		return false;
	}
	if (kind == REL_MATVIEW)
		return pgerr_set(err, "42809", "cannot copy to materialized view \"%s\"", rel);
	return true;
}

/* Every column SQLite reports for the table: name, declared type, generated or not. */
static bool table_columns(struct session *s, struct arena *a, const char *rel,
			  struct sess_copy_cols *all, bool **generated, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT name, type, hidden FROM pragma_table_xinfo(?1)", -1,
				    &vm, NULL);
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	sqlite3_bind_text(vm, 1, rel, -1, SQLITE_STATIC);
	size_t cap = 16;
	all->n = 0;
	all->names = arena_alloc(a, cap * sizeof(char *));
	all->types = arena_alloc(a, cap * sizeof(uint32_t));
	all->typmods = arena_alloc(a, cap * sizeof(int32_t));
	*generated = arena_alloc(a, cap);
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		if (sqlite3_column_int(vm, 2) == 1)
			continue; /* a virtual table's hidden column */
		if (all->n == cap) {
			cap *= 2;
			const char **nn = arena_alloc(a, cap * sizeof(char *));
			uint32_t *nt = arena_alloc(a, cap * sizeof(uint32_t));
			int32_t *nm = arena_alloc(a, cap * sizeof(int32_t));
			bool *ng = arena_alloc(a, cap);
			memcpy(nn, all->names, all->n * sizeof(char *));
			memcpy(nt, all->types, all->n * sizeof(uint32_t));
			memcpy(nm, all->typmods, all->n * sizeof(int32_t));
			memcpy(ng, *generated, all->n);
			all->names = nn, all->types = nt, all->typmods = nm, *generated = ng;
		}
		all->names[all->n] = arena_strdup(a, (const char *)sqlite3_column_text(vm, 0));
		all->types[all->n] = pgtype_from_decl((const char *)sqlite3_column_text(vm, 1),
						      &all->typmods[all->n]);
		(*generated)[all->n] = sqlite3_column_int(vm, 2) >= 2;
		all->n++;
	}
	sqlite3_finalize(vm);
	return rc == SQLITE_DONE || shard_error(db, rc, err);
}

/* The table's serial key (or plain key stored as the rowid, *plain) as the catalog knows it
 * (its SQLite declared type INTEGER reads as bigint): its PostgreSQL type replaces the
 * declared one, and out learns its name. */
static void serial_key(struct session *s, const char *rel, struct sess_copy_cols *all,
		       struct sess_copy_cols *out, const char **plain)
{
	*plain = NULL;
	if (!sess_types(s))
		return;
	const struct catalog_relation *r = sess_types_relation(s, rel);
	for (size_t i = 0; r && i < r->ncols && i < all->n; i++) {
		if ((!r->cols[i].rowid_seq && !r->cols[i].rowid_key) ||
		    strcmp(r->cols[i].name, all->names[i]) != 0)
			continue;
		all->types[i] = r->cols[i].type_oid;
		if (r->cols[i].rowid_key) { /* a NULL into it is 23502 as well; nothing numbers it */
			*plain = out->serial_col = all->names[i];
			continue;
		}
		out->serial_col = all->names[i];
		out->numbered_seq = r->cols[i].rowid_seq;
		out->numbered_max = r->cols[i].type_oid == PGTYPE_INT2   ? INT16_MAX
				    : r->cols[i].type_oid == PGTYPE_INT4 ? INT32_MAX
									 : 0;
	}
}

/* The columns a COPY reads or writes: the listed ones, else every non-generated column. */
bool sess_copy_columns(struct session *s, struct arena *a, const struct xlat_copy *cp,
		       struct sess_copy_cols *out, struct pgerr *err)
{
	struct sess_copy_cols all = {0};
	bool *generated = NULL;
	if (!relation_kind(s, cp->table, cp->from, err) ||
	    !table_columns(s, a, cp->table, &all, &generated, err))
		return false;
	size_t n = cp->ncolumns ? cp->ncolumns : all.n;
	const char *plain = NULL;
	out->serial_col = out->numbered_seq = NULL;
	serial_key(s, cp->table, &all, out, &plain);
	out->key_left_out = plain; /* until the column list names it */
	out->all = all.names;
	out->nall = all.n;
	out->names = arena_alloc(a, (n ? n : 1) * sizeof(char *));
	out->types = arena_alloc(a, (n ? n : 1) * sizeof(uint32_t));
	out->typmods = arena_alloc(a, (n ? n : 1) * sizeof(int32_t));
	out->n = 0;
	for (size_t i = 0; i < (cp->ncolumns ? cp->ncolumns : all.n); i++) {
		size_t k = i;
		if (cp->ncolumns) {
			for (k = 0; k < all.n && strcmp(all.names[k], cp->columns[i]) != 0; k++)
				;
			if (k == all.n)
				return pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN,
						 "column \"%s\" of relation \"%s\" does not exist",
						 cp->columns[i], cp->table);
			for (size_t j = 0; j < i; j++)
				if (strcmp(cp->columns[j], cp->columns[i]) == 0)
					return pgerr_set(err, "42701",
							 "column \"%s\" specified more than once",
							 cp->columns[i]);
			if (generated[k]) {
				pgerr_set(err, "42P10", "column \"%s\" is a generated column",
					  all.names[k]);
				pgerr_detail(err, "Generated columns cannot be used in COPY.");
				return false;
			}
		} else if (generated[k]) {
			continue;
		}
		if (all.names[k] == out->serial_col)
			out->numbered_seq = NULL; /* given, not numbered */
		if (all.names[k] == plain)
			out->key_left_out = NULL;
		out->names[out->n] = all.names[k];
		out->types[out->n] = all.types[k];
		out->typmods[out->n++] = all.typmods[k];
	}
	return true;
}

bool sess_copy_options(const struct xlat_copy *cp, struct arena *a, struct copy_opts *o,
		       struct pgerr *err)
{
	struct copy_option *v = arena_zalloc(a, (cp->nopts ? cp->nopts : 1) * sizeof(*v));
	for (size_t i = 0; i < cp->nopts; i++) {
		const struct xlat_copy_opt *x = &cp->opts[i];
		v[i].name = arena_strdup(a, x->name);
		v[i].kind = (enum copy_arg)x->kind;
		v[i].value = x->value ? arena_strdup(a, x->value) : NULL;
		const char **list = arena_alloc(a, (x->nlist ? x->nlist : 1) * sizeof(char *));
		for (size_t k = 0; k < x->nlist; k++)
			list[k] = arena_strdup(a, x->list[k]);
		v[i].list = list;
		v[i].nlist = x->nlist;
		v[i].position = x->position;
	}
	return copy_opts_parse(o, cp->from, v, cp->nopts, a, err);
}

/* ---- COPY TO STDOUT ---- */

struct out_state {
	struct strbuf val; /* one value's text or binary form */
	size_t msg;        /* the open CopyData message */
	bool open;
};

static bool write_value(struct session *s, const struct copy_opts *o, struct out_state *st,
			sqlite3_stmt *vm, const struct pgw_field *f, int i, struct pgerr *err)
{
	struct pgtype_value v;
	sess_column_value(vm, i, &v);
	if (v.kind == PGTYPE_V_NULL) {
		copy_out_null(&s->out, o, (size_t)i);
		return true;
	}
	strbuf_reset(&st->val);
	if (o->format == COPY_FORMAT_BINARY) {
		/* as a binary result column: an enum its label, a row type record_send's form */
		uint32_t type = sess_types_wire(s, f->type_oid);
		bool row = type >= CATALOG_OID_MIN && sess_types_rowtype(s, type);
		if (!(row ? sess_record_send(s, type, &v, &st->val, err)
			  : pgtype_encode_binary_typmod(&st->val, type, f->typmod, &v, err)))
			return false;
		if (type == PGTYPE_TEXT_ARRAY && f->type_oid != type)
			sess_types_array_elem(s, f->type_oid, &st->val, 0);
	} else {
		pgtype_encode_text_styled(&st->val, f->type_oid, f->typmod, s->dt.tz, &s->dt.datestyle,
					  &v);
	}
	copy_out_value(&s->out, o, (size_t)i, st->val.data ? st->val.data : "", st->val.len);
	return true;
}

/* A COPY TO under way: what its rows need, kept across jobs when the COPY stops for its
 * output to drain (s->copy_out); the arena is the message's msg_arena, which a stopped Query
 * or Execute keeps. */
struct sess_copy_out {
	sqlite3_stmt *vm;
	struct copy_opts o;
	struct pgw_field *fields;
	struct out_state st;
	uint64_t rows;
};

/* Steps vm writing one CopyData per row (the binary header rides with the first, as
 * PostgreSQL sends it) to the end, or until SESS_YIELD_BYTES of output wait (s->yielded): the
 * Query or Execute then resumes the copy once the client has read them. */
static bool copy_rows_out(struct session *s, struct sess_copy_out *co, struct pgerr *err)
{
	const struct copy_opts *o = &co->o;
	sqlite3_stmt *vm = co->vm;
	const struct pgw_field *fields = co->fields;
	struct out_state *st = &co->st;
	uint64_t *rows = &co->rows;
	int n = sqlite3_column_count(vm);
	int64_t cap = s->cfg->max_result_bytes;
	size_t start = s->out.len;
	int rc;
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		if (!st->open)
			st->msg = pgw_be_copy_data_begin(&s->out);
		copy_out_row_begin(&s->out, o);
		for (int i = 0; i < n; i++) {
			if (!write_value(s, o, st, vm, &fields[i], i, err))
				return false;
		}
		copy_out_row_end(&s->out, o);
		pgw_be_copy_data_end(&s->out, st->msg);
		st->open = false;
		(*rows)++;
		if (s->out.len >= SESS_YIELD_BYTES) {
			s->yielded = true;
			return true;
		}
		if (cap > 0 && s->out.len - start > (size_t)cap)
			return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					 "result of this statement exceeds max_result_bytes (%lld "
					 "bytes)",
					 (long long)cap);
	}
	return rc == SQLITE_DONE || shard_error(shard_conn_db(s->conn), rc, err);
}

static bool copy_out_continue(struct session *s, struct sess_copy_out *co, struct pgerr *err);

/* Starts a COPY TO on vm, which it owns from here on (finalized when the copy ends). */
static bool copy_out_vm(struct session *s, const struct xlat_stmt *x, struct copy_opts *o,
			sqlite3_stmt *vm, const struct sess_copy_cols *cols, struct pgerr *err)
{
	int n = sqlite3_column_count(vm);
	struct pgw_field *fields = arena_alloc(s->msg_arena, sizeof(*fields) * (size_t)(n ? n : 1));
	const char **names = arena_alloc(s->msg_arena, sizeof(char *) * (size_t)(n ? n : 1));
	sess_describe_columns(s, x, vm, NULL, fields);
	for (int i = 0; i < n; i++)
		names[i] = fields[i].name;
	struct copy_columns cc = {.names = names, .n = (size_t)n, .all = names, .nall = (size_t)n};
	if (cols) {
		cc.all = cols->all;
		cc.nall = cols->nall;
		cc.rel = x->copy->table;
	}
	if (!copy_opts_columns(o, &cc, s->msg_arena, err)) {
		sqlite3_finalize(vm);
		return false;
	}
	struct sess_copy_out *co = arena_zalloc(s->msg_arena, sizeof(*co));
	co->vm = vm;
	co->o = *o;
	co->fields = fields;
	strbuf_init(&co->st.val, 0);
	size_t mark = s->out.len;
	int8_t fmt = o->format == COPY_FORMAT_BINARY ? 1 : 0;
	pgw_be_copy_out_response(&s->out, fmt, (size_t)n);
	if (o->format == COPY_FORMAT_BINARY || o->header) {
		co->st.msg = pgw_be_copy_data_begin(&s->out);
		copy_out_start(&s->out, o, names, (size_t)n);
		co->st.open = o->format == COPY_FORMAT_BINARY;
		if (!co->st.open)
			pgw_be_copy_data_end(&s->out, co->st.msg);
	}
	if (!copy_out_continue(s, co, err)) {
		s->out.len = mark; /* nothing was sent yet: the client hears only the error */
		return false;
	}
	return true;
}

static void copy_out_end(struct sess_copy_out *co)
{
	sqlite3_finalize(co->vm);
	strbuf_fini(&co->st.val);
}

/* Rows until the end (then the trailer, CopyDone and the tag) or until the output must
 * drain (then co waits in s->copy_out for the next job). Frees co's resources unless it
 * waits. */
static bool copy_out_continue(struct session *s, struct sess_copy_out *co, struct pgerr *err)
{
	const struct copy_opts *o = &co->o;
	s->copy_out = NULL;
	if (!copy_rows_out(s, co, err)) {
		copy_out_end(co);
		return false;
	}
	if (s->yielded) {
		s->copy_out = co;
		return true;
	}
	if (!co->st.open && o->format == COPY_FORMAT_BINARY)
		co->st.msg = pgw_be_copy_data_begin(&s->out);
	if (o->format == COPY_FORMAT_BINARY) {
		copy_out_finish(&s->out, o);
		pgw_be_copy_data_end(&s->out, co->st.msg);
	}
	pgw_be_copy_done(&s->out);
	char tag[32];
	snprintf(tag, sizeof(tag), "COPY %llu", (unsigned long long)co->rows);
	pgw_be_command_complete(&s->out, tag);
	copy_out_end(co);
	return true;
}

bool sess_copy_out_resume(struct session *s, struct pgerr *err)
{
	return copy_out_continue(s, s->copy_out, err);
}

void sess_copy_out_free(struct session *s)
{
	if (s->copy_out)
		copy_out_end(s->copy_out);
	s->copy_out = NULL;
}

static const char *select_sql(struct session *s, const char *rel, const struct sess_copy_cols *cols)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	for (size_t i = 0; i < cols->n; i++) {
		strbuf_puts(&sb, i ? ", " : "");
		strbuf_put_quoted(&sb, cols->names[i], '"');
	}
	strbuf_puts(&sb, " FROM ");
	strbuf_put_quoted(&sb, rel, '"');
	/* PostgreSQL's COPY of a table reads the heap, rows in the order they went in; SQLite
	 * would read a covering index instead (a column list of indexed columns), in its order */
	strbuf_puts(&sb, " NOT INDEXED");
	const char *r = arena_strdup(s->msg_arena, sb.data);
	strbuf_fini(&sb);
	return r;
}

static bool copy_to(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	struct copy_opts o;
	if (!sess_copy_options(x->copy, s->msg_arena, &o, err))
		return false;
	struct xlat_stmt q = *x;
	struct sess_copy_cols cols = {0};
	if (x->copy->table) {
		if (!sess_copy_columns(s, s->msg_arena, x->copy, &cols, err))
			return false;
		q.sql = select_sql(s, x->copy->table, &cols);
	}
	sqlite3_stmt *vm = sess_prepare(s, &q, err);
	if (!vm)
		return false;
	return copy_out_vm(s, &q, &o, vm, x->copy->table ? &cols : NULL, err);
}

bool sess_copy_start(struct session *s, const struct xlat_stmt *x, bool simple, struct pgerr *err)
{
	return x->copy->from ? sess_copy_in_start(s, x, simple, err) : copy_to(s, x, err);
}
