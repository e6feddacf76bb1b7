/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tsheadline.c: ts_headline — the document's tokens with the query's matches marked, and
 * the default parser's headline selection (PostgreSQL 15's documented and observed behaviour:
 * covers of the query, MinWords/MaxWords/ShortWord, MaxFragments, HighlightAll) with its
 * option string read as PostgreSQL reads a parameter list. */
#include "pgfn_int.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One token of the document; a token matching several operands repeats (repeated = true). */
struct hlword {
	const char *s;
	uint32_t n;
	uint8_t type;
	int pos; /* lexeme position, 0 for a token without a lexeme */
	const struct pgtype_tsq *item;
	bool repeated, selected, in, replace, skip;
};

struct hl {
	struct hlword *w;
	size_t n, cap;
	struct arena *a;
	struct pgfn_tslexizer lx;
	const struct pgtype_tsq **vals, **ids; /* the query's operands, renamed (number_query) */
	size_t nvals;
	int vectorpos;
};

struct hlopts {
	int min_words, max_words, shortword, max_fragments;
	bool highlightall;
	const char *startsel, *stopsel, *fragdelim;
};

static struct hlword *add(struct hl *h)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 64;
		struct hlword *nw = arena_alloc(h->a, cap * sizeof(*nw));
		if (h->n)
			memcpy(nw, h->w, h->n * sizeof(*nw));
		h->w = nw;
		h->cap = cap;
	}
	struct hlword *w = &h->w[h->n++];
	memset(w, 0, sizeof(*w));
	return w;
}

static bool operand_matches(const struct pgtype_tsq *q, const char *lex, size_t n)
{
	if (q->prefix)
		return n >= q->n && memcmp(lex, q->s, q->n) == 0;
	return n == q->n && memcmp(lex, q->s, n) == 0;
}

/* hlparsetext: every token is a word; those with a lexeme get its position and the operands
 * it matches (weights do not matter here). */
static void on_token(void *arg, enum pgfn_ts_tok t, const char *s, size_t n)
{
	struct hl *h = arg;
	if (n > PGTYPE_TS_MAXWORD) /* dropped with PostgreSQL's NOTICE */
		return;
	size_t at = h->n;
	struct hlword *w = add(h);
	w->s = s;
	w->n = (uint32_t)n;
	w->type = (uint8_t)t;
	const char *lex;
	size_t len;
	int r = pgfn_ts_lexize(&h->lx, t, s, n, &lex, &len);
	if (r < 0)
		return;
	h->vectorpos++;
	if (r == 0)
		return;
	w->pos = h->vectorpos > PGTYPE_TS_MAXPOS ? PGTYPE_TS_MAXPOS : h->vectorpos;
	for (size_t i = 0; i < h->nvals; i++) {
		if (!operand_matches(h->vals[i], lex, len))
			continue;
		if (!h->w[at].item) {
			h->w[at].item = h->ids[i];
			continue;
		}
		struct hlword *d = add(h);
		*d = h->w[at];
		d->item = h->ids[i];
		d->repeated = true;
	}
}

/* The query with each operand renamed to its number: a word matches the operand it was
 * matched to, not others of the same text (PostgreSQL compares the query items). The
 * operands are numbered in PostgreSQL's stored order (an operator, its right operand, then
 * its left), which decides what a word matching several operands counts as first. */
static struct pgtype_tsq *number_query(struct hl *h, const struct pgtype_tsq *q)
{
	if (!q)
		return NULL;
	struct pgtype_tsq *c = arena_alloc(h->a, sizeof(*c));
	*c = *q;
	if (q->kind == PGTYPE_TSQ_VAL) {
		const struct pgtype_tsq **nv = arena_alloc(h->a, (h->nvals + 1) * 2 * sizeof(*nv));
		if (h->nvals) {
			memcpy(nv, h->vals, h->nvals * sizeof(*nv));
			memcpy(nv + h->nvals + 1, h->ids, h->nvals * sizeof(*nv));
		}
		nv[h->nvals] = q;
		nv[h->nvals + 1 + h->nvals] = c;
		h->vals = nv;
		h->ids = nv + h->nvals + 1;
		c->s = arena_printf(h->a, "%zu", h->nvals++);
		c->n = (uint32_t)strlen(c->s);
		c->weight = 0;
		c->prefix = false;
		return c;
	}
	c->r = number_query(h, q->r);
	c->l = number_query(h, q->l);
	return c;
}

