/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_money.c: money with lc_monetary C — cash_in's input forms, rounding and errors,
 * cash_out's text, cash_words, and the int8 binary format, with PostgreSQL 15's results. */
#include "pgtype_test.h"

static const struct money_case {
	const char *in;
	const char *sqlstate; /* NULL: accepted */
	int64_t cents;
	const char *want; /* cash_out of the value, or the error message */
} cases[] = {
	{"$1,234.56", NULL, 123456, "$1,234.56"},
	{"-1234.5", NULL, -123450, "-$1,234.50"},
	{"(1.00)", NULL, -100, "-$1.00"},
	{"1,2,3", NULL, 12300, "$123.00"},
	{" $ 12 ", NULL, 1200, "$12.00"},
	{"12.345", NULL, 1235, "$12.35"},
	{"12.3449", NULL, 1234, "$12.34"},
	{"$-5", NULL, -500, "-$5.00"},
	{"5-", NULL, -500, "-$5.00"},
	{"-0.005", NULL, -1, "-$0.01"},
	{".5", NULL, 50, "$0.50"},
	{"", NULL, 0, "$0.00"},
	{"92233720368547758.07", NULL, INT64_MAX, "$92,233,720,368,547,758.07"},
	{"-92233720368547758.08", NULL, INT64_MIN, "-$92,233,720,368,547,758.08"},
	{"92233720368547758.08", "22003", 0,
	 "value \"92233720368547758.08\" is out of range for type money"},
	{"1e2", "22P02", 0, "invalid input syntax for type money: \"1e2\""},
	{"1.2.3", "22P02", 0, "invalid input syntax for type money: \"1.2.3\""},
	{"abc", "22P02", 0, "invalid input syntax for type money: \"abc\""},
};

START_TEST(test_money_parse)
{
	const struct money_case *k = &cases[_i];
	struct pgerr err;
	pgerr_clear(&err);
	int64_t v = 0;
	bool ok = pgtype_money_parse(k->in, strlen(k->in), &v, &err);
	if (k->sqlstate) {
		ck_assert_msg(!ok, "%s accepted", k->in);
		ck_assert_str_eq(err.sqlstate, k->sqlstate);
		ck_assert_str_eq(err.message, k->want);
		return;
	}
	ck_assert_msg(ok, "%s: %s", k->in, err.message);
	ck_assert_msg(v == k->cents, "%s: %lld", k->in, (long long)v);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	struct pgtype_value pv = {.kind = PGTYPE_V_INT, .i = v};
	pgtype_encode_text(&sb, PGTYPE_MONEY, &pv);
	strbuf_putc(&sb, '\0');
	ck_assert_str_eq(sb.data, k->want);
	strbuf_fini(&sb);
}
END_TEST

static const struct words_case {
	int64_t cents;
	const char *want;
} words[] = {
	{123456, "One thousand two hundred thirty four dollars and fifty six cents"},
	{-100, "Minus one dollar and zero cents"},
	{0, "Zero dollars and zero cents"},
	{101, "One dollar and one cent"},
	{10000000000, "One hundred million  dollars and zero cents"},
	{10510, "One hundred and five dollars and ten cents"},
	{11000, "One hundred and ten dollars and zero cents"},
	{12000, "One hundred twenty dollars and zero cents"},
	{INT64_MIN, "Minus ninety two quadrillion two hundred thirty three trillion seven hundred "
		    "twenty billion three hundred sixty eight million five hundred forty seven "
		    "thousand seven hundred fifty eight dollars and eight cents"},
};

START_TEST(test_money_words)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_money_words(&sb, words[_i].cents);
	strbuf_putc(&sb, '\0');
	ck_assert_str_eq(sb.data, words[_i].want);
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_money_binary)
{
	struct arena *a = arena_new(0);
	struct strbuf sb;
	struct pgerr err;
	struct pgtype_value v = {.kind = PGTYPE_V_INT, .i = -123456}, back;
	pgerr_clear(&err);
	strbuf_init(&sb, 0);
	ck_assert(pgtype_by_oid(PGTYPE_MONEY)->binary_ok);
	ck_assert(pgtype_encode_binary(&sb, PGTYPE_MONEY, &v, &err));
	ck_assert_uint_eq(sb.len, 8);
	ck_assert(memcmp(sb.data, "\xff\xff\xff\xff\xff\xfe\x1d\xc0", 8) == 0);
	ck_assert(pgtype_decode_binary(PGTYPE_MONEY, (const uint8_t *)sb.data, 8, a, &back, &err));
	ck_assert(back.kind == PGTYPE_V_INT && back.i == -123456);
	ck_assert(!pgtype_decode_binary(PGTYPE_MONEY, (const uint8_t *)sb.data, 4, a, &back, &err));
	ck_assert_str_eq(err.sqlstate, "22P03");
	/* a parameter sent as text is read by cash_in into cents */
	pgerr_clear(&err);
	ck_assert(pgtype_decode_text(PGTYPE_MONEY, "$2.50", 5, a, &back, &err));
	ck_assert(back.kind == PGTYPE_V_INT && back.i == 250);
	strbuf_fini(&sb);
	arena_free(a);
}
END_TEST

Suite *pgtype_test_money_suite(void)
{
	Suite *s = suite_create("pgtype_money");
	TCase *tc = tcase_create("money");
	tcase_add_loop_test(tc, test_money_parse, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_loop_test(tc, test_money_words, 0, (int)(sizeof(words) / sizeof(words[0])));
	tcase_add_test(tc, test_money_binary);
	suite_add_tcase(s, tc);
	return s;
}
