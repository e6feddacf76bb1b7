/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_rel.c: the pg_catalog relations — their PostgreSQL 15 columns and the rows each
 * computes from the schema model. Relations that describe features a tenant cannot have
 * (inheritance, partitions, policies, publications, triggers, extensions) are present and
 * empty, which is the true answer for a tenant. */
#include "catalog_int.h"

#include "pgtype.h"

#include <pthread.h>
#include <string.h>
#include <strings.h>

#define OWNER CAT_ROLE_BOOTSTRAP

static bool fill_empty(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	return true;
}

static bool has_index(const struct cat_model *m, const struct cat_rel *t)
{
	for (size_t i = 0; i < m->nidx; i++) {
		if (m->idx[i]->table == t)
			return true;
	}
	return false;
}

static int nchecks(const struct cat_model *m, const struct cat_rel *t)
{
	int n = 0;
	for (size_t i = 0; i < m->nchecks; i++)
		n += m->checks[i]->table == t;
	return n;
}

/* PostgreSQL enforces foreign keys with triggers on both tables, and clients (psql) look for
 * foreign keys only where relhastriggers says there are triggers. */
static bool fk_triggers(const struct cat_model *m, const struct cat_rel *t)
{
	for (size_t i = 0; t->kind == 'r' && i < m->nfks; i++) {
		if (m->fks[i]->table == t || strcasecmp(m->fks[i]->reftable, t->name) == 0)
			return true;
	}
	return cat_model_has_triggers(m, t);
}

/* The columns a declaration lists: its commas outside quoted type names, plus one. */
static int declared_columns(const char *columns)
{
	int n = 1;
	bool quoted = false;
	for (const char *p = columns; *p; p++) {
		quoted ^= *p == '"';
		n += !quoted && *p == ',';
	}
	return n;
}

/* A relation of the catalog itself: pg_catalog's tables, information_schema's views. */
static void system_class_row(struct cat_rows *r, uint32_t oid, const char *name, uint32_t ns,
			     char kind, const struct cat_reldef *def)
{
	/* pg_tablespace, pg_database, pg_shdescription, pg_subscription, pg_shseclabel,
	 * pg_authid, pg_auth_members, pg_db_role_setting, pg_parameter_acl */
	bool shared = oid == 1213 || oid == 1262 || oid == 2396 || oid == 6100 || oid == 3592 ||
		      oid == 1260 || oid == 1261 || oid == 2964 || oid == 6243;
	cat_row(r);
	cat_int(r, oid);
	cat_text(r, name);
	cat_int(r, ns);
	cat_int(r, cat_sys_rowtype(oid, false)); /* reltype */
	cat_int(r, 0);
	cat_int(r, OWNER);
	cat_int(r, kind == 'r' ? CAT_AM_HEAP : 0);
	for (int k = 0; k < 2; k++) /* relfilenode, reltablespace */
		cat_int(r, 0);
	cat_int(r, 0);
	cat_int(r, -1);
	cat_int(r, 0);
	cat_int(r, 0);
	cat_bool(r, false);
	cat_bool(r, shared);
	cat_char(r, 'p');
	cat_char(r, kind);
	cat_int(r, def ? declared_columns(def->columns) : 0);
	cat_int(r, 0);
	cat_bool(r, kind == 'v'); /* relhasrules: a view is its _RETURN rule */
	for (int k = 0; k < 4; k++) /* relhastriggers ... relforcerowsecurity */
		cat_bool(r, false);
	cat_bool(r, true);
	cat_char(r, 'n');
	cat_bool(r, false);
	for (int k = 0; k < 3; k++) /* relrewrite, relfrozenxid, relminmxid */
		cat_int(r, 0);
	for (int k = 0; k < 3; k++) /* relacl, reloptions, relpartbound */
		cat_null(r);
}

/* The catalog's own relations, so that clients finding one by name in pg_class find it
 * (pgAdmin: refclassid = (SELECT oid FROM pg_class WHERE relname = 'pg_constraint'), and
 * information_schema is a catalog when its view "tables" is there). pg_catalog's tables have
 * PostgreSQL's OIDs; information_schema's views are numbered from 13001, as initdb numbers
 * them from its own start. Their columns are not in pg_attribute. */
static void catalog_class_rows(struct cat_rows *r)
{
	static const char prefix[] = "information_schema_";
	const char *name;
	uint32_t oid, next = CAT_NS_INFORMATION_SCHEMA + 1;
	for (size_t i = 0; cat_reg_catalog_rel(i, &name, &oid); i++)
		system_class_row(r, oid, name, CAT_NS_PG_CATALOG, 'r', cat_reldef_find(name));
	const struct cat_reldef *def;
	for (size_t i = 0; (def = cat_reldef_at(i)) != NULL; i++) {
		if (strncmp(def->name, prefix, sizeof(prefix) - 1) == 0)
			system_class_row(r, next++, def->name + sizeof(prefix) - 1,
					 CAT_NS_INFORMATION_SCHEMA, 'v', def);
	}
}

/* How many of the catalog's relations are information_schema's views: counted once per
 * process (pg_table_is_visible asks for every row of psql's \d). */
static uint32_t infoschema_views;
static pthread_once_t infoschema_once = PTHREAD_ONCE_INIT;

