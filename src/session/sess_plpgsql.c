/* SPDX-License-Identifier: Apache-2.0 */
/* sess_plpgsql.c: DO blocks — the interpreter of the PL/pgSQL subset xlat loads (struct
 * xlat_pl_func): blocks with their declarations and EXCEPTION handlers, assignments, IF and
 * CASE, the loops with EXIT/CONTINUE, SQL and EXECUTE with INTO, PERFORM, RAISE, GET
 * DIAGNOSTICS and ASSERT. As in PostgreSQL the DO is one statement: it runs inside a
 * savepoint and an error it does not handle undoes all of it; a block with handlers takes a
 * savepoint at its BEGIN, to which a caught error rolls back. */
#include "sess_plpgsql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pgtype.h"

/* How a statement ended: go on, leave loops/blocks (EXIT, CONTINUE, RETURN), or an error. */
enum pl_flow { PL_NEXT, PL_EXIT, PL_CONTINUE, PL_RETURN, PL_FAIL };

static enum pl_flow exec_list(struct pl_run *r, const struct xlat_pl_list *l, struct pgerr *err);

/* An error: its CONTEXT says the statement's line (the innermost one failing); positions
 * inside embedded SQL do not point into the client's text, so they go. */
static enum pl_flow failed(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	sess_pl_context_frame(r, st, err);
	err->position = 0;
	return PL_FAIL;
}

static bool set_found(struct pl_run *r, bool found, struct pgerr *err)
{
	return sess_pl_assign(r, r->f->found_var, found ? "t" : "f", PGTYPE_BOOL, err);
}

/* RETURN: its value into the result variable (converted to the result type as an assignment
 * is); a LANGUAGE sql body's last statement gives its first row's value, NULL for none. The
 * implicit RETURN at the end of a body (line 0) in a function with a result is PostgreSQL's
 * 2F005. */
/* A LANGUAGE sql function returning a row type (RETURNS t, one OUT parameter of t) whose last
 * statement gives the type's columns, or PL/pgSQL's RETURN r of a row variable (fields, SELECT
 * r.*): the first row as the value's text, read by the type's record_in (a cast: its fields'
 * input functions and modifiers). */
static bool row_result(struct pl_run *r, const struct pl_rows *rows, bool fields,
		       const char **text, uint32_t *type, struct pgerr *err)
{
	const struct xlat_schema *sc = &r->s->schema;
	uint32_t want = r->f->result_var >= 0 ? r->decl_types[r->f->result_var] : 0;
	const char *rel;
	if (fields && (!want || !sc->rowtype_fn || sc->rowtype_fn(sc->arg, NULL, want, &rel) != want))
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "RETURN of a row variable in a function not returning a row type is "
				 "not supported");
	if (!want || !sc->rowtype_fn || sc->rowtype_fn(sc->arg, NULL, want, &rel) != want)
		return true; /* the first column, as for any other type */
	if (!rows->nrows) {
		*text = NULL;
		return true;
	}
	struct strbuf rec, sb;
	strbuf_init(&rec, 0);
	strbuf_putc(&rec, '(');
	for (size_t i = 0; i < rows->ncols; i++) {
		strbuf_puts(&rec, i ? "," : "");
		if (rows->cells[i])
			pgtype_record_put_field(&rec, rows->cells[i], strlen(rows->cells[i]));
	}
	strbuf_putc(&rec, ')');
	int var = r->f->result_var;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT CAST(");
	strbuf_put_quoted(&sb, rec.data ? rec.data : "()", '\'');
	strbuf_printf(&sb, " AS %s)", r->decl_names[var] ? r->decl_names[var] : r->f->vars[var].type);
	const char *sql = arena_strndup(r->scratch, sb.data ? sb.data : "", sb.len);
	bool failed = sb.failed || rec.failed;
	strbuf_fini(&sb);
	strbuf_fini(&rec);
	struct pl_rows v;
	if (failed || !sess_pl_exec(r, sql, NULL, 0, true, &v, err))
		return failed ? pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory") : false;
	*text = v.nrows && v.ncols ? v.cells[0] : NULL;
	*type = want;
	return true;
}

