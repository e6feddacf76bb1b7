/* SPDX-License-Identifier: Apache-2.0 */
/* shard_rebuild.c: schema changes SQLite's ALTER TABLE cannot make (adding a key to a table
 * that has rows), done by SQLite's documented procedure: the table is renamed aside, created
 * again from its own definition with the change applied, refilled, and dropped; its indexes
 * and triggers are created again. All inside a savepoint, so a failure changes nothing. */
#include "shard_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog.h"

/* Positions in a stored CREATE TABLE text: the outer parentheses and the top-level commas. */
struct layout {
	size_t open, close;
	size_t seps[1024];
	size_t nseps;
};

/* Skips a quoted token or comment starting at i; returns the index after it. */
static size_t skip_token(const char *s, size_t i)
{
	char q = s[i];
	if (q == '-' && s[i + 1] == '-') {
		while (s[i] && s[i] != '\n')
			i++;
		return i;
	}
	if (q == '/' && s[i + 1] == '*') {
		const char *e = strstr(s + i + 2, "*/");
		return e ? (size_t)(e - s) + 2 : strlen(s);
	}
	char close = q == '[' ? ']' : q;
	for (i++; s[i]; i++) {
		if (s[i] == close && s[i + 1] == close && close != ']')
			i++;
		else if (s[i] == close)
			return i + 1;
	}
	return i;
}

static bool scan_layout(const char *s, struct layout *l)
{
	int depth = 0;
	l->nseps = 0;
	l->open = l->close = 0;
	for (size_t i = 0; s[i];) {
		char ch = s[i];
		if (ch == '\'' || ch == '"' || ch == '`' || ch == '[' ||
		    (ch == '-' && s[i + 1] == '-') || (ch == '/' && s[i + 1] == '*')) {
			i = skip_token(s, i);
			continue;
		}
		if (ch == '(' && depth++ == 0)
			l->open = i;
		else if (ch == ')' && --depth == 0)
			l->close = i;
		else if (ch == ',' && depth == 1 && l->nseps < ARRAY_LEN(l->seps))
			l->seps[l->nseps++] = i;
		i++;
	}
	return l->open && l->close > l->open && l->nseps < ARRAY_LEN(l->seps);
}

/* Whether the definition at s[b, e) starts with the (possibly quoted) name col. */
static bool defines(const char *s, size_t b, size_t e, const char *col)
{
	while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r'))
		b++;
	size_t n = strlen(col);
	char q = s[b];
	if (q == '"' || q == '`' || q == '[') {
		char close = q == '[' ? ']' : q;
		return b + n + 2 <= e && strncasecmp(s + b + 1, col, n) == 0 &&
		       s[b + 1 + n] == close;
	}
	return b + n <= e && strncasecmp(s + b, col, n) == 0 &&
	       (b + n == e || s[b + n] == ' ' || s[b + n] == '\t' || s[b + n] == '\n');
}

/* The table's definition with NOT NULL added to the listed columns and the constraint
 * appended; NULL when a column is not defined in it. */
static char *new_definition(const char *old, const struct shard_rebuild *rb,
			    const char *const *not_null, size_t nnn)
{
	struct layout l;
	struct strbuf sb;
	if (!scan_layout(old, &l))
		return NULL;
	strbuf_init(&sb, 0);
	size_t b = l.open + 1;
	strbuf_append(&sb, old, b);
	size_t nfound = 0;
	for (size_t k = 0; k <= l.nseps; k++) {
		size_t e = k < l.nseps ? l.seps[k] : l.close;
		size_t t = e;
		while (t > b && (old[t - 1] == ' ' || old[t - 1] == '\n' || old[t - 1] == '\t'))
			t--;
		strbuf_append(&sb, old + b, t - b);
		for (size_t i = 0; i < nnn; i++) {
			if (defines(old, b, e, not_null[i])) {
				strbuf_puts(&sb, " NOT NULL");
				nfound++;
			}
		}
		strbuf_append(&sb, old + t, e - t);
		if (k < l.nseps)
			strbuf_putc(&sb, ',');
		b = e + 1;
	}
	strbuf_printf(&sb, ", %s", rb->constraint);
	strbuf_puts(&sb, old + l.close);
	if (nfound != nnn) { /* a column added by ALTER TABLE in an unusual spelling */
		strbuf_fini(&sb);
		return NULL;
	}
	return strbuf_take(&sb);
}

/* Runs a query with ?1 = text and returns its first column's first row as a malloc'd
 * string ("" when the value is NULL), or NULL when there is no row. */
static char *query_text(sqlite3 *db, const char *sql, const char *arg, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &vm, NULL);
	if (rc != SQLITE_OK) {
		shard_error(db, rc, err);
		return NULL;
	}
	if (arg)
		sqlite3_bind_text(vm, 1, arg, -1, SQLITE_STATIC);
	char *r = NULL;
	rc = sqlite3_step(vm);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(vm, 0);
		r = base_xstrdup(t ? t : "");
	} else if (rc != SQLITE_DONE) {
		shard_error(db, rc, err);
	}
	sqlite3_finalize(vm);
	return r;
}

/* The stored text of table (malloc'd), NULL when there is none. */
static char *table_text(sqlite3 *db, const char *table)
{
	struct pgerr ignored;
	pgerr_clear(&ignored);
	return query_text(db,
			  shard_table_is_temp(db, table)
				  ? "SELECT sql FROM temp.sqlite_schema WHERE type = 'table' AND name = "
				    "?1 COLLATE NOCASE"
				  : "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = "
				    "?1 COLLATE NOCASE",
			  table, &ignored);
}

/* Whether foreign key fkid (SQLite's number) of table is NOT VALID; any of them when fkid < 0. */
static bool fk_not_valid(sqlite3 *db, const char *table, int fkid)
{
	char *sql = table_text(db, table);
	bool nv[256], r = false;
	size_t n = sql && strstr(sql, CATALOG_NOT_VALID_MARK)
			   ? shard_coldef_fk_not_valid(sql, nv, ARRAY_LEN(nv))
			   : 0;
	for (size_t i = 0; i < n && i < ARRAY_LEN(nv); i++)
		r |= nv[i] && (fkid < 0 || (size_t)fkid == n - 1 - i);
	free(sql);
	return r;
}

bool shard_table_rebuild_fk_off(sqlite3 *db, const char *table)
{
	return shard_table_referenced(db, table) || fk_not_valid(db, table, -1);
}

/* The first table foreign_key_check finds a row of whose referenced row is missing (malloc'd),
 * the rows of NOT VALID keys aside, which are not checked; NULL when none. */
static char *fk_violated(sqlite3 *db)
{
	sqlite3_stmt *vm = NULL;
	char *r = NULL;
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT \"table\", fkid FROM pragma_foreign_key_check",
			       -1, &vm, NULL) != SQLITE_OK)
		return NULL;
	while (!r && sqlite3_step(vm) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(vm, 0);
		if (t && !fk_not_valid(db, t, sqlite3_column_int(vm, 1)))
			r = base_xstrdup(t);
	}
	sqlite3_finalize(vm);
	return r;
}

