/* SPDX-License-Identifier: Apache-2.0 */
/* sess_hub.c: sessions without a default tenant. A client that names one of the databases of
 * no_tenant_databases (and no tenant otherwise) borrows, per transaction, the connection of
 * the tenant its search_path names, else the hub (shard.h's SHARD_HUB: an empty in-memory
 * database); each statement reaches other tenants through its schema prefixes, attached as
 * for any session (sess_schema.c). Here: the choice at startup, the switch between
 * connections, the refusal to create objects nowhere, and the tenants listed as schemas. */
#include "session_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool sess_hub_database(const struct session *s) { return sess_hub_named(s, s->database); }

bool sess_hub_named(const struct session *s, const char *name)
{
	const char *list = s->cfg->no_tenant_databases;
	size_t len = strlen(name);
	for (const char *p = list ? list : ""; *p;) {
		p += strspn(p, " \t,");
		size_t n = strcspn(p, ",");
		size_t m = n;
		while (m > 0 && (p[m - 1] == ' ' || p[m - 1] == '\t'))
			m--;
		/* database names compare exactly, as PostgreSQL's do */
		if (m > 0 && m == len && strncmp(p, name, len) == 0)
			return true;
		p += n;
	}
	return false;
}

/* Statements that create an object in the schema their names resolve to (a database is a
 * tenant: no schema). */
static bool creates(const struct xlat_stmt *x)
{
	return x->kind != XLAT_DATABASE && x->tag && strncmp(x->tag, "CREATE ", 7) == 0;
}

bool sess_hub_check(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	const char *home = s->rare ? s->rare->home : NULL;
	const char *own = s->conn ? shard_conn_tenant(s->conn) : home ? home : "";
	if (s->tenant[0] || own[0] || !x || x->ntenants > 0 || !creates(x))
		return true;
	/* nothing names a tenant, so the object would land in the hub's scratch database */
	pgerr_set(err, SQLSTATE_INVALID_SCHEMA_NAME, "no schema has been selected to create in");
	pgerr_hint(err, "This session has no default tenant: name one as the schema (acme.t) "
			"or SET search_path TO it.");
	return false;
}

/* The tenants listed last. Catalog functions may ask once per row ('acme'::regnamespace in a
 * WHERE clause), and each listing reads 256 directories: a listing serves for LIST_TTL_MS. */
#define LIST_TTL_MS 1000

struct sess_hub_list {
	struct arena *a;
	const char **names;
	long n; /* -1: too many */
	int64_t at; /* monotonic ms */
};

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

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void list_tenants(struct session *s, struct sess_hub_list *l)
{
	arena_reset(l->a);
	struct listing g = {.s = s, .a = l->a};
	(void)shard_tenant_list(s->env->shards, collect, &g);
	if (g.n)
		qsort(g.names, g.n, sizeof(*g.names), by_name);
	l->names = g.names ? g.names : arena_alloc(l->a, sizeof(*l->names)); /* listed */
	l->n = g.too_many ? -1 : (long)g.n;
	l->at = now_ms();
}

long sess_hub_schemas(void *arg, struct arena *a, const char ***out, struct pgerr *err)
{
	(void)a; /* the names live in the session's listing */
	struct session *s = arg;
	struct sess_rare *r = sess_rare(s);
	if (!r->hub_list) {
		r->hub_list = base_xcalloc(1, sizeof(*r->hub_list));
		r->hub_list->a = arena_new(0);
	}
	struct sess_hub_list *l = r->hub_list;
	if (!l->names || now_ms() - l->at >= LIST_TTL_MS) {
		if (s->inline_run) { /* reading directories is for a worker (sess_inline.c) */
			(void)sess_inline_punt(s, err);
			return -1;
		}
		list_tenants(s, l);
	}
	if (l->n < 0) {
		pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			  "too many tenants to list as schemas: more than %d", SESS_HUB_SCHEMAS_MAX);
		pgerr_hint(err, "Connect to one tenant (options=-c tenant=NAME), or narrow the "
				"user's tenant list in the users file.");
		return -1;
	}
	*out = l->names;
	return l->n;
}

