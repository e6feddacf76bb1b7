/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_cursor.c: SQL-level cursors — DECLARE [SCROLL] (its query translated as a SELECT),
 * FETCH and MOVE in every direction, CLOSE. The session keeps the cursors (sess_cursor.c); this file only checks
 * what can be had and says which cursor and how many rows. */
#include "xlat_int.h"

/* DECLARE's option bits, as PostgreSQL's parsenodes.h numbers them. */
#define CURSOR_OPT_BINARY 0x0001
#define CURSOR_OPT_SCROLL 0x0002
#define CURSOR_OPT_NO_SCROLL 0x0004
#define CURSOR_OPT_HOLD 0x0020

bool xlat_stmt_declare(struct xlat_ctx *c, const PgQuery__DeclareCursorStmt *s)
{
	if (!s->query || s->query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
		return xlat_unsupported(c, -1, "DECLARE CURSOR over anything but a query");
	if (!xlat_stmt_select(c, s->query->select_stmt))
		return false;
	/* The rows are read at DECLARE's Execute, which has no Bind values at hand. */
	if (c->max_param > 0)
		return xlat_unsupported(c, -1, "parameters in DECLARE CURSOR");
	if (c->st->writes) /* PostgreSQL refuses it too */
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "DECLARE CURSOR must not contain data-modifying statements in WITH");
	struct xlat_cursor *cur = arena_zalloc(c->a, sizeof(*cur));
	cur->op = XLAT_CUR_DECLARE;
	cur->name = arena_strdup(c->a, s->portalname);
	cur->hold = (s->options & CURSOR_OPT_HOLD) != 0;
	cur->binary = (s->options & CURSOR_OPT_BINARY) != 0;
	cur->scroll = (s->options & CURSOR_OPT_SCROLL) != 0;
	cur->no_scroll = (s->options & CURSOR_OPT_NO_SCROLL) != 0;
	struct xlat_stmt *st = c->st;
	st->kind = XLAT_CURSOR;
	st->cursor = cur;
	st->tag = "DECLARE CURSOR";
	st->tag_style = XLAT_TAG_PLAIN;
	st->returns_rows = false;
	return true;
}

/* PostgreSQL's reading of a direction and count: a negative count turns FORWARD into
 * BACKWARD and back, a count of 0 is the current row (RELATIVE 0). */
static void direction(const PgQuery__FetchStmt *s, struct xlat_cursor *cur)
{
	int64_t n = s->how_many;
	switch (s->direction) {
	case PG_QUERY__FETCH_DIRECTION__FETCH_BACKWARD:
		cur->dir = n < 0 ? XLAT_FETCH_FORWARD : XLAT_FETCH_BACKWARD;
		break;
	case PG_QUERY__FETCH_DIRECTION__FETCH_ABSOLUTE:
		cur->dir = XLAT_FETCH_ABSOLUTE;
		break;
	case PG_QUERY__FETCH_DIRECTION__FETCH_RELATIVE:
		cur->dir = XLAT_FETCH_RELATIVE;
		break;
	default:
		cur->dir = n < 0 ? XLAT_FETCH_BACKWARD : XLAT_FETCH_FORWARD;
		break;
	}
	if ((cur->dir == XLAT_FETCH_FORWARD || cur->dir == XLAT_FETCH_BACKWARD) && n == 0)
		cur->dir = XLAT_FETCH_RELATIVE;
	if (cur->dir == XLAT_FETCH_FORWARD || cur->dir == XLAT_FETCH_BACKWARD)
		n = n == INT64_MAX ? XLAT_CURSOR_ALL : n < 0 ? -n : n;
	cur->count = n;
}

bool xlat_stmt_fetch(struct xlat_ctx *c, const PgQuery__FetchStmt *s)
{
	struct xlat_cursor *cur = arena_zalloc(c->a, sizeof(*cur));
	cur->op = s->ismove ? XLAT_CUR_MOVE : XLAT_CUR_FETCH;
	cur->name = arena_strdup(c->a, s->portalname);
	direction(s, cur);
	struct xlat_stmt *st = c->st;
	st->kind = XLAT_CURSOR;
	st->cursor = cur;
	st->tag = s->ismove ? "MOVE" : "FETCH";
	st->tag_style = XLAT_TAG_ROWS;
	st->returns_rows = !s->ismove;
	return true;
}

bool xlat_stmt_close(struct xlat_ctx *c, const PgQuery__ClosePortalStmt *s)
{
	struct xlat_cursor *cur = arena_zalloc(c->a, sizeof(*cur));
	cur->op = XLAT_CUR_CLOSE;
	cur->name = s->portalname && *s->portalname ? arena_strdup(c->a, s->portalname) : NULL;
	c->st->kind = XLAT_CURSOR;
	c->st->cursor = cur;
	c->st->tag = cur->name ? "CLOSE CURSOR" : "CLOSE CURSOR ALL";
	return true;
}
