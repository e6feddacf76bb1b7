/* SPDX-License-Identifier: Apache-2.0 */
/* sess_udf.c: the tenant's own functions (CREATE FUNCTION). Read from the sidecar
 * `_shardlite_functions` into the schema snapshot the translator sees (sess_types.c), and run
 * when a statement calls one: the translator emits shardlite_call(name, sig, args...), which
 * pgfn hands to call_fn below on the statement's own connection. The body runs in the PL/pgSQL
 * interpreter (sess_plpgsql.c) with the arguments as its first variables; its statements run
 * on the same connection while the calling statement is still stepping, as SQLite allows. */
#include "sess_plpgsql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pgfn.h"
#include "pgtype.h"

#define SEP '\x1f' /* joins argument names and types in the sidecar (xlat_routine.c) */
#define MAX_DEPTH 64 /* nested calls before PostgreSQL's 54001 */

/* ---- the sidecar ---- */

static uint64_t fnv(uint64_t h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return (h ^ 0xff) * 1099511628211ULL; /* a field's end */
}

/* s split at SEP into n strings (n known: the argument count). */
static const char *const *split(struct arena *a, const char *s, size_t n)
{
	const char **v = arena_zalloc(a, (n + 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		const char *end = strchr(s, SEP);
		size_t len = end ? (size_t)(end - s) : strlen(s);
		v[i] = arena_strndup(a, s, len);
		s += end ? len + 1 : len;
	}
	return v;
}

static const char *col(struct arena *a, sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return arena_strdup(a, t ? t : "");
}

/* One row of the sidecar into u; its fields also into *h. */
static void read_row(struct arena *a, sqlite3_stmt *st, struct xlat_udf *u, uint64_t *h)
{
	u->name = col(a, st, 0);
	u->sig = col(a, st, 1);
	u->nargs = *u->sig ? 1 : 0;
	for (const char *p = u->sig; *p; p++)
		u->nargs += *p == ' ';
	uint32_t *types = arena_zalloc(a, (u->nargs + 1) * sizeof(*types));
	const char *p = u->sig;
	for (size_t i = 0; i < u->nargs; i++) {
		char *end;
		types[i] = (uint32_t)strtoul(p, &end, 10);
		p = end;
	}
	u->argtypes = types;
	u->argnames = split(a, col(a, st, 2), u->nargs);
	u->argdecls = split(a, col(a, st, 3), u->nargs);
	u->rettype = (uint32_t)sqlite3_column_int64(st, 4);
	u->retdecl = col(a, st, 5);
	u->lang = col(a, st, 6);
	u->body = col(a, st, 7);
	u->volatility = col(a, st, 8)[0];
	u->strict = sqlite3_column_int(st, 9) != 0;
	u->kind = col(a, st, 10)[0];
	for (int i = 0; i < 11; i++) {
		const char *t = (const char *)sqlite3_column_text(st, i);
		*h = fnv(*h, t ? t : "");
	}
}

bool sess_udf_read(sqlite3 *db, struct arena *a, const struct xlat_udf **out, size_t *n,
		   uint64_t *hash)
{
	sqlite3_stmt *st = NULL;
	*out = NULL;
	*n = 0;
	*hash = 14695981039346656037ULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT name, sig, argnames, argdecls, rettype, retdecl, lang, body, "
			       "volatility, strict, kind FROM main._shardlite_functions ORDER BY name, "
			       "sig",
			       -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return true; /* no sidecar yet: no functions */
	}
	size_t cap = 0;
	struct xlat_udf *v = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			struct xlat_udf *w = arena_zalloc(a, cap * sizeof(*w));
			if (*n)
				memcpy(w, v, *n * sizeof(*w));
			v = w;
		}
		read_row(a, st, &v[(*n)++], hash);
	}
	sqlite3_finalize(st);
	*out = v;
	return rc == SQLITE_DONE;
}

/* ---- calls ---- */

/* An argument as PostgreSQL text of its type, in a. */
static const char *value_text(struct session *s, sqlite3_value *x, uint32_t type, struct arena *a)
{
	struct pgtype_value v;
	if (!pgfn_pgtype_value(x, &v))
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_encode_text_styled(&sb, sess_types_wire(s, type), -1, s->dt.tz, &s->dt.datestyle,
				  &v);
	const char *out = arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* The result (PostgreSQL text of type, NULL: NULL) as the SQLite value a column of that type
 * holds: bound as a client's parameter of that type would be. */
static bool set_result(struct session *s, sqlite3_context *ctx, uint32_t type, const char *text,
		       struct pgerr *err)
{
	if (type == PGTYPE_VOID) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC); /* void_out's empty text */
		return true;
	}
	if (!text) {
		sqlite3_result_null(ctx);
		return true;
	}
	sqlite3_stmt *vm = NULL;
	sqlite3 *db = shard_conn_db(s->conn);
	int rc = sqlite3_prepare_v2(db, "SELECT ?1", -1, &vm, NULL);
	bool ok = rc == SQLITE_OK && sess_bind_text(s, vm, 0, type, text, err);
	if (rc != SQLITE_OK)
		shard_error(db, rc, err);
	if (ok && sqlite3_step(vm) == SQLITE_ROW)
		sqlite3_result_value(ctx, sqlite3_column_value(vm, 0));
	sqlite3_finalize(vm);
	return ok;
}

