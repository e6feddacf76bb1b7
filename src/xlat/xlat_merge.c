/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_merge.c: MERGE (PostgreSQL 15). SQLite has none, so the statement becomes steps
 * (xlat_stmt.steps) that the session runs in order inside the statement's transaction:
 *   plan    SELECT of the source LEFT JOIN the target: per pair the target's rowid, the WHEN
 *           clause that acts (the first whose condition holds: a CASE over them in order) and
 *           the source row; its rows, as JSON, are bound to every later step (sess_modcte.c);
 *   check   a target row that two source rows would update or delete is 21000;
 *   actions one UPDATE ... FROM, DELETE or INSERT ... SELECT per WHEN clause, reading the plan's
 *           rows of that clause as a CTE named like the source. UPDATE and INSERT are
 *           translated as PostgreSQL's own would be (xlat_dml.c), so values are typed and
 *           checked, serial keys numbered and identity rules kept exactly as there.
 * Every decision is taken on the rows as they were, as PostgreSQL's single snapshot does. The
 * last action is the statement itself; the command tag counts every action's rows. */
#include "xlat_int.h"

#include <stdio.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define CMD(x) PG_QUERY__CMD_TYPE__CMD_##x
#define MERGE_CTE "__merge"
#define HOLE "?merge_plan" /* the plan's parameter, numbered once all are counted */

struct merge {
	const PgQuery__MergeStmt *m;
	PgQuery__RangeVar target; /* the statement's target, always with an alias */
	PgQuery__Alias talias;
	const char *src;	  /* the name the source's columns are qualified with */
	struct xlat_schema_col *cols; /* the reader's columns: __tid, then the source's */
	size_t ncols;
	struct xlat_step *steps;
	size_t nsteps;
	const char *primary; /* the last action's SQL */
	const char *primary_seq;
	int64_t primary_max;
};

static PgQuery__Node *res_target(struct xlat_ctx *c, PgQuery__Node *val);

static const PgQuery__MergeWhenClause *clause(const struct merge *mg, size_t i)
{
	return mg->m->merge_when_clauses[i]->merge_when_clause;
}

/* Runs emit into a scratch buffer of its own with a statement of its own (sub), returning the
 * text in the arena (NULL with c->err set). */
static const char *aside(struct xlat_ctx *c, struct xlat_stmt *sub,
			 bool (*emit)(struct xlat_ctx *, struct merge *, size_t), struct merge *mg,
			 size_t arg)
{
	struct xlat_stmt *st = c->st;
	struct strbuf buf, *saved = c->sb;
	strbuf_init(&buf, 0);
	memset(sub, 0, sizeof(*sub));
	sub->ncols = -1;
	c->st = sub;
	c->sb = &buf;
	int nctes = c->nctes;
	bool ok = emit(c, mg, arg);
	c->nctes = nctes;
	c->st = st;
	c->sb = saved;
	st->names_tables |= sub->names_tables;
	const char *text = NULL;
	if (ok && buf.failed)
		pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "translated statement too long");
	else if (ok)
		text = arena_strndup(c->a, buf.data ? buf.data : "", buf.len);
	strbuf_fini(&buf);
	return text;
}

/* ---- the plan ---- */

/* The clause number (1-based) of the first clause of the kind (matched or not) whose
 * condition holds, else NULL. */
static bool acting_clause(struct xlat_ctx *c, const struct merge *mg, bool matched)
{
	struct xlat_type ignored;
	size_t n = 0;
	for (size_t i = 0; i < mg->m->n_merge_when_clauses; i++) {
		const PgQuery__MergeWhenClause *w = clause(mg, i);
		if ((bool)w->matched != matched)
			continue;
		xlat_puts(c, n++ ? " WHEN " : "CASE WHEN ");
		if (!w->condition) {
			xlat_puts(c, "1");
		} else {
			xlat_puts(c, "(");
			if (!xlat_expr(c, w->condition, &ignored))
				return false;
			xlat_puts(c, ")");
		}
		xlat_printf(c, " THEN %zu", i + 1);
	}
	xlat_puts(c, n ? " END" : "NULL");
	return true;
}

