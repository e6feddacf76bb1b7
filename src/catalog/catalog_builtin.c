/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_builtin.c: relations about the server rather than the tenant — pg_proc's built-in
 * functions, pg_aggregate, pg_cast, pg_operator, pg_opclass, pg_opfamily, pg_range (the built-in range types), pg_timezone_names (the system's /usr/share/zoneinfo, read through
 * pgtype's TZif reader) and pg_srf_keywords, the rows of pg_get_keywords() taken from
 * libpg_query's own keyword table (the translator maps the function in FROM onto it). */
#include "catalog_int.h"

#include "pgtype.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* PostgreSQL 15's pg_range.dat: every range type with its subtype, multirange, subtype
 * B-tree operator class and support functions ("-": none). */
static bool fill_range(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	static const struct {
		uint32_t type, subtype, multi, opc;
		const char *canonical, *subdiff;
	} ranges[] = {
		{3904, 23, 4451, 1978, "int4range_canonical", "int4range_subdiff"},
		{3906, 1700, 4532, 3125, "-", "numrange_subdiff"},
		{3908, 1114, 4533, 3128, "-", "tsrange_subdiff"},
		{3910, 1184, 4534, 3127, "-", "tstzrange_subdiff"},
		{3912, 1082, 4535, 3122, "daterange_canonical", "daterange_subdiff"},
		{3926, 20, 4536, 3124, "int8range_canonical", "int8range_subdiff"},
	};
	for (size_t i = 0; i < ARRAY_LEN(ranges); i++) {
		cat_row(r);
		cat_int(r, ranges[i].type);
		cat_int(r, ranges[i].subtype);
		cat_int(r, ranges[i].multi);
		cat_int(r, 0); /* no collation: no subtype is collatable */
		cat_int(r, ranges[i].opc);
		cat_text(r, ranges[i].canonical);
		cat_text(r, ranges[i].subdiff);
	}
	return true;
}

/* ---- pg_proc: PostgreSQL's rows for the built-in functions shardlite provides ---- */

bool catalog_builtin_function(const char *name)
{
	size_t n = 0;
	const struct cat_proc *p = cat_procs(&n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(p[i].name, name) == 0)
			return true;
	}
	return false;
}

const char *catalog_operator_function(const char *name, uint32_t types[3])
{
	size_t n = 0;
	const struct cat_oper *o = cat_opers(&n);
	for (size_t i = 0; i < n; i++) {
		if ((o[i].kind == 'b' || o[i].kind == 'l') && strcmp(o[i].code, name) == 0) {
			types[0] = o[i].left;
			types[1] = o[i].right;
			types[2] = o[i].result;
			return o[i].name;
		}
	}
	return NULL;
}

bool cat_fill_proc(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n = 0;
	const struct cat_proc *p = cat_procs(&n);
	for (size_t i = 0; i < n; i++, p++) {
		cat_row(r);
		cat_int(r, p->oid);
		cat_text(r, p->name);
		cat_int(r, CAT_NS_PG_CATALOG);
		cat_int(r, CAT_ROLE_BOOTSTRAP);
		cat_int(r, p->lang);
		cat_int(r, (int64_t)p->cost);
		cat_int(r, (int64_t)p->rows);
		cat_int(r, p->variadic);
		cat_text(r, "-"); /* prosupport: planner support functions are not listed */
		cat_char(r, p->kind);
		cat_bool(r, false);
		cat_bool(r, p->leakproof);
		cat_bool(r, p->strict);
		cat_bool(r, p->retset);
		cat_char(r, p->volatility);
		cat_char(r, p->parallel);
		cat_int(r, p->nargs);
		cat_int(r, p->nargdefaults);
		cat_int(r, p->rettype);
		cat_text(r, p->argtypes);
		cat_text(r, p->allargtypes);
		cat_text(r, p->argmodes);
		cat_text(r, p->argnames);
		cat_null(r); /* proargdefaults, protrftypes */
		cat_null(r);
		cat_text(r, p->src);
		for (int k = 0; k < 4; k++) /* probin, prosqlbody, proconfig, proacl */
			cat_null(r);
	}
	cat_udf_fill_proc(cc, r); /* the tenant's own (catalog_udf.c) */
	return true;
}

