/* SPDX-License-Identifier: Apache-2.0 */
/* shard_rename.c: ALTER TABLE/INDEX/VIEW/SEQUENCE [IF EXISTS] name RENAME TO new. Which kind
 * of relation name is decides, when the statement runs, how it is renamed: a table by SQLite's
 * ALTER TABLE, a view or an index made again from its stored SQL under the new name, a
 * constraint's index with its constraint (RENAME CONSTRAINT), a sequence in the catalog's
 * sidecars (shardlite_seq_rename). PostgreSQL's checks and errors: 42P01, 42809 (ALTER VIEW of
 * no view, ALTER SEQUENCE of no sequence), 42P07. */
#include "shard_int.h"

#include "catalog.h"
#include "xlat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A local schema's object "s.x" of table "s.t" is x as a constraint's name (the index of a
 * constraint is stored as "s.x", the constraint named x, catalog_nsp.c). */
static const char *unprefixed(const char *name, const char *table)
{
	const char *dot = table ? strchr(table, '.') : NULL;
	size_t n = dot ? (size_t)(dot - table) + 1 : 0;
	return n && strncmp(name, table, n) == 0 ? name + n : name;
}

/* What name is: 'r' table, 'v' view, 'i' index, 'k' a constraint's index, 'S' sequence;
 * 0 when nothing is. *sql (malloc'd) the stored SQL of a view or index, *table the table of
 * an index (malloc'd). */
static char kind_of(struct shard_conn *c, const char *name, char **sql, char **table,
		    char **conname)
{
	static const char *const lookups[] = {
		"SELECT type, sql, tbl_name FROM temp.sqlite_schema WHERE name = ?1 COLLATE NOCASE "
		"AND type IN ('table', 'view', 'index')",
		"SELECT type, sql, tbl_name FROM main.sqlite_schema WHERE name = ?1 COLLATE NOCASE "
		"AND type IN ('table', 'view', 'index')",
		/* an INTEGER PRIMARY KEY's or a constraint's index, named as its constraint (a
		 * local schema's "s.name" for constraint name of a table "s.t") */
		"SELECT 'k', NULL, r FROM (SELECT shardlite_relname(t.oid) AS r, k.conname AS n "
		"FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid WHERE k.contype IN "
		"('p', 'u')) WHERE substr(r, 1, instr(r, '.')) || n = ?1",
	};
	char kind = 0;
	for (size_t i = 0; !kind && i < ARRAY_LEN(lookups); i++) {
		sqlite3_stmt *vm = NULL;
		if (sqlite3_prepare_v2(c->db, lookups[i], -1, &vm, NULL) != SQLITE_OK)
			continue; /* no temp schema yet */
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW) {
			const char *type = (const char *)sqlite3_column_text(vm, 0);
			const char *s = (const char *)sqlite3_column_text(vm, 1);
			const char *t = (const char *)sqlite3_column_text(vm, 2);
			kind = !type                        ? 0
			       : strcmp(type, "table") == 0 ? 'r'
			       : strcmp(type, "view") == 0  ? 'v'
			       : strcmp(type, "index") == 0 ? 'i'
							    : 'k';
			*sql = s ? base_xstrdup(s) : NULL;
			*table = t ? base_xstrdup(t) : NULL;
		}
		sqlite3_finalize(vm);
	}
	/* a UNIQUE constraint of its own (CATALOG_UNIQUE_MARK) or an EXCLUDE constraint's index
	 * is renamed as a constraint */
	if (kind == 'i' && *sql &&
	    (strstr(*sql, CATALOG_UNIQUE_MARK) || strstr(*sql, XLAT_EXCLUDE_MARK)))
		kind = 'k';
	if (kind == 'k')
		*conname = base_xstrdup(unprefixed(name, *table));
	if (!kind && catalog_is_sequence(c->db, name))
		kind = 'S';
	return kind;
}

/* Whether the n bytes at p are keyword kw (a name "v" is not VIEW). */
static bool word_is(const char *p, size_t n, const char *kw)
{
	return n == strlen(kw) && strncasecmp(p, kw, n) == 0;
}

