/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_dump.c: what pg_dump reads that no browsing client does — acldefault(), the
 * privileges an object has while its ACL is NULL; pg_options_to_table(); pg_export_snapshot()
 * (refused); pg_depend rows of defaults and views; public's ACL, comment and initial
 * privileges; names qualified while public is off the search path; shardlite_owner_check and
 * shardlite_owned (REASSIGN/DROP OWNED). */
#include "catalog_int.h"

#include "xlat.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define CTX_CONN(ctx) ((struct cat_conn *)sqlite3_user_data(ctx))

/* A role name in an aclitem as PostgreSQL's putid writes it: bare when it is letters, digits
 * and '_' only, else in double quotes with '"' doubled. */
static void put_role(struct strbuf *sb, const char *name)
{
	bool bare = true;
	for (const char *p = name; *p; p++)
		bare = bare && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				(*p >= '0' && *p <= '9') || *p == '_' || (unsigned char)*p >= 0x80);
	if (bare && *name)
		strbuf_puts(sb, name);
	else
		strbuf_put_quoted(sb, name, '"');
}

/* The name of role oid as aclitemout prints it (the OID itself for a role that is gone). */
static const char *role_name(sqlite3_context *ctx, int64_t oid, char *buf, size_t len)
{
	if (oid == CAT_ROLE_BOOTSTRAP)
		return cat_conn_user(CTX_CONN(ctx));
	if (oid == CAT_ROLE_DATABASE_OWNER)
		return "pg_database_owner";
	snprintf(buf, len, "%lld", (long long)oid);
	return buf;
}

/* PostgreSQL 15's acldefault(): for each object type, the rights PUBLIC and the owner hold
 * while the object's ACL is NULL (utils/adt/acl.c), in aclitem's letter order. */
static const struct {
	char type;
	const char *world, *owner;
} defaults[] = {
	{'c', "", ""}, /* column: all from the table */
	{'r', "", "arwdDxt"}, {'s', "", "rwU"}, {'d', "Tc", "CTc"}, {'f', "X", "X"},
	{'l', "U", "U"},      {'L', "", "rw"},  {'n', "", "UC"},    {'p', "", ""},
	{'t', "", "C"},       {'F', "", "U"},   {'S', "", "U"},     {'T', "U", "U"},
};

static void fn_acldefault(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	size_t i = 0;
	while (i < ARRAY_LEN(defaults) && !(t && t[0] == defaults[i].type && t[1] == '\0'))
		i++;
	if (i == ARRAY_LEN(defaults)) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR,
			   "unrecognized object type abbreviation: %s", t ? t : "");
		return;
	}
	char buf[24];
	const char *owner = role_name(ctx, sqlite3_value_int64(argv[1]), buf, sizeof(buf));
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	if (*defaults[i].world) {
		strbuf_printf(&sb, "=%s/", defaults[i].world);
		put_role(&sb, owner);
	}
	if (*defaults[i].owner) {
		strbuf_puts(&sb, *defaults[i].world ? "," : "");
		put_role(&sb, owner);
		strbuf_printf(&sb, "=%s/", defaults[i].owner);
		put_role(&sb, owner);
	}
	strbuf_putc(&sb, '}');
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

/* pg_options_to_table(text[]): each element "name=value" split at its first '=' (an element
 * without one is a name with a NULL value, as PostgreSQL's untransformRelOptions). */
static bool start_options(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (!args[0] || sqlite3_value_type(args[0]) == SQLITE_NULL)
		return true;
	const char *text = (const char *)sqlite3_value_text(args[0]);
	size_t n = 0;
	const char **items = cat_array_parse(s->a, text, &n);
	if (!items && strcmp(text, "{}") != 0)
		return pgfn_srf_fail(s, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				     "malformed array literal: \"%s\"", text);
	s->cells = arena_alloc(s->a, (n ? n : 1) * 2 * sizeof(*s->cells));
	s->nrows = 0;
	for (size_t i = 0; i < n; i++) {
		if (!items[i])
			continue;
		const char *eq = strchr(items[i], '=');
		s->cells[2 * s->nrows] = eq ? arena_strndup(s->a, items[i], (size_t)(eq - items[i]))
					    : items[i];
		s->cells[2 * s->nrows + 1] = eq ? eq + 1 : NULL;
		s->nrows++;
	}
	return true;
}

