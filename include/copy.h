/* SPDX-License-Identifier: Apache-2.0 */
/* copy: the COPY data formats (text, CSV, binary) as a pure codec. Options are checked as
 * PostgreSQL 15 checks them; a streaming parser takes input in any chunking and yields rows of
 * fields (NULL distinct from empty) with PostgreSQL's line numbers and error texts; a formatter
 * writes rows with PostgreSQL's quoting and escaping, byte for byte. No SQL, no I/O. */
#ifndef SHARDLITE_COPY_H
#define SHARDLITE_COPY_H

#include "base.h"

enum copy_format { COPY_FORMAT_TEXT, COPY_FORMAT_CSV, COPY_FORMAT_BINARY };

/* One option as the statement wrote it (see struct xlat_copy_opt). */
enum copy_arg { COPY_ARG_NONE, COPY_ARG_STRING, COPY_ARG_LIST, COPY_ARG_STAR };
struct copy_option {
	const char *name; /* lower case */
	enum copy_arg kind;
	const char *value;
	const char *const *list;
	size_t nlist;
	int position; /* where the option stands in the statement (0: unknown), for errors */
};

struct copy_opts {
	bool from;
	enum copy_format format;
	char delim;
	const char *null_str; /* text: \N, CSV: empty */
	size_t null_len;
	char quote, escape; /* CSV only */
	bool header;
	bool header_match; /* HEADER MATCH (COPY FROM): the header must name the columns */
	bool freeze;
	/* FORCE_QUOTE (*: force_quote_all) / FORCE_NOT_NULL / FORCE_NULL as written ... */
	bool force_quote_all;
	const char *const *force_quote_names, *const *force_not_null_names, *const *force_null_names;
	size_t nforce_quote, nforce_not_null, nforce_null;
	/* ... and per COPY column, once copy_opts_columns has run (NULL: none). */
	size_t ncols;
	bool *force_quote, *force_not_null, *force_null;
};

/* Reads the option list of COPY FROM (from) or COPY TO and applies PostgreSQL's defaults and
 * checks (ProcessCopyOptions): 42601 unknown or repeated option, 22023 bad value, 0A000 an
 * option the format or direction does not take; errors about one option carry its position. Strings are kept by reference (they must
 * outlive o); arrays come from arena a. */
bool copy_opts_parse(struct copy_opts *o, bool from, const struct copy_option *opts, size_t n,
		     struct arena *a, struct pgerr *err) MUST_CHECK;

/* The COPY's columns (names[0..n)), and every column of its relation (all[0..nall), named rel;
 * for a query, the query's columns and rel NULL). */
struct copy_columns {
	const char *const *names;
	size_t n;
	const char *const *all;
	size_t nall;
	const char *rel;
};

/* Resolves the FORCE_* column lists against the COPY's columns, filling the per-column flags:
 * 42703 when a named column does not exist, 42P10 when the COPY leaves it out. */
bool copy_opts_columns(struct copy_opts *o, const struct copy_columns *cc, struct arena *a,
		       struct pgerr *err) MUST_CHECK;

/* ---- Parsing COPY FROM data ---- */

struct copy_field {
	const char *p; /* NUL-terminated (text, CSV); NULL when the field is SQL NULL */
	size_t n;
};

struct copy_row {
	struct copy_field *fields; /* ncols entries, valid until the next parser call */
	uint64_t lineno;           /* PostgreSQL's line number, for CONTEXT */
	const char *line;          /* text/CSV: the raw record (not NUL-terminated), else NULL */
	size_t line_len;
};

struct copy_parser;

/* A parser for rows of ncols fields; rel and names (ncols column names) appear in error
 * messages and contexts and must outlive the parser. */
struct copy_parser *copy_parser_new(const struct copy_opts *o, const char *rel,
				    const char *const *names, size_t ncols);
void copy_parser_free(struct copy_parser *p);

/* Appends a chunk of input (one CopyData message, which may end inside a row). */
void copy_parser_feed(struct copy_parser *p, const void *buf, size_t n);
/* No more input will come (CopyDone): a last line without a newline is a row. */
void copy_parser_finish(struct copy_parser *p);

enum copy_next {
	COPY_NEXT_ROW,   /* *row holds the next row */
	COPY_NEXT_MORE,  /* feed more input */
	COPY_NEXT_DONE,  /* finished: end marker or end of input */
	COPY_NEXT_ERROR, /* err set (22P04 bad row, 22021 bad UTF-8, ...), with CONTEXT */
};
/* The next complete row. After an error the parser must not be used again. */
enum copy_next copy_parser_next(struct copy_parser *p, struct copy_row *row, struct pgerr *err);
/* The line number reached so far (for the CONTEXT of errors raised outside the parser). */
uint64_t copy_parser_lineno(const struct copy_parser *p);
/* Bytes held for a row not yet complete (memory stays bounded by the longest row). */
size_t copy_parser_buffered(const struct copy_parser *p);

/* Sets err's CONTEXT as PostgreSQL's COPY error callback writes it: "COPY rel, line N, column c:
 * "value"" (value shortened to 100 bytes, "null input" when NULL; binary format: no value). */
void copy_context_value(struct pgerr *err, const struct copy_opts *o, const char *rel,
			uint64_t lineno, const char *col, const char *value, size_t n);
/* "COPY rel, line N: "line"", or "COPY rel, line N" when line is NULL. */
void copy_context_line(struct pgerr *err, const char *rel, uint64_t lineno, const char *line,
		       size_t n);

/* ---- Writing COPY TO data (each call appends to out; check out->failed at the end) ---- */

/* What precedes the rows: the binary signature and header, or the HEADER line of names. */
void copy_out_start(struct strbuf *out, const struct copy_opts *o, const char *const *names,
		    size_t n);
void copy_out_row_begin(struct strbuf *out, const struct copy_opts *o);
/* A value of column col: text/CSV take the type's text output, binary its send format. */
void copy_out_value(struct strbuf *out, const struct copy_opts *o, size_t col, const char *p,
		    size_t n);
void copy_out_null(struct strbuf *out, const struct copy_opts *o, size_t col);
void copy_out_row_end(struct strbuf *out, const struct copy_opts *o);
/* What follows the rows: the binary trailer. */
void copy_out_finish(struct strbuf *out, const struct copy_opts *o);

#endif
