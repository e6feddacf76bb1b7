/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tsearch.c: text search functions and operators over tsvector and tsquery values kept
 * as their canonical text — to_tsvector, the to_tsquery family, @@ (TS_execute with phrase
 * positions), setweight, strip, length, numnode, querytree, tsvector_to_array,
 * array_to_tsvector, ts_delete, ts_filter, tsvector || tsvector and the tsquery && || !! <->
 * operators. Parsing and output of the types are pgtype's (pgtype_tsearch.c); ranking is
 * pgfn_tsrank.c's. */
#include "pgfn_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WEP_POS(p) ((p)&0x3fff)
#define WEP_WEIGHT(p) ((p) >> 14)

/* Fails ctx with err's SQLSTATE and message. */
static void fail(sqlite3_context *ctx, const struct pgerr *err)
{
	pgfn_error(ctx, err->sqlstate, "%s", err->message);
}

static const char *arg_text(sqlite3_value *v, size_t *n)
{
	const char *s = (const char *)sqlite3_value_text(v);
	*n = s ? (size_t)sqlite3_value_bytes(v) : 0;
	return s ? s : "";
}

bool pgfn_ts_read_vector(sqlite3_context *ctx, sqlite3_value *v, struct arena *a,
			 struct pgtype_tsvector *out)
{
	size_t n;
	const char *s = arg_text(v, &n);
	struct pgerr err;
	pgerr_clear(&err);
	if (pgtype_tsvector_parse(s, n, a, out, &err))
		return true;
	fail(ctx, &err);
	return false;
}

bool pgfn_ts_read_query(sqlite3_context *ctx, sqlite3_value *v, struct arena *a,
			struct pgtype_tsq **out)
{
	size_t n;
	const char *s = arg_text(v, &n);
	struct pgerr err;
	pgerr_clear(&err);
	if (pgtype_tsquery_parse(s, n, PGTYPE_TSQ_STANDARD, NULL, NULL, a, out, &err))
		return true;
	fail(ctx, &err);
	return false;
}

static void result_vector(sqlite3_context *ctx, const struct pgtype_tsvector *v)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_tsvector_out(&sb, v);
	pgfn_result_sb(ctx, &sb, false);
}

static void result_query(sqlite3_context *ctx, const struct pgtype_tsq *q)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_tsquery_out(&sb, q);
	pgfn_result_sb(ctx, &sb, false);
}

static bool config_arg(sqlite3_context *ctx, sqlite3_value *v, enum pgfn_ts_cfg *cfg)
{
	const char *name = (const char *)sqlite3_value_text(v);
	struct pgerr err;
	pgerr_clear(&err);
	if (pgfn_ts_config(name ? name : "", cfg, &err))
		return true;
	fail(ctx, &err);
	return false;
}

/* ---- to_tsvector ---- */

/* make_tsvector: parsetext's words, each at its position, normalized. */
static void words_to_vector(const struct pgfn_tsparsed *p, struct arena *a,
			    struct pgtype_tsvector *v)
{
	v->n = p->n;
	v->lex = arena_alloc(a, (p->n ? p->n : 1) * sizeof(*v->lex));
	for (size_t i = 0; i < p->n; i++) {
		uint16_t *pos = arena_alloc(a, sizeof(*pos));
		*pos = (uint16_t)p->w[i].pos;
		v->lex[i] = (struct pgtype_tslex){p->w[i].s, p->w[i].n, 1, pos};
	}
	pgtype_tsvector_normalize(v, a);
}

/* pgfn_to_tsvector(config, text) */
static void fn_to_tsvector(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	enum pgfn_ts_cfg cfg;
	if (pgfn_any_null(ctx, 2, argv) || !config_arg(ctx, argv[0], &cfg))
		return;
	size_t n;
	const char *s = arg_text(argv[1], &n);
	struct arena *a = arena_new(0);
	struct pgfn_tsparsed p = {0};
	pgfn_ts_parsetext(cfg, s, n, a, &p);
	struct pgtype_tsvector v;
	words_to_vector(&p, a, &v);
	result_vector(ctx, &v);
	arena_free(a);
}

