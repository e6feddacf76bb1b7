/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_dml.c: INSERT (VALUES, SELECT, DEFAULT VALUES, ON CONFLICT), UPDATE (SET, FROM) and
 * DELETE (USING becomes a correlated EXISTS), each with RETURNING. SQLite has no DEFAULT
 * inside VALUES or SET, so DEFAULT is expressed by leaving the column out where that is exact
 * and refused where it is not. Identity columns follow PostgreSQL's rules here (GENERATED
 * ALWAYS, OVERRIDING), and an INSERT that leaves a serial key to SQLite says so; one that
 * leaves out a plain integer key stored as the rowid (which SQLite would number) stores NULL
 * into it, refused as PostgreSQL refuses it (23502). */
#include "xlat_int.h"
#include "xlat_syscol.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define OVERRIDING(x) PG_QUERY__OVERRIDING_KIND__OVERRIDING_##x
#define SQLSTATE_GENERATED_ALWAYS "428C9"

/* The target, and in *name_end where its name ends in the output (before its alias). */
static bool target_rel(struct xlat_ctx *c, const PgQuery__RangeVar *rv, size_t *name_end)
{
	if (xlat_scope_matview(c, rv)) /* PostgreSQL's executor says it, without a position */
		return xlat_fail(c, "42809", -1, "cannot change materialized view \"%s\"",
				 rv->relname);
	if (!xlat_relname(c, rv))
		return false;
	*name_end = c->sb->len;
	if (rv->alias) {
		xlat_puts(c, " AS ");
		xlat_ident(c, rv->alias->aliasname);
	}
	return true;
}

/* The statement's table and trigger events, when the table is the session's tenant's. */
/* A write of partition named (before the rewrite onto its partitioned table, rv): the
 * statement's named relation, whose statement triggers fire. */
static void note_named(struct xlat_ctx *c, const char *named, const PgQuery__RangeVar *rv)
{
	if (c->st->dml_table && strcmp(named, rv->relname) != 0 &&
	    xlat_partition_is_partition(c, named))
		c->st->dml_named = arena_strdup(c->a, named);
}

static void note_dml(struct xlat_ctx *c, const PgQuery__RangeVar *rv, int events)
{
	const char *schema = rv->schemaname;
	if (schema && *schema && strcmp(schema, "public") != 0 &&
	    !(c->env && c->env->tenant && strcmp(schema, c->env->tenant) == 0))
		return;
	c->st->dml_table = arena_strdup(c->a, rv->relname);
	c->st->dml_events = events | (schema && *schema ? 2048 : 0);
}

/* Whether the SQLite text sql[0, n) has a parameter: a ? outside the string literals and
 * quoted names the translator writes (an unnamed column's alias is "?column?"). */
static bool has_param(const char *sql, size_t n)
{
	char quote = 0;
	for (size_t i = 0; i < n; i++) {
		if (quote)
			quote = sql[i] == quote ? 0 : quote; /* a doubled quote reopens at once */
		else if (sql[i] == '\'' || sql[i] == '"')
			quote = sql[i];
		else if (sql[i] == '?')
			return true;
	}
	return false;
}

/* The parameters of the SQLite text sql[0, n) as "k, ?k, ..." (a bound constant's too), in
 * sb; the highest number in *max. */
static void param_pairs(const char *sql, size_t n, struct strbuf *sb, long *max)
{
	char quote = 0;
	*max = 0;
	for (size_t i = 0; i < n; i++) {
		if (quote) {
			quote = sql[i] == quote ? 0 : quote;
		} else if (sql[i] == '\'' || sql[i] == '"') {
			quote = sql[i];
		} else if (sql[i] == '?') {
			char *end;
			long k = strtol(sql + i + 1, &end, 10);
			strbuf_printf(sb, "%s%ld, ?%ld", sb->len ? ", " : "", k, k);
			*max = k > *max ? k : *max;
			i = (size_t)(end - sql) - 1;
		}
	}
}

/* The RETURNING list as a query of one row of the target by rowid (xlat_stmt.returning_sql),
 * from the output's target (text from..to: 0, 0 for none) and list (list..end). Its
 * parameters keep their numbers, rowid is the one after them; the hidden marker passes their
 * values (dml_events 8192: sess_trgret.c). */
static void note_returning(struct xlat_ctx *c, size_t from, size_t to, size_t list,
			   struct strbuf *params)
{
	const char *sql = c->sb->data;
	size_t end = c->sb->len;
	long max = 0;
	if (sql && has_param(sql + list, end - list)) {
		param_pairs(sql + list, end - list, params, &max);
		c->st->dml_events |= 8192;
	}
	if (!to || !sql)
		return;
	if (max) {
		c->st->returning_sql = arena_printf(c->a,
						    "SELECT %.*s FROM %.*s WHERE rowid = ?%ld",
						    (int)(end - list), sql + list, (int)(to - from),
						    sql + from, max + 1);
		return;
	}
	/* its constants are the text's: a cache hit must have the same ones (xlat_cache.c) */
	for (int i = 0; i < c->nslots; i++)
		if (c->slots[i].in_main == (c->sb == c->main_sb) && c->slots[i].offset >= list &&
		    c->slots[i].offset < end)
			xlat_pin(c, c->slots[i].location);
	c->st->returning_sql = arena_printf(c->a, "SELECT %.*s FROM %.*s WHERE rowid = ?1",
					    (int)(end - list), sql + list, (int)(to - from),
					    sql + from);
}

/* RETURNING (SELECT ... FROM t ...) of the table t being written: PostgreSQL's subquery sees
 * the rows as they were before the statement, SQLite's those its writes have made so far. */
struct reads_target {
	const char *rel;
	bool in_sublink, hit;
};

static bool reads_target_walk(void *arg, const ProtobufCMessage *m)
{
	struct reads_target *r = arg;
	bool outer = r->in_sublink;
	if (m->descriptor == &pg_query__sub_link__descriptor)
		r->in_sublink = true;
	if (r->in_sublink && m->descriptor == &pg_query__range_var__descriptor) {
		const PgQuery__RangeVar *rv = (const PgQuery__RangeVar *)m;
		r->hit = rv->relname && strcmp(rv->relname, r->rel) == 0;
	}
	bool go_on = !r->hit && xlat_tree_each(m, reads_target_walk, arg);
	r->in_sublink = outer;
	return go_on;
}

/* Whether item, of an UPDATE's FROM or a DELETE's USING, is known by name (a join by its
 * alias or by its inputs' names). */
bool xlat_names_item(const PgQuery__Node *item, const char *name)
{
	const PgQuery__Alias *al = NULL;
	switch (item->node_case) {
	case NODE(RANGE_VAR):
		al = item->range_var->alias;
		return strcmp(al ? al->aliasname : item->range_var->relname, name) == 0;
	case NODE(RANGE_SUBSELECT):
		al = item->range_subselect->alias;
		break;
	case NODE(RANGE_FUNCTION):
		al = item->range_function->alias;
		break;
	case NODE(JOIN_EXPR):
		al = item->join_expr->alias;
		if (al && strcmp(al->aliasname, name) == 0)
			return true;
		al = item->join_expr->join_using_alias; /* JOIN ... USING (x) AS u */
		if (al && strcmp(al->aliasname, name) == 0)
			return true;
		return (item->join_expr->larg && xlat_names_item(item->join_expr->larg, name)) ||
		       (item->join_expr->rarg && xlat_names_item(item->join_expr->rarg, name));
	default:
		return false;
	}
	return al && strcmp(al->aliasname, name) == 0;
}

struct other_ref {
	PgQuery__Node **items; /* the FROM/USING list */
	size_t n;
	const PgQuery__ColumnRef *found;
};

static bool find_other_ref(void *arg, const ProtobufCMessage *m)
{
	struct other_ref *o = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor) {
		const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
		const char *rel = cr->n_fields >= 2 ? xlat_node_str(cr->fields[cr->n_fields - 2])
						    : NULL;
		for (size_t i = 0; rel && i < o->n; i++) {
			if (xlat_names_item(o->items[i], rel)) {
				o->found = cr;
				return false;
			}
		}
		return true;
	}
	return xlat_tree_each(m, find_other_ref, o);
}

/* SQLite's RETURNING sees the target's row alone, not an UPDATE's FROM tables (nor the
 * EXISTS a DELETE's USING becomes): a column of theirs there is 0A000, not SQLite's "no such
 * column" (PostgreSQL returns the joined row's value). */
static bool returning_sees_target(struct xlat_ctx *c, PgQuery__Node **ret, size_t nret,
				  PgQuery__Node **items, size_t n, const char *what)
{
	struct other_ref o = {items, n, NULL};
	for (size_t i = 0; i < nret && !o.found; i++)
		(void)xlat_tree_each(&ret[i]->base, find_other_ref, &o);
	return !o.found || xlat_unsupported(c, o.found->location, what);
}

/* RETURNING * or target.* next to other items: the target's columns spelled out in the
 * shape, so that the other items keep their types (the column count is otherwise left to
 * run time, which types an expression column as text). */
