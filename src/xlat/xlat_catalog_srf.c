/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_catalog_srf.c: set-returning functions as catalog queries use them —
 * functions in FROM (as the catalog's table-valued functions), unnest/generate_subscripts/
 * _pg_expandarray in a select list (a lockstep join with the arrays' elements) and the (x, n)
 * records of _pg_expandarray. LATERAL subqueries are in xlat_lateral.c. */
#include "xlat_int.h"

#include "pgtype.h"

#include <stdio.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

enum { OID_RECORD = 2249 };

static bool is_int_literal(const PgQuery__Node *n)
{
	return n->node_case == NODE(A_CONST) && !n->a_const->isnull &&
	       n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL;
}

static bool srf_collected(const struct xlat_ctx *c, const PgQuery__FuncCall *f);

/* The session's channels as an array (pgfn_notify.c), which pg_listening_channels() unnests. */
#define LISTENING_ARRAY "pgfn_listening_channels()"

/* ---- set-returning functions in FROM (catalog_srf.c) ---- */

static const struct {
	const char *pg, *sqlite;
	int min, max;
} srfs[] = {
	{"generate_series", "pg_srf_series", 2, 3},
	{"unnest", "pg_srf_unnest", 1, 1},
	{"pg_partition_ancestors", "pg_srf_partition_ancestors", 1, 1},
};

/* Scalar functions ORMs select FROM (TypeORM: SELECT * FROM current_schema()), and the
 * built-in functions the translator's tables know as plain ones (psqlODBC's {call f(?)} is
 * SELECT * FROM f(...)). Any other function stays refused: one that returns a set would
 * otherwise silently become one row. */
static const char *const scalars_in_from[] = {
	"current_schema", "current_database", "current_setting", "version", "pg_backend_pid",
};

bool xlat_scalar_in_from(const PgQuery__FuncCall *f, const char *name, const char *schema)
{
	if (!name || !schema || f->n_funcname > 2 || strcmp(schema, "pg_catalog") != 0 ||
	    f->agg_star || f->agg_distinct || f->over || f->agg_filter || f->n_agg_order)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(scalars_in_from); i++)
		if (strcmp(scalars_in_from[i], name) == 0)
			return true;
	return xlat_func_class(name) == XLAT_FN_PLAIN;
}

/* (SELECT f(args) AS col) AS alias: a scalar function in FROM is one row of one column, named
 * after the alias (or the function), as in PostgreSQL. */
static bool scalar_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			    const PgQuery__Node *call, const char *name)
{
	const char *alias = rf->alias ? rf->alias->aliasname : name;
	size_t ncol = rf->alias ? rf->alias->n_colnames : 0;
	if (rf->ordinality)
		return xlat_unsupported(c, -1, "WITH ORDINALITY on a scalar function");
	if (ncol > 1)
		return xlat_fail(c, "42P10", -1,
				 "table \"%s\" has 1 columns available but %zu columns specified",
				 alias, ncol);
	struct xlat_type ignored;
	xlat_puts(c, "(SELECT ");
	if (!xlat_expr(c, call, &ignored))
		return false;
	xlat_puts(c, " AS ");
	xlat_ident(c, ncol ? xlat_node_str(rf->alias->colnames[0]) : alias);
	xlat_puts(c, ") AS ");
	xlat_ident(c, alias);
	return true;
}

/* The head of a subquery that renames a catalog function's columns (cols, n of them) by the
 * FROM item's column aliases: "(SELECT col AS alias, ..."; fn names the function in errors. */
static bool renamed_columns(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char *fn,
			    const char *const *cols, size_t n)
{
	size_t ncol = rf->alias ? rf->alias->n_colnames : 0;
	if (rf->ordinality)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "WITH ORDINALITY on %s() is not supported", fn);
	if (ncol > n)
		return xlat_fail(c, "42P10", -1,
				 "table \"%s\" has %zu columns available but %zu columns specified",
				 rf->alias->aliasname, n, ncol);
	xlat_puts(c, "(SELECT ");
	for (size_t i = 0; i < n; i++) {
		xlat_printf(c, "%s%s AS ", i ? ", " : "", cols[i]);
		xlat_ident(c, i < ncol ? xlat_node_str(rf->alias->colnames[i]) : cols[i]);
	}
	return true;
}

/* pg_get_keywords(): the catalog's pg_srf_keywords relation, its five columns renamed by
 * the column aliases given. */
static bool keywords_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	static const char *const cols[] = {"word", "catcode", "barelabel", "catdesc", "baredesc"};
	if (!renamed_columns(c, rf, "pg_get_keywords", cols, ARRAY_LEN(cols)))
		return false;
	xlat_puts(c, " FROM pg_srf_keywords) AS ");
	xlat_ident(c, rf->alias ? rf->alias->aliasname : "pg_get_keywords");
	return true;
}

/* aclexplode(acl): the catalog's pg_srf_aclexplode, its four columns renamed by the column
 * aliases given. */
static const char *const acl_cols[] = {"grantor", "grantee", "privilege_type", "is_grantable"};

static bool aclexplode_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
				const PgQuery__Node *arg)
{
	/* the subquery cannot see the FROM items beside it (SQLite has no LATERAL); a column of
	 * the query around it (exists(select 1 from aclexplode(att.attacl) ...), PostGraphile's
	 * introspection) it sees as any correlated reference */
	if (!rf->ordinality && arg->node_case == NODE(COLUMN_REF) &&
	    !xlat_scope_outer_ref(c, arg->column_ref))
		return xlat_unsupported(c, -1, "aclexplode() of another FROM item's column");
	if (!renamed_columns(c, rf, "aclexplode", acl_cols, ARRAY_LEN(acl_cols)))
		return false;
	struct xlat_type ignored;
	xlat_puts(c, " FROM pg_srf_aclexplode(");
	if (!xlat_expr(c, arg, &ignored))
		return false;
	xlat_puts(c, ")) AS ");
	xlat_ident(c, rf->alias ? rf->alias->aliasname : "aclexplode");
	return true;
}

/* pg_partition_tree(rel): the catalog's pg_srf_partition_tree, its four columns renamed by
 * the column aliases given. */