/* The words [b, e] as a tsvector of the operands they match (checkcondition_HL). */
static void range_vector(struct hl *h, size_t b, size_t e, struct pgtype_tsvector *v)
{
	v->lex = arena_alloc(h->a, (e - b + 1) * sizeof(*v->lex));
	v->n = 0;
	for (size_t i = b; i <= e; i++) {
		const struct hlword *w = &h->w[i];
		if (!w->item)
			continue;
		uint16_t *pos = arena_alloc(h->a, sizeof(*pos));
		*pos = (uint16_t)w->pos;
		v->lex[v->n++] = (struct pgtype_tslex){w->item->s, w->item->n, 1, pos};
	}
	pgtype_tsvector_normalize(v, h->a);
}

/* ---- headline selection ---- */

static bool nonword(uint8_t t)
{
	return t == PGFN_TS_BLANK || t == PGFN_TS_TAG || t == PGFN_TS_URL ||
	       t == PGFN_TS_NUMHWORD || t == PGFN_TS_ASCIIHWORD || t == PGFN_TS_HWORD;
}

static bool noend(uint8_t t)
{
	return nonword(t) || t == PGFN_TS_SFLOAT || t == PGFN_TS_VERSION || t == PGFN_TS_FLOAT ||
	       t == PGFN_TS_INT || t == PGFN_TS_UINT || t == PGFN_TS_PROTOCOL ||
	       t == PGFN_TS_ENTITY;
}

static bool interesting(const struct hl *h, int j) { return h->w[j].item && !h->w[j].repeated; }

static bool bad_end(const struct hl *h, const struct hlopts *o, int j)
{
	return (noend(h->w[j].type) || (int)h->w[j].n <= o->shortword) && !interesting(h, j);
}

/* The first word at or after i with an operand, or -1. */
static int first_item(const struct hl *h, int i)
{
	for (; i < (int)h->n; i++) {
		if (h->w[i].item)
			return i;
	}
	return -1;
}

/* hlCover: from word *p on, the first range [*p, *e] that satisfies the query, found by
 * growing it one operand word at a time from each starting operand, no longer than
 * max_cover words. */
static bool cover(struct hl *h, const struct pgtype_tsq *q, int max_cover, int *p, int *e)
{
	int pmin = q ? first_item(h, *p) : -1;
	while (pmin >= 0) {
		int nextpmin = -1, pmax = pmin;
		do {
			struct pgtype_tsvector v;
			range_vector(h, (size_t)pmin, (size_t)pmax, &v);
			if (pgfn_ts_execute(&v, q)) {
				*p = pmin;
				*e = pmax;
				return true;
			}
			int nextpmax = first_item(h, pmax + 1);
			if (pmax == pmin)
				nextpmin = nextpmax;
			pmax = nextpmax;
		} while (pmax >= 0 && pmax - pmin < max_cover);
		pmin = nextpmin;
	}
	return false;
}

static void mark(struct hl *h, bool all, int b, int e)
{
	for (int i = b; i <= e; i++) {
		struct hlword *w = &h->w[i];
		if (w->item)
			w->selected = true;
		if (!all && w->type == PGFN_TS_TAG)
			w->replace = true;
		else if (w->type == PGFN_TS_URL || w->type == PGFN_TS_NUMHWORD ||
			 w->type == PGFN_TS_ASCIIHWORD || w->type == PGFN_TS_HWORD)
			w->skip = true;
		w->in = !w->repeated;
	}
}

/* The first min_words words, when no cover was chosen. */
static void mark_first(struct hl *h, const struct hlopts *o)
{
	int curlen = 0, e = -1;
	for (int i = 0; i < (int)h->n && curlen < o->min_words; i++) {
		if (!nonword(h->w[i].type))
			curlen++;
		e = i;
	}
	mark(h, o->highlightall, 0, e);
}

