/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_partfor.c: which partition a row of a partitioned table is in, for its tableoid
 * (docs/sql-compat.md, "Partitioned tables"): every row lives in the parent's one SQLite
 * table, so the translator writes tableoid of a parent's row as
 * pg_regclass_in(shardlite_partition_for(parent, 'a', a, 'b', b, ...)), which tries the
 * partitions' conditions in turn, and a partitioned partition's partitions' below it (the leaf
 * is PostgreSQL's tableoid). The conditions, prepared once, are kept on the connection
 * (struct cat_conn) for each parent until the schema's version changes or a transaction rolls
 * back: a row trigger's program frees SQLite's auxiliary data at every row's end, and the
 * move guard and the trigger machinery ask for every row. */
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

/* The connection's loaded parents, most recently loaded last; all valid at schema versions
 * main and temp. */
#define PARTFOR_CACHE_MAX 16
struct cat_partfor_cache {
	sqlite3_stmt *version[2]; /* PRAGMA main.schema_version, temp.schema_version */
	int main, temp;
	size_t n;
	char *parents[PARTFOR_CACHE_MAX];
	struct partfor *fors[PARTFOR_CACHE_MAX];
};

static void cache_clear(struct cat_partfor_cache *pc)
{
	for (size_t i = 0; i < pc->n; i++) {
		free(pc->parents[i]);
		partfor_free(pc->fors[i]);
	}
	pc->n = 0;
}

void cat_partfor_cache_free(struct cat_conn *cc)
{
	struct cat_partfor_cache *pc = cc->partfor;
	if (!pc)
		return;
	cache_clear(pc);
	sqlite3_finalize(pc->version[0]);
	sqlite3_finalize(pc->version[1]);
	free(pc);
	cc->partfor = NULL;
}

static int version_of(sqlite3 *db, sqlite3_stmt **st, const char *sql)
{
	int rc = *st ? SQLITE_OK
		     : sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
	int v = -1;
	if (rc == SQLITE_OK && sqlite3_step(*st) == SQLITE_ROW)
		v = sqlite3_column_int(*st, 0);
	if (*st)
		sqlite3_reset(*st);
	return v;
}

/* parent's partitions on cc's connection (borrowed from the cache until the next call), NULL
 * when they could not be read. */
static const struct partfor *partfor_get(struct cat_conn *cc, const char *parent)
{
	if (!cc->partfor)
		cc->partfor = base_xcalloc(1, sizeof(*cc->partfor));
	struct cat_partfor_cache *pc = cc->partfor;
	int main = version_of(cc->db, &pc->version[0], "PRAGMA main.schema_version");
	int temp = version_of(cc->db, &pc->version[1], "PRAGMA temp.schema_version");
	if (cc->partfor_stale || main < 0 || temp < 0 || main != pc->main || temp != pc->temp) {
		cache_clear(pc);
		cc->partfor_stale = false;
		pc->main = main;
		pc->temp = temp;
	}
	for (size_t i = 0; i < pc->n; i++)
		if (strcmp(pc->parents[i], parent) == 0)
			return pc->fors[i];
	struct partfor *f = partfor_load(cc->db, parent, 0);
	if (!f)
		return NULL;
	/* kept also when a version was unread (-1): the next call clears it */
	if (pc->n == PARTFOR_CACHE_MAX) { /* the oldest goes */
		free(pc->parents[0]);
		partfor_free(pc->fors[0]);
		memmove(pc->parents, pc->parents + 1, (pc->n - 1) * sizeof(*pc->parents));
		memmove(pc->fors, pc->fors + 1, (pc->n - 1) * sizeof(*pc->fors));
		pc->n--;
	}
	pc->parents[pc->n] = base_xstrdup(parent);
	pc->fors[pc->n++] = f;
	return f;
}

/* shardlite_partition_for(parent, key values...): the name of the partition of parent that
 * takes the values, NULL when none does; shardlite_partition_for(parent, 'a', a, 'b', b, ...)
 * (every column, named): the leaf partition, under partitioned partitions. */
static void fn_partition_for(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *parent = (const char *)sqlite3_value_text(argv[0]);
	const struct partfor *f = NULL;
	if (parent) {
		f = partfor_get(sqlite3_user_data(ctx), parent);
		if (!f) {
			pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR,
				   "the partitions of \"%s\" could not be read", parent);
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

char *catalog_partition_of(struct cat_conn *cc, const char *parent, const char *const *cols,
			   sqlite3_value *const *row, size_t n)
{
	const struct partfor *f = partfor_get(cc, parent);
	int rc = 0;
	const char *leaf = leaf_of(f, cols, row, n, &rc);
	return leaf ? strdup(leaf) : NULL;
}

bool cat_partfor_register(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_partition_for", -1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, cc, fn_partition_for,
					  NULL, NULL, NULL) == SQLITE_OK;
}