static bool tree_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			  const PgQuery__Node *arg)
{
	static const char *const cols[] = {"relid", "parentrelid", "isleaf", "level"};
	if (arg->node_case == NODE(COLUMN_REF) && !xlat_scope_outer_ref(c, arg->column_ref))
		return xlat_unsupported(c, -1, "pg_partition_tree() of another FROM item's column");
	if (!renamed_columns(c, rf, "pg_partition_tree", cols, ARRAY_LEN(cols)))
		return false;
	struct xlat_type ignored;
	xlat_puts(c, " FROM pg_srf_partition_tree(");
	if (!xlat_expr(c, arg, &ignored))
		return false;
	xlat_puts(c, ")) AS ");
	xlat_ident(c, rf->alias ? rf->alias->aliasname : "pg_partition_tree");
	return true;
}

/* pg_options_to_table(options): the catalog's pg_srf_options_to_table, its two columns
 * renamed by the column aliases given. pg_dump calls it in a subquery on a column of the
 * query around it (ARRAY(SELECT ... FROM pg_options_to_table(attfdwoptions))), which SQLite
 * resolves as any correlated reference. */
static bool options_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			     const PgQuery__Node *arg)
{
	static const char *const cols[] = {"option_name", "option_value"};
	if (!renamed_columns(c, rf, "pg_options_to_table", cols, ARRAY_LEN(cols)))
		return false;
	struct xlat_type ignored;
	xlat_puts(c, " FROM pg_srf_options_to_table(");
	if (!xlat_expr(c, arg, &ignored))
		return false;
	xlat_puts(c, ")) AS ");
	xlat_ident(c, rf->alias ? rf->alias->aliasname : "pg_options_to_table");
	return true;
}

/* ts_token_type(parser), ts_parse(parser, text) and ts_debug([config,] text): pgfn's
 * pgfn_ts_token_type, pgfn_ts_parse and pgfn_ts_debug (pgfn_tsdebug.c), their columns
 * renamed by the column aliases given. */
static bool ts_parser_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			       const PgQuery__FuncCall *f, const char *name)
{
	static const char *const type_cols[] = {"tokid", "alias", "description"};
	static const char *const parse_cols[] = {"tokid", "token"};
	static const char *const debug_cols[] = {"alias",        "description", "token",
						 "dictionaries", "dictionary",  "lexemes"};
	bool parse = strcmp(name, "ts_parse") == 0, debug = strcmp(name, "ts_debug") == 0;
	const char *const *cols = debug ? debug_cols : parse ? parse_cols : type_cols;
	if (!renamed_columns(c, rf, name, cols, debug ? 6 : parse ? 2 : 3))
		return false;
	xlat_printf(c, " FROM pgfn_%s(", name);
	if (debug && f->n_args == 1) /* the configuration default_text_search_config names */
		xlat_puts(c, "current_setting('default_text_search_config'), ");
	for (size_t i = 0; i < f->n_args; i++) {
		struct xlat_type ignored;
		xlat_puts(c, i ? ", " : "");
		if (!xlat_expr(c, f->args[i], &ignored))
			return false;
	}
	xlat_puts(c, ")) AS ");
	xlat_ident(c, rf->alias ? rf->alias->aliasname : name);
	return true;
}

/* unnest(tsvector) in FROM: pgfn_ts_unnest's lexeme, positions and weights (pgfn_tsunnest.c),
 * renamed by the column aliases given; an argument that reads the FROM items to its left is
 * xlat_srf.c's (refused there). 0 when the argument is no tsvector (taken back). */
static int ts_unnest_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			      const PgQuery__FuncCall *f)
{
	static const char *const cols[] = {"lexeme", "positions", "weights"};
	size_t mark = c->sb->len;
	int nslots = c->nslots;
	xlat_puts(c, "pgfn_ts_unnest(");
	struct xlat_type at;
	if (!xlat_expr(c, f->args[0], &at))
		return -1;
	bool ours = at.oid == XLAT_OID_TSVECTOR;
	char *call = ours ? arena_strndup(c->a, c->sb->data + mark, c->sb->len - mark) : NULL;
	c->sb->len = mark;
	c->sb->data[mark] = '\0';
	if (!ours) {
		c->nslots = nslots;
		return 0;
	}
	xlat_nocache(c); /* the call moved: its constants' recorded offsets no longer hold */
	if (!renamed_columns(c, rf, "unnest", cols, ARRAY_LEN(cols)))
		return -1;
	xlat_printf(c, " FROM %s)) AS ", call);
	xlat_ident(c, rf->alias ? rf->alias->aliasname : "unnest");
	return 1;
}

/* pg_ls_tmpdir([tablespace]): the files of the tablespace's pgsql_tmp directory, which are
 * none: SQLite's temporary files (sorts, temporary tables) are its own, unnamed, and in no
 * tablespace. An empty relation of its three columns (pg_activity counts them, LATERAL over
 * pg_tablespace); the argument is translated for its errors but not needed, so no LATERAL
 * reference is left to resolve. */
static bool tmpdir_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			    const PgQuery__FuncCall *f)
{
	static const char *const cols[] = {"name", "size", "modification"};
	if (f->n_args > 1 || f->agg_star || f->over)
		return xlat_unsupported(c, f->location, "this function in FROM");
	if (f->n_args == 1) {
		struct strbuf scratch, *saved = c->sb;
		struct xlat_type ignored;
		strbuf_init(&scratch, 0);
		c->sb = &scratch;
		bool ok = xlat_expr(c, f->args[0], &ignored);
		c->sb = saved;
		strbuf_fini(&scratch);
		if (!ok)
			return false;
	}
	if (!renamed_columns(c, rf, "pg_ls_tmpdir", cols, ARRAY_LEN(cols)))
		return false;
	xlat_puts(c,
		  " FROM (SELECT NULL AS name, NULL AS size, NULL AS modification) WHERE 0) AS ");
	xlat_ident(c, rf->alias ? rf->alias->aliasname : "pg_ls_tmpdir");
	return true;
}

/* generate_series by its arguments' types, as PostgreSQL resolves it: integers give int4 (int8
 * when one is bigint), numerics numeric; the module name (19 wide, as emitted) is patched in
 * once the arguments are known. Arguments of run-time type keep the catalog's untyped series. */
