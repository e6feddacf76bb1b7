/* SPDX-License-Identifier: Apache-2.0 */
/* copy_opts.c: COPY's option list, read, defaulted and checked in the order and with the
 * messages of PostgreSQL 15's ProcessCopyOptions, and the FORCE_* column lists resolved
 * against the COPY's columns. */
#include "copy.h"

#include <string.h>
#include <strings.h>

#define REDUNDANT "conflicting or redundant options"

/* defGetBoolean: no argument is true; 1/0, true/false, on/off, yes/no (any case). */
static bool boolean(const struct copy_option *d, bool *out, bool allow_match, bool *match,
		    struct pgerr *err)
{
	if (d->kind == COPY_ARG_NONE) {
		*out = true;
		return true;
	}
	const char *v = d->kind == COPY_ARG_STRING ? d->value : "";
	if (strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0 || strcasecmp(v, "on") == 0 ||
	    strcasecmp(v, "yes") == 0) {
		*out = true;
		return true;
	}
	if (strcmp(v, "0") == 0 || strcasecmp(v, "false") == 0 || strcasecmp(v, "off") == 0 ||
	    strcasecmp(v, "no") == 0) {
		*out = false;
		return true;
	}
	if (allow_match && strcasecmp(v, "match") == 0) {
		*out = *match = true;
		return true;
	}
	if (allow_match)
		return pgerr_set(err, SQLSTATE_SYNTAX_ERROR,
				 "%s requires a Boolean value or \"match\"", d->name);
	return pgerr_set(err, SQLSTATE_SYNTAX_ERROR, "%s requires a Boolean value", d->name);
}

static bool string(const struct copy_option *d, const char **out, struct pgerr *err)
{
	if (d->kind != COPY_ARG_STRING)
		return pgerr_set(err, SQLSTATE_SYNTAX_ERROR, "%s requires a parameter", d->name);
	*out = d->value;
	return true;
}

static bool column_list(const struct copy_option *d, bool star_ok, bool *star,
			const char *const **names, size_t *n, struct pgerr *err)
{
	if (star_ok && d->kind == COPY_ARG_STAR) {
		*star = true;
		return true;
	}
	if (d->kind != COPY_ARG_LIST)
		return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "argument to option \"%s\" must be a list of column names",
				 d->name);
	*names = d->list;
	*n = d->nlist;
	return true;
}

/* Data crosses the wire in the client encoding, always UTF8 here: the other encodings
 * PostgreSQL knows (base_encoding.c) are refused, unknown names are 22023 as in PostgreSQL.
 * SQL_ASCII is PostgreSQL's "no conversion": the bytes pass as they are and COPY FROM still
 * checks them against the server encoding (UTF8), which is what UTF8 does here. */
static bool encoding(const char *name, struct pgerr *err)
{
	int enc = base_encoding_from_name(name);
	if (enc == BASE_ENC_UTF8 || enc == BASE_ENC_SQL_ASCII)
		return true;
	if (enc >= 0)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "COPY ENCODING other than UTF8 is not supported");
	return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
			 "argument to option \"encoding\" must be a valid encoding name");
}

/* Raw option values before defaults: NULL means "not given". */
struct given {
	const char *format, *delim, *null_str, *quote, *escape, *encoding;
	bool header_seen, freeze_seen, fq_seen, fnn_seen, fn_seen;
};

static bool one(struct copy_opts *o, struct given *g, const struct copy_option *d,
		struct pgerr *err)
{
	const char *n = d->name;
#define ONCE(flag)                                                               \
	do {                                                                     \
		if (flag)                                                        \
			return pgerr_set(err, SQLSTATE_SYNTAX_ERROR, REDUNDANT); \
	} while (0)
	if (strcmp(n, "format") == 0) {
		ONCE(g->format);
		return string(d, &g->format, err);
	}
	if (strcmp(n, "freeze") == 0) {
		ONCE(g->freeze_seen);
		g->freeze_seen = true;
		return boolean(d, &o->freeze, false, NULL, err);
	}
	if (strcmp(n, "delimiter") == 0) {
		ONCE(g->delim);
		return string(d, &g->delim, err);
	}
	if (strcmp(n, "null") == 0) {
		ONCE(g->null_str);
		return string(d, &g->null_str, err);
	}
	if (strcmp(n, "header") == 0) {
		ONCE(g->header_seen);
		g->header_seen = true;
		return boolean(d, &o->header, true, &o->header_match, err);
	}
	if (strcmp(n, "quote") == 0) {
		ONCE(g->quote);
		return string(d, &g->quote, err);
	}
	if (strcmp(n, "escape") == 0) {
		ONCE(g->escape);
		return string(d, &g->escape, err);
	}
	if (strcmp(n, "force_quote") == 0) {
		ONCE(g->fq_seen);
		g->fq_seen = true;
		return column_list(d, true, &o->force_quote_all, &o->force_quote_names,
				   &o->nforce_quote, err);
	}
	if (strcmp(n, "force_not_null") == 0) {
		ONCE(g->fnn_seen);
		g->fnn_seen = true;
		return column_list(d, false, NULL, &o->force_not_null_names, &o->nforce_not_null,
				   err);
	}
	if (strcmp(n, "force_null") == 0) {
		ONCE(g->fn_seen);
		g->fn_seen = true;
		return column_list(d, false, NULL, &o->force_null_names, &o->nforce_null, err);
	}
	if (strcmp(n, "encoding") == 0) {
		ONCE(g->encoding);
		if (!string(d, &g->encoding, err))
			return false;
		return encoding(g->encoding, err);
	}
#undef ONCE
	return pgerr_set(err, SQLSTATE_SYNTAX_ERROR, "option \"%s\" not recognized", n);
}