long sess_hub_databases(void *arg, struct arena *a, const char ***out, struct pgerr *err)
{
	struct session *s = arg;
	const char **tenants = NULL;
	long nt = sess_hub_schemas(arg, a, &tenants, err);
	if (nt < 0 && strcmp(err->sqlstate, SQLSTATE_PROGRAM_LIMIT_EXCEEDED) != 0)
		return -1; /* punted to a worker */
	if (nt < 0) { /* too many to list: pg_dump's own database is still found */
		pgerr_clear(err);
		nt = 0;
	}
	const char *list = s->cfg->no_tenant_databases ? s->cfg->no_tenant_databases : "";
	size_t cap = (size_t)nt + strlen(list) / 2 + 1, n = 0;
	const char **v = arena_alloc(a, cap * sizeof(*v));
	for (const char *p = list; *p;) {
		p += strspn(p, " \t,");
		size_t len = strcspn(p, ","), m = len;
		while (m > 0 && (p[m - 1] == ' ' || p[m - 1] == '\t'))
			m--;
		if (m > 0)
			v[n++] = arena_strndup(a, p, m);
		p += len;
	}
	for (long i = 0; i < nt; i++)
		if (!sess_hub_named(s, tenants[i])) /* a tenant named postgres is reached otherwise */
			v[n++] = tenants[i];
	qsort(v, n, sizeof(*v), by_name);
	*out = v;
	return (long)n;
}

void sess_hub_forget(struct session *s)
{
	if (s->rare && s->rare->hub_list)
		s->rare->hub_list->names = NULL; /* listed again at the next use */
}

void sess_hub_free(struct session *s)
{
	if (!s->rare || !s->rare->hub_list)
		return;
	arena_free(s->rare->hub_list->a);
	free(s->rare->hub_list);
	s->rare->hub_list = NULL;
}

/* Whether the session may run a catalog query for tenant want on want's connection now: no
 * default tenant, between transactions with nothing that holds its connection, and want a
 * tenant other than the connection's that exists and that the user may reach. */
static bool may_describe(struct session *s, const char *want, char name[SHARD_TENANT_MAX + 1])
{
	struct pgerr ignored;
	if (s->tenant[0] || !s->conn || s->inline_run || s->txn != SESS_TXN_IDLE || s->portals ||
	    !sqlite3_get_autocommit(shard_conn_db(s->conn)) || shard_conn_pinned(s->conn))
		return false;
	if (!shard_tenant_name_check(want, name, &ignored) || strcmp(name, want) != 0 ||
	    strcmp(name, shard_conn_tenant(s->conn)) == 0 || strcmp(name, "main") == 0 ||
	    strcmp(name, "temp") == 0)
		return false;
	return (!s->auth_user || auth_user_may_reach(s->auth_user, name)) &&
	       shard_tenant_exists(s->env->shards, name);
}

/* Moves the session to tenant name's connection (may_describe said yes). */
static int describe_on(struct session *s, const char *name, struct pgerr *err)
{
	struct sess_rare *r = sess_rare(s);
	snprintf(r->described, sizeof(r->described), "%s", name);
	sess_conn_give_back(s);
	snprintf(r->describe, sizeof(r->describe), "%s", name);
	bool ok = sess_conn_borrow(s, err) && !s->migrating;
	r->describe[0] = '\0';
	if (!ok && s->conn) /* a migration to wait for: the usual connection instead */
		sess_conn_give_back(s);
	if (!ok) {
		s->migrating = false;
		pgerr_clear(err);
		if (!sess_conn_borrow(s, err) || s->migrating)
			return -1;
	}
	return 1;
}

static bool catalog_only(const struct xlat_stmt *x)
{
	return x && x->kind == XLAT_SQL && !x->names_tables && !x->described_many;
}

