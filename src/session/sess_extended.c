/* SPDX-License-Identifier: Apache-2.0 */
/* sess_extended.c: the extended query protocol — Parse, Bind, Describe, Execute, Close, Sync —
 * with named and unnamed prepared statements and portals. Statements live for the session;
 * portals end with their transaction, as in PostgreSQL. */
#include "session_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pgtype.h"

#define MAX_PARAMS 65535

/* An error in extended mode also discards messages up to the next Sync. */
static void ext_error(struct session *s, const struct pgerr *err)
{
	if (s->punted)
		return; /* runs again on a worker (sess_inline.c) */
	sess_report_error(s, err);
	if (s->state == SESS_READY)
		s->state = SESS_SKIP_TO_SYNC;
}

/* ---- statements ---- */

void sess_stmt_unref(struct sess_stmt *st)
{
	if (!st || --st->refs > 0)
		return;
	sqlite3_finalize(st->vm);
	arena_free(st->arena);
	free(st->rowdesc);
	free(st->shape);
	free(st->spare_portal);
	free(st->name);
	free(st);
}

static struct sess_stmt *find_stmt(struct session *s, const char *name)
{
	if (!name[0])
		return s->unnamed;
	for (struct sess_stmt *st = s->stmts; st; st = st->next)
		if (strcmp(st->name, name) == 0)
			return st;
	return NULL;
}

static void unlink_stmt(struct session *s, const char *name)
{
	if (!name[0]) {
		sess_stmt_unref(s->unnamed);
		s->unnamed = NULL;
		return;
	}
	for (struct sess_stmt **pp = &s->stmts; *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->name, name) == 0) {
			struct sess_stmt *st = *pp;
			*pp = st->next;
			sess_stmt_unref(st);
			return;
		}
	}
}

/* Resolves every parameter's type: the client's, else the translator's inference, else text
 * (the type PostgreSQL gives an unknown-typed parameter in most positions). */
static bool resolve_params(struct sess_stmt *st, const struct pgw_parse *p, struct pgerr *err)
{
	int n = st->x ? st->x->nparams : 0;
	if (p->nparam_types > n)
		n = p->nparam_types;
	if (n > MAX_PARAMS)
		return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "number of parameters must be between 0 and %d", MAX_PARAMS);
	st->nparams = n;
	st->param_types = arena_zalloc(st->arena, sizeof(uint32_t) * (size_t)(n ? n : 1));
	for (int i = 0; i < n; i++) {
		uint32_t t = i < p->nparam_types ? p->param_types[i] : 0;
		if (!t && st->x && i < st->x->nparams)
			t = st->x->param_types[i];
		st->param_types[i] = t ? t : PGTYPE_TEXT;
	}
	return true;
}

static struct sess_stmt *build_stmt(struct session *s, const struct pgw_parse *p,
				    struct pgerr *err)
{
	struct sess_stmt *st = base_xcalloc(1, sizeof(*st));
	st->name = base_xstrdup(p->name);
	st->arena = arena_new(0);
	st->refs = 1;
	st->sql = arena_strdup(st->arena, p->sql);
	st->prepared_us = shard_now_us();
	struct xlat_stmt *xs = NULL;
	size_t n = 0;
	struct xlat_env env;
	char search[SHARD_TENANT_MAX + 1];
	sess_schema_env(s, &env, search);
	env.aborted = s->txn == SESS_TXN_FAILED; /* 25P02 before any analysis, as PostgreSQL */
	bool ok = xlat_translate_in(&env, st->sql, p->param_types, p->nparam_types, st->arena, &xs,
				    &n, err);
	if (ok)
		sess_types_saw(s, xs, n);
	if (ok && n > 1)
		ok = pgerr_set(err, SQLSTATE_SYNTAX_ERROR,
			       "cannot insert multiple commands into a prepared statement");
	if (ok && n == 1 && xs[0].kind != XLAT_EMPTY)
		st->x = &xs[0];
	if (ok && st->x)
		ok = sess_check_not_aborted(s, st->x, err);
	if (ok)
		ok = resolve_params(st, p, err);
	if (ok && st->x && st->x->kind == XLAT_SQL) {
		st->vm = sess_prepare(s, st->x, err);
		ok = st->vm != NULL;
		if (!ok)
			sess_error_locate(st->sql, st->x, err);
	}
	if (!ok) {
		sess_stmt_unref(st);
		return NULL;
	}
	sess_stmt_keep_shape(s, st, env.schema ? env.schema->fingerprint : 0);
	return st;
}