static bool format(struct copy_opts *o, const char *f, struct pgerr *err)
{
	if (!f || strcmp(f, "text") == 0)
		o->format = COPY_FORMAT_TEXT;
	else if (strcmp(f, "csv") == 0)
		o->format = COPY_FORMAT_CSV;
	else if (strcmp(f, "binary") == 0)
		o->format = COPY_FORMAT_BINARY;
	else
		return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "COPY format \"%s\" not recognized", f);
	return true;
}

#define NOT_SUPPORTED(...) pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED, __VA_ARGS__)
#define BAD_VALUE(...) pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE, __VA_ARGS__)

/* The delimiter and NULL string checks, after defaults are in place. */
static bool check_delim_null(struct copy_opts *o, const char *delim, struct pgerr *err)
{
	bool csv = o->format == COPY_FORMAT_CSV;
	if (strlen(delim) != 1)
		return NOT_SUPPORTED("COPY delimiter must be a single one-byte character");
	if (delim[0] == '\r' || delim[0] == '\n')
		return BAD_VALUE("COPY delimiter cannot be newline or carriage return");
	if (strchr(o->null_str, '\r') || strchr(o->null_str, '\n'))
		return BAD_VALUE("COPY null representation cannot use newline or carriage return");
	if (!csv && strchr("\\.abcdefghijklmnopqrstuvwxyz0123456789", delim[0]))
		return BAD_VALUE("COPY delimiter cannot be \"%s\"", delim);
	o->delim = delim[0];
	return true;
}

static bool check_csv(struct copy_opts *o, const struct given *g, struct pgerr *err)
{
	bool csv = o->format == COPY_FORMAT_CSV;
	if (o->format == COPY_FORMAT_BINARY && o->header)
		return NOT_SUPPORTED("cannot specify HEADER in BINARY mode");
	if (o->header_match && !o->from)
		return NOT_SUPPORTED("cannot use \"%s\" with HEADER in COPY TO", "match");
	if (!csv && g->quote)
		return NOT_SUPPORTED("COPY quote available only in CSV mode");
	const char *quote = g->quote ? g->quote : "\"";
	const char *escape = g->escape ? g->escape : quote;
	if (csv && strlen(quote) != 1)
		return NOT_SUPPORTED("COPY quote must be a single one-byte character");
	if (csv && o->delim == quote[0])
		return BAD_VALUE("COPY delimiter and quote must be different");
	if (!csv && g->escape)
		return NOT_SUPPORTED("COPY escape available only in CSV mode");
	if (csv && strlen(escape) != 1)
		return NOT_SUPPORTED("COPY escape must be a single one-byte character");
	o->quote = csv ? quote[0] : 0;
	o->escape = csv ? escape[0] : 0;
	return true;
}

static bool check_force(struct copy_opts *o, const struct given *g, struct pgerr *err)
{
	bool csv = o->format == COPY_FORMAT_CSV;
	if (!csv && g->fq_seen)
		return NOT_SUPPORTED("COPY force quote available only in CSV mode");
	if (g->fq_seen && o->from)
		return NOT_SUPPORTED("COPY force quote only available using COPY TO");
	if (!csv && g->fnn_seen)
		return NOT_SUPPORTED("COPY force not null available only in CSV mode");
	if (g->fnn_seen && !o->from)
		return NOT_SUPPORTED("COPY force not null only available using COPY FROM");
	if (!csv && g->fn_seen)
		return NOT_SUPPORTED("COPY force null available only in CSV mode");
	if (g->fn_seen && !o->from)
		return NOT_SUPPORTED("COPY force null only available using COPY FROM");
	if (o->format != COPY_FORMAT_BINARY && strchr(o->null_str, o->delim))
		return NOT_SUPPORTED("COPY delimiter must not appear in the NULL specification");
	if (csv && strchr(o->null_str, o->quote))
		return NOT_SUPPORTED("CSV quote character must not appear in the NULL "
				     "specification");
	return true;
}

