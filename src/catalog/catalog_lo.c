/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_lo.c: large objects stored in the tenant's file, so they commit and roll back with
 * the rest of it: the sidecars _shardlite_largeobject_metadata (oid, owner, comment) and
 * _shardlite_largeobject (loid, pageno, data) in PostgreSQL's 2 KiB pages (docs/catalog.md),
 * created by the first large object; the server-side SQL functions over whole objects
 * (lo_create, lo_creat, lo_unlink, lo_from_bytea, lo_get, lo_put) with PostgreSQL's errors;
 * COMMENT ON and ALTER ... OWNER TO of one (src/xlat/xlat_largeobj.c); pg_largeobject_metadata,
 * pg_largeobject and the objects' comments in pg_description. Descriptors (lo_open and the functions taking
 * one) are not here: the translator refuses them (docs/sql-compat.md "Large objects"). */
#include "catalog_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CTX_CONN(ctx) ((struct cat_conn *)sqlite3_user_data(ctx))
#define LO_META "_shardlite_largeobject_metadata"
#define LO_DATA "_shardlite_largeobject"
#define LO_PAGE 2048                               /* PostgreSQL's LOBLKSIZE (BLCKSZ / 4) */
#define LO_MAX_SIZE ((int64_t)LO_PAGE * INT32_MAX) /* PostgreSQL's MAX_LARGE_OBJECT_SIZE */
#define SQLSTATE_UNDEFINED_OBJECT "42704"
#define SQLSTATE_INVALID_PARAMETER "22023"
#define SQLSTATE_UNIQUE_VIOLATION "23505"
#define SQLSTATE_PROGRAM_LIMIT "54000"

#define META_DDL                                                                       \
	"CREATE TABLE IF NOT EXISTS main." LO_META " (oid INTEGER PRIMARY KEY, owner " \
	"TEXT NOT NULL, comment TEXT)"
#define DATA_DDL                                                                      \
	"CREATE TABLE IF NOT EXISTS main." LO_DATA " (loid INTEGER NOT NULL, pageno " \
	"INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (loid, pageno)) WITHOUT ROWID"

/* A statement on ctx's connection with up to three integer parameters (and a blob as ?4 when
 * blob is set); its step's result code, the error raised on ctx when it failed. A lock held by
 * another connection (SQLITE_BUSY) keeps its code, so the session parks and retries. */
static int run(sqlite3_context *ctx, const char *sql, int64_t p1, int64_t p2, int64_t p3,
	       const void *blob, int len)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, p1);
		sqlite3_bind_int64(st, 2, p2);
		sqlite3_bind_int64(st, 3, p3);
		if (blob)
			sqlite3_bind_blob(st, 4, blob, len, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_result_error_code(ctx, rc);
	}
	return rc;
}

static bool exists(sqlite3 *db, uint32_t oid)
{
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (cat_sidecar_exists(db, LO_META) &&
	    sqlite3_prepare_v2(db, "SELECT 1 FROM main." LO_META " WHERE oid = ?1", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, oid);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

/* The object must exist: 42704 as PostgreSQL's otherwise. */
static bool need(sqlite3_context *ctx, uint32_t oid)
{
	if (exists(sqlite3_context_db_handle(ctx), oid))
		return true;
	pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "large object %u does not exist", oid);
	return false;
}

static int64_t query_int(sqlite3 *db, const char *sql, uint32_t oid)
{
	sqlite3_stmt *st = NULL;
	int64_t v = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, oid);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return v;
}

/* Creates the object oid (0: a new OID above those in use); 0 with the error raised. */
static uint32_t create(sqlite3_context *ctx, uint32_t oid)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (run(ctx, META_DDL, 0, 0, 0, NULL, 0) != SQLITE_OK ||
	    run(ctx, DATA_DDL, 0, 0, 0, NULL, 0) != SQLITE_OK)
		return 0;
	if (oid == 0) /* the lowest free from FirstNormalObjectId: no object keeps the value */
		oid = (uint32_t)query_int(
			db,
			"SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM main." LO_META
			" WHERE oid = 16384) THEN 16384 ELSE (SELECT min(m.oid) + 1 FROM main." LO_META
			" m WHERE m.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM main." LO_META
			" n WHERE n.oid = m.oid + 1)) END",
			0);
	else if (exists(db, oid)) {
		char detail[64];
		snprintf(detail, sizeof(detail), "Key (oid)=(%u) already exists.", oid);
		pgfn_error_detail(ctx, SQLSTATE_UNIQUE_VIOLATION, detail,
				  "duplicate key value violates unique constraint "
				  "\"pg_largeobject_metadata_oid_index\"");
		return 0;
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "INSERT INTO main." LO_META " (oid, owner) VALUES (?1, ?2)",
				    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, oid);
		sqlite3_bind_text(st, 2, cat_conn_user(CTX_CONN(ctx)), -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_result_error_code(ctx, rc);
		return 0;
	}
	return oid;
}

