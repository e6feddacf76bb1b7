/* SPDX-License-Identifier: Apache-2.0 */
/* shard_validate.c: ALTER TABLE t VALIDATE CONSTRAINT c, for a CHECK or FOREIGN KEY added NOT
 * VALID (its stored clause ends with CATALOG_NOT_VALID_MARK). Every row is read as PostgreSQL
 * reads them — a CHECK's expression false, a key without its referenced row — and when all
 * hold, the mark leaves the stored text in place (no row moves); the schema version moves so
 * every connection reads the constraint as valid. Also ALTER TABLE t ALTER CONSTRAINT c
 * [NOT] DEFERRABLE [INITIALLY ...] of a foreign key: its clause rewritten in place so. */
#include "shard_int.h"

#include "catalog.h"
#include "xlat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The constraint as pg_constraint shows it: contype, convalidated, conbin (a CHECK's SQLite
 * expression, malloc'd). 0 none, 1 found, -1 with err. */
static int look_up(struct shard_conn *c, const char *table, const char *name, char *type,
		   bool *valid, char **expr, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(c->db,
				    "SELECT contype, convalidated, conbin FROM pg_constraint WHERE "
				    "conrelid = ?1 AND conname = ?2",
				    -1, &vm, NULL);
	if (rc != SQLITE_OK)
		return (void)shard_error(c->db, rc, err), -1;
	sqlite3_bind_int64(vm, 1, catalog_rel_oid(table));
	sqlite3_bind_text(vm, 2, name, -1, SQLITE_STATIC);
	int found = 0;
	if ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(vm, 0);
		const char *e = (const char *)sqlite3_column_text(vm, 2);
		*type = t ? t[0] : '?';
		*valid = sqlite3_column_int(vm, 1) != 0;
		*expr = e ? base_xstrdup(e) : NULL;
		found = 1;
	} else if (rc != SQLITE_DONE) {
		found = ((void)shard_error(c->db, rc, err), -1);
	}
	sqlite3_finalize(vm);
	return found;
}

static char *stored_text(sqlite3 *db, const char *table, bool temp)
{
	sqlite3_stmt *vm = NULL;
	char *r = NULL;
	if (sqlite3_prepare_v2(db,
			       temp ? "SELECT sql FROM temp.sqlite_schema WHERE type = 'table' AND "
				      "name = ?1 COLLATE NOCASE"
				    : "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND "
				      "name = ?1 COLLATE NOCASE",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW && sqlite3_column_text(vm, 0))
			r = base_xstrdup((const char *)sqlite3_column_text(vm, 0));
	}
	sqlite3_finalize(vm);
	return r;
}

/* Whether query (no parameters) returns a row; -1 with err. */
static int any_row(sqlite3 *db, const char *sql, struct pgerr *err)
{
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &vm, NULL);
	if (rc != SQLITE_OK)
		return (void)shard_error(db, rc, err), -1;
	rc = sqlite3_step(vm);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		(void)shard_error(db, rc, err);
	sqlite3_finalize(vm);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* CHECK: a row whose expression is false (NULL passes, as in PostgreSQL). */
static bool check_rows(struct shard_conn *c, const char *table, const char *name, const char *expr,
		       struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT 1 FROM main.");
	strbuf_put_quoted(&sb, table, '"');
	strbuf_printf(&sb, " WHERE NOT (%s) LIMIT 1", expr ? expr : "1");
	int bad = sb.failed ? -1 : any_row(c->db, sb.data, err);
	if (sb.failed)
		pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	strbuf_fini(&sb);
	if (bad > 0)
		pgerr_set(err, SQLSTATE_CHECK_VIOLATION,
			  "check constraint \"%s\" of relation \"%s\" is violated by some row",
			  name, table);
	return bad == 0;
}

/* The foreign key's SQLite number: keys count from the last one written (fkid 0), and the
 * catalog lists them in the order written (catalog_model.c). -1 when it is not found. */
static int fk_number(struct shard_conn *c, const char *table, const char *name)
{
	sqlite3_stmt *vm = NULL;
	int i = 0, at = -1;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT conname FROM pg_constraint WHERE conrelid = ?1 AND contype = "
			       "'f'",
			       -1, &vm, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(vm, 1, catalog_rel_oid(table));
	for (; sqlite3_step(vm) == SQLITE_ROW; i++) {
		const char *n = (const char *)sqlite3_column_text(vm, 0);
		if (n && strcmp(n, name) == 0)
			at = i;
	}
	sqlite3_finalize(vm);
	return at < 0 ? -1 : i - 1 - at;
}

