/* SPDX-License-Identifier: Apache-2.0 */
/* shard_serial.c: a serial key's numbers held ahead for the tenant, as PostgreSQL logs a
 * sequence SEQ_LOG_VALS (32) numbers ahead of the last one given. A serial primary key is
 * SQLite's AUTOINCREMENT rowid, whose sequence is the table's sqlite_sequence row; SQLite
 * rewrites that row's page at every insert that it numbers (a third of a single-row insert's
 * WAL frames), but skips the write when the statement's largest key is not above the value
 * it read at the statement's start. So an INSERT that leaves the key out gives it as
 * shardlite_serial(table, max, its largest key, its seq, seq's rowid) (xlat_dml.c), and the
 * number comes from here. Per table the tenant keeps
 *
 *   given  the last number given while the server runs: never given again, even when the
 *          transaction that took it rolled back (PostgreSQL's nextval is not transactional);
 *   seen   the seq the row reads when nobody else wrote it; (given, seen] are held.
 *
 *   the row reads seq, the largest key is top; the record is trusted when seq == seen, or
 *   seq > seen (moved on: an explicit key, a lone insert, another process; seen becomes seq),
 *   or c's own transaction already numbered the table (due == c: seq is its own write)
 *     trusted, seq == seen, given < seen, top <= given .. ++given: at most the value SQLite
 *                                  read at the statement's start, so SQLite writes nothing
 *     trusted otherwise ......... max(seq, top, given) + 1: SQLite writes seq to it; c's
 *                                  COMMIT first writes seq 32 further and those are held
 *     not trusted (seq < seen: another writer lowered it; setval, nextval, RESTART dropped
 *     the record) ................ the record starts again from the row: max(seq, top) + 1
 *
 * Every number given in a transaction is at most seq as that transaction sees it, so a
 * committed number is at most the committed seq: after a crash numbering goes on above it
 * and never repeats one; the numbers held and not given are skipped, and a number of a
 * transaction that rolled back may be given again: the gaps and reuse PostgreSQL shows after
 * a crash (its unflushed sequence WAL). Elsewhere the row is put back: when the pool closes
 * the tenant's last connection and at shutdown, seq is written to given where it still reads
 * seen (shard_serial_close, shard_serial_fini); a COPY that SQLite numbers first puts it back
 * in its own transaction (shard_serial_copy). The function runs inside the INSERT, which holds
 * the tenant's write lock, so two connections never give numbers at once; the mutex orders
 * the records between threads. */
#include "shard_int.h"

#include "catalog.h"
#include "pgfn.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SERIAL_LOG_VALS 32 /* PostgreSQL's SEQ_LOG_VALS */
/* At shutdown a tenant's write lock held by another process is waited for this long before
 * its held numbers are left skipped (as after a crash). */
#define SERIAL_FINI_WAIT_MS 2000

struct shard_serial {
	struct shard_serial *next;
	int64_t row; /* the table's sqlite_sequence row (a rename keeps it); 0: find by name */
	char table[SHARD_SERIAL_NAME_MAX]; /* "" once dropped: the record is dead */
	int64_t given; /* the last number given; never given again while the server runs */
	int64_t seen;  /* what the row reads unless another writer wrote it; -1: start again */
	int64_t ahead; /* written ahead by due's COMMIT, taken as seen when it commits (0: none) */
	int64_t max;   /* the key type's largest number */
	struct shard_conn *due; /* whose transaction numbered the table (its COMMIT writes ahead) */
	bool row_taken;         /* row was taken from 0 since the last commit: a rollback may
				 * delete it again (a table's first insert) */
};

/* A tenant's records kept after its last connection closed without putting its rows back (the
 * lock was busy, or no connection was at hand): adopted when the tenant opens again, put back
 * at the next close or at shutdown. Guarded by the registry's lock. */
struct shard_serial_left {
	struct shard_serial_left *next;
	char tenant[SHARD_TENANT_MAX + 1];
	struct shard_serial *serials;
	struct shard_seq *seqs; /* its sequences' records (shard_seq.c), put back alike */
};

static pthread_mutex_t serial_mu = PTHREAD_MUTEX_INITIALIZER;

