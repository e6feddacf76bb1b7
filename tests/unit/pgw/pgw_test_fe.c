/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_test_fe.c: pgw_fe_read_msg framing, and the Query, Parse, Describe, Close and Execute
 * body decoders — valid bodies, every truncation, trailing bytes, lying counts. */
#include "pgw_test.h"

static struct arena *arena;

static void setup(void) { arena = arena_new(0); }
static void teardown(void) { arena_free(arena); }

bool pgw_test_decode(uint8_t type, const void *body, size_t n, struct arena *a,
		     struct pgerr *err)
{
	uint8_t *copy = pgw_test_dup(body, n);
	struct pgw_msg m = {.type = type, .body = copy, .len = n};
	struct pgw_query q;
	struct pgw_parse p;
	struct pgw_bind b;
	struct pgw_target t;
	struct pgw_execute e;
	bool ok = false;
	pgerr_clear(err);
	switch (type) {
	case PGW_FE_QUERY: ok = pgw_fe_query(&m, &q, err); break;
	case PGW_FE_PARSE: ok = pgw_fe_parse(&m, a, &p, err); break;
	case PGW_FE_BIND: ok = pgw_fe_bind(&m, a, &b, err); break;
	case PGW_FE_DESCRIBE: ok = pgw_fe_describe(&m, &t, err); break;
	case PGW_FE_CLOSE: ok = pgw_fe_close(&m, &t, err); break;
	case PGW_FE_EXECUTE: ok = pgw_fe_execute(&m, &e, err); break;
	default: ck_abort_msg("no decoder for '%c'", type);
	}
	free(copy);
	ck_assert(ok != pgerr_is_set(err));
	return ok;
}

void pgw_test_check_body(uint8_t type, const void *body, size_t n, struct arena *a)
{
	struct pgerr err;
	ck_assert_msg(pgw_test_decode(type, body, n, a, &err), "valid body refused: %s",
		      err.message);
	for (size_t k = 0; k < n; k++) {
		ck_assert_msg(!pgw_test_decode(type, body, k, a, &err),
			      "'%c' body cut to %zu of %zu bytes accepted", type, k, n);
		ck_assert_str_eq(err.sqlstate, SQLSTATE_PROTOCOL_VIOLATION);
		ck_assert_int_eq(err.severity, PGERR_FATAL);
	}
	uint8_t *longer = pgw_test_dup(body, n + 1);
	memcpy(longer, body, n);
	longer[n] = 'x';
	ck_assert(!pgw_test_decode(type, longer, n + 1, a, &err));
	ck_assert_protocol_error(&err, "invalid message format");
	free(longer);
}

static void check_bad(uint8_t type, const void *body, size_t n, const char *want)
{
	struct pgerr err;
	ck_assert_msg(!pgw_test_decode(type, body, n, arena, &err), "'%c' body accepted", type);
	ck_assert_protocol_error(&err, want);
}

/* ---- framing ---- */

static enum pgw_read_status frame(const void *buf, size_t n, size_t max, struct pgw_msg *m,
				  size_t *consumed, struct pgerr *err)
{
	uint8_t *copy = pgw_test_dup(buf, n);
	pgerr_clear(err);
	enum pgw_read_status st = pgw_fe_read_msg(copy, n, max, m, consumed, err);
	free(copy);
	return st;
}

START_TEST(frame_valid)
{
	static const char in[] = "Q\0\0\0\x0d" "SELECT 1\0" "S\0\0\0\x04" "Z";
	const uint8_t *p = (const uint8_t *)in;
	struct pgw_msg m;
	struct pgerr err;
	size_t consumed = 0;
	pgerr_clear(&err);
	ck_assert_int_eq(pgw_fe_read_msg(p, sizeof(in) - 1, 0, &m, &consumed, &err), PGW_OK);
	ck_assert_int_eq(m.type, 'Q');
	ck_assert_uint_eq(m.len, 9);
	ck_assert_ptr_eq(m.body, p + 5);
	ck_assert_uint_eq(consumed, 14);
	ck_assert_int_eq(pgw_fe_read_msg(p + 14, sizeof(in) - 15, 9, &m, &consumed, &err), PGW_OK);
	ck_assert_int_eq(m.type, 'S');
	ck_assert_uint_eq(m.len, 0);
	ck_assert_uint_eq(consumed, 5);
	/* One lone byte of the next message is not a message yet. */
	consumed = 777;
	ck_assert_int_eq(pgw_fe_read_msg(p + 19, 1, 0, &m, &consumed, &err), PGW_NEED_MORE);
	ck_assert_uint_eq(consumed, 777);
	ck_assert(!pgerr_is_set(&err));
}
END_TEST

START_TEST(frame_unknown_type_is_framed)
{
	struct pgw_msg m;
	struct pgerr err;
	size_t consumed = 0;
	ck_assert_int_eq(frame(LIT("\x01\0\0\0\x06zz"), 0, &m, &consumed, &err), PGW_OK);
	ck_assert_int_eq(m.type, 1);
	ck_assert_uint_eq(m.len, 2);
	ck_assert_uint_eq(consumed, 7);
}
END_TEST

