/* SPDX-License-Identifier: Apache-2.0 */
/* shard_seq.c: a sequence of its own (CREATE SEQUENCE, an identity or serial column that is not
 * the rowid key) gives its numbers as PostgreSQL's do: nextval and setval are not undone by a
 * rollback, and nextval does not wait for another transaction. The sequence's row in the
 * tenant's file (the catalog's sidecar) is written ahead, as PostgreSQL logs SEQ_LOG_VALS (32)
 * numbers ahead (or CACHE, when larger); the tenant keeps per sequence
 *
 *   last, called  the last number given (any session's), never given again while the server
 *                 runs; called false: the next one is last itself (a new sequence, setval
 *                 false);
 *   logged        what the committed row says (last_value, is_called = logged_ok): the
 *                 numbers in (last, logged] are held, given from memory: no write, no lock;
 *   pend, pend_by what pend_by's open write transaction wrote to the row: the numbers in
 *                 (last, pend] are pend_by's alone until it commits (logged = pend) or rolls
 *                 back (logged stays, last stays: its numbers are not given again);
 *   ddl_by        whose open transaction changed the row by DDL (CREATE, ALTER, DROP,
 *                 RENAME, RESTART IDENTITY): that transaction reads and writes the row itself,
 *                 as PostgreSQL's ALTER SEQUENCE is transactional; its commit drops the
 *                 record, which the next use builds again from the committed row.
 *
 *   nextval n ─> n in (last, top] ........ given, nothing written   (top: pend for pend_by,
 *            │                                                         logged for the others)
 *            ├─> caller holds the write lock: the row is written to n + 32 in its own
 *            │   transaction (pend); its COMMIT writes it again first (a savepoint or a
 *            │   failed statement may have undone it), so its commit makes the range durable
 *            └─> otherwise: another pooled connection of the tenant writes and commits the
 *                row to n + 32 at once (BEGIN IMMEDIATE, no wait: SQLITE_BUSY parks the
 *                statement, which runs again once the lock holder let go) — the only wait,
 *                once per 32 numbers, and only while another transaction holds the lock.
 *
 * Every number a committed transaction was given is at most the committed row (the helper's
 * commit lands before the number is given; a pend range commits with its transaction), so
 * after a crash numbering goes on above it: the numbers held and not given are skipped, as
 * PostgreSQL's unflushed sequence WAL. A record is built from the committed row read by a
 * pooled connection outside the caller's transaction (never from a stale snapshot). When the
 * tenant's last connection closes and at shutdown the records are put back with the serial
 * keys' (shard_serial.c): the row written to the last number given where it still reads what
 * was written ahead, so there is no gap where PostgreSQL has none. A temporary sequence, a serial key's sequence
 * (shard_serial.c) and a sequence whose row the caller's transaction changed by DDL keep the
 * row-in-the-transaction behaviour (CATALOG_SEQ_ROW). The mutex orders the records between
 * threads; SQL runs without it, one writer per record at a time (writing). */
#include "shard_int.h"

#include "catalog.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEQ_LOG_VALS 32 /* PostgreSQL's */
/* A write-ahead that met another transaction's write lock makes the next one hold four times
 * as many, up to this: a tenant whose writers hold the lock for long holds more between them
 * (a crash skips more; a close or shutdown puts them back). */
#define SEQ_HOLD_MAX 4096
#define SEQ_TRIES 4 /* rounds of a nextval whose write-ahead raced another's */
#define SEQ_TABLE "main._shardlite_sequences"

struct shard_seq {
	struct shard_seq *next;
	char name[SHARD_SERIAL_NAME_MAX];
	bool live; /* false: none yet, or dropped by a DDL's commit: built again from the row */
	bool called, logged_ok, pend_called, writing;
	bool grow;    /* a write-ahead met the lock busy: the next one holds more */
	int64_t hold; /* how many a write-ahead holds (0: 32, or CACHE if larger) */
	int64_t last, logged, pend;
	struct shard_conn *pend_by, *ddl_by;
};

static pthread_mutex_t seq_mu = PTHREAD_MUTEX_INITIALIZER;

