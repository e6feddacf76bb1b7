/* SPDX-License-Identifier: Apache-2.0 */
/* sess_database.c: CREATE DATABASE, DROP DATABASE and ALTER DATABASE ... RENAME TO / OWNER TO
 * run by a session: each names a tenant, which the users file must let the user reach (42501
 * otherwise), and shard creates, drops or renames it while the server runs (shard_drop.c).
 * Also what pg_dumpall's scripts say of roles: CREATE ROLE of an existing user (42710, as
 * PostgreSQL) and ALTER ROLE restating a user's attributes (no change).
 * Not inside a transaction block (25001, as PostgreSQL): a file removed or created cannot be
 * rolled back. The options were checked by the translator (xlat_database.c); here what needs
 * the session: names, the user, the template, the current database. */
#include "session_int.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define SQLSTATE_OBJECT_IN_USE "55006"
#define SQLSTATE_INVALID_NAME "42602"
#define SQLSTATE_DUPLICATE_DATABASE "42P04"
#define SQLSTATE_DUPLICATE_OBJECT "42710"

/* A name that is a tenant's as written (the parser folded unquoted names already; a quoted
 * "Acme" would be folded to acme by a connect, so it names no tenant of its own). */
static bool tenant_name(const char *raw, char out[SHARD_TENANT_MAX + 1])
{
	struct pgerr ignored;
	return shard_tenant_name_check(raw, out, &ignored) && strcmp(out, raw) == 0;
}

static bool invalid_name(const char *name, struct pgerr *err)
{
	pgerr_set(err, SQLSTATE_INVALID_NAME, "invalid database name \"%s\"", name);
	pgerr_detail(err, "A database is a tenant: 1 to %d characters, lower-case letters, digits, "
			  "_ and -, starting with a letter or a digit.", SHARD_TENANT_MAX);
	return false;
}

static bool missing(const char *name, struct pgerr *err)
{
	return pgerr_set(err, SQLSTATE_INVALID_CATALOG_NAME, "database \"%s\" does not exist",
			 name);
}

static bool may_reach(struct session *s, const char *name)
{
	return !s->auth_user || auth_user_may_reach(s->auth_user, name);
}

static bool not_owner(const char *name, struct pgerr *err)
{
	return pgerr_set(err, SQLSTATE_INSUFFICIENT_PRIVILEGE, "must be owner of database %s",
			 name);
}

/* A database of no_tenant_databases names no tenant: there is nothing to drop or rename. */
static bool no_tenant(const char *name, const char *what, struct pgerr *err)
{
	pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s of database \"%s\" is not supported",
		  what, name);
	pgerr_detail(err, "It names no tenant (no_tenant_databases): sessions on it reach the "
			  "tenants as schemas.");
	return false;
}

static bool current(const struct session *s, const char *name)
{
	return strcmp(name, s->database) == 0 || (s->tenant[0] && strcmp(name, s->tenant) == 0);
}

/* A role, as pg_roles shows them: the session's user, and the users file's. Every tenant
 * belongs to every user that may reach it, so naming another role is not supported. */
static bool owner_ok(struct session *s, const char *owner, struct pgerr *err)
{
	if (!owner || strcmp(owner, s->user) == 0)
		return true;
	if (!s->users || !auth_users_find(s->users, owner))
		return pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist", owner);
	pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
		  "a database owned by another role (\"%s\") is not supported", owner);
	pgerr_detail(err, "A tenant belongs to every user whose tenant patterns reach it.");
	return false;
}

/* template0 and template1 are empty, as every new tenant is. */
static bool template_ok(struct session *s, const char *name, struct pgerr *err)
{
	char t[SHARD_TENANT_MAX + 1];
	if (!name || strcmp(name, "template0") == 0 || strcmp(name, "template1") == 0)
		return true;
	if (!tenant_name(name, t) || !shard_tenant_exists(s->env->shards, t) || !may_reach(s, t))
		return pgerr_set(err, SQLSTATE_INVALID_CATALOG_NAME,
				 "template database \"%s\" does not exist", name);
	pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
		  "CREATE DATABASE ... TEMPLATE %s (copying a tenant) is not supported", name);
	pgerr_hint(err, "Copy a tenant with pg_dump and psql, or with SQLite's backup API.");
	return false;
}

static bool create(struct session *s, const struct xlat_database *d, struct pgerr *err)
{
	char name[SHARD_TENANT_MAX + 1];
	if (!tenant_name(d->name, name))
		return invalid_name(d->name, err);
	if (!may_reach(s, name))
		return pgerr_set(err, SQLSTATE_INSUFFICIENT_PRIVILEGE,
				 "permission denied to create database");
	if (sess_hub_named(s, name)) /* listed in pg_database, reached by its name */
		return pgerr_set(err, SQLSTATE_DUPLICATE_DATABASE, "database \"%s\" already exists",
				 name);
	return owner_ok(s, d->owner, err) && template_ok(s, d->template_name, err) &&
	       shard_tenant_create(s->env->shards, name, err);
}