bool sess_ext_prepare(struct session *s, const char *name, const char *sql,
		      const uint32_t *types, size_t ntypes, struct pgerr *err)
{
	if (find_stmt(s, name))
		return pgerr_set(err, SQLSTATE_DUPLICATE_PSTATEMENT,
				 "prepared statement \"%s\" already exists", name);
	if (ntypes > MAX_PARAMS)
		return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "too many parameters");
	struct pgw_parse p = {.name = name, .sql = sql, .nparam_types = (uint16_t)ntypes,
			      .param_types = (uint32_t *)types};
	struct sess_stmt *st = build_stmt(s, &p, err);
	if (!st)
		return false;
	st->from_sql = true;
	/* PostgreSQL shows the whole Query string that held the PREPARE, as pg_cursors does */
	st->shown = arena_strdup(st->arena, s->activity_query ? s->activity_query : sql);
	st->next = s->stmts;
	s->stmts = st;
	return true;
}

struct sess_stmt *sess_ext_find(struct session *s, const char *name)
{
	return name && name[0] ? find_stmt(s, name) : NULL;
}

void sess_ext_parse(struct session *s, const struct pgw_msg *m)
{
	struct pgw_parse p;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgw_fe_parse(m, s->msg_arena, &p, &err)) {
		ext_error(s, &err);
		return;
	}
	if (p.name[0] && find_stmt(s, p.name)) {
		pgerr_set(&err, SQLSTATE_DUPLICATE_PSTATEMENT,
			  "prepared statement \"%s\" already exists", p.name);
		ext_error(s, &err);
		return;
	}
	sess_types_block_start(s);
	struct sess_stmt *st = build_stmt(s, &p, &err);
	if (!st) {
		ext_error(s, &err);
		return;
	}
	if (!p.name[0]) {
		sess_stmt_unref(s->unnamed);
		s->unnamed = st;
	} else {
		st->next = s->stmts;
		s->stmts = st;
	}
	pgw_be_parse_complete(&s->out);
}

/* ---- portals ---- */

static struct sess_portal *find_portal(struct session *s, const char *name)
{
	for (struct sess_portal *p = s->portals; p; p = p->next)
		if (strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

bool sess_ext_portal_move(struct session *s, const char *name, int64_t count, uint64_t *moved,
			  bool *found, struct pgerr *err)
{
	struct sess_portal *p = find_portal(s, name);
	*moved = 0;
	*found = p && p->vm;
	if (!*found)
		return true;
	p->started = true;
	while (!p->done && (int64_t)*moved < count) {
		int rc = sqlite3_step(p->vm);
		if (rc == SQLITE_DONE) {
			p->done = true;
			break;
		}
		if (rc != SQLITE_ROW)
			return shard_error(shard_conn_db(s->conn), rc, err);
		(*moved)++;
		p->rows++;
	}
	return true;
}

static void portal_free(struct sess_portal *p)
{
	if (p->vm_borrowed) {
		sqlite3_reset(p->vm);
		sqlite3_clear_bindings(p->vm);
		p->stmt->vm_lent = false;
	} else {
		sqlite3_finalize(p->vm);
	}
	if (p->steps)
		sess_modcte_finalize(p->steps, p->stmt->x->nsteps);
	free(p->steps);
	if (p->formats != p->formats_inline)
		free(p->formats);
	struct sess_stmt *st = p->stmt;
	if (!p->name[0] && !st->spare_portal)
		st->spare_portal = p; /* freed with the statement */
	else
		free(p); /* and its name */
	sess_stmt_unref(st);
}

static void drop_portal(struct session *s, const char *name)
{
	for (struct sess_portal **pp = &s->portals; *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->name, name) == 0) {
			struct sess_portal *p = *pp;
			*pp = p->next;
			portal_free(p);
			return;
		}
	}
}

static void drop_all_portals(struct session *s)
{
	while (s->portals) {
		struct sess_portal *p = s->portals;
		s->portals = p->next;
		portal_free(p);
	}
}

