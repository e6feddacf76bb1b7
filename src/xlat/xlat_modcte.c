/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_modcte.c: data-modifying statements in WITH (`WITH d AS (DELETE ... RETURNING *)
 * SELECT ... FROM d`). SQLite has none, so each one becomes a step of its own (xlat_stmt.steps)
 * that the session runs first, in order, collecting its RETURNING rows as a JSON array; the
 * primary statement reads them back through json_each() of an extra parameter. PostgreSQL runs
 * every part of the statement on one snapshot, so a table that a step modifies reads, wherever
 * the primary statement or a later step names it in FROM, as it was before: a step that runs
 * before all the others collects its rows the same way (its pre-image). */
#include "xlat_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* A step that returns rows: its WITH query's entry in the scope and its columns, so that a
 * later step reading it gets the rows too (written "?stepK", numbered at the end). */
struct modcte_rows {
	int cte;
	const struct xlat_schema_col *cols;
	size_t n;
};

/* The statement's data-modifying WITH queries: their target tables (which nothing else in the
 * statement may read, since it would see them changed where PostgreSQL sees them as they
 * were), the one being translated as a step, and where the primary statement's SQL needs the
 * number of each step's parameter (known only once the whole statement is translated). */
struct xlat_modcte {
	const char **targets; /* per data-modifying CTE, in WITH order */
	const char **silent;  /* the names of those without RETURNING, as emitted */
	size_t nsilent;
	const PgQuery__RangeVar **writes; /* the plain INSERTs' targets, the primary's too */
	size_t nwrites;
	const char **names;
	size_t n;
	int current; /* the step being translated, -1 outside */
	int before;  /* while it is: how many data-modifying queries (targets) come before it */
	int ndone;   /* the data-modifying queries emitted so far */
	int outer;   /* while it is: the WITH queries in scope before it (not its own WITH's) */
	struct xlat_step *steps; /* param 0: the step returns nothing the statement reads */
	size_t nsteps;
	struct modcte_rows *rows; /* per step */
	size_t *holes;            /* byte offsets in the main buffer where "?N" goes */
	int *hole_step;
	size_t nholes;
	/* The pre-images, one per table (its name as written first), run before the steps.
	 * Their readers may land in any buffer (pasted more than once, or dry runs), so their
	 * parameter is written "?preK" and numbered by xlat_modcte_finish. */
	struct xlat_step *pre;
	const char **pre_table;
	size_t npre;
	/* The plain WITH queries a data-modifying one reads (xlat_modcte_shared): their scope
	 * index, pre-image step and columns */
	struct modcte_rows *shared;
	int *shared_pre;
	size_t nshared;
	/* The top WITH and, per step, its query's index there (the order the steps run in is
	 * PostgreSQL's, see schedule()) */
	const PgQuery__WithClause *w;
	size_t *step_at;
	bool *ref; /* per WITH query: read by the primary statement (read_by_primary) */
};

static const PgQuery__RangeVar *target_of(const PgQuery__Node *q)
{
	switch (q->node_case) {
	case NODE(INSERT_STMT):
		return q->insert_stmt->relation;
	case NODE(UPDATE_STMT):
		return q->update_stmt->relation;
	case NODE(DELETE_STMT):
		return q->delete_stmt->relation;
	default:
		return NULL;
	}
}

bool xlat_modcte_is(const PgQuery__CommonTableExpr *e) { return target_of(e->ctequery) != NULL; }

static bool names(const PgQuery__Node *n, const char *name);

/* Whether the primary statement, outside its WITH, names WITH query name. */
static bool primary_names(const PgQuery__Node *top, const char *name)
{
	PgQuery__SelectStmt sel;
	PgQuery__InsertStmt ins;
	PgQuery__UpdateStmt upd;
	PgQuery__DeleteStmt del;
	PgQuery__Node n = *top;
	switch (top->node_case) {
	case NODE(SELECT_STMT):
		sel = *top->select_stmt;
		sel.with_clause = NULL;
		n.select_stmt = &sel;
		break;
	case NODE(INSERT_STMT):
		ins = *top->insert_stmt;
		ins.with_clause = NULL;
		n.insert_stmt = &ins;
		break;
	case NODE(UPDATE_STMT):
		upd = *top->update_stmt;
		upd.with_clause = NULL;
		n.update_stmt = &upd;
		break;
	case NODE(DELETE_STMT):
		del = *top->delete_stmt;
		del.with_clause = NULL;
		n.delete_stmt = &del;
		break;
	default:
		return true;
	}
	return names(&n, name);
}

/* Which WITH queries of w the primary statement reads, directly or through others: those
 * PostgreSQL runs while the primary statement runs; it runs the others after it (see
 * schedule()). A table named as a WITH query is counted as read: they run in WITH order. */
static bool *read_by_primary(struct xlat_ctx *c, const PgQuery__WithClause *w)
{
	bool *ref = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*ref));
	for (size_t i = w->n_ctes; i-- > 0;) {
		const char *name = w->ctes[i]->common_table_expr->ctename;
		ref[i] = primary_names(c->top_stmt, name);
		for (size_t j = i + 1; !ref[i] && j < w->n_ctes; j++)
			ref[i] = ref[j] && names(w->ctes[j]->common_table_expr->ctequery, name);
	}
	return ref;
}

