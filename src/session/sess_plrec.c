/* SPDX-License-Identifier: Apache-2.0 */
/* sess_plrec.c: the declarations PL/pgSQL resolves against the tenant's tables when a block
 * runs — `t.c%TYPE` (the column's declared type) and `t%ROWTYPE` (a record whose fields are
 * t's columns, NULL until assigned) — and assigning a row to such a record, each column
 * converted to its field's type by position, as PostgreSQL assigns a row variable. */
#include "sess_plpgsql.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pgtype.h"

#define MAX_PARTS 3

/* The dotted name s ("public.t", "\"T\".c") split into at most MAX_PARTS parts, each folded
 * as PostgreSQL folds identifiers, in a; the number of parts, 0 when s is not that. */
static size_t split_name(struct arena *a, const char *s, const char **parts)
{
	size_t n = 0;
	while (*s && n < MAX_PARTS) {
		while (isspace((unsigned char)*s))
			s++;
		char *out = arena_zalloc(a, strlen(s) + 1);
		size_t k = 0;
		if (*s == '"') {
			for (s++; *s && !(s[0] == '"' && s[1] != '"'); s++) {
				out[k++] = *s;
				s += *s == '"';
			}
			if (*s++ != '"')
				return 0;
		} else {
			for (; *s && *s != '.' && !isspace((unsigned char)*s); s++)
				out[k++] = (char)tolower((unsigned char)*s);
		}
		while (isspace((unsigned char)*s))
			s++;
		if (!k || (*s && *s != '.'))
			return 0;
		parts[n++] = out;
		s += *s == '.';
	}
	return *s ? 0 : n;
}

/* The relation parts[0..n-1) names in the session's tenant: its name, NULL when the schema
 * given is another one. */
static const char *own_relation(struct pl_run *r, const char **parts, size_t n)
{
	if (n == 1)
		return parts[0];
	const char *tenant = r->s->conn ? shard_conn_tenant(r->s->conn) : "";
	if (n == 2 && (strcmp(parts[0], "public") == 0 || strcmp(parts[0], tenant) == 0))
		return parts[1];
	return NULL;
}

