/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_partdate.c: range partitioning by a date, timestamp or timestamptz key
 * (docs/sql-compat.md, "Partitioned tables"). The bounds and the views compare the stored
 * text, which orders as PostgreSQL orders the values (pgtype_dt_store: ISO text from year 1
 * to 9999 and for 'infinity' / '-infinity', an order-keeping form outside); a BC or
 * five-digit year in the text older versions wrote does not, so such a bound is refused when
 * the partition is made and such a key value by a trigger of the parent. */
#include "catalog_int.h"

#include <string.h>

/* Whether a key of type oid is compared by this file's rule. */
bool cat_partdate_key(int oid) { return oid == 1082 || oid == 1114 || oid == 1184; }

/* Whether the stored text t of a date/time value orders as its value does: a four-digit
 * year, AD; a year outside 1..9999 in pgtype_dt_store's form ('.' BC, ':' past 9999); or an
 * infinity. Only text written by older versions ('0044-03-15 BC', '10000-01-01') fails. The
 * SQL form of the same test is GUARD below. */
static bool text_orders(const char *t)
{
	if (strcmp(t, "infinity") == 0 || strcmp(t, "-infinity") == 0 || t[0] == '.' || t[0] == ':')
		return true;
	size_t n = strlen(t);
	return n >= 5 && t[4] == '-' && !(n >= 3 && strcmp(t + n - 3, " BC") == 0);
}

#define GUARD(v)                                                                                \
	"(" v " IS NULL OR " v " IN ('infinity', '-infinity') OR substr(" v ", 1, 1) IN ('.', " \
	"':') OR (substr(" v ", 5, 1) = '-' AND " v " NOT LIKE '%% BC'))"

bool cat_partdate_bound_ok(sqlite3_context *ctx, sqlite3_value *v)
{
	const char *t = (const char *)sqlite3_value_text(v);
	if (!t || sqlite3_value_type(v) != SQLITE_TEXT || text_orders(t))
		return true;
	pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
		   "a range partition bound before year 1 or after year 9999 (%s) is not supported",
		   t);
	return false;
}

char *cat_partdate_guard(sqlite3 *db, const char *parent, char *const *keys, size_t nkeys)
{
	sqlite3_stmt *vm = NULL;
	if (sqlite3_prepare_v2(db, "SELECT type FROM pragma_table_info(?1) WHERE name = ?2", -1,
			       &vm, NULL) != SQLITE_OK)
		return NULL;
	/* every date/time key column: all in range (ok), else the first one out (bad) */
	struct strbuf ok, bad, upd;
	strbuf_init(&ok, 0);
	strbuf_init(&bad, 0);
	strbuf_init(&upd, 0);
	for (size_t i = 0; i < nkeys; i++) {
		uint32_t oid = 0;
		sqlite3_bind_text(vm, 1, parent, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, keys[i], -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW) {
			int32_t typmod = -1;
			oid = pgtype_from_decl((const char *)sqlite3_column_text(vm, 0), &typmod);
		}
		sqlite3_reset(vm);
		char *g = sqlite3_mprintf(GUARD("NEW.\"%w\""), keys[i], keys[i], keys[i], keys[i],
					  keys[i]);
		char *u = sqlite3_mprintf("%s\"%w\"", upd.len ? ", " : "", keys[i]);
		char *v = sqlite3_mprintf("NEW.\"%w\"", keys[i]);
		if (g && u && v && cat_partdate_key((int)oid)) {
			strbuf_printf(&ok, "%s%s", ok.len ? " AND " : "", g);
			strbuf_printf(&bad, "%sWHEN NOT %s THEN %s", bad.len ? " " : "", g, v);
			strbuf_puts(&upd, u);
		}
		ok.failed |= !g || !u || !v;
		sqlite3_free(g);
		sqlite3_free(u);
		sqlite3_free(v);
	}
	sqlite3_finalize(vm);
	char *r = NULL;
	if (ok.failed || bad.failed || upd.failed)
		r = NULL;
	else if (!ok.len)
		r = sqlite3_mprintf("%s", "");
	else
		r = sqlite3_mprintf("DROP TRIGGER IF EXISTS \"" CAT_PART_TRIGGER_PREFIX "k_%w\"; "
				    "DROP TRIGGER IF EXISTS \"" CAT_PART_TRIGGER_PREFIX "ku_%w\"; "
				    "CREATE TRIGGER \"" CAT_PART_TRIGGER_PREFIX "k_%w\" BEFORE "
				    "INSERT ON \"%w\" WHEN NOT (%s) BEGIN SELECT "
				    "shardlite_partition_key_range(CASE %s END); END; "
				    "CREATE TRIGGER \"" CAT_PART_TRIGGER_PREFIX
				    "ku_%w\" BEFORE UPDATE "
				    "OF %s ON \"%w\" WHEN NOT (%s) BEGIN SELECT "
				    "shardlite_partition_key_range(CASE %s END); END; ",
				    parent, parent, parent, parent, ok.data, bad.data, parent,
				    upd.data, parent, ok.data, bad.data);
	strbuf_fini(&ok);
	strbuf_fini(&bad);
	strbuf_fini(&upd);
	return r;
}

