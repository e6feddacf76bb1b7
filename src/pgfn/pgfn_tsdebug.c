/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tsdebug.c: the default text search parser seen from SQL — ts_token_type(parser) (its
 * token types: number, alias, description), ts_parse(parser, text) (the tokens of a text) and
 * ts_debug(config, text) (each token with its dictionaries and lexemes), as table-valued
 * functions of the SRF engine (pgfn_srf.c). The parser is pgfn_tsparse.c's. */
#include "pgfn_int.h"

#include <stdio.h>
#include <string.h>

/* ts_token_type('default'): PostgreSQL's token type numbers (the row's place, from 1), the
 * parser's type for each, alias and description. The one table of these names. */
static const struct {
	enum pgfn_ts_tok tok;
	const char *alias, *descr;
} tok_names[] = {
	{PGFN_TS_ASCIIWORD, "asciiword", "Word, all ASCII"},
	{PGFN_TS_WORD, "word", "Word, all letters"},
	{PGFN_TS_NUMWORD, "numword", "Word, letters and digits"},
	{PGFN_TS_EMAIL, "email", "Email address"},
	{PGFN_TS_URL, "url", "URL"},
	{PGFN_TS_HOST, "host", "Host"},
	{PGFN_TS_SFLOAT, "sfloat", "Scientific notation"},
	{PGFN_TS_VERSION, "version", "Version number"},
	{PGFN_TS_HWORD_NUMPART, "hword_numpart", "Hyphenated word part, letters and digits"},
	{PGFN_TS_HWORD_PART, "hword_part", "Hyphenated word part, all letters"},
	{PGFN_TS_HWORD_ASCIIPART, "hword_asciipart", "Hyphenated word part, all ASCII"},
	{PGFN_TS_BLANK, "blank", "Space symbols"},
	{PGFN_TS_TAG, "tag", "XML tag"},
	{PGFN_TS_PROTOCOL, "protocol", "Protocol head"},
	{PGFN_TS_NUMHWORD, "numhword", "Hyphenated word, letters and digits"},
	{PGFN_TS_ASCIIHWORD, "asciihword", "Hyphenated word, all ASCII"},
	{PGFN_TS_HWORD, "hword", "Hyphenated word, all letters"},
	{PGFN_TS_URL_PATH, "url_path", "URL path"},
	{PGFN_TS_FILE, "file", "File or path name"},
	{PGFN_TS_FLOAT, "float", "Decimal notation"},
	{PGFN_TS_INT, "int", "Signed integer"},
	{PGFN_TS_UINT, "uint", "Unsigned integer"},
	{PGFN_TS_ENTITY, "entity", "XML entity"},
};

static size_t tokid(enum pgfn_ts_tok t)
{
	for (size_t i = 0; i < ARRAY_LEN(tok_names); i++) {
		if (tok_names[i].tok == t)
			return i + 1;
	}
	return 0;
}

/* The parser argument: its name ("default", "pg_catalog.default") or OID (3722). */
static bool parser_arg(struct pgfn_srf_scan *s, sqlite3_value *v)
{
	const char *p = v ? (const char *)sqlite3_value_text(v) : NULL;
	if (!p)
		return false;
	if (strcmp(p, "default") == 0 || strcmp(p, "pg_catalog.default") == 0 ||
	    strcmp(p, "3722") == 0)
		return true;
	if (sqlite3_value_type(v) == SQLITE_INTEGER)
		return pgfn_srf_fail(s, "42704", "cache lookup failed for text search parser %s",
				     p);
	return pgfn_srf_fail(s, "42704", "text search parser \"%s\" does not exist", p);
}

static bool start_token_type(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (!parser_arg(s, args[0]))
		return false;
	s->nrows = ARRAY_LEN(tok_names);
	s->cells = arena_zalloc(s->a, (s->nrows * 3 + 1) * sizeof(*s->cells));
	for (size_t i = 0; i < s->nrows; i++) {
		s->cells[i * 3] = arena_printf(s->a, "%zu", i + 1);
		s->cells[i * 3 + 1] = tok_names[i].alias;
		s->cells[i * 3 + 2] = tok_names[i].descr;
	}
	s->int_cols = 1;
	return true;
}

struct parse_rows {
	struct pgfn_srf_scan *s;
	size_t cap;
};

