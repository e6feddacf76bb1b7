/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_rebuild.c: ALTER TABLE ... ADD [CONSTRAINT name] PRIMARY KEY | UNIQUE | FOREIGN KEY |
 * CHECK, and PRIMARY KEY | UNIQUE USING INDEX. SQLite cannot add a constraint to a table, so the statement becomes a rebuild the
 * session carries out (shard_table_rebuild): the constraint, written as in CREATE TABLE, is
 * appended to the table's definition and every row is copied through it, which checks them
 * all, as PostgreSQL validates existing rows — unless it is NOT VALID. */
#include "xlat_int.h"

#include "catalog.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define CONSTR(x) PG_QUERY__CONSTR_TYPE__CONSTR_##x

bool xlat_rebuild_can_add(const PgQuery__Node *def)
{
	if (!def || def->node_case != NODE(CONSTRAINT))
		return false;
	switch (def->constraint->contype) {
	case CONSTR(PRIMARY):
	case CONSTR(UNIQUE):
	case CONSTR(FOREIGN):
	case CONSTR(CHECK):
		return true;
	default:
		return false;
	}
}

/* The columns an expression names, for PostgreSQL's CHECK constraint name: *col the first,
 * *several when another one is named too (this shallow walk stops at constructs it does not
 * know, where *col stays the first it found). */
static void columns_named(const PgQuery__Node *n, int depth, const char **col, bool *several)
{
	if (!n || depth > 32 || *several)
		return;
	switch (n->node_case) {
	case NODE(COLUMN_REF): {
		const char *s = xlat_node_str(n->column_ref->fields[n->column_ref->n_fields - 1]);
		if (s && *col && strcmp(*col, s) != 0)
			*several = true;
		else if (s)
			*col = s;
		return;
	}
	case NODE(A_EXPR):
		columns_named(n->a_expr->lexpr, depth + 1, col, several);
		columns_named(n->a_expr->rexpr, depth + 1, col, several);
		return;
	case NODE(LIST):
		for (size_t i = 0; i < n->list->n_items; i++)
			columns_named(n->list->items[i], depth + 1, col, several);
		return;
	case NODE(BOOL_EXPR):
		for (size_t i = 0; i < n->bool_expr->n_args; i++)
			columns_named(n->bool_expr->args[i], depth + 1, col, several);
		return;
	case NODE(FUNC_CALL):
		for (size_t i = 0; i < n->func_call->n_args; i++)
			columns_named(n->func_call->args[i], depth + 1, col, several);
		return;
	case NODE(NULL_TEST):
		columns_named(n->null_test->arg, depth + 1, col, several);
		return;
	case NODE(TYPE_CAST):
		columns_named(n->type_cast->arg, depth + 1, col, several);
		return;
	default:
		return;
	}
}

/* The column part of a default constraint name: the key's (or foreign key's) columns joined
 * by "_" (PostgreSQL's ChooseIndexNameAddition), a CHECK's column when it names only one (as
 * AddRelationNewConstraints picks it); NULL for none. */
static const char *name_cols(struct xlat_ctx *c, const PgQuery__Constraint *k)
{
	if (k->contype == CONSTR(PRIMARY))
		return NULL;
	if (k->contype == CONSTR(CHECK)) { /* kept past the tree's lifetime (xlat_rebuild) */
		const char *col = NULL;
		bool several = false;
		columns_named(k->raw_expr, 0, &col, &several);
		return col && !several ? arena_strdup(c->a, col) : NULL;
	}
	PgQuery__Node **cols = k->contype == CONSTR(FOREIGN) ? k->fk_attrs : k->keys;
	size_t ncols = k->contype == CONSTR(FOREIGN) ? k->n_fk_attrs : k->n_keys;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < ncols && sb.len < 64; i++)
		strbuf_printf(&sb, "%s%.63s", i ? "_" : "", xlat_node_str(cols[i]));
	const char *r = ncols ? arena_strndup(c->a, sb.data, sb.len) : NULL;
	strbuf_fini(&sb);
	return r;
}

