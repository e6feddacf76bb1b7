/* SPDX-License-Identifier: Apache-2.0 */
/* shard_alter.c: the bridge from a translated ALTER TABLE (struct xlat_rebuild) to the table
 * rebuild (shard_table_rebuild): ADD COLUMN's shortcuts, SET DEFAULT's clause for the column's
 * declared type, and an ALTER TABLE with several actions (a chain of them), run as one
 * statement — all or nothing — with one rebuild for column changes that follow each other. */
#include "shard_int.h"

#include "catalog.h"
#include "xlat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a rebuild meets its transaction: its own (shard_table_rebuild decides, by whether one
 * is open), or the BEGIN IMMEDIATE a several-action ALTER TABLE opened outside a transaction
 * block, with SQLite's foreign keys on or (the table is referenced) off. */
enum held { HELD_NONE, HELD_FK_ON, HELD_FK_OFF };

static bool table_rebuild(struct shard_conn *c, const struct shard_rebuild *rb, enum held h,
			  struct pgerr *err)
{
	if (h == HELD_NONE)
		return shard_table_rebuild(c, rb, err);
	return shard_table_rebuild_held(c, rb, h == HELD_FK_OFF, err);
}

/* ADD COLUMN with a default that is not a literal: SQLite's own ADD COLUMN when the table has
 * no rows (it refuses only then, with this message), else the rebuild; a stored generated
 * column: always the rebuild (SQLite adds only virtual ones); a UNIQUE or PRIMARY KEY column:
 * the rebuild (SQLite's ADD COLUMN refuses them). 1 done, 0 rebuild,
 * -1 with err. */
static int add_column_inplace(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "ALTER TABLE ");
	strbuf_put_quoted(&sb, r->table, '"');
	strbuf_printf(&sb, " ADD COLUMN %s", r->constraint);
	int rc = sb.failed ? SQLITE_NOMEM : sqlite3_exec(c->db, sb.data, NULL, NULL, NULL);
	strbuf_fini(&sb);
	if (rc == SQLITE_OK)
		return 1;
	const char *why = sqlite3_errmsg(c->db);
	if (strstr(why, "non-constant default") || strstr(why, "cannot add a STORED column") ||
	    strstr(why, "Cannot add a UNIQUE column") ||
	    strstr(why, "Cannot add a PRIMARY KEY column"))
		return 0;
	(void)!shard_error(c->db, rc, err);
	return -1;
}

/* SET DEFAULT: the DEFAULT clause for the column's declared type (decl when the statement
 * changes it first, else the table's). */
static const char *default_clause(struct shard_conn *c, const struct xlat_rebuild *r,
				  const char *decl, struct arena *a, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	const char *clause = NULL, *found = NULL;
	bool table = false;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT name, type FROM pragma_table_xinfo(?1) WHERE hidden = 0", -1,
			       &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, r->table, -1, SQLITE_STATIC);
		while (sqlite3_step(vm) == SQLITE_ROW) {
			table = true;
			if (!found && sqlite3_stricmp((const char *)sqlite3_column_text(vm, 0),
						      r->column) == 0)
				found = arena_strdup(a, (const char *)sqlite3_column_text(vm, 1));
		}
	}
	sqlite3_finalize(vm);
	if (!table)
		pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
			  r->table);
	else if (!found)
		pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN,
			  "column \"%s\" of relation \"%s\" does not exist", r->column, r->table);
	else if (!xlat_column_default(r->column, decl ? decl : found, r->default_pg, a, &clause,
				      err))
		clause = NULL;
	return clause;
}

static bool one(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a, enum held h,
		struct pgerr *err);


/* Whether the query (?1, and ?2 unless NULL, bound) gives a row; -1 with err. */
static int exists(struct shard_conn *c, const char *sql, const char *a1, const char *a2,
		  struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &vm, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, a1, -1, SQLITE_STATIC);
		if (a2)
			sqlite3_bind_text(vm, 2, a2, -1, SQLITE_STATIC);
		rc = sqlite3_step(vm);
	}
	sqlite3_finalize(vm);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	(void)!shard_error(c->db, rc, err);
	return -1;
}

/* Whether the tenant (or the session's temp schema) has a table or view of that name. */
static bool relation_exists(struct shard_conn *c, const char *name)
{
	struct pgerr ignored;
	return shard_table_is_temp(c->db, name) ||
	       exists(c,
		      "SELECT 1 FROM sqlite_schema WHERE type IN ('table', 'view') AND "
		      "name = ?1 COLLATE NOCASE",
		      name, NULL, &ignored) == 1;
}

/* What may not have a chosen name already: relations (pg_class, and any SQLite object: a
 * trigger's name cannot be an index's), constraints (PostgreSQL looks in the whole schema),
 * or both (an index behind a constraint). */
enum name_space { NS_RELATION = 1, NS_CONSTRAINT = 2, NS_BOTH = 3 };

/* Whether name is taken in ns; -1 with err. */
static int taken(struct shard_conn *c, const char *name, enum name_space ns, struct pgerr *err)
{
	static const char *const sql[] = {
		[NS_RELATION] = "SELECT 1 FROM pg_class WHERE relname = ?1 UNION ALL SELECT 1 FROM "
				"sqlite_schema WHERE name = ?1 COLLATE NOCASE",
		[NS_CONSTRAINT] = "SELECT 1 FROM pg_constraint WHERE conname = ?1",
		[NS_BOTH] = "SELECT 1 FROM pg_class WHERE relname = ?1 UNION ALL SELECT 1 FROM "
			    "sqlite_schema WHERE name = ?1 COLLATE NOCASE UNION ALL SELECT 1 FROM "
			    "pg_constraint WHERE conname = ?1",
	};
	return exists(c, sql[ns], name, NULL, err);
}

