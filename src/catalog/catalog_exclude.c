/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_exclude.c: EXCLUDE constraints when they are made and as the catalog shows them.
 * shardlite_exclude (written by the translator, xlat_exclude.c) makes PostgreSQL's checks of
 * DefineIndex/ComputeIndexAttrs with the columns' types, picks the constraint's name, makes
 * the index and triggers (xlat_exclude_sqlite) and checks the rows already there;
 * shardlite_exclude_conflict raises 23P01 with PostgreSQL's DETAIL from the triggers. The
 * model reads the operators back from the index's stored SQL (XLAT_EXCLUDE_MARK): pg_constraint
 * contype 'x' with conexclop, pg_index.indisexclusion, pg_get_constraintdef. */
#include "catalog_int.h"

#include "pgtype.h"
#include "xlat.h"

#include <string.h>
#include <strings.h>

#define SEP '\x1f'
#define AM_GIST 783
#define MAX_KEYS 32 /* PostgreSQL's INDEX_MAX_KEYS */

/* The types btree_gist gives gist operator classes (btree_gist 1.7, PostgreSQL 15), in the
 * order its script creates them (their OIDs' order), with each class's name. */
static const struct {
	uint32_t type;
	const char *opclass;
} btree_gist_types[] = {
	{PGTYPE_OID, "gist_oid_ops"},
	{PGTYPE_INT2, "gist_int2_ops"},
	{PGTYPE_INT4, "gist_int4_ops"},
	{PGTYPE_INT8, "gist_int8_ops"},
	{PGTYPE_FLOAT4, "gist_float4_ops"},
	{PGTYPE_FLOAT8, "gist_float8_ops"},
	{PGTYPE_TIMESTAMP, "gist_timestamp_ops"},
	{PGTYPE_TIMESTAMPTZ, "gist_timestamptz_ops"},
	{PGTYPE_TIME, "gist_time_ops"},
	{PGTYPE_TIMETZ, "gist_timetz_ops"},
	{PGTYPE_DATE, "gist_date_ops"},
	{PGTYPE_INTERVAL, "gist_interval_ops"},
	{PGTYPE_MACADDR, "gist_macaddr_ops"},
	{PGTYPE_TEXT, "gist_text_ops"},
	{PGTYPE_VARCHAR, "gist_text_ops"}, /* text's class serves it */
	{PGTYPE_BPCHAR, "gist_bpchar_ops"},
	{PGTYPE_BYTEA, "gist_bytea_ops"},
	{PGTYPE_NUMERIC, "gist_numeric_ops"},
	{PGTYPE_BIT, "gist_bit_ops"},
	{PGTYPE_VARBIT, "gist_vbit_ops"},
	{PGTYPE_INET, "gist_inet_ops"},
	{PGTYPE_CIDR, "gist_cidr_ops"},
	{PGTYPE_UUID, "gist_uuid_ops"},
	{PGTYPE_MACADDR8, "gist_macaddr8_ops"},
	{PGTYPE_BOOL, "gist_bool_ops"},
};

/* type's place in btree_gist_types, -1 when it has no class there */
static int btree_gist_rank(uint32_t type)
{
	for (size_t i = 0; i < ARRAY_LEN(btree_gist_types); i++) {
		if (btree_gist_types[i].type == type)
			return (int)i;
	}
	return -1;
}

static bool btree_gist_type(uint32_t type) { return btree_gist_rank(type) >= 0; }

bool cat_btree_gist_class(sqlite3 *db, uint32_t am, uint32_t type)
{
	return am == AM_GIST && btree_gist_type(type) && cat_ext_created(db, "btree_gist");
}

/* The binary operator name of (type, type): exactly, else through binary-coercible types
 * (varchar's = is text's, a range's && is anyrange's); NULL when there is none. */