/* `t.c%TYPE`: the column's declared type as the table was created with it. */
static bool column_type(struct pl_run *r, size_t var, const char *type, struct pgerr *err)
{
	size_t len = strlen(type) - 5; /* "%TYPE" */
	const char *parts[MAX_PARTS];
	size_t n = split_name(r->scratch, arena_strndup(r->scratch, type, len), parts);
	const char *table = n >= 2 ? own_relation(r, parts, n - 1) : NULL;
	const char *decl = NULL;
	sqlite3 *db = shard_conn_db(r->s->conn);
	if (!table ||
	    sqlite3_table_column_metadata(db, "main", table, parts[n - 1], &decl, NULL, NULL, NULL,
					  NULL) != SQLITE_OK ||
	    !decl) {
		pgerr_set(err, SQLSTATE_SYNTAX_ERROR, "syntax error at or near \"%%\"");
		snprintf(err->context, sizeof(err->context), "invalid type name \"%s\"", type);
		return false;
	}
	r->decl_names[var] = strdup(decl);
	return r->decl_names[var] || pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

/* `t%ROWTYPE`: a record with t's columns as its fields, all NULL. */
/* A composite type's (CREATE TYPE ... AS) fields: its attributes, from the schema's copy (the
 * type has no SQLite object to read them from). */
static void type_fields(struct pl_run *r, const struct catalog_relation *t, struct pl_rows *none)
{
	size_t k = t->ncols;
	*none = (struct pl_rows){.ncols = k};
	none->names = arena_zalloc(r->scratch, (k + 1) * sizeof(char *));
	none->types = arena_zalloc(r->scratch, (k + 1) * sizeof(uint32_t));
	for (size_t i = 0; i < k; i++) {
		none->names[i] = arena_strdup(r->scratch, t->cols[i].name);
		none->types[i] = t->cols[i].type_oid ? t->cols[i].type_oid : PGTYPE_TEXT;
	}
}

static bool row_fields(struct pl_run *r, size_t var, const char *rel, struct pgerr *err)
{
	const char *parts[MAX_PARTS];
	size_t n = split_name(r->scratch, rel, parts);
	const char *table = n ? own_relation(r, parts, n) : NULL;
	if (!table)
		return n > 2 ? pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "%%ROWTYPE of another schema's relation is not supported")
			     : pgerr_set(err, SQLSTATE_UNDEFINED_TABLE,
					 "relation \"%s\" does not exist", rel);
	const struct catalog_relation *t = sess_types(r->s) ? sess_types_relation(r->s, table) : NULL;
	if (t && t->composite) {
		struct pl_rows none;
		type_fields(r, t, &none);
		sess_pl_assign_record(r, (int)var, &none, 0);
		r->vals[var].row = true;
		r->vals[var].filled = false;
		return true;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	/* an unqualified name finds a temporary table first, as PostgreSQL's search path does
	 * (pg_temp before public); public.t the tenant's own */
	strbuf_puts(&sb, n > 1 ? "SELECT * FROM main." : "SELECT * FROM ");
	strbuf_put_quoted(&sb, table, '"');
	sqlite3_stmt *vm = NULL;
	int rc = sb.failed ? SQLITE_NOMEM
			   : sqlite3_prepare_v2(shard_conn_db(r->s->conn), sb.data, -1, &vm, NULL);
	strbuf_fini(&sb);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(vm);
		return pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				 table);
	}
	size_t k = (size_t)sqlite3_column_count(vm);
	struct pl_rows none = {.ncols = k};
	none.names = arena_zalloc(r->scratch, (k + 1) * sizeof(char *));
	none.types = arena_zalloc(r->scratch, (k + 1) * sizeof(uint32_t));
	for (size_t i = 0; i < k; i++) {
		int32_t typmod;
		none.names[i] = arena_strdup(r->scratch, sqlite3_column_name(vm, (int)i));
		const char *decl = sqlite3_column_decltype(vm, (int)i);
		none.types[i] = decl ? sess_pl_decl_type(r->s, decl, &typmod) : PGTYPE_TEXT;
	}
	sqlite3_finalize(vm);
	sess_pl_assign_record(r, (int)var, &none, 0);
	r->vals[var].row = true;
	r->vals[var].filled = false;
	return true;
}

bool sess_pl_rec_init(struct pl_run *r, size_t var, struct pgerr *err)
{
	const struct xlat_pl_var *v = &r->f->vars[var];
	size_t n = v->type ? strlen(v->type) : 0;
	if (v->rowtype)
		return row_fields(r, var, v->rowtype, err);
	if (n > 5 && strcasecmp(v->type + n - 5, "%type") == 0)
		return column_type(r, var, v->type, err);
	return true;
}

void sess_pl_rec_reset(struct pl_run *r, int var)
{
	struct pl_val *v = &r->vals[var];
	if (!v->row) {
		struct pl_rows none = {0};
		sess_pl_assign_record(r, var, &none, 0);
		v->assigned = false;
		return;
	}
	for (size_t k = 0; k < v->nfields; k++) {
		free(v->texts[k]);
		v->texts[k] = NULL;
	}
	v->filled = false;
}

