/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_net.c: inet, cidr, macaddr and macaddr8 — text input into canonical text (and
 * input errors) as PostgreSQL 15.18 printed them, and binary send/receive of network_send's
 * and macaddr_send's bytes. */
#include "pgtype_test.h"

static const struct net_case {
	uint32_t oid;
	const char *in;
	const char *sqlstate; /* NULL: accepted */
	const char *want;     /* canonical output, or the error message */
} cases[] = {
	{PGTYPE_INET, "192.168.1.5", NULL, "192.168.1.5"},
	{PGTYPE_INET, "192.168.1.5/24", NULL, "192.168.1.5/24"},
	{PGTYPE_INET, "10.1/16", NULL, "10.1.0.0/16"},
	{PGTYPE_INET, "0.0.0.0/0", NULL, "0.0.0.0/0"},
	{PGTYPE_INET, "::", NULL, "::"},
	{PGTYPE_INET, "::1", NULL, "::1"},
	{PGTYPE_INET, "::2", NULL, "::2"},
	{PGTYPE_INET, "1::", NULL, "1::"},
	{PGTYPE_INET, "2001:DB8::1/64", NULL, "2001:db8::1/64"},
	{PGTYPE_INET, "2001:db8:0:0:1:0:0:1", NULL, "2001:db8::1:0:0:1"},
	{PGTYPE_INET, "2001:0:0:1:0:0:0:1", NULL, "2001:0:0:1::1"},
	{PGTYPE_INET, "fe80::1:2:3:4", NULL, "fe80::1:2:3:4"},
	{PGTYPE_INET, "::ffff:10.0.0.1", NULL, "::ffff:10.0.0.1"},
	{PGTYPE_INET, "::10.0.0.1/120", NULL, "::10.0.0.1/120"},
	{PGTYPE_INET, "1:2:3:4:5:6:7:8", NULL, "1:2:3:4:5:6:7:8"},
	{PGTYPE_INET, "1:2:3:4:5:6:1.2.3.4", NULL, "1:2:3:4:5:6:102:304"},
	{PGTYPE_INET, "1:0:0:0:0:0:0:1/128", NULL, "1::1"},
	{PGTYPE_CIDR, "10", NULL, "10.0.0.0/8"},
	{PGTYPE_CIDR, "10/8", NULL, "10.0.0.0/8"},
	{PGTYPE_CIDR, "128.1", NULL, "128.1.0.0/16"},
	{PGTYPE_CIDR, "192.168", NULL, "192.168.0.0/24"},
	{PGTYPE_CIDR, "224", NULL, "224.0.0.0/4"},
	{PGTYPE_CIDR, "224.1", NULL, "224.1.0.0/16"},
	{PGTYPE_CIDR, "240", NULL, "240.0.0.0/32"},
	{PGTYPE_CIDR, "10.1.2.0/24", NULL, "10.1.2.0/24"},
	{PGTYPE_CIDR, "0.0.0.0/0", NULL, "0.0.0.0/0"},
	{PGTYPE_CIDR, "2001:db8::/32", NULL, "2001:db8::/32"},
	{PGTYPE_CIDR, "::/0", NULL, "::/0"},
	{PGTYPE_CIDR, "::1", NULL, "::1/128"},
	{PGTYPE_CIDR, "192.168.1/24", NULL, "192.168.1.0/24"},
	{PGTYPE_MACADDR, "08:00:2b:01:02:03", NULL, "08:00:2b:01:02:03"},
	{PGTYPE_MACADDR, "08-00-2b-01-02-03", NULL, "08:00:2b:01:02:03"},
	{PGTYPE_MACADDR, "08002b:010203", NULL, "08:00:2b:01:02:03"},
	{PGTYPE_MACADDR, "08002b-010203", NULL, "08:00:2b:01:02:03"},
	{PGTYPE_MACADDR, "0800.2b01.0203", NULL, "08:00:2b:01:02:03"},
	{PGTYPE_MACADDR, "0800-2b01-0203", NULL, "08:00:2b:01:02:03"},
	{PGTYPE_MACADDR, "08002b010203", NULL, "08:00:2b:01:02:03"},
	{PGTYPE_MACADDR, "AB:CD:EF:1:2:3", NULL, "ab:cd:ef:01:02:03"},
	{PGTYPE_MACADDR8, "08:00:2b:01:02:03:04:05", NULL, "08:00:2b:01:02:03:04:05"},
	{PGTYPE_MACADDR8, "08-00-2b-01-02-03-04-05", NULL, "08:00:2b:01:02:03:04:05"},
	{PGTYPE_MACADDR8, "08002b:0102030405", NULL, "08:00:2b:01:02:03:04:05"},
	{PGTYPE_MACADDR8, "0800.2b01.0203.0405", NULL, "08:00:2b:01:02:03:04:05"},
	{PGTYPE_MACADDR8, "08002b0102030405", NULL, "08:00:2b:01:02:03:04:05"},
	{PGTYPE_MACADDR8, "08:00:2b:01:02:03", NULL, "08:00:2b:ff:fe:01:02:03"},
	{PGTYPE_MACADDR8, "  08:00:2b:01:02:03:04:05  ", NULL, "08:00:2b:01:02:03:04:05"},
	{PGTYPE_INET, "x", "22P02", "invalid input syntax for type inet: \"x\""},
	{PGTYPE_INET, "", "22P02", "invalid input syntax for type inet: \"\""},
	{PGTYPE_INET, "10.1", "22P02", "invalid input syntax for type inet: \"10.1\""},
	{PGTYPE_INET, "256.1.1.1", "22P02", "invalid input syntax for type inet: \"256.1.1.1\""},
	{PGTYPE_INET, "1.2.3.4/33", "22P02", "invalid input syntax for type inet: \"1.2.3.4/33\""},
	{PGTYPE_INET, "1.2.3.4/", "22P02", "invalid input syntax for type inet: \"1.2.3.4/\""},
	{PGTYPE_INET, " 1.2.3.4", "22P02", "invalid input syntax for type inet: \" 1.2.3.4\""},
	{PGTYPE_INET, "1.2.3.4 ", "22P02", "invalid input syntax for type inet: \"1.2.3.4 \""},
	{PGTYPE_INET, "1.2.3.4.5", "22P02", "invalid input syntax for type inet: \"1.2.3.4.5\""},
	{PGTYPE_INET, "10.1/24", "22P02", "invalid input syntax for type inet: \"10.1/24\""},
	{PGTYPE_INET, "::1/129", "22P02", "invalid input syntax for type inet: \"::1/129\""},
	{PGTYPE_INET, "1:2:3:4:5:6:7:8:9", "22P02", "invalid input syntax for type inet: \"1:2:3:4:5:6:7:8:9\""},
	{PGTYPE_INET, "1::2::3", "22P02", "invalid input syntax for type inet: \"1::2::3\""},
	{PGTYPE_INET, "12345::", "22P02", "invalid input syntax for type inet: \"12345::\""},
	{PGTYPE_INET, ":1", "22P02", "invalid input syntax for type inet: \":1\""},
	{PGTYPE_INET, "1:", "22P02", "invalid input syntax for type inet: \"1:\""},
	{PGTYPE_CIDR, "192.168.1.5/24", "22P02", "invalid cidr value: \"192.168.1.5/24\""},
	{PGTYPE_CIDR, "10.1.2.3/8", "22P02", "invalid cidr value: \"10.1.2.3/8\""},
	{PGTYPE_CIDR, "2001:db8::1/32", "22P02", "invalid cidr value: \"2001:db8::1/32\""},
	{PGTYPE_CIDR, "10/33", "22P02", "invalid input syntax for type cidr: \"10/33\""},
	{PGTYPE_MACADDR, "08:00:2b:01:02", "22P02", "invalid input syntax for type macaddr: \"08:00:2b:01:02\""},
	{PGTYPE_MACADDR, "08:00:2b:01:02:0g", "22P02", "invalid input syntax for type macaddr: \"08:00:2b:01:02:0g\""},
	{PGTYPE_MACADDR, "08:00:2b:01:02:300", "22003", "invalid octet value in \"macaddr\" value: \"08:00:2b:01:02:300\""},
	{PGTYPE_MACADDR, "08:00:2b:01:02:03:04", "22P02", "invalid input syntax for type macaddr: \"08:00:2b:01:02:03:04\""},
	{PGTYPE_MACADDR8, "08:00:2b:01:02:03:04", "22P02", "invalid input syntax for type macaddr8: \"08:00:2b:01:02:03:04\""},
	{PGTYPE_MACADDR8, "08:00:2b:01:02:03:04:05:06", "22P02", "invalid input syntax for type macaddr8: \"08:00:2b:01:02:03:04:05:06\""},
	{PGTYPE_MACADDR8, "08:00-2b:01:02:03", "22P02", "invalid input syntax for type macaddr8: \"08:00-2b:01:02:03\""},
	{PGTYPE_MACADDR8, "0g:00:2b:01:02:03", "22P02", "invalid input syntax for type macaddr8: \"0g:00:2b:01:02:03\""},
	{PGTYPE_MACADDR8, "08:00:2b:01:02:03 x", "22P02", "invalid input syntax for type macaddr8: \"08:00:2b:01:02:03 x\""},
};

