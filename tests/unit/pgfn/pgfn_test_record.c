/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_record.c: composite values — pgfn_record_in (record_in with the attributes' types:
 * each field through its input and output functions), pgfn_record_array_in (an array of
 * them), pgfn_record_put (one field replaced),
 * pgfn_record_field and pgfn_record_null; the record collations (pgfn_reccmp.c). */
#include "pgfn_test.h"

/* the type (a int4, b text, n numeric(6,2), v varchar(3)) */
#define PAIR "'pair', 0, 23, -1, 25, -1, 1700, 393222, 1043, 7"
#define PAIR_EXPLICIT "'pair', 1, 23, -1, 25, -1, 1700, 393222, 1043, 7"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"pgfn_record_in('(1,x,1.5,abc)', " PAIR ")", "(1,x,1.50,abc)"},
	{"pgfn_record_in('( 1 ,\"a b\",,)', " PAIR ")", "(1,\"a b\",,)"},
	{"pgfn_record_in('(,,,)', " PAIR ")", "(,,,)"},
	{"pgfn_record_in('(1,\"\",2,\"q\"\"r\")', " PAIR ")", "(1,\"\",2.00,\"q\"\"r\")"},
	{"pgfn_record_in(NULL, " PAIR ")", "NULL"},
	{"pgfn_record_in('(1,x,1)', " PAIR ")",
	 "ERROR 22P02: malformed record literal: \"(1,x,1)\""},
	{"pgfn_record_in('(1,x,1,a,b)', " PAIR ")",
	 "ERROR 22P02: malformed record literal: \"(1,x,1,a,b)\""},
	{"pgfn_record_in('1,x,1,a', " PAIR ")",
	 "ERROR 22P02: malformed record literal: \"1,x,1,a\""},
	{"pgfn_record_in('(y,x,1,a)', " PAIR ")",
	 "ERROR 22P02: invalid input syntax for type integer: \"y\""},
	{"pgfn_record_in('(1,x,1,abcd)', " PAIR ")",
	 "ERROR 22001: value too long for type character varying(3)"},
	{"pgfn_record_in('(1,x,1,\"ab   \")', " PAIR ")", "(1,x,1.00,\"ab \")"},
	{"pgfn_record_in('(1,x,1,abcd)', " PAIR_EXPLICIT ")", "(1,x,1.00,abc)"},
	{"pgfn_record_in('()', 'empty', 0)", "()"},
	/* an attribute of an enum: its oid, -2 - k, the enum's name and its k labels */
	{"pgfn_record_in('(ann,happy)', 'entry', 0, 25, -1, 16999, -4, 'mood', 'sad', 'happy')",
	 "(ann,happy)"},
	{"pgfn_record_in('(ann,)', 'entry', 0, 25, -1, 16999, -4, 'mood', 'sad', 'happy')",
	 "(ann,)"},
	{"pgfn_record_in('(ann,angry)', 'entry', 0, 25, -1, 16999, -4, 'mood', 'sad', 'happy')",
	 "ERROR 22P02: invalid input value for enum mood: \"angry\""},
	{"pgfn_record_in('(happy,1)', 'entry', 0, 16999, -3, 'mood', 'happy', 23, -1)",
	 "(happy,1)"},
	{"pgfn_record_in('(ann,happy)', 'entry', 0, 25, -1, 16999, -4, 'mood', 'sad')",
	 "ERROR XX000: pgfn_record_in: bad arguments"},
	/* an attribute of a composite type (a int, b int): oid, -100000 - 4, its attributes */
	{"pgfn_record_in('(x,\"( 1 , 2 )\")', 'seg', 0, 25, -1, 16998, -100004, 23, -1, 23, -1)",
	 "(x,\"(1,2)\")"},
	{"pgfn_record_in('(x,)', 'seg', 0, 25, -1, 16998, -100004, 23, -1, 23, -1)", "(x,)"},
	{"pgfn_record_in('(x,\"(1,y)\")', 'seg', 0, 25, -1, 16998, -100004, 23, -1, 23, -1)",
	 "ERROR 22P02: invalid input syntax for type integer: \"y\""},
	{"pgfn_record_in('(x,\"(1)\")', 'seg', 0, 25, -1, 16998, -100004, 23, -1, 23, -1)",
	 "ERROR 22P02: malformed record literal: \"(1)\""},
	{"pgfn_record_in('(x,y)', 'seg', 0, 25, -1, 16998, -100005, 23, -1, 23, -1)",
	 "ERROR XX000: pgfn_record_in: bad arguments"},
	/* pgfn_record_array_in: an array of the type, each element read by record_in */
	{"pgfn_record_array_in('{\"(1,x,1.5,abc)\",NULL}', " PAIR ")", "{\"(1,x,1.50,abc)\",NULL}"},
	{"pgfn_record_array_in('{ \"( 1 ,\\\"a b\\\",,)\" }', " PAIR ")",
	 "{\"(1,\\\"a b\\\",,)\"}"},
	{"pgfn_record_array_in('{}', " PAIR ")", "{}"},
	{"pgfn_record_array_in(NULL, " PAIR ")", "NULL"},
	{"pgfn_record_array_in('{\"(y,x,1,a)\"}', " PAIR ")",
	 "ERROR 22P02: invalid input syntax for type integer: \"y\""},
	{"pgfn_record_array_in('{\"(1,x)\"}', " PAIR ")",
	 "ERROR 22P02: malformed record literal: \"(1,x)\""},
	{"pgfn_record_array_in('(1,x,1,a)', " PAIR ")",
	 "ERROR 22P02: malformed array literal: \"(1,x,1,a)\""},
	{"pgfn_record_array_in('{{\"(1,x,1,a)\"}}', " PAIR ")",
	 "ERROR 0A000: a multidimensional array of a composite type is not supported"},
	{"pgfn_record_array_in('{\"(1,x,1,abcd)\"}', " PAIR_EXPLICIT ")", "{\"(1,x,1.00,abc)\"}"},
	{"pgfn_record_put('(1,x,1.50,abc)', 4, 1, 'y z')", "(1,\"y z\",1.50,abc)"},
	{"pgfn_record_put('(1,x,1.50,abc)', 4, 0, NULL)", "(,x,1.50,abc)"},
	{"pgfn_record_put(NULL, 4, 3, 'q')", "(,,,q)"},
	{"pgfn_record_field('(1,\"a,b\",1.50,)', 1, 25)", "a,b"},
	{"pgfn_record_field('(1,\"a,b\",1.50,)', 3, 25)", "NULL"},
	{"pgfn_record_null('(,,,)', 0)", "1"},
	{"pgfn_record_null('(1,,,)', 1)", "0"},
	/* pgfn_reccmp.c's collations: record_cmp field by field, a NULL field after the values */
	{"'(2,a)' < '(10,a)' COLLATE pgfn_record_nt", "1"},
	{"'(2,a)' < '(10,a)' COLLATE pgfn_record_tt", "0"},
	/* dates and timestamps by value: BC before AD, infinity after every date */
	{"'(\"0044-03-15 BC\")' < '(0001-01-01)' COLLATE pgfn_record_d", "1"},
	{"'(\"0044-03-15 BC\")' < '(0001-01-01)' COLLATE pgfn_record_t", "0"},
	{"'(infinity)' > '(2020-01-01)' COLLATE pgfn_record_d", "1"},
	{"'(\"0044-03-15 10:00:00 BC\")' < '(\"0001-01-01 00:00:00\")' COLLATE pgfn_record_s", "1"},
	{"'(\"10000-01-01 00:00:00\")' > '(\"9999-01-01 00:00:00\")' COLLATE pgfn_record_s", "1"},
	{"'(1.0,x)' = '(1.00,x)' COLLATE pgfn_record_nt", "1"},
	{"'(1,)' > '(1,z)' COLLATE pgfn_record_nt", "1"},
	{"'(,)' = '(,)' COLLATE pgfn_record_nt", "1"},
	{"'(NaN)' > '(Infinity)' COLLATE pgfn_record_n", "1"},
	{"'(-Infinity)' < '(-1e300)' COLLATE pgfn_record_n", "1"},
	{"'(1,\"a b\")' < '(1,\"a c\")' COLLATE pgfn_record_nt", "1"},
	{"'(1)' < '(1,a)' COLLATE pgfn_record_nt", "0"}, /* a missing field is NULL */
	{"'(1,a)' < 'x' COLLATE pgfn_record_nt", "1"},   /* no record: after the rows */
	/* ... and over arrays of records: element by element, then the shorter first */
	{"'{(2),(9)}' < '{(10)}' COLLATE pgfn_recarr_n", "1"},
	{"'{(2),(9)}' < '{(10)}' COLLATE pgfn_recarr_t", "0"},
	{"'{(1)}' < '{(1),(0)}' COLLATE pgfn_recarr_n", "1"},
	{"'{\"(1,b)\",\"(2,a)\"}' > '{\"(1,a)\",\"(3,a)\"}' COLLATE pgfn_recarr_nt", "1"},
	{"'{\"(1,)\"}' > '{\"(1,z)\"}' COLLATE pgfn_recarr_nt", "1"},
	{"'{(1.0)}' = '{(1.00)}' COLLATE pgfn_recarr_n", "1"},
};

START_TEST(record_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

Suite *pgfn_test_record_suite(void)
{
	Suite *s = suite_create("pgfn_record");
	TCase *tc = tcase_create("record");
	tcase_add_loop_test(tc, record_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