const char *sess_pl_row_text(struct pl_run *r, int var)
{
	const struct pl_val *v = &r->vals[var];
	if (!v->row || !v->filled)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '(');
	for (size_t k = 0; k < v->nfields; k++) {
		strbuf_puts(&sb, k ? "," : "");
		pgtype_record_put_field(&sb, v->texts[k], v->texts[k] ? strlen(v->texts[k]) : 0);
	}
	strbuf_putc(&sb, ')');
	const char *out = arena_strndup(r->scratch, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

bool sess_pl_assign_row(struct pl_run *r, int var, const struct pl_rows *rows, size_t i,
			struct pgerr *err)
{
	struct pl_val *v = &r->vals[var];
	for (size_t k = 0; k < v->nfields; k++) {
		bool have = k < rows->ncols && i < rows->nrows;
		if (!sess_pl_assign_field(r, var, v->names[k],
					  have ? rows->cells[i * rows->ncols + k] : NULL,
					  k < rows->ncols ? rows->types[k] : 0, err))
			return false;
	}
	return true;
}

/* Record variable src's fields as one row, copied into scratch (the target may be src). */
static void fields_row(struct pl_run *r, const struct pl_val *src, struct pl_rows *out)
{
	size_t k = src->nfields;
	*out = (struct pl_rows){.ncols = k, .nrows = 1};
	out->names = arena_zalloc(r->scratch, (k + 1) * sizeof(char *));
	out->types = arena_zalloc(r->scratch, (k + 1) * sizeof(uint32_t));
	out->cells = arena_zalloc(r->scratch, (k + 1) * sizeof(char *));
	for (size_t i = 0; i < k; i++) {
		out->names[i] = arena_strdup(r->scratch, src->names[i]);
		out->types[i] = src->types[i];
		out->cells[i] = src->texts[i] ? arena_strdup(r->scratch, src->texts[i]) : NULL;
	}
}

bool sess_pl_composite_row(struct pl_run *r, const struct catalog_relation *t, const char *text,
			   struct pl_rows *out, struct pgerr *err)
{
	size_t n = strlen(text), k = t->ncols;
	const char **fields = arena_zalloc(r->scratch, (n + 1) * sizeof(*fields));
	size_t *lens = arena_zalloc(r->scratch, (n + 1) * sizeof(*lens));
	int nf = pgtype_record_fields(text, n, r->scratch, fields, lens, n + 1, err);
	if (nf < 0)
		return false;
	type_fields(r, t, out);
	out->nrows = 1;
	out->cells = arena_zalloc(r->scratch, (k + 1) * sizeof(char *));
	for (size_t i = 0; i < k && i < (size_t)nf; i++)
		out->cells[i] = fields[i];
	return true;
}

/* The value of a scalar subquery whose query is e: its one row's one column (NULL without a
 * row), PostgreSQL's errors for more. SQLite cannot take a row as a scalar subquery's value,
 * so the query runs on its own. */
static bool subquery_value(struct pl_run *r, const struct xlat_pl_expr *e, const char **text,
			   uint32_t *type, struct pgerr *err)
{
	struct pl_rows rows;
	if (!sess_pl_exec_expr(r, e, true, &rows, err))
		return false;
	if (rows.ncols != 1)
		return pgerr_set(err, SQLSTATE_SYNTAX_ERROR,
				 "subquery must return only one column");
	if (rows.nrows > 1)
		return pgerr_set(err, "21000",
				 "more than one row returned by a subquery used as an expression");
	*text = rows.nrows ? rows.cells[0] : NULL;
	*type = rows.types[0];
	return true;
}

bool sess_pl_assign_whole(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	struct pl_val *v = &r->vals[st->var];
	struct pl_rows rows;
	if (st->rec_from) {
		const struct pl_val *src = &r->vals[st->rec_from - 1];
		if (!src->assigned || (src->row && !src->filled)) {
			sess_pl_rec_reset(r, st->var);
			return true;
		}
		fields_row(r, src, &rows);
	} else if (st->rec_anon) {
		if (!sess_pl_exec_expr(r, st->expr, true, &rows, err))
			return false;
		for (size_t i = 0; !v->row && i < rows.ncols; i++) /* a record's: f1, f2, ... */
			rows.names[i] = arena_printf(r->scratch, "f%zu", i + 1);
	} else {
		const char *text;
		uint32_t type;
		if (st->rec_subquery ? !subquery_value(r, st->expr, &text, &type, err)
				     : !sess_pl_eval(r, st->expr, &text, &type, err))
			return false;
		if (!text) {
			sess_pl_rec_reset(r, st->var);
			return true;
		}
		if (v->row)
			return sess_pl_row_from_text(r, st->var, text, err);
		const struct catalog_relation *t = sess_types_rowtype(r->s, type);
		if (!t) /* PostgreSQL reads the text as an anonymous record */
			return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "input of anonymous composite types is not implemented");
		if (!sess_pl_composite_row(r, t, text, &rows, err))
			return false;
	}
	if (v->row)
		return sess_pl_assign_row(r, st->var, &rows, 0, err);
	sess_pl_assign_record(r, st->var, &rows, 0);
	return true;
}

/* Whether hit h of e stands for a whole record variable. */
static bool whole(const struct pl_run *r, const struct xlat_pl_expr *e, int h)
{
	const struct xlat_pl_ref *ref = &e->refs[e->hits[h].ref];
	return !ref->field && r->vals[ref->var].is_record;
}

