/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_fkeqop.c: a foreign key's equality operators, pg_constraint's conpfeqop (PK = FK),
 * conppeqop (PK = PK) and conffeqop (FK = FK), chosen as PostgreSQL's
 * ATAddForeignKeyConstraint chooses them: from the operator family of the referenced index's
 * key, the cross-type member when the family has one for the referencing column's type
 * (int4 = int8), else the referenced type's own, the referencing value being cast to it
 * (numeric = numeric for an integer column referencing a numeric key). check_postgres's
 * same_schema compares them. */
#include "catalog_int.h"

#include <string.h>

#define BT_EQUAL 3 /* BTEqualStrategyNumber */

static uint32_t member(uint32_t family, uint32_t left, uint32_t right)
{
	size_t n = 0;
	const struct cat_amop *v = cat_amops(&n);
	for (size_t i = 0; i < n; i++) {
		if (v[i].family == family && v[i].lefttype == left && v[i].righttype == right &&
		    v[i].strategy == BT_EQUAL && v[i].purpose == 's')
			return v[i].opr;
	}
	return 0;
}

static const struct cat_index *find_index(const struct cat_model *m, uint32_t oid)
{
	for (size_t i = 0; oid && i < m->nidx; i++) {
		if (m->idx[i]->rel->oid == oid)
			return m->idx[i];
	}
	return NULL;
}

/* The three operators of key column k; false when the referenced key is not known. */
static bool key_ops(const struct cat_model *m, const struct cat_fkey *f,
		    const struct cat_index *ix, int k, uint32_t ops[3])
{
	const struct cat_rel *ref = ix->table;
	int j = 0;
	while (j < ix->nkeys && ix->keys[j] != f->to[k])
		j++;
	if (j == ix->nkeys || f->from[k] < 1 || f->from[k] > f->table->ncols || f->to[k] < 1 ||
	    f->to[k] > ref->ncols)
		return false;
	const struct cat_opclass *opc = cat_opclass_by_oid(cat_index_key_opclass(m, ix, j));
	if (!opc)
		return false;
	uint32_t fktype = f->table->cols[f->from[k] - 1].typoid; /* a domain's base type */
	uint32_t pp = member(opc->family, opc->intype, opc->intype);
	uint32_t pf = member(opc->family, opc->intype, fktype);
	uint32_t ff = pf ? member(opc->family, fktype, fktype) : 0;
	if (!pf || !ff) /* the referencing value is cast to the key's type */
		pf = ff = pp;
	ops[0] = pf;
	ops[1] = pp;
	ops[2] = ff;
	return pp != 0;
}

bool cat_fkey_eqops(const struct cat_model *m, struct arena *a, const struct cat_fkey *f,
		    const char *out[3])
{
	const struct cat_index *ix = find_index(m, cat_fkey_index(m, f));
	if (!ix || f->ncols < 1)
		return false;
	struct strbuf sb[3];
	bool ok = true;
	for (int w = 0; w < 3; w++) {
		strbuf_init(&sb[w], 0);
		strbuf_putc(&sb[w], '{');
	}
	for (int k = 0; k < f->ncols && ok; k++) {
		uint32_t ops[3];
		ok = key_ops(m, f, ix, k, ops);
		for (int w = 0; w < 3 && ok; w++)
			strbuf_printf(&sb[w], "%s%u", k ? "," : "", ops[w]);
	}
	for (int w = 0; w < 3; w++) {
		strbuf_putc(&sb[w], '}');
		out[w] = ok ? arena_strdup(a, sb[w].data) : NULL;
		strbuf_fini(&sb[w]);
	}
	return ok;
}
