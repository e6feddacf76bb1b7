/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_policy.c: row-level security as the tenant records it — the sidecars
 * _shardlite_rowsecurity (a table's ENABLE/FORCE flags) and _shardlite_policies (CREATE
 * POLICY; expressions kept as pg_get_expr prints them) — read for the translator's schema
 * (catalog_rls_read), shown as pg_policy, pg_policies and pg_class.relrowsecurity, and kept
 * when a table is dropped or renamed. The DDL scripts are xlat_policy.c's. */
#include "catalog_int.h"

#include "xlat.h"

#include <string.h>

#define ROWSEC CATALOG_SIDECAR_ROWSECURITY
#define POLICIES CATALOG_SIDECAR_POLICIES

static const char *col_text(sqlite3_stmt *st, int i, struct arena *a)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? arena_strdup(a, s) : NULL;
}

static uint64_t mix(uint64_t h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : "\x01"); *p; p++)
		h = (h ^ *p) * 0x100000001b3ull;
	return (h ^ 0xff) * 0x100000001b3ull;
}

static struct xlat_rls *find(struct xlat_rls *v, size_t n, const char *table)
{
	for (size_t i = 0; i < n; i++)
		if (sqlite3_stricmp(v[i].table, table) == 0)
			return &v[i];
	return NULL;
}

bool catalog_rls_read(sqlite3 *db, struct arena *a, const struct xlat_rls **out, size_t *nout,
		      uint64_t *hash)
{
	*out = NULL;
	*nout = 0;
	*hash = 0;
	bool flags = cat_sidecar_exists(db, ROWSEC), pols = cat_sidecar_exists(db, POLICIES);
	if (!flags && !pols)
		return true;
	size_t cap = 0, n = 0;
	struct xlat_rls *v = NULL;
	uint64_t h = 0xcbf29ce484222325ull;
	sqlite3_stmt *st = NULL;
	static const char q[] =
		"SELECT relname, enabled, forced, NULL, NULL, NULL, NULL, NULL, NULL FROM " ROWSEC
		" UNION ALL SELECT relname, NULL, NULL, name, cmd, permissive, roles, qual, "
		"with_check FROM " POLICIES " ORDER BY 1, 4";
	const char *sql =
		flags && pols ? q
		: flags       ? "SELECT relname, enabled, forced FROM " ROWSEC
			      : "SELECT relname, NULL, NULL, name, cmd, permissive, roles, qual, "
				"with_check FROM " POLICIES " ORDER BY 1, 4";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return false;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		if (!table)
			continue;
		struct xlat_rls *t = find(v, n, table);
		if (!t) {
			if (n == cap) {
				size_t ncap = cap ? 2 * cap : 8;
				struct xlat_rls *nv = arena_zalloc(a, ncap * sizeof(*nv));
				if (n)
					memcpy(nv, v, n * sizeof(*nv));
				v = nv;
				cap = ncap;
			}
			t = &v[n++];
			t->table = arena_strdup(a, table);
		}
		h = mix(h, table);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
			t->enabled = sqlite3_column_int(st, 1) != 0;
			t->forced = sqlite3_column_int(st, 2) != 0;
			h = mix(h, t->enabled ? "e" : "-");
			h = mix(h, t->forced ? "f" : "-");
			continue;
		}
		if (sqlite3_column_count(st) < 9 || sqlite3_column_type(st, 3) == SQLITE_NULL)
			continue;
		struct xlat_policy *p = arena_zalloc(a, (t->npolicies + 1) * sizeof(*p));
		if (t->npolicies)
			memcpy(p, t->policies, t->npolicies * sizeof(*p));
		struct xlat_policy *np = &p[t->npolicies];
		np->name = col_text(st, 3, a);
		const char *cmd = (const char *)sqlite3_column_text(st, 4);
		np->cmd = cmd && cmd[0] ? cmd[0] : '*';
		np->permissive = sqlite3_column_int(st, 5) != 0;
		np->roles = col_text(st, 6, a);
		np->qual = col_text(st, 7, a);
		np->with_check = col_text(st, 8, a);
		t->policies = p;
		t->npolicies++;
		const char *parts[] = {np->name,  cmd,      np->permissive ? "p" : "r",
				       np->roles, np->qual, np->with_check};
		for (size_t k = 0; k < ARRAY_LEN(parts); k++)
			h = mix(h, parts[k]);
	}
	bool ok = sqlite3_finalize(st) == SQLITE_OK;
	*out = v;
	*nout = n;
	*hash = n ? h | 1 : 0;
	return ok;
}