/* The numbers the running statement was given (of one sequence, the first SEQ_RUN_MAX), for
 * a replay of it after it failed (shard_rowfail.c, shard_ukey.c, shard_fkey.c): each replay
 * gets them again from the first, and takes none; past them, or of another sequence, a replay
 * takes new ones. */
#define SEQ_RUN_MAX 64
static _Thread_local bool seq_replay;
static _Thread_local struct {
	char name[SHARD_SERIAL_NAME_MAX]; /* "": none */
	int64_t v[SEQ_RUN_MAX];
	int n, pos;
} seq_run;

void shard_seq_replay(bool on)
{
	seq_replay = on;
	seq_run.pos = 0;
}

void shard_seq_run_begin(void)
{
	seq_run.name[0] = '\0';
	seq_run.n = 0;
}

static void note_given(const char *name, int64_t v)
{
	if (!seq_run.name[0])
		snprintf(seq_run.name, sizeof(seq_run.name), "%s", name);
	if (strcmp(seq_run.name, name) == 0 && seq_run.n < SEQ_RUN_MAX)
		seq_run.v[seq_run.n++] = v;
}

static bool given_again(const char *name, int64_t *v)
{
	if (!seq_replay || strcmp(seq_run.name, name) != 0 || seq_run.pos >= seq_run.n)
		return false;
	*v = seq_run.v[seq_run.pos++];
	return true;
}

/* name's record (one per name; kept until the tenant's struct goes), added when add. The
 * mutex is held. */
static struct shard_seq *find(struct shard_tenant *t, const char *name, bool add)
{
	for (struct shard_seq *e = t->seqs; e; e = e->next)
		if (strcmp(e->name, name) == 0)
			return e;
	if (!add)
		return NULL;
	struct shard_seq *e = base_xcalloc(1, sizeof(*e));
	snprintf(e->name, sizeof(e->name), "%s", name);
	e->next = t->seqs;
	t->seqs = e;
	return e;
}

/* Runs sql (?1 name, ?2 value, ?3 is_called) on c; *last and *lcalled from its row when it reads
 * one. SQLITE_ROW (read), SQLITE_DONE (written or no row), or the failure. */
static int run(struct shard_conn *c, const char *sql, const char *name, int64_t v, bool called,
	       int64_t *last, bool *lcalled)
{
	sqlite3_stmt *st = NULL;
	shard_authz_internal_begin(c->db, &c->authz, 0);
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(st) >= 3) {
			sqlite3_bind_int64(st, 2, v);
			sqlite3_bind_int(st, 3, called);
		}
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && last) {
			*last = sqlite3_column_int64(st, 0);
			*lcalled = sqlite3_column_int(st, 1) != 0;
		}
	}
	sqlite3_finalize(st);
	shard_authz_internal_end(c->db, &c->authz);
	return rc;
}

