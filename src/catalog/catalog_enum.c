/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_enum.c: enum types (CREATE TYPE ... AS ENUM) — their sidecar table
 * `_shardlite_enums` read into the model, the columns declared with them, pg_type's and
 * pg_enum's rows, and shardlite_enum(), the writer behind CREATE/ALTER/DROP TYPE, which checks
 * the objects as PostgreSQL does. Values are the label texts; ordering is pgfn_enum.c's. */
#include "catalog_int.h"

#include "pgtype.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SQLSTATE_DUPLICATE_OBJECT "42710"
#define SQLSTATE_UNDEFINED_OBJECT "42704"

static struct cat_enum *add_enum(struct cat_model *m, const char *name)
{
	struct cat_enum *e = arena_zalloc(m->a, sizeof(*e));
	e->name = name;
	e->oid = cat_oid("type", name, NULL);
	e->array_oid = cat_oid("type", arena_printf(m->a, "_%s", name), NULL);
	e->cap = 8;
	e->labels = arena_zalloc(m->a, e->cap * sizeof(*e->labels));
	e->orders = arena_zalloc(m->a, e->cap * sizeof(*e->orders));
	if (m->nenums % 8 == 0) {
		struct cat_enum **v = arena_zalloc(m->a, (m->nenums + 8) * sizeof(*v));
		if (m->nenums)
			memcpy(v, m->enums, m->nenums * sizeof(*v));
		m->enums = v;
	}
	m->enums[m->nenums++] = e;
	return e;
}

static void add_label(struct cat_model *m, struct cat_enum *e, const char *label, double order)
{
	if (e->n == e->cap) {
		const char **l = arena_zalloc(m->a, e->cap * 2 * sizeof(*l));
		double *o = arena_zalloc(m->a, e->cap * 2 * sizeof(*o));
		memcpy(l, e->labels, e->n * sizeof(*l));
		memcpy(o, e->orders, e->n * sizeof(*o));
		e->labels = l;
		e->orders = o;
		e->cap *= 2;
	}
	e->labels[e->n] = label;
	e->orders[e->n++] = order;
}