static const char *type_name(struct xlat_ctx *c, uint32_t oid)
{
	const struct pgtype_info *ti = pgtype_by_oid(oid);
	return ti ? ti->sql_name : arena_printf(c->a, "%u", oid);
}

/* generate_series(start, stop, step interval) over timestamps: timestamp when both ends are
 * timestamp, else timestamptz (a date converts to either; PostgreSQL prefers timestamptz).
 * 0 when the arguments are not timestamps, -1 failed, else the rank of series_module. */
static int datetime_series(struct xlat_ctx *c, const struct xlat_type *tv, size_t n)
{
	bool any = false, tz = false;
	for (size_t i = 0; i < n && i < 2; i++) {
		uint32_t o = tv[i].oid;
		any |= o == XLAT_OID_TIMESTAMP || o == XLAT_OID_TIMESTAMPTZ || o == XLAT_OID_DATE;
		tz |= o == XLAT_OID_TIMESTAMPTZ || o == XLAT_OID_DATE;
	}
	if (!any)
		return 0;
	bool ok = n == 3 && (tv[2].oid == XLAT_OID_INTERVAL || tv[2].oid == XLAT_OID_UNKNOWN);
	for (size_t i = 0; i < 2 && ok; i++) {
		uint32_t o = tv[i].oid;
		ok = o == XLAT_OID_TIMESTAMP || o == XLAT_OID_TIMESTAMPTZ || o == XLAT_OID_DATE ||
		     o == XLAT_OID_UNKNOWN;
	}
	if (!ok) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		for (size_t i = 0; i < n; i++)
			strbuf_printf(&sb, "%s%s", i ? ", " : "", type_name(c, tv[i].oid));
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, -1,
			  "function generate_series(%s) does not exist", sb.data ? sb.data : "");
		strbuf_fini(&sb);
		pgerr_hint(c->err, "No function matches the given name and argument types. You "
				   "might need to add explicit type casts.");
		return -1;
	}
	return tz ? 5 : 4;
}

static const char *const series_names[] = {"pg_srf_series",    "pgfn_series_int4",
					   "pgfn_series_int8", "pgfn_series_numeric",
					   "pgfn_series_ts",   "pgfn_series_tstz"};
static const uint32_t series_types[] = {0,
					XLAT_OID_INT4,
					XLAT_OID_INT8,
					XLAT_OID_NUMERIC,
					XLAT_OID_TIMESTAMP,
					XLAT_OID_TIMESTAMPTZ};

/* The series' kind, an index of series_names: 0 arguments of run-time type, 1 int4, 2 int8,
 * 3 numeric, 4 timestamp, 5 timestamptz; -1 failed. */
static int series_rank(struct xlat_ctx *c, const struct xlat_type *tv, size_t n)
{
	size_t untyped = 0;
	for (size_t i = 0; i < n; i++)
		untyped += tv[i].oid == XLAT_OID_UNKNOWN;
	if (untyped == n) { /* NULL, '1': the integer, numeric and timestamp series all fit */
		xlat_func_not_unique(c, "generate_series", tv, n, -1);
		return -1;
	}
	int rank = datetime_series(c, tv, n);
	if (rank < 0)
		return -1;
	bool timestamps = rank > 0;
	for (size_t i = 0; i < n && !timestamps; i++) {
		switch (tv[i].oid) {
		case XLAT_OID_INT2:
		case XLAT_OID_INT4:
			rank = rank > 1 ? rank : 1;
			break;
		case XLAT_OID_INT8:
			rank = rank > 2 ? rank : 2;
			break;
		case XLAT_OID_NUMERIC:
			rank = 3;
			break;
		case XLAT_OID_UNKNOWN: /* NULL (or a string literal): takes the others' type */
			break;
		case XLAT_OID_UNKNOWN_COL:
			return 0;
		default: {
			const struct pgtype_info *ti = pgtype_by_oid(tv[i].oid);
			xlat_unsupported(c, -1,
					 arena_printf(c->a, "generate_series over %s",
						      ti ? ti->sql_name : "this argument type"));
			return -1;
		}
		}
	}
	return rank;
}

bool xlat_series_module(struct xlat_ctx *c, const struct xlat_type *tv, size_t n, size_t at)
{
	int rank = series_rank(c, tv, n);
	if (rank < 0)
		return false;
	if (!c->sb->failed) {
		char buf[24];
		snprintf(buf, sizeof(buf), "%-19s", series_names[rank]);
		memcpy(c->sb->data + at, buf, 19);
	}
	return true;
}

/* FROM pg_listening_channels() [WITH ORDINALITY]: the elements of the session's array. */
static bool listening_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	const char *alias = rf->alias ? rf->alias->aliasname : "pg_listening_channels";
	size_t ncol = rf->alias ? rf->alias->n_colnames : 0;
	if (ncol > (rf->ordinality ? 2u : 1u))
		return xlat_fail(c, "42P10", -1,
				 "too many column aliases specified for function "
				 "pg_listening_channels");
	xlat_puts(c, "(SELECT value AS ");
	xlat_ident(c, ncol ? xlat_node_str(rf->alias->colnames[0]) : alias);
	if (rf->ordinality) {
		xlat_puts(c, ", ordinality AS ");
		xlat_ident(c, ncol > 1 ? xlat_node_str(rf->alias->colnames[1]) : "ordinality");
	}
	xlat_puts(c, " FROM pg_srf_unnest(" LISTENING_ARRAY ")) AS ");
	xlat_ident(c, alias);
	return true;
}

/* "(SELECT value AS a[, ordinality AS b] FROM " of a one-column function in FROM, its
 * column (the SQL value) named after the alias's first column name, the alias or the
 * function (name). */
static bool value_head(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char *name,
		       const char *value)
{
	size_t ncol = rf->alias ? rf->alias->n_colnames : 0;
	if (ncol > (rf->ordinality ? 2u : 1u))
		return xlat_fail(c, "42P10", -1,
				 "too many column aliases specified for function %s", name);
	xlat_printf(c, "(SELECT %s AS ", value);
	/* pg_partition_ancestors's column is its OUT parameter's, whatever the alias */
	bool out = strcmp(name, "pg_partition_ancestors") == 0;
	xlat_ident(c, ncol        ? xlat_node_str(rf->alias->colnames[0])
		      : out       ? "relid"
		      : rf->alias ? rf->alias->aliasname
				  : name);
	if (rf->ordinality) {
		xlat_puts(c, ", ordinality AS ");
		xlat_ident(c, ncol > 1 ? xlat_node_str(rf->alias->colnames[1]) : "ordinality");
	}
	xlat_puts(c, " FROM ");
	return true;
}