/* ---- to_tsquery, plainto_tsquery, phraseto_tsquery, websearch_to_tsquery ---- */

struct morph {
	enum pgfn_ts_cfg cfg;
	enum pgtype_tsq_kind op; /* what joins the words of one operand */
	struct arena *a;
};

/* pushval_morph: an operand's words, variants at one position OR-ed, positions joined by the
 * operator (with a placeholder for each stop word in between), or a stop placeholder. */
static bool push_morph(void *arg, struct pgtype_tsq_build *b, const char *s, size_t n,
		       uint8_t weight, bool prefix, struct pgerr *err)
{
	(void)err;
	struct morph *m = arg;
	struct pgfn_tsparsed p = {0};
	pgfn_ts_parsetext(m->cfg, s, n, m->a, &p);
	if (p.n == 0) {
		pgtype_tsq_push_stop(b);
		return true;
	}
	uint32_t pos = 0;
	size_t count = 0, cntpos = 0;
	while (count < p.n) {
		if (pos > 0 && pos + 1 < p.w[count].pos) {
			while (pos + 1 <
			       p.w[count].pos) { /* one placeholder per missing stop word */
				pgtype_tsq_push_stop(b);
				if (cntpos)
					pgtype_tsq_push_op(b, m->op, 1);
				cntpos++;
				pos++;
			}
		}
		pos = p.w[count].pos;
		size_t cntvar = 0;
		while (count < p.n && p.w[count].pos == pos) {
			uint16_t variant = p.w[count].nvariant;
			size_t cnt = 0;
			while (count < p.n && p.w[count].pos == pos &&
			       p.w[count].nvariant == variant) {
				pgtype_tsq_push_value(b, p.w[count].s, p.w[count].n, weight,
						      prefix);
				if (cnt)
					pgtype_tsq_push_op(b, PGTYPE_TSQ_AND, 0);
				cnt++;
				count++;
			}
			if (cntvar)
				pgtype_tsq_push_op(b, PGTYPE_TSQ_OR, 0);
			cntvar++;
		}
		if (cntpos)
			pgtype_tsq_push_op(b, m->op, 1);
		cntpos++;
	}
	return true;
}

/* pgfn_to_tsquery(config, text, form): form 0 to_tsquery, 1 plainto_, 2 phraseto_,
 * 3 websearch_to_tsquery. */
static void fn_to_tsquery(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	enum pgfn_ts_cfg cfg;
	if (pgfn_any_null(ctx, 2, argv) || !config_arg(ctx, argv[0], &cfg))
		return;
	int form = sqlite3_value_int(argv[2]);
	size_t n;
	const char *s = arg_text(argv[1], &n);
	struct arena *a = arena_new(0);
	struct morph m = {cfg, form == 1 ? PGTYPE_TSQ_AND : PGTYPE_TSQ_PHRASE, a};
	enum pgtype_tsq_mode mode = form == 0   ? PGTYPE_TSQ_STANDARD
				    : form == 3 ? PGTYPE_TSQ_WEB
						: PGTYPE_TSQ_PLAIN;
	struct pgtype_tsq *q;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_tsquery_parse(s, n, mode, push_morph, &m, a, &q, &err))
		fail(ctx, &err);
	else
		result_query(ctx, pgtype_tsq_clean(q));
	arena_free(a);
}

/* ---- @@: TS_execute ---- */

struct match {
	const struct pgtype_tsvector *v;
};

/* The lexemes an operand matches: [*lo, *hi) in v's sorted array. */
void pgfn_ts_find_lexemes(const struct pgtype_tsvector *v, const struct pgtype_tsq *q, size_t *lo,
			  size_t *hi)
{
	size_t l = 0, h = v->n;
	while (l < h) { /* first lexeme >= q's text */
		size_t m = (l + h) / 2;
		if (pgtype_ts_cmp(v->lex[m].s, v->lex[m].n, q->s, q->n) < 0)
			l = m + 1;
		else
			h = m;
	}
	*lo = l;
	size_t e = l;
	while (e < v->n && (q->prefix ? v->lex[e].n >= q->n && memcmp(v->lex[e].s, q->s, q->n) == 0
				      : pgtype_ts_cmp(v->lex[e].s, v->lex[e].n, q->s, q->n) == 0))
		e++;
	*hi = e;
}

