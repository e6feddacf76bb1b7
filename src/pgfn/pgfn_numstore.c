/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_numstore.c: a numeric value stored into a numeric column. The tenant file keeps it as an
 * SQLite number (NUMERIC affinity: a 64-bit integer, or a double); a decimal that number would
 * not read back as is refused (0A000), never silently rounded. SQLite's own text conversion
 * decides (its double is not always the nearest one), so the check runs where SQLite is. */
#include "pgfn.h"
#include "pgfn_int.h"
#include "pgtype.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pgfn_num_store(x, column): x as the column keeps it (column NULL: unnamed). A number (computed by SQLite in double
 * arithmetic, or an integer) and NULL pass; so does text that is no decimal (NaN, stored as the
 * text). A decimal text is converted as the column's affinity converts it
 * (sqlite3_value_numeric_type: SQLite's own conversion) and kept when that number reads back
 * as the same value (1.50, 0.1, 9223372036854775807); otherwise 0A000, naming the column. */
static void fn_num_store(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value *v = argv[0];
	if (sqlite3_value_type(v) != SQLITE_TEXT) {
		sqlite3_result_value(ctx, v);
		return;
	}
	const char *t = (const char *)sqlite3_value_text(v);
	int n = sqlite3_value_bytes(v);
	if (!t || !pgtype_numeric_kept_decimal(t, (size_t)n)) {
		sqlite3_result_value(ctx, v);
		return;
	}
	char small[64];
	char *copy = n < (int)sizeof(small) ? small : sqlite3_malloc(n + 1);
	if (!copy) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	memcpy(copy, t, (size_t)n);
	copy[n] = '\0';
	/* (the text pointer is no longer valid after this) */
	int type = sqlite3_value_numeric_type(v);
	bool is_int = type == SQLITE_INTEGER;
	int64_t i = is_int ? sqlite3_value_int64(v) : 0;
	double d = type == SQLITE_FLOAT ? sqlite3_value_double(v) : 0;
	if ((is_int || type == SQLITE_FLOAT) &&
	    pgtype_numeric_kept(copy, (size_t)n, is_int, i, d)) {
		sqlite3_result_value(ctx, v);
	} else {
		struct strbuf got;
		strbuf_init(&got, 0);
		struct pgtype_value num = {
			.kind = is_int ? PGTYPE_V_INT : PGTYPE_V_FLOAT, .i = i, .f = d};
		if (is_int || type == SQLITE_FLOAT)
			pgtype_encode_text(&got, PGTYPE_NUMERIC, &num);
		char detail[256];
		snprintf(
			detail, sizeof(detail),
			"A tenant file keeps a numeric value as an SQLite number (a 64-bit integer, "
			"or a double of 15 to 17 significant digits); this one would read back as "
			"%.80s.",
			got.data && !got.failed ? got.data : "another number");
		strbuf_fini(&got);
		const char *col = (const char *)sqlite3_value_text(argv[1]);
		if (col) /* (a DEFAULT names none: the table's SQL keeps it across renames) */
			pgfn_error_detail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, detail,
					  "numeric value %.200s cannot be stored exactly in column "
					  "\"%s\"",
					  copy, col);
		else
			pgfn_error_detail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, detail,
					  "numeric value %.200s cannot be stored exactly", copy);
	}
	if (copy != small)
		sqlite3_free(copy);
}

/* Plain digits ([-]123.45, no blanks, no exponent) that numeric(p,s) keeps as they are: at most
 * s after the point, at most p - s before it (leading zeros aside). */
static bool fits_as_written(const char *t, size_t n, int typmod)
{
	size_t i = n > 0 && (t[0] == '-' || t[0] == '+');
	int m = typmod - 4, prec = (m >> 16) & 0xffff, scale = ((m & 0x7ff) ^ 1024) - 1024;
	while (i < n && t[i] == '0')
		i++;
	size_t whole = 0, frac = 0;
	for (; i < n && t[i] >= '0' && t[i] <= '9'; i++)
		whole++;
	if (i < n && t[i] == '.')
		for (i++; i < n && t[i] >= '0' && t[i] <= '9'; i++)
			frac++;
	return i == n && whole + frac > 0 && typmod >= 4 && scale >= 0 && (int)frac <= scale &&
	       (int)whole <= prec - scale;
}