/* An oid argument: SQLite holds it as an integer; one outside oid's range is taken modulo 2^32
 * as PostgreSQL's oid input takes "-1". */
static uint32_t oid_arg(sqlite3_value *v) { return (uint32_t)sqlite3_value_int64(v); }

static bool any_null(int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return true;
	return false;
}

/* The object's length: past the end of its last page (pages may be missing: holes). */
static int64_t lo_length(sqlite3 *db, uint32_t oid)
{
	return query_int(db,
			 "SELECT ifnull(max(pageno * 2048 + length(data)), 0) FROM main." LO_DATA
			 " WHERE loid = ?1",
			 oid);
}

/* len bytes from off into out (holes read as zeros); the caller keeps them within the
 * object. */
static bool read_range(sqlite3 *db, uint32_t oid, int64_t off, int64_t len, unsigned char *out)
{
	memset(out, 0, (size_t)len);
	if (len == 0)
		return true;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT pageno, data FROM main." LO_DATA
			       " WHERE loid = ?1 AND pageno BETWEEN ?2 AND ?3",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, oid);
	sqlite3_bind_int64(st, 2, off / LO_PAGE);
	sqlite3_bind_int64(st, 3, (off + len - 1) / LO_PAGE);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t start = sqlite3_column_int64(st, 0) * LO_PAGE;
		const unsigned char *data = sqlite3_column_blob(st, 1);
		int64_t n = sqlite3_column_bytes(st, 1);
		for (int64_t i = 0; i < n; i++) {
			int64_t at = start + i - off;
			if (at >= 0 && at < len)
				out[at] = data[i];
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

/* Writes len bytes at off, page by page: each page touched is read, patched and stored
 * whole, so the bytes between the old end and off read as zeros. */
static bool write_range(sqlite3_context *ctx, uint32_t oid, int64_t off, const unsigned char *buf,
			int64_t len)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (off + len > LO_MAX_SIZE) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER,
			   "invalid large object write request size: %lld", (long long)len);
		return false;
	}
	int64_t end = lo_length(db, oid);
	unsigned char page[LO_PAGE];
	for (int64_t p = off / LO_PAGE; len > 0 && p <= (off + len - 1) / LO_PAGE; p++) {
		int64_t start = p * LO_PAGE;
		int64_t keep = end > start ? (end - start < LO_PAGE ? end - start : LO_PAGE) : 0;
		if (!read_range(db, oid, start, LO_PAGE, page)) {
			pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "large object sidecar: %s",
				   sqlite3_errmsg(db));
			return false;
		}
		int64_t from = off > start ? off - start : 0;
		int64_t to = off + len - start < LO_PAGE ? off + len - start : LO_PAGE;
		memcpy(page + from, buf + (start + from - off), (size_t)(to - from));
		int64_t n = to > keep ? to : keep;
		if (run(ctx,
			"INSERT OR REPLACE INTO main." LO_DATA " (loid, pageno, data) "
			"VALUES (?1, ?2, ?4)",
			oid, p, 0, page, (int)n) != SQLITE_OK)
			return false;
	}
	return true;
}

/* lo_create(oid): the object oid, or a new one for 0. */
static void fn_lo_create(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = create(ctx, oid_arg(argv[0]));
	if (oid)
		sqlite3_result_int64(ctx, oid);
}

/* lo_creat(mode): the mode is ignored, as PostgreSQL has since 8.1. */
static void fn_lo_creat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = create(ctx, 0);
	if (oid)
		sqlite3_result_int64(ctx, oid);
}

