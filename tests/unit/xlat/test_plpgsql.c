/* SPDX-License-Identifier: Apache-2.0 */
/* test_plpgsql.c: the DO loader — PostgreSQL's PL/pgSQL tree (libpg_query's JSON) into struct
 * xlat_pl_func: statements, variables resolved block by block into parameters of embedded
 * SQL, condition names into SQLSTATEs, and the refusals (SQLSTATE and message). */
#include "xlat_test.h"

#include <string.h>

static const struct xlat_pl_func *load(struct arena *a, const char *sql)
{
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = xlat_translate(sql, NULL, 0, a, &v, &n, &err);
	ck_assert_msg(ok, "%s: %s %s", sql, err.sqlstate, err.message);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(v[0].kind, XLAT_DO);
	ck_assert_str_eq(v[0].tag, "DO");
	return v[0].plpgsql;
}

/* The innermost first statement: through blocks that only wrap one. */
static const struct xlat_pl_stmt *first(const struct xlat_pl_stmt *st)
{
	while (st->kind == XLAT_PL_BLOCK && st->body.n && !st->nhandlers)
		st = &st->body.v[0];
	return st;
}

static int var_named(const struct xlat_pl_func *f, const char *name, int nth)
{
	for (size_t i = 0; i < f->nvars; i++)
		if (f->vars[i].name && strcmp(f->vars[i].name, name) == 0 && nth-- == 0)
			return (int)i;
	return -1;
}

START_TEST(test_drizzle)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f = load(
		a,
		"DO $$ BEGIN CREATE TYPE \"public\".\"status\" AS ENUM('a', 'b'); EXCEPTION WHEN "
		"duplicate_object THEN null; END $$;");
	const struct xlat_pl_stmt *b = first(&f->top);
	ck_assert_int_eq(b->kind, XLAT_PL_BLOCK);
	ck_assert_uint_eq(b->nhandlers, 1);
	ck_assert_uint_eq(b->handlers[0].ncodes, 1);
	ck_assert_str_eq(b->handlers[0].codes[0], "42710");
	ck_assert(!b->handlers[0].others);
	ck_assert_uint_eq(b->body.n, 1);
	ck_assert_int_eq(b->body.v[0].kind, XLAT_PL_SQL);
	ck_assert_str_eq(b->body.v[0].expr->sql,
			 "CREATE TYPE \"public\".\"status\" AS ENUM('a', 'b')");
	ck_assert_int_eq(b->body.v[0].expr->nrefs, 0);
	ck_assert_int_eq(var_named(f, "sqlstate", 0), b->sqlstate_var);
	arena_free(a);
}
END_TEST

START_TEST(test_variables)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f = load(
		a, "DO $$ DECLARE x int := 1; r record; BEGIN x := x + 1; FOR r IN SELECT a FROM t "
		   "WHERE b = x LOOP PERFORM r.a, x; END LOOP; CREATE TABLE x (x int); END $$");
	int x = var_named(f, "x", 0), r = var_named(f, "r", 0);
	ck_assert_int_ge(x, 1);
	ck_assert_str_eq(f->vars[x].type, "int");
	ck_assert_str_eq(f->vars[x].init->sql, "SELECT 1");
	ck_assert_ptr_null(f->vars[r].type); /* a record */
	ck_assert_uint_eq(f->top.ndecls, 2);
	const struct xlat_pl_list *body = &f->top.body;
	ck_assert_int_eq(body->v[0].kind, XLAT_PL_ASSIGN);
	ck_assert_int_eq(body->v[0].var, x);
	ck_assert_str_eq(body->v[0].expr->sql, "SELECT  $1 + 1");
	ck_assert_int_eq(body->v[0].expr->refs[0].var, x);
	const struct xlat_pl_stmt *loop = &body->v[1];
	ck_assert_int_eq(loop->kind, XLAT_PL_FORS);
	ck_assert_str_eq(loop->expr->sql, "SELECT a FROM t WHERE b = $1");
	ck_assert_uint_eq(loop->ntargets, 1);
	ck_assert_int_eq(loop->targets[0], r);
	const struct xlat_pl_expr *p = loop->body.v[0].expr;
	ck_assert_str_eq(p->sql, "SELECT $1, $2");
	ck_assert_int_eq(p->refs[0].var, r);
	ck_assert_str_eq(p->refs[0].field, "a");
	ck_assert_int_eq(p->refs[1].var, x);
	/* utility statements see no variables, as in PostgreSQL */
	ck_assert_str_eq(body->v[2].expr->sql, "CREATE TABLE x (x int)");
	arena_free(a);
}
END_TEST