/* The span of the object's name in a stored CREATE [TEMP] VIEW / [UNIQUE] INDEX [IF NOT
 * EXISTS] [schema.]name text; false when the text does not read so. */
static bool name_span(const char *sql, size_t *at, size_t *len)
{
	size_t i = 0;
	const char *last = NULL;
	size_t last_len = 0;
	int words = 0;
	for (;;) {
		while (sql[i] == ' ' || sql[i] == '\t' || sql[i] == '\n' || sql[i] == '\r')
			i++;
		if (sql[i] == '/' && sql[i + 1] == '*') {
			const char *e = strstr(sql + i + 2, "*/");
			if (!e)
				return false;
			i = (size_t)(e - sql) + 2;
			continue;
		}
		size_t b = i;
		char q = sql[i] == '"' ? '"' : sql[i] == '`' ? '`' : sql[i] == '[' ? ']' : 0;
		if (q) {
			for (i++; sql[i] && !(sql[i] == q && sql[i + 1] != q); i++) {
				if (sql[i] == q)
					i++; /* a doubled quote */
			}
			if (!sql[i])
				return false;
			i++;
		} else {
			while (sql[i] && (sql[i] == '_' || (unsigned char)sql[i] >= 0x80 ||
					  (sql[i] >= '0' && sql[i] <= '9') ||
					  ((sql[i] | 0x20) >= 'a' && (sql[i] | 0x20) <= 'z')))
				i++;
		}
		if (i == b)
			return false;
		bool keyword = !q && words < 8 &&
			       (word_is(sql + b, i - b, "CREATE") || word_is(sql + b, i - b, "TEMP") ||
				word_is(sql + b, i - b, "TEMPORARY") ||
				word_is(sql + b, i - b, "UNIQUE") || word_is(sql + b, i - b, "VIEW") ||
				word_is(sql + b, i - b, "INDEX") || word_is(sql + b, i - b, "IF") ||
				word_is(sql + b, i - b, "NOT") || word_is(sql + b, i - b, "EXISTS"));
		words++;
		if (keyword && !last)
			continue;
		last = sql + b;
		last_len = i - b;
		if (sql[i] != '.') /* schema.name: the name follows the dot */
			break;
		i++;
	}
	*at = (size_t)(last - sql);
	*len = last_len;
	return true;
}

/* sql with its object's name replaced by to (quoted); NULL when it cannot be read. */
static char *with_name(const char *sql, const char *schema, const char *to)
{
	size_t at = 0, len = 0;
	if (!sql || !name_span(sql, &at, &len))
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, sql, at);
	if (schema)
		strbuf_printf(&sb, "%s.", schema);
	strbuf_put_quoted(&sb, to, '"');
	strbuf_puts(&sb, sql + at + len);
	return sb.failed ? (strbuf_fini(&sb), NULL) : strbuf_take(&sb);
}

static bool run_bound(struct shard_conn *c, const char *sql, const char *a1, const char *a2,
		      struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &vm, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, a1, -1, SQLITE_STATIC);
		if (a2)
			sqlite3_bind_text(vm, 2, a2, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		}
	}
	sqlite3_finalize(vm);
	return rc == SQLITE_DONE || shard_error(c->db, rc, err);
}

static int found(struct shard_conn *c, const char *sql, const char *a1, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &vm, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, a1, -1, SQLITE_STATIC);
		rc = sqlite3_step(vm);
	}
	sqlite3_finalize(vm);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	(void)!shard_error(c->db, rc, err);
	return -1;
}

/* A view or an index made again under the new name (a view's dependents must not name it:
 * SQLite resolves a view's names when it is used, PostgreSQL follows the view's OID). */