/* generate_subscripts(a, d) in FROM: the elements of the array of a's subscripts in
 * dimension d (an int2vector's start at 0), as in a select list. peewee's get_indexes reads
 * an index's keys through it in a subquery on pg_index's indkey. */
static bool subscripts_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
				const PgQuery__FuncCall *f)
{
	struct xlat_type ignored;
	if (!value_head(c, rf, "generate_subscripts", "CAST(value AS INTEGER)"))
		return false;
	xlat_puts(c, "pg_srf_unnest(pgfn_array_subscripts(");
	if (!xlat_expr(c, f->args[0], &ignored))
		return false;
	xlat_printf(c, ", %d))) AS ", f->args[1]->a_const->ival->ival);
	xlat_ident(c, rf->alias ? rf->alias->aliasname : "generate_subscripts");
	return true;
}

/* (SELECT value AS a[, ordinality AS b] FROM pg_srf_x(args)) AS alias: PostgreSQL names a
 * scalar function's column after the alias (or the function), which SQLite's table-valued
 * functions cannot do by themselves. */
bool xlat_catalog_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	const PgQuery__Node *item = rf->n_functions == 1 &&
						    rf->functions[0]->node_case == NODE(LIST) &&
						    rf->functions[0]->list->n_items >= 1
					    ? rf->functions[0]->list->items[0]
					    : NULL;
	const PgQuery__FuncCall *f = item && item->node_case == NODE(FUNC_CALL) ? item->func_call
										: NULL;
	const char *name = f ? xlat_node_str(f->funcname[f->n_funcname - 1]) : NULL;
	const char *schema = !f || f->n_funcname != 2 ? "pg_catalog"
						      : xlat_node_str(f->funcname[0]);
	if (f && name && strcmp(name, "pg_ls_tmpdir") == 0 && schema &&
	    strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2 && !rf->is_rowsfrom &&
	    !rf->n_coldeflist)
		return tmpdir_function(c, rf, f);
	if (!f || rf->lateral || rf->is_rowsfrom || rf->n_coldeflist)
		return xlat_unsupported(c, -1, "a function in FROM");
	if (name && strcmp(name, "pg_get_keywords") == 0 && schema &&
	    strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2 && !f->n_args)
		return keywords_function(c, rf);
	if (name && strcmp(name, "aclexplode") == 0 && schema &&
	    strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2 && f->n_args == 1)
		return aclexplode_function(c, rf, f->args[0]);
	if (name && strcmp(name, "pg_partition_tree") == 0 && schema &&
	    strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2 && f->n_args == 1)
		return tree_function(c, rf, f->args[0]);
	if (name && strcmp(name, "pg_listening_channels") == 0 && schema &&
	    strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2 && !f->n_args)
		return listening_function(c, rf);
	if (name && strcmp(name, "pg_options_to_table") == 0 && schema &&
	    strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2 && f->n_args == 1)
		return options_function(c, rf, f->args[0]);
	if (name && schema && strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2 &&
	    ((strcmp(name, "ts_token_type") == 0 && f->n_args == 1) ||
	     (strcmp(name, "ts_parse") == 0 && f->n_args == 2) ||
	     (strcmp(name, "ts_debug") == 0 && f->n_args >= 1 && f->n_args <= 2)))
		return ts_parser_function(c, rf, f, name);
	if (name && strcmp(name, "ts_stat") == 0 && schema && strcmp(schema, "pg_catalog") == 0 &&
	    f->n_funcname <= 2) /* it runs a query given as text */
		return xlat_unsupported(c, f->location, "ts_stat");
	if (name && strcmp(name, "unnest") == 0 && schema && strcmp(schema, "pg_catalog") == 0 &&
	    f->n_funcname <= 2 && f->n_args == 1 && !f->agg_star && !f->over) {
		int h = ts_unnest_function(c, rf, f);
		if (h)
			return h > 0;
	}
	if (name && strcmp(name, "generate_subscripts") == 0 && schema &&
	    strcmp(schema, "pg_catalog") == 0 && f->n_funcname <= 2 && f->n_args == 2 &&
	    is_int_literal(f->args[1]))
		return subscripts_function(c, rf, f);
	size_t k = 0;
	while (k < ARRAY_LEN(srfs) && (!name || strcmp(srfs[k].pg, name) != 0))
		k++;
	if (k == ARRAY_LEN(srfs) && xlat_scalar_in_from(f, name, schema))
		return scalar_function(c, rf, item, name);
	enum xlat_fn_class fc = k == ARRAY_LEN(srfs) && name ? xlat_func_class(name)
							     : XLAT_FN_UNKNOWN;
	if (fc == XLAT_FN_AGG) /* OVER is a syntax error there */
		return xlat_fail(c, "42803", f->location,
				 "aggregate functions are not allowed in functions in FROM");
	if (fc == XLAT_FN_WINDOW)
		return xlat_fail(c, "42809", f->location,
				 "window function %s requires an OVER clause", name);
	if (k == ARRAY_LEN(srfs) && name && f->n_funcname == 1 && !f->agg_star && !f->over &&
	    xlat_func_missing(c, f, name))
		return false;
	if (k == ARRAY_LEN(srfs) || f->n_funcname > 2 || !schema ||
	    strcmp(schema, "pg_catalog") != 0 || (int)f->n_args < srfs[k].min ||
	    (int)f->n_args > srfs[k].max || f->agg_star || f->over)
		return xlat_unsupported(c, f->location, "this function in FROM");
	int rows = k == 1 ? xlat_unnestrow_from(c, rf, f) : 0; /* unnest(pt[]): pt's columns */
	if (rows)
		return rows > 0;
	size_t head_at = c->sb->len;
	if (!value_head(c, rf, name, "value"))
		return false;
	size_t name_at = c->sb->len;
	xlat_printf(c, "%-19s(", srfs[k].sqlite);
	struct xlat_type tv[3];
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, i ? ", " : "");
		size_t from = c->sb->len;
		if (!xlat_expr(c, f->args[i], &tv[i]))
			return false;
		if (k == 1) /* a multirange's ranges */
			tv[i].oid = xlat_multirange_unnest(c, from, tv[i].oid);
		if (k == 1 && xlat_comptype_array_elem(c, tv[i].oid))
			return xlat_unsupported(c, f->location, XLAT_UNNEST_ROWS);
		/* unnest(anyarray) and unnest(anymultirange) both fit an untyped value */
		if (k == 1 && tv[i].oid == XLAT_OID_UNKNOWN)
			return xlat_func_not_unique(c, "unnest", tv, 1, f->location);
	}
	if (k == 0 && !xlat_series_module(c, tv, f->n_args, name_at))
		return false;
	char tag = k == 1 ? xlat_unnest_tag(tv[0].oid) : 0;
	if (tag) { /* "$1.00" into cents, "t" into 1 */
		xlat_insert_at(c, head_at + strlen("(SELECT value"),
			       tag == 'm' ? ", 'm')" : ", 'b')");
		xlat_insert_at(c, head_at + strlen("(SELECT "), "pgfn_array_elem(");
	}
	xlat_puts(c, ")) AS ");
	xlat_ident(c, rf->alias ? rf->alias->aliasname : name);
	return true;
}

