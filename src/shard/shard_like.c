/* SPDX-License-Identifier: Apache-2.0 */
/* shard_like.c: CREATE [TEMP] TABLE t (LIKE src [INCLUDING ... | EXCLUDING ...]), made when it
 * runs from src's definition as SQLite holds it (its columns' declared types, NOT NULL and
 * defaults, its CHECK constraints from the catalog, its keys and indexes) and the sidecars'
 * rows about it (a serial key's type, identity kinds, column comments), as PostgreSQL's
 * transformTableLikeClause copies them: NOT NULL always, the rest by the INCLUDING options. */
#include "shard_int.h"

#include "catalog.h"
#include "xlat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* PostgreSQL's CREATE_TABLE_LIKE_* bits (TableLikeClause.options). */
enum { LIKE_COMMENTS = 1 << 0, LIKE_CONSTRAINTS = 1 << 2, LIKE_DEFAULTS = 1 << 3,
       LIKE_GENERATED = 1 << 4, LIKE_IDENTITY = 1 << 5, LIKE_INDEXES = 1 << 6 };

struct like {
	struct shard_conn *c;
	const struct xlat_rebuild *r;
	const char *ss, *ts; /* the source's and the new table's schema: "main" or "temp" */
	char *src_sql;       /* the source's CREATE TABLE text */
	struct strbuf def;   /* the new CREATE TABLE */
	struct strbuf after; /* its indexes and sidecar rows, run after it */
	bool rowid_key;      /* the source's serial or identity key is copied as such */
	bool sidecar;        /* after writes sidecar rows: r->script creates the tables */
};

/* sql prepared with ?1 = a1, ?2 = a2 (text, NULL when not given); NULL with *rc. */
static sqlite3_stmt *query(sqlite3 *db, const char *sql, const char *a1, const char *a2, int *rc)
{
	sqlite3_stmt *vm = NULL;
	*rc = sqlite3_prepare_v2(db, sql, -1, &vm, NULL);
	if (*rc != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(vm, 1, a1, -1, SQLITE_STATIC);
	sqlite3_bind_text(vm, 2, a2, -1, SQLITE_STATIC);
	return vm;
}

/* The source's OID, in the temp schema's numbering for a temporary one. */
static uint32_t source_oid(const struct like *l)
{
	return strcmp(l->ss, "temp") == 0 ? catalog_temp_rel_oid(l->r->ref_table)
					  : catalog_rel_oid(l->r->ref_table);
}

/* The first column of the first row of sql (?1 = a1, ?2 = a2), malloc'd; NULL: no row. */
static char *one_text(sqlite3 *db, const char *sql, const char *a1, const char *a2)
{
	int rc;
	char *r = NULL;
	sqlite3_stmt *vm = query(db, sql, a1, a2, &rc);
	if (!vm)
		return NULL;
	if (sqlite3_step(vm) == SQLITE_ROW)
		r = base_xstrdup(sqlite3_column_text(vm, 0) ? (const char *)sqlite3_column_text(vm, 0)
							     : "");
	sqlite3_finalize(vm);
	return r;
}

/* The sidecar's row of a column of the source: its PostgreSQL type (*type) and identity
 * kind; false when it has none (or there is no sidecar). */
static bool column_meta(struct like *l, const char *col, char **type, char *identity)
{
	char sql[160];
	snprintf(sql, sizeof(sql),
		 "SELECT type || ' ' || identity FROM %s._shardlite_columns WHERE table_name = ?1 "
		 "AND column_name = ?2",
		 l->ss);
	char *v = one_text(shard_conn_db(l->c), sql, l->r->ref_table, col);
	if (!v)
		return false;
	char *sp = strrchr(v, ' ');
	*identity = sp && (sp[1] == 'a' || sp[1] == 'd') ? sp[1] : 0;
	if (sp)
		*sp = '\0';
	*type = v;
	return true;
}

/* A serial or identity key that is SQLite's rowid alias (an AUTOINCREMENT table's INTEGER
 * PRIMARY KEY). */
static bool is_rowid_key(const struct like *l, const char *decl, int pk, int npk)
{
	return pk == 1 && npk == 1 && decl && strcasecmp(decl, "integer") == 0 && l->src_sql &&
	       catalog_sql_autoincrement(l->src_sql);
}

/* The rowid key. An identity key copied with IDENTITY (and the key with INDEXES) numbers
 * itself from 1 again, as PostgreSQL's new identity sequence does: kept as the key SQLite
 * numbers, with its sidecar row. A serial's default with DEFAULTS is the source's sequence,
 * which PostgreSQL's copied nextval() default shares: an int column whose default advances
 * the source's numbering. Else a plain NOT NULL column (the key a table constraint). */
static bool rowid_column(struct like *l, const char *name, struct pgerr *err)
{
	char *type = NULL, identity = 0;
	bool meta = column_meta(l, name, &type, &identity);
	unsigned o = l->r->like_options;
	if (identity && (o & LIKE_IDENTITY) && !(o & LIKE_INDEXES)) {
		free(type);
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "LIKE ... INCLUDING IDENTITY without INCLUDING INDEXES of an "
				 "identity key is not supported");
	}
	if (identity && (o & LIKE_IDENTITY)) {
		l->rowid_key = l->sidecar = true;
		strbuf_puts(&l->def, " integer PRIMARY KEY AUTOINCREMENT NOT NULL");
		strbuf_printf(&l->after, "INSERT OR REPLACE INTO %s._shardlite_columns VALUES (",
			      l->ts);
		strbuf_put_quoted(&l->after, l->r->table, '\'');
		strbuf_puts(&l->after, ", ");
		strbuf_put_quoted(&l->after, name, '\'');
		strbuf_puts(&l->after, ", ");
		strbuf_put_quoted(&l->after, type, '\'');
		strbuf_printf(&l->after, ", '%c');\n", identity);
	} else {
		strbuf_printf(&l->def, " %s NOT NULL", meta ? type : "int8");
		if (!identity && (o & LIKE_DEFAULTS)) {
			strbuf_puts(&l->def, " DEFAULT (nextval(");
			char *seq = sqlite3_mprintf("%s_%s_seq", l->r->ref_table, name);
			strbuf_put_quoted(&l->def, seq ? seq : "", '\'');
			sqlite3_free(seq);
			strbuf_puts(&l->def, "))");
		}
	}
	free(type);
	return true;
}

