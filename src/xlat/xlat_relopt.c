/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_relopt.c: a table's storage parameters (CREATE TABLE ... WITH (...)), checked as
 * PostgreSQL 15's reloptions.c checks a heap's and its TOAST table's: fillfactor and the
 * autovacuum and vacuum settings pg_dump writes for a tuned table. They tune PostgreSQL's heap
 * and autovacuum, which a SQLite file has not, so none changes what a statement does. Not
 * here: an index's parameters (catalog_index.c, checked per access method). */
#include "xlat_int.h"

#include "catalog.h"
#include "pgtype.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

enum { HEAP = 1, TOAST = 2 };

/* reloptions.c's heap and toast options: kind 'b' boolean, 'i' integer, 'r' real, 'e'
 * vacuum_index_cleanup's enum; where: HEAP, TOAST or both. */
static const struct {
	const char *name;
	char kind;
	int where;
	double min, max;
} options[] = {
	{"autovacuum_enabled", 'b', HEAP | TOAST, 0, 0},
	{"user_catalog_table", 'b', HEAP, 0, 0},
	{"vacuum_truncate", 'b', HEAP | TOAST, 0, 0},
	{"vacuum_index_cleanup", 'e', HEAP | TOAST, 0, 0},
	{"fillfactor", 'i', HEAP, 10, 100},
	{"toast_tuple_target", 'i', HEAP, 128, 8160},
	{"parallel_workers", 'i', HEAP, 0, 1024},
	{"autovacuum_vacuum_threshold", 'i', HEAP | TOAST, 0, INT_MAX},
	{"autovacuum_vacuum_insert_threshold", 'i', HEAP | TOAST, -1, INT_MAX},
	{"autovacuum_analyze_threshold", 'i', HEAP, 0, INT_MAX},
	{"autovacuum_vacuum_cost_limit", 'i', HEAP | TOAST, 1, 10000},
	{"autovacuum_freeze_min_age", 'i', HEAP | TOAST, 0, 1000000000},
	{"autovacuum_multixact_freeze_min_age", 'i', HEAP | TOAST, 0, 1000000000},
	{"autovacuum_freeze_max_age", 'i', HEAP | TOAST, 100000, 2000000000},
	{"autovacuum_multixact_freeze_max_age", 'i', HEAP | TOAST, 10000, 2000000000},
	{"autovacuum_freeze_table_age", 'i', HEAP | TOAST, 0, 2000000000},
	{"autovacuum_multixact_freeze_table_age", 'i', HEAP | TOAST, 0, 2000000000},
	{"log_autovacuum_min_duration", 'i', HEAP | TOAST, -1, INT_MAX},
	{"autovacuum_vacuum_cost_delay", 'r', HEAP | TOAST, 0, 100},
	{"autovacuum_vacuum_scale_factor", 'r', HEAP | TOAST, 0, 100},
	{"autovacuum_vacuum_insert_scale_factor", 'r', HEAP | TOAST, 0, 100},
	{"autovacuum_analyze_scale_factor", 'r', HEAP, 0, 100},
};

/* PostgreSQL's parse_bool (pgtype's boolin grammar). */
static bool is_bool(const char *v)
{
	bool b;
	return pgtype_parse_bool(v, strlen(v), &b);
}

/* A number the whole of v spells (an integer option rounds it, as parse_int does). */
static bool number(const char *v, char kind, double *out)
{
	char *end = NULL;
	errno = 0;
	double d = kind == 'i' ? (double)strtoll(v, &end, 0) : strtod(v, &end);
	if (kind == 'i' && end != v && (*end == '.' || *end == 'e' || *end == 'E'))
		d = strtod(v, &end); /* parse_int's rounding of a non-integer */
	if (end == v || errno || d != d)
		return false;
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	*out = kind == 'i' ? (double)(long long)(d < 0 ? d - 0.5 : d + 0.5) : d;
	return *end == '\0';
}

static bool out_of_bounds(struct xlat_ctx *c, const char *v, int k)
{
	xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
		  "value %s out of bounds for option \"%s\"", v, options[k].name);
	if (options[k].kind == 'i')
		pgerr_detail(c->err, "Valid values are between \"%.0f\" and \"%.0f\".",
			     options[k].min, options[k].max);
	else
		pgerr_detail(c->err, "Valid values are between \"%f\" and \"%f\".", options[k].min,
			     options[k].max);
	return false;
}

