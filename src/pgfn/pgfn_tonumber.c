/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tonumber.c: to_number(text, format) as PostgreSQL 15 reads a number with a template
 * (9 0 . D , G S MI PL SG PR L TH V B FM and literal text; EEEE and RN are refused there too),
 * in the C locale's terms: '.' decimal point, ',' group separator, '-'/'+' signs, a one-blank
 * currency symbol. Each template item consumes input as PostgreSQL's does, quirks included
 * (a 9 that meets a non-digit skips it; L and TH skip non-data characters), and the
 * digits read become a numeric of the scale actually read, checked against the template's
 * precision (22003) as numeric_in checks a typmod. */
#include "pgfn_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum item {
	I_END,
	I_CHAR, /* a literal character: skips one input character, whatever it is */
	I_COMMA,
	I_DEC, /* . */
	I_0,
	I_9,
	I_B,
	I_C,
	I_D,
	I_EEEE,
	I_FM,
	I_G,
	I_L,
	I_MI,
	I_PL,
	I_PR,
	I_RN,
	I_SG,
	I_SP,
	I_S,
	I_TH,
	I_V,
};

/* Keywords as PostgreSQL's NUM_keywords spells them: upper or lower case, not mixed; a
 * longer keyword before a shorter one with the same start. */
static const struct {
	const char *word;
	enum item item;
} keywords[] = {
	{",", I_COMMA}, {".", I_DEC}, {"0", I_0},       {"9", I_9},       {"B", I_B},
	{"C", I_C},     {"D", I_D},   {"EEEE", I_EEEE}, {"FM", I_FM},     {"G", I_G},
	{"L", I_L},     {"MI", I_MI}, {"PL", I_PL},     {"PR", I_PR},     {"RN", I_RN},
	{"SG", I_SG},   {"SP", I_SP}, {"S", I_S},       {"TH", I_TH},     {"V", I_V},
	{"b", I_B},     {"c", I_C},   {"d", I_D},       {"eeee", I_EEEE}, {"fm", I_FM},
	{"g", I_G},     {"l", I_L},   {"mi", I_MI},     {"pl", I_PL},     {"pr", I_PR},
	{"rn", I_RN},   {"sg", I_SG}, {"sp", I_SP},     {"s", I_S},       {"th", I_TH},
	{"v", I_V},
};

/* The template's description (NUMDesc). */
struct desc {
	int pre, post, multi;
	bool decimal, lsign, lsign_pre, bracket, minus, plus, roman, multi_on, eeee;
};

struct tmpl {
	enum item *items;
	size_t n;
	struct desc d;
};

static size_t utf8_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	return c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

static enum item keyword(const char *s, size_t *len)
{
	for (size_t i = 0; i < ARRAY_LEN(keywords); i++) {
		size_t n = strlen(keywords[i].word);
		if (strncmp(s, keywords[i].word, n) == 0) {
			*len = n;
			return keywords[i].item;
		}
	}
	return I_END;
}

static bool syntax(sqlite3_context *ctx, const char *msg)
{
	pgfn_error(ctx, SQLSTATE_SYNTAX_ERROR, "%s", msg);
	return false;
}

