/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_partfor.c: which partition a row of a partitioned table is in, for its tableoid
 * (docs/sql-compat.md, "Partitioned tables"): every row lives in the parent's one SQLite
 * table, so the translator writes tableoid of a parent's row as
 * pg_regclass_in(shardlite_partition_for(parent, 'a', a, 'b', b, ...)), which tries the
 * partitions' conditions in turn, and a partitioned partition's partitions' below it (the leaf
 * is PostgreSQL's tableoid). The conditions, prepared once, are kept for the statement
 * (SQLite's auxiliary data of the constant parent argument). */
#include "catalog_int.h"

#include <stdlib.h>
#include <string.h>

struct partfor {
	size_t n;
	int nkeys;
	char **keys;           /* nkeys key column names */
	char **names;          /* n partition names */
	sqlite3_stmt **tests;  /* SELECT 1 FROM (SELECT ?1 AS "k", ...) WHERE cond */
	struct partfor **subs; /* a partitioned partition's own, NULL for the others */
};

static void partfor_free(void *arg)
{
	struct partfor *f = arg;
	for (size_t i = 0; i < f->n; i++) {
		free(f->names[i]);
		sqlite3_finalize(f->tests[i]);
		if (f->subs && f->subs[i])
			partfor_free(f->subs[i]);
	}
	free(f->subs);
	for (int k = 0; k < f->nkeys && f->keys; k++)
		free(f->keys[k]);
	free(f->keys);
	free(f->names);
	free(f->tests);
	free(f);
}

static struct partfor *partfor_load(sqlite3 *db, const char *parent, int depth)
{
	size_t n = 0, nkeys = 0;
	char **keys = NULL;
	char **list = cat_part_list(db, parent, &n, &keys, &nkeys);
	struct strbuf sel; /* ?1 AS "a", ?2 AS "b" */
	strbuf_init(&sel, 0);
	for (size_t i = 0; i < nkeys; i++) {
		char *one = sqlite3_mprintf("%s?%d AS \"%w\"", i ? ", " : "", (int)i + 1, keys[i]);
		strbuf_puts(&sel, one ? one : "");
		sel.failed |= one == NULL;
		sqlite3_free(one);
	}
	struct partfor *f = list ? calloc(1, sizeof(*f)) : NULL;
	if (f) {
		f->names = calloc(n ? n : 1, sizeof(*f->names));
		f->tests = calloc(n ? n : 1, sizeof(*f->tests));
		f->subs = calloc(n ? n : 1, sizeof(*f->subs));
	}
	bool ok = f && f->names && f->tests && f->subs && !sel.failed && sel.data;
	if (f) {
		f->nkeys = (int)nkeys;
		f->keys = keys; /* f's from here */
		keys = NULL;
	}
	for (size_t i = 0; ok && i < n; i++) {
		char *q = sqlite3_mprintf("SELECT 1 FROM (SELECT %s) WHERE %s", sel.data,
					  list[2 * i + 1]);
		ok = q && sqlite3_prepare_v2(db, q, -1, &f->tests[i], NULL) == SQLITE_OK;
		sqlite3_free(q);
		f->names[i] = list[2 * i];
		list[2 * i] = NULL;
		f->n = i + 1;
		/* a partitioned partition: its partitions (NULL for any other) */
		if (ok && depth < 32)
			f->subs[i] = partfor_load(db, f->names[i], depth + 1);
	}
	for (size_t i = 0; list && i < 2 * n; i++)
		free(list[i]);
	free(list);
	for (size_t i = 0; keys && i < nkeys; i++)
		free(keys[i]);
	free(keys);
	strbuf_fini(&sel);
	if (!ok && f) {
		partfor_free(f);
		f = NULL;
	}
	return f;
}

/* The leaf partition under f that takes the row of n columns named cols with values row
 * (borrowed from f), NULL when none does; -1 in *rc on an SQLite error. */
static const char *leaf_of(const struct partfor *f, const char *const *cols,
			   sqlite3_value *const *row, size_t n, int *rc)
{
	for (size_t i = 0; f && i < f->n; i++) {
		sqlite3_stmt *t = f->tests[i];
		for (int k = 0; k < f->nkeys; k++) {
			sqlite3_bind_null(t, k + 1);
			for (size_t c = 0; c < n; c++)
				if (strcmp(cols[c], f->keys[k]) == 0)
					sqlite3_bind_value(t, k + 1, row[c]);
		}
		int r = sqlite3_step(t);
		sqlite3_reset(t);
		if (r == SQLITE_ROW)
			return f->subs[i] ? leaf_of(f->subs[i], cols, row, n, rc) : f->names[i];
		if (r != SQLITE_DONE) {
			*rc = -1;
			return NULL;
		}
	}
	return NULL;
}

/* shardlite_partition_for(parent, key values...): the name of the partition of parent that
 * takes the values, NULL when none does; shardlite_partition_for(parent, 'a', a, 'b', b, ...)
 * (every column, named): the leaf partition, under partitioned partitions. */
static void fn_partition_for(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct partfor *f = sqlite3_get_auxdata(ctx, 0);
	const char *parent = (const char *)sqlite3_value_text(argv[0]);
	if (!f && parent) {
		f = partfor_load(sqlite3_context_db_handle(ctx), parent, 0);
		if (!f) {
			pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR,
				   "the partitions of \"%s\" could not be read", parent);
			return;
		}
		sqlite3_set_auxdata(ctx, 0, f, partfor_free);
		f = sqlite3_get_auxdata(ctx, 0); /* SQLite may have freed it already */
		if (!f) {
			pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "out of memory");
			return;
		}
	}
	if (f && f->nkeys != argc - 1) { /* the named columns */
		size_t n = (size_t)(argc - 1) / 2;
		const char **cols = calloc(n + 1, sizeof(*cols));
		sqlite3_value **row = calloc(n + 1, sizeof(*row));
		if ((argc - 1) % 2 || !cols || !row) {
			free(cols);
			free(row);
			pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR,
				   "shardlite_partition_for: arguments");
			return;
		}
		for (size_t i = 0; i < n; i++) {
			cols[i] = (const char *)sqlite3_value_text(argv[1 + 2 * i]);
			cols[i] = cols[i] ? cols[i] : "";
			row[i] = argv[2 + 2 * i];
		}
		int rc = 0;
		const char *leaf = leaf_of(f, cols, row, n, &rc);
		if (rc < 0)
			sqlite3_result_error(ctx, sqlite3_errmsg(sqlite3_context_db_handle(ctx)),
					     -1);
		else if (leaf)
			sqlite3_result_text(ctx, leaf, -1, SQLITE_TRANSIENT);
		else
			sqlite3_result_null(ctx);
		free(cols);
		free(row);
		return;
	}
	for (size_t i = 0; f && i < f->n; i++) {
		sqlite3_stmt *t = f->tests[i];
		for (int k = 1; k < argc; k++)
			sqlite3_bind_value(t, k, argv[k]);
		int rc = sqlite3_step(t);
		sqlite3_reset(t);
		if (rc == SQLITE_ROW) {
			sqlite3_result_text(ctx, f->names[i], -1, SQLITE_TRANSIENT);
			return;
		}
		if (rc != SQLITE_DONE) {
			sqlite3_result_error(ctx, sqlite3_errmsg(sqlite3_context_db_handle(ctx)),
					     -1);
			return;
		}
	}
	sqlite3_result_null(ctx);
}

char *catalog_partition_of(sqlite3 *db, const char *parent, const char *const *cols,
			   sqlite3_value *const *row, size_t n)
{
	struct partfor *f = partfor_load(db, parent, 0);
	int rc = 0;
	const char *leaf = leaf_of(f, cols, row, n, &rc);
	char *name = leaf ? strdup(leaf) : NULL;
	if (f)
		partfor_free(f);
	return name;
}

bool cat_partfor_register(sqlite3 *db)
{
	return sqlite3_create_function_v2(db, "shardlite_partition_for", -1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, fn_partition_for,
					  NULL, NULL, NULL) == SQLITE_OK;
}
