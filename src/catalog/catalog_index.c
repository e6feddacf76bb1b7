/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_index.c: index access methods and operator classes. Every index is a SQLite
 * b-tree; one made USING hash/gist/gin/spgist/brin, or with an operator class, carries
 * CATALOG_INDEX_AM_MARK in its stored SQL, which the model reads back for pg_class.relam,
 * pg_index.indclass and pg_get_indexdef. shardlite_index_check makes PostgreSQL's checks
 * (DefineIndex, ComputeIndexAttrs, ResolveOpClass) before such a CREATE INDEX runs;
 * shardlite_index_renamed keeps an index's PostgreSQL texts (CATALOG_INDEX_PG_MARK) right
 * after RENAME COLUMN. */
#include "catalog_int.h"

#include "pgtype.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SQLSTATE_UNDEFINED_OBJECT "42704"
#define SQLSTATE_DATATYPE_MISMATCH "42804"
#define SQLSTATE_FEATURE_NOT_SUPPORTED "0A000"
#define SQLSTATE_UNDEFINED_COLUMN "42703"

/* PostgreSQL 15's access methods (pg_am) and what each index AM's handler allows (hash
 * stores its keys' int4 hash codes: amkeytype). */
static const struct cat_am ams[] = {
	{CAT_AM_HEAP, "heap", "heap_tableam_handler", 't', false, false, false, false, 0},
	{CAT_AM_BTREE, "btree", "bthandler", 'i', true, true, true, true, 0},
	{405, "hash", "hashhandler", 'i', false, false, false, false, PGTYPE_INT4},
	{783, "gist", "gisthandler", 'i', false, true, false, true, 0},
	{2742, "gin", "ginhandler", 'i', false, true, false, false, 0},
	{4000, "spgist", "spghandler", 'i', false, false, false, true, 0},
	{3580, "brin", "brinhandler", 'i', false, true, false, false, 0},
};

const struct cat_am *cat_ams(size_t *n)
{
	*n = ARRAY_LEN(ams);
	return ams;
}

const struct cat_am *cat_am_by_name(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_LEN(ams); i++) {
		if (strcmp(ams[i].name, name) == 0)
			return &ams[i];
	}
	return NULL;
}

const struct cat_am *cat_am_by_oid(uint32_t oid)
{
	for (size_t i = 0; i < ARRAY_LEN(ams); i++) {
		if (ams[i].oid == oid)
			return &ams[i];
	}
	return NULL;
}

/* What the access methods' handlers answer per column (amsearchnulls; amsearcharray is
 * btree's only; returnable: btree always, gist and spgist for their common operator
 * classes); amcanorder is cat_am's canorder. distance_orderable is false: no operator
 * class here orders by distance (gist's and spgist's <-> are not translated). */
static bool am_searchnulls(uint32_t am)
{
	return am == CAT_AM_BTREE || am == 783 || am == 4000 || am == 3580;
}

int cat_index_column_property(const struct cat_index *ix, int attno, const char *prop)
{
	const struct cat_am *am = cat_am_by_oid(ix->am);
	if (!am || attno < 1 || attno > ix->nkeys || !prop)
		return -1;
	int k = attno - 1;
	bool key = k < ix->nkeyatts;
	bool desc = ix->desc && ix->desc[k], first = cat_index_key_nulls_first(ix, k);
	/* the sort order of a key column: false all four where the access method does not
	 * order; an INCLUDE column has none (NULL) */
	bool order = key && am->canorder;
	if (strcasecmp(prop, "asc") == 0)
		return !key ? -1 : order && !desc;
	if (strcasecmp(prop, "desc") == 0)
		return !key ? -1 : order && desc;
	if (strcasecmp(prop, "nulls_first") == 0)
		return !key ? -1 : order && first;
	if (strcasecmp(prop, "nulls_last") == 0)
		return !key ? -1 : order && !first;
	if (strcasecmp(prop, "orderable") == 0)
		return order;
	if (strcasecmp(prop, "distance_orderable") == 0)
		return 0;
	if (strcasecmp(prop, "returnable") == 0)
		return ix->am == CAT_AM_BTREE || ix->am == 783 || ix->am == 4000;
	if (strcasecmp(prop, "search_array") == 0)
		return !key ? -1 : ix->am == CAT_AM_BTREE;
	if (strcasecmp(prop, "search_nulls") == 0)
		return !key ? -1 : am_searchnulls(ix->am);
	return -1;
}

