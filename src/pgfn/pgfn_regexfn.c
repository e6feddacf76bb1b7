/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_regexfn.c: PostgreSQL 15's regexp_count, regexp_instr and regexp_substr, and
 * regexp_matches' rows (the text[] of each match): pgfn_regexp_matches_array(s, re[, flags])
 * for a select list's unnest, and the table-valued pgfn_regexp_matches(s, re, flags) for FROM.
 * Patterns are pgfn_regex.c's; positions count characters from 1; successive matches step as
 * PostgreSQL's setup_regexp_matches does (after an empty match, one character on). */
#include "pgfn_int.h"

#include <stdio.h>
#include <string.h>

/* The next match of re in s[0..len) at or after byte *at, its groups' offsets made absolute;
 * *at moves past it. */
static bool next_match(const regex_t *re, const char *s, size_t len, size_t *at, regmatch_t *m)
{
	if (*at > len || regexec(re, s + *at, PGFN_REGEX_GROUPS, m, *at ? REG_NOTBOL : 0) != 0)
		return false;
	for (size_t g = 0; g < PGFN_REGEX_GROUPS; g++) {
		if (m[g].rm_so >= 0) {
			m[g].rm_so += (regoff_t)*at;
			m[g].rm_eo += (regoff_t)*at;
		}
	}
	size_t next = (size_t)m[0].rm_eo;
	if (m[0].rm_eo == m[0].rm_so)
		next += next < len ? pgfn_utf8_clen(s + next, len - next) : 1;
	*at = next;
	return true;
}

/* The text[] of one match: its captures, or the whole match when the pattern has none. */
static void match_array(struct strbuf *out, const regex_t *re, const char *s, const regmatch_t *m)
{
	size_t ncap = pgfn_regex_ncap(re);
	struct strbuf el;
	strbuf_init(&el, 0);
	strbuf_putc(out, '{');
	for (size_t i = ncap ? 1 : 0; i <= ncap; i++) {
		const regmatch_t *c = pgfn_regex_capture(re, m, i);
		strbuf_puts(out, i > 1 ? "," : "");
		strbuf_reset(&el);
		strbuf_append(&el, "", 0);
		if (c)
			strbuf_append(&el, s + c->rm_so, (size_t)(c->rm_eo - c->rm_so));
		pgfn_array_put_elem(out, c ? el.data : NULL);
	}
	strbuf_putc(out, '}');
	strbuf_fini(&el);
}

/* Each match's text[] (only the first without g), in arena a. */
static const char **all_matches(struct arena *a, const regex_t *re, const char *s, bool global,
				size_t *n)
{
	size_t len = strlen(s), at = 0, cap = 8;
	const char **rows = arena_alloc(a, cap * sizeof(*rows));
	regmatch_t m[PGFN_REGEX_GROUPS];
	struct strbuf sb;
	strbuf_init(&sb, 0);
	*n = 0;
	while (next_match(re, s, len, &at, m)) {
		if (*n == cap) {
			const char **v = arena_alloc(a, 2 * cap * sizeof(*v));
			memcpy(v, rows, cap * sizeof(*v));
			rows = v;
			cap *= 2;
		}
		strbuf_reset(&sb);
		match_array(&sb, re, s, m);
		rows[(*n)++] = arena_strndup(a, sb.data ? sb.data : "", sb.len);
		if (!global)
			break;
	}
	strbuf_fini(&sb);
	return rows;
}

/* pgfn_regexp_matches_array(s, re[, flags]): regexp_matches' rows as an array of their
 * texts, which unnest takes apart again. */
static void fn_matches_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int cf;
	bool global;
	char why[64];
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const char *state = pgfn_regex_flags(argc > 2 ? (const char *)sqlite3_value_text(argv[2])
						      : "",
					     true, &cf, &global, why);
	if (state) {
		pgfn_error(ctx, state, "%s", why);
		return;
	}
	regex_t *re = pgfn_regex_compiled(ctx, 1, (const char *)sqlite3_value_text(argv[1]), cf);
	if (!re)
		return;
	struct arena *a = arena_new(0);
	size_t n;
	const char **rows = all_matches(a, re, (const char *)sqlite3_value_text(argv[0]), global,
					&n);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (size_t i = 0; i < n; i++) {
		strbuf_puts(&sb, i ? "," : "");
		pgfn_array_put_elem(&sb, rows[i]);
	}
	strbuf_putc(&sb, '}');
	pgfn_result_sb(ctx, &sb, false);
	arena_free(a);
}

/* The table-valued pgfn_regexp_matches(s, re, flags): one row per match. */
static bool start_matches(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	int cf;
	bool global;
	char why[300];
	for (int i = 0; i < 2; i++) {
		if (!args[i] || sqlite3_value_type(args[i]) == SQLITE_NULL)
			return true; /* strict: no rows */
	}
	const char *f = args[2] ? (const char *)sqlite3_value_text(args[2]) : "";
	const char *state = pgfn_regex_flags(f, true, &cf, &global, why);
	if (state)
		return pgfn_srf_fail(s, state, "%s", why);
	regex_t *re = pgfn_regex_compile((const char *)sqlite3_value_text(args[1]), cf, why,
					 sizeof(why));
	if (!re)
		return pgfn_srf_fail(s, "2201B", "%s", why);
	s->cells = all_matches(s->a, re, (const char *)sqlite3_value_text(args[0]), global,
			       &s->nrows);
	pgfn_regex_free(re);
	return true;
}