/* ---- pg_class.relrowsecurity, pg_policy, pg_policies ---- */

void cat_rls_flags(struct cat_conn *cc, const char *table, bool *enabled, bool *forced)
{
	*enabled = *forced = false;
	if (!cat_sidecar_exists(cc->db, ROWSEC))
		return;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(cc->db, "SELECT enabled, forced FROM " ROWSEC " WHERE relname = ?1",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*enabled = sqlite3_column_int(st, 0) != 0;
			*forced = sqlite3_column_int(st, 1) != 0;
		}
	}
	sqlite3_finalize(st);
}

static const char *cmd_word(char cmd)
{
	switch (cmd) {
	case 'r':
		return "SELECT";
	case 'a':
		return "INSERT";
	case 'w':
		return "UPDATE";
	case 'd':
		return "DELETE";
	default:
		return "ALL";
	}
}

/* The roles of a TO list ("a,b"; NULL: PUBLIC) as an array literal, by name (sorted, as
 * pg_policies orders them) or by OID (pg_policy, in the list's order). */
static const char *roles_array(struct cat_conn *cc, const char *roles, bool names, struct arena *a)
{
	if (!roles || !roles[0])
		return names ? "{public}" : "{0}";
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "{");
	const char *list[64];
	size_t n = 0;
	char *copy = arena_strdup(a, roles);
	for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok && n < 64;
	     tok = strtok_r(NULL, ",", &save))
		list[n++] = tok;
	if (names) /* insertion sort: a handful of roles */
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && strcmp(list[j - 1], list[j]) > 0; j--) {
				const char *t = list[j];
				list[j] = list[j - 1];
				list[j - 1] = t;
			}
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_puts(&sb, ",");
		if (names)
			strbuf_puts(&sb, list[i]);
		else
			strbuf_printf(&sb, "%u", cat_role_named(cc, list[i], a));
	}
	strbuf_puts(&sb, "}");
	const char *out = arena_strndup(a, sb.data ? sb.data : "{}", sb.len);
	strbuf_fini(&sb);
	return out;
}

static bool fill(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r, bool view)
{
	sqlite3_stmt *st = NULL;
	if (!cat_sidecar_exists(cc->db, POLICIES) ||
	    sqlite3_prepare_v2(
		    cc->db,
		    "SELECT relname, name, cmd, permissive, roles, qual, with_check FROM " POLICIES
		    " ORDER BY rowid",
		    -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return true; /* no policy was made */
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *cmd = (const char *)sqlite3_column_text(st, 2);
		const char *roles = (const char *)sqlite3_column_text(st, 4);
		const struct cat_rel *rel = table ? cat_model_rel_in(m, table, false) : NULL;
		if (!rel || !name)
			continue;
		bool permissive = sqlite3_column_int(st, 3) != 0;
		cat_row(r);
		if (view) { /* a local schema's "s.t": t in s (catalog_nsp.c) */
			cat_text(r, cat_nsp_rel_name(cc, m, rel));
			cat_text(r, cat_nsp_bare(m, rel->name));
			cat_text(r, name);
			cat_text(r, permissive ? "PERMISSIVE" : "RESTRICTIVE");
			cat_text(r, roles_array(cc, roles, true, r->a));
			cat_text(r, cmd_word(cmd ? cmd[0] : '*'));
		} else {
			cat_int(r, cat_oid("policy", rel->name, name));
			cat_text(r, name);
			cat_int(r, rel->oid);
			cat_char(r, cmd ? cmd[0] : '*');
			cat_bool(r, permissive);
			cat_text(r, roles_array(cc, roles, false, r->a));
		}
		cat_text(r, (const char *)sqlite3_column_text(st, 5));
		cat_text(r, (const char *)sqlite3_column_text(st, 6));
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

bool cat_fill_policy(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	return fill(cc, m, r, false);
}

bool cat_fill_policies(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	return fill(cc, m, r, true);
}

/* ---- a dropped table's policies go, a renamed one's follow ---- */

static bool maintain(sqlite3_context *ctx, const char *sql, const char *p1, const char *p2)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, p1, -1, SQLITE_STATIC);
		if (p2)
			sqlite3_bind_text(st, 2, p2, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "row security sidecar: %s",
			   sqlite3_errmsg(db));
	return rc == SQLITE_OK;
}

bool cat_policy_forget(sqlite3_context *ctx, const char *rel)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	return (!cat_sidecar_exists(db, POLICIES) ||
		maintain(ctx, "DELETE FROM " POLICIES " WHERE relname = ?1", rel, NULL)) &&
	       (!cat_sidecar_exists(db, ROWSEC) ||
		maintain(ctx, "DELETE FROM " ROWSEC " WHERE relname = ?1", rel, NULL));
}

