/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_cast.c: checked conversions into a column's declared type, as PostgreSQL applies them
 * when a value is stored (assignment casts) or computed (integer arithmetic): range checks
 * (22003), input syntax (22P02) and length limits (22001); uuid and bytea text read by their
 * input functions. The translator wraps a value in one of these only where the type is known;
 * each returns the value converted to the storage class SQLite keeps for that type, or NULL
 * for NULL. Also the 21000 checks of MERGE and INSERT ... ON CONFLICT DO UPDATE (a row changed
 * twice by one statement). */
#include "pgfn.h"
#include "pgfn_int.h"
#include "pgtype.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PGFN_NAME_MAX 63 /* NAMEDATALEN - 1: the bytes of a name value */

struct int_kind {
	const char *name; /* as PostgreSQL's messages say it */
	int64_t min, max;
};

static const struct int_kind int2 = {"smallint", -32768, 32767};
static const struct int_kind int4 = {"integer", INT32_MIN, INT32_MAX};
static const struct int_kind int8 = {"bigint", INT64_MIN, INT64_MAX};

/* int2in/int4in/int8in: blanks around an optionally signed run of digits. */
static void int_from_text(sqlite3_context *ctx, const struct int_kind *k, const char *s)
{
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	const char *start = p;
	p += *p == '+' || *p == '-';
	const char *digits = p;
	while (isdigit((unsigned char)*p))
		p++;
	const char *end = p;
	while (isspace((unsigned char)*p))
		p++;
	if (end == digits || *p) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "invalid input syntax for type %s: \"%s\"", k->name, s);
		return;
	}
	errno = 0;
	long long v = strtoll(start, NULL, 10);
	if (errno == ERANGE || v < k->min || v > k->max) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "value \"%s\" is out of range for type %s", s, k->name);
		return;
	}
	sqlite3_result_int64(ctx, v);
}

/* What a checked integer's argument is besides a stored value or a cast's operand. */
enum int_from {
	INT_FROM_VALUE,   /* anything: text is parsed as int2in/int4in/int8in read it */
	INT_FROM_FLOAT,   /* a float cast (pgfn_rint's result): NaN is out of range, not a syntax */
	INT_FROM_NUMERIC, /* a numeric cast: NaN has no integer (numeric_int4's 0A000) */
	INT_FROM_ARITH,   /* SQLite's integer + - * /: a REAL is an int64 overflow */
};

static void int_check(sqlite3_context *ctx, sqlite3_value *v, const struct int_kind *k,
		      enum int_from from)
{
	if (from == INT_FROM_NUMERIC && pgfn_num_inf(v)) { /* numeric_int4's 0A000 */
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "cannot convert infinity to %s",
			   k->name);
		return;
	}
	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		sqlite3_result_null(ctx);
		return;
	case SQLITE_INTEGER: {
		int64_t i = sqlite3_value_int64(v);
		if (i < k->min || i > k->max)
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
				   k->name);
		else
			sqlite3_result_int64(ctx, i);
		return;
	}
	case SQLITE_FLOAT: {
		/* numeric → integer rounds half away from zero (SQLite's integer arithmetic
		 * that overflowed int64 arrives here as a REAL, too) */
		double d = round(sqlite3_value_double(v));
		/* -2^63 - 100 overflows into the REAL -2^63, which a cast would take */
		if (isnan(d) || d < (double)k->min || d >= -(double)k->min ||
		    (from == INT_FROM_ARITH && d == (double)k->min && k->min == INT64_MIN))
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
				   k->name);
		else
			sqlite3_result_int64(ctx, (int64_t)d);
		return;
	}
	default:
		/* a float's or numeric's NaN is kept as text */
		if (from == INT_FROM_FLOAT &&
		    strcmp((const char *)sqlite3_value_text(v), "NaN") == 0)
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
				   k->name);
		else if (from == INT_FROM_NUMERIC &&
			 strcmp((const char *)sqlite3_value_text(v), "NaN") == 0)
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "cannot convert NaN to %s",
				   k->name);
		else
			int_from_text(ctx, k, (const char *)sqlite3_value_text(v));
		return;
	}
}