/* ---- regexp_count, regexp_instr, regexp_substr ---- */

/* The arguments after s and re, as each function takes them (-1: not taken). */
struct rx {
	const char *fn;
	int start, n, endopt, flags, subexpr; /* argument positions */
};

static const struct rx rx_count = {"regexp_count", 2, -1, -1, 3, -1};
static const struct rx rx_instr = {"regexp_instr", 2, 3, 4, 5, 6};
static const struct rx rx_substr = {"regexp_substr", 2, 3, -1, 4, 5};

/* The integer argument k (def when not given); false after raising 22023 below min. */
static bool int_arg(sqlite3_context *ctx, int argc, sqlite3_value **argv, int k, const char *name,
		    int min, int max, int *out, int def)
{
	*out = k >= 0 && k < argc ? sqlite3_value_int(argv[k]) : def;
	if (*out >= min && *out <= max)
		return true;
	pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": %d",
		   name, *out);
	return false;
}

/* The matches a call looks at: its pattern, the string and where the search starts. */
struct rxcall {
	regex_t *re;
	const char *s;
	size_t len, at;
	int n, endopt, subexpr;
};

static bool rx_setup(sqlite3_context *ctx, const struct rx *r, int argc, sqlite3_value **argv,
		     struct rxcall *x)
{
	int cf, start;
	bool global;
	char why[64];
	x->re = NULL;
	if (pgfn_any_null(ctx, argc, argv) ||
	    !int_arg(ctx, argc, argv, r->start, "start", 1, INT32_MAX, &start, 1) ||
	    !int_arg(ctx, argc, argv, r->n, "n", 1, INT32_MAX, &x->n, 1) ||
	    !int_arg(ctx, argc, argv, r->endopt, "endoption", 0, 1, &x->endopt, 0) ||
	    !int_arg(ctx, argc, argv, r->subexpr, "subexpr", 0, INT32_MAX, &x->subexpr, 0))
		return false;
	const char *f = r->flags < argc ? (const char *)sqlite3_value_text(argv[r->flags]) : "";
	const char *state = pgfn_regex_flags(f, true, &cf, &global, why);
	if (!state && global) {
		state = SQLSTATE_INVALID_PARAMETER_VALUE;
		snprintf(why, sizeof(why), "%s() does not support the \"global\" option", r->fn);
	}
	if (state) {
		pgfn_error(ctx, state, "%s", why);
		return false;
	}
	x->re = pgfn_regex_compiled(ctx, 1, (const char *)sqlite3_value_text(argv[1]), cf);
	x->s = pgfn_text(argv[0], &x->len);
	x->at = pgfn_utf8_offset(x->s, x->len, (size_t)start - 1);
	return x->re != NULL;
}

/* Capture subexpr of the n-th match from the start (m filled); NULL when there is none. */
static const regmatch_t *nth_capture(struct rxcall *x, regmatch_t *m)
{
	int seen = 0;
	while (next_match(x->re, x->s, x->len, &x->at, m)) {
		if (++seen == x->n)
			return pgfn_regex_capture(x->re, m, (size_t)x->subexpr);
	}
	return NULL;
}

static void fn_count(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct rxcall x;
	if (!rx_setup(ctx, &rx_count, argc, argv, &x))
		return;
	regmatch_t m[PGFN_REGEX_GROUPS];
	int n = 0;
	while (next_match(x.re, x.s, x.len, &x.at, m))
		n++;
	sqlite3_result_int(ctx, n);
}

static void fn_instr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct rxcall x;
	regmatch_t m[PGFN_REGEX_GROUPS];
	const regmatch_t *c = rx_setup(ctx, &rx_instr, argc, argv, &x) ? nth_capture(&x, m) : NULL;
	if (!x.re)
		return; /* an error was raised */
	size_t at = !c ? 0 : x.endopt ? (size_t)c->rm_eo : (size_t)c->rm_so;
	sqlite3_result_int64(ctx, c ? (sqlite3_int64)pgfn_utf8_count(x.s, at) + 1 : 0);
}

static void fn_substr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct rxcall x;
	regmatch_t m[PGFN_REGEX_GROUPS];
	const regmatch_t *c = rx_setup(ctx, &rx_substr, argc, argv, &x) ? nth_capture(&x, m) : NULL;
	if (!x.re)
		return;
	if (c)
		sqlite3_result_text(ctx, x.s + c->rm_so, (int)(c->rm_eo - c->rm_so),
				    SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

static const struct pgfn_srf_def srfs[] = {
	{"pgfn_regexp_matches", "value text[]", 1, 3, start_matches, NULL, NULL},
};

int pgfn_register_regexfn(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_regexp_matches_array", 2, fn_matches_array},
		{"pgfn_regexp_matches_array", 3, fn_matches_array},
		{"pgfn_regexp_count", -1, fn_count},
		{"pgfn_regexp_instr", -1, fn_instr},
		{"pgfn_regexp_substr", -1, fn_substr},
	};
	int rc = pgfn_define(db, defs, ARRAY_LEN(defs));
	return rc == SQLITE_OK ? pgfn_srf_define(db, srfs, ARRAY_LEN(srfs), NULL) : rc;
}
