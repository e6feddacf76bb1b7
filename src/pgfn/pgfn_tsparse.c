/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tsparse.c: PostgreSQL's default text search parser ("pg_catalog.default", ts_debug's
 * token types) as it splits text under the C locale, where every non-ASCII character counts
 * as a letter: words, hyphenated words and their parts, numbers, hosts, e-mail addresses,
 * URLs, file paths, tags and entities. Rewritten from its documented behaviour (not its state
 * tables): the forms covered are those docs/sql-compat.md lists. */
#include "pgfn_int.h"

#include <string.h>

static bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
/* a letter in the parser's sense: ASCII letters and any non-ASCII character (C locale) */
static bool is_letter(unsigned char c) { return is_alpha(c) || c >= 0x80; }
static bool is_alnum(unsigned char c) { return is_letter(c) || is_digit(c); }
static bool ascii_alnum(unsigned char c) { return c < 0x80 && is_alnum(c); }

struct lexer {
	const char *s;
	size_t n, p;
	pgfn_ts_token_fn emit;
	void *arg;
};

static unsigned char at(const struct lexer *x, size_t i)
{
	return i < x->n ? (unsigned char)x->s[i] : 0;
}

static void emit(struct lexer *x, enum pgfn_ts_tok t, size_t start, size_t end)
{
	x->emit(x->arg, t, x->s + start, end - start);
}

/* The end of a run of letters and digits from i, noting non-ASCII letters, digits, letters. */
static size_t alnum_run(const struct lexer *x, size_t i, bool *nonascii, bool *digits,
			bool *letters)
{
	while (i < x->n && is_alnum(at(x, i))) {
		unsigned char c = at(x, i);
		if (c >= 0x80) {
			*nonascii = true;
			*letters = true;
			i += pgfn_utf8_clen(x->s + i, x->n - i);
			continue;
		}
		if (is_digit(c))
			*digits = true;
		else
			*letters = true;
		i++;
	}
	return i;
}

/* host: labels of letters, digits and inner '-', separated by '.', at least two, the last of
 * two or more letters. Returns its end, or 0. */
static size_t host_end(const struct lexer *x, size_t i)
{
	size_t labels = 0, last_start = i, e = i;
	for (;;) {
		size_t st = e;
		while (e < x->n && (is_alnum(at(x, e)) && at(x, e) < 0x80)) {
			e++;
			while (at(x, e) == '-' && e + 1 < x->n && is_alnum(at(x, e + 1)) &&
			       at(x, e + 1) < 0x80)
				e++;
		}
		if (e == st)
			return 0;
		labels++;
		last_start = st;
		if (at(x, e) == '.' && e + 1 < x->n && is_alnum(at(x, e + 1)) &&
		    at(x, e + 1) < 0x80) {
			e++;
			continue;
		}
		break;
	}
	if (labels < 2 || e - last_start < 2)
		return 0;
	for (size_t k = last_start; k < e; k++) {
		if (!is_alpha(at(x, k)))
			return 0;
	}
	return e;
}

/* A URL path character: printable ASCII but for those RFC 3986 disallows. */
static bool path_char(unsigned char c) { return c > 0x20 && c < 0x7f && !strchr("\"<>\\^`{|}", c); }

/* A URL path from '/' at i: its end. */
static size_t path_end(const struct lexer *x, size_t i)
{
	size_t e = i + 1;
	while (e < x->n && path_char(at(x, e)))
		e++;
	return e;
}

/* A file path from i: before its first '/' letters, digits and inner dots; from the first '/'
 * on also '-', '_' and '~' (a trailing '.' is punctuation). Returns its end; the run
 * is a path only when it holds a '/' (or started as one), which the caller checks. */
static size_t file_end(const struct lexer *x, size_t i)
{
	size_t e = i;
	bool slash = false;
	while (e < x->n) {
		unsigned char c = at(x, e), nx = at(x, e + 1);
		if (ascii_alnum(c) || (slash && (c == '_' || c == '~' || c == '-'))) {
			e++;
		} else if (c == '/' && (ascii_alnum(nx) || nx == '_' ||
					((nx == '~' || nx == '.') && ascii_alnum(at(x, e + 2))))) {
			slash = true;
			e++;
		} else if ((c == '.' || (slash && c == '-')) &&
			   (ascii_alnum(nx) || (slash && (nx == '_' || nx == '~')))) {
			e++;
		} else {
			break;
		}
	}
	return e;
}

