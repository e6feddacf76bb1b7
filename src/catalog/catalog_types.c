/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_types.c: the tenant's column types as the translator needs them (xlat_schema) — the
 * declared PostgreSQL type of each column of each table and view (and each attribute of each
 * composite type), and a fingerprint of all of them. Served from the same per-connection
 * model as pg_catalog, reloaded when the schema changes. */
#include "catalog_int.h"

#include <string.h>

#include "pgtype.h"

#define TYPES_PTR_TYPE "shardlite_catalog_types"

/* A request handed to the SQL function through a bound pointer: every relation's columns,
 * copied into an arena, and the fingerprint. */
struct types_req {
	struct arena *a;
	uint64_t fingerprint;
	struct catalog_relation *rels;
	size_t nrels;
	struct catalog_enum *enums;
	size_t nenums;
	struct catalog_domain *domains; /* ends with a NULL name */
	bool ok;
};

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	return h;
}

/* Equal for two schemas exactly when every relation has the same columns with the same
 * types: what a translation may depend on. Never 0 (0 means "no schema" to xlat). */
static uint64_t fingerprint(const struct cat_model *m)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *r = m->rels[i];
		if (r->kind != 'r' && r->kind != 'v' && r->kind != 'c')
			continue;
		h = fnv(h, r->name, strlen(r->name) + 1);
		h = fnv(h, &r->kind, 1);
		h = fnv(h, r->matview && !r->populated ? "u" : "", 1); /* reading it is 55000 */
		h = fnv(h, r->matview ? "m" : "", 1);                   /* writing it is 42809 */
		h = fnv(h,
			r->part_key && r->part_parent ? "s"
			: r->part_key                 ? "p"
			: r->part_parent              ? "c"
						      : "",
			1); /* partitioning */
		for (int k = 0; k < r->ncols; k++) {
			const struct cat_col *c = &r->cols[k];
			h = fnv(h, c->name, strlen(c->name) + 1);
			h = fnv(h, &c->typoid, sizeof(c->typoid));
			h = fnv(h, &c->typmod, sizeof(c->typmod));
			h = fnv(h, &c->display_typmod, sizeof(c->display_typmod));
			h = fnv(h, &c->identity, 1);
			/* the sequence an insert numbers in (its name survives renames) */
			h = fnv(h, c->rowid_seq ? c->rowid_seq : "",
				c->rowid_seq ? strlen(c->rowid_seq) + 1 : 1);
			h = fnv(h, &c->pk, sizeof(c->pk));
			h = fnv(h, &c->rowid_key, 1); /* NULLs into it are refused (23502) */
			h = fnv(h, &c->text_affinity, 1); /* a LIKE's index range (xlat_pred.c) */
			/* INSERT ... VALUES (DEFAULT), (1) writes the default into its translation */
			h = fnv(h, c->dflt_sql ? c->dflt_sql : "",
				c->dflt_sql ? strlen(c->dflt_sql) + 1 : 1);
		}
	}
	for (size_t i = 0; i < m->nidx; i++) { /* ON CONFLICT ON CONSTRAINT names them */
		const struct cat_index *ix = m->idx[i];
		if (!ix->conname && !ix->unique)
			continue;
		h = fnv(h, ix->table->name, strlen(ix->table->name) + 1);
		h = fnv(h, ix->conname ? ix->conname : ix->rel->name,
			strlen(ix->conname ? ix->conname : ix->rel->name) + 1);
		h = fnv(h, ix->keys, (size_t)ix->nkeys * sizeof(*ix->keys));
		for (int k = 0; k < ix->nkeyatts; k++) { /* ON CONFLICT (col opclass) reads them */
			uint32_t oc = cat_index_key_opclass(m, ix, k);
			h = fnv(h, &oc, sizeof(oc));
		}
	}
	for (size_t i = 0; i < m->nfks + m->nchecks; i++) { /* ... and 42809 for these */
		const char *name = i < m->nfks ? m->fks[i]->name : m->checks[i - m->nfks]->name;
		const struct cat_rel *t = i < m->nfks ? m->fks[i]->table : m->checks[i - m->nfks]->table;
		h = fnv(h, t->name, strlen(t->name) + 1);
		h = fnv(h, name ? name : "", name ? strlen(name) + 1 : 1);
	}
	for (size_t i = 0; i < m->nenums; i++) { /* labels: their checks and order are emitted */
		const struct cat_enum *e = m->enums[i];
		h = fnv(h, e->name, strlen(e->name) + 1);
		for (size_t k = 0; k < e->n; k++)
			h = fnv(h, e->labels[k], strlen(e->labels[k]) + 1);
		h = fnv(h, "", 1);
	}
	for (size_t i = 0; i < m->ndomains; i++) { /* casts and columns write their checks */
		const struct cat_domain *d = m->domains[i];
		const char *parts[] = {d->name, d->base ? d->base : "", d->notnull ? "n" : "",
				       d->dflt ? d->dflt : ""};
		for (size_t k = 0; k < ARRAY_LEN(parts); k++)
			h = fnv(h, parts[k], strlen(parts[k]) + 1);
		h = fnv(h, d->dflt ? "d" : "", 1);
		for (size_t k = 0; k < d->nchecks; k++) {
			h = fnv(h, d->connames[k], strlen(d->connames[k]) + 1);
			h = fnv(h, d->checks[k] ? d->checks[k] : "",
				d->checks[k] ? strlen(d->checks[k]) + 1 : 1);
		}
	}
	for (size_t i = 0; i < m->nrels; i++) { /* which columns are of a domain */
		const struct cat_rel *r = m->rels[i];
		for (int k = 0; r->kind == 'r' && k < r->ncols; k++) {
			if (r->cols[k].domain)
				h = fnv(h, &r->cols[k].domain->oid, sizeof(uint32_t));
		}
	}
	return h ? h : 1;
}

