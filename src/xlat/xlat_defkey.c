/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_defkey.c: UNIQUE / PRIMARY KEY (...) DEFERRABLE [INITIALLY DEFERRED | IMMEDIATE] of
 * CREATE TABLE and ALTER TABLE ... ADD. SQLite's unique indexes check each row as it is
 * written, so the swap PostgreSQL allows (UPDATE t SET k = k + 1) would fail; a deferrable key
 * is a plain index named as the constraint, marked (CATALOG_UNIQUE_MARK, then
 * CATALOG_DEFERRABLE_MARK or CATALOG_DEFERRED_MARK, then CATALOG_PRIMARY_MARK for a primary
 * key) so the catalog shows the constraint, and two AFTER triggers
 * that hand each row written to the key to the session (shardlite_unique_pending), which checks
 * the key at the statement's end or at COMMIT (src/session/sess_trgdefer.c, shard_defkey.c). */
#include "xlat_int.h"

#include "catalog.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

bool xlat_defkey_is(const PgQuery__Constraint *k)
{
	return (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
		k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) &&
	       (k->deferrable || k->initdeferred || k->n_including || k->nulls_not_distinct);
}

static void columns(struct xlat_ctx *c, const PgQuery__Constraint *k, const char *sep);

void xlat_nnd_check(struct xlat_ctx *c, const char *table, const char *name,
		    const char *const *cols, size_t n)
{
	xlat_puts(c, c->sb->len ? "; SELECT shardlite_raise('23505', "
				: "SELECT shardlite_raise('23505', ");
	xlat_string(c, arena_printf(c->a, "could not create unique index \"%s\"", name));
	xlat_puts(c, ") FROM (SELECT 1 FROM ");
	strbuf_put_quoted(c->sb, table, '"');
	for (size_t i = 0; i < n; i++) {
		xlat_puts(c, i ? " OR " : " WHERE ");
		strbuf_put_quoted(c->sb, cols[i], '"');
		xlat_puts(c, " IS NULL");
	}
	for (size_t i = 0; i < n; i++) { /* GROUP BY takes NULLs as equal */
		xlat_puts(c, i ? ", " : " GROUP BY ");
		strbuf_put_quoted(c->sb, cols[i], '"');
	}
	xlat_puts(c, " HAVING count(*) > 1 LIMIT 1)");
}

/* UNIQUE or PRIMARY KEY (...) INCLUDE (...), not deferrable: a UNIQUE index of the key
 * columns named as the constraint and marked so (CATALOG_UNIQUE_MARK, CATALOG_PRIMARY_MARK), its included columns named in
 * CATALOG_INCLUDE_MARK (as CREATE UNIQUE INDEX ... INCLUDE makes them, xlat_objects.c);
 * SQLite checks the rows as the index is made. The included columns must exist. */
static bool include_key(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
			const PgQuery__Constraint *k, const char *name)
{
	for (size_t i = 0; i < k->n_including; i++) {
		const char *col = xlat_node_str(k->including[i]);
		if (!col || strpbrk(col, "*/"))
			return xlat_unsupported(c, k->location,
						"an included column whose name holds * or /");
	}
	for (size_t i = 0; i < k->n_including; i++) { /* PostgreSQL's error, when it runs */
		const char *col = xlat_node_str(k->including[i]);
		xlat_puts(c, c->sb->len ? "; " : "");
		xlat_puts(c, "SELECT shardlite_raise('42703', ");
		xlat_string(c,
			    arena_printf(c->a, "column \"%s\" named in key does not exist", col));
		xlat_puts(c, ") WHERE NOT EXISTS (SELECT 1 FROM pragma_table_info(");
		xlat_string(c, rel->relname);
		xlat_puts(c, ") WHERE name = ");
		xlat_string(c, col);
		xlat_puts(c, ")");
	}
	if (k->nulls_not_distinct) { /* the rows there with a NULL, before the index is made */
		const char **cols = arena_alloc(c->a, sizeof(char *) * (k->n_keys + 1));
		for (size_t i = 0; i < k->n_keys; i++)
			cols[i] = xlat_node_str(k->keys[i]);
		xlat_nnd_check(c, rel->relname, name, cols, k->n_keys);
	}
	xlat_puts(c, c->sb->len ? "; CREATE UNIQUE INDEX " : "CREATE UNIQUE INDEX ");
	strbuf_put_quoted(c->sb, name, '"');
	xlat_puts(c, " " CATALOG_UNIQUE_MARK);
	if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)
		xlat_puts(c, " " CATALOG_PRIMARY_MARK);
	if (k->nulls_not_distinct)
		xlat_puts(c, " " CATALOG_NND_MARK);
	if (k->n_including) {
		xlat_printf(c, " /* shardlite: USING btree INCLUDE %zu */ " CATALOG_INCLUDE_MARK,
			    k->n_including);
		for (size_t i = 0; i < k->n_including; i++) {
			xlat_puts(c, i ? ", " : "");
			strbuf_put_quoted(c->sb, xlat_node_str(k->including[i]), '"');
		}
		xlat_puts(c, " */");
	}
	xlat_puts(c, " ON ");
	strbuf_put_quoted(c->sb, rel->relname, '"');
	xlat_puts(c, " (");
	columns(c, k, ", ");
	xlat_puts(c, ")");
	if (k->nulls_not_distinct) /* its triggers (catalog_fkset.c) */
		xlat_puts(c, "; " XLAT_FKSET_SWEEP);
	return true;
}

