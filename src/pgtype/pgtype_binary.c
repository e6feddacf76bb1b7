/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_binary.c: binary send/receive formats (typsend/typreceive of PostgreSQL 15) for the
 * types whose pgtype_info.binary_ok is set: bool, integers and OID-like types, floats, the
 * text family, bytea, "char", uuid, tid, json/jsonb, void, and one-dimensional arrays of these
 * (pgtype_array.c). Lengths are the caller's business:
 * encoders append the payload only, decoders get exactly the parameter's bytes. */
#include "pgtype_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static bool unsupported(struct pgerr *err, uint32_t oid, const char *what)
{
	char buf[32];
	return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			 "binary %s format for type %s is not supported", what,
			 pgtype_sql_name(oid, buf, sizeof(buf)));
}

/* ---- send ---- */

/* Converts a stored value to an integer for an integer-typed column, in [min, max]. */
static bool stored_int(uint32_t oid, const struct pgtype_value *v, int64_t min, int64_t max,
		       const char *range_msg, int64_t *out, struct pgerr *err)
{
	char buf[32];
	enum pgtype_parse_rc rc;
	switch (v->kind) {
	case PGTYPE_V_INT:
		*out = v->i;
		break;
	case PGTYPE_V_FLOAT: /* as the float8 → integer cast: round half to even */
		if (isnan(v->f) ||
		    !(rint(v->f) >= -9223372036854775808.0 && rint(v->f) < 9223372036854775808.0))
			return pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s", range_msg);
		*out = (int64_t)rint(v->f);
		break;
	default:
		rc = pgtype_parse_int(v->p, v->n, INT64_MIN, INT64_MAX, out);
		if (rc != PGTYPE_PARSE_OK)
			return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 "invalid input syntax for type %s: \"%.*s\"",
					 pgtype_sql_name(oid, buf, sizeof(buf)), (int)v->n, v->p);
		break;
	}
	if (*out < min || *out > max)
		return pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s", range_msg);
	return true;
}

static bool stored_float(uint32_t oid, const struct pgtype_value *v, double *out, struct pgerr *err)
{
	char buf[32];
	if (v->kind == PGTYPE_V_INT)
		*out = (double)v->i;
	else if (v->kind == PGTYPE_V_FLOAT)
		*out = v->f;
	else if (pgtype_parse_float8(v->p, v->n, out, NULL) != PGTYPE_PARSE_OK)
		return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				 "invalid input syntax for type %s: \"%.*s\"",
				 pgtype_sql_name(oid, buf, sizeof(buf)), (int)v->n, v->p);
	return true;
}

static bool send_bool(struct strbuf *out, const struct pgtype_value *v, struct pgerr *err)
{
	bool b = false;
	if (v->kind == PGTYPE_V_INT)
		b = v->i != 0;
	else if (v->kind == PGTYPE_V_FLOAT)
		b = v->f != 0;
	else if (!pgtype_parse_bool(v->p, v->n, &b))
		return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				 "invalid input syntax for type boolean: \"%.*s\"", (int)v->n,
				 v->p);
	strbuf_put_u8(out, b ? 1 : 0);
	return true;
}

static bool send_int(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
		     struct pgerr *err)
{
	int64_t i;
	switch (oid) {
	case PGTYPE_INT2:
		if (!stored_int(oid, v, INT16_MIN, INT16_MAX, "smallint out of range", &i, err))
			return false;
		strbuf_put_u16(out, (uint16_t)i);
		return true;
	case PGTYPE_INT4:
		if (!stored_int(oid, v, INT32_MIN, INT32_MAX, "integer out of range", &i, err))
			return false;
		strbuf_put_u32(out, (uint32_t)i);
		return true;
	case PGTYPE_INT8:
		if (!stored_int(oid, v, INT64_MIN, INT64_MAX, "bigint out of range", &i, err))
			return false;
		strbuf_put_u64(out, (uint64_t)i);
		return true;
	default: /* OID-like: unsigned 32 bits; negative int32 values wrap as oidin does */
		if (!stored_int(oid, v, INT32_MIN, UINT32_MAX, "OID out of range", &i, err))
			return false;
		strbuf_put_u32(out, (uint32_t)i);
		return true;
	}
}

static bool send_float(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
		       struct pgerr *err)
{
	double d;
	if (!stored_float(oid, v, &d, err))
		return false;
	if (oid == PGTYPE_FLOAT4) {
		float f = (float)d;
		uint32_t bits;
		memcpy(&bits, &f, sizeof(bits));
		strbuf_put_u32(out, bits);
	} else {
		uint64_t bits;
		memcpy(&bits, &d, sizeof(bits));
		strbuf_put_u64(out, bits);
	}
	return true;
}

