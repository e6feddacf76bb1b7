/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_grant.c: the privileges GRANT and REVOKE record on the tenant's tables, views,
 * sequences and functions (docs/security.md, "Privileges"), and their reading as PostgreSQL
 * shows them (pg_class.relacl, pg_proc.proacl, information_schema.table_privileges). Every
 * user that reaches a tenant
 * acts as the owner of all of it, so the owner's privileges stay whole (a REVOKE that would
 * take one is refused) and what is recorded are the grants to PUBLIC and to the users file's
 * other users: rows of the sidecar _shardlite_privileges (relname, kind, grantee, privs), kind
 * 'o' for the owner (written once the object's ACL is no longer the default, as PostgreSQL
 * makes it explicit), 'p' PUBLIC, 'u' a user; privs in aclitem's letters, '*' after a
 * letter granted WITH GRANT OPTION; a function's relname is its key "proc:name(sig)". Also
 * ALTER DEFAULT PRIVILEGES's default ACLs (keys "defacl:kind:schema", pg_default_acl) and the
 * ACL a new object takes from them (shardlite_defacl). */
#include "catalog_int.h"

#include <stdlib.h>
#include <string.h>

#define CTX_CONN(ctx) ((struct cat_conn *)sqlite3_user_data(ctx))
#define SQLSTATE_WRONG_OBJECT_TYPE "42809"
#define SQLSTATE_INVALID_GRANT_OPERATION "0LP01"

/* aclitem's letters in PostgreSQL's bit order (CAT_GRANT_LETTERS), and what an owner holds
 * (acldefault). */
static const char letters[] = CAT_GRANT_LETTERS;
#define TABLE_ALL "arwdDxt"
#define SEQUENCE_ALL "rwU"
#define FUNCTION_ALL "X"
#define SCHEMA_ALL "UC"

/* privs as a set: bit 2i the letter letters[i], bit 2i+1 its grant option. */
static unsigned set_of(const char *privs)
{
	unsigned s = 0;
	for (const char *p = privs; p && *p; p++) {
		const char *at = strchr(letters, *p);
		if (!at || !*p)
			continue;
		unsigned bit = 1u << (2 * (at - letters));
		s |= bit | (p[1] == '*' ? bit << 1 : 0);
	}
	return s;
}

static void put_set(struct strbuf *sb, unsigned s)
{
	for (size_t i = 0; letters[i]; i++) {
		if (s & (1u << (2 * i))) {
			strbuf_putc(sb, letters[i]);
			if (s & (2u << (2 * i)))
				strbuf_putc(sb, '*');
		}
	}
}

/* Runs sql on the sidecar with args[0..n) bound as ?1.. (NULL: unbound); false with ctx's
 * error on failure. */
static bool run_args(sqlite3_context *ctx, const char *sql, const char *const *args, int n)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		for (int i = 0; i < n; i++) {
			if (args[i])
				sqlite3_bind_text(st, i + 1, args[i], -1, SQLITE_STATIC);
		}
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "privileges sidecar: %s",
			   sqlite3_errmsg(db));
	return rc == SQLITE_OK;
}

static bool run(sqlite3_context *ctx, const char *sql, const char *rel, const char *kind,
		const char *grantee, const char *privs)
{
	const char *args[] = {rel, kind, grantee, privs};
	return run_args(ctx, sql, args, 4);
}

/* The privileges the sidecar holds for (rel, kind, grantee), 0 when none. */
static unsigned held(sqlite3 *db, const char *rel, const char *kind, const char *grantee, bool *row)
{
	sqlite3_stmt *st = NULL;
	unsigned s = 0;
	*row = false;
	if (cat_sidecar_exists(db, CAT_SIDECAR_PRIVILEGES) &&
	    sqlite3_prepare_v2(db,
			       "SELECT privs FROM " CAT_SIDECAR_PRIVILEGES
			       " WHERE relname = ?1 AND kind = ?2 AND grantee = ?3",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, rel, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, grantee, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*row = true;
			s = set_of((const char *)sqlite3_column_text(st, 0));
		}
	}
	sqlite3_finalize(st);
	return s;
}

