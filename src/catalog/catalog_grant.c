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
 * letter granted WITH GRANT OPTION; a function's relname is its key "proc:name(sig)". */
#include "catalog_int.h"

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
 * view, 'S' a sequence, 'f' a function, 'n' a local schema). */
struct object {
	const char *key;
	char kind;
};

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
	bool row;
	(void)held(db, o->key, "o", "", &row);
	static const char insert[] = "INSERT INTO " CAT_SIDECAR_PRIVILEGES
				     " VALUES (?1, ?2, ?3, ?4)";
	if (!row && o->kind == 'f' && !run(ctx, insert, o->key, "p", "", FUNCTION_ALL))
		return false;
	if (!row && !run(ctx, insert, o->key, "o", "", all_of(o->kind)))
		return false;
	if (g->kind == 'o') {
		if (!g->is_grant)
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "REVOKE from the owner is not supported: every user that "
				   "reaches the tenant acts as the owner of \"%s\"",
				   o->kind == 'f' || o->kind == 'n' ? strchr(o->key, ':') + 1
								    : o->key);
		return g->is_grant; /* the owner holds every privilege already */
	}
	const char *kind = g->kind == 'p' ? "p" : "u";
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
	return ok;
}

static bool apply_rel(sqlite3_context *ctx, const struct cat_rel *rel, const struct grant *g)
{
	struct object o = {rel->name, rel->kind == 'S' ? 'S' : 'r'};
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
		struct object o = {obj, 'f'};
		(void)apply(ctx, &o, &g);
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
		struct object o = {arena_printf(a, CAT_GRANT_NSP "%s", obj), 'n'};
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

bool cat_grant_register(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_grant", 7, SQLITE_UTF8 | SQLITE_DIRECTONLY,
					  cc, fn_grant, NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_grant_forget", 1,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_grant_forget,
					  NULL, NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_grant_forget", 2,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_grant_forget,
					  NULL, NULL, NULL) == SQLITE_OK;
}