static bool send_uuid(struct strbuf *out, const struct pgtype_value *v, struct pgerr *err)
{
	uint8_t u[16];
	if (v->kind == PGTYPE_V_BLOB && v->n == 16)
		memcpy(u, v->p, 16);
	else if (v->kind != PGTYPE_V_TEXT || !pgtype_parse_uuid(v->p, v->n, u))
		return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				 "stored value is not a uuid");
	strbuf_append(out, u, 16);
	return true;
}

/* tid (a system column's ctid, written "(block,offset)" by the translator): tidsend's block
 * (4 bytes) and offset (2). */
static bool send_tid(struct strbuf *out, const struct pgtype_value *v, struct pgerr *err)
{
	char buf[48];
	unsigned long block, offset;
	int end = 0;
	size_t n = v->kind == PGTYPE_V_TEXT && v->n < sizeof(buf) ? v->n : 0;
	memcpy(buf, n ? v->p : "", n);
	buf[n] = '\0';
	if (sscanf(buf, "(%lu,%lu)%n", &block, &offset, &end) != 2 || (size_t)end != n ||
	    block > UINT32_MAX || offset > UINT16_MAX)
		return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				 "stored value is not a tid");
	strbuf_put_u32(out, (uint32_t)block);
	strbuf_put_u16(out, (uint16_t)offset);
	return true;
}

/* Through the text form, so numeric(p,s) shows its scale in dscale as in text output. */
static bool send_numeric(struct strbuf *out, int32_t typmod, const struct pgtype_value *v,
			 struct pgerr *err)
{
	struct strbuf txt;
	strbuf_init(&txt, 0);
	pgtype_encode_text_typmod(&txt, PGTYPE_NUMERIC, typmod, v);
	bool ok = pgtype_numeric_send(out, txt.data ? txt.data : "", txt.len, err);
	strbuf_fini(&txt);
	return ok;
}

/* Decoded to its text, then read as a text-format numeric parameter is. */
static bool recv_numeric(const uint8_t *p, size_t n, struct arena *a, struct pgtype_value *out,
			 struct pgerr *err)
{
	struct strbuf txt;
	strbuf_init(&txt, 0);
	bool ok = pgtype_numeric_recv(p, n, &txt, err);
	if (ok) {
		const char *s = arena_strndup(a, txt.data ? txt.data : "", txt.len);
		ok = pgtype_decode_text(PGTYPE_NUMERIC, s, txt.len, a, out, err);
	}
	strbuf_fini(&txt);
	return ok;
}

/* "char" is one byte, read from its stored text as charin reads it (\303 is the byte 0xC3);
 * the empty string is a NUL byte, as charsend sends it. */
static bool send_char(struct strbuf *out, const struct pgtype_value *v)
{
	struct strbuf tmp;
	strbuf_init(&tmp, 0);
	pgtype_append_as_text(&tmp, v);
	strbuf_put_u8(out, pgtype_char_in(tmp.data ? tmp.data : "", tmp.len));
	strbuf_fini(&tmp);
	return true;
}

static bool oid_like(uint32_t oid)
{
	switch (oid) {
	case PGTYPE_OID:
	case PGTYPE_REGPROC:
	case PGTYPE_REGCLASS:
	case PGTYPE_REGTYPE:
	case 28:   /* xid */
	case 29:   /* cid */
	case 2202: /* regprocedure */
	case 2203: /* regoper */
	case 2204: /* regoperator */
	case 3734: /* regconfig */
	case 3769: /* regdictionary */
	case 4089: /* regnamespace */
	case 4096: /* regrole */
	case 4191: /* regcollation */
		return true;
	default:
		return false;
	}
}

static bool text_like(uint32_t oid)
{
	switch (oid) {
	case PGTYPE_TEXT:
	case PGTYPE_VARCHAR:
	case PGTYPE_BPCHAR:
	case PGTYPE_NAME:
	case PGTYPE_JSON:
	case PGTYPE_XML:
	case PGTYPE_UNKNOWN:
	case PGTYPE_CITEXT:
	case 2275: /* cstring */
		return true;
	default:
		return false;
	}
}

/* The element type of an array type (not int2vector/oidvector) whose elements have a
 * binary format, else 0. */
static uint32_t binary_array_elem(uint32_t oid)
{
	const struct pgtype_info *ti = pgtype_by_oid(oid);
	if (!ti || ti->category != 'A' || !ti->elem_oid || oid == 22 || oid == 30)
		return 0;
	const struct pgtype_info *e = pgtype_by_oid(ti->elem_oid);
	bool binary = e && (e->binary_ok || e->oid == PGTYPE_NUMERIC) && e->category != 'A';
	return binary ? ti->elem_oid : 0;
}

