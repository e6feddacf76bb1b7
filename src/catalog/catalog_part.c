/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_part.c: declarative partitioning when it runs (docs/sql-compat.md, "Partitioned
 * tables"). A partitioned table is one SQLite table (its key a mark in its text); each
 * partition a view over it filtered by its bound, the view's text marked with its parent and
 * a hex payload (kind, PostgreSQL's bound text, the SQLite condition, a range's lower bound).
 * shardlite_partition_add checks a new bound against the others (42P17, 23514) and makes the
 * view; every change then makes the parent's routing triggers (a row no partition takes is
 * 23514) and a DEFAULT partition's view again from all bounds. Also the catalog's side:
 * pg_class's relkind 'p' and relispartition, pg_inherits, pg_partitioned_table,
 * pg_get_partkeydef. */
#include "catalog_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Between a payload's lower bound and the partition's own constraints' records. */
#define CAT_PART_OWN_SEP '\x1f'

/* One partition, read from its view's text. */
struct part {
	char *name;
	char kind;   /* 'l' list, 'r' range, 'h' hash, 'd' default */
	char *bound; /* PostgreSQL's text: "FOR VALUES IN (1, 2)", "DEFAULT" */
	char *cond;  /* SQLite's condition on the key column, never NULL-valued */
	char *lo;    /* a range's lower bound as an SQLite literal, "" for MINVALUE; with a key
		      * of several columns both bounds (rbound_encode) */
	char *own;   /* its own CHECKs and foreign keys (catalog_partown.c), NULL: none */
};

static void part_fini(struct part *p)
{
	free(p->bound);
	free(p->cond);
	free(p->lo);
	free(p->own);
	memset(p, 0, sizeof(*p));
}

struct parts {
	struct part *v;
	size_t n;
	char strategy; /* the parent's: 'l', 'r' or 'h' */
	char *key;     /* the parent's (first) key column */
	char **keys;   /* all of them */
	size_t nkeys;
	char *key_as;  /* NEW."a" AS "a", ...: the key as a row of a trigger's subquery */
	bool view;     /* the parent is itself a partition (sub-partitioning): a view */
};

static void keys_free(char **keys, size_t n)
{
	for (size_t i = 0; keys && i < n; i++)
		free(keys[i]);
	free(keys);
}

static void parts_fini(struct parts *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].name);
		part_fini(&p->v[i]);
	}
	free(p->v);
	free(p->key);
	keys_free(p->keys, p->nkeys);
	sqlite3_free(p->key_as);
	memset(p, 0, sizeof(*p));
}

static int hexval(char h)
{
	return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
}

/* The identifier in double quotes at *at (doubled quotes read as one), malloc'd; *at moves
 * past it. NULL when there is none. */
static char *read_ident(const char **at)
{
	const char *p = *at;
	if (*p != '"')
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (p++; *p; p++) {
		if (*p == '"' && p[1] != '"')
			break;
		strbuf_putc(&sb, *p);
		if (*p == '"')
			p++;
	}
	if (*p != '"' || sb.failed) {
		strbuf_fini(&sb);
		return NULL;
	}
	*at = p + 1;
	char *r = strbuf_take(&sb);
	strbuf_fini(&sb);
	return r ? r : strdup("");
}

bool cat_part_parse_keys(const char *sql, char *strategy, char ***cols, size_t *n)
{
	const char *m = sql ? strstr(sql, CATALOG_PARTKEY_MARK) : NULL;
	*cols = NULL;
	*n = 0;
	if (!m)
		return false;
	m += strlen(CATALOG_PARTKEY_MARK);
	*strategy = strncmp(m, "LIST ", 5) == 0 ? 'l' : strncmp(m, "HASH ", 5) == 0 ? 'h' : 'r';
	m += *strategy == 'r' ? 6 : 5;
	char **v = NULL;
	for (char *one; (one = read_ident(&m));) {
		char **w = realloc(v, (*n + 1) * sizeof(*w));
		if (!w) {
			free(one);
			break;
		}
		v = w;
		v[(*n)++] = one;
		if (strncmp(m, ", \"", 3) != 0)
			break;
		m += 2;
	}
	*cols = v;
	return *n > 0;
}

bool cat_part_parse_key(const char *sql, char *strategy, char **col)
{
	char **cols;
	size_t n;
	if (!cat_part_parse_keys(sql, strategy, &cols, &n))
		return false;
	*col = cols[0];
	cols[0] = NULL;
	keys_free(cols, n);
	return true;
}

/* The key columns of p as prefix."a" AS "a", ... (as: true) or prefix."a", ... (malloc'd by
 * SQLite; NULL when out of memory). */
static char *key_cols(const struct parts *p, const char *prefix, bool as)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < p->nkeys; i++) {
		char *s = as ? sqlite3_mprintf("%s%s\"%w\" AS \"%w\"", i ? ", " : "", prefix,
					       p->keys[i], p->keys[i])
			     : sqlite3_mprintf("%s%s\"%w\"", i ? ", " : "", prefix, p->keys[i]);
		strbuf_puts(&sb, s ? s : "");
		sb.failed |= s == NULL;
		sqlite3_free(s);
	}
	char *r = sb.failed || !sb.data ? NULL : sqlite3_mprintf("%s", sb.data);
	strbuf_fini(&sb);
	return r;
}

/* The key columns of p as type OID, typmod, NEW."a", ... for shardlite_partition_none
 * (malloc'd by SQLite; NULL when out of memory). */
static char *key_typed(sqlite3 *db, const char *parent, const struct parts *p)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	sqlite3_stmt *vm = NULL;
	if (sqlite3_prepare_v2(db, "SELECT type FROM pragma_table_info(?1) WHERE name = ?2", -1,
			       &vm, NULL) != SQLITE_OK)
		sb.failed = true;
	for (size_t i = 0; !sb.failed && i < p->nkeys; i++) {
		int32_t typmod = -1;
		uint32_t oid = 0;
		sqlite3_bind_text(vm, 1, parent, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, p->keys[i], -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW)
			oid = pgtype_from_decl((const char *)sqlite3_column_text(vm, 0), &typmod);
		sqlite3_reset(vm);
		char *s = sqlite3_mprintf("%s%u, %d, NEW.\"%w\"", i ? ", " : "", oid, (int)typmod,
					  p->keys[i]);
		strbuf_puts(&sb, s ? s : "");
		sb.failed |= s == NULL;
		sqlite3_free(s);
	}
	sqlite3_finalize(vm);
	char *r = sb.failed || !sb.data ? NULL : sqlite3_mprintf("%s", sb.data);
	strbuf_fini(&sb);
	return r;
}

/* The key columns' names as PostgreSQL's DETAIL lists them: a, b. */
static char *key_names(const struct parts *p)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < p->nkeys; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", p->keys[i]);
	char *r = sb.failed || !sb.data ? NULL : sqlite3_mprintf("%s", sb.data);
	strbuf_fini(&sb);
	return r;
}

/* A partition's view text: its parent (malloc'd) and the decoded payload's four fields. */
static bool parse_view(const char *sql, char **parent, struct part *out)
{
	const char *m = sql ? strstr(sql, CATALOG_PARTITION_MARK) : NULL;
	if (!m)
		return false;
	m += strlen(CATALOG_PARTITION_MARK);
	char *name = read_ident(&m);
	if (!name || strncmp(m, " x'", 3) != 0) {
		free(name);
		return false;
	}
	m += 3;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (; hexval(m[0]) >= 0 && hexval(m[1]) >= 0; m += 2)
		strbuf_putc(&sb, (char)(hexval(m[0]) << 4 | hexval(m[1])));
	char *payload = *m == '\'' && !sb.failed ? strbuf_take(&sb) : NULL;
	strbuf_fini(&sb);
	char *f[4] = {NULL, NULL, NULL, NULL};
	char *p = payload;
	for (int i = 0; p && i < 4; i++) {
		char *nl = i < 3 ? strchr(p, '\n') : NULL;
		if (i < 3 && !nl)
			break;
		if (nl)
			*nl = '\0';
		f[i] = strdup(p);
		p = nl ? nl + 1 : NULL;
	}
	free(payload);
	if (!f[3] || !f[0] || strlen(f[0]) != 1) {
		for (int i = 0; i < 4; i++)
			free(f[i]);
		free(name);
		return false;
	}
	out->kind = f[0][0];
	free(f[0]);
	out->bound = f[1];
	out->cond = f[2];
	out->lo = f[3];
	char *sep = strchr(f[3], CAT_PART_OWN_SEP); /* then the partition's own constraints */
	if (sep) {
		*sep = '\0';
		out->own = strdup(sep + 1);
	}
	*parent = name;
	return true;
}

static bool read_partition(sqlite3 *db, const char *name, char **parent, struct part *out);
static char *first_text(sqlite3 *db, const char *q, const char *a, const char *b);

/* The SQLite table that holds the rows of partition name, at the top of its chain of parents
 * (sub-partitioning: a partition of a partition is a view over a view), malloc'd; *path
 * (malloc'd by SQLite) the conjunction of the bounds' conditions on the way, name's own
 * first. NULL when name is no partition. */
static char *root_of(sqlite3 *db, const char *name, char **path)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	char *cur = strdup(name);
	bool any = false;
	for (int depth = 0; cur && depth < 64; depth++) {
		char *up = NULL;
		struct part one = {0};
		if (!read_partition(db, cur, &up, &one))
			break;
		strbuf_printf(&sb, "%s(%s)", sb.len ? " AND " : "", one.cond);
		part_fini(&one);
		free(cur);
		cur = up;
		any = true;
	}
	*path = any && !sb.failed && sb.data ? sqlite3_mprintf("%s", sb.data) : NULL;
	strbuf_fini(&sb);
	if (!*path) {
		free(cur);
		return NULL;
	}
	return cur;
}

/* Every column of table t (but skip) as prefix"c" AS "c", ... (as) or "c", ... (malloc'd by
 * SQLite; NULL when it has none or out of memory). */
static char *all_cols(sqlite3 *db, const char *t, const char *prefix, bool as, const char *skip)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	sqlite3_stmt *vm = NULL;
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1, &vm,
			       NULL) != SQLITE_OK)
		sb.failed = true;
	else
		sqlite3_bind_text(vm, 1, t, -1, SQLITE_STATIC);
	while (!sb.failed && sqlite3_step(vm) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(vm, 0);
		if (!col || (skip && sqlite3_stricmp(col, skip) == 0))
			continue;
		char *one = as ? sqlite3_mprintf("%s%s\"%w\" AS \"%w\"", sb.len ? ", " : "", prefix,
						 col, col)
			       : sqlite3_mprintf("%s\"%w\"", sb.len ? ", " : "", col);
		strbuf_puts(&sb, one ? one : "");
		sb.failed |= one == NULL;
		sqlite3_free(one);
	}
	sqlite3_finalize(vm);
	char *r = sb.failed || !sb.data ? NULL : sqlite3_mprintf("%s", sb.data);
	strbuf_fini(&sb);
	return r;
}

/* The partitions of parent (and its key) from the file's schema; false when parent is no
 * partitioned table. */
static bool load_parts(sqlite3 *db, const char *parent, struct parts *p)
{
	memset(p, 0, sizeof(*p));
	sqlite3_stmt *vm = NULL;
	bool ok = false;
	if (sqlite3_prepare_v2(db,
			       "SELECT type, name, sql FROM main.sqlite_schema WHERE (type = "
			       "'table' AND name = ?1 COLLATE NOCASE) OR (type = 'view' AND "
			       "instr(sql, '" CATALOG_PARTITION_MARK "')) ORDER BY rowid",
			       -1, &vm, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(vm, 1, parent, -1, SQLITE_STATIC);
	while (sqlite3_step(vm) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(vm, 0);
		const char *sql = (const char *)sqlite3_column_text(vm, 2);
		if (type && type[0] == 't') {
			ok = cat_part_parse_keys(sql, &p->strategy, &p->keys, &p->nkeys) &&
			     (p->key = strdup(p->keys[0])) != NULL;
			continue;
		}
		const char *vname = (const char *)sqlite3_column_text(vm, 1);
		if (vname && sqlite3_stricmp(vname, parent) == 0) { /* a partitioned partition */
			ok = cat_part_parse_keys(sql, &p->strategy, &p->keys, &p->nkeys) &&
			     (p->key = strdup(p->keys[0])) != NULL;
			p->view = ok;
			continue;
		}
		struct part one = {0};
		char *of = NULL;
		if (!parse_view(sql, &of, &one))
			continue;
		if (sqlite3_stricmp(of, parent) == 0) {
			struct part *v = realloc(p->v, (p->n + 1) * sizeof(*v));
			if (v) {
				p->v = v;
				one.name = strdup((const char *)sqlite3_column_text(vm, 1));
				p->v[p->n++] = one;
				one = (struct part){0};
			}
		}
		free(of);
		part_fini(&one);
	}
	sqlite3_finalize(vm);
	if (ok)
		ok = (p->key_as = key_cols(p, "NEW.", true)) != NULL;
	if (!ok)
		parts_fini(p);
	return ok;
}

char **cat_part_list(sqlite3 *db, const char *parent, size_t *n, char ***keys, size_t *nkeys)
{
	struct parts p;
	*n = 0;
	if (!load_parts(db, parent, &p))
		return NULL;
	char **v = calloc(2 * p.n + 1, sizeof(*v));
	for (size_t i = 0, at = 0; v && i < p.n; i++) {
		/* the default partition last: it takes what the others do not */
		size_t k = p.v[i].kind == 'd' ? p.n - 1 : at++;
		v[2 * k] = p.v[i].name;
		v[2 * k + 1] = p.v[i].cond;
		p.v[i].name = p.v[i].cond = NULL;
	}
	if (v) {
		*n = p.n;
		*keys = p.keys;
		*nkeys = p.nkeys;
		p.keys = NULL;
		p.nkeys = 0;
	}
	parts_fini(&p);
	return v;
}

static const struct part *find_default(const struct parts *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].kind == 'd')
			return &p->v[i];
	return NULL;
}

