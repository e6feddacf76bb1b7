/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_reg.c: the reg* conversions the translator emits for ::regclass, ::regtype,
 * ::regnamespace and ::regproc (OIDs to names and back). (~ and its family, pg_regex, are
 * pgfn's: src/pgfn/pgfn_regex.c.) */
#include "catalog_int.h"

#include "pgfn.h"
#include "pgtype.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- reg* conversions: OIDs to names and back ---- */

/* The input functions take a second argument (any value) when they stand for to_regclass and
 * its siblings: a name nothing has is then NULL instead of the cast's error. PostgreSQL 15's
 * to_reg* read names only, so digits are a name no object has. */
void cat_reg_missing(sqlite3_context *ctx, int argc, const char *sqlstate, const char *fmt, ...)
{
	if (argc == 2) {
		sqlite3_result_null(ctx);
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char *msg = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	pgfn_error(ctx, sqlstate, "%s", msg ? msg : "out of memory");
	sqlite3_free(msg);
}

/* An OID literal: the cast reads it as the OID, to_reg* as a name (NULL). */
static bool oid_input(sqlite3_context *ctx, int argc, const char *s)
{
	if (s[0] < '0' || s[0] > '9')
		return false;
	if (argc == 2)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_int64(ctx, strtoll(s, NULL, 10));
	return true;
}

/* Built-in relations a client names in a ::regclass literal (pg_class.dat OIDs). */
static const struct {
	const char *name;
	uint32_t oid;
} builtin_rels[] = {
	{"pg_type", 1247},       {"pg_attribute", 1249},  {"pg_proc", 1255},
	{"pg_class", 1259},      {"pg_database", 1262},   {"pg_am", 2601},
	{"pg_attrdef", 2604},    {"pg_constraint", 2606}, {"pg_description", 2609},
	{"pg_index", 2610},      {"pg_inherits", 2611},   {"pg_namespace", 2615},
	{"pg_trigger", 2620},    {"pg_extension", 3079},  {"pg_collation", 3456},
	{"pg_tablespace", 1213}, {"pg_policy", 3256},     {"pg_partitioned_table", 3350},
	{"pg_language", 2612},   {"pg_shdescription", 2396},
	{"pg_event_trigger", 3466}, {"pg_foreign_data_wrapper", 2328},
	{"pg_foreign_server", 1417}, {"pg_foreign_table", 3118},
	{"pg_subscription", 6100}, {"pg_ts_config", 3602},
	{"pg_ts_dict", 3600},     {"pg_ts_parser", 3601},
	{"pg_ts_template", 3764}, {"pg_seclabel", 3596},
	{"pg_shseclabel", 3592},  {"pg_cast", 2605},
	{"pg_operator", 2617},    {"pg_aggregate", 2600},
	{"pg_opclass", 2616},     {"pg_opfamily", 2753},   {"pg_rewrite", 2618},
	{"pg_amop", 2602},       {"pg_amproc", 2603},
	/* read by pg_dump */
	{"pg_depend", 2608},      {"pg_sequence", 2224},   {"pg_statistic_ext", 3381},
	{"pg_publication", 6104}, {"pg_publication_rel", 6106},
	{"pg_publication_namespace", 6237}, {"pg_conversion", 2607},
	{"pg_transform", 3576},   {"pg_init_privs", 3394}, {"pg_default_acl", 826},
	{"pg_largeobject_metadata", 2995}, {"pg_db_role_setting", 2964},
	{"pg_largeobject", 2613},
	/* read by pg_dumpall */
	{"pg_authid", 1260},      {"pg_auth_members", 1261}, {"pg_parameter_acl", 6243},
};

bool cat_reg_catalog_rel(size_t i, const char **name, uint32_t *oid)
{
	if (i >= ARRAY_LEN(builtin_rels))
		return false;
	*name = builtin_rels[i].name;
	*oid = builtin_rels[i].oid;
	return true;
}

uint32_t cat_reg_catalog_oid(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(builtin_rels); i++) {
		if (strcmp(builtin_rels[i].name, name) == 0)
			return builtin_rels[i].oid;
	}
	return 0;
}

static const char *strip_schema(const char *s)
{
	if (strncmp(s, "public.", 7) == 0)
		return s + 7;
	if (strncmp(s, "pg_catalog.", 11) == 0)
		return s + 11;
	return s;
}

/* A relation name as regclassin reads it: each double-quoted part ('"books"', ActiveRecord's,
 * '"public"."Mixed"') loses its quotes ("" is one "); unquoted parts stay as written. s
 * itself when nothing is quoted. */
static const char *unquote_name(struct arena *a, const char *s)
{
	if (!strchr(s, '"'))
		return s;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (bool quoted = false; *s; s++) {
		if (*s == '"' && quoted && s[1] == '"')
			strbuf_putc(&sb, *s++);
		else if (*s == '"')
			quoted = !quoted;
		else
			strbuf_putc(&sb, *s);
	}
	const char *out = sb.failed ? "" : arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* A possibly qualified name as PostgreSQL's regprocin reads it (stringToQualifiedNameList):
 * quoted parts as they are, the others folded to lower case; the text from the first '('
 * on (a regprocedure's argument types) is kept. */
static const char *fold_name(struct arena *a, const char *s)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool quoted = false;
	for (; *s && (quoted || *s != '('); s++) {
		if (*s == '"' && quoted && s[1] == '"')
			strbuf_putc(&sb, *s++);
		else if (*s == '"')
			quoted = !quoted;
		else
			strbuf_putc(&sb, !quoted && *s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
	}
	strbuf_puts(&sb, s);
	const char *out = sb.failed ? "" : arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* A three-part name db.schema.rel (TypeORM's '"acme"."public"."users"'::regclass): the rest
 * after db when db is the session's database, "" for another database, NULL for a name of
 * fewer parts. */
static const char *database_part(const struct cat_conn *cc, const char *s)
{
	const char *dot = strchr(s, '.');
	if (!dot || !strchr(dot + 1, '.'))
		return NULL;
	const char *db = cat_conn_database(cc);
	size_t n = (size_t)(dot - s);
	return db && strlen(db) == n && strncmp(db, s, n) == 0 ? dot + 1 : "";
}

static void fn_regclass_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	if (oid_input(ctx, argc, s))
		return;
	struct arena *a = arena_new(0);
	s = unquote_name(a, s);
	const char *db = database_part(sqlite3_user_data(ctx), s);
	if (db && !*db) {
		char *msg = sqlite3_mprintf("cross-database references are not implemented: %s", s);
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s", msg);
		sqlite3_free(msg);
		arena_free(a);
		return;
	}
	const char *full = db ? db : s;
	/* public.t and pg_temp.t name one side of a temporary t that hides a permanent one */
	int temp = strncmp(full, "pg_temp.", 8) == 0 ? 1 : -1;
	const char *name = temp > 0
				   ? full + 8
				   : cat_conn_unqualify(sqlite3_user_data(ctx), strip_schema(full));
	if (temp < 0 && name != full && strncmp(full, "pg_catalog.", 11) != 0)
		temp = 0;
	uint32_t catalog_oid = temp > 0 ? 0 : cat_reg_catalog_oid(name);
	const struct cat_model *m = catalog_oid ? NULL : cat_fn_model(ctx);
	const struct cat_rel *rel = !m         ? NULL
				    : temp < 0 ? cat_nsp_lookup(sqlite3_user_data(ctx), m, name)
					       : cat_model_rel_in(m, name, temp > 0);
	if (catalog_oid || rel) {
		sqlite3_result_int64(ctx, catalog_oid ? catalog_oid : rel->oid);
	} else if (m) {
		cat_reg_missing(ctx, argc, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				s);
	}
	arena_free(a);
}

static void fn_regclass_out(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	if (oid == 0) { /* InvalidOid: regclassout's "-" (a domain constraint's conrelid) */
		cat_result_text(ctx, "-");
		return;
	}
	for (size_t i = 0; i < ARRAY_LEN(builtin_rels); i++) {
		if (builtin_rels[i].oid == oid) {
			cat_result_text(ctx, builtin_rels[i].name);
			return;
		}
	}
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	const struct cat_rel *rel = cat_model_rel_oid(m, oid);
	if (rel) {
		struct arena *a = arena_new(0);
		struct cat_conn *cc = sqlite3_user_data(ctx);
		/* qualified when its schema is not on the search path, as PostgreSQL prints it
		 * (a local schema's "s.t" is s.t already, t when visible) */
		int vis = cat_nsp_visible(cc, m, rel);
		const char *name = vis == 1 ? cat_quote_ident(a, cat_nsp_bare(m, rel->name))
					    : cat_nsp_quote(m, a, rel->name);
		if (vis < 0 && cat_rel_shadowed(cc, oid)) /* hidden by a relation of its name */
			name = arena_printf(a, "%s.%s",
					    rel->temp ? CAT_NS_TEMP_NAME : cat_conn_public(cc),
					    name);
		else if (vis < 0 && !rel->temp && !cat_public_visible(cc) &&
			 !cat_nsp_of(m, rel->name, NULL))
			name = arena_printf(a, "%s.%s", cat_conn_public(cc), name);
		cat_result_text(ctx, name);
		arena_free(a);
	} else {
		sqlite3_result_text(ctx, sqlite3_mprintf("%u", oid), -1, sqlite3_free);
	}
}

static void fn_regtype_out(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	struct arena *a = arena_new(0);
	/* the tenant's own types (enums, row types) need the model */
	const struct cat_model *m = oid >= CATALOG_OID_MIN ? cat_fn_model(ctx) : NULL;
	if (oid >= CATALOG_OID_MIN && !m) {
		arena_free(a);
		return;
	}
	bool own_enum = m &&
			(cat_model_enum_oid(m, oid, NULL) || cat_model_domain_oid(m, oid, NULL));
	const char *row =
		m && oid && !pgtype_by_oid(oid) && !own_enum ? cat_rowtype_name(m, a, oid) : NULL;
	cat_result_text(ctx, oid == 0			     ? "-"
			     : pgtype_by_oid(oid) || own_enum ? cat_format_type_m(m, a, oid, -1)
							      : row);
	if (oid && !pgtype_by_oid(oid) && !own_enum && !row)
		sqlite3_result_text(ctx, sqlite3_mprintf("%u", oid), -1, sqlite3_free);
	arena_free(a);
}

/* oidvector/oid[]::regtype[]: each type's name, as an array text ("{text,integer}"). */
static void fn_regtype_array_out(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	struct arena *a = arena_new(0);
	size_t n = 0;
	const char **v = s ? pgfn_array_parse(a, s, &n) : NULL;
	if (!v) {
		if (s)
			pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				   "malformed array literal: \"%s\"", s);
		else
			sqlite3_result_null(ctx);
		arena_free(a);
		return;
	}
	const struct cat_model *m = NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (size_t i = 0; i < n; i++) {
		uint32_t oid = v[i] ? (uint32_t)strtoul(v[i], NULL, 10) : 0;
		const char *name = v[i] && !oid ? "-" : NULL;
		if (!name && v[i] && pgtype_by_oid(oid))
			name = cat_format_type(a, oid, -1);
		if (!name && v[i] && (m || (m = cat_fn_model(ctx)) != NULL))
			name = cat_model_domain_oid(m, oid, NULL) || cat_model_enum_oid(m, oid, NULL)
				       ? cat_format_type_m(m, a, oid, -1)
				       : cat_rowtype_name(m, a, oid);
		strbuf_puts(&sb, i ? "," : "");
		pgfn_array_put_elem(&sb, name ? name : v[i]); /* NULL stays NULL */
	}
	strbuf_putc(&sb, '}');
	cat_result_text(ctx, sb.failed ? NULL : sb.data);
	strbuf_fini(&sb);
	arena_free(a);
}

static void fn_regnamespace_out(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	int64_t oid = sqlite3_value_int64(argv[0]);
	if (oid == 0) { /* InvalidOid, as regnamespaceout prints it */
		cat_result_text(ctx, "-");
		return;
	}
	struct arena *a = arena_new(0);
	const char *name = oid > 0 && oid <= UINT32_MAX
				   ? cat_conn_schema_name(sqlite3_user_data(ctx), (uint32_t)oid, a)
				   : NULL;
	if (name)
		cat_result_text(ctx, name);
	else
		sqlite3_result_text(ctx, sqlite3_mprintf("%lld", (long long)oid), -1, sqlite3_free);
	arena_free(a);
}

/* The built-in functions named name (pg_catalog. prefix allowed): how many, and the OID of
 * the last. */
/* A type as format_type_be writes it in a signature: bpchar is "character". */
static const char *arg_type(struct arena *a, uint32_t oid)
{
	return oid == PGTYPE_BPCHAR ? "character" : cat_format_type(a, oid, -1);
}

/* regprocedureout's "btint8cmp(bigint,bigint)": the name and argument types; NULL when out
 * of memory. */
static const char *signature(struct arena *a, const struct cat_proc *p)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s(", cat_quote_ident(a, p->name));
	const char *t = p->argtypes ? p->argtypes : "";
	for (char *end; *t; t = end) {
		uint32_t arg = (uint32_t)strtoul(t, &end, 10);
		if (end == t)
			break;
		strbuf_printf(&sb, "%s%s", sb.data[sb.len - 1] == '(' ? "" : ",", arg_type(a, arg));
	}
	strbuf_puts(&sb, ")");
	const char *out = sb.failed ? NULL : arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return out;
}

/* One argument type of a signature as format_type spells it: "int4" and "integer" are both
 * "integer". */
static const char *canonical_arg(struct arena *a, const char *t, size_t len)
{
	while (len && t[len - 1] == ' ')
		len--;
	const char *name = arena_strndup(a, t, len);
	if (strncmp(name, "pg_catalog.", 11) == 0)
		name += 11;
	size_t n = 0;
	const struct pgtype_info *all = pgtype_all(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(all[i].name, name) == 0)
			return arg_type(a, all[i].oid);
	return name;
}

/* 'array_in(cstring, oid, integer)'::regprocedure (ActiveRecord's type map query): the
 * function with exactly that name and argument types. 0 when none has it. */
static uint32_t proc_by_signature(const char *s)
{
	struct arena *a = arena_new(0);
	struct strbuf want;
	strbuf_init(&want, 0);
	const char *open = strchr(s, '(');
	const char *name = strncmp(s, "pg_catalog.", 11) == 0 ? s + 11 : s;
	strbuf_append(&want, name, (size_t)(open + 1 - name));
	for (const char *t = open + 1; *t && *t != ')';) {
		while (*t == ' ')
			t++;
		size_t len = strcspn(t, ",)");
		strbuf_printf(&want, "%s%s", want.data[want.len - 1] == '(' ? "" : ",",
			      canonical_arg(a, t, len));
		t += len + (t[len] == ',');
	}
	strbuf_puts(&want, ")");
	size_t n = 0;
	const struct cat_proc *p = cat_procs(&n);
	uint32_t oid = 0;
	for (size_t i = 0; i < n && !oid && !want.failed; i++) {
		const char *sig = signature(a, &p[i]);
		if (sig && strcmp(sig, want.data) == 0)
			oid = p[i].oid;
	}
	strbuf_fini(&want);
	arena_free(a);
	return oid;
}

/* 'f(int, text)'::regprocedure of the tenant's own function f: its argument types read as a
 * column's declared type is (pgtype_from_decl: int, int4 and integer alike). 0 when none has
 * them, or when a type is not one pgtype knows (a domain's or enum's argument). */
static uint32_t udf_by_signature(sqlite3 *db, const char *s)
{
	const char *open = strchr(s, '(');
	const char *name = strncmp(s, "public.", 7) == 0 ? s + 7 : s;
	if (!open || open < name)
		return 0;
	struct arena *a = arena_new(0);
	struct strbuf sig;
	strbuf_init(&sig, 0);
	bool known = true;
	for (const char *t = open + 1; known && *t && *t != ')';) {
		size_t len = strcspn(t, ",)");
		const char *decl = arena_strndup(a, t, len);
		int32_t typmod;
		uint32_t oid = pgtype_from_decl(decl, &typmod);
		decl += strspn(decl, " ");
		size_t dl = strlen(decl);
		while (dl && decl[dl - 1] == ' ')
			dl--;
		/* unknown names read as text: only "text" itself is text */
		known = dl && (oid != PGTYPE_TEXT || (dl == 4 && strncasecmp(decl, "text", 4) == 0));
		strbuf_printf(&sig, " %u", oid);
		t += len + (t[len] == ',');
	}
	uint32_t oid = known && !sig.failed
			       ? cat_udf_by_sig(db, arena_strndup(a, name, (size_t)(open - name)),
						sig.data ? sig.data : "")
			       : 0;
	strbuf_fini(&sig);
	arena_free(a);
	return oid;
}

/* The name of the function with that OID ("" when none). */
static const char *proc_name(uint32_t oid)
{
	size_t n = 0;
	const struct cat_proc *p = cat_procs(&n);
	for (size_t i = 0; i < n; i++)
		if (p[i].oid == oid)
			return p[i].name;
	return "";
}

/* pg_proc's built-in rows sorted by name (then position), made once for the process:
 * procs_named runs for each row of a join through a regproc column (pgAdmin's pg_aggregate
 * JOIN pg_proc ON oid = aggfnoid), and comparing all 2,287 names each time was most of it. */
static const struct cat_proc *sorted_procs;
static size_t *sorted, nsorted;
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

static int by_name(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	int c = strcmp(sorted_procs[a].name, sorted_procs[b].name);
	return c ? c : a < b ? -1 : a > b;
}

static void sort_procs(void)
{
	sorted_procs = cat_procs(&nsorted);
	sorted = base_xmalloc((nsorted ? nsorted : 1) * sizeof(*sorted));
	for (size_t i = 0; i < nsorted; i++)
		sorted[i] = i;
	qsort(sorted, nsorted, sizeof(*sorted), by_name);
}

/* How many built-in functions are named name; *oid the last one's in pg_proc's order. */
static size_t procs_named(const char *name, uint32_t *oid)
{
	if (strncmp(name, "pg_catalog.", 11) == 0)
		name += 11;
	pthread_once(&sorted_once, sort_procs);
	size_t lo = 0, hi = nsorted, found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(sorted_procs[sorted[mid]].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < nsorted && strcmp(sorted_procs[sorted[lo]].name, name) == 0; lo++) {
		found++;
		*oid = sorted_procs[sorted[lo]].oid;
	}
	return found;
}

/* A type I/O function pg_type names that pg_proc does not list (none today: the generator
 * takes every type's), accepted as before by name. */
static bool proc_lookup(sqlite3_context *ctx, int argc, const char *s, const char *shown,
			uint32_t *oid);

/* Resolves a regproc name as PostgreSQL's regprocin: exactly one function of that name
 * (argc 2: the to_regproc form, NULL instead of an error). */
bool cat_reg_proc_lookup(sqlite3_context *ctx, int argc, const char *s, uint32_t *oid)
{
	*oid = 0;
	struct arena *a = arena_new(0);
	bool ok = proc_lookup(ctx, argc, fold_name(a, s), s, oid);
	arena_free(a);
	return ok;
}

/* s: the name folded, shown: as given (the messages' text, as regprocin's). */
static bool proc_lookup(sqlite3_context *ctx, int argc, const char *s, const char *shown,
			uint32_t *oid)
{
	if (strchr(s, '(')) { /* a regprocedure: name(argument types) */
		*oid = proc_by_signature(s);
		if (!*oid)
			*oid = udf_by_signature(sqlite3_context_db_handle(ctx), s);
		if (!*oid)
			cat_reg_missing(ctx, argc, "42883", "function \"%s\" does not exist", shown);
		return *oid != 0;
	}
	size_t n = procs_named(s, oid);
	uint32_t own = 0;
	n += cat_udf_named(sqlite3_context_db_handle(ctx),
			   strncmp(s, "public.", 7) == 0 ? s + 7 : s, &own);
	*oid = own ? own : *oid;
	if (n == 1)
		return true;
	if (n > 1)
		cat_reg_missing(ctx, argc, "42725", "more than one function named \"%s\"", shown);
	else
		cat_reg_missing(ctx, argc, "42883", "function \"%s\" does not exist", shown);
	return false;
}

/* 'name'::regproc: the catalog's regproc values are names (pg_type's I/O columns hold
 * them), checked against the functions pg_proc lists. */
static void fn_regproc_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	uint32_t oid;
	if (!s || (argc == 2 && s[0] >= '0' && s[0] <= '9'))
		sqlite3_result_null(ctx);
	else if (cat_reg_proc_lookup(ctx, argc, s, &oid)) {
		struct arena *a = arena_new(0); /* the name as looked up: folded, unquoted */
		cat_result_text(ctx, strchr(s, '(') ? proc_name(oid) : strip_schema(fold_name(a, s)));
		arena_free(a);
	}
}

/* 'name'::regproc::oid: the function's OID (a number stays itself). */
static void fn_regproc_oid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	uint32_t oid;
	if (!s)
		sqlite3_result_null(ctx);
	else if (!oid_input(ctx, argc, s) && cat_reg_proc_lookup(ctx, argc, s, &oid))
		sqlite3_result_int64(ctx, oid);
}

/* A regproc column compared with an OID (JOIN pg_proc p ON p.oid = t.typinput): the OID of
 * the one function of that name, NULL for a name several functions share (aggfnoid's max,
 * oprcode's jsonb_delete: the catalog keeps only the name, which cannot tell them apart, so
 * such a row matches no OID) or none. */
static void fn_regproc_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	uint32_t oid = 0;
	uint32_t own = 0;
	if (s && s[0] >= '0' && s[0] <= '9') {
		sqlite3_result_int64(ctx, strtoll(s, NULL, 10));
	} else if (s && !strchr(s, '(') &&
		   procs_named(s, &oid) + cat_udf_named(sqlite3_context_db_handle(ctx),
						      strncmp(s, "public.", 7) == 0 ? s + 7 : s,
						      &own) ==
			   1) { /* the tenant's functions too (catalog_udf.c) */
		sqlite3_result_int64(ctx, own ? own : oid);
	} else {
		sqlite3_result_null(ctx);
	}
}