#define PL_RECORD_OID 2249 /* record */

/* A trigger function's RETURN expr: its value, a row (read as the table's by the trigger,
 * sess_trigger.c) or NULL; another value is PostgreSQL's 42804. */
static enum pl_flow trigger_row(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	struct pl_rows rows;
	r->ret_casting = true;
	bool ok = sess_pl_exec_expr(r, st->expr, true, &rows, err);
	r->ret_casting = false;
	if (!ok)
		return PL_FAIL;
	const char *text = rows.nrows && rows.ncols ? rows.cells[0] : NULL;
	uint32_t type = rows.ncols ? rows.types[0] : 0;
	if (rows.ncols == 1 && !text) {
		r->ret_rec = -1;
		return PL_RETURN;
	}
	if (rows.ncols != 1 || (type != PL_RECORD_OID && !sess_types_rowtype(r->s, type))) {
		pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
			  "cannot return non-composite value from function returning composite "
			  "type");
		return PL_FAIL;
	}
	free(r->ret_text);
	if (!(r->ret_text = strdup(text))) {
		pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return PL_FAIL;
	}
	r->ret_type = type;
	r->ret_rec = PL_RET_ROW;
	return PL_RETURN;
}

static enum pl_flow exec_return(struct pl_run *r, const struct xlat_pl_stmt *st,
				struct pgerr *err)
{
	const char *text = NULL;
	uint32_t type = 0;
	struct pl_rows rows;
	if (st->ret_record || st->ret_null) {
		r->ret_rec = st->ret_null ? -1 : st->var;
		return PL_RETURN;
	}
	if (st->ret_row)
		return trigger_row(r, st, err);
	if (!st->expr) {
		if ((r->f->result_var < 0 && !r->f->trigger) || st->line > 0)
			return PL_RETURN;
		pgerr_set(err, "2F005", r->f->trigger
						? "control reached end of trigger procedure without RETURN"
						: "control reached end of function without RETURN");
		return PL_FAIL;
	}
	if (r->f->sql_body || st->ret_fields) { /* ret_fields: RETURN r, SELECT r.* */
		if (!sess_pl_exec_expr(r, st->expr, true, &rows, err))
			return PL_FAIL;
		text = rows.nrows && rows.ncols ? rows.cells[0] : NULL;
		type = rows.ncols ? rows.types[0] : 0;
		if ((rows.ncols > 1 || st->ret_fields) &&
		    !row_result(r, &rows, st->ret_fields, &text, &type, err))
			return PL_FAIL;
	} else if (!sess_pl_eval(r, st->expr, &text, &type, err)) {
		return PL_FAIL;
	}
	return sess_pl_assign(r, r->f->result_var, text, type, err) ? PL_RETURN : PL_FAIL;
}

/* ---- INTO ---- */

/* Row i of rows (none: NULLs) into the targets. */
bool sess_pl_assign_targets(struct pl_run *r, const struct xlat_pl_stmt *st,
			    const struct pl_rows *rows, size_t i, struct pgerr *err)
{
	if (st->target_fields) { /* INTO NEW.x, y: fields and variables */
		for (size_t k = 0; k < st->ntargets; k++) {
			bool have = k < rows->ncols && i < rows->nrows;
			const char *text = have ? rows->cells[i * rows->ncols + k] : NULL;
			uint32_t type = k < rows->ncols ? rows->types[k] : 0;
			if (!(st->target_fields[k]
				      ? sess_pl_assign_field(r, st->targets[k],
							     st->target_fields[k], text, type, err)
				      : sess_pl_assign(r, st->targets[k], text, type, err)))
				return false;
		}
		return true;
	}
	if (st->ntargets == 1 && r->vals[st->targets[0]].row)
		return sess_pl_assign_row(r, st->targets[0], rows, i, err);
	if (st->ntargets == 1 && r->vals[st->targets[0]].is_record) {
		sess_pl_assign_record(r, st->targets[0], rows, i);
		return true;
	}
	for (size_t k = 0; k < st->ntargets; k++) {
		bool have = k < rows->ncols && i < rows->nrows;
		if (!sess_pl_assign(r, st->targets[k],
				    have ? rows->cells[i * rows->ncols + k] : NULL,
				    k < rows->ncols ? rows->types[k] : 0, err))
			return false;
	}
	return true;
}

