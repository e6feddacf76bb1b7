/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_localnsp.c: the tenant's own schemas (CREATE SCHEMA inside a tenant). An object t of
 * local schema s is the SQLite object "s.t" in the tenant's file, so before a statement is
 * translated its names are rewritten in the parse tree: a relation s.t becomes public."s.t"
 * (with the alias t a FROM item needs for t.col), a column reference s.t.col becomes t.col, an
 * index, type or renamed relation of s gets the "s." prefix. Everything downstream then sees
 * plain names of the tenant's file. Also CREATE, DROP, ALTER SCHEMA and COMMENT ON SCHEMA,
 * which the catalog's shardlite_schema() carries out on its sidecar (catalog_nsp.c). */
#include "xlat_int.h"

#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define OBJ(x) PG_QUERY__OBJECT_TYPE__OBJECT_##x

#define SIDECAR_SCHEMAS                                                                            \
	"CREATE TABLE IF NOT EXISTS main._shardlite_schemas (name TEXT PRIMARY KEY, owner TEXT, "  \
	"comment TEXT)"
/* A row of it leaves SQLite's schema alone; this moves schema_version, so that every session
 * reads the schemas again (they decide what s.t means) */
#define SCHEMAS_BUMP                                                                               \
	"; DROP INDEX IF EXISTS main._shardlite_schemas_v; CREATE INDEX main._shardlite_schemas_v " \
	"ON _shardlite_schemas (comment)"

bool xlat_local_schema(const struct xlat_ctx *c, const char *name)
{
	if (!c->env || !name)
		return false;
	for (size_t i = 0; i < c->env->nlocal_schemas; i++)
		if (strcmp(c->env->local_schemas[i], name) == 0)
			return true;
	return false;
}

/* The tree is freed by protobuf-c's default allocator: replaced strings and added nodes are
 * malloc'd like the parser's own. */
static char *dup_joined(const char *schema, const char *name)
{
	size_t a = strlen(schema), b = strlen(name);
	char *s = malloc(a + b + 2);
	if (!s)
		abort();
	memcpy(s, schema, a);
	s[a] = '.';
	memcpy(s + a + 1, name, b + 1);
	return s;
}

static char *dup_str(const char *s)
{
	char *d = strdup(s);
	if (!d)
		abort();
	return d;
}

static void set_str(char **field, char *value)
{
	if (*field != protobuf_c_empty_string) /* an unset string is protobuf-c's static "" */
		free(*field);
	*field = value;
}

static bool local_rv(const struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	return rv && rv->schemaname && *rv->schemaname &&
	       (!rv->catalogname || !*rv->catalogname) && xlat_local_schema(c, rv->schemaname);
}

/* A FROM item s.t without an alias keeps its PostgreSQL reference name t. */
struct walk;
static void resolve(struct walk *w, PgQuery__RangeVar *rv, bool create);

static void alias_from(struct walk *w, const struct xlat_ctx *c, PgQuery__Node *n)
{
	if (!n)
		return;
	if (n->node_case == NODE(JOIN_EXPR)) {
		alias_from(w, c, n->join_expr->larg);
		alias_from(w, c, n->join_expr->rarg);
		return;
	}
	if (n->node_case != NODE(RANGE_VAR))
		return;
	PgQuery__RangeVar *rv = n->range_var;
	resolve(w, rv, false);
	if (!local_rv(c, rv) || rv->alias)
		return;
	PgQuery__Alias *al = malloc(sizeof(*al));
	if (!al)
		abort();
	pg_query__alias__init(al);
	al->aliasname = dup_str(rv->relname);
	rv->alias = al;
}

static void alias_rv(struct walk *w, const struct xlat_ctx *c, PgQuery__RangeVar *rv)
{
	PgQuery__Node n = PG_QUERY__NODE__INIT;
	n.node_case = NODE(RANGE_VAR);
	n.range_var = rv;
	alias_from(w, c, &n);
}

/* A name list [s, t] of local schema s becomes ["s.t"]. */
static void collapse(const struct xlat_ctx *c, PgQuery__Node ***items, size_t *n)
{
	if (*n != 2 || (*items)[0]->node_case != NODE(STRING) ||
	    (*items)[1]->node_case != NODE(STRING) ||
	    !xlat_local_schema(c, (*items)[0]->string->sval))
		return;
	PgQuery__String *s = (*items)[0]->string, *t = (*items)[1]->string;
	set_str(&t->sval, dup_joined(s->sval, t->sval));
	protobuf_c_message_free_unpacked(&(*items)[0]->base, NULL);
	(*items)[0] = (*items)[1];
	*n = 1;
}

static void collapse_list(const struct xlat_ctx *c, PgQuery__Node *n)
{
	if (n && n->node_case == NODE(LIST))
		collapse(c, &n->list->items, &n->list->n_items);
	else if (n && n->node_case == NODE(TYPE_NAME))
		collapse(c, &n->type_name->names, &n->type_name->n_names);
}

/* A name list [s, t, x] of an object x of relation s.t (a column, a trigger, a policy, a
 * constraint) becomes ["s.t", x]. */