static void returning_star_shape(struct xlat_ctx *c, const PgQuery__RangeVar *rv, PgQuery__Node **v,
				 size_t n, struct xlat_shape *shape)
{
	const struct xlat_schema_col *cols;
	size_t ncols, k = 0;
	if (!shape->star || !xlat_scope_target(c, rv, &cols, &ncols))
		return;
	const char *name = rv->alias ? rv->alias->aliasname : rv->relname;
	for (size_t i = 0; i < n; i++) {
		const PgQuery__Node *val = v[i]->res_target->val;
		const PgQuery__ColumnRef *cr = val->node_case == NODE(COLUMN_REF) ? val->column_ref
										  : NULL;
		bool star = cr && cr->fields[cr->n_fields - 1]->node_case == NODE(A_STAR);
		const char *rel = star && cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		bool other = cr && cr->n_fields == 2 && (!rel || strcmp(rel, name) != 0);
		if (star && (cr->n_fields > 2 || other))
			return;
		k += star ? ncols : 1;
	}
	struct xlat_type *t = arena_zalloc(c->a, (k ? k : 1) * sizeof(*t));
	k = 0;
	for (size_t i = 0; i < n; i++) {
		const PgQuery__Node *val = v[i]->res_target->val;
		bool star = val->node_case == NODE(COLUMN_REF) &&
			    val->column_ref->fields[val->column_ref->n_fields - 1]->node_case ==
				    NODE(A_STAR);
		for (size_t j = 0; star && j < ncols; j++)
			t[k++] = (struct xlat_type){cols[j].type_oid,
						    cols[j].type_oid ? cols[j].typmod : -1};
		if (!star)
			t[k++] = shape->types[i];
	}
	shape->types = t;
	shape->n = k;
	shape->star = false;
	shape->origins = NULL; /* RETURNING's: SQLite's */
}

/* A write through a view WITH CHECK OPTION (or whose RETURNING reads a row row-level security
 * checks, xlat_rls.c): its check as RETURNING's only item, whose rows
 * the session does not send (16384; src/session/sess_exec.c), or around the hidden marker
 * column, whose value it keeps. */
static bool returning_wco(struct xlat_ctx *c, const char *wco, size_t n, bool marker)
{
	c->st->dml_events |= 16384;
	if (!n) {
		xlat_puts(c, " RETURNING ");
		xlat_puts(c, wco);
		return true;
	}
	if (!marker)
		return xlat_unsupported(c, -1,
					"this RETURNING of a write checked by a view's WITH "
					"CHECK OPTION or by row-level security");
	return true;
}

static bool returning(struct xlat_ctx *c, const void *stmt, const PgQuery__RangeVar *rv,
		      PgQuery__Node **v, size_t n, size_t from, size_t to, bool joined, bool marker)
{
	struct xlat_shape shape = {0};
	const char *wco = xlat_updview_wco(c, stmt);
	if (wco && !returning_wco(c, wco, n, marker))
		return false;
	if (wco && c->updview_wco_part) { /* a partition's: also of a row the session writes */
		struct strbuf *sb = c->sb, q;
		strbuf_init(&q, 0);
		c->sb = &q;
		xlat_printf(c, "SELECT %s FROM ", wco);
		xlat_ident(c, rv->relname);
		xlat_puts(c, " WHERE rowid = ?1");
		c->sb = sb;
		c->st->wco_sql = q.failed ? NULL : arena_strndup(c->a, q.data, q.len);
		strbuf_fini(&q);
	}
	if (!n)
		return true;
	struct reads_target rt = {.rel = rv->relname};
	for (size_t i = 0; i < n && !rt.hit; i++)
		(void)reads_target_walk(&rt, &v[i]->base);
	if (rt.hit)
		return xlat_unsupported(c, -1,
					"a subquery in RETURNING that reads the table being "
					"modified");
	for (size_t i = 0; joined && i < n; i++) {
		const PgQuery__Node *val = v[i]->res_target->val;
		/* SQLite's * is the target's columns alone */
		if (val->node_case == NODE(COLUMN_REF) && val->column_ref->n_fields == 1 &&
		    val->column_ref->fields[0]->node_case == NODE(A_STAR))
			return xlat_unsupported(c, val->column_ref->location,
						"RETURNING * with FROM or USING tables (name the "
						"columns)");
	}
	c->st->returns_rows = true;
	xlat_puts(c, " RETURNING ");
	size_t list = c->sb->len;
	c->ret_alias = rv->alias ? rv->alias->aliasname : NULL;
	c->ret_rel = rv->relname;
	bool ok = xlat_targets(c, v, n, &shape);
	c->ret_alias = c->ret_rel = NULL;
	if (ok) /* joined: t.* only, the unqualified * was refused */
		returning_star_shape(c, rv, v, n, &shape);
	if (ok)
		xlat_shape_to_cols(c, &shape);
	struct strbuf params;
	strbuf_init(&params, 0);
	if (ok)
		note_returning(c, from, to, list, &params);
	/* an INSERT's or UPDATE's row a BEFORE trigger changes once SQLite read it: the hidden
	 * last column tells it to the session, which returns the row as written (sess_trgret.c) */
	if (ok && marker) {
		if (wco)
			xlat_printf(c, ", coalesce(%s, shardlite_returning(%s))", wco,
				    params.data ? params.data : "");
		else
			xlat_printf(c, ", shardlite_returning(%s)", params.data ? params.data : "");
		c->st->dml_events |= 4096;
	}
	if (params.failed)
		c->sb->failed = true;
	strbuf_fini(&params);
	return ok;
}

static bool is_default(const PgQuery__Node *n) { return n->node_case == NODE(SET_TO_DEFAULT); }

const char *xlat_key_null(struct xlat_ctx *c, const struct xlat_schema_col *col, const char *rel)
{
	struct strbuf *saved = c->sb, sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	xlat_puts(c, "shardlite_notnull(NULL, ");
	xlat_string(c, col->name);
	xlat_puts(c, ", ");
	xlat_string(c, rel);
	xlat_puts(c, ")");
	c->sb = saved;
	const char *r = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	if (sb.failed)
		c->sb->failed = true;
	strbuf_fini(&sb);
	return r;
}

/* SET c = DEFAULT: the column's default expression as the schema stores it (NULL without
 * one), so a NOT NULL column without a default fails with 23502 as in PostgreSQL. A serial
 * key is numbered by SQLite only when a row is inserted, so it has no expression to use. */
static bool set_default(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
			const struct xlat_schema_col *col, const PgQuery__ResTarget *rt, bool more)
{
	const char *dflt = NULL;
	if (col && col->rowid_seq)
		return xlat_unsupported(c, rt->location, "SET column = DEFAULT of a serial key");
	if (col && col->rowid_key && c->assign_rel && xlat_checks_on(c)) {
		dflt = xlat_key_null(c, col, c->assign_rel);
	} else if (rel && xlat_txn_now_col(c, rel, col)) {
		dflt = xlat_txn_now_value(c, col); /* the transaction's start, as an INSERT's */
	} else if (!col || !rel || !xlat_scope_default(c, rel, col->name, &dflt))
		return xlat_unsupported(c, rt->location,
					"SET column = DEFAULT of a column whose default is not "
					"known here");
	xlat_puts(c, more ? ", " : "");
	xlat_ident(c, rt->name);
	xlat_printf(c, " = %s%s%s", dflt ? "(" : "", dflt ? dflt : "NULL", dflt ? ")" : "");
	return true;
}

/* A generated column takes DEFAULT only (PostgreSQL's 428C9), which leaves it to SQLite. */
static bool generated_rule(struct xlat_ctx *c, const struct xlat_schema_col *col, bool insert)
{
	if (insert)
		xlat_fail(c, SQLSTATE_GENERATED_ALWAYS, -1,
			  "cannot insert a non-DEFAULT value into column \"%s\"", col->name);
	else
		xlat_fail(c, SQLSTATE_GENERATED_ALWAYS, -1,
			  "column \"%s\" can only be updated to DEFAULT", col->name);
	pgerr_detail(c->err, "Column \"%s\" is a generated column.", col->name);
	return false;
}

/* SET a = 1, (b, c) = (2, 3): multiple-column assignments arrive as one MultiAssignRef per
 * column, the first of which carries the source. rel: the table assigned to. SET g = DEFAULT
 * of a generated column writes nothing (SQLite computes it again); when nothing else is
 * assigned, the first other column is assigned itself, so the row is still updated. */
