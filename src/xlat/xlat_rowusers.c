/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_rowusers.c: ALTER TABLE of a table whose row type is another table's column type
 * (CREATE TABLE people (fn fullname)). PostgreSQL keeps those values in step with the table:
 * ADD COLUMN without a default gives each a NULL field, DROP COLUMN takes the field away; what
 * would need a rewrite of them (a default, an identity, a generated column, a type change) is
 * its 0A000 "cannot alter table ... because column ... uses its row type". The values are
 * record_out texts here, rewritten by pgfn_record_put as ALTER TYPE ... ADD/DROP ATTRIBUTE
 * rewrites a composite type's (catalog_comptype.c). */
#include "xlat_int.h"

#include <pg_query.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define CONSTR(x) PG_QUERY__CONSTR_TYPE__CONSTR_##x

/* Whether the added column's rows would hold something other than NULL. */
static bool fills_rows(struct xlat_ctx *c, const PgQuery__ColumnDef *cd)
{
	struct xlat_typeref tr;
	bool typed = cd->type_name && xlat_type_resolve(c, cd->type_name, &tr);
	pgerr_clear(c->err); /* the column's own translation says what is wrong */
	if (typed && (tr.serial || (tr.domain && tr.domain->dflt)))
		return true;
	if (cd->raw_default || (cd->identity && *cd->identity) || (cd->generated && *cd->generated))
		return true;
	for (size_t i = 0; i < cd->n_constraints; i++) {
		const PgQuery__Constraint *k = cd->constraints[i]->constraint;
		const PgQuery__Node *e = k->raw_expr;
		if (k->contype == CONSTR(IDENTITY) || k->contype == CONSTR(GENERATED))
			return true;
		if (k->contype == CONSTR(DEFAULT) &&
		    !(e && e->node_case == NODE(A_CONST) && e->a_const->isnull))
			return true;
	}
	return false;
}

/* The index of column name among cols, -1 when none. */
static long col_index(const struct xlat_schema_col *cols, size_t n, const char *name)
{
	for (size_t i = 0; name && i < n; i++)
		if (strcmp(cols[i].name, name) == 0)
			return (long)i;
	return -1;
}

bool xlat_rowusers_alter(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			 const PgQuery__AlterTableCmd *cmd, const char **follow)
{
	*follow = NULL;
	bool add = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn;
	bool drop = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn;
	bool retype = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType;
	if ((!add && !drop && !retype) || !c->env || !c->env->rowtype_users_fn || !c->schema ||
	    !c->schema->rowtype_fn || !xlat_own_table(c, table))
		return true;
	uint32_t oid = c->schema->rowtype_fn(c->schema->arg, table->relname, 0, NULL);
	const char **tables = NULL, **columns = NULL;
	long n = oid ? c->env->rowtype_users_fn(c->schema, oid, c->a, &tables, &columns) : 0;
	if (n == 0)
		return true;
	if (n < 0)
		return xlat_unsupported(c, -1,
					"altering the columns of a table whose row type a "
					"composite type has an attribute of");
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	if (!xlat_scope_target(c, table, &cols, &ncols))
		return xlat_unsupported(c, -1,
					"altering a table whose row type a column uses here");
	const PgQuery__ColumnDef *cd = add && cmd->def && cmd->def->node_case == NODE(COLUMN_DEF)
					       ? cmd->def->column_def
					       : NULL;
	long k = add ? (long)ncols : col_index(cols, ncols, cmd->name);
	if (retype || (add && (!cd || fills_rows(c, cd))))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "cannot alter table \"%s\" because column \"%s.%s\" uses its row "
				 "type",
				 table->relname, tables[0], columns[0]);
	if (k < 0 || (add && col_index(cols, ncols, cd->colname) >= 0))
		return true; /* the statement's own 42703 / 42701, or IF [NOT] EXISTS's nothing */
	if (add && cmd->missing_ok) /* a rebuild, after which nothing more runs */
		return xlat_unsupported(c, -1,
					"ADD COLUMN IF NOT EXISTS of a table whose row type a column "
					"uses");
	uint32_t arr = xlat_comptype_array_of(c, oid);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (long i = 0; i < n; i++) {
		const struct xlat_schema_col *uc = NULL;
		size_t nu = 0;
		PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
		rv.relname = (char *)tables[i];
		rv.inh = true;
		if (xlat_scope_target(c, &rv, &uc, &nu) &&
		    (uc = xlat_scope_col(uc, nu, columns[i])) && uc->type_oid == arr) {
			strbuf_fini(&sb);
			return xlat_unsupported(c, -1,
						"altering the columns of a table whose row type an "
						"array column uses");
		}
		/* "; UPDATE t SET c = pgfn_record_put(c, natts, k, NULL[, 1]) WHERE c IS NOT NULL" */
		strbuf_puts(&sb, "; UPDATE ");
		strbuf_put_quoted(&sb, tables[i], '"');
		strbuf_puts(&sb, " SET ");
		strbuf_put_quoted(&sb, columns[i], '"');
		strbuf_puts(&sb, " = pgfn_record_put(");
		strbuf_put_quoted(&sb, columns[i], '"');
		strbuf_printf(&sb, ", %zu, %ld, NULL%s) WHERE ", add ? ncols + 1 : ncols, k,
			      drop ? ", 1" : "");
		strbuf_put_quoted(&sb, columns[i], '"');
		strbuf_puts(&sb, " IS NOT NULL");
	}
	*follow = sb.failed ? NULL : arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	if (!*follow)
		return xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	xlat_nocache(c);
	return true;
}