static bool remake(struct shard_conn *c, char kind, const char *name, const char *to,
		   const char *sql, struct pgerr *err)
{
	if (kind == 'v') {
		int used =
			found(c,
			      "SELECT 1 FROM sqlite_schema WHERE type IN ('view', 'trigger') AND "
			      "name <> ?1 COLLATE NOCASE AND sql LIKE '%' || ?1 || '%'",
			      name, err);
		if (used)
			return used < 0 ? false
					: pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
						    "ALTER VIEW ... RENAME of a view that another "
						    "view or a trigger names is not supported");
	}
	/* a temporary one (kind_of found it first) is made again in the temp schema, a
	 * permanent one in the tenant's, whatever a temporary table of its name would hide */
	int in_temp = found(c,
			    "SELECT 1 FROM temp.sqlite_schema WHERE name = ?1 COLLATE NOCASE AND "
			    "type IN ('view', 'index')",
			    name, err);
	if (in_temp < 0)
		return false;
	const char *schema = in_temp ? "temp" : "main";
	char *made = with_name(sql, schema, to);
	if (!made)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "renaming \"%s\" is not supported", name);
	struct strbuf drop;
	strbuf_init(&drop, 0);
	strbuf_printf(&drop, "%s %s.", kind == 'v' ? "DROP VIEW" : "DROP INDEX", schema);
	strbuf_put_quoted(&drop, name, '"');
	bool ok = !drop.failed && shard_exec(c, drop.data, err) && shard_exec(c, made, err);
	strbuf_fini(&drop);
	free(made);
	/* the comment follows (a view's columns' too), in its schema's sidecar */
	char sql_c[160];
	snprintf(sql_c, sizeof(sql_c), "SELECT 1 FROM %s.sqlite_schema WHERE name = ?1", schema);
	if (ok && found(c, sql_c, "_shardlite_comments", err) == 1) {
		snprintf(sql_c, sizeof(sql_c),
			 "UPDATE %s._shardlite_comments SET name = ?2 WHERE name = ?1 AND kind IN "
			 "('view', 'index', 'column')",
			 schema);
		ok = run_bound(c, sql_c, name, to, err);
	}
	/* and a view's computed columns' types (docs/catalog.md) */
	snprintf(sql_c, sizeof(sql_c), "SELECT 1 FROM %s.sqlite_schema WHERE name = ?1", schema);
	if (ok && kind == 'v' && found(c, sql_c, "_shardlite_columns", err) == 1) {
		snprintf(sql_c, sizeof(sql_c),
			 "UPDATE %s._shardlite_columns SET table_name = ?2 WHERE table_name = ?1",
			 schema);
		ok = run_bound(c, sql_c, name, to, err);
	}
	return ok;
}

/* A serial key's sequence name is part of every session's column types (the sequence an
 * insert numbers in), which are read again when schema_version moves: the serials sidecar's
 * index is made again (as enum DDL does, docs/catalog.md). */
static bool serials_bump(struct shard_conn *c, struct pgerr *err)
{
	static const char *const schemas[] = {"temp", "main"};
	bool ok = true;
	for (size_t i = 0; ok && i < ARRAY_LEN(schemas); i++) {
		if (sqlite3_table_column_metadata(c->db, schemas[i], "_shardlite_serials", NULL,
						  NULL, NULL, NULL, NULL, NULL) != SQLITE_OK)
			continue;
		char sql[200];
		snprintf(sql, sizeof(sql),
			 "DROP INDEX IF EXISTS %s._shardlite_serials_v; CREATE INDEX "
			 "%s._shardlite_serials_v ON _shardlite_serials (name)",
			 schemas[i], schemas[i]);
		ok = shard_exec(c, sql, err);
	}
	return ok;
}

/* PostgreSQL names a table's unnamed constraints when they are made (t_pkey, t_a_key,
 * t_a_fkey, t_a_check) and keeps those names when the table is renamed; the catalog names
 * unnamed clauses after the table's current name. So before a rename each unnamed clause of
 * the stored CREATE TABLE text is given its name (CONSTRAINT "t_pkey": the text alone is
 * rewritten, no row moves). Not for a temporary table, nor for a clause the text reader
 * cannot place (a table UNIQUE over several columns), whose name follows the table's. */
