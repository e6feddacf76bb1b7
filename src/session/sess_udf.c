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

/* Type OIDs joined by spaces into n of them (n: the count). */
static const uint32_t *oids(struct arena *a, const char *s, size_t *n)
{
	*n = *s ? 1 : 0;
	for (const char *d = s; *d; d++)
		*n += *d == ' ';
	uint32_t *v = arena_zalloc(a, (*n + 1) * sizeof(*v));
	for (size_t i = 0; i < *n; i++)
		v[i] = (uint32_t)strtoul(s, (char **)&s, 10);
	return v;
}

/* A function with OUT parameters: all of them, with their modes (columns 16 to 19). */
static void read_params(struct arena *a, sqlite3_stmt *st, struct xlat_udf *u)
{
	const char *modes = col(a, st, 16);
	if (!*modes)
		return;
	u->modes = modes;
	u->alltypes = oids(a, col(a, st, 19), &u->nparams);
	if (u->nparams != strlen(modes)) {
		u->modes = NULL; /* not as the translator wrote it: read as having none */
		return;
	}
	u->allnames = split(a, col(a, st, 17), u->nparams);
	u->alldecls = split(a, col(a, st, 18), u->nparams);
}

/* One row of the sidecar into u; its fields also into *h. */
static void read_row(struct arena *a, sqlite3_stmt *st, struct xlat_udf *u, uint64_t *h)
{
	u->name = col(a, st, 0);
	u->sig = col(a, st, 1);
	u->argtypes = oids(a, u->sig, &u->nargs);
	u->argnames = split(a, col(a, st, 2), u->nargs);
	u->argdecls = split(a, col(a, st, 3), u->nargs);
	u->rettype = (uint32_t)sqlite3_column_int64(st, 4);
	u->retdecl = col(a, st, 5);
	u->lang = col(a, st, 6);
	u->body = col(a, st, 7);
	u->volatility = col(a, st, 8)[0];
	u->strict = sqlite3_column_int(st, 9) != 0;
	u->kind = col(a, st, 10)[0];
	const char *defaults = col(a, st, 11);
	u->ndefaults = *defaults ? 1 : 0;
	for (const char *d = defaults; *d; d++)
		u->ndefaults += *d == SEP;
	u->ndefaults = u->ndefaults <= u->nargs ? u->ndefaults : 0;
	u->defaults = split(a, defaults, u->ndefaults);
	u->retset = sqlite3_column_int(st, 12) != 0;
	u->outtypes = oids(a, col(a, st, 15), &u->nouts);
	u->outnames = split(a, col(a, st, 13), u->nouts);
	u->outdecls = split(a, col(a, st, 14), u->nouts);
	read_params(a, st, u);
	u->variadic = sqlite3_column_int(st, 20) != 0 && u->nargs > 0;
	u->secdef = sqlite3_column_int(st, 21) != 0;
	u->leakproof = sqlite3_column_int(st, 22) != 0;
	for (int i = 0; i < 23; i++) {
		const char *t = (const char *)sqlite3_column_text(st, i);
		*h = fnv(*h, t ? t : "");
	}
}

/* The second sidecar's keys as columns of the first's rows. */
#define EXT_JOIN(key, alias)                                                                       \
	" LEFT JOIN main._shardlite_function_ext " #alias " ON " #alias ".name = f.name AND " #alias \
	".sig = f.sig AND " #alias ".key = '" key "'"
#define EXT_COLUMNS                                                                                \
	"d.value, r.value, n.value, e.value, t.value, m.value, an.value, ad.value, at.value, "     \
	"v.value, sd.value, lp.value"

/* Both sidecars joined; the second came later, so a file made before has only the first. */
#define READ_QUERY                                                                                 \
	"SELECT f.name, f.sig, argnames, argdecls, rettype, retdecl, lang, body, volatility, "    \
	"strict, kind, " EXT_COLUMNS " FROM main._shardlite_functions f " EXT_JOIN("defaults", d) \
	EXT_JOIN("retset", r) EXT_JOIN("outnames", n) EXT_JOIN("outdecls", e)                      \
	EXT_JOIN("outtypes", t) EXT_JOIN("modes", m) EXT_JOIN("allnames", an)                      \
	EXT_JOIN("alldecls", ad) EXT_JOIN("alltypes", at) EXT_JOIN("variadic", v)                  \
	EXT_JOIN("secdef", sd) EXT_JOIN("leakproof", lp) " ORDER BY f.name, f.sig"