static const char *constraint_label(const PgQuery__Constraint *k)
{
	return k->contype == CONSTR(PRIMARY)   ? "pkey"
	       : k->contype == CONSTR(UNIQUE)  ? "key"
	       : k->contype == CONSTR(FOREIGN) ? "fkey"
					       : "check";
}

/* PostgreSQL's default names: table_pkey, table_cols_key, table_cols_fkey, table_col_check,
 * cut to 63 bytes as makeObjectName cuts them. A CHECK's digit, when the name is taken, is
 * added when it runs (xlat_rebuild.label). */
static const char *constraint_name(struct xlat_ctx *c, const char *table,
				   const PgQuery__Constraint *k)
{
	if (k->conname && *k->conname)
		return arena_strdup(c->a, k->conname);
	return base_object_name(c->a, table, name_cols(c, k), constraint_label(k));
}

/* A list of String nodes as names from the arena. */
static const char **names(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	const char **r = arena_alloc(c->a, sizeof(char *) * (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		const char *s = xlat_node_str(v[i]);
		r[i] = s ? arena_strdup(c->a, s) : "";
	}
	return r;
}

static void fill(struct xlat_ctx *c, struct xlat_rebuild *rb, const PgQuery__Constraint *k)
{
	switch (k->contype) {
	case CONSTR(FOREIGN):
		rb->kind = XLAT_RB_FOREIGN;
		rb->keys = names(c, k->fk_attrs, k->n_fk_attrs);
		rb->nkeys = k->n_fk_attrs;
		rb->ref_table = arena_strdup(c->a, k->pktable->relname);
		rb->ref_keys = names(c, k->pk_attrs, k->n_pk_attrs);
		rb->nref_keys = k->n_pk_attrs;
		break;
	case CONSTR(CHECK):
		rb->kind = XLAT_RB_CHECK;
		break;
	default:
		rb->kind = XLAT_RB_KEY;
		rb->primary = k->contype == CONSTR(PRIMARY);
		rb->keys = names(c, k->keys, k->n_keys);
		rb->nkeys = k->n_keys;
		break;
	}
}

/* ADD [CONSTRAINT name] PRIMARY KEY | UNIQUE USING INDEX idx (pgloader builds each key's
 * index first, then makes it the key): the index's columns are read, and the index checked,
 * when it runs (shard_alter.c). The constraint takes the index's name unless it names its
 * own, as in PostgreSQL, where the index is renamed to it. */
static bool key_using_index(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			    const PgQuery__Constraint *k)
{
	if (k->deferrable)
		return xlat_unsupported(c, k->location, "a DEFERRABLE key USING INDEX");
	struct xlat_rebuild *rb = arena_zalloc(c->a, sizeof(*rb));
	rb->kind = XLAT_RB_KEY;
	rb->primary = k->contype == CONSTR(PRIMARY);
	rb->table = arena_strdup(c->a, table->relname);
	rb->using_index = arena_strdup(c->a, k->indexname);
	rb->name = arena_strdup(c->a, k->conname && *k->conname ? k->conname : k->indexname);
	rb->constraint = "";
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = rb;
	return true;
}

/* A MATCH FULL key's name (guard: as written, else PostgreSQL's default), which its guard
 * shares and so is written out: an unnamed one whose default the table's constraints have
 * takes 1, 2, ... as PostgreSQL's ChooseConstraintName gives it (the catalog numbers unnamed
 * keys it reads likewise). */
static const char *free_fkey_name(struct xlat_ctx *c, const char *table,
				  const PgQuery__Constraint *k, const char *guard)
{
	const char *const *cols;
	size_t n;
	if (k->conname && *k->conname)
		return arena_strdup(c->a, guard);
	const char *name = guard;
	for (int i = 1; i < 1000 && c->schema && c->schema->pkey_fn &&
			c->schema->pkey_fn(c->schema->arg, table, name, &cols, &n);
	     i++)
		name = base_object_name(c->a, table, name_cols(c, k),
					arena_printf(c->a, "fkey%d", i));
	return name;
}

/* ON DELETE SET NULL (cols): the trigger (xlat_fkset.c) made by a SCRIPT action after the
 * key's. */
static bool fkset_after(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			const PgQuery__Constraint *k, struct xlat_rebuild *rb)
{
	if (k->contype != CONSTR(FOREIGN) || !k->n_fk_del_set_cols)
		return true;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool ok = xlat_fkset_add(c, table, NULL, k, NULL, &sb);
	c->st->kind = XLAT_REBUILD;
	struct xlat_rebuild *script = arena_zalloc(c->a, sizeof(*script));
	script->kind = XLAT_RB_SCRIPT;
	script->table = rb->table;
	/* without the "; " xlat_fkset_add puts first */
	script->script = ok && sb.len > 2 ? arena_strdup(c->a, sb.data + 2) : NULL;
	strbuf_fini(&sb);
	rb->next = script;
	return ok && script->script;
}

bool xlat_add_constraint(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			 const PgQuery__Constraint *k)
{
	struct xlat_rebuild *rb = arena_zalloc(c->a, sizeof(*rb));
	struct strbuf *saved = c->sb, sb;
	if (k->indexname && *k->indexname)
		return key_using_index(c, table, k);
	/* NOT VALID: the rows there are not checked, later writes are (CATALOG_NOT_VALID_MARK);
	 * PostgreSQL's grammar allows it on CHECK and FOREIGN KEY only */
	if (k->skip_validation && k->contype != CONSTR(CHECK) && k->contype != CONSTR(FOREIGN))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, k->location,
				 "%s constraints cannot be marked NOT VALID",
				 k->contype == CONSTR(PRIMARY) ? "PRIMARY KEY" : "UNIQUE");
	if (k->contype == CONSTR(CHECK) && k->is_no_inherit)
		return xlat_unsupported(c, k->location, "NO INHERIT");
	if (k->contype == CONSTR(FOREIGN) && !xlat_fk_types(c, table->relname, NULL, k, NULL))
		return false; /* what it references, and the columns' types (xlat_fkref.c) */
	/* MATCH FULL of several columns: named, and its guard after it (xlat_ddl.c) */
	const char *guard = xlat_match_full_name(c, table->relname, k);
	if (guard && k->skip_validation) /* the NOT VALID mark would follow the guard */
		return xlat_unsupported(c, k->location,
					"ALTER TABLE ... ADD FOREIGN KEY ... MATCH FULL ... NOT VALID "
					"of several columns");
	rb->name = guard ? free_fkey_name(c, table->relname, k, guard)
			 : constraint_name(c, table->relname, k);
	if (k->contype == CONSTR(UNIQUE) && !(k->conname && *k->conname)) {
		rb->label = "key"; /* a second one on the same columns takes a digit */
		rb->name_cols = name_cols(c, k);
	}
	strbuf_init(&sb, 0);
	c->sb = &sb;
	/* A CHECK gets PostgreSQL's name in SQLite too, so later violations can name it. */
	if (k->contype == CONSTR(CHECK) && !(k->conname && *k->conname)) {
		xlat_puts(c, "CONSTRAINT ");
		xlat_ident(c, rb->name);
		rb->label = "check";
		rb->name_cols = name_cols(c, k);
		rb->name_at = strlen("CONSTRAINT ");
		rb->name_len = sb.len - rb->name_at;
		xlat_puts(c, " ");
	}
	if (guard && !(k->conname && *k->conname)) {
		xlat_puts(c, "CONSTRAINT ");
		xlat_ident(c, rb->name);
		xlat_puts(c, " ");
	}
	if (k->contype == CONSTR(CHECK)) /* its PostgreSQL text (xlat_checkdef.c) */
		xlat_checkdef_alter(c, table, NULL);
	bool ok = xlat_table_constraint(c, k);
	xlat_checkdef_done(c);
	if (guard)
		xlat_match_full_guard(c, rb->name, k);
	if (k->skip_validation)
		xlat_puts(c, " " CATALOG_NOT_VALID_MARK);
	ok = ok && !sb.failed;
	c->sb = saved;
	rb->constraint = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	if (!ok)
		return false;
	rb->table = arena_strdup(c->a, table->relname);
	fill(c, rb, k);
	if (rb->primary) /* the key may become the rowid: its type goes to the sidecar */
		rb->script = xlat_sidecar_columns_ddl(c);
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = rb;
	return fkset_after(c, table, k, rb);
}
