/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_tsearch.c: the text search types tsvector and tsquery — their input functions
 * (PostgreSQL 15's tsvector_in and parse_tsquery with its three operand syntaxes, with their
 * messages), the normal form tsvector_in leaves and the canonical text output (the binary
 * formats are pgtype_tsbinary.c's). Values are
 * stored as that canonical text; pgfn's text search functions read and write it here. */
#include "pgtype_int.h"

#include <stdlib.h>
#include <string.h>

#define WEP_POS(p) ((p)&0x3fff)
#define WEP_WEIGHT(p) ((p) >> 14)

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* One UTF-8 character's byte length (a stray byte counts as one). */
static size_t mblen_at(const char *p, const char *end)
{
	unsigned char c = (unsigned char)*p;
	size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	return (size_t)(end - p) < n ? (size_t)(end - p) : n;
}

int pgtype_ts_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	if (c)
		return c < 0 ? -1 : 1;
	return an == bn ? 0 : an < bn ? -1 : 1;
}

/* ---- the word reader shared by tsvector_in and tsquery operands (gettoken_tsvector) ---- */

struct wordrd {
	const char *start, *p, *end; /* the whole input (for messages), the cursor */
	bool query;                  /* operators delimit words; messages say tsquery */
	bool web;                    /* websearch: an operator character is no error */
	struct strbuf word;
	uint16_t *pos;
	size_t npos, cap;
};

static bool syntax_error(struct wordrd *w, struct pgerr *err)
{
	return pgerr_set(err, SQLSTATE_SYNTAX_ERROR, "syntax error in %s: \"%.*s\"",
			 w->query ? "tsquery" : "tsvector", (int)(w->end - w->start), w->start);
}

static bool is_operator(char c)
{
	return c == '!' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<';
}

static bool at_end(const struct wordrd *w) { return w->p >= w->end || *w->p == '\0'; }

static bool add_pos(struct wordrd *w, struct arena *a, long v)
{
	if (w->npos == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 8;
		uint16_t *np = arena_alloc(a, cap * sizeof(*np));
		if (w->npos)
			memcpy(np, w->pos, w->npos * sizeof(*np));
		w->pos = np;
		w->cap = cap;
	}
	w->pos[w->npos++] = (uint16_t)(v > PGTYPE_TS_MAXPOS ? PGTYPE_TS_MAXPOS : v);
	return true;
}

/* Positions after "word:": digits, an optional weight letter, commas. */
static bool read_positions(struct wordrd *w, struct arena *a, struct pgerr *err)
{
	for (;;) {
		if (at_end(w) || !is_digit(*w->p))
			return syntax_error(w, err);
		long v = 0;
		while (!at_end(w) && is_digit(*w->p)) {
			if (v <= PGTYPE_TS_MAXPOS)
				v = v * 10 + (*w->p - '0');
			w->p++;
		}
		if (v == 0)
			return pgerr_set(err, SQLSTATE_SYNTAX_ERROR,
					 "wrong position info in tsvector: \"%.*s\"",
					 (int)(w->end - w->start), w->start);
		add_pos(w, a, v);
		bool weighted = false;
		for (;;) {
			if (at_end(w) || is_space(*w->p))
				return true;
			char c = *w->p;
			int wt = c == 'a' || c == 'A' || c == '*' ? 3
				 : c == 'b' || c == 'B'           ? 2
				 : c == 'c' || c == 'C'           ? 1
				 : c == 'd' || c == 'D'           ? 0
								  : -1;
			if (c == ',') {
				w->p++;
				break;
			}
			if (wt < 0 && !is_digit(c))
				return syntax_error(w, err);
			if (wt >= 0) {
				if (weighted && WEP_WEIGHT(w->pos[w->npos - 1]))
					return syntax_error(w, err);
				if (WEP_WEIGHT(w->pos[w->npos - 1]))
					return syntax_error(w, err);
				w->pos[w->npos - 1] |= (uint16_t)(wt << 14);
				weighted = true;
			}
			w->p++;
		}
	}
}

static void copy_char(struct wordrd *w)
{
	size_t k = mblen_at(w->p, w->end);
	strbuf_append(&w->word, w->p, k);
	w->p += k;
}

/* The next word into w->word (and, for tsvector, its positions): 1 read, 0 end of input,
 * -1 error. A tsquery word ends before an operator character or ':' (its modifiers). */
