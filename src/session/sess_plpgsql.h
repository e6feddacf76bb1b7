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
	bool row; /* a record of a relation's row type (x%ROWTYPE): its fields stay */
	bool filled; /* a row given a value since it was declared or reset: NULL before */
	bool null_row; /* NEW of a DELETE, OLD of an INSERT: NULL as a value, its fields NULL */
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

/* A cursor OPEN made (sess_pliter.c): its rows, read at OPEN, and where FETCH stands. */
struct pl_cursor {
	struct pl_cursor *next;
	char *name;
	struct arena *a;     /* its rows */
	struct pl_rows rows;
	size_t pos;          /* 0 before the first row, k on row k, nrows + 1 after the last */
	bool no_scroll;
	bool loop; /* a FOR loop's over it, which a COMMIT keeps (PostgreSQL holds it) */
	/* a simply updatable scan of this table (xlat_cursor_scan_sql), each row's rowid, for
	 * WHERE CURRENT OF; NULL when none */
	const char *scan_table;
	int64_t *rowids;
};

#define PL_RET_ROW (-2)

/* The CONTEXT line of the SQL a PL/pgSQL statement runs through SPI: `what "text"`, what
 * "SQL statement", "SQL expression" or "PL/pgSQL assignment"; what NULL: none. */
struct pl_spi {
	const char *what, *text;
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
	bool modified;              /* it was INSERT/UPDATE/DELETE/MERGE: INTO is strict */
	const struct pgerr *caught; /* the error the innermost running handler caught */
	int savepoints;             /* nesting of the blocks' savepoints */
	const char *label;          /* EXIT/CONTINUE's label while it unwinds, NULL: innermost */
	bool busy;                  /* met another connection's lock: the DO runs again later */
	/* PostgreSQL's CONTEXT lines, innermost call first (sess_plmsg.c): the statement running
	 * (its line), the SQL it runs meanwhile (spi: PostgreSQL's SPI error callback's line;
	 * none while it evaluates a simple expression, which PostgreSQL runs outside SPI), and
	 * whether this run's line is in the error unwinding already */
	const struct xlat_pl_stmt *at;
	struct pl_spi spi;
	bool context_said;
	const char *assign_text; /* set by an assignment for its expression's sess_pl_eval */
	bool analysis_failed;    /* the SQL run last failed to translate (parse analysis) */
	int ret_rec; /* a trigger function's RETURN: the record returned, -1 NULL, PL_RET_ROW
		      * ret_text (RETURN expr: a row's text of type ret_type) */
	char *ret_text;
	uint32_t ret_type;
	/* a row trigger's table and its number of columns; while its RETURN expr runs
	 * (ret_casting), whole records of as many fields are spelled CAST(ROW(...) AS ret_cast) */
	const char *ret_cast;
	size_t ret_cast_ncols;
	bool ret_casting;
	char **decl_names; /* a `t.c%TYPE` variable's type as the column declares it, else NULL */
	struct pl_cursor *cursors; /* the open ones */
	/* set while a cursor's query runs: sess_pl_exec reads the rowids of a simply updatable
	 * scan too (a last ctid column), and names its table in scan_table */
	bool scan_ctid;
	const char *scan_table;
	struct pl_run *outer; /* the run this one's body was called from (sess_rare.pl_top) */
	struct sess_udf_set *set; /* a set-returning function's rows so far (sess_udf.c) */
	bool proc;                /* the body is a procedure's */
	/* a procedure CALLed, or a DO run, outside a transaction block (PostgreSQL's non-atomic
	 * context): COMMIT and ROLLBACK end its transaction, and this SQL begins the savepoints
	 * it runs in again (sess_txn_end_inside); NULL: they are 2D000 */
	const char *again;
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
/* One row of NULLs, as wide as the call's result (RETURN NULL of RETURNS record). */
bool sess_udf_add_null_row(struct pl_run *r, struct pgerr *err);
/* An SQLite value as PostgreSQL text of type type (NULL for NULL), with a column's typmod
 * (-1: none; numeric(p,s) prints s fraction digits, as the stored value reads), in a. */
const char *sess_udf_value_text(struct session *s, sqlite3_value *x, uint32_t type, int32_t typmod,
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
/* The row a BEFORE trigger returned, waiting for its companion (or the session, sess_trgrow.c)
 * to write it. */
struct sess_trg_row {
	char *table;
	size_t n;
	char **texts;     /* by column */
	bool *changed;
	int depth;    /* the call depth of the statement writing the row */
	bool applied; /* written by the companion: kept for the row's AFTER triggers' NEW */
	/* 'I' or 'U': the event of the BEFORE triggers that made it; 'X' once ON CONFLICT DO
	 * UPDATE took the INSERT's row as EXCLUDED (sess_trgret.c): no longer to be written */
	char event;
	char *last; /* the BEFORE trigger that returned it: a later one (by name) of the same
		     * row starts from it, an earlier or the same one is another row's */
};
/* The hidden marker of RETURNING (shardlite_returning(), xlat_stmt.dml_events 4096), ON
 * CONFLICT DO UPDATE's shardlite_upsert(table) and shardlite_excluded(table, column, value):
 * sess_trgret.c. */
void sess_trigger_ret_mark(struct session *s, sqlite3_context *ctx, int argc,
			   sqlite3_value **argv);
void sess_trigger_ret_params_free(struct sess_udf_state *st);
void sess_trigger_upsert(struct session *s, sqlite3_context *ctx, sqlite3_value **argv);
bool sess_trigger_excluded(struct session *s, sqlite3_context *ctx, sqlite3_value **argv,
			   struct pgerr *err);
/* In sess_trigger_apply, the row just written by rowid: the statement's RETURNING list read of
 * it for the row SQLite returned with the marker waiting (udf->trg.ret_wait); 0A000 when the
 * statement reads RETURNING rows and no marker waits (SQLite's row would be the statement's). */
bool sess_trigger_ret_applied(struct session *s, const char *table, sqlite3_value *rowid,
			      struct pgerr *err);
/* The statement's RETURNING list read of row rowid now, kept as udf->returned's next entry
 * with id (0: sent after SQLite's rows; else the marker value of the row it stands for). */
bool sess_trigger_keep_returned(struct session *s, int64_t rowid, uint64_t id, struct pgerr *err);

/* A trigger's row of the sidecar _shardlite_triggers (docs/catalog.md). */
enum { SESS_TRG_DISABLED, SESS_TRG_ORIGIN, SESS_TRG_ALWAYS, SESS_TRG_REPLICA };
struct sess_trg_def {
	const char *func_name, *func_sig, *timing, *args, *when; /* when: NULL for none */
	int enabled; /* SESS_TRG_*: ALTER TABLE ... ENABLE [ALWAYS | REPLICA] / DISABLE TRIGGER */
	int events;  /* PostgreSQL's event bits, SESS_TRG_STATEMENT for FOR EACH STATEMENT */
	const char *old_table, *new_table; /* REFERENCING's transition table names, or NULL */
	const char *columns;               /* UPDATE OF's, joined by 0x1f; "" for none */
};
#define SESS_TRG_STATEMENT 256 /* the sidecar's mark of a statement trigger (docs/catalog.md) */
/* ... and of CREATE CONSTRAINT TRIGGER [DEFERRABLE] [INITIALLY DEFERRED] */
#define SESS_TRG_CONSTRAINT 1024
#define SESS_TRG_DEFERRABLE 2048
#define SESS_TRG_INITDEFERRED 4096
/* Trigger name of table from the sidecar into *d (in a); 42704 when there is none. */
bool sess_trigger_def(struct session *s, const char *table, const char *name, struct arena *a,
		      struct sess_trg_def *d, struct pgerr *err);
/* Whether d fires under the session's session_replication_role. */
bool sess_trigger_enabled(struct session *s, const struct sess_trg_def *d);
/* A row trigger d of partitioned table rel (named table): the flag the copy on the partition
 * of the row vals (NEW then OLD, ncols each) has of its own (ALTER TABLE p1 DISABLE TRIGGER
 * t; catalog_trigpart.c) replaces d's. */
void sess_trigger_part_flag(struct session *s, struct sess_trg_def *d, const char *table,
			    const char *name, const struct catalog_relation *rel, const char *event,
			    sqlite3_value *const *vals, size_t ncols, struct arena *a);
/* Sets the TG_ variables of r (level "ROW" or "STATEMENT"). */
bool sess_trigger_set_tg(struct pl_run *r, const char *name, const char *table, const char *event,
			 const char *level, const struct sess_trg_def *d, struct arena *a,
			 struct pgerr *err);
/* NEW and OLD of r as rows of NULLs of table's columns (PostgreSQL's NULL NEW of a DELETE or
 * of a statement trigger reads NULL in each field). */
void sess_trigger_null_rows(struct pl_run *r, const char *table, struct arena *a);
/* "col" = ?param of an UPDATE writing a trigger's changed row (a rowid key refuses NULL). */
void sess_trigger_put_assign(struct strbuf *sb, const struct catalog_relation *rel, size_t k,
			     int param);
/* After a BEFORE trigger of an INSERT or UPDATE of table changed the row (kept in
 * trg_pending): writes it in place of the statement's when the statement allows (*done; the
 * caller then skips the statement's row), else leaves it to the companion. orig is NEW as SQLite
 * gave it, olds OLD. False with err when the write fails. sess_trgrow.c. */
bool sess_trigger_replace(struct session *s, const char *table, const char *event,
			  const struct catalog_relation *rel, const char *const *orig,
			  const char *const *olds, struct arena *a, bool *done, struct pgerr *err);
/* In a BEFORE INSERT trigger's NEW (texts of rel's columns): a serial key SQLite is to number
 * (it reads -1) as the number SQLite will give it, as PostgreSQL's NEW shows nextval's. */
void sess_trigger_number(struct session *s, const struct catalog_relation *rel,
			 const char **texts, struct arena *a);
/* Evaluates a trigger's WHEN condition e (xlat_trigger_when) in r into *yes, as a nested
 * statement of the one firing the trigger. */
bool sess_trigger_when_eval(struct pl_run *r, const struct xlat_pl_expr *e, bool *yes,
			    struct pgerr *err);
/* sess_udf_run for a trigger's function: counted by pg_trigger_depth(). */
bool sess_trigger_run(struct pl_run *r, struct arena *a, struct pgerr *err);
/* Runs row trigger name's function (d) for one row of table: NEW news and OLD olds (texts of
 * rel's columns), TG_ variables (table: TG_TABLE_NAME's, sess_trigger_relname), WHEN
 * condition; its result is ignored (an AFTER trigger). */
bool sess_trigger_call_row(struct session *s, const char *name, const char *table,
			   const char *event, const struct sess_trg_def *d,
			   const struct catalog_relation *rel, const char **news, const char **olds,
			   struct arena *a, struct pgerr *err);
/* TG_TABLE_NAME of a row trigger of table for SQLite's row vals (NEW's ncols values, then
 * OLD's): for a partitioned table the partition the row is in (PostgreSQL fires the
 * partition's copy of the trigger), else table. In a. */
const char *sess_trigger_relname(struct session *s, const char *table,
				  const struct catalog_relation *rel, const char *event,
				  sqlite3_value *const *vals, size_t ncols, struct arena *a);

/* ---- sess_trgafter.c: the AFTER row triggers' queue and transition tables ---- */
/* Keeps one row of trigger name of table (SQLite's NEW values then OLD's, ncols each, copied)
 * for the running statement's end; events: the trigger's (sess_trg_def.events): a statement
 * trigger's row is kept for its transition tables only, a deferrable constraint trigger's may
 * be deferred further (sess_trgdefer.c). */
bool sess_trigger_queue(struct session *s, const char *table, const char *name, const char *event,
			int events, size_t ncols, sqlite3_value **vals);
/* Runs statement trigger d's function (r, variables set) with its transition tables made of
 * the statement's rows kept from lo (sess_trigger_fire_queued's). */
bool sess_trigger_statement_tt(struct session *s, const char *table, const char *name,
			       const struct sess_trg_def *d, size_t lo, struct pl_run *r,
			       struct arena *a, struct pgerr *err);

/* ---- sess_plsql.c ---- */
/* Declared types and initial NULLs of every variable. */
bool sess_pl_vars_init(struct pl_run *r, struct pgerr *err);
void sess_pl_vars_free(struct pl_run *r);
/* A value (text of type type, the domain's base type; NULL too) cast to domain d, which answers
 * PostgreSQL's 23502 / 23514 (pgfn_domain_check): a variable's, or a result row's column. */
bool sess_pl_domain_check(struct pl_run *r, const struct xlat_domain *d, const char *text,
			  uint32_t type, struct pgerr *err);
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
/* As sess_pl_exec / sess_pl_exec_expr for the SQL statement a PL/pgSQL statement runs (SQL,
 * PERFORM, EXECUTE, FOR over a query, RETURN QUERY), as PostgreSQL's SPI runs it: the functions
 * it calls see its text in PG_CONTEXT, and its error's CONTEXT says `SQL statement "text"`
 * (text: as written; EXECUTE's string). */
bool sess_pl_spi_exec(struct pl_run *r, const char *text, const char *sql,
		      const struct pl_arg *args, int nargs, bool no_rows_ok, struct pl_rows *out,
		      struct pgerr *err);
bool sess_pl_spi_expr(struct pl_run *r, const struct xlat_pl_expr *e, bool no_rows_ok,
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
/* Value text (not NULL) of type as an integer, cast as PostgreSQL casts it to integer. */
bool sess_pl_int_of(struct pl_run *r, const char *text, uint32_t type, int64_t *out,
		    struct pgerr *err);
/* The values of exprs (EXECUTE's USING, RAISE's arguments) as arguments, in scratch. */
bool sess_pl_eval_args(struct pl_run *r, const struct xlat_pl_expr *const *exprs, size_t n,
		       struct pl_arg **out, struct pgerr *err);

/* The OID (and typmod) of a declared type as written ("int", "varchar(20)", an enum's name),
 * 0 when there is no such type. */
uint32_t sess_pl_decl_type(struct session *s, const char *type, int32_t *typmod);

/* Whether t is a string type (or unknown, 0): assignments to or from one go by I/O. */
bool sess_pl_is_string(uint32_t t);
/* PostgreSQL's I/O conversion: text read by type to's input function (its errors: 22P02 ...)
 * and written again by its output function, into *out (scratch). */
bool sess_pl_io_convert(struct pl_run *r, const char *text, uint32_t to, int32_t typmod,
			const char **out, struct pgerr *err);

/* ---- sess_plrec.c ---- */
/* Resolves variable var's `t.c%TYPE` or `t%ROWTYPE` declaration (when it has one) against the
 * tenant's tables: 42601 (a column) or 42P01 (a relation) when there is none. */
bool sess_pl_rec_init(struct pl_run *r, size_t var, struct pgerr *err);
/* Record var as a block's entry leaves it: unassigned, or a row type's fields NULL. */
void sess_pl_rec_reset(struct pl_run *r, int var);
/* Row i of rows (none: NULLs) into row-typed record var, column k into field k converted to
 * its type. */
/* st's assignment of a whole record (xlat_pl_stmt.rec_whole), as PostgreSQL's: a row
 * variable takes the value's fields by position, each converted to its field's type (fewer:
 * NULLs), a record the value's structure; NULL (or a record not assigned) makes it NULL. */
bool sess_pl_assign_whole(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err);
/* A composite value's text (of row type t) as one row of its fields, named and typed as t's
 * attributes, in scratch; 22P02 for a malformed one. */
bool sess_pl_composite_row(struct pl_run *r, const struct catalog_relation *t, const char *text,
			   struct pl_rows *out, struct pgerr *err);
/* Row variable var as a composite value: its fields in record_out's text (in r->scratch),
 * NULL while it has none (PostgreSQL's row variable is NULL until assigned). */
const char *sess_pl_row_text(struct pl_run *r, int var);
bool sess_pl_assign_row(struct pl_run *r, int var, const struct pl_rows *rows, size_t i,
			struct pgerr *err);
/* Fills row variable var (a %ROWTYPE record) from text, a composite value in record_out's form
 * (an argument of a row type): field by field in order, each converted to its field's type.
 * False with 22P02 for a malformed value or one of too many fields. */
bool sess_pl_row_from_text(struct pl_run *r, int var, const char *text, struct pgerr *err);

/* e's sql and args (nargs of them, its refs') with each whole record variable it names spelled
 * out: `r` as ROW($a, $b, ...), `r.*` as $a, $b, ... of its fields, appended to args (in
 * scratch); unchanged when it names none. 55000 for a record not assigned yet. */
bool sess_pl_expand_records(struct pl_run *r, const struct xlat_pl_expr *e, const char **sql,
			    struct pl_arg **args, int *nargs, struct pgerr *err);

/* ---- sess_pliter.c ---- */
/* FOREACH's rows: the elements (or slices) of st's array, one column, in r->scratch; 22004 for
 * a NULL array, 42804 for no array, 2202E for a slice beyond its dimensions. */
bool sess_pl_foreach_rows(struct pl_run *r, const struct xlat_pl_stmt *st, struct pl_rows *out,
			  struct pgerr *err);

/* Element i of FOREACH's rows into st's targets: a record's, or several variables', its
 * fields (a NULL element makes a record NULL). */
bool sess_pl_foreach_assign(struct pl_run *r, const struct xlat_pl_stmt *st,
			    const struct pl_rows *rows, size_t i, struct pgerr *err);

/* var[i] := value of a one-dimensional array (NULL: an empty one), as PostgreSQL assigns it:
 * past the end pads with NULLs; 0A000 for subscripts below 1, several dimensions, explicit
 * bounds. */
bool sess_pl_assign_element(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err);
/* FOR over a bound cursor's rows (its arguments from st->params), in r->scratch; 42P03 when
 * the cursor is open. The cursor is open while the loop runs (*open, for WHERE CURRENT OF):
 * sess_pl_forc_at puts it on row pos, sess_pl_forc_close closes it (both nothing when the
 * body closed it). */
bool sess_pl_forc_rows(struct pl_run *r, const struct xlat_pl_stmt *st, struct pl_rows *out,
		       struct pl_cursor **open, struct pgerr *err);
void sess_pl_forc_at(struct pl_run *r, struct pl_cursor *open, size_t pos);
void sess_pl_forc_close(struct pl_run *r, struct pl_cursor *open);
/* shardlite_current_of(name, table) while r runs: name a cursor variable of r's function
 * (its value the cursor's name, else name itself), a cursor of r's or of the runs it was
 * called from: true with the row's rowid or PostgreSQL's error (24000) in ctx; false when no
 * such cursor is open there (*portal: the name to find among the session's cursors). */
bool sess_pl_current_of(struct pl_run *r, const char *name, const char *table,
			sqlite3_context *ctx, const char **portal);
/* OPEN, FETCH, MOVE, CLOSE (PostgreSQL's 34000, 42P03, 55000, 22004). */
bool sess_pl_cursor(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err);
/* Closes r's cursors but those FOR loops run over, as a COMMIT in a procedure does. */
void sess_pl_cursors_commit(struct pl_run *r);
/* Closes the cursors the run left open. */
void sess_pl_cursors_free(struct pl_run *r);
/* At the successful end of a function or DO block: its open cursors handed to the session
 * (sess_cursor_adopt: kept to the transaction's end), then freed here. */
void sess_pl_cursors_keep(struct pl_run *r);

/* ---- sess_plpgsql.c: shared with the loops and cursors ---- */
/* Row i of rows (none: NULLs) into st's targets. */
bool sess_pl_assign_targets(struct pl_run *r, const struct xlat_pl_stmt *st,
			    const struct pl_rows *rows, size_t i, struct pgerr *err);
/* EXECUTE's string and USING values; 22004 for a NULL string. */
bool sess_pl_dyn_sql(struct pl_run *r, const struct xlat_pl_stmt *st, const char **sql,
		     struct pl_arg **args, struct pgerr *err);
/* sess_plrec.c: EXECUTE ... USING r of a whole record variable r as $n: `$n.*` and `$n.f`
 * (`($n).f`) of the string become parameters holding r's fields, appended to *args (*nargs
 * grows), as SQLite cannot select a field of the composite value; in r's scratch. */
void sess_pl_dyn_records(struct pl_run *r, const struct xlat_pl_stmt *st, const char **sql,
			 struct pl_arg **args, int *nargs);

/* ---- sess_plmsg.c ---- */
/* RAISE: a notice written (true), or the error in err (false). */
bool sess_pl_raise(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err);
/* GET [STACKED] DIAGNOSTICS into its variables. */
bool sess_pl_getdiag(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err);
/* ASSERT: false with P0004 when the condition is not true. */
bool sess_pl_assert(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err);
/* err failed st: its CONTEXT gets r's line at st, under the lines of the function st called
 * that failed (sess_udf_fix_error); once per error, by the innermost statement. */
void sess_pl_context_frame(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err);
/* err came from running SQL through SPI: its CONTEXT gets PostgreSQL's `what "text"` line
 * (under the lines of a function the SQL called), unless it points into the text (a position,
 * or a translation's error: PostgreSQL's parse analysis gives one, which it reports as an
 * internal query and position instead); false. */
bool sess_pl_spi_failed(struct pl_run *r, struct pl_spi spi, struct pgerr *err);

#endif