static bool set_list(struct xlat_ctx *c, const PgQuery__RangeVar *rel, PgQuery__Node **v, size_t n,
		     const struct xlat_schema_col *cols, size_t ncols)
{
	struct xlat_type ignored;
	size_t start = c->sb->len;
#define MORE (c->sb->len > start)
	for (size_t i = 0; i < n; i++) { /* SQLite would take the last one */
		const PgQuery__ResTarget *rt = v[i]->res_target;
		for (size_t k = 0; !rt->n_indirection && k < i; k++)
			if (!v[k]->res_target->n_indirection &&
			    strcmp(v[k]->res_target->name, rt->name) == 0)
				return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
						 "multiple assignments to same column \"%s\"",
						 rt->name);
	}
	for (size_t i = 0; i < n; i++) {
		const PgQuery__ResTarget *rt = v[i]->res_target;
		const struct xlat_schema_col *col = xlat_scope_col(cols, ncols, rt->name);
		/* (a schema-qualified name may mean the table a temporary one hides) */
		if (!col && ncols && rel && (!rel->schemaname || !*rel->schemaname))
			return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, rt->location,
					 "column \"%s\" of relation \"%s\" does not exist",
					 rt->name, rel->relname);
		if (rt->n_indirection) { /* SET a[i] = v of an array column: xlat_arrayset.c */
			int arr = xlat_array_set_target(c, v, n, i, col, MORE);
			if (arr < 0)
				return false;
			if (arr > 0)
				continue;
		}
		if (rt->n_indirection) { /* SET col.field = value of a row type's column */
			for (size_t k = 0; k < i; k++)
				if (strcmp(v[k]->res_target->name, rt->name) == 0)
					return xlat_unsupported(c, rt->location,
								"assigning to a column twice");
			xlat_puts(c, MORE ? ", " : "");
			int field = xlat_comptype_set_field(c, col, rt);
			if (field < 0)
				return false;
			if (field > 0)
				continue;
			return xlat_unsupported(c, rt->location,
						"assigning to an array element or field");
		}
		if (col && col->generated && is_default(rt->val))
			continue;
		if (col && col->generated)
			return generated_rule(c, col, false);
		if (is_default(rt->val)) { /* also of an identity column, GENERATED ALWAYS too */
			if (!set_default(c, rel, col, rt, MORE))
				return false;
			continue;
		}
		if (col && col->identity == 'a') {
			xlat_fail(c, SQLSTATE_GENERATED_ALWAYS, -1,
				  "column \"%s\" can only be updated to DEFAULT", col->name);
			pgerr_detail(
				c->err,
				"Column \"%s\" is an identity column defined as GENERATED ALWAYS.",
				col->name);
			return false;
		}
		if (rt->val->node_case != NODE(MULTI_ASSIGN_REF)) {
			xlat_puts(c, MORE ? ", " : "");
			xlat_ident(c, rt->name);
			xlat_puts(c, " = ");
			if (!xlat_assign_value(c, col, rt->val))
				return false;
			continue;
		}
		const PgQuery__MultiAssignRef *m = rt->val->multi_assign_ref;
		if (m->colno != 1 || i + (size_t)m->ncolumns > n)
			return xlat_unsupported(c, rt->location, "this multiple-column assignment");
		for (int k = 0; k < m->ncolumns; k++) {
			const struct xlat_schema_col *g =
				xlat_scope_col(cols, ncols, v[i + (size_t)k]->res_target->name);
			if (g && g->generated)
				return generated_rule(c, g, false);
		}
		const PgQuery__Node *src = m->source;
		for (size_t k = 0; src->node_case == NODE(ROW_EXPR) && k < src->row_expr->n_args;
		     k++) {
			const PgQuery__Node *arg = src->row_expr->args[k];
			if (arg->node_case == NODE(COLUMN_REF) &&
			    arg->column_ref->fields[arg->column_ref->n_fields - 1]->node_case ==
				    NODE(A_STAR)) /* ROW(v.*): as many values as v has columns */
				return xlat_unsupported(c, arg->column_ref->location,
							"ROW(t.*) in a multiple-column assignment");
		}
		if (src->node_case == NODE(ROW_EXPR) &&
		    src->row_expr->n_args != (size_t)m->ncolumns)
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, src->row_expr->location,
					 "number of columns does not match number of values");
		if (src->node_case != NODE(ROW_EXPR) && src->node_case != NODE(SUB_LINK))
			return xlat_fail(c, "0A000", /* PostgreSQL's code for it */
					 xlat_tree_location((const ProtobufCMessage *)src),
					 "source for a multiple-column UPDATE item must be a "
					 "sub-SELECT or ROW() expression");
		/* SET (a, b) = (1, DEFAULT) and SET (a) = ROW(1) (zapatos' update and upsert): one
		 * assignment per column, each reading the old row as PostgreSQL's does */
		bool row = src->node_case == NODE(ROW_EXPR) &&
			   src->row_expr->n_args == (size_t)m->ncolumns;
		bool split = row && m->ncolumns == 1;
		for (size_t k = 0; row && k < src->row_expr->n_args; k++)
			split = split || is_default(src->row_expr->args[k]);
		for (int k = 0; split && k < m->ncolumns; k++) {
			const PgQuery__ResTarget *kt = v[i + (size_t)k]->res_target;
			const struct xlat_schema_col *kc = xlat_scope_col(cols, ncols, kt->name);
			const PgQuery__Node *val = src->row_expr->args[k];
			if (is_default(val)) {
				if (!set_default(c, rel, kc, kt, MORE))
					return false;
				continue;
			}
			xlat_puts(c, MORE ? ", " : "");
			xlat_ident(c, kt->name);
			xlat_puts(c, " = ");
			if (!xlat_assign_value(c, kc, val))
				return false;
		}
		if (split) {
			i += (size_t)m->ncolumns - 1;
			continue;
		}
		xlat_puts(c, MORE ? ", (" : "(");
		for (int k = 0; k < m->ncolumns; k++) {
			xlat_puts(c, k ? ", " : "");
			xlat_ident(c, v[i + (size_t)k]->res_target->name);
		}
		xlat_puts(c, ") = ");
		if (src->node_case == NODE(SUB_LINK)) {
			if (src->sub_link->subselect->node_case != NODE(SELECT_STMT))
				return xlat_unsupported(c, rt->location, "this assignment source");
			if (!xlat_row_subquery(c, src->sub_link->subselect, m->ncolumns,
					       src->sub_link->location))
				return false;
		} else if (!xlat_expr(c, src, &ignored)) {
			return false;
		}
		i += (size_t)m->ncolumns - 1;
	}
	for (size_t i = 0; !MORE && i < ncols; i++) {
		if (!cols[i].generated) {
			xlat_ident(c, cols[i].name);
			xlat_puts(c, " = ");
			xlat_ident(c, cols[i].name);
		}
	}
#undef MORE
	return true;
}

/* PostgreSQL's infer_arbiter_indexes / ExecCheckIndexConstraints: a DEFERRABLE UNIQUE key
 * (xlat_defkey.c) named, on the columns named, or, without a conflict target (n 0 and no
 * conname), any of the table's, cannot be an arbiter. */
static bool arbiters_immediate(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
			       const char *conname, const char *const *cols, size_t n)
{
	if (c->schema && c->env && c->env->defkey_fn &&
	    c->env->defkey_fn(c->schema->arg, rel->relname, conname, cols, n, false))
		return xlat_fail(c, "55000", -1,
				 "ON CONFLICT does not support deferrable unique "
				 "constraints/exclusion constraints as arbiters");
	return true;
}

/* Whether ON CONFLICT's collation cn for key column name (NULL: an expression) is the
 * collation of that column's index keys: "C" (POSIX, ucs_basic) of a COLLATE "C" column,
 * "default" of another (an index key keeps no COLLATE of its own here). */
static bool key_collation(const char *cn, const char *name, const struct xlat_schema_col *cols,
			  size_t ncols)
{
	const struct xlat_schema_col *col = name ? xlat_scope_col(cols, ncols, name) : NULL;
	if (col && col->collate_c)
		return xlat_collation_name_ok(cn, false);
	return strcmp(cn, "default") == 0;
}

/* ON CONFLICT (col opclass) and (col COLLATE x): PostgreSQL infers only an index whose key
 * has that operator class and collation (infer_collation_and_opclass_matches); SQLite would
 * take any unique index of the columns. A column's key collation is its own (key_collation);
 * another matches none. A class is checked for plain columns without WHERE; else left to
 * SQLite. */
static bool arbiter_classes(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
			    const PgQuery__InferClause *inf, const char *const *names,
			    const struct xlat_schema_col *cols, size_t ncols)
{
	size_t n = inf->n_index_elems;
	const char **classes = arena_zalloc(c->a, (n + 1) * sizeof(char *));
	bool any = false, coll = false, expr = false;
	for (size_t i = 0; i < n; i++) {
		const PgQuery__IndexElem *ie = inf->index_elems[i]->index_elem;
		expr |= !names[i]; /* an expression: SQLite compares it */
		if (ie->n_opclass)
			classes[i] = xlat_node_str(ie->opclass[ie->n_opclass - 1]);
		const char *cn = ie->n_collation ? xlat_node_str(ie->collation[ie->n_collation - 1])
						 : NULL;
		coll |= cn && !key_collation(cn, names[i], cols, ncols);
		any |= classes[i] || coll;
	}
	if (!coll && (!any || expr || inf->where_clause))
		return true;
	if (!coll && (!c->schema || !c->env || !c->env->arbiter_fn ||
		      c->env->arbiter_fn(c->schema->arg, rel->relname, names, classes, n)))
		return true;
	return xlat_fail(c, "42P10", -1,
			 "there is no unique or exclusion constraint matching the ON CONFLICT "
			 "specification");
}

/* An expression or the predicate of ON CONFLICT's inference, written as CREATE INDEX writes
 * an index's (xlat_objects.c: no overflow checks, enum comparisons by label, constants in the
 * text), so that SQLite, which compares the two as expressions when it prepares, finds the
 * index: a + 1 > 0 rather than shardlite_int4(a + 1) > 0 or a + ?1 > 0. */
static bool inference_expr(struct xlat_ctx *c, const PgQuery__RangeVar *rel, PgQuery__Node *e,
			   bool predicate)
{
	struct xlat_type ignored;
	PgQuery__Node *x = xlat_enumpred_table(c, rel, e);
	if (!x)
		return false;
	unsigned saved = c->flags;
	c->flags |= XLAT_X_NOSUBQUERY;
	c->inline_consts++; /* SQLite reads them when it prepares, as the index's */
	bool ok = predicate ? xlat_expr(c, x, &ignored) : xlat_operand(c, x, &ignored);
	c->inline_consts--;
	c->flags = saved;
	return ok;
}

