/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_model.c: the tenant's schema as PostgreSQL would describe it, read from SQLite —
 * sqlite_schema, pragma table_xinfo, index_list, index_xinfo and foreign_key_list, plus the
 * DDL scanner for constraint names and CHECKs. Names PostgreSQL would have given unnamed
 * constraints (t_pkey, t_a_key, t_a_fkey, t_a_check) and stable OIDs are assigned here. */
#include "catalog_int.h"

#include "xlat.h"

#include "pgtype.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

uint32_t cat_oid(const char *kind, const char *a, const char *b)
{
	uint32_t h = 2166136261u;
	const char *parts[] = {kind, a, b ? b : ""};
	for (size_t i = 0; i < ARRAY_LEN(parts); i++) {
		for (const char *s = parts[i]; *s; s++)
			h = (h ^ (uint8_t)*s) * 16777619u;
		h = (h ^ 0xff) * 16777619u;
	}
	return CATALOG_OID_MIN + h % (CATALOG_OID_MAX - CATALOG_OID_MIN + 1);
}

uint32_t catalog_rel_oid(const char *name) { return cat_oid("rel", name, NULL); }

uint32_t catalog_temp_rel_oid(const char *name) { return cat_oid("rel", name, CAT_NS_TEMP_NAME); }

uint32_t cat_con_oid(const struct cat_rel *t, const char *name)
{
	/* a temporary table's apart from a permanent one's of the same names */
	return t->temp ? cat_oid("tcon", t->name, name) : cat_oid("con", t->name, name);
}

uint32_t catalog_schema_oid(const char *name) { return cat_oid("schema", name, NULL); }

/* Grows a pointer array kept in the model's arena. */
static void push(struct arena *a, void ***v, size_t *n, void *item)
{
	if ((*n & (*n - 1)) == 0 && *n >= 8) {
		void **nv = arena_alloc(a, *n * 2 * sizeof(void *));
		memcpy(nv, *v, *n * sizeof(void *));
		*v = nv;
	} else if (*n == 0) {
		*v = arena_alloc(a, 8 * sizeof(void *));
	}
	(*v)[(*n)++] = item;
}

#define PUSH(m, field, count, item) push((m)->a, (void ***)&(m)->field, &(m)->count, item)

void cat_model_add(struct cat_model *m, struct cat_check *ck, struct cat_fkey *fk)
{
	if (ck)
		PUSH(m, checks, nchecks, ck);
	if (fk)
		PUSH(m, fks, nfks, fk);
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql, const char *arg, struct pgerr *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "catalog: %s", sqlite3_errmsg(db));
		return NULL;
	}
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	return st;
}

static const char *col_text(struct arena *a, sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? arena_strdup(a, (const char *)s) : NULL;
}

/* Strips one pair of parentheses that encloses the whole text. */
static const char *unparen(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || s[0] != '(' || s[n - 1] != ')')
		return s;
	int depth = 0;
	for (size_t i = 0; i < n; i++) {
		depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
		if (depth == 0 && i + 1 < n)
			return s;
	}
	return a ? arena_strndup(a, s + 1, n - 2) : s + 1;
}

/* The default as PostgreSQL's pg_get_expr prints it, undoing the translator's spellings. */
/* The translator writes 'name'::regclass as pg_regclass_in('name'), and passes a sequence
 * function's 'name'::regclass as 'name': PostgreSQL's spelling back (nextval's argument is a
 * regclass, so PostgreSQL shows nextval('s'::regclass) however the DEFAULT was written). */
static const char *unregclass(struct arena *a, const char *d)
{
	static const char nv[] = "nextval('", cv[] = "currval('";
	if ((strncmp(d, nv, sizeof(nv) - 1) == 0 || strncmp(d, cv, sizeof(cv) - 1) == 0) &&
	    strcmp(d + strlen(d) - 2, "')") == 0 &&
	    !strchr(d + sizeof(nv) - 1, '(')) /* nextval('name') exactly, currval alike */
		return arena_printf(a, "%.*s::regclass)", (int)strlen(d) - 1, d);
	static const char fn[] = "pg_regclass_in('";
	const char *p = strstr(d, fn);
	if (!p)
		return d;
	const char *q = p + sizeof(fn) - 1;
	while (*q && !(*q == '\'' && q[1] != '\''))
		q += *q == '\'' ? 2 : 1;
	if (q[0] != '\'' || q[1] != ')')
		return d;
	const char *rest = unregclass(a, q + 2);
	return arena_printf(a, "%.*s'%.*s'::regclass%s", (int)(p - d), d,
			    (int)(q - (p + sizeof(fn) - 1)), p + sizeof(fn) - 1, rest);
}

/* The keyword a DEFAULT of the current time was written with, from the time-value the
 * translator wrote ('now' for now(), 'NOW' for CURRENT_TIMESTAMP, ...); NULL for another. */
static const char *now_keyword(const char *d)
{
	static const char *const fmts[] = {"strftime('%Y-%m-%d %H:%M:%f+00', '",
					   "strftime('%Y-%m-%d %H:%M:%f', '",
					   "strftime('%H:%M:%f+00', '",
					   "strftime('%H:%M:%f', '",
					   "date('",
					   "strftime('%Y-%m-%d', '"};
	static const char *const tvs[][2] = {
		{"now", "now()"},
		{"NOW", "CURRENT_TIMESTAMP"},
		{"Now", "CURRENT_DATE"},
		{"NOw", "CURRENT_TIME"},
		{"nOW", "LOCALTIME"},
		{"noW", "LOCALTIMESTAMP"},
		{"nOw", "statement_timestamp()"},
	};
	for (size_t i = 0; i < ARRAY_LEN(fmts); i++) {
		size_t n = strlen(fmts[i]);
		if (strncmp(d, fmts[i], n) != 0 || strlen(d) != n + 5 || strcmp(d + n + 3, "')"))
			continue;
		for (size_t k = 0; k < ARRAY_LEN(tvs); k++) {
			if (strncmp(d + n, tvs[k][0], 3) == 0)
				return i == 4 && k == 0 ? "CURRENT_DATE" : tvs[k][1];
		}
	}
	return NULL;
}

