/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_partition.c: declarative partitioning (docs/sql-compat.md, "Partitioned tables"). The
 * partitioned table is one SQLite table holding every row, its key kept as a mark in its
 * stored text (XLAT_PARTKEY_MARK); each partition is a view over it filtered by its bound,
 * which the catalog's shardlite_partition_add makes when the statement runs (it checks the
 * bound against the others and keeps the parent's routing trigger in step, catalog_part.c).
 * Here: CREATE TABLE ... PARTITION BY's checks and mark, CREATE TABLE ... PARTITION OF's bound
 * values coerced to the key's type, and what DROP TABLE of either adds. */
#include "xlat_int.h"

#include <pg_query.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define CONSTR(x) PG_QUERY__CONSTR_TYPE__CONSTR_##x

/* Key types whose stored SQLite values order as PostgreSQL orders them (integers, floats,
 * text in the C collation, booleans, uuids' lower-case text, the ISO text of dates and
 * timestamps, a timestamptz's in UTC): the bounds are compared by SQLite's own operators, in
 * the views, the routing trigger and the overlap checks. A date/time text orders so only from
 * year 1 to 9999, which a RANGE key is held to (catalog_partdate.c). */
static bool key_type_ok(uint32_t oid, char strategy)
{
	static const uint32_t ok[] = {20,   21,   23,	25,   1043, 1082, 16,
				      700,  701,  1114, 1184, 2950, 17,	  1083};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (ok[i] == oid)
			return true;
	/* character(n): stored padded, so equal values are equal texts and its hash is of the
	 * text without the padding; padded texts do not order as PostgreSQL's (a tab sorts
	 * below the padding's spaces) */
	return oid == 1042 && strategy != 'r';
}

static const PgQuery__ColumnDef *find_column(const PgQuery__CreateStmt *s, const char *name)
{
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case == NODE(COLUMN_DEF) && strcmp(e->column_def->colname, name) == 0)
			return e->column_def;
	}
	return NULL;
}

/* A PRIMARY KEY or UNIQUE constraint must include the partition key (PostgreSQL's 0A000:
 * each partition's index could not enforce it otherwise). */
static bool key_in(struct xlat_ctx *c, const PgQuery__CreateStmt *s,
		   const PgQuery__Constraint *k, const char *col, const char *key)
{
	if (k->contype != CONSTR(PRIMARY) && k->contype != CONSTR(UNIQUE))
		return true;
	bool has = col && strcmp(col, key) == 0;
	for (size_t i = 0; !has && i < k->n_keys; i++)
		has = xlat_node_str(k->keys[i]) && strcmp(xlat_node_str(k->keys[i]), key) == 0;
	if (has)
		return true;
	xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
		  "unique constraint on partitioned table must include all partitioning columns");
	pgerr_detail(c->err,
		     "%s constraint on table \"%s\" lacks column \"%s\" which is part of the "
		     "partition key.",
		     k->contype == CONSTR(PRIMARY) ? "PRIMARY KEY" : "UNIQUE", s->relation->relname,
		     key);
	return false;
}

/* The same check of ALTER TABLE table ADD k. */
static bool key_in_named(struct xlat_ctx *c, const char *table, const PgQuery__Constraint *k,
			 const char *key)
{
	PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
	PgQuery__CreateStmt cs = PG_QUERY__CREATE_STMT__INIT;
	rv.relname = (char *)table;
	cs.relation = &rv;
	return key_in(c, &cs, k, NULL, key);
}

static bool keys_include(struct xlat_ctx *c, const PgQuery__CreateStmt *s, const char *key)
{
	for (size_t i = 0; i < s->n_table_elts; i++) {
		const PgQuery__Node *e = s->table_elts[i];
		if (e->node_case == NODE(CONSTRAINT) && !key_in(c, s, e->constraint, NULL, key))
			return false;
		for (size_t j = 0; e->node_case == NODE(COLUMN_DEF) && j < e->column_def->n_constraints;
		     j++) {
			const PgQuery__Node *k = e->column_def->constraints[j];
			if (k->node_case == NODE(CONSTRAINT) &&
			    !key_in(c, s, k->constraint, e->column_def->colname, key))
				return false;
		}
	}
	return true;
}

static bool own_schema(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	if (xlat_temp_is(rv))
		return xlat_unsupported(c, rv->location, "a temporary partitioned table or partition");
	const char *schema = rv->schemaname;
	if (schema && *schema && strcmp(schema, "public") != 0 &&
	    !(c->env && c->env->tenant && strcmp(schema, c->env->tenant) == 0))
		return xlat_unsupported(c, rv->location, "a partition in another schema");
	return true;
}

/* The column a partition key element names: its name, or a parenthesized column reference
 * ((b)), which PostgreSQL's transformPartitionSpec takes as the column; NULL for an
 * expression. */
static const char *elem_name(const PgQuery__PartitionElem *pe)
{
	if (pe->name && *pe->name)
		return pe->name;
	const PgQuery__Node *e = pe->expr;
	const PgQuery__ColumnRef *cr = e && e->node_case == NODE(COLUMN_REF) ? e->column_ref : NULL;
	return cr && cr->n_fields == 1 ? xlat_node_str(cr->fields[0]) : NULL;
}

