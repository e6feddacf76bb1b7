/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tsrank.c: ts_rank and ts_rank_cd — PostgreSQL 15's calc_rank (word weights and the
 * proximity of the query's words, in its float4 arithmetic so results match to the last
 * digit) and calc_rank_cd (cover density), with their normalization flags. */
#include "pgfn_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WEP_POS(p) ((p)&0x3fff)
#define WEP_WEIGHT(p) ((p) >> 14)

/* ---- ts_rank (calc_rank: its float4 arithmetic, as PostgreSQL computes it) ---- */

static float word_distance(int w)
{
	if (w > 100)
		return 1e-30f;
	return (float)(1.0 / (1.005 + 0.05 * exp(((float)w) / 1.5 - 2)));
}

static void collect_operands(const struct pgtype_tsq *q, const struct pgtype_tsq **out, size_t *n)
{
	if (!q)
		return;
	if (q->kind == PGTYPE_TSQ_VAL) {
		out[(*n)++] = q;
		return;
	}
	collect_operands(q->l, out, n);
	collect_operands(q->r, out, n);
}

static int cmp_operand(const void *a, const void *b)
{
	const struct pgtype_tsq *x = *(const struct pgtype_tsq *const *)a;
	const struct pgtype_tsq *y = *(const struct pgtype_tsq *const *)b;
	return pgtype_ts_cmp(x->s, x->n, y->s, y->n);
}

/* SortAndUniqItems: the query's operands sorted, one per distinct text. */
static const struct pgtype_tsq **uniq_operands(const struct pgtype_tsq *q, struct arena *a,
					       size_t *n)
{
	const struct pgtype_tsq **v =
		arena_alloc(a, ((size_t)pgfn_ts_count_nodes(q) + 1) * sizeof(*v));
	*n = 0;
	collect_operands(q, v, n);
	if (*n < 2)
		return v;
	qsort(v, *n, sizeof(*v), cmp_operand);
	size_t r = 0;
	for (size_t i = 1; i < *n; i++) {
		if (cmp_operand(&v[i], &v[r]) != 0)
			v[++r] = v[i];
	}
	*n = r + 1;
	return v;
}

static const uint16_t pos_null[1] = {PGTYPE_TS_MAXPOS}; /* a lexeme without positions */

static float rank_or(const float *w, const struct pgtype_tsvector *t,
		     const struct pgtype_tsq **item, size_t size)
{
	float res = 0.0f;
	for (size_t i = 0; i < size; i++) {
		size_t lo, hi;
		pgfn_ts_find_lexemes(t, item[i], &lo, &hi);
		for (size_t e = lo; e < hi; e++) {
			const uint16_t *post = t->lex[e].npos ? t->lex[e].pos : pos_null;
			int dimt = t->lex[e].npos ? t->lex[e].npos : 1;
			float resj = 0.0f, wjm = -1.0f;
			int jm = 0;
			for (int j = 0; j < dimt; j++) {
				float wp = t->lex[e].npos ? w[WEP_WEIGHT(post[j])] : w[0];
				resj = resj + wp / (float)((j + 1) * (j + 1));
				if (wp > wjm) {
					wjm = wp;
					jm = j;
				}
			}
			res = (float)(res + (wjm + resj - wjm / (float)((jm + 1) * (jm + 1))) /
						    1.64493406685);
		}
	}
	if (size > 0)
		res = res / (float)size;
	return res;
}