static int key_cmp(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* The arbiter's key columns as the NULLS NOT DISTINCT triggers name them (conflict_keys):
 * sorted, lower case, joined by ','; after "u:" for DO UPDATE (which such a key's trigger
 * refuses, 0A000); NULL when one is an expression. */
static const char *conflict_keys(struct xlat_ctx *c, const char *const *keys, size_t n,
				 PgQuery__OnConflictAction action)
{
	const char **v = arena_alloc(c->a, (n + 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		if (!keys[i])
			return NULL;
		v[i] = keys[i];
	}
	qsort(v, n, sizeof(*v), key_cmp);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, action == PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_UPDATE ? "u:" : "");
	for (size_t i = 0; i < n; i++) {
		strbuf_puts(&sb, i ? "," : "");
		for (const char *p = v[i]; *p; p++)
			strbuf_printf(&sb, "%c", (char)tolower((unsigned char)*p));
	}
	const char *out = sb.failed || !n ? NULL : arena_strdup(c->a, sb.data);
	strbuf_fini(&sb);
	return out;
}

static bool on_conflict(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
			const PgQuery__OnConflictClause *oc, const struct xlat_schema_col *cols,
			size_t ncols, const char *mark)
{
	struct xlat_type ignored;
	const PgQuery__InferClause *inf = oc->infer;
	xlat_puts(c, " ON CONFLICT");
	if (!inf && !arbiters_immediate(c, rel, NULL, NULL, 0))
		return false;
	if (inf && inf->conname && *inf->conname) {
		/* the constraint's columns, which name the same unique index to SQLite */
		const char *const *keys;
		size_t nkeys;
		if (!c->schema || !c->schema->pkey_fn)
			return xlat_unsupported(c, inf->location, "ON CONFLICT ON CONSTRAINT here");
		if (!c->schema->pkey_fn(c->schema->arg, rel->relname, inf->conname, &keys, &nkeys))
			return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1,
					 "constraint \"%s\" for table \"%s\" does not exist",
					 inf->conname, rel->relname);
		if (!nkeys && !keys) /* a FOREIGN KEY or CHECK constraint */
			return xlat_fail(
				c, "42809", -1,
				"constraint in ON CONFLICT clause has no associated index");
		/* an EXCLUDE constraint: PostgreSQL's refusal of DO UPDATE (42809); DO NOTHING would skip
		 * only its conflicts, which the session's skipping (xlat_exclude.c) cannot tell */
		if (!nkeys && oc->action == PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_UPDATE)
			return xlat_fail(c, "42809", -1,
					 "ON CONFLICT DO UPDATE not supported with exclusion "
					 "constraints");
		if (!nkeys)
			return xlat_unsupported(c, inf->location,
						"ON CONFLICT ON CONSTRAINT naming an exclusion "
						"constraint");
		if (!arbiters_immediate(c, rel, inf->conname, NULL, 0))
			return false;
		c->st->conflict_keys = conflict_keys(c, keys, nkeys, oc->action);
		xlat_puts(c, " (");
		for (size_t i = 0; i < nkeys; i++) {
			xlat_puts(c, i ? ", " : "");
			xlat_ident(c, keys[i]);
		}
		xlat_puts(c, ")");
	} else if (inf) {
		const char **names = arena_alloc(c->a, sizeof(char *) * (inf->n_index_elems + 1));
		for (size_t i = 0; i < inf->n_index_elems; i++) {
			const PgQuery__IndexElem *ie = inf->index_elems[i]->index_elem;
			names[i] = ie->name && *ie->name ? ie->name : NULL;
		}
		if (!arbiters_immediate(c, rel, NULL, names, inf->n_index_elems) ||
		    !arbiter_classes(c, rel, inf, names, cols, ncols))
			return false;
		if (!inf->where_clause)
			c->st->conflict_keys =
				conflict_keys(c, names, inf->n_index_elems, oc->action);
		/* a key named twice is named once: PostgreSQL infers the index all the same,
		 * SQLite matches none */
		size_t *at = arena_zalloc(c->a, (inf->n_index_elems + 1) * 2 * sizeof(*at)), n = 0;
		xlat_puts(c, " (");
		for (size_t i = 0; i < inf->n_index_elems; i++) {
			const PgQuery__IndexElem *ie = inf->index_elems[i]->index_elem;
			size_t sep = c->sb->len;
			xlat_puts(c, n ? ", " : "");
			size_t start = c->sb->len;
			if (ie->name && *ie->name)
				xlat_ident(c, ie->name);
			else if (!inference_expr(c, rel, ie->expr, false))
				return false;
			bool again = false;
			for (size_t k = 0; k < n && !again && c->sb->data; k++)
				again = at[2 * k + 1] - at[2 * k] == c->sb->len - start &&
					memcmp(c->sb->data + at[2 * k], c->sb->data + start,
					       c->sb->len - start) == 0;
			if (again) {
				c->sb->len = sep;
				c->sb->data[sep] = '\0';
				continue;
			}
			at[2 * n] = start;
			at[2 * n + 1] = c->sb->len;
			n++;
		}
		xlat_puts(c, ")");
		if (inf->where_clause) {
			/* matched against partial indexes' WHERE when SQLite prepares */
			xlat_puts(c, " WHERE ");
			if (!inference_expr(c, rel, inf->where_clause, true))
				return false;
		}
	}
	if (oc->action == PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_NOTHING) {
		xlat_puts(c, " DO NOTHING");
		return true;
	}
	if (!inf) {
		xlat_fail(
			c, SQLSTATE_SYNTAX_ERROR, oc->location,
			"ON CONFLICT DO UPDATE requires inference specification or constraint name");
		pgerr_hint(c->err, "For example, ON CONFLICT (column_name).");
		return false;
	}
	xlat_puts(c, " DO UPDATE SET ");
	c->upsert_rel = rel->relname;
	bool ok = set_list(c, rel, oc->target_list, oc->n_target_list, cols, ncols);
	/* shardlite_upsert first: SQLite tests WHERE before SET, its terms in order, so the
	 * session knows the row is updated before EXCLUDED is read (src/session/sess_trgret.c);
	 * mark: RETURNING's xmax tells the rows updated (xlat_syscol.c) */
	xlat_puts(c, " WHERE shardlite_upsert(");
	xlat_string(c, rel->relname);
	xlat_puts(c, ")");
	if (ok && oc->where_clause) {
		xlat_puts(c, " AND (");
		ok = xlat_expr(c, oc->where_clause, &ignored);
		xlat_puts(c, ")");
	}
	c->upsert_rel = NULL;
	if (ok && mark)
		xlat_printf(c, " AND %s", mark);
	return ok;
}

/* Which columns of a VALUES list hold DEFAULT: 0 none, 1 every row, -1 some rows only. */
static int default_column(const PgQuery__SelectStmt *vs, size_t col)
{
	size_t hits = 0;
	for (size_t r = 0; r < vs->n_values_lists; r++)
		hits += is_default(vs->values_lists[r]->list->items[col]);
	return hits == 0 ? 0 : hits == vs->n_values_lists ? 1 : -1;
}

/* The name of the column position i fills: from the column list, else the table's i-th. */
static const char *target_name(const PgQuery__InsertStmt *s, const struct xlat_schema_col **targets,
			       size_t i)
{
	if (s->n_cols)
		return s->cols[i]->res_target->name;
	return targets[i] ? targets[i]->name : NULL;
}

/* A column DEFAULT fills in some rows only keeps its place; those rows get the expression
 * SQLite would evaluate for the column left out (its dflt_value, else NULL), evaluated per
 * row as PostgreSQL does. A key SQLite numbers (the rowid alias) or an identity column has no
 * such expression, so DEFAULT there is refused unless every row has it. dflt: out, per
 * position, the expression (NULL for NULL). */
static bool mixed_default(struct xlat_ctx *c, const PgQuery__InsertStmt *s,
			  const struct xlat_schema_col *col, const char **dflt)
{
	if (col && (col->rowid_seq || col->identity))
		return xlat_unsupported(c, -1,
					"DEFAULT in some rows only of a multi-row VALUES for "
					"a serial or identity key");
	if (col && col->rowid_key && xlat_checks_on(c)) {
		*dflt = xlat_key_null(c, col, c->assign_rel);
		return true;
	}
	if (xlat_txn_now_col(c, s->relation, col)) {
		*dflt = xlat_txn_now_value(c, col);
		return true;
	}
	if (!col || !xlat_scope_default(c, s->relation, col->name, dflt))
		return xlat_unsupported(c, -1,
					"DEFAULT in some rows only of a multi-row VALUES into "
					"another tenant's table");
	return true;
}

static bool put_value(struct xlat_ctx *c, const struct xlat_schema_col *col, PgQuery__Node *v,
		      const char *dflt)
{
	if (!is_default(v))
		return xlat_assign_value(c, col, v);
	if (dflt)
		xlat_printf(c, "(%s)", dflt);
	else
		xlat_puts(c, "NULL");
	return true;
}

static const char *miss_value(struct xlat_ctx *c, const struct xlat_schema_col *miss);
static const char *miss_value_once(struct xlat_ctx *c, const struct xlat_schema_col *miss);

/* Names the columns of nows (xlat_txn_now_omitted; may be NULL) after a column list's last
 * (first: none before them), or their values after a row's. */
static void put_nows(struct xlat_ctx *c, const struct xlat_schema_col **nows, bool values,
		     bool first)
{
	for (size_t i = 0; nows && nows[i]; i++) {
		xlat_puts(c, first && i == 0 ? "" : ", ");
		if (values)
			xlat_puts(c, xlat_txn_now_value(c, nows[i]));
		else
			xlat_ident(c, nows[i]->name);
	}
}

/* DEFAULT VALUES, or with a key the statement gives (miss) its value: the NULL PostgreSQL
 * would store in a plain rowid key, a serial key's next number; and the transaction's time
 * for the columns of nows. */
static void default_values(struct xlat_ctx *c, const struct xlat_schema_col *miss,
			   const struct xlat_schema_col **nows)
{
	if (!miss && !nows) {
		xlat_puts(c, " DEFAULT VALUES");
		return;
	}
	xlat_puts(c, " (");
	if (miss)
		xlat_ident(c, miss->name);
	put_nows(c, nows, false, !miss);
	xlat_puts(c, ") VALUES (");
	if (miss)
		xlat_puts(c, miss_value_once(c, miss));
	put_nows(c, nows, true, !miss);
	xlat_puts(c, ")");
}

/* The plain rowid key (xlat_schema_col.rowid_key) an INSERT leaves out, which SQLite would
 * number: no position fills it, or only DEFAULT in every row, or OVERRIDING drops it (skip).
 * NULL when it is filled, when the table has none, or when the source's width is not known
 * here (a `*` without a column list: SQLite counts the columns). */