static void count_infoschema_views(void)
{
	static const char prefix[] = "information_schema_";
	const struct cat_reldef *def;
	for (size_t i = 0; (def = cat_reldef_at(i)) != NULL; i++)
		infoschema_views += strncmp(def->name, prefix, sizeof(prefix) - 1) == 0;
}

bool cat_infoschema_rel_oid(uint32_t oid)
{
	pthread_once(&infoschema_once, count_infoschema_views);
	return oid > CAT_NS_INFORMATION_SCHEMA && oid <= CAT_NS_INFORMATION_SCHEMA + infoschema_views;
}

/* pg_depend's rows for the built-in relations pg_class lists: each information_schema view on
 * its schema ('n'), as initdb records it (pg_catalog's tables are pinned: no rows), and the
 * plpgsql language's membership of its extension ('e'; pg_proc lists none of its handler
 * functions, so neither are theirs). Their columns, row types and rules are not listed, so
 * neither are those dependencies. Clients read the highest objid below 16384 as the last
 * built-in OID (pgModeler, which then leaves plpgsql's extension out of a model as
 * PostgreSQL's initdb objects). */
void cat_infoschema_depends(struct cat_rows *r)
{
	cat_row(r);
	cat_int(r, 2612 /* pg_language */);
	cat_int(r, CAT_PLPGSQL_LANG_OID);
	cat_int(r, 0);
	cat_int(r, 3079 /* pg_extension */);
	cat_int(r, CAT_PLPGSQL_EXT_OID);
	cat_int(r, 0);
	cat_char(r, 'e');
	uint32_t oid = CAT_NS_INFORMATION_SCHEMA + 1;
	while (cat_infoschema_rel_oid(oid)) {
		cat_row(r);
		cat_int(r, 1259 /* pg_class */);
		cat_int(r, oid++);
		cat_int(r, 0);
		cat_int(r, 2615 /* pg_namespace */);
		cat_int(r, CAT_NS_INFORMATION_SCHEMA);
		cat_int(r, 0);
		cat_char(r, 'n');
	}
}

/* A table's storage parameters, kept in its stored text (CATALOG_RELOPT_MARK): the array
 * text from its "{" to its "}", NULL when it has none. */
static const char *table_reloptions(struct arena *a, const struct cat_rel *rel)
{
	const char *m = rel->kind == 'r' && rel->sql ? strstr(rel->sql, CATALOG_RELOPT_MARK) : NULL;
	const char *end = m ? strchr(m, '}') : NULL;
	if (!end)
		return NULL;
	m += strlen(CATALOG_RELOPT_MARK);
	return arena_strndup(a, m, (size_t)(end - m + 1));
}

static bool fill_class(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		cat_row(r);
		cat_int(r, rel->oid);
		cat_text(r, cat_nsp_bare(m, rel->name));
		cat_int(r, cat_nsp_rel_oid(cc, m, rel));
		cat_int(r, cat_rowtype_oid(rel, false)); /* reltype */
		cat_int(r, 0);
		cat_int(r, OWNER);
		cat_int(r, rel->kind == 'r' && !rel->part_key ? CAT_AM_HEAP
			   : rel->kind == 'i'		     ? rel->index->am
							     : 0);
		cat_int(r, rel->kind == 'v' || rel->kind == 'c' || rel->part_key ? 0 : rel->oid);
		cat_int(r, 0);
		cat_int(r, 0);
		cat_int(r, -1); /* reltuples: never analyzed */
		cat_int(r, 0);
		cat_int(r, 0);
		cat_bool(r, rel->kind == 'r' && has_index(m, rel));
		cat_bool(r, false);
		cat_char(r, rel->temp ? 't' : 'p');
		cat_char(r, rel->matview	? 'm'
			    : rel->part_key ? 'p'
			    : rel->kind == 'i' && rel->index && rel->index->table &&
					rel->index->table->part_key
				    ? 'I' /* a partitioned table's index */
				    : rel->kind);
		cat_int(r, rel->ncols);
		cat_int(r, nchecks(m, rel));
		/* a view is a rule in PostgreSQL, and so is a materialized view's query */
		cat_bool(r, rel->kind == 'v' || rel->matview);
		cat_bool(r, fk_triggers(m, rel));
		cat_bool(r, false);
		bool rls = false, force = false; /* ALTER TABLE ... ENABLE/FORCE ROW LEVEL SECURITY */
		if (rel->kind == 'r' && !rel->temp)
			cat_rls_flags(cc, rel->name, &rls, &force);
		cat_bool(r, rls);
		cat_bool(r, force);
		cat_bool(r, !rel->matview || rel->populated); /* relispopulated */
		cat_char(r, rel->kind == 'r' ? 'd' : 'n');
		/* relispartition: a partition, or a partition's index attached to its parent's */
		cat_bool(r, rel->part_parent != NULL ||
				    (rel->kind == 'i' && rel->index && rel->index->parent));
		cat_int(r, 0);
		cat_int(r, 0);
		cat_int(r, 0);
		const char *acl = rel->kind == 'i' ? NULL : cat_grant_acl(cc, rel->name, r->a);
		if (acl) /* relacl: what GRANT and REVOKE made it, else NULL (the default) */
			cat_text(r, acl);
		else
			cat_null(r);
		const char *check = rel->kind == 'v' ? cat_view_check_option(rel) : NULL;
		cat_text(r, rel->kind == 'i' ? cat_index_reloptions(r->a, rel->index, false)
			    : check          ? arena_printf(r->a, "{check_option=%s}", check)
					     : table_reloptions(r->a, rel));
		/* relpartbound: the text pg_get_expr prints */
		cat_text(r, cat_partdate_bound_text(cc, m, rel, r->a));
	}
	catalog_class_rows(r);
	return true;
}

