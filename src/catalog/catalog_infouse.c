/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_infouse.c: information_schema's views of what objects use — view_table_usage and
 * view_routine_usage (the dependencies pg_depend records for each view's _RETURN rule,
 * catalog_dump.c), view_column_usage (the columns SQLite resolves in each view, as the shard
 * reports them) and element_types (the element type of each array-typed column, attribute,
 * domain, routine parameter and result of the tenant). */
#include "catalog_int.h"

#include "pgtype.h"

#include <string.h>

#define ID "name"
#define TXT "varchar"
#define NUM "int4"

static const char *schema_of(struct cat_conn *cc, const struct cat_rel *rel)
{
	return rel->temp ? CAT_NS_TEMP_NAME : cat_conn_public(cc);
}

/* PostgreSQL's view_table_usage is SELECT DISTINCT: each relation once per view. */
struct table_use {
	struct cat_conn *cc;
	struct cat_rows *r;
	const struct cat_rel *v;
	const struct cat_rel **seen;
	size_t nseen;
};

static void table_use(void *arg, const struct cat_rel *t)
{
	struct table_use *u = arg;
	if (t->matview) /* relkind 'm' is none of 'r', 'v', 'f', 'p' */
		return;
	for (size_t i = 0; i < u->nseen; i++)
		if (u->seen[i] == t)
			return;
	u->seen[u->nseen++] = t;
	cat_row(u->r);
	cat_text(u->r, cat_conn_database(u->cc));
	cat_text(u->r, schema_of(u->cc, u->v));
	cat_text(u->r, u->v->name);
	cat_text(u->r, cat_conn_database(u->cc));
	cat_text(u->r, schema_of(u->cc, t));
	cat_text(u->r, t->name);
}

static bool fill_view_table_usage(struct cat_conn *cc, const struct cat_model *m,
				  struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *v = m->rels[i];
		if (v->kind != 'v')
			continue;
		struct table_use u = {cc, r, v, arena_alloc(r->a, m->nrels * sizeof(*u.seen)), 0};
		cat_view_each_rel(m, v, table_use, &u);
	}
	return true;
}

/* The tenant's functions the view's query calls, each once (SELECT DISTINCT), as the
 * translator resolved them; built-in functions are not listed. */
struct routine_use {
	struct cat_conn *cc;
	struct cat_rows *r;
	const struct cat_rel *v;
	uint32_t *seen;
	size_t nseen, cap;
	const uint32_t *exist; /* the tenant's functions' OIDs */
	size_t nexist;
};

static void push(struct arena *a, uint32_t **v, size_t *n, size_t *cap, uint32_t oid)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		uint32_t *more = arena_alloc(a, *cap * sizeof(*more));
		if (*n)
			memcpy(more, *v, *n * sizeof(*more));
		*v = more;
	}
	(*v)[(*n)++] = oid;
}

static bool member(const uint32_t *v, size_t n, uint32_t oid)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == oid)
			return true;
	return false;
}

static void routine_use(void *arg, const char *name, const char *sig)
{
	struct routine_use *u = arg;
	uint32_t oid = cat_oid("proc", name, sig); /* as pg_proc numbers it (catalog_udf.c) */
	/* a temporary function's, or one dropped since */
	if (!member(u->exist, u->nexist, oid) || member(u->seen, u->nseen, oid))
		return;
	push(u->r->a, &u->seen, &u->nseen, &u->cap, oid);
	cat_row(u->r);
	cat_text(u->r, cat_conn_database(u->cc));
	cat_text(u->r, schema_of(u->cc, u->v));
	cat_text(u->r, u->v->name);
	cat_text(u->r, cat_conn_database(u->cc));
	cat_text(u->r, cat_conn_public(u->cc));
	cat_text(u->r, arena_printf(u->r->a, "%s_%u", name, oid));
}

/* The tenant's functions' OIDs, collected through rows that hold no rows (the rows' arena;
 * r first, so that the callback's rows are the collection). */
struct oids {
	struct cat_rows r;
	uint32_t *v;
	size_t n, cap;
};

static void tenant_routine(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_routine *u)
{
	struct oids *o = (struct oids *)r;
	if (!u->builtin)
		push(r->a, &o->v, &o->n, &o->cap, cat_oid("proc", u->name, u->sig));
}

static bool fill_view_routine_usage(struct cat_conn *cc, const struct cat_model *m,
				    struct cat_rows *r)
{
	struct oids o = {.r = {.a = r->a}};
	cat_udf_each_routine(cc, &o.r, tenant_routine);
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *v = m->rels[i];
		if (v->kind != 'v')
			continue;
		struct routine_use u = {cc, r, v, NULL, 0, 0, o.v, o.n};
		cat_view_each_call(v, routine_use, &u);
	}
	return true;
}