/* One option's value, k its row of options[]. */
static bool check_value(struct xlat_ctx *c, int k, const char *v)
{
	const char *name = options[k].name;
	double x;
	switch (options[k].kind) {
	case 'b':
		return is_bool(v) ||
		       xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
				 "invalid value for boolean option \"%s\": %s", name, v);
	case 'e':
		if (is_bool(v) || strcasecmp(v, "auto") == 0)
			return true;
		xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
			  "invalid value for enum option \"%s\": %s", name, v);
		pgerr_detail(c->err, "Valid values are \"on\", \"off\", and \"auto\".");
		return false;
	default:
		if (!number(v, options[k].kind, &x))
			return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
					 "invalid value for %s option \"%s\": %s",
					 options[k].kind == 'i' ? "integer" : "floating point",
					 name, v);
		return (x >= options[k].min && x <= options[k].max) || out_of_bounds(c, v, k);
	}
}

/* WITH (oids = false) is taken and ignored, as PostgreSQL 12 on does (before the others). */
static bool oids(struct xlat_ctx *c, const PgQuery__DefElem *d)
{
	/* defGetBoolean's words, not parse_bool's prefixes */
	const char *v = xlat_option_value(c, d->arg);
	bool on = strcasecmp(v, "true") == 0 || strcasecmp(v, "on") == 0 || strcmp(v, "1") == 0;
	if (!on && strcasecmp(v, "false") != 0 && strcasecmp(v, "off") != 0 && strcmp(v, "0") != 0)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1, "oids requires a Boolean value");
	if (on)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "tables declared WITH OIDS are not supported");
	return true;
}

static bool bare_oids(const PgQuery__DefElem *d)
{
	return strcmp(d->defname, "oids") == 0 && !(d->defnamespace && *d->defnamespace);
}

bool xlat_table_options(struct xlat_ctx *c, PgQuery__Node **opts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (opts[i]->node_case != NODE(DEF_ELEM))
			return xlat_unsupported(c, -1, "this WITH (storage parameter)");
		if (bare_oids(opts[i]->def_elem) && !oids(c, opts[i]->def_elem))
			return false;
	}
	for (size_t i = 0; i < n; i++) {
		const PgQuery__DefElem *d = opts[i]->def_elem;
		const char *ns = d->defnamespace && *d->defnamespace ? d->defnamespace : NULL;
		if (bare_oids(d))
			continue;
		if (ns && strcmp(ns, "toast") != 0)
			return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
					 "unrecognized parameter namespace \"%s\"", ns);
		int where = ns ? TOAST : HEAP, k = 0;
		while (k < (int)ARRAY_LEN(options) &&
		       (strcmp(options[k].name, d->defname) != 0 || !(options[k].where & where)))
			k++;
		if (k == (int)ARRAY_LEN(options))
			return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
					 "unrecognized parameter \"%s\"", d->defname);
		for (size_t j = 0; j < i; j++) {
			const PgQuery__DefElem *e = opts[j]->def_elem;
			const char *ens = e->defnamespace && *e->defnamespace ? e->defnamespace
									      : NULL;
			if (strcmp(e->defname, d->defname) == 0 && !ns == !ens)
				return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
						 "parameter \"%s\" specified more than once",
						 d->defname);
		}
		if (!check_value(c, k, xlat_option_value(c, d->arg)))
			return false;
	}
	return true;
}

void xlat_table_options_mark(struct xlat_ctx *c, PgQuery__Node **opts, size_t n)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		const PgQuery__DefElem *d = opts[i]->node_case == NODE(DEF_ELEM) ? opts[i]->def_elem
										 : NULL;
		if (!d || bare_oids(d) || (d->defnamespace && *d->defnamespace))
			continue; /* a TOAST table's are its own relation's in PostgreSQL */
		xlat_puts(c, any ? "," : CATALOG_RELOPT_MARK "{");
		xlat_puts(c, d->defname);
		xlat_puts(c, "=");
		xlat_puts(c, xlat_option_value(c, d->arg));
		any = true;
	}
	if (any)
		xlat_puts(c, "} */ ");
}

bool xlat_partitioned_options(struct xlat_ctx *c, PgQuery__Node **opts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const PgQuery__DefElem *d = opts[i]->node_case == NODE(DEF_ELEM) ? opts[i]->def_elem
										 : NULL;
		if (d && !bare_oids(d) && !(d->defnamespace && *d->defnamespace))
			return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
					 "unrecognized parameter \"%s\"", d->defname);
	}
	return true;
}