/* Record var's fields as parameters n, n+1, ... into sb (a row value, or the list r.* is) and
 * args; a record not assigned yet is NULL as a value, 55000 as r.*. */
static bool spell_record(struct pl_run *r, int var, bool star, bool named, struct strbuf *sb,
			 struct pl_arg *args, int *n, struct pgerr *err)
{
	const struct pl_val *v = &r->vals[var];
	/* NULL; NEW of a DELETE (OLD of an INSERT) a row of NULLs, which compares (IS DISTINCT
	 * FROM) as SQLite's row values can, but NULL in a trigger's RETURN (COALESCE(OLD, NEW)) */
	if ((!v->assigned || (v->row && !v->filled) || (v->null_row && r->ret_casting)) && !star) {
		strbuf_puts(sb, "NULL");
		return true;
	}
	if (!v->assigned) {
		pgerr_set(err, PL_NOT_ASSIGNED, "record \"%s\" is not assigned yet",
			  r->f->vars[var].name);
		pgerr_detail(err,
			     "The tuple structure of a not-yet-assigned record is indeterminate.");
		return false;
	}
	/* a trigger's RETURN expr: a row of the table's type, which SQLite's row values are not */
	bool cast = !star && r->ret_casting && r->ret_cast && v->nfields == r->ret_cast_ncols;
	strbuf_puts(sb, star ? "" : cast ? "CAST(ROW(" : "ROW(");
	for (size_t k = 0; k < v->nfields; k++) {
		args[*n] = (struct pl_arg){v->texts[k], v->types[k]};
		strbuf_printf(sb, "%s$%d", k ? ", " : "", ++*n);
		if (named && v->names[k]) { /* SELECT NEW.* INTO r: r's fields are NEW's */
			strbuf_puts(sb, " AS ");
			strbuf_put_quoted(sb, v->names[k], '"');
		}
	}
	strbuf_puts(sb, star ? "" : ")");
	if (cast) {
		strbuf_puts(sb, " AS ");
		strbuf_put_quoted(sb, r->ret_cast, '"');
		strbuf_puts(sb, ")");
	}
	return true;
}

static bool ident_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '_' || ch == '$' || ch == '.' || ch == '"';
}

/* Whether the text before at ends with the keyword SELECT (r.* first in a select list). */
static bool after_select(const char *sql, int at)
{
	int p = at - 1;
	while (p >= 0 && strchr(" \t\r\n", sql[p]))
		p--;
	return p >= 5 && strncasecmp(sql + p - 5, "select", 6) == 0 &&
	       (p == 5 || !ident_char(sql[p - 6]));
}

/* to_json(r), to_jsonb(r) or row_to_json(r) of hit [at, at + len) alone: the call's start
 * and end in sql and its name, else NULL. */
static const char *json_call(const char *sql, int at, int len, int *start, int *end)
{
	static const char *const fns[] = {"row_to_json", "to_jsonb", "to_json"};
	int p = at - 1, q = at + len;
	while (p >= 0 && strchr(" \t\r\n", sql[p]))
		p--;
	while (sql[q] && strchr(" \t\r\n", sql[q]))
		q++;
	if (p < 0 || sql[p] != '(' || sql[q] != ')')
		return NULL;
	do
		p--;
	while (p >= 0 && strchr(" \t\r\n", sql[p]));
	for (size_t i = 0; i < ARRAY_LEN(fns); i++) {
		int n = (int)strlen(fns[i]);
		if (p + 1 >= n && strncasecmp(sql + p + 1 - n, fns[i], (size_t)n) == 0 &&
		    (p + 1 == n || !ident_char(sql[p - n]))) {
			*start = p + 1 - n;
			*end = q + 1;
			return fns[i];
		}
	}
	return NULL;
}

/* fn(r) of record var as fn over a one-row subquery whose columns are r's fields, so the
 * JSON names them as PostgreSQL does (a ROW(...) would be f1, f2, ...); NULL when r is. */
