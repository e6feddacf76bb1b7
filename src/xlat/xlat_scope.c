/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_scope.c: name resolution for typing — which relations a query level reads (tables from
 * the tenant's schema, CTEs, subqueries in FROM) and the PostgreSQL type of a column reference.
 * Only types are decided here; SQLite still resolves the names it runs. Functions in FROM are
 * typed by xlat_srf.c when it knows them. Anything not known for certain (a catalog relation,
 * another function in FROM, a subquery with *) makes its level opaque, and a column that might
 * come from it stays "known at run time" (type 0). */
#include "xlat_int.h"
#include "xlat_syscol.h"

#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* A relation visible to column references: a FROM item of some query level, or a CTE. */
struct xlat_scope_rel {
	const char *name; /* what its columns are qualified with: the alias or the table name */
	const struct xlat_schema_col *cols;
	size_t ncols;
	bool opaque;       /* its columns are unknown */
	int level;         /* query nesting level (CTEs: the level of their WITH) */
	const char *table; /* a table or view of the tenant's own: its name (for its row type) */
	bool catalog;      /* a pg_catalog relation */
	bool scalar_fn;    /* a built-in function in FROM returning one value (no ORDINALITY):
			    * its name alone means that value, as in PostgreSQL */
	uint32_t rowtype;  /* a function in FROM whose rows are of a row type: that type */
	bool nullable;     /* on the nullable side of an outer join: its whole row may be NULL */
	/* where each column comes from (a subquery's or CTE's, ncols entries); NULL: a view's
	 * or partition's own column (table), SQLite's answer otherwise */
	const struct xlat_origin *origins;
	bool renamed; /* a table with an alias's column list: its names are not cols' names */
	const PgQuery__Node *join; /* an aliased join made a subquery: the join it hides */
};

/* A subquery's output, computed once (a dry run) and reused by the real pass. */
struct xlat_scope_memo {
	const void *node;
	const struct xlat_schema_col *cols;
	size_t ncols;
	bool opaque;
	const struct xlat_origin *origins;
};

static void *grow(struct arena *a, void *v, int n, int *cap, size_t size)
{
	if (n < *cap)
		return v;
	int ncap = *cap ? *cap * 2 : 8;
	void *p = arena_alloc(a, (size_t)ncap * size);
	if (n)
		memcpy(p, v, (size_t)n * size);
	*cap = ncap;
	return p;
}

static struct xlat_scope_rel *push_rel(struct xlat_ctx *c, const char *name)
{
	c->rels = grow(c->a, c->rels, c->nrels, &c->rels_cap, sizeof(*c->rels));
	struct xlat_scope_rel *r = &c->rels[c->nrels++];
	*r = (struct xlat_scope_rel){.name = name, .level = c->level, .opaque = true};
	return r;
}

int xlat_scope_enter(struct xlat_ctx *c)
{
	c->level++;
	return c->nrels;
}

void xlat_scope_leave(struct xlat_ctx *c, int mark)
{
	c->level--;
	c->nrels = mark;
}

/* ---- dry runs: a query's output types without writing its text ---- */

bool xlat_scope_dry_select(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			   struct xlat_shape *shape)
{
	struct strbuf scratch, *saved = c->sb;
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	c->dry++;
	bool ok = xlat_select(c, s, shape);
	c->dry--;
	c->sb = saved;
	strbuf_fini(&scratch);
	return ok;
}

bool xlat_scope_dry_expr(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	struct strbuf scratch, *saved = c->sb;
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	c->dry++;
	bool ok = xlat_expr(c, n, t);
	c->dry--;
	c->sb = saved;
	strbuf_fini(&scratch);
	return ok;
}

/* Columns named names (NULL: unknown) typed by shape, into the arena. */
static const struct xlat_schema_col *shape_cols(struct xlat_ctx *c, const struct xlat_shape *shape,
						const char **names, size_t n)
{
	struct xlat_schema_col *v = arena_zalloc(c->a, (n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		v[i].name = names[i];
		v[i].type_oid = i < shape->n ? shape->types[i].oid : 0;
		v[i].typmod = i < shape->n ? shape->types[i].typmod : -1;
		if (v[i].type_oid == XLAT_OID_UNKNOWN)
			v[i].type_oid = XLAT_OID_TEXT;
	}
	return v;
}

/* The origins of a query's n output columns (a subquery's, a CTE's), NULL: SQLite's. */
static const struct xlat_origin *shape_origins(const struct xlat_shape *shape, size_t n)
{
	return shape && !shape->star && shape->origins && shape->n == n ? shape->origins : NULL;
}

/* The output columns of a subquery, renamed by an alias list; opaque with * in it. */
static bool subquery_cols(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			  const PgQuery__Alias *al, struct xlat_scope_rel *r)
{
	for (int i = 0; i < c->nmemo; i++) {
		if (c->memo[i].node == s) {
			r->cols = c->memo[i].cols;
			r->ncols = c->memo[i].ncols;
			r->opaque = c->memo[i].opaque;
			r->origins = c->memo[i].origins;
			return true;
		}
	}
	struct xlat_shape shape = {0};
	if (!xlat_scope_dry_select(c, s, &shape))
		return false;
	size_t n = 0;
	const char **names = xlat_shape_colnames(c, s, &shape, &n);
	r->opaque = !names || shape.star;
	if (!r->opaque) {
		for (size_t i = 0; al && i < al->n_colnames && i < n; i++)
			names[i] = xlat_node_str(al->colnames[i]);
		r->cols = shape_cols(c, &shape, names, n);
		r->ncols = n;
		r->origins = shape_origins(&shape, n);
	}
	c->memo = grow(c->a, c->memo, c->nmemo, &c->memo_cap, sizeof(*c->memo));
	c->memo[c->nmemo++] = (struct xlat_scope_memo){s, r->cols, r->ncols, r->opaque, r->origins};
	return true;
}

static const struct xlat_scope_rel *find_cte(const struct xlat_ctx *c, const char *name)
{
	for (int i = c->nctes - 1; i >= 0; i--) {
		if (strcmp(c->ctes[i].name, name) == 0)
			return &c->ctes[i];
	}
	return NULL;
}

/* Whether rv names a relation of the session's own tenant, the one the schema describes:
 * `public.` or unqualified (unless search_path sends unqualified names to another tenant).
 * Other tenants' relations and the catalog's stay untyped here. */
static bool own_tenant_rel(const struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	if (rv->schemaname && *rv->schemaname)
		return strcmp(rv->schemaname, "public") == 0 ||
		       strcmp(rv->schemaname, "pg_temp") == 0;
	return !(c->env && c->env->search);
}

const struct xlat_transition *xlat_scope_transition(const struct xlat_ctx *c,
						    const PgQuery__RangeVar *rv)
{
	if (!c->env || !c->env->ntransitions || (rv->schemaname && *rv->schemaname) ||
	    find_cte(c, rv->relname))
		return NULL;
	for (size_t i = 0; i < c->env->ntransitions; i++)
		if (strcmp(c->env->transitions[i].name, rv->relname) == 0)
			return &c->env->transitions[i];
	return NULL;
}

bool xlat_scope_sequence(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
			 const struct xlat_schema_col **cols, size_t *ncols)
{
	/* what PostgreSQL shows of a sequence read as a relation */
	static const struct xlat_schema_col seq_cols[] = {
		{"last_value", XLAT_OID_INT8, -1, '\0', NULL, false, false, false},
		{"log_cnt", XLAT_OID_INT8, -1, '\0', NULL, false, false, false},
		{"is_called", XLAT_OID_BOOL, -1, '\0', NULL, false, false, false},
	};
	bool bare = !rv->schemaname || !*rv->schemaname;
	const struct xlat_schema_col *ignored;
	size_t n;
	if (!own_tenant_rel(c, rv) || !c->schema || !c->schema->table_fn ||
	    (bare && (find_cte(c, rv->relname) || xlat_catalog_is_relation(rv->relname) ||
		      xlat_scope_transition(c, rv))) ||
	    strncmp(rv->relname, "sqlite_", 7) == 0 ||
	    strncmp(rv->relname, "_shardlite", 10) == 0 ||
	    c->schema->table_fn(c->schema->arg, rv->relname, c->a, &ignored, &n))
		return false;
	xlat_nocache(c);
	if (!c->schema->sequence_fn || !c->schema->sequence_fn(c->schema->arg, rv->relname))
		return false;
	*cols = seq_cols;
	*ncols = ARRAY_LEN(seq_cols);
	return true;
}

static void range_var(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	const char *schema = rv->schemaname && *rv->schemaname ? rv->schemaname : NULL;
	struct xlat_scope_rel *r = push_rel(c, rv->alias ? rv->alias->aliasname : rv->relname);
	const struct xlat_scope_rel *cte = schema ? NULL : find_cte(c, rv->relname);
	if (cte) {
		r->cols = cte->cols;
		r->ncols = cte->ncols;
		r->opaque = cte->opaque;
		r->origins = cte->origins;
		return;
	}
	const struct xlat_transition *tt = xlat_scope_transition(c, rv);
	if (tt) { /* its table's columns */
		if (c->schema && c->schema->table_fn &&
		    c->schema->table_fn(c->schema->arg, tt->table, c->a, &r->cols, &r->ncols))
			r->opaque = false;
		return;
	}
	bool catalog = (!schema || strcmp(schema, "pg_catalog") == 0) &&
		       xlat_catalog_is_relation(rv->relname);
	bool infoschema = schema && strcmp(schema, "information_schema") == 0;
	const char *catname = infoschema ? arena_printf(c->a, "information_schema_%s", rv->relname)
					 : rv->relname; /* information_schema's served name */
	if ((catalog || infoschema) && c->schema && c->schema->catalog_fn &&
	    c->schema->catalog_fn(c->schema->arg, catname, c->a, &r->cols, &r->ncols)) {
		r->opaque = false; /* pg_catalog comes first in PostgreSQL's search path */
		r->catalog = true;
		return;
	}
	if (!own_tenant_rel(c, rv))
		return; /* the catalog's: typed by their own declarations; other tenants': unknown */
	if (schema && strcmp(schema, "public") == 0 && xlat_temp_hides(c, rv->relname)) {
		/* table_fn would give the temporary t's columns */
		const struct xlat_env *env = c->env;
		if (env->file_table_fn &&
		    env->file_table_fn(env->session_arg, rv->relname, c->a, &r->cols, &r->ncols)) {
			r->opaque = false;
			r->table = rv->relname;
			r->renamed = rv->alias && rv->alias->n_colnames;
		}
		return;
	}
	if (c->schema && c->schema->table_fn &&
	    c->schema->table_fn(c->schema->arg, rv->relname, c->a, &r->cols, &r->ncols)) {
		r->opaque = false;
		r->table = rv->relname;
		r->renamed = rv->alias && rv->alias->n_colnames;
	} else if (xlat_scope_sequence(c, rv, &r->cols, &r->ncols))
		r->opaque = false;
}

char xlat_scope_relkind(const struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	if (!c->schema || !c->schema->relkind_fn || !own_tenant_rel(c, rv) ||
	    (rv->schemaname && strcmp(rv->schemaname, "pg_temp") == 0))
		return 0;
	return c->schema->relkind_fn(c->schema->arg, rv->relname);
}

bool xlat_scope_matview(const struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	char kind = xlat_scope_relkind(c, rv);
	return kind == 'm' || kind == 'M';
}

/* A materialized view made or refreshed WITH NO DATA cannot be read, as in PostgreSQL; nor can
 * a composite type, which is a relation of PostgreSQL's catalog but holds no rows. */
static bool populated(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	bool bare = !rv->schemaname || !*rv->schemaname;
	char why = 0;
	if (!c->schema || !c->schema->relkind_fn || !own_tenant_rel(c, rv) ||
	    (bare && find_cte(c, rv->relname)) ||
	    !(why = c->schema->relkind_fn(c->schema->arg, rv->relname)) || why == 'M' || why == 'v')
		return true;
	if (why == 'c')
		return xlat_fail(c, "42809", rv->location, "\"%s\" is a composite type",
				 rv->relname);
	/* PostgreSQL's executor says it, without a position */
	xlat_fail(c, "55000", -1, "materialized view \"%s\" has not been populated", rv->relname);
	pgerr_hint(c->err, "Use the REFRESH MATERIALIZED VIEW command.");
	return false;
}

/* A one-row LATERAL (SELECT e1, e2) AS o(a, b), whose references are substituted: its
 * columns typed by their expressions, which may read the FROM items before it. */
static bool lateral_row_cols(struct xlat_ctx *c, const PgQuery__RangeSubselect *rs, int at)
{
	const PgQuery__SelectStmt *s = rs->subquery->select_stmt;
	struct xlat_schema_col *cols = arena_zalloc(c->a, s->n_target_list * sizeof(*cols));
	struct xlat_origin *origins = arena_zalloc(c->a, s->n_target_list * sizeof(*origins));
	int upto = xlat_lateral_enter(c, rs->alias->aliasname);
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		struct xlat_type t;
		if (!xlat_scope_dry_expr(c, rt->val, &t)) {
			c->lat_upto = upto;
			return false;
		}
		/* a plain column reference is that column (substituted, SQLite sees an
		 * expression); anything else is PostgreSQL's 0/0 */
		origins[i] = rt->val->node_case == NODE(COLUMN_REF)
				     ? xlat_scope_column_origin(c, rt->val->column_ref, true)
				     : (struct xlat_origin){XLAT_ORIGIN_NONE, NULL, NULL};
		cols[i] = (struct xlat_schema_col){i < rs->alias->n_colnames
							   ? xlat_node_str(rs->alias->colnames[i])
						   : rt->name && *rt->name ? rt->name
									   : xlat_colname(rt->val),
						   t.oid,
						   t.typmod,
						   '\0',
						   NULL,
						   false,
						   false,
						   false};
	}
	c->lat_upto = upto;
	c->rels[at].cols = cols; /* the dry runs may have moved c->rels */
	c->rels[at].origins = origins;
	c->rels[at].ncols = s->n_target_list;
	c->rels[at].opaque = false;
	return true;
}

static bool from_item(struct xlat_ctx *c, const PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(RANGE_VAR):
		range_var(c, n->range_var);
		return populated(c, n->range_var);
	case NODE(RANGE_SUBSELECT): {
		const PgQuery__RangeSubselect *rs = n->range_subselect;
		struct xlat_scope_rel *r = push_rel(c, rs->alias ? rs->alias->aliasname : NULL);
		if (rs->lateral && xlat_lateral_skip(c, n))
			return lateral_row_cols(c, rs, c->nrels - 1);
		if (!rs->subquery || rs->subquery->node_case != NODE(SELECT_STMT))
			return true; /* refused by the real pass, or unknown */
		struct xlat_scope_rel got = *r;
		uint64_t saved = rs->lateral ? c->hidden_levels : xlat_scope_hide_level(c);
		bool named = c->origins_named;
		c->origins_named = named || rs->lateral;
		bool ok = subquery_cols(c, rs->subquery->select_stmt, rs->alias, &got);
		c->origins_named = named;
		xlat_scope_unhide(c, saved);
		if (!ok)
			return false;
		got.join = xlat_colalias_join(c, rs->subquery->select_stmt);
		c->rels[c->nrels - 1] = got; /* the dry run may have moved c->rels */
		return true;
	}
	case NODE(JOIN_EXPR): {
		const PgQuery__JoinExpr *j = n->join_expr;
		int first = c->nrels;
		if (!from_item(c, j->larg))
			return false;
		int mid = c->nrels;
		if (!from_item(c, j->rarg))
			return false;
		bool left = j->jointype == PG_QUERY__JOIN_TYPE__JOIN_RIGHT ||
			    j->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
		bool right = j->jointype == PG_QUERY__JOIN_TYPE__JOIN_LEFT ||
			     j->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
		for (int i = left ? first : mid; i < (right ? c->nrels : mid); i++)
			c->rels[i].nullable = true;
		return true;
	}
	case NODE(RANGE_FUNCTION): {
		const char *name = NULL;
		const struct xlat_schema_col *cols = NULL;
		size_t ncols = 0;
		int got = xlat_rowsfrom_scope_cols(c, n->range_function, &name, &cols, &ncols);
		got = got ? got : xlat_udf_scope_cols(c, n->range_function, &name, &cols, &ncols);
		got = got ? got : xlat_recfn_scope_cols(c, n->range_function, &name, &cols, &ncols);
		uint32_t rowtype = 0; /* unnest(pt[]): a whole row is a value of pt */
		got = got ? got
			  : xlat_unnestrow_scope_cols(c, n->range_function, &name, &cols, &ncols,
						      &rowtype);
		bool builtin = got == 0;
		got = got ? got : xlat_srf_scope_cols(c, n->range_function, &name, &cols, &ncols);
		struct xlat_scope_rel *r = push_rel(c, name);
		r->cols = cols;
		r->ncols = ncols;
		r->rowtype = rowtype;
		r->opaque = got != 1;
		r->scalar_fn = builtin && got == 1 && ncols == 1 && cols[0].name &&
			       !n->range_function->ordinality;
		return got >= 0;
	}
	default:
		push_rel(c, NULL); /* functions in FROM, LATERAL substitutions: unknown */
		return true;
	}
}

