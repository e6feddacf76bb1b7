/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_enum.c: enum types (CREATE TYPE ... AS ENUM) at run time — the input check of a label
 * (pgfn_enum_in), a label renamed inside arrays (pgfn_enum_array_rename) and the collations
 * that order labels by their enum's sort order. They take the labels from the SQL the
 * translator wrote, never from the tenant's sidecar, so they need no catalog. */
#include "pgfn_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* pgfn_enum_in(x, type, label1, ..., labelN): x when it is one of the labels, NULL for NULL,
 * else 22P02 as PostgreSQL's enum_in words it (type is the name as format_type spells it). */
static void fn_enum_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc < 2 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t n = 0, ln = 0;
	const char *x = pgfn_text(argv[0], &n);
	for (int i = 2; i < argc; i++) {
		const char *label = pgfn_text(argv[i], &ln);
		if (ln == n && memcmp(label, x, n) == 0) {
			sqlite3_result_text(ctx, label, (int)ln, SQLITE_TRANSIENT);
			return;
		}
	}
	pgfn_error(ctx, "22P02", "invalid input value for enum %s: \"%.*s\"",
		   (const char *)sqlite3_value_text(argv[1]), (int)(n > 400 ? 400 : n), x);
}

/* pgfn_enum_array_in(x, type, label1, ..., labelN): x when it is an array text whose every
 * element is NULL or one of the labels (an array of the enum, stored as its text). */
static void fn_enum_array_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc < 2 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t n = 0, ln = 0;
	const char *x = pgfn_text(argv[0], &n);
	struct arena *a = arena_new(0);
	const char **items = pgfn_array_flatten(a, x, &n);
	if (!items)
		pgfn_error(ctx, "22P02", "malformed array literal: \"%.400s\"", x);
	for (size_t k = 0; items && k < n; k++) {
		bool found = !items[k];
		for (int i = 2; !found && i < argc; i++) {
			const char *label = pgfn_text(argv[i], &ln);
			found = strlen(items[k]) == ln && memcmp(label, items[k], ln) == 0;
		}
		if (!found) {
			pgfn_error(ctx, "22P02", "invalid input value for enum %s: \"%.400s\"",
				   (const char *)sqlite3_value_text(argv[1]), items[k]);
			items = NULL;
		}
	}
	if (items)
		sqlite3_result_value(ctx, argv[0]);
	arena_free(a);
}

/* pgfn_enum_array_rename(a, from, to): ALTER TYPE ... RENAME VALUE inside an array of the
 * enum — array a with each element from made to; NULL for NULL. A one-dimensional array (what
 * a column of mood[] holds); another is 0A000 rather than left with a label that is gone. */
static void fn_enum_array_rename(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	const char *from = (const char *)sqlite3_value_text(argv[1]);
	const char *to = (const char *)sqlite3_value_text(argv[2]);
	if (!s || !from || !to) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	struct arena *a = arena_new(0);
	size_t n = 0;
	const char **v = pgfn_array_parse(a, s, &n);
	if (!v) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "ALTER TYPE ... RENAME VALUE of a label inside a multidimensional array "
			   "is not supported");
		arena_free(a);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_putc(&sb, ',');
		pgfn_array_put_elem(&sb, v[i] && strcmp(v[i], from) == 0 ? to : v[i]);
	}
	strbuf_putc(&sb, '}');
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
	arena_free(a);
}

/* ---- collations: "pgfn_enum_" then each label in hex, in sort order, '_' between (every
 * '_' separates two labels, so "pgfn_enum_" alone is the one empty label '') ---- */

struct enum_coll {
	size_t n;
	size_t *len;
	char **label;
};

static void coll_free(void *p)
{
	struct enum_coll *e = p;
	for (size_t i = 0; e && i < e->n; i++)
		free(e->label[i]);
	if (e) {
		free(e->label);
		free(e->len);
	}
	free(e);
}

/* The labels a collation name spells; NULL when name is not such a name. */
static struct enum_coll *coll_parse(const char *name)
{
	static const char prefix[] = PGFN_ENUM_COLLATION_PREFIX;
	if (strncasecmp(name, prefix, sizeof(prefix) - 1) != 0)
		return NULL;
	const char *p = name + sizeof(prefix) - 1;
	struct enum_coll *e = base_xcalloc(1, sizeof(*e));
	size_t cap = 1;
	for (const char *q = p; *q; q++)
		cap += *q == '_';
	e->label = base_xcalloc(cap, sizeof(*e->label));
	e->len = base_xcalloc(cap, sizeof(*e->len));
	for (;;) {
		size_t hexlen = strcspn(p, "_");
		if (hexlen % 2 || e->n == cap)
			goto bad;
		char *s = base_xcalloc(1, hexlen / 2 + 1);
		e->label[e->n] = s;
		e->len[e->n++] = hexlen / 2;
		for (size_t i = 0; i < hexlen; i += 2) {
			int hi = base_hexval(p[i]), lo = base_hexval(p[i + 1]);
			if (hi < 0 || lo < 0)
				goto bad;
			s[i / 2] = (char)(hi << 4 | lo);
		}
		p += hexlen;
		if (*p++ != '_')
			return e;
	}
bad:
	coll_free(e);
	return NULL;
}

/* A label's position in the sort order; a text that is no label (written by some other SQLite
 * tool) sorts after every label. */
static size_t rank(const struct enum_coll *e, const void *p, int n)
{
	for (size_t i = 0; i < e->n; i++) {
		if (e->len[i] == (size_t)n && memcmp(e->label[i], p, (size_t)n) == 0)
			return i;
	}
	return e->n;
}

static int collate_enum(void *user, int n1, const void *p1, int n2, const void *p2)
{
	const struct enum_coll *e = user;
	size_t r1 = rank(e, p1, n1), r2 = rank(e, p2, n2);
	if (r1 != r2)
		return r1 < r2 ? -1 : 1;
	if (r1 < e->n)
		return 0;
	int c = memcmp(p1, p2, (size_t)(n1 < n2 ? n1 : n2));
	return c ? c : (n1 > n2) - (n1 < n2);
}

/* SQLite asks for a collation it does not know when a statement is prepared: an enum's (or a
 * composite type's) is registered then, from its name alone. */
static void collation_needed(void *arg, sqlite3 *db, int enc, const char *name)
{
	(void)arg;
	(void)enc;
	if (pgfn_record_collation(db, name)) /* a composite type's (pgfn_reccmp.c) */
		return;
	struct enum_coll *e = coll_parse(name);
	/* xDestroy is not called when the registration fails */
	if (e && sqlite3_create_collation_v2(db, name, SQLITE_UTF8, e, collate_enum,
					     coll_free) != SQLITE_OK)
		coll_free(e);
}

int pgfn_register_enum(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "pgfn_enum_in", -1, flags, NULL, fn_enum_in, NULL,
					 NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_enum_array_in", -1, flags, NULL,
					     fn_enum_array_in, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_enum_array_rename", 3, flags, NULL,
					     fn_enum_array_rename, NULL, NULL);
	return rc == SQLITE_OK ? sqlite3_collation_needed(db, NULL, collation_needed) : rc;
}