/* pgfn_num_fit(x, typmod): numeric(p,s)'s rounding of a value stored into such a column. Text
 * (a bound parameter, a constant) is read by numeric_in and rounded in decimal, returned as the
 * rounded text for pgfn_num_store to convert (22P02, 22003 with PostgreSQL's DETAIL); a number
 * goes through shardlite_numeric. */
static void fn_num_fit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_value *v = argv[0];
	if (sqlite3_value_type(v) != SQLITE_TEXT) {
		pgfn_cast_numeric(ctx, argc, argv);
		return;
	}
	const char *t = (const char *)sqlite3_value_text(v);
	size_t n = (size_t)sqlite3_value_bytes(v);
	if (t && fits_as_written(t, n, sqlite3_value_int(argv[1]))) {
		sqlite3_result_value(ctx, v);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgtype_value dec, out;
	struct pgerr err;
	pgerr_clear(&err);
	if (!t || !pgtype_decode_text(PGTYPE_NUMERIC, t, n, a, &dec, &err) ||
	    !pgtype_numeric_typmod(dec.p, dec.n, sqlite3_value_int(argv[1]), a, &out, &err)) {
		if (err.detail[0])
			pgfn_error_detail(ctx, err.sqlstate, err.detail, "%s", err.message);
		else
			pgfn_error(ctx, err.sqlstate, "%s", err.message);
	} else {
		sqlite3_result_text(ctx, out.p, (int)out.n, SQLITE_TRANSIENT);
	}
	arena_free(a);
}

/* SQLite's own conversion of decimal text to a double (sqlite3AtoF, which CAST AS REAL and the
 * NUMERIC affinity both use), for pgtype_numeric_double: on a connection of each thread's own,
 * in memory, made the first time and kept for the process's life on one list (so that it is
 * never lost with its thread). strtod's when that fails. */
struct atof_conn {
	sqlite3 *db;
	sqlite3_stmt *st;
	struct atof_conn *next;
};
static struct atof_conn *atof_all;
static pthread_mutex_t atof_lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local struct atof_conn *atof_mine;

static struct atof_conn *atof_conn(void)
{
	if (atof_mine)
		return atof_mine->st ? atof_mine : NULL;
	struct atof_conn *a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	if (sqlite3_open(":memory:", &a->db) != SQLITE_OK ||
	    sqlite3_prepare_v2(a->db, "SELECT CAST(?1 AS REAL)", -1, &a->st, NULL) != SQLITE_OK)
		a->st = NULL;
	pthread_mutex_lock(&atof_lock);
	a->next = atof_all;
	atof_all = a;
	pthread_mutex_unlock(&atof_lock);
	atof_mine = a;
	return a->st ? a : NULL;
}

static double sqlite_atof(const char *s)
{
	struct atof_conn *a = atof_conn();
	if (!a)
		return strtod(s, NULL);
	sqlite3_bind_text(a->st, 1, s, -1, SQLITE_STATIC);
	double d = sqlite3_step(a->st) == SQLITE_ROW ? sqlite3_column_double(a->st, 0)
						     : strtod(s, NULL);
	sqlite3_reset(a->st);
	sqlite3_clear_bindings(a->st);
	return d;
}

static void set_store_atof(void) { pgtype_set_store_atof(sqlite_atof); }

int pgfn_register_numstore(sqlite3 *db)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	(void)pthread_once(&once, set_store_atof);
	int rc = sqlite3_create_function(db, "pgfn_num_store", 2,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					 NULL, fn_num_store, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	return sqlite3_create_function(db, "pgfn_num_fit", 2,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       fn_num_fit, NULL, NULL);
}