/* One column of a partition key: it exists, is of a type the bounds can be compared (or
 * hashed) in, and every unique constraint includes it. */
static bool key_column(struct xlat_ctx *c, const PgQuery__CreateStmt *s,
		       const PgQuery__PartitionElem *pe, char strategy)
{
	const char *name = elem_name(pe);
	if (!name)
		return xlat_unsupported(c, pe->location, "a partition key expression");
	if (pe->n_collation || pe->n_opclass)
		return xlat_unsupported(c, pe->location,
					"COLLATE or an operator class in a partition key");
	const PgQuery__ColumnDef *cd = find_column(s, name);
	if (!cd)
		return xlat_fail(
			c, SQLSTATE_UNDEFINED_COLUMN, pe->name && *pe->name ? pe->location : -1,
			pe->name && *pe->name
				? "column \"%s\" named in partition key does not exist"
				: "column \"%s\" does not exist", /* ((zz)): an expression's */
			name);
	struct xlat_typeref tr;
	if (!cd->type_name || !xlat_type_resolve(c, cd->type_name, &tr))
		return false;
	uint32_t oid = tr.info && !tr.is_array ? tr.info->oid : 0;
	if (tr.domain || !key_type_ok(oid, strategy))
		return xlat_unsupported(c, pe->location,
					arena_printf(c->a, "a partition key of type %s",
						     xlat_type_format(c, &tr)));
	if (strstr(name, "*/"))
		return xlat_unsupported(c, pe->location, "this partition key column name");
	return keys_include(c, s, name);
}

bool xlat_partition_key(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	if (!own_schema(c, s->relation))
		return false;
	const PgQuery__PartitionSpec *ps = s->partspec;
	const char *strategy = ps->strategy;
	bool list = strcmp(strategy, "list") == 0, hash = strcmp(strategy, "hash") == 0;
	if (!list && !hash && strcmp(strategy, "range") != 0)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, ps->location,
				 "unrecognized partitioning strategy \"%s\"", strategy);
	if (list && ps->n_part_params > 1)
		return xlat_fail(c, "42P17", ps->location,
				 "cannot use \"list\" partition strategy with more than one column");
	if (ps->n_part_params < 1 || ps->n_part_params > XLAT_PARTKEY_MAX)
		return xlat_unsupported(c, ps->location, "a partition key of this many columns");
	for (size_t i = 0; i < ps->n_part_params; i++)
		if (!key_column(c, s, ps->part_params[i]->partition_elem,
				list ? 'l' : hash ? 'h' : 'r'))
			return false;
	xlat_puts(c, list ? XLAT_PARTKEY_MARK "LIST " : hash ? XLAT_PARTKEY_MARK "HASH "
							   : XLAT_PARTKEY_MARK "RANGE ");
	for (size_t i = 0; i < ps->n_part_params; i++) {
		xlat_puts(c, i ? ", \"" : "\"");
		const char *name = elem_name(ps->part_params[i]->partition_elem);
		for (const char *p = name; *p; p++) /* always quoted: the readers expect it */
			xlat_puts(c, *p == '"' ? "\"\"" : (char[2]){*p, 0});
		xlat_puts(c, "\"");
	}
	xlat_puts(c, " */ ");
	return true;
}

bool xlat_partition_parse_keys(struct arena *a, const char *sql, char *strategy,
			       const char ***cols, size_t *n)
{
	const char *m = sql ? strstr(sql, XLAT_PARTKEY_MARK) : NULL;
	if (!m)
		return false;
	m += strlen(XLAT_PARTKEY_MARK);
	*strategy = strncmp(m, "LIST ", 5) == 0 ? 'l' : strncmp(m, "HASH ", 5) == 0 ? 'h' : 'r';
	m = strchr(m, '"');
	const char **v = arena_zalloc(a, XLAT_PARTKEY_MAX * sizeof(*v));
	*n = 0;
	/* each identifier between its quotes, a doubled quote read as one, ", " between */
	while (m && *m == '"' && *n < XLAT_PARTKEY_MAX) {
		size_t len = strlen(m);
		char *out = arena_alloc(a, len);
		size_t k = 0;
		const char *p = m + 1;
		for (; *p && !(*p == '"' && p[1] != '"'); p++) {
			out[k++] = *p;
			if (*p == '"')
				p++;
		}
		if (*p != '"')
			return false;
		out[k] = '\0';
		v[(*n)++] = out;
		m = strncmp(p + 1, ", \"", 3) == 0 ? p + 3 : NULL;
	}
	*cols = v;
	return *n > 0;
}

bool xlat_partition_parse_key(struct arena *a, const char *sql, char *strategy, const char **col)
{
	const char **cols;
	size_t n;
	if (!xlat_partition_parse_keys(a, sql, strategy, &cols, &n))
		return false;
	*col = cols[0];
	return true;
}

/* The parent's stored text, NULL when it is no table of the session's own tenant. */
static const char *parent_sql(struct xlat_ctx *c, const char *name)
{
	return c->env && c->env->table_sql_fn
		       ? c->env->table_sql_fn(c->env->session_arg, name, c->a)
		       : NULL;
}

