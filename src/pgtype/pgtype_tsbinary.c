/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_tsbinary.c: the binary formats of tsvector and tsquery — tsvectorsend/tsvectorrecv
 * (a count, then each lexeme NUL-terminated with its positions) and tsquerysend/tsqueryrecv
 * (the items in PostgreSQL's stored order) — over the canonical text pgtype_tsearch.c reads
 * and writes. */
#include "pgtype_int.h"

#include <string.h>

#define WEP_POS(p) ((p)&0x3fff)

/* tsquery items in PostgreSQL's stored order: an operator, its right operand, its left. */
static void send_items(struct strbuf *out, const struct pgtype_tsq *q)
{
	if (q->kind == PGTYPE_TSQ_VAL) {
		strbuf_put_u8(out, 1); /* QI_VAL */
		strbuf_put_u8(out, q->weight);
		strbuf_put_u8(out, q->prefix);
		strbuf_append(out, q->s, q->n);
		strbuf_put_u8(out, 0);
		return;
	}
	static const uint8_t oper[] = {[PGTYPE_TSQ_NOT] = 1,
				       [PGTYPE_TSQ_AND] = 2,
				       [PGTYPE_TSQ_OR] = 3,
				       [PGTYPE_TSQ_PHRASE] = 4};
	strbuf_put_u8(out, 2); /* QI_OPR */
	strbuf_put_u8(out, oper[q->kind]);
	if (q->kind == PGTYPE_TSQ_PHRASE)
		strbuf_put_u16(out, (uint16_t)q->distance);
	send_items(out, q->r);
	if (q->l)
		send_items(out, q->l);
}

static uint32_t count_items(const struct pgtype_tsq *q)
{
	return q ? 1 + count_items(q->l) + count_items(q->r) : 0;
}

bool pgtype_ts_send(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
		    struct pgerr *err)
{
	struct arena *a = arena_new(0);
	const char *s = v->kind == PGTYPE_V_TEXT || v->kind == PGTYPE_V_BLOB ? v->p : "";
	size_t n = v->kind == PGTYPE_V_TEXT || v->kind == PGTYPE_V_BLOB ? v->n : 0;
	bool ok;
	if (oid == PGTYPE_TSVECTOR) {
		struct pgtype_tsvector tv;
		ok = pgtype_tsvector_parse(s, n, a, &tv, err);
		if (ok) {
			strbuf_put_u32(out, (uint32_t)tv.n);
			for (size_t i = 0; i < tv.n; i++) {
				strbuf_append(out, tv.lex[i].s, tv.lex[i].n);
				strbuf_put_u8(out, 0);
				strbuf_put_u16(out, tv.lex[i].npos);
				for (uint16_t k = 0; k < tv.lex[i].npos; k++)
					strbuf_put_u16(out, tv.lex[i].pos[k]);
			}
		}
	} else {
		struct pgtype_tsq *q;
		ok = pgtype_tsquery_parse(s, n, PGTYPE_TSQ_STANDARD, NULL, NULL, a, &q, err);
		if (ok) {
			strbuf_put_u32(out, count_items(q));
			if (q)
				send_items(out, q);
		}
	}
	arena_free(a);
	return ok;
}

struct rd {
	const uint8_t *p, *end;
	bool bad;
};

static uint32_t rd_u(struct rd *r, int bytes)
{
	uint32_t v = 0;
	if (r->end - r->p < bytes) {
		r->bad = true;
		return 0;
	}
	for (int i = 0; i < bytes; i++)
		v = v << 8 | *r->p++;
	return v;
}

static const char *rd_str(struct rd *r, size_t *n)
{
	const uint8_t *z = memchr(r->p, 0, (size_t)(r->end - r->p));
	if (!z) {
		r->bad = true;
		return "";
	}
	const char *s = (const char *)r->p;
	*n = (size_t)(z - r->p);
	r->p = z + 1;
	return s;
}

static struct pgtype_tsq *recv_items(struct rd *r, struct arena *a, int depth)
{
	if (r->bad || depth > PGTYPE_TS_MAXDEPTH)
		return r->bad = true, NULL;
	struct pgtype_tsq *q = arena_zalloc(a, sizeof(*q));
	uint32_t type = rd_u(r, 1);
	if (type == 1) {
		q->kind = PGTYPE_TSQ_VAL;
		q->weight = (uint8_t)rd_u(r, 1);
		q->prefix = rd_u(r, 1) != 0;
		size_t n = 0;
		const char *s = rd_str(r, &n);
		q->s = arena_strndup(a, s, n);
		q->n = (uint32_t)n;
		if (q->weight > 15 || n > PGTYPE_TS_MAXWORD)
			r->bad = true;
		return q;
	}
	uint32_t oper = rd_u(r, 1);
	if (type != 2 || oper < 1 || oper > 4)
		return r->bad = true, q;
	static const enum pgtype_tsq_kind kinds[] = {PGTYPE_TSQ_NOT, PGTYPE_TSQ_AND, PGTYPE_TSQ_OR,
						     PGTYPE_TSQ_PHRASE};
	q->kind = kinds[oper - 1];
	if (q->kind == PGTYPE_TSQ_PHRASE) {
		q->distance = (int)rd_u(r, 2);
		if (q->distance > PGTYPE_TS_MAXPOS)
			r->bad = true;
	}
	q->r = recv_items(r, a, depth + 1);
	if (q->kind != PGTYPE_TSQ_NOT)
		q->l = recv_items(r, a, depth + 1);
	return q;
}

bool pgtype_ts_recv(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		    struct pgtype_value *out, struct pgerr *err)
{
	struct rd r = {p, p + n, false};
	struct strbuf sb;
	strbuf_init(&sb, 0);
	uint32_t count = rd_u(&r, 4);
	if (oid == PGTYPE_TSVECTOR) {
		struct pgtype_tsvector v = {0, NULL};
		if (!r.bad && count <= n) {
			v.lex = arena_alloc(a, ((size_t)count + 1) * sizeof(*v.lex));
			for (uint32_t i = 0; i < count && !r.bad; i++) {
				size_t len = 0;
				const char *s = rd_str(&r, &len);
				uint16_t np = (uint16_t)rd_u(&r, 2);
				uint16_t *pos = arena_alloc(a, ((size_t)np + 1) * sizeof(*pos));
				for (uint16_t k = 0; k < np && !r.bad; k++) {
					pos[k] = (uint16_t)rd_u(&r, 2);
					if (WEP_POS(pos[k]) == 0)
						r.bad = true;
				}
				if (len == 0 || len > PGTYPE_TS_MAXWORD)
					r.bad = true;
				v.lex[v.n++] = (struct pgtype_tslex){arena_strndup(a, s, len),
								     (uint32_t)len, np, pos};
			}
		} else {
			r.bad = true;
		}
		if (!r.bad) {
			pgtype_tsvector_normalize(&v, a);
			pgtype_tsvector_out(&sb, &v);
		}
	} else {
		struct pgtype_tsq *q = count ? recv_items(&r, a, 0) : NULL;
		if (!r.bad && count != count_items(q))
			r.bad = true;
		if (!r.bad)
			pgtype_tsquery_out(&sb, q);
	}
	if (r.bad || r.p != r.end) {
		strbuf_fini(&sb);
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "invalid binary representation of type %s",
				 oid == PGTYPE_TSVECTOR ? "tsvector" : "tsquery");
	}
	*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT,
				     .p = arena_strndup(a, sb.data ? sb.data : "", sb.len),
				     .n = sb.len};
	strbuf_fini(&sb);
	return true;
}
