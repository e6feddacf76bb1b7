/* SPDX-License-Identifier: Apache-2.0 */
/* sess_pliter.c: the rows of the PL/pgSQL loops over something other than a query, which the
 * FOR loop of sess_plpgsql.c then walks as it walks a query's — FOREACH: an array's elements
 * in storage order, or its slices of SLICE dimensions, read from the array's text form. */
#include "sess_plpgsql.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pgtype.h"

/* The rows being made: one column, grown in the run's scratch arena. */
struct cells {
	struct pl_run *r;
	const char **v;
	size_t n, cap;
};

static void add(struct cells *c, const char *text)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		const char **v = arena_alloc(c->r->scratch, c->cap * sizeof(*v));
		if (c->n)
			memcpy(v, c->v, c->n * sizeof(*v));
		c->v = v;
	}
	c->v[c->n++] = text;
}

/* One element at p (quoted with backslash escapes, or bare: NULL is the NULL); its end. */
static const char *element(struct cells *c, const char *p)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool quoted = *p == '"';
	if (quoted) {
		for (p++; *p && *p != '"'; p++) {
			p += *p == '\\' && p[1];
			strbuf_append(&sb, p, 1);
		}
		p += *p == '"';
	} else {
		const char *e = p + strcspn(p, ",}");
		while (e > p && isspace((unsigned char)e[-1]))
			e--;
		strbuf_append(&sb, p, (size_t)(e - p));
		p += strcspn(p, ",}");
	}
	bool null = !quoted && sb.len == 4 && strncasecmp(sb.data, "null", 4) == 0;
	add(c, null ? NULL : arena_strndup(c->r->scratch, sb.data ? sb.data : "", sb.len));
	strbuf_fini(&sb);
	return p;
}

/* The elements (slice 0) or the sub-arrays of slice dimensions of array text s whose
 * dimensions are dims. */
static void split(struct cells *c, const char *s, int dims, int slice)
{
	int depth = 0;
	const char *start = s;
	for (const char *p = s; *p;) {
		if (*p == '"' && slice) { /* inside a slice's text: braces in it are no nesting */
			for (p++; *p && *p != '"'; p += (*p == '\\' && p[1]) ? 2 : 1)
				;
			p += *p == '"';
			continue;
		}
		if (!slice && depth == dims && !strchr("{},", *p) && !isspace((unsigned char)*p)) {
			p = element(c, p);
			continue;
		}
		if (*p == '{' && ++depth == dims - slice + 1 && slice)
			start = p;
		if (*p == '}' && depth-- == dims - slice + 1 && slice)
			add(c, arena_strndup(c->r->scratch, start, (size_t)(p + 1 - start)));
		p++;
	}
}

/* The array's element type (0: its text form's, unknown), false when type is no array. */
static bool elem_type(struct pl_run *r, uint32_t type, const char *text, uint32_t *elem)
{
	const struct pgtype_info *t = pgtype_by_oid(type);
	bool array = false;
	const struct catalog_enum *e = t ? NULL : sess_types_enum(r->s, type, &array);
	*elem = t ? t->elem_oid : e && array ? e->oid : 0;
	const struct catalog_relation *row = t || e ? NULL : sess_types_rowarray(r->s, type);
	if (row) /* an array of a row type: its elements are composite values */
		*elem = catalog_rowtype_oid(row->name);
	return *elem || (!type && text[strspn(text, " ")] == '{');
}

/* FOREACH into a record or several variables: 42804 unless the elements are of a row type,
 * as PostgreSQL's exec_move_row. */
static bool element_rows(struct pl_run *r, const struct xlat_pl_stmt *st, uint32_t elem,
			 struct pgerr *err)
{
	if (sess_types_rowtype(r->s, elem))
		return true;
	return pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
			 "cannot assign non-composite value to a %s variable",
			 st->ntargets > 1 || r->vals[st->targets[0]].row ? "row" : "record");
}