/* The FROM items of a FROM list, through its joins, that carry a name: a table (its alias or
 * name) or an aliased subquery or function. At most max; returns how many. */
struct refname {
	const char *name;
	const char *schema; /* a table without an alias: its schema, "" when not written */
	int location;
};

/* Whether relation rel is "s.t" with alias t: local schema s's t as xlat_localnsp.c names it,
 * whose alias is its reference name, not one the statement gave. */
static bool local_alias(const char *rel, const char *alias)
{
	size_t rl = strlen(rel), al = strlen(alias);
	return rl > al + 1 && rel[rl - al - 1] == '.' && strcmp(rel + rl - al, alias) == 0;
}

static size_t refnames(struct xlat_ctx *c, const PgQuery__Node *n, struct refname *v, size_t at,
		       size_t max)
{
	const PgQuery__Alias *al = NULL;
	int location = -1;
	switch (n->node_case) {
	case NODE(JOIN_EXPR):
		if (n->join_expr->alias) { /* it hides the names inside */
			al = n->join_expr->alias;
			break;
		}
		at = refnames(c, n->join_expr->larg, v, at, max);
		at = refnames(c, n->join_expr->rarg, v, at, max);
		if (n->join_expr->join_using_alias && at < max) /* JOIN ... USING (x) AS u */
			v[at++] = (struct refname){n->join_expr->join_using_alias->aliasname, NULL,
						   -1};
		return at;
	case NODE(RANGE_VAR):
		al = n->range_var->alias;
		if (al && al->aliasname && local_alias(n->range_var->relname, al->aliasname) &&
		    at < max) { /* s.t of local schema s: "s.t" AS t (xlat_localnsp.c) */
			const char *rel = n->range_var->relname;
			size_t sl = strlen(rel) - strlen(al->aliasname) - 1;
			v[at++] = (struct refname){al->aliasname, arena_strndup(c->a, rel, sl),
						   n->range_var->location};
			return at;
		}
		if (!al && at < max) /* t and public.t are the same table */
			v[at++] = (struct refname){n->range_var->relname,
						   n->range_var->schemaname &&
								   strcmp(n->range_var->schemaname,
									  "public") != 0
							   ? n->range_var->schemaname
							   : "",
						   n->range_var->location};
		location = n->range_var->location;
		break;
	case NODE(RANGE_SUBSELECT):
		al = n->range_subselect->alias;
		break;
	case NODE(RANGE_FUNCTION):
		al = n->range_function->alias;
		break;
	default:
		break;
	}
	if (al && al->aliasname && at < max)
		v[at++] = (struct refname){al->aliasname, NULL, location};
	return at;
}