/* A table's primary key columns, in key order (pk is each one's 1-based position). */
static void copy_pkey(struct arena *a, struct catalog_relation *d, const struct cat_rel *r)
{
	const char **v = arena_zalloc(a, (size_t)(r->ncols ? r->ncols : 1) * sizeof(*v));
	for (int k = 0; r->kind == 'r' && k < r->ncols; k++) {
		int pos = r->cols[k].pk;
		if (pos > 0 && pos <= r->ncols) {
			v[pos - 1] = d->cols[k].name;
			d->npkey = d->npkey > (size_t)pos ? d->npkey : (size_t)pos;
		}
	}
	d->pkey = v;
}

/* A unique index of table r made by CREATE UNIQUE INDEX over plain columns, without WHERE:
 * what a foreign key may reference besides the constraints (PostgreSQL's
 * transformFkeyCheckAttrs; SQLite's rule for a parent key too). */
static bool plain_unique_index(const struct cat_index *ix, const struct cat_rel *r)
{
	if (ix->table != r || ix->conname || !ix->unique || ix->pred || ix->nkeys < 1 ||
	    ix->exclops)
		return false;
	for (int j = 0; j < ix->nkeyatts; j++) {
		if (ix->keys[j] <= 0 || ix->keys[j] > r->ncols)
			return false;
	}
	return true;
}

/* Each key column's operator class name of btree index ix (NULL: another method, or one the
 * model does not know), for ON CONFLICT's inference. */
static const char *const *key_opclasses(struct arena *a, const struct cat_model *m,
					const struct cat_index *ix)
{
	const char **v = arena_zalloc(a, (size_t)(ix->nkeyatts + 1) * sizeof(char *));
	const struct cat_am *am = cat_am_by_name("btree");
	for (int k = 0; k < ix->nkeyatts; k++) {
		const struct cat_opclass *oc = cat_opclass_by_oid(cat_index_key_opclass(m, ix, k));
		v[k] = oc && am && oc->method == am->oid ? oc->name : NULL;
	}
	return v;
}

/* The table's PRIMARY KEY and UNIQUE constraints (of plain columns) with their columns, then
 * its FOREIGN KEY and CHECK constraints without any, then its plain unique indexes. */
static void copy_ukeys(struct arena *a, struct catalog_relation *d, const struct cat_model *m,
		       const struct cat_rel *r)
{
	size_t n = 0;
	for (size_t i = 0; i < m->nidx; i++)
		n += m->idx[i]->table == r && m->idx[i]->conname;
	for (size_t i = 0; i < m->nfks; i++)
		n += m->fks[i]->table == r && m->fks[i]->name;
	for (size_t i = 0; i < m->nchecks; i++)
		n += m->checks[i]->table == r && m->checks[i]->name;
	for (size_t i = 0; i < m->nidx; i++)
		n += plain_unique_index(m->idx[i], r);
	struct catalog_ukey *v = arena_zalloc(a, (n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (ix->table != r || !ix->conname)
			continue;
		const char **cols = arena_zalloc(a, (size_t)(ix->nkeys ? ix->nkeys : 1) * sizeof(char *));
		size_t k = 0;
		for (int j = 0; j < ix->nkeyatts; j++) { /* not INCLUDE's */
			if (ix->keys[j] > 0 && ix->keys[j] <= r->ncols)
				cols[k++] = d->cols[ix->keys[j] - 1].name;
		}
		v[d->nukeys++] = (struct catalog_ukey){
			arena_strdup(a, ix->conname),
			cols,
			k,
			ix->deferrable,
			ix->primary,
			false,
			k == (size_t)ix->nkeyatts ? key_opclasses(a, m, ix) : NULL};
	}
	for (size_t i = 0; i < m->nfks; i++) {
		if (m->fks[i]->table == r && m->fks[i]->name)
			v[d->nukeys++] = (struct catalog_ukey){.name = arena_strdup(a, m->fks[i]->name)};
	}
	for (size_t i = 0; i < m->nchecks; i++) {
		if (m->checks[i]->table == r && m->checks[i]->name)
			v[d->nukeys++] = (struct catalog_ukey){.name = arena_strdup(a, m->checks[i]->name)};
	}
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (!plain_unique_index(ix, r))
			continue;
		const char **cols = arena_zalloc(a, (size_t)ix->nkeys * sizeof(char *));
		for (int j = 0; j < ix->nkeyatts; j++) /* not INCLUDE's */
			cols[j] = d->cols[ix->keys[j] - 1].name;
		v[d->nukeys++] = (struct catalog_ukey){.name = arena_strdup(a, ix->rel->name),
						       .cols = cols,
						       .ncols = (size_t)ix->nkeyatts,
						       .index_only = true,
						       .opclass = key_opclasses(a, m, ix)};
	}
	d->ukeys = v;
}