bool sess_pl_foreach_assign(struct pl_run *r, const struct xlat_pl_stmt *st,
			    const struct pl_rows *rows, size_t i, struct pgerr *err)
{
	if (st->ntargets == 1 && !r->vals[st->targets[0]].is_record)
		return sess_pl_assign_targets(r, st, rows, i, err);
	const char *text = rows->cells[i];
	if (!text && st->ntargets == 1) { /* a NULL element: the record NULL */
		sess_pl_rec_reset(r, st->targets[0]);
		return true;
	}
	struct pl_rows fields = {0};
	const struct catalog_relation *t = sess_types_rowtype(r->s, rows->types[0]);
	return (!text || sess_pl_composite_row(r, t, text, &fields, err)) &&
	       sess_pl_assign_targets(r, st, &fields, 0, err);
}

bool sess_pl_foreach_rows(struct pl_run *r, const struct xlat_pl_stmt *st, struct pl_rows *out,
			  struct pgerr *err)
{
	const char *text;
	uint32_t type, elem;
	if (!sess_pl_eval(r, st->expr, &text, &type, err))
		return false;
	if (!text)
		return pgerr_set(err, PL_NULL_VALUE_NOT_ALLOWED,
				 "FOREACH expression must not be null");
	if (!elem_type(r, type, text, &elem)) {
		const struct pgtype_info *t = pgtype_by_oid(type);
		return pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
				 "FOREACH expression must yield an array, not type %s",
				 t ? t->sql_name : "unknown");
	}
	const struct pgtype_info *var = pgtype_by_oid(r->decl_types[st->targets[0]]);
	bool fields = st->ntargets > 1 || r->vals[st->targets[0]].is_record;
	if (st->slice > 0 && (fields || !(var && var->elem_oid)))
		return pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
				 "FOREACH ... SLICE loop variable must be of an array type");
	int lb[PGTYPE_ARRAY_MAXDIM], ub[PGTYPE_ARRAY_MAXDIM];
	const char *body = text, *why;
	if (pgtype_array_bounds(text, strlen(text), lb, ub, &body, &why) <= 0)
		body = text + strspn(text, " ");
	int dims = (int)strspn(body, "{");
	dims -= dims == 1 && body[1] == '}'; /* '{}': no dimensions */
	if (st->slice < 0 || st->slice > dims)
		return pgerr_set(err, "2202E",
				 "slice dimension (%d) is out of the valid range 0..%d", st->slice,
				 dims);
	struct cells c = {.r = r};
	if (dims)
		split(&c, body, dims, st->slice);
	*out = (struct pl_rows){.ncols = 1, .nrows = c.n, .cells = c.v};
	out->names = arena_zalloc(r->scratch, sizeof(char *));
	out->types = arena_zalloc(r->scratch, sizeof(uint32_t));
	out->names[0] = "unnest";
	out->types[0] = st->slice ? type : elem;
	return !fields || element_rows(r, st, elem, err);
}

/* ---- cursors: rows read at OPEN, positions as PostgreSQL's portal keeps them ---- */

