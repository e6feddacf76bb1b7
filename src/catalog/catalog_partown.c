/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_partown.c: a partition's own indexes, CHECKs and foreign keys (ATTACH PARTITION of
 * a table that has them, CREATE INDEX on a partition; docs/sql-compat.md "Partitioned
 * tables"). A partition is a view over its parent, so what it owns lives on the parent limited
 * to its rows: an index is a partial index of the parent whose predicate starts with the bound
 * (CAT_PARTINDEX_MARK names the partition); a CHECK or a foreign key is a set of hidden
 * triggers (CAT_PARTOWN_MARK) of the parent and the referenced table, its definition a record
 * in the partition's view payload, which the catalog shows as the partition's constraint and
 * DETACH PARTITION gives back to the table. */
#include "catalog_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define FIELD_MAX 64 /* ExecBuildSlotValueDescription's maxfieldlen */

static void put_hex(struct strbuf *sb, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++)
		strbuf_printf(sb, "%02x", (unsigned char)*p);
}

static int hexval(char h)
{
	return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
}

/* One record of an own text into f[0..*n) (at most max fields, each in a); NULL at the end,
 * else the text after the record. Records end with '\n', fields are hex separated by '\t'. */
static const char *next_record(struct arena *a, const char *p, const char **f, int max, int *n)
{
	*n = 0;
	if (!p || !*p)
		return NULL;
	while (*p && *p != '\n') {
		const char *e = p;
		while (*e && *e != '\t' && *e != '\n')
			e++;
		char *v = arena_alloc(a, (size_t)(e - p) / 2 + 1);
		size_t k = 0;
		for (const char *h = p; h + 1 < e && hexval(h[0]) >= 0 && hexval(h[1]) >= 0; h += 2)
			v[k++] = (char)(hexval(h[0]) << 4 | hexval(h[1]));
		v[k] = '\0';
		if (*n < max)
			f[(*n)++] = v;
		p = *e == '\t' ? e + 1 : e;
	}
	return *p == '\n' ? p + 1 : p;
}

/* Appends SQLite's printf of fmt (%w, %Q) to sb. */
static void putf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	strbuf_puts(sb, s ? s : "");
	sb->failed |= s == NULL;
	sqlite3_free(s);
}

static void record_field(struct strbuf *sb, const char *v, bool first)
{
	if (!first)
		strbuf_putc(sb, '\t');
	put_hex(sb, v);
}

/* The columns of t but skip (NULL: none), "NEW.c AS c" each (news) and ", NEW.c" each
 * (vals), in order. */
static bool columns(sqlite3 *db, const char *t, const char *skip, struct strbuf *news,
		    struct strbuf *vals)
{
	sqlite3_stmt *vm = NULL;
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1, &vm,
			       NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(vm, 1, t, -1, SQLITE_STATIC);
	while (sqlite3_step(vm) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(vm, 0);
		if (skip && col && sqlite3_stricmp(col, skip) == 0)
			continue; /* a column about to be dropped */
		char *s = sqlite3_mprintf("%sNEW.\"%w\" AS \"%w\"", news->len ? ", " : "", col, col);
		strbuf_puts(news, s ? s : "");
		news->failed |= s == NULL;
		sqlite3_free(s);
		s = sqlite3_mprintf(", NEW.\"%w\"", col);
		strbuf_puts(vals, s ? s : "");
		vals->failed |= s == NULL;
		sqlite3_free(s);
	}
	sqlite3_finalize(vm);
	return news->len && !news->failed && !vals->failed;
}

/* PostgreSQL's text of a key's column list in its DETAIL: "a, b" (quoted where needed), the
 * referencing columns' (side 0) or the referenced ones' (1). */
static void key_names(struct strbuf *sb, const char **f, int nf, int side)
{
	for (int k = 7; k + 1 < nf; k += 2) {
		const char *c = f[k + side];
		bool plain = c[0] && !(c[0] >= '0' && c[0] <= '9');
		for (const char *p = c; plain && *p; p++)
			plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
		strbuf_puts(sb, k > 7 ? ", " : "");
		if (plain)
			strbuf_puts(sb, c);
		else
			strbuf_put_quoted(sb, c, '"');
	}
}

