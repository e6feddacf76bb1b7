/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tscmp.c: the btree orders of tsvector and tsquery — the collations pgfn_tsvector
 * (silly_cmp_tsvector: by stored size, lexeme count, then lexeme by lexeme with their
 * positions) and pgfn_tsquery (CompareTSQ: by item count, stored size, then node by node,
 * operands by their lexeme's CRC-32 first) that make < and ORDER BY follow PostgreSQL's
 * order rather than the stored text's. Both read the stored canonical texts. */
#include "pgfn_int.h"

#include <string.h>

#define WEP_WEIGHT(p) ((p) >> 14)
#define WEP_POS(p) ((p)&0x3fff)

/* The size of PostgreSQL's tsvector datum: header, WordEntry per lexeme, then each lexeme's
 * bytes and, for one with positions, a short-aligned count and the positions. */
static size_t vector_size(const struct pgtype_tsvector *v)
{
	size_t buf = 0;
	for (size_t i = 0; i < v->n; i++) {
		buf += v->lex[i].n;
		if (v->lex[i].npos)
			buf = ((buf + 1) & ~(size_t)1) + 2 + 2 * (size_t)v->lex[i].npos;
	}
	return 8 + 4 * v->n + buf;
}

static int vector_cmp(const struct pgtype_tsvector *a, const struct pgtype_tsvector *b)
{
	size_t sa = vector_size(a), sb = vector_size(b);
	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (size_t i = 0; i < a->n; i++) {
		const struct pgtype_tslex *x = &a->lex[i], *y = &b->lex[i];
		if ((x->npos != 0) != (y->npos != 0))
			return x->npos ? -1 : 1;
		int c = pgtype_ts_cmp(x->s, x->n, y->s, y->n);
		if (c)
			return c < 0 ? -1 : 1;
		if (x->npos != y->npos)
			return x->npos > y->npos ? -1 : 1;
		for (uint16_t k = 0; k < x->npos; k++) {
			if (WEP_POS(x->pos[k]) != WEP_POS(y->pos[k]))
				return WEP_POS(x->pos[k]) > WEP_POS(y->pos[k]) ? -1 : 1;
			if (WEP_WEIGHT(x->pos[k]) != WEP_WEIGHT(y->pos[k]))
				return WEP_WEIGHT(x->pos[k]) > WEP_WEIGHT(y->pos[k]) ? -1 : 1;
		}
	}
	return 0;
}

/* The legacy CRC-32 of PostgreSQL's tsquery operands (valcrc): the table of the reflected
 * polynomial 0xEDB88320 driven MSB-first (COMP_LEGACY_CRC32), as tsquery has always had it. */
static uint32_t crc_table_entry(uint32_t i)
{
	uint32_t c = i;
	for (int k = 0; k < 8; k++)
		c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
	return c;
}

static int32_t lexeme_crc(const char *s, uint32_t n)
{
	uint32_t crc = 0xFFFFFFFFu;
	for (uint32_t i = 0; i < n; i++)
		crc = crc_table_entry(((crc >> 24) ^ (unsigned char)s[i]) & 0xFF) ^ (crc << 8);
	return (int32_t)(crc ^ 0xFFFFFFFFu);
}

static void query_count(const struct pgtype_tsq *q, size_t *items, size_t *bytes)
{
	if (!q)
		return;
	(*items)++;
	if (q->kind == PGTYPE_TSQ_VAL)
		*bytes += q->n + 1;
	query_count(q->l, items, bytes);
	query_count(q->r, items, bytes);
}

/* PostgreSQL's operator numbers: OP_NOT 1, OP_AND 2, OP_OR 3, OP_PHRASE 4. */
static int oper_number(enum pgtype_tsq_kind k)
{
	return k == PGTYPE_TSQ_NOT ? 1 : k == PGTYPE_TSQ_AND ? 2 : k == PGTYPE_TSQ_OR ? 3 : 4;
}

/* QTNodeCompare: an operator before an operand, a higher operator first, then the
 * children right before left, then a phrase's distance; operands by CRC (higher first),
 * then by their text. */
static int node_cmp(const struct pgtype_tsq *a, const struct pgtype_tsq *b)
{
	bool va = a->kind == PGTYPE_TSQ_VAL, vb = b->kind == PGTYPE_TSQ_VAL;
	if (va != vb)
		return va ? 1 : -1;
	if (va) {
		int32_t ca = lexeme_crc(a->s, a->n), cb = lexeme_crc(b->s, b->n);
		if (ca != cb)
			return ca > cb ? -1 : 1;
		int c = pgtype_ts_cmp(a->s, a->n, b->s, b->n);
		return c < 0 ? -1 : c > 0;
	}
	int oa = oper_number(a->kind), ob = oper_number(b->kind);
	if (oa != ob)
		return oa > ob ? -1 : 1;
	int c = node_cmp(a->r, b->r);
	if (c || a->kind == PGTYPE_TSQ_NOT)
		return c;
	if ((c = node_cmp(a->l, b->l)) != 0)
		return c;
	if (a->kind == PGTYPE_TSQ_PHRASE && a->distance != b->distance)
		return a->distance > b->distance ? -1 : 1;
	return 0;
}

static int query_cmp(const struct pgtype_tsq *a, const struct pgtype_tsq *b)
{
	size_t ia = 0, ba = 0, ib = 0, bb = 0;
	query_count(a, &ia, &ba);
	query_count(b, &ib, &bb);
	if (ia != ib)
		return ia < ib ? -1 : 1;
	if (ba != bb)
		return ba < bb ? -1 : 1;
	return ia ? node_cmp(a, b) : 0;
}

static int bytes_cmp(int na, const void *a, int nb, const void *b)
{
	int c = memcmp(a, b, (size_t)(na < nb ? na : nb));
	return c ? (c < 0 ? -1 : 1) : na == nb ? 0 : na < nb ? -1 : 1;
}

/* Texts that do not read as the type (none are stored) sort after those that do, among
 * themselves by their bytes. */
static int collate_ts(void *arg, int na, const void *a, int nb, const void *b)
{
	bool query = arg != NULL;
	struct arena *ar = arena_new(0);
	struct pgerr err;
	pgerr_clear(&err);
	int res;
	if (query) {
		struct pgtype_tsq *x = NULL, *y = NULL;
		bool okx = pgtype_tsquery_parse(a, (size_t)na, PGTYPE_TSQ_STANDARD, NULL, NULL, ar,
						&x, &err);
		bool oky = pgtype_tsquery_parse(b, (size_t)nb, PGTYPE_TSQ_STANDARD, NULL, NULL, ar,
						&y, &err);
		res = okx && oky   ? query_cmp(x, y)
		      : okx != oky ? (okx ? -1 : 1)
				   : bytes_cmp(na, a, nb, b);
	} else {
		struct pgtype_tsvector x, y;
		bool okx = pgtype_tsvector_parse(a, (size_t)na, ar, &x, &err);
		bool oky = pgtype_tsvector_parse(b, (size_t)nb, ar, &y, &err);
		res = okx && oky   ? vector_cmp(&x, &y)
		      : okx != oky ? (okx ? -1 : 1)
				   : bytes_cmp(na, a, nb, b);
	}
	arena_free(ar);
	return res;
}

int pgfn_register_tscmp(sqlite3 *db)
{
	int rc = sqlite3_create_collation(db, "pgfn_tsvector", SQLITE_UTF8, NULL, collate_ts);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(db, "pgfn_tsquery", SQLITE_UTF8, (void *)1, collate_ts);
	return rc;
}