static int read_word(struct wordrd *w, struct arena *a, struct pgerr *err)
{
	strbuf_reset(&w->word);
	w->npos = 0;
	w->cap = 0;
	w->pos = NULL;
	while (!at_end(w) && is_space(*w->p))
		w->p++;
	if (at_end(w))
		return 0;
	if (w->query && !w->web && is_operator(*w->p))
		return syntax_error(w, err) ? -1 : -1;
	if (*w->p == '\'' && !w->web) { /* 'quoted', '' is a quote; websearch has no quoting */
		w->p++;
		for (;;) {
			if (at_end(w))
				return syntax_error(w, err), -1;
			if (*w->p == '\\') {
				w->p++;
				if (at_end(w))
					return pgerr_set(err, SQLSTATE_SYNTAX_ERROR,
							 "there is no escaped character: \"%.*s\"",
							 (int)(w->end - w->start), w->start),
					       -1;
				copy_char(w);
			} else if (*w->p == '\'') {
				w->p++;
				if (!at_end(w) && *w->p == '\'') {
					copy_char(w);
					continue;
				}
				break;
			} else {
				copy_char(w);
			}
		}
		if (w->word.len == 0)
			return syntax_error(w, err), -1;
		if (w->query || at_end(w) || *w->p != ':')
			return 1;
		w->p++;
		return read_positions(w, a, err) ? 1 : -1;
	}
	for (;;) {
		if (!at_end(w) && *w->p == '\\' && !w->web) {
			w->p++;
			if (at_end(w))
				return pgerr_set(err, SQLSTATE_SYNTAX_ERROR,
						 "there is no escaped character: \"%.*s\"",
						 (int)(w->end - w->start), w->start),
				       -1;
			copy_char(w);
			continue;
		}
		if (at_end(w) || is_space(*w->p) || (w->query && is_operator(*w->p)) ||
		    (w->web && *w->p == '"'))
			return w->word.len ? 1 : (syntax_error(w, err), -1);
		if (*w->p == ':' && w->word.len) { /* the first character is taken as it is */
			if (w->query)
				return 1;
			w->p++;
			return read_positions(w, a, err) ? 1 : -1;
		}
		copy_char(w);
	}
}

static bool word_length_ok(const struct wordrd *w, struct pgerr *err)
{
	if (w->word.len <= PGTYPE_TS_MAXWORD)
		return true;
	return pgerr_set(err, "54000", "word is too long (%zu bytes, max %d bytes)", w->word.len,
			 PGTYPE_TS_MAXWORD);
}

/* ---- tsvector ---- */

static int cmp_pos(const void *a, const void *b)
{
	int x = WEP_POS(*(const uint16_t *)a), y = WEP_POS(*(const uint16_t *)b);
	return x < y ? -1 : x > y;
}

static int cmp_lex(const void *a, const void *b)
{
	const struct pgtype_tslex *x = a, *y = b;
	return pgtype_ts_cmp(x->s, x->n, y->s, y->n);
}

/* uniquePos: sorted by position, one entry per position with the highest weight seen. */
static uint16_t unique_pos(uint16_t *p, uint16_t n)
{
	if (n <= 1)
		return n;
	qsort(p, n, sizeof(*p), cmp_pos);
	uint16_t r = 0;
	for (uint16_t i = 1; i < n; i++) {
		if (WEP_POS(p[i]) != WEP_POS(p[r])) {
			p[++r] = p[i];
			if (r >= PGTYPE_TS_MAXNUMPOS - 1 || WEP_POS(p[r]) == PGTYPE_TS_MAXPOS)
				break;
		} else if (WEP_WEIGHT(p[i]) > WEP_WEIGHT(p[r])) {
			p[r] = (uint16_t)(WEP_POS(p[r]) | (WEP_WEIGHT(p[i]) << 14));
		}
	}
	return (uint16_t)(r + 1);
}