/* RECURSIVE lets a WITH query read itself or a later one; not a data-modifying one (as
 * PostgreSQL), and the steps run in WITH order here. */
static bool recursive_check(struct xlat_ctx *c, const PgQuery__WithClause *w)
{
	for (size_t i = 0; w->recursive && i < w->n_ctes; i++) {
		const PgQuery__CommonTableExpr *e = w->ctes[i]->common_table_expr;
		if (xlat_modcte_is(e) && names(e->ctequery, e->ctename))
			return xlat_fail(c, "42P19", e->location,
					 "recursive query \"%s\" must not contain data-modifying "
					 "statements",
					 e->ctename);
		for (size_t j = i + 1; j < w->n_ctes; j++) {
			const PgQuery__CommonTableExpr *d = w->ctes[j]->common_table_expr;
			if ((xlat_modcte_is(e) || xlat_modcte_is(d)) &&
			    names(e->ctequery, d->ctename))
				return xlat_unsupported(c, e->location,
							"a WITH query reading a later one beside "
							"data-modifying statements in WITH");
		}
	}
	return true;
}

/* PostgreSQL runs the data-modifying WITH queries the primary statement does not read after
 * it: an INSERT into the table the primary INSERT writes would meet its rows (their keys, the
 * serial numbers they take) the other way round, and so would the primary INSERT ... ON
 * CONFLICT the rows an UPDATE or DELETE there changes (which a plain INSERT meets only as a
 * unique violation, 23505 in PostgreSQL: see docs/sql-compat.md). */
static bool after_primary_check(struct xlat_ctx *c, const PgQuery__WithClause *w, const bool *ref)
{
	const PgQuery__InsertStmt *p =
		c->top_stmt->node_case == NODE(INSERT_STMT) ? c->top_stmt->insert_stmt : NULL;
	for (size_t i = 0; p && i < w->n_ctes; i++) {
		const PgQuery__CommonTableExpr *e = w->ctes[i]->common_table_expr;
		const PgQuery__RangeVar *rv = target_of(e->ctequery);
		if (rv && !ref[i] && strcasecmp(rv->relname, p->relation->relname) == 0 &&
		    (e->ctequery->node_case == NODE(INSERT_STMT) || p->on_conflict_clause))
			return xlat_unsupported(
				c, e->location,
				"an INSERT in WITH into the primary INSERT's table that "
				"it does not read (or an UPDATE or DELETE there beside "
				"INSERT ... ON CONFLICT)");
	}
	return true;
}

const PgQuery__WithClause *xlat_modcte_top_with(const PgQuery__Node *n)
{
	if (!n)
		return NULL;
	switch (n->node_case) {
	case NODE(SELECT_STMT):
		return n->select_stmt->with_clause;
	case NODE(INSERT_STMT):
		return n->insert_stmt->with_clause;
	case NODE(UPDATE_STMT):
		return n->update_stmt->with_clause;
	case NODE(DELETE_STMT):
		return n->delete_stmt->with_clause;
	default:
		return NULL;
	}
}

/* An INSERT without ON CONFLICT, or with ON CONFLICT DO NOTHING, only writes its target: the
 * rows other parts changed do not change what it does (its unique checks, and DO NOTHING's
 * conflicts, see them in PostgreSQL too: rows deleted by the statement no longer conflict,
 * rows it wrote do). DO UPDATE is another matter: PostgreSQL refuses to update a row the
 * statement wrote (21000), which SQLite would update. */
static void note_write(struct xlat_modcte *m, const PgQuery__Node *q)
{
	if (!q || q->node_case != NODE(INSERT_STMT))
		return;
	const PgQuery__OnConflictClause *oc = q->insert_stmt->on_conflict_clause;
	if (!oc || oc->action == PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_NOTHING)
		m->writes[m->nwrites++] = q->insert_stmt->relation;
}

bool xlat_modcte_begin(struct xlat_ctx *c, const PgQuery__WithClause *w)
{
	if (c->sb != c->main_sb) /* the text is patched where it lands */
		return xlat_unsupported(c, -1, "a data-modifying statement in WITH here");
	struct xlat_modcte *m = arena_zalloc(c->a, sizeof(*m));
	m->targets = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->targets));
	m->names = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->names));
	m->steps = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->steps));
	m->rows = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->rows));
	m->holes = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->holes));
	m->hole_step = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->hole_step));
	m->writes = arena_zalloc(c->a, (w->n_ctes + 2) * sizeof(*m->writes));
	m->silent = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->silent));
	m->pre = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->pre));
	m->pre_table = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->pre_table));
	m->shared = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->shared));
	m->shared_pre = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->shared_pre));
	m->step_at = arena_zalloc(c->a, (w->n_ctes + 1) * sizeof(*m->step_at));
	m->w = w;
	m->current = -1;
	if (!recursive_check(c, w))
		return false;
	m->ref = read_by_primary(c, w);
	if (!after_primary_check(c, w, m->ref))
		return false;
	note_write(m, c->top_stmt);
	for (size_t i = 0; i < w->n_ctes; i++) {
		const PgQuery__CommonTableExpr *e = w->ctes[i]->common_table_expr;
		const PgQuery__RangeVar *rv = target_of(e->ctequery);
		if (!rv)
			continue;
		note_write(m, e->ctequery);
		if (rv->schemaname && *rv->schemaname && strcmp(rv->schemaname, "public") != 0)
			return xlat_unsupported(c, e->location,
						"a data-modifying statement in WITH on another "
						"tenant's table");
		m->targets[m->n] = rv->relname;
		m->names[m->n++] = e->ctename;
	}
	c->mod = m;
	c->st->writes = true;
	xlat_nocache(c); /* the finished text is patched (xlat_modcte_finish) */
	return true;
}