static void copy_cols(struct arena *a, struct catalog_relation *d, const struct cat_model *m,
		      const struct cat_rel *r)
{
	struct catalog_column *v = arena_zalloc(a, (size_t)(r->ncols ? r->ncols : 1) * sizeof(*v));
	const char **dflt = arena_zalloc(a, (size_t)(r->ncols ? r->ncols : 1) * sizeof(*dflt));
	d->name = arena_strdup(a, r->name);
	d->dflt_sql = dflt;
	bool *aff = arena_zalloc(a, (size_t)(r->ncols ? r->ncols : 1) * sizeof(*aff));
	for (int k = 0; k < r->ncols; k++)
		aff[k] = r->cols[k].text_affinity;
	d->text_affinity = aff;
	d->unpopulated = r->matview && !r->populated;
	d->composite = r->kind == 'c';
	d->view = (r->kind == 'v' || r->part_parent) && !r->matview; /* a partition's a view */
	d->partition = r->part_key && r->part_parent ? 's'           /* a partitioned partition */
		       : r->part_key                 ? 'p'
		       : r->part_parent              ? 'c'
						     : 0;
	d->matview = r->matview;
	d->cols = v;
	d->ncols = (size_t)r->ncols;
	for (int k = 0; k < r->ncols; k++) {
		const struct cat_col *c = &r->cols[k];
		/* a view's computed column has no declared type: text only by default */
		bool unknown = r->kind == 'v' && c->typoid == PGTYPE_TEXT;
		v[k] = (struct catalog_column){
			.name = arena_strdup(a, c->name),
			.type_oid = unknown ? 0 : c->typoid,
			/* the translator's display scale of a numeric expression column */
			.typmod = unknown             ? -1
				  : c->display_typmod ? c->display_typmod
						      : c->typmod,
			.identity = c->identity,
			.rowid_key = c->rowid_key,
			.generated = c->generated != '\0',
			.collate_c = c->collation == CAT_COLL_C,
			.rowid_seq = c->rowid_seq ? arena_strdup(a, c->rowid_seq) : NULL};
		dflt[k] = c->dflt_sql ? arena_strdup(a, c->dflt_sql) : NULL;
	}
	copy_pkey(a, d, r);
	copy_ukeys(a, d, m, r);
}

/* An enum with its labels and the table columns declared with it. */
static void copy_enum(struct arena *a, struct catalog_enum *d, const struct cat_model *m,
		      const struct cat_enum *e)
{
	const char **labels = arena_zalloc(a, (e->n ? e->n : 1) * sizeof(*labels));
	for (size_t k = 0; k < e->n; k++)
		labels[k] = arena_strdup(a, e->labels[k]);
	size_t cap = 0;
	for (size_t i = 0; i < m->nrels; i++)
		cap += m->rels[i]->kind == 'r' ? (size_t)m->rels[i]->ncols : 0;
	const char **tables = arena_zalloc(a, (cap ? cap : 1) * sizeof(*tables));
	const char **cols = arena_zalloc(a, (cap ? cap : 1) * sizeof(*cols));
	size_t n = 0;
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		for (int k = 0; t->kind == 'r' && k < t->ncols; k++) {
			if (t->cols[k].typoid != e->oid && t->cols[k].typoid != e->array_oid)
				continue;
			tables[n] = arena_strdup(a, t->name);
			cols[n++] = arena_strdup(a, t->cols[k].name);
		}
	}
	*d = (struct catalog_enum){arena_strdup(a, e->name), e->oid, e->array_oid, labels, e->n,
				   tables, cols, n};
}