/* The key's columns exist; collects the primary key's columns that are not yet NOT NULL. */
static bool key_columns(sqlite3 *db, const struct shard_rebuild *rb, const char **not_null,
			size_t *nnn, struct pgerr *err)
{
	*nnn = 0;
	for (size_t i = 0; i < rb->nkeys; i++) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, "SELECT \"notnull\" FROM pragma_table_info(");
		strbuf_put_quoted(&sb, rb->table, '\'');
		strbuf_puts(&sb, ") WHERE name = ?1");
		char *v = query_text(db, sb.data, rb->keys[i], err);
		strbuf_fini(&sb);
		if (!v && pgerr_is_set(err))
			return false;
		if (!v)
			return pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN,
					 "column \"%s\" of relation \"%s\" does not exist",
					 rb->keys[i], rb->table);
		if (rb->primary && strcmp(v, "0") == 0)
			not_null[(*nnn)++] = rb->keys[i];
		free(v);
	}
	return true;
}

/* Refusals and errors PostgreSQL raises before reading the rows, in its order. */
/* A key, foreign key or check given a name (an unnamed one gets a free name) that is taken:
 * a key's name is its index's too, so a relation of that name first (42P07); then a
 * constraint of the table (42710), which migrations catch as duplicate_object to make ADD
 * CONSTRAINT idempotent. */
bool shard_constraint_name_free(sqlite3 *db, const char *table, const char *name, bool key,
				struct pgerr *err)
{
	char *v;
	if (key && (v = query_text(db, "SELECT 1 FROM pg_class WHERE relname = ?1", name, err))) {
		free(v);
		return pgerr_set(err, "42P07", "relation \"%s\" already exists", name);
	}
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (pgerr_is_set(err) ||
	    sqlite3_prepare_v2(db, "SELECT 1 FROM pg_constraint WHERE conrelid = ?1 AND conname = ?2",
			       -1, &vm, NULL) != SQLITE_OK)
		return !pgerr_is_set(err);
	sqlite3_bind_int64(vm, 1, shard_table_is_temp(db, table) ? catalog_temp_rel_oid(table)
								 : catalog_rel_oid(table));
	sqlite3_bind_text(vm, 2, name, -1, SQLITE_STATIC);
	found = sqlite3_step(vm) == SQLITE_ROW;
	sqlite3_finalize(vm);
	return !found || pgerr_set(err, "42710",
				   "constraint \"%s\" for relation \"%s\" already exists", name,
				   table);
}

/* ALTER COLUMN TYPE of a column a generated column's expression (in the table's stored text
 * sql) reads: PostgreSQL's 0A000. */
static bool generated_type_check(const char *sql, const char *column, struct pgerr *err)
{
	char *reader = column ? catalog_generated_reader(sql, column) : NULL;
	if (!reader)
		return true;
	pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
		  "cannot alter type of a column used by a generated column");
	pgerr_detail(err, "Column \"%s\" is used by generated column \"%s\".", column, reader);
	free(reader);
	return false;
}

/* Whether at p (after a column's name) the translator wrote the column's date/time type
 * OID as the next argument: ", 1082," or ", 1114)". */
static bool dt_oid_follows(const char *p)
{
	static const char *const oids[] = {"1082", "1083", "1114", "1184", "1186", "1266"};
	if (strncmp(p, ", ", 2) != 0)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(oids); i++)
		if (strncmp(p + 2, oids[i], 4) == 0 && (p[6] == ',' || p[6] == ')'))
			return true;
	return false;
}

/* Whether SQLite text sql passes column (as the translator writes it: bare or quoted) with
 * its type's OID to a date/time function (pg_dt_iadd(d, 1082, ...), pg_iextract('year', d,
 * 1082, 2), xlat_datetime.c). */
static bool dt_reads(const char *sql, const char *column)
{
	static const char *const fns[] = {"pg_dt_",      "pg_interval_",  "pg_extract",
					  "pg_iextract", "pg_date_trunc", "pg_date_itrunc"};
	bool any = false;
	for (size_t i = 0; sql && i < ARRAY_LEN(fns); i++)
		any |= strstr(sql, fns[i]) != NULL;
	if (!any)
		return false;
	struct strbuf id;
	strbuf_init(&id, 0);
	strbuf_put_quoted(&id, column, '"');
	bool found = false;
	for (int quoted = 0; quoted < 2 && !found && !id.failed; quoted++) {
		const char *name = quoted ? id.data : column;
		size_t n = strlen(name);
		for (const char *p = strstr(sql, name); p && !found; p = strstr(p + 1, name)) {
			bool before = p > sql && (p[-1] == '(' ||
						  (p[-1] == ' ' && p - 1 > sql && p[-2] == ','));
			found = before && dt_oid_follows(p + n);
		}
	}
	strbuf_fini(&id);
	return found;
}

/* ALTER COLUMN TYPE of a column that date/time arithmetic in a CHECK (the table's text sql)
 * or an index of table reads: that text names the column's old type, which PostgreSQL would
 * parse again for the new one (often 42883 operator does not exist); not made here (0A000). */
static bool dtarith_type_check(sqlite3 *db, const char *table, const char *sql, const char *column,
			       struct pgerr *err)
{
	bool found = column && dt_reads(sql, column);
	sqlite3_stmt *vm = NULL;
	if (!found && column &&
	    sqlite3_prepare_v2(
		    db,
		    "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 "
		    "COLLATE NOCASE UNION ALL SELECT sql FROM temp.sqlite_schema WHERE "
		    "type = 'index' AND tbl_name = ?1 COLLATE NOCASE",
		    -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
		while (!found && sqlite3_step(vm) == SQLITE_ROW)
			found = dt_reads((const char *)sqlite3_column_text(vm, 0), column);
	}
	sqlite3_finalize(vm);
	return !found || pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "ALTER COLUMN ... TYPE of column \"%s\", which date/time "
				   "arithmetic in a CHECK constraint or an index reads, is not "
				   "supported",
				   column);
}