/* The pseudo-types operator classes are declared for. */
enum { ANYARRAY = 2277, ANYENUM = 3500, ANYRANGE = 3831, ANYMULTIRANGE = 4537, RECORD = 2249 };

/* typispreferred of the built-in types (the ones catalog_rel.c's pg_type marks). */
static bool preferred(uint32_t oid)
{
	return oid == PGTYPE_BOOL || oid == PGTYPE_TEXT || oid == PGTYPE_OID ||
	       oid == PGTYPE_FLOAT8 || oid == PGTYPE_TIMESTAMPTZ || oid == PGTYPE_INTERVAL ||
	       oid == PGTYPE_VARBIT;
}

static char category(const struct cat_model *m, uint32_t oid)
{
	const struct pgtype_info *ti = pgtype_by_oid(oid);
	bool array = false;
	if (ti)
		return ti->category;
	if (m && cat_model_enum_oid(m, oid, &array))
		return array ? 'A' : 'E';
	return 'U';
}

/* PostgreSQL's IsBinaryCoercible(src, target) over the built-in casts: the same type, a
 * polymorphic target the source fits, or a cast WITHOUT FUNCTION. */
bool cat_binary_coercible(const struct cat_model *m, uint32_t src, uint32_t target)
{
	if (src == target)
		return true;
	char cat = category(m, src);
	const struct pgtype_info *ti = pgtype_by_oid(src);
	switch (target) {
	case ANYARRAY:
		return cat == 'A';
	case ANYENUM:
		return cat == 'E';
	case ANYRANGE:
		return cat == 'R' && ti && !strstr(ti->name, "multirange");
	case ANYMULTIRANGE:
		return cat == 'R' && ti && strstr(ti->name, "multirange");
	case RECORD:
		return cat == 'C';
	}
	size_t n = 0;
	const struct cat_cast *c = cat_casts(&n);
	for (size_t i = 0; i < n; i++) {
		if (c[i].source == src && c[i].target == target && c[i].method == 'b')
			return true;
	}
	return false;
}

uint32_t cat_opclass_default(const struct cat_model *m, uint32_t am, uint32_t type)
{
	/* GetDefaultOpClass: an exact match, else the one binary-compatible default (one for
	 * a preferred type wins: varchar fits both text_ops and bpchar_ops) */
	size_t n = 0;
	const struct cat_opclass *c = cat_opclasses(&n);
	uint32_t exact = 0, pref = 0, compat = 0;
	int nexact = 0, npref = 0, ncompat = 0;
	for (size_t i = 0; i < n; i++) {
		if (c[i].method != am || !c[i].isdefault)
			continue;
		if (c[i].intype == type) {
			exact = c[i].oid;
			nexact++;
		} else if (nexact == 0 && cat_binary_coercible(m, type, c[i].intype)) {
			if (preferred(c[i].intype) &&
			    category(m, c[i].intype) == category(m, type)) {
				pref = c[i].oid;
				npref++;
			} else {
				compat = c[i].oid;
				ncompat++;
			}
		}
	}
	return nexact == 1 ? exact : npref == 1 ? pref : ncompat == 1 ? compat : 0;
}

/* pg_trgm's operator classes, which an index may name once CREATE EXTENSION pg_trgm has run
 * (check_key): OIDs as cat_oid("opclass", name) gives an object of the tenant's, GIN's keys
 * stored as int4 (opckeytype); gist_trgm_ops's gtrgm keys are not a type here, so its index
 * column stays text. pg_opclass does not list them. */
static const struct cat_opclass trgm_classes[] = {
	{1146049107, 2742, "gin_trgm_ops", 0, PGTYPE_TEXT, false, PGTYPE_INT4},
	{966245506, 783, "gist_trgm_ops", 0, PGTYPE_TEXT, false, 0},
};

bool cat_opclass_of_trgm(const struct cat_opclass *oc)
{
	return oc >= trgm_classes && oc < trgm_classes + ARRAY_LEN(trgm_classes);
}