static float rank_and(const float *w, const struct pgtype_tsvector *t,
		      const struct pgtype_tsq **item, size_t size, struct arena *a)
{
	if (size < 2)
		return rank_or(w, t, item, size);
	const uint16_t **pos = arena_zalloc(a, size * sizeof(*pos));
	int *npos = arena_zalloc(a, size * sizeof(*npos));
	float res = -1.0f;
	for (size_t i = 0; i < size; i++) {
		size_t lo, hi;
		pgfn_ts_find_lexemes(t, item[i], &lo, &hi);
		for (size_t e = lo; e < hi; e++) {
			bool nul = !t->lex[e].npos;
			pos[i] = nul ? pos_null : t->lex[e].pos;
			npos[i] = nul ? 1 : t->lex[e].npos;
			for (size_t k = 0; k < i; k++) {
				if (!pos[k])
					continue;
				for (int l = 0; l < npos[i]; l++) {
					for (int p = 0; p < npos[k]; p++) {
						int dist = abs((int)WEP_POS(pos[i][l]) -
							       (int)WEP_POS(pos[k][p]));
						if (dist || pos[i] == pos_null ||
						    pos[k] == pos_null) {
							if (!dist)
								dist = PGTYPE_TS_MAXPOS + 1;
							float curw = (float)sqrt(
								w[WEP_WEIGHT(pos[i][l])] *
								w[WEP_WEIGHT(pos[k][p])] *
								word_distance(dist));
							res = res < 0 ? curw
								      : (float)(1.0 -
										(1.0 - res) *
											(1.0 -
											 curw));
						}
					}
				}
			}
		}
	}
	return res;
}

static int cnt_length(const struct pgtype_tsvector *t)
{
	int len = 0;
	for (size_t i = 0; i < t->n; i++)
		len += t->lex[i].npos ? t->lex[i].npos : 1;
	return len;
}

/* ---- ts_rank_cd (calc_rank_cd: cover density over the query's operands) ---- */

struct docrep {
	uint16_t pos; /* WordEntryPos: weight and position */
	const struct pgtype_tslex *entry;
	size_t nitem;
	size_t *items; /* indexes into the query's operands */
};

struct cover {
	const struct pgtype_tsq **ops; /* the query's operands in tree order, duplicates kept */
	size_t nops;
	bool *exists;
	struct pgfn_ts_posset *at; /* per operand, the positions marked */
	int pos, p, q;
	const struct docrep *begin, *end;
};

static size_t op_index(const struct cover *cv, const struct pgtype_tsq *q)
{
	for (size_t i = 0; i < cv->nops; i++) {
		if (cv->ops[i] == q)
			return i;
	}
	return 0;
}

/* checkcondition_QueryOperand: an operand is there when the cover so far has marked it, at
 * the positions marked. */
static bool cover_operand(void *arg, const struct pgtype_tsq *q, struct pgfn_ts_posset *pos)
{
	const struct cover *cv = arg;
	size_t i = op_index(cv, q);
	if (!cv->exists[i])
		return false;
	if (pos)
		memcpy(pos->bits, cv->at[i].bits, sizeof(pos->bits));
	return true;
}

static bool cover_execute(struct cover *cv, const struct pgtype_tsq *q, bool skip_not)
{
	return pgfn_ts_execute_with(q, cover_operand, cv, skip_not);
}

/* resetQueryRepresentation: no operand marked. */
static void unmark_all(struct cover *cv)
{
	memset(cv->exists, 0, cv->nops * sizeof(*cv->exists));
	memset(cv->at, 0, cv->nops * sizeof(*cv->at));
}

static int cmp_docrep(const void *a, const void *b)
{
	const struct docrep *x = a, *y = b;
	if (WEP_POS(x->pos) != WEP_POS(y->pos))
		return WEP_POS(x->pos) > WEP_POS(y->pos) ? 1 : -1;
	/* compareDocR: at one position, by weight (D first) before the lexeme */
	if (WEP_WEIGHT(x->pos) != WEP_WEIGHT(y->pos))
		return WEP_WEIGHT(x->pos) > WEP_WEIGHT(y->pos) ? 1 : -1;
	if (x->entry != y->entry)
		return x->entry > y->entry ? 1 : -1;
	return 0;
}

