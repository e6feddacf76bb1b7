/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_plpgsql.h: private to xlat's PL/pgSQL loader — the small JSON reader for the tree
 * pg_query_parse_plpgsql() prints, PostgreSQL's condition-name table (plerrcodes) and the
 * rewriting of embedded SQL whose variables become parameters. */
#ifndef SHARDLITE_XLAT_PLPGSQL_H
#define SHARDLITE_XLAT_PLPGSQL_H

#include "xlat_int.h"

/* ---- xlat_pljson.c: a JSON document as a tree in an arena ---- */
enum xlat_json_type { XJ_NULL, XJ_BOOL, XJ_NUMBER, XJ_STRING, XJ_ARRAY, XJ_OBJECT };
struct xlat_json {
	enum xlat_json_type type;
	const char *str; /* STRING: decoded UTF-8 (NUL-terminated); NUMBER: its text */
	bool b;
	const char *key;         /* a member of an object: its key */
	struct xlat_json *items; /* ARRAY elements, OBJECT members, in input order */
	size_t n;
};
/* Parses s into a tree allocated in a; NULL when s is not JSON (or nests too deep). */
struct xlat_json *xlat_json_parse(struct arena *a, const char *s);
/* Member key of object o, NULL when o is no object or has none. */
const struct xlat_json *xlat_json_get(const struct xlat_json *o, const char *key);
/* The string member key of o, NULL when absent or not a string. */
const char *xlat_json_str(const struct xlat_json *o, const char *key);
/* The number member key of o as an int, dflt when absent. */
int xlat_json_int(const struct xlat_json *o, const char *key, int dflt);
/* The boolean member key of o, false when absent. */
bool xlat_json_bool(const struct xlat_json *o, const char *key);

/* ---- xlat_plbind.c: variables in embedded SQL ---- */
/* Resolves the column reference names[0..n) to a variable: true with *ref filled, false when
 * it names none (it is then a column). */
typedef bool xlat_plbind_fn(void *arg, const char *const *names, size_t n, struct xlat_pl_ref *ref);
/* sql (a SELECT, INSERT, UPDATE, DELETE or other statement, PostgreSQL text) with each column
 * reference fn resolves replaced by $k, k numbering the distinct references in *refs. Other
 * statements (utility: CREATE ...) are kept as written, as PostgreSQL's PL/pgSQL substitutes
 * no variables in them. False with err: 42601 for a syntax error, 0A000 for a whole-record
 * reference. Everything lives in a. */
bool xlat_plbind(const char *sql, xlat_plbind_fn *fn, void *arg, struct arena *a,
		 struct xlat_pl_expr *out, struct pgerr *err) MUST_CHECK;

/* ---- xlat_plpgsql.c / xlat_plstmt.c: the loader of a DO block's tree ---- */
#define MAX_SCOPE 1024

struct xlat_plscope {
	const char *name; /* a variable's name, or a block's label */
	int var;          /* -1 for a label */
};

/* The JSON names every datum in one array; which of them a block declares is not in it, so
 * the body's tokens are scanned for each block's DECLARE section (pre-order, as blocks nest
 * in the text) and datums are matched to declarations in creation order. */
struct xlat_plloader {
	struct xlat_ctx *c;
	const struct xlat_json *datums;
	struct xlat_pl_var *vars;
	size_t nvars;
	size_t next_datum;      /* the next datum a declaration or loop may claim */
	const int *block_decls; /* per block in text order: its declarations */
	size_t nblocks, next_block;
	bool synthetic_top; /* libpg_query wrapped a top block that has EXCEPTION */
	/* A function's: its arguments (the first nargs datums, with their declared types) and
	 * whether it returns void (a DO does: RETURN may not have a value). */
	size_t nargs;
	const char *const *argdecls;
	const char *const *argnames; /* NULL: not known (the record fields xlat_plpre.c sees) */
	bool returns_void;
	bool trigger; /* RETURNS trigger: NEW, OLD and the TG_ variables */
	bool retset;  /* RETURNS SETOF / TABLE: RETURN NEXT and RETURN QUERY */
	bool has_outs; /* OUT parameters, RETURNS TABLE's columns: RETURN [NEXT] takes no value */
	/* RETURNS TABLE's columns: the arguments from table_first on (after the inputs), which
	 * `RETURN NEXT;` makes the next row of */
	size_t table_first, ntable;
	/* RETURNS SETOF with OUT parameters: the OUT and INOUT ones' variables, in order, which
	 * `RETURN NEXT;` makes the next row of (else NULL) */
	const int *out_vars;
	size_t nout_vars;
	/* A LANGUAGE sql body's with OUT parameters: per argument the n of the $n naming it,
	 * counting the inputs only (0: an OUT one, which no $n names); NULL: $n is argument n. */
	const int *in_number;
	const char *fn_label; /* a function's name (no schema): it qualifies its parameters */
	bool row_set; /* RETURNS SETOF a row type: RETURN NEXT's value is a row of it */
	bool one_record; /* RETURNS record (not SETOF, no OUT parameters): RETURN r is its row */
	const char *where; /* "a DO block" or "a PL/pgSQL function", for refusals */
	struct xlat_plscope scope[MAX_SCOPE];
	size_t nscope;
	/* The cursor statements (and RETURN NEXT variables) xlat_plpre_body took out of the
	 * body, by marker number. */
	const char **cursor_stmts;
	size_t ncursor_stmts, cap_cursor_stmts;
	bool *cursor_arg; /* per datum: an argument of a bound cursor, declared with it */
};