static struct pl_cursor *find(struct pl_run *r, const char *name)
{
	for (struct pl_cursor *c = r->cursors; c; c = c->next)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* 42P03 (true) when cursor name is open, here or left open by an earlier call. */
static bool in_use(struct pl_run *r, const char *name, struct pgerr *err)
{
	if (!find(r, name) && !sess_cursor_exists(r->s, name))
		return false;
	pgerr_set(err, SQLSTATE_DUPLICATE_CURSOR, "cursor \"%s\" already in use", name);
	return true;
}

/* A query that returns no rows cannot be a cursor's: 42P11 naming its command (it ran: the
 * error undoes it with the block, as if it had not). */
static bool returned_rows(const char *sql, const struct pl_rows *out, struct pgerr *err)
{
	if (out->ncols)
		return true;
	char tag[16];
	size_t n = 0;
	for (sql += strspn(sql, " \t\r\n("); isalpha((unsigned char)*sql) && n + 1 < sizeof(tag);)
		tag[n++] = (char)toupper((unsigned char)*sql++);
	tag[n] = '\0';
	return pgerr_set(err, "42P11", "cannot open %s query as cursor", n ? tag : "empty");
}

/* The rows of cursor variable st->var's query (a bound one's with its arguments, or OPEN's
 * FOR [EXECUTE] query), in r->scratch; scan: with a simply updatable scan's ctid last
 * (r->scan_ctid, sess_plsql.c). */
static bool cursor_rows(struct pl_run *r, const struct xlat_pl_stmt *st, struct pl_rows *out,
			bool scan, struct pgerr *err)
{
	const struct xlat_pl_cursor *c = r->f->vars[st->var].cursor;
	struct pl_arg *args;
	const char *sql;
	if (c->query) {
		if (!sess_pl_eval_args(r, st->params, st->nparams, &args, err))
			return false;
		for (size_t k = 0; k < c->nargs; k++)
			if (!sess_pl_assign(r, c->args[k], args[k].text, args[k].type, err))
				return false;
		r->scan_ctid = scan; /* the query's own run only, not the casts before it */
		return sess_pl_exec_expr(r, c->query, true, out, err) &&
		       returned_rows(c->query->sql, out, err);
	}
	r->scan_ctid = scan && !st->dynamic;
	if (!st->dynamic)
		return sess_pl_exec_expr(r, st->expr, true, out, err) &&
		       returned_rows(st->expr->sql, out, err);
	if (!sess_pl_dyn_sql(r, st, &sql, &args, err))
		return false;
	r->scan_ctid = scan;
	return sess_pl_exec(r, sql, args, (int)st->nparams, true, out, err) &&
	       returned_rows(sql, out, err);
}

/* A tid's text "(block,offset)" as the rowid it stands for (xlat_syscol.c). */
static int64_t tid_rowid(const char *tid)
{
	long long block = 0, offset = 0;
	if (!tid || sscanf(tid, "(%lld,%lld)", &block, &offset) != 2)
		return 0;
	return (int64_t)block * 65536 + offset;
}

/* The rows of c's query (cursor_rows, in r->scratch), with each row's rowid when the query is
 * a simply updatable scan: its last column, the ctid, kept in c->rowids (in c->a) and taken
 * off the rows. */
static bool scan_rows(struct pl_run *r, const struct xlat_pl_stmt *st, struct pl_cursor *c,
		      struct pl_rows *out, struct pgerr *err)
{
	r->scan_table = NULL;
	bool ok = cursor_rows(r, st, out, true, err);
	const char *table = r->scan_table;
	r->scan_ctid = false;
	r->scan_table = NULL;
	if (!ok || !table || out->ncols < 2)
		return ok;
	size_t n = out->ncols - 1;
	const char **cells = arena_alloc(r->scratch, (out->nrows * n + 1) * sizeof(*cells));
	c->rowids = arena_alloc(c->a, (out->nrows + 1) * sizeof(*c->rowids));
	for (size_t i = 0; i < out->nrows; i++) {
		memcpy(cells + i * n, out->cells + i * out->ncols, n * sizeof(*cells));
		c->rowids[i] = tid_rowid(out->cells[i * out->ncols + n]);
	}
	out->cells = cells;
	out->ncols = n;
	c->scan_table = arena_strdup(c->a, table);
	return true;
}

static void cursor_free(struct pl_cursor *c);

bool sess_pl_forc_rows(struct pl_run *r, const struct xlat_pl_stmt *st, struct pl_rows *out,
		       struct pl_cursor **open, struct pgerr *err)
{
	const char *name = r->vals[st->var].text;
	*open = NULL;
	if (name && in_use(r, name, err))
		return false;
	struct pl_cursor *c = base_xcalloc(1, sizeof(*c));
	c->a = arena_new(0);
	if (!scan_rows(r, st, c, out, err)) {
		cursor_free(c);
		return false;
	}
	if (!name) { /* PostgreSQL opens it under its variable's name, or a new one */
		cursor_free(c);
		return true;
	}
	c->name = base_xstrdup(name);
	c->rows = *out; /* the loop's rows, which outlive the loop's cursor */
	c->next = r->cursors;
	r->cursors = c;
	c->loop = true;
	*open = c;
	return true;
}

/* Whether c is one of r's open cursors (the loop's body may have closed it). */
static struct pl_cursor **linked(struct pl_run *r, const struct pl_cursor *c)
{
	struct pl_cursor **at = &r->cursors;
	while (c && *at && *at != c)
		at = &(*at)->next;
	return c && *at ? at : NULL;
}

void sess_pl_forc_at(struct pl_run *r, struct pl_cursor *open, size_t pos)
{
	if (linked(r, open))
		open->pos = pos;
}

void sess_pl_forc_close(struct pl_run *r, struct pl_cursor *open)
{
	struct pl_cursor **at = linked(r, open);
	if (!at)
		return;
	*at = open->next;
	cursor_free(open);
}

/* The cursor variable named name of r's function, -1 when none. */
static int cursor_var(const struct pl_run *r, const char *name)
{
	for (size_t v = 0; v < r->f->nvars; v++)
		if (r->f->vars[v].cursor && r->f->vars[v].name &&
		    strcmp(r->f->vars[v].name, name) == 0)
			return (int)v;
	return -1;
}

bool sess_pl_current_of(struct pl_run *r, const char *name, const char *table,
			sqlite3_context *ctx, const char **portal)
{
	int var = cursor_var(r, name);
	*portal = var >= 0 && r->vals[var].text ? r->vals[var].text : name;
	const struct pl_cursor *c = NULL;
	for (const struct pl_run *run = r; run && !c; run = run->outer)
		for (c = run->cursors; c && strcmp(c->name, *portal) != 0;)
			c = c->next;
	if (!c)
		return false;
	if (!c->scan_table || !table || strcasecmp(c->scan_table, table) != 0)
		pgfn_error(ctx, "24000", "cursor \"%s\" is not a simply updatable scan of table \"%s\"",
			   c->name, table ? table : "");
	else if (c->pos < 1 || c->pos > c->rows.nrows)
		pgfn_error(ctx, "24000", "cursor \"%s\" is not positioned on a row", c->name);
	else
		sqlite3_result_int64(ctx, c->rowids[c->pos - 1]);
	return true;
}

/* The name OPEN gives the cursor: the variable's value, else a new one assigned to it. */
static const char *open_name(struct pl_run *r, int var, struct pgerr *err)
{
	if (r->vals[var].text)
		return r->vals[var].text;
	char name[40];
	/* numbered in the session, as PostgreSQL numbers them in the backend */
	snprintf(name, sizeof(name), "<unnamed portal %u>", ++sess_rare(r->s)->unnamed_portals);
	return sess_pl_assign(r, var, name, PGTYPE_TEXT, err) ? r->vals[var].text : NULL;
}

static void cursor_free(struct pl_cursor *c)
{
	arena_free(c->a);
	free(c->name);
	free(c);
}

static bool cursor_open(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	const char *name = open_name(r, st->var, err);
	if (!name || in_use(r, name, err))
		return false;
	struct pl_cursor *c = base_xcalloc(1, sizeof(*c));
	c->a = arena_new(0);
	c->name = base_xstrdup(name);
	const struct xlat_pl_cursor *decl = r->f->vars[st->var].cursor;
	c->no_scroll = st->no_scroll || decl->no_scroll;
	struct arena *scratch = r->scratch;
	r->scratch = c->a;
	bool ok = scan_rows(r, st, c, &c->rows, err);
	r->scratch = scratch;
	if (!ok) {
		cursor_free(c);
		return false;
	}
	c->next = r->cursors;
	r->cursors = c;
	return true;
}

/* The position FETCH/MOVE st goes to from c's, within 0..nrows+1; *moved the rows it passes
 * (MOVE's FOUND: FORWARD/BACKWARD n counts each row, the others the one landed on). */
static int64_t target(const struct pl_cursor *c, const struct xlat_pl_stmt *st, int64_t count,
		      int64_t *moved)
{
	int64_t n = (int64_t)c->rows.nrows, pos = (int64_t)c->pos, to;
	switch (st->fetch) {
	case XLAT_PL_FETCH_NEXT:
		to = pos + 1;
		break;
	case XLAT_PL_FETCH_PRIOR:
		to = pos - 1;
		break;
	case XLAT_PL_FETCH_FIRST:
		to = 1;
		break;
	case XLAT_PL_FETCH_LAST:
		to = n;
		break;
	case XLAT_PL_FETCH_ABSOLUTE:
		to = count >= 0 ? count : n + 1 + count;
		break;
	case XLAT_PL_FETCH_RELATIVE:
		to = pos + count;
		break;
	case XLAT_PL_FETCH_FORWARD:
		to = st->fetch_all ? n + 1 : pos + count;
		break;
	default:
		to = st->fetch_all ? 0 : pos - count;
		break;
	}
	to = to < 0 ? 0 : to > n + 1 ? n + 1 : to;
	bool walk = st->fetch >= XLAT_PL_FETCH_FORWARD && (st->count || st->fetch_all);
	int64_t lo = to > pos ? pos + 1 : to, hi = to > pos ? to : pos - 1;
	lo = lo < 1 ? 1 : lo;
	hi = hi > n ? n : hi;
	*moved = walk ? (hi >= lo ? hi - lo + 1 : 0) : (to >= 1 && to <= n);
	return to;
}

static bool set_found(struct pl_run *r, bool found, struct pgerr *err)
{
	return sess_pl_assign(r, r->f->found_var, found ? "t" : "f", PGTYPE_BOOL, err);
}

static bool cursor_fetch(struct pl_run *r, const struct xlat_pl_stmt *st, struct pl_cursor *c,
			 struct pgerr *err)
{
	int64_t count = 1, moved;
	if (st->count && !sess_pl_eval_int(r, st->count, "FETCH count", &count, err))
		return false;
	int64_t to = target(c, st, count, &moved);
	if (c->no_scroll && to < (int64_t)c->pos) {
		pgerr_set(err, PL_NOT_ASSIGNED, /* 55000 object_not_in_prerequisite_state */
			  "cursor can only scan forward");
		pgerr_hint(err, "Declare it with SCROLL option to enable backward scan.");
		return false;
	}
	c->pos = (size_t)to;
	r->row_count = (uint64_t)moved;
	if (st->curop == XLAT_PL_FETCH &&
	    !sess_pl_assign_targets(r, st, &c->rows, moved ? (size_t)to - 1 : c->rows.nrows, err))
		return false;
	return set_found(r, moved > 0, err);
}

bool sess_pl_cursor(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	if (st->curop == XLAT_PL_OPEN)
		return cursor_open(r, st, err);
	const char *name = r->vals[st->var].text;
	if (!name)
		return pgerr_set(err, PL_NULL_VALUE_NOT_ALLOWED, "cursor variable \"%s\" is null",
				 r->f->vars[st->var].name);
	struct pl_cursor **at = &r->cursors;
	while (*at && strcmp((*at)->name, name) != 0)
		at = &(*at)->next;
	if (!*at)
		return pgerr_set(err, SQLSTATE_INVALID_CURSOR_NAME, "cursor \"%s\" does not exist",
				 name);
	if (st->curop != XLAT_PL_CLOSE)
		return cursor_fetch(r, st, *at, err);
	struct pl_cursor *c = *at;
	*at = c->next;
	cursor_free(c);
	return true;
}

void sess_pl_cursors_keep(struct pl_run *r)
{
	struct pgerr ignored;
	for (struct pl_cursor *c = r->cursors; c; c = c->next) {
		struct sess_cursor_rows in = {c->name,       c->rows.ncols, c->rows.nrows,
					      c->pos,        c->rows.names, c->rows.types,
					      c->rows.cells, c->no_scroll,  c->scan_table,
					      c->rowids};
		pgerr_clear(&ignored);
		(void)!sess_cursor_adopt(r->s, &in, &ignored); /* else it closes, as before */
	}
	sess_pl_cursors_free(r);
}

void sess_pl_cursors_commit(struct pl_run *r)
{
	for (struct pl_cursor **at = &r->cursors; *at;) {
		struct pl_cursor *c = *at;
		if (c->loop) {
			at = &c->next;
			continue;
		}
		*at = c->next;
		cursor_free(c);
	}
}

void sess_pl_cursors_free(struct pl_run *r)
{
	while (r->cursors) {
		struct pl_cursor *c = r->cursors;
		r->cursors = c->next;
		cursor_free(c);
	}
}

/* ---- var[i] := value, var[i][j] := value: pgfn_array_assign (pgfn_arrayset.c) ---- */

/* *text of type as a value of type to (an assignment's cast), in scratch. */
static bool as_type(struct pl_run *r, const char **text, uint32_t type, uint32_t to,
		    struct pgerr *err)
{
	const struct pgtype_info *t = pgtype_by_oid(to);
	if (!t || sess_pl_is_string(type))
		return !t || sess_pl_io_convert(r, *text, to, -1, text, err);
	struct pl_rows rows;
	struct pl_arg arg = {*text, type};
	if (!sess_pl_exec(r, arena_printf(r->scratch, "SELECT CAST($1 AS %s)", t->sql_name), &arg,
			  1, true, &rows, err))
		return false;
	*text = rows.nrows && rows.ncols ? rows.cells[0] : NULL;
	return true;
}

/* value as array var's element type (by that type's cast), in scratch. */
static bool as_element(struct pl_run *r, int var, const char **text, uint32_t type,
		       struct pgerr *err)
{
	uint32_t elem;
	const char *cur = r->vals[var].text;
	if (!*text || !elem_type(r, r->decl_types[var], cur ? cur : "{}", &elem) || elem == type)
		return true;
	if (!pgtype_by_oid(elem))
		return true; /* an enum's label: checked when the array is assigned */
	if (sess_pl_is_string(elem))
		return sess_pl_io_convert(r, *text, elem, -1, text, err);
	return as_type(r, text, type, elem, err);
}

/* The subscripts st->subscript gives (none without it) as integers, into sub (at most 12);
 * 22004 for a NULL one. */
static bool subscripts(struct pl_run *r, const struct xlat_pl_stmt *st, int64_t *sub, int *nsub,
		       struct pgerr *err)
{
	struct pl_rows subs = {0};
	if (st->subscript && !sess_pl_exec_expr(r, st->subscript, true, &subs, err))
		return false;
	*nsub = (int)subs.ncols; /* a[i][j]: SELECT i, j */
	for (int d = 0; d < *nsub && d < 12; d++) {
		if (!subs.nrows || !subs.cells[d])
			return pgerr_set(err, PL_NULL_VALUE_NOT_ALLOWED,
					 "array subscript in assignment must not be null");
		if (!sess_pl_int_of(r, subs.cells[d], subs.types ? subs.types[d] : 0, &sub[d], err))
			return false;
	}
	return true;
}

bool sess_pl_assign_element(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	const char *value, *text, *cur = r->vals[st->var].text;
	uint32_t type, decl = r->decl_types[st->var];
	int64_t sub[12];
	int nsub;
	if (!subscripts(r, st, sub, &nsub, err) || !sess_pl_eval(r, st->expr, &value, &type, err))
		return false;
	if (st->slice_spec) { /* the source as a value of the array's type */
		if (value && type != decl && !as_type(r, &value, type, decl, err))
			return false;
		if (!pgfn_array_assign_slice(r->scratch, cur, value, st->slice_spec, sub, &text,
					     err))
			return false;
	} else if (!as_element(r, st->var, &value, type, err) ||
		   !pgfn_array_assign(r->scratch, cur, value, sub, nsub > 6 ? 7 : nsub, &text,
				      err)) {
		return false;
	}
	return sess_pl_assign(r, st->var, text, decl, err);
}