/* A view's column that reads a serial key declares SQLite's INTEGER: its PostgreSQL type is
 * the catalog's (int4 for a serial). */
static const char *integer_type(struct like *l, const char *col)
{
	int rc;
	const char *r = "int8";
	sqlite3_stmt *vm = query(shard_conn_db(l->c),
				 "SELECT atttypid FROM pg_attribute WHERE attrelid = ?1 AND attname = "
				 "?2",
				 NULL, col, &rc);
	if (!vm)
		return r;
	sqlite3_bind_int64(vm, 1, source_oid(l));
	if (sqlite3_step(vm) == SQLITE_ROW) {
		int oid = sqlite3_column_int(vm, 0);
		r = oid == 21 ? "int2" : oid == 23 ? "int4" : "int8";
	}
	sqlite3_finalize(vm);
	return r;
}

/* The translator's strings for column col of domain (xlat_rebuild.like_domains), NULL when it
 * knew of none. */
static const char *const *like_domain(const struct like *l, const char *col, const char *domain)
{
	for (const char *const *d = l->r->like_domains; d && d[0]; d += 4) {
		if (strcasecmp(d[0], col) == 0 && strcmp(d[1], domain) == 0)
			return d;
	}
	return NULL;
}

/* A column of a domain: the domain's clauses (with its DEFAULT unless the column has its
 * own) and the sidecar row naming the domain, as a column of the domain declared so has. */
static void domain_column(struct like *l, const char *col, const char *const *dom, bool own)
{
	strbuf_puts(&l->def, own ? dom[3] : dom[2]);
	l->sidecar = true;
	strbuf_printf(&l->after, "INSERT OR REPLACE INTO %s._shardlite_columns VALUES (", l->ts);
	strbuf_put_quoted(&l->after, l->r->table, '\'');
	strbuf_puts(&l->after, ", ");
	strbuf_put_quoted(&l->after, col, '\'');
	strbuf_puts(&l->after, ", ");
	strbuf_put_quoted(&l->after, dom[1], '\'');
	strbuf_puts(&l->after, ", '');\n");
}

/* One column: name, declared type, NOT NULL always; its default with DEFAULTS (a serial's
 * nextval of the source's sequence, as PostgreSQL copies it); an identity column's numbering
 * only with IDENTITY, which needs a sequence of its own (0A000). */
