/* SPDX-License-Identifier: Apache-2.0 */
/* sess_prepare.c: SQL-level EXECUTE of a statement that PREPARE (or a Parse message) named —
 * the simple protocol's counterpart of Bind + Execute: the constant arguments become text
 * parameters, the rows and the command tag are the statement's own. pg_dump runs its
 * per-object queries so (PREPARE dumpEnumType(pg_catalog.oid) AS ...; EXECUTE ...). */
#include "session_int.h"

#include <string.h>

/* A numeric literal as an integer parameter takes it (PostgreSQL's assignment cast numeric to
 * integer): rounded half away from zero, digits only (4.5 is 5, -2.5 is -3); NULL when it is
 * not plain decimal digits (1e3), left to the parameter's input. */
static const char *round_decimal(struct arena *a, const char *v)
{
	size_t sign = v[0] == '-' || v[0] == '+', n = strspn(v + sign, "0123456789");
	const char *frac = v + sign + n;
	if ((!n && *frac != '.') ||
	    (*frac && (*frac != '.' || frac[1 + strspn(frac + 1, "0123456789")])))
		return NULL;
	char *out = arena_zalloc(a, n + 3);
	out[0] = v[0] == '-' ? '-' : '+';
	out[1] = '0'; /* room for a carry */
	memcpy(out + 2, v + sign, n);
	if (*frac == '.' && frac[1] >= '5')
		for (size_t i = n + 1; i > 0; i--) {
			if (out[i] != '9') {
				out[i]++;
				break;
			}
			out[i] = '0';
		}
	size_t skip = 1;
	while (out[skip] == '0' && out[skip + 1])
		skip++;
	if (out[0] == '-' && strcmp(out + skip, "0") != 0)
		out[--skip] = '-';
	return out + skip;
}

static bool integer_type(uint32_t oid)
{
	return oid == PGTYPE_INT2 || oid == PGTYPE_INT4 || oid == PGTYPE_INT8;
}

/* The arguments as a Bind would carry them: text format, NULL for NULL. */
static void args_bind(struct session *s, const struct sess_stmt *st, const struct xlat_stmt *x,
		      struct pgw_bind *b)
{
	size_t n = x->nexecute_args;
	memset(b, 0, sizeof(*b));
	b->portal = "";
	b->statement = x->dealloc_name;
	b->nparams = (uint16_t)n;
	b->param_values = arena_zalloc(s->msg_arena, (n ? n : 1) * sizeof(*b->param_values));
	b->param_lengths = arena_zalloc(s->msg_arena, (n ? n : 1) * sizeof(*b->param_lengths));
	for (size_t i = 0; i < n; i++) {
		const char *v = x->execute_args[i];
		if (v && x->execute_numeric[i] && (int)i < st->nparams &&
		    integer_type(st->param_types[i])) {
			const char *r = round_decimal(s->msg_arena, v);
			v = r ? r : v;
		}
		b->param_values[i] = (const uint8_t *)v;
		b->param_lengths[i] = v ? (int32_t)strlen(v) : -1;
	}
}

/* A statement with steps (data-modifying WITH queries, MERGE) runs them first, each given the
 * arguments too, inside the implicit block when no transaction is open (the Query's end
 * commits it), so that they and the statement succeed or fail together. */
static bool run_steps(struct session *s, struct sess_stmt *st, sqlite3_stmt *vm, struct pgw_bind *b,
		      struct pgerr *err)
{
	const struct xlat_stmt *x = st->x;
	sqlite3_stmt **steps = arena_zalloc(s->msg_arena, x->nsteps * sizeof(*steps));
	if (!sess_txn_implicit_begin(s, err) || !sess_modcte_prepare(s, x, steps, err))
		return false;
	bool ok = true;
	for (size_t k = 0; ok && k < x->nsteps; k++)
		ok = sess_bind_params(s, st, steps[k], b, err);
	ok = ok && sess_modcte_run(s, x, steps, vm, err);
	sess_modcte_finalize(steps, x->nsteps);
	return ok;
}

bool sess_execute_prepared(struct session *s, const struct xlat_stmt *x, bool simple,
			   struct pgerr *err)
{
	if (!simple)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "EXECUTE in the extended query protocol is not supported");
	struct sess_stmt *st = sess_ext_find(s, x->dealloc_name);
	if (!st)
		return pgerr_set(err, SQLSTATE_INVALID_SQL_STATEMENT_NAME,
				 "prepared statement \"%s\" does not exist", x->dealloc_name);
	if ((int)x->nexecute_args != st->nparams) {
		pgerr_set(err, SQLSTATE_SYNTAX_ERROR,
			  "wrong number of parameters for prepared statement \"%s\"", st->name);
		pgerr_detail(err, "Expected %d parameters but got %zu.", st->nparams,
			     x->nexecute_args);
		return false;
	}
	if (!st->x) {
		pgw_be_empty_query(&s->out);
		return true;
	}
	if (!sess_check_allowed(s, st->x, err) || !sess_stmt_revalidate(s, st, err))
		return false;
	st->runs++;
	if (st->x->kind != XLAT_SQL)
		return sess_run_utility(s, st->x, true, err);
	sqlite3_stmt *vm = sess_prepare(s, st->x, err);
	if (!vm)
		return false;
	struct pgw_bind b;
	args_bind(s, st, x, &b);
	uint64_t rows = 0;
	bool suspended = false;
	bool ok = sess_bind_params(s, st, vm, &b, err) &&
		  (!st->x->nsteps || run_steps(s, st, vm, &b, err));
	if (ok) {
		sess_write_row_description(s, st->x, vm, NULL);
		ok = sess_run_vm(s, st->x, vm, NULL, 0, &rows, &suspended, err);
	}
	if (ok && s->yielded) { /* goes on as a simple statement's (sess_run_simple) */
		s->yield_vm = vm;
		s->yield_rows = rows;
		return true;
	}
	sqlite3_finalize(vm);
	return ok;
}

void sess_portals_list(void *arg, struct arena *a, struct catalog_portals *out)
{
	struct session *s = arg;
	memset(out, 0, sizeof(*out));
	out->ncursors = sess_cursor_list(s, a, &out->cursors);
	size_t n = 0;
	for (struct sess_stmt *st = s->stmts; st; st = st->next)
		n++;
	out->prepared = arena_zalloc(a, (n ? n : 1) * sizeof(*out->prepared));
	for (struct sess_stmt *st = s->stmts; st; st = st->next) {
		/* SQLite prepares a statement once and runs that plan with each run's values:
		 * every run is a generic plan's */
		out->prepared[out->nprepared++] =
			(struct catalog_prepared){st->name,
						  st->shown ? st->shown : st->sql,
						  st->prepared_us,
						  st->param_types,
						  (size_t)st->nparams,
						  st->from_sql,
						  st->runs,
						  0};
	}
}