/* Runs sql; false with ctx's error set from db's (the message as SQLite gave it). */
static bool run(sqlite3_context *ctx, sqlite3 *db, const char *sql)
{
	int rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
	if (rc == SQLITE_OK)
		return true;
	sqlite3_result_error(ctx, sql ? sqlite3_errmsg(db) : "out of memory", -1);
	sqlite3_result_error_code(ctx, rc);
	return false;
}

/* The row triggers of partitioned table top made again (shardlite_trigger_refit,
 * catalog_trigger.c): their move guards watch the partitioned partitions' keys too. */
static bool refit_guards(sqlite3_context *ctx, sqlite3 *db, const char *top)
{
	if (!top || sqlite3_table_column_metadata(db, "main", "_shardlite_triggers", "name", NULL,
						  NULL, NULL, NULL, NULL) != SQLITE_OK)
		return true;
	char *q = sqlite3_mprintf("SELECT shardlite_trigger_refit(%Q, 1)", top);
	bool ok = run(ctx, db, q);
	sqlite3_free(q);
	return ok;
}

/* 1 when the query's first column of its first row is true, 0 when not or no row, -1 on an
 * error (set on ctx). */
static int ask(sqlite3_context *ctx, sqlite3 *db, const char *sql)
{
	sqlite3_stmt *vm = NULL;
	if (!sql || sqlite3_prepare_v2(db, sql, -1, &vm, NULL) != SQLITE_OK) {
		sqlite3_result_error(ctx, sql ? sqlite3_errmsg(db) : "out of memory", -1);
		return -1;
	}
	int rc = sqlite3_step(vm);
	int r = rc == SQLITE_ROW ? sqlite3_column_int(vm, 0) != 0 : rc == SQLITE_DONE ? 0 : -1;
	if (r < 0)
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
	sqlite3_finalize(vm);
	return r;
}

/* Whether the condition cond takes the key value lit (an SQLite literal). */
static int takes(sqlite3_context *ctx, sqlite3 *db, const struct parts *p, const char *cond,
		 const char *lit)
{
	char *q = sqlite3_mprintf("SELECT EXISTS (SELECT 1 FROM (SELECT %s AS \"%w\") WHERE %s)",
				  lit, p->key, cond);
	int r = ask(ctx, db, q);
	sqlite3_free(q);
	return r;
}

/* The routing triggers of the parent and a DEFAULT partition's view, made again from the
 * bounds of p: without a default, a row the other partitions do not take is 23514. */
static bool sync(sqlite3_context *ctx, sqlite3 *db, const char *parent, const struct parts *p,
		 const char *skip)
{
	struct strbuf any;
	strbuf_init(&any, 0);
	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].kind == 'd')
			continue;
		strbuf_printf(&any, "%s(%s)", any.len ? " OR " : "", p->v[i].cond);
	}
	const char *taken = any.len ? any.data : "0";
	struct strbuf sb;
	strbuf_init(&sb, 0);
	char *s = sqlite3_mprintf("DROP TRIGGER IF EXISTS \"_shardlite_part_i_%w\"; DROP TRIGGER "
				  "IF EXISTS \"_shardlite_part_u_%w\"; ",
				  parent, parent);
	strbuf_puts(&sb, s ? s : "");
	sqlite3_free(s);
	const struct part *d = find_default(p);
	/* a partitioned partition's triggers are on the table at the top, for the rows its
	 * chain of bounds (path) takes: the whole row in the subquery, as the bounds on the way
	 * name other columns */
	char *path = NULL, *root = p->view ? root_of(db, parent, &path) : NULL;
	const char *on = p->view ? root : parent;
	char *cols = p->view ? all_cols(db, on ? on : "", "", false, skip) : key_cols(p, "", false);
	char *as = p->view ? all_cols(db, on ? on : "", "NEW.", true, skip)
			   : key_cols(p, "NEW.", true);
	char *news = on ? key_typed(db, on, p) : NULL, *names = key_names(p);
	char *upd = cols ? sqlite3_mprintf("UPDATE OF %s", cols) : NULL;
	char *when = !as       ? NULL
		     : p->view ? sqlite3_mprintf("EXISTS (SELECT 1 FROM (SELECT %s) WHERE (%s) AND "
						 "NOT (%s))",
						 as, path ? path : "0", taken)
			       : sqlite3_mprintf("NOT EXISTS (SELECT 1 FROM (SELECT %s) WHERE %s)",
						 as, taken);
	for (int u = 0; !d && u < 2 && upd && when && news && names && on; u++) {
		s = sqlite3_mprintf("CREATE TRIGGER \"_shardlite_part_%s_%w\" BEFORE %s ON \"%w\" "
				    "WHEN %s BEGIN SELECT shardlite_partition_none(%Q, %Q, %s); "
				    "END; ",
				    u ? "u" : "i", parent, u ? upd : "INSERT", on, when, parent,
				    names, news);
		strbuf_puts(&sb, s ? s : "");
		sb.failed |= s == NULL;
		sqlite3_free(s);
	}
	sb.failed |= !upd || !when || !news || !names || !on || (p->view && !path);
	sqlite3_free(when);
	sqlite3_free(path);
	free(root);
	sqlite3_free(upd);
	sqlite3_free(cols);
	sqlite3_free(as);
	sqlite3_free(news);
	sqlite3_free(names);
	bool guarded = p->strategy == 'r' && !p->view; /* the translator refuses a sub key's */
	char *guard = guarded ? cat_partdate_guard(db, parent, p->keys, p->nkeys) : NULL;
	strbuf_puts(&sb, guard ? guard : "");
	sb.failed |= guarded && guard == NULL;
	sqlite3_free(guard);
	bool ok = !sb.failed && run(ctx, db, sb.data);
	strbuf_fini(&sb);
	if (ok && d) { /* the default's condition: what no other partition takes */
		char *cond = sqlite3_mprintf("NOT (%s)", taken);
		ok = cond && cat_part_make_view(ctx, db, parent, d->name, 'd', "DEFAULT", cond, "",
						d->own, true, skip);
		sqlite3_free(cond);
	}
	strbuf_fini(&any);
	/* the partitioned partitions' triggers name the bounds on their way, which may have
	 * changed (a DEFAULT partition's) */
	for (size_t i = 0; ok && i < p->n; i++) {
		struct parts sub;
		if (!load_parts(db, p->v[i].name, &sub))
			continue;
		ok = sync(ctx, db, p->v[i].name, &sub, skip);
		parts_fini(&sub);
	}
	return ok;
}

/* The partition key mark in a partitioned partition's view text (from the mark to its
 * comment's end), malloc'd; NULL when it has none. */
static char *view_keymark(sqlite3 *db, const char *name)
{
	char *sql = first_text(db,
			       "SELECT sql FROM main.sqlite_schema WHERE type = 'view' AND "
			       "name = %Q COLLATE NOCASE AND %Q IS NOT NULL",
			       name, "");
	const char *m = sql ? strstr(sql, CATALOG_PARTKEY_MARK) : NULL;
	const char *end = m ? strstr(m + strlen(CATALOG_PARTKEY_MARK), "*/") : NULL;
	size_t len = end ? (size_t)(end + 2 - m) : 0;
	char *r = end ? malloc(len + 1) : NULL;
	if (r) {
		memcpy(r, m, len);
		r[len] = '\0';
	}
	free(sql);
	return r;
}

static bool make_view(sqlite3_context *ctx, sqlite3 *db, const char *parent, const char *name,
		      char kind, const char *bound, const char *cond, const char *lo,
		      const char *own, bool replace, const char *skip, const char *keymark);

bool cat_part_make_view(sqlite3_context *ctx, sqlite3 *db, const char *parent, const char *name,
			char kind, const char *bound, const char *cond, const char *lo,
			const char *own, bool replace, const char *skip)
{
	/* a partitioned partition's view, made again, keeps its key */
	char *keymark = replace ? view_keymark(db, name) : NULL;
	bool ok = make_view(ctx, db, parent, name, kind, bound, cond, lo, own, replace, skip,
			    keymark);
	free(keymark);
	return ok;
}

static bool make_view(sqlite3_context *ctx, sqlite3 *db, const char *parent, const char *name,
		      char kind, const char *bound, const char *cond, const char *lo,
		      const char *own, bool replace, const char *skip, const char *keymark)
{
	struct strbuf sb, pay;
	strbuf_init(&sb, 0);
	strbuf_init(&pay, 0);
	strbuf_printf(&pay, "%c\n%s\n%s\n%s", kind, bound, cond, lo);
	if (own && *own)
		strbuf_printf(&pay, "%c%s", CAT_PART_OWN_SEP, own);
	char *s = replace ? sqlite3_mprintf("DROP VIEW \"%w\"; ", name) : NULL;
	strbuf_puts(&sb, s ? s : "");
	sqlite3_free(s);
	s = sqlite3_mprintf("CREATE VIEW \"%w\" " CATALOG_PARTITION_MARK "\"%w\" x'", name, parent);
	strbuf_puts(&sb, s ? s : "");
	sb.failed |= s == NULL;
	sqlite3_free(s);
	for (size_t i = 0; i < pay.len; i++)
		strbuf_printf(&sb, "%02x", (unsigned char)pay.data[i]);
	strbuf_puts(&sb, "' */ ");
	if (keymark) /* a partitioned partition: its key, as a partitioned table's */
		strbuf_printf(&sb, "%s ", keymark);
	strbuf_puts(&sb, "AS SELECT ");
	sqlite3_stmt *vm = NULL;
	int ncols = 0;
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1, &vm,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, parent, -1, SQLITE_STATIC);
		while (sqlite3_step(vm) == SQLITE_ROW) {
			const char *col = (const char *)sqlite3_column_text(vm, 0);
			if (skip && col && sqlite3_stricmp(col, skip) == 0)
				continue; /* a column about to be dropped */
			s = sqlite3_mprintf("%s\"%w\"", ncols++ ? ", " : "", col);
			strbuf_puts(&sb, s ? s : "");
			sb.failed |= s == NULL;
			sqlite3_free(s);
		}
	}
	sqlite3_finalize(vm);
	s = sqlite3_mprintf(" FROM \"%w\" WHERE %s", parent, cond);
	strbuf_puts(&sb, s ? s : "");
	sb.failed |= s == NULL || ncols == 0;
	sqlite3_free(s);
	/* rows SQLite itself inserts into the view (COPY p FROM) go to the parent, held to the
	 * bound as the translator's writes through the view are */
	struct strbuf cols, news;
	strbuf_init(&cols, 0);
	strbuf_init(&news, 0);
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1, &vm,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, parent, -1, SQLITE_STATIC);
		while (sqlite3_step(vm) == SQLITE_ROW) {
			const char *col = (const char *)sqlite3_column_text(vm, 0);
			if (skip && col && sqlite3_stricmp(col, skip) == 0)
				continue;
			s = sqlite3_mprintf("%s\"%w\"", cols.len ? ", " : "", col);
			strbuf_puts(&cols, s ? s : "");
			sqlite3_free(s);
			s = sqlite3_mprintf("%sNEW.\"%w\"", news.len ? ", " : "", col);
			strbuf_puts(&news, s ? s : "");
			sqlite3_free(s);
		}
	}
	sqlite3_finalize(vm);
	struct parts kp = {0};
	char *psql = first_text(db,
				"SELECT sql FROM main.sqlite_schema WHERE type IN ('table', "
				"'view') AND name = %Q COLLATE NOCASE AND %Q IS NOT NULL",
				parent, "");
	char *as = NULL;
	if (psql && cat_part_parse_keys(psql, &kp.strategy, &kp.keys, &kp.nkeys) &&
	    (as = key_cols(&kp, "NEW.", true)) && cols.len && news.len) {
		s = sqlite3_mprintf("; CREATE TRIGGER \"" CAT_PART_TRIGGER_PREFIX "v_%w\" INSTEAD OF "
				    "INSERT ON \"%w\" BEGIN SELECT shardlite_partition_check_failed("
				    "%Q, %s) WHERE NOT EXISTS (SELECT 1 FROM (SELECT %s) WHERE %s); "
				    "INSERT INTO \"%w\" (%s) VALUES (%s); END",
				    name, name, name, news.data, as, cond, parent, cols.data,
				    news.data);
		strbuf_puts(&sb, s ? s : "");
		sb.failed |= s == NULL;
		sqlite3_free(s);
	}
	sb.failed |= cols.failed || news.failed;
	sqlite3_free(as);
	parts_fini(&kp);
	free(psql);
	strbuf_fini(&cols);
	strbuf_fini(&news);
	bool ok = !sb.failed && run(ctx, db, sb.data);
	strbuf_fini(&sb);
	strbuf_fini(&pay);
	return ok;
}

/* An SQLite literal of v (malloc'd by SQLite). */
static char *literal(sqlite3_value *v)
{
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		return sqlite3_mprintf("%lld", (long long)sqlite3_value_int64(v));
	case SQLITE_FLOAT:
		return sqlite3_mprintf("%!.17g", sqlite3_value_double(v));
	case SQLITE_NULL:
		return sqlite3_mprintf("NULL");
	case SQLITE_BLOB: {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		const unsigned char *b = sqlite3_value_blob(v);
		for (int i = 0; i < sqlite3_value_bytes(v); i++)
			strbuf_printf(&sb, "%02x", b[i]);
		char *r = sqlite3_mprintf("X'%s'", sb.data ? sb.data : "");
		strbuf_fini(&sb);
		return r;
	}
	default:
		return sqlite3_mprintf("%Q", (const char *)sqlite3_value_text(v));
	}
}

/* PostgreSQL's text of bound value v of key type oid, as pg_get_expr prints a partition
 * bound's constant (get_const_expr without a type label): an integer bare unless negative,
 * a boolean as true/false, anything else quoted. */
