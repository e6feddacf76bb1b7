/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_priv.c: has_table_privilege and its family. The session's user owns the tenant and
 * everything in it, so it holds every privilege on the tenant's objects, may read the catalog
 * (and EXECUTE every function, PUBLIC's by default) and nothing more there; any other role name does not exist (pg_roles lists only the session
 * user). Privilege names are checked as PostgreSQL checks them. */
#include "catalog_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define SQLSTATE_WRONG_OBJECT_TYPE "42809"

enum obj {
	OBJ_TABLE,
	OBJ_COLUMN,
	OBJ_ANY_COLUMN,
	OBJ_SCHEMA,
	OBJ_DATABASE,
	OBJ_FUNCTION,
	OBJ_SEQUENCE
};

/* The privilege names each kind of object takes (a comma list, each maybe WITH GRANT OPTION). */
static const char *const table_privs[] = {"SELECT",   "INSERT",     "UPDATE",  "DELETE",
					  "TRUNCATE", "REFERENCES", "TRIGGER", NULL};
static const char *const column_privs[] = {"SELECT", "INSERT", "UPDATE", "REFERENCES", NULL};
static const char *const schema_privs[] = {"CREATE", "USAGE", NULL};
static const char *const database_privs[] = {"CREATE", "CONNECT", "TEMPORARY", "TEMP", NULL};
static const char *const function_privs[] = {"EXECUTE", NULL};
static const char *const sequence_privs[] = {"USAGE", "SELECT", "UPDATE", NULL};

static const char *const *privs_of(enum obj o)
{
	switch (o) {
	case OBJ_TABLE:
		return table_privs;
	case OBJ_COLUMN:
	case OBJ_ANY_COLUMN:
		return column_privs;
	case OBJ_SCHEMA:
		return schema_privs;
	case OBJ_FUNCTION:
		return function_privs;
	case OBJ_SEQUENCE:
		return sequence_privs;
	default:
		return database_privs;
	}
}

/* Checks "select, insert with grant option"; *public_one says whether one of them is what
 * PUBLIC holds on the catalog (SELECT, USAGE, CONNECT, without GRANT OPTION): PostgreSQL
 * answers true when any one listed is held. False with the offending name in bad. */
static bool parse_privs(const char *s, enum obj o, bool *public_one, char *bad, size_t badlen)
{
	*public_one = false;
	while (s && *s) {
		while (isspace((unsigned char)*s))
			s++;
		size_t n = strcspn(s, ",");
		size_t len = n;
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		static const char grant[] = " WITH GRANT OPTION";
		size_t glen = sizeof(grant) - 1;
		bool with_grant = len > glen && strncasecmp(s + len - glen, grant, glen) == 0;
		if (with_grant)
			len -= glen;
		bool ok = false;
		for (const char *const *p = privs_of(o); *p && !ok; p++) {
			ok = strlen(*p) == len && strncasecmp(s, *p, len) == 0;
			if (ok && !with_grant &&
			    (strcmp(*p, "SELECT") == 0 || strcmp(*p, "USAGE") == 0 ||
			     strcmp(*p, "CONNECT") == 0))
				*public_one = true;
		}
		if (!ok) {
			snprintf(bad, badlen, "%.*s", (int)len, s);
			return false;
		}
		s += n + (s[n] == ',');
	}
	return true;
}

/* A name as PostgreSQL reads an identifier: "Quoted" kept, anything else lower-cased;
 * a public. or pg_catalog. prefix is noted in *catalog and dropped. */
static void ident(const char *s, char *out, size_t outlen, bool *catalog)
{
	*catalog = strncmp(s, "pg_catalog.", 11) == 0;
	if (strncmp(s, "public.", 7) == 0 || *catalog)
		s = strchr(s, '.') + 1;
	size_t o = 0;
	if (*s == '"') {
		for (s++; *s && o + 1 < outlen; s++) {
			if (*s == '"' && s[1] != '"')
				break;
			s += *s == '"';
			out[o++] = *s;
		}
	} else {
		for (; *s && o + 1 < outlen; s++)
			out[o++] = (char)tolower((unsigned char)*s);
	}
	out[o] = '\0';
}

