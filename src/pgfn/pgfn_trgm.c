/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_trgm.c: the functions of PostgreSQL's pg_trgm extension — show_trgm, similarity,
 * word_similarity, strict_word_similarity, and the comparisons and distances its operators
 * are (xlat_trgm.c writes the calls, once CREATE EXTENSION pg_trgm has run). The database's
 * ctype is C, as initdb --locale=C gives PostgreSQL: a word is a run of ASCII letters and
 * digits, folded to lower case by ASCII rules; every other byte (a multibyte character's too)
 * separates words, so each trigram is three ASCII bytes and none needs pg_trgm's hash. */
#include "pgfn_int.h"

#include <stdlib.h>
#include <string.h>

/* A trigram as three bytes read big-endian: their order is pg_trgm's CMPTRGM (every byte is
 * ASCII, so signed and unsigned char order agree). */
struct trgms {
	uint32_t *v;
	unsigned char *bounds; /* per trigram: 1 first of its word, 2 last (strict only) */
	size_t n;
};

enum { BOUND_LEFT = 1, BOUND_RIGHT = 2 };
enum { SML_PLAIN, SML_WORD, SML_STRICT }; /* the kind argument of the SQL functions */

static bool word_byte(unsigned char b)
{
	return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

static unsigned char lower(unsigned char b) { return b >= 'A' && b <= 'Z' ? b + 32 : b; }

/* generate_trgm_only: each word padded with two blanks before and one after, its trigrams in
 * order, duplicates kept; bounds too when asked. false: out of memory. */
static bool trgms_of(const unsigned char *s, size_t len, bool with_bounds, struct trgms *t)
{
	t->n = 0;
	t->v = malloc(sizeof(*t->v) * (len + 1));
	t->bounds = with_bounds ? calloc(len + 1, 1) : NULL;
	if (!t->v || (with_bounds && !t->bounds))
		return false;
	size_t i = 0;
	while (i < len) {
		while (i < len && !word_byte(s[i]))
			i++;
		if (i >= len)
			break;
		size_t first = t->n;
		uint32_t w = (uint32_t)' ' << 8 | ' '; /* the last two bytes seen */
		for (; i < len && word_byte(s[i]); i++) {
			w = (w << 8 | lower(s[i])) & 0xffffff;
			t->v[t->n++] = w;
		}
		t->v[t->n++] = (w << 8 | ' ') & 0xffffff;
		if (t->bounds) {
			t->bounds[first] |= BOUND_LEFT;
			t->bounds[t->n - 1] |= BOUND_RIGHT;
		}
	}
	return true;
}

static void trgms_fini(struct trgms *t)
{
	free(t->v);
	free(t->bounds);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* generate_trgm: sorted and unique. */
static bool trgm_set(sqlite3_value *v, struct trgms *t)
{
	if (!trgms_of(sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v), false, t))
		return false;
	qsort(t->v, t->n, sizeof(*t->v), cmp_u32);
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++)
		if (n == 0 || t->v[n - 1] != t->v[i])
			t->v[n++] = t->v[i];
	t->n = n;
	return true;
}

/* pg_trgm's CALCSML with DIVUNION: shared over the union, in float4 */
static float calc_sml(int count, int len1, int len2)
{
	return (float)count / (float)(len1 + len2 - count);
}

/* similarity(a, b) of two trigram sets */
static float set_similarity(const struct trgms *a, const struct trgms *b)
{
	if (a->n == 0 || b->n == 0)
		return 0.0f;
	size_t i = 0, j = 0;
	int count = 0;
	while (i < a->n && j < b->n) {
		if (a->v[i] < b->v[j])
			i++;
		else if (a->v[i] > b->v[j])
			j++;
		else
			i++, j++, count++;
	}
	return calc_sml(count, (int)a->n, (int)b->n);
}

/* A trigram of the pattern (index -1) or of the text (its position there). */
struct pos_trgm {
	uint32_t trg;
	int index;
};

static int cmp_pos(const void *a, const void *b)
{
	const struct pos_trgm *x = a, *y = b;
	if (x->trg != y->trg)
		return x->trg < y->trg ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* iterate_word_similarity: the greatest similarity of the pattern's ulen1 distinct trigrams
 * to an extent of the text's len2 trigrams (each its distinct number idx[i] of len, found[]
 * when the pattern has it); strict: the extent starts and ends at word bounds. */
static float iterate(const int *idx, const bool *found, int ulen1, int len2, int len, bool strict,
		     const unsigned char *bounds, int *lastpos)
{
	int ulen2 = 0, count = 0, upper = -1, lower = strict ? 0 : -1;
	float smlr_cur, smlr_max = 0.0f;
	for (int i = 0; i < len; i++)
		lastpos[i] = -1;
	for (int i = 0; i < len2; i++) {
		int trg = idx[i];
		if (lower >= 0 || found[trg]) {
			if (lastpos[trg] < 0) {
				ulen2++;
				if (found[trg])
					count++;
			}
			lastpos[trg] = i;
		}
		if (!(strict ? (bounds[i] & BOUND_RIGHT) != 0 : found[trg]))
			continue;
		upper = i;
		if (lower == -1) {
			lower = i;
			ulen2 = 1;
		}
		smlr_cur = calc_sml(count, ulen1, ulen2);
		/* also try to move the lower bound for a greater similarity */
		int tmp_count = count, tmp_ulen2 = ulen2, prev_lower = lower;
		for (int tmp_lower = lower; tmp_lower <= upper; tmp_lower++) {
			if (!strict || (bounds[tmp_lower] & BOUND_LEFT)) {
				float smlr_tmp = calc_sml(tmp_count, ulen1, tmp_ulen2);
				if (smlr_tmp > smlr_cur) {
					smlr_cur = smlr_tmp;
					ulen2 = tmp_ulen2;
					lower = tmp_lower;
					count = tmp_count;
				}
			}
			int t = idx[tmp_lower];
			if (lastpos[t] == tmp_lower) {
				tmp_ulen2--;
				if (found[t])
					tmp_count--;
			}
		}
		smlr_max = smlr_max > smlr_cur ? smlr_max : smlr_cur;
		for (int tmp_lower = prev_lower; tmp_lower < lower; tmp_lower++) {
			int t = idx[tmp_lower];
			if (lastpos[t] == tmp_lower)
				lastpos[t] = -1;
		}
	}
	return smlr_max;
}

/* calc_word_similarity(pattern, text): false when out of memory */
static bool word_similarity(sqlite3_value *pattern, sqlite3_value *text, bool strict, float *out)
{
	struct trgms t1 = {0}, t2 = {0};
	struct pos_trgm *p = NULL;
	int *idx = NULL, *lastpos = NULL;
	bool *found = NULL, ok = false;
	if (!trgms_of(sqlite3_value_text(pattern), (size_t)sqlite3_value_bytes(pattern), false,
		      &t1) ||
	    !trgms_of(sqlite3_value_text(text), (size_t)sqlite3_value_bytes(text), strict, &t2))
		goto out;
	int len1 = (int)t1.n, len2 = (int)t2.n, len = len1 + len2;
	p = malloc(sizeof(*p) * ((size_t)len + 1));
	idx = malloc(sizeof(*idx) * ((size_t)len2 + 1));
	lastpos = malloc(sizeof(*lastpos) * ((size_t)len + 1));
	found = calloc((size_t)len + 1, sizeof(*found));
	if (!p || !idx || !lastpos || !found)
		goto out;
	for (int i = 0; i < len1; i++)
		p[i] = (struct pos_trgm){t1.v[i], -1};
	for (int i = 0; i < len2; i++)
		p[len1 + i] = (struct pos_trgm){t2.v[i], i};
	qsort(p, (size_t)len, sizeof(*p), cmp_pos);
	int ulen1 = 0, j = 0;
	for (int i = 0; i < len; i++) {
		if (i > 0 && p[i - 1].trg != p[i].trg) {
			if (found[j])
				ulen1++;
			j++;
		}
		if (p[i].index >= 0)
			idx[p[i].index] = j;
		else
			found[j] = true;
	}
	if (len > 0 && found[j])
		ulen1++;
	*out = iterate(idx, found, ulen1, len2, len, strict, t2.bounds, lastpos);
	ok = true;
out:
	trgms_fini(&t1);
	trgms_fini(&t2);
	free(p);
	free(idx);
	free(lastpos);
	free(found);
	return ok;
}

/* kind's similarity of a to b; false (ctx failed) when out of memory */
static bool similarity_of(sqlite3_context *ctx, int kind, sqlite3_value *a, sqlite3_value *b,
			  float *out)
{
	bool ok;
	if (kind == SML_PLAIN) {
		struct trgms x = {0}, y = {0};
		ok = trgm_set(a, &x) && trgm_set(b, &y);
		if (ok)
			*out = set_similarity(&x, &y);
		trgms_fini(&x);
		trgms_fini(&y);
	} else {
		ok = word_similarity(a, b, kind == SML_STRICT, out);
	}
	if (!ok)
		sqlite3_result_error_nomem(ctx);
	return ok;
}

static bool any_null(int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return true;
	return false;
}

/* pgfn_trgm_sml(kind, a, b): similarity, word_similarity or strict_word_similarity, float4 */
static void fn_sml(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	float r;
	if (any_null(argc, argv))
		sqlite3_result_null(ctx);
	else if (similarity_of(ctx, sqlite3_value_int(argv[0]), argv[1], argv[2], &r))
		sqlite3_result_double(ctx, r);
}

/* pgfn_trgm_similarity(a, b) and the others: the kind is the function's user data */
static void fn_sml2(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	float r;
	if (any_null(argc, argv))
		sqlite3_result_null(ctx);
	else if (similarity_of(ctx, (int)(intptr_t)sqlite3_user_data(ctx), argv[0], argv[1], &r))
		sqlite3_result_double(ctx, r);
}

/* pgfn_trgm_dist(kind, a, b): 1 - the similarity, as float4 (<->, <<->, <<<->) */
static void fn_dist(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	float r;
	if (any_null(argc, argv))
		sqlite3_result_null(ctx);
	else if (similarity_of(ctx, sqlite3_value_int(argv[0]), argv[1], argv[2], &r))
		sqlite3_result_double(ctx, (float)(1.0 - r));
}

/* pgfn_trgm_match(kind, a, b, threshold): %, <%, <<% against the setting's text (a double,
 * compared with the float4 similarity as pg_trgm does) */
static void fn_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	float r;
	if (any_null(argc, argv))
		sqlite3_result_null(ctx);
	else if (similarity_of(ctx, sqlite3_value_int(argv[0]), argv[1], argv[2], &r))
		sqlite3_result_int(
			ctx, (double)r >= strtod((const char *)sqlite3_value_text(argv[3]), NULL));
}