static void bound_text(sqlite3 *db, struct strbuf *sb, sqlite3_value *v, int oid, int typmod)
{
	if (sqlite3_value_type(v) == SQLITE_NULL) {
		strbuf_puts(sb, "NULL");
		return;
	}
	sqlite3_stmt *vm = NULL;
	const char *t = NULL;
	if (sqlite3_prepare_v2(db, "SELECT pgfn_text_out(?1, ?2, ?3)", -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_value(vm, 1, v);
		sqlite3_bind_int(vm, 2, oid);
		sqlite3_bind_int(vm, 3, typmod);
		if (sqlite3_step(vm) == SQLITE_ROW)
			t = (const char *)sqlite3_column_text(vm, 0);
	}
	if (!t)
		t = (const char *)sqlite3_value_text(v);
	if ((oid == 23 && t && t[0] != '-') || oid == 16) {
		strbuf_puts(sb, oid == 16 ? (t && t[0] == 't' ? "true" : "false") : t);
	} else {
		strbuf_putc(sb, '\'');
		for (const char *p = t ? t : ""; *p; p++) {
			if (*p == '\'')
				strbuf_putc(sb, '\'');
			strbuf_putc(sb, *p);
		}
		strbuf_putc(sb, '\'');
	}
	sqlite3_finalize(vm);
}

static void fail(sqlite3_context *ctx, const char *state, const char *detail, const char *msg)
{
	if (detail)
		pgfn_error_detail(ctx, state, detail, "%s", msg);
	else
		pgfn_error(ctx, state, "%s", msg);
}

/* A new list partition's values argv[0..n) against the others: the first one that takes one
 * of them, -1 on an error, -2 none. */
static int list_overlap(sqlite3_context *ctx, sqlite3 *db, const struct parts *p, int n,
			sqlite3_value **argv)
{
	for (size_t i = 0; i < p->n; i++) {
		for (int k = 0; p->v[i].kind != 'd' && k < n; k++) {
			char *lit = literal(argv[k]);
			int r = lit ? takes(ctx, db, p, p->v[i].cond, lit) : -1;
			sqlite3_free(lit);
			if (r)
				return r < 0 ? -1 : (int)i;
		}
	}
	return -2;
}

/* A new range [lo, hi) (lo "" for MINVALUE) of condition cond against the others: two
 * ranges meet when either one's lower bound is in the other. */
static int range_overlap(sqlite3_context *ctx, sqlite3 *db, const struct parts *p,
			 const char *lo, const char *cond)
{
	for (size_t i = 0; i < p->n; i++) {
		const struct part *q = &p->v[i];
		if (q->kind == 'd')
			continue;
		int a = !*lo ? !*q->lo : takes(ctx, db, p, q->cond, lo);
		int b = a ? 0 : !*q->lo ? !*lo : takes(ctx, db, p, cond, q->lo);
		if (a < 0 || b < 0)
			return -1;
		if (a || b)
			return (int)i;
	}
	return -2;
}

struct newpart {
	struct strbuf bound, cond;
	char *lo;
	int modulus, remainder; /* a hash partition's */
};

/* A hash partition's modulus and remainder, read from its bound's text. */
static bool hash_bound_of(const struct part *q, int *modulus, int *remainder)
{
	return q->kind == 'h' &&
	       sscanf(q->bound, "FOR VALUES WITH (modulus %d, remainder %d)", modulus,
		      remainder) == 2;
}

/* Hash bound (modulus argv[0], remainder argv[1]): PostgreSQL's text and the condition,
 * pgfn_hash_partition of the key (pgfn_parthash.c). */
static void hash_bound(const struct parts *p, struct newpart *np, sqlite3_value **argv,
		       const int *oids)
{
	np->modulus = sqlite3_value_int(argv[0]);
	np->remainder = sqlite3_value_int(argv[1]);
	strbuf_printf(&np->bound, "FOR VALUES WITH (modulus %d, remainder %d)", np->modulus,
		      np->remainder);
	strbuf_printf(&np->cond, "pgfn_hash_partition(%d, %d", np->modulus, np->remainder);
	for (size_t i = 0; i < p->nkeys; i++) {
		char *key = sqlite3_mprintf("\"%w\"", p->keys[i]);
		strbuf_printf(&np->cond, ", %d, %s", oids[i], key ? key : "NULL");
		np->cond.failed |= key == NULL;
		sqlite3_free(key);
	}
	strbuf_putc(&np->cond, ')');
}

struct hashpart {
	int modulus, remainder;
	const char *name;
};

static int hashpart_cmp(const void *x, const void *y)
{
	const struct hashpart *a = x, *b = y;
	return a->modulus != b->modulus ? (a->modulus > b->modulus) - (a->modulus < b->modulus)
					: (a->remainder > b->remainder) - (a->remainder < b->remainder);
}

static void modulus_error(sqlite3_context *ctx, const char *fmt, int m, const struct hashpart *q)
{
	char *detail = sqlite3_mprintf(fmt, m, q->modulus, q->name);
	fail(ctx, "42P17", detail ? detail : "",
	     "every hash partition modulus must be a factor of the next larger modulus");
	sqlite3_free(detail);
}

/* A new hash partition (modulus m, remainder r) against the others, as PostgreSQL's
 * check_new_partition_bound: every modulus a factor of the next larger one, and no remainder
 * modulo the greatest modulus taken twice. False with ctx's error. */
static bool hash_check(sqlite3_context *ctx, const struct parts *p, const char *child, int m,
		       int r)
{
	struct hashpart *v = calloc(p->n ? p->n : 1, sizeof(*v));
	size_t n = 0;
	if (!v) {
		sqlite3_result_error_nomem(ctx);
		return false;
	}
	for (size_t i = 0; i < p->n; i++)
		if (hash_bound_of(&p->v[i], &v[n].modulus, &v[n].remainder))
			v[n++].name = p->v[i].name;
	qsort(v, n, sizeof(*v), hashpart_cmp);
	bool ok = true;
	/* the greatest (modulus, remainder) not above the new one */
	long at = -1;
	for (size_t i = 0; i < n; i++)
		if (v[i].modulus < m || (v[i].modulus == m && v[i].remainder <= r))
			at = (long)i;
	const char *factor = "The new modulus %d is not a factor of %d, the modulus of existing "
			     "partition \"%s\".";
	if (n && at < 0 && v[0].modulus % m != 0) {
		modulus_error(ctx, factor, m, &v[0]);
		ok = false;
	} else if (n && at >= 0 && m % v[at].modulus != 0) {
		modulus_error(ctx,
			      "The new modulus %d is not divisible by %d, the modulus of existing "
			      "partition \"%s\".",
			      m, &v[at]);
		ok = false;
	} else if (n && at >= 0 && (size_t)at + 1 < n && v[at + 1].modulus % m != 0) {
		modulus_error(ctx, factor, m, &v[at + 1]);
		ok = false;
	}
	int greatest = n ? v[n - 1].modulus : 0;
	for (int x = greatest && r >= greatest ? r % greatest : r; ok && x < greatest; x += m) {
		for (size_t i = 0; ok && i < n; i++) {
			if (x % v[i].modulus != v[i].remainder)
				continue;
			char *msg = sqlite3_mprintf("partition \"%s\" would overlap partition \"%s\"",
						    child, v[i].name);
			fail(ctx, "42P17", NULL, msg ? msg : "");
			sqlite3_free(msg);
			ok = false;
		}
	}
	free(v);
	return ok;
}

/* List bound argv[0..n): PostgreSQL's text and the condition (a NULL value takes NULL). */
static void list_bound(sqlite3 *db, const struct parts *p, struct newpart *np, int n,
		       sqlite3_value **argv, int oid, int typmod)
{
	bool null = false;
	struct strbuf in;
	strbuf_init(&in, 0);
	strbuf_puts(&np->bound, "FOR VALUES IN (");
	for (int k = 0; k < n; k++) {
		strbuf_puts(&np->bound, k ? ", " : "");
		bound_text(db, &np->bound, argv[k], oid, typmod);
		if (sqlite3_value_type(argv[k]) == SQLITE_NULL) {
			null = true;
			continue;
		}
		char *lit = literal(argv[k]);
		strbuf_printf(&in, "%s%s", in.len ? ", " : "", lit ? lit : "NULL");
		sqlite3_free(lit);
	}
	strbuf_putc(&np->bound, ')');
	char *key = sqlite3_mprintf("\"%w\"", p->key);
	if (null && in.len)
		strbuf_printf(&np->cond, "(%s IS NULL OR %s IN (%s))", key, key, in.data);
	else if (null)
		strbuf_printf(&np->cond, "%s IS NULL", key);
	else
		strbuf_printf(&np->cond, "(%s IS NOT NULL AND %s IN (%s))", key, key, in.data);
	sqlite3_free(key);
	strbuf_fini(&in);
}

/* Range bound FROM (argv[0] kind, argv[1] value) TO (argv[2], argv[3]); kinds "" (a value),
 * MINVALUE, MAXVALUE. False with ctx's error for an empty range. */
static bool range_bound(sqlite3_context *ctx, sqlite3 *db, const struct parts *p,
			struct newpart *np, const char *child, sqlite3_value **argv, int oid,
			int typmod)
{
	const char *lk = (const char *)sqlite3_value_text(argv[0]);
	const char *hk = (const char *)sqlite3_value_text(argv[2]);
	if (cat_partdate_key(oid) &&
	    (!cat_partdate_bound_ok(ctx, argv[1]) || !cat_partdate_bound_ok(ctx, argv[3])))
		return false;
	struct strbuf side[2];
	for (int s = 0; s < 2; s++) {
		strbuf_init(&side[s], 0);
		const char *k = s ? hk : lk;
		if (k && *k)
			strbuf_puts(&side[s], k);
		else
			bound_text(db, &side[s], argv[s ? 3 : 1], oid, typmod);
	}
	strbuf_printf(&np->bound, "FOR VALUES FROM (%s) TO (%s)", side[0].data ? side[0].data : "",
		      side[1].data ? side[1].data : "");
	char *lo = lk && *lk ? NULL : literal(argv[1]);
	char *hi = hk && *hk ? NULL : literal(argv[3]);
	bool empty = (lk && strcmp(lk, "MAXVALUE") == 0) || (hk && strcmp(hk, "MINVALUE") == 0);
	if (!empty && lo && hi) {
		char *q = sqlite3_mprintf("SELECT %s >= %s", lo, hi);
		int r = ask(ctx, db, q);
		sqlite3_free(q);
		empty = r > 0;
		if (r < 0)
			goto out;
	}
	if (empty) {
		char *msg = sqlite3_mprintf("empty range bound specified for partition \"%s\"", child);
		char *detail = sqlite3_mprintf(
			"Specified lower bound (%s) is greater than or equal to upper bound (%s).",
			side[0].data ? side[0].data : "", side[1].data ? side[1].data : "");
		fail(ctx, "42P17", detail, msg ? msg : "");
		sqlite3_free(msg);
		sqlite3_free(detail);
		goto out;
	}
	char *key = sqlite3_mprintf("\"%w\"", p->key);
	strbuf_printf(&np->cond, "%s IS NOT NULL", key);
	if (lo)
		strbuf_printf(&np->cond, " AND %s >= %s", key, lo);
	if (hi)
		strbuf_printf(&np->cond, " AND %s < %s", key, hi);
	sqlite3_free(key);
	np->lo = strdup(lo ? lo : "");
out:
	sqlite3_free(lo);
	sqlite3_free(hi);
	strbuf_fini(&side[0]);
	strbuf_fini(&side[1]);
	return np->lo != NULL;
}

/* ---- range bounds of several key columns ---- */

/* A range bound of n columns: per column a kind ('v' a value, 'm' MINVALUE, 'M' MAXVALUE)
 * and the value as an SQLite literal ("" for none). */
struct rbound {
	size_t n;
	char kind[CAT_PARTKEY_MAX];
	char *val[CAT_PARTKEY_MAX];
};

static void rbound_fini(struct rbound *b)
{
	for (size_t i = 0; i < b->n; i++)
		sqlite3_free(b->val[i]);
	b->n = 0;
}

/* Side s (0 FROM, 1 TO) of the arguments: (kind, value) for each of n columns per side. */
static bool rbound_args(struct rbound *b, size_t n, sqlite3_value **argv, int s)
{
	b->n = 0;
	for (size_t i = 0; i < n; i++) {
		const char *k = (const char *)sqlite3_value_text(argv[2 * (s * n + i)]);
		b->kind[i] = !k || !*k ? 'v' : strcmp(k, "MINVALUE") == 0 ? 'm' : 'M';
		b->val[i] = b->kind[i] == 'v' ? literal(argv[2 * (s * n + i) + 1])
					      : sqlite3_mprintf("%s", "");
		b->n = i + 1;
		if (!b->val[i])
			return false;
	}
	return true;
}

/* The two bounds kept in a partition's lo field: per column of the lower then the upper
 * bound, the kind letter, the literal in hex and ';' (no byte of it can be the payload's
 * separators, a newline or CAT_PART_OWN_SEP). */
static char *rbound_encode(const struct rbound *lo, const struct rbound *hi)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int s = 0; s < 2; s++) {
		const struct rbound *b = s ? hi : lo;
		for (size_t i = 0; i < b->n; i++) {
			strbuf_putc(&sb, b->kind[i]);
			for (const char *c = b->val[i]; *c; c++)
				strbuf_printf(&sb, "%02x", (unsigned char)*c);
			strbuf_putc(&sb, ';');
		}
	}
	char *r = sb.failed ? NULL : strbuf_take(&sb);
	strbuf_fini(&sb);
	return r ? r : strdup("");
}

static bool rbound_decode(const char *enc, size_t n, struct rbound *lo, struct rbound *hi)
{
	lo->n = hi->n = 0;
	for (int s = 0; s < 2; s++) {
		struct rbound *b = s ? hi : lo;
		for (size_t i = 0; i < n; i++) {
			char k = *enc;
			const char *end = k ? strchr(enc + 1, ';') : NULL;
			if (!end || (end - enc - 1) % 2 != 0)
				return false;
			char *v = sqlite3_malloc((int)((end - enc - 1) / 2 + 1));
			size_t len = 0;
			for (const char *h = enc + 1; v && h < end; h += 2) {
				if (hexval(h[0]) < 0 || hexval(h[1]) < 0) {
					sqlite3_free(v);
					return false;
				}
				v[len++] = (char)(hexval(h[0]) << 4 | hexval(h[1]));
			}
			if (!v)
				return false;
			v[len] = '\0';
			b->kind[i] = k;
			b->val[i] = v;
			b->n = i + 1;
			enc = end + 1;
		}
	}
	return true;
}