/* ALTER TABLE ... ADD PRIMARY KEY ... DEFERRABLE or INCLUDE, checked when it runs: the table has no
 * primary key (42P16), and PostgreSQL makes the columns NOT NULL, which SQLite cannot without
 * a rebuild: they must be NOT NULL already (as pg_dump's tables have them), else 0A000. */
static void primary_checks(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
			   const PgQuery__Constraint *k)
{
	xlat_puts(c, c->sb->len ? "; " : "");
	xlat_puts(c, "SELECT shardlite_raise('42P16', ");
	xlat_string(c, arena_printf(c->a, "multiple primary keys for table \"%s\" are not allowed",
				    rel->relname));
	xlat_puts(c, ") WHERE EXISTS (SELECT 1 FROM pragma_table_info(");
	xlat_string(c, rel->relname);
	xlat_puts(c, ") WHERE pk > 0) OR EXISTS (SELECT 1 FROM main.sqlite_schema WHERE type = "
		     "'index' AND tbl_name = ");
	xlat_string(c, rel->relname);
	xlat_puts(c,
		  " AND instr(sql, '" CATALOG_PRIMARY_MARK "')); SELECT shardlite_raise('0A000', "
		  "'ADD PRIMARY KEY ... DEFERRABLE or INCLUDE on a column without NOT NULL is "
		  "not supported') FROM pragma_table_info(");
	xlat_string(c, rel->relname);
	xlat_puts(c, ") WHERE \"notnull\" = 0 AND name IN (");
	for (size_t i = 0; i < k->n_keys; i++) {
		xlat_puts(c, i ? ", " : "");
		xlat_string(c, xlat_node_str(k->keys[i]));
	}
	xlat_puts(c, ")");
}

bool xlat_defkey_trigger(const char *name)
{
	size_t n = name ? strlen(name) : 0, k = strlen(XLAT_DEFKEY_INSERT);
	return n > k && (strcmp(name + n - k, XLAT_DEFKEY_INSERT) == 0 ||
			 strcmp(name + n - k, XLAT_DEFKEY_UPDATE) == 0);
}

/* The key's columns, quoted and joined by sep. */
static void columns(struct xlat_ctx *c, const PgQuery__Constraint *k, const char *sep)
{
	for (size_t i = 0; i < k->n_keys; i++) {
		xlat_puts(c, i ? sep : "");
		strbuf_put_quoted(c->sb, xlat_node_str(k->keys[i]), '"');
	}
}

/* A trigger that hands the row to the session: name + suffix, AFTER event ON table. */
static void trigger(struct strbuf *sb, const char *name, const char *suffix, const char *table,
		    const char *const *cols, size_t n)
{
	struct strbuf tn;
	strbuf_init(&tn, 0);
	strbuf_printf(&tn, "%s%s", name, suffix);
	strbuf_puts(sb, "; CREATE TRIGGER ");
	strbuf_put_quoted(sb, tn.data ? tn.data : "", '"');
	sb->failed |= tn.failed;
	strbuf_fini(&tn);
	strbuf_puts(sb, cols ? " AFTER UPDATE OF " : " AFTER INSERT");
	for (size_t i = 0; cols && i < n; i++) {
		strbuf_puts(sb, i ? ", " : "");
		strbuf_put_quoted(sb, cols[i], '"');
	}
	strbuf_puts(sb, " ON ");
	strbuf_put_quoted(sb, table, '"');
	strbuf_puts(sb, " BEGIN SELECT shardlite_unique_pending(");
	strbuf_put_quoted(sb, name, '\'');
	strbuf_puts(sb, ", NEW.rowid); END");
}

