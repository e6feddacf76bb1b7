/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_test_startup.c: pgw_fe_read_startup against StartupMessage, SSLRequest, GSSENCRequest
 * and CancelRequest — valid, truncated at every byte, lying lengths, bad layouts. */
#include "pgw_test.h"

static struct arena *arena;

static void setup(void) { arena = arena_new(0); }
static void teardown(void) { arena_free(arena); }

/* length word + code + body, the way a client sends a startup-phase packet. */
static void packet(struct strbuf *sb, uint32_t code, const uint8_t *body, size_t n)
{
	strbuf_init(sb, 0);
	strbuf_put_u32(sb, (uint32_t)(8 + n));
	strbuf_put_u32(sb, code);
	strbuf_append(sb, body, n);
}

/* Reads buf[0, n) from an exact-size heap copy. */
static enum pgw_read_status read_startup(const void *buf, size_t n, struct pgw_startup *out,
					 size_t *consumed, struct pgerr *err)
{
	uint8_t *copy = pgw_test_dup(buf, n);
	enum pgw_read_status st = pgw_fe_read_startup(copy, n, arena, out, consumed, err);
	free(copy); /* out's views died with copy: callers look only at the status and err */
	return st;
}

/* Every proper prefix of a whole packet must ask for more and leave *consumed alone. */
static void check_prefixes(const struct strbuf *sb)
{
	for (size_t k = 0; k < sb->len; k++) {
		struct pgw_startup s;
		struct pgerr err;
		size_t consumed = 777;
		pgerr_clear(&err);
		ck_assert_int_eq(read_startup(sb->data, k, &s, &consumed, &err), PGW_NEED_MORE);
		ck_assert_uint_eq(consumed, 777);
		ck_assert(!pgerr_is_set(&err));
	}
}

/* Expects PGW_BAD with FATAL 08P01 naming want. */
static void check_bad(const void *buf, size_t n, const char *want)
{
	struct pgw_startup s;
	struct pgerr err;
	size_t consumed = 777;
	pgerr_clear(&err);
	ck_assert_int_eq(read_startup(buf, n, &s, &consumed, &err), PGW_BAD);
	ck_assert_uint_eq(consumed, 777);
	ck_assert_protocol_error(&err, want);
}

#define LAYOUT "invalid startup packet layout"

START_TEST(startup_valid)
{
	struct strbuf sb;
	packet(&sb, PGW_PROTOCOL(3, 0),
	       LIT("user\0alice\0database\0shop\0options\0-c tenant=acme\0\0"));
	strbuf_append(&sb, LIT("Qtrailing next packet"));
	struct pgw_startup s;
	struct pgerr err;
	size_t consumed = 0;
	pgerr_clear(&err);
	ck_assert_int_eq(pgw_fe_read_startup((uint8_t *)sb.data, sb.len, arena, &s, &consumed,
					     &err),
			 PGW_OK);
	ck_assert_uint_eq(consumed, sb.len - 21);
	ck_assert_int_eq(s.kind, PGW_STARTUP);
	ck_assert_uint_eq(s.version, 0x30000);
	ck_assert_uint_eq(s.nparams, 3);
	ck_assert_str_eq(s.params[0].name, "user");
	ck_assert_str_eq(s.params[0].value, "alice");
	ck_assert_str_eq(s.params[2].name, "options");
	ck_assert_str_eq(s.params[2].value, "-c tenant=acme");
	ck_assert_str_eq(pgw_startup_param(&s, "database"), "shop");
	ck_assert_ptr_null(pgw_startup_param(&s, "tenant"));
	ck_assert(!pgerr_is_set(&err));
	strbuf_fini(&sb);
}
END_TEST

START_TEST(startup_empty_and_minor)
{
	struct strbuf sb;
	struct pgw_startup s;
	struct pgerr err;
	size_t consumed = 0;
	packet(&sb, PGW_PROTOCOL(3, 2), LIT("\0"));
	ck_assert_int_eq(pgw_fe_read_startup((uint8_t *)sb.data, sb.len, arena, &s, &consumed,
					     &err),
			 PGW_OK);
	ck_assert_uint_eq(consumed, 9);
	ck_assert_uint_eq(s.version, PGW_PROTOCOL(3, 2));
	ck_assert_uint_eq(s.nparams, 0);
	ck_assert_ptr_null(pgw_startup_param(&s, "user"));
	strbuf_fini(&sb);

	/* An empty value is a value; _pq_. options are the session's to judge. */
	packet(&sb, PGW_PROTOCOL(3, 0), LIT("application_name\0\0_pq_.x\0y\0\0"));
	ck_assert_int_eq(pgw_fe_read_startup((uint8_t *)sb.data, sb.len, arena, &s, &consumed,
					     &err),
			 PGW_OK);
	ck_assert_uint_eq(s.nparams, 2);
	ck_assert_str_eq(pgw_startup_param(&s, "application_name"), "");
	ck_assert_str_eq(pgw_startup_param(&s, "_pq_.x"), "y");
	strbuf_fini(&sb);
}
END_TEST

