/* SPDX-License-Identifier: Apache-2.0 */
/* sess_simple.c: the simple query protocol — one Query message, any number of statements,
 * text results, one ReadyForQuery at the end. */
#include "session_int.h"

#include <string.h>

/* PostgreSQL runs the statements of one Query in one implicit transaction unless they manage
 * transactions themselves; a single statement simply autocommits. */
static bool needs_implicit_block(const struct xlat_stmt *stmts, size_t n)
{
	size_t sql = 0;
	for (size_t i = 0; i < n; i++) {
		if (stmts[i].kind == XLAT_TXN)
			return false;
		if (stmts[i].kind == XLAT_SQL)
			sql++;
	}
	return sql > 1;
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

void sess_simple_run(struct session *s, const char *sql)
{
	struct pgerr err;
	pgerr_clear(&err);
	struct xlat_stmt *stmts = NULL;
	size_t n = 0;
	bool ok = xlat_translate(sql, NULL, 0, s->msg_arena, &stmts, &n, &err);
	if (ok && n == 0) {
		pgw_be_empty_query(&s->out);
	} else if (ok) {
		if (s->txn == SESS_TXN_IDLE && needs_implicit_block(stmts, n))
			ok = sess_txn_implicit_begin(s, &err);
		for (size_t i = 0; ok && i < n; i++) {
			if (stmts[i].kind == XLAT_EMPTY && n > 1)
				continue;
			ok = sess_run_simple(s, &stmts[i], &err);
			if (ok && s->state == SESS_COPY_IN) {
				/* the COPY's end runs the rest and says ReadyForQuery */
				if (i + 1 < n)
					sess_copy_set_rest(s, sql + stmts[i + 1].location);
				return;
			}
		}
		if (ok)
			ok = sess_txn_implicit_end(s, &err);
	}
	if (!ok)
		sess_report_error(s, &err);
	if (s->state != SESS_CLOSING)
		pgw_be_ready(&s->out, sess_status_char(s));
}