const struct cat_opclass *cat_opclass_named(uint32_t am, const char *name)
{
	size_t n = 0;
	const struct cat_opclass *c = cat_opclasses(&n);
	for (size_t i = 0; name && i < n; i++) {
		if (c[i].method == am && strcmp(c[i].name, name) == 0)
			return &c[i];
	}
	for (size_t i = 0; name && i < ARRAY_LEN(trgm_classes); i++) {
		if (trgm_classes[i].method == am && strcmp(trgm_classes[i].name, name) == 0)
			return &trgm_classes[i];
	}
	return NULL;
}

const struct cat_opclass *cat_opclass_by_oid(uint32_t oid)
{
	size_t n = 0;
	const struct cat_opclass *c = cat_opclasses(&n);
	for (size_t i = 0; i < n; i++) {
		if (c[i].oid == oid)
			return &c[i];
	}
	for (size_t i = 0; i < ARRAY_LEN(trgm_classes); i++) {
		if (trgm_classes[i].oid == oid)
			return &trgm_classes[i];
	}
	return NULL;
}

/* The operator class name of "a.b" (PostgreSQL's qualified name): b when a is pg_catalog
 * (every built-in class lives there), NULL for any other schema (none has one). */
static const char *opclass_base(const char *qualified)
{
	const char *dot = strrchr(qualified, '.');
	if (!dot)
		return qualified;
	size_t n = (size_t)(dot - qualified);
	return n == 10 && strncmp(qualified, "pg_catalog", 10) == 0 ? dot + 1 : NULL;
}

static const struct cat_col *table_col(const struct cat_rel *t, const char *name)
{
	for (int i = 0; t && i < t->ncols; i++) {
		if (strcmp(t->cols[i].name, name) == 0)
			return &t->cols[i];
	}
	for (int i = 0; t && i < t->ncols; i++) {
		if (strcasecmp(t->cols[i].name, name) == 0)
			return &t->cols[i];
	}
	return NULL;
}

/* One key of shardlite_index_check: false after raising the error PostgreSQL raises. */
static bool check_key(sqlite3_context *ctx, const struct cat_model *m, const struct cat_am *am,
		      const struct cat_rel *t, sqlite3_value **kv, struct arena *a)
{
	const char *col = (const char *)sqlite3_value_text(kv[0]);
	uint32_t type = (uint32_t)sqlite3_value_int64(kv[1]);
	const char *opc = (const char *)sqlite3_value_text(kv[2]);
	int ordering = sqlite3_value_int(kv[3]);
	bool nulls = sqlite3_value_int(kv[4]) != 0;
	if (col) {
		const struct cat_col *cc = table_col(t, col);
		if (!cc) {
			pgfn_error(ctx, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" does not exist",
				   col);
			return false;
		}
		type = cc->typoid;
	}
	if (type == 0) /* an expression of a type known only when it runs */
		return true;
	/* format_type_be's spelling: bpchar without its typmod is "character" */
	const char *tname = type == PGTYPE_BPCHAR ? "character" : cat_format_type_m(m, a, type, -1);
	if (opc && *opc) {
		const char *base = opclass_base(opc);
		const struct cat_opclass *oc = base ? cat_opclass_named(am->oid, base) : NULL;
		if (oc && cat_opclass_of_trgm(oc) &&
		    !cat_ext_created(sqlite3_context_db_handle(ctx), "pg_trgm"))
			oc = NULL; /* an extension's, not created */
		if (!oc) {
			pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
				   "operator class \"%s\" does not exist for access method \"%s\"",
				   base ? base : opc, am->name);
			return false;
		}
		if (!cat_binary_coercible(m, type, oc->intype)) {
			pgfn_error(ctx, SQLSTATE_DATATYPE_MISMATCH,
				   "operator class \"%s\" does not accept data type %s", opc,
				   tname);
			return false;
		}
	} else if (!cat_opclass_default(m, am->oid, type) &&
		   !cat_btree_gist_class(sqlite3_context_db_handle(ctx), am->oid, type)) {
		/* the HINT is added by the shard's error mapping */
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
			   "data type %s has no default operator class for access method \"%s\"",
			   tname, am->name);
		return false;
	}
	if (!am->canorder && ordering) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "access method \"%s\" does not support ASC/DESC options", am->name);
		return false;
	}
	if (!am->canorder && nulls) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "access method \"%s\" does not support NULLS FIRST/LAST options",
			   am->name);
		return false;
	}
	return true;
}