struct grant {
	bool is_grant, option;
	char kind;           /* 'o' owner, 'p' PUBLIC, 'u' a user */
	const char *grantee; /* the user ('' for the owner and PUBLIC) */
	const char *privs;   /* the letters asked for; "" ALL */
};

/* What a grant is on: a relation's name or a function's key, and its kind ('r' a table or
 * view, 'S' a sequence, 'f' a function, 'n' a local schema); or the default ACL of objects of
 * that kind (def 'g' the tenant-wide one, which starts from the hard-wired default as an
 * object's does; 's' a schema's, which starts empty and may grant to the owner too). */
struct object {
	const char *key;
	char kind;
	char def;
};

static bool defacl_settle(sqlite3_context *ctx, const struct object *o);

static const char *all_of(char kind)
{
	return kind == 'S'   ? SEQUENCE_ALL
	       : kind == 'f' ? FUNCTION_ALL
	       : kind == 'n' ? SCHEMA_ALL
			     : TABLE_ALL;
}

/* One object: its ACL made explicit first (PostgreSQL's acldefault: the owner's entry, and
 * for a function PUBLIC's EXECUTE before it), then the grantee's row. */
static bool apply(sqlite3_context *ctx, const struct object *o, const struct grant *g)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	unsigned all = set_of(all_of(o->kind)), want = set_of(g->privs);
	if (!*g->privs)
		want = all;
	if (want & ~all & 0x55555u) {
		if (o->kind == 'r') { /* USAGE through ON TABLE: only sequences have it */
			pgfn_error(ctx, SQLSTATE_INVALID_GRANT_OPERATION,
				   "invalid privilege type USAGE for table");
			return false;
		}
		want &= all; /* PostgreSQL warns and grants what a sequence has */
	}
	bool row = o->def == 's'; /* a schema's default ACL has no hard-wired start */
	if (!row)
		(void)held(db, o->key, "o", "", &row);
	static const char insert[] = "INSERT INTO " CAT_SIDECAR_PRIVILEGES
				     " VALUES (?1, ?2, ?3, ?4)";
	if (!row && o->kind == 'f' && !run(ctx, insert, o->key, "p", "", FUNCTION_ALL))
		return false;
	if (!row && !run(ctx, insert, o->key, "o", "", all_of(o->kind)))
		return false;
	if (g->kind == 'o' && o->def != 's') {
		if (!g->is_grant && o->def)
			pgfn_error(
				ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				"REVOKE from the owner in ALTER DEFAULT PRIVILEGES is not "
				"supported: every user that reaches the tenant acts as the owner "
				"of its objects");
		else if (!g->is_grant)
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "REVOKE from the owner is not supported: every user that "
				   "reaches the tenant acts as the owner of \"%s\"",
				   o->kind == 'f' || o->kind == 'n' ? strchr(o->key, ':') + 1
								    : o->key);
		/* the owner holds every privilege already */
		return g->is_grant && (!o->def || defacl_settle(ctx, o));
	}
	const char *kind = g->kind == 'p' ? "p" : g->kind == 'o' ? "o" : "u";
	unsigned have = held(db, o->key, kind, g->grantee, &row), now;
	unsigned opts = want << 1 & 0xaaaaau;
	if (g->is_grant)
		now = have | want | (g->option ? opts : 0);
	else
		now = g->option ? have & ~opts : have & ~(want | opts);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	put_set(&sb, now);
	strbuf_putc(&sb, '\0');
	bool ok = now ? run(ctx,
			    "INSERT INTO " CAT_SIDECAR_PRIVILEGES " VALUES (?1, ?2, ?3, ?4) "
			    "ON CONFLICT (relname, kind, grantee) DO UPDATE SET privs = ?4",
			    o->key, kind, g->grantee, sb.data)
		      : !row || run(ctx,
				    "DELETE FROM " CAT_SIDECAR_PRIVILEGES
				    " WHERE relname = ?1 AND kind = ?2 AND grantee = ?3",
				    o->key, kind, g->grantee, NULL);
	strbuf_fini(&sb);
	return ok && (!o->def || defacl_settle(ctx, o));
}

static bool apply_rel(sqlite3_context *ctx, const struct cat_rel *rel, const struct grant *g)
{
	struct object o = {rel->name, rel->kind == 'S' ? 'S' : 'r', 0};
	return apply(ctx, &o, g);
}