/* PostgreSQL's partition_rbound_cmp: column by column, MINVALUE < a value < MAXVALUE, two
 * equal infinite columns end the comparison; bounds that compare equal order an upper
 * (exclusive) bound before a lower one. -2 on an error (set on ctx). */
static int rbound_cmp(sqlite3_context *ctx, sqlite3 *db, const struct rbound *a, bool a_lower,
		      const struct rbound *b, bool b_lower)
{
	for (size_t i = 0; i < a->n && i < b->n; i++) {
		int x = a->kind[i] == 'm' ? -1 : a->kind[i] == 'M' ? 1 : 0;
		int y = b->kind[i] == 'm' ? -1 : b->kind[i] == 'M' ? 1 : 0;
		if (x != y)
			return x < y ? -1 : 1;
		if (x != 0)
			break;
		char *q = sqlite3_mprintf("SELECT 1 + (%s > %s) - (%s < %s)", a->val[i], b->val[i],
					  a->val[i], b->val[i]);
		sqlite3_stmt *vm = NULL;
		int r = -2;
		if (q && sqlite3_prepare_v2(db, q, -1, &vm, NULL) == SQLITE_OK &&
		    sqlite3_step(vm) == SQLITE_ROW)
			r = sqlite3_column_int(vm, 0) - 1;
		else
			sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_finalize(vm);
		sqlite3_free(q);
		if (r != 0)
			return r;
	}
	return a_lower == b_lower ? 0 : a_lower ? 1 : -1;
}

/* The condition of one side: the key's row value against the bound's values up to its first
 * MINVALUE or MAXVALUE. */
static void rbound_cond(struct strbuf *cond, const struct parts *p, const struct rbound *b,
			bool lower)
{
	size_t j = 0;
	while (j < b->n && b->kind[j] == 'v')
		j++;
	const char *op = j == b->n	    ? (lower ? ">=" : "<")
			 : b->kind[j] == 'm' ? (lower ? ">=" : "<")
					     : (lower ? ">" : "<=");
	if (j == 0) { /* nothing (-infinity below, +infinity above) or nothing at all */
		if ((lower && b->kind[0] == 'M') || (!lower && b->kind[0] == 'm'))
			strbuf_puts(cond, " AND 0");
		return;
	}
	strbuf_puts(cond, " AND (");
	for (size_t i = 0; i < j; i++) {
		char *k = sqlite3_mprintf("%s\"%w\"", i ? ", " : "", p->keys[i]);
		strbuf_puts(cond, k ? k : "");
		cond->failed |= k == NULL;
		sqlite3_free(k);
	}
	strbuf_printf(cond, ") %s (", op);
	for (size_t i = 0; i < j; i++)
		strbuf_printf(cond, "%s%s", i ? ", " : "", b->val[i]);
	strbuf_putc(cond, ')');
}

/* Range bound FROM (...) TO (...) of a key of several columns (argv as rbound_args reads
 * them): PostgreSQL's text, the condition and the bounds kept in np->lo. False with ctx's
 * error for an empty range. */
static bool range_bound_multi(sqlite3_context *ctx, sqlite3 *db, const struct parts *p,
			      struct newpart *np, const char *child, sqlite3_value **argv,
			      const int *oids, const int *typmods)
{
	size_t n = p->nkeys;
	struct rbound lo = {0}, hi = {0};
	struct strbuf side[2];
	strbuf_init(&side[0], 0);
	strbuf_init(&side[1], 0);
	bool ok = rbound_args(&lo, n, argv, 0) && rbound_args(&hi, n, argv, 1);
	for (size_t i = 0; ok && i < 2 * n; i++) /* a date/time value from year 1 to 9999 */
		ok = !cat_partdate_key(oids[i % n]) || cat_partdate_bound_ok(ctx, argv[2 * i + 1]);
	for (int s = 0; ok && s < 2; s++) {
		for (size_t i = 0; i < n; i++) {
			const struct rbound *b = s ? &hi : &lo;
			strbuf_puts(&side[s], i ? ", " : "");
			if (b->kind[i] == 'v')
				bound_text(db, &side[s], argv[2 * (s * n + i) + 1], oids[i],
					   typmods[i]);
			else
				strbuf_puts(&side[s], b->kind[i] == 'm' ? "MINVALUE" : "MAXVALUE");
		}
	}
	int c = ok ? rbound_cmp(ctx, db, &lo, true, &hi, false) : -2;
	ok = ok && c != -2 && !side[0].failed && !side[1].failed;
	if (ok && c >= 0) {
		char *msg = sqlite3_mprintf("empty range bound specified for partition \"%s\"", child);
		char *detail = sqlite3_mprintf(
			"Specified lower bound (%s) is greater than or equal to upper bound (%s).",
			side[0].data, side[1].data);
		fail(ctx, "42P17", detail, msg ? msg : "");
		sqlite3_free(msg);
		sqlite3_free(detail);
		ok = false;
	}
	if (ok) {
		strbuf_printf(&np->bound, "FOR VALUES FROM (%s) TO (%s)", side[0].data,
			      side[1].data);
		for (size_t i = 0; i < n; i++) {
			char *k = sqlite3_mprintf("%s\"%w\" IS NOT NULL", i ? " AND " : "",
						  p->keys[i]);
			strbuf_puts(&np->cond, k ? k : "");
			np->cond.failed |= k == NULL;
			sqlite3_free(k);
		}
		rbound_cond(&np->cond, p, &lo, true);
		rbound_cond(&np->cond, p, &hi, false);
		np->lo = rbound_encode(&lo, &hi);
		ok = np->lo != NULL;
	}
	rbound_fini(&lo);
	rbound_fini(&hi);
	strbuf_fini(&side[0]);
	strbuf_fini(&side[1]);
	return ok;
}

/* A new range [lo, hi) of several columns (encoded as rbound_encode) against the others:
 * the partition it overlaps with the lowest bound (the one PostgreSQL names), -1 on an
 * error, -2 none. */
static int range_overlap_multi(sqlite3_context *ctx, sqlite3 *db, const struct parts *p,
			       const char *enc)
{
	struct rbound lo = {0}, hi = {0}, qlo = {0}, qhi = {0}, best = {0};
	int at = -2;
	if (!rbound_decode(enc, p->nkeys, &lo, &hi))
		at = -1;
	for (size_t i = 0; at != -1 && i < p->n; i++) {
		if (p->v[i].kind != 'r' || !rbound_decode(p->v[i].lo, p->nkeys, &qlo, &qhi)) {
			rbound_fini(&qlo);
			rbound_fini(&qhi);
			continue;
		}
		int a = rbound_cmp(ctx, db, &lo, true, &qhi, false);
		int b = a < 0 ? rbound_cmp(ctx, db, &qlo, true, &hi, false) : 0;
		int c = a < 0 && b < 0 && at >= 0 ? rbound_cmp(ctx, db, &qlo, true, &best, true) : -1;
		if (a == -2 || b == -2 || c == -2) {
			at = -1;
		} else if (a < 0 && b < 0 && c < 0) {
			at = (int)i;
			rbound_fini(&best);
			best = qlo;
			qlo = (struct rbound){0};
		}
		rbound_fini(&qlo);
		rbound_fini(&qhi);
	}
	rbound_fini(&lo);
	rbound_fini(&hi);
	rbound_fini(&best);
	return at;
}

static bool exists(sqlite3 *db, const char *name)
{
	sqlite3_stmt *vm = NULL;
	bool r = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM main.sqlite_schema WHERE name = ?1 COLLATE NOCASE",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		r = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return r;
}

/* The checks of a new partition's bound against the others and the default's rows. */
static bool check_new(sqlite3_context *ctx, sqlite3 *db, const struct parts *p, const char *child,
		      char kind, struct newpart *np, int n, sqlite3_value **argv)
{
	const struct part *d = find_default(p);
	if (kind == 'd' && d) {
		char *msg = sqlite3_mprintf("partition \"%s\" conflicts with existing default "
					    "partition \"%s\"",
					    child, d->name);
		fail(ctx, "42P17", NULL, msg ? msg : "");
		sqlite3_free(msg);
		return false;
	}
	if (kind == 'd')
		return true;
	if (kind == 'h')
		return hash_check(ctx, p, child, np->modulus, np->remainder);
	int at = kind == 'l'	 ? list_overlap(ctx, db, p, n, argv)
		 : p->nkeys > 1 ? range_overlap_multi(ctx, db, p, np->lo)
				: range_overlap(ctx, db, p, np->lo, np->cond.data);
	if (at == -1)
		return false;
	if (at >= 0) {
		char *msg = sqlite3_mprintf("partition \"%s\" would overlap partition \"%s\"", child,
					    p->v[at].name);
		fail(ctx, "42P17", NULL, msg ? msg : "");
		sqlite3_free(msg);
		return false;
	}
	if (!d)
		return true;
	char *q = sqlite3_mprintf("SELECT EXISTS (SELECT 1 FROM \"%w\" WHERE (%s) AND (%s))",
				  d->name, d->cond, np->cond.data);
	int r = ask(ctx, db, q);
	sqlite3_free(q);
	if (r > 0) {
		char *msg = sqlite3_mprintf("updated partition constraint for default partition "
					    "\"%s\" would be violated by some row",
					    d->name);
		fail(ctx, "23514", NULL, msg ? msg : "");
		sqlite3_free(msg);
	}
	return r == 0;
}

/* The comma-separated quoted column names of table t, in order; NULL when it has none. */
static char *column_list(sqlite3 *db, const char *t)
{
	sqlite3_stmt *vm = NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1, &vm,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, t, -1, SQLITE_STATIC);
		while (sqlite3_step(vm) == SQLITE_ROW) {
			char *q = sqlite3_mprintf("%s\"%w\"", sb.len ? ", " : "",
						  (const char *)sqlite3_column_text(vm, 0));
			strbuf_puts(&sb, q ? q : "");
			sb.failed |= q == NULL;
			sqlite3_free(q);
		}
	}
	sqlite3_finalize(vm);
	char *r = sb.len && !sb.failed ? strbuf_take(&sb) : NULL;
	strbuf_fini(&sb);
	return r;
}

/* The first answer of query q (one %Q argument each for a and b) as text, malloc'd; NULL
 * when there is none. */
static char *first_text(sqlite3 *db, const char *q, const char *a, const char *b)
{
	char *sql = sqlite3_mprintf(q, a, b);
	sqlite3_stmt *vm = NULL;
	char *r = NULL;
	if (sql && sqlite3_prepare_v2(db, sql, -1, &vm, NULL) == SQLITE_OK &&
	    sqlite3_step(vm) == SQLITE_ROW && sqlite3_column_text(vm, 0))
		r = strdup((const char *)sqlite3_column_text(vm, 0));
	sqlite3_finalize(vm);
	sqlite3_free(sql);
	return r;
}

/* What ATTACH PARTITION checks of the table child before it becomes a view over parent: its
 * columns are the parent's (name and declared type), and it has nothing of its own the view
 * would lose (a PRIMARY KEY or UNIQUE constraint the parent has no equal of, a trigger; its
 * CREATE INDEX indexes, CHECKs and foreign keys move to the parent, catalog_partown.c). */
static bool attach_checks(sqlite3_context *ctx, sqlite3 *db, const char *parent,
			  const char *table, const char *child)
{
	char *msg = NULL, *col;
	const char *state = "42P16";
	if ((col = first_text(db, "SELECT c.name FROM pragma_table_info(%Q) c WHERE c.name NOT IN "
				  "(SELECT name FROM pragma_table_info(%Q))",
			      child, parent))) {
		msg = sqlite3_mprintf("table \"%s\" contains column \"%s\" not found in parent "
				      "\"%s\"",
				      child, col, parent);
		state = "42804";
	} else if ((col = first_text(db, "SELECT p.name FROM pragma_table_info(%Q) p WHERE p.name "
					 "NOT IN (SELECT name FROM pragma_table_info(%Q))",
				     parent, child))) {
		msg = sqlite3_mprintf("child table is missing column \"%s\"", col);
		state = "42804";
	} else if ((col = first_text(db, "SELECT c.name FROM pragma_table_info(%Q) c JOIN "
					 "pragma_table_info(%Q) p ON p.name = c.name WHERE "
					 "p.\"notnull\" AND NOT c.\"notnull\" ORDER BY c.cid",
				     child, parent))) {
		msg = sqlite3_mprintf("column \"%s\" in child table must be marked NOT NULL", col);
		state = "42804";
	} else if ((col = first_text(db, "SELECT c.name FROM pragma_table_info(%Q) c JOIN "
					 "pragma_table_info(%Q) p ON p.name = c.name WHERE "
					 "p.type <> c.type",
				     child, parent))) {
		msg = sqlite3_mprintf("child table \"%s\" has different type for column \"%s\"",
				      child, col);
		state = "42804";
	} else if ((col = first_text(db, "SELECT name FROM main.sqlite_schema WHERE type = "
					 "'trigger' AND tbl_name = %Q COLLATE NOCASE AND %Q IS NOT "
					 "NULL AND name NOT LIKE '\\_shardlite\\_part\\_%%' ESCAPE "
					 "'\\'",
				     child, "")) ||
		   (col = first_text(db, "SELECT iif(il.origin = 'pk', 'PRIMARY KEY', 'UNIQUE') || "
					 "' (' || (SELECT group_concat(name, ', ') FROM (SELECT name "
					 "FROM pragma_index_info(il.name) ORDER BY seqno)) || ')' FROM "
					 "pragma_index_list(%Q) il WHERE "
					 "il.origin <> 'c' AND NOT EXISTS (SELECT 1 FROM "
					 "pragma_index_list(%Q) pl WHERE pl.\"unique\" = "
					 "il.\"unique\" AND NOT pl.partial AND (SELECT "
					 "group_concat(name, ',') FROM (SELECT name FROM "
					 "pragma_index_info(pl.name) ORDER BY seqno)) IS (SELECT "
					 "group_concat(name, ',') FROM (SELECT name FROM "
					 "pragma_index_info(il.name) ORDER BY seqno)))",
				     child, table))) {
		msg = sqlite3_mprintf("ATTACH PARTITION of a table with a trigger or a PRIMARY KEY "
				      "or UNIQUE constraint of its own (%s) is not supported",
				      col);
		state = SQLSTATE_FEATURE_NOT_SUPPORTED;
	}
	if (col)
		fail(ctx, state, NULL, msg ? msg : "");
	free(col);
	sqlite3_free(msg);
	return col == NULL;
}