bool pgtype_encode_binary_typmod(struct strbuf *out, uint32_t oid, int32_t typmod,
				 const struct pgtype_value *v, struct pgerr *err)
{
	ASSERT(v->kind != PGTYPE_V_NULL);
	switch (oid) {
	case PGTYPE_BOOL:
		return send_bool(out, v, err);
	case PGTYPE_INT2:
	case PGTYPE_INT4:
	case PGTYPE_INT8:
		return send_int(out, oid, v, err);
	case PGTYPE_FLOAT4:
	case PGTYPE_FLOAT8:
		return send_float(out, oid, v, err);
	case PGTYPE_BYTEA:
		if (v->kind == PGTYPE_V_BLOB || v->kind == PGTYPE_V_TEXT)
			strbuf_append(out, v->p, v->n);
		else
			pgtype_append_as_text(out, v);
		return true;
	case PGTYPE_CHAR:
		return send_char(out, v);
	case PGTYPE_UUID:
		return send_uuid(out, v, err);
	case 27: /* tid */
		return send_tid(out, v, err);
	case PGTYPE_INET:
	case PGTYPE_CIDR:
	case PGTYPE_MACADDR:
	case PGTYPE_MACADDR8:
		return pgtype_net_send(out, oid, v, err);
	case PGTYPE_BIT:
	case PGTYPE_VARBIT:
		return pgtype_bit_send(out, v, err);
	case PGTYPE_MONEY:
		return pgtype_money_send(out, v, err);
	case PGTYPE_INT4RANGE:
	case PGTYPE_INT8RANGE:
	case PGTYPE_NUMRANGE:
	case PGTYPE_DATERANGE:
	case PGTYPE_TSRANGE:
	case PGTYPE_TSTZRANGE:
		return pgtype_range_send(out, oid, v, err);
	case PGTYPE_INT4MULTIRANGE:
	case PGTYPE_INT8MULTIRANGE:
	case PGTYPE_NUMMULTIRANGE:
	case PGTYPE_DATEMULTIRANGE:
	case PGTYPE_TSMULTIRANGE:
	case PGTYPE_TSTZMULTIRANGE:
		return pgtype_multirange_send(out, oid, v, err);
	case PGTYPE_TSVECTOR:
	case PGTYPE_TSQUERY:
		return pgtype_ts_send(out, oid, v, err);
	case PGTYPE_JSONB:
	case PGTYPE_JSONPATH:
		strbuf_put_u8(out, 1); /* jsonb's and jsonpath's binary format version */
		pgtype_append_as_text(out, v);
		return true;
	case PGTYPE_NUMERIC:
		return send_numeric(out, typmod, v, err);
	case PGTYPE_DATE:
	case PGTYPE_TIME:
	case PGTYPE_TIMETZ:
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ:
	case PGTYPE_INTERVAL:
		return pgtype_dt_send(out, oid, typmod, v, err);
	case PGTYPE_VOID:
		return true;
	default:
		break;
	}
	if (oid_like(oid))
		return send_int(out, oid, v, err);
	if (text_like(oid)) {
		pgtype_encode_text_typmod(out, oid, typmod, v);
		return true;
	}
	uint32_t elem = binary_array_elem(oid);
	if (elem)
		return pgtype_array_send(out, elem, v, err);
	return unsupported(err, oid, "output");
}

bool pgtype_encode_binary(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
			  struct pgerr *err)
{
	return pgtype_encode_binary_typmod(out, oid, -1, v, err);
}

/* ---- receive ---- */

static uint64_t be_read(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

static bool need_len(uint32_t oid, size_t n, size_t want, struct pgerr *err)
{
	char buf[32];
	if (n == want)
		return true;
	return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
			 "incorrect binary data format for type %s: expected %zu bytes, got %zu",
			 pgtype_sql_name(oid, buf, sizeof(buf)), want, n);
}

static bool recv_number(uint32_t oid, const uint8_t *p, size_t n, struct pgtype_value *out,
			struct pgerr *err)
{
	size_t want = oid == PGTYPE_BOOL                           ? 1
		      : oid == PGTYPE_INT2                         ? 2
		      : oid == PGTYPE_INT8 || oid == PGTYPE_FLOAT8 ? 8
								   : 4;
	if (!need_len(oid, n, want, err))
		return false;
	uint64_t raw = be_read(p, n);
	*out = (struct pgtype_value){.kind = PGTYPE_V_INT};
	switch (oid) {
	case PGTYPE_BOOL:
		out->i = raw != 0;
		break;
	case PGTYPE_INT2:
		out->i = (int16_t)raw;
		break;
	case PGTYPE_INT4:
		out->i = (int32_t)raw;
		break;
	case PGTYPE_INT8:
		out->i = (int64_t)raw;
		break;
	case PGTYPE_FLOAT4: {
		uint32_t bits = (uint32_t)raw;
		float f;
		memcpy(&f, &bits, sizeof(f));
		*out = (struct pgtype_value){.kind = PGTYPE_V_FLOAT, .f = f};
		break;
	}
	case PGTYPE_FLOAT8:
		memcpy(&out->f, &raw, sizeof(out->f));
		out->kind = PGTYPE_V_FLOAT;
		break;
	default: /* OID-like */
		out->i = (int64_t)(uint32_t)raw;
		break;
	}
	if (out->kind == PGTYPE_V_FLOAT && isnan(out->f)) /* stored as text (pgtype.h) */
		*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = "NaN", .n = 3};
	return true;
}