struct target {
	const struct cat_rel *rel; /* a tenant relation, or NULL */
	bool catalog;              /* a relation of pg_catalog/information_schema */
};

static bool find_table(sqlite3_context *ctx, const struct cat_model *m, sqlite3_value *v,
		       struct target *t)
{
	char name[256];
	if (sqlite3_value_type(v) == SQLITE_INTEGER) {
		int64_t oid = sqlite3_value_int64(v);
		t->rel = cat_model_rel_oid(m, (uint32_t)oid);
		t->catalog = oid > 0 && oid < CATALOG_OID_MIN;
		if (t->rel || t->catalog)
			return true;
		sqlite3_result_null(ctx); /* PostgreSQL: NULL for an OID that names nothing */
		return false;
	}
	bool catalog;
	ident((const char *)sqlite3_value_text(v), name, sizeof(name), &catalog);
	t->rel = catalog ? NULL : cat_model_rel(m, name);
	t->catalog = catalog_has_relation(name);
	if (t->rel || t->catalog)
		return true;
	char *msg = sqlite3_mprintf("relation \"%s\" does not exist",
				    (const char *)sqlite3_value_text(v));
	sqlite3_result_error(ctx, msg, -1);
	sqlite3_free(msg);
	return false;
}

static bool check_user(sqlite3_context *ctx, sqlite3_value *v)
{
	struct cat_conn *cc = sqlite3_user_data(ctx);
	if (sqlite3_value_type(v) == SQLITE_INTEGER && sqlite3_value_int64(v) == CAT_ROLE_BOOTSTRAP)
		return true;
	const char *u = (const char *)sqlite3_value_text(v);
	if (u && strcmp(u, cat_conn_user(cc)) == 0)
		return true;
	char *msg = sqlite3_mprintf("role \"%s\" does not exist", u ? u : "");
	sqlite3_result_error(ctx, msg, -1);
	sqlite3_free(msg);
	return false;
}

/* A schema the catalog shows (by OID or name): catalog schemas are not the user's own; the
 * tenant's (public, or without a default tenant each tenant listed) are. */
static bool known_schema(struct cat_conn *cc, sqlite3_value *v, bool *catalog)
{
	const char *s = (const char *)sqlite3_value_text(v);
	struct arena *a = arena_new(0);
	uint32_t oid = 0;
	if (sqlite3_value_type(v) == SQLITE_INTEGER) {
		int64_t n = sqlite3_value_int64(v);
		s = n > 0 && n <= UINT32_MAX ? cat_conn_schema_name(cc, (uint32_t)n, a) : NULL;
		oid = s ? (uint32_t)n : 0;
	} else if (s) {
		oid = cat_conn_schema_oid(cc, s);
	}
	arena_free(a); /* only oid is read below */
	*catalog = oid == CAT_NS_PG_CATALOG || oid == CAT_NS_INFORMATION_SCHEMA || oid == 99;
	return oid != 0 && oid != 99;
}

static bool column_ok(sqlite3_context *ctx, const struct cat_rel *t, sqlite3_value *v)
{
	const char *name = (const char *)sqlite3_value_text(v);
	int64_t attnum = sqlite3_value_int64(v);
	bool by_number = sqlite3_value_type(v) == SQLITE_INTEGER;
	for (int i = 0; i < t->ncols; i++) {
		if (by_number ? attnum == i + 1 : strcmp(t->cols[i].name, name) == 0)
			return true;
	}
	if (by_number) {
		sqlite3_result_null(
			ctx); /* PostgreSQL: NULL for a column number that is not there */
		return false;
	}
	char *msg =
		sqlite3_mprintf("column \"%s\" of relation \"%s\" does not exist", name, t->name);
	sqlite3_result_error(ctx, msg, -1);
	sqlite3_free(msg);
	return false;
}

