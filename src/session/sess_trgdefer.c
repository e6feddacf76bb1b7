/* SPDX-License-Identifier: Apache-2.0 */
/* sess_trgdefer.c: deferred constraint triggers (CREATE CONSTRAINT TRIGGER ... DEFERRABLE
 * [INITIALLY DEFERRED]) and SET CONSTRAINTS. A constraint trigger's row is queued as any
 * AFTER row trigger's (sess_trgafter.c); at the statement's end, one whose constraint is
 * deferred now moves to the transaction's deferred queue instead of firing:
 *
 *   row queued --statement ends--> constraint IMMEDIATE? fire now
 *                                  DEFERRED --> deferred queue (numbered: seq)
 *   deferred queue --SET CONSTRAINTS c IMMEDIATE--> c's rows fired now (error: the statement's)
 *                  --COMMIT--> every row fired in order, then SQLite's COMMIT (error: the
 *                              COMMIT's, and the transaction rolls back)
 *                  --ROLLBACK TO s--> rows numbered since SAVEPOINT s forgotten, and SET
 *                                     CONSTRAINTS' modes as they were then
 *                  --ROLLBACK / end of transaction--> forgotten, with SET CONSTRAINTS' modes
 *
 * A constraint's mode: its SET CONSTRAINTS name entry, else SET CONSTRAINTS ALL's, else its
 * INITIALLY DEFERRED (PostgreSQL's AfterTriggerSetState).
 *
 * Foreign keys are SQLite's, whose own deferral is fixed when the key is made (INITIALLY
 * DEFERRED is SQLite's DEFERRABLE INITIALLY DEFERRED). Once SET CONSTRAINTS changes a key's
 * mode from that, the transaction is watched (fk_watch) to its end: deferring a key SQLite
 * checks at once sets PRAGMA defer_foreign_keys (every key waits to SQLite's COMMIT, which
 * SQLite resets then), and the keys that are immediate now are checked at each statement's
 * end and by SET CONSTRAINTS ... IMMEDIATE with foreign_key_check (shard_fk_check).
 *
 * A DEFERRABLE UNIQUE or PRIMARY KEY key (xlat_defkey.c) is a plain index whose triggers
 * hand each row written to it here (keys): the rows of a key that is immediate now are
 * checked at the statement's end (after every row is written, so a swap passes), the others
 * at SET CONSTRAINTS ... IMMEDIATE or COMMIT (shard_defkey_check). EXCLUDE DEFERRABLE is
 * refused when made (src/xlat). */
#include "sess_plpgsql.h"

#include <stdlib.h>
#include <string.h>

#define SEP '\x1f'

/* A row written to DEFERRABLE UNIQUE key name. */
struct defkey_row {
	char *name;
	int64_t rowid;
};

/* SET CONSTRAINTS name's mode. */
struct defer_mode {
	char *name;
	bool deferred;
};

/* A SAVEPOINT made while something was kept here. */
struct defer_sp {
	char *name;
	uint64_t seq; /* the rows deferred after it are numbered from seq */
	int all;      /* SET CONSTRAINTS' modes then, which ROLLBACK TO it restores */
	struct defer_mode *modes;
	size_t nmodes;
};

struct sess_trg_defer {
	uint64_t seq;             /* rows deferred so far in the transaction */
	int all;                  /* SET CONSTRAINTS ALL: 0 not said, 1 DEFERRED, 2 IMMEDIATE */
	struct defer_mode *modes; /* SET CONSTRAINTS name's, one per name */
	size_t nmodes, capmodes;
	struct defer_sp *sps;
	size_t nsps, capsps;
	bool fk_watch;           /* a foreign key's mode changed: check immediate keys */
	int64_t fk_changes;      /* sqlite3_total_changes64 at the last check */
	struct defkey_row *keys; /* rows written to DEFERRABLE UNIQUE keys, not checked yet */
	size_t nkeys, capkeys;
};

static struct sess_trg_defer *state(struct session *s)
{
	struct sess_udf_state *st = sess_udf_state(s);
	if (!st->defer)
		st->defer = base_xcalloc(1, sizeof(*st->defer));
	return st->defer;
}

bool sess_trigger_is_deferred(struct session *s, const char *name, bool initdeferred)
{
	const struct sess_trg_defer *d = s->udf ? s->udf->defer : NULL;
	/* outside any transaction (SQLite's autocommit): its end is the statement's */
	if (s->txn == SESS_TXN_IDLE)
		return false;
	for (size_t i = 0; d && i < d->nmodes; i++) {
		if (strcmp(d->modes[i].name, name) == 0)
			return d->modes[i].deferred;
	}
	return d && d->all ? d->all == 1 : initdeferred;
}

