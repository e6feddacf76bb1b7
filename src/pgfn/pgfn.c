/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn.c: registration of every function area on a connection, and the SQLSTATE-carrying
 * error convention shared by all of them. */
#include "pgfn_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define TAG "pgfn:"

struct pgfn_conn *pgfn_register(sqlite3 *db)
{
	static int (*const areas[])(sqlite3 *) = {
		pgfn_register_math,
		pgfn_register_trig,
		pgfn_register_numeric,
		pgfn_register_numscale,
		pgfn_register_numtrans,
		pgfn_register_regr,
		pgfn_register_sysinfo,
		pgfn_register_limit,
		pgfn_register_tonumber,
		pgfn_register_normalize,
		pgfn_register_string,
		pgfn_register_textfn,
		pgfn_register_bytes,
		pgfn_register_json,
		pgfn_register_jsonpath,
		pgfn_register_arraymd,
		pgfn_register_arrayfn,
		pgfn_register_arrayset,
		pgfn_register_srf,
		pgfn_register_lateral,
		pgfn_register_regex,
		pgfn_register_regexfn,
		pgfn_register_simsub,
		pgfn_register_hash,
		pgfn_register_cast,
		pgfn_register_numstore,
		pgfn_register_uuid,
		pgfn_register_dtagg,
		pgfn_register_floatwin,
		pgfn_register_osagg,
		pgfn_register_enum,
		pgfn_register_domain,
		pgfn_register_net,
		pgfn_register_bit,
		pgfn_register_money,
		pgfn_register_tsearch,
		pgfn_register_like,
		pgfn_register_viewcheck,
		pgfn_register_tablesample,
	};
	for (size_t i = 0; i < ARRAY_LEN(areas); i++) {
		if (areas[i](db) != SQLITE_OK)
			return NULL;
	}
	struct pgfn_conn *c = base_xcalloc(1, sizeof(*c));
	if (pgfn_register_datetime(db, c) != SQLITE_OK) /* db owns c either way */
		return NULL;
	if (pgfn_register_call(db, c) != SQLITE_OK || pgfn_register_sleep(db, c) != SQLITE_OK ||
	    pgfn_register_random(db, c) != SQLITE_OK ||
	    pgfn_register_datebin(db, c) != SQLITE_OK || pgfn_register_range(db, c) != SQLITE_OK || pgfn_register_multirange(db, c) != SQLITE_OK ||
	    pgfn_register_record(db, c) != SQLITE_OK)
		return NULL;
	if (pgfn_register_format(db, c) != SQLITE_OK || pgfn_register_array(db, c) != SQLITE_OK)
		return NULL;
	if (pgfn_register_notify(db, c) != SQLITE_OK || pgfn_register_useragg(db) != SQLITE_OK)
		return NULL;
	return pgfn_register_xact(db, c) == SQLITE_OK ? c : NULL;
}

void pgfn_lend(struct pgfn_conn *c, const struct pgfn_session *s) { c->sess = s; }

void pgfn_error(sqlite3_context *ctx, const char *sqlstate, const char *fmt, ...)
{
	char msg[512];
	int n = snprintf(msg, sizeof(msg), TAG "%.5s:", sqlstate);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	sqlite3_result_error(ctx, msg, -1);
}

void pgfn_error_detail(sqlite3_context *ctx, const char *sqlstate, const char *detail,
		       const char *fmt, ...)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, TAG "%.5s:", sqlstate);
	va_list ap;
	va_start(ap, fmt);
	char *msg = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	strbuf_puts(&sb, msg ? msg : "");
	sqlite3_free(msg);
	strbuf_putc(&sb, PGFN_DETAIL_SEP);
	strbuf_puts(&sb, detail);
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_error(ctx, sb.data, (int)sb.len);
	strbuf_fini(&sb);
}

bool pgfn_error_split(const char *msg, char sqlstate[6], const char **text)
{
	size_t tag = strlen(TAG);
	if (!msg || strncmp(msg, TAG, tag) != 0 || strlen(msg) < tag + 6 || msg[tag + 5] != ':')
		return false;
	memcpy(sqlstate, msg + tag, 5);
	sqlstate[5] = '\0';
	*text = msg + tag + 6;
	return true;
}

int pgfn_define_with(sqlite3 *db, const struct pgfn_def *defs, size_t n, int flags, void *user)
{
	for (size_t i = 0; i < n; i++) {
		int rc = sqlite3_create_function(db, defs[i].name, defs[i].nargs,
						 SQLITE_UTF8 | flags, user,
						 defs[i].fn, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

int pgfn_define(sqlite3 *db, const struct pgfn_def *defs, size_t n)
{
	/* no side effects: usable in views, CHECK and DEFAULT with trusted_schema off */
	return pgfn_define_with(db, defs, n, SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL);
}

void pgfn_result_sb(sqlite3_context *ctx, struct strbuf *sb, bool blob)
{
	if (sb->failed)
		sqlite3_result_error_nomem(ctx);
	else if (blob)
		sqlite3_result_blob(ctx, sb->data ? sb->data : "", (int)sb->len, SQLITE_TRANSIENT);
	else
		sqlite3_result_text(ctx, sb->data ? sb->data : "", (int)sb->len, SQLITE_TRANSIENT);
	strbuf_fini(sb);
}

bool pgfn_any_null(sqlite3_context *ctx, int n, sqlite3_value **argv)
{
	for (int i = 0; i < n; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return true;
		}
	}
	return false;
}

size_t pgfn_utf8_count(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i += pgfn_utf8_len((unsigned char)s[i]))
		k++;
	return k;
}

size_t pgfn_utf8_offset(const char *s, size_t n, size_t k)
{
	size_t i = 0;
	while (k-- > 0 && i < n)
		i += pgfn_utf8_len((unsigned char)s[i]);
	return i < n ? i : n;
}

bool pgfn_pgtype_value(sqlite3_value *v, struct pgtype_value *out)
{
	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		return false;
	case SQLITE_INTEGER:
		*out = (struct pgtype_value){.kind = PGTYPE_V_INT, .i = sqlite3_value_int64(v)};
		return true;
	case SQLITE_FLOAT:
		*out = (struct pgtype_value){.kind = PGTYPE_V_FLOAT, .f = sqlite3_value_double(v)};
		return true;
	case SQLITE_BLOB:
		*out = (struct pgtype_value){.kind = PGTYPE_V_BLOB, .p = sqlite3_value_blob(v)};
		break;
	default:
		*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT,
					     .p = (const char *)sqlite3_value_text(v)};
		break;
	}
	out->n = (size_t)sqlite3_value_bytes(v);
	return true;
}

const char *pgfn_text(sqlite3_value *v, size_t *len)
{
	const char *s = (const char *)sqlite3_value_text(v);
	/* PostgreSQL text holds no NUL: a SQLite text or blob that does ends at its first one,
	 * so length-based and C-string code in pgfn see the same string */
	*len = s ? strlen(s) : 0;
	return s ? s : "";
}
