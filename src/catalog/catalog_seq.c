/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_seq.c: sequences, comments and the column sidecar in the schema model, and the
 * relations that show them — pg_sequence, pg_sequences, information_schema.sequences,
 * pg_depend, pg_description. A serial primary key's sequence is implicit (its state is
 * SQLite's sqlite_sequence row, its type the column's); CREATE SEQUENCE, COMMENT, serial key
 * types and identity kinds live in the sidecar tables (docs/catalog.md). */
#include "catalog_int.h"

#include "pgtype.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
	CLASS_PG_CLASS = 1259,
	CLASS_PG_CONSTRAINT = 2606,
	CLASS_PG_TYPE = 1247,
	CLASS_PG_TRIGGER = 2620,
	CLASS_PG_POLICY = 3256
};

/* A hash lookup in the schema SQLite holds: pg_class asks for each relation whether the
 * privileges sidecar exists, and a query of sqlite_schema scanned every table each time. */
static bool sidecar_exists(sqlite3 *db, const char *name)
{
	return cat_sidecar_in(db, false, name);
}

bool cat_sidecar_exists(sqlite3 *db, const char *name) { return sidecar_exists(db, name); }

bool cat_sidecar_in(sqlite3 *db, bool temp, const char *name)
{
	return sqlite3_table_column_metadata(db, temp ? "temp" : "main", name, NULL, NULL, NULL,
					     NULL, NULL, NULL) == SQLITE_OK;
}

/* SELECT cols FROM schema.table [tail], prepared; NULL when the table is not there. */
static sqlite3_stmt *sidecar_select(sqlite3 *db, bool temp, const char *cols, const char *table,
				    const char *tail)
{
	char *sql = sqlite3_mprintf("SELECT %s FROM %s%s%s", cols, cat_sidecar_schema(temp), table,
				    tail);
	sqlite3_stmt *st = NULL;
	if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		st = NULL;
	sqlite3_free(sql);
	return st;
}

static const char *dup_col(struct arena *a, sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? arena_strdup(a, (const char *)s) : NULL;
}

/* A temporary sequence has an OID apart from a permanent one of the same name, as a
 * temporary table does. */
static struct cat_seq *add_seq(struct cat_model *m, const char *name, bool temp)
{
	struct cat_seq *q = arena_zalloc(m->a, sizeof(*q));
	q->name = name;
	q->rel = cat_model_new_rel(m, name, 'S', NULL);
	q->rel->sqlname = NULL;
	q->rel->temp = temp;
	if (temp)
		q->rel->oid = cat_oid("rel", name, CAT_NS_TEMP_NAME);
	q->oid = q->rel->oid;
	cat_model_push_seq(m, q);
	return q;
}

/* The rowid alias of an AUTOINCREMENT table: the serial (or identity) column, whose
 * sequence PostgreSQL names table_column_seq. */
static const struct cat_col *serial_col(const struct cat_rel *t, int *attnum)
{
	if (t->kind != 'r' || !t->sql || !catalog_sql_autoincrement(t->sql))
		return NULL;
	for (int i = 0; i < t->ncols; i++) {
		if (t->cols[i].pk == 1 && (t->cols[i].typoid == PGTYPE_INT8 ||
					     t->cols[i].typoid == PGTYPE_INT4)) {
			*attnum = i + 1;
			return &t->cols[i];
		}
	}
	return NULL;
}

static int64_t type_max(uint32_t oid)
{
	return oid == PGTYPE_INT2 ? INT16_MAX : oid == PGTYPE_INT4 ? INT32_MAX : INT64_MAX;
}

