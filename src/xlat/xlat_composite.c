/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_composite.c: values of a composite type — a table's or view's row type as the type of a
 * function's parameter (Sequelize's findOrCreate: OUT response "Authors"). Such a value is its
 * record_out text (pgtype_record.c); (x).f reads field f back out of it as the field's own
 * type (pgfn_record_field), and (x).* in a select list stands for (x).f1, (x).f2, ... in the
 * order of the type's attributes, as PostgreSQL expands it. Rows of relations in FROM are
 * xlat_rowval.c's. */
#include "xlat_int.h"

#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

bool xlat_composite_of(struct xlat_ctx *c, uint32_t oid, const char **rel,
		       const struct xlat_schema_col **cols, size_t *n)
{
	const struct xlat_pending_comptype *p = xlat_comptype_pending(c, NULL, oid);
	if (p) { /* made by an earlier statement of the input */
		*rel = p->name, *cols = p->cols, *n = p->n;
		return true;
	}
	const struct xlat_schema *s = c->schema;
	if (!s || !s->rowtype_fn || !s->table_fn || oid < 16384 /* FirstNormalObjectId */ ||
	    s->rowtype_fn(s->arg, NULL, oid, rel) != oid)
		return false;
	return s->table_fn(s->arg, *rel, c->a, cols, n);
}

/* The type of expression n when it is a composite of known fields (n translated aside). */
static bool composite_expr(struct xlat_ctx *c, const PgQuery__Node *n, uint32_t *oid,
			   const char **rel, const struct xlat_schema_col **cols, size_t *ncols)
{
	struct xlat_type t;
	if ((*rel = xlat_row_rel(c, n, cols, ncols)) != NULL) { /* t, t.*: a relation's row */
		*oid = 0;
		return true;
	}
	/* a composite value comes from a column (a function's in FROM), a field of one, a cast
	 * (ROW(1, 'x')::pair) or a function's result; other expressions are not translated twice
	 * to find out */
	if (n->node_case != NODE(COLUMN_REF) && n->node_case != NODE(A_INDIRECTION) &&
	    n->node_case != NODE(TYPE_CAST) && n->node_case != NODE(FUNC_CALL))
		return false;
	struct pgerr saved = *c->err;
	bool ok = xlat_scope_dry_expr(c, n, &t);
	*c->err = saved; /* the real translation reports what failed */
	*oid = t.oid;
	return ok && xlat_composite_of(c, t.oid, rel, cols, ncols);
}

int xlat_composite_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t)
{
	const char *field = xlat_node_str(ind->indirection[0]), *rel;
	const struct xlat_schema_col *cols;
	size_t n;
	uint32_t oid;
	if (ind->n_indirection != 1 || !field ||
	    !composite_expr(c, ind->arg, &oid, &rel, &cols, &n))
		return 0;
	size_t k = 0;
	while (k < n && strcmp(cols[k].name, field) != 0)
		k++;
	if (k == n)
		return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, -1,
				 "column \"%s\" not found in data type %s", field, rel)
			       ? 1
			       : -1;
	struct xlat_type ignored;
	xlat_puts(c, "pgfn_record_field(");
	if (!xlat_expr(c, ind->arg, &ignored))
		return -1;
	xlat_printf(c, ", %zu, %u)", k, xlat_comptype_field_input(c, cols[k].type_oid));
	*t = (struct xlat_type){cols[k].type_oid ? cols[k].type_oid : XLAT_OID_TEXT,
				cols[k].typmod};
	return 1;
}

bool xlat_composite_sort_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			      const char ***keys)
{
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		if (s->sort_clause[i]->node_case != NODE(SORT_BY) || (*keys && (*keys)[i]))
			continue;
		const PgQuery__Node *n = s->sort_clause[i]->sort_by->node;
		if (n->node_case != NODE(A_INDIRECTION) || n->a_indirection->n_indirection != 1 ||
		    n->a_indirection->indirection[0]->node_case != NODE(STRING))
			continue;
		struct strbuf scratch, *saved = c->sb;
		struct xlat_type t;
		strbuf_init(&scratch, 0);
		c->sb = &scratch;
		int r = xlat_composite_field(c, n->a_indirection, &t);
		c->sb = saved;
		if (r > 0 && !scratch.failed) {
			if (!*keys)
				*keys = arena_zalloc(c->a, s->n_sort_clause * sizeof(**keys));
			(*keys)[i] = arena_strdup(c->a, scratch.data);
			xlat_nocache(c); /* the key's text was copied */
		}
		strbuf_fini(&scratch);
		if (r < 0)
			return false;
	}
	return true;
}