/* shardlite_int2/4/8(x) check a value, shardlite_int2/4/8(x, 'f') a float cast's rounded
 * value, (x, 'n') a numeric cast's, shardlite_int8op(x) the result of SQLite's integer
 * arithmetic. */
static void int_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv, const struct int_kind *k)
{
	const unsigned char *how = argc > 1 ? sqlite3_value_text(argv[1]) : NULL;
	int_check(ctx, argv[0], k,
		  !how            ? INT_FROM_VALUE
		  : how[0] == 'n' ? INT_FROM_NUMERIC
				  : INT_FROM_FLOAT);
}

static void fn_int2(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int_fn(ctx, argc, argv, &int2);
}

static void fn_int4(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int_fn(ctx, argc, argv, &int4);
}

static void fn_int8(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int_fn(ctx, argc, argv, &int8);
}

static void fn_int8op(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int_check(ctx, argv[0], &int8, INT_FROM_ARITH);
}

/* numeric_in: blanks around a decimal number, or NaN/Infinity. */
static bool numeric_from_text(const char *s, double *out)
{
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	if (!*p || isspace((unsigned char)*p) || strncasecmp(p, "0x", 2) == 0)
		return false;
	char *end = NULL;
	*out = strtod(p, &end);
	if (end == p)
		return false;
	while (isspace((unsigned char)*end))
		end++;
	return *end == '\0';
}

/* d rounded to scale decimal places, half away from zero, in decimal: d is taken as the
 * shortest decimal that reads back as it (what was written: 2.675, not 2.67499999...). */
static double round_decimal(double d, int scale)
{
	char buf[64];
	for (int prec = 14; prec <= 16; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	bool neg = buf[0] == '-';
	char digits[32];
	int nd = 0;
	const char *p = buf + neg;
	for (; *p && *p != 'e' && nd < 30; p++) {
		if (isdigit((unsigned char)*p))
			digits[nd++] = *p;
	}
	int exp10 = *p == 'e' ? atoi(p + 1) : 0; /* d = d1.d2d3... * 10^exp10 */
	int keep = exp10 + 1 + scale;            /* significant digits left of the cut */
	if (keep >= nd)
		return d;
	if (keep < 0)
		return 0.0;
	long long v = 0;
	for (int i = 0; i < keep; i++)
		v = v * 10 + (digits[i] - '0');
	v += digits[keep] >= '5';
	snprintf(buf, sizeof(buf), "%s%llde%d", neg ? "-" : "", v, exp10 + 1 - keep);
	return strtod(buf, NULL);
}

/* shardlite_numeric(x, typmod): x rounded to numeric(p,s)'s scale, 22003 when its integer
 * part needs more than p - s digits. */
void pgfn_cast_numeric(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value *v = argv[0];
	int typmod = sqlite3_value_int(argv[1]) - 4;
	int prec = (typmod >> 16) & 0xffff, scale = ((typmod & 0x7ff) ^ 1024) - 1024;
	double d;
	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		sqlite3_result_null(ctx);
		return;
	case SQLITE_INTEGER:
	case SQLITE_FLOAT:
		d = sqlite3_value_double(v);
		break;
	default:
		if (!numeric_from_text((const char *)sqlite3_value_text(v), &d)) {
			pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				   "invalid input syntax for type numeric: \"%s\"",
				   (const char *)sqlite3_value_text(v));
			return;
		}
		break;
	}
	if (isnan(d)) { /* stored as the text 'NaN' (SQLite turns a NaN double into NULL) */
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
		return;
	}
	if (isinf(d)) { /* PostgreSQL 14's numeric infinities fit no typmod */
		char detail[128];
		snprintf(detail, sizeof(detail),
			 "A field with precision %d, scale %d cannot hold an infinite value.", prec,
			 scale);
		pgfn_error_detail(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, detail,
				  "numeric field overflow");
		return;
	}
	double r = round_decimal(d, scale); /* in decimal, as numeric does */
	if (isinf(r) || fabs(r) >= pow(10, prec - scale)) {
		/* numeric.c's apply_typmod: 10^0 shown as 1 */
		char detail[160];
		int digits = prec - scale;
		snprintf(detail, sizeof(detail),
			 "A field with precision %d, scale %d must round to an absolute value less "
			 "than %s%d.",
			 prec, scale, digits ? "10^" : "", digits ? digits : 1);
		pgfn_error_detail(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, detail,
				  "numeric field overflow");
		return;
	}
	if (sqlite3_value_type(v) == SQLITE_INTEGER && scale >= 0)
		sqlite3_result_int64(ctx, sqlite3_value_int64(v));
	else
		sqlite3_result_double(ctx, r);
}