START_TEST(test_scopes)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f = load(
		a, "DO $$ DECLARE x int; BEGIN DECLARE x text; y int; BEGIN x := 'a'; PERFORM x; "
		   "END; x := 1; FOR i IN 1..3 LOOP PERFORM i; END LOOP; <<l>> LOOP EXIT l WHEN "
		   "x > 2; CONTINUE; END LOOP; END $$");
	int outer = var_named(f, "x", 0), inner = var_named(f, "x", 1);
	ck_assert_int_ne(outer, inner);
	const struct xlat_pl_stmt *b = &f->top.body.v[0];
	ck_assert_int_eq(b->kind, XLAT_PL_BLOCK);
	ck_assert_uint_eq(b->ndecls, 2);
	ck_assert_int_eq(b->decls[0], inner);
	ck_assert_int_eq(b->body.v[0].var, inner);
	ck_assert_int_eq(b->body.v[1].expr->refs[0].var, inner);
	ck_assert_int_eq(f->top.body.v[1].var, outer);
	const struct xlat_pl_stmt *fori = &f->top.body.v[2];
	ck_assert_int_eq(fori->kind, XLAT_PL_FORI);
	ck_assert_int_eq(fori->var, var_named(f, "i", 0));
	ck_assert_str_eq(f->vars[fori->var].type, "integer");
	ck_assert_int_eq(fori->body.v[0].expr->refs[0].var, fori->var);
	const struct xlat_pl_stmt *loop = &f->top.body.v[3];
	ck_assert_int_eq(loop->kind, XLAT_PL_LOOP);
	ck_assert_str_eq(loop->label, "l");
	ck_assert(loop->body.v[0].is_exit);
	ck_assert_str_eq(loop->body.v[0].label, "l");
	ck_assert_int_eq(loop->body.v[0].expr->refs[0].var, outer);
	ck_assert(!loop->body.v[1].is_exit);
	arena_free(a);
}
END_TEST

START_TEST(test_conditions_and_raise)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f = load(
		a,
		"DO $$ BEGIN RAISE NOTICE 'a % b %%', 1 + 1; RAISE EXCEPTION 'x' USING ERRCODE "
		"= '22012', HINT = 'h'; RAISE division_by_zero; EXCEPTION WHEN unique_violation OR "
		"SQLSTATE '22012' THEN RAISE; WHEN others THEN NULL; END $$");
	const struct xlat_pl_stmt *b = first(&f->top);
	ck_assert_uint_eq(b->nhandlers, 2);
	ck_assert_uint_eq(b->handlers[0].ncodes, 2);
	ck_assert_str_eq(b->handlers[0].codes[0], "23505");
	ck_assert_str_eq(b->handlers[0].codes[1], "22012");
	ck_assert(b->handlers[0].body.v[0].reraise);
	ck_assert(b->handlers[1].others);
	const struct xlat_pl_stmt *n = &b->body.v[0];
	ck_assert_int_eq(n->level, 3);
	ck_assert_str_eq(n->message, "a % b %%");
	ck_assert_uint_eq(n->nparams, 1);
	ck_assert_str_eq(n->params[0]->sql, "SELECT 1 + 1");
	const struct xlat_pl_stmt *e = &b->body.v[1];
	ck_assert_int_eq(e->level, 5);
	ck_assert_uint_eq(e->nopts, 2);
	ck_assert_int_eq(e->opt_kinds[0], XLAT_PL_RAISE_ERRCODE);
	ck_assert_int_eq(e->opt_kinds[1], XLAT_PL_RAISE_HINT);
	ck_assert_str_eq(b->body.v[2].sqlstate, "division_by_zero");
	arena_free(a);
}
END_TEST

/* r.a := ... of a record or row-typed variable, which libpg_query's parser does not know as
 * records: a field assignment; x%TYPE of a variable takes its type. */