static bool name_constraints(struct shard_conn *c, const char *table, struct pgerr *err)
{
	if (shard_table_is_temp(c->db, table))
		return true;
	char sql[200];
	snprintf(sql, sizeof(sql),
		 "SELECT conname FROM pg_constraint WHERE conrelid = %u AND contype IN ('p', "
		 "'u', 'f', 'c') ORDER BY oid",
		 catalog_rel_oid(table));
	char *names[64];
	size_t n = 0;
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &vm, NULL);
	while (rc == SQLITE_OK && sqlite3_step(vm) == SQLITE_ROW && n < ARRAY_LEN(names)) {
		const char *t = (const char *)sqlite3_column_text(vm, 0);
		if (t)
			names[n++] = base_xstrdup(t);
	}
	sqlite3_finalize(vm);
	char *text = NULL;
	if (rc == SQLITE_OK && n &&
	    sqlite3_prepare_v2(c->db,
			       "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = "
			       "?1 COLLATE NOCASE",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW && sqlite3_column_text(vm, 0))
			text = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
		sqlite3_finalize(vm);
	}
	bool ok = rc == SQLITE_OK || shard_error(c->db, rc, err);
	bool changed = false;
	for (size_t i = 0; ok && text && i < n; i++) {
		/* a clause the text reader cannot place keeps following the table's name */
		struct pgerr missed;
		pgerr_clear(&missed);
		char *named = shard_coldef_rename(c, table, names[i], names[i], text, &missed);
		if (named) {
			changed |= strcmp(named, text) != 0;
			free(text);
			text = named;
		}
	}
	struct shard_rebuild rb = {.kind = SHARD_RB_DROP_CONSTRAINT, .table = table};
	if (ok && changed)
		ok = shard_inplace_write(c, &rb, text, err);
	free(text);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	return ok;
}

static bool rename_as(struct shard_conn *c, char kind, const struct xlat_rebuild *r,
		      const char *sql, const char *table, const char *conname, struct pgerr *err)
{
	switch (kind) {
	case 'r': {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, "ALTER TABLE ");
		strbuf_put_quoted(&sb, r->table, '"');
		strbuf_puts(&sb, " RENAME TO ");
		strbuf_put_quoted(&sb, r->new_name, '"');
		/* the sidecars of the renamed table's schema, whatever the other holds of to */
		bool temp = shard_table_is_temp(c->db, r->table);
		bool ok = !sb.failed && name_constraints(c, r->table, err) &&
			  shard_exec(c, sb.data, err) &&
			  run_bound(c,
				    temp ? "SELECT shardlite_renamed(?1, NULL, ?2, 1)"
					 : "SELECT shardlite_renamed(?1, NULL, ?2, 0)",
				    r->table, r->new_name, err) &&
			  /* its triggers' SQLite names and arguments (catalog_trigger.c) */
			  run_bound(c, "SELECT shardlite_trigger_renamed(?1, NULL, ?2)", r->table,
				    r->new_name, err);
		strbuf_fini(&sb);
		return ok;
	}
	case 'v':
	case 'i':
		return remake(c, kind, r->table, r->new_name, sql, err);
	case 'k': {
		struct xlat_rebuild k = {.kind = XLAT_RB_RENAME_CONSTRAINT,
					 .table = table,
					 .name = conname,
					 .new_name = unprefixed(r->new_name, table)};
		return shard_rename_constraint(c, &k, err);
	}
	default: { /* 'S' */
		/* a column default names the sequence by its text (nextval('s')), which a
		 * rename would leave behind */
		int used = found(c,
				 "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND "
				 "instr(sql, '''' || ?1 || '''') > 0",
				 r->table, err);
		if (used)
			return used < 0 ? false
					: pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
						    "renaming sequence \"%s\", which a column "
						    "default uses, is not supported",
						    r->table);
		return run_bound(c, "SELECT shardlite_seq_rename(?1, ?2)", r->table, r->new_name,
				 err) &&
		       serials_bump(c, err);
	}
	}
}

/* ---- ALTER ... SET SCHEMA, ALTER SCHEMA ... RENAME TO (local schemas, catalog_nsp.c) ---- */

