/* SPDX-License-Identifier: Apache-2.0 */
/* sess_hub.c: sessions without a default tenant. A client that names one of the databases of
 * no_tenant_databases (and no tenant otherwise) runs on the hub connection (shard.h's
 * SHARD_HUB: an empty in-memory database), where each statement reaches tenants through its
 * schema prefixes and search_path, attached as for any session (sess_schema.c). Here: the
 * choice at startup, the refusal to create objects nowhere, and the tenants listed as schemas. */
#include "session_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool sess_hub_database(const struct session *s)
{
	const char *list = s->env->cfg->no_tenant_databases;
	size_t len = strlen(s->database);
	for (const char *p = list ? list : ""; *p;) {
		p += strspn(p, " \t,");
		size_t n = strcspn(p, ",");
		size_t m = n;
		while (m > 0 && (p[m - 1] == ' ' || p[m - 1] == '\t'))
			m--;
		/* database names compare exactly, as PostgreSQL's do */
		if (m > 0 && m == len && strncmp(p, s->database, len) == 0)
			return true;
		p += n;
	}
	return false;
}

/* Statements that create an object in the schema their names resolve to. */
static bool creates(const struct xlat_stmt *x)
{
	return x->tag && strncmp(x->tag, "CREATE ", 7) == 0;
}

bool sess_hub_check(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	const char *own = s->conn ? shard_conn_tenant(s->conn) : s->home;
	if (s->tenant[0] || own[0] || !x || x->ntenants > 0 || !creates(x))
		return true;
	/* nothing names a tenant, so the object would land in the hub's scratch database */
	pgerr_set(err, SQLSTATE_INVALID_SCHEMA_NAME, "no schema has been selected to create in");
	pgerr_hint(err, "This session has no default tenant: name one as the schema (acme.t) "
			"or SET search_path TO it.");
	return false;
}

struct listing {
	struct session *s;
	struct arena *a;
	const char **names;
	size_t n, cap;
	bool too_many;
};

static bool collect(void *arg, const char *name)
{
	struct listing *l = arg;
	if (l->s->auth_user && !auth_user_may_reach(l->s->auth_user, name))
		return true;
	if (l->n == SESS_HUB_SCHEMAS_MAX) {
		l->too_many = true;
		return false;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		const char **v = arena_alloc(l->a, cap * sizeof(*v));
		if (l->n)
			memcpy(v, l->names, l->n * sizeof(*v));
		l->names = v;
		l->cap = cap;
	}
	l->names[l->n++] = arena_strdup(l->a, name);
	return true;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

long sess_hub_schemas(void *arg, struct arena *a, const char ***out, struct pgerr *err)
{
	struct listing l = {.s = arg, .a = a};
	(void)shard_tenant_list(l.s->env->shards, collect, &l);
	if (l.too_many) {
		pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			  "too many tenants to list as schemas: more than %d", SESS_HUB_SCHEMAS_MAX);
		pgerr_hint(err, "Connect to one tenant (options=-c tenant=NAME), or narrow the "
				"user's tenant list in the users file.");
		return -1;
	}
	if (l.n)
		qsort(l.names, l.n, sizeof(*l.names), by_name);
	*out = l.names;
	return (long)l.n;
}

void sess_hub_borrowed(struct session *s)
{
	const char *t = shard_conn_tenant(s->conn);
	if (s->tenant[0] || strcmp(t, s->home) == 0)
		return;
	snprintf(s->home, sizeof(s->home), "%s", t);
	s->catalog.own_schema = s->home[0] ? s->home : NULL;
	sess_types_fini(s); /* read from the new file at the next translation */
	s->schema_epoch = 0;
	s->origins.sql[0] = '\0';
}