static const struct xlat_schema_col *omitted_key(struct xlat_ctx *c, const PgQuery__InsertStmt *s,
						 const PgQuery__SelectStmt *vs, size_t width,
						 const struct xlat_schema_col **targets,
						 const bool *skip, bool star)
{
	const struct xlat_schema_col *cols = NULL, *key = NULL;
	size_t ncols = 0;
	if (!xlat_checks_on(c) || (star && !s->n_cols) ||
	    !xlat_scope_target(c, s->relation, &cols, &ncols))
		return NULL;
	for (size_t i = 0; i < ncols && !key; i++)
		key = cols[i].rowid_key ? &cols[i] : NULL;
	for (size_t i = 0; key && i < width; i++) {
		if (targets[i] == key && !(skip && skip[i]) && !(vs && default_column(vs, i) == 1))
			return NULL;
	}
	return key;
}

/* The serial key (xlat_schema_col.rowid_seq) of the own tenant's permanent table that an
 * INSERT leaves out (VALUES, DEFAULT VALUES, a query): the statement gives
 * it from the numbers the shard holds ahead for the table (shard_serial.c), so SQLite does not
 * write the table's sqlite_sequence row at every insert. A temporary table, and a query
 * source whose width is not known here (a `*` without a column list), are still numbered by
 * SQLite. */
static const struct xlat_schema_col *
omitted_serial(struct xlat_ctx *c, const PgQuery__InsertStmt *s, const PgQuery__SelectStmt *vs,
	       size_t width, const struct xlat_schema_col **targets, const bool *skip)
{
	const struct xlat_schema_col *cols = NULL, *key = NULL;
	size_t ncols = 0;
	if (!xlat_checks_on(c) || !c->assign_rel ||
	    !xlat_scope_target(c, s->relation, &cols, &ncols))
		return NULL;
	for (size_t i = 0; i < ncols && !key; i++)
		key = cols[i].rowid_seq ? &cols[i] : NULL;
	if (!key || strncmp(key->rowid_seq, "pg_temp.", 8) == 0)
		return NULL;
	for (size_t i = 0; i < width; i++) {
		if (targets[i] == key && !(skip && skip[i]) && !(vs && default_column(vs, i) == 1))
			return NULL;
	}
	return key;
}

/* each_row: a row of a VALUES list of several, whose largest key the function reads itself
 * (-1): a subquery reading the table would make SQLite compute every row of the list, and so
 * take every number, before it inserts the first (a failing row then took them all, where
 * PostgreSQL's nextval runs row by row). */
static const char *serial_value(struct xlat_ctx *c, const struct xlat_schema_col *key,
				const char *rel, bool each_row)
{
	struct strbuf *saved = c->sb, sb;
	const struct xlat_schema_col *miss = key;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	xlat_puts(c, "shardlite_serial(");
	xlat_string(c, rel);
	xlat_printf(c, ", %lld, ",
		    miss->type_oid == XLAT_OID_INT2   ? (long long)INT16_MAX
		    : miss->type_oid == XLAT_OID_INT4 ? (long long)INT32_MAX
						      : (long long)INT64_MAX);
	if (each_row) {
		xlat_puts(c, "-1");
	} else {
		xlat_puts(c, "(SELECT max(rowid) FROM main.");
		xlat_ident(c, rel);
		xlat_puts(c, ")");
	}
	for (int i = 0; i < 2; i++) {
		xlat_puts(c, i ? "), (SELECT rowid" : ", (SELECT seq");
		xlat_puts(c, " FROM main.sqlite_sequence WHERE name = ");
		xlat_string(c, rel);
		xlat_puts(c, " COLLATE NOCASE");
	}
	xlat_puts(c, "))");
	c->sb = saved;
	const char *r = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	if (sb.failed)
		c->sb->failed = true;
	strbuf_fini(&sb);
	return r;
}

const char *xlat_serial_value(struct xlat_ctx *c, const struct xlat_schema_col *key,
			      const char *rel)
{
	return serial_value(c, key, rel, false);
}

/* The value of the key an INSERT leaves out (omitted_key, omitted_serial). */
static const char *miss_value(struct xlat_ctx *c, const struct xlat_schema_col *miss)
{
	if (!miss->rowid_seq)
		return xlat_key_null(c, miss, c->assign_rel);
	return xlat_serial_value(c, miss, c->assign_rel);
}

/* ... in the one row of VALUES or DEFAULT VALUES: a serial key's number as a scalar subquery,
 * which SQLite computes once per statement. A table with a BEFORE INSERT trigger has SQLite
 * compute the rowid's expression of such a row twice (once for the trigger's NEW, once for
 * the row), so a bare shardlite_serial took two numbers (2, then 4, where PostgreSQL gives
 * 1, 2) and NEW showed the first while the row stored the second. */
static const char *miss_value_once(struct xlat_ctx *c, const struct xlat_schema_col *miss)
{
	const char *v = miss_value(c, miss);
	return miss->rowid_seq ? arena_printf(c->a, "(SELECT %s)", v) : v;
}

/* INSERT ... VALUES where DEFAULT appears, or whose identity values OVERRIDING USER VALUE
 * drops (skip): a column that is DEFAULT in every row is left out of the column list, which
 * is exactly what DEFAULT means; a column DEFAULT in some rows only takes its default's
 * expression there (mixed_default_ok). */
static bool values_with_defaults(struct xlat_ctx *c, const PgQuery__InsertStmt *s,
				 const PgQuery__SelectStmt *vs, size_t width,
				 const struct xlat_schema_col **targets, const bool *skip,
				 const struct xlat_schema_col *miss,
				 const struct xlat_schema_col **nows)
{
	bool *drop = arena_zalloc(c->a, width + 1);
	const char **dflt = arena_zalloc(c->a, (width + 1) * sizeof(*dflt));
	size_t kept = 0;
	for (size_t i = 0; i < width; i++) {
		int d = default_column(vs, i);
		if (d < 0 && !skip[i] && !mixed_default(c, s, targets[i], &dflt[i]))
			return false;
		drop[i] = d == 1 || skip[i];
		kept += !drop[i];
		if (!target_name(s, targets, i))
			return xlat_unsupported(c, -1, "DEFAULT in VALUES without a column list");
	}
	if (!kept) {
		if (vs->n_values_lists > 1)
			return xlat_unsupported(c, -1,
						"several rows of only DEFAULT values in VALUES");
		default_values(c, miss, nows);
		return true;
	}
	xlat_puts(c, " (");
	for (size_t i = 0, k = 0; i < width; i++) {
		if (drop[i])
			continue;
		xlat_puts(c, k++ ? ", " : "");
		xlat_ident(c, target_name(s, targets, i));
	}
	if (miss) {
		xlat_puts(c, ", ");
		xlat_ident(c, miss->name);
	}
	put_nows(c, nows, false, false);
	xlat_puts(c, ") VALUES ");
	for (size_t r = 0; r < vs->n_values_lists; r++) {
		const PgQuery__List *row = vs->values_lists[r]->list;
		xlat_puts(c, r ? ", (" : "(");
		for (size_t i = 0, k = 0; i < width; i++) {
			if (drop[i])
				continue;
			xlat_puts(c, k++ ? ", " : "");
			if (!put_value(c, targets[i], row->items[i], dflt[i]))
				return false;
		}
		if (miss)
			xlat_printf(c, ", %s",
				    miss->rowid_seq && vs->n_values_lists > 1
					    ? serial_value(c, miss, c->assign_rel, true)
					    : miss_value_once(c, miss));
		put_nows(c, nows, true, false);
		xlat_puts(c, ")");
	}
	return true;
}

/* PostgreSQL's rules for identity and generated columns (rewriteTargetListIU): a generated
 * column takes nothing but DEFAULT; a GENERATED ALWAYS identity column neither, unless
 * OVERRIDING SYSTEM VALUE; OVERRIDING USER VALUE drops the
 * values given to identity columns (skip). vs: the VALUES list, NULL for a query. */
static bool identity_rules(struct xlat_ctx *c, const PgQuery__InsertStmt *s,
			   const PgQuery__SelectStmt *vs, size_t width,
			   const struct xlat_schema_col **targets, bool *skip)
{
	for (size_t i = 0; i < width; i++) {
		const struct xlat_schema_col *col = targets[i];
		if (col && col->generated && !(vs && default_column(vs, i) == 1))
			return generated_rule(c, col, true);
		if (!col || !col->identity || (vs && default_column(vs, i) == 1))
			continue;
		if (s->override == OVERRIDING(USER_VALUE)) {
			if (!vs)
				return xlat_unsupported(c, -1,
							"OVERRIDING USER VALUE with a query");
			skip[i] = true;
		} else if (col->identity == 'a' && s->override != OVERRIDING(SYSTEM_VALUE)) {
			xlat_fail(c, SQLSTATE_GENERATED_ALWAYS, -1,
				  "cannot insert a non-DEFAULT value into column \"%s\"",
				  col->name);
			pgerr_detail(
				c->err,
				"Column \"%s\" is an identity column defined as GENERATED ALWAYS.",
				col->name);
			pgerr_hint(c->err, "Use OVERRIDING SYSTEM VALUE to override.");
			return false;
		}
	}
	return true;
}

/* A serial key no position fills (or only with DEFAULT, or dropped) is numbered by SQLite:
 * the statement tells the runner which sequence's currval that sets. */
static void note_numbering(struct xlat_ctx *c, const PgQuery__InsertStmt *s,
			   const PgQuery__SelectStmt *vs, size_t width,
			   const struct xlat_schema_col **targets, const bool *skip)
{
	const struct xlat_schema_col *cols = NULL, *key = NULL;
	size_t ncols = 0;
	if (!xlat_scope_target(c, s->relation, &cols, &ncols))
		return;
	for (size_t i = 0; i < ncols && !key; i++)
		key = cols[i].rowid_seq ? &cols[i] : NULL;
	for (size_t i = 0; key && i < width; i++) {
		if (targets[i] == key && !(skip && skip[i]) && !(vs && default_column(vs, i) == 1))
			return;
	}
	if (!key)
		return;
	c->st->numbered_seq = arena_strdup(c->a, key->rowid_seq);
	c->st->numbered_max = key->type_oid == XLAT_OID_INT2   ? INT16_MAX
			      : key->type_oid == XLAT_OID_INT4 ? INT32_MAX
							       : 0;
}