/* shardlite_num_in(x, kind): x::numeric ('n'), ::double precision ('d') or ::real ('r') of a
 * value known only when the statement runs: a number stays as it is; text is read as the
 * input function reads it (22P02 for 'abc', '', '12abc'); a numeric's integer digits as an
 * integer, else a REAL; NaN as the text 'NaN' (SQLite turns a NaN double into NULL). */
static void fn_num_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value *v = argv[0];
	const char *kind = (const char *)sqlite3_value_text(argv[1]);
	int type = sqlite3_value_type(v);
	bool flt = kind && (*kind == 'r' || *kind == 'd');
	if (type == SQLITE_INTEGER && flt) { /* a float is a REAL: 5 / 2 must not divide ints */
		sqlite3_result_double(ctx, sqlite3_value_double(v));
		return;
	}
	if (type == SQLITE_NULL || type == SQLITE_INTEGER || type == SQLITE_FLOAT) {
		sqlite3_result_value(ctx, v);
		return;
	}
	const char *t = (const char *)sqlite3_value_text(v);
	if (t && flt) { /* float4in/float8in's own checks */
		struct pgtype_value out;
		struct pgerr err;
		pgerr_clear(&err);
		if (!pgtype_decode_text(*kind == 'r' ? PGTYPE_FLOAT4 : PGTYPE_FLOAT8, t,
					(size_t)sqlite3_value_bytes(v), NULL, &out, &err))
			pgfn_error(ctx, err.sqlstate, "%s", err.message);
		else if (out.kind == PGTYPE_V_TEXT)
			sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
		else
			sqlite3_result_double(ctx, out.f);
		return;
	}
	double d;
	if (!t || !numeric_from_text(t, &d)) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "invalid input syntax for type %s: \"%s\"",
			   kind && *kind == 'n'   ? "numeric"
			   : kind && *kind == 'r' ? "real"
						  : "double precision",
			   t ? t : "");
		return;
	}
	if (isnan(d)) {
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
		return;
	}
	const char *p = t + strspn(t, " \t\n\r\f\v");
	char *end = NULL;
	errno = 0;
	bool numeric = kind && *kind == 'n';
	long long i = numeric && *p && strchr("+-0123456789", *p) && !strpbrk(p, ".eEnNiI")
			      ? strtoll(p, &end, 10)
			      : 0;
	if (end && end != p && errno == 0)
		sqlite3_result_int64(ctx, i);
	else
		sqlite3_result_double(ctx, d);
}

/* pgfn_f4(x): a real (float4) value widened to double precision, as float4_float8 does: the
 * float's binary value (1.1 is 1.100000023841858), where SQLite keeps the real as a double. */
static void fn_f4(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER ||
	    sqlite3_value_type(argv[0]) == SQLITE_FLOAT) {
		double d = sqlite3_value_double(argv[0]);
		sqlite3_result_double(ctx, isfinite(d) ? (double)(float)d : d);
		return;
	}
	sqlite3_result_value(ctx, argv[0]); /* NULL, the text 'NaN' */
}