/* The earlier step whose RETURNING rows WITH query cte (a scope index) stands for, -1. */
static int step_rows(const struct xlat_modcte *m, int cte)
{
	for (size_t k = 0; k < m->nsteps; k++)
		if (m->steps[k].param && m->rows[k].cte == cte)
			return (int)k;
	return -1;
}

/* The shared plain WITH query (xlat_modcte_shared) cte (a scope index) is, -1. */
static int shared_rows(const struct xlat_modcte *m, int cte)
{
	for (size_t k = 0; k < m->nshared; k++)
		if (m->shared[k].cte == cte)
			return (int)k;
	return -1;
}

/* Whether rv is the target of one of the statement's data-modifying WITH queries. */
static bool is_target(const struct xlat_modcte *m, const PgQuery__RangeVar *rv)
{
	for (size_t i = 0; m->w && i < m->w->n_ctes; i++)
		if (target_of(m->w->ctes[i]->common_table_expr->ctequery) == rv)
			return true;
	return false;
}

bool xlat_modcte_check(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	const struct xlat_modcte *m = c->mod;
	if (!m || (rv->schemaname && *rv->schemaname && strcmp(rv->schemaname, "public") != 0))
		return true;
	bool unqualified = !rv->schemaname || !*rv->schemaname;
	int cte = unqualified ? xlat_scope_cte_find(c, rv->relname) : -1;
	if (cte >= 0) {
		/* the step runs alone: the statement's other WITH queries are not there, but for
		 * the rows of an earlier data-modifying one (step_rows) */
		if (m->current >= 0 && cte < m->outer && step_rows(m, cte) < 0 &&
		    shared_rows(m, cte) < 0)
			return xlat_unsupported(c, rv->location,
						"a data-modifying statement in WITH that reads "
						"another WITH query");
		return true;
	}
	for (size_t i = 0; unqualified && i < m->nsilent; i++)
		if (strcmp(m->silent[i], rv->relname) == 0)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, rv->location,
					 "WITH query \"%s\" does not have a RETURNING clause",
					 rv->relname);
	for (size_t i = 0; i < m->nwrites; i++)
		if (m->writes[i] == rv)
			return true;
	/* A step reads its own target as it was before it: unless an earlier step changed it */
	for (size_t i = 0; i < m->n; i++) {
		if ((m->current >= 0 && (int)i >= m->before) ||
		    strcasecmp(m->targets[i], rv->relname) != 0)
			continue;
		if (rv == target_of(c->top_stmt) || is_target(m, rv))
			return xlat_fail(
				c, SQLSTATE_FEATURE_NOT_SUPPORTED, rv->location,
				"UPDATE, DELETE or INSERT ... ON CONFLICT DO UPDATE of table "
				"\"%s\", which another data-modifying statement in WITH "
				"modifies, is not supported",
				rv->relname);
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, rv->location,
				 "reading table \"%s\", which a data-modifying statement in WITH "
				 "modifies, elsewhere in the same statement is not supported",
				 rv->relname);
	}
	return true;
}

/* The index of the data-modifying query that changes rv before the part being translated
 * reads it (any for the primary statement, an earlier one for a step), -1 if none. */
static int changed_before(const struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	const struct xlat_modcte *m = c->mod;
	bool unqualified = !rv->schemaname || !*rv->schemaname;
	if (!unqualified && strcmp(rv->schemaname, "public") != 0)
		return -1;
	if (unqualified && xlat_scope_cte_find(c, rv->relname) >= 0)
		return -1;
	for (size_t i = 0; i < m->n; i++)
		if ((m->current < 0 || (int)i < m->before) &&
		    strcasecmp(m->targets[i], rv->relname) == 0)
			return (int)i;
	return -1;
}

/* What xlat_relname writes for rv (without the check above), or the table's column list; into
 * the arena, NULL on failure (c->err set). */
static const char *aside(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
			 const struct xlat_schema_col *cols, size_t n)
{
	struct xlat_modcte *m = c->mod;
	struct strbuf scratch, *saved = c->sb;
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	c->mod = NULL;
	bool ok = true;
	if (rv)
		ok = xlat_relname(c, rv);
	for (size_t i = 0; !rv && i < n; i++) {
		xlat_puts(c, i ? ", " : "");
		xlat_ident(c, cols[i].name);
	}
	c->mod = m;
	c->sb = saved;
	const char *text = ok && !scratch.failed ? arena_strndup(c->a, scratch.data, scratch.len)
						 : NULL;
	strbuf_fini(&scratch);
	if (ok && !text)
		pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "translated statement too long");
	return text;
}

/* The pre-image step of the table (made the first time): `SELECT <columns> FROM t`. */
static int pre_step(struct xlat_ctx *c, const PgQuery__RangeVar *rv, const char *rel,
		    const char *names)
{
	struct xlat_modcte *m = c->mod;
	for (size_t k = 0; k < m->npre; k++)
		if (strcasecmp(m->pre_table[k], rv->relname) == 0)
			return (int)k;
	int k = (int)m->npre++;
	m->pre_table[k] = rv->relname;
	m->pre[k] = (struct xlat_step){.sql = arena_printf(c->a, "SELECT %s FROM %s", names, rel),
				       .param = 1,
				       .reads = true};
	return k;
}