uint64_t sess_trigger_defer_seq(struct session *s) { return ++state(s)->seq; }

uint64_t sess_trigger_defer_mark(struct session *s)
{
	const struct sess_trg_defer *d = s->udf ? s->udf->defer : NULL;
	return (d ? d->seq : 0) + 1;
}

static void modes_free(struct defer_mode *modes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(modes[i].name);
	free(modes);
}

static struct defer_mode *modes_copy(const struct defer_mode *modes, size_t n)
{
	struct defer_mode *c = base_xcalloc(n + 1, sizeof(*c));
	for (size_t i = 0; i < n; i++)
		c[i] = (struct defer_mode){base_xstrdup(modes[i].name), modes[i].deferred};
	return c;
}

static void drop_savepoints(struct sess_trg_defer *d, size_t from)
{
	while (d->nsps > from) {
		struct defer_sp *sp = &d->sps[--d->nsps];
		free(sp->name);
		modes_free(sp->modes, sp->nmodes);
	}
}

/* SET CONSTRAINTS' modes as they were at savepoint sp (ROLLBACK TO); none when sp is NULL. */
static void restore_modes(struct sess_trg_defer *d, const struct defer_sp *sp)
{
	modes_free(d->modes, d->nmodes);
	d->all = sp ? sp->all : 0;
	d->nmodes = d->capmodes = sp ? sp->nmodes : 0;
	d->modes = sp && sp->nmodes ? modes_copy(sp->modes, sp->nmodes) : NULL;
}

static void keys_drop(struct sess_trg_defer *d, size_t i)
{
	free(d->keys[i].name);
	d->keys[i] = d->keys[--d->nkeys];
}

void sess_unique_pending(struct session *s, const char *name, int64_t rowid)
{
	struct sess_trg_defer *d = state(s);
	if (!name)
		return;
	for (size_t i = d->nkeys; i > 0 && i + 8 > d->nkeys; i--) /* a row updated again */
		if (d->keys[i - 1].rowid == rowid && strcmp(d->keys[i - 1].name, name) == 0)
			return;
	if (d->nkeys == d->capkeys) {
		d->capkeys = d->capkeys ? 2 * d->capkeys : 16;
		d->keys = base_xrealloc(d->keys, d->capkeys * sizeof(*d->keys));
	}
	d->keys[d->nkeys++] = (struct defkey_row){base_xstrdup(name), rowid};
}

/* Checks the rows kept for DEFERRABLE UNIQUE keys that are immediate now (all: every one, at
 * COMMIT), a key at a time, forgetting them (and those of keys gone since); false with err
 * (23505) at the first duplicate. */
static bool keys_check(struct session *s, bool all, struct pgerr *err)
{
	struct sess_trg_defer *d = s->udf ? s->udf->defer : NULL;
	if (!d || !d->nkeys)
		return true;
	sqlite3 *db = shard_conn_db(s->conn);
	size_t n = d->nkeys, out = 0;
	bool *seen = base_xcalloc(n, sizeof(*seen)), *gone = base_xcalloc(n, sizeof(*gone));
	sqlite3_int64 *rowids = base_xcalloc(n, sizeof(*rowids));
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		if (seen[i])
			continue;
		const char *name = d->keys[i].name;
		int mode = shard_defkey_mode(db, name);
		bool check = mode >= 0 && (all || !sess_trigger_is_deferred(s, name, mode == 1));
		size_t m = 0;
		for (size_t j = i; j < n; j++) {
			if (seen[j] || strcmp(d->keys[j].name, name) != 0)
				continue;
			seen[j] = true;
			gone[j] = mode < 0 || check;
			if (check)
				rowids[m++] = d->keys[j].rowid;
		}
		ok = !check || shard_defkey_check(db, name, rowids, m, err);
	}
	for (size_t j = 0; j < n; j++) { /* the rows kept, in order */
		if (gone[j])
			free(d->keys[j].name);
		else
			d->keys[out++] = d->keys[j];
	}
	d->nkeys = out;
	free(seen);
	free(gone);
	free(rowids);
	return ok;
}

