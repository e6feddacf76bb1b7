/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_test_be.c: every backend writer checked byte for byte against hand-built messages,
 * and the sticky failure bit for limits and counts the wire cannot carry. */
#include "pgw_test.h"

#include <stdio.h>

static struct strbuf sb;

static void setup(void) { strbuf_init(&sb, 0); }
static void teardown(void) { strbuf_fini(&sb); }

START_TEST(auth_and_startup_replies)
{
	pgw_be_auth_ok(&sb);
	ck_assert_sb_bytes(&sb, "R\0\0\0\x08" "\0\0\0\0");
	strbuf_reset(&sb);
	pgw_be_parameter_status(&sb, "client_encoding", "UTF8");
	ck_assert_sb_bytes(&sb, "S\0\0\0\x19" "client_encoding\0UTF8\0");
	strbuf_reset(&sb);
	pgw_be_parameter_status(&sb, "application_name", "");
	ck_assert_sb_bytes(&sb, "S\0\0\0\x16" "application_name\0\0");
	strbuf_reset(&sb);
	pgw_be_backend_key(&sb, 0x01020304, 0xa0b0c0d0);
	ck_assert_sb_bytes(&sb, "K\0\0\0\x0c" "\x01\x02\x03\x04" "\xa0\xb0\xc0\xd0");
}
END_TEST

START_TEST(ready_for_query)
{
	pgw_be_ready(&sb, 'I');
	pgw_be_ready(&sb, 'T');
	pgw_be_ready(&sb, 'E');
	ck_assert_sb_bytes(&sb, "Z\0\0\0\x05I" "Z\0\0\0\x05T" "Z\0\0\0\x05" "E");
}
END_TEST

START_TEST(negotiate_version)
{
	const char *const unknown[] = {"_pq_.a", "_pq_.bb"};
	pgw_be_negotiate_version(&sb, 2, 2, unknown);
	ck_assert_sb_bytes(&sb, "v\0\0\0\x1b" "\0\0\0\x02" "\0\0\0\x02" "_pq_.a\0_pq_.bb\0");
	strbuf_reset(&sb);
	pgw_be_negotiate_version(&sb, 0, 0, NULL);
	ck_assert_sb_bytes(&sb, "v\0\0\0\x0c" "\0\0\0\0" "\0\0\0\0");
}
END_TEST

START_TEST(empty_messages)
{
	pgw_be_parse_complete(&sb);
	pgw_be_bind_complete(&sb);
	pgw_be_close_complete(&sb);
	pgw_be_no_data(&sb);
	pgw_be_portal_suspended(&sb);
	pgw_be_empty_query(&sb);
	ck_assert_sb_bytes(&sb, "1\0\0\0\x04" "2\0\0\0\x04" "3\0\0\0\x04"
				"n\0\0\0\x04" "s\0\0\0\x04" "I\0\0\0\x04");
}
END_TEST

START_TEST(command_complete)
{
	pgw_be_command_complete(&sb, "INSERT 0 1");
	ck_assert_sb_bytes(&sb, "C\0\0\0\x0f" "INSERT 0 1\0");
}
END_TEST

/* The last tag at or after the mark goes, what follows it stays; an earlier one is not seen. */
START_TEST(unwrite_last)
{
	pgw_be_command_complete(&sb, "SELECT 1");
	size_t mark = sb.len;
	pgw_be_empty_query(&sb);
	pgw_be_command_complete(&sb, "INSERT 0 1");
	pgw_be_notice(&sb, "NOTICE", "00000", "n");
	struct strbuf taken;
	strbuf_init(&taken, 0);
	ck_assert(pgw_be_unwrite_last(&sb, mark, 'C', &taken));
	ck_assert_uint_eq(taken.len, 16);
	ck_assert_mem_eq(taken.data, "C\0\0\0\x0f" "INSERT 0 1\0", 16);
	strbuf_fini(&taken);
	ck_assert_uint_gt(sb.len, 19);
	ck_assert_mem_eq(sb.data, "C\0\0\0\x0d" "SELECT 1\0" "I\0\0\0\x04", 19);
	ck_assert_int_eq(sb.data[19], 'N');
	ck_assert(!pgw_be_unwrite_last(&sb, mark, 'C', NULL));
	ck_assert(pgw_be_unwrite_last(&sb, 0, 'C', NULL));
	ck_assert_int_eq(sb.data[0], 'I');
}
END_TEST