/* shardlite_grant(is_grant, target, object, role_kind, role, privs, option): the translator's
 * GRANT/REVOKE (src/xlat/xlat_grant.c), one call per object and grantee, after it created the
 * sidecar. target: 't' ON TABLE, 's' ON SEQUENCE, 'T' ALL TABLES IN SCHEMA, 'S' ALL
 * SEQUENCES IN SCHEMA (object: the local schema, '' public), 'f' a function (object: its
 * key), 'n' ON SCHEMA (object: a local schema); role_kind: 'p' PUBLIC, 'c' the current user, 'n' a
 * name (the session user's is the owner; another user of the users file; else 42704);
 * privs: aclitem letters, "" for ALL; option: WITH GRANT OPTION / GRANT OPTION FOR. */
static void fn_grant(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct cat_conn *cc = CTX_CONN(ctx);
	const struct cat_model *m = cat_fn_model(ctx);
	const char *target = (const char *)sqlite3_value_text(argv[1]);
	const char *obj = (const char *)sqlite3_value_text(argv[2]);
	const char *rk = (const char *)sqlite3_value_text(argv[3]);
	const char *role = (const char *)sqlite3_value_text(argv[4]);
	struct grant g = {.is_grant = sqlite3_value_int(argv[0]) != 0,
			  .option = sqlite3_value_int(argv[6]) != 0,
			  .grantee = "",
			  .privs = (const char *)sqlite3_value_text(argv[5])};
	sqlite3_result_null(ctx);
	if (!m || !target || !obj || !rk || !g.privs)
		return;
	if (*rk == 'p') {
		g.kind = 'p';
	} else if (*rk == 'c' || (role && strcmp(role, cat_conn_user(cc)) == 0)) {
		g.kind = 'o';
	} else {
		struct arena *a = arena_new(0);
		bool known = role && cat_role_named(cc, role, a) != 0 &&
			     strcmp(role, "pg_database_owner") != 0;
		arena_free(a);
		if (!known) {
			pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist",
				   role ? role : "");
			return;
		}
		g.kind = 'u';
		g.grantee = role;
	}
	if (*target == 'f') { /* the translator found the function: obj is its key */
		struct object o = {obj, 'f', 0};
		(void)apply(ctx, &o, &g);
		return;
	}
	if (*target == 'd') { /* ALTER DEFAULT PRIVILEGES: obj is "kind:" or "kind:schema" */
		if (obj[0] && obj[1] == ':' && obj[2] && strcmp(obj + 2, "public") != 0 &&
		    !cat_nsp_find(m, obj + 2)) {
			pgfn_error(ctx, "3F000", "schema \"%s\" does not exist", obj + 2);
			return;
		}
		struct arena *a = arena_new(0);
		struct object o = {arena_printf(a, CAT_GRANT_DEFACL "%s", obj), obj[0],
				   obj[0] && obj[1] == ':' && obj[2] ? 's' : 'g'};
		(void)apply(ctx, &o, &g);
		arena_free(a);
		return;
	}
	const struct cat_nsp *nsp = *obj ? cat_nsp_find(m, obj) : NULL;
	if (*target == 'n' || ((*target == 'T' || *target == 'S') && *obj)) {
		if (!nsp) {
			pgfn_error(ctx, "3F000", "schema \"%s\" does not exist", obj);
			return;
		}
	}
	if (*target == 'n') {
		struct arena *a = arena_new(0);
		struct object o = {arena_printf(a, CAT_GRANT_NSP "%s", obj), 'n', 0};
		(void)apply(ctx, &o, &g);
		arena_free(a);
		return;
	}
	if (*target == 'T' || *target == 'S') { /* of public ('') or local schema obj */
		for (size_t i = 0; i < m->nrels; i++) {
			const struct cat_rel *rel = m->rels[i];
			bool seq = rel->kind == 'S';
			if (rel->temp || rel->kind == 'i' || rel->kind == 'c' ||
			    seq != (*target == 'S') || cat_nsp_of(m, rel->name, NULL) != nsp)
				continue;
			if (!apply_rel(ctx, rel, &g))
				return;
		}
		return;
	}
	const struct cat_rel *rel = cat_model_rel(m, obj);
	const struct cat_seq *sq = rel ? NULL : cat_model_seq(m, obj);
	if (sq)
		rel = sq->rel;
	if (!rel || rel->kind == 'i') {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist", obj);
		return;
	}
	if (rel->temp) { /* the sidecar is the tenant's file's, not the session's temp schema */
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "GRANT and REVOKE on a temporary relation are not supported");
		return;
	}
	if (*target == 's' && rel->kind != 'S') {
		pgfn_error(ctx, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", obj);
		return;
	}
	(void)apply_rel(ctx, rel, &g);
}

