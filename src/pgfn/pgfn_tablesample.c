/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tablesample.c: TABLESAMPLE's row test (xlat_tablesample.c writes the calls). The
 * arguments are checked once, before the scan (so an empty table still refuses a bad
 * percentage, as PostgreSQL's begin-scan does); each row is then kept with probability p/100.
 * With REPEATABLE the choice is a hash of the seed and the row's rowid, so the same seed over
 * the same rows keeps the same rows (not the rows PostgreSQL keeps: it hashes block and line
 * numbers); without it, a fresh draw. */
#include "pgfn_int.h"

#include <math.h>
#include <string.h>

/* splitmix64's finaliser: every input bit flips about half the output bits. */
static uint64_t mix64(uint64_t v)
{
	v = (v ^ (v >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	v = (v ^ (v >> 27)) * UINT64_C(0x94D049BB133111EB);
	return v ^ (v >> 31);
}

/* A uniform double in [0, 1) of 53 bits. */
static double unit(uint64_t v) { return ldexp((double)(v >> 11), -53); }

/* The checked arguments, as pgfn_tablesample_args returns them (a blob) to pgfn_tablesample. */
struct spec {
	double p, seed;
	unsigned char seeded;
};

/* pgfn_tablesample_args(p [, seed]): the arguments as a spec, or PostgreSQL's errors for them,
 * in its order (nodeSamplescan.c's tablesample_init, then the method's begin-scan). */
static void fn_args(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		pgfn_error(ctx, "2202H", "TABLESAMPLE parameter cannot be null");
		return;
	}
	if (argc > 1 && sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		pgfn_error(ctx, "2202G", "TABLESAMPLE REPEATABLE parameter cannot be null");
		return;
	}
	struct spec sp;
	memset(&sp, 0, sizeof(sp)); /* the blob's padding too */
	sp.p = pgfn_float_arg(argv[0]);
	sp.seeded = argc > 1;
	if (isnan(sp.p) || sp.p < 0 || sp.p > 100) {
		pgfn_error(ctx, "2202H", "sample percentage must be between 0 and 100");
		return;
	}
	if (sp.seeded) {
		sp.seed = pgfn_float_arg(argv[1]);
		if (sp.seed == 0)
			sp.seed = 0; /* -0 and 0 are one seed, as PostgreSQL's hashfloat8 has it */
		if (isnan(sp.seed))
			sp.seed = NAN;
	}
	sqlite3_result_blob(ctx, &sp, sizeof(sp), SQLITE_TRANSIENT);
}

/* pgfn_tablesample(method, spec, rowid): whether the row is kept. Seeded, the seed's and the
 * rowid's hash, salted by the method so that SYSTEM and BERNOULLI of one seed are different
 * samples; else a fresh draw. */
static void fn_sample(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct spec sp;
	if (sqlite3_value_type(argv[1]) != SQLITE_BLOB ||
	    sqlite3_value_bytes(argv[1]) != (int)sizeof(sp)) {
		pgfn_error(ctx, "XX000", "pgfn_tablesample: bad arguments");
		return;
	}
	memcpy(&sp, sqlite3_value_blob(argv[1]), sizeof(sp));
	uint64_t h;
	if (sp.seeded) {
		uint64_t bits;
		memcpy(&bits, &sp.seed, sizeof(bits));
		uint64_t method = (uint64_t)sqlite3_value_int64(argv[0]);
		uint64_t rowid = (uint64_t)sqlite3_value_int64(argv[2]);
		h = mix64(bits + UINT64_C(0x9E3779B97F4A7C15) * (method + 1));
		h = mix64(h ^ (rowid * UINT64_C(0xD6E8FEB86659FD93)));
	} else {
		sqlite3_randomness(sizeof(h), &h);
	}
	sqlite3_result_int(ctx, unit(h) * 100.0 < sp.p);
}

int pgfn_register_tablesample(sqlite3 *db)
{
	static const struct pgfn_def checks[] = {
		{"pgfn_tablesample_args", 1, fn_args},
		{"pgfn_tablesample_args", 2, fn_args},
	};
	static const struct pgfn_def draws[] = {
		{"pgfn_tablesample", 3, fn_sample},
	};
	int rc = pgfn_define(db, checks, ARRAY_LEN(checks));
	/* innocuous (no side effects; usable in a view) but not deterministic: a fresh draw */
	return rc != SQLITE_OK
		       ? rc
		       : pgfn_define_with(db, draws, ARRAY_LEN(draws), SQLITE_INNOCUOUS, NULL);
}