START_TEST(parameter_description)
{
	const uint32_t oids[] = {23, 25, 0xfffffffe};
	pgw_be_parameter_description(&sb, 3, oids);
	ck_assert_sb_bytes(&sb, "t\0\0\0\x12" "\0\x03" "\0\0\0\x17" "\0\0\0\x19"
				"\xff\xff\xff\xfe");
	strbuf_reset(&sb);
	pgw_be_parameter_description(&sb, 0, NULL);
	ck_assert_sb_bytes(&sb, "t\0\0\0\x06" "\0\0");
}
END_TEST

START_TEST(row_description)
{
	const struct pgw_field f[] = {
		{"id", 16384, 1, 23, 4, -1, 0},
		{"name", 0, 0, 1043, -1, 14, 1},
	};
	pgw_be_row_description(&sb, 2, f);
	ck_assert_sb_bytes(&sb, "T\0\0\0\x32" "\0\x02"
				"id\0" "\0\0\x40\0" "\0\x01" "\0\0\0\x17" "\0\x04"
				"\xff\xff\xff\xff" "\0\0"
				"name\0" "\0\0\0\0" "\0\0" "\0\0\x04\x13" "\xff\xff"
				"\0\0\0\x0e" "\0\x01");
	strbuf_reset(&sb);
	pgw_be_row_description(&sb, 0, NULL);
	ck_assert_sb_bytes(&sb, "T\0\0\0\x06" "\0\0");
}
END_TEST

START_TEST(data_row)
{
	size_t mark = pgw_be_datarow_begin(&sb, 4);
	pgw_be_datarow_value(&sb, "42", 2);
	pgw_be_datarow_null(&sb);
	size_t off = pgw_be_datarow_open(&sb);
	strbuf_puts(&sb, "hel");
	strbuf_puts(&sb, "lo");
	pgw_be_datarow_close(&sb, off);
	pgw_be_datarow_value(&sb, "", 0);
	pgw_be_datarow_end(&sb, mark);
	ck_assert_sb_bytes(&sb, "D\0\0\0\x1d" "\0\x04" "\0\0\0\x02" "42" "\xff\xff\xff\xff"
				"\0\0\0\x05" "hello" "\0\0\0\0");
	/* A second row after the first: marks are offsets, not assumptions of an empty buffer. */
	strbuf_reset(&sb);
	pgw_be_ready(&sb, 'I');
	mark = pgw_be_datarow_begin(&sb, 1);
	off = pgw_be_datarow_open(&sb);
	pgw_be_datarow_close(&sb, off);
	pgw_be_datarow_end(&sb, mark);
	mark = pgw_be_datarow_begin(&sb, 0);
	pgw_be_datarow_end(&sb, mark);
	ck_assert_sb_bytes(&sb, "Z\0\0\0\x05I" "D\0\0\0\x0a" "\0\x01" "\0\0\0\0"
				"D\0\0\0\x06" "\0\0");
}
END_TEST

START_TEST(error_minimal)
{
	struct pgerr e;
	pgerr_fatal(&e, SQLSTATE_PROTOCOL_VIOLATION, "invalid message length");
	pgw_be_error(&sb, &e);
	ck_assert_sb_bytes(&sb, "E\0\0\0\x32" "SFATAL\0VFATAL\0C08P01\0"
				"Minvalid message length\0" "\0");
}
END_TEST