/* A failed statement run again for its error's DETAIL (shard_ukey.c, shard_fkey.c,
 * shard_rowfail.c) on this thread: it takes no new number. Its rows get again the numbers the
 * failed run gave them, kept in last_run (consecutive: the run holds the tenant's write lock),
 * when the replay reads the table's seq and largest key as that run read them at its start;
 * otherwise NULL, and SQLite numbers them in the savepoint rolled back after. last_run starts
 * again with each statement (shard_serial_run_begin) and after each replay. */
static _Thread_local bool serial_replay;
static _Thread_local struct {
	char table[SHARD_SERIAL_NAME_MAX]; /* "": none */
	int64_t seq, top;                  /* as the run read them at its start */
	int64_t first, last;               /* the numbers it gave */
	int64_t next;                      /* of a replay: the next to give again */
} last_run;

void shard_serial_replay(bool on)
{
	serial_replay = on;
	last_run.next = last_run.first;
	shard_seq_replay(on);
}

void shard_serial_replayed(void)
{
	last_run.table[0] = '\0';
	shard_seq_run_begin();
}

void shard_serial_run_begin(void)
{
	last_run.table[0] = '\0';
	shard_seq_run_begin();
}

/* Notes that the running statement gave v to a row of table (read seq and top at its start). */
static void note_given(const char *table, int64_t seq, int64_t top, int64_t v)
{
	if (last_run.table[0] && strcmp(last_run.table, table) == 0 && last_run.seq == seq &&
	    last_run.top == top && v == last_run.last + 1) {
		last_run.last = v;
		return;
	}
	size_t n = strlen(table); /* fn_serial takes only names that fit */
	if (n >= sizeof(last_run.table))
		n = sizeof(last_run.table) - 1;
	memcpy(last_run.table, table, n); /* not snprintf: about 600 instructions per insert */
	last_run.table[n] = '\0';
	last_run.seq = seq;
	last_run.top = top;
	last_run.first = last_run.last = last_run.next = v;
}

/* A replay's number for a row of table: the failed run's next one, or 0 (SQLite numbers it). */
static int64_t given_again(const char *table, int64_t seq, int64_t top)
{
	if (!last_run.table[0] || strcmp(last_run.table, table) != 0 || last_run.seq != seq ||
	    last_run.top != top || last_run.next > last_run.last)
		return 0;
	return last_run.next++;
}

/* The rowid and seq of table's sqlite_sequence row as the running transaction sees them;
 * false when there is none (or the read failed). */
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
	shard_authz_internal_begin(c->db, &c->authz, 0);
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_int64(st, 2, want);
	sqlite3_bind_int64(st, 3, seq);
	bool ok = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(c->db) == 1;
	sqlite3_reset(st);
	shard_authz_internal_end(c->db, &c->authz);
	return ok;
}

/* The live record of table by name; NULL when none. The mutex is held. */
static struct shard_serial *find(struct shard_serial *list, const char *table)
{
	for (struct shard_serial *e = list; e; e = e->next)
		if (e->table[0] && strcasecmp(e->table, table) == 0)
			return e;
	return NULL;
}

/* The record of the table whose sqlite_sequence row is row (0: it has none yet): by the row
 * (a table renamed since keeps it), else by its name: one without a row (a rebuild's copy, a
 * table whose first insert rolled back, a RESTART) takes row as it is; one whose row changed
 * under it (another writer deleted it) starts again; else a new one. Records are only added,
 * at the head: a dead one is not reused (a COMMIT may be walking the list). The mutex is
 * held. A row taken in a transaction not yet committed may go with a savepoint: found by
 * name again, it keeps its state. */
static struct shard_serial *entry(struct shard_tenant *t, int64_t row, const char *table)
{
	struct shard_serial *e = t->serials;
	while (e && !(row && e->row == row && e->table[0]))
		e = e->next;
	if (!e && (e = find(t->serials, table)) != NULL && e->row != 0 && !e->row_taken) {
		e->seen = -1;
		e->due = NULL;
	}
	if (!e) {
		e = base_xcalloc(1, sizeof(*e));
		e->seen = -1;
		e->next = t->serials;
		t->serials = e;
	}
	if (strcmp(e->table, table) != 0)
		snprintf(e->table, sizeof(e->table), "%s", table);
	e->row_taken |= e->row == 0 && row != 0;
	e->row = row;
	return e;
}