static void collapse_head(const struct xlat_ctx *c, PgQuery__Node *n)
{
	if (!n || n->node_case != NODE(LIST) || n->list->n_items != 3)
		return;
	size_t two = 2;
	collapse(c, &n->list->items, &two);
	if (two == 1) { /* collapse joined the first two: keep the last */
		n->list->items[1] = n->list->items[2];
		n->list->n_items = 2;
	}
}

static bool relation_kind(PgQuery__ObjectType t)
{
	return t == OBJ(TABLE) || t == OBJ(VIEW) || t == OBJ(INDEX) || t == OBJ(SEQUENCE) ||
	       t == OBJ(MATVIEW) || t == OBJ(FOREIGN_TABLE);
}

static bool rewrite(void *arg, const ProtobufCMessage *cm);

/* The walk: the statement's WITH query names, which unqualified names may mean instead. */
struct walk {
	struct xlat_ctx *c;
	const char *ctes[32];
	size_t nctes;
};

static void note_ctes(struct walk *w, const PgQuery__WithClause *with)
{
	for (size_t i = 0; with && i < with->n_ctes; i++) {
		const PgQuery__Node *n = with->ctes[i];
		if (n->node_case == NODE(COMMON_TABLE_EXPR) && w->nctes < ARRAY_LEN(w->ctes))
			w->ctes[w->nctes++] = n->common_table_expr->ctename;
	}
}

/* Whether relation name is one of the tenant's: a table, view or sequence. */
static bool exists(struct xlat_ctx *c, const char *name)
{
	const struct xlat_schema_col *cols;
	size_t n;
	const struct xlat_schema *sc = c->env->schema;
	return sc && ((sc->table_fn && sc->table_fn(sc->arg, name, c->a, &cols, &n)) ||
		      (sc->sequence_fn && sc->sequence_fn(sc->arg, name)));
}

static bool is_cte(const struct walk *w, const char *name)
{
	for (size_t i = 0; i < w->nctes; i++)
		if (strcmp(w->ctes[i], name) == 0)
			return true;
	return false;
}

/* An unqualified name of one of the session's temporary relations, under a search_path that
 * names pg_temp after other elements: the first of those holding name ("" public), which
 * PostgreSQL finds before pg_temp's; NULL when none does (the temporary one). */
static const char *temp_late(struct walk *w, const char *name)
{
	struct xlat_ctx *c = w->c;
	const struct xlat_env *env = c->env;
	if (!env->ntemp_after || !name || !env->temp_rel_fn || is_cte(w, name) ||
	    xlat_catalog_is_relation(name) || !env->temp_rel_fn(env->session_arg, name))
		return NULL;
	for (size_t i = 0; i < env->ntemp_after; i++) {
		const char *s = env->temp_after[i];
		if (*s ? exists(c, arena_printf(c->a, "%s.%s", s, name))
		       : env->file_rel_fn && env->file_rel_fn(env->session_arg, name))
			return s;
	}
	return NULL;
}

/* The search_path element an unqualified name means: the first holding it (create: the first
 * element); NULL for public (or when nothing is known), else the local schema. */
static const char *search_local(struct walk *w, const char *name, bool create)
{
	struct xlat_ctx *c = w->c;
	const struct xlat_env *env = c->env;
	if (!env->nsearch_local || !name)
		return NULL;
	if (create)
		return *env->search_local[0] ? env->search_local[0] : NULL;
	if (is_cte(w, name))
		return NULL;
	if (xlat_catalog_is_relation(name) || !env->schema)
		return NULL; /* pg_catalog comes first */
	if (env->temp_tables && env->temp_rel_fn && env->temp_rel_fn(env->session_arg, name)) {
		const char *e = temp_late(w, name); /* pg_temp where search_path names it */
		return e && *e ? e : NULL;
	}
	for (size_t i = 0; i < env->nsearch_local; i++) {
		const char *s = env->search_local[i];
		if (*s ? exists(c, arena_printf(c->a, "%s.%s", s, name)) : exists(c, name))
			return *s ? s : NULL;
	}
	return NULL;
}

/* An unqualified relation found in (or, create, made in) a local schema gets its name; one
 * that search_path finds before pg_temp's of its name gets public; one made while pg_temp
 * is search_path's first element is temporary. */
static void resolve(struct walk *w, PgQuery__RangeVar *rv, bool create)
{
	if (!rv || (rv->schemaname && *rv->schemaname) || (rv->catalogname && *rv->catalogname) ||
	    (rv->relpersistence && *rv->relpersistence == 't'))
		return;
	if (create && w->c->env->temp_first) {
		set_str(&rv->relpersistence, dup_str("t"));
		return;
	}
	const char *s = search_local(w, rv->relname, create);
	if (!s && !create && temp_late(w, rv->relname))
		s = "public";
	if (s)
		set_str(&rv->schemaname, dup_str(s));
}

static PgQuery__Node *string_node(const char *v)
{
	PgQuery__Node *n = malloc(sizeof(*n));
	PgQuery__String *str = malloc(sizeof(*str));
	if (!n || !str)
		abort();
	pg_query__node__init(n);
	pg_query__string__init(str);
	str->sval = dup_str(v);
	n->node_case = NODE(STRING);
	n->string = str;
	return n;
}