/* put_role of catalog_dump.c, for the names an aclitem holds. */
static void put_name(struct strbuf *sb, const char *name)
{
	bool bare = *name != '\0';
	for (const char *p = name; *p; p++)
		bare = bare && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				(*p >= '0' && *p <= '9') || *p == '_' || (unsigned char)*p >= 0x80);
	if (bare)
		strbuf_puts(sb, name);
	else
		strbuf_put_quoted(sb, name, '"');
}

bool cat_grant_each(struct cat_conn *cc, const char *rel, cat_grant_fn fn, void *arg)
{
	sqlite3_stmt *st = NULL;
	if (!cat_sidecar_exists(cc->db, CAT_SIDECAR_PRIVILEGES))
		return false;
	if (sqlite3_prepare_v2(cc->db,
			       "SELECT kind, grantee, privs FROM " CAT_SIDECAR_PRIVILEGES
			       " WHERE relname = ?1 ORDER BY rowid",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, rel, -1, SQLITE_STATIC);
	bool any = false;
	const char *user = cat_conn_user(cc);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		const char *grantee = (const char *)sqlite3_column_text(st, 1);
		/* the session user acts as the owner: its own grants are the owner's */
		if (kind && *kind == 'u' && grantee && strcmp(grantee, user) == 0)
			continue;
		any = true;
		fn(arg,
		   kind && *kind == 'o'   ? user
		   : kind && *kind == 'p' ? NULL
					  : grantee,
		   set_of((const char *)sqlite3_column_text(st, 2)), kind && *kind == 'o');
	}
	sqlite3_finalize(st);
	return any;
}

struct acl_out {
	struct strbuf sb;
	const char *owner;
};

static void acl_item(void *arg, const char *grantee, unsigned privs, bool owner)
{
	(void)owner;
	struct acl_out *o = arg;
	strbuf_putc(&o->sb, o->sb.len ? ',' : '{');
	if (grantee)
		put_name(&o->sb, grantee);
	strbuf_putc(&o->sb, '=');
	put_set(&o->sb, privs);
	strbuf_putc(&o->sb, '/');
	put_name(&o->sb, o->owner);
}

const char *cat_grant_acl(struct cat_conn *cc, const char *rel, struct arena *a)
{
	struct acl_out o = {.owner = cat_conn_user(cc)};
	strbuf_init(&o.sb, 0);
	const char *out = NULL;
	if (cat_grant_each(cc, rel, acl_item, &o)) {
		strbuf_putc(&o.sb, '}');
		out = o.sb.failed ? NULL : arena_strndup(a, o.sb.data, o.sb.len);
	}
	strbuf_fini(&o.sb);
	return out;
}

/* Runs sql (?1, ?2 bound) on the sidecar when it exists; false with ctx's error on failure. */
static bool maintain(sqlite3_context *ctx, const char *sql, const char *p1, const char *p2)
{
	const char *args[] = {p1, p2};
	return !cat_sidecar_exists(sqlite3_context_db_handle(ctx), CAT_SIDECAR_PRIVILEGES) ||
	       run_args(ctx, sql, args, 2);
}

/* The relation's rows go; so do those of any relation that is gone with it (a serial
 * column's sequence has no DROP of its own). */
