/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_domain.c: domains (CREATE, ALTER, DROP DOMAIN) and where their constraints are checked.
 * A domain is a sidecar row (`_shardlite_domains`, written by the catalog's shardlite_domain)
 * holding its base type, NOT NULL, DEFAULT and CHECKs as PostgreSQL SQL. A column of a domain
 * declares the base type and carries the constraints as SQLite CHECKs of its own, named so
 * that a violation reads as PostgreSQL's (CATALOG_DOMAIN_CHECK_PREFIX, shard_error), and takes
 * the domain's DEFAULT when it has none; a cast to a domain checks its value through
 * pgfn_domain_check. ALTER DOMAIN changes the sidecar, checks the rows PostgreSQL checks, and
 * replaces the domain clauses of each column of the domain in place (XLAT_RB_DOMAIN). A
 * domain over another carries the constraints of every level (flat). A name that is no
 * domain keeps PostgreSQL's answers (42704, 42809). */
#include "xlat_int.h"

#include "catalog.h"

#include <pg_query.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define CONSTR(x) PG_QUERY__CONSTR_TYPE__CONSTR_##x

#define SIDECAR_DOMAINS                                                                           \
	"CREATE TABLE IF NOT EXISTS _shardlite_domains (domain_name TEXT NOT NULL, conname TEXT " \
	"NOT NULL, base TEXT, \"notnull\" INTEGER, dflt TEXT, check_expr TEXT, PRIMARY KEY "      \
	"(domain_name, conname))"
/* the CHECKs added NOT VALID and not validated since (pg_constraint.convalidated false) */
#define SIDECAR_NOT_VALID                                                                  \
	"CREATE TABLE IF NOT EXISTS _shardlite_domain_not_valid (domain_name TEXT NOT NULL, " \
	"conname TEXT NOT NULL, PRIMARY KEY (domain_name, conname)); "
/* A domain change leaves SQLite's schema alone; this moves schema_version, so that every
 * session reads the domains again (casts and columns write their constraints) */
#define SCHEMA_BUMP                                                                          \
	"; DROP INDEX IF EXISTS _shardlite_domains_v; CREATE INDEX _shardlite_domains_v ON " \
	"_shardlite_domains (base)"

const struct xlat_domain *xlat_domain_by_name(struct xlat_ctx *c, const char *name)
{
	for (const struct xlat_domain *d = c->schema ? c->schema->domains : NULL;
	     name && d && d->name; d++) {
		if (strcmp(d->name, name) == 0)
			return d;
	}
	return NULL;
}

/* The longest chain of domains over domains followed (a chain is made parent first, so it
 * has no cycle; the bound keeps a hand-edited sidecar from looping). */
#define DOMAIN_DEPTH 32

/* The domain d is over (CREATE DOMAIN d AS parent), NULL when its base is a built-in type. */
static const struct xlat_domain *parent_of(struct xlat_ctx *c, const struct xlat_domain *d)
{
	const struct xlat_domain *p = d->parent ? xlat_domain_by_name(c, d->parent) : NULL;
	if (p && c->domain_altered && strcmp(p->name, c->domain_altered->name) == 0)
		p = c->domain_altered; /* ALTER DOMAIN of p: the domains over it see the change */
	return p != d ? p : NULL;
}

const struct xlat_domain *xlat_domain_over(struct xlat_ctx *c, const char *type)
{
	for (const struct xlat_domain *e = c->schema ? c->schema->domains : NULL; e && e->name;
	     e++) {
		if (!e->parent && e->base && strcmp(e->base, type) == 0)
			return e;
	}
	return NULL;
}

/* The domains over d (CREATE DOMAIN d2 AS d), NULL when none. */
static const struct xlat_domain *child_of(struct xlat_ctx *c, const struct xlat_domain *d)
{
	for (const struct xlat_domain *e = c->schema ? c->schema->domains : NULL; e && e->name;
	     e++) {
		if (e->parent && strcmp(e->parent, d->name) == 0)
			return e;
	}
	return NULL;
}

/* d with the constraints of every domain under it: NOT NULL when any has it, the CHECKs of
 * the innermost domain first, each domain's in name order — the order PostgreSQL's
 * typcache checks a domain stack in; errors name d (the domain the value is coerced to). */
static const struct xlat_domain *flat(struct xlat_ctx *c, const struct xlat_domain *d)
{
	if (!d->parent)
		return d;
	const struct xlat_domain *chain[DOMAIN_DEPTH];
	size_t n = 0, nchecks = 0;
	for (const struct xlat_domain *e = d; e && n < DOMAIN_DEPTH; e = parent_of(c, e)) {
		chain[n++] = e;
		nchecks += e->nchecks;
	}
	struct xlat_domain *f = arena_zalloc(c->a, sizeof(*f));
	*f = *d;
	const char **names = arena_zalloc(c->a, (nchecks + 1) * sizeof(*names));
	const char **exprs = arena_zalloc(c->a, (nchecks + 1) * sizeof(*exprs));
	size_t k = 0;
	for (size_t i = n; i-- > 0;) {
		f->notnull = f->notnull || chain[i]->notnull;
		for (size_t j = 0; j < chain[i]->nchecks; j++, k++) {
			names[k] = chain[i]->connames[j];
			exprs[k] = chain[i]->checks[j];
		}
	}
	f->connames = names;
	f->checks = exprs;
	f->nchecks = k;
	f->parent = NULL;
	return f;
}

/* ---- PostgreSQL text in and out ---- */

/* "SELECT <text>" parsed: its one select-list expression, NULL (with err) when not one. */
static const PgQuery__Node *parse_select(struct xlat_ctx *c, const char *text,
					 PgQuery__ParseResult **tree)
{
	*tree = xlat_parse_tree(arena_printf(c->a, "SELECT %s", text), NULL);
	const PgQuery__Node *n = *tree && (*tree)->n_stmts == 1 ? (*tree)->stmts[0]->stmt : NULL;
	if (n && n->node_case == NODE(SELECT_STMT) && n->select_stmt->n_target_list == 1 &&
	    n->select_stmt->target_list[0]->node_case == NODE(RES_TARGET))
		return n->select_stmt->target_list[0]->res_target->val;
	xlat_fail(c, SQLSTATE_INTERNAL_ERROR, -1, "domain: cannot read back \"%s\"", text);
	return NULL;
}

void xlat_domain_free(PgQuery__ParseResult *tree)
{
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
}

/* The base type's TypeName (parsed from "NULL::<base>"), NULL with err. */
static const PgQuery__TypeName *base_typename(struct xlat_ctx *c, const struct xlat_domain *d,
					      PgQuery__ParseResult **tree)
{
	/* an enum's name as written in SQL (quoted unless plain) */
	const char *base = xlat_enum_by_name(c, d->base) ? xlat_enum_display(c, d->base) : d->base;
	const PgQuery__Node *n = parse_select(c, arena_printf(c->a, "NULL::%s", base), tree);
	if (n && n->node_case == NODE(TYPE_CAST))
		return n->type_cast->type_name;
	if (!pgerr_is_set(c->err))
		xlat_fail(c, SQLSTATE_INTERNAL_ERROR, -1, "domain %s: bad base type", d->name);
	return NULL;
}

bool xlat_domain_base(struct xlat_ctx *c, const struct xlat_domain *d, struct xlat_typeref *out)
{
	PgQuery__ParseResult *tree = NULL;
	const PgQuery__TypeName *tn = base_typename(c, d, &tree);
	bool ok = tn && xlat_type_resolve(c, tn, out);
	xlat_domain_free(tree);
	out->domain = d;
	return ok;
}

const struct xlat_domain *xlat_domain_of_column(struct xlat_ctx *c, const char *table,
						const char *col)
{
	for (const struct xlat_domain *d = c->schema ? c->schema->domains : NULL;
	     table && col && d && d->name; d++) {
		for (size_t i = 0; i < d->nusers; i++) {
			if (strcasecmp(d->tables[i], table) == 0 &&
			    strcasecmp(d->columns[i], col) == 0)
				return d;
		}
	}
	return NULL;
}

bool xlat_domain_refuse(struct xlat_ctx *c, const struct xlat_typeref *r, const char *where)
{
	if (!r->domain)
		return true;
	return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
			 "a domain type (%s) as %s is not supported", r->domain->name, where);
}

