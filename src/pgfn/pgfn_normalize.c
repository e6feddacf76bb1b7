/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_normalize.c: normalize(text[, form]) and text IS [NOT] [form] NORMALIZED (PostgreSQL's
 * is_normalized) for the Unicode forms NFC, NFD, NFKC and NFKD, through ICU's normalizer
 * (libicu, which Debian's PostgreSQL links too). Text is UTF-8 here, as PostgreSQL requires
 * of a database these functions run in. */
#include "pgfn_int.h"

#include <strings.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* The normalizer a form names (any case, as PostgreSQL reads it); NULL with 22023 raised. */
static const UNormalizer2 *form_of(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *form = argc > 1 ? (const char *)sqlite3_value_text(argv[1]) : "NFC";
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *n = NULL;
	if (strcasecmp(form, "NFC") == 0)
		n = unorm2_getNFCInstance(&e);
	else if (strcasecmp(form, "NFD") == 0)
		n = unorm2_getNFDInstance(&e);
	else if (strcasecmp(form, "NFKC") == 0)
		n = unorm2_getNFKCInstance(&e);
	else if (strcasecmp(form, "NFKD") == 0)
		n = unorm2_getNFKDInstance(&e);
	else {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid normalization form: %s",
			   form);
		return NULL;
	}
	if (U_FAILURE(e)) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "Unicode normalizer not available: %s",
			   u_errorName(e));
		return NULL;
	}
	return n;
}

/* The argument as UTF-16 (sqlite3_malloc'd), its length in *len; NULL when out of memory or
 * not UTF-8 (an error set on ctx). */
static UChar *utf16_of(sqlite3_context *ctx, sqlite3_value *v, int32_t *len)
{
	size_t n;
	const char *s = pgfn_text(v, &n);
	if (n > INT32_MAX / 2) {
		sqlite3_result_error_toobig(ctx);
		return NULL;
	}
	UChar *u = sqlite3_malloc64(((sqlite3_uint64)n + 1) * sizeof(UChar));
	if (!u) {
		sqlite3_result_error_nomem(ctx);
		return NULL;
	}
	UErrorCode e = U_ZERO_ERROR;
	u_strFromUTF8(u, (int32_t)n + 1, len, s, (int32_t)n, &e);
	if (U_FAILURE(e)) {
		pgfn_error(ctx, "22021", /* character_not_in_repertoire */
			   "invalid byte sequence for encoding \"UTF8\"");
		sqlite3_free(u);
		return NULL;
	}
	return u;
}

/* pgfn_normalize(text[, form]) */
static void fn_normalize(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const UNormalizer2 *norm = form_of(ctx, argc, argv);
	int32_t len;
	UChar *u = norm ? utf16_of(ctx, argv[0], &len) : NULL, *out = NULL;
	char *utf8 = NULL;
	if (!u)
		return;
	UErrorCode e = U_ZERO_ERROR;
	int32_t olen = unorm2_normalize(norm, u, len, NULL, 0, &e); /* the size it needs */
	e = U_ZERO_ERROR;
	out = sqlite3_malloc64(((sqlite3_uint64)olen + 1) * sizeof(UChar));
	if (!out)
		goto nomem;
	unorm2_normalize(norm, u, len, out, olen + 1, &e);
	int32_t blen = 0;
	UErrorCode e2 = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &blen, out, olen, &e2);
	utf8 = sqlite3_malloc64((sqlite3_uint64)blen + 1);
	if (!utf8 || U_FAILURE(e))
		goto nomem;
	e = U_ZERO_ERROR;
	u_strToUTF8(utf8, blen + 1, &blen, out, olen, &e);
	if (U_FAILURE(e))
		goto nomem;
	sqlite3_result_text(ctx, utf8, blen, sqlite3_free);
	utf8 = NULL;
	goto out;
nomem:
	sqlite3_result_error_nomem(ctx);
out:
	sqlite3_free(utf8);
	sqlite3_free(out);
	sqlite3_free(u);
}

/* pgfn_is_normalized(text[, form]) */
static void fn_is_normalized(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const UNormalizer2 *norm = form_of(ctx, argc, argv);
	int32_t len;
	UChar *u = norm ? utf16_of(ctx, argv[0], &len) : NULL;
	if (!u)
		return;
	UErrorCode e = U_ZERO_ERROR;
	UBool yes = unorm2_isNormalized(norm, u, len, &e);
	if (U_FAILURE(e))
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_int(ctx, yes ? 1 : 0);
	sqlite3_free(u);
}

int pgfn_register_normalize(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_normalize", 1, fn_normalize},
		{"pgfn_normalize", 2, fn_normalize},
		{"pgfn_is_normalized", 1, fn_is_normalized},
		{"pgfn_is_normalized", 2, fn_is_normalized},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