static bool column(struct like *l, sqlite3_stmt *vm, int npk, struct pgerr *err)
{
	const char *name = (const char *)sqlite3_column_text(vm, 0);
	const char *decl = (const char *)sqlite3_column_text(vm, 1);
	const char *dflt = (const char *)sqlite3_column_text(vm, 3);
	int pk = sqlite3_column_int(vm, 4), hidden = sqlite3_column_int(vm, 5);
	if (hidden == 1)
		return true;
	/* INCLUDING GENERATED: the source's expression (and its PostgreSQL text) as it is */
	char *gen = hidden > 1 && (l->r->like_options & LIKE_GENERATED)
			    ? catalog_generated_clause(l->src_sql, name)
			    : NULL;
	if (hidden > 1 && (l->r->like_options & LIKE_GENERATED) && !gen)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "LIKE ... INCLUDING GENERATED of this generated column is not "
				 "supported");
	if (gen) {
		strbuf_puts(&l->def, l->def.data[l->def.len - 1] == '(' ? "" : ", ");
		strbuf_put_quoted(&l->def, name, '"');
		strbuf_printf(&l->def, " %s%s GENERATED ALWAYS AS (%s) STORED",
			      decl && *decl ? decl : "text",
			      sqlite3_column_int(vm, 2) ? " NOT NULL" : "", gen);
		free(gen);
		return true;
	}
	strbuf_puts(&l->def, l->def.data[l->def.len - 1] == '(' ? "" : ", ");
	strbuf_put_quoted(&l->def, name, '"');
	if (is_rowid_key(l, decl, pk, npk))
		return rowid_column(l, name, err);
	char *type = NULL, identity = 0;
	bool meta = column_meta(l, name, &type, &identity);
	/* a domain's column carries the domain's CHECKs, which the catalog does not list: the
	 * translator wrote them for each column of a domain it knew */
	char *domain = meta && type && !identity
			       ? one_text(shard_conn_db(l->c),
					  "SELECT typname FROM pg_type WHERE typname = ?1 AND "
					  "typtype = 'd'",
					  type, NULL)
			       : NULL;
	free(type);
	const char *const *dom = domain ? like_domain(l, name, domain) : NULL;
	bool unknown = domain && !dom;
	free(domain);
	if (unknown)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "LIKE of a table with a column of a domain type is not supported");
	if (meta && identity && (l->r->like_options & LIKE_IDENTITY))
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "LIKE ... INCLUDING IDENTITY of an identity column that is not the "
				 "table's key is not supported");
	if (decl && strchr(decl, '.')) { /* a local schema's type, "s.mood" (SQLite dequoted it) */
		strbuf_putc(&l->def, ' ');
		strbuf_put_quoted(&l->def, decl, '"');
	} else {
		strbuf_printf(&l->def, " %s",
			      !decl || !*decl		     ? "text"
			      : strcasecmp(decl, "integer") == 0 ? integer_type(l, name)
								 : decl);
	}
	if (catalog_sql_collate_c(l->src_sql, name)) /* COLLATE "C": copied, as PostgreSQL */
		strbuf_puts(&l->def, " COLLATE BINARY");
	if (sqlite3_column_int(vm, 2) || (pk && !hidden))
		strbuf_puts(&l->def, " NOT NULL");
	/* a domain's DEFAULT is the type's: the column has it unless it has one of its own */
	bool own = dflt && !identity && (l->r->like_options & LIKE_DEFAULTS) &&
		   !(dom && strstr(dflt, CATALOG_DOMAIN_DEFAULT_MARK));
	if (own)
		strbuf_printf(&l->def, " DEFAULT (%s)", dflt);
	if (dom)
		domain_column(l, name, dom, own);
	return true;
}

static bool columns(struct like *l, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(l->c);
	char *npk_s = one_text(db, "SELECT count(*) FROM pragma_table_xinfo(?1, ?2) WHERE pk > 0",
			       l->r->ref_table, l->ss);
	int npk = npk_s ? atoi(npk_s) : 0, rc;
	free(npk_s);
	sqlite3_stmt *vm = query(db,
				 "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM "
				 "pragma_table_xinfo(?1, ?2) ORDER BY cid",
				 l->r->ref_table, l->ss, &rc);
	if (!vm)
		return shard_error(db, rc, err);
	bool ok = true;
	while (ok && (rc = sqlite3_step(vm)) == SQLITE_ROW)
		ok = column(l, vm, npk, err);
	sqlite3_finalize(vm);
	return ok && (rc == SQLITE_DONE || shard_error(db, rc, err));
}

