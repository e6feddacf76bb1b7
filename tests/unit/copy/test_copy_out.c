/* SPDX-License-Identifier: Apache-2.0 */
/* test_copy_out.c: the COPY TO formatter byte for byte — text escapes, CSV quoting only where
 * needed (delimiter, quote, CR/LF, the NULL string, "\." alone), FORCE_QUOTE, other quote and
 * escape characters, HEADER lines, binary framing. Expected bytes are PostgreSQL 15's. */
#include "copy_test.h"

#include <stdlib.h>
#include <string.h>

/* Formats one row of values (NULL pointers are SQL NULL) with the header first. */
static char *format_row(const char *optdesc, const char *const *vals, size_t n)
{
	static const char *const names[] = {"a", "b c", "d"};
	struct arena *a = arena_new(0);
	struct copy_opts o;
	struct pgerr err;
	struct strbuf out;
	strbuf_init(&out, 0);
	ck_assert_msg(copy_test_opts(&o, false, optdesc, a, &err), "%s: %s", optdesc, err.message);
	struct copy_columns cc = {.names = names, .n = n, .all = names, .nall = n};
	ck_assert(copy_opts_columns(&o, &cc, a, &err));
	copy_out_start(&out, &o, names, n);
	copy_out_row_begin(&out, &o);
	for (size_t i = 0; i < n; i++) {
		if (vals[i])
			copy_out_value(&out, &o, i, vals[i], strlen(vals[i]));
		else
			copy_out_null(&out, &o, i);
	}
	copy_out_row_end(&out, &o);
	copy_out_finish(&out, &o);
	ck_assert(!out.failed);
	arena_free(a);
	if (!out.data)
		return calloc(1, 1);
	return strbuf_take(&out);
}

struct fcase {
	const char *opts;
	const char *v[3];
	size_t n;
	const char *want;
};

static const struct fcase cases[] = {
	{"", {"plain", NULL, ""}, 3, "plain\t\\N\t\n"},
	{"",
	 {"t\tn\nr\rb\bf\fv\v", "back\\slash", "\x01raw"},
	 3,
	 "t\\tn\\nr\\rb\\bf\\fv\\v\tback\\\\slash\t\x01raw\n"},
	{"delimiter=|,null=nil,header", {"a|b", NULL, "x\ty"}, 3, "a|b c|d\na\\|b|nil|x\\ty\n"},
	{"format=csv", {"plain", NULL, ""}, 3, "plain,,\"\"\n"},
	{"format=csv",
	 {"a,b", "say \"hi\"", "two\nlines"},
	 3,
	 "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n"},
	{"format=csv", {"cr\rhere", " spaced ", "\\."}, 3, "\"cr\rhere\", spaced ,\\.\n"},
	{"format=csv", {"\\."}, 1, "\"\\.\"\n"},
	{"format=csv,null=NULL", {"NULL", NULL, "x"}, 3, "\"NULL\",NULL,x\n"},
	{"format=csv,force_quote=*", {"1", NULL, ""}, 3, "\"1\",,\"\"\n"},
	{"format=csv,force_quote=d", {"1", "2", "3"}, 3, "1,2,\"3\"\n"},
	{"format=csv,quote=',escape=\\", {"it's", "a\\b", "\"q\""}, 3, "'it\\'s',a\\b,\"q\"\n"},
	{"format=csv,header", {"1", "2", "3"}, 3, "a,b c,d\n1,2,3\n"},
	{"format=csv,header,delimiter= ", {"1", "2", "3"}, 3, "a \"b c\" d\n1 2 3\n"},
};

START_TEST(format_cases)
{
	const struct fcase *c = &cases[_i];
	char *got = format_row(c->opts, c->v, c->n);
	ck_assert_msg(strcmp(got, c->want) == 0, "[%s]\nwant [%s]\ngot  [%s]", c->opts, c->want,
		      got);
	free(got);
}
END_TEST

START_TEST(binary_framing)
{
	static const char *const names[] = {"a", "b"};
	struct arena *a = arena_new(0);
	struct copy_opts o;
	struct pgerr err;
	struct strbuf out;
	strbuf_init(&out, 0);
	ck_assert(copy_test_opts(&o, false, "format=binary", a, &err));
	struct copy_columns cc = {.names = names, .n = 2, .all = names, .nall = 2};
	ck_assert(copy_opts_columns(&o, &cc, a, &err));
	copy_out_start(&out, &o, names, 2);
	copy_out_row_begin(&out, &o);
	copy_out_value(&out, &o, 0, "\0\0\0\7", 4);
	copy_out_null(&out, &o, 1);
	copy_out_row_end(&out, &o);
	copy_out_finish(&out, &o);
	static const char want[] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0"
				   "\0\2\0\0\0\4\0\0\0\7\377\377\377\377"
				   "\377\377";
	ck_assert_uint_eq(out.len, sizeof(want) - 1);
	ck_assert(memcmp(out.data, want, out.len) == 0);
	strbuf_fini(&out);
	arena_free(a);
}
END_TEST

Suite *copy_test_out_suite(void)
{
	Suite *s = suite_create("out");
	TCase *tc = tcase_create("out");
	tcase_add_loop_test(tc, format_cases, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, binary_framing);
	suite_add_tcase(s, tc);
	return s;
}
