/* SPDX-License-Identifier: Apache-2.0 */
/* shard_error.c: the one table from SQLite result codes (and, where SQLite has a single code
 * for several conditions, its message prefix) to PostgreSQL SQLSTATEs and wording. */
#include "shard_int.h"

#include "catalog.h"

#include "pgfn.h"
#include "xlat.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How to reword SQLite's message; `arg` is the text after the matched prefix. db (NULL when
 * there is no connection) may be queried for the names SQLite's message leaves out. */
typedef void reword_fn(sqlite3 *db, struct pgerr *e, const char *arg);

struct rc_map {
	int rc;             /* extended code when > 255, else primary code */
	const char *prefix; /* message prefix to match, NULL = any */
	const char *sqlstate;
	reword_fn *reword; /* NULL = keep SQLite's message */
};

/* "t.a, t.b" → table "t" and columns "a, b". A table of a local schema is stored as "s.t"
 * (src/catalog/catalog_nsp.c): the column is what follows each item's last dot. */
static void split_columns(const char *arg, char *table, size_t tlen, char *cols, size_t clen)
{
	table[0] = cols[0] = '\0';
	size_t ci = 0;
	for (const char *p = arg; *p;) {
		const char *comma = strchr(p, ',');
		const char *end = comma ? comma : p + strlen(p);
		const char *dot = NULL;
		for (const char *q = p; q < end; q++)
			if (*q == '.')
				dot = q;
		if (!dot)
			break;
		if (!table[0])
			snprintf(table, tlen, "%.*s", (int)(dot - p), p);
		ci += (size_t)snprintf(cols + ci, ci < clen ? clen - ci : 0, "%s%.*s",
				       ci ? ", " : "", (int)(end - dot - 1), dot + 1);
		if (ci >= clen)
			break;
		p = comma ? comma + 1 : end;
		while (*p == ' ')
			p++;
	}
}

/* The one row the query sql (with ?1, ?2 bound to a, b) yields: its first column into out,
 * its second into out2 (when not NULL), each up to PGERR_NAME_MAX bytes; false when it yields
 * no row or more than one, so a name is only reported when it is certain. The catalog's
 * relations (pg_constraint, pg_class) are registered on every tenant connection. */
static bool lookup(sqlite3 *db, const char *sql, const char *a, const char *b, char *out,
		   char *out2)
{
	sqlite3_stmt *st;
	if (!db || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	bool found = false;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
	    (!out2 || sqlite3_column_text(st, 1))) {
		snprintf(out, PGERR_NAME_MAX, "%s", (const char *)sqlite3_column_text(st, 0));
		if (out2)
			snprintf(out2, PGERR_NAME_MAX, "%s",
				 (const char *)sqlite3_column_text(st, 1));
		found = sqlite3_step(st) == SQLITE_DONE;
	}
	sqlite3_finalize(st);
	return found;
}

/* A PRIMARY KEY or UNIQUE constraint of the table over exactly these columns (in order), or
 * else a CREATE UNIQUE INDEX over them: PostgreSQL names the index in both cases. A second
 * UNIQUE on the same columns (an index of its own, CATALOG_UNIQUE_MARK) is newer than the
 * table's: PostgreSQL, checking the older index first, names the table's. */
static bool unique_name(sqlite3 *db, const char *table, const char *cols, bool pkey, char *out)
{
	char def[300];
	snprintf(def, sizeof(def), "%s (%s)", pkey ? "PRIMARY KEY" : "UNIQUE", cols);
	if (lookup(db,
		   "SELECT c.conname FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid "
		   "WHERE r.relname = ?1 AND c.contype IN ('p', 'u') "
		   "AND pg_get_constraintdef(c.oid) = ?2 AND NOT EXISTS (SELECT 1 FROM "
		   "sqlite_schema s WHERE s.type = 'index' AND s.name = c.conname AND "
		   "instr(s.sql, '" CATALOG_UNIQUE_MARK "'))",
		   table, def, out, NULL))
		return true;
	return !pkey && lookup(db,
			       "SELECT il.name FROM pragma_index_list(?1) il WHERE il.\"unique\" "
			       "AND il.origin = 'c' AND (SELECT group_concat(ii.name, ', ') FROM "
			       "pragma_index_info(il.name) ii) = ?2",
			       table, cols, out, NULL);
}

/* SQLite names the columns but not the values: the DETAIL lacks PostgreSQL's "=(v)" (COPY
 * adds it from the row it wrote, sess_copy_in.c, which reads this DETAIL). */
/* An expression index's violation, "index 'name'": PostgreSQL's message names the index; the
 * DETAIL's key expressions and values are not known here, so there is none. */
static bool reword_index(sqlite3 *db, struct pgerr *e, const char *arg)
{
	size_t n = strlen(arg);
	if (strncmp(arg, "index '", 7) != 0 || n < 9 || arg[n - 1] != '\'')
		return false;
	char name[PGERR_NAME_MAX], table[PGERR_NAME_MAX];
	snprintf(name, sizeof(name), "%.*s", (int)(n - 8), arg + 7);
	snprintf(e->message, sizeof(e->message),
		 "duplicate key value violates unique constraint \"%s\"", name);
	snprintf(e->constraint_name, sizeof(e->constraint_name), "%s", name);
	snprintf(e->schema_name, sizeof(e->schema_name), "public");
	if (lookup(db, "SELECT tbl_name FROM sqlite_schema WHERE type = 'index' AND name = ?1",
		   name, NULL, table, NULL))
		snprintf(e->table_name, sizeof(e->table_name), "%s", table);
	return true;
}