START_TEST(test_records)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f = load(
		a, "DO $$ DECLARE r record; u public.t%ROWTYPE; n int; m n%TYPE; BEGIN\n"
		   "r.a := 1; u.\"B\" = n; IF true THEN r.a = 2; END IF;\n"
		   "n := CASE WHEN true THEN 1 ELSE 2 END; r := NULL; END $$");
	const struct xlat_pl_stmt *b = &f->top;
	int r = var_named(f, "r", 0), u = var_named(f, "u", 0), m = var_named(f, "m", 0);
	ck_assert(!f->vars[r].type && !f->vars[r].rowtype);
	ck_assert(!f->vars[u].type);
	ck_assert_str_eq(f->vars[u].rowtype, "public.t");
	ck_assert_str_eq(f->vars[m].type, "int");
	ck_assert_uint_eq(b->body.n, 6); /* and the implicit RETURN */
	ck_assert_int_eq(b->body.v[0].var, r);
	ck_assert_str_eq(b->body.v[0].field, "a");
	ck_assert_str_eq(b->body.v[0].expr->sql, "SELECT  1");
	ck_assert_int_eq(b->body.v[1].var, u);
	ck_assert_str_eq(b->body.v[1].field, "B");
	ck_assert_int_eq(b->body.v[1].expr->nrefs, 1);
	ck_assert_str_eq(b->body.v[2].arms[0].v[0].field, "a");
	ck_assert_ptr_null(b->body.v[3].field);
	ck_assert_int_eq(b->body.v[4].var, r);
	ck_assert_ptr_null(b->body.v[4].expr);
	arena_free(a);
}
END_TEST

START_TEST(test_foreach)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f = load(
		a, "DO $$ DECLARE a int[]; x int[]; BEGIN <<l>> FOREACH x SLICE 1 IN ARRAY a || 3 "
		   "LOOP EXIT l; END LOOP; END $$");
	const struct xlat_pl_stmt *st = &f->top.body.v[0];
	ck_assert_int_eq(st->kind, XLAT_PL_FORS);
	ck_assert_int_eq(st->iter, XLAT_PL_ITER_ARRAY);
	ck_assert_int_eq(st->slice, 1);
	ck_assert_str_eq(st->label, "l");
	ck_assert_uint_eq(st->ntargets, 1);
	ck_assert_int_eq(st->targets[0], var_named(f, "x", 0));
	ck_assert_str_eq(st->expr->sql, "SELECT $1 || 3");
	ck_assert_uint_eq(st->body.n, 1);
	arena_free(a);
}
END_TEST

/* FOREACH into a record or several variables: one record target, or the row's fields. */
START_TEST(test_foreach_fields)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f =
		load(a, "DO $$ DECLARE a pt[]; r record; x int; y text; BEGIN FOREACH r IN ARRAY a "
			"LOOP END LOOP; FOREACH x, y IN ARRAY a LOOP END LOOP; END $$");
	const struct xlat_pl_stmt *b = f->top.body.v;
	ck_assert_int_eq(b[0].kind, XLAT_PL_FORS);
	ck_assert_uint_eq(b[0].ntargets, 1);
	ck_assert_int_eq(b[0].targets[0], var_named(f, "r", 0));
	ck_assert_uint_eq(b[1].ntargets, 2);
	ck_assert_int_eq(b[1].targets[0], var_named(f, "x", 0));
	ck_assert_int_eq(b[1].targets[1], var_named(f, "y", 0));
	arena_free(a);
}
END_TEST

/* COMMIT and ROLLBACK [AND CHAIN] load; whether they may run is decided when they do. */
START_TEST(test_txn)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f =
		load(a, "DO $$ BEGIN COMMIT; ROLLBACK AND CHAIN; COMMIT AND NO CHAIN; END $$");
	const struct xlat_pl_stmt *b = f->top.body.v;
	ck_assert_uint_ge(f->top.body.n, 3); /* and the implicit RETURN */
	ck_assert_int_eq(b[0].kind, XLAT_PL_TXN);
	ck_assert(!b[0].txn_rollback && !b[0].txn_chain);
	ck_assert_int_eq(b[1].kind, XLAT_PL_TXN);
	ck_assert(b[1].txn_rollback && b[1].txn_chain);
	ck_assert(!b[2].txn_rollback && !b[2].txn_chain);
	arena_free(a);
}
END_TEST

