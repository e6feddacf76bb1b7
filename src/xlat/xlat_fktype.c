/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_fktype.c: PostgreSQL's refusal of a foreign key between columns of incompatible types
 * (ATAddForeignKeyConstraint: 42804 "foreign key constraint ... cannot be implemented"). SQLite
 * compares any values, so the check is made here, conservatively: only pairs of built-in types
 * from different families below, between which PostgreSQL has neither an equality operator
 * nor an implicit cast, are refused; any other type (a domain, an array, an enum, a type not
 * listed) is let through. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The families: inside one, PostgreSQL's btree operator families or implicit casts relate the
 * types (int4 = int8, varchar = text, date = timestamptz, inet = cidr); across two, nothing. */
static const struct {
	uint32_t oid;
	char family;
} families[] = {
	{PGTYPE_INT2, 'N'},   {PGTYPE_INT4, 'N'},  {PGTYPE_INT8, 'N'},	 {PGTYPE_NUMERIC, 'N'},
	{PGTYPE_FLOAT4, 'N'}, {PGTYPE_FLOAT8, 'N'}, {PGTYPE_TEXT, 'S'},	 {PGTYPE_VARCHAR, 'S'},
	{PGTYPE_BPCHAR, 'S'}, {PGTYPE_NAME, 'S'},  {PGTYPE_BOOL, 'B'},	 {PGTYPE_DATE, 'D'},
	{PGTYPE_TIMESTAMP, 'D'}, {PGTYPE_TIMESTAMPTZ, 'D'}, {PGTYPE_INTERVAL, 'T'},
	{PGTYPE_UUID, 'U'},   {PGTYPE_BYTEA, 'X'}, {869 /* inet */, 'I'}, {650 /* cidr */, 'I'},
	{PGTYPE_JSONB, 'J'},
};

static char family(uint32_t oid)
{
	for (size_t i = 0; i < ARRAY_LEN(families); i++)
		if (families[i].oid == oid)
			return families[i].family;
	return 0;
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
	size_t nfk = column ? 1 : k->n_fk_attrs;
	if (!k->pktable || (k->pktable->schemaname && *k->pktable->schemaname) ||
	    nfk != k->n_pk_attrs) /* the referenced key implied or mismatched: left as it was */
		return true;
	const char *names = NULL;
	for (size_t i = 0; i < nfk; i++) {
		const char *fk = column ? column : xlat_node_str(k->fk_attrs[i]);
		const char *pk = xlat_node_str(k->pk_attrs[i]);
		if (!fk || !pk)
			return true;
		names = names ? arena_printf(c->a, "%s_%s", names, fk) : fk;
	}
	for (size_t i = 0; i < nfk; i++) {
		const char *fk = column ? column : xlat_node_str(k->fk_attrs[i]);
		const char *pk = xlat_node_str(k->pk_attrs[i]);
		uint32_t ft = column_type(c, table, s, fk);
		uint32_t pt = column_type(c, k->pktable->relname, s, pk);
		char ff = family(ft), pf = family(pt);
		if (!ff || !pf || ff == pf)
			continue;
		const char *name = k->conname && *k->conname
					   ? k->conname
					   : base_object_name(c->a, table, names, "fkey");
		xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
			  "foreign key constraint \"%s\" cannot be implemented", name);
		pgerr_detail(c->err, "Key columns \"%s\" and \"%s\" are of incompatible types: %s and %s.",
			     fk, pk, pgtype_by_oid(ft)->sql_name, pgtype_by_oid(pt)->sql_name);
		return false;
	}
	return true;
}
