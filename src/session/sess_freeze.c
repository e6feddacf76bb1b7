/* SPDX-License-Identifier: Apache-2.0 */
/* sess_freeze.c: which tables the open transaction created or truncated, and in which
 * subtransaction, for PostgreSQL's COPY ... FREEZE check (55000 unless the table was created
 * or truncated in the current subtransaction, CopyFrom). A subtransaction is named by a
 * number that grows with each SAVEPOINT and ROLLBACK TO (the level's ids in rare->cursor_sp,
 * sess_cursor.c); a RELEASE hands the released levels' tables to the enclosing one, as
 * PostgreSQL's subcommit hands rd_createSubid to the parent, and a ROLLBACK TO forgets them. */
#include "session_int.h"

#include <stdlib.h>
#include <string.h>

struct sess_fresh {
	struct sess_fresh *next;
	unsigned sub;
	bool truncated; /* else created */
	char name[];
};

unsigned sess_freeze_subxact(const struct session *s)
{
	const struct sess_rare *r = s->rare;
	return r && r->cursor_sp.n ? r->cursor_sp.sub[r->cursor_sp.n - 1] : 0;
}

/* A table's last TRUNCATE is the one that counts (PostgreSQL's rd_newRelfilenodeSubid): one
 * rolled back leaves none, even where an earlier one was released into the transaction. */
static void note(struct session *s, const char *name, bool truncated)
{
	if (!name)
		return;
	struct sess_rare *r = sess_rare(s);
	for (struct sess_fresh **pp = &r->fresh; truncated && *pp;) {
		struct sess_fresh *f = *pp;
		if (f->truncated && strcmp(f->name, name) == 0) {
			*pp = f->next;
			free(f);
		} else {
			pp = &f->next;
		}
	}
	size_t n = strlen(name) + 1;
	struct sess_fresh *f = base_xcalloc(1, sizeof(*f) + n);
	memcpy(f->name, name, n);
	f->sub = sess_freeze_subxact(s);
	f->truncated = truncated;
	f->next = r->fresh;
	r->fresh = f;
}

void sess_freeze_saw(struct session *s, const struct xlat_stmt *x)
{
	if (s->txn == SESS_TXN_IDLE)
		return; /* its own transaction is over: a COPY after it is in another */
	note(s, x->created_table, false);
	for (size_t i = 0; x->truncate && x->part_tables && i < x->nparts; i++)
		note(s, x->part_tables[i], true);
}

bool sess_freeze_fresh(const struct session *s, const char *rel)
{
	unsigned sub = sess_freeze_subxact(s);
	for (const struct sess_fresh *f = s->rare ? s->rare->fresh : NULL; f; f = f->next)
		if (f->sub == sub && strcmp(f->name, rel) == 0)
			return true;
	return false;
}

void sess_freeze_sub_end(struct session *s, unsigned from, bool commit, unsigned parent)
{
	if (!s->rare)
		return;
	struct sess_fresh **pp = &s->rare->fresh;
	while (*pp) {
		struct sess_fresh *f = *pp;
		if (f->sub < from) {
			pp = &f->next;
		} else if (commit) {
			f->sub = parent;
			pp = &f->next;
		} else {
			*pp = f->next;
			free(f);
		}
	}
}

void sess_freeze_forget(struct session *s) { sess_freeze_sub_end(s, 0, false, 0); }
