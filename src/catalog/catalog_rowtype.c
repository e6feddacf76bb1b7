/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_rowtype.c: the row types PostgreSQL makes for every table and view — a composite
 * pg_type row (typtype 'c', typrelid the relation) and its array type "_name" — with OIDs
 * derived from the relation's name like every other object's (docs/catalog.md, OIDs), so
 * pg_class.reltype can point at them; a composite type (CREATE TYPE ... AS, relkind 'c') is
 * such a relation too. Indexes and sequences have none, as in PostgreSQL. */
#include "catalog_int.h"

#include "pgfn.h"

#include <string.h>

uint32_t cat_rowtype_oid(const struct cat_rel *rel, bool array)
{
	if (rel->kind != 'r' && rel->kind != 'v' && rel->kind != 'c')
		return 0;
	return cat_oid(array ? "rowarray" : "rowtype", rel->name, NULL);
}

uint32_t catalog_rowtype_oid(const char *name) { return cat_oid("rowtype", name, NULL); }

uint32_t catalog_rowarray_oid(const char *name) { return cat_oid("rowarray", name, NULL); }

/* The composite pg_type row oid (name in nsp, typrelid rel) and its array type arr ("_" +
 * name, cut to NAMEDATALEN - 1 bytes as PostgreSQL names it) into r. */
void cat_rowtype_put(struct cat_rows *r, uint32_t oid, uint32_t arr, const char *name,
		     uint32_t nsp, uint32_t rel)
{
	cat_type_put(r, &(struct cat_type_row){.oid = oid,
					       .name = name,
					       .nsp = nsp,
					       .len = -1,
					       .type = 'c',
					       .category = 'C',
					       .relid = rel,
					       .subscript = "-",
					       .array = arr,
					       .in = "record_in",
					       .out = "record_out",
					       .recv = "record_recv",
					       .send = "record_send",
					       .analyze = "-",
					       .align = 'd',
					       .storage = 'x'});
	cat_type_put(r, &(struct cat_type_row){.oid = arr,
					       .name = arena_printf(r->a, "_%.62s", name),
					       .nsp = nsp,
					       .len = -1,
					       .type = 'b',
					       .category = 'A',
					       .subscript = "array_subscript_handler",
					       .elem = oid,
					       .in = "array_in",
					       .out = "array_out",
					       .recv = "array_recv",
					       .send = "array_send",
					       .analyze = "array_typanalyze",
					       .align = 'd',
					       .storage = 'x'});
}

void cat_rowtype_rows(const struct cat_model *m, struct cat_rows *r, uint32_t nsp)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		uint32_t oid = cat_rowtype_oid(rel, false), arr = cat_rowtype_oid(rel, true);
		if (!oid)
			continue;
		/* a local schema's "s.t" (and composite type "s.pair"): t in s (catalog_nsp.c) */
		const char *bare = rel->name;
		const struct cat_nsp *own = rel->temp ? NULL : cat_nsp_of(m, rel->name, &bare);
		uint32_t in = own ? own->oid : nsp;
		cat_rowtype_put(r, oid, arr, bare, in, rel->oid);
	}
}

const char *cat_rowtype_name(const struct cat_model *m, struct arena *a, uint32_t oid)
{
	for (size_t i = 0; m && oid && i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		bool array = cat_rowtype_oid(rel, true) == oid;
		if (!array && cat_rowtype_oid(rel, false) != oid)
			continue;
		const char *q = cat_nsp_quote(m, a, rel->name); /* a local schema's: s.pair */
		return array ? arena_printf(a, "%s[]", q) : q;
	}
	return NULL;
}