static void drop_named_stmts(struct session *s)
{
	while (s->stmts) {
		struct sess_stmt *st = s->stmts;
		s->stmts = st->next;
		sess_stmt_unref(st);
	}
}

bool sess_ext_deallocate(struct session *s, const char *name, struct pgerr *err)
{
	if (!name) {
		drop_named_stmts(s);
		return true;
	}
	/* the unnamed statement is no prepared statement to DEALLOCATE "" */
	if (!name[0] || !find_stmt(s, name))
		return pgerr_set(err, SQLSTATE_INVALID_SQL_STATEMENT_NAME,
				 "prepared statement \"%s\" does not exist", name);
	unlink_stmt(s, name);
	return true;
}

void sess_ext_free_all(struct session *s)
{
	drop_all_portals(s);
	sess_cursor_free_all(s); /* DISCARD ALL closes them too */
	drop_named_stmts(s);
	sess_stmt_unref(s->unnamed);
	s->unnamed = NULL;
}

static bool portal_formats(struct sess_portal *p, const struct pgw_bind *b, struct pgerr *err)
{
	if (b->nresult_formats > 1 && b->nresult_formats != p->ncols)
		return pgerr_set(err, SQLSTATE_PROTOCOL_VIOLATION,
				 "bind message has %u result formats but query has %d columns",
				 b->nresult_formats, p->ncols);
	p->formats = p->ncols <= SESS_PORTAL_INLINE_FORMATS
			     ? p->formats_inline
			     : base_xcalloc((size_t)p->ncols, sizeof(int16_t));
	p->format = b->nresult_formats == 1 ? pgw_result_format(1, b->result_formats, 0) : 0;
	for (int i = 0; i < p->ncols; i++) {
		p->formats[i] = pgw_result_format(b->nresult_formats, b->result_formats, (size_t)i);
		if (p->formats[i] != 0 && p->formats[i] != 1)
			return pgerr_set(err, SQLSTATE_PROTOCOL_VIOLATION,
					 "unsupported format code: %d", p->formats[i]);
	}
	return true;
}

static struct sess_portal *build_portal(struct session *s, struct sess_stmt *st,
					const struct pgw_bind *b, struct pgerr *err)
{
	/* One allocation for the portal and its name, and its formats when few: a portal is
	 * made and dropped by every Bind ... Sync. */
	size_t nlen = strlen(b->portal) + 1;
	struct sess_portal *p = st->spare_portal;
	if (nlen == 1 && p) {
		st->spare_portal = NULL;
		memset(p, 0, sizeof(*p) + 1);
	} else {
		p = base_xcalloc(1, sizeof(*p) + nlen);
	}
	p->name = memcpy((char *)(p + 1), b->portal, nlen);
	p->stmt = st;
	st->refs++;
	bool ok = sess_stmt_vm(s, st, err);
	if (ok && st->vm && !st->vm_lent) {
		p->vm = st->vm;
		p->vm_borrowed = true;
		st->vm_lent = true;
	} else if (ok && st->x && st->x->kind == XLAT_SQL) {
		p->vm = sess_prepare(s, st->x, err);
		ok = p->vm != NULL;
	} else if (ok && st->x && st->x->kind == XLAT_CURSOR && st->x->nparams > 0 &&
		   st->x->cursor->op == XLAT_CUR_DECLARE) {
		/* DECLARE ... FOR SELECT ... $1: the query bound with these values; the cursor
		 * takes it at Execute (psycopg 3's named cursors with parameters) */
		p->vm = sess_prepare(s, st->x, err);
		ok = p->vm != NULL;
	} else if (ok && st->x && st->x->kind == XLAT_EXPLAIN && st->x->explain_analyze) {
		struct xlat_stmt run = *st->x; /* EXPLAIN ANALYZE runs it with these values */
		run.kind = XLAT_SQL;
		p->vm = sess_prepare(s, &run, err);
		ok = p->vm != NULL;
	}
	p->ncols = p->vm && st->x->kind == XLAT_SQL ? sess_ncols(st->x, p->vm) : 0;
	if (ok)
		ok = portal_formats(p, b, err);
	if (ok && p->vm)
		ok = sess_bind_params(s, st, p->vm, b, err);
	if (ok && p->vm && st->x->nsteps) {
		p->steps = base_xcalloc(st->x->nsteps, sizeof(*p->steps));
		ok = sess_modcte_prepare(s, st->x, p->steps, err);
		for (size_t k = 0; ok && k < st->x->nsteps; k++)
			ok = sess_bind_params(s, st, p->steps[k], b, err);
	}
	else if (ok && b->nparams != st->nparams)
		ok = pgerr_set(err, SQLSTATE_PROTOCOL_VIOLATION,
			       "bind message supplies %u parameters, but prepared statement "
			       "\"%s\" requires %d",
			       b->nparams, st->name, st->nparams);
	if (!ok) {
		portal_free(p);
		return NULL;
	}
	return p;
}