static const struct cat_oper *oper_for(const struct cat_model *m, const char *name, uint32_t type)
{
	size_t n = 0;
	const struct cat_oper *o = cat_opers(&n), *compat = NULL;
	for (size_t i = 0; i < n; i++) {
		if (o[i].kind != 'b' || strcmp(o[i].name, name) != 0)
			continue;
		if (o[i].left == type && o[i].right == type)
			return &o[i];
		if (!compat && cat_binary_coercible(m, type, o[i].left) &&
		    cat_binary_coercible(m, type, o[i].right))
			compat = &o[i];
	}
	return compat;
}

static bool in_family(uint32_t family, uint32_t opr)
{
	size_t n = 0;
	const struct cat_amop *op = cat_amops(&n);
	for (size_t i = 0; i < n; i++) {
		if (op[i].family == family && op[i].opr == opr && op[i].purpose == 's')
			return true;
	}
	return false;
}

static const char *family_name(uint32_t family)
{
	size_t n = 0;
	const struct cat_opfamily *f = cat_opfamilies(&n);
	for (size_t i = 0; i < n; i++) {
		if (f[i].oid == family)
			return f[i].name;
	}
	return "?";
}

/* PostgreSQL's format_operator: "&&(anyrange,anyrange)". */
static const char *oper_text(const struct cat_model *m, struct arena *a, const struct cat_oper *o)
{
	return arena_printf(a, "%s(%s,%s)", o->name, cat_format_type_m(m, a, o->left, -1),
			    cat_format_type_m(m, a, o->right, -1));
}

/* One element's checks, in ComputeIndexAttrs' order: the operator class of the key's type,
 * the operator, that it is its own commutator and a member of the class's family. */
static bool check_element(sqlite3_context *ctx, const struct cat_model *m, struct arena *a,
			  const struct cat_am *am, const struct cat_col *col, const char *opname)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *tname = cat_format_type_m(m, a, col->typoid, -1);
	uint32_t opc = cat_opclass_default(m, am->oid, col->typoid);
	bool btree_gist = !opc && cat_btree_gist_class(db, am->oid, col->typoid);
	if (!opc && !btree_gist) { /* the HINT is added by the shard's error mapping */
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
			   "data type %s has no default operator class for access method \"%s\"",
			   tname, am->name);
		return false;
	}
	const struct cat_oper *o = oper_for(m, opname, col->typoid);
	if (!o) {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_FUNCTION, "operator does not exist: %s %s %s",
			   tname, opname, tname);
		return false;
	}
	if (o->com != o->oid) {
		pgfn_error_detail(
			ctx, "42809",
			"Only commutative operators can be used in exclusion constraints.",
			"operator %s is not commutative", oper_text(m, a, o));
		return false;
	}
	const struct cat_opclass *oc = opc ? cat_opclass_by_oid(opc) : NULL;
	bool member = oc ? in_family(oc->family, o->oid)
			 : strcmp(o->name, "=") == 0 || strcmp(o->name, "<>") == 0;
	if (!member) {
		pgfn_error_detail(ctx, "42809",
				  "The exclusion operator must be related to the index operator "
				  "class for the constraint.",
				  "operator %s is not a member of operator family \"%s\"",
				  oper_text(m, a, o), oc ? family_name(oc->family) : "?");
		return false;
	}
	return true;
}

/* Whether name is taken by a relation or (any table's) constraint. */
static bool name_taken(sqlite3 *db, const struct cat_model *m, const char *name)
{
	sqlite3_stmt *st = NULL;
	bool taken = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE", -1,
			       &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		taken = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; !taken && i < m->nidx; i++)
		taken = m->idx[i]->conname && strcmp(m->idx[i]->conname, name) == 0;
	for (size_t i = 0; !taken && i < m->nfks; i++)
		taken = strcmp(m->fks[i]->name, name) == 0;
	for (size_t i = 0; !taken && i < m->nchecks; i++)
		taken = strcmp(m->checks[i]->name, name) == 0;
	return taken;
}

