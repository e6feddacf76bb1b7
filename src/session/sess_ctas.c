/* SPDX-License-Identifier: Apache-2.0 */
/* sess_ctas.c: CREATE TABLE AS and SELECT ... INTO (struct xlat_ctas). The query is prepared
 * and bound as any SELECT; its columns are described as RowDescription would describe them,
 * a table with those columns declared as their PostgreSQL types is created, and the query's
 * rows are inserted into it, all in one savepoint: an error leaves nothing behind. */
#include "session_int.h"

#include <stdio.h>
#include <string.h>

#include "pgtype.h"

#define SAVEPOINT "shardlite_ctas"

/* Whether schema (main or temp) has a table, view or index named name: PostgreSQL's 42P07 is
 * said before the query runs. */
static bool exists(sqlite3 *db, const char *schema, const char *name)
{
	char sql[96];
	snprintf(sql, sizeof(sql),
		 "SELECT 1 FROM %s.sqlite_schema WHERE name = ?1 AND type IN ('table', 'view', "
		 "'index')",
		 strcmp(schema, "temp") == 0 ? "temp" : "main");
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db, sql, -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return found;
}

/* format_type()'s spelling of a built-in type with its modifier, as CREATE TABLE declares a
 * column of it (xlat_type_format): int4 and float4 keep PostgreSQL's own names, because
 * SQLite reads INTEGER and REAL as its 64-bit integer and double. */
static void builtin_decl(struct strbuf *sb, uint32_t oid, int32_t typmod)
{
	const struct pgtype_info *info = pgtype_by_oid(oid);
	const char *name = info->sql_name;
	if (oid == PGTYPE_INT4 || oid == PGTYPE_FLOAT4 || (oid == PGTYPE_BPCHAR && typmod < 0))
		name = info->name;
	if (typmod < 0) {
		strbuf_puts(sb, name);
		return;
	}
	switch (oid) {
	case PGTYPE_VARCHAR:
	case PGTYPE_BPCHAR:
	case PGTYPE_BIT:
	case PGTYPE_VARBIT:
		strbuf_printf(sb, "%s(%d)", name, typmod - 4);
		break;
	case PGTYPE_NUMERIC: {
		int32_t m = typmod - 4;
		int scale = ((m & 0x7ff) ^ 1024) - 1024; /* the 11-bit scale, sign-extended */
		strbuf_printf(sb, "numeric(%d,%d)", (m >> 16) & 0xffff, scale);
		break;
	}
	case PGTYPE_TIME:
	case PGTYPE_TIMETZ:
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ: {
		const char *sp = strchr(name, ' ');
		size_t head = sp ? (size_t)(sp - name) : strlen(name);
		strbuf_printf(sb, "%.*s(%d)%s", (int)head, name, typmod, sp ? sp : "");
		break;
	}
	default:
		strbuf_puts(sb, name);
		break;
	}
}

/* An enum's declared type: its name, "name[]" for its array type. */
static bool enum_decl(struct session *s, uint32_t oid, struct strbuf *d)
{
	bool array = false;
	const struct catalog_enum *e = sess_types_enum(s, oid, &array);
	if (!e)
		return false;
	strbuf_printf(d, "%s%s", e->name, array ? "[]" : "");
	return true;
}

/* The declared type of a column of type oid/typmod into sb; false when shardlite cannot
 * declare it. A column the query takes as it is keeps its declared type's text (an enum's
 * name, an array's spelling); any other is spelled from the type. Quoted where SQLite's
 * type-name grammar cannot read it (a modifier not at the end, an enum's name). */