/* The storage parameters each index method takes (PostgreSQL 15's reloptions.c): 'b' a
 * boolean, 'i' an integer in [min, max], 'e' buffering's on/off/auto. */
static const struct {
	uint32_t am;
	const char *name;
	char kind;
	int64_t min, max;
} options[] = {
	{CAT_AM_BTREE, "fillfactor", 'i', 10, 100},
	{CAT_AM_BTREE, "deduplicate_items", 'b', 0, 0},
	{405, "fillfactor", 'i', 10, 100},
	{783, "fillfactor", 'i', 10, 100},
	{783, "buffering", 'e', 0, 0},
	{2742, "fastupdate", 'b', 0, 0},
	{2742, "gin_pending_list_limit", 'i', 64, 2147483647},
	{4000, "fillfactor", 'i', 10, 100},
	{3580, "pages_per_range", 'i', 1, 131072},
	{3580, "autosummarize", 'b', 0, 0},
};

/* PostgreSQL's parse_int without units: decimal, octal or hex, or a number rounded. */
static bool parse_int(const char *v, int64_t *out)
{
	char *end = NULL;
	errno = 0;
	long long x = strtoll(v, &end, 0);
	if (end == v || errno) {
		double d = strtod(v, &end);
		if (end == v || d != d || d < -9.2e18 || d > 9.2e18)
			return false;
		x = (long long)(d < 0 ? d - 0.5 : d + 0.5);
	} else if (*end == '.' || *end == 'e' || *end == 'E') {
		double d = strtod(v, &end);
		x = (long long)(d < 0 ? d - 0.5 : d + 0.5);
	}
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	*out = x;
	return *end == '\0';
}

/* One "name=value" of WITH (...): false after raising PostgreSQL's 22023. */
static bool check_option(sqlite3_context *ctx, const struct cat_am *am, const char *opt,
			 const char *seen)
{
	char name[128];
	const char *eq = strchr(opt, '=');
	size_t n = eq ? (size_t)(eq - opt) : strlen(opt);
	snprintf(name, sizeof(name), "%.*s", (int)(n < 127 ? n : 127), opt);
	const char *v = eq ? eq + 1 : "true";
	const char *dot = strchr(name, '.');
	if (dot) {
		pgfn_error(ctx, "22023", "unrecognized parameter namespace \"%.*s\"",
			   (int)(dot - name), name);
		return false;
	}
	size_t k = 0;
	while (k < ARRAY_LEN(options) &&
	       (options[k].am != am->oid || strcmp(options[k].name, name) != 0))
		k++;
	if (k == ARRAY_LEN(options)) {
		pgfn_error(ctx, "22023", "unrecognized parameter \"%s\"", name);
		return false;
	}
	if (seen) {
		pgfn_error(ctx, "22023", "parameter \"%s\" specified more than once", name);
		return false;
	}
	int64_t x = 0;
	bool b;
	switch (options[k].kind) {
	case 'b':
		if (pgtype_parse_bool(v, strlen(v), &b))
			return true;
		pgfn_error(ctx, "22023", "invalid value for boolean option \"%s\": %s", name, v);
		return false;
	case 'e':
		if (strcasecmp(v, "on") == 0 || strcasecmp(v, "off") == 0 ||
		    strcasecmp(v, "auto") == 0)
			return true;
		pgfn_error(ctx, "22023", "invalid value for enum option \"%s\": %s", name, v);
		return false;
	default:
		if (!parse_int(v, &x)) {
			pgfn_error(ctx, "22023", "invalid value for integer option \"%s\": %s",
				   name, v);
			return false;
		}
		if (x < options[k].min || x > options[k].max) {
			pgfn_error(ctx, "22023", "value %s out of bounds for option \"%s\"", v,
				   name);
			return false;
		}
		return true;
	}
}