/* Whether a query's first arm names its columns with a `*` (its width not known here). */
static bool has_star(const PgQuery__SelectStmt *q)
{
	while (q->op != PG_QUERY__SET_OPERATION__SETOP_NONE && q->larg)
		q = q->larg;
	return !q->n_values_lists && xlat_has_star(q);
}

/* How many columns a query fills: its first arm's (a `*` counts as one, which is enough to
 * see whether the first columns are filled). */
static size_t query_width(const PgQuery__SelectStmt *q)
{
	while (q->op != PG_QUERY__SET_OPERATION__SETOP_NONE && q->larg)
		q = q->larg;
	return q->n_values_lists ? q->values_lists[0]->list->n_items : q->n_target_list;
}

/* Closes a column list, with the plain rowid key the source leaves out (miss) and the
 * columns of nows last. */
static void put_also(struct xlat_ctx *c, const struct xlat_schema_col *miss,
		     const struct xlat_schema_col **nows)
{
	if (miss) {
		xlat_puts(c, ", ");
		xlat_ident(c, miss->name);
	}
	put_nows(c, nows, false, false);
	xlat_puts(c, ")");
}

/* INSERT without a column list whose source fills only the first columns: PostgreSQL fills
 * those and defaults the rest, SQLite wants every column, so they are named. A source whose
 * width is not known here (a `*` spell_star left) is left to SQLite. */
static bool leading_columns(struct xlat_ctx *c, const PgQuery__InsertStmt *s,
			    const PgQuery__SelectStmt *src, const struct xlat_schema_col *miss,
			    const struct xlat_schema_col **nows)
{
	if (has_star(src))
		return true;
	size_t width = query_width(src), ncols = 0;
	const struct xlat_schema_col *cols = NULL;
	if (!width || !xlat_scope_target(c, s->relation, &cols, &ncols) || width >= ncols)
		return true;
	xlat_puts(c, " (");
	for (size_t i = 0; i < width; i++) {
		xlat_puts(c, i ? ", " : "");
		xlat_ident(c, cols[i].name);
	}
	put_also(c, miss, nows);
	return true;
}

/* INSERT INTO t SELECT * FROM u without a column list: the source's * and u.* spelled out in
 * the tree as u's columns are now (a dry run with c->view_star: xlat_viewstar.c), so that its
 * width is known and each column is assigned and checked as PostgreSQL assigns it (42804,
 * 22003, a NULL key 23502); left when the scope does not know them. False only when the
 * query does not translate (err set). */
static bool spell_star(struct xlat_ctx *c, const PgQuery__SelectStmt *src)
{
	struct xlat_shape shape = {0};
	c->view_star = c->insert_star = true;
	bool ok = xlat_scope_dry_select(c, src, &shape);
	c->view_star = c->insert_star = false;
	return ok;
}

int xlat_insert_source_width(struct xlat_ctx *c, const PgQuery__SelectStmt *src, bool spell)
{
	if (spell && has_star(src) && !spell_star(c, src))
		return -1;
	return has_star(src) ? 0 : (int)query_width(src);
}

/* The column list; miss: a plain rowid key the source leaves out, named last (its value is
 * the source's last column: omitted_key), then the columns of nows (xlat_txn_now_omitted). */
static bool column_list(struct xlat_ctx *c, const PgQuery__InsertStmt *s,
			const PgQuery__SelectStmt *src, const struct xlat_schema_col *miss,
			const struct xlat_schema_col **nows)
{
	if (!s->n_cols)
		return leading_columns(c, s, src, miss, nows);
	xlat_puts(c, " (");
	for (size_t i = 0; i < s->n_cols; i++) {
		const PgQuery__ResTarget *rt = s->cols[i]->res_target;
		xlat_puts(c, i ? ", " : "");
		xlat_ident(c, rt->name);
	}
	put_also(c, miss, nows);
	return true;
}

/* The column each position of the source fills (NULL entries: unknown). */
static const struct xlat_schema_col **insert_targets(struct xlat_ctx *c,
						     const PgQuery__InsertStmt *s, size_t width)
{
	const struct xlat_schema_col *cols = NULL,
				     **v = arena_zalloc(c->a, (width + 1) * sizeof(*v));
	size_t ncols = 0;
	if (!xlat_scope_target(c, s->relation, &cols, &ncols))
		return v;
	for (size_t i = 0; i < width; i++) {
		if (s->n_cols)
			v[i] = i < s->n_cols
				       ? xlat_scope_col(cols, ncols, s->cols[i]->res_target->name)
				       : NULL;
		else
			v[i] = i < ncols ? &cols[i] : NULL;
	}
	return v;
}

/* A query source whose values are not checked column by column (a set operation, VALUES with
 * ORDER BY or LIMIT, a `*`): the position of a plain rowid key among its columns, whose NULL
 * SQLite would number; -1 when there is none, or when the source's width is not known here
 * (star_open: a `*` without a column list whose columns are not known). */
static int unchecked_key(struct xlat_ctx *c, const PgQuery__SelectStmt *src, size_t width,
			 const struct xlat_schema_col **targets, bool star_open)
{
	bool checked = src->op == PG_QUERY__SET_OPERATION__SETOP_NONE && !src->n_values_lists &&
		       !has_star(src);
	if (checked || !xlat_checks_on(c) || star_open)
		return -1;
	for (size_t i = 0; i < width; i++) {
		if (targets[i] && targets[i]->rowid_key)
			return (int)i;
	}
	return -1;
}

/* The source read through a CTE of numbered columns, the key's (column key) refused when NULL
 * as a value stored into it is (23502); WHERE true keeps ON CONFLICT from reading as a join
 * constraint. */
static bool checked_source(struct xlat_ctx *c, const PgQuery__SelectStmt *src, size_t width,
			   size_t key, const PgQuery__InsertStmt *s)
{
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	const char *name = s->n_cols ? s->cols[key]->res_target->name
			   : xlat_scope_target(c, s->relation, &cols, &ncols) && key < ncols
				   ? cols[key].name
				   : "";
	xlat_puts(c, "WITH \"_shardlite_src\"(");
	for (size_t i = 0; i < width; i++)
		xlat_printf(c, "%s\"c%zu\"", i ? ", " : "", i + 1);
	xlat_puts(c, ") AS (");
	bool ok = xlat_select(c, src, NULL);
	xlat_puts(c, ") SELECT ");
	for (size_t i = 0; i < width; i++) {
		xlat_puts(c, i ? ", " : "");
		if (i != key) {
			xlat_printf(c, "\"c%zu\"", i + 1);
			continue;
		}
		xlat_printf(c, "shardlite_notnull(\"c%zu\", ", i + 1);
		xlat_string(c, name);
		xlat_puts(c, ", ");
		xlat_string(c, c->assign_rel);
		xlat_puts(c, ")");
	}
	xlat_puts(c, " FROM \"_shardlite_src\" WHERE true");
	return ok;
}

/* A column named twice in INSERT's column list is PostgreSQL's 42701 (SQLite keeps the last
 * value); only parts of one column (f[1], f[2]) may repeat it. */
static bool insert_cols_once(struct xlat_ctx *c, const PgQuery__InsertStmt *s)
{
	for (size_t i = 1; i < s->n_cols; i++) {
		const PgQuery__ResTarget *rt = s->cols[i]->res_target;
		for (size_t j = 0; j < i; j++) {
			const PgQuery__ResTarget *prev = s->cols[j]->res_target;
			if (strcmp(prev->name, rt->name) == 0 &&
			    (!rt->n_indirection || !prev->n_indirection))
				return xlat_fail(c, "42701", rt->location,
						 "column \"%s\" specified more than once",
						 rt->name);
		}
	}
	return true;
}