/* The query over schema ("main", or "temp" for the session's pg_temp functions, whose
 * sidecars always come in pairs). */
static bool prepare_read(sqlite3 *db, sqlite3_stmt **st, bool temp)
{
	char sql[sizeof(READ_QUERY)];
	memcpy(sql, READ_QUERY, sizeof(sql));
	for (char *p = sql; temp && (p = strstr(p, "main.")) != NULL; p += 5)
		memcpy(p, "temp.", 5); /* the same length: nothing moves */
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) == SQLITE_OK)
		return true;
	sqlite3_finalize(*st);
	*st = NULL;
	return !temp &&
	       sqlite3_prepare_v2(db,
				  "SELECT name, sig, argnames, argdecls, rettype, retdecl, lang, body, "
				  "volatility, strict, kind, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
				  "NULL, NULL, NULL, NULL, NULL FROM main._shardlite_functions ORDER BY "
				  "name, sig",
				  -1, st, NULL) == SQLITE_OK;
}

/* The functions of one schema appended to *v (cap entries, *n used). */
static bool read_schema(sqlite3 *db, bool temp, struct arena *a, struct xlat_udf **v, size_t *n,
			size_t *cap, uint64_t *hash)
{
	sqlite3_stmt *st = NULL;
	if (!prepare_read(db, &st, temp)) {
		sqlite3_finalize(st);
		return true; /* no sidecar yet: no functions */
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 8;
			struct xlat_udf *w = arena_zalloc(a, *cap * sizeof(*w));
			if (*n)
				memcpy(w, *v, *n * sizeof(*w));
			*v = w;
		}
		struct xlat_udf *u = &(*v)[(*n)++];
		read_row(a, st, u, hash);
		u->temp = temp;
		*hash = fnv(*hash, temp ? "t" : "");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

bool sess_udf_read(sqlite3 *db, struct arena *a, const struct xlat_udf **out, size_t *n,
		   uint64_t *hash)
{
	struct xlat_udf *v = NULL;
	size_t cap = 0;
	*n = 0;
	*hash = 14695981039346656037ULL;
	bool ok = read_schema(db, false, a, &v, n, &cap, hash) &&
		  read_schema(db, true, a, &v, n, &cap, hash);
	*out = v;
	return ok;
}

/* ---- calls ---- */

/* An argument as PostgreSQL text of its type, in a. */
static const char *value_text(struct session *s, sqlite3_value *x, uint32_t type, int32_t typmod,
			      struct arena *a)
{
	struct pgtype_value v;
	if (!pgfn_pgtype_value(x, &v))
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_encode_text_styled(&sb, sess_types_wire(s, type), typmod, s->dt.tz, &s->dt.datestyle,
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
	if (type == PGTYPE_VOID && text) {
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
	bool temp = name && strncmp(name, "pg_temp.", 8) == 0; /* xlat_call.c's name for it */
	name = temp ? name + 8 : name;
	for (size_t i = 0; name && sig && i < s->schema.nudfs; i++) {
		const struct xlat_udf *u = &s->schema.udfs[i];
		if (strcmp(u->name, name) == 0 && strcmp(u->sig, sig) == 0 && u->temp == temp)
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
	/* the calling statement's trigger state: the body's statements keep their own */
	struct sess_trg_stmt caller = st->trg;
	st->depth++;
	bool ok = sess_pl_run_body(r, err);
	if (ok)
		sess_pl_cursors_keep(r); /* a refcursor it returns names one the caller may FETCH */
	st->depth--;
	st->trg = caller;
	if (sp_ok && !ok)
		(void)!shard_exec(r->s->conn, arena_printf(a, "ROLLBACK TO shardlite_fn_%d",
							  st->depth), &ignored);
	if (sp_ok)
		(void)!shard_exec(r->s->conn, arena_printf(a, "RELEASE shardlite_fn_%d",
							  st->depth), &ignored);
	return ok;
}

const char *sess_udf_value_text(struct session *s, sqlite3_value *x, uint32_t type, int32_t typmod,
				struct arena *a)
{
	return value_text(s, x, type, typmod, a);
}

/* Runs r's function with the arguments argv (SQLite values of the argument types); the
 * result's text into *result (in a). */
/* ---- compiled bodies, kept per session ---- */

/* The functions compiled for the schema of fingerprint fp. Entries are made and freed only
 * between calls (depth 0): a running call's body is never freed under it. */
#define CACHE_SLOTS 16
struct sess_udf_cache {
	uint64_t fp;
	size_t next; /* the slot to reuse when all are taken */
	struct {
		char *name, *sig;
		bool temp; /* a pg_temp function's (its name may also be the tenant's) */
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
		    strcmp(c->e[i].sig, u->sig) == 0 && c->e[i].temp == u->temp)
			return c->e[i].f;
	const struct xlat_pl_func *f = NULL;
	if (st->depth > 0) /* the cache stays as it is while calls run */
		return xlat_udf_compile(u, &s->schema, a, &f, err) ? f : NULL;
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
	c->e[k].temp = u->temp;
	c->e[k].f = NULL;
	if (!c->e[k].name || !c->e[k].sig) {
		pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
		return NULL;
	}
	if (!xlat_udf_compile(u, &s->schema, c->e[k].a, &f, err))
		return NULL;
	c->e[k].f = f;
	return f;
}

/* ---- set-returning functions: their rows packed for pgfn_rows (pgfn_lateral.c) ---- */

struct sess_udf_set {
	struct strbuf sb;
	size_t ncols;
	const uint32_t *types; /* each column's declared type */
	uint64_t nrows;
	bool one; /* OUT parameters of a LANGUAGE sql body, RETURNS record: its first row only */
	bool declared; /* types from a column definition list, which the rows must match */
	const char *const *domains; /* each column's domain (NULL: none); NULL: no column's */
	bool vars; /* the rows are the OUT variables' values, checked when they were assigned */
};

/* A LANGUAGE sql body of RETURNS SETOF t whose final statement gives one value of a row type
 * per row (SELECT ROW(...)::t): each value's fields as the row's n columns, as PostgreSQL takes
 * a composite result column. */
static bool unpack_rows(struct pl_run *r, const struct pl_rows *in, size_t n, struct pl_rows *out,
			struct pgerr *err)
{
	const struct xlat_schema *sc = &r->s->schema;
	const char *rel;
	if (!in->types[0] || !sc->rowtype_fn ||
	    sc->rowtype_fn(sc->arg, NULL, in->types[0], &rel) != in->types[0])
		return true; /* not a row type's value: the column count mismatch is reported */
	*out = (struct pl_rows){.ncols = n, .nrows = in->nrows};
	out->types = arena_zalloc(r->scratch, (n + 1) * sizeof(*out->types)); /* 0: any type */
	out->cells = arena_zalloc(r->scratch, (in->nrows * n + 1) * sizeof(*out->cells));
	size_t *lens = arena_zalloc(r->scratch, (n + 1) * sizeof(*lens));
	for (size_t i = 0; i < in->nrows; i++) {
		const char *v = in->cells[i];
		if (v && pgtype_record_fields(v, strlen(v), r->scratch, out->cells + i * n, lens, n,
					      err) < 0)
			return false;
	}
	return true;
}

/* The tenant's domain name (as a function's column declares it), NULL when none. */
static const struct xlat_domain *domain_of(const struct session *s, const char *name)
{
	for (const struct xlat_domain *d = s->schema.domains; name && d && d->name; d++) {
		if (strcmp(d->name, name) == 0)
			return d;
	}
	return NULL;
}

/* A column of a domain (RETURNS SETOF d, RETURNS TABLE (c d)): each value of rows cast to the
 * domain, as PostgreSQL coerces a set's values to its result type. */
static bool check_domains(struct pl_run *r, const struct pl_rows *rows, size_t nrows,
			  struct pgerr *err)
{
	const struct sess_udf_set *set = r->set;
	for (size_t k = 0; set->domains && !set->vars && k < set->ncols; k++) {
		const struct xlat_domain *d = domain_of(r->s, set->domains[k]);
		for (size_t i = 0; d && i < nrows; i++) {
			if (!sess_pl_domain_check(r, d, rows->cells[i * rows->ncols + k],
						  set->types[k], err))
				return false;
		}
	}
	return true;
}

bool sess_udf_add_rows(struct pl_run *r, const struct pl_rows *rows_in, struct pgerr *err)
{
	struct sess_udf_set *set = r->set;
	struct pl_rows rows = *rows_in;
	if (!set)
		return pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
				 "cannot use RETURN QUERY in a non-SETOF function");
	if (rows.ncols == 1 && set->ncols != 1 && set->declared && r->f->sql_body &&
	    !unpack_rows(r, rows_in, set->ncols, &rows, err))
		return false;
	if (rows.ncols != set->ncols && set->declared && r->f->sql_body) {
		pgerr_set(err, "42P13",
			  "return type mismatch in function declared to return record");
		pgerr_detail(err, "Final statement returns too %s columns.",
			     rows.ncols > set->ncols ? "many" : "few");
		return false;
	}
	if (rows.ncols != set->ncols) {
		pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
			  "structure of query does not match function result type");
		pgerr_detail(err, "Number of returned columns (%zu) does not match expected column "
				  "count (%zu).", rows.ncols, set->ncols);
		return false;
	}
	/* PL/pgSQL's RETURN QUERY must match the list's types; a LANGUAGE sql body's columns
	 * are converted to them, as PostgreSQL coerces a final statement's columns */
	for (size_t k = 0; set->declared && !r->f->sql_body && k < set->ncols; k++) {
		const struct pgtype_info *got = pgtype_by_oid(rows.types[k]);
		const struct pgtype_info *want = pgtype_by_oid(set->types[k]);
		if (!rows.types[k] || rows.types[k] == set->types[k])
			continue;
		pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
			  "structure of query does not match function result type");
		pgerr_detail(err, "Returned type %s does not match expected type %s in column %zu.",
			     got ? got->sql_name : "unknown", want ? want->sql_name : "unknown", k + 1);
		return false;
	}
	/* each value as the SQLite value a column of its declared type holds */
	struct strbuf sql;
	strbuf_init(&sql, 0);
	strbuf_puts(&sql, "SELECT ");
	for (size_t k = 0; k < set->ncols; k++)
		strbuf_printf(&sql, "%s?%zu", k ? ", " : "", k + 1);
	sqlite3 *db = shard_conn_db(r->s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, sql.data ? sql.data : "", -1, &vm, NULL);
	strbuf_fini(&sql);
	bool ok = rc == SQLITE_OK || (shard_error(db, rc, err), false);
	size_t nrows = set->one ? (set->nrows ? 0 : rows.nrows ? 1 : 0) : rows.nrows;
	ok = ok && check_domains(r, &rows, nrows, err);
	for (size_t i = 0; ok && i < nrows; i++) {
		for (size_t k = 0; ok && k < set->ncols; k++)
			ok = sess_bind_text(r->s, vm, (int)k, set->types[k],
					    rows.cells[i * rows.ncols + k], err);
		if (ok && sqlite3_step(vm) == SQLITE_ROW)
			for (size_t k = 0; k < set->ncols; k++)
				pgfn_rows_put(&set->sb, sqlite3_column_value(vm, (int)k));
		sqlite3_reset(vm);
	}
	sqlite3_finalize(vm);
	set->nrows += nrows;
	if (ok && set->sb.failed)
		ok = pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	int64_t cap = r->s->cfg->max_result_bytes; /* the rows are held until the call returns */
	if (ok && cap > 0 && set->sb.len > (size_t)cap)
		ok = pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			       "result of function exceeds max_result_bytes (%lld bytes)",
			       (long long)cap);
	return ok;
}

