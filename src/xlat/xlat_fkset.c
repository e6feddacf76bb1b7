/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_fkset.c: FOREIGN KEY ... ON DELETE SET NULL (col, ...) (PostgreSQL 15's column list:
 * only the listed referencing columns become NULL). SQLite's own action sets every column of
 * the key, so the key is written with it and a BEFORE DELETE trigger on the referenced table,
 * named XLAT_FKSET_PREFIX + table + "." + key name, first sets the listed columns of the rows
 * that reference the row; a row partly NULL references nothing (MATCH SIMPLE), so SQLite's
 * action then finds none. The trigger's text is the catalog's record of the list
 * (pg_constraint.confdelsetcols, catalog_fkset.c), which SQLite's RENAME rewrites with the
 * tables and columns; shardlite_fkset_sweep drops it when its key goes. */
#include "xlat_int.h"

#include "catalog.h"

#include <string.h>

static const char *key_name(struct xlat_ctx *c, const char *table, const PgQuery__Constraint *k,
			    const char *column)
{
	if (k->conname && *k->conname)
		return k->conname;
	if (column)
		return base_object_name(c->a, table, column, "fkey");
	const char *names = NULL;
	for (size_t i = 0; i < k->n_fk_attrs; i++) {
		const char *col = xlat_node_str(k->fk_attrs[i]);
		names = !col ? names : names ? arena_printf(c->a, "%s_%s", names, col) : col;
	}
	return base_object_name(c->a, table, names ? names : "", "fkey");
}

bool xlat_fkset_add(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
		    const PgQuery__CreateStmt *s, const PgQuery__Constraint *k, const char *column,
		    struct strbuf *out)
{
	if (k->contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN || !k->n_fk_del_set_cols)
		return true;
	const char *table = rel->relname;
	if (xlat_temp_is(rel) || !xlat_own_table(c, rel) ||
	    (k->pktable->schemaname && *k->pktable->schemaname))
		return xlat_unsupported(c, k->location,
					"ON DELETE SET NULL with a column list on a temporary or "
					"another tenant's table");
	const char *const *pk;
	size_t npk, nfk = column ? 1 : k->n_fk_attrs;
	if (!xlat_fk_refs(c, table, s, k, column, &pk, &npk))
		return false;
	if (!npk || npk != nfk)
		return xlat_unsupported(c, k->location,
					"ON DELETE SET NULL with a column list of a key whose "
					"referenced columns are not known");
	xlat_nocache(c);
	c->st->kind = XLAT_SCRIPT;
	strbuf_puts(out, "; CREATE TRIGGER ");
	strbuf_put_quoted(out,
			  arena_printf(c->a, XLAT_FKSET_PREFIX "%s.%s", table,
				       key_name(c, table, k, column)),
			  '"');
	strbuf_puts(out, " BEFORE DELETE ON ");
	strbuf_put_quoted(out, k->pktable->relname, '"');
	strbuf_puts(out, " BEGIN UPDATE ");
	strbuf_put_quoted(out, table, '"');
	strbuf_puts(out, " SET ");
	for (size_t i = 0; i < k->n_fk_del_set_cols; i++) {
		strbuf_puts(out, i ? ", " : "");
		strbuf_put_quoted(out, xlat_node_str(k->fk_del_set_cols[i]), '"');
		strbuf_puts(out, " = NULL");
	}
	strbuf_puts(out, " WHERE ");
	for (size_t i = 0; i < nfk; i++) {
		strbuf_puts(out, i ? " AND " : "");
		strbuf_put_quoted(out, column ? column : xlat_node_str(k->fk_attrs[i]), '"');
		strbuf_puts(out, " = OLD.");
		strbuf_put_quoted(out, pk[i], '"');
	}
	strbuf_puts(out, "; END");
	return !out->failed || xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
}
