/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_range.c: the range types — range_in into canonical text (and its errors) as
 * PostgreSQL 15 prints them, the order of ranges (range_cmp), the output of date/time bounds in
 * another zone, and binary send/receive of range_send's bytes; the multiranges' input, output
 * and binary form. */
#include "pgtype_test.h"

static const struct range_case {
	uint32_t oid;
	const char *in;
	const char *sqlstate; /* NULL: accepted */
	const char *want;     /* canonical output, or the error message */
} cases[] = {
	{PGTYPE_INT4RANGE, "[1,5]", NULL, "[1,6)"},
	{PGTYPE_INT4RANGE, "(1,5)", NULL, "[2,5)"},
	{PGTYPE_INT4RANGE, "(1,2)", NULL, "empty"},
	{PGTYPE_INT4RANGE, "[3,3]", NULL, "[3,4)"},
	{PGTYPE_INT4RANGE, " EMPTY ", NULL, "empty"},
	{PGTYPE_INT4RANGE, "[,5]", NULL, "(,6)"},
	{PGTYPE_INT4RANGE, "(,)", NULL, "(,)"},
	{PGTYPE_INT4RANGE, "  [ 1 , 5 ]  ", NULL, "[1,6)"},
	{PGTYPE_INT4RANGE, "[\"1\",\"2\"]", NULL, "[1,3)"},
	{PGTYPE_INT8RANGE, "(-5,-1)", NULL, "[-4,-1)"},
	{PGTYPE_NUMRANGE, "[1.50,2e1)", NULL, "[1.50,20)"},
	{PGTYPE_NUMRANGE, "[ 01.10 , 2 )", NULL, "[1.10,2)"},
	{PGTYPE_NUMRANGE, "(,1e-3]", NULL, "(,0.001]"},
	{PGTYPE_NUMRANGE, "[-0.0,0]", NULL, "[0.0,0]"},
	{PGTYPE_NUMRANGE, "[1.5e-1,1.5e3]", NULL, "[0.15,1500]"},
	{PGTYPE_DATERANGE, "[2024-01-01,2024-01-31]", NULL, "[2024-01-01,2024-02-01)"},
	{PGTYPE_DATERANGE, "[-infinity,infinity]", NULL, "[-infinity,infinity]"},
	{PGTYPE_DATERANGE, "(2024-02-28,2024-02-29]", NULL, "[2024-02-29,2024-03-01)"},
	{PGTYPE_TSRANGE, "[2024-01-01 10:00, 2024-01-02)", NULL,
	 "[\"2024-01-01 10:00:00\",\"2024-01-02 00:00:00\")"},
	{PGTYPE_TSRANGE, "[2024-01-01,2024-01-01]", NULL,
	 "[\"2024-01-01 00:00:00\",\"2024-01-01 00:00:00\"]"},
	{PGTYPE_TSTZRANGE, "[2024-01-01 10:00+02,)", NULL, "[\"2024-01-01 08:00:00+00\",)"},
	{PGTYPE_INT4RANGE, "1,2", "22P02", "malformed range literal: \"1,2\""},
	{PGTYPE_INT4RANGE, "[1,2", "22P02", "malformed range literal: \"[1,2\""},
	{PGTYPE_INT4RANGE, "[1,2,3]", "22P02", "malformed range literal: \"[1,2,3]\""},
	{PGTYPE_INT4RANGE, "[5,1]", "22000",
	 "range lower bound must be less than or equal to range upper bound"},
	{PGTYPE_INT4RANGE, "[1,2147483647]", "22003", "integer out of range"},
	{PGTYPE_INT4RANGE, "[a,2]", "22P02", "invalid input syntax for type integer: \"a\""},
	{PGTYPE_DATERANGE, "[2024-02-30,)", "22008",
	 "date/time field value out of range: \"2024-02-30\""},
};

START_TEST(test_range_text)
{
	const struct range_case *k = &cases[_i];
	struct arena *a = arena_new(0);
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = pgtype_decode_text(k->oid, k->in, strlen(k->in), a, &v, &err);
	if (!k->sqlstate) {
		ck_assert_msg(ok, "%s: %s", k->in, err.message);
		ck_assert_msg(v.n == strlen(k->want) && memcmp(v.p, k->want, v.n) == 0,
			      "%s: got \"%.*s\", want \"%s\"", k->in, (int)v.n, v.p, k->want);
	} else {
		ck_assert_msg(!ok, "%s accepted", k->in);
		ck_assert_str_eq(err.sqlstate, k->sqlstate);
		ck_assert_str_eq(err.message, k->want);
	}
	arena_free(a);
}
END_TEST