/* get_docrep: one entry per (position, lexeme) with the operands it satisfies, by position. */
static struct docrep *doc_representation(const struct pgtype_tsvector *t, struct cover *cv,
					 struct arena *a, size_t *doclen)
{
	size_t cap = 16, cur = 0;
	struct docrep *doc = arena_alloc(a, cap * sizeof(*doc));
	for (size_t i = 0; i < cv->nops; i++) {
		size_t lo, hi;
		pgfn_ts_find_lexemes(t, cv->ops[i], &lo, &hi);
		for (size_t e = lo; e < hi; e++) {
			const struct pgtype_tslex *l = &t->lex[e];
			for (size_t j = 0; j < l->npos; j++) { /* lexemes without positions: none */
				const struct pgtype_tsq *op = cv->ops[i];
				if (op->weight && !(op->weight & (1 << WEP_WEIGHT(l->pos[j]))))
					continue;
				if (cur == cap) {
					struct docrep *nd = arena_alloc(a, cap * 2 * sizeof(*nd));
					memcpy(nd, doc, cur * sizeof(*nd));
					doc = nd;
					cap *= 2;
				}
				size_t *it = arena_alloc(a, sizeof(*it));
				*it = i;
				doc[cur++] = (struct docrep){l->pos[j], l, 1, it};
			}
		}
	}
	if (!cur) {
		*doclen = 0;
		return NULL;
	}
	qsort(doc, cur, sizeof(*doc), cmp_docrep);
	size_t w = 0; /* join the operands of one lexeme at one position */
	for (size_t r = 1; r < cur; r++) {
		if (WEP_POS(doc[r].pos) == WEP_POS(doc[w].pos) && doc[r].entry == doc[w].entry) {
			size_t *it = arena_alloc(a, (doc[w].nitem + 1) * sizeof(*it));
			memcpy(it, doc[w].items, doc[w].nitem * sizeof(*it));
			it[doc[w].nitem] = doc[r].items[0];
			doc[w].items = it;
			doc[w].nitem++;
		} else {
			doc[++w] = doc[r];
		}
	}
	*doclen = w + 1;
	return doc;
}

/* fillQueryRepresentationData: the operands of d seen, at d's position. */
static void mark(struct cover *cv, const struct docrep *d)
{
	for (size_t i = 0; i < d->nitem; i++) {
		cv->exists[d->items[i]] = true;
		pgfn_ts_posset_add(&cv->at[d->items[i]], WEP_POS(d->pos));
	}
}

/* Cover: the next extent [p, q] of the document that satisfies the query. */
static bool next_cover(const struct docrep *doc, int len, const struct pgtype_tsq *query,
		       struct cover *cv)
{
	for (;;) {
		int lastpos = cv->pos;
		bool found = false;
		unmark_all(cv);
		cv->p = 0x7fffffff;
		cv->q = 0;
		int i = cv->pos;
		for (; i < len; i++) { /* the upper bound, moving up */
			mark(cv, &doc[i]);
			if (cover_execute(cv, query, false)) {
				if (WEP_POS(doc[i].pos) > cv->q) {
					cv->q = WEP_POS(doc[i].pos);
					cv->end = &doc[i];
					lastpos = i;
					found = true;
				}
				break;
			}
		}
		if (!found)
			return false;
		unmark_all(cv);
		for (i = lastpos; i >= cv->pos; i--) { /* the lower bound, moving down */
			mark(cv, &doc[i]);
			if (cover_execute(cv, query, true)) {
				if (WEP_POS(doc[i].pos) < cv->p) {
					cv->begin = &doc[i];
					cv->p = WEP_POS(doc[i].pos);
				}
				break;
			}
		}
		if (cv->p <= cv->q) {
			cv->pos = i + 1;
			return true;
		}
		cv->pos++;
	}
}