void shard_serial_rebuilt(struct shard_conn *c, const char *table)
{
	if (!c->t || !table)
		return;
	pthread_mutex_lock(&serial_mu);
	struct shard_serial *e = find(c->t->serials, table);
	if (e)
		e->row = 0; /* the copy's row is found by name at the next insert */
	pthread_mutex_unlock(&serial_mu);
}

void shard_serial_dropped(struct shard_conn *c, const char *table, const char *schema)
{
	size_t n = table ? strlen(table) : 0, k = strlen(SHARD_REBUILD_ASIDE);
	if (!c->t || !table || (schema && strcmp(schema, "main") != 0) ||
	    (n > k && strcmp(table + n - k, SHARD_REBUILD_ASIDE) == 0))
		return;
	pthread_mutex_lock(&serial_mu);
	struct shard_serial *e = find(c->t->serials, table);
	if (e) { /* SQLite deletes its row: a table made again by that name starts at 1 */
		e->table[0] = '\0';
		e->row = -1;
		e->due = NULL;
	}
	pthread_mutex_unlock(&serial_mu);
}

/* catalog_serial_written_fn: setval, nextval, RESTART write table's row themselves, in c's
 * transaction: last is then the last number given, kept if that transaction rolls back
 * (PostgreSQL's nextval and setval are not undone either). */
static void serial_written(void *arg, const char *table, int64_t last)
{
	struct shard_conn *c = arg;
	if (!c->t)
		return;
	pthread_mutex_lock(&serial_mu);
	struct shard_serial *e = find(c->t->serials, table);
	if (e) {
		e->row = 0; /* RESTART deletes the row: the next one is found by name */
		e->given = last;
		e->ahead = 0;
		e->due = c;
		c->serial_due = true;
	}
	pthread_mutex_unlock(&serial_mu);
}

/* Whether e may go on from its numbers for a row that reads seq (see the top of the file);
 * re-bases e when another writer moved seq on. The mutex is held. */
static bool trusted(struct shard_serial *e, const struct shard_conn *c, int64_t seq)
{
	if (e->due == c)
		return true;
	if (e->seen < 0 || seq < e->seen)
		return false;
	e->seen = seq;
	return true;
}

/* The next number of e for a row that reads seq and a table whose largest key is top; 0 when
 * it would pass max (SQLite numbers the row, as before). The mutex is held. */
static int64_t next_number(struct shard_serial *e, struct shard_conn *c, int64_t seq, int64_t top,
			   int64_t max)
{
	if (!trusted(e, c, seq))
		e->given = e->seen = seq; /* none held: go on from the row */
	if (e->due != c && seq == e->seen && e->given < e->seen && top <= e->given)
		return ++e->given;
	int64_t v = seq > top ? seq : top;
	v = (v > e->given ? v : e->given);
	if (v >= max)
		return 0;
	e->given = ++v;
	e->max = max;
	e->due = c; /* the commit holds numbers past it */
	c->serial_due = true;
	return v;
}

static int64_t largest_key(struct shard_conn *c, const char *table);

/* shardlite_serial(table, max, (SELECT max(rowid) FROM table), (SELECT seq FROM
 * sqlite_sequence WHERE name = table), (SELECT rowid FROM sqlite_sequence WHERE name =
 * table)): the next number of table's serial key, or NULL, which SQLite numbers as it numbers
 * an omitted key. The subqueries run once per statement, in it: seq as SQLite read it at its
 * start (a row without a sqlite_sequence row yet reads 0). The largest key -1: read here, row
 * by row (a row of a VALUES list of several, xlat_dml.c, which SQLite then inserts as it
 * computes them, so a failing row leaves the later rows' numbers untaken). */
static void fn_serial(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct shard_conn *c = sqlite3_user_data(ctx);
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	struct shard_tenant *t = table && strlen(table) < SHARD_SERIAL_NAME_MAX ? c->t : NULL;
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t seq = sqlite3_value_int64(argv[3]), row = sqlite3_value_int64(argv[4]);
	int64_t top = sqlite3_value_int64(argv[2]); /* NULL (empty) reads 0 */
	if (top < 0)
		top = largest_key(c, table);
	int64_t v;
	if (serial_replay) {
		v = given_again(table, seq, top);
	} else {
		pthread_mutex_lock(&serial_mu);
		v = next_number(entry(t, row, table), c, seq, top, sqlite3_value_int64(argv[1]));
		pthread_mutex_unlock(&serial_mu);
		if (v > 0)
			note_given(table, seq, top, v);
	}
	if (v > 0)
		sqlite3_result_int64(ctx, v);
	else
		sqlite3_result_null(ctx);
}