/* ATTACH: child's rows, checked against the bound, move into parent once its view exists. */
static bool attach_rows_check(sqlite3_context *ctx, sqlite3 *db, const char *child,
			      const char *cond)
{
	char *q = sqlite3_mprintf("SELECT EXISTS (SELECT 1 FROM \"%w\" WHERE NOT coalesce(%s, 0))",
				  child, cond);
	int r = ask(ctx, db, q);
	sqlite3_free(q);
	if (r > 0) {
		char *msg = sqlite3_mprintf("partition constraint of relation \"%s\" is violated by "
					    "some row",
					    child);
		fail(ctx, "23514", NULL, msg ? msg : "");
		sqlite3_free(msg);
	}
	return r == 0;
}

static bool table_exists(sqlite3 *db, const char *name)
{
	char *t = first_text(db, "SELECT type FROM main.sqlite_schema WHERE name = %Q COLLATE "
				 "NOCASE AND type = 'table' AND %Q IS NOT NULL",
			     name, "");
	bool r = t != NULL;
	free(t);
	return r;
}

static bool keys_cover(sqlite3_context *ctx, sqlite3 *db, const char *root, const char *child,
		       char **keys, size_t nkeys);

/* ATTACH PARTITION of table child: its partition key mark (malloc'd into *mark) when it is a
 * partitioned table, whose partitions come along (their views read it by name, their
 * routing triggers are made again on the table at the top); NULL when it is none. -1 with
 * ctx's 0A000 for what such a table's view would lose: a RANGE key of dates or times (its
 * guard triggers are the table's), an index of its own, a partition's own constraint. */
static int attach_keymark(sqlite3_context *ctx, sqlite3 *db, const char *child, char **mark)
{
	*mark = NULL;
	char *sql = first_text(db, "SELECT sql FROM main.sqlite_schema WHERE name = %Q COLLATE "
				   "NOCASE AND type = 'table' AND %Q IS NOT NULL",
			       child, "");
	const char *m = sql ? strstr(sql, CATALOG_PARTKEY_MARK) : NULL;
	const char *end = m ? strstr(m + strlen(CATALOG_PARTKEY_MARK), "*/") : NULL;
	if (!end) {
		free(sql);
		return 0;
	}
	const char *why = NULL;
	struct parts p;
	if (!load_parts(db, child, &p)) {
		why = "this partitioned table";
	} else {
		char *guard = p.strategy == 'r' ? cat_partdate_guard(db, child, p.keys, p.nkeys)
						: NULL;
		char *idx = first_text(db, "SELECT name FROM pragma_index_list(%Q) WHERE %Q IS NOT "
					   "NULL",
				       child, "");
		if (guard && *guard)
			why = "a table partitioned by a RANGE of dates or times";
		else if (idx)
			why = "a partitioned table with an index";
		for (size_t i = 0; !why && i < p.n; i++)
			if (p.v[i].own && *p.v[i].own)
				why = "a partitioned table whose partition has a CHECK or foreign key";
		sqlite3_free(guard);
		free(idx);
		parts_fini(&p);
	}
	if (why) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "ATTACH PARTITION of %s is not "
			   "supported", why);
		free(sql);
		return -1;
	}
	size_t len = (size_t)(end + 2 - m);
	*mark = malloc(len + 1);
	if (*mark) {
		memcpy(*mark, m, len);
		(*mark)[len] = '\0';
	}
	free(sql);
	return *mark ? 0 : -1;
}

/* Whether table child has nothing of its own to move onto the table at the top (an index, a
 * CHECK or foreign key), which ATTACH to a partitioned partition or of a partitioned table
 * does not build; false with ctx's 0A000. */
static bool owns_nothing(sqlite3_context *ctx, sqlite3 *db, const char *child)
{
	char *idx = first_text(db, "SELECT name FROM pragma_index_list(%Q) WHERE %Q IS NOT NULL",
			       child, "");
	char *con = first_text(db, "SELECT name FROM main.sqlite_schema WHERE name = %Q COLLATE "
				   "NOCASE AND (sql LIKE '%%CHECK%%' OR sql LIKE '%%REFERENCES%%')",
			       child, "");
	bool ok = !idx && !con;
	if (!ok)
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "ATTACH PARTITION of a table with an index, CHECK or foreign key of its "
			   "own to a partitioned partition, or of a partitioned table, is not "
			   "supported");
	free(idx);
	free(con);
	return ok;
}

/* Whether name is a table with a partition key (a partitioned table). */
static bool partitioned_table(sqlite3 *db, const char *name)
{
	char *t = first_text(db,
			     "SELECT sql FROM main.sqlite_schema WHERE name = %Q COLLATE "
			     "NOCASE AND type = 'table' AND %Q IS NOT NULL",
			     name, "");
	bool r = t && strstr(t, CATALOG_PARTKEY_MARK) != NULL;
	free(t);
	return r;
}

/* Whether partition name is itself partitioned or a partition of one (sub-partitioning),
 * where what a partition owns (its indexes, constraints) and DETACH are not built; false
 * with ctx's 0A000 then. */
static bool flat_partition(sqlite3_context *ctx, sqlite3 *db, const char *name, const char *what)
{
	struct parts p;
	bool sub = load_parts(db, name, &p);
	if (sub)
		parts_fini(&p);
	char *up = NULL;
	struct part one = {0};
	if (!sub && read_partition(db, name, &up, &one))
		sub = !partitioned_table(db, up);
	free(up);
	part_fini(&one);
	if (sub)
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "%s of a partitioned partition or a partition of one is not supported",
			   what);
	return !sub;
}

/* The integers of a comma-separated list (at most CAT_PARTKEY_MAX) into v; their number. */
static size_t int_list(const char *s, int *v)
{
	size_t n = 0;
	while (s && *s && n < CAT_PARTKEY_MAX) {
		char *end;
		v[n++] = (int)strtol(s, &end, 10);
		if (end == s)
			return 0;
		s = *end == ',' ? end + 1 : end;
		if (*end && *end != ',')
			return 0;
	}
	return n;
}

/* shardlite_partition_add(parent, child, mode, key type OIDs, typmods, kind, bound values...):
 * mode 0 CREATE, 1 CREATE IF NOT EXISTS, 2 ATTACH PARTITION; kind 'l' (the list's values),
 * 'r' (FROM's kind and value, TO's), 'd'. */
static void fn_partition_add(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (argc < 6) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "shardlite_partition_add: arguments");
		return;
	}
	const char *parent = (const char *)sqlite3_value_text(argv[0]);
	const char *child = (const char *)sqlite3_value_text(argv[1]);
	const char *kind = (const char *)sqlite3_value_text(argv[5]);
	int oids[CAT_PARTKEY_MAX], typmods[CAT_PARTKEY_MAX];
	size_t nt = int_list((const char *)sqlite3_value_text(argv[3]), oids);
	size_t nm = int_list((const char *)sqlite3_value_text(argv[4]), typmods);
	int oid = oids[0], typmod = typmods[0];
	if (!parent || !child || !kind || nt == 0 || nt != nm ||
	    (kind[0] == 'r' && (size_t)argc != 6 + 4 * nt) || (kind[0] == 'h' && argc != 8)) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "shardlite_partition_add: arguments");
		return;
	}
	int mode = sqlite3_value_int(argv[2]);
	if (mode == 1 && exists(db, child)) {
		sqlite3_result_null(ctx); /* IF NOT EXISTS */
		return;
	}
	if (mode == 2 && !table_exists(db, child)) {
		char *of = NULL;
		struct part one = {0};
		if (read_partition(db, child, &of, &one))
			pgfn_error(ctx, "42809", "\"%s\" is already a partition", child);
		else
			pgfn_error(ctx, "42P01", "relation \"%s\" does not exist", child);
		free(of);
		part_fini(&one);
		return;
	}
	/* ATTACH of a partitioned table: its key goes onto its view */
	char *keymark = NULL;
	if (mode == 2 && attach_keymark(ctx, db, child, &keymark) < 0)
		return;
	struct parts p;
	if (!load_parts(db, parent, &p)) {
		pgfn_error(ctx, "42P17", "table \"%s\" is not partitioned", parent);
		free(keymark);
		return;
	}
	/* rows go into the table at the top, held to the bounds on the way too */
	char *path = NULL, *root = p.view ? root_of(db, parent, &path) : NULL;
	const char *into = p.view ? root : parent;
	if (p.nkeys != nt || (p.view && !root)) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "shardlite_partition_add: key columns");
		parts_fini(&p);
		free(keymark);
		sqlite3_free(path);
		free(root);
		return;
	}
	struct newpart np = {.lo = NULL};
	strbuf_init(&np.bound, 0);
	strbuf_init(&np.cond, 0);
	bool ok = true;
	if (kind[0] == 'l')
		list_bound(db, &p, &np, argc - 6, argv + 6, oid, typmod);
	else if (kind[0] == 'r' && nt > 1)
		ok = range_bound_multi(ctx, db, &p, &np, child, argv + 6, oids, typmods);
	else if (kind[0] == 'r')
		ok = range_bound(ctx, db, &p, &np, child, argv + 6, oid, typmod);
	else if (kind[0] == 'h')
		hash_bound(&p, &np, argv + 6, oids);
	else
		strbuf_puts(&np.bound, "DEFAULT");
	ok = ok && !np.bound.failed && !np.cond.failed &&
	     check_new(ctx, db, &p, child, kind[0], &np, argc - 6, argv + 6);
	/* ATTACH: the table's rows, all inside the bound, go into the parent while its routing
	 * triggers are away (made again below, with the new bound), then the table */
	struct strbuf own, after; /* the table's own CHECKs and foreign keys, what remakes them */
	strbuf_init(&own, 0);
	strbuf_init(&after, 0);
	if (ok && mode == 2) {
		char *cols = NULL;
		size_t nkeys = 0;
		char strategy, **kv = NULL;
		/* the bounds on the way to the table at the top hold its rows too */
		char *held = kind[0] == 'd' ? (p.view ? sqlite3_mprintf("%s", path) : NULL)
			     : p.view	    ? sqlite3_mprintf("(%s) AND (%s)", np.cond.data, path)
					    : sqlite3_mprintf("%s", np.cond.data);
		bool plain = !p.view && !keymark; /* what it owns moves onto the table */
		ok = attach_checks(ctx, db, parent, into, child) &&
		     (!held || attach_rows_check(ctx, db, child, held)) &&
		     (plain ? cat_partown_attach(ctx, db, parent, child, p.key_as, np.cond.data,
						 kind[0] == 'd', &own, &after)
			    : owns_nothing(ctx, db, child)) &&
		     (!keymark || (cat_part_parse_keys(keymark, &strategy, &kv, &nkeys) &&
				   keys_cover(ctx, db, into, child, kv, nkeys))) &&
		     (cols = column_list(db, parent)) != NULL;
		keys_free(kv, nkeys);
		sqlite3_free(held);
		char *mv = ok ? sqlite3_mprintf("DROP TRIGGER IF EXISTS \"" CAT_PART_TRIGGER_PREFIX
						 "i_%w\"; INSERT INTO \"%w\" (%s) SELECT %s FROM "
						 "\"%w\"; DROP TABLE \"%w\"",
						 parent, into, cols, cols, child, child)
			      : NULL;
		ok = ok && run(ctx, db, mv);
		sqlite3_free(mv);
		free(cols);
	}
	ok = ok && make_view(ctx, db, parent, child, kind[0], np.bound.data,
			     kind[0] == 'd' ? "0" : np.cond.data, np.lo ? np.lo : "", own.data, false,
			     NULL, keymark) &&
	     (!after.len || run(ctx, db, after.data));
	/* a partitioned table attached: its keys join the top table's triggers' move guards */
	ok = ok && (!keymark || refit_guards(ctx, db, p.view ? root : parent));
	free(keymark);
	sqlite3_free(path);
	free(root);
	strbuf_fini(&own);
	strbuf_fini(&after);
	parts_fini(&p);
	if (ok && load_parts(db, parent, &p)) {
		ok = sync(ctx, db, parent, &p, NULL);
		parts_fini(&p);
	}
	/* the copies of the parent's triggers start with the parent's flags */
	ok = ok && cat_trigpart_forget_part(ctx, db, child);
	if (ok)
		sqlite3_result_null(ctx);
	free(np.lo);
	strbuf_fini(&np.bound);
	strbuf_fini(&np.cond);
}

/* The parent and payload of partition name, from its view's text; false when it is none. */
static bool read_partition(sqlite3 *db, const char *name, char **parent, struct part *out)
{
	sqlite3_stmt *vm = NULL;
	bool ok = false;
	if (sqlite3_prepare_v2(db, "SELECT sql FROM main.sqlite_schema WHERE type = 'view' AND "
				   "name = ?1 COLLATE NOCASE",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW)
			ok = parse_view((const char *)sqlite3_column_text(vm, 0), parent, out);
	}
	sqlite3_finalize(vm);
	return ok;
}

/* Before a partitioned partition's view goes: its partitions' views, theirs first, and its
 * routing triggers (on the table at the top). True when name has no partitions. */