/* pgfn_f8_f4(x): a double precision value as a real, as float8_float4 does (the value the
 * real holds: 1004.3 becomes 1004.2999877929688, as a real literal is stored); 22003 when the
 * float overflows to an infinity or underflows to zero from a finite non-zero value. */
static void fn_f8_f4(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER &&
	    sqlite3_value_type(argv[0]) != SQLITE_FLOAT) {
		sqlite3_result_value(ctx, argv[0]); /* NULL, the text 'NaN' */
		return;
	}
	double d = sqlite3_value_double(argv[0]);
	float f = (float)d;
	if (isinf(f) && !isinf(d))
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "value out of range: overflow");
	else if (f == 0 && d != 0)
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "value out of range: underflow");
	else
		sqlite3_result_double(ctx, isinf(d) ? d : (double)f); /* the real's own value */
}

/* pgfn_float_num(x, digits): a float as numeric, as float4_numeric and float8_numeric do: the
 * value printed to FLT_DIG (6) or DBL_DIG (15) significant digits and read back (99.097::real
 * is 99.097, not the real's binary 99.09700012207031; 0.1 + 0.2 is 0.3). Integers, NULL, the
 * text 'NaN' and the infinities pass as they are; a whole number becomes an integer, as
 * CAST(x AS NUMERIC) makes it. */
static void fn_float_num(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_FLOAT) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	double d = sqlite3_value_double(argv[0]);
	int digits = sqlite3_value_int(argv[1]);
	if (!isfinite(d) || digits < 1 || digits > 17) {
		sqlite3_result_double(ctx, d);
		return;
	}
	char buf[64];
	snprintf(buf, sizeof(buf), "%.*g", digits, d);
	d = strtod(buf, NULL);
	if (d == floor(d) && fabs(d) < 9e15) /* as CAST(... AS NUMERIC) keeps a whole number */
		sqlite3_result_int64(ctx, (sqlite3_int64)d);
	else
		sqlite3_result_double(ctx, d);
}