/* The options of WITH (...), one "name=value" per line, checked in order. */
static bool check_options(sqlite3_context *ctx, const struct cat_am *am, const char *opts)
{
	const char *p = opts;
	char seen[1024] = "\n";
	while (p && *p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char opt[512];
		snprintf(opt, sizeof(opt), "%.*s", (int)(n < 511 ? n : 511), p);
		char key[160];
		const char *eq = strchr(opt, '=');
		snprintf(key, sizeof(key), "\n%.*s\n", (int)(eq ? eq - opt : (long)strlen(opt)),
			 opt);
		if (!check_option(ctx, am, opt, strstr(seen, key)))
			return false;
		if (strlen(seen) + strlen(key) < sizeof(seen))
			strcat(seen, key + 1);
		p = e ? e + 1 : NULL;
	}
	return true;
}

/* shardlite_index_check(table, am, unique, including, WITH's options ("name=value" lines),
 * then per key: column (NULL for an expression), expression type OID (0: unknown), operator class as written ('' none),
 * ordering (0 default, 1 ASC, 2 DESC), NULLS FIRST/LAST given): before CREATE INDEX, the
 * checks PostgreSQL makes, in its order, with its SQLSTATEs and messages. */
static void fn_index_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc < 5 || (argc - 5) % 5 != 0)
		return;
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *amname = (const char *)sqlite3_value_text(argv[1]);
	const struct cat_model *m = table && amname ? cat_fn_model(ctx) : NULL;
	if (!m)
		return;
	sqlite3_result_null(ctx);
	const struct cat_am *am = cat_am_by_name(amname);
	if (!am) {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "access method \"%s\" does not exist",
			   amname);
		return;
	}
	if (am->type != 'i') { /* PostgreSQL's elog: an internal error */
		pgfn_error(ctx, "XX000", "access method \"%s\" is not of type INDEX", amname);
		return;
	}
	int nkeys = (argc - 5) / 5;
	if (sqlite3_value_int(argv[2]) && !am->canunique) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "access method \"%s\" does not support unique indexes", am->name);
		return;
	}
	if (nkeys > 1 && !am->canmulticol) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "access method \"%s\" does not support multicolumn indexes", am->name);
		return;
	}
	if (sqlite3_value_int(argv[3]) && !am->caninclude) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "access method \"%s\" does not support included columns", am->name);
		return;
	}
	if (!check_options(ctx, am, (const char *)sqlite3_value_text(argv[4])))
		return;
	const struct cat_rel *t = cat_model_rel(m, table);
	if (!t) /* CREATE INDEX itself reports the missing table */
		return;
	struct arena *a = arena_new(0);
	for (int k = 0; k < nkeys; k++) {
		if (!check_key(ctx, m, am, t, argv + 5 + 5 * k, a))
			break;
	}
	arena_free(a);
}

static const char *read_opclasses(struct cat_index *ix, const struct cat_am *am, const char *p);
static const char *read_nulls(struct cat_index *ix, const char *p);

/* Reads "/ * shardlite: USING am (opc, , opc) NULLS (l, , f) INCLUDE n WITH (a=b, c=d) * /"
 * after the index's name: its access method, the operator class each key names (empty: the
 * default; "gist_trgm_ops siglen 32" with its option), each key's NULLS FIRST/LAST (empty: its direction's default), how many of the
 * SQLite index's last columns are INCLUDE's, and its storage parameters as written
 * (pg_class.reloptions). */
void cat_index_am_read(struct arena *a, struct cat_index *ix, const char *sql)
{
	ix->am = CAT_AM_BTREE;
	ix->opclass = arena_zalloc(a, (size_t)(ix->nkeys + 1) * sizeof(*ix->opclass));
	ix->nulls = arena_zalloc(a, (size_t)(ix->nkeys + 1) * sizeof(*ix->nulls));
	ix->siglen = arena_zalloc(a, (size_t)(ix->nkeys + 1) * sizeof(*ix->siglen));
	const char *p = sql ? strstr(sql, CATALOG_INDEX_AM_MARK) : NULL;
	if (!p)
		return;
	p += strlen(CATALOG_INDEX_AM_MARK);
	size_t n = 0;
	while (isalnum((unsigned char)p[n]) || p[n] == '_')
		n++;
	char name[64];
	snprintf(name, sizeof(name), "%.*s", (int)(n < 63 ? n : 63), p);
	const struct cat_am *am = cat_am_by_name(name);
	if (!am)
		return;
	ix->am = am->oid;
	p += n;
	while (*p == ' ')
		p++;
	if (*p == '(')
		p = read_opclasses(ix, am, p + 1);
	while (*p == ' ' || *p == ')')
		p++;
	if (strncmp(p, "NULLS (", 7) == 0)
		p = read_nulls(ix, p + 7);
	while (*p == ' ' || *p == ')')
		p++;
	if (strncmp(p, "INCLUDE ", 8) == 0) { /* the last n SQLite key columns */
		int ninc = atoi(p + 8);
		if (ninc > 0 && ninc < ix->nkeys)
			ix->nkeyatts = ix->nkeys - ninc;
		while (*p && *p != ' ')
			p++;
		p += strspn(p, " ");
		while (isdigit((unsigned char)*p))
			p++;
		while (*p == ' ')
			p++;
	}
	if (strncmp(p, "WITH (", 6) == 0) {
		const char *e = strchr(p + 6, ')');
		ix->reloptions = e ? arena_strndup(a, p + 6, (size_t)(e - p - 6)) : NULL;
	}
}