int xlat_modcte_pre_sql(struct xlat_ctx *c, const char *sql)
{
	struct xlat_modcte *m = c->mod;
	if (!m) {
		m = arena_zalloc(c->a, sizeof(*m));
		m->current = -1;
		c->mod = m;
	}
	struct xlat_step *pre = arena_zalloc(c->a, (m->npre + 1) * sizeof(*pre));
	const char **names = arena_zalloc(c->a, (m->npre + 1) * sizeof(*names));
	if (m->npre) {
		memcpy(pre, m->pre, m->npre * sizeof(*pre));
		memcpy(names, m->pre_table, m->npre * sizeof(*names));
	}
	int k = (int)m->npre++;
	pre[k] = (struct xlat_step){.sql = sql, .param = 1, .reads = true};
	names[k] = "";
	m->pre = pre;
	m->pre_table = names;
	return k;
}

void xlat_modcte_json_column(struct xlat_ctx *c, size_t i)
{
	xlat_printf(c,
		    "%sCASE json_type(value, '$[%zu]') WHEN 'object' THEN "
		    "pgfn_decode(json_extract(value, '$[%zu].x'), 'hex') "
		    "ELSE json_extract(value, '$[%zu]') END",
		    i ? ", " : "", i, i, i);
}

/* `(SELECT <value 0> AS a, ... FROM json_each(?preK) UNION ALL SELECT a, ... FROM t WHERE 0)
 * AS t`: the table's own (empty) branch gives the columns their declared types and origins,
 * which SQLite takes from a compound's last SELECT. */
static void pre_reader(struct xlat_ctx *c, const PgQuery__RangeVar *rv, const char *rel,
		       const char *names, const struct xlat_schema_col *cols, size_t n, int k)
{
	xlat_puts(c, "(SELECT ");
	for (size_t i = 0; i < n; i++) {
		xlat_modcte_json_column(c, i);
		xlat_puts(c, " AS ");
		xlat_ident(c, cols[i].name);
	}
	xlat_printf(c, " FROM json_each(?pre%d) UNION ALL SELECT %s FROM %s WHERE 0) AS ", k, names,
		    rel);
	xlat_ident(c, rv->alias ? rv->alias->aliasname : rv->relname);
}

/* In a step, an earlier step's WITH query: `(SELECT <value 0> AS a, ... FROM
 * json_each(?stepK)) AS name`, the rows that step returned (bound by sess_modcte.c). */
static bool earlier_rows(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	const struct xlat_modcte *m = c->mod;
	if ((m->current < 0 && !m->nshared) || (rv->schemaname && *rv->schemaname))
		return false;
	/* a shared one reads its rows anywhere: also in a step the primary statement makes
	 * (xlat_retfrom.c), where its WITH is not there */
	int cte = xlat_scope_cte_find(c, rv->relname);
	bool before = cte >= 0 && (m->current < 0 || cte < m->outer);
	int k = before && m->current >= 0 ? step_rows(m, cte) : -1;
	int sh = k < 0 && before ? shared_rows(m, cte) : -1;
	if (k < 0 && sh < 0)
		return false;
	const struct modcte_rows *r = k >= 0 ? &m->rows[k] : &m->shared[sh];
	xlat_puts(c, "(SELECT ");
	for (size_t i = 0; i < r->n; i++) {
		xlat_modcte_json_column(c, i);
		xlat_puts(c, " AS ");
		xlat_ident(c, r->cols[i].name);
	}
	if (k >= 0)
		xlat_printf(c, " FROM json_each(?step%d)) AS ", k);
	else
		xlat_printf(c, " FROM json_each(?pre%d)) AS ", m->shared_pre[sh]);
	xlat_ident(c, rv->alias ? rv->alias->aliasname : rv->relname);
	return true;
}

bool xlat_modcte_preimage(struct xlat_ctx *c, const PgQuery__RangeVar *rv, bool *done)
{
	*done = earlier_rows(c, rv);
	if (*done)
		return true;
	if (changed_before(c, rv) < 0)
		return true;
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	if (!xlat_scope_target(c, rv, &cols, &n) || !n)
		return true; /* not a table known here: xlat_relname answers */
	const char *rel = aside(c, rv, NULL, 0), *names = rel ? aside(c, NULL, cols, n) : NULL;
	if (!names)
		return false;
	pre_reader(c, rv, rel, names, cols, n, pre_step(c, rv, rel, names));
	*done = true;
	return true;
}

/* The names and types of the step's RETURNING columns (NULL for RETURNING with * in it,
 * unless it is just * over a table whose columns are known). */
