/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_merge.c: MERGE (PostgreSQL 15). SQLite has none, so the statement becomes steps
 * (xlat_stmt.steps) that the session runs in order inside the statement's transaction:
 *   lock    a DELETE of no rows, which takes the write lock before anything is read;
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
#include "xlat_merge.h"
#include "xlat_int.h"

#include <stdio.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define CMD(x) PG_QUERY__CMD_TYPE__CMD_##x
#define HOLE "?merge_plan" /* the plan's parameter, numbered once all are counted */

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
		const PgQuery__MergeWhenClause *w = xlat_merge_clause(mg, i);
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

static bool emit_plan(struct xlat_ctx *c, struct merge *mg, size_t unused)
{
	(void)unused;
	struct xlat_type ignored;
	const PgQuery__MergeStmt *m = mg->m;
	PgQuery__Node *source = m->source_relation;
	int scope = xlat_scope_enter(c);
	bool ok = xlat_with(c, m->with_clause) && xlat_scope_from(c, &source, 1) &&
		  xlat_merge_source_cols(c, mg);
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
		ok = xlat_expr(c,
			       xlat_colref(&ref, mg->members[mg->col_member[i]], mg->cols[i].name,
					   -1),
			       &ignored);
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
		PgQuery__CmdType cmd = xlat_merge_clause(mg, i)->command_type;
		if (cmd == CMD(UPDATE) || cmd == CMD(DELETE))
			strbuf_printf(&sb, "%s%zu", n++ ? ", " : "", i + 1);
	}
	strbuf_puts(&sb, ") GROUP BY json_extract(value, '$[0]')");
	const char *sql = n && !sb.failed ? arena_strndup(c->a, sb.data, sb.len) : NULL;
	strbuf_fini(&sb);
	return sql;
}

/* ---- the actions ---- */

/* A join source's relation j as a CTE "__merge_j" of the plan's rows of clause k: the row's
 * number in the plan (__row, what the relations are joined on again), the first one's also
 * the target's rowid, then its columns. */
static void member_reader(struct xlat_ctx *c, const struct merge *mg, size_t j, size_t k)
{
	size_t n = 0;
	struct xlat_schema_col *cols = arena_zalloc(c->a, (mg->ncols + 1) * sizeof(*cols));
	const char *name = arena_printf(c->a, MERGE_CTE "_%zu", j);
	cols[n++] = (struct xlat_schema_col){.name = "__row", .type_oid = XLAT_OID_INT8,
					     .typmod = -1};
	if (j == 0)
		cols[n++] = mg->cols[0];
	xlat_puts(c, j ? ", " : "");
	xlat_ident(c, name);
	xlat_puts(c, "(\"__row\"");
	for (size_t i = 1; i < mg->ncols; i++) {
		if (mg->col_member[i] != j)
			continue;
		cols[n++] = mg->cols[i];
	}
	for (size_t i = 1; i < n; i++) {
		xlat_puts(c, ", ");
		xlat_ident(c, cols[i].name);
	}
	xlat_puts(c, ") AS (SELECT key");
	if (j == 0)
		xlat_puts(c, ", json_extract(value, '$[0]')");
	for (size_t i = 1; i < mg->ncols; i++)
		if (mg->col_member[i] == j)
			xlat_modcte_json_column(c, i + 1);
	xlat_printf(c, " FROM json_each(" HOLE ") WHERE json_extract(value, '$[1]') = %zu)", k + 1);
	xlat_scope_cte_cols(c, name, cols, n);
}