/* The triggers of the constraints in own (partition child of parent, bound cond on the key,
 * key its columns as a subquery's row: NEW."a" AS "a", ...) into
 * sb: a CHECK's on the parent's writes of the partition's rows; a foreign key's on those and
 * on the referenced table's DELETE and UPDATE of the referenced columns. */
static bool own_triggers(sqlite3 *db, struct arena *a, const char *parent, const char *child,
			 const char *key, const char *cond, const char *own, const char *skip,
			 struct strbuf *sb)
{
	struct strbuf news, vals;
	strbuf_init(&news, 0);
	strbuf_init(&vals, 0);
	bool ok = columns(db, parent, skip, &news, &vals);
	const char *f[140];
	int nf = 0, seq = 0;
	for (const char *p = own; ok && (p = next_record(a, p, f, 140, &nf));) {
		seq++;
		if (nf >= 3 && f[0][0] == 'c') {
			for (int u = 0; u < 2; u++) {
				char *s = sqlite3_mprintf(
					"CREATE TRIGGER \"" CAT_PART_TRIGGER_PREFIX "o_%w_%d%c\" "
					CAT_PARTOWN_MARK "\"%w\" */ BEFORE %s ON \"%w\" WHEN EXISTS ("
					"SELECT 1 FROM (SELECT %s) WHERE (%s) AND NOT coalesce((%s), "
					"1)) BEGIN SELECT shardlite_partition_own_failed('c', %Q, %Q, "
					"NULL, NULL%s); END; ",
					child, seq, u ? 'u' : 'i', child, u ? "UPDATE" : "INSERT", parent,
					news.data, cond, f[2], child, f[1], vals.data);
				strbuf_puts(sb, s ? s : "");
				sb->failed |= s == NULL;
				sqlite3_free(s);
			}
			continue;
		}
		if (nf < 9 || f[0][0] != 'f')
			continue;
		struct strbuf notnull, match, refmatch, changed, keyvals, oldvals, cols, names, refnames;
		struct strbuf *all[] = {&notnull, &match,   &refmatch, &changed, &keyvals,
					&oldvals, &cols,    &names,    &refnames};
		for (size_t i = 0; i < ARRAY_LEN(all); i++)
			strbuf_init(all[i], 0);
		key_names(&names, f, nf, 0);
		key_names(&refnames, f, nf, 1);
		for (int k = 7; k + 1 < nf; k += 2) {
			const char *and = k > 7 ? " AND " : "", *from = f[k], *to = f[k + 1];
			putf(&notnull, " AND NEW.\"%w\" IS NOT NULL", from);
			putf(&match, "%s\"%w\".\"%w\" = NEW.\"%w\"", and, f[2], to, from);
			putf(&refmatch, "%s\"%w\".\"%w\" = OLD.\"%w\"", and, parent, from, to);
			putf(&changed, "%sOLD.\"%w\" IS NOT NEW.\"%w\"", k > 7 ? " OR " : "", to, to);
			putf(&keyvals, ", NEW.\"%w\"", from);
			putf(&oldvals, ", OLD.\"%w\"", to);
			putf(&cols, "%s\"%w\"", k > 7 ? ", " : "", to);
		}
		for (int u = 0; u < 2; u++) { /* the partition's rows: their key is present */
			char *s = sqlite3_mprintf(
				"CREATE TRIGGER \"" CAT_PART_TRIGGER_PREFIX "o_%w_%d%c\" " CAT_PARTOWN_MARK
				"\"%w\" */ BEFORE %s ON \"%w\" WHEN EXISTS (SELECT 1 FROM (SELECT %s) "
				"WHERE %s)%s AND NOT EXISTS (SELECT 1 FROM \"%w\" WHERE %s) BEGIN "
				"SELECT shardlite_partition_own_failed('f', %Q, %Q, %Q, %Q%s); END; ",
				child, seq, u ? 'u' : 'i', child, u ? "UPDATE" : "INSERT", parent, key,
				cond, notnull.data, f[2], match.data, child, f[1], f[2], names.data,
				keyvals.data);
			strbuf_puts(sb, s ? s : "");
			sb->failed |= s == NULL;
			sqlite3_free(s);
		}
		for (int u = 0; u < 2; u++) { /* the referenced rows: no partition row uses them */
			char *s = sqlite3_mprintf(
				"CREATE TRIGGER \"" CAT_PART_TRIGGER_PREFIX "o_%w_%d%c\" " CAT_PARTOWN_MARK
				"\"%w\" */ BEFORE %s%s ON \"%w\" WHEN %s%s%sEXISTS (SELECT 1 FROM \"%w\" "
				"WHERE (%s) AND %s) BEGIN SELECT shardlite_partition_own_failed('r', %Q, "
				"%Q, %Q, %Q%s); END; ",
				child, seq, u ? 'r' : 'd', child, u ? "UPDATE OF " : "DELETE",
				u ? cols.data : "", f[2], u ? "(" : "", u ? changed.data : "",
				u ? ") AND " : "", parent, cond, refmatch.data, child, f[1], f[2],
				refnames.data, oldvals.data);
			strbuf_puts(sb, s ? s : "");
			sb->failed |= s == NULL;
			sqlite3_free(s);
		}
		for (size_t i = 0; i < ARRAY_LEN(all); i++) {
			sb->failed |= all[i]->failed;
			strbuf_fini(all[i]);
		}
	}
	strbuf_fini(&news);
	strbuf_fini(&vals);
	return ok && !sb->failed;
}