/* The names of a query's first column, bound to a1 (and a2), malloc'd, NULL-terminated. */
static char **names_of(struct shard_conn *c, const char *sql, const char *a1, const char *a2,
		       struct pgerr *err)
{
	size_t n = 0, cap = 8;
	char **v = base_xcalloc(cap + 1, sizeof(*v));
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &vm, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, a1, -1, SQLITE_STATIC);
		if (a2)
			sqlite3_bind_text(vm, 2, a2, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(vm, 0);
			if (!t)
				continue;
			if (n == cap) {
				cap *= 2;
				v = base_xrealloc(v, (cap + 1) * sizeof(*v));
			}
			v[n++] = base_xstrdup(t);
			v[n] = NULL;
		}
	}
	sqlite3_finalize(vm);
	if (rc == SQLITE_DONE)
		return v;
	(void)!shard_error(c->db, rc, err);
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return NULL;
}

static void names_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/* Whether a relation is stored under name: 1, 0, -1 with err. */
static int name_taken(struct shard_conn *c, const char *name, struct pgerr *err)
{
	int t = found(c, "SELECT 1 FROM main.sqlite_schema WHERE name = ?1 COLLATE NOCASE", name,
		      err);
	return t ? t : catalog_is_sequence(c->db, name);
}

/* name with its schema's prefix (the first plen bytes) replaced by the target's: "s2.x", or
 * x in public; malloc'd. */
static char *moved_name(const char *name, size_t plen, const char *nsp)
{
	const char *bare = name + plen;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (strcmp(nsp, "public") != 0)
		strbuf_printf(&sb, "%s.", nsp);
	strbuf_puts(&sb, bare);
	return strbuf_take(&sb);
}

static bool exists_in(struct shard_conn *c, const char *name, size_t plen, const char *nsp,
		      struct pgerr *err)
{
	int t = name_taken(c, name, err);
	return t == 0 || (t > 0 && pgerr_set(err, "42P07",
					     "relation \"%s\" already exists in schema \"%s\"",
					     name + plen, nsp));
}

/* After table (now at its new name) moved out of the schema whose prefix is old's first plen
 * bytes: its indexes (a constraint's index is named after the table's schema already) and the
 * sequences its columns own follow it, as PostgreSQL moves them. */
static bool move_dependents(struct shard_conn *c, const char *table, const char *old,
			    size_t plen, const char *nsp, struct pgerr *err)
{
	char **idx = names_of(c,
			      "SELECT name FROM main.sqlite_schema WHERE type = 'index' AND tbl_name "
			      "= ?1 AND sql IS NOT NULL",
			      table, NULL, err);
	bool ok = idx != NULL;
	for (size_t i = 0; ok && idx[i]; i++) {
		size_t p = strncmp(idx[i], old, plen) == 0 ? plen : 0;
		char *to = moved_name(idx[i], p, nsp);
		char *isql = NULL, *itable = NULL, *icon = NULL;
		char k = strcmp(to, idx[i]) == 0 ? 0 : kind_of(c, idx[i], &isql, &itable, &icon);
		if (k == 'i' || k == 'k')
			ok = exists_in(c, to, strcmp(nsp, "public") ? strlen(nsp) + 1 : 0, nsp,
				       err) &&
			     remake(c, 'i', idx[i], to, isql, err);
		free(isql);
		free(itable);
		free(icon);
		free(to);
	}
	names_free(idx);
	char **seqs = ok ? names_of(c,
				    "SELECT shardlite_relname(d.objid) FROM pg_depend d JOIN "
				    "pg_class s ON s.oid = d.objid WHERE s.relkind = 'S' AND "
				    "d.deptype IN ('a', 'i') AND d.refobjid = shardlite_rel_oid(?1)",
				    table, NULL, err)
			 : NULL;
	ok = ok && seqs;
	for (size_t i = 0; ok && seqs[i]; i++) {
		size_t p = strncmp(seqs[i], old, plen) == 0 ? plen : 0;
		char *to = moved_name(seqs[i], p, nsp);
		struct xlat_rebuild s = {.kind = XLAT_RB_RENAME, .table = seqs[i], .new_name = to};
		if (strcmp(to, seqs[i]) != 0)
			ok = exists_in(c, to, strcmp(nsp, "public") ? strlen(nsp) + 1 : 0, nsp,
				       err) &&
			     rename_as(c, 'S', &s, NULL, NULL, NULL, err);
		free(to);
	}
	names_free(seqs);
	return ok;
}

