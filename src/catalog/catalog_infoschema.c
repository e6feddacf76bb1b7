/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_infoschema.c: information_schema's views over the same schema model, served as
 * virtual tables named information_schema_<view> (the translator maps the schema-qualified
 * name). PostgreSQL's domains are reported as their base types: sql_identifier as name,
 * character_data and yes_or_no as character varying, cardinal_number as integer. */
#include "catalog_int.h"

#include "pgtype.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#define ID "name"
#define TXT "varchar"
#define NUM "int4"

/* table_catalog, table_schema, table_name: how most rows start. */
static void rel_head(struct cat_rows *r, struct cat_conn *cc, const struct cat_model *m,
		     const char *name)
{
	const char *bare;
	const struct cat_nsp *nsp = cat_nsp_of(m, name, &bare); /* "s.t": local schema s */
	cat_row(r);
	cat_text(r, cat_conn_database(cc));
	cat_text(r, nsp ? nsp->name : cat_conn_public(cc));
	cat_text(r, bare);
}

/* The connection's model where a row writer is not handed it (NULL: none): the one the
 * relation being filled was read with, so no schema_version is read again per row. */
static const struct cat_model *model_of(struct cat_conn *cc)
{
	return cc->have_model ? &cc->model : NULL;
}

static void yes_no(struct cat_rows *r, bool v) { cat_text(r, v ? "YES" : "NO"); }

static void nulls(struct cat_rows *r, int n)
{
	for (int i = 0; i < n; i++)
		cat_null(r);
}

static bool fill_schemata(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	static const char *const names[] = {"information_schema", "pg_catalog", "pg_toast",
					    "public"};
	const char **tenants;
	long nt;
	bool hub = cat_conn_schemas(cc, r, &tenants, &nt);
	if (nt < 0)
		return false;
	/* no default tenant: the tenants are the schemas, in place of public (pg_namespace's
	 * rule: the connection's own tenant is the one shown as 2200) */
	const char *own = cc->sess ? cc->sess->own_schema : NULL;
	long nfixed = hub && !own ? 3 : 4;
	for (long i = 0; i < nfixed + nt; i++) {
		const char *name = i < 3 ? names[i] : i < nfixed ? cat_conn_public(cc)
								: tenants[i - nfixed];
		if (i >= nfixed && own && strcmp(name, own) == 0)
			continue;
		cat_row(r);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, name);
		cat_text(r, i >= 3 ? "pg_database_owner" : cat_conn_user(cc));
		nulls(r, 4);
	}
	for (size_t i = 0; !hub && i < m->nnsps; i++) { /* the tenant's own (CREATE SCHEMA) */
		cat_row(r);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, m->nsps[i].name);
		cat_text(r, cat_conn_user(cc));
		nulls(r, 4);
	}
	return true;
}

static bool fill_tables(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		if ((rel->kind != 'r' && rel->kind != 'v') || rel->matview)
			continue; /* PostgreSQL lists no indexes, sequences, materialized views */
		cat_row(r);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, cat_nsp_rel_name(cc, m, rel));
		cat_text(r, cat_nsp_bare(m, rel->name));
		cat_text(r, rel->temp ? "LOCAL TEMPORARY" : rel->kind == 'r' ? "BASE TABLE" : "VIEW");
		nulls(r, 5);
		yes_no(r, rel->kind == 'r' || (cat_view_updatable(cc, rel, NULL) & 4));
		yes_no(r, false);
		cat_null(r);
	}
	return true;
}

/* information_schema's data_type: the SQL name without modifiers, ARRAY for arrays. */
static const char *data_type(struct arena *a, uint32_t oid)
{
	const struct pgtype_info *ti = pgtype_by_oid(oid);
	if (ti && ti->category == 'A')
		return "ARRAY";
	if (oid == PGTYPE_BPCHAR)
		return "character";
	return cat_format_type(a, oid, -1);
}

/* numeric_precision, numeric_precision_radix, numeric_scale. */
static void numeric_facts(struct cat_rows *r, const struct cat_col *c)
{
	static const struct {
		uint32_t oid;
		int precision, radix, scale;
	} facts[] = {{PGTYPE_INT2, 16, 2, 0},
		     {PGTYPE_INT4, 32, 2, 0},
		     {PGTYPE_INT8, 64, 2, 0},
		     {PGTYPE_FLOAT4, 24, 2, -1},
		     {PGTYPE_FLOAT8, 53, 2, -1}};
	for (size_t i = 0; i < ARRAY_LEN(facts); i++) {
		if (facts[i].oid != c->typoid)
			continue;
		cat_int(r, facts[i].precision);
		cat_int(r, facts[i].radix);
		if (facts[i].scale < 0)
			cat_null(r);
		else
			cat_int(r, facts[i].scale);
		return;
	}
	if (c->typoid != PGTYPE_NUMERIC) {
		nulls(r, 3);
		return;
	}
	if (c->typmod >= 4)
		cat_int(r, ((c->typmod - 4) >> 16) & 0xffff);
	else
		cat_null(r);
	cat_int(r, 10);
	if (c->typmod >= 4)
		cat_int(r, (c->typmod - 4) & 0xffff);
	else
		cat_null(r);
}

/* character_maximum_length, character_octet_length (4 bytes per character in UTF8). */
static void char_facts(struct cat_rows *r, const struct cat_col *c)
{
	bool sized = (c->typoid == PGTYPE_VARCHAR || c->typoid == PGTYPE_BPCHAR) && c->typmod >= 4;
	bool texty = c->typoid == PGTYPE_VARCHAR || c->typoid == PGTYPE_BPCHAR ||
		     c->typoid == PGTYPE_TEXT;
	if ((c->typoid == PGTYPE_BIT || c->typoid == PGTYPE_VARBIT) && c->typmod > 0) {
		cat_int(r, c->typmod); /* bits; no octet length, as PostgreSQL's */
		cat_null(r);
		return;
	}
	if (sized)
		cat_int(r, c->typmod - 4);
	else
		cat_null(r);
	if (sized)
		cat_int(r, (int64_t)(c->typmod - 4) * 4);
	else if (texty)
		cat_int(r, 1073741824);
	else
		cat_null(r);
}