/* The tenant whose schema OID is oid, among those the session lists as schemas. */
static const char *tenant_of_schema_oid(struct session *s, uint32_t oid)
{
	const char **names = NULL;
	struct pgerr ignored;
	long n = sess_hub_schemas(s, NULL, &names, &ignored);
	return catalog_schema_tenant(names, n, oid);
}

int sess_hub_describe(struct session *s, const struct xlat_stmt *stmts, size_t n,
		      struct pgerr *err)
{
	const struct xlat_stmt *x = n == 1 ? stmts : NULL;
	bool catalog = catalog_only(x);
	const char *want = catalog ? x->described_schema : NULL;
	if (want && x->described_by_oid && !s->tenant[0]) { /* relnamespace = 1710209894 */
		if (s->inline_run) /* listing tenants is for a worker */
			return sess_inline_punt(s, err) ? 0 : -1;
		want = tenant_of_schema_oid(s, (uint32_t)strtoul(want, NULL, 10));
	}
	/* psql's \d beta.t finds the relation by name, then asks for its columns, indexes ...
	 * by its OID: those lookups go on with the tenant described last */
	if (!want && catalog && x->oid_lookup && s->rare && s->rare->described[0])
		want = s->rare->described;
	char name[SHARD_TENANT_MAX + 1];
	if (!want || !may_describe(s, want, name)) {
		if ((!want || !catalog) && s->rare)
			s->rare->described[0] = '\0';
		return 0;
	}
	return describe_on(s, name, err);
}

/* The bound value of x's described_param as the schema's name, NULL when unusable. */
static const char *bound_schema(struct session *s, const struct xlat_stmt *x,
				const struct pgw_bind *b, char buf[SHARD_TENANT_MAX + 1])
{
	size_t i = x->described_param - 1u;
	if (i >= b->nparams || !b->param_values[i] || b->param_lengths[i] < 0)
		return NULL;
	const uint8_t *v = b->param_values[i];
	size_t len = (size_t)b->param_lengths[i];
	bool binary = pgw_bind_param_format(b, i) == 1;
	if (!x->described_by_oid) {
		if (binary || len > SHARD_TENANT_MAX)
			return NULL;
		memcpy(buf, v, len);
		buf[len] = '\0';
		return buf;
	}
	uint64_t oid = 0;
	if (binary && (len == 4 || len == 8)) { /* oid/int4, or int8 */
		for (size_t k = 0; k < len; k++)
			oid = oid << 8 | v[k];
	} else if (!binary && len > 0 && len <= 10) {
		for (size_t k = 0; k < len; k++) {
			if (v[k] < '0' || v[k] > '9')
				return NULL;
			oid = oid * 10 + (uint64_t)(v[k] - '0');
		}
	}
	return oid && oid <= UINT32_MAX ? tenant_of_schema_oid(s, (uint32_t)oid) : NULL;
}

int sess_hub_describe_bound(struct session *s, const struct xlat_stmt *x,
			    const struct pgw_bind *b, struct pgerr *err)
{
	char buf[SHARD_TENANT_MAX + 1], name[SHARD_TENANT_MAX + 1];
	if (!catalog_only(x) || !x->described_param || s->tenant[0])
		return 0;
	if (s->inline_run) /* listing tenants and switching files is for a worker */
		return sess_inline_punt(s, err) ? 0 : -1;
	const char *want = bound_schema(s, x, b, buf);
	if (!want || !may_describe(s, want, name))
		return 0;
	return describe_on(s, name, err);
}

void sess_hub_borrowed(struct session *s)
{
	const char *t = shard_conn_tenant(s->conn);
	const char *home = s->rare ? s->rare->home : NULL;
	if (s->tenant[0] || strcmp(t, home ? home : "") == 0)
		return;
	struct sess_rare *r = sess_rare(s);
	free(r->home);
	r->home = t[0] ? base_xstrdup(t) : NULL;
	s->catalog.own_schema = r->home;
	sess_types_fini(s); /* read from the new file at the next translation */
	s->schema_epoch = 0;
	if (s->origins) /* keyed by names, which the new file shares */
		s->origins->n = -1;
}