static bool weight_ok(const struct pgtype_tsq *q, uint16_t pos)
{
	return !q->weight || (q->weight & (1 << WEP_WEIGHT(pos)));
}

static bool value_matches(const struct pgtype_tsvector *v, const struct pgtype_tsq *q)
{
	size_t lo, hi;
	pgfn_ts_find_lexemes(v, q, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const struct pgtype_tslex *l = &v->lex[i];
		if (!q->weight || !l->npos)
			return true;
		for (uint16_t k = 0; k < l->npos; k++) {
			if (weight_ok(q, l->pos[k]))
				return true;
		}
	}
	return false;
}

void pgfn_ts_posset_add(struct pgfn_ts_posset *s, int p)
{
	if (p >= 0 && p <= PGTYPE_TS_MAXPOS)
		s->bits[p / 64] |= 1ull << (p % 64);
}

/* Where the query's operands are looked up: a tsvector, or ts_rank_cd's cover so far. */
struct ts_src {
	pgfn_ts_operand_fn fn;
	void *arg;
	bool skip_not; /* TS_EXEC_SKIP_NOT: every NOT matches everywhere */
};

/* TS_phrase_output's emit flags: positions only in L, only in R, in both. */
enum { EMIT_L = 1, EMIT_R = 2, EMIT_BOTH = 4 };

/* dst = src's positions moved up by k (k >= 0), word by word. */
static void shift_up(uint64_t *dst, const uint64_t *src, size_t nwords, int k)
{
	size_t q = (size_t)k / 64;
	unsigned r = (unsigned)k % 64;
	for (size_t i = 0; i < nwords; i++) {
		uint64_t lo = i >= q ? src[i - q] << r : 0;
		uint64_t hi = r && i >= q + 1 ? src[i - q - 1] >> (64 - r) : 0;
		dst[i] = lo | hi;
	}
}

/* TS_phrase_output: L's positions moved by loff and R's by roff, merged as emit asks;
 * true when any position (1..16383) came out. */
static bool emit_positions(struct pgfn_ts_posset *out, const struct pgfn_ts_posset *l,
			   const struct pgfn_ts_posset *r, int emit, int loff, int roff)
{
	enum { N = ARRAY_LEN(out->bits) };
	uint64_t ls[N], rs[N];
	shift_up(ls, l->bits, N, loff);
	shift_up(rs, r->bits, N, roff);
	bool any = false;
	for (size_t i = 0; i < N; i++) {
		uint64_t w = ((emit & EMIT_BOTH) ? ls[i] & rs[i] : 0) |
			     ((emit & EMIT_L) ? ls[i] & ~rs[i] : 0) |
			     ((emit & EMIT_R) ? ~ls[i] & rs[i] : 0);
		if (i == 0)
			w &= ~1ull; /* position 0 is none */
		if (i == N - 1 && (PGTYPE_TS_MAXPOS + 1) % 64)
			w &= (1ull << ((PGTYPE_TS_MAXPOS + 1) % 64)) - 1;
		out->bits[i] |= w;
		any |= w != 0;
	}
	return any;
}

/* TS_phrase_execute: where q matches (out's positions, or everywhere but them when
 * out->negate); false when it matches nowhere. */