const PgQuery__Node *xlat_domain_default(struct xlat_ctx *c, const struct xlat_domain *d,
					 PgQuery__ParseResult **tree)
{
	*tree = NULL;
	return d->dflt ? parse_select(c, d->dflt, tree) : NULL;
}

/* Check expression expr of domain d translated with VALUE standing for value (SQLite text of
 * the base type t) into c->sb; t_out: the check's type. */
static bool check_expr(struct xlat_ctx *c, const PgQuery__Node *expr, const char *value,
		       struct xlat_type t, struct xlat_type *t_out)
{
	const char *saved = c->domain_value;
	struct xlat_type saved_t = c->domain_value_type;
	/* VALUE of an enum compares by the labels' order without the collation, which a
	 * column's CHECK in the file cannot name (xlat_enumpred.c) */
	PgQuery__Node *x = xlat_enumpred_value(c, t.oid, (PgQuery__Node *)expr);
	if (!x)
		return false;
	c->domain_value = value;
	c->domain_value_type = t;
	bool ok = xlat_expr(c, x, t_out);
	c->domain_value = saved;
	c->domain_value_type = saved_t;
	return ok;
}

/* The SQLite name of d's constraint con ("" for its NOT NULL) on a column. */
static const char *check_name(struct xlat_ctx *c, const struct xlat_domain *d, const char *con)
{
	return arena_printf(c->a, CATALOG_DOMAIN_CHECK_PREFIX "%zu:%s:%s", strlen(d->name), d->name,
			    con);
}

/* ---- columns ---- */

bool xlat_domain_column(struct xlat_ctx *c, const struct xlat_domain *d, const char *col)
{
	d = flat(c, d);
	struct xlat_typeref base;
	if (!xlat_domain_base(c, d, &base))
		return false;
	struct xlat_type t = {xlat_type_oid(&base), base.typmod};
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_put_quoted(&sb, col, '"');
	const char *value = arena_strdup(c->a, sb.data ? sb.data : "\"\"");
	strbuf_fini(&sb);
	if (d->notnull) {
		xlat_puts(c, " CONSTRAINT ");
		xlat_ident(c, check_name(c, d, ""));
		xlat_printf(c, " CHECK (%s IS NOT NULL)", value);
	}
	unsigned flags = c->flags;
	c->flags |= XLAT_X_NOSUBQUERY;
	bool ok = true;
	for (size_t i = 0; ok && i < d->nchecks; i++) {
		PgQuery__ParseResult *tree = NULL;
		const PgQuery__Node *e = parse_select(c, d->checks[i], &tree);
		struct xlat_type ct;
		xlat_puts(c, " CONSTRAINT ");
		xlat_ident(c, check_name(c, d, d->connames[i]));
		xlat_puts(c, " CHECK (");
		ok = e && check_expr(c, e, value, t, &ct);
		xlat_puts(c, ")");
		xlat_domain_free(tree);
	}
	c->flags = flags;
	return ok;
}

/* ---- casts ---- */

/* $n cast to d before any other use decided its type: noted for ParameterDescription. */
static bool note_param(struct xlat_ctx *c, const PgQuery__Node *arg, const struct xlat_domain *d)
{
	if (arg->node_case != NODE(PARAM_REF))
		return true;
	int n = arg->param_ref->number;
	if (!xlat_param(c, n, 0, arg->param_ref->location))
		return false;
	if ((n <= c->ngiven && c->given[n - 1]) || c->ptypes[n - 1])
		return true;
	struct xlat_param_domain *pd = arena_alloc(c->a, sizeof(*pd));
	*pd = (struct xlat_param_domain){n, d->oid, c->pdomains};
	c->pdomains = pd;
	return true;
}

void xlat_domain_param_column(struct xlat_ctx *c, const PgQuery__Node *arg, const char *rel,
			      const char *col)
{
	for (const struct xlat_domain *d = c->schema && rel && col ? c->schema->domains : NULL;
	     d && d->name; d++)
		for (size_t i = 0; i < d->nusers; i++)
			if (strcmp(d->tables[i], rel) == 0 && strcmp(d->columns[i], col) == 0) {
				(void)note_param(c, arg,
						 d); /* xlat_param failed: already reported */
				return;
			}
}

uint32_t xlat_domain_param_type(struct xlat_ctx *c, int n, uint32_t inferred)
{
	const struct xlat_param_domain *pd = c->pdomains;
	while (pd && pd->number != n)
		pd = pd->next;
	const struct xlat_domain *d = NULL;
	for (const struct xlat_domain *e = pd && c->schema ? c->schema->domains : NULL;
	     e && e->name && !d; e++)
		d = e->oid == pd->oid ? e : NULL;
	if (!d)
		return inferred;
	struct xlat_typeref r;
	/* the base type's OID, as the cast inferred it (a later use may have changed nothing) */
	return xlat_domain_base(c, d, &r) && xlat_type_oid(&r) == inferred
		       ? d->oid
		       : inferred;
}

const struct xlat_domain *xlat_domain_of_expr(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_typeref r;
	if (!n || n->node_case != NODE(TYPE_CAST) || !n->type_cast->type_name)
		return NULL;
	/* is_array: a domain over an array type (an array of a domain is refused) */
	return xlat_type_resolve(c, n->type_cast->type_name, &r) ? r.domain : NULL;
}

bool xlat_domain_cast(struct xlat_ctx *c, const PgQuery__TypeCast *tc,
		      const struct xlat_typeref *to, struct xlat_type *t)
{
	const struct xlat_domain *d = flat(c, to->domain);
	if (!note_param(c, tc->arg, d))
		return false;
	PgQuery__ParseResult *bt = NULL;
	const PgQuery__TypeName *btn = base_typename(c, d, &bt);
	if (!btn)
		return false;
	PgQuery__TypeCast b = *tc;
	b.type_name = (PgQuery__TypeName *)btn;
	/* a DDL expression (a column's DEFAULT) names no function in the file: a domain column
	 * checks the value it stores */
	/* ... and a view's query (view_star: its query is being translated) names the domain
	 * even when it has no constraint yet, so that ALTER DOMAIN finds the view (views_guard) */
	bool plain = (!d->notnull && !d->nchecks && !c->view_star) || !c->schema ||
		     (c->flags & XLAT_X_NOSUBQUERY);
	if (plain) {
		bool ok = xlat_cast(c, &b, t);
		xlat_domain_free(bt);
		return ok;
	}
	PgQuery__Node bn = PG_QUERY__NODE__INIT;
	bn.node_case = NODE(TYPE_CAST);
	bn.type_cast = &b;
	const char *v = xlat_expr_aside(c, &bn, t);
	xlat_domain_free(bt);
	if (!v)
		return false;
	/* each CHECK as a statement of its own over ?1, which pgfn_domain_check runs on the value
	 * computed once */
	xlat_puts(c, "pgfn_domain_check(");
	xlat_puts(c, v);
	xlat_puts(c, ", ");
	xlat_string(c, xlat_enum_display(c, d->name));
	xlat_printf(c, ", %d", d->notnull ? 1 : 0);
	for (size_t i = 0; i < d->nchecks; i++) {
		PgQuery__ParseResult *tree = NULL;
		const PgQuery__Node *e = parse_select(c, d->checks[i], &tree);
		struct strbuf *saved = c->sb, sb;
		strbuf_init(&sb, 0);
		c->sb = &sb;
		struct xlat_type ct;
		xlat_puts(c, "SELECT ");
		/* a numeric is a number in SQLite, but a result column's cast gives the exact
		 * engine's decimal text (xlat_numeric.c), which would compare as text */
		const char *value = t->oid == XLAT_OID_NUMERIC ? "CAST(?1 AS NUMERIC)" : "?1";
		bool ok = e && check_expr(c, e, value, *t, &ct) && !sb.failed;
		c->sb = saved;
		xlat_domain_free(tree);
		if (ok) {
			xlat_puts(c, ", ");
			xlat_string(c, d->connames[i]);
			xlat_puts(c, ", ");
			xlat_string(c, sb.data ? sb.data : "");
		}
		strbuf_fini(&sb);
		if (!ok)
			return false;
	}
	xlat_puts(c, ")");
	return true;
}