/* 1299::regproc: the name of the function with that OID — schema-qualified when other
 * functions share it, as regprocout qualifies a name regprocin would not find uniquely
 * (1397::regproc is pg_catalog.abs); an OID pg_proc does not list stays a number, as
 * PostgreSQL prints it; a name stays itself. */
static void fn_regproc_out(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	if (s[0] >= '0' && s[0] <= '9') {
		uint32_t oid = (uint32_t)strtoul(s, NULL, 10);
		size_t n = 0;
		const struct cat_proc *p = cat_procs(&n);
		for (size_t i = 0; i < n; i++) {
			if (p[i].oid == oid) {
				uint32_t first;
				bool shared = oid && procs_named(p[i].name, &first) > 1;
				char *q = shared ? sqlite3_mprintf("pg_catalog.%s", p[i].name)
						 : NULL;
				cat_result_text(ctx, q ? q : oid ? p[i].name : "-");
				sqlite3_free(q);
				return;
			}
		}
		cat_result_text(ctx, oid ? s : "-");
		return;
	}
	cat_result_text(ctx, s);
}

/* An OID no row has prints as its digits (PostgreSQL's regprocedureout, regoperatorout). */
static const char *oid_digits(struct arena *a, uint32_t oid) { return arena_printf(a, "%u", oid); }

