/* SPDX-License-Identifier: Apache-2.0 */
/* sess_record.c: composite values in binary format — record_send and record_recv of a row
 * type's value (a composite type's, a table's or a view's), whose stored form is record_out's
 * text: sent as PostgreSQL's record_send writes it (the field count, then per field its type
 * OID, its length, -1 for NULL, and its binary form, each field read back by its type's input
 * function first), and a binary parameter read into that text. asyncpg and pgJDBC ask for
 * records in binary. */
#include "session_int.h"

#include <string.h>

#define MAX_FIELDS 1600 /* MaxTupleAttributeNumber */

/* One field's text f[0..n) of type oid (typmod) in binary form into out. */
static bool send_field(struct session *s, uint32_t oid, int32_t typmod, const char *f, size_t n,
		       struct arena *a, struct strbuf *out, struct pgerr *err)
{
	struct pgtype_value v;
	if (sess_types_rowtype(s, oid)) { /* a row inside a row: its text as it is */
		v = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = f, .n = n};
		return sess_record_send(s, oid, &v, out, err);
	}
	uint32_t wire = sess_types_wire(s, oid);
	struct pgtype_dtenv env = {s->dt.tz, s->dt.txn_start, s->dt.datestyle.order,
				   s->dt.datestyle.interval};
	size_t start = out->len;
	if (!pgtype_decode_text_env(wire, f, n, &env, a, &v, err) ||
	    !pgtype_encode_binary_typmod(out, wire, typmod, &v, err))
		return false;
	if (wire == PGTYPE_TEXT_ARRAY && oid != wire) /* an enum's array: the enum's OID */
		sess_types_array_elem(s, oid, out, start);
	return true;
}

bool sess_record_send(struct session *s, uint32_t oid, const struct pgtype_value *v,
		      struct strbuf *out, struct pgerr *err)
{
	const struct catalog_relation *r = sess_types_rowtype(s, oid);
	if (!r || v->kind != PGTYPE_V_TEXT)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "binary format of this composite value is not supported");
	struct arena *a = arena_new(0);
	size_t max = r->ncols + 1;
	const char **fields = arena_zalloc(a, max * sizeof(*fields));
	size_t *lens = arena_zalloc(a, max * sizeof(*lens));
	int nf = pgtype_record_fields(v->p, v->n, a, fields, lens, max, err);
	bool ok = nf >= 0;
	strbuf_put_u32(out, (uint32_t)r->ncols);
	for (size_t k = 0; ok && k < r->ncols; k++) {
		const struct catalog_column *c = &r->cols[k];
		uint32_t type = c->type_oid ? c->type_oid : PGTYPE_TEXT;
		strbuf_put_u32(out, type);
		if (k >= (size_t)nf || !fields[k]) { /* a row stored before an attribute: NULL */
			strbuf_put_u32(out, 0xffffffffu);
			continue;
		}
		size_t at = out->len;
		strbuf_put_u32(out, 0);
		ok = send_field(s, type, c->typmod, fields[k], lens[k], a, out, err);
		strbuf_patch_u32(out, at, (uint32_t)(out->len - at - 4));
	}
	arena_free(a);
	return ok;
}

static uint32_t get_u32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool malformed(struct pgerr *err)
{
	return pgerr_set(err, "22P03", "insufficient data left in message");
}

/* One binary field p[0..n) of type oid into sb in its output text, record_out-quoted. */
static bool recv_field(struct session *s, uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		       struct strbuf *sb, struct pgerr *err)
{
	struct pgtype_value v;
	struct strbuf f;
	strbuf_init(&f, 0);
	strbuf_append(&f, "", 0);
	bool ok;
	if (sess_types_rowtype(s, oid)) {
		ok = sess_record_recv(s, oid, p, n, a, &v, err);
		if (ok)
			strbuf_append(&f, v.p, v.n);
	} else {
		uint32_t wire = sess_types_wire(s, oid);
		ok = pgtype_decode_binary(wire, p, n, a, &v, err);
		if (ok)
			pgtype_encode_text_tz(&f, wire, -1, s->dt.tz, &v);
	}
	if (ok)
		pgtype_record_put_field(sb, f.data, f.len);
	strbuf_fini(&f);
	return ok;
}

bool sess_record_recv(struct session *s, uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		      struct pgtype_value *out, struct pgerr *err)
{
	const struct catalog_relation *r = sess_types_rowtype(s, oid);
	if (!r)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "binary format of this composite value is not supported");
	if (n < 4)
		return malformed(err);
	uint32_t count = get_u32(p);
	if (count != r->ncols)
		return pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
				 "wrong number of columns: %u, expected %zu", count, r->ncols);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '(');
	size_t at = 4;
	bool ok = true;
	for (size_t k = 0; ok && k < count; k++) {
		strbuf_puts(&sb, k ? "," : "");
		if (n - at < 8) {
			ok = malformed(err);
			break;
		}
		uint32_t type = get_u32(p + at), len = get_u32(p + at + 4);
		uint32_t want = r->cols[k].type_oid ? r->cols[k].type_oid : PGTYPE_TEXT;
		at += 8;
		if (type != want) {
			ok = pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
				       "wrong data type: %u, expected %u", type, want);
			break;
		}
		if (len == 0xffffffffu)
			continue;
		if (len > n - at) {
			ok = malformed(err);
			break;
		}
		ok = recv_field(s, type, p + at, len, a, &sb, err);
		at += len;
	}
	strbuf_putc(&sb, ')');
	if (ok && at != n)
		ok = pgerr_set(err, "22P03", "improper binary format in record column");
	if (ok) {
		char *t = arena_strndup(a, sb.data ? sb.data : "()", sb.len);
		*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = t, .n = sb.len};
	}
	strbuf_fini(&sb);
	return ok;
}