void pgtype_tsvector_normalize(struct pgtype_tsvector *v, struct arena *a)
{
	if (v->n == 0)
		return;
	/* qsort is not stable: positions are merged after sorting, so order does not matter */
	qsort(v->lex, v->n, sizeof(*v->lex), cmp_lex);
	size_t r = 0;
	for (size_t i = 1; i < v->n; i++) {
		struct pgtype_tslex *cur = &v->lex[r], *x = &v->lex[i];
		if (cmp_lex(cur, x) != 0) {
			v->lex[++r] = *x;
			continue;
		}
		if (x->npos) { /* merge positions */
			uint16_t *np = arena_alloc(a, ((size_t)cur->npos + x->npos) * sizeof(*np));
			if (cur->npos)
				memcpy(np, cur->pos, cur->npos * sizeof(*np));
			memcpy(np + cur->npos, x->pos, x->npos * sizeof(*np));
			size_t total = (size_t)cur->npos + x->npos;
			cur->pos = np;
			cur->npos = (uint16_t)(total > 65535 ? 65535 : total);
		}
	}
	v->n = r + 1;
	for (size_t i = 0; i < v->n; i++) {
		v->lex[i].npos = unique_pos(v->lex[i].pos, v->lex[i].npos);
		if (v->lex[i].npos > PGTYPE_TS_MAXNUMPOS)
			v->lex[i].npos = PGTYPE_TS_MAXNUMPOS;
	}
}

bool pgtype_tsvector_parse(const char *s, size_t n, struct arena *a, struct pgtype_tsvector *out,
			   struct pgerr *err)
{
	struct wordrd w = {.start = s, .p = s, .end = s + n};
	strbuf_init(&w.word, 0);
	size_t cap = 0;
	*out = (struct pgtype_tsvector){0};
	int rc;
	while ((rc = read_word(&w, a, err)) > 0) {
		if (!word_length_ok(&w, err)) {
			rc = -1;
			break;
		}
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			struct pgtype_tslex *nl = arena_alloc(a, cap * sizeof(*nl));
			if (out->n)
				memcpy(nl, out->lex, out->n * sizeof(*nl));
			out->lex = nl;
		}
		uint16_t np = (uint16_t)(w.npos > 65535 ? 65535 : w.npos);
		out->lex[out->n++] = (struct pgtype_tslex){
			arena_strndup(a, w.word.data, w.word.len), (uint32_t)w.word.len, np, w.pos};
	}
	strbuf_fini(&w.word);
	if (rc < 0)
		return false;
	pgtype_tsvector_normalize(out, a);
	return true;
}

static void put_quoted(struct strbuf *out, const char *s, size_t n)
{
	strbuf_putc(out, '\'');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\'' || s[i] == '\\')
			strbuf_putc(out, s[i]);
		strbuf_putc(out, s[i]);
	}
	strbuf_putc(out, '\'');
}

void pgtype_tsvector_out(struct strbuf *out, const struct pgtype_tsvector *v)
{
	static const char weights[] = "DCBA";
	for (size_t i = 0; i < v->n; i++) {
		const struct pgtype_tslex *l = &v->lex[i];
		if (i)
			strbuf_putc(out, ' ');
		put_quoted(out, l->s, l->n);
		for (uint16_t k = 0; k < l->npos; k++) {
			strbuf_printf(out, "%c%u", k ? ',' : ':', WEP_POS(l->pos[k]));
			if (WEP_WEIGHT(l->pos[k]))
				strbuf_putc(out, weights[WEP_WEIGHT(l->pos[k])]);
		}
	}
}

/* ---- tsquery: building the tree ---- */

static void push_node(struct pgtype_tsq_build *b, struct pgtype_tsq *q)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 16;
		struct pgtype_tsq **ns = arena_alloc(b->a, cap * sizeof(*ns));
		if (b->n)
			memcpy(ns, b->st, b->n * sizeof(*ns));
		b->st = ns;
		b->cap = cap;
	}
	b->st[b->n++] = q;
}

void pgtype_tsq_push_value(struct pgtype_tsq_build *b, const char *s, size_t n, uint8_t weight,
			   bool prefix)
{
	struct pgtype_tsq *q = arena_zalloc(b->a, sizeof(*q));
	*q = (struct pgtype_tsq){.kind = PGTYPE_TSQ_VAL,
				 .weight = weight,
				 .prefix = prefix,
				 .s = arena_strndup(b->a, s, n),
				 .n = (uint32_t)n,
				 .depth = 1};
	push_node(b, q);
}

