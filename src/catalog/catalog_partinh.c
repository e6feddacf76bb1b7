/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_partinh.c: a partitioned table's indexes as PostgreSQL shows them on each partition.
 * PostgreSQL makes one index per partition for each index of the parent (attached to it:
 * pg_inherits, a key's constraint with conparentid), or adopts an equal index the partition
 * has. The tenant's file has one index over all rows (docs/architecture.md, "Partitioned
 * tables"), so these are catalog rows only, with no SQLite object behind them. */
#include "catalog_int.h"

#include <string.h>

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* PostgreSQL's CompareIndexInfo, as far as the model tells: the same keys in the same order
 * and direction, uniqueness, access method and predicate; a key's index adopts only an index
 * of a constraint of the same kind. */
static bool equal_index(const struct cat_index *a, const struct cat_index *b)
{
	if (a->unique != b->unique || a->primary != b->primary || a->nkeys != b->nkeys ||
	    a->nkeyatts != b->nkeyatts || a->am != b->am ||
	    (a->exclops != NULL) != (b->exclops != NULL) ||
	    (a->conname != NULL) != (b->conname != NULL) || !same_text(a->pred, b->pred))
		return false;
	for (int k = 0; k < a->nkeys; k++) {
		if (a->keys[k] != b->keys[k] || a->desc[k] != b->desc[k] ||
		    (a->keys[k] == 0 && !same_text(a->exprs[k], b->exprs[k])))
			return false;
		if ((a->opclass ? a->opclass[k] : 0) != (b->opclass ? b->opclass[k] : 0))
			return false;
	}
	return true;
}

static bool name_taken(const struct cat_model *m, const char *name, bool constraint)
{
	if (cat_model_rel(m, name))
		return true;
	for (size_t i = 0; constraint && i < m->nidx; i++)
		if (m->idx[i]->conname && strcmp(m->idx[i]->conname, name) == 0)
			return true;
	for (size_t i = 0; constraint && i < m->nfks; i++)
		if (m->fks[i]->name && strcmp(m->fks[i]->name, name) == 0)
			return true;
	for (size_t i = 0; constraint && i < m->nchecks; i++)
		if (m->checks[i]->name && strcmp(m->checks[i]->name, name) == 0)
			return true;
	return false;
}

/* PostgreSQL's ChooseIndexName for the partition's copy: the partition's name, the index's
 * column names (ChooseIndexNameAddition: joined by "_" until NAMEDATALEN) and pkey, excl,
 * key or idx, numbered from 1 while the name is taken (ChooseRelationName). */
static const char *child_name(struct cat_model *m, const struct cat_index *ix,
			      const struct cat_rel *p)
{
	const char *label = ix->primary   ? "pkey"
			    : ix->exclops ? "excl"
			    : ix->conname ? "key"
					  : "idx";
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int k = 0; k < ix->rel->ncols && sb.len < 64; k++)
		strbuf_printf(&sb, "%s%.63s", k ? "_" : "", ix->rel->cols[k].name);
	const char *cols = ix->primary || !sb.len ? NULL : arena_strdup(m->a, sb.data);
	strbuf_fini(&sb);
	const char *name = base_object_name(m->a, p->name, cols, label);
	for (int n = 1; name_taken(m, name, ix->conname != NULL); n++)
		name = base_object_name(m->a, p->name, cols, arena_printf(m->a, "%s%d", label, n));
	return name;
}

static void clone(struct cat_model *m, const struct cat_index *ix, struct cat_rel *p)
{
	const char *name = child_name(m, ix, p);
	struct cat_index *c = arena_alloc(m->a, sizeof(*c));
	*c = *ix;
	c->table = p;
	c->parent = ix;
	c->part_of = NULL;
	c->rel = cat_model_new_rel(m, name, 'i', NULL);
	c->rel->sqlname = NULL; /* no SQLite index of this name */
	c->rel->index = c;
	c->rel->cols = ix->rel->cols;
	c->rel->ncols = ix->rel->ncols;
	if (ix->conname) {
		c->conname = name;
		c->conoid = cat_oid("con", p->name, name);
	}
	cat_model_push_index(m, c);
}