static const struct xlat_schema_col *returned_cols(struct xlat_ctx *c, const PgQuery__Node *q,
						   const struct xlat_stmt *sub, size_t *n)
{
	PgQuery__Node **list = q->node_case == NODE(INSERT_STMT)   ? q->insert_stmt->returning_list
			       : q->node_case == NODE(UPDATE_STMT) ? q->update_stmt->returning_list
								   : q->delete_stmt->returning_list;
	size_t nlist = q->node_case == NODE(INSERT_STMT)   ? q->insert_stmt->n_returning_list
		       : q->node_case == NODE(UPDATE_STMT) ? q->update_stmt->n_returning_list
							   : q->delete_stmt->n_returning_list;
	const struct xlat_schema_col *tcols = NULL;
	size_t ntcols = 0;
	(void)xlat_scope_target(c, target_of(q), &tcols, &ntcols);
	PgQuery__SelectStmt fake = PG_QUERY__SELECT_STMT__INIT;
	fake.target_list = list;
	fake.n_target_list = nlist;
	const char **names = xlat_select_colnames(c, &fake, n);
	if (!names) {
		const PgQuery__Node *v = nlist == 1 ? list[0]->res_target->val : NULL;
		const PgQuery__ColumnRef *cr = v && v->node_case == NODE(COLUMN_REF) ? v->column_ref
										     : NULL;
		const PgQuery__RangeVar *rv = target_of(q);
		const char *rel = cr && cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		/* * or t.* of the target (by its alias when it has one) */
		bool just_star =
			cr && cr->fields[cr->n_fields - 1]->node_case == NODE(A_STAR) &&
			(cr->n_fields == 1 ||
			 (rel && strcmp(rel, rv->alias ? rv->alias->aliasname : rv->relname) == 0));
		*n = ntcols;
		return just_star && ntcols ? tcols : NULL;
	}
	struct xlat_schema_col *cols = arena_zalloc(c->a, (*n + 1) * sizeof(*cols));
	for (size_t i = 0; i < *n; i++) {
		const struct xlat_schema_col *k = xlat_scope_col(tcols, ntcols, names[i]);
		cols[i].name = names[i];
		cols[i].typmod = -1;
		if (sub->ncols == (int)*n && sub->cols[i].type_oid) {
			cols[i].type_oid = sub->cols[i].type_oid;
			cols[i].typmod = sub->cols[i].typmod;
		} else if (k) {
			cols[i].type_oid = k->type_oid;
			cols[i].typmod = k->typmod;
		}
	}
	return cols;
}

/* Translates the data-modifying query alone, as a statement of its own. */
static bool step(struct xlat_ctx *c, const PgQuery__Node *q, struct xlat_stmt *sub)
{
	struct xlat_stmt *st = c->st;
	struct strbuf *sb = c->sb, buf;
	strbuf_init(&buf, 0);
	memset(sub, 0, sizeof(*sub));
	sub->ncols = -1;
	c->st = sub;
	c->sb = &buf;
	bool ok;
	switch (q->node_case) {
	case NODE(INSERT_STMT):
		ok = xlat_stmt_insert(c, q->insert_stmt);
		break;
	case NODE(UPDATE_STMT):
		ok = xlat_stmt_update(c, q->update_stmt);
		break;
	default:
		ok = xlat_stmt_delete(c, q->delete_stmt);
		break;
	}
	if (ok && buf.failed)
		ok = pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			       "translated statement too long");
	if (ok)
		sub->sql = arena_strndup(c->a, buf.data ? buf.data : "", buf.len);
	strbuf_fini(&buf);
	c->st = st;
	c->sb = sb;
	return ok;
}

/* `name(a, b) AS (SELECT <value 0>, ... FROM json_each(?N))`: each value as the step
 * returned it; a blob comes as {"x": "<hex>"} (sess_modcte.c). */
static void reader(struct xlat_ctx *c, const char *name, const struct xlat_schema_col *cols,
		   size_t n, int k)
{
	struct xlat_modcte *m = c->mod;
	xlat_ident(c, name);
	xlat_puts(c, "(");
	for (size_t i = 0; i < n; i++) {
		xlat_puts(c, i ? ", " : "");
		xlat_ident(c, cols[i].name);
	}
	xlat_puts(c, ") AS (SELECT ");
	for (size_t i = 0; i < n; i++)
		xlat_modcte_json_column(c, i);
	xlat_puts(c, " FROM json_each(");
	m->holes[m->nholes] = c->sb->len;
	m->hole_step[m->nholes++] = k;
	xlat_puts(c, "))");
}

