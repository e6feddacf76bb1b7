/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_domain.c: domains (CREATE DOMAIN) — their sidecar `_shardlite_domains` read into
 * the model, their pg_type and pg_constraint rows, and shardlite_domain(), the writer behind
 * CREATE and DROP DOMAIN, which checks the objects as PostgreSQL does. A column declared with
 * a domain declares the base type in SQLite and carries the domain's constraints as CHECKs of
 * its own (src/xlat/xlat_domain.c); its row in `_shardlite_columns` names the domain. */
#include "catalog_int.h"

#include "pgtype.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SQLSTATE_DUPLICATE_OBJECT "42710"
#define SQLSTATE_UNDEFINED_OBJECT "42704"
#define SQLSTATE_DEPENDENT_OBJECTS "2BP01"
#define CLASS_PG_TYPE 1247 /* pg_type, as pg_depend.classid names it */
#define CLASS_PG_CONSTRAINT 2606

static struct cat_domain *add_domain(struct cat_model *m, const char *name)
{
	struct cat_domain *d = arena_zalloc(m->a, sizeof(*d));
	d->name = name;
	d->oid = cat_oid("type", name, NULL);
	d->array_oid = cat_oid("type", arena_printf(m->a, "_%s", name), NULL);
	if (m->ndomains % 8 == 0) {
		struct cat_domain **v = arena_zalloc(m->a, (m->ndomains + 8) * sizeof(*v));
		if (m->ndomains)
			memcpy(v, m->domains, m->ndomains * sizeof(*v));
		m->domains = v;
	}
	m->domains[m->ndomains++] = d;
	return d;
}

static void add_check(struct cat_model *m, struct cat_domain *d, const char *name, const char *expr,
		      bool not_valid)
{
	const char **n = arena_zalloc(m->a, (d->nchecks + 1) * sizeof(*n));
	const char **e = arena_zalloc(m->a, (d->nchecks + 1) * sizeof(*e));
	bool *nv = arena_zalloc(m->a, (d->nchecks + 1) * sizeof(*nv));
	if (d->nchecks) {
		memcpy(n, d->connames, d->nchecks * sizeof(*n));
		memcpy(e, d->checks, d->nchecks * sizeof(*e));
		memcpy(nv, d->not_valid, d->nchecks * sizeof(*nv));
	}
	n[d->nchecks] = name;
	nv[d->nchecks] = not_valid;
	e[d->nchecks++] = expr;
	d->connames = n;
	d->checks = e;
	d->not_valid = nv;
}

/* Runs sql over the sidecar of NOT VALID checks, when the file has one (the first ALTER
 * DOMAIN ... ADD ... NOT VALID makes it). */
static bool not_valid_exec(sqlite3_context *ctx, const char *sql, const char **p, int n)
{
	return !cat_sidecar_exists(sqlite3_context_db_handle(ctx), CAT_SIDECAR_DOMAIN_NOT_VALID) ||
	       cat_sidecar_exec(ctx, "domain", sql, p, n, 0);
}

static const char *text_or_null(struct arena *a, sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? arena_strdup(a, (const char *)s) : NULL;
}

/* A domain over another (its base names a domain): the parent linked, and the built-in type
 * under the chain as its base_oid. A chain is made parent first, so it has no cycle; the
 * depth bound keeps a hand-edited sidecar from looping. */
static void link_parents(struct cat_model *m)
{
	for (size_t i = 0; i < m->ndomains; i++) {
		struct cat_domain *d = m->domains[i];
		d->parent = d->base ? cat_model_domain(m, d->base) : NULL;
		if (d->parent == d)
			d->parent = NULL;
		/* over an enum (the enums are loaded first): its OID */
		d->over_enum = !d->parent && d->base ? cat_model_enum(m, d->base) : NULL;
		if (d->over_enum) {
			d->base_oid = d->over_enum->oid;
			d->base_typmod = -1;
		}
	}
	for (size_t i = 0; i < m->ndomains; i++) {
		struct cat_domain *d = m->domains[i];
		const struct cat_domain *root = d;
		for (int depth = 0; root->parent && depth < CAT_DOMAIN_DEPTH; depth++)
			root = root->parent;
		d->base_oid = root->parent ? 0 : root->base_oid;
		d->base_typmod = root->base_typmod;
		d->over_enum = root->parent ? NULL : root->over_enum;
	}
}