/* interval_type: an interval's fields as format_type writes them after "interval", upper
 * case, with the precision ("DAY TO SECOND(0)"); NULL without fields. */
static void interval_type(struct cat_rows *r, const struct cat_col *c)
{
	if (c->typoid != PGTYPE_INTERVAL || c->typmod < 0 || ((c->typmod >> 16) & 0x7FFF) == 0x7FFF) {
		cat_null(r);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_interval_typmod_out(&sb, c->typmod);
	char *t = arena_strndup(r->a, sb.data + 1, sb.len - 1); /* after its leading blank */
	strbuf_fini(&sb);
	for (char *p = t; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	cat_text(r, t);
}

static void datetime_precision(struct cat_rows *r, const struct cat_col *c)
{
	switch (c->typoid) {
	case PGTYPE_DATE:
		cat_int(r, 0);
		break;
	case PGTYPE_TIME:
	case PGTYPE_TIMETZ:
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ:
		cat_int(r, c->typmod >= 0 ? c->typmod : 6);
		break;
	case PGTYPE_INTERVAL: /* the typmod's low half; 0xFFFF: none given */
		cat_int(r, c->typmod >= 0 && (c->typmod & 0xFFFF) != 0xFFFF ? c->typmod & 0xFFFF : 6);
		break;
	default:
		cat_null(r);
		break;
	}
}

/* is_identity ... identity_cycle: an identity column's generation and its sequence. */
static void identity_facts(struct cat_rows *r, const struct cat_model *m,
			   const struct cat_rel *rel, int k)
{
	const struct cat_col *c = &rel->cols[k];
	const struct cat_seq *q = NULL;
	for (size_t i = 0; c->identity && i < m->nseqs; i++) {
		if (m->seqs[i]->owner_table && m->seqs[i]->owner_attnum == k + 1 &&
		    strcmp(m->seqs[i]->owner_table, rel->name) == 0)
			q = m->seqs[i];
	}
	yes_no(r, q != NULL);
	if (!q) {
		nulls(r, 5);
		yes_no(r, false);
		return;
	}
	cat_text(r, c->identity == 'a' ? "ALWAYS" : "BY DEFAULT");
	int64_t v[] = {q->start, q->inc, q->max, q->min};
	for (size_t i = 0; i < ARRAY_LEN(v); i++)
		cat_text(r, arena_printf(r->a, "%lld", (long long)v[i]));
	yes_no(r, q->cycle);
}

static void column_row(struct cat_conn *cc, struct cat_rows *r, const struct cat_model *m,
		       const struct cat_rel *rel, int k, bool updatable)
{
	const struct cat_col *c = &rel->cols[k];
	/* a column of a domain over another: PostgreSQL describes the domain below, a
	 * USER-DEFINED type without a built-in type's facts */
	const struct cat_domain *over = c->domain ? c->domain->parent : NULL;
	struct cat_col below = *c;
	if (over) {
		below.typoid = over->oid;
		below.typmod = -1;
		c = &below;
	}
	const struct pgtype_info *ti = over ? NULL : pgtype_by_oid(c->typoid);
	bool array = false;
	const struct cat_enum *e = over ? NULL : cat_model_enum_oid(m, c->typoid, &array);
	/* a composite type's (or a relation's row type's) column: the tenant's type too */
	const struct cat_rel *row =
		e || ti || over ? NULL : cat_model_rowtype_rel(m, c->typoid, &array);
	const char *udt = over  ? over->name
			  : e   ? e->name
			  : row ? row->name
				: cat_ext_udt(c->typoid, &array); /* citext */
	rel_head(r, cc, m, rel->name);
	cat_text(r, c->name);
	cat_int(r, k + 1);
	/* pg_get_expr's text: a sequence named as the search path shows it */
	cat_text(r, c->generated ? NULL : cat_default_seq_text(cc, m, r->a, c->dflt));
	yes_no(r, !c->notnull);
	cat_text(r, udt ? (array ? "ARRAY" : "USER-DEFINED") : data_type(r->a, c->typoid));
	char_facts(r, c);
	numeric_facts(r, c);
	datetime_precision(r, c);
	interval_type(r, c);
	nulls(r, 1 + 3); /* interval_precision, character set */
	/* COLLATE "C", and name's own collation C (the default collation shows none) */
	bool name = c->typoid == PGTYPE_NAME || (ti && ti->elem_oid == PGTYPE_NAME);
	if (c->collation || name) {
		cat_text(r, cat_conn_database(cc));
		cat_text(r, "pg_catalog");
		cat_text(r, "C");
	} else {
		nulls(r, 3);
	}
	if (c->domain) {
		cat_text(r, cat_conn_database(cc));
		cat_text(r, cat_conn_public(cc));
		cat_text(r, c->domain->name);
	} else {
		nulls(r, 3);
	}
	cat_text(r, cat_conn_database(cc));
	cat_text(r, udt ? cat_conn_public(cc) : "pg_catalog"); /* an enum is the tenant's type */
	cat_text(r, udt ? (array ? arena_printf(r->a, "_%s", udt) : udt) : ti ? ti->name : NULL);
	nulls(r, 3 + 1); /* scope, maximum_cardinality */
	cat_text(r, arena_printf(r->a, "%d", k + 1));
	yes_no(r, false);
	identity_facts(r, m, rel, k);
	cat_text(r, c->generated ? "ALWAYS" : "NEVER");
	cat_text(r, c->generated ? c->dflt : NULL);
	yes_no(r, updatable);
}

static bool fill_columns(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		if ((m->rels[i]->kind != 'r' && m->rels[i]->kind != 'v') || m->rels[i]->matview)
			continue;
		const struct cat_rel *rel = m->rels[i];
		bool *cols = NULL;
		if (rel->kind == 'v') {
			cols = arena_zalloc(r->a, ((size_t)rel->ncols + 1) * sizeof(*cols));
			(void)cat_view_updatable(cc, rel, cols);
		}
		for (int k = 0; k < rel->ncols; k++)
			column_row(cc, r, m, rel, k, cols ? cols[k] : rel->kind == 'r');
	}
	return true;
}

/* One attribute of a composite type, described as columns describes a column (its facts in
 * TYPE_FACTS' order); attributes have no default or NOT NULL. */
static void attribute_row(struct cat_conn *cc, struct cat_rows *r, const struct cat_model *m,
			  const struct cat_rel *t, int k)
{
	const struct cat_col *c = &t->cols[k]; /* of no domain: CREATE TYPE refuses those */
	const struct pgtype_info *ti = pgtype_by_oid(c->typoid);
	bool array = false;
	const struct cat_enum *e = ti ? NULL : cat_model_enum_oid(m, c->typoid, &array);
	const struct cat_rel *row = e || ti ? NULL : cat_model_rowtype_rel(m, c->typoid, &array);
	const char *udt = e ? e->name : row ? row->name : NULL;
	rel_head(r, cc, m, t->name);
	cat_text(r, c->name);
	cat_int(r, k + 1);
	cat_null(r); /* attribute_default */
	yes_no(r, true);
	cat_text(r, udt ? (array ? "ARRAY" : "USER-DEFINED") : data_type(r->a, c->typoid));
	char_facts(r, c);
	nulls(r, 3 + 3); /* character set, collation */
	numeric_facts(r, c);
	datetime_precision(r, c);
	interval_type(r, c);
	cat_null(r); /* interval_precision */
	cat_text(r, cat_conn_database(cc));
	cat_text(r, udt ? cat_conn_public(cc) : "pg_catalog");
	cat_text(r, udt ? (array ? arena_printf(r->a, "_%s", udt) : udt) : ti ? ti->name : NULL);
	nulls(r, 3 + 1); /* scope, maximum_cardinality */
	cat_text(r, arena_printf(r->a, "%d", k + 1));
	yes_no(r, false);
}

static bool fill_attributes(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		for (int k = 0; m->rels[i]->kind == 'c' && k < m->rels[i]->ncols; k++)
			attribute_row(cc, r, m, m->rels[i], k);
	}
	return true;
}

