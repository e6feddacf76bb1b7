/* SPDX-License-Identifier: Apache-2.0 */
/* sess_plpgsql.h: private to the DO interpreter (sess_plpgsql.c runs the statements,
 * sess_plsql.c runs their SQL and keeps the variables' values, sess_plmsg.c RAISE and the
 * diagnostics). */
#ifndef SHARDLITE_SESS_PLPGSQL_H
#define SHARDLITE_SESS_PLPGSQL_H

#include "session_int.h"

/* SQLSTATEs only the interpreter raises (PostgreSQL Appendix A). */
#define PL_NULL_VALUE_NOT_ALLOWED "22004"
#define PL_NOT_ASSIGNED "55000"
#define PL_CARDINALITY "21000"
#define PL_NO_DATA_FOUND "P0002"
#define PL_TOO_MANY_ROWS "P0003"
#define PL_RAISE_EXCEPTION "P0001"
#define PL_ASSERT_FAILURE "P0004"
#define PL_CASE_NOT_FOUND "20000"
#define PL_RERAISE_OUTSIDE "0Z002"

/* A variable's value, in PostgreSQL's text form (what a client would be sent) with its type:
 * bound as a text parameter of that type, as a client's Bind does. Heap-owned. A record
 * variable holds a row: its fields' names, values and types. */
struct pl_val {
	char *text; /* NULL: NULL */
	uint32_t type;
	bool is_record, assigned;
	size_t nfields;
	char **names, **texts;
	uint32_t *types;
};

/* A value as an argument of a statement: text form and type (0: unknown). */
struct pl_arg {
	const char *text;
	uint32_t type;
};

/* A statement's result rows as text (cells: nrows * ncols), in an arena. */
struct pl_rows {
	size_t ncols, nrows;
	const char **names;
	uint32_t *types;
	const char **cells;
};

struct pl_run {
	struct session *s;
	const struct xlat_pl_func *f;
	struct pl_val *vals;        /* by variable number */
	uint32_t *decl_types;       /* each scalar variable's declared type; 0: takes the value's */
	int32_t *decl_typmods;      /* ... and its typmod (-1: none) */
	struct arena *scratch;      /* one statement's translations and rows, reset after each */
	uint64_t row_count;         /* GET DIAGNOSTICS ROW_COUNT */
	bool counted;               /* the last statement was a query or DML: it sets FOUND */
	const struct pgerr *caught; /* the error the innermost running handler caught */
	int savepoints;             /* nesting of the blocks' savepoints */
	const char *label;          /* EXIT/CONTINUE's label while it unwinds, NULL: innermost */
	bool busy;                  /* met another connection's lock: the DO runs again later */
	const struct xlat_pl_stmt *at; /* the statement running, for the error's CONTEXT */
	int ret_rec; /* a trigger function's RETURN: the record returned, -1 NULL */
	struct sess_udf_set *set; /* a set-returning function's rows so far (sess_udf.c) */
};

/* ---- sess_plpgsql.c ---- */
/* Runs r's function body (variables initialized, arguments assigned): false with err when it
 * fails; a function's result is then in r->vals[r->f->result_var]. */
bool sess_pl_run_body(struct pl_run *r, struct pgerr *err);

/* ---- sess_udf.c, sess_trigger.c: the tenant's functions and triggers ---- */
/* The function name(sig) of the schema the session sees, NULL when there is none. */
const struct xlat_udf *sess_udf_find(struct session *s, const char *name, const char *sig);
/* u's body compiled (kept per session for the schema's fingerprint; in a when it cannot be
 * kept), NULL with err when it does not compile. */
const struct xlat_pl_func *sess_udf_compile(struct session *s, const struct xlat_udf *u,
					    struct arena *a, struct pgerr *err);
/* 54001 when calls nest too deep. */
bool sess_udf_depth_ok(struct session *s, struct pgerr *err);
/* Runs r's body (variables set) inside a savepoint where SQLite allows one (not while a
 * statement that writes runs): undone when it fails. */
bool sess_udf_run(struct pl_run *r, struct arena *a, struct pgerr *err);
/* RETURN QUERY, RETURN NEXT (and a set-returning LANGUAGE sql function's last statement):
 * rows join r's result set; 42804 when r is no set-returning function or the columns do not
 * match. */