/* INTO of a statement (not EXECUTE's): STRICT, or a writing statement's RETURNING, which
 * PostgreSQL holds to one row too (its mod_stmt). */
static bool into(struct pl_run *r, const struct xlat_pl_stmt *st, const struct pl_rows *rows,
		 bool one_row, struct pgerr *err)
{
	if (st->strict && rows->nrows == 0)
		return pgerr_set(err, PL_NO_DATA_FOUND, "query returned no rows");
	if ((st->strict || one_row) && rows->nrows > 1) {
		pgerr_set(err, PL_TOO_MANY_ROWS, "query returned more than one row");
		pgerr_hint(err, "Make sure the query returns a single row, or use LIMIT 1.");
		return false;
	}
	return sess_pl_assign_targets(r, st, rows, 0, err);
}

/* ---- statements ---- */

static bool exec_sql(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	struct pl_rows rows;
	r->counted = r->modified = false;
	if (!sess_pl_spi_expr(r, st->expr, st->into, st->into ? &rows : NULL, err))
		return false;
	if (st->into && !into(r, st, &rows, r->modified, err))
		return false;
	if (st->into && r->row_count > 1 && !st->strict)
		r->row_count = 1; /* PostgreSQL fetches the one row it assigns */
	if (st->into)
		return set_found(r, rows.nrows > 0, err);
	return st->is_call || !r->counted || set_found(r, r->row_count > 0, err);
}

/* EXECUTE's string: a NULL one is PostgreSQL's 22004. */
bool sess_pl_dyn_sql(struct pl_run *r, const struct xlat_pl_stmt *st, const char **sql,
		     struct pl_arg **args, struct pgerr *err)
{
	uint32_t type;
	if (!sess_pl_eval(r, st->expr, sql, &type, err) ||
	    !sess_pl_eval_args(r, st->params, st->nparams, args, err))
		return false;
	if (!*sql)
		return pgerr_set(err, PL_NULL_VALUE_NOT_ALLOWED,
				 "query string argument of EXECUTE is null");
	return true;
}

static bool exec_dynamic(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	const char *sql;
	struct pl_arg *args;
	struct pl_rows rows;
	int nargs = (int)st->nparams;
	if (!sess_pl_dyn_sql(r, st, &sql, &args, err))
		return false;
	const char *text = sql;
	sess_pl_dyn_records(r, st, &sql, &args, &nargs);
	if (!sess_pl_spi_exec(r, text, sql, args, nargs, true, st->into ? &rows : NULL, err))
		return false;
	return !st->into || into(r, st, &rows, false, err);
}

