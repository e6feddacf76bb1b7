/* SPDX-License-Identifier: Apache-2.0 */
/* test_copy_opts.c: COPY options as PostgreSQL 15 checks them — defaults per format, and each
 * refusal with its SQLSTATE and message (the messages were taken from PostgreSQL 15). */
#include "copy_test.h"

#include <string.h>

START_TEST(defaults)
{
	struct arena *a = arena_new(0);
	struct copy_opts o;
	struct pgerr err;
	ck_assert(copy_test_opts(&o, true, "", a, &err));
	ck_assert_int_eq(o.format, COPY_FORMAT_TEXT);
	ck_assert_int_eq(o.delim, '\t');
	ck_assert_str_eq(o.null_str, "\\N");
	ck_assert(copy_test_opts(&o, false, "format=csv", a, &err));
	ck_assert_int_eq(o.delim, ',');
	ck_assert_str_eq(o.null_str, "");
	ck_assert_int_eq(o.quote, '"');
	ck_assert_int_eq(o.escape, '"');
	ck_assert(copy_test_opts(&o, true, "format=csv,quote=',escape=\\,header=on,freeze=1", a,
				 &err));
	ck_assert_int_eq(o.quote, '\'');
	ck_assert_int_eq(o.escape, '\\');
	ck_assert(o.header && o.freeze && !o.header_match);
	ck_assert(copy_test_opts(&o, true, "header=match", a, &err));
	ck_assert(o.header_match);
	ck_assert(copy_test_opts(&o, true, "encoding=UTF-8", a, &err));
	ck_assert(copy_test_opts(&o, true, "encoding=sql_ascii", a, &err)); /* no conversion */
	ck_assert(copy_test_opts(&o, false, "encoding=SQL-ASCII", a, &err));
	arena_free(a);
}
END_TEST

struct ocase {
	bool from;
	const char *opts;
	const char *sqlstate;
	const char *message;
};

static const struct ocase refusals[] = {
	{false, "format=xml", "22023", "COPY format \"xml\" not recognized"},
	{false, "bogus=1", "42601", "option \"bogus\" not recognized"},
	{false, "format=csv,format=text", "42601", "conflicting or redundant options"},
	{false, "format=binary,delimiter=|", "42601", "cannot specify DELIMITER in BINARY mode"},
	{false, "format=binary,null=x", "42601", "cannot specify NULL in BINARY mode"},
	{false, "format=binary,header", "0A000", "cannot specify HEADER in BINARY mode"},
	{false, "format=csv,header=match", "0A000", "cannot use \"match\" with HEADER in COPY TO"},
	{false, "header=maybe", "42601", "header requires a Boolean value or \"match\""},
	{true, "freeze=x", "42601", "freeze requires a Boolean value"},
	{false, "delimiter=ab", "0A000", "COPY delimiter must be a single one-byte character"},
	{false, "delimiter=x", "22023", "COPY delimiter cannot be \"x\""},
	{false, "delimiter=\\", "22023", "COPY delimiter cannot be \"\\\""},
	{false, "delimiter=\n", "22023", "COPY delimiter cannot be newline or carriage return"},
	{false, "null=\r", "22023",
	 "COPY null representation cannot use newline or carriage return"},
	{false, "quote=\"", "0A000", "COPY quote available only in CSV mode"},
	{false, "format=csv,quote=ab", "0A000", "COPY quote must be a single one-byte character"},
	{false, "format=csv,delimiter=;,quote=;", "22023",
	 "COPY delimiter and quote must be different"},
	{false, "escape=x", "0A000", "COPY escape available only in CSV mode"},
	{false, "format=csv,escape=xy", "0A000", "COPY escape must be a single one-byte character"},
	{false, "force_quote=a", "0A000", "COPY force quote available only in CSV mode"},
	{true, "format=csv,force_quote=a", "0A000",
	 "COPY force quote only available using COPY TO"},
	{false, "format=csv,force_not_null=a", "0A000",
	 "COPY force not null only available using COPY FROM"},
	{true, "force_null=a", "0A000", "COPY force null available only in CSV mode"},
	{false, "delimiter=|,null=a|", "0A000",
	 "COPY delimiter must not appear in the NULL specification"},
	{false, "format=csv,null=a\"b", "0A000",
	 "CSV quote character must not appear in the NULL specification"},
	{false, "format=csv,force_quote=*,force_quote=a", "42601",
	 "conflicting or redundant options"},
	{false, "encoding=nope", "22023",
	 "argument to option \"encoding\" must be a valid encoding name"},
	{false, "encoding=LATIN1", "0A000", "COPY ENCODING other than UTF8 is not supported"},
	/* PostgreSQL's names (base_encoding.c): cp1252 is none of them, ISO-8859-15 and
	 * windows-1250 are */
	{false, "encoding=cp1252", "22023",
	 "argument to option \"encoding\" must be a valid encoding name"},
	{false, "encoding=ISO-8859-15", "0A000", "COPY ENCODING other than UTF8 is not supported"},
	{true, "encoding=windows-1250", "0A000", "COPY ENCODING other than UTF8 is not supported"},
	{false, "encoding=mule_internal", "0A000",
	 "COPY ENCODING other than UTF8 is not supported"},
};