/* A list whose first name is an unqualified relation of len names ([t] of DROP TABLE t,
 * [t, c] of COMMENT ON COLUMN t.c) found in a local schema: ["s.t", ...]; found in public
 * before pg_temp's t: ["public", t, ...]. */
static void resolve_head(struct walk *w, PgQuery__Node *n, size_t len)
{
	if (!n || n->node_case != NODE(LIST) || n->list->n_items != len ||
	    n->list->items[0]->node_case != NODE(STRING))
		return;
	PgQuery__String *t = n->list->items[0]->string;
	const char *s = len == 1 ? search_local(w, t->sval, false) : NULL;
	if (s) {
		set_str(&t->sval, dup_joined(s, t->sval));
	} else if (temp_late(w, t->sval)) {
		PgQuery__List *l = n->list;
		PgQuery__Node **items = malloc((len + 1) * sizeof(*items));
		if (!items)
			abort();
		items[0] = string_node("public");
		memcpy(items + 1, l->items, len * sizeof(*items));
		free(l->items);
		l->items = items;
		l->n_items = len + 1;
	}
}

static void resolve_list(struct walk *w, PgQuery__Node *n) { resolve_head(w, n, 1); }

/* Whether the tenant has a function stored under name. */
static bool udf_named(const struct xlat_ctx *c, const char *name)
{
	const struct xlat_schema *sc = c->env->schema;
	for (size_t i = 0; sc && i < sc->nudfs; i++)
		if (!sc->udfs[i].temp && strcmp(sc->udfs[i].name, name) == 0)
			return true;
	return false;
}

/* An unqualified function name [f] found through search_path: the first element holding a
 * function f (public's own f, or s's "s.f") decides; ["s.f"] when that is a local schema. */
static void resolve_func(struct walk *w, PgQuery__Node **names, size_t n)
{
	struct xlat_ctx *c = w->c;
	const struct xlat_env *env = c->env;
	if (n != 1 || names[0]->node_case != NODE(STRING) || !env->nsearch_local)
		return;
	PgQuery__String *f = names[0]->string;
	for (size_t i = 0; i < env->nsearch_local; i++) {
		const char *s = env->search_local[i];
		if (!*s) {
			if (udf_named(c, f->sval))
				return;
			continue;
		}
		char *joined = dup_joined(s, f->sval);
		if (udf_named(c, joined)) {
			set_str(&f->sval, joined);
			return;
		}
		free(joined);
	}
}

/* Whether the tenant has an enum, a domain or a composite type (or a relation's row type)
 * stored under name. */
static bool type_named(struct xlat_ctx *c, const char *name)
{
	const struct xlat_schema *sc = c->env->schema;
	for (size_t i = 0; sc && i < sc->nenums; i++)
		if (strcmp(sc->enums[i].name, name) == 0)
			return true;
	for (const struct xlat_domain *d = sc ? sc->domains : NULL; d && d->name; d++)
		if (strcmp(d->name, name) == 0)
			return true;
	return exists(c, name);
}

/* An unqualified type name [x] found through search_path, as resolve_func. */
static void resolve_type(struct walk *w, PgQuery__TypeName *t)
{
	struct xlat_ctx *c = w->c;
	const struct xlat_env *env = c->env;
	if (t->n_names != 1 || t->names[0]->node_case != NODE(STRING) || !env->nsearch_local ||
	    t->pct_type)
		return;
	PgQuery__String *x = t->names[0]->string;
	for (size_t i = 0; i < env->nsearch_local; i++) {
		const char *s = env->search_local[i];
		if (!*s) {
			if (type_named(c, x->sval))
				return;
			continue;
		}
		char *joined = dup_joined(s, x->sval);
		if (type_named(c, joined)) {
			set_str(&x->sval, joined);
			return;
		}
		free(joined);
	}
}

/* An unqualified name [x] a CREATE makes: in the first search_path element (["s.x"]). */
static void create_in_first(struct walk *w, PgQuery__Node **names, size_t n)
{
	if (!w->c->env->nsearch_local)
		return;
	const char *first = w->c->env->search_local[0];
	if (n == 1 && names[0]->node_case == NODE(STRING) && *first)
		set_str(&names[0]->string->sval, dup_joined(first, names[0]->string->sval));
}

/* ALTER FUNCTION f(...) RENAME TO g of a function of local schema s (named s.f, or f found
 * through search_path): it stays in s, as "s.g". Its name is resolved here, before the
 * children's walk (which finds it done). */
static void rename_func(struct walk *w, PgQuery__ObjectWithArgs *o, char **newname)
{
	collapse(w->c, &o->objname, &o->n_objname);
	resolve_func(w, o->objname, o->n_objname);
	const char *f = o->n_objname == 1 ? xlat_node_str(o->objname[0]) : NULL;
	const char *dot = f ? strchr(f, '.') : NULL; /* a schema's name has no dot */
	if (!dot || !dot[1])
		return;
	char *nsp = strndup(f, (size_t)(dot - f));
	if (!nsp)
		abort();
	if (xlat_local_schema(w->c, nsp))
		set_str(newname, dup_joined(nsp, *newname));
	free(nsp);
}

