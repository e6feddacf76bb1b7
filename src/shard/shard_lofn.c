/* SPDX-License-Identifier: Apache-2.0 */
/* shard_lofn.c: large-object descriptors — lo_open, loread, lowrite, lo_lseek[64],
 * lo_tell[64], lo_truncate[64], lo_close — over the objects the catalog stores
 * (src/catalog/catalog_lo.c). A descriptor belongs to the session (its shard_client) and
 * lives until its transaction ends (shard_client_xact_end), as in PostgreSQL. Registered on
 * every tenant connection; they act for the session the connection is lent to. */
#include "shard_int.h"

#include "pgfn.h"

#include <stdlib.h>
#include <string.h>

#define INV_WRITE 0x00020000
#define INV_READ 0x00040000
#define LO_MAX_SIZE ((int64_t)2048 * INT32_MAX) /* PostgreSQL's MAX_LARGE_OBJECT_SIZE */
#define SQLSTATE_UNDEFINED_OBJECT "42704"
#define SQLSTATE_INVALID_PARAMETER "22023"
#define SQLSTATE_NOT_IN_PREREQUISITE_STATE "55000"

struct shard_lo_fd {
	bool used, writable;
	uint32_t oid;
	int64_t pos;
};

void shard_client_lo_close_all(struct shard_client *cl)
{
	struct shard_lo_fds *l = shard_client_lo(cl);
	free(l->v);
	*l = (struct shard_lo_fds){NULL, 0};
}

static struct shard_client *client_of(sqlite3_context *ctx)
{
	struct shard_conn *c = sqlite3_user_data(ctx);
	if (c->client && !shard_refuse_effect(ctx, c))
		return c->client;
	if (!c->client)
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "large-object descriptors need a client session");
	return NULL;
}

static bool any_null(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx); /* strict, as in PostgreSQL */
			return true;
		}
	return false;
}

/* Descriptor argv[0] of the session: 42704 "invalid large-object descriptor" otherwise. */
static struct shard_lo_fd *fd_of(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(ctx, argc, argv))
		return NULL;
	struct shard_client *cl = client_of(ctx);
	if (!cl)
		return NULL;
	struct shard_lo_fds *l = shard_client_lo(cl);
	int64_t fd = sqlite3_value_int64(argv[0]);
	if (fd >= 0 && fd < l->n && l->v[fd].used)
		return &l->v[fd];
	pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "invalid large-object descriptor: %lld",
		   (long long)fd);
	return NULL;
}

static bool writable(sqlite3_context *ctx, const struct shard_lo_fd *d, sqlite3_value *fd)
{
	if (d->writable)
		return true;
	pgfn_error(ctx, SQLSTATE_NOT_IN_PREREQUISITE_STATE,
		   "large object descriptor %lld was not opened for writing",
		   (long long)sqlite3_value_int64(fd));
	return false;
}

/* lo_open(oid, mode): the lowest free descriptor. */
static void fn_open(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(ctx, argc, argv))
		return;
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	int64_t mode = sqlite3_value_int64(argv[1]);
	if (!(mode & (INV_READ | INV_WRITE))) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER,
			   "invalid flags for opening a large object: %lld", (long long)mode);
		return;
	}
	if (!catalog_lo_exists(sqlite3_context_db_handle(ctx), oid)) {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "large object %u does not exist", oid);
		return;
	}
	struct shard_client *cl = client_of(ctx);
	if (!cl)
		return;
	struct shard_lo_fds *l = shard_client_lo(cl);
	int fd = 0;
	while (fd < l->n && l->v[fd].used)
		fd++;
	if (fd == l->n) {
		struct shard_lo_fd *v = realloc(l->v, (size_t)(fd + 1) * sizeof(*v));
		if (!v) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		l->v = v;
		l->n++;
	}
	l->v[fd] = (struct shard_lo_fd){true, (mode & INV_WRITE) != 0, oid, 0};
	sqlite3_result_int(ctx, fd);
}

static void fn_close(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_lo_fd *d = fd_of(ctx, argc, argv);
	if (!d)
		return;
	d->used = false;
	sqlite3_result_int(ctx, 0);
}

/* An object unlinked since it was opened: PostgreSQL's inv_api finds it gone too. */
static bool still_there(sqlite3_context *ctx, const struct shard_lo_fd *d)
{
	if (catalog_lo_exists(sqlite3_context_db_handle(ctx), d->oid))
		return true;
	pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "large object %u does not exist", d->oid);
	return false;
}