/* Storage facts PostgreSQL keeps per type, derived from its length. */
static char type_align(const struct pgtype_info *ti)
{
	if (!ti)
		return 'i';
	uint32_t sub = pgtype_range_subtype(ti->category == 'A' ? ti->elem_oid : ti->oid);
	if (sub) /* a range (and its array) aligns as its subtype */
		return type_align(pgtype_by_oid(sub));
	if (ti->category == 'A' && ti->elem_oid) /* an array as its elements (_money, _int8: d) */
		return type_align(pgtype_by_oid(ti->elem_oid));
	switch (ti->typlen) {
	case 1:
	case 64:
		return 'c';
	case 2:
		return 's';
	case 8:
		return 'd';
	default:
		return 'i';
	}
}

static char type_storage(const struct pgtype_info *ti)
{
	if (!ti || ti->typlen != -1)
		return 'p';
	return ti->oid == PGTYPE_NUMERIC ? 'm' : 'x';
}

static bool type_byval(const struct pgtype_info *ti)
{
	return ti && (ti->typlen == 1 || ti->typlen == 2 || ti->typlen == 4 || ti->typlen == 8);
}

static uint32_t type_collation(uint32_t oid)
{
	const struct pgtype_info *ti = pgtype_by_oid(oid);
	if (ti && ti->elem_oid)
		oid = ti->elem_oid;
	if (oid == PGTYPE_NAME)
		return CAT_COLL_C;
	return oid == PGTYPE_TEXT || oid == PGTYPE_VARCHAR || oid == PGTYPE_BPCHAR
		       ? CAT_COLL_DEFAULT
		       : 0;
}

/* A column's collation: its COLLATE "C", else its type's. */
static uint32_t col_collation(const struct cat_col *c)
{
	return c->collation ? c->collation : type_collation(c->typoid);
}

static void attribute(struct cat_rows *r, const struct cat_model *m, const struct cat_rel *rel,
		      int i)
{
	const struct cat_col *c = &rel->cols[i];
	const struct pgtype_info *ti = pgtype_by_oid(c->typoid);
	bool array = false; /* an enum is 4 bytes by value; an array of it is stored extended */
	bool is_enum = !ti && cat_model_enum_oid(m, c->typoid, &array);
	/* a row type (a composite type's, a relation's) is stored extended, aligned as a double */
	bool is_row = !ti && !is_enum && cat_model_rowtype_rel(m, c->typoid, &array);
	cat_row(r);
	cat_int(r, rel->oid);
	cat_text(r, c->name);
	/* a domain's column: the domain (whose typtypmod is the base type's modifier) */
	cat_int(r, c->domain ? c->domain->oid : c->typoid);
	cat_int(r, -1);
	cat_int(r, ti ? ti->typlen : is_enum && !array ? 4 : -1);
	cat_int(r, i + 1);
	cat_int(r, c->ndims);
	cat_int(r, -1);
	cat_int(r, c->domain ? -1 : c->typmod);
	cat_bool(r, type_byval(ti) || (is_enum && !array));
	cat_char(r, is_row ? 'd' : type_align(ti));
	cat_char(r, (is_enum && array) || is_row ? 'x' : type_storage(ti));
	cat_char(r, '\0');
	cat_bool(r, c->notnull);
	cat_bool(r, c->dflt != NULL);
	cat_bool(r, false);
	cat_char(r, c->identity);
	cat_char(r, c->generated);
	cat_bool(r, false);
	cat_bool(r, true);
	cat_int(r, 0);
	cat_int(r, col_collation(c));
	cat_null(r);
	cat_null(r);
	cat_null(r);
	cat_null(r);
}

static bool fill_attribute(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		for (int k = 0; k < m->rels[i]->ncols; k++)
			attribute(r, m, m->rels[i], k);
	}
	return true;
}

static bool fill_attrdef(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		for (int k = 0; k < m->rels[i]->ncols; k++) {
			const struct cat_col *c = &m->rels[i]->cols[k];
			if (!c->dflt)
				continue;
			cat_row(r);
			cat_int(r, c->dflt_oid);
			cat_int(r, m->rels[i]->oid);
			cat_int(r, k + 1);
			cat_text(r, c->dflt);
		}
	}
	return true;
}

/* An int2vector/oidvector text: numbers separated by blanks. */
static const char *vector(struct arena *a, const int16_t *v, int n, bool zeros)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%d", i ? " " : "", zeros ? 0 : v[i]);
	const char *s = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return s;
}

/* An int2[] text: {1,2}. */
static const char *int2_array(struct arena *a, const int16_t *v, int n)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (int i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%d", i ? "," : "", v[i]);
	strbuf_putc(&sb, '}');
	const char *s = arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return s;
}

/* indcollation ('l'), indclass ('c') or indoption ('o') of an index: per key, its column's
 * collation, its operator class, and its order (bit 1 DESC, bit 2 NULLS FIRST). */