static bool insert_source(struct xlat_ctx *c, const PgQuery__InsertStmt *s)
{
	const PgQuery__SelectStmt *src = s->select_stmt ? s->select_stmt->select_stmt : NULL;
	if (!insert_cols_once(c, s))
		return false;
	/* before any path that writes the column list (values_with_defaults' too): the
	 * subscript or field would be lost and the whole column written */
	for (size_t i = 0; i < s->n_cols; i++)
		if (s->cols[i]->res_target->n_indirection)
			return xlat_unsupported(c, s->cols[i]->res_target->location,
						"inserting into an array element or field");
	if (!src) {
		if (s->on_conflict_clause)
			return xlat_unsupported(c, -1, "DEFAULT VALUES with ON CONFLICT");
		note_numbering(c, s, NULL, 0, NULL, NULL);
		const struct xlat_schema_col *dmiss = omitted_key(c, s, NULL, 0, NULL, NULL, false);
		default_values(c, dmiss ? dmiss : omitted_serial(c, s, NULL, 0, NULL, NULL),
			       xlat_txn_now_omitted(c, s, NULL, NULL, 0));
		return true;
	}
	const struct xlat_schema_col *miss = NULL, **nows = NULL;
	int key = -1;
	size_t key_width = 0;
	bool plain_values = src->n_values_lists && src->op == PG_QUERY__SET_OPERATION__SETOP_NONE &&
			    !src->n_sort_clause && !src->limit_count && !src->limit_offset &&
			    !src->with_clause;
	if (plain_values) {
		size_t width = src->values_lists[0]->list->n_items;
		for (size_t r = 0; r < src->n_values_lists; r++) {
			size_t w = src->values_lists[r]->list->n_items;
			if (w != width)
				return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
						 "VALUES lists must all be the same length");
		}
		if (s->n_cols && width > s->n_cols)
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
					 "INSERT has more expressions than target columns");
		if (s->n_cols && width < s->n_cols)
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
					 "INSERT has more target columns than expressions");
		const struct xlat_schema_col **targets = insert_targets(c, s, width);
		bool *skip = arena_zalloc(c->a, width + 1);
		if (!identity_rules(c, s, src, width, targets, skip))
			return false;
		note_numbering(c, s, src, width, targets, skip);
		miss = omitted_key(c, s, src, width, targets, skip, false);
		const struct xlat_schema_col *serial =
			miss ? NULL : omitted_serial(c, s, src, width, targets, skip);
		bool *given = arena_zalloc(c->a, width + 1);
		for (size_t i = 0; i < width; i++)
			given[i] = !skip[i] && default_column(src, i) != 1;
		nows = xlat_txn_now_omitted(c, s, targets, given, width);
		for (size_t i = 0; i <= width; i++) {
			if (i == width ? serial || nows : default_column(src, i) || skip[i])
				return values_with_defaults(c, s, src, width, targets, skip,
							    miss ? miss : serial, nows);
		}
		c->assign = targets; /* taken by the VALUES list */
		c->assign_for = src;
	} else {
		if (!s->n_cols && has_star(src) && !spell_star(c, src))
			return false;
		size_t width = s->n_cols ? s->n_cols : query_width(src);
		bool star_open = !s->n_cols && has_star(src); /* its columns not known here */
		const struct xlat_schema_col **targets = insert_targets(c, s, width);
		if (!identity_rules(c, s, NULL, width, targets, NULL))
			return false;
		note_numbering(c, s, NULL, width, targets, NULL);
		miss = omitted_key(c, s, NULL, width, targets, NULL, star_open);
		if (src->op == PG_QUERY__SET_OPERATION__SETOP_NONE && !src->n_values_lists) {
			c->assign = targets;
			c->assign_for = src; /* taken by its target list */
		}
		key = unchecked_key(c, src, width, targets, star_open);
		key_width = width;
		if (!miss && key < 0 && !star_open)
			miss = omitted_serial(c, s, NULL, width, targets, NULL);
		if (key < 0 && !star_open) {
			bool *given = arena_alloc(c->a, width + 1);
			memset(given, 1, width + 1);
			nows = xlat_txn_now_omitted(c, s, targets, given, width);
		}
	}
	if (!column_list(c, s, src, miss, nows))
		return false;
	xlat_puts(c, " ");
	if (key >= 0)
		return checked_source(c, src, key_width, (size_t)key, s);
	if (!miss && !nows && (plain_values || !s->on_conflict_clause))
		return xlat_select(c, src, NULL);
	/* SQLite would read the ON of ON CONFLICT as a join constraint of the SELECT */
	xlat_puts(c, "SELECT *");
	if (miss)
		xlat_printf(c, ", %s", miss_value(c, miss));
	put_nows(c, nows, true, false);
	xlat_puts(c, " FROM (");
	bool ok = xlat_select(c, src, NULL);
	xlat_puts(c, ") WHERE true");
	return ok;
}

/* The arbiter key's columns of ON CONFLICT (a, b) or ON CONFLICT ON CONSTRAINT k; false when
 * they are not plain columns known here (an expression, another tenant's table). */
static bool arbiter_columns(struct xlat_ctx *c, const PgQuery__InsertStmt *s,
			    const char *const **keys, size_t *nkeys)
{
	const PgQuery__InferClause *inf = s->on_conflict_clause->infer;
	if (inf->conname && *inf->conname)
		return c->schema && c->schema->pkey_fn &&
		       c->schema->pkey_fn(c->schema->arg, s->relation->relname, inf->conname, keys,
					  nkeys) &&
		       *nkeys;
	const char **names = arena_zalloc(c->a, (inf->n_index_elems + 1) * sizeof(*names));
	for (size_t i = 0; i < inf->n_index_elems; i++) {
		const PgQuery__IndexElem *ie = inf->index_elems[i]->index_elem;
		if (!ie->name || !*ie->name)
			return false;
		names[i] = ie->name;
	}
	*keys = names;
	*nkeys = inf->n_index_elems;
	return *nkeys > 0;
}

/* The names of " (a, "b c", d)" at sql, the list INSERT INTO t writes; 0 when sql is not such
 * a list. *end: just past its ')'. */
static size_t column_names(struct xlat_ctx *c, const char *sql, const char ***out, const char **end)
{
	if (strncmp(sql, " (", 2) != 0)
		return 0;
	size_t n = 0, cap = 8;
	const char **v = arena_alloc(c->a, cap * sizeof(*v));
	const char *p = sql + 2;
	for (;;) {
		struct strbuf name;
		strbuf_init(&name, 0);
		if (*p == '"') {
			for (p++; *p && !(p[0] == '"' && p[1] != '"'); p += p[0] == '"' ? 2 : 1)
				strbuf_putc(&name, *p);
			if (*p)
				p++;
		} else {
			for (; *p && *p != ',' && *p != ')'; p++)
				strbuf_putc(&name, *p);
		}
		if (n == cap) {
			const char **w = arena_alloc(c->a, 2 * cap * sizeof(*w));
			memcpy(w, v, cap * sizeof(*v));
			v = w;
			cap *= 2;
		}
		v[n++] = arena_strdup(c->a, name.data ? name.data : "");
		strbuf_fini(&name);
		if (strncmp(p, ", ", 2) == 0) {
			p += 2;
			continue;
		}
		if (*p != ')')
			return 0;
		*end = p + 1;
		*out = v;
		return n;
	}
}

/* INSERT ... ON CONFLICT DO UPDATE without a WHERE of its own: each proposed row passes
 * shardlite_upsert_key with its arbiter key, PostgreSQL's 21000 (and nothing changed) when an
 * earlier row proposed that key, whose row the second would update after the first inserted
 * or updated it. The source, after the column list at list_at, becomes a WITH query whose
 * columns are named so. With a WHERE of its own the first row may leave an existing row
 * alone, which only running it tells: not checked (docs/sql-compat.md). */
static bool upsert_once(struct xlat_ctx *c, const PgQuery__InsertStmt *s, size_t list_at)
{
	const PgQuery__OnConflictClause *oc = s->on_conflict_clause;
	const PgQuery__SelectStmt *src = s->select_stmt ? s->select_stmt->select_stmt : NULL;
	const char *const *keys;
	size_t nkeys;
	if (!oc || oc->action != PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_UPDATE ||
	    oc->where_clause || !oc->infer || oc->infer->where_clause || !c->sb->data || !src ||
	    (src->n_values_lists == 1 && src->op == PG_QUERY__SET_OPERATION__SETOP_NONE) ||
	    !arbiter_columns(c, s, &keys, &nkeys))
		return true; /* one row of VALUES proposes its key once; a partial index's rows
			      * outside it conflict with none */
	const char **names = NULL, *end = NULL;
	size_t n = column_names(c, c->sb->data + list_at, &names, &end);
	if (!n && c->sb->data[list_at] == ' ') { /* no list: the table's written columns */
		const struct xlat_schema_col *cols = NULL;
		size_t ncols = 0;
		if (!xlat_scope_target(c, s->relation, &cols, &ncols))
			return true;
		struct strbuf list;
		strbuf_init(&list, 0);
		strbuf_puts(&list, " (");
		size_t written = 0;
		for (size_t i = 0; i < ncols; i++) {
			if (cols[i].generated)
				continue;
			strbuf_puts(&list, written++ ? ", " : "");
			strbuf_put_quoted(&list, cols[i].name, '"');
		}
		strbuf_puts(&list, ")");
		bool fits = written == query_width(src) && !list.failed;
		if (fits)
			xlat_insert_at(c, list_at, list.data);
		strbuf_fini(&list);
		if (!fits)
			return true;
		n = column_names(c, c->sb->data + list_at, &names, &end);
	}
	if (!n || *end != ' ')
		return true;
	size_t *at = arena_alloc(c->a, nkeys * sizeof(*at));
	for (size_t k = 0; k < nkeys; k++) {
		for (at[k] = 0; at[k] < n && strcmp(names[at[k]], keys[k]) != 0; at[k]++)
			;
		if (at[k] == n) /* a key column the source does not write */
			return true;
	}
	struct strbuf head;
	strbuf_init(&head, 0);
	strbuf_puts(&head, "WITH \"_shardlite_upsert\"(");
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&head, "%s\"c%zu\"", i ? ", " : "", i + 1);
	strbuf_puts(&head, ") AS (");
	size_t src_at = (size_t)(end - c->sb->data) + 1;
	if (!head.failed)
		xlat_insert_at(c, src_at, head.data);
	strbuf_fini(&head);
	xlat_puts(c, ") SELECT * FROM \"_shardlite_upsert\" WHERE shardlite_upsert_key(");
	xlat_string(c, s->relation->relname);
	for (size_t k = 0; k < nkeys; k++)
		xlat_printf(c, ", \"c%zu\"", at[k] + 1);
	xlat_puts(c, ")");
	return true;
}

bool xlat_stmt_insert(struct xlat_ctx *c, const PgQuery__InsertStmt *s)
{
	const char *named = s->relation->relname;
	if (xlat_updview_insert(c, &s) < 0)
		return false;
	c->st->tag = "INSERT";
	c->st->tag_style = XLAT_TAG_INSERT;
	c->st->writes = true;
	if (!xlat_with(c, s->with_clause))
		return false;
	c->assign_rel = s->relation->relname;
	xlat_puts(c, "INSERT INTO ");
	size_t from = c->sb->len, to;
	if (!target_rel(c, s->relation, &to))
		return false;
	size_t list_at = c->sb->len;
	if (!insert_source(c, s) || !upsert_once(c, s, list_at))
		return false;
	note_dml(c, s->relation,
		 !s->on_conflict_clause ? 4
		 : s->on_conflict_clause->action == PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_UPDATE
			 ? 4 | 16 | 512
		 : s->on_conflict_clause->infer ? 4 | 512
						: 4 | 512 | 1024);
	note_named(c, named, s->relation);
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	(void)xlat_scope_target(c, s->relation, &cols, &ncols);
	int scope = xlat_scope_enter(c); /* ON CONFLICT and RETURNING see the target */
	xlat_scope_table(c, s->relation);
	PgQuery__RangeVar excluded = *s->relation;
	PgQuery__Alias alias = PG_QUERY__ALIAS__INIT;
	alias.aliasname = (char *)"excluded";
	excluded.alias = &alias;
	xlat_scope_table(c, &excluded);
	const char *mark = xlat_syscol_upsert_mark(c, s->returning_list, s->n_returning_list);
	bool ok = (!s->on_conflict_clause ||
		   on_conflict(c, s->relation, s->on_conflict_clause, cols, ncols, mark)) &&
		  returning(c, s, s->relation, s->returning_list, s->n_returning_list, from, to,
			    false, true);
	xlat_scope_leave(c, scope);
	return ok;
}