bool copy_opts_parse(struct copy_opts *o, bool from, const struct copy_option *opts, size_t n,
		     struct arena *a, struct pgerr *err)
{
	struct given g;
	(void)a;
	memset(o, 0, sizeof(*o));
	memset(&g, 0, sizeof(g));
	o->from = from;
	const struct copy_option *fmt = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!one(o, &g, &opts[i], err)) {
			/* PostgreSQL points at the option, except for bad Boolean values */
			if (strstr(err->message, "requires a") == NULL)
				err->position = opts[i].position;
			return false;
		}
		if (strcmp(opts[i].name, "format") == 0)
			fmt = &opts[i];
	}
	if (!format(o, g.format, err)) {
		err->position = fmt ? fmt->position : 0;
		return false;
	}
	bool csv = o->format == COPY_FORMAT_CSV;
	if (o->format == COPY_FORMAT_BINARY && g.delim)
		return pgerr_set(err, SQLSTATE_SYNTAX_ERROR,
				 "cannot specify DELIMITER in BINARY mode");
	if (o->format == COPY_FORMAT_BINARY && g.null_str)
		return pgerr_set(err, SQLSTATE_SYNTAX_ERROR, "cannot specify NULL in BINARY mode");
	o->null_str = g.null_str ? g.null_str : csv ? "" : "\\N";
	o->null_len = strlen(o->null_str);
	return check_delim_null(o,
				g.delim ? g.delim
				: csv   ? ","
					: "\t",
				err) &&
	       check_csv(o, &g, err) && check_force(o, &g, err);
}

/* Whether name is among names[0..n). */
static bool among(const char *name, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(names[i], name) == 0)
			return true;
	}
	return false;
}

/* Every FORCE_* column must exist (42703, as CopyGetAttnums says it). */
static bool exist(const char *const *list, size_t nlist, const struct copy_columns *cc,
		  struct pgerr *err)
{
	for (size_t k = 0; k < nlist; k++) {
		if (among(list[k], cc->all, cc->nall))
			continue;
		if (cc->rel)
			return pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN,
					 "column \"%s\" of relation \"%s\" does not exist", list[k],
					 cc->rel);
		return pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" does not exist",
				 list[k]);
	}
	return true;
}

/* One FORCE_* list as per-column flags. */
static bool flags(const char *what, const char *const *list, size_t nlist, bool all,
		  const char *const *names, size_t n, struct arena *a, bool **out,
		  struct pgerr *err)
{
	if (!all && nlist == 0)
		return true;
	*out = arena_zalloc(a, n ? n : 1);
	for (size_t i = 0; i < n && all; i++)
		(*out)[i] = true;
	for (size_t k = 0; k < nlist; k++) {
		size_t i = 0;
		while (i < n && strcmp(names[i], list[k]) != 0)
			i++;
		if (i == n) /* a column of the table the COPY leaves out */
			return pgerr_set(err, "42P10", "%s column \"%s\" not referenced by COPY",
					 what, list[k]);
		(*out)[i] = true;
	}
	return true;
}

bool copy_opts_columns(struct copy_opts *o, const struct copy_columns *cc, struct arena *a,
		       struct pgerr *err)
{
	const char *const *names = cc->names;
	size_t n = cc->n;
	o->ncols = n;
	if (!exist(o->force_quote_names, o->nforce_quote, cc, err) ||
	    !exist(o->force_not_null_names, o->nforce_not_null, cc, err) ||
	    !exist(o->force_null_names, o->nforce_null, cc, err))
		return false;
	return flags("FORCE_QUOTE", o->force_quote_names, o->nforce_quote, o->force_quote_all,
		     names, n, a, &o->force_quote, err) &&
	       flags("FORCE_NOT_NULL", o->force_not_null_names, o->nforce_not_null, false, names, n,
		     a, &o->force_not_null, err) &&
	       flags("FORCE_NULL", o->force_null_names, o->nforce_null, false, names, n, a,
		     &o->force_null, err);
}