static int cmp_proc_oid(const void *key, const void *elem)
{
	uint32_t oid = *(const uint32_t *)key, other = ((const struct cat_proc *)elem)->oid;
	return oid < other ? -1 : oid > other;
}

/* pg_get_function_arguments(oid) and friends: what PostgreSQL prints for that built-in
 * (user data: which of the three); NULL for an OID pg_proc does not list, as PostgreSQL. */
static void fn_function_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	/* a regproc value is the function's name ('now'::regproc): its one built-in */
	const char *name = sqlite3_value_type(argv[0]) == SQLITE_TEXT
				   ? (const char *)sqlite3_value_text(argv[0])
				   : NULL;
	if (name && strncmp(name, "pg_catalog.", 11) == 0)
		name += 11;
	uint32_t oid = name ? cat_builtin_proc_oid(name) : (uint32_t)sqlite3_value_int64(argv[0]);
	size_t n = 0;
	const struct cat_proc *procs = cat_procs(&n);
	const struct cat_proc *p = bsearch(&oid, procs, n, sizeof(*procs), cmp_proc_oid);
	int which = *(const int *)sqlite3_user_data(ctx);
	if (!p && cat_udf_text(ctx, oid, which))
		return;
	cat_result_text(ctx, !p           ? NULL
			     : which == 0 ? p->args
			     : which == 1 ? p->identity_args
					  : p->result);
}

static int cmp_oper_oid(const void *key, const void *elem)
{
	uint32_t oid = *(const uint32_t *)key, other = ((const struct cat_oper *)elem)->oid;
	return oid < other ? -1 : oid > other;
}

const char *cat_builtin_desc(const char *cls, uint32_t oid)
{
	size_t n = 0;
	if (strcmp(cls, "pg_proc") == 0) {
		const struct cat_proc *procs = cat_procs(&n);
		const struct cat_proc *p = bsearch(&oid, procs, n, sizeof(*procs), cmp_proc_oid);
		return p ? p->desc : NULL;
	}
	if (strcmp(cls, "pg_operator") == 0) {
		const struct cat_oper *opers = cat_opers(&n);
		const struct cat_oper *o = bsearch(&oid, opers, n, sizeof(*opers), cmp_oper_oid);
		return o ? o->desc : NULL;
	}
	const struct cat_desc *d = cat_descs(&n);
	for (size_t i = 0; i < n; i++) {
		if (d[i].oid == oid && strcmp(d[i].cls, cls) == 0)
			return d[i].desc;
	}
	return NULL;
}

uint32_t cat_builtin_proc_oid(const char *name)
{
	if (!name || !*name)
		return 0;
	if (strspn(name, "0123456789") == strlen(name))
		return (uint32_t)strtoul(name, NULL, 10);
	size_t n = 0;
	const struct cat_proc *procs = cat_procs(&n);
	uint32_t found = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(procs[i].name, name) != 0)
			continue;
		if (found)
			return 0;
		found = procs[i].oid;
	}
	return found;
}

bool cat_builtin_register(sqlite3 *db)
{
	static const int which[] = {0, 1, 2};
	static const char *const names[] = {"pg_get_function_arguments",
					    "pg_get_function_identity_arguments",
					    "pg_get_function_result"};
	for (int i = 0; i < 3; i++) {
		if (sqlite3_create_function_v2(
			    db, names[i], 1, SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC,
			    (void *)&which[i], fn_function_text, NULL, NULL, NULL) != SQLITE_OK)
			return false;
	}
	return true;
}

/* ---- pg_cast and pg_operator: PostgreSQL's built-in rows ---- */

static bool fill_cast(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n = 0;
	const struct cat_cast *c = cat_casts(&n);
	for (size_t i = 0; i < n; i++, c++) {
		cat_row(r);
		cat_int(r, c->oid);
		cat_int(r, c->source);
		cat_int(r, c->target);
		cat_int(r, c->func);
		cat_char(r, c->context);
		cat_char(r, c->method);
	}
	return true;
}

