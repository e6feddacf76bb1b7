/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_xact.c: txid_current(), pg_current_xact_id(), pg_postmaster_start_time() and
 * pg_conf_load_time() (the server's start, or its last reload: pgfn_conf_loaded). SQLite has
 * no transaction ids: the number is the process's own counter (docs/catalog.md), handed out
 * once per transaction and kept for the rest of it. */
#include "pgfn_int.h"

#include <stdlib.h>

/* Read when the binary is loaded, before main: the server process's start, which is what
 * PostgreSQL's postmaster start time means for a one-process server. */
static int64_t process_start;
/* The next transaction number. Seeded with the start time in microseconds, so numbers keep
 * increasing across restarts as long as a run hands out fewer than one per microsecond. */
static int64_t next_xid;

/* When the configuration was last read: at the start, then at each reload. */
static int64_t conf_loaded;

__attribute__((constructor)) static void xact_init(void)
{
	process_start = pgtype_now();
	next_xid = process_start;
	conf_loaded = process_start;
}

void pgfn_conf_loaded(void) { __atomic_store_n(&conf_loaded, pgtype_now(), __ATOMIC_RELAXED); }

/* Per connection: the number of the transaction that asked last. A transaction is known by
 * the session lent to the connection and its start (pgfn_session.txn_start), which the
 * session keeps for the whole transaction and sets anew for the next one. */
struct xact_state {
	const struct pgfn_conn *c;
	const struct pgfn_session *sess;
	int64_t txn_start;
	int64_t xid;
};

static void fn_xid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct xact_state *x = sqlite3_user_data(ctx);
	const struct pgfn_session *s = x->c->sess;
	/* without a session (no transaction to be stable in) every call is a new number */
	if (!s || !s->txn_start || s != x->sess || s->txn_start != x->txn_start || !x->xid) {
		x->sess = s;
		x->txn_start = s ? s->txn_start : 0;
		x->xid = __atomic_add_fetch(&next_xid, 1, __ATOMIC_RELAXED);
	}
	sqlite3_result_int64(ctx, x->xid);
}

static void fn_start_time(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt v = {.oid = PGTYPE_TIMESTAMPTZ, .ts = process_start};
	pgfn_dt_result(ctx, &v);
}

static void fn_conf_load_time(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt v = {.oid = PGTYPE_TIMESTAMPTZ,
			    .ts = __atomic_load_n(&conf_loaded, __ATOMIC_RELAXED)};
	pgfn_dt_result(ctx, &v);
}

int pgfn_register_xact(sqlite3 *db, struct pgfn_conn *c)
{
	struct xact_state *x = base_xcalloc(1, sizeof(*x));
	x->c = c;
	/* volatile: a new transaction must see a new number (not SQLITE_DETERMINISTIC) */
	static const struct pgfn_def fns[] = {
		{"pg_current_xact_id", 0, fn_xid},
		{"pg_postmaster_start_time", 0, fn_start_time},
		{"pg_conf_load_time", 0, fn_conf_load_time},
	};
	/* the first owns x: SQLite frees it when db closes (or when registering it fails) */
	int rc = sqlite3_create_function_v2(db, "txid_current", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
					    x, fn_xid, NULL, NULL, free);
	if (rc == SQLITE_OK)
		rc = pgfn_define_with(db, fns, ARRAY_LEN(fns), SQLITE_INNOCUOUS, x);
	return rc;
}