START_TEST(error_all_fields)
{
	struct pgerr e;
	pgerr_set(&e, SQLSTATE_SYNTAX_ERROR, "syntax error at or near \"x\"");
	pgerr_detail(&e, "d");
	pgerr_hint(&e, "h");
	e.position = 17;
	snprintf(e.context, sizeof(e.context), "c");
	snprintf(e.schema_name, sizeof(e.schema_name), "public");
	snprintf(e.table_name, sizeof(e.table_name), "t");
	snprintf(e.column_name, sizeof(e.column_name), "x");
	snprintf(e.constraint_name, sizeof(e.constraint_name), "k");
	pgw_be_error(&sb, &e);
	ck_assert_sb_bytes(&sb, "E\0\0\0\x55" "SERROR\0VERROR\0C42601\0"
				"Msyntax error at or near \"x\"\0"
				"Dd\0Hh\0P17\0Wc\0spublic\0tt\0cx\0nk\0" "\0");
}
END_TEST

START_TEST(notice)
{
	pgw_be_notice(&sb, "WARNING", "25P01", "there is no transaction in progress");
	ck_assert_sb_bytes(&sb, "N\0\0\0\x43" "SWARNING\0VWARNING\0C25P01\0"
				"Mthere is no transaction in progress\0" "\0");
}
END_TEST

START_TEST(generic_framing)
{
	size_t mark = pgw_be_begin(&sb, 'A');
	strbuf_put_u32(&sb, 7);
	strbuf_append(&sb, "chan\0payload\0", 13);
	pgw_be_end(&sb, mark);
	mark = pgw_be_begin(&sb, 'c');
	pgw_be_end(&sb, mark);
	ck_assert_sb_bytes(&sb, "A\0\0\0\x15" "\0\0\0\x07" "chan\0payload\0" "c\0\0\0\x04");
}
END_TEST

START_TEST(failure_is_sticky)
{
	struct strbuf small;
	for (size_t limit = 1; limit < 9; limit++) {
		strbuf_init(&small, limit);
		pgw_be_auth_ok(&small); /* 9 bytes */
		ck_assert(small.failed);
		size_t mark = pgw_be_datarow_begin(&small, 1);
		size_t off = pgw_be_datarow_open(&small);
		pgw_be_datarow_close(&small, off);
		pgw_be_datarow_end(&small, mark);
		ck_assert(small.failed);
		strbuf_fini(&small);
	}
	strbuf_init(&small, 9);
	pgw_be_auth_ok(&small);
	ck_assert(!small.failed);
	pgw_be_no_data(&small);
	ck_assert(small.failed);
	strbuf_fini(&small);
}
END_TEST

START_TEST(counts_that_do_not_fit)
{
	/* The arrays are never read: the count alone is refused. */
	pgw_be_row_description(&sb, 65536, NULL);
	ck_assert(sb.failed);
	strbuf_reset(&sb);
	pgw_be_parameter_description(&sb, 70000, NULL);
	ck_assert(sb.failed);
	strbuf_reset(&sb);
	pgw_be_negotiate_version(&sb, 0, (size_t)INT32_MAX + 1, NULL);
	ck_assert(sb.failed);
	strbuf_reset(&sb);
	size_t mark = pgw_be_datarow_begin(&sb, 1);
	pgw_be_datarow_value(&sb, NULL, (size_t)INT32_MAX + 1);
	pgw_be_datarow_end(&sb, mark);
	ck_assert(sb.failed);
}
END_TEST

Suite *pgw_test_be_suite(void)
{
	Suite *s = suite_create("pgw_be");
	TCase *tc = tcase_create("writers");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, auth_and_startup_replies);
	tcase_add_test(tc, ready_for_query);
	tcase_add_test(tc, negotiate_version);
	tcase_add_test(tc, empty_messages);
	tcase_add_test(tc, command_complete);
	tcase_add_test(tc, unwrite_last);
	tcase_add_test(tc, parameter_description);
	tcase_add_test(tc, row_description);
	tcase_add_test(tc, data_row);
	tcase_add_test(tc, error_minimal);
	tcase_add_test(tc, error_all_fields);
	tcase_add_test(tc, notice);
	tcase_add_test(tc, generic_framing);
	tcase_add_test(tc, failure_is_sticky);
	tcase_add_test(tc, counts_that_do_not_fit);
	suite_add_tcase(s, tc);
	return s;
}