static void load_implicit(sqlite3 *db, struct cat_model *m)
{
	size_t n = m->nrels;
	for (size_t i = 0; i < n; i++) {
		struct cat_rel *t = m->rels[i];
		int attnum = 0;
		const struct cat_col *c = serial_col(t, &attnum);
		if (!c)
			continue;
		const char *name = cat_seqname_stored(db, m->a, t->temp, t->name, c->name);
		if (!name) /* PostgreSQL's name, kept through renames (catalog_seqname.c) */
			name = arena_printf(m->a, "%s_%s_seq", t->name, c->name);
		if (cat_model_rel_in(m, name, t->temp))
			continue;
		struct cat_seq *q = add_seq(m, name, t->temp);
		*q = (struct cat_seq){.name = name, .oid = q->oid, .rel = q->rel,
				      .typoid = c->typoid, .start = 1, .inc = 1, .min = 1,
				      .max = type_max(c->typoid), .cache = 1, .owner_table = t->name,
				      .owner_col = c->name, .owner_attnum = attnum, .implicit = true};
		struct cat_col *wc = (struct cat_col *)c;
		/* what an insert that numbers the key reports (catalog_seqvals_numbered) */
		wc->rowid_seq = t->temp ? arena_printf(m->a, "pg_temp.%s", name) : name;
		if (c->identity)
			continue; /* an identity column shows no default (psql: "generated ...") */
		/* PostgreSQL shows the serial's default as the sequence call it is */
		wc->dflt = arena_printf(m->a, "nextval('%s'::regclass)",
					cat_nsp_quote(m, m->a, name));
		wc->dflt_oid = cat_oid("def", t->name, c->name);
	}
}

/* A column of a table of one schema by exact name (the sidecar stores names as the schema
 * spells them). */
static struct cat_col *table_col(const struct cat_model *m, bool temp, const char *table,
				 const char *col)
{
	struct cat_rel *t = table ? cat_model_rel_in(m, table, temp) : NULL;
	for (int i = 0; t && t->kind == 'r' && col && i < t->ncols; i++) {
		if (strcmp(t->cols[i].name, col) == 0)
			return &t->cols[i];
	}
	return NULL;
}

/* A computed column of a view (SQLite declares no type for it: the model read it as text)
 * takes the type the translator gave its expression when the view was made, kept in the
 * column sidecar (xlat_objects.c), and a numeric one its display scale (display); so does a
 * column SQLite declares INTEGER (a serial key's) that the translator typed integer. */
static void view_col_type(const struct cat_model *m, bool temp, const char *view,
			  const char *col, const char *type, const char *display)
{
	struct cat_rel *v = view ? cat_model_rel_in(m, view, temp) : NULL;
	for (int i = 0; v && v->kind == 'v' && col && type && i < v->ncols; i++) {
		struct cat_col *c = &v->cols[i];
		/* SQLite's INTEGER that type_views cannot trace to a key (a UNION's column) */
		bool integer = c->integer_decl && c->typoid == PGTYPE_INT8;
		if (strcmp(c->name, col) != 0 || (c->typoid != PGTYPE_TEXT && !integer))
			continue;
		c->typoid = pgtype_from_decl(type, &c->typmod);
		c->ndims = strchr(type, '[') ? 1 : 0;
		if (c->typoid == PGTYPE_NUMERIC && display && strncmp(display, "display:", 8) == 0)
			c->display_typmod = (int32_t)strtol(display + 8, NULL, 10);
		cat_enum_col(m, type, c);
	}
}

/* Whether table's INTEGER key is a rowid alias SQLite does not number: its only key column,
 * no AUTOINCREMENT (a serial key's). */
static bool plain_rowid_table(const struct cat_model *m, bool temp, const char *table)
{
	const struct cat_rel *t = table ? cat_model_rel_in(m, table, temp) : NULL;
	int npk = 0;
	for (int i = 0; t && i < t->ncols; i++)
		npk += t->cols[i].pk != 0;
	return t && t->sql && npk == 1 && !catalog_sql_autoincrement(t->sql);
}

/* The column sidecar: a serial key's declared PostgreSQL type (applied only while the column
 * is still SQLite's INTEGER, which reads back as bigint) and identity kinds. A file without
 * it (made before it existed) reads its serial keys as bigint and identity columns as serial
 * ones. An identity column's own DEFAULT nextval(...) is how SQLite numbers it, not a default
 * PostgreSQL would show. */