/* A whole record's references are kept with where they stand, r.* marked. */
START_TEST(test_whole_records)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f = load(
		a, "DO $$ DECLARE r record; s record; BEGIN INSERT INTO t VALUES (r . *); "
		   "PERFORM r IS DISTINCT FROM s, r.a; END $$");
	const struct xlat_pl_expr *e = f->top.body.v[0].expr, *p = f->top.body.v[1].expr;
	ck_assert_str_eq(e->sql, "INSERT INTO t VALUES ($1)");
	ck_assert_int_eq(e->nhits, 1);
	ck_assert(e->hits[0].star);
	ck_assert_int_eq(e->hits[0].at, 22);
	ck_assert_int_eq(e->hits[0].len, 2);
	ck_assert_str_eq(p->sql, "SELECT $1 IS DISTINCT FROM $2, $3");
	ck_assert_int_eq(p->nhits, 3);
	ck_assert(!p->hits[0].star);
	ck_assert_int_eq(p->hits[1].at, 27);
	ck_assert_int_eq(p->hits[2].ref, 2);
	ck_assert_str_eq(p->refs[2].field, "a");
	arena_free(a);
}
END_TEST

/* A whole record assigned: from a record variable, a row's fields, one composite value. */
START_TEST(test_record_assign)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f =
		load(a, "DO $$ DECLARE r record; s record; x int; BEGIN r := s; r := ROW(x, 'a'); "
			"r := (1, 2); r := f(x); r := NULL; END $$");
	const struct xlat_pl_stmt *b = f->top.body.v;
	ck_assert(b[0].rec_whole);
	ck_assert_int_eq(b[0].rec_from, var_named(f, "s", 0) + 1);
	ck_assert(b[1].rec_whole && b[1].rec_anon && !b[1].rec_from);
	ck_assert_str_eq(b[1].expr->sql, "SELECT $1, 'a'");
	ck_assert(b[2].rec_anon);
	ck_assert_str_eq(b[2].expr->sql, "SELECT 1, 2");
	ck_assert(b[3].rec_whole && !b[3].rec_anon && !b[3].rec_from);
	ck_assert_str_eq(b[3].expr->sql, "SELECT f($1)");
	ck_assert(!b[4].rec_whole && !b[4].expr);
	arena_free(a);
}
END_TEST

/* (r).f is the field as r.f is: the parenthesis, the dot and the name replaced too. */
START_TEST(test_record_field_select)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f =
		load(a, "DO $$ DECLARE r record; BEGIN PERFORM ( r ).a || r.a, (r).b[1]; END $$");
	const struct xlat_pl_expr *e = f->top.body.v[0].expr;
	ck_assert_str_eq(e->sql, "SELECT $1 || $1, $2[1]");
	ck_assert_int_eq(e->nrefs, 2);
	ck_assert_str_eq(e->refs[0].field, "a");
	ck_assert_str_eq(e->refs[1].field, "b");
	arena_free(a);
}
END_TEST

static const struct xlat_pl_func *compile(struct arena *a, const char *body, bool retset,
					  uint32_t rettype)
{
	struct xlat_udf u = {.name = "f",
			     .sig = "",
			     .rettype = rettype,
			     .retdecl = rettype == 23 ? "integer" : "record",
			     .lang = "plpgsql",
			     .body = body,
			     .volatility = 'v',
			     .kind = 'f',
			     .retset = retset};
	const struct xlat_pl_func *f = NULL;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert_msg(xlat_udf_compile(&u, NULL, a, &f, &err), "%s: %s %s", body, err.sqlstate,
		      err.message);
	return f;
}

/* RETURN NEXT v: libpg_query's JSON does not say which variable, xlat_plpre.c's marker does;
 * a record's fields are the row, a scalar is an expression. RETURN ROW(...) and RETURN NULL in
 * RETURNS record. */