/* PostgreSQL's checkNameSpaceConflicts: two FROM items of one level may not share a name,
 * unless both are tables without aliases in different schemas (42712). */
static bool unique_refnames(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	struct refname names[64];
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k = refnames(c, v[i], names, k, ARRAY_LEN(names));
	for (size_t i = 1; i < k; i++) {
		for (size_t j = 0; j < i; j++) {
			if (strcmp(names[i].name, names[j].name) != 0 ||
			    (names[i].schema && names[j].schema &&
			     strcmp(names[i].schema, names[j].schema) != 0))
				continue;
			return xlat_fail(c, "42712", names[i].location,
					 "table name \"%s\" specified more than once",
					 names[i].name);
		}
	}
	return true;
}

bool xlat_scope_from(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	if (!unique_refnames(c, v, n))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!from_item(c, v[i]))
			return false;
	}
	return true;
}

void xlat_scope_table(struct xlat_ctx *c, const PgQuery__RangeVar *rv) { range_var(c, rv); }

bool xlat_scope_target(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
		       const struct xlat_schema_col **cols, size_t *ncols)
{
	*cols = NULL;
	*ncols = 0;
	if (!own_tenant_rel(c, rv))
		return false;
	return c->schema && c->schema->table_fn &&
	       c->schema->table_fn(c->schema->arg, rv->relname, c->a, cols, ncols);
}

bool xlat_scope_default(struct xlat_ctx *c, const PgQuery__RangeVar *rv, const char *col,
			const char **sql)
{
	*sql = NULL;
	return own_tenant_rel(c, rv) && c->schema && c->schema->default_fn &&
	       c->schema->default_fn(c->schema->arg, rv->relname, col, sql, NULL);
}

bool xlat_scope_absent(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	const struct xlat_schema_col *cols;
	size_t ncols;
	return own_tenant_rel(c, rv) && c->schema && c->schema->table_fn &&
	       !xlat_scope_transition(c, rv) &&
	       !c->schema->table_fn(c->schema->arg, rv->relname, c->a, &cols, &ncols);
}