/* The name PostgreSQL's ChooseRelationName / ChooseConstraintName would give r: the label
 * followed by 1, 2, ... while the name is taken in ns. NULL with err. */
static const char *free_name(struct shard_conn *c, const struct xlat_rebuild *r, enum name_space ns,
			     struct arena *a, struct pgerr *err)
{
	for (int pass = 0; pass < 100000; pass++) {
		const char *label = pass ? arena_printf(a, "%s%d", r->label, pass) : r->label;
		const char *cand = base_object_name(a, r->table, r->name_cols, label);
		int t = taken(c, cand, ns, err);
		if (t <= 0)
			return t < 0 ? NULL : cand;
	}
	pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
		  "no free default name for this object of table \"%s\"", r->table);
	return NULL;
}

/* The action with its chosen name in its text. */
static bool choose_name(struct shard_conn *c, struct xlat_rebuild *r, struct arena *a,
			struct pgerr *err)
{
	bool check = r->kind != XLAT_RB_SCRIPT;
	const char *text = check ? r->constraint : r->script;
	const char *name = free_name(c, r, check ? NS_CONSTRAINT : NS_RELATION, a, err);
	if (!name)
		return false;
	if (r->name_at + r->name_len > strlen(text))
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "no free default name for this object of table \"%s\"", r->table);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, text, r->name_at);
	strbuf_put_quoted(&sb, name, '"');
	strbuf_puts(&sb, text + r->name_at + r->name_len);
	const char *out = sb.failed ? NULL : arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	if (!out)
		return pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	*(check ? &r->constraint : &r->script) = out;
	r->name = name;
	r->label = NULL;
	return true;
}

/* ADD COLUMN with scripts around it, in one savepoint: a serial or identity column's sequence
 * first (the rows are numbered from it as the column is added), then the column, then the
 * sequence given to the column (which must exist by then) and the table's row triggers made
 * again with the new column (xlat_trigger_refit_after). */
static bool numbered_column(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
			    enum held h, struct pgerr *err)
{
	struct xlat_rebuild plain = *r;
	plain.before = plain.after = NULL;
	struct pgerr ignored;
	if (!shard_exec(c, "SAVEPOINT shardlite_add_column", err))
		return false;
	bool ok = (!r->before || shard_exec(c, r->before, err)) && one(c, &plain, a, h, err) &&
		  (!r->after || shard_exec(c, r->after, err));
	if (!ok)
		(void)!shard_exec(c, "ROLLBACK TO shardlite_add_column", &ignored);
	if (!shard_exec(c, "RELEASE shardlite_add_column", ok ? err : &ignored))
		ok = false;
	return ok;
}

/* Whether the table has a PRIMARY KEY or UNIQUE constraint on exactly r's columns (in
 * order), which SQLite would take for the one r adds; -1 with err. */
static int same_unique(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(
		c->db,
		"SELECT l.name, (SELECT group_concat(i.name, char(9)) FROM (SELECT name FROM "
		"pragma_index_info(l.name) ORDER BY seqno) i) FROM pragma_index_list(?1) l WHERE "
		"l.\"unique\" AND l.partial = 0 AND l.origin IN ('u', 'pk')",
		-1, &vm, NULL);
	struct strbuf want;
	strbuf_init(&want, 0);
	for (size_t i = 0; i < r->nkeys; i++)
		strbuf_printf(&want, "%s%s", i ? "\t" : "", r->keys[i]);
	bool found = false;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, r->table, -1, SQLITE_STATIC);
		while (!found && (rc = sqlite3_step(vm)) == SQLITE_ROW) {
			const char *cols = (const char *)sqlite3_column_text(vm, 1);
			found = cols && want.data && sqlite3_stricmp(cols, want.data) == 0;
		}
	}
	sqlite3_finalize(vm);
	strbuf_fini(&want);
	if (found || rc == SQLITE_DONE)
		return found;
	(void)!shard_error(c->db, rc, err);
	return -1;
}

/* A UNIQUE constraint that repeats one the table has: a unique index of its own, marked as a
 * constraint for the catalog (PostgreSQL keeps both). Its rows are unique already. So too a
 * UNIQUE added inside a transaction block to a table other tables' foreign keys reference,
 * which cannot be rebuilt there (SQLite's foreign keys stay on): its rows are checked as the
 * index is made, a duplicate is PostgreSQL's 23505 "could not create unique index". */
static bool unique_index(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
			 struct pgerr *err)
{
	const char *name = r->label ? free_name(c, r, NS_BOTH, a, err) : r->name;
	if (!name)
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "CREATE UNIQUE INDEX ");
	strbuf_put_quoted(&sb, name, '"');
	strbuf_puts(&sb, " " CATALOG_UNIQUE_MARK " ON ");
	strbuf_put_quoted(&sb, r->table, '"');
	for (size_t i = 0; i < r->nkeys; i++) {
		strbuf_puts(&sb, i ? ", " : " (");
		strbuf_put_quoted(&sb, r->keys[i], '"');
	}
	strbuf_puts(&sb, ")");
	bool ok = !sb.failed ? shard_exec(c, sb.data, err)
			     : pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	if (!ok && !sb.failed)
		(void)shard_unique_index_explain(c->db, sb.data, err);
	strbuf_fini(&sb);
	return ok;
}

/* "; DROP TRIGGER IF EXISTS" of the two triggers of a DEFERRABLE key named name
 * (xlat_defkey.c), onto sb. */