bool sess_udf_add_null_row(struct pl_run *r, struct pgerr *err)
{
	if (!r->set)
		return pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
				 "cannot use RETURN QUERY in a non-SETOF function");
	size_t n = r->set->ncols;
	struct pl_rows rows = {.ncols = n, .nrows = 1};
	rows.names = arena_zalloc(r->scratch, (n + 1) * sizeof(*rows.names));
	rows.types = arena_zalloc(r->scratch, (n + 1) * sizeof(*rows.types)); /* 0: any type */
	rows.cells = arena_zalloc(r->scratch, (n + 1) * sizeof(*rows.cells)); /* NULL */
	return sess_udf_add_rows(r, &rows, err);
}

/* What a call needs of its function, copied out of the schema snapshot first: DDL in the
 * body may replace the snapshot while it runs. */
struct plan {
	uint32_t rettype;
	bool rows;          /* xlat_udf_rows: the value is packed rows */
	size_t nin, nparams; /* input arguments; all parameters (with OUT ones) */
	uint32_t *argtypes; /* the inputs' */
	char *modes;        /* NULL: every parameter is an input */
	uint32_t *alltypes;
	size_t ncols;       /* the rows' columns and their types */
	uint32_t *coltypes;
	const char **coldomains; /* ... and domains (NULL: none), NULL when no column has one */
	bool declared; /* the types of a call's column definition list: rows must have them */
	bool one;      /* RETURNS record: the first row only */
	bool retset;   /* RETURNS SETOF (with OUT parameters: their rows, not their values) */
};