/* What the schema snapshot says name is ('p', 'c', 0), without reading the file: a read
 * inside a transaction block would take its snapshot before the statement writes (40001
 * against a concurrent writer). -1: the snapshot cannot say. */
static int snapshot_kind(struct xlat_ctx *c, const char *name)
{
	return c->env && c->env->partition_fn ? c->env->partition_fn(c->env->session_arg, name)
					      : -1;
}

/* The stored text that holds name's partition key: a partitioned table's, or a partitioned
 * partition's view text (sub-partitioning); NULL when name is neither. */
static const char *keys_sql(struct xlat_ctx *c, const char *name)
{
	int k = name ? snapshot_kind(c, name) : 0;
	if (k == 'p' || k < 0) {
		const char *sql = parent_sql(c, name);
		if (sql || k == 'p')
			return sql;
	}
	if (k != 's' && k >= 0)
		return NULL;
	int instead = 0;
	const char *sql = c->env && c->env->view_fn
				  ? c->env->view_fn(c->env->session_arg, name, c->a, &instead)
				  : NULL;
	return sql && strstr(sql, XLAT_PARTITION_MARK) && strstr(sql, XLAT_PARTKEY_MARK) ? sql
											 : NULL;
}

bool xlat_partition_is_parent(struct xlat_ctx *c, const char *name)
{
	char strategy;
	const char *col;
	int k = name ? snapshot_kind(c, name) : 0;
	return (k == 'p' || k < 0) &&
	       xlat_partition_parse_key(c->a, parent_sql(c, name), &strategy, &col);
}

bool xlat_partition_is_partitioned(struct xlat_ctx *c, const char *name)
{
	char strategy;
	const char *col;
	return name && xlat_partition_parse_key(c->a, keys_sql(c, name), &strategy, &col);
}

bool xlat_partition_is_partition(struct xlat_ctx *c, const char *name)
{
	int k = name ? snapshot_kind(c, name) : 0;
	if (k >= 0 && k != 'c' && k != 's')
		return false;
	int instead = 0;
	const char *sql = name && c->env && c->env->view_fn
				  ? c->env->view_fn(c->env->session_arg, name, c->a, &instead)
				  : NULL;
	return sql && strstr(sql, XLAT_PARTITION_MARK) != NULL;
}

bool xlat_partition_tableoid(struct xlat_ctx *c, const char *table, const char *alias)
{
	char strategy;
	const char **keys;
	size_t n;
	if (!table || !xlat_partition_parse_keys(c->a, keys_sql(c, table), &strategy, &keys, &n))
		return false;
	/* every column, named: a partition may be partitioned by other columns, down to the
	 * leaf partition PostgreSQL names (catalog_partfor.c) */
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	if (!c->schema || !c->schema->table_fn(c->schema->arg, table, c->a, &cols, &ncols) ||
	    !ncols)
		return false;
	xlat_puts(c, "shardlite_partition_for(");
	xlat_string(c, table);
	for (size_t i = 0; i < ncols; i++) {
		xlat_puts(c, ", ");
		xlat_string(c, cols[i].name);
		xlat_puts(c, ", ");
		xlat_ident(c, alias ? alias : table);
		xlat_puts(c, ".");
		xlat_ident(c, cols[i].name);
	}
	xlat_puts(c, ")");
	return true;
}

struct bound_ctx {
	const char *child, *parent;
	const struct xlat_schema_col *key; /* the column bound_value coerces to */
	const struct xlat_schema_col *keys[XLAT_PARTKEY_MAX];
	size_t nkeys;
};

static bool has_colref(void *arg, const ProtobufCMessage *m)
{
	if (m->descriptor == &pg_query__column_ref__descriptor) {
		*(bool *)arg = true;
		return false;
	}
	return xlat_tree_each(m, has_colref, arg);
}

/* One bound value, coerced to the key's type as PostgreSQL's transformPartitionBoundValue
 * does, emitted as the SQLite expression of its stored value. */
static bool bound_value(struct xlat_ctx *c, const struct bound_ctx *b, PgQuery__Node *v)
{
	if (v->node_case == NODE(A_CONST) && v->a_const->isnull) {
		xlat_puts(c, "NULL");
		return true;
	}
	bool colref = v->node_case == NODE(COLUMN_REF);
	if (!colref)
		(void)xlat_tree_each((const ProtobufCMessage *)v, has_colref, &colref);
	if (colref) /* PostgreSQL's code for it */
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "cannot use column reference in partition bound expression");
	const char *text = xlat_deparse_expr(c, v);
	struct xlat_typeref r = {.info = xlat_type_by_oid(b->key->type_oid),
				 .typmod = b->key->typmod};
	const char *type = r.info ? xlat_type_format(c, &r) : NULL;
	PgQuery__Node *cast = text && type ? xlat_parse_expr(c->a, arena_printf(c->a, "CAST((%s) AS %s)",
										   text, type))
					   : NULL;
	if (!cast)
		return xlat_unsupported(c, -1, "this partition bound value");
	struct xlat_type t;
	return xlat_expr(c, cast, &t);
}