static bool phrase_positions(const struct ts_src *src, const struct pgtype_tsq *q,
			     struct pgfn_ts_posset *out)
{
	memset(out, 0, sizeof(*out));
	switch (q->kind) {
	case PGTYPE_TSQ_VAL:
		return src->fn(src->arg, q, out);
	case PGTYPE_TSQ_STOP:
		return false;
	case PGTYPE_TSQ_NOT:
		/* "nowhere" becomes "everywhere" and the reverse; positions flip their sense */
		if (src->skip_not || !phrase_positions(src, q->r, out)) {
			memset(out->bits, 0, sizeof(out->bits));
			out->negate = true;
			return true;
		}
		for (size_t i = 0; i < ARRAY_LEN(out->bits); i++) {
			if (out->bits[i]) {
				out->negate = !out->negate;
				return true;
			}
		}
		out->negate = false;
		return false;
	default:
		break;
	}
	struct pgfn_ts_posset *l = malloc(sizeof(*l)), *r = malloc(sizeof(*r));
	bool ok = false;
	if (!l || !r)
		goto out;
	bool lm = phrase_positions(src, q->l, l);
	bool rm = (lm || q->kind == PGTYPE_TSQ_OR) && phrase_positions(src, q->r, r);
	if (q->kind == PGTYPE_TSQ_OR ? !lm && !rm : !lm || !rm)
		goto out;
	if (!lm)
		memset(l, 0, sizeof(*l));
	if (!rm)
		memset(r, 0, sizeof(*r));
	int loff, roff;
	if (q->kind == PGTYPE_TSQ_PHRASE) {
		loff = q->distance + r->width;
		roff = 0;
		out->width = q->distance + l->width + r->width;
	} else {
		/* AND and OR: the narrower side aligned to the right end of the wider */
		out->width = l->width > r->width ? l->width : r->width;
		loff = out->width - l->width;
		roff = out->width - r->width;
	}
	if (q->kind == PGTYPE_TSQ_OR) {
		if (!l->negate && !r->negate) {
			ok = emit_positions(out, l, r, EMIT_BOTH | EMIT_L | EMIT_R, loff, roff);
			goto out;
		}
		/* !L | !R is !(L & R); !L | R is !(L & !R); L | !R is !(!L & R) */
		emit_positions(out, l, r,
			       l->negate && r->negate ? EMIT_BOTH : l->negate ? EMIT_L : EMIT_R,
			       loff, roff);
		out->negate = true;
		ok = true;
	} else if (l->negate && r->negate) {
		/* !L & !R is !(L | R) */
		emit_positions(out, l, r, EMIT_BOTH | EMIT_L | EMIT_R, loff, roff);
		out->negate = true;
		ok = true;
	} else {
		ok = emit_positions(out, l, r,
				    l->negate ? EMIT_R : r->negate ? EMIT_L : EMIT_BOTH, loff,
				    roff);
	}
out:
	free(l);
	free(r);
	return ok;
}

/* TS_execute: phrases are checked by position (TS_phrase_execute), the rest by presence. */
static bool execute(const struct ts_src *src, const struct pgtype_tsq *q)
{
	switch (q->kind) {
	case PGTYPE_TSQ_VAL:
		return src->fn(src->arg, q, NULL);
	case PGTYPE_TSQ_STOP:
		return false;
	case PGTYPE_TSQ_NOT:
		return src->skip_not || !execute(src, q->r);
	case PGTYPE_TSQ_AND:
		return execute(src, q->l) && execute(src, q->r);
	case PGTYPE_TSQ_OR:
		return execute(src, q->l) || execute(src, q->r);
	case PGTYPE_TSQ_PHRASE: {
		struct pgfn_ts_posset *s = malloc(sizeof(*s));
		bool m = s && phrase_positions(src, q, s);
		free(s);
		return m;
	}
	}
	return false;
}

bool pgfn_ts_execute_with(const struct pgtype_tsq *q, pgfn_ts_operand_fn fn, void *arg,
			  bool skip_not)
{
	struct ts_src src = {fn, arg, skip_not};
	return execute(&src, q);
}

/* checkcondition_str: whether v has the operand; with pos, the positions it is at. */
static bool vector_operand(void *arg, const struct pgtype_tsq *q, struct pgfn_ts_posset *pos)
{
	const struct pgtype_tsvector *v = arg;
	if (!pos)
		return value_matches(v, q);
	size_t lo, hi;
	bool any = false;
	pgfn_ts_find_lexemes(v, q, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const struct pgtype_tslex *l = &v->lex[i];
		/* a lexeme without positions cannot be placed: no phrase match (PG 13+) */
		for (uint16_t k = 0; k < l->npos; k++) {
			if (weight_ok(q, l->pos[k])) {
				pgfn_ts_posset_add(pos, WEP_POS(l->pos[k]));
				any = true;
			}
		}
	}
	return any;
}

