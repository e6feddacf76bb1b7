/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_enumddl.c: shardlite_enum(op, type, ...), the writer of the enum sidecar behind
 * CREATE TYPE ... AS ENUM, ALTER TYPE ... ADD VALUE / RENAME VALUE / RENAME TO and DROP TYPE:
 * it checks the objects as PostgreSQL does (its SQLSTATEs and messages) and writes the rows.
 * Registered SQLITE_DIRECTONLY; the translator's scripts call it, never a client. */
#include "catalog_int.h"

#include "pgtype.h"

#include <string.h>
#include <strings.h>

#define SQLSTATE_DUPLICATE_OBJECT "42710"
#define SQLSTATE_UNDEFINED_OBJECT "42704"
#define SQLSTATE_DEPENDENT_OBJECTS "2BP01"
#define LABEL_MAX 63 /* NAMEDATALEN - 1 */

/* Whether name is taken by a type (cat_type_taken: an enum, a domain, a built-in type, or a
 * table's or view's row type, as PostgreSQL gives each relation a type of its name). */
static bool type_taken(const struct cat_model *m, const char *name)
{
	return cat_type_taken(m, name);
}

static bool label_ok(sqlite3_context *ctx, const char *label)
{
	if (label && strlen(label) <= LABEL_MAX) /* PostgreSQL 15 takes an empty label */
		return true;
	/* 42602 invalid_name, as PostgreSQL's pg_enum.c */
	pgfn_error(ctx, "42602", "invalid enum label \"%s\"", label ? label : "");
	return false;
}

static int find_label(const struct cat_enum *e, const char *label)
{
	for (size_t i = 0; label && i < e->n; i++) {
		if (strcmp(e->labels[i], label) == 0)
			return (int)i;
	}
	return -1;
}

/* The first column of any table whose type is e (or an array of it), NULL when none. */
static const char *user_of(const struct cat_model *m, const struct cat_enum *e,
			   const struct cat_rel **table)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		/* a composite type's attribute too (CREATE TYPE pair AS (m mood)) */
		for (int k = 0;
		     (t->kind == 'r' || t->kind == 'v' || t->kind == 'c') && k < t->ncols; k++) {
			if (t->cols[k].typoid == e->oid || t->cols[k].typoid == e->array_oid) {
				*table = t;
				return t->cols[k].name;
			}
		}
	}
	return NULL;
}

static void op_create(sqlite3_context *ctx, const struct cat_model *m, const char *name, int argc,
		      sqlite3_value **v)
{
	if (type_taken(m, name)) {
		pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT, "type \"%s\" already exists", name);
		return;
	}
	/* the type's own row: an enum without labels exists too */
	const char *own[] = {name, NULL};
	if (!cat_sidecar_exec(ctx, "enum", "INSERT INTO " CAT_SIDECAR_ENUMS " VALUES (?1, ?2, ?3)",
			      own, 2, 0))
		return;
	for (int i = 2; i < argc; i++) {
		const char *label = cat_fn_arg(v, argc, i);
		if (!label_ok(ctx, label))
			return;
		for (int k = 2; k < i; k++) {
			if (cat_fn_arg(v, argc, k) && strcmp(cat_fn_arg(v, argc, k), label) == 0) {
				pgfn_error(ctx, "23505",
					   "duplicate key value violates unique constraint "
					   "\"pg_enum_typid_label_index\"");
				return;
			}
		}
		const char *p[] = {name, label};
		if (!cat_sidecar_exec(ctx, "enum",
				      "INSERT INTO " CAT_SIDECAR_ENUMS " VALUES (?1, ?2, ?3)", p, 2,
				      (double)(i - 1)))
			return;
	}
	sqlite3_result_null(ctx);
}

/* ADD VALUE label [BEFORE | AFTER neighbor]: PostgreSQL's sort order — one past the last, one
 * before the first, one after the last, or halfway between two neighbours. */
static void op_add(sqlite3_context *ctx, const struct cat_enum *e, int argc, sqlite3_value **v)
{
	const char *label = cat_fn_arg(v, argc, 2), *nbr = cat_fn_arg(v, argc, 3);
	bool after = argc > 4 && sqlite3_value_int(v[4]),
	     if_not_exists = argc > 5 && sqlite3_value_int(v[5]);
	if (!label_ok(ctx, label))
		return;
	if (find_label(e, label) >= 0) {
		if (!if_not_exists)
			pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT,
				   "enum label \"%s\" already exists", label);
		else
			sqlite3_result_null(ctx);
		return;
	}
	double order = e->n ? e->orders[e->n - 1] + 1 : 1;
	if (nbr) {
		int k = find_label(e, nbr);
		if (k < 0) {
			pgfn_error(ctx, "22023", "\"%s\" is not an existing enum label", nbr);
			return;
		}
		int other = after ? k + 1 : k - 1;
		order = other < 0 || other >= (int)e->n ? e->orders[k] + (after ? 1 : -1)
							: (e->orders[k] + e->orders[other]) / 2;
	}
	const char *p[] = {e->name, label};
	if (cat_sidecar_exec(ctx, "enum", "INSERT INTO " CAT_SIDECAR_ENUMS " VALUES (?1, ?2, ?3)",
			     p, 2, order))
		sqlite3_result_null(ctx);
}

