/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_rel_fixed.c: the pg_catalog relations whose rows hardly depend on the tenant's
 * schema — namespaces, access methods, the one database, roles, collations, tablespaces,
 * languages — and pg_rewrite, where each view is its _RETURN rule. */
#include "catalog_int.h"

#include <string.h>

#define OWNER CAT_ROLE_BOOTSTRAP

static bool has_temp(const struct cat_model *m)
{
	for (size_t i = 0; m && i < m->nrels; i++)
		if (m->rels[i]->temp)
			return true;
	return false;
}

bool cat_fill_namespace(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	static const struct {
		uint32_t oid;
		const char *name;
		uint32_t owner;
	} ns[] = {{CAT_NS_PG_CATALOG, "pg_catalog", OWNER},
		  {99, "pg_toast", OWNER},
		  {CAT_NS_PUBLIC, "public", CAT_ROLE_DATABASE_OWNER},
		  {CAT_NS_INFORMATION_SCHEMA, "information_schema", OWNER}};
	const char **tenants;
	long nt;
	bool hub = cat_conn_schemas(cc, r, &tenants, &nt);
	if (nt < 0)
		return false;
	/* no default tenant: the tenants are the schemas, each with its own OID; the connection's
	 * own file (the tenant search_path names) shows its objects under the tenant's name and
	 * OID (cat_conn_own_nsp), so a schema keeps its OID whichever connection answers */
	const char *own = cc->sess ? cc->sess->own_schema : NULL;
	for (size_t i = 0; i < ARRAY_LEN(ns); i++) {
		bool public = ns[i].oid == CAT_NS_PUBLIC;
		if (hub && public && !own)
			continue;
		cat_row(r);
		cat_int(r, public ? cat_conn_own_nsp(cc) : ns[i].oid);
		cat_text(r, public ? cat_conn_public(cc) : ns[i].name);
		cat_int(r, ns[i].owner);
		bool granted = ns[i].oid == CAT_NS_PG_CATALOG || ns[i].oid == CAT_NS_INFORMATION_SCHEMA;
		cat_text(r, public	? cat_public_acl()
			    : granted ? cat_builtin_nsp_acl(cc, r->a)
				      : NULL);
	}
	if (!hub)
		cat_nsp_rows(cc, m, r);
	if (has_temp(m)) { /* PostgreSQL's pg_temp_N exists once the session made a temp table */
		cat_row(r);
		cat_int(r, CAT_NS_TEMP);
		cat_text(r, CAT_NS_TEMP_NAME);
		cat_int(r, CAT_ROLE_DATABASE_OWNER);
		cat_null(r);
	}
	for (long i = 0; i < nt; i++) {
		if (own && strcmp(tenants[i], own) == 0)
			continue;
		cat_row(r);
		cat_int(r, catalog_schema_oid(tenants[i]));
		cat_text(r, tenants[i]);
		cat_int(r, CAT_ROLE_DATABASE_OWNER);
		cat_null(r);
	}
	return true;
}

bool cat_fill_am(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n = 0;
	const struct cat_am *am = cat_ams(&n);
	for (size_t i = 0; i < n; i++) {
		cat_row(r);
		cat_int(r, am[i].oid);
		cat_text(r, am[i].name);
		cat_text(r, am[i].handler);
		cat_char(r, am[i].type);
	}
	return true;
}

static void database_row(struct cat_rows *r, uint32_t oid, const char *name)
{
	cat_row(r);
	cat_int(r, oid);
	cat_text(r, name);
	cat_int(r, OWNER);
	cat_int(r, 6); /* UTF8 */
	cat_char(r, 'c');
	cat_bool(r, false);
	cat_bool(r, true);
	cat_int(r, -1);
	cat_int(r, 0);
	cat_int(r, 1);
	cat_int(r, CAT_TABLESPACE_DEFAULT);
	cat_text(r, "C"); /* SQLite compares text byte-wise */
	cat_text(r, "C");
	cat_null(r);
	cat_null(r);
	cat_null(r);
}

/* The current database (the OID the rest of the catalog refers to), then every other the
 * session's user may reach: the tenants are databases as much as schemas. */
bool cat_fill_database(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	const char *current = cat_conn_database(cc);
	database_row(r, CAT_DB_OID, current);
	if (!cc->sess || !cc->sess->databases)
		return true;
	const char **names = NULL;
	struct pgerr err;
	pgerr_clear(&err);
	long n = cc->sess->databases(cc->sess->setting_arg, r->a, &names, &err);
	if (n < 0) {
		r->err = sqlite3_mprintf("pgfn:%.5s:%s", err.sqlstate, err.message);
		return false;
	}
	for (long i = 0; i < n; i++)
		if (strcmp(names[i], current) != 0)
			database_row(r, cat_oid("database", names[i], NULL), names[i]);
	return true;
}