static void reword_unique(sqlite3 *db, struct pgerr *e, const char *arg, bool pkey)
{
	if (reword_index(db, e, arg))
		return;
	char table[128], cols[256], name[PGERR_NAME_MAX];
	split_columns(arg, table, sizeof(table), cols, sizeof(cols));
	/* a local schema's table "s.t": its constraints are named for t, in schema s */
	const char *dot = strrchr(table, '.');
	const char *bare = dot ? dot + 1 : table;
	if (unique_name(db, bare, cols, pkey, name)) {
		snprintf(e->constraint_name, sizeof(e->constraint_name), "%s", name);
	} else if (pkey) {
		snprintf(name, sizeof(name), "%.120s_pkey", bare);
	} else {
		/* Not found (an expression index): PostgreSQL's default name table_col1_col2_key. */
		char joined[256];
		size_t n = 0;
		for (const char *c = cols; *c && n + 1 < sizeof(joined); c++)
			if (*c != ' ')
				joined[n++] = *c == ',' ? '_' : *c;
		joined[n] = '\0';
		snprintf(name, sizeof(name), "%.60s_%.60s_key", bare, joined);
	}
	snprintf(e->message, sizeof(e->message),
		 "duplicate key value violates unique constraint \"%s\"", name);
	pgerr_detail(e, "Key (%s) already exists.", cols);
	snprintf(e->schema_name, sizeof(e->schema_name), "public");
	snprintf(e->table_name, sizeof(e->table_name), "%s", table);
}

static void reword_pkey(sqlite3 *db, struct pgerr *e, const char *arg)
{
	reword_unique(db, e, arg, true);
}
static void reword_ukey(sqlite3 *db, struct pgerr *e, const char *arg)
{
	reword_unique(db, e, arg, false);
}

static void reword_not_null(sqlite3 *db, struct pgerr *e, const char *arg)
{
	char table[128], cols[256];
	split_columns(arg, table, sizeof(table), cols, sizeof(cols));
	snprintf(e->message, sizeof(e->message),
		 "null value in column \"%s\" of relation \"%s\" violates not-null constraint",
		 cols, table);
	snprintf(e->schema_name, sizeof(e->schema_name), "public");
	snprintf(e->table_name, sizeof(e->table_name), "%s", table);
	snprintf(e->column_name, sizeof(e->column_name), "%.120s", cols);
}

void shard_match_full_error(struct pgerr *e, const char *table, const char *name)
{
	snprintf(e->sqlstate, sizeof(e->sqlstate), "%s", SQLSTATE_FOREIGN_KEY_VIOLATION);
	snprintf(e->message, sizeof(e->message),
		 "insert or update on table \"%s\" violates foreign key constraint \"%s\"", table,
		 name);
	pgerr_detail(e, "MATCH FULL does not allow mixing of null and nonnull key values.");
	snprintf(e->schema_name, sizeof(e->schema_name), "public");
	snprintf(e->table_name, sizeof(e->table_name), "%s", table);
	snprintf(e->constraint_name, sizeof(e->constraint_name), "%s", name);
}

/* SQLite names a CHECK constraint by its name, or an unnamed one by its expression as written
 * in the table's DDL (the catalog gives it PostgreSQL's default name, t_n_check); neither says
 * which table. The catalog knows both; an expression (or name) two constraints share stays
 * unresolved here, for shard_row_explain, which sees the statement, to resolve. */
static void reword_check(sqlite3 *db, struct pgerr *e, const char *arg)
{
	char table[PGERR_NAME_MAX], name[PGERR_NAME_MAX];
	/* a MATCH FULL key's guard, named as the key (CATALOG_MATCH_FULL_MARK); a partitioned
	 * table's key has a copy for each partition (conparentid), the guard is the table's */
	if (lookup(db,
		   "SELECT shardlite_relname(r.oid), c.conname FROM pg_constraint c JOIN pg_class r "
		   "ON r.oid = c.conrelid WHERE c.contype = 'f' AND c.confmatchtype = 'f' AND "
		   "c.conparentid = 0 AND c.conname = ?1",
		   arg, NULL, table, name)) {
		shard_match_full_error(e, table, name);
		return;
	}
	if (catalog_domain_check_name(arg, table, sizeof(table), name, sizeof(name))) {
		/* a domain's constraint carried by a column (src/xlat/xlat_domain.c), the domain
		 * named as format_type names it */
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_quote_ident(&sb, table, strlen(table));
		snprintf(table, sizeof(table), "%s", sb.data ? sb.data : "");
		strbuf_fini(&sb);
		if (!name[0]) { /* its NOT NULL */
			snprintf(e->sqlstate, sizeof(e->sqlstate), "%s",
				 SQLSTATE_NOT_NULL_VIOLATION);
			snprintf(e->message, sizeof(e->message),
				 "domain %s does not allow null values", table);
			return;
		}
		snprintf(e->message, sizeof(e->message),
			 "value for domain %s violates check constraint \"%s\"", table, name);
		snprintf(e->constraint_name, sizeof(e->constraint_name), "%s", name);
		return;
	}
	/* an unnamed one whose PostgreSQL text was kept (CATALOG_CHECK_PG_MARK) is found by it */
	size_t n = strlen(CATALOG_CHECK_PG_MARK);
	const char *end = strncmp(arg, CATALOG_CHECK_PG_MARK, n) == 0 ? strstr(arg + n, " */")
								      : NULL;
	char *pg = end ? strndup(arg + n, (size_t)(end - arg - n)) : NULL;
	bool found =
		lookup(db,
		       "SELECT shardlite_relname(r.oid), c.conname FROM pg_constraint c "
		       "JOIN pg_class r ON r.oid = c.conrelid WHERE c.contype = 'c' AND "
		       "(c.conname = ?1 OR pg_get_constraintdef(c.oid) = 'CHECK (' || ?1 || ')')",
		       pg ? pg : arg, NULL, table, name);
	if (!found) {
		snprintf(e->message, sizeof(e->message), "new row violates check constraint \"%s\"",
			 pg ? pg : arg);
		free(pg);
		return;
	}
	free(pg);
	shard_check_error(e, table, name);
}

