/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_fktype.c: PostgreSQL's refusal of a foreign key between columns of incompatible types
 * (ATAddForeignKeyConstraint: 42804 "foreign key constraint ... cannot be implemented"). SQLite
 * compares any values, so the check is made here, conservatively: only pairs of built-in types
 * below between which PostgreSQL has neither an equality operator of the referenced type's
 * operator family nor an implicit cast are refused, an enum or an array is the same type only,
 * a domain counts as its base type; a type not listed is let through. A pair PostgreSQL makes
 * whose stored values SQLite would not find equal (a timestamp referencing a date) is 0A000
 * rather than a wrong 23503 later. The referenced columns are checked first (xlat_fkref.c),
 * and give the implied key its columns. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The families: inside one, PostgreSQL's btree operator families or implicit casts relate the
 * types (int4 = int8, varchar = text, date = timestamptz, inet = cidr); across two, nothing.
 * Among the numbers an implicit cast goes one way only: rank orders integers, numeric and the
 * floats, and a referencing column of a higher rank than the referenced one is refused
 * (numeric to integer, float8 to numeric), as name referencing character(n) is. json and
 * money relate to no other type. Two types of one family with the same store keep values
 * SQLite compares as PostgreSQL compares them (the numbers under SQLite's numeric affinity);
 * so does character(n), stored without its padding, referencing a string, but not a string
 * referencing it ('ab ' finds 'ab' in PostgreSQL). Another pair of the family is made by
 * PostgreSQL but not here (a timestamp is stored as '2024-01-02 00:00:00', a date as
 * '2024-01-02'; an inet host without its /32, a cidr with it). */
static const struct {
	uint32_t oid;
	char family, rank, store;
} families[] = {
	{PGTYPE_INT2, 'N', 0, 'i'},      {PGTYPE_INT4, 'N', 0, 'i'},
	{PGTYPE_INT8, 'N', 0, 'i'},      {PGTYPE_NUMERIC, 'N', 1, 'i'},
	{PGTYPE_FLOAT4, 'N', 2, 'i'},    {PGTYPE_FLOAT8, 'N', 2, 'i'},
	{PGTYPE_TEXT, 'S', 0, 's'},      {PGTYPE_VARCHAR, 'S', 0, 's'},
	{PGTYPE_BPCHAR, 'S', 0, 'c'},    {PGTYPE_NAME, 'S', 0, 's'},
	{PGTYPE_BOOL, 'B', 0, 'b'},      {PGTYPE_DATE, 'D', 0, 'd'},
	{PGTYPE_TIMESTAMP, 'D', 0, 't'}, {PGTYPE_TIMESTAMPTZ, 'D', 0, 'z'},
	{PGTYPE_INTERVAL, 'T', 0, 'v'},  {PGTYPE_UUID, 'U', 0, 'u'},
	{PGTYPE_BYTEA, 'X', 0, 'x'},     {PGTYPE_INET, 'I', 0, 'I'},
	{PGTYPE_CIDR, 'I', 0, 'C'},      {PGTYPE_JSONB, 'J', 0, 'j'},
	{PGTYPE_JSON, 'j', 0, 'J'},      {PGTYPE_MONEY, 'M', 0, 'm'},
};

static int find(uint32_t oid)
{
	for (size_t i = 0; i < ARRAY_LEN(families); i++)
		if (families[i].oid == oid)
			return (int)i;
	return -1;
}

/* A key column's type as the check sees it: oid the type under any domain (a domain over an
 * array: the array), declared the column's own (a domain's), shown its format_type spelling;
 * oid 0 when not known. */
struct keytype {
	uint32_t oid, declared;
	const char *shown;
	bool is_enum, is_array;
};

/* Whether a column of type f may reference one of type p: an enum (or an array of one) only
 * the same type as declared (a domain over the enum is refused, as in PostgreSQL), an array
 * only the same array type (under domains), the others by family; true when either is not
 * known, or is a type outside the families that both columns share. */
static bool compatible(const struct keytype *f, const struct keytype *p)
{
	if (!f->oid || !p->oid)
		return true;
	if (f->is_enum || p->is_enum)
		return f->declared == p->declared;
	if (f->is_array || p->is_array)
		return f->oid == p->oid;
	int i = find(f->oid), j = find(p->oid);
	if (i < 0 || j < 0)
		return true;
	if (families[i].family != families[j].family)
		return false;
	return families[i].rank <= families[j].rank &&
	       !(f->oid == PGTYPE_NAME && p->oid == PGTYPE_BPCHAR);
}

/* Whether SQLite finds the referenced row of a key between f and p (compatible types) as
 * PostgreSQL's cross-type equality does: the same type, or types whose stored values compare
 * alike (the families' store above). */
static bool stored_alike(const struct keytype *f, const struct keytype *p)
{
	if (!f->oid || !p->oid || f->oid == p->oid || f->is_array || p->is_array)
		return true;
	int i = find(f->oid), j = find(p->oid);
	if (i < 0 || j < 0)
		return true;
	return families[i].store == families[j].store ||
	       (families[i].store == 'c' && families[j].store == 's');
}

/* The keytype of a resolved type (a domain's when r->domain). */
static void from_typeref(struct xlat_ctx *c, const struct xlat_typeref *r, struct keytype *out)
{
	if (!r->info)
		return;
	out->is_array = r->is_array;
	out->oid = r->is_array ? r->info->array_oid : r->info->oid;
	bool array = false;
	out->is_enum = xlat_enum_by_oid(c, r->info->oid, &array) != NULL;
	out->declared = r->domain ? r->domain->oid : out->oid;
	out->shown = r->domain     ? xlat_enum_display(c, r->domain->name)
		     : r->is_array ? arena_printf(c->a, "%s[]", r->info->sql_name)
				   : r->info->sql_name;
}

/* Column col's type: from the CREATE TABLE s when it is the table being made, else from the
 * tenant's table; oid 0 when not known for certain. */
static void column_type(struct xlat_ctx *c, const char *table, const PgQuery__CreateStmt *s,
			const char *col, struct keytype *out)
{
	*out = (struct keytype){0};
	if (s && strcmp(s->relation->relname, table) == 0) {
		for (size_t i = 0; i < s->n_table_elts; i++) {
			const PgQuery__Node *e = s->table_elts[i];
			struct xlat_typeref tr;
			if (e->node_case != NODE(COLUMN_DEF) || strcmp(e->column_def->colname, col))
				continue;
			if (!e->column_def->type_name ||
			    !xlat_type_resolve(c, e->column_def->type_name, &tr)) {
				pgerr_clear(c->err);
				return;
			}
			from_typeref(c, &tr, out);
			return;
		}
		return;
	}
	const struct xlat_schema_col *cols;
	size_t n;
	if (!c->schema || !c->schema->table_fn ||
	    !c->schema->table_fn(c->schema->arg, table, c->a, &cols, &n))
		return;
	const struct xlat_schema_col *k = xlat_scope_col(cols, n, col);
	const struct xlat_domain *d = xlat_domain_of_column(c, table, col);
	struct xlat_typeref tr;
	if (d) {
		if (xlat_domain_base(c, d, &tr))
			from_typeref(c, &tr, out);
		else
			pgerr_clear(c->err);
		return;
	}
	if (!k || !k->type_oid)
		return;
	bool array = false;
	const struct xlat_enum *e = xlat_enum_by_oid(c, k->type_oid, &array);
	const struct pgtype_info *t = e ? NULL : pgtype_by_oid(k->type_oid);
	if (!e && !t)
		return;
	out->oid = out->declared = k->type_oid;
	out->is_enum = e != NULL;
	out->is_array = e ? array : t->elem_oid != 0;
	out->shown = e ? xlat_enum_display(c, e->name) : t->sql_name;
	if (e && array)
		out->shown = arena_printf(c->a, "%s[]", out->shown);
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
		struct keytype ft, pt;
		column_type(c, table, s, fk, &ft);
		column_type(c, k->pktable->relname, s, pk[i], &pt);
		if (compatible(&ft, &pt)) {
			if (stored_alike(&ft, &pt))
				continue;
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					 "a foreign key from a column of type %s to one of type %s "
					 "is not supported",
					 ft.shown, pt.shown);
		}
		const char *name = k->conname && *k->conname
					   ? k->conname
					   : base_object_name(c->a, table, names, "fkey");
		xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
			  "foreign key constraint \"%s\" cannot be implemented", name);
		pgerr_detail(c->err,
			     "Key columns \"%s\" and \"%s\" are of incompatible types: %s and %s.",
			     fk, pk[i], ft.shown, pt.shown);
		return false;
	}
	return true;
}