/* oid::regprocedure as a result: "btint8cmp(bigint,bigint)", the name and argument types. */
static void fn_regprocedure_out(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	size_t n = 0;
	const struct cat_proc *p = cat_procs(&n);
	struct arena *a = arena_new(0);
	const char *out = oid ? oid_digits(a, oid) : "-";
	for (size_t i = 0; oid && i < n; i++) {
		if (p[i].oid != oid)
			continue;
		const char *sig = signature(a, &p[i]);
		out = sig ? sig : out;
		break;
	}
	cat_result_text(ctx, out);
	arena_free(a);
}

/* oid::regoperator as a result: "<(bigint,bigint)", NONE for a prefix operator's left. */
static void fn_regoperator_out(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	size_t n = 0;
	const struct cat_oper *o = cat_opers(&n);
	struct arena *a = arena_new(0);
	const char *out = oid ? oid_digits(a, oid) : "0";
	for (size_t i = 0; oid && i < n; i++) {
		if (o[i].oid == oid)
			out = arena_printf(a, "%s(%s,%s)", o[i].name,
					   o[i].left ? arg_type(a, o[i].left) : "NONE",
					   o[i].right ? arg_type(a, o[i].right) : "NONE");
	}
	cat_result_text(ctx, out);
	arena_free(a);
}