/* ---- CREATE TABLE ... (LIKE t) ---- */

/* One column's domain clauses (SQLite text starting with a blank), NULL with err. */
static const char *column_clauses(struct xlat_ctx *c, const struct xlat_domain *d,
				  const char *col, bool with_default)
{
	struct strbuf *saved = c->sb, sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	bool ok = xlat_domain_column_clauses(c, d, col, with_default) && !sb.failed;
	c->sb = saved;
	const char *out = ok ? arena_strndup(c->a, sb.data ? sb.data : "", sb.len) : NULL;
	strbuf_fini(&sb);
	return out;
}

const char **xlat_domain_like(struct xlat_ctx *c, const char *table)
{
	size_t n = 0, k = 0;
	for (const struct xlat_domain *d = c->schema ? c->schema->domains : NULL; d && d->name;
	     d++)
		n += d->nusers;
	const char **out = arena_zalloc(c->a, (4 * n + 1) * sizeof(*out));
	for (const struct xlat_domain *d = c->schema ? c->schema->domains : NULL; d && d->name;
	     d++) {
		for (size_t i = 0; i < d->nusers; i++) {
			if (strcasecmp(d->tables[i], table) != 0)
				continue;
			out[k] = d->columns[i];
			out[k + 1] = d->name;
			out[k + 2] = column_clauses(c, d, d->columns[i], true);
			out[k + 3] = column_clauses(c, d, d->columns[i], false);
			if (!out[k + 2] || !out[k + 3])
				return NULL;
			k += 4;
		}
	}
	return out;
}

/* ---- CREATE DOMAIN ---- */

struct domain_def {
	const char *name;
	int nullness; /* 0 unsaid, 1 NULL, 2 NOT NULL */
	PgQuery__Node *dflt;
	const char **connames;
	PgQuery__Node **checks;
	size_t nchecks;
};

/* PostgreSQL's name for an unnamed CHECK: name_check, then name_check1 ... past those taken. */
static const char *check_default_name(struct xlat_ctx *c, const struct domain_def *dd)
{
	/* a local schema's domain "s.d": d_check, as PostgreSQL names it */
	const char *dot = strchr(dd->name, '.');
	const char *bare = dot && xlat_local_schema(c, arena_strndup(c->a, dd->name,
								     (size_t)(dot - dd->name)))
				   ? dot + 1
				   : dd->name;
	const char *base = arena_printf(c->a, "%s_check", bare);
	const char *name = base;
	for (int n = 1;; n++) {
		bool taken = false;
		for (size_t i = 0; i < dd->nchecks && !taken; i++)
			taken = strcmp(dd->connames[i], name) == 0;
		if (!taken)
			return name;
		name = arena_printf(c->a, "%s%d", base, n);
	}
}

static bool constraint(struct xlat_ctx *c, struct domain_def *dd, const PgQuery__Constraint *k)
{
	switch (k->contype) {
	case CONSTR(NULL):
	case CONSTR(NOTNULL): {
		int want = k->contype == CONSTR(NULL) ? 1 : 2;
		if (dd->nullness && dd->nullness != want)
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, k->location,
					 "conflicting NULL/NOT NULL constraints");
		dd->nullness = want;
		return true;
	}
	case CONSTR(DEFAULT):
		if (dd->dflt)
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, k->location,
					 "multiple default expressions");
		dd->dflt = k->raw_expr;
		return true;
	case CONSTR(CHECK):
		if (k->is_no_inherit)
			return xlat_fail(
				c, "42P17", k->location,
				"check constraints for domains cannot be marked NO INHERIT");
		dd->connames[dd->nchecks] = k->conname && *k->conname
						    ? arena_strdup(c->a, k->conname)
						    : check_default_name(c, dd);
		dd->checks[dd->nchecks++] = k->raw_expr;
		return true;
	case CONSTR(UNIQUE):
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, k->location,
				 "unique constraints not possible for domains");
	case CONSTR(PRIMARY):
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, k->location,
				 "primary key constraints not possible for domains");
	case CONSTR(EXCLUSION):
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, k->location,
				 "exclusion constraints not possible for domains");
	case CONSTR(FOREIGN):
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, k->location,
				 "foreign key constraints not possible for domains");
	case CONSTR(ATTR_DEFERRABLE):
	case CONSTR(ATTR_NOT_DEFERRABLE):
	case CONSTR(ATTR_DEFERRED):
	case CONSTR(ATTR_IMMEDIATE):
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, k->location,
				 "specifying constraint deferrability not supported for domains");
	default:
		return xlat_unsupported(c, k->location, "this domain constraint");
	}
}

bool xlat_default_assignable(struct xlat_ctx *c, const char *column, struct xlat_type dt,
			     struct xlat_type base)
{
	static const uint32_t scalar[] = {XLAT_OID_INT2,   XLAT_OID_INT4,   XLAT_OID_INT8,
					  XLAT_OID_NUMERIC, XLAT_OID_FLOAT4, XLAT_OID_FLOAT8,
					  XLAT_OID_BOOL};
	bool number_or_bool = false;
	for (size_t i = 0; i < ARRAY_LEN(scalar); i++)
		number_or_bool |= base.oid == scalar[i];
	if (base.oid == XLAT_OID_TEXT || base.oid == XLAT_OID_VARCHAR ||
	    base.oid == XLAT_OID_BPCHAR || base.oid == XLAT_OID_NAME)
		return true; /* every type has an assignment cast to a string type */
	bool qchar = base.oid == XLAT_OID_CHAR && dt.oid != XLAT_OID_CHAR && dt.oid &&
		     dt.oid != XLAT_OID_UNKNOWN && dt.oid != XLAT_OID_TEXT &&
		     dt.oid != XLAT_OID_VARCHAR && dt.oid != XLAT_OID_BPCHAR;
	if (!qchar && !xlat_type_unmatched(dt, base) &&
	    !(number_or_bool && xlat_type_is_temporal(dt.oid)))
		return true;
	const struct xlat_typeinfo *bi = xlat_type_by_oid(base.oid), *di = xlat_type_by_oid(dt.oid);
	if (!bi || !di)
		return true;
	xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
		  "column \"%s\" is of type %s but default expression is of type %s", column,
		  bi->sql_name, di->sql_name);
	pgerr_hint(c->err, "You will need to rewrite or cast the expression.");
	return false;
}

/* The DEFAULT read as the base type (22P02 for DEFAULT 'abc' of an integer; 42804 for a value
 * without an assignment cast to it), and each CHECK as a boolean over VALUE, as PostgreSQL
 * checks them at CREATE DOMAIN. */