static void put_drop_defkey_triggers(struct strbuf *sb, const char *name)
{
	char *drop = sqlite3_mprintf("; DROP TRIGGER IF EXISTS \"%w" XLAT_DEFKEY_INSERT
				     "\"; DROP TRIGGER IF EXISTS \"%w" XLAT_DEFKEY_UPDATE "\"",
				     name, name);
	strbuf_puts(sb, drop ? drop : "");
	sb->failed |= drop == NULL;
	sqlite3_free(drop);
}

/* Whether a foreign key references table's columns of index (the same set, as PostgreSQL's
 * key depends on the unique index over its referenced columns): 1 or 0, -1 with err. */
static int index_referenced(struct shard_conn *c, const char *table, const char *index,
			    struct pgerr *err)
{
	return exists(c,
		      "SELECT 1 FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE "
		      "m.type = 'table' AND f.\"table\" = ?1 COLLATE NOCASE GROUP BY m.name, f.id "
		      "HAVING count(*) = (SELECT count(*) FROM pragma_index_info(?2)) AND "
		      "sum(f.\"to\" IN (SELECT name FROM pragma_index_info(?2))) = count(*)",
		      table, index, err);
}

/* DROP CONSTRAINT of a UNIQUE that is an index of its own (unique_index): the index goes
 * (2BP01 while a foreign key references its columns). 1 done, 0 not such a constraint, -1
 * with err. */
static int drop_unique_index(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1 "
			       "AND tbl_name = ?2 COLLATE NOCASE AND instr(sql, ?3)",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, r->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, r->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 3, CATALOG_UNIQUE_MARK, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	if (!found)
		return 0;
	int used = index_referenced(c, r->table, r->name, err);
	if (used < 0)
		return -1;
	if (used) {
		pgerr_set(
			err, "2BP01",
			"cannot drop constraint %s on table %s because other objects depend on it",
			r->name, r->table);
		pgerr_hint(err, "Use DROP ... CASCADE to drop the dependent objects too.");
		return -1;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "DROP INDEX ");
	strbuf_put_quoted(&sb, r->name, '"');
	put_drop_defkey_triggers(&sb, r->name); /* a DEFERRABLE one's go with it */
	bool ok = !sb.failed && shard_exec(c, sb.data, err);
	strbuf_fini(&sb);
	return ok ? 1 : -1;
}

/* DROP CONSTRAINT of an EXCLUDE constraint (xlat_exclude.c): its index and its triggers
 * go. 1 done, 0 not such a constraint, -1 with err. */
static int drop_exclusion(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	int found = exists(c,
			   "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1 AND "
			   "tbl_name = ?2 COLLATE NOCASE AND instr(sql, '" XLAT_EXCLUDE_MARK "')",
			   r->name, r->table, err);
	if (found <= 0)
		return found;
	char *sql = sqlite3_mprintf("DROP TRIGGER IF EXISTS \"%w" XLAT_EXCLUDE_INSERT
				    "\"; DROP TRIGGER IF EXISTS \"%w" XLAT_EXCLUDE_UPDATE
				    "\"; DROP TRIGGER IF EXISTS \"%w" XLAT_EXCLUDE_SKIP
				    "\"; DROP INDEX \"%w\"",
				    r->name, r->name, r->name, r->name);
	bool ok = sql && shard_exec(c, sql, err);
	if (!sql)
		pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	sqlite3_free(sql);
	return ok ? 1 : -1;
}

/* The triggers of DEFERRABLE UNIQUE key r->name under r->new_name, appended to *create. */
static bool defkey_triggers(struct shard_conn *c, const struct xlat_rebuild *r, char **create)
{
	sqlite3_stmt *vm = NULL;
	const char *cols[32];
	size_t n = 0;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, *create);
	if (sqlite3_prepare_v2(c->db, "SELECT name FROM pragma_index_info(?1) ORDER BY seqno", -1,
			       &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, r->name, -1, SQLITE_STATIC);
		while (n < 32 && sqlite3_step(vm) == SQLITE_ROW)
			cols[n++] = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
	}
	sqlite3_finalize(vm);
	xlat_defkey_triggers(&sb, r->new_name, r->table, cols, n);
	while (n)
		free((char *)cols[--n]);
	bool ok = !sb.failed;
	free(*create);
	*create = ok ? base_xstrdup(sb.data) : NULL;
	strbuf_fini(&sb);
	return ok;
}

/* A UNIQUE ... INCLUDE constraint's index (xlat_defkey.c) keeps its marks: *create becomes
 * its stored text with the new name (after "CREATE UNIQUE INDEX ", up to the unique mark).
 * False when out of memory; *create unchanged when the index has no INCLUDE mark. */
static bool included(struct shard_conn *c, const struct xlat_rebuild *r, char **create)
{
	sqlite3_stmt *vm = NULL;
	bool ok = true;
	if (sqlite3_prepare_v2(
		    c->db, "SELECT sql FROM main.sqlite_schema WHERE type = 'index' AND name = ?1",
		    -1, &vm, NULL) != SQLITE_OK)
		return true;
	sqlite3_bind_text(vm, 1, r->name, -1, SQLITE_STATIC);
	const char *sql = sqlite3_step(vm) == SQLITE_ROW ? (const char *)sqlite3_column_text(vm, 0)
							 : NULL;
	const char *mark =
		sql && (strstr(sql, CATALOG_INCLUDE_MARK) || strstr(sql, CATALOG_NND_MARK))
			? strstr(sql, " " CATALOG_UNIQUE_MARK)
			: NULL;
	if (mark) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, "CREATE UNIQUE INDEX ");
		strbuf_put_quoted(&sb, r->new_name, '"');
		strbuf_puts(&sb, mark);
		ok = !sb.failed;
		if (ok) {
			free(*create);
			*create = base_xstrdup(sb.data);
		}
		strbuf_fini(&sb);
	}
	sqlite3_finalize(vm);
	return ok;
}