bool cat_policy_renamed(sqlite3_context *ctx, const char *from, const char *to)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	return (!cat_sidecar_exists(db, POLICIES) ||
		maintain(ctx, "UPDATE " POLICIES " SET relname = ?2 WHERE relname = ?1", from,
			 to)) &&
	       (!cat_sidecar_exists(db, ROWSEC) ||
		maintain(ctx, "UPDATE " ROWSEC " SET relname = ?2 WHERE relname = ?1", from, to));
}

/* shardlite_policy_role(name): 42704 unless name is a role (CREATE/ALTER POLICY ... TO). */
static void fn_policy_role(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct cat_conn *cc = sqlite3_user_data(ctx);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	struct arena *a = arena_new(0);
	if (name && !cat_role_named(cc, name, a))
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist", name);
	else
		sqlite3_result_null(ctx);
	arena_free(a);
}

bool cat_rls_trigger(const char *name)
{
	size_t n = name ? strlen(name) : 0, k = strlen(XLAT_RLS_INSERT);
	return n > k && (strcmp(name + n - k, XLAT_RLS_INSERT) == 0 ||
			 strcmp(name + n - k, XLAT_RLS_UPDATE) == 0);
}

/* shardlite_rls_violation(table): the new-row check's failure (its SQLite triggers). */
static void fn_violation(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	pgfn_error(ctx, SQLSTATE_INSUFFICIENT_PRIVILEGE,
		   "new row violates row-level security policy for table \"%s\"", t ? t : "");
}

/* shardlite_rls_untrigger(table): drops the table's new-row check triggers, whatever table
 * name they were made under (a renamed table keeps its triggers' names). */
static void fn_untrigger(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	sqlite3_stmt *st = NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (t &&
	    sqlite3_prepare_v2(db,
			       "SELECT name FROM main.sqlite_schema WHERE type = 'trigger' AND "
			       "tbl_name = ?1 COLLATE NOCASE",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			if (!cat_rls_trigger(name))
				continue;
			strbuf_puts(&sb, "DROP TRIGGER main.");
			strbuf_put_quoted(&sb, name, '"');
			strbuf_puts(&sb, ";");
		}
	}
	sqlite3_finalize(st);
	char *msg = NULL;
	if (sb.len && sqlite3_exec(db, sb.data, NULL, NULL, &msg) != SQLITE_OK)
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "row security triggers: %s",
			   msg ? msg : "");
	else
		sqlite3_result_null(ctx);
	sqlite3_free(msg);
	strbuf_fini(&sb);
}

bool cat_policy_register(sqlite3 *db, struct cat_conn *cc)
{
	return sqlite3_create_function_v2(db, "shardlite_policy_role", 1,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_policy_role, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_rls_untrigger", 1,
					  SQLITE_UTF8 | SQLITE_DIRECTONLY, cc, fn_untrigger, NULL,
					  NULL, NULL) == SQLITE_OK &&
	       sqlite3_create_function_v2(db, "shardlite_rls_violation", 1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS, cc, fn_violation, NULL,
					  NULL, NULL) == SQLITE_OK;
}