static const char *key_vector(const struct cat_model *m, struct arena *a,
			      const struct cat_index *ix, char what)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int k = 0; k < ix->nkeyatts; k++) { /* key columns only, not INCLUDE's */
		bool col = ix->keys[k] > 0 && ix->keys[k] <= ix->table->ncols;
		uint32_t v = what == 'c'   ? cat_index_key_opclass(m, ix, k)
			     : what == 'o' ? (ix->desc && ix->desc[k] ? 1u : 0u) |
						     (cat_index_key_nulls_first(ix, k) ? 2u : 0u)
			     : col ? col_collation(&ix->table->cols[ix->keys[k] - 1])
				   : 0;
		strbuf_printf(&sb, "%s%u", k ? " " : "", v);
	}
	const char *s = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return s;
}

static bool fill_index(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		bool has_expr = false;
		for (int k = 0; k < ix->nkeys; k++)
			has_expr |= ix->keys[k] == 0;
		cat_row(r);
		cat_int(r, ix->rel->oid);
		cat_int(r, ix->table->oid);
		cat_int(r, ix->nkeys);
		cat_int(r, ix->nkeyatts);
		cat_bool(r, ix->unique);
		cat_bool(r, ix->nulls_not_distinct);
		cat_bool(r, ix->primary);
		cat_bool(r, ix->exclops != NULL);
		cat_bool(r, !ix->deferrable);
		cat_bool(r, false);
		cat_bool(r, true);
		cat_bool(r, false);
		cat_bool(r, true);
		cat_bool(r, true);
		cat_bool(r, false);
		cat_text(r, vector(r->a, ix->keys, ix->nkeys, false));
		cat_text(r, key_vector(m, r->a, ix, 'l'));
		cat_text(r, key_vector(m, r->a, ix, 'c'));
		cat_text(r, key_vector(m, r->a, ix, 'o'));
		cat_text(r, has_expr ? cat_index_cols(m, ix) : NULL);
		cat_text(r, ix->pred);
	}
	return true;
}

/* The columns every pg_constraint row starts with, up to and including confmatchtype;
 * condeferrable and condeferred a foreign key's DEFERRABLE [INITIALLY DEFERRED], convalidated
 * false for a NOT VALID one; parent: conparentid (a partition's copy of a partitioned
 * table's key, catalog_partinh.c), 0. */
static void con_head_deferral(struct cat_conn *cc, struct cat_rows *r, uint32_t oid,
			      const char *name, char type, uint32_t rel, uint32_t index,
			      uint32_t parent, uint32_t frel, bool deferrable, bool deferred,
			      bool valid)
{
	/* a constraint of a local schema's table "s.t" is stored as "s.name" when derived:
	 * shown as name, in schema s (catalog_nsp.c) */
	const struct cat_model *m = cc->have_model ? &cc->model : NULL; /* the one being listed */
	const struct cat_rel *t = m ? cat_model_rel_oid(m, rel) : NULL; /* its schema's (temp) */
	cat_row(r);
	cat_int(r, oid);
	cat_text(r, m ? cat_nsp_bare(m, name) : name);
	cat_int(r, m && t ? cat_nsp_rel_oid(cc, m, t) : cat_conn_own_nsp(cc));
	cat_char(r, type);
	cat_bool(r, deferrable);
	cat_bool(r, deferred);
	cat_bool(r, valid);
	cat_int(r, rel);
	cat_int(r, 0);
	cat_int(r, index);
	cat_int(r, parent);
	cat_int(r, frel);
}

/* ... of a constraint that is not deferrable */
static void con_head(struct cat_conn *cc, struct cat_rows *r, uint32_t oid, const char *name,
		     char type, uint32_t rel, uint32_t index, uint32_t frel, bool valid)
{
	con_head_deferral(cc, r, oid, name, type, rel, index, 0, frel, false, false, valid);
}

/* noinherit: connoinherit, which PostgreSQL sets for a key or foreign key of a table that is
 * not a partition (a CHECK is inherited); eqops: a foreign key's three operator arrays;
 * inherited: a partition's copy of its parent's (conislocal false, coninhcount 1). */
static void con_tail_inh(struct cat_rows *r, bool noinherit, bool inherited, const char *key,
			 const char *fkey, const char *const *eqops, const char *delset,
			 const char *excl, const char *bin)
{
	cat_bool(r, !inherited);
	cat_int(r, inherited);
	cat_bool(r, noinherit);
	cat_text(r, key);
	cat_text(r, fkey);
	for (int w = 0; w < 3; w++)
		cat_text(r, eqops ? eqops[w] : NULL);
	cat_text(r, delset);
	cat_text(r, excl);
	cat_text(r, bin);
}

static void con_tail(struct cat_rows *r, bool noinherit, const char *key, const char *excl,
		     const char *bin)
{
	con_tail_inh(r, noinherit, false, key, NULL, NULL, NULL, excl, bin);
}

uint32_t cat_fkey_index(const struct cat_model *m, const struct cat_fkey *f)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (!ix->unique || strcasecmp(ix->table->name, f->reftable) != 0 ||
		    ix->nkeys != f->ncols || ix->table->temp != f->table->temp)
			continue;
		bool same = true; /* the referenced columns in any order, as PostgreSQL finds it */
		for (int k = 0; k < f->ncols && same; k++) {
			bool found = false;
			for (int j = 0; j < ix->nkeys && !found; j++)
				found = ix->keys[j] == f->to[k];
			same = found;
		}
		if (same)
			return ix->rel->oid;
	}
	return 0;
}