/* RENAME CONSTRAINT of a unique index of its own (unique_index): made again under the new
 * name, on the same columns. */
static bool rename_unique_index(struct shard_conn *c, const struct xlat_rebuild *r,
				struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	/* a DEFERRABLE one (xlat_defkey.c): a plain index with its mark, and its triggers */
	int mode = shard_defkey_mode(c->db, r->name);
	strbuf_puts(&sb, mode < 0 ? "SELECT 'CREATE UNIQUE INDEX ' || ?2 || ' " CATALOG_UNIQUE_MARK
				    " ON ' || "
				  : mode ? "SELECT 'CREATE INDEX ' || ?2 || ' " CATALOG_UNIQUE_MARK
					   " " CATALOG_DEFERRED_MARK " ON ' || "
					 : "SELECT 'CREATE INDEX ' || ?2 || ' " CATALOG_UNIQUE_MARK
					   " " CATALOG_DEFERRABLE_MARK " ON ' || ");
	strbuf_puts(&sb, "?3 || ' (' || group_concat('\"' || replace(name, '\"', '\"\"') || '\"', "
			 "', ') || ')' FROM (SELECT name FROM pragma_index_info(?1) ORDER BY seqno)");
	sqlite3_stmt *vm = NULL;
	char *create = NULL;
	struct strbuf to, table;
	strbuf_init(&to, 0);
	strbuf_init(&table, 0);
	strbuf_put_quoted(&to, r->new_name, '"');
	strbuf_put_quoted(&table, r->table, '"');
	int rc = sb.failed ? SQLITE_NOMEM : sqlite3_prepare_v2(c->db, sb.data, -1, &vm, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, r->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, to.data, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 3, table.data, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(vm)) == SQLITE_ROW && sqlite3_column_text(vm, 0))
			create = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
	}
	sqlite3_finalize(vm);
	strbuf_reset(&sb);
	if (create && mode < 0 && !included(c, r, &create)) {
		free(create);
		create = NULL;
		rc = SQLITE_NOMEM;
	}
	if (create && mode >= 0 && !defkey_triggers(c, r, &create)) {
		free(create);
		create = NULL;
		rc = SQLITE_NOMEM;
	}
	strbuf_puts(&sb, "DROP INDEX ");
	strbuf_put_quoted(&sb, r->name, '"');
	if (mode >= 0)
		put_drop_defkey_triggers(&sb, r->name);
	bool ok = create ? shard_exec(c, sb.data, err) && shard_exec(c, create, err)
			 : shard_error(c->db, rc == SQLITE_ROW ? SQLITE_ERROR : rc, err);
	free(create);
	strbuf_fini(&sb);
	strbuf_fini(&to);
	strbuf_fini(&table);
	return ok;
}

/* ALTER TABLE t RENAME CONSTRAINT a TO b, PostgreSQL's checks first: 42P01, 42704, 42710 the
 * new name is the table's other constraint's, 42P07 another relation's (a key's index is
 * renamed with it). The stored text is rewritten in place: no row changes. */
bool shard_rename_constraint(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	char con[128], key_con[160];
	unsigned oid = catalog_rel_oid(r->table);
	snprintf(con, sizeof(con),
		 "SELECT 1 FROM pg_constraint WHERE conrelid = %u AND conname = ?1", oid);
	snprintf(key_con, sizeof(key_con), "%s AND contype IN ('p', 'u', 'x')", con);
	int key = exists(c, key_con, r->name, NULL, err);
	int have = key < 0 ? -1 : key ? 1 : exists(c, con, r->name, NULL, err);
	int clash = have <= 0 ? 0 : exists(c, con, r->new_name, NULL, err);
	int rel = have <= 0 || clash || !key
			  ? 0
			  : exists(c, "SELECT 1 FROM pg_class WHERE relname = ?1", r->new_name,
				   NULL, err);
	if (have < 0 || clash < 0 || rel < 0)
		return false;
	if (!relation_exists(c, r->table))
		return pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				 r->table);
	if (!have)
		return pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
				 "constraint \"%s\" for table \"%s\" does not exist", r->name,
				 r->table);
	if (clash)
		return pgerr_set(err, "42710",
				 "constraint \"%s\" for relation \"%s\" already exists",
				 r->new_name, r->table);
	if (rel)
		return pgerr_set(err, "42P07", "relation \"%s\" already exists", r->new_name);
	int excl = exists(c,
			  "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1 AND "
			  "instr(sql, '" XLAT_EXCLUDE_MARK "')",
			  r->name, NULL, err);
	if (excl) { /* an EXCLUDE constraint: its index and triggers made again */
		char *sql = sqlite3_mprintf("SELECT shardlite_exclude_rename(%Q, %Q)", r->name,
					    r->new_name);
		bool ok = excl > 0 && sql && shard_exec(c, sql, err);
		if (!sql)
			pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
		sqlite3_free(sql);
		return ok;
	}
	int own = exists(c,
			 "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1 AND "
			 "instr(sql, '" CATALOG_UNIQUE_MARK "')",
			 r->name, NULL, err);
	if (own)
		return own > 0 && rename_unique_index(c, r, err);
	struct shard_rebuild rb = {.kind = SHARD_RB_DROP_CONSTRAINT, .table = r->table};
	sqlite3_stmt *vm = NULL;
	char *old = NULL, *def = NULL;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1 "
			       "COLLATE NOCASE",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, r->table, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW && sqlite3_column_text(vm, 0))
			old = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
	}
	sqlite3_finalize(vm);
	def = old ? shard_coldef_rename(c, r->table, r->name, r->new_name, old, err) : NULL;
	struct pgerr ignored;
	bool ok = def && shard_exec(c, "SAVEPOINT shardlite_rename", err);
	if (ok && !shard_inplace_write(c, &rb, def, err)) {
		(void)!shard_exec(c, "ROLLBACK TO shardlite_rename", &ignored);
		ok = false;
	}
	if (def && !shard_exec(c, "RELEASE shardlite_rename", ok ? err : &ignored))
		ok = false;
	if (!old && !pgerr_is_set(err))
		pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
			  r->table);
	free(old);
	free(def);
	return ok;
}

