/* SPDX-License-Identifier: Apache-2.0 */
/* config_live.c: the running configuration as a cell that a reload swaps while other threads
 * read it. Readers pin a snapshot (a reference) and keep it across a whole unit of work, so a
 * pointer into it never dangles; the swap itself is an atomic release store under a mutex. */
#include "config_int.h"

#include <pthread.h>
#include <stdlib.h>

/* Why a mutex and not a bare atomic pointer: a reader that loaded the pointer must add its
 * reference before the publisher drops the cell's, or the snapshot could be freed in between.
 * The mutex orders the two; it is taken only to pin (a session re-pins when
 * config_live_stale says a reload happened), so the hot path stays one acquire load. */
struct config_live {
	pthread_mutex_t lock;
	const struct config *cur; /* holds the cell's reference; stored under lock, loaded atomically */
};

struct config_live *config_live_new(const struct config *cfg)
{
	struct config_live *l = base_xcalloc(1, sizeof(*l));
	pthread_mutex_init(&l->lock, NULL);
	l->cur = cfg;
	return l;
}

void config_live_free(struct config_live *l)
{
	if (!l)
		return;
	config_unref(l->cur);
	pthread_mutex_destroy(&l->lock);
	free(l);
}

void config_live_publish(struct config_live *l, const struct config *cfg)
{
	pthread_mutex_lock(&l->lock);
	const struct config *old = l->cur;
	__atomic_store_n(&l->cur, cfg, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&l->lock);
	config_unref(old); /* pinned readers keep it alive; the last one frees it */
}

const struct config *config_live_pin(struct config_live *l)
{
	pthread_mutex_lock(&l->lock);
	const struct config *c = config_ref(l->cur);
	pthread_mutex_unlock(&l->lock);
	return c;
}

bool config_live_stale(const struct config_live *l, const struct config *cfg)
{
	return __atomic_load_n(&l->cur, __ATOMIC_ACQUIRE) != cfg;
}

void config_live_refresh(struct config_live *l, const struct config **cfg)
{
	if (!config_live_stale(l, *cfg))
		return;
	config_unref(*cfg);
	*cfg = config_live_pin(l);
}
