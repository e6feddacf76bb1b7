/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_views.c: pg_catalog's system views over the schema model — pg_tables, pg_views,
 * pg_indexes, pg_user, pg_settings — and the materialized-view relations, which are empty
 * because a tenant cannot have those objects yet (CREATE MATERIALIZED VIEW is refused).
 * Sequences are catalog_seq.c's; pg_enum's rows are catalog_enum.c's. */
#include "catalog_int.h"

#include <string.h>
#include <strings.h>

static bool has_index(const struct cat_model *m, const struct cat_rel *t)
{
	for (size_t i = 0; i < m->nidx; i++) {
		if (m->idx[i]->table == t)
			return true;
	}
	return false;
}

static bool has_fk(const struct cat_model *m, const struct cat_rel *t)
{
	for (size_t i = 0; i < m->nfks; i++) {
		if (m->fks[i]->table == t || strcasecmp(m->fks[i]->reftable, t->name) == 0)
			return true;
	}
	return false;
}

static bool fill_tables(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		if (t->kind != 'r' || t->matview)
			continue;
		cat_row(r);
		cat_text(r, cat_nsp_rel_name(cc, m, t));
		cat_text(r, cat_nsp_bare(m, t->name));
		cat_text(r, cat_conn_user(cc));
		cat_null(r);
		cat_bool(r, has_index(m, t));
		cat_bool(r, false);
		cat_bool(r, has_fk(m, t)); /* foreign keys are triggers in PostgreSQL */
		bool rls = false, force = false;
		if (!t->temp)
			cat_rls_flags(cc, t->name, &rls, &force);
		cat_bool(r, rls);
	}
	return true;
}

static bool fill_views(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *v = m->rels[i];
		if (v->kind != 'v')
			continue;
		cat_row(r);
		cat_text(r, cat_nsp_rel_name(cc, m, v));
		cat_text(r, cat_nsp_bare(m, v->name));
		cat_text(r, cat_conn_user(cc));
		struct pgerr err; /* pg_get_viewdef's text, as PostgreSQL's pg_views shows */
		pgerr_clear(&err);
		const char *def = cat_view_definition(cc, v, false, 0, r->a, &err);
		cat_text(r, def ? def : cat_view_query(v)); /* no PostgreSQL spelling: as kept */
	}
	return true;
}

static bool fill_indexes(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		cat_row(r);
		cat_text(r, cat_nsp_rel_name(cc, m, ix->table));
		cat_text(r, cat_nsp_bare(m, ix->table->name));
		cat_text(r, cat_nsp_bare(m, ix->rel->name));
		cat_null(r);
		cat_text(r, cat_index_def(m, ix));
	}
	return true;
}

/* The session's user, as pg_roles shows it; never a password. */
static bool fill_user(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	cat_row(r);
	cat_text(r, cat_conn_user(cc));
	cat_int(r, CAT_ROLE_BOOTSTRAP);
	cat_bool(r, false);
	cat_bool(r, false);
	cat_bool(r, false);
	cat_bool(r, false);
	cat_text(r, "********");
	cat_null(r);
	cat_null(r);
	return true;
}

static void setting_row(struct cat_rows *r, const char *name, const char *value,
			const char *description, bool read_only)
{
	cat_row(r);
	cat_text(r, name);
	cat_text(r, value);
	cat_null(r);
	cat_null(r);
	cat_text(r, description);
	cat_null(r);
	cat_text(r, read_only ? "internal" : "user");
	for (int i = 0; i < 8; i++)
		cat_null(r); /* vartype ... sourcefile: not tracked per setting */
	cat_null(r);
	cat_bool(r, false);
}

/* The session's settings as SHOW ALL lists them, and the server limits clients look up. */
static bool fill_settings(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	const struct catalog_session *s = cc->sess;
	const char *name, *description;
	bool read_only;
	for (size_t i = 0; s && s->setting_at &&
			   s->setting_at(s->setting_arg, i, &name, &description, &read_only);
	     i++)
		setting_row(r, name, s->setting(s->setting_arg, name), description, read_only);
	return true;
}

static bool fill_matviews(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *v = m->rels[i];
		if (!v->matview)
			continue;
		cat_row(r);
		cat_text(r, cat_nsp_rel_name(cc, m, v));
		cat_text(r, cat_nsp_bare(m, v->name));
		cat_text(r, cat_conn_user(cc));
		cat_null(r);
		cat_bool(r, has_index(m, v));
		cat_bool(r, v->populated);
		struct pgerr err; /* pg_get_viewdef's text, as PostgreSQL's pg_matviews shows */
		pgerr_clear(&err);
		const char *def = cat_view_definition(cc, v, false, 0, r->a, &err);
		if (!def && v->definition) /* no PostgreSQL spelling: as kept */
			def = arena_printf(r->a, " %s;", v->definition);
		cat_text(r, def);
	}
	return true;
}

static const struct cat_reldef defs[] = {
	{"pg_enum", "oid oid, enumtypid oid, enumsortorder float4, enumlabel name", cat_enum_fill},
	{"pg_indexes",
	 "schemaname name, tablename name, indexname name, tablespace name, indexdef text",
	 fill_indexes},
	{"pg_matviews",
	 "schemaname name, matviewname name, matviewowner name, tablespace name, "
	 "hasindexes bool, ispopulated bool, definition text",
	 fill_matviews},
	{"pg_settings",
	 "name text, setting text, unit text, category text, short_desc text, extra_desc text, "
	 "context text, vartype text, source text, min_val text, max_val text, "
	 "enumvals \"text[]\", boot_val text, reset_val text, sourcefile text, sourceline int4, "
	 "pending_restart bool",
	 fill_settings},
	{"pg_tables",
	 "schemaname name, tablename name, tableowner name, tablespace name, hasindexes bool, "
	 "hasrules bool, hastriggers bool, rowsecurity bool",
	 fill_tables},
	{"pg_user",
	 "usename name, usesysid oid, usecreatedb bool, usesuper bool, userepl bool, "
	 "usebypassrls bool, passwd text, valuntil timestamptz, useconfig \"text[]\"",
	 fill_user},
	{"pg_views", "schemaname name, viewname name, viewowner name, definition text", fill_views},
};

const struct cat_reldef *cat_views_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