/* PostgreSQL's refusal of an index for ADD ... USING INDEX (transformIndexConstraint). */
static bool unusable(struct pgerr *err, const char *sqlstate, const char *fmt, const char *name,
		     int n)
{
	pgerr_set(err, sqlstate, fmt, name, n);
	if (strcmp(sqlstate, "42809") == 0)
		pgerr_detail(err, "Cannot create a primary key or unique constraint using such "
				  "an index.");
	return false;
}

/* The index that ADD ... USING INDEX names, checked as PostgreSQL checks it: it exists (42704),
 * is no constraint's already (55000), belongs to the table (55000), is unique, whole (not
 * partial), of plain columns in ascending order (42809). */
static bool using_index_check(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	char *table = NULL, *sql = NULL;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND "
			       "name = ?1 COLLATE NOCASE",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, r->using_index, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW) {
			table = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
			sql = base_xstrdup(sqlite3_column_text(vm, 1)
						   ? (const char *)sqlite3_column_text(vm, 1)
						   : "");
		}
	}
	sqlite3_finalize(vm);
	int key = table ? 0 : exists(c, "SELECT 1 FROM pg_class WHERE relname = ?1 AND relkind = 'i'",
				       r->using_index, NULL, err);
	bool ok = key >= 0;
	if (ok && (key || (sql && (!*sql || strstr(sql, CATALOG_UNIQUE_MARK)))))
		ok = unusable(err, "55000", "index \"%s\" is already associated with a constraint",
			      r->using_index, 0);
	else if (ok && !table)
		ok = unusable(err, SQLSTATE_UNDEFINED_OBJECT, "index \"%s\" does not exist",
			      r->using_index, 0);
	else if (ok && sqlite3_stricmp(table, r->table) != 0)
		ok = pgerr_set(err, "55000", "index \"%s\" does not belong to table \"%s\"",
			       r->using_index, r->table);
	free(table);
	free(sql);
	return ok;
}

/* The key columns of ADD ... USING INDEX's index, in order, into k (keys and the constraint's
 * SQLite text), after using_index_check. */
static bool using_index_key(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
			    struct xlat_rebuild *k, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(
		c->db,
		"SELECT l.\"unique\", l.partial, x.cid, x.\"desc\", x.name FROM pragma_index_list(?1) l "
		"JOIN pragma_index_xinfo(l.name) x ON x.key WHERE l.name = ?2 COLLATE NOCASE "
		"ORDER BY x.seqno",
		-1, &vm, NULL);
	const char **keys = arena_zalloc(a, 64 * sizeof(*keys));
	size_t n = 0;
	bool ok = rc == SQLITE_OK;
	if (ok) {
		sqlite3_bind_text(vm, 1, r->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, r->using_index, -1, SQLITE_STATIC);
	}
	while (ok && (rc = sqlite3_step(vm)) == SQLITE_ROW) {
		const char *idx = r->using_index;
		if (!sqlite3_column_int(vm, 0))
			ok = unusable(err, "42809", "\"%s\" is not a unique index", idx, 0);
		else if (sqlite3_column_int(vm, 1))
			ok = unusable(err, "42809", "\"%s\" is a partial index", idx, 0);
		else if (sqlite3_column_int(vm, 2) < 0)
			ok = unusable(err, "42809", "index \"%s\" contains expressions", idx, 0);
		else if (sqlite3_column_int(vm, 3))
			ok = unusable(err, "42809",
				      "index \"%s\" column number %d does not have default sorting "
				      "behavior",
				      idx, (int)n + 1);
		else if (n == 64)
			ok = pgerr_set(err, "54011", "cannot use more than 64 columns in an index");
		else
			keys[n++] = arena_strdup(a, (const char *)sqlite3_column_text(vm, 4));
	}
	sqlite3_finalize(vm);
	if (ok && rc != SQLITE_DONE)
		return shard_error(c->db, rc, err);
	if (!ok)
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "CONSTRAINT ");
	strbuf_put_quoted(&sb, r->name, '"');
	strbuf_puts(&sb, r->primary ? " PRIMARY KEY" : " UNIQUE");
	for (size_t i = 0; i < n; i++) {
		strbuf_puts(&sb, i ? ", " : " (");
		strbuf_put_quoted(&sb, keys[i], '"');
	}
	strbuf_puts(&sb, ")");
	k->constraint = sb.failed ? NULL : arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	k->keys = keys;
	k->nkeys = n;
	k->using_index = NULL;
	return k->constraint ? true : pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

static bool chain(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
		  struct pgerr *err);

/* ADD ... USING INDEX: the index goes and the key takes its place, as one statement (a chain
 * of the DROP INDEX and the key's rebuild). */