/* FOREIGN KEY fkid: a row without its referenced row, named as ADD FOREIGN KEY names it. */
static bool reference_rows(struct shard_conn *c, const char *table, const char *name, int fkid,
			   struct pgerr *err)
{
	char *sql = sqlite3_mprintf("SELECT 1 FROM pragma_foreign_key_check(%Q) WHERE fkid = %d "
				    "LIMIT 1",
				    table, fkid);
	int bad = sql ? any_row(c->db, sql, err) : -1;
	sqlite3_free(sql);
	if (bad <= 0)
		return bad == 0;
	/* the key's columns and referenced table for the message */
	const char *keys[64], *ref_keys[64], *ref = NULL;
	size_t n = 0;
	sqlite3_stmt *vm = NULL;
	struct arena *a = arena_new(0);
	if (sqlite3_prepare_v2(c->db,
			       "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1) "
			       "WHERE id = ?2 ORDER BY seq",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_int(vm, 2, fkid);
		while (n < ARRAY_LEN(keys) && sqlite3_step(vm) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(vm, 0);
			const char *f = (const char *)sqlite3_column_text(vm, 1);
			const char *to = (const char *)sqlite3_column_text(vm, 2);
			ref = arena_strdup(a, t ? t : "");
			keys[n] = arena_strdup(a, f ? f : "");
			ref_keys[n++] = to ? arena_strdup(a, to) : NULL;
		}
	}
	sqlite3_finalize(vm);
	bool named = n && ref_keys[0] != NULL; /* none named: the referenced primary key */
	struct shard_rebuild rb = {.kind = SHARD_RB_FOREIGN,
				   .table = table,
				   .name = name,
				   .keys = keys,
				   .nkeys = n,
				   .ref_table = ref ? ref : "",
				   .ref_keys = named ? ref_keys : NULL,
				   .nref_keys = named ? n : 0};
	bool ok = shard_rebuild_missing_reference(c, &rb, table, err);
	arena_free(a);
	return ok;
}

/* The in-place write of table's new text def (a savepoint around it); def is freed. */
static bool write_text(struct shard_conn *c, const char *table, char *def, struct pgerr *err)
{
	struct shard_rebuild rb = {.kind = SHARD_RB_DROP_CONSTRAINT, .table = table};
	struct pgerr ignored;
	pgerr_clear(&ignored);
	bool ok = def && shard_exec(c, "SAVEPOINT shardlite_validate", err);
	if (ok && !shard_inplace_write(c, &rb, def, err)) {
		(void)!shard_exec(c, "ROLLBACK TO shardlite_validate", &ignored);
		ok = false;
	}
	if (def && !shard_exec(c, "RELEASE shardlite_validate", ok ? err : &ignored))
		ok = false;
	free(def);
	return ok;
}

/* The stored CREATE TABLE text of r's table (malloc'd), which ALTER TABLE ... action edits in
 * place; NULL with err for a missing table or, unless temp_ok, a temporary table's (0A000). */
static char *table_text_for(struct shard_conn *c, const struct xlat_rebuild *r, const char *action,
			    bool temp_ok, struct pgerr *err)
{
	bool temp = shard_table_is_temp(c->db, r->table);
	if (temp && !temp_ok) {
		pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			  "ALTER TABLE ... %s on a temporary table is not supported", action);
		return NULL;
	}
	char *old = stored_text(c->db, r->table, temp);
	if (!old)
		pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
			  r->table);
	return old;
}

bool shard_validate_constraint(struct shard_conn *c, const struct xlat_rebuild *r,
			       struct pgerr *err)
{
	char *old = table_text_for(c, r, "VALIDATE CONSTRAINT", false, err);
	if (!old)
		return false;
	char type = 0, *expr = NULL;
	bool valid = true;
	int found = look_up(c, r->table, r->name, &type, &valid, &expr, err);
	bool ok = found >= 0;
	if (ok && !found)
		ok = pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
			       "constraint \"%s\" of relation \"%s\" does not exist", r->name,
			       r->table);
	else if (ok && type != 'c' && type != 'f')
		ok = pgerr_set(err, "42809",
			       "constraint \"%s\" of relation \"%s\" is not a foreign key or check "
			       "constraint",
			       r->name, r->table);
	if (!ok || valid) { /* validating a valid constraint does nothing */
		free(old);
		free(expr);
		return ok;
	}
	int fkid = type == 'f' ? fk_number(c, r->table, r->name) : 0;
	ok = type == 'c' ? check_rows(c, r->table, r->name, expr, err)
	     : fkid >= 0 ? reference_rows(c, r->table, r->name, fkid, err)
			 : pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				     "foreign key \"%s\" cannot be found in the definition of its "
				     "table",
				     r->name);
	ok = ok &&
	     write_text(c, r->table, shard_coldef_validated(c, r->table, r->name, old, err), err);
	free(old);
	free(expr);
	return ok;
}

/* Whether option item ("name=value" or "name", len bytes) names one of list's lines. */
static bool named_in(const char *item, size_t len, const char *list)
{
	size_t n = strcspn(item, "=");
	if (n > len)
		n = len;
	for (const char *p = list; *p;) {
		size_t m = strcspn(p, "\n=");
		if (m == n && strncmp(p, item, n) == 0)
			return true;
		p += strcspn(p, "\n");
		p += *p == '\n';
	}
	return false;
}

