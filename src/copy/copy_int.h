/* SPDX-License-Identifier: Apache-2.0 */
/* copy_int.h: the parser's state, shared by the files of the copy module (copy_parse.c finds
 * records, copy_fields.c splits them into fields, copy_binary.c reads the binary format). */
#ifndef SHARDLITE_COPY_INT_H
#define SHARDLITE_COPY_INT_H

#include "copy.h"

/* The newline style of the first line, which every later line must share (PostgreSQL). */
enum copy_eol { EOL_UNKNOWN, EOL_NL, EOL_CR, EOL_CRNL };

/* What scanning for the end of a record found. */
enum scan { SCAN_LINE, SCAN_END, SCAN_MORE, SCAN_ERROR, SCAN_DATA };

struct copy_parser {
	struct copy_opts o;
	const char *rel;
	const char *const *names;
	size_t ncols;

	struct strbuf in; /* input; [pos, len) is not yet consumed */
	size_t pos;
	size_t scan;                 /* text/CSV: how far the current record has been scanned */
	bool in_record;              /* the current record's line has been counted */
	bool in_quote, last_was_esc; /* CSV scan state at .scan */
	enum copy_eol eol;
	uint64_t lineno;

	bool header_pending; /* the first record is the HEADER line */
	bool binary_header;  /* binary: the file header has been read */
	bool finished;       /* no more input will be fed */
	bool done;           /* end marker or trailer seen: the rest must be empty */
	bool data_after_end; /* binary: bytes arrived after the trailer */
	bool failed;

	struct strbuf fieldbuf; /* de-escaped field text, each NUL-terminated */
	size_t *offs;           /* field i is fieldbuf[offs[i], offs[i + 1] - 1) */
	bool *isnull;
	size_t nfields, offs_cap;
	struct copy_field *fields; /* what the row shows: ncols entries */
};

/* Fails with err (22P04 unless sqlstate says otherwise) and CONTEXT "COPY rel, line N:
 * "<first len bytes of the record>"". Always returns false. */
bool copy_fail_line(struct copy_parser *p, struct pgerr *err, size_t len, const char *sqlstate,
		    const char *msg, const char *hint);

/* Split the record [0, end) of the unconsumed input into p->fields (copy_fields.c). */
bool copy_split_text(struct copy_parser *p, size_t end, struct pgerr *err);
bool copy_split_csv(struct copy_parser *p, size_t end, struct pgerr *err);
/* HEADER MATCH: the fields just split must name the COPY's columns in order. */
bool copy_header_match(struct copy_parser *p, size_t end, struct pgerr *err);

/* copy_binary.c */
enum copy_next copy_binary_next(struct copy_parser *p, struct copy_row *row, struct pgerr *err);

#endif
