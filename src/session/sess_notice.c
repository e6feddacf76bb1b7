/* SPDX-License-Identifier: Apache-2.0 */
/* sess_notice.c: the NOTICEs PostgreSQL sends for DROP ... IF EXISTS of an object that is not
 * there (`table "x" does not exist, skipping`) and CREATE ... IF NOT EXISTS of one that is,
 * filtered by client_min_messages. SQLite's own IF [NOT] EXISTS says nothing, so the objects
 * are looked up before the statement runs. */
#include "session_int.h"

#include <stdio.h>
#include <strings.h>

/* client_min_messages, most verbose first: a message is sent when its level is at or after
 * the setting's (INFO always is, as in PostgreSQL). */
static const char *const levels[] = {"debug5", "debug4", "debug3", "debug2", "debug1",
				     "log",    "notice", "warning", "error"};

static int level_of(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_LEN(levels); i++)
		if (strcasecmp(name, levels[i]) == 0)
			return (int)i;
	return 6; /* the default, notice */
}

bool sess_notice_wanted(struct session *s, const char *severity)
{
	return level_of(severity) >= level_of(sess_guc_get(s, "client_min_messages"));
}

uint64_t sess_skip_check(struct session *s, const struct xlat_stmt *x)
{
	if (!x->skip_type || !x->nskip_names || !sess_notice_wanted(s, "notice"))
		return 0;
	sqlite3_stmt *st;
	/* a session's temporary tables and their indexes count too */
	bool temp = shard_conn_pinned(s->conn);
	if (sqlite3_prepare_v2(shard_conn_db(s->conn),
			       temp ? "SELECT 1 FROM (SELECT type, name FROM main.sqlite_schema UNION "
				      "ALL SELECT type, name FROM temp.sqlite_schema) WHERE name = ?2 "
				      "AND (type = ?1 OR (?1 = 'relation' AND type IN ('table', "
				      "'view', 'index')))"
				    : "SELECT 1 FROM main.sqlite_schema WHERE name = ?2 AND (type = ?1 "
				      "OR (?1 = 'relation' AND type IN ('table', 'view', 'index')))",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	uint64_t hits = 0;
	for (size_t i = 0; i < x->nskip_names && i < 64; i++) {
		if (!x->skip_names[i])
			continue;
		sqlite3_bind_text(st, 1, x->skip_type, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, x->skip_names[i], -1, SQLITE_STATIC);
		if ((sqlite3_step(st) == SQLITE_ROW) == x->skip_present)
			hits |= UINT64_C(1) << i;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return hits;
}

void sess_skip_notices(struct session *s, const struct xlat_stmt *x, uint64_t hits)
{
	char msg[PGERR_MSG_MAX];
	for (size_t i = 0; i < x->nskip_names && i < 64; i++) {
		if (!(hits & (UINT64_C(1) << i)))
			continue;
		snprintf(msg, sizeof(msg), "%s \"%s\" %s, skipping", x->skip_type, x->skip_names[i],
			 x->skip_present ? "already exists" : "does not exist");
		pgw_be_notice(&s->out, "NOTICE",
			      x->skip_present ? SQLSTATE_DUPLICATE_TABLE : SQLSTATE_SUCCESS, msg);
	}
}
