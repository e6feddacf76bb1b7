/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_database.c: CREATE DATABASE, DROP DATABASE, ALTER DATABASE ... RENAME TO / OWNER TO,
 * which create, drop and rename tenants (XLAT_DATABASE; the session runs them through shard),
 * and CREATE ROLE / ALTER ROLE as a pg_dumpall script sends them for the roles it read. The
 * options are checked here, where they need nothing but the statement: those that mean what a
 * tenant or a user already is (UTF8, the C locale, template0/1, LOGIN NOSUPERUSER ...) are
 * accepted, the others refused as PostgreSQL refuses bad values, or with 0A000 naming them. */
#include "xlat_int.h"

#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* An option's value as text: strings, numbers and booleans as written; NULL for DEFAULT. */
static const char *opt_text(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (!n)
		return NULL;
	switch (n->node_case) {
	case NODE(STRING):
		return n->string->sval;
	case NODE(INTEGER):
		return arena_printf(c->a, "%d", n->integer->ival);
	case NODE(FLOAT):
		return n->float_->fval;
	case NODE(BOOLEAN):
		return n->boolean->boolval ? "true" : "false";
	default:
		return "";
	}
}

/* CREATE DATABASE ... ENCODING: a server encoding PostgreSQL knows (base_encoding.c: by
 * number or name, 0 .. BASE_ENC_BE_LAST; the client-only ones are not valid here, as in
 * PostgreSQL's pg_valid_server_encoding), and UTF8 the only one a tenant can have. */
static bool encoding_ok(struct xlat_ctx *c, const PgQuery__DefElem *d)
{
	const PgQuery__Node *n = d->arg;
	if (!n) /* DEFAULT: the template's, UTF8 */
		return true;
	if (n->node_case == NODE(INTEGER)) {
		int e = n->integer->ival;
		if (e == BASE_ENC_UTF8)
			return true;
		if (e < 0 || e > BASE_ENC_BE_LAST)
			return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, d->location,
					 "%d is not a valid encoding code", e);
	} else {
		const char *raw = opt_text(c, n);
		int e = base_encoding_from_name(raw);
		if (e == BASE_ENC_UTF8)
			return true;
		if (e < 0 || e > BASE_ENC_BE_LAST)
			return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, d->location,
					 "%s is not a valid encoding name", raw);
	}
	xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
		  "encoding \"%s\" is not supported: every tenant is UTF8", opt_text(c, n));
	pgerr_hint(c->err, "Omit ENCODING, or give ENCODING 'UTF8'.");
	return false;
}

/* SQLite compares text byte-wise: on UTF8 that is the C locale's order (and C.UTF-8's). */
static bool locale_ok(struct xlat_ctx *c, const PgQuery__DefElem *d)
{
	const char *v = opt_text(c, d->arg);
	if (!v || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 || strcmp(v, "C.UTF-8") == 0 ||
	    strcmp(v, "C.utf8") == 0)
		return true;
	xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, d->location,
		  "CREATE DATABASE ... %s '%s' is not supported", d->defname, v);
	pgerr_detail(c->err, "Tenants compare text byte-wise, as the C locale does.");
	return false;
}

/* PostgreSQL's defGetBoolean spellings: 1 true, 0 false, -1 neither. */
static int bool_value(const char *v)
{
	static const char *const yes[] = {"true", "on", "1", "yes", "t", "y"};
	static const char *const no[] = {"false", "off", "0", "no", "f", "n"};
	for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
		if (strcasecmp(v, yes[i]) == 0)
			return 1;
		if (strcasecmp(v, no[i]) == 0)
			return 0;
	}
	return -1;
}

/* ALLOW_CONNECTIONS true, IS_TEMPLATE false: the tenant's only value is accepted. */
static bool flag_ok(struct xlat_ctx *c, const PgQuery__DefElem *d, bool want)
{
	const char *v = opt_text(c, d->arg);
	int b = v ? bool_value(v) : want;
	if (b < 0)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, d->location,
				 "%s requires a Boolean value", d->defname);
	if (b == want)
		return true;
	return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, d->location,
			 "CREATE DATABASE ... %s %s is not supported", d->defname, v);
}

/* CONNECTION LIMIT: per tenant, max_tenant_connections (docs/config.md) is the limit. */
static bool limit_ok(struct xlat_ctx *c, const PgQuery__DefElem *d)
{
	const char *v = opt_text(c, d->arg);
	if (!v || atoi(v) == -1)
		return true;
	xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, d->location,
		  "CREATE DATABASE ... CONNECTION LIMIT %s is not supported", v);
	pgerr_hint(c->err, "The server's max_tenant_connections limits every tenant.");
	return false;
}