/* The source's columns as the scope knows them: the plan carries them to the actions. */
static bool source_cols(struct xlat_ctx *c, struct merge *mg)
{
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	const PgQuery__Node *s = mg->m->source_relation;
	const PgQuery__RangeVar *rv = s->node_case == NODE(RANGE_VAR) ? s->range_var : NULL;
	if (rv && xlat_scope_cte_find(c, rv->relname) < 0 && xlat_scope_absent(c, rv) &&
	    !((!rv->schemaname || !*rv->schemaname) && xlat_catalog_is_relation(rv->relname)))
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, rv->location,
				 "relation \"%s\" does not exist", rv->relname);
	int known = 0;
	if (s->node_case == NODE(RANGE_FUNCTION)) { /* generate_series(...) AS g: column g */
		const char *name = NULL;
		known = xlat_srf_scope_cols(c, s->range_function, &name, &cols, &n);
		if (known < 0)
			return false;
	}
	if ((known != 1 && xlat_scope_whole_row(c, mg->src, &cols, &n) != 1) || !n)
		return xlat_unsupported(c, -1, "MERGE with a source whose columns are not known "
					       "before it runs");
	mg->cols = arena_zalloc(c->a, (n + 2) * sizeof(*mg->cols));
	mg->cols[0] = (struct xlat_schema_col){.name = "__tid", .type_oid = XLAT_OID_INT8,
					       .typmod = -1};
	for (size_t i = 0; i < n; i++) {
		mg->cols[i + 1] = cols[i];
		mg->cols[i + 1].rowid_seq = NULL;
		mg->cols[i + 1].identity = 0;
		if (cols[i].type_oid == XLAT_OID_UNKNOWN)
			mg->cols[i + 1].type_oid = XLAT_OID_TEXT;
		for (size_t k = 0; k < i; k++)
			if (strcmp(cols[k].name, cols[i].name) == 0)
				return xlat_unsupported(c, -1, "MERGE with a source that has two "
							       "columns of one name");
	}
	mg->ncols = n + 1;
	return true;
}

static bool emit_plan(struct xlat_ctx *c, struct merge *mg, size_t unused)
{
	(void)unused;
	struct xlat_type ignored;
	const PgQuery__MergeStmt *m = mg->m;
	PgQuery__Node *source = m->source_relation;
	int scope = xlat_scope_enter(c);
	bool ok = xlat_with(c, m->with_clause) && xlat_scope_from(c, &source, 1) &&
		  source_cols(c, mg);
	xlat_scope_table(c, &mg->target);
	if (ok) {
		xlat_puts(c, "SELECT ");
		xlat_ident(c, mg->talias.aliasname);
		xlat_puts(c, ".rowid, CASE WHEN ");
		xlat_ident(c, mg->talias.aliasname);
		xlat_puts(c, ".rowid IS NULL THEN ");
		ok = acting_clause(c, mg, false);
	}
	if (ok) {
		xlat_puts(c, " ELSE ");
		ok = acting_clause(c, mg, true);
		xlat_puts(c, " END");
	}
	for (size_t i = 1; ok && i < mg->ncols; i++) {
		struct xlat_colref ref;
		xlat_puts(c, ", ");
		ok = xlat_expr(c, xlat_colref(&ref, mg->src, mg->cols[i].name, -1), &ignored);
	}
	if (ok) {
		xlat_puts(c, " FROM ");
		ok = xlat_from_list(c, &source, 1);
	}
	if (ok) {
		xlat_puts(c, " LEFT JOIN ");
		ok = xlat_relname(c, &mg->target);
	}
	if (ok) {
		xlat_puts(c, " AS ");
		xlat_ident(c, mg->talias.aliasname);
		xlat_puts(c, " ON ");
		ok = xlat_expr(c, m->join_condition, &ignored);
	}
	xlat_scope_leave(c, scope);
	return ok;
}

/* ---- what WHEN NOT MATCHED may name ---- */

/* A WHEN NOT MATCHED clause sees the source only: the plan has the target there too (its
 * columns NULL), so a reference to it is refused as PostgreSQL refuses it. Subqueries have
 * relations of their own and are not looked into. */
struct refs {
	struct xlat_ctx *c;
	const struct merge *mg;
	const struct xlat_schema_col *tcols;
	size_t ntcols;
};