const struct xlat_schema_col *xlat_scope_col(const struct xlat_schema_col *cols, size_t n,
					     const char *name)
{
	for (size_t i = 0; name && i < n; i++) {
		if (cols[i].name && strcasecmp(cols[i].name, name) == 0)
			return &cols[i];
	}
	return NULL;
}

/* ---- CTEs ---- */

void xlat_scope_cte(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e,
		    const struct xlat_shape *shape)
{
	c->ctes = grow(c->a, c->ctes, c->nctes, &c->ctes_cap, sizeof(*c->ctes));
	struct xlat_scope_rel *r = &c->ctes[c->nctes++];
	*r = (struct xlat_scope_rel){.name = e->ctename, .level = c->level, .opaque = true};
	size_t n = 0;
	const char **names = xlat_shape_colnames(c, e->ctequery->select_stmt, shape, &n);
	if (!names || !shape || shape->star)
		return;
	for (size_t i = 0; i < e->n_aliascolnames && i < n; i++)
		names[i] = xlat_node_str(e->aliascolnames[i]);
	r->cols = shape_cols(c, shape, names, n);
	r->ncols = n;
	r->opaque = false;
	r->origins = shape_origins(shape, n);
}

int xlat_scope_cte_find(const struct xlat_ctx *c, const char *name)
{
	const struct xlat_scope_rel *r = find_cte(c, name);
	return r ? (int)(r - c->ctes) : -1;
}

void xlat_scope_cte_cols(struct xlat_ctx *c, const char *name, const struct xlat_schema_col *cols,
			 size_t n)
{
	c->ctes = grow(c->a, c->ctes, c->nctes, &c->ctes_cap, sizeof(*c->ctes));
	c->ctes[c->nctes++] = (struct xlat_scope_rel){
		.name = name, .level = c->level, .cols = cols, .ncols = n, .opaque = false};
}

void xlat_scope_cols(struct xlat_ctx *c, const char *name, const struct xlat_schema_col *cols,
		     size_t n)
{
	struct xlat_scope_rel *r = push_rel(c, name);
	r->cols = cols;
	r->ncols = n;
	r->opaque = false;
}

/* ---- column references ---- */

static bool field_names(const PgQuery__ColumnRef *cr, const char **rel, const char **col)
{
	size_t n = cr->n_fields;
	if (n < 1 || n > 3)
		return false;
	*col = xlat_node_str(cr->fields[n - 1]);
	*rel = n >= 2 ? xlat_node_str(cr->fields[n - 2]) : NULL;
	return *col != NULL && (n == 1 || *rel != NULL);
}

static struct xlat_type col_type(const struct xlat_schema_col *k)
{
	return (struct xlat_type){k ? k->type_oid : 0, k && k->type_oid ? k->typmod : -1};
}

/* rel.col: the innermost relation of that name decides. */
static struct xlat_type qualified(const struct xlat_ctx *c, const char *rel, const char *col)
{
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (!r->name || strcmp(r->name, rel) != 0)
			continue;
		if (r->opaque)
			break;
		return col_type(xlat_scope_col(r->cols, r->ncols, col));
	}
	return (struct xlat_type){0, -1};
}

/* col: the innermost level that has it; a level with an opaque relation might have it. */
static bool hidden(const struct xlat_ctx *c, int level)
{
	return level >= 0 && level < 64 && (c->hidden_levels >> level & 1);
}

uint64_t xlat_scope_hide_level(struct xlat_ctx *c)
{
	uint64_t saved = c->hidden_levels;
	if (c->level >= 0 && c->level < 64)
		c->hidden_levels |= (uint64_t)1 << c->level;
	return saved;
}

void xlat_scope_unhide(struct xlat_ctx *c, uint64_t saved) { c->hidden_levels = saved; }

static struct xlat_type unqualified(const struct xlat_ctx *c, const char *col)
{
	int i = c->nrels - 1;
	while (i >= 0) {
		int level = c->rels[i].level;
		bool opaque = false;
		const struct xlat_schema_col *hit = NULL;
		if (hidden(c, level)) { /* a sibling of the FROM subquery being translated */
			while (i >= 0 && c->rels[i].level == level)
				i--;
			continue;
		}
		for (; i >= 0 && c->rels[i].level == level; i--) {
			const struct xlat_scope_rel *r = &c->rels[i];
			opaque |= r->opaque;
			if (!r->opaque && !hit)
				hit = xlat_scope_col(r->cols, r->ncols, col);
		}
		if (hit)
			return col_type(hit);
		if (opaque)
			break;
	}
	return (struct xlat_type){0, -1};
}

/* Whether the FROM item called name is one of n's inputs: 1 yes, 0 no, -1 cannot tell (a
 * function without an alias). */
static int join_input(const PgQuery__Node *n, const char *name)
{
	const PgQuery__Alias *alias = NULL;
	switch (n->node_case) {
	case NODE(RANGE_VAR):
		alias = n->range_var->alias;
		return strcmp(alias ? alias->aliasname : n->range_var->relname, name) == 0;
	case NODE(RANGE_SUBSELECT):
		alias = n->range_subselect->alias;
		return alias && strcmp(alias->aliasname, name) == 0;
	case NODE(RANGE_FUNCTION):
		alias = n->range_function->alias;
		return alias ? strcmp(alias->aliasname, name) == 0 : -1;
	case NODE(JOIN_EXPR): {
		int l = join_input(n->join_expr->larg, name);
		int r = join_input(n->join_expr->rarg, name);
		return l > 0 || r > 0 ? 1 : l < 0 || r < 0 ? -1 : 0;
	}
	default:
		return -1;
	}
}

const char *xlat_scope_on_owner(const struct xlat_ctx *c, const PgQuery__JoinExpr *j,
				const char *col)
{
	const char *owner = NULL;
	bool elsewhere = false;
	for (int i = c->nrels - 1; i >= 0 && c->rels[i].level == c->level; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		int mine = r->name ? join_input(j->larg, r->name) : -1;
		if (mine == 0)
			mine = join_input(j->rarg, r->name);
		bool has = !r->opaque && xlat_scope_col(r->cols, r->ncols, col);
		if (mine < 0 || (mine && r->opaque))
			return NULL; /* an input that might have it */
		if (!mine) {
			elsewhere |= has || r->opaque;
		} else if (has) {
			if (owner)
				return NULL; /* ambiguous in PostgreSQL too: SQLite says so */
			owner = r->name;
		}
	}
	return elsewhere ? owner : NULL;
}

const char *xlat_scope_input_has(const struct xlat_ctx *c, const PgQuery__Node *side,
				 const char *col)
{
	for (int i = c->nrels - 1; i >= 0 && c->rels[i].level == c->level; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (r->name && !r->opaque && join_input(side, r->name) > 0 &&
		    xlat_scope_col(r->cols, r->ncols, col))
			return r->name;
	}
	return NULL;
}

int xlat_scope_visible(const struct xlat_ctx *c, const char *rel, const char *col)
{
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (hidden(c, r->level))
			continue;
		if (rel ? r->name && strcmp(r->name, rel) == 0
			: r->opaque || xlat_scope_col(r->cols, r->ncols, col))
			return r->opaque && !rel ? -1 : 1;
	}
	for (int i = c->nctes - 1; rel && i >= 0; i--)
		if (strcmp(c->ctes[i].name, rel) == 0)
			return 1;
	return 0;
}

