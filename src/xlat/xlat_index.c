/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_index.c: CREATE INDEX ... USING gin/gist/brin/spgist/hash, operator classes and NULLS
 * FIRST/LAST. The index is a SQLite b-tree whatever the method (an index never changes a
 * query's result); its stored SQL carries the method, classes and NULLS orders
 * (XLAT_INDEX_AM_MARK) for the catalog, and
 * shardlite_index_check (catalog_index.c) makes PostgreSQL's checks before it is made. */
#include "xlat_int.h"

#include <stdlib.h>
#include <string.h>

/* The mark catalog.h's CATALOG_INDEX_AM_MARK reads: "/" "* shardlite: USING " ... */
#define XLAT_INDEX_AM_MARK "/* shardlite: USING "

/* An operator class name as PostgreSQL's NameListToString writes it ("pg_catalog.x"). */
static const char *opclass_text(struct xlat_ctx *c, const PgQuery__IndexElem *ie)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < ie->n_opclass; i++) {
		const char *w = xlat_node_str(ie->opclass[i]);
		strbuf_printf(&sb, "%s%s", i ? "." : "", w ? w : "");
	}
	char *r = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return r;
}

const char *xlat_option_value(struct xlat_ctx *c, const PgQuery__Node *arg)
{
	if (!arg)
		return "true";
	switch (arg->node_case) {
	case PG_QUERY__NODE__NODE_STRING:
		return arg->string->sval;
	case PG_QUERY__NODE__NODE_INTEGER:
		return arena_printf(c->a, "%d", (int)arg->integer->ival);
	case PG_QUERY__NODE__NODE_FLOAT:
		return arg->float_->fval;
	case PG_QUERY__NODE__NODE_BOOLEAN:
		return arg->boolean->boolval ? "true" : "false";
	case PG_QUERY__NODE__NODE_TYPE_NAME: {
		const PgQuery__TypeName *t = arg->type_name;
		return t->n_names ? xlat_node_str(t->names[t->n_names - 1]) : "";
	}
	default:
		return "";
	}
}

/* WITH (...)'s storage parameters as "name=value" lines ("ns.name=value" with a namespace),
 * for shardlite_index_check. */
static const char *options_text(struct xlat_ctx *c, const PgQuery__IndexStmt *s)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < s->n_options; i++) {
		const PgQuery__DefElem *d = s->options[i]->node_case ==
							    PG_QUERY__NODE__NODE_DEF_ELEM
						    ? s->options[i]->def_elem
						    : NULL;
		if (!d)
			continue;
		const char *v = xlat_option_value(c, d->arg);
		strbuf_printf(&sb, "%s%s%s%s=%s", sb.len ? "\n" : "",
			      d->defnamespace && *d->defnamespace ? d->defnamespace : "",
			      d->defnamespace && *d->defnamespace ? "." : "", d->defname,
			      v ? v : "");
	}
	char *r = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return r;
}

/* An operator class's options, "col gist_trgm_ops(siglen = n)": pg_trgm's GiST class takes
 * siglen (1 .. 2024, PostgreSQL's errors); no other class here takes any. *siglen: n. */
static bool opclass_options(struct xlat_ctx *c, const PgQuery__IndexElem *ie, int *siglen)
{
	*siglen = 0;
	const char *opc = ie->n_opclass ? xlat_node_str(ie->opclass[ie->n_opclass - 1]) : NULL;
	for (size_t i = 0; i < ie->n_opclassopts; i++) {
		const PgQuery__Node *o = ie->opclassopts[i];
		const PgQuery__DefElem *d =
			o->node_case == PG_QUERY__NODE__NODE_DEF_ELEM ? o->def_elem : NULL;
		if (!d || !opc || strcmp(opc, "gist_trgm_ops") != 0)
			return xlat_unsupported(c, -1, "operator class options");
		if (strcmp(d->defname, "siglen") != 0)
			return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
					 "unrecognized parameter \"%s\"", d->defname);
		const char *v = xlat_option_value(c, d->arg);
		char *end = NULL;
		long n = v ? strtol(v, &end, 10) : 0;
		if (!v || end == v || *end)
			return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
					 "invalid value for integer option \"siglen\": %s",
					 v ? v : "");
		if (n < 1 || n > 2024) {
			xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
				  "value %s out of bounds for option \"siglen\"", v);
			pgerr_detail(c->err, "Valid values are between \"1\" and \"2024\".");
			return false;
		}
		*siglen = (int)n;
	}
	return true;
}

static bool plain_btree(const PgQuery__IndexStmt *s)
{
	const char *am = s->access_method;
	if ((am && *am && strcmp(am, "btree") != 0) || s->n_options || s->n_index_including_params)
		return false;
	for (size_t i = 0; i < s->n_index_params; i++) {
		const PgQuery__IndexElem *ie = s->index_params[i]->index_elem;
		if (ie->n_opclass || ie->n_opclassopts ||
		    ie->nulls_ordering != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_DEFAULT)
			return false;
	}
	return true;
}