/* xlat_plfunc.c: RETURN NEXT and RETURN QUERY [EXECUTE] (kind: the JSON node's name). */
bool xlat_plload_return_set(struct xlat_plloader *l, const struct xlat_json *b,
			    struct xlat_pl_stmt *st, const char *kind);

/* RETURN r in a function RETURNS record (l->one_record): r's fields as the one row of the
 * result (RETURN QUERY SELECT r.*, then RETURN); RETURN ROW(a, b) or (a, b) the row SELECT a,
 * b, RETURN NULL a row of NULLs; another value 0A000. */
bool xlat_plload_return_record(struct xlat_plloader *l, const struct xlat_json *e,
			       struct xlat_pl_stmt *st);

/* ROW(a, b) or (a, b): `SELECT a, b` (deparsed from the row's fields), *unknown 1 + the first
 * field that is a string literal or NULL; NULL: "" (a row of NULLs); another expression (or a
 * syntax error): NULL. In l's arena. */
const char *xlat_plload_row_select(struct xlat_plloader *l, const char *expr, int *unknown);

/* 0A000 "<what> is not supported in a DO block" (or "in a PL/pgSQL function"); false. */
bool xlat_plload_unsupported(struct xlat_plloader *l, const char *what);
/* A datum's or statement's one member (*kind its name, "" when not one). */
const struct xlat_json *xlat_plload_node(const struct xlat_json *d, const char **kind);
/* The next datum a declaration, loop variable or SQLSTATE/SQLERRM creates (name: the one it
 * must have); -1 when the tree does not hold it. */
int xlat_plload_claim(struct xlat_plloader *l, const char *name);
/* Brings variable var (-1: a block's or loop's label) into scope as name. */
void xlat_plload_push(struct xlat_plloader *l, const char *name, int var);
/* sql with the variables in scope made parameters; NULL with the error set. */
const struct xlat_pl_expr *xlat_plload_sql(struct xlat_plloader *l, const char *sql);
/* A PLpgSQL_expr as the SELECT of its expression; NULL with the error set. */
const struct xlat_pl_expr *xlat_plload_expr(struct xlat_plloader *l, const struct xlat_json *e);
/* A PLpgSQL_expr's text, NULL when e is none. */
const char *xlat_plload_text(const struct xlat_json *e);
/* INTO / FOR targets (a row datum's fields) into st. */
bool xlat_plload_targets(struct xlat_plloader *l, const struct xlat_json *t,
			 struct xlat_pl_stmt *st);
/* An array of PLpgSQL_expr as SELECTs. */
bool xlat_plload_exprs(struct xlat_plloader *l, const struct xlat_json *arr,
		       const struct xlat_pl_expr *const **out, size_t *n);
/* The SQLSTATEs of a condition name or 5-character SQLSTATE (42704 and 0 when neither). */
size_t xlat_plload_condition(struct xlat_plloader *l, const char *name, const char **codes,
			     size_t max);
/* A block (synthetic: libpg_query's wrapper around a top block with EXCEPTION). */
bool xlat_plload_block(struct xlat_plloader *l, const struct xlat_json *b, struct xlat_pl_stmt *st,
		       bool synthetic);
/* Arguments in scope by name and as $n, FOUND after them. */
void xlat_plload_args(struct xlat_plloader *l);
/* Parses body (a DO's when u is NULL, else function u's) with PostgreSQL's PL/pgSQL parser and
 * loads it into *f; false with the error set. */
bool xlat_plload_parse(struct xlat_plloader *l, const struct xlat_udf *u, const char *body,
		       struct xlat_pl_func *f);
/* The variable name names in scope, -1 when none. */
int xlat_plload_find(const struct xlat_plloader *l, const char *name);