static bool validate(struct xlat_ctx *c, const struct domain_def *dd, const PgQuery__TypeName *tn,
		     const struct xlat_typeref *base)
{
	struct xlat_type t = {xlat_type_oid(base), base->typmod}, ct;
	unsigned flags = c->flags;
	c->flags |= XLAT_X_NOSUBQUERY;
	struct strbuf *saved = c->sb, sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	bool ok = true;
	if (dd->dflt) {
		struct xlat_type dt;
		ok = xlat_expr(c, dd->dflt, &dt) && xlat_default_assignable(c, dd->name, dt, t);
	}
	if (ok && dd->dflt) {
		PgQuery__TypeCast tc = PG_QUERY__TYPE_CAST__INIT;
		PgQuery__Node n = PG_QUERY__NODE__INIT;
		tc.arg = dd->dflt;
		tc.type_name = (PgQuery__TypeName *)tn;
		tc.location = -1;
		n.node_case = NODE(TYPE_CAST);
		n.type_cast = &tc;
		ok = xlat_expr(c, &n, &ct);
	}
	for (size_t i = 0; ok && i < dd->nchecks; i++) {
		ok = check_expr(c, dd->checks[i], "NULL", t, &ct);
		if (ok && ct.oid && ct.oid != XLAT_OID_BOOL)
			ok = xlat_fail(c, "42804", -1,
				       "argument of CHECK must be type boolean, not type %s",
				       xlat_type_by_oid(ct.oid) ? xlat_type_by_oid(ct.oid)->sql_name
								: "unknown");
	}
	c->sb = saved;
	strbuf_fini(&sb);
	c->flags = flags;
	return ok;
}

bool xlat_collation_name_ok(const char *name, bool with_default)
{
	static const char *const bytewise[] = {"C", "POSIX", "ucs_basic"};
	for (size_t i = 0; name && i < ARRAY_LEN(bytewise); i++) {
		if (strcmp(name, bytewise[i]) == 0)
			return true;
	}
	return name && with_default && strcmp(name, "default") == 0;
}

bool xlat_collation_clause(struct xlat_ctx *c, const PgQuery__CollateClause *cc,
			   const struct xlat_typeref *base)
{
	uint32_t oid = base->info->oid;
	if (oid != XLAT_OID_TEXT && oid != XLAT_OID_VARCHAR && oid != XLAT_OID_BPCHAR &&
	    oid != XLAT_OID_NAME)
		return xlat_fail(c, "42804", cc->location, "collations are not supported by type %s",
				 arena_printf(c->a, "%s%s",
					      base->domain ? base->domain->name : base->info->sql_name,
					      base->is_array ? "[]" : ""));
	const char *name = cc->n_collname ? xlat_node_str(cc->collname[cc->n_collname - 1]) : NULL;
	if (!xlat_collation_name_ok(name, true)) /* "default": the type's own */
		return xlat_unsupported(c, cc->location, "a collation other than \"C\"");
	return true;
}

bool xlat_stmt_create_domain(struct xlat_ctx *c, const PgQuery__CreateDomainStmt *s)
{
	struct domain_def dd = {0};
	dd.name = xlat_tenant_object_name(c, s->domainname, s->n_domainname, "type");
	if (!dd.name || !s->type_name)
		return dd.name ? xlat_unsupported(c, -1, "this CREATE DOMAIN") : false;
	struct xlat_typeref base;
	if (!xlat_type_pseudo_check(c, s->type_name, NULL)) { /* DefineDomain's typtype check */
		pgerr_clear(c->err);
		const PgQuery__TypeName *tn = s->type_name;
		return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
				 "\"%s%s%s\" is not a valid base type for a domain",
				 tn->n_names == 2 ? xlat_node_str(tn->names[0]) : "",
				 tn->n_names == 2 ? "." : "",
				 xlat_node_str(tn->names[tn->n_names - 1]));
	}
	if (!xlat_type_resolve(c, s->type_name, &base))
		return false;
	if (base.serial)
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, s->type_name->location,
				 "type \"%s\" does not exist",
				 xlat_node_str(s->type_name->names[s->type_name->n_names - 1]));
	/* over an enum: the enum's name (an array of one is no enum's name) */
	const struct xlat_enum *over_enum =
		base.domain || base.is_array ? NULL : xlat_enum_by_oid(c, base.info->oid, NULL);
	if (!over_enum && !base.domain && xlat_enum_by_oid(c, base.info->oid, NULL))
		return xlat_unsupported(c, s->type_name->location, "a domain over an enum array");
	if (s->coll_clause && !xlat_collation_clause(c, s->coll_clause, &base))
		return false;
	dd.connames = arena_zalloc(c->a, (s->n_constraints + 1) * sizeof(*dd.connames));
	dd.checks = arena_zalloc(c->a, (s->n_constraints + 1) * sizeof(*dd.checks));
	for (size_t i = 0; i < s->n_constraints; i++) {
		const PgQuery__Node *k = s->constraints[i];
		if (k->node_case != NODE(CONSTRAINT))
			return xlat_unsupported(c, -1, "this domain constraint");
		if (!constraint(c, &dd, k->constraint))
			return false;
	}
	if (!validate(c, &dd, s->type_name, &base))
		return false;
	const char *dflt = dd.dflt ? xlat_deparse_expr(c, dd.dflt) : NULL;
	if (dd.dflt && !dflt)
		return xlat_unsupported(c, -1, "this domain DEFAULT (it has no SQL text)");
	if (!dd.dflt && base.domain) /* over a domain: its DEFAULT, copied as PostgreSQL does */
		dflt = base.domain->dflt;
	xlat_sidecar_script(c, "CREATE DOMAIN");
	xlat_puts(c, SIDECAR_DOMAINS "; SELECT shardlite_domain('create', ");
	xlat_string(c, dd.name);
	xlat_puts(c, ", ");
	xlat_string(c, base.domain	? base.domain->name
		       : over_enum ? over_enum->name
				   : xlat_type_format(c, &base));
	xlat_printf(c, ", %d, ", dd.nullness == 2 ? 1 : 0);
	xlat_string_or_null(c, dflt);
	for (size_t i = 0; i < dd.nchecks; i++) {
		const char *text =
			xlat_checkdef_domain(c, base.domain ? NULL : &base, dd.checks[i]);
		if (!text)
			return xlat_unsupported(c, -1, "this domain CHECK (it has no SQL text)");
		xlat_puts(c, ", ");
		xlat_string(c, dd.connames[i]);
		xlat_puts(c, ", ");
		xlat_string(c, text);
	}
	xlat_puts(c, ")" SCHEMA_BUMP);
	return true;
}

/* ---- ALTER DOMAIN ... OWNER TO ---- */

bool xlat_domain_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s)
{
	const PgQuery__Node *o = s->object;
	const char *name = NULL;
	if (o && o->node_case == NODE(LIST))
		name = xlat_tenant_object_name(c, o->list->items, o->list->n_items, "type");
	else if (o && o->node_case == NODE(TYPE_NAME))
		name = xlat_tenant_object_name(c, o->type_name->names, o->type_name->n_names,
					       "type");
	if (!name)
		return pgerr_is_set(c->err) ? false : xlat_unsupported(c, -1, "this ALTER DOMAIN");
	xlat_sidecar_script(c, "ALTER DOMAIN");
	xlat_puts(c, SIDECAR_DOMAINS "; SELECT shardlite_domain('owner', ");
	xlat_string(c, name);
	xlat_puts(c, ", ");
	if (!xlat_owner_role(c, s->newowner))
		return false;
	xlat_puts(c, ")");
	return true;
}

/* ---- ALTER DOMAIN ---- */

/* The domain a statement names (a name list), NULL with err set: 42704, or 42809 for another
 * type. */