/* One item's effect on the description, with PostgreSQL's 42601 for impossible templates. */
static bool describe(sqlite3_context *ctx, struct desc *d, enum item it)
{
	if (d->eeee && it != I_EEEE)
		return syntax(ctx, "\"EEEE\" must be the last pattern used");
	switch (it) {
	case I_9:
	case I_0:
		if (d->bracket)
			return syntax(ctx, it == I_9 ? "\"9\" must be ahead of \"PR\""
						     : "\"0\" must be ahead of \"PR\"");
		if (it == I_9 && d->multi_on)
			d->multi++;
		else if (d->decimal)
			d->post++;
		else
			d->pre++;
		return true;
	case I_DEC:
	case I_D:
		if (d->decimal)
			return syntax(ctx, "multiple decimal points");
		if (d->multi_on)
			return syntax(ctx, "cannot use \"V\" and decimal point together");
		d->decimal = true;
		return true;
	case I_S:
		if (d->lsign)
			return syntax(ctx, "cannot use \"S\" twice");
		if (d->plus || d->minus || d->bracket)
			return syntax(ctx,
				      "cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together");
		d->lsign = true;
		d->lsign_pre = !d->decimal;
		return true;
	case I_MI:
	case I_PL:
	case I_SG:
		if (d->lsign)
			return syntax(ctx, it == I_MI   ? "cannot use \"S\" and \"MI\" together"
					   : it == I_PL ? "cannot use \"S\" and \"PL\" together"
							: "cannot use \"S\" and \"SG\" together");
		d->minus |= it != I_PL;
		d->plus |= it != I_MI;
		return true;
	case I_PR:
		if (d->lsign || d->plus || d->minus)
			return syntax(ctx,
				      "cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
		d->bracket = true;
		return true;
	case I_RN:
		if (d->roman)
			return syntax(ctx, "cannot use \"RN\" twice");
		d->roman = true;
		return true;
	case I_V:
		if (d->decimal)
			return syntax(ctx, "cannot use \"V\" and decimal point together");
		d->multi_on = true;
		return true;
	case I_EEEE:
		if (d->eeee)
			return syntax(ctx, "cannot use \"EEEE\" twice");
		if (d->lsign || d->bracket || d->minus || d->plus || d->roman || d->multi_on)
			return syntax(ctx, "\"EEEE\" is incompatible with other formats");
		d->eeee = true;
		return true;
	default:
		return true;
	}
}

/* The template as items: keywords, and one I_CHAR per other character (inside "..." too,
 * where \ quotes the next one; outside, only \" is an escape). */
static bool parse(sqlite3_context *ctx, struct arena *a, const char *f, struct tmpl *t)
{
	size_t cap = strlen(f) + 1;
	t->items = arena_zalloc(a, cap * sizeof(*t->items));
	t->n = 0;
	memset(&t->d, 0, sizeof(t->d));
	while (*f) {
		size_t len;
		enum item it = keyword(f, &len);
		if (it != I_END) {
			if (!describe(ctx, &t->d, it))
				return false;
			t->items[t->n++] = it;
			f += len;
		} else if (*f == '"') {
			for (f++; *f && *f != '"';) {
				if (*f == '\\' && f[1])
					f++;
				t->items[t->n++] = I_CHAR;
				f += utf8_len(f);
			}
			f += *f == '"';
		} else {
			f += *f == '\\' && f[1] == '"';
			t->items[t->n++] = I_CHAR;
			f += utf8_len(f);
		}
	}
	t->items[t->n] = I_END;
	return true;
}

/* The reader's state (NUMProc): the input, the sign and digits read so far. */
struct reader {
	const char *in, *p, *end;
	const struct desc *d;
	char sign; /* ' ' until a sign is read */
	struct strbuf digits;
	int read_pre, read_post;
	bool read_dec;
};

static bool at_end(const struct reader *r) { return r->p >= r->end; }

/* L, TH, a sign not found: skip up to n characters that are not data (digits, sign, point, comma). */
static void skip_non_data(struct reader *r, int n)
{
	for (; n > 0 && !at_end(r) && !strchr("0123456789.,+-", *r->p); n--)
		r->p += utf8_len(r->p);
}

/* A digit position or the decimal point (NUM_numpart_from_char): a sign before the first
 * digit, then a digit or the point, then a sign right behind the last digit. */
static void numpart(struct reader *r, enum item it)
{
	if (*r->p == ' ')
		r->p++;
	if (at_end(r))
		return;
	if (r->sign == ' ' && (it == I_0 || it == I_9) && r->read_pre + r->read_post == 0) {
		if (*r->p == '-' || (r->d->bracket && *r->p == '<')) {
			r->sign = '-';
			r->p++;
		} else if (*r->p == '+') {
			r->sign = '+';
			r->p++;
		}
	}
	if (at_end(r))
		return;
	bool read = false;
	if (isdigit((unsigned char)*r->p)) {
		if (r->read_dec && r->read_post == r->d->post)
			return;
		strbuf_putc(&r->digits, *r->p);
		*(r->read_dec ? &r->read_post : &r->read_pre) += 1;
		read = true;
	} else if (r->d->decimal && !r->read_dec && *r->p == '.') {
		strbuf_putc(&r->digits, '.');
		r->read_dec = true;
		read = true;
	}
	if (at_end(r) || r->sign != ' ' || r->read_pre + r->read_post == 0)
		return;
	if (r->d->lsign && read) {
		/* S is anchored to the number: a sign right behind its last digit */
		if (r->p + 1 < r->end && !isdigit((unsigned char)r->p[1]) &&
		    (r->p[1] == '-' || r->p[1] == '+')) {
			r->p++;
			r->sign = *r->p;
		}
	} else if (!read && !r->d->lsign && (r->d->plus || r->d->minus) &&
		   (*r->p == '-' || *r->p == '+')) {
		r->sign = *r->p; /* MI, PL, SG not where the template put them: 9.99MI for 5.01- */
	}
}

/* One template item; false when it leaves the input where it is (no step past it). */
static bool step(struct reader *r, enum item it)
{
	switch (it) {
	case I_9:
	case I_0:
	case I_DEC:
	case I_D:
		numpart(r, it);
		return true;
	case I_COMMA:
	case I_G: /* the group separator steps over itself only */
		return *r->p == ',';
	case I_L:
		skip_non_data(r, 1);
		return false;
	case I_TH:
		if (!r->d->decimal)
			skip_non_data(r, 2);
		return false;
	case I_MI:
	case I_PL:
	case I_SG:
		if ((*r->p == '-' && it != I_PL) || (*r->p == '+' && it != I_MI)) {
			r->sign = *r->p;
			return true;
		}
		skip_non_data(r, 1);
		return false;
	case I_CHAR:
		r->p += utf8_len(r->p);
		return false;
	default:
		return false;
	}
}

/* The digits read as a numeric checked against precision (pre + multi + post read) and
 * scale (post read), as numeric_in applies a typmod; then V's shift, as PostgreSQL does it
 * (times 10^-multi, which numeric_power gives at 16 fraction digits). */
static void result(sqlite3_context *ctx, struct reader *r)
{
	char *text = r->digits.data;
	size_t len = r->digits.len;
	if (len > 1 && text[len - 1] == '.')
		text[--len] = '\0';
	struct pgfn_num *x = sqlite3_malloc(sizeof(*x));
	if (!x) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!pgfn_num_parse(text, len, x)) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "invalid input syntax for type numeric: \"%s\"", text);
		goto out;
	}
	int scale = r->read_post, precision = r->d->pre + r->d->multi + scale;
	int whole = x->n - x->scale, lead = 0;
	while (lead < whole && x->d[lead] == 0)
		lead++;
	if (!pgfn_num_is_zero(x) && whole - lead > precision - scale) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
		goto out;
	}
	if (r->d->multi_on) {
		if (r->d->multi > PGFN_NUM_MIN_SIG_DIGITS) {
			pgfn_num_zero(x, PGFN_NUM_MIN_SIG_DIGITS);
		} else {
			x->scale += r->d->multi;
			if (!pgfn_num_round(x, PGFN_NUM_MIN_SIG_DIGITS)) {
				pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					   "value overflows numeric format");
				goto out;
			}
		}
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_num_format(x, &sb);
	sqlite3_result_text(ctx, sb.data ? sb.data : "0", (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
out:
	sqlite3_free(x);
}

/* pgfn_to_number(text, format) */
static void fn_to_number(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n;
	const char *in = pgfn_text(argv[0], &n), *fmt = (const char *)sqlite3_value_text(argv[1]);
	struct arena *a = arena_new(0);
	struct tmpl t;
	if (!fmt || !parse(ctx, a, fmt, &t))
		goto out;
	if (t.d.eeee || t.d.roman) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "\"%s\" not supported for input",
			   t.d.eeee ? "EEEE" : "RN");
		goto out;
	}
	struct reader r = {.in = in, .p = in, .end = in + n, .d = &t.d, .sign = ' '};
	strbuf_init(&r.digits, 0);
	for (size_t i = 0; i < t.n && !at_end(&r); i++) {
		if (step(&r, t.items[i]))
			r.p++;
	}
	/* the sign goes in front of the digits, as the text numeric_in reads */
	struct strbuf num;
	strbuf_init(&num, 0);
	strbuf_putc(&num, r.sign);
	strbuf_append(&num, r.digits.data ? r.digits.data : "", r.digits.len);
	strbuf_fini(&r.digits);
	r.digits = num;
	result(ctx, &r);
	strbuf_fini(&r.digits);
out:
	arena_free(a);
}

int pgfn_register_tonumber(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {{"pgfn_to_number", 2, fn_to_number}};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