const char *cat_database_find(struct cat_conn *cc, sqlite3_value *v, struct arena *a,
			      bool *current)
{
	const char *current_name = cat_conn_database(cc);
	bool by_oid = sqlite3_value_type(v) == SQLITE_INTEGER;
	int64_t oid = sqlite3_value_int64(v);
	const char *want = (const char *)sqlite3_value_text(v);
	*current = by_oid ? oid == CAT_DB_OID : want && strcmp(want, current_name) == 0;
	if (*current)
		return current_name;
	const char **names = NULL;
	struct pgerr err;
	pgerr_clear(&err);
	long n = cc->sess && cc->sess->databases && want
			 ? cc->sess->databases(cc->sess->setting_arg, a, &names, &err)
			 : 0;
	for (long i = 0; i < n; i++)
		if (by_oid ? cat_oid("database", names[i], NULL) == (uint32_t)oid
			   : strcmp(names[i], want) == 0)
			return names[i];
	return NULL;
}

static const struct cat_collation collations[] = {{CAT_COLL_DEFAULT, "default", 'd', NULL, -1},
						  {CAT_COLL_C, "C", 'c', "C", -1},
						  {951, "POSIX", 'c', "POSIX", -1},
						  {962, "ucs_basic", 'c', "C", 6}};

const struct cat_collation *cat_collations(size_t *n)
{
	*n = ARRAY_LEN(collations);
	return collations;
}

bool cat_fill_collation(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < ARRAY_LEN(collations); i++) {
		const struct cat_collation *c = &collations[i];
		cat_row(r);
		cat_int(r, c->oid);
		cat_text(r, c->name);
		cat_int(r, CAT_NS_PG_CATALOG);
		cat_int(r, OWNER);
		cat_char(r, c->provider);
		cat_bool(r, true);
		cat_int(r, c->encoding); /* ucs_basic is UTF8's alone */
		cat_text(r, c->locale);
		cat_text(r, c->locale);
		cat_null(r);
		cat_null(r);
	}
	return true;
}

bool cat_fill_tablespace(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	const char *names[] = {"pg_default", "pg_global"};
	for (int i = 0; i < 2; i++) {
		cat_row(r);
		cat_int(r, CAT_TABLESPACE_DEFAULT + i);
		cat_text(r, names[i]);
		cat_int(r, OWNER);
		cat_null(r);
		cat_null(r);
	}
	return true;
}

/* The languages of PostgreSQL 15's template database: plpgsql (with initdb's OIDs) runs the
 * tenant's functions in the session's interpreter. */
bool cat_fill_language(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	static const struct {
		uint32_t oid;
		const char *name;
		bool trusted;
		uint32_t validator;
		bool pl;
		uint32_t handler, inline_handler;
	} lang[] = {{12, "internal", false, 2246, false, 0, 0},
		    {13, "c", false, 2247, false, 0, 0},
		    {14, "sql", true, 2248, false, 0, 0},
		    {CAT_PLPGSQL_LANG_OID, "plpgsql", true, 13562, true, 13560, 13561}};
	for (size_t i = 0; i < ARRAY_LEN(lang); i++) {
		cat_row(r);
		cat_int(r, lang[i].oid);
		cat_text(r, lang[i].name);
		cat_int(r, OWNER);
		cat_bool(r, lang[i].pl);
		cat_bool(r, lang[i].trusted);
		cat_int(r, lang[i].handler);
		cat_int(r, lang[i].inline_handler);
		cat_int(r, lang[i].validator);
		cat_null(r);
	}
	return true;
}

/* Each view and materialized view is its _RETURN rule in PostgreSQL; there are no other
 * rules. pg_dump orders a (materialized) view after the tables its rule depends on. */
bool cat_fill_rewrite(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *v = m->rels[i];
		if (v->kind != 'v' && !v->matview)
			continue;
		cat_row(r);
		cat_int(r, cat_oid("rule", v->name, NULL));
		cat_text(r, "_RETURN");
		cat_int(r, v->oid);
		cat_char(r, '1');
		cat_char(r, 'O');
		cat_bool(r, true);
		cat_null(r);
		cat_null(r);
	}
	return true;
}