static bool precheck(struct shard_conn *c, const struct shard_rebuild *rb, const char **not_null,
		     size_t *nnn, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	*nnn = 0;
	if (rb->kind >= SHARD_RB_SET_DEFAULT) /* a change keeps the keys other tables use */
		return true;
	if (!key_columns(db, rb, not_null, nnn, err))
		return false;
	char *v;
	if (rb->kind == SHARD_RB_FOREIGN) {
		/* a temporary table's key may reference only a temporary table, as in PostgreSQL */
		v = query_text(db,
			       shard_table_is_temp(db, rb->table)
				       ? "SELECT 1 FROM temp.sqlite_schema WHERE type = 'table' AND "
					 "name = ?1 COLLATE NOCASE"
				       : "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = "
					 "?1 COLLATE NOCASE",
			       rb->ref_table, err);
		if (!v)
			return pgerr_is_set(err)
				       ? false
				       : pgerr_set(err, SQLSTATE_UNDEFINED_TABLE,
						   "relation \"%s\" does not exist", rb->ref_table);
		free(v);
	}
	/* CONSTRAINT name: given (an unnamed one gets a free name) */
	if (rb->name && strncasecmp(rb->constraint, "CONSTRAINT ", 11) == 0 &&
	    !shard_constraint_name_free(db, rb->table, rb->name, rb->kind == SHARD_RB_KEY, err))
		return false;
	/* a DEFERRABLE or INCLUDE primary key is an index marked so (xlat_defkey.c) */
	if (rb->primary &&
	    (v = query_text(db,
			    "SELECT 1 FROM pragma_table_info(?1) WHERE pk > 0 UNION ALL SELECT 1 "
			    "FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 COLLATE "
			    "NOCASE AND instr(sql, '" CATALOG_PRIMARY_MARK "')",
			    rb->table, err))) {
		free(v);
		return pgerr_set(err, "42P16",
				 "multiple primary keys for table \"%s\" are not allowed",
				 rb->table);
	}
	return !pgerr_is_set(err);
}

/* The first of the primary key's columns holding a NULL in table aside, or NULL. */
static const char *null_column(sqlite3 *db, const char *aside, const char *const *not_null,
			       size_t nnn)
{
	for (size_t i = 0; i < nnn; i++) {
		struct strbuf sb;
		struct pgerr ignored;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, "SELECT 1 FROM ");
		strbuf_put_quoted(&sb, aside, '"');
		strbuf_puts(&sb, " WHERE ");
		strbuf_put_quoted(&sb, not_null[i], '"');
		strbuf_puts(&sb, " IS NULL LIMIT 1");
		char *v = query_text(db, sb.data, NULL, &ignored);
		strbuf_fini(&sb);
		free(v);
		if (v)
			return not_null[i];
	}
	return NULL;
}

/* Collects the SQL of the table's own indexes and triggers (automatic indexes have none). */
static bool dependents(sqlite3 *db, const char *table, bool temp, struct strbuf *out,
		       struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(
		db,
		temp ? "SELECT sql FROM temp.sqlite_schema WHERE type IN ('index', 'trigger') "
		       "AND tbl_name = ?1 COLLATE NOCASE AND sql IS NOT NULL"
		     : "SELECT sql FROM sqlite_schema WHERE type IN ('index', 'trigger') "
		       "AND tbl_name = ?1 COLLATE NOCASE AND sql IS NOT NULL",
		-1, &vm, NULL);
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW)
		strbuf_printf(out, "%s;\n", (const char *)sqlite3_column_text(vm, 0));
	sqlite3_finalize(vm);
	return rc == SQLITE_DONE || shard_error(db, rc, err);
}

/* The columns rows are copied through (generated ones compute themselves), and what each is
 * filled from: itself, or for ALTER TYPE the converted value. */
static bool copy_columns(sqlite3 *db, const struct shard_rebuild *rb, struct strbuf *out,
			 struct strbuf *from, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	/* a column whose expression DROP EXPRESSION drops takes its stored values */
	const char *dropped = NULL;
	for (const struct shard_rebuild *t = rb; t; t = t->next)
		dropped = t->kind == SHARD_RB_DROP_EXPRESSION ? t->column : dropped;
	int rc = sqlite3_prepare_v2(db,
				    "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0 OR "
				    "name = ?2 COLLATE NOCASE",
				    -1, &vm, NULL);
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	sqlite3_bind_text(vm, 1, rb->table, -1, SQLITE_STATIC);
	sqlite3_bind_text(vm, 2, dropped, -1, SQLITE_STATIC);
	for (int i = 0; (rc = sqlite3_step(vm)) == SQLITE_ROW; i++) {
		const char *name = (const char *)sqlite3_column_text(vm, 0);
		const struct shard_rebuild *t = rb;
		while (t && !(t->kind == SHARD_RB_ALTER_TYPE && strcasecmp(name, t->column) == 0))
			t = t->next;
		strbuf_puts(out, i ? ", " : "");
		strbuf_put_quoted(out, name, '"');
		strbuf_puts(from, i ? ", " : "");
		if (t)
			strbuf_printf(from, "(%s)", t->convert);
		else
			strbuf_put_quoted(from, name, '"');
	}
	sqlite3_finalize(vm);
	return rc == SQLITE_DONE || shard_error(db, rc, err);
}

/* PostgreSQL's answer to a duplicate: which index, and one key that is duplicated; false
 * when table aside holds no duplicate key. */
static bool duplicate(struct shard_conn *c, const struct shard_rebuild *rb, const char *aside,
		      struct pgerr *err)
{
	struct strbuf sb, cols, names, text, where;
	strbuf_init(&sb, 0);
	strbuf_init(&cols, 0);
	strbuf_init(&names, 0);
	strbuf_init(&text, 0);
	strbuf_init(&where, 0);
	for (size_t i = 0; i < rb->nkeys; i++) {
		strbuf_puts(&cols, i ? ", " : "");
		strbuf_put_quoted(&cols, rb->keys[i], '"');
		strbuf_printf(&names, "%s%s", i ? ", " : "", rb->keys[i]);
		strbuf_puts(&text, i ? " || ', ' || CAST(" : "CAST(");
		strbuf_put_quoted(&text, rb->keys[i], '"');
		strbuf_puts(&text, " AS TEXT)");
		strbuf_puts(&where, i ? " AND " : "");
		strbuf_put_quoted(&where, rb->keys[i], '"');
		strbuf_puts(&where, " IS NOT NULL"); /* NULLs never collide in a key */
	}
	strbuf_printf(&sb, "SELECT %s FROM ", text.data);
	strbuf_put_quoted(&sb, aside, '"');
	strbuf_printf(&sb, " WHERE %s GROUP BY %s HAVING count(*) > 1 LIMIT 1", where.data,
		      cols.data);
	strbuf_fini(&text);
	strbuf_fini(&where);
	struct pgerr ignored;
	pgerr_clear(&ignored);
	char *key = query_text(shard_conn_db(c), sb.data, NULL, &ignored);
	strbuf_fini(&sb);
	if (key) {
		pgerr_set(err, SQLSTATE_UNIQUE_VIOLATION, "could not create unique index \"%s\"",
			  rb->name);
		pgerr_detail(err, "Key (%s)=(%s) is duplicated.", names.data, key);
	}
	free(key);
	strbuf_fini(&cols);
	strbuf_fini(&names);
	return key != NULL;
}

static bool run(struct shard_conn *c, const char *sql, struct pgerr *err)
{
	return shard_exec(c, sql, err);
}