/* The tenant's domains (CREATE DOMAIN), described by their base types. */
static bool fill_domains(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->ndomains; i++) {
		const struct cat_domain *d = m->domains[i];
		/* over another domain or an enum: USER-DEFINED, udt that type, no facts of a
		 * built-in */
		const char *udt = d->parent ? d->parent->name : d->over_enum ? d->over_enum->name : NULL;
		struct cat_col c = {.typoid = d->parent ? d->parent->oid : d->base_oid,
				    .typmod = d->parent ? -1 : d->base_typmod};
		const struct pgtype_info *ti = udt ? NULL : pgtype_by_oid(d->base_oid);
		rel_head(r, cc, m, d->name);
		cat_text(r, udt ? "USER-DEFINED" : data_type(r->a, d->base_oid));
		char_facts(r, &c);
		nulls(r, 3 + 3); /* character set, collation */
		numeric_facts(r, &c);
		datetime_precision(r, &c);
		nulls(r, 2); /* interval */
		cat_text(r, d->dflt);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, udt ? cat_conn_public(cc) : "pg_catalog");
		cat_text(r, udt ? udt : ti ? ti->name : NULL);
		nulls(r, 3 + 1); /* scope, maximum_cardinality */
		cat_text(r, "1");
	}
	return true;
}

/* Each table column of a domain: the domain, then the column. */
static bool fill_column_domain_usage(struct cat_conn *cc, const struct cat_model *m,
				     struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		for (int k = 0; (rel->kind == 'r' || rel->kind == 'v') && k < rel->ncols; k++) {
			if (!rel->cols[k].domain)
				continue;
			rel_head(r, cc, m, rel->cols[k].domain->name);
			cat_text(r, cat_conn_database(cc));
			cat_text(r, cat_nsp_rel_name(cc, m, rel));
			cat_text(r, cat_nsp_bare(m, rel->name));
			cat_text(r, rel->cols[k].name);
		}
	}
	return true;
}

/* Each domain's base type (the domain below, for a domain over another), then the domain. */
static bool fill_domain_udt_usage(struct cat_conn *cc, const struct cat_model *m,
				  struct cat_rows *r)
{
	for (size_t i = 0; i < m->ndomains; i++) {
		const struct cat_domain *d = m->domains[i];
		const char *udt = d->parent ? d->parent->name : d->over_enum ? d->over_enum->name : NULL;
		const struct pgtype_info *ti = udt ? NULL : pgtype_by_oid(d->base_oid);
		cat_row(r);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, udt ? cat_conn_public(cc) : "pg_catalog");
		cat_text(r, udt ? udt : ti ? ti->name : NULL);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, cat_nsp_schema_of(cc, m, d->name));
		cat_text(r, cat_nsp_bare(m, d->name));
	}
	return true;
}

static bool fill_domain_constraints(struct cat_conn *cc, const struct cat_model *m,
				    struct cat_rows *r)
{
	for (size_t i = 0; i < m->ndomains; i++) {
		const struct cat_domain *d = m->domains[i];
		for (size_t k = 0; k < d->nchecks; k++) {
			rel_head(r, cc, m, d->connames[k]);
			cat_text(r, cat_conn_database(cc));
			cat_text(r, cat_nsp_schema_of(cc, m, d->name));
			cat_text(r, cat_nsp_bare(m, d->name));
			yes_no(r, false);
			yes_no(r, false);
		}
	}
	return true;
}

static bool fill_views(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *v = m->rels[i];
		if (v->kind != 'v')
			continue;
		rel_head(r, cc, m, v->name);
		struct pgerr err;
		pgerr_clear(&err);
		const char *def = cat_view_definition(cc, v, false, 0, r->a, &err);
		cat_text(r, def ? def : cat_view_query(v)); /* no PostgreSQL spelling: as kept */
		const char *check = cat_view_check_option(v);
		cat_text(r, !check ? "NONE" : *check == 'l' ? "LOCAL" : "CASCADED");
		int events = cat_view_updatable(cc, v, NULL);
		yes_no(r, (events & (8 | 16)) == (8 | 16)); /* is_updatable */
		yes_no(r, events & 4);                      /* is_insertable_into */
		for (int k = 0; k < 3; k++)
			yes_no(r, false);
	}
	return true;
}