static bool drop_subtree(sqlite3_context *ctx, sqlite3 *db, const char *name)
{
	struct parts p;
	if (!load_parts(db, name, &p))
		return true;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool ok = true;
	for (size_t i = 0; ok && i < p.n; i++) {
		ok = drop_subtree(ctx, db, p.v[i].name) && cat_partown_drop(ctx, db, p.v[i].name);
		char *s = sqlite3_mprintf("DROP VIEW \"%w\"; ", p.v[i].name);
		strbuf_puts(&sb, s ? s : "");
		sb.failed |= s == NULL;
		sqlite3_free(s);
	}
	char *s = sqlite3_mprintf("DROP TRIGGER IF EXISTS \"" CAT_PART_TRIGGER_PREFIX "i_%w\"; "
				  "DROP TRIGGER IF EXISTS \"" CAT_PART_TRIGGER_PREFIX "u_%w\"; ",
				  name, name);
	strbuf_puts(&sb, s ? s : "");
	sb.failed |= s == NULL;
	sqlite3_free(s);
	ok = ok && !sb.failed && run(ctx, db, sb.data);
	strbuf_fini(&sb);
	parts_fini(&p);
	return ok;
}

/* shardlite_partition_remove(partition, 'drop' | 'truncate'): its rows leave the parent; DROP
 * also drops its view and makes the parent's routing again. */
static void fn_partition_remove(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *mode = (const char *)sqlite3_value_text(argv[1]);
	char *parent = NULL;
	struct part one = {0};
	if (!name || !read_partition(db, name, &parent, &one)) {
		pgfn_error(ctx, "42P01", "relation \"%s\" does not exist", name ? name : "");
		return;
	}
	bool drop = mode && strcmp(mode, "drop") == 0;
	bool ok = !drop || (drop_subtree(ctx, db, name) && cat_partown_drop(ctx, db, name));
	/* the rows are in the table at the top of the partition's chain of parents */
	char *path = NULL, *root = root_of(db, name, &path);
	char *sql = root ? sqlite3_mprintf("DELETE FROM \"%w\" WHERE %s;%s%w%s", root, path,
					   drop ? " DROP VIEW \"" : "", drop ? name : "",
					   drop ? "\"" : "")
			 : NULL;
	ok = ok && run(ctx, db, sql);
	sqlite3_free(sql);
	sqlite3_free(path);
	free(root);
	struct parts p;
	if (ok && drop && load_parts(db, parent, &p)) {
		ok = sync(ctx, db, parent, &p, NULL);
		parts_fini(&p);
	}
	if (ok)
		sqlite3_result_null(ctx);
	free(parent);
	part_fini(&one);
}

/* shardlite_partition_detach(parent, partition): the partition becomes a table again, made
 * as the parent is (its columns and constraints), with its rows, which leave the parent. */
static void fn_partition_detach(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *parent = (const char *)sqlite3_value_text(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	char *of = NULL, *psql = NULL, *cols = NULL, *sql = NULL;
	struct part one = {0};
	if (!parent || !name || !read_partition(db, name, &of, &one) ||
	    sqlite3_stricmp(of, parent) != 0) {
		pgfn_error(ctx, "42P01", "relation \"%s\" is not a partition of relation \"%s\"",
			   name ? name : "", parent ? parent : "");
		goto out;
	}
	if (!flat_partition(ctx, db, name, "DETACH PARTITION"))
		goto out;
	psql = first_text(db, "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name "
			      "= %Q COLLATE NOCASE AND %Q IS NOT NULL",
			  parent, "");
	const char *open = psql ? strchr(psql, '(') : NULL;
	const char *mark = open ? strstr(open, CATALOG_PARTKEY_MARK) : NULL;
	const char *after = mark ? strstr(mark, " */ ") : NULL;
	cols = column_list(db, parent);
	if (!after || !cols) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "partitioned table \"%s\": its text",
			   parent);
		goto out;
	}
	/* its own indexes and constraints: off the parent, onto the table again */
	struct strbuf drop, cons, back;
	strbuf_init(&drop, 0);
	strbuf_init(&cons, 0);
	strbuf_init(&back, 0);
	const char *close = strrchr(after, ')');
	bool ok = close && cat_partinh_detach_refs(ctx, db, parent, name, one.cond) &&
		  cat_partown_detach(ctx, db, name, one.own, &drop, &cons, &back);
	sql = ok ? sqlite3_mprintf("DROP VIEW \"%w\"; %sCREATE TABLE \"%w\" (%.*s%.*s%s%s; "
				   "INSERT INTO \"%w\" (%s) SELECT %s FROM \"%w\" WHERE %s; "
				   "DELETE FROM \"%w\" WHERE %s; %s",
				   name, drop.data ? drop.data : "", name, (int)(mark - open - 1),
				   open + 1, (int)(close - after - 4), after + 4,
				   cons.data ? cons.data : "", close, name, cols, cols, parent,
				   one.cond, parent, one.cond, back.data ? back.data : "")
		 : NULL;
	strbuf_fini(&drop);
	strbuf_fini(&cons);
	strbuf_fini(&back);
	struct parts p;
	if (ok && run(ctx, db, sql) && load_parts(db, parent, &p)) {
		if (sync(ctx, db, parent, &p, NULL))
			sqlite3_result_null(ctx);
		parts_fini(&p);
	}
out:
	sqlite3_free(sql);
	free(cols);
	free(psql);
	free(of);
	part_fini(&one);
}

/* The partitions' own foreign keys to table: before DROP TABLE table CASCADE they go, as
 * PostgreSQL drops them (col and to NULL); after ALTER TABLE table RENAME [COLUMN col] TO to
 * they name it so (catalog_partown.c). False with ctx's error. */
static bool partitions_refs(sqlite3_context *ctx, sqlite3 *db, const char *table,
			    const char *col, const char *to)
{
	char *hex = NULL;
	for (const char *p = table ? table : ""; *p; p++) { /* its name as the records hold it */
		char *more = sqlite3_mprintf("%s%02x", hex ? hex : "", (unsigned char)*p);
		sqlite3_free(hex);
		hex = more;
	}
	struct parts all = {0};
	sqlite3_stmt *vm = NULL;
	bool ok = hex && sqlite3_prepare_v2(db, "SELECT name, sql FROM main.sqlite_schema WHERE "
						"type = 'view' AND instr(sql, '" CATALOG_PARTITION_MARK
						"')",
					    -1, &vm, NULL) == SQLITE_OK;
	while (ok && sqlite3_step(vm) == SQLITE_ROW) { /* the partitions that may name it */
		struct part one = {0};
		char *parent = NULL;
		if (parse_view((const char *)sqlite3_column_text(vm, 1), &parent, &one) &&
		    one.own && strstr(one.own, hex)) {
			struct part *v = realloc(all.v, (all.n + 1) * sizeof(*v));
			ok = v != NULL;
			if (v) {
				all.v = v;
				one.name = strdup((const char *)sqlite3_column_text(vm, 0));
				all.v[all.n++] = one;
				one = (struct part){0};
			}
		}
		free(parent);
		part_fini(&one);
	}
	sqlite3_finalize(vm);
	sqlite3_free(hex);
	for (size_t i = 0; ok && i < all.n; i++) {
		struct part *q = &all.v[i];
		char *of = NULL;
		struct part full = {0};
		struct parts p;
		struct strbuf renamed, kept;
		strbuf_init(&renamed, 0);
		strbuf_init(&kept, 0);
		ok = read_partition(db, q->name, &of, &full) && load_parts(db, of, &p);
		if (ok) {
			if (to)
				cat_partown_renamed(full.own, table, col, to, &renamed);
			ok = !renamed.failed &&
			     cat_partown_filter(ctx, db, of, q->name, p.key_as, full.cond,
						to ? renamed.data : full.own, NULL, to ? NULL : table,
						&kept) &&
			     cat_part_make_view(ctx, db, of, q->name, full.kind, full.bound, full.cond,
						full.lo, kept.data, true, NULL);
			parts_fini(&p);
		}
		strbuf_fini(&renamed);
		strbuf_fini(&kept);
		free(of);
		part_fini(&full);
	}
	for (size_t i = 0; i < all.n; i++) {
		free(all.v[i].name);
		part_fini(&all.v[i]);
	}
	free(all.v);
	return ok;
}

bool cat_part_renamed(sqlite3_context *ctx, sqlite3 *db, const char *table, const char *col,
		      const char *to)
{
	return partitions_refs(ctx, db, table, col, to);
}

/* shardlite_partition_unref(table): before DROP TABLE table CASCADE, the partitions' own
 * foreign keys to it go, as PostgreSQL drops them. */
static void fn_partition_unref(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (partitions_refs(ctx, sqlite3_context_db_handle(ctx),
			    (const char *)sqlite3_value_text(argv[0]), NULL, NULL))
		sqlite3_result_null(ctx);
}

/* shardlite_partition_constraint(partition, name, kind, ...): ALTER TABLE partition ADD
 * CONSTRAINT of a CHECK or foreign key, as pg_dump writes a partition's own foreign key: the
 * partition's own constraint (catalog_partown.c); kind 'd': DROP CONSTRAINT name of one. */
static void fn_partition_constraint(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *name = argc >= 3 ? (const char *)sqlite3_value_text(argv[0]) : NULL;
	char *of = NULL;
	struct part one = {0};
	struct parts p = {0};
	struct strbuf own, kept;
	strbuf_init(&own, 0);
	strbuf_init(&kept, 0);
	if (!name || !read_partition(db, name, &of, &one) || !load_parts(db, of, &p)) {
		pgfn_error(ctx, "42P01", "relation \"%s\" does not exist", name ? name : "");
		goto out;
	}
	if (one.kind == 'd') {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "a CHECK or foreign key of a DEFAULT partition is not supported");
		goto out;
	}
	if (!flat_partition(ctx, db, name, "a CHECK or foreign key"))
		goto out;
	const char *kind = (const char *)sqlite3_value_text(argv[2]);
	const char *con = (const char *)sqlite3_value_text(argv[1]);
	bool drop = kind && kind[0] == 'd'; /* DROP CONSTRAINT */
	if ((drop ? cat_partown_remove(ctx, name, one.own, con ? con : "", &own)
		  : cat_partown_add(ctx, db, name, one.own, argc, argv, &own)) &&
	    cat_partown_filter(ctx, db, of, name, p.key_as, one.cond, own.data, NULL, NULL, &kept) &&
	    cat_part_make_view(ctx, db, of, name, one.kind, one.bound, one.cond, one.lo, kept.data,
			       true, NULL))
		sqlite3_result_null(ctx);
out:
	strbuf_fini(&own);
	strbuf_fini(&kept);
	parts_fini(&p);
	free(of);
	part_fini(&one);
}

/* shardlite_partition_index(partition, CREATE INDEX text on it): the index made on the
 * parent for the partition's rows (catalog_partown.c), as PostgreSQL's index of the
 * partition holds them alone. */
static void fn_partition_index(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *sql = (const char *)sqlite3_value_text(argv[1]);
	char *parent = NULL, *s = NULL;
	struct part one = {0};
	if (!name || !sql || !read_partition(db, name, &parent, &one))
		pgfn_error(ctx, "42P01", "relation \"%s\" does not exist", name ? name : "");
	else if (cat_partinh_index_is_copy(ctx, db, name, sql)) /* pg_dump's; there already */
		sqlite3_result_null(ctx);
	else if (!flat_partition(ctx, db, name, "an index"))
		;
	else if (one.kind == 'd') /* its condition changes with the other partitions */
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "an index on a DEFAULT partition is not supported");
	else if ((s = cat_partown_index_sql(sql, parent, name, one.cond)) == NULL)
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "CREATE INDEX on \"%s\": its text", name);
	else if (run(ctx, db, s))
		sqlite3_result_null(ctx);
	sqlite3_free(s);
	free(parent);
	part_fini(&one);
}

