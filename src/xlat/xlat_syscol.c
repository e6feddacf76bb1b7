/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_syscol.c: PostgreSQL's system columns of the tenant's tables. ctid is the row's rowid as
 * a tid, block rowid / 65536 and offset rowid % 65536 ('(0,3)' for rowid 3; every tid
 * PostgreSQL accepts names one rowid, in the same order), compared through the rowid, so that
 * ctid = '(0,3)' is a rowid lookup, and ordered by the collation pgfn_tid;
 * tableoid the relation's OID as the catalog gives it; xmax 0 for a live row, and in the
 * RETURNING of INSERT ... ON CONFLICT DO UPDATE the transaction's id for a row it updated (the
 * DO UPDATE marks the rows it updates: pgfn_upsert_updating). xmin, cmin and cmax have no
 * faithful meaning in SQLite and are refused (0A000). Not here: the catalog's own tableoid
 * (catalog.c), which its virtual tables carry as a hidden column. */
#include "xlat_syscol.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

enum { OID_TID = 27, OID_XID = 28 };

enum syscol { SC_NONE, SC_CTID, SC_XMIN, SC_CMIN, SC_XMAX, SC_CMAX, SC_TABLEOID };

/* PostgreSQL's system columns, as pg_attribute numbers them (-1 .. -6). */
static const char *const names[] = {NULL, "ctid", "xmin", "cmin", "xmax", "cmax", "tableoid"};

static enum syscol syscol_of(const char *name)
{
	for (size_t i = 1; name && i < ARRAY_LEN(names); i++) {
		if (strcmp(names[i], name) == 0)
			return (enum syscol)i;
	}
	return SC_NONE;
}

bool xlat_syscol_check_name(struct xlat_ctx *c, const char *name, int location)
{
	if (!syscol_of(name))
		return true;
	return xlat_fail(c, "42701", location,
			 "column name \"%s\" conflicts with a system column name", name);
}

/* Writes rel's rowid; in RETURNING the table's name stands for its alias (SQLite knows no
 * alias there). */
static void rowid(struct xlat_ctx *c, const char *alias)
{
	if (c->ret_alias && strcmp(alias, c->ret_alias) == 0)
		alias = c->ret_rel;
	xlat_ident(c, alias);
	xlat_puts(c, ".rowid");
}

/* The system column cr names: its kind, and the relation it belongs to (1), or 0 / -1 as
 * xlat_scope_syscol says (42703, 42702 reported). */
static int resolve(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, enum syscol *k,
		   const char **alias, const char **table)
{
	size_t n = cr->n_fields;
	if (n < 1 || n > 2)
		return 0;
	const char *col = xlat_node_str(cr->fields[n - 1]);
	const char *rel = n == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	*k = syscol_of(col);
	if (!*k || (n == 2 && !rel))
		return 0;
	int got = xlat_scope_syscol(c, rel, col, alias, table);
	if (got == -1)
		xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, cr->location, "column %s.%s does not exist",
			  rel, col);
	else if (got == -2)
		xlat_fail(c, "42702", cr->location, "column reference \"%s\" is ambiguous", col);
	else if (got > 0 && xlat_tablesample_named(c, *alias))
		got = xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, cr->location,
				"system column \"%s\" of a table read with TABLESAMPLE is not "
				"supported",
				col)
			      ? 1
			      : -1;
	return got < 0 ? -1 : got;
}

/* xmax: 0 for a live row (SQLite shows no other transaction's row locks); after INSERT ... ON
 * CONFLICT DO UPDATE, the transaction's id (as a 32-bit xid) for a row it updated. */
static bool xmax(struct xlat_ctx *c, const char *alias, int location)
{
	int events = c->ret_rel ? c->st->dml_events : 0;
	if (events & 8) /* PostgreSQL returns the deleting transaction's id */
		return xlat_unsupported(c, location, "xmax in DELETE ... RETURNING");
	if ((events & 4) && (events & 16)) {
		xlat_puts(c, "(iif(");
		rowid(c, alias);
		xlat_puts(c, " = last_insert_rowid(), 0, txid_current() & 4294967295))");
		return true;
	}
	xlat_puts(c, "(iif(");
	rowid(c, alias);
	xlat_puts(c, " IS NULL, NULL, 0))"); /* NULL in a row an outer join made up */
	return true;
}