/* Whether table t has a constraint called name. */
static bool table_constraint(const struct cat_model *m, const struct cat_rel *t, const char *name)
{
	for (size_t i = 0; i < m->nidx; i++) {
		if (m->idx[i]->table == t && m->idx[i]->conname &&
		    strcmp(m->idx[i]->conname, name) == 0)
			return true;
	}
	for (size_t i = 0; i < m->nfks; i++) {
		if (m->fks[i]->table == t && strcmp(m->fks[i]->name, name) == 0)
			return true;
	}
	for (size_t i = 0; i < m->nchecks; i++) {
		if (m->checks[i]->table == t && strcmp(m->checks[i]->name, name) == 0)
			return true;
	}
	return false;
}

/* The constraint's name: the one given (42P07/42710 when taken), else ChooseRelationName's
 * "table_cols_excl", a digit added while taken. NULL after raising the error. */
static const char *choose_name(sqlite3_context *ctx, const struct cat_model *m, struct arena *a,
			       const struct cat_rel *t, const char *given, const char *name_cols)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (given) {
		if (name_taken(db, m, given) && !table_constraint(m, t, given)) {
			sqlite3_stmt *st = NULL;
			bool rel = false;
			if (sqlite3_prepare_v2(db,
					       "SELECT 1 FROM sqlite_schema WHERE name = ?1 "
					       "COLLATE NOCASE",
					       -1, &st, NULL) == SQLITE_OK) {
				sqlite3_bind_text(st, 1, given, -1, SQLITE_STATIC);
				rel = sqlite3_step(st) == SQLITE_ROW;
			}
			sqlite3_finalize(st);
			if (rel) {
				pgfn_error(ctx, SQLSTATE_DUPLICATE_TABLE,
					   "relation \"%s\" already exists", given);
				return NULL;
			}
			return given; /* another table's constraint of that name: allowed */
		}
		if (table_constraint(m, t, given)) {
			pgfn_error(ctx, "42710",
				   "constraint \"%s\" for relation \"%s\" already exists", given,
				   t->name);
			return NULL;
		}
		return given;
	}
	for (int pass = 0; pass < 100000; pass++) {
		const char *label = pass ? arena_printf(a, "excl%d", pass) : "excl";
		const char *cand = base_object_name(a, t->name, name_cols, label);
		if (!name_taken(db, m, cand))
			return cand;
	}
	pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
		   "no free default name for this object of table \"%s\"", t->name);
	return NULL;
}

/* Splits a SEP-joined list into at most max parts, in a; their number. */
static size_t split(struct arena *a, const char *s, const char **out, size_t max)
{
	size_t n = 0;
	for (const char *p = s; p && n < max;) {
		const char *e = strchr(p, SEP);
		out[n++] = arena_strndup(a, p, e ? (size_t)(e - p) : strlen(p));
		p = e ? e + 1 : NULL;
	}
	return n;
}

static bool run(sqlite3_context *ctx, const char *sql)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return true;
	/* an error of shardlite_exclude_conflict (or any pgfn error) passes through as it is */
	sqlite3_result_error(ctx, msg ? msg : sqlite3_errmsg(db), -1);
	sqlite3_free(msg);
	return false;
}

/* The AFTER triggers of table's EXCLUDE constraints dropped and made again from their stored
 * SQL, the newest constraint's (its index's sqlite_schema row) first: SQLite fires the triggers
 * made last first, so a row that conflicts under several constraints is refused naming the
 * oldest, as PostgreSQL checks them in index OID order. */
