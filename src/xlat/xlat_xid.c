/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_xid.c: the xid type (a 32-bit transaction id, stored as its INTEGER) in expressions —
 * xidin's reading of text while translating (or pgfn_xid_in when the statement runs), its
 * casts (from and to the string types only: 42846 for the others) and its only operators,
 * = and <> of two xids or of an xid and an integer (42883 for the others, ordering too). */
#include "xlat_int.h"

#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

bool xlat_xid_literal(struct xlat_ctx *c, const char *s)
{
	/* PostgreSQL 15's xidin is strtoul(s, NULL, 0) taken to 32 bits: decimal, 0x hex or 0
	 * octal, and never an input error ('abc' is 0, '-1' is 4294967295) */
	unsigned long v = strtoul(s, NULL, 0);
	xlat_printf(c, "%u", (unsigned)(uint32_t)v);
	return true;
}

bool xlat_xid_cast(struct xlat_ctx *c, const PgQuery__Node *arg, int location,
		   struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_XID, -1};
	if (arg->node_case == NODE(A_CONST) && arg->a_const->isnull) {
		xlat_puts(c, "NULL");
		return true;
	}
	const PgQuery__AConst *k = arg->node_case == NODE(A_CONST) ? xlat_const_value(c, arg)
								   : NULL;
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_SVAL)
		return xlat_xid_literal(c, k->sval->sval);
	if (k) /* 5::xid: no cast from a number (pg_cast) */
		return xlat_fail(c, "42846", location, "cannot cast type %s to xid",
				 k->val_case == PG_QUERY__A__CONST__VAL_IVAL ? "integer" : "numeric");
	if (arg->node_case == NODE(PARAM_REF)) { /* its text read by xidin at Bind */
		if (!xlat_param(c, arg->param_ref->number, XLAT_OID_XID,
				arg->param_ref->location))
			return false;
		xlat_printf(c, "pgfn_xid_in(?%d)", arg->param_ref->number);
		return true;
	}
	size_t mark = c->sb->len;
	struct xlat_type st;
	if (!xlat_expr(c, arg, &st))
		return false;
	if (st.oid == XLAT_OID_XID)
		return true;
	if (!xlat_type_reads_as_text(st.oid))
		return xlat_fail(c, "42846", location, "cannot cast type %s to xid",
				 xlat_type_name(st.oid));
	xlat_insert_at(c, mark, "pgfn_xid_in(");
	xlat_puts(c, ")");
	return true;
}

int xlat_xid_cast_from(struct xlat_ctx *c, const char *x, struct xlat_type st, uint32_t to,
		       int location)
{
	(void)x;
	if (st.oid != XLAT_OID_XID || to == XLAT_OID_XID || xlat_type_reads_as_text(to))
		return 0; /* to text: the decimal digits, as xidout prints them */
	xlat_fail(c, "42846", location, "cannot cast type xid to %s", xlat_type_name(to));
	return -1;
}

bool xlat_xid_operator(struct xlat_ctx *c, const char *op, struct xlat_type l,
		       struct xlat_type r, int location)
{
	if ((l.oid != XLAT_OID_XID && r.oid != XLAT_OID_XID) || l.oid == XLAT_OID_UNKNOWN_COL ||
	    r.oid == XLAT_OID_UNKNOWN_COL) /* a value typed when the statement runs */
		return true;
	bool eq = strcmp(op, "=") == 0 || strcmp(op, "<>") == 0 || strcmp(op, "!=") == 0;
	/* xideq, xidneq, xideqint4, xidneqint4: the xid on the left */
	if (eq && l.oid == XLAT_OID_XID &&
	    (r.oid == XLAT_OID_XID || r.oid == XLAT_OID_INT4 || r.oid == XLAT_OID_UNKNOWN))
		return true;
	return xlat_no_operator(c, op, l.oid, r.oid, location);
}

/* ---- xid has a hash operator class only: no btree index, primary key or unique ---- */

#define CONSTR(x) PG_QUERY__CONSTR_TYPE__CONSTR_##x