/* CONSTRAINTS: the CHECK constraints, under their own names, as PostgreSQL keeps them. */
static bool checks(struct like *l, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(l->c);
	int rc;
	sqlite3_stmt *vm = query(db,
				 "SELECT conname, conbin FROM pg_constraint WHERE conrelid = ?1 AND "
				 "contype = 'c' ORDER BY oid",
				 NULL, NULL, &rc);
	if (!vm)
		return shard_error(db, rc, err);
	sqlite3_bind_int64(vm, 1, source_oid(l));
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		strbuf_puts(&l->def, ", CONSTRAINT ");
		strbuf_put_quoted(&l->def, (const char *)sqlite3_column_text(vm, 0), '"');
		strbuf_printf(&l->def, " CHECK (%s)", (const char *)sqlite3_column_text(vm, 1));
	}
	sqlite3_finalize(vm);
	return rc == SQLITE_DONE || shard_error(db, rc, err);
}

/* An index's key columns, "a, b" (quoted) and "a_b" (its name part; an expression is named
 * as the catalog's pg_attribute names the index's column: its function, "lower", else
 * "expr"). */
static void index_columns(sqlite3 *db, const char *schema, const char *index, struct strbuf *cols,
			  struct strbuf *label)
{
	int rc;
	sqlite3_stmt *vm = query(db, "SELECT name FROM pragma_index_info(?1, ?2) ORDER BY seqno",
				 index, schema, &rc);
	sqlite3_stmt *att = query(db, "SELECT attname FROM pg_attribute WHERE attrelid = ?1 AND "
				      "attnum = ?2",
				  NULL, NULL, &rc);
	if (!vm) {
		sqlite3_finalize(att);
		return;
	}
	uint32_t oid = strcmp(schema, "temp") == 0 ? catalog_temp_rel_oid(index)
						   : catalog_rel_oid(index);
	for (int i = 0; sqlite3_step(vm) == SQLITE_ROW; i++) {
		const char *n = (const char *)sqlite3_column_text(vm, 0);
		strbuf_puts(cols, i ? ", " : "");
		strbuf_put_quoted(cols, n ? n : "", '"');
		const char *e = NULL;
		if (!n && att) {
			sqlite3_bind_int64(att, 1, oid);
			sqlite3_bind_int(att, 2, i + 1);
			e = sqlite3_step(att) == SQLITE_ROW ? (const char *)sqlite3_column_text(att, 0)
							    : NULL;
		}
		strbuf_printf(label, "%s%s", i ? "_" : "", n ? n : e ? e : "expr");
		if (att)
			sqlite3_reset(att);
	}
	sqlite3_finalize(vm);
	sqlite3_finalize(att);
}

/* A free name for the new table's index, PostgreSQL's table_columns_idx[N]. */
static void index_name(struct like *l, const char *label, struct strbuf *out)
{
	char base[200];
	snprintf(base, sizeof(base), "%s_%s_idx", l->r->table, label);
	for (int n = 0;; n++) {
		char name[220];
		snprintf(name, sizeof(name), n ? "%s%d" : "%s", base, n);
		char *taken = one_text(shard_conn_db(l->c),
				       "SELECT 1 FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE "
				       "UNION ALL SELECT 1 FROM temp.sqlite_schema WHERE name = ?1 "
				       "COLLATE NOCASE",
				       name, NULL);
		free(taken);
		if (!taken) {
			strbuf_put_quoted(out, name, '"');
			return;
		}
	}
}

/* An EXCLUDE constraint of the source made again for the new table, under PostgreSQL's
 * default name: shardlite_exclude with the index's method, columns, operators and WHERE (as
 * xlat_exclude.c writes them). */