/* Before a statement's children: what it creates goes to the first search_path element;
 * the relation of CREATE INDEX and ALTER ... RENAME is resolved first (their new names
 * follow its schema); WITH names are noted. */
static void resolve_targets(struct walk *w, ProtobufCMessage *m,
			    const ProtobufCMessageDescriptor *d)
{
	if (d == &pg_query__create_stmt__descriptor)
		resolve(w, ((PgQuery__CreateStmt *)m)->relation, true);
	else if (d == &pg_query__view_stmt__descriptor)
		resolve(w, ((PgQuery__ViewStmt *)m)->view, true);
	else if (d == &pg_query__create_seq_stmt__descriptor)
		resolve(w, ((PgQuery__CreateSeqStmt *)m)->sequence, true);
	else if (d == &pg_query__create_table_as_stmt__descriptor &&
		 ((PgQuery__CreateTableAsStmt *)m)->into)
		resolve(w, ((PgQuery__CreateTableAsStmt *)m)->into->rel, true);
	else if (d == &pg_query__index_stmt__descriptor)
		resolve(w, ((PgQuery__IndexStmt *)m)->relation, false);
	else if (d == &pg_query__create_function_stmt__descriptor) {
		PgQuery__CreateFunctionStmt *f = (PgQuery__CreateFunctionStmt *)m;
		create_in_first(w, f->funcname, f->n_funcname);
	} else if (d == &pg_query__create_enum_stmt__descriptor) {
		PgQuery__CreateEnumStmt *e = (PgQuery__CreateEnumStmt *)m;
		create_in_first(w, e->type_name, e->n_type_name);
	} else if (d == &pg_query__create_domain_stmt__descriptor) {
		PgQuery__CreateDomainStmt *e = (PgQuery__CreateDomainStmt *)m;
		create_in_first(w, e->domainname, e->n_domainname);
	} else if (d == &pg_query__composite_type_stmt__descriptor)
		resolve(w, ((PgQuery__CompositeTypeStmt *)m)->typevar, true);
	else if (d == &pg_query__rename_stmt__descriptor)
		resolve(w, ((PgQuery__RenameStmt *)m)->relation, false);
	else if (d == &pg_query__comment_stmt__descriptor &&
		 relation_kind(((PgQuery__CommentStmt *)m)->objtype))
		resolve_list(w, ((PgQuery__CommentStmt *)m)->object);
	else if (d == &pg_query__comment_stmt__descriptor &&
		 ((PgQuery__CommentStmt *)m)->objtype == OBJ(COLUMN))
		resolve_head(w, ((PgQuery__CommentStmt *)m)->object, 2);
	else if (d == &pg_query__select_stmt__descriptor)
		note_ctes(w, ((PgQuery__SelectStmt *)m)->with_clause);
	else if (d == &pg_query__insert_stmt__descriptor)
		note_ctes(w, ((PgQuery__InsertStmt *)m)->with_clause);
	else if (d == &pg_query__update_stmt__descriptor)
		note_ctes(w, ((PgQuery__UpdateStmt *)m)->with_clause);
	else if (d == &pg_query__delete_stmt__descriptor)
		note_ctes(w, ((PgQuery__DeleteStmt *)m)->with_clause);
	else if (d == &pg_query__drop_stmt__descriptor) {
		PgQuery__DropStmt *s = (PgQuery__DropStmt *)m;
		for (size_t i = 0; relation_kind(s->remove_type) && i < s->n_objects; i++)
			resolve_list(w, s->objects[i]);
	}
}