const char *catalog_default_unrefit(struct arena *a, const char *d)
{
	static const char *const fns[] = {
		"pgfn_varbit_cast(",  "shardlite_int2(",    "shardlite_int4(",   "shardlite_int8(",
		"shardlite_numeric(", "shardlite_varchar(", "shardlite_bpchar(", "pgfn_f8_f4(",
		"pgfn_varbit_in(",    "pgfn_num_store(",    "pgfn_num_fit("};
	size_t n = strlen(d), k = 0;
	while (k < ARRAY_LEN(fns) && strncmp(d, fns[k], strlen(fns[k])) != 0)
		k++;
	if (k == ARRAY_LEN(fns) || n < 2 || d[n - 1] != ')')
		return d;
	const char *p = d + strlen(fns[k]), *arg = p, *comma = NULL;
	int depth = 0;
	for (; *p; p++) {
		if (*p == '\'') { /* a string literal: '' is a quote inside it */
			for (p++; *p && !(*p == '\'' && p[1] != '\''); p += *p == '\'' ? 2 : 1)
				;
			if (!*p)
				return d;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')' && depth-- == 0) {
			break;
		} else if (*p == ',' && depth == 0 && !comma) {
			comma = p;
		}
	}
	if (p != d + n - 1) /* the call is not the whole text */
		return d;
	const char *x = arena_strndup(a, arg, (size_t)((comma ? comma : p) - arg));
	if (k == 9) /* pgfn_num_store(pgfn_num_fit('1.005', typmod), NULL) */
		x = catalog_default_unrefit(a, x);
	if (k >= 9 && x[0] == '\'' && strlen(x) > 1 && x[strlen(x) - 1] == '\'')
		x = arena_strndup(a, x + 1, strlen(x) - 2); /* a decimal's text: the number */
	return k == 0 ? catalog_default_unrefit(a, x) : x; /* a text argument: pgfn_varbit_in's */
}

static const char *pg_default(const struct cat_model *m, const struct cat_col *col, const char *d)
{
	struct arena *a = m->a;
	if (!d)
		return NULL;
	d = catalog_default_unrefit(a, unparen(a, d));
	/* DEFAULT NULL: PostgreSQL stores no default for a bare null constant of the column's
	 * type, but keeps one whose type has a typmod (the length coercion around the NULL;
	 * interval's typmod goes into the constant itself), printed as NULL::type */
	if (strcasecmp(d, "NULL") == 0)
		return col->typmod >= 0 && col->typoid != PGTYPE_INTERVAL
			       ? arena_printf(a, "NULL::%s",
					      cat_format_type_m(m, a, col->typoid, -1))
			       : NULL;
	/* the current time: the time-value's capitalization is the spelling the user wrote
	 * (src/xlat/xlat_ddl.c, now_spelling); date('now') is also what CURRENT_DATE was */
	const char *kw = now_keyword(d);
	if (kw)
		return kw;
	/* the translator's spelling of gen_random_uuid() (src/xlat/xlat_func.c) */
	if (strncmp(d, "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'", 61) == 0)
		return "gen_random_uuid()";
	if (col->typoid == PGTYPE_BOOL && (strcmp(d, "0") == 0 || strcmp(d, "1") == 0))
		return d[0] == '1' ? "true" : "false";
	/* a numeric constant written as a string: bare when it looks like a float, as
	 * PostgreSQL's get_const_expr prints one ('1.5' is 1.5, '0' is '0'::numeric) */
	if (col->typoid == PGTYPE_NUMERIC && d[0] == '\'' && isdigit((unsigned char)d[1]) &&
	    d[strlen(d) - 1] == '\'' && strspn(d + 1, "0123456789.eE+-") == strlen(d) - 2 &&
	    strcspn(d + 1, ".eE") < strlen(d) - 2)
		return arena_strndup(a, d + 1, strlen(d) - 2);
	char *end;
	long long cents = col->typoid == PGTYPE_MONEY ? strtoll(d, &end, 10) : 0;
	if (col->typoid == PGTYPE_MONEY && *d && !*end) { /* the cents: a money literal */
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '\'');
		pgtype_money_format(&sb, cents);
		strbuf_puts(&sb, "'::money");
		const char *out = sb.failed ? d : arena_strndup(a, sb.data, sb.len);
		strbuf_fini(&sb);
		return out;
	}
	size_t dn = strlen(d);
	char iso[96];
	size_t k = (col->typoid == PGTYPE_DATE || col->typoid == PGTYPE_TIMESTAMP ||
		    col->typoid == PGTYPE_TIMESTAMPTZ) &&
				   dn > 2 && d[0] == '\'' && d[dn - 1] == '\''
			   ? pgtype_dt_unstore(d + 1, dn - 2, iso, sizeof(iso))
			   : 0;
	if (k) /* a BC or past-9999 value's stored form (pgtype_dt_store) as PostgreSQL prints it */
		d = arena_printf(a, "'%.*s'", (int)k, iso);
	if (d[0] == '\'' && col->typoid == PGTYPE_BIT) /* bit of typmod -1 is not BIT(1) */
		return arena_printf(a, "%s::\"bit\"", d);
	if (d[0] == '\'')
		return arena_printf(a, "%s::%s", d, cat_format_type_m(m, a, col->typoid, -1));
	const char *calls = xlat_calls_udf(d) ? xlat_viewdef_expr(d, a) : NULL;
	return calls ? calls : unregclass(a, d); /* the tenant's functions by their names */
}

/* The SQLite schema r lives in ("temp" or "main"), bound as ?2: a temporary table may have the
 * name of a permanent one, and a pragma without a schema finds the temporary one first. */
static const char *schema_of(const struct cat_rel *r) { return r->temp ? "temp" : "main"; }

static sqlite3_stmt *prep_in(sqlite3 *db, const char *sql, const struct cat_rel *r, const char *arg,
			     struct pgerr *err)
{
	sqlite3_stmt *st = prep(db, sql, arg, err);
	if (st)
		sqlite3_bind_text(st, 2, schema_of(r), -1, SQLITE_STATIC);
	return st;
}

