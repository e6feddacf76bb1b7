/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_hash.c: PostgreSQL's hash of a text value as SQL shows it — hashtext(t) (int4) and
 * hashtextextended(t, seed) (int8), which applications feed to advisory locks
 * (pg_advisory_xact_lock(hashtext('job-42'))), so the same key must give PostgreSQL's number.
 * The hash is Bob Jenkins' 2006 lookup3 in the form PostgreSQL gives it (hash_bytes), with
 * the key's bytes read as little-endian words, as PostgreSQL reads them on the little-endian
 * machines it runs on. */
#include "pgfn_int.h"

#include <stdint.h>

struct jenkins {
	uint32_t a, b, c;
};

static uint32_t rot(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static void mix(struct jenkins *h)
{
	h->a -= h->c, h->a ^= rot(h->c, 4), h->c += h->b;
	h->b -= h->a, h->b ^= rot(h->a, 6), h->a += h->c;
	h->c -= h->b, h->c ^= rot(h->b, 8), h->b += h->a;
	h->a -= h->c, h->a ^= rot(h->c, 16), h->c += h->b;
	h->b -= h->a, h->b ^= rot(h->a, 19), h->a += h->c;
	h->c -= h->b, h->c ^= rot(h->b, 4), h->b += h->a;
}

static void final(struct jenkins *h)
{
	h->c ^= h->b, h->c -= rot(h->b, 14);
	h->a ^= h->c, h->a -= rot(h->c, 11);
	h->b ^= h->a, h->b -= rot(h->a, 25);
	h->c ^= h->b, h->c -= rot(h->b, 16);
	h->a ^= h->c, h->a -= rot(h->c, 4);
	h->b ^= h->a, h->b -= rot(h->a, 14);
	h->c ^= h->b, h->c -= rot(h->b, 24);
}

static uint32_t le32(const unsigned char *k)
{
	return k[0] | (uint32_t)k[1] << 8 | (uint32_t)k[2] << 16 | (uint32_t)k[3] << 24;
}

/* The state after hashing k[0..len) (seeded unless seed is 0, as hash_bytes_extended). */
static struct jenkins hash_bytes(const unsigned char *k, size_t len, uint64_t seed)
{
	struct jenkins h;
	h.a = h.b = h.c = 0x9e3779b9u + (uint32_t)len + 3923095u;
	if (seed) { /* the seed as a 12-byte chunk ahead of the key, its last 4 bytes zero */
		h.a += (uint32_t)(seed >> 32);
		h.b += (uint32_t)seed;
		mix(&h);
	}
	for (; len >= 12; k += 12, len -= 12) {
		h.a += le32(k);
		h.b += le32(k + 4);
		h.c += le32(k + 8);
		mix(&h);
	}
	/* the last 0..11 bytes; the lowest byte of c is left for the length */
	for (size_t i = 0; i < len; i++) {
		uint32_t byte = k[i];
		if (i < 4)
			h.a += byte << (8 * i);
		else if (i < 8)
			h.b += byte << (8 * (i - 4));
		else
			h.c += byte << (8 * (i - 8) + 8);
	}
	final(&h);
	return h;
}

uint64_t pgfn_hash_bytes_ext(const unsigned char *k, size_t len, uint64_t seed)
{
	struct jenkins h = hash_bytes(k, len, seed);
	return (uint64_t)h.b << 32 | h.c;
}

/* hash_bytes_uint32_extended: the same as hashing k's four bytes, without storing them */
uint64_t pgfn_hash_uint32_ext(uint32_t k, uint64_t seed)
{
	struct jenkins h;
	h.a = h.b = h.c = 0x9e3779b9u + 4u + 3923095u;
	if (seed) {
		h.a += (uint32_t)(seed >> 32);
		h.b += (uint32_t)seed;
		mix(&h);
	}
	h.a += k;
	final(&h);
	return (uint64_t)h.b << 32 | h.c;
}

/* hashtext(t) */
static void fn_hashtext(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	size_t len;
	const char *s = pgfn_text(argv[0], &len);
	struct jenkins h = hash_bytes((const unsigned char *)s, len, 0);
	sqlite3_result_int64(ctx, (int32_t)h.c);
}

/* hashtextextended(t, seed) */
static void fn_hashtextextended(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t len;
	const char *s = pgfn_text(argv[0], &len);
	struct jenkins h =
		hash_bytes((const unsigned char *)s, len, (uint64_t)sqlite3_value_int64(argv[1]));
	sqlite3_result_int64(ctx, (int64_t)((uint64_t)h.b << 32 | h.c));
}

int pgfn_register_hash(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_hashtext", 1, fn_hashtext},
		{"pgfn_hashtextextended", 2, fn_hashtextextended},
	};
	int rc = pgfn_define(db, defs, ARRAY_LEN(defs));
	return rc == SQLITE_OK ? pgfn_register_parthash(db) : rc;
}