bool pgfn_ts_execute(const struct pgtype_tsvector *v, const struct pgtype_tsq *q)
{
	return pgfn_ts_execute_with(q, vector_operand, (void *)v, false);
}

/* pgfn_ts_match(vector, query): tsvector @@ tsquery; an empty query matches nothing. */
static void fn_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 2, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsvector v;
	struct pgtype_tsq *q;
	if (pgfn_ts_read_vector(ctx, argv[0], a, &v) && pgfn_ts_read_query(ctx, argv[1], a, &q))
		sqlite3_result_int(ctx, q && v.n ? pgfn_ts_execute(&v, q) : 0);
	arena_free(a);
}

/* ---- functions of one tsvector ---- */

static int weight_of(sqlite3_context *ctx, sqlite3_value *w)
{
	const char *s = (const char *)sqlite3_value_text(w);
	char c = s && s[0] ? s[0] : 0;
	switch (c) {
	case 'A':
	case 'a':
		return 3;
	case 'B':
	case 'b':
		return 2;
	case 'C':
	case 'c':
		return 1;
	case 'D':
	case 'd':
		return 0;
	default:
		/* 22023 with the character in later 15.x releases (was an elog of its code) */
		pgfn_error(ctx, "22023", "unrecognized weight: \"%.*s\"", c ? 1 : 0, &c);
		return -1;
	}
}

/* Whether lexeme l is among the array elements (NULL elements: 22004). */
static bool in_list(const struct pgtype_tslex *l, const char **el, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (el[i] && strlen(el[i]) == l->n && memcmp(el[i], l->s, l->n) == 0)
			return true;
	}
	return false;
}

const char **pgfn_ts_array_arg(sqlite3_context *ctx, sqlite3_value *v, struct arena *a, size_t *n,
			       const char *nulls)
{
	const char *s = (const char *)sqlite3_value_text(v);
	const char **el = s ? pgfn_array_parse(a, s, n) : NULL;
	if (!el) {
		pgfn_error(ctx, "22P02", "malformed array literal: \"%s\"", s ? s : "");
		return NULL;
	}
	size_t kept = 0;
	for (size_t i = 0; i < *n; i++) {
		if (!el[i] && nulls) {
			pgfn_error(ctx, "22004", "%s", nulls);
			return NULL;
		}
		if (el[i])
			el[kept++] = el[i];
	}
	*n = kept;
	return el;
}

/* pgfn_ts_setweight(vector, weight [, lexemes]) */
static void fn_setweight(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int w = weight_of(ctx, argv[1]);
	if (w < 0)
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsvector v;
	size_t nl = 0;
	const char **only = argc > 2 ? pgfn_ts_array_arg(ctx, argv[2], a, &nl, NULL)
				     : NULL;
	if ((argc <= 2 || only) && pgfn_ts_read_vector(ctx, argv[0], a, &v)) {
		for (size_t i = 0; i < v.n; i++) {
			if (only && !in_list(&v.lex[i], only, nl))
				continue;
			for (uint16_t k = 0; k < v.lex[i].npos; k++)
				v.lex[i].pos[k] = (uint16_t)(WEP_POS(v.lex[i].pos[k]) | (w << 14));
		}
		result_vector(ctx, &v);
	}
	arena_free(a);
}

/* pgfn_ts_strip(vector), pgfn_ts_length(vector) */
static void fn_strip(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 1, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsvector v;
	if (pgfn_ts_read_vector(ctx, argv[0], a, &v)) {
		for (size_t i = 0; i < v.n; i++)
			v.lex[i].npos = 0;
		result_vector(ctx, &v);
	}
	arena_free(a);
}