static bool decl_of(struct session *s, sqlite3_stmt *vm, int i, uint32_t oid, int32_t typmod,
		    struct strbuf *sb)
{
	const char *src = sqlite3_column_decltype(vm, i);
	int32_t src_mod = -1;
	uint32_t src_oid = src ? pgtype_from_decl(src, &src_mod) : 0;
	if (src && src_oid == PGTYPE_TEXT)
		src_oid = sess_types_decl(s, src, src_oid); /* an enum's name */
	struct strbuf d;
	strbuf_init(&d, 0);
	const struct pgtype_info *info = pgtype_by_oid(oid);
	if (src && src_oid == oid && src_mod == typmod && strcmp(src, "INTEGER") != 0) {
		strbuf_puts(&d, src);
	} else if (info && info->elem_oid && pgtype_by_oid(info->elem_oid)) {
		builtin_decl(&d, info->elem_oid, typmod);
		strbuf_puts(&d, "[]");
	} else if (info) {
		builtin_decl(&d, oid, typmod);
	} else if (enum_decl(s, oid, &d)) {
		info = NULL; /* quoted below, as CREATE TABLE quotes an enum's name */
	} else {
		strbuf_fini(&d);
		return false;
	}
	const char *t = d.data ? d.data : "text";
	size_t n = strlen(t);
	bool quote = !info || (strchr(t, '(') && t[n - 1] != ')') || strchr(t, '"');
	if (quote)
		strbuf_put_quoted(sb, t, '"');
	else
		strbuf_puts(sb, t);
	strbuf_fini(&d);
	return true;
}

/* CREATE TABLE schema."name" (col type, ...) for the query's columns. */
static bool create_sql(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
		       struct strbuf *sb, struct pgerr *err)
{
	const struct xlat_ctas *ct = x->ctas;
	int n = sqlite3_column_count(vm);
	if (ct->ncolnames > (size_t)n)
		return pgerr_set(err, SQLSTATE_SYNTAX_ERROR, "too many column names were specified");
	struct pgw_field *f = arena_alloc(s->msg_arena, sizeof(*f) * (size_t)(n ? n : 1));
	struct xlat_stmt plain = *x;
	plain.ctas = NULL; /* described as the SELECT it is */
	sess_describe_columns(s, &plain, vm, NULL, f);
	/* TEMP as written: the authorizer pins the connection for a CREATE TEMP TABLE */
	strbuf_puts(sb, strcmp(ct->schema, "temp") == 0 ? "CREATE TEMP TABLE " : "CREATE TABLE main.");
	strbuf_put_quoted(sb, ct->name, '"');
	strbuf_puts(sb, ct->matview ? " (" CATALOG_MATVIEW_MARK " " : " (");
	for (int i = 0; i < n; i++) {
		const char *name = (size_t)i < ct->ncolnames ? ct->colnames[i] : f[i].name;
		uint32_t oid = f[i].type_oid == PGTYPE_UNKNOWN ? PGTYPE_TEXT : f[i].type_oid;
		strbuf_puts(sb, i ? ", " : "");
		strbuf_put_quoted(sb, name ? name : "?column?", '"');
		strbuf_puts(sb, " ");
		if (!decl_of(s, vm, i, oid, f[i].typmod, sb))
			return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "CREATE TABLE AS of a column of type %u is not supported",
					 oid);
		for (int k = 0; k < i; k++) {
			const char *other = (size_t)k < ct->ncolnames ? ct->colnames[k] : f[k].name;
			if (other && name && strcmp(other, name) == 0)
				return pgerr_set(err, SQLSTATE_DUPLICATE_COLUMN,
						 "column \"%s\" specified more than once", name);
		}
	}
	if (n == 0)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "a table without columns is not supported");
	strbuf_puts(sb, ")");
	if (sb->failed)
		return pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	return true;
}

