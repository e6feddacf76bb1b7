/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_fkref.c: PostgreSQL's checks of what a foreign key names (ATAddForeignKeyConstraint,
 * transformFkeyGetPrimaryKey, transformFkeyCheckAttrs), made while translating CREATE TABLE and
 * ALTER TABLE ... ADD FOREIGN KEY. SQLite takes any REFERENCES clause and finds a missing
 * table, column or key only when rows are written ("foreign key mismatch", which then fails
 * every write of the referenced table), so the errors are PostgreSQL's, in its order. */
#include "xlat_int.h"

#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define CONSTR(x) PG_QUERY__CONSTR_TYPE__CONSTR_##x

#define SQLSTATE_INVALID_FOREIGN_KEY "42830"

/* What is known of the referenced table: the CREATE TABLE making it (a key of the table
 * itself), or its columns in the tenant's schema. */
struct ref {
	const PgQuery__CreateStmt *s;
	const struct xlat_schema_col *cols;
	size_t ncols;
};

static bool has_column(const struct ref *r, const char *name)
{
	if (!r->s)
		return xlat_scope_col(r->cols, r->ncols, name) != NULL;
	for (size_t i = 0; i < r->s->n_table_elts; i++) {
		const PgQuery__Node *e = r->s->table_elts[i];
		if (e->node_case == NODE(COLUMN_DEF) && strcmp(e->column_def->colname, name) == 0)
			return true;
	}
	return false;
}

/* Whether CREATE TABLE s copies columns from elsewhere (LIKE): its columns are not all known. */
static bool has_like(const PgQuery__CreateStmt *s)
{
	for (size_t i = 0; i < s->n_table_elts; i++) {
		if (s->table_elts[i]->node_case == NODE(TABLE_LIKE_CLAUSE))
			return true;
	}
	return false;
}

static bool same_set(PgQuery__Node **keys, size_t nkeys, const char *const *cols, size_t n)
{
	if (nkeys != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t j = 0; j < nkeys && !found; j++) {
			const char *k = xlat_node_str(keys[j]);
			found = k && strcmp(k, cols[i]) == 0;
		}
		if (!found)
			return false;
	}
	return true;
}

/* A key of CREATE TABLE s: its primary key's columns (primary; into *cols, *n), else whether
 * cols[0..n) are the columns of its primary key or of one of its UNIQUE constraints. */
static bool create_key(struct arena *a, const PgQuery__CreateStmt *s, bool primary,
		       const char *const **cols, size_t *n)
{
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case == NODE(CONSTRAINT)) {
			const PgQuery__Constraint *k = e->constraint;
			if (k->contype != CONSTR(PRIMARY) &&
			    (primary || k->contype != CONSTR(UNIQUE)))
				continue;
			if (!primary && same_set(k->keys, k->n_keys, *cols, *n))
				return true;
			if (primary) {
				const char **v = arena_alloc(a, sizeof(char *) * (k->n_keys + 1));
				for (size_t j = 0; j < k->n_keys; j++)
					v[j] = xlat_node_str(k->keys[j]);
				*cols = v;
				*n = k->n_keys;
				return true;
			}
			continue;
		}
		if (e->node_case != NODE(COLUMN_DEF))
			continue;
		const PgQuery__ColumnDef *cd = e->column_def;
		for (size_t j = 0; j < cd->n_constraints; j++) {
			const PgQuery__Constraint *k = cd->constraints[j]->constraint;
			if (k->contype != CONSTR(PRIMARY) &&
			    (primary || k->contype != CONSTR(UNIQUE)))
				continue;
			if (primary) {
				const char **v = arena_alloc(a, sizeof(char *));
				v[0] = cd->colname;
				*cols = v;
				*n = 1;
				return true;
			}
			if (*n == 1 && strcmp((*cols)[0], cd->colname) == 0)
				return true;
		}
	}
	return false;
}

static bool no_column(struct xlat_ctx *c, const char *name)
{
	return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, -1,
			 "column \"%s\" referenced in foreign key constraint does not exist", name);
}

/* The referenced relation: false with 42P01 / 42809, or true with *r (r->cols NULL and
 * r->s NULL: not known here, nothing checked). */
/* Whether rv names its table without a schema or in public, the session's own. */
static bool in_public(const PgQuery__RangeVar *rv)
{
	return !rv->schemaname || !*rv->schemaname || strcmp(rv->schemaname, "public") == 0;
}

