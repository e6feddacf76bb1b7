/* SPDX-License-Identifier: Apache-2.0 */
/* shard_serial.c: a serial key's numbers held ahead for the tenant, as PostgreSQL logs a
 * sequence SEQ_LOG_VALS (32) numbers ahead of the last one given. A serial primary key is
 * SQLite's AUTOINCREMENT rowid, whose sequence is the table's sqlite_sequence row; SQLite
 * rewrites that row's page at every insert that it numbers (a third of a single-row insert's
 * WAL frames), but skips the write when the statement's largest key is not above the value
 * it read at the statement's start. So an INSERT ... VALUES (or DEFAULT VALUES) that leaves
 * the key out gives it as shardlite_serial(table, max, its largest key, its seq) (xlat_dml.c),
 * and the number comes from here:
 *
 *   the row reads seq (as its transaction sees it); the tenant holds (given, hi] for the table:
 *     seq == hi, given < hi, catalog_seq_epoch unchanged since hi was written, no key of
 *     the table above given ...... ++given: at or below the value SQLite read at the
 *                                  statement's start, so SQLite writes nothing
 *     otherwise (first use, the numbers held used up, a rollback or another process moved
 *     seq, setval / RESTART / TRUNCATE ... RESTART IDENTITY, nextval)
 *        ......................... NULL: SQLite numbers the row as it numbers an omitted key
 *                                  (past seq and the largest key) and writes seq; this
 *                                  connection's COMMIT first writes seq 32 further (where seq
 *                                  is still what it read) and the tenant holds those 32
 *
 * Every number given is at most seq as the transaction sees it, so a committed number is at
 * most the committed seq: after a crash, or once the tenant's last connection has closed and
 * its record is gone, numbering goes on above it and never repeats one; the numbers held and
 * not given are skipped, the gap PostgreSQL leaves after a crash. The function runs inside
 * the INSERT, which holds the tenant's write lock, so two connections never give numbers at
 * once; the mutex orders the tenant's records between their threads. A statement that
 * commits alone (SQLite's autocommit: a simple Query's lone write) has no COMMIT to write
 * ahead in, so SQLite numbers it as before. */
#include "shard_int.h"

#include "catalog.h"
#include "pgfn.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SERIAL_LOG_VALS 32 /* PostgreSQL's SEQ_LOG_VALS */

struct shard_serial {
	struct shard_serial *next;
	int64_t row; /* the table's sqlite_sequence row (a rename keeps it) */
	char table[SHARD_SERIAL_NAME_MAX];
	int64_t given, hi;      /* numbers given up to given; held up to hi (seq is hi) */
	int64_t max;            /* the key type's largest number */
	uint64_t epoch;         /* catalog_seq_epoch() when hi was read or written */
	struct shard_conn *due; /* whose commit writes seq = given + 32 first, or NULL */
};

static pthread_mutex_t serial_mu = PTHREAD_MUTEX_INITIALIZER;

/* The rowid and seq of table's sqlite_sequence row as the running transaction sees them;
 * false when there is none (or the read failed: SQLite then numbers the row). */
static bool read_seq(struct shard_conn *c, const char *table, int64_t *row, int64_t *seq)
{
	if (!c->serial_vm) {
		shard_authz_internal_begin(c->db, &c->authz, 0);
		int rc = sqlite3_prepare_v3(
			c->db,
			"SELECT rowid, seq FROM main.sqlite_sequence WHERE name = ?1 "
			"COLLATE NOCASE",
			-1, SQLITE_PREPARE_PERSISTENT, &c->serial_vm, NULL);
		shard_authz_internal_end(c->db, &c->authz);
		if (rc != SQLITE_OK)
			return false;
	}
	sqlite3_bind_text(c->serial_vm, 1, table, -1, SQLITE_STATIC);
	bool found = sqlite3_step(c->serial_vm) == SQLITE_ROW;
	if (found) {
		*row = sqlite3_column_int64(c->serial_vm, 0);
		*seq = sqlite3_column_int64(c->serial_vm, 1);
	}
	sqlite3_reset(c->serial_vm);
	sqlite3_clear_bindings(c->serial_vm);
	return found;
}

/* seq = want in row where it is still seq; false when it was not written. Kept prepared on c
 * with the read (c->serial_vm's pair). */