/* ALTER TABLE/VIEW/SEQUENCE r->table SET SCHEMA: PostgreSQL's checks of what it is (kind),
 * then the rename and what follows a table. Nothing when it is in that schema already. */
static bool move_one(struct shard_conn *c, char kind, const struct xlat_rebuild *r,
		     const char *sql, struct pgerr *err)
{
	const char *nsp = r->set_schema;
	size_t nlen = strcmp(nsp, "public") ? strlen(nsp) + 1 : 0;
	size_t plen = strlen(r->table) - (strlen(r->new_name) - nlen); /* the old prefix */
	if (kind == 'i' || kind == 'k') {
		pgerr_set(err, "42809", "cannot change schema of index \"%s\"", r->table + plen);
		pgerr_hint(err, "Change the schema of the table instead.");
		return false;
	}
	char **owner = kind == 'S' ? names_of(c,
					      "SELECT shardlite_relname(refobjid) FROM pg_depend "
					      "WHERE objid = shardlite_rel_oid(?1) AND deptype = 'a'",
					      r->table, NULL, err)
				   : NULL;
	if (kind == 'S' && (!owner || owner[0])) {
		if (owner) {
			pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				  "cannot move an owned sequence into another schema");
			pgerr_detail(err, "Sequence \"%s\" is linked to table \"%s\".",
				     r->table, owner[0]);
		}
		names_free(owner);
		return false;
	}
	names_free(owner);
	if (strcmp(r->table, r->new_name) == 0)
		return true;
	if (!exists_in(c, r->new_name, nlen, nsp, err))
		return false;
	if (!rename_as(c, kind, r, sql, NULL, NULL, err))
		return false;
	return kind != 'r' || move_dependents(c, r->new_name, r->table, plen, nsp, err);
}

/* ALTER SCHEMA r->table RENAME TO r->new_name: each table, view and sequence of its own
 * moves (a serial's sequence and the indexes with their table), then r->script renames the
 * row. Its types and functions are kept under their stored names "s.x": refused. */
static bool move_schema(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	char *prefix = base_xstrdup(r->table);
	size_t plen = strlen(prefix) + 1;
	prefix = base_xrealloc(prefix, plen + 1);
	prefix[plen - 1] = '.';
	prefix[plen] = '\0';
	int typed = found(c,
			  "SELECT 1 FROM pg_type WHERE (substr(typname, 1, length(?1)) = ?1 OR "
			  "typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = "
			  "substr(?1, 1, length(?1) - 1))) AND (typtype IN ('e', 'd') OR (typtype = "
			  "'c' AND typrelid NOT IN (SELECT oid FROM pg_class WHERE relkind <> 'c'))) "
			  "UNION ALL "
			  "SELECT 1 FROM pg_proc WHERE pronamespace = (SELECT oid FROM pg_namespace "
			  "WHERE nspname = substr(?1, 1, length(?1) - 1))",
			  prefix, err);
	bool ok = typed == 0 ||
		  (typed > 0 && pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					  "ALTER SCHEMA ... RENAME TO of a schema holding types or "
					  "functions is not supported"));
	static const char *const lists[] = {
		/* a matview is a table of SQLite's; a serial's sequence goes with its table */
		"SELECT name FROM main.sqlite_schema WHERE type = 'table' AND substr(name, 1, "
		"length(?1)) = ?1 ORDER BY name",
		"SELECT name FROM main.sqlite_schema WHERE type = 'view' AND substr(name, 1, "
		"length(?1)) = ?1 ORDER BY name",
		"SELECT shardlite_relname(c.oid) FROM pg_class c WHERE c.relkind = 'S' AND "
		"substr(shardlite_relname(c.oid), 1, length(?1)) = ?1 AND NOT EXISTS (SELECT 1 "
		"FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'a') ORDER BY 1",
	};
	static const char kinds[] = {'r', 'v', 'S'};
	for (size_t l = 0; ok && l < ARRAY_LEN(lists); l++) {
		char **v = names_of(c, lists[l], prefix, NULL, err);
		ok = v != NULL;
		for (size_t i = 0; ok && v[i]; i++) {
			char *to = moved_name(v[i], plen, r->new_name);
			char *sql = NULL, *table = NULL, *conname = NULL;
			char kind = kinds[l] == 'S' ? 'S' : kind_of(c, v[i], &sql, &table, &conname);
			struct xlat_rebuild one = {.kind = XLAT_RB_RENAME,
						   .table = v[i],
						   .new_name = to,
						   .set_schema = r->new_name};
			ok = kind == kinds[l] ? move_one(c, kind, &one, sql, err)
					      : pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
							  "renaming \"%s\" is not supported", v[i]);
			free(sql);
			free(table);
			free(conname);
			free(to);
		}
		names_free(v);
	}
	free(prefix);
	return ok && shard_exec(c, r->script, err);
}