static bool tablespace_ok(struct xlat_ctx *c, const PgQuery__DefElem *d)
{
	const char *v = opt_text(c, d->arg);
	if (!v || strcmp(v, "pg_default") == 0)
		return true;
	if (strcmp(v, "pg_global") == 0)
		return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
				 "pg_global cannot be used as default tablespace");
	return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1, "tablespace \"%s\" does not exist", v);
}

static bool strategy_ok(struct xlat_ctx *c, const PgQuery__DefElem *d)
{
	const char *v = opt_text(c, d->arg);
	if (!v || strcasecmp(v, "wal_log") == 0 || strcasecmp(v, "file_copy") == 0)
		return true;
	xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1, "invalid create database strategy \"%s\"",
		  v);
	pgerr_hint(c->err, "Valid strategies are \"wal_log\" and \"file_copy\".");
	return false;
}

static bool provider_ok(struct xlat_ctx *c, const PgQuery__DefElem *d)
{
	const char *v = opt_text(c, d->arg);
	if (!v || strcmp(v, "libc") == 0)
		return true;
	if (strcmp(v, "icu") == 0)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, d->location,
				 "CREATE DATABASE ... LOCALE_PROVIDER icu is not supported");
	return xlat_fail(c, "42P17", -1, "unrecognized locale provider: %s", v);
}

static struct xlat_database *new_database(struct xlat_ctx *c, enum xlat_db_op op,
					  const char *name, const char *tag)
{
	struct xlat_database *db = arena_zalloc(c->a, sizeof(*db));
	db->op = op;
	db->name = arena_strdup(c->a, name);
	c->st->kind = XLAT_DATABASE;
	c->st->tag = tag;
	xlat_nocache(c); /* rare, and .database is not copied into the cache */
	c->st->database = db;
	return db;
}

static bool create_option(struct xlat_ctx *c, struct xlat_database *db, const PgQuery__DefElem *d)
{
	const char *n = d->defname;
	if (strcmp(n, "encoding") == 0)
		return encoding_ok(c, d);
	if (strcmp(n, "locale") == 0 || strcmp(n, "lc_collate") == 0 || strcmp(n, "lc_ctype") == 0)
		return locale_ok(c, d);
	if (strcmp(n, "locale_provider") == 0)
		return provider_ok(c, d);
	if (strcmp(n, "owner") == 0) {
		db->owner = d->arg ? arena_strdup(c->a, opt_text(c, d->arg)) : NULL;
		return true;
	}
	if (strcmp(n, "template") == 0) {
		db->template_name = d->arg ? arena_strdup(c->a, opt_text(c, d->arg)) : NULL;
		return true;
	}
	if (strcmp(n, "tablespace") == 0)
		return tablespace_ok(c, d);
	if (strcmp(n, "strategy") == 0)
		return strategy_ok(c, d);
	if (strcmp(n, "allow_connections") == 0)
		return flag_ok(c, d, true);
	if (strcmp(n, "is_template") == 0)
		return flag_ok(c, d, false);
	if (strcmp(n, "connection_limit") == 0)
		return limit_ok(c, d);
	if (strcmp(n, "icu_locale") == 0 || strcmp(n, "collation_version") == 0 ||
	    strcmp(n, "oid") == 0)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, d->location,
				 "CREATE DATABASE ... %s is not supported", n);
	return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, d->location, "option \"%s\" not recognized", n);
}

bool xlat_stmt_createdb(struct xlat_ctx *c, const PgQuery__CreatedbStmt *s)
{
	struct xlat_database *db = new_database(c, XLAT_DB_CREATE, s->dbname, "CREATE DATABASE");
	for (size_t i = 0; i < s->n_options; i++) {
		const PgQuery__Node *o = s->options[i];
		if (o->node_case != NODE(DEF_ELEM))
			return xlat_unsupported(c, -1, "this CREATE DATABASE option");
		if (!create_option(c, db, o->def_elem))
			return false;
	}
	return true;
}

