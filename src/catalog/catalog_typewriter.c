/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_typewriter.c: what the writers of the type sidecars share — shardlite_enum
 * (catalog_enumddl.c), shardlite_comptype (catalog_comptype.c) and shardlite_domain
 * (catalog_domain.c): their arguments, one statement on the writing connection, and OWNER TO. */
#include "catalog_int.h"

#include <string.h>

const char *cat_fn_arg(sqlite3_value **v, int argc, int i)
{
	return i < argc ? (const char *)sqlite3_value_text(v[i]) : NULL;
}

bool cat_sidecar_exec(sqlite3_context *ctx, const char *what, const char *sql, const char *const *p,
		      int n, double num)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	for (int i = 0; rc == SQLITE_OK && i < n; i++) {
		if (p[i]) /* unbound: NULL */
			sqlite3_bind_text(st, i + 1, p[i], -1, SQLITE_STATIC);
	}
	if (rc == SQLITE_OK && sqlite3_bind_parameter_count(st) > n)
		sqlite3_bind_double(st, n + 1, num); /* an INTEGER column keeps a whole number */
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	sqlite3_finalize(st);
	/* another connection's write lock, met at the statement's first write: 55P03, which
	 * the session's script and rebuild paths park on and run again (sess_exec.c) */
	if (rc != SQLITE_OK && sqlite3_errcode(db) == SQLITE_BUSY)
		pgfn_error(ctx, SQLSTATE_LOCK_NOT_AVAILABLE,
			   "could not obtain lock on the tenant database");
	else if (rc != SQLITE_OK)
		pgfn_error(ctx, "XX000", "%s sidecar: %s", what, sqlite3_errmsg(db));
	return rc == SQLITE_OK;
}

void cat_fn_owner_to(sqlite3_context *ctx, const char *role)
{
	const char *user = cat_conn_user(sqlite3_user_data(ctx));
	if (role && strcmp(role, user) != 0)
		pgfn_error(ctx, "0A000",
			   "OWNER TO \"%s\" is not supported: every object of a tenant belongs to "
			   "the session user (\"%s\")",
			   role, user);
	else
		sqlite3_result_null(ctx);
}