/* INSERT INTO schema."name" VALUES (?1, ..., ?n) */
static sqlite3_stmt *insert_vm(struct session *s, const char *schema, const char *name, int n,
			       struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "INSERT INTO %s.", schema);
	strbuf_put_quoted(&sb, name, '"');
	strbuf_puts(&sb, " VALUES (");
	for (int i = 0; i < n; i++)
		strbuf_printf(&sb, "%s?%d", i ? ", " : "", i + 1);
	strbuf_puts(&sb, ")");
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *ins = NULL;
	int rc = sb.failed ? SQLITE_NOMEM : sqlite3_prepare_v2(db, sb.data, -1, &ins, NULL);
	strbuf_fini(&sb);
	if (rc != SQLITE_OK) {
		shard_error(db, rc, err);
		return NULL;
	}
	return ins;
}

bool sess_ctas_fill(struct session *s, const char *schema, const char *name, sqlite3_stmt *vm,
		    uint64_t *rows, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	int n = sqlite3_column_count(vm);
	sqlite3_stmt *ins = insert_vm(s, schema, name, n, err);
	if (!ins)
		return false;
	int rc;
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(vm, i));
		rc = sqlite3_step(ins);
		sqlite3_reset(ins);
		if (rc != SQLITE_DONE)
			break;
		++*rows;
	}
	sqlite3_finalize(ins);
	if (rc == SQLITE_DONE)
		return true;
	shard_error(db, rc, err);
	shard_fk_explain(db, vm, rc, err);
	return false;
}

/* Creates and fills the table inside the savepoint. */
static bool create_and_fill(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
			    uint64_t *rows, struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const struct xlat_ctas *ct = x->ctas;
	/* a materialized view's sidecar row first: the catalog reads it again only when the
	 * schema moves, which the CREATE TABLE after it does */
	bool ok = create_sql(s, x, vm, &sb, err) &&
		  (!ct->matview || sess_matview_record(s, ct, err)) &&
		  shard_exec(s->conn, sb.data, err);
	strbuf_fini(&sb);
	return ok && (ct->no_data || sess_ctas_fill(s, ct->schema, ct->name, vm, rows, err));
}

bool sess_ctas_run(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
		   uint64_t *rows, char *tag, struct pgerr *err)
{
	const struct xlat_ctas *ct = x->ctas;
	sqlite3 *db = shard_conn_db(s->conn);
	*rows = 0;
	if (!sess_schema_attach(s, x, err))
		return false;
	if (exists(db, ct->schema, ct->name)) {
		sqlite3_reset(vm);
		if (!ct->if_not_exists)
			return pgerr_set(err, SQLSTATE_DUPLICATE_TABLE,
					 "relation \"%s\" already exists", ct->name);
		if (sess_notice_wanted(s, "notice")) {
			char msg[PGERR_MSG_MAX];
			snprintf(msg, sizeof(msg), "relation \"%s\" already exists, skipping",
				 ct->name);
			pgw_be_notice(&s->out, "NOTICE", SQLSTATE_DUPLICATE_TABLE, msg);
		}
		snprintf(tag, SESS_CTAS_TAG, ct->matview ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE AS");
		return true;
	}
	if (!shard_exec(s->conn, "SAVEPOINT " SAVEPOINT, err))
		return false;
	bool ok = create_and_fill(s, x, vm, rows, err);
	sqlite3_reset(vm);
	if (!ok) {
		struct pgerr ignored;
		pgerr_clear(&ignored);
		if (!shard_exec(s->conn, "ROLLBACK TO " SAVEPOINT, &ignored) ||
		    !shard_exec(s->conn, "RELEASE " SAVEPOINT, &ignored))
			LOG_WARN(s->id, s->tenant, "CREATE TABLE AS: its savepoint stayed: %s",
				 ignored.message);
		*rows = 0;
		return false;
	}
	if (!shard_exec(s->conn, "RELEASE " SAVEPOINT, err))
		return false;
	if (ct->no_data)
		snprintf(tag, SESS_CTAS_TAG, ct->matview ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE AS");
	else
		snprintf(tag, SESS_CTAS_TAG, "SELECT %llu", (unsigned long long)*rows);
	sess_temp_saw(s, x);
	return true;
}