int xlat_syscol_ref(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t)
{
	enum syscol k;
	const char *alias = NULL, *table = NULL;
	int got = resolve(c, cr, &k, &alias, &table);
	if (got <= 0)
		return got;
	switch (k) {
	case SC_CTID:
		*t = (struct xlat_type){OID_TID, -1};
		xlat_puts(c, "(('(' || (");
		rowid(c, alias);
		xlat_puts(c, " >> 16) || ',' || (");
		rowid(c, alias);
		xlat_puts(c, " & 65535) || ')') COLLATE pgfn_tid)"); /* ordered as tids */
		return 1;
	case SC_TABLEOID:
		*t = (struct xlat_type){XLAT_OID_OID, -1};
		xlat_puts(c, "(iif(");
		rowid(c, alias);
		xlat_puts(c, " IS NULL, NULL, pg_regclass_in(");
		if (!xlat_partition_tableoid(
			    c, table,
			    c->ret_alias && strcmp(alias, c->ret_alias) == 0 ? c->ret_rel : alias))
			xlat_string(c, table);
		xlat_puts(c, ")))");
		return 1;
	case SC_XMAX:
		*t = (struct xlat_type){OID_XID, -1};
		return xmax(c, alias, cr->location) ? 1 : -1;
	default: /* xmin, cmin, cmax: a fake row version would break optimistic locking */
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, cr->location,
			  "system column \"%s\" is not supported: SQLite rows carry no transaction "
			  "or command ids",
			  names[k]);
		return -1;
	}
}

bool xlat_syscol_sort_cols(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***out)
{
	*out = NULL;
	size_t noutputs = 0;
	const char **outputs = NULL;
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__Node *n = s->sort_clause[i]->sort_by->node;
		const PgQuery__ColumnRef *cr = n->node_case == NODE(COLUMN_REF) ? n->column_ref
										: NULL;
		const char *col = cr ? xlat_node_str(cr->fields[cr->n_fields - 1]) : NULL;
		if (!col || !syscol_of(col))
			continue;
		if (cr->n_fields == 1) { /* an output column of that name comes first */
			if (!outputs)
				outputs = xlat_select_colnames(c, s, &noutputs);
			bool output = false;
			for (size_t k = 0; outputs && k < noutputs; k++)
				output |= outputs[k] && strcmp(outputs[k], col) == 0;
			if (output)
				continue;
		}
		struct strbuf scratch, *saved = c->sb;
		strbuf_init(&scratch, 0);
		c->sb = &scratch;
		struct xlat_type t;
		int got = xlat_syscol_ref(c, cr, &t);
		c->sb = saved;
		if (got > 0 && !scratch.failed) {
			if (!*out)
				*out = arena_zalloc(c->a, s->n_sort_clause * sizeof(**out));
			(*out)[i] = arena_strdup(c->a, scratch.data);
		}
		strbuf_fini(&scratch);
		if (got < 0)
			return false;
	}
	return true;
}

static bool is_ctid(struct xlat_ctx *c, const PgQuery__Node *n, const char **alias)
{
	enum syscol k;
	const char *table;
	return n && n->node_case == NODE(COLUMN_REF) &&
	       resolve(c, n->column_ref, &k, alias, &table) == 1 && k == SC_CTID;
}

/* One side of a comparison with ctid: a ctid is its rowid, anything else is read as a tid. */
static bool tid_side(struct xlat_ctx *c, const PgQuery__Node *n, const char *alias)
{
	struct xlat_type t;
	if (alias) {
		rowid(c, alias);
		return true;
	}
	xlat_puts(c, "pgfn_tid_rowid(");
	bool ok = xlat_expr(c, n, &t);
	xlat_puts(c, ")");
	return ok;
}

int xlat_syscol_cmp(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
		    struct xlat_type *t)
{
	static const char *const cmps[] = {"=", "<>", "<", ">", "<=", ">="};
	const char *la = NULL, *ra = NULL;
	bool cmp = false;
	for (size_t i = 0; i < ARRAY_LEN(cmps); i++)
		cmp |= strcmp(op, cmps[i]) == 0;
	if (!cmp || !e->lexpr || !e->rexpr)
		return 0;
	bool l = is_ctid(c, e->lexpr, &la), r = !l && is_ctid(c, e->rexpr, &ra);
	if (!l && !r)
		return 0;
	if (l)
		(void)is_ctid(c, e->rexpr, &ra);
	const struct xlat_type tid = {OID_TID, -1}, none = {0, -1};
	struct xlat_type lt = la ? tid : none, rt = ra ? tid : none;
	xlat_infer_pair(c, e->lexpr, &lt, e->rexpr, &rt); /* ctid = $1: $1 is a tid */
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	if (!tid_side(c, e->lexpr, la))
		return -1;
	xlat_printf(c, " %s ", op);
	return tid_side(c, e->rexpr, ra) ? 1 : -1;
}

static bool names_xmax(void *arg, const ProtobufCMessage *m)
{
	bool *found = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor) {
		const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
		const char *col = cr->n_fields ? xlat_node_str(cr->fields[cr->n_fields - 1]) : NULL;
		*found |= col && strcmp(col, "xmax") == 0;
		return !*found;
	}
	if (m->descriptor == &pg_query__select_stmt__descriptor)
		return true; /* a subquery's xmax is another row's */
	return xlat_tree_each(m, names_xmax, arg);
}

const char *xlat_syscol_upsert_mark(struct xlat_ctx *c, PgQuery__Node **returning, size_t n)
{
	(void)c;
	bool found = false;
	for (size_t i = 0; i < n && !found; i++)
		(void)names_xmax(&found, &returning[i]->base);
	return found ? "pgfn_upsert_updating(rowid)" : NULL;
}
