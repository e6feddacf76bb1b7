/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_fktype.c: PostgreSQL's refusal of a foreign key between columns of incompatible types
 * (ATAddForeignKeyConstraint: 42804 "foreign key constraint ... cannot be implemented"). SQLite
 * compares any values, so the check is made here, conservatively: only pairs of built-in types
 * below between which PostgreSQL has neither an equality operator of the referenced type's
 * operator family nor an implicit cast are refused; any other type (a domain, an array, an
 * enum, a type not listed) is let through. The referenced columns are checked first
 * (xlat_fkref.c), and give the implied key its columns. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The families: inside one, PostgreSQL's btree operator families or implicit casts relate the
 * types (int4 = int8, varchar = text, date = timestamptz, inet = cidr); across two, nothing.
 * Among the numbers an implicit cast goes one way only: rank orders integers, numeric and the
 * floats, and a referencing column of a higher rank than the referenced one is refused
 * (numeric to integer, float8 to numeric), as name referencing character(n) is. */
static const struct {
	uint32_t oid;
	char family;
	char rank;
} families[] = {
	{PGTYPE_INT2, 'N', 0},      {PGTYPE_INT4, 'N', 0},        {PGTYPE_INT8, 'N', 0},
	{PGTYPE_NUMERIC, 'N', 1},   {PGTYPE_FLOAT4, 'N', 2},      {PGTYPE_FLOAT8, 'N', 2},
	{PGTYPE_TEXT, 'S', 0},      {PGTYPE_VARCHAR, 'S', 0},     {PGTYPE_BPCHAR, 'S', 0},
	{PGTYPE_NAME, 'S', 0},      {PGTYPE_BOOL, 'B', 0},        {PGTYPE_DATE, 'D', 0},
	{PGTYPE_TIMESTAMP, 'D', 0}, {PGTYPE_TIMESTAMPTZ, 'D', 0}, {PGTYPE_INTERVAL, 'T', 0},
	{PGTYPE_UUID, 'U', 0},      {PGTYPE_BYTEA, 'X', 0},       {869 /* inet */, 'I', 0},
	{650 /* cidr */, 'I', 0},   {PGTYPE_JSONB, 'J', 0},
};

static int find(uint32_t oid)
{
	for (size_t i = 0; i < ARRAY_LEN(families); i++)
		if (families[i].oid == oid)
			return (int)i;
	return -1;
}

/* Whether a column of type ft may reference one of type pt; true when either is not known. */
static bool compatible(uint32_t ft, uint32_t pt)
{
	int f = find(ft), p = find(pt);
	if (f < 0 || p < 0)
		return true;
	if (families[f].family != families[p].family)
		return false;
	return families[f].rank <= families[p].rank && !(ft == PGTYPE_NAME && pt == PGTYPE_BPCHAR);
}

/* Column col's type: from the CREATE TABLE s when it is the table being made, else from the
 * tenant's table; 0 when not known for certain. */
static uint32_t column_type(struct xlat_ctx *c, const char *table, const PgQuery__CreateStmt *s,
			    const char *col)
{
	if (s && strcmp(s->relation->relname, table) == 0) {
		for (size_t i = 0; i < s->n_table_elts; i++) {
			const PgQuery__Node *e = s->table_elts[i];
			struct xlat_typeref tr;
			if (e->node_case != NODE(COLUMN_DEF) || strcmp(e->column_def->colname, col))
				continue;
			if (!e->column_def->type_name ||
			    !xlat_type_resolve(c, e->column_def->type_name, &tr)) {
				pgerr_clear(c->err);
				return 0;
			}
			return tr.is_array || tr.domain || !tr.info ? 0 : tr.info->oid;
		}
		return 0;
	}
	const struct xlat_schema_col *cols;
	size_t n;
	if (!c->schema || !c->schema->table_fn ||
	    !c->schema->table_fn(c->schema->arg, table, c->a, &cols, &n))
		return 0;
	const struct xlat_schema_col *k = xlat_scope_col(cols, n, col);
	return k ? k->type_oid : 0;
}

bool xlat_fk_types(struct xlat_ctx *c, const char *table, const PgQuery__CreateStmt *s,
		   const PgQuery__Constraint *k, const char *column)
{
	const char *const *pk;
	size_t nfk = column ? 1 : k->n_fk_attrs, npk;
	if (!xlat_fk_refs(c, table, s, k, column, &pk, &npk))
		return false;
	if (!k->pktable || (k->pktable->schemaname && *k->pktable->schemaname) || nfk != npk)
		return true; /* not known here */
	const char *names = NULL;
	for (size_t i = 0; i < nfk; i++) {
		const char *fk = column ? column : xlat_node_str(k->fk_attrs[i]);
		if (!fk || !pk[i])
			return true;
		names = names ? arena_printf(c->a, "%s_%s", names, fk) : fk;
	}
	for (size_t i = 0; i < nfk; i++) {
		const char *fk = column ? column : xlat_node_str(k->fk_attrs[i]);
		uint32_t ft = column_type(c, table, s, fk);
		uint32_t pt = column_type(c, k->pktable->relname, s, pk[i]);
		if (compatible(ft, pt))
			continue;
		const char *name = k->conname && *k->conname
					   ? k->conname
					   : base_object_name(c->a, table, names, "fkey");
		xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
			  "foreign key constraint \"%s\" cannot be implemented", name);
		pgerr_detail(c->err,
			     "Key columns \"%s\" and \"%s\" are of incompatible types: %s and %s.",
			     fk, pk[i], pgtype_by_oid(ft)->sql_name, pgtype_by_oid(pt)->sql_name);
		return false;
	}
	return true;
}