static bool spell_json(struct pl_run *r, int var, const char *fn, struct strbuf *sb,
		       struct pl_arg *args, int *n)
{
	const struct pl_val *v = &r->vals[var];
	const char *type = strcmp(fn, "to_jsonb") == 0 ? "jsonb" : "json";
	if (!v->assigned || (v->row && !v->filled) || v->null_row || !v->nfields) {
		strbuf_printf(sb, "CAST(NULL AS %s)", type);
		return true;
	}
	/* the cast types the subquery's value for what it meets (to_jsonb(NEW) - 'k') */
	strbuf_printf(sb, "CAST((SELECT %s(shardlite_rec) FROM (SELECT ", fn);
	for (size_t k = 0; k < v->nfields; k++) {
		args[*n] = (struct pl_arg){v->texts[k], v->types[k]};
		strbuf_printf(sb, "%s$%d AS ", k ? ", " : "", ++*n);
		strbuf_put_quoted(sb, v->names[k] ? v->names[k] : "?column?", '"');
	}
	strbuf_printf(sb, ") AS shardlite_rec) AS %s)", type);
	return true;
}

bool sess_pl_expand_records(struct pl_run *r, const struct xlat_pl_expr *e, const char **sql,
			    struct pl_arg **args, int *nargs, struct pgerr *err)
{
	size_t extra = 0;
	for (int h = 0; h < e->nhits; h++)
		if (whole(r, e, h))
			extra += r->vals[e->refs[e->hits[h].ref].var].nfields + 1;
	if (!extra)
		return true;
	struct pl_arg *v = arena_alloc(r->scratch, ((size_t)*nargs + extra + 1) * sizeof(*v));
	memcpy(v, *args, (size_t)*nargs * sizeof(*v));
	struct strbuf sb;
	strbuf_init(&sb, 0);
	int pos = 0, n = *nargs;
	bool ok = true;
	for (int h = 0; ok && h < e->nhits; h++) {
		if (!whole(r, e, h))
			continue;
		int start, end;
		const char *fn = e->hits[h].star ? NULL
						 : json_call(e->sql, e->hits[h].at, e->hits[h].len,
							     &start, &end);
		if (fn && start >= pos) {
			strbuf_append(&sb, e->sql + pos, (size_t)(start - pos));
			ok = spell_json(r, e->refs[e->hits[h].ref].var, fn, &sb, v, &n);
			pos = end;
			continue;
		}
		strbuf_append(&sb, e->sql + pos, (size_t)(e->hits[h].at - pos));
		ok = spell_record(r, e->refs[e->hits[h].ref].var, e->hits[h].star,
				  e->hits[h].star && after_select(e->sql, e->hits[h].at), &sb, v,
				  &n, err);
		pos = e->hits[h].at + e->hits[h].len;
	}
	strbuf_puts(&sb, e->sql + pos);
	if (ok && sb.failed)
		ok = pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	if (ok) {
		*sql = arena_strndup(r->scratch, sb.data, sb.len);
		*args = v;
		*nargs = n;
	}
	strbuf_fini(&sb);
	return ok;
}

bool sess_pl_row_from_text(struct pl_run *r, int var, const char *text, struct pgerr *err)
{
	size_t n = strlen(text), k = r->vals[var].nfields;
	const char **fields = arena_zalloc(r->scratch, (n + 1) * sizeof(*fields));
	size_t *lens = arena_zalloc(r->scratch, (n + 1) * sizeof(*lens));
	int nf = pgtype_record_fields(text, n, r->scratch, fields, lens, n + 1, err);
	if (nf < 0)
		return false;
	if ((size_t)nf > k)
		return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				 "malformed record literal: \"%s\"", text);
	struct pl_rows one = {.ncols = k, .nrows = 1};
	one.types = arena_zalloc(r->scratch, (k + 1) * sizeof(uint32_t));
	one.cells = arena_zalloc(r->scratch, (k + 1) * sizeof(char *));
	for (size_t i = 0; i < k; i++) {
		one.types[i] = PGTYPE_TEXT; /* converted to each field's type */
		one.cells[i] = i < (size_t)nf ? fields[i] : NULL; /* a field it lacks: NULL */
	}
	return sess_pl_assign_row(r, var, &one, 0, err);
}

