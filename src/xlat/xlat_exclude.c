/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_exclude.c: EXCLUDE constraints of CREATE TABLE and ALTER TABLE ... ADD. SQLite has no
 * exclusion constraint: one is a SQLite index named as the constraint (its stored SQL carries
 * the method, as xlat_index.c writes it, and the operators, XLAT_EXCLUDE_MARK, for the catalog)
 * and two AFTER triggers that look for another row of the table the new one conflicts with and
 * raise PostgreSQL's 23P01 (shardlite_exclude_conflict). The translator checks the statement
 * and writes a call of shardlite_exclude, which makes them when it runs, where the columns'
 * types are known (src/catalog/catalog_exclude.c); xlat_exclude_sqlite writes their SQL. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define SEP "\x1f"
/* xlat_index.c's mark of the access method (catalog.h's CATALOG_INDEX_AM_MARK) */
#define AM_MARK "/* shardlite: USING "

/* The operator of one element (`c WITH op`): its name, NULL when schema-qualified other than
 * by pg_catalog. */
static const char *op_name(const PgQuery__Node *n)
{
	if (!n || n->node_case != NODE(LIST) || n->list->n_items == 0 || n->list->n_items > 2)
		return NULL;
	const char *schema = n->list->n_items == 2 ? xlat_node_str(n->list->items[0]) : NULL;
	if (schema && strcmp(schema, "pg_catalog") != 0)
		return NULL;
	return xlat_node_str(n->list->items[n->list->n_items - 1]);
}

/* What CREATE TABLE and ALTER TABLE ... ADD refuse before anything runs. */
static bool check(struct xlat_ctx *c, const PgQuery__RangeVar *rel, const PgQuery__Constraint *k)
{
	if (xlat_temp_is(rel))
		return xlat_unsupported(c, k->location,
					"an EXCLUDE constraint on a temporary table");
	if (!xlat_own_table(c, rel))
		return xlat_unsupported(c, k->location,
					"an EXCLUDE constraint on another tenant's table");
	if (k->deferrable || k->initdeferred)
		return xlat_unsupported(c, k->location, "a deferrable EXCLUDE constraint");
	if (k->n_including)
		return xlat_unsupported(c, k->location, "INCLUDE in an EXCLUDE constraint");
	if (k->n_options || (k->indexspace && *k->indexspace))
		return xlat_unsupported(c, k->location, "an index option on an EXCLUDE constraint");
	if (k->n_exclusions == 0)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, k->location, "syntax error");
	return true;
}

/* One element: its column into cols, its operator into ops (SEP-joined). */
static bool element(struct xlat_ctx *c, const PgQuery__Constraint *k, const PgQuery__Node *e,
		    struct strbuf *cols, struct strbuf *ops, struct strbuf *names)
{
	const PgQuery__List *pair = e->node_case == NODE(LIST) ? e->list : NULL;
	const PgQuery__IndexElem *ie = pair && pair->n_items == 2 &&
						       pair->items[0]->node_case == NODE(INDEX_ELEM)
					       ? pair->items[0]->index_elem
					       : NULL;
	const char *op = pair && pair->n_items == 2 ? op_name(pair->items[1]) : NULL;
	if (!ie || !op)
		return xlat_unsupported(c, k->location, "this EXCLUDE element");
	if (!ie->name || !*ie->name)
		return xlat_unsupported(c, k->location, "an expression in an EXCLUDE constraint");
	if (ie->n_opclass || ie->n_collation || ie->n_opclassopts)
		return xlat_unsupported(c, k->location,
					"an operator class or collation in an EXCLUDE constraint");
	if (ie->ordering != PG_QUERY__SORT_BY_DIR__SORTBY_DEFAULT ||
	    ie->nulls_ordering != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_DEFAULT)
		return xlat_unsupported(c, k->location,
					"ASC/DESC or NULLS in an EXCLUDE constraint");
	if (strstr(ie->name, SEP) || strstr(op, SEP))
		return xlat_unsupported(c, k->location, "this EXCLUDE element");
	strbuf_printf(cols, "%s%s", cols->len ? SEP : "", ie->name);
	strbuf_printf(ops, "%s%s", ops->len ? SEP : "", op);
	/* PostgreSQL's ChooseIndexNameAddition: the columns joined by "_", up to 64 bytes */
	if (names->len < 64)
		strbuf_printf(names, "%s%.63s", names->len ? "_" : "", ie->name);
	return true;
}

/* WHERE (pred) as SQLite text (as a CHECK expression is written), in c->a; NULL on failure. */
static const char *predicate(struct xlat_ctx *c, const PgQuery__Node *where)
{
	size_t mark = c->sb->len;
	int nslots = c->nslots;
	struct xlat_type ignored;
	unsigned saved = c->flags;
	c->flags |= XLAT_X_NOSUBQUERY;
	bool ok = xlat_expr(c, where, &ignored);
	c->flags = saved;
	const char *r = ok && !c->sb->failed
				? arena_strndup(c->a, c->sb->data + mark, c->sb->len - mark)
				: NULL;
	c->sb->len = mark;
	if (c->sb->data)
		c->sb->data[mark] = '\0';
	c->nslots = nslots;
	return r;
}