/* shardlite_partition_drop(parent): before DROP TABLE parent, its partitions' views. */
static void fn_partition_drop(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *parent = (const char *)sqlite3_value_text(argv[0]);
	struct parts p;
	if (!parent || !load_parts(db, parent, &p)) {
		sqlite3_result_null(ctx);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool ok = true;
	for (size_t i = 0; i < p.n; i++) {
		ok = ok && drop_subtree(ctx, db, p.v[i].name) &&
		     cat_partown_drop(ctx, db, p.v[i].name);
		char *s = sqlite3_mprintf("DROP VIEW \"%w\"; ", p.v[i].name);
		strbuf_puts(&sb, s ? s : "");
		sb.failed |= s == NULL;
		sqlite3_free(s);
	}
	ok = ok && (!sb.len || (!sb.failed && run(ctx, db, sb.data)));
	strbuf_fini(&sb);
	parts_fini(&p);
	if (ok)
		sqlite3_result_null(ctx);
}

static bool remake_views(sqlite3_context *ctx, sqlite3 *db, const char *parent,
			 const struct parts *pp, const char *skip);
static bool tree_keys_cover(sqlite3_context *ctx, sqlite3 *db, const char *root,
			    const struct parts *pp);
static bool keys_cover(sqlite3_context *ctx, sqlite3 *db, const char *root, const char *child,
		       char **keys, size_t nkeys);

/* shardlite_partition_sync(parent[, column]): after CREATE TABLE ... PARTITION BY, its
 * routing; after ALTER TABLE, also its partitions' views over its columns as they are now
 * (before DROP COLUMN: without the column). */
static void fn_partition_sync(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *parent = argc ? (const char *)sqlite3_value_text(argv[0]) : NULL;
	struct parts p;
	if (!parent || !load_parts(db, parent, &p)) {
		sqlite3_result_null(ctx);
		return;
	}
	/* the views over the table's columns as they are now, or (skip) without the column
	 * an ALTER TABLE ... DROP COLUMN is about to drop */
	const char *skip = argc > 1 ? (const char *)sqlite3_value_text(argv[1]) : NULL;
	if (remake_views(ctx, db, parent, &p, skip) && sync(ctx, db, parent, &p, skip) &&
	    (skip || tree_keys_cover(ctx, db, parent, &p)))
		sqlite3_result_null(ctx);
	parts_fini(&p);
}

/* After ALTER TABLE root ADD PRIMARY KEY | UNIQUE: every partitioned partition's key must be
 * in the unique keys too (PostgreSQL's 0A000); false with ctx's error. */
static bool tree_keys_cover(sqlite3_context *ctx, sqlite3 *db, const char *root,
			    const struct parts *pp)
{
	bool ok = true;
	for (size_t i = 0; ok && i < pp->n; i++) {
		struct parts sub;
		if (!load_parts(db, pp->v[i].name, &sub))
			continue;
		ok = keys_cover(ctx, db, root, pp->v[i].name, sub.keys, sub.nkeys) &&
		     tree_keys_cover(ctx, db, root, &sub);
		parts_fini(&sub);
	}
	return ok;
}

/* The views of p's partitions (of parent) made again over parent's columns as they are now
 * (but skip), a partitioned partition's partitions' after its own. */
static bool remake_views(sqlite3_context *ctx, sqlite3 *db, const char *parent,
			 const struct parts *pp, const char *skip)
{
	const struct parts p = *pp;
	bool ok = true;
	for (size_t i = 0; ok && i < p.n; i++) {
		struct strbuf kept; /* before DROP COLUMN: its own constraints without the column */
		strbuf_init(&kept, 0);
		bool own = skip && p.v[i].own && *p.v[i].own;
		ok = (!own || cat_partown_filter(ctx, db, parent, p.v[i].name, p.key_as, p.v[i].cond,
						 p.v[i].own, skip, NULL, &kept)) &&
		     cat_part_make_view(ctx, db, parent, p.v[i].name, p.v[i].kind, p.v[i].bound,
					p.v[i].cond, p.v[i].lo, own ? kept.data : p.v[i].own, true,
					skip);
		strbuf_fini(&kept);
		struct parts sub;
		if (ok && load_parts(db, p.v[i].name, &sub)) {
			ok = remake_views(ctx, db, p.v[i].name, &sub, skip);
			parts_fini(&sub);
		}
	}
	return ok;
}

/* shardlite_partition_none(parent, key, key value): the routing trigger's failure, with
 * PostgreSQL's DETAIL (the value as SQLite holds it). */
static void fn_partition_none(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *parent = (const char *)sqlite3_value_text(argv[0]);
	const char *key = (const char *)sqlite3_value_text(argv[1]);
	struct strbuf vals;
	strbuf_init(&vals, 0);
	/* (parent, names, value) from a trigger made before the values' types were passed;
	 * else (parent, names, type OID, typmod, value, ...): each value printed as its type's
	 * output function prints it */
	bool typed = argc != 3;
	sqlite3_stmt *out = NULL;
	if (typed && sqlite3_prepare_v2(sqlite3_context_db_handle(ctx),
					"SELECT pgfn_text_out(?1, ?2, ?3)", -1, &out,
					NULL) != SQLITE_OK)
		out = NULL;
	for (int i = 2; i < argc; i += typed ? 3 : 1) {
		sqlite3_value *v = argv[typed ? i + 2 < argc ? i + 2 : i : i];
		const char *t = NULL;
		if (typed && out && sqlite3_value_type(v) != SQLITE_NULL) {
			sqlite3_bind_value(out, 1, v);
			sqlite3_bind_value(out, 2, argv[i]);
			sqlite3_bind_value(out, 3, argv[i + 1 < argc ? i + 1 : i]);
			if (sqlite3_step(out) == SQLITE_ROW)
				t = (const char *)sqlite3_column_text(out, 0);
		}
		if (!t)
			t = (const char *)sqlite3_value_text(v);
		strbuf_printf(&vals, "%s%s", i > 2 ? ", " : "", t ? t : "null");
		if (out)
			sqlite3_reset(out);
	}
	sqlite3_finalize(out);
	char *detail = sqlite3_mprintf("Partition key of the failing row contains (%s) = (%s).",
				       key ? key : "", vals.data ? vals.data : "");
	strbuf_fini(&vals);
	pgfn_error_detail(ctx, "23514", detail ? detail : "",
			  "no partition of relation \"%s\" found for row", parent ? parent : "");
	sqlite3_free(detail);
}

/* Whether every unique key of table root (not a partition's own, partial, index) includes
 * the key columns keys, as PostgreSQL requires of a partitioned partition's copies of them;
 * false with ctx's 0A000 naming table child. */
static bool keys_cover(sqlite3_context *ctx, sqlite3 *db, const char *root, const char *child,
		       char **keys, size_t nkeys)
{
	sqlite3_stmt *vm = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT l.origin, (SELECT group_concat(i.name, char(31)) FROM "
			       "pragma_index_info(l.name) i) FROM pragma_index_list(?1) l WHERE "
			       "l.\"unique\" AND NOT l.partial UNION ALL SELECT 'pk', (SELECT "
			       "group_concat(name, char(31)) FROM pragma_table_info(?1) WHERE pk) "
			       "WHERE NOT EXISTS (SELECT 1 FROM pragma_index_list(?1) WHERE origin "
			       "= 'pk') AND EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE pk)",
			       -1, &vm, NULL) != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		return false;
	}
	sqlite3_bind_text(vm, 1, root, -1, SQLITE_STATIC);
	bool ok = true;
	while (ok && sqlite3_step(vm) == SQLITE_ROW) {
		const char *origin = (const char *)sqlite3_column_text(vm, 0);
		const char *cols = (const char *)sqlite3_column_text(vm, 1);
		for (size_t k = 0; ok && k < nkeys; k++) {
			bool has = false;
			for (const char *c = cols; c && *c && !has;) {
				const char *e = strchr(c, '\x1f');
				size_t len = e ? (size_t)(e - c) : strlen(c);
				has = len == strlen(keys[k]) &&
				      sqlite3_strnicmp(c, keys[k], (int)len) == 0;
				c = e ? e + 1 : NULL;
			}
			if (has)
				continue;
			char *detail = sqlite3_mprintf(
				"%s constraint on table \"%s\" lacks column "
				"\"%s\" which is part of the partition key.",
				origin && strcmp(origin, "pk") == 0 ? "PRIMARY KEY" : "UNIQUE",
				child, keys[k]);
			fail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, detail ? detail : "",
			     "unique constraint on partitioned table must include all partitioning "
			     "columns");
			sqlite3_free(detail);
			ok = false;
		}
	}
	sqlite3_finalize(vm);
	return ok;
}

/* shardlite_partition_subkey(partition, key): after CREATE TABLE partition PARTITION OF ...
 * PARTITION BY ..., the partition's view gets its key (key: the mark's text after "partition
 * by ", as LIST "b") and its routing triggers, which refuse every row until it has
 * partitions (sub-partitioning). */
static void fn_partition_subkey(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *key = (const char *)sqlite3_value_text(argv[1]);
	char *up = NULL, *path = NULL, *root = NULL, **keys = NULL, strategy;
	size_t nkeys = 0;
	struct part one = {0};
	char *mark = key ? sqlite3_mprintf(CATALOG_PARTKEY_MARK "%s */", key) : NULL;
	if (!name || !mark || !read_partition(db, name, &up, &one) ||
	    !(root = root_of(db, name, &path)) ||
	    !cat_part_parse_keys(mark, &strategy, &keys, &nkeys)) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "shardlite_partition_subkey: \"%s\"",
			   name ? name : "");
		goto out;
	}
	struct parts p;
	if (keys_cover(ctx, db, root, name, keys, nkeys) &&
	    make_view(ctx, db, up, name, one.kind, one.bound, one.cond, one.lo, one.own, true, NULL,
		      mark) &&
	    load_parts(db, name, &p)) {
		/* its key joins the top table's triggers' move guards */
		if (sync(ctx, db, name, &p, NULL) && refit_guards(ctx, db, root))
			sqlite3_result_null(ctx);
		parts_fini(&p);
	}
out:
	keys_free(keys, nkeys);
	sqlite3_free(mark);
	sqlite3_free(path);
	free(root);
	free(up);
	part_fini(&one);
}

bool cat_part_register(sqlite3 *db, struct cat_conn *cc)
{
	const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
	return sqlite3_create_function_v2(db, "shardlite_partition_add", -1, flags, cc,
					  fn_partition_add, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_partition_remove", 2, flags, cc,
					  fn_partition_remove, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_partition_sync", -1, flags, cc,
					  fn_partition_sync, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_partition_detach", 2, flags, cc,
					  fn_partition_detach, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_partition_unref", 1, flags, cc,
					  fn_partition_unref, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_partition_constraint", -1, flags, cc,
					  fn_partition_constraint, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_partition_index", 2, flags, cc,
					  fn_partition_index, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_partition_drop", 1, flags, cc,
					  fn_partition_drop, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_partition_subkey", 2, flags, cc,
					  fn_partition_subkey, NULL, NULL, NULL) == SQLITE_OK &&
	       cat_partdate_register(db) && cat_partown_register(db) &&
	       cat_partfor_register(db, cc) &&
	       /* called by the routing trigger, which is schema */
	       sqlite3_create_function_v2(db, "shardlite_partition_none", -1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, fn_partition_none,
					  NULL, NULL, NULL) == SQLITE_OK;
}

/* ---- the catalog's side ---- */

void cat_part_load(struct cat_model *m)
{
	for (size_t i = 0; i < m->nrels; i++) {
		struct cat_rel *r = m->rels[i];
		if (r->temp || !r->sql)
			continue;
		char strategy, **cols = NULL;
		size_t ncols = 0;
		/* a partitioned table; or a partition that is one (sub-partitioning), a view
		 * with both marks, read as a partition below */
		if ((r->kind == 'r' ||
		     (r->kind == 'v' && strstr(r->sql, CATALOG_PARTITION_MARK))) &&
		    cat_part_parse_keys(r->sql, &strategy, &cols, &ncols)) {
			r->part_strategy = strategy;
			r->part_keys = arena_alloc(m->a, ncols * sizeof(*r->part_keys));
			for (size_t k = 0; k < ncols; k++)
				r->part_keys[k] = arena_strdup(m->a, cols[k]);
			r->part_nkeys = (int)ncols;
			r->part_key = r->part_keys[0];
			keys_free(cols, ncols);
			if (r->kind == 'r')
				continue;
		}
		char *parent = NULL;
		struct part one = {0};
		if (r->kind != 'v' || !parse_view(r->sql, &parent, &one))
			continue;
		r->kind = 'r'; /* a table to PostgreSQL's clients, its columns the parent's */
		r->part_parent = arena_strdup(m->a, parent);
		r->part_bound = arena_strdup(m->a, one.bound);
		r->part_default = one.kind == 'd';
		cat_partown_load(m, r, one.own);
		free(parent);
		part_fini(&one);
	}
	/* a partition's columns are the partitioned table's at the top (NOT NULL, defaults),
	 * once every partition's parent is known (sub-partitioning) */
	for (size_t i = 0; i < m->nrels; i++) {
		struct cat_rel *r = m->rels[i];
		const struct cat_rel *up = r->part_parent ? cat_model_rel(m, r->part_parent) : NULL;
		for (int n = 0; up && up->part_parent && n < 64; n++)
			up = cat_model_rel(m, up->part_parent);
		for (int k = 0; up && k < r->ncols && k < up->ncols; k++) {
			if (strcmp(r->cols[k].name, up->cols[k].name) != 0)
				continue;
			r->cols[k].notnull = up->cols[k].notnull;
			r->cols[k].dflt = up->cols[k].dflt;
			r->cols[k].dflt_sql = up->cols[k].dflt_sql;
			if (up->cols[k].dflt)
				r->cols[k].dflt_oid = cat_oid("def", r->name, r->cols[k].name);
		}
	}
	cat_partown_rehome(m);
	cat_partinh_load(m);
}

bool cat_fill_inherits(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)cc;
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *c = m->rels[i];
		const struct cat_rel *p = c->part_parent ? cat_model_rel(m, c->part_parent) : NULL;
		if (!p)
			continue;
		cat_row(r);
		cat_int(r, c->oid);
		cat_int(r, p->oid);
		cat_int(r, 1);
		cat_bool(r, false);
	}
	cat_partinh_inherits(m, r);
	return true;
}

static int attnum_of(const struct cat_rel *t, const char *col)
{
	for (int i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, col) == 0)
			return i + 1;
	return 0;
}

/* The default btree (hash: hash) operator class of the key's type (pg_opclass), 0 when not
 * one known. */
static uint32_t key_opclass(uint32_t type, bool hash)
{
	static const uint32_t hashed[][2] = {
		{16, 10048},   {20, 10021},   {21, 10019},   {23, 10020},	{25, 10037},
		{1043, 10037}, {700, 10013},  {701, 10014},  {1082, 10011}, {1114, 10046},
		{1184, 10040}, {2950, 10066}, {17, 10049},   {1042, 10005}, {1083, 10039},
	};
	for (size_t i = 0; hash && i < sizeof(hashed) / sizeof(hashed[0]); i++)
		if (hashed[i][0] == type)
			return hashed[i][1];
	if (hash)
		return 0;
	switch (type) {
	case 16:
		return 424; /* bool_ops */
	case 20:
		return 1980; /* int8_ops */
	case 21:
		return 1976;
	case 23:
		return 1978;
	case 25:
	case 1043:
		return 3126; /* text_ops */
	case 700:
		return 1970;
	case 701:
		return 1971;
	case 1082:
		return 3122;
	case 1114:
		return 3128; /* timestamp_ops */
	case 1184:
		return 3127;
	case 2950:
		return 10065; /* uuid_ops */
	case 17:
		return 10006; /* bytea_ops */
	case 1042:
		return 10004; /* bpchar_ops */
	case 1083:
		return 10038; /* time_ops */
	default:
		return 0;
	}
}