/* An enum (or its array type) named as regtypein reads it: case-folded unless quoted, with a
 * trailing [] for the array; 0 when none. */
static uint32_t enum_oid(const struct cat_model *m, const char *s)
{
	char name[256];
	size_t n = strlen(s), k = 0;
	bool array = n > 2 && strcmp(s + n - 2, "[]") == 0;
	if (array)
		n -= 2;
	if (n >= sizeof(name))
		return 0;
	if (s[0] == '"' && n >= 2 && s[n - 1] == '"') {
		for (size_t i = 1; i + 1 < n; i++) {
			name[k++] = s[i];
			if (s[i] == '"' && s[i + 1] == '"')
				i++;
		}
	} else {
		for (; k < n; k++)
			name[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
	}
	name[k] = '\0';
	const struct cat_enum *e = cat_model_enum(m, name);
	const struct cat_domain *d = e ? NULL : cat_model_domain(m, name);
	if (d)
		return array ? d->array_oid : d->oid;
	return !e ? 0 : array ? e->array_oid : e->oid;
}

const char *cat_reg_name_part(struct arena *a, const char **p)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *q = *p;
	bool ok = true;
	if (*q == '"') {
		for (q++; *q && !(*q == '"' && q[1] != '"'); q++) {
			strbuf_putc(&sb, *q);
			q += *q == '"';
		}
		ok = *q == '"';
		q += ok;
	} else {
		for (; *q && *q != '.'; q++)
			strbuf_putc(&sb, (char)(*q >= 'A' && *q <= 'Z' ? *q + 32 : *q));
	}
	ok = ok && sb.len && (*q == '\0' || *q == '.');
	const char *out = ok ? arena_strndup(a, sb.data, sb.len) : NULL;
	strbuf_fini(&sb);
	*p = *q == '.' ? q + 1 : q;
	return out;
}

