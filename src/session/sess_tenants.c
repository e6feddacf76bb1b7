/* SPDX-License-Identifier: Apache-2.0 */
/* sess_tenants.c: connections per tenant, shared by every session, for max_tenant_connections
 * (one busy tenant must not take every connection slot of the server). A small chained hash
 * table under a mutex; entries go away when their count drops to zero. */
#include "session_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUCKETS 1024

struct tenant_count {
	char name[SHARD_TENANT_MAX + 1];
	int n;
	struct tenant_count *next;
};

struct session_tenant_counts {
	pthread_mutex_t lock;
	struct tenant_count *buckets[BUCKETS];
};

struct session_tenant_counts *session_tenant_counts_new(void)
{
	struct session_tenant_counts *tc = base_xcalloc(1, sizeof(*tc));
	pthread_mutex_init(&tc->lock, NULL);
	return tc;
}

void session_tenant_counts_free(struct session_tenant_counts *tc)
{
	if (!tc)
		return;
	for (size_t i = 0; i < BUCKETS; i++) {
		while (tc->buckets[i]) {
			struct tenant_count *e = tc->buckets[i];
			tc->buckets[i] = e->next;
			free(e);
		}
	}
	pthread_mutex_destroy(&tc->lock);
	free(tc);
}

static struct tenant_count **slot(struct session_tenant_counts *tc, const char *name)
{
	uint32_t h = 2166136261u;
	for (const char *p = name; *p; p++)
		h = (h ^ (uint8_t)*p) * 16777619u;
	struct tenant_count **e = &tc->buckets[h % BUCKETS];
	while (*e && strcmp((*e)->name, name) != 0)
		e = &(*e)->next;
	return e;
}

bool sess_tenant_count_take(struct session *s, struct pgerr *err)
{
	struct session_tenant_counts *tc = s->env->tenant_counts;
	int max = s->cfg->max_tenant_connections;
	if (!tc || !s->tenant[0]) /* no default tenant: counted by max_connections only */
		return true;
	pthread_mutex_lock(&tc->lock);
	struct tenant_count **e = slot(tc, s->tenant);
	bool ok = max == 0 || !*e || (*e)->n < max;
	if (ok) {
		if (!*e) {
			*e = base_xcalloc(1, sizeof(**e));
			snprintf((*e)->name, sizeof((*e)->name), "%s", s->tenant);
		}
		(*e)->n++;
	}
	pthread_mutex_unlock(&tc->lock);
	s->tenant_counted = ok;
	if (!ok)
		pgerr_fatal(err, SQLSTATE_TOO_MANY_CONNECTIONS,
			    "too many connections to tenant \"%s\"", s->tenant);
	return ok;
}

void sess_tenant_count_drop(struct session *s)
{
	struct session_tenant_counts *tc = s->env->tenant_counts;
	if (!tc || !s->tenant_counted)
		return;
	pthread_mutex_lock(&tc->lock);
	struct tenant_count **e = slot(tc, s->tenant);
	ASSERT(*e && (*e)->n > 0);
	if (*e && --(*e)->n == 0) {
		struct tenant_count *gone = *e;
		*e = gone->next;
		free(gone);
	}
	pthread_mutex_unlock(&tc->lock);
	s->tenant_counted = false;
}
