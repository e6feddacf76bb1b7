/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_string.c: text, bytea and format() functions, table-driven: expression → text or
 * error. Expected values are PostgreSQL 15's answers to the same call. */
#include "pgfn_test.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"pgfn_lpad('hello', 8, 'ab')", "abahello"},
	{"pgfn_lpad('hello', 2)", "he"},
	{"pgfn_lpad('x', -1)", ""},
	{"pgfn_lpad('abc', 5, '')", "abc"},
	{"pgfn_lpad('é', 3, 'ü')", "üüé"},
	{"pgfn_rpad('hi', 5, 'xy')", "hixyx"},
	{"pgfn_rpad(NULL, 5)", "NULL"},
	{"pgfn_lpad('x', 2000000000)", "ERROR 54000: requested length too large"},
	{"pgfn_split_part('a,b,c', ',', 2)", "b"},
	{"pgfn_split_part('a,b,c', ',', 5)", ""},
	{"pgfn_split_part('a,b,c', ',', -1)", "c"},
	{"pgfn_split_part('a,b,c', ',', -3)", "a"},
	{"pgfn_split_part('a,b,c', ',', -4)", ""},
	{"pgfn_split_part('a::b', '::', 2)", "b"},
	{"pgfn_split_part('abc', '', 1)", "abc"},
	{"pgfn_split_part('abc', '', 2)", ""},
	{"pgfn_split_part('', ',', 1)", ""},
	{"pgfn_split_part('a', ',', 0)", "ERROR 22023: field position must not be zero"},
	{"pgfn_reverse('héllo')", "olléh"},
	{"pgfn_initcap('hELLO wORLD-foo_bar 1abc')", "Hello World-Foo_Bar 1abc"},
	{"pgfn_translate('12345', '143', 'ax')", "a2x5"},
	{"pgfn_translate('héllo', 'é', 'e')", "hello"},
	{"pgfn_ascii('A')", "65"},
	{"pgfn_ascii('é')", "233"},
	{"pgfn_ascii('')", "0"},
	{"pgfn_chr(233)", "é"},
	{"pgfn_chr(128512)", "😀"},
	{"pgfn_chr(0)", "ERROR 54000: null character not permitted"},
	{"pgfn_chr(-1)", "ERROR 22023: character number must be positive"},
	{"pgfn_chr(1114112)", "ERROR 54000: requested character too large for encoding: 1114112"},
	{"pgfn_left('hello', -2)", "hel"},
	{"pgfn_right('hello', -2)", "llo"},
	{"pgfn_left('hé', 5)", "hé"},
	{"pgfn_right('hé', 1)", "é"},
	{"pgfn_left('abc', -5)", ""},
	{"pgfn_repeat('ab', 3)", "ababab"},
	{"pgfn_repeat('ab', -1)", ""},
	{"pgfn_starts_with('hello', 'he')", "1"},
	{"pgfn_starts_with('hello', 'lo')", "0"},
	{"pgfn_concat_ws('-', 'a', NULL, 'b', 1)", "a-b-1"},
	{"pgfn_concat_ws(NULL, 'a')", "NULL"},
	{"pgfn_to_hex(255, 32)", "ff"},
	{"pgfn_to_hex(-1, 32)", "ffffffff"},
	{"pgfn_to_hex(-1, 64)", "ffffffffffffffff"},
	{"pgfn_to_hex(2147483648, 0)", "80000000"},
	{"pgfn_md5('hello')", "5d41402abc4b2a76b9719d911017c592"},
	{"hex(pgfn_sha256(CAST('abc' AS BLOB)))",
	 "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"},
	{"length(pgfn_sha512(x''))", "64"},
	{"pgfn_encode(x'00ff5c41', 'escape')", "\\000\\377\\\\A"},
	{"pgfn_encode(CAST('hello' AS BLOB), 'base64')", "aGVsbG8="},
	{"pgfn_encode(x'', 'hex')", ""},
	{"pgfn_encode(x'00', 'foo')", "ERROR 22023: unrecognized encoding: \"foo\""},
	{"hex(pgfn_decode('68 65', 'hex'))", "6865"},
	{"pgfn_decode('zz', 'hex')", "ERROR 22023: invalid hexadecimal digit: \"z\""},
	{"pgfn_decode('abc', 'hex')",
	 "ERROR 22023: invalid hexadecimal data: odd number of digits"},
	{"CAST(pgfn_decode('aGVsbG8gd29ybGQ=', 'base64') AS TEXT)", "hello world"},
	{"CAST(pgfn_decode('aGk=', 'base64') AS TEXT)", "hi"},
	{"pgfn_decode('a', 'base64')", "ERROR 22023: invalid base64 end sequence"},
	{"pgfn_decode('a=b', 'base64')",
	 "ERROR 22023: unexpected \"=\" while decoding base64 sequence"},
	{"pgfn_decode('a!bc', 'base64')",
	 "ERROR 22023: invalid symbol \"!\" found while decoding base64 sequence"},
	{"hex(pgfn_decode('a\\000b\\\\', 'escape'))", "6100625C"},
	{"pgfn_decode('a\\9', 'escape')", "ERROR 22P02: invalid input syntax for type bytea"},
	{"pgfn_get_byte(CAST('abc' AS BLOB), 0)", "97"},
	{"pgfn_get_byte(CAST('abc' AS BLOB), 5)", "ERROR 2202E: index 5 out of valid range, 0..2"},
	{"hex(pgfn_set_byte(CAST('abc' AS BLOB), 1, 65))", "614163"},
	{"pgfn_format('%s is %s', 'x', 42)", "x is 42"},
	{"pgfn_format('%I', 'Some Name')", "\"Some Name\""},
	{"pgfn_format('%L|%L', 'it''s', NULL)", "'it''s'|NULL"},
	{"pgfn_format('%2$s %1$s %s', 'a', 'b')", "b a b"},
	{"pgfn_format('%-5s|%5s|%*s|%-*s|', 'a', 'b', 3, 'c', 2, 'd')", "a    |    b|  c|d |"},
	{"pgfn_format('100%%')", "100%"},
	{"pgfn_format('%s %s', 'a')", "ERROR 22023: too few arguments for format()"},
	{"pgfn_format('%0$s', 'a')",
	 "ERROR 22023: format specifies argument 0, but arguments are numbered from 1"},
	{"pgfn_format('%z', 'a')", "ERROR 22023: unrecognized format() type specifier \"z\""},
	{"pgfn_format('%', 'a')", "ERROR 22023: unterminated format() type specifier"},
	{"pgfn_format('%I', NULL)",
	 "ERROR 22004: null values cannot be formatted as an SQL identifier"},
	{"pgfn_format(NULL, 1)", "NULL"},
	{"pgfn_quote_ident('abc')", "abc"},
	{"pgfn_quote_ident('Foo')", "\"Foo\""},
	{"pgfn_quote_ident('select')", "\"select\""},
	{"pgfn_quote_ident('name')", "name"},
	{"pgfn_quote_ident('a\"b')", "\"a\"\"b\""},
	{"pgfn_quote_ident('1x')", "\"1x\""},
	{"pgfn_quote_literal('a\\b')", "E'a\\\\b'"},
	{"pgfn_quote_literal(42)", "'42'"},
	{"pgfn_quote_literal(NULL)", "NULL"},
	{"pgfn_quote_nullable(NULL)", "NULL"},
	{"pgfn_quote_nullable('x')", "'x'"},
	{"pgfn_pgtext(1, 'b')", "t"},
	{"pgfn_pgtext(0, 'B')", "false"},
	{"pgfn_pgtext(1e20, 'f')", "1e+20"},
	{"pgfn_pgtext('x', 'b')", "x"},
	{"pg_regex('a1', '\\d', 0)", "1"},
	{"pg_regex('AB', '^a', 1)", "1"},
	{"pg_regex('a]', '[]a]+$', 0)", "1"},
	{"pg_regex('a', '(', 0)", "ERROR 2201B: invalid regular expression: Unmatched ( or \\("},
	{"pgfn_regexp_replace('John Smith', '(\\w+) (\\w+)', '\\2, \\1')", "Smith, John"},
	{"pgfn_regexp_replace('abc', 'x*', '-', 'g')", "-a-b-c-"},
	{"pgfn_regexp_replace('héé', 'é', 'e', 'g')", "hee"},
	{"pgfn_regexp_replace('a', 'a', 'b', 'x')",
	 "ERROR 0A000: regular expression option \"x\" is not supported"},
	{"pgfn_regexp_replace('a', 'a', 'b', 'z')",
	 "ERROR 22023: invalid regular expression option: \"z\""},
	{"pgfn_regexp_match('ab', '(a)(x)?')", "{a,NULL}"},
	{"pgfn_regexp_match('a b', '.+')", "{\"a b\"}"},
	{"pgfn_regexp_split_to_array('a1b22c', '\\d+')", "{a,b,c}"},
	{"pgfn_regexp_split_to_array('ab', '')", "{a,b}"},
	{"pgfn_similar('abc', '%(b|d)%')", "1"},
	{"pgfn_similar('a.c', 'a.c')", "1"},
	{"pgfn_similar('abc', 'a.c')", "0"},
	{"pgfn_similar('a%', 'a#%', '#')", "1"},
	{"pgfn_similar('a', 'a', 'xy')", "ERROR 22025: invalid escape string"},
};

START_TEST(string_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

/* quote_literal(NULL) is SQL NULL, quote_nullable(NULL) the word NULL: tell them apart. */
START_TEST(quote_literal_null_is_null)
{
	ck_assert_str_eq(pgfn_test_eval("pgfn_quote_literal(NULL) IS NULL"), "1");
	ck_assert_str_eq(pgfn_test_eval("pgfn_quote_nullable(NULL) IS NULL"), "0");
}
END_TEST

Suite *pgfn_test_string_suite(void)
{
	Suite *s = suite_create("pgfn_string");
	TCase *tc = tcase_create("string");
	tcase_add_loop_test(tc, string_case, 0, (int)ARRAY_LEN(cases));
	tcase_add_test(tc, quote_literal_null_is_null);
	suite_add_tcase(s, tc);
	return s;
}