static void node(struct walk *w, ProtobufCMessage *m)
{
	struct xlat_ctx *c = w->c;
	const ProtobufCMessageDescriptor *d = m->descriptor;
	if (c->env->nsearch_local || c->env->ntemp_after || c->env->temp_first)
		resolve_targets(w, m, d);
	if (d == &pg_query__select_stmt__descriptor) {
		PgQuery__SelectStmt *s = (PgQuery__SelectStmt *)m;
		for (size_t i = 0; i < s->n_from_clause; i++)
			alias_from(w, c, s->from_clause[i]);
	} else if (d == &pg_query__update_stmt__descriptor) {
		PgQuery__UpdateStmt *s = (PgQuery__UpdateStmt *)m;
		alias_rv(w, c, s->relation);
		for (size_t i = 0; i < s->n_from_clause; i++)
			alias_from(w, c, s->from_clause[i]);
	} else if (d == &pg_query__insert_stmt__descriptor) {
		/* ON CONFLICT ... SET c = t.c + 1 names the target t */
		alias_rv(w, c, ((PgQuery__InsertStmt *)m)->relation);
	} else if (d == &pg_query__delete_stmt__descriptor) {
		PgQuery__DeleteStmt *s = (PgQuery__DeleteStmt *)m;
		alias_rv(w, c, s->relation);
		for (size_t i = 0; i < s->n_using_clause; i++)
			alias_from(w, c, s->using_clause[i]);
	} else if (d == &pg_query__index_stmt__descriptor) {
		PgQuery__IndexStmt *s = (PgQuery__IndexStmt *)m;
		if (local_rv(c, s->relation) && s->idxname && *s->idxname) /* per schema */
			set_str(&s->idxname, dup_joined(s->relation->schemaname, s->idxname));
	} else if (d == &pg_query__rename_stmt__descriptor) {
		PgQuery__RenameStmt *s = (PgQuery__RenameStmt *)m;
		if (relation_kind(s->rename_type) && local_rv(c, s->relation) && s->newname)
			set_str(&s->newname, dup_joined(s->relation->schemaname, s->newname));
		else if ((s->rename_type == OBJ(FUNCTION) || s->rename_type == OBJ(PROCEDURE) ||
			  s->rename_type == OBJ(ROUTINE)) &&
			 s->object && s->object->node_case == NODE(OBJECT_WITH_ARGS) &&
			 s->object->object_with_args->n_objname == 2 && s->newname &&
			 xlat_local_schema(c, xlat_node_str(s->object->object_with_args->objname[0])))
			set_str(&s->newname, /* ALTER FUNCTION s.f RENAME TO g: "s.g" */
				dup_joined(xlat_node_str(s->object->object_with_args->objname[0]),
					   s->newname));
		else if ((s->rename_type == OBJ(TYPE) || s->rename_type == OBJ(DOMAIN)) &&
			 s->object && s->object->node_case == NODE(LIST) &&
			 s->object->list->n_items == 2 && s->newname &&
			 xlat_local_schema(c, xlat_node_str(s->object->list->items[0])))
			set_str(&s->newname,
				dup_joined(xlat_node_str(s->object->list->items[0]), s->newname));
		else if ((s->rename_type == OBJ(FUNCTION) || s->rename_type == OBJ(PROCEDURE) ||
			  s->rename_type == OBJ(ROUTINE)) &&
			 s->object && s->object->node_case == NODE(OBJECT_WITH_ARGS) && s->newname)
			rename_func(w, s->object->object_with_args, &s->newname);
		collapse_list(c, s->object);
	} else if (d == &pg_query__drop_stmt__descriptor) {
		PgQuery__DropStmt *s = (PgQuery__DropStmt *)m;
		bool on = s->remove_type == OBJ(TRIGGER) || s->remove_type == OBJ(RULE) ||
			  s->remove_type == OBJ(POLICY);
		for (size_t i = 0; s->remove_type != OBJ(SCHEMA) && i < s->n_objects; i++) {
			if (on)
				collapse_head(c, s->objects[i]); /* DROP TRIGGER tr ON s.t */
			else
				collapse_list(c, s->objects[i]);
		}
	} else if (d == &pg_query__type_name__descriptor) {
		PgQuery__TypeName *t = (PgQuery__TypeName *)m;
		collapse(c, &t->names, &t->n_names);
		resolve_type(w, t);
	} else if (d == &pg_query__create_enum_stmt__descriptor) {
		PgQuery__CreateEnumStmt *s = (PgQuery__CreateEnumStmt *)m;
		collapse(c, &s->type_name, &s->n_type_name);
	} else if (d == &pg_query__alter_enum_stmt__descriptor) {
		PgQuery__AlterEnumStmt *s = (PgQuery__AlterEnumStmt *)m;
		collapse(c, &s->type_name, &s->n_type_name);
	} else if (d == &pg_query__range_function__descriptor) {
		/* FROM s.f(...) keeps its reference name f (a scalar result's column name too) */
		PgQuery__RangeFunction *rf = (PgQuery__RangeFunction *)m;
		const PgQuery__Node *item =
			rf->n_functions == 1 && !rf->is_rowsfrom &&
					rf->functions[0]->node_case == NODE(LIST) &&
					rf->functions[0]->list->n_items
				? rf->functions[0]->list->items[0]
				: NULL;
		const PgQuery__FuncCall *f =
			item && item->node_case == NODE(FUNC_CALL) ? item->func_call : NULL;
		if (f && !rf->alias && f->n_funcname == 2 &&
		    xlat_local_schema(c, xlat_node_str(f->funcname[0])) &&
		    xlat_node_str(f->funcname[1])) {
			PgQuery__Alias *al = malloc(sizeof(*al));
			if (!al)
				abort();
			pg_query__alias__init(al);
			al->aliasname = dup_str(xlat_node_str(f->funcname[1]));
			rf->alias = al;
		}
	} else if (d == &pg_query__create_domain_stmt__descriptor) {
		PgQuery__CreateDomainStmt *s = (PgQuery__CreateDomainStmt *)m;
		collapse(c, &s->domainname, &s->n_domainname);
	} else if (d == &pg_query__def_elem__descriptor) {
		/* OWNED BY s.t.col (pg_dump writes it): ["s.t", col] */
		PgQuery__DefElem *de = (PgQuery__DefElem *)m;
		if (de->defname && strcmp(de->defname, "owned_by") == 0)
			collapse_head(c, de->arg);
	} else if (d == &pg_query__func_call__descriptor) {
		/* s.f(...): the function stored as "s.f"; f(...) through search_path */
		PgQuery__FuncCall *f = (PgQuery__FuncCall *)m;
		collapse(c, &f->funcname, &f->n_funcname);
		resolve_func(w, f->funcname, f->n_funcname);
	} else if (d == &pg_query__create_trig_stmt__descriptor) {
		PgQuery__CreateTrigStmt *t = (PgQuery__CreateTrigStmt *)m;
		collapse(c, &t->funcname, &t->n_funcname);
		resolve_func(w, t->funcname, t->n_funcname);
	} else if (d == &pg_query__object_with_args__descriptor) {
		PgQuery__ObjectWithArgs *o = (PgQuery__ObjectWithArgs *)m;
		collapse(c, &o->objname, &o->n_objname);
		resolve_func(w, o->objname, o->n_objname);
	} else if (d == &pg_query__comment_stmt__descriptor) {
		PgQuery__CommentStmt *s = (PgQuery__CommentStmt *)m;
		if (s->objtype == OBJ(COLUMN) || s->objtype == OBJ(TABCONSTRAINT) ||
		    s->objtype == OBJ(TRIGGER) || s->objtype == OBJ(POLICY))
			collapse_head(c, s->object); /* COMMENT ON COLUMN s.t.c */
		else if (s->objtype != OBJ(SCHEMA))
			collapse_list(c, s->object);
	} else if (d == &pg_query__column_ref__descriptor) {
		PgQuery__ColumnRef *r = (PgQuery__ColumnRef *)m;
		/* s.t.col: t is the FROM item's name (alias_from gave it) */
		if (r->n_fields >= 3 && r->fields[0]->node_case == NODE(STRING) &&
		    xlat_local_schema(c, r->fields[0]->string->sval)) {
			protobuf_c_message_free_unpacked(&r->fields[0]->base, NULL);
			memmove(r->fields, r->fields + 1, (r->n_fields - 1) * sizeof(*r->fields));
			r->n_fields--;
		}
	} else if (d == &pg_query__range_var__descriptor) {
		PgQuery__RangeVar *rv = (PgQuery__RangeVar *)m;
		resolve(w, rv, false);
		if (local_rv(c, rv)) {
			set_str(&rv->relname, dup_joined(rv->schemaname, rv->relname));
			set_str(&rv->schemaname, dup_str("public"));
		}
	}
}