static bool load_columns(sqlite3 *db, struct cat_model *m, bool temp)
{
	sqlite3_stmt *st = sidecar_select(db, temp, "table_name, column_name, type, identity",
					  CAT_SIDECAR_COLUMNS, "");
	if (!st)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct cat_col *c = table_col(m, temp, (const char *)sqlite3_column_text(st, 0),
					      (const char *)sqlite3_column_text(st, 1));
		const char *type = (const char *)sqlite3_column_text(st, 2);
		const char *identity = (const char *)sqlite3_column_text(st, 3);
		if (!c)
			view_col_type(m, temp, (const char *)sqlite3_column_text(st, 0),
				      (const char *)sqlite3_column_text(st, 1), type, identity);
		if (!c)
			continue;
		const struct cat_domain *d =
			type && !(identity && identity[0]) ? cat_model_domain(m, type) : NULL;
		if (d) { /* declared with a domain: typoid stays the base type's */
			c->domain = d;
			/* its DEFAULT NULL is kept (a CoerceToDomain over the base type's NULL) */
			if (c->dflt_sql && !c->dflt && (strcasecmp(c->dflt_sql, "NULL") == 0 ||
							strcasecmp(c->dflt_sql, "(NULL)") == 0)) {
				c->dflt = arena_printf(m->a, "NULL::%s",
						       cat_format_type_m(m, m->a, d->base_oid, -1));
				c->dflt_oid = cat_oid(
					"def", (const char *)sqlite3_column_text(st, 0), c->name);
			}
			continue;
		}
		int32_t typmod = -1;
		uint32_t oid = type ? pgtype_from_decl(type, &typmod) : 0;
		bool key = c->pk == 1 && c->typoid == PGTYPE_INT8;
		if (key && (oid == PGTYPE_INT2 || oid == PGTYPE_INT4))
			c->typoid = oid;
		/* a plain key's row: the rowid alias of a table SQLite does not number */
		c->rowid_key = key && c->integer_decl && !(identity && *identity) &&
			       plain_rowid_table(m, temp, (const char *)sqlite3_column_text(st, 0)) &&
			       (oid == PGTYPE_INT2 || oid == PGTYPE_INT4 || oid == PGTYPE_INT8);
		if (identity && (identity[0] == 'a' || identity[0] == 'd')) {
			c->identity = identity[0];
			c->dflt = NULL;
			c->dflt_oid = 0;
		}
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

/* A view's column that reads a serial key declares SQLite's INTEGER, as the key does: it takes
 * the key's PostgreSQL type from the column SQLite says it comes from. Only done when some
 * serial key is not bigint. */
static void type_views(sqlite3 *db, struct cat_model *m)
{
	bool any = false;
	for (size_t i = 0; i < m->nrels && !any; i++) {
		for (int k = 0; m->rels[i]->kind == 'r' && k < m->rels[i]->ncols; k++)
			any |= (m->rels[i]->cols[k].rowid_seq || m->rels[i]->cols[k].rowid_key) &&
			       m->rels[i]->cols[k].typoid != PGTYPE_INT8;
	}
	for (size_t i = 0; any && i < m->nrels; i++) {
		struct cat_rel *v = m->rels[i];
		sqlite3_stmt *st = NULL;
		char *sql = v->kind == 'v' ? sqlite3_mprintf("SELECT * FROM \"%w\"", v->name) : NULL;
		if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
			for (int k = 0; k < v->ncols && k < sqlite3_column_count(st); k++) {
				const char *decl = sqlite3_column_decltype(st, k);
				const char *schema = sqlite3_column_database_name(st, k);
				const struct cat_col *c =
					decl && strcasecmp(decl, "INTEGER") == 0
						? table_col(m, schema && strcmp(schema, "temp") == 0,
							    sqlite3_column_table_name(st, k),
							    sqlite3_column_origin_name(st, k))
						: NULL;
				if (c && (c->rowid_seq || c->rowid_key))
					v->cols[k].typoid = c->typoid;
			}
		}
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
}

static int col_attnum(const struct cat_rel *t, const char *col)
{
	for (int i = 0; t && col && i < t->ncols; i++) {
		if (strcasecmp(t->cols[i].name, col) == 0)
			return i + 1;
	}
	return 0;
}

static bool load_sequences(sqlite3 *db, struct cat_model *m, bool temp)
{
	sqlite3_stmt *st = sidecar_select(db, temp,
					  "name, type, start, increment, min, max, cache, cycle, "
					  "owner_table, owner_column",
					  CAT_SIDECAR_SEQUENCES, " ORDER BY rowid");
	if (!st)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = dup_col(m->a, st, 0);
		if (!name || cat_model_rel_in(m, name, temp))
			continue;
		struct cat_seq *q = add_seq(m, name, temp);
		int32_t typmod = -1;
		q->typoid = pgtype_from_decl((const char *)sqlite3_column_text(st, 1), &typmod);
		q->start = sqlite3_column_int64(st, 2);
		q->inc = sqlite3_column_int64(st, 3);
		q->min = sqlite3_column_int64(st, 4);
		q->max = sqlite3_column_int64(st, 5);
		q->cache = sqlite3_column_int64(st, 6);
		q->cycle = sqlite3_column_int(st, 7) != 0;
		const struct cat_rel *t =
			cat_model_rel_in(m, (const char *)sqlite3_column_text(st, 8), temp);
		q->owner_attnum = col_attnum(t, (const char *)sqlite3_column_text(st, 9));
		if (t && q->owner_attnum) {
			q->owner_table = t->name;
			q->owner_col = t->cols[q->owner_attnum - 1].name;
		}
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

uint32_t cat_model_conoid(const struct cat_model *m, const struct cat_rel *t, const char *name)
{
	for (size_t i = 0; t && i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (ix->table == t && ix->conname && strcmp(ix->conname, name) == 0)
			return ix->conoid;
	}
	for (size_t i = 0; t && i < m->nfks; i++) {
		if (m->fks[i]->table == t && m->fks[i]->name && strcmp(m->fks[i]->name, name) == 0)
			return m->fks[i]->oid;
	}
	for (size_t i = 0; t && i < m->nchecks; i++) {
		if (m->checks[i]->table == t && m->checks[i]->name &&
		    strcmp(m->checks[i]->name, name) == 0)
			return m->checks[i]->oid;
	}
	return 0;
}

/* A comment's object: 0 when it no longer exists (dropped since; the row is ignored). A
 * constraint's comment (kind "constraint": name the table, col the constraint; "domain
 * constraint": name the domain) is pg_constraint's. */
static uint32_t comment_target(const struct cat_model *m, bool temp, const char *kind,
			       const char *name, const char *col, int *subid, uint32_t *classoid)
{
	*classoid = CLASS_PG_CLASS;
	*subid = 0;
	if (strcmp(kind, "domain constraint") == 0) {
		*classoid = CLASS_PG_CONSTRAINT;
		return temp ? 0 : cat_domain_conoid(cat_model_domain(m, name), col);
	}
	if (strcmp(kind, "type") == 0 || strcmp(kind, "domain") == 0) {
		*classoid = CLASS_PG_TYPE;
		const struct cat_domain *d = temp ? NULL : cat_model_domain(m, name);
		const struct cat_enum *e = temp || d ? NULL : cat_model_enum(m, name);
		const struct cat_rel *c = temp || d || e ? NULL : cat_model_rel_in(m, name, false);
		return d                     ? d->oid
		       : e                   ? e->oid
		       : c && c->kind == 'c' ? cat_rowtype_oid(c, false)
					     : 0;
	}
	const struct cat_rel *r = cat_model_rel_in(m, name, temp);
	if (!r)
		return 0;
	if (strcmp(kind, "constraint") == 0) {
		*classoid = CLASS_PG_CONSTRAINT;
		return cat_nsp_conoid(m, r, col);
	}
	if (strcmp(kind, "trigger") == 0) {
		*classoid = CLASS_PG_TRIGGER;
		for (size_t i = 0; i < m->ntriggers; i++)
			if (m->triggers[i]->table == r && strcmp(m->triggers[i]->name, col) == 0)
				return m->triggers[i]->oid;
		return 0;
	}
	if (strcmp(kind, "policy") == 0) { /* gone with its table (catalog_policy.c) */
		*classoid = CLASS_PG_POLICY;
		return cat_oid("policy", r->name, col);
	}
	if (strcmp(kind, "materialized view") == 0)
		return r->matview ? r->oid : 0;
	if (col && *col) {
		*subid = col_attnum(r, col);
		return *subid ? r->oid : 0;
	}
	char want = strcmp(kind, "table") == 0	  ? 'r'
		    : strcmp(kind, "view") == 0	  ? 'v'
		    : strcmp(kind, "index") == 0  ? 'i'
		    : strcmp(kind, "sequence") == 0 ? 'S'
						    : '?';
	return r->kind == want ? r->oid : 0;
}

static bool load_comments(sqlite3 *db, struct cat_model *m, bool temp)
{
	sqlite3_stmt *st = sidecar_select(db, temp, "kind, name, column_name, description",
					  CAT_SIDECAR_COMMENTS, " ORDER BY rowid");
	if (!st)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int subid = 0;
		uint32_t classoid;
		if (strcmp((const char *)sqlite3_column_text(st, 0), "schema") == 0) {
			m->public_comment = dup_col(m->a, st, 3);
			continue;
		}
		if (strcmp((const char *)sqlite3_column_text(st, 0), "extension") == 0)
			continue; /* pg_description reads them (cat_ext_descriptions) */
		uint32_t oid = comment_target(m, temp, (const char *)sqlite3_column_text(st, 0),
					      (const char *)sqlite3_column_text(st, 1),
					      (const char *)sqlite3_column_text(st, 2), &subid,
					      &classoid);
		if (!oid)
			continue;
		struct cat_comment *k = arena_zalloc(m->a, sizeof(*k));
		k->classoid = classoid;
		k->objoid = oid;
		k->subid = subid;
		k->text = dup_col(m->a, st, 3);
		cat_model_push_comment(m, k);
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

/* The sidecars of the temp schema first: a temporary sequence's name finds it before a
 * permanent one's, as pg_temp leads PostgreSQL's search_path. */
bool cat_seq_load(sqlite3 *db, struct cat_model *m, struct pgerr *err)
{
	bool ok = true;
	for (int temp = 1; temp >= 0 && ok; temp--)
		ok = !cat_sidecar_in(db, temp, CAT_SIDECAR_COLUMNS) || load_columns(db, m, temp);
	if (ok) {
		load_implicit(db, m);
		type_views(db, m);
	}
	ok = ok && cat_trigger_load(db, m);
	m->has_temp_seq_table = cat_sidecar_in(db, true, CAT_SIDECAR_SEQUENCES);
	m->has_seq_table = sidecar_exists(db, CAT_SIDECAR_SEQUENCES);
	m->has_temp_comment_table = cat_sidecar_in(db, true, CAT_SIDECAR_COMMENTS);
	m->has_comment_table = sidecar_exists(db, CAT_SIDECAR_COMMENTS);
	m->has_temp_serials_table = cat_sidecar_in(db, true, CAT_SIDECAR_SERIALS);
	m->has_serials_table = cat_sidecar_in(db, false, CAT_SIDECAR_SERIALS);
	m->has_sidecar = m->has_seq_table || m->has_temp_seq_table || m->has_comment_table ||
			 m->has_temp_comment_table || m->has_serials_table ||
			 m->has_temp_serials_table;
	if (ok && m->has_temp_seq_table)
		ok = load_sequences(db, m, true);
	if (ok && m->has_seq_table)
		ok = load_sequences(db, m, false);
	for (int temp = 1; temp >= 0 && ok; temp--) {
		if (temp ? m->has_temp_comment_table : m->has_comment_table)
			ok = load_comments(db, m, temp);
	}
	ok = ok && cat_udf_load_comments(db, m);
	if (!ok)
		pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "catalog: %s", sqlite3_errmsg(db));
	return ok;
}

const struct cat_seq *cat_model_seq(const struct cat_model *m, const char *name)
{
	for (size_t i = 0; name && i < m->nseqs; i++) {
		if (strcasecmp(m->seqs[i]->name, name) == 0)
			return m->seqs[i];
	}
	return NULL;
}

static const char *comment_of(const struct cat_model *m, uint32_t classoid, uint32_t oid,
			      int subid)
{
	for (size_t i = 0; i < m->ncomments; i++) {
		const struct cat_comment *k = m->comments[i];
		if (k->classoid == classoid && k->objoid == oid && k->subid == subid)
			return k->text;
	}
	return NULL;
}

const char *cat_model_comment(const struct cat_model *m, uint32_t oid, int subid)
{
	return comment_of(m, CLASS_PG_CLASS, oid, subid);
}

const char *cat_model_class_comment(const struct cat_model *m, uint32_t classoid, uint32_t oid)
{
	return comment_of(m, classoid, oid, 0);
}

const char *cat_model_con_comment(const struct cat_model *m, uint32_t oid)
{
	return comment_of(m, CLASS_PG_CONSTRAINT, oid, 0);
}

const char *cat_model_proc_comment(const struct cat_model *m, uint32_t oid)
{
	return comment_of(m, 1255 /* pg_proc */, oid, 0);
}

/* ---- relations ---- */

static bool fill_sequence(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)cc;
	for (size_t i = 0; i < m->nseqs; i++) {
		const struct cat_seq *q = m->seqs[i];
		cat_row(r);
		cat_int(r, q->oid);
		cat_int(r, q->typoid);
		cat_int(r, q->start);
		cat_int(r, q->inc);
		cat_int(r, q->max);
		cat_int(r, q->min);
		cat_int(r, q->cache);
		cat_bool(r, q->cycle);
	}
	return true;
}

static const char *type_name(uint32_t oid)
{
	return oid == PGTYPE_INT2 ? "smallint" : oid == PGTYPE_INT4 ? "integer" : "bigint";
}

static bool fill_sequences(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nseqs; i++) {
		const struct cat_seq *q = m->seqs[i];
		int64_t last = 0;
		bool called = false;
		cat_row(r);
		cat_text(r, cat_nsp_rel_name(cc, m, q->rel));
		cat_text(r, cat_nsp_bare(m, q->name));
		cat_text(r, cat_conn_user(cc));
		cat_text(r, type_name(q->typoid));
		cat_int(r, q->start);
		cat_int(r, q->min);
		cat_int(r, q->max);
		cat_int(r, q->inc);
		cat_bool(r, q->cycle);
		cat_int(r, q->cache);
		if (cat_seq_state(cc, q, &last, &called, NULL) && called)
			cat_int(r, last);
		else
			cat_null(r);
	}
	return true;
}