/* loread(fd, len): a negative length reads nothing, as be_loread. */
static void fn_read(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_lo_fd *d = fd_of(ctx, argc, argv);
	if (!d || !still_there(ctx, d))
		return;
	int64_t want = sqlite3_value_int64(argv[1]);
	want = want < 0 ? 0 : want;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	int64_t size = catalog_lo_size(db, d->oid);
	int64_t n = d->pos >= size ? 0 : size - d->pos;
	n = n < want ? n : want;
	catalog_lo_read(ctx, d->oid, d->pos, n);
	d->pos += n;
}

static void fn_write(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_lo_fd *d = fd_of(ctx, argc, argv);
	if (!d || !writable(ctx, d, argv[0]) || !still_there(ctx, d))
		return;
	int64_t n = sqlite3_value_bytes(argv[1]);
	if (!catalog_lo_write(ctx, d->oid, d->pos, sqlite3_value_blob(argv[1]), n))
		return;
	d->pos += n;
	sqlite3_result_int64(ctx, n);
}

/* lo_lseek and lo_tell answer int4: a position past it is 22003, as in PostgreSQL. */
static void result_pos(sqlite3_context *ctx, int64_t pos, bool wide, const char *fn,
		       sqlite3_value *fd)
{
	if (!wide && pos > INT32_MAX)
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "%s result out of range for large-object descriptor %lld", fn,
			   (long long)sqlite3_value_int64(fd));
	else
		sqlite3_result_int64(ctx, pos);
}

/* lo_lseek[64](fd, offset, whence): SEEK_SET 0, SEEK_CUR 1, SEEK_END 2. */
static void seek(sqlite3_context *ctx, int argc, sqlite3_value **argv, bool wide)
{
	struct shard_lo_fd *d = fd_of(ctx, argc, argv);
	if (!d || !still_there(ctx, d))
		return;
	int64_t off = sqlite3_value_int64(argv[1]), whence = sqlite3_value_int64(argv[2]);
	int64_t base = whence == 0   ? 0
		       : whence == 1 ? d->pos
		       : whence == 2 ? catalog_lo_size(sqlite3_context_db_handle(ctx), d->oid)
				     : -1;
	if (base < 0) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER, "invalid whence setting: %lld",
			   (long long)whence);
		return;
	}
	int64_t to = base + off;
	if (to < 0 || to > LO_MAX_SIZE) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER,
			   "invalid large object seek target: %lld", (long long)to);
		return;
	}
	d->pos = to;
	result_pos(ctx, to, wide, "lo_lseek", argv[0]);
}

static void fn_lseek(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	seek(ctx, argc, argv, false);
}

static void fn_lseek64(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	seek(ctx, argc, argv, true);
}

static void fn_tell(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_lo_fd *d = fd_of(ctx, argc, argv);
	if (d)
		result_pos(ctx, d->pos, false, "lo_tell", argv[0]);
}

static void fn_tell64(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_lo_fd *d = fd_of(ctx, argc, argv);
	if (d)
		sqlite3_result_int64(ctx, d->pos);
}

/* lo_truncate[64](fd, len): the position stays. */
static void fn_truncate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct shard_lo_fd *d = fd_of(ctx, argc, argv);
	if (!d || !writable(ctx, d, argv[0]) || !still_there(ctx, d))
		return;
	int64_t len = sqlite3_value_int64(argv[1]);
	if (len < 0 || len > LO_MAX_SIZE) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER,
			   "invalid large object truncation target: %lld", (long long)len);
		return;
	}
	if (catalog_lo_truncate(ctx, d->oid, len))
		sqlite3_result_int(ctx, 0);
}

static const struct {
	const char *name;
	int nargs;
	void (*fn)(sqlite3_context *, int, sqlite3_value **);
} fns[] = {
	{"lo_open", 2, fn_open},         {"lo_close", 1, fn_close},
	{"loread", 2, fn_read},          {"lowrite", 2, fn_write},
	{"lo_lseek", 3, fn_lseek},       {"lo_lseek64", 3, fn_lseek64},
	{"lo_tell", 1, fn_tell},         {"lo_tell64", 1, fn_tell64},
	{"lo_truncate", 2, fn_truncate}, {"lo_truncate64", 2, fn_truncate},
};

int shard_lo_register(struct shard_conn *c)
{
	int rc = SQLITE_OK;
	const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY; /* side effects: never from the schema */
	for (size_t i = 0; rc == SQLITE_OK && i < sizeof(fns) / sizeof(fns[0]); i++)
		rc = sqlite3_create_function_v2(c->db, fns[i].name, fns[i].nargs, flags, c,
						fns[i].fn, NULL, NULL, NULL);
	return rc;
}