static const struct xlat_domain *named_domain(struct xlat_ctx *c, PgQuery__Node **names, size_t n,
					      const char **name)
{
	*name = xlat_tenant_object_name(c, names, n, "type");
	if (!*name)
		return NULL;
	const struct xlat_domain *d = xlat_domain_by_name(c, *name);
	if (d)
		return d;
	bool other = xlat_enum_by_name(c, *name) ||
		     (c->schema && c->schema->rowtype_fn &&
		      c->schema->rowtype_fn(c->schema->arg, *name, 0, NULL) != 0);
	if (other)
		xlat_fail(c, "42809", -1, "%s is not a domain", xlat_enum_display(c, *name));
	else
		xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1, "type \"%s\" does not exist", *name);
	return NULL;
}

/* A copy of d whose lists can change. */
static struct xlat_domain *copy_domain(struct xlat_ctx *c, const struct xlat_domain *d)
{
	struct xlat_domain *nd = arena_zalloc(c->a, sizeof(*nd));
	*nd = *d;
	const char **n = arena_zalloc(c->a, (d->nchecks + 1) * sizeof(*n));
	const char **e = arena_zalloc(c->a, (d->nchecks + 1) * sizeof(*e));
	for (size_t i = 0; i < d->nchecks; i++) {
		n[i] = d->connames[i];
		e[i] = d->checks[i];
	}
	nd->connames = n;
	nd->checks = e;
	return nd;
}

static int con_index(const struct xlat_domain *d, const char *con)
{
	for (size_t i = 0; con && i < d->nchecks; i++) {
		if (strcmp(d->connames[i], con) == 0)
			return (int)i;
	}
	return -1;
}

/* A column's own default (not the domain's marked one). */
bool xlat_domain_own_default(struct xlat_ctx *c, const char *table, const char *col)
{
	const char *sql = NULL;
	if (!c->schema || !c->schema->default_fn ||
	    !c->schema->default_fn(c->schema->arg, table, col, &sql, NULL) || !sql)
		return false;
	return strncmp(sql, CATALOG_DOMAIN_DEFAULT_MARK, strlen(CATALOG_DOMAIN_DEFAULT_MARK)) != 0;
}

/* A column an ALTER DOMAIN changes: one of the domain's own (dom the changed domain) or of a
 * domain over it (dom that domain, over the changed one through c->domain_altered). */
struct target {
	const struct xlat_domain *dom;
	const char *table, *column;
	bool own;
};

/* Whether d is over (directly or not) the domain named name. */
static bool is_over(struct xlat_ctx *c, const struct xlat_domain *d, const char *name)
{
	int n = 0;
	for (const struct xlat_domain *p = parent_of(c, d); p && n < DOMAIN_DEPTH;
	     p = parent_of(c, p), n++) {
		if (strcmp(p->name, name) == 0)
			return true;
	}
	return false;
}

static struct target *targets_of(struct xlat_ctx *c, const struct xlat_domain *d,
				 const struct xlat_domain *nd, size_t *n)
{
	size_t cap = d->nusers;
	for (const struct xlat_domain *e = c->schema->domains; e && e->name; e++)
		cap += e->nusers;
	struct target *v = arena_zalloc(c->a, (cap + 1) * sizeof(*v));
	*n = 0;
	for (size_t i = 0; i < d->nusers; i++)
		v[(*n)++] = (struct target){nd, d->tables[i], d->columns[i], true};
	for (const struct xlat_domain *e = c->schema->domains; e && e->name; e++) {
		for (size_t i = 0; e != d && is_over(c, e, d->name) && i < e->nusers; i++)
			v[(*n)++] = (struct target){e, e->tables[i], e->columns[i], false};
	}
	return v;
}

/* The change as a chain: the writer's script (with the checks of the rows PostgreSQL checks),
 * then each column of the domain given the changed domain's clauses in place (its rows are
 * not checked again: a NOT VALID constraint leaves the rows it refuses; a changed DEFAULT
 * takes a rebuild) — all in one transaction. */
/* PostgreSQL's answer for the rows of a column that the change refuses, ahead of the
 * rebuild (which would answer with the domain's message): SET NOT NULL over a NULL, ADD CHECK
 * (the constraint con of nd) over a value that fails it. */
static bool prechecks(struct xlat_ctx *c, const struct xlat_domain *d, const struct xlat_domain *nd,
		      const char *con, const struct target *tv, size_t nt)
{
	int k = con ? con_index(nd, con) : -1;
	PgQuery__ParseResult *tree = NULL;
	const PgQuery__Node *e = k >= 0 ? parse_select(c, nd->checks[k], &tree) : NULL;
	struct xlat_typeref base;
	bool ok = (k < 0 || e) && xlat_domain_base(c, d, &base);
	struct xlat_type t = {xlat_type_oid(&base), base.typmod}, ct;
	for (size_t i = 0; ok && i < nt; i++) {
		struct strbuf q;
		strbuf_init(&q, 0);
		strbuf_put_quoted(&q, tv[i].column, '"');
		const char *col = arena_strdup(c->a, q.data ? q.data : "\"\"");
		strbuf_fini(&q);
		const char *where = arena_printf(c->a, "column \"%s\" of table \"%s\" ",
						 tv[i].column, tv[i].table);
		if (nd->notnull && !d->notnull) {
			xlat_puts(c, "; SELECT shardlite_raise('23502', ");
			xlat_string(c, arena_printf(c->a, "%scontains null values", where));
			xlat_puts(c, ") FROM ");
			xlat_ident(c, tv[i].table);
			xlat_printf(c, " WHERE %s IS NULL LIMIT 1", col);
		}
		if (e) {
			xlat_puts(c, "; SELECT shardlite_raise('23514', ");
			xlat_string(
				c, arena_printf(c->a,
						"%scontains values that violate the new constraint",
						where));
			xlat_puts(c, ") FROM ");
			xlat_ident(c, tv[i].table);
			xlat_puts(c, " WHERE NOT (");
			ok = check_expr(c, e, col, t, &ct);
			xlat_puts(c, ") LIMIT 1");
		}
	}
	xlat_domain_free(tree);
	return ok;
}

static bool alter_chain(struct xlat_ctx *c, const struct xlat_domain *d,
			const struct xlat_domain *nd, const char *added, const char *tag)
{
	size_t n = 0;
	bool dflt_changed = (d->dflt != NULL) != (nd->dflt != NULL) ||
			    (d->dflt && nd->dflt && strcmp(d->dflt, nd->dflt) != 0);
	c->domain_altered = nd; /* the domains over d see the change (parent_of) */
	const struct target *tv = targets_of(c, d, nd, &n);
	bool ok = prechecks(c, d, nd, added, tv, n);
	struct xlat_rebuild *v = arena_zalloc(c->a, (n + 1) * sizeof(*v));
	v[0].kind = XLAT_RB_SCRIPT;
	v[0].table = n ? tv[0].table : "";
	v[0].script = arena_strndup(c->a, c->sb->data ? c->sb->data : "", c->sb->len);
	strbuf_reset(c->sb);
	for (size_t i = 0; ok && i < n; i++) {
		struct strbuf *saved = c->sb, sb;
		strbuf_init(&sb, 0);
		c->sb = &sb;
		bool own = xlat_domain_own_default(c, tv[i].table, tv[i].column);
		ok = xlat_domain_column_clauses(c, tv[i].dom, tv[i].column, !own) && !sb.failed;
		c->sb = saved;
		v[i + 1].kind = XLAT_RB_DOMAIN;
		/* prechecks looked at the rows PostgreSQL looks at; a changed DEFAULT is copied
		 * into the rows (SQLite reads a column ADDed later from its DEFAULT; a domain over
		 * d keeps the DEFAULT it copied) */
		v[i + 1].keep_rows = !dflt_changed || !tv[i].own;
		v[i + 1].table = tv[i].table;
		v[i + 1].column = tv[i].column;
		v[i + 1].constraint = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
		strbuf_fini(&sb);
		v[i].next = &v[i + 1];
	}
	c->domain_altered = NULL;
	if (!ok)
		return false;
	c->st->tag = tag;
	if (!n) {
		xlat_puts(c, v[0].script);
		return true;
	}
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = &v[0];
	return true;
}