START_TEST(refused)
{
	const struct ocase *c = &refusals[_i];
	struct arena *a = arena_new(0);
	struct copy_opts o;
	struct pgerr err;
	ck_assert_msg(!copy_test_opts(&o, c->from, c->opts, a, &err), "%s: accepted", c->opts);
	ck_assert_msg(strcmp(err.sqlstate, c->sqlstate) == 0 &&
			      strcmp(err.message, c->message) == 0,
		      "%s\n  want %s %s\n  got  %s %s", c->opts, c->sqlstate, c->message,
		      err.sqlstate, err.message);
	arena_free(a);
}
END_TEST

START_TEST(force_columns)
{
	static const char *const copy_cols[] = {"a", "c"};
	static const char *const table_cols[] = {"a", "b", "c"};
	struct copy_columns cc = {
		.names = copy_cols, .n = 2, .all = table_cols, .nall = 3, .rel = "t"};
	struct arena *a = arena_new(0);
	struct copy_opts o;
	struct pgerr err;
	ck_assert(copy_test_opts(&o, false, "format=csv,force_quote=c", a, &err));
	ck_assert(copy_opts_columns(&o, &cc, a, &err));
	ck_assert(!o.force_quote[0] && o.force_quote[1]);
	ck_assert(copy_test_opts(&o, false, "format=csv,force_quote=b", a, &err));
	ck_assert(!copy_opts_columns(&o, &cc, a, &err));
	ck_assert_str_eq(err.sqlstate, "42P10");
	ck_assert_str_eq(err.message, "FORCE_QUOTE column \"b\" not referenced by COPY");
	ck_assert(copy_test_opts(&o, true, "format=csv,force_null=zz", a, &err));
	ck_assert(!copy_opts_columns(&o, &cc, a, &err));
	ck_assert_str_eq(err.sqlstate, "42703");
	ck_assert_str_eq(err.message, "column \"zz\" of relation \"t\" does not exist");
	ck_assert(copy_test_opts(&o, false, "format=csv,force_quote=*", a, &err));
	ck_assert(copy_opts_columns(&o, &cc, a, &err));
	ck_assert(o.force_quote[0] && o.force_quote[1]);
	arena_free(a);
}
END_TEST

Suite *copy_test_opts_suite(void)
{
	Suite *s = suite_create("opts");
	TCase *tc = tcase_create("opts");
	tcase_add_test(tc, defaults);
	tcase_add_loop_test(tc, refused, 0, (int)(sizeof(refusals) / sizeof(refusals[0])));
	tcase_add_test(tc, force_columns);
	suite_add_tcase(s, tc);
	return s;
}
