/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_random.c: random() and setseed(seed). The generator is PostgreSQL 15's (pg_prng:
 * xoroshiro128** seeded through splitmix64, doubles of 52 bits), so after setseed(x) a
 * session draws the very numbers PostgreSQL draws. Its state belongs to the session, not the
 * SQLite connection (which serves other sessions in turn): both functions go through the
 * session's call_fn (PGFN_CALL_RANDOM, PGFN_CALL_SETSEED), which keeps a seeded state; an
 * unseeded session, or none, draws from SQLite's randomness. */
#include "pgfn_int.h"

#include <math.h>
#include <stdio.h>

static uint64_t rotl(uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }

static uint64_t splitmix64(uint64_t *state)
{
	uint64_t v = (*state += UINT64_C(0x9E3779B97F4A7C15));
	v = (v ^ (v >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	v = (v ^ (v >> 27)) * UINT64_C(0x94D049BB133111EB);
	return v ^ (v >> 31);
}

void pgfn_prng_seed(struct pgfn_prng *p, double seed)
{
	/* about 52 bits of the mantissa, and the sign, make the seed (pg_prng_fseed) */
	uint64_t s = (uint64_t)(int64_t)((double)((UINT64_C(1) << 52) - 1) * seed);
	p->s0 = splitmix64(&s);
	p->s1 = splitmix64(&s);
	if (p->s0 == 0 && p->s1 == 0) { /* the one state xoroshiro cannot leave */
		p->s0 = UINT64_C(0x5851F42D4C957F2D);
		p->s1 = UINT64_C(0x14057B7EF767814F);
	}
}

double pgfn_prng_double(struct pgfn_prng *p)
{
	uint64_t v;
	if (p) { /* xoroshiro128** */
		uint64_t s0 = p->s0, sx = p->s1 ^ s0;
		v = rotl(s0 * 5, 7) * 9;
		p->s0 = rotl(s0, 24) ^ sx ^ (sx << 16);
		p->s1 = rotl(sx, 37);
	} else {
		sqlite3_randomness(sizeof(v), &v);
	}
	return ldexp((double)(v >> 12), -52);
}

/* pgfn_random(): a double in [0, 1). */
static void fn_random(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	const struct pgfn_session *s = c->sess;
	if (s && s->call_fn)
		s->call_fn(s->call_arg, ctx, PGFN_CALL_RANDOM, argc, argv);
	else
		sqlite3_result_double(ctx, pgfn_prng_double(NULL));
}

/* pgfn_setseed(seed): void; 22023 outside [-1, 1], as PostgreSQL's. */
static void fn_setseed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	const struct pgfn_session *s = c->sess;
	if (pgfn_any_null(ctx, argc, argv))
		return;
	double seed = pgfn_float_arg(argv[0]);
	if (isnan(seed) || seed < -1 || seed > 1) {
		char num[32];
		snprintf(num, sizeof(num), isnan(seed) ? "NaN" : "%g", seed);
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "setseed parameter %s is out of allowed range [-1,1]", num);
		return;
	}
	if (!s || !s->call_fn) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "setseed is not supported here (no session)");
		return;
	}
	s->call_fn(s->call_arg, ctx, PGFN_CALL_SETSEED, argc, argv);
}

int pgfn_register_random(sqlite3 *db, struct pgfn_conn *c)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_random", 0, fn_random},
		{"pgfn_setseed", 1, fn_setseed},
	};
	return pgfn_define_with(db, defs, ARRAY_LEN(defs), 0, c);
}