void shard_check_error(struct pgerr *e, const char *table, const char *name)
{
	snprintf(e->message, sizeof(e->message),
		 "new row for relation \"%s\" violates check constraint \"%s\"", table, name);
	snprintf(e->schema_name, sizeof(e->schema_name), "public");
	snprintf(e->table_name, sizeof(e->table_name), "%s", table);
	snprintf(e->constraint_name, sizeof(e->constraint_name), "%s", name);
}

/* Violations still in the database (a deferred key at COMMIT) are described here; a
 * statement's own were rolled back with it (shard_fk_explain finds them again). */
static void reword_fkey(sqlite3 *db, struct pgerr *e, const char *arg)
{
	int pending = 0, hi;
	if (db &&
	    sqlite3_db_status(db, SQLITE_DBSTATUS_DEFERRED_FKS, &pending, &hi, 0) == SQLITE_OK &&
	    pending && shard_fk_describe(db, e))
		return;
	snprintf(e->message, sizeof(e->message),
		 "insert, update or delete violates a foreign key constraint");
}

/* The SQLite type ("table", "view", "index") of main's object name, NULL when none. */
static const char *kind_of(sqlite3 *db, const char *name, char *buf, size_t cap)
{
	sqlite3_stmt *st = NULL;
	const char *r = NULL;
	if (db && sqlite3_prepare_v2(db, "SELECT type FROM main.sqlite_schema WHERE name = ?1", -1,
				     &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			snprintf(buf, cap, "%s", (const char *)sqlite3_column_text(st, 0));
			r = buf;
		}
	}
	sqlite3_finalize(st);
	return r;
}

/* PostgreSQL's findDependentObjects: "cannot drop A because B requires it" comes with the HINT
 * "You can drop B instead." (a constraint's index: shardlite_index_drop_check). */
static void required_by_hint(struct pgerr *e)
{
	static const char pre[] = "cannot drop ", mid[] = " because ", post[] = " requires it";
	const char *m = e->message, *b = strstr(m, mid);
	size_t n = strlen(m);
	if (strcmp(e->sqlstate, "2BP01") != 0 || strncmp(m, pre, sizeof(pre) - 1) != 0 || !b ||
	    n < sizeof(post) - 1 || strcmp(m + n - (sizeof(post) - 1), post) != 0)
		return;
	b += sizeof(mid) - 1;
	pgerr_hint(e, "You can drop %.*s instead.", (int)(m + n - (sizeof(post) - 1) - b), b);
}

/* "cannot drop X because other objects depend on it" (on them: a DROP of several objects):
 * PostgreSQL's HINT (the objects are in the DETAIL). */
static void depend_hint(struct pgerr *e)
{
	static const char post[] = " because other objects depend on it";
	static const char many[] = " because other objects depend on them";
	size_t n = strlen(e->message);
	bool it = n > sizeof(post) - 1 && strcmp(e->message + n - (sizeof(post) - 1), post) == 0;
	bool them = n > sizeof(many) - 1 && strcmp(e->message + n - (sizeof(many) - 1), many) == 0;
	if (strcmp(e->sqlstate, "2BP01") == 0 && (it || them) && !e->hint[0])
		pgerr_hint(e, "Use DROP ... CASCADE to drop the dependent objects too.");
}

/* ResolveOpClass's hint for a key type without a default operator class (catalog_index.c). */
static void opclass_hint(struct pgerr *e)
{
	if (strcmp(e->sqlstate, "42704") == 0 &&
	    strstr(e->message, " has no default operator class for access method "))
		pgerr_hint(e, "You must specify an operator class for the index or define a "
			      "default operator class for the data type.");
}

/* pgfn's format(): PostgreSQL's hint beside an unknown or unterminated conversion ("%x"). */
static void format_hint(struct pgerr *e)
{
	if (strcmp(e->sqlstate, "22023") == 0 &&
	    (strncmp(e->message, "unrecognized format() type specifier ", 37) == 0 ||
	     strcmp(e->message, "unterminated format() type specifier") == 0))
		pgerr_hint(e, "For a single \"%%\" use \"%%%%\".");
}

/* pgfn's shardlite_upsert_key: PostgreSQL's hint beside its 21000. */
static void upsert_hint(struct pgerr *e)
{
	if (strcmp(e->sqlstate, "21000") == 0 &&
	    strcmp(e->message, "ON CONFLICT DO UPDATE command cannot affect row a second time") ==
		    0)
		pgerr_hint(e, "Ensure that no rows proposed for insertion within the same command "
			      "have duplicate constrained values.");
}

/* DROP TABLE / DROP INDEX of another kind of relation: PostgreSQL's 42809 and its hint. */
static bool wrong_kind(sqlite3 *db, struct pgerr *e, const char *name, const char *want)
{
	char buf[16];
	const char *kind = kind_of(db, name, buf, sizeof(buf));
	if (!kind || strcmp(kind, want) == 0)
		return false;
	snprintf(e->sqlstate, sizeof(e->sqlstate), "42809");
	snprintf(e->message, sizeof(e->message), "\"%s\" is not %s", name,
		 strcmp(want, "index") == 0 ? "an index" : "a table");
	pgerr_hint(e, "Use DROP %s to remove %s.",
		   strcmp(kind, "index") == 0  ? "INDEX"
		   : strcmp(kind, "view") == 0 ? "VIEW"
					       : "TABLE",
		   strcmp(kind, "index") == 0  ? "an index"
		   : strcmp(kind, "view") == 0 ? "a view"
					       : "a table");
	return true;
}