bool cat_fill_partitioned(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)cc;
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		if (!t->part_key)
			continue;
		uint32_t dflt = 0;
		for (size_t k = 0; k < m->nrels; k++) {
			const struct cat_rel *c = m->rels[k];
			if (c->part_default && c->part_parent && strcmp(c->part_parent, t->name) == 0)
				dflt = c->oid;
		}
		/* int2vector / oidvector texts: one entry per key column */
		const char *attrs = "", *classes = "", *colls = "";
		for (int k = 0; k < t->part_nkeys; k++) {
			int at = attnum_of(t, t->part_keys[k]);
			uint32_t type = at ? t->cols[at - 1].typoid : 0;
			const char *sep = k ? " " : "";
			attrs = arena_printf(r->a, "%s%s%d", attrs, sep, at);
			classes = arena_printf(r->a, "%s%s%u", classes, sep,
					       key_opclass(type, t->part_strategy == 'h'));
			colls = arena_printf(r->a, "%s%s%s", colls, sep,
					     type == 25 || type == 1043 || type == 1042 ? "100" : "0");
		}
		cat_row(r);
		cat_int(r, t->oid);
		cat_char(r, t->part_strategy);
		cat_int(r, t->part_nkeys);
		cat_int(r, dflt);
		cat_text(r, attrs);
		cat_text(r, classes);
		cat_text(r, colls);
		cat_null(r);
	}
	return true;
}

/* pg_get_partkeydef(oid): "RANGE (k)", NULL for a table that is not partitioned. */
static void fn_get_partkeydef(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct cat_model *m = cat_fn_model(ctx);
	const struct cat_rel *t =
		m ? cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(argv[0])) : NULL;
	if (!m)
		return;
	if (!t || !t->part_key) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *how = t->part_strategy == 'l'   ? "LIST"
			  : t->part_strategy == 'h' ? "HASH"
						    : "RANGE";
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s (", how);
	for (int k = 0; k < t->part_nkeys; k++) {
		const char *id = t->part_keys[k];
		bool plain = id[0] && !(id[0] >= '0' && id[0] <= '9');
		for (const char *p = id; plain && *p; p++)
			plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
		char *q = plain ? sqlite3_mprintf("%s%s", k ? ", " : "", id)
				: sqlite3_mprintf("%s\"%w\"", k ? ", " : "", id);
		strbuf_puts(&sb, q ? q : "");
		sb.failed |= q == NULL;
		sqlite3_free(q);
	}
	strbuf_putc(&sb, ')');
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

/* The literals of a bound's text "FOR VALUES IN (a, 'b')" / "FROM (a) TO (b)" from *p on,
 * up to its closing parenthesis: the next one (in a), NULL after the last. */
static const char *next_literal(struct arena *a, const char **p)
{
	const char *s = *p;
	while (*s == ' ' || *s == ',')
		s++;
	if (*s == ')' || !*s)
		return NULL;
	const char *start = s;
	if (*s == '\'') {
		for (s++; *s; s++) {
			if (*s == '\'' && s[1] == '\'')
				s++;
			else if (*s == '\'')
				break;
		}
		s += *s != '\0';
	} else {
		while (*s && *s != ',' && *s != ')')
			s++;
	}
	*p = s;
	return arena_strndup(a, start, (size_t)(s - start));
}

/* A literal as PostgreSQL's partition constraint prints it: typed unless an int4. */
static const char *typed(struct arena *a, const char *lit, uint32_t type, int32_t typmod)
{
	if (type == 23 && lit[0] != '\'')
		return lit;
	if (type == 16)
		return lit;
	const struct pgtype_info *ti = pgtype_by_oid(type);
	const char *name = ti ? ti->sql_name : "text";
	if (lit[0] != '\'')
		lit = arena_printf(a, "'%s'", lit);
	return typmod >= 0 && type == 1043 ? arena_printf(a, "%s::%s(%d)", lit, name, typmod - 4)
					   : arena_printf(a, "%s::%s", lit, name);
}

/* One side's condition of a range key of several columns from column i on, as PostgreSQL's
 * get_qual_for_range prints it: one comparison when one value is left before the end or a
 * MINVALUE / MAXVALUE, else an OR of (earlier columns equal AND this one beyond). */
static void range_side_qual(struct strbuf *sb, struct arena *a, const struct cat_rel *up,
			    const char **v, size_t i, bool lower)
{
	size_t n = (size_t)up->part_nkeys, k = i;
	while (k < n && strcmp(v[k], "MINVALUE") != 0 && strcmp(v[k], "MAXVALUE") != 0)
		k++;
	if (k == i)
		return; /* MINVALUE below, MAXVALUE above: no condition */
	const char *last = k == n			 ? (lower ? ">=" : "<")
			   : strcmp(v[k], "MINVALUE") == 0 ? (lower ? ">=" : "<")
							   : (lower ? ">" : "<=");
	const char *strict = lower ? ">" : "<";
	strbuf_puts(sb, " AND ");
	if (k - i > 1)
		strbuf_putc(sb, '(');
	for (size_t j = i; j < k; j++) {
		if (j > i)
			strbuf_puts(sb, " OR ");
		if (j > i)
			strbuf_putc(sb, '(');
		for (size_t e = i; e <= j; e++) {
			int at = attnum_of(up, up->part_keys[e]);
			const struct cat_col *col = &up->cols[at - 1];
			strbuf_printf(sb, "%s(%s %s %s)", e > i ? " AND " : "", up->part_keys[e],
				      e < j ? "=" : j + 1 < k ? strict : last,
				      typed(a, v[e], col->typoid, col->typmod));
		}
		if (j > i)
			strbuf_putc(sb, ')');
	}
	if (k - i > 1)
		strbuf_putc(sb, ')');
}

/* pg_get_partition_constraintdef of a range partition whose key has several columns. */
static void range_constraintdef(sqlite3_context *ctx, const struct cat_model *m,
				const struct cat_rel *t, const struct cat_rel *up)
{
	struct arena *a = arena_new(0);
	const char *bound = cat_partdate_bound_text(sqlite3_user_data(ctx), m, t, a);
	size_t n = (size_t)up->part_nkeys;
	const char **lo = arena_zalloc(a, n * sizeof(*lo)), **hi = arena_zalloc(a, n * sizeof(*hi));
	const char *p = bound ? strchr(bound, '(') : NULL, *to = p ? strstr(p, " TO (") : NULL;
	bool ok = p && to;
	const char *at = p ? p + 1 : "";
	for (size_t i = 0; ok && i < n; i++)
		ok = (lo[i] = next_literal(a, &at)) != NULL;
	at = to ? to + 5 : "";
	for (size_t i = 0; ok && i < n; i++)
		ok = (hi[i] = next_literal(a, &at)) != NULL;
	for (size_t i = 0; ok && i < n; i++)
		ok = attnum_of(up, up->part_keys[i]) > 0;
	if (!ok) {
		arena_free(a);
		sqlite3_result_null(ctx);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '(');
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s(%s IS NOT NULL)", i ? " AND " : "", up->part_keys[i]);
	/* the columns whose lower and upper values are equal: col = value */
	size_t i = 0;
	for (; i + 1 < n && strcmp(lo[i], hi[i]) == 0 && strcmp(lo[i], "MINVALUE") != 0 &&
	       strcmp(lo[i], "MAXVALUE") != 0;
	     i++) {
		const struct cat_col *col = &up->cols[attnum_of(up, up->part_keys[i]) - 1];
		strbuf_printf(&sb, " AND (%s = %s)", up->part_keys[i],
			      typed(a, lo[i], col->typoid, col->typmod));
	}
	range_side_qual(&sb, a, up, lo, i, true);
	range_side_qual(&sb, a, up, hi, i, false);
	strbuf_putc(&sb, ')');
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
	arena_free(a);
}

/* pg_get_partition_constraintdef(oid): a partition's bound as a condition, as PostgreSQL
 * prints it (the DEFAULT partition's: NULL here, where PostgreSQL prints the negation of the
 * others); NULL for anything else. */
static void fn_get_partition_constraintdef(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct cat_model *m = cat_fn_model(ctx);
	const struct cat_rel *t =
		m ? cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(argv[0])) : NULL;
	const struct cat_rel *up = t && t->part_parent ? cat_model_rel(m, t->part_parent) : NULL;
	if (!m)
		return;
	int at = up && up->part_key && !t->part_default ? attnum_of(up, up->part_key) : 0;
	if (!at) {
		sqlite3_result_null(ctx);
		return;
	}
	if (up->part_nkeys > 1 && up->part_strategy == 'r') {
		range_constraintdef(ctx, m, t, up);
		return;
	}
	struct arena *a = arena_new(0);
	uint32_t type = up->cols[at - 1].typoid;
	int32_t typmod = up->cols[at - 1].typmod;
	const char *bound = cat_partdate_bound_text(sqlite3_user_data(ctx), m, t, a);
	const char *key = up->part_key, *p = strchr(bound, '(');
	struct strbuf sb;
	strbuf_init(&sb, 0);
	int modulus, remainder;
	if (up->part_strategy == 'h' &&
	    sscanf(bound, "FOR VALUES WITH (modulus %d, remainder %d)", &modulus, &remainder) == 2) {
		strbuf_printf(&sb, "satisfies_hash_partition('%u'::oid, %d, %d", up->oid, modulus,
			      remainder);
		for (int k = 0; k < up->part_nkeys; k++)
			strbuf_printf(&sb, ", %s", up->part_keys[k]);
		strbuf_putc(&sb, ')');
	} else if (up->part_strategy == 'l') {
		bool null = false;
		struct strbuf in;
		strbuf_init(&in, 0);
		p = p ? p + 1 : "";
		for (const char *v; (v = next_literal(a, &p));) {
			if (strcmp(v, "NULL") == 0)
				null = true;
			else
				strbuf_printf(&in, "%s%s", in.len ? ", " : "", typed(a, v, type, typmod));
		}
		bool one = in.data && !strchr(in.data, ','); /* commas only between the values */
		if (null && one)
			strbuf_printf(&sb, "((%s IS NULL) OR (%s = %s))", key, key, in.data);
		else if (null && in.len)
			strbuf_printf(&sb, "((%s IS NULL) OR (%s = ANY (ARRAY[%s])))", key, key, in.data);
		else if (one)
			strbuf_printf(&sb, "((%s IS NOT NULL) AND (%s = %s))", key, key, in.data);
		else if (null)
			strbuf_printf(&sb, "(%s IS NULL)", key);
		else
			strbuf_printf(&sb, "((%s IS NOT NULL) AND (%s = ANY (ARRAY[%s])))", key, key,
				      in.data ? in.data : "");
		strbuf_fini(&in);
	} else {
		const char *lo = p ? next_literal(a, &(const char *){p + 1}) : NULL;
		const char *to = p ? strstr(p, " TO (") : NULL;
		const char *hi = to ? next_literal(a, &(const char *){to + 5}) : NULL;
		strbuf_printf(&sb, "((%s IS NOT NULL)", key);
		if (lo && strcmp(lo, "MINVALUE") != 0)
			strbuf_printf(&sb, " AND (%s >= %s)", key, typed(a, lo, type, typmod));
		if (hi && strcmp(hi, "MAXVALUE") != 0)
			strbuf_printf(&sb, " AND (%s < %s)", key, typed(a, hi, type, typmod));
		strbuf_putc(&sb, ')');
	}
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
	arena_free(a);
}

/* The AND-ed items of one level's constraint text s, "(x AND y)" → x, y (at the top level of
 * its parentheses), into sb after what is there; s itself when it is no such conjunction. */
static void and_items(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s);
	int depth = 0;
	bool whole = n >= 2 && s[0] == '(' && s[n - 1] == ')';
	for (size_t i = 0; whole && i < n; i++) { /* the first parenthesis closes at the end */
		depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
		whole = depth > 0 || i == n - 1;
	}
	bool ands = false;
	depth = 0;
	for (size_t i = 1; whole && i + 1 < n; i++) {
		depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
		ands |= depth == 0 && strncmp(s + i, " AND ", 5) == 0;
	}
	strbuf_puts(sb, sb->len ? " AND " : "");
	if (whole && ands)
		strbuf_printf(sb, "%.*s", (int)(n - 2), s + 1);
	else
		strbuf_puts(sb, s);
}

/* pg_get_partition_constraintdef of a partition of a partitioned partition: its ancestors'
 * constraints and its own, one conjunction, as PostgreSQL's (the root's first); NULL when
 * one of them is a DEFAULT partition's (whose own is NULL). */
static void fn_partition_constraintdef(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct cat_model *m = cat_fn_model(ctx);
	const struct cat_rel *t = m ? cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(argv[0]))
				    : NULL;
	const struct cat_rel *up = t && t->part_parent ? cat_model_rel(m, t->part_parent) : NULL;
	if (!m)
		return;
	if (!up || !up->part_parent) { /* a partition of a partitioned table: its own */
		fn_get_partition_constraintdef(ctx, argc, argv);
		return;
	}
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *vm = NULL;
	const struct cat_rel *chain[64];
	size_t n = 0;
	for (const struct cat_rel *r = t; r && r->part_parent && n < ARRAY_LEN(chain);
	     r = cat_model_rel(m, r->part_parent))
		chain[n++] = r;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool null = false;
	if (sqlite3_prepare_v2(db, "SELECT shardlite_partition_constraintdef(?1)", -1, &vm, NULL) !=
	    SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		return;
	}
	for (size_t i = n; i-- > 0 && !null;) {
		sqlite3_bind_int64(vm, 1, chain[i]->oid);
		const char *one = sqlite3_step(vm) == SQLITE_ROW
					  ? (const char *)sqlite3_column_text(vm, 0)
					  : NULL;
		null = !one;
		if (one)
			and_items(&sb, one);
		sqlite3_reset(vm);
	}
	sqlite3_finalize(vm);
	if (null)
		sqlite3_result_null(ctx);
	else if (sb.failed || !sb.data)
		sqlite3_result_error_nomem(ctx);
	else {
		char *r = sqlite3_mprintf("(%s)", sb.data);
		sqlite3_result_text(ctx, r, -1, sqlite3_free);
	}
	strbuf_fini(&sb);
}

bool cat_part_register_fn(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_partition_constraintdef", 1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, cc,
					  fn_get_partition_constraintdef, NULL, NULL,
					  NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "pg_get_partkeydef", 1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, cc, fn_get_partkeydef,
					  NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "pg_get_partition_constraintdef", 1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, cc,
					  fn_partition_constraintdef, NULL, NULL,
					  NULL) == SQLITE_OK;
}
