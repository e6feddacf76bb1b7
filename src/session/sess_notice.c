/* SPDX-License-Identifier: Apache-2.0 */
/* sess_notice.c: PostgreSQL's NOTICEs for DROP/ALTER ... IF EXISTS of an object that is not
 * there (`table "x" does not exist, skipping`, `column "c" of relation "t" is not an identity
 * column, skipping`) and CREATE/ADD ... IF NOT EXISTS of one that is, filtered by
 * client_min_messages. SQLite's own IF [NOT] EXISTS says nothing, so the objects are looked
 * up before the statement runs. */
#include "session_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* client_min_messages, most verbose first: a message is sent when its level is at or after
 * the setting's (INFO always is, as in PostgreSQL). */
static const char *const levels[] = {"debug5", "debug4", "debug3", "debug2", "debug1",
				     "log",    "notice", "warning", "error"};

static int level_of(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_LEN(levels); i++)
		if (strcasecmp(name, levels[i]) == 0)
			return (int)i;
	return 6; /* the default, notice */
}

bool sess_notice_wanted(struct session *s, const char *severity)
{
	return level_of(severity) >= level_of(sess_guc_get(s, "client_min_messages"));
}

/* The kinds of object whose message is not `<type> "name" does not exist`: what the message
 * calls it, the kind of skip_of's object ("of relation \"t\""), and what is said of it. */
static const struct skip_kind {
	const char *type; /* xlat_stmt.skip_type */
	const char *noun, *of, *absent;
} kinds[] = {
	{"column", "column", "of relation", "does not exist"},
	{"constraint", "constraint", "of domain", "does not exist"},
	{"relation constraint", "constraint", "of relation", "does not exist"},
	{"identity column", "column", "of relation", "is not an identity column"},
	{"generated column", "column", "of relation", "is not a stored generated column"},
	{"trigger", "trigger", "for relation", "does not exist"},
	{"policy", "policy", "for relation", "does not exist"},
	{"missing schema", "schema", "", "does not exist"}, /* DROP ... IF EXISTS nosuch.t */
};

static const struct skip_kind *kind_of(const char *type)
{
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].type, type) == 0)
			return &kinds[i];
	return NULL;
}

/* The SQLSTATE of `... already exists, skipping` for each kind of object. */
#define SQLSTATE_DUPLICATE_COLUMN "42701"
#define SQLSTATE_DUPLICATE_OBJECT "42710"
#define SQLSTATE_DUPLICATE_SCHEMA "42P06"

static const char *present_sqlstate(const char *type)
{
	return strcmp(type, "column") == 0	  ? SQLSTATE_DUPLICATE_COLUMN
	       : strcmp(type, "extension") == 0 ? SQLSTATE_DUPLICATE_OBJECT
	       : strcmp(type, "enum label") == 0 ? SQLSTATE_DUPLICATE_OBJECT
	       : strcmp(type, "schema") == 0	  ? SQLSTATE_DUPLICATE_SCHEMA
						  : SQLSTATE_DUPLICATE_TABLE;
}

/* The lookup of one name of type (?1 the type or the column's table, ?2 the name); NULL for
 * the types not found in SQLite's schema. A session's temporary tables and their indexes
 * count too. */