START_TEST(startup_other_versions_not_judged)
{
	struct strbuf sb;
	struct pgw_startup s;
	struct pgerr err;
	size_t consumed = 0;
	/* A protocol 2.0 packet has no name/value list; the session refuses the version. */
	packet(&sb, PGW_PROTOCOL(2, 0), LIT("alice\0\0\0\0garbage"));
	ck_assert_int_eq(pgw_fe_read_startup((uint8_t *)sb.data, sb.len, arena, &s, &consumed,
					     &err),
			 PGW_OK);
	ck_assert_int_eq(s.kind, PGW_STARTUP);
	ck_assert_uint_eq(s.version, PGW_PROTOCOL(2, 0));
	ck_assert_uint_eq(s.nparams, 0);
	ck_assert_uint_eq(consumed, sb.len);
	strbuf_fini(&sb);

	/* An unknown request code in the 1234.x space is framed and handed on too. */
	packet(&sb, PGW_PROTOCOL(1234, 5681), NULL, 0);
	ck_assert_int_eq(pgw_fe_read_startup((uint8_t *)sb.data, sb.len, arena, &s, &consumed,
					     &err),
			 PGW_OK);
	ck_assert_uint_eq(s.version, PGW_PROTOCOL(1234, 5681));
	strbuf_fini(&sb);
}
END_TEST

START_TEST(startup_requests)
{
	struct strbuf sb;
	struct pgw_startup s;
	struct pgerr err;
	size_t consumed = 0;
	const uint32_t codes[] = {PGW_SSL_REQUEST_CODE, PGW_GSSENC_REQUEST_CODE};
	const enum pgw_startup_kind kinds[] = {PGW_SSL_REQUEST, PGW_GSSENC_REQUEST};
	for (size_t i = 0; i < 2; i++) {
		packet(&sb, codes[i], LIT("Sxx"));
		/* The request is 8 bytes; what follows belongs to the TLS handshake. */
		strbuf_patch_u32(&sb, 0, 8);
		ck_assert_int_eq(pgw_fe_read_startup((uint8_t *)sb.data, sb.len, arena, &s,
						     &consumed, &err),
				 PGW_OK);
		ck_assert_int_eq(s.kind, kinds[i]);
		ck_assert_uint_eq(consumed, 8);
		ck_assert_uint_eq(s.nparams, 0);
		strbuf_fini(&sb);
	}
	packet(&sb, PGW_CANCEL_REQUEST_CODE, LIT("\x01\x02\x03\x04\xfe\xdc\xba\x98"));
	ck_assert_int_eq(pgw_fe_read_startup((uint8_t *)sb.data, sb.len, arena, &s, &consumed,
					     &err),
			 PGW_OK);
	ck_assert_int_eq(s.kind, PGW_CANCEL_REQUEST);
	ck_assert_uint_eq(consumed, 16);
	ck_assert_uint_eq(s.cancel_pid, 0x01020304);
	ck_assert_uint_eq(s.cancel_key, 0xfedcba98);
	strbuf_fini(&sb);
}
END_TEST

START_TEST(startup_truncated)
{
	struct strbuf sb;
	packet(&sb, PGW_PROTOCOL(3, 0), LIT("user\0alice\0database\0shop\0\0"));
	check_prefixes(&sb);
	strbuf_fini(&sb);
	packet(&sb, PGW_SSL_REQUEST_CODE, NULL, 0);
	check_prefixes(&sb);
	strbuf_fini(&sb);
	packet(&sb, PGW_GSSENC_REQUEST_CODE, NULL, 0);
	check_prefixes(&sb);
	strbuf_fini(&sb);
	packet(&sb, PGW_CANCEL_REQUEST_CODE, LIT("\0\0\0\x01\0\0\0\x02"));
	check_prefixes(&sb);
	strbuf_fini(&sb);
}
END_TEST