bool cat_domain_load(sqlite3 *db, struct cat_model *m)
{
	if (!cat_sidecar_exists(db, CAT_SIDECAR_DOMAINS))
		return true;
	sqlite3_stmt *st = NULL;
	/* the type's own row (conname '') first, then the checks in the order they were made,
	 * which pg_constraint lists them in (the translator checks them in name order) */
	if (sqlite3_prepare_v2(
		    db,
		    cat_sidecar_exists(db, CAT_SIDECAR_DOMAIN_NOT_VALID)
			    ? "SELECT d.domain_name, d.conname, base, \"notnull\", dflt, "
			      "check_expr, v.conname IS NOT NULL FROM " CAT_SIDECAR_DOMAINS
			      " AS d LEFT JOIN " CAT_SIDECAR_DOMAIN_NOT_VALID
			      " AS v USING (domain_name, conname) ORDER BY d.domain_name, "
			      "d.conname <> '', d.rowid"
			    : "SELECT domain_name, conname, base, \"notnull\", dflt, "
			      "check_expr, 0 FROM " CAT_SIDECAR_DOMAINS
			      " ORDER BY domain_name, conname <> '', rowid",
		    -1, &st, NULL) != SQLITE_OK)
		return false;
	struct cat_domain *d = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *con = (const char *)sqlite3_column_text(st, 1);
		if (!name || !con)
			continue;
		if (!con[0]) {
			d = add_domain(m, arena_strdup(m->a, name));
			d->base = text_or_null(m->a, st, 2);
			d->base_typmod = -1;
			d->base_oid = d->base ? pgtype_from_decl(d->base, &d->base_typmod) : 0;
			d->notnull = sqlite3_column_int(st, 3) != 0;
			d->dflt = text_or_null(m->a, st, 4);
			continue;
		}
		if (d && strcmp(d->name, name) == 0)
			add_check(m, d, arena_strdup(m->a, con), text_or_null(m->a, st, 5),
				  sqlite3_column_int(st, 6) != 0);
	}
	link_parents(m);
	return sqlite3_finalize(st) == SQLITE_OK;
}

static uint32_t con_oid(const struct cat_domain *d, size_t k);

void cat_domain_depends(const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->ndomains; i++) {
		const struct cat_domain *d = m->domains[i];
		for (size_t k = 0; k < d->nchecks; k++) { /* each CHECK on its domain */
			cat_row(r);
			cat_int(r, CLASS_PG_CONSTRAINT);
			cat_int(r, con_oid(d, k));
			cat_int(r, 0);
			cat_int(r, CLASS_PG_TYPE);
			cat_int(r, d->oid);
			cat_int(r, 0);
			cat_char(r, 'a');
		}
		uint32_t on = d->parent ? d->parent->oid : d->over_enum ? d->over_enum->oid : 0;
		if (!on)
			continue;
		cat_row(r);
		cat_int(r, CLASS_PG_TYPE);
		cat_int(r, d->oid);
		cat_int(r, 0);
		cat_int(r, CLASS_PG_TYPE);
		cat_int(r, on);
		cat_int(r, 0);
		cat_char(r, 'n');
	}
}

const struct cat_domain *cat_model_domain(const struct cat_model *m, const char *name)
{
	for (size_t i = 0; name && i < m->ndomains; i++) {
		if (strcmp(m->domains[i]->name, name) == 0)
			return m->domains[i];
	}
	return NULL;
}