/* constraint_catalog, constraint_schema, constraint_name. */
static void con_head(struct cat_rows *r, struct cat_conn *cc, const char *name)
{
	rel_head(r, cc, model_of(cc), name); /* "s.t_pkey" of a local schema's table */
}

/* is_deferrable and initially_deferred: a foreign key's or a UNIQUE key's DEFERRABLE [INITIALLY
 * DEFERRED] */
static void table_constraint_deferral(struct cat_rows *r, struct cat_conn *cc, const char *name,
				      const char *table, const char *type, bool deferrable,
				      bool deferred)
{
	con_head(r, cc, name);
	cat_text(r, cat_conn_database(cc));
	cat_text(r, cat_conn_public(cc));
	cat_text(r, table);
	cat_text(r, type);
	yes_no(r, deferrable);
	yes_no(r, deferred);
	yes_no(r, true);
	if (strcmp(type, "UNIQUE") == 0)
		yes_no(r, true);
	else
		cat_null(r);
}

static void table_constraint(struct cat_rows *r, struct cat_conn *cc, const char *name,
			     const char *table, const char *type)
{
	table_constraint_deferral(r, cc, name, table, type, false, false);
}

/* PostgreSQL lists each NOT NULL column as a CHECK constraint named nspoid_reloid_attnum_not_null
 * in information_schema (and only there). */
static const char *not_null_name(struct arena *a, const struct cat_rel *t, int k)
{
	return arena_printf(a, "%d_%u_%d_not_null", CAT_NS_PUBLIC, t->oid, k + 1);
}

static bool fill_table_constraints(struct cat_conn *cc, const struct cat_model *m,
				   struct cat_rows *r)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (ix->conname)
			table_constraint_deferral(r, cc, ix->conname, ix->table->name,
						  ix->primary ? "PRIMARY KEY" : "UNIQUE",
						  ix->deferrable, ix->initdeferred);
	}
	for (size_t i = 0; i < m->nfks; i++)
		table_constraint_deferral(r, cc, m->fks[i]->name, m->fks[i]->table->name,
					  "FOREIGN KEY", m->fks[i]->deferrable,
					  m->fks[i]->deferred);
	for (size_t i = 0; i < m->nchecks; i++)
		table_constraint(r, cc, m->checks[i]->name, m->checks[i]->table->name, "CHECK");
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		for (int k = 0; t->kind == 'r' && k < t->ncols; k++) {
			if (t->cols[k].notnull)
				table_constraint(r, cc, not_null_name(r->a, t, k), t->name,
						 "CHECK");
		}
	}
	return true;
}

static void key_usage(struct cat_rows *r, struct cat_conn *cc, const char *con,
		      const struct cat_rel *t, int16_t attnum, int pos, int upos)
{
	const struct cat_model *m = model_of(cc);
	con_head(r, cc, con);
	cat_text(r, cat_conn_database(cc));
	cat_text(r, cat_nsp_rel_name(cc, m, t));
	cat_text(r, cat_nsp_bare(m, t->name));
	cat_text(r, attnum > 0 && attnum <= t->ncols ? t->cols[attnum - 1].name : NULL);
	cat_int(r, pos);
	if (upos)
		cat_int(r, upos);
	else
		cat_null(r);
}

/* The PRIMARY KEY/UNIQUE constraint a foreign key references: its index, whose columns are
 * the referenced ones in any order (PostgreSQL's transformFkeyCheckAttrs), NULL for none. */
static const struct cat_index *unique_of(const struct cat_model *m, const struct cat_fkey *f)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		bool same = ix->conname && strcasecmp(ix->table->name, f->reftable) == 0 &&
			    ix->nkeys == f->ncols;
		for (int k = 0; same && k < f->ncols; k++) {
			bool found = false;
			for (int j = 0; j < ix->nkeys && !found; j++)
				found = ix->keys[j] == f->to[k];
			same = found;
		}
		if (same)
			return ix;
	}
	return NULL;
}

static bool fill_key_column_usage(struct cat_conn *cc, const struct cat_model *m,
				  struct cat_rows *r)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		for (int k = 0; ix->conname && k < ix->nkeyatts; k++) /* not INCLUDE's */
			key_usage(r, cc, ix->conname, ix->table, ix->keys[k], k + 1, 0);
	}
	for (size_t i = 0; i < m->nfks; i++) {
		const struct cat_fkey *f = m->fks[i];
		const struct cat_index *ix = unique_of(m, f);
		for (int k = 0; k < f->ncols; k++) {
			int upos = k + 1; /* the referenced column's place in the key it references */
			for (int j = 0; ix && j < ix->nkeys; j++)
				upos = ix->keys[j] == f->to[k] ? j + 1 : upos;
			key_usage(r, cc, f->name, f->table, f->from[k], k + 1, upos);
		}
	}
	return true;
}

static const char *unique_name(const struct cat_model *m, const struct cat_fkey *f)
{
	const struct cat_index *ix = unique_of(m, f);
	return ix ? ix->conname : NULL;
}

static const char *rule(char code)
{
	switch (code) {
	case 'r':
		return "RESTRICT";
	case 'c':
		return "CASCADE";
	case 'n':
		return "SET NULL";
	case 'd':
		return "SET DEFAULT";
	default:
		return "NO ACTION";
	}
}

static bool fill_referential_constraints(struct cat_conn *cc, const struct cat_model *m,
					 struct cat_rows *r)
{
	for (size_t i = 0; i < m->nfks; i++) {
		const struct cat_fkey *f = m->fks[i];
		const char *uname = unique_name(m, f);
		con_head(r, cc, f->name);
		cat_text(r, uname ? cat_conn_database(cc) : NULL);
		cat_text(r, uname ? cat_conn_public(cc) : NULL);
		cat_text(r, uname);
		cat_text(r, f->match == 'f' ? "FULL" : "NONE");
		cat_text(r, rule(f->upd));
		cat_text(r, rule(f->del));
	}
	return true;
}