int xlat_composite_null_test(struct xlat_ctx *c, const PgQuery__NullTest *nt)
{
	const char *rel;
	const struct xlat_schema_col *cols;
	size_t n;
	uint32_t oid;
	struct xlat_type ignored;
	if (!composite_expr(c, nt->arg, &oid, &rel, &cols, &n))
		return 0;
	bool is_null = nt->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NULL;
	if (!oid) { /* a relation's row: its columns */
		xlat_puts(c, "(");
		for (size_t i = 0; i < n; i++) {
			struct xlat_colref r;
			xlat_puts(c, i ? " AND " : "");
			if (!xlat_expr(c, xlat_colref(&r, rel, cols[i].name, -1), &ignored))
				return -1;
			xlat_puts(c, is_null ? " IS NULL" : " IS NOT NULL");
		}
		xlat_puts(c, n ? ")" : "1)");
		return 1;
	}
	xlat_puts(c, "pgfn_record_null(");
	if (!xlat_expr(c, nt->arg, &ignored))
		return -1;
	xlat_printf(c, ", %d)", !is_null);
	return 1;
}

/* (x).* of a select list, when x is a composite of known fields. */
static bool star_of(const PgQuery__Node *v)
{
	return v && v->node_case == NODE(A_INDIRECTION) && v->a_indirection->n_indirection == 1 &&
	       v->a_indirection->indirection[0]->node_case == NODE(A_STAR);
}

/* A ResTarget (x).name, allocated as protobuf-c unpacks (malloc), so that the tree's owner
 * frees it with the rest of the tree: x deep-copied (packed and unpacked again). NULL when
 * out of memory. */
static PgQuery__Node *field_target(const PgQuery__Node *arg, const char *name, int location)
{
	size_t len = pg_query__node__get_packed_size(arg);
	uint8_t *buf = malloc(len ? len : 1);
	PgQuery__Node *copy = NULL;
	if (buf) {
		pg_query__node__pack(arg, buf);
		copy = pg_query__node__unpack(NULL, len, buf);
		free(buf);
	}
	PgQuery__String *str = calloc(1, sizeof(*str));
	PgQuery__Node *sn = calloc(1, sizeof(*sn)), *in = calloc(1, sizeof(*in));
	PgQuery__Node *rn = calloc(1, sizeof(*rn));
	PgQuery__AIndirection *ind = calloc(1, sizeof(*ind));
	PgQuery__Node **list = calloc(1, sizeof(*list));
	PgQuery__ResTarget *rt = calloc(1, sizeof(*rt));
	char *sval = strdup(name);
	if (!copy || !str || !sn || !in || !rn || !ind || !list || !rt || !sval) {
		if (copy)
			pg_query__node__free_unpacked(copy, NULL);
		free(str), free(sn), free(in), free(rn), free(ind), free(list), free(rt),
			free(sval);
		return NULL;
	}
	*str = (PgQuery__String)PG_QUERY__STRING__INIT;
	str->sval = sval;
	*sn = (PgQuery__Node)PG_QUERY__NODE__INIT;
	sn->node_case = NODE(STRING);
	sn->string = str;
	*ind = (PgQuery__AIndirection)PG_QUERY__A__INDIRECTION__INIT;
	ind->arg = copy;
	ind->n_indirection = 1;
	ind->indirection = list;
	list[0] = sn;
	*in = (PgQuery__Node)PG_QUERY__NODE__INIT;
	in->node_case = NODE(A_INDIRECTION);
	in->a_indirection = ind;
	*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
	rt->val = in;
	rt->location = location;
	*rn = (PgQuery__Node)PG_QUERY__NODE__INIT;
	rn->node_case = NODE(RES_TARGET);
	rn->res_target = rt;
	return rn;
}

bool xlat_composite_targets(struct xlat_ctx *c, PgQuery__Node ***targets, size_t *ntargets)
{
	size_t n = *ntargets, total = 0;
	size_t *widths = arena_zalloc(c->a, (n + 1) * sizeof(*widths));
	const struct xlat_schema_col **fields = arena_zalloc(c->a, (n + 1) * sizeof(*fields));
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		const PgQuery__ResTarget *rt = (*targets)[i]->res_target;
		const char *rel;
		uint32_t oid;
		widths[i] = 1;
		if (star_of(rt->val) && composite_expr(c, rt->val->a_indirection->arg, &oid, &rel,
						       &fields[i], &widths[i]))
			any = true;
		else
			fields[i] = NULL, widths[i] = 1;
		total += widths[i];
	}
	if (!any)
		return true;
	/* the tree's own allocator: its owner frees the new list and nodes with the rest */
	PgQuery__Node **v = calloc(total ? total : 1, sizeof(*v));
	if (!v)
		return xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	size_t used = 0;
	for (size_t i = 0; i < n; i++) {
		PgQuery__Node *old = (*targets)[i];
		if (!fields[i]) {
			v[used++] = old;
			continue;
		}
		const PgQuery__ResTarget *rt = old->res_target;
		for (size_t k = 0; k < widths[i]; k++) {
			PgQuery__Node *f = field_target(rt->val->a_indirection->arg,
							fields[i][k].name, rt->location);
			if (f)
				v[used++] = f;
		}
		pg_query__node__free_unpacked(old, NULL);
	}
	free(*targets);
	*targets = v;
	*ntargets = used;
	return used == total || xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
}
