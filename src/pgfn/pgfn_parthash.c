/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_parthash.c: PostgreSQL's hash partitioning (docs/sql-compat.md, "Partitioned tables").
 * A row is in the hash partition (modulus m, remainder r) when its row hash modulo m is r; the
 * row hash combines (hash_combine64) the extended hash, seeded with HASH_PARTITION_SEED, of
 * each non-NULL key value, computed by the support function 2 of the key type's default hash
 * operator class: hashint4extended, hashint8extended, hashtextextended, uuid_hash_extended,...
 * Each is computed here from the value's stored form (a date's ISO text read back into
 * PostgreSQL's day number, a uuid's text into its 16 bytes), so a row lands where
 * PostgreSQL puts it. */
#include "pgfn_int.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define HASH_PARTITION_SEED UINT64_C(0x7A5B22367996DCFD)

static uint64_t hash_combine64(uint64_t a, uint64_t b)
{
	a ^= b + UINT64_C(0x49a0f4dd15e5a8e3) + (a << 54) + (a >> 7);
	return a;
}

/* hashint8extended: the low half folded with the high half (its complement when negative),
 * so that equal int2, int4 and int8 values hash alike */
static uint64_t hash_int8(int64_t v, uint64_t seed)
{
	uint32_t lo = (uint32_t)v, hi = (uint32_t)((uint64_t)v >> 32);
	lo ^= v >= 0 ? hi : ~hi;
	return pgfn_hash_uint32_ext(lo, seed);
}

/* hashfloat8extended (hashfloat4extended widens to float8 first): zero and minus zero are the
 * seed itself, every NaN the one NaN; the double's bytes in little-endian order, as they lie
 * in memory on the machines PostgreSQL runs on. */
static uint64_t hash_float8(double d, uint64_t seed)
{
	if (d == 0.0)
		return seed;
	if (isnan(d))
		d = NAN;
	uint64_t bits;
	memcpy(&bits, &d, sizeof(bits));
	unsigned char b[8];
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(bits >> (8 * i));
	return pgfn_hash_bytes_ext(b, sizeof(b), seed);
}

