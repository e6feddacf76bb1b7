/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_roles.c: the cluster's roles as pg_authid and pg_roles show them — the session's
 * user (OID 10, owner of everything in a tenant), the other users of the users file, and
 * pg_database_owner — and pg_parameter_acl, empty (GRANT SET ON PARAMETER is not supported).
 * Read by pg_dumpall. No secret is ever shown: rolpassword is NULL in pg_authid (PostgreSQL
 * shows it to superusers only; shardlite's secrets stay in the users file) and "********" in
 * pg_roles, as PostgreSQL's view writes it. */
#include "catalog_int.h"

#include <string.h>

/* Whether a role row is pg_authid's (column order and rolpassword) or pg_roles'. */
enum role_view { ROLE_AUTHID, ROLE_ROLES };

static void authid_row(struct cat_rows *r, const char *name, uint32_t oid, bool login)
{
	cat_row(r);
	cat_int(r, oid);
	cat_text(r, name);
	cat_bool(r, false); /* rolsuper: as the is_superuser setting says */
	cat_bool(r, true);  /* rolinherit */
	cat_bool(r, false); /* rolcreaterole */
	cat_bool(r, false); /* rolcreatedb */
	cat_bool(r, login);
	cat_bool(r, false); /* rolreplication */
	cat_bool(r, false); /* rolbypassrls */
	cat_int(r, -1);     /* rolconnlimit */
	cat_null(r);        /* rolpassword: never shown */
	cat_null(r);        /* rolvaliduntil */
}

static void roles_row(struct cat_rows *r, const char *name, uint32_t oid, bool login)
{
	cat_row(r);
	cat_text(r, name);
	cat_bool(r, false);
	cat_bool(r, true);
	cat_bool(r, false);
	cat_bool(r, false);
	cat_bool(r, login);
	cat_bool(r, false);
	cat_int(r, -1);
	cat_text(r, "********");
	cat_null(r);
	cat_bool(r, false);
	cat_null(r);
	cat_int(r, oid);
}

uint32_t cat_role_oid(const char *name) { return cat_oid("role", name, NULL); }

static void role(struct cat_rows *r, enum role_view v, const char *name, uint32_t oid,
		 bool login)
{
	if (v == ROLE_AUTHID)
		authid_row(r, name, oid, login);
	else
		roles_row(r, name, oid, login);
}

static bool fill(struct cat_conn *cc, struct cat_rows *r, enum role_view v)
{
	const char *user = cat_conn_user(cc);
	role(r, v, user, CAT_ROLE_BOOTSTRAP, true);
	role(r, v, "pg_database_owner", CAT_ROLE_DATABASE_OWNER, false);
	const char **names = NULL;
	size_t n = cc->sess && cc->sess->roles ? cc->sess->roles(cc->sess->setting_arg, r->a,
								  &names)
					       : 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], user) != 0)
			role(r, v, names[i], cat_role_oid(names[i]), true);
	return true;
}

bool cat_fill_roles(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	return fill(cc, r, ROLE_ROLES);
}

static bool fill_authid(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	return fill(cc, r, ROLE_AUTHID);
}

static bool fill_none(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	return true;
}

const char *cat_role_name(struct cat_conn *cc, uint32_t oid, struct arena *a)
{
	if (oid == CAT_ROLE_BOOTSTRAP)
		return cat_conn_user(cc);
	if (oid == CAT_ROLE_DATABASE_OWNER)
		return "pg_database_owner";
	const char **names = NULL;
	size_t n = cc->sess && cc->sess->roles ? cc->sess->roles(cc->sess->setting_arg, a, &names)
					       : 0;
	for (size_t i = 0; i < n; i++)
		if (cat_role_oid(names[i]) == oid)
			return names[i];
	return NULL;
}

uint32_t cat_role_named(struct cat_conn *cc, const char *name, struct arena *a)
{
	if (strcmp(name, cat_conn_user(cc)) == 0)
		return CAT_ROLE_BOOTSTRAP;
	if (strcmp(name, "pg_database_owner") == 0)
		return CAT_ROLE_DATABASE_OWNER;
	const char **names = NULL;
	size_t n = cc->sess && cc->sess->roles ? cc->sess->roles(cc->sess->setting_arg, a, &names)
					       : 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return cat_role_oid(name);
	return 0;
}

static const struct cat_reldef defs[] = {
	{"pg_authid",
	 "oid oid, rolname name, rolsuper bool, rolinherit bool, rolcreaterole bool, "
	 "rolcreatedb bool, rolcanlogin bool, rolreplication bool, rolbypassrls bool, "
	 "rolconnlimit int4, rolpassword text, rolvaliduntil timestamptz",
	 fill_authid},
	{"pg_parameter_acl", "oid oid, parname text, paracl \"aclitem[]\"", fill_none},
};

const struct cat_reldef *cat_roles_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