/* A function by OID (NULL for one that is none, as PostgreSQL answers) or by signature
 * (regprocedure's lookup and errors: a bare name is 22P02, as regprocedurein says). */
static bool function_ok(sqlite3_context *ctx, sqlite3_value *v)
{
	if (sqlite3_value_type(v) != SQLITE_INTEGER) {
		uint32_t oid;
		const char *s = (const char *)sqlite3_value_text(v);
		if (!strchr(s, '(')) {
			pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				   "expected a left parenthesis");
			return false;
		}
		return cat_reg_proc_lookup(ctx, 1, s, &oid);
	}
	int64_t oid = sqlite3_value_int64(v);
	size_t n = 0;
	const struct cat_proc *p = cat_procs(&n);
	for (size_t i = 0; i < n && oid > 0 && oid < CATALOG_OID_MIN; i++)
		if (p[i].oid == (uint32_t)oid)
			return true;
	if (oid >= CATALOG_OID_MIN && oid <= UINT32_MAX &&
	    cat_udf_exists(sqlite3_context_db_handle(ctx), (uint32_t)oid))
		return true;
	sqlite3_result_null(ctx);
	return false;
}

/* Whether the object exists (else the error or NULL result is set); *owned: the user owns it.
 * has_sequence_privilege of a relation that is no sequence: its name in *not_seq, refused
 * once the privileges are checked, in PostgreSQL's order. */
static bool object_ok(sqlite3_context *ctx, enum obj o, sqlite3_value **argv, bool *owned,
		      const char **not_seq)
{
	struct cat_conn *cc = sqlite3_user_data(ctx);
	char *msg = NULL;
	if (o == OBJ_FUNCTION) {
		*owned = true; /* EXECUTE is PUBLIC's on every function, unless revoked */
		return function_ok(ctx, argv[0]);
	}
	if (o == OBJ_DATABASE) {
		const char *d = (const char *)sqlite3_value_text(argv[0]);
		*owned = true; /* every database it lists is a tenant the user may reach */
		struct arena *a = arena_new(0);
		bool current = false, listed = cat_database_find(cc, argv[0], a, &current) != NULL;
		arena_free(a);
		if (listed)
			return true;
		msg = sqlite3_mprintf("database \"%s\" does not exist", d ? d : "");
	} else if (o == OBJ_SCHEMA) {
		bool catalog;
		if (known_schema(cc, argv[0], &catalog)) {
			*owned = !catalog;
			return true;
		}
		msg = sqlite3_mprintf("schema \"%s\" does not exist",
				      (const char *)sqlite3_value_text(argv[0]));
	} else {
		const struct cat_model *m = cat_conn_model(cc, &msg);
		struct target t = {0};
		if (m && find_table(ctx, m, argv[0], &t)) {
			*owned = t.rel != NULL;
			if (o == OBJ_SEQUENCE && (!t.rel || t.rel->kind != 'S'))
				*not_seq = t.rel ? t.rel->name
						 : (const char *)sqlite3_value_text(argv[0]);
			return o != OBJ_COLUMN || !t.rel || column_ok(ctx, t.rel, argv[1]);
		}
		if (m)
			return false; /* find_table answered */
	}
	sqlite3_result_error(ctx, msg ? msg : "catalog unavailable", -1);
	sqlite3_free(msg);
	return false;
}

/* has_X_privilege([user,] object[, column], privilege). */
static void has_privilege(sqlite3_context *ctx, enum obj o, int argc, sqlite3_value **argv)
{
	int nobj = o == OBJ_COLUMN ? 2 : 1;
	bool with_user = argc == nobj + 2;
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	}
	if (with_user && !check_user(ctx, argv[0]))
		return;
	sqlite3_value **objv = argv + (with_user ? 1 : 0);
	bool owned = false, public_one = false;
	char bad[128];
	const char *not_seq = NULL;
	if (!object_ok(ctx, o, objv, &owned, &not_seq))
		return;
	if (!parse_privs((const char *)sqlite3_value_text(argv[argc - 1]), o, &public_one, bad,
			 sizeof(bad))) {
		char *msg = sqlite3_mprintf("unrecognized privilege type: \"%s\"", bad);
		sqlite3_result_error(ctx, msg, -1);
		sqlite3_free(msg);
		return;
	}
	if (not_seq) {
		pgfn_error(ctx, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", not_seq);
		return;
	}
	sqlite3_result_int(ctx, owned || public_one);
}