/* "SELECT shardlite_index_check(...); " for s, key types as translated. */
static void check_call(struct xlat_ctx *c, const PgQuery__IndexStmt *s, const uint32_t *types)
{
	xlat_puts(c, "SELECT shardlite_index_check(");
	xlat_string(c, s->relation->relname);
	xlat_puts(c, ", ");
	xlat_string(c, s->access_method && *s->access_method ? s->access_method : "btree");
	xlat_printf(c, ", %d, %d, ", s->unique ? 1 : 0, s->n_index_including_params ? 1 : 0);
	xlat_string(c, options_text(c, s));
	for (size_t i = 0; i < s->n_index_params; i++) {
		const PgQuery__IndexElem *ie = s->index_params[i]->index_elem;
		xlat_puts(c, ", ");
		if (ie->name && *ie->name)
			xlat_string(c, ie->name);
		else
			xlat_puts(c, "NULL");
		xlat_printf(c, ", %u, ", ie->name && *ie->name ? 0u : types[i]);
		xlat_string(c, opclass_text(c, ie));
		int ord = ie->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_ASC    ? 1
			  : ie->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC ? 2
									       : 0;
		bool nulls = ie->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST ||
			     ie->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST;
		xlat_printf(c, ", %d, %d", ord, nulls ? 1 : 0);
	}
	xlat_puts(c, "); ");
}

/* A name written into the mark: the built-in methods' and classes' names are plain words;
 * any other (which shardlite_index_check refuses before the index is made) is written as
 * "?", so that no text of the statement can end the comment. */
static void mark_word(struct xlat_ctx *c, const char *w)
{
	bool plain = w && *w;
	for (const char *p = w; plain && *p; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
	xlat_puts(c, plain ? w : "?");
}

/* " NULLS (l, , f)": each key's NULLS LAST or FIRST as written (none: its direction's
 * default). SQLite orders NULLs lowest whatever the index says; the catalog shows it. */
static void nulls_mark(struct xlat_ctx *c, const PgQuery__IndexStmt *s)
{
	bool any = false;
	for (size_t i = 0; i < s->n_index_params; i++)
		any |= s->index_params[i]->index_elem->nulls_ordering !=
		       PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_DEFAULT;
	if (!any)
		return;
	xlat_puts(c, " NULLS (");
	for (size_t i = 0; i < s->n_index_params; i++) {
		PgQuery__SortByNulls n = s->index_params[i]->index_elem->nulls_ordering;
		xlat_puts(c, i ? ", " : "");
		xlat_puts(c, n == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST  ? "f"
			     : n == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST ? "l"
										: "");
	}
	xlat_puts(c, ")");
}

/* " / * shardlite: USING gin (jsonb_path_ops) NULLS (l) INCLUDE 1 WITH (a=b) * / ": the
 * method, each key's class and NULLS order, how many included columns follow the keys, the
 * storage parameters. */
static void am_mark(struct xlat_ctx *c, const PgQuery__IndexStmt *s)
{
	xlat_puts(c, " " XLAT_INDEX_AM_MARK);
	mark_word(c, s->access_method && *s->access_method ? s->access_method : "btree");
	bool any = false;
	for (size_t i = 0; i < s->n_index_params; i++)
		any |= s->index_params[i]->index_elem->n_opclass > 0;
	if (any) {
		xlat_puts(c, " (");
		for (size_t i = 0; i < s->n_index_params; i++) {
			const PgQuery__IndexElem *ie = s->index_params[i]->index_elem;
			int siglen = 0;
			xlat_puts(c, i ? ", " : "");
			if (ie->n_opclass)
				mark_word(c, xlat_node_str(ie->opclass[ie->n_opclass - 1]));
			if (opclass_options(c, ie, &siglen) && siglen) /* checked before */
				xlat_printf(c, " siglen %d", siglen);
		}
		xlat_puts(c, ")");
	}
	nulls_mark(c, s);
	if (s->n_index_including_params) /* the SQLite index's last columns */
		xlat_printf(c, " INCLUDE %zu", s->n_index_including_params);
	if (s->n_options) { /* as pg_class.reloptions keeps them (checked: plain words) */
		xlat_puts(c, " WITH (");
		const char *opts = options_text(c, s);
		for (const char *p = opts; *p; p++) {
			bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				     (*p >= '0' && *p <= '9') || *p == '_' || *p == '=' ||
				     *p == '.' || *p == '-' || *p == '+';
			xlat_puts(c, *p == '\n' ? ", " : plain ? (char[]){*p, '\0'} : "?");
		}
		xlat_puts(c, ")");
	}
	xlat_puts(c, " */");
}

bool xlat_index_am(struct xlat_ctx *c, const PgQuery__IndexStmt *s, size_t start,
		   const uint32_t *types, size_t *name_at, size_t name_len)
{
	if (plain_btree(s)) /* xid's only operator class is hash's */
		return xlat_xid_index_check(c, s, types);
	size_t split = *name_at + name_len;
	if (!c->sb->data || split > c->sb->len || *name_at < start)
		return xlat_unsupported(c, -1, "this CREATE INDEX");
	const char *head = arena_strndup(c->a, c->sb->data + start, split - start);
	const char *tail = arena_strdup(c->a, c->sb->data + split);
	c->sb->len = start;
	c->sb->data[start] = '\0';
	for (size_t i = 0; i < s->n_index_params; i++) {
		int siglen;
		if (!opclass_options(c, s->index_params[i]->index_elem, &siglen))
			return false;
	}
	check_call(c, s, types);
	*name_at += c->sb->len - start;
	xlat_puts(c, head);
	am_mark(c, s);
	xlat_puts(c, tail);
	c->st->kind = XLAT_SCRIPT;
	xlat_nocache(c);
	return true;
}
