/* SPDX-License-Identifier: Apache-2.0 */
/* test_copy_parse.c: the COPY FROM parser — text escapes and the raw NULL check, CSV quoting,
 * embedded newlines and their line numbers, FORCE_NOT_NULL/FORCE_NULL, HEADER and HEADER
 * MATCH, the end marker, newline styles, binary tuples, and every input fed in every chunk
 * size giving the same rows. */
#include "copy_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses data (fed in chunks of `chunk` bytes, 0 = all at once) into a printable form:
 * rows "f1|f2|...;" with NULL as <N>, then "DONE", or "ERR sqlstate message @ context". */
char *copy_test_parse(const char *optdesc, const char *data, size_t len, size_t ncols, size_t chunk)
{
	static const char *const names[] = {"a", "b", "c", "d"};
	struct arena *a = arena_new(0);
	struct copy_opts o;
	struct pgerr err;
	struct strbuf out;
	pgerr_clear(&err);
	strbuf_init(&out, 0);
	ck_assert_msg(copy_test_opts(&o, true, optdesc, a, &err), "%s: %s", optdesc, err.message);
	struct copy_columns cc = {.names = names, .n = ncols, .all = names, .nall = ncols};
	ck_assert(copy_opts_columns(&o, &cc, a, &err));
	struct copy_parser *p = copy_parser_new(&o, "t", names, ncols);
	size_t off = 0, step = chunk ? chunk : (len ? len : 1);
	bool finished = false;
	for (;;) {
		struct copy_row row;
		enum copy_next st = copy_parser_next(p, &row, &err);
		if (st == COPY_NEXT_ROW) {
			for (size_t i = 0; i < ncols; i++) {
				if (i)
					strbuf_putc(&out, '|');
				const struct copy_field *f = &row.fields[i];
				if (!f->p)
					strbuf_puts(&out, "<N>");
				else if (o.format == COPY_FORMAT_BINARY)
					for (size_t k = 0; k < f->n; k++)
						strbuf_printf(&out, "%02x", (unsigned char)f->p[k]);
				else
					strbuf_append(&out, f->p, f->n);
			}
			strbuf_printf(&out, "@%llu;", (unsigned long long)row.lineno);
			continue;
		}
		if (st == COPY_NEXT_ERROR) {
			strbuf_printf(&out, "ERR %s %s @ %s", err.sqlstate, err.message,
				      err.context);
			break;
		}
		if (st == COPY_NEXT_DONE) {
			strbuf_puts(&out, "DONE");
			break;
		}
		ck_assert_msg(!finished, "parser wants more after the end of input");
		if (off < len) {
			size_t n = len - off < step ? len - off : step;
			copy_parser_feed(p, data + off, n);
			off += n;
		} else {
			copy_parser_finish(p);
			finished = true;
		}
	}
	copy_parser_free(p);
	arena_free(a);
	return strbuf_take(&out);
}

struct pcase {
	const char *opts;
	const char *data;
	size_t ncols;
	const char *want;
};

