/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_txnnow.c: a timestamptz column whose DEFAULT is now() (or CURRENT_TIMESTAMP,
 * transaction_timestamp()) left out of an INSERT ... VALUES or DEFAULT VALUES is given the
 * transaction's start by the statement, as PostgreSQL evaluates that default, instead of
 * SQLite evaluating the file's DEFAULT (strftime('%Y-%m-%d %H:%M:%f+00', 'now'): the time of
 * the statement's step, in milliseconds, and about 3,900 instructions per row). The file keeps
 * its DEFAULT for every other writer (the sqlite3 shell, COPY, INSERT ... SELECT). */
#include "xlat_int.h"

#include <string.h>

/* The translator's DEFAULT of the transaction's time in a timestamptz column (xlat_ddl.c,
 * now_as): 'now' is now() and transaction_timestamp(), 'NOW' CURRENT_TIMESTAMP; the other
 * spellings of 'now' are other keywords (statement_timestamp()'s is 'nOw'). */
static bool txn_now_text(const char *d)
{
	static const char head[] = "strftime('%Y-%m-%d %H:%M:%f+00', '";
	size_t n = strlen(d), h = sizeof(head) - 1;
	bool paren = n > 2 && d[0] == '(' && d[n - 1] == ')';
	if (paren) {
		d++;
		n -= 2;
	}
	if (n != h + 5 || strncmp(d, head, h) != 0 || strncmp(d + h + 3, "')", 2) != 0)
		return false;
	return strncmp(d + h, "now", 3) == 0 || strncmp(d + h, "NOW", 3) == 0;
}

bool xlat_txn_now_col(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
		      const struct xlat_schema_col *col)
{
	const char *d = NULL;
	return col && col->type_oid == XLAT_OID_TIMESTAMPTZ && xlat_checks_on(c) &&
	       xlat_scope_default(c, rel, col->name, &d) && d && txn_now_text(d);
}

const char *xlat_txn_now_value(struct xlat_ctx *c, const struct xlat_schema_col *col)
{
	struct strbuf *saved = c->sb, sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	int prec = xlat_dt_precision(col->type_oid, col->typmod);
	if (prec >= 0) /* timestamptz(p): rounded as xlat_dt_typmod_wrap rounds a value */
		xlat_printf(c, "pg_dt_typmod(pg_current(%u, -1, 0), %u, %d)", XLAT_OID_TIMESTAMPTZ,
			    XLAT_OID_TIMESTAMPTZ, prec);
	else
		xlat_printf(c, "pg_current(%u, -1, 0)", XLAT_OID_TIMESTAMPTZ);
	c->sb = saved;
	const char *r = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	if (sb.failed)
		c->sb->failed = true;
	strbuf_fini(&sb);
	return r;
}

const struct xlat_schema_col **xlat_txn_now_omitted(struct xlat_ctx *c,
						     const PgQuery__InsertStmt *s,
						     const struct xlat_schema_col **targets,
						     const bool *given, size_t width)
{
	const struct xlat_schema_col *cols = NULL, **out = NULL;
	size_t ncols = 0, n = 0;
	if (!xlat_checks_on(c) || !xlat_scope_target(c, s->relation, &cols, &ncols))
		return NULL;
	for (size_t i = 0; i < width; i++)
		if (!targets[i])
			return NULL; /* a position whose column is not known: SQLite's say */
	for (size_t k = 0; k < ncols; k++) {
		bool filled = false;
		for (size_t i = 0; i < width && !filled; i++)
			filled = targets[i] == &cols[k] && given[i];
		if (filled || !xlat_txn_now_col(c, s->relation, &cols[k]))
			continue;
		if (!out)
			out = arena_zalloc(c->a, (ncols + 1) * sizeof(*out));
		out[n++] = &cols[k];
	}
	return out;
}