/* varchar(n)/char(n): longer values fail unless the excess is blanks, which are cut off. */
static void text_check(sqlite3_context *ctx, sqlite3_value **argv, const char *type)
{
	sqlite3_value *v = argv[0];
	int max = sqlite3_value_int(argv[1]);
	if (sqlite3_value_type(v) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *s = sqlite3_value_text(v);
	int nbytes = sqlite3_value_bytes(v);
	int chars = 0, cut = -1;
	for (int i = 0; i < nbytes; i++) {
		if ((s[i] & 0xC0) == 0x80)
			continue;
		if (chars++ == max)
			cut = i;
	}
	if (cut < 0) {
		sqlite3_result_value(ctx, v);
		return;
	}
	for (int i = cut; i < nbytes; i++) {
		if (s[i] != ' ') {
			pgfn_error(ctx, SQLSTATE_STRING_DATA_RIGHT_TRUNCATION,
				   "value too long for type %s(%d)", type, max);
			return;
		}
	}
	sqlite3_result_text(ctx, (const char *)s, cut, SQLITE_TRANSIENT);
}

static void fn_varchar(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	text_check(ctx, argv, "character varying");
}

/* char(n) is stored without its trailing blanks, which PostgreSQL ignores everywhere but in
 * octet_length and LIKE (pgfn_bpchar_pad gives them back there) and in output, which pads:
 * so SQLite's own comparisons, indexes and length() agree with PostgreSQL's. */
static void fn_bpchar(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value *v = argv[0];
	if (sqlite3_value_type(v) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *s = sqlite3_value_text(v);
	int max = sqlite3_value_int(argv[1]), n = sqlite3_value_bytes(v), chars = 0;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (int i = 0; i < n; i++)
		chars += (s[i] & 0xC0) != 0x80;
	if (chars > max)
		pgfn_error(ctx, SQLSTATE_STRING_DATA_RIGHT_TRUNCATION,
			   "value too long for type character(%d)", max);
	else
		sqlite3_result_text(ctx, (const char *)s, n, SQLITE_TRANSIENT);
}

/* pgfn_bpchar_pad(x, n): a stored char(n) value with the blanks PostgreSQL keeps, padded to n
 * characters (octet_length and LIKE see them). */
static void fn_bpchar_pad(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *s = sqlite3_value_text(argv[0]);
	int n = sqlite3_value_bytes(argv[0]), want = sqlite3_value_int(argv[1]), chars = 0;
	for (int i = 0; i < n; i++)
		chars += (s[i] & 0xC0) != 0x80;
	if (!s || chars >= want || want > 10485760) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	char *out = sqlite3_malloc(n + (want - chars) + 1);
	if (!out) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	memcpy(out, s, (size_t)n);
	memset(out + n, ' ', (size_t)(want - chars));
	sqlite3_result_text(ctx, out, n + (want - chars), sqlite3_free);
}

/* shardlite_notnull(x, column, relation): a serial key is SQLite's rowid alias, which numbers
 * a NULL instead of refusing it; PostgreSQL's key is NOT NULL and refuses it (23502). */
static void fn_notnull(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_NULL) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	pgfn_error(ctx, SQLSTATE_NOT_NULL_VIOLATION,
		   "null value in column \"%s\" of relation \"%s\" violates not-null constraint",
		   (const char *)sqlite3_value_text(argv[1]),
		   (const char *)sqlite3_value_text(argv[2]));
}

/* shardlite_substr_len(n): substring's length argument, which may not be negative (22011). */
static void fn_substr_len(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_double(argv[0]) >= 0) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	pgfn_error(ctx, "22011", "negative substring length not allowed");
}

/* shardlite_merge_once(n): n source rows would update or delete one target row of a MERGE;
 * PostgreSQL refuses the second change (21000). NULL when n is at most 1. */
static void fn_merge_once(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_int64(argv[0]) <= 1) {
		sqlite3_result_null(ctx);
		return;
	}
	pgfn_error(ctx, "21000", "MERGE command cannot affect row a second time");
}

/* The arbiter keys one run of an INSERT ... ON CONFLICT DO UPDATE proposed so far: the
 * auxiliary data of shardlite_upsert_key's constant first argument, which SQLite drops when the
 * statement is reset. An open-addressing set of the keys' bytes. */
struct upsert_keys {
	char **slot;
	size_t *len;
	size_t cap, n;
};

static void upsert_keys_free(void *p)
{
	struct upsert_keys *k = p;
	for (size_t i = 0; i < k->cap; i++)
		free(k->slot[i]);
	free(k->slot);
	free(k->len);
	free(k);
}

static size_t key_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return (size_t)h;
}

/* Adds the key; false when it was there already. */
static bool upsert_keys_add(struct upsert_keys *k, const char *s, size_t n)
{
	if (2 * (k->n + 1) > k->cap) {
		struct upsert_keys grown = {.cap = k->cap ? 2 * k->cap : 64};
		grown.slot = base_xcalloc(grown.cap, sizeof(*grown.slot));
		grown.len = base_xcalloc(grown.cap, sizeof(*grown.len));
		for (size_t i = 0; i < k->cap; i++) {
			if (!k->slot[i])
				continue;
			size_t at = key_hash(k->slot[i], k->len[i]) & (grown.cap - 1);
			while (grown.slot[at])
				at = (at + 1) & (grown.cap - 1);
			grown.slot[at] = k->slot[i];
			grown.len[at] = k->len[i];
		}
		free(k->slot);
		free(k->len);
		k->slot = grown.slot;
		k->len = grown.len;
		k->cap = grown.cap;
	}
	size_t at = key_hash(s, n) & (k->cap - 1);
	for (; k->slot[at]; at = (at + 1) & (k->cap - 1))
		if (k->len[at] == n && memcmp(k->slot[at], s, n) == 0)
			return false;
	k->slot[at] = base_xmalloc(n + 1);
	memcpy(k->slot[at], s, n);
	k->len[at] = n;
	k->n++;
	return true;
}