static bool using_index(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
			struct pgerr *err)
{
	struct xlat_rebuild *drop = arena_zalloc(a, sizeof(*drop));
	struct xlat_rebuild *key = arena_alloc(a, sizeof(*key));
	*key = *r;
	key->next = NULL;
	if (!relation_exists(c, r->table))
		return pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				 r->table);
	if (!using_index_check(c, r, err) || !using_index_key(c, r, a, key, err))
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "DROP INDEX ");
	strbuf_put_quoted(&sb, r->using_index, '"');
	drop->script = sb.failed ? NULL : arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	if (!drop->script)
		return pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	drop->kind = XLAT_RB_SCRIPT;
	drop->table = r->table;
	drop->next = key;
	return chain(c, drop, a, err);
}

static struct shard_rebuild plain_rebuild(const struct xlat_rebuild *r, const char *constraint)
{
	return (struct shard_rebuild){.kind = r->kind == XLAT_RB_DROP_EXPRESSION
						      ? SHARD_RB_DROP_EXPRESSION
						      : (enum shard_rebuild_kind)r->kind,
				      .table = r->table,
				      .constraint = constraint,
				      .name = r->name,
				      .keys = r->keys,
				      .nkeys = r->nkeys,
				      .primary = r->primary,
				      .ref_table = r->ref_table,
				      .ref_keys = r->ref_keys,
				      .nref_keys = r->nref_keys,
				      .column = r->column,
				      .decl = r->decl,
				      .convert = r->convert,
				      .missing_ok = r->missing_ok,
				      .not_null = r->not_null,
				      .keep_rows = r->keep_rows,
				      .enum_from = r->enum_from,
				      .enum_to = r->enum_to};
}

/* DROP EXPRESSION [IF EXISTS]: 1 the column is a stored generated one, 0 it is another one and
 * IF EXISTS was given (nothing to do), -1 with err: 42703 no such column, 55000 not generated. */
static int generated_column(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int hidden = -1;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT hidden FROM pragma_table_xinfo(?1) WHERE name = ?2 COLLATE "
			       "NOCASE",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, r->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, r->column, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW)
			hidden = sqlite3_column_int(vm, 0);
	}
	sqlite3_finalize(vm);
	if (hidden == 3)
		return 1;
	if (!relation_exists(c, r->table))
		pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist", r->table);
	else if (hidden < 0)
		pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN,
			  "column \"%s\" of relation \"%s\" does not exist", r->column, r->table);
	else if (r->missing_ok) /* PostgreSQL's NOTICE "..., skipping" */
		return 0;
	else
		pgerr_set(err, "55000",
			  "column \"%s\" of relation \"%s\" is not a stored generated column",
			  r->column, r->table);
	return -1;
}

/* One action (the chain's next is not followed). */
static bool one_change(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
		       enum held h, struct pgerr *err)
{
	if (r->using_index)
		return using_index(c, r, a, err);
	if (r->kind == XLAT_RB_KEY && !r->primary) {
		int dup = same_unique(c, r, err);
		if (dup == 0 && h == HELD_NONE && !sqlite3_get_autocommit(c->db) &&
		    shard_table_referenced(c->db, r->table))
			dup = 1; /* in a transaction block: an index of its own (unique_index) */
		if (dup > 0 && !r->label && r->name &&
		    !shard_constraint_name_free(c->db, r->table, r->name, true, err))
			return false;
		if (dup)
			return dup > 0 && unique_index(c, r, a, err);
	}
	if (r->kind == XLAT_RB_RENAME_CONSTRAINT)
		return shard_rename_constraint(c, r, err);
	if (r->kind == XLAT_RB_VALIDATE)
		return shard_validate_constraint(c, r, err);
	if (r->kind == XLAT_RB_RELOPTIONS)
		return shard_reloptions(c, r, err);
	if (r->kind == XLAT_RB_ALTER_CONSTRAINT)
		return shard_alter_constraint(c, r, err);
	int gen = r->kind == XLAT_RB_DROP_EXPRESSION ? generated_column(c, r, err) : 1;
	if (gen <= 0)
		return gen == 0;
	if (r->kind == XLAT_RB_RENAME)
		return shard_rename(c, r, err);
	if (r->kind == XLAT_RB_LIKE)
		return shard_create_like(c, r, err);
	int dropped = r->kind == XLAT_RB_DROP_CONSTRAINT ? drop_exclusion(c, r, err) : 0;
	if (dropped)
		return dropped > 0;
	dropped = r->kind == XLAT_RB_DROP_CONSTRAINT ? drop_unique_index(c, r, err) : 0;
	if (dropped)
		return dropped > 0;
	if (r->label && r->kind != XLAT_RB_KEY) {
		struct xlat_rebuild *named = arena_alloc(a, sizeof(*named));
		*named = *r;
		if (!choose_name(c, named, a, err))
			return false;
		r = named;
	}
	const char *constraint = r->constraint;
	/* DROP COLUMN IF EXISTS of a column the table lacks: nothing (no NOTICE) */
	if (r->kind == XLAT_RB_SCRIPT && r->missing_ok && r->column &&
	    relation_exists(c, r->table) &&
	    sqlite3_table_column_metadata(c->db, "main", r->table, r->column, NULL, NULL, NULL,
					  NULL, NULL) != SQLITE_OK)
		return true;
	if (r->kind == XLAT_RB_SCRIPT) { /* a CREATE INDEX named here among them */
		bool ok = shard_exec(c, r->script, err);
		const char *made = ok ? NULL : strstr(r->script, "CREATE UNIQUE INDEX ");
		if (made) /* after its checks (USING, INCLUDE) */
			(void)shard_unique_index_explain(c->db, made, err);
		return ok;
	}
	/* ADD COLUMN IF NOT EXISTS of a column the table has: nothing to do */
	if (r->kind == XLAT_RB_ADD_COLUMN && r->missing_ok &&
	    sqlite3_table_column_metadata(shard_conn_db(c), "main", r->table, r->column, NULL, NULL,
					  NULL, NULL, NULL) == SQLITE_OK)
		return true;
	/* ADD COLUMN with its scripts, ALTER COLUMN ADD IDENTITY (a SET DEFAULT) */
	if ((r->kind == XLAT_RB_ADD_COLUMN && (r->before || r->after)) ||
	    (r->kind == XLAT_RB_SET_DEFAULT && r->before))
		return numbered_column(c, r, a, h, err);
	int added = r->kind == XLAT_RB_ADD_COLUMN ? add_column_inplace(c, r, err) : 0;
	if (added)
		return added > 0;
	if (r->kind == XLAT_RB_SET_DEFAULT && r->default_pg &&
	    !(constraint = default_clause(c, r, NULL, a, err)))
		return false;
	/* ADD PRIMARY KEY: the sidecar where a key stored as the rowid keeps its type */
	if (r->kind == XLAT_RB_KEY && r->primary && r->script && !shard_exec(c, r->script, err))
		return false;
	struct shard_rebuild rb = plain_rebuild(r, constraint);
	return table_rebuild(c, &rb, h, err);
}