bool xlat_stmt_dropdb(struct xlat_ctx *c, const PgQuery__DropdbStmt *s)
{
	struct xlat_database *db = new_database(c, XLAT_DB_DROP, s->dbname, "DROP DATABASE");
	db->missing_ok = s->missing_ok;
	for (size_t i = 0; i < s->n_options; i++) {
		const PgQuery__Node *o = s->options[i];
		if (o->node_case == NODE(DEF_ELEM) && strcmp(o->def_elem->defname, "force") == 0)
			db->force = true;
		else /* the grammar knows FORCE alone */
			return xlat_unsupported(c, -1, "this DROP DATABASE option");
	}
	return true;
}

bool xlat_database_rename(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	struct xlat_database *db = new_database(c, XLAT_DB_RENAME, s->subname, "ALTER DATABASE");
	db->new_name = arena_strdup(c->a, s->newname);
	return true;
}

/* CREATE ROLE/USER/GROUP: users are the users file's, so it can only be the 42710 PostgreSQL
 * gives for an existing role (the session decides); its options do not matter then. */
bool xlat_stmt_create_role(struct xlat_ctx *c, const PgQuery__CreateRoleStmt *s)
{
	new_database(c, XLAT_DB_ROLE_CREATE, s->role, "CREATE ROLE"); /* USER, GROUP: the same */
	return true;
}

/* The attributes every user has (pg_authid): ALTER ROLE may restate them, as pg_dumpall's
 * `ALTER ROLE u WITH NOSUPERUSER INHERIT ... LOGIN ...` does; changing one is refused. */
static const struct {
	const char *name, *keyword;
	bool flag, value; /* a Boolean attribute, and every user's value of it */
} role_attrs[] = {
	{"superuser", "SUPERUSER", true, false},
	{"createrole", "CREATEROLE", true, false},
	{"createdb", "CREATEDB", true, false},
	{"canlogin", "LOGIN", true, true},
	{"isreplication", "REPLICATION", true, false},
	{"bypassrls", "BYPASSRLS", true, false},
	{"inherit", "INHERIT", true, true},
	{"password", "PASSWORD", false, false},
	{"validUntil", "VALID UNTIL", false, false},
	{"connectionlimit", "CONNECTION LIMIT", false, false},
	{"rolemembers", "ROLE", false, false},
	{"adminmembers", "ADMIN", false, false},
};

static bool role_option_ok(struct xlat_ctx *c, const PgQuery__DefElem *d)
{
	const char *v = opt_text(c, d->arg), *keyword = d->defname;
	if (strcmp(d->defname, "connectionlimit") == 0 && v && atoi(v) == -1)
		return true;
	for (size_t i = 0; i < ARRAY_LEN(role_attrs); i++) {
		if (strcmp(d->defname, role_attrs[i].name) != 0)
			continue;
		if (role_attrs[i].flag && v && bool_value(v) == (int)role_attrs[i].value)
			return true;
		keyword = role_attrs[i].keyword;
	}
	xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, d->location,
		  "ALTER ROLE ... %s is not supported", keyword);
	pgerr_detail(c->err, "Users, their secrets and their tenants are the users file's; every "
			     "user is LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB.");
	return false;
}

bool xlat_stmt_alter_role(struct xlat_ctx *c, const PgQuery__AlterRoleStmt *s)
{
	const PgQuery__RoleSpec *role = s->role;
	if (role && role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC)
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1, "role \"public\" does not exist");
	bool named = role && role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING;
	struct xlat_database *db = new_database(c, XLAT_DB_ROLE_ALTER,
						named ? role->rolename : "", "ALTER ROLE");
	db->owner = named ? db->name : NULL;
	for (size_t i = 0; i < s->n_options; i++) {
		const PgQuery__Node *o = s->options[i];
		if (o->node_case != NODE(DEF_ELEM))
			return xlat_unsupported(c, -1, "this ALTER ROLE");
		if (!role_option_ok(c, o->def_elem))
			return false;
	}
	return true;
}

/* The role named, or NULL for CURRENT_USER / SESSION_USER / CURRENT_ROLE. */
bool xlat_database_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s)
{
	const char *name = s->object ? xlat_node_str(s->object) : NULL;
	if (!name)
		return xlat_unsupported(c, -1, "this ALTER DATABASE");
	struct xlat_database *db = new_database(c, XLAT_DB_OWNER, name, "ALTER DATABASE");
	const PgQuery__RoleSpec *role = s->newowner;
	if (role && role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC)
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1, "role \"public\" does not exist");
	if (role && role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING)
		db->owner = arena_strdup(c->a, role->rolename);
	return true;
}