static struct cat_fkey *fkey_copy(struct cat_model *m, const struct cat_fkey *f)
{
	struct cat_fkey *c = arena_alloc(m->a, sizeof(*c));
	*c = *f;
	c->parent = f;
	cat_model_add(m, NULL, c);
	return c;
}

/* PostgreSQL's addFkRecurseReferencing: a foreign key of a partitioned table on each of its
 * partitions, of the same name; addFkRecurseReferenced: a key referencing a partitioned
 * table once more for each partition, named by ChooseConstraintName (table_cols_fkeyN). */
static void fkeys(struct cat_model *m)
{
	size_t n = m->nfks;
	for (size_t i = 0; i < m->nfks; i++) { /* a copy's copies on a partitioned partition's */
		const struct cat_fkey *f = m->fks[i];
		for (size_t r = 0; r < m->nrels; r++) {
			struct cat_rel *p = m->rels[r];
			if (p->part_parent && strcmp(p->part_parent, f->table->name) == 0) {
				struct cat_fkey *c = fkey_copy(m, f);
				c->table = p;
				c->oid = cat_oid("con", p->name, f->name);
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct cat_fkey *f = m->fks[i];
		struct strbuf sb;
		strbuf_init(&sb, 0);
		for (int k = 0; k < f->ncols && sb.len < 64; k++)
			if (f->from[k] > 0 && f->from[k] <= f->table->ncols)
				strbuf_printf(&sb, "%s%.63s", sb.len ? "_" : "",
					      f->table->cols[f->from[k] - 1].name);
		const char *cols = sb.len ? arena_strdup(m->a, sb.data) : NULL;
		strbuf_fini(&sb);
		for (size_t r = 0; r < m->nrels; r++) {
			const struct cat_rel *q = m->rels[r];
			if (!q->part_parent || strcmp(q->part_parent, f->reftable) != 0)
				continue;
			const char *name = base_object_name(m->a, f->table->name, cols, "fkey");
			for (int k = 1; name_taken(m, name, true); k++)
				name = base_object_name(m->a, f->table->name, cols,
							arena_printf(m->a, "fkey%d", k));
			struct cat_fkey *c = fkey_copy(m, f);
			c->name = name;
			c->oid = cat_oid("con", f->table->name, name);
			c->reftable = q->name;
		}
	}
}

/* How many partitioned tables p is under (0: none), a partitioned partition's partitions
 * one more than it (sub-partitioning). */
static int depth_of(const struct cat_model *m, const struct cat_rel *p)
{
	int d = 0;
	for (; p && p->part_parent && d < 64; d++)
		p = cat_model_rel(m, p->part_parent);
	return d;
}

static void load_level(struct cat_model *m, size_t nrels, size_t nidx, int depth);

void cat_partinh_load(struct cat_model *m)
{
	size_t nrels = m->nrels, nidx = m->nidx;
	int deepest = 0;
	for (size_t r = 0; r < nrels; r++) {
		int d = depth_of(m, m->rels[r]);
		deepest = d > deepest ? d : deepest;
	}
	/* level by level: a partitioned partition's copies have copies on its partitions */
	for (int depth = 1; depth <= deepest; depth++)
		load_level(m, nrels, nidx, depth);
	fkeys(m);
}

static void load_level(struct cat_model *m, size_t nrels, size_t nidx, int depth)
{
	size_t upto = m->nidx; /* the indexes and the copies of the levels above */
	for (size_t r = 0; r < nrels; r++) {
		struct cat_rel *p = m->rels[r];
		if (depth_of(m, p) != depth)
			continue;
		const struct cat_rel *up = p->part_parent ? cat_model_rel(m, p->part_parent) : NULL;
		for (size_t i = 0; up && i < upto; i++) {
			const struct cat_index *ix = m->idx[i];
			if (ix->table != up || ix->part_of)
				continue;
			struct cat_index *own = NULL;
			for (size_t j = 0; j < nidx && !own; j++)
				if (m->idx[j]->table == p && !m->idx[j]->parent &&
				    equal_index(m->idx[j], ix))
					own = m->idx[j];
			if (own)
				own->parent = ix;
			else
				clone(m, ix, p);
		}
	}
}

/* g's text with its table's name (after " ON public." or " ON ") as p's. */
static const char *trigger_sql(struct arena *a, const char *sql, const char *from, const char *to)
{
	const char *forms[] = {arena_printf(a, " ON public.%s ", from),
			       arena_printf(a, " ON %s ", from)};
	for (size_t i = 0; i < ARRAY_LEN(forms); i++) {
		const char *at = strstr(sql, forms[i]);
		if (at)
			return arena_printf(a, "%.*s%s%s%s", (int)(at - sql), sql,
					    i ? " ON " : " ON public.", to,
					    at + strlen(forms[i]) - 1);
	}
	return sql;
}

void cat_partinh_triggers(struct cat_model *m)
{
	/* a copy on a partitioned partition has copies on its partitions: the triggers to copy
	 * grow with the copies, level by level */
	for (size_t i = 0; i < m->ntriggers; i++) {
		for (size_t r = 0; r < m->nrels; r++) {
			const struct cat_trigger *g = m->triggers[i];
			const struct cat_rel *p = m->rels[r];
			const struct cat_rel *up = p->part_parent ? cat_model_rel(m, p->part_parent)
								  : NULL;
			if (!up)
				continue;
			if (g->table != up || !g->foid || !(g->type & 1 /* TRIGGER_TYPE_ROW */))
				continue;
			struct cat_trigger *c = arena_alloc(m->a, sizeof(*c));
			*c = *g;
			c->table = p;
			c->parent = g;
			c->oid = cat_oid("trg", p->name, g->name);
			c->sql = trigger_sql(m->a, g->sql, cat_quote_ident(m->a, up->name),
					     cat_quote_ident(m->a, p->name));
			cat_model_push_trigger(m, c);
		}
	}
}

void cat_partinh_inherits(const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (!ix->parent)
			continue;
		cat_row(r);
		cat_int(r, ix->rel->oid);
		cat_int(r, ix->parent->rel->oid);
		cat_int(r, 1);
		cat_bool(r, false);
	}
}

/* shardlite_partition_index_attach(parent, child): ALTER INDEX parent ATTACH PARTITION child,
 * as pg_dump writes it for each partition's index. The catalog shows every partition with its
 * copy of each index of the partitioned table (or its own equal index adopted), so attaching
 * that one is PostgreSQL's no-op, and another index of a partition is PostgreSQL's 55000 (the
 * partition has one attached already); anything else 0A000. */
static void fn_index_attach(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *parent = (const char *)sqlite3_value_text(argv[0]);
	const char *child = (const char *)sqlite3_value_text(argv[1]);
	const struct cat_model *m = parent && child ? cat_fn_model(ctx) : NULL;
	sqlite3_result_null(ctx);
	if (!m)
		return;
	const struct cat_rel *pi = cat_model_rel(m, parent), *ci = cat_model_rel(m, child);
	if (!pi || pi->kind != 'i' || !ci || ci->kind != 'i') {
		pgfn_error(ctx, "42P01", "relation \"%s\" does not exist", !ci ? child : parent);
		return;
	}
	if (ci->index->parent == pi->index)
		return;
	const struct cat_rel *part = ci->index->table;
	if (part->part_parent && strcmp(part->part_parent, pi->index->table->name) == 0) {
		pgfn_error_detail(ctx, "55000",
				  arena_printf(m->a,
					       "Another index is already attached for partition "
					       "\"%s\".",
					       part->name),
				  "cannot attach index \"%s\" as a partition of index \"%s\"",
				  child, parent);
		return;
	}
	pgfn_error(ctx, "0A000", "this ALTER INDEX ... ATTACH PARTITION is not supported");
}

/* shardlite_partition_key_check(partition, name, kind, col...): ALTER TABLE [ONLY] partition
 * ADD CONSTRAINT name PRIMARY KEY | UNIQUE (col, ...), as pg_dump writes a partition's copy
 * of its parent's key: the partition shows that copy already (the same kind, name and
 * columns in order), so it changes nothing. Another PRIMARY KEY beside the copy of the
 * parent's is PostgreSQL's 42P16; any other key of a partition is 0A000. */
static void fn_key_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *part = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	const char *kind = (const char *)sqlite3_value_text(argv[2]);
	const struct cat_model *m = part && kind ? cat_fn_model(ctx) : NULL;
	sqlite3_result_null(ctx);
	if (!m)
		return;
	const struct cat_rel *p = cat_model_rel(m, part);
	bool has_pkey = false;
	for (size_t i = 0; p && i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (ix->table != p)
			continue;
		has_pkey |= ix->primary;
		if (!ix->parent || !ix->conname || ix->exclops || ix->primary != (kind[0] == 'p') ||
		    ix->nkeys != argc - 3 || !name || strcmp(name, ix->conname) != 0)
			continue;
		bool same = true;
		for (int k = 0; k < ix->nkeys && same; k++) {
			const char *col = (const char *)sqlite3_value_text(argv[3 + k]);
			same = ix->keys[k] > 0 && col &&
			       strcmp(p->cols[ix->keys[k] - 1].name, col) == 0;
		}
		if (same)
			return;
	}
	if (has_pkey && kind[0] == 'p')
		pgfn_error(ctx, "42P16", "multiple primary keys for table \"%s\" are not allowed",
			   part);
	else
		pgfn_error(ctx, "0A000",
			   "a partition's own PRIMARY KEY or UNIQUE constraint is not supported");
}