static void fn_length(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 1, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsvector v;
	if (pgfn_ts_read_vector(ctx, argv[0], a, &v))
		sqlite3_result_int64(ctx, (sqlite3_int64)v.n);
	arena_free(a);
}

/* pgfn_ts_to_array(vector): tsvector_to_array, the lexemes as text[]. */
static void fn_to_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 1, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsvector v;
	if (pgfn_ts_read_vector(ctx, argv[0], a, &v)) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '{');
		for (size_t i = 0; i < v.n; i++) {
			if (i)
				strbuf_putc(&sb, ',');
			pgfn_array_put_elem(&sb, arena_strndup(a, v.lex[i].s, v.lex[i].n));
		}
		strbuf_putc(&sb, '}');
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

/* pgfn_ts_from_array(text[]): array_to_tsvector, lexemes without positions. */
static void fn_from_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 1, argv))
		return;
	struct arena *a = arena_new(0);
	size_t n;
	const char **el = pgfn_ts_array_arg(ctx, argv[0], a, &n,
							"lexeme array may not contain nulls");
	if (el) {
		struct pgtype_tsvector v = {n, arena_zalloc(a, (n ? n : 1) * sizeof(*v.lex))};
		bool ok = true;
		for (size_t i = 0; i < n && ok; i++) {
			if (!el[i][0]) {
				pgfn_error(ctx, "22023",
					   "lexeme array may not contain empty strings");
				ok = false;
			}
			v.lex[i] = (struct pgtype_tslex){el[i], (uint32_t)strlen(el[i]), 0, NULL};
		}
		if (ok) {
			pgtype_tsvector_normalize(&v, a);
			result_vector(ctx, &v);
		}
	}
	arena_free(a);
}

/* pgfn_ts_delete(vector, lexeme or lexemes, is_array) */
static void fn_delete(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 2, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsvector v;
	size_t nl = 1;
	const char *one = (const char *)sqlite3_value_text(argv[1]);
	const char **del = sqlite3_value_int(argv[2])
				   ? pgfn_ts_array_arg(ctx, argv[1], a, &nl, NULL)
				   : &one;
	if (del && pgfn_ts_read_vector(ctx, argv[0], a, &v)) {
		size_t r = 0;
		for (size_t i = 0; i < v.n; i++) {
			if (!in_list(&v.lex[i], del, nl))
				v.lex[r++] = v.lex[i];
		}
		v.n = r;
		result_vector(ctx, &v);
	}
	arena_free(a);
}

/* pgfn_ts_filter(vector, weights "char"[]): only positions of those weights. */
static void fn_filter(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 2, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsvector v;
	size_t nw;
	const char **ws = pgfn_ts_array_arg(ctx, argv[1], a, &nw,
						"weight array may not contain nulls");
	unsigned mask = 0;
	for (size_t i = 0; ws && i < nw; i++) {
		char c = ws[i][0];
		int w = c == 'a' || c == 'A'   ? 3
			: c == 'b' || c == 'B' ? 2
			: c == 'c' || c == 'C' ? 1
			: c == 'd' || c == 'D' ? 0
					       : -1;
		if (w < 0) {
			pgfn_error(ctx, "22023", "unrecognized weight: \"%.*s\"", c ? 1 : 0, &c);
			ws = NULL;
			break;
		}
		mask |= 1u << w;
	}
	if (ws && pgfn_ts_read_vector(ctx, argv[0], a, &v)) {
		size_t r = 0;
		for (size_t i = 0; i < v.n; i++) {
			struct pgtype_tslex l = v.lex[i];
			uint16_t k2 = 0;
			for (uint16_t k = 0; k < l.npos; k++) {
				if (mask & (1u << WEP_WEIGHT(l.pos[k])))
					l.pos[k2++] = l.pos[k];
			}
			l.npos = k2;
			if (k2)
				v.lex[r++] = l;
		}
		v.n = r;
		result_vector(ctx, &v);
	}
	arena_free(a);
}

