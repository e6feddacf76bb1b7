/* SPDX-License-Identifier: Apache-2.0 */
/* sess_copy.c: the COPY sub-protocol. COPY ... TO STDOUT runs its query and sends every row
 * as one CopyData in the chosen format. COPY ... FROM STDIN answers CopyInResponse and moves
 * the session to COPY_IN, where CopyData is parsed as it arrives (rows may span messages) and
 * each row is converted with pgtype's input functions and inserted through one prepared
 * INSERT; CopyDone ends it with "COPY n", CopyFail or any error ends it with an error, and
 * nothing of it is kept (it runs in the current transaction, or an implicit one that commits
 * at the end of the Query or at Sync).
 *
 *   READY --COPY FROM STDIN--> COPY_IN --CopyData--> COPY_IN
 *     ^                          |  CopyDone: CommandComplete
 *     +--------------------------+  CopyFail / bad data / other message: ErrorResponse
 */
#include "session_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copy.h"
#include "pgtype.h"

struct sess_copy {
	bool simple;             /* started by a simple Query: ReadyForQuery follows the end */
	char *rest;              /* statements of that Query after the COPY, run once it ends */
	struct arena *arena;     /* everything below */
	struct arena *row_arena; /* per-row conversions */
	struct copy_opts opts;
	struct copy_parser *parser;
	sqlite3_stmt *insert;
	const char *rel;
	const char **names;
	uint32_t *types;
	int32_t *typmods;
	size_t ncols;
	uint64_t rows;
	bool canceled; /* a CancelRequest arrived while waiting for data */
};

/* The COPY's columns of one table, with their PostgreSQL types. */
struct columns {
	const char **names;
	uint32_t *types;
	int32_t *typmods;
	size_t n;
	const char **all; /* every column of the table, for FORCE_* names */
	size_t nall;
};

/* ---- columns and options ---- */

static bool relation_kind(struct session *s, const char *rel, bool from, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db,
				    "SELECT type FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE "
				    "AND type IN ('table', 'view')",
				    -1, &vm, NULL);
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	sqlite3_bind_text(vm, 1, rel, -1, SQLITE_STATIC);
	rc = sqlite3_step(vm);
	bool view = rc == SQLITE_ROW &&
		    strcmp((const char *)sqlite3_column_text(vm, 0), "view") == 0;
	sqlite3_finalize(vm);
	if (rc == SQLITE_DONE)
		return pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				 rel);
	if (rc != SQLITE_ROW)
		return shard_error(db, rc, err);
	if (view && from)
		return pgerr_set(err, "42809", "cannot copy to view \"%s\"", rel);
	if (view) {
		pgerr_set(err, "42809", "cannot copy from view \"%s\"", rel);
		pgerr_hint(err, "Try the COPY (SELECT ...) TO variant.");
		return false;
	}
	return true;
}

/* Every column SQLite reports for the table: name, declared type, generated or not. */
static bool table_columns(struct session *s, struct arena *a, const char *rel, struct columns *all,
			  bool **generated, struct pgerr *err)
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

/* The columns a COPY reads or writes: the listed ones, else every non-generated column. */
static bool copy_columns(struct session *s, struct arena *a, const struct xlat_copy *cp,
			 struct columns *out, struct pgerr *err)
{
	struct columns all = {0};
	bool *generated = NULL;
	if (!relation_kind(s, cp->table, cp->from, err) ||
	    !table_columns(s, a, cp->table, &all, &generated, err))
		return false;
	size_t n = cp->ncolumns ? cp->ncolumns : all.n;
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
		out->names[out->n] = all.names[k];
		out->types[out->n] = all.types[k];
		out->typmods[out->n++] = all.typmods[k];
	}
	return true;
}

static bool parse_options(const struct xlat_copy *cp, struct arena *a, struct copy_opts *o,
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
		if (!pgtype_encode_binary_typmod(&st->val, f->type_oid, f->typmod, &v, err))
			return false;
	} else {
		pgtype_encode_text_typmod(&st->val, f->type_oid, f->typmod, &v);
	}
	copy_out_value(&s->out, o, (size_t)i, st->val.data ? st->val.data : "", st->val.len);
	return true;
}

/* Steps vm to the end writing one CopyData per row (the binary header rides with the first,
 * as PostgreSQL sends it); *rows counts them. */
static bool copy_rows_out(struct session *s, const struct copy_opts *o, sqlite3_stmt *vm,
			  const struct pgw_field *fields, struct out_state *st, uint64_t *rows,
			  struct pgerr *err)
{
	int n = sqlite3_column_count(vm);
	int64_t cap = s->env->cfg->max_result_bytes;
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
		if (cap > 0 && s->out.len - start > (size_t)cap)
			return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					 "result of this statement exceeds max_result_bytes (%lld "
					 "bytes)",
					 (long long)cap);
	}
	return rc == SQLITE_DONE || shard_error(shard_conn_db(s->conn), rc, err);
}