/* A host's ":port" (digits) from h: the host token's end with it, else h. */
static size_t port_end(const struct lexer *x, size_t h)
{
	if (at(x, h) != ':' || !is_digit(at(x, h + 1)))
		return h;
	size_t p = h + 1;
	while (is_digit(at(x, p)))
		p++;
	return p;
}

static bool url_at(struct lexer *x, size_t i, size_t *end)
{
	size_t h = host_end(x, i);
	if (h && at(x, port_end(x, h)) == '/') /* host:port/path */
		h = port_end(x, h);
	if (!h || at(x, h) != '/')
		return false;
	size_t e = path_end(x, h);
	if (e == h + 1) /* "example.com/" is a host and a blank */
		return false;
	emit(x, PGFN_TS_URL, i, e);
	emit(x, PGFN_TS_HOST, i, h);
	emit(x, PGFN_TS_URL_PATH, h, e);
	*end = e;
	return true;
}

/* A number from i (an optional sign already at i): int/uint, float, sfloat, version. */
static size_t number(struct lexer *x, size_t i)
{
	size_t e = i;
	bool sign = at(x, e) == '-' || at(x, e) == '+';
	if (sign)
		e++;
	while (is_digit(at(x, e)))
		e++;
	size_t dots = 0, t = e;
	while (at(x, t) == '.' && is_digit(at(x, t + 1))) {
		t++;
		while (is_digit(at(x, t)))
			t++;
		dots++;
	}
	enum pgfn_ts_tok tok = sign ? PGFN_TS_INT : PGFN_TS_UINT;
	if (dots >= 2 && !sign) {
		tok = PGFN_TS_VERSION;
		e = t;
	} else if (dots >= 1) {
		tok = PGFN_TS_FLOAT;
		e = i;
		if (sign)
			e++;
		while (is_digit(at(x, e)))
			e++;
		e++;
		while (is_digit(at(x, e)))
			e++;
	}
	if ((at(x, e) == 'e' || at(x, e) == 'E') &&
	    (is_digit(at(x, e + 1)) ||
	     ((at(x, e + 1) == '-' || at(x, e + 1) == '+') && is_digit(at(x, e + 2)))) &&
	    tok != PGFN_TS_VERSION) {
		e += 2;
		while (is_digit(at(x, e)))
			e++;
		tok = PGFN_TS_SFLOAT;
	}
	emit(x, tok, i, e);
	return e;
}

static enum pgfn_ts_tok word_type(bool nonascii, bool digits, bool hyphen)
{
	if (digits)
		return hyphen ? PGFN_TS_NUMHWORD : PGFN_TS_NUMWORD;
	if (nonascii)
		return hyphen ? PGFN_TS_HWORD : PGFN_TS_WORD;
	return hyphen ? PGFN_TS_ASCIIHWORD : PGFN_TS_ASCIIWORD;
}

static enum pgfn_ts_tok part_type(bool nonascii, bool digits)
{
	return digits     ? PGFN_TS_HWORD_NUMPART
	       : nonascii ? PGFN_TS_HWORD_PART
			  : PGFN_TS_HWORD_ASCIIPART;
}

/* A word from i, possibly hyphenated (parts that are not all digits). */
static size_t word(struct lexer *x, size_t i)
{
	bool nonascii = false, digits = false, letters = false;
	size_t de = i;
	while (is_digit(at(x, de)))
		de++;
	if (de > i && (at(x, de) == 'e' || at(x, de) == 'E') &&
	    (is_digit(at(x, de + 1)) ||
	     ((at(x, de + 1) == '-' || at(x, de + 1) == '+') && is_digit(at(x, de + 2)))))
		return number(x, i); /* 1e5, 1e-5: scientific notation */
	size_t e = alnum_run(x, i, &nonascii, &digits, &letters);
	if (!letters) /* digits only: a number, even before a hyphen ("123-abc") */
		return number(x, i);
	size_t parts = 1;
	bool all_na = nonascii, all_d = digits;
	size_t t = e;
	while (at(x, t) == '-' && is_alnum(at(x, t + 1))) {
		bool na = false, d = false, l = false;
		size_t pe = alnum_run(x, t + 1, &na, &d, &l);
		if (!l) /* a part of digits only ends the word: "abc-123" is abc and -123 */
			break;
		all_na |= na;
		all_d |= d;
		parts++;
		t = pe;
	}
	if (parts == 1) {
		emit(x, word_type(nonascii, digits, false), i, e);
		return e;
	}
	emit(x, word_type(all_na, all_d, true), i, t);
	size_t p = i;
	while (p < t) {
		bool na = false, d = false, l = false;
		size_t pe = alnum_run(x, p, &na, &d, &l);
		emit(x, part_type(na, d), p, pe);
		if (pe < t)
			emit(x, PGFN_TS_BLANK, pe, pe + 1);
		p = pe + 1;
	}
	return t;
}

