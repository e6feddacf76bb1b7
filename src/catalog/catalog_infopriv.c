/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_infopriv.c: information_schema's privilege views — table_privileges,
 * role_table_grants, column_privileges, role_column_grants — over the schema model. The
 * session user owns the tenant (catalog_priv.c), so each relation shows the owner's grants as
 * PostgreSQL's acldefault() gives them: every privilege, grantable, granted by the owner; and
 * once GRANT or REVOKE made its ACL explicit, the grants recorded (catalog_grant.c). */
#include "catalog_int.h"

#include <string.h>

#define ID "name"
#define TXT "varchar"

/* What an owner holds on a table or view (acldefault('r')), in PostgreSQL's order: the order
 * of CAT_GRANT_LETTERS too. */
static const char *const table_privs[] = {"INSERT",     "SELECT",    "UPDATE", "DELETE",
					  "TRUNCATE",   "REFERENCES", "TRIGGER"};

/* The privileges that exist per column (ACL_ALL_RIGHTS_COLUMN). */
static const char *const column_privs[] = {"INSERT", "SELECT", "UPDATE", "REFERENCES"};

/* Tables and views; PostgreSQL leaves sequences and indexes out of these views. */
static bool listed(const struct cat_rel *rel) { return rel->kind == 'r' || rel->kind == 'v'; }

/* grantor, grantee, table_catalog, table_schema, table_name: how each row starts. */
static void grant_head(struct cat_rows *r, struct cat_conn *cc, const struct cat_rel *rel)
{
	cat_row(r);
	cat_text(r, cat_conn_user(cc));
	cat_text(r, cat_conn_user(cc));
	cat_text(r, cat_conn_database(cc));
	cat_text(r, cat_conn_public(cc));
	cat_text(r, rel->name);
}

/* One privilege row; grantee NULL for PUBLIC. */
static void table_grant(struct cat_rows *r, struct cat_conn *cc, const struct cat_rel *rel,
			const char *grantee, size_t p, bool grantable)
{
	cat_row(r);
	cat_text(r, cat_conn_user(cc)); /* the owner granted it */
	cat_text(r, grantee ? grantee : "PUBLIC");
	cat_text(r, cat_conn_database(cc));
	cat_text(r, cat_conn_public(cc));
	cat_text(r, rel->name);
	cat_text(r, table_privs[p]);
	cat_text(r, grantable ? "YES" : "NO");
	/* with_hierarchy: only SELECT reaches into inheritance children */
	cat_text(r, strcmp(table_privs[p], "SELECT") == 0 ? "YES" : "NO");
}

struct grant_rows {
	struct cat_rows *r;
	struct cat_conn *cc;
	const struct cat_rel *rel;
};

/* A grant GRANT recorded (catalog_grant.c): one row per privilege it holds; the owner's are
 * grantable, as PostgreSQL's aclexplode shows an owner's. */
static void grant_row(void *arg, const char *grantee, unsigned privs, bool owner)
{
	struct grant_rows *g = arg;
	for (size_t p = 0; p < ARRAY_LEN(table_privs); p++) {
		if (privs & (1u << (2 * p)))
			table_grant(g->r, g->cc, g->rel, grantee, p,
				    owner || (privs & (2u << (2 * p))));
	}
}

static bool fill_table_privileges(struct cat_conn *cc, const struct cat_model *m,
				  struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		if (!listed(m->rels[i]))
			continue;
		struct grant_rows g = {r, cc, m->rels[i]};
		if (cat_grant_each(cc, m->rels[i]->name, grant_row, &g))
			continue;
		for (size_t p = 0; p < ARRAY_LEN(table_privs); p++)
			table_grant(r, cc, m->rels[i], cat_conn_user(cc), p, true);
	}
	return true;
}

static bool fill_column_privileges(struct cat_conn *cc, const struct cat_model *m,
				   struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		if (!listed(rel))
			continue;
		for (int k = 0; k < rel->ncols; k++) {
			for (size_t p = 0; p < ARRAY_LEN(column_privs); p++) {
				grant_head(r, cc, rel);
				cat_text(r, rel->cols[k].name);
				cat_text(r, column_privs[p]);
				cat_text(r, "YES");
			}
		}
	}
	return true;
}

#define GRANT5 "grantor " ID ", grantee " ID ", table_catalog " ID ", table_schema " ID \
	       ", table_name " ID
#define TABLE_GRANT GRANT5 ", privilege_type " TXT ", is_grantable " TXT ", with_hierarchy " TXT
#define COLUMN_GRANT GRANT5 ", column_name " ID ", privilege_type " TXT ", is_grantable " TXT

/* role_*_grants are the same rows filtered to grants the enabled roles gave or received:
 * here the session user's own. */
static const struct cat_reldef defs[] = {
	{"information_schema_column_privileges", COLUMN_GRANT, fill_column_privileges},
	{"information_schema_role_column_grants", COLUMN_GRANT, fill_column_privileges},
	{"information_schema_role_table_grants", TABLE_GRANT, fill_table_privileges},
	{"information_schema_table_privileges", TABLE_GRANT, fill_table_privileges},
};

const struct cat_reldef *cat_infopriv_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