static void defer_free(struct session *s)
{
	struct sess_trg_defer *d = s->udf ? s->udf->defer : NULL;
	if (!d)
		return;
	while (d->nkeys)
		keys_drop(d, d->nkeys - 1);
	free(d->keys);
	modes_free(d->modes, d->nmodes);
	drop_savepoints(d, 0);
	free(d->sps);
	free(d);
	s->udf->defer = NULL;
}

bool sess_trigger_txn_end(struct session *s, bool commit, struct pgerr *err)
{
	bool ok = !commit || !sess_trigger_deferred_any(s) ||
		  sess_trigger_fire_deferred(s, NULL, err);
	ok = ok && (!commit || keys_check(s, true, err));
	sess_trigger_deferred_free(s);
	defer_free(s);
	return ok;
}

void sess_trigger_defer_savepoint(struct session *s, enum xlat_txn op, const char *name)
{
	struct sess_trg_defer *d = s->udf ? s->udf->defer : NULL;
	if (!d)
		return; /* nothing deferred before it: ROLLBACK TO it forgets every row */
	if (op == XLAT_TXN_SAVEPOINT) {
		if (d->nsps == d->capsps) {
			d->capsps = d->capsps ? 2 * d->capsps : 4;
			d->sps = base_xrealloc(d->sps, d->capsps * sizeof(*d->sps));
		}
		d->sps[d->nsps++] = (struct defer_sp){base_xstrdup(name), d->seq + 1, d->all,
						      modes_copy(d->modes, d->nmodes), d->nmodes};
		return;
	}
	size_t i = d->nsps;
	while (i > 0 && strcmp(d->sps[i - 1].name, name) != 0)
		i--;
	if (op == XLAT_TXN_ROLLBACK_TO) { /* not found: made before anything was kept here */
		sess_trigger_deferred_rollback(s, i ? d->sps[i - 1].seq : 0);
		restore_modes(d, i ? &d->sps[i - 1] : NULL);
	}
	if (op == XLAT_TXN_ROLLBACK_TO && i)
		drop_savepoints(d, i); /* the savepoint itself stays, as in SQLite */
	else if (op == XLAT_TXN_ROLLBACK_TO || op == XLAT_TXN_RELEASE)
		drop_savepoints(d, i ? i - 1 : 0);
}

/* ---- SET CONSTRAINTS ---- */

/* What pg_constraint says of the constraints named name: found, PostgreSQL's error (42809)
 * of setting one that is not deferrable to deferred, and in *fk whether a DEFERRABLE foreign
 * key among them leaves the mode SQLite gives it (*fk |= 1; 2 also: SQLite checks it at once
 * and it is deferred now). */
static bool check_name(struct session *s, const char *name, bool deferred, int *fk,
		       struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *st = NULL;
	bool found = false, ok = true;
	int rc = sqlite3_prepare_v2(db,
				    "SELECT contype, condeferrable, condeferred FROM pg_constraint "
				    "WHERE conname = ?1",
				    -1, &st, NULL);
	if (rc != SQLITE_OK) {
		shard_error(db, rc, err);
		return false;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		bool deferrable = sqlite3_column_int(st, 1),
		     initdeferred = sqlite3_column_int(st, 2);
		found = true;
		if (!deferrable && deferred) /* IMMEDIATE of one that always is: nothing to do */
			ok = pgerr_set(err, "42809", "constraint \"%s\" is not deferrable", name);
		else if (deferrable && type && *type == 'f' && initdeferred != deferred)
			*fk |= deferred ? 3 : 1;
	}
	if (ok && rc != SQLITE_DONE)
		ok = (shard_error(db, rc, err), false);
	sqlite3_finalize(st);
	if (ok && !found)
		ok = pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT, "constraint \"%s\" does not exist",
			       name);
	return ok;
}

/* SET CONSTRAINTS ALL: *fk as check_name's, of every DEFERRABLE foreign key. */
static bool check_all(struct session *s, bool deferred, int *fk, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db,
				    "SELECT 1 FROM pg_constraint WHERE contype = 'f' AND "
				    "condeferrable AND condeferred <> ?1 LIMIT 1",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return shard_error(db, rc, err);
	sqlite3_bind_int(st, 1, deferred);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*fk |= deferred ? 3 : 1;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE || shard_error(db, rc, err);
}

