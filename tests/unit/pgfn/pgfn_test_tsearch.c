/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_tsearch.c: the text search functions (pgfn_tsearch.c, ts_headline, ts_lexize) and
 * the default parser with the simple and english configurations, against what PostgreSQL
 * 15.18 returned. */
#include "pgfn_test.h"

#include "base.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"pgfn_to_tsvector('english', 'The quick brown foxes jumped over the lazy dogs')",
	 "'brown':3 'dog':9 'fox':4 'jump':5 'lazi':8 'quick':2"},
	{"pgfn_to_tsvector('simple', 'ÉCOLE Ünïcode ABC')", "'abc':3 'École':1 'Ünïcode':2"},
	{"pgfn_to_tsvector('english', 'self-driving 3.5 v8.3.0 foo@bar.com')",
	 "'3.5':4 'drive':3 'foo@bar.com':6 'self':2 'self-driv':1 'v8.3.0':5"},
	{"pgfn_to_tsvector('pg_catalog.english', 'http://www.example.com/a/b.html?x=1')",
	 "'/a/b.html?x=1':3 'www.example.com':2 'www.example.com/a/b.html?x=1':1"},
	{"pgfn_to_tsvector('simple', 'don''t <b>x</b> &amp; A-1 1e-5')",
	 "'-1':5 '1e-5':6 'a':4 'don':1 't':2 'x':3"},
	{"pgfn_to_tsquery('english', 'self-driving & the:* <-> cats:A', 0)",
	 "'self-driv' <-> 'self' <-> 'drive' & 'cat':A"},
	{"pgfn_to_tsquery('english', 'The Fat & Rats!', 1)", "'fat' & 'rat'"},
	{"pgfn_to_tsquery('english', 'the fat the rats of the', 2)", "'fat' <2> 'rat'"},
	{"pgfn_to_tsquery('english', '\"fat rat\" or cat -dog', 3)",
	 "'fat' <-> 'rat' | 'cat' & !'dog'"},
	{"pgfn_to_tsquery('english', 'the', 0)", ""},
	{"pgfn_ts_match('a:1 b:2 c:3', 'a <2> c')", "1"},
	{"pgfn_ts_match('a:1 b:2 c:3', 'a <-> c')", "0"},
	{"pgfn_ts_match('a:1 b:2 c:3', 'a <-> !c')", "1"},
	{"pgfn_ts_match('a b', 'a <-> b')", "0"},
	{"pgfn_ts_match('y:1', '!x <-> y')", "1"},
	{"pgfn_ts_match('x:1 y:2', '!x <-> y')", "0"},
	{"pgfn_ts_match('x:3 y:5', '!(x <-> y)')", "1"},
	{"pgfn_ts_match('p:1 q:2 r:3', 'p <-> (q & !s) <-> r')", "1"},
	{"pgfn_ts_match('a:1A b:2B', 'b:AB & a')", "1"},
	{"pgfn_ts_match('fat:1', 'fa:*')", "1"},
	{"pgfn_ts_setweight('a:1 b:2', 'b', '{a}')", "'a':1B 'b':2"},
	{"pgfn_ts_concat('a:1 b:2', 'b:1 c:2')", "'a':1 'b':2,3 'c':4"},
	{"pgfn_ts_querytree('a & !b')", "'a'"},
	{"pgfn_ts_querytree('!a')", "T"},
	{"pgfn_ts_numnode('a & !b | c')", "6"},
	{"pgfn_ts_filter('a:1A b:2B c:3', '{a,d}')", "'a':1A 'c':3"},
	{"pgfn_tsq_op('a', 'b|c', 1)", "'a' & ( 'b' | 'c' )"},
	{"pgfn_tsq_not('a & b')", "!( 'a' & 'b' )"},
	{"printf('%.6f', pgfn_ts_rank(NULL, 'cat:3 fat:2,11 mat:7 rat:12 sat:4', "
	 "'cat & rat', 0))",
	 "0.051744"},
	{"printf('%.6f', pgfn_ts_rank_cd(NULL, 'cat:3 fat:2,11 mat:7 rat:12 sat:4', "
	 "'cat & rat', 0))",
	 "0.011111"},
	{"printf('%.6f', pgfn_ts_rank_cd(NULL, 'k:1 mb:2D ma:2A w', 'k <-> m:*', 0))", "0.100000"},
	{"printf('%.6f', pgfn_ts_rank_cd(NULL, 'k:1 ma:2A mb:2D w', 'k <-> m:* <-> ma:A', 0))",
	 "0.000000"},
	{"printf('%.6f', pgfn_ts_rank_cd(NULL, 'k:1 m:2,3A z:2A w', 'k <2> m:A', 0))", "0.090909"},
	{"pgfn_to_tsvector('nope', 'x')",
	 "ERROR 42704: text search configuration \"nope\" does not exist"},
	{"substr(pgfn_to_tsvector('french', 'x'), 1, 0)",
	 "ERROR 0A000: text search configuration \"french\" is not supported (only simple and "
	 "english are built in)"},
	{"pgfn_ts_setweight('a:1', 'x')", "ERROR 22023: unrecognized weight: \"x\""},
	{"pgfn_to_tsvector('simple', NULL)", "NULL"},
	/* ts_headline (pgfn_tsheadline.c) */
	{"pgfn_ts_headline('english', 'The quick brown fox jumps', 'fox', '')",
	 "The quick brown <b>fox</b> jumps"},
	{"pgfn_ts_headline('simple', 'c d x c d', 'c <-> d', 'MaxWords=20, MinWords=1, "
	 "ShortWord=0')",
	 "<b>d</b> x <b>c</b> <b>d</b>"},
	{"pgfn_ts_headline('simple', 'a <i>b</i> c-d e', 'b | d', 'StartSel=[, StopSel=]')",
	 "a  [b]  c-[d] e"},
	{"pgfn_ts_headline('simple', 'a b c d e f g h', 'b & g', "
	 "'MaxFragments=2, MaxWords=2, MinWords=1, ShortWord=0, FragmentDelimiter=|')",
	 "<b>b</b> c|<b>g</b> h"},
	{"pgfn_ts_headline('simple', 'a b', 'b', '\"StartSel\" = ''<'''''', StopSel=\">\"\"\"')",
	 "a <'b>\""},
	{"pgfn_ts_headline('simple', 'a', 'a', 'MinWords=3, MaxWords=3')",
	 "ERROR 22023: MinWords should be less than MaxWords"},
	{"pgfn_ts_headline('simple', 'a', 'a', 'Bogus=1')",
	 "ERROR 22023: unrecognized headline parameter: \"Bogus\""},
	{"pgfn_ts_headline('simple', 'a', 'a', 'MaxWords=1x')",
	 "ERROR 22P02: invalid input syntax for type integer: \"1x\""},
	{"pgfn_ts_headline('simple', 'a', 'a', 'MaxWords')",
	 "ERROR 42601: invalid parameter list format: \"MaxWords\""},
	/* ts_lexize (pgfn_tsdict.c) */
	{"pgfn_to_tsvector('simple', 'x.org:8080 a&nm1;b')", "'a':2 'b':3 'x.org:8080':1"},
	{"pgfn_ts_lexize('english_stem', 'Jumping')", "{jump}"},
	{"pgfn_ts_lexize('english_stem', 'the')", "{}"},
	{"pgfn_ts_lexize('simple', 'A B')", "{\"a b\"}"},
	{"pgfn_ts_lexize('nope', 'x')",
	 "ERROR 42704: text search dictionary \"nope\" does not exist"},
};

START_TEST(tsearch_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

Suite *pgfn_test_tsearch_suite(void)
{
	Suite *s = suite_create("pgfn_tsearch");
	TCase *tc = tcase_create("tsearch");
	tcase_add_loop_test(tc, tsearch_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