/* '"pg_catalog"."int4"'::regtype, '"public"."t"'::regtype (TypeORM's column query): a type
 * named exactly (a built-in by its own name, an enum, a table's row type), in pg_catalog or
 * the tenant's schema, or unqualified. */
static void quoted_regtype(sqlite3_context *ctx, int argc, const char *s)
{
	struct arena *a = arena_new(0);
	const char *p = s, *first = cat_reg_name_part(a, &p);
	const char *second = first && *p ? cat_reg_name_part(a, &p) : NULL;
	const char *schema = second ? first : NULL, *name = *p ? NULL : second ? second : first;
	size_t n = 0;
	const struct pgtype_info *all = pgtype_all(&n);
	uint32_t oid = 0;
	const struct cat_model *m = NULL;
	bool builtin = !schema || strcmp(schema, "pg_catalog") == 0, failed = false;
	const char *asked = schema, *asked_name = name; /* for the error */
	size_t len = name ? strlen(name) : 0;
	if (!builtin && len > 2 && strcmp(name + len - 2, "[]") == 0) /* s.x[]: "_x" */
		name = arena_printf(a, "_%.*s", (int)(len - 2), name);
	if (name && !builtin && (m = cat_fn_model(ctx)) != NULL && cat_nsp_find(m, schema)) {
		/* a local schema's type is stored as "s.x" (its array type "_s.x") */
		name = name[0] == '_' ? arena_printf(a, "_%s.%s", schema, name + 1)
				      : arena_printf(a, "%s.%s", schema, name);
		schema = NULL;
	}
	for (size_t i = 0; name && builtin && !oid && i < n; i++)
		oid = strcmp(all[i].name, name) == 0 ? all[i].oid : 0;
	if (name && !oid && !m &&
	    (!schema || strcmp(schema, cat_conn_public(sqlite3_user_data(ctx))) == 0))
		failed = !(m = cat_fn_model(ctx));
	const struct cat_enum *e = m && !oid ? cat_model_enum(m, name) : NULL;
	if (!e && m && !oid && name && name[0] == '_' && (e = cat_model_enum(m, name + 1)) != NULL)
		oid = e->array_oid; /* "_mood": the enum's array type */
	else if (e)
		oid = e->oid;
	const struct cat_domain *d = m && !oid ? cat_model_domain(m, name) : NULL;
	if (!d && m && !oid && name && name[0] == '_' &&
	    (d = cat_model_domain(m, name + 1)) != NULL)
		oid = d->array_oid;
	else if (d)
		oid = d->oid;
	for (size_t i = 0; m && !oid && i < m->nrels; i++) {
		bool array = name[0] == '_' && strcmp(m->rels[i]->name, name + 1) == 0;
		if (array || strcmp(m->rels[i]->name, name) == 0)
			oid = cat_rowtype_oid(m->rels[i], array);
	}
	if (oid)
		sqlite3_result_int64(ctx, oid);
	else if (!failed)
		cat_reg_missing(ctx, argc, "42704", "type \"%s%s%s\" does not exist",
				asked ? asked : "", asked ? "." : "", asked_name ? asked_name : s);
	arena_free(a);
}

