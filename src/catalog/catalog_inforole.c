/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_inforole.c: information_schema's views of roles and collations — enabled_roles,
 * applicable_roles, administrable_role_authorizations, collations,
 * collation_character_set_applicability — over the roles pg_authid lists (catalog_roles.c)
 * and pg_collation's rows (catalog_rel_fixed.c). */
#include "catalog_int.h"

#define ID "name"
#define TXT "varchar"

/* The roles pg_has_role(role, 'USAGE') is true of: the session user (no superuser,
 * catalog_priv.c) is a member of itself and, owning the database, of pg_database_owner; the
 * other users of the users file are roles of their own it is no member of. */
static bool fill_enabled_roles(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	cat_row(r);
	cat_text(r, cat_conn_user(cc));
	cat_row(r);
	cat_text(r, "pg_database_owner");
	return true;
}

/* pg_auth_members is empty (no GRANT role TO role), so the one membership is PostgreSQL's
 * implicit one: the database's owner in pg_database_owner, without ADMIN OPTION. */
static bool fill_applicable_roles(struct cat_conn *cc, const struct cat_model *m,
				  struct cat_rows *r)
{
	cat_row(r);
	cat_text(r, cat_conn_user(cc));
	cat_text(r, "pg_database_owner");
	cat_text(r, "NO");
	return true;
}

/* applicable_roles' rows held WITH ADMIN OPTION: none. */
static bool fill_administrable(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	return true;
}

/* The collations of the database's encoding (UTF8) or of any: pg_collation's rows with
 * collencoding -1 or 6. */
static bool fill_collations(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n;
	const struct cat_collation *c = cat_collations(&n);
	for (size_t i = 0; i < n; i++) {
		if (c[i].encoding != -1 && c[i].encoding != 6)
			continue;
		cat_row(r);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, "pg_catalog");
		cat_text(r, c[i].name);
		cat_text(r, "NO PAD");
	}
	return true;
}

static bool fill_applicability(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n;
	const struct cat_collation *c = cat_collations(&n);
	for (size_t i = 0; i < n; i++) {
		if (c[i].encoding != -1 && c[i].encoding != 6)
			continue;
		cat_row(r);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, "pg_catalog");
		cat_text(r, c[i].name);
		cat_null(r);
		cat_null(r);
		cat_text(r, "UTF8"); /* getdatabaseencoding() */
	}
	return true;
}

#define COLL3 "collation_catalog " ID ", collation_schema " ID ", collation_name " ID
#define ROLE_GRANT "grantee " ID ", role_name " ID ", is_grantable " TXT

static const struct cat_reldef defs[] = {
	{"information_schema_administrable_role_authorizations", ROLE_GRANT, fill_administrable},
	{"information_schema_applicable_roles", ROLE_GRANT, fill_applicable_roles},
	{"information_schema_collation_character_set_applicability",
	 COLL3 ", character_set_catalog " ID ", character_set_schema " ID
	       ", character_set_name " ID,
	 fill_applicability},
	{"information_schema_collations", COLL3 ", pad_attribute " TXT, fill_collations},
	{"information_schema_enabled_roles", "role_name " ID, fill_enabled_roles},
};

const struct cat_reldef *cat_inforole_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