static bool no_btree(struct xlat_ctx *c)
{
	xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1,
		  "data type xid has no default operator class for access method \"btree\"");
	pgerr_hint(c->err, "You must specify an operator class for the index or define a default "
			   "operator class for the data type.");
	return false;
}

static bool xid_type_name(const PgQuery__TypeName *tn)
{
	const char *name = tn && tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	const char *schema = tn && tn->n_names == 2 ? xlat_node_str(tn->names[0]) : NULL;
	return name && strcmp(name, "xid") == 0 && !tn->n_array_bounds && tn->n_names <= 2 &&
	       (!schema || strcmp(schema, "pg_catalog") == 0);
}

static bool xid_column(const PgQuery__CreateStmt *s, const char *name)
{
	for (size_t i = 0; name && i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case == NODE(COLUMN_DEF) && e->column_def->colname &&
		    strcmp(e->column_def->colname, name) == 0)
			return xid_type_name(e->column_def->type_name);
	}
	return false;
}

static bool btree_key(const PgQuery__Constraint *k)
{
	return k->contype == CONSTR(PRIMARY) || k->contype == CONSTR(UNIQUE);
}

bool xlat_xid_create_check(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case == NODE(COLUMN_DEF)) {
			const PgQuery__ColumnDef *cd = e->column_def;
			for (size_t j = 0; xid_type_name(cd->type_name) && j < cd->n_constraints; j++)
				if (btree_key(cd->constraints[j]->constraint))
					return no_btree(c);
		} else if (e->node_case == NODE(CONSTRAINT) && btree_key(e->constraint)) {
			for (size_t k = 0; k < e->constraint->n_keys; k++)
				if (xid_column(s, xlat_node_str(e->constraint->keys[k])))
					return no_btree(c);
		}
	}
	return true;
}

bool xlat_xid_index_check(struct xlat_ctx *c, const PgQuery__IndexStmt *s, const uint32_t *types)
{
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	bool known = s->relation && xlat_scope_target(c, s->relation, &cols, &ncols);
	for (size_t i = 0; i < s->n_index_params; i++) {
		const PgQuery__IndexElem *ie = s->index_params[i]->index_elem;
		const struct xlat_schema_col *col =
			known && ie->name && *ie->name ? xlat_scope_col(cols, ncols, ie->name) : NULL;
		if (types[i] == XLAT_OID_XID || (col && col->type_oid == XLAT_OID_XID))
			return no_btree(c);
	}
	return true;
}

bool xlat_xid_assign_check(struct xlat_ctx *c, const struct xlat_schema_col *col,
			   struct xlat_type t, int location)
{
	if (col->type_oid != XLAT_OID_XID || t.oid == XLAT_OID_XID || t.oid == XLAT_OID_UNKNOWN ||
	    t.oid == XLAT_OID_UNKNOWN_COL)
		return true;
	xlat_fail(c, "42804", location, "column \"%s\" is of type xid but expression is of type %s",
		  col->name, xlat_type_name(t.oid));
	pgerr_hint(c->err, "You will need to rewrite or cast the expression.");
	return false;
}

bool xlat_xid_key_check(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
			const PgQuery__Constraint *k)
{
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	if (!btree_key(k) || !rv || !xlat_scope_target(c, rv, &cols, &ncols))
		return true;
	for (size_t i = 0; i < k->n_keys; i++) {
		const char *name = xlat_node_str(k->keys[i]);
		const struct xlat_schema_col *col = name ? xlat_scope_col(cols, ncols, name) : NULL;
		if (col && col->type_oid == XLAT_OID_XID)
			return no_btree(c);
	}
	return true;
}

bool xlat_sortable(struct xlat_ctx *c, struct xlat_type t, int location)
{
	if (t.oid != XLAT_OID_XID && t.oid != XLAT_OID_JSON)
		return true;
	xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, location,
		  "could not identify an ordering operator for type %s", xlat_type_name(t.oid));
	pgerr_hint(c->err, "Use an explicit ordering operator or modify the query.");
	return false;
}