/* `WITH [the statement's WITH queries,] "__merge"(...) AS (SELECT ... FROM json_each(plan)
 * WHERE clause = k) `: the plan's rows of clause k with the source's column names (of a
 * join, one such CTE per relation). */
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
	if (mg->nmembers > 1) {
		for (size_t j = 0; j < mg->nmembers; j++)
			member_reader(c, mg, j, k);
		xlat_puts(c, " ");
		return true;
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

/* cte AS alias, a FROM item. */
static PgQuery__Node *cte_as(struct xlat_ctx *c, const char *cte, const char *alias_name)
{
	PgQuery__RangeVar *rv = arena_zalloc(c->a, sizeof(*rv));
	PgQuery__Alias *alias = arena_zalloc(c->a, sizeof(*alias));
	PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
	*rv = (PgQuery__RangeVar)PG_QUERY__RANGE_VAR__INIT;
	*alias = (PgQuery__Alias)PG_QUERY__ALIAS__INIT;
	*n = (PgQuery__Node)PG_QUERY__NODE__INIT;
	rv->relname = (char *)cte;
	alias->aliasname = (char *)alias_name;
	rv->alias = alias;
	rv->location = -1;
	n->node_case = NODE(RANGE_VAR);
	n->range_var = rv;
	return n;
}

/* What the actions read: "__merge" AS source, or a join source's relations again, each its
 * CTE under its own name, joined on the plan row they came from: `"__merge_0" AS a JOIN
 * "__merge_1" AS b USING ("__row")`. */
static PgQuery__Node *from_reader(struct xlat_ctx *c, const struct merge *mg)
{
	if (mg->nmembers == 1)
		return cte_as(c, MERGE_CTE, mg->src);
	PgQuery__Node *left = cte_as(c, MERGE_CTE "_0", mg->members[0]);
	PgQuery__Node **row = arena_zalloc(c->a, sizeof(*row));
	PgQuery__String *str = arena_zalloc(c->a, sizeof(*str));
	*str = (PgQuery__String)PG_QUERY__STRING__INIT;
	str->sval = (char *)"__row";
	row[0] = arena_zalloc(c->a, sizeof(**row));
	*row[0] = (PgQuery__Node)PG_QUERY__NODE__INIT;
	row[0]->node_case = NODE(STRING);
	row[0]->string = str;
	for (size_t j = 1; j < mg->nmembers; j++) {
		PgQuery__JoinExpr *je = arena_zalloc(c->a, sizeof(*je));
		PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
		*je = (PgQuery__JoinExpr)PG_QUERY__JOIN_EXPR__INIT;
		*n = (PgQuery__Node)PG_QUERY__NODE__INIT;
		je->jointype = PG_QUERY__JOIN_TYPE__JOIN_INNER;
		je->larg = left;
		je->rarg = cte_as(c, arena_printf(c->a, MERGE_CTE "_%zu", j), mg->members[j]);
		je->using_clause = row;
		je->n_using_clause = 1;
		n->node_case = NODE(JOIN_EXPR);
		n->join_expr = je;
		left = n;
	}
	return left;
}

/* UPDATE target SET ... FROM "__merge" AS source WHERE target.rowid = source.__tid */
static bool emit_update(struct xlat_ctx *c, struct merge *mg, size_t k)
{
	const PgQuery__MergeWhenClause *w = xlat_merge_clause(mg, k);
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
 * serial key is given its number (the shard's, xlat_serial_value; a temporary table's NULL:
 * SQLite numbers it), else its first column its default (an identity column's is its
 * sequence's nextval; none: NULL, as DEFAULT VALUES gives it). */
static bool emit_defaults(struct xlat_ctx *c, struct merge *mg, size_t k)
{
	PgQuery__RangeVar plain = mg->target;
	plain.alias = NULL;
	const struct xlat_schema_col *cols = NULL, *col = NULL;
	size_t ncols = 0;
	const char *dflt = NULL;
	if (xlat_scope_target(c, &plain, &cols, &ncols))
		for (size_t i = 0; i < ncols && !col; i++)
			col = cols[i].rowid_seq || cols[i].rowid_key ? &cols[i] : NULL;
	if (col && col->rowid_key) { /* no default: PostgreSQL's NULL, refused */
		dflt = xlat_key_null(c, col, plain.relname);
	} else if (col) {
		c->st->numbered_seq = arena_strdup(c->a, col->rowid_seq);
		c->st->numbered_max = col->type_oid == XLAT_OID_INT2   ? INT16_MAX
				      : col->type_oid == XLAT_OID_INT4 ? INT32_MAX
								       : 0;
		/* the own tenant's permanent table: from the numbers the shard holds */
		if (xlat_checks_on(c) && strncmp(col->rowid_seq, "pg_temp.", 8) != 0 &&
		    (!plain.schemaname || !*plain.schemaname ||
		     strcmp(plain.schemaname, "public") == 0))
			dflt = xlat_serial_value(c, col, plain.relname);
	} else if (ncols && xlat_scope_default(c, &plain, cols[0].name, &dflt)) {
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

PgQuery__Node *xlat_merge_res_target(struct xlat_ctx *c, PgQuery__Node *val)
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

/* Whether value i of an INSERT clause is DEFAULT: written so, or given to an identity column
 * under OVERRIDING USER VALUE, which PostgreSQL replaces by the column's next value. */
static bool as_default(const PgQuery__MergeWhenClause *w, size_t i,
		       const struct xlat_schema_col *tcols, size_t ntcols)
{
	if (w->values[i]->node_case == NODE(SET_TO_DEFAULT))
		return true;
	if (w->override != PG_QUERY__OVERRIDING_KIND__OVERRIDING_USER_VALUE)
		return false;
	const struct xlat_schema_col *col =
		w->n_target_list ? xlat_scope_col(tcols, ntcols, w->target_list[i]->res_target->name)
		: i < ntcols	 ? &tcols[i]
				 : NULL;
	return col && col->identity;
}

/* INSERT INTO target (columns) SELECT values FROM "__merge" AS source: a DEFAULT value leaves
 * its column out, which is what it means for a single row. */
static bool emit_insert(struct xlat_ctx *c, struct merge *mg, size_t k)
{
	const PgQuery__MergeWhenClause *w = xlat_merge_clause(mg, k);
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
	if (w->override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_USER_VALUE && !known)
		return xlat_unsupported(c, -1, "OVERRIDING USER VALUE into this table");
	PgQuery__Node **cols = arena_zalloc(c->a, (n + 1) * sizeof(*cols));
	PgQuery__Node **vals = arena_zalloc(c->a, (n + 1) * sizeof(*vals));
	bool defaults = false;
	for (size_t i = 0; i < n; i++)
		defaults |= as_default(w, i, tcols, ntcols);
	for (size_t i = 0; i < n; i++) {
		if (as_default(w, i, tcols, ntcols))
			continue;
		if (w->n_target_list) {
			cols[kept] = w->target_list[i];
		} else if (defaults) {
			if (!known || i >= ntcols)
				return xlat_unsupported(c, -1,
							"DEFAULT in MERGE ... INSERT VALUES "
							"without a column list here");
			PgQuery__ResTarget *rt = arena_zalloc(c->a, sizeof(*rt));
			*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
			rt->name = (char *)tcols[i].name;
			cols[kept] = xlat_merge_res_target(c, NULL);
			cols[kept]->res_target = rt;
		}
		vals[kept++] = xlat_merge_res_target(c, w->values[i]);
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
	/* USER VALUE: its identity values are gone above, nothing is left to override */
	ins.override = w->override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_USER_VALUE
			       ? PG_QUERY__OVERRIDING_KIND__OVERRIDING_NOT_SET
			       : w->override;
	return reader(c, mg, k) && xlat_stmt_insert(c, &ins);
}

static bool action(struct xlat_ctx *c, struct merge *mg, size_t k)
{
	struct xlat_stmt sub;
	bool (*emit)(struct xlat_ctx *, struct merge *, size_t);
	switch (xlat_merge_clause(mg, k)->command_type) {
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

/* `DELETE FROM target WHERE 0`: changes nothing, but takes the write lock. Run first, it meets
 * another connection's lock before the plan takes a snapshot, so the statement may wait and run
 * again from its start (as a first write does) instead of failing with 40001. */
static bool emit_lock(struct xlat_ctx *c, struct merge *mg, size_t unused)
{
	(void)unused;
	PgQuery__RangeVar plain = mg->target;
	plain.alias = NULL;
	xlat_puts(c, "DELETE FROM ");
	if (!xlat_relname(c, &plain))
		return false;
	xlat_puts(c, " WHERE 0");
	return true;
}

static bool finish(struct xlat_ctx *c, struct merge *mg)
{
	int param = (c->max_param > c->ngiven ? c->max_param : c->ngiven) + 1;
	for (size_t k = 0; k < mg->nsteps; k++)
		if (!(mg->steps[k].sql = number_plan(c, mg->steps[k].sql, param)))
			return false;
	mg->steps[1].param = param; /* the plan */
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

/* PostgreSQL's transformMergeStmt: a WHEN clause after an unconditional one of its kind
 * (MATCHED, NOT MATCHED) could never run (SQLite's steps would run it on the rows left), and
 * the target must be a table. */
static bool merge_checks(struct xlat_ctx *c, const PgQuery__MergeStmt *m)
{
	bool terminal[2] = {false, false};
	for (size_t i = 0; i < m->n_merge_when_clauses; i++) {
		const PgQuery__MergeWhenClause *w = m->merge_when_clauses[i]->merge_when_clause;
		if (!w)
			continue;
		if (terminal[w->matched])
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
					 "unreachable WHEN clause specified after unconditional "
					 "WHEN clause");
		terminal[w->matched] = !w->condition;
	}
	bool view = xlat_scope_relkind(c, m->relation) == 'v';
	if (!view && !xlat_scope_matview(c, m->relation))
		return true;
	if (view && xlat_partition_is_partition(c, m->relation->relname)) /* PostgreSQL merges */
		return xlat_unsupported(c, -1,
					"MERGE into a partition (merge into its partitioned "
					"table)");
	xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "cannot execute MERGE on relation \"%s\"",
		  m->relation->relname);
	pgerr_detail(c->err, "This operation is not supported for %s.",
		     view ? "views" : "materialized views");
	return false;
}

/* A WHEN condition's system columns (PostgreSQL's EXPR_KIND_MERGE_WHEN): ctid, xmin, cmin,
 * xmax, cmax of the target or of a table as the source, bare or qualified, outside subqueries
 * (tableoid is allowed). */
struct when_syscol {
	struct xlat_ctx *c;
	const struct merge *mg;
	bool table_source; /* the source is a table, whose system columns its name reaches */
	bool failed;
};

static bool when_syscol(void *arg, const ProtobufCMessage *m)
{
	static const char *const names[] = {"ctid", "xmin", "cmin", "xmax", "cmax"};
	struct when_syscol *w = arg;
	if (m->descriptor == &pg_query__sub_link__descriptor)
		return true; /* a subquery's own expression kind */
	if (m->descriptor != &pg_query__column_ref__descriptor)
		return xlat_tree_each(m, when_syscol, arg);
	const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
	if (cr->n_fields < 1 || cr->n_fields > 2)
		return true;
	const char *col = xlat_node_str(cr->fields[cr->n_fields - 1]);
	const char *rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	if (rel && strcmp(rel, w->mg->talias.aliasname) != 0 &&
	    !(w->table_source && strcmp(rel, w->mg->src) == 0))
		return true;
	for (size_t i = 0; col && i < sizeof(names) / sizeof(*names); i++) {
		if (strcmp(col, names[i]) == 0) {
			w->failed = true;
			return xlat_fail(w->c, "42P10", cr->location,
					 "cannot use system column \"%s\" in MERGE WHEN condition",
					 col);
		}
	}
	return true;
}

static bool when_syscols(struct xlat_ctx *c, const struct merge *mg)
{
	const PgQuery__MergeStmt *m = mg->m;
	struct when_syscol w = {c, mg, m->source_relation->node_case == NODE(RANGE_VAR), false};
	for (size_t k = 0; k < m->n_merge_when_clauses && !w.failed; k++) {
		const PgQuery__MergeWhenClause *wc = m->merge_when_clauses[k]->merge_when_clause;
		if (wc->condition)
			when_syscol(&w, (const ProtobufCMessage *)wc->condition);
	}
	return !w.failed;
}

bool xlat_stmt_merge(struct xlat_ctx *c, const PgQuery__MergeStmt *m)
{
	struct xlat_stmt sub;
	c->st->tag = "MERGE";
	c->st->tag_style = XLAT_TAG_ROWS;
	c->st->writes = true;
	if (c->sb != c->main_sb)
		return xlat_unsupported(c, -1, "MERGE here");
	if (!merge_checks(c, m))
		return false;
	xlat_nocache(c); /* the steps' text is numbered after the fact */
	struct merge *mg = arena_zalloc(c->a, sizeof(*mg));
	PgQuery__MergeStmt *spelled = arena_zalloc(c->a, sizeof(*spelled));
	*spelled = *m;
	spelled->source_relation = xlat_merge_spell_out_star(c, m->source_relation);
	mg->m = m = spelled;
	mg->target = *m->relation;
	mg->talias = (PgQuery__Alias)PG_QUERY__ALIAS__INIT;
	mg->talias.aliasname = m->relation->alias ? m->relation->alias->aliasname
						  : m->relation->relname;
	mg->target.alias = &mg->talias;
	mg->steps = arena_zalloc(c->a, (m->n_merge_when_clauses + 4) * sizeof(*mg->steps));
	if (!xlat_merge_check_source(c, m, mg))
		return false;
	/* PostgreSQL's transformMergeStmt: a source (not a join) may not go by the target's name;
	 * a missing source relation is reported first */
	const PgQuery__Node *src = m->source_relation;
	if (src->node_case != NODE(JOIN_EXPR) && strcmp(mg->src, mg->talias.aliasname) == 0 &&
	    !(src->node_case == NODE(RANGE_VAR) && xlat_scope_absent(c, src->range_var))) {
		xlat_fail(c, "42712", -1, "name \"%s\" specified more than once", mg->src);
		pgerr_detail(c->err,
			     "The name is used both as MERGE target table and data source.");
		return false;
	}
	if (!when_syscols(c, mg))
		return false;
	const char *lock = aside(c, &sub, emit_lock, mg, 0);
	const char *plan = lock ? aside(c, &sub, emit_plan, mg, 0) : NULL;
	if (!plan)
		return false;
	const char *schema = mg->target.schemaname;
	mg->steps[mg->nsteps++] = (struct xlat_step){
		.sql = lock,
		.reads = true,
		.dml_table = !schema || !*schema || strcmp(schema, "public") == 0
				     ? arena_strdup(c->a, mg->target.relname)
				     : NULL};
	if (!xlat_merge_not_matched_refs(c, mg))
		return false;
	mg->steps[mg->nsteps++] = (struct xlat_step){.sql = plan, .reads = true};
	const char *check = check_sql(c, mg);
	if (check)
		mg->steps[mg->nsteps++] = (struct xlat_step){.sql = check, .reads = true};
	for (size_t k = 0; k < m->n_merge_when_clauses; k++)
		if (!action(c, mg, k))
			return false;
	if (!mg->primary) /* DO NOTHING only: a statement that changes nothing */
		mg->primary = mg->steps[0].sql;
	return finish(c, mg);
}