/* pgfn_ts_concat(a, b): tsvector || tsvector, b's positions after a's last. */
static void fn_concat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 2, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsvector x, y;
	if (pgfn_ts_read_vector(ctx, argv[0], a, &x) && pgfn_ts_read_vector(ctx, argv[1], a, &y)) {
		int maxpos = 0;
		for (size_t i = 0; i < x.n; i++) {
			for (uint16_t k = 0; k < x.lex[i].npos; k++) {
				if (WEP_POS(x.lex[i].pos[k]) > maxpos)
					maxpos = WEP_POS(x.lex[i].pos[k]);
			}
		}
		struct pgtype_tsvector v = {x.n + y.n,
					    arena_alloc(a, (x.n + y.n + 1) * sizeof(*v.lex))};
		if (x.n)
			memcpy(v.lex, x.lex, x.n * sizeof(*v.lex));
		for (size_t i = 0; i < y.n; i++) {
			struct pgtype_tslex l = y.lex[i];
			for (uint16_t k = 0; k < l.npos; k++) {
				int p = WEP_POS(l.pos[k]) + maxpos;
				if (p > PGTYPE_TS_MAXPOS)
					p = PGTYPE_TS_MAXPOS;
				l.pos[k] = (uint16_t)(p | (WEP_WEIGHT(l.pos[k]) << 14));
			}
			v.lex[x.n + i] = l;
		}
		pgtype_tsvector_normalize(&v, a);
		result_vector(ctx, &v);
	}
	arena_free(a);
}

/* ---- functions of tsquery ---- */

int pgfn_ts_count_nodes(const struct pgtype_tsq *q)
{
	if (!q)
		return 0;
	return 1 + pgfn_ts_count_nodes(q->l) + pgfn_ts_count_nodes(q->r);
}

static void fn_numnode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 1, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsq *q;
	if (pgfn_ts_read_query(ctx, argv[0], a, &q))
		sqlite3_result_int(ctx, pgfn_ts_count_nodes(q));
	arena_free(a);
}

/* Whether q has an operand of lexeme ex (tsq_mcontains compares the lexemes' CRCs: weights
 * and prefixes do not count). */
static bool has_operand(const struct pgtype_tsq *q, const struct pgtype_tsq *ex)
{
	if (!q)
		return false;
	if (q->kind == PGTYPE_TSQ_VAL)
		return q->n == ex->n && memcmp(q->s, ex->s, q->n) == 0;
	return has_operand(q->l, ex) || has_operand(q->r, ex);
}

static bool all_operands_in(const struct pgtype_tsq *ex, const struct pgtype_tsq *q)
{
	if (!ex)
		return true;
	if (ex->kind == PGTYPE_TSQ_VAL)
		return has_operand(q, ex);
	return all_operands_in(ex->l, q) && all_operands_in(ex->r, q);
}

/* pgfn_tsq_contains(a, b, swapped): tsquery @> tsquery (tsq_mcontains) — a has at least as
 * many items as b and every lexeme of b; swapped: a <@ b, the same with b and a. */
static void fn_tsq_contains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsq *q, *ex;
	bool swapped = sqlite3_value_int(argv[2]) != 0;
	if (pgfn_ts_read_query(ctx, argv[swapped ? 1 : 0], a, &q) &&
	    pgfn_ts_read_query(ctx, argv[swapped ? 0 : 1], a, &ex))
		sqlite3_result_int(ctx, pgfn_ts_count_nodes(q) >= pgfn_ts_count_nodes(ex) &&
						all_operands_in(ex, q));
	arena_free(a);
}

/* clean_NOT: the query without its negated parts (what an index could search for). */
static struct pgtype_tsq *drop_not(struct pgtype_tsq *q)
{
	if (q->kind == PGTYPE_TSQ_VAL)
		return q;
	if (q->kind == PGTYPE_TSQ_NOT)
		return NULL;
	q->l = drop_not(q->l);
	q->r = drop_not(q->r);
	if (q->kind == PGTYPE_TSQ_OR)
		return q->l && q->r ? q : NULL;
	if (!q->l || !q->r)
		return q->l ? q->l : q->r;
	return q;
}

