/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_infogrant.c: information_schema's privilege views of routines and types —
 * routine_privileges, usage_privileges, udt_privileges, their role_*_grants and
 * data_type_privileges (the type descriptors of what the user may use) — from the
 * ACLs the catalog shows (catalog_grant.c): an object whose ACL GRANT or REVOKE never touched
 * has PostgreSQL's acldefault(), its owner (the session user) holding every privilege,
 * grantable, and PUBLIC EXECUTE on a function, USAGE on a type or domain. */
#include "catalog_int.h"

#include <string.h>

#define ID "name"
#define TXT "varchar"

/* The bit of a privilege letter of CAT_GRANT_LETTERS in a set of privileges. */
static unsigned priv_bit(char letter)
{
	return 1u << (2 * (strchr(CAT_GRANT_LETTERS, letter) - CAT_GRANT_LETTERS));
}

/* grantor, grantee (NULL: PUBLIC), catalog, schema, name: how each row starts. */
static void grant_head(struct cat_rows *r, struct cat_conn *cc, const char *grantee,
		       const char *schema, const char *name)
{
	cat_row(r);
	cat_text(r, cat_conn_user(cc)); /* the owner granted it */
	cat_text(r, grantee ? grantee : "PUBLIC");
	cat_text(r, cat_conn_database(cc));
	cat_text(r, schema);
	cat_text(r, name);
}

/* One object's rows: each grantee holding privilege letter, from its recorded ACL, else from
 * acldefault (public: whether PUBLIC holds it by default). */
struct object {
	struct cat_rows *r;
	struct cat_conn *cc;
	char letter;
	void (*row)(struct object *o, const char *grantee, bool grantable);
	const void *it;
	const char *type; /* usage_privileges' object_type */
};

static void object_grant(void *arg, const char *grantee, unsigned privs, bool owner)
{
	struct object *o = arg;
	unsigned bit = priv_bit(o->letter);
	if (privs & bit)
		o->row(o, grantee, owner || (privs & (bit << 1)));
}

static void object_rows(struct object *o, const char *key, bool public)
{
	if (key && cat_grant_each(o->cc, key, object_grant, o))
		return;
	if (public) /* acldefault: {=X/owner,owner=X/owner} */
		o->row(o, NULL, false);
	o->row(o, cat_conn_user(o->cc), true);
}

/* ---- routine_privileges ---- */

static void routine_row(struct object *o, const char *grantee, bool grantable)
{
	const struct cat_udf_routine *u = o->it;
	const char *schema = u->builtin ? "pg_catalog" : cat_conn_public(o->cc);
	grant_head(o->r, o->cc, grantee, schema, u->specific);
	cat_text(o->r, cat_conn_database(o->cc));
	cat_text(o->r, schema);
	cat_text(o->r, u->name);
	cat_text(o->r, "EXECUTE");
	cat_text(o->r, grantable ? "YES" : "NO");
}

static void routine_grants(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_routine *u)
{
	struct object o = {r, cc, 'X', routine_row, u, NULL};
	/* GRANT on a built-in function is refused: its ACL is the default */
	object_rows(&o, u->builtin ? NULL : arena_printf(r->a, "proc:%s(%s)", u->name, u->sig),
		    true);
}

static bool fill_routine_privileges(struct cat_conn *cc, const struct cat_model *m,
				    struct cat_rows *r)
{
	cat_udf_each_routine(cc, r, routine_grants);
	return true;
}

/* ---- udt_privileges: composite types, a relation's row type among them ---- */

static void udt_row(struct object *o, const char *grantee, bool grantable)
{
	const struct cat_rel *rel = o->it;
	grant_head(o->r, o->cc, grantee, rel->temp ? CAT_NS_TEMP_NAME : cat_conn_public(o->cc),
		   rel->name);
	cat_text(o->r, "TYPE USAGE");
	cat_text(o->r, grantable ? "YES" : "NO");
}

static bool fill_udt_privileges(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		if (rel->kind != 'r' && rel->kind != 'v' && rel->kind != 'c')
			continue; /* indexes and sequences have no row type */
		struct object o = {r, cc, 'U', udt_row, rel, NULL};
		object_rows(&o, NULL, true); /* a type's ACL: no GRANT ON TYPE here */
	}
	return true;
}

/* ---- usage_privileges: collations, domains, sequences ---- */

static void usage_row(struct object *o, const char *grantee, bool grantable)
{
	const char *name = o->it;
	bool coll = strcmp(o->type, "COLLATION") == 0;
	grant_head(o->r, o->cc, grantee, coll ? "pg_catalog" : cat_conn_public(o->cc), name);
	cat_text(o->r, o->type);
	cat_text(o->r, "USAGE");
	cat_text(o->r, grantable ? "YES" : "NO");
}

