/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_nspelts.c: CREATE SCHEMA s with schema elements (CREATE TABLE, VIEW, INDEX, SEQUENCE,
 * TRIGGER, GRANT) inside a tenant. As PostgreSQL 15 does (transformCreateSchemaStmt), each
 * element's object is made in s (42P15 when it names another schema), the elements run
 * sequences first, then tables, views, indexes, triggers and grants, and an unqualified name
 * an element creates means s's (s leads the search path while they run, and s holds nothing
 * else). The statement is a DO block the translator writes, as DROP SCHEMA ... CASCADE is:
 * CREATE SCHEMA s, then each element deparsed with its names qualified. */
#include "xlat_int.h"

#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The order PostgreSQL runs the elements in. */
static const PgQuery__Node__NodeCase phases[] = {NODE(CREATE_SEQ_STMT), NODE(CREATE_STMT),
						 NODE(VIEW_STMT),	NODE(INDEX_STMT),
						 NODE(CREATE_TRIG_STMT), NODE(GRANT_STMT)};

struct elts {
	struct xlat_ctx *c;
	const char *nsp;
	const char **made; /* the relation names the elements create */
	size_t nmade;
};

/* The relation an element creates or acts on, whose schema must be s. */
static PgQuery__RangeVar *target(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(CREATE_SEQ_STMT):
		return n->create_seq_stmt->sequence;
	case NODE(CREATE_STMT):
		return n->create_stmt->relation;
	case NODE(VIEW_STMT):
		return n->view_stmt->view;
	case NODE(INDEX_STMT):
		return n->index_stmt->relation;
	case NODE(CREATE_TRIG_STMT):
		return n->create_trig_stmt->relation;
	default:
		return NULL;
	}
}

static bool made_here(const struct elts *e, const char *name)
{
	for (size_t i = 0; name && i < e->nmade; i++)
		if (strcmp(e->made[i], name) == 0)
			return true;
	return false;
}

/* An unqualified relation an element makes is s's. */
static bool qualify(void *arg, const ProtobufCMessage *cm)
{
	struct elts *e = arg;
	if (cm->descriptor == &pg_query__range_var__descriptor) {
		PgQuery__RangeVar *rv = (PgQuery__RangeVar *)cm; /* the translation's own tree */
		if ((!rv->schemaname || !*rv->schemaname) &&
		    (!rv->catalogname || !*rv->catalogname) &&
		    !(rv->relpersistence && *rv->relpersistence == 't') &&
		    made_here(e, rv->relname)) {
			char *s = strdup(e->nsp);
			if (!s)
				abort();
			if (rv->schemaname && rv->schemaname != protobuf_c_empty_string)
				free(rv->schemaname);
			rv->schemaname = s;
		}
	}
	return xlat_tree_each(cm, qualify, arg);
}

static bool same_schema(struct xlat_ctx *c, const PgQuery__RangeVar *rv, const char *nsp)
{
	if (!rv || !rv->schemaname || !*rv->schemaname || strcmp(rv->schemaname, nsp) == 0)
		return true;
	return xlat_fail(c, "42P15", -1,
			 "CREATE specifies a schema (%s) different from the one being created (%s)",
			 rv->schemaname, nsp);
}

static void put_execute(struct strbuf *sb, const char *sql)
{
	strbuf_puts(sb, "EXECUTE ");
	strbuf_put_quoted(sb, sql, '\'');
	strbuf_puts(sb, ";\n");
}

bool xlat_localnsp_elements(struct xlat_ctx *c, const PgQuery__CreateSchemaStmt *s,
			    const char *nsp)
{
	struct elts e = {.c = c, .nsp = nsp};
	e.made = arena_zalloc(c->a, (s->n_schema_elts + 1) * sizeof(*e.made));
	for (size_t i = 0; i < s->n_schema_elts; i++) {
		const PgQuery__Node *n = s->schema_elts[i];
		const PgQuery__RangeVar *rv = target(n);
		if (!same_schema(c, rv, nsp))
			return false;
		if (rv && n->node_case != NODE(INDEX_STMT) && n->node_case != NODE(CREATE_TRIG_STMT))
			e.made[e.nmade++] = rv->relname;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "BEGIN\n");
	/* the schema itself, as written but for its elements */
	PgQuery__CreateSchemaStmt alone = *s;
	alone.n_schema_elts = 0;
	alone.schema_elts = NULL;
	PgQuery__Node an = PG_QUERY__NODE__INIT;
	an.node_case = NODE(CREATE_SCHEMA_STMT);
	an.create_schema_stmt = &alone;
	const char *sql = xlat_deparse(c, &an);
	bool ok = sql != NULL;
	if (ok)
		put_execute(&sb, sql);
	for (size_t p = 0; ok && p < ARRAY_LEN(phases); p++) {
		for (size_t i = 0; ok && i < s->n_schema_elts; i++) {
			PgQuery__Node *n = s->schema_elts[i];
			if (n->node_case != phases[p])
				continue;
			(void)qualify(&e, &n->base);
			sql = xlat_deparse(c, n);
			ok = sql != NULL;
			if (ok)
				put_execute(&sb, sql);
		}
	}
	strbuf_puts(&sb, "END");
	char *body = ok ? arena_strndup(c->a, sb.data, sb.len) : NULL;
	strbuf_fini(&sb);
	if (!ok)
		return xlat_unsupported(c, -1, "this CREATE SCHEMA element");
	if (!xlat_do_block(c, body))
		return false;
	c->st->tag = "CREATE SCHEMA";
	c->st->writes = true;
	return true;
}