int cat_index_include_names(struct arena *a, const char *sql, const char ***names)
{
	const char *p = sql ? strstr(sql, CATALOG_INCLUDE_MARK) : NULL;
	const char *end = p ? strstr(p + strlen(CATALOG_INCLUDE_MARK), " */") : NULL;
	if (!end)
		return 0;
	p += strlen(CATALOG_INCLUDE_MARK);
	int n = 0;
	*names = arena_zalloc(a, (size_t)(end - p + 1) * sizeof(**names));
	while (p < end) {
		while (p < end && (*p == ' ' || *p == ','))
			p++;
		if (p >= end)
			break;
		struct strbuf sb;
		strbuf_init(&sb, 0);
		if (*p == '"') { /* quoted, "" for a quote */
			for (p++; p < end && !(*p == '"' && p[1] != '"'); p += *p == '"' ? 2 : 1)
				strbuf_append(&sb, p, 1);
			p++;
		} else {
			while (p < end && *p != ',' && *p != ' ')
				strbuf_append(&sb, p++, 1);
		}
		(*names)[n++] = arena_strdup(a, sb.data ? sb.data : "");
		strbuf_fini(&sb);
	}
	return n;
}

/* The classes of "(jsonb_path_ops, , x)" after its parenthesis; returns where it stopped. */
static const char *read_opclasses(struct cat_index *ix, const struct cat_am *am, const char *p)
{
	char name[64];
	size_t n;
	for (int k = 0; k < ix->nkeys && *p && *p != ')'; k++) {
		while (*p == ' ')
			p++;
		n = 0;
		while (isalnum((unsigned char)p[n]) || p[n] == '_')
			n++;
		snprintf(name, sizeof(name), "%.*s", (int)(n < 63 ? n : 63), p);
		const struct cat_opclass *oc = n ? cat_opclass_named(am->oid, name) : NULL;
		ix->opclass[k] = oc ? oc->oid : 0;
		p += n;
		while (*p == ' ')
			p++;
		if (strncmp(p, "siglen ", 7) == 0) { /* gist_trgm_ops's option (xlat_index.c) */
			ix->siglen[k] = atoi(p + 7);
			p += 7;
			while (isdigit((unsigned char)*p) || *p == ' ')
				p++;
		}
		if (*p == ',')
			p++;
	}
	return p;
}

/* The orders of "l, , f)" after its parenthesis; returns where it stopped. */
static const char *read_nulls(struct cat_index *ix, const char *p)
{
	for (int k = 0; k < ix->nkeys && *p && *p != ')'; k++) {
		while (*p == ' ')
			p++;
		if (*p == 'f' || *p == 'l')
			ix->nulls[k] = *p++;
		while (*p == ' ')
			p++;
		if (*p == ',')
			p++;
	}
	return p;
}

bool cat_index_key_nulls_first(const struct cat_index *ix, int k)
{
	bool desc = ix->desc && ix->desc[k];
	char n = ix->nulls ? ix->nulls[k] : 0;
	return n ? n == 'f' : desc; /* PostgreSQL's default: NULLs sort as the largest values */
}