/* The CREATE INDEX text sql of a table's index made again on parent for partition child's
 * rows: CAT_PARTINDEX_MARK after ON, the table parent, the predicate (cond) [AND (pred)]. NULL
 * when sql is not of that shape; sqlite3_malloc'd. */
char *cat_partown_index_sql(const char *sql, const char *parent, const char *child,
			    const char *cond)
{
	struct cat_index_parts ip;
	if (!cat_scan_index_parts(sql, &ip))
		return NULL;
	size_t n = strlen(ip.pred ? ip.pred : "");
	while (ip.pred && n && (ip.pred[n - 1] == ';' || ip.pred[n - 1] == ' '))
		n--;
	char *pred = ip.pred ? sqlite3_mprintf(" AND (%.*s)", (int)n, ip.pred) : NULL;
	char *r = sqlite3_mprintf("%.*s" CAT_PARTINDEX_MARK "\"%w\" %d */ \"%w\"%.*s WHERE (%s)%s",
				  (int)(ip.table - sql), sql, child, (int)strlen(cond), parent,
				  (int)(ip.keys_end - ip.table_end), ip.table_end, cond,
				  pred ? pred : "");
	sqlite3_free(pred);
	return r;
}

/* The partition a parent's index text names (in a) and the length of its bound's condition;
 * NULL when it is none of a partition's. */
static const char *index_partition(struct arena *a, const char *sql, int *condlen,
				   const char **mark_end)
{
	const char *m = sql ? strstr(sql, CAT_PARTINDEX_MARK) : NULL;
	if (!m)
		return NULL;
	const char *p = m + strlen(CAT_PARTINDEX_MARK);
	if (*p++ != '"')
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (; *p && !(*p == '"' && p[1] != '"'); p++) {
		strbuf_putc(&sb, *p);
		p += *p == '"';
	}
	const char *name = *p == '"' && !sb.failed ? arena_strndup(a, sb.data ? sb.data : "", sb.len)
						    : NULL;
	strbuf_fini(&sb);
	if (!name)
		return NULL;
	*condlen = atoi(p + 1);
	const char *e = strstr(p, " */ ");
	*mark_end = e ? e + 4 : p;
	return name;
}

const char *cat_partown_pred(struct arena *a, const char *sql, const char *pred,
			     const char **part_of)
{
	int condlen = 0;
	const char *end = NULL;
	const char *name = index_partition(a, sql, &condlen, &end);
	*part_of = name;
	if (!name || !pred || strlen(pred) < (size_t)condlen + 2)
		return pred;
	const char *rest = pred + condlen + 2; /* past "(cond)" */
	size_t n = strlen(rest);
	if (strncmp(rest, " AND (", 6) != 0 || n < 7 || rest[n - 1] != ')')
		return NULL; /* the bound alone: no predicate of the index's own */
	return arena_strndup(a, rest + 6, n - 7);
}