/* cols: a RETURNS [SETOF] record function's column types as the call passes them ("23 25"),
 * else NULL. */
static void make_plan(const struct session *s, const struct xlat_udf *u, const char *cols,
		      struct arena *a, struct plan *p)
{
	/* one OUT or INOUT parameter: its type (a procedure's prorettype says record) */
	uint32_t rettype = u->modes && u->nouts == 1 ? u->outtypes[0] : u->rettype;
	*p = (struct plan){.rettype = rettype,
			   .rows = xlat_udf_rows(u),
			   .nin = u->nargs,
			   .nparams = u->modes ? u->nparams : u->nargs,
			   .ncols = u->nouts ? u->nouts : 1,
			   .retset = u->retset};

	p->argtypes = arena_alloc(a, (u->nargs + 1) * sizeof(uint32_t));
	memcpy(p->argtypes, u->argtypes, u->nargs * sizeof(uint32_t));
	p->coltypes = arena_alloc(a, (p->ncols + 1) * sizeof(uint32_t));
	if (u->nouts)
		memcpy(p->coltypes, u->outtypes, u->nouts * sizeof(uint32_t));
	else
		p->coltypes[0] = u->rettype;
	for (size_t k = 0; p->rows && !cols && k < p->ncols; k++) { /* copied: see struct plan */
		const char *decl = u->nouts ? u->outdecls[k] : u->retdecl;
		if (!domain_of(s, decl))
			continue;
		if (!p->coldomains)
			p->coldomains = arena_zalloc(a, (p->ncols + 1) * sizeof(*p->coldomains));
		p->coldomains[k] = arena_strdup(a, decl);
	}
	if (cols) {
		p->coltypes = (uint32_t *)oids(a, cols, &p->ncols);
		p->declared = true;
		p->one = !u->retset;
	}
	if (!u->modes)
		return;
	p->modes = arena_strdup(a, u->modes);
	p->alltypes = arena_alloc(a, (u->nparams + 1) * sizeof(uint32_t));
	memcpy(p->alltypes, u->alltypes, u->nparams * sizeof(uint32_t));
}