/* shardlite_partition_key_range(value): the guard trigger's failure. */
static void fn_key_range(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
		   "a partition key value before year 1 or after year 9999 (%s) is not supported",
		   t ? t : "");
}

bool cat_partdate_register(sqlite3 *db)
{
	/* called by the guard trigger, which is schema */
	return sqlite3_create_function_v2(db, "shardlite_partition_key_range", 1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, fn_key_range, NULL,
					  NULL, NULL) == SQLITE_OK;
}

/* One quoted timestamptz literal t of a bound's text, as the session's zone prints it (the
 * text carries its offset, so it reads back as the same instant). */
static void zone_literal(sqlite3 *db, struct strbuf *sb, const char *t, size_t n, int32_t typmod)
{
	sqlite3_stmt *vm = NULL;
	const char *out = NULL;
	if (sqlite3_prepare_v2(db, "SELECT pgfn_text_out(pg_dt_cast(?1, 25, 1184), 1184, ?2)", -1,
			       &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, t, (int)n, SQLITE_STATIC);
		sqlite3_bind_int(vm, 2, typmod);
		if (sqlite3_step(vm) == SQLITE_ROW)
			out = (const char *)sqlite3_column_text(vm, 0);
	}
	if (out && !strchr(out, '\''))
		strbuf_puts(sb, out);
	else
		strbuf_printf(sb, "%.*s", (int)n, t);
	sqlite3_finalize(vm);
}

/* The same for a key of several columns: the literals inside the bound's parentheses are the
 * key's columns in turn (FROM's, then TO's); those of timestamptz columns are printed again. */
static const char *several_keys(struct cat_conn *cc, const struct cat_rel *up, const char *b,
				struct arena *a)
{
	size_t n = (size_t)up->part_nkeys, at = 0;
	const struct cat_col **cols = arena_zalloc(a, n * sizeof(*cols));
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < up->ncols; k++)
			if (strcmp(up->cols[k].name, up->part_keys[i]) == 0)
				cols[i] = &up->cols[k];
		any |= cols[i] && cols[i]->typoid == 1184;
	}
	if (!any)
		return b;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	int depth = 0;
	for (const char *p = b; *p;) {
		if (*p == '(' || *p == ')') {
			depth += *p == '(' ? 1 : -1;
			strbuf_putc(&sb, *p++);
			continue;
		}
		if (depth != 1 || *p == ',' || *p == ' ') {
			strbuf_putc(&sb, *p++);
			continue;
		}
		/* one literal: quoted (a doubled quote inside) or bare (a number, MINVALUE) */
		const char *start = p;
		if (*p == '\'') {
			for (p++; *p && !(*p == '\'' && p[1] != '\''); p++)
				p += *p == '\'';
			p += *p == '\'';
		} else {
			while (*p && *p != ',' && *p != ')')
				p++;
		}
		const struct cat_col *col = cols[at++ % n];
		if (col && col->typoid == 1184 && *start == '\'' && p - start >= 2) {
			strbuf_putc(&sb, '\'');
			zone_literal(cc->db, &sb, start + 1, (size_t)(p - start - 2), col->typmod);
			strbuf_putc(&sb, '\'');
		} else {
			strbuf_printf(&sb, "%.*s", (int)(p - start), start);
		}
	}
	const char *r = sb.failed || !sb.data ? b : arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return r;
}

const char *cat_partdate_bound_text(struct cat_conn *cc, const struct cat_model *m,
				    const struct cat_rel *rel, struct arena *a)
{
	const struct cat_rel *up = rel->part_parent ? cat_model_rel(m, rel->part_parent) : NULL;
	const struct cat_col *key = NULL;
	for (int k = 0; up && up->part_key && k < up->ncols; k++)
		if (strcmp(up->cols[k].name, up->part_key) == 0)
			key = &up->cols[k];
	const char *b = rel->part_bound;
	if (up && up->part_nkeys > 1 && b && cc->db)
		return several_keys(cc, up, b, a);
	if (!b || !key || key->typoid != 1184 || !cc->db)
		return b;
	/* the literals hold no quote: a timestamptz's text has none */
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (const char *p = b; *p;) {
		const char *q = strchr(p, '\'');
		const char *e = q ? strchr(q + 1, '\'') : NULL;
		if (!e) {
			strbuf_puts(&sb, p);
			break;
		}
		strbuf_printf(&sb, "%.*s'", (int)(q - p), p);
		zone_literal(cc->db, &sb, q + 1, (size_t)(e - q - 1), key->typmod);
		strbuf_putc(&sb, '\'');
		p = e + 1;
	}
	const char *r = sb.failed || !sb.data ? b : arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return r;
}
