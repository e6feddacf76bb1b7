/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_bit.c: bit and bit varying — bit_in/varbit_in into the stored text of bits (and
 * their errors, with a length rule), and binary send/receive of varbit_send's format, as
 * PostgreSQL 15 reads, prints and sends them. */
#include "pgtype_test.h"

static const struct bit_case {
	const char *in;
	int32_t typmod;
	bool varying;
	const char *sqlstate; /* NULL: accepted */
	const char *want;     /* the stored text, or the error message */
} cases[] = {
	{"1010", -1, false, NULL, "1010"},
	{"B0110", -1, false, NULL, "0110"},
	{"b", -1, true, NULL, ""},
	{"", -1, true, NULL, ""},
	{"X1f", -1, false, NULL, "00011111"},
	{"xA", 4, false, NULL, "1010"},
	{"101", 3, false, NULL, "101"},
	{"10", 5, true, NULL, "10"},
	{"10", 3, false, "22026", "bit string length 2 does not match type bit(3)"},
	{"X1", 3, false, "22026", "bit string length 4 does not match type bit(3)"},
	{"1011", 3, true, "22001", "bit string too long for type bit varying(3)"},
	{"1021", -1, false, "22P02", "\"2\" is not a valid binary digit"},
	{"b1 1", -1, true, "22P02", "\" \" is not a valid binary digit"},
	{"x1g", -1, true, "22P02", "\"g\" is not a valid hexadecimal digit"},
	{"1\xc3\xa9", -1, true, "22P02", "\"\xc3\xa9\" is not a valid binary digit"},
	{"12", 3, false, "22026", "bit string length 2 does not match type bit(3)"},
};

START_TEST(test_bit_parse)
{
	const struct bit_case *k = &cases[_i];
	struct strbuf sb;
	struct pgerr err;
	pgerr_clear(&err);
	strbuf_init(&sb, 0);
	bool ok = pgtype_bit_parse(k->in, strlen(k->in), k->typmod, k->varying, &sb, &err);
	if (!k->sqlstate) {
		ck_assert_msg(ok, "%s: %s", k->in, err.message);
		ck_assert_msg(sb.len == strlen(k->want) &&
				      memcmp(sb.data ? sb.data : "", k->want, sb.len) == 0,
			      "%s: got %.*s, want %s", k->in, (int)sb.len, sb.data, k->want);
	} else {
		ck_assert_msg(!ok, "%s accepted", k->in);
		ck_assert_str_eq(err.sqlstate, k->sqlstate);
		ck_assert_str_eq(err.message, k->want);
	}
	strbuf_fini(&sb);
}
END_TEST

/* Wire bytes of varbit_send of PostgreSQL 15 (bit_send is the same). */
static const struct bin_case {
	uint32_t oid;
	const char *text;
	const char *bytes;
	size_t n;
} bins[] = {
	{PGTYPE_BIT, "101", "\x00\x00\x00\x03\xa0", 5},
	{PGTYPE_VARBIT, "000011110000", "\x00\x00\x00\x0c\x0f\x00", 6},
	{PGTYPE_VARBIT, "", "\x00\x00\x00\x00", 4},
	{PGTYPE_BIT, "1010101011", "\x00\x00\x00\x0a\xaa\xc0", 6},
};

START_TEST(test_bit_binary)
{
	const struct bin_case *k = &bins[_i];
	struct strbuf sb;
	struct pgerr err;
	struct pgtype_value v = pgtype_test_text(k->text), back;
	struct arena *a = arena_new(0);
	pgerr_clear(&err);
	strbuf_init(&sb, 0);
	ck_assert(pgtype_by_oid(k->oid)->binary_ok);
	ck_assert(pgtype_encode_binary(&sb, k->oid, &v, &err));
	ck_assert_uint_eq(sb.len, k->n);
	ck_assert(memcmp(sb.data, k->bytes, k->n) == 0);
	ck_assert(pgtype_decode_binary(k->oid, (const uint8_t *)k->bytes, k->n, a, &back, &err));
	ck_assert(back.kind == PGTYPE_V_TEXT && back.n == strlen(k->text) &&
		  memcmp(back.p, k->text, back.n) == 0);
	strbuf_fini(&sb);
	arena_free(a);
}
END_TEST

START_TEST(test_bit_binary_errors)
{
	struct arena *a = arena_new(0);
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert(!pgtype_decode_binary(PGTYPE_VARBIT, (const uint8_t *)"\xff\xff\xff\xff", 4, a,
					&v, &err));
	ck_assert_str_eq(err.sqlstate, "22P03");
	ck_assert_str_eq(err.message, "invalid length in external bit string");
	pgerr_clear(&err);
	ck_assert(!pgtype_decode_binary(PGTYPE_BIT, (const uint8_t *)"\x00\x00\x00\x09\xff", 5, a,
					&v, &err));
	ck_assert_str_eq(err.sqlstate, "22P03");
	/* text input reads the stored text back (the decode of a parameter sent as text) */
	pgerr_clear(&err);
	ck_assert(pgtype_decode_text(PGTYPE_VARBIT, "x8", 2, a, &v, &err));
	ck_assert(v.kind == PGTYPE_V_TEXT && v.n == 4 && memcmp(v.p, "1000", 4) == 0);
	arena_free(a);
}
END_TEST

Suite *pgtype_test_bit_suite(void)
{
	Suite *s = suite_create("pgtype_bit");
	TCase *tc = tcase_create("bit");
	tcase_add_loop_test(tc, test_bit_parse, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_loop_test(tc, test_bit_binary, 0, (int)(sizeof(bins) / sizeof(bins[0])));
	tcase_add_test(tc, test_bit_binary_errors);
	suite_add_tcase(s, tc);
	return s;
}