/* One side of a range bound: a kind ('' a value, MINVALUE, MAXVALUE) and a value for each key
 * column. After MINVALUE or MAXVALUE every later column must be the same (PostgreSQL's
 * validateInfiniteBounds). */
static bool range_side(struct xlat_ctx *c, struct bound_ctx *b, PgQuery__Node **v, size_t n,
		       const char *side)
{
	if (n != b->nkeys)
		return xlat_fail(c, "42P16", -1,
				 "%s must specify exactly one value per partitioning column", side);
	const char *infinite = NULL;
	for (size_t i = 0; i < n; i++) {
		/* the raw parse tree has MINVALUE and MAXVALUE as column references of those
		 * names */
		const PgQuery__Node *d = v[i];
		const PgQuery__ColumnRef *cr =
			d->node_case == NODE(COLUMN_REF) ? d->column_ref : NULL;
		const char *word = cr && cr->n_fields == 1 ? xlat_node_str(cr->fields[0]) : NULL;
		bool inf = word && (strcmp(word, "minvalue") == 0 || strcmp(word, "maxvalue") == 0);
		if (infinite && (!inf || strcmp(word, infinite) != 0))
			return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
					 "every bound following %s must also be %s",
					 infinite[1] == 'i' ? "MINVALUE" : "MAXVALUE",
					 infinite[1] == 'i' ? "MINVALUE" : "MAXVALUE");
		if (inf) {
			infinite = word;
			/* no value; NULL stands for it (no bound value is NULL) */
			xlat_printf(c, ", '%s', NULL", word[1] == 'i' ? "MINVALUE" : "MAXVALUE");
			continue;
		}
		if (d->node_case == NODE(A_CONST) && d->a_const->isnull)
			return xlat_fail(c, "42P17", -1, "cannot specify NULL in range bound");
		xlat_puts(c, ", '', ");
		b->key = b->keys[i];
		if (!bound_value(c, b, v[i]))
			return false;
	}
	return true;
}

/* The bound's arguments of shardlite_partition_add after the kind. */
static bool bound_args(struct xlat_ctx *c, struct bound_ctx *b, char strategy,
		       const PgQuery__PartitionBoundSpec *pb)
{
	if (pb->is_default && strategy == 'h')
		return xlat_fail(c, "42P16", -1,
				 "a hash-partitioned table may not have a default partition");
	if (pb->is_default) {
		xlat_puts(c, "'d'");
		return true;
	}
	char kind = pb->strategy && *pb->strategy ? pb->strategy[0] : 0;
	if (kind != strategy)
		return xlat_fail(c, "42P16", -1,
				 "invalid bound specification for a %s partition",
				 strategy == 'l' ? "list" : strategy == 'h' ? "hash" : "range");
	if (kind == 'h') { /* PostgreSQL's transformPartitionBound */
		if (pb->modulus <= 0)
			return xlat_fail(c, "42P16", -1,
					 "modulus for hash partition must be an integer value "
					 "greater than zero");
		if (pb->remainder >= pb->modulus)
			return xlat_fail(c, "42P16", -1,
					 "remainder for hash partition must be less than modulus");
		xlat_printf(c, "'h', %d, %d", pb->modulus, pb->remainder);
		return true;
	}
	if (kind == 'l') {
		xlat_puts(c, "'l'");
		for (size_t i = 0; i < pb->n_listdatums; i++) {
			xlat_puts(c, ", ");
			if (!bound_value(c, b, pb->listdatums[i]))
				return false;
		}
		return true;
	}
	xlat_puts(c, "'r'");
	return range_side(c, b, pb->lowerdatums, pb->n_lowerdatums, "FROM") &&
	       range_side(c, b, pb->upperdatums, pb->n_upperdatums, "TO");
}

static bool add_call(struct xlat_ctx *c, const PgQuery__RangeVar *parent,
		     const PgQuery__RangeVar *child, int mode, const PgQuery__PartitionBoundSpec *pb);

/* The key of a partition that is itself partitioned (PARTITION OF ... PARTITION BY), checked
 * as CREATE TABLE ... PARTITION BY's against the parent's columns: the mark's text after
 * "partition by " (LIST "b"); NULL with c->err. */