/* Whether foreign key name (pg_constraint's) is checked at each statement's end now. */
static bool fk_immediate(const char *name, void *arg)
{
	struct session *s = arg;
	sqlite3_stmt *st = NULL;
	bool immediate = true;
	if (sqlite3_prepare_v2(shard_conn_db(s->conn),
			       "SELECT condeferrable, condeferred FROM pg_constraint WHERE conname = "
			       "?1 AND contype = 'f' LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return true;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0))
		immediate = !sess_trigger_is_deferred(s, name, sqlite3_column_int(st, 1));
	sqlite3_finalize(st);
	return immediate;
}

/* The foreign keys immediate now hold (written: the table the statement wrote, or NULL). */
static bool fk_check(struct session *s, const char *written, struct pgerr *err)
{
	struct sess_trg_defer *d = state(s);
	sqlite3 *db = shard_conn_db(s->conn);
	d->fk_changes = sqlite3_total_changes64(db);
	return shard_fk_check(db, fk_immediate, s, written, err);
}

bool sess_defer_statement_end(struct session *s, const char *written, bool done,
			      struct pgerr *err)
{
	struct sess_trg_defer *d = s->udf ? s->udf->defer : NULL;
	if (d && d->nkeys && !keys_check(s, false, err))
		return false;
	if (!d || !d->fk_watch || s->txn == SESS_TXN_IDLE)
		return true;
	/* a statement that changed no row broke no key (RETURNING's first row: it may have) */
	if (done && sqlite3_total_changes64(shard_conn_db(s->conn)) == d->fk_changes)
		return true;
	return fk_check(s, written, err);
}

static void set_mode(struct sess_trg_defer *d, const char *name, size_t len, bool deferred)
{
	for (size_t i = 0; i < d->nmodes; i++) {
		if (strlen(d->modes[i].name) == len && strncmp(d->modes[i].name, name, len) == 0) {
			d->modes[i].deferred = deferred;
			return;
		}
	}
	if (d->nmodes == d->capmodes) {
		d->capmodes = d->capmodes ? 2 * d->capmodes : 4;
		d->modes = base_xrealloc(d->modes, d->capmodes * sizeof(*d->modes));
	}
	char *copy = base_xcalloc(len + 1, 1);
	memcpy(copy, name, len);
	d->modes[d->nmodes++] = (struct defer_mode){copy, deferred};
}

static bool fires_now(struct session *s, const char *name, bool initdeferred)
{
	return !sess_trigger_is_deferred(s, name, initdeferred);
}

bool sess_trigger_set_constraints(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	bool deferred = x->read_only == 1;
	if (s->txn == SESS_TXN_IDLE) /* PostgreSQL's WarnNoTransactionBlock: it still runs */
		pgw_be_notice(&s->out, "WARNING", SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
			      "SET CONSTRAINTS can only be used in transaction blocks");
	const char *names = x->savepoint;
	int fk = 0;
	for (const char *p = names; p && *p;) {
		size_t n = strcspn(p, "\x1f");
		char *name = arena_strndup(s->msg_arena, p, n);
		if (!check_name(s, name, deferred, &fk, err))
			return false;
		p += n + (p[n] == SEP);
	}
	if (!names && !check_all(s, deferred, &fk, err))
		return false;
	/* a key SQLite checks at once waits for SQLite's COMMIT, which ends the pragma */
	if (s->txn != SESS_TXN_IDLE && (fk & 2) &&
	    !shard_exec(s->conn, "PRAGMA defer_foreign_keys = ON", err))
		return false;
	struct sess_trg_defer *d = state(s);
	if (s->txn != SESS_TXN_IDLE && fk && !d->fk_watch) {
		d->fk_watch = true;
		d->fk_changes = -1;
	}
	if (!names) { /* ALL: the names said before no longer count */
		for (size_t i = 0; i < d->nmodes; i++)
			free(d->modes[i].name);
		d->nmodes = 0;
		d->all = deferred ? 1 : 2;
	}
	for (const char *p = names; p && *p;) {
		size_t n = strcspn(p, "\x1f");
		set_mode(d, p, n, deferred);
		p += n + (p[n] == SEP);
	}
	/* SQL's rule: the rows of constraints now IMMEDIATE are checked here */
	if (!deferred && sess_trigger_deferred_any(s) &&
	    !sess_trigger_fire_deferred(s, fires_now, err))
		return false;
	if (!deferred && !keys_check(s, false, err))
		return false;
	if (!deferred && d->fk_watch && s->txn != SESS_TXN_IDLE)
		return fk_check(s, NULL, err);
	if (s->txn == SESS_TXN_IDLE) /* its transaction ends with it */
		defer_free(s);
	return true;
}