/* The table's largest key (0 when empty or unreadable): the catalog's reads, and the rows of
 * a VALUES list of several (fn_serial). */
static int64_t largest_key(struct shard_conn *c, const char *table)
{
	char *sql = sqlite3_mprintf("SELECT max(rowid) FROM main.\"%w\"", table);
	sqlite3_stmt *st = NULL;
	int64_t v = 0;
	shard_authz_internal_begin(c->db, &c->authz, 0);
	int rc = sql ? sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	shard_authz_internal_end(c->db, &c->authz);
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return v;
}

/* catalog_serial_given_fn: the last number given, while the record of table is trusted and
 * says more than the row (numbers held ahead, or given by a transaction that rolled back). */
static bool serial_given(void *arg, const char *table, int64_t *given)
{
	struct shard_conn *c = arg;
	int64_t row = 0, seq = 0;
	if (!c->t || !table || !read_seq(c, table, &row, &seq))
		return false;
	int64_t top = largest_key(c, table);
	pthread_mutex_lock(&serial_mu);
	struct shard_serial *e = c->t->serials;
	while (e && !(e->row == row && e->table[0])) /* by its row: a rename keeps it */
		e = e->next;
	if (!e && (e = find(c->t->serials, table)) != NULL && e->row != 0)
		e = NULL; /* one without a row takes it by name, as the next insert does (entry) */
	bool said = e && e->seen >= 0 && (e->due == c || seq == e->seen) && e->given != seq;
	if (said)
		*given = e->given > top ? e->given : top;
	pthread_mutex_unlock(&serial_mu);
	return said;
}

int shard_serial_register(struct shard_conn *c)
{
	catalog_set_serial_given(c->cat, serial_given, serial_written, c);
	return sqlite3_create_function_v2(c->db, "shardlite_serial", 5,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, c, fn_serial, NULL, NULL,
					  NULL);
}

/* Before c's COMMIT: for each table c's transaction numbered, writes seq 32 past its value
 * (at most the key type's largest); the commit hook then holds those numbers
 * (shard_serial_committed). A failed write holds none. */
void shard_serial_commit(struct shard_conn *c)
{
	if (!c->t || !c->serial_due)
		return;
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
		char table[SHARD_SERIAL_NAME_MAX];
		pthread_mutex_lock(&serial_mu);
		bool due = e->due == c && e->table[0];
		int64_t erow = e->row, max = e->max;
		snprintf(table, sizeof(table), "%s", e->table);
		pthread_mutex_unlock(&serial_mu);
		int64_t row = 0, seq = 0;
		if (!due || !read_seq(c, table, &row, &seq) || (erow && row != erow) || seq >= max)
			continue;
		int64_t want = max - seq < SERIAL_LOG_VALS ? max : seq + SERIAL_LOG_VALS;
		if (!write_seq(c, row, seq, want))
			continue;
		pthread_mutex_lock(&serial_mu);
		e->row = row;
		e->given = e->given > seq ? e->given : seq;
		e->ahead = want;
		pthread_mutex_unlock(&serial_mu);
	}
}

/* c's write transaction commits (SQLite's commit hook: memory only). What it wrote ahead is
 * held; a transaction that numbered without writing ahead (a lone insert) left the row at
 * the last number given or above it. */
void shard_serial_committed(struct shard_conn *c)
{
	if (!c->t || !c->serial_due)
		return;
	c->serial_due = false;
	pthread_mutex_lock(&serial_mu);
	for (struct shard_serial *e = c->t->serials; e; e = e->next) {
		if (e->due != c)
			continue;
		e->due = NULL;
		e->row_taken = false;
		if (e->ahead)
			e->seen = e->ahead;
		else
			e->seen = e->given > e->seen ? e->given : e->seen;
		e->ahead = 0;
	}
	pthread_mutex_unlock(&serial_mu);
}