static bool reorder(sqlite3_context *ctx, const char *table)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT t.name, t.sql FROM sqlite_schema AS i JOIN sqlite_schema AS t "
		    "ON t.type = 'trigger' AND t.name IN (i.name || '" XLAT_EXCLUDE_INSERT
		    "', i.name || '" XLAT_EXCLUDE_UPDATE "') WHERE i.type = 'index' AND "
		    "i.tbl_name = ?1 COLLATE NOCASE AND instr(i.sql, '" XLAT_EXCLUDE_MARK
		    "') ORDER BY i.rowid DESC, t.name",
		    -1, &st, NULL) != SQLITE_OK) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "%s", sqlite3_errmsg(db));
		return false;
	}
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *q = sqlite3_mprintf("DROP TRIGGER \"%w\"; %s; ", sqlite3_column_text(st, 0),
					  sqlite3_column_text(st, 1));
		strbuf_puts(&sb, q ? q : "");
		sb.failed |= q == NULL;
		sqlite3_free(q);
		n++;
	}
	sqlite3_finalize(st);
	bool ok = true;
	if (sb.failed)
		ok = (pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "out of memory"), false);
	else if (n > 2) /* one constraint's are in order already */
		ok = run(ctx, sb.data);
	strbuf_fini(&sb);
	return ok;
}

/* shardlite_exclude(table, name, method, columns, operators, predicate, name_columns):
 * ALTER TABLE table ADD [CONSTRAINT name] EXCLUDE USING method (column WITH operator, ...)
 * [WHERE (predicate)] (columns and operators 0x1f-joined, predicate SQLite text or NULL). */
static void fn_exclude(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *given = (const char *)sqlite3_value_text(argv[1]);
	const char *amname = (const char *)sqlite3_value_text(argv[2]);
	const struct cat_model *m = table && amname ? cat_fn_model(ctx) : NULL;
	if (!m)
		return;
	sqlite3_result_null(ctx);
	const struct cat_rel *t = cat_model_rel(m, table);
	if (t && t->temp) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "an EXCLUDE constraint on a temporary table is not supported");
		return;
	}
	if (!t || t->kind != 'r') {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist", table);
		return;
	}
	const struct cat_am *am = cat_am_by_name(amname);
	if (!am || am->type != 'i') {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "access method \"%s\" does not exist",
			   amname);
		return;
	}
	if (am->oid != AM_GIST && am->oid != CAT_AM_BTREE) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "EXCLUDE USING %s is not supported",
			   am->name);
		return;
	}
	struct arena *a = arena_new(0);
	const char *cols[MAX_KEYS], *ops[MAX_KEYS];
	uint32_t types[MAX_KEYS];
	size_t n = split(a, (const char *)sqlite3_value_text(argv[3]), cols, MAX_KEYS);
	size_t nops = split(a, (const char *)sqlite3_value_text(argv[4]), ops, MAX_KEYS);
	bool ok = n == nops;
	for (size_t i = 0; ok && i < n; i++) {
		const struct cat_col *col = NULL;
		for (int k = 0; k < t->ncols && !col; k++) {
			if (strcmp(t->cols[k].name, cols[i]) == 0)
				col = &t->cols[k];
		}
		if (!col) {
			pgfn_error(ctx, SQLSTATE_UNDEFINED_COLUMN,
				   "column \"%s\" named in key does not exist", cols[i]);
			ok = false;
			break;
		}
		types[i] = col->typoid;
		ok = check_element(ctx, m, a, am, col, ops[i]);
	}
	const char *name =
		ok ? choose_name(ctx, m, a, t, given, (const char *)sqlite3_value_text(argv[6]))
		   : NULL;
	struct xlat_exclude x = {.a = a,
				 .table = t->name,
				 .name = name,
				 .am = am->name,
				 .pred = (const char *)sqlite3_value_text(argv[5]),
				 .cols = cols,
				 .ops = ops,
				 .types = types,
				 .n = n};
	struct strbuf sb, chk;
	strbuf_init(&sb, 0);
	strbuf_init(&chk, 0);
	if (name && (!xlat_exclude_sqlite(&sb, &x) || !xlat_exclude_check_sql(&chk, &x))) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "this EXCLUDE constraint is not supported");
		name = NULL;
	}
	if (name && (sb.failed || chk.failed)) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "out of memory");
		name = NULL;
	}
	/* made first: the check's error names the constraint through its index */
	if (name && run(ctx, sb.data) && run(ctx, chk.data))
		(void)reorder(ctx, t->name);
	strbuf_fini(&sb);
	strbuf_fini(&chk);
	arena_free(a);
}

