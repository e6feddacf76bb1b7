/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_plpgsql.c: DO blocks (and the PL/pgSQL bodies of functions, xlat_plfunc.c). The body
 * goes through PostgreSQL's own PL/pgSQL parser (pg_query_parse_plpgsql, wrapped as the
 * CREATE FUNCTION it expects), whose JSON tree is
 * loaded into struct xlat_pl_func: the supported statements, each variable's declaration, and
 * every embedded statement and expression with its variables made parameters (xlat_plbind.c).
 * Names are resolved here, block by block, as PostgreSQL compiles the function; what the
 * session cannot run is refused with 0A000 naming the construct before anything runs. */
#include "xlat_plpgsql.h"
#include "xlat_int.h"

#include "pgtype.h"

#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool xlat_plload_unsupported(struct xlat_plloader *l, const char *what)
{
	return pgerr_set(l->c->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s is not supported in %s",
			 what, l->where ? l->where : "a DO block");
}

/* ---- scanning the body for DECLARE sections ---- */

/* Each block's declaration count, in the order its BEGIN appears. */
static bool count_decls(struct xlat_plloader *l, const char *body)
{
	PgQueryScanResult r = pg_query_scan(body);
	PgQuery__ScanResult *sr = r.error ? NULL
					  : pg_query__scan_result__unpack(
						    NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
	bool ok = sr != NULL;
	if (ok) {
		int *counts = arena_zalloc(l->c->a, (sr->n_tokens + 1) * sizeof(int));
		size_t n = 0;
		int pending = -1, depth = 0; /* declarations since DECLARE, -1: not in one */
		for (size_t i = 0; i < sr->n_tokens; i++) {
			PgQuery__Token t = sr->tokens[i]->token;
			if (t == PG_QUERY__TOKEN__DECLARE && pending < 0)
				pending = 0;
			else if (t == PG_QUERY__TOKEN__ASCII_40)
				depth++;
			else if (t == PG_QUERY__TOKEN__ASCII_41)
				depth--;
			else if (t == PG_QUERY__TOKEN__ASCII_59 && pending >= 0 && depth == 0)
				pending++;
			else if (t == PG_QUERY__TOKEN__BEGIN_P) {
				counts[n++] = pending < 0 ? 0 : pending;
				pending = -1;
			}
		}
		l->block_decls = counts;
		l->nblocks = n;
		pg_query__scan_result__free_unpacked(sr, NULL);
	}
	pg_query_free_scan_result(r);
	return ok || pgerr_set(l->c->err, SQLSTATE_SYNTAX_ERROR, "could not scan the DO block");
}

/* ---- variables ---- */

const struct xlat_json *xlat_plload_node(const struct xlat_json *d, const char **kind)
{
	*kind = d && d->type == XJ_OBJECT && d->n == 1 ? d->items[0].key : "";
	return d && d->n == 1 ? &d->items[0] : NULL;
}

/* Rows (INTO and FOR targets) and a simple CASE's hidden variable are not declarations. */
static bool claimable(const struct xlat_json *d)
{
	const char *kind;
	const struct xlat_json *b = xlat_plload_node(d, &kind);
	const char *name = xlat_json_str(b, "refname");
	return strcmp(kind, "PLpgSQL_row") != 0 && strcmp(kind, "PLpgSQL_recfield") != 0 &&
	       !(name && strncmp(name, "__Case__Variable_", 17) == 0);
}

/* Datum i is no declaration's own: a row, or a bound cursor's argument (declared with it). */
static bool skipped(const struct xlat_plloader *l, size_t i)
{
	return !claimable(&l->datums->items[i]) || (l->cursor_arg && l->cursor_arg[i]);
}

/* The next datum a declaration (or loop variable, or SQLSTATE/SQLERRM) creates. */
int xlat_plload_claim(struct xlat_plloader *l, const char *name)
{
	while (l->next_datum < l->datums->n && skipped(l, l->next_datum))
		l->next_datum++;
	if (l->next_datum >= l->datums->n)
		return -1;
	int v = (int)l->next_datum++;
	if (name && strcmp(l->vars[v].name ? l->vars[v].name : "", name) != 0)
		return -1;
	return v;
}

void xlat_plload_push(struct xlat_plloader *l, const char *name, int var)
{
	/* a block or loop without a label still ends the one before it (label.x): "" */
	if (l->nscope < MAX_SCOPE && (name || var < 0))
		l->scope[l->nscope++] = (struct xlat_plscope){name ? name : "", var};
}

static int lookup(const struct xlat_plloader *l, const char *name, size_t from)
{
	for (size_t i = from; i-- > 0;)
		if (l->scope[i].var >= 0 && strcmp(l->scope[i].name, name) == 0)
			return l->scope[i].var;
	return -1;
}

int xlat_plload_find(const struct xlat_plloader *l, const char *name)
{
	return lookup(l, name, l->nscope);
}

/* names[0..n): a variable, a record variable's field, or label.variable. */
static bool resolve(void *arg, const char *const *names, size_t n, struct xlat_pl_ref *ref)
{
	struct xlat_plloader *l = arg;
	int v = lookup(l, names[0], l->nscope);
	if (v >= 0 && n == 1) {
		ref->var = v;
		return true;
	}
	if (v >= 0 && n == 2 && !l->vars[v].type) {
		*ref = (struct xlat_pl_ref){v, names[1]};
		return true;
	}
	/* label.x: x declared by the labelled block itself (up to the next block's entry) */
	for (size_t i = l->nscope; n == 2 && i-- > 0;) {
		if (l->scope[i].var >= 0 || strcmp(l->scope[i].name, names[0]) != 0)
			continue;
		size_t end = i + 1;
		while (end < l->nscope && l->scope[end].var >= 0)
			end++;
		for (size_t k = end; k-- > i + 1;)
			if (strcmp(l->scope[k].name, names[1]) == 0) {
				ref->var = l->scope[k].var;
				return true;
			}
		return false;
	}
	return false;
}

const struct xlat_pl_expr *xlat_plload_sql(struct xlat_plloader *l, const char *sql)
{
	struct xlat_pl_expr *e = arena_zalloc(l->c->a, sizeof(*e));
	return xlat_plbind(sql, resolve, l, l->c->a, e, l->c->err) ? e : NULL;
}

/* An expression ("x > 0") as the SELECT PostgreSQL evaluates it. */
const struct xlat_pl_expr *xlat_plload_expr(struct xlat_plloader *l, const struct xlat_json *e)
{
	const char *q = xlat_json_str(xlat_json_get(e, "PLpgSQL_expr"), "query");
	if (!q) {
		pgerr_set(l->c->err, SQLSTATE_INTERNAL_ERROR, "PL/pgSQL expression without text");
		return NULL;
	}
	return xlat_plload_sql(l, arena_printf(l->c->a, "SELECT %s", q));
}

const char *xlat_plload_text(const struct xlat_json *e)
{
	return xlat_json_str(xlat_json_get(e, "PLpgSQL_expr"), "query");
}

/* The declared type as written, trailing blanks dropped; NULL for a record. */
static bool var_type(struct xlat_plloader *l, struct xlat_pl_var *v, const char *kind,
		     const struct xlat_json *b)
{
	const char *t = xlat_json_str(xlat_json_get(xlat_json_get(b, "datatype"), "PLpgSQL_type"),
				      "typname");
	if (strcmp(kind, "PLpgSQL_rec") == 0 || (t && strcasecmp(t, "record") == 0)) {
		v->type = NULL;
		return true;
	}
	if (xlat_json_get(b, "cursor_explicit_expr") || (t && strcasestr(t, "refcursor")))
		return xlat_plload_cursor_var(l, v, b);
	if (!t)
		return xlat_plload_unsupported(l, "this declaration");
	return xlat_plrec_type(l, v, t);
}

/* Every datum's name and type; variables libpg_query types "UNKNOWN" get PostgreSQL's. */
static bool load_vars(struct xlat_plloader *l)
{
	l->nvars = l->datums->n;
	l->vars = arena_zalloc(l->c->a, (l->nvars ? l->nvars : 1) * sizeof(*l->vars));
	for (size_t i = 0; i < l->nvars; i++) {
		const char *kind;
		const struct xlat_json *b = xlat_plload_node(&l->datums->items[i], &kind);
		struct xlat_pl_var *v = &l->vars[i];
		if (strcmp(kind, "PLpgSQL_row") == 0 || strcmp(kind, "PLpgSQL_recfield") == 0)
			continue; /* INTO targets; NEW.x := ... (xlat_plstmt.c reads it) */
		if (strcmp(kind, "PLpgSQL_var") != 0 && strcmp(kind, "PLpgSQL_rec") != 0)
			return xlat_plload_unsupported(l, kind);
		v->name = xlat_json_str(b, "refname");
		v->constant = xlat_json_bool(b, "isconst");
		v->not_null = xlat_json_bool(b, "notnull");
		if (!v->name || !var_type(l, v, kind, b))
			return v->name ? false : xlat_plload_unsupported(l, "an unnamed variable");
		if (v->type && strcmp(v->type, "UNKNOWN") == 0)
			v->type = i < l->nargs    ? l->argdecls[i]
				  : i == l->nargs ? "boolean"
				  : strcmp(v->name, "sqlstate") == 0 ||
						  strcmp(v->name, "sqlerrm") == 0
					  ? "text"
				  : strncmp(v->name, "__Case__Variable_", 17) == 0 ? ""
										   : "integer";
		if (i < l->nargs && v->type && strcasecmp(v->type, "refcursor") == 0) {
			/* passed on as a refcursor (f(rc) of f(refcursor)) */
			const char *t = v->type;
			if (!xlat_plload_cursor_var(l, v, b)) /* OPEN rc FOR ... of the argument */
				return false;
			v->type = t;
		}
		if (i < l->nargs) /* a parameter of a table's row type */
			xlat_plrec_named_row(l, v);
	}
	return true;
}

/* ---- statements ---- */

/* Variables filled by INTO or a FOR over a query (a row datum's fields). */
bool xlat_plload_targets(struct xlat_plloader *l, const struct xlat_json *t,
			 struct xlat_pl_stmt *st)
{
	const char *kind;
	const struct xlat_json *b = xlat_plload_node(t, &kind);
	const struct xlat_json *fields = xlat_json_get(b, "fields");
	if (strcmp(kind, "PLpgSQL_row") != 0 || !fields || fields->type != XJ_ARRAY)
		return xlat_plload_unsupported(l, "this INTO or FOR target");
	int *v = arena_zalloc(l->c->a, (fields->n ? fields->n : 1) * sizeof(int));
	const char **names = arena_zalloc(l->c->a, (fields->n ? fields->n : 1) * sizeof(char *));
	for (size_t i = 0; i < fields->n; i++) {
		v[i] = xlat_json_int(&fields->items[i], "varno", 0); /* a 0 is left out */
		const char *k = "";
		const struct xlat_json *d = v[i] >= 0 && (size_t)v[i] < l->datums->n
						    ? xlat_plload_node(&l->datums->items[v[i]], &k)
						    : NULL;
		if (d && strcmp(k, "PLpgSQL_recfield") == 0) { /* INTO NEW.x: a record's field */
			v[i] = xlat_json_int(d, "recparentno", -1);
			names[i] = xlat_json_str(d, "fieldname");
			st->target_fields = names;
			if (v[i] < 0 || (size_t)v[i] >= l->nvars || !l->vars[v[i]].name ||
			    l->vars[v[i]].type || !names[i])
				return xlat_plload_unsupported(l, "this INTO or FOR target");
			continue;
		}
		if (v[i] < 0 || (size_t)v[i] >= l->nvars || !l->vars[v[i]].name)
			return xlat_plload_unsupported(l, "this INTO or FOR target");
		if (!l->vars[v[i]].type && fields->n > 1)
			return xlat_plload_unsupported(l, "a record among several INTO targets");
	}
	st->targets = v;
	st->ntargets = fields->n;
	return true;
}

bool xlat_plload_exprs(struct xlat_plloader *l, const struct xlat_json *arr,
		       const struct xlat_pl_expr *const **out, size_t *n)
{
	size_t k = arr && arr->type == XJ_ARRAY ? arr->n : 0;
	const struct xlat_pl_expr **v = arena_zalloc(l->c->a, (k ? k : 1) * sizeof(*v));
	for (size_t i = 0; i < k; i++)
		if (!(v[i] = xlat_plload_expr(l, &arr->items[i])))
			return false;
	*out = v;
	*n = k;
	return true;
}

/* A condition name or SQLSTATE of EXCEPTION WHEN or RAISE: its SQLSTATEs. */
size_t xlat_plload_condition(struct xlat_plloader *l, const char *name, const char **codes,
			     size_t max)
{
	size_t n = xlat_plerr_lookup(name, codes, max);
	if (n)
		return n;
	if (strlen(name) == 5 && strspn(name, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 5) {
		codes[0] = name;
		return 1;
	}
	pgerr_set(l->c->err, SQLSTATE_UNDEFINED_OBJECT, "unrecognized exception condition \"%s\"",
		  name);
	return 0;
}

static bool load_handler(struct xlat_plloader *l, const struct xlat_json *h,
			 struct xlat_pl_handler *out)
{
	const struct xlat_json *e = xlat_json_get(h, "PLpgSQL_exception");
	const struct xlat_json *conds = xlat_json_get(e, "conditions");
	size_t n = conds && conds->type == XJ_ARRAY ? conds->n : 0;
	const char **codes = arena_zalloc(l->c->a, (2 * n + 1) * sizeof(*codes));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = xlat_json_str(
			xlat_json_get(&conds->items[i], "PLpgSQL_condition"), "condname");
		if (name && strcmp(name, "others") == 0) {
			out->others = true;
			continue;
		}
		size_t got = name ? xlat_plload_condition(l, name, codes + k, 2) : 0;
		if (!got)
			return false;
		k += got;
	}
	out->codes = codes;
	out->ncodes = k;
	return xlat_plload_list(l, xlat_json_get(e, "action"), &out->body);
}

/* A block: its declarations (in scope for its body and handlers), body, handlers. */
bool xlat_plload_block(struct xlat_plloader *l, const struct xlat_json *b, struct xlat_pl_stmt *st,
		       bool synthetic)
{
	size_t mark = l->nscope;
	xlat_plload_push(l, st->label, -1);
	size_t k = 0;
	if (!synthetic) {
		if (l->next_block >= l->nblocks)
			return xlat_plload_unsupported(l, "this block structure");
		k = (size_t)l->block_decls[l->next_block++];
	}
	int *decls = arena_zalloc(l->c->a, (k ? k : 1) * sizeof(int));
	for (size_t i = 0; i < k; i++) {
		if ((decls[i] = xlat_plload_claim(l, NULL)) < 0)
			return xlat_plload_unsupported(l, "this DECLARE section");
		struct xlat_pl_var *v = &l->vars[decls[i]];
		if (!xlat_plrec_decl(l, v))
			return false;
		const char *kind;
		const char *init = xlat_plload_text(xlat_json_get(
			xlat_plload_node(&l->datums->items[decls[i]], &kind), "default_val"));
		if (init &&
		    !(v->init = xlat_plload_sql(l, arena_printf(l->c->a, "SELECT %s", init))))
			return false;
		if (v->cursor && !xlat_plload_cursor_decl(l, v, &l->datums->items[decls[i]]))
			return false;
		xlat_plload_push(l, v->name, decls[i]);
	}
	st->decls = decls;
	st->ndecls = k;
	if (!xlat_plload_list(l, xlat_json_get(b, "body"), &st->body))
		return false;
	const struct xlat_json *ex =
		xlat_json_get(xlat_json_get(b, "exceptions"), "PLpgSQL_exception_block");
	const struct xlat_json *list = xlat_json_get(ex, "exc_list");
	if (list && list->type == XJ_ARRAY && list->n) {
		st->sqlstate_var = xlat_plload_claim(l, "sqlstate");
		st->sqlerrm_var = xlat_plload_claim(l, "sqlerrm");
		if (st->sqlstate_var < 0 || st->sqlerrm_var < 0)
			return xlat_plload_unsupported(l, "this EXCEPTION section");
		xlat_plload_push(l, "sqlstate", st->sqlstate_var);
		xlat_plload_push(l, "sqlerrm", st->sqlerrm_var);
		struct xlat_pl_handler *h = arena_zalloc(l->c->a, list->n * sizeof(*h));
		for (size_t i = 0; i < list->n; i++)
			if (!load_handler(l, &list->items[i], &h[i]))
				return false;
		st->handlers = h;
		st->nhandlers = list->n;
	}
	l->nscope = mark;
	return true;
}

/* var := expr: PostgreSQL 15 keeps "target := expr" as the expression's text. */
/* ---- the DO statement ---- */

static size_t count_blocks(const struct xlat_json *v)
{
	size_t n = 0;
	for (size_t i = 0; v && (v->type == XJ_OBJECT || v->type == XJ_ARRAY) && i < v->n; i++) {
		const struct xlat_json *it = &v->items[i];
		n += it->key && strcmp(it->key, "PLpgSQL_stmt_block") == 0;
		n += count_blocks(it);
	}
	return n;
}

void xlat_plload_args(struct xlat_plloader *l)
{
	for (size_t i = 0; i < l->nargs; i++) {
		const char *name = l->vars[i].name;
		int n = l->in_number ? l->in_number[i] : (int)i + 1;
		if (n)
			xlat_plload_push(l, arena_printf(l->c->a, "$%d", n), (int)i);
		/* a LANGUAGE sql body sees its input parameters only, as PostgreSQL's
		 * (get_func_input_arg_names): `id` of OUT id is the column */
		if (name && name[0] != '$' && (n || !l->in_number))
			xlat_plload_push(l, name, (int)i);
	}
	l->next_datum = l->nargs + 1;
	xlat_plload_push(l, "found", (int)l->nargs);
}

/* A trigger function's NEW and OLD (records after FOUND) and its TG_ variables, which
 * libpg_query leaves out of the datums: added after them. */
static void trigger_vars(struct xlat_plloader *l, struct xlat_pl_func *f, int new_var,
			 int old_var)
{
	static const char *const names[XLAT_TG_COUNT][2] = {
		{"tg_op", "text"},      {"tg_name", "name"},       {"tg_when", "text"},
		{"tg_level", "text"},   {"tg_table_name", "name"}, {"tg_table_schema", "name"},
		{"tg_relname", "name"}, {"tg_nargs", "integer"},   {"tg_argv", "text[]"},
		{"tg_relid", "oid"}};
	struct xlat_pl_var *v = arena_zalloc(l->c->a, (l->nvars + XLAT_TG_COUNT) * sizeof(*v));
	memcpy(v, l->vars, l->nvars * sizeof(*v));
	f->trigger = true;
	f->new_var = new_var;
	f->old_var = old_var;
	f->tg_var = (int)l->nvars;
	for (int i = 0; i < XLAT_TG_COUNT; i++) {
		v[l->nvars + (size_t)i] = (struct xlat_pl_var){.name = names[i][0],
								.type = names[i][1]};
		xlat_plload_push(l, names[i][0], f->tg_var + i);
	}
	l->vars = v;
	l->nvars += XLAT_TG_COUNT;
	xlat_plload_push(l, "new", new_var);
	xlat_plload_push(l, "old", old_var);
	l->next_datum = (size_t)(old_var > new_var ? old_var : new_var) + 1;
}

/* The function the JSON describes into *f. */
static bool load_func(struct xlat_plloader *l, const char *body, const char *json,
		      struct xlat_pl_func *f)
{
	struct xlat_ctx *c = l->c;
	const struct xlat_json *root = xlat_json_parse(c->a, json);
	const struct xlat_json *fn = root && root->type == XJ_ARRAY && root->n == 1
					     ? xlat_json_get(&root->items[0], "PLpgSQL_function")
					     : NULL;
	const struct xlat_json *action =
		xlat_json_get(xlat_json_get(fn, "action"), "PLpgSQL_stmt_block");
	l->datums = xlat_json_get(fn, "datums");
	if (!action || !l->datums || l->datums->type != XJ_ARRAY || l->datums->n <= l->nargs)
		return pgerr_set(c->err, SQLSTATE_INTERNAL_ERROR, "unexpected PL/pgSQL parse tree");
	if (!xlat_json_get(fn, "new_varno") != !l->trigger)
		return pgerr_set(c->err, SQLSTATE_INTERNAL_ERROR, "unexpected PL/pgSQL parse tree");
	if (!count_decls(l, body) || !load_vars(l))
		return false;
	xlat_plload_push(l, l->fn_label, -1); /* f.param, as PostgreSQL's outermost label */
	xlat_plload_args(l);
	if (l->trigger)
		trigger_vars(l, f, xlat_json_int(fn, "new_varno", 1),
			     xlat_json_int(fn, "old_varno", 2));
	l->synthetic_top = count_blocks(fn) == l->nblocks + 1;
	f->top.kind = XLAT_PL_BLOCK;
	f->top.label = xlat_json_str(action, "label");
	f->top.line = xlat_json_int(action, "lineno", 0);
	if (!xlat_plload_block(l, action, &f->top, l->synthetic_top))
		return false;
	/* Every block's BEGIN and every declaration matched: else the scan above misread the
	 * body, and names must not be resolved on a guess. */
	while (l->next_datum < l->datums->n && skipped(l, l->next_datum))
		l->next_datum++;
	if (l->next_datum != l->datums->n || l->next_block != l->nblocks)
		return xlat_plload_unsupported(l, "this arrangement of declarations");
	f->vars = l->vars;
	f->nvars = l->nvars;
	f->nargs = l->nargs;
	f->found_var = (int)l->nargs;
	f->result_var = -1;
	return true;
}

/* A dollar-quote tag the body does not contain. */
static const char *quote_tag(struct xlat_ctx *c, const char *body)
{
	const char *tag = "$shardlite_do$";
	for (int i = 1; strstr(body, tag); i++)
		tag = arena_printf(c->a, "$shardlite_do%d$", i);
	return tag;
}

/* The head of the CREATE FUNCTION libpg_query's PL/pgSQL parser expects around a function's
 * body: its arguments named (an unnamed one "$n"), so that each is a datum. The result type
 * only matters as void or not. */
static const char *wrapper(struct xlat_ctx *c, const struct xlat_udf *u, const char *tag)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "CREATE FUNCTION f(");
	for (size_t i = 0; i < u->nargs; i++) {
		strbuf_puts(&sb, i ? ", " : "");
		if (u->argnames[i][0])
			strbuf_put_quoted(&sb, u->argnames[i], '"');
		else
			strbuf_printf(&sb, "\"$%zu\"", i + 1);
		strbuf_printf(&sb, " %s", u->argdecls[i]);
	}
	strbuf_printf(&sb, ") RETURNS %s LANGUAGE plpgsql AS ",
		      u->retset				? "SETOF integer"
		      : u->rettype == PGTYPE_VOID		? "void"
		      : u->rettype == XLAT_OID_TRIGGER ? "trigger"
							: "integer");
	const char *head = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return arena_printf(c->a, "%s%s", head, tag);
}