static int write_row(struct shard_conn *c, const char *name, int64_t v, bool called)
{
	int rc = run(c, "UPDATE " SEQ_TABLE " SET last_value = ?2, is_called = ?3 WHERE name = ?1",
		     name, v, called, NULL, NULL);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Another pooled connection of c's tenant, outside c's transaction; NULL with *rc. May block
 * on disk (opening one). */
static struct shard_conn *helper(struct shard_conn *c, int *rc)
{
	struct pgerr err;
	pgerr_clear(&err);
	struct shard_conn *h = shard_conn_acquire(c->reg, c->tenant, &err);
	if (!h)
		*rc = SQLITE_CANTOPEN;
	return h;
}

/* The committed row of name as a connection outside c's transaction reads it: SQLITE_ROW,
 * SQLITE_DONE (none: a sequence c's open transaction made), or the failure. */
static int read_committed(struct shard_conn *c, const char *name, int64_t *last, bool *called)
{
	int rc = SQLITE_OK;
	struct shard_conn *h = helper(c, &rc);
	if (!h)
		return rc;
	rc = run(h, "SELECT last_value, is_called FROM " SEQ_TABLE " WHERE name = ?1", name, 0,
		 false, last, called);
	shard_conn_release(h);
	return rc;
}

/* Writes name's row and commits it at once, on another connection: SQLITE_OK, SQLITE_BUSY
 * (the write lock is held: not waited for), or the failure. */
static int write_committed(struct shard_conn *c, const char *name, int64_t v, bool called)
{
	int rc = SQLITE_OK;
	struct shard_conn *h = helper(c, &rc);
	if (!h)
		return rc;
	rc = sqlite3_exec(h->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK) {
		rc = write_row(h, name, v, called);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
	}
	shard_conn_release(h); /* wakes the lock's waiters */
	return (rc & 0xff) == SQLITE_BUSY ? SQLITE_BUSY : rc;
}

/* The live record of name for c (built from the committed row when it has none), with the
 * mutex held; NULL, unlocked, with *rc: CATALOG_SEQ_ROW (c's transaction owns the row) or a
 * failure. */
static struct shard_seq *live(struct shard_conn *c, const char *name, int *rc)
{
	pthread_mutex_lock(&seq_mu);
	struct shard_seq *e = find(c->t, name, false);
	if (e && e->ddl_by == c) {
		pthread_mutex_unlock(&seq_mu);
		*rc = CATALOG_SEQ_ROW;
		return NULL;
	}
	if (e && e->ddl_by) { /* another's ALTER, DROP, RENAME: as PostgreSQL's lock, wait */
		pthread_mutex_unlock(&seq_mu);
		*rc = SQLITE_BUSY;
		return NULL;
	}
	if (e && e->live)
		return e;
	pthread_mutex_unlock(&seq_mu);
	if (c->restartable) { /* a borrow that may not block on disk: run it where it is final */
		c->refused_effect = true;
		*rc = SQLITE_INTERRUPT;
		return NULL;
	}
	int64_t last = 0;
	bool called = false;
	*rc = read_committed(c, name, &last, &called);
	if (*rc != SQLITE_ROW) {
		*rc = *rc == SQLITE_DONE ? CATALOG_SEQ_ROW : *rc;
		return NULL;
	}
	pthread_mutex_lock(&seq_mu);
	e = find(c->t, name, true);
	if (e->ddl_by) {
		pthread_mutex_unlock(&seq_mu);
		*rc = e->ddl_by == c ? CATALOG_SEQ_ROW : SQLITE_BUSY;
		return NULL;
	}
	if (!e->live) {
		e->live = true;
		e->last = e->logged = last;
		e->called = e->logged_ok = called;
		e->pend_by = NULL;
	}
	return e;
}

/* The number after e's last (wrapped: CYCLE went round); false at the end without CYCLE. */
static bool step(const struct shard_seq *e, const struct catalog_seq_def *d, int64_t *n,
		 bool *wrapped)
{
	*wrapped = false;
	*n = e->last;
	if (!e->called)
		return true;
	bool over = __builtin_add_overflow(e->last, d->inc, n) ||
		    (d->inc > 0 ? *n > d->max : *n < d->min);
	if (over && !d->cycle)
		return false;
	if (over) {
		*n = d->inc > 0 ? d->min : d->max;
		*wrapped = true;
	}
	return true;
}

/* How many numbers e's write-ahead holds: 32, or CACHE if larger, four times as many (up to
 * SEQ_HOLD_MAX) after each one that met the lock busy. The mutex is held. */
static int64_t hold_of(struct shard_seq *e, const struct catalog_seq_def *d)
{
	int64_t base = d->cache > SEQ_LOG_VALS ? d->cache : SEQ_LOG_VALS;
	int64_t k = e->hold > base ? e->hold : base;
	if (e->grow && k < SEQ_HOLD_MAX) {
		e->hold = k * 4 > SEQ_HOLD_MAX ? (base > SEQ_HOLD_MAX ? base : SEQ_HOLD_MAX)
					       : k * 4;
		k = e->hold > base ? e->hold : base;
	}
	e->grow = false;
	return k;
}

/* The value the row is written ahead to for n: n + inc * k, within the bounds. */
static int64_t ahead(int64_t n, const struct catalog_seq_def *d, int64_t k)
{
	int64_t v;
	if (__builtin_mul_overflow(d->inc, k, &v) || __builtin_add_overflow(n, v, &v))
		return d->inc > 0 ? d->max : d->min;
	return d->inc > 0 ? (v > d->max ? d->max : v) : (v < d->min ? d->min : v);
}

/* The end of the numbers c may give from memory: pend_by's own, the committed ones for the
 * others; false when there are none. */
static bool top_of(const struct shard_seq *e, const struct shard_conn *c, int64_t *top)
{
	*top = e->pend_by == c ? e->pend : e->logged;
	return e->pend_by == c ? e->pend_called : e->logged_ok;
}

static bool within(int64_t n, int64_t last, int64_t top, int64_t inc)
{
	return inc > 0 ? n > last && n <= top : n < last && n >= top;
}

static bool in_write(struct shard_conn *c)
{
	return sqlite3_txn_state(c->db, "main") == SQLITE_TXN_WRITE;
}

/* Writes e's row to v (called): in c's transaction when it holds the write lock (pend), else
 * committed at once (logged). The mutex is held on entry and on return; SQL runs without. */
static int write_ahead(struct shard_conn *c, struct shard_seq *e, int64_t v, bool called)
{
	bool mine = in_write(c);
	if (!mine && c->restartable) {
		c->refused_effect = true;
		return SQLITE_INTERRUPT;
	}
	e->writing = true;
	pthread_mutex_unlock(&seq_mu);
	int rc = mine ? write_row(c, e->name, v, called) : write_committed(c, e->name, v, called);
	pthread_mutex_lock(&seq_mu);
	e->writing = false;
	if (rc == SQLITE_BUSY)
		e->grow = true;
	if (rc != SQLITE_OK)
		return rc;
	if (mine) {
		e->pend = v;
		e->pend_called = called;
		e->pend_by = c;
		c->seq_due = true;
	} else {
		e->logged = v;
		e->logged_ok = called;
	}
	return SQLITE_OK;
}

/* Half the committed range given, by a connection outside a write transaction: written
 * ahead again now if the write lock is free (not waited for), so that a transaction holding
 * the lock for long rarely finds the range used up (the others would wait for it then). The
 * mutex is held. */
static void refill(struct shard_conn *c, struct shard_seq *e, int64_t n, int64_t top,
		   const struct catalog_seq_def *d)
{
	int64_t base = d->cache > SEQ_LOG_VALS ? d->cache : SEQ_LOG_VALS, left;
	int64_t k = e->hold > base ? e->hold : base;
	if (e->pend_by || e->writing || c->restartable || in_write(c) ||
	    __builtin_sub_overflow(top, n, &left) || left / d->inc >= k / 2 ||
	    (e->grow && left / d->inc % (k / 16 > 8 ? k / 16 : 8) != 0)) /* the lock was busy:
									* tried now and then */
		return;
	int64_t want = ahead(n, d, hold_of(e, d));
	if (want != top)
		(void)write_ahead(c, e, want, true);
}

static int next_number(struct shard_conn *c, const struct catalog_seq_def *d, int64_t *v);

static int seq_next(void *arg, const struct catalog_seq_def *d, int64_t *v)
{
	struct shard_conn *c = arg;
	if (!c->t || strlen(d->name) >= SHARD_SERIAL_NAME_MAX)
		return CATALOG_SEQ_ROW;
	if (given_again(d->name, v))
		return SQLITE_OK;
	int rc = next_number(c, d, v);
	if (rc == SQLITE_OK && !seq_replay)
		note_given(d->name, *v);
	return rc;
}

static int next_number(struct shard_conn *c, const struct catalog_seq_def *d, int64_t *v)
{
	for (int tries = 0; tries < SEQ_TRIES; tries++) {
		int rc = SQLITE_OK;
		struct shard_seq *e = live(c, d->name, &rc);
		if (!e)
			return rc;
		int64_t n, top;
		bool wrapped;
		if (!step(e, d, &n, &wrapped)) {
			pthread_mutex_unlock(&seq_mu);
			return CATALOG_SEQ_LIMIT;
		}
		if (e->called && !wrapped && top_of(e, c, &top) &&
		    within(n, e->last, top, d->inc)) {
			e->last = n;
			refill(c, e, n, top, d);
			pthread_mutex_unlock(&seq_mu);
			*v = n;
			return SQLITE_OK;
		}
		if (e->writing) { /* another one writes it ahead, holding the write lock: run
				   * again once that is let go */
			pthread_mutex_unlock(&seq_mu);
			return SQLITE_BUSY;
		}
		int64_t last = e->last;
		bool called = e->called;
		rc = write_ahead(c, e, ahead(n, d, hold_of(e, d)), true);
		bool same = e->last == last && e->called == called && e->live && e->ddl_by != c;
		if (rc == SQLITE_OK && same) {
			e->last = n;
			e->called = true;
			*v = n;
		}
		pthread_mutex_unlock(&seq_mu);
		if (rc != SQLITE_OK || same)
			return rc;
	}
	return SQLITE_BUSY;
}

/* setval: written as nextval writes ahead (not undone by a rollback of c's transaction,
 * PostgreSQL's setval is not transactional either). Written in c's transaction, the committed
 * range is no longer the others' to give (a rollback leaves the row as it was). */
static int seq_set(void *arg, const struct catalog_seq_def *d, int64_t v, bool called)
{
	struct shard_conn *c = arg;
	if (!c->t || strlen(d->name) >= SHARD_SERIAL_NAME_MAX)
		return CATALOG_SEQ_ROW;
	int rc = SQLITE_OK;
	struct shard_seq *e = live(c, d->name, &rc);
	if (!e)
		return rc;
	if (e->writing) {
		pthread_mutex_unlock(&seq_mu);
		return SQLITE_BUSY;
	}
	bool mine = in_write(c);
	rc = write_ahead(c, e, v, called);
	if (rc == SQLITE_OK) {
		e->last = v;
		e->called = called;
		if (mine)
			e->logged_ok = false;
	}
	pthread_mutex_unlock(&seq_mu);
	return rc;
}

static bool seq_peek(void *arg, const char *name, int64_t inc, int64_t *last, bool *called,
		     int64_t *log_cnt)
{
	struct shard_conn *c = arg;
	if (!c->t || !inc)
		return false;
	pthread_mutex_lock(&seq_mu);
	struct shard_seq *e = find(c->t, name, false);
	bool said = e && e->live && e->ddl_by != c;
	if (said) {
		int64_t top;
		*last = e->last;
		*called = e->called;
		bool ok = e->called && top_of(e, c, &top) &&
			  (top == e->last || within(top, e->last, top, inc));
		*log_cnt = ok ? (top - e->last) / inc : 0;
	}
	pthread_mutex_unlock(&seq_mu);
	return said;
}

/* c's transaction is about to change name's row by DDL: the row first says the sequence's
 * state (the last number given, not the one written ahead), which the DDL reads and keeps
 * (ALTER, RENAME) as PostgreSQL's rewrite keeps it; until c's transaction ends the others'
 * nextval of it waits (PostgreSQL's ALTER SEQUENCE lock does the same). */
static void seq_ddl(void *arg, const char *name)
{
	struct shard_conn *c = arg;
	if (!c->t || strlen(name) >= SHARD_SERIAL_NAME_MAX)
		return;
	pthread_mutex_lock(&seq_mu);
	struct shard_seq *e = find(c->t, name, true);
	if (e->ddl_by == c) {
		pthread_mutex_unlock(&seq_mu);
		return;
	}
	bool state = e->live && !e->ddl_by;
	int64_t last = e->last;
	bool called = e->called;
	e->ddl_by = c; /* first: no number is given past last meanwhile */
	pthread_mutex_unlock(&seq_mu);
	/* also takes the write lock the DDL needs (a failure leaves the row ahead: a gap) */
	if (state)
		(void)write_row(c, name, last, called);
	else
		(void)run(c, "UPDATE " SEQ_TABLE " SET last_value = last_value WHERE name = ?1",
			  name, 0, false, NULL, NULL);
	if (in_write(c)) {
		c->seq_due = true;
		return;
	}
	pthread_mutex_lock(&seq_mu); /* the lock is another's: the DDL fails too, runs again */
	e->ddl_by = NULL;
	pthread_mutex_unlock(&seq_mu);
}

static const struct catalog_seq_ops seq_ops = {seq_next, seq_set, seq_peek, seq_ddl};

void shard_seq_register(struct shard_conn *c) { catalog_set_seq_ops(c->cat, &seq_ops, c); }

void shard_seq_commit(struct shard_conn *c)
{
	if (!c->t || !c->seq_due || !in_write(c))
		return;
	/* records are only added, at the head, and c holds the write lock: no one else writes
	 * a row meanwhile, nor changes pend_by == c */
	pthread_mutex_lock(&seq_mu);
	struct shard_seq *e = c->t->seqs;
	pthread_mutex_unlock(&seq_mu);
	for (; e; e = e->next) {
		pthread_mutex_lock(&seq_mu);
		bool due = e->pend_by == c && e->ddl_by != c;
		int64_t v = e->pend;
		bool called = e->pend_called;
		pthread_mutex_unlock(&seq_mu);
		if (due && write_row(c, e->name, v, called) != SQLITE_OK) {
			pthread_mutex_lock(&seq_mu);
			e->pend_by = NULL; /* not written: the committed range stays the old one */
			pthread_mutex_unlock(&seq_mu);
		}
	}
}

void shard_seq_committed(struct shard_conn *c)
{
	if (!c->t || !c->seq_due)
		return;
	c->seq_due = false;
	pthread_mutex_lock(&seq_mu);
	for (struct shard_seq *e = c->t->seqs; e; e = e->next) {
		if (e->pend_by == c) {
			e->logged = e->pend;
			e->logged_ok = e->pend_called;
			e->pend_by = NULL;
		}
		if (e->ddl_by == c) { /* the row is the DDL's now: built again from it */
			e->ddl_by = NULL;
			e->live = false;
		}
	}
	pthread_mutex_unlock(&seq_mu);
}

void shard_seq_rollback(struct shard_conn *c)
{
	if (!c->t || !c->seq_due)
		return;
	c->seq_due = false;
	pthread_mutex_lock(&seq_mu);
	for (struct shard_seq *e = c->t->seqs; e; e = e->next) {
		if (e->pend_by == c)
			e->pend_by = NULL; /* the row reads logged again; last stays given */
		if (e->ddl_by == c)
			e->ddl_by = NULL;
	}
	pthread_mutex_unlock(&seq_mu);
}

void shard_seq_list_free(struct shard_seq *list)
{
	while (list) {
		struct shard_seq *e = list;
		list = e->next;
		free(e);
	}
}

void shard_seq_free(struct shard_tenant *t)
{
	shard_seq_list_free(t->seqs);
	t->seqs = NULL;
}

/* No transaction of the tenant is open (its last connection closes, or shutdown): no pend,
 * no DDL, nothing written. */
static bool to_put_back(const struct shard_seq *e)
{
	return e->live && !e->ddl_by && !e->pend_by && e->logged_ok &&
	       (e->last != e->logged || !e->called);
}

bool shard_seq_to_put_back(const struct shard_seq *list)
{
	for (const struct shard_seq *e = list; e; e = e->next)
		if (to_put_back(e))
			return true;
	return false;
}

void shard_seq_put_back(struct shard_conn *c, const struct shard_seq *list)
{
	for (const struct shard_seq *e = list; e; e = e->next) {
		if (!to_put_back(e))
			continue;
		char *sql =
			sqlite3_mprintf("UPDATE " SEQ_TABLE " SET last_value = ?2, is_called = "
					"?3 WHERE name = ?1 AND last_value = %lld AND is_called",
					(long long)e->logged);
		if (sql)
			(void)run(c, sql, e->name, e->last, e->called, NULL, NULL);
		sqlite3_free(sql);
	}
}