/* shardlite_exclude_rename(name, to): ALTER TABLE ... RENAME CONSTRAINT or ALTER INDEX ...
 * RENAME of an EXCLUDE constraint (the caller checked the new name): its index and triggers
 * are made again under the new name. */
static void fn_exclude_rename(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *to = (const char *)sqlite3_value_text(argv[1]);
	const struct cat_model *m = name && to ? cat_fn_model(ctx) : NULL;
	if (!m)
		return;
	sqlite3_result_null(ctx);
	const struct cat_index *ix = NULL;
	for (size_t i = 0; i < m->nidx && !ix; i++) {
		if (m->idx[i]->exclops && strcmp(m->idx[i]->rel->name, name) == 0)
			ix = m->idx[i];
	}
	if (!ix || ix->nkeys > MAX_KEYS) {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "index \"%s\" does not exist", name);
		return;
	}
	struct arena *a = arena_new(0);
	const char *cols[MAX_KEYS];
	uint32_t types[MAX_KEYS];
	for (int k = 0; k < ix->nkeys; k++) {
		cols[k] = ix->exprs[k];
		types[k] = ix->keys[k] > 0 ? ix->table->cols[ix->keys[k] - 1].typoid : 0;
	}
	const struct cat_am *am = cat_am_by_oid(ix->am);
	struct xlat_exclude x = {.a = a,
				 .table = ix->table->name,
				 .name = to,
				 .am = am ? am->name : "gist",
				 .pred = ix->pred,
				 .cols = cols,
				 .ops = ix->exclops,
				 .types = types,
				 .n = (size_t)ix->nkeys};
	struct strbuf sb;
	strbuf_init(&sb, 0);
	cat_exclude_drop_sql(&sb, name);
	char *drop = sqlite3_mprintf("DROP INDEX \"%w\"; ", name);
	strbuf_puts(&sb, drop ? drop : "");
	sb.failed |= drop == NULL;
	sqlite3_free(drop);
	if (!xlat_exclude_sqlite(&sb, &x))
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "this EXCLUDE constraint is not supported");
	else if (sb.failed)
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "out of memory");
	else if (run(ctx, sb.data)) /* made again, it counts as the newest from now on */
		(void)reorder(ctx, ix->table->name);
	strbuf_fini(&sb);
	arena_free(a);
}

/* The constraint's columns (pragma_index_info of its index: their names now) as "(a, b)", and
 * their types, into cols/types; their number, 0 when there is no such index. */
static int key_columns(sqlite3 *db, const char *name, struct strbuf *cols, uint32_t *types,
		       int32_t *typmods, int max)
{
	sqlite3_stmt *st = NULL;
	int n = 0;
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT i.name, s.tbl_name FROM sqlite_schema AS s, "
		    "pragma_index_info(s.name) AS i WHERE s.type = 'index' AND s.name = ?1 "
		    "ORDER BY i.seqno",
		    -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	strbuf_putc(cols, '(');
	while (sqlite3_step(st) == SQLITE_ROW && n < max) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		const char *decl = NULL;
		types[n] = PGTYPE_TEXT;
		typmods[n] = -1;
		if (sqlite3_table_column_metadata(db, "main",
						  (const char *)sqlite3_column_text(st, 1), col,
						  &decl, NULL, NULL, NULL, NULL) == SQLITE_OK)
			types[n] = pgtype_from_decl(decl, &typmods[n]);
		strbuf_puts(cols, n ? ", " : "");
		pgfn_quote_ident(cols, col ? col : "", col ? strlen(col) : 0);
		n++;
	}
	strbuf_putc(cols, ')');
	sqlite3_finalize(st);
	return n;
}