/* shardlite_partition_trigger_drop_check(partition, name): DROP TRIGGER name ON partition of
 * its copy of the partitioned table's row trigger is PostgreSQL's 2BP01 (the session adds the
 * HINT to drop the parent's). */
static void fn_trigger_drop_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	const struct cat_model *m = table && name ? cat_fn_model(ctx) : NULL;
	sqlite3_result_null(ctx);
	for (size_t i = 0; m && i < m->ntriggers; i++) {
		const struct cat_trigger *g = m->triggers[i];
		if (g->parent && strcmp(g->name, name) == 0 && strcmp(g->table->name, table) == 0) {
			pgfn_error(
				ctx, "2BP01",
				"cannot drop trigger %s on table %s because trigger %s on table %s "
				"requires it",
				name, table, name, g->parent->table->name);
			return;
		}
	}
}

/* "a", "b" of key f's columns on its table (ref: on the referenced one; bare: a, b),
 * sqlite3_mprintf'd. */
static char *key_cols(const struct cat_model *m, const struct cat_fkey *f, bool ref, bool bare)
{
	const struct cat_rel *t = ref ? cat_model_rel(m, f->reftable) : f->table;
	char *s = sqlite3_mprintf("%s", "");
	for (int k = 0; s && t && k < f->ncols; k++) {
		int16_t at = ref ? f->to[k] : f->from[k];
		char *n = at > 0 && at <= t->ncols
				  ? sqlite3_mprintf(bare ? "%s%s%s" : "%s%s\"%w\"", s,
						    k ? ", " : "", t->cols[at - 1].name)
				  : NULL;
		sqlite3_free(s);
		s = n;
	}
	return s;
}

