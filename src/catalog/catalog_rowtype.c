/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_rowtype.c: the row types PostgreSQL makes for every table and view — a composite
 * pg_type row (typtype 'c', typrelid the relation) and its array type "_name" — with OIDs
 * derived from the relation's name like every other object's (docs/catalog.md, OIDs), so
 * pg_class.reltype can point at them. Indexes and sequences have none, as in PostgreSQL. */
#include "catalog_int.h"

#include "pgfn.h"

#include <string.h>

uint32_t cat_rowtype_oid(const struct cat_rel *rel, bool array)
{
	if (rel->kind != 'r' && rel->kind != 'v')
		return 0;
	return cat_oid(array ? "rowarray" : "rowtype", rel->name, NULL);
}

/* The columns pg_type's two rows share but for the ones named. */
static void tail(struct cat_rows *r, const char *io, const char *analyze)
{
	static const char *const sfx[] = {"in", "out", "recv", "send"};
	for (size_t i = 0; i < ARRAY_LEN(sfx); i++)
		cat_text(r, arena_printf(r->a, "%s_%s", io, sfx[i]));
	cat_text(r, "-"); /* typmodin */
	cat_text(r, "-"); /* typmodout */
	cat_text(r, analyze);
	cat_char(r, 'd');
	cat_char(r, 'x');
	cat_bool(r, false);
	cat_int(r, 0);
	cat_int(r, -1);
	cat_int(r, 0);
	cat_int(r, 0);
	cat_null(r);
	cat_null(r);
	cat_null(r);
}

/* typname ... typdelim, the same for both rows but for name, typtype and typcategory. */
static void head(struct cat_rows *r, uint32_t oid, const char *name, char type, char category)
{
	cat_row(r);
	cat_int(r, oid);
	cat_text(r, name);
	cat_int(r, CAT_NS_PUBLIC);
	cat_int(r, CAT_ROLE_BOOTSTRAP);
	cat_int(r, -1);
	cat_bool(r, false);
	cat_char(r, type);
	cat_char(r, category);
	cat_bool(r, false);
	cat_bool(r, true);
	cat_char(r, ',');
}

void cat_rowtype_rows(const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		uint32_t oid = cat_rowtype_oid(rel, false), arr = cat_rowtype_oid(rel, true);
		if (!oid)
			continue;
		head(r, oid, rel->name, 'c', 'C');
		cat_int(r, rel->oid); /* typrelid */
		cat_text(r, "-");
		cat_int(r, 0);
		cat_int(r, arr);
		tail(r, "record", "-");
		/* PostgreSQL names the array type "_" + name, cut to NAMEDATALEN - 1 bytes */
		head(r, arr, arena_printf(r->a, "_%.62s", rel->name), 'b', 'A');
		cat_int(r, 0);
		cat_text(r, "array_subscript_handler");
		cat_int(r, oid);
		cat_int(r, 0);
		tail(r, "array", "array_typanalyze");
	}
}

const char *cat_rowtype_name(const struct cat_model *m, struct arena *a, uint32_t oid)
{
	for (size_t i = 0; m && oid && i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		bool array = cat_rowtype_oid(rel, true) == oid;
		if (!array && cat_rowtype_oid(rel, false) != oid)
			continue;
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_quote_ident(&sb, rel->name, strlen(rel->name));
		strbuf_puts(&sb, array ? "[]" : "");
		const char *s = arena_strdup(a, sb.data ? sb.data : "");
		strbuf_fini(&sb);
		return s;
	}
	return NULL;
}
