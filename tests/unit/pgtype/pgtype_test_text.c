/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_text.c: text output of every storage class for each family of column type,
 * with and without typmods; expected strings are what PostgreSQL 15 prints for the value
 * (or, for a storage class that does not fit the type, for the closest value). */
#include "pgtype_test.h"

#include <math.h>

struct text_case {
	uint32_t oid;
	int32_t typmod;
	struct pgtype_value v;
	const char *want;
};

#define I(x)                                   \
	{                                      \
		.kind = PGTYPE_V_INT, .i = (x) \
	}
#define F(x)                                     \
	{                                        \
		.kind = PGTYPE_V_FLOAT, .f = (x) \
	}
#define T(s)                                                        \
	{                                                           \
		.kind = PGTYPE_V_TEXT, .p = (s), .n = sizeof(s) - 1 \
	}
#define B(s)                                                        \
	{                                                           \
		.kind = PGTYPE_V_BLOB, .p = (s), .n = sizeof(s) - 1 \
	}

static const struct text_case cases[] = {
	/* bool: SQLite stores 0/1; text spellings are read as boolin would */
	{PGTYPE_BOOL, -1, I(1), "t"},
	{PGTYPE_BOOL, -1, I(0), "f"},
	{PGTYPE_BOOL, -1, I(-7), "t"},
	{PGTYPE_BOOL, -1, F(0.0), "f"},
	{PGTYPE_BOOL, -1, F(0.5), "t"},
	{PGTYPE_BOOL, -1, T("true"), "t"},
	{PGTYPE_BOOL, -1, T("t"), "t"},
	{PGTYPE_BOOL, -1, T(" yes "), "t"},
	{PGTYPE_BOOL, -1, T("on"), "t"},
	{PGTYPE_BOOL, -1, T("FALSE"), "f"},
	{PGTYPE_BOOL, -1, T("off"), "f"},
	{PGTYPE_BOOL, -1, T("0"), "f"},
	{PGTYPE_BOOL, -1, T("maybe"), "maybe"},
	/* integers; floats round half to even as the float8 → integer cast does */
	{PGTYPE_INT4, -1, I(42), "42"},
	{PGTYPE_INT4, -1, I(-2147483648), "-2147483648"},
	{PGTYPE_INT8, -1, I(INT64_MIN), "-9223372036854775808"},
	{PGTYPE_INT8, -1, I(INT64_MAX), "9223372036854775807"},
	{PGTYPE_INT8, -1, I(0), "0"},
	{PGTYPE_INT8, -1, I(-10), "-10"},
	{PGTYPE_INT2, -1, I(-32768), "-32768"},
	{PGTYPE_OID, -1, I(4294967295), "4294967295"},
	{PGTYPE_INT4, -1, F(1.5), "2"},
	{PGTYPE_INT4, -1, F(2.5), "2"},
	{PGTYPE_INT4, -1, F(-2.5), "-2"},
	{PGTYPE_INT4, -1, F(3.7), "4"},
	{PGTYPE_INT4, -1, F(0.5), "0"},
	{PGTYPE_INT8, -1, F(-0.0), "0"},
	{PGTYPE_INT8, -1, F(1e30), "1000000000000000000000000000000"},
	{PGTYPE_INT8, -1, F(NAN), "NaN"},
	{PGTYPE_INT4, -1, T("abc"), "abc"},
	/* floats */
	{PGTYPE_FLOAT8, -1, F(0.1), "0.1"},
	{PGTYPE_FLOAT8, -1, F(1e100), "1e+100"},
	{PGTYPE_FLOAT8, -1, F(-0.0), "-0"},
	{PGTYPE_FLOAT8, -1, F(INFINITY), "Infinity"},
	{PGTYPE_FLOAT8, -1, I(3), "3"},
	{PGTYPE_FLOAT8, -1, I(9007199254740993), "9.007199254740992e+15"},
	{PGTYPE_FLOAT8, -1, T("NaN"), "NaN"},
	{PGTYPE_FLOAT4, -1, F(0.1), "0.1"},
	{PGTYPE_FLOAT4, -1, F(0.1f), "0.1"},
	{PGTYPE_FLOAT4, -1, F(3.4028235e38), "3.4028235e+38"},
	{PGTYPE_FLOAT4, -1, I(16777217), "1.6777216e+07"},
	/* numeric without and with a scale */
	{PGTYPE_NUMERIC, -1, I(5), "5"},
	{PGTYPE_NUMERIC, -1, F(1.5), "1.5"},
	{PGTYPE_NUMERIC, -1, F(1e-7), "0.0000001"},
	{PGTYPE_NUMERIC, -1, T("12.340"), "12.340"},
	{PGTYPE_NUMERIC, -1, T("NaN"), "NaN"},
	{PGTYPE_NUMERIC, 655366, I(5), "5.00"},
	{PGTYPE_NUMERIC, 655366, I(-5), "-5.00"},
	{PGTYPE_NUMERIC, 655366, F(1.5), "1.50"},
	{PGTYPE_NUMERIC, 655366, F(1.005), "1.01"},
	{PGTYPE_NUMERIC, 655366, F(-1.005), "-1.01"},
	{PGTYPE_NUMERIC, 655366, F(99.995), "100.00"},
	{PGTYPE_NUMERIC, 655366, F(-0.001), "0.00"},
	{PGTYPE_NUMERIC, 655366, F(1e-7), "0.00"},
	{PGTYPE_NUMERIC, 655366, T("9.999"), "10.00"},
	{PGTYPE_NUMERIC, 655366, T(".5"), "0.50"},
	{PGTYPE_NUMERIC, 655366, T("NaN"), "NaN"},
	{PGTYPE_NUMERIC, 655366, T("1e5"), "1e5"}, /* not plain digits: as stored */
	{PGTYPE_NUMERIC, 458756, F(2.5), "3"},
	{PGTYPE_NUMERIC, 458756, F(-2.5), "-3"},
	{PGTYPE_NUMERIC, 327685, I(12), "12.0"},
	/* bytea: hex; text's bytes; a number's digits */
	{PGTYPE_BYTEA, -1, B("\x00\xff\x10"), "\\x00ff10"},
	{PGTYPE_BYTEA, -1, B(""), "\\x"},
	{PGTYPE_BYTEA, -1, T("abc"), "\\x616263"},
	{PGTYPE_BYTEA, -1, I(12), "\\x3132"},
	/* the text family and everything stored as text */
	{PGTYPE_TEXT, -1, T("hello"), "hello"},
	{PGTYPE_TEXT, -1, I(42), "42"},
	{PGTYPE_TEXT, -1, F(0.1), "0.1"},
	{PGTYPE_TEXT, -1, B("raw"), "raw"},
	{PGTYPE_VARCHAR, 24, T("x"), "x"},
	{PGTYPE_NAME, -1, T("pg_class"), "pg_class"},
	{PGTYPE_JSON, -1, T("{\"a\": 1}"), "{\"a\": 1}"},
	{PGTYPE_JSONB, -1, T("{\"a\": 1}"), "{\"a\": 1}"},
	{PGTYPE_UUID, -1, T("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
	 "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
	{PGTYPE_DATE, -1, T("2024-02-29"), "2024-02-29"},
	{PGTYPE_TIMESTAMPTZ, -1, T("2024-02-29 12:00:00+00"), "2024-02-29 12:00:00+00"},
	{PGTYPE_INTERVAL, -1, T("1 day"), "1 day"},
	{PGTYPE_TIME, -1, I(12), "12"},
	{99999, -1, I(7), "7"},
	/* character(n) pads to n characters */
	{PGTYPE_BPCHAR, 9, T("ab"), "ab   "},
	{PGTYPE_BPCHAR, 9, T("h\xc3\xa9llo"), "h\xc3\xa9llo"},
	{PGTYPE_BPCHAR, 11, T("h\xc3\xa9llo"), "h\xc3\xa9llo  "},
	{PGTYPE_BPCHAR, -1, T("ab"), "ab"},
	{PGTYPE_BPCHAR, 5, I(7), "7"},
};

START_TEST(encode_text)
{
	const struct text_case *c = &cases[_i];
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_encode_text_typmod(&sb, c->oid, c->typmod, &c->v);
	ck_assert_sb_str(&sb, c->want);
	if (c->typmod == -1) {
		strbuf_reset(&sb);
		pgtype_encode_text(&sb, c->oid, &c->v);
		ck_assert_sb_str(&sb, c->want);
	}
	strbuf_fini(&sb);
}
END_TEST

/* Output appends; a limited buffer sets its failure bit instead of growing. */
START_TEST(appends_and_limits)
{
	struct strbuf sb;
	strbuf_init(&sb, 8);
	struct pgtype_value v = pgtype_test_int(12);
	pgtype_encode_text(&sb, PGTYPE_INT4, &v);
	pgtype_encode_text(&sb, PGTYPE_BOOL, &v);
	ck_assert_sb_str(&sb, "12t");
	v = pgtype_test_text("0123456789");
	pgtype_encode_text(&sb, PGTYPE_BYTEA, &v);
	ck_assert(sb.failed);
	strbuf_fini(&sb);
}
END_TEST

Suite *pgtype_test_text_suite(void)
{
	Suite *s = suite_create("pgtype_text");
	TCase *tc = tcase_create("text");
	tcase_add_loop_test(tc, encode_text, 0, ARRAY_LEN(cases));
	tcase_add_test(tc, appends_and_limits);
	suite_add_tcase(s, tc);
	return s;
}