/* ---- pg_depend rows pg_dump orders its output by ---- */

static void depend(struct cat_rows *r, uint32_t classid, uint32_t objid, uint32_t refobjid,
		   char type)
{
	cat_row(r);
	cat_int(r, classid);
	cat_int(r, objid);
	cat_int(r, 0);
	cat_int(r, 1259 /* pg_class */);
	cat_int(r, refobjid);
	cat_int(r, 0);
	cat_char(r, type);
}

/* A default that calls nextval('s') depends on sequence s (PostgreSQL records it from the
 * regclass constant); pg_dump then writes a serial's default after its sequence. */
static void default_depends(const struct cat_model *m, const struct cat_rel *t, struct cat_rows *r)
{
	for (int i = 0; i < t->ncols; i++) {
		const char *d = t->cols[i].dflt, *at = d ? strstr(d, "nextval('") : NULL;
		if (!at)
			continue;
		at += strlen("nextval('");
		if (strncmp(at, "public.", 7) == 0) /* as a restored dump writes it */
			at += 7;
		size_t n = strcspn(at, "'");
		char name[128];
		snprintf(name, sizeof(name), "%.*s", (int)n, at);
		const struct cat_seq *q = cat_model_seq(m, name);
		if (q)
			depend(r, 2604 /* pg_attrdef */, t->cols[i].dflt_oid, q->oid, 'n');
	}
}

void cat_view_each_ident(const char *query, cat_ident_fn *fn, void *arg)
{
	const char *p = query;
	char id[128];
	while (p && *p) {
		size_t n = 0;
		if (*p == '\'') {
			for (p++; *p && !(*p == '\'' && p[1] != '\''); p += *p == '\'' ? 2 : 1)
				;
			p += *p != '\0';
			continue;
		}
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p += *p == '"' ? 2 : 1)
				if (n + 1 < sizeof(id))
					id[n++] = *p;
			p += *p != '\0';
		} else if (isalpha((unsigned char)*p) || *p == '_') {
			for (; isalnum((unsigned char)*p) || *p == '_' || *p == '$'; p++)
				if (n + 1 < sizeof(id))
					id[n++] = (char)tolower((unsigned char)*p);
		} else {
			p++;
			continue;
		}
		id[n] = '\0';
		fn(arg, id, p + strspn(p, " \t\n"));
	}
}

struct view_rels {
	const struct cat_model *m;
	const struct cat_rel *v;
	cat_view_rel_fn *fn;
	void *arg;
};

static void rel_ident(void *arg, const char *id, const char *next)
{
	struct view_rels *q = arg;
	const struct cat_rel *t = *next == '(' ? NULL : cat_model_rel(q->m, id);
	if (t && t != q->v && (t->kind == 'r' || t->kind == 'v'))
		q->fn(q->arg, t);
}

void cat_view_each_rel(const struct cat_model *m, const struct cat_rel *v, cat_view_rel_fn *fn,
		       void *arg)
{
	struct view_rels q = {m, v, fn, arg};
	cat_view_each_ident(cat_view_query(v), rel_ident, &q);
}

/* The string literal at *p (after spaces and one comma), unquoted into buf; NULL when
 * there is none. */
static const char *string_arg(const char **p, char *buf, size_t cap)
{
	const char *s = *p + strspn(*p, " \t\n,");
	size_t n = 0;
	if (*s != '\'')
		return NULL;
	for (s++; *s && !(*s == '\'' && s[1] != '\''); s += *s == '\'' ? 2 : 1)
		if (n + 1 < cap)
			buf[n++] = *s;
	if (!*s)
		return NULL;
	buf[n] = '\0';
	*p = s + 1;
	return buf;
}

struct view_calls {
	cat_view_call_fn *fn;
	void *arg;
};