START_TEST(test_return_next_var)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f =
		compile(a,
			"DECLARE r record; i int := 1; BEGIN RETURN NEXT r; RETURN NEXT i;\n"
			"RETURN NEXT \"i\"; RETURN NEXT i + 1; END",
			true, 2249);
	const struct xlat_pl_list *b = &first(&f->top)->body;
	if (first(&f->top)->kind != XLAT_PL_BLOCK)
		b = &f->top.body;
	ck_assert_uint_ge(b->n, 4); /* and the implicit RETURN at the end */
	for (size_t k = 0; k < 4; k++)
		ck_assert_int_eq(b->v[k].kind, XLAT_PL_RETURN_NEXT);
	ck_assert(b->v[0].ret_record);
	ck_assert_int_eq(b->v[0].expr->nhits, 1);
	ck_assert(b->v[0].expr->hits[0].star);
	ck_assert(!b->v[1].ret_record);
	ck_assert_str_eq(b->v[1].expr->sql, "SELECT $1");
	ck_assert_str_eq(b->v[2].expr->sql, "SELECT $1");
	ck_assert_int_eq(b->v[2].line, 2);
	ck_assert_str_eq(b->v[3].expr->sql, "SELECT $1 + 1");
	f = compile(a, "BEGIN IF true THEN RETURN ROW(1, 'x', 2); END IF; RETURN NULL; END", false,
		    2249);
	b = &f->top.body;
	while (b->n == 1 && b->v[0].kind == XLAT_PL_BLOCK)
		b = &b->v[0].body;
	ck_assert_uint_ge(b->n, 2);
	const struct xlat_pl_stmt *row = &b->v[0].arms[0].v[0], *null = &b->v[1];
	ck_assert_int_eq(row->kind, XLAT_PL_BLOCK);
	ck_assert_int_eq(row->body.v[0].kind, XLAT_PL_RETURN_QUERY);
	ck_assert_str_eq(row->body.v[0].expr->sql, "SELECT 1, 'x', 2");
	ck_assert_int_eq(row->body.v[0].var, 2); /* 'x' is unknown, as PostgreSQL leaves it */
	ck_assert_int_eq(row->body.v[1].kind, XLAT_PL_RETURN);
	ck_assert(null->body.v[0].ret_null);
	ck_assert_ptr_null(null->body.v[0].expr);
	arena_free(a);
}
END_TEST

/* RETURNS TABLE(n int, t text) with an input k: the columns are variables 1 and 2 after the
 * input, and `RETURN NEXT;` (which libpg_query's parser refuses) reads them as the row. */
START_TEST(test_return_next_table)
{
	struct arena *a = arena_new(0);
	static const char *const in_names[] = {"k"}, *const in_decls[] = {"integer"};
	static const char *const out_names[] = {"n", "t"}, *const out_decls[] = {"integer", "text"};
	static const uint32_t out_types[] = {23, 25};
	struct xlat_udf u = {.name = "f", .sig = "23", .nargs = 1, .argnames = in_names,
			     .argdecls = in_decls, .rettype = 2249, .retdecl = "record",
			     .lang = "plpgsql", .body = "BEGIN n := k; RETURN NEXT; RETURN NEXT ; END",
			     .volatility = 'v', .kind = 'f', .retset = true, .nouts = 2,
			     .outnames = out_names, .outdecls = out_decls, .outtypes = out_types};
	const struct xlat_pl_func *f = NULL;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert_msg(xlat_udf_compile(&u, NULL, a, &f, &err), "%s", err.message);
	ck_assert_str_eq(f->name, "f(integer)");
	ck_assert_str_eq(f->vars[1].name, "n");
	ck_assert_str_eq(f->vars[2].name, "t");
	ck_assert_int_eq(f->found_var, 3);
	const struct xlat_pl_list *b = &f->top.body;
	while (b->n == 1 && b->v[0].kind == XLAT_PL_BLOCK)
		b = &b->v[0].body;
	ck_assert_uint_ge(b->n, 3);
	for (size_t k = 1; k < 3; k++) {
		ck_assert_int_eq(b->v[k].kind, XLAT_PL_RETURN_NEXT);
		ck_assert(b->v[k].ret_record);
		ck_assert_str_eq(b->v[k].expr->sql, "SELECT $1, $2");
		ck_assert_int_eq(b->v[k].expr->refs[0].var, 1);
		ck_assert_int_eq(b->v[k].expr->refs[1].var, 2);
	}
	u.nouts = 0; /* RETURNS SETOF: `RETURN NEXT;` misses its expression */
	pgerr_clear(&err);
	ck_assert(!xlat_udf_compile(&u, NULL, a, &f, &err));
	ck_assert_str_eq(err.sqlstate, "42601");
	arena_free(a);
}
END_TEST