/* ADD [CONSTRAINT c] CHECK (expr): checked as CREATE DOMAIN checks it. */
static bool add_check(struct xlat_ctx *c, const struct xlat_domain *d, struct xlat_domain *nd,
		      const PgQuery__Node *def, const char **added)
{
	const PgQuery__Constraint *k = def && def->node_case == NODE(CONSTRAINT) ? def->constraint
										 : NULL;
	if (!k)
		return xlat_unsupported(c, -1, "this ALTER DOMAIN ... ADD");
	if (k->contype != CONSTR(CHECK)) {
		struct domain_def dd = {.name = d->name};
		dd.connames = arena_zalloc(c->a, sizeof(*dd.connames));
		dd.checks = arena_zalloc(c->a, sizeof(*dd.checks));
		return constraint(c, &dd, k) &&
		       xlat_unsupported(c, k->location, "this ALTER DOMAIN ... ADD");
	}
	if (k->is_no_inherit)
		return xlat_fail(c, "42P17", k->location,
				 "check constraints for domains cannot be marked NO INHERIT");
	struct domain_def dd = {.name = d->name, .nchecks = d->nchecks};
	dd.connames = arena_zalloc(c->a, (d->nchecks + 1) * sizeof(*dd.connames));
	dd.checks = arena_zalloc(c->a, (d->nchecks + 1) * sizeof(*dd.checks));
	for (size_t i = 0; i < d->nchecks; i++)
		dd.connames[i] = d->connames[i];
	const char *con = k->conname && *k->conname ? arena_strdup(c->a, k->conname)
						    : check_default_name(c, &dd);
	if (con_index(d, con) >= 0)
		return xlat_fail(c, "42710", -1,
				 "constraint \"%s\" for domain \"%s\" already exists", con,
				 d->name);
	struct xlat_typeref base;
	if (!xlat_domain_base(c, d, &base))
		return false;
	struct domain_def one = {.name = d->name, .nchecks = 1};
	PgQuery__Node *checks[] = {k->raw_expr};
	one.checks = checks;
	PgQuery__TypeName *tn = NULL; /* no DEFAULT to read */
	if (!validate(c, &one, tn, &base))
		return false;
	const char *text = xlat_checkdef_domain(c, d->parent ? NULL : &base, k->raw_expr);
	if (!text)
		return xlat_unsupported(c, -1, "this domain CHECK (it has no SQL text)");
	/* in name order, as the checks run */
	size_t at = 0;
	while (at < nd->nchecks && strcmp(nd->connames[at], con) < 0)
		at++;
	const char **names = (const char **)nd->connames, **exprs = (const char **)nd->checks;
	for (size_t i = nd->nchecks; i > at; i--) {
		names[i] = names[i - 1];
		exprs[i] = exprs[i - 1];
	}
	names[at] = con;
	exprs[at] = text;
	nd->nchecks++;
	/* NOT VALID: new values are checked, the rows there are not (until VALIDATE) */
	*added = k->skip_validation ? NULL : con;
	xlat_puts(c, ", ");
	xlat_string(c, con);
	xlat_puts(c, ", ");
	xlat_string(c, text);
	if (k->skip_validation)
		xlat_puts(c, ", 1");
	return true;
}

/* A view (or materialized view) keeps its casts to a domain as translated when it was made,
 * with the constraints the domain had then (pgfn_domain_check's arguments), where PostgreSQL
 * checks the domain's constraints when the view is read: a change of the constraints of d (or
 * of a domain below one a view casts to) is refused while a view casts to it. Such a cast
 * names its domain as pgfn_domain_check's second argument (xlat_domain_cast). */
static void views_guard(struct xlat_ctx *c, const struct xlat_domain *d)
{
	xlat_puts(c, "; SELECT shardlite_raise('0A000', 'ALTER DOMAIN changing the constraints of "
		     "a domain a view casts to is not supported (view \"' || name || '\")') FROM "
		     "(SELECT name, sql FROM main.sqlite_schema UNION ALL SELECT name, sql FROM "
		     "temp.sqlite_schema) WHERE instr(sql, 'pgfn_domain_check(') AND (");
	bool first = true;
	for (const struct xlat_domain *e = c->schema ? c->schema->domains : NULL; e && e->name;
	     e++) {
		if (strcmp(e->name, d->name) != 0 && !is_over(c, e, d->name))
			continue;
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, ", ");
		strbuf_put_quoted(&sb, xlat_enum_display(c, e->name), '\'');
		strbuf_puts(&sb, ", ");
		xlat_puts(c, first ? "instr(sql, " : " OR instr(sql, ");
		xlat_string(c, sb.data ? sb.data : "");
		xlat_puts(c, ")");
		strbuf_fini(&sb);
		first = false;
	}
	xlat_puts(c, first ? "false) LIMIT 1" : ") LIMIT 1");
}

bool xlat_stmt_alter_domain(struct xlat_ctx *c, const PgQuery__AlterDomainStmt *s)
{
	const char *name = NULL;
	const struct xlat_domain *d = named_domain(c, s->type_name, s->n_type_name, &name);
	if (!d)
		return false;
	/* after other DDL of the same input the domain and its columns may be stale */
	if (c->earlier_ddl)
		return xlat_unsupported(c, -1, "ALTER DOMAIN after other DDL in the same Query");
	struct xlat_domain *nd = copy_domain(c, d);
	const char *added = NULL; /* ADD CONSTRAINT's name */
	xlat_sidecar_script(c, "ALTER DOMAIN");
	const PgQuery__Node *def = s->def;
	if (s->subtype && s->subtype[0] == 'C' && def && def->node_case == NODE(CONSTRAINT) &&
	    def->constraint->skip_validation)
		xlat_puts(c, SIDECAR_NOT_VALID);
	xlat_puts(c, SIDECAR_DOMAINS "; SELECT shardlite_domain(");
	switch (s->subtype ? s->subtype[0] : 0) {
	case 'T': /* SET DEFAULT / DROP DEFAULT */
		nd->dflt = NULL;
		if (s->def) {
			struct xlat_typeref base;
			struct domain_def dd = {.name = d->name, .dflt = s->def};
			PgQuery__ParseResult *bt = NULL;
			const PgQuery__TypeName *btn = base_typename(c, d, &bt);
			bool ok = btn && xlat_domain_base(c, d, &base) &&
				  validate(c, &dd, btn, &base);
			xlat_domain_free(bt);
			if (!ok)
				return false;
			if (!(nd->dflt = xlat_deparse_expr(c, s->def)))
				return xlat_unsupported(c, -1,
							"this domain DEFAULT (it has no SQL text)");
		}
		xlat_puts(c, "'default', ");
		xlat_string(c, name);
		xlat_puts(c, ", ");
		xlat_string_or_null(c, nd->dflt);
		break;
	case 'N': /* DROP NOT NULL */
	case 'O': /* SET NOT NULL */
		nd->notnull = s->subtype[0] == 'O';
		xlat_puts(c, "'notnull', ");
		xlat_string(c, name);
		xlat_printf(c, ", %d", nd->notnull ? 1 : 0);
		break;
	case 'C': /* ADD CONSTRAINT */
		xlat_puts(c, "'add_check', ");
		xlat_string(c, name);
		if (!add_check(c, d, nd, s->def, &added))
			return false;
		break;
	case 'X': { /* DROP CONSTRAINT */
		int k = con_index(d, s->name);
		if (k < 0 && !s->missing_ok)
			return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1,
					 "constraint \"%s\" of domain \"%s\" does not exist",
					 s->name ? s->name : "", d->name);
		if (k < 0) { /* IF EXISTS: nothing but PostgreSQL's NOTICE */
			strbuf_reset(c->sb);
			c->st->kind = XLAT_NOOP;
			xlat_skip_note(c, "constraint", d->name, s->name, false);
			return true;
		}
		for (size_t i = (size_t)k; i + 1 < nd->nchecks; i++) {
			((const char **)nd->connames)[i] = nd->connames[i + 1];
			((const char **)nd->checks)[i] = nd->checks[i + 1];
		}
		nd->nchecks--;
		xlat_puts(c, "'drop_check', ");
		xlat_string(c, name);
		xlat_puts(c, ", ");
		xlat_string(c, s->name);
		break;
	}
	case 'V': /* VALIDATE CONSTRAINT: the rows checked (as PostgreSQL, a valid one's too) */
		if (con_index(d, s->name) < 0)
			return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1,
					 "constraint \"%s\" of domain \"%s\" does not exist",
					 s->name ? s->name : "", d->name);
		xlat_puts(c, "'validate', ");
		xlat_string(c, name);
		xlat_puts(c, ", ");
		xlat_string(c, s->name);
		xlat_puts(c, ")" SCHEMA_BUMP);
		c->st->tag = "ALTER DOMAIN";
		{ /* the columns of the domains over it too, as PostgreSQL's */
			size_t nt = 0;
			const struct target *tv = targets_of(c, d, d, &nt);
			return prechecks(c, d, d, s->name, tv, nt);
		}
	default:
		return xlat_unsupported(c, -1, "this ALTER DOMAIN");
	}
	xlat_puts(c, ")" SCHEMA_BUMP);
	if (s->subtype[0] != 'T') /* a default does not reach a cast */
		views_guard(c, d);
	return alter_chain(c, d, nd, added, "ALTER DOMAIN");
}