/* A change, then a renamed or dropped constraint's comment follows it (catalog_seqddl.c). */
static bool one(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a, enum held h,
		struct pgerr *err)
{
	struct xlat_rebuild *drops = NULL; /* DROP COLUMN: the constraints over it go first */
	if (r->drop_column && !shard_dropcol_plan(c, r, a, &drops, err))
		return false;
	for (const struct xlat_rebuild *d = drops; d; d = d->next) {
		if (!one(c, d, a, h, err))
			return false;
	}
	if (!one_change(c, r, a, h, err))
		return false;
	if ((r->kind != XLAT_RB_RENAME_CONSTRAINT && r->kind != XLAT_RB_DROP_CONSTRAINT) ||
	    !r->table || !r->name)
		return true;
	char *sql = sqlite3_mprintf("SELECT shardlite_con_renamed(%Q, %Q, %Q)", r->table, r->name,
				    r->kind == XLAT_RB_RENAME_CONSTRAINT ? r->new_name : NULL);
	bool ok = sql && shard_exec(c, sql, err);
	if (!sql)
		pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	sqlite3_free(sql);
	return ok;
}

/* A change of a column's attributes, which several can share one rebuild. */
static bool column_change(const struct xlat_rebuild *r)
{
	return r && (r->kind == XLAT_RB_ALTER_TYPE || r->kind == XLAT_RB_NOT_NULL ||
		     (r->kind == XLAT_RB_SET_DEFAULT && !r->before));
}

/* The column changes from r on that follow each other, made by one rebuild; *end is the
 * action after them. */
static bool changes(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
		    enum held h, const struct xlat_rebuild **end, struct pgerr *err)
{
	size_t n = 0; /* one table's (ALTER TYPE ... RENAME TO chains several tables) */
	for (const struct xlat_rebuild *x = r; column_change(x) && !strcmp(x->table, r->table);
	     x = x->next)
		n++;
	*end = r;
	for (size_t i = 0; i < n; i++)
		*end = (*end)->next;
	if (n == 1)
		return one(c, r, a, h, err);
	struct shard_rebuild *v = arena_zalloc(a, n * sizeof(*v));
	const struct xlat_rebuild *x = r;
	for (size_t i = 0; i < n; i++, x = x->next) {
		const char *constraint = x->constraint, *decl = NULL;
		for (size_t j = 0; j < i; j++) { /* a type changed first: the default is for it */
			if (v[j].kind == SHARD_RB_ALTER_TYPE &&
			    sqlite3_stricmp(v[j].column, x->column) == 0)
				decl = v[j].decl;
		}
		if (decl && decl[0] == '"') /* the new type as pragma_table_xinfo would give it */
			decl = arena_strndup(a, decl + 1, strlen(decl) - 2);
		if (x->kind == XLAT_RB_SET_DEFAULT && x->default_pg &&
		    !(constraint = default_clause(c, x, decl, a, err)))
			return false;
		v[i] = plain_rebuild(x, constraint);
		v[i].next = i + 1 < n ? &v[i + 1] : NULL;
	}
	return table_rebuild(c, &v[0], h, err);
}

/* Every action in order, inside the transaction or savepoint the caller opened. */
static bool actions(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
		    enum held h, struct pgerr *err)
{
	while (r) {
		const struct xlat_rebuild *next = r->next;
		bool ok = column_change(r) ? changes(c, r, a, h, &next, err) : one(c, r, a, h, err);
		if (!ok)
			return false;
		r = next;
	}
	return true;
}

/* Several actions: outside a transaction block they take the tenant's write lock first, as
 * shard_table_rebuild does for one, with SQLite's foreign keys off when other tables
 * reference the table (a rebuild renames it aside); inside one, a savepoint. */