void pgtype_tsq_push_stop(struct pgtype_tsq_build *b)
{
	struct pgtype_tsq *q = arena_zalloc(b->a, sizeof(*q));
	q->kind = PGTYPE_TSQ_STOP;
	q->depth = 1;
	push_node(b, q);
}

void pgtype_tsq_push_op(struct pgtype_tsq_build *b, enum pgtype_tsq_kind k, int distance)
{
	size_t need = k == PGTYPE_TSQ_NOT ? 1 : 2;
	if (b->n < need) {
		b->failed = true;
		return;
	}
	struct pgtype_tsq *q = arena_zalloc(b->a, sizeof(*q));
	q->kind = k;
	q->distance = k == PGTYPE_TSQ_PHRASE ? distance : 0;
	q->r = b->st[--b->n];
	if (need == 2)
		q->l = b->st[--b->n];
	int ld = q->l ? q->l->depth : 0, rd = q->r->depth;
	q->depth = 1 + (ld > rd ? ld : rd);
	if (q->depth > PGTYPE_TS_MAXDEPTH)
		b->failed = b->too_deep = true;
	push_node(b, q);
}

/* ---- tsquery: parse_tsquery ---- */

enum tok { T_END, T_VAL, T_OPR, T_OPEN, T_CLOSE, T_ERR };
enum st { WAITFIRSTOPERAND, WAITOPERAND, WAITOPERATOR };

struct qparse {
	struct wordrd w;
	enum pgtype_tsq_mode mode;
	enum st state;
	int count; /* open parentheses */
	struct pgtype_tsq_build b;
	pgtype_tsq_value_fn value_fn;
	void *arg;
	struct arena *a;
	struct pgerr *err;
	/* the token just read */
	enum pgtype_tsq_kind op;
	int distance;
	const char *val;
	size_t vlen;
	uint8_t weight;
	bool prefix;
	bool pushed_stop; /* websearch pushed a placeholder operand at the end */
};

static int op_priority(enum pgtype_tsq_kind k)
{
	switch (k) {
	case PGTYPE_TSQ_NOT:
		return 4;
	case PGTYPE_TSQ_PHRASE:
		return 3;
	case PGTYPE_TSQ_AND:
		return 2;
	case PGTYPE_TSQ_OR:
		return 1;
	default:
		return 5;
	}
}

static void modifiers(struct qparse *q)
{
	struct wordrd *w = &q->w;
	if (at_end(w) || *w->p != ':')
		return;
	w->p++;
	for (; !at_end(w); w->p++) {
		char c = *w->p;
		if (c == 'a' || c == 'A')
			q->weight |= 8;
		else if (c == 'b' || c == 'B')
			q->weight |= 4;
		else if (c == 'c' || c == 'C')
			q->weight |= 2;
		else if (c == 'd' || c == 'D')
			q->weight |= 1;
		else if (c == '*')
			q->prefix = true;
		else
			break;
	}
}

/* <-> or <N> after the '<' at w->p. */
static enum tok phrase_operator(struct qparse *q)
{
	struct wordrd *w = &q->w;
	const char *p = w->p + 1;
	if (p < w->end && *p == '-' && p + 1 < w->end && p[1] == '>') {
		q->distance = 1;
		w->p = p + 2;
		return T_OPR;
	}
	if (p >= w->end || !is_digit(*p))
		return T_ERR;
	long v = 0;
	while (p < w->end && is_digit(*p)) {
		if (v <= 100000)
			v = v * 10 + (*p - '0');
		p++;
	}
	if (p >= w->end || *p != '>')
		return T_ERR;
	if (v > PGTYPE_TS_MAXPOS) {
		pgerr_set(q->err, "22023",
			  "distance in phrase operator must be an integer value between zero and "
			  "16384 inclusive");
		return T_ERR;
	}
	q->distance = (int)v;
	w->p = p + 1;
	return T_OPR;
}

static enum tok operand(struct qparse *q)
{
	int rc = read_word(&q->w, q->a, q->err);
	if (rc < 0)
		return T_ERR;
	if (rc == 0) {
		if (q->state == WAITFIRSTOPERAND)
			return T_END;
		if (q->mode == PGTYPE_TSQ_WEB) {
			pgtype_tsq_push_stop(&q->b);
			q->pushed_stop = true;
			return T_END;
		}
		pgerr_set(q->err, SQLSTATE_SYNTAX_ERROR, "no operand in tsquery: \"%.*s\"",
			  (int)(q->w.end - q->w.start), q->w.start);
		return T_ERR;
	}
	q->val = q->w.word.data;
	q->vlen = q->w.word.len;
	if (q->mode == PGTYPE_TSQ_STANDARD)
		modifiers(q);
	q->state = WAITOPERATOR;
	return T_VAL;
}