static bool fill_operator(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n = 0;
	const struct cat_oper *o = cat_opers(&n);
	for (size_t i = 0; i < n; i++, o++) {
		cat_row(r);
		cat_int(r, o->oid);
		cat_text(r, o->name);
		cat_int(r, CAT_NS_PG_CATALOG);
		cat_int(r, CAT_ROLE_BOOTSTRAP);
		cat_char(r, o->kind);
		cat_bool(r, o->canmerge);
		cat_bool(r, o->canhash);
		cat_int(r, o->left);
		cat_int(r, o->right);
		cat_int(r, o->result);
		cat_int(r, o->com);
		cat_int(r, o->negate);
		cat_text(r, o->code);
		cat_text(r, o->rest);
		cat_text(r, o->join);
	}
	return true;
}

static bool fill_aggregate(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n = 0;
	const struct cat_agg *g = cat_aggs(&n);
	for (size_t i = 0; i < n; i++, g++) {
		cat_row(r);
		const char *procs[] = {g->fnname,     g->transfn,  g->finalfn,
				       g->combinefn,  g->serialfn, g->deserialfn,
				       g->mtransfn,   g->minvtransfn, g->mfinalfn};
		for (size_t k = 0; k < ARRAY_LEN(procs); k++) {
			cat_text(r, procs[k]);
			if (k == 0) { /* aggkind, aggnumdirectargs follow aggfnoid */
				cat_char(r, g->kind);
				cat_int(r, g->numdirectargs);
			}
		}
		cat_bool(r, g->finalextra);
		cat_bool(r, g->mfinalextra);
		cat_char(r, g->finalmodify);
		cat_char(r, g->mfinalmodify);
		cat_int(r, g->sortop);
		cat_int(r, g->transtype);
		cat_int(r, g->transspace);
		cat_int(r, g->mtranstype);
		cat_int(r, g->mtransspace);
		cat_text(r, g->initval);
		cat_text(r, g->minitval);
	}
	cat_udf_fill_aggregate(cc, r);
	return true;
}

/* ---- pg_opclass, pg_opfamily: PostgreSQL's built-in operator classes and families ---- */

static bool fill_opclass(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n = 0;
	const struct cat_opclass *c = cat_opclasses(&n);
	for (size_t i = 0; i < n; i++, c++) {
		cat_row(r);
		cat_int(r, c->oid);
		cat_int(r, c->method);
		cat_text(r, c->name);
		cat_int(r, CAT_NS_PG_CATALOG);
		cat_int(r, CAT_ROLE_BOOTSTRAP);
		cat_int(r, c->family);
		cat_int(r, c->intype);
		cat_bool(r, c->isdefault);
		cat_int(r, c->keytype);
	}
	return true;
}

static bool fill_opfamily(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n = 0;
	const struct cat_opfamily *f = cat_opfamilies(&n);
	for (size_t i = 0; i < n; i++, f++) {
		cat_row(r);
		cat_int(r, f->oid);
		cat_int(r, f->method);
		cat_text(r, f->name);
		cat_int(r, CAT_NS_PG_CATALOG);
		cat_int(r, CAT_ROLE_BOOTSTRAP);
	}
	return true;
}

static bool fill_amop(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n = 0;
	const struct cat_amop *o = cat_amops(&n);
	for (size_t i = 0; i < n; i++, o++) {
		cat_row(r);
		cat_int(r, o->oid);
		cat_int(r, o->family);
		cat_int(r, o->lefttype);
		cat_int(r, o->righttype);
		cat_int(r, o->strategy);
		cat_char(r, o->purpose);
		cat_int(r, o->opr);
		cat_int(r, o->method);
		cat_int(r, o->sortfamily);
	}
	return true;
}

/* amproc is a regproc: the function's name, or its OID when several functions share it. */
static bool fill_amproc(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	size_t n = 0;
	const struct cat_amproc *p = cat_amprocs(&n);
	for (size_t i = 0; i < n; i++, p++) {
		cat_row(r);
		cat_int(r, p->oid);
		cat_int(r, p->family);
		cat_int(r, p->lefttype);
		cat_int(r, p->righttype);
		cat_int(r, p->num);
		cat_int(r, p->proc);
	}
	return true;
}