static bool rewrite(void *arg, const ProtobufCMessage *cm)
{
	struct walk *w = arg;
	ProtobufCMessage *m = (ProtobufCMessage *)cm; /* the tree is the translation's own */
	if (cm->descriptor == &pg_query__create_schema_stmt__descriptor)
		return true; /* its elements are translated once it exists (xlat_nspelts.c) */
	node(w, m);
	return xlat_tree_each(m, rewrite, w);
}

void xlat_localnsp_rewrite(struct xlat_ctx *c, const PgQuery__Node *stmt)
{
	if (!c->env || !stmt ||
	    (!c->env->nlocal_schemas && !c->env->ntemp_after && !c->env->temp_first))
		return;
	struct walk w = {.c = c};
	(void)rewrite(&w, &stmt->base);
}

/* ---- CREATE / DROP / ALTER SCHEMA, COMMENT ON SCHEMA ---- */

#define SQLSTATE_RESERVED_NAME "42939"

/* Whether name may be a local schema: PostgreSQL's reserved prefix (42939) and what the
 * storage cannot hold (a dot would make "s.t" ambiguous: 0A000). */
static bool creatable(struct xlat_ctx *c, const char *name)
{
	if (strncmp(name, "pg_", 3) == 0) {
		xlat_fail(c, SQLSTATE_RESERVED_NAME, -1, "unacceptable schema name \"%s\"", name);
		pgerr_detail(c->err, "The prefix \"pg_\" is reserved for system schemas.");
		return false;
	}
	if (strchr(name, '.') || !*name)
		return xlat_unsupported(c, -1, "a schema name containing a dot");
	return true;
}

static void script(struct xlat_ctx *c, const char *tag)
{
	c->st->tag = tag;
	c->st->kind = XLAT_SCRIPT;
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c);
	xlat_puts(c, SIDECAR_SCHEMAS "; SELECT shardlite_schema(");
}

bool xlat_localnsp_create(struct xlat_ctx *c, const PgQuery__CreateSchemaStmt *s)
{
	const char *n = s->schemaname && *s->schemaname ? s->schemaname : NULL;
	if (!n && s->authrole && s->authrole->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING)
		n = s->authrole->rolename; /* CREATE SCHEMA AUTHORIZATION r: schema r */
	if (!n)
		return xlat_unsupported(c, -1, "CREATE SCHEMA AUTHORIZATION of this role");
	bool system = strcmp(n, "public") == 0 || strcmp(n, "pg_catalog") == 0 ||
		      strcmp(n, "information_schema") == 0 || strcmp(n, "pg_toast") == 0 ||
		      (c->env->tenant && strcmp(n, c->env->tenant) == 0);
	bool there = system || xlat_local_schema(c, n);
	if (there && !s->if_not_exists)
		return xlat_fail(c, "42P06", -1, "schema \"%s\" already exists", n);
	if (there) { /* IF NOT EXISTS: PostgreSQL's NOTICE */
		c->st->tag = "CREATE SCHEMA";
		c->st->kind = XLAT_NOOP;
		xlat_nocache(c);
		xlat_skip_note(c, "schema", NULL, n, true);
		return true;
	}
	if (!creatable(c, n))
		return false;
	if (s->n_schema_elts)
		return xlat_localnsp_elements(c, s, n);
	if (s->authrole) { /* every object of a tenant belongs to the session user */
		script(c, "CREATE SCHEMA");
		xlat_puts(c, "'owner_check', ");
		xlat_string(c, n);
		xlat_puts(c, ", ");
		if (!xlat_owner_role(c, s->authrole))
			return false;
		xlat_puts(c, "); SELECT shardlite_schema(");
	} else {
		script(c, "CREATE SCHEMA");
	}
	xlat_puts(c, "'create', ");
	xlat_string(c, n);
	xlat_puts(c, s->if_not_exists ? ", 1)" SCHEMAS_BUMP : ", 0)" SCHEMAS_BUMP);
	xlat_defacl_created(c, 'n', arena_printf(c->a, "nsp:%s", n), n);
	return true;
}