/* The index's text on the detached table again: without the mark and the bound. */
static char *index_back(struct arena *a, const char *sql, const char *child)
{
	int condlen = 0;
	const char *end = NULL, *mark = strstr(sql, CAT_PARTINDEX_MARK);
	struct cat_index_parts ip;
	if (!index_partition(a, sql, &condlen, &end) || !cat_scan_index_parts(sql, &ip) ||
	    !ip.where)
		return NULL;
	const char *own = NULL;
	const char *pred = cat_partown_pred(a, sql, ip.pred, &own);
	return sqlite3_mprintf("%.*s%.*s\"%w\"%.*s%s%s", (int)(mark - sql), sql,
			       (int)(ip.table - end), end, child, (int)(ip.keys_end - ip.table_end),
			       ip.table_end, pred ? " WHERE " : "", pred ? pred : "");
}

/* Runs sql (NULL: out of memory); false with ctx's error. */
static bool run(sqlite3_context *ctx, sqlite3 *db, const char *sql)
{
	int rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
	if (rc == SQLITE_OK)
		return true;
	sqlite3_result_error(ctx, sql ? sqlite3_errmsg(db) : "out of memory", -1);
	sqlite3_result_error_code(ctx, rc);
	return false;
}

static bool refuse(sqlite3_context *ctx, const char *what, const char *name)
{
	pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
		   "ATTACH PARTITION of a table with %s (\"%s\") is not supported", what, name);
	return false;
}

/* The child's CHECKs and foreign keys as own records (sb), refusing what has no trigger
 * form here. */
static bool own_records(sqlite3_context *ctx, const struct cat_model *m, const char *parent,
			const char *child, struct strbuf *sb)
{
	const struct cat_rel *t = cat_model_rel(m, child), *pt = cat_model_rel(m, parent);
	for (size_t i = 0; t && i < m->nchecks; i++) {
		const struct cat_check *ck = m->checks[i];
		if (ck->table != t)
			continue;
		record_field(sb, "c", true);
		record_field(sb, ck->name, false);
		record_field(sb, ck->expr, false);
		strbuf_putc(sb, '\n');
	}
	for (size_t i = 0; t && i < m->nfks; i++) {
		const struct cat_fkey *f = m->fks[i];
		if (f->table != t)
			continue;
		bool same = false; /* the parent's own key on the same columns covers every row */
		for (size_t j = 0; pt && j < m->nfks && !same; j++) {
			const struct cat_fkey *g = m->fks[j];
			same = g->table == pt && g->ncols == f->ncols &&
			       strcasecmp(g->reftable, f->reftable) == 0 && g->upd == f->upd &&
			       g->del == f->del && g->deferred == f->deferred;
			for (int k = 0; same && k < f->ncols; k++)
				same = g->from[k] == f->from[k] && g->to[k] == f->to[k];
		}
		if (same)
			continue;
		const struct cat_rel *rt = cat_model_rel(m, f->reftable);
		if ((f->upd != 'a' && f->upd != 'r') || (f->del != 'a' && f->del != 'r'))
			return refuse(ctx, "a foreign key of its own with ON UPDATE or ON DELETE "
					   "CASCADE, SET NULL or SET DEFAULT",
				      f->name);
		if ((f->match == 'f' && f->ncols > 1) || !rt || rt->temp || f->not_valid)
			return refuse(ctx, "this foreign key of its own", f->name);
		char act[2] = {f->upd, '\0'}, del[2] = {f->del, '\0'};
		record_field(sb, "f", true);
		record_field(sb, f->name, false);
		record_field(sb, rt->name, false);
		record_field(sb, act, false);
		record_field(sb, del, false);
		record_field(sb, f->deferrable ? "1" : "0", false);
		record_field(sb, f->deferred ? "1" : "0", false);
		for (int k = 0; k < f->ncols; k++) {
			int to = f->to[k];
			if (f->from[k] < 1 || f->from[k] > t->ncols || to < 1 || to > rt->ncols)
				return refuse(ctx, "this foreign key of its own", f->name);
			record_field(sb, t->cols[f->from[k] - 1].name, false);
			record_field(sb, rt->cols[to - 1].name, false);
		}
		strbuf_putc(sb, '\n');
	}
	return true;
}