static void mark_words(struct hl *h, const struct pgtype_tsq *q, int max_cover,
		       const struct hlopts *o)
{
	int p = 0, e = 0, bestb = -1, beste = -1, bestlen = -1;
	bool bestcover = false;
	if (o->highlightall) {
		mark(h, true, 0, (int)h->n - 1);
		return;
	}
	for (; cover(h, q, max_cover, &p, &e); p++) {
		int curlen = 0, poslen = 0, posb = p, pose = p, i;
		for (i = p; i <= e && curlen < o->max_words; i++) {
			curlen += !nonword(h->w[i].type);
			poslen += interesting(h, i);
			pose = i;
		}
		if (curlen < o->max_words) {
			/* room left: grow forward to a good end, then backward if still short */
			for (i = i - 1; i < (int)h->n && curlen < o->max_words; i++) {
				if (i > e) {
					curlen += !nonword(h->w[i].type);
					poslen += interesting(h, i);
				}
				pose = i;
				if (bad_end(h, o, i))
					continue;
				if (curlen >= o->min_words)
					break;
			}
			if (curlen < o->min_words) {
				for (i = p - 1; i >= 0; i--) {
					curlen += !nonword(h->w[i].type);
					poslen += interesting(h, i);
					if (curlen >= o->max_words)
						break;
					if (bad_end(h, o, i))
						continue;
					if (curlen >= o->min_words)
						break;
				}
				posb = i >= 0 ? i : 0;
			}
		} else {
			/* full: shorten to avoid a bad end */
			if (i > e)
				i = e;
			for (; curlen > o->min_words; i--) {
				if (!bad_end(h, o, i))
					break;
				curlen -= !nonword(h->w[i].type);
				poslen -= interesting(h, i);
				pose = i - 1;
			}
		}
		bool poscover = posb <= p && pose >= e;
		if (poscover > bestcover || (poscover == bestcover && poslen > bestlen) ||
		    (poscover == bestcover && poslen == bestlen && !bad_end(h, o, pose) &&
		     bad_end(h, o, beste))) {
			bestb = posb;
			beste = pose;
			bestlen = poslen;
			bestcover = poscover;
		}
	}
	if (bestlen < 0)
		mark_first(h, o);
	else
		mark(h, false, bestb, beste);
}

struct frag {
	int start, end, poslen, curlen;
	bool chosen, excluded;
};

/* Splits [*start, *end] into the next piece of at most max_words words, both ends operands. */
static void next_fragment(const struct hl *h, int *start, int *end, int *curlen, int *poslen,
			  int max_words)
{
	int i;
	for (i = *start; i <= *end; i++) {
		*start = i;
		if (interesting(h, i))
			break;
	}
	*curlen = *poslen = 0;
	for (i = *start; i <= *end && *curlen < max_words; i++) {
		*curlen += !nonword(h->w[i].type);
		*poslen += interesting(h, i);
	}
	if (*end > i) {
		*end = i;
		for (i = *end; i >= *start; i--) {
			*end = i;
			if (interesting(h, i))
				break;
			*curlen -= !nonword(h->w[i].type);
		}
	}
}

/* Grows a chosen fragment by up to half the spare words on each side, ends on good words. */
static void stretch(struct hl *h, const struct hlopts *o, struct frag *f)
{
	int start = f->start, end = f->end, curlen = f->curlen, i;
	if (curlen < o->max_words) {
		int maxstretch = (o->max_words - curlen) / 2, st = 0, marker = start;
		for (i = start - 1; i >= 0 && st < maxstretch && !h->w[i].in; i--) {
			if (!nonword(h->w[i].type)) {
				curlen++;
				st++;
			}
			marker = i;
		}
		for (i = marker; i < start && bad_end(h, o, i); i++)
			curlen -= !nonword(h->w[i].type);
		start = i;
		marker = end;
		for (i = end + 1; i < (int)h->n && curlen < o->max_words && !h->w[i].in; i++) {
			curlen += !nonword(h->w[i].type);
			marker = i;
		}
		for (i = marker; i > end && bad_end(h, o, i); i--)
			curlen -= !nonword(h->w[i].type);
		end = i;
	}
	f->start = start;
	f->end = end;
	f->curlen = curlen;
}

static void mark_fragments(struct hl *h, const struct pgtype_tsq *q, int max_cover,
			   const struct hlopts *o)
{
	struct frag *fr = NULL;
	size_t nf = 0;
	int p = 0, e = 0, chosen = 0;
	for (; cover(h, q, max_cover, &p, &e); p++) {
		int start = p, end = e;
		while (start <= end) {
			int curlen, poslen;
			next_fragment(h, &start, &end, &curlen, &poslen, o->max_words);
			struct frag *n = arena_alloc(h->a, (nf + 1) * sizeof(*n));
			if (nf)
				memcpy(n, fr, nf * sizeof(*n));
			fr = n;
			fr[nf++] = (struct frag){start, end, poslen, curlen, false, false};
			start = end + 1;
			end = e;
		}
	}
	for (int f = 0; f < o->max_fragments; f++) {
		int maxitems = 0, minwords = INT_MAX, best = -1;
		for (size_t i = 0; i < nf; i++) {
			if (!fr[i].chosen && !fr[i].excluded &&
			    (maxitems < fr[i].poslen ||
			     (maxitems == fr[i].poslen && minwords > fr[i].curlen))) {
				maxitems = fr[i].poslen;
				minwords = fr[i].curlen;
				best = (int)i;
			}
		}
		if (best < 0)
			break;
		struct frag *c = &fr[best];
		c->chosen = true;
		stretch(h, o, c);
		mark(h, o->highlightall, c->start, c->end);
		chosen++;
		for (size_t i = 0; i < nf; i++) {
			if ((int)i != best && ((fr[i].start >= c->start && fr[i].start <= c->end) ||
					       (fr[i].end >= c->start && fr[i].end <= c->end) ||
					       (fr[i].start < c->start && fr[i].end > c->end)))
				fr[i].excluded = true;
		}
	}
	if (!chosen)
		mark_first(h, o);
}

