/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_tree.c: generic walks over libpg_query's protobuf-c tree, driven by the message
 * descriptors rather than by one case per node type: visiting every child node, and
 * PostgreSQL's equal() on two expressions (structure and values, not positions); a cast node
 * and constants made as the parser makes them; SQL text parsed again into an arena. */
#include "xlat_int.h"

#include <pg_query.h>
#include <string.h>

static const ProtobufCMessage *child(const ProtobufCMessage *m, const ProtobufCFieldDescriptor *f,
				     size_t k)
{
	const char *base = (const char *)m;
	if (f->label == PROTOBUF_C_LABEL_REPEATED)
		return (*(ProtobufCMessage *const *const *)(base + f->offset))[k];
	return *(const ProtobufCMessage *const *)(base + f->offset);
}

/* How many values field f holds in m: 0 for an unset oneof member. */
static size_t count(const ProtobufCMessage *m, const ProtobufCFieldDescriptor *f)
{
	const char *base = (const char *)m;
	if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
		return *(const uint32_t *)(base + f->quantifier_offset) == f->id;
	if (f->label == PROTOBUF_C_LABEL_REPEATED)
		return *(const size_t *)(base + f->quantifier_offset);
	return 1;
}

const char *xlat_tree_item_name(const ProtobufCMessage *m)
{
	if (m->descriptor == &pg_query__range_var__descriptor) {
		const PgQuery__RangeVar *rv = (const PgQuery__RangeVar *)m;
		return rv->alias ? rv->alias->aliasname : rv->relname;
	}
	if (m->descriptor == &pg_query__alias__descriptor)
		return ((const PgQuery__Alias *)m)->aliasname;
	return NULL;
}

bool xlat_tree_each(const ProtobufCMessage *m, xlat_tree_fn *fn, void *arg)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		size_t n = f->type == PROTOBUF_C_TYPE_MESSAGE ? count(m, f) : 0;
		for (size_t k = 0; k < n; k++) {
			const ProtobufCMessage *sub = child(m, f, k);
			if (sub && !fn(arg, sub))
				return false;
		}
	}
	return true;
}

static size_t scalar_size(const ProtobufCFieldDescriptor *f)
{
	switch (f->type) {
	case PROTOBUF_C_TYPE_STRING:
		return sizeof(char *);
	case PROTOBUF_C_TYPE_BYTES:
		return sizeof(ProtobufCBinaryData);
	case PROTOBUF_C_TYPE_BOOL:
		return sizeof(protobuf_c_boolean);
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
	case PROTOBUF_C_TYPE_DOUBLE:
		return 8;
	default: /* the 32-bit integers, enums and float */
		return 4;
	}
}

static bool scalar_equal(const ProtobufCFieldDescriptor *f, const void *a, const void *b)
{
	switch (f->type) {
	case PROTOBUF_C_TYPE_STRING: {
		const char *x = *(const char *const *)a, *y = *(const char *const *)b;
		return (!x || !y) ? x == y : strcmp(x, y) == 0;
	}
	case PROTOBUF_C_TYPE_BYTES: {
		const ProtobufCBinaryData *x = a, *y = b;
		return x->len == y->len && (!x->len || memcmp(x->data, y->data, x->len) == 0);
	}
	case PROTOBUF_C_TYPE_BOOL:
		return *(const protobuf_c_boolean *)a == *(const protobuf_c_boolean *)b;
	default:
		return memcmp(a, b, scalar_size(f)) == 0;
	}
}

static bool field_equal(const ProtobufCMessage *a, const ProtobufCMessage *b,
			const ProtobufCFieldDescriptor *f, xlat_tree_leaf_fn *leaf, void *arg)
{
	size_t n = count(a, f);
	if (n != count(b, f))
		return false;
	for (size_t k = 0; k < n; k++) {
		if (f->type == PROTOBUF_C_TYPE_MESSAGE) {
			const ProtobufCMessage *x = child(a, f, k), *y = child(b, f, k);
			if ((!x || !y) ? x != y : !xlat_tree_equal(x, y, leaf, arg))
				return false;
			continue;
		}
		const char *pa = (const char *)a + f->offset, *pb = (const char *)b + f->offset;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			pa = *(const char *const *)pa + k * scalar_size(f);
			pb = *(const char *const *)pb + k * scalar_size(f);
		}
		if (!scalar_equal(f, pa, pb))
			return false;
	}
	return true;
}