void sess_ext_bind(struct session *s, const struct pgw_msg *m)
{
	struct pgw_bind b;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgw_fe_bind(m, s->msg_arena, &b, &err)) {
		ext_error(s, &err);
		return;
	}
	struct sess_stmt *st = find_stmt(s, b.statement);
	if (!st) {
		if (b.statement[0])
			pgerr_set(&err, SQLSTATE_INVALID_SQL_STATEMENT_NAME,
				  "prepared statement \"%s\" does not exist", b.statement);
		else
			pgerr_set(&err, SQLSTATE_INVALID_SQL_STATEMENT_NAME,
				  "unnamed prepared statement does not exist");
		ext_error(s, &err);
		return;
	}
	if (st->x && !sess_check_allowed(s, st->x, &err)) {
		ext_error(s, &err);
		return;
	}
	if (b.portal[0] && find_portal(s, b.portal)) {
		pgerr_set(&err, SQLSTATE_DUPLICATE_CURSOR, "cursor \"%s\" already exists", b.portal);
		ext_error(s, &err);
		return;
	}
	if (!b.portal[0])
		drop_portal(s, "");
	if (!sess_stmt_revalidate(s, st, &err)) {
		ext_error(s, &err);
		return;
	}
	if (sess_hub_describe_bound(s, st->x, &b, &err) < 0) {
		ext_error(s, &err);
		return;
	}
	struct sess_portal *p = build_portal(s, st, &b, &err);
	if (!p) {
		ext_error(s, &err);
		return;
	}
	p->next = s->portals;
	s->portals = p;
	st->runs++;
	pgw_be_bind_complete(&s->out);
}

/* ---- Describe, Execute, Close, Sync ---- */

static bool describe_rows(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
			  const int16_t *formats, int16_t format, struct pgerr *err)
{
	if (x && x->kind == XLAT_SHOW)
		return sess_guc_describe(s, x->set_name, err);
	if (x && x->kind == XLAT_EXPLAIN) {
		sess_explain_describe(s, x);
		return true;
	}
	if (x && x->kind == XLAT_CURSOR) {
		sess_cursor_describe(s, x, format);
		return true;
	}
	if (vm && (sess_ncols(x, vm) > 0 || (x && x->no_columns)))
		sess_write_row_description(s, x, vm, formats);
	else
		pgw_be_no_data(&s->out);
	return true;
}

/* A statement's RowDescription as its portals last sent it: libpq describes the portal before
 * every execution (pgbench -M prepared does three messages of work and this one), and the
 * bytes change only with the result formats or the schema, so they are sent again as they
 * are while the formats match and no DDL ran since (sess_types_unchanged). One allocation:
 * the formats, then the message. */
struct sess_rowdesc {
	uint64_t epoch;
	int ncols;
	size_t len;
	int16_t formats[];
};

static const char *rowdesc_bytes(const struct sess_rowdesc *rd)
{
	return (const char *)(rd->formats + rd->ncols);
}

static bool rowdesc_matches(struct session *s, const struct sess_rowdesc *rd,
			    const struct sess_portal *p)
{
	uint64_t epoch = rd->epoch;
	return rd->ncols == p->ncols && sess_types_unchanged(s, &epoch) &&
	       memcmp(rd->formats, p->formats, sizeof(int16_t) * (size_t)p->ncols) == 0;
}

/* Only a tenant session's plain SQL with columns: in a session without a default tenant the
 * same statement may describe another tenant's tables on the next connection. */