static bool chain(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
		  struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	struct pgerr ignored;
	pgerr_clear(&ignored);
	if (!sqlite3_get_autocommit(db)) {
		if (!shard_exec(c, "SAVEPOINT shardlite_alter", err))
			return false;
		bool ok = actions(c, r, a, HELD_NONE, err) && shard_exec(c, XLAT_FKSET_SWEEP, err);
		if (!ok)
			(void)!shard_exec(c, "ROLLBACK TO shardlite_alter", &ignored);
		if (!shard_exec(c, "RELEASE shardlite_alter", ok ? err : &ignored))
			ok = false;
		return ok;
	}
	bool fk_off = false; /* any table of the chain (ALTER TYPE ... RENAME TO has several) */
	for (const struct xlat_rebuild *x = r; x && !fk_off; x = x->next)
		fk_off = shard_table_rebuild_fk_off(db, x->table);
	bool ok = (!fk_off || shard_exec_internal(c, "PRAGMA foreign_keys = OFF", err)) &&
		  shard_exec(c, "BEGIN IMMEDIATE", err);
	if (ok) {
		ok = actions(c, r, a, fk_off ? HELD_FK_OFF : HELD_FK_ON, err) &&
		     shard_exec(c, XLAT_FKSET_SWEEP, err) && shard_exec(c, "COMMIT", err);
		if (!ok && !sqlite3_get_autocommit(db))
			(void)!shard_exec(c, "ROLLBACK", &ignored);
	}
	if (fk_off)
		(void)!shard_exec_internal(c, "PRAGMA foreign_keys = ON", &ignored);
	return ok;
}

/* Whether the tenant has what the sweep keeps (XLAT_FKSET_SWEEP's condition). */
static bool sweeps(sqlite3 *db)
{
	sqlite3_stmt *vm = NULL;
	const char *q = strstr(XLAT_FKSET_SWEEP, " WHERE EXISTS ");
	char *sql = sqlite3_mprintf("SELECT 1%s", q ? q : " WHERE 0");
	bool some = sql && sqlite3_prepare_v2(db, sql, -1, &vm, NULL) == SQLITE_OK &&
		    sqlite3_step(vm) == SQLITE_ROW;
	sqlite3_finalize(vm);
	sqlite3_free(sql);
	return some;
}

/* Where a temporary relation of the session named table stands aside while an ALTER of the
 * permanent table it hides runs (xlat_rebuild.hidden). */
#define HIDDEN_NAME "shardlite hidden temporary table"

/* What the temp schema holds under name: 'r' a table, 'o' a view, index or sequence, 0
 * nothing; -1 with err. */
static int temp_holds(struct shard_conn *c, const char *name, struct pgerr *err)
{
	if (shard_table_is_temp(c->db, name))
		return 'r';
	int other = exists(c,
			   "SELECT 1 FROM temp.sqlite_schema WHERE type IN ('view', 'index') AND "
			   "name = ?1 COLLATE NOCASE",
			   name, NULL, err);
	if (!other && sqlite3_table_column_metadata(c->db, "temp", "_shardlite_sequences", NULL,
						    NULL, NULL, NULL, NULL, NULL) == SQLITE_OK)
		other = exists(c, "SELECT 1 FROM temp._shardlite_sequences WHERE name = ?1", name,
			       NULL, err);
	return other < 0 ? -1 : other ? 'o' : 0;
}

/* Renames the temporary table from to to (SQLite's RENAME: its indexes and triggers follow;
 * only the temp schema is written, no lock of the tenant's file is taken). */
static bool temp_rename(struct shard_conn *c, const char *from, const char *to, struct pgerr *err)
{
	char *sql = sqlite3_mprintf("ALTER TABLE temp.\"%w\" RENAME TO \"%w\"", from, to);
	bool ok = sql ? shard_exec_internal(c, sql, err)
		      : pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	sqlite3_free(sql);
	return ok;
}

static bool rebuild_translated(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
			       struct pgerr *err);

/* ALTER TABLE public.t (or ALTER ... public.t RENAME) while a temporary t hides the permanent
 * t: the temporary table is renamed aside, so every name the statement's SQL and the rebuild
 * use finds the permanent one, and back afterwards, whether the statement ran or failed (a
 * failure inside a transaction block is then rolled back with both renames). */
bool shard_rebuild_translated(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
			      struct pgerr *err)
{
	int held = r->hidden ? temp_holds(c, r->table, err) : 0;
	if (held < 0)
		return false;
	if (held == 'o')
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "ALTER of \"public.%s\" while a temporary view, index or sequence "
				 "\"%s\" hides it is not supported",
				 r->table, r->table);
	if (!held)
		return rebuild_translated(c, r, a, err);
	if (!temp_rename(c, r->table, HIDDEN_NAME, err))
		return false;
	bool ok = rebuild_translated(c, r, a, err);
	struct pgerr back;
	pgerr_clear(&back);
	if (!temp_rename(c, HIDDEN_NAME, r->table, &back)) {
		if (ok)
			*err = back;
		ok = false;
	}
	return ok;
}

static bool rebuild_translated(struct shard_conn *c, const struct xlat_rebuild *r, struct arena *a,
			       struct pgerr *err)
{
	if (r->if_exists && !relation_exists(c, r->table))
		return true; /* ALTER TABLE IF EXISTS of no table: nothing (no NOTICE) */
	/* a rebuild may drop or change a key whose ON DELETE SET NULL (cols) has a trigger, or
	 * one a NOT VALID key's or a NULLS NOT DISTINCT index's triggers follow: the sweep that
	 * makes them match runs in the change's transaction (chain), so that a lock met there
	 * never finds the change made already (the statement is run again when the lock is free) */
	bool sweep = r->next || r->drop_column || sweeps(c->db) ||
		     (r->constraint && strstr(r->constraint, CATALOG_NOT_VALID_MARK));
	return (sweep ? chain(c, r, a, err) : one(c, r, a, HELD_NONE, err)) &&
	       shard_exec(c, XLAT_FKSET_SWEEP, err);
}