/* pg_has_role([user,] role, privilege): the session user is the only role there is
 * (check_user), a member of itself with its privileges (MEMBER, USAGE); WITH ADMIN (or GRANT)
 * OPTION on itself no role holds, by PostgreSQL 15's policy for a user who is no superuser.
 * True when any privilege listed is held. */
static void fn_has_role(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	}
	if ((argc == 3 && !check_user(ctx, argv[0])) || !check_user(ctx, argv[argc - 2]))
		return;
	bool held = false;
	for (const char *s = (const char *)sqlite3_value_text(argv[argc - 1]); s && *s;) {
		s += strspn(s, " \t\n");
		size_t n = strcspn(s, ","), len = n;
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		static const char *const opts[] = {"", " WITH GRANT OPTION", " WITH ADMIN OPTION"};
		bool ok = false;
		for (size_t k = 0; k < ARRAY_LEN(opts) && !ok; k++) {
			size_t olen = strlen(opts[k]);
			if (len < olen || strncasecmp(s + len - olen, opts[k], olen) != 0)
				continue;
			size_t plen = len - olen;
			ok = (plen == 6 && strncasecmp(s, "MEMBER", 6) == 0) ||
			     (plen == 5 && strncasecmp(s, "USAGE", 5) == 0);
			held |= ok && k == 0;
		}
		if (!ok) {
			pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				   "unrecognized privilege type: \"%.*s\"", (int)len, s);
			return;
		}
		s += n + (s[n] == ',');
	}
	sqlite3_result_int(ctx, held);
}

#define PRIV_FN(fn, o)                                                       \
	static void fn(sqlite3_context *ctx, int argc, sqlite3_value **argv) \
	{                                                                    \
		has_privilege(ctx, o, argc, argv);                           \
	}

PRIV_FN(fn_table, OBJ_TABLE)
PRIV_FN(fn_column, OBJ_COLUMN)
PRIV_FN(fn_any_column, OBJ_ANY_COLUMN)
PRIV_FN(fn_schema, OBJ_SCHEMA)
PRIV_FN(fn_database, OBJ_DATABASE)
PRIV_FN(fn_function, OBJ_FUNCTION)
PRIV_FN(fn_sequence, OBJ_SEQUENCE)

bool cat_priv_register(sqlite3 *db, struct cat_conn *cc)
{
	/* each with and without its leading user argument */
	static const struct pgfn_def fns[] = {
		{"has_table_privilege", 2, fn_table},
		{"has_table_privilege", 3, fn_table},
		{"has_column_privilege", 3, fn_column},
		{"has_column_privilege", 4, fn_column},
		{"has_any_column_privilege", 2, fn_any_column},
		{"has_any_column_privilege", 3, fn_any_column},
		{"has_schema_privilege", 2, fn_schema},
		{"has_schema_privilege", 3, fn_schema},
		{"has_database_privilege", 2, fn_database},
		{"has_database_privilege", 3, fn_database},
		{"has_function_privilege", 2, fn_function},
		{"has_function_privilege", 3, fn_function},
		{"has_sequence_privilege", 2, fn_sequence},
		{"has_sequence_privilege", 3, fn_sequence},
		{"pg_has_role", 2, fn_has_role},
		{"pg_has_role", 3, fn_has_role},
	};
	return pgfn_define_with(db, fns, ARRAY_LEN(fns), SQLITE_INNOCUOUS, cc) == SQLITE_OK;
}