static bool referenced(struct xlat_ctx *c, const PgQuery__CreateStmt *s,
		       const PgQuery__RangeVar *pk, struct ref *r)
{
	*r = (struct ref){0};
	/* the table itself (pg-boss 10: CREATE TABLE public.queue (... REFERENCES public.queue)) */
	if (s && strcmp(pk->relname, s->relation->relname) == 0 && in_public(pk) &&
	    in_public(s->relation)) {
		if (!has_like(s))
			r->s = s;
		return true;
	}
	if (xlat_scope_absent(c, pk)) {
		if (c->schema->sequence_fn && c->schema->sequence_fn(c->schema->arg, pk->relname))
			return xlat_fail(c, "42809", -1,
					 "referenced relation \"%s\" is not a table", pk->relname);
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, -1, "relation \"%s\" does not exist",
				 pk->relname);
	}
	if ((pk->schemaname && *pk->schemaname) || !c->schema || !c->schema->table_fn ||
	    !c->schema->table_fn(c->schema->arg, pk->relname, c->a, &r->cols, &r->ncols)) {
		r->cols = NULL;
		return true; /* another tenant's, or not known */
	}
	char kind = c->schema->relkind_fn ? c->schema->relkind_fn(c->schema->arg, pk->relname) : 0;
	if (kind)
		return xlat_fail(c, "42809", -1, "referenced relation \"%s\" is not a table",
				 pk->relname);
	return true;
}

bool xlat_fk_refs(struct xlat_ctx *c, const char *table, const PgQuery__CreateStmt *s,
		  const PgQuery__Constraint *k, const char *column, const char *const **pkcols,
		  size_t *npk)
{
	*pkcols = NULL;
	*npk = 0;
	struct ref r;
	if (!k->pktable || !referenced(c, s, k->pktable, &r))
		return !k->pktable;
	/* the referencing columns: a column constraint's is its column; ALTER TABLE's may be
	 * added by an earlier action of the statement, and SQLite names them then */
	size_t nfk = column ? 1 : k->n_fk_attrs;
	struct ref self = {.s = s && !has_like(s) ? s : NULL};
	for (size_t i = 0; !column && self.s && i < nfk; i++) {
		const char *f = xlat_node_str(k->fk_attrs[i]);
		if (f && !has_column(&self, f))
			return no_column(c, f);
	}
	/* ON DELETE SET NULL/DEFAULT (cols): a column the table lacks is PostgreSQL's 42703
	 * before its 42P10 for one outside the key (xlat_ddl.c) */
	struct ref own = self;
	if (!own.s && !s && table && c->schema && c->schema->table_fn &&
	    !c->schema->table_fn(c->schema->arg, table, c->a, &own.cols, &own.ncols))
		own.cols = NULL;
	for (size_t i = 0; (own.s || own.cols) && i < k->n_fk_del_set_cols; i++) {
		const char *f = xlat_node_str(k->fk_del_set_cols[i]);
		if (f && !has_column(&own, f))
			return no_column(c, f);
	}
	if (!r.s && !r.cols)
		return true;
	bool self_ref = r.s || (!s && strcasecmp(k->pktable->relname, table) == 0);
	const char **cols = arena_alloc(c->a, sizeof(char *) * (k->n_pk_attrs + 1));
	size_t n = k->n_pk_attrs;
	if (!n) {
		const char *const *pk = NULL;
		bool known = r.s ? create_key(c->a, r.s, true, &pk, &n)
				 : c->schema->pkey_fn &&
					     c->schema->pkey_fn(c->schema->arg, k->pktable->relname,
								NULL, &pk, &n);
		if (!known && !r.s)
			return true;
		if (!n && !r.s && c->env && c->env->defkey_fn &&
		    c->env->defkey_fn(c->schema->arg, k->pktable->relname, NULL, NULL, 0, true))
			return true; /* a DEFERRABLE primary key: 55000 (xlat_ddl.c) */
		if (!n && (r.s || !self_ref))
			return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1,
					 "there is no primary key for referenced table \"%s\"",
					 k->pktable->relname);
		*pkcols = pk;
		*npk = n;
	} else {
		for (size_t i = 0; i < n; i++) {
			cols[i] = xlat_node_str(k->pk_attrs[i]);
			if (!cols[i])
				return true;
			if (!self_ref && !has_column(&r, cols[i]))
				return no_column(c, cols[i]);
			if (r.s && !has_column(&r, cols[i]))
				return no_column(c, cols[i]);
		}
		for (size_t i = 0; i < n; i++) {
			for (size_t j = 0; j < i; j++) {
				if (strcmp(cols[i], cols[j]) == 0)
					return xlat_fail(c, SQLSTATE_INVALID_FOREIGN_KEY, -1,
							 "foreign key referenced-columns list must "
							 "not contain duplicates");
			}
		}
		const char *const *cc = cols;
		bool unique = r.s ? create_key(c->a, r.s, false, &cc, &n)
				  : self_ref || !c->env || !c->env->refkey_fn ||
					      c->env->refkey_fn(c->schema->arg, k->pktable->relname,
								cols, n);
		if (!unique)
			return xlat_fail(c, SQLSTATE_INVALID_FOREIGN_KEY, -1,
					 "there is no unique constraint matching given keys for "
					 "referenced table \"%s\"",
					 k->pktable->relname);
		*pkcols = cols;
		*npk = n;
	}
	if (*npk && nfk != *npk)
		return xlat_fail(c, SQLSTATE_INVALID_FOREIGN_KEY, -1,
				 "number of referencing and referenced columns for foreign key "
				 "disagree");
	return true;
}