static const struct xlat_udf *udf_of(struct xlat_ctx *c, const struct xlat_domain *d);

bool xlat_type_names_domain(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	const PgQuery__Node *o = s->object;
	if (s->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TYPE || !o ||
	    o->node_case != NODE(LIST) || !o->list->n_items)
		return false;
	return xlat_domain_by_name(c, xlat_node_str(o->list->items[o->list->n_items - 1])) !=
	       NULL;
}

bool xlat_rename_domain(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	const PgQuery__Node *o = s->object;
	const char *name = NULL;
	const struct xlat_domain *d =
		o && o->node_case == NODE(LIST)
			? named_domain(c, o->list->items, o->list->n_items, &name)
		: o && o->node_case == NODE(TYPE_NAME)
			? named_domain(c, o->type_name->names, o->type_name->n_names, &name)
			: NULL;
	if (!d)
		return pgerr_is_set(c->err) ? false : xlat_unsupported(c, -1, "this ALTER DOMAIN");
	if (c->earlier_ddl)
		return xlat_unsupported(c, -1, "ALTER DOMAIN after other DDL in the same Query");
	struct xlat_domain *nd = copy_domain(c, d);
	bool con = s->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT;
	if (!con && child_of(c, d)) /* the domains over it name it */
		return xlat_unsupported(c, -1,
					"ALTER DOMAIN ... RENAME TO of a domain another domain is over");
	if (con) { /* RENAME CONSTRAINT c TO new */
		int k = con_index(d, s->subname);
		if (k < 0)
			return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1,
					 "constraint \"%s\" for domain %s does not exist",
					 s->subname ? s->subname : "",
					 xlat_enum_display(c, d->name));
		if (con_index(d, s->newname) >= 0)
			return xlat_fail(c, "42710", -1,
					 "constraint \"%s\" for domain \"%s\" already exists",
					 s->newname, d->name);
		((const char **)nd->connames)[k] = arena_strdup(c->a, s->newname);
	} else if (udf_of(c, d)) { /* its parameters and results name the domain as written */
		return xlat_unsupported(c, -1, "ALTER DOMAIN ... RENAME TO of a domain a function uses");
	} else {
		nd->name = arena_strdup(c->a, s->newname);
	}
	/* ALTER TYPE d RENAME TO, as PostgreSQL takes it of a domain, keeps its tag */
	const char *tag =
		s->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ? "ALTER TYPE" : "ALTER DOMAIN";
	xlat_sidecar_script(c, tag);
	xlat_puts(c, SIDECAR_DOMAINS "; SELECT shardlite_domain(");
	xlat_puts(c, con ? "'rename_check', " : "'rename', ");
	xlat_string(c, name);
	if (con) {
		xlat_puts(c, ", ");
		xlat_string(c, s->subname);
	}
	xlat_puts(c, ", ");
	xlat_string(c, s->newname);
	xlat_puts(c, ")" SCHEMA_BUMP);
	return alter_chain(c, d, nd, NULL, tag);
}

/* ---- DROP DOMAIN ---- */

/* The type a name is, as format_type prints it; NULL when there is none (err left clear) or
 * on an error the name itself makes (err set). */
static const char *other_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, const char *name)
{
	struct xlat_typeref r;
	if (xlat_type_resolve(c, tn, &r)) {
		if (r.serial) /* serial is a column's shorthand, not a type */
			return NULL;
		return r.is_array ? arena_printf(c->a, "%s[]", r.info->sql_name) : r.info->sql_name;
	}
	if (strcmp(c->err->sqlstate, SQLSTATE_UNDEFINED_OBJECT) != 0)
		return NULL;
	pgerr_clear(c->err);
	bool row = c->schema && c->schema->rowtype_fn && !tn->n_array_bounds &&
		   c->schema->rowtype_fn(c->schema->arg, name, 0, NULL) != 0;
	return row ? xlat_enum_display(c, name) : NULL;
}

/* The name PostgreSQL's messages print: as written, schema and all. */
static const char *written(struct xlat_ctx *c, const PgQuery__TypeName *tn)
{
	const char *name = xlat_node_str(tn->names[tn->n_names - 1]);
	if (tn->n_names != 2)
		return name;
	return arena_printf(c->a, "%s.%s", xlat_node_str(tn->names[0]), name);
}

/* DROP DOMAIN without CASCADE: PostgreSQL's 2BP01 naming every column that uses the domain. */
static bool dependents(struct xlat_ctx *c, const struct xlat_domain *d)
{
	const char *shown = xlat_enum_display(c, d->name);
	xlat_fail(c, "2BP01", -1, "cannot drop type %s because other objects depend on it", shown);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = d->nusers; i-- > 0;) /* PostgreSQL lists the latest dependent first */
		strbuf_printf(&sb, "%scolumn %s of table %s depends on type %s",
			      i + 1 < d->nusers ? "\n" : "", d->columns[i], d->tables[i], shown);
	for (const struct xlat_domain *e = c->schema->domains; e && e->name; e++) {
		if (e->parent && strcmp(e->parent, d->name) == 0)
			strbuf_printf(&sb, "%stype %s depends on type %s", sb.len ? "\n" : "",
				      xlat_enum_display(c, e->name), shown);
	}
	pgerr_detail(c->err, "%s", sb.data ? sb.data : "");
	strbuf_fini(&sb);
	pgerr_hint(c->err, "Use DROP ... CASCADE to drop the dependent objects too.");
	return false;
}

