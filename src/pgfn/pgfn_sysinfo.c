/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_sysinfo.c: pg_size_bytes(text) — a size with an optional unit (bytes, kB, MB, GB, TB,
 * PB; powers of 1024, any case) as a bigint, computed exactly and rounded half away from zero
 * as PostgreSQL's numeric-to-bigint conversion rounds. */
#include "pgfn_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The largest decimal exponent a PostgreSQL numeric holds (its weight limit, 0x7FFF base-10000
 * digits): a size beyond it overflows numeric before it could overflow bigint. */
#define NUMERIC_EXP_MAX 131071
#define NUMERIC_DSCALE_MAX 16383 /* the most fraction digits one holds */

/* The number at *p as mantissa * 10^exp; false when it has no digits (or too many to hold). */
static bool number(const char **p, pgfn_wide *mant, int *exp)
{
	const char *s = *p;
	bool neg = *s == '-', digits = false;
	s += *s == '-' || *s == '+';
	*mant = 0;
	*exp = 0;
	for (bool frac = false;; s++) {
		if (*s == '.' && !frac) {
			frac = true;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			break;
		digits = true;
		if (*mant > ((pgfn_wide)1 << 120) / 10)
			return false;
		*mant = *mant * 10 + (*s - '0');
		*exp -= frac;
	}
	if (digits && (*s == 'e' || *s == 'E')) { /* an exponent only when digits follow */
		char *end;
		long e = strtol(s + 1, &end, 10);
		if (end > s + 1) { /* clamped: beyond +-NUMERIC_EXP_MAX the caller's checks decide */
			*exp += (int)(e > NUMERIC_EXP_MAX ? NUMERIC_EXP_MAX + 1
					: e < -NUMERIC_EXP_MAX ? -NUMERIC_EXP_MAX - 1 : e);
			s = end;
		}
	}
	*mant = neg ? -*mant : *mant;
	*p = s;
	return digits;
}

static void fn_size_bytes(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char *const units[] = {"bytes", "kB", "MB", "GB", "TB", "PB"};
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n;
	const char *text = pgfn_text(argv[0], &n), *p = text;
	while (isspace((unsigned char)*p))
		p++;
	pgfn_wide v;
	int exp;
	if (!number(&p, &v, &exp)) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid size: \"%s\"", text);
		return;
	}
	while (isspace((unsigned char)*p))
		p++;
	size_t ulen = strlen(p);
	while (ulen && isspace((unsigned char)p[ulen - 1]))
		ulen--;
	int shift = -1;
	for (size_t i = 0; ulen && i < ARRAY_LEN(units); i++)
		shift = strlen(units[i]) == ulen && strncasecmp(units[i], p, ulen) == 0
				? (int)i * 10
				: shift;
	if (ulen && shift < 0) {
		char *detail = sqlite3_mprintf("Invalid size unit: \"%.*s\".", (int)ulen, p);
		pgfn_error_detail(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, detail ? detail : "",
				  "invalid size: \"%s\"", text);
		sqlite3_free(detail);
		return;
	}
	int top = exp; /* the exponent of the leading digit */
	for (pgfn_wide m = v < 0 ? -v : v; m >= 10; m /= 10)
		top++;
	if (exp < -NUMERIC_DSCALE_MAX || (v != 0 && top > NUMERIC_EXP_MAX)) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
		return;
	}
	bool overflow = __builtin_mul_overflow(v, (pgfn_wide)1 << (shift < 0 ? 0 : shift), &v);
	for (; !overflow && exp > 0; exp--)
		overflow = __builtin_mul_overflow(v, (pgfn_wide)10, &v);
	pgfn_wide div = 1;
	for (; exp < 0 && div < ((pgfn_wide)1 << 124) / 10; exp++)
		div *= 10;
	if (exp < 0) /* more fraction digits than any bigint: rounds to 0 */
		v = 0;
	pgfn_wide q = v / div, r = v % div;
	if (2 * (r < 0 ? -r : r) >= div)
		q += v < 0 ? -1 : 1;
	if (overflow || q > INT64_MAX || q < INT64_MIN) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
		return;
	}
	sqlite3_result_int64(ctx, (sqlite3_int64)q);
}

int pgfn_register_sysinfo(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {{"pgfn_size_bytes", 1, fn_size_bytes}};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