bool cat_partown_attach(sqlite3_context *ctx, sqlite3 *db, const char *parent, const char *child,
			const char *key, const char *cond, bool dflt, struct strbuf *own,
			struct strbuf *after)
{
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return false;
	if (!own_records(ctx, m, parent, child, own))
		return false;
	sqlite3_stmt *vm = NULL;
	if (sqlite3_prepare_v2(db, "SELECT name, sql FROM main.sqlite_schema WHERE type = 'index' "
				   "AND tbl_name = ?1 COLLATE NOCASE AND sql IS NOT NULL ORDER BY rowid",
			       -1, &vm, NULL) != SQLITE_OK)
		return run(ctx, db, NULL);
	sqlite3_bind_text(vm, 1, child, -1, SQLITE_STATIC);
	bool ok = true;
	while (ok && sqlite3_step(vm) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(vm, 0);
		const char *sql = (const char *)sqlite3_column_text(vm, 1);
		if (strstr(sql, CATALOG_UNIQUE_MARK) || dflt) {
			ok = refuse(ctx, dflt ? "an index of its own as the DEFAULT partition"
					      : "a UNIQUE constraint of its own",
				    name);
			break;
		}
		char *s = cat_partown_index_sql(sql, parent, child, cond);
		strbuf_puts(after, s ? s : "");
		strbuf_puts(after, "; ");
		after->failed |= s == NULL;
		sqlite3_free(s);
	}
	sqlite3_finalize(vm);
	if (ok && dflt && own->len)
		ok = refuse(ctx, "a CHECK or foreign key of its own as the DEFAULT partition", child);
	struct arena *a = arena_new(0);
	ok = ok && own_triggers(db, a, parent, child, key, cond, own->data ? own->data : "", NULL,
				after);
	arena_free(a);
	return ok && !own->failed && !after->failed;
}

/* The DROP statements of partition child's indexes and triggers into sb; its indexes' texts
 * on the detached table into back (when not NULL). */
static bool own_objects(sqlite3 *db, const char *child, bool triggers, struct strbuf *sb,
			struct strbuf *back)
{
	char *im = sqlite3_mprintf("%s\"%w\" ", CAT_PARTINDEX_MARK, child);
	char *tm = sqlite3_mprintf("%s\"%w\" */", CAT_PARTOWN_MARK, child);
	sqlite3_stmt *vm = NULL;
	bool ok = im && tm &&
		  sqlite3_prepare_v2(db, "SELECT type, name, sql FROM main.sqlite_schema WHERE type "
					 "IN ('index', 'trigger') AND (instr(sql, ?1) OR "
					 "instr(sql, ?2)) ORDER BY rowid",
				     -1, &vm, NULL) == SQLITE_OK;
	struct arena *a = arena_new(0);
	if (ok) {
		sqlite3_bind_text(vm, 1, im, -1, SQLITE_STATIC);
		sqlite3_bind_text(vm, 2, tm, -1, SQLITE_STATIC);
	}
	while (ok && sqlite3_step(vm) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(vm, 0);
		const char *name = (const char *)sqlite3_column_text(vm, 1);
		const char *sql = (const char *)sqlite3_column_text(vm, 2);
		if (triggers && type[0] == 'i')
			continue;
		putf(sb, "DROP %s \"%w\"; ", type[0] == 'i' ? "INDEX" : "TRIGGER", name);
		char *s = back && type[0] == 'i' ? index_back(a, sql, child) : NULL;
		if (s)
			putf(back, "%s; ", s);
		sqlite3_free(s);
	}
	sqlite3_finalize(vm);
	arena_free(a);
	sqlite3_free(im);
	sqlite3_free(tm);
	return ok && !sb->failed && (!back || !back->failed);
}

bool cat_partown_drop(sqlite3_context *ctx, sqlite3 *db, const char *child)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool ok = own_objects(db, child, false, &sb, NULL);
	ok = ok ? !sb.len || run(ctx, db, sb.data) : run(ctx, db, NULL);
	strbuf_fini(&sb);
	return ok;
}