static int hex_digit(char ch)
{
	return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* View v's column defaults, marks of its text before its query (CATALOG_VIEW_DEFAULT_MARK),
 * onto its columns. */
static void view_defaults(const struct cat_model *m, struct cat_rel *v)
{
	const char *q = cat_view_query(v);
	for (const char *p = q ? strstr(v->sql, CATALOG_VIEW_DEFAULT_MARK) : NULL; p && p < q;
	     p = strstr(p + 1, CATALOG_VIEW_DEFAULT_MARK)) {
		struct strbuf col, text;
		strbuf_init(&col, 0);
		strbuf_init(&text, 0);
		const char *at = p + strlen(CATALOG_VIEW_DEFAULT_MARK);
		bool ok = *at++ == '"';
		while (ok && *at && !(at[0] == '"' && at[1] != '"')) {
			at += at[0] == '"';
			strbuf_putc(&col, *at++);
		}
		ok = ok && *at == '"' && strncmp(at + 1, " x'", 3) == 0;
		for (at += 4; ok && hex_digit(at[0]) >= 0 && hex_digit(at[1]) >= 0; at += 2)
			strbuf_putc(&text, (char)(hex_digit(at[0]) * 16 + hex_digit(at[1])));
		ok = ok && *at == '\'' && col.data && text.data && !col.failed && !text.failed;
		for (int k = 0; ok && k < v->ncols; k++) {
			if (strcmp(v->cols[k].name, col.data) != 0)
				continue;
			v->cols[k].dflt = arena_strdup(m->a, text.data);
			v->cols[k].dflt_oid = cat_oid("def", v->name, v->cols[k].name);
		}
		strbuf_fini(&col);
		strbuf_fini(&text);
	}
}

static bool load_cols(sqlite3 *db, struct cat_model *m, struct cat_rel *r, struct pgerr *err)
{
	sqlite3_stmt *st = prep_in(db,
				   "SELECT name, type, \"notnull\", dflt_value, pk, hidden "
				   "FROM pragma_table_xinfo(?1, ?2) WHERE hidden IN (0, 2, 3)",
				   r, r->name, err);
	if (!st)
		return false;
	size_t cap = 16;
	r->cols = arena_zalloc(m->a, cap * sizeof(*r->cols));
	while (sqlite3_step(st) == SQLITE_ROW) {
		if ((size_t)r->ncols == cap) {
			struct cat_col *v = arena_zalloc(m->a, cap * 2 * sizeof(*v));
			memcpy(v, r->cols, cap * sizeof(*v));
			r->cols = v;
			cap *= 2;
		}
		struct cat_col *c = &r->cols[r->ncols++];
		c->name = col_text(m->a, st, 0);
		const char *decl = col_text(m->a, st, 1);
		c->typoid = pgtype_from_decl(decl, &c->typmod);
		c->ndims = decl && strchr(decl, '[') ? 1 : 0;
		cat_enum_col(m, decl, c);
		cat_rowtype_col(m, decl, c);
		/* a primary key column is NOT NULL in PostgreSQL even when SQLite lets it be */
		c->notnull = sqlite3_column_int(st, 2) ||
			     (sqlite3_column_int(st, 4) && r->kind == 'r');
		c->pk = sqlite3_column_int(st, 4);
		c->integer_decl = decl && strcasecmp(decl, "INTEGER") == 0;
		c->text_affinity = pgtype_decl_text_affinity(decl);
		c->generated = sqlite3_column_int(st, 5) ? 's' : '\0';
		if (!c->generated) {
			c->dflt_sql = col_text(m->a, st, 3);
			/* the domain's default, which PostgreSQL keeps with the domain */
			bool domain = c->dflt_sql &&
				      strncmp(c->dflt_sql, CATALOG_DOMAIN_DEFAULT_MARK,
					      strlen(CATALOG_DOMAIN_DEFAULT_MARK)) == 0;
			c->dflt = domain ? NULL : pg_default(m, c, c->dflt_sql);
		}
		c->dflt_oid = c->dflt ? cat_oid("def", r->name, c->name) : 0;
	}
	if (r->kind == 'v')
		view_defaults(m, r);
	return sqlite3_finalize(st) == SQLITE_OK ||
	       pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "catalog: %s", sqlite3_errmsg(db));
}

static int16_t attnum(const struct cat_rel *t, const char *name)
{
	for (int i = 0; name && i < t->ncols; i++) {
		if (strcasecmp(t->cols[i].name, name) == 0)
			return (int16_t)(i + 1);
	}
	return 0;
}

static struct cat_rel *new_rel(struct cat_model *m, const char *name, char kind, const char *sql)
{
	struct cat_rel *r = arena_zalloc(m->a, sizeof(*r));
	r->name = name;
	r->kind = kind;
	r->sql = sql;
	r->sqlname = name[0] ? name : NULL;
	r->oid = cat_oid("rel", name, NULL);
	PUSH(m, rels, nrels, r);
	return r;
}

struct cat_rel *cat_model_new_rel(struct cat_model *m, const char *name, char kind, const char *sql)
{
	return new_rel(m, name, kind, sql);
}

void cat_model_push_seq(struct cat_model *m, struct cat_seq *q) { PUSH(m, seqs, nseqs, q); }

void cat_model_push_comment(struct cat_model *m, struct cat_comment *k)
{
	PUSH(m, comments, ncomments, k);
}

void cat_model_push_trigger(struct cat_model *m, struct cat_trigger *g)
{
	PUSH(m, triggers, ntriggers, g);
}

void cat_model_push_index(struct cat_model *m, struct cat_index *ix) { PUSH(m, idx, nidx, ix); }

/* PostgreSQL's default name for an unnamed constraint: table_col1_col2_suffix, cut as its
 * makeObjectName cuts it (the columns joined until 64 bytes are there, then the longer of
 * the table's name and theirs shortened first). */
static const char *default_name(struct arena *a, const struct cat_rel *t, const int16_t *keys,
				int n, const char *suffix)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int i = 0; i < n && sb.len < 64; i++) {
		if (keys[i] > 0)
			strbuf_printf(&sb, "%s%.63s", sb.len ? "_" : "", t->cols[keys[i] - 1].name);
	}
	const char *s = base_object_name(a, t->name, sb.len ? sb.data : NULL, suffix);
	strbuf_fini(&sb);
	return s;
}

/* The name the DDL gave a PRIMARY KEY/UNIQUE/FOREIGN KEY with exactly these columns. */
static const char *scanned_name(const struct cat_rel *t, const struct cat_scanned *v, size_t n,
				enum cat_con_kind kind, const int16_t *keys, int nkeys)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind != kind || !v[i].name)
			continue;
		bool same = v[i].column ? nkeys == 1 && attnum(t, v[i].column) == keys[0]
					: v[i].ncols == nkeys;
		for (int k = 0; same && !v[i].column && k < nkeys; k++)
			same = attnum(t, v[i].cols[k]) == keys[k];
		if (same)
			return v[i].name;
	}
	return NULL;
}

/* An expression key's text without its trailing ASC or DESC (ix->desc tells the order). */
static const char *without_order(struct arena *a, const char *e)
{
	size_t n = strlen(e);
	for (int k = 0; k < 2; k++) {
		const char *w = k ? " ASC" : " DESC";
		size_t wn = strlen(w);
		if (n > wn && strncasecmp(e + n - wn, w, wn) == 0)
			return arena_strndup(a, e, n - wn);
	}
	return e;
}

/* The text inside the comment e starts with when it is mark's, else NULL; *after: past it. */
static const char *marked(struct arena *a, const char *e, const char *mark, const char **after)
{
	size_t n = strlen(mark);
	const char *end = e && strncmp(e, mark, n) == 0 ? strstr(e + n, " */") : NULL;
	if (!end)
		return NULL;
	*after = end + 3;
	while (isspace((unsigned char)**after))
		(*after)++;
	return arena_strndup(a, e + n, (size_t)(end - e - n));
}