/* v[order[i]] for each i. */
static const char **copy_strs(struct arena *a, const char *const *v, const size_t *order, size_t n)
{
	const char **out = arena_zalloc(a, (n ? n : 1) * sizeof(*out));
	for (size_t i = 0; i < n; i++)
		out[i] = v[order[i]] ? arena_strdup(a, v[order[i]]) : NULL;
	return out;
}

/* A domain with the table columns declared with it. */
static void copy_domain(struct arena *a, struct catalog_domain *out, const struct cat_model *m,
			const struct cat_domain *d)
{
	size_t cap = 0;
	for (size_t i = 0; i < m->nrels; i++)
		cap += m->rels[i]->kind == 'r' ? (size_t)m->rels[i]->ncols : 0;
	const char **tables = arena_zalloc(a, (cap ? cap : 1) * sizeof(*tables));
	const char **cols = arena_zalloc(a, (cap ? cap : 1) * sizeof(*cols));
	/* the checks in name order (strcmp), the order PostgreSQL checks a value in */
	size_t *order = arena_zalloc(a, (d->nchecks ? d->nchecks : 1) * sizeof(*order));
	for (size_t i = 0; i < d->nchecks; i++) {
		size_t k = i;
		for (; k > 0 && strcmp(d->connames[order[k - 1]], d->connames[i]) > 0; k--)
			order[k] = order[k - 1];
		order[k] = i;
	}
	size_t n = 0;
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		for (int k = 0; t->kind == 'r' && k < t->ncols; k++) {
			if (t->cols[k].domain != d)
				continue;
			tables[n] = arena_strdup(a, t->name);
			cols[n++] = arena_strdup(a, t->cols[k].name);
		}
	}
	const struct cat_domain *root = d; /* over another domain: the base under the chain */
	for (int depth = 0; root->parent && depth < CAT_DOMAIN_DEPTH; depth++)
		root = root->parent;
	*out = (struct catalog_domain){arena_strdup(a, d->name),
				       d->oid,
				       d->array_oid,
				       root->base ? arena_strdup(a, root->base) : NULL,
				       d->notnull,
				       d->dflt ? arena_strdup(a, d->dflt) : NULL,
				       copy_strs(a, d->connames, order, d->nchecks),
				       copy_strs(a, d->checks, order, d->nchecks),
				       d->nchecks,
				       tables,
				       cols,
				       n,
				       d->parent ? arena_strdup(a, d->parent->name) : NULL};
}

static void fn_types(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct types_req *q = sqlite3_value_pointer(argv[0], TYPES_PTR_TYPE);
	char *msg = NULL;
	const struct cat_model *m = q ? cat_conn_model(sqlite3_user_data(ctx), &msg) : NULL;
	sqlite3_free(msg);
	if (m) {
		q->ok = true;
		q->fingerprint = fingerprint(m);
		q->rels = arena_zalloc(q->a, (m->nrels ? m->nrels : 1) * sizeof(*q->rels));
		for (size_t i = 0; i < m->nrels; i++) {
			if (m->rels[i]->kind == 'r' || m->rels[i]->kind == 'v' ||
			    m->rels[i]->kind == 'c')
				copy_cols(q->a, &q->rels[q->nrels++], m, m->rels[i]);
		}
		q->enums = arena_zalloc(q->a, (m->nenums ? m->nenums : 1) * sizeof(*q->enums));
		for (size_t i = 0; i < m->nenums; i++)
			copy_enum(q->a, &q->enums[q->nenums++], m, m->enums[i]);
		q->domains = arena_zalloc(q->a, (m->ndomains + 1) * sizeof(*q->domains));
		for (size_t i = 0; i < m->ndomains; i++)
			copy_domain(q->a, &q->domains[i], m, m->domains[i]);
	}
	sqlite3_result_null(ctx);
}

bool catalog_schema_columns(sqlite3 *db, struct arena *a, const struct catalog_relation **rels,
			    size_t *nrels, const struct catalog_enum **enums, size_t *nenums,
			    const struct catalog_domain **domains, uint64_t *fp)
{
	struct types_req q = {.a = a};
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT shardlite_catalog_types(?1)", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, &q, TYPES_PTR_TYPE, NULL);
		(void)sqlite3_step(st);
	}
	sqlite3_finalize(st);
	*rels = q.rels;
	*nrels = q.nrels;
	*enums = q.enums;
	*nenums = q.nenums;
	*domains = q.domains;
	*fp = q.fingerprint;
	return q.ok;
}

bool catalog_is_sequence(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	bool found = false;
	/* by the stored name: a local schema's "s.seq" (catalog_nsp.c) */
	if (sqlite3_prepare_v2(db,
			       "SELECT 1 FROM pg_class WHERE oid = shardlite_rel_oid(?1) AND "
			       "relkind = 'S'",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

int cat_types_register(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_catalog_types", 1,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_types, NULL, NULL,
					  NULL);
}