const struct cat_domain *cat_model_domain_oid(const struct cat_model *m, uint32_t oid, bool *array)
{
	for (size_t i = 0; oid >= CATALOG_OID_MIN && i < m->ndomains; i++) {
		if (m->domains[i]->oid == oid || m->domains[i]->array_oid == oid) {
			if (array)
				*array = m->domains[i]->array_oid == oid;
			return m->domains[i];
		}
	}
	return NULL;
}

bool cat_type_taken(const struct cat_model *m, const char *name)
{
	size_t n = 0;
	const struct pgtype_info *all = pgtype_all(&n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(all[i].name, name) == 0)
			return true;
	}
	/* a name a declared type already means (bigint, integer, "double precision" ...): a
	 * column declaring it must keep meaning that type (catalog_enum.c reads the enum's name
	 * as the declared type only where it names nothing else) */
	int32_t typmod = -1;
	if (pgtype_from_decl(name, &typmod) != PGTYPE_TEXT || strcasecmp(name, "text") == 0)
		return true;
	const struct cat_rel *r = cat_model_rel(m, name);
	return cat_model_enum(m, name) || cat_model_domain(m, name) || (r && r->kind != 'i');
}

/* ---- pg_type, pg_constraint ---- */

static uint32_t con_oid(const struct cat_domain *d, size_t k)
{
	return cat_oid("domcon", d->name, d->connames[k]);
}

uint32_t cat_domain_conoid(const struct cat_domain *d, const char *name)
{
	for (size_t k = 0; d && name && k < d->nchecks; k++) {
		if (strcmp(d->connames[k], name) == 0)
			return con_oid(d, k);
	}
	return 0;
}

void cat_domain_type_rows(const struct cat_model *m, struct cat_rows *r, uint32_t nsp)
{
	for (size_t i = 0; i < m->ndomains; i++) {
		/* a local schema's "s.pos": pos in s (catalog_nsp.c) */
		const char *bare;
		const struct cat_nsp *own = cat_nsp_of(m, m->domains[i]->name, &bare);
		struct cat_domain shown = *m->domains[i];
		shown.name = bare;
		cat_domain_type_put(r, &shown, own ? own->oid : nsp);
	}
}

void cat_domain_constraint_rows(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->ndomains; i++) {
		const struct cat_domain *d = m->domains[i];
		for (size_t k = 0; k < d->nchecks; k++)
			cat_domain_con_put(cc, r, con_oid(d, k), d->connames[k], d->oid,
					   d->checks[k], !d->not_valid[k]);
	}
}

const char *cat_domain_constraintdef(const struct cat_model *m, uint32_t oid, bool pretty)
{
	for (size_t i = 0; oid >= CATALOG_OID_MIN && i < m->ndomains; i++) {
		const struct cat_domain *d = m->domains[i];
		for (size_t k = 0; k < d->nchecks; k++) {
			if (con_oid(d, k) != oid)
				continue;
			/* PostgreSQL's texts, when the translator kept them (CATALOG_CHECK_PG_MARK) */
			const char *p = NULL, *pg = cat_pg_text(m->a, d->checks[k], &p);
			return arena_printf(m->a, "CHECK (%s)%s", pretty ? p : pg,
					    d->not_valid[k] ? " NOT VALID" : "");
		}
	}
	return NULL;
}

bool catalog_domain_check_name(const char *name, char *domain, size_t dsize, char *con,
			       size_t csize)
{
	size_t plen = strlen(CATALOG_DOMAIN_CHECK_PREFIX);
	if (!name || strncmp(name, CATALOG_DOMAIN_CHECK_PREFIX, plen) != 0)
		return false;
	char *end = NULL;
	unsigned long n = strtoul(name + plen, &end, 10);
	if (!end || *end != ':' || strlen(end + 1) < n + 1 || end[1 + n] != ':' || !dsize || !csize)
		return false;
	snprintf(domain, dsize, "%.*s", (int)n, end + 1);
	snprintf(con, csize, "%s", end + 2 + n);
	return true;
}