START_TEST(test_range_detail)
{
	struct arena *a = arena_new(0);
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert(!pgtype_decode_text(PGTYPE_INT4RANGE, "empty x", 7, a, &v, &err));
	ck_assert_str_eq(err.detail, "Junk after \"empty\" key word.");
	pgerr_clear(&err);
	ck_assert(!pgtype_decode_text(PGTYPE_INT4RANGE, "[1,2] x", 7, a, &v, &err));
	ck_assert_str_eq(err.detail, "Junk after right parenthesis or bracket.");
	pgerr_clear(&err);
	ck_assert(!pgtype_decode_text(PGTYPE_INT4RANGE, "x", 1, a, &v, &err));
	ck_assert_str_eq(err.detail, "Missing left parenthesis or bracket.");
	arena_free(a);
}
END_TEST

/* range_cmp: empty first, then by lower bound (infinite first), then by upper bound. */
START_TEST(test_range_order)
{
	static const struct {
		uint32_t oid;
		const char *a, *b;
		int want;
	} k[] = {
		{PGTYPE_INT4RANGE, "empty", "(,)", -1},
		{PGTYPE_INT4RANGE, "(,5)", "[1,2)", -1},
		{PGTYPE_INT4RANGE, "[1,5)", "[1,6)", -1},
		{PGTYPE_INT4RANGE, "[1,)", "[1,100)", 1},
		{PGTYPE_INT4RANGE, "[9,10)", "[10,11)", -1},
		{PGTYPE_NUMRANGE, "[1.0,2)", "[1,2.00)", 0},
		{PGTYPE_NUMRANGE, "[9,10)", "[10,11)", -1},
		{PGTYPE_NUMRANGE, "(1,2)", "[1,2)", 1},
		{PGTYPE_NUMRANGE, "[-2,0)", "[-10,0)", 1},
		{PGTYPE_DATERANGE, "[-infinity,)", "[2024-01-01,)", -1},
	};
	struct arena *a = arena_new(0);
	for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		struct pgtype_range x, y;
		struct pgerr err;
		ck_assert(pgtype_range_in(k[i].oid, k[i].a, strlen(k[i].a), NULL, a, &x, &err));
		ck_assert(pgtype_range_in(k[i].oid, k[i].b, strlen(k[i].b), NULL, a, &y, &err));
		ck_assert_msg(pgtype_range_cmp(&x, &y) == k[i].want, "%s vs %s", k[i].a, k[i].b);
		ck_assert(pgtype_range_cmp(&y, &x) == -k[i].want);
	}
	arena_free(a);
}
END_TEST

START_TEST(test_range_zone)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	struct pgtype_value v = {.kind = PGTYPE_V_TEXT, .p = "[\"2024-07-01 13:00:00+00\",)"};
	v.n = strlen(v.p);
	pgtype_encode_text_styled(&sb, PGTYPE_TSTZRANGE, -1, pgtype_tz_lookup("America/New_York"),
				  NULL, &v);
	ck_assert_sb_str(&sb, "[\"2024-07-01 09:00:00-04\",)");
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_range_binary)
{
	struct arena *a = arena_new(0);
	struct strbuf sb;
	struct pgerr err;
	strbuf_init(&sb, 0);
	struct pgtype_value v = {.kind = PGTYPE_V_TEXT, .p = "[1,5)", .n = 5}, back;
	ck_assert(pgtype_encode_binary(&sb, PGTYPE_INT4RANGE, &v, &err));
	ck_assert_int_eq(sb.len, 17);
	ck_assert(memcmp(sb.data, "\x02\0\0\0\x04\0\0\0\x01\0\0\0\x04\0\0\0\x05", 17) == 0);
	ck_assert(pgtype_decode_binary(PGTYPE_INT4RANGE, (const uint8_t *)sb.data, sb.len, a, &back,
				       &err));
	ck_assert(back.n == 5 && memcmp(back.p, "[1,5)", 5) == 0);
	strbuf_reset(&sb);
	v = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = "empty", .n = 5};
	ck_assert(pgtype_encode_binary(&sb, PGTYPE_DATERANGE, &v, &err));
	ck_assert(sb.len == 1 && sb.data[0] == 1);
	strbuf_reset(&sb);
	v = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = "(,1.5]", .n = 6};
	ck_assert(pgtype_encode_binary(&sb, PGTYPE_NUMRANGE, &v, &err));
	ck_assert_int_eq(sb.data[0], 0x04 | 0x08);
	ck_assert(pgtype_decode_binary(PGTYPE_NUMRANGE, (const uint8_t *)sb.data, sb.len, a, &back,
				       &err));
	ck_assert(back.n == 6 && memcmp(back.p, "(,1.5]", 6) == 0);
	pgerr_clear(&err);
	ck_assert(!pgtype_decode_binary(PGTYPE_INT4RANGE, (const uint8_t *)"\x02\0\0\0\x04\0", 6, a,
					&back, &err));
	ck_assert_str_eq(err.sqlstate, "22P03");
	strbuf_fini(&sb);
	arena_free(a);
}
END_TEST

