/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_fn.c: the catalog functions clients call (format_type, pg_get_indexdef,
 * pg_get_constraintdef, pg_table_is_visible, current_schemas, pg_size_pretty, version,
 * current_setting, ...). reg* conversions and regular expressions are in catalog_reg.c,
 * arrays in catalog_array.c, privileges in catalog_priv.c. */
#include "catalog_int.h"

#include "pgfn.h"
#include "pgtype.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CTX_CONN(ctx) ((struct cat_conn *)sqlite3_user_data(ctx))

const char *cat_quote_ident(struct arena *a, const char *name)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_quote_ident(&sb, name, strlen(name)); /* keywords quoted, as quote_identifier does */
	const char *s = arena_strdup(a, sb.data ? sb.data : "\"\"");
	strbuf_fini(&sb);
	return s;
}

/* ---- format_type ---- */

const char *cat_format_type(struct arena *a, uint32_t oid, int32_t typmod)
{
	const struct pgtype_info *ti = pgtype_by_oid(oid);
	if (!ti)
		return "???";
	if (ti->category == 'A' && ti->elem_oid && oid != 22 && oid != 30)
		return arena_printf(a, "%s[]", cat_format_type(a, ti->elem_oid, typmod));
	switch (oid) {
	case PGTYPE_BPCHAR:
		return typmod >= 4 ? arena_printf(a, "character(%d)", typmod - 4) : "bpchar";
	case PGTYPE_VARCHAR:
		return typmod >= 4 ? arena_printf(a, "character varying(%d)", typmod - 4)
				   : "character varying";
	case PGTYPE_BIT:
	case PGTYPE_VARBIT:
		return typmod > 0 ? arena_printf(a, "%s(%d)", ti->sql_name, typmod) : ti->sql_name;
	case PGTYPE_NUMERIC:
		if (typmod < 4)
			return "numeric";
		return arena_printf(a, "numeric(%d,%d)", ((typmod - 4) >> 16) & 0xffff,
				    (typmod - 4) & 0xffff);
	case PGTYPE_TIME:
	case PGTYPE_TIMETZ:
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ: {
		const char *sp = strchr(ti->sql_name, ' ');
		if (typmod < 0 || !sp)
			return ti->sql_name;
		return arena_printf(a, "%.*s(%d)%s", (int)(sp - ti->sql_name), ti->sql_name, typmod,
				    sp);
	}
	case PGTYPE_INTERVAL: {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, "interval");
		pgtype_interval_typmod_out(&sb, typmod);
		const char *r = arena_strndup(a, sb.data, sb.len);
		strbuf_fini(&sb);
		return r;
	}
	default:
		return ti->sql_name;
	}
}

/* Whether a type name as printed (cat_rowtype_name: pair, "a.b", s.pair) names its schema. */
static bool qualified(const char *name)
{
	for (bool quoted = false; *name; name++) {
		if (*name == '"')
			quoted = !quoted;
		else if (*name == '.' && !quoted)
			return true;
	}
	return false;
}

static void fn_format_type(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	/* bpchar without a typmod given is CHARACTER (what \dC prints); a typmod of -1 keeps
	 * "bpchar", which does not mean CHARACTER(1) */
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL && (oid == PGTYPE_BPCHAR || oid == 1014)) {
		cat_result_text(ctx, oid == PGTYPE_BPCHAR ? "character" : "character[]");
		return;
	}
	int32_t typmod = sqlite3_value_type(argv[1]) == SQLITE_NULL ? -1
								    : sqlite3_value_int(argv[1]);
	/* bit with a typmod of -1 given is not BIT, which means BIT(1): PostgreSQL quotes it */
	if (sqlite3_value_type(argv[1]) != SQLITE_NULL && typmod < 0 &&
	    (oid == PGTYPE_BIT || oid == 1561)) {
		cat_result_text(ctx, oid == PGTYPE_BIT ? "\"bit\"" : "\"bit\"[]");
		return;
	}
	struct arena *a = arena_new(0);
	/* the model only for OIDs of the tenant's own (enum and row) types: built-ins need none */
	const struct cat_model *m = oid >= CATALOG_OID_MIN ? cat_fn_model(ctx) : NULL;
	const char *row = m && !pgtype_by_oid(oid) ? cat_rowtype_name(m, a, oid) : NULL;
	const char *s = row                          ? row
			: oid < CATALOG_OID_MIN || m ? cat_format_type_m(m, a, oid, typmod)
						     : NULL;
	/* a type outside the search path is qualified (pg_dump empties it); a local schema's
	 * is printed s.x already */
	const struct cat_enum *en = s && !row && m ? cat_model_enum_oid(m, oid, NULL) : NULL;
	const struct cat_domain *dm = s && !row && m && !en ? cat_model_domain_oid(m, oid, NULL)
							    : NULL;
	bool array = false;
	const char *tn = en ? en->name : dm ? dm->name : cat_ext_udt(oid, &array); /* citext */
	if (((tn && !cat_nsp_of(m, tn, NULL)) || (row && !qualified(row))) &&
	    !cat_public_visible(CTX_CONN(ctx)))
		s = arena_printf(a, "%s.%s", cat_conn_public(CTX_CONN(ctx)), s);
	if (s)
		cat_result_text(ctx, s);
	arena_free(a);
}

/* An enum column's default, 'x'::mood, names the type qualified when public is not on the
 * search path, as PostgreSQL's deparser does. */