/* ---- shardlite_domain(op, name, ...) ---- */

/* create, name, base, notnull, default (NULL: none), then each CHECK's name and expression;
 * everything is checked before the first row is written. */
static void op_create(sqlite3_context *ctx, const struct cat_model *m, const char *name, int argc,
		      sqlite3_value **v)
{
	if (cat_type_taken(m, name)) {
		pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT, "type \"%s\" already exists", name);
		return;
	}
	for (int i = 5; i + 1 < argc; i += 2) {
		const char *con = cat_fn_arg(v, argc, i);
		for (int k = 5; con && k < i; k += 2) {
			if (cat_fn_arg(v, argc, k) && strcmp(cat_fn_arg(v, argc, k), con) == 0) {
				pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT,
					   "constraint \"%s\" for domain \"%s\" already exists",
					   con, name);
				return;
			}
		}
	}
	const char *own[] = {name, cat_fn_arg(v, argc, 2),
			     argc > 3 && sqlite3_value_int(v[3]) ? "1" : "0",
			     cat_fn_arg(v, argc, 4)};
	if (!cat_sidecar_exec(ctx, "domain",
			      "INSERT INTO " CAT_SIDECAR_DOMAINS
			      " VALUES (?1, '', ?2, ?3, ?4, NULL)",
			      own, 4, 0))
		return;
	for (int i = 5; i + 1 < argc; i += 2) {
		const char *p[] = {name, cat_fn_arg(v, argc, i), cat_fn_arg(v, argc, i + 1)};
		if (!cat_sidecar_exec(ctx, "domain",
				      "INSERT INTO " CAT_SIDECAR_DOMAINS
				      " VALUES (?1, ?2, NULL, NULL, NULL, ?3)",
				      p, 3, 0))
			return;
	}
	sqlite3_result_null(ctx);
}