/* "<tag ...>" or "</tag>": a name, then attributes (name, "=", a quoted or bare value). Its
 * end, or 0. */
static size_t tag_end(const struct lexer *x, size_t i)
{
	size_t e = i + 1;
	if (at(x, e) == '/')
		e++;
	if (!is_alpha(at(x, e)))
		return 0;
	while (e < x->n && at(x, e) != '>') {
		unsigned char c = at(x, e);
		if (c == '"') { /* a quoted value: anything but the quote */
			e++;
			while (e < x->n && at(x, e) != '"')
				e++;
			if (e >= x->n)
				return 0;
			e++;
			continue;
		}
		if (!ascii_alnum(c) && !strchr(" \t\n=-_:./", c))
			return 0;
		e++;
	}
	return at(x, e) == '>' ? e + 1 : 0;
}

/* "&name;", "&#123;" or "&#x1f;": its end, or 0. */
static size_t entity_end(const struct lexer *x, size_t i)
{
	size_t e = i + 1;
	if (at(x, e) == '#') {
		e++;
		bool hex = at(x, e) == 'x' || at(x, e) == 'X';
		e += hex;
		size_t st = e;
		while (is_digit(at(x, e)) || (hex && strchr("abcdefABCDEF", at(x, e)) && at(x, e)))
			e++;
		return e > st && at(x, e) == ';' ? e + 1 : 0;
	}
	/* a name: a letter, ':' or '_', then letters, digits, ':', '_', '.' and '-' */
	unsigned char c = at(x, e);
	if (!(is_alpha(c) || c == ':' || c == '_'))
		return 0;
	while (is_alnum(at(x, e)) || (at(x, e) && strchr(":_.-", at(x, e))))
		e += at(x, e) >= 0x80 ? pgfn_utf8_clen(x->s + e, x->n - e) : 1;
	return at(x, e) == ';' ? e + 1 : 0;
}

/* E-mail at i: local part of letters, digits, '.', '-', '_' then '@' and a host. */
static size_t email_end(const struct lexer *x, size_t i)
{
	size_t e = i;
	while (e < x->n && ((is_alnum(at(x, e)) && at(x, e) < 0x80) || strchr(".-_", at(x, e))) &&
	       at(x, e))
		e++;
	if (e == i || at(x, e) != '@' || !is_alnum(at(x, e - 1)))
		return 0;
	return host_end(x, e + 1);
}

/* What starts at a letter or digit: protocol+URL, e-mail, URL, host, file, number, word. */
static size_t at_word(struct lexer *x, size_t i)
{
	size_t e = i;
	while (is_alpha(at(x, e)))
		e++;
	if (e > i && at(x, e) == ':' && at(x, e + 1) == '/' && at(x, e + 2) == '/') {
		size_t ue, h = host_end(x, e + 3);
		emit(x, PGFN_TS_PROTOCOL, i, e + 3);
		if (!h) /* "http://localhost/x": what follows is read on its own */
			return e + 3;
		if (url_at(x, e + 3, &ue))
			return ue;
		h = port_end(x, h);
		emit(x, PGFN_TS_HOST, e + 3, h);
		return h;
	}
	size_t m = email_end(x, i);
	if (m) {
		m = port_end(x, m); /* the host's port goes with it */
		emit(x, PGFN_TS_EMAIL, i, m);
		return m;
	}
	size_t ue;
	if (url_at(x, i, &ue))
		return ue;
	size_t h = host_end(x, i);
	if (h) {
		h = port_end(x, h);
		emit(x, PGFN_TS_HOST, i, h);
		return h;
	}
	/* a run with '.' or '/' between letters or digits that is no number: a file path */
	size_t f = file_end(x, i);
	bool dotted = false, digits_only = true;
	for (size_t k = i; k < f; k++) {
		dotted |= at(x, k) == '.' || at(x, k) == '/';
		digits_only &= is_digit(at(x, k)) || at(x, k) == '.';
	}
	if (dotted && !digits_only) {
		/* "3.14abc" is a float and a word: a leading number with a dot stays a number */
		size_t d = i;
		while (is_digit(at(x, d)))
			d++;
		if (d == i || at(x, d) != '.') {
			emit(x, PGFN_TS_FILE, i, f);
			return f;
		}
	}
	return word(x, i);
}