bool xlat_tree_equal(const ProtobufCMessage *a, const ProtobufCMessage *b,
		     xlat_tree_leaf_fn *leaf, void *arg)
{
	if (a->descriptor != b->descriptor)
		return false;
	int same = leaf ? leaf(arg, a, b) : -1;
	if (same >= 0)
		return same;
	const ProtobufCMessageDescriptor *d = a->descriptor;
	for (unsigned i = 0; i < d->n_fields; i++) {
		if (strcmp(d->fields[i].name, "location") != 0 &&
		    !field_equal(a, b, &d->fields[i], leaf, arg))
			return false;
	}
	return true;
}

int xlat_tree_location(const ProtobufCMessage *m)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	const ProtobufCFieldDescriptor *loc = protobuf_c_message_descriptor_get_field_by_name(d,
											     "location");
	if (loc && loc->type == PROTOBUF_C_TYPE_INT32 && loc->label != PROTOBUF_C_LABEL_REPEATED)
		return *(const int32_t *)((const char *)m + loc->offset);
	for (unsigned i = 0; d == &pg_query__node__descriptor && i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		if (f->type == PROTOBUF_C_TYPE_MESSAGE && count(m, f) && child(m, f, 0))
			return xlat_tree_location(child(m, f, 0)); /* the node it wraps */
	}
	return -1;
}

const PgQuery__Node *xlat_colref(struct xlat_colref *r, const char *rel, const char *col,
				 int location)
{
	const char *names[2] = {rel, col};
	for (int i = 0; i < 2; i++) {
		r->names[i] = (PgQuery__String)PG_QUERY__STRING__INIT;
		r->names[i].sval = (char *)names[i];
		r->fields[i] = (PgQuery__Node)PG_QUERY__NODE__INIT;
		r->fields[i].node_case = PG_QUERY__NODE__NODE_STRING;
		r->fields[i].string = &r->names[i];
		r->field_ptrs[i] = &r->fields[i];
	}
	r->ref = (PgQuery__ColumnRef)PG_QUERY__COLUMN_REF__INIT;
	r->ref.n_fields = 2;
	r->ref.fields = r->field_ptrs;
	r->ref.location = location;
	r->node = (PgQuery__Node)PG_QUERY__NODE__INIT;
	r->node.node_case = PG_QUERY__NODE__NODE_COLUMN_REF;
	r->node.column_ref = &r->ref;
	return &r->node;
}

PgQuery__Node *xlat_tree_cast(struct arena *a, const PgQuery__Node *n, const char *typname,
			      int location)
{
	PgQuery__String *str = arena_zalloc(a, sizeof(*str));
	PgQuery__Node *name = arena_zalloc(a, sizeof(*name)), *cast = arena_zalloc(a, sizeof(*cast));
	PgQuery__TypeName *tn = arena_zalloc(a, sizeof(*tn));
	PgQuery__TypeCast *tc = arena_zalloc(a, sizeof(*tc));
	pg_query__string__init(str);
	pg_query__node__init(name);
	pg_query__type_name__init(tn);
	pg_query__type_cast__init(tc);
	pg_query__node__init(cast);
	str->sval = (char *)typname;
	name->node_case = PG_QUERY__NODE__NODE_STRING;
	name->string = str;
	tn->names = arena_zalloc(a, sizeof(*tn->names));
	tn->names[0] = name;
	tn->n_names = 1;
	tn->typemod = -1;
	tn->location = -1;
	tc->arg = (PgQuery__Node *)n;
	tc->type_name = tn;
	tc->location = location;
	cast->node_case = PG_QUERY__NODE__NODE_TYPE_CAST;
	cast->type_cast = tc;
	return cast;
}

/* The Node wrapping the A_Const k (its value set by the caller), without a location. */
static PgQuery__Node *a_const(struct arena *a, PgQuery__AConst *k)
{
	PgQuery__Node *n = arena_zalloc(a, sizeof(*n));
	pg_query__node__init(n);
	k->location = -1;
	n->node_case = PG_QUERY__NODE__NODE_A_CONST;
	n->a_const = k;
	return n;
}