static void fn_querytree(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 1, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsq *q;
	if (pgfn_ts_read_query(ctx, argv[0], a, &q)) {
		struct pgtype_tsq *r = q ? drop_not(q) : NULL;
		if (q && !r)
			sqlite3_result_text(ctx, "T", 1, SQLITE_STATIC);
		else
			result_query(ctx, r);
	}
	arena_free(a);
}

/* pgfn_tsq_op(a, b, op[, distance]): tsquery && (1), || (2), <-> (3); !! is pgfn_tsq_not.
 * An empty side gives the other unchanged. */
static void fn_tsq_op(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 2, argv))
		return;
	int op = sqlite3_value_int(argv[2]);
	int distance = argc > 3 ? sqlite3_value_int(argv[3]) : 1;
	if (distance < 0 || distance > PGTYPE_TS_MAXPOS) {
		pgfn_error(ctx, "22023",
			   "distance in phrase operator must be an integer value "
			   "between zero and 16384 inclusive");
		return;
	}
	struct arena *a = arena_new(0);
	struct pgtype_tsq *l, *r;
	if (pgfn_ts_read_query(ctx, argv[0], a, &l) && pgfn_ts_read_query(ctx, argv[1], a, &r)) {
		struct pgtype_tsq *q = !l ? r : !r ? l : arena_zalloc(a, sizeof(*q));
		if (l && r) {
			q->kind = op == 1   ? PGTYPE_TSQ_AND
				  : op == 2 ? PGTYPE_TSQ_OR
					    : PGTYPE_TSQ_PHRASE;
			q->distance = q->kind == PGTYPE_TSQ_PHRASE ? distance : 0;
			q->l = l;
			q->r = r;
		}
		result_query(ctx, q);
	}
	arena_free(a);
}

static void fn_tsq_not(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 1, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsq *r;
	if (pgfn_ts_read_query(ctx, argv[0], a, &r)) {
		struct pgtype_tsq *q = r ? arena_zalloc(a, sizeof(*q)) : NULL;
		if (q) {
			q->kind = PGTYPE_TSQ_NOT;
			q->r = r;
		}
		result_query(ctx, q);
	}
	arena_free(a);
}

static const struct pgfn_def fns[] = {
	{"pgfn_to_tsvector", 2, fn_to_tsvector},
	{"pgfn_to_tsquery", 3, fn_to_tsquery},
	{"pgfn_ts_match", 2, fn_match},
	{"pgfn_ts_setweight", 2, fn_setweight},
	{"pgfn_ts_setweight", 3, fn_setweight},
	{"pgfn_ts_strip", 1, fn_strip},
	{"pgfn_ts_length", 1, fn_length},
	{"pgfn_ts_to_array", 1, fn_to_array},
	{"pgfn_ts_from_array", 1, fn_from_array},
	{"pgfn_ts_delete", 3, fn_delete},
	{"pgfn_ts_filter", 2, fn_filter},
	{"pgfn_ts_concat", 2, fn_concat},
	{"pgfn_ts_numnode", 1, fn_numnode},
	{"pgfn_ts_querytree", 1, fn_querytree},
	{"pgfn_tsq_op", 3, fn_tsq_op},
	{"pgfn_tsq_op", 4, fn_tsq_op},
	{"pgfn_tsq_not", 1, fn_tsq_not},
	{"pgfn_tsq_contains", 3, fn_tsq_contains},
};

int pgfn_register_tsearch(sqlite3 *db)
{
	int rc = pgfn_define(db, fns, ARRAY_LEN(fns));
	if (rc == SQLITE_OK)
		rc = pgfn_register_tsrank(db);
	if (rc == SQLITE_OK)
		rc = pgfn_register_tsdict(db);
	if (rc == SQLITE_OK)
		rc = pgfn_register_tsdebug(db);
	if (rc == SQLITE_OK)
		rc = pgfn_register_tsunnest(db);
	if (rc == SQLITE_OK)
		rc = pgfn_register_tscmp(db);
	return rc != SQLITE_OK ? rc : pgfn_register_tsheadline(db);
}