static bool fill_constraint(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (!ix->conname)
			continue;
		uint32_t parent = ix->parent && ix->parent->conname ? ix->parent->conoid : 0;
		con_head_deferral(cc, r, ix->conoid, ix->conname,
				  ix->primary ? 'p' : ix->exclops ? 'x' : 'u', ix->table->oid,
				  ix->rel->oid, parent, 0, ix->deferrable, ix->initdeferred, true);
		cat_char(r, ' ');
		cat_char(r, ' ');
		cat_char(r, ' ');
		con_tail_inh(r, !ix->table->part_parent, parent != 0,
			     int2_array(r->a, ix->keys, ix->nkeyatts), NULL, NULL, NULL,
			     ix->exclops ? cat_exclude_opers(m, r->a, ix) : NULL, NULL);
	}
	for (size_t i = 0; i < m->nfks; i++) {
		const struct cat_fkey *f = m->fks[i];
		/* a key references a table of its own table's schema (a temporary table's
		 * another temporary one), not one of that name hiding it */
		const struct cat_rel *rt = cat_model_rel_in(m, f->reftable, f->table->temp);
		con_head_deferral(cc, r, f->oid, f->name, 'f', f->table->oid, cat_fkey_index(m, f),
				  f->parent ? f->parent->oid : 0, rt ? rt->oid : 0, f->deferrable, f->deferred, !f->not_valid);
		cat_char(r, f->upd);
		cat_char(r, f->del);
		cat_char(r, f->match);
		const char *eqops[3] = {NULL, NULL, NULL};
		(void)cat_fkey_eqops(m, r->a, f, eqops);
		/* connoinherit: false for a partitioned table's and a partition's */
		con_tail_inh(r, !f->table->part_parent && !f->table->part_key && !f->parent,
			     f->parent != NULL, int2_array(r->a, f->from, f->ncols),
				int2_array(r->a, f->to, f->ncols), eqops,
				f->ndelset ? int2_array(r->a, f->delset, f->ndelset) : NULL, NULL,
				NULL);
	}
	for (size_t i = 0; i < m->nchecks; i++) {
		const struct cat_check *ck = m->checks[i];
		int16_t keys[64];
		int n = 0;
		for (int k = 0; k < ck->table->ncols && n < 64; k++) {
			if (cat_scan_mentions(ck->expr, ck->table->cols[k].name))
				keys[n++] = (int16_t)(k + 1);
		}
		con_head(cc, r, ck->oid, ck->name, 'c', ck->table->oid, 0, 0, !ck->not_valid);
		cat_char(r, ' ');
		cat_char(r, ' ');
		cat_char(r, ' ');
		/* the stored text (the rebuilds find the CHECK by it); pg_get_expr prints it */
		con_tail(r, false, int2_array(r->a, keys, n), NULL, ck->expr);
	}
	for (size_t i = 0; i < m->ntriggers; i++) { /* CREATE CONSTRAINT TRIGGER's */
		const struct cat_trigger *g = m->triggers[i];
		if (!g->constraint)
			continue;
		cat_row(r);
		cat_int(r, cat_trigger_conoid(g));
		cat_text(r, g->name);
		cat_int(r, cat_conn_own_nsp(cc));
		cat_char(r, 't');
		cat_bool(r, g->deferrable);
		cat_bool(r, g->initdeferred);
		cat_bool(r, true);
		cat_int(r, g->table->oid);
		for (int k = 0; k < 4; k++)
			cat_int(r, 0); /* contypid, conindid, conparentid, confrelid */
		cat_char(r, ' ');
		cat_char(r, ' ');
		cat_char(r, ' ');
		cat_bool(r, true);
		cat_int(r, 0);
		cat_bool(r, true); /* connoinherit, as PostgreSQL makes it */
		for (int k = 0; k < 8; k++)
			cat_null(r); /* conkey ... conbin */
	}
	cat_domain_constraint_rows(cc, m, r);
	return true;
}

/* A domain's CHECK constraint: no relation, contypid the domain's. */
void cat_domain_con_put(struct cat_conn *cc, struct cat_rows *r, uint32_t oid, const char *name,
			uint32_t domain, const char *expr, bool validated)
{
	cat_row(r);
	cat_int(r, oid);
	cat_text(r, name);
	cat_int(r, cat_conn_own_nsp(cc));
	cat_char(r, 'c');
	cat_bool(r, false);
	cat_bool(r, false);
	cat_bool(r, validated);
	cat_int(r, 0);
	cat_int(r, domain);
	cat_int(r, 0);
	cat_int(r, 0);
	cat_int(r, 0);
	cat_char(r, ' ');
	cat_char(r, ' ');
	cat_char(r, ' ');
	cat_bool(r, true); /* conislocal */
	cat_int(r, 0);
	cat_bool(r, false);
	cat_null(r); /* conkey */
	cat_null(r);
	cat_null(r);
	cat_null(r);
	cat_null(r);
	cat_null(r);
	cat_null(r);
	cat_text(r, expr);
}