/* generateHeadline: the words in the headline, matches between the selection marks, a tag
 * replaced by a space, fragments joined by the delimiter. */
static void generate(const struct hl *h, const struct hlopts *o, struct strbuf *out)
{
	bool infrag = false;
	int nfrag = 0;
	for (size_t i = 0; i < h->n; i++) {
		const struct hlword *w = &h->w[i];
		if (w->repeated)
			continue;
		if (!w->in) {
			infrag = false;
			continue;
		}
		if (!infrag) {
			infrag = true;
			if (++nfrag > 1)
				strbuf_puts(out, o->fragdelim);
		}
		if (w->replace) {
			strbuf_putc(out, ' ');
		} else if (!w->skip) {
			if (w->selected)
				strbuf_puts(out, o->startsel);
			strbuf_append(out, w->s, w->n);
			if (w->selected)
				strbuf_puts(out, o->stopsel);
		}
	}
}

/* ---- options: PostgreSQL's parameter list ("MaxWords=10, StartSel='<'") ---- */

/* pg_strtoint32 as PostgreSQL 15 reads an option's number. */
static bool opt_int(sqlite3_context *ctx, const char *s, int *out)
{
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	bool neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	int64_t v = 0;
	const char *d = p;
	while (*p >= '0' && *p <= '9') {
		v = v * 10 + (*p++ - '0');
		if (v > (int64_t)INT_MAX + 1) {
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				   "value \"%s\" is out of range for type integer", s);
			return false;
		}
	}
	while (isspace((unsigned char)*p))
		p++;
	if (p == d || *p) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "invalid input syntax for type integer: \"%s\"", s);
		return false;
	}
	if (!neg && v > INT_MAX) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "value \"%s\" is out of range for type integer", s);
		return false;
	}
	*out = (int)(neg ? -v : v);
	return true;
}

static bool is_true(const char *v)
{
	static const char *const yes[] = {"1", "on", "true", "t", "y", "yes"};
	for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
		if (strcasecmp(v, yes[i]) == 0)
			return true;
	}
	return false;
}

static bool set_opt(sqlite3_context *ctx, struct hlopts *o, const char *k, const char *v)
{
	if (strcasecmp(k, "MaxWords") == 0)
		return opt_int(ctx, v, &o->max_words);
	if (strcasecmp(k, "MinWords") == 0)
		return opt_int(ctx, v, &o->min_words);
	if (strcasecmp(k, "ShortWord") == 0)
		return opt_int(ctx, v, &o->shortword);
	if (strcasecmp(k, "MaxFragments") == 0)
		return opt_int(ctx, v, &o->max_fragments);
	if (strcasecmp(k, "StartSel") == 0)
		o->startsel = v;
	else if (strcasecmp(k, "StopSel") == 0)
		o->stopsel = v;
	else if (strcasecmp(k, "FragmentDelimiter") == 0)
		o->fragdelim = v;
	else if (strcasecmp(k, "HighlightAll") == 0)
		o->highlightall = is_true(v);
	else {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "unrecognized headline parameter: \"%s\"", k);
		return false;
	}
	return true;
}

enum dl_state { WAITKEY, INKEY, INQKEY, WAITEQ, WAITVALUE, INSQ, INDQ, INWORD };

/* deserialize_deflist: key = value pairs, keys bare or double-quoted, values bare, 'quoted'
 * (E'...' too) or "quoted"; pairs apart by commas or blanks. */
