/* SPDX-License-Identifier: Apache-2.0 */
/* shard_drop.c: creating and dropping tenants while the server runs (CREATE DATABASE, DROP
 * DATABASE, ALTER DATABASE ... RENAME TO), and the marks that keep every other path of the
 * registry away from a tenant whose files are being removed or renamed.
 *
 * A drop (or rename) goes through two phases:
 *
 *   waiting ----(no session, no attachment, no connection in use)----> marked
 *      |   (FORCE: the tenant's sessions are told to terminate, each retry)     |
 *      +-- SHARD_DROP_WAIT_MS / SHARD_DROP_FORCE_WAIT_MS ran out: 55006          |
 *                                                                       idle connections
 *                                                                       closed, files
 *                                                                       unlinked/renamed,
 *                                                                       mark cleared
 *
 * While waiting nothing is marked, so a client connecting meanwhile opens the tenant as usual
 * (and counts as a user: the drop fails, or with FORCE is told to terminate). The mark is set
 * under the registry lock in the same hold that found no user; from then on lend() and
 * attachments of the name wait on hold_cond until the mark is cleared, and the loop thread's
 * cached borrow finds nothing. So a concurrent connect gets the old tenant (it came first) or
 * a fresh one / 3D000 (it came after): never a half-removed file. The mark is held for the
 * unlinks only (no user to wait for), so those waits are short. */
#include "shard_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SQLSTATE_OBJECT_IN_USE "55006"
#define SQLSTATE_DUPLICATE_DATABASE "42P04"

/* A tenant some path holds by name: attached to other connections, or marked for a drop. */
struct shard_hold {
	struct shard_hold *next;
	char name[SHARD_TENANT_MAX + 1];
	int attached; /* connections with the file attached (shard_attach.c) */
	int lending;  /* borrows waiting for the mark to go (shard_drop_lend_wait_locked) */
	bool marked;  /* a drop or rename removes its files now */
};

void shard_drop_init(struct shard_registry *r)
{
	pthread_cond_init(&r->hold_cond, NULL);
}

void shard_drop_fini(struct shard_registry *r)
{
	while (r->holds) {
		struct shard_hold *h = r->holds;
		r->holds = h->next;
		free(h);
	}
	pthread_cond_destroy(&r->hold_cond);
}

static struct shard_hold *hold_find(struct shard_registry *r, const char *name, bool create)
{
	for (struct shard_hold *h = r->holds; h; h = h->next)
		if (strcmp(h->name, name) == 0)
			return h;
	if (!create)
		return NULL;
	struct shard_hold *h = base_xcalloc(1, sizeof(*h));
	snprintf(h->name, sizeof(h->name), "%s", name);
	h->next = r->holds;
	r->holds = h;
	return h;
}

static void hold_maybe_free(struct shard_registry *r, struct shard_hold *h)
{
	if (h->attached > 0 || h->lending > 0 || h->marked)
		return;
	for (struct shard_hold **pp = &r->holds; *pp; pp = &(*pp)->next) {
		if (*pp == h) {
			*pp = h->next;
			break;
		}
	}
	free(h);
}

bool shard_drop_marked_locked(struct shard_registry *r, const char *name)
{
	if (!r->holds) /* the common case: nothing held by name */
		return false;
	struct shard_hold *h = hold_find(r, name, false);
	return h && h->marked;
}

void shard_drop_wait_locked(struct shard_registry *r, const char *name)
{
	while (shard_drop_marked_locked(r, name))
		pthread_cond_wait(&r->hold_cond, &r->lock);
}

void shard_drop_lend_wait_locked(struct shard_registry *r, const char *name)
{
	if (!shard_drop_marked_locked(r, name))
		return;
	struct shard_hold *h = hold_find(r, name, false);
	h->lending++;
	while (h->marked)
		pthread_cond_wait(&r->hold_cond, &r->lock);
	h->lending--;
	hold_maybe_free(r, h);
}

