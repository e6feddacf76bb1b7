/* SPDX-License-Identifier: Apache-2.0 */
/* sess_simple.c: the simple query protocol — one Query message, any number of statements,
 * text results, one ReadyForQuery at the end. A statement that must wait for another
 * connection's write lock parks the Query; it continues at that statement once woken. A COPY
 * FROM STDIN among the statements hands the input to sess_copy.c, which runs the rest of the
 * Query's text when the copy ends. A statement that follows DDL is translated when it is
 * reached (XLAT_LATER), so it sees the tables and types the statements before it made. */
#include "session_int.h"

#include <stdint.h>
#include <string.h>

/* PostgreSQL runs the statements of one Query in one implicit transaction unless they manage
 * transactions themselves; a single statement simply autocommits. Table rebuilds (ALTER
 * TABLE ... ALTER COLUMN TYPE, SET NOT NULL, ADD PRIMARY KEY ...) stay outside: a rebuild of a
 * table other tables' keys reference cannot run inside a transaction (shard_rebuild.c), and
 * ORMs send several of them in one Query (Sequelize's sync({alter: true})). An ALTER TABLE
 * translated only when reached (XLAT_LATER) may be one. */
static bool txn_control(const struct xlat_stmt *x)
{
	/* SET CONSTRAINTS is the implicit block's, as in PostgreSQL (no WARNING) */
	return x->kind == XLAT_TXN && x->txn != XLAT_TXN_SET_CONSTRAINTS;
}

/* What a statement weighs toward needing a block: 1 for one that reads or writes, 2 for one
 * whose check after the fact or steps need a transaction anyway, 0 for the rest. */
static size_t weight(const struct xlat_stmt *x)
{
	size_t w = 0;
	if (x->kind == XLAT_SQL || x->kind == XLAT_SCRIPT || x->kind == XLAT_DO ||
	    (x->kind == XLAT_TXN && x->txn == XLAT_TXN_SET_CONSTRAINTS))
		w++;
	if (x->kind == XLAT_LATER && strcmp(x->tag, "ALTER TABLE") != 0)
		w++;
	if (x->numbered_max || x->nsteps)
		w += 2;
	return w;
}

static bool needs_implicit_block(const struct xlat_stmt *stmts, size_t n)
{
	size_t sql = 0;
	for (size_t i = 0; i < n; i++) {
		if (txn_control(&stmts[i]))
			return false;
		sql += weight(&stmts[i]);
	}
	return sql > 1;
}

/* In a Query that manages transactions itself, the statements outside a block between two
 * transaction statements (INSERT ...; COMMIT; INSERT ...; INSERT ...) are one implicit block,
 * as PostgreSQL's exec_simple_query starts one for each statement outside a block: an error
 * rolls them all back. One statement alone joins one too when a transaction statement
 * follows: a ROLLBACK then undoes it, a BEGIN adopts it, a SAVEPOINT or AND CHAIN (which
 * an implicit block refuses) rolls it back. */
static bool segment_needs_block(const struct xlat_stmt *stmts, size_t from, size_t n)
{
	size_t end = from, sql = 0;
	for (; end < n && !txn_control(&stmts[end]); end++)
		sql += weight(&stmts[end]);
	return sql > 1 || (sql == 1 && end < n);
}

/* PostgreSQL's exec_simple_query ends the Query's transaction before the CommandComplete of
 * its last statement (finish_xact_command before EndCommand), so that a client hears either
 * the tag or an error, not both: a commit that fails (a deferred unique or foreign key, a
 * deferred constraint trigger) answers only the error, and the notices of deferred triggers
 * come before the tag. The last statement's output, written from tag_from on, keeps its rows
 * and notices where they are; its tag is held back here and written after a commit. */
bool sess_simple_commit(struct session *s, size_t tag_from, struct pgerr *err)
{
	if (s->txn != SESS_TXN_IMPLICIT)
		return true; /* nothing to commit: the tag stays where it is */
	struct strbuf tag;
	strbuf_init(&tag, 0);
	bool held = tag_from <= s->out.len && pgw_be_unwrite_last(&s->out, tag_from, 'C', &tag);
	bool ok = sess_txn_implicit_end(s, err);
	if (ok && held)
		strbuf_append(&s->out, tag.data, tag.len);
	strbuf_fini(&tag);
	return ok;
}

/* tag_from: where the last statement's output begins in s->out, SIZE_MAX when none ran. */
static void finish_query(struct session *s, bool ok, size_t tag_from, struct pgerr *err)
{
	s->simple.active = false;
	if (ok)
		ok = sess_simple_commit(s, tag_from, err);
	if (s->rare && s->rare->fastpath)
		ok = sess_fastpath_finish(s, ok, tag_from, err);
	sess_guc_statement_end(s);
	if (!ok)
		sess_report_error(s, err);
	if (s->state != SESS_CLOSING) {
		sess_notify_ready(s); /* PostgreSQL sends them just before */
		pgw_be_ready(&s->out, sess_status_char(s));
	}
}