static bool describe_portal(struct session *s, struct sess_portal *p, struct pgerr *err)
{
	struct sess_stmt *st = p->stmt;
	const struct xlat_stmt *x = st->x;
	if (!p->vm || !x || x->kind != XLAT_SQL || x->no_columns || !s->tenant[0] ||
	    p->ncols == 0 || p->ncols != sess_ncols(x, p->vm))
		return describe_rows(s, x, p->vm, p->formats, p->format, err);
	struct sess_rowdesc *rd = st->rowdesc;
#ifndef SHARDLITE_ASSERTS /* debug builds build it anyway, and check the kept one below */
	if (rd && rowdesc_matches(s, rd, p)) {
		strbuf_append(&s->out, rowdesc_bytes(rd), rd->len);
		return true;
	}
#endif
	uint64_t epoch = 0;
	(void)sess_types_unchanged(s, &epoch); /* before deriving: DDL meanwhile is seen */
	size_t start = s->out.len;
	if (!describe_rows(s, x, p->vm, p->formats, p->format, err))
		return false;
	if (s->out.failed) /* the output's own error path reports it */
		return true;
	size_t len = s->out.len - start;
	const char *bytes = s->out.data + start;
	if (rd && rowdesc_matches(s, rd, p)) {
		ASSERT(rd->len == len && memcmp(rowdesc_bytes(rd), bytes, len) == 0);
		return true;
	}
	if (s->schema_ddl)
		return true;
	size_t nf = sizeof(int16_t) * (size_t)p->ncols;
	free(st->rowdesc);
	st->rowdesc = rd = base_xmalloc(sizeof(*rd) + nf + len);
	rd->epoch = epoch;
	rd->ncols = p->ncols;
	rd->len = len;
	memcpy(rd->formats, p->formats, nf);
	memcpy((char *)rowdesc_bytes(rd), bytes, len);
	return true;
}

void sess_ext_describe(struct session *s, const struct pgw_msg *m)
{
	struct pgw_target t;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgw_fe_describe(m, &t, &err)) {
		ext_error(s, &err);
		return;
	}
	bool ok;
	if (t.kind == 'S') {
		struct sess_stmt *st = find_stmt(s, t.name);
		if (!st) {
			pgerr_set(&err, SQLSTATE_INVALID_SQL_STATEMENT_NAME,
				  "prepared statement \"%s\" does not exist", t.name);
			ext_error(s, &err);
			return;
		}
		ok = sess_stmt_revalidate(s, st, &err) && sess_stmt_vm(s, st, &err);
		if (ok) {
			pgw_be_parameter_description(&s->out, (size_t)st->nparams,
						     st->param_types);
			ok = describe_rows(s, st->x, st->vm, NULL, 0, &err);
		}
	} else {
		struct sess_portal *p = find_portal(s, t.name);
		if (!p && t.name[0] && sess_cursor_describe_portal(s, t.name))
			return;
		if (!p) {
			pgerr_set(&err, SQLSTATE_INVALID_CURSOR_NAME, "portal \"%s\" does not exist",
				  t.name);
			ext_error(s, &err);
			return;
		}
		ok = describe_portal(s, p, &err);
	}
	if (!ok)
		ext_error(s, &err);
}

/* A read that runs to its end with its Sync right behind it, outside any transaction, is the
 * whole of its implicit block: SQLite runs it in autocommit mode (its own read transaction,
 * ended by its last step) without a BEGIN and a COMMIT around it, while the session's
 * implicit block lasts to the Sync as for any Execute (SET LOCAL, _xact_ advisory locks,
 * notifications, pg_stat_activity). Writes, statements that need a transaction of their own
 * (numbered keys, data-modifying WITH) and portals run in parts (a row limit) keep the
 * BEGIN: their commit is the group commit's, at the Sync. */
static bool lone_read(const struct session *s, const struct sess_portal *p, uint32_t max_rows,
		      bool sync_next)
{
	const struct xlat_stmt *x = p->stmt->x;
	return sync_next && (s->txn == SESS_TXN_IDLE || s->txn_lone) && max_rows == 0 &&
	       !x->writes && !x->numbered_max && !x->nsteps && !p->steps;
}