const char *cat_pg_text(struct arena *a, const char *e, const char **pretty)
{
	const char *after = NULL;
	const char *pg = marked(a, e, CATALOG_INDEX_PG_MARK, &after);
	const char *p = pg ? marked(a, after, CATALOG_INDEX_PRETTY_MARK, &after) : NULL;
	/* without the text: the tenant's function calls at least by their names */
	if (!pg && xlat_calls_udf(e) && (p = xlat_viewdef_expr(e, a)))
		e = p;
	*pretty = p ? p : pg ? pg : e;
	return pg ? pg : e;
}

static struct cat_index *new_index(struct cat_model *m, struct cat_rel *t, const char *name,
				   int nkeys)
{
	struct cat_index *ix = arena_zalloc(m->a, sizeof(*ix));
	ix->table = t;
	ix->nkeys = ix->nkeyatts = nkeys;
	ix->keys = arena_zalloc(m->a, (size_t)(nkeys + 1) * sizeof(*ix->keys));
	ix->exprs = arena_zalloc(m->a, (size_t)(nkeys + 1) * sizeof(*ix->exprs));
	ix->pretty_exprs = arena_zalloc(m->a, (size_t)(nkeys + 1) * sizeof(*ix->pretty_exprs));
	ix->desc = arena_zalloc(m->a, (size_t)(nkeys + 1) * sizeof(*ix->desc));
	ix->am = CAT_AM_BTREE;
	ix->rel = new_rel(m, name, 'i', NULL);
	ix->rel->index = ix;
	ix->rel->temp = t->temp;
	if (t->temp)
		ix->rel->oid = cat_oid("rel", name, CAT_NS_TEMP_NAME);
	PUSH(m, idx, nidx, ix);
	return ix;
}

static bool looks_like_call(const char *e);

/* PostgreSQL names an expression key after its function, else "expr"; repeats get 1, 2... */
static const char *expr_colname(struct cat_model *m, const struct cat_index *ix, int k)
{
	const char *e = ix->exprs[k];
	size_t n = 0;
	while (looks_like_call(e) && e[n] != '(')
		n++;
	const char *base = n ? arena_strndup(m->a, e, n) : "expr";
	const char *name = base;
	for (int seq = 1;; seq++) {
		bool taken = false;
		for (int j = 0; j < k && !taken; j++)
			taken = strcmp(ix->rel->cols[j].name, name) == 0;
		if (!taken)
			return name;
		name = arena_printf(m->a, "%s%d", base, seq);
	}
}

/* An operator class or access method that stores another type than its input (opckeytype:
 * GIN's jsonb_ops keys are text, array_ops an array's elements; hash's int4 codes) makes the
 * index column that type, with no typmod, as PostgreSQL's index_create does. */
static void key_storage_type(const struct cat_model *m, const struct cat_index *ix, int k,
			     struct cat_col *c)
{
	if (k >= ix->nkeyatts || (ix->am == CAT_AM_BTREE && !(ix->opclass && ix->opclass[k])))
		return;
	const struct cat_am *am = cat_am_by_oid(ix->am);
	uint32_t opc = cat_index_key_opclass(m, ix, k);
	const struct cat_opclass *oc = opc ? cat_opclass_by_oid(opc) : NULL;
	uint32_t key = oc && oc->keytype ? oc->keytype : am ? am->keytype : 0;
	if (!key)
		return;
	if (key == 2283) { /* anyelement: the array's element type */
		const struct pgtype_info *ti = pgtype_by_oid(c->typoid);
		key = ti && ti->elem_oid ? ti->elem_oid : c->typoid;
	}
	if (key == c->typoid)
		return;
	c->typoid = key;
	c->typmod = -1;
	c->ndims = 0;
}

/* The index's columns as pg_attribute rows of the index relation. */
static void index_cols(struct cat_model *m, struct cat_index *ix)
{
	ix->rel->ncols = ix->nkeys;
	ix->rel->cols = arena_zalloc(m->a, (size_t)(ix->nkeys + 1) * sizeof(struct cat_col));
	for (int k = 0; k < ix->nkeys; k++) {
		struct cat_col *c = &ix->rel->cols[k];
		if (ix->keys[k] > 0) {
			*c = ix->table->cols[ix->keys[k] - 1];
			c->notnull = false;
			c->dflt = c->dflt_sql = NULL;
			c->dflt_oid = 0;
			key_storage_type(m, ix, k, c);
		} else {
			c->name = expr_colname(m, ix, k);
			c->typoid = PGTYPE_TEXT;
			c->typmod = -1;
		}
	}
}

static void set_index_constraint(struct cat_model *m, struct cat_index *ix, const char *origin,
				 const char *sql, const struct cat_scanned *sc, size_t nsc)
{
	bool marked = sql && strstr(sql, CATALOG_UNIQUE_MARK); /* a constraint named as it */
	bool pk = strcmp(origin, "pk") == 0 || (marked && strstr(sql, CATALOG_PRIMARY_MARK));
	if (!pk && strcmp(origin, "u") != 0 && !marked)
		return;
	const char *name = marked ? ix->rel->name
				  : scanned_name(ix->table, sc, nsc,
						 pk ? CAT_CON_PK : CAT_CON_UNIQUE, ix->keys,
						 ix->nkeys);
	/* a constraint of local schema s's table is named in s, as its unnamed ones are
	 * (default_name of "s.t"): its index is relation "s.name" */
	const char *bare;
	const struct cat_nsp *nsp =
		name && !marked && !ix->table->temp ? cat_nsp_of(m, ix->table->name, &bare) : NULL;
	if (nsp)
		name = arena_printf(m->a, "%s.%s", nsp->name, name);
	ix->primary = pk;
	/* a DEFERRABLE one's index is not unique in SQLite: the session checks its key */
	ix->initdeferred = marked && strstr(sql, CATALOG_DEFERRED_MARK);
	ix->deferrable = ix->initdeferred || (marked && strstr(sql, CATALOG_DEFERRABLE_MARK));
	ix->unique |= ix->deferrable;
	ix->conname = name ? name
			   : default_name(m->a, ix->table, pk ? NULL : ix->keys, pk ? 0 : ix->nkeys,
					  pk ? "pkey" : "key");
	ix->conoid = cat_con_oid(ix->table, ix->conname);
	ix->rel->name = ix->conname; /* PostgreSQL names the index after its constraint */
	ix->rel->oid = cat_oid("rel", ix->conname, ix->rel->temp ? CAT_NS_TEMP_NAME : NULL);
}