static enum tok token_standard(struct qparse *q)
{
	struct wordrd *w = &q->w;
	q->weight = 0;
	q->prefix = false;
	for (;;) {
		if (q->state != WAITOPERATOR) {
			if (!at_end(w) && *w->p == '!') {
				w->p++;
				q->state = WAITOPERAND;
				q->op = PGTYPE_TSQ_NOT;
				return T_OPR;
			}
			if (!at_end(w) && *w->p == '(') {
				w->p++;
				q->state = WAITOPERAND;
				q->count++;
				return T_OPEN;
			}
			if (!at_end(w) && *w->p == ':')
				return T_ERR;
			if (!at_end(w) && is_space(*w->p)) {
				w->p++;
				continue;
			}
			return operand(q);
		}
		if (at_end(w))
			return q->count ? T_ERR : T_END;
		char c = *w->p;
		if (c == '&' || c == '|') {
			w->p++;
			q->state = WAITOPERAND;
			q->op = c == '&' ? PGTYPE_TSQ_AND : PGTYPE_TSQ_OR;
			return T_OPR;
		}
		if (c == '<') {
			q->state = WAITOPERAND;
			q->op = PGTYPE_TSQ_PHRASE;
			return phrase_operator(q);
		}
		if (c == ')') {
			w->p++;
			if (--q->count < 0)
				return T_ERR;
			return T_CLOSE;
		}
		if (!is_space(c))
			return T_ERR;
		w->p++;
	}
}

/* "or" as websearch's OR: not part of a word, and something follows it. */
static bool web_or(struct qparse *q)
{
	const char *p = q->w.p, *end = q->w.end;
	if (end - p < 2 || (p[0] != 'o' && p[0] != 'O') || (p[1] != 'r' && p[1] != 'R'))
		return false;
	p += 2;
	if (p >= end || *p == '\0')
		return false;
	unsigned char c = (unsigned char)*p;
	if (c == '-' || c == '_' || is_digit((char)c) || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c >= 0x80)
		return false;
	for (;;) {
		p += mblen_at(p, end);
		if (p >= end || *p == '\0')
			return false;
		if (!is_space(*p))
			break;
	}
	q->w.p += 2;
	return true;
}

static enum tok token_web(struct qparse *q)
{
	struct wordrd *w = &q->w;
	q->weight = 0;
	q->prefix = false;
	for (;;) {
		if (q->state != WAITOPERATOR) {
			if (!at_end(w) && *w->p == '-') {
				w->p++;
				q->state = WAITOPERAND;
				q->op = PGTYPE_TSQ_NOT;
				return T_OPR;
			}
			if (!at_end(w) && *w->p == '"') { /* a quoted phrase: one operand */
				const char *s = ++w->p;
				while (!at_end(w) && *w->p != '"')
					w->p++;
				q->val = s;
				q->vlen = (size_t)(w->p - s);
				if (!at_end(w))
					w->p++;
				q->state = WAITOPERATOR;
				return T_VAL;
			}
			if (!at_end(w) && is_operator(*w->p)) {
				w->p++;
				q->state = WAITOPERAND;
				continue;
			}
			if (!at_end(w) && is_space(*w->p)) {
				w->p++;
				continue;
			}
			return operand(q);
		}
		if (at_end(w))
			return T_END;
		if (web_or(q)) {
			q->state = WAITOPERAND;
			q->op = PGTYPE_TSQ_OR;
			return T_OPR;
		}
		if (is_operator(*w->p)) {
			w->p++;
			continue;
		}
		if (!is_space(*w->p)) {
			q->state = WAITOPERAND;
			q->op = PGTYPE_TSQ_AND;
			return T_OPR;
		}
		w->p++;
	}
}

static enum tok token_plain(struct qparse *q)
{
	if (q->state == WAITOPERATOR)
		return T_END;
	q->val = q->w.start;
	q->vlen = (size_t)(q->w.end - q->w.start);
	q->weight = 0;
	q->prefix = false;
	q->state = WAITOPERATOR;
	return T_VAL;
}