static void op_drop(sqlite3_context *ctx, const struct cat_model *m, const struct cat_domain *d)
{
	/* a domain over it (the sidecar's rows, not the model: DROP DOMAIN d2, d1 drops d2 first) */
	sqlite3_stmt *st = NULL;
	bool over = false;
	if (sqlite3_prepare_v2(sqlite3_context_db_handle(ctx),
			       "SELECT 1 FROM " CAT_SIDECAR_DOMAINS
			       " WHERE conname = '' AND base = ?1",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
		over = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	if (over) {
		pgfn_error(ctx, SQLSTATE_DEPENDENT_OBJECTS,
			   "cannot drop type %s because other objects depend on it",
			   cat_quote_ident(m->a, d->name));
		return;
	}
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		for (int k = 0; t->kind == 'r' && k < t->ncols; k++) {
			if (t->cols[k].domain != d)
				continue;
			pgfn_error(ctx, SQLSTATE_DEPENDENT_OBJECTS,
				   "cannot drop type %s because other objects depend on it",
				   cat_quote_ident(m->a, d->name));
			return;
		}
	}
	const char *p[] = {d->name};
	if (cat_con_comment_follow(ctx, false, "domain constraint", d->name, NULL, NULL) &&
	    cat_sidecar_exec(ctx, "domain",
			     "DELETE FROM " CAT_SIDECAR_DOMAINS " WHERE domain_name = ?1", p, 1,
			     0) &&
	    not_valid_exec(ctx,
			   "DELETE FROM " CAT_SIDECAR_DOMAIN_NOT_VALID " WHERE domain_name = ?1", p,
			   1))
		sqlite3_result_null(ctx);
}

/* ALTER DOMAIN: default, notnull, add_check, validate, drop_check, rename_check, rename — the
 * rows changed (the translator rewrites the columns of the domain in the same transaction). */
static void op_alter(sqlite3_context *ctx, const struct cat_model *m, const struct cat_domain *d,
		     const char *op, int argc, sqlite3_value **v)
{
	const char *a2 = cat_fn_arg(v, argc, 2), *a3 = cat_fn_arg(v, argc, 3);
	bool ok;
	int k = -1;
	for (size_t i = 0; a2 && i < d->nchecks; i++)
		k = strcmp(d->connames[i], a2) == 0 ? (int)i : k;
	if (strcmp(op, "default") == 0) {
		const char *p[] = {d->name, a2};
		ok = cat_sidecar_exec(ctx, "domain",
				      "UPDATE " CAT_SIDECAR_DOMAINS
				      " SET dflt = ?2 WHERE domain_name = ?1 AND "
				      "conname = ''",
				      p, 2, 0);
	} else if (strcmp(op, "notnull") == 0) {
		const char *p[] = {d->name, a2 && strcmp(a2, "1") == 0 ? "1" : "0"};
		ok = cat_sidecar_exec(ctx, "domain",
				      "UPDATE " CAT_SIDECAR_DOMAINS
				      " SET \"notnull\" = ?2 WHERE domain_name = ?1 "
				      "AND conname = ''",
				      p, 2, 0);
	} else if (strcmp(op, "add_check") == 0 && a2 && a2[0] && k < 0) {
		const char *p[] = {d->name, a2, a3}; /* a fifth argument 1: NOT VALID */
		ok = cat_sidecar_exec(ctx, "domain",
				      "INSERT INTO " CAT_SIDECAR_DOMAINS
				      " VALUES (?1, ?2, NULL, NULL, NULL, ?3)",
				      p, 3, 0) &&
		     (argc < 5 || sqlite3_value_int(v[4]) == 0 ||
		      cat_sidecar_exec(ctx, "domain",
				       "INSERT INTO " CAT_SIDECAR_DOMAIN_NOT_VALID
				       " VALUES (?1, ?2)",
				       p, 2, 0));
	} else if (strcmp(op, "validate") == 0 && k >= 0) {
		const char *p[] = {d->name, a2};
		ok = not_valid_exec(ctx,
				    "DELETE FROM " CAT_SIDECAR_DOMAIN_NOT_VALID
				    " WHERE domain_name = ?1 AND conname = ?2",
				    p, 2);
	} else if (strcmp(op, "add_check") == 0) {
		pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT,
			   "constraint \"%s\" for domain \"%s\" already exists", a2 ? a2 : "",
			   d->name);
		return;
	} else if (strcmp(op, "drop_check") == 0 && k >= 0) {
		const char *p[] = {d->name, a2};
		ok = cat_con_comment_follow(ctx, false, "domain constraint", d->name, a2, NULL) &&
		     cat_sidecar_exec(ctx, "domain",
				      "DELETE FROM " CAT_SIDECAR_DOMAINS
				      " WHERE domain_name = ?1 AND conname = ?2",
				      p, 2, 0) &&
		     not_valid_exec(ctx,
				    "DELETE FROM " CAT_SIDECAR_DOMAIN_NOT_VALID
				    " WHERE domain_name = ?1 AND conname = ?2",
				    p, 2);
	} else if (strcmp(op, "drop_check") == 0) {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
			   "constraint \"%s\" of domain \"%s\" does not exist", a2 ? a2 : "",
			   d->name);
		return;
	} else if (strcmp(op, "rename_check") == 0 && k >= 0 && a3 && a3[0]) {
		for (size_t i = 0; i < d->nchecks; i++) {
			if (strcmp(d->connames[i], a3) == 0) {
				pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT,
					   "constraint \"%s\" for domain \"%s\" already exists", a3,
					   d->name);
				return;
			}
		}
		const char *p[] = {d->name, a2, a3};
		ok = cat_con_comment_follow(ctx, false, "domain constraint", d->name, a2, a3) &&
		     cat_sidecar_exec(ctx, "domain",
				      "UPDATE " CAT_SIDECAR_DOMAINS
				      " SET conname = ?3 WHERE domain_name = ?1 "
				      "AND conname = ?2",
				      p, 3, 0) &&
		     not_valid_exec(ctx,
				    "UPDATE " CAT_SIDECAR_DOMAIN_NOT_VALID
				    " SET conname = ?3 WHERE domain_name = ?1 AND conname = ?2",
				    p, 3);
	} else if (strcmp(op, "rename_check") == 0) {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT,
			   "constraint \"%s\" of domain \"%s\" does not exist", a2 ? a2 : "",
			   d->name);
		return;
	} else if (strcmp(op, "rename") == 0 && a2 && !cat_type_taken(m, a2)) {
		const char *p[] = {d->name, a2};
		sqlite3 *db = sqlite3_context_db_handle(ctx);
		ok = cat_con_comment_follow(ctx, false, "domain constraint", d->name, NULL, a2) &&
		     cat_sidecar_exec(ctx, "domain",
				      "UPDATE " CAT_SIDECAR_DOMAINS
				      " SET domain_name = ?2 WHERE domain_name = ?1",
				      p, 2, 0) &&
		     not_valid_exec(ctx,
				    "UPDATE " CAT_SIDECAR_DOMAIN_NOT_VALID
				    " SET domain_name = ?2 WHERE domain_name = ?1",
				    p, 2);
		/* the columns of the domain (in the temp schema's sidecar too) */
		for (int temp = 0; ok && temp < 2; temp++) {
			if (!cat_sidecar_in(db, temp, CAT_SIDECAR_COLUMNS))
				continue;
			ok = cat_sidecar_exec(ctx, "domain",
					      temp ? "UPDATE temp." CAT_SIDECAR_COLUMNS
						     " SET type = ?2 WHERE type "
						     "= ?1 AND identity = ''"
						   : "UPDATE main." CAT_SIDECAR_COLUMNS
						     " SET type = ?2 WHERE type "
						     "= ?1 AND identity = ''",
					      p, 2, 0);
		}
	} else if (strcmp(op, "rename") == 0) {
		pgfn_error(ctx, SQLSTATE_DUPLICATE_OBJECT, "type \"%s\" already exists",
			   a2 ? a2 : "");
		return;
	} else {
		pgfn_error(ctx, "XX000", "shardlite_domain: unknown operation %s", op);
		return;
	}
	if (ok)
		sqlite3_result_null(ctx);
}