/* The first composite type with an attribute of enum e, NULL when none: its values keep the
 * label's text, which RENAME VALUE does not rewrite there. */
static const char *comptype_user(const struct cat_model *m, const struct cat_enum *e)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		for (int k = 0; t->kind == 'c' && k < t->ncols; k++)
			if (t->cols[k].typoid == e->oid || t->cols[k].typoid == e->array_oid)
				return t->name;
	}
	return NULL;
}

static void op_rename_value(sqlite3_context *ctx, const struct cat_model *m,
			    const struct cat_enum *e, int argc, sqlite3_value **v)
{
	const char *from = cat_fn_arg(v, argc, 2), *to = cat_fn_arg(v, argc, 3);
	const char *comp = comptype_user(m, e);
	if (comp) {
		pgfn_error(
			ctx, "0A000",
			"ALTER TYPE ... RENAME VALUE of an enum type that composite type %s uses "
			"is not supported",
			comp);
		return;
	}
	if (find_label(e, from) < 0) {
		pgfn_error(ctx, "22023", "\"%s\" is not an existing enum label", from ? from : "");
		return;
	}
	if (find_label(e, to) >= 0) {
		pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT, "enum label \"%s\" already exists", to);
		return;
	}
	if (!label_ok(ctx, to))
		return;
	const char *p[] = {e->name, from, to};
	if (cat_sidecar_exec(ctx, "enum",
			     "UPDATE " CAT_SIDECAR_ENUMS
			     " SET label = ?3 WHERE type_name = ?1 AND label = ?2",
			     p, 3, 0))
		sqlite3_result_null(ctx);
}

static void op_rename(sqlite3_context *ctx, const struct cat_model *m, const struct cat_enum *e,
		      const char *to)
{
	const struct cat_rel *t = NULL;
	const char *col = user_of(m, e, &t);
	if (col) {
		pgfn_error(ctx, "0A000",
			   "ALTER TYPE ... RENAME TO of an enum type that a column uses is not "
			   "supported (column %s of table %s)",
			   col, t->name);
		return;
	}
	if (!to || type_taken(m, to)) {
		pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT, "type \"%s\" already exists",
			   to ? to : "");
		return;
	}
	const char *p[] = {e->name, to};
	if (cat_sidecar_exec(ctx, "enum",
			     "UPDATE " CAT_SIDECAR_ENUMS " SET type_name = ?2 WHERE type_name = ?1",
			     p, 2, 0))
		sqlite3_result_null(ctx);
}

static void op_drop(sqlite3_context *ctx, const struct cat_model *m, const struct cat_enum *e)
{
	const struct cat_rel *t = NULL;
	const char *col = user_of(m, e, &t);
	if (col) {
		pgfn_error(ctx, SQLSTATE_DEPENDENT_OBJECTS,
			   "cannot drop type %s because other objects depend on it",
			   cat_quote_ident(m->a, e->name));
		return;
	}
	const char *p[] = {e->name};
	if (cat_sidecar_exec(ctx, "enum", "DELETE FROM " CAT_SIDECAR_ENUMS " WHERE type_name = ?1",
			     p, 1, 0))
		sqlite3_result_null(ctx);
}

static void fn_enum(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	const struct cat_model *m = cat_fn_model(ctx);
	const char *op = cat_fn_arg(v, argc, 0), *name = cat_fn_arg(v, argc, 1);
	if (!m)
		return;
	if (!op || !name) {
		pgfn_error(ctx, "XX000", "shardlite_enum: missing arguments");
		return;
	}
	if (strcmp(op, "create") == 0) {
		op_create(ctx, m, name, argc, v);
		return;
	}
	const struct cat_enum *e = cat_model_enum(m, name);
	const struct cat_rel *comp = e ? NULL : cat_model_rel(m, name);
	if (!e && comp && comp->kind == 'c' && strcmp(op, "owner") == 0) {
		/* ALTER TYPE of a composite type OWNER TO (pg_dump writes it) */
		cat_fn_owner_to(ctx, cat_fn_arg(v, argc, 2));
		return;
	}
	if (!e) {
		if (strcmp(op, "drop") == 0 && argc > 2 && sqlite3_value_int(v[2]))
			sqlite3_result_null(ctx); /* DROP TYPE IF EXISTS */
		else
			pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "type \"%s\" does not exist",
				   name);
		return;
	}
	if (strcmp(op, "add") == 0)
		op_add(ctx, e, argc, v);
	else if (strcmp(op, "rename_value") == 0)
		op_rename_value(ctx, m, e, argc, v);
	else if (strcmp(op, "rename") == 0)
		op_rename(ctx, m, e, cat_fn_arg(v, argc, 2));
	else if (strcmp(op, "drop") == 0)
		op_drop(ctx, m, e);
	else if (strcmp(op, "owner") == 0)
		cat_fn_owner_to(ctx, cat_fn_arg(v, argc, 2));
	else
		pgfn_error(ctx, "XX000", "shardlite_enum: unknown operation %s", op);
}

bool cat_enumddl_register(sqlite3 *db, struct cat_conn *cc)
{
	static const struct pgfn_def defs[] = {{"shardlite_enum", -1, fn_enum}};
	return pgfn_define_with(db, defs, ARRAY_LEN(defs), SQLITE_DIRECTONLY, cc) == SQLITE_OK;
}