/* PostgreSQL's pg_type names of the built-in type's functions (generated). */
static const struct cat_typeio *typeio(uint32_t oid)
{
	size_t lo = 0, hi = 0;
	const struct cat_typeio *v = cat_typeios(&hi);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].oid == oid)
			return &v[mid];
		if (v[mid].oid < oid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bool preferred(uint32_t oid)
{
	return oid == PGTYPE_BOOL || oid == PGTYPE_TEXT || oid == PGTYPE_OID ||
	       oid == PGTYPE_FLOAT8 || oid == PGTYPE_TIMESTAMPTZ || oid == PGTYPE_INTERVAL ||
	       oid == PGTYPE_VARBIT;
}

void cat_type_put(struct cat_rows *r, const struct cat_type_row *t)
{
	cat_row(r);
	cat_int(r, t->oid);
	cat_text(r, t->name);
	cat_int(r, t->nsp);
	cat_int(r, OWNER);
	cat_int(r, t->len);
	cat_bool(r, t->byval);
	cat_char(r, t->type);
	cat_char(r, t->category);
	cat_bool(r, t->preferred);
	cat_bool(r, true); /* typisdefined */
	cat_char(r, ',');
	cat_int(r, t->relid);
	cat_text(r, t->subscript);
	cat_int(r, t->elem);
	cat_int(r, t->array);
	cat_text(r, t->in);
	cat_text(r, t->out);
	cat_text(r, t->recv);
	cat_text(r, t->send);
	cat_text(r, t->modin ? t->modin : "-");
	cat_text(r, t->modout ? t->modout : "-");
	cat_text(r, t->analyze);
	cat_char(r, t->align);
	cat_char(r, t->storage);
	cat_bool(r, t->notnull);
	cat_int(r, t->basetype);
	cat_int(r, t->basetype ? t->typmod : -1);
	cat_int(r, 0); /* typndims */
	cat_int(r, t->collation);
	cat_text(r, t->dflt); /* typdefaultbin: the same text, which pg_get_expr prints */
	cat_text(r, t->dflt);
	cat_null(r);
}

/* pg_type.typtype: pseudo, range, multirange (both of category 'R'), or base. */
static char type_kind(const struct pgtype_info *ti)
{
	if (ti->category == 'P' || ti->oid == PGTYPE_UNKNOWN)
		return 'p';
	if (ti->category == 'R')
		return strstr(ti->name, "multirange") ? 'm' : 'r';
	return 'b';
}

static void type_row(struct cat_rows *r, const struct pgtype_info *ti)
{
	const struct cat_typeio *io = typeio(ti->oid);
	ASSERT(io); /* scripts/gen-catalog-proc lists every type pgtype knows */
	cat_type_put(r, &(struct cat_type_row){
				.oid = ti->oid,
				.name = ti->name,
				.nsp = CAT_NS_PG_CATALOG,
				.len = ti->typlen,
				.byval = type_byval(ti),
				.type = type_kind(ti),
				.category = ti->category,
				.preferred = preferred(ti->oid),
				.subscript = ti->category == 'A' ? "array_subscript_handler" : "-",
				.elem = ti->elem_oid,
				.array = ti->array_oid,
				.in = io->in,
				.out = io->out,
				.recv = io->recv,
				.send = io->send,
				.modin = io->modin,
				.modout = io->modout,
				.analyze = io->analyze,
				.align = type_align(ti),
				.storage = type_storage(ti),
				.collation = type_collation(ti->oid)});
}

/* A domain's array type (_d): aligned as its elements need, collated as they are. */
static void domain_array_type_put(struct cat_rows *r, const struct cat_domain *d, uint32_t nsp,
				  char align, uint32_t coll)
{
	cat_type_put(r, &(struct cat_type_row){.oid = d->array_oid,
					       .name = arena_printf(r->a, "_%s", d->name),
					       .nsp = nsp,
					       .len = -1,
					       .type = 'b',
					       .category = 'A',
					       .subscript = "array_subscript_handler",
					       .elem = d->oid,
					       .in = "array_in",
					       .out = "array_out",
					       .recv = "array_recv",
					       .send = "array_send",
					       .analyze = "array_typanalyze",
					       .align = align,
					       .storage = 'x',
					       .collation = coll});
}

/* A domain over an enum: the enum's storage and output (catalog_enum.c's row). */
static void enum_domain_type_put(struct cat_rows *r, const struct cat_domain *d, uint32_t nsp)
{
	cat_type_put(r, &(struct cat_type_row){.oid = d->oid,
					       .name = d->name,
					       .nsp = nsp,
					       .len = 4,
					       .byval = true,
					       .type = 'd',
					       .category = 'E',
					       .subscript = "-",
					       .array = d->array_oid,
					       .in = "domain_in",
					       .out = "enum_out",
					       .recv = "domain_recv",
					       .send = "enum_send",
					       .analyze = "-",
					       .align = 'i',
					       .storage = 'p',
					       .basetype = d->parent ? d->parent->oid : d->over_enum->oid,
					       .typmod = -1,
					       .notnull = d->notnull,
					       .dflt = d->dflt});
	domain_array_type_put(r, d, nsp, 'i', 0);
}

void cat_domain_type_put(struct cat_rows *r, const struct cat_domain *d, uint32_t nsp)
{
	if (d->over_enum) {
		enum_domain_type_put(r, d, nsp);
		return;
	}
	const struct pgtype_info *ti = pgtype_by_oid(d->base_oid);
	const struct cat_typeio *io = ti ? typeio(ti->oid) : NULL;
	if (!ti || !io)
		return;
	uint32_t coll = type_collation(ti->oid);
	cat_type_put(r, &(struct cat_type_row){.oid = d->oid,
					       .name = d->name,
					       .nsp = nsp,
					       .len = ti->typlen,
					       .byval = type_byval(ti),
					       .type = 'd',
					       .category = ti->category,
					       .subscript = "-",
					       .array = d->array_oid,
					       .in = "domain_in",
					       .out = io->out,
					       .recv = "domain_recv",
					       .send = io->send,
					       .analyze = "-",
					       .align = type_align(ti),
					       .storage = type_storage(ti),
					       .collation = coll,
					       .basetype = d->parent ? d->parent->oid : ti->oid,
					       .typmod = d->parent ? -1 : d->base_typmod,
					       .notnull = d->notnull,
					       .dflt = d->dflt});
	domain_array_type_put(r, d, nsp, type_align(ti) == 'd' ? 'd' : 'i', coll);
}

static bool fill_type(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n = 0;
	const struct pgtype_info *all = pgtype_all(&n);
	for (size_t i = 0; i < n; i++)
		type_row(r, &all[i]);
	cat_enum_type_rows(m, r, cat_conn_own_nsp(cc));
	cat_domain_type_rows(m, r, cat_conn_own_nsp(cc));
	cat_rowtype_rows(m, r, cat_conn_own_nsp(cc));
	cat_sys_rowtype_rows(r);
	cat_ext_type_rows(cc, r);
	return true;
}

static const struct cat_reldef defs[] = {
	{"pg_am", "oid oid, amname name, amhandler regproc, amtype pg_char", cat_fill_am},
	{"pg_attrdef", "oid oid, adrelid oid, adnum int2, adbin pg_node_tree", fill_attrdef},
	{"pg_attribute",
	 "attrelid oid, attname name, atttypid oid, attstattarget int4, attlen int2, attnum int2, "
	 "attndims int4, attcacheoff int4, atttypmod int4, attbyval bool, attalign pg_char, "
	 "attstorage pg_char, attcompression pg_char, attnotnull bool, atthasdef bool, "
	 "atthasmissing bool, attidentity pg_char, attgenerated pg_char, attisdropped bool, "
	 "attislocal bool, attinhcount int4, attcollation oid, attacl \"aclitem[]\", "
	 "attoptions \"text[]\", attfdwoptions \"text[]\", attmissingval text",
	 fill_attribute},
	{"pg_auth_members", "roleid oid, member oid, grantor oid, admin_option bool", fill_empty},
	{"pg_class",
	 "oid oid, relname name, relnamespace oid, reltype oid, reloftype oid, relowner oid, "
	 "relam oid, relfilenode oid, reltablespace oid, relpages int4, reltuples float4, "
	 "relallvisible int4, reltoastrelid oid, relhasindex bool, relisshared bool, "
	 "relpersistence pg_char, relkind pg_char, relnatts int2, relchecks int2, "
	 "relhasrules bool, relhastriggers bool, relhassubclass bool, relrowsecurity bool, "
	 "relforcerowsecurity bool, relispopulated bool, relreplident pg_char, "
	 "relispartition bool, relrewrite oid, relfrozenxid xid, relminmxid xid, "
	 "relacl \"aclitem[]\", reloptions \"text[]\", relpartbound pg_node_tree",
	 fill_class},
	{"pg_collation",
	 "oid oid, collname name, collnamespace oid, collowner oid, collprovider pg_char, "
	 "collisdeterministic bool, collencoding int4, collcollate text, collctype text, "
	 "colliculocale text, collversion text",
	 cat_fill_collation},
	{"pg_constraint",
	 "oid oid, conname name, connamespace oid, contype pg_char, condeferrable bool, "
	 "condeferred bool, convalidated bool, conrelid oid, contypid oid, conindid oid, "
	 "conparentid oid, confrelid oid, confupdtype pg_char, confdeltype pg_char, "
	 "confmatchtype pg_char, conislocal bool, coninhcount int4, connoinherit bool, "
	 "conkey \"int2[]\", confkey \"int2[]\", conpfeqop \"oid[]\", conppeqop \"oid[]\", "
	 "conffeqop \"oid[]\", confdelsetcols \"int2[]\", conexclop \"oid[]\", conbin pg_node_tree",
	 fill_constraint},
	{"pg_database",
	 "oid oid, datname name, datdba oid, encoding int4, datlocprovider pg_char, "
	 "datistemplate bool, datallowconn bool, datconnlimit int4, datfrozenxid xid, "
	 "datminmxid xid, dattablespace oid, datcollate text, datctype text, daticulocale text, "
	 "datcollversion text, datacl \"aclitem[]\"",
	 cat_fill_database},
	/* a view in PostgreSQL: the extensions installable, here the built-in ones */
	{"pg_available_extensions",
	 "name name, default_version text, installed_version text, comment text",
	 cat_fill_available_extensions},
	{"pg_extension",
	 "oid oid, extname name, extowner oid, extnamespace oid, extrelocatable bool, "
	 "extversion text, extconfig \"oid[]\", extcondition \"text[]\"",
	 cat_fill_extension},
	{"pg_index",
	 "indexrelid oid, indrelid oid, indnatts int2, indnkeyatts int2, indisunique bool, "
	 "indnullsnotdistinct bool, indisprimary bool, indisexclusion bool, indimmediate bool, "
	 "indisclustered bool, indisvalid bool, indcheckxmin bool, indisready bool, "
	 "indislive bool, indisreplident bool, indkey int2vector, indcollation oidvector, "
	 "indclass oidvector, indoption int2vector, indexprs pg_node_tree, indpred pg_node_tree",
	 fill_index},
	{"pg_inherits", "inhrelid oid, inhparent oid, inhseqno int4, inhdetachpending bool",
	 cat_fill_inherits},
	{"pg_language",
	 "oid oid, lanname name, lanowner oid, lanispl bool, lanpltrusted bool, "
	 "lanplcallfoid oid, laninline oid, lanvalidator oid, lanacl \"aclitem[]\"",
	 cat_fill_language},
	{"pg_namespace", "oid oid, nspname name, nspowner oid, nspacl \"aclitem[]\"",
	 cat_fill_namespace},
	{"pg_partitioned_table",
	 "partrelid oid, partstrat pg_char, partnatts int2, partdefid oid, partattrs int2vector, "
	 "partclass oidvector, partcollation oidvector, partexprs pg_node_tree",
	 cat_fill_partitioned},
	/* a view over pg_policy in PostgreSQL (drizzle-kit's introspection reads it) */
	{"pg_policies",
	 "schemaname name, tablename name, policyname name, permissive text, roles \"name[]\", "
	 "cmd text, qual text, with_check text",
	 cat_fill_policies},
	{"pg_policy",
	 "oid oid, polname name, polrelid oid, polcmd pg_char, polpermissive bool, "
	 "polroles \"oid[]\", polqual pg_node_tree, polwithcheck pg_node_tree",
	 cat_fill_policy},
	{"pg_proc",
	 "oid oid, proname name, pronamespace oid, proowner oid, prolang oid, procost float4, "
	 "prorows float4, provariadic oid, prosupport regproc, prokind pg_char, prosecdef bool, "
	 "proleakproof bool, proisstrict bool, proretset bool, provolatile pg_char, "
	 "proparallel pg_char, pronargs int2, pronargdefaults int2, prorettype oid, "
	 "proargtypes oidvector, proallargtypes \"oid[]\", proargmodes \"pg_char[]\", "
	 "proargnames \"text[]\", proargdefaults pg_node_tree, protrftypes \"oid[]\", "
	 "prosrc text, probin text, prosqlbody pg_node_tree, proconfig \"text[]\", "
	 "proacl \"aclitem[]\"",
	 cat_fill_proc},
	{"pg_publication",
	 "oid oid, pubname name, pubowner oid, puballtables bool, pubinsert bool, "
	 "pubupdate bool, pubdelete bool, pubtruncate bool, pubviaroot bool",
	 fill_empty},
	{"pg_publication_namespace", "oid oid, pnpubid oid, pnnspid oid", fill_empty},
	{"pg_publication_rel",
	 "oid oid, prpubid oid, prrelid oid, prqual pg_node_tree, prattrs int2vector", fill_empty},
	{"pg_rewrite",
	 "oid oid, rulename name, ev_class oid, ev_type pg_char, ev_enabled pg_char, "
	 "is_instead bool, ev_qual pg_node_tree, ev_action pg_node_tree",
	 cat_fill_rewrite},
	{"pg_roles",
	 "rolname name, rolsuper bool, rolinherit bool, rolcreaterole bool, rolcreatedb bool, "
	 "rolcanlogin bool, rolreplication bool, rolconnlimit int4, rolpassword text, "
	 "rolvaliduntil timestamptz, rolbypassrls bool, rolconfig \"text[]\", oid oid",
	 cat_fill_roles},
	/* comments on databases and roles: COMMENT ON DATABASE/ROLE is not supported */
	{"pg_shdescription", "objoid oid, classoid oid, description text", fill_empty},
	{"pg_statistic_ext",
	 "oid oid, stxrelid oid, stxname name, stxnamespace oid, stxowner oid, "
	 "stxstattarget int4, stxkeys int2vector, stxkind \"pg_char[]\", stxexprs pg_node_tree",
	 fill_empty},
	{"pg_tablespace",
	 "oid oid, spcname name, spcowner oid, spcacl \"aclitem[]\", spcoptions \"text[]\"",
	 cat_fill_tablespace},
	{"pg_type",
	 "oid oid, typname name, typnamespace oid, typowner oid, typlen int2, typbyval bool, "
	 "typtype pg_char, typcategory pg_char, typispreferred bool, typisdefined bool, "
	 "typdelim pg_char, typrelid oid, typsubscript regproc, typelem oid, typarray oid, "
	 "typinput regproc, typoutput regproc, typreceive regproc, typsend regproc, "
	 "typmodin regproc, typmodout regproc, typanalyze regproc, typalign pg_char, "
	 "typstorage pg_char, typnotnull bool, typbasetype oid, typtypmod int4, typndims int4, "
	 "typcollation oid, typdefaultbin pg_node_tree, typdefault text, typacl \"aclitem[]\"",
	 fill_type},
};

const struct cat_reldef *cat_reldefs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