static void on_token(void *arg, enum pgfn_ts_tok t, const char *tok, size_t n)
{
	struct parse_rows *r = arg;
	struct pgfn_srf_scan *s = r->s;
	if (s->nrows == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 32;
		const char **nc = arena_zalloc(s->a, (cap * 2 + 1) * sizeof(*nc));
		if (s->nrows)
			memcpy(nc, s->cells, s->nrows * 2 * sizeof(*nc));
		s->cells = nc;
		r->cap = cap;
	}
	s->cells[s->nrows * 2] = arena_printf(s->a, "%zu", tokid(t));
	s->cells[s->nrows * 2 + 1] = arena_strndup(s->a, tok, n);
	s->nrows++;
}

static bool start_parse(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (!parser_arg(s, args[0]))
		return false;
	const char *txt = args[1] ? (const char *)sqlite3_value_text(args[1]) : NULL;
	struct parse_rows r = {s, 0};
	s->nrows = 0;
	s->cells = arena_zalloc(s->a, sizeof(*s->cells));
	if (txt)
		pgfn_ts_lex(txt, (size_t)sqlite3_value_bytes(args[1]), on_token, &r);
	s->int_cols = 1;
	return true;
}

struct debug_rows {
	struct pgfn_srf_scan *s;
	size_t cap;
	struct pgfn_tslexizer lx;
};

/* One row of ts_debug: alias, description, token, dictionaries, dictionary, lexemes. */
static void on_debug_token(void *arg, enum pgfn_ts_tok t, const char *tok, size_t n)
{
	struct debug_rows *r = arg;
	struct pgfn_srf_scan *s = r->s;
	if (s->nrows == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 32;
		const char **nc = arena_zalloc(s->a, (cap * 6 + 1) * sizeof(*nc));
		if (s->nrows)
			memcpy(nc, s->cells, s->nrows * 6 * sizeof(*nc));
		s->cells = nc;
		r->cap = cap;
	}
	const char **row = s->cells + s->nrows * 6;
	size_t id = tokid(t);
	row[0] = id ? tok_names[id - 1].alias : "";
	row[1] = id ? tok_names[id - 1].descr : "";
	row[2] = arena_strndup(s->a, tok, n);
	const char *dict = pgfn_ts_dict_name(r->lx.cfg, t), *lex;
	size_t len;
	row[3] = dict ? arena_printf(s->a, "{%s}", dict) : "{}";
	row[4] = dict;
	row[5] = NULL;
	if (dict) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '{');
		if (pgfn_ts_lexize(&r->lx, t, tok, n, &lex, &len) == 1)
			pgfn_array_put_elem(&sb, arena_strndup(s->a, lex, len));
		strbuf_putc(&sb, '}');
		row[5] = arena_strndup(s->a, sb.data, sb.len);
		strbuf_fini(&sb);
	}
	s->nrows++;
}

static bool start_debug(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	const char *name = args[0] ? (const char *)sqlite3_value_text(args[0]) : NULL;
	const char *txt = args[1] ? (const char *)sqlite3_value_text(args[1]) : NULL;
	enum pgfn_ts_cfg cfg = PGFN_TS_SIMPLE;
	struct pgerr err;
	pgerr_clear(&err);
	s->nrows = 0;
	s->cells = arena_zalloc(s->a, sizeof(*s->cells));
	if (!name || !txt) /* strict: no rows */
		return true;
	if (!pgfn_ts_config(name, &cfg, &err))
		return pgfn_srf_fail(s, err.sqlstate, "%s", err.message);
	struct debug_rows r = {s, 0, {0}};
	pgfn_ts_lexizer_init(&r.lx, cfg);
	pgfn_ts_lex(txt, (size_t)sqlite3_value_bytes(args[1]), on_debug_token, &r);
	pgfn_ts_lexizer_fini(&r.lx);
	return true;
}

static const struct pgfn_srf_def defs[] = {
	{"pgfn_ts_debug",
	 "alias text, description text, token text, dictionaries regdictionary[], dictionary "
	 "regdictionary, lexemes text[]",
	 6, 2, start_debug, NULL, NULL},
	{"pgfn_ts_token_type", "tokid int4, alias text, description text", 3, 1, start_token_type,
	 NULL, NULL},
	{"pgfn_ts_parse", "tokid int4, token text", 2, 2, start_parse, NULL, NULL},
};

int pgfn_register_tsdebug(sqlite3 *db) { return pgfn_srf_define(db, defs, ARRAY_LEN(defs), NULL); }
