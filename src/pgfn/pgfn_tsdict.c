/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tsdict.c: the text search configurations simple and english — which dictionary each
 * token type goes through, the dictionaries themselves (simple: lower case; english_stem:
 * lower case, PostgreSQL's English stop words, then the Snowball English stemmer from
 * libstemmer, the library PostgreSQL's own stemmers are generated from) — parsetext and
 * ts_lexize. */
#include "pgfn_int.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

/* PostgreSQL 15's src/backend/snowball/stopwords/english.stop (from the Snowball project),
 * sorted for bsearch. Portions Copyright (c) 1996-2022, PostgreSQL Global Development Group,
 * distributed under the PostgreSQL License. The one list of stop words. */
static const char *const english_stop[] = {
	"a",      "about",  "above", "after", "again",   "against",   "all",        "am",
	"an",     "and",    "any",   "are",   "as",      "at",        "be",         "because",
	"been",   "before", "being", "below", "between", "both",      "but",        "by",
	"can",    "did",    "do",    "does",  "doing",   "don",       "down",       "during",
	"each",   "few",    "for",   "from",  "further", "had",       "has",        "have",
	"having", "he",     "her",   "here",  "hers",    "herself",   "him",        "himself",
	"his",    "how",    "i",     "if",    "in",      "into",      "is",         "it",
	"its",    "itself", "just",  "me",    "more",    "most",      "my",         "myself",
	"no",     "nor",    "not",   "now",   "of",      "off",       "on",         "once",
	"only",   "or",     "other", "our",   "ours",    "ourselves", "out",        "over",
	"own",    "s",      "same",  "she",   "should",  "so",        "some",       "such",
	"t",      "than",   "that",  "the",   "their",   "theirs",    "them",       "themselves",
	"then",   "there",  "these", "they",  "this",    "those",     "through",    "to",
	"too",    "under",  "until", "up",    "very",    "was",       "we",         "were",
	"what",   "when",   "where", "which", "while",   "who",       "whom",       "why",
	"will",   "with",   "you",   "your",  "yours",   "yourself",  "yourselves",
};

static int cmp_word(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static bool is_stop(const char *w)
{
	return bsearch(w, english_stop, ARRAY_LEN(english_stop), sizeof(english_stop[0]),
		       cmp_word) != NULL;
}

/* PostgreSQL's configurations: the two built here, then those it ships that are not. */
static const char *const built[] = {"simple", "english"};
static const char *const missing[] = {
	"arabic",  "armenian",   "basque",  "catalan",   "danish",     "dutch",      "finnish",
	"french",  "german",     "greek",   "hindi",     "hungarian",  "indonesian", "irish",
	"italian", "lithuanian", "nepali",  "norwegian", "portuguese", "romanian",   "russian",
	"serbian", "spanish",    "swedish", "tamil",     "turkish",    "yiddish",
};

bool pgfn_ts_config(const char *name, enum pgfn_ts_cfg *out, struct pgerr *err)
{
	const char *n = name;
	if (strncmp(n, "pg_catalog.", 11) == 0)
		n += 11;
	for (size_t i = 0; i < ARRAY_LEN(built); i++) {
		if (strcmp(n, built[i]) == 0) {
			*out = (enum pgfn_ts_cfg)i;
			return true;
		}
	}
	for (size_t i = 0; i < ARRAY_LEN(missing); i++) {
		if (strcmp(n, missing[i]) == 0)
			return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "text search configuration \"%s\" is not supported (only "
					 "simple and english are built in)",
					 name);
	}
	return pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
			 "text search configuration \"%s\" does not exist", name);
}

enum dict { D_NONE, D_SIMPLE, D_STEM };

/* The mappings of PostgreSQL's simple and english configurations: tags, entities, protocols
 * and blanks have none; english stems the word types and keeps the rest as simple does. */
static enum dict dict_for(enum pgfn_ts_cfg cfg, enum pgfn_ts_tok t)
{
	switch (t) {
	case PGFN_TS_BLANK:
	case PGFN_TS_TAG:
	case PGFN_TS_PROTOCOL:
	case PGFN_TS_ENTITY:
		return D_NONE;
	case PGFN_TS_ASCIIWORD:
	case PGFN_TS_WORD:
	case PGFN_TS_ASCIIHWORD:
	case PGFN_TS_HWORD:
	case PGFN_TS_HWORD_PART:
	case PGFN_TS_HWORD_ASCIIPART:
		return cfg == PGFN_TS_ENGLISH ? D_STEM : D_SIMPLE;
	default:
		return D_SIMPLE;
	}
}

struct parse_state {
	struct arena *a;
	struct pgfn_tsparsed *out;
	struct pgfn_tslexizer lx;
};

static void add_word(struct parse_state *ps, const char *s, size_t n)
{
	struct pgfn_tsparsed *o = ps->out;
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 32;
		struct pgfn_tsword *nw = arena_alloc(ps->a, cap * sizeof(*nw));
		if (o->n)
			memcpy(nw, o->w, o->n * sizeof(*nw));
		o->w = nw;
		o->cap = cap;
	}
	o->w[o->n++] = (struct pgfn_tsword){arena_strndup(ps->a, s, n), (uint32_t)n, o->pos, 0};
}

/* The C locale's lower case: ASCII letters only (towlower leaves other characters alone). */
static void lower(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_reset(sb);
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		strbuf_putc(sb, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
	}
	strbuf_putc(sb, '\0');
	sb->len--;
}