/* "(a, b)=(1, x)": BuildIndexValueDescription's text of one row's key (NULL as "null"). */
static void key_text(struct strbuf *sb, const char *cols, const uint32_t *types,
		     const int32_t *typmods, int n, sqlite3_value **v)
{
	strbuf_printf(sb, "%s=(", cols);
	for (int i = 0; i < n; i++) {
		struct pgtype_value pv;
		strbuf_puts(sb, i ? ", " : "");
		if (pgfn_pgtype_value(v[i], &pv))
			pgtype_encode_text_typmod(sb, types[i], typmods[i], &pv);
		else
			strbuf_puts(sb, "null");
	}
	strbuf_putc(sb, ')');
}

/* shardlite_exclude_conflict(kind, name, new values..., existing values...): a row conflicts
 * with another (kind 0, from the triggers) or two rows already there do (kind 1, when the
 * constraint is added): PostgreSQL's 23P01 with the keys in its DETAIL. */
static void fn_exclude_conflict(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int kind = sqlite3_value_int(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[1]);
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	struct strbuf cols, detail;
	strbuf_init(&cols, 0);
	strbuf_init(&detail, 0);
	uint32_t types[MAX_KEYS];
	int32_t typmods[MAX_KEYS];
	int n = name ? key_columns(db, name, &cols, types, typmods, MAX_KEYS) : 0;
	if (n > 0 && argc == 2 + 2 * n) {
		strbuf_puts(&detail, "Key ");
		key_text(&detail, cols.data, types, typmods, n, argv + 2);
		strbuf_puts(&detail,
			    kind ? " conflicts with key " : " conflicts with existing key ");
		key_text(&detail, cols.data, types, typmods, n, argv + 2 + n);
		strbuf_putc(&detail, '.');
	} else {
		strbuf_puts(&detail, "Key conflicts exist.");
	}
	if (kind)
		pgfn_error_detail(ctx, "23P01", detail.failed ? "" : detail.data,
				  "could not create exclusion constraint \"%s\"", name ? name : "");
	else
		pgfn_error_detail(ctx, "23P01", detail.failed ? "" : detail.data,
				  "conflicting key value violates exclusion constraint \"%s\"",
				  name ? name : "");
	strbuf_fini(&cols);
	strbuf_fini(&detail);
}

void cat_exclude_read(struct cat_model *m, struct cat_index *ix, const char *sql)
{
	const char *p = sql ? strstr(sql, XLAT_EXCLUDE_MARK) : NULL;
	if (!p)
		return;
	p += strlen(XLAT_EXCLUDE_MARK);
	ix->exclops = arena_zalloc(m->a, (size_t)(ix->nkeys + 1) * sizeof(*ix->exclops));
	for (int k = 0; k < ix->nkeys; k++) {
		size_t len = strcspn(p, " */");
		ix->exclops[k] = arena_strndup(m->a, p, len);
		p += len;
		p += strspn(p, " ");
	}
	ix->conname = ix->rel->name;
	ix->conoid = cat_con_oid(ix->table, ix->conname);
}

const char *cat_exclude_opers(const struct cat_model *m, struct arena *a,
			      const struct cat_index *ix)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (int k = 0; k < ix->nkeys; k++) {
		const struct cat_oper *o =
			ix->keys[k] > 0 && ix->keys[k] <= ix->table->ncols
				? oper_for(m, ix->exclops[k],
					   ix->table->cols[ix->keys[k] - 1].typoid)
				: NULL;
		strbuf_printf(&sb, "%s%u", k ? "," : "", o ? o->oid : 0);
	}
	strbuf_putc(&sb, '}');
	const char *r = arena_strdup(a, sb.data ? sb.data : "{}");
	strbuf_fini(&sb);
	return r;
}