void catalog_set_view_reads(struct cat_conn *cc, catalog_view_reads_fn *fn, void *arg)
{
	cc->view_reads = fn;
	cc->view_reads_arg = arg;
}

/* The columns a view's query reads, each once (SELECT DISTINCT): of the tenant's tables and
 * views (not materialized views), as SQLite resolves them (catalog_set_view_reads). */
struct column_use {
	struct table_use t;
	const struct cat_model *m;
	const struct cat_col **seen;
	size_t nseen, cap;
};

/* A read in a view the view reads is that view's; one in a WITH query of the view's own (a
 * name that is no relation of the tenant and that its query mentions) is the view's. */
static bool own_read(const struct column_use *u, const char *via)
{
	const struct cat_rel *v = u->t.v;
	return !via || sqlite3_stricmp(via, v->sqlname ? v->sqlname : v->name) == 0 ||
	       (!cat_model_rel(u->m, via) && cat_scan_mentions(cat_view_query(v), via));
}

static void column_use(void *arg, const char *table, const char *column, const char *via)
{
	struct column_use *u = arg;
	const struct cat_rel *t = own_read(u, via) ? cat_model_rel(u->m, table) : NULL;
	if (!t || t == u->t.v || (t->kind != 'r' && t->kind != 'v') || t->matview)
		return;
	const struct cat_col *c = NULL;
	for (int k = 0; k < t->ncols && !c; k++)
		if (sqlite3_stricmp(t->cols[k].name, column) == 0)
			c = &t->cols[k];
	for (size_t i = 0; c && i < u->nseen; i++)
		if (u->seen[i] == c)
			return;
	if (!c)
		return; /* rowid, or a hidden column of shardlite's */
	if (u->nseen == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 16;
		const struct cat_col **more = arena_alloc(u->t.r->a, u->cap * sizeof(*more));
		if (u->nseen)
			memcpy(more, u->seen, u->nseen * sizeof(*more));
		u->seen = more;
	}
	u->seen[u->nseen++] = c;
	struct cat_rows *r = u->t.r;
	cat_row(r);
	cat_text(r, cat_conn_database(u->t.cc));
	cat_text(r, schema_of(u->t.cc, u->t.v));
	cat_text(r, u->t.v->name);
	cat_text(r, cat_conn_database(u->t.cc));
	cat_text(r, schema_of(u->t.cc, t));
	cat_text(r, t->name);
	cat_text(r, c->name);
}

static bool fill_view_column_usage(struct cat_conn *cc, const struct cat_model *m,
				   struct cat_rows *r)
{
	for (size_t i = 0; cc->view_reads && i < m->nrels; i++) {
		const struct cat_rel *v = m->rels[i];
		if (v->kind != 'v')
			continue;
		struct column_use u = {{cc, r, v, NULL, 0}, m, NULL, 0, 0};
		cc->view_reads(cc->view_reads_arg, v->sqlname ? v->sqlname : v->name, v->temp,
			       column_use, &u);
	}
	return true;
}

/* ---- element_types ---- */

/* The element of array type oid: a built-in type (*elem its OID) or the tenant's enum or row
 * type (its name returned); false when oid is no array type. */
static bool element_of(const struct cat_model *m, uint32_t oid, uint32_t *elem, const char **udt)
{
	const struct pgtype_info *ti = pgtype_by_oid(oid);
	*elem = 0;
	*udt = NULL;
	if (ti) {
		if (ti->category != 'A' || !ti->elem_oid)
			return false;
		*elem = ti->elem_oid;
		return true;
	}
	bool array = false;
	const struct cat_enum *e = cat_model_enum_oid(m, oid, &array);
	const struct cat_domain *d = e ? NULL : cat_model_domain_oid(m, oid, &array);
	const struct cat_rel *row = e || d ? NULL : cat_model_rowtype_rel(m, oid, &array);
	if (!array)
		return false;
	*udt = e ? e->name : d ? d->name : row ? row->name : NULL;
	return *udt != NULL;
}