static const struct pcase cases[] = {
	/* text: escapes, the NULL string recognized before de-escaping, empty vs NULL */
	{"", "1\tx\n2\t\\N\n3\t\n", 2, "1|x@1;2|<N>@2;3|@3;DONE"},
	{"", "a\\tb\\nc\\\\d\\x41\\101\\q\t\\\\N\n", 2, "a\tb\nc\\dAAq|\\N@1;DONE"},
	{"", "x\\\ny\tz\n", 2, "x\ny|z@1;DONE"},
	{"", "no newline at end\tz", 2, "no newline at end|z@1;DONE"},
	{"", "1\tx\n\\.\nignored\tafter\n", 2, "1|x@1;DONE"},
	{"", "1\tx\r\n2\ty\r\n", 2, "1|x@1;2|y@2;DONE"},
	{"", "1\tx\r2\ty\r", 2, "1|x@1;2|y@2;DONE"},
	{"", "1\tx\n2\ty\r\n", 2,
	 "1|x@1;ERR 22P04 literal carriage return found in data @ COPY t, line 2"},
	{"", "1\tx\r\n2\ty\n", 2, "1|x@1;ERR 22P04 literal newline found in data @ COPY t, line 2"},
	{"", "1\tx\\.z\n", 2, "ERR 22P04 end-of-copy marker corrupt @ COPY t, line 1"},
	{"", "1\n", 2, "ERR 22P04 missing data for column \"b\" @ COPY t, line 1: \"1\""},
	{"", "1\t2\t3\n", 2,
	 "ERR 22P04 extra data after last expected column @ COPY t, line 1: \"1\t2\t3\""},
	{"", "\xc3\x28\tx\n", 2,
	 "ERR 22021 invalid byte sequence for encoding \"UTF8\": 0xc3 0x28 @ COPY t, line 1"},
	{"", "\\0\tx\n", 2,
	 "ERR 22021 invalid byte sequence for encoding \"UTF8\": 0x00 @ COPY t, line 1: \"\\0\tx\""},
	{"delimiter=|,null=nil", "1|nil|\n", 3, "1|<N>|@1;DONE"},
	{"header", "a\tb\n1\t2\n", 2, "1|2@2;DONE"},
	{"header=match", "a\tb\n1\t2\n", 2, "1|2@2;DONE"},
	{"header=match", "a\tc\n1\t2\n", 2,
	 "ERR 22P04 column name mismatch in header line field 2: got \"c\", expected \"b\" @ COPY "
	 "t, line 1: \"a\tc\""},
	{"header=match", "a\n", 2,
	 "ERR 22P04 wrong number of fields in header line: got 1, expected 2 @ COPY t, line 1: "
	 "\"a\""},
	/* CSV: quotes, doubled quotes, delimiters and newlines inside, NULL vs "" */
	{"format=csv", "1,\"a,b\",\"say \"\"hi\"\"\"\n", 3, "1|a,b|say \"hi\"@1;DONE"},
	{"format=csv", "1,,\"\"\n", 3, "1|<N>|@1;DONE"},
	/* PostgreSQL counts newlines inside quotes only once the newline style is known */
	{"format=csv", "1,\"two\nlines\",x\n2,y,z\n", 3, "1|two\nlines|x@1;2|y|z@2;DONE"},
	{"format=csv", "1,x\r\n2,\"a\r\nb\"\r\n3,z\r\n", 2, "1|x@1;2|a\r\nb@3;3|z@4;DONE"},
	{"format=csv", "a\"b\"c,d\n", 2, "abc|d@1;DONE"},
	{"format=csv", "1,\"open\n", 2,
	 "ERR 22P04 unterminated CSV quoted field @ COPY t, line 1: \"1,\"open\n\""},
	{"format=csv", "\\.\n1,2\n", 2, "DONE"},
	{"format=csv", "\"\\.\"\n", 1, "\\.@1;DONE"},
	{"format=csv", "1,x\r\n", 2, "1|x@1;DONE"},
	{"format=csv", "1,x\n2\ry\n", 2,
	 "1|x@1;ERR 22P04 unquoted carriage return found in data @ COPY t, line 2"},
	{"format=csv,escape=\\", "\"a\\\"b\\\\c\",\"x\"\"y\"\n", 2, "a\"b\\c|xy@1;DONE"},
	{"format=csv,quote=',delimiter=;", "'a;b';''''\n", 2, "a;b|'@1;DONE"},
	{"format=csv,null=NULL", "NULL,\"NULL\",\n", 3, "<N>|NULL|@1;DONE"},
	{"format=csv,force_not_null=a", ",\n", 2, "|<N>@1;DONE"},
	{"format=csv,force_null=a+b", "\"\",\"\"\n", 2, "<N>|<N>@1;DONE"},
	{"format=csv,header", "x,y\n\"1\",2\n", 2, "1|2@2;DONE"},
	{"format=csv", "", 2, "DONE"},
};

START_TEST(parse_cases)
{
	const struct pcase *c = &cases[_i];
	size_t len = strlen(c->data);
	char *whole = copy_test_parse(c->opts, c->data, len, c->ncols, 0);
	ck_assert_msg(strcmp(whole, c->want) == 0, "[%s] %s\nwant %s\ngot  %s", c->opts, c->data,
		      c->want, whole);
	/* The same rows however the input is cut. */
	for (size_t chunk = 1; chunk <= len; chunk++) {
		char *got = copy_test_parse(c->opts, c->data, len, c->ncols, chunk);
		ck_assert_msg(strcmp(got, whole) == 0, "[%s] %s chunk %zu\nwant %s\ngot  %s",
			      c->opts, c->data, chunk, whole, got);
		free(got);
	}
	free(whole);
}
END_TEST