bool xlat_modcte_emit(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e, bool *emitted)
{
	struct xlat_modcte *m = c->mod;
	struct xlat_stmt sub;
	*emitted = false;
	m->current = (int)m->nsteps;
	m->before = m->ndone++;
	int saved = c->nctes;
	m->outer = saved;
	bool ok = step(c, e->ctequery, &sub);
	c->nctes = saved;
	m->current = -1;
	if (!ok)
		return false;
	/* its check is its RETURNING (xlat_updview.c); row-level security's runs in the step,
	 * whose rows the step reads to their end (its check in the hidden marker column, or its
	 * RETURNING's only item when the step returns no rows) */
	if ((sub.dml_events & 16384) && !c->updview_wco_rls)
		return xlat_unsupported(c, -1, "a write through a view WITH CHECK OPTION in WITH");
	int k = (int)m->nsteps++;
	for (size_t i = 0; i < m->w->n_ctes; i++)
		if (m->w->ctes[i]->common_table_expr == e)
			m->step_at[k] = i;
	m->steps[k] = (struct xlat_step){.sql = sub.sql,
					 .numbered_seq = sub.numbered_seq,
					 .numbered_max = sub.numbered_max,
					 .dml_table = sub.dml_table,
					 .returning_sql = sub.returning_sql,
					 .marked = sub.dml_events & 4096};
	if (!sub.returns_rows) {
		m->silent[m->nsilent++] = e->ctename; /* runs; reading it is an error */
		return true;
	}
	size_t n = 0;
	const struct xlat_schema_col *cols = returned_cols(c, e->ctequery, &sub, &n);
	if (!cols)
		return xlat_unsupported(
			c, e->location,
			"RETURNING with * and other columns in a data-modifying WITH");
	struct xlat_schema_col *named = arena_zalloc(c->a, (n + 1) * sizeof(*named));
	memcpy(named, cols, n * sizeof(*named));
	for (size_t i = 0; i < e->n_aliascolnames && i < n; i++)
		named[i].name = xlat_node_str(e->aliascolnames[i]);
	for (size_t i = 0; i < n; i++)
		if (named[i].type_oid == XLAT_OID_UNKNOWN || !named[i].type_oid)
			named[i].type_oid = XLAT_OID_TEXT;
	m->steps[k].param = 1; /* numbered by xlat_modcte_finish */
	reader(c, e->ctename, named, n, k);
	xlat_scope_cte_cols(c, e->ctename, named, n);
	m->rows[k] = (struct modcte_rows){.cte = c->nctes - 1, .cols = named, .n = n};
	*emitted = true;
	return true;
}

/* Whether the tree under m names relation name without a schema. */
struct named {
	const char *name;
	bool found;
};

static bool names_it(void *arg, const ProtobufCMessage *m)
{
	struct named *nd = arg;
	if (m->descriptor == &pg_query__range_var__descriptor) {
		const PgQuery__RangeVar *rv = (const PgQuery__RangeVar *)m;
		if ((!rv->schemaname || !*rv->schemaname) && strcmp(rv->relname, nd->name) == 0) {
			nd->found = true;
			return false;
		}
	}
	return xlat_tree_each(m, names_it, arg);
}

static bool names(const PgQuery__Node *n, const char *name)
{
	struct named nd = {name, false};
	(void)names_it(&nd, &n->base);
	return nd.found;
}

/* The plain query e, translated alone (as a pre-image reads a table before the steps run,
 * or, when mid, as a step that runs after the earlier steps and reads their rows and the
 * tables they changed as they were), its columns in *cols; NULL when it cannot be (c->err
 * set) or has a * of unknown width. */
static const char *shared_sql(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e, bool mid,
			      bool recursive, struct xlat_schema_col **cols, size_t *n)
{
	/* a recursive one (reading itself alone): `WITH RECURSIVE e AS (...) SELECT * FROM e` */
	PgQuery__SelectStmt *q = e->ctequery->select_stmt;
	if (recursive) {
		PgQuery__Node **nodes = arena_zalloc(c->a, 5 * sizeof(*nodes));
		for (size_t k = 0; k < 5; k++) {
			nodes[k] = arena_zalloc(c->a, sizeof(**nodes));
			*nodes[k] = (PgQuery__Node)PG_QUERY__NODE__INIT;
		}
		PgQuery__WithClause *wc = arena_zalloc(c->a, sizeof(*wc));
		PgQuery__ResTarget *rt = arena_zalloc(c->a, sizeof(*rt));
		PgQuery__ColumnRef *cr = arena_zalloc(c->a, sizeof(*cr));
		PgQuery__AStar *star = arena_zalloc(c->a, sizeof(*star));
		PgQuery__RangeVar *rv = arena_zalloc(c->a, sizeof(*rv));
		PgQuery__SelectStmt *sel = arena_zalloc(c->a, sizeof(*sel));
		*wc = (PgQuery__WithClause)PG_QUERY__WITH_CLAUSE__INIT;
		*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
		*cr = (PgQuery__ColumnRef)PG_QUERY__COLUMN_REF__INIT;
		*star = (PgQuery__AStar)PG_QUERY__A__STAR__INIT;
		*rv = (PgQuery__RangeVar)PG_QUERY__RANGE_VAR__INIT;
		*sel = (PgQuery__SelectStmt)PG_QUERY__SELECT_STMT__INIT;
		nodes[0]->node_case = NODE(COMMON_TABLE_EXPR);
		nodes[0]->common_table_expr = (PgQuery__CommonTableExpr *)e;
		wc->recursive = true;
		wc->n_ctes = 1;
		wc->ctes = &nodes[0];
		wc->location = -1;
		nodes[1]->node_case = NODE(A_STAR);
		nodes[1]->a_star = star;
		cr->n_fields = 1;
		cr->fields = &nodes[1];
		cr->location = -1;
		nodes[2]->node_case = NODE(COLUMN_REF);
		nodes[2]->column_ref = cr;
		rt->val = nodes[2];
		rt->location = -1;
		nodes[3]->node_case = NODE(RES_TARGET);
		nodes[3]->res_target = rt;
		rv->relname = e->ctename;
		rv->inh = true;
		rv->relpersistence = "p";
		rv->location = -1;
		nodes[4]->node_case = NODE(RANGE_VAR);
		nodes[4]->range_var = rv;
		sel->with_clause = wc;
		sel->n_target_list = 1;
		sel->target_list = &nodes[3];
		sel->n_from_clause = 1;
		sel->from_clause = &nodes[4];
		sel->op = PG_QUERY__SET_OPERATION__SETOP_NONE;
		sel->limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
		q = sel;
	}
	struct xlat_modcte *m = c->mod;
	struct strbuf *saved = c->sb, buf;
	strbuf_init(&buf, 0);
	c->sb = &buf;
	int ctes = c->nctes;
	if (mid) {
		m->current = (int)m->nsteps;
		m->before = m->ndone;
		m->outer = ctes;
	} else {
		c->mod = NULL; /* it reads every table as it is before the steps */
	}
	struct xlat_shape shape = {0};
	bool ok = xlat_select(c, q, &shape);
	c->nctes = ctes;
	c->mod = m;
	m->current = -1;
	c->sb = saved;
	const char *sql = ok && !buf.failed ? arena_strndup(c->a, buf.data, buf.len) : NULL;
	strbuf_fini(&buf);
	if (ok && !sql)
		pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "translated statement too long");
	const char **nm = sql ? xlat_shape_colnames(c, q, &shape, n) : NULL;
	if (!nm || *n != shape.n) {
		if (sql)
			xlat_unsupported(c, e->location,
					 "a WITH query with * that a data-modifying "
					 "statement in WITH reads");
		return NULL;
	}
	*cols = arena_zalloc(c->a, (*n + 1) * sizeof(**cols));
	for (size_t i = 0; i < *n; i++) {
		(*cols)[i].name = i < e->n_aliascolnames ? xlat_node_str(e->aliascolnames[i])
							 : nm[i];
		(*cols)[i].type_oid = shape.types[i].oid && shape.types[i].oid != XLAT_OID_UNKNOWN
					      ? shape.types[i].oid
					      : XLAT_OID_TEXT;
		(*cols)[i].typmod = shape.types[i].typmod;
	}
	return sql;
}