static bool execute_sql(struct session *s, struct sess_portal *p, uint32_t max_rows,
			bool sync_next, struct pgerr *err)
{
	const struct xlat_stmt *x = p->stmt->x;
	if (p->done) {
		pgw_be_command_complete(&s->out, strcmp(x->tag, "SELECT") == 0 ? "SELECT 0" : x->tag);
		return true;
	}
	if (lone_read(s, p, max_rows, sync_next))
		sess_txn_implicit_lone(s);
	else if (!sess_txn_implicit_begin(s, err))
		return false;
	/* An Execute that stopped for its output to drain runs again unconsumed: it owes only
	 * the rest of its row limit. */
	uint64_t rows = s->yield_rows;
	s->yield_rows = 0;
	uint32_t left = max_rows ? max_rows - (uint32_t)rows : 0;
	bool suspended = false;
	if (p->steps && !p->steps_done) {
		if (!sess_modcte_run(s, x, p->steps, p->vm, err))
			return false;
		p->steps_done = true;
	}
	bool ok = sess_run_vm(s, x, p->vm, p->formats, left, &rows, &suspended, err);
	if (x->writes && !s->punted)
		sess_inline_write_ran(s, p->stmt, p->vm);
	if (!ok)
		return false;
	p->started = true;
	if (s->yielded) {
		s->yield_rows = rows;
		return true;
	}
	p->done = !suspended;
	return true;
}

void sess_ext_execute(struct session *s, const struct pgw_msg *m, bool sync_next)
{
	struct pgw_execute e;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgw_fe_execute(m, &e, &err)) {
		ext_error(s, &err);
		return;
	}
	if (s->copy_out) { /* a COPY TO that stopped for its output: this Execute ran it */
		if (!sess_copy_out_resume(s, &err))
			ext_error(s, &err);
		return;
	}
	struct sess_portal *p = find_portal(s, e.portal);
	if (!p) {
		pgerr_set(&err, SQLSTATE_INVALID_CURSOR_NAME, "portal \"%s\" does not exist",
			  e.portal);
		ext_error(s, &err);
		return;
	}
	const struct xlat_stmt *x = p->stmt->x;
	if (!x) {
		pgw_be_empty_query(&s->out);
		return;
	}
	bool ok = sess_inline_allows(s, x, p->stmt, &err) && sess_check_allowed(s, x, &err);
	if (ok && !p->started && !s->yield_rows) /* READ COMMITTED: the newest commits */
		ok = sess_rc_before(s, x, &err);
	if (ok && x->kind == XLAT_SQL)
		ok = execute_sql(s, p, e.max_rows, sync_next, &err);
	else if (ok && x->kind == XLAT_CURSOR)
		ok = sess_cursor_run(s, x, p->format, false, &p->vm, &err);
	else if (ok && x->kind == XLAT_EXPLAIN)
		ok = sess_explain_run(s, x, false, p->vm, &err);
	else if (ok)
		ok = sess_run_utility(s, x, false, &err);
	if (!ok && s->lock_busy && sess_wait_park(s, &err))
		return; /* the Execute stays unconsumed and runs again once woken */
	if (!ok)
		ext_error(s, &err);
}

void sess_ext_close(struct session *s, const struct pgw_msg *m)
{
	struct pgw_target t;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgw_fe_close(m, &t, &err)) {
		ext_error(s, &err);
		return;
	}
	if (t.kind == 'S')
		unlink_stmt(s, t.name);
	else
		drop_portal(s, t.name);
	pgw_be_close_complete(&s->out);
}

void sess_ext_sync(struct session *s)
{
	struct pgerr err;
	pgerr_clear(&err);
	if (s->state == SESS_SKIP_TO_SYNC)
		s->state = SESS_READY;
	/* The implicit transaction's portals close with it, and go first: a suspended INSERT ...
	 * RETURNING (asyncpg's fetchval asks for one row) is a write statement in progress,
	 * which SQLite's COMMIT refuses; its changes were all made at its first step. */
	if (s->txn == SESS_TXN_IMPLICIT)
		drop_all_portals(s);
	if (!sess_txn_implicit_end(s, &err))
		sess_report_error(s, &err);
	sess_guc_statement_end(s);
	if (s->txn == SESS_TXN_IDLE)
		drop_all_portals(s);
	if (s->state != SESS_CLOSING) {
		sess_notify_ready(s); /* PostgreSQL sends them just before */
		pgw_be_ready(&s->out, sess_status_char(s));
	}
}
