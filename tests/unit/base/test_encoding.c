/* SPDX-License-Identifier: Apache-2.0 */
/* test_encoding.c: base_encoding.c's names against PostgreSQL 15's pg_encoding_to_char and
 * pg_char_to_encoding (the expected values were read from a PostgreSQL 15 server). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "../../check_run.h"

/* pg_encoding_to_char(0 .. 41) */
static const char *const by_number[] = {
	"SQL_ASCII", "EUC_JP",        "EUC_CN",     "EUC_KR",     "EUC_TW",     "EUC_JIS_2004",
	"UTF8",      "MULE_INTERNAL", "LATIN1",     "LATIN2",     "LATIN3",     "LATIN4",
	"LATIN5",    "LATIN6",        "LATIN7",     "LATIN8",     "LATIN9",     "LATIN10",
	"WIN1256",   "WIN1258",       "WIN866",     "WIN874",     "KOI8R",      "WIN1251",
	"WIN1252",   "ISO_8859_5",    "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250",
	"WIN1253",   "WIN1254",       "WIN1255",    "WIN1257",    "KOI8U",      "SJIS",
	"BIG5",      "GBK",           "UHC",        "GB18030",    "JOHAB",      "SHIFT_JIS_2004"};

START_TEST(names_by_number)
{
	ck_assert_int_eq(sizeof(by_number) / sizeof(by_number[0]), BASE_ENC_COUNT);
	for (int i = 0; i < BASE_ENC_COUNT; i++) {
		ck_assert_str_eq(base_encoding_name(i), by_number[i]);
		ck_assert_int_eq(base_encoding_from_name(by_number[i]), i); /* each name reads back */
	}
	ck_assert_ptr_null(base_encoding_name(-1));
	ck_assert_ptr_null(base_encoding_name(BASE_ENC_COUNT));
	ck_assert_str_eq(base_encoding_name(BASE_ENC_BE_LAST), "KOI8U");
}
END_TEST

/* pg_char_to_encoding(name) */
static const struct {
	const char *name;
	int enc;
} spellings[] = {
	{"UTF8", 6},          {"utf-8", 6},          {"'utf-8'", 6},       {"Unicode", 6},
	{"UNICODE", 6},       {"sql_ascii", 0},      {"SQL-ASCII", 0},     {"euc-jp", 1},
	{"ISO-8859-1", 8},    {"iso_8859_5", 25},    {"iso8859_10", 13},   {"ISO-8859-15", 16},
	{"iso88599", 12},     {"latin10", 17},       {"Windows-1252", 24}, {"win1252", 24},
	{"WIN", 23},          {"alt", 20},           {"windows866", 20},   {"cp866", -1},
	{"cp1251", -1},       {"cp1252", -1},        {"koi8", 22},         {"KOI8-U", 34},
	{"tcvn", 19},         {"TCVN5712", 19},      {"vscii", 19},        {"abc", 19},
	{"mule_internal", 7}, {"mulecinternal", -1}, {"mule", -1},         {"Shift-JIS", 35},
	{"mskanji", 35},      {"win932", 35},        {"windows932", 35},   {"shift_jis_2004", 41},
	{"win936", 37},       {"windows949", 38},    {"win950", 36},       {"GB18030", 39},
	{"johab", 40},        {"win 1250", 29},      {"", -1},             {"nonsense", -1},
	{"utf8\xc3\xa9", 6}, /* a non-ASCII byte is not a letter: dropped */
};

START_TEST(names_by_spelling)
{
	for (size_t i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++)
		ck_assert_msg(base_encoding_from_name(spellings[i].name) == spellings[i].enc,
			      "%s: want %d, got %d", spellings[i].name, spellings[i].enc,
			      base_encoding_from_name(spellings[i].name));
	ck_assert_int_eq(base_encoding_from_name(NULL), -1);
	/* NAMEDATALEN: a name of 64 bytes or more is not looked up */
	char longname[80];
	memset(longname, '-', sizeof(longname));
	memcpy(longname, "utf8", 4);
	longname[63] = '\0';
	ck_assert_int_eq(base_encoding_from_name(longname), 6);
	longname[63] = '-';
	longname[64] = '\0';
	ck_assert_int_eq(base_encoding_from_name(longname), -1);
	/* ... but pg_char_to_encoding('utf8----...') reads it as a name, cut to 63 bytes */
	ck_assert_int_eq(base_encoding_from_sqlname(longname), 6);
	ck_assert_int_eq(base_encoding_from_sqlname(NULL), -1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("base_encoding");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, names_by_number);
	tcase_add_test(tc, names_by_spelling);
	suite_add_tcase(s, tc);
	return check_run(s);
}