static const char *enum_default(sqlite3_context *ctx, struct arena *a, const char *e)
{
	size_t n = e ? strlen(e) : 0;
	if (!n || e[n - 1] == ')' || cat_public_visible(CTX_CONN(ctx)))
		return e;
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(CTX_CONN(ctx), &msg);
	sqlite3_free(msg);
	if (!m)
		return e;
	for (size_t i = 0; i < m->nenums; i++) {
		const char *t = arena_printf(a, "'::%s", cat_quote_ident(a, m->enums[i]->name));
		size_t k = strlen(t);
		if (n > k && strcmp(e + n - k, t) == 0)
			return arena_printf(a, "%.*s'::%s.%s", (int)(n - k), e,
					    cat_conn_public(CTX_CONN(ctx)), t + 3);
	}
	return e;
}

/* pg_get_expr: the catalog keeps expressions as text already. */
/* A default's nextval('s'::regclass) names the sequence as regclass prints it: qualified
 * when public is not on the search path. */
/* With the pretty flag, an index predicate of relation rel (pg_index.indpred) as the pretty
 * flag prints it (the index keeps both texts); NULL for any other expression. */
static const char *pretty_pred(sqlite3_context *ctx, const char *e, uint32_t rel)
{
	const struct cat_model *m = e ? cat_fn_model(ctx) : NULL;
	for (size_t i = 0; m && i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (ix->table && ix->table->oid == rel && ix->pred && ix->pretty_pred &&
		    strcmp(ix->pred, e) == 0)
			return ix->pretty_pred;
	}
	return NULL;
}

static void fn_get_expr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *e = (const char *)sqlite3_value_text(argv[0]);
	const char *pretty = argc > 2 && sqlite3_value_int(argv[2])
				     ? pretty_pred(ctx, e, (uint32_t)sqlite3_value_int64(argv[1]))
				     : NULL;
	struct arena *a = arena_new(0);
	/* the tenant's functions qualified as the search path needs (pg_dump's empty one) */
	if (pretty) {
		cat_result_text(ctx, cat_qualify_calls(CTX_CONN(ctx), a, pretty, false));
		arena_free(a);
		return;
	}
	if (e && strncmp(e, CATALOG_CHECK_PG_MARK, strlen(CATALOG_CHECK_PG_MARK)) == 0) {
		/* a CHECK's conbin: the stored text with its PostgreSQL texts (catalog_rel.c) */
		const char *p = NULL, *pg = cat_pg_text(a, e, &p);
		cat_result_text(ctx,
				cat_qualify_calls(CTX_CONN(ctx), a,
						  argc > 2 && sqlite3_value_int(argv[2]) ? p : pg,
						  false));
		arena_free(a);
		return;
	}
	const char *q = cat_default_seq_text(CTX_CONN(ctx), cat_fn_model(ctx), a, e);
	q = enum_default(ctx, a, q);
	q = cat_qualify_calls(CTX_CONN(ctx), a, q, false);
	if (q == e)
		sqlite3_result_value(ctx, argv[0]);
	else
		cat_result_text(ctx, q);
	arena_free(a);
}

static void fn_get_indexdef(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	const struct cat_rel *rel = cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(argv[0]));
	if (!rel || !rel->index) {
		sqlite3_result_null(ctx);
		return;
	}
	int col = argc > 1 ? sqlite3_value_int(argv[1]) : 0;
	bool pretty = argc > 2 && sqlite3_value_int(argv[2]) != 0;
	struct arena *a = arena_new(0);
	cat_result_text(ctx,
			col < 0 ? ""
				: cat_qualify_calls(CTX_CONN(ctx), a,
						    cat_index_def_ext(m, rel->index, col, pretty),
						    col == 0));
	arena_free(a);
}

static void fn_index_column_has_property(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	const struct cat_rel *rel = cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(argv[0]));
	int r = rel && rel->index && sqlite3_value_type(argv[1]) != SQLITE_NULL
			? cat_index_column_property(rel->index, sqlite3_value_int(argv[1]),
						    (const char *)sqlite3_value_text(argv[2]))
			: -1;
	if (r < 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_int(ctx, r);
}

/* "a, b" or, with INCLUDE's columns, "a) INCLUDE (b" (inside the caller's parentheses) */
static const char *key_list(struct arena *a, const struct cat_index *ix)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int k = 0; k < ix->nkeys; k++)
		strbuf_printf(&sb, "%s%s",
			      k == 0              ? ""
			      : k == ix->nkeyatts ? ") INCLUDE ("
						  : ", ",
			      cat_quote_ident(a, ix->exprs[k]));
	const char *s = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return s;
}

static const char *constraint_def(const struct cat_conn *cc, const struct cat_model *m,
				  uint32_t oid, bool pretty)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		if (ix->conname && ix->conoid == oid && ix->exclops)
			return cat_exclude_def(m, m->a, ix);
		if (ix->conname && ix->conoid == oid)
			return arena_printf(m->a, "%s%s (%s)%s", ix->primary ? "PRIMARY KEY" : "UNIQUE",
					    ix->nulls_not_distinct ? " NULLS NOT DISTINCT" : "",
					    key_list(m->a, ix),
					    ix->initdeferred ? " DEFERRABLE INITIALLY DEFERRED"
					    : ix->deferrable ? " DEFERRABLE"
							     : "");
	}
	for (size_t i = 0; i < m->nfks; i++) {
		if (m->fks[i]->oid == oid)
			return cat_qualify_after(cc, m->a, cat_fkey_def(m, m->fks[i]),
						 "REFERENCES ");
	}
	for (size_t i = 0; i < m->nchecks; i++) {
		if (m->checks[i]->oid == oid)
			return arena_printf(m->a, "CHECK (%s)%s",
					    pretty ? m->checks[i]->pretty : m->checks[i]->pg,
					    m->checks[i]->not_valid ? " NOT VALID" : "");
	}
	return cat_domain_constraintdef(m, oid, pretty);
}