/* PostgreSQL makes a CREATE TABLE's primary key index before its other constraints' indexes
 * (transformIndexConstraints), so pg_index (read without ORDER BY, as Adminer reads it) lists
 * it first of the table's; SQLite made its autoindexes in the order the constraints are
 * written, and a rowid key (at the end, made here) has none. Moves m->idx[at] to first. */
static void pk_first(struct cat_model *m, size_t first, size_t at)
{
	struct cat_index *pk = m->idx[at];
	memmove(&m->idx[first + 1], &m->idx[first], (at - first) * sizeof(*m->idx));
	m->idx[first] = pk;
}

static bool load_indexes(sqlite3 *db, struct cat_model *m, struct cat_rel *t,
			 const struct cat_scanned *sc, size_t nsc, struct pgerr *err)
{
	size_t first = m->nidx, pk_at = SIZE_MAX;
	sqlite3_stmt *st = prep_in(
		db,
		t->temp ? "SELECT l.name, l.\"unique\", l.origin, s.sql FROM pragma_index_list(?1, "
			  "?2) AS l LEFT JOIN temp.sqlite_schema AS s ON s.type = 'index' AND "
			  "s.name = l.name ORDER BY l.seq DESC"
			: "SELECT l.name, l.\"unique\", l.origin, s.sql FROM pragma_index_list(?1, "
			  "?2) AS l LEFT JOIN main.sqlite_schema AS s ON s.type = 'index' AND "
			  "s.name = l.name ORDER BY l.seq DESC",
		t, t->name, err);
	bool have_pk = false;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = col_text(m->a, st, 0);
		const char *origin = col_text(m->a, st, 2);
		const char *sql = col_text(m->a, st, 3);
		sqlite3_stmt *xi =
			prep_in(db,
				"SELECT cid, desc FROM pragma_index_xinfo(?1, ?2) WHERE key "
				"ORDER BY seqno",
				t, name, err);
		int16_t keys[64];
		bool desc[64];
		int nkeys = 0;
		while (xi && sqlite3_step(xi) == SQLITE_ROW && nkeys < 64) {
			int cid = sqlite3_column_int(xi, 0);
			desc[nkeys] = sqlite3_column_int(xi, 1) != 0;
			keys[nkeys++] = (int16_t)(cid >= 0 ? cid + 1 : 0);
		}
		sqlite3_finalize(xi);
		const char **inc = NULL; /* a UNIQUE index's INCLUDE columns, not SQLite's */
		int ninc = cat_index_include_names(m->a, sql, &inc);
		for (int k = 0; k < ninc && nkeys < 64; k++) {
			desc[nkeys] = false;
			keys[nkeys++] = attnum(t, inc[k]);
		}
		struct cat_index *ix = new_index(m, t, name, nkeys);
		ix->unique = sqlite3_column_int(st, 1) != 0;
		memcpy(ix->keys, keys, (size_t)nkeys * sizeof(*keys));
		const char **texts = NULL;
		int ntexts = 0;
		if (sql)
			cat_scan_index(m->a, sql, &texts, &ntexts, &ix->pred);
		ix->pred = cat_partown_pred(m->a, sql, ix->pred, &ix->part_of);
		ix->pred = cat_pg_text(m->a, ix->pred, &ix->pretty_pred);
		cat_index_am_read(m->a, ix, sql);
		ix->nulls_not_distinct = sql && strstr(sql, CATALOG_NND_MARK);
		cat_exclude_read(m, ix, sql);
		memcpy(ix->desc, desc, (size_t)nkeys * sizeof(*desc));
		for (int k = 0; k < nkeys; k++) {
			ix->exprs[k] = keys[k] > 0 ? t->cols[keys[k] - 1].name
				       : k < ntexts
					       ? cat_pg_text(m->a, without_order(m->a, texts[k]),
							     &ix->pretty_exprs[k])
					       : "?";
			if (!ix->pretty_exprs[k])
				ix->pretty_exprs[k] = ix->exprs[k];
		}
		set_index_constraint(m, ix, origin, sql, sc, nsc);
		have_pk |= ix->primary;
		if (strcmp(origin, "pk") == 0)
			pk_at = m->nidx - 1;
		index_cols(m, ix);
	}
	if (!st || sqlite3_finalize(st) != SQLITE_OK)
		return pgerr_is_set(err) ||
		       pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "catalog: %s", sqlite3_errmsg(db));
	if (pk_at != SIZE_MAX)
		pk_first(m, first, pk_at);
	/* An INTEGER PRIMARY KEY is the rowid: SQLite needs no index, PostgreSQL shows one. */
	int16_t keys[64];
	int nkeys = 0;
	for (int i = 0; !have_pk && i < t->ncols && nkeys < 64; i++) {
		if (t->cols[i].pk)
			keys[nkeys++] = (int16_t)(i + 1);
	}
	if (nkeys == 0)
		return true;
	struct cat_index *ix = new_index(m, t, "", nkeys);
	ix->unique = true;
	for (int k = 0; k < nkeys; k++) {
		ix->keys[k] = keys[k];
		ix->exprs[k] = t->cols[keys[k] - 1].name;
	}
	set_index_constraint(m, ix, "pk", NULL, sc, nsc);
	index_cols(m, ix);
	pk_first(m, first, m->nidx - 1);
	return true;
}

static char fk_action(const char *s)
{
	static const struct {
		const char *name;
		char code;
	} map[] = {{"RESTRICT", 'r'}, {"CASCADE", 'c'}, {"SET NULL", 'n'}, {"SET DEFAULT", 'd'}};
	for (size_t i = 0; s && i < ARRAY_LEN(map); i++) {
		if (strcasecmp(s, map[i].name) == 0)
			return map[i].code;
	}
	return 'a';
}

static struct cat_fkey *new_fkey(struct cat_model *m, struct cat_rel *t, sqlite3_stmt *st)
{
	struct cat_fkey *f = arena_zalloc(m->a, sizeof(*f));
	f->table = t;
	f->reftable = col_text(m->a, st, 2);
	f->upd = fk_action((const char *)sqlite3_column_text(st, 5));
	f->del = fk_action((const char *)sqlite3_column_text(st, 6));
	const char *match = (const char *)sqlite3_column_text(st, 7);
	f->match = match && strcasecmp(match, "FULL") == 0 ? 'f' : 's';
	f->from = arena_zalloc(m->a, 64 * sizeof(*f->from));
	f->to = arena_zalloc(m->a, 64 * sizeof(*f->to));
	f->to_names = arena_zalloc(m->a, 64 * sizeof(*f->to_names));
	PUSH(m, fks, nfks, f);
	return f;
}