uint32_t cat_index_key_opclass(const struct cat_model *m, const struct cat_index *ix, int k)
{
	if (k >= ix->nkeyatts)
		return 0; /* an INCLUDE column has none */
	if (ix->opclass && ix->opclass[k])
		return ix->opclass[k];
	if (ix->keys[k] <= 0 || ix->keys[k] > ix->table->ncols)
		return 0; /* an expression, whose type the model does not know */
	return cat_opclass_default(m, ix->am ? ix->am : CAT_AM_BTREE,
				   ix->table->cols[ix->keys[k] - 1].typoid);
}

const char *cat_index_key_opclass_shown(const struct cat_model *m, const struct cat_index *ix,
					int k)
{
	/* pg_get_indexdef names a class only when it is not the default of the key's type */
	if (!ix->opclass || !ix->opclass[k])
		return NULL;
	if (ix->keys[k] > 0 && ix->keys[k] <= ix->table->ncols &&
	    cat_opclass_default(m, ix->am, ix->table->cols[ix->keys[k] - 1].typoid) ==
		    ix->opclass[k])
		return NULL;
	const struct cat_opclass *oc = cat_opclass_by_oid(ix->opclass[k]);
	return oc ? oc->name : NULL;
}

/* Calls fn for each "name=value" of the stored WITH list. */
static void each_option(const char *list, struct strbuf *sb,
			void (*fn)(struct strbuf *sb, const char *opt, size_t n, bool first))
{
	bool first = true;
	for (const char *p = list; p && *p;) {
		while (*p == ' ')
			p++;
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		fn(sb, p, n, first);
		first = false;
		p = e ? e + 1 : NULL;
	}
}

static void array_elem(struct strbuf *sb, const char *opt, size_t n, bool first)
{
	strbuf_printf(sb, "%s%.*s", first ? "" : ",", (int)n, opt);
}

/* name=value as pg_get_indexdef writes it: the value bare when quote_ident would leave it so,
 * else as a literal (fastupdate=off, pages_per_range='16'). */
static void def_elem(struct strbuf *sb, const char *opt, size_t n, bool first)
{
	const char *eq = memchr(opt, '=', n);
	size_t k = eq ? (size_t)(eq - opt) : n;
	const char *v = eq ? eq + 1 : "";
	size_t vn = eq ? n - k - 1 : 0;
	struct strbuf q;
	strbuf_init(&q, 0);
	pgfn_quote_ident(&q, v, vn);
	bool bare = q.data && q.len == vn && memcmp(q.data, v, vn) == 0;
	strbuf_fini(&q);
	strbuf_printf(sb, "%s%.*s=%s%.*s%s", first ? "" : ", ", (int)k, opt, bare ? "" : "'",
		      (int)vn, v, bare ? "" : "'");
}

const char *cat_index_reloptions(struct arena *a, const struct cat_index *ix, bool def)
{
	if (!ix->reloptions || !*ix->reloptions)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, def ? " WITH (" : "{");
	each_option(ix->reloptions, &sb, def ? def_elem : array_elem);
	strbuf_puts(&sb, def ? ")" : "}");
	const char *r = sb.failed ? NULL : arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return r;
}

/* ---- RENAME COLUMN: the PostgreSQL texts of an index's keys and predicate ---- */

/* An identifier as PostgreSQL's deparser writes it: bare when it is lower case letters,
 * digits and underscores not starting with a digit, else double-quoted. */
static void put_ident(struct strbuf *sb, const char *name)
{
	bool bare = *name && !isdigit((unsigned char)*name);
	for (const char *p = name; bare && *p; p++)
		bare = islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_';
	if (bare)
		strbuf_puts(sb, name);
	else
		strbuf_put_quoted(sb, name, '"');
}

void catalog_renamed_refs(struct strbuf *sb, const char *b, const char *e, const char *from,
			  const char *to)
{
	size_t nfrom = strlen(from);
	for (const char *p = b; p < e;) {
		const char *t = p;
		if (*p == '\'' || *p == '"') {
			char q = *p++;
			while (p < e && !(*p == q && (p + 1 >= e || p[1] != q)))
				p += *p == q ? 2 : 1;
			p += p < e;
			const char *after = p;
			while (after < e && isspace((unsigned char)*after))
				after++;
			if (q == '"' && (size_t)(p - t) == nfrom + 2 &&
			    strncmp(t + 1, from, nfrom) == 0 && (after >= e || *after != '('))
				put_ident(sb, to);
			else
				strbuf_append(sb, t, (size_t)(p - t));
			continue;
		}
		if (isalpha((unsigned char)*p) || *p == '_') {
			while (p < e && (isalnum((unsigned char)*p) || *p == '_' || *p == '$'))
				p++;
			const char *after = p;
			while (after < e && isspace((unsigned char)*after))
				after++;
			bool qualified = t > b && t[-1] == '.';
			if ((size_t)(p - t) == nfrom && strncmp(t, from, nfrom) == 0 &&
			    !qualified && (after >= e || *after != '('))
				put_ident(sb, to);
			else
				strbuf_append(sb, t, (size_t)(p - t));
			continue;
		}
		strbuf_append(sb, p, 1);
		p++;
	}
}