/* The translator writes a call of the tenant's function f(x int) as
 * shardlite_call('f', '23', x) (xlat_call.c): the function chosen, by name and signature. */
static void call_ident(void *arg, const char *id, const char *next)
{
	struct view_calls *q = arg;
	char name[128], sig[512];
	const char *p = next + 1;
	if (*next != '(' || (strcmp(id, XLAT_CALL_FN) != 0 && strcmp(id, XLAT_ICALL_FN) != 0) ||
	    !string_arg(&p, name, sizeof(name)) || !string_arg(&p, sig, sizeof(sig)))
		return;
	q->fn(q->arg, name, sig);
}

void cat_view_each_call(const struct cat_rel *v, cat_view_call_fn *fn, void *arg)
{
	struct view_calls q = {fn, arg};
	cat_view_each_ident(cat_view_query(v), call_ident, &q);
}

struct view_dep {
	struct cat_rows *r;
	uint32_t rule;
};

static void rel_depend(void *arg, const struct cat_rel *t)
{
	struct view_dep *d = arg;
	depend(d->r, 2618 /* pg_rewrite */, d->rule, t->oid, 'n');
}

/* A view's _RETURN rule depends on the relations its query names (cat_view_each_rel). */
static void view_depends(const struct cat_model *m, const struct cat_rel *v, struct cat_rows *r)
{
	struct view_dep d = {r, cat_oid("rule", v->name, NULL)};
	/* the _RETURN rule is part of its view ('i'): pgModeler finds a view's tables by it */
	depend(r, 2618 /* pg_rewrite */, d.rule, v->oid, 'i');
	cat_view_each_rel(m, v, rel_depend, &d);
}

static void constraint_depend(struct cat_rows *r, uint32_t conoid, uint32_t refobjid, int refsub,
			      char type)
{
	cat_row(r);
	cat_int(r, 2606 /* pg_constraint */);
	cat_int(r, conoid);
	cat_int(r, 0);
	cat_int(r, 1259 /* pg_class */);
	cat_int(r, refobjid);
	cat_int(r, refsub);
	cat_char(r, type);
}

/* A key or CHECK constraint on its table's columns ('a'); a foreign key also on the referenced
 * table's columns and on the unique index it relies on ('n'), as PostgreSQL records them.
 * pg_restore -j runs a constraint only after what it depends on (the table's data, the
 * referenced key): without these rows it adds a foreign key while the rows it checks are
 * still being loaded from another connection. */
static void constraint_depends(const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		for (int k = 0; ix->conname && k < ix->nkeys; k++)
			constraint_depend(r, ix->conoid, ix->table->oid, ix->keys[k], 'a');
		/* a partition's copy of its parent's index and key on the parent's ('P'): pg_dump
		 * then writes the parent's first, as the copy's ADD CONSTRAINT needs it */
		for (int c = 0; ix->parent && c < 2; c++) {
			bool con = c == 1;
			if (con && !(ix->conname && ix->parent->conname))
				continue;
			uint32_t cls = con ? 2606 /* pg_constraint */ : 1259 /* pg_class */;
			cat_row(r);
			cat_int(r, cls);
			cat_int(r, con ? ix->conoid : ix->rel->oid);
			cat_int(r, 0);
			cat_int(r, cls);
			cat_int(r, con ? ix->parent->conoid : ix->parent->rel->oid);
			cat_int(r, 0);
			cat_char(r, 'P');
		}
	}
	for (size_t i = 0; i < m->nfks; i++) {
		const struct cat_fkey *f = m->fks[i];
		const struct cat_rel *rt = cat_model_rel_in(m, f->reftable, f->table->temp);
		uint32_t ix = cat_fkey_index(m, f);
		for (int k = 0; k < f->ncols; k++)
			constraint_depend(r, f->oid, f->table->oid, f->from[k], 'a');
		for (int k = 0; rt && k < f->ncols; k++)
			constraint_depend(r, f->oid, rt->oid, f->to[k], 'n');
		if (ix)
			constraint_depend(r, f->oid, ix, 0, 'n');
	}
	/* a CHECK on the columns its expression reads, 'a' and 'n' as PostgreSQL records them
	 * (one dumped apart from its table, NOT VALID, then follows the table) */
	for (size_t i = 0; i < m->nchecks; i++) {
		const struct cat_check *ck = m->checks[i];
		for (int k = 0; k < ck->table->ncols; k++) {
			if (!cat_scan_mentions(ck->expr, ck->table->cols[k].name))
				continue;
			constraint_depend(r, ck->oid, ck->table->oid, k + 1, 'a');
			constraint_depend(r, ck->oid, ck->table->oid, k + 1, 'n');
		}
	}
}

