/* SPDX-License-Identifier: Apache-2.0 */
/* sess_fastpath.c: the FunctionCall message ('F') for the large-object functions, which
 * libpq's lo_* API (psql's \lo_import, \lo_export, pg_dump's large objects) and pgJDBC's
 * LargeObjectManager call by their pg_proc OIDs. The call becomes the Query
 * "SELECT fn(arguments as typed literals)" run as any Query (its locks, its implicit
 * transaction, its errors and ReadyForQuery), whose one value is then answered as the
 * FunctionCallResponse in the requested format. Any other function OID is 0A000. */
#include "session_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum arg { A_NONE, A_INT4, A_INT8, A_OID, A_BYTEA, A_TEXT, A_VOID };

/* pg_proc's OIDs in PostgreSQL 15 (src/catalog/catalog_proc_data.c lists the same rows) */
static const struct fastfn {
	uint32_t oid;
	const char *name;
	enum arg args[3];
	enum arg result;
} fastfns[] = {
	{715, "lo_create", {A_OID}, A_OID},
	{764, "lo_import", {A_TEXT}, A_OID},
	{765, "lo_export", {A_OID, A_TEXT}, A_INT4},
	{767, "lo_import", {A_TEXT, A_OID}, A_OID},
	{952, "lo_open", {A_OID, A_INT4}, A_INT4},
	{953, "lo_close", {A_INT4}, A_INT4},
	{954, "loread", {A_INT4, A_INT4}, A_BYTEA},
	{955, "lowrite", {A_INT4, A_BYTEA}, A_INT4},
	{956, "lo_lseek", {A_INT4, A_INT4, A_INT4}, A_INT4},
	{957, "lo_creat", {A_INT4}, A_OID},
	{958, "lo_tell", {A_INT4}, A_INT4},
	{964, "lo_unlink", {A_OID}, A_INT4},
	{1004, "lo_truncate", {A_INT4, A_INT4}, A_INT4},
	{3170, "lo_lseek64", {A_INT4, A_INT8, A_INT4}, A_INT8},
	{3171, "lo_tell64", {A_INT4}, A_INT8},
	{3172, "lo_truncate64", {A_INT4, A_INT8}, A_INT4},
	{3457, "lo_from_bytea", {A_OID, A_BYTEA}, A_OID},
	{3458, "lo_get", {A_OID}, A_BYTEA},
	{3459, "lo_get", {A_OID, A_INT8, A_INT4}, A_BYTEA},
	{3460, "lo_put", {A_OID, A_INT8, A_BYTEA}, A_VOID},
};

static const char *type_name(enum arg a)
{
	switch (a) {
	case A_INT4:
		return "int4";
	case A_INT8:
		return "int8";
	case A_OID:
		return "oid";
	case A_BYTEA:
		return "bytea";
	default:
		return "text";
	}
}