static const char *probe_sql(const char *type, bool temp)
{
	if (strcmp(type, "extension") == 0) /* no sidecar yet: none */
		return "SELECT ?1 FROM main._shardlite_extensions WHERE name = ?2";
	if (strcmp(type, "column") == 0)
		return "SELECT 1 FROM pragma_table_xinfo(?1) WHERE name = ?2 COLLATE NOCASE";
	if (strcmp(type, "generated column") == 0) /* "there": it is one */
		return "SELECT 1 FROM pragma_table_xinfo(?1) WHERE name = ?2 COLLATE NOCASE AND "
		       "hidden = 3";
	if (strcmp(type, "identity column") == 0)
		return "SELECT 1 FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid WHERE "
		       "r.oid = shardlite_rel_oid(?1) AND r.relkind = 'r' AND a.attname = ?2 AND "
		       "a.attidentity <> ''"; /* the stored name: a local schema's "s.t" */
	if (strcmp(type, "trigger") == 0) /* no sidecar yet: none */
		return "SELECT 1 FROM main._shardlite_triggers WHERE table_name = ?1 AND name = ?2";
	if (strcmp(type, "policy") == 0) /* no sidecar yet: none (catalog_policy.c) */
		return "SELECT 1 FROM main._shardlite_policies WHERE relname = ?1 AND name = ?2";
	if (strcmp(type, "relation constraint") == 0)
		return "SELECT 1 FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid WHERE "
		       "r.oid = shardlite_rel_oid(?1) AND r.relkind = 'r' AND c.conname = ?2";
	if (strcmp(type, "sequence") == 0 || strcmp(type, "type") == 0 ||
	    strcmp(type, "schema") == 0 || strcmp(type, "enum label") == 0 ||
	    strcmp(type, "constraint") == 0 || strcmp(type, "cascade") == 0 ||
	    strcmp(type, "missing schema") == 0 || strcmp(type, "temporary view") == 0)
		return NULL;
	return temp ? "SELECT 1 FROM (SELECT type, name FROM main.sqlite_schema UNION ALL SELECT "
		      "type, name FROM temp.sqlite_schema) WHERE name = ?2 AND (type = ?1 OR (?1 = "
		      "'relation' AND type IN ('table', 'view', 'index')))"
		    : "SELECT 1 FROM main.sqlite_schema WHERE name = ?2 AND (type = ?1 OR (?1 = "
		      "'relation' AND type IN ('table', 'view', 'index')))";
}

/* Whether enum type name is there and, when label is not NULL, has that label. */
static bool is_enum(struct session *s, const char *name, const char *label)
{
	const struct xlat_schema *sc = sess_types(s);
	for (size_t i = 0; sc && name && i < sc->nenums; i++) {
		const struct xlat_enum *e = &sc->enums[i];
		if (strcmp(e->name, name) != 0)
			continue;
		for (size_t k = 0; label && k < e->nlabels; k++) {
			if (strcmp(e->labels[k], label) == 0)
				return true;
		}
		return !label;
	}
	return false;
}

/* Whether name is the index of an INTEGER PRIMARY KEY or of a constraint, which has no
 * name of its own in SQLite's schema but is a relation in the catalog (t_pkey, t_a_key). */