/* ---- set-returning functions in a target list ---- */

/* Set-returning functions that unnest an array function's result: regexp_split_to_table(s,
 * p[, flags]) is unnest(regexp_split_to_array(s, p[, flags])). NULL for others. */
static const char *array_of(const char *name, size_t nargs)
{
	static const struct {
		const char *srf, *array;
		size_t min, max;
	} pairs[] = {
		{"regexp_split_to_table", "regexp_split_to_array", 2, 3},
		{"string_to_table", "string_to_array", 2, 3},
		{"json_object_keys", "pgfn_json_keys_array", 1, 1},
		{"jsonb_object_keys", "pgfn_jsonb_keys_array", 1, 1},
		{"json_array_elements", "pgfn_json_elems_array", 1, 1},
		{"jsonb_array_elements", "pgfn_jsonb_elems_array", 1, 1},
		{"json_array_elements_text", "pgfn_json_elems_text_array", 1, 1},
		{"jsonb_array_elements_text", "pgfn_jsonb_elems_text_array", 1, 1},
		{"jsonb_path_query", "pgfn_jsonb_path_rows", 2, 4},
		{"jsonb_path_query_tz", "pgfn_jsonb_path_rows", 2, 4},
		{"pg_partition_ancestors", "shardlite_partition_ancestors_array", 1, 1},
	};
	for (size_t i = 0; i < ARRAY_LEN(pairs); i++)
		if (strcmp(pairs[i].srf, name) == 0 && nargs >= pairs[i].min &&
		    nargs <= pairs[i].max)
			return pairs[i].array;
	return NULL;
}

/* unnest(a) → 1, generate_subscripts(a, d) → 2, _pg_expandarray(a) → 3, aclexplode(acl) → 4,
 * generate_series → 5, one of array_of's → 6, pg_listening_channels() → 7,
 * regexp_matches → 8, anything else 0. */
static int srf_kind(const PgQuery__Node *n)
{
	if (!n || n->node_case != NODE(FUNC_CALL))
		return 0;
	const PgQuery__FuncCall *f = n->func_call;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname == 2 ? xlat_node_str(f->funcname[0]) : "pg_catalog";
	if (!name || !schema || f->n_funcname > 2 || f->over || f->agg_star || f->agg_distinct)
		return 0;
	/* JDBC's getPrimaryKeys/getIndexInfo: the (x, n) records of an array's elements */
	if (strcmp(schema, "information_schema") == 0 && strcmp(name, "_pg_expandarray") == 0 &&
	    f->n_args == 1)
		return 3;
	if (strcmp(schema, "pg_catalog") != 0)
		return 0;
	if (strcmp(name, "unnest") == 0 && f->n_args == 1)
		return 1;
	if (strcmp(name, "aclexplode") == 0 && f->n_args == 1)
		return 4;
	if (strcmp(name, "generate_series") == 0 && f->n_args >= 2 && f->n_args <= 3)
		return 5;
	if (array_of(name, f->n_args))
		return 6;
	if (strcmp(name, "pg_listening_channels") == 0 && !f->n_args)
		return 7;
	if (strcmp(name, "regexp_matches") == 0 && f->n_args >= 2 && f->n_args <= 3)
		return 8;
	if (strcmp(name, "generate_subscripts") == 0 && f->n_args == 2 &&
	    is_int_literal(f->args[1]))
		return 2;
	return 0;
}

/* generate_series(...) in a target list: joined as the FROM form is, once per row of the
 * query's FROM (PostgreSQL's result for one set-returning function in the list). */
static struct xlat_srf *series_call(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	struct xlat_type tv[3];
	for (size_t i = 0; i < f->n_args; i++) {
		if (!xlat_expr_aside(c, f->args[i], &tv[i]))
			return NULL;
	}
	int rank = series_rank(c, tv, f->n_args);
	if (rank < 0)
		return NULL;
	struct xlat_srf *srf = arena_zalloc(c->a, sizeof(*srf));
	srf->series = series_names[rank];
	srf->elem = series_types[rank];
	srf->alias = arena_printf(c->a, "xlat:srf%d", ++c->cte_seq);
	srf->calls[srf->ncalls++] = f;
	return srf;
}

/* Slot k's array: its node translated again (its constants' places recorded), or the text
 * of one that has no node. */
static bool slot_array(struct xlat_ctx *c, const struct xlat_srf *srf, int k)
{
	struct xlat_type t;
	if (!srf->args[k]) {
		xlat_puts(c, srf->texts[k]);
		return true;
	}
	size_t from = c->sb->len;
	if (!xlat_expr(c, srf->args[k], &t))
		return false;
	(void)xlat_multirange_unnest(c, from, t.oid); /* unnest(mr): its ranges */
	if (t.oid == XLAT_OID_TSVECTOR) {             /* unnest(tsvector): its rows' records */
		xlat_insert_at(c, from, "pgfn_ts_unnest_rows(");
		xlat_puts(c, ")");
	}
	return true;
}