/* CHECK (e)[ NOT VALID] with the tenant's functions in e qualified as the search path needs. */
static const char *qualify_check(const struct cat_conn *cc, struct arena *a, const char *def)
{
	static const char nv[] = " NOT VALID";
	size_t n = def ? strlen(def) : 0;
	if (n < 8 || strncmp(def, "CHECK (", 7) != 0 || !strchr(def + 7, '('))
		return def;
	bool not_valid = n > 7 + strlen(nv) && strcmp(def + n - strlen(nv), nv) == 0;
	const char *e = arena_strndup(a, def + 6, n - 6 - (not_valid ? strlen(nv) : 0));
	const char *q = cat_qualify_calls(cc, a, e, false);
	return q == e ? def : arena_printf(a, "CHECK %s%s", q, not_valid ? nv : "");
}

static void fn_get_constraintdef(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	struct arena *a = arena_new(0);
	const char *def = constraint_def(CTX_CONN(ctx), m, (uint32_t)sqlite3_value_int64(argv[0]),
					 argc > 1 && sqlite3_value_int(argv[1]));
	cat_result_text(ctx, qualify_check(CTX_CONN(ctx), a, def));
	arena_free(a);
}

/* Everything of a tenant lives in public, which is always on the search path; built-in
 * objects live in pg_catalog, which is too. */
static void fn_visible(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_int(ctx, 1);
}

/* information_schema is not on the search path (psql's \\dp lists visible relations only). */
/* A permanent table is hidden by a temporary one of the same name (pg_temp comes first,
 * unless search_path names it after public). */
bool cat_rel_shadowed(struct cat_conn *cc, uint32_t oid)
{
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(cc, &msg);
	sqlite3_free(msg);
	const struct cat_rel *rel = m ? cat_model_rel_oid(m, oid) : NULL;
	/* a temp schema never written to holds no table (and psql's \d asks for every row) */
	int vis = rel ? cat_nsp_visible(cc, m, rel) : -1; /* the tenant's own schemas on the path */
	if (vis >= 0)
		return vis == 0;
	if (rel && cc->temp_version != 0 && cat_nsp_temp_late_path(cc) &&
	    cat_model_rel_in(m, rel->name, !rel->temp)) {
		/* search_path = public, pg_temp: public's name hides pg_temp's */
		const struct cat_rel *late = cat_nsp_temp_late(cc, m, rel->name);
		return rel->temp ? late != NULL : late != rel;
	}
	if (!rel || rel->temp || cc->temp_version == 0)
		return false;
	const struct cat_rel *first = cat_model_rel(m, rel->name);
	return first && first->temp;
}

static void fn_table_visible(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_int(ctx, !cat_infoschema_rel_oid(oid) &&
						!cat_rel_shadowed(CTX_CONN(ctx), oid));
}

/* A role of the users file, or PostgreSQL's fallback text. */
static void userbyid_other(sqlite3_context *ctx, uint32_t oid)
{
	struct arena *a = arena_new(0);
	const char *name = oid <= CATALOG_OID_MAX ? cat_role_name(CTX_CONN(ctx), oid, a) : NULL;
	if (name)
		cat_result_text(ctx, name);
	else
		sqlite3_result_text(ctx, sqlite3_mprintf("unknown (OID=%lld)", (long long)oid), -1,
				    sqlite3_free);
	arena_free(a);
}

static void fn_get_userbyid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int64_t oid = sqlite3_value_int64(argv[0]);
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		sqlite3_result_null(ctx);
	else if (oid == CAT_ROLE_BOOTSTRAP)
		cat_result_text(ctx, cat_conn_user(CTX_CONN(ctx)));
	else if (oid == CAT_ROLE_DATABASE_OWNER)
		cat_result_text(ctx, "pg_database_owner");
	else
		userbyid_other(ctx, (uint32_t)oid);
}

/* Objects that do not exist here: no shared objects' comments, no user functions (so no
 * function has an SQL-standard body: pg_get_function_sqlbody is NULL, as for a built-in). */
static void fn_null(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_null(ctx);
}

/* pg_encoding_to_char / pg_char_to_encoding: PostgreSQL's names (base_encoding.c); the
 * server speaks UTF8 only, but they name them all (psql's \dO). "" for a number that
 * is not an encoding, -1 for a name PostgreSQL does not know either. */
static void fn_encoding_to_char(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int64_t enc = sqlite3_value_int64(argv[0]);
	const char *name = enc >= 0 && enc < BASE_ENC_COUNT ? base_encoding_name((int)enc) : NULL;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		sqlite3_result_null(ctx);
	else
		cat_result_text(ctx, name ? name : "");
}

static void fn_char_to_encoding(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *in = (const char *)sqlite3_value_text(argv[0]);
	if (!in)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_int(ctx, base_encoding_from_sqlname(in));
}

/* pg_catalog is searched first even when the path leaves it out (the implicit schemas); the
 * connection's own schema — public, or in a session without a default tenant the tenant that
 * search_path names — only while search_path names it (pg_dump sets it empty). */