/* shardlite_upsert_key(table, k1, ...): true; a proposed row of an INSERT ... ON CONFLICT DO
 * UPDATE whose arbiter key (no NULL in it) an earlier row of the same run proposed would
 * update the row that one inserted or updated: PostgreSQL's 21000 (a key with a NULL never
 * conflicts). Numbers of equal value are one key, as the unique index compares them. */
static void fn_upsert_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_int(ctx, 1);
	struct strbuf key;
	strbuf_init(&key, 0);
	for (int i = 1; i < argc; i++) {
		int type = sqlite3_value_type(argv[i]);
		double d = type == SQLITE_FLOAT ? sqlite3_value_double(argv[i]) : 0;
		if (type == SQLITE_NULL)
			goto out;
		if (type == SQLITE_INTEGER ||
		    (type == SQLITE_FLOAT && d == floor(d) && fabs(d) < 9.2e18)) {
			strbuf_printf(&key, "i%lld",
				      (long long)(type == SQLITE_INTEGER
							  ? sqlite3_value_int64(argv[i])
							  : (sqlite3_int64)d));
		} else if (type == SQLITE_FLOAT) {
			strbuf_printf(&key, "r%.17g", d);
		} else {
			strbuf_printf(&key, "%c%d:", type == SQLITE_BLOB ? 'b' : 't',
				      sqlite3_value_bytes(argv[i]));
			strbuf_append(&key,
				      type == SQLITE_BLOB
					      ? sqlite3_value_blob(argv[i])
					      : (const void *)sqlite3_value_text(argv[i]),
				      (size_t)sqlite3_value_bytes(argv[i]));
		}
		strbuf_putc(&key, '\0');
	}
	struct upsert_keys *k = sqlite3_get_auxdata(ctx, 0);
	if (!k) {
		k = base_xcalloc(1, sizeof(*k));
		sqlite3_set_auxdata(ctx, 0, k, upsert_keys_free);
		k = sqlite3_get_auxdata(ctx, 0); /* NULL when SQLite could not keep it */
	}
	if (k && !key.failed && !upsert_keys_add(k, key.data, key.len))
		pgfn_error(ctx, "21000",
			   "ON CONFLICT DO UPDATE command cannot affect row a second "
			   "time");
out:
	strbuf_fini(&key);
}

/* shardlite_scalar(v), an aggregate: the value of a scalar subquery's only row, NULL for
 * none; a second row is PostgreSQL's 21000 (SQLite's subquery would answer its first). */
static void scalar_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value **kept = sqlite3_aggregate_context(ctx, sizeof(*kept));
	if (!kept)
		return;
	if (*kept) {
		pgfn_error(ctx, "21000",
			   "more than one row returned by a subquery used as an "
			   "expression");
		return;
	}
	*kept = sqlite3_value_dup(argv[0]);
	if (!*kept)
		sqlite3_result_error_nomem(ctx);
}

static void scalar_final(sqlite3_context *ctx)
{
	sqlite3_value **kept = sqlite3_aggregate_context(ctx, 0);
	if (!kept || !*kept) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_value(ctx, *kept);
	sqlite3_value_free(*kept);
}

/* A text value read by the input function of type oid into its stored form (uuid: canonical
 * text; bytea: the bytes); a value of another storage class is kept (a blob into a bytea is
 * already bytes). */