/* The referenced table's key columns: those named, else its primary key's (42704 if none),
 * as a malloc'd array of malloc'd names in *out. */
static bool ref_columns(sqlite3 *db, const struct shard_rebuild *rb, char ***out, size_t *n,
			struct pgerr *err)
{
	size_t cap = rb->nkeys + rb->nref_keys + 8;
	*out = base_xcalloc(cap, sizeof(char *));
	*n = 0;
	if (rb->nref_keys) {
		for (size_t i = 0; i < rb->nref_keys; i++)
			(*out)[(*n)++] = base_xstrdup(rb->ref_keys[i]);
		return true;
	}
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db,
				    "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 "
				    "ORDER BY pk",
				    -1, &vm, NULL);
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	sqlite3_bind_text(vm, 1, rb->ref_table, -1, SQLITE_STATIC);
	while (*n < cap && (rc = sqlite3_step(vm)) == SQLITE_ROW)
		(*out)[(*n)++] = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
	sqlite3_finalize(vm);
	if (*n == 0)
		return pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
				 "there is no primary key for referenced table \"%s\"",
				 rb->ref_table);
	return true;
}

static void free_names(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* PostgreSQL's answer to a row whose referenced row is missing, naming one such key. */
bool shard_rebuild_missing_reference(struct shard_conn *c, const struct shard_rebuild *rb,
				     const char *aside, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	char **ref = NULL;
	size_t nref = 0;
	struct pgerr ignored;
	pgerr_clear(&ignored);
	bool have = ref_columns(db, rb, &ref, &nref, &ignored) && nref == rb->nkeys;
	/* A table referring to itself is still the one aside while its copy fails. */
	const char *parent = strcasecmp(rb->ref_table, rb->table) == 0 ? aside : rb->ref_table;
	struct strbuf sb, names;
	strbuf_init(&sb, 0);
	strbuf_init(&names, 0);
	strbuf_puts(&sb, "SELECT ");
	for (size_t i = 0; i < rb->nkeys; i++) {
		strbuf_puts(&sb, i ? " || ', ' || CAST(a." : "CAST(a.");
		strbuf_put_quoted(&sb, rb->keys[i], '"');
		strbuf_puts(&sb, " AS TEXT)");
		strbuf_printf(&names, "%s%s", i ? ", " : "", rb->keys[i]);
	}
	strbuf_puts(&sb, " FROM ");
	strbuf_put_quoted(&sb, aside, '"');
	strbuf_puts(&sb, " a WHERE NOT EXISTS (SELECT 1 FROM ");
	strbuf_put_quoted(&sb, parent, '"');
	strbuf_puts(&sb, " r WHERE 1");
	for (size_t i = 0; have && i < rb->nkeys; i++) {
		strbuf_puts(&sb, " AND r.");
		strbuf_put_quoted(&sb, ref[i], '"');
		strbuf_puts(&sb, " = a.");
		strbuf_put_quoted(&sb, rb->keys[i], '"');
	}
	strbuf_puts(&sb, ")");
	for (size_t i = 0; i < rb->nkeys; i++) {
		strbuf_puts(&sb, " AND a.");
		strbuf_put_quoted(&sb, rb->keys[i], '"');
		strbuf_puts(&sb, " IS NOT NULL"); /* a NULL key references nothing */
	}
	strbuf_puts(&sb, " LIMIT 1");
	char *key = have ? query_text(db, sb.data, NULL, &ignored) : NULL;
	pgerr_set(err, SQLSTATE_FOREIGN_KEY_VIOLATION,
		  "insert or update on table \"%s\" violates foreign key constraint \"%s\"",
		  rb->table, rb->name);
	if (key)
		pgerr_detail(err, "Key (%s)=(%s) is not present in table \"%s\".", names.data, key,
			     rb->ref_table);
	free(key);
	free_names(ref, nref);
	strbuf_fini(&sb);
	strbuf_fini(&names);
	return false;
}

/* A column SET NOT NULL by one of the changes that SQLite's message ("NOT NULL constraint
 * failed: t.c") names: PostgreSQL's answer checks the rows after every change. */
static bool set_null_failed(sqlite3 *db, const struct shard_rebuild *rb, struct pgerr *err)
{
	const char *msg = sqlite3_errmsg(db), *dot = strrchr(msg, '.');
	if (strncmp(msg, "NOT NULL constraint failed: ", 28) != 0 || !dot)
		return false;
	for (const struct shard_rebuild *x = rb; x; x = x->next) {
		if (x->kind == SHARD_RB_NOT_NULL && x->not_null &&
		    strcasecmp(dot + 1, x->column) == 0) {
			pgerr_set(err, SQLSTATE_NOT_NULL_VIOLATION,
				  "column \"%s\" of relation \"%s\" contains null values", x->column,
				  rb->table);
			return true;
		}
	}
	return false;
}

static bool refill_failed(struct shard_conn *c, const struct shard_rebuild *rb, const char *aside,
			  int rc, const char *const *not_null, size_t nnn, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	if (rc == SQLITE_CONSTRAINT_NOTNULL && rb->next && set_null_failed(db, rb, err))
		return false;
	if (strncmp(sqlite3_errmsg(db), "foreign key mismatch", 20) == 0)
		return pgerr_set(err, "42830",
				 "there is no unique constraint matching given keys for referenced "
				 "table \"%s\"",
				 rb->ref_table);
	/* inside a transaction block the copy checks every key: a NOT VALID one's rows too */
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY && rb->kind != SHARD_RB_FOREIGN &&
	    fk_not_valid(db, aside, -1))
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "rebuilding table \"%s\", whose NOT VALID foreign key some rows do not "
				 "meet, is not supported inside a transaction block",
				 rb->table);
	if ((rc & 0xff) != SQLITE_CONSTRAINT || rb->kind >= SHARD_RB_SET_DEFAULT)
		return shard_error(db, rc, err);
	if (rb->kind == SHARD_RB_FOREIGN && rc == SQLITE_CONSTRAINT_CHECK &&
	    strstr(rb->constraint, CATALOG_MATCH_FULL_MARK)) { /* the key's guard */
		shard_match_full_error(err, rb->table, rb->name);
		return false;
	}
	if (rb->kind == SHARD_RB_FOREIGN)
		return shard_rebuild_missing_reference(c, rb, aside, err);
	if (rb->kind == SHARD_RB_CHECK)
		return pgerr_set(
			err, SQLSTATE_CHECK_VIOLATION,
			"check constraint \"%s\" of relation \"%s\" is violated by some row",
			rb->name, rb->table);
	/* a CHECK the table has (a NOT VALID domain constraint's row): its own words, before
	 * the lookups below replace SQLite's message */
	if (rc == SQLITE_CONSTRAINT_CHECK)
		return shard_error(db, rc, err);
	if (duplicate(c, rb, aside, err))
		return false;
	const char *col = null_column(db, aside, not_null, nnn);
	if (col)
		return pgerr_set(err, SQLSTATE_NOT_NULL_VIOLATION,
				 "column \"%s\" of relation \"%s\" contains null values", col,
				 rb->table);
	return shard_error(db, rc, err);
}

