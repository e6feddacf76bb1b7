/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_fuzzy.c: the functions of PostgreSQL's fuzzystrmatch extension — levenshtein and
 * levenshtein_less_equal (over characters, with costs), soundex, difference and metaphone
 * (ASCII letters, as under the C ctype PostgreSQL runs with here). The translator calls them
 * once CREATE EXTENSION fuzzystrmatch has run (xlat_func.c); dmetaphone is refused there. */
#include "pgfn_int.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LEVENSHTEIN_STRLEN 255
#define MAX_METAPHONE_STRLEN 255
#define SOUNDEX_LEN 4

/* The characters of s[0..len): their start offsets into off[0..n] (off[n] == len). */
static int *char_offsets(const unsigned char *s, int len, int *n)
{
	int *off = malloc(sizeof(*off) * ((size_t)len + 1));
	int k = 0;
	for (int i = 0; off && i < len; k++) {
		off[k] = i;
		int l = s[i] < 0x80 ? 1 : s[i] < 0xe0 ? 2 : s[i] < 0xf0 ? 3 : 4;
		i = i + l > len ? len : i + l;
	}
	if (off)
		off[k] = len;
	*n = k;
	return off;
}

static bool same_char(const unsigned char *s, const int *so, int i, const unsigned char *t,
		      const int *to, int j)
{
	int l = so[i + 1] - so[i];
	return l == to[j + 1] - to[j] && memcmp(s + so[i], t + to[j], (size_t)l) == 0;
}

static int min_int(int a, int b) { return a < b ? a : b; }

/* varstr_levenshtein(_less_equal): the distance between s and t over the two rows of the
 * notional matrix; with max_d >= 0, only the band of columns that can still end within max_d
 * is computed, and an answer beyond max_d is some value above it (max_d + 1 when the band
 * closes), as PostgreSQL's. -1: out of memory; -2: an argument is too long. */
static int levenshtein(const unsigned char *s, int slen, const unsigned char *t, int tlen,
		       int ins_c, int del_c, int sub_c, int max_d)
{
	int m, n, result = -1;
	int *so = char_offsets(s, slen, &m), *to = char_offsets(t, tlen, &n), *rows = NULL;
	if (!so || !to)
		goto out;
	if (m == 0 || n == 0) {
		result = m == 0 ? n * ins_c : m * del_c;
		goto out;
	}
	if (m > MAX_LEVENSHTEIN_STRLEN || n > MAX_LEVENSHTEIN_STRLEN) {
		result = -2;
		goto out;
	}
	int start_column = 0, stop_column = m + 1;
	if (max_d >= 0) {
		int net_inserts = n - m;
		int min_theo_d = net_inserts < 0 ? -net_inserts * del_c : net_inserts * ins_c;
		if (min_theo_d > max_d) {
			result = max_d + 1;
			goto out;
		}
		if (ins_c + del_c < sub_c)
			sub_c = ins_c + del_c;
		int max_theo_d = min_theo_d + sub_c * min_int(m, n);
		if (max_d >= max_theo_d) {
			max_d = -1;
		} else if (ins_c + del_c > 0) {
			int slack_d = max_d - min_theo_d;
			int best_column = net_inserts < 0 ? -net_inserts : 0;
			stop_column = best_column + slack_d / (ins_c + del_c) + 1;
			if (stop_column > m)
				stop_column = m + 1;
		}
	}
	m++, n++; /* a cell more for the first row and column */
	rows = malloc(sizeof(*rows) * 2 * (size_t)m);
	if (!rows)
		goto out;
	int *prev = rows, *curr = rows + m,
	    first = 0; /* first: s's character of column start_column */
	for (int i = start_column; i < stop_column; i++)
		prev[i] = i * del_c;
	for (int j = 1; j < n; j++) {
		int i;
		if (stop_column < m) {
			prev[stop_column] = max_d + 1; /* read, never decisive */
			stop_column++;
		}
		if (start_column == 0) {
			curr[0] = j * ins_c;
			i = 1;
		} else {
			i = start_column;
		}
		for (int x = first + (i - (start_column == 0 ? 1 : start_column)); i < stop_column;
		     i++, x++) {
			int ins = prev[i] + ins_c, del = curr[i - 1] + del_c;
			int sub = prev[i - 1] + (same_char(s, so, x, t, to, j - 1) ? 0 : sub_c);
			curr[i] = min_int(min_int(ins, del), sub);
		}
		int *tmp = curr;
		curr = prev;
		prev = tmp;
		if (max_d < 0)
			continue;
		int zp = j - (n - m); /* where what is left of both is of one length */
		while (stop_column > 0) {
			int ii = stop_column - 1, net = ii - zp;
			if (prev[ii] + (net > 0 ? net * ins_c : -net * del_c) <= max_d)
				break;
			stop_column--;
		}
		while (start_column < stop_column) {
			int net = start_column - zp;
			if (prev[start_column] + (net > 0 ? net * ins_c : -net * del_c) <= max_d)
				break;
			prev[start_column] = curr[start_column] = max_d + 1;
			if (start_column != 0)
				first++;
			start_column++;
		}
		if (start_column >= stop_column) {
			result = max_d + 1;
			goto out;
		}
	}
	result = prev[m - 1];
out:
	free(so);
	free(to);
	free(rows);
	return result;
}