bool cat_partinh_detach_refs(sqlite3_context *ctx, sqlite3 *db, const char *parent,
			     const char *part, const char *cond)
{
	const struct cat_model *m = cat_fn_model(ctx);
	for (size_t i = 0; m && i < m->nfks; i++) {
		const struct cat_fkey *f = m->fks[i];
		if (!f->parent || strcmp(f->reftable, part) != 0)
			continue;
		char *from = key_cols(m, f, false, false), *to = key_cols(m, f, true, false);
		char *q =
			from && to
				? sqlite3_mprintf("SELECT %s FROM \"%w\" WHERE (%s) IN (SELECT %s "
						  "FROM \"%w\" WHERE %s) LIMIT 1",
						  from, f->table->name, from, to, parent, cond)
				: NULL;
		sqlite3_stmt *st = NULL;
		bool found = q && sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK &&
			     sqlite3_step(st) == SQLITE_ROW;
		struct strbuf vals;
		strbuf_init(&vals, 0);
		for (int k = 0; found && k < f->ncols; k++) {
			const char *v = (const char *)sqlite3_column_text(st, k);
			strbuf_printf(&vals, "%s%s", k ? ", " : "", v ? v : "null");
		}
		char *names = found ? key_cols(m, f, false, true) : NULL;
		char *detail =
			found ? sqlite3_mprintf("Key (%s)=(%s) is still referenced from table "
						"\"%s\".",
						names ? names : "", vals.data ? vals.data : "",
						f->table->name)
			      : NULL;
		sqlite3_free(names);
		strbuf_fini(&vals);
		sqlite3_finalize(st);
		sqlite3_free(q);
		sqlite3_free(from);
		sqlite3_free(to);
		if (found) {
			pgfn_error_detail(
				ctx, "23503", detail ? detail : "",
				"removing partition \"%s\" violates foreign key constraint "
				"\"%s\"",
				part, f->name);
			sqlite3_free(detail);
			return false;
		}
	}
	return true;
}