/* ADD FOREIGN KEY to a table other tables reference, inside a transaction block (a pg_dump
 * restore with --single-transaction adds every foreign key last): SQLite cannot turn foreign
 * keys off there to rebuild, but a FOREIGN KEY changes no stored value, so the stored text
 * gets the constraint in place and foreign_key_check then reads every row as the refill
 * would. */
/* Whether name is one of the n names v (as SQLite compares names). */
static bool among(char **v, size_t n, const char *name)
{
	for (size_t i = 0; name && i < n; i++) {
		if (sqlite3_stricmp(v[i], name) == 0)
			return true;
	}
	return false;
}

/* NOT VALID: whether the referenced columns are the referenced table's primary key or all
 * the columns of one of its unique indexes (SQLite's rule for a parent key), read from the
 * schema, not found by reading the rows; 42830 when they are not (42704: no primary key). */
static bool parent_key_unique(sqlite3 *db, const struct shard_rebuild *rb, struct pgerr *err)
{
	char **ref = NULL;
	size_t nref = 0;
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (!ref_columns(db, rb, &ref, &nref, err) ||
	    sqlite3_prepare_v2(db,
			       "SELECT '', name FROM pragma_table_info(?1) WHERE pk > 0 UNION ALL "
			       "SELECT l.name, i.name FROM pragma_index_list(?1) l, "
			       "pragma_index_info(l.name) i WHERE l.\"unique\" AND NOT l.partial "
			       "ORDER BY 1",
			       -1, &vm, NULL) != SQLITE_OK) {
		free_names(ref, nref);
		return pgerr_is_set(err) ? false : shard_error(db, sqlite3_errcode(db), err);
	}
	sqlite3_bind_text(vm, 1, rb->ref_table, -1, SQLITE_STATIC);
	char key[256] = "\x01"; /* the key (index name, '' the primary key) being read */
	size_t ncols = 0;
	bool all_in = true;
	int rc;
	while (!found && (rc = sqlite3_step(vm)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(vm, 0);
		const char *col = (const char *)sqlite3_column_text(vm, 1);
		if (strcmp(key, k ? k : "") != 0) { /* the previous key ends */
			found = ncols == nref && all_in;
			snprintf(key, sizeof(key), "%s", k ? k : "");
			ncols = 0;
			all_in = true;
		}
		ncols++;
		all_in &= among(ref, nref, col);
	}
	found = found || (ncols && ncols == nref && all_in);
	sqlite3_finalize(vm);
	free_names(ref, nref);
	return found || pgerr_set(err, "42830",
				  "there is no unique constraint matching given keys for referenced "
				  "table \"%s\"",
				  rb->ref_table);
}

/* Whether a row of table fails the CHECK expression expr: "1" (malloc'd) when one does, NULL
 * when none does or with err set. */
static char *violating_row(struct shard_conn *c, const char *table, const char *expr,
			   struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT 1 FROM ");
	strbuf_put_quoted(&sb, table, '"');
	strbuf_printf(&sb, " WHERE NOT (%s) LIMIT 1", expr);
	char *bad = sb.failed ? NULL : query_text(shard_conn_db(c), sb.data, NULL, err);
	strbuf_fini(&sb);
	return bad;
}

/* A MATCH FULL key rb written in place (CATALOG_MATCH_FULL_MARK): its guard, the CHECK named
 * as the key in the table's new text def, holds for every row, else the key's 23503. */
static bool guard_holds(struct shard_conn *c, const struct shard_rebuild *rb, const char *def,
			struct pgerr *err)
{
	struct arena *a = arena_new(0);
	struct shard_check v[256];
	size_t n = shard_coldef_checks(def, a, v, ARRAY_LEN(v));
	bool ok = true;
	for (size_t i = 0; ok && i < n && i < ARRAY_LEN(v); i++) {
		if (!v[i].name || strcmp(v[i].name, rb->name) != 0)
			continue;
		char *bad = violating_row(c, rb->table, v[i].expr, err);
		if (bad)
			shard_match_full_error(err, rb->table, rb->name);
		ok = !bad && !pgerr_is_set(err);
		free(bad);
	}
	arena_free(a);
	return ok;
}

static bool foreign_in_place(struct shard_conn *c, const struct shard_rebuild *rb,
			     const char *old_sql, bool check_rows, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	if (!check_rows && !parent_key_unique(db, rb, err))
		return false;
	char *def = new_definition(old_sql, rb, NULL, 0);
	if (!def)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "the definition of table \"%s\" cannot be changed in place",
				 rb->table);
	struct pgerr ignored;
	pgerr_clear(&ignored);
	bool ok = run(c, "SAVEPOINT shardlite_inplace", err) && shard_inplace_write(c, rb, def, err);
	if (ok && check_rows) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		/* the key added last is SQLite's fkid 0; the others' rows are not its concern */
		strbuf_puts(&sb, "SELECT 1 FROM pragma_foreign_key_check(");
		strbuf_put_quoted(&sb, rb->table, '\'');
		strbuf_puts(&sb, ") WHERE fkid = 0 LIMIT 1");
		char *bad = query_text(db, sb.data, NULL, err);
		strbuf_fini(&sb);
		if (!bad && strncmp(sqlite3_errmsg(db), "foreign key mismatch", 20) == 0) {
			pgerr_clear(err);
			pgerr_set(err, "42830",
				  "there is no unique constraint matching given keys for referenced "
				  "table \"%s\"",
				  rb->ref_table);
		}
		if (bad || pgerr_is_set(err))
			ok = bad ? shard_rebuild_missing_reference(c, rb, rb->table, err) : false;
		free(bad);
	}
	if (ok && check_rows && strstr(rb->constraint, CATALOG_MATCH_FULL_MARK))
		ok = guard_holds(c, rb, def, err);
	free(def);
	if (!ok)
		(void)!shard_exec(c, "ROLLBACK TO shardlite_inplace", &ignored);
	if (!shard_exec(c, "RELEASE shardlite_inplace", ok ? err : &ignored))
		ok = false;
	return ok;
}