bool cat_enum_load(sqlite3 *db, struct cat_model *m)
{
	if (!cat_sidecar_exists(db, CAT_SIDECAR_ENUMS))
		return true;
	m->has_enum_table = true;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT type_name, label, sortorder FROM " CAT_SIDECAR_ENUMS
			       " ORDER BY type_name, label IS NOT NULL, sortorder",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	struct cat_enum *e = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *label = (const char *)sqlite3_column_text(st, 1);
		if (!name)
			continue;
		if (!e || strcmp(e->name, name) != 0)
			e = add_enum(m, arena_strdup(m->a, name));
		if (label) /* the type's own row (NULL label) comes first: its sort order is 0 */
			add_label(m, e, arena_strdup(m->a, label), sqlite3_column_double(st, 2));
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

const struct cat_enum *cat_model_enum(const struct cat_model *m, const char *name)
{
	for (size_t i = 0; name && i < m->nenums; i++) {
		if (strcmp(m->enums[i]->name, name) == 0)
			return m->enums[i];
	}
	return NULL;
}

const struct cat_enum *cat_model_enum_oid(const struct cat_model *m, uint32_t oid, bool *array)
{
	for (size_t i = 0; oid >= CATALOG_OID_MIN && i < m->nenums; i++) {
		if (m->enums[i]->oid == oid || m->enums[i]->array_oid == oid) {
			if (array)
				*array = m->enums[i]->array_oid == oid;
			return m->enums[i];
		}
	}
	return NULL;
}

void cat_enum_col(const struct cat_model *m, const char *decl, struct cat_col *c)
{
	/* only a declared type that names no built-in type (those read as text) */
	if (!decl || !m->nenums || (c->typoid != PGTYPE_TEXT && c->typoid != PGTYPE_TEXT_ARRAY) ||
	    strcasecmp(decl, "text") == 0 || strcasecmp(decl, "text[]") == 0)
		return;
	size_t n = strlen(decl);
	bool array = n > 2 && strcmp(decl + n - 2, "[]") == 0;
	char *name = arena_strndup(m->a, decl, array ? n - 2 : n);
	const struct cat_enum *e = cat_model_enum(m, name);
	if (e) {
		c->typoid = array ? e->array_oid : e->oid;
		c->typmod = -1;
		c->ndims = array;
	}
}

const char *cat_format_type_m(const struct cat_model *m, struct arena *a, uint32_t oid,
			      int32_t typmod)
{
	bool array = false;
	const struct cat_enum *e = m ? cat_model_enum_oid(m, oid, &array) : NULL;
	const struct cat_domain *d = m && !e ? cat_model_domain_oid(m, oid, &array) : NULL;
	if (d) /* a domain's typmod is its own: format_type prints the name alone */
		return array ? arena_printf(a, "%s[]", cat_nsp_quote(m, a, d->name))
			     : cat_nsp_quote(m, a, d->name);
	if (!e)
		return cat_format_type(a, oid, typmod);
	const char *q = cat_nsp_quote(m, a, e->name); /* a local schema's: s.mood */
	return array ? arena_printf(a, "%s[]", q) : q;
}

/* ---- pg_type and pg_enum ---- */

static void type_row(struct cat_rows *r, const struct cat_enum *e, bool array, uint32_t nsp)
{
	cat_type_put(r, &(struct cat_type_row){.oid = array ? e->array_oid : e->oid,
					       .name = array ? arena_printf(r->a, "_%s", e->name)
							     : e->name,
					       .nsp = nsp,
					       .len = array ? -1 : 4,
					       .byval = !array,
					       .type = array ? 'b' : 'e',
					       .category = array ? 'A' : 'E',
					       .subscript = array ? "array_subscript_handler" : "-",
					       .elem = array ? e->oid : 0,
					       .array = array ? 0 : e->array_oid,
					       .in = array ? "array_in" : "enum_in",
					       .out = array ? "array_out" : "enum_out",
					       .recv = array ? "array_recv" : "enum_recv",
					       .send = array ? "array_send" : "enum_send",
					       .analyze = array ? "array_typanalyze" : "-",
					       .align = 'i',
					       .storage = array ? 'x' : 'p'});
}

void cat_enum_type_rows(const struct cat_model *m, struct cat_rows *r, uint32_t nsp)
{
	for (size_t i = 0; i < m->nenums; i++) {
		/* an enum of a local schema is stored as "s.mood": mood in s (catalog_nsp.c) */
		const char *bare;
		const struct cat_nsp *own = cat_nsp_of(m, m->enums[i]->name, &bare);
		struct cat_enum shown = *m->enums[i];
		shown.name = bare;
		type_row(r, &shown, false, own ? own->oid : nsp);
		type_row(r, &shown, true, own ? own->oid : nsp);
	}
}

/* A label's OID: consecutive in sort order from a base derived from the type's name, as
 * PostgreSQL's (even) label OIDs follow the sort order — SQLAlchemy orders labels by them. */
static uint32_t label_oid(const struct cat_enum *e, size_t k)
{
	uint32_t h = cat_oid("enum", e->name, NULL) - CATALOG_OID_MIN;
	uint32_t span = CATALOG_OID_MAX - CATALOG_OID_MIN + 1 - 65536; /* room for the labels */
	return CATALOG_OID_MIN + h % span + (uint32_t)k;
}

bool cat_enum_fill(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)cc;
	for (size_t i = 0; i < m->nenums; i++) {
		const struct cat_enum *e = m->enums[i];
		for (size_t k = 0; k < e->n; k++) {
			cat_row(r);
			cat_int(r, label_oid(e, k));
			cat_int(r, e->oid);
			/* float4 as PostgreSQL prints it: the shortest text that reads back */
			char buf[32];
			snprintf(buf, sizeof(buf), "%.9g", (double)(float)e->orders[k]);
			cat_text(r, buf);
			cat_text(r, e->labels[k]);
		}
	}
	return true;
}