/* DEFERRABLE [INITIALLY DEFERRED] of foreign key f (named already), from the scanned
 * constraint of its name, else from the first unnamed one on its columns. */
static void deferral(const struct cat_rel *t, const struct cat_scanned *v, size_t n,
		     struct cat_fkey *f)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind != CAT_CON_FK)
			continue;
		bool same = v[i].column ? f->ncols == 1 && attnum(t, v[i].column) == f->from[0]
					: v[i].ncols == f->ncols;
		for (int k = 0; same && !v[i].column && k < f->ncols; k++)
			same = attnum(t, v[i].cols[k]) == f->from[k];
		if (v[i].name ? strcmp(v[i].name, f->name) == 0 : same) {
			f->deferrable = v[i].deferrable;
			f->deferred = v[i].deferred;
			f->not_valid = v[i].not_valid;
			f->match = v[i].match_full ? 'f' : f->match;
			return;
		}
	}
}

/* Whether a foreign key of t named before f has name. */
static bool fkey_name_taken(const struct cat_model *m, const struct cat_rel *t,
			    const struct cat_fkey *f, const char *name)
{
	for (size_t i = 0; i < m->nfks && m->fks[i] != f; i++) {
		if (m->fks[i]->table == t && m->fks[i]->name && strcmp(m->fks[i]->name, name) == 0)
			return true;
	}
	return false;
}

static bool load_fkeys(sqlite3 *db, struct cat_model *m, struct cat_rel *t,
		       const struct cat_scanned *sc, size_t nsc, struct pgerr *err)
{
	sqlite3_stmt *st =
		prep_in(db,
			"SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, "
			"match FROM pragma_foreign_key_list(?1, ?2) ORDER BY id DESC, seq",
			t, t->name, err);
	struct cat_fkey *f = NULL;
	int id = -1;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (!f || sqlite3_column_int(st, 0) != id) {
			f = new_fkey(m, t, st);
			id = sqlite3_column_int(st, 0);
		}
		if (f->ncols == 64)
			continue;
		f->from[f->ncols] = attnum(t, (const char *)sqlite3_column_text(st, 3));
		f->to_names[f->ncols++] = col_text(m->a, st, 4);
	}
	if (!st || sqlite3_finalize(st) != SQLITE_OK)
		return pgerr_is_set(err) ||
		       pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "catalog: %s", sqlite3_errmsg(db));
	/* each key is one FOREIGN KEY or REFERENCES of the text, in the same order: the k-th
	 * scanned one is the k-th key (two keys on the same columns keep their own names) */
	size_t nscanned = 0, nkeys = 0, k = 0;
	for (size_t i = 0; i < nsc; i++)
		nscanned += sc[i].kind == CAT_CON_FK;
	for (size_t i = 0; i < m->nfks; i++)
		nkeys += m->fks[i]->table == t;
	const struct cat_scanned *own = NULL;
	for (size_t i = 0; i < m->nfks; i++) {
		f = m->fks[i];
		if (f->table != t || f->name)
			continue;
		while (nscanned == nkeys && k < nsc && sc[k].kind != CAT_CON_FK)
			k++;
		own = nscanned == nkeys && k < nsc ? &sc[k++] : NULL;
		const char *name = own ? own->name
				       : scanned_name(t, sc, nsc, CAT_CON_FK, f->from, f->ncols);
		/* a second unnamed key on the same columns: fkey1, ... as PostgreSQL names it */
		for (int n = 0; !name || fkey_name_taken(m, t, f, name); n++)
			name = default_name(m->a, t, f->from, f->ncols,
					    n ? arena_printf(m->a, "fkey%d", n) : "fkey");
		f->name = name;
		if (own) {
			f->deferrable = own->deferrable;
			f->deferred = own->deferred;
			f->not_valid = own->not_valid;
			f->match = own->match_full ? 'f' : f->match;
		} else {
			deferral(t, sc, nsc, f);
		}
		f->oid = cat_con_oid(t, f->name);
	}
	return true;
}

static bool name_taken(const struct cat_model *m, const struct cat_rel *t, const char *name)
{
	for (size_t i = 0; i < m->nchecks; i++) {
		if (m->checks[i]->table == t && strcmp(m->checks[i]->name, name) == 0)
			return true;
	}
	return false;
}

static void load_checks(struct cat_model *m, struct cat_rel *t, const struct cat_scanned *sc,
			size_t nsc)
{
	for (size_t i = 0; i < nsc; i++) {
		if (sc[i].kind != CAT_CON_CHECK ||
		    (sc[i].name && strncmp(sc[i].name, CATALOG_DOMAIN_CHECK_PREFIX,
					   strlen(CATALOG_DOMAIN_CHECK_PREFIX)) == 0))
			continue; /* a domain's constraint is the domain's (catalog_domain.c) */
		struct cat_check *ck = arena_zalloc(m->a, sizeof(*ck));
		ck->table = t;
		ck->expr = sc[i].expr;
		ck->pg = cat_pg_text(m->a, ck->expr, &ck->pretty); /* the same marks */
		ck->not_valid = sc[i].not_valid;
		const char *name = sc[i].name;
		if (!name) { /* the one column the expression reads (several or none: no column),
			      * a column constraint's as a table's, as AddRelationNewConstraints */
			int16_t key = 0;
			int named = 0;
			for (int c = 0; c < t->ncols; c++) {
				if (cat_scan_mentions(ck->expr, t->cols[c].name)) {
					key = (int16_t)(c + 1);
					named++;
				}
			}
			key = named == 1 ? key : 0;
			const char *base = default_name(m->a, t, &key, key ? 1 : 0, "check");
			name = base;
			for (int n = 1; name_taken(m, t, name); n++)
				name = arena_printf(m->a, "%s%d", base, n);
		}
		ck->name = name;
		ck->oid = cat_con_oid(t, name);
		PUSH(m, checks, nchecks, ck);
	}
}

static bool load_table(sqlite3 *db, struct cat_model *m, struct cat_rel *t, struct pgerr *err)
{
	if (!load_cols(db, m, t, err))
		return false;
	if (t->kind != 'r')
		return true;
	struct cat_scanned *sc = NULL;
	size_t nsc = 0;
	cat_scan_table(m->a, t->sql, &sc, &nsc);
	for (size_t i = 0; i < nsc; i++) { /* a generated column's expression is its default */
		int16_t c = sc[i].kind == CAT_CON_COLLATE ? attnum(t, sc[i].column) : 0;
		if (c)
			t->cols[c - 1].collation = CAT_COLL_C;
		int16_t k = sc[i].kind == CAT_CON_GENERATED ? attnum(t, sc[i].column) : 0;
		if (k && t->cols[k - 1].generated && sc[i].expr) {
			t->cols[k - 1].dflt = sc[i].expr;
			t->cols[k - 1].dflt_oid = cat_oid("def", t->name, t->cols[k - 1].name);
		}
	}
	load_checks(m, t, sc, nsc);
	return load_indexes(db, m, t, sc, nsc, err) && load_fkeys(db, m, t, sc, nsc, err);
}