static void exclusion_again(struct like *l, const char *index, const char *sql,
			    const char *excl, const char *key)
{
	sqlite3 *db = shard_conn_db(l->c);
	const char *am = strstr(sql, CATALOG_INDEX_AM_MARK);
	size_t amlen = am ? strcspn(am + strlen(CATALOG_INDEX_AM_MARK), " *") : 0;
	const char *ops = excl + strlen(XLAT_EXCLUDE_MARK);
	const char *ops_end = strstr(ops, " */");
	const char *where = strstr(key, ") WHERE ");
	struct strbuf cols, names, opl;
	strbuf_init(&cols, 0);
	strbuf_init(&names, 0);
	strbuf_init(&opl, 0);
	int rc;
	sqlite3_stmt *vm = query(db, "SELECT name FROM pragma_index_info(?1, ?2) ORDER BY seqno",
				 index, l->ss, &rc);
	for (int i = 0; vm && sqlite3_step(vm) == SQLITE_ROW; i++) {
		const char *n = (const char *)sqlite3_column_text(vm, 0);
		strbuf_printf(&cols, "%s%s", i ? "\x1f" : "", n ? n : "");
		if (names.len < 64)
			strbuf_printf(&names, "%s%.63s", i ? "_" : "", n ? n : "");
	}
	sqlite3_finalize(vm);
	for (const char *p = ops; ops_end && p < ops_end; p++)
		strbuf_putc(&opl, *p == ' ' ? '\x1f' : *p);
	char *call = sqlite3_mprintf("SELECT shardlite_exclude(%Q, NULL, '%.*q', %Q, %Q, %Q, %Q);\n",
				     l->r->table, (int)amlen,
				     am ? am + strlen(CATALOG_INDEX_AM_MARK) : "gist",
				     cols.data ? cols.data : "", opl.data ? opl.data : "",
				     where ? where + 8 : NULL, names.data ? names.data : "");
	strbuf_puts(&l->after, call ? call : "");
	l->after.failed |= call == NULL;
	sqlite3_free(call);
	strbuf_fini(&cols);
	strbuf_fini(&names);
	strbuf_fini(&opl);
}

/* A CREATE INDEX of the source made for the new table: its text after the table's name (the
 * key and any WHERE) and its access method's mark kept. */
static void index_again(struct like *l, const char *index, const char *sql, const char *label)
{
	const char *on = strcasestr(sql, " ON ");
	const char *key = on ? strchr(on, '(') : NULL;
	if (!key)
		return;
	const char *excl = strstr(sql, XLAT_EXCLUDE_MARK);
	if (excl && excl < on) {
		exclusion_again(l, index, sql, excl, key);
		return;
	}
	strbuf_puts(&l->after, strncasecmp(sql, "CREATE UNIQUE", 13) == 0 ? "CREATE UNIQUE INDEX "
									   : "CREATE INDEX ");
	index_name(l, label, &l->after);
	/* the access method and operator classes it was made with (catalog.h) */
	const char *mark = strstr(sql, CATALOG_INDEX_AM_MARK);
	const char *end = mark && mark < on ? strstr(mark, "*/") : NULL;
	if (end && end < on)
		strbuf_printf(&l->after, " %.*s", (int)(end + 2 - mark), mark);
	strbuf_puts(&l->after, " ON ");
	strbuf_put_quoted(&l->after, l->r->table, '"');
	strbuf_printf(&l->after, " %s;\n", key);
}

/* INDEXES: the primary key and unique constraints as table constraints (PostgreSQL's default
 * names follow: t_pkey, t_a_key), other indexes made again as t_columns_idx. */
static bool indexes(struct like *l, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(l->c);
	char sql[200];
	int rc;
	snprintf(sql, sizeof(sql),
		 "SELECT l.name, l.origin, s.sql FROM pragma_index_list(?1, ?2) l LEFT JOIN "
		 "%s.sqlite_schema s ON s.type = 'index' AND s.name = l.name ORDER BY l.seq DESC",
		 l->ss);
	sqlite3_stmt *vm = query(db, sql, l->r->ref_table, l->ss, &rc);
	if (!vm)
		return shard_error(db, rc, err);
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(vm, 0);
		const char *origin = (const char *)sqlite3_column_text(vm, 1);
		const char *text = (const char *)sqlite3_column_text(vm, 2);
		struct strbuf cols, label;
		strbuf_init(&cols, 0);
		strbuf_init(&label, 0);
		index_columns(db, l->ss, name, &cols, &label);
		if (origin && strcmp(origin, "c") != 0)
			strbuf_printf(&l->def, ", %s (%s)",
				      strcmp(origin, "pk") == 0 ? "PRIMARY KEY" : "UNIQUE",
				      cols.data ? cols.data : "");
		else if (text)
			index_again(l, name, text, label.data ? label.data : "expr");
		strbuf_fini(&cols);
		strbuf_fini(&label);
	}
	sqlite3_finalize(vm);
	if (rc != SQLITE_DONE)
		return shard_error(db, rc, err);
	/* a rowid key (a serial's, or a plain key stored as the rowid: shard_rowid.c) has no
	 * index of its own: a plain copy of it is the key by constraint */
	char *key = l->rowid_key ? NULL
				 : one_text(db,
					    "SELECT name FROM pragma_table_info(?1, ?2) WHERE pk = 1 "
					    "AND lower(type) = 'integer' AND (SELECT count(*) FROM "
					    "pragma_table_info(?1, ?2) WHERE pk > 0) = 1",
					    l->r->ref_table, l->ss);
	if (key && l->src_sql) {
		strbuf_puts(&l->def, ", PRIMARY KEY (");
		strbuf_put_quoted(&l->def, key, '"');
		strbuf_puts(&l->def, ")");
	}
	free(key);
	return true;
}