static void reword_no_table(sqlite3 *db, struct pgerr *e, const char *arg)
{
	const char *dot = strchr(arg, '.');
	const char *name = dot && strncmp(arg, "main.", 5) == 0 ? dot + 1 : arg;
	char buf[16];
	const char *kind = kind_of(db, name, buf, sizeof(buf));
	if (kind && strcmp(kind, "index") == 0) { /* DROP TABLE or FROM naming an index */
		snprintf(e->sqlstate, sizeof(e->sqlstate), "42809");
		snprintf(e->message, sizeof(e->message), "\"%s\" is not a table", name);
		pgerr_hint(e, "Use DROP INDEX to remove an index.");
		return;
	}
	snprintf(e->message, sizeof(e->message), "relation \"%s\" does not exist", name);
}

/* Only DROP VIEW and DROP INDEX meet these: PostgreSQL names the kind of object. */
static void reword_no_view(sqlite3 *db, struct pgerr *e, const char *arg)
{
	const char *dot = strchr(arg, '.');
	snprintf(e->message, sizeof(e->message), "view \"%s\" does not exist",
		 dot && strncmp(arg, "main.", 5) == 0 ? dot + 1 : arg);
}

static void reword_no_index(sqlite3 *db, struct pgerr *e, const char *arg)
{
	const char *dot = strchr(arg, '.');
	const char *name = dot && strncmp(arg, "main.", 5) == 0 ? dot + 1 : arg;
	if (!wrong_kind(db, e, name, "index"))
		snprintf(e->message, sizeof(e->message), "index \"%s\" does not exist", name);
}

/* REINDEX INDEX of a name that is no index or table (a view, or nothing). */
static void reword_reindex(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), "no index or table of that name to reindex");
}

/* A row value the translator passed where SQLite has none (an array of rows, a row as a
 * function's argument, a row operator other than the comparisons): PostgreSQL's rows go
 * there, SQLite's cannot, so it is a construct shardlite does not support (not a syntax
 * error). */
static void reword_row_value(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "a row value in this position is not supported (only as a result column, in a "
		 "comparison of rows, IN or IS NULL)");
}

/* ALTER TABLE ADD COLUMN of a column whose CHECK its default fails on the rows there: SQLite
 * names no constraint; PostgreSQL's SQLSTATE, in its words as far as they are known. */
static void reword_added_check(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "check constraint of the added column is violated by some row");
}

/* SQLite groups a query only for a GROUP BY or an aggregate in its select list; PostgreSQL
 * also for an aggregate in HAVING alone (SELECT 1 FROM t HAVING count(*) > 1). */
static void reword_having(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "HAVING without GROUP BY and without an aggregate in the select list is not "
		 "supported");
}

static void reword_no_column(sqlite3 *db, struct pgerr *e, const char *arg)
{
	size_t n = strlen(arg); /* ALTER TABLE's "no such column: \"c\"" quotes the name */
	bool quoted = n >= 2 && arg[0] == '"' && arg[n - 1] == '"';
	snprintf(e->message, sizeof(e->message), "column \"%.*s\" does not exist",
		 (int)(quoted ? n - 2 : n), quoted ? arg + 1 : arg);
}

static void reword_ambiguous(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), "column reference \"%s\" is ambiguous", arg);
}

static void reword_exists(sqlite3 *db, struct pgerr *e, const char *arg)
{
	char name[256];
	snprintf(name, sizeof(name), "%s", arg);
	char *sp = strstr(name, " already exists");
	if (sp)
		*sp = '\0';
	size_t n = strlen(name);
	if (n >= 2 && name[0] == '"' && name[n - 1] == '"') {
		memmove(name, name + 1, n - 2);
		name[n - 2] = '\0';
	}
	snprintf(e->message, sizeof(e->message), "relation \"%s\" already exists", name);
}

/* "table t has no column named x" (an INSERT's column list) */
static void reword_no_named(sqlite3 *db, struct pgerr *e, const char *arg)
{
	const char *sep = strstr(arg, " has no column named ");
	snprintf(e->message, sizeof(e->message),
		 "column \"%s\" of relation \"%.*s\" does not exist", sep + 21, (int)(sep - arg),
		 arg);
}

static void values_message(struct pgerr *e, long vals, long cols)
{
	snprintf(e->message, sizeof(e->message), "INSERT has more %s than %s",
		 vals > cols ? "expressions" : "target columns",
		 vals > cols ? "target columns" : "expressions");
}

/* "table t has 3 columns but 4 values were supplied" (no column list) */
static void reword_values(sqlite3 *db, struct pgerr *e, const char *arg)
{
	long cols = 0, vals = 0;
	const char *has = strstr(arg, " has ");
	if (has && sscanf(has, " has %ld columns but %ld values", &cols, &vals) == 2)
		values_message(e, vals, cols);
}

/* "2 values for 3 columns" (a column list) */
static void reword_values_for(sqlite3 *db, struct pgerr *e, const char *arg)
{
	long cols = 0, vals = 0;
	if (sscanf(arg, "%ld values for %ld columns", &vals, &cols) == 2)
		values_message(e, vals, cols);
}

/* "sub-select returns 2 columns - expected 1" */
static void reword_subselect(sqlite3 *db, struct pgerr *e, const char *arg)
{
	long got = 0, want = 0;
	if (sscanf(arg, "%ld columns - expected %ld", &got, &want) == 2)
		snprintf(e->message, sizeof(e->message), "subquery has too %s columns",
			 got > want ? "many" : "few");
}