/* Translates the statement at simple.next, which follows DDL of the same Query, against the
 * schema the statements before it left (xlat_env.later); it takes the XLAT_LATER's place. */
static bool translate_later(struct session *s, struct pgerr *err)
{
	struct xlat_stmt *x = &s->simple.stmts[s->simple.next], *now;
	struct xlat_env env;
	char search[SHARD_TENANT_MAX + 1];
	s->schema_epoch = 0; /* the DDL before it ran on this connection: read the schema again */
	sess_types_block_start(s);
	sess_schema_env(s, &env, search);
	env.bind_consts = true;
	if (!xlat_translate_later(&env, s->simple.sql, x, s->msg_arena, &now, err))
		return false;
	*x = *now;
	sess_types_saw(s, x, 1);
	return true;
}

/* Runs statements from simple.next on. A statement that meets a lock has written nothing
 * (SQLite refuses before any effect), so its partial output is dropped and it runs again. */
void sess_simple_continue(struct session *s)
{
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = true;
	size_t mark = SIZE_MAX;
	for (; ok && s->simple.next < s->simple.n; s->simple.next++) {
		const struct xlat_stmt *x = &s->simple.stmts[s->simple.next];
		if (x->kind == XLAT_EMPTY && s->simple.n > 1)
			continue;
		/* in a failed block it waited untranslated (xlat_env.aborted): 25P02 first */
		if (x->kind == XLAT_LATER &&
		    (!sess_check_not_aborted(s, x, &err) || !translate_later(s, &err))) {
			ok = false;
			break;
		}
		if (x->nparams > 0 && x->kind != XLAT_PREPARE) { /* a Query binds no parameters */
			ok = pgerr_set(&err, "42P02", "there is no parameter $%d", x->nparams);
			break;
		}
		if (s->txn == SESS_TXN_IDLE && s->simple.n > 1 && !txn_control(x) &&
		    segment_needs_block(s->simple.stmts, s->simple.next, s->simple.n) &&
		    !sess_txn_implicit_begin(s, &err)) {
			ok = false;
			break;
		}
		mark = s->out.len;
		ok = sess_run_simple(s, x, &err);
		if ((ok && s->yielded) || (!ok && s->punted)) {
			if (!ok)
				s->out.len = mark; /* runs again on a worker (sess_inline.c) */
			return;                    /* goes on at this statement later */
		}
		if (!ok && s->lock_busy) {
			s->out.len = mark;
			if (sess_wait_park(s, &err))
				return;
		}
		if (ok && s->state == SESS_COPY_IN) {
			/* the COPY's end runs the rest and says ReadyForQuery */
			size_t next = s->simple.next + 1;
			if (next < s->simple.n)
				sess_copy_set_rest(s,
						   s->simple.sql + s->simple.stmts[next].location);
			s->simple.active = false;
			return;
		}
	}
	finish_query(s, ok, mark, &err);
}

void sess_simple_query(struct session *s, const struct pgw_msg *m)
{
	struct pgw_query q;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgw_fe_query(m, &q, &err)) {
		sess_report_error(s, &err);
		return;
	}
	sess_simple_run(s, q.sql);
}

void sess_simple_run(struct session *s, const char *text)
{
	struct pgerr err;
	pgerr_clear(&err);
	/* The message's bytes go away if the Query parks; its statements must not point there. */
	const char *sql = arena_strdup(s->msg_arena, text);
	struct xlat_stmt *stmts = NULL;
	size_t n = 0;
	struct xlat_env env;
	char search[SHARD_TENANT_MAX + 1];
	sess_types_block_start(s);
	sess_schema_env(s, &env, search);
	env.bind_consts = true; /* sess_run_simple keeps such statements prepared */
	env.later = true;       /* what follows DDL is translated when reached */
	env.aborted = s->txn == SESS_TXN_FAILED;
	bool ok = xlat_translate_in(&env, sql, NULL, 0, s->msg_arena, &stmts, &n, &err);
	int other = ok ? sess_hub_describe(s, stmts, n, &err) : 0;
	if (other) { /* another tenant's connection: translated again there */
		sess_schema_env(s, &env, search);
		ok = other > 0 &&
		     xlat_translate_in(&env, sql, NULL, 0, s->msg_arena, &stmts, &n, &err);
	}
	if (ok)
		sess_types_saw(s, stmts, n);
	if (ok && n == 0) {
		pgw_be_empty_query(&s->out);
		finish_query(s, true, SIZE_MAX, &err);
		return;
	}
	if (ok && s->txn == SESS_TXN_IDLE && needs_implicit_block(stmts, n))
		ok = sess_txn_implicit_begin(s, &err);
	if (!ok) {
		finish_query(s, false, SIZE_MAX, &err);
		return;
	}
	s->simple.sql = sql;
	s->simple.stmts = stmts;
	s->simple.n = n;
	s->simple.next = 0;
	s->simple.active = true;
	sess_simple_continue(s);
}