bool xlat_scope_ambiguous(const struct xlat_ctx *c, const char *rel)
{
	int level = -1, n = 0;
	const char *own = NULL;
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (hidden(c, r->level) || !r->name || strcmp(r->name, rel) != 0)
			continue;
		if (level < 0)
			level = r->level; /* the innermost level that has it */
		if (r->level != level)
			continue;
		/* an alias (a name the statement gave: unique_refnames keeps those apart), or one
		 * table of the tenant's met twice: not two relations of one name */
		if (r->table && ((strcmp(r->table, rel) != 0 && !local_alias(r->table, rel)) ||
				 (own && strcmp(own, r->table) == 0)))
			return false;
		own = r->table ? r->table : own;
		n++;
	}
	return n > 1 && !c->scope_left;
}

bool xlat_scope_missing(const struct xlat_ctx *c, const char *rel)
{
	if (c->nrels == 0 || c->scope_left || (c->flags & XLAT_X_NOSUBQUERY) || c->using_target ||
	    c->upsert_rel)
		return false;
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (!r->name || r->opaque || r->scalar_fn || r->rowtype ||
		    strcmp(r->name, rel) == 0 || (r->table && strcmp(r->table, rel) == 0) ||
		    xlat_scope_col(r->cols, r->ncols, rel))
			return false; /* rel may be this relation, or a column of it */
	}
	for (int i = c->nctes - 1; i >= 0; i--)
		if (strcmp(c->ctes[i].name, rel) == 0)
			return false;
	return true;
}

const char *xlat_scope_hidden_by_alias(const struct xlat_ctx *c, const char *rel)
{
	const char *alias = NULL;
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (!r->name || r->opaque || strcmp(r->name, rel) == 0 ||
		    xlat_scope_col(r->cols, r->ncols, rel))
			return NULL; /* rel may be this relation, or a column of it */
		if (!alias && r->table && strcmp(r->table, rel) == 0)
			alias = r->name;
	}
	return alias;
}

/* The name of the entry inside join item n (through the aliased joins in it) that rel names,
 * by its name or as its table's, NULL for none. */
static const char *join_entry(const struct xlat_ctx *c, const PgQuery__Node *n, const char *rel)
{
	const PgQuery__Alias *al = NULL;
	switch (n->node_case) {
	case NODE(JOIN_EXPR): {
		const char *l = n->join_expr->larg ? join_entry(c, n->join_expr->larg, rel) : NULL;
		return l ? l : n->join_expr->rarg ? join_entry(c, n->join_expr->rarg, rel) : NULL;
	}
	case NODE(RANGE_VAR): {
		const PgQuery__RangeVar *rv = n->range_var;
		const char *name = rv->alias ? rv->alias->aliasname : rv->relname;
		bool table = rv->relname && strcmp(rv->relname, rel) == 0 &&
			     (!rv->schemaname || !*rv->schemaname ||
			      strcmp(rv->schemaname, "public") == 0);
		return name && (strcmp(name, rel) == 0 || table) ? name : NULL;
	}
	case NODE(RANGE_SUBSELECT): {
		const PgQuery__RangeSubselect *rs = n->range_subselect;
		if (rs->alias && strcmp(rs->alias->aliasname, rel) == 0)
			return rs->alias->aliasname;
		const PgQuery__Node *inner =
			rs->subquery && rs->subquery->node_case == NODE(SELECT_STMT)
				? xlat_colalias_join(c, rs->subquery->select_stmt)
				: NULL;
		return inner ? join_entry(c, inner, rel) : NULL;
	}
	case NODE(RANGE_FUNCTION):
		al = n->range_function->alias;
		break;
	default:
		break;
	}
	return al && strcmp(al->aliasname, rel) == 0 ? al->aliasname : NULL;
}

const char *xlat_scope_join_hidden(const struct xlat_ctx *c, const char *rel)
{
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		const char *entry = !hidden(c, r->level) && r->join ? join_entry(c, r->join, rel)
								    : NULL;
		if (entry)
			return entry;
	}
	return NULL;
}

static size_t col_count(const struct xlat_scope_rel *r, const char *col)
{
	size_t n = 0;
	for (size_t i = 0; !r->opaque && i < r->ncols; i++)
		n += r->cols[i].name && strcasecmp(r->cols[i].name, col) == 0;
	return n;
}

bool xlat_scope_any_has(const struct xlat_ctx *c, const char *col,
			bool (*skip)(const struct xlat_ctx *c, const char *name))
{
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (!hidden(c, r->level) && !(r->name && skip(c, r->name)) &&
		    (r->opaque || col_count(r, col)))
			return true;
	}
	return false;
}

int xlat_scope_level_has(const struct xlat_ctx *c, const char *col,
			 bool (*skip)(const struct xlat_ctx *c, const char *name))
{
	int n = 0;
	for (int i = c->nrels - 1; i >= 0 && c->rels[i].level == c->level; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (!hidden(c, r->level) && !r->opaque && !(r->name && skip(c, r->name)))
			n += (int)col_count(r, col);
	}
	return n;
}

bool xlat_scope_dup_col(const struct xlat_ctx *c, const char *rel, const char *col)
{
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (hidden(c, r->level))
			continue;
		if (rel) {
			if (r->name && strcmp(r->name, rel) == 0)
				return col_count(r, col) > 1;
			continue;
		}
		/* the innermost level with a relation that has col (or might have it) decides */
		int level = r->level;
		bool some = false;
		for (; i >= 0 && c->rels[i].level == level; i--) {
			size_t k = col_count(&c->rels[i], col);
			if (k > 1)
				return true; /* one relation has it twice (several: SQLite says so) */
			some |= k || c->rels[i].opaque;
		}
		if (some)
			return false;
		i++;
	}
	return false;
}

struct xlat_type xlat_scope_column_type(const struct xlat_ctx *c, const PgQuery__ColumnRef *cr)
{
	const char *rel = NULL, *col = NULL;
	if (!field_names(cr, &rel, &col))
		return (struct xlat_type){0, -1};
	return rel ? qualified(c, rel, col) : unqualified(c, col);
}

/* Whether table, a relation of the tenant's, is a view or a partition (a view in SQLite too),
 * which SQLite's column origin looks through. */
static bool seen_through(const struct xlat_ctx *c, const char *table)
{
	const struct xlat_schema *s = c->schema;
	if (s && s->relkind_fn && s->relkind_fn(s->arg, table) == 'v')
		return true;
	char part = c->env && c->env->partition_fn
			    ? c->env->partition_fn(c->env->session_arg, table)
			    : 0;
	return part == 'c' || part == 's';
}

/* Where column k of r comes from; named: a table's column too. */
static struct xlat_origin rel_origin(const struct xlat_ctx *c, const struct xlat_scope_rel *r,
				     size_t k, bool named)
{
	if (r->origins)
		return r->origins[k];
	if (r->table && !r->catalog && !r->opaque && r->cols[k].name &&
	    (named || seen_through(c, r->table)))
		return (struct xlat_origin){XLAT_ORIGIN_REL, arena_strdup(c->a, r->table),
					    arena_strdup(c->a, r->cols[k].name)};
	return (struct xlat_origin){XLAT_ORIGIN_SQLITE, NULL, NULL};
}