static bool fill_check_constraints(struct cat_conn *cc, const struct cat_model *m,
				   struct cat_rows *r)
{
	for (size_t i = 0; i < m->nchecks; i++) {
		const struct cat_check *ck = m->checks[i];
		con_head(r, cc, ck->name);
		/* PostgreSQL's is pg_get_constraintdef's text after "CHECK " */
		cat_text(r, ck->pg == ck->expr ? ck->expr
					       : arena_printf(r->a, "(%s)%s", ck->pg,
							      ck->not_valid ? " NOT VALID" : ""));
	}
	/* a domain's CHECKs too, as PostgreSQL's view lists every CHECK of pg_constraint */
	for (size_t i = 0; i < m->ndomains; i++) {
		const struct cat_domain *d = m->domains[i];
		for (size_t k = 0; k < d->nchecks; k++) {
			con_head(r, cc, d->connames[k]);
			const char *p = NULL, *pg = cat_pg_text(r->a, d->checks[k], &p);
			cat_text(r, pg == d->checks[k]
					    ? pg
					    : arena_printf(r->a, "(%s)%s", pg,
							   d->not_valid[k] ? " NOT VALID" : ""));
		}
	}
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		for (int k = 0; t->kind == 'r' && k < t->ncols; k++) {
			if (!t->cols[k].notnull)
				continue;
			con_head(r, cc, not_null_name(r->a, t, k));
			cat_text(r, arena_printf(r->a, "%s IS NOT NULL",
						 cat_quote_ident(r->a, t->cols[k].name)));
		}
	}
	return true;
}

static void usage_row(struct cat_rows *r, struct cat_conn *cc, const struct cat_rel *t,
		      int16_t attnum, const char *con)
{
	const struct cat_model *m = model_of(cc);
	rel_head(r, cc, m, t->name);
	cat_text(r, attnum > 0 && attnum <= t->ncols ? t->cols[attnum - 1].name : NULL);
	cat_text(r, cat_conn_database(cc));
	cat_text(r, cat_conn_public(cc));
	cat_text(r, con);
}

/* The columns each constraint uses; a foreign key uses the referenced columns. */
static bool fill_constraint_column_usage(struct cat_conn *cc, const struct cat_model *m,
					 struct cat_rows *r)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		for (int k = 0; ix->conname && k < ix->nkeys; k++)
			usage_row(r, cc, ix->table, ix->keys[k], ix->conname);
	}
	for (size_t i = 0; i < m->nfks; i++) {
		const struct cat_fkey *f = m->fks[i];
		const struct cat_rel *rt = cat_model_rel_in(m, f->reftable, f->table->temp);
		for (int k = 0; rt && k < f->ncols; k++)
			usage_row(r, cc, rt, f->to[k], f->name);
	}
	for (size_t i = 0; i < m->nchecks; i++) {
		const struct cat_check *ck = m->checks[i];
		for (int k = 0; k < ck->table->ncols; k++) {
			if (cat_scan_mentions(ck->expr, ck->table->cols[k].name))
				usage_row(r, cc, ck->table, (int16_t)(k + 1), ck->name);
		}
	}
	return true;
}

/* The tables each PRIMARY KEY, UNIQUE or FOREIGN KEY constraint uses: its own table, the
 * referenced one for a foreign key (PostgreSQL's view lists no CHECK or EXCLUDE here). */
static bool fill_constraint_table_usage(struct cat_conn *cc, const struct cat_model *m,
					struct cat_rows *r)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (!ix->conname || ix->exclops)
			continue;
		rel_head(r, cc, m, ix->table->name);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, cat_conn_public(cc));
		cat_text(r, ix->conname);
	}
	for (size_t i = 0; i < m->nfks; i++) {
		const struct cat_fkey *f = m->fks[i];
		const struct cat_rel *rt = cat_model_rel_in(m, f->reftable, f->table->temp);
		if (!rt)
			continue;
		rel_head(r, cc, m, rt->name);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, cat_nsp_schema_of(cc, m, f->name));
		cat_text(r, cat_nsp_bare(m, f->name));
	}
	return true;
}

/* The tenant's composite types (CREATE TYPE ... AS): PostgreSQL's view lists those alone,
 * STRUCTURED, with no ordering, reference or type facts. */
static bool fill_user_defined_types(struct cat_conn *cc, const struct cat_model *m,
				    struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		if (m->rels[i]->kind != 'c')
			continue;
		rel_head(r, cc, m, m->rels[i]->name);
		cat_text(r, "STRUCTURED");
		yes_no(r, true);
		nulls(r, 29 - 5);
	}
	return true;
}

static bool fill_character_sets(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	cat_row(r);
	nulls(r, 2);
	cat_text(r, "UTF8");
	cat_text(r, "UCS");
	cat_text(r, "UTF8");
	cat_text(r, cat_conn_database(cc));
	/* the database's collation is C, which PostgreSQL names ucs_basic here */
	cat_text(r, "pg_catalog");
	cat_text(r, "ucs_basic");
	return true;
}

/* One row of information_schema.parameters: PostgreSQL's view lists every pg_proc row's
 * parameters, the tenant's functions' and the built-ins' (without their defaults). */
/* The tenant's type a function's parameter or result is of (an enum, a domain, a row type;
 * *array for its array type), NULL for a built-in type. */
static const char *routine_udt(struct cat_conn *cc, uint32_t type, bool *array)
{
	*array = false;
	if (pgtype_by_oid(type)) /* before the model: reading it checks the schema's version */
		return NULL;
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(cc, &msg);
	sqlite3_free(msg);
	if (!m)
		return NULL;
	const struct cat_enum *e = cat_model_enum_oid(m, type, array);
	const struct cat_domain *d = e ? NULL : cat_model_domain_oid(m, type, array);
	const struct cat_rel *row = e || d ? NULL : cat_model_rowtype_rel(m, type, array);
	return e ? e->name : d ? d->name : row ? row->name : NULL;
}