/* ---- pg_timezone_names ---- */

#define ZONEINFO "/usr/share/zoneinfo"

struct tz_list {
	struct arena *a;
	const char **names;
	size_t n, cap;
};

/* Every file under dir (relative name rel) that the TZif reader loads, as PostgreSQL's
 * pg_tzenumerate walks the zone directory: symbolic links followed, dot files skipped. */
static void tz_walk(struct tz_list *l, const char *rel, int depth)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s%s%s", ZONEINFO, *rel ? "/" : "", rel);
	DIR *d = opendir(path);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		/* right/: the leap-second variants, which PostgreSQL refuses to load */
		if (e->d_name[0] == '.' || (!*rel && strcmp(e->d_name, "right") == 0))
			continue;
		const char *name = *rel ? arena_printf(l->a, "%s/%s", rel, e->d_name)
					: arena_strdup(l->a, e->d_name);
		char full[4096];
		struct stat st;
		snprintf(full, sizeof(full), "%s/%s", ZONEINFO, name);
		if (stat(full, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (depth < 8)
				tz_walk(l, name, depth + 1);
			continue;
		}
		if (!S_ISREG(st.st_mode) || !pgtype_tz_lookup(name))
			continue;
		if (l->n == l->cap) {
			size_t cap = l->cap ? l->cap * 2 : 1024;
			const char **v = arena_alloc(l->a, cap * sizeof(*v));
			if (l->n)
				memcpy(v, l->names, l->n * sizeof(*v));
			l->names = v;
			l->cap = cap;
		}
		l->names[l->n++] = name;
	}
	closedir(d);
}