static void fn_current_schemas(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct cat_conn *cc = CTX_CONN(ctx);
	bool hub = cc->sess && cc->sess->schemas;
	char *msg = NULL;
	const struct cat_model *m = hub ? NULL : cat_conn_model(cc, &msg);
	sqlite3_free(msg);
	const char *path[16];
	size_t np = m && m->nnsps ? cat_nsp_path(cc, m, path, 16) : 0;
	if (np) { /* the tenant's own schemas and public, in search_path's order */
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, sqlite3_value_int(argv[0]) ? "{pg_catalog" : "{");
		for (size_t i = 0; i < np; i++) {
			if (i || sqlite3_value_int(argv[0]))
				strbuf_putc(&sb, ',');
			strbuf_puts(&sb, strcmp(path[i], "public") == 0 ? cat_conn_public(cc) : path[i]);
		}
		strbuf_putc(&sb, '}');
		cat_result_text(ctx, sb.data);
		strbuf_fini(&sb);
		return;
	}
	bool none = hub ? !cc->sess->own_schema : !cat_public_visible(cc);
	const char *own = cat_conn_public(cc);
	char *v = sqlite3_value_int(argv[0]) ? sqlite3_mprintf("{pg_catalog%s%s}", none ? "" : ",",
							       none ? "" : own)
					     : sqlite3_mprintf("{%s}", none ? "" : own);
	sqlite3_result_text(ctx, v, -1, sqlite3_free);
}

/* Facts that follow from a tenant having no partitions: a table's only partition ancestor
 * is itself (pg_partition_ancestors as a scalar: exactly its one row), and any table could
 * be published. */
static const struct cat_rel *table_arg(sqlite3_context *ctx, sqlite3_value *v, bool *failed)
{
	const struct cat_model *m = cat_fn_model(ctx);
	*failed = m == NULL;
	const struct cat_rel *rel = m ? cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(v))
				      : NULL;
	return rel && rel->kind == 'r' ? rel : NULL;
}

static void fn_partition_ancestors(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bool failed;
	const struct cat_rel *rel = table_arg(ctx, argv[0], &failed);
	if (!failed && rel)
		sqlite3_result_int64(ctx, rel->oid);
	else if (!failed)
		sqlite3_result_null(ctx);
}

/* pg_partition_ancestors(rel) in a select list, which the translator unnests: the regclass[]
 * of rel and its parents up to the partitioned table at the top (sub-partitioning); NULL
 * (no rows) when rel is no table. */
static void fn_partition_ancestors_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	const struct cat_rel *rel = cat_model_rel_value(m, argv[0]);
	if (!rel ||
	    (!rel->part_key && !rel->part_parent)) { /* neither partitioned nor a partition */
		sqlite3_result_null(ctx);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (int n = 0; rel && n < 64; n++) {
		strbuf_printf(&sb, "%s%u", n ? "," : "", rel->oid);
		rel = rel->part_parent ? cat_model_rel(m, rel->part_parent) : NULL;
	}
	strbuf_putc(&sb, '}');
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

/* pg_partition_root(rel): the partitioned table at the top of rel's partition tree; NULL when
 * rel is neither partitioned nor a partition. */
static void fn_partition_root(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	const struct cat_rel *rel = cat_model_rel_value(m, argv[0]);
	if (!rel || (!rel->part_key && !rel->part_parent)) {
		sqlite3_result_null(ctx);
		return;
	}
	for (int n = 0; rel->part_parent && n < 64; n++) {
		const struct cat_rel *up = cat_model_rel(m, rel->part_parent);
		if (!up)
			break;
		rel = up;
	}
	sqlite3_result_int64(ctx, rel->oid);
}

static void fn_is_publishable(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	bool failed;
	const struct cat_rel *rel = table_arg(ctx, argv[0], &failed);
	if (!failed)
		sqlite3_result_int(ctx, rel != NULL);
}

const char *cat_view_definition(const struct cat_conn *cc, const struct cat_rel *rel,
				bool pretty, int wrap, struct arena *a, struct pgerr *err)
{
	const char *q = cat_view_query(rel);
	const struct catalog_session *s = cc->sess;
	if (!q || !s || !s->views || !s->views->viewdef)
		return q ? arena_printf(a, " %s;", q) : NULL;
	const char *def = NULL;
	/* the relations' schema when it is not on the search path, as pg_dump reads them */
	const char *schema = cat_public_visible(cc) ? NULL : cat_conn_public(cc);
	if (cat_view_memo_def(cc->view_memo, s, rel, pretty, wrap, schema, a, &def, err))
		return def;
	if (!s->views->viewdef(s->setting_arg, rel->name, q, schema, pretty, wrap, a, &def, err))
		def = NULL;
	cat_view_memo_put_def(cc->view_memo, rel, pretty, wrap, schema, def, err);
	return def;
}

int cat_view_updatable(const struct cat_conn *cc, const struct cat_rel *v, bool *cols)
{
	const struct catalog_session *s = cc->sess;
	for (int k = 0; cols && k < v->ncols; k++)
		cols[k] = false;
	if (v->kind != 'v' || !s || !s->views || !s->views->updatable)
		return 0;
	int events;
	if (!cols && cat_view_memo_events(cc->view_memo, s, v, &events))
		return events;
	events = s->views->updatable(s->setting_arg, v->name, cols, cols ? (size_t)v->ncols : 0);
	if (!cols)
		cat_view_memo_put_events(cc->view_memo, v, events);
	return events;
}

/* PostgreSQL's CmdType bits of trigger events e (4 INSERT, 8 DELETE, 16 UPDATE): UPDATE 4,
 * INSERT 8, DELETE 16. */
static int cmd_bits(int e)
{
	return (e & 16 ? 4 : 0) | (e & 4 ? 8 : 0) | (e & 8 ? 16 : 0);
}

/* pg_relation_is_updatable(rel, include_triggers): a table takes every command; a view those
 * it takes as an automatically updatable view (INSTEAD OF triggers are not counted: differs
 * for include_triggers true, docs/sql-compat.md). */
static void fn_relation_is_updatable(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	const struct cat_rel *rel = cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(argv[0]));
	sqlite3_result_int(ctx, !rel			       ? 0
				: rel->kind == 'r' && !rel->matview ? 4 | 8 | 16
				: cmd_bits(cat_view_updatable(CTX_CONN(ctx), rel, NULL)));
}