bool xlat_exclude_add(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
		      const PgQuery__Constraint *k)
{
	if (!check(c, rel, k))
		return false;
	struct strbuf cols, ops, names;
	strbuf_init(&cols, 0);
	strbuf_init(&ops, 0);
	strbuf_init(&names, 0);
	bool ok = true;
	for (size_t i = 0; ok && i < k->n_exclusions; i++)
		ok = element(c, k, k->exclusions[i], &cols, &ops, &names);
	const char *pred = ok && k->where_clause ? predicate(c, k->where_clause) : NULL;
	ok = ok && (!k->where_clause || pred);
	if (ok && (cols.failed || ops.failed || names.failed))
		ok = xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	if (ok) {
		xlat_nocache(c);
		c->st->kind = XLAT_SCRIPT;
		xlat_puts(c,
			  c->sb->len ? "; SELECT shardlite_exclude(" : "SELECT shardlite_exclude(");
		xlat_string(c, rel->relname);
		xlat_puts(c, ", ");
		if (k->conname && *k->conname)
			xlat_string(c, k->conname);
		else
			xlat_puts(c, "NULL");
		xlat_puts(c, ", ");
		xlat_string(c, k->access_method && *k->access_method ? k->access_method : "btree");
		xlat_puts(c, ", ");
		xlat_string(c, cols.data);
		xlat_puts(c, ", ");
		xlat_string(c, ops.data);
		xlat_puts(c, ", ");
		xlat_string_or_null(c, pred);
		xlat_puts(c, ", ");
		xlat_string(c, names.data);
		xlat_puts(c, ")");
	}
	strbuf_fini(&cols);
	strbuf_fini(&ops);
	strbuf_fini(&names);
	return ok;
}

/* ---- the SQLite objects (called by the catalog when shardlite_exclude runs) ---- */

/* Element i's test of row l against row r (PostgreSQL applies the operator to the existing
 * row's value and the new one's); false for an operator this cannot test. */
static bool cond(struct strbuf *sb, const struct xlat_exclude *x, size_t i, const char *l,
		 const char *r)
{
	const char *op = x->ops[i];
	uint32_t type = x->types[i];
	const char *fn = xlat_range_type(type) ? xlat_range_bool_fn(op) : NULL;
	strbuf_puts(sb, " AND ");
	if (fn) {
		strbuf_printf(sb, "%s(%s.", fn, l);
		strbuf_put_quoted(sb, x->cols[i], '"');
		strbuf_printf(sb, ", %s.", r);
		strbuf_put_quoted(sb, x->cols[i], '"');
		strbuf_printf(sb, ", %u)", type);
		return true;
	}
	if (strcmp(op, "=") != 0 && strcmp(op, "<>") != 0)
		return false;
	const char *coll = xlat_range_collation(type, 0);
	strbuf_printf(sb, "%s.", l);
	strbuf_put_quoted(sb, x->cols[i], '"');
	strbuf_printf(sb, " %s %s.", op, r);
	strbuf_put_quoted(sb, x->cols[i], '"');
	strbuf_puts(sb, coll ? coll : "");
	return true;
}

/* shardlite_exclude_conflict(kind, name, the new row's values, the other row's) */
static void conflict_call(struct strbuf *sb, const struct xlat_exclude *x, int kind, const char *l,
			  const char *r)
{
	strbuf_printf(sb, "SELECT shardlite_exclude_conflict(%d, ", kind);
	strbuf_put_quoted(sb, x->name, '\'');
	for (int side = 0; side < 2; side++) {
		for (size_t i = 0; i < x->n; i++) {
			strbuf_printf(sb, ", %s.", side ? l : r);
			strbuf_put_quoted(sb, x->cols[i], '"');
		}
	}
}

/* " FOR EACH ROW WHEN NEW.a IS NOT NULL AND ...": a row with a NULL key conflicts with none
 * (the operators are strict). */
static void keys_not_null(struct strbuf *sb, const struct xlat_exclude *x)
{
	strbuf_puts(sb, " FOR EACH ROW WHEN");
	for (size_t i = 0; i < x->n; i++) {
		strbuf_puts(sb, i ? " AND NEW." : " NEW.");
		strbuf_put_quoted(sb, x->cols[i], '"');
		strbuf_puts(sb, " IS NOT NULL");
	}
}

/* An UPDATE trigger fires when the SET list names a key column (a row whose key is unchanged
 * conflicts with no row it did not conflict with before), or any with a predicate, whose
 * columns are not known here; a row with a NULL key conflicts with none (the operators are
 * strict), nor does one outside the predicate. */
