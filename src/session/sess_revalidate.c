/* SPDX-License-Identifier: Apache-2.0 */
/* sess_revalidate.c: a prepared statement used again after DDL changed the tenant's schema is
 * translated again, as PostgreSQL analyzes a cached query again when its relations changed;
 * when its result columns are no longer those it was prepared with, using it is PostgreSQL's
 * 0A000 "cached plan must not change result type" (what pgx's statement cache, among others,
 * waits for before it prepares the statement anew). Not for portals: they keep their plan. */
#include "session_int.h"

#include <stdlib.h>
#include <string.h>

/* What PostgreSQL compares of a cached query's result (equalTupleDescs): each column's name,
 * type and typmod (not the table and attnum it comes from, which a table rebuilt by ALTER
 * TABLE may change), malloc'd into *out; false when vm has no result columns. */
static bool shape_of(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
		     char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	int n = vm ? sess_ncols(x, vm) : 0;
	if (n <= 0)
		return false;
	struct pgw_field *fields = base_xcalloc((size_t)n, sizeof(*fields));
	sess_describe_columns(s, x, vm, NULL, fields);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int i = 0; i < n; i++) {
		strbuf_puts(&sb, fields[i].name ? fields[i].name : "");
		strbuf_append(&sb, "", 1);
		strbuf_append(&sb, (const char *)&fields[i].type_oid, sizeof(fields[i].type_oid));
		strbuf_append(&sb, (const char *)&fields[i].typmod, sizeof(fields[i].typmod));
	}
	free(fields);
	if (sb.failed || !sb.len) {
		strbuf_fini(&sb);
		return false;
	}
	*len = sb.len;
	*out = base_xmalloc(sb.len);
	memcpy(*out, sb.data, sb.len);
	strbuf_fini(&sb);
	return true;
}

/* A statement that may be revalidated: a tenant session's plain SQL (no DDL) that no portal
 * holds (a portal keeps the statement's translation and its own plan). */
static bool revalidates(const struct session *s, const struct sess_stmt *st)
{
	return st->x && st->x->kind == XLAT_SQL && !st->x->is_ddl && s->tenant[0] && s->conn &&
	       st->schema_fp != 0;
}

void sess_stmt_keep_shape(struct session *s, struct sess_stmt *st, uint64_t fingerprint)
{
	st->schema_fp = fingerprint;
	if (!revalidates(s, st) || !st->name[0])
		return; /* the unnamed statement is translated again, not checked (docs/clients.md) */
	(void)shape_of(s, st->x, st->vm, &st->shape, &st->shape_len);
}

bool sess_stmt_revalidate(struct session *s, struct sess_stmt *st, struct pgerr *err)
{
	if (!revalidates(s, st) || st->vm_lent || st->refs > 1)
		return true;
	const struct xlat_schema *now = sess_types(s);
	if (!now || !now->fingerprint || now->fingerprint == st->schema_fp)
		return true;
	struct xlat_env env;
	char search[SHARD_TENANT_MAX + 1];
	sess_schema_env(s, &env, search);
	env.aborted = s->txn == SESS_TXN_FAILED;
	struct xlat_stmt *xs = NULL;
	size_t n = 0;
	/* the parameters keep the types they were given or inferred, as in PostgreSQL */
	if (!xlat_translate_in(&env, st->sql, st->param_types, (size_t)st->nparams, st->arena,
			       &xs, &n, err))
		return false;
	if (n != 1 || xs[0].kind != XLAT_SQL || xs[0].nparams > st->nparams)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "cached plan must not change result type");
	sqlite3_stmt *vm = sess_prepare(s, &xs[0], err);
	if (!vm) {
		sess_error_locate(st->sql, &xs[0], err);
		return false;
	}
	char *shape = NULL;
	size_t len = 0;
	if (st->name[0]) {
		bool cols = shape_of(s, &xs[0], vm, &shape, &len);
		bool had = st->shape != NULL;
		if (cols != had || len != st->shape_len ||
		    (cols && memcmp(shape, st->shape, len) != 0)) {
			free(shape);
			sqlite3_finalize(vm);
			return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "cached plan must not change result type");
		}
		free(shape);
	}
	sqlite3_finalize(st->vm); /* prepared before the DDL: its columns may be stale */
	st->vm = vm;
	st->x = &xs[0];
	st->schema_fp = now->fingerprint;
	free(st->rowdesc);
	st->rowdesc = NULL;
	return true;
}