START_TEST(startup_bad_lengths)
{
	/* Lies in the length word are refused as soon as it has arrived. */
	check_bad(LIT("\0\0\0\0"), "invalid length of startup packet");
	check_bad(LIT("\0\0\0\x04"), "invalid length of startup packet");
	check_bad(LIT("\0\0\0\x07\0\x03\0"), "invalid length of startup packet");
	check_bad(LIT("\0\0\x27\x11"), "invalid length of startup packet"); /* 10001 */
	check_bad(LIT("\xff\xff\xff\xff"), "invalid length of startup packet");
	check_bad(LIT("\x80\0\0\x10"), "invalid length of startup packet");
	/* Request codes fix the length: refused once the code is known. */
	check_bad(LIT("\0\0\0\x10\x04\xd2\x16\x2f"), "invalid length of startup packet");
	check_bad(LIT("\0\0\0\x09\x04\xd2\x16\x30"), "invalid length of startup packet");
	check_bad(LIT("\0\0\0\x08\x04\xd2\x16\x2e"), "invalid length of startup packet");
	check_bad(LIT("\0\0\0\x0c\x04\xd2\x16\x2e\0\0\0\x01"), "invalid length of startup packet");
	check_bad(LIT("\0\0\0\x14\x04\xd2\x16\x2e"), "invalid length of startup packet");
}
END_TEST

START_TEST(startup_max_size)
{
	/* Exactly PGW_STARTUP_MAX bytes is allowed. */
	size_t body = PGW_STARTUP_MAX - 8;
	uint8_t *b = calloc(1, body);
	memcpy(b, "options", 8);
	memset(b + 8, 'x', body - 8 - 2); /* value, then its NUL and the terminator */
	struct strbuf sb;
	packet(&sb, PGW_PROTOCOL(3, 0), b, body);
	struct pgw_startup s;
	struct pgerr err;
	size_t consumed = 0;
	ck_assert_int_eq(pgw_fe_read_startup((uint8_t *)sb.data, sb.len, arena, &s, &consumed,
					     &err),
			 PGW_OK);
	ck_assert_uint_eq(consumed, PGW_STARTUP_MAX);
	ck_assert_uint_eq(strlen(pgw_startup_param(&s, "options")), body - 10);
	strbuf_fini(&sb);
	free(b);
}
END_TEST

START_TEST(startup_bad_layout)
{
	struct strbuf sb;
	static const struct {
		const char *body;
		size_t n;
		const char *detail;
	} cases[] = {
		{"", 0, "no terminating zero byte"},
		{"user\0alice\0", 11, "no terminating zero byte"},
		{"user", 4, "name is not terminated"},
		{"user\0", 5, "Parameter \"user\" has no value."},
		{"user\0alice", 10, "value of parameter \"user\" is not terminated"},
		{"user\0alice\0\0x", 13, "follow the parameter list terminator"},
		{"user\0alice\0\0\0", 13, "follow the parameter list terminator"},
		{"\0user\0alice\0\0", 13, "follow the parameter list terminator"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct pgw_startup s;
		struct pgerr err;
		size_t consumed = 777;
		packet(&sb, PGW_PROTOCOL(3, 0), (const uint8_t *)cases[i].body, cases[i].n);
		ck_assert_int_eq(read_startup(sb.data, sb.len, &s, &consumed, &err), PGW_BAD);
		ck_assert_protocol_error(&err, LAYOUT);
		ck_assert_msg(strstr(err.detail, cases[i].detail), "case %zu: detail \"%s\"", i,
			      err.detail);
		ck_assert_uint_eq(consumed, 777);
		strbuf_fini(&sb);
	}
}
END_TEST

Suite *pgw_test_startup_suite(void)
{
	Suite *s = suite_create("pgw_startup");
	TCase *tc = tcase_create("startup");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, startup_valid);
	tcase_add_test(tc, startup_empty_and_minor);
	tcase_add_test(tc, startup_other_versions_not_judged);
	tcase_add_test(tc, startup_requests);
	tcase_add_test(tc, startup_truncated);
	tcase_add_test(tc, startup_bad_lengths);
	tcase_add_test(tc, startup_max_size);
	tcase_add_test(tc, startup_bad_layout);
	suite_add_tcase(s, tc);
	return s;
}