static bool source_only(void *arg, const ProtobufCMessage *m)
{
	const struct refs *r = arg;
	if (m->descriptor == &pg_query__sub_link__descriptor)
		return true;
	if (m->descriptor != &pg_query__column_ref__descriptor)
		return xlat_tree_each(m, source_only, arg);
	const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
	const char *col = cr->n_fields ? xlat_node_str(cr->fields[cr->n_fields - 1]) : NULL;
	const char *rel = cr->n_fields >= 2 ? xlat_node_str(cr->fields[cr->n_fields - 2]) : NULL;
	const struct merge *mg = r->mg;
	if (rel && strcmp(rel, mg->talias.aliasname) == 0 && strcmp(rel, mg->src) != 0) {
		xlat_fail(r->c, SQLSTATE_UNDEFINED_TABLE, cr->location,
			  "invalid reference to FROM-clause entry for table \"%s\"", rel);
		pgerr_hint(r->c->err, "There is an entry for table \"%s\", but it cannot be "
				      "referenced from this part of the query.", rel);
		return false;
	}
	if (!rel && col && cr->n_fields == 1 && xlat_scope_col(r->tcols, r->ntcols, col) &&
	    !xlat_scope_col(mg->cols + 1, mg->ncols - 1, col))
		return xlat_fail(r->c, SQLSTATE_UNDEFINED_COLUMN, cr->location,
				 "column \"%s\" does not exist", col);
	return true;
}

static bool not_matched_refs(struct xlat_ctx *c, const struct merge *mg)
{
	struct refs r = {c, mg, NULL, 0};
	PgQuery__RangeVar plain = mg->target;
	plain.alias = NULL;
	(void)xlat_scope_target(c, &plain, &r.tcols, &r.ntcols);
	for (size_t i = 0; i < mg->m->n_merge_when_clauses; i++) {
		const PgQuery__MergeWhenClause *w = clause(mg, i);
		if (w->matched)
			continue;
		if (w->condition && !source_only(&r, &w->condition->base))
			return false;
		for (size_t k = 0; k < w->n_values; k++)
			if (!source_only(&r, &w->values[k]->base))
				return false;
	}
	return true;
}

/* ---- the check ---- */

/* A target row that more than one source row would update or delete: PostgreSQL's second
 * UPDATE or DELETE of the row fails with 21000 (a DO NOTHING, or no clause acting, is no
 * second change). NULL when no clause updates or deletes. */
static const char *check_sql(struct xlat_ctx *c, const struct merge *mg)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT shardlite_merge_once(count(*)) FROM json_each(" HOLE ") "
			 "WHERE json_extract(value, '$[1]') IN (");
	size_t n = 0;
	for (size_t i = 0; i < mg->m->n_merge_when_clauses; i++) {
		PgQuery__CmdType cmd = clause(mg, i)->command_type;
		if (cmd == CMD(UPDATE) || cmd == CMD(DELETE))
			strbuf_printf(&sb, "%s%zu", n++ ? ", " : "", i + 1);
	}
	strbuf_puts(&sb, ") GROUP BY json_extract(value, '$[0]')");
	const char *sql = n && !sb.failed ? arena_strndup(c->a, sb.data, sb.len) : NULL;
	strbuf_fini(&sb);
	return sql;
}

/* ---- the actions ---- */

/* `WITH [the statement's WITH queries,] "__merge"(...) AS (SELECT ... FROM json_each(plan)
 * WHERE clause = k) `: the plan's rows of clause k with the source's column names. */
static bool reader(struct xlat_ctx *c, const struct merge *mg, size_t k)
{
	size_t start = c->sb->len;
	if (!xlat_with(c, mg->m->with_clause))
		return false;
	if (c->sb->len > start) { /* "WITH a AS (...) " */
		c->sb->len--;
		xlat_puts(c, ", ");
	} else {
		xlat_puts(c, "WITH ");
	}
	xlat_ident(c, MERGE_CTE);
	for (size_t i = 0; i < mg->ncols; i++) {
		xlat_puts(c, i ? ", " : "(");
		xlat_ident(c, mg->cols[i].name);
	}
	xlat_puts(c, ") AS (SELECT ");
	for (size_t i = 0; i < mg->ncols; i++)
		xlat_modcte_json_column(c, i ? i + 1 : 0);
	xlat_printf(c, " FROM json_each(" HOLE ") WHERE json_extract(value, '$[1]') = %zu) ",
		    k + 1);
	xlat_scope_cte_cols(c, MERGE_CTE, mg->cols, mg->ncols);
	return true;
}

