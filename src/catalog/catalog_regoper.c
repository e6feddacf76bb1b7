/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_regoper.c: to_regoper and to_regrole, the existence checks for an operator and a
 * role by name (NULL when none, as the other to_reg* functions answer through catalog_reg.c).
 * The ::regoper and ::regrole casts themselves are not translated. */
#include "catalog_int.h"

#include "pgfn.h"

#include <string.h>

/* pg_regoper_in(name, missing_ok): the OID of the one operator of that name (pg_catalog.
 * prefix allowed); none or several are regoperin's errors, or NULL for to_regoper. */
static void fn_regoper_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *name = strncmp(s, "pg_catalog.", 11) == 0 ? s + 11 : s;
	size_t n = 0, found = 0;
	const struct cat_oper *o = cat_opers(&n);
	uint32_t oid = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(o[i].name, name) == 0) {
			found++;
			oid = o[i].oid;
		}
	}
	if (found == 1)
		sqlite3_result_int64(ctx, oid);
	else if (found)
		cat_reg_missing(ctx, argc, "42725", "more than one operator named %s", s);
	else
		cat_reg_missing(ctx, argc, "42883", "operator does not exist: %s", s);
}

/* regoperout: the operator's name (qualified when others share it, as PostgreSQL prints a
 * name its input would not read back); an OID no operator has stays digits. */
static void fn_regoper_out(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	size_t n = 0, shared = 0;
	const struct cat_oper *o = cat_opers(&n), *hit = NULL;
	for (size_t i = 0; oid && i < n; i++)
		hit = o[i].oid == oid ? &o[i] : hit;
	for (size_t i = 0; hit && i < n; i++)
		shared += strcmp(o[i].name, hit->name) == 0;
	char *text = !oid   ? sqlite3_mprintf("0")
		     : !hit ? sqlite3_mprintf("%u", oid)
			    : sqlite3_mprintf(shared > 1 ? "pg_catalog.%s" : "%s", hit->name);
	sqlite3_result_text(ctx, text, -1, sqlite3_free);
}

/* pg_regrole_in(name, missing_ok): the role's OID, the name folded to lower case unless
 * quoted, as regrolein reads it. */
static void fn_regrole_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	const char *p = s, *name = cat_reg_name_part(a, &p);
	if (!name || *p)
		pgfn_error(ctx, "42602", "invalid name syntax");
	else {
		uint32_t oid = cat_role_named(sqlite3_user_data(ctx), name, a);
		if (oid)
			sqlite3_result_int64(ctx, oid);
		else
			cat_reg_missing(ctx, argc, "42704", "role \"%s\" does not exist", name);
	}
	arena_free(a);
}

static const struct pgfn_def fns[] = {
	{"pg_regoper_in", 2, fn_regoper_in},
	{"pg_regoper_out", 1, fn_regoper_out},
	{"pg_regrole_in", 1, fn_regrole_in}, /* 'name'::regrole: 42704 for none */
	{"pg_regrole_in", 2, fn_regrole_in}, /* to_regrole: NULL */
};

bool cat_regoper_register(sqlite3 *db, struct cat_conn *cc)
{
	/* roles come from the session; no side effects either way */
	return pgfn_define_with(db, fns, ARRAY_LEN(fns), SQLITE_INNOCUOUS, cc) == SQLITE_OK;
}