/* "there is already an index named x" ("a table named x": CREATE INDEX of a table's or
 * view's name): a table or index of a name another relation has */
static void reword_taken(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), "relation \"%s\" already exists", arg);
}

static void reword_no_function(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), "function %s does not exist", arg);
}

static void reword_nonconstant(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "ADD COLUMN with a non-constant default is not supported on a table that has rows "
		 "(SQLite stores one default for existing rows)");
}

/* SQLite refuses a function it was not told is deterministic in a generated column or an
 * index expression; PostgreSQL refuses one not marked IMMUTABLE there, in these words. */
static void reword_not_immutable_gen(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), "generation expression is not immutable");
}
static void reword_not_immutable_index(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "functions in index expression must be marked IMMUTABLE");
}
static void reword_not_immutable_pred(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "functions in index predicate must be marked IMMUTABLE");
}

/* ON CONFLICT (cols) that no unique index of the table matches: PostgreSQL's words. */
static void reword_no_arbiter(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "there is no unique or exclusion constraint matching the ON CONFLICT "
		 "specification");
}

/* ALTER TABLE ... DROP COLUMN of a column a view reads: SQLite checks the views after the drop
 * ("error in view v after drop column: no such column: c"); PostgreSQL refuses it (2BP01) and
 * names the table too, which SQLite's message does not carry. */
static void reword_view_column(sqlite3 *db, struct pgerr *e, const char *arg)
{
	const char *after = strstr(arg, " after drop column: no such column: ");
	int view_len = after ? (int)(after - arg) : 0;
	const char *column = after ? after + strlen(" after drop column: no such column: ") : "";
	snprintf(e->message, sizeof(e->message),
		 "cannot drop column %s because other objects depend on it", column);
	snprintf(e->detail, sizeof(e->detail), "view %.*s depends on column %s", view_len, arg,
		 column);
}

/* ALTER TABLE t DROP COLUMN c of a column the table's definition still names after the
 * shard dropped the constraints over it (shard_dropcol.c): a generated column's expression.
 * SQLite checks the table after the drop ("error in table t after drop column: no such
 * column: c", or "...: unknown column "c" in foreign key definition") and refuses;
 * PostgreSQL's 2BP01 names the generated column, and with CASCADE drops it. */
static void reword_table_column(sqlite3 *db, struct pgerr *e, const char *arg)
{
	static const char after[] = " after drop column: ", nsc[] = "no such column: ",
			  fk[] = "unknown column \"";
	const char *sep = strstr(arg, after);
	const char *rest = sep ? sep + strlen(after) : "";
	int table_len = sep ? (int)(sep - arg) : 0, col_len = 0;
	const char *col = "";
	if (strncmp(rest, nsc, strlen(nsc)) == 0) {
		col = rest + strlen(nsc);
		col_len = (int)strlen(col);
	} else if (strncmp(rest, fk, strlen(fk)) == 0) {
		col = rest + strlen(fk);
		col_len = (int)strcspn(col, "\"");
	}
	snprintf(e->message, sizeof(e->message),
		 "dropping column %.*s of table %.*s, which a generated column or a constraint "
		 "uses, is not supported",
		 col_len, col, table_len, arg);
	pgerr_hint(e, "Drop the generated column first: PostgreSQL drops it with the column only "
		      "with CASCADE.");
}

static void reword_savepoint(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), "savepoint \"%s\" does not exist", arg);
}

static void reword_canceled(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), "canceling statement due to user request");
}

#define BUSY_MESSAGE "could not obtain lock on the tenant database"

static void reword_busy(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), BUSY_MESSAGE);
}

static void reword_serialize(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "could not serialize access due to concurrent update");
}

static void reword_read_only(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "cannot execute this statement in a read-only transaction");
}

static void reword_nomem(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), "out of memory");
}

static void reword_recovery(sqlite3 *db, struct pgerr *e, const char *arg)
{
	pgerr_hint(e, "Recovery control functions can only be executed during recovery.");
}

static void reword_toobig(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), "value too large (string or blob over the limit)");
}

/* "duplicate column name: a": a CREATE TABLE that names a column twice */
static void reword_dup_column(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message), "column \"%s\" specified more than once", arg);
}

/* "error in table t after rename: duplicate column name: b" (RENAME COLUMN a TO b) */
static void reword_rename_dup(sqlite3 *db, struct pgerr *e, const char *arg)
{
	const char *sep = strstr(arg, " after rename: duplicate column name: ");
	if (sep)
		snprintf(e->message, sizeof(e->message),
			 "column \"%s\" of relation \"%.*s\" already exists", sep + 38,
			 (int)(sep - arg), arg);
}

/* "table "t" has more than one primary key" */
static void reword_two_pkeys(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "multiple primary keys for table %.*s are not allowed",
		 (int)(strstr(arg, " has more") ? strstr(arg, " has more") - arg : 0), arg);
}

/* "1st ORDER BY term out of range - should be between 1 and 2" (also GROUP BY) */
static void reword_term_range(sqlite3 *db, struct pgerr *e, const char *arg)
{
	const char *by = strstr(arg, " BY term");
	snprintf(e->message, sizeof(e->message), "%s BY position is not in select list",
		 by && by - arg >= 5 && strncmp(by - 5, "GROUP", 5) == 0 ? "GROUP" : "ORDER");
}

/* "SELECTs to the left and right of UNION do not have the same number of result columns" */
static void reword_setop_width(sqlite3 *db, struct pgerr *e, const char *arg)
{
	size_t n = strcspn(arg, " ");
	snprintf(e->message, sizeof(e->message),
		 "each %.*s query must have the same number of columns", (int)n, arg);
}