static PgQuery__Node *from_reader(struct xlat_ctx *c, const struct merge *mg)
{
	PgQuery__RangeVar *rv = arena_zalloc(c->a, sizeof(*rv));
	PgQuery__Alias *alias = arena_zalloc(c->a, sizeof(*alias));
	PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
	*rv = (PgQuery__RangeVar)PG_QUERY__RANGE_VAR__INIT;
	*alias = (PgQuery__Alias)PG_QUERY__ALIAS__INIT;
	*n = (PgQuery__Node)PG_QUERY__NODE__INIT;
	rv->relname = (char *)MERGE_CTE;
	alias->aliasname = (char *)mg->src;
	rv->alias = alias;
	rv->location = -1;
	n->node_case = NODE(RANGE_VAR);
	n->range_var = rv;
	return n;
}

/* UPDATE target SET ... FROM "__merge" AS source WHERE target.rowid = source.__tid */
static bool emit_update(struct xlat_ctx *c, struct merge *mg, size_t k)
{
	const PgQuery__MergeWhenClause *w = clause(mg, k);
	PgQuery__UpdateStmt u = PG_QUERY__UPDATE_STMT__INIT;
	PgQuery__Node *from = from_reader(c, mg);
	u.relation = &mg->target;
	u.target_list = w->target_list;
	u.n_target_list = w->n_target_list;
	u.from_clause = &from;
	u.n_from_clause = 1;
	if (!reader(c, mg, k) || !xlat_stmt_update(c, &u))
		return false;
	xlat_puts(c, " WHERE ");
	xlat_ident(c, mg->talias.aliasname);
	xlat_puts(c, ".rowid = ");
	xlat_ident(c, mg->src);
	xlat_puts(c, ".\"__tid\"");
	return true;
}

static bool emit_delete(struct xlat_ctx *c, struct merge *mg, size_t k)
{
	PgQuery__RangeVar plain = mg->target;
	plain.alias = NULL;
	xlat_puts(c, "DELETE FROM ");
	if (!xlat_relname(c, &plain))
		return false;
	xlat_printf(c,
		    " WHERE rowid IN (SELECT json_extract(value, '$[0]') FROM json_each(" HOLE ") "
		    "WHERE json_extract(value, '$[1]') = %zu)",
		    k + 1);
	return true;
}

/* INSERT DEFAULT VALUES for each row: SQLite's DEFAULT VALUES makes one row, so the table's
 * serial key is given NULL (SQLite numbers it), else its first column its default. */
static bool emit_defaults(struct xlat_ctx *c, struct merge *mg, size_t k)
{
	PgQuery__RangeVar plain = mg->target;
	plain.alias = NULL;
	const struct xlat_schema_col *cols = NULL, *col = NULL;
	size_t ncols = 0;
	const char *dflt = NULL;
	if (xlat_scope_target(c, &plain, &cols, &ncols))
		for (size_t i = 0; i < ncols && !col; i++)
			col = cols[i].rowid_seq ? &cols[i] : NULL;
	if (col) {
		c->st->numbered_seq = arena_strdup(c->a, col->rowid_seq);
		c->st->numbered_max = col->type_oid == XLAT_OID_INT2   ? INT16_MAX
				      : col->type_oid == XLAT_OID_INT4 ? INT32_MAX
								       : 0;
	} else if (ncols && !cols[0].identity && xlat_scope_default(c, &plain, cols[0].name, &dflt)) {
		col = &cols[0];
	} else {
		return xlat_unsupported(c, -1, "MERGE ... INSERT DEFAULT VALUES into this table");
	}
	if (!reader(c, mg, k))
		return false;
	xlat_puts(c, "INSERT INTO ");
	if (!xlat_relname(c, &plain))
		return false;
	xlat_puts(c, " (");
	xlat_ident(c, col->name);
	xlat_printf(c, ") SELECT %s%s%s FROM ", dflt ? "(" : "", dflt ? dflt : "NULL",
		    dflt ? ")" : "");
	xlat_ident(c, MERGE_CTE);
	return true;
}

static PgQuery__Node *res_target(struct xlat_ctx *c, PgQuery__Node *val)
{
	PgQuery__ResTarget *rt = arena_zalloc(c->a, sizeof(*rt));
	PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
	*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
	*n = (PgQuery__Node)PG_QUERY__NODE__INIT;
	rt->val = val;
	rt->location = -1;
	n->node_case = NODE(RES_TARGET);
	n->res_target = rt;
	return n;
}