/* RETURN QUERY [EXECUTE] and RETURN NEXT: the rows join the function's result (sess_udf.c). */
static bool return_rows(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	const char *sql;
	struct pl_arg *args;
	struct pl_rows rows;
	if (st->ret_null && !st->expr)
		return sess_udf_add_null_row(r, err);
	bool ok = st->dynamic ? sess_pl_dyn_sql(r, st, &sql, &args, err) &&
					sess_pl_spi_exec(r, sql, sql, args, (int)st->nparams, true,
							 &rows, err)
			      : sess_pl_spi_expr(r, st->expr, true, &rows, err);
	if (ok && st->ret_record && st->kind == XLAT_PL_RETURN_QUERY && st->var > 0 &&
	    (size_t)st->var <= rows.ncols)
		rows.types[st->var - 1] = PGTYPE_UNKNOWN; /* ROW('x', ...): PostgreSQL's unknown */
	if (!ok)
		return false;
	size_t n = rows.nrows;
	if (sess_udf_add_rows(r, &rows, err)) {
		if (st->kind != XLAT_PL_RETURN_QUERY)
			return true;
		r->row_count = n; /* RETURN QUERY sets FOUND and ROW_COUNT, RETURN NEXT neither */
		return set_found(r, n > 0, err);
	}
	/* a record whose fields do not fit: PostgreSQL's messages for RETURN NEXT r, RETURN r */
	if (!st->ret_record || strcmp(err->sqlstate, SQLSTATE_DATATYPE_MISMATCH) != 0)
		return false;
	bool next = st->kind == XLAT_PL_RETURN_NEXT;
	snprintf(err->message, sizeof(err->message), "%s",
		 next ? "wrong record type supplied in RETURN NEXT"
		      : "returned record type does not match expected record type");
	if (!next) { /* the function's CONTEXT line, in place of the statement's */
		snprintf(
			err->context, sizeof(err->context),
			"PL/pgSQL function %s while casting return value to function's return type",
			r->f->name);
		r->context_said = true;
	}
	return false;
}

static enum pl_flow exec_if(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	for (size_t i = 0; i < st->narms; i++) {
		bool yes;
		if (!sess_pl_eval_bool(r, st->conds[i], &yes, err))
			return PL_FAIL;
		if (yes)
			return exec_list(r, &st->arms[i], err);
	}
	if (st->case_stmt && !st->has_else) {
		pgerr_set(err, PL_CASE_NOT_FOUND, "case not found");
		pgerr_hint(err, "CASE statement is missing ELSE part.");
		return PL_FAIL;
	}
	return exec_list(r, &st->else_body, err);
}

/* ---- loops ---- */

/* After a loop's body: true to run it again; else *flow is what the loop returns (EXIT or
 * CONTINUE naming an outer loop's label, RETURN and errors go on outward). */
static bool loop_again(struct pl_run *r, const struct xlat_pl_stmt *st, enum pl_flow *flow)
{
	if (*flow == PL_EXIT || *flow == PL_CONTINUE) {
		if (r->label && (!st->label || strcmp(r->label, st->label) != 0))
			return false;
		bool again = *flow == PL_CONTINUE;
		r->label = NULL;
		*flow = PL_NEXT;
		return again;
	}
	return *flow == PL_NEXT;
}

static enum pl_flow exec_while(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	enum pl_flow flow = PL_NEXT;
	for (;;) {
		bool yes = true;
		if (!sess_wait_check(r->s, err) ||
		    (st->kind == XLAT_PL_WHILE && !sess_pl_eval_bool(r, st->expr, &yes, err)))
			return PL_FAIL;
		if (!yes)
			return PL_NEXT;
		flow = exec_list(r, &st->body, err);
		if (!loop_again(r, st, &flow))
			return flow;
	}
}

static enum pl_flow exec_fori(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	int64_t lo, hi, step = 1;
	if (!sess_pl_eval_int(r, st->expr, "lower bound of FOR loop", &lo, err) ||
	    !sess_pl_eval_int(r, st->upper, "upper bound of FOR loop", &hi, err) ||
	    (st->step && !sess_pl_eval_int(r, st->step, "BY value of FOR loop", &step, err)))
		return PL_FAIL;
	if (step <= 0) {
		pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
			  "BY value of FOR loop must be greater than zero");
		return PL_FAIL;
	}
	enum pl_flow flow = PL_NEXT;
	bool found = false;
	for (int64_t i = lo; st->reverse ? i >= hi : i <= hi;) {
		char buf[24];
		snprintf(buf, sizeof(buf), "%lld", (long long)i);
		found = true;
		if (!sess_wait_check(r->s, err) ||
		    !sess_pl_assign(r, st->var, buf, PGTYPE_INT4, err))
			return PL_FAIL;
		flow = exec_list(r, &st->body, err);
		if (!loop_again(r, st, &flow))
			break;
		if (st->reverse ? i < INT64_MIN + step : i > INT64_MAX - step)
			break;
		i = st->reverse ? i - step : i + step;
	}
	if (flow != PL_FAIL && !set_found(r, found, err))
		return PL_FAIL;
	return flow;
}