/* The PL/pgSQL of DROP SCHEMA s CASCADE for one schema: PostgreSQL's NOTICE naming what goes,
 * then its views, tables (with what references them), sequences and enums dropped as their own
 * DROP statements would, each looked up again (an earlier drop may have taken it), then the
 * schema. */
static void cascade_body(struct strbuf *sb, const char *nsp)
{
	struct strbuf q;
	strbuf_init(&q, 0);
	strbuf_put_quoted(&q, nsp, '\'');
	const char *lit = q.data;
	static const struct {
		const char *kinds, *drop;
	} steps[] = {{"'v'", "DROP VIEW"},
		     {"'m'", "DROP MATERIALIZED VIEW"},
		     {"'r'", "DROP TABLE"},
		     {"'S'", "DROP SEQUENCE"}};
	strbuf_printf(sb,
		      "SELECT count(*), string_agg('drop cascades to ' || CASE c.relkind WHEN 'r' "
		      "THEN 'table ' WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' WHEN "
		      "'c' THEN 'type ' ELSE 'sequence ' END || quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
		      "E'\\n' ORDER BY c.relname) INTO n, d FROM pg_class c JOIN pg_namespace n ON "
		      "n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind IN ('r', 'v', 'm', "
		      "'S', 'c');\n",
		      lit);
	strbuf_printf(sb,
		      "SELECT count(*), string_agg(x, E'\\n' ORDER BY x) INTO t, td FROM (SELECT "
		      "'drop cascades to type ' || quote_ident(n.nspname) || '.' || "
		      "quote_ident(t.typname) AS x FROM pg_type t JOIN pg_namespace n ON n.oid = "
		      "t.typnamespace WHERE n.nspname = %s AND t.typtype IN ('d', 'e') UNION ALL "
		      "SELECT 'drop cascades to ' || CASE p.prokind WHEN 'p' THEN 'procedure ' ELSE "
		      "'function ' END || quote_ident(n.nspname) || '.' || quote_ident(p.proname) || "
		      "'(' || pg_get_function_identity_arguments(p.oid) || ')' FROM pg_proc p JOIN "
		      "pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = %s) q;\n"
		      "IF t > 0 THEN n := n + t; d := CASE WHEN d IS NULL THEN td ELSE d || E'\\n' || "
		      "td END; END IF;\n",
		      lit, lit);
	strbuf_puts(sb, "IF n = 1 THEN RAISE NOTICE '%', d; ELSIF n > 1 THEN RAISE NOTICE "
			"'drop cascades to % other objects', n USING DETAIL = d; END IF;\n");
	for (size_t i = 0; i < ARRAY_LEN(steps); i++)
		strbuf_printf(sb,
			      "FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON "
			      "n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = %s LOOP\n"
			      "IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = "
			      "c.relnamespace WHERE n.nspname = %s AND c.relname = r.relname) THEN "
			      "EXECUTE format('%s %%I.%%I%s', %s, r.relname); END IF;\nEND LOOP;\n",
			      lit, steps[i].kinds, lit, steps[i].drop,
			      i < 3 ? " CASCADE" : "", lit);
	/* its functions and procedures, composite types, domains and enums */
	strbuf_printf(sb,
		      "FOR r IN SELECT p.proname AS relname, p.prokind AS k, "
		      "pg_get_function_identity_arguments(p.oid) AS args FROM pg_proc p JOIN "
		      "pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = %s LOOP\n"
		      "EXECUTE format('DROP %%s %%I.%%I(%%s)', CASE r.k WHEN 'p' THEN 'PROCEDURE' "
		      "ELSE 'FUNCTION' END, %s, r.relname, r.args);\nEND LOOP;\n",
		      lit, lit);
	strbuf_printf(sb,
		      "FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
		      "c.relnamespace WHERE n.nspname = %s AND c.relkind = 'c' LOOP\n"
		      "EXECUTE format('DROP TYPE IF EXISTS %%I.%%I CASCADE', %s, r.relname);\n"
		      "END LOOP;\n",
		      lit, lit);
	strbuf_printf(sb,
		      "FOR r IN SELECT t.typname AS relname, t.typtype AS k FROM pg_type t JOIN "
		      "pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = %s AND t.typtype "
		      "IN ('d', 'e') LOOP\n"
		      "EXECUTE format('DROP %%s IF EXISTS %%I.%%I CASCADE', CASE r.k WHEN 'd' THEN "
		      "'DOMAIN' ELSE 'TYPE' END, %s, r.relname);\n"
		      "END LOOP;\nEXECUTE format('DROP SCHEMA %%I', %s);\n",
		      lit, lit, lit);
	strbuf_fini(&q);
}