/* "cannot join using column x - column not present in both tables" */
static void reword_using(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "column \"%.*s\" specified in USING clause does not exist in both tables",
		 (int)strcspn(arg, " "), arg);
}

/* "use DROP TABLE to delete table t": DROP VIEW (or INDEX) of another kind of relation */
static void reword_wrong_drop(sqlite3 *db, struct pgerr *e, const char *arg)
{
	const char *name = strrchr(arg, ' ');
	if (!name)
		return;
	bool table = strncmp(arg, "TABLE", 5) == 0; /* "use DROP TABLE to delete table t" */
	snprintf(e->message, sizeof(e->message), "\"%s\" is not %s", name + 1,
		 table ? "a view" : "a table");
	pgerr_hint(e,
		   table ? "Use DROP TABLE to remove a table." : "Use DROP VIEW to remove a view.");
}

/* "foreign key mismatch - "c" referencing "p"": a foreign key that SQLite, unlike PostgreSQL,
 * let CREATE TABLE make towards a missing table or column or one without a unique key; any
 * write to either table meets it */
static void reword_fk_mismatch(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "the foreign key of %s does not match a unique key of the referenced table", arg);
	pgerr_hint(e, "Drop the table with the foreign key, or create the referenced table's key.");
}

/* "default value of column [a] is not constant": a DEFAULT naming a column */
static void reword_default_column(sqlite3 *db, struct pgerr *e, const char *arg)
{
	snprintf(e->message, sizeof(e->message),
		 "cannot use column reference in DEFAULT expression");
}

/* The authorizer (shard_authz.c) noted what it refused; SQLite only says "not authorized". */
static void reword_auth(sqlite3 *db, struct pgerr *e, const char *arg)
{
	const char *why = shard_authz_last_denial();
	snprintf(e->message, sizeof(e->message), "permission denied: %s",
		 why[0] ? why : "not allowed on a tenant connection");
}