/* PostgreSQL's answer to a row that breaks CHECK ck of the rebuilt table. */
static bool check_failed(struct shard_conn *c, const struct shard_rebuild *rb,
			 const struct shard_check *ck, struct pgerr *err)
{
	char domain[PGERR_NAME_MAX], con[PGERR_NAME_MAX];
	if (ck->name && catalog_domain_check_name(ck->name, domain, sizeof(domain), con,
						  sizeof(con)))
		return pgerr_set(err, SQLSTATE_CHECK_VIOLATION,
				 "value for domain %s violates check constraint \"%s\"", domain,
				 con);
	char *name = ck->name ? base_xstrdup(ck->name) : NULL;
	if (!name) { /* an unnamed one: as pg_constraint names it */
		char sql[160];
		snprintf(sql, sizeof(sql),
			 "SELECT conname FROM pg_constraint WHERE conrelid = %u AND contype = 'c' "
			 "AND conbin = ?1",
			 catalog_rel_oid(rb->table));
		struct pgerr ignored;
		pgerr_clear(&ignored);
		name = query_text(shard_conn_db(c), sql, ck->expr, &ignored);
	}
	pgerr_set(err, SQLSTATE_CHECK_VIOLATION,
		  "check constraint \"%s\" of relation \"%s\" is violated by some row",
		  name ? name : "?", rb->table);
	free(name);
	return false;
}

/* After a copy with SQLite's checks off: every CHECK of the table that is not NOT VALID holds
 * for every row (a CHECK fails when its expression is false, not when it is NULL). */
static bool checks_hold(struct shard_conn *c, const struct shard_rebuild *rb, const char *def,
			struct pgerr *err)
{
	struct arena *a = arena_new(0);
	struct shard_check v[256];
	size_t n = shard_coldef_checks(def, a, v, ARRAY_LEN(v));
	bool ok = true;
	for (size_t i = 0; ok && i < n && i < ARRAY_LEN(v); i++) {
		if (v[i].not_valid)
			continue;
		char *bad = violating_row(c, rb->table, v[i].expr, err);
		if (bad)
			ok = check_failed(c, rb, &v[i], err);
		else
			ok = !pgerr_is_set(err);
		free(bad);
	}
	arena_free(a);
	return ok;
}

/* Whether SQLite takes def, a table's new text (what it reads back when the schema is loaded:
 * a CHECK naming no column of the table is refused here, not left in the stored text): a
 * table made of it under another name and dropped, inside the caller's savepoint. */
static bool definition_compiles(struct shard_conn *c, const char *table, const char *def,
				struct pgerr *err)
{
	struct layout l;
	if (!scan_layout(def, &l))
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "the new definition of table \"%s\" cannot be read", table);
	char probe[128];
	snprintf(probe, sizeof(probe), "%.60s__shardlite_probe", table);
	struct strbuf sb, drop;
	strbuf_init(&sb, 0);
	strbuf_init(&drop, 0);
	strbuf_puts(&sb, shard_table_is_temp(shard_conn_db(c), table) ? "CREATE TEMP TABLE "
									 : "CREATE TABLE ");
	strbuf_put_quoted(&sb, probe, '"');
	strbuf_puts(&sb, " ");
	strbuf_puts(&sb, def + l.open);
	strbuf_puts(&drop, "DROP TABLE ");
	strbuf_put_quoted(&drop, probe, '"');
	bool ok = !sb.failed && !drop.failed && run(c, sb.data, err) && run(c, drop.data, err);
	strbuf_fini(&sb);
	strbuf_fini(&drop);
	return ok;
}

/* ADD CHECK: the constraint written into the stored text, in a savepoint; with check_rows,
 * the table's valid CHECKs then read every row. */
static bool check_in_place(struct shard_conn *c, const struct shard_rebuild *rb,
			   const char *old_sql, bool check_rows, struct pgerr *err)
{
	char *def = new_definition(old_sql, rb, NULL, 0);
	if (!def)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "the definition of table \"%s\" cannot be changed in place",
				 rb->table);
	struct pgerr ignored;
	pgerr_clear(&ignored);
	bool ok = run(c, "SAVEPOINT shardlite_inplace", err) &&
		  definition_compiles(c, rb->table, def, err) &&
		  shard_inplace_write(c, rb, def, err) &&
		  (!check_rows || checks_hold(c, rb, def, err));
	free(def);
	if (!ok)
		(void)!shard_exec(c, "ROLLBACK TO shardlite_inplace", &ignored);
	if (!shard_exec(c, "RELEASE shardlite_inplace", ok ? err : &ignored))
		ok = false;
	return ok;
}