/* levenshtein(s, t [, ins, del, sub]) and levenshtein_less_equal(s, t, [ins, del, sub,] max):
 * the user data says which (1: with max_d). */
static void fn_levenshtein(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bool bounded = sqlite3_user_data(ctx) != NULL;
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	int costs = argc >= 5, ins = 1, del = 1, sub = 1, max_d = -1;
	if (costs) {
		ins = sqlite3_value_int(argv[2]);
		del = sqlite3_value_int(argv[3]);
		sub = sqlite3_value_int(argv[4]);
	}
	if (bounded)
		max_d = sqlite3_value_int(argv[argc - 1]);
	const unsigned char *s = sqlite3_value_text(argv[0]), *t = sqlite3_value_text(argv[1]);
	int d = levenshtein(s, sqlite3_value_bytes(argv[0]), t, sqlite3_value_bytes(argv[1]), ins,
			    del, sub, max_d);
	if (d == -1)
		sqlite3_result_error_nomem(ctx);
	else if (d == -2)
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "levenshtein argument exceeds maximum length of %d characters",
			   MAX_LEVENSHTEIN_STRLEN);
	else
		sqlite3_result_int(ctx, d);
}

static bool ascii_alpha(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static unsigned char upper(unsigned char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

/* ABCDEFGHIJKLMNOPQRSTUVWXYZ → the digit of its sound; any other byte is itself */
static char soundex_code(unsigned char c)
{
	static const char table[] = "01230120022455012623010202";
	c = upper(c);
	return c >= 'A' && c <= 'Z' ? table[c - 'A'] : (char)c;
}

/* _soundex: the first letter and the codes of the next letters, 0-filled to four; all NUL
 * when s has no letter. */
static void soundex(const char *s, char out[SOUNDEX_LEN + 1])
{
	memset(out, 0, SOUNDEX_LEN + 1);
	while (*s && !ascii_alpha((unsigned char)*s))
		s++;
	if (!*s)
		return;
	int count = 0;
	out[count++] = (char)upper((unsigned char)*s++);
	for (; *s && count < SOUNDEX_LEN; s++) {
		char code = soundex_code((unsigned char)*s);
		if (ascii_alpha((unsigned char)*s) && code != soundex_code((unsigned char)s[-1]) &&
		    code != '0')
			out[count++] = code;
	}
	while (count < SOUNDEX_LEN)
		out[count++] = '0';
}

static void fn_soundex(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char out[SOUNDEX_LEN + 1];
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	soundex(s, out);
	sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

static void fn_difference(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char a[SOUNDEX_LEN + 1], b[SOUNDEX_LEN + 1];
	const char *x = (const char *)sqlite3_value_text(argv[0]);
	const char *y = (const char *)sqlite3_value_text(argv[1]);
	if (!x || !y) {
		sqlite3_result_null(ctx);
		return;
	}
	soundex(x, a);
	soundex(y, b);
	int same = 0;
	for (int i = 0; i < SOUNDEX_LEN; i++)
		same += a[i] == b[i];
	sqlite3_result_int(ctx, same);
}

/* metaphone's letter classes: 1 vowel (AEIOU), 2 kept as is (FJLMNR), 4 makes H a diphthong
 * (CGPST), 8 softens C and G (EIY), 16 stops GH becoming F (BDH) */
static int code(unsigned char c)
{
	static const char codes[26] = {1, 16, 4, 16, 9, 2, 4, 16, 9, 2, 0, 2, 2,
				       2, 1,  4, 0,  2, 4, 4, 1,  0, 0, 0, 8, 0};
	c = upper(c);
	return c >= 'A' && c <= 'Z' ? codes[c - 'A'] : 0;
}

#define VOWEL(c) (code(c) & 1)
#define AFFECTH(c) (code(c) & 4)
#define MAKESOFT(c) (code(c) & 8)
#define NOGHTOF(c) (code(c) & 16)

/* The letter `ahead` places after w[i] (stopping at the end), upper-cased. */
static unsigned char ahead(const unsigned char *w, size_t i, size_t k)
{
	size_t j = 0;
	while (w[i + j] && j < k)
		j++;
	return upper(w[i + j]);
}

/* _metaphone of w (non-empty) into out (max + 1 bytes), at most max phonemes. */
static void metaphone(const unsigned char *w, int max, char *out)
{
	size_t i = 0;
	int p = 0;
#define CUR upper(w[i])
#define NEXT upper(w[i + 1])
#define AFTER_NEXT (NEXT ? upper(w[i + 2]) : 0)
#define BACK(k) (i >= (k) ? upper(w[i - (k)]) : 0)
#define PUT(c) (out[p++] = (char)(c))
	for (; !ascii_alpha(CUR); i++)
		if (!CUR) {
			out[p] = 0;
			return;
		}
	switch (CUR) { /* the first letter */
	case 'A':
		PUT(NEXT == 'E' ? 'E' : 'A');
		i += NEXT == 'E' ? 2 : 1;
		break;
	case 'G':
	case 'K':
	case 'P':
		if (NEXT == 'N') {
			PUT('N');
			i += 2;
		}
		break;
	case 'W':
		if (NEXT == 'H' || NEXT == 'R') {
			PUT(NEXT);
			i += 2;
		} else if (VOWEL(NEXT)) {
			PUT('W');
			i += 2;
		}
		break;
	case 'X':
		PUT('S');
		i++;
		break;
	case 'E':
	case 'I':
	case 'O':
	case 'U':
		PUT(CUR);
		i++;
		break;
	default:
		break;
	}
	for (; CUR && p < max; i++) {
		size_t skip = 0;
		unsigned char c = CUR;
		if (!ascii_alpha(c) || (c == BACK(1) && c != 'C'))
			continue;
		switch (c) {
		case 'B':
			if (BACK(1) != 'M')
				PUT('B');
			break;
		case 'C':
			if (MAKESOFT(NEXT)) {
				if (AFTER_NEXT == 'A' && NEXT == 'I')
					PUT('X');
				else if (BACK(1) != 'S')
					PUT('S');
			} else if (NEXT == 'H') {
				PUT(AFTER_NEXT == 'R' || BACK(1) == 'S' ? 'K' : 'X');
				skip++;
			} else {
				PUT('K');
			}
			break;
		case 'D':
			if (NEXT == 'G' && MAKESOFT(AFTER_NEXT)) {
				PUT('J');
				skip++;
			} else {
				PUT('T');
			}
			break;
		case 'G':
			if (NEXT == 'H') {
				if (!(NOGHTOF(BACK(3)) || BACK(4) == 'H')) {
					PUT('F');
					skip++;
				}
			} else if (NEXT == 'N') {
				if (ascii_alpha(AFTER_NEXT) &&
				    !(AFTER_NEXT == 'E' && ahead(w, i, 3) == 'D'))
					PUT('K');
			} else if (MAKESOFT(NEXT) && BACK(1) != 'G') {
				PUT('J');
			} else {
				PUT('K');
			}
			break;
		case 'H':
			if (VOWEL(NEXT) && !AFFECTH(BACK(1)))
				PUT('H');
			break;
		case 'K':
			if (BACK(1) != 'C')
				PUT('K');
			break;
		case 'P':
			PUT(NEXT == 'H' ? 'F' : 'P');
			break;
		case 'Q':
			PUT('K');
			break;
		case 'S':
			if (NEXT == 'I' && (AFTER_NEXT == 'O' || AFTER_NEXT == 'A')) {
				PUT('X');
			} else if (NEXT == 'H') {
				PUT('X');
				skip++;
			} else if (NEXT == 'C' && ahead(w, i, 2) == 'H' && ahead(w, i, 3) == 'W') {
				PUT('X');
				skip += 2;
			} else {
				PUT('S');
			}
			break;
		case 'T':
			if (NEXT == 'I' && (AFTER_NEXT == 'O' || AFTER_NEXT == 'A')) {
				PUT('X');
			} else if (NEXT == 'H') {
				PUT('0');
				skip++;
			} else {
				PUT('T');
			}
			break;
		case 'V':
			PUT('F');
			break;
		case 'W':
			if (VOWEL(NEXT))
				PUT('W');
			break;
		case 'X':
			PUT('K');
			if (p < max)
				PUT('S');
			break;
		case 'Y':
			if (VOWEL(NEXT))
				PUT('Y');
			break;
		case 'Z':
			PUT('S');
			break;
		case 'F':
		case 'J':
		case 'L':
		case 'M':
		case 'N':
		case 'R':
			PUT(c);
			break;
		default:
			break;
		}
		i += skip;
	}
	out[p] = 0;
#undef CUR
#undef NEXT
#undef AFTER_NEXT
#undef BACK
#undef PUT
}

static void fn_metaphone(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	if (!s || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t len = strlen((const char *)s); /* its text up to a NUL, as text_to_cstring's */
	int max = sqlite3_value_int(argv[1]);
	char out[MAX_METAPHONE_STRLEN + 2];
	if (len == 0)
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
	else if (len > MAX_METAPHONE_STRLEN)
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "argument exceeds the maximum length of %d bytes", MAX_METAPHONE_STRLEN);
	else if (max > MAX_METAPHONE_STRLEN)
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "output exceeds the maximum length of %d bytes", MAX_METAPHONE_STRLEN);
	else if (max <= 0)
		pgfn_error(ctx, "2200F", "output cannot be empty string");
	else {
		metaphone(s, max, out);
		sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
	}
}

int pgfn_register_fuzzy(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_soundex", 1, fn_soundex},
		{"pgfn_difference", 2, fn_difference},
		{"pgfn_metaphone", 2, fn_metaphone},
	};
	static const struct pgfn_def plain[] = {
		{"pgfn_levenshtein", 2, fn_levenshtein},
		{"pgfn_levenshtein", 5, fn_levenshtein},
	};
	static const struct pgfn_def bounded[] = {
		{"pgfn_levenshtein_less_equal", 3, fn_levenshtein},
		{"pgfn_levenshtein_less_equal", 6, fn_levenshtein},
	};
	int pure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = pgfn_define(db, defs, ARRAY_LEN(defs));
	if (rc == SQLITE_OK)
		rc = pgfn_define_with(db, plain, ARRAY_LEN(plain), pure, NULL);
	if (rc == SQLITE_OK)
		rc = pgfn_define_with(db, bounded, ARRAY_LEN(bounded), pure, (void *)1);
	return rc;
}
