/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_checkdef.c: a CHECK constraint's PostgreSQL text (pg_get_constraintdef, conbin,
 * check_clause), kept in a comment before its SQLite text in the stored CREATE TABLE
 * (CATALOG_CHECK_PG_MARK, CATALOG_CHECK_PRETTY_MARK), printed by the view printer
 * (xlat_ruleutils.c) over the columns of the table being made or altered. */
#include "xlat_int.h"
#include "xlat_ruleutils.h"

#include "catalog.h"

#include <string.h>

/* A column's type as a Var of it prints (*out); NOTYPE for one the printer does not type
 * exactly (a domain's Var is relabeled to its base type, an array's operators are not typed),
 * so that only the CHECKs that read it keep their SQLite text. *pred: its type as
 * xlat_enumpred reads it (a domain's too; 0 when not known or an array). */
static void col_of(struct xlat_ctx *c, const PgQuery__ColumnDef *cd, struct xlat_schema_col *out,
		   struct xlat_schema_col *pred)
{
	struct xlat_typeref tr;
	struct pgerr saved = *c->err;
	bool known = cd->type_name && xlat_type_resolve(c, cd->type_name, &tr) && tr.info;
	bool ok = known && !tr.domain && !tr.is_array;
	*c->err = saved; /* the column's own translation reports what is wrong with it */
	out->name = pred->name = cd->colname;
	out->type_oid = ok ? tr.info->oid : NOTYPE;
	out->typmod = ok ? tr.typmod : -1;
	pred->type_oid = known && !tr.is_array ? tr.info->oid : 0;
	pred->typmod = known ? tr.typmod : -1;
}

void xlat_checkdef_create(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	const char *schema = s->relation->schemaname;
	c->check_table = s->relation->relname;
	c->check_cols = NULL;
	c->ncheck_cols = 0;
	struct xlat_schema_col *cols = arena_zalloc(c->a, (s->n_table_elts + 1) * sizeof(*cols));
	struct xlat_schema_col *preds = arena_zalloc(c->a, (s->n_table_elts + 1) * sizeof(*preds));
	size_t n = 0;
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
			continue;
		col_of(c, e->column_def, &cols[n], &preds[n]);
		n++;
	}
	c->pred_cols = preds;
	c->npred_cols = n;
	/* inherited or typed columns are not in the list; a temporary table's (pg_temp) is
	 * made as a main one (RENAME COLUMN renames its texts in temp's schema) */
	if ((schema && *schema && strcmp(schema, "public") != 0 &&
	     strcmp(schema, "pg_temp") != 0) ||
	    s->n_inh_relations || s->of_typename)
		return;
	c->check_cols = cols;
	c->ncheck_cols = n;
}

void xlat_checkdef_alter(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			 const PgQuery__ColumnDef *added)
{
	const struct xlat_schema_col *have = NULL;
	size_t nhave = 0;
	const char *schema = table->schemaname;
	c->check_table = table->relname;
	c->check_cols = c->pred_cols = NULL;
	c->ncheck_cols = c->npred_cols = 0;
	struct pgerr saved = *c->err;
	const struct xlat_env *env = c->env;
	bool temp = env && env->temp_tables && env->temp_rel_fn &&
		    env->temp_rel_fn(env->session_arg, table->relname);
	bool ok = !(schema && *schema && strcmp(schema, "public") != 0) && !temp && c->schema &&
		  c->schema->table_fn(c->schema->arg, table->relname, c->a, &have, &nhave);
	*c->err = saved;
	if (!ok)
		return;
	struct xlat_schema_col *cols = arena_zalloc(c->a, (nhave + 1) * sizeof(*cols));
	struct xlat_schema_col *preds = arena_zalloc(c->a, (nhave + 1) * sizeof(*preds));
	memcpy(cols, have, nhave * sizeof(*cols));
	memcpy(preds, have, nhave * sizeof(*preds));
	for (size_t i = 0; i < nhave; i++) {
		if (!cols[i].type_oid) /* not known: the CHECKs that read it keep their text */
			cols[i].type_oid = NOTYPE;
	}
	if (added) {
		col_of(c, added, &cols[nhave], &preds[nhave]);
		nhave++;
	}
	c->pred_cols = preds;
	c->npred_cols = nhave;
	c->check_cols = cols;
	c->ncheck_cols = nhave;
}

void xlat_checkdef_done(struct xlat_ctx *c)
{
	c->check_table = NULL;
	c->check_cols = c->pred_cols = NULL;
	c->ncheck_cols = c->npred_cols = 0;
}

PgQuery__Node *xlat_checkdef_expr(struct xlat_ctx *c, PgQuery__Node *e)
{
	return xlat_enumpred(c, c->pred_cols, c->npred_cols, e);
}

void xlat_checkdef_mark(struct xlat_ctx *c, PgQuery__Node *e)
{
	const char *pg = NULL, *pretty = NULL;
	if (!c->check_cols ||
	    !xlat_ruleutils_colsexpr(c->check_table, c->check_cols, c->ncheck_cols, e, true, false,
				     c->schema, c->a, &pg) ||
	    !xlat_ruleutils_colsexpr(c->check_table, c->check_cols, c->ncheck_cols, e, true, true,
				     c->schema, c->a, &pretty) ||
	    strstr(pg, "*/") || strstr(pretty, "*/"))
		return;
	xlat_nocache(c); /* the text holds the constants' values */
	xlat_printf(c, CATALOG_CHECK_PG_MARK "%s */ ", pg);
	if (strcmp(pg, pretty) != 0)
		xlat_printf(c, CATALOG_CHECK_PRETTY_MARK "%s */ ", pretty);
}

const char *xlat_checkdef_domain(struct xlat_ctx *c, const struct xlat_typeref *base,
				 PgQuery__Node *e)
{
	const char *text = xlat_deparse_expr(c, e);
	if (!text)
		return NULL;
	/* VALUE of a built-in type prints as a Var of it; base NULL (a domain over a domain,
	 * whose VALUE PostgreSQL shows cast to each operator's type), over an enum or an array:
	 * the text stays libpg_query's */
	if (!base || !base->info || base->is_array || xlat_enum_by_oid(c, base->info->oid, NULL))
		return text;
	struct xlat_schema_col value = {.type_oid = base->info->oid, .typmod = base->typmod};
	const char *pg = NULL, *pretty = NULL;
	struct pgerr saved = *c->err;
	bool ok = xlat_ruleutils_domainexpr(value, e, false, c->schema, c->a, &pg) &&
		  xlat_ruleutils_domainexpr(value, e, true, c->schema, c->a, &pretty) &&
		  !strstr(pg, "*/") && !strstr(pretty, "*/");
	*c->err = saved;
	if (!ok)
		return text;
	if (strcmp(pg, pretty) == 0)
		return arena_printf(c->a, CATALOG_CHECK_PG_MARK "%s */ %s", pg, text);
	return arena_printf(c->a,
			    CATALOG_CHECK_PG_MARK "%s */ " CATALOG_CHECK_PRETTY_MARK "%s */ %s", pg,
			    pretty, text);
}