struct opstack {
	enum pgtype_tsq_kind op[32];
	int distance[32];
	int n;
};

static void clean_ops(struct qparse *q, struct opstack *s, enum pgtype_tsq_kind op)
{
	int prio = op_priority(op);
	while (s->n) {
		enum pgtype_tsq_kind top = s->op[s->n - 1];
		/* NOT is right-associative, the others left-associative */
		if ((op != PGTYPE_TSQ_NOT && prio > op_priority(top)) ||
		    (op == PGTYPE_TSQ_NOT && prio >= op_priority(top)))
			break;
		s->n--;
		pgtype_tsq_push_op(&q->b, s->op[s->n], s->distance[s->n]);
	}
}

static bool push_val(struct qparse *q)
{
	if (q->value_fn)
		return q->value_fn(q->arg, &q->b, q->val, q->vlen, q->weight, q->prefix, q->err);
	if (q->vlen > PGTYPE_TS_MAXWORD)
		return pgerr_set(q->err, "54000", "word is too long in tsquery: \"%.*s\"",
				 (int)(q->w.end - q->w.start), q->w.start);
	if (q->vlen == 0)
		return pgerr_set(q->err, SQLSTATE_SYNTAX_ERROR, "syntax error in tsquery: \"%.*s\"",
				 (int)(q->w.end - q->w.start), q->w.start);
	pgtype_tsq_push_value(&q->b, q->val, q->vlen, q->weight, q->prefix);
	return true;
}

static bool makepol(struct qparse *q, int depth)
{
	struct opstack s = {.n = 0};
	for (;;) {
		enum tok t = q->mode == PGTYPE_TSQ_STANDARD ? token_standard(q)
			     : q->mode == PGTYPE_TSQ_WEB    ? token_web(q)
							    : token_plain(q);
		switch (t) {
		case T_END:
			clean_ops(q, &s, PGTYPE_TSQ_OR);
			return true;
		case T_VAL:
			if (!push_val(q))
				return false;
			break;
		case T_OPR:
			clean_ops(q, &s, q->op);
			if (s.n == (int)ARRAY_LEN(s.op))
				return pgerr_set(q->err, "54001", "tsquery stack too small");
			s.op[s.n] = q->op;
			s.distance[s.n++] = q->distance;
			break;
		case T_OPEN:
			if (depth > 1000)
				return pgerr_set(q->err, "54001", "stack depth limit exceeded");
			if (!makepol(q, depth + 1))
				return false;
			break;
		case T_CLOSE:
			clean_ops(q, &s, PGTYPE_TSQ_OR);
			return true;
		case T_ERR:
		default:
			if (!pgerr_is_set(q->err))
				syntax_error(&q->w, q->err);
			return false;
		}
	}
}

bool pgtype_tsquery_parse(const char *s, size_t n, enum pgtype_tsq_mode mode,
			  pgtype_tsq_value_fn value_fn, void *arg, struct arena *a,
			  struct pgtype_tsq **out, struct pgerr *err)
{
	struct qparse q = {.w = {.start = s,
				 .p = s,
				 .end = s + n,
				 .query = true,
				 .web = mode == PGTYPE_TSQ_WEB},
			   .mode = mode,
			   .state = WAITFIRSTOPERAND,
			   .b = {.a = a},
			   .value_fn = value_fn,
			   .arg = arg,
			   .a = a,
			   .err = err};
	strbuf_init(&q.w.word, 0);
	bool ok = makepol(&q, 0);
	strbuf_fini(&q.w.word);
	if (!ok)
		return false;
	if (q.count > 0 && mode == PGTYPE_TSQ_STANDARD)
		return syntax_error(&q.w, err);
	if (q.b.too_deep)
		return pgerr_set(err, "54001", "stack depth limit exceeded");
	if (q.b.failed || q.b.n > 1)
		return syntax_error(&q.w, err);
	*out = q.b.n ? q.b.st[0] : NULL;
	return true;
}

/* ---- clean_stopwords ---- */

