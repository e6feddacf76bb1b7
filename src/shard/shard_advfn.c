/* SPDX-License-Identifier: Apache-2.0 */
/* shard_advfn.c: the SQL functions over shard_client.c — pg_advisory_lock and its shared,
 * transaction-level and try variants (one bigint key or two int4 keys, encoded as PostgreSQL
 * encodes them in pg_locks), pg_advisory_unlock[_shared|_all], pg_cancel_backend and
 * pg_terminate_backend. Registered on every tenant connection; they act for the session the
 * connection is lent to (shard_conn_lend). */
#include "shard_int.h"

#include "pgfn.h"

#include <string.h>

enum { ADV_SHARED = 1, ADV_XACT = 2, ADV_TRY = 4, ADV_UNLOCK = 8 };

static const struct {
	const char *name;
	unsigned flags;
} variants[SHARD_ADV_NFN] = {
	{"pg_advisory_lock", 0},
	{"pg_advisory_lock_shared", ADV_SHARED},
	{"pg_advisory_xact_lock", ADV_XACT},
	{"pg_advisory_xact_lock_shared", ADV_XACT | ADV_SHARED},
	{"pg_try_advisory_lock", ADV_TRY},
	{"pg_try_advisory_lock_shared", ADV_TRY | ADV_SHARED},
	{"pg_try_advisory_xact_lock", ADV_TRY | ADV_XACT},
	{"pg_try_advisory_xact_lock_shared", ADV_TRY | ADV_XACT | ADV_SHARED},
	{"pg_advisory_unlock", ADV_UNLOCK},
	{"pg_advisory_unlock_shared", ADV_UNLOCK | ADV_SHARED},
};

static struct shard_client *client_of(sqlite3_context *ctx, struct shard_conn *c)
{
	if (c->client)
		return c->client;
	pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "advisory locks need a client session");
	return NULL;
}

/* PostgreSQL's pg_locks encoding: a bigint key is (classid = high half, objid = low half,
 * objsubid 1); two int4 keys are (classid = first, objid = second, objsubid 2). */
static bool key_of(sqlite3_context *ctx, int argc, sqlite3_value **argv, struct shard_adv_key *k)
{
	if (argc == 1) {
		uint64_t v = (uint64_t)sqlite3_value_int64(argv[0]);
		*k = (struct shard_adv_key){(uint32_t)(v >> 32), (uint32_t)v, 1};
		return true;
	}
	for (int i = 0; i < 2; i++) {
		int64_t v = sqlite3_value_int64(argv[i]);
		if (v < INT32_MIN || v > INT32_MAX) {
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
			return false;
		}
	}
	*k = (struct shard_adv_key){(uint32_t)sqlite3_value_int(argv[0]),
				    (uint32_t)sqlite3_value_int(argv[1]), 2};
	return true;
}

/* A statement its borrower may run again from scratch must not lock, unlock or signal: the
 * rerun would do it twice. It fails before acting, and the borrower runs it where it is final. */
bool shard_refuse_effect(sqlite3_context *ctx, struct shard_conn *c)
{
	if (!c->restartable)
		return false;
	c->refused_effect = true;
	sqlite3_result_error(ctx, "function with effects in a restartable statement", -1);
	sqlite3_result_error_code(ctx, SQLITE_INTERRUPT);
	return true;
}

void shard_conn_set_restartable(struct shard_conn *c, bool on) { c->restartable = on; }

bool shard_conn_refused_effect(struct shard_conn *c)
{
	bool r = c->refused_effect;
	c->refused_effect = false;
	return r;
}

static void fn_advisory(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct shard_adv_fn *f = sqlite3_user_data(ctx);
	if (shard_refuse_effect(ctx, f->c))
		return;
	struct shard_client *cl = client_of(ctx, f->c);
	struct shard_adv_key k;
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx); /* strict, as in PostgreSQL */
			return;
		}
	}
	if (!cl || !key_of(ctx, argc, argv, &k))
		return;
	bool shared = f->flags & ADV_SHARED;
	if (f->flags & ADV_UNLOCK) {
		sqlite3_result_int(ctx, shard_adv_unlock(cl, &k, shared));
		return;
	}
	bool wait = !(f->flags & ADV_TRY);
	bool got = shard_adv_lock(cl, &k, shared, f->flags & ADV_XACT, wait);
	if (!wait) {
		sqlite3_result_int(ctx, got);
	} else if (got) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC); /* void */
	} else {
		/* Held by another session: the statement fails before any effect and the
		 * session parks until a lock of the tenant is let go, then runs it again. */
		sqlite3_result_error(ctx, "advisory lock held by another session", -1);
		sqlite3_result_error_code(ctx, SQLITE_BUSY);
	}
}

static void fn_unlock_all(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (shard_refuse_effect(ctx, sqlite3_user_data(ctx)))
		return;
	struct shard_client *cl = client_of(ctx, sqlite3_user_data(ctx));
	if (!cl)
		return;
	shard_adv_unlock_all(cl);
	sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
}

/* pg_cancel_backend(pid), pg_terminate_backend(pid [, timeout]): sessions of the same tenant
 * and user; any other pid is not a backend of this database (PostgreSQL also warns). */
static void signal_common(sqlite3_context *ctx, sqlite3_value **argv, enum shard_signal sig)
{
	if (shard_refuse_effect(ctx, sqlite3_user_data(ctx)))
		return;
	struct shard_client *cl = client_of(ctx, sqlite3_user_data(ctx));
	if (!cl)
		return;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t pid = sqlite3_value_int64(argv[0]);
	switch (pid < 0 || pid > UINT32_MAX ? SHARD_SIGNAL_NO_SUCH
					    : shard_client_signal(cl, (uint32_t)pid, sig)) {
	case SHARD_SIGNAL_SENT:
		sqlite3_result_int(ctx, 1);
		break;
	case SHARD_SIGNAL_DENIED:
		pgfn_error(ctx, SQLSTATE_INSUFFICIENT_PRIVILEGE,
			   "must be a member of the role whose %s or member of pg_signal_backend",
			   sig == SHARD_SIGNAL_CANCEL ? "query is being canceled"
						      : "process is being terminated");
		break;
	case SHARD_SIGNAL_NO_SUCH:
		sqlite3_result_int(ctx, 0); /* PostgreSQL also warns: not a backend process */
		break;
	}
}

static void fn_cancel(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	signal_common(ctx, argv, SHARD_SIGNAL_CANCEL);
}

static void fn_terminate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	signal_common(ctx, argv, SHARD_SIGNAL_TERMINATE);
}

int shard_adv_register(struct shard_conn *c)
{
	int rc = SQLITE_OK;
	const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY; /* side effects: never from the schema */
	for (int i = 0; rc == SQLITE_OK && i < SHARD_ADV_NFN; i++) {
		c->adv_fns[i] = (struct shard_adv_fn){c, variants[i].flags};
		for (int nargs = 1; rc == SQLITE_OK && nargs <= 2; nargs++)
			rc = sqlite3_create_function_v2(c->db, variants[i].name, nargs, flags,
							&c->adv_fns[i], fn_advisory, NULL, NULL,
							NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(c->db, "pg_advisory_unlock_all", 0, flags, c,
						fn_unlock_all, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(c->db, "pg_cancel_backend", 1, flags, c,
						fn_cancel, NULL, NULL, NULL);
	for (int nargs = 1; rc == SQLITE_OK && nargs <= 2; nargs++)
		rc = sqlite3_create_function_v2(c->db, "pg_terminate_backend", nargs, flags, c,
						fn_terminate, NULL, NULL, NULL);
	return rc;
}
