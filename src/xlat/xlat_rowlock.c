/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_rowlock.c: SELECT ... FOR UPDATE / FOR NO KEY UPDATE takes the tenant's write lock
 * (SQLite has no row locks): a step `DELETE FROM t WHERE 0` of the first table it locks runs
 * before the query, as MERGE's lock step does, so a second locker waits (parks, lock_timeout)
 * or, with NOWAIT, fails with PostgreSQL's 55P03. FOR SHARE and FOR KEY SHARE take no lock. */
#include "xlat_int.h"

#include <string.h>

/* Whether l locks rv: l names no relation (FOR UPDATE alone locks every one) or names rv by
 * its alias or, without one, its name (FOR UPDATE OF rv). */
static bool locks(const PgQuery__LockingClause *l, const PgQuery__RangeVar *rv)
{
	if (!l->n_locked_rels)
		return true;
	const char *name = rv->alias ? rv->alias->aliasname : rv->relname;
	for (size_t i = 0; i < l->n_locked_rels; i++) {
		const PgQuery__Node *r = l->locked_rels[i];
		if (r->node_case == PG_QUERY__NODE__NODE_RANGE_VAR &&
		    strcmp(r->range_var->relname, name) == 0)
			return true;
	}
	return false;
}

/* The first plain table of the session's tenant in FROM (of a join too) that q locks. */
static const PgQuery__RangeVar *first_table(struct xlat_ctx *c, const PgQuery__Node *n,
					    const PgQuery__LockingClause *l)
{
	if (n->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
		const PgQuery__JoinExpr *j = n->join_expr;
		const PgQuery__RangeVar *rv = j->larg ? first_table(c, j->larg, l) : NULL;
		return rv ? rv : j->rarg ? first_table(c, j->rarg, l) : NULL;
	}
	if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
		return NULL;
	const PgQuery__RangeVar *rv = n->range_var;
	const struct xlat_schema_col *cols;
	size_t ncols;
	if ((rv->schemaname[0] && strcmp(rv->schemaname, "public") != 0) || !c->schema ||
	    !c->schema->table_fn ||
	    !c->schema->table_fn(c->schema->arg, rv->relname, c->a, &cols, &ncols) ||
	    (c->schema->relkind_fn && c->schema->relkind_fn(c->schema->arg, rv->relname)))
		return NULL;
	return locks(l, rv) ? rv : NULL;
}

/* A materialized view in FROM (of a join too) that l locks: PostgreSQL's 42809 for any
 * strength (SQLite would lock nothing, or its write lock, silently); NULL when none. */
static const PgQuery__RangeVar *locked_matview(struct xlat_ctx *c, const PgQuery__Node *n,
					       const PgQuery__LockingClause *l)
{
	if (n->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
		const PgQuery__JoinExpr *j = n->join_expr;
		const PgQuery__RangeVar *rv = j->larg ? locked_matview(c, j->larg, l) : NULL;
		return rv ? rv : j->rarg ? locked_matview(c, j->rarg, l) : NULL;
	}
	if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR || !c->schema ||
	    !c->schema->relkind_fn)
		return NULL;
	const PgQuery__RangeVar *rv = n->range_var;
	if (rv->schemaname[0] && strcmp(rv->schemaname, "public") != 0)
		return NULL;
	char kind = c->schema->relkind_fn(c->schema->arg, rv->relname);
	if (kind != 'm' && kind != 'M')
		return NULL;
	return locks(l, rv) ? rv : NULL;
}

bool xlat_rowlock_check(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	for (size_t i = 0; i < s->n_locking_clause; i++) {
		if (s->locking_clause[i]->node_case != PG_QUERY__NODE__NODE_LOCKING_CLAUSE)
			continue;
		const PgQuery__LockingClause *l = s->locking_clause[i]->locking_clause;
		for (size_t k = 0; k < s->n_from_clause; k++) {
			const PgQuery__RangeVar *mv = locked_matview(c, s->from_clause[k], l);
			if (mv)
				return xlat_fail(c, "42809", -1,
						 "cannot lock rows in materialized view \"%s\"",
						 mv->relname);
		}
	}
	return true;
}

bool xlat_rowlock_step(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	if (c->st->nsteps) /* a data-modifying WITH's steps take the lock already */
		return true;
	const PgQuery__RangeVar *rv = NULL;
	bool nowait = false;
	for (size_t i = 0; !rv && i < s->n_locking_clause; i++) {
		if (s->locking_clause[i]->node_case != PG_QUERY__NODE__NODE_LOCKING_CLAUSE)
			continue;
		const PgQuery__LockingClause *l = s->locking_clause[i]->locking_clause;
		if (l->strength != PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORUPDATE &&
		    l->strength != PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORNOKEYUPDATE)
			continue;
		for (size_t k = 0; !rv && k < s->n_from_clause; k++)
			rv = first_table(c, s->from_clause[k], l);
		nowait = rv && l->wait_policy == PG_QUERY__LOCK_WAIT_POLICY__LockWaitError;
	}
	if (!rv)
		return true;
	PgQuery__RangeVar plain = *rv;
	plain.alias = NULL;
	struct strbuf buf, *saved = c->sb;
	strbuf_init(&buf, 0);
	c->sb = &buf;
	xlat_puts(c, "DELETE FROM ");
	bool ok = xlat_relname(c, &plain);
	xlat_puts(c, " WHERE 0");
	c->sb = saved;
	const char *sql = ok && !buf.failed ? arena_strndup(c->a, buf.data, buf.len) : NULL;
	strbuf_fini(&buf);
	if (!sql)
		return ok ? pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				      "translated statement too long")
			  : false;
	struct xlat_step *step = arena_zalloc(c->a, sizeof(*step));
	step->sql = sql;
	step->reads = true;
	step->rowlock = true;
	step->nowait = nowait ? arena_strdup(c->a, rv->relname) : NULL;
	c->st->steps = step;
	c->st->nsteps = 1;
	xlat_nocache(c); /* steps are never cached */
	return true;
}