static const char *sub_key(struct xlat_ctx *c, const char *parent, const PgQuery__PartitionSpec *ps)
{
	const char *strategy = ps->strategy;
	bool list = strcmp(strategy, "list") == 0, hash = strcmp(strategy, "hash") == 0;
	if (!list && !hash && strcmp(strategy, "range") != 0) {
		xlat_fail(c, SQLSTATE_SYNTAX_ERROR, ps->location,
			  "unrecognized partitioning strategy \"%s\"", strategy);
		return NULL;
	}
	if (list && ps->n_part_params > 1) {
		xlat_fail(c, "42P17", -1,
			  "cannot use \"list\" partition strategy with more than one column");
		return NULL;
	}
	if (ps->n_part_params < 1 || ps->n_part_params > XLAT_PARTKEY_MAX) {
		xlat_unsupported(c, ps->location, "a partition key of this many columns");
		return NULL;
	}
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	if (c->schema)
		(void)c->schema->table_fn(c->schema->arg, parent, c->a, &cols, &ncols);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, list ? "LIST " : hash ? "HASH " : "RANGE ");
	for (size_t i = 0; i < ps->n_part_params; i++) {
		const PgQuery__PartitionElem *pe = ps->part_params[i]->partition_elem;
		const char *name = elem_name(pe);
		if (!name) {
			xlat_unsupported(c, pe->location, "a partition key expression");
			goto fail;
		}
		if (pe->n_collation || pe->n_opclass) {
			xlat_unsupported(c, pe->location,
					 "COLLATE or an operator class in a partition key");
			goto fail;
		}
		const struct xlat_schema_col *col = NULL;
		for (size_t k = 0; k < ncols && !col; k++)
			if (strcmp(cols[k].name, name) == 0)
				col = &cols[k];
		if (!col) {
			xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN,
				  pe->name && *pe->name ? pe->location : -1,
				  pe->name && *pe->name
					  ? "column \"%s\" named in partition key does not exist"
					  : "column \"%s\" does not exist",
				  name);
			goto fail;
		}
		uint32_t oid = col->type_oid;
		/* a RANGE key of dates and times is held to years 1 to 9999 by triggers of its
		 * table, which a partition (a view) has not */
		bool dated = !list && !hash && (oid == 1082 || oid == 1114 || oid == 1184);
		if (!key_type_ok(oid, list ? 'l' : hash ? 'h' : 'r') || dated) {
			struct xlat_typeref tr = {.info = xlat_type_by_oid(oid),
						  .typmod = col->typmod};
			xlat_unsupported(
				c, pe->location,
				arena_printf(c->a, "a partition key of type %s%s",
					     tr.info ? xlat_type_format(c, &tr) : "unknown",
					     dated ? " in a partition (sub-partitioning)" : ""));
			goto fail;
		}
		if (strstr(name, "*/")) {
			xlat_unsupported(c, pe->location, "this partition key column name");
			goto fail;
		}
		strbuf_puts(&sb, i ? ", \"" : "\"");
		for (const char *p = name; *p; p++)
			strbuf_puts(&sb, *p == '"' ? "\"\"" : (char[2]){*p, 0});
		strbuf_puts(&sb, "\"");
	}
	const char *r = sb.failed || !sb.data ? NULL : arena_strdup(c->a, sb.data);
	strbuf_fini(&sb);
	if (!r)
		xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	return r;
fail:
	strbuf_fini(&sb);
	return NULL;
}

/* CREATE TABLE child PARTITION OF parent FOR VALUES ...: SELECT shardlite_partition_add(
 * parent, child, key type OID, kind, values...), which makes the view when it runs. */
bool xlat_partition_of(struct xlat_ctx *c, const PgQuery__CreateStmt *s)
{
	if (s->n_inh_relations != 1 || s->inh_relations[0]->node_case != NODE(RANGE_VAR))
		return xlat_unsupported(c, -1, "this PARTITION OF");
	const PgQuery__RangeVar *parent = s->inh_relations[0]->range_var;
	if (s->n_table_elts)
		return xlat_unsupported(c, -1, "columns or constraints in PARTITION OF");
	if (!own_schema(c, s->relation) || !own_schema(c, parent))
		return false;
	c->st->tag = "CREATE TABLE";
	if (s->if_not_exists)
		xlat_skip_if_present(c, s->relation->schemaname, s->relation->relname);
	if (!add_call(c, parent, s->relation, s->if_not_exists ? 1 : 0, s->partbound))
		return false;
	const char *subkey = s->partspec ? sub_key(c, parent->relname, s->partspec) : "";
	if (!subkey)
		return false;
	if (*subkey) { /* then its own key and routing (catalog_part.c) */
		xlat_puts(c, "; SELECT shardlite_partition_subkey(");
		xlat_string(c, s->relation->relname);
		xlat_puts(c, ", ");
		xlat_string(c, subkey);
		xlat_puts(c, ")");
	}
	return true;
}

/* SELECT shardlite_partition_add(parent, child, mode, key types, typmods, kind, values...):
 * mode 0 CREATE, 1 CREATE IF NOT EXISTS, 2 ATTACH PARTITION (child an existing table). */