/* A binary stream of two tuples of (int4, text) and the trailer. */
static size_t binary_input(char *buf)
{
	static const char head[] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
	size_t n = 19;
	memcpy(buf, head, n);
	static const char t1[] = "\0\2\0\0\0\4\0\0\0\7\0\0\0\2hi";
	memcpy(buf + n, t1, sizeof(t1) - 1);
	n += sizeof(t1) - 1;
	static const char t2[] = "\0\2\0\0\0\4\0\0\0\10\377\377\377\377";
	memcpy(buf + n, t2, sizeof(t2) - 1);
	n += sizeof(t2) - 1;
	buf[n++] = '\377';
	buf[n++] = '\377';
	return n;
}

START_TEST(binary_tuples)
{
	char buf[128];
	size_t n = binary_input(buf);
	for (size_t chunk = 0; chunk <= n; chunk++) {
		char *got = copy_test_parse("format=binary", buf, n, 2, chunk);
		ck_assert_msg(strcmp(got, "00000007|6869@1;00000008|<N>@2;DONE") == 0,
			      "chunk %zu: %s", chunk, got);
		free(got);
	}
}
END_TEST

START_TEST(binary_errors)
{
	char buf[128];
	size_t n = binary_input(buf);
	char *got = copy_test_parse("format=binary", "PGCOPY\n\376", 8, 2, 0);
	ck_assert_str_eq(got, "ERR 22P04 COPY file signature not recognized @ COPY t, line 0");
	free(got);
	got = copy_test_parse("format=binary", buf, 19 + 12, 2, 0);
	ck_assert_str_eq(got, "ERR 22P04 unexpected EOF in COPY data @ COPY t, line 1");
	free(got);
	got = copy_test_parse("format=binary", buf, n, 3, 0);
	ck_assert_str_eq(got, "ERR 22P04 row field count is 2, expected 3 @ COPY t, line 1");
	free(got);
	buf[n++] = 'x';
	got = copy_test_parse("format=binary", buf, n, 2, 0);
	ck_assert(strstr(got, "ERR 22P04 received copy data after EOF marker") != NULL);
	free(got);
	memcpy(buf + 19 + 2, "\377\377\377\376", 4);
	got = copy_test_parse("format=binary", buf, n, 2, 0);
	ck_assert_str_eq(got, "ERR 22P04 invalid field size @ COPY t, line 1, column a");
	free(got);
	memcpy(buf + 11, "\0\1\0\0", 4);
	got = copy_test_parse("format=binary", buf, n, 2, 0);
	ck_assert_str_eq(got, "ERR 22P04 invalid COPY file header (WITH OIDS) @ COPY t, line 0");
	free(got);
}
END_TEST

/* A long load through small chunks keeps only about one row buffered. */
START_TEST(bounded_buffer)
{
	static const char *const names[] = {"a", "b"};
	struct arena *a = arena_new(0);
	struct copy_opts o;
	struct pgerr err;
	ck_assert(copy_test_opts(&o, true, "", a, &err));
	struct copy_columns cc = {.names = names, .n = 2, .all = names, .nall = 2};
	ck_assert(copy_opts_columns(&o, &cc, a, &err));
	struct copy_parser *p = copy_parser_new(&o, "t", names, 2);
	char chunk[4096];
	size_t n = 0;
	uint64_t rows = 0;
	for (int i = 0; n + 32 < sizeof(chunk); i++)
		n += (size_t)snprintf(chunk + n, sizeof(chunk) - n, "%d\tvalue %d\n", i, i);
	size_t max_buffered = 0;
	for (int k = 0; k < 2000; k++) {
		copy_parser_feed(p, chunk, n);
		struct copy_row row;
		while (copy_parser_next(p, &row, &err) == COPY_NEXT_ROW)
			rows++;
		if (copy_parser_buffered(p) > max_buffered)
			max_buffered = copy_parser_buffered(p);
	}
	ck_assert_uint_gt(rows, 2000 * 100);
	ck_assert_uint_lt(max_buffered, 64);
	copy_parser_free(p);
	arena_free(a);
}
END_TEST

Suite *copy_test_parse_suite(void)
{
	Suite *s = suite_create("parse");
	TCase *tc = tcase_create("parse");
	tcase_add_loop_test(tc, parse_cases, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, binary_tuples);
	tcase_add_test(tc, binary_errors);
	tcase_add_test(tc, bounded_buffer);
	suite_add_tcase(s, tc);
	return s;
}