const char *pgfn_ts_dict_name(enum pgfn_ts_cfg cfg, enum pgfn_ts_tok t)
{
	enum dict d = dict_for(cfg, t);
	return d == D_NONE ? NULL : d == D_STEM ? "english_stem" : "simple";
}

void pgfn_ts_lexizer_init(struct pgfn_tslexizer *lx, enum pgfn_ts_cfg cfg)
{
	lx->cfg = cfg;
	lx->stem = NULL;
	strbuf_init(&lx->buf, 0);
}

void pgfn_ts_lexizer_fini(struct pgfn_tslexizer *lx)
{
	strbuf_fini(&lx->buf);
	if (lx->stem)
		sb_stemmer_delete(lx->stem);
}

int pgfn_ts_lexize(struct pgfn_tslexizer *lx, enum pgfn_ts_tok t, const char *s, size_t n,
		   const char **out, size_t *outn)
{
	enum dict d = dict_for(lx->cfg, t);
	if (d == D_NONE)
		return -1;
	lower(&lx->buf, s, n);
	*out = lx->buf.data;
	*outn = lx->buf.len;
	if (lx->buf.len == 0)
		return 0;
	if (d == D_SIMPLE)
		return 1;
	if (is_stop(lx->buf.data))
		return 0;
	if (!lx->stem)
		lx->stem = sb_stemmer_new("english", "UTF_8");
	const sb_symbol *r = lx->stem ? sb_stemmer_stem(lx->stem, (const sb_symbol *)lx->buf.data,
							(int)lx->buf.len)
				      : NULL;
	if (r) {
		*out = (const char *)r;
		*outn = (size_t)sb_stemmer_length(lx->stem);
	}
	return 1;
}

static void on_token(void *arg, enum pgfn_ts_tok t, const char *s, size_t n)
{
	struct parse_state *ps = arg;
	if (dict_for(ps->lx.cfg, t) == D_NONE)
		return;
	if (n > PGTYPE_TS_MAXWORD) /* PostgreSQL: NOTICE "word is too long to be indexed" */
		return;
	ps->out->pos++;
	if (ps->out->pos > PGTYPE_TS_MAXPOS)
		ps->out->pos = PGTYPE_TS_MAXPOS;
	const char *lex;
	size_t len;
	if (pgfn_ts_lexize(&ps->lx, t, s, n, &lex, &len) == 1)
		add_word(ps, lex, len);
}

void pgfn_ts_parsetext(enum pgfn_ts_cfg cfg, const char *s, size_t n, struct arena *a,
		       struct pgfn_tsparsed *out)
{
	struct parse_state ps = {a, out, {0}};
	pgfn_ts_lexizer_init(&ps.lx, cfg);
	pgfn_ts_lex(s, n, on_token, &ps);
	pgfn_ts_lexizer_fini(&ps.lx);
}

/* ---- ts_lexize ---- */

/* A dictionary by name as regdictionary reads it: simple and english_stem are built; the
 * other Snowball stemmers PostgreSQL ships are 0A000, any other name 42704. */
static bool dict_by_name(const char *name, enum pgfn_ts_cfg *cfg, struct pgerr *err)
{
	const char *n = strncmp(name, "pg_catalog.", 11) == 0 ? name + 11 : name;
	if (strcmp(n, "simple") == 0 || strcmp(n, "english_stem") == 0) {
		*cfg = n[0] == 's' ? PGFN_TS_SIMPLE : PGFN_TS_ENGLISH;
		return true;
	}
	size_t len = strlen(n);
	for (size_t i = 0; i < ARRAY_LEN(missing); i++) {
		size_t ml = strlen(missing[i]);
		if (len == ml + 5 && strncmp(n, missing[i], ml) == 0 &&
		    strcmp(n + ml, "_stem") == 0)
			return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "text search dictionary \"%s\" is not supported (only "
					 "simple and english_stem are built in)",
					 name);
	}
	return pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
			 "text search dictionary \"%s\" does not exist", name);
}

/* pgfn_ts_lexize(dictionary, token): the token through one dictionary, as text[] ({} for a
 * stop word); a word is what both dictionaries take, so the token is read as one. */
static void fn_lexize(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (pgfn_any_null(ctx, 2, argv))
		return;
	enum pgfn_ts_cfg cfg = PGFN_TS_SIMPLE;
	struct pgerr err;
	pgerr_clear(&err);
	if (!dict_by_name((const char *)sqlite3_value_text(argv[0]), &cfg, &err)) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		return;
	}
	size_t n;
	const char *s = pgfn_text(argv[1], &n), *lex;
	size_t len;
	struct pgfn_tslexizer lx;
	pgfn_ts_lexizer_init(&lx, cfg);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	if (pgfn_ts_lexize(&lx, PGFN_TS_ASCIIWORD, s, n, &lex, &len) == 1) {
		char *e = strndup(lex, len);
		if (e)
			pgfn_array_put_elem(&sb, e);
		free(e);
	}
	strbuf_putc(&sb, '}');
	pgfn_ts_lexizer_fini(&lx);
	pgfn_result_sb(ctx, &sb, false);
}

static const struct pgfn_def fns[] = {
	{"pgfn_ts_lexize", 2, fn_lexize},
};

int pgfn_register_tsdict(sqlite3 *db) { return pgfn_define(db, fns, ARRAY_LEN(fns)); }