bool sess_udf_add_rows(struct pl_run *r, const struct pl_rows *rows, struct pgerr *err);
/* An SQLite value as PostgreSQL text of type type (NULL for NULL), in a. */
const char *sess_udf_value_text(struct session *s, sqlite3_value *x, uint32_t type,
				struct arena *a);
/* shardlite_trigger(name, table, event, ncols, new..., old...): runs the trigger's function;
 * the result is 0 (skip the row: a BEFORE trigger returned NULL), 1 (go on), or 2 (go on;
 * the row the function returned differs and shardlite_trigger_apply writes it). */
bool sess_trigger_fire(struct session *s, sqlite3_context *ctx, int argc, sqlite3_value **argv,
		       struct arena *a, struct pgerr *err);
/* shardlite_trigger_apply(table, rowid): writes the row a BEFORE trigger changed. */
bool sess_trigger_apply(struct session *s, sqlite3_context *ctx, sqlite3_value **argv,
			struct arena *a, struct pgerr *err);
void sess_trigger_fini(struct session *s);

/* ---- sess_plsql.c ---- */
/* Declared types and initial NULLs of every variable. */
bool sess_pl_vars_init(struct pl_run *r, struct pgerr *err);
void sess_pl_vars_free(struct pl_run *r);
/* Sets variable var to text of type type, cast to its declared type as PostgreSQL assigns. */
bool sess_pl_assign(struct pl_run *r, int var, const char *text, uint32_t type, struct pgerr *err);
/* Sets field of record variable var (NEW.x := ...) to text of type type, converted to the
 * field's type; 42703 when the record has no such field, 55000 when it is not assigned. */
bool sess_pl_assign_field(struct pl_run *r, int var, const char *field, const char *text,
			  uint32_t type, struct pgerr *err);
/* Fills record variable var with row i of rows. */
void sess_pl_assign_record(struct pl_run *r, int var, const struct pl_rows *rows, size_t i);
/* Runs sql (PostgreSQL text, $n from args) and collects the rows it returns (out may be NULL
 * to discard them); r->row_count is its rows or changes. no_rows_ok false: a statement that
 * returns rows is 42601 "query has no destination" (PL/pgSQL's static SQL without INTO). */
bool sess_pl_exec(struct pl_run *r, const char *sql, const struct pl_arg *args, int nargs,
		  bool no_rows_ok, struct pl_rows *out, struct pgerr *err);
/* Runs expression e (a SELECT) with its variables bound: rows as pl_exec. */
bool sess_pl_exec_expr(struct pl_run *r, const struct xlat_pl_expr *e, bool no_rows_ok,
		       struct pl_rows *out, struct pgerr *err);
/* e's single value (text, NULL for NULL, in scratch) and type; 42601/21000 unless e returns
 * one column and at most one row. */
bool sess_pl_eval(struct pl_run *r, const struct xlat_pl_expr *e, const char **text, uint32_t *type,
		  struct pgerr *err);
/* e as a boolean (NULL: false); 42804 when it is not one. */
bool sess_pl_eval_bool(struct pl_run *r, const struct xlat_pl_expr *e, bool *out,
		       struct pgerr *err);
/* e as an integer; what names it in the 22004 of a NULL ("lower bound of FOR loop"). */
bool sess_pl_eval_int(struct pl_run *r, const struct xlat_pl_expr *e, const char *what,
		      int64_t *out, struct pgerr *err);
/* The values of exprs (EXECUTE's USING, RAISE's arguments) as arguments, in scratch. */
bool sess_pl_eval_args(struct pl_run *r, const struct xlat_pl_expr *const *exprs, size_t n,
		       struct pl_arg **out, struct pgerr *err);

/* ---- sess_plmsg.c ---- */
/* RAISE: a notice written (true), or the error in err (false). */
bool sess_pl_raise(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err);
/* GET [STACKED] DIAGNOSTICS into its variables. */
bool sess_pl_getdiag(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err);
/* ASSERT: false with P0004 when the condition is not true. */
bool sess_pl_assert(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err);

#endif