/* A parameter's row, with db as the catalog's name and udt (*array) the tenant's type of it. */
static void parameter_put(struct cat_rows *r, const char *db, const char *own, const char *udt,
			  bool array, const struct cat_udf_param *p)
{
	const struct pgtype_info *ti = pgtype_by_oid(p->type);
	cat_row(r);
	cat_text(r, db);
	cat_text(r, p->builtin ? "pg_catalog" : own);
	cat_text(r, p->specific);
	cat_int(r, p->n);
	cat_text(r, p->mode == 'o' || p->mode == 't' ? "OUT" : p->mode == 'b' ? "INOUT" : "IN");
	yes_no(r, false); /* is_result, as_locator */
	yes_no(r, false);
	cat_text(r, *p->name ? p->name : NULL);
	cat_text(r, udt ? (array ? "ARRAY" : "USER-DEFINED") : data_type(r->a, p->type));
	nulls(r, 14); /* the type facts: PostgreSQL gives none for parameters */
	cat_text(r, db);
	cat_text(r, udt ? own : "pg_catalog");
	cat_text(r, udt ? (array ? arena_printf(r->a, "_%s", udt) : udt) : ti ? ti->name : NULL);
	nulls(r, 3 + 1); /* scope, maximum_cardinality */
	cat_text(r, arena_printf(r->a, "%d", p->n));
	cat_text(r, p->dflt);
}

static void parameter_row(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_param *p)
{
	bool array = false;
	const char *udt = routine_udt(cc, p->type, &array);
	parameter_put(r, cat_conn_database(cc), cat_conn_public(cc), udt, array, p);
}

/* ---- the built-ins' rows of routines and parameters, made once per process ----
 * They list 2,287 functions and do not change; making them per statement took 36 ms. Built-in
 * functions take and return built-in types only (OIDs below CATALOG_OID_MIN, where no tenant
 * type is numbered), so their rows differ between connections only in the database's name:
 * made with DB_MARK there, which each fill replaces in the columns that hold it. */
#define DB_MARK "\001db"

struct builtin_rows {
	struct cat_rows rows;
	int dbcols[4]; /* the columns holding DB_MARK, ndbcols of them */
	int ndbcols;
};

static pthread_mutex_t builtin_lock = PTHREAD_MUTEX_INITIALIZER;
static struct builtin_rows builtin_routines, builtin_params;

static void builtin_param(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_param *p)
{
	(void)cc;
	ASSERT(p->type < CATALOG_OID_MIN);
	parameter_put(r, DB_MARK, NULL, NULL, false, p);
}

static void routine_put(struct cat_rows *r, const char *db, const char *own, const char *udt,
			bool array, const struct cat_udf_routine *u);

static void builtin_routine(struct cat_conn *cc, struct cat_rows *r,
			    const struct cat_udf_routine *u)
{
	(void)cc;
	ASSERT(u->kind == 'p' || u->rettype < CATALOG_OID_MIN);
	routine_put(r, DB_MARK, NULL, NULL, false, u);
}

static const struct builtin_rows *builtin_rows(struct builtin_rows *b, int ncols, bool routines)
{
	pthread_mutex_lock(&builtin_lock);
	if (!b->rows.a) {
		b->rows.a = arena_new(0);
		b->rows.ncols = ncols;
		if (routines)
			cat_builtin_each_routine(NULL, &b->rows, builtin_routine);
		else
			cat_builtin_each_param(NULL, &b->rows, builtin_param);
		for (int c = 0; c < ncols && b->ndbcols < (int)ARRAY_LEN(b->dbcols); c++)
			for (size_t i = 0; i < b->rows.n; i++) {
				const struct cat_val *v = &b->rows.v[i * (size_t)ncols + (size_t)c];
				if (v->type == SQLITE_TEXT && strcmp(v->s, DB_MARK) == 0) {
					b->dbcols[b->ndbcols++] = c;
					break;
				}
			}
	}
	pthread_mutex_unlock(&builtin_lock);
	return b;
}

/* Appends b's rows to r with the connection's database name where DB_MARK stands. */
static void append_builtins(struct cat_conn *cc, struct cat_rows *r, const struct builtin_rows *b)
{
	size_t first = r->n, ncols = (size_t)r->ncols;
	cat_rows_append(r, &b->rows);
	const char *db = arena_strdup(r->a, cat_conn_database(cc));
	for (size_t i = first; i < r->n; i++)
		for (int k = 0; k < b->ndbcols; k++) {
			struct cat_val *v = &r->v[i * ncols + (size_t)b->dbcols[k]];
			if (v->type == SQLITE_TEXT && strcmp(v->s, DB_MARK) == 0)
				v->s = db;
		}
}

static bool fill_parameters(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	cat_udf_each_own_param(cc, r, parameter_row);
	append_builtins(cc, r, builtin_rows(&builtin_params, r->ncols, false));
	return true;
}

/* external_language: pg_language's name in upper case. */
static const char *language(const char *lang)
{
	return strcmp(lang, "sql") == 0	       ? "SQL"
	       : strcmp(lang, "internal") == 0 ? "INTERNAL"
	       : strcmp(lang, "c") == 0	       ? "C"
					       : "PLPGSQL";
}

/* One row of information_schema.routines, as PostgreSQL's view describes a pg_proc row: a
 * procedure has no result type; an aggregate no routine_type. */