bool cat_grant_forget(sqlite3_context *ctx, const char *rel)
{
	if (!maintain(ctx, "DELETE FROM " CAT_SIDECAR_PRIVILEGES " WHERE relname = ?1", rel, NULL))
		return false;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (!cat_sidecar_exists(db, CAT_SIDECAR_PRIVILEGES))
		return true;
	/* mid-script (DROP ... CASCADE) the schema may not load: the sweep waits for a later
	 * DROP then, as it is only tidying */
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(CTX_CONN(ctx), &msg);
	sqlite3_free(msg);
	if (!m)
		return true;
	sqlite3_stmt *st = NULL;
	struct arena *a = arena_new(0);
	const char **gone = NULL;
	size_t n = 0, cap = 0;
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT relname FROM " CAT_SIDECAR_PRIVILEGES, -1, &st,
			       NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			const char *dnsp = name && strncmp(name, CAT_GRANT_DEFACL, 7) == 0
						   ? name + 7 + (name[7] ? 2 : 0)
						   : NULL;
			if (dnsp &&
			    (!*dnsp || strcmp(dnsp, "public") == 0 || cat_nsp_find(m, dnsp)))
				continue; /* a default ACL, whose schema is there */
			if (!name || strncmp(name, "proc:", 5) == 0 || cat_model_rel(m, name) ||
			    cat_model_seq(m, name) ||
			    (strncmp(name, CAT_GRANT_NSP, 4) == 0 && cat_nsp_find(m, name + 4)))
				continue; /* functions go with DROP FUNCTION (shardlite_grant_forget) */
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				const char **grown = arena_zalloc(a, cap * sizeof(*grown));
				if (n)
					memcpy(grown, gone, n * sizeof(*grown));
				gone = grown;
			}
			gone[n++] = arena_strdup(a, name);
		}
	}
	sqlite3_finalize(st);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++)
		ok = maintain(ctx, "DELETE FROM " CAT_SIDECAR_PRIVILEGES " WHERE relname = ?1",
			      gone[i], NULL);
	arena_free(a);
	return ok;
}

bool cat_grant_renamed(sqlite3_context *ctx, const char *from, const char *to)
{
	return maintain(ctx,
			"UPDATE " CAT_SIDECAR_PRIVILEGES " SET relname = ?2 WHERE relname = ?1",
			from, to);
}

/* shardlite_grant_forget(key): DROP FUNCTION's, for the function's grants;
 * shardlite_grant_forget(key, new_key): ALTER FUNCTION ... RENAME TO's, which moves them. */
static void fn_grant_forget(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *key = (const char *)sqlite3_value_text(argv[0]);
	const char *to = argc > 1 ? (const char *)sqlite3_value_text(argv[1]) : NULL;
	sqlite3_result_null(ctx);
	if (key && to)
		(void)cat_grant_renamed(ctx, key, to);
	else if (key)
		(void)maintain(ctx, "DELETE FROM " CAT_SIDECAR_PRIVILEGES " WHERE relname = ?1",
			       key, NULL);
}

/* ---- default privileges (ALTER DEFAULT PRIVILEGES, pg_default_acl) ---- */

/* One row of an ACL as the sidecar holds it, with the grantee's OID it is sorted by. */
struct entry {
	char kind; /* 'o' the owner, 'p' PUBLIC, 'u' a user */
	const char *grantee;
	unsigned set;
	uint32_t oid;
};

struct entries {
	struct entry *v;
	size_t n, cap;
};

static void entry_add(struct entries *e, struct arena *a, char kind, const char *grantee,
		      unsigned set)
{
	for (size_t i = 0; i < e->n; i++) { /* aclmerge: a grantee's privileges add up */
		if (e->v[i].kind == kind && strcmp(e->v[i].grantee, grantee) == 0) {
			e->v[i].set |= set;
			return;
		}
	}
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 8;
		struct entry *grown = arena_zalloc(a, e->cap * sizeof(*grown));
		if (e->n)
			memcpy(grown, e->v, e->n * sizeof(*grown));
		e->v = grown;
	}
	e->v[e->n++] = (struct entry){kind, arena_strdup(a, grantee), set, 0};
}

/* The rows of key added to e; false when there are none. */
static bool entries_read(sqlite3 *db, const char *key, struct entries *e, struct arena *a)
{
	sqlite3_stmt *st = NULL;
	size_t before = e->n;
	if (cat_sidecar_exists(db, CAT_SIDECAR_PRIVILEGES) &&
	    sqlite3_prepare_v2(db,
			       "SELECT kind, grantee, privs FROM " CAT_SIDECAR_PRIVILEGES
			       " WHERE relname = ?1 ORDER BY rowid",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *k = (const char *)sqlite3_column_text(st, 0);
			const char *grantee = (const char *)sqlite3_column_text(st, 1);
			entry_add(e, a, k ? *k : 'u', grantee ? grantee : "",
				  set_of((const char *)sqlite3_column_text(st, 2)));
		}
	}
	sqlite3_finalize(st);
	return e->n > before;
}