static float rank_cd(const float *w, const struct pgtype_tsvector *t, const struct pgtype_tsq *q,
		     int method, struct arena *a)
{
	double invws[4];
	for (int i = 0; i < 4; i++)
		invws[i] = 1.0 / (double)w[i];
	struct cover cv = {0};
	cv.ops = arena_alloc(a, ((size_t)pgfn_ts_count_nodes(q) + 1) * sizeof(*cv.ops));
	collect_operands(q, cv.ops, &cv.nops);
	cv.exists = arena_zalloc(a, (cv.nops + 1) * sizeof(*cv.exists));
	cv.at = arena_zalloc(a, (cv.nops + 1) * sizeof(*cv.at));
	size_t doclen;
	const struct docrep *doc = doc_representation(t, &cv, a, &doclen);
	if (!doc)
		return 0.0f;
	double wdoc = 0.0, sumdist = 0.0, prev = 0.0, curext;
	int nextent = 0;
	while (next_cover(doc, (int)doclen, q, &cv)) {
		double invsum = 0.0;
		for (const struct docrep *d = cv.begin; d <= cv.end; d++)
			invsum += invws[WEP_WEIGHT(d->pos)];
		double cpos = ((double)(cv.end - cv.begin + 1)) / invsum;
		/* with positions capped, q may equal p: count half the cover as noise */
		int nnoise = (cv.q - cv.p) - (int)(cv.end - cv.begin);
		if (nnoise < 0)
			nnoise = (int)(cv.end - cv.begin) / 2;
		wdoc += cpos / ((double)(1 + nnoise));
		curext = ((double)(cv.q + cv.p)) / 2.0;
		if (nextent > 0 && curext > prev)
			sumdist += 1.0 / (curext - prev);
		prev = curext;
		nextent++;
	}
	if ((method & 0x01) && t->n > 0)
		wdoc /= log((double)(cnt_length(t) + 1));
	if ((method & 0x02) && cnt_length(t) > 0)
		wdoc /= (double)cnt_length(t);
	if ((method & 0x04) && nextent > 0 && sumdist > 0)
		wdoc /= ((double)nextent) / sumdist;
	if ((method & 0x08) && t->n > 0)
		wdoc /= (double)t->n;
	if ((method & 0x10) && t->n > 0)
		wdoc /= log((double)(t->n + 1)) / log(2.0);
	if (method & 0x20)
		wdoc /= (wdoc + 1);
	return (float)wdoc;
}

/* pgfn_ts_rank(weights or NULL, vector, query, normalization); pgfn_ts_rank_cd the same. */
static void fn_rank(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 3, &argv[1]))
		return;
	float w[4] = {0.1f, 0.2f, 0.4f, 1.0f};
	struct arena *a = arena_new(0);
	if (sqlite3_value_type(argv[0]) != SQLITE_NULL) {
		size_t n;
		const char **el = pgfn_ts_array_arg(ctx, argv[0], a, &n,
							"array of weight must not contain nulls");
		if (!el)
			goto out;
		if (n < 4) {
			pgfn_error(ctx, "2202E", "array of weight is too short");
			goto out;
		}
		for (int i = 0; i < 4; i++) {
			float f = strtof(el[i], NULL);
			if (f >= 0)
				w[i] = f;
			if (w[i] > 1.0f) {
				pgfn_error(ctx, "22023", "weight out of range");
				goto out;
			}
		}
	}
	int method = sqlite3_value_int(argv[3]);
	struct pgtype_tsvector t;
	struct pgtype_tsq *q;
	if (!pgfn_ts_read_vector(ctx, argv[1], a, &t) || !pgfn_ts_read_query(ctx, argv[2], a, &q))
		goto out;
	float res = 0.0f;
	if (sqlite3_user_data(ctx) && q) {
		res = rank_cd(w, &t, q, method, a);
	} else if (t.n && q) {
		size_t size;
		const struct pgtype_tsq **item = uniq_operands(q, a, &size);
		res = q->kind == PGTYPE_TSQ_AND || q->kind == PGTYPE_TSQ_PHRASE
			      ? rank_and(w, &t, item, size, a)
			      : rank_or(w, &t, item, size);
		if (res < 0)
			res = 1e-20f;
		if (method & 0x01)
			res = (float)(res / (log((double)(cnt_length(&t) + 1)) / log(2.0)));
		if ((method & 0x02) && cnt_length(&t) > 0)
			res /= (float)cnt_length(&t);
		if (method & 0x08)
			res /= (float)t.n;
		if (method & 0x10)
			res = (float)(res / (log((double)(t.n + 1)) / log(2.0)));
		if (method & 0x20)
			res /= (res + 1);
	}
	sqlite3_result_double(ctx, (double)res);
out:
	arena_free(a);
}

int pgfn_register_tsrank(sqlite3 *db)
{
	static const struct pgfn_def rank[] = {{"pgfn_ts_rank", 4, fn_rank}};
	static const struct pgfn_def cd[] = {{"pgfn_ts_rank_cd", 4, fn_rank}};
	int rc = pgfn_define(db, rank, ARRAY_LEN(rank));
	/* ts_rank_cd shares ts_rank's argument handling: its user data tells them apart */
	return rc != SQLITE_OK
		       ? rc
		       : pgfn_define_with(db, cd, ARRAY_LEN(cd),
					  SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, (void *)1);
}
