/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_net.c: inet, cidr and macaddr in expressions — their functions (host, network,
 * set_masklen, ...), the containment and arithmetic operators (<< <<= >> >>= && & | ~ + -),
 * and the collation pgfn_inet that makes comparisons and ORDER BY follow PostgreSQL's order of
 * inet rather than the order of the stored canonical text. All run as pgfn functions. */
#include "xlat_int.h"

#include <string.h>

bool xlat_net_type(uint32_t oid) { return oid == XLAT_OID_INET || oid == XLAT_OID_CIDR; }

const char *xlat_net_collation(uint32_t l, uint32_t r, const char *op)
{
	if (!xlat_net_type(l) && !xlat_net_type(r))
		return NULL;
	/* equal canonical text is equal inet, and a plain = keeps the column's index */
	bool eq = strcmp(op, "=") == 0 || strcmp(op, "<>") == 0;
	return eq && (l == r || !xlat_net_type(l) || !xlat_net_type(r)) ? NULL
								      : " COLLATE pgfn_inet";
}

/* Functions of one address and their result types (0: the argument's type). */
static const struct net_fn {
	const char *name;
	const char *pgfn;
	int nargs;
	uint32_t result;
	bool pass_cidr; /* the call gets whether the argument is a cidr as its last argument */
} net_fns[] = {
	{"host", "pgfn_inet_host", 1, XLAT_OID_TEXT, false},
	{"masklen", "pgfn_inet_masklen", 1, XLAT_OID_INT4, false},
	{"family", "pgfn_inet_family", 1, XLAT_OID_INT4, false},
	{"network", "pgfn_inet_network", 1, XLAT_OID_CIDR, false},
	{"netmask", "pgfn_inet_netmask", 1, XLAT_OID_INET, false},
	{"hostmask", "pgfn_inet_hostmask", 1, XLAT_OID_INET, false},
	{"broadcast", "pgfn_inet_broadcast", 1, XLAT_OID_INET, false},
	{"abbrev", "pgfn_inet_abbrev", 1, XLAT_OID_TEXT, true},
	{"set_masklen", "pgfn_inet_set_masklen", 2, 0, true},
	{"inet_same_family", "pgfn_inet_same_family", 2, XLAT_OID_BOOL, false},
	{"inet_merge", "pgfn_inet_merge", 2, XLAT_OID_CIDR, false},
	{"macaddr8_set7bit", "pgfn_macaddr8_set7bit", 1, XLAT_OID_MACADDR8, false},
	{"text", "pgfn_inet_text", 1, XLAT_OID_TEXT, false}, /* text(inet) shows the netmask */
};

/* trunc(macaddr) and trunc(macaddr8); trunc of a number is xlat_func.c's. */
static int mac_trunc(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	size_t mark = c->sb->len;
	xlat_puts(c, "pgfn_macaddr_trunc(");
	if (!xlat_expr(c, f->args[0], t))
		return -1;
	if (t->oid != XLAT_OID_MACADDR && t->oid != XLAT_OID_MACADDR8) {
		c->sb->len = mark; /* not ours: translated again as a number */
		c->sb->data[mark] = '\0';
		return 0;
	}
	if (t->oid == XLAT_OID_MACADDR8)
		xlat_insert_at(c, mark + strlen("pgfn_macaddr"), "8");
	xlat_puts(c, ")");
	return 1;
}

static int no_function(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		       const struct xlat_type *at)
{
	const struct xlat_typeinfo *a = xlat_type_by_oid(at[0].oid);
	const struct xlat_typeinfo *b = f->n_args > 1 ? xlat_type_by_oid(at[1].oid) : NULL;
	xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location, "function %s(%s%s%s) does not exist",
		  name, a ? a->sql_name : "unknown", f->n_args > 1 ? ", " : "",
		  f->n_args > 1 ? (b ? b->sql_name : "unknown") : "");
	pgerr_hint(c->err, "No function matches the given name and argument types. You might "
			   "need to add explicit type casts.");
	return -1;
}

/* min(inet), max(inet): SQLite's min and max compare by their argument's collation. */
static int min_max(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		   struct xlat_type *t)
{
	size_t mark = c->sb->len;
	xlat_printf(c, "%s(", name);
	if (!xlat_expr(c, f->args[0], t))
		return -1;
	if (!xlat_net_type(t->oid)) {
		c->sb->len = mark; /* not ours: translated again by xlat_func.c */
		c->sb->data[mark] = '\0';
		return 0;
	}
	xlat_puts(c, " COLLATE pgfn_inet)");
	return 1;
}