static void routine_put(struct cat_rows *r, const char *db, const char *own, const char *udt,
			bool array, const struct cat_udf_routine *u)
{
	bool proc = u->kind == 'p';
	const struct pgtype_info *ti = proc ? NULL : pgtype_by_oid(u->rettype);
	const char *ns = u->builtin ? "pg_catalog" : own;
	cat_row(r);
	cat_text(r, db);
	cat_text(r, ns);
	cat_text(r, u->specific);
	cat_text(r, db);
	cat_text(r, ns);
	cat_text(r, u->name);
	cat_text(r, proc ? "PROCEDURE" : u->kind == 'f' ? "FUNCTION" : NULL);
	nulls(r, 3 + 3); /* module, udt */
	if (proc)
		cat_null(r);
	else
		cat_text(r, udt ? (array ? "ARRAY" : "USER-DEFINED") : data_type(r->a, u->rettype));
	nulls(r, 14); /* the type facts: PostgreSQL gives none for results */
	cat_text(r, proc ? NULL : db);
	cat_text(r, proc ? NULL : udt ? ns : "pg_catalog");
	if (proc)
		cat_null(r);
	else
		cat_text(r, udt ? (array ? arena_printf(r->a, "_%s", udt) : udt) : ti ? ti->name : NULL);
	nulls(r, 3 + 1); /* scope, maximum_cardinality */
	cat_text(r, proc ? NULL : "0");
	cat_text(r, strcmp(u->lang, "sql") == 0 ? "SQL" : "EXTERNAL");
	cat_text(r, u->body);
	cat_text(r, strcmp(u->lang, "c") == 0 ? u->body : NULL); /* external_name */
	cat_text(r, language(u->lang));
	cat_text(r, "GENERAL");
	yes_no(r, u->volatility == 'i');
	cat_text(r, "MODIFIES");
	if (proc)
		cat_null(r);
	else
		yes_no(r, u->strict);
	cat_null(r); /* sql_path */
	yes_no(r, true);
	cat_int(r, 0);
	nulls(r, 2); /* is_user_defined_cast, is_implicitly_invocable */
	cat_text(r, u->secdef ? "DEFINER" : "INVOKER");
	nulls(r, 3); /* to_sql_specific_* */
	yes_no(r, false);
	nulls(r, 3); /* created, last_altered, new_savepoint_level */
	yes_no(r, false);
	nulls(r, 24); /* result_cast_* */
}

static void routine_row(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_routine *u)
{
	bool array = false;
	const char *udt = u->kind == 'p' ? NULL : routine_udt(cc, u->rettype, &array);
	routine_put(r, cat_conn_database(cc), cat_conn_public(cc), udt, array, u);
}

static bool fill_routines(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	cat_udf_each_own_routine(cc, r, routine_row);
	append_builtins(cc, r, builtin_rows(&builtin_routines, r->ncols, true));
	return true;
}

#define CON3 "constraint_catalog " ID ", constraint_schema " ID ", constraint_name " ID
#define TAB3 "table_catalog " ID ", table_schema " ID ", table_name " ID
#define SPEC3 "specific_catalog " ID ", specific_schema " ID ", specific_name " ID
#define TYPE_FACTS                                                                            \
	"character_maximum_length " NUM ", character_octet_length " NUM                       \
	", character_set_catalog " ID ", character_set_schema " ID ", character_set_name " ID \
	", collation_catalog " ID ", collation_schema " ID ", collation_name " ID             \
	", numeric_precision " NUM ", numeric_precision_radix " NUM ", numeric_scale " NUM    \
	", datetime_precision " NUM ", interval_type " TXT ", interval_precision " NUM