static int hexdigit(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* A uuid's stored text (lower-case with hyphens) as its 16 bytes; false when it is none. */
static bool uuid_bytes(const char *s, unsigned char out[16])
{
	int n = 0;
	for (; *s && n < 32; s++) {
		if (*s == '-')
			continue;
		int h = hexdigit(*s);
		if (h < 0)
			return false;
		if (n % 2 == 0)
			out[n / 2] = (unsigned char)(h << 4);
		else
			out[n / 2] |= (unsigned char)h;
		n++;
	}
	return n == 32 && !*s;
}

static bool bad_value(sqlite3_context *ctx, sqlite3_value *v, uint32_t oid)
{
	const struct pgtype_info *ti = pgtype_by_oid(oid);
	const char *t = (const char *)sqlite3_value_text(v);
	pgfn_error(ctx, SQLSTATE_DATATYPE_MISMATCH,
		   "a partition key value stored as \"%s\" is not a value of type %s", t ? t : "",
		   ti ? ti->sql_name : "unknown");
	return false;
}

/* A stored date/time text as PostgreSQL's integer: days (date) or microseconds since 2000-01-01
 * (timestamp, timestamptz in UTC) or since midnight (time). */
static bool dt_value(sqlite3_context *ctx, sqlite3_value *v, uint32_t oid, int64_t *out)
{
	if (sqlite3_value_type(v) != SQLITE_TEXT)
		return bad_value(ctx, v, oid);
	const char *s = (const char *)sqlite3_value_text(v);
	size_t n = (size_t)sqlite3_value_bytes(v);
	struct pgtype_dtenv env = {.tz = pgtype_tz_utc(), .order = PGTYPE_ORDER_YMD};
	struct pgerr err;
	int32_t d = 0;
	bool ok = oid == PGTYPE_DATE        ? pgtype_date_in(s, n, &env, &d, &err)
		  : oid == PGTYPE_TIME      ? pgtype_time_in(s, n, out, &err)
		  : oid == PGTYPE_TIMESTAMP ? pgtype_timestamp_in(s, n, &env, out, &err)
					    : pgtype_timestamptz_in(s, n, &env, out, &err);
	if (!ok)
		return bad_value(ctx, v, oid);
	if (oid == PGTYPE_DATE)
		*out = d;
	return true;
}

/* The extended hash of v (not NULL), stored as a value of type oid, seeded with seed: what
 * PostgreSQL's hash operator class of the type computes. False with the error raised on ctx
 * for a type without one here or a value that is not of the type. */
static bool hash_value(sqlite3_context *ctx, sqlite3_value *v, uint32_t oid, uint64_t seed,
		       uint64_t *out)
{
	int vt = sqlite3_value_type(v);
	int64_t i = 0;
	switch (oid) {
	case PGTYPE_BOOL: /* hashcharextended of the bool's byte */
	case PGTYPE_INT2:
	case PGTYPE_INT4:
	case PGTYPE_INT8:
		if (vt != SQLITE_INTEGER)
			return bad_value(ctx, v, oid);
		i = sqlite3_value_int64(v);
		if (oid == PGTYPE_INT8)
			*out = hash_int8(i, seed);
		else if ((oid == PGTYPE_BOOL && (i < 0 || i > 1)) ||
			 (oid == PGTYPE_INT2 && (i < INT16_MIN || i > INT16_MAX)) ||
			 (oid == PGTYPE_INT4 && (i < INT32_MIN || i > INT32_MAX)))
			return bad_value(ctx, v, oid);
		else
			*out = pgfn_hash_uint32_ext((uint32_t)(int32_t)i, seed);
		return true;
	case PGTYPE_FLOAT4:
	case PGTYPE_FLOAT8: {
		if (vt == SQLITE_BLOB || vt == SQLITE_NULL)
			return bad_value(ctx, v, oid);
		double d = pgfn_float_arg(v);
		*out = hash_float8(oid == PGTYPE_FLOAT4 ? (double)(float)d : d, seed);
		return true;
	}
	case PGTYPE_TEXT:
	case PGTYPE_VARCHAR:
	case PGTYPE_BPCHAR: { /* hashtextextended under a deterministic collation: the bytes */
		size_t n;
		const char *s = pgfn_text(v, &n);
		while (oid == PGTYPE_BPCHAR && n && s[n - 1] == ' ')
			n--; /* hashbpcharextended: without the padding */
		*out = pgfn_hash_bytes_ext((const unsigned char *)s, n, seed);
		return true;
	}
	case PGTYPE_BYTEA: /* hashvarlenaextended: the bytes */
		*out = pgfn_hash_bytes_ext(sqlite3_value_blob(v), (size_t)sqlite3_value_bytes(v),
					   seed);
		return true;
	case PGTYPE_TIME: /* time_hash_extended: hashint8extended of the microseconds */
		if (!dt_value(ctx, v, oid, &i))
			return false;
		*out = hash_int8(i, seed);
		return true;
	case PGTYPE_UUID: {
		unsigned char b[16];
		if (vt != SQLITE_TEXT || !uuid_bytes((const char *)sqlite3_value_text(v), b))
			return bad_value(ctx, v, oid);
		*out = pgfn_hash_bytes_ext(b, sizeof(b), seed);
		return true;
	}
	case PGTYPE_DATE: /* hashint4extended of the day number (infinities INT32_MIN/MAX) */
		if (!dt_value(ctx, v, oid, &i))
			return false;
		*out = pgfn_hash_uint32_ext((uint32_t)(int32_t)i, seed);
		return true;
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ: /* timestamp_hash_extended: hashint8extended */
		if (!dt_value(ctx, v, oid, &i))
			return false;
		*out = hash_int8(i, seed);
		return true;
	default: {
		const struct pgtype_info *ti = pgtype_by_oid(oid);
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "the hash of a value of type %s is not supported",
			   ti ? ti->sql_name : "unknown");
		return false;
	}
	}
}

/* pgfn_hash_extended(v, seed, type oid): hashint4extended(v, seed) and its kin, chosen by the
 * type; NULL for a NULL v. */
static void fn_hash_extended(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	uint64_t h;
	if (hash_value(ctx, argv[0], (uint32_t)sqlite3_value_int64(argv[2]),
		       (uint64_t)sqlite3_value_int64(argv[1]), &h))
		sqlite3_result_int64(ctx, (int64_t)h);
}

/* pgfn_hash_partition(modulus, remainder, type oid, value, ...): whether the row whose key
 * columns hold the values (of those types) is in the hash partition (modulus, remainder), as
 * PostgreSQL's satisfies_hash_partition decides it. NULL values are left out of the row
 * hash, so a row whose key is all NULL has hash 0. */
static void fn_hash_partition(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc < 4 || argc % 2 != 0) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "pgfn_hash_partition: arguments");
		return;
	}
	int64_t modulus = sqlite3_value_int64(argv[0]), remainder = sqlite3_value_int64(argv[1]);
	if (modulus <= 0 || remainder < 0 || remainder >= modulus) {
		pgfn_error(ctx, "42P16", "pgfn_hash_partition: modulus %lld, remainder %lld",
			   (long long)modulus, (long long)remainder);
		return;
	}
	uint64_t row = 0;
	for (int k = 2; k < argc; k += 2) {
		if (sqlite3_value_type(argv[k + 1]) == SQLITE_NULL)
			continue;
		uint64_t h;
		if (!hash_value(ctx, argv[k + 1], (uint32_t)sqlite3_value_int64(argv[k]),
				HASH_PARTITION_SEED, &h))
			return;
		row = hash_combine64(row, h);
	}
	sqlite3_result_int(ctx, row % (uint64_t)modulus == (uint64_t)remainder);
}

int pgfn_register_parthash(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_hash_extended", 3, fn_hash_extended},
		{"pgfn_hash_partition", -1, fn_hash_partition},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