static void input_check(sqlite3_context *ctx, sqlite3_value *v, uint32_t oid)
{
	if (sqlite3_value_type(v) != SQLITE_TEXT) {
		sqlite3_result_value(ctx, v);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(v);
	struct arena *a = arena_new(0);
	struct pgtype_value out;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_decode_text(oid, s, (size_t)sqlite3_value_bytes(v), a, &out, &err))
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
	else if (out.kind == PGTYPE_V_BLOB)
		sqlite3_result_blob64(ctx, out.p, out.n, SQLITE_TRANSIENT);
	else
		sqlite3_result_text64(ctx, out.p, out.n, SQLITE_TRANSIENT, SQLITE_UTF8);
	arena_free(a);
}

static void fn_uuid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	input_check(ctx, argv[0], PGTYPE_UUID);
}

static void fn_bytea(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	input_check(ctx, argv[0], PGTYPE_BYTEA);
}

/* shardlite_inet/cidr/macaddr/macaddr8(x): text read by the type's input function into its
 * canonical text (the stored form). */
static void fn_net_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	input_check(ctx, argv[0], (uint32_t)(uintptr_t)sqlite3_user_data(ctx));
}

/* pgfn_inet_text(addr): text(inet), which shows the netmask even of a host address
 * (pg_stat_activity.client_addr::text is 127.0.0.1/32, as pg_activity shows it). */
/* pgfn_name(x): a value of type name, as namein and text_name make it: cut to 63 bytes
 * (NAMEDATALEN - 1), never inside a UTF-8 character (pg_mbcliplen). */
static void fn_name(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	int n = sqlite3_value_bytes(argv[0]);
	if (n > PGFN_NAME_MAX) {
		n = PGFN_NAME_MAX;
		while (n > 0 && (s[n] & 0xC0) == 0x80) /* s[n] continues the character at n-1 */
			n--;
	}
	sqlite3_result_text(ctx, (const char *)s, n, SQLITE_TRANSIENT);
}

static void fn_inet_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	char *t = strchr(s, '/') ? sqlite3_mprintf("%s", s)
				 : sqlite3_mprintf("%s/%d", s, strchr(s, ':') ? 128 : 32);
	if (t)
		sqlite3_result_text(ctx, t, -1, sqlite3_free);
	else
		sqlite3_result_error_nomem(ctx);
}

/* shardlite_bool(x): x::boolean of a value known only when the statement runs — a number is
 * x <> 0 (integer::boolean, and a boolean stored as 0/1), text is read by boolin ('false',
 * ' yes ', 'of' ...; 22P02 otherwise). */
static void fn_bool(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int type = sqlite3_value_type(argv[0]);
	if (type == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (type == SQLITE_INTEGER || type == SQLITE_FLOAT) {
		sqlite3_result_int(ctx, sqlite3_value_double(argv[0]) != 0);
		return;
	}
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	if (!t || !pgtype_decode_text(PGTYPE_BOOL, t, n, NULL, &v, &err)) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "invalid input syntax for type boolean: \"%s\"", t ? t : "");
		return;
	}
	sqlite3_result_int(ctx, v.i != 0);
}

/* pgfn_char(x): text_char, x's text read as charin reads it into the stored form of a
 * "char" (charout's text: 'ab' is a, 'é' is \303). */
static void fn_char(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	char out[5];
	size_t n = pgtype_char_out(pgtype_char_in(s ? s : "", (size_t)sqlite3_value_bytes(argv[0])),
				   out);
	sqlite3_result_text(ctx, out, (int)n, SQLITE_TRANSIENT);
}

/* pgfn_i4tochar(i): i4tochar, the byte of a signed value -128 .. 127. */
static void fn_i4tochar(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_int64 i = sqlite3_value_int64(argv[0]);
	if (i < -128 || i > 127) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "\"char\" out of range");
		return;
	}
	char out[5];
	size_t n = pgtype_char_out((uint8_t)(int8_t)i, out);
	sqlite3_result_text(ctx, out, (int)n, SQLITE_TRANSIENT);
}