static struct pgtype_tsq *clean(struct pgtype_tsq *q, int *ladd, int *radd)
{
	*ladd = *radd = 0;
	if (q->kind == PGTYPE_TSQ_VAL)
		return q;
	if (q->kind == PGTYPE_TSQ_STOP)
		return NULL;
	if (q->kind == PGTYPE_TSQ_NOT) { /* NOT keeps the width of its operand */
		q->r = clean(q->r, ladd, radd);
		return q->r ? q : NULL;
	}
	int lladd, lradd, rladd, rradd;
	q->l = clean(q->l, &lladd, &lradd);
	q->r = clean(q->r, &rladd, &rradd);
	bool phrase = q->kind == PGTYPE_TSQ_PHRASE;
	int d = phrase ? q->distance : 0;
	if (!q->l && !q->r) {
		if (phrase)
			*ladd = *radd = lladd + d + rradd;
		return NULL;
	}
	if (!q->l) {
		if (phrase)
			*ladd = lladd + d + rladd;
		*radd = rradd;
		return q->r;
	}
	if (!q->r) {
		*ladd = lladd;
		if (phrase)
			*radd = lradd + d + rradd;
		return q->l;
	}
	if (phrase) {
		q->distance += lradd + rladd;
		*ladd = lladd;
		*radd = rradd;
	}
	return q;
}

struct pgtype_tsq *pgtype_tsq_clean(struct pgtype_tsq *q)
{
	int l, r;
	return q ? clean(q, &l, &r) : NULL;
}

/* ---- tsqueryout ---- */

static void infix(struct strbuf *out, const struct pgtype_tsq *q, int parent, bool right_phrase)
{
	if (q->kind == PGTYPE_TSQ_VAL || q->kind == PGTYPE_TSQ_STOP) {
		put_quoted(out, q->s ? q->s : "", q->n);
		if (q->weight || q->prefix) {
			strbuf_putc(out, ':');
			if (q->prefix)
				strbuf_putc(out, '*');
			if (q->weight & 8)
				strbuf_putc(out, 'A');
			if (q->weight & 4)
				strbuf_putc(out, 'B');
			if (q->weight & 2)
				strbuf_putc(out, 'C');
			if (q->weight & 1)
				strbuf_putc(out, 'D');
		}
		return;
	}
	int prio = op_priority(q->kind);
	if (q->kind == PGTYPE_TSQ_NOT) {
		bool paren = prio < parent;
		if (paren)
			strbuf_puts(out, "( ");
		strbuf_putc(out, '!');
		infix(out, q->r, prio, false);
		if (paren)
			strbuf_puts(out, " )");
		return;
	}
	bool paren = prio < parent || (q->kind == PGTYPE_TSQ_PHRASE && right_phrase);
	if (paren)
		strbuf_puts(out, "( ");
	infix(out, q->l, prio, false);
	switch (q->kind) {
	case PGTYPE_TSQ_OR:
		strbuf_puts(out, " | ");
		break;
	case PGTYPE_TSQ_AND:
		strbuf_puts(out, " & ");
		break;
	default:
		if (q->distance != 1)
			strbuf_printf(out, " <%d> ", q->distance);
		else
			strbuf_puts(out, " <-> ");
		break;
	}
	infix(out, q->r, prio, q->kind == PGTYPE_TSQ_PHRASE);
	if (paren)
		strbuf_puts(out, " )");
}

void pgtype_tsquery_out(struct strbuf *out, const struct pgtype_tsq *q)
{
	if (q)
		infix(out, q, -1, false);
}

/* ---- pgtype_decode_text's entry ---- */

bool pgtype_ts_decode_text(uint32_t oid, const char *s, size_t n, struct arena *a,
			   struct pgtype_value *out, struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (oid == PGTYPE_TSVECTOR) {
		struct pgtype_tsvector v;
		if (!pgtype_tsvector_parse(s, n, a, &v, err))
			goto fail;
		pgtype_tsvector_out(&sb, &v);
	} else {
		struct pgtype_tsq *q;
		if (!pgtype_tsquery_parse(s, n, PGTYPE_TSQ_STANDARD, NULL, NULL, a, &q, err))
			goto fail;
		pgtype_tsquery_out(&sb, q);
	}
	*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT,
				     .p = arena_strndup(a, sb.data ? sb.data : "", sb.len),
				     .n = sb.len};
	strbuf_fini(&sb);
	return true;
fail:
	strbuf_fini(&sb);
	return false;
}