void shard_hold_attach_locked(struct shard_registry *r, const char *name, int delta)
{
	struct shard_hold *h = hold_find(r, name, delta > 0);
	if (!h)
		return;
	h->attached += delta;
	ASSERT(h->attached >= 0);
	hold_maybe_free(r, h);
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* Everything that uses tenant name now: its sessions registered before the mark (seq up to
 * before), connections with its file attached, its connections in use (a session between
 * its client and its connection, or server code such as a migration). Lock held.
 *
 * With terminate (FORCE), a session told to end that meets the mark when it borrows cannot
 * end before the drop does: the borrows waiting on the mark are not counted as sessions
 * (each such session ends, told to, once the mark is gone). Without FORCE they are, and the
 * drop fails after its wait rather than remove a file a live session is about to use. */
static int users_locked(struct shard_registry *r, const char *name, uint64_t before,
			const struct shard_client *self, bool terminate, bool *denied)
{
	int n = shard_client_others_locked(r, name, self, before, terminate, denied);
	struct shard_hold *h = hold_find(r, name, false);
	if (terminate && h)
		n = n > h->lending ? n - h->lending : 0;
	struct shard_tenant *t = shard_pool_tenant_locked(r, name);
	int in_use = t ? t->nused : 0;
	/* a session's own connection is in use while it is counted already: count the larger */
	return (h ? h->attached : 0) + (in_use > n ? in_use : n);
}

static bool in_use_error(const char *name, int n, struct pgerr *err)
{
	pgerr_set(err, SQLSTATE_OBJECT_IN_USE, "database \"%s\" is being accessed by other users",
		  name);
	if (n == 1)
		pgerr_detail(err, "There is 1 other session using the database.");
	else
		pgerr_detail(err, "There are %d other sessions using the database.", n);
	return false;
}

static void set_marks(struct shard_registry *r, const char *const names[2], bool on)
{
	for (int i = 0; i < 2; i++) {
		struct shard_hold *h = names[i] ? hold_find(r, names[i], on) : NULL;
		if (h) {
			h->marked = on;
			hold_maybe_free(r, h);
		}
	}
	if (!on)
		pthread_cond_broadcast(&r->hold_cond);
}

static void unmark(struct shard_registry *r, const char *const names[2])
{
	pthread_mutex_lock(&r->lock);
	set_marks(r, names, false);
	pthread_mutex_unlock(&r->lock);
}

/* Marks names[0] (and names[1], a rename's target), then waits until nothing uses names[0]:
 * true with the registry lock held; false with err, unmarked, after the wait. */
static bool wait_unused(struct shard_registry *r, const char *const names[2],
			const struct shard_client *self, bool force, struct pgerr *err)
{
	int waited = 0, limit = force ? SHARD_DROP_FORCE_WAIT_MS : SHARD_DROP_WAIT_MS;
	pthread_mutex_lock(&r->lock);
	for (int i = 0; i < 2; i++)
		if (names[i])
			shard_drop_wait_locked(r, names[i]);
	set_marks(r, names, true);
	uint64_t before = r->client_seq;
	for (;;) {
		bool denied = false;
		int n = users_locked(r, names[0], before, self, force, &denied);
		if (n == 0)
			return true;
		set_marks(r, names, !denied && waited < limit);
		pthread_mutex_unlock(&r->lock);
		if (denied) {
			pgerr_set(err, SQLSTATE_INSUFFICIENT_PRIVILEGE,
				  "permission denied to terminate process");
			pgerr_detail(err, "Only sessions of your own user may be terminated.");
			return false;
		}
		if (waited >= limit)
			return in_use_error(names[0], n, err);
		sleep_ms(SHARD_DROP_POLL_MS);
		waited += SHARD_DROP_POLL_MS;
		pthread_mutex_lock(&r->lock);
	}
}

/* Lock held on entry and released: closes the idle connections of name, then waits for its
 * record to go (a flush of its WAL still under way keeps it). */
static void close_idle(struct shard_registry *r, const char *name)
{
	struct shard_conn *idle = NULL;
	struct shard_tenant *t = shard_pool_tenant_locked(r, name);
	if (t)
		idle = shard_pool_take_idle_locked(r, t);
	pthread_mutex_unlock(&r->lock);
	while (idle) {
		struct shard_conn *c = idle;
		idle = c->next;
		c->t = NULL;
		shard_serial_close(c); /* a renamed tenant keeps its numbers */
		shard_conn_close(c); /* the last close checkpoints and removes -wal and -shm */
	}
	for (int waited = 0; waited < SHARD_DROP_FORCE_WAIT_MS; waited += SHARD_DROP_POLL_MS) {
		pthread_mutex_lock(&r->lock);
		bool gone = shard_pool_tenant_locked(r, name) == NULL;
		if (gone)
			shard_serial_forget_locked(r, name); /* not for a tenant made again */
		pthread_mutex_unlock(&r->lock);
		if (gone)
			return;
		sleep_ms(SHARD_DROP_POLL_MS);
	}
}

static const char *const side_files[] = {"-wal", "-shm", "-journal"};

/* The WAL first: a .db left by a crash half-way is a whole tenant (as of its last checkpoint),
 * while a WAL left without its .db would be replayed into a new tenant of the same name. */
static bool unlink_tenant(const char *path, struct pgerr *err)
{
	char side[4200];
	for (size_t i = 0; i < ARRAY_LEN(side_files); i++) {
		snprintf(side, sizeof(side), "%s%s", path, side_files[i]);
		if (unlink(side) != 0 && errno != ENOENT)
			return pgerr_set(err, SQLSTATE_IO_ERROR, "could not remove file \"%s\": %s",
					 side, strerror(errno));
	}
	if (unlink(path) != 0)
		return pgerr_set(err, SQLSTATE_IO_ERROR, "could not remove file \"%s\": %s", path,
				 strerror(errno));
	return true;
}

static bool missing(const char *name, struct pgerr *err)
{
	return pgerr_set(err, SQLSTATE_INVALID_CATALOG_NAME, "database \"%s\" does not exist",
			 name);
}

bool shard_tenant_drop(struct shard_registry *r, const char *name, bool force,
		       const struct shard_client *self, struct pgerr *err)
{
	char path[4096];
	if (!shard_tenant_path(r, name, path, sizeof(path)) || !shard_tenant_exists(r, name))
		return missing(name, err);
	const char *const names[2] = {name, NULL};
	if (!wait_unused(r, names, self, force, err))
		return false;
	close_idle(r, name);
	bool ok = access(path, F_OK) == 0 ? unlink_tenant(path, err) : missing(name, err);
	unmark(r, names);
	if (ok)
		LOG_INFO(0, name, "tenant dropped");
	return ok;
}

static bool make_parent(const char *path, struct pgerr *err)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	if (mkdir(dir, 0750) == 0 || errno == EEXIST)
		return true;
	return pgerr_set(err, SQLSTATE_IO_ERROR, "could not create directory \"%s\": %s", dir,
			 strerror(errno));
}