int xlat_net_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		  struct xlat_type *t)
{
	if (strcmp(name, "trunc") == 0 && f->n_args == 1 && !f->agg_star && !f->over)
		return mac_trunc(c, f, t);
	bool plain_agg = f->n_args == 1 && !f->over && !f->agg_filter && !f->agg_distinct &&
			 !f->n_agg_order && !f->agg_star;
	if ((strcmp(name, "min") == 0 || strcmp(name, "max") == 0) && plain_agg)
		return min_max(c, f, name, t);
	const struct net_fn *fn = NULL;
	for (size_t i = 0; i < ARRAY_LEN(net_fns) && !fn; i++)
		fn = strcmp(net_fns[i].name, name) == 0 ? &net_fns[i] : NULL;
	if (!fn || (int)f->n_args != fn->nargs)
		return 0;
	struct xlat_type at[2];
	size_t mark = c->sb->len;
	xlat_printf(c, "%s(", fn->pgfn);
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!xlat_expr(c, f->args[i], &at[i]))
			return -1;
	}
	uint32_t want = fn->result == XLAT_OID_MACADDR8 ? XLAT_OID_MACADDR8 : XLAT_OID_INET;
	bool ok = at[0].oid == want || at[0].oid == XLAT_OID_UNKNOWN ||
		  at[0].oid == XLAT_OID_UNKNOWN_COL || (want == XLAT_OID_INET && at[0].oid == XLAT_OID_CIDR);
	if (!ok && strcmp(name, "text") == 0) {
		c->sb->len = mark; /* text() of another type: not ours */
		c->sb->data[mark] = '\0';
		return 0;
	}
	if (!ok)
		return no_function(c, f, name, at);
	bool cidr = at[0].oid == XLAT_OID_CIDR;
	xlat_printf(c, "%s)", fn->pass_cidr ? (cidr ? ", 1" : ", 0") : "");
	*t = (struct xlat_type){fn->result ? fn->result : cidr ? XLAT_OID_CIDR : XLAT_OID_INET, -1};
	return 1;
}

static bool is_int(uint32_t oid)
{
	return oid == XLAT_OID_INT2 || oid == XLAT_OID_INT4 || oid == XLAT_OID_INT8;
}

int xlat_net_operator(struct xlat_ctx *c, const char *op, const char *ls, struct xlat_type l,
		      const char *rs, struct xlat_type r, int location, struct xlat_type *t)
{
	bool ln = xlat_net_type(l.oid), rn = xlat_net_type(r.oid);
	bool sub = strcmp(op, "<<") == 0 || strcmp(op, "<<=") == 0;
	bool sup = strcmp(op, ">>") == 0 || strcmp(op, ">>=") == 0;
	if (!ln && !rn) {
		if (strcmp(op, "<<=") == 0 || strcmp(op, ">>=") == 0 || strcmp(op, "&&") == 0)
			return xlat_no_operator(c, op, l.oid, r.oid, location) ? 1 : -1;
		return 0;
	}
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	if (sub || sup)
		xlat_printf(c, "pgfn_inet_sub(%s, %s, %d)", sub ? ls : rs, sub ? rs : ls, !op[2]);
	else if (strcmp(op, "&&") == 0)
		xlat_printf(c, "pgfn_inet_overlaps(%s, %s)", ls, rs);
	else if (strcmp(op, "&") == 0 || strcmp(op, "|") == 0)
		xlat_printf(c, "pgfn_inet_%s(%s, %s)", *op == '&' ? "and" : "or", ls, rs);
	else if (strcmp(op, "+") == 0 && (ln ? is_int(r.oid) : is_int(l.oid)))
		xlat_printf(c, "pgfn_inet_add(%s, %s)", ln ? ls : rs, ln ? rs : ls);
	else if (strcmp(op, "-") == 0 && ln)
		xlat_printf(c, "pgfn_inet_minus(%s, %s)", ls, rs);
	else
		return 0;
	if (*op == '&' && op[1])
		return 1;
	if (strchr("&|+", *op) || (*op == '-' && is_int(r.oid)))
		*t = (struct xlat_type){XLAT_OID_INET, -1};
	else if (*op == '-')
		*t = (struct xlat_type){XLAT_OID_INT8, -1};
	return 1;
}
