/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tsunnest.c: unnest(tsvector) — each lexeme with its positions (int2[]) and weights
 * (text[]), both NULL for a lexeme stored without positions. pgfn_ts_unnest(v) is the FROM
 * form (a table-valued function of the SRF engine, pgfn_srf.c); pgfn_ts_unnest_rows(v) the
 * same rows as an array of their record_out texts, which unnest(tsvector) in a select list
 * unnests. */
#include "pgfn_int.h"

#include <string.h>

#define WEP_WEIGHT(p) ((p) >> 14)
#define WEP_POS(p) ((p)&0x3fff)

/* The positions and weights of l as array texts (in a); NULL both when it has none. */
static void lexeme_arrays(const struct pgtype_tslex *l, struct arena *a, const char **pos,
			  const char **weights)
{
	*pos = *weights = NULL;
	if (!l->npos)
		return;
	struct strbuf p, w;
	strbuf_init(&p, 0);
	strbuf_init(&w, 0);
	for (uint16_t k = 0; k < l->npos; k++) {
		strbuf_printf(&p, "%c%d", k ? ',' : '{', WEP_POS(l->pos[k]));
		strbuf_printf(&w, "%c%c", k ? ',' : '{', "DCBA"[WEP_WEIGHT(l->pos[k])]);
	}
	strbuf_putc(&p, '}');
	strbuf_putc(&w, '}');
	*pos = arena_strndup(a, p.data, p.len);
	*weights = arena_strndup(a, w.data, w.len);
	strbuf_fini(&p);
	strbuf_fini(&w);
}

static bool start_unnest(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	s->nrows = 0;
	s->cells = arena_zalloc(s->a, sizeof(*s->cells));
	if (!args[0] || sqlite3_value_type(args[0]) == SQLITE_NULL) /* strict: no rows */
		return true;
	struct pgtype_tsvector v;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_tsvector_parse((const char *)sqlite3_value_text(args[0]),
				   (size_t)sqlite3_value_bytes(args[0]), s->a, &v, &err))
		return pgfn_srf_fail(s, err.sqlstate, "%s", err.message);
	s->cells = arena_zalloc(s->a, (v.n * 3 + 1) * sizeof(*s->cells));
	for (size_t i = 0; i < v.n; i++) {
		const char **row = s->cells + i * 3;
		row[0] = arena_strndup(s->a, v.lex[i].s, v.lex[i].n);
		lexeme_arrays(&v.lex[i], s->a, &row[1], &row[2]);
	}
	s->nrows = v.n;
	return true;
}

/* pgfn_ts_unnest_rows(v): '{"(a,{1},{D})",...}', each row as record_out writes it. */
static void fn_unnest_rows(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgtype_tsvector v;
	if (pgfn_ts_read_vector(ctx, argv[0], a, &v)) {
		struct strbuf sb, row;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '{');
		for (size_t i = 0; i < v.n; i++) {
			const char *pos, *weights;
			lexeme_arrays(&v.lex[i], a, &pos, &weights);
			strbuf_init(&row, 0);
			strbuf_putc(&row, '(');
			pgtype_record_put_field(&row, v.lex[i].s, v.lex[i].n);
			strbuf_putc(&row, ',');
			pgtype_record_put_field(&row, pos, pos ? strlen(pos) : 0);
			strbuf_putc(&row, ',');
			pgtype_record_put_field(&row, weights, weights ? strlen(weights) : 0);
			strbuf_putc(&row, ')');
			strbuf_puts(&sb, i ? "," : "");
			pgfn_array_put_elem(&sb, arena_strndup(a, row.data, row.len));
			strbuf_fini(&row);
		}
		strbuf_putc(&sb, '}');
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

static const struct pgfn_srf_def defs[] = {
	{"pgfn_ts_unnest", "lexeme text, positions int2[], weights text[]", 3, 1, start_unnest,
	 NULL, NULL},
};

static const struct pgfn_def fns[] = {{"pgfn_ts_unnest_rows", 1, fn_unnest_rows}};

int pgfn_register_tsunnest(sqlite3 *db)
{
	int rc = pgfn_srf_define(db, defs, ARRAY_LEN(defs), NULL);
	return rc != SQLITE_OK ? rc : pgfn_define(db, fns, ARRAY_LEN(fns));
}