/* pg_column_is_updatable(rel, attnum, include_triggers) */
static void fn_column_is_updatable(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	const struct cat_rel *rel = cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(argv[0]));
	sqlite3_int64 att = sqlite3_value_int64(argv[1]);
	bool ok = false;
	if (rel && rel->kind == 'r' && !rel->matview) {
		ok = att > 0 && att <= rel->ncols;
	} else if (rel && rel->kind == 'v' && att > 0 && att <= rel->ncols) {
		bool *cols = sqlite3_malloc64(((size_t)rel->ncols + 1) * sizeof(*cols));
		if (!cols) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		(void)cat_view_updatable(CTX_CONN(ctx), rel, cols);
		ok = cols[att - 1];
		sqlite3_free(cols);
	}
	sqlite3_result_int(ctx, ok);
}

/* pg_get_viewdef(view [, pretty]); pg_get_viewdef_wrap(view, wrap) is pg_get_viewdef(oid, int)
 * (pretty, lines wrapped at that column), which the translator tells from the bool form by
 * the argument's type (xlat_catalog.c). */
static void get_viewdef(sqlite3_context *ctx, sqlite3_value **argv, bool pretty, int wrap)
{
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	const struct cat_rel *rel = cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(argv[0]));
	if (!rel || !cat_view_query(rel)) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgerr err;
	pgerr_clear(&err);
	const char *def = cat_view_definition(CTX_CONN(ctx), rel, pretty, wrap, a, &err);
	if (def)
		cat_result_text(ctx, def);
	else
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
	arena_free(a);
}

static void fn_get_viewdef(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	get_viewdef(ctx, argv, argc > 1 && sqlite3_value_int64(argv[1]) != 0, 0);
}

static void fn_get_viewdef_wrap(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int64_t w = sqlite3_value_int64(argv[1]);
	get_viewdef(ctx, argv, true, w < -1 ? -1 : w > INT32_MAX ? INT32_MAX : (int)w);
}

/* A view's _RETURN rule (pg_rewrite), written around the view's definition as make_ruledef
 * writes it: the view named with its schema unless pretty, the query as pg_get_viewdef(v,
 * pretty) lays it out. A query with no PostgreSQL spelling is written as SQLite keeps it. */
static void fn_get_ruledef(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	int64_t oid = sqlite3_value_int64(argv[0]);
	bool pretty = argc > 1 && sqlite3_value_int64(argv[1]) != 0;
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *v = m->rels[i];
		const char *query = cat_view_query(v);
		if (query && cat_oid("rule", v->name, NULL) == oid) {
			struct arena *a = arena_new(0);
			struct pgerr err;
			pgerr_clear(&err);
			const struct cat_conn *cc = CTX_CONN(ctx);
			const char *def = cat_view_definition(cc, v, pretty, 0, a, &err);
			const char *name = cat_quote_ident(a, v->name);
			if (!pretty || !cat_public_visible(cc))
				name = arena_printf(a, "%s.%s", cat_quote_ident(a, cat_conn_public(cc)),
						    name);
			cat_result_text(ctx, arena_printf(a,
							  "CREATE RULE \"_RETURN\" AS\n    ON SELECT TO "
							  "%s DO INSTEAD %s",
							  name,
							  def ? def : arena_printf(a, " %s;", query)));
			arena_free(a);
			return;
		}
	}
	sqlite3_result_null(ctx);
}

/* ---- sizes ---- */

/* Digit-string arithmetic on a magnitude (no sign, no leading zeros but "0"), for
 * pg_size_pretty(numeric), whose values may have any number of digits. */
static void digits_div(char *d, unsigned v) /* in place, truncating */
{
	unsigned long long rem = 0;
	size_t o = 0;
	for (size_t i = 0; d[i]; i++) {
		rem = rem * 10 + (unsigned)(d[i] - '0');
		char q = (char)('0' + rem / v);
		rem %= v;
		if (o || q != '0')
			d[o++] = q;
	}
	if (!o)
		d[o++] = '0';
	d[o] = '\0';
}

static void digits_inc(char *d) /* d has room for one more digit */
{
	size_t n = strlen(d), i = n;
	while (i > 0 && d[i - 1] == '9')
		d[--i] = '0';
	if (i > 0) {
		d[i - 1]++;
	} else {
		memmove(d + 1, d, n + 1);
		d[0] = '1';
	}
}

static bool digits_below(const char *d, unsigned long v)
{
	char lim[24];
	snprintf(lim, sizeof(lim), "%lu", v);
	size_t n = strlen(d), m = strlen(lim);
	return n < m || (n == m && strcmp(d, lim) < 0);
}

/* pg_size_pretty of a numeric (decimal text): bytes as the value prints below 10 kB, then
 * PostgreSQL's truncating divisions and half rounding on the whole digits, PB unbounded. */
static void size_pretty_numeric(sqlite3_context *ctx, const char *text)
{
	static const char *const units[] = {"kB", "MB", "GB", "TB", "PB"};
	const char *p = text;
	bool neg = *p == '-';
	p += neg || *p == '+';
	size_t n = strcspn(p, ".");
	char *d = sqlite3_malloc64(n + 2);
	if (!d) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	memcpy(d, p, n);
	d[n] = '\0';
	size_t z = strspn(d, "0");
	memmove(d, d + (z == n && n ? n - 1 : z), n - (z == n && n ? n - 1 : z) + 1);
	if (!*d)
		strcpy(d, "0");
	if (digits_below(d, 10 * 1024)) {
		char *r = sqlite3_mprintf("%s bytes", text);
		sqlite3_result_text(ctx, r, -1, sqlite3_free);
		sqlite3_free(d);
		return;
	}
	digits_div(d, 512); /* one extra bit for the half rounding */
	size_t u = 0;
	while (!digits_below(d, 20 * 1024 - 1) && u + 1 < ARRAY_LEN(units)) {
		digits_div(d, 1024);
		u++;
	}
	digits_inc(d);
	digits_div(d, 2);
	char *r = sqlite3_mprintf("%s%s %s", neg && strcmp(d, "0") != 0 ? "-" : "", d, units[u]);
	sqlite3_result_text(ctx, r, -1, sqlite3_free);
	sqlite3_free(d);
}