/* The steps between the savepoint's start and release. */
static bool rebuild(struct shard_conn *c, const struct shard_rebuild *rb, const char *old_sql,
		    const char *const *not_null, size_t nnn, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	char aside[128];
	snprintf(aside, sizeof(aside), "%.60s" SHARD_REBUILD_ASIDE, rb->table);
	bool temp = shard_table_is_temp(db, rb->table);
	/* the changes are made to the plain text: a key stored as the rowid (shard_rowid.c)
	 * is a table constraint there, and folded again below when it still may be */
	struct shard_rowid_key was, now = {0};
	char *plain = shard_rowid_unfold(db, rb->table, temp, old_sql, &was);
	char *def = rb->kind >= SHARD_RB_SET_DEFAULT ? shard_rebuild_change(c, rb, plain, err)
						      : new_definition(plain, rb, not_null, nnn);
	free(plain);
	for (const struct shard_rebuild *x = rb->next; def && x; x = x->next) {
		char *changed = shard_rebuild_change(c, x, def, err);
		free(def);
		def = changed;
	}
	if (def) {
		char *folded = shard_rowid_fold(db, temp, rb->table, def, &now);
		free(def);
		def = folded;
	}
	if (!def) {
		shard_rowid_key_fini(&was);
		if (!pgerr_is_set(err) && rb->kind == SHARD_RB_DROP_CONSTRAINT && rb->missing_ok)
			return true; /* DROP CONSTRAINT IF EXISTS of a constraint that is not there */
		if (!pgerr_is_set(err))
			pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				  "the definition of table \"%s\" cannot be rebuilt", rb->table);
		return false;
	}
	struct strbuf deps, cols, from, sb;
	strbuf_init(&deps, 0);
	strbuf_init(&cols, 0);
	strbuf_init(&from, 0);
	strbuf_init(&sb, 0);
	/* a temporary table is made again in the temp schema, where the unqualified names of
	 * the steps below find it (and its copy aside) first */
	const char *seq = temp ? "temp.sqlite_sequence" : "main.sqlite_sequence";
	if (temp && strncasecmp(def, "CREATE TABLE ", 13) == 0) {
		strbuf_printf(&sb, "CREATE TEMP TABLE %s", def + 13);
		free(def);
		def = strbuf_take(&sb);
	}
	bool ok = def && dependents(db, rb->table, temp, &deps, err) &&
		  copy_columns(db, rb, &cols, &from, err);
	if (ok) {
		strbuf_puts(&sb, "ALTER TABLE ");
		strbuf_put_quoted(&sb, rb->table, '"');
		strbuf_puts(&sb, " RENAME TO ");
		strbuf_put_quoted(&sb, aside, '"');
		ok = run(c, sb.data, err) && run(c, def, err);
	}
	/* a NOT VALID CHECK is not read by the copy: SQLite's checks are off for it, and the
	 * valid ones read after */
	bool unchecked = ok && strstr(def, CATALOG_NOT_VALID_MARK) != NULL;
	if (unchecked)
		ok = shard_exec_internal(c, "PRAGMA ignore_check_constraints = ON", err);
	if (ok) {
		strbuf_reset(&sb);
		strbuf_puts(&sb, "INSERT INTO ");
		strbuf_put_quoted(&sb, rb->table, '"');
		strbuf_printf(&sb, " (%s) SELECT %s FROM ", cols.data, from.data);
		strbuf_put_quoted(&sb, aside, '"');
		int rc = sqlite3_exec(db, sb.data, NULL, NULL, NULL);
		ok = rc == SQLITE_OK || refill_failed(c, rb, aside, rc, not_null, nnn, err);
	}
	if (unchecked) {
		struct pgerr ignored;
		pgerr_clear(&ignored);
		(void)!shard_exec_internal(c, "PRAGMA ignore_check_constraints = OFF", &ignored);
		ok = ok && checks_hold(c, rb, def, err);
	}
	if (ok && (was.column || now.column))
		ok = shard_rowid_settle(c, rb->table, aside, &was, &now, err);
	if (ok && catalog_sql_autoincrement(def)) {
		/* the serial's sequence went aside with the rename: it continues where it was */
		strbuf_reset(&sb);
		strbuf_printf(&sb, "UPDATE %s SET seq = max(seq, coalesce((SELECT seq FROM %s WHERE "
				   "name = ", seq, seq);
		strbuf_put_quoted(&sb, aside, '\'');
		strbuf_puts(&sb, "), 0)) WHERE name = ");
		strbuf_put_quoted(&sb, rb->table, '\'');
		strbuf_printf(&sb, "; INSERT INTO %s (name, seq) SELECT ", seq);
		strbuf_put_quoted(&sb, rb->table, '\'');
		strbuf_printf(&sb, ", seq FROM %s WHERE name = ", seq);
		strbuf_put_quoted(&sb, aside, '\'');
		strbuf_printf(&sb, " AND NOT EXISTS (SELECT 1 FROM %s WHERE name = ", seq);
		strbuf_put_quoted(&sb, rb->table, '\'');
		strbuf_puts(&sb, ")");
		ok = run(c, sb.data, err);
		if (ok && !temp)
			shard_serial_rebuilt(c, rb->table); /* its held numbers go with the row */
	}
	if (ok) {
		strbuf_reset(&sb);
		strbuf_puts(&sb, "DROP TABLE ");
		strbuf_put_quoted(&sb, aside, '"');
		ok = run(c, sb.data, err) && (!deps.len || run(c, deps.data, err));
	}
	free(def);
	shard_rowid_key_fini(&was);
	shard_rowid_key_fini(&now);
	strbuf_fini(&deps);
	strbuf_fini(&cols);
	strbuf_fini(&from);
	strbuf_fini(&sb);
	return ok;
}

static bool change_table(struct shard_conn *c, const struct shard_rebuild *rb, bool outside,
			 bool fk_pragma_off, struct pgerr *err);

static bool all_not_null(const struct shard_rebuild *rb)
{
	for (; rb; rb = rb->next) {
		if (rb->kind != SHARD_RB_NOT_NULL)
			return false;
	}
	return true;
}

/* DROP NOT NULL of a primary key column among several changes made together: 42P16, as
 * PostgreSQL refuses it (alone it is made in place, which checks the same). */
static bool chain_allowed(sqlite3 *db, const struct shard_rebuild *rb, struct pgerr *err)
{
	for (const struct shard_rebuild *x = rb; x; x = x->next) {
		if (x->kind != SHARD_RB_NOT_NULL || x->not_null)
			continue;
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, "SELECT pk FROM pragma_table_info(");
		strbuf_put_quoted(&sb, rb->table, '\'');
		strbuf_puts(&sb, ") WHERE name = ?1 COLLATE NOCASE AND pk > 0");
		char *pk = query_text(db, sb.data, x->column, err);
		bool in_key = pk != NULL;
		strbuf_fini(&sb);
		free(pk);
		if (in_key)
			return pgerr_set(err, "42P16", "column \"%s\" is in a primary key",
					 x->column);
		if (pgerr_is_set(err))
			return false;
	}
	return true;
}

/* The changes of a chain one by one (each one's text read again). */
static bool each(struct shard_conn *c, const struct shard_rebuild *rb, bool outside,
		 bool fk_pragma_off, struct pgerr *err)
{
	for (; rb; rb = rb->next) {
		struct shard_rebuild one = *rb;
		one.next = NULL;
		if (!change_table(c, &one, outside, fk_pragma_off, err))
			return false;
	}
	return true;
}

/* The change itself. outside: the caller's savepoint is the transaction (no transaction block
 * was open), and SQLite's foreign keys are off when fk_pragma_off. */