static const struct rc_map rc_table[] = {
	{SQLITE_CONSTRAINT_PRIMARYKEY, "UNIQUE constraint failed: ", SQLSTATE_UNIQUE_VIOLATION,
	 reword_pkey},
	{SQLITE_CONSTRAINT_UNIQUE, "UNIQUE constraint failed: ", SQLSTATE_UNIQUE_VIOLATION,
	 reword_ukey},
	{SQLITE_CONSTRAINT_NOTNULL, "NOT NULL constraint failed: ", SQLSTATE_NOT_NULL_VIOLATION,
	 reword_not_null},
	{SQLITE_CONSTRAINT_CHECK, "CHECK constraint failed: ", SQLSTATE_CHECK_VIOLATION,
	 reword_check},
	{SQLITE_CONSTRAINT_FOREIGNKEY, NULL, SQLSTATE_FOREIGN_KEY_VIOLATION, reword_fkey},
	/* ON DELETE/UPDATE RESTRICT: SQLite's action is a trigger raising this */
	{SQLITE_CONSTRAINT_TRIGGER, "FOREIGN KEY constraint failed", SQLSTATE_FOREIGN_KEY_VIOLATION,
	 reword_fkey},
	/* a UNIQUE index made NULLS NOT DISTINCT: its trigger raises PostgreSQL's message */
	{SQLITE_CONSTRAINT_TRIGGER, XLAT_NND_MESSAGE, SQLSTATE_UNIQUE_VIOLATION, NULL},
	{SQLITE_CONSTRAINT, NULL, "23000", NULL},
	{SQLITE_ERROR, "no such table: ", SQLSTATE_UNDEFINED_TABLE, reword_no_table},
	{SQLITE_ERROR, "no such view: ", SQLSTATE_UNDEFINED_TABLE, reword_no_view},
	{SQLITE_ERROR, "no such index: ", SQLSTATE_UNDEFINED_OBJECT, reword_no_index},
	{SQLITE_ERROR, "unable to identify the object to be reindexed", SQLSTATE_UNDEFINED_TABLE,
	 reword_reindex},
	{SQLITE_ERROR, "HAVING clause on a non-aggregate query", SQLSTATE_FEATURE_NOT_SUPPORTED,
	 reword_having},
	{SQLITE_ERROR, "no such column: ", SQLSTATE_UNDEFINED_COLUMN, reword_no_column},
	{SQLITE_ERROR, "ambiguous column name: ", "42702", reword_ambiguous},
	{SQLITE_ERROR, "table ", SQLSTATE_DUPLICATE_TABLE, reword_exists},
	{SQLITE_ERROR, "index ", SQLSTATE_DUPLICATE_TABLE, reword_exists},
	{SQLITE_ERROR, "view ", SQLSTATE_DUPLICATE_TABLE, reword_exists},
	{SQLITE_ERROR, "there is already an index named ", SQLSTATE_DUPLICATE_TABLE, reword_taken},
	{SQLITE_ERROR, "there is already a table named ", SQLSTATE_DUPLICATE_TABLE, reword_taken},
	{SQLITE_ERROR, "there is already another table or index with this name: ",
	 SQLSTATE_DUPLICATE_TABLE, reword_taken},
	{SQLITE_ERROR, "table ", SQLSTATE_UNDEFINED_COLUMN, reword_no_named},
	{SQLITE_ERROR, "table ", SQLSTATE_SYNTAX_ERROR, reword_values},
	{SQLITE_ERROR, "", SQLSTATE_SYNTAX_ERROR, reword_values_for},
	{SQLITE_ERROR, "sub-select returns ", SQLSTATE_SYNTAX_ERROR, reword_subselect},
	{SQLITE_ERROR, "duplicate column name: ", "42701", reword_dup_column},
	{SQLITE_ERROR, "error in table ", "42701", reword_rename_dup},
	{SQLITE_ERROR, "table ", "42P16", reword_two_pkeys},
	{SQLITE_ERROR, "", "42P10", reword_term_range},
	{SQLITE_ERROR, "SELECTs to the left and right of ", SQLSTATE_SYNTAX_ERROR,
	 reword_setop_width},
	{SQLITE_ERROR, "cannot join using column ", SQLSTATE_UNDEFINED_COLUMN, reword_using},
	{SQLITE_ERROR, "use DROP ", "42809", reword_wrong_drop},
	{SQLITE_ERROR, "default value of column ", SQLSTATE_FEATURE_NOT_SUPPORTED,
	 reword_default_column},
	{SQLITE_ERROR, "row value misused", SQLSTATE_FEATURE_NOT_SUPPORTED, reword_row_value},
	/* an aggregate or window function where SQLite allows none (an outer query's aggregate in
	 * a LATERAL subquery of its own FROM): PostgreSQL's codes, not XX000 */
	{SQLITE_ERROR, "misuse of aggregate", "42803", NULL},
	{SQLITE_ERROR, "misuse of window function", "42P20", NULL},
	{SQLITE_ERROR, "CHECK constraint failed", SQLSTATE_CHECK_VIOLATION, reword_added_check},
	{SQLITE_ERROR, "error in view ", "2BP01", reword_view_column},
	{SQLITE_ERROR, "error in table ", SQLSTATE_FEATURE_NOT_SUPPORTED, reword_table_column},
	{SQLITE_ERROR, "non-deterministic functions prohibited in generated columns", "42P17",
	 reword_not_immutable_gen},
	{SQLITE_ERROR, "non-deterministic functions prohibited in index expressions", "42P17",
	 reword_not_immutable_index},
	{SQLITE_ERROR, "non-deterministic functions prohibited in partial index WHERE clauses",
	 "42P17", reword_not_immutable_pred},
	{SQLITE_ERROR, "ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint",
	 "42P10", reword_no_arbiter},
	{SQLITE_ERROR, "foreign key mismatch - ", "42830", reword_fk_mismatch},
	{SQLITE_ERROR, "no such function: ", SQLSTATE_UNDEFINED_FUNCTION, reword_no_function},
	{SQLITE_ERROR, "wrong number of arguments to function ", SQLSTATE_UNDEFINED_FUNCTION, NULL},
	{SQLITE_ERROR, "no such savepoint: ", SQLSTATE_SAVEPOINT_EXCEPTION, reword_savepoint},
	{SQLITE_ERROR, "cannot start a transaction within a transaction",
	 SQLSTATE_ACTIVE_SQL_TRANSACTION, NULL},
	{SQLITE_ERROR, "cannot commit - no transaction is active",
	 SQLSTATE_NO_ACTIVE_SQL_TRANSACTION, NULL},
	{SQLITE_ERROR, "too many SQL variables", SQLSTATE_PROGRAM_LIMIT_EXCEEDED, NULL},
	{SQLITE_ERROR, "too many columns", SQLSTATE_PROGRAM_LIMIT_EXCEEDED, NULL},
	{SQLITE_ERROR, "Expression tree is too large", SQLSTATE_PROGRAM_LIMIT_EXCEEDED, NULL},
	/* INSERT/UPDATE/DELETE/MERGE on a view: SQLite's views are read-only */
	{SQLITE_ERROR, "cannot modify ", SQLSTATE_FEATURE_NOT_SUPPORTED, NULL},
	{SQLITE_ERROR, "near ", SQLSTATE_SYNTAX_ERROR, NULL},
	/* raised by the catalog's functions (src/catalog/catalog_fn.c, catalog_srf.c) */
	{SQLITE_ERROR, "invalid regular expression: ", "2201B", NULL},
	{SQLITE_ERROR,
	 "invalid input syntax for type boolean: ", SQLSTATE_INVALID_TEXT_REPRESENTATION, NULL},
	{SQLITE_ERROR, "relation \"", SQLSTATE_UNDEFINED_TABLE, NULL},
	{SQLITE_ERROR, "step size cannot equal zero", SQLSTATE_INVALID_PARAMETER_VALUE, NULL},
	{SQLITE_ERROR, "not authorized", SQLSTATE_INSUFFICIENT_PRIVILEGE, reword_auth},
	{SQLITE_ERROR, "unrecognized configuration parameter ", SQLSTATE_UNDEFINED_OBJECT, NULL},
	{SQLITE_ERROR, "unrecognized privilege type: ", SQLSTATE_INVALID_PARAMETER_VALUE, NULL},
	{SQLITE_ERROR, "role \"", SQLSTATE_UNDEFINED_OBJECT, NULL},
	{SQLITE_ERROR, "column \"", SQLSTATE_UNDEFINED_COLUMN, NULL},
	{SQLITE_ERROR, "recovery is not in progress", "55000", reword_recovery},
	{SQLITE_ERROR, "function \"", SQLSTATE_UNDEFINED_FUNCTION, NULL},
	{SQLITE_ERROR, "schema \"", SQLSTATE_INVALID_SCHEMA_NAME, NULL},
	{SQLITE_ERROR, "database \"", SQLSTATE_INVALID_CATALOG_NAME, NULL},
	/* ALTER TABLE ADD COLUMN: SQLite keeps one default for the rows already there */
	{SQLITE_ERROR, "Cannot add a column with non-constant default",
	 SQLSTATE_FEATURE_NOT_SUPPORTED, reword_nonconstant},
	/* ALTER TABLE DROP COLUMN (DROP DOMAIN ... CASCADE's too) of a table's last column, a
	 * key column or a UNIQUE one: SQLite's limits, which PostgreSQL does not have */
	{SQLITE_ERROR, "cannot drop column ", SQLSTATE_FEATURE_NOT_SUPPORTED, NULL},
	{SQLITE_ERROR, "cannot drop PRIMARY KEY column: ", SQLSTATE_FEATURE_NOT_SUPPORTED, NULL},
	{SQLITE_ERROR, "cannot drop UNIQUE column: ", SQLSTATE_FEATURE_NOT_SUPPORTED, NULL},
	{SQLITE_ERROR, NULL, SQLSTATE_INTERNAL_ERROR, NULL},
	{SQLITE_INTERRUPT, NULL, SQLSTATE_QUERY_CANCELED, reword_canceled},
	{SQLITE_BUSY_SNAPSHOT, NULL, SQLSTATE_SERIALIZATION_FAILURE, reword_serialize},
	{SQLITE_BUSY, NULL, SQLSTATE_LOCK_NOT_AVAILABLE, reword_busy},
	{SQLITE_LOCKED, NULL, SQLSTATE_LOCK_NOT_AVAILABLE, reword_busy},
	{SQLITE_READONLY, NULL, SQLSTATE_READ_ONLY_SQL_TRANSACTION, reword_read_only},
	{SQLITE_NOMEM, NULL, SQLSTATE_OUT_OF_MEMORY, reword_nomem},
	{SQLITE_TOOBIG, NULL, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, reword_toobig},
	{SQLITE_FULL, NULL, SQLSTATE_DISK_FULL, NULL},
	{SQLITE_MISMATCH, NULL, SQLSTATE_DATATYPE_MISMATCH, NULL},
	{SQLITE_RANGE, NULL, SQLSTATE_UNDEFINED_PARAMETER, NULL},
	{SQLITE_AUTH, NULL, SQLSTATE_INSUFFICIENT_PRIVILEGE, reword_auth},
	{SQLITE_CORRUPT, NULL, SQLSTATE_DATA_CORRUPTED, NULL},
	{SQLITE_NOTADB, NULL, SQLSTATE_DATA_CORRUPTED, NULL},
	{SQLITE_IOERR, NULL, SQLSTATE_IO_ERROR, NULL},
	{SQLITE_CANTOPEN, NULL, SQLSTATE_IO_ERROR, NULL},
	{SQLITE_PERM, NULL, SQLSTATE_IO_ERROR, NULL},
};