/* FOR ... IN query: the rows are read first (in an arena of the loop's own), so the body may
 * change the tables the query reads, as over PostgreSQL's snapshot. */
static enum pl_flow exec_fors(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	const char *sql = NULL;
	struct pl_arg *args = NULL;
	if (st->dynamic && !sess_pl_dyn_sql(r, st, &sql, &args, err))
		return PL_FAIL;
	struct arena *scratch = r->scratch, *rows_arena = arena_new(0);
	struct pl_rows rows;
	struct pl_cursor *open = NULL; /* FOR over a cursor: open while the loop runs */
	r->scratch = rows_arena;
	bool ok = st->iter == XLAT_PL_ITER_ARRAY    ? sess_pl_foreach_rows(r, st, &rows, err)
		  : st->iter == XLAT_PL_ITER_CURSOR ? sess_pl_forc_rows(r, st, &rows, &open, err)
		  /* a cursor's query, which PostgreSQL runs outside its SPI error callback */
		  : st->dynamic ? sess_pl_exec(r, sql, args, (int)st->nparams, true, &rows, err)
				: sess_pl_exec_expr(r, st->expr, true, &rows, err);
	r->scratch = scratch;
	enum pl_flow flow = ok ? PL_NEXT : PL_FAIL;
	for (size_t i = 0; ok && i < rows.nrows; i++) {
		if (!sess_wait_check(r->s, err) ||
		    !(st->iter == XLAT_PL_ITER_ARRAY
			      ? sess_pl_foreach_assign(r, st, &rows, i, err)
			      : sess_pl_assign_targets(r, st, &rows, i, err))) {
			flow = PL_FAIL;
			break;
		}
		sess_pl_forc_at(r, open, i + 1);
		flow = exec_list(r, &st->body, err);
		if (!loop_again(r, st, &flow))
			break;
	}
	sess_pl_forc_close(r, open);
	if (flow != PL_FAIL && !set_found(r, ok && rows.nrows > 0, err))
		flow = PL_FAIL;
	arena_free(rows_arena);
	return flow;
}

/* COMMIT / ROLLBACK [AND CHAIN], as PostgreSQL's SPI_commit allows them: in a procedure
 * CALLed or a DO run outside a transaction block (r->again), not inside a block with handlers
 * (a subtransaction). The cursors OPEN opened close with the transaction; those FOR loops run
 * over stay, as PostgreSQL makes them holdable. */
static bool txn_end(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	const char *verb = st->txn_rollback ? "roll back" : "commit";
	if (r->again && r->savepoints)
		return pgerr_set(err, "2D000", "cannot %s while a subtransaction is active", verb);
	/* (a procedure CALLed by one that may end the transaction may too, sess_udf.c, unless
	 * that CALL stands in a block with handlers, as PostgreSQL's is atomic there) */
	if (!r->again)
		return pgerr_set(err, "2D000", "invalid transaction termination");
	for (struct pl_run *x = r; x; x = x->outer) /* the callers' are the transaction's too */
		sess_pl_cursors_commit(x);
	sess_udf_state(r->s)->ended = true; /* a lock met later cannot run it all again */
	return sess_txn_end_inside(r->s, !st->txn_rollback, st->txn_chain, r->again, err);
}