bool cat_partown_detach(sqlite3_context *ctx, sqlite3 *db, const char *child, const char *own,
			struct strbuf *drop, struct strbuf *cons, struct strbuf *back)
{
	if (!own_objects(db, child, false, drop, back))
		return run(ctx, db, NULL);
	static const char *const acts[] = {"NO ACTION", "RESTRICT"};
	struct arena *a = arena_new(0);
	const char *f[140];
	int nf = 0;
	for (const char *p = own; (p = next_record(a, p, f, 140, &nf));) {
		if (nf >= 3 && f[0][0] == 'c') {
			putf(cons, ", CONSTRAINT \"%w\" CHECK (%s)", f[1], f[2]);
			continue;
		}
		if (nf < 9 || f[0][0] != 'f')
			continue;
		putf(cons, ", CONSTRAINT \"%w\" FOREIGN KEY (", f[1]);
		for (int k = 7; k + 1 < nf; k += 2)
			putf(cons, "%s\"%w\"", k > 7 ? ", " : "", f[k]);
		putf(cons, ") REFERENCES \"%w\" (", f[2]);
		for (int k = 7; k + 1 < nf; k += 2)
			putf(cons, "%s\"%w\"", k > 7 ? ", " : "", f[k + 1]);
		putf(cons, ") ON DELETE %s ON UPDATE %s%s", acts[f[4][0] == 'r'], acts[f[3][0] == 'r'],
		     f[6][0] == '1'   ? " DEFERRABLE INITIALLY DEFERRED"
		     : f[5][0] == '1' ? " DEFERRABLE"
				      : "");
	}
	arena_free(a);
	return !cons->failed || run(ctx, db, NULL);
}

bool cat_partown_filter(sqlite3_context *ctx, sqlite3 *db, const char *parent,
			const char *child, const char *key, const char *cond, const char *own,
			const char *skip, const char *ref, struct strbuf *kept)
{
	struct arena *a = arena_new(0);
	const char *f[140];
	int nf = 0;
	for (const char *p = own; (p = next_record(a, p, f, 140, &nf));) {
		bool uses = skip && nf >= 3 && f[0][0] == 'c' && cat_scan_mentions(f[2], skip);
		for (int k = 7; skip && f[0][0] == 'f' && k + 1 < nf; k += 2)
			uses |= sqlite3_stricmp(f[k], skip) == 0;
		if (ref && nf >= 9 && f[0][0] == 'f' && sqlite3_stricmp(f[2], ref) == 0) {
			char *what = sqlite3_mprintf("constraint %s on table %s", f[1], child);
			catalog_cascaded_note(sqlite3_user_data(ctx), what); /* the NOTICE */
			sqlite3_free(what);
			continue;
		}
		if (uses) /* PostgreSQL drops a constraint with a column it uses */
			continue;
		for (int i = 0; i < nf; i++)
			record_field(kept, f[i], i == 0);
		strbuf_putc(kept, '\n');
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool ok = own_objects(db, child, true, &sb, NULL) &&
		  own_triggers(db, a, parent, child, key, cond, kept->data ? kept->data : "", skip,
			       &sb) &&
		  !kept->failed;
	ok = ok ? !sb.len || run(ctx, db, sb.data) : run(ctx, db, NULL);
	strbuf_fini(&sb);
	arena_free(a);
	return ok;
}

/* shardlite_partition_own_failed(kind, partition, constraint, referenced table, key columns,
 * value...): a partition's own CHECK ('c': the row's values), foreign key ('f': the key's
 * values) or a referenced row it still uses ('r') refused a write, as PostgreSQL words it. */
static void fn_own_failed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *kind = (const char *)sqlite3_value_text(argv[0]);
	const char *rel = (const char *)sqlite3_value_text(argv[1]);
	const char *con = (const char *)sqlite3_value_text(argv[2]);
	const char *ref = (const char *)sqlite3_value_text(argv[3]);
	const char *cols = (const char *)sqlite3_value_text(argv[4]);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool check = kind && kind[0] == 'c';
	strbuf_puts(&sb, check ? "Failing row contains (" : "Key (");
	if (!check)
		strbuf_printf(&sb, "%s)=(", cols ? cols : "");
	for (int i = 5; i < argc; i++) {
		const char *v = (const char *)sqlite3_value_text(argv[i]);
		size_t n = v ? (size_t)sqlite3_value_bytes(argv[i]) : 0, cut = n;
		strbuf_puts(&sb, i > 5 ? ", " : "");
		if (!v) {
			strbuf_puts(&sb, "null");
			continue;
		}
		if (check && n > FIELD_MAX)
			for (cut = FIELD_MAX; cut > 0 && ((unsigned char)v[cut] & 0xC0) == 0x80;)
				cut--;
		strbuf_append(&sb, v, cut);
		strbuf_puts(&sb, cut < n ? "..." : "");
	}
	if (check)
		strbuf_puts(&sb, ").");
	else
		strbuf_printf(&sb, ") is %s table \"%s\".",
			      kind && kind[0] == 'r' ? "still referenced from" : "not present in",
			      kind && kind[0] == 'r' ? (rel ? rel : "") : (ref ? ref : ""));
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else if (check)
		pgfn_error_detail(ctx, "23514", sb.data,
				  "new row for relation \"%s\" violates check constraint \"%s\"",
				  rel ? rel : "", con ? con : "");
	else if (kind && kind[0] == 'r')
		pgfn_error_detail(ctx, "23503", sb.data,
				  "update or delete on table \"%s\" violates foreign key constraint "
				  "\"%s\" on table \"%s\"",
				  ref ? ref : "", con ? con : "", rel ? rel : "");
	else
		pgfn_error_detail(ctx, "23503", sb.data,
				  "insert or update on table \"%s\" violates foreign key constraint "
				  "\"%s\"",
				  rel ? rel : "", con ? con : "");
	strbuf_fini(&sb);
}