const struct xlat_udf *sess_udf_find(struct session *s, const char *name, const char *sig)
{
	for (size_t i = 0; name && sig && i < s->schema.nudfs; i++) {
		const struct xlat_udf *u = &s->schema.udfs[i];
		if (strcmp(u->name, name) == 0 && strcmp(u->sig, sig) == 0)
			return u;
	}
	return NULL;
}

bool sess_udf_depth_ok(struct session *s, struct pgerr *err)
{
	if (!s->udf || s->udf->depth < MAX_DEPTH)
		return true;
	pgerr_set(err, "54001", "stack depth limit exceeded");
	pgerr_hint(err, "Increase the configuration parameter \"max_stack_depth\" (currently "
			"2048kB), after ensuring the platform's stack depth limit is adequate.");
	return false;
}

bool sess_udf_run(struct pl_run *r, struct arena *a, struct pgerr *err)
{
	char sp[40];
	struct sess_udf_state *st = sess_udf_state(r->s);
	snprintf(sp, sizeof(sp), "SAVEPOINT shardlite_fn_%d", st->depth);
	struct pgerr ignored;
	/* a statement that writes allows no savepoint while it runs: its own statement
	 * rollback then undoes what the function did, as the error fails it */
	bool sp_ok = shard_exec(r->s->conn, sp, &ignored);
	st->depth++;
	bool ok = sess_pl_run_body(r, err);
	st->depth--;
	if (sp_ok && !ok)
		(void)!shard_exec(r->s->conn, arena_printf(a, "ROLLBACK TO shardlite_fn_%d",
							  st->depth), &ignored);
	if (sp_ok)
		(void)!shard_exec(r->s->conn, arena_printf(a, "RELEASE shardlite_fn_%d",
							  st->depth), &ignored);
	return ok;
}

const char *sess_udf_value_text(struct session *s, sqlite3_value *x, uint32_t type,
				struct arena *a)
{
	return value_text(s, x, type, a);
}

/* Runs r's function with the arguments argv (SQLite values of the argument types); the
 * result's text into *result (in a). */
static bool run(struct pl_run *r, const uint32_t *argtypes, sqlite3_value **argv,
		struct arena *a, const char **result, struct pgerr *err)
{
	if (!sess_pl_vars_init(r, err))
		return false;
	for (size_t i = 0; i < r->f->nargs; i++) {
		const char *text = value_text(r->s, argv[i], argtypes[i], a);
		if (!sess_pl_assign(r, (int)i, text, argtypes[i], err))
			return false;
	}
	bool ok = sess_udf_run(r, a, err);
	if (ok && r->f->result_var >= 0)
		*result = r->vals[r->f->result_var].text
				  ? arena_strdup(a, r->vals[r->f->result_var].text)
				  : NULL;
	return ok;
}

/* ---- compiled bodies, kept per session ---- */

/* The functions compiled for the schema of fingerprint fp. Entries are made and freed only
 * between calls (depth 0): a running call's body is never freed under it. */
#define CACHE_SLOTS 16
struct sess_udf_cache {
	uint64_t fp;
	size_t next; /* the slot to reuse when all are taken */
	struct {
		char *name, *sig;
		struct arena *a;
		const struct xlat_pl_func *f;
	} e[CACHE_SLOTS];
};

static void cache_clear(struct sess_udf_cache *c)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		free(c->e[i].name);
		free(c->e[i].sig);
		arena_free(c->e[i].a);
		c->e[i].name = c->e[i].sig = NULL;
		c->e[i].a = NULL;
		c->e[i].f = NULL;
	}
}

const struct xlat_pl_func *sess_udf_compile(struct session *s, const struct xlat_udf *u,
					    struct arena *a, struct pgerr *err)
{
	struct sess_udf_state *st = sess_udf_state(s);
	struct sess_udf_cache *c = st->cache;
	uint64_t fp = s->schema.fingerprint;
	for (size_t i = 0; c && c->fp == fp && i < CACHE_SLOTS; i++)
		if (c->e[i].f && strcmp(c->e[i].name, u->name) == 0 &&
		    strcmp(c->e[i].sig, u->sig) == 0)
			return c->e[i].f;
	const struct xlat_pl_func *f = NULL;
	if (st->depth > 0) /* the cache stays as it is while calls run */
		return xlat_udf_compile(u, a, &f, err) ? f : NULL;
	if (!c)
		c = st->cache = base_xcalloc(1, sizeof(*c));
	if (c->fp != fp) {
		cache_clear(c);
		c->fp = fp;
	}
	size_t k = c->next;
	c->next = (k + 1) % CACHE_SLOTS;
	free(c->e[k].name);
	free(c->e[k].sig);
	arena_free(c->e[k].a);
	c->e[k].a = arena_new(0);
	c->e[k].name = strdup(u->name);
	c->e[k].sig = strdup(u->sig);
	c->e[k].f = NULL;
	if (!c->e[k].name || !c->e[k].sig) {
		pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return NULL;
	}
	if (!xlat_udf_compile(u, c->e[k].a, &f, err))
		return NULL;
	c->e[k].f = f;
	return f;
}