/* ---- blocks ---- */

/* Whether handler h catches SQLSTATE state: a code of its own, or of a class it names
 * ("23000" catches 23xxx); OTHERS catches all but query_canceled and assert_failure. */
static bool catches(const struct xlat_pl_handler *h, const char *state)
{
	if (h->others && strcmp(state, SQLSTATE_QUERY_CANCELED) != 0 &&
	    strcmp(state, PL_ASSERT_FAILURE) != 0)
		return true;
	for (size_t i = 0; i < h->ncodes; i++) {
		const char *c = h->codes[i];
		if (strcmp(c, state) == 0 ||
		    (strcmp(c + 2, "000") == 0 && strncmp(c, state, 2) == 0))
			return true;
	}
	return false;
}

/* Each declared variable starts again at its default (or NULL) when the block is entered. */
static bool init_decls(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	for (size_t i = 0; i < st->ndecls; i++) {
		int v = st->decls[i];
		const struct xlat_pl_var *d = &r->f->vars[v];
		const char *text = NULL;
		uint32_t type = 0;
		if (d->init && !sess_pl_eval(r, d->init, &text, &type, err))
			return false;
		if (r->vals[v].is_record)
			sess_pl_rec_reset(r, v);
		else if (!sess_pl_assign(r, v, text, type, err)) {
			return false;
		}
	}
	return true;
}

/* The handler for err, having rolled back to the block's savepoint; NULL when none catches it
 * (or it must go on outward: a lock wait reruns the whole DO, FATAL ends the session). */
static const struct xlat_pl_handler *handler_for(struct pl_run *r, const struct xlat_pl_stmt *st,
						 const struct pgerr *err)
{
	if (r->busy || err->severity != PGERR_ERROR)
		return NULL;
	for (size_t i = 0; i < st->nhandlers; i++)
		if (catches(&st->handlers[i], err->sqlstate))
			return &st->handlers[i];
	return NULL;
}

static enum pl_flow run_handler(struct pl_run *r, const struct xlat_pl_stmt *st,
				const struct xlat_pl_handler *h, struct pgerr *err)
{
	struct pgerr caught = *err;
	sess_udf_fix_error(r->s, &caught); /* a called function's DETAIL, HINT, fields */
	const struct pgerr *outer = r->caught;
	pgerr_clear(err);
	r->s->schema_epoch = 0; /* DDL the rollback undid: read the schema again */
	if (!sess_pl_assign(r, st->sqlstate_var, caught.sqlstate, PGTYPE_TEXT, err) ||
	    !sess_pl_assign(r, st->sqlerrm_var, caught.message, PGTYPE_TEXT, err))
		return PL_FAIL;
	r->caught = &caught;
	enum pl_flow flow = exec_list(r, &h->body, err);
	r->caught = outer;
	return flow;
}

/* EXIT of block st's own label ends there. */
static enum pl_flow block_end(struct pl_run *r, const struct xlat_pl_stmt *st, enum pl_flow flow)
{
	if (flow == PL_EXIT && r->label && st->label && strcmp(r->label, st->label) == 0) {
		r->label = NULL;
		flow = PL_NEXT;
	}
	return flow;
}

/* A block with handlers where SQLite takes no savepoint (in a function a writing statement
 * calls): an error is caught only when nothing the block did must be undone — no statement of
 * it changed a row (SQLite undid the failing statement's own changes) — else 0A000. */
static enum pl_flow exec_unprotected(struct pl_run *r, const struct xlat_pl_stmt *st,
				     struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(r->s->conn);
	int64_t before = sqlite3_total_changes64(db);
	enum pl_flow flow = exec_list(r, &st->body, err);
	const struct xlat_pl_handler *h = flow == PL_FAIL ? handler_for(r, st, err) : NULL;
	if (h && sqlite3_total_changes64(db) != before) {
		pgerr_clear(err);
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "an EXCEPTION block in a function called by INSERT, UPDATE or DELETE "
			  "cannot undo the rows its block changed before the error");
		return PL_FAIL;
	}
	if (h)
		flow = run_handler(r, st, h, err);
	return block_end(r, st, flow);
}