/* old with its reloptions mark replaced by the options left after r (malloc'd). */
static char *reloptions_text(const char *old, const struct xlat_rebuild *r)
{
	struct strbuf opts, sb;
	strbuf_init(&opts, 0);
	strbuf_init(&sb, 0);
	const char *m = strstr(old, CATALOG_RELOPT_MARK);
	const char *open = m ? strchr(m, '{') : NULL, *close = open ? strchr(open, '}') : NULL;
	const char *mend = close ? strstr(close, "*/") : NULL;
	for (const char *p = mend ? open + 1 : ""; p < close && *p;) { /* the kept ones */
		size_t len = strcspn(p, ",}");
		if (!named_in(p, len, r->constraint))
			strbuf_printf(&opts, "%s%.*s", opts.len ? "," : "", (int)len, p);
		p += len + (p[len] == ',');
	}
	for (const char *p = strcmp(r->name, "set") == 0 ? r->constraint : ""; *p;) {
		size_t len = strcspn(p, "\n");
		strbuf_printf(&opts, "%s%.*s", opts.len ? "," : "", (int)len, p);
		p += len + (p[len] == '\n');
	}
	/* where the mark goes: its old place, else after the opening parenthesis (and after a
	 * partition key's mark) */
	const char *at, *rest;
	if (mend) {
		at = m;
		rest = mend + 2;
		rest += *rest == ' ';
	} else {
		const char *pk = strstr(old, CATALOG_PARTKEY_MARK);
		const char *pkend = pk ? strstr(pk, "*/") : NULL;
		at = pkend ? pkend + 2 + (pkend[2] == ' ') : strchr(old, '(');
		at = at ? at + (*at == '(') : old + strlen(old);
		rest = at;
	}
	strbuf_printf(&sb, "%.*s", (int)(at - old), old);
	if (opts.len)
		strbuf_printf(&sb, CATALOG_RELOPT_MARK "{%s} */ ", opts.data);
	strbuf_puts(&sb, rest);
	strbuf_fini(&opts);
	return sb.failed ? NULL : strbuf_take(&sb);
}

bool shard_reloptions(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	/* a temporary table's text too: shard_inplace_write writes the temp schema's */
	char *old = table_text_for(c, r, "SET/RESET (storage parameters)", true, err);
	if (!old)
		return false;
	char *def = reloptions_text(old, r);
	free(old);
	if (!def)
		return pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	struct shard_rebuild rb = {.kind = SHARD_RB_DROP_CONSTRAINT, .table = r->table};
	struct pgerr ignored;
	pgerr_clear(&ignored);
	bool ok = shard_exec(c, "SAVEPOINT shardlite_reloptions", err);
	if (ok && !shard_inplace_write(c, &rb, def, err)) {
		(void)!shard_exec(c, "ROLLBACK TO shardlite_reloptions", &ignored);
		ok = false;
	}
	if (ok && !shard_exec(c, "RELEASE shardlite_reloptions", err))
		ok = false;
	free(def);
	return ok;
}

/* pg_constraint's condeferrable and condeferred of table's foreign key name. */
static void deferral_now(struct shard_conn *c, const char *table, const char *name,
			 bool *deferrable, bool *deferred)
{
	sqlite3_stmt *vm = NULL;
	*deferrable = *deferred = false;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT condeferrable, condeferred FROM pg_constraint WHERE "
			       "conrelid = ?1 AND conname = ?2",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(vm, 1, catalog_rel_oid(table));
		sqlite3_bind_text(vm, 2, name, -1, SQLITE_STATIC);
		if (sqlite3_step(vm) == SQLITE_ROW) {
			*deferrable = sqlite3_column_int(vm, 0) != 0;
			*deferred = sqlite3_column_int(vm, 1) != 0;
		}
	}
	sqlite3_finalize(vm);
}

bool shard_alter_constraint(struct shard_conn *c, const struct xlat_rebuild *r, struct pgerr *err)
{
	char *old = table_text_for(c, r, "ALTER CONSTRAINT", false, err);
	if (!old)
		return false;
	char type = 0, *expr = NULL;
	bool valid = true, deferrable, deferred;
	int found = look_up(c, r->table, r->name, &type, &valid, &expr, err);
	free(expr);
	bool ok = found >= 0;
	if (ok && !found)
		ok = pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
			       "constraint \"%s\" of relation \"%s\" does not exist", r->name,
			       r->table);
	else if (ok && type != 'f')
		ok = pgerr_set(err, "42809",
			       "constraint \"%s\" of relation \"%s\" is not a foreign key "
			       "constraint",
			       r->name, r->table);
	deferral_now(c, r->table, r->name, &deferrable, &deferred);
	if (!ok || (deferrable == r->deferrable && deferred == r->initdeferred)) {
		free(old); /* as it is: nothing to do */
		return ok;
	}
	const char *deferral = !r->deferrable    ? ""
			       : r->initdeferred ? "DEFERRABLE INITIALLY DEFERRED"
						 : "DEFERRABLE INITIALLY IMMEDIATE";
	ok = write_text(c, r->table,
			shard_coldef_deferral(c, r->table, r->name, old, deferral, err), err);
	free(old);
	return ok;
}