static bool exists_error(const char *name, struct pgerr *err)
{
	return pgerr_set(err, SQLSTATE_DUPLICATE_DATABASE, "database \"%s\" already exists", name);
}

/* An empty file is an empty SQLite database: the first connection sets WAL mode and the
 * migrations run when it is first lent, as for a tenant auto_create makes. O_EXCL decides
 * between two creators (or a connecting client with auto_create on). */
bool shard_tenant_create(struct shard_registry *r, const char *name, struct pgerr *err)
{
	char path[4096];
	if (!shard_tenant_path(r, name, path, sizeof(path)))
		return pgerr_set(err, SQLSTATE_IO_ERROR, "tenant path is too long");
	pthread_mutex_lock(&r->lock);
	shard_drop_wait_locked(r, name);
	pthread_mutex_unlock(&r->lock);
	if (!make_parent(path, err))
		return false;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0 && errno == EEXIST)
		return exists_error(name, err);
	if (fd < 0)
		return pgerr_set(err, SQLSTATE_IO_ERROR, "could not create file \"%s\": %s", path,
				 strerror(errno));
	close(fd);
	LOG_INFO(0, name, "tenant created");
	return true;
}

/* rename(2) refuses nothing when the target exists: link(2) does, so the new name is taken
 * atomically, and the old one is unlinked after. */
static bool move_file(const char *from, const char *to, const char *new_name, struct pgerr *err)
{
	if (!make_parent(to, err))
		return false;
	if (link(from, to) != 0)
		return errno == EEXIST ? exists_error(new_name, err)
				       : pgerr_set(err, SQLSTATE_IO_ERROR,
						   "could not rename file \"%s\": %s", from,
						   strerror(errno));
	if (unlink(from) != 0) {
		int e = errno;
		(void)unlink(to);
		return pgerr_set(err, SQLSTATE_IO_ERROR, "could not rename file \"%s\": %s", from,
				 strerror(e));
	}
	return true;
}

bool shard_tenant_rename(struct shard_registry *r, const char *name, const char *new_name,
			 const struct shard_client *self, struct pgerr *err)
{
	char from[4096], to[4096], wal[4200];
	if (!shard_tenant_path(r, name, from, sizeof(from)) ||
	    !shard_tenant_path(r, new_name, to, sizeof(to)) || !shard_tenant_exists(r, name))
		return missing(name, err);
	if (shard_tenant_exists(r, new_name))
		return exists_error(new_name, err);
	const char *const names[2] = {name, new_name};
	if (!wait_unused(r, names, self, false, err))
		return false;
	close_idle(r, name);
	bool ok;
	snprintf(wal, sizeof(wal), "%s-wal", from);
	if (access(wal, F_OK) == 0) { /* another process has the file open: its WAL is live */
		ok = in_use_error(name, 1, err);
	} else {
		snprintf(wal, sizeof(wal), "%s-shm", from);
		(void)unlink(wal); /* a stale index would not describe the moved file's WAL */
		ok = access(from, F_OK) == 0 ? move_file(from, to, new_name, err)
					     : missing(name, err);
	}
	unmark(r, names);
	if (ok)
		LOG_INFO(0, name, "tenant renamed to \"%s\"", new_name);
	return ok;
}