/* sql with the PostgreSQL text after each of the two marks (up to " * /") renamed; in a. */
static const char *renamed_marks(struct arena *a, const char *sql, const char *from, const char *to)
{
	const char *marks[] = {CATALOG_INDEX_PG_MARK, CATALOG_INDEX_PRETTY_MARK,
			       CATALOG_INCLUDE_MARK};
	for (size_t i = 0; sql && i < ARRAY_LEN(marks); i++) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		const char *p = sql, *m;
		size_t n = strlen(marks[i]);
		while ((m = strstr(p, marks[i])) && strstr(m + n, " */")) {
			const char *end = strstr(m + n, " */");
			strbuf_append(&sb, p, (size_t)(m + n - p));
			catalog_renamed_refs(&sb, m + n, end, from, to);
			p = end;
		}
		strbuf_puts(&sb, p);
		sql = sb.failed ? NULL : arena_strdup(a, sb.data ? sb.data : "");
		strbuf_fini(&sb);
	}
	return sql;
}

/* shardlite_index_renamed(table, from, to), after ALTER TABLE table RENAME COLUMN from TO to:
 * each index of the table whose PostgreSQL texts (CATALOG_INDEX_PG_MARK) name the column is
 * made again with them naming it to, as PostgreSQL's stored trees follow the rename (SQLite
 * renames the SQLite text only). */
static void fn_index_renamed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	const char *from = (const char *)sqlite3_value_text(argv[1]);
	const char *to = (const char *)sqlite3_value_text(argv[2]);
	sqlite3_result_null(ctx);
	sqlite3_stmt *st = NULL;
	if (!table || !from || !to ||
	    sqlite3_prepare_v2(
		    db,
		    "SELECT s.schema, s.name, s.sql FROM pragma_table_list AS l, "
		    "(SELECT 'main' AS schema, name, tbl_name, sql, type FROM "
		    "main.sqlite_schema UNION ALL SELECT 'temp', name, tbl_name, sql, type "
		    "FROM temp.sqlite_schema) AS s WHERE l.name = ?1 COLLATE NOCASE AND "
		    "l.schema = s.schema AND s.type = 'index' AND s.tbl_name = l.name AND "
		    "(instr(s.sql, ?2) OR instr(s.sql, ?3)) ORDER BY l.schema = 'temp' DESC "
		    "LIMIT 64",
		    -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return;
	}
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, CATALOG_INDEX_PG_MARK, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, CATALOG_INCLUDE_MARK, -1, SQLITE_STATIC);
	struct arena *a = arena_new(0);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *schema = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 2);
		const char *def = renamed_marks(a, sql, from, to);
		if (schema && strcmp(schema, s) != 0)
			break; /* a temporary table hides the permanent one of its name */
		schema = arena_strdup(a, s);
		if (!def || strcmp(def, sql) == 0)
			continue;
		char *q = sqlite3_mprintf("DROP INDEX \"%w\".\"%w\"; %s; ", s,
					  (const char *)sqlite3_column_text(st, 1), def);
		strbuf_puts(&sb, q);
		sqlite3_free(q);
	}
	sqlite3_finalize(st);
	if (sb.failed)
		pgfn_error(ctx, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	else if (sb.len && sqlite3_exec(db, sb.data, NULL, NULL, NULL) != SQLITE_OK)
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "%s", sqlite3_errmsg(db));
	strbuf_fini(&sb);
	arena_free(a);
}

bool cat_index_register(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_index_check", -1,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_index_check, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_index_renamed", 3,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_index_renamed,
					  NULL, NULL, NULL) == SQLITE_OK;
}
