/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_procmatch.c: whether one of pg_proc's built-in functions of a name could take a
 * call's arguments, by PostgreSQL's rules for a call (func_select_candidate's first test):
 * the number of arguments (defaults and VARIADIC counted) and, per argument, the same type,
 * an unknown literal, a polymorphic or pseudo parameter, or an implicit pg_cast. Only for the
 * error path of a call the translator does not know: 42883 when none could, else 0A000. */
#include "catalog_int.h"

#include <stdlib.h>
#include <string.h>

#define OID_UNKNOWN 705
#define FIRST_USER_OID 16384

/* any, anyelement, anyarray, anynonarray, anyenum, anyrange, anymultirange, the
 * anycompatible family, record, record[], cstring, internal. */
static bool pseudo(uint32_t t)
{
	static const uint32_t v[] = {2276, 2283, 2277, 2776, 3500, 3831, 4537, 5077,
				     5078, 5079, 5080, 4538, 2249, 2287, 2275, 2281};
	for (size_t i = 0; i < ARRAY_LEN(v); i++) {
		if (v[i] == t)
			return true;
	}
	return false;
}

static bool implicit_cast(uint32_t from, uint32_t to)
{
	size_t n = 0;
	const struct cat_cast *c = cat_casts(&n);
	for (size_t i = 0; i < n; i++) {
		if (c[i].source == from && c[i].target == to && c[i].context == 'i')
			return true;
	}
	return false;
}

/* A value of type t (0: not known) as an argument for a parameter of type p. */
static bool takes(uint32_t p, uint32_t t)
{
	return t == p || t == 0 || t == OID_UNKNOWN || t >= FIRST_USER_OID || p >= FIRST_USER_OID ||
	       pseudo(p) || implicit_cast(t, p);
}

static bool candidate(const struct cat_proc *p, const uint32_t *types, size_t n)
{
	size_t want = p->nargs > 0 ? (size_t)p->nargs : 0;
	size_t least = want - (p->nargdefaults > 0 ? (size_t)p->nargdefaults : 0);
	if (p->variadic ? n + 1 < want : n < least || n > want)
		return false;
	uint32_t params[128];
	const char *s = p->argtypes ? p->argtypes : "";
	for (size_t i = 0; i < want && i < ARRAY_LEN(params); i++) {
		char *end;
		params[i] = (uint32_t)strtoul(s, &end, 10);
		s = end;
	}
	for (size_t i = 0; types && i < n; i++) {
		/* VARIADIC's arguments: each of the array's element type (or the array itself) */
		bool extra = p->variadic && i + 1 >= want;
		uint32_t param = i < want && i < ARRAY_LEN(params) ? params[i] : 0;
		if (extra ? !takes(p->variadic, types[i]) && !takes(param, types[i])
			  : !takes(param, types[i]))
			return false;
	}
	return true;
}

int catalog_builtin_call(const char *name, const uint32_t *types, size_t n)
{
	size_t np = 0;
	const struct cat_proc *p = cat_procs(&np);
	int found = 0;
	for (size_t i = 0; i < np; i++) {
		if (strcmp(p[i].name, name) != 0)
			continue;
		if (candidate(&p[i], types, n))
			return 1;
		found = -1;
	}
	return found;
}