/* 'name'::regtype: a type's name as PostgreSQL's regtypein reads it — its own name or SQL
 * spelling ("int4", "integer", "character varying(10)", "int4[]"), case-folded unless quoted. */
static void fn_regtype_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	if (oid_input(ctx, argc, s))
		return;
	if (strchr(s, '"')) {
		quoted_regtype(ctx, argc, s);
		return;
	}
	const char *name = strncmp(s, "pg_catalog.", 11) == 0 ? s + 11 : s;
	size_t n = 0;
	const struct pgtype_info *all = pgtype_all(&n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(all[i].name, name) == 0 || strcmp(all[i].sql_name, name) == 0) {
			sqlite3_result_int64(ctx, all[i].oid);
			return;
		}
	}
	/* aliases and typmods through the declared-type mapping, which reads unknown names as
	 * text: only "text" itself may come back as text */
	char low[256];
	size_t k = 0;
	for (; name[k] && k < sizeof(low) - 1; k++)
		low[k] = (char)(name[k] >= 'A' && name[k] <= 'Z' ? name[k] + 32 : name[k]);
	low[k] = '\0';
	int32_t typmod;
	const char *own = strncmp(low, "public.", 7) == 0 ? low + 7 : low;
	uint32_t oid = name[0] == '"' ? 0 : pgtype_from_decl(own, &typmod);
	bool ext = oid == PGTYPE_CITEXT || oid == PGTYPE_CITEXT_ARRAY; /* the tenant's, in public */
	if (ext && !cat_ext_created(sqlite3_context_db_handle(ctx), "citext"))
		oid = 0;
	if (oid && (ext || own == low) && (oid != PGTYPE_TEXT || strcmp(low, "text") == 0)) {
		sqlite3_result_int64(ctx, oid);
		return;
	}
	const struct cat_model *m = cat_fn_model(ctx);
	if (!m)
		return;
	if ((oid = enum_oid(m, strncmp(s, "public.", 7) == 0 ? s + 7 : s)) != 0) {
		sqlite3_result_int64(ctx, oid);
		return;
	}
	quoted_regtype(ctx, argc, s); /* a table's row type, or 42704 */
}