PgQuery__Node *xlat_tree_anode(struct arena *a)
{
	PgQuery__Node *n = arena_zalloc(a, sizeof(*n));
	pg_query__node__init(n);
	return n;
}

PgQuery__Node *xlat_tree_name(struct arena *a, const char *s)
{
	PgQuery__String *v = arena_zalloc(a, sizeof(*v));
	pg_query__string__init(v);
	v->sval = (char *)s;
	PgQuery__Node *n = xlat_tree_anode(a);
	n->node_case = PG_QUERY__NODE__NODE_STRING;
	n->string = v;
	return n;
}

PgQuery__Node *xlat_tree_str(struct arena *a, const char *s)
{
	PgQuery__AConst *k = arena_zalloc(a, sizeof(*k));
	PgQuery__String *v = arena_zalloc(a, sizeof(*v));
	pg_query__a__const__init(k);
	pg_query__string__init(v);
	v->sval = (char *)s;
	k->val_case = PG_QUERY__A__CONST__VAL_SVAL;
	k->sval = v;
	return a_const(a, k);
}

PgQuery__Node *xlat_tree_int(struct arena *a, int i)
{
	PgQuery__AConst *k = arena_zalloc(a, sizeof(*k));
	PgQuery__Integer *v = arena_zalloc(a, sizeof(*v));
	pg_query__a__const__init(k);
	pg_query__integer__init(v);
	v->ival = i;
	k->val_case = PG_QUERY__A__CONST__VAL_IVAL;
	k->ival = v;
	return a_const(a, k);
}

PgQuery__Node *xlat_tree_bool(struct arena *a, bool b)
{
	PgQuery__AConst *k = arena_zalloc(a, sizeof(*k));
	PgQuery__Boolean *v = arena_zalloc(a, sizeof(*v));
	pg_query__a__const__init(k);
	pg_query__boolean__init(v);
	v->boolval = b;
	k->val_case = PG_QUERY__A__CONST__VAL_BOOLVAL;
	k->boolval = v;
	return a_const(a, k);
}

static void *pb_alloc(void *arena, size_t n) { return arena_alloc(arena, n); }
static void pb_free(void *arena, void *p)
{
	(void)arena;
	(void)p;
}

void *xlat_tree_copy(struct arena *a, const ProtobufCMessage *m)
{
	ProtobufCAllocator al = {pb_alloc, pb_free, a};
	size_t len = protobuf_c_message_get_packed_size(m);
	uint8_t *buf = arena_alloc(a, len ? len : 1);
	protobuf_c_message_pack(m, buf);
	return protobuf_c_message_unpack(m->descriptor, &al, len, buf);
}

PgQuery__ParseResult *xlat_parse_tree(const char *sql, ProtobufCAllocator *al)
{
	PgQueryProtobufParseResult r = pg_query_parse_protobuf(sql);
	PgQuery__ParseResult *tree =
		r.error ? NULL
			: pg_query__parse_result__unpack(al, r.parse_tree.len,
							 (const uint8_t *)r.parse_tree.data);
	pg_query_free_protobuf_parse_result(r);
	return tree;
}

PgQuery__Node *xlat_parse_one(struct arena *a, const char *sql)
{
	ProtobufCAllocator al = {pb_alloc, pb_free, a};
	PgQuery__ParseResult *tree = xlat_parse_tree(sql, &al);
	return tree && tree->n_stmts == 1 ? tree->stmts[0]->stmt : NULL;
}

PgQuery__Node *xlat_parse_expr(struct arena *a, const char *text)
{
	PgQuery__Node *n = xlat_parse_one(a, arena_printf(a, "SELECT %s", text));
	const PgQuery__SelectStmt *q =
		n && n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT ? n->select_stmt : NULL;
	return q && q->n_target_list == 1 && !q->n_from_clause &&
			       q->target_list[0]->node_case == PG_QUERY__NODE__NODE_RES_TARGET
		       ? q->target_list[0]->res_target->val
		       : NULL;
}