/* Referenced columns: named ones by number, implicit ones are the referenced primary key. */
static void resolve_fkeys(struct cat_model *m)
{
	for (size_t i = 0; i < m->nfks; i++) {
		struct cat_fkey *f = m->fks[i];
		const struct cat_rel *rt = cat_model_rel_in(m, f->reftable, f->table->temp);
		for (int k = 0; rt && k < f->ncols; k++) {
			f->to[k] = attnum(rt, f->to_names[k]);
			for (int c = 0; !f->to_names[k] && c < rt->ncols; c++) {
				if (rt->cols[c].pk == k + 1)
					f->to[k] = (int16_t)(c + 1);
			}
		}
	}
}

/* The tables and views of one SQLite schema ("temp" first: a name finds the temporary table
 * before a permanent one of that name, as pg_temp leads PostgreSQL's search_path). */
static bool load_rels(sqlite3 *db, struct cat_model *m, bool temp, struct pgerr *err)
{
	sqlite3_stmt *st =
		prep(db,
		     /* the temp schema has its own sqlite_sequence and sidecars too */
		     temp ? "SELECT type, name, sql FROM temp.sqlite_schema WHERE type IN "
			    "('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
			    "AND name NOT LIKE '\\_shardlite\\_%' ESCAPE '\\' ORDER BY rowid"
			  : "SELECT type, name, sql FROM main.sqlite_schema WHERE type IN "
			    "('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
			    "AND name NOT LIKE '\\_shardlite\\_%' ESCAPE '\\' ORDER BY rowid",
		     NULL, err);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = col_text(m->a, st, 1);
		struct cat_rel *r =
			new_rel(m, name, type[0] == 't' ? 'r' : 'v', col_text(m->a, st, 2));
		r->temp = temp;
		if (temp) /* apart from a permanent table of the same name */
			r->oid = cat_oid("rel", name, CAT_NS_TEMP_NAME);
	}
	if (!st || sqlite3_finalize(st) != SQLITE_OK) {
		if (!pgerr_is_set(err))
			pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "catalog: %s", sqlite3_errmsg(db));
		return false;
	}
	return true;
}

/* The materialized views: tables whose stored SQL carries the mark, with their query and
 * state from the sidecar (a view without a row there reads as populated, query unknown). */
static void load_matviews(sqlite3 *db, struct cat_model *m)
{
	sqlite3_stmt *st = NULL;
	for (size_t i = 0; i < m->nrels; i++) {
		struct cat_rel *r = m->rels[i];
		r->matview = r->kind == 'r' && !r->temp && r->sql &&
			     strstr(r->sql, CATALOG_MATVIEW_MARK) != NULL;
		r->populated = r->matview;
		if (!r->matview)
			continue;
		if (!st && sqlite3_prepare_v2(db,
					      "SELECT definition, populated FROM "
					      "main._shardlite_matviews WHERE name = ?1",
					      -1, &st, NULL) != SQLITE_OK)
			break; /* no sidecar yet */
		sqlite3_bind_text(st, 1, r->name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			r->definition = col_text(m->a, st, 0);
			r->populated = sqlite3_column_int(st, 1) != 0;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
}

bool cat_model_load(sqlite3 *db, struct cat_model *m, struct pgerr *err)
{
	memset(m, 0, sizeof(*m));
	m->a = arena_new(0);
	if (!load_rels(db, m, true, err) || !load_rels(db, m, false, err))
		return false;
	load_matviews(db, m);
	if (!cat_nsp_load(db, m))
		return pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "catalog: %s", sqlite3_errmsg(db));
	size_t ntables = m->nrels;
	if (!cat_enum_load(db, m) || /* before the columns, which may be of an enum type */
	    !cat_domain_load(db, m))
		return pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "catalog: %s", sqlite3_errmsg(db));
	if (!cat_comptype_load(db, m)) /* and of a composite type (after the tables: rels) */
		return pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "catalog: %s", sqlite3_errmsg(db));
	for (size_t i = 0; i < ntables; i++) {
		if (!load_table(db, m, m->rels[i], err))
			return false;
	}
	resolve_fkeys(m);
	cat_part_load(m);
	return cat_seq_load(db, m, err);
}

void cat_model_free(struct cat_model *m)
{
	arena_free(m->a);
	memset(m, 0, sizeof(*m));
}

struct cat_rel *cat_model_rel(const struct cat_model *m, const char *name)
{
	for (size_t i = 0; name && i < m->nrels; i++) {
		if (strcasecmp(m->rels[i]->name, name) == 0)
			return m->rels[i];
	}
	return NULL;
}

struct cat_rel *cat_model_rel_in(const struct cat_model *m, const char *name, bool temp)
{
	for (size_t i = 0; name && i < m->nrels; i++) {
		if (m->rels[i]->temp == temp && strcasecmp(m->rels[i]->name, name) == 0)
			return m->rels[i];
	}
	return NULL;
}

const char *cat_view_query(const struct cat_rel *v)
{
	if (v->matview)
		return v->definition;
	const char *as = v->kind == 'v' && v->sql ? strstr(v->sql, " AS ") : NULL;
	return as ? as + 4 : NULL;
}

const char *cat_view_check_option(const struct cat_rel *v)
{
	const char *q = cat_view_query(v);
	const char *m = q ? strstr(v->sql, CATALOG_VIEW_OPTIONS_MARK) : NULL;
	if (!m || m > q)
		return NULL;
	m += strlen(CATALOG_VIEW_OPTIONS_MARK);
	return strncmp(m, "check_option=local)", 19) == 0      ? "local"
	       : strncmp(m, "check_option=cascaded)", 22) == 0 ? "cascaded"
							       : NULL;
}

struct cat_rel *cat_model_rel_oid(const struct cat_model *m, uint32_t oid)
{
	for (size_t i = 0; i < m->nrels; i++) {
		if (m->rels[i]->oid == oid)
			return m->rels[i];
	}
	return NULL;
}

struct cat_rel *cat_model_rel_value(const struct cat_model *m, sqlite3_value *v)
{
	return sqlite3_value_numeric_type(v) == SQLITE_TEXT
		       ? cat_model_rel(m, (const char *)sqlite3_value_text(v))
		       : cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(v));
}

