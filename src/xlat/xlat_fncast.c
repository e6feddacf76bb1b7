/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_fncast.c: function-style casts. PostgreSQL reads a call of one argument named as a
 * type, float8(x), int4(x), text(x), date(x), as the explicit cast x::type when no function
 * of that name takes the argument (func_get_detail's "coerce via function" rule); and
 * timestamptz(date, time), timestamptz(date, timetz), which are functions. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The built-in types whose name is callable this way (pg_type.typname; numeric, varchar,
 * bpchar, timestamp, time and interval are keywords, "numeric"(x) quoted is still a name). */
static const char *const cast_types[] = {
	"bool",   "bytea", "name",   "int2",   "int4",    "int8",     "text", "oid",
	"json",   "jsonb", "float4", "float8", "varchar", "numeric",  "date", "timestamptz",
	"timetz", "uuid",  "inet",   "cidr",   "macaddr", "macaddr8",
};

static const char *cast_type(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_LEN(cast_types); i++)
		if (strcmp(cast_types[i], name) == 0)
			return cast_types[i];
	return NULL;
}

/* timestamptz(date, time) and timestamptz(date, timetz): the date's and the time's text read
 * as one timestamptz, in the session's zone when the time has no offset (PostgreSQL's
 * datetime_timestamptz, datetimetz_timestamptz). */
static int date_time_tz(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	struct xlat_type dt, tt;
	xlat_puts(c, "pg_dt_cast((");
	if (!xlat_expr(c, f->args[0], &dt))
		return -1;
	xlat_puts(c, ") || ' ' || (");
	if (!xlat_expr(c, f->args[1], &tt))
		return -1;
	/* unknown, not text: the text is made of stored values (a BC date's stored form), which
	 * pg_dt_cast reads as the server's own, where it refuses that form in a text's */
	xlat_printf(c, "), %u, %u)", XLAT_OID_UNKNOWN, XLAT_OID_TIMESTAMPTZ);
	if ((dt.oid != XLAT_OID_DATE && dt.oid != XLAT_OID_UNKNOWN) ||
	    (tt.oid != XLAT_OID_TIME && tt.oid != XLAT_OID_TIMETZ &&
	     (tt.oid != XLAT_OID_UNKNOWN || dt.oid == XLAT_OID_UNKNOWN))) {
		const struct xlat_typeinfo *a = xlat_type_by_oid(dt.oid),
					   *b = xlat_type_by_oid(tt.oid);
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
			  "function timestamptz(%s, %s) does not exist",
			  a ? a->sql_name : "unknown", b ? b->sql_name : "unknown");
		return -1;
	}
	*t = (struct xlat_type){XLAT_OID_TIMESTAMPTZ, -1};
	return 1;
}

int xlat_fncast(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		struct xlat_type *t)
{
	if (name && strcmp(name, "timestamptz") == 0 && f->n_args == 2 && !f->agg_star &&
	    !f->agg_distinct && !f->n_agg_order && !f->agg_filter && !f->over &&
	    !f->func_variadic && f->args[0]->node_case != NODE(NAMED_ARG_EXPR) &&
	    f->args[1]->node_case != NODE(NAMED_ARG_EXPR))
		return date_time_tz(c, f, t);
	const char *type = cast_type(name);
	if (!type || f->n_args != 1 || f->agg_star || f->agg_distinct || f->n_agg_order ||
	    f->agg_filter || f->over || f->func_variadic ||
	    f->args[0]->node_case == NODE(NAMED_ARG_EXPR))
		return 0;
	PgQuery__String str = PG_QUERY__STRING__INIT;
	PgQuery__Node sn = PG_QUERY__NODE__INIT, *names[] = {&sn};
	PgQuery__TypeName tn = PG_QUERY__TYPE_NAME__INIT;
	PgQuery__TypeCast tc = PG_QUERY__TYPE_CAST__INIT;
	str.sval = (char *)type;
	sn.node_case = NODE(STRING);
	sn.string = &str;
	tn.names = names;
	tn.n_names = 1;
	tn.typemod = -1;
	tn.location = f->location;
	tc.arg = f->args[0];
	tc.type_name = &tn;
	tc.location = f->location;
	return xlat_cast(c, &tc, t) ? 1 : -1;
}