static bool catalog_index(struct session *s, const char *name)
{
	sqlite3_stmt *vm = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(shard_conn_db(s->conn),
			       "SELECT 1 FROM pg_class WHERE relname = ?1 AND relkind = 'i' AND "
			       "relnamespace NOT IN (11, 99, 13000)",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return found;
}

static bool exists(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *st,
		   const char *name)
{
	const char *type = x->skip_type;
	if (strcmp(type, "schema") == 0) /* the translator notes only the schemas there are */
		return true;
	if (strcmp(type, "constraint") == 0) /* ... and only a domain's constraints there are not */
		return false;
	if (strcmp(type, "missing schema") == 0 || /* ... and the schemas there are not */
	    strcmp(type, "temporary view") == 0)
		return false;
	if (strcmp(type, "cascade") == 0) /* ... and the objects a CASCADE drops */
		return true;
	if (strcmp(type, "extension") == 0 && strcmp(name, "plpgsql") == 0) /* built in */
		return true;
	if (strcmp(type, "type") == 0)
		return is_enum(s, name, NULL);
	if (strcmp(type, "enum label") == 0) /* skip_of: the enum */
		return is_enum(s, x->skip_of, name);
	if ((strcmp(type, "sequence") == 0 || strcmp(type, "relation") == 0) &&
	    catalog_is_sequence(shard_conn_db(s->conn), name))
		return true;
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, x->skip_of ? x->skip_of : type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	/* ALTER INDEX IF EXISTS t_pkey renames it (shard_rename.c); a CREATE ... IF NOT EXISTS
	 * of such a name is made by SQLite, so it must not be said to be skipped */
	if (!found && !x->skip_present && strcmp(type, "relation") == 0)
		found = catalog_index(s, name);
	return found;
}

uint64_t sess_skip_check(struct session *s, const struct xlat_stmt *x)
{
	if (!x->skip_type || !x->nskip_names || !s->conn || !sess_notice_wanted(s, "notice"))
		return 0;
	const char *sql = probe_sql(x->skip_type, shard_conn_pinned(s->conn));
	sqlite3_stmt *st = NULL;
	if (sql && sqlite3_prepare_v2(shard_conn_db(s->conn), sql, -1, &st, NULL) != SQLITE_OK)
		st = NULL; /* an extension's sidecar that is not there yet */
	uint64_t hits = 0;
	for (size_t i = 0; i < x->nskip_names && i < 64; i++) {
		if (x->skip_names[i] && exists(s, x, st, x->skip_names[i]) == x->skip_present)
			hits |= UINT64_C(1) << i;
	}
	sqlite3_finalize(st);
	return hits;
}

/* DROP ... CASCADE's objects: PostgreSQL's `drop cascades to column e of table t`, or for
 * several `drop cascades to 2 other objects` with one DETAIL line each. */
static void cascade_notice(struct session *s, const char *const *names, size_t n)
{
	struct pgerr e;
	pgerr_clear(&e);
	if (n == 1) {
		pgerr_set(&e, SQLSTATE_SUCCESS, "drop cascades to %s", names[0]);
	} else {
		pgerr_set(&e, SQLSTATE_SUCCESS, "drop cascades to %zu other objects", n);
		struct strbuf sb;
		strbuf_init(&sb, 0);
		for (size_t i = 0; i < n; i++)
			strbuf_printf(&sb, "%sdrop cascades to %s", i ? "\n" : "", names[i]);
		pgerr_detail(&e, "%s", sb.data ? sb.data : "");
		strbuf_fini(&sb);
	}
	pgw_be_notice_report(&s->out, "NOTICE", &e);
}

void sess_cascaded_forget(struct session *s)
{
	free(s->conn ? catalog_cascaded_take(shard_conn_catalog(s->conn)) : NULL);
}

void sess_cascaded_notice(struct session *s)
{
	char *list = s->conn ? catalog_cascaded_take(shard_conn_catalog(s->conn)) : NULL;
	const char *names[64];
	size_t n = 0;
	for (char *p = list, *nl; p && n < ARRAY_LEN(names) && (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		names[n++] = p;
	}
	if (n && sess_notice_wanted(s, "notice"))
		cascade_notice(s, names, n);
	free(list);
}

/* An object of a local schema, stored as "s.t", is named t in PostgreSQL's notices. */
static const char *shown(const struct session *s, const char *name)
{
	return sess_nsp_shown(s, name, NULL);
}

void sess_skip_notices(struct session *s, const struct xlat_stmt *x, uint64_t hits)
{
	char msg[PGERR_MSG_MAX], of[PGERR_MSG_MAX / 2];
	if (!hits || !x->skip_type)
		return;
	if (strcmp(x->skip_type, "cascade") == 0) {
		cascade_notice(s, x->skip_names, x->nskip_names);
		return;
	}
	if (strcmp(x->skip_type, "temporary view") == 0) {
		snprintf(msg, sizeof(msg), "view \"%s\" will be a temporary view", x->skip_names[0]);
		pgw_be_notice(&s->out, "NOTICE", SQLSTATE_SUCCESS, msg);
		return;
	}
	const struct skip_kind *k = kind_of(x->skip_type);
	of[0] = '\0';
	if (x->skip_of && k)
		snprintf(of, sizeof(of), " %s \"%s\"", k->of, shown(s, x->skip_of));
	for (size_t i = 0; i < x->nskip_names && i < 64; i++) {
		if (!(hits & (UINT64_C(1) << i)))
			continue;
		snprintf(msg, sizeof(msg), "%s \"%s\"%s %s, skipping", k ? k->noun : x->skip_type,
			 shown(s, x->skip_names[i]), of,
			 x->skip_present ? "already exists" : k ? k->absent : "does not exist");
		pgw_be_notice(&s->out, "NOTICE",
			      x->skip_present ? present_sqlstate(x->skip_type) : SQLSTATE_SUCCESS,
			      msg);
	}
}