/* Cursor statements, which libpg_query's parser cannot take, through their markers. */
START_TEST(test_cursors)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f = load(
		a, "DO $$ DECLARE c NO SCROLL CURSOR (lo int, hi int) FOR SELECT lo, hi; "
		   "d refcursor; x int; y int; BEGIN OPEN c(hi := 2, lo => x + 1); "
		   "OPEN d FOR EXECUTE 'SELECT $1' USING x; FETCH RELATIVE -x FROM d INTO x, y; "
		   "MOVE BACKWARD ALL IN c; CLOSE c;\n"
		   "FOR r IN c(1, 2) LOOP x := r.lo; END LOOP; END $$");
	int c = var_named(f, "c", 0), d = var_named(f, "d", 0), x = var_named(f, "x", 0);
	ck_assert_ptr_nonnull(f->vars[c].cursor);
	ck_assert_uint_eq(f->vars[c].cursor->nargs, 2);
	ck_assert(f->vars[c].cursor->no_scroll);
	ck_assert_str_eq(f->vars[c].cursor->query->sql, "SELECT $1, $2");
	ck_assert_ptr_null(f->vars[d].cursor->query);
	const struct xlat_pl_stmt *b = f->top.body.v;
	ck_assert_int_eq(b[0].kind, XLAT_PL_CURSOR);
	ck_assert_int_eq(b[0].curop, XLAT_PL_OPEN);
	ck_assert_int_eq(b[0].var, c);
	ck_assert_uint_eq(b[0].nparams, 2);
	ck_assert_str_eq(b[0].params[0]->sql, "SELECT $1 + 1");
	ck_assert_str_eq(b[0].params[1]->sql, "SELECT 2");
	ck_assert(b[1].dynamic);
	ck_assert_str_eq(b[1].expr->sql, "SELECT 'SELECT $1'");
	ck_assert_uint_eq(b[1].nparams, 1);
	ck_assert_int_eq(b[2].curop, XLAT_PL_FETCH);
	ck_assert_int_eq(b[2].fetch, XLAT_PL_FETCH_RELATIVE);
	ck_assert_str_eq(b[2].count->sql, "SELECT -$1");
	ck_assert_uint_eq(b[2].ntargets, 2);
	ck_assert_int_eq(b[2].targets[0], x);
	ck_assert_int_eq(b[3].curop, XLAT_PL_MOVE);
	ck_assert(b[3].fetch_all);
	ck_assert_int_eq(b[4].curop, XLAT_PL_CLOSE);
	ck_assert_int_eq(b[5].kind, XLAT_PL_FORS);
	ck_assert_int_eq(b[5].iter, XLAT_PL_ITER_CURSOR);
	ck_assert_int_eq(b[5].line, 2);
	ck_assert(!f->vars[b[5].targets[0]].type);
	ck_assert_uint_eq(b[5].body.n, 1);
	arena_free(a);
}
END_TEST

/* Comments between cursor statements are not tokens a statement starts after (`OPEN c; --`
 * hid the FETCH), and a refcursor argument is a cursor variable. */