/* Whether q is an identity column's sequence (PostgreSQL: an internal dependency). */
static bool identity_seq(const struct cat_model *m, const struct cat_seq *q)
{
	const struct cat_rel *t = q->owner_table ? cat_model_rel(m, q->owner_table) : NULL;
	return t && q->owner_attnum > 0 && q->owner_attnum <= t->ncols &&
	       t->cols[q->owner_attnum - 1].identity;
}

static bool fill_infoschema(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nseqs; i++) {
		const struct cat_seq *q = m->seqs[i];
		if (identity_seq(m, q))
			continue; /* PostgreSQL's view leaves identity sequences out */
		cat_row(r);
		cat_text(r, cat_conn_database(cc));
		cat_text(r, cat_nsp_rel_name(cc, m, q->rel));
		cat_text(r, cat_nsp_bare(m, q->name));
		cat_text(r, type_name(q->typoid));
		cat_int(r, q->typoid == PGTYPE_INT2 ? 16 : q->typoid == PGTYPE_INT4 ? 32 : 64);
		cat_int(r, 2);
		cat_int(r, 0);
		cat_text(r, arena_printf(r->a, "%lld", (long long)q->start));
		cat_text(r, arena_printf(r->a, "%lld", (long long)q->min));
		cat_text(r, arena_printf(r->a, "%lld", (long long)q->max));
		cat_text(r, arena_printf(r->a, "%lld", (long long)q->inc));
		cat_text(r, q->cycle ? "YES" : "NO");
	}
	return true;
}