static const struct cat_reldef defs[] = {
	{"information_schema_attributes",
	 "udt_catalog " ID ", udt_schema " ID ", udt_name " ID ", attribute_name " ID
	 ", ordinal_position " NUM ", attribute_default " TXT ", is_nullable " TXT
	 ", data_type " TXT ", " TYPE_FACTS ", attribute_udt_catalog " ID
	 ", attribute_udt_schema " ID ", attribute_udt_name " ID ", scope_catalog " ID
	 ", scope_schema " ID ", scope_name " ID ", maximum_cardinality " NUM
	 ", dtd_identifier " ID ", is_derived_reference_attribute " TXT,
	 fill_attributes},
	{"information_schema_character_sets",
	 "character_set_catalog " ID ", character_set_schema " ID ", character_set_name " ID
	 ", character_repertoire " ID ", form_of_use " ID ", default_collate_catalog " ID
	 ", default_collate_schema " ID ", default_collate_name " ID,
	 fill_character_sets},
	{"information_schema_check_constraints", CON3 ", check_clause " TXT,
	 fill_check_constraints},
	{"information_schema_columns",
	 TAB3 ", column_name " ID ", ordinal_position " NUM ", column_default " TXT
	      ", is_nullable " TXT ", data_type " TXT ", character_maximum_length " NUM
	      ", character_octet_length " NUM ", numeric_precision " NUM
	      ", numeric_precision_radix " NUM ", numeric_scale " NUM ", datetime_precision " NUM
	      ", interval_type " TXT ", interval_precision " NUM ", character_set_catalog " ID
	      ", character_set_schema " ID ", character_set_name " ID ", collation_catalog " ID
	      ", collation_schema " ID ", collation_name " ID ", domain_catalog " ID
	      ", domain_schema " ID ", domain_name " ID ", udt_catalog " ID ", udt_schema " ID
	      ", udt_name " ID ", scope_catalog " ID ", scope_schema " ID ", scope_name " ID
	      ", maximum_cardinality " NUM ", dtd_identifier " ID ", is_self_referencing " TXT
	      ", is_identity " TXT ", identity_generation " TXT ", identity_start " TXT
	      ", identity_increment " TXT ", identity_maximum " TXT ", identity_minimum " TXT
	      ", identity_cycle " TXT ", is_generated " TXT ", generation_expression " TXT
	      ", is_updatable " TXT,
	 fill_columns},
	{"information_schema_column_domain_usage",
	 "domain_catalog " ID ", domain_schema " ID ", domain_name " ID ", " TAB3
	 ", column_name " ID,
	 fill_column_domain_usage},
	{"information_schema_domain_udt_usage",
	 "udt_catalog " ID ", udt_schema " ID ", udt_name " ID ", domain_catalog " ID
	 ", domain_schema " ID ", domain_name " ID,
	 fill_domain_udt_usage},
	{"information_schema_domain_constraints",
	 CON3 ", domain_catalog " ID ", domain_schema " ID ", domain_name " ID
	      ", is_deferrable " TXT ", initially_deferred " TXT,
	 fill_domain_constraints},
	{"information_schema_domains",
	 "domain_catalog " ID ", domain_schema " ID ", domain_name " ID ", data_type " TXT
	 ", " TYPE_FACTS ", domain_default " TXT ", udt_catalog " ID ", udt_schema " ID
	 ", udt_name " ID ", scope_catalog " ID ", scope_schema " ID ", scope_name " ID
	 ", maximum_cardinality " NUM ", dtd_identifier " ID,
	 fill_domains},
	{"information_schema_constraint_column_usage", TAB3 ", column_name " ID ", " CON3,
	 fill_constraint_column_usage},
	{"information_schema_constraint_table_usage", TAB3 ", " CON3, fill_constraint_table_usage},
	{"information_schema_key_column_usage",
	 CON3 ", " TAB3 ", column_name " ID ", ordinal_position " NUM
	      ", position_in_unique_constraint " NUM,
	 fill_key_column_usage},
	{"information_schema_parameters",
	 SPEC3 ", ordinal_position " NUM ", parameter_mode " TXT ", is_result " TXT
	       ", as_locator " TXT ", parameter_name " ID ", data_type " TXT ", " TYPE_FACTS
	       ", udt_catalog " ID ", udt_schema " ID ", udt_name " ID ", scope_catalog " ID
	       ", scope_schema " ID ", scope_name " ID ", maximum_cardinality " NUM
	       ", dtd_identifier " ID ", parameter_default " TXT,
	 fill_parameters},
	{"information_schema_referential_constraints",
	 CON3 ", unique_constraint_catalog " ID ", unique_constraint_schema " ID
	      ", unique_constraint_name " ID ", match_option " TXT ", update_rule " TXT
	      ", delete_rule " TXT,
	 fill_referential_constraints},
	{"information_schema_routines",
	 SPEC3
	 ", routine_catalog " ID ", routine_schema " ID ", routine_name " ID ", routine_type " TXT
	 ", module_catalog " ID ", module_schema " ID ", module_name " ID ", udt_catalog " ID
	 ", udt_schema " ID ", udt_name " ID ", data_type " TXT ", " TYPE_FACTS
	 ", type_udt_catalog " ID ", type_udt_schema " ID ", type_udt_name " ID
	 ", scope_catalog " ID ", scope_schema " ID ", scope_name " ID ", maximum_cardinality " NUM
	 ", dtd_identifier " ID ", routine_body " TXT ", routine_definition " TXT
	 ", external_name " TXT ", external_language " TXT ", parameter_style " TXT
	 ", is_deterministic " TXT ", sql_data_access " TXT ", is_null_call " TXT ", sql_path " TXT
	 ", schema_level_routine " TXT ", max_dynamic_result_sets " NUM
	 ", is_user_defined_cast " TXT ", is_implicitly_invocable " TXT ", security_type " TXT
	 ", to_sql_specific_catalog " ID ", to_sql_specific_schema " ID ", to_sql_specific_name " ID
	 ", as_locator " TXT
	 ", created timestamptz, last_altered timestamptz, new_savepoint_level " TXT
	 ", is_udt_dependent " TXT ", result_cast_from_data_type " TXT
	 ", result_cast_as_locator " TXT ", result_cast_char_max_length " NUM
	 ", result_cast_char_octet_length " NUM ", result_cast_char_set_catalog " ID
	 ", result_cast_char_set_schema " ID ", result_cast_char_set_name " ID
	 ", result_cast_collation_catalog " ID ", result_cast_collation_schema " ID
	 ", result_cast_collation_name " ID ", result_cast_numeric_precision " NUM
	 ", result_cast_numeric_precision_radix " NUM ", result_cast_numeric_scale " NUM
	 ", result_cast_datetime_precision " NUM ", result_cast_interval_type " TXT
	 ", result_cast_interval_precision " NUM ", result_cast_type_udt_catalog " ID
	 ", result_cast_type_udt_schema " ID ", result_cast_type_udt_name " ID
	 ", result_cast_scope_catalog " ID ", result_cast_scope_schema " ID
	 ", result_cast_scope_name " ID ", result_cast_maximum_cardinality " NUM
	 ", result_cast_dtd_identifier " ID,
	 fill_routines},
	{"information_schema_schemata",
	 "catalog_name " ID ", schema_name " ID ", schema_owner " ID
	 ", default_character_set_catalog " ID ", default_character_set_schema " ID
	 ", default_character_set_name " ID ", sql_path " TXT,
	 fill_schemata},
	{"information_schema_table_constraints",
	 CON3 ", " TAB3 ", constraint_type " TXT ", is_deferrable " TXT ", initially_deferred " TXT
	      ", enforced " TXT ", nulls_distinct " TXT,
	 fill_table_constraints},
	{"information_schema_tables",
	 TAB3 ", table_type " TXT ", self_referencing_column_name " ID ", reference_generation " TXT
	      ", user_defined_type_catalog " ID ", user_defined_type_schema " ID
	      ", user_defined_type_name " ID ", is_insertable_into " TXT ", is_typed " TXT
	      ", commit_action " TXT,
	 fill_tables},
	{"information_schema_user_defined_types",
	 "user_defined_type_catalog " ID ", user_defined_type_schema " ID
	 ", user_defined_type_name " ID ", user_defined_type_category " TXT ", is_instantiable " TXT
	 ", is_final " TXT ", ordering_form " TXT ", ordering_category " TXT
	 ", ordering_routine_catalog " ID ", ordering_routine_schema " ID
	 ", ordering_routine_name " ID ", reference_type " TXT ", data_type " TXT ", " TYPE_FACTS
	 ", source_dtd_identifier " ID ", ref_dtd_identifier " ID,
	 fill_user_defined_types},
	{"information_schema_views",
	 TAB3 ", view_definition " TXT ", check_option " TXT ", is_updatable " TXT
	      ", is_insertable_into " TXT ", is_trigger_updatable " TXT
	      ", is_trigger_deletable " TXT ", is_trigger_insertable_into " TXT,
	 fill_views},
};

const struct cat_reldef *cat_infoschema_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