START_TEST(test_cursor_comments)
{
	struct arena *a = arena_new(0);
	const struct xlat_pl_func *f =
		load(a, "DO $$ DECLARE c CURSOR FOR SELECT 1; -- the cursor\n"
			"x int; /* x */ BEGIN OPEN c; -- open\nFETCH c /* one */ INTO x; -- fetch\n"
			"CLOSE c; END $$");
	const struct xlat_pl_stmt *b = f->top.body.v;
	ck_assert_ptr_nonnull(f->vars[var_named(f, "c", 0)].cursor);
	ck_assert_int_eq(b[0].curop, XLAT_PL_OPEN);
	ck_assert_int_eq(b[1].curop, XLAT_PL_FETCH);
	ck_assert_int_eq(b[1].targets[0], var_named(f, "x", 0));
	ck_assert_int_eq(b[2].curop, XLAT_PL_CLOSE);
	const struct xlat_pl_func *h = load(
		a, "DO $$ DECLARE r RECORD; BEGIN FOR r IN SELECT 1 AS a LOOP END LOOP; END $$");
	ck_assert_ptr_null(h->vars[var_named(h, "r", 0)].type); /* a record, as `r record` */
	struct xlat_udf u = {.name = "f",
			     .sig = "refcursor",
			     .nargs = 1,
			     .argnames = (const char *const[]){"rc"},
			     .argdecls = (const char *const[]){"refcursor"},
			     .rettype = 23,
			     .retdecl = "integer",
			     .lang = "plpgsql",
			     .body = "BEGIN OPEN rc FOR SELECT 1; RETURN 1; END",
			     .volatility = 'v',
			     .kind = 'f'};
	const struct xlat_pl_func *g = NULL;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert_msg(xlat_udf_compile(&u, NULL, a, &g, &err), "%s", err.message);
	ck_assert_ptr_nonnull(g->vars[0].cursor);
	ck_assert_int_eq(g->top.body.v[0].curop, XLAT_PL_OPEN);
	arena_free(a);
}
END_TEST

struct refusal {
	const char *sql, *sqlstate, *message;
};
static const struct refusal refusals[] = {
	{"DO $$ BEGIN EXCEPTION WHEN no_such_thing THEN NULL; END $$", "42704",
	 "unrecognized exception condition \"no_such_thing\""},
	{"DO $$ BEGIN RAISE NOTICE '% %', 1; END $$", "42601",
	 "too few parameters specified for RAISE"},
	{"DO $$ BEGIN SELEC 1; END $$", "42601", "syntax error at or near \"SELEC\""},
	{"DO $$ BEGIN y := 1; END $$", "42601", "\"y\" is not a known variable"},
	{"DO $$ DECLARE x int; BEGIN OPEN x FOR SELECT 1; END $$", "42804",
	 "variable \"x\" must be of type cursor or refcursor"},
	{"DO $$ DECLARE c CURSOR (k int) FOR SELECT k; BEGIN OPEN c; END $$", "42601",
	 "cursor \"c\" has arguments"},
	{"DO $$ DECLARE c CURSOR (k int) FOR SELECT k; BEGIN OPEN c(j := 1); END $$", "42601",
	 "cursor \"c\" has no argument named \"j\""},
	{"DO $$ DECLARE c CURSOR (k int) FOR SELECT k; BEGIN OPEN c(1, 2); END $$", "42601",
	 "too many arguments for cursor \"c\""},
	{"DO $$ DECLARE c refcursor; BEGIN FOR r IN c LOOP END LOOP; END $$", "42601",
	 "cursor FOR loop must use a bound cursor variable"},
	{"DO $$ DECLARE x y%TYPE; BEGIN END $$", "42601", "syntax error at or near \"%\""},
	{"DO LANGUAGE plperl $$ 1 $$", "42704", "language \"plperl\" does not exist"},
};

START_TEST(test_refusals)
{
	const struct refusal *k = &refusals[_i];
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert_msg(!xlat_translate(k->sql, NULL, 0, a, &v, &n, &err), "%s", k->sql);
	ck_assert_str_eq(err.sqlstate, k->sqlstate);
	ck_assert_str_eq(err.message, k->message);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_plpgsql(void)
{
	Suite *s = suite_create("xlat_plpgsql");
	TCase *tc = tcase_create("load");
	tcase_add_test(tc, test_drizzle);
	tcase_add_test(tc, test_variables);
	tcase_add_test(tc, test_scopes);
	tcase_add_test(tc, test_conditions_and_raise);
	tcase_add_test(tc, test_records);
	tcase_add_test(tc, test_foreach);
	tcase_add_test(tc, test_txn);
	tcase_add_test(tc, test_foreach_fields);
	tcase_add_test(tc, test_cursors);
	tcase_add_test(tc, test_whole_records);
	tcase_add_test(tc, test_record_assign);
	tcase_add_test(tc, test_record_field_select);
	tcase_add_test(tc, test_return_next_var);
	tcase_add_test(tc, test_return_next_table);
	tcase_add_test(tc, test_cursor_comments);
	tcase_add_loop_test(tc, test_refusals, 0, ARRAY_LEN(refusals));
	suite_add_tcase(s, tc);
	return s;
}