bool xlat_modcte_retfrom_ok(const struct xlat_ctx *c)
{
	/* the primary statement's, with no step's rows read in its WITH text, which the join
	 * step copies before their parameters are written */
	return !c->mod || (c->mod->current < 0 && !c->mod->nholes);
}

bool xlat_modcte_shared_cols(const struct xlat_ctx *c, const PgQuery__RangeVar *rv,
			     const struct xlat_schema_col **cols, size_t *n)
{
	const struct xlat_modcte *m = c->mod;
	if (!m || !m->nshared || (rv->schemaname && *rv->schemaname))
		return false;
	int k = shared_rows(m, xlat_scope_cte_find(c, rv->relname));
	if (k < 0)
		return false;
	*cols = m->shared[k].cols;
	*n = m->shared[k].n;
	return true;
}

/* Whether plain WITH query i of w is read by a later data-modifying one, or by a later plain
 * one that is (it must then be there when that step runs). */
static bool needed(const PgQuery__WithClause *w, size_t i)
{
	const PgQuery__CommonTableExpr *e = w->ctes[i]->common_table_expr;
	for (size_t k = i + 1; k < w->n_ctes; k++) {
		const PgQuery__CommonTableExpr *d = w->ctes[k]->common_table_expr;
		if (!names(d->ctequery, e->ctename))
			continue;
		if (xlat_modcte_is(d) ||
		    (d->ctequery->node_case == NODE(SELECT_STMT) && needed(w, k)))
			return true;
	}
	return false;
}

bool xlat_modcte_shared(struct xlat_ctx *c, const PgQuery__WithClause *w, size_t i, bool *done)
{
	struct xlat_modcte *m = c->mod;
	const PgQuery__CommonTableExpr *e = w->ctes[i]->common_table_expr;
	*done = false;
	if (!m || e->ctequery->node_case != NODE(SELECT_STMT))
		return true;
	if (!needed(w, i))
		return true;
	bool mid = false; /* it reads an earlier WITH query: run after it (they are needed too) */
	for (size_t k = 0; !mid && k < (w->recursive ? w->n_ctes : i); k++)
		mid = k != i && names(e->ctequery, w->ctes[k]->common_table_expr->ctename);
	if (w->recursive && mid) /* its order is not WITH order */
		return true;
	struct xlat_schema_col *cols;
	size_t n;
	const char *sql = shared_sql(c, e, mid, w->recursive && xlat_recursive_is(e), &cols, &n);
	if (!sql)
		return false;
	if (mid) {
		/* a step of its own in WITH order, its rows read as a data-modifying one's are */
		int k = (int)m->nsteps++;
		m->step_at[k] = i;
		m->steps[k] = (struct xlat_step){.sql = sql, .param = 1, .reads = true};
		reader(c, e->ctename, cols, n, k);
		xlat_scope_cte_cols(c, e->ctename, cols, n);
		m->rows[k] = (struct modcte_rows){.cte = c->nctes - 1, .cols = cols, .n = n};
		*done = true;
		return true;
	}
	int k = xlat_modcte_pre_sql(c, sql);
	/* name(a, b) AS (SELECT <value 0>, ... FROM json_each(?preK)) */
	xlat_ident(c, e->ctename);
	xlat_puts(c, "(");
	for (size_t j = 0; j < n; j++) {
		xlat_puts(c, j ? ", " : "");
		xlat_ident(c, cols[j].name);
	}
	xlat_puts(c, ") AS (SELECT ");
	for (size_t j = 0; j < n; j++)
		xlat_modcte_json_column(c, j);
	xlat_printf(c, " FROM json_each(?pre%d))", k);
	xlat_scope_cte_cols(c, e->ctename, cols, n);
	m = c->mod; /* xlat_modcte_pre_sql keeps it */
	m->shared[m->nshared] = (struct modcte_rows){.cte = c->nctes - 1, .cols = cols, .n = n};
	m->shared_pre[m->nshared++] = k;
	*done = true;
	return true;
}