static void fn_size_pretty(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char *const units[] = {"kB", "MB", "GB", "TB", "PB"};
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (sqlite3_value_type(argv[0]) == SQLITE_FLOAT) { /* a numeric beyond bigint, or not whole */
		double v = sqlite3_value_double(argv[0]);
		char whole[400];
		if (fabs(v) < 10 * 1024 || !isfinite(v) || fabs(v) >= 1e300)
			size_pretty_numeric(ctx, (const char *)sqlite3_value_text(argv[0]));
		else if (snprintf(whole, sizeof(whole), "%.0f", trunc(v)) < (int)sizeof(whole))
			size_pretty_numeric(ctx, whole); /* the double's whole part, exactly */
		return;
	}
	if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER) { /* numeric text */
		const char *t = (const char *)sqlite3_value_text(argv[0]);
		if (t)
			size_pretty_numeric(ctx, t);
		return;
	}
	long long size = sqlite3_value_int64(argv[0]);
	const long long limit = 10 * 1024, limit2 = limit * 2 - 1;
	char buf[64];
	if (size > -limit && size < limit) { /* not llabs: INT64_MIN has no magnitude */
		snprintf(buf, sizeof(buf), "%lld bytes", size);
	} else {
		/* divisions, not shifts: a negative size rounds as its magnitude does */
		size /= 512; /* one extra bit for rounding, as PostgreSQL keeps */
		size_t u = 0;
		while (llabs(size) >= limit2 && u + 1 < ARRAY_LEN(units)) {
			size /= 1024;
			u++;
		}
		snprintf(buf, sizeof(buf), "%lld %s", (size + (size < 0 ? -1 : 1)) / 2, units[u]);
	}
	cat_result_text(ctx, buf);
}

/* Bytes of the pages SQLite uses for the b-tree sqlname (SQLite's dbstat table); -1 with
 * ctx's error set when dbstat is missing. */
static int64_t btree_bytes(sqlite3_context *ctx, const char *sqlname)
{
	sqlite3_stmt *st = NULL;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (sqlite3_prepare_v2(db, "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ?1",
			       -1, &st, NULL) != SQLITE_OK) {
		sqlite3_result_error(ctx, "relation sizes need SQLite's dbstat table", -1);
		return -1;
	}
	sqlite3_bind_text(st, 1, sqlname ? sqlname : "", -1, SQLITE_STATIC);
	int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return n;
}

/* The indexes of table rel together; an INTEGER PRIMARY KEY's has no b-tree of its own. */
static int64_t indexes_bytes(sqlite3_context *ctx, const struct cat_model *m,
			     const struct cat_rel *rel)
{
	int64_t sum = 0;
	for (size_t i = 0; i < m->nidx && sum >= 0; i++) {
		const struct cat_index *ix = m->idx[i];
		if (ix->table != rel || !ix->rel->sqlname)
			continue;
		int64_t n = btree_bytes(ctx, ix->rel->sqlname);
		sum = n < 0 ? n : sum + n;
	}
	return sum;
}

enum size_kind { SIZE_RELATION, SIZE_INDEXES, SIZE_TOTAL, SIZE_NONE };

/* pg_relation_size and pg_table_size: the relation's own b-tree; pg_indexes_size: its
 * indexes; pg_total_relation_size: both (SQLite keeps no TOAST). */
static void relation_size(sqlite3_context *ctx, sqlite3_value **argv, enum size_kind kind)
{
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m || sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	const struct cat_rel *rel = NULL;
	if (sqlite3_value_type(argv[0]) == SQLITE_TEXT) {
		/* a name: PostgreSQL reads the literal as regclass ('public.t' or 't') */
		const char *name = cat_conn_unqualify(CTX_CONN(ctx),
						      (const char *)sqlite3_value_text(argv[0]));
		rel = cat_model_rel(m, name);
		if (!rel) {
			pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				   (const char *)sqlite3_value_text(argv[0]));
			return;
		}
	} else {
		rel = cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(argv[0]));
	}
	if (!rel) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t own = kind == SIZE_INDEXES || kind == SIZE_NONE ? 0 : btree_bytes(ctx, rel->sqlname);
	int64_t idx = kind == SIZE_RELATION || kind == SIZE_NONE || own < 0
			      ? 0
			      : indexes_bytes(ctx, m, rel);
	if (own >= 0 && idx >= 0)
		sqlite3_result_int64(ctx, own + idx);
}

/* pg_relation_size(rel[, fork]): SQLite keeps one b-tree per relation, PostgreSQL's main fork;
 * the free space map, visibility map and init forks do not exist here (0 bytes). */
static void fn_relation_size(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc == 2) {
		const char *fork = (const char *)sqlite3_value_text(argv[1]);
		if (!fork || sqlite3_value_type(argv[0]) == SQLITE_NULL)
			return;
		if (strcmp(fork, "main") != 0) {
			if (strcmp(fork, "fsm") == 0 || strcmp(fork, "vm") == 0 ||
			    strcmp(fork, "init") == 0)
				relation_size(ctx, argv, SIZE_NONE);
			else
				pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
					   "invalid fork name");
			return;
		}
	}
	relation_size(ctx, argv, SIZE_RELATION);
}