static void element_row(struct cat_conn *cc, struct cat_rows *r, const char *schema,
			const char *object, const char *type, int dtd, uint32_t elem,
			const char *udt)
{
	const struct pgtype_info *ti = udt ? NULL : pgtype_by_oid(elem);
	if (!udt && !ti)
		return;
	cat_row(r);
	cat_text(r, cat_conn_database(cc));
	cat_text(r, schema ? schema : cat_conn_public(cc));
	cat_text(r, object);
	cat_text(r, type);
	cat_text(r, arena_printf(r->a, "%d", dtd));
	cat_text(r, udt                     ? "USER-DEFINED"
		    : elem == PGTYPE_BPCHAR ? "character" /* format_type(oid, NULL) */
					    : cat_format_type(r->a, elem, -1));
	for (int i = 0; i < 5 + 3 + 6 + 1; i++) /* char, collation, numeric, datetime, default */
		cat_null(r);
	cat_text(r, cat_conn_database(cc));
	cat_text(r, udt ? cat_conn_public(cc) : "pg_catalog");
	cat_text(r, udt ? udt : ti->name);
	for (int i = 0; i < 3 + 1; i++) /* scope, maximum_cardinality */
		cat_null(r);
	cat_text(r, arena_printf(r->a, "a%d", dtd));
}

/* The model, read only for a type no built-in is (reading it checks the schema's version). */
static const struct cat_model *model_for(struct cat_conn *cc, uint32_t type)
{
	static const struct cat_model none;
	if (pgtype_by_oid(type))
		return &none;
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(cc, &msg);
	sqlite3_free(msg);
	return m;
}

static void element_param(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_param *p)
{
	const struct cat_model *m = model_for(cc, p->type);
	uint32_t elem;
	const char *udt;
	if (m && element_of(m, p->type, &elem, &udt))
		element_row(cc, r, p->builtin ? "pg_catalog" : NULL, p->specific, "ROUTINE", p->n,
			    elem, udt);
}

static void element_result(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_routine *u)
{
	const struct cat_model *m = model_for(cc, u->rettype);
	uint32_t elem;
	const char *udt;
	if (m && u->kind != 'p' && element_of(m, u->rettype, &elem, &udt))
		element_row(cc, r, u->builtin ? "pg_catalog" : NULL, u->specific, "ROUTINE", 0,
			    elem, udt);
}

static bool fill_element_types(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	uint32_t elem;
	const char *udt;
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		if ((rel->kind != 'r' && rel->kind != 'v' && rel->kind != 'c') || rel->matview)
			continue;
		for (int k = 0; k < rel->ncols; k++) {
			/* a column of a domain is of the domain, no array type itself */
			if (!rel->cols[k].domain && element_of(m, rel->cols[k].typoid, &elem, &udt))
				element_row(cc, r, NULL, rel->name,
					    rel->kind == 'c' ? "USER-DEFINED TYPE" : "TABLE", k + 1,
					    elem, udt);
		}
	}
	for (size_t i = 0; i < m->ndomains; i++) {
		const struct cat_domain *d = m->domains[i];
		/* typbasetype: the domain below (no array) or the type declared */
		if (!d->parent && !d->over_enum && element_of(m, d->base_oid, &elem, &udt))
			element_row(cc, r, NULL, d->name, "DOMAIN", 1, elem, udt);
		else if (!d->parent && d->over_enum && strstr(d->base, "[]"))
			element_row(cc, r, NULL, d->name, "DOMAIN", 1, 0, d->over_enum->name);
	}
	cat_udf_each_param(cc, r, element_param);
	cat_udf_each_routine(cc, r, element_result);
	return true;
}

#define VIEW3 "view_catalog " ID ", view_schema " ID ", view_name " ID
#define TAB3 "table_catalog " ID ", table_schema " ID ", table_name " ID

static const struct cat_reldef defs[] = {
	{"information_schema_element_types",
	 "object_catalog " ID ", object_schema " ID ", object_name " ID ", object_type " TXT
	 ", collection_type_identifier " ID ", data_type " TXT ", character_maximum_length " NUM
	 ", character_octet_length " NUM ", character_set_catalog " ID ", character_set_schema " ID
	 ", character_set_name " ID ", collation_catalog " ID ", collation_schema " ID
	 ", collation_name " ID ", numeric_precision " NUM ", numeric_precision_radix " NUM
	 ", numeric_scale " NUM ", datetime_precision " NUM ", interval_type " TXT
	 ", interval_precision " NUM ", domain_default " TXT ", udt_catalog " ID ", udt_schema " ID
	 ", udt_name " ID ", scope_catalog " ID ", scope_schema " ID ", scope_name " ID
	 ", maximum_cardinality " NUM ", dtd_identifier " ID,
	 fill_element_types},
	{"information_schema_view_column_usage", VIEW3 ", " TAB3 ", column_name " ID,
	 fill_view_column_usage},
	{"information_schema_view_routine_usage",
	 TAB3 ", specific_catalog " ID ", specific_schema " ID ", specific_name " ID,
	 fill_view_routine_usage},
	{"information_schema_view_table_usage", VIEW3 ", " TAB3, fill_view_table_usage},
};

const struct cat_reldef *cat_infouse_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