/* "~name..." at the start or straight after a token ("ab~cd"): a path with the characters
 * allowed after a '/'. Its end, or 0 when nothing follows the '~'. */
static size_t tilde_file(const struct lexer *x, size_t i)
{
	size_t e = i + 1;
	while (ascii_alnum(at(x, e)) || at(x, e) == '_' || at(x, e) == '~' ||
	       ((at(x, e) == '/' || at(x, e) == '.' || at(x, e) == '-') &&
		(ascii_alnum(at(x, e + 1)) || at(x, e + 1) == '_')))
		e++;
	return e > i + 1 ? e : 0;
}

/* At the very start of the text (and only there) "~/x", "~x", "./x" and "../x" begin a file
 * path; after a blank they are punctuation. Its end, or 0. */
static size_t leading_file(const struct lexer *x)
{
	size_t e = 0;
	unsigned char c = at(x, 0);
	if (c == '~')
		return tilde_file(x, 0);
	if (c == '.' && (at(x, 1) == '/' || (at(x, 1) == '.' && at(x, 2) == '/')))
		e = at(x, 1) == '/' ? 1 : 2;
	else
		return 0;
	if (at(x, e) == '/')
		e++;
	if (!is_alnum(at(x, e)) || at(x, e) >= 0x80)
		return 0;
	return file_end(x, e);
}

void pgfn_ts_lex(const char *s, size_t n, pgfn_ts_token_fn fn, void *arg)
{
	struct lexer x = {s, n, 0, fn, arg};
	size_t blank = 0; /* start of the pending run of blanks */
	bool in_blank = false;
	while (x.p < n) {
		unsigned char c = at(&x, x.p);
		size_t start = x.p, e = 0;
		enum pgfn_ts_tok special = PGFN_TS_BLANK;
		if (x.p == 0 && (e = leading_file(&x)) != 0)
			special = PGFN_TS_FILE;
		else if (c == '~' && !in_blank && x.p > 0 &&
			 (ascii_alnum(at(&x, x.p + 1)) || at(&x, x.p + 1) == '_' ||
			  at(&x, x.p + 1) == '/'))
			e = tilde_file(&x, x.p), special = PGFN_TS_FILE;
		else if (c == '<')
			e = tag_end(&x, x.p), special = PGFN_TS_TAG;
		else if (c == '&')
			e = entity_end(&x, x.p), special = PGFN_TS_ENTITY;
		else if (c == '/' && (ascii_alnum(at(&x, x.p + 1)) || at(&x, x.p + 1) == '_' ||
				      at(&x, x.p + 1) == '~'))
			e = file_end(&x, x.p), special = PGFN_TS_FILE;
		if (e <= x.p) /* nothing matched: the lexer always moves forward */
			e = 0;
		bool sign = (c == '-' || c == '+') && is_digit(at(&x, x.p + 1));
		if (!e && !sign && !is_alnum(c)) {
			/* a run of blanks ends before '<', '-', '+', '&' and '/', which start a
			 * new one when no token begins there (the parser's TPS_InSpace) */
			if (in_blank && strchr("<-+&/", c)) {
				emit(&x, PGFN_TS_BLANK, blank, x.p);
				in_blank = false;
			}
			if (!in_blank)
				blank = x.p, in_blank = true;
			x.p += c >= 0x80 ? pgfn_utf8_clen(s + x.p, n - x.p) : 1;
			continue;
		}
		if (in_blank) {
			emit(&x, PGFN_TS_BLANK, blank, start);
			in_blank = false;
		}
		if (e) {
			emit(&x, special, start, e);
			x.p = e;
		} else if (sign) {
			x.p = number(&x, x.p);
		} else {
			x.p = at_word(&x, x.p);
		}
		if (x.p <= start) /* every reader consumes something; never loop */
			x.p = start + 1;
	}
	if (in_blank)
		emit(&x, PGFN_TS_BLANK, blank, n);
}
