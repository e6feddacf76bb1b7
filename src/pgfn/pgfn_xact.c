/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_xact.c: txid_current(), pg_current_xact_id(), pg_postmaster_start_time() and
 * pg_conf_load_time() (the server's start, or its last reload: pgfn_conf_loaded). SQLite has
 * no transaction ids: the number is the process's own counter (docs/catalog.md), handed out
 * once per transaction and kept for the rest of it. Also the helpers of the system columns
 * xmax and ctid (xlat_syscol.c): pgfn_upsert_updating, pgfn_tid_rowid and the collation
 * pgfn_tid. And pgfn_xid_in, PostgreSQL 15's xidin of a text made an xid when the statement
 * runs (xlat_xid.c). */
#include "pgfn_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* pgfn_upsert_updating(rowid): called by ON CONFLICT DO UPDATE's WHERE just before it updates
 * the row rowid; sets last_insert_rowid() to a number that is not rowid, so that RETURNING,
 * evaluated right after each row's change, tells an updated row (last_insert_rowid() is not
 * its rowid) from an inserted one (SQLite set it to the new row's rowid). True. */
static void fn_upsert_updating(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_int64 rowid = sqlite3_value_int64(argv[0]);
	sqlite3_set_last_insert_rowid(sqlite3_context_db_handle(ctx),
				      rowid == INT64_MIN ? INT64_MAX : INT64_MIN);
	sqlite3_result_int(ctx, 1);
}

/* pgfn_tid_rowid(text): a tid as PostgreSQL's tidin reads it, '(block,offset)', as the rowid
 * block * 65536 + offset it stands for (xlat_syscol.c writes a rowid's ctid so); 22P02 for
 * what tidin refuses. */
static void fn_tid_rowid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	const char *p = s ? s : "";
	char *end;
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	bool ok = *p++ == '(';
	unsigned long long block = ok ? strtoull(p, &end, 10) : 0;
	ok = ok && end != p && *end == ',' && block <= UINT32_MAX && !strchr(p, '-');
	p = ok ? end + 1 : p;
	unsigned long long off = ok ? strtoull(p, &end, 10) : 0;
	ok = ok && end != p && *end == ')' && off <= UINT16_MAX;
	for (p = ok ? end + 1 : p; ok && *p; p++)
		ok = *p == ' ' || *p == '\t' || *p == '\n';
	if (!ok) {
		pgfn_error(ctx, "22P02", "invalid input syntax for type tid: \"%s\"", s ? s : "");
		return;
	}
	sqlite3_result_int64(ctx, (sqlite3_int64)(block << 16 | off));
}

/* A tid's text "(block,offset)" as the number block * 65536 + offset; false if it is none. */
static bool tid_number(const char *s, int n, uint64_t *out)
{
	char buf[48];
	unsigned long block, offset;
	int end = 0;
	if (n < 0 || (size_t)n >= sizeof(buf))
		return false;
	memcpy(buf, s, (size_t)n);
	buf[n] = '\0';
	if (sscanf(buf, "(%lu,%lu)%n", &block, &offset, &end) != 2 || end != n)
		return false;
	*out = (uint64_t)block << 16 | offset;
	return true;
}

/* Collation pgfn_tid: ctid texts in PostgreSQL's tid order (block, then offset), which ORDER
 * BY, min/max and DISTINCT of a ctid use; other text after them, bytewise. */
static int collate_tid(void *arg, int na, const void *a, int nb, const void *b)
{
	(void)arg;
	uint64_t x, y;
	bool tx = tid_number(a, na, &x), ty = tid_number(b, nb, &y);
	if (tx && ty)
		return x < y ? -1 : x > y;
	if (tx != ty)
		return tx ? -1 : 1;
	int c = memcmp(a, b, (size_t)(na < nb ? na : nb));
	return c ? c : na - nb;
}

/* xidin: strtoul(s, NULL, 0) taken to 32 bits, never an error; an integer (a parameter
 * decoded at Bind) is taken to 32 bits the same way. */
static void fn_xid_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	switch (sqlite3_value_type(argv[0])) {
	case SQLITE_NULL:
		return;
	case SQLITE_INTEGER:
		sqlite3_result_int64(ctx, (uint32_t)sqlite3_value_int64(argv[0]));
		return;
	default: {
		const char *s = (const char *)sqlite3_value_text(argv[0]);
		if (!s) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		sqlite3_result_int64(ctx, (uint32_t)strtoul(s, NULL, 0));
		return;
	}
	}
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
	/* not SQLITE_DETERMINISTIC: called for each row, never hoisted out of the loop */
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "pgfn_upsert_updating", 1, SQLITE_UTF8, NULL,
						fn_upsert_updating, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "pgfn_tid_rowid", 1,
						SQLITE_UTF8 | SQLITE_DETERMINISTIC |
							SQLITE_INNOCUOUS,
						NULL, fn_tid_rowid, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "pgfn_xid_in", 1,
						SQLITE_UTF8 | SQLITE_DETERMINISTIC |
							SQLITE_INNOCUOUS,
						NULL, fn_xid_in, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(db, "pgfn_tid", SQLITE_UTF8, NULL, collate_tid);
	return rc;
}
