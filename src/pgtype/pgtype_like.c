/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_like.c: the literal prefix of a LIKE pattern and the range of text it bounds, which
 * the translator (a constant pattern, xlat_pred.c) and pgfn_like_lo/hi (a parameter,
 * pgfn_like.c) put beside a LIKE so that SQLite can search an index. Not the matcher. */
#include "pgtype.h"

#include <string.h>

/* The code point of the UTF-8 character at s[0..n) (n its whole length), -1 when invalid. */
static long decode(const unsigned char *s, size_t n)
{
	static const unsigned char lead_mask[] = {0, 0x7f, 0x1f, 0x0f, 0x07};
	if (n < 1 || n > 4 || (n == 1 && s[0] >= 0x80))
		return -1;
	long cp = s[0] & lead_mask[n];
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	static const long min[] = {0, 0, 0x80, 0x800, 0x10000};
	return cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? -1 : cp;
}

static size_t encode(long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* The length of the UTF-8 character starting at s (at most left), by its lead byte. */
static size_t clen(const unsigned char *s, size_t left)
{
	size_t n = *s < 0x80 ? 1 : *s >= 0xf0 ? 4 : *s >= 0xe0 ? 3 : *s >= 0xc0 ? 2 : 1;
	return n < left ? n : left;
}

size_t pgtype_like_prefix(const char *pat, size_t plen, const char *esc, size_t esclen, char *out)
{
	const unsigned char *p = (const unsigned char *)pat;
	size_t n = 0;
	while (plen > 0) {
		if (esclen && plen >= esclen && memcmp(p, esc, esclen) == 0) {
			p += esclen;
			plen -= esclen;
			if (plen == 0)
				break; /* an escape with nothing after it: the matcher's 22025 */
		} else if (*p == '%' || *p == '_') {
			break;
		}
		size_t k = clen(p, plen); /* the escaped character, or a plain one */
		memcpy(out + n, p, k);
		n += k;
		p += k;
		plen -= k;
	}
	return n;
}

bool pgtype_like_upper(const char *prefix, size_t n, char *out, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)prefix;
	while (n > 0) {
		size_t start = n - 1; /* back to the last character's lead byte */
		while (start > 0 && (s[start] & 0xc0) == 0x80 && n - start < 4)
			start--;
		long cp = decode(s + start, n - start);
		if (cp < 0)
			return false; /* not UTF-8: no text bound we could write */
		if (cp < 0x10ffff) {
			cp = cp == 0xd7ff ? 0xe000 : cp + 1; /* surrogates are no characters */
			memcpy(out, prefix, start);
			*outlen = start + encode(cp, out + start);
			return true;
		}
		n = start; /* U+10FFFF has no successor: the one before it is raised */
	}
	return false;
}
