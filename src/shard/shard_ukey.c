/* SPDX-License-Identifier: Apache-2.0 */
/* shard_ukey.c: the key values in a unique violation's DETAIL (23505), "Key (e)=(a) already
 * exists.". SQLite names the columns but not the values; as for foreign keys (shard_fkey.c) a
 * statement that succeeds pays nothing: the failed statement runs again inside a savepoint
 * with a temporary BEFORE trigger on the table that, for the first row whose key is already
 * there, raises an error carrying that row's key as PostgreSQL prints it; then everything
 * (the trigger too) is rolled back. BEFORE triggers run before SQLite checks the key, and
 * their NEW row already has the column affinities applied. */
#include "shard_int.h"

#include "pgfn.h"
#include "pgtype.h"

#include <stdio.h>
#include <string.h>

#define UK_COLS_MAX 32 /* PostgreSQL's INDEX_MAX_KEYS */
#define UK_FN "shardlite_unique_key"
#define UK_MARK "shardlite_unique_key:"

/* shardlite_unique_key(oid, typmod, value, ...): fails with UK_MARK and the values joined by
 * ", " as PostgreSQL's output functions print them (NULL as "null"). */
static void fn_unique_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct strbuf sb;
	strbuf_init(&sb, PGERR_MSG_MAX);
	strbuf_puts(&sb, UK_MARK);
	for (int i = 0; i + 2 < argc; i += 3) {
		sqlite3_value *v = argv[i + 2];
		struct pgtype_value pv;
		strbuf_puts(&sb, i ? ", " : "");
		if (!pgfn_pgtype_value(v, &pv)) {
			strbuf_puts(&sb, "null");
			continue;
		}
		pgtype_encode_text_typmod(&sb, (uint32_t)sqlite3_value_int64(argv[i]),
					  (int32_t)sqlite3_value_int(argv[i + 1]), &pv);
	}
	if (sb.failed)
		sqlite3_result_error(ctx, "shardlite_unique_key: key too long", -1);
	else
		sqlite3_result_error(ctx, sb.data, (int)sb.len);
	strbuf_fini(&sb);
}

int shard_ukey_register(sqlite3 *db)
{
	/* not SQLITE_DIRECTONLY: the trigger calls it; it only ever raises an error */
	return sqlite3_create_function_v2(db, UK_FN, -1, SQLITE_UTF8, NULL,
					  fn_unique_key, NULL, NULL, NULL);
}

/* The key shard_error described (SQLite's message is gone by now: shard_error's own catalog
 * lookups replaced it): its table_name and the columns of its DETAIL "Key (a, b) already
 * exists."; false when there is none (an expression index names no columns). */
struct ukey {
	char table[PGERR_NAME_MAX];
	int ncols;
	char cols[UK_COLS_MAX][PGERR_NAME_MAX];
};

static bool parse_key(const struct pgerr *err, struct ukey *k)
{
	static const char pre[] = "Key (", post[] = ") already exists.";
	const char *d = err->detail;
	size_t n = strlen(d);
	if (!err->table_name[0] || strncmp(d, pre, sizeof(pre) - 1) != 0 ||
	    n < sizeof(pre) + sizeof(post) - 1 || strcmp(d + n - (sizeof(post) - 1), post) != 0)
		return false;
	snprintf(k->table, sizeof(k->table), "%s", err->table_name);
	const char *end = d + n - (sizeof(post) - 1);
	k->ncols = 0;
	for (const char *p = d + sizeof(pre) - 1; p < end && k->ncols < UK_COLS_MAX;) {
		const char *comma = strstr(p, ", ");
		const char *stop = comma && comma < end ? comma : end;
		snprintf(k->cols[k->ncols++], PGERR_NAME_MAX, "%.*s", (int)(stop - p), p);
		p = stop + (stop == end ? 0 : 2);
	}
	return k->ncols > 0;
}

/* The trigger: BEFORE op ON the table, when a row other than this one (an UPDATE's OLD row)
 * holds the key, call UK_FN with the key's types and values. */
