/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_tsearch.c: tsvector and tsquery — text input into canonical text (sorting,
 * merging, weights, quoting, operator precedence and parentheses) and input errors, as
 * PostgreSQL 15.18 printed them; the stop-word cleanup of a to_tsquery tree. */
#include "pgtype_test.h"

static const struct ts_case {
	uint32_t oid;
	const char *in;
	const char *sqlstate; /* NULL: accepted */
	const char *want;     /* canonical output, or the error message */
} cases[] = {
	{PGTYPE_TSVECTOR, "a:3,1,3A b:2 a", NULL, "'a':1,3A 'b':2"},
	{PGTYPE_TSVECTOR, "'it''s' 'a\\\\b' x:1,2b,3c,4d", NULL, "'a\\\\b' 'it''s' 'x':1,2B,3C,4"},
	{PGTYPE_TSVECTOR, "", NULL, ""},
	{PGTYPE_TSVECTOR, "a:16384 b:1*", NULL, "'a':16383 'b':1A"},
	{PGTYPE_TSVECTOR, "z:2 ab:1 a:3 abc", NULL, "'a':3 'ab':1 'abc' 'z':2"},
	{PGTYPE_TSVECTOR, ":a", NULL, "':a'"},
	{PGTYPE_TSVECTOR, "a:0", "42601", "wrong position info in tsvector: \"a:0\""},
	{PGTYPE_TSVECTOR, "a:1x", "42601", "syntax error in tsvector: \"a:1x\""},
	{PGTYPE_TSVECTOR, "'open", "42601", "syntax error in tsvector: \"'open\""},
	{PGTYPE_TSVECTOR, "a\\", "42601", "there is no escaped character: \"a\\\""},
	{PGTYPE_TSQUERY, "a & !b | c <-> d", NULL, "'a' & !'b' | 'c' <-> 'd'"},
	{PGTYPE_TSQUERY, "!(a&b)", NULL, "!( 'a' & 'b' )"},
	{PGTYPE_TSQUERY, "(a|b)&c", NULL, "( 'a' | 'b' ) & 'c'"},
	{PGTYPE_TSQUERY, "a <2> (b|c)", NULL, "'a' <2> ( 'b' | 'c' )"},
	{PGTYPE_TSQUERY, "a <-> (b <-> c)", NULL, "'a' <-> ( 'b' <-> 'c' )"},
	{PGTYPE_TSQUERY, "(a <-> b) <-> c", NULL, "'a' <-> 'b' <-> 'c'"},
	{PGTYPE_TSQUERY, "foo:*AB & 'x y':c", NULL, "'foo':*AB & 'x y':C"},
	{PGTYPE_TSQUERY, "!!a", NULL, "!!'a'"},
	{PGTYPE_TSQUERY, "a<->b", NULL, "'a' <-> 'b'"},
	{PGTYPE_TSQUERY, "a:* <0> b", NULL, "'a':* <0> 'b'"},
	{PGTYPE_TSQUERY, "  ", NULL, ""},
	{PGTYPE_TSQUERY, "a &", "42601", "no operand in tsquery: \"a &\""},
	{PGTYPE_TSQUERY, "a b", "42601", "syntax error in tsquery: \"a b\""},
	{PGTYPE_TSQUERY, "()", "42601", "syntax error in tsquery: \"()\""},
	{PGTYPE_TSQUERY, "a & (b", "42601", "syntax error in tsquery: \"a & (b\""},
	{PGTYPE_TSQUERY, "a <16385> b", "22023",
	 "distance in phrase operator must be an integer value between zero and 16384 inclusive"},
};

START_TEST(ts_input)
{
	const struct ts_case *k = &cases[_i];
	struct arena *a = arena_new(0);
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = pgtype_decode_text(k->oid, k->in, strlen(k->in), a, &v, &err);
	if (k->sqlstate) {
		ck_assert_msg(!ok, "%s accepted", k->in);
		ck_assert_str_eq(err.sqlstate, k->sqlstate);
		ck_assert_str_eq(err.message, k->want);
	} else {
		ck_assert_msg(ok, "%s: %s", k->in, err.message);
		ck_assert_msg(v.n == strlen(k->want) && memcmp(v.p, k->want, v.n) == 0,
			      "%s: got \"%.*s\", want \"%s\"", k->in, (int)v.n, v.p, k->want);
	}
	arena_free(a);
}
END_TEST

/* 'x' <-> stop <-> 'y' loses the stop word and widens the phrase: 'x' <2> 'y'; a phrase of
 * stop words only is empty. */
START_TEST(ts_clean)
{
	struct arena *a = arena_new(0);
	struct pgtype_tsq_build b = {.a = a};
	pgtype_tsq_push_value(&b, "x", 1, 0, false);
	pgtype_tsq_push_stop(&b);
	pgtype_tsq_push_op(&b, PGTYPE_TSQ_PHRASE, 1);
	pgtype_tsq_push_value(&b, "y", 1, 0, false);
	pgtype_tsq_push_op(&b, PGTYPE_TSQ_PHRASE, 1);
	ck_assert(!b.failed && b.n == 1);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_tsquery_out(&sb, pgtype_tsq_clean(b.st[0]));
	ck_assert_sb_str(&sb, "'x' <2> 'y'");
	b.n = 0;
	pgtype_tsq_push_stop(&b);
	pgtype_tsq_push_stop(&b);
	pgtype_tsq_push_op(&b, PGTYPE_TSQ_AND, 0);
	ck_assert(pgtype_tsq_clean(b.st[0]) == NULL);
	strbuf_fini(&sb);
	arena_free(a);
}
END_TEST

/* A tree deeper than 10,000 levels is refused as PostgreSQL's check_stack_depth() refuses
 * one: the functions over it recurse. */
START_TEST(ts_too_deep)
{
	struct strbuf in;
	strbuf_init(&in, 0);
	for (int i = 0; i < 10002; i++)
		strbuf_puts(&in, i ? " & a" : "a");
	struct arena *a = arena_new(0);
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert(!pgtype_decode_text(PGTYPE_TSQUERY, in.data, in.len, a, &v, &err));
	ck_assert_str_eq(err.sqlstate, "54001");
	in.len = 4 * 9000 - 3; /* 9,000 operands: accepted */
	pgerr_clear(&err);
	ck_assert(pgtype_decode_text(PGTYPE_TSQUERY, in.data, in.len, a, &v, &err));
	arena_free(a);
	strbuf_fini(&in);
}
END_TEST

Suite *pgtype_test_tsearch_suite(void)
{
	Suite *s = suite_create("pgtype_tsearch");
	TCase *tc = tcase_create("tsearch");
	tcase_add_loop_test(tc, ts_input, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, ts_clean);
	tcase_add_test(tc, ts_too_deep);
	suite_add_tcase(s, tc);
	return s;
}