struct xlat_origin xlat_scope_column_origin(const struct xlat_ctx *c, const PgQuery__ColumnRef *cr,
					    bool named)
{
	const struct xlat_origin sqlite = {XLAT_ORIGIN_SQLITE, NULL, NULL};
	const char *rel = NULL, *col = NULL;
	if (!field_names(cr, &rel, &col) || cr->n_fields > 2)
		return sqlite;
	named = named || c->origins_named;
	const struct xlat_scope_rel *owner = NULL;
	const struct xlat_schema_col *hit = NULL;
	for (int i = c->nrels - 1; rel && i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (!r->name || strcmp(r->name, rel) != 0)
			continue;
		owner = r;
		hit = r->opaque ? NULL : xlat_scope_col(r->cols, r->ncols, col);
		break;
	}
	for (int i = c->nrels - 1; !rel && i >= 0;) { /* as unqualified(), one hit only */
		int level = c->rels[i].level, hits = 0;
		for (; i >= 0 && c->rels[i].level == level; i--) {
			const struct xlat_scope_rel *r = &c->rels[i];
			const struct xlat_schema_col *k =
				r->opaque ? NULL : xlat_scope_col(r->cols, r->ncols, col);
			if (r->opaque)
				return sqlite; /* it might be this relation's */
			if (k && !hits++) {
				hit = k;
				owner = r;
			}
		}
		if (hits > 1)
			return sqlite;
		if (hits)
			break;
	}
	if (!hit || owner->renamed)
		return sqlite;
	return rel_origin(c, owner, (size_t)(hit - owner->cols), named);
}

struct xlat_origin xlat_scope_row_origin(const struct xlat_ctx *c, const PgQuery__ColumnRef *cr)
{
	const struct xlat_origin sqlite = {XLAT_ORIGIN_SQLITE, NULL, NULL};
	const char *name = cr->n_fields == 1 ? xlat_node_str(cr->fields[0]) : NULL;
	if (!name || xlat_scope_visible(c, NULL, name))
		return sqlite; /* a column (or might be one) */
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (hidden(c, r->level) || !r->name || strcmp(r->name, name) != 0)
			continue;
		return r->table && !r->catalog && !r->opaque
			       ? (struct xlat_origin){XLAT_ORIGIN_REL, arena_strdup(c->a, r->table),
						      NULL}
			       : sqlite;
	}
	return sqlite;
}

/* k, a column of r, when r is one of the tenant's tables (not a view, CTE, subquery or
 * catalog relation) and SQLite gives k TEXT affinity; NULL otherwise. */
static const struct xlat_schema_col *
text_col(const struct xlat_ctx *c, const struct xlat_scope_rel *r, const struct xlat_schema_col *k)
{
	const struct xlat_schema *s = c->schema;
	const char *ignored;
	bool text = false;
	return k && r->table && !r->opaque && s && s->relkind_fn && s->default_fn &&
			       s->relkind_fn(s->arg, r->table) == 0 &&
			       s->default_fn(s->arg, r->table, k->name, &ignored, &text) && text
		       ? k
		       : NULL;
}

const struct xlat_schema_col *xlat_scope_text_col(const struct xlat_ctx *c,
						  const PgQuery__ColumnRef *cr)
{
	const char *rel = NULL, *col = NULL;
	if (!field_names(cr, &rel, &col) || cr->n_fields > 2)
		return NULL;
	for (int i = c->nrels - 1; rel && i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (r->name && strcmp(r->name, rel) == 0)
			return text_col(c, r, xlat_scope_col(r->cols, r->ncols, col));
	}
	for (int i = c->nrels - 1; !rel && i >= 0;) { /* as unqualified(): one hit, innermost */
		int level = c->rels[i].level, hits = 0;
		const struct xlat_scope_rel *owner = NULL;
		const struct xlat_schema_col *hit = NULL;
		for (; i >= 0 && c->rels[i].level == level; i--) {
			const struct xlat_scope_rel *r = &c->rels[i];
			const struct xlat_schema_col *k =
				r->opaque ? NULL : xlat_scope_col(r->cols, r->ncols, col);
			if (r->opaque)
				return NULL; /* it might be this relation's */
			if (k && !hits++) {
				hit = k;
				owner = r;
			}
		}
		if (hits)
			return hits == 1 ? text_col(c, owner, hit) : NULL;
	}
	return NULL;
}

/* ---- whole-row references ---- */

const char *xlat_scope_scalar_fn(const struct xlat_ctx *c, const char *name)
{
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (r->opaque || xlat_scope_col(r->cols, r->ncols, name))
			return NULL; /* a column of that name wins; one that might be there too */
		if (r->name && strcmp(r->name, name) == 0)
			return r->scalar_fn ? r->cols[0].name : NULL;
	}
	return NULL;
}

static bool dup_col_name(const struct xlat_schema_col *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; cols[i].name && k < i; k++)
			if (cols[k].name && strcmp(cols[k].name, cols[i].name) == 0)
				return true;
	return false;
}

int xlat_scope_whole_row(const struct xlat_ctx *c, const char *name,
			 const struct xlat_schema_col **cols, size_t *n)
{
	/* a column of that name wins, as in PostgreSQL; one that might be there stops us too */
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (!r->opaque && xlat_scope_col(r->cols, r->ncols, name))
			return 0;
		if (r->name && strcmp(r->name, name) == 0 && !r->opaque && r->scalar_fn)
			return 0; /* its value, not a row (xlat_scope_scalar_fn) */
		if (r->name && strcmp(r->name, name) == 0 && !r->opaque) {
			/* two columns of one name ((SELECT 1, 2) s: both ?column?): SQL reaches
			 * only the first by name, so its fields cannot be listed */
			if (dup_col_name(r->cols, r->ncols))
				return -2;
			*cols = r->cols;
			*n = r->ncols;
			return 1;
		}
		if (r->opaque)
			break;
	}
	for (int i = c->nrels - 1; i >= 0; i--)
		if (c->rels[i].name && strcmp(c->rels[i].name, name) == 0)
			return -1;
	return 0;
}

bool xlat_scope_outer_ref(const struct xlat_ctx *c, const PgQuery__ColumnRef *cr)
{
	if (cr->n_fields < 1 || cr->n_fields > 2)
		return false;
	const char *rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	const char *col = xlat_node_str(cr->fields[cr->n_fields - 1]);
	if (!col || (cr->n_fields == 2 && !rel))
		return false;
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (rel ? r->name && strcmp(r->name, rel) == 0
			: r->opaque || xlat_scope_col(r->cols, r->ncols, col))
			return !r->opaque && r->level < c->level;
	}
	return false;
}

bool xlat_scope_row_never_null(const struct xlat_ctx *c, const char *name)
{
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (r->name && strcmp(r->name, name) == 0)
			return !r->nullable && r->level == c->level;
	}
	return false;
}

uint32_t xlat_scope_row_type(const struct xlat_ctx *c, const char *name)
{
	for (int i = c->nrels - 1; i >= 0; i--) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (!r->name || strcmp(r->name, name) != 0)
			continue;
		if (r->catalog) /* their row types are built-in OIDs the catalog does not list */
			return 0;
		if (r->rowtype)
			return r->rowtype;
		if (!r->table)
			return XLAT_OID_RECORD;
		return c->schema && c->schema->rowtype_fn
			       ? c->schema->rowtype_fn(c->schema->arg, r->table, 0, NULL)
			       : 0;
	}
	return 0;
}

/* ---- SELECT *: the columns it stands for ---- */

static bool joins_merge_columns(const PgQuery__Node *n)
{
	if (n->node_case != NODE(JOIN_EXPR))
		return false;
	const PgQuery__JoinExpr *j = n->join_expr;
	return j->n_using_clause || j->is_natural || joins_merge_columns(j->larg) ||
	       joins_merge_columns(j->rarg);
}