/* The arguments into the body's first variables: with OUT parameters, every parameter in
 * order, the OUT ones NULL. */
static bool assign_args(struct pl_run *r, const struct plan *p, sqlite3_value **argv,
			struct arena *a, struct pgerr *err)
{
	if (!sess_pl_vars_init(r, err))
		return false;
	for (size_t k = 0, in = 0; k < p->nparams; k++) {
		bool out = p->modes && p->modes[k] == 'o';
		uint32_t type = p->modes ? p->alltypes[k] : p->argtypes[k];
		const char *text = out ? NULL : value_text(r->s, argv[in++], type, -1, a);
		if (text && r->vals[k].row) { /* a row type's argument: its text into the record */
			if (!sess_pl_row_from_text(r, (int)k, text, err))
				return false;
			continue;
		}
		if (!sess_pl_assign(r, (int)k, text, type, err))
			return false;
	}
	return true;
}

/* A PL/pgSQL body's OUT parameters, as they were when it ended: one row. */
static bool out_row(struct pl_run *r, const struct plan *p, struct pgerr *err)
{
	struct pl_rows row = {.ncols = p->ncols, .nrows = 1, .types = p->coltypes};
	const char **cells = arena_zalloc(r->scratch, (p->ncols + 1) * sizeof(*cells));
	for (size_t k = 0, n = 0; k < p->nparams; k++)
		if (p->modes[k] == 'o' || p->modes[k] == 'b') /* a row: its composite text */
			cells[n++] = r->vals[k].row ? sess_pl_row_text(r, (int)k) : r->vals[k].text;
	row.cells = cells;
	r->set->vars = true;
	bool ok = sess_udf_add_rows(r, &row, err);
	r->set->vars = false;
	return ok;
}