/* INSERT INTO target (columns) SELECT values FROM "__merge" AS source: a DEFAULT value leaves
 * its column out, which is what it means for a single row. */
static bool emit_insert(struct xlat_ctx *c, struct merge *mg, size_t k)
{
	const PgQuery__MergeWhenClause *w = clause(mg, k);
	PgQuery__RangeVar plain = mg->target;
	plain.alias = NULL;
	const struct xlat_schema_col *tcols = NULL;
	size_t ntcols = 0, n = w->n_values, kept = 0;
	if (w->n_target_list && n != w->n_target_list)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 n > w->n_target_list
					 ? "INSERT has more expressions than target columns"
					 : "INSERT has more target columns than expressions");
	bool known = xlat_scope_target(c, &plain, &tcols, &ntcols);
	PgQuery__Node **cols = arena_zalloc(c->a, (n + 1) * sizeof(*cols));
	PgQuery__Node **vals = arena_zalloc(c->a, (n + 1) * sizeof(*vals));
	bool defaults = false;
	for (size_t i = 0; i < n; i++)
		defaults |= w->values[i]->node_case == NODE(SET_TO_DEFAULT);
	for (size_t i = 0; i < n; i++) {
		if (w->values[i]->node_case == NODE(SET_TO_DEFAULT))
			continue;
		if (w->n_target_list) {
			cols[kept] = w->target_list[i];
		} else if (defaults) {
			if (!known || i >= ntcols)
				return xlat_unsupported(c, -1, "DEFAULT in MERGE ... INSERT VALUES "
							       "without a column list here");
			PgQuery__ResTarget *rt = arena_zalloc(c->a, sizeof(*rt));
			*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
			rt->name = (char *)tcols[i].name;
			cols[kept] = res_target(c, NULL);
			cols[kept]->res_target = rt;
		}
		vals[kept++] = res_target(c, w->values[i]);
	}
	if (!kept)
		return emit_defaults(c, mg, k);
	PgQuery__SelectStmt sel = PG_QUERY__SELECT_STMT__INIT;
	PgQuery__Node seln = PG_QUERY__NODE__INIT, *from = from_reader(c, mg);
	sel.target_list = vals;
	sel.n_target_list = kept;
	sel.from_clause = &from;
	sel.n_from_clause = 1;
	sel.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
	seln.node_case = NODE(SELECT_STMT);
	seln.select_stmt = &sel;
	PgQuery__InsertStmt ins = PG_QUERY__INSERT_STMT__INIT;
	ins.relation = &plain;
	ins.cols = cols;
	ins.n_cols = w->n_target_list || defaults ? kept : 0;
	ins.select_stmt = &seln;
	ins.override = w->override;
	return reader(c, mg, k) && xlat_stmt_insert(c, &ins);
}

static bool action(struct xlat_ctx *c, struct merge *mg, size_t k)
{
	struct xlat_stmt sub;
	bool (*emit)(struct xlat_ctx *, struct merge *, size_t);
	switch (clause(mg, k)->command_type) {
	case CMD(UPDATE):
		emit = emit_update;
		break;
	case CMD(DELETE):
		emit = emit_delete;
		break;
	case CMD(INSERT):
		emit = emit_insert;
		break;
	case CMD(NOTHING):
		return true;
	default:
		return xlat_unsupported(c, -1, "this MERGE action");
	}
	const char *sql = aside(c, &sub, emit, mg, k);
	if (!sql)
		return false;
	if (mg->primary) /* the one before becomes a step */
		mg->steps[mg->nsteps++] = (struct xlat_step){.sql = mg->primary,
							     .numbered_seq = mg->primary_seq,
							     .numbered_max = mg->primary_max,
							     .counts = true};
	mg->primary = sql;
	mg->primary_seq = sub.numbered_seq;
	mg->primary_max = sub.numbered_max;
	return true;
}

/* ---- the statement ---- */