/* DROP SCHEMA ... CASCADE: a DO block of the statements that drop its objects (translated and
 * run one by one as the block runs: their sidecar rows, comments and sequences go with them). */
static bool drop_cascade(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "DECLARE r record; n bigint; d text; t bigint; td text;\nBEGIN\n");
	for (size_t i = 0; i < s->n_objects; i++)
		if (xlat_local_schema(c, xlat_node_str(s->objects[i])))
			cascade_body(&sb, xlat_node_str(s->objects[i]));
	strbuf_puts(&sb, "END");
	char *body = arena_strndup(c->a, sb.data, sb.len);
	strbuf_fini(&sb);
	if (!xlat_do_block(c, body))
		return false;
	c->st->tag = "DROP SCHEMA";
	c->st->writes = true;
	return true;
}

bool xlat_do_block(struct xlat_ctx *c, const char *body)
{
	PgQuery__String str = PG_QUERY__STRING__INIT;
	str.sval = (char *)body;
	PgQuery__Node arg = PG_QUERY__NODE__INIT;
	arg.node_case = NODE(STRING);
	arg.string = &str;
	PgQuery__DefElem de = PG_QUERY__DEF_ELEM__INIT;
	de.defname = "as";
	de.arg = &arg;
	PgQuery__Node den = PG_QUERY__NODE__INIT;
	den.node_case = NODE(DEF_ELEM);
	den.def_elem = &de;
	PgQuery__Node *args[] = {&den};
	PgQuery__DoStmt d = PG_QUERY__DO_STMT__INIT;
	d.n_args = 1;
	d.args = args;
	xlat_nocache(c);
	return xlat_stmt_do(c, &d);
}

bool xlat_localnsp_drop(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	bool cascade = s->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	for (size_t i = 0; i < s->n_objects; i++) {
		const char *n = xlat_node_str(s->objects[i]);
		if (!n)
			return xlat_unsupported(c, -1, "this DROP SCHEMA");
		if (xlat_local_schema(c, n))
			continue;
		if (strcmp(n, "public") == 0 || strcmp(n, "pg_catalog") == 0 ||
		    strcmp(n, "information_schema") == 0 || strcmp(n, "pg_toast") == 0 ||
		    (c->env->tenant && strcmp(n, c->env->tenant) == 0))
			return xlat_unsupported(c, -1,
						arena_printf(c->a, "DROP SCHEMA %s", n));
		if (!s->missing_ok)
			return xlat_fail(c, SQLSTATE_INVALID_SCHEMA_NAME, -1,
					 "schema \"%s\" does not exist", n);
	}
	if (cascade)
		return drop_cascade(c, s);
	script(c, "DROP SCHEMA");
	xlat_puts(c, "'none', ''");
	size_t dropped = 0;
	for (size_t i = 0; i < s->n_objects; i++) {
		const char *n = xlat_node_str(s->objects[i]);
		if (!xlat_local_schema(c, n)) {
			xlat_skip_note(c, "missing schema", NULL, n, false);
			continue;
		}
		dropped++;
		xlat_puts(c, "); SELECT shardlite_schema('drop', ");
		xlat_string(c, n);
		xlat_puts(c, cascade ? ", 1, 1" : ", 1, 0");
	}
	xlat_puts(c, ")");
	if (dropped)
		xlat_puts(c, SCHEMAS_BUMP);
	else
		c->st->kind = XLAT_NOOP;
	return true;
}

const char *xlat_localnsp_rename_script(struct xlat_ctx *c, const char *from, const char *to)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, SIDECAR_SCHEMAS "; SELECT shardlite_schema('rename', ");
	strbuf_put_quoted(&sb, from, '\'');
	strbuf_puts(&sb, ", ");
	strbuf_put_quoted(&sb, to, '\'');
	strbuf_puts(&sb, ")" SCHEMAS_BUMP);
	const char *out = arena_strndup(c->a, sb.data, sb.len);
	strbuf_fini(&sb);
	return out;
}

bool xlat_localnsp_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s)
{
	const char *n = xlat_node_str(s->object);
	if (!n || !xlat_local_schema(c, n))
		return false;
	script(c, "ALTER SCHEMA");
	xlat_puts(c, "'owner', ");
	xlat_string(c, n);
	xlat_puts(c, ", ");
	if (!xlat_owner_role(c, s->newowner))
		return false;
	xlat_puts(c, ")");
	return true;
}

bool xlat_localnsp_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s)
{
	const char *n = xlat_node_str(s->object);
	if (!n || !xlat_local_schema(c, n))
		return false;
	script(c, "COMMENT");
	xlat_puts(c, "'comment', ");
	xlat_string(c, n);
	xlat_puts(c, ", ");
	xlat_string_or_null(c, s->comment);
	xlat_puts(c, ")" SCHEMAS_BUMP);
	return true;
}