void cat_dump_depends(const struct cat_model *m, struct cat_rows *r)
{
	constraint_depends(m, r);
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *rel = m->rels[i];
		if (rel->kind == 'r')
			default_depends(m, rel, r);
		if (rel->kind == 'v' || (rel->matview && cat_view_query(rel)))
			view_depends(m, rel, r);
	}
}

/* ---- the public schema as initdb leaves it ---- */

/* initdb's ACL of public (PostgreSQL 15): its owner may use and create, everyone may use. */
#define PUBLIC_ACL "{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}"

const char *cat_public_acl(void) { return PUBLIC_ACL; }

const char *cat_builtin_nsp_acl(struct cat_conn *cc, struct arena *a)
{
	struct strbuf sb, role;
	strbuf_init(&role, 0);
	put_role(&role, cat_conn_user(cc));
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "{%s=UC/%s,=U/%s}", role.data, role.data, role.data);
	const char *s = arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	strbuf_fini(&role);
	return s;
}

void cat_dump_description(struct cat_rows *r, const char *public_comment)
{
	const char *text = public_comment ? public_comment : "standard public schema";
	if (!*text)
		return; /* COMMENT ON SCHEMA public IS NULL */
	cat_row(r);
	cat_int(r, CAT_NS_PUBLIC);
	cat_int(r, 2615 /* pg_namespace */);
	cat_int(r, 0);
	cat_text(r, text);
}

/* The one object with initial privileges: public's, which pg_dump compares its ACL with
 * (and then writes no GRANT or REVOKE for it). */
bool cat_fill_init_privs(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)m;
	cat_row(r); /* pg_catalog's, which is also its nspacl: pg_dump writes no GRANT for it */
	cat_int(r, CAT_NS_PG_CATALOG);
	cat_int(r, 2615 /* pg_namespace */);
	cat_int(r, 0);
	cat_char(r, 'i');
	cat_text(r, cat_builtin_nsp_acl(cc, r->a));
	cat_row(r);
	cat_int(r, CAT_NS_PUBLIC);
	cat_int(r, 2615 /* pg_namespace */);
	cat_int(r, 0);
	cat_char(r, 'i');
	cat_text(r, PUBLIC_ACL);
	return true;
}

/* ---- names outside the search path ---- */