static void fn_lo_unlink(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = oid_arg(argv[0]);
	if (!need(ctx, oid) ||
	    run(ctx, "DELETE FROM main." LO_DATA " WHERE loid = ?1", oid, 0, 0, NULL, 0) ||
	    run(ctx, "DELETE FROM main." LO_META " WHERE oid = ?1", oid, 0, 0, NULL, 0))
		return;
	sqlite3_result_int(ctx, 1);
}

static void fn_lo_from_bytea(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *data = sqlite3_value_blob(argv[1]);
	int64_t len = sqlite3_value_bytes(argv[1]);
	uint32_t oid = create(ctx, oid_arg(argv[0]));
	if (oid && write_range(ctx, oid, 0, data, len))
		sqlite3_result_int64(ctx, oid);
}

/* lo_get(oid [, offset, length]): PostgreSQL reads what lies between offset and the end,
 * at most length bytes. */
static void fn_lo_get(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = oid_arg(argv[0]);
	int64_t off = argc > 1 ? sqlite3_value_int64(argv[1]) : 0;
	int64_t want = argc > 1 ? sqlite3_value_int64(argv[2]) : -1;
	if (argc > 1 && want < 0) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER, "requested length cannot be negative");
		return;
	}
	if (!need(ctx, oid))
		return;
	if (off < 0) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER, "invalid large object seek target: %lld",
			   (long long)off);
		return;
	}
	catalog_lo_read(ctx, oid, off, want);
}

void catalog_lo_read(sqlite3_context *ctx, uint32_t oid, int64_t off, int64_t want)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	int64_t size = lo_length(db, oid);
	int64_t len = off >= size ? 0 : size - off;
	if (want >= 0 && want < len)
		len = want;
	if (len >= 0x3fffffff) { /* MaxAllocSize - VARHDRSZ */
		pgfn_error(ctx, SQLSTATE_PROGRAM_LIMIT, "large object read request is too large");
		return;
	}
	unsigned char *buf = sqlite3_malloc64((sqlite3_uint64)len + 1);
	if (!buf) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!read_range(db, oid, off, len, buf)) {
		sqlite3_free(buf);
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "large object sidecar: %s",
			   sqlite3_errmsg(db));
		return;
	}
	sqlite3_result_blob64(ctx, buf, (sqlite3_uint64)len, sqlite3_free);
}

bool catalog_lo_exists(sqlite3 *db, uint32_t oid) { return exists(db, oid); }

int64_t catalog_lo_size(sqlite3 *db, uint32_t oid) { return lo_length(db, oid); }

bool catalog_lo_write(sqlite3_context *ctx, uint32_t oid, int64_t off, const void *data,
		      int64_t len)
{
	return write_range(ctx, oid, off, data, len);
}

bool catalog_lo_truncate(sqlite3_context *ctx, uint32_t oid, int64_t len)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	int64_t size = lo_length(db, oid);
	if (len > size) /* the new end: a zero byte, the gap before it a hole */
		return write_range(ctx, oid, len - 1, (const unsigned char *)"", 1);
	if (run(ctx, "DELETE FROM main." LO_DATA " WHERE loid = ?1 AND pageno * 2048 >= ?2", oid,
		len, 0, NULL, 0) != SQLITE_OK)
		return false;
	return len % LO_PAGE == 0 ||
	       run(ctx,
		   "UPDATE main." LO_DATA " SET data = substr(data, 1, ?3) WHERE loid = ?1 AND "
		   "pageno = ?2",
		   oid, len / LO_PAGE, len % LO_PAGE, NULL, 0) == SQLITE_OK;
}

/* lo_put(oid, offset, data): void. */
static void fn_lo_put(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = oid_arg(argv[0]);
	int64_t off = sqlite3_value_int64(argv[1]);
	const unsigned char *data = sqlite3_value_blob(argv[2]);
	int64_t len = sqlite3_value_bytes(argv[2]);
	if (!need(ctx, oid))
		return;
	if (off < 0) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER, "invalid large object seek target: %lld",
			   (long long)off);
		return;
	}
	if (write_range(ctx, oid, off, data, len))
		sqlite3_result_text(ctx, "", 0,
				    SQLITE_STATIC); /* void: an empty text, as void_out */
}

/* shardlite_lo_comment(oid, text): COMMENT ON LARGE OBJECT (NULL text: none). */
static void fn_lo_comment(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	uint32_t oid = oid_arg(argv[0]);
	if (!need(ctx, oid))
		return;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "UPDATE main." LO_META " SET comment = ?2 WHERE oid = ?1",
				    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, oid);
		sqlite3_bind_value(st, 2, argv[1]);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	sqlite3_result_null(ctx);
}