static bool write_seq(struct shard_conn *c, int64_t row, int64_t seq, int64_t want)
{
	if (!c->serial_upd_vm) {
		shard_authz_internal_begin(c->db, &c->authz, 0);
		int rc = sqlite3_prepare_v3(
			c->db,
			"UPDATE main.sqlite_sequence SET seq = ?2 WHERE rowid = ?1 "
			"AND seq = ?3",
			-1, SQLITE_PREPARE_PERSISTENT, &c->serial_upd_vm, NULL);
		shard_authz_internal_end(c->db, &c->authz);
		if (rc != SQLITE_OK)
			return false;
	}
	sqlite3_stmt *st = c->serial_upd_vm;
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_int64(st, 2, want);
	sqlite3_bind_int64(st, 3, seq);
	bool ok = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(c->db) == 1;
	sqlite3_reset(st);
	return ok;
}

/* The entry of table by name; NULL when none. */
static struct shard_serial *find(struct shard_tenant *t, const char *table)
{
	for (struct shard_serial *e = t->serials; e; e = e->next)
		if (strcasecmp(e->table, table) == 0)
			return e;
	return NULL;
}

/* The entry of the table whose sqlite_sequence row is row: by the row (a table renamed since
 * keeps it), else one of its name a rebuild left without a row (shard_serial_rebuilt), else
 * a new one. */
static struct shard_serial *entry(struct shard_tenant *t, int64_t row, const char *table)
{
	struct shard_serial *e = t->serials;
	while (e && e->row != row)
		e = e->next;
	for (struct shard_serial *x = t->serials; !e && x; x = x->next)
		if (x->row == 0 && strcasecmp(x->table, table) == 0)
			e = x;
	if (!e) {
		e = base_xcalloc(1, sizeof(*e));
		e->next = t->serials;
		t->serials = e;
	}
	snprintf(e->table, sizeof(e->table), "%s", table);
	e->row = row;
	return e;
}

void shard_serial_rebuilt(struct shard_conn *c, const char *table)
{
	if (!c->t || !table)
		return;
	pthread_mutex_lock(&serial_mu);
	struct shard_serial *e = find(c->t, table);
	if (e)
		e->row = 0; /* the copy's row is found by name at the next insert */
	pthread_mutex_unlock(&serial_mu);
}

void shard_serial_dropped(struct shard_conn *c, const char *table)
{
	size_t n = table ? strlen(table) : 0, k = strlen(SHARD_REBUILD_ASIDE);
	if (!c->t || (n > k && strcmp(table + n - k, SHARD_REBUILD_ASIDE) == 0))
		return;
	pthread_mutex_lock(&serial_mu);
	for (struct shard_serial *e = c->t->serials; e; e = e->next)
		e->hi = 0; /* seq is never 0 while numbers are held */
	pthread_mutex_unlock(&serial_mu);
}

/* Whether e holds numbers for a table whose sqlite_sequence row reads seq and whose largest
 * key is top (none: NULL) — no key of the table may lie among them (a key given explicitly).
 * The mutex is held. */
static bool holds(const struct shard_serial *e, int64_t row, int64_t seq, sqlite3_value *top,
		  uint64_t epoch)
{
	return e && e->row == row && seq == e->hi && e->epoch == epoch && e->given < e->hi &&
	       (sqlite3_value_type(top) == SQLITE_NULL || sqlite3_value_int64(top) <= e->given);
}

/* shardlite_serial(table, max, (SELECT max(rowid) FROM table), (SELECT seq FROM
 * sqlite_sequence WHERE name = table), (SELECT rowid FROM sqlite_sequence WHERE name =
 * table)): the next number of table's serial key, or NULL, which SQLite numbers as it numbers
 * an omitted key (past seq and the largest key, then writes seq). The subqueries run once per
 * statement, in it: seq as SQLite read it at its start. */
static void fn_serial(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct shard_conn *c = sqlite3_user_data(ctx);
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	struct shard_tenant *t = table && strlen(table) < SHARD_SERIAL_NAME_MAX ? c->t : NULL;
	if (!t || sqlite3_value_type(argv[3]) == SQLITE_NULL) {
		sqlite3_result_null(ctx); /* no row yet: SQLite makes it */
		return;
	}
	int64_t seq = sqlite3_value_int64(argv[3]), row = sqlite3_value_int64(argv[4]), seq2 = 0;
	uint64_t epoch = catalog_seq_epoch();
	int64_t v = 0;
	pthread_mutex_lock(&serial_mu);
	struct shard_serial *e = find(t, table);
	if (holds(e, row, seq, argv[2], epoch))
		v = ++e->given;
	pthread_mutex_unlock(&serial_mu);
	if (v > 0) {
		sqlite3_result_int64(ctx, v);
		return;
	}
	/* its row: a table renamed since is found by it */
	if (read_seq(c, table, &row, &seq2)) {
		pthread_mutex_lock(&serial_mu);
		e = entry(t, row, table);
		if (holds(e, row, seq, argv[2], epoch)) {
			v = ++e->given;
		} else {
			e->max = sqlite3_value_int64(argv[1]);
			e->due = c; /* the commit holds numbers past what SQLite gives now */
			c->serial_due = true;
		}
		pthread_mutex_unlock(&serial_mu);
	}
	if (v > 0)
		sqlite3_result_int64(ctx, v);
	else
		sqlite3_result_null(ctx);
}