/* ---- xlat_plpre.c: the body as libpg_query's parser can take it ---- */
/* The marker a cursor statement is left as: PERFORM <mark>N, FOR r IN <mark>N .. 0 LOOP. */
#define XLAT_PL_CURSOR_MARK "__shardlite_cursor_"
/* The marker `RETURN NEXT name;` leaves for name (its text kept as a cursor statement's). */
#define XLAT_PL_NEXT_MARK "__shardlite_next_"
/* body with each `r.f := ...` of a record variable r handed to libpg_query's parser, which
 * knows no records, as `r<comment f> := ...`, each cursor statement and the variable of each
 * `RETURN NEXT v;` as its marker, its text kept in l->cursor_stmts (in l's arena; body itself when there is nothing to change). */
const char *xlat_plpre_body(struct xlat_plloader *l, const char *body);
/* The identifier p[0..n) folded as PostgreSQL folds it (quoted: as written), in a. */
const char *xlat_plpre_fold(struct arena *a, const char *p, size_t n);
/* sr's tokens without its comments (`open c; -- why`), in a: what the readers of statements
 * look at; *n their count. */
struct PgQuery__ScanToken **xlat_plpre_tokens(struct arena *a, const struct PgQuery__ScanResult *sr,
					      size_t *n);

/* ---- xlat_plrec.c: records, %TYPE and %ROWTYPE ---- */
/* v's declared type t: `x%ROWTYPE` makes v a record of relation x's row (v->rowtype), else
 * t as written (`t.c%TYPE` is resolved when the function runs). */
bool xlat_plrec_type(struct xlat_plloader *l, struct xlat_pl_var *v, const char *t);
/* v, declared with a relation's name as its type (`u users;`, a function's OUT response
 * "Authors"), made a record of that relation's row, as `x%ROWTYPE` makes one. */
void xlat_plrec_named_row(struct xlat_plloader *l, struct xlat_pl_var *v);
/* RETURN r of a row-typed variable (`r t;`, `r t%ROWTYPE`) in a function with a result
 * variable: true with st->expr SELECT r.* (NULL on failure) and st->ret_fields, the session
 * making the value of the fields; false when e is no such name. */
bool xlat_plload_return_fields(struct xlat_plloader *l, const struct xlat_json *e,
			       struct xlat_pl_stmt *st);
/* Whether type t (as written: `t`, `"T"`, `public.t`) names a relation of the tenant rather
 * than a type (the built-in types and the tenant's enums come first). */
bool xlat_plrec_names_relation(struct xlat_plloader *l, const char *t);
/* A declaration `v x%TYPE` of variable x in scope takes x's type (42601 when there is no x
 * and the prefix is one name). */
bool xlat_plrec_decl(struct xlat_plloader *l, struct xlat_pl_var *v);
/* The assignment q ("r<comment f> := expr", as xlat_plrec_rewrite made it) to a field of record
 * st->var into st, or of the whole record (NULL; another record variable; a row; a composite
 * value: xlat_pl_stmt.rec_whole). */
bool xlat_plrec_assign(struct xlat_plloader *l, const char *q, struct xlat_pl_stmt *st);

/* ---- xlat_pliter.c: FOREACH, arrays' elements, cursors ---- */
/* var[i] := expr, var[i][j] := expr, var[l:u] := expr (p at the '[' of the assignment's
 * text) into st: its subscripts (a slice's bounds given) one SELECT of as many columns, a
 * slice's spec in st->slice_spec. */
bool xlat_plload_element(struct xlat_plloader *l, const char *p, struct xlat_pl_stmt *st);
/* FOREACH var [SLICE n] IN ARRAY expr LOOP ... (the node b) into st, a FOR loop over the
 * array. */
bool xlat_plload_foreach(struct xlat_plloader *l, const struct xlat_json *b,
			 struct xlat_pl_stmt *st);

/* A cursor variable (DECLARE c [NO] [SCROLL] CURSOR [(args)] FOR query, or c refcursor):
 * its type, and its arguments marked in l->cursor_arg. */
bool xlat_plload_cursor_var(struct xlat_plloader *l, struct xlat_pl_var *v,
			    const struct xlat_json *b);
/* A cursor variable's declaration d in its block: the bound query, its arguments in scope. */
bool xlat_plload_cursor_decl(struct xlat_plloader *l, struct xlat_pl_var *v,
			     const struct xlat_json *d);
/* The marker statement j left by xlat_plpre_body (PERFORM, or a FOR loop over a cursor) as
 * the cursor statement it stands for into st; -1 when j is no marker, else 1 (loaded) or 0
 * (failed, the error set). */
int xlat_plload_cursor_stmt(struct xlat_plloader *l, const char *kind, const struct xlat_json *b,
			    struct xlat_pl_stmt *st);

/* xlat_plstmt.c: a statement list. */
bool xlat_plload_list(struct xlat_plloader *l, const struct xlat_json *arr,
		      struct xlat_pl_list *out);

#endif