/* Writes each HOLE in sql outside quotes as ?param. */
static const char *number_plan(struct xlat_ctx *c, const char *sql, int param)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	char quote = 0;
	for (const char *p = sql; *p;) {
		if (quote)
			quote = *p == quote ? 0 : quote;
		else if (*p == '\'' || *p == '"')
			quote = *p;
		else if (strncmp(p, HOLE, strlen(HOLE)) == 0) {
			strbuf_printf(&sb, "?%d", param);
			p += strlen(HOLE);
			continue;
		}
		strbuf_putc(&sb, *p++);
	}
	const char *out = sb.failed ? NULL : arena_strndup(c->a, sb.data, sb.len);
	strbuf_fini(&sb);
	if (!out)
		pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "translated statement too long");
	return out;
}

static bool finish(struct xlat_ctx *c, struct merge *mg)
{
	int param = (c->max_param > c->ngiven ? c->max_param : c->ngiven) + 1;
	for (size_t k = 0; k < mg->nsteps; k++)
		if (!(mg->steps[k].sql = number_plan(c, mg->steps[k].sql, param)))
			return false;
	mg->steps[0].param = param;
	const char *primary = number_plan(c, mg->primary, param);
	if (!primary)
		return false;
	xlat_puts(c, primary);
	c->st->steps = mg->steps;
	c->st->nsteps = mg->nsteps;
	c->st->numbered_seq = mg->primary_seq;
	c->st->numbered_max = mg->primary_max;
	return true;
}

/* The columns `*` (rel NULL) or `rel.*` stands for in the FROM list v: tables only, each
 * qualified with its name in the query; false when one is not a table known here. */
static bool star_refs(struct xlat_ctx *c, PgQuery__Node **v, size_t n, const char *rel,
		      PgQuery__Node **out, size_t *nout, size_t cap)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i]->node_case != NODE(RANGE_VAR))
			return false;
		const PgQuery__RangeVar *rv = v[i]->range_var;
		const char *name = rv->alias ? rv->alias->aliasname : rv->relname;
		const struct xlat_schema_col *cols = NULL;
		size_t ncols = 0;
		if (rel && strcmp(rel, name) != 0)
			continue;
		if ((rv->alias && rv->alias->n_colnames) || xlat_scope_cte_find(c, rv->relname) >= 0 ||
		    !xlat_scope_target(c, rv, &cols, &ncols) || *nout + ncols > cap)
			return false;
		for (size_t k = 0; k < ncols; k++) {
			struct xlat_colref *r = arena_zalloc(c->a, sizeof(*r));
			out[(*nout)++] = res_target(
				c, (PgQuery__Node *)xlat_colref(r, name, cols[k].name, -1));
		}
	}
	return true;
}

/* `USING (SELECT * FROM staging WHERE ...) AS s`: the plan carries the source's columns by
 * name, so a `*` over tables is spelled out as PostgreSQL expands it. Anything else stays as
 * it is (and is refused when its columns are not known). */
static PgQuery__Node *spell_out_star(struct xlat_ctx *c, PgQuery__Node *src)
{
	const PgQuery__Node *q = src->node_case == NODE(RANGE_SUBSELECT)
					 ? src->range_subselect->subquery : NULL;
	if (!q || q->node_case != NODE(SELECT_STMT))
		return src;
	const PgQuery__SelectStmt *s = q->select_stmt;
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->n_values_lists || !xlat_has_star(s))
		return src;
	size_t cap = s->n_target_list, n = 0;
	for (size_t i = 0; i < s->n_from_clause; i++) {
		const struct xlat_schema_col *cols = NULL;
		size_t ncols = 0;
		if (s->from_clause[i]->node_case == NODE(RANGE_VAR) &&
		    xlat_scope_target(c, s->from_clause[i]->range_var, &cols, &ncols))
			cap += ncols * s->n_target_list;
	}
	PgQuery__Node **list = arena_zalloc(c->a, (cap + 1) * sizeof(*list));
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__Node *v = s->target_list[i]->res_target->val;
		const PgQuery__ColumnRef *cr = v && v->node_case == NODE(COLUMN_REF) ? v->column_ref
										      : NULL;
		if (!cr || cr->fields[cr->n_fields - 1]->node_case != NODE(A_STAR)) {
			list[n++] = s->target_list[i];
			continue;
		}
		const char *rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		if (cr->n_fields > 2 || (cr->n_fields == 2 && !rel) ||
		    !star_refs(c, s->from_clause, s->n_from_clause, rel, list, &n, cap))
			return src;
	}
	PgQuery__SelectStmt *sel = arena_zalloc(c->a, sizeof(*sel));
	PgQuery__Node *seln = arena_zalloc(c->a, sizeof(*seln)), *out = arena_zalloc(c->a, sizeof(*out));
	PgQuery__RangeSubselect *rs = arena_zalloc(c->a, sizeof(*rs));
	*sel = *s;
	sel->target_list = list;
	sel->n_target_list = n;
	*seln = *q;
	seln->select_stmt = sel;
	*rs = *src->range_subselect;
	rs->subquery = seln;
	*out = *src;
	out->range_subselect = rs;
	return out;
}