static bool add_call(struct xlat_ctx *c, const PgQuery__RangeVar *parent,
		     const PgQuery__RangeVar *child, int mode, const PgQuery__PartitionBoundSpec *pb)
{
	if (!c->env || !c->env->table_sql_fn) /* a migration file's, translated at start */
		return xlat_unsupported(c, -1,
					"PARTITION OF or ATTACH PARTITION where the partitioned "
					"table cannot be read (a migration file)");
	const char *sql = keys_sql(c, parent->relname);
	int kind = snapshot_kind(c, parent->relname);
	if (!sql)
		sql = parent_sql(c, parent->relname); /* not partitioned: 42P17 below */
	if (!sql && kind == 'c')
		sql = "";
	char strategy;
	const char **keys;
	size_t nkeys;
	if (!sql)
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, parent->location,
				 "relation \"%s\" does not exist", parent->relname);
	if (!xlat_partition_parse_keys(c->a, sql, &strategy, &keys, &nkeys))
		return xlat_fail(c, "42P17", -1, "table \"%s\" is not partitioned",
				 parent->relname);
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	if (c->schema)
		(void)c->schema->table_fn(c->schema->arg, parent->relname, c->a, &cols, &ncols);
	struct bound_ctx b = {child->relname, parent->relname, NULL, {NULL}, nkeys};
	for (size_t k = 0; k < nkeys; k++) {
		for (size_t i = 0; i < ncols; i++)
			if (strcmp(cols[i].name, keys[k]) == 0)
				b.keys[k] = &cols[i];
		if (!b.keys[k] || !b.keys[k]->type_oid)
			return xlat_unsupported(c, -1,
						"a partition of a table whose key type is not known");
	}
	b.key = b.keys[0];
	c->st->writes = c->st->is_ddl = true;
	c->st->quiet_rows = c->st->quiet_rows || mode == 2; /* ATTACH moves the table's rows */
	c->st->kind = XLAT_SCRIPT;
	xlat_nocache(c);
	xlat_puts(c, "SELECT shardlite_partition_add(");
	xlat_string(c, parent->relname);
	xlat_puts(c, ", ");
	xlat_string(c, child->relname);
	xlat_printf(c, ", %d, '", mode);
	for (size_t k = 0; k < nkeys; k++) /* the key columns' types and typmods, as text */
		xlat_printf(c, "%s%u", k ? "," : "", b.keys[k]->type_oid);
	xlat_puts(c, "', '");
	for (size_t k = 0; k < nkeys; k++)
		xlat_printf(c, "%s%d", k ? "," : "", b.keys[k]->typmod);
	xlat_puts(c, "', ");
	return bound_args(c, &b, strategy, pb) && (xlat_puts(c, ")"), true);
}

void xlat_partition_drop_parent(struct xlat_ctx *c, const char *name)
{
	xlat_puts(c, "SELECT shardlite_partition_drop(");
	xlat_string(c, name);
	xlat_puts(c, "); ");
}

/* The statement as the DDL script SELECT fn('a', 'b'), a catalog function's call. */
static bool call2(struct xlat_ctx *c, const char *fn, const char *a, const char *b)
{
	c->st->kind = XLAT_SCRIPT;
	c->st->is_ddl = true;
	xlat_nocache(c);
	xlat_printf(c, "SELECT %s(", fn);
	xlat_string(c, a);
	xlat_puts(c, ", ");
	xlat_string(c, b);
	xlat_puts(c, ")");
	return true;
}

/* ALTER TABLE of a partitioned table: what changes its columns in place (a plain ALTER or a
 * script) is followed by the partitions' views made again over its new columns; a change
 * the shard module makes by rebuilding the table, and ATTACH / DETACH, are refused. */