static int cmp_name(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* An offset in seconds as interval text ("09:00:00", "-03:30:00"). */
static const char *offset_text(struct arena *a, int off)
{
	int v = off < 0 ? -off : off;
	return arena_printf(a, "%s%02d:%02d:%02d", off < 0 ? "-" : "", v / 3600, v / 60 % 60,
			    v % 60);
}

/* Names as the files are named (the lookup would return an alias's canonical zone name);
 * abbreviation, offset and daylight-saving flag in effect now. */
static bool fill_timezone_names(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	struct tz_list l = {.a = r->a};
	tz_walk(&l, "", 0);
	if (l.n)
		qsort(l.names, l.n, sizeof(*l.names), cmp_name);
	int64_t now = pgtype_now();
	for (size_t i = 0; i < l.n; i++) {
		const struct pgtype_tz *tz = pgtype_tz_lookup(l.names[i]);
		cat_row(r);
		cat_text(r, l.names[i]);
		cat_text(r, pgtype_tz_abbrev(tz, now));
		cat_text(r, offset_text(r->a, pgtype_tz_offset(tz, now)));
		cat_bool(r, pgtype_tz_is_dst(tz, now));
	}
	return true;
}

/* ---- pg_get_keywords() ---- */

/* libpg_query is PostgreSQL's own parser and exports its ScanKeywords table (common/
 * kwlookup.h's ScanKeywordList) and the category of each keyword; declared here as they are
 * laid out there, since libpg_query installs no header for them. */
struct pgq_keyword_list {
	const char *kw_string;      /* the keywords in order, each ended by '\0' */
	const uint16_t *kw_offsets; /* where each starts in kw_string */
	void *hash;
	int num_keywords;
	int max_kw_len;
};
extern const struct pgq_keyword_list ScanKeywords;
extern const uint8_t ScanKeywordCategories[];

/* PostgreSQL 15's kwlist.h keywords marked AS_LABEL (they need AS as a column label).
 * libpg_query drops that column of the list, so it is kept here. Sorted. */
static const char *const as_label[] = {
	"array",   "as",     "char",     "character", "create",    "day",     "except", "fetch",
	"filter",  "for",    "from",     "grant",     "group",     "having",  "hour",   "intersect",
	"into",    "isnull", "limit",    "minute",    "month",     "notnull", "offset", "on",
	"order",   "over",   "overlaps", "precision", "returning", "second",  "to",     "union",
	"varying", "where",  "window",   "with",      "within",    "without", "year",
};

static int cmp_kw(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static bool fill_keywords(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	/* keywords.h: UNRESERVED_KEYWORD 0, COL_NAME_KEYWORD 1, TYPE_FUNC_NAME_KEYWORD 2,
	 * RESERVED_KEYWORD 3 */
	static const char codes[] = "UCTR";
	static const char *const descs[] = {
		"unreserved",
		"unreserved (cannot be function or type name)",
		"reserved (can be function or type name)",
		"reserved",
	};
	for (int i = 0; i < ScanKeywords.num_keywords; i++) {
		const char *word = ScanKeywords.kw_string + ScanKeywords.kw_offsets[i];
		uint8_t cat = ScanKeywordCategories[i];
		if (cat > 3)
			continue;
		bool bare =
			!bsearch(word, as_label, ARRAY_LEN(as_label), sizeof(as_label[0]), cmp_kw);
		cat_row(r);
		cat_text(r, word);
		cat_char(r, codes[cat]);
		cat_bool(r, bare);
		cat_text(r, descs[cat]);
		cat_text(r, bare ? "can be bare label" : "requires AS");
	}
	return true;
}

static const struct cat_reldef defs[] = {
	{"pg_aggregate",
	 "aggfnoid regproc, aggkind pg_char, aggnumdirectargs int2, aggtransfn regproc, "
	 "aggfinalfn regproc, aggcombinefn regproc, aggserialfn regproc, aggdeserialfn regproc, "
	 "aggmtransfn regproc, aggminvtransfn regproc, aggmfinalfn regproc, aggfinalextra bool, "
	 "aggmfinalextra bool, aggfinalmodify pg_char, aggmfinalmodify pg_char, aggsortop oid, "
	 "aggtranstype oid, aggtransspace int4, aggmtranstype oid, aggmtransspace int4, "
	 "agginitval text, aggminitval text",
	 fill_aggregate},
	{"pg_cast",
	 "oid oid, castsource oid, casttarget oid, castfunc oid, castcontext pg_char, "
	 "castmethod pg_char",
	 fill_cast},
	{"pg_operator",
	 "oid oid, oprname name, oprnamespace oid, oprowner oid, oprkind pg_char, "
	 "oprcanmerge bool, oprcanhash bool, oprleft oid, oprright oid, oprresult oid, "
	 "oprcom oid, oprnegate oid, oprcode regproc, oprrest regproc, oprjoin regproc",
	 fill_operator},
	{"pg_opclass",
	 "oid oid, opcmethod oid, opcname name, opcnamespace oid, opcowner oid, opcfamily oid, "
	 "opcintype oid, opcdefault bool, opckeytype oid",
	 fill_opclass},
	{"pg_opfamily", "oid oid, opfmethod oid, opfname name, opfnamespace oid, opfowner oid",
	 fill_opfamily},
	{"pg_amop",
	 "oid oid, amopfamily oid, amoplefttype oid, amoprighttype oid, amopstrategy int2, "
	 "amoppurpose pg_char, amopopr oid, amopmethod oid, amopsortfamily oid",
	 fill_amop},
	{"pg_amproc",
	 "oid oid, amprocfamily oid, amproclefttype oid, amprocrighttype oid, amprocnum int2, "
	 "amproc regproc",
	 fill_amproc},
	{"pg_range",
	 "rngtypid oid, rngsubtype oid, rngmultitypid oid, rngcollation oid, rngsubopc oid, "
	 "rngcanonical regproc, rngsubdiff regproc",
	 fill_range},
	{"pg_timezone_names", "name text, abbrev text, utc_offset interval, is_dst bool",
	 fill_timezone_names},
	{"pg_srf_keywords",
	 "word text, catcode pg_char, barelabel bool, catdesc text, baredesc text", fill_keywords},
};

const struct cat_reldef *cat_builtin_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