static void put_cols(struct strbuf *sb, struct arena *a, const struct cat_rel *t,
		     const int16_t *keys, int n)
{
	for (int i = 0; i < n; i++) {
		const char *name =
			t && keys[i] > 0 && keys[i] <= t->ncols ? t->cols[keys[i] - 1].name : "?";
		strbuf_printf(sb, "%s%s", i ? ", " : "", cat_quote_ident(a, name));
	}
}

const char *cat_fkey_def(const struct cat_model *m, const struct cat_fkey *f)
{
	static const char *const actions[] = {"RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"};
	static const char codes[] = "rcnd";
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "FOREIGN KEY (");
	put_cols(&sb, m->a, f->table, f->from, f->ncols);
	strbuf_printf(&sb, ") REFERENCES %s(", cat_nsp_quote(m, m->a, f->reftable));
	put_cols(&sb, m->a, cat_model_rel_in(m, f->reftable, f->table->temp), f->to, f->ncols);
	strbuf_puts(&sb, ")");
	if (f->match == 'f')
		strbuf_puts(&sb, " MATCH FULL");
	for (int k = 0; k < 4; k++) {
		if (f->upd == codes[k])
			strbuf_printf(&sb, " ON UPDATE %s", actions[k]);
	}
	for (int k = 0; k < 4; k++) {
		if (f->del == codes[k])
			strbuf_printf(&sb, " ON DELETE %s", actions[k]);
	}
	if (f->ndelset) { /* ON DELETE SET NULL (cols) (catalog_fkset.c) */
		strbuf_puts(&sb, " (");
		put_cols(&sb, m->a, f->table, f->delset, f->ndelset);
		strbuf_puts(&sb, ")");
	}
	strbuf_puts(&sb, f->deferrable ? " DEFERRABLE" : "");
	strbuf_puts(&sb, f->deferred ? " INITIALLY DEFERRED" : "");
	strbuf_puts(&sb, f->not_valid ? " NOT VALID" : "");
	const char *s = arena_strdup(m->a, sb.data);
	strbuf_fini(&sb);
	return s;
}

/* PostgreSQL writes a function-call key bare and any other expression in parentheses. */
static bool looks_like_call(const char *e)
{
	size_t i = 0;
	while (isalnum((unsigned char)e[i]) || e[i] == '_')
		i++;
	if (i == 0 || e[i] != '(')
		return false;
	return unparen(NULL, e + i) != e + i;
}

/* Key k's text as pg_get_indexdef writes it: a column's name, a function call's text, any
 * other expression in parentheses. */
static void key_text(struct strbuf *sb, const struct cat_model *m, const struct cat_index *ix,
		     int k, bool pretty)
{
	const char *e = pretty && ix->pretty_exprs && ix->pretty_exprs[k] ? ix->pretty_exprs[k]
									  : ix->exprs[k];
	if (k >= ix->nkeyatts || ix->keys[k] > 0)
		strbuf_puts(sb, cat_quote_ident(m->a, e));
	else if (looks_like_call(ix->exprs[k]))
		strbuf_puts(sb, e);
	else
		strbuf_printf(sb, "(%s)", e);
}

/* The key list as pg_get_indexdef writes it, each key's operator class when it is not its
 * type's default. */
static const char *key_texts(const struct cat_model *m, const struct cat_index *ix, bool pretty)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int k = 0; k < ix->nkeys; k++) {
		if (k == ix->nkeyatts) /* an INCLUDE column: after the key list (as written) */
			strbuf_puts(&sb, ") INCLUDE (");
		strbuf_puts(&sb, k && k != ix->nkeyatts ? ", " : "");
		key_text(&sb, m, ix, k, pretty);
		const char *opc = cat_index_key_opclass_shown(m, ix, k);
		if (opc)
			strbuf_printf(&sb, " %s", opc);
		if (opc && ix->siglen && ix->siglen[k]) /* gist_trgm_ops(siglen=n) */
			strbuf_printf(&sb, " (siglen='%d')", ix->siglen[k]);
		bool desc = ix->desc && ix->desc[k], first = cat_index_key_nulls_first(ix, k);
		if (k < ix->nkeyatts) /* PostgreSQL's defaults, ASC NULLS LAST, DESC NULLS FIRST */
			strbuf_puts(&sb, desc ? (first ? " DESC" : " DESC NULLS LAST")
					      : (first ? " NULLS FIRST" : ""));
	}
	const char *s = arena_strdup(m->a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return s;
}

/* pg_index.indexprs as pg_get_expr prints its list: the expression keys, ", " between. */
const char *cat_index_cols(const struct cat_model *m, const struct cat_index *ix)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int k = 0; k < ix->nkeyatts; k++)
		if (ix->keys[k] <= 0)
			strbuf_printf(&sb, "%s%s", sb.len ? ", " : "", ix->exprs[k]);
	const char *s = sb.len ? arena_strdup(m->a, sb.data) : NULL;
	strbuf_fini(&sb);
	return s;
}

const char *cat_index_def_ext(const struct cat_model *m, const struct cat_index *ix, int col,
			      bool pretty)
{
	if (col > 0) { /* attrsOnly: the key alone */
		struct strbuf sb;
		strbuf_init(&sb, 0);
		if (col <= ix->nkeys)
			key_text(&sb, m, ix, col - 1, pretty);
		const char *s = arena_strdup(m->a, sb.data ? sb.data : "");
		strbuf_fini(&sb);
		return s;
	}
	const struct cat_am *am = cat_am_by_oid(ix->am);
	const char *with = cat_index_reloptions(m->a, ix, true);
	const char *pred = pretty && ix->pretty_pred ? ix->pretty_pred : ix->pred;
	/* pretty: the table named as it is visible (PRETTYFLAG_SCHEMA) */
	bool local = cat_nsp_of(m, ix->table->name, NULL) != NULL; /* s.t: qualified always */
	return arena_printf(m->a, "CREATE %sINDEX %s ON %s%s%s%s USING %s (%s)%s%s%s%s",
			    ix->unique ? "UNIQUE " : "",
			    cat_quote_ident(m->a, cat_nsp_bare(m, ix->rel->name)),
			    ix->table->part_key ? "ONLY " : "", /* a partitioned index's */
			    pretty || local   ? ""
			    : ix->table->temp ? "pg_temp"
					      : "public",
			    pretty || local ? "" : ".", cat_nsp_quote(m, m->a, ix->table->name),
			    am ? am->name : "btree", key_texts(m, ix, pretty),
			    ix->nulls_not_distinct ? " NULLS NOT DISTINCT" : "", with ? with : "",
			    pred ? " WHERE " : "", pred ? pred : "");
}

const char *cat_index_def(const struct cat_model *m, const struct cat_index *ix)
{
	return cat_index_def_ext(m, ix, 0, false);
}