bool xlat_partition_alter(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	for (size_t i = 0; i < s->n_cmds; i++) {
		const PgQuery__AlterTableCmd *k = s->cmds[i]->alter_table_cmd;
		bool attach = k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition;
		bool detach = k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition ||
			      k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize;
		if ((attach || detach) && s->n_cmds > 1)
			return xlat_unsupported(c, -1, "ATTACH or DETACH PARTITION with other actions");
		const PgQuery__PartitionCmd *pc = k->def && k->def->node_case == NODE(PARTITION_CMD)
							  ? k->def->partition_cmd
							  : NULL;
		if ((attach || detach) && (!pc || !pc->name || !own_schema(c, pc->name)))
			return pc && pc->name ? false : xlat_unsupported(c, -1, "this PARTITION command");
		if (attach)
			return add_call(c, s->relation, pc->name, 2, pc->bound);
		if (detach && (pc->concurrent ||
			       k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize))
			return xlat_unsupported(c, -1, "DETACH PARTITION CONCURRENTLY");
		if (detach) {
			c->st->writes = c->st->quiet_rows = true;
			return call2(c, "shardlite_partition_detach", s->relation->relname,
				     pc->name->relname);
		}
	}
	char strategy;
	const char **keys = NULL;
	size_t nkeys = 0;
	if (!xlat_partition_parse_keys(c->a, parent_sql(c, s->relation->relname), &strategy, &keys,
				       &nkeys))
		nkeys = 0;
	for (size_t i = 0; i < s->n_cmds; i++) {
		const PgQuery__AlterTableCmd *k = s->cmds[i]->alter_table_cmd;
		for (size_t j = 0; j < nkeys; j++) {
			if (k->name && strcmp(k->name, keys[j]) == 0 &&
			    (k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn ||
			     k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType))
				return xlat_fail(
					c, "42P16", -1,
					k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn
						? "cannot drop column \"%s\" because it is part of "
						  "the partition key of relation \"%s\""
						: "cannot alter column \"%s\" because it is part of "
						  "the partition key of relation \"%s\"",
					keys[j], s->relation->relname);
		}
	}
	for (size_t i = 0; i < s->n_cmds; i++) { /* keys must include the partition key */
		const PgQuery__AlterTableCmd *k = s->cmds[i]->alter_table_cmd;
		for (size_t j = 0; j < nkeys; j++)
			if (k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && k->def &&
			    k->def->node_case == NODE(CONSTRAINT) &&
			    !key_in_named(c, s->relation->relname, k->def->constraint, keys[j]))
				return false;
	}
	const PgQuery__AlterTableCmd *one = s->n_cmds == 1 ? s->cmds[0]->alter_table_cmd : NULL;
	size_t start = c->sb->len;
	bool ok = s->n_cmds != 1 || s->missing_ok ? xlat_alter_multi(c, s)
						  : xlat_alter_one(c, s->relation, one);
	if (!ok)
		return false;
	if (one && one->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && one->name &&
	    c->st->kind == XLAT_REBUILD && c->st->rebuild) {
		/* the views first stop reading the column, which SQLite would not drop else */
		struct xlat_rebuild *pre = arena_zalloc(c->a, sizeof(*pre));
		pre->kind = XLAT_RB_SCRIPT;
		pre->table = arena_strdup(c->a, s->relation->relname);
		pre->script = arena_printf(c->a, "SELECT shardlite_partition_sync('%s', '%s')",
					   s->relation->relname, one->name);
		pre->next = c->st->rebuild;
		c->st->rebuild = pre;
		if (strchr(one->name, '\''))
			return xlat_unsupported(c, -1, "this column name");
	} else if (one && one->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && one->name &&
		   (c->st->kind == XLAT_SQL || c->st->kind == XLAT_SCRIPT)) {
		/* the views first stop reading the column, which SQLite would not drop else */
		const char *rest = arena_strndup(c->a, c->sb->data + start, c->sb->len - start);
		c->sb->len = start;
		xlat_puts(c, "SELECT shardlite_partition_sync(");
		xlat_string(c, s->relation->relname);
		xlat_puts(c, ", ");
		xlat_string(c, one->name);
		xlat_puts(c, "); ");
		xlat_puts(c, rest);
		c->st->kind = XLAT_SCRIPT;
	}
	if (c->st->kind == XLAT_REBUILD && c->st->rebuild) { /* a last link: the sync */
		struct xlat_rebuild *sync = arena_zalloc(c->a, sizeof(*sync));
		sync->kind = XLAT_RB_SCRIPT;
		sync->table = arena_strdup(c->a, s->relation->relname);
		sync->script = arena_printf(c->a, "SELECT shardlite_partition_sync('%s')",
					    s->relation->relname);
		const struct xlat_rebuild **at = &c->st->rebuild;
		while (*at)
			at = (const struct xlat_rebuild **)&(*at)->next;
		*at = sync;
		return !strchr(s->relation->relname, '\'') ||
		       xlat_unsupported(c, -1, "this partitioned table's name");
	}
	if (c->st->kind != XLAT_SQL && c->st->kind != XLAT_SCRIPT)
		return xlat_unsupported(c, -1, "this ALTER TABLE of a partitioned table");
	xlat_puts(c, "; SELECT shardlite_partition_sync(");
	xlat_string(c, s->relation->relname);
	xlat_puts(c, ")");
	c->st->kind = XLAT_SCRIPT;
	return true;
}

bool xlat_partition_index_check(struct xlat_ctx *c, const PgQuery__IndexStmt *s)
{
	char strategy;
	const char **keys = NULL;
	size_t nkeys = 0;
	if (!s->unique || !s->relation || !xlat_own_table(c, s->relation) ||
	    !xlat_partition_parse_keys(c->a, parent_sql(c, s->relation->relname), &strategy, &keys,
				       &nkeys))
		return true;
	for (size_t k = 0; k < nkeys; k++) {
		bool has = false;
		for (size_t i = 0; !has && i < s->n_index_params; i++) {
			const PgQuery__IndexElem *ie = s->index_params[i]->index_elem;
			has = ie->name && strcmp(ie->name, keys[k]) == 0;
		}
		if (has)
			continue;
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
			  "unique constraint on partitioned table must include all partitioning "
			  "columns");
		pgerr_detail(c->err,
			     "UNIQUE constraint on table \"%s\" lacks column \"%s\" which is part of "
			     "the partition key.",
			     s->relation->relname, keys[k]);
		return false;
	}
	return true;
}

void xlat_partition_index_wrap(struct xlat_ctx *c, const char *child, size_t start,
			       size_t *name_at)
{
	const char *text = arena_strndup(c->a, c->sb->data + start, c->sb->len - start);
	size_t quotes = 0; /* each ' before the name is doubled in the literal */
	for (size_t i = start; i < *name_at && i < c->sb->len; i++)
		quotes += c->sb->data[i] == '\'';
	size_t at = *name_at - start;
	c->sb->len = start;
	c->sb->data[start] = '\0';
	c->st->kind = XLAT_SCRIPT; /* a command, tagged CREATE INDEX */
	xlat_nocache(c);            /* a constant's hole would be inside the literal */
	xlat_puts(c, "SELECT shardlite_partition_index(");
	xlat_string(c, child);
	xlat_puts(c, ", ");
	*name_at = c->sb->len + 1 + at + quotes;
	xlat_string(c, text);
	xlat_puts(c, ")");
}

/* A partition's PRIMARY KEY or UNIQUE (cols) as pg_dump writes its copy of the partitioned
 * table's key: the catalog checks that the partition shows that copy (catalog_partinh.c);
 * any other is 0A000 there. */