/* The table's largest key as an SQL value (NULL when empty or unreadable); the caller
 * frees it with sqlite3_value_free. Only for nextval and the catalog's reads. */
static sqlite3_value *largest_key(struct shard_conn *c, const char *table)
{
	char *sql = sqlite3_mprintf("SELECT max(rowid) FROM main.\"%w\"", table);
	sqlite3_stmt *st = NULL;
	sqlite3_value *v = NULL;
	shard_authz_internal_begin(c->db, &c->authz, 0);
	int rc = sql ? sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	shard_authz_internal_end(c->db, &c->authz);
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_value_dup(sqlite3_column_value(st, 0));
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return v;
}

/* catalog_serial_given_fn: the last number given while numbers are held for table. */
static bool serial_given(void *arg, const char *table, int64_t *given)
{
	struct shard_conn *c = arg;
	int64_t row = 0, seq = 0;
	if (!c->t || !table || !read_seq(c, table, &row, &seq))
		return false;
	sqlite3_value *top = largest_key(c, table);
	uint64_t epoch = catalog_seq_epoch();
	pthread_mutex_lock(&serial_mu);
	const struct shard_serial *e = c->t->serials;
	while (e && e->row != row) /* by its row: a table renamed since keeps it */
		e = e->next;
	bool held = top && holds(e, row, seq, top, epoch);
	if (held)
		*given = e->given;
	pthread_mutex_unlock(&serial_mu);
	sqlite3_value_free(top);
	return held;
}

int shard_serial_register(struct shard_conn *c)
{
	catalog_set_serial_given(c->cat, serial_given, c);
	return sqlite3_create_function_v2(c->db, "shardlite_serial", 5,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, c, fn_serial, NULL, NULL,
					  NULL);
}

/* For each table whose numbering c's transaction left to SQLite: writes seq 32 past its value
 * (at most the key type's largest), and the tenant holds those numbers. A failed write holds
 * none: the next insert is numbered by SQLite again. */
void shard_serial_commit(struct shard_conn *c)
{
	if (!c->t || !c->serial_due)
		return;
	c->serial_due = false;
	/* only in a transaction that writes already (a lone insert committed itself: a later
	 * read-only transaction must not start writing here) */
	if (sqlite3_txn_state(c->db, "main") != SQLITE_TXN_WRITE)
		return;
	pthread_mutex_lock(&serial_mu);
	struct shard_serial *e = c->t->serials;
	pthread_mutex_unlock(&serial_mu);
	/* Entries are only added, at the head, and c's transaction holds the tenant's write
	 * lock: no other connection gives this tenant's numbers meanwhile, so the SQL runs
	 * without the mutex (other tenants' inserts take it). */
	for (; e; e = e->next) {
		pthread_mutex_lock(&serial_mu);
		bool due = e->due == c;
		e->due = due ? NULL : e->due;
		pthread_mutex_unlock(&serial_mu);
		int64_t row = 0, seq = 0, want = 0;
		uint64_t epoch = catalog_seq_epoch();
		if (!due || !read_seq(c, e->table, &row, &seq) || row != e->row || seq >= e->max)
			continue;
		want = e->max - seq < SERIAL_LOG_VALS ? e->max : seq + SERIAL_LOG_VALS;
		if (!write_seq(c, row, seq, want))
			continue;
		pthread_mutex_lock(&serial_mu);
		e->given = seq;
		e->hi = want;
		e->epoch = epoch;
		pthread_mutex_unlock(&serial_mu);
	}
}

void shard_serial_rollback(struct shard_conn *c)
{
	if (!c->t || !c->serial_due)
		return;
	c->serial_due = false;
	pthread_mutex_lock(&serial_mu);
	for (struct shard_serial *e = c->t->serials; e; e = e->next)
		if (e->due == c)
			e->due = NULL;
	pthread_mutex_unlock(&serial_mu);
}

void shard_serial_free(struct shard_tenant *t)
{
	while (t->serials) {
		struct shard_serial *e = t->serials;
		t->serials = e->next;
		free(e);
	}
}