/* pgfn_trgm_limit(setting): show_limit's and set_limit's float4 of the setting's text */
static void fn_limit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (s)
		sqlite3_result_double(ctx, (float)strtod(s, NULL));
	else
		sqlite3_result_null(ctx);
}

/* pgfn_trgm_show(t): show_trgm's text[], trigrams in order */
static void fn_show(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct trgms t = {0};
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!trgm_set(argv[0], &t)) {
		trgms_fini(&t);
		sqlite3_result_error_nomem(ctx);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (size_t i = 0; i < t.n; i++) {
		char e[4] = {(char)(t.v[i] >> 16), (char)(t.v[i] >> 8), (char)t.v[i], 0};
		if (i)
			strbuf_putc(&sb, ',');
		pgfn_array_put_elem(&sb, e);
	}
	strbuf_putc(&sb, '}');
	trgms_fini(&t);
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

int pgfn_register_trgm(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_trgm_sml", 3, fn_sml},     {"pgfn_trgm_dist", 3, fn_dist},
		{"pgfn_trgm_match", 4, fn_match}, {"pgfn_trgm_limit", 1, fn_limit},
		{"pgfn_trgm_show", 1, fn_show},
	};
	static const char *const names[] = {"pgfn_trgm_similarity", "pgfn_trgm_word_similarity",
					    "pgfn_trgm_strict_word_similarity"};
	int rc = pgfn_define(db, defs, ARRAY_LEN(defs));
	for (int k = 0; rc == SQLITE_OK && k < (int)ARRAY_LEN(names); k++)
		rc = sqlite3_create_function(db, names[k], 2,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					     (void *)(intptr_t)k, fn_sml2, NULL, NULL);
	return rc;
}