const char *cat_exclude_def(const struct cat_model *m, struct arena *a, const struct cat_index *ix)
{
	const struct cat_am *am = cat_am_by_oid(ix->am);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "EXCLUDE USING %s (", am ? am->name : "btree");
	for (int k = 0; k < ix->nkeys; k++)
		strbuf_printf(&sb, "%s%s WITH %s", k ? ", " : "", cat_quote_ident(a, ix->exprs[k]),
			      ix->exclops[k]);
	strbuf_putc(&sb, ')');
	if (ix->pred)
		strbuf_printf(&sb, " WHERE (%s)", ix->pred);
	const char *r = arena_strdup(a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	(void)m;
	return r;
}

/* The btree_gist class a gist index (or EXCLUDE constraint) is reported to depend on: DROP
 * EXTENSION visits the classes newest first and names each object once, by the first one that
 * reaches it, its newest; -1 when it uses none. */
static int btree_gist_dependency(const struct cat_model *m, const struct cat_index *ix)
{
	int best = -1;
	for (int k = 0; ix->am == AM_GIST && k < ix->nkeys; k++) {
		uint32_t type = ix->keys[k] > 0 && ix->keys[k] <= ix->table->ncols
					? ix->table->cols[ix->keys[k] - 1].typoid
					: 0;
		int rank = type && !cat_opclass_default(m, AM_GIST, type) ? btree_gist_rank(type)
									  : -1;
		best = rank > best ? rank : best;
	}
	return best;
}

/* PostgreSQL lists the objects in the reverse of its visit: oldest class first. */
const char *cat_exclude_btree_gist_users(const struct cat_model *m, struct arena *a)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int rank = 0; rank < (int)ARRAY_LEN(btree_gist_types); rank++) {
		for (size_t i = 0; i < m->nidx; i++) {
			const struct cat_index *ix = m->idx[i];
			if (btree_gist_dependency(m, ix) != rank)
				continue;
			if (ix->exclops)
				strbuf_printf(&sb, "%sconstraint %s on table %s",
					      sb.len ? "\n" : "", ix->conname, ix->table->name);
			else
				strbuf_printf(&sb, "%sindex %s", sb.len ? "\n" : "", ix->rel->name);
			strbuf_printf(&sb, " depends on operator class %s for access method gist",
				      btree_gist_types[rank].opclass);
		}
	}
	const char *r = sb.len && !sb.failed ? arena_strdup(a, sb.data) : NULL;
	strbuf_fini(&sb);
	return r;
}

bool cat_exclude_trigger(const char *name)
{
	size_t n = name ? strlen(name) : 0, k = strlen(XLAT_EXCLUDE_INSERT);
	size_t skip = strlen(XLAT_EXCLUDE_SKIP);
	return (n > k && (strcmp(name + n - k, XLAT_EXCLUDE_INSERT) == 0 ||
			  strcmp(name + n - k, XLAT_EXCLUDE_UPDATE) == 0)) ||
	       (n > skip && strcmp(name + n - skip, XLAT_EXCLUDE_SKIP) == 0);
}

void cat_exclude_drop_sql(struct strbuf *sb, const char *name)
{
	char *q = sqlite3_mprintf("DROP TRIGGER IF EXISTS \"%w" XLAT_EXCLUDE_INSERT
				  "\"; DROP TRIGGER IF EXISTS \"%w" XLAT_EXCLUDE_UPDATE
				  "\"; DROP TRIGGER IF EXISTS \"%w" XLAT_EXCLUDE_SKIP "\"; ",
				  name, name, name);
	strbuf_puts(sb, q ? q : "");
	sb->failed |= q == NULL;
	sqlite3_free(q);
}

bool cat_exclude_register(sqlite3 *db, struct cat_conn *cc)
{
	/* the conflict function is called by the triggers: not DIRECTONLY (it only raises) */
	return sqlite3_create_function_v2(db, "shardlite_exclude", 7,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_exclude, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_exclude_rename", 2,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_exclude_rename,
					  NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_exclude_conflict", -1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, cc, fn_exclude_conflict,
					  NULL, NULL, NULL) == SQLITE_OK;
}