/* Multiranges: multirange_in (sorted, merged, empties dropped) and its errors, and
 * multirange_send's bytes (a count, then each range_send with its length). */
static const struct range_case mr_cases[] = {
	{PGTYPE_INT4MULTIRANGE, "{[1,3), [5,7)}", NULL, "{[1,3),[5,7)}"},
	{PGTYPE_INT4MULTIRANGE, " { } ", NULL, "{}"},
	{PGTYPE_INT4MULTIRANGE, "{[5,7), [1,3), [3,4], empty}", NULL, "{[1,7)}"},
	{PGTYPE_INT4MULTIRANGE, "{(,1), [0,5), (7,)}", NULL, "{(,5),[8,)}"},
	{PGTYPE_NUMMULTIRANGE, "{[1,2), (2,3)}", NULL, "{[1,2),(2,3)}"},
	{PGTYPE_NUMMULTIRANGE, "{[1,2], (2,3)}", NULL, "{[1,3)}"},
	{PGTYPE_TSMULTIRANGE, "{[\"2024-01-01 10:00\", 2024-01-01 11:00)}", NULL,
	 "{[\"2024-01-01 10:00:00\",\"2024-01-01 11:00:00\")}"},
	{PGTYPE_INT4MULTIRANGE, "[1,2)", "22P02", "malformed multirange literal: \"[1,2)\""},
	{PGTYPE_INT4MULTIRANGE, "{[1,2)", "22P02", "malformed multirange literal: \"{[1,2)\""},
	{PGTYPE_INT4MULTIRANGE, "{[1,2)} x", "22P02",
	 "malformed multirange literal: \"{[1,2)} x\""},
	{PGTYPE_INT4MULTIRANGE, "{x}", "22P02", "malformed multirange literal: \"{x}\""},
	{PGTYPE_INT4MULTIRANGE, "{[3,1)}", "22000",
	 "range lower bound must be less than or equal to range upper bound"},
};

START_TEST(test_multirange_text)
{
	const struct range_case *t = &mr_cases[_i];
	struct arena *a = arena_new(0);
	struct pgtype_multirange m;
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = pgtype_multirange_in(t->oid, t->in, strlen(t->in), NULL, a, &m, &err);
	if (t->sqlstate) {
		ck_assert_msg(!ok, "%s accepted", t->in);
		ck_assert_str_eq(err.sqlstate, t->sqlstate);
		ck_assert_str_eq(err.message, t->want);
	} else {
		ck_assert_msg(ok, "%s: %s", t->in, err.message);
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgtype_multirange_out(&sb, &m);
		ck_assert_str_eq(sb.data, t->want);
		strbuf_fini(&sb);
	}
	arena_free(a);
}
END_TEST

START_TEST(test_multirange_binary)
{
	static const uint8_t want[] = {0, 0, 0, 2, 0, 0, 0, 17, 2, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 4,
				       0, 0, 0, 3, 0, 0, 0, 9, 0x12, 0, 0, 0, 4, 0, 0, 0, 5};
	struct arena *a = arena_new(0);
	struct strbuf sb;
	struct pgerr err;
	strbuf_init(&sb, 0);
	struct pgtype_value v = {.kind = PGTYPE_V_TEXT, .p = "{[1,3),[5,)}", .n = 12}, back;
	ck_assert(pgtype_encode_binary(&sb, PGTYPE_INT4MULTIRANGE, &v, &err));
	ck_assert_uint_eq(sb.len, sizeof(want));
	ck_assert(memcmp(sb.data, want, sizeof(want)) == 0);
	ck_assert(pgtype_decode_binary(PGTYPE_INT4MULTIRANGE, (const uint8_t *)sb.data, sb.len, a,
				       &back, &err));
	ck_assert_int_eq((int)back.n, 12);
	ck_assert(memcmp(back.p, "{[1,3),[5,)}", 12) == 0);
	ck_assert(!pgtype_decode_binary(PGTYPE_INT4MULTIRANGE, want, 10, a, &back, &err));
	ck_assert_str_eq(err.sqlstate, "22P03");
	strbuf_fini(&sb);
	arena_free(a);
}
END_TEST

Suite *pgtype_test_range_suite(void)
{
	Suite *s = suite_create("pgtype_range");
	TCase *tc = tcase_create("range");
	tcase_add_loop_test(tc, test_range_text, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_range_detail);
	tcase_add_test(tc, test_range_order);
	tcase_add_test(tc, test_range_zone);
	tcase_add_test(tc, test_range_binary);
	tcase_add_loop_test(tc, test_multirange_text, 0,
			    (int)(sizeof(mr_cases) / sizeof(mr_cases[0])));
	tcase_add_test(tc, test_multirange_binary);
	suite_add_tcase(s, tc);
	return s;
}