static bool key_check(struct xlat_ctx *c, const char *part, const PgQuery__Constraint *con)
{
	if (con->n_including || con->n_options || (con->indexname && *con->indexname) ||
	    con->deferrable)
		return xlat_unsupported(c, con->location, "a partition's own PRIMARY KEY or UNIQUE");
	c->st->kind = XLAT_SCRIPT;
	c->st->is_ddl = true;
	xlat_nocache(c);
	xlat_puts(c, "SELECT shardlite_partition_key_check(");
	xlat_string(c, part);
	xlat_puts(c, ", ");
	if (con->conname && *con->conname)
		xlat_string(c, con->conname);
	else
		xlat_puts(c, "NULL");
	xlat_puts(c, con->contype == CONSTR(PRIMARY) ? ", 'p'" : ", 'u'");
	for (size_t i = 0; i < con->n_keys; i++) {
		xlat_puts(c, ", ");
		xlat_string(c, xlat_node_str(con->keys[i]));
	}
	xlat_puts(c, ")");
	return true;
}

bool xlat_partition_index_attach(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s,
				 const PgQuery__AlterTableCmd *cmd)
{
	const PgQuery__PartitionCmd *pc = cmd->def && cmd->def->node_case == NODE(PARTITION_CMD)
						  ? cmd->def->partition_cmd
						  : NULL;
	if (!pc || !pc->name || !own_schema(c, pc->name) || !xlat_own_table(c, s->relation))
		return xlat_unsupported(c, -1, "this ALTER INDEX ... ATTACH PARTITION");
	return call2(c, "shardlite_partition_index_attach", s->relation->relname,
		     pc->name->relname);
}

bool xlat_partition_alter_own(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	const PgQuery__AlterTableCmd *k = s->n_cmds == 1 ? s->cmds[0]->alter_table_cmd : NULL;
	if (k && (k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition ||
		  k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition ||
		  k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize))
		return xlat_partition_alter(c, s); /* of a partitioned partition's partitions */
	if (k && k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint && k->name &&
	    !k->missing_ok && k->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE &&
	    !s->missing_ok) { /* one of its own CHECKs or foreign keys */
		c->st->kind = XLAT_SCRIPT;
		c->st->writes = c->st->is_ddl = true;
		xlat_nocache(c);
		xlat_puts(c, "SELECT shardlite_partition_constraint(");
		xlat_string(c, s->relation->relname);
		xlat_puts(c, ", ");
		xlat_string(c, k->name);
		xlat_puts(c, ", 'd')");
		return true;
	}
	const PgQuery__Constraint *con = k && k->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint &&
						 k->def &&
						 k->def->node_case == NODE(CONSTRAINT)
					     ? k->def->constraint
					     : NULL;
	if (con && (con->contype == CONSTR(PRIMARY) || con->contype == CONSTR(UNIQUE)) &&
	    !s->missing_ok)
		return key_check(c, s->relation->relname, con);
	if (!con || (con->contype != CONSTR(CHECK) && con->contype != CONSTR(FOREIGN)) ||
	    con->skip_validation || s->missing_ok)
		return xlat_unsupported(c, -1, "this ALTER TABLE of a partition");
	if (con->contype == CONSTR(FOREIGN) &&
	    ((con->fk_matchtype && con->fk_matchtype[0] == 'f') || con->n_fk_del_set_cols))
		return xlat_unsupported(c, con->location,
					"a partition's own foreign key MATCH FULL or ON DELETE SET "
					"NULL (columns)");
	if (!xlat_add_constraint(c, s->relation, con))
		return false;
	const struct xlat_rebuild *rb = c->st->rebuild;
	if (!rb || rb->next || !rb->name || !rb->constraint)
		return xlat_unsupported(c, -1, "this ALTER TABLE of a partition");
	c->st->rebuild = NULL;
	c->st->kind = XLAT_SCRIPT;
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c);
	xlat_puts(c, "SELECT shardlite_partition_constraint(");
	xlat_string(c, s->relation->relname);
	xlat_puts(c, ", ");
	xlat_string(c, rb->name);
	if (con->contype == CONSTR(CHECK)) {
		xlat_puts(c, ", 'c', ");
		xlat_string(c, rb->constraint);
		xlat_puts(c, ")");
		return true;
	}
	const char *upd = con->fk_upd_action && *con->fk_upd_action ? con->fk_upd_action : "a";
	const char *del = con->fk_del_action && *con->fk_del_action ? con->fk_del_action : "a";
	xlat_puts(c, ", 'f', ");
	xlat_string(c, rb->ref_table);
	xlat_printf(c, ", '%c', '%c', %d, %d, %zu", upd[0], del[0],
		    con->deferrable || con->initdeferred, con->initdeferred, rb->nkeys);
	for (size_t i = 0; i < rb->nkeys; i++) {
		xlat_puts(c, ", ");
		xlat_string(c, rb->keys[i]);
	}
	for (size_t i = 0; i < rb->nkeys; i++) {
		xlat_puts(c, ", ");
		if (i < rb->nref_keys)
			xlat_string(c, rb->ref_keys[i]);
		else
			xlat_puts(c, "NULL");
	}
	xlat_puts(c, ")");
	return true;
}