static bool drop(struct session *s, const struct xlat_database *d, struct pgerr *err)
{
	char name[SHARD_TENANT_MAX + 1];
	if (current(s, d->name) || (s->conn && strcmp(shard_conn_tenant(s->conn), d->name) == 0))
		return pgerr_set(err, SQLSTATE_OBJECT_IN_USE,
				 "cannot drop the currently open database");
	if (sess_hub_named(s, d->name))
		return no_tenant(d->name, "DROP DATABASE", err);
	if (tenant_name(d->name, name) && !may_reach(s, name))
		return not_owner(d->name, err);
	if (!tenant_name(d->name, name) || !shard_tenant_exists(s->env->shards, name)) {
		if (!d->missing_ok)
			return missing(d->name, err);
		if (sess_notice_wanted(s, "notice")) {
			char msg[PGERR_MSG_MAX];
			snprintf(msg, sizeof(msg), "database \"%s\" does not exist, skipping",
				 d->name);
			pgw_be_notice(&s->out, "NOTICE", SQLSTATE_SUCCESS, msg);
		}
		return true;
	}
	return shard_tenant_drop(s->env->shards, name, d->force, s->client, err);
}

static bool rename_db(struct session *s, const struct xlat_database *d, struct pgerr *err)
{
	char name[SHARD_TENANT_MAX + 1], to[SHARD_TENANT_MAX + 1];
	bool valid = tenant_name(d->name, name);
	if (sess_hub_named(s, d->name) && !current(s, d->name))
		return no_tenant(d->name, "ALTER DATABASE ... RENAME TO", err);
	if (valid && !may_reach(s, name))
		return not_owner(d->name, err);
	if (!valid || !shard_tenant_exists(s->env->shards, name))
		return current(s, d->name) ? pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
						       "current database cannot be renamed")
					   : missing(d->name, err);
	if (current(s, name))
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "current database cannot be renamed");
	if (!tenant_name(d->new_name, to))
		return invalid_name(d->new_name, err);
	if (!may_reach(s, to))
		return pgerr_set(err, SQLSTATE_INSUFFICIENT_PRIVILEGE,
				 "permission denied to create database");
	if (sess_hub_named(s, to))
		return pgerr_set(err, SQLSTATE_DUPLICATE_DATABASE, "database \"%s\" already exists",
				 to);
	return shard_tenant_rename(s->env->shards, name, to, s->client, err);
}

/* ALTER DATABASE ... OWNER TO the session's own user changes nothing (pg_dump --create writes
 * it after CREATE DATABASE). */
static bool owner(struct session *s, const struct xlat_database *d, struct pgerr *err)
{
	char name[SHARD_TENANT_MAX + 1];
	bool known = current(s, d->name) ||
		     (tenant_name(d->name, name) && shard_tenant_exists(s->env->shards, name));
	if (!known)
		return missing(d->name, err);
	if (!current(s, d->name) && !may_reach(s, name))
		return not_owner(d->name, err);
	return owner_ok(s, d->owner, err);
}

int64_t sess_database_size(void *arg, const char *name)
{
	struct session *s = arg;
	char t[SHARD_TENANT_MAX + 1], path[4096];
	struct stat st;
	if (sess_hub_named(s, name))
		return 0; /* it stores nothing of its own */
	if (!tenant_name(name, t) || !may_reach(s, t) ||
	    !shard_tenant_path(s->env->shards, t, path, sizeof(path)) || stat(path, &st) != 0)
		return -1;
	return (int64_t)st.st_size;
}

/* The names stay the users snapshot's, which the session holds as long as it lives. */
size_t sess_database_roles(void *arg, struct arena *a, const char ***out)
{
	struct session *s = arg;
	size_t n = s->users ? auth_users_count(s->users) : 0;
	const char **v = arena_alloc(a, (n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = auth_users_at(s->users, i)->name;
	*out = v;
	return n;
}

static bool role_exists(struct session *s, const char *name)
{
	return strcmp(name, s->user) == 0 || (s->users && auth_users_find(s->users, name));
}

/* A pg_dumpall script's CREATE ROLE of a user that exists: PostgreSQL's own answer. */
static bool create_role(struct session *s, const struct xlat_database *d, struct pgerr *err)
{
	if (role_exists(s, d->name))
		return pgerr_set(err, SQLSTATE_DUPLICATE_OBJECT, "role \"%s\" already exists",
				 d->name);
	pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "CREATE ROLE is not supported");
	pgerr_hint(err, "Users and their tenants are listed in the users file (users_file); "
			"`shardlite passwd USER` makes a secret.");
	return false;
}

static bool alter_role(struct session *s, const struct xlat_database *d, struct pgerr *err)
{
	if (d->owner && !role_exists(s, d->owner))
		return pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist",
				 d->owner);
	return true; /* the attributes it restates are the user's already */
}

bool sess_database_run(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	const struct xlat_database *d = x->database;
	bool atomic = d->op == XLAT_DB_OWNER || d->op == XLAT_DB_ROLE_CREATE ||
		      d->op == XLAT_DB_ROLE_ALTER;
	if (!atomic && (s->txn == SESS_TXN_BLOCK || s->txn == SESS_TXN_FAILED))
		return pgerr_set(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
				 "%s cannot run inside a transaction block",
				 d->op == XLAT_DB_RENAME ? "ALTER DATABASE ... RENAME TO" : x->tag);
	sess_hub_forget(s); /* this session sees its change at once; others within a second */
	switch (d->op) {
	case XLAT_DB_CREATE:
		return create(s, d, err);
	case XLAT_DB_DROP:
		return drop(s, d, err);
	case XLAT_DB_RENAME:
		return rename_db(s, d, err);
	case XLAT_DB_OWNER:
		return owner(s, d, err);
	case XLAT_DB_ROLE_CREATE:
		return create_role(s, d, err);
	case XLAT_DB_ROLE_ALTER:
		return alter_role(s, d, err);
	}
	return false;
}
