/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_numscale.c: scale, min_scale and trim_scale of a numeric, read from its decimal text
 * (the translator passes a numeric in its output form, with its display scale). */
#include "pgfn_int.h"

#include <string.h>

/* The decimal text of v split at its point: *frac the fraction digits (n of them), *zeros
 * how many of those are trailing zeros. False for NaN, infinities and non-decimal text. */
static bool decimal(sqlite3_value *v, const char **s, size_t *len, size_t *frac, size_t *zeros)
{
	*s = pgfn_text(v, len);
	const char *p = *s + (**s == '-' || **s == '+');
	size_t digits = strspn(p, "0123456789");
	const char *dot = p + digits;
	*frac = *zeros = 0;
	if (*dot == '.') {
		*frac = strspn(dot + 1, "0123456789");
		while (*zeros < *frac && dot[*frac - *zeros] == '0')
			(*zeros)++;
		dot += 1 + *frac;
	}
	return *dot == '\0' && (digits || *frac);
}

/* pgfn_scale(x, which): scale (0), min_scale (1) as an int4, trim_scale (2) as a numeric. */
static void fn_scale(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int which = sqlite3_value_int(argv[1]);
	if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER) {
		if (which == 2)
			sqlite3_result_int64(ctx, sqlite3_value_int64(argv[0]));
		else
			sqlite3_result_int(ctx, 0);
		return;
	}
	const char *s;
	size_t len, frac, zeros;
	if (!decimal(argv[0], &s, &len, &frac, &zeros)) { /* NaN: NULL, trim_scale keeps it */
		if (which == 2)
			sqlite3_result_text(ctx, s, (int)len, SQLITE_TRANSIENT);
		else
			sqlite3_result_null(ctx);
		return;
	}
	if (which != 2) {
		sqlite3_result_int(ctx, (int)(which == 0 ? frac : frac - zeros));
		return;
	}
	size_t keep = len - zeros - (frac == zeros && frac ? 1 : 0); /* "1.00" → "1" */
	const char *p = s + (*s == '-' || *s == '+');
	bool zero = strspn(p, "0.") == strlen(p);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (zero) /* numeric has no negative zero */
		strbuf_putc(&sb, '0');
	else
		strbuf_append(&sb, s + (*s == '+'), keep - (*s == '+'));
	pgfn_result_sb(ctx, &sb, false);
}

int pgfn_register_numscale(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_scale", 2, fn_scale},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