/* shardlite_lo_owner(oid, role): ALTER LARGE OBJECT ... OWNER TO; every object belongs to the
 * session user, so only that user (NULL: CURRENT_USER and the like) is accepted. */
static void fn_lo_owner(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (need(ctx, oid_arg(argv[0])))
		cat_fn_owner_to(ctx, (const char *)sqlite3_value_text(argv[1]));
}

const char *cat_lo_comment(sqlite3 *db, struct arena *a, uint32_t oid)
{
	sqlite3_stmt *st = NULL;
	const char *text = NULL;
	if (cat_sidecar_exists(db, LO_META) &&
	    sqlite3_prepare_v2(db, "SELECT comment FROM main." LO_META " WHERE oid = ?1", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, oid);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			text = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return text;
}

void cat_lo_descriptions(struct cat_conn *cc, struct cat_rows *r)
{
	sqlite3_stmt *st = NULL;
	if (cat_sidecar_exists(cc->db, LO_META) &&
	    sqlite3_prepare_v2(cc->db,
			       "SELECT oid, comment FROM main." LO_META
			       " WHERE comment IS NOT NULL ORDER BY oid",
			       -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			cat_row(r);
			cat_int(r, sqlite3_column_int64(st, 0));
			cat_int(r, 2613); /* pg_largeobject */
			cat_int(r, 0);
			cat_text(r, (const char *)sqlite3_column_text(st, 1));
		}
	}
	sqlite3_finalize(st);
}

/* side effects: callable only from statements, never from the schema */
static const struct pgfn_def direct_fns[] = {
	{"lo_create", 1, fn_lo_create},
	{"lo_creat", 1, fn_lo_creat},
	{"lo_unlink", 1, fn_lo_unlink},
	{"lo_from_bytea", 2, fn_lo_from_bytea},
	{"lo_put", 3, fn_lo_put},
	{"shardlite_lo_comment", 2, fn_lo_comment},
	{"shardlite_lo_owner", 2, fn_lo_owner},
};

/* reading only: a view may call them, as in PostgreSQL */
static const struct pgfn_def schema_fns[] = {
	{"lo_get", 1, fn_lo_get},
	{"lo_get", 3, fn_lo_get},
};

bool cat_lo_register(sqlite3 *db, struct cat_conn *cc)
{
	return pgfn_define_with(db, direct_fns, ARRAY_LEN(direct_fns), SQLITE_DIRECTONLY, cc) ==
		       SQLITE_OK &&
	       pgfn_define_with(db, schema_fns, ARRAY_LEN(schema_fns), SQLITE_INNOCUOUS, cc) ==
		       SQLITE_OK;
}

/* ---- pg_largeobject_metadata, pg_largeobject ---- */

static bool fill_rows(struct cat_conn *cc, struct cat_rows *r, const char *sql, bool meta)
{
	if (!cat_sidecar_exists(cc->db, LO_META))
		return true;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(cc->db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		cat_row(r);
		cat_int(r, sqlite3_column_int64(st, 0));
		if (meta) {
			const char *owner = (const char *)sqlite3_column_text(st, 1);
			cat_int(r,
				owner && strcmp(owner, cat_conn_user(cc)) == 0
					? CAT_ROLE_BOOTSTRAP /* the session user's, as pg_roles lists it */
					: cat_role_oid(owner));
			cat_null(r);
			continue;
		}
		cat_int(r, sqlite3_column_int64(st, 1));
		cat_blob(r, sqlite3_column_blob(st, 2), sqlite3_column_bytes(st, 2));
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

static bool fill_metadata(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)m;
	return fill_rows(cc, r, "SELECT oid, owner FROM main." LO_META " ORDER BY oid", true);
}

static bool fill_pages(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)m;
	return fill_rows(cc, r,
			 "SELECT loid, pageno, data FROM main." LO_DATA " ORDER BY loid, pageno",
			 false);
}

static const struct cat_reldef defs[] = {
	{"pg_largeobject", "loid oid, pageno int4, data bytea", fill_pages},
	{"pg_largeobject_metadata", "oid oid, lomowner oid, lomacl \"aclitem[]\"", fill_metadata},
};

const struct cat_reldef *cat_lo_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