/* The value of a body whose result is its OUT parameter or the result variable. */
static const char *scalar_result(struct pl_run *r, const struct plan *p)
{
	int var = r->f->result_var;
	for (size_t k = 0; p->modes && !r->f->sql_body && k < p->nparams; k++)
		if (p->modes[k] == 'o' || p->modes[k] == 'b')
			var = (int)k;
	if (var >= 0 && r->vals[var].row) /* a row type's OUT parameter: its composite text */
		return sess_pl_row_text(r, var);
	return var >= 0 ? r->vals[var].text : NULL;
}

/* Runs r (its arguments assigned); its value into ctx: rows packed for pgfn_rows (NULL for
 * none), or the value as the SQLite value of its type. */
static bool run_call(struct pl_run *r, const struct plan *p, sqlite3_context *ctx,
		     struct arena *a, struct pgerr *err)
{
	struct sess_udf_set set = {.ncols = p->ncols,
				   .types = p->coltypes,
				   .one = (p->rows && p->modes && !p->retset) || p->one,
				   .declared = p->declared,
				   .domains = p->coldomains};
	strbuf_init(&set.sb, 0);
	pgfn_rows_begin(&set.sb, (int)set.ncols);
	r->set = p->rows ? &set : NULL;
	bool ok = sess_udf_run(r, a, err);
	if (ok && p->rows && p->modes && !p->retset && !r->f->sql_body)
		ok = out_row(r, p, err);
	r->set = NULL;
	if (ok && p->rows && set.nrows)
		sqlite3_result_blob64(ctx, set.sb.data, set.sb.len, SQLITE_TRANSIENT);
	else if (ok && p->rows)
		sqlite3_result_null(ctx);
	strbuf_fini(&set.sb);
	if (!ok || p->rows)
		return ok;
	if (p->rettype == PGTYPE_VOID && r->f->void_null) {
		sqlite3_result_null(ctx);
		return true;
	}
	const char *result = scalar_result(r, p);
	if (p->rettype == PGTYPE_VOID && !(r->f->sql_body && r->f->result_var >= 0))
		result = ""; /* only a LANGUAGE sql one's last query passes a NULL through */
	return set_result(r->s, ctx, p->rettype, result ? arena_strdup(a, result) : NULL, err);
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
	const char *sig = (const char *)sqlite3_value_text(argv[1]);
	const char *actual = sig ? strchr(sig, '|') : NULL; /* a polymorphic function's types */
	const struct xlat_udf *u =
		sess_udf_find(s, name, actual ? arena_strndup(a, sig, (size_t)(actual - sig)) : sig);
	if (u && actual && !(u = xlat_udf_instance(u, actual + 1, &s->schema, a, err)))
		return false;
	/* its column types come last: a column definition list's, a row type's */
	bool cols = u && (xlat_udf_coldefs(u) || xlat_udf_rowset(u, &s->schema));
	if (!u || u->nargs + cols != (size_t)(argc - 2))
		return pgerr_set(err, SQLSTATE_UNDEFINED_FUNCTION, "function %s does not exist",
				 name ? name : "?");
	if (u->strict && has_null(argv + 2, u->nargs)) {
		sqlite3_result_null(ctx);
		return true;
	}
	if (!sess_udf_depth_ok(s, err))
		return false;
	struct plan p;
	make_plan(s, u, cols ? (const char *)sqlite3_value_text(argv[argc - 1]) : NULL, a, &p);
	const struct xlat_pl_func *f = sess_udf_compile(s, u, a, err);
	if (!f)
		return false;
	struct pl_run r = {.s = s, .f = f, .scratch = arena_new(0), .proc = u->kind == 'p'};
	struct sess_udf_state *st = sess_udf_state(s);
	bool script = r.proc && st->call_script;
	const struct pl_run *o = s->rare ? s->rare->pl_top : NULL; /* the CALL's, if any */
	if (r.proc)
		st->call_script = false;
	/* the savepoints sess_run_script (a CALL without parameters) and sess_udf_run opened,
	 * and the script's pragma, which SQLite's COMMIT turns off: the CALL's own, outside a
	 * block, or one CALLed by a procedure (or DO) that may end the transaction, outside its
	 * blocks with handlers (a CALL with variables is a statement, with no savepoint) */
	if (r.proc && st->call_top && st->depth == 0)
		r.again = "SAVEPOINT shardlite_stmt; PRAGMA defer_foreign_keys = ON; "
			  "SAVEPOINT shardlite_fn_0";
	else if (r.proc && st->call_sql && st->depth == 0) /* in the implicit block's BEGIN? */
		r.again = s->txn == SESS_TXN_IMPLICIT && !s->txn_lone
				  ? "BEGIN; SAVEPOINT shardlite_fn_0"
				  : "SAVEPOINT shardlite_fn_0";
	else if (r.proc && o && o->again && !o->savepoints)
		r.again = arena_printf(a, "%s;%s SAVEPOINT shardlite_fn_%d", o->again,
				       script ? " SAVEPOINT shardlite_stmt; PRAGMA "
						"defer_foreign_keys = ON;"
					      : "",
				       st->depth);
	if (r.proc)
		st->call_top = st->call_sql = false;
	bool ok = assign_args(&r, &p, argv + 2, a, err) && run_call(&r, &p, ctx, a, err);
	sess_pl_vars_free(&r);
	arena_free(r.scratch);
	return ok;
}