START_TEST(test_net_text)
{
	const struct net_case *k = &cases[_i];
	struct arena *a = arena_new(0);
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = pgtype_decode_text(k->oid, k->in, strlen(k->in), a, &v, &err);
	if (!k->sqlstate) {
		ck_assert_msg(ok, "%s: %s", k->in, err.message);
		ck_assert_msg(v.kind == PGTYPE_V_TEXT && v.n == strlen(k->want) &&
				      memcmp(v.p, k->want, v.n) == 0,
			      "%s: got %.*s, want %s", k->in, (int)v.n, v.p, k->want);
	} else {
		ck_assert_msg(!ok, "%s accepted", k->in);
		ck_assert_str_eq(err.sqlstate, k->sqlstate);
		ck_assert_str_eq(err.message, k->want);
	}
	arena_free(a);
}
END_TEST

START_TEST(test_cidr_detail)
{
	struct pgtype_inet in;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert(!pgtype_inet_parse("10.1.2.3/8", 10, true, &in, &err));
	ck_assert_str_eq(err.detail, "Value has bits set to right of mask.");
}
END_TEST

/* Wire bytes taken from inet_send/cidr_send/macaddr_send/macaddr8_send of PostgreSQL 15. */
static const struct bin_case {
	uint32_t oid;
	const char *text;
	const char *bytes;
	size_t n;
} bins[] = {
	{PGTYPE_INET, "192.168.1.5/24", "\x02\x18\x00\x04\xc0\xa8\x01\x05", 8},
	{PGTYPE_CIDR, "2001:db8::/32",
	 "\x03\x20\x01\x10\x20\x01\x0d\xb8\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 20},
	{PGTYPE_INET, "::1",
	 "\x03\x80\x00\x10\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01", 20},
	{PGTYPE_MACADDR, "08:00:2b:01:02:03", "\x08\x00\x2b\x01\x02\x03", 6},
	{PGTYPE_MACADDR8, "08:00:2b:01:02:03:04:05", "\x08\x00\x2b\x01\x02\x03\x04\x05", 8},
};

START_TEST(test_net_binary)
{
	const struct bin_case *k = &bins[_i];
	struct strbuf sb;
	struct pgerr err;
	struct pgtype_value v = pgtype_test_text(k->text), back;
	struct arena *a = arena_new(0);
	pgerr_clear(&err);
	strbuf_init(&sb, 0);
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

START_TEST(test_net_binary_errors)
{
	struct arena *a = arena_new(0);
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert(!pgtype_decode_binary(PGTYPE_INET, (const uint8_t *)"\x07\x20\x00\x04\x01\x02\x03\x04",
					8, a, &v, &err));
	ck_assert_str_eq(err.message, "invalid address family in external \"inet\" value");
	pgerr_clear(&err);
	ck_assert(!pgtype_decode_binary(PGTYPE_CIDR, (const uint8_t *)"\x02\x08\x01\x04\x0a\x01\x00\x00",
					8, a, &v, &err));
	ck_assert_str_eq(err.sqlstate, "22P03");
	ck_assert_str_eq(err.message, "invalid external \"cidr\" value");
	pgerr_clear(&err);
	ck_assert(!pgtype_decode_binary(PGTYPE_INET, (const uint8_t *)"\x02\x21\x00\x04\x01\x02\x03\x04",
					8, a, &v, &err));
	ck_assert_str_eq(err.message, "invalid bits in external \"inet\" value");
	arena_free(a);
}
END_TEST

Suite *pgtype_test_net_suite(void)
{
	Suite *s = suite_create("pgtype_net");
	TCase *tc = tcase_create("net");
	tcase_add_loop_test(tc, test_net_text, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_cidr_detail);
	tcase_add_loop_test(tc, test_net_binary, 0, (int)(sizeof(bins) / sizeof(bins[0])));
	tcase_add_test(tc, test_net_binary_errors);
	suite_add_tcase(s, tc);
	return s;
}