static void fn_indexes_size(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	relation_size(ctx, argv, SIZE_INDEXES);
}

static void fn_total_size(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	relation_size(ctx, argv, SIZE_TOTAL);
}

/* ---- session facts (lent by the session, see catalog_lend) ---- */

static const char *setting(struct cat_conn *cc, const char *name)
{
	const struct catalog_session *s = cc->sess;
	return s && s->setting ? s->setting(s->setting_arg, name) : NULL;
}

static void fn_version(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *v = setting(CTX_CONN(ctx), "server_version");
	char *s = sqlite3_mprintf("PostgreSQL %s, storage SQLite %s", v ? v : "15.0",
				  sqlite3_libversion());
	sqlite3_result_text(ctx, s, -1, sqlite3_free);
}

static void fn_current_setting(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *v = name ? setting(CTX_CONN(ctx), name) : NULL;
	if (v || !name || (argc > 1 && sqlite3_value_int(argv[1]))) {
		cat_result_text(ctx, v);
		return;
	}
	char *msg = sqlite3_mprintf("unrecognized configuration parameter \"%s\"", name);
	sqlite3_result_error(ctx, msg, -1);
	sqlite3_free(msg);
}

/* set_config(name, value, is_local): SET through the session, answering the new value. */
static void fn_set_config(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct catalog_session *s = CTX_CONN(ctx)->sess;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *value = (const char *)sqlite3_value_text(argv[1]);
	struct pgerr err = {0};
	if (!name) {
		pgfn_error(ctx, "22004", "SET requires parameter name");
		return;
	}
	if (!s || !s->set_setting) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "set_config is not supported here");
		return;
	}
	if (!s->set_setting(s->setting_arg, name, value, sqlite3_value_int(argv[2]) != 0, &err)) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		return;
	}
	cat_result_text(ctx, setting(CTX_CONN(ctx), name));
}

static void fn_current_database(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	cat_result_text(ctx, cat_conn_database(CTX_CONN(ctx)));
}

static void fn_backend_pid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct catalog_session *s = CTX_CONN(ctx)->sess;
	sqlite3_result_int64(ctx, s ? s->backend_pid : 0);
}

/* inet_client_addr(), inet_client_port(), inet_server_addr(), inet_server_port(): the
 * connection's TCP ends; NULL on a Unix socket, as in PostgreSQL. */
static void inet_answer(sqlite3_context *ctx, bool server, bool port)
{
	const struct catalog_session *s = CTX_CONN(ctx)->sess;
	char addr[64];
	int n = 0;
	if (!s || !s->inet || !s->inet(s->setting_arg, server, addr, sizeof(addr), &n))
		sqlite3_result_null(ctx);
	else if (!port)
		cat_result_text(ctx, addr);
	else
		sqlite3_result_int(ctx, n);
}

static void fn_inet_client_addr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	inet_answer(ctx, false, false);
}

static void fn_inet_client_port(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	inet_answer(ctx, false, true);
}

static void fn_inet_server_addr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	inet_answer(ctx, true, false);
}

static void fn_inet_server_port(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	inet_answer(ctx, true, true);
}

static void fn_session_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	cat_result_text(ctx, cat_conn_user(CTX_CONN(ctx)));
}

/* A tenant is never a standby: no recovery, and no WAL replay to ask about. */
/* bpchar(x): x as character without a length, which keeps the text as it is (pgAdmin writes
 * bpchar(ev_type) = '1'::bpchar); trailing blanks still count in comparisons here. */
static void fn_bpchar(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		sqlite3_result_null(ctx);
	else
		cat_result_text(ctx, (const char *)sqlite3_value_text(argv[0]));
}

static void fn_false(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_int(ctx, 0);
}

static void fn_no_recovery(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_error(ctx, "recovery is not in progress", -1);
}

/* The tenant's file: its pages times the page size. */
/* Another database pg_database lists: its tenant file's size, as the session measures it. */
static bool other_database_size(sqlite3_context *ctx, struct cat_conn *cc, sqlite3_value *v)
{
	struct arena *a = arena_new(0);
	bool self = false;
	const char *name = cat_database_find(cc, v, a, &self);
	int64_t size = name && cc->sess && cc->sess->database_size
			       ? cc->sess->database_size(cc->sess->setting_arg, name)
			       : -1;
	if (size >= 0)
		sqlite3_result_int64(ctx, size);
	arena_free(a);
	return size >= 0;
}

