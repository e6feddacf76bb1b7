/* SPDX-License-Identifier: Apache-2.0 */
/* sess_pliter.c: the rows of the PL/pgSQL loops over something other than a query, which the
 * FOR loop of sess_plpgsql.c then walks as it walks a query's — FOREACH: an array's elements
 * in storage order, or its slices of SLICE dimensions, read from the array's text form. */
#include "sess_plpgsql.h"

#include <ctype.h>
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
	return *elem || (!type && text[strspn(text, " ")] == '{');
}

bool sess_pl_foreach_rows(struct pl_run *r, const struct xlat_pl_stmt *st, struct pl_rows *out,
			  struct pgerr *err)
{
	const char *text;
	uint32_t type, elem;
	if (!sess_pl_eval(r, st->expr, &text, &type, err))
		return false;
	if (!text)
		return pgerr_set(err, PL_NULL_VALUE_NOT_ALLOWED, "FOREACH expression must not be null");
	if (!elem_type(r, type, text, &elem)) {
		const struct pgtype_info *t = pgtype_by_oid(type);
		return pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
				 "FOREACH expression must yield an array, not type %s",
				 t ? t->sql_name : "unknown");
	}
	const struct pgtype_info *var = pgtype_by_oid(r->decl_types[st->targets[0]]);
	if (st->slice > 0 && !(var && var->elem_oid))
		return pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
				 "FOREACH ... SLICE loop variable must be of an array type");
	int lb[PGTYPE_ARRAY_MAXDIM], ub[PGTYPE_ARRAY_MAXDIM];
	const char *body = text, *why;
	if (pgtype_array_bounds(text, strlen(text), lb, ub, &body, &why) <= 0)
		body = text + strspn(text, " ");
	int dims = (int)strspn(body, "{");
	dims -= dims == 1 && body[1] == '}'; /* '{}': no dimensions */
	if (st->slice < 0 || st->slice > dims)
		return pgerr_set(err, "2202E", "slice dimension (%d) is out of the valid range 0..%d",
				 st->slice, dims);
	struct cells c = {.r = r};
	if (dims)
		split(&c, body, dims, st->slice);
	*out = (struct pl_rows){.ncols = 1, .nrows = c.n, .cells = c.v};
	out->names = arena_zalloc(r->scratch, sizeof(char *));
	out->types = arena_zalloc(r->scratch, sizeof(uint32_t));
	out->names[0] = "unnest";
	out->types[0] = st->slice ? type : elem;
	return true;
}