/* Appends the columns of the current level's relations named rel (NULL: all of them, in FROM
 * order); false when one of them is not known. */
static bool star_cols(const struct xlat_ctx *c, int first, const char *rel, struct xlat_type *out,
		      const char **names, struct xlat_origin *origins, size_t *n, size_t cap)
{
	bool any = false;
	for (int i = first; i < c->nrels; i++) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (r->level != c->level || (rel && (!r->name || strcmp(r->name, rel) != 0)))
			continue;
		if (r->opaque || *n + r->ncols > cap)
			return false;
		for (size_t k = 0; k < r->ncols; k++) {
			names[*n] = r->cols[k].name;
			origins[*n] = rel_origin(c, r, k, false);
			out[(*n)++] = col_type(&r->cols[k]);
		}
		any = true;
		if (rel)
			break;
	}
	return any;
}

void xlat_scope_star_shape(struct xlat_ctx *c, const PgQuery__SelectStmt *s, int first,
			   struct xlat_shape *shape)
{
	if (!shape || !shape->star || c->srf)
		return;
	bool merged = false; /* USING/NATURAL: an unqualified * lists the merged columns once */
	for (size_t i = 0; i < s->n_from_clause; i++)
		merged = merged || joins_merge_columns(s->from_clause[i]);
	size_t cap = 0;
	for (int i = first; i < c->nrels; i++)
		cap += c->rels[i].ncols;
	cap += s->n_target_list + (size_t)c->nlat;
	struct xlat_type *v = arena_zalloc(c->a, (cap ? cap : 1) * sizeof(*v));
	const char **names = arena_zalloc(c->a, (cap ? cap : 1) * sizeof(*names));
	struct xlat_origin *origins = arena_zalloc(c->a, (cap ? cap : 1) * sizeof(*origins));
	size_t n = 0;
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		const PgQuery__Node *val = rt->val;
		const PgQuery__ColumnRef *cr = val->node_case == NODE(COLUMN_REF) ? val->column_ref
										  : NULL;
		bool star = cr && cr->fields[cr->n_fields - 1]->node_case == NODE(A_STAR);
		if (!star) {
			if (n == cap)
				return;
			names[n] = rt->name && *rt->name ? rt->name : xlat_colname(val);
			if (shape->origins && i < shape->n)
				origins[n] = shape->origins[i];
			v[n++] = shape->types[i];
			continue;
		}
		if (cr->n_fields > 2 || (merged && cr->n_fields == 1))
			return;
		const char *rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		int using = rel ? xlat_lateral_using_shape(c, rel, v, names, origins, &n, cap) : 0;
		if (using < 0 || (cr->n_fields == 2 && !rel) ||
		    (!using && !star_cols(c, first, rel, v, names, origins, &n, cap)))
			return;
	}
	shape->types = v;
	shape->names = names;
	shape->origins = origins;
	shape->n = n;
	shape->star = false;
}

/* ---- * over a join that merges columns (USING, NATURAL), in PostgreSQL's order ----
 *
 * PostgreSQL lists a join's merged columns first (USING's order, or the left side's for
 * NATURAL), then the left side's other columns, then the right side's; SQLite lists the left
 * side's columns with the merged ones where they stand. A merged column is the left side's
 * (the right side's for RIGHT JOIN; a FULL JOIN's is COALESCE of both, quals2 naming the
 * right side, or, merged again by another FULL JOIN, the relations after the first, each
 * ended by XLAT_QUALS_SEP: COALESCE(s1.x, s2.x, s3.x)). Not spelled out (left to SQLite, as before): an aliased join, a relation with
 * a column alias list or whose columns are not known, and merged columns of different types
 * (PostgreSQL gives them their common type). */

struct jcols {
	const char **quals, **quals2, **names;
	struct xlat_type *types;
	size_t n;
};

static bool jcols_push(struct xlat_ctx *c, struct jcols *v, const char *qual, const char *qual2,
		       const char *name, struct xlat_type t)
{
	const char **q = arena_zalloc(c->a, (v->n + 1) * sizeof(*q));
	const char **q2 = arena_zalloc(c->a, (v->n + 1) * sizeof(*q2));
	const char **nm = arena_zalloc(c->a, (v->n + 1) * sizeof(*nm));
	struct xlat_type *ty = arena_zalloc(c->a, (v->n + 1) * sizeof(*ty));
	if (!q || !q2 || !nm || !ty)
		return false;
	if (v->n) {
		memcpy(q, v->quals, v->n * sizeof(*q));
		memcpy(q2, v->quals2, v->n * sizeof(*q2));
		memcpy(nm, v->names, v->n * sizeof(*nm));
		memcpy(ty, v->types, v->n * sizeof(*ty));
	}
	q[v->n] = qual, q2[v->n] = qual2, nm[v->n] = name, ty[v->n] = t;
	v->quals = q, v->quals2 = q2, v->names = nm, v->types = ty;
	v->n++;
	return true;
}

/* The one entry of v named name: its index, or -1 (none, or several). */
static long jcols_find(const struct jcols *v, const char *name)
{
	long at = -1;
	for (size_t i = 0; i < v->n; i++) {
		if (strcmp(v->names[i], name) != 0)
			continue;
		if (at >= 0)
			return -1;
		at = (long)i;
	}
	return at;
}

static bool rel_jcols(struct xlat_ctx *c, int first, const char *name, struct jcols *out)
{
	const struct xlat_scope_rel *found = NULL;
	for (int i = first; name && i < c->nrels; i++) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (r->level != c->level || !r->name || strcmp(r->name, name) != 0)
			continue;
		if (found || r->opaque)
			return false;
		found = r;
	}
	for (size_t k = 0; found && k < found->ncols; k++) {
		if (!found->cols[k].name ||
		    !jcols_push(c, out, found->name, NULL, found->cols[k].name,
				col_type(&found->cols[k])))
			return false;
	}
	return found != NULL;
}

static bool join_jcols(struct xlat_ctx *c, int first, const PgQuery__Node *n, struct jcols *out);

static int int_rank(uint32_t oid)
{
	return oid == XLAT_OID_INT2 ? 1 : oid == XLAT_OID_INT4 ? 2 : oid == XLAT_OID_INT8 ? 3 : 0;
}

/* Whether merged column 'kept' (the side whose column stands for it) already has the type
 * PostgreSQL gives the merged column: the same type, or the wider of two integer types. */
static bool merged_type_kept(struct xlat_type kept, struct xlat_type other)
{
	if (kept.oid == other.oid)
		return kept.oid && kept.typmod == other.typmod;
	return int_rank(kept.oid) && int_rank(other.oid) &&
	       int_rank(kept.oid) > int_rank(other.oid);
}

/* quals2 of a merged column as a list of relations each ended by XLAT_QUALS_SEP ("" for
 * none): one relation alone is written without it. */
static const char *alt_list(struct xlat_ctx *c, const char *quals2)
{
	if (!quals2)
		return "";
	size_t n = strlen(quals2);
	return n && quals2[n - 1] == XLAT_QUALS_SEP
		       ? quals2
		       : arena_printf(c->a, "%s%c", quals2, XLAT_QUALS_SEP);
}