START_TEST(frame_truncated)
{
	static const char in[] = "P\0\0\0\x12" "s1\0" "SELECT 1\0" "\0\0";
	for (size_t k = 0; k < sizeof(in) - 1; k++) {
		struct pgw_msg m;
		struct pgerr err;
		size_t consumed = 777;
		ck_assert_int_eq(frame(in, k, 0, &m, &consumed, &err), PGW_NEED_MORE);
		ck_assert_uint_eq(consumed, 777);
		ck_assert(!pgerr_is_set(&err));
	}
}
END_TEST

START_TEST(frame_bad_length)
{
	static const char *const lens[] = {"\0\0\0\0", "\0\0\0\x01", "\0\0\0\x03",
					   "\x80\0\0\0", "\xff\xff\xff\xff"};
	for (size_t i = 0; i < ARRAY_LEN(lens); i++) {
		uint8_t in[5] = {'Q'};
		memcpy(in + 1, lens[i], 4);
		struct pgw_msg m;
		struct pgerr err;
		size_t consumed = 777;
		ck_assert_int_eq(frame(in, 5, 0, &m, &consumed, &err), PGW_BAD);
		ck_assert_protocol_error(&err, "invalid message length");
		ck_assert_uint_eq(consumed, 777);
	}
}
END_TEST

START_TEST(frame_max_size)
{
	struct pgw_msg m;
	struct pgerr err;
	size_t consumed = 777;
	/* A body of 101 bytes against a limit of 100, refused from the header alone. */
	ck_assert_int_eq(frame(LIT("d\0\0\0\x69"), 100, &m, &consumed, &err), PGW_BAD);
	ck_assert_protocol_error(&err, "message of 101 bytes exceeds max_message_size (100)");
	ck_assert_uint_eq(consumed, 777);
	/* Exactly the limit is fine: it only needs the rest of its bytes. */
	ck_assert_int_eq(frame(LIT("d\0\0\0\x68"), 100, &m, &consumed, &err), PGW_NEED_MORE);
	uint8_t in[105] = {'d', 0, 0, 0, 0x68};
	ck_assert_int_eq(frame(in, sizeof(in), 100, &m, &consumed, &err), PGW_OK);
	ck_assert_uint_eq(m.len, 100);
	ck_assert_uint_eq(consumed, 105);
	/* 0 = no limit beyond the int32 length word. */
	ck_assert_int_eq(frame(LIT("d\x7f\xff\xff\xff"), 0, &m, &consumed, &err), PGW_NEED_MORE);
}
END_TEST

/* ---- Query ---- */

START_TEST(query_body)
{
	struct pgw_msg m = MSG('Q', "SELECT 1; SELECT 2\0");
	struct pgw_query q;
	struct pgerr err;
	ck_assert(pgw_fe_query(&m, &q, &err));
	ck_assert_str_eq(q.sql, "SELECT 1; SELECT 2");
	ck_assert_ptr_eq(q.sql, (const char *)m.body);
	pgw_test_check_body('Q', LIT("SELECT 1\0"), arena);
	pgw_test_check_body('Q', LIT("\0"), arena); /* empty query string */
	check_bad('Q', LIT(""), "invalid string in message");
	check_bad('Q', LIT("SELECT 1"), "invalid string in message");
	check_bad('Q', LIT("SELECT 1\0\0"), "invalid message format");
}
END_TEST

/* ---- Parse ---- */

START_TEST(parse_body)
{
	static const char body[] = "s1\0SELECT $1, $2\0\0\x02\0\0\0\x17\0\0\0\0";
	struct pgw_msg m = MSG('P', body);
	struct pgw_parse p;
	struct pgerr err;
	ck_assert(pgw_fe_parse(&m, arena, &p, &err));
	ck_assert_str_eq(p.name, "s1");
	ck_assert_str_eq(p.sql, "SELECT $1, $2");
	ck_assert_uint_eq(p.nparam_types, 2);
	ck_assert_uint_eq(p.param_types[0], 23);
	ck_assert_uint_eq(p.param_types[1], 0);
	pgw_test_check_body('P', LIT(body), arena);

	m = (struct pgw_msg)MSG('P', "\0SELECT 1\0\0\0");
	ck_assert(pgw_fe_parse(&m, arena, &p, &err));
	ck_assert_str_eq(p.name, "");
	ck_assert_uint_eq(p.nparam_types, 0);
	ck_assert_ptr_null(p.param_types);
	pgw_test_check_body('P', m.body, m.len, arena);
	/* A high-bit OID survives as unsigned. */
	ck_assert(pgw_test_decode('P', LIT("\0x\0\0\x01\xff\xff\xff\xfe"), arena, &err));
}
END_TEST