/* c's transaction rolled back (SQLite's rollback hook): the row reads seen again, and the
 * numbers it gave stay given. */
void shard_serial_rollback(struct shard_conn *c)
{
	if (!c->t || !c->serial_due)
		return;
	c->serial_due = false;
	pthread_mutex_lock(&serial_mu);
	for (struct shard_serial *e = c->t->serials; e; e = e->next) {
		if (e->due == c) {
			e->due = NULL;
			e->ahead = 0;
			e->row = e->row_taken ? 0 : e->row; /* its row may be gone with it */
			e->row_taken = false;
		}
	}
	pthread_mutex_unlock(&serial_mu);
}

/* Whether a record has a row to put back: numbers held, or given above the row. */
static bool to_put_back(const struct shard_serial *e)
{
	return e->table[0] && e->row > 0 && e->seen >= 0 && e->given != e->seen && !e->due;
}

/* Writes each record's row back to its last number given where it still reads seen, in one
 * transaction on db (a connection of the tenant, no transaction open); records put back (or
 * that need nothing) are freed, the rest returned. wait_ms: how long the write lock is
 * waited for (0: not at all; the caller keeps what is returned). */
static struct shard_serial *put_back(struct shard_conn *c, struct shard_serial *list,
				     struct shard_seq **seqs, int wait_ms)
{
	bool any = shard_seq_to_put_back(*seqs);
	for (struct shard_serial *e = list; e && !any; e = e->next)
		any = to_put_back(e);
	if (any) {
		sqlite3_busy_timeout(c->db, wait_ms);
		int rc = sqlite3_exec(c->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		sqlite3_busy_timeout(c->db, 0);
		if (rc != SQLITE_OK)
			return list; /* busy: kept */
		for (struct shard_serial *e = list; e; e = e->next)
			if (to_put_back(e))
				(void)write_seq(c, e->row, e->seen, e->given);
		shard_seq_put_back(c, *seqs);
		if (sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
			return list;
		}
	}
	shard_seq_list_free(*seqs);
	*seqs = NULL;
	while (list) {
		struct shard_serial *e = list;
		list = e->next;
		free(e);
	}
	return NULL;
}

void shard_serial_copy(struct shard_conn *c, const char *table, bool done)
{
	int64_t row = 0, seq = 0;
	if (!c->t || !table || strlen(table) >= SHARD_SERIAL_NAME_MAX ||
	    !read_seq(c, table, &row, &seq))
		return;
	pthread_mutex_lock(&serial_mu);
	struct shard_serial *e = entry(c->t, row, table);
	if (done) { /* SQLite's numbers: not given again if the COPY rolls back */
		if ((e->due == c || (e->seen >= 0 && seq >= e->seen)) && seq > e->given) {
			e->given = seq;
			e->due = c;
			c->serial_due = true;
		}
		pthread_mutex_unlock(&serial_mu);
		return;
	}
	bool trust = trusted(e, c, seq);
	int64_t given = e->given;
	pthread_mutex_unlock(&serial_mu);
	/* numbers held (or given by a transaction that rolled back): SQLite goes on from given */
	if (!trust || given == seq || given <= 0 || !write_seq(c, row, seq, given))
		return;
	pthread_mutex_lock(&serial_mu);
	e->due = c; /* the row now reads c's write: the commit takes it as seen */
	c->serial_due = true;
	pthread_mutex_unlock(&serial_mu);
}

static void leave_locked(struct shard_registry *r, const char *tenant, struct shard_serial *list,
			 struct shard_seq *seqs)
{
	struct shard_serial_left *l = base_xcalloc(1, sizeof(*l));
	snprintf(l->tenant, sizeof(l->tenant), "%s", tenant);
	l->serials = list;
	l->seqs = seqs;
	l->next = r->serial_left;
	r->serial_left = l;
}

void shard_serial_keep_locked(struct shard_registry *r, struct shard_tenant *t)
{
	struct shard_serial *list = t->serials;
	struct shard_seq *seqs = t->seqs;
	t->serials = NULL;
	t->seqs = NULL;
	if (list || seqs)
		leave_locked(r, t->name, list, seqs);
}

/* The records left for tenant, taken off the registry's list (its sequences' into *seqs);
 * NULL when none. Lock held. */
static struct shard_serial *take_left_locked(struct shard_registry *r, const char *tenant,
					     struct shard_seq **seqs)
{
	*seqs = NULL;
	for (struct shard_serial_left **pp = &r->serial_left; *pp; pp = &(*pp)->next) {
		struct shard_serial_left *l = *pp;
		if (strcmp(l->tenant, tenant) != 0)
			continue;
		*pp = l->next;
		struct shard_serial *list = l->serials;
		*seqs = l->seqs;
		free(l);
		return list;
	}
	return NULL;
}

void shard_serial_adopt_locked(struct shard_registry *r, struct shard_tenant *t)
{
	if (t->serials || t->seqs)
		return;
	struct shard_seq *seqs = NULL;
	t->serials = take_left_locked(r, t->name, &seqs);
	t->seqs = seqs;
}

void shard_serial_close(struct shard_conn *c)
{
	struct shard_registry *r = c->reg;
	if (!r || !__atomic_load_n(&r->serial_left, __ATOMIC_RELAXED) ||
	    !sqlite3_get_autocommit(c->db))
		return;
	pthread_mutex_lock(&r->lock);
	struct shard_seq *seqs = NULL;
	struct shard_serial *list = take_left_locked(r, c->tenant, &seqs);
	pthread_mutex_unlock(&r->lock);
	if (!list && !seqs)
		return;
	list = put_back(c, list, &seqs, 0);
	if (!list && !seqs)
		return;
	/* the lock was busy: kept for the tenant's next open, next close or shutdown */
	pthread_mutex_lock(&r->lock);
	struct shard_tenant *t = shard_pool_tenant_locked(r, c->tenant);
	if (t && !t->serials && !t->seqs) {
		t->serials = list;
		t->seqs = seqs;
		list = NULL;
		seqs = NULL;
	} else if (!t) {
		leave_locked(r, c->tenant, list, seqs);
		list = NULL;
		seqs = NULL;
	}
	pthread_mutex_unlock(&r->lock);
	shard_seq_list_free(seqs); /* the tenant opened again meanwhile: skipped */
	while (list) {
		struct shard_serial *e = list;
		list = e->next;
		free(e);
	}
}

void shard_serial_fini(struct shard_registry *r)
{
	while (r->serial_left) {
		struct shard_serial_left *l = r->serial_left;
		r->serial_left = l->next;
		struct pgerr err;
		pgerr_clear(&err);
		struct shard_conn *c = shard_conn_open(r, l->tenant, &err);
		struct shard_serial *list = l->serials;
		if (c)
			list = put_back(c, list, &l->seqs, SERIAL_FINI_WAIT_MS);
		shard_seq_list_free(l->seqs);
		if (list)
			LOG_WARN(0, l->tenant,
				 "serial numbers held ahead were not written back (the write lock "
				 "stayed busy); they are skipped, as after a crash");
		shard_conn_close(c);
		while (list) {
			struct shard_serial *e = list;
			list = e->next;
			free(e);
		}
		free(l);
	}
}

void shard_serial_fini_tenant(struct shard_conn *c, struct shard_tenant *t)
{
	struct shard_serial *list = t->serials;
	t->serials = NULL;
	if ((list || t->seqs) && sqlite3_get_autocommit(c->db))
		list = put_back(c, list, &t->seqs, SERIAL_FINI_WAIT_MS);
	if (list || t->seqs)
		LOG_WARN(0, t->name,
			 "serial numbers held ahead were not written back (the write lock stayed "
			 "busy); they are skipped, as after a crash");
	t->serials = list;
	shard_serial_free(t);
	shard_seq_free(t);
}

void shard_serial_forget_locked(struct shard_registry *r, const char *name)
{
	struct shard_seq *seqs = NULL;
	struct shard_serial *list = take_left_locked(r, name, &seqs);
	shard_seq_list_free(seqs);
	while (list) {
		struct shard_serial *e = list;
		list = e->next;
		free(e);
	}
}

void shard_serial_free(struct shard_tenant *t)
{
	while (t->serials) {
		struct shard_serial *e = t->serials;
		t->serials = e->next;
		free(e);
	}
}