/* Past the identifier at p (bare or double-quoted) and the spaces after it. */
static const char *past_ident(const char *p)
{
	if (*p == '"')
		for (p++; *p && !(*p == '"' && p[1] != '"'); p += *p == '"' ? 2 : 1)
			;
	else
		while (*p && *p != ' ' && *p != '(')
			p++;
	p += *p == '"';
	while (*p == ' ')
		p++;
	return p;
}

/* The text of a translated CREATE INDEX after its table's name: its keys and what follows. */
static const char *index_tail(const char *sql)
{
	const char *on = sql ? strstr(sql, " ON ") : NULL;
	return on ? past_ident(on + 4) : NULL;
}

bool cat_partinh_index_is_copy(sqlite3_context *ctx, sqlite3 *db, const char *part, const char *sql)
{
	const char *p = sql;
	static const char *const words[] = {"CREATE ", "UNIQUE ", "INDEX ", "IF NOT EXISTS "};
	for (size_t i = 0; i < ARRAY_LEN(words); i++)
		if (strncmp(p, words[i], strlen(words[i])) == 0)
			p += strlen(words[i]);
	const char *end = past_ident(p);
	while (end > p && end[-1] == ' ')
		end--;
	char *name = *p == '"' && end - p >= 2 ? sqlite3_mprintf("%.*s", (int)(end - p - 2), p + 1)
					       : sqlite3_mprintf("%.*s", (int)(end - p), p);
	const struct cat_model *m = name ? cat_fn_model(ctx) : NULL;
	const struct cat_index *copy = NULL;
	for (size_t i = 0; m && i < m->nidx && !copy; i++)
		if (m->idx[i]->parent && !m->idx[i]->rel->sqlname &&
		    strcmp(m->idx[i]->rel->name, name) == 0 &&
		    strcmp(m->idx[i]->table->name, part) == 0)
			copy = m->idx[i];
	sqlite3_free(name);
	/* a copy on a partition of a partitioned partition: its parent is a copy too */
	const struct cat_index *orig = copy ? copy->parent : NULL;
	for (int n = 0; orig && !orig->rel->sqlname && orig->parent && n < 64; n++)
		orig = orig->parent;
	const char *psqlname = orig ? orig->rel->sqlname : NULL;
	char *q = psqlname ? sqlite3_mprintf("SELECT sql FROM main.sqlite_schema WHERE type = "
					     "'index' AND name = %Q",
					     psqlname)
			   : NULL;
	sqlite3_stmt *st = NULL;
	bool same = q && sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW;
	const char *a = same ? index_tail((const char *)sqlite3_column_text(st, 0)) : NULL;
	const char *b = index_tail(sql);
	same = a && b && strcmp(a, b) == 0;
	sqlite3_finalize(st);
	sqlite3_free(q);
	return same;
}

bool cat_partinh_register(sqlite3 *db, struct cat_conn *cc)
{
	const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
	return sqlite3_create_function_v2(db, "shardlite_partition_index_attach", 2, flags, cc,
					  fn_index_attach, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_partition_key_check", -1, flags, cc,
					  fn_key_check, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_partition_trigger_drop_check", 2, flags,
					  cc, fn_trigger_drop_check, NULL, NULL, NULL) == SQLITE_OK;
}
