/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_money.c: the money type as PostgreSQL 15 has it with lc_monetary C — a 64-bit count
 * of cents (stored in SQLite as that integer), cash_in's input forms, cash_out's "$1,234.56" /
 * "-$1,234.56", cash_words and the int8 binary format. The locale's facts are C's, fixed: two
 * fraction digits, "$", "," grouping by three, "-" before the currency symbol. */
#include "pgtype_int.h"

#include <ctype.h>
#include <string.h>

static bool out_of_range(struct pgerr *err, const char *s, size_t n)
{
	return pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			 "value \"%.*s\" is out of range for type money", (int)n, s);
}

static bool skip(const char **p, const char *end, const char *sym)
{
	size_t k = strlen(sym);
	if ((size_t)(end - *p) < k || memcmp(*p, sym, k) != 0)
		return false;
	*p += k;
	return true;
}

static void skip_blanks_and_symbol(const char **p, const char *end)
{
	while (*p < end && isspace((unsigned char)**p))
		(*p)++;
	skip(p, end, "$");
	while (*p < end && isspace((unsigned char)**p))
		(*p)++;
}

/* The amount is built in the negative, as cash_in does, so INT64_MIN reads back. */
bool pgtype_money_parse(const char *s, size_t n, int64_t *out, struct pgerr *err)
{
	const char *p = s, *end = s + n;
	int64_t value = 0;
	int dec = 0, sgn = 1;
	bool seen_dot = false;
	if (memchr(s, '\0', n))
		end = s + strlen(s);
	skip_blanks_and_symbol(&p, end);
	if (skip(&p, end, "-"))
		sgn = -1;
	else if (p < end && *p == '(') {
		sgn = -1;
		p++;
	} else
		skip(&p, end, "+");
	skip_blanks_and_symbol(&p, end);
	for (; p < end; p++) {
		if (isdigit((unsigned char)*p) && (!seen_dot || dec < 2)) {
			if (__builtin_mul_overflow(value, 10, &value) ||
			    __builtin_sub_overflow(value, *p - '0', &value))
				return out_of_range(err, s, n);
			dec += seen_dot;
		} else if (*p == '.' && !seen_dot)
			seen_dot = true;
		else if (*p != ',')
			break;
	}
	if (p < end && isdigit((unsigned char)*p) && *p >= '5' &&
	    __builtin_sub_overflow(value, 1, &value)) /* rounds half away from zero */
		return out_of_range(err, s, n);
	for (; dec < 2; dec++)
		if (__builtin_mul_overflow(value, 10, &value))
			return out_of_range(err, s, n);
	while (p < end && isdigit((unsigned char)*p))
		p++;
	while (p < end) {
		if (isspace((unsigned char)*p) || *p == ')')
			p++;
		else if (skip(&p, end, "-"))
			sgn = -1;
		else if (!skip(&p, end, "+") && !skip(&p, end, "$"))
			return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 "invalid input syntax for type money: \"%.*s\"", (int)n,
					 s);
	}
	if (sgn > 0 && value == INT64_MIN)
		return out_of_range(err, s, n);
	*out = sgn > 0 ? -value : value;
	return true;
}

void pgtype_money_format(struct strbuf *out, int64_t v)
{
	char buf[40], *p = buf + sizeof(buf);
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	int pos = 2; /* digits right of the point still to write; negative: left of it */
	do {
		if (pos == 0)
			*--p = '.';
		else if (pos < 0 && pos % 3 == 0)
			*--p = ',';
		*--p = (char)('0' + u % 10);
		u /= 10;
		pos--;
	} while (u || pos >= 0);
	strbuf_puts(out, v < 0 ? "-$" : "$");
	strbuf_append(out, p, (size_t)(buf + sizeof(buf) - p));
}

/* num_word: 0..999 in words, with cash_words' quirks ("one hundred and five"). */
static void num_word(struct strbuf *out, unsigned v)
{
	static const char *const small[] = {
		"zero",     "one",     "two",     "three",     "four",     "five",     "six",
		"seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
		"fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
		"thirty",   "forty",   "fifty",   "sixty",     "seventy",  "eighty",   "ninety"};
	const char *const *tens = small + 18;
	unsigned tu = v % 100;
	if (v <= 20) {
		strbuf_puts(out, small[v]);
		return;
	}
	if (!tu) {
		strbuf_printf(out, "%s hundred", small[v / 100]);
		return;
	}
	if (v > 99)
		strbuf_printf(out, "%s hundred %s", small[v / 100], tu < 20 ? "and " : "");
	if (v % 10 == 0 && tu > 10)
		strbuf_puts(out, tens[tu / 10]);
	else if (tu < 20)
		strbuf_puts(out, small[tu]);
	else
		strbuf_printf(out, "%s %s", tens[tu / 10], small[tu % 10]);
}

void pgtype_money_words(struct strbuf *out, int64_t v)
{
	static const char *const scale[] = {" quadrillion ", " trillion ", " billion ",
					    " million ",     " thousand ", ""};
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	size_t start = out->len;
	if (v < 0)
		strbuf_puts(out, "minus ");
	size_t amount = out->len;
	uint64_t div = 100000000000000000ULL;
	for (int i = 0; i < 6; i++, div /= 1000) {
		unsigned part = (unsigned)(u / div % 1000);
		if (part) {
			num_word(out, part);
			strbuf_puts(out, scale[i]);
		}
	}
	if (out->len == amount)
		strbuf_puts(out, "zero");
	strbuf_puts(out, u / 100 == 1 ? " dollar and " : " dollars and ");
	num_word(out, (unsigned)(u % 100));
	strbuf_puts(out, u % 100 == 1 ? " cent" : " cents");
	if (!out->failed)
		out->data[start] = (char)toupper((unsigned char)out->data[start]);
}

bool pgtype_money_decode_text(const char *s, size_t n, struct pgtype_value *out, struct pgerr *err)
{
	int64_t v;
	if (!pgtype_money_parse(s, n, &v, err))
		return false;
	*out = (struct pgtype_value){.kind = PGTYPE_V_INT, .i = v};
	return true;
}

void pgtype_money_encode_text(struct strbuf *out, const struct pgtype_value *v)
{
	if (v->kind == PGTYPE_V_INT)
		pgtype_money_format(out, v->i);
	else
		pgtype_append_as_text(out, v); /* not cents (another tool's value): as stored */
}

/* A value in its text form (an element taken out of a money[]) is read by cash_in first. */
bool pgtype_money_send(struct strbuf *out, const struct pgtype_value *v, struct pgerr *err)
{
	int64_t cents = v->i;
	if (v->kind == PGTYPE_V_TEXT && !pgtype_money_parse(v->p, v->n, &cents, err))
		return false;
	if (v->kind != PGTYPE_V_INT && v->kind != PGTYPE_V_TEXT)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "stored value is not a money amount in cents");
	strbuf_put_u64(out, (uint64_t)cents);
	return true;
}

bool pgtype_money_recv(const uint8_t *p, size_t n, struct pgtype_value *out, struct pgerr *err)
{
	if (n != 8)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "incorrect binary data format");
	uint64_t u = 0;
	for (size_t i = 0; i < 8; i++)
		u = u << 8 | p[i];
	*out = (struct pgtype_value){.kind = PGTYPE_V_INT, .i = (int64_t)u};
	return true;
}