static uint64_t be_uint(const uint8_t *p, int n)
{
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

/* Argument i as an SQL literal of its type: text format as PostgreSQL's input function reads
 * it, binary as the type's receive function does (22P03 for a wrong length). */
static bool put_arg(struct strbuf *sql, const struct pgw_bind *b, size_t i, enum arg t,
		    struct pgerr *err)
{
	const uint8_t *v = b->param_values[i];
	int32_t n = b->param_lengths[i];
	if (!v) {
		strbuf_printf(sql, "NULL::%s", type_name(t));
		return true;
	}
	if (pgw_bind_param_format(b, i) == 0 || t == A_TEXT) {
		char *s = strndup((const char *)v, (size_t)n);
		strbuf_put_quoted(sql, s ? s : "", '\'');
		free(s);
		strbuf_printf(sql, "::%s", type_name(t));
		return true;
	}
	int want = t == A_INT8 ? 8 : t == A_BYTEA ? n : 4;
	if (n != want)
		return pgerr_set(err, "22P03",
				 "incorrect binary data format in function argument %zu", i + 1);
	if (t == A_INT4)
		strbuf_printf(sql, "%" PRId32 "::int4", (int32_t)(uint32_t)be_uint(v, 4));
	else if (t == A_INT8)
		strbuf_printf(sql, "%" PRId64 "::int8", (int64_t)be_uint(v, 8));
	else if (t == A_OID)
		strbuf_printf(sql, "%" PRIu32 "::oid", (uint32_t)be_uint(v, 4));
	else {
		strbuf_puts(sql, "'\\x");
		for (int32_t k = 0; k < n; k++)
			strbuf_printf(sql, "%02x", v[k]);
		strbuf_puts(sql, "'::bytea");
	}
	return true;
}

void sess_fastpath_call(struct session *s, const struct pgw_msg *m)
{
	struct pgerr err;
	pgerr_clear(&err);
	struct pgw_function_call fc;
	if (!pgw_fe_function_call(m, s->msg_arena, &fc, &err)) {
		sess_report_error(s, &err); /* FATAL 08P01: the session closes */
		return;
	}
	const struct fastfn *f = NULL;
	for (size_t i = 0; i < ARRAY_LEN(fastfns); i++)
		if (fastfns[i].oid == fc.fn)
			f = &fastfns[i];
	size_t nargs = 0;
	while (f && nargs < 3 && f->args[nargs] != A_NONE)
		nargs++;
	struct strbuf sql;
	strbuf_init(&sql, 0);
	bool ok = true;
	if (!f)
		ok = pgerr_set(&err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			       "the fastpath function call of function %u is not supported (only "
			       "the large-object functions are)",
			       fc.fn);
	else if (fc.args.nparams != nargs)
		ok = pgerr_set(&err, SQLSTATE_PROTOCOL_VIOLATION,
			       "function call message contains %u arguments but function requires "
			       "%zu",
			       fc.args.nparams, nargs);
	if (ok) {
		strbuf_printf(&sql, "SELECT %s(", f->name);
		for (size_t i = 0; ok && i < nargs; i++) {
			strbuf_puts(&sql, i ? ", " : "");
			ok = put_arg(&sql, &fc.args, i, f->args[i], &err);
		}
		strbuf_puts(&sql, ")");
	}
	if (!ok || sql.failed) {
		if (ok)
			pgerr_set(&err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
		strbuf_fini(&sql);
		sess_report_error(s, &err);
		pgw_be_ready(&s->out, sess_status_char(s));
		return;
	}
	struct sess_rare *r = sess_rare(s);
	r->fastpath = fc.result_format == 1 ? 2 : 1;
	r->fastpath_result = (int)f->result;
	sess_simple_run(s, sql.data);
	strbuf_fini(&sql);
}

/* The Query's one value, from the DataRow written at or after from, as the response. */
static bool respond(struct session *s, size_t from, bool binary, enum arg t, struct pgerr *err)
{
	struct strbuf row;
	strbuf_init(&row, 0);
	bool have = pgw_be_unwrite_last(&s->out, from, 'D', &row);
	(void)pgw_be_unwrite_last(&s->out, from, 'T', NULL);
	(void)pgw_be_unwrite_last(&s->out, from, 'C', NULL);
	const uint8_t *p = (const uint8_t *)row.data;
	if (!have || row.len < 11) {
		strbuf_fini(&row);
		return pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "fastpath call returned no row");
	}
	int32_t n = (int32_t)(uint32_t)be_uint(p + 7, 4);
	const char *text = (const char *)p + 11;
	char *v = n >= 0 ? strndup(text, (size_t)n) : NULL;
	uint8_t buf[8];
	if (n < 0 || !binary || t == A_VOID) {
		pgw_be_function_call_response(&s->out, text, t == A_VOID && binary ? 0 : n);
	} else if (t == A_INT4 || t == A_OID) {
		uint32_t x = t == A_OID ? (uint32_t)strtoul(v, NULL, 10)
					: (uint32_t)strtol(v, NULL, 10);
		for (int i = 0; i < 4; i++)
			buf[i] = (uint8_t)(x >> (24 - 8 * i));
		pgw_be_function_call_response(&s->out, buf, 4);
	} else if (t == A_INT8) {
		uint64_t x = (uint64_t)strtoll(v, NULL, 10);
		for (int i = 0; i < 8; i++)
			buf[i] = (uint8_t)(x >> (56 - 8 * i));
		pgw_be_function_call_response(&s->out, buf, 8);
	} else { /* bytea: its text form in the session's bytea_output, hex or escape */
		struct pgtype_value b;
		bool ok = pgtype_decode_text(PGTYPE_BYTEA, v, (size_t)n, s->msg_arena, &b, err);
		if (ok)
			pgw_be_function_call_response(&s->out, b.p, (int32_t)b.n);
		free(v);
		strbuf_fini(&row);
		return ok;
	}
	free(v);
	strbuf_fini(&row);
	return true;
}

bool sess_fastpath_finish(struct session *s, bool ok, size_t from, struct pgerr *err)
{
	struct sess_rare *r = s->rare;
	int mode = r->fastpath;
	r->fastpath = 0;
	if (from == SIZE_MAX)
		return ok;
	if (!ok) { /* the Query's RowDescription goes: the error alone answers the call */
		(void)pgw_be_unwrite_last(&s->out, from, 'T', NULL);
		return false;
	}
	return respond(s, from, mode == 2, (enum arg)r->fastpath_result, err);
}