static bool check_source(struct xlat_ctx *c, const PgQuery__MergeStmt *m, struct merge *mg)
{
	const PgQuery__Node *s = m->source_relation;
	const PgQuery__WithClause *w = m->with_clause;
	for (size_t i = 0; w && i < w->n_ctes; i++)
		if (xlat_modcte_is(w->ctes[i]->common_table_expr))
			return xlat_unsupported(c, -1, "a data-modifying statement in WITH of MERGE");
	switch (s->node_case) {
	case NODE(RANGE_VAR):
		mg->src = s->range_var->alias ? s->range_var->alias->aliasname
					      : s->range_var->relname;
		return true;
	case NODE(RANGE_SUBSELECT):
		if (!s->range_subselect->alias)
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
					 "subquery in FROM must have an alias");
		mg->src = s->range_subselect->alias->aliasname;
		return true;
	case NODE(RANGE_FUNCTION):
		if (s->range_function->alias) {
			mg->src = s->range_function->alias->aliasname;
			return true;
		}
		return xlat_unsupported(c, -1, "MERGE with a function without an alias as its source");
	default:
		return xlat_unsupported(c, -1,
					"MERGE with a join as its source (a subquery of it works)");
	}
}

bool xlat_stmt_merge(struct xlat_ctx *c, const PgQuery__MergeStmt *m)
{
	struct xlat_stmt sub;
	c->st->tag = "MERGE";
	c->st->tag_style = XLAT_TAG_ROWS;
	c->st->writes = true;
	if (c->sb != c->main_sb)
		return xlat_unsupported(c, -1, "MERGE here");
	xlat_nocache(c); /* the steps' text is numbered after the fact */
	struct merge *mg = arena_zalloc(c->a, sizeof(*mg));
	PgQuery__MergeStmt *spelled = arena_zalloc(c->a, sizeof(*spelled));
	*spelled = *m;
	spelled->source_relation = spell_out_star(c, m->source_relation);
	mg->m = m = spelled;
	mg->target = *m->relation;
	mg->talias = (PgQuery__Alias)PG_QUERY__ALIAS__INIT;
	mg->talias.aliasname = m->relation->alias ? m->relation->alias->aliasname
						  : m->relation->relname;
	mg->target.alias = &mg->talias;
	mg->steps = arena_zalloc(c->a, (m->n_merge_when_clauses + 3) * sizeof(*mg->steps));
	if (!check_source(c, m, mg))
		return false;
	const char *plan = aside(c, &sub, emit_plan, mg, 0);
	if (!plan)
		return false;
	if (!not_matched_refs(c, mg))
		return false;
	mg->steps[mg->nsteps++] = (struct xlat_step){.sql = plan, .reads = true};
	const char *check = check_sql(c, mg);
	if (check)
		mg->steps[mg->nsteps++] = (struct xlat_step){.sql = check, .reads = true};
	for (size_t k = 0; k < m->n_merge_when_clauses; k++)
		if (!action(c, mg, k))
			return false;
	if (!mg->primary) { /* DO NOTHING only: a statement that changes nothing */
		PgQuery__RangeVar plain = mg->target;
		plain.alias = NULL;
		struct strbuf *saved = c->sb, buf;
		strbuf_init(&buf, 0);
		c->sb = &buf;
		xlat_puts(c, "DELETE FROM ");
		bool ok = xlat_relname(c, &plain);
		xlat_puts(c, " WHERE 0");
		c->sb = saved;
		mg->primary = ok && !buf.failed ? arena_strndup(c->a, buf.data, buf.len) : NULL;
		strbuf_fini(&buf);
		if (!mg->primary)
			return ok ? pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					      "translated statement too long")
				  : false;
	}
	return finish(c, mg);
}