bool cat_partown_register(sqlite3 *db)
{
	/* called by the hidden triggers, which are schema */
	return sqlite3_create_function_v2(db, "shardlite_partition_own_failed", -1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, fn_own_failed, NULL,
					  NULL, NULL) == SQLITE_OK;
}

/* ---- the catalog's side ---- */

void cat_partown_load(struct cat_model *m, struct cat_rel *r, const char *own)
{
	const char *f[140];
	int nf = 0;
	for (const char *p = own; (p = next_record(m->a, p, f, 140, &nf));) {
		if (nf >= 3 && f[0][0] == 'c') {
			struct cat_check *ck = arena_zalloc(m->a, sizeof(*ck));
			ck->table = r;
			ck->name = f[1];
			ck->expr = f[2];
			ck->pg = cat_pg_text(m->a, ck->expr, &ck->pretty);
			ck->oid = cat_oid("con", r->name, ck->name);
			cat_model_add(m, ck, NULL);
			continue;
		}
		if (nf < 9 || f[0][0] != 'f')
			continue;
		struct cat_fkey *fk = arena_zalloc(m->a, sizeof(*fk));
		const struct cat_rel *rt = cat_model_rel(m, f[2]);
		fk->table = r;
		fk->name = f[1];
		fk->oid = cat_oid("con", r->name, fk->name);
		fk->reftable = f[2];
		fk->upd = f[3][0];
		fk->del = f[4][0];
		fk->match = 's';
		fk->deferrable = f[5][0] == '1';
		fk->deferred = f[6][0] == '1';
		int n = (nf - 7) / 2;
		fk->from = arena_zalloc(m->a, (size_t)(n + 1) * sizeof(*fk->from));
		fk->to = arena_zalloc(m->a, (size_t)(n + 1) * sizeof(*fk->to));
		fk->to_names = arena_zalloc(m->a, (size_t)(n + 1) * sizeof(*fk->to_names));
		for (int k = 0; k < n; k++) {
			for (int c = 0; c < r->ncols; c++)
				if (strcmp(r->cols[c].name, f[7 + 2 * k]) == 0)
					fk->from[k] = (int16_t)(c + 1);
			for (int c = 0; rt && c < rt->ncols; c++)
				if (strcmp(rt->cols[c].name, f[8 + 2 * k]) == 0)
					fk->to[k] = (int16_t)(c + 1);
			fk->to_names[k] = f[8 + 2 * k];
		}
		fk->ncols = n;
		cat_model_add(m, NULL, fk);
	}
}

void cat_partown_rehome(struct cat_model *m)
{
	for (size_t i = 0; i < m->nidx; i++) {
		struct cat_index *ix = m->idx[i];
		struct cat_rel *p = ix->part_of ? cat_model_rel(m, ix->part_of) : NULL;
		if (p && p->part_parent)
			ix->table = p;
	}
}
