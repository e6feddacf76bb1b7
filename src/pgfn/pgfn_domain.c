/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_domain.c: a cast to a domain (CREATE DOMAIN) at run time — pgfn_domain_check runs the
 * domain's NOT NULL and CHECKs, which the translator wrote as statements of their own over
 * ?1, on the value computed once, and answers PostgreSQL's errors. A column of a domain
 * carries the same checks as SQLite CHECKs instead (src/xlat/xlat_domain.c). */
#include "pgfn_int.h"

#include <string.h>

static void finalize(void *p) { sqlite3_finalize(p); }

/* The check of argument i (its SQL): 1 passed (true or NULL), 0 failed, -1 error raised. The
 * prepared statement is kept as the argument's auxiliary data while the SQL stays the same
 * (a constant: every row of the calling statement). */
static int run_check(sqlite3_context *ctx, sqlite3_value **argv, int i)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = sqlite3_get_auxdata(ctx, i);
	bool kept = st != NULL;
	if (!st) {
		const char *sql = (const char *)sqlite3_value_text(argv[i]);
		if (!sql || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK || !st) {
			pgfn_error(ctx, "XX000", "domain check: %s", sqlite3_errmsg(db));
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_bind_value(st, 1, argv[0]);
	int rc = sqlite3_step(st), out = 1;
	if (rc == SQLITE_ROW)
		out = sqlite3_column_type(st, 0) == SQLITE_NULL || sqlite3_column_int(st, 0) != 0;
	else if (rc != SQLITE_DONE) /* the check's own error (pgfn's "pgfn:SSSSS:..." kept) */
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1), out = -1;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (!kept)
		sqlite3_set_auxdata(ctx, i, st,
				    finalize); /* finalized at once when it cannot keep */
	return out;
}

/* pgfn_domain_check(x, domain, notnull, name1, check1, ...): x when it passes the domain's
 * NOT NULL (notnull 1) and each CHECK (checkN: "SELECT expr" over ?1, true or NULL passes),
 * else 23502 / 23514 as PostgreSQL words them; domain is the name as format_type spells it. */
static void fn_domain_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc < 3 || (argc - 3) % 2) {
		pgfn_error(ctx, "XX000", "pgfn_domain_check: bad arguments");
		return;
	}
	const char *domain = (const char *)sqlite3_value_text(argv[1]);
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL && sqlite3_value_int(argv[2])) {
		pgfn_error(ctx, "23502", "domain %s does not allow null values", domain);
		return;
	}
	for (int i = 3; i + 1 < argc; i += 2) {
		int ok = run_check(ctx, argv, i + 1);
		if (ok < 0)
			return;
		if (!ok) {
			pgfn_error(ctx, "23514",
				   "value for domain %s violates check constraint \"%s\"", domain,
				   (const char *)sqlite3_value_text(argv[i]));
			return;
		}
	}
	sqlite3_result_value(ctx, argv[0]);
}

int pgfn_register_domain(sqlite3 *db)
{
	/* not SQLITE_DETERMINISTIC: a CHECK may call a volatile function */
	return sqlite3_create_function(db, "pgfn_domain_check", -1, SQLITE_UTF8 | SQLITE_INNOCUOUS,
				       NULL, fn_domain_check, NULL, NULL);
}
