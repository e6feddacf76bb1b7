/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_infoproc.c: the built-in functions pg_proc lists (cat_procs) as information_schema's
 * routines and parameters describe them — PostgreSQL's views list every pg_proc row the user
 * may execute, and every built-in is PUBLIC's to execute. */
#include "catalog_int.h"

#include <stdlib.h>
#include <string.h>

#define LANG_SQL 14
#define LANG_C 13

void cat_builtin_each_routine(struct cat_conn *cc, struct cat_rows *r,
			      void (*fn)(struct cat_conn *cc, struct cat_rows *r,
					 const struct cat_udf_routine *u))
{
	size_t n;
	const struct cat_proc *p = cat_procs(&n);
	for (size_t i = 0; i < n; i++) {
		struct cat_udf_routine u = {
			.specific = arena_printf(r->a, "%s_%u", p[i].name, p[i].oid),
			.name = p[i].name,
			.sig = p[i].argtypes,
			.lang = p[i].lang == LANG_SQL ? "sql"
				: p[i].lang == LANG_C ? "c"
						      : "internal",
			.body = p[i].src,
			.kind = p[i].kind,
			.volatility = p[i].volatility,
			.strict = p[i].strict,
			.rettype = p[i].rettype,
			.builtin = true,
		};
		fn(cc, r, &u);
	}
}

/* The next element of an array's text form ("{a,\"\",b}") at *s, unquoted in r's arena;
 * NULL past the last. */
static const char *next_element(struct arena *a, const char **s)
{
	const char *p = *s;
	if (!p || !*p || *p == '}')
		return NULL;
	if (*p == '{' || *p == ',')
		p++;
	char buf[128];
	size_t n = 0;
	bool quoted = *p == '"';
	for (p += quoted; *p && (quoted ? *p != '"' : *p != ',' && *p != '}'); p++) {
		if (quoted && *p == '\\' && p[1])
			p++;
		if (n + 1 < sizeof(buf))
			buf[n++] = *p;
	}
	p += quoted && *p == '"';
	*s = p;
	return arena_strndup(a, buf, n);
}

/* The default of the next argument of pg_get_function_arguments' text at *s ("x integer
 * DEFAULT 0, y text"): its text after DEFAULT, as pg_get_function_arg_default prints it, in
 * r's arena; NULL when it has none. Commas inside quotes and parentheses do not end it. */
static const char *next_default(struct arena *a, const char **s)
{
	const char *p = *s, *start = p;
	int depth = 0;
	bool quoted = false;
	for (; *p && (quoted || depth || *p != ','); p++) {
		if (*p == '\'')
			quoted = !quoted;
		else if (!quoted)
			depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
	}
	*s = *p ? p + 2 : p; /* past ", " */
	const char *d = NULL;
	for (const char *q = start; q + 9 <= p; q++)
		if (strncmp(q, " DEFAULT ", 9) == 0) {
			d = q + 9;
			break;
		}
	return d ? arena_strndup(a, d, (size_t)(p - d)) : NULL;
}

/* Each parameter as proallargtypes (else proargtypes) lists it, with proargmodes' mode,
 * proargnames' name and its default. */
void cat_builtin_each_param(struct cat_conn *cc, struct cat_rows *r,
			    void (*fn)(struct cat_conn *cc, struct cat_rows *r,
				       const struct cat_udf_param *p))
{
	size_t n;
	const struct cat_proc *pr = cat_procs(&n);
	for (size_t i = 0; i < n; i++) {
		const char *types = pr[i].allargtypes ? pr[i].allargtypes : pr[i].argtypes;
		const char *modes = pr[i].argmodes, *names = pr[i].argnames, *args = pr[i].args;
		struct cat_udf_param p = {
			.specific = arena_printf(r->a, "%s_%u", pr[i].name, pr[i].oid),
			.builtin = true,
		};
		const char *t = types;
		for (int k = 1; t && *t;) {
			t += strspn(t, "{, ");
			if (!*t || *t == '}')
				break;
			char *end;
			p.type = (uint32_t)strtoul(t, &end, 10);
			t = end;
			const char *mode = modes ? next_element(r->a, &modes) : NULL;
			const char *name = names ? next_element(r->a, &names) : NULL;
			p.n = k++;
			p.mode = mode && *mode ? *mode : 'i';
			p.name = name ? name : "";
			/* RETURNS TABLE's columns come last, and are not among the arguments */
			p.dflt = args && *args && p.mode != 't' ? next_default(r->a, &args) : NULL;
			fn(cc, r, &p);
		}
	}
}