/* acldefault(kind, owner): the owner's privileges, and PUBLIC's EXECUTE of a function. */
static void entries_default(struct entries *e, struct arena *a, char kind)
{
	if (kind == 'f')
		entry_add(e, a, 'p', "", set_of(FUNCTION_ALL));
	entry_add(e, a, 'o', "", set_of(all_of(kind)));
}

static int entry_cmp(const void *x, const void *y)
{
	const struct entry *l = x, *r = y;
	if (l->oid != r->oid)
		return l->oid < r->oid ? -1 : 1;
	return l->set < r->set ? -1 : l->set > r->set;
}

/* aclitemsort: PostgreSQL keeps default ACLs, and the ACLs made from them, in the order of
 * the grantees' OIDs (PUBLIC's 0 first, then the owner's). */
static void entries_sort(struct cat_conn *cc, struct entries *e, struct arena *a)
{
	for (size_t i = 0; i < e->n; i++) {
		struct entry *x = &e->v[i];
		x->oid = x->kind == 'p'   ? 0
			 : x->kind == 'o' ? cat_role_named(cc, cat_conn_user(cc), a)
					  : cat_role_oid(x->grantee);
	}
	if (e->n > 1)
		qsort(e->v, e->n, sizeof(*e->v), entry_cmp);
}

static bool entries_equal(const struct entries *l, const struct entries *r)
{
	if (l->n != r->n)
		return false;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind != r->v[i].kind || l->v[i].set != r->v[i].set ||
		    strcmp(l->v[i].grantee, r->v[i].grantee) != 0)
			return false;
	return true;
}

/* key's rows become e's (none when e is empty), in e's order. */
static bool entries_write(sqlite3_context *ctx, const char *key, const struct entries *e)
{
	if (!maintain(ctx, "DELETE FROM " CAT_SIDECAR_PRIVILEGES " WHERE relname = ?1", key, NULL))
		return false;
	for (size_t i = 0; i < e->n; i++) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		put_set(&sb, e->v[i].set);
		strbuf_putc(&sb, '\0');
		char kind[2] = {e->v[i].kind, '\0'};
		bool ok = sb.failed ||
			  run(ctx, "INSERT INTO " CAT_SIDECAR_PRIVILEGES " VALUES (?1, ?2, ?3, ?4)",
			      key, kind, e->v[i].grantee, sb.data);
		strbuf_fini(&sb);
		if (!ok)
			return false;
	}
	return true;
}

/* After ALTER DEFAULT PRIVILEGES changed default ACL o: sorted as PostgreSQL stores it, and
 * gone when it grants nothing (a schema's) or is the hard-wired default (the tenant's). */
static bool defacl_settle(sqlite3_context *ctx, const struct object *o)
{
	struct cat_conn *cc = CTX_CONN(ctx);
	struct arena *a = arena_new(0);
	struct entries now = {0}, def = {0};
	(void)entries_read(sqlite3_context_db_handle(ctx), o->key, &now, a);
	if (o->def == 'g')
		entries_default(&def, a, o->kind);
	entries_sort(cc, &now, a);
	entries_sort(cc, &def, a);
	struct entries none = {0};
	bool ok = entries_write(ctx, o->key, entries_equal(&now, &def) ? &none : &now);
	arena_free(a);
	return ok;
}