static bool recv_other(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		       struct pgtype_value *out, struct pgerr *err)
{
	struct strbuf sb;
	*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = (const char *)p, .n = n};
	switch (oid) {
	case PGTYPE_BYTEA:
		out->kind = PGTYPE_V_BLOB;
		return true;
	case PGTYPE_CHAR: { /* the byte, stored as charout prints it */
		if (!need_len(oid, n, 1, err))
			return false;
		char *buf = arena_alloc(a, 5);
		out->n = pgtype_char_out(p[0], buf);
		out->p = buf;
		return true;
	}
	case PGTYPE_JSONB:
	case PGTYPE_JSONPATH:
		if (n < 1 || p[0] != 1) /* jsonb_recv's and jsonpath_recv's elog: XX000 */
			return pgerr_set(err, SQLSTATE_INTERNAL_ERROR,
					 "unsupported %s version number%s %d",
					 oid == PGTYPE_JSONB ? "jsonb" : "jsonpath",
					 oid == PGTYPE_JSONB ? "" : ":", n < 1 ? -1 : p[0]);
		out->p++;
		out->n--;
		return true;
	case PGTYPE_UUID:
		if (!need_len(oid, n, 16, err))
			return false;
		strbuf_init(&sb, 0);
		pgtype_format_uuid(&sb, p);
		out->p = arena_strndup(a, sb.data, sb.len);
		out->n = sb.len;
		strbuf_fini(&sb);
		return true;
	case PGTYPE_INET:
	case PGTYPE_CIDR:
	case PGTYPE_MACADDR:
	case PGTYPE_MACADDR8:
		return pgtype_net_recv(oid, p, n, a, out, err);
	case PGTYPE_BIT:
	case PGTYPE_VARBIT:
		return pgtype_bit_recv(p, n, a, out, err);
	case PGTYPE_INT4RANGE:
	case PGTYPE_INT8RANGE:
	case PGTYPE_NUMRANGE:
	case PGTYPE_DATERANGE:
	case PGTYPE_TSRANGE:
	case PGTYPE_TSTZRANGE:
		return pgtype_range_recv(oid, p, n, a, out, err);
	case PGTYPE_INT4MULTIRANGE:
	case PGTYPE_INT8MULTIRANGE:
	case PGTYPE_NUMMULTIRANGE:
	case PGTYPE_DATEMULTIRANGE:
	case PGTYPE_TSMULTIRANGE:
	case PGTYPE_TSTZMULTIRANGE:
		return pgtype_multirange_recv(oid, p, n, a, out, err);
	case PGTYPE_TSVECTOR:
	case PGTYPE_TSQUERY:
		return pgtype_ts_recv(oid, p, n, a, out, err);
	case PGTYPE_VOID:
		*out = (struct pgtype_value){.kind = PGTYPE_V_NULL};
		return need_len(oid, n, 0, err);
	case 27: /* tid: as its text, which pgfn_tid_rowid reads */
		if (!need_len(oid, n, 6, err))
			return false;
		out->p = arena_printf(a, "(%u,%u)", (unsigned)be_read(p, 4),
				      (unsigned)be_read(p + 4, 2));
		out->n = strlen(out->p);
		return true;
	default:
		if (text_like(oid) || oid == 0)
			return true;
		if (binary_array_elem(oid))
			return pgtype_array_recv(binary_array_elem(oid), p, n, a, out, err);
		return unsupported(err, oid, "input");
	}
}

bool pgtype_decode_binary(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
			  struct pgtype_value *out, struct pgerr *err)
{
	switch (oid) {
	case PGTYPE_BOOL:
	case PGTYPE_INT2:
	case PGTYPE_INT4:
	case PGTYPE_INT8:
	case PGTYPE_FLOAT4:
	case PGTYPE_FLOAT8:
		return recv_number(oid, p, n, out, err);
	case PGTYPE_NUMERIC:
		return recv_numeric(p, n, a, out, err);
	case PGTYPE_MONEY:
		return pgtype_money_recv(p, n, out, err);
	case PGTYPE_DATE:
	case PGTYPE_TIME:
	case PGTYPE_TIMETZ:
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ:
	case PGTYPE_INTERVAL:
		return pgtype_dt_recv(oid, p, n, a, out, err);
	default:
		if (oid_like(oid))
			return recv_number(oid, p, n, out, err);
		return recv_other(oid, p, n, a, out, err);
	}
}
