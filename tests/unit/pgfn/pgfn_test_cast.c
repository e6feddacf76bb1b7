/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_cast.c: the checked conversions into declared types, table-driven: expression →
 * text or error (messages as PostgreSQL 15 words them). */
#include "pgfn_test.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"shardlite_int4(2147483647)", "2147483647"},
	{"shardlite_int4(2147483647 + 1)", "ERROR 22003: integer out of range"},
	{"shardlite_int4(-2147483648)", "-2147483648"},
	{"shardlite_int4(NULL)", "NULL"},
	{"shardlite_notnull(7, 'id', 't')", "7"},
	{"shardlite_notnull(NULL, 'id', 't')",
	 "ERROR 23502: null value in column \"id\" of relation \"t\" violates not-null constraint"},
	{"shardlite_int4(' 42 ')", "42"},
	{"shardlite_int4('x')", "ERROR 22P02: invalid input syntax for type integer: \"x\""},
	{"shardlite_int4('3000000000')",
	 "ERROR 22003: value \"3000000000\" is out of range for type integer"},
	{"shardlite_int4(2.5)", "3"},
	{"shardlite_int4(-2.5)", "-3"},
	{"shardlite_int2(32768)", "ERROR 22003: smallint out of range"},
	{"shardlite_int2('1.5')", "ERROR 22P02: invalid input syntax for type smallint: \"1.5\""},
	{"shardlite_int8(9223372036854775807 + 1)", "ERROR 22003: bigint out of range"},
	{"shardlite_int8(9223372036854775807)", "9223372036854775807"},
	{"shardlite_int8(-9223372036854775808.0)", "-9223372036854775808"},
	{"shardlite_int8op(-9223372036854775800 - 100)", "ERROR 22003: bigint out of range"},
	{"shardlite_int8op(-9223372036854775807 - 1)", "-9223372036854775808"},
	{"shardlite_int4('NaN', 'f')", "ERROR 22003: integer out of range"},
	{"shardlite_int4('NaN')", "ERROR 22P02: invalid input syntax for type integer: \"NaN\""},
	{"shardlite_int2(2.5, 'f')", "3"},
	{"shardlite_int8('NaN', 'n')", "ERROR 0A000: cannot convert NaN to bigint"},
	{"shardlite_int4('-Infinity', 'n')", "ERROR 0A000: cannot convert infinity to integer"},
	{"shardlite_numeric(9e999, 655366)",
	 "ERROR 22003: numeric field overflow\x1e"
	 "A field with precision 10, scale 2 cannot hold an infinite value."},
	{"shardlite_numeric(2.567, (5 << 16 | 2) + 4)", "2.57"},
	{"shardlite_numeric(12345, (5 << 16 | 2) + 4)",
	 "ERROR 22003: numeric field overflow\x1e"
	 "A field with precision 5, scale 2 must round to an absolute value less than 10^3."},
	{"shardlite_numeric(999.994, (5 << 16 | 2) + 4)", "999.99"},
	{"shardlite_numeric(999.995, (5 << 16 | 2) + 4)",
	 "ERROR 22003: numeric field overflow\x1e"
	 "A field with precision 5, scale 2 must round to an absolute value less than 10^3."},
	{"shardlite_numeric(1.5, (2 << 16 | 2) + 4)",
	 "ERROR 22003: numeric field overflow\x1e"
	 "A field with precision 2, scale 2 must round to an absolute value less than 1."},
	{"shardlite_numeric('1.5', (3 << 16 | 0) + 4)", "2.0"},
	{"shardlite_numeric('abc', (3 << 16 | 0) + 4)",
	 "ERROR 22P02: invalid input syntax for type numeric: \"abc\""},
	{"shardlite_numeric(7, (3 << 16 | 0) + 4)", "7"},
	{"shardlite_numeric(4.25, (5 << 16 | 1) + 4)", "4.3"},
	{"shardlite_numeric(2.675, (5 << 16 | 2) + 4)", "2.68"},
	{"shardlite_numeric(-2.5, (5 << 16 | 0) + 4)", "-3.0"},
	{"shardlite_numeric(0.004, (5 << 16 | 2) + 4)", "0.0"},
	{"shardlite_varchar('abcde', 5)", "abcde"},
	{"shardlite_varchar('toolong', 5)",
	 "ERROR 22001: value too long for type character varying(5)"},
	{"shardlite_varchar('ab   ', 2)", "ab"},
	{"shardlite_varchar('\xc3\xa9\xc3\xa9', 2)", "\xc3\xa9\xc3\xa9"},
	{"shardlite_bpchar('abc', 2)", "ERROR 22001: value too long for type character(2)"},
	{"'[' || shardlite_bpchar('ab   ', 2) || ']'", "[ab]"},
	{"'[' || shardlite_bpchar('a ', 3) || ']'", "[a]"},
	{"'[' || shardlite_bpchar('', 3) || ']'", "[]"},
	{"shardlite_bpchar('\xc3\xa9\xc3\xa9 ', 2)", "\xc3\xa9\xc3\xa9"},
	{"'[' || pgfn_bpchar_pad('ab', 4) || ']'", "[ab  ]"},
	{"'[' || pgfn_bpchar_pad('\xc3\xa9', 3) || ']'", "[\xc3\xa9  ]"},
	{"'[' || pgfn_bpchar_pad('abcd', 2) || ']'", "[abcd]"},
	{"pgfn_bpchar_pad(NULL, 2)", "NULL"},
	{"shardlite_uuid('{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}')",
	 "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
	{"shardlite_uuid('xyz')", "ERROR 22P02: invalid input syntax for type uuid: \"xyz\""},
	{"shardlite_uuid(NULL)", "NULL"},
	{"hex(shardlite_bytea('\\x0aFF'))", "0AFF"},
	{"hex(shardlite_bytea('a\\\\b'))", "615C62"},
	{"hex(shardlite_bytea(x'00ff'))", "00FF"},
	{"shardlite_bytea('\\xZ')", "ERROR 22023: invalid hexadecimal digit: \"Z\""},
	{"shardlite_varchar(NULL, 2)", "NULL"},
	/* name: 63 bytes, never inside a UTF-8 character */
	{"length(pgfn_name(printf('%070d', 0)))", "63"},
	{"pgfn_name('short')", "short"},
	{"pgfn_name(NULL)", "NULL"},
	{"length(CAST(pgfn_name(replace(printf('%040d', 0), '0', '\xc3\xa9')) AS BLOB))", "62"},
	{"length(CAST(pgfn_name('a' || replace(printf('%040d', 0), '0', '\xc3\xa9')) AS BLOB))",
	 "63"},
	{"length(CAST(pgfn_name(replace(printf('%030d', 0), '0', '\xe2\x82\xac')) AS BLOB))", "63"},
	{"length(CAST(pgfn_name('ab' || replace(printf('%030d', 0), '0', '\xe2\x82\xac')) AS BLOB))",
	 "62"},
};

START_TEST(cast_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

Suite *pgfn_test_cast_suite(void)
{
	Suite *s = suite_create("pgfn_cast");
	TCase *tc = tcase_create("cast");
	tcase_add_loop_test(tc, cast_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