static void put_trigger(sqlite3 *db, struct strbuf *sb, const struct ukey *k, bool update)
{
	strbuf_printf(sb, "CREATE TEMP TRIGGER shardlite_uk_%s BEFORE %s ON main.",
		      update ? "u" : "i", update ? "UPDATE" : "INSERT");
	strbuf_put_quoted(sb, k->table, '"');
	strbuf_puts(sb, " WHEN EXISTS (SELECT 1 FROM main.");
	strbuf_put_quoted(sb, k->table, '"');
	for (int i = 0; i < k->ncols; i++) {
		strbuf_puts(sb, i ? " AND " : " WHERE ");
		strbuf_put_quoted(sb, k->cols[i], '"');
		strbuf_puts(sb, " = NEW.");
		strbuf_put_quoted(sb, k->cols[i], '"');
	}
	strbuf_puts(sb, update ? " AND rowid IS NOT OLD.rowid) BEGIN SELECT " UK_FN "("
			       : ") BEGIN SELECT " UK_FN "(");
	for (int i = 0; i < k->ncols; i++) {
		const char *decl = NULL;
		int32_t typmod = -1;
		uint32_t oid = PGTYPE_TEXT;
		if (sqlite3_table_column_metadata(db, "main", k->table, k->cols[i], &decl, NULL,
						  NULL, NULL, NULL) == SQLITE_OK)
			oid = pgtype_from_decl(decl, &typmod);
		strbuf_printf(sb, "%s%u, %d, NEW.", i ? ", " : "", oid, (int)typmod);
		strbuf_put_quoted(sb, k->cols[i], '"');
	}
	strbuf_puts(sb, "); END;");
}

/* Runs vm again inside savepoint shardlite_uk with the triggers in place; copies the key the
 * trigger reported into out. Everything is rolled back; vm is left reset. */
static bool rerun(sqlite3 *db, sqlite3_stmt *vm, const struct ukey *k, char *out, size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SAVEPOINT shardlite_uk; ");
	put_trigger(db, &sb, k, false);
	bool ok = !sb.failed && sqlite3_exec(db, sb.data, NULL, NULL, NULL) == SQLITE_OK;
	strbuf_fini(&sb);
	if (ok) {
		/* an UPDATE trigger needs the rowid (not in a WITHOUT ROWID table): optional */
		strbuf_init(&sb, 0);
		put_trigger(db, &sb, k, true);
		if (!sb.failed)
			(void)sqlite3_exec(db, sb.data, NULL, NULL, NULL);
		strbuf_fini(&sb);
		sqlite3_reset(vm);
		int rc;
		shard_serial_replay(true);
		while ((rc = sqlite3_step(vm)) == SQLITE_ROW)
			;
		shard_serial_replay(false);
		const char *msg = sqlite3_errmsg(db);
		ok = rc != SQLITE_DONE && msg && strncmp(msg, UK_MARK, strlen(UK_MARK)) == 0;
		if (ok)
			snprintf(out, len, "%s", msg + strlen(UK_MARK));
		sqlite3_reset(vm);
	}
	(void)sqlite3_exec(db, "ROLLBACK TO shardlite_uk; RELEASE shardlite_uk", NULL, NULL, NULL);
	return ok;
}

/* The name of the index sql makes when it is the CREATE UNIQUE INDEX xlat_objects.c writes
 * ("CREATE UNIQUE INDEX [IF NOT EXISTS ] name ON ..."), the name as xlat_ident wrote it:
 * bare, or between double quotes with inner ones doubled. */
static bool index_being_made(const char *sql, char *name, size_t len)
{
	static const char pre[] = "CREATE UNIQUE INDEX ", ine[] = "IF NOT EXISTS ";
	const char *p = sql;
	if (!p || strncmp(p, pre, sizeof(pre) - 1) != 0)
		return false;
	p += sizeof(pre) - 1;
	if (strncmp(p, ine, sizeof(ine) - 1) == 0)
		p += sizeof(ine) - 1;
	size_t n = 0;
	if (*p != '"') {
		while (*p && *p != ' ' && *p != '.' && n + 1 < len)
			name[n++] = *p++;
		name[n] = '\0';
		return n > 0 && *p == ' ';
	}
	for (p++; *p && n + 1 < len; p++) {
		if (*p == '"' && p[1] != '"')
			break;
		p += *p == '"'; /* a doubled quote */
		name[n++] = *p;
	}
	name[n] = '\0';
	return n > 0 && *p == '"';
}