/* random() draws from the session's generator once setseed() seeded it (PostgreSQL's
 * sequence for that seed), from SQLite's randomness before. */
static void random_call(struct session *s, sqlite3_context *ctx, enum pgfn_call_kind kind,
			sqlite3_value **argv)
{
	if (kind == PGFN_CALL_SETSEED) {
		struct sess_rare *r = sess_rare(s);
		pgfn_prng_seed(&r->prng, sqlite3_value_double(argv[0]));
		r->seeded = true;
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC); /* void */
		return;
	}
	bool seeded = s->rare && s->rare->seeded;
	sqlite3_result_double(ctx, pgfn_prng_double(seeded ? &s->rare->prng : NULL));
}

static void call_fn(void *arg, sqlite3_context *ctx, enum pgfn_call_kind kind, int argc,
		    sqlite3_value **argv)
{
	struct session *s = arg;
	struct pgerr err;
	pgerr_clear(&err);
	if (kind == PGFN_CALL_RANDOM || kind == PGFN_CALL_SETSEED) { /* never blocks */
		random_call(s, ctx, kind, argv);
		return;
	}
	if (kind == PGFN_CALL_EXCLUDE_SKIP) { /* never blocks */
		/* (keys): a NULLS NOT DISTINCT key's trigger, skipped by a target of its keys */
		const char *keys = argc == 1 ? (const char *)sqlite3_value_text(argv[0]) : NULL;
		const char *want = s->udf ? s->udf->trg.conflict_keys : NULL;
		if (keys && want && strncmp(want, "u:", 2) == 0 && strcmp(keys, want + 2) == 0) {
			/* DO UPDATE: SQLite's upsert sees no conflict of a key with a NULL */
			pgfn_error(
				ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				"INSERT ... ON CONFLICT DO UPDATE of a row whose UNIQUE NULLS NOT "
				"DISTINCT key (%s) holds a NULL is not supported",
				keys);
			return;
		}
		sqlite3_result_int(ctx, s->udf && (s->udf->trg.exclude_skip ||
						   (keys && want && strcmp(keys, want) == 0)));
		return;
	}
	if (kind == PGFN_CALL_RETURNING) { /* never blocks */
		sess_trigger_ret_mark(s, ctx, argc, argv);
		return;
	}
	if (kind == PGFN_CALL_UPSERT) { /* never blocks */
		sess_trigger_upsert(s, ctx, argv);
		return;
	}
	/* never blocks: with no BEFORE trigger's row it is its argument */
	if (kind == PGFN_CALL_EXCLUDED && !sess_trigger_excluded(s, ctx, argv, &err)) {
		pgfn_error(ctx, err.sqlstate[0] ? err.sqlstate : SQLSTATE_INTERNAL_ERROR, "%s",
			   err.message);
		return;
	}
	if (kind == PGFN_CALL_EXCLUDED)
		return;
	if (kind == PGFN_CALL_CURRENT_OF) { /* never blocks */
		sess_cursor_current_of(s, ctx, argv);
		return;
	}
	if (kind == PGFN_CALL_UNIQUE_PENDING) { /* never blocks */
		sess_unique_pending(s, (const char *)sqlite3_value_text(argv[0]),
				    sqlite3_value_int64(argv[1]));
		sqlite3_result_null(ctx);
		return;
	}
	if (s->inline_run) { /* a body may block: the statement runs again on a worker */
		(void)sess_inline_punt(s, &err);
		pgfn_error(ctx, err.sqlstate[0] ? err.sqlstate : SQLSTATE_INTERNAL_ERROR, "%s",
			   err.message[0] ? err.message : "function call moved to a worker");
		return;
	}
	if (kind == PGFN_CALL_TRIGGER_DEPTH) {
		sqlite3_result_int(ctx, s->udf ? s->udf->trg_depth : 0);
		return;
	}
	if (kind == PGFN_CALL_TRANSITION) {
		sess_trigger_transition_call(s, ctx, argv);
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
	sess_trigger_queue_free(s);
	(void)sess_trigger_txn_end(s, false, NULL);
	if (!s->udf)
		return;
	free(s->udf->err);
	sess_trigger_returned_free(s->udf);
	sess_trigger_ret_params_free(s->udf);
	if (s->udf->cache)
		cache_clear(s->udf->cache);
	free(s->udf->cache);
	free(s->udf);
	s->udf = NULL;
}

bool sess_udf_error_pending(const struct session *s, const struct pgerr *err)
{
	const struct pgerr *e = s->udf ? s->udf->err : NULL;
	return e && strcmp(e->sqlstate, err->sqlstate) == 0 && strcmp(e->message, err->message) == 0;
}

void sess_udf_fix_error(struct session *s, struct pgerr *err)
{
	struct pgerr *e = s->udf ? s->udf->err : NULL;
	if (!sess_udf_error_pending(s, err))
		return;
	if (!err->detail[0])
		memcpy(err->detail, e->detail, sizeof(err->detail));
	if (!err->hint[0])
		memcpy(err->hint, e->hint, sizeof(err->hint));
	if (!err->context[0])
		memcpy(err->context, e->context, sizeof(err->context));
	if (!err->schema_name[0] && !err->table_name[0] && !err->column_name[0] &&
	    !err->datatype_name[0] && !err->constraint_name[0]) {
		memcpy(err->schema_name, e->schema_name, sizeof(err->schema_name));
		memcpy(err->table_name, e->table_name, sizeof(err->table_name));
		memcpy(err->column_name, e->column_name, sizeof(err->column_name));
		memcpy(err->datatype_name, e->datatype_name, sizeof(err->datatype_name));
		memcpy(err->constraint_name, e->constraint_name, sizeof(err->constraint_name));
	}
	free(e);
	s->udf->err = NULL;
}