/* Param i's record variable: USING r (its expression SELECT $k of the whole record), else -1. */
static int using_record(const struct pl_run *r, const struct xlat_pl_expr *e)
{
	if (e->nhits != 1 || !whole(r, e, 0) || e->hits[0].star ||
	    (size_t)(e->hits[0].at + e->hits[0].len) != strlen(e->sql))
		return -1;
	const char *p = e->sql;
	while (*p == ' ')
		p++;
	if (strncasecmp(p, "select", 6) != 0)
		return -1;
	for (p += 6; p < e->sql + e->hits[0].at; p++)
		if (*p != ' ')
			return -1;
	return e->refs[e->hits[0].ref].var;
}

/* The field name at p (an identifier, folded, or a quoted one) into name; its length in the
 * text, 0 when none. */
static size_t field_name(const char *p, char *name, size_t cap)
{
	size_t n = 0, k = 0;
	if (*p == '"') {
		for (k = 1; p[k] && p[k] != '"' && n + 1 < cap; k++)
			name[n++] = p[k];
		name[n] = '\0';
		return p[k] == '"' && n ? k + 1 : 0;
	}
	while ((isalnum((unsigned char)p[k]) || p[k] == '_') && n + 1 < cap) {
		name[n++] = (char)tolower((unsigned char)p[k]);
		k++;
	}
	name[n] = '\0';
	return n && !isdigit((unsigned char)name[0]) ? k : 0;
}

/* At p: `$N.` or `($N).` of parameter number want; the length up to the dot's end, else 0. */
static size_t param_dot(const char *p, int want)
{
	const char *q = p;
	bool paren = *q == '(';
	if (paren)
		q++;
	if (*q != '$' || !isdigit((unsigned char)q[1]))
		return 0;
	char *end;
	long n = strtol(q + 1, &end, 10);
	q = end;
	if (paren && *q++ != ')')
		return 0;
	return n == want && *q == '.' ? (size_t)(q + 1 - p) : 0;
}

void sess_pl_dyn_records(struct pl_run *r, const struct xlat_pl_stmt *st, const char **sql,
			 struct pl_arg **args, int *nargs)
{
	for (size_t i = 0; i < st->nparams; i++) {
		int var = using_record(r, st->params[i]);
		if (var < 0)
			continue;
		const struct pl_val *v = &r->vals[var];
		bool null = !v->assigned || (v->row && !v->filled) || v->null_row;
		struct pl_arg *a =
			arena_alloc(r->scratch, ((size_t)*nargs + v->nfields + 1) * sizeof(*a));
		memcpy(a, *args, (size_t)*nargs * sizeof(*a));
		int first = *nargs; /* field k is $(first + k + 1) */
		for (size_t k = 0; k < v->nfields; k++)
			a[first + (int)k] = (struct pl_arg){null ? NULL : v->texts[k], v->types[k]};
		struct strbuf sb;
		strbuf_init(&sb, 0);
		bool any = false;
		for (const char *p = *sql; *p;) {
			if (*p == '\'' || *p == '"') { /* a literal or quoted name, whole */
				const char *q = p + 1;
				while (*q && (*q != *p || q[1] == *p))
					q += *q == *p ? 2 : 1;
				q += *q != '\0';
				strbuf_append(&sb, p, (size_t)(q - p));
				p = q;
				continue;
			}
			size_t d = p == *sql || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')
					   ? param_dot(p, (int)i + 1)
					   : 0;
			char name[64];
			size_t fl = d && p[d] != '*' ? field_name(p + d, name, sizeof(name)) : 0;
			size_t k = 0;
			while (fl && k < v->nfields && (!v->names[k] || strcmp(v->names[k], name)))
				k++;
			if (d && p[d] == '*') {
				for (size_t f = 0; f < v->nfields; f++)
					strbuf_printf(&sb, "%s$%d", f ? ", " : "",
						      first + (int)f + 1);
				p += d + 1;
				any = true;
			} else if (fl && k < v->nfields) {
				strbuf_printf(&sb, "$%d", first + (int)k + 1);
				p += d + fl;
				any = true;
			} else {
				strbuf_append(&sb, p, 1);
				p++;
			}
		}
		if (any && !sb.failed) {
			*sql = arena_strndup(r->scratch, sb.data, sb.len);
			*args = a;
			*nargs = first + (int)v->nfields;
		}
		strbuf_fini(&sb);
	}
}