/* The slot of the array v reads (a new one when no earlier call read the same array), or -1
 * failed. kind: srf_kind's; generate_subscripts(a, d) reads the array of a's subscripts. */
/* The array call a kind-6 function unnests (array_of), made from f. */
static const PgQuery__Node *split_array(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	PgQuery__String *str = arena_zalloc(c->a, sizeof(*str));
	pg_query__string__init(str);
	str->sval = (char *)array_of(xlat_node_str(f->funcname[f->n_funcname - 1]), f->n_args);
	PgQuery__Node *name = arena_zalloc(c->a, sizeof(*name)), *n;
	pg_query__node__init(name);
	name->node_case = NODE(STRING);
	name->string = str;
	PgQuery__FuncCall *call = arena_alloc(c->a, sizeof(*call));
	*call = *f;
	call->funcname = arena_zalloc(c->a, sizeof(*call->funcname));
	call->funcname[0] = name;
	call->n_funcname = 1;
	n = arena_zalloc(c->a, sizeof(*n));
	pg_query__node__init(n);
	n->node_case = NODE(FUNC_CALL);
	n->func_call = call;
	return n;
}

/* regexp_matches(s, re[, flags]) unnests pgfn_regexp_matches_array(...): each row a text[]
 * (the text, no node: its constants stay in it, so the statement is not cached). */
static const char *matches_array(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	struct strbuf *saved = c->sb, scratch;
	struct xlat_type t;
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	/* citext's (flag i) gave the right rows in a target list but not in FROM: refused */
	bool failed;
	if (xlat_citext_regexp_flags(c, f, &failed) && !failed)
		failed = !xlat_unsupported(c, f->location, "regexp_matches() of a citext");
	xlat_puts(c, "pgfn_regexp_matches_array(");
	bool ok = !failed;
	for (size_t i = 0; ok && i < f->n_args; i++) {
		xlat_puts(c, i ? ", " : "");
		ok = xlat_expr(c, f->args[i], &t);
	}
	xlat_puts(c, ")");
	c->sb = saved;
	const char *s = ok ? arena_strdup(c->a, scratch.data ? scratch.data : "") : NULL;
	strbuf_fini(&scratch);
	xlat_nocache(c);
	return s;
}

/* The array a call of an array kind (srf_kind's 1, 2, 6, 7, 8) unnests: its text (NULL
 * failed), its node (*array, NULL for none) and its element type (*elem). */
static const char *array_text(struct xlat_ctx *c, const PgQuery__FuncCall *f, int kind,
			      const PgQuery__Node **array, uint32_t *elem)
{
	struct xlat_type at = {1009 /* text[] */, -1};
	*array = kind == 6 ? split_array(c, f) : kind == 7 || kind == 8 ? NULL : f->args[0];
	/* pg_listening_channels() unnests the session's array of them: text, no node */
	const char *text = *array      ? xlat_expr_aside(c, *array, &at)
			   : kind == 8 ? matches_array(c, f)
				       : LISTENING_ARRAY;
	if (!text)
		return NULL;
	if (kind == 1 && at.oid == XLAT_OID_UNKNOWN) { /* unnest(anyarray), unnest(multirange) */
		xlat_func_not_unique(c, "unnest", &at, 1, f->location);
		return NULL;
	}
	if (kind == 1 && at.oid == XLAT_OID_TSVECTOR) { /* unnest(tsvector): its rows' records */
		*elem = XLAT_OID_RECORD;
		return arena_printf(c->a, "pgfn_ts_unnest_rows(%s)", text);
	}
	if (xlat_multirange_type(at.oid)) { /* unnest(mr): its ranges */
		const struct xlat_typeinfo *ti = xlat_type_by_oid(pgtype_multirange_range(at.oid));
		text = arena_printf(c->a, "pgfn_multirange_array(%s, %u)", text, at.oid);
		at.oid = ti ? ti->array_oid : at.oid;
	}
	int dim = kind == 2 ? f->args[1]->a_const->ival->ival : 0;
	if (dim)
		text = arena_printf(c->a, "pgfn_array_subscripts(%s, %d)", text, dim);
	const struct pgtype_info *ti = pgtype_by_oid(at.oid);
	*elem = dim         ? XLAT_OID_INT4
		: kind == 8 ? 1009
		: ti        ? ti->elem_oid
			    : xlat_array_elem_in(c, at.oid); /* an enum's */
	if (!*elem && !ti) /* an array of a row type (pt[]): each element a value of pt */
		*elem = xlat_comptype_array_elem(c, at.oid);
	return text;
}

static int srf_slot(struct xlat_ctx *c, struct xlat_srf *srf, const PgQuery__FuncCall *f, int kind)
{
	const PgQuery__Node *array;
	uint32_t elem;
	const char *text = array_text(c, f, kind, &array, &elem);
	if (!text)
		return -1;
	int dim = kind == 2 ? f->args[1]->a_const->ival->ival : 0;
	for (int k = 0; k < srf->nslots; k++) {
		if (strcmp(srf->texts[k], text) == 0 && srf->elems[k] == elem)
			return k; /* '{}'::int[] and '{}'::text[] are one text, not one array */
	}
	if (srf->nslots == XLAT_SRF_SLOTS) {
		xlat_unsupported(
			c, f->location,
			"more than 8 arrays under set-returning functions in a select list");
		return -1;
	}
	int k = srf->nslots++;
	srf->args[k] = array;
	srf->dims[k] = dim;
	srf->texts[k] = text;
	srf->elems[k] = elem;
	return k;
}

int xlat_catalog_srf_kind(const PgQuery__Node *n) { return srf_kind(n); }