/* The SQLSTATE of a PL/pgSQL compile error (libpg_query gives only its message): the ones that
 * are not syntax errors by their messages. */
static const char *compile_state(const char *msg)
{
	if (strstr(msg, "unrecognized exception condition"))
		return SQLSTATE_UNDEFINED_OBJECT;
	if (strstr(msg, "is declared CONSTANT"))
		return "22005"; /* error_in_assignment */
	if (strstr(msg, "cannot use RETURN NEXT in a non-SETOF function") ||
	    strstr(msg, "cannot use RETURN QUERY in a non-SETOF function"))
		return SQLSTATE_DATATYPE_MISMATCH; /* pl_gram.y's make_return_next/query_stmt */
	return SQLSTATE_SYNTAX_ERROR;
}

bool xlat_plload_parse(struct xlat_plloader *l, const struct xlat_udf *u, const char *body,
		       struct xlat_pl_func *f)
{
	struct xlat_ctx *c = l->c;
	const char *dot = u ? strchr(u->name, '.') : NULL; /* a schema's name has no dot */
	l->fn_label = u ? (dot ? dot + 1 : u->name) : NULL;
	/* names are resolved as use_variable resolves them; a column would be read instead */
	const char *vc = strcasestr(body, "#variable_conflict");
	if (vc && strncasecmp(vc + 18 + strspn(vc + 18, " \t"), "use_column", 10) == 0)
		return xlat_plload_unsupported(l, "#variable_conflict use_column");
	body = xlat_plpre_body(l, body);
	const char *tag = quote_tag(c, body);
	const char *fn = u ? arena_printf(c->a, "%s%s%s", wrapper(c, u, tag), body, tag)
			   : arena_printf(c->a,
					  "CREATE FUNCTION inline_code_block() RETURNS void LANGUAGE "
					  "plpgsql AS %s%s%s",
					  tag, body, tag);
	PgQueryPlpgsqlParseResult r = pg_query_parse_plpgsql(fn);
	bool ok;
	if (r.error) {
		const char *msg = r.error->message ? r.error->message : "syntax error";
		ok = pgerr_set(c->err, compile_state(msg), "%s", msg);
		if (r.error->context)
			snprintf(c->err->context, sizeof(c->err->context), "%s", r.error->context);
		const char *wrapped = "compilation of PL/pgSQL function \"f\"";
		if (u && r.error->context && strncmp(r.error->context, wrapped, strlen(wrapped)) == 0)
			snprintf(c->err->context, sizeof(c->err->context),
				 "compilation of PL/pgSQL function \"%s\"%s", u->name,
				 r.error->context + strlen(wrapped));
	} else {
		ok = load_func(l, body, r.plpgsql_funcs ? r.plpgsql_funcs : "", f);
	}
	pg_query_free_plpgsql_parse_result(r);
	return ok;
}