/* Text the message must also contain for rows whose prefix other messages share. */
static const char *required(reword_fn *r)
{
	if (r == reword_exists)
		return " already exists";
	if (r == reword_no_named)
		return " has no column named ";
	if (r == reword_values)
		return " values were supplied";
	if (r == reword_values_for)
		return " values for ";
	if (r == reword_rename_dup)
		return " after rename: duplicate column name: ";
	if (r == reword_two_pkeys)
		return " has more than one primary key";
	if (r == reword_term_range)
		return " BY term out of range";
	if (r == reword_view_column)
		return " after drop column: no such column: ";
	if (r == reword_table_column)
		return " after drop column: ";
	return NULL;
}

static bool matches(const struct rc_map *m, int rc, const char *msg)
{
	if (m->rc > 0xff ? m->rc != rc : m->rc != (rc & 0xff))
		return false;
	return !m->prefix || strncmp(msg, m->prefix, strlen(m->prefix)) == 0;
}

bool shard_error(sqlite3 *db, int rc, struct pgerr *err)
{
	/* Another connection's write lock (a writer that then parks: about a quarter of the
	 * inserts under eight clients): rc_table's row for it, without its scan and copies. */
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		pgerr_set(err, SQLSTATE_LOCK_NOT_AVAILABLE, "%s", BUSY_MESSAGE);
		return false;
	}
	const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	/* Out of file descriptors is the process's limit, not a broken tenant file. */
	int os = db ? sqlite3_system_errno(db) : 0;
	if ((rc & 0xff) == SQLITE_CANTOPEN && (os == EMFILE || os == ENFILE)) {
		pgerr_set(err, SQLSTATE_INSUFFICIENT_RESOURCES,
			  "could not open the tenant's file: too many open files");
		pgerr_hint(err, "Raise the server's open-file limit (ulimit -n) or lower "
				"max_connections.");
		return false;
	}
	char sqlstate[6];
	const char *text;
	if ((rc & 0xff) == SQLITE_ERROR && pgfn_error_split(msg, sqlstate, &text)) {
		const char *detail = strchr(text, PGFN_DETAIL_SEP);
		pgerr_set(err, sqlstate, "%.*s", detail ? (int)(detail - text) : (int)strlen(text),
			  text);
		if (detail)
			pgerr_detail(err, "%s", detail + 1);
		required_by_hint(err);
		depend_hint(err);
		opclass_hint(err);
		upsert_hint(err);
		format_hint(err);
		return false;
	}
	/* "table x already exists" shares its prefix with other messages ("table x has no column
	 * named y"): those rows also name text the message contains. */
	for (size_t i = 0; i < ARRAY_LEN(rc_table); i++) {
		const struct rc_map *m = &rc_table[i];
		if (!matches(m, rc, msg))
			continue;
		if (required(m->reword) && !strstr(msg, required(m->reword)))
			continue;
		pgerr_set(err, m->sqlstate, "%s", msg);
		/* A reword may query db, which replaces SQLite's message: it works on a copy. */
		char saved[PGERR_MSG_MAX];
		snprintf(saved, sizeof(saved), "%s", err->message);
		if (m->reword)
			m->reword(db, err, m->prefix ? saved + strlen(m->prefix) : saved);
		return false;
	}
	return pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "%s", msg);
}