static void fn_database_size(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct cat_conn *cc = CTX_CONN(ctx);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	bool self = sqlite3_value_type(argv[0]) == SQLITE_INTEGER
			    ? sqlite3_value_int64(argv[0]) == CAT_DB_OID
			    : name && strcmp(name, cat_conn_database(cc)) == 0;
	if (!self && other_database_size(ctx, cc, argv[0]))
		return;
	if (!self) {
		pgfn_error(ctx, SQLSTATE_INVALID_CATALOG_NAME, "database \"%s\" does not exist",
			   name ? name : "");
		return;
	}
	sqlite3_stmt *st = NULL;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (sqlite3_prepare_v2(db,
			       "SELECT p.page_count * s.page_size FROM pragma_page_count() AS p, "
			       "pragma_page_size() AS s",
			       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		sqlite3_result_int64(ctx, sqlite3_column_int64(st, 0));
	else
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
	sqlite3_finalize(st);
}

/* The built-in tablespaces live in the data directory: PostgreSQL prints no location. */
static void fn_tablespace_location(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int64_t oid = sqlite3_value_int64(argv[0]);
	if (oid == CAT_TABLESPACE_DEFAULT || oid == CAT_TABLESPACE_DEFAULT + 1)
		cat_result_text(ctx, "");
	else
		sqlite3_result_null(ctx);
}

/* ---- registration ---- */

/* deterministic: the answer depends on the arguments alone */
static const struct pgfn_def fixed_fns[] = {
	{"pg_table_is_visible", 1, fn_table_visible},
	{"pg_type_is_visible", 1, fn_visible},
	{"pg_function_is_visible", 1, fn_visible},
	{"pg_operator_is_visible", 1, fn_visible},
	{"pg_opclass_is_visible", 1, fn_visible},
	{"pg_opfamily_is_visible", 1, fn_visible},
	{"pg_conversion_is_visible", 1, fn_visible},
	{"pg_collation_is_visible", 1, fn_visible}, /* psql's \dO, \dF*, \dX */
	{"pg_ts_config_is_visible", 1, fn_visible},
	{"pg_ts_dict_is_visible", 1, fn_visible},
	{"pg_ts_parser_is_visible", 1, fn_visible},
	{"pg_ts_template_is_visible", 1, fn_visible},
	{"pg_statistics_obj_is_visible", 1, fn_visible},
	{"pg_char_to_encoding", 1, fn_char_to_encoding},
	{"shobj_description", 2, fn_null},
	{"pg_get_function_sqlbody", 1, fn_null},
	{"pg_encoding_to_char", 1, fn_encoding_to_char},
	{"pg_size_pretty", 1, fn_size_pretty},
	{"pg_get_statisticsobjdef_columns", 1, fn_null},
	{"pg_tablespace_location", 1, fn_tablespace_location},
	{"pg_is_in_recovery", 0, fn_false},
	{"bpchar", 1, fn_bpchar},
	{"pg_is_wal_replay_paused", 0, fn_no_recovery},
	/* autovacuum's history: never (SQLite has no autovacuum daemon); VACUUM's and ANALYZE's
	 * are the sidecar's (catalog_vacstat.c) */
	{"pg_stat_get_last_autovacuum_time", 1, fn_null},
	{"pg_stat_get_last_autoanalyze_time", 1, fn_null},
	{"pg_stat_get_autovacuum_count", 1, fn_false},
	{"pg_stat_get_autoanalyze_count", 1, fn_false},
};

/* the answer depends on the tenant's schema or the session too */
static const struct pgfn_def session_fns[] = {
	{"format_type", 2, fn_format_type},
	{"current_schemas", 1, fn_current_schemas},
	{"pg_get_expr", 2, fn_get_expr},
	{"pg_get_expr", 3, fn_get_expr},
	{"pg_get_indexdef", 1, fn_get_indexdef},
	{"pg_get_indexdef", 3, fn_get_indexdef},
	{"pg_index_column_has_property", 3, fn_index_column_has_property},
	{"pg_get_constraintdef", 1, fn_get_constraintdef},
	{"pg_get_constraintdef", 2, fn_get_constraintdef},
	{"pg_get_userbyid", 1, fn_get_userbyid},
	{"pg_table_size", 1, fn_relation_size},
	{"pg_relation_size", 1, fn_relation_size},
	{"pg_relation_size", 2, fn_relation_size},
	{"pg_total_relation_size", 1, fn_total_size},
	{"pg_indexes_size", 1, fn_indexes_size},
	{"version", 0, fn_version},
	{"current_setting", 1, fn_current_setting},
	{"current_setting", 2, fn_current_setting},
	{"current_database", 0, fn_current_database},
	{"pg_backend_pid", 0, fn_backend_pid},
	{"inet_client_addr", 0, fn_inet_client_addr},
	{"inet_client_port", 0, fn_inet_client_port},
	{"inet_server_addr", 0, fn_inet_server_addr},
	{"inet_server_port", 0, fn_inet_server_port},
	{"pg_session_user", 0, fn_session_user},
	{"pg_database_size", 1, fn_database_size},
	{"pg_blocking_pids", 1, cat_fn_blocking_pids},
	{"pg_partition_ancestors", 1, fn_partition_ancestors},
	{"shardlite_partition_ancestors_array", 1, fn_partition_ancestors_array},
	{"pg_partition_root", 1, fn_partition_root},
	{"pg_relation_is_publishable", 1, fn_is_publishable},
	{"pg_relation_is_updatable", 2, fn_relation_is_updatable},
	{"pg_column_is_updatable", 3, fn_column_is_updatable},
	{"pg_get_ruledef", 1, fn_get_ruledef},
	{"pg_get_ruledef", 2, fn_get_ruledef},
	{"pg_get_viewdef", 1, fn_get_viewdef},
	{"pg_get_viewdef", 2, fn_get_viewdef},
	{"pg_get_viewdef_wrap", 2, fn_get_viewdef_wrap},
};

/* set_config changes the session: never from a view, trigger or schema expression */
static const struct pgfn_def direct_fns[] = {
	{"set_config", 3, fn_set_config},
};

bool cat_fn_register(sqlite3 *db, struct cat_conn *cc)
{
	/* no side effects: usable in views, CHECK and DEFAULT with trusted_schema off */
	return pgfn_define_with(db, fixed_fns, ARRAY_LEN(fixed_fns),
				SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC, cc) == SQLITE_OK &&
	       pgfn_define_with(db, session_fns, ARRAY_LEN(session_fns), SQLITE_INNOCUOUS, cc) ==
		       SQLITE_OK &&
	       pgfn_define_with(db, direct_fns, ARRAY_LEN(direct_fns), SQLITE_DIRECTONLY, cc) ==
		       SQLITE_OK &&
	       cat_reg_register(db, cc) && cat_regoper_register(db, cc) &&
	       cat_array_register(db) && cat_builtin_register(db) && cat_vacstat_register(db, cc) &&
	       cat_fndef_register(db);
}