static bool fill_usage_privileges(struct cat_conn *cc, const struct cat_model *m,
				  struct cat_rows *r)
{
	size_t n;
	const struct cat_collation *c = cat_collations(&n);
	for (size_t i = 0; i < n; i++) {
		/* collations have no privileges: PUBLIC's implicit USAGE, from their owner */
		struct object o = {r, cc, 'U', usage_row, c[i].name, "COLLATION"};
		if (c[i].encoding == -1 || c[i].encoding == 6)
			usage_row(&o, NULL, false);
	}
	for (size_t i = 0; i < m->ndomains; i++) {
		struct object o = {r, cc, 'U', usage_row, m->domains[i]->name, "DOMAIN"};
		object_rows(&o, NULL, true);
	}
	for (size_t i = 0; i < m->nseqs; i++) {
		const struct cat_seq *q = m->seqs[i];
		if (!q->rel || q->rel->temp)
			continue;
		/* PostgreSQL's view reads a sequence's default ACL as acldefault('r'), which has
		 * no USAGE: only an ACL GRANT or REVOKE recorded shows rows */
		struct object o = {r, cc, 'U', usage_row, q->name, "SEQUENCE"};
		(void)cat_grant_each(cc, q->name, object_grant, &o);
	}
	return true;
}

/* ---- data_type_privileges: each type descriptor of columns, attributes, domains,
 * parameters and routines, by the dtd_identifier those views give it ---- */

static void dtd_row(struct cat_rows *r, struct cat_conn *cc, const char *schema, const char *name,
		    const char *type, const char *dtd)
{
	cat_row(r);
	cat_text(r, cat_conn_database(cc));
	cat_text(r, schema ? schema : cat_conn_public(cc));
	cat_text(r, name);
	cat_text(r, type);
	cat_text(r, dtd);
}

static void dtd_param(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_param *p)
{
	dtd_row(r, cc, p->builtin ? "pg_catalog" : NULL, p->specific, "ROUTINE",
		arena_printf(r->a, "%d", p->n));
}

static void dtd_routine(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_routine *u)
{
	/* a procedure has no result type: routines' dtd_identifier is NULL */
	dtd_row(r, cc, u->builtin ? "pg_catalog" : NULL, u->specific, "ROUTINE",
		u->kind == 'p' ? NULL : "0");
}

static bool fill_data_type_privileges(struct cat_conn *cc, const struct cat_model *m,
				      struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		bool table = (rel->kind == 'r' || rel->kind == 'v') && !rel->matview;
		if (!table && rel->kind != 'c')
			continue; /* as columns and attributes list them */
		for (int k = 0; k < rel->ncols; k++)
			dtd_row(r, cc, NULL, rel->name, table ? "TABLE" : "USER-DEFINED TYPE",
				arena_printf(r->a, "%d", k + 1));
	}
	for (size_t i = 0; i < m->ndomains; i++)
		dtd_row(r, cc, NULL, m->domains[i]->name, "DOMAIN", "1");
	cat_udf_each_param(cc, r, dtd_param);
	cat_udf_each_routine(cc, r, dtd_routine);
	return true;
}

#define GRANT2 "grantor " ID ", grantee " ID
#define ROUTINE_GRANT                                                                 \
	GRANT2 ", specific_catalog " ID ", specific_schema " ID ", specific_name " ID \
	       ", routine_catalog " ID ", routine_schema " ID ", routine_name " ID    \
	       ", privilege_type " TXT ", is_grantable " TXT
#define UDT_GRANT                                                                              \
	GRANT2 ", udt_catalog " ID ", udt_schema " ID ", udt_name " ID ", privilege_type " TXT \
	       ", is_grantable " TXT
#define USAGE_GRANT                                                             \
	GRANT2 ", object_catalog " ID ", object_schema " ID ", object_name " ID \
	       ", object_type " TXT ", privilege_type " TXT ", is_grantable " TXT

/* role_*_grants are the same rows filtered to grants the enabled roles gave or received:
 * every grant here is the owner's, the session user's. */
static const struct cat_reldef defs[] = {
	{"information_schema_data_type_privileges",
	 "object_catalog " ID ", object_schema " ID ", object_name " ID ", object_type " TXT
	 ", dtd_identifier " ID,
	 fill_data_type_privileges},
	{"information_schema_role_routine_grants", ROUTINE_GRANT, fill_routine_privileges},
	{"information_schema_role_udt_grants", UDT_GRANT, fill_udt_privileges},
	{"information_schema_role_usage_grants", USAGE_GRANT, fill_usage_privileges},
	{"information_schema_routine_privileges", ROUTINE_GRANT, fill_routine_privileges},
	{"information_schema_udt_privileges", UDT_GRANT, fill_udt_privileges},
	{"information_schema_usage_privileges", USAGE_GRANT, fill_usage_privileges},
};

const struct cat_reldef *cat_infogrant_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