static void fn_domain(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	const struct cat_model *m = cat_fn_model(ctx);
	const char *op = cat_fn_arg(v, argc, 0), *name = cat_fn_arg(v, argc, 1);
	if (!m)
		return;
	if (!op || !name) {
		pgfn_error(ctx, "XX000", "shardlite_domain: missing arguments");
		return;
	}
	if (strcmp(op, "create") == 0) {
		op_create(ctx, m, name, argc, v);
		return;
	}
	const struct cat_domain *d = cat_model_domain(m, name);
	bool owner = strcmp(op, "owner") == 0;
	if (d && !owner && strcmp(op, "drop") != 0) {
		op_alter(ctx, m, d, op, argc, v);
		return;
	}
	if (d && owner)
		cat_fn_owner_to(ctx, cat_fn_arg(v, argc, 2));
	else if (d)
		op_drop(ctx, m, d);
	else if (strcmp(op, "drop") == 0 && argc > 2 && sqlite3_value_int(v[2]))
		sqlite3_result_null(ctx); /* DROP DOMAIN IF EXISTS */
	else
		pgfn_error(ctx, SQLSTATE_UNDEFINED_OBJECT, "type \"%s\" does not exist", name);
}

bool cat_domain_register(sqlite3 *db, struct cat_conn *cc)
{
	static const struct pgfn_def defs[] = {{"shardlite_domain", -1, fn_domain}};
	return pgfn_define_with(db, defs, ARRAY_LEN(defs), SQLITE_DIRECTONLY, cc) == SQLITE_OK;
}