const char *xlat_catalog_srf_blob(struct xlat_ctx *c, const PgQuery__FuncCall *f, int kind,
				  uint32_t *type)
{
	if (kind == 5) { /* the series' values */
		struct xlat_type tv[3];
		const char *args[3];
		for (size_t i = 0; i < f->n_args; i++)
			if (!(args[i] = xlat_expr_aside(c, f->args[i], &tv[i])))
				return NULL;
		int rank = series_rank(c, tv, f->n_args);
		if (rank < 0)
			return NULL;
		*type = series_types[rank];
		return arena_printf(c->a, "(SELECT pgfn_rows_pack(value) FROM %s(%s, %s%s%s))",
				    series_names[rank], args[0], args[1], f->n_args > 2 ? ", " : "",
				    f->n_args > 2 ? args[2] : "");
	}
	if (kind == 3 || kind == 4) {
		xlat_unsupported(c, f->location,
				 kind == 3
					 ? "_pg_expandarray beside another set-returning function "
					   "of this kind or in an expression"
					 : "aclexplode beside another set-returning function of "
					   "this kind or in an expression");
		return NULL;
	}
	const PgQuery__Node *array;
	const char *text = array_text(c, f, kind, &array, type);
	return text ? arena_printf(c->a, "(SELECT pgfn_rows_pack(v0) FROM pgfn_unnest(%s))", text)
		    : NULL;
}

/* Adds call v (of srf_kind kind) to *srfp, made on the first call; false with c->err. */
static bool srf_add(struct xlat_ctx *c, struct xlat_srf **srfp, const PgQuery__Node *v, int kind)
{
	struct xlat_srf *srf = *srfp;
	const PgQuery__FuncCall *f = v->func_call;
	if (kind == 5 || (srf && srf->series)) {
		if (srf)
			return xlat_unsupported(c, f->location,
						"generate_series with another set-returning "
						"function in a select list");
		return (*srfp = series_call(c, f)) != NULL;
	}
	if (!srf) {
		srf = *srfp = arena_zalloc(c->a, sizeof(*srf));
		srf->alias = arena_printf(c->a, "xlat:srf%d", ++c->cte_seq);
		srf->acl = kind == 4;
	}
	if (srf->acl != (kind == 4) || srf->ncalls == (int)ARRAY_LEN(srf->calls))
		return xlat_unsupported(c, f->location,
					"aclexplode with another set-returning function in a "
					"select list");
	int k = srf_slot(c, srf, f, kind);
	if (k < 0)
		return false;
	if (srf->acl && k > 0)
		return xlat_unsupported(c, f->location, "aclexplode over two different arrays");
	srf->slot[srf->ncalls] = (signed char)k;
	srf->calls[srf->ncalls++] = f;
	return true;
}

/* Whether s groups by every set-returning function of its target list (GROUP BY naming its
 * output column, as pgcli's casing query does): PostgreSQL then expands the rows before
 * grouping them, which is what the join does. Grouping by other columns would run the
 * functions over the groups instead. */
static bool grouped_by_srfs(const PgQuery__SelectStmt *s, const struct xlat_srf *srf)
{
	if (srf->series || srf->acl || srf->zip || !s->n_group_clause)
		return false;
	for (int i = 0; i < srf->ncalls; i++) {
		const char *alias = NULL;
		for (size_t k = 0; k < s->n_target_list; k++) {
			const PgQuery__ResTarget *rt = s->target_list[k]->res_target;
			if (rt->val && rt->val->node_case == NODE(FUNC_CALL) &&
			    rt->val->func_call == srf->calls[i])
				alias = rt->name;
		}
		bool found = false;
		for (size_t g = 0; alias && g < s->n_group_clause && !found; g++) {
			const PgQuery__Node *n = s->group_clause[g];
			found = n->node_case == NODE(COLUMN_REF) && n->column_ref->n_fields == 1 &&
				xlat_node_str(n->column_ref->fields[0]) &&
				strcmp(xlat_node_str(n->column_ref->fields[0]), alias) == 0;
		}
		if (!found)
			return false;
	}
	return true;
}

bool xlat_catalog_srf_collect(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	c->srf = NULL;
	struct xlat_srf *srf = NULL;
	int zip = xlat_srfzip_collect(c, s, &srf); /* beside others, inside expressions */
	if (zip < 0)
		return false;
	for (size_t i = 0; !zip && i < s->n_target_list; i++) {
		const PgQuery__Node *v = s->target_list[i]->res_target->val;
		int inner = v && v->node_case == NODE(A_INDIRECTION)
				    ? srf_kind(v->a_indirection->arg)
				    : 0;
		if (inner == 3 || inner == 4 || inner == 8)
			v = v->a_indirection
				    ->arg; /* (_pg_expandarray(a)).n, (aclexplode(acl)).grantee,
						    * (regexp_matches(s, re))[1] */
		int udf = xlat_udf_srf_target(c, &srf, v);
		if (udf < 0)
			return false;
		int kind = udf ? 0 : srf_kind(v);
		if (kind && !srf_add(c, &srf, v, kind))
			return false;
	}
	if (srf && srf->udf && srf->ncalls > 1)
		return xlat_unsupported(c, -1,
					"a set-returning function of the tenant's with "
					"another set-returning function in a select list");
	/* DISTINCT comes after the functions' rows, as the zip's join gives them */
	bool distinct = s->n_distinct_clause && !(srf && srf->zip && !xlat_is_distinct_on(s));
	if (srf && (distinct || s->n_window_clause ||
		    ((s->n_group_clause || s->having_clause) && !grouped_by_srfs(s, srf))))
		return xlat_unsupported(c, -1,
					"a set-returning function with GROUP BY or DISTINCT");
	c->srf = srf;
	return true;
}

static bool series_from(struct xlat_ctx *c, bool had_from)
{
	struct xlat_type ignored;
	const PgQuery__FuncCall *f = c->srf->calls[0];
	xlat_printf(c, "%s%s(", had_from ? ", " : " FROM ", c->srf->series);
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!xlat_expr(c, f->args[i], &ignored))
			return false;
	}
	xlat_puts(c, ") AS ");
	xlat_ident(c, c->srf->alias);
	return true;
}

bool xlat_catalog_srf_from(struct xlat_ctx *c, bool had_from)
{
	if (c->srf->zip)
		return xlat_srfzip_from(c, had_from);
	if (c->srf->udf) {
		xlat_printf(c, "%spgfn_rows(%s) AS ", had_from ? ", " : " FROM ", c->srf->udf_text);
		xlat_ident(c, c->srf->alias);
		return true;
	}
	if (c->srf->series)
		return series_from(c, had_from);
	/* pgfn's unnest: an array of integers only yields integers, which sort as numbers */
	xlat_puts(c, had_from ? ", " : " FROM ");
	xlat_puts(c, c->srf->acl ? "pg_srf_aclexplode(" : "pgfn_unnest(");
	for (int k = 0; k < c->srf->nslots; k++) {
		xlat_puts(c, k ? ", " : "");
		xlat_puts(c, c->srf->dims[k] ? "pgfn_array_subscripts(" : "");
		if (!slot_array(c, c->srf, k))
			return false;
		if (c->srf->dims[k])
			xlat_printf(c, ", %d)", c->srf->dims[k]);
	}
	xlat_puts(c, ") AS ");
	xlat_ident(c, c->srf->alias);
	return true;
}