static enum pl_flow exec_block(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	if (!init_decls(r, st, err))
		return PL_FAIL;
	if (!st->nhandlers) {
		return block_end(r, st, exec_list(r, &st->body, err));
	}
	char sp[40];
	snprintf(sp, sizeof(sp), "shardlite_pl_%d", ++r->savepoints);
	struct pgerr ignored;
	if (!shard_exec(r->s->conn, arena_printf(r->scratch, "SAVEPOINT %s", sp), err)) {
		r->savepoints--;
		if (r->s->udf && r->s->udf->depth > 0) { /* SQLite takes none while a statement writes */
			pgerr_clear(err);
			return exec_unprotected(r, st, err);
		}
		return PL_FAIL;
	}
	uint64_t deferred = sess_trigger_defer_mark(r->s);
	enum pl_flow flow = exec_list(r, &st->body, err);
	const struct xlat_pl_handler *h = flow == PL_FAIL ? handler_for(r, st, err) : NULL;
	bool undo =
		flow == PL_FAIL &&
		!shard_exec(r->s->conn, arena_printf(r->scratch, "ROLLBACK TO %s", sp), &ignored);
	if (flow == PL_FAIL && !undo) /* the rows its statements deferred are undone too */
		sess_trigger_deferred_rollback(r->s, deferred);
	if (!shard_exec(r->s->conn, arena_printf(r->scratch, "RELEASE %s", sp),
			flow == PL_FAIL ? &ignored : err))
		flow = PL_FAIL;
	r->savepoints--;
	if (h && !undo) /* the transaction is still there to go on in */
		flow = run_handler(r, st, h, err);
	return block_end(r, st, flow);
}

/* ---- dispatch ---- */

static enum pl_flow dispatch(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	const char *text;
	uint32_t type;
	bool yes = true;
	switch (st->kind) {
	case XLAT_PL_BLOCK:
		return exec_block(r, st, err);
	case XLAT_PL_ASSIGN:
		if (st->rec_whole)
			return sess_pl_assign_whole(r, st, err) ? PL_NEXT : PL_FAIL;
		if (!st->expr) { /* record := NULL */
			sess_pl_rec_reset(r, st->var);
			return PL_NEXT;
		}
		if (st->subscript || st->slice_spec)
			return sess_pl_assign_element(r, st, err) ? PL_NEXT : PL_FAIL;
		r->assign_text = st->assign_text;
		return sess_pl_eval(r, st->expr, &text, &type, err) &&
				       (st->field ? sess_pl_assign_field(r, st->var, st->field, text,
									 type, err)
						  : sess_pl_assign(r, st->var, text, type, err))
			       ? PL_NEXT
			       : PL_FAIL;
	case XLAT_PL_IF:
		return exec_if(r, st, err);
	case XLAT_PL_LOOP:
	case XLAT_PL_WHILE:
		return exec_while(r, st, err);
	case XLAT_PL_FORI:
		return exec_fori(r, st, err);
	case XLAT_PL_FORS:
		return exec_fors(r, st, err);
	case XLAT_PL_EXIT:
		if (st->expr && !sess_pl_eval_bool(r, st->expr, &yes, err))
			return PL_FAIL;
		if (!yes)
			return PL_NEXT;
		r->label = st->label;
		return st->is_exit ? PL_EXIT : PL_CONTINUE;
	case XLAT_PL_SQL:
		return exec_sql(r, st, err) ? PL_NEXT : PL_FAIL;
	case XLAT_PL_PERFORM:
		r->counted = false;
		return sess_pl_spi_expr(r, st->expr, true, NULL, err) &&
				       set_found(r, r->row_count > 0, err)
			       ? PL_NEXT
			       : PL_FAIL;
	case XLAT_PL_DYNEXEC:
		return exec_dynamic(r, st, err) ? PL_NEXT : PL_FAIL;
	case XLAT_PL_RAISE:
		return sess_pl_raise(r, st, err) ? PL_NEXT : PL_FAIL;
	case XLAT_PL_GETDIAG:
		return sess_pl_getdiag(r, st, err) ? PL_NEXT : PL_FAIL;
	case XLAT_PL_RETURN:
		return exec_return(r, st, err);
	case XLAT_PL_ASSERT:
		return sess_pl_assert(r, st, err) ? PL_NEXT : PL_FAIL;
	case XLAT_PL_CURSOR:
		return sess_pl_cursor(r, st, err) ? PL_NEXT : PL_FAIL;
	case XLAT_PL_RETURN_QUERY:
	case XLAT_PL_RETURN_NEXT:
		return return_rows(r, st, err) ? PL_NEXT : PL_FAIL;
	case XLAT_PL_TXN:
		return txn_end(r, st, err) ? PL_NEXT : PL_FAIL;
	}
	pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "unknown PL/pgSQL statement");
	return PL_FAIL;
}