/* COMMENTS: the source's column comments, for the same columns of the new table. */
static void comments(struct like *l)
{
	char *there = one_text(shard_conn_db(l->c),
			       strcmp(l->ss, "temp") == 0
				       ? "SELECT 1 FROM temp.sqlite_schema WHERE name = "
					 "'_shardlite_comments'"
				       : "SELECT 1 FROM main.sqlite_schema WHERE name = "
					 "'_shardlite_comments'",
			       NULL, NULL);
	free(there);
	if (!there)
		return;
	l->sidecar = true;
	strbuf_printf(&l->after,
		      "INSERT OR REPLACE INTO %s._shardlite_comments SELECT 'column', ", l->ts);
	strbuf_put_quoted(&l->after, l->r->table, '\'');
	strbuf_printf(&l->after,
		      ", column_name, description FROM %s._shardlite_comments WHERE kind = "
		      "'column' AND name = ",
		      l->ss);
	strbuf_put_quoted(&l->after, l->r->ref_table, '\'');
	strbuf_puts(&l->after, ";\n");
}

/* Whether the source is there (in the temp schema first): 42P01 otherwise. */
static bool source(struct like *l, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(l->c);
	l->ss = shard_table_is_temp(db, l->r->ref_table) ? "temp" : "main";
	char sql[120];
	snprintf(sql, sizeof(sql),
		 "SELECT coalesce(sql, '') FROM %s.sqlite_schema WHERE type IN ('table', 'view') "
		 "AND name = ?1 COLLATE NOCASE",
		 l->ss);
	l->src_sql = one_text(db, sql, l->r->ref_table, NULL);
	if (!l->src_sql || strncmp(l->r->ref_table, "_shardlite_", 11) == 0 ||
	    strncmp(l->r->ref_table, "sqlite_", 7) == 0)
		return pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				 l->r->ref_table);
	return true;
}

/* Whether the new table's name is taken (IF NOT EXISTS: then nothing is done). */
static int present(struct like *l, struct pgerr *err)
{
	char *v = one_text(shard_conn_db(l->c),
			   l->r->temp ? "SELECT 1 FROM temp.sqlite_schema WHERE name = ?1 COLLATE "
					"NOCASE"
				      : "SELECT 1 FROM main.sqlite_schema WHERE name = ?1 COLLATE "
					"NOCASE",
			   l->r->table, NULL);
	free(v);
	if (!v)
		return 0;
	if (l->r->missing_ok)
		return 1;
	pgerr_set(err, SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists", l->r->table);
	return -1;
}

bool shard_create_like(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	struct like l = {.c = c, .r = r, .ts = r->temp ? "temp" : "main"};
	if (!source(&l, err)) {
		free(l.src_sql);
		return false;
	}
	int taken = present(&l, err);
	if (taken) {
		free(l.src_sql);
		return taken > 0;
	}
	strbuf_init(&l.def, 0);
	strbuf_init(&l.after, 0);
	strbuf_puts(&l.def, r->temp ? "CREATE TEMP TABLE " : "CREATE TABLE ");
	strbuf_put_quoted(&l.def, r->table, '"');
	strbuf_puts(&l.def, " (");
	bool ok = columns(&l, err) && (!(r->like_options & LIKE_CONSTRAINTS) || checks(&l, err)) &&
		  (!(r->like_options & LIKE_INDEXES) || indexes(&l, err));
	strbuf_puts(&l.def, ")");
	if (ok && (r->like_options & LIKE_COMMENTS))
		comments(&l);
	if (ok && (l.def.failed || l.after.failed))
		ok = pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	struct pgerr ignored;
	ok = ok && shard_exec(c, "SAVEPOINT shardlite_like", err);
	if (ok) {
		bool done = shard_exec(c, l.def.data, err) &&
			    (!l.sidecar || shard_exec(c, r->script, err)) &&
			    (!l.after.len || shard_exec(c, l.after.data, err));
		if (!done)
			(void)!shard_exec(c, "ROLLBACK TO shardlite_like", &ignored);
		ok = shard_exec(c, "RELEASE shardlite_like", done ? err : &ignored) && done;
	}
	strbuf_fini(&l.def);
	strbuf_fini(&l.after);
	free(l.src_sql);
	return ok;
}