/* A function of the tenant's with a parameter or result of domain d, NULL when none. */
static const struct xlat_udf *udf_of(struct xlat_ctx *c, const struct xlat_domain *d)
{
	for (uint32_t i = 0; c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *u = &c->schema->udfs[i];
		bool uses = u->retdecl && strcmp(u->retdecl, d->name) == 0;
		for (size_t k = 0; !uses && k < u->nargs; k++)
			uses = strcmp(u->argdecls[k], d->name) == 0;
		for (size_t k = 0; !uses && k < u->nouts; k++)
			uses = strcmp(u->outdecls[k], d->name) == 0;
		for (size_t k = 0; !uses && u->modes && k < u->nparams; k++)
			uses = strcmp(u->alldecls[k], d->name) == 0;
		if (uses)
			return u;
	}
	return NULL;
}

/* DROP DOMAIN of a domain a function uses: PostgreSQL's 2BP01 naming the function (CASCADE,
 * which would drop the function too, 0A000). */
static bool function_dependent(struct xlat_ctx *c, const struct xlat_domain *d,
			       const struct xlat_udf *u, bool cascade)
{
	if (cascade)
		return xlat_unsupported(c, -1, "DROP DOMAIN ... CASCADE of a domain a function uses");
	const char *shown = xlat_enum_display(c, d->name);
	xlat_fail(c, "2BP01", -1, "cannot drop type %s because other objects depend on it", shown);
	pgerr_detail(c->err, "%s %s depends on type %s", u->kind == 'p' ? "procedure" : "function",
		     xlat_udf_display(c, u->name, u->argdecls, u->nargs), shown);
	pgerr_hint(c->err, "Use DROP ... CASCADE to drop the dependent objects too.");
	return false;
}

/* Whether DROP DOMAIN s names the domain name too. */
static bool dropped_too(struct xlat_ctx *c, const PgQuery__DropStmt *s, const char *name)
{
	for (size_t i = 0; i < s->n_objects; i++) {
		const PgQuery__Node *o = s->objects[i];
		const PgQuery__TypeName *tn = o->node_case == NODE(TYPE_NAME) ? o->type_name : NULL;
		const struct xlat_domain *d =
			tn && tn->n_names
				? xlat_domain_by_name(c, xlat_node_str(tn->names[tn->n_names - 1]))
				: NULL;
		if (d && strcmp(d->name, name) == 0)
			return true;
	}
	return false;
}

/* One name of DROP DOMAIN: checked, and its writer call (with CASCADE's column drops) put in
 * c->sb; *any when it names a domain (or might: after other DDL of the same input). */
static bool drop_one(struct xlat_ctx *c, const PgQuery__DropStmt *s, const PgQuery__Node *o,
		     bool *any)
{
	if (o->node_case != NODE(TYPE_NAME) || !o->type_name->n_names)
		return xlat_unsupported(c, -1, "this DROP DOMAIN");
	const PgQuery__TypeName *tn = o->type_name;
	const char *schema = tn->n_names == 2 ? xlat_node_str(tn->names[0]) : NULL;
	/* integer, double precision ...: the parser's pg_catalog.int4 */
	bool builtin = schema && strcmp(schema, "pg_catalog") == 0;
	const char *name = builtin ? xlat_node_str(tn->names[1])
				   : xlat_tenant_object_name(c, tn->names, tn->n_names, "type");
	if (!name)
		return false;
	const struct xlat_domain *d = builtin ? NULL : xlat_domain_by_name(c, name);
	if (!d) {
		const char *other = other_type(c, tn, name);
		if (other)
			return xlat_fail(c, "42809", -1, "\"%s\" is not a domain", other);
		if (pgerr_is_set(c->err))
			return false;
		/* after other DDL of the same input the schema may be stale: the writer checks */
		if (!s->missing_ok && !c->earlier_ddl)
			return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1,
					 "type \"%s\" does not exist", written(c, tn));
		if (s->missing_ok)
			xlat_skip_note(c, "type", NULL, written(c, tn), false);
		if (!c->earlier_ddl)
			return true;
	}
	*any = true;
	bool cascade = s->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	const struct xlat_domain *child = d && !c->earlier_ddl ? child_of(c, d) : NULL;
	if (child && dropped_too(c, s, child->name)) /* DROP DOMAIN d2, d1: d2 goes first */
		child = NULL;
	if (child && cascade)
		return xlat_unsupported(c, -1,
					"DROP DOMAIN ... CASCADE of a domain another domain is over");
	if (child || (d && d->nusers && !cascade && !c->earlier_ddl))
		return dependents(c, d);
	const struct xlat_udf *u = d && !c->earlier_ddl ? udf_of(c, d) : NULL;
	if (u)
		return function_dependent(c, d, u, cascade);
	for (size_t k = 0; d && cascade && k < d->nusers; k++) { /* CASCADE: the columns */
		xlat_puts(c, "; ALTER TABLE ");
		xlat_ident(c, d->tables[k]);
		xlat_puts(c, " DROP COLUMN ");
		xlat_ident(c, d->columns[k]);
	}
	/* PostgreSQL's order: the tables as they were made, each one's columns last first */
	for (size_t k = 0, end; d && cascade && k < d->nusers; k = end) {
		for (end = k + 1; end < d->nusers && strcmp(d->tables[end], d->tables[k]) == 0;)
			end++;
		for (size_t j = end; j-- > k;)
			xlat_skip_note(c, "cascade", NULL,
				       arena_printf(c->a, "column %s of table %s", d->columns[j],
						    d->tables[j]),
				       true);
	}
	xlat_puts(c, "; SELECT shardlite_domain('drop', ");
	xlat_string(c, name);
	xlat_printf(c, ", %d)", s->missing_ok ? 1 : 0);
	return true;
}

bool xlat_drop_names_domain(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	const PgQuery__Node *o = s->n_objects ? s->objects[0] : NULL;
	if (!o || o->node_case != NODE(TYPE_NAME) || !o->type_name->n_names)
		return false;
	const PgQuery__TypeName *tn = o->type_name;
	const char *schema = tn->n_names == 2 ? xlat_node_str(tn->names[0]) : NULL;
	return (!schema || strcmp(schema, "public") == 0) &&
	       xlat_domain_by_name(c, xlat_node_str(tn->names[tn->n_names - 1]));
}

/* How many domains o's domain is over (0: none, or o names no domain). */
static int depth_of(struct xlat_ctx *c, const PgQuery__Node *o)
{
	const PgQuery__TypeName *tn = o->node_case == NODE(TYPE_NAME) ? o->type_name : NULL;
	const struct xlat_domain *d =
		tn && tn->n_names ? xlat_domain_by_name(c, xlat_node_str(tn->names[tn->n_names - 1]))
				  : NULL;
	int n = 0;
	for (d = d ? parent_of(c, d) : NULL; d && n < DOMAIN_DEPTH; d = parent_of(c, d))
		n++;
	return n;
}

bool xlat_drop_domains(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	bool any = false;
	xlat_sidecar_script(c, s->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE
				       ? "DROP TYPE"
				       : "DROP DOMAIN");
	xlat_puts(c, SIDECAR_DOMAINS);
	/* a domain over another named too goes first (the writer looks for domains over it) */
	for (int depth = DOMAIN_DEPTH; depth >= 0; depth--) {
		for (size_t i = 0; i < s->n_objects; i++) {
			if (depth_of(c, s->objects[i]) == depth &&
			    !drop_one(c, s, s->objects[i], &any))
				return false;
		}
	}
	if (!any) { /* IF EXISTS of names that are no domains: PostgreSQL's notices alone */
		strbuf_reset(c->sb);
		c->st->kind = XLAT_NOOP;
		return true;
	}
	xlat_puts(c, SCHEMA_BUMP);
	return true;
}