static bool in_savepoint(struct shard_conn *c, char kind, const struct xlat_rebuild *r,
			 const char *sql, const char *table, const char *conname,
			 struct pgerr *err)
{
	if (!shard_exec(c, "SAVEPOINT shardlite_rename", err))
		return false;
	struct pgerr ignored;
	bool ok = r->rename_kind == 'n' ? move_schema(c, r, err)
		  : r->set_schema	 ? move_one(c, kind, r, sql, err)
					 : rename_as(c, kind, r, sql, table, conname, err);
	if (!ok)
		(void)!shard_exec(c, "ROLLBACK TO shardlite_rename", &ignored);
	if (!shard_exec(c, "RELEASE shardlite_rename", ok ? err : &ignored))
		ok = false;
	return ok;
}

bool shard_rename(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	if (r->rename_kind == 'n')
		return in_savepoint(c, 'n', r, NULL, NULL, NULL, err);
	char *sql = NULL, *table = NULL, *conname = NULL;
	char kind = kind_of(c, r->table, &sql, &table, &conname);
	bool ok = true;
	if (!kind) {
		ok = r->missing_ok || pgerr_set(err, SQLSTATE_UNDEFINED_TABLE,
						"relation \"%s\" does not exist", r->table);
	} else if ((r->rename_kind == 'v' && kind != 'v') ||
		   (r->rename_kind == 'S' && kind != 'S')) {
		ok = pgerr_set(err, "42809", "\"%s\" is not a %s", r->table,
			       r->rename_kind == 'v' ? "view" : "sequence");
	} else if (r->set_schema) {
		ok = in_savepoint(c, kind, r, sql, table, conname, err);
	} else {
		/* the new name must be free in the relation's own schema: the temp schema's (its
		 * name is found there first) or the tenant's; the other may hold it */
		int temp = found(
			c, "SELECT 1 FROM pg_class WHERE relname = ?1 AND relpersistence = 't'",
			r->table, err);
		int taken =
			temp < 0 ? -1
			: temp   ? found(c,
					 "SELECT 1 FROM pg_class WHERE relname = ?1 AND relpersistence "
					   "= 't' UNION ALL SELECT 1 FROM temp.sqlite_schema WHERE name = "
					   "?1 COLLATE NOCASE",
					 r->new_name, err)
				 : found(c,
					 "SELECT 1 FROM pg_class WHERE relname = ?1 AND relnamespace NOT "
					   "IN (11, 99, 13000) AND relpersistence <> 't' UNION ALL SELECT "
					   "1 FROM main.sqlite_schema WHERE name = ?1 COLLATE NOCASE",
					 r->new_name, err);
		if (taken)
			ok = taken > 0 &&
			     pgerr_set(err, "42P07", "relation \"%s\" already exists", r->new_name);
		else
			ok = in_savepoint(c, kind, r, sql, table, conname, err);
	}
	free(sql);
	free(table);
	free(conname);
	return ok;
}