/* Writes each "?preK" outside quotes in *sql as the pre-image's parameter, and each "?stepK"
 * (a step reading an earlier one's rows) as that step's. */
static bool pre_params(struct xlat_ctx *c, const struct xlat_modcte *m, const char **sql)
{
	const char *p = *sql;
	if (!strstr(p, "?pre") && !strstr(p, "?step"))
		return true;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	char quote = 0;
	while (*p) {
		if (quote) {
			quote = *p == quote ? 0 : quote;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if ((m->npre && strncmp(p, "?pre", 4) == 0) ||
			   (m->nsteps && strncmp(p, "?step", 5) == 0)) {
			bool pre = p[1] == 'p';
			char *end;
			const char *at = p + (pre ? 4 : 5);
			unsigned long k = strtoul(at, &end, 10);
			ASSERT(end > at && k < (pre ? m->npre : m->nsteps));
			strbuf_printf(&sb, "?%d", pre ? m->pre[k].param : m->steps[k].param);
			p = end;
			continue;
		}
		strbuf_putc(&sb, *p++);
	}
	bool ok = !sb.failed || pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					  "translated statement too long");
	if (ok)
		*sql = arena_strndup(c->a, sb.data, sb.len);
	strbuf_fini(&sb);
	return ok;
}

/* Step k into order[*n] after the steps it reads (through plain WITH queries too). */
static void run_after_inputs(const struct xlat_modcte *m, size_t k, bool *done,
			     struct xlat_step *order, size_t *n)
{
	if (done[k])
		return;
	done[k] = true;
	const PgQuery__Node *q = m->w->ctes[m->step_at[k]]->common_table_expr->ctequery;
	for (size_t j = 0; j < m->nsteps; j++)
		if (m->step_at[j] < m->step_at[k] &&
		    names(q, m->w->ctes[m->step_at[j]]->common_table_expr->ctename))
			run_after_inputs(m, j, done, order, n);
	order[(*n)++] = m->steps[k];
}

/* The order PostgreSQL runs the steps in: those the primary statement reads as it reads them
 * (in WITH order here: PostgreSQL's follows its plan), the others after the primary statement,
 * the last first (ExecPostprocessPlan), each once the steps it reads have run. Here all run
 * before the primary statement, which reads the tables as they were before them (and
 * after_primary_check refuses a step writing the primary INSERT's table). */
static void schedule(struct xlat_ctx *c, struct xlat_modcte *m)
{
	struct xlat_step *order = arena_zalloc(c->a, (m->nsteps + 1) * sizeof(*order));
	bool *done = arena_zalloc(c->a, (m->nsteps + 1) * sizeof(*done));
	size_t n = 0;
	for (size_t k = 0; k < m->nsteps; k++)
		if (m->ref[m->step_at[k]])
			run_after_inputs(m, k, done, order, &n);
	for (size_t k = m->nsteps; k-- > 0;)
		run_after_inputs(m, k, done, order, &n);
	m->steps = order;
}

bool xlat_modcte_finish(struct xlat_ctx *c)
{
	struct xlat_modcte *m = c->mod;
	struct xlat_stmt *st = c->st;
	if (!m)
		return true;
	c->mod = NULL;
	int base = st->nparams, next = base;
	for (size_t k = 0; k < m->npre; k++)
		m->pre[k].param = ++next;
	for (size_t k = 0; k < m->nsteps; k++)
		m->steps[k].param = m->steps[k].param ? ++next : 0;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	size_t at = 0, len = strlen(st->sql);
	for (size_t h = 0; h < m->nholes; h++) {
		strbuf_append(&sb, st->sql + at, m->holes[h] - at);
		strbuf_printf(&sb, "?%d", m->steps[m->hole_step[h]].param);
		at = m->holes[h];
	}
	strbuf_append(&sb, st->sql + at, len - at);
	bool ok = !sb.failed || pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					  "translated statement too long");
	if (ok)
		st->sql = arena_strndup(c->a, sb.data, sb.len);
	strbuf_fini(&sb);
	for (size_t k = 0; ok && k < m->nsteps; k++) /* a step may read a pre-image too */
		ok = pre_params(c, m, &m->steps[k].sql);
	for (size_t k = 0; ok && k < m->npre; k++) /* and one a shared WITH query's rows */
		ok = pre_params(c, m, &m->pre[k].sql);
	ok = ok && pre_params(c, m, &st->sql);
	if (ok && m->nsteps)
		schedule(c, m);
	if (ok && m->npre) { /* the pre-images run first */
		struct xlat_step *all = arena_zalloc(c->a, (m->npre + m->nsteps) * sizeof(*all));
		memcpy(all, m->pre, m->npre * sizeof(*all));
		if (m->nsteps) /* none: a statement of its own with pre-images only */
			memcpy(all + m->npre, m->steps, m->nsteps * sizeof(*all));
		m->steps = all;
		m->nsteps += m->npre;
	}
	st->steps = m->steps;
	st->nsteps = m->nsteps;
	return ok;
}