/* pgfn_chartoi4(c): chartoi4, the byte of a "char" as a signed value ('\377' is -1). */
static void fn_chartoi4(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	uint8_t b = pgtype_char_in(s ? s : "", (size_t)sqlite3_value_bytes(argv[0]));
	sqlite3_result_int(ctx, (int8_t)b);
}

/* The collation pgfn_char: "char" values (charout's text) in charlt's order, their bytes as
 * unsigned (\303 after z); a text no "char" has (a foreign writer's) after an equal byte. */
static int collate_char(void *arg, int na, const void *a, int nb, const void *b)
{
	(void)arg;
	int x = pgtype_char_in(a, (size_t)na), y = pgtype_char_in(b, (size_t)nb);
	if (x != y)
		return x - y;
	int r = memcmp(a, b, (size_t)(na < nb ? na : nb));
	return r ? r : na - nb;
}

int pgfn_register_cast(sqlite3 *db)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"shardlite_int2", 1, fn_int2},
		{"shardlite_int4", 1, fn_int4},
		{"shardlite_int8", 1, fn_int8},
		{"shardlite_int2", 2, fn_int2},
		{"shardlite_int4", 2, fn_int4},
		{"shardlite_int8", 2, fn_int8},
		{"shardlite_int8op", 1, fn_int8op},
		{"shardlite_numeric", 2, pgfn_cast_numeric},
		{"shardlite_varchar", 2, fn_varchar},
		{"shardlite_bpchar", 2, fn_bpchar},
		{"pgfn_bpchar_pad", 2, fn_bpchar_pad},
		{"pgfn_inet_text", 1, fn_inet_text},
		{"pgfn_name", 1, fn_name},
		{"pgfn_char", 1, fn_char},
		{"pgfn_i4tochar", 1, fn_i4tochar},
		{"pgfn_chartoi4", 1, fn_chartoi4},
		{"shardlite_notnull", 3, fn_notnull},
		{"shardlite_merge_once", 1, fn_merge_once},
		{"shardlite_substr_len", 1, fn_substr_len},
		{"shardlite_uuid", 1, fn_uuid},
		{"shardlite_bytea", 1, fn_bytea},
		{"shardlite_bool", 1, fn_bool},
		{"shardlite_num_in", 2, fn_num_in},
		{"pgfn_f4", 1, fn_f4},
		{"pgfn_f8_f4", 1, fn_f8_f4},
		{"pgfn_float_num", 2, fn_float_num},
	};
	for (size_t i = 0; i < ARRAY_LEN(fns); i++) {
		int rc = sqlite3_create_function(db, fns[i].name, fns[i].nargs,
						 SQLITE_UTF8 | SQLITE_DETERMINISTIC |
							 SQLITE_INNOCUOUS,
						 NULL, fns[i].fn, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	int rc = sqlite3_create_collation(db, "pgfn_char", SQLITE_UTF8, NULL, collate_char);
	if (rc != SQLITE_OK)
		return rc;
	/* not deterministic: it counts rows, a call of constant arguments too */
	rc = sqlite3_create_function(db, "shardlite_upsert_key", -1, SQLITE_UTF8 | SQLITE_INNOCUOUS,
				     NULL, fn_upsert_key, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	static const struct {
		const char *name;
		uint32_t oid;
	} net[] = {{"shardlite_inet", PGTYPE_INET},         {"shardlite_cidr", PGTYPE_CIDR},
		   {"shardlite_macaddr", PGTYPE_MACADDR},   {"shardlite_macaddr8", PGTYPE_MACADDR8},
		   {"shardlite_tsvector", PGTYPE_TSVECTOR}, {"shardlite_tsquery", PGTYPE_TSQUERY}};
	for (size_t i = 0; i < ARRAY_LEN(net); i++) {
		rc = sqlite3_create_function(db, net[i].name, 1,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					     (void *)(uintptr_t)net[i].oid, fn_net_in, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return sqlite3_create_function(db, "shardlite_scalar", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS,
				       NULL, NULL, scalar_step, scalar_final);
}