bool xlat_stmt_update(struct xlat_ctx *c, const PgQuery__UpdateStmt *s)
{
	const char *named = s->relation->relname;
	if (xlat_updview_update(c, &s) < 0)
		return false;
	c->st->tag = "UPDATE";
	c->st->tag_style = XLAT_TAG_ROWS;
	c->st->writes = true;
	size_t with = c->sb->len;
	if (!xlat_with(c, s->with_clause))
		return false;
	c->assign_rel = s->relation->relname;
	size_t with_end = c->sb->len;
	xlat_puts(c, "UPDATE ");
	size_t from = c->sb->len, to;
	if (!target_rel(c, s->relation, &to))
		return false;
	size_t target_end = c->sb->len;
	/* RETURNING sees the target's columns alone (returning_sees_target): the list reads as a
	 * query of the target's row, FROM or not, unless it reads the FROM relations (retfrom) */
	note_dml(c, s->relation, 16);
	note_named(c, named, s->relation);
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	(void)xlat_scope_target(c, s->relation, &cols, &ncols);
	/* FROM (a JOIN b ...) AS x, t AS x(a, b), JOIN ... USING (k) AS u, LATERAL */
	if (!xlat_colalias_rewrite_list(c, s->from_clause, s->n_from_clause))
		return false;
	int lateral_mark = c->nlat, lateral_bare = c->lat_bare;
	c->lat_bare = lateral_mark;
	xlat_lateral_collect(c, s->from_clause, s->n_from_clause);
	int scope = xlat_scope_enter(c);
	xlat_scope_table(c, s->relation);
	bool ok = xlat_scope_from(c, s->from_clause, s->n_from_clause);
	PgQuery__Node **ret = s->returning_list;
	size_t nret = s->n_returning_list;
	struct xlat_retfrom *rf = NULL;
	if (ok &&
	    xlat_retfrom_wanted(c, s->relation, ret, nret, s->from_clause, s->n_from_clause)) {
		struct xlat_retfrom_src src = {
			.target = s->relation,
			.target_sql = c->sb->data + from,
			.ntarget_sql = target_end - from,
			.with = c->sb->data + with,
			.nwith = with_end - with,
			.items = s->from_clause,
			.nitems = s->n_from_clause,
			.where = s->where_clause,
			.set = s->target_list,
			.nset = s->n_target_list,
			.ret = &ret,
			.nret = &nret,
		};
		ok = xlat_retfrom_begin(c, &src, &rf);
	}
	if (ok && rf && xlat_updview_checked(c, s))
		ok = xlat_unsupported(c, -1,
				      "RETURNING a column of UPDATE's FROM list through a view "
				      "with a WHERE clause");
	const char *tname = s->relation->alias ? s->relation->alias->aliasname
					       : s->relation->relname;
	xlat_puts(c, " SET ");
	xlat_retfrom_mode(c, rf, true, tname);
	ok = ok && set_list(c, s->relation, s->target_list, s->n_target_list, cols, ncols);
	xlat_retfrom_mode(c, NULL, false, NULL);
	if (ok && rf) {
		xlat_retfrom_update_from(c, rf, tname);
	} else if (ok && s->n_from_clause) {
		xlat_puts(c, " FROM ");
		ok = xlat_from_list(c, s->from_clause, s->n_from_clause);
	}
	if (ok && s->where_clause && !rf && c->updview_for != s) {
		/* CURRENT OF a cursor on the table; through a view it stays 0A000 (xlat_expr) */
		xlat_puts(c, " WHERE ");
		int cur = xlat_current_of(c, s->relation, s->where_clause, s->n_from_clause);
		ok = cur > 0 || (cur == 0 && xlat_condition(c, s->where_clause));
	} else if (ok && !rf) {
		ok = xlat_updview_where(c, s, s->where_clause, false);
	}
	ok = ok && (rf || returning_sees_target(c, ret, nret, s->from_clause, s->n_from_clause,
						"RETURNING a column of UPDATE's FROM list"));
	xlat_retfrom_mode(c, rf, false, s->relation->relname);
	ok = ok &&
	     returning(c, s, s->relation, ret, nret, from, to, s->n_from_clause > 0 && !rf, !rf);
	xlat_retfrom_mode(c, NULL, false, NULL);
	xlat_scope_leave(c, scope);
	c->nlat = lateral_mark;
	c->lat_bare = lateral_bare;
	return ok;
}

/* DELETE FROM t USING u WHERE cond deletes the rows of t for which some row of u satisfies
 * cond: DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE cond) says exactly that. */
static bool delete_rest(struct xlat_ctx *c, const PgQuery__DeleteStmt *s);

bool xlat_stmt_delete(struct xlat_ctx *c, const PgQuery__DeleteStmt *s)
{
	const char *named = s->relation->relname;
	if (xlat_updview_delete(c, &s) < 0)
		return false;
	c->st->tag = "DELETE";
	c->st->tag_style = XLAT_TAG_ROWS;
	c->st->writes = true;
	size_t with = c->sb->len;
	if (!xlat_with(c, s->with_clause))
		return false;
	size_t with_end = c->sb->len;
	xlat_puts(c, "DELETE FROM ");
	size_t ignored, from = c->sb->len;
	if (!target_rel(c, s->relation, &ignored))
		return false;
	size_t target_end = c->sb->len;
	note_dml(c, s->relation, 8);
	note_named(c, named, s->relation);
	/* USING (a JOIN b ...) AS x, t AS x(a, b), JOIN ... USING (k) AS u, LATERAL */
	if (!xlat_colalias_rewrite_list(c, s->using_clause, s->n_using_clause))
		return false;
	int lateral_mark = c->nlat, lateral_bare = c->lat_bare;
	c->lat_bare = lateral_mark;
	xlat_lateral_collect(c, s->using_clause, s->n_using_clause);
	int scope = xlat_scope_enter(c);
	xlat_scope_table(c, s->relation);
	bool ok = xlat_scope_from(c, s->using_clause, s->n_using_clause);
	PgQuery__Node **ret = s->returning_list;
	size_t nret = s->n_returning_list;
	struct xlat_retfrom *rf = NULL;
	if (ok &&
	    xlat_retfrom_wanted(c, s->relation, ret, nret, s->using_clause, s->n_using_clause)) {
		struct xlat_retfrom_src src = {
			.target = s->relation,
			.target_sql = c->sb->data + from,
			.ntarget_sql = target_end - from,
			.with = c->sb->data + with,
			.nwith = with_end - with,
			.items = s->using_clause,
			.nitems = s->n_using_clause,
			.where = s->where_clause,
			.ret = &ret,
			.nret = &nret,
		};
		ok = xlat_retfrom_begin(c, &src, &rf);
	}
	if (ok && rf && xlat_updview_checked(c, s))
		ok = xlat_unsupported(c, -1,
				      "RETURNING a column of DELETE's USING list through a "
				      "view with a WHERE clause");
	if (ok && rf) {
		xlat_retfrom_delete_where(c, rf);
		xlat_retfrom_mode(c, rf, false, s->relation->relname);
		ok = returning(c, s, s->relation, ret, nret, 0, 0, false, false);
		xlat_retfrom_mode(c, NULL, false, NULL);
	} else {
		ok = ok && delete_rest(c, s);
	}
	xlat_scope_leave(c, scope);
	c->nlat = lateral_mark;
	c->lat_bare = lateral_bare;
	return ok;
}

static bool delete_rest(struct xlat_ctx *c, const PgQuery__DeleteStmt *s)
{
	if (s->n_using_clause) {
		xlat_puts(c, " WHERE EXISTS (SELECT 1 FROM ");
		const PgQuery__RangeVar *rv = s->relation;
		c->using_target = rv->alias ? rv->alias->aliasname : rv->relname;
		c->using_cols = NULL, c->using_ncols = 0;
		if (c->schema && c->schema->table_fn)
			(void)c->schema->table_fn(c->schema->arg, rv->relname, c->a, &c->using_cols,
						  &c->using_ncols);
		bool ok = xlat_from_list(c, s->using_clause, s->n_using_clause);
		c->using_target = NULL;
		if (!ok)
			return false;
		if (s->where_clause) {
			xlat_puts(c, " WHERE ");
			if (!xlat_condition(c, s->where_clause))
				return false;
		}
		xlat_puts(c, ")");
		(void)xlat_updview_where(c, s, NULL, true);
	} else if (s->where_clause && c->updview_for != s) {
		xlat_puts(c, " WHERE ");
		int cur = xlat_current_of(c, s->relation, s->where_clause, 0);
		if (cur < 0 || (cur == 0 && !xlat_condition(c, s->where_clause)))
			return false;
	} else if (!xlat_updview_where(c, s, s->where_clause, false)) {
		return false;
	}
	return returning_sees_target(c, s->returning_list, s->n_returning_list, s->using_clause,
				     s->n_using_clause,
				     "RETURNING a column of DELETE's USING list") &&
	       returning(c, s, s->relation, s->returning_list, s->n_returning_list, 0, 0,
			 s->n_using_clause > 0, false);
}