/* 'name'::regnamespace: the schemas the catalog shows (cat_conn_schema_oid). */
static void fn_regnamespace_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	uint32_t oid = 0;
	if (!s)
		sqlite3_result_null(ctx);
	else if (oid_input(ctx, argc, s))
		return;
	else if ((oid = cat_conn_schema_oid(sqlite3_user_data(ctx), s)) != 0)
		sqlite3_result_int64(ctx, oid);
	else
		cat_reg_missing(ctx, argc, "3F000", "schema \"%s\" does not exist", s);
}

/* regclass and regnamespace depend on the tenant's schema and the session (which tenants it
 * lists as schemas); the others on built-ins and the argument alone */
static const struct pgfn_def schema_fns[] = {
	{"pg_regtype_out", 1, fn_regtype_out},
	{"pg_regtype_in", 1, fn_regtype_in},
	{"pg_regtype_array_out", 1, fn_regtype_array_out},
	{"pg_regclass_in", 1, fn_regclass_in},
	{"pg_regclass_out", 1, fn_regclass_out},
	{"pg_regnamespace_out", 1, fn_regnamespace_out},
	{"pg_regnamespace_in", 1, fn_regnamespace_in},
	/* to_regtype, to_regclass, to_regnamespace: NULL for a missing name */
	{"pg_regtype_in", 2, fn_regtype_in},
	{"pg_regclass_in", 2, fn_regclass_in},
	{"pg_regnamespace_in", 2, fn_regnamespace_in},
};

static const struct pgfn_def fixed_fns[] = {
	{"pg_regproc_in", 1, fn_regproc_in},
	{"pg_regproc_in", 2, fn_regproc_in}, /* to_regproc, to_regprocedure */
	{"pg_regproc_oid", 1, fn_regproc_oid},
	{"pg_regproc_oid", 2, fn_regproc_oid},
	{"pg_regproc_match", 1, fn_regproc_match},
	{"pg_regproc_out", 1, fn_regproc_out},
	{"pg_regprocedure_out", 1, fn_regprocedure_out},
	{"pg_regoperator_out", 1, fn_regoperator_out},
};

bool cat_reg_register(sqlite3 *db, struct cat_conn *cc)
{
	/* no side effects: usable in views, CHECK and DEFAULT with trusted_schema off */
	return pgfn_define_with(db, schema_fns, ARRAY_LEN(schema_fns), SQLITE_INNOCUOUS, cc) ==
		       SQLITE_OK &&
	       pgfn_define_with(db, fixed_fns, ARRAY_LEN(fixed_fns),
				SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC, cc) == SQLITE_OK;
}