static bool merge_jcols(struct xlat_ctx *c, const PgQuery__JoinExpr *j, const struct jcols *l,
			const struct jcols *r, struct jcols *out)
{
	size_t nmerged = j->is_natural ? 0 : j->n_using_clause;
	const char **merged = arena_zalloc(c->a, (l->n + nmerged + 1) * sizeof(*merged));
	for (size_t i = 0; i < j->n_using_clause; i++)
		merged[i] = xlat_node_str(j->using_clause[i]);
	for (size_t i = 0; j->is_natural && i < l->n; i++) {
		if (jcols_find(r, l->names[i]) >= 0)
			merged[nmerged++] = l->names[i];
	}
	bool *taken_l = arena_zalloc(c->a, l->n + 1), *taken_r = arena_zalloc(c->a, r->n + 1);
	for (size_t i = 0; i < nmerged; i++) {
		long a = merged[i] ? jcols_find(l, merged[i]) : -1;
		long b = merged[i] ? jcols_find(r, merged[i]) : -1;
		bool right = j->jointype == PG_QUERY__JOIN_TYPE__JOIN_RIGHT;
		bool full = j->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
		if (a < 0 || b < 0 ||
		    !merged_type_kept(right ? r->types[b] : l->types[a],
				      right ? l->types[a] : r->types[b]))
			return false;
		/* FULL: COALESCE(l, r) of columns of one type, either side maybe merged already */
		if (full && l->types[a].oid != r->types[b].oid)
			return false;
		taken_l[a] = taken_r[b] = true;
		const struct jcols *from = right ? r : l;
		long k = right ? b : a;
		const char *alts = from->quals2[k];
		if (full && (l->quals2[a] || r->quals2[b]))
			alts = arena_printf(c->a, "%s%s%c%s", alt_list(c, l->quals2[a]),
					    r->quals[b], XLAT_QUALS_SEP, alt_list(c, r->quals2[b]));
		else if (full)
			alts = r->quals[b];
		if (!alts && full)
			return false;
		if (!jcols_push(c, out, from->quals[k], alts, from->names[k], from->types[k]))
			return false;
	}
	for (size_t i = 0; i < l->n; i++) {
		if (!taken_l[i] &&
		    !jcols_push(c, out, l->quals[i], l->quals2[i], l->names[i], l->types[i]))
			return false;
	}
	for (size_t i = 0; i < r->n; i++) {
		if (!taken_r[i] &&
		    !jcols_push(c, out, r->quals[i], r->quals2[i], r->names[i], r->types[i]))
			return false;
	}
	return true;
}

static bool join_jcols(struct xlat_ctx *c, int first, const PgQuery__Node *n, struct jcols *out)
{
	switch (n->node_case) {
	case NODE(RANGE_VAR): {
		const PgQuery__RangeVar *rv = n->range_var;
		if (rv->alias && rv->alias->n_colnames)
			return false;
		return rel_jcols(c, first, rv->alias ? rv->alias->aliasname : rv->relname, out);
	}
	case NODE(RANGE_SUBSELECT): {
		const PgQuery__RangeSubselect *rs = n->range_subselect;
		if (!rs->alias || rs->alias->n_colnames || rs->lateral)
			return false;
		return rel_jcols(c, first, rs->alias->aliasname, out);
	}
	case NODE(JOIN_EXPR): {
		const PgQuery__JoinExpr *j = n->join_expr;
		struct jcols l = {0}, r = {0};
		if (j->alias || !j->larg || !j->rarg || !join_jcols(c, first, j->larg, &l) ||
		    !join_jcols(c, first, j->rarg, &r))
			return false;
		return merge_jcols(c, j, &l, &r, out);
	}
	default:
		return false;
	}
}

bool xlat_scope_join_star(struct xlat_ctx *c, const PgQuery__SelectStmt *s, int first,
			  const char ***quals, const char ***quals2, const char ***names, size_t *n)
{
	struct jcols all = {0};
	bool merges = false;
	for (size_t i = 0; i < s->n_from_clause; i++)
		merges = merges || joins_merge_columns(s->from_clause[i]);
	for (size_t i = 0; merges && i < s->n_from_clause; i++) {
		if (!join_jcols(c, first, s->from_clause[i], &all))
			return false;
	}
	*quals = all.quals;
	*quals2 = all.quals2;
	*names = all.names;
	*n = all.n;
	return merges && all.n;
}

bool xlat_scope_star_names(struct xlat_ctx *c, const PgQuery__SelectStmt *s, int first,
			   const char *rel, const char ***quals, const char ***quals2,
			   const char ***names, size_t *n)
{
	*n = 0;
	*quals2 = NULL;
	for (size_t i = 0; i < s->n_from_clause; i++) {
		if (!rel && joins_merge_columns(s->from_clause[i]))
			return xlat_scope_join_star(c, s, first, quals, quals2, names, n);
	}
	size_t cap = 0;
	for (int i = first; i < c->nrels; i++)
		cap += c->rels[i].ncols;
	*quals = arena_zalloc(c->a, (cap ? cap : 1) * sizeof(**quals));
	*names = arena_zalloc(c->a, (cap ? cap : 1) * sizeof(**names));
	bool any = false;
	for (int i = first; i < c->nrels; i++) {
		const struct xlat_scope_rel *r = &c->rels[i];
		if (r->level != c->level || (rel && (!r->name || strcmp(r->name, rel) != 0)))
			continue;
		if (r->opaque || !r->name)
			return false;
		for (size_t k = 0; k < r->ncols; k++) {
			if (!r->cols[k].name)
				return false;
			(*quals)[*n] = r->name;
			(*names)[(*n)++] = r->cols[k].name;
		}
		any = true;
		if (rel)
			break;
	}
	return any;
}

/* ---- system columns (xlat_syscol.c) ---- */

/* Whether r is a table of the tenant's that has system column col (not a column of that name
 * of its own, which older files may have). */
static bool syscol_table(const struct xlat_scope_rel *r, const char *col)
{
	return !r->opaque && r->table && !r->catalog && !xlat_scope_col(r->cols, r->ncols, col);
}

int xlat_scope_syscol(const struct xlat_ctx *c, const char *rel, const char *col,
		      const char **alias, const char **table)
{
	if (rel) {
		for (int i = c->nrels - 1; i >= 0; i--) {
			const struct xlat_scope_rel *r = &c->rels[i];
			if (!r->name || strcmp(r->name, rel) != 0)
				continue;
			if (r->opaque || r->catalog || (r->table && !syscol_table(r, col)) ||
			    (!r->table && xlat_scope_col(r->cols, r->ncols, col)))
				return 0; /* not a system column: a subquery's own column of the name */
			*alias = r->name;
			*table = r->table;
			return r->table ? 1 : -1;
		}
		return 0;
	}
	/* RETURNING and ON CONFLICT see the target's columns unqualified, never EXCLUDED's */
	int i = c->nrels - 1;
	while (i >= 0) {
		int level = c->rels[i].level, hits = 0;
		for (; i >= 0 && c->rels[i].level == level; i--) {
			const struct xlat_scope_rel *r = &c->rels[i];
			if (r->opaque || r->catalog ||
			    (!r->table && xlat_scope_col(r->cols, r->ncols, col)) ||
			    (r->table && !syscol_table(r, col)))
				return 0;
			if (!r->table ||
			    (r->name && strcmp(r->name, "excluded") == 0 && c->assign_rel))
				continue;
			*alias = r->name;
			*table = r->table;
			hits++;
		}
		if (hits)
			return hits == 1 ? 1 : -2;
	}
	return 0;
}