START_TEST(parse_bad)
{
	check_bad('P', LIT("s1"), "invalid string in message");
	check_bad('P', LIT("s1\0SELECT 1"), "invalid string in message");
	check_bad('P', LIT("s1\0SELECT 1\0"), "insufficient data left in message");
	check_bad('P', LIT("s1\0SELECT 1\0\0"), "insufficient data left in message");
	/* The count promises more OIDs than there are bytes. */
	check_bad('P', LIT("\0q\0\0\x03\0\0\0\x17\0\0\0\x17"), "insufficient data left in message");
	check_bad('P', LIT("\0q\0\xff\xff\0\0\0\x17"), "insufficient data left in message");
	/* A partial OID is not an OID. */
	check_bad('P', LIT("\0q\0\0\x01\0\0\x17"), "insufficient data left in message");
	check_bad('P', LIT("\0q\0\0\x01\0\0\0\x17\0"), "invalid message format");
}
END_TEST

/* ---- Describe and Close ---- */

START_TEST(target_bodies)
{
	struct pgw_msg m = MSG('D', "Sstmt_1\0");
	struct pgw_target t;
	struct pgerr err;
	ck_assert(pgw_fe_describe(&m, &t, &err));
	ck_assert_int_eq(t.kind, 'S');
	ck_assert_str_eq(t.name, "stmt_1");
	m = (struct pgw_msg)MSG('C', "P\0");
	ck_assert(pgw_fe_close(&m, &t, &err));
	ck_assert_int_eq(t.kind, 'P');
	ck_assert_str_eq(t.name, "");
	pgw_test_check_body('D', LIT("Sstmt_1\0"), arena);
	pgw_test_check_body('D', LIT("P\0"), arena);
	pgw_test_check_body('C', LIT("Sx\0"), arena);
	pgw_test_check_body('C', LIT("Pcursor\0"), arena);
}
END_TEST

START_TEST(target_bad)
{
	check_bad('D', LIT(""), "insufficient data left in message");
	check_bad('C', LIT(""), "insufficient data left in message");
	check_bad('D', LIT("X\0"), "invalid DESCRIBE message subtype 88");
	check_bad('C', LIT("s\0"), "invalid CLOSE message subtype 115");
	check_bad('D', LIT("\0\0"), "invalid DESCRIBE message subtype 0");
	check_bad('D', LIT("S"), "invalid string in message");
	check_bad('C', LIT("Pname"), "invalid string in message");
	check_bad('C', LIT("Pname\0\0"), "invalid message format");
}
END_TEST

/* ---- Execute ---- */

static uint32_t execute_rows(const void *body, size_t n)
{
	struct pgw_msg m = {.type = 'E', .body = body, .len = n};
	struct pgw_execute e;
	struct pgerr err;
	ck_assert(pgw_fe_execute(&m, &e, &err));
	return e.max_rows;
}

START_TEST(execute_body)
{
	struct pgw_msg m = MSG('E', "c1\0\0\0\0\x0a");
	struct pgw_execute e;
	struct pgerr err;
	ck_assert(pgw_fe_execute(&m, &e, &err));
	ck_assert_str_eq(e.portal, "c1");
	ck_assert_uint_eq(e.max_rows, 10);
	ck_assert_uint_eq(execute_rows(LIT("\0\0\0\0\0")), 0);
	ck_assert_uint_eq(execute_rows(LIT("\0\x7f\xff\xff\xff")), 0x7fffffff);
	/* PostgreSQL reads the limit as signed: negative means all rows. */
	ck_assert_uint_eq(execute_rows(LIT("\0\xff\xff\xff\xff")), 0);
	ck_assert_uint_eq(execute_rows(LIT("\0\x80\0\0\0")), 0);
	pgw_test_check_body('E', LIT("c1\0\0\0\0\x0a"), arena);
	pgw_test_check_body('E', LIT("\0\0\0\0\0"), arena);
	check_bad('E', LIT("c1"), "invalid string in message");
	check_bad('E', LIT("c1\0\0\0\x01"), "insufficient data left in message");
	check_bad('E', LIT("c1\0\0\0\0\x01\0"), "invalid message format");
}
END_TEST

Suite *pgw_test_fe_suite(void)
{
	Suite *s = suite_create("pgw_fe");
	TCase *tc = tcase_create("frame");
	tcase_add_test(tc, frame_valid);
	tcase_add_test(tc, frame_unknown_type_is_framed);
	tcase_add_test(tc, frame_truncated);
	tcase_add_test(tc, frame_bad_length);
	tcase_add_test(tc, frame_max_size);
	suite_add_tcase(s, tc);
	tc = tcase_create("bodies");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, query_body);
	tcase_add_test(tc, parse_body);
	tcase_add_test(tc, parse_bad);
	tcase_add_test(tc, target_bodies);
	tcase_add_test(tc, target_bad);
	tcase_add_test(tc, execute_body);
	suite_add_tcase(s, tc);
	return s;
}