/* pg_depend: what psql and ORMs read it for — a sequence owned by a column ('a' for OWNED BY
 * and serial columns, 'i' for identity columns), and each index's dependency on its table
 * ('a'), or for the index behind a constraint on that constraint ('i'). */
static void depend_row(struct cat_rows *r, uint32_t objid, uint32_t refclassid,
		       uint32_t refobjid, int refsub, char type)
{
	cat_row(r);
	cat_int(r, CLASS_PG_CLASS);
	cat_int(r, objid);
	cat_int(r, 0);
	cat_int(r, refclassid);
	cat_int(r, refobjid);
	cat_int(r, refsub);
	cat_char(r, type);
}

static bool fill_depend(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)cc;
	for (size_t i = 0; i < m->nseqs; i++) {
		const struct cat_seq *q = m->seqs[i];
		if (q->owner_table)
			depend_row(r, q->oid, CLASS_PG_CLASS, catalog_rel_oid(q->owner_table),
				   q->owner_attnum, identity_seq(m, q) ? 'i' : 'a');
	}
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (!ix->conname)
			depend_row(r, ix->rel->oid, CLASS_PG_CLASS, ix->table->oid, 0, 'a');
		else /* pgAdmin tells constraint indexes apart by this row */
			depend_row(r, ix->rel->oid, CLASS_PG_CONSTRAINT, ix->conoid, 0, 'i');
	}
	cat_dump_depends(m, r);
	cat_domain_depends(m, r);
	cat_infoschema_depends(r);
	cat_ext_depends(cc, r);
	return true;
}