static bool copy_out_vm(struct session *s, const struct xlat_stmt *x, struct copy_opts *o,
			sqlite3_stmt *vm, const struct columns *cols, struct pgerr *err)
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
	if (!copy_opts_columns(o, &cc, s->msg_arena, err))
		return false;
	size_t mark = s->out.len;
	struct out_state st = {.open = false};
	strbuf_init(&st.val, 0);
	int8_t fmt = o->format == COPY_FORMAT_BINARY ? 1 : 0;
	pgw_be_copy_out_response(&s->out, fmt, (size_t)n);
	if (o->format == COPY_FORMAT_BINARY || o->header) {
		st.msg = pgw_be_copy_data_begin(&s->out);
		copy_out_start(&s->out, o, names, (size_t)n);
		st.open = o->format == COPY_FORMAT_BINARY;
		if (!st.open)
			pgw_be_copy_data_end(&s->out, st.msg);
	}
	uint64_t rows = 0;
	bool ok = copy_rows_out(s, o, vm, fields, &st, &rows, err);
	strbuf_fini(&st.val);
	if (!ok) {
		s->out.len = mark; /* the client hears the error instead of a partial copy */
		return false;
	}
	if (!st.open && o->format == COPY_FORMAT_BINARY)
		st.msg = pgw_be_copy_data_begin(&s->out);
	if (o->format == COPY_FORMAT_BINARY) {
		copy_out_finish(&s->out, o);
		pgw_be_copy_data_end(&s->out, st.msg);
	}
	pgw_be_copy_done(&s->out);
	char tag[32];
	snprintf(tag, sizeof(tag), "COPY %llu", (unsigned long long)rows);
	pgw_be_command_complete(&s->out, tag);
	return true;
}

static void quote_ident(struct strbuf *sb, const char *name)
{
	strbuf_putc(sb, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			strbuf_putc(sb, '"');
		strbuf_putc(sb, *p);
	}
	strbuf_putc(sb, '"');
}

static const char *select_sql(struct session *s, const char *rel, const struct columns *cols)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	for (size_t i = 0; i < cols->n; i++) {
		strbuf_puts(&sb, i ? ", " : "");
		quote_ident(&sb, cols->names[i]);
	}
	strbuf_puts(&sb, " FROM ");
	quote_ident(&sb, rel);
	const char *r = arena_strdup(s->msg_arena, sb.data);
	strbuf_fini(&sb);
	return r;
}

static bool copy_to(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	struct copy_opts o;
	if (!parse_options(x->copy, s->msg_arena, &o, err))
		return false;
	struct xlat_stmt q = *x;
	struct columns cols = {0};
	if (x->copy->table) {
		if (!copy_columns(s, s->msg_arena, x->copy, &cols, err))
			return false;
		q.sql = select_sql(s, x->copy->table, &cols);
	}
	sqlite3_stmt *vm = sess_prepare(s, &q, err);
	if (!vm)
		return false;
	bool ok = copy_out_vm(s, &q, &o, vm, x->copy->table ? &cols : NULL, err);
	sqlite3_finalize(vm);
	return ok;
}

/* ---- COPY FROM STDIN ---- */

static void copy_free(struct sess_copy *c)
{
	if (!c)
		return;
	sqlite3_finalize(c->insert);
	copy_parser_free(c->parser);
	arena_free(c->row_arena);
	arena_free(c->arena);
	free(c->rest);
	free(c);
}

static const char *insert_sql(struct sess_copy *c)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "INSERT INTO ");
	quote_ident(&sb, c->rel);
	strbuf_puts(&sb, " (");
	for (size_t i = 0; i < c->ncols; i++) {
		strbuf_puts(&sb, i ? ", " : "");
		quote_ident(&sb, c->names[i]);
	}
	strbuf_puts(&sb, ") VALUES (");
	for (size_t i = 0; i < c->ncols; i++)
		strbuf_printf(&sb, "%s?%zu", i ? ", " : "", i + 1);
	strbuf_puts(&sb, ")");
	const char *r = arena_strdup(c->arena, sb.data);
	strbuf_fini(&sb);
	return r;
}