/* The index of f among the collected calls, -1 when it is not one. */
static int srf_call(const struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	for (int i = 0; c->srf && i < c->srf->ncalls; i++) {
		if (c->srf->calls[i] == f)
			return i;
	}
	return -1;
}

static bool srf_collected(const struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	return srf_call(c, f) >= 0;
}

/* Call i's element (value) or its position in its array (_pg_expandarray's n): the row's
 * ordinality while the array lasts, NULL past its end when a longer array sets the pace. */
static bool srf_column(struct xlat_ctx *c, int i, bool value, struct xlat_type *t)
{
	const struct xlat_srf *srf = c->srf;
	int k = srf->slot[i];
	*t = (struct xlat_type){value ? srf->elems[k] : XLAT_OID_INT4, -1};
	/* "$1.00" back into cents, "t" into 1 */
	char tag = !value                            ? 0
		   : srf->elems[k] == XLAT_OID_MONEY ? 'm'
		   : srf->elems[k] == XLAT_OID_BOOL  ? 'b'
						     : 0;
	if (value || srf->nslots == 1) {
		xlat_puts(c, tag ? "pgfn_array_elem(" : "");
		xlat_ident(c, srf->alias);
		xlat_printf(c, value ? ".v%d" : ".ordinality", k);
		if (tag)
			xlat_printf(c, ", '%c')", tag);
		return true;
	}
	xlat_puts(c, "CASE WHEN ");
	xlat_ident(c, srf->alias);
	xlat_puts(c, ".ordinality <= pgfn_array_dim(");
	if (!slot_array(c, srf, k))
		return false;
	xlat_puts(c, ", 1, 3) THEN ");
	xlat_ident(c, srf->alias);
	xlat_puts(c, ".ordinality END");
	return true;
}

int xlat_catalog_srf_ref(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	int i = srf_call(c, f);
	if (i < 0)
		return 0;
	if (c->srf->zip)
		return xlat_srfzip_value(c, i, -1, t) ? 1 : -1;
	if (c->srf->udf)
		return xlat_udf_srf_value(c, c->srf, t) ? 1 : -1;
	if (c->srf->series) {
		xlat_ident(c, c->srf->alias);
		xlat_puts(c, ".value");
		*t = (struct xlat_type){c->srf->elem, -1};
		return 1;
	}
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	if (c->srf->acl) { /* the whole record, in PostgreSQL's record text form */
		xlat_puts(c, "('(' || ");
		for (size_t j = 0; j < ARRAY_LEN(acl_cols); j++) {
			xlat_puts(c, j ? " || ',' || " : "");
			xlat_puts(c, j == 3 ? "CASE WHEN " : "");
			xlat_ident(c, c->srf->alias);
			xlat_printf(c, ".%s", acl_cols[j]);
			xlat_puts(c, j == 3 ? " THEN 't' ELSE 'f' END" : "");
		}
		xlat_puts(c, " || ')')");
		*t = (struct xlat_type){OID_RECORD, -1};
		return 1;
	}
	if (strcmp(name, "_pg_expandarray") != 0)
		return srf_column(c, i, true, t) ? 1 : -1;
	/* the whole (x, n) record, in PostgreSQL's record text form */
	xlat_puts(c, "('(' || ");
	srf_column(c, i, true, t);
	xlat_puts(c, " || ',' || ");
	bool ok = srf_column(c, i, false, t);
	xlat_puts(c, " || ')')");
	*t = (struct xlat_type){OID_RECORD, -1};
	return ok ? 1 : -1;
}

/* (r).grantor ... (r).is_grantable of an aclexplode record: the collected call's column, or
 * the field of the record's text with its type. */
static bool acl_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind, size_t k,
		      struct xlat_type *t)
{
	static const uint32_t types[] = {XLAT_OID_OID, XLAT_OID_OID, XLAT_OID_TEXT, XLAT_OID_BOOL};
	*t = (struct xlat_type){types[k], -1};
	if (ind->arg->node_case == NODE(FUNC_CALL) && srf_collected(c, ind->arg->func_call)) {
		xlat_ident(c, c->srf->alias);
		xlat_printf(c, ".%s", acl_cols[k]);
		return true;
	}
	struct xlat_type ignored;
	xlat_puts(c, k < 2 ? "CAST(pg_record_field(" : "(pg_record_field(");
	if (!xlat_expr(c, ind->arg, &ignored))
		return false;
	xlat_printf(c, ", %zu)%s", k + 1, k < 2 ? " AS INTEGER)" : k == 3 ? " = 't')" : ")");
	return true;
}

/* (r).x and (r).n of an (x, n) record from _pg_expandarray, and the fields of aclexplode's
 * records: the only records there are. */
bool xlat_catalog_record_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind,
			       struct xlat_type *t)
{
	const char *field = xlat_node_str(ind->indirection[0]);
	for (size_t k = 0; field && k < ARRAY_LEN(acl_cols); k++) {
		if (strcmp(field, acl_cols[k]) == 0)
			return acl_field(c, ind, k, t);
	}
	if (!field || (strcmp(field, "x") != 0 && strcmp(field, "n") != 0))
		return xlat_unsupported(c, -1, "field selection");
	bool value = field[0] == 'x';
	int i = ind->arg->node_case == NODE(FUNC_CALL) ? srf_call(c, ind->arg->func_call) : -1;
	if (i >= 0)
		return srf_column(c, i, value, t);
	struct xlat_type ignored;
	xlat_puts(c, "pg_record_field(");
	if (!xlat_expr(c, ind->arg, &ignored))
		return false;
	xlat_printf(c, ", %d)", value ? 1 : 2);
	*t = (struct xlat_type){value ? 0 : XLAT_OID_INT4, -1};
	return true;
}