/* CREATE UNIQUE INDEX over rows that break it: PostgreSQL's "could not create unique index"
 * and, for an index over columns, one duplicated key ("Key (a)=(1) is duplicated."), found
 * by grouping the rows by the key (NULLs never collide). A partial index's predicate is not
 * known here: its duplicate is not looked for. */
bool shard_unique_index_explain(sqlite3 *db, const char *sql, struct pgerr *err)
{
	char index[PGERR_NAME_MAX];
	if (!sql || strcmp(err->sqlstate, SQLSTATE_UNIQUE_VIOLATION) != 0 ||
	    !index_being_made(sql, index, sizeof(index)))
		return false;
	struct ukey k;
	/* a partial index's WHERE: in the CREATE, not in a statement of the script after it */
	const char *where = strstr(sql, " WHERE "), *end = strchr(sql, ';');
	bool cols = parse_key(err, &k) && !(where && (!end || where < end));
	snprintf(err->message, sizeof(err->message), "could not create unique index \"%s\"", index);
	snprintf(err->constraint_name, sizeof(err->constraint_name), "%s", index);
	err->detail[0] = '\0';
	if (!cols)
		return true;
	struct strbuf sb, names;
	strbuf_init(&sb, 0);
	strbuf_init(&names, 0);
	strbuf_puts(&sb, "SELECT " UK_FN "(");
	for (int i = 0; i < k.ncols; i++) {
		const char *decl = NULL;
		int32_t typmod = -1;
		uint32_t oid = PGTYPE_TEXT;
		if (sqlite3_table_column_metadata(db, NULL, k.table, k.cols[i], &decl, NULL, NULL,
						  NULL, NULL) == SQLITE_OK)
			oid = pgtype_from_decl(decl, &typmod);
		strbuf_printf(&sb, "%s%u, %d, ", i ? ", " : "", oid, (int)typmod);
		strbuf_put_quoted(&sb, k.cols[i], '"');
		strbuf_printf(&names, "%s%s", i ? ", " : "", k.cols[i]);
	}
	strbuf_puts(&sb, ") FROM ");
	strbuf_put_quoted(&sb, k.table, '"');
	for (int i = 0; i < k.ncols; i++) {
		strbuf_puts(&sb, i ? " AND " : " WHERE ");
		strbuf_put_quoted(&sb, k.cols[i], '"');
		strbuf_puts(&sb, " IS NOT NULL");
	}
	for (int i = 0; i < k.ncols; i++) {
		strbuf_puts(&sb, i ? ", " : " GROUP BY ");
		strbuf_put_quoted(&sb, k.cols[i], '"');
	}
	strbuf_puts(&sb, " HAVING count(*) > 1 LIMIT 1");
	if (!sb.failed && !names.failed &&
	    sqlite3_exec(db, sb.data, NULL, NULL, NULL) != SQLITE_OK) {
		const char *msg = sqlite3_errmsg(db);
		if (msg && strncmp(msg, UK_MARK, strlen(UK_MARK)) == 0)
			pgerr_detail(err, "Key (%s)=(%s) is duplicated.", names.data,
				     msg + strlen(UK_MARK));
	}
	strbuf_fini(&sb);
	strbuf_fini(&names);
	return true;
}

void shard_unique_explain(sqlite3 *db, sqlite3_stmt *vm, int rc, struct pgerr *err)
{
	if (rc != SQLITE_CONSTRAINT_UNIQUE && rc != SQLITE_CONSTRAINT_PRIMARYKEY)
		return;
	if (shard_unique_index_explain(db, sqlite3_sql(vm), err))
		return;
	struct ukey k;
	if (!parse_key(err, &k))
		return;
	char values[PGERR_MSG_MAX / 2];
	if (!rerun(db, vm, &k, values, sizeof(values)))
		return;
	struct strbuf cols;
	strbuf_init(&cols, 0);
	for (int i = 0; i < k.ncols; i++) {
		strbuf_puts(&cols, i ? ", " : "");
		strbuf_puts(&cols, k.cols[i]);
	}
	if (!cols.failed)
		pgerr_detail(err, "Key (%s)=(%s) already exists.", cols.data, values);
	strbuf_fini(&cols);
}