static bool fill_description(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->ncomments; i++) {
		cat_row(r);
		cat_int(r, m->comments[i]->objoid);
		cat_int(r, m->comments[i]->classoid);
		cat_int(r, m->comments[i]->subid);
		cat_text(r, m->comments[i]->text);
	}
	cat_dump_description(r, m->public_comment);
	cat_lo_descriptions(cc, r);
	cat_ext_descriptions(cc, r);
	return true;
}

#define ID "name"
#define TXT "varchar" /* information_schema.character_data */
#define NUM "int4"

static const struct cat_reldef defs[] = {
	{"pg_sequence",
	 "seqrelid oid, seqtypid oid, seqstart int8, seqincrement int8, seqmax int8, "
	 "seqmin int8, seqcache int8, seqcycle bool",
	 fill_sequence},
	{"pg_sequences",
	 "schemaname name, sequencename name, sequenceowner name, data_type regtype, "
	 "start_value int8, min_value int8, max_value int8, increment_by int8, cycle bool, "
	 "cache_size int8, last_value int8",
	 fill_sequences},
	{"information_schema_sequences",
	 "sequence_catalog " ID ", sequence_schema " ID ", sequence_name " ID ", data_type " TXT
	 ", numeric_precision " NUM ", numeric_precision_radix " NUM ", numeric_scale " NUM
	 ", start_value " TXT ", minimum_value " TXT ", maximum_value " TXT ", increment " TXT
	 ", cycle_option " TXT,
	 fill_infoschema},
	{"pg_depend",
	 "classid oid, objid oid, objsubid int4, refclassid oid, refobjid oid, refobjsubid int4, "
	 "deptype pg_char",
	 fill_depend},
	{"pg_description", "objoid oid, classoid oid, objsubid int4, description text",
	 fill_description},
};

const struct cat_reldef *cat_seq_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