bool xlat_stmt_do(struct xlat_ctx *c, const PgQuery__DoStmt *d)
{
	const char *body = NULL, *lang = "plpgsql";
	for (size_t i = 0; i < d->n_args; i++) {
		const PgQuery__Node *n = d->args[i];
		if (n->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
			continue;
		const char *v = xlat_node_str(n->def_elem->arg);
		if (strcmp(n->def_elem->defname, "as") == 0)
			body = v;
		else if (strcmp(n->def_elem->defname, "language") == 0 && v)
			lang = v;
	}
	if (strcmp(lang, "plpgsql") != 0) {
		if (strcmp(lang, "sql") == 0 || strcmp(lang, "c") == 0 ||
		    strcmp(lang, "internal") == 0)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					 "language \"%s\" does not support inline code execution",
					 lang);
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1, "language \"%s\" does not exist",
				 lang);
	}
	if (!body)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1, "no inline code specified");
	struct xlat_pl_func *f = arena_zalloc(c->a, sizeof(*f));
	struct xlat_plloader *l = arena_zalloc(c->a, sizeof(*l));
	l->c = c;
	l->returns_void = true;
	if (!xlat_plload_parse(l, NULL, body, f))
		return false;
	f->name = "inline_code_block";
	c->st->kind = XLAT_DO;
	c->st->tag = "DO";
	c->st->is_ddl = true; /* whatever it runs, later statements read the schema again */
	c->st->plpgsql = f;
	return true;
}