static bool has_null(sqlite3_value **argv, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return true;
	return false;
}

static bool call(struct session *s, sqlite3_context *ctx, int argc, sqlite3_value **argv,
		 struct arena *a, struct pgerr *err)
{
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const struct xlat_udf *u = sess_udf_find(s, name, (const char *)sqlite3_value_text(argv[1]));
	if (!u || u->nargs != (size_t)(argc - 2))
		return pgerr_set(err, SQLSTATE_UNDEFINED_FUNCTION, "function %s does not exist",
				 name ? name : "?");
	if (u->strict && has_null(argv + 2, u->nargs)) {
		sqlite3_result_null(ctx);
		return true;
	}
	if (!sess_udf_depth_ok(s, err))
		return false;
	/* u lives in the schema snapshot, which DDL in the body may replace: what the run needs
	 * is copied first */
	uint32_t rettype = u->rettype;
	uint32_t *argtypes = arena_alloc(a, (u->nargs + 1) * sizeof(uint32_t));
	memcpy(argtypes, u->argtypes, u->nargs * sizeof(uint32_t));
	const struct xlat_pl_func *f = sess_udf_compile(s, u, a, err);
	if (!f)
		return false;
	struct pl_run r = {.s = s, .f = f, .scratch = arena_new(0)};
	const char *result = NULL;
	bool ok = run(&r, argtypes, argv + 2, a, &result, err);
	sess_pl_vars_free(&r);
	arena_free(r.scratch);
	return ok && set_result(s, ctx, rettype, result, err);
}

static void call_fn(void *arg, sqlite3_context *ctx, enum pgfn_call_kind kind, int argc,
		    sqlite3_value **argv)
{
	struct session *s = arg;
	struct pgerr err;
	pgerr_clear(&err);
	if (s->inline_run) { /* a body may block: the statement runs again on a worker */
		(void)sess_inline_punt(s, &err);
		pgfn_error(ctx, err.sqlstate[0] ? err.sqlstate : SQLSTATE_INTERNAL_ERROR, "%s",
			   err.message[0] ? err.message : "function call moved to a worker");
		return;
	}
	struct arena *a = arena_new(0);
	bool ok = kind == PGFN_CALL_SLEEP   ? sess_wait_sleep(s, ctx, sqlite3_value_double(argv[0]), &err)
		  : kind == PGFN_CALL_FUNCTION ? call(s, ctx, argc, argv, a, &err)
		  : kind == PGFN_CALL_TRIGGER ? sess_trigger_fire(s, ctx, argc, argv, a, &err)
					      : sess_trigger_apply(s, ctx, argv, a, &err);
	if (!ok) {
		if (!err.sqlstate[0])
			pgerr_set(&err, SQLSTATE_INTERNAL_ERROR, "function call failed");
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		struct sess_udf_state *st = sess_udf_state(s);
		if (!st->err)
			st->err = base_xcalloc(1, sizeof(*st->err));
		*st->err = err;
	}
	arena_free(a);
}

void sess_udf_init(struct session *s)
{
	s->dt.call_fn = call_fn;
	s->dt.call_arg = s;
}

struct sess_udf_state *sess_udf_state(struct session *s)
{
	if (!s->udf)
		s->udf = base_xcalloc(1, sizeof(*s->udf));
	return s->udf;
}

void sess_udf_fini(struct session *s)
{
	sess_trigger_fini(s);
	if (!s->udf)
		return;
	free(s->udf->err);
	if (s->udf->cache)
		cache_clear(s->udf->cache);
	free(s->udf->cache);
	free(s->udf);
	s->udf = NULL;
}

void sess_udf_fix_error(struct session *s, struct pgerr *err)
{
	struct pgerr *e = s->udf ? s->udf->err : NULL;
	if (!e || strcmp(e->sqlstate, err->sqlstate) != 0 || strcmp(e->message, err->message) != 0)
		return;
	if (!err->detail[0])
		memcpy(err->detail, e->detail, sizeof(err->detail));
	if (!err->hint[0])
		memcpy(err->hint, e->hint, sizeof(err->hint));
	if (!err->context[0])
		memcpy(err->context, e->context, sizeof(err->context));
	free(e);
	s->udf->err = NULL;
}