/* One element of a search_path value, unquoted, into out; returns where the next starts. */
const char *cat_path_item(const char *p, char *out, size_t len)
{
	size_t n = 0;
	while (*p == ' ' || *p == ',')
		p++;
	bool quoted = *p == '"';
	for (p += quoted; *p && (quoted ? !(*p == '"' && p[1] != '"') : *p != ','); p++) {
		if (quoted && *p == '"')
			p++; /* "" stands for one quote */
		if (n + 1 < len)
			out[n++] = *p;
	}
	p += quoted && *p == '"';
	while (n > 0 && !quoted && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return p;
}

bool cat_public_visible(const struct cat_conn *cc)
{
	const struct catalog_session *s = cc->sess;
	if (s && s->schemas) /* no default tenant: the own schema is the one search_path names */
		return s->own_schema != NULL;
	const char *path = s && s->setting ? s->setting(s->setting_arg, "search_path") : NULL;
	if (!path)
		return true;
	char item[128];
	for (const char *p = path; *p;) {
		p = cat_path_item(p, item, sizeof(item));
		if (strcmp(item, "public") == 0 ||
		    (strcmp(item, "$user") == 0 && strcmp(cat_conn_user(cc), "public") == 0))
			return true;
	}
	return false;
}

const char *cat_qualify_after(const struct cat_conn *cc, struct arena *a, const char *text,
			      const char *marker)
{
	if (!text)
		return text;
	bool visible = cat_public_visible(cc);
	const char *pub = cat_conn_public(cc);
	size_t plen = strlen(pub);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *p = text, *hit;
	size_t mlen = strlen(marker);
	while ((hit = strstr(p, marker)) != NULL) {
		hit += mlen;
		strbuf_append(&sb, p, (size_t)(hit - p));
		size_t name = strcspn(hit, "('.:");
		if (visible && name == plen && hit[name] == '.' && strncmp(hit, pub, plen) == 0)
			hit += plen + 1; /* written qualified (a dump's nextval('public.s')) */
		else if (!visible && hit[name] != '.') {
			strbuf_puts(&sb, pub);
			strbuf_puts(&sb, ".");
		}
		p = hit;
	}
	strbuf_puts(&sb, p);
	const char *out = sb.failed ? text : arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return out;
}

const char *cat_unqualify_seq(const struct cat_conn *cc, const struct cat_model *m, struct arena *a,
			      const char *text)
{
	static const char marker[] = "val('"; /* nextval(' and currval(' */
	static const char own[] = "public";   /* as the translator binds it */
	size_t olen = sizeof(own) - 1;
	if (!text || !m || !strstr(text, marker) || !cat_public_visible(cc))
		return text;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *p = text, *hit;
	while ((hit = strstr(p, marker)) != NULL) {
		bool seqfn = hit - text >= 4 &&
			     (strncmp(hit - 4, "next", 4) == 0 || strncmp(hit - 4, "curr", 4) == 0);
		hit += sizeof(marker) - 1;
		strbuf_append(&sb, p, (size_t)(hit - p));
		p = hit;
		if (!seqfn)
			continue;
		if (strncmp(hit, own, olen) != 0 || hit[olen] != '.')
			continue;
		const char *name = hit + olen + 1;
		size_t n = strcspn(name, "'.\"");
		if (name[n] != '\'' ||
		    cat_model_rel_in(m, arena_strndup(a, name, n), true)) /* hidden: as written */
			continue;
		p = name;
	}
	strbuf_puts(&sb, p);
	const char *out = sb.failed ? text : arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return out;
}

const char *cat_default_seq_text(const struct cat_conn *cc, const struct cat_model *m,
				 struct arena *a, const char *text)
{
	return cat_public_visible(cc) ? cat_unqualify_seq(cc, m, a, text)
				      : cat_qualify_after(cc, a, text, "nextval('");
}

/* Whether the tenant has a function called name and no built-in function has that name
 * (xlat_own_fn): a call of a shared name (the tenant's lower(int)) is not told apart in the
 * PostgreSQL text, and public.lower('x') would not restore. */
static bool own_function(void *arg, const char *name)
{
	if (catalog_builtin_function(name))
		return false;
	sqlite3_stmt *st = NULL;
	bool found = sqlite3_prepare_v2((sqlite3 *)arg,
					"SELECT 1 FROM main._shardlite_functions WHERE name = ?1",
					-1, &st, NULL) == SQLITE_OK &&
		     sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC) == SQLITE_OK &&
		     sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

const char *cat_qualify_calls(const struct cat_conn *cc, struct arena *a, const char *text,
			      bool statement)
{
	if (!text || !strchr(text, '(') || cat_public_visible(cc))
		return text;
	return xlat_qualify_calls(text, statement, cat_conn_public(cc), own_function, cc->db, a);
}

static const struct pgfn_srf_def srfs[] = {
	{"pg_srf_options_to_table", "option_name text, option_value text", 2, 1, start_options,
	 NULL, NULL},
};

/* shardlite_owner_check(relation, role): ALTER TABLE relation OWNER TO role, which the
 * translator writes (role NULL for CURRENT_USER and its kin; relation NULL for an object the
 * translator found, a function's ALTER FUNCTION ... OWNER TO). Every object of a tenant is
 * owned by the session user: naming that user changes nothing, any other role is refused. */
static void fn_owner_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *rel = (const char *)sqlite3_value_text(argv[0]);
	const char *role = (const char *)sqlite3_value_text(argv[1]);
	const char *user = cat_conn_user(CTX_CONN(ctx));
	const struct cat_model *m = cat_fn_model(ctx);
	sqlite3_result_null(ctx);
	if (!m)
		return;
	struct arena *a = arena_new(0);
	bool known = !role || cat_role_named(CTX_CONN(ctx), role, a) != 0;
	arena_free(a);
	if (rel && !cat_model_rel(m, rel) && !cat_model_seq(m, rel))
		pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist", rel);
	else if (!known)
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist", role);
	else if (role && strcmp(role, user) != 0)
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "OWNER TO \"%s\" is not supported: every object of a tenant belongs to "
			   "the session user (\"%s\")",
			   role, user);
}