/* st, as the statement running (r->at) while it runs: a statement starting means no error
 * unwinds (one a handler caught is done with). */
static enum pl_flow exec_stmt(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	const struct xlat_pl_stmt *outer = r->at;
	r->at = st;
	r->context_said = false;
	enum pl_flow flow = dispatch(r, st, err);
	r->at = outer;
	return flow;
}

static enum pl_flow exec_list(struct pl_run *r, const struct xlat_pl_list *l, struct pgerr *err)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct xlat_pl_stmt *st = &l->v[i];
		enum pl_flow flow = exec_stmt(r, st, err);
		arena_reset(r->scratch); /* what the statement translated and read is done with */
		if (flow == PL_FAIL)
			return failed(r, st, err);
		if (flow != PL_NEXT)
			return flow;
	}
	return PL_NEXT;
}

/* exec_block of a body, counted in sess_rare.pl_runs while it runs. */
static bool run_top(struct pl_run *r, struct pgerr *err)
{
	struct sess_rare *rare = sess_rare(r->s);
	rare->pl_runs++;
	r->outer = rare->pl_top;
	rare->pl_top = r;
	bool ok = exec_block(r, &r->f->top, err) != PL_FAIL;
	rare->pl_top = r->outer;
	rare->pl_runs--;
	return ok;
}

bool sess_pl_run_body(struct pl_run *r, struct pgerr *err)
{
	return set_found(r, false, err) && run_top(r, err);
}

bool sess_plpgsql_run(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	struct pl_run r = {.s = s, .f = x->plpgsql, .scratch = arena_new(0)};
	if (sess_txn_nonatomic(s))
		r.again = "SAVEPOINT shardlite_do";
	sess_udf_state(s)->ended = false;
	struct pgerr ignored;
	bool ok = sess_pl_vars_init(&r, err) && set_found(&r, false, err) &&
		  shard_exec(s->conn, "SAVEPOINT shardlite_do", err);
	if (ok) {
		ok = run_top(&r, err);
		if (ok)
			sess_pl_cursors_keep(&r);
		if (!ok)
			(void)!shard_exec(s->conn, "ROLLBACK TO shardlite_do", &ignored);
		if (!shard_exec(s->conn, "RELEASE shardlite_do", ok ? err : &ignored))
			ok = false;
	}
	if (!ok) {
		s->schema_epoch = 0;
		/* the caller parks and runs the whole DO again, unless it ended a transaction */
		s->lock_busy = r.busy && !s->udf->ended;
	}
	s->udf->ended = false; /* only while it runs */
	sess_pl_vars_free(&r);
	arena_free(r.scratch);
	return ok;
}