static bool read_opts(sqlite3_context *ctx, struct arena *a, const char *s, size_t n,
		      struct hlopts *o)
{
	char *ws = arena_alloc(a, n + 1), *key = ws, *val = NULL, *wp = ws;
	enum dl_state st = WAITKEY;
	for (size_t i = 0; i < n; i++) {
		char c = s[i], nx = i + 1 < n ? s[i + 1] : 0;
		bool sp = isspace((unsigned char)c);
		switch (st) {
		case WAITKEY:
			if (sp || c == ',')
				break;
			key = wp;
			if (c != '"')
				*wp++ = c;
			st = c == '"' ? INQKEY : INKEY;
			break;
		case INKEY:
			if (sp || c == '=') {
				*wp++ = 0;
				st = sp ? WAITEQ : WAITVALUE;
			} else {
				*wp++ = c;
			}
			break;
		case INQKEY:
			if (c == '"' && nx == '"') {
				*wp++ = c;
				i++;
			} else if (c == '"') {
				*wp++ = 0;
				st = WAITEQ;
			} else {
				*wp++ = c;
			}
			break;
		case WAITEQ:
			if (c == '=')
				st = WAITVALUE;
			else if (!sp)
				goto bad;
			break;
		case WAITVALUE:
			val = wp;
			if (c == '\'') {
				st = INSQ;
			} else if (c == 'E' && nx == '\'') {
				i++;
				st = INSQ;
			} else if (c == '"') {
				st = INDQ;
			} else if (!sp) {
				*wp++ = c;
				st = INWORD;
			}
			break;
		case INSQ:
		case INDQ: {
			char qc = st == INSQ ? '\'' : '"';
			if (c == qc && nx == qc) {
				*wp++ = c;
				i++;
			} else if (c == qc) {
				*wp++ = 0;
				if (!set_opt(ctx, o, key, val))
					return false;
				st = WAITKEY;
			} else if (st == INSQ && c == '\\' && nx == '\\') {
				*wp++ = c;
				i++;
			} else {
				*wp++ = c;
			}
			break;
		}
		case INWORD:
			if (c == ',' || sp) {
				*wp++ = 0;
				if (!set_opt(ctx, o, key, val))
					return false;
				st = WAITKEY;
			} else {
				*wp++ = c;
			}
			break;
		}
	}
	if (st == INWORD) {
		*wp = 0;
		return set_opt(ctx, o, key, val);
	}
	if (st == WAITKEY)
		return true;
bad:
	pgfn_error(ctx, SQLSTATE_SYNTAX_ERROR, "invalid parameter list format: \"%.*s\"", (int)n,
		   s);
	return false;
}

static bool check_opts(sqlite3_context *ctx, const struct hlopts *o)
{
	const char *m = NULL;
	if (o->highlightall)
		return true;
	if (o->min_words >= o->max_words)
		m = "MinWords should be less than MaxWords";
	else if (o->min_words <= 0)
		m = "MinWords should be positive";
	else if (o->shortword < 0)
		m = "ShortWord should be >= 0";
	else if (o->max_fragments < 0)
		m = "MaxFragments should be >= 0";
	if (m)
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "%s", m);
	return m == NULL;
}

/* pgfn_ts_headline(config, document, query, options) */
static void fn_headline(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (pgfn_any_null(ctx, 4, argv))
		return;
	struct pgerr err;
	pgerr_clear(&err);
	enum pgfn_ts_cfg cfg;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	if (!pgfn_ts_config(name ? name : "", &cfg, &err)) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		return;
	}
	struct hl h = {0};
	h.a = arena_new(0);
	struct pgtype_tsq *q0, *q;
	struct hlopts o = {15, 35, 3, 0, false, "<b>", "</b>", " ... "};
	const char *doc = (const char *)sqlite3_value_text(argv[1]);
	size_t docn = (size_t)sqlite3_value_bytes(argv[1]);
	const char *opt = (const char *)sqlite3_value_text(argv[3]);
	if (!pgfn_ts_read_query(ctx, argv[2], h.a, &q0))
		goto out;
	q = number_query(&h, q0);
	pgfn_ts_lexizer_init(&h.lx, cfg);
	pgfn_ts_lex(doc ? doc : "", doc ? docn : 0, on_token, &h);
	pgfn_ts_lexizer_fini(&h.lx);
	if (!read_opts(ctx, h.a, opt ? opt : "", opt ? (size_t)sqlite3_value_bytes(argv[3]) : 0,
		       &o) ||
	    !check_opts(ctx, &o))
		goto out;
	/* PostgreSQL 15's bound on a cover's length, in words */
	int64_t max_cover = o.max_words * (int64_t)10 > 100 ? o.max_words * (int64_t)10 : 100;
	if (o.max_fragments > 0)
		max_cover *= o.max_fragments;
	if (max_cover > INT_MAX)
		max_cover = INT_MAX;
	if (o.max_fragments == 0)
		mark_words(&h, q, (int)max_cover, &o);
	else
		mark_fragments(&h, q, (int)max_cover, &o);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	generate(&h, &o, &sb);
	pgfn_result_sb(ctx, &sb, false);
out:
	arena_free(h.a);
}

static const struct pgfn_def fns[] = {
	{"pgfn_ts_headline", 4, fn_headline},
};

int pgfn_register_tsheadline(sqlite3 *db) { return pgfn_define(db, fns, ARRAY_LEN(fns)); }