/* Columns, options, the INSERT and the parser of a COPY FROM; NULL with err set. */
static struct sess_copy *copy_new(struct session *s, const struct xlat_copy *cp, struct pgerr *err)
{
	struct sess_copy *c = base_xcalloc(1, sizeof(*c));
	struct columns cols = {0};
	c->arena = arena_new(0);
	c->row_arena = arena_new(0);
	c->rel = arena_strdup(c->arena, cp->table);
	bool ok = parse_options(cp, c->arena, &c->opts, err) &&
		  copy_columns(s, c->arena, cp, &cols, err);
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
		c->ncols = cols.n;
		sqlite3 *db = shard_conn_db(s->conn);
		int rc = sqlite3_prepare_v3(db, insert_sql(c), -1, SQLITE_PREPARE_PERSISTENT,
					    &c->insert, NULL);
		ok = rc == SQLITE_OK || shard_error(db, rc, err);
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
	int rc;
	switch (v->kind) {
	case PGTYPE_V_INT:
		rc = sqlite3_bind_int64(vm, i, v->i);
		break;
	case PGTYPE_V_FLOAT:
		rc = sqlite3_bind_double(vm, i, v->f);
		break;
	case PGTYPE_V_TEXT: /* the row's text stays put until the step below */
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

/* varchar(n) and character(n) as their input functions apply the length: characters past n
 * are dropped when they are all spaces, else 22001. */
static bool apply_length(uint32_t type, int32_t typmod, struct pgtype_value *v, struct pgerr *err)
{
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

/* Converts one row's fields with the columns' input functions and inserts it. */
static bool insert_row(struct session *s, struct sess_copy *c, const struct copy_row *row,
		       struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	arena_reset(c->row_arena);
	for (size_t i = 0; i < c->ncols; i++) {
		const struct copy_field *f = &row->fields[i];
		struct pgtype_value v = {.kind = PGTYPE_V_NULL};
		bool ok = true;
		if (f->p && c->opts.format == COPY_FORMAT_BINARY)
			ok = pgtype_decode_binary(c->types[i], (const uint8_t *)f->p, f->n,
						  c->row_arena, &v, err);
		else if (f->p)
			ok = pgtype_decode_text(c->types[i], f->p, f->n, c->row_arena, &v, err);
		if (ok)
			ok = apply_length(c->types[i], c->typmods[i], &v, err);
		if (!ok) {
			copy_context_value(err, &c->opts, c->rel, row->lineno, c->names[i], f->p,
					   f->n);
			return false;
		}
		if (!bind_value(s, c->insert, (int)i + 1, &v))
			return shard_error(db, sqlite3_errcode(db), err);
	}
	int rc = sqlite3_step(c->insert);
	sqlite3_reset(c->insert);
	if (rc != SQLITE_DONE) {
		shard_error(db, rc, err);
		/* Key checks are where PostgreSQL no longer holds the line's text. */
		bool key = strcmp(err->sqlstate, SQLSTATE_UNIQUE_VIOLATION) == 0 ||
			   strcmp(err->sqlstate, SQLSTATE_FOREIGN_KEY_VIOLATION) == 0;
		copy_context_line(err, c->rel, row->lineno, key ? NULL : row->line, row->line_len);
		return false;
	}
	c->rows++;
	return true;
}

/* Inserts every complete row the parser holds; *done when the data has ended. */
static bool pump(struct session *s, struct sess_copy *c, bool *done, struct pgerr *err)
{
	struct copy_row row;
	*done = false;
	for (;;) {
		switch (copy_parser_next(c->parser, &row, err)) {
		case COPY_NEXT_ROW:
			if (!insert_row(s, c, &row, err))
				return false;
			continue;
		case COPY_NEXT_MORE:
			return true;
		case COPY_NEXT_DONE:
			*done = true;
			return true;
		case COPY_NEXT_ERROR:
			return false;
		}
	}
}

/* The COPY is over (either way): back to READY; a simple Query then runs what followed the
 * COPY in it, or ends its implicit transaction and says ReadyForQuery. */
static void finish(struct session *s, const struct pgerr *err)
{
	struct sess_copy *c = s->copy;
	s->copy = NULL;
	s->state = SESS_READY;
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
		if (!err && !sess_txn_implicit_end(s, &e2))
			sess_report_error(s, &e2);
		if (s->state != SESS_CLOSING)
			pgw_be_ready(&s->out, sess_status_char(s));
	}
	free(rest);
}

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
	char tag[32];
	snprintf(tag, sizeof(tag), "COPY %llu", (unsigned long long)s->copy->rows);
	pgw_be_command_complete(&s->out, tag);
	finish(s, NULL);
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

void sess_copy_cancel(struct session *s)
{
	if (s->copy)
		s->copy->canceled = true;
}

void sess_copy_input(struct session *s, const struct pgw_msg *m)
{
	struct pgerr err;
	if (s->copy->canceled && (m->type == PGW_FE_COPY_DATA || m->type == PGW_FE_COPY_DONE)) {
		pgerr_set(&err, SQLSTATE_QUERY_CANCELED, "canceling statement due to user request");
		copy_context_line(&err, s->copy->rel, copy_parser_lineno(s->copy->parser), NULL, 0);
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

bool sess_copy_start(struct session *s, const struct xlat_stmt *x, bool simple, struct pgerr *err)
{
	if (!x->copy->from)
		return copy_to(s, x, err);
	if (!sess_txn_implicit_begin(s, err))
		return false;
	struct sess_copy *c = copy_new(s, x->copy, err);
	if (!c)
		return false;
	c->simple = simple;
	s->copy = c;
	s->state = SESS_COPY_IN;
	pgw_be_copy_in_response(&s->out, c->opts.format == COPY_FORMAT_BINARY ? 1 : 0, c->ncols);
	return true;
}