static void trigger(struct strbuf *sb, const struct xlat_exclude *x, bool update,
		    const char *suffix, bool *ok)
{
	strbuf_puts(sb, "; CREATE TRIGGER ");
	strbuf_put_quoted(sb, arena_printf(x->a, "%s%s", x->name, suffix), '"');
	strbuf_puts(sb, update ? " AFTER UPDATE" : " AFTER INSERT");
	for (size_t i = 0; update && !x->pred && i < x->n; i++) {
		strbuf_puts(sb, i ? ", " : " OF ");
		strbuf_put_quoted(sb, x->cols[i], '"');
	}
	strbuf_puts(sb, " ON ");
	strbuf_put_quoted(sb, x->table, '"');
	keys_not_null(sb, x);
	if (x->pred) {
		strbuf_puts(sb, " AND EXISTS (SELECT 1 FROM ");
		strbuf_put_quoted(sb, x->table, '"');
		strbuf_printf(sb, " WHERE rowid = NEW.rowid AND (%s))", x->pred);
	}
	strbuf_puts(sb, " BEGIN ");
	conflict_call(sb, x, 0, "o", "NEW");
	strbuf_puts(sb, ") FROM ");
	strbuf_put_quoted(sb, x->table, '"');
	strbuf_puts(sb, " AS o WHERE o.rowid <> NEW.rowid");
	for (size_t i = 0; i < x->n; i++)
		*ok = *ok && cond(sb, x, i, "o", "NEW");
	if (x->pred) /* unqualified, the predicate's columns are o's */
		strbuf_printf(sb, " AND (%s)", x->pred);
	strbuf_puts(sb, " LIMIT 1; END");
}

/* INSERT ... ON CONFLICT DO NOTHING skips a row that conflicts with one already there, as
 * PostgreSQL's speculative insertion does with an exclusion constraint among its arbiters
 * (all of them without a conflict target): before the row is written, RAISE(IGNORE) when the
 * session says the statement is one (shardlite_exclude_skipping). A constraint with WHERE has
 * none: its predicate reads the table's row, which a BEFORE trigger does not have yet. */
static void skip_trigger(struct strbuf *sb, const struct xlat_exclude *x, bool *ok)
{
	strbuf_puts(sb, "; CREATE TRIGGER ");
	strbuf_put_quoted(sb, arena_printf(x->a, "%s%s", x->name, XLAT_EXCLUDE_SKIP), '"');
	strbuf_puts(sb, " BEFORE INSERT ON ");
	strbuf_put_quoted(sb, x->table, '"');
	keys_not_null(sb, x);
	strbuf_puts(sb, " AND shardlite_exclude_skipping() BEGIN SELECT RAISE(IGNORE) FROM ");
	strbuf_put_quoted(sb, x->table, '"');
	strbuf_puts(sb, " AS o WHERE 1");
	for (size_t i = 0; i < x->n; i++)
		*ok = *ok && cond(sb, x, i, "o", "NEW");
	strbuf_puts(sb, " LIMIT 1; END");
}

bool xlat_exclude_sqlite(struct strbuf *sb, const struct xlat_exclude *x)
{
	bool ok = true;
	strbuf_puts(sb, "CREATE INDEX ");
	strbuf_put_quoted(sb, x->name, '"');
	strbuf_printf(sb, " " AM_MARK "%s */ " XLAT_EXCLUDE_MARK, x->am);
	for (size_t i = 0; i < x->n; i++)
		strbuf_printf(sb, "%s%s", i ? " " : "", x->ops[i]);
	strbuf_puts(sb, " */ ON ");
	strbuf_put_quoted(sb, x->table, '"');
	strbuf_puts(sb, " (");
	for (size_t i = 0; i < x->n; i++) {
		strbuf_puts(sb, i ? ", " : "");
		strbuf_put_quoted(sb, x->cols[i], '"');
	}
	strbuf_puts(sb, ")");
	if (x->pred)
		strbuf_printf(sb, " WHERE %s", x->pred);
	trigger(sb, x, false, XLAT_EXCLUDE_INSERT, &ok);
	trigger(sb, x, true, XLAT_EXCLUDE_UPDATE, &ok);
	if (!x->pred)
		skip_trigger(sb, x, &ok);
	return ok;
}

bool xlat_exclude_check_sql(struct strbuf *sb, const struct xlat_exclude *x)
{
	bool ok = true;
	/* each row against the others, in the table's order: the first that conflicts is the
	 * new key, as PostgreSQL reports it when it builds the index */
	conflict_call(sb, x, 1, "o", "n");
	strbuf_puts(sb, ") FROM ");
	for (int side = 0; side < 2; side++) {
		strbuf_puts(sb, side ? ", (SELECT rowid AS shardlite_rid, * FROM "
				     : "(SELECT rowid AS shardlite_rid, * FROM ");
		strbuf_put_quoted(sb, x->table, '"');
		if (x->pred)
			strbuf_printf(sb, " WHERE (%s)", x->pred);
		strbuf_puts(sb, side ? ") AS o" : ") AS n");
	}
	strbuf_puts(sb, " WHERE o.shardlite_rid <> n.shardlite_rid");
	for (size_t i = 0; i < x->n; i++)
		ok = ok && cond(sb, x, i, "o", "n");
	strbuf_puts(sb, " ORDER BY n.shardlite_rid, o.shardlite_rid LIMIT 1");
	return ok;
}