void xlat_defkey_triggers(struct strbuf *sb, const char *name, const char *table,
			  const char *const *cols, size_t n)
{
	trigger(sb, name, XLAT_DEFKEY_INSERT, table, NULL, 0);
	trigger(sb, name, XLAT_DEFKEY_UPDATE, table, cols, n);
}

bool xlat_defkey_add(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
		     const PgQuery__Constraint *k, bool rows)
{
	bool deferrable = k->deferrable || k->initdeferred;
	if (k->n_including && deferrable)
		return xlat_unsupported(c, k->location, "INCLUDE in a deferrable key constraint");
	if (!xlat_key_options(c, k))
		return false;
	if (xlat_temp_is(rel) || !xlat_own_table(c, rel))
		return xlat_unsupported(c, k->location,
					deferrable ? "a deferrable key on a temporary or another "
						     "tenant's table"
						   : "UNIQUE ... INCLUDE on a temporary or another "
						     "tenant's table");
	if (k->n_keys == 0)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, k->location, "syntax error");
	bool primary = k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
	const char *name = k->conname && *k->conname ? k->conname : NULL;
	if (!name && primary) {
		name = base_object_name(c->a, rel->relname, NULL, "pkey");
	} else if (!name) { /* PostgreSQL's table_cols_key */
		struct strbuf cols;
		strbuf_init(&cols, 0);
		for (size_t i = 0; i < k->n_keys + k->n_including && cols.len < 64; i++)
			strbuf_printf(&cols, "%s%.63s", i ? "_" : "",
				      xlat_node_str(i < k->n_keys ? k->keys[i]
								  : k->including[i - k->n_keys]));
		name = base_object_name(c->a, rel->relname, cols.data, "key");
		strbuf_fini(&cols);
	}
	xlat_nocache(c);
	c->st->kind = XLAT_SCRIPT;
	if (primary && rows)
		primary_checks(c, rel, k);
	if (!deferrable) /* INCLUDE or NULLS NOT DISTINCT */
		return include_key(c, rel, k, name);
	xlat_puts(c, c->sb->len ? "; CREATE INDEX " : "CREATE INDEX ");
	strbuf_put_quoted(c->sb, name, '"');
	xlat_puts(c, " " CATALOG_UNIQUE_MARK " ");
	xlat_puts(c, k->initdeferred ? CATALOG_DEFERRED_MARK : CATALOG_DEFERRABLE_MARK);
	xlat_puts(c, primary ? " " CATALOG_PRIMARY_MARK : "");
	/* NULLs equal: the session's check (shard_defkey.c), no trigger of the sweep's */
	xlat_puts(c, k->nulls_not_distinct ? " " CATALOG_NND_MARK : "");
	xlat_puts(c, " ON ");
	strbuf_put_quoted(c->sb, rel->relname, '"');
	xlat_puts(c, " (");
	columns(c, k, ", ");
	xlat_puts(c, ")");
	const char **cols = arena_alloc(c->a, sizeof(char *) * k->n_keys);
	for (size_t i = 0; i < k->n_keys; i++)
		cols[i] = xlat_node_str(k->keys[i]);
	xlat_defkey_triggers(c->sb, name, rel->relname, cols, k->n_keys);
	if (rows) { /* ALTER TABLE ... ADD: the rows there must hold the key already */
		xlat_puts(c, "; SELECT shardlite_raise('23505', ");
		xlat_string(c, arena_printf(c->a, "could not create unique index \"%s\"", name));
		xlat_puts(c, ") FROM (SELECT 1 FROM ");
		strbuf_put_quoted(c->sb, rel->relname, '"');
		if (!k->nulls_not_distinct) { /* GROUP BY takes NULLs as equal */
			xlat_puts(c, " WHERE ");
			columns(c, k, " IS NOT NULL AND ");
			xlat_puts(c, " IS NOT NULL");
		}
		xlat_puts(c, " GROUP BY ");
		columns(c, k, ", ");
		xlat_puts(c, " HAVING count(*) > 1 LIMIT 1)");
	}
	return true;
}