static bool change_table(struct shard_conn *c, const struct shard_rebuild *rb, bool outside,
			 bool fk_pragma_off, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	pgerr_clear(err); /* the checks below ask whether a lookup set it */
	bool temp = shard_table_is_temp(db, rb->table); /* found first, as SQLite finds it */
	char *kind = query_text(db,
				temp ? "SELECT type FROM temp.sqlite_schema WHERE name = ?1 COLLATE "
				       "NOCASE AND type IN ('table', 'view')"
				     : "SELECT type FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE "
				       "AND type IN ('table', 'view')",
				rb->table, err);
	if (!kind)
		return pgerr_is_set(err) ? false
					 : pgerr_set(err, SQLSTATE_UNDEFINED_TABLE,
						     "relation \"%s\" does not exist", rb->table);
	bool is_view = strcmp(kind, "view") == 0;
	free(kind);
	if (is_view)
		return pgerr_set(err, "42809", "\"%s\" is not a table", rb->table);
	char *old_sql = query_text(db,
				   temp ? "SELECT sql FROM temp.sqlite_schema WHERE type = 'table' AND "
					  "name = ?1 COLLATE NOCASE"
					: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND "
					  "name = ?1 COLLATE NOCASE",
				   rb->table, err);
	for (const struct shard_rebuild *x = rb; old_sql && x; x = x->next) {
		struct shard_rebuild one = *x; /* a chain's later changes: of rb's table */
		one.table = rb->table;
		/* keep_rows: the type renamed (ALTER TYPE ... RENAME TO), values and meaning kept,
		 * so the views reading the column read it as before */
		if (x->kind == SHARD_RB_ALTER_TYPE &&
		    ((!x->keep_rows && !shard_view_type_check(c, rb->table, x->column, err)) ||
		     !generated_type_check(old_sql, x->column, err) ||
		     (!x->keep_rows &&
		      !dtarith_type_check(db, rb->table, old_sql, x->column, err)) ||
		     !shard_int_range_check(db, &one, err))) {
			free(old_sql);
			return false;
		}
	}
	const char **not_null = base_xcalloc(rb->nkeys + 1, sizeof(char *));
	size_t nnn = 0;
	if (!old_sql || !precheck(c, rb, not_null, &nnn, err)) {
		free(not_null);
		free(old_sql);
		return false;
	}
	/* ADD FOREIGN KEY | CHECK ... NOT VALID: the stored text alone takes it (it changes no
	 * stored value, as SQLite's in-place procedure asks), no row is read */
	if ((rb->kind == SHARD_RB_FOREIGN || rb->kind == SHARD_RB_CHECK) &&
	    strstr(rb->constraint, CATALOG_NOT_VALID_MARK)) {
		free(not_null);
		bool ok = rb->kind == SHARD_RB_FOREIGN ? foreign_in_place(c, rb, old_sql, false, err)
						       : check_in_place(c, rb, old_sql, false, err);
		free(old_sql);
		return ok;
	}
	/* ADD CHECK inside a transaction block to a table SQLite cannot rebuild there (other
	 * tables reference it, or a NOT VALID key's rows would fail the copy): in place too, and
	 * the rows read after */
	if (rb->kind == SHARD_RB_CHECK && !outside && shard_table_rebuild_fk_off(db, rb->table)) {
		free(not_null);
		bool ok = check_in_place(c, rb, old_sql, true, err);
		free(old_sql);
		return ok;
	}
	/* A change of a table other tables reference: their references must not follow the
	 * rename aside, which takes SQLite's procedure with foreign_keys off (only possible
	 * outside a transaction) and a foreign_key_check before the end. So too for a table with
	 * a NOT VALID key, whose rows the copy must not check. */
	bool fk_off = outside ? shard_table_rebuild_fk_off(db, rb->table)
			      : shard_table_referenced(db, rb->table);
	/* a key came since the caller looked (keys off for a table nobody references does no
	 * harm: a chain of several tables, ALTER TYPE ... RENAME TO, holds them off for all) */
	if (outside && fk_off && !fk_pragma_off) {
		free(not_null);
		free(old_sql);
		return pgerr_set(err, SQLSTATE_SERIALIZATION_FAILURE,
				 "could not serialize access due to concurrent update");
	}
	/* Several changes the rebuild would make together, each in place instead */
	if (rb->next && ((fk_off && !outside) || all_not_null(rb))) {
		free(not_null);
		free(old_sql);
		return each(c, rb, outside, fk_pragma_off, err);
	}
	if (rb->next && !chain_allowed(db, rb, err)) {
		free(not_null);
		free(old_sql);
		return false;
	}
	/* NOT NULL never needs the rows moved; the others not when no value changes. The
	 * in-place change makes one change only: NOT NULL before others (ALTER c SET NOT NULL,
	 * ALTER c SET DEFAULT ..., Sequel's alter_table) takes the rebuild that makes them all. */
	int inplace = (rb->kind == SHARD_RB_NOT_NULL && !rb->next) || (fk_off && !outside) ||
				      (rb->kind == SHARD_RB_DOMAIN && rb->keep_rows && !rb->next)
			      ? shard_inplace_change(c, rb, old_sql, err)
			      : 0;
	if (inplace) {
		free(not_null);
		free(old_sql);
		return inplace > 0;
	}
	if (fk_off && !outside && rb->kind == SHARD_RB_FOREIGN) {
		free(not_null);
		bool ok = foreign_in_place(c, rb, old_sql, true, err);
		free(old_sql);
		return ok;
	}
	if (fk_off && !outside) {
		free(not_null);
		free(old_sql);
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "changing table \"%s\", which other tables' foreign keys reference, "
				 "is not supported inside a transaction block",
				 rb->table);
	}
	struct pgerr ignored;
	/* legacy_alter_table: the rename aside must not rewrite views that name the table. */
	bool ok = run(c, "SAVEPOINT shardlite_rebuild", err) &&
	     shard_exec_internal(c, "PRAGMA legacy_alter_table = ON", err) &&
	     rebuild(c, rb, old_sql, not_null, nnn, err);
	if (ok && fk_off) {
		char *bad = fk_violated(db);
		/* the key being added is not checked while the rows are copied: name it */
		if (bad && rb->kind == SHARD_RB_FOREIGN && strcasecmp(bad, rb->table) == 0)
			ok = shard_rebuild_missing_reference(c, rb, rb->table, err);
		else if (bad)
			ok = pgerr_set(err, SQLSTATE_FOREIGN_KEY_VIOLATION,
				       "insert or update on table \"%s\" violates a foreign key "
				       "constraint",
				       bad);
		free(bad);
	}
	if (!ok)
		(void)!shard_exec(c, "ROLLBACK TO shardlite_rebuild", &ignored);
	(void)!shard_exec_internal(c, "PRAGMA legacy_alter_table = OFF", &ignored);
	if (!shard_exec(c, "RELEASE shardlite_rebuild", ok ? err : &ignored))
		ok = false;
	free(not_null);
	free(old_sql);
	return ok;
}

/* Outside a transaction block, the change takes the tenant's write lock before it reads
 * anything, as PostgreSQL's ALTER TABLE takes its table lock when it starts: the definition,
 * the keys and the rows it reads are then the newest, and a change another connection starts
 * meanwhile waits for this one (SQLITE_BUSY: it parks and runs again, sess_exec.c). Read
 * before the lock, they may predate another connection's change: pg_restore -j adds a table's
 * UNIQUE and PRIMARY KEY from two connections at once, and a FOREIGN KEY that references the
 * table while its PRIMARY KEY is being added; the new definition silently dropped the other
 * change, or the key was checked against the table without it. SQLite's foreign keys can only
 * be turned off outside a transaction: whether the table is referenced is looked at before
 * and checked again inside (40001, run again, when a key came or went in between). */
bool shard_table_rebuild(struct shard_conn *c, const struct shard_rebuild *rb, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(c);
	if (!sqlite3_get_autocommit(db))
		return change_table(c, rb, false, false, err);
	bool fk_off = shard_table_rebuild_fk_off(db, rb->table);
	struct pgerr ignored;
	pgerr_clear(&ignored);
	bool ok = (!fk_off || shard_exec_internal(c, "PRAGMA foreign_keys = OFF", err)) &&
		  run(c, "BEGIN IMMEDIATE", err);
	if (ok) {
		ok = change_table(c, rb, true, fk_off, err) && run(c, "COMMIT", err);
		if (!ok && !sqlite3_get_autocommit(db))
			(void)!shard_exec(c, "ROLLBACK", &ignored);
	}
	if (fk_off)
		(void)!shard_exec_internal(c, "PRAGMA foreign_keys = ON", &ignored);
	return ok;
}

bool shard_table_rebuild_held(struct shard_conn *c, const struct shard_rebuild *rb, bool fk_off,
			      struct pgerr *err)
{
	return change_table(c, rb, true, fk_off, err);
}