bool cat_defacl_created(sqlite3_context *ctx, char kind, const char *key, const char *name)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (!cat_sidecar_exists(db, CAT_SIDECAR_PRIVILEGES))
		return true;
	const struct cat_model *m = cat_fn_model(ctx);
	const struct cat_nsp *nsp = m && kind != 'n' ? cat_nsp_of(m, name, NULL) : NULL;
	struct cat_conn *cc = CTX_CONN(ctx);
	struct arena *a = arena_new(0);
	struct entries acl = {0}, def = {0};
	bool ok = true;
	if (entries_read(db, key, &acl, a)) { /* not new after all (IF NOT EXISTS): keep its own */
		arena_free(a);
		return true;
	}
	/* get_user_default_acl: the tenant's default ACL (else the hard-wired one) merged with
	 * the schema's; nothing to record when that is the hard-wired default */
	bool global = entries_read(db, arena_printf(a, CAT_GRANT_DEFACL "%c:", kind), &acl, a);
	if (!global)
		entries_default(&acl, a, kind);
	bool local = kind != 'n' && entries_read(db,
						 arena_printf(a, CAT_GRANT_DEFACL "%c:%s", kind,
							      nsp ? nsp->name : "public"),
						 &acl, a);
	if (global || local) {
		entries_default(&def, a, kind);
		entries_sort(cc, &acl, a);
		entries_sort(cc, &def, a);
		if (!entries_equal(&acl, &def))
			ok = entries_write(ctx, key, &acl);
	}
	arena_free(a);
	return ok;
}

#define DEFACL_OF_SCHEMA                                                                         \
	" WHERE substr(relname, 1, 7) = '" CAT_GRANT_DEFACL "' AND substr(relname, 9, 1) = ':' " \
	"AND substr(relname, 10) = ?1"

bool cat_defacl_schema(sqlite3_context *ctx, const char *name, const char *to)
{
	if (!to)
		return maintain(ctx, "DELETE FROM " CAT_SIDECAR_PRIVILEGES DEFACL_OF_SCHEMA, name,
				NULL);
	return maintain(ctx,
			"UPDATE " CAT_SIDECAR_PRIVILEGES
			" SET relname = substr(relname, 1, 9) || ?2" DEFACL_OF_SCHEMA,
			name, to);
}

/* shardlite_defacl(kind, key, name): the translator's, after a CREATE made object key (a
 * relation's name, a function's "proc:" key, a schema's "nsp:" one) of kind 'r', 'f' or 'n',
 * or a serial key's sequence ('S', which shardlite_sequence does not make), stored as name;
 * its ACL from the default privileges. */
static void fn_defacl(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *kind = (const char *)sqlite3_value_text(argv[0]);
	const char *key = (const char *)sqlite3_value_text(argv[1]);
	const char *name = (const char *)sqlite3_value_text(argv[2]);
	sqlite3_result_null(ctx);
	if (kind && key && name)
		(void)cat_defacl_created(ctx, *kind, key, name);
}

bool cat_fill_default_acl(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	sqlite3_stmt *st = NULL;
	if (!cat_sidecar_exists(cc->db, CAT_SIDECAR_PRIVILEGES))
		return true;
	if (sqlite3_prepare_v2(cc->db,
			       "SELECT DISTINCT relname FROM " CAT_SIDECAR_PRIVILEGES
			       " WHERE substr(relname, 1, 7) = '" CAT_GRANT_DEFACL "' ORDER BY 1",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *rest = key + strlen(CAT_GRANT_DEFACL);
		bool public = rest[0] && rest[1] == ':' && strcmp(rest + 2, "public") == 0;
		const struct cat_nsp *nsp = rest[0] && rest[1] == ':' && rest[2] && !public
						    ? cat_nsp_find(m, rest + 2)
						    : NULL;
		if (!rest[0] || rest[1] != ':' || (rest[2] && !nsp && !public))
			continue;
		cat_row(r);
		cat_int(r, cat_oid("defacl", rest, NULL));
		cat_int(r, CAT_ROLE_BOOTSTRAP); /* the session user, every object's owner */
		cat_int(r, public ? CAT_NS_PUBLIC : nsp ? nsp->oid : 0);
		cat_char(r, rest[0]);
		cat_text(r, cat_grant_acl(cc, key, r->a));
	}
	sqlite3_finalize(st);
	return true;
}

bool cat_grant_register(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_grant", 7, SQLITE_UTF8 | SQLITE_DIRECTONLY,
					  cc, fn_grant, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_grant_forget", 1,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_grant_forget,
					  NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_defacl", 3,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_defacl, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_grant_forget", 2,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_grant_forget,
					  NULL, NULL, NULL) == SQLITE_OK;
}