/* Whether role (NULL: CURRENT_USER and its kin) is the session user; 42704 into ctx (and
 * false) when it names no role. */
static bool is_session_user(sqlite3_context *ctx, const char *role, bool *known)
{
	struct cat_conn *cc = CTX_CONN(ctx);
	struct arena *a = arena_new(0);
	*known = !role || cat_role_named(cc, role, a) != 0;
	arena_free(a);
	if (!*known)
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist", role);
	return *known && (!role || strcmp(role, cat_conn_user(cc)) == 0);
}

/* shardlite_owned(op, role, new_role): REASSIGN OWNED BY role TO new_role (op 'reassign') and
 * DROP OWNED BY role (op 'drop'), one call per role (NULL: CURRENT_USER and its kin). Every
 * object of a tenant is the session user's: reassigning them to that user changes nothing,
 * to another role is refused (0A000, as OWNER TO), and so is dropping them all; another role
 * owns nothing here, and the session user is no member of it: PostgreSQL's 42501. */
static void fn_owned(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *op = (const char *)sqlite3_value_text(argv[0]);
	const char *role = (const char *)sqlite3_value_text(argv[1]);
	const char *to = (const char *)sqlite3_value_text(argv[2]);
	bool drop = op && strcmp(op, "drop") == 0, known;
	sqlite3_result_null(ctx);
	bool self = is_session_user(ctx, role, &known);
	if (!known)
		return;
	bool to_self = drop || is_session_user(ctx, to, &known);
	if (!known)
		return;
	if (!self)
		pgfn_error(ctx, "42501", "permission denied to %s objects",
			   drop ? "drop" : "reassign");
	else if (drop)
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "DROP OWNED BY the session user is not supported: every object of the "
			   "tenant belongs to it");
	else if (!to_self)
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "REASSIGN OWNED TO \"%s\" is not supported: every object of a tenant "
			   "belongs to the session user (\"%s\")",
			   to, cat_conn_user(CTX_CONN(ctx)));
}

/* pg_export_snapshot() (pg_dump -j shares its snapshot with its workers through it): a
 * SQLite read transaction's snapshot belongs to its connection and cannot be handed to
 * another, so the call is refused. */
static void fn_export_snapshot(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
		   "pg_export_snapshot() is not supported: a SQLite snapshot cannot be shared "
		   "with another connection (run pg_dump without -j)");
}

static const struct pgfn_def fns[] = {
	{"acldefault", 2, fn_acldefault},
	{"pg_export_snapshot", 0, fn_export_snapshot},
};

static const struct pgfn_def direct_fns[] = {
	{"shardlite_owner_check", 2, fn_owner_check},
	{"shardlite_owned", 3, fn_owned},
};

bool cat_dump_register(sqlite3 *db, struct cat_conn *cc)
{
	return pgfn_define_with(db, fns, ARRAY_LEN(fns), SQLITE_INNOCUOUS, cc) == SQLITE_OK &&
	       pgfn_define_with(db, direct_fns, ARRAY_LEN(direct_fns), SQLITE_DIRECTONLY, cc) ==
		       SQLITE_OK &&
	       pgfn_srf_define(db, srfs, ARRAY_LEN(srfs), cc) == SQLITE_OK;
}
