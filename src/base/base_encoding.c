/* SPDX-License-Identifier: Apache-2.0 */
/* base_encoding.c: PostgreSQL's encoding names, the one table every module reads them from:
 * pg_enc2name_tbl (each encoding's number, the one pg_encoding_to_char and
 * pg_char_to_encoding use, and its name) and pg_encname_tbl (every spelling
 * pg_char_to_encoding accepts, read as clean_encoding_name leaves it). Names only: the server
 * speaks UTF8, what each caller does with another encoding is its own affair. */
#include "base.h"

#include <string.h>

/* pg_wchar.h's enum pg_enc, in order */
static const char *const names[] = {
	"SQL_ASCII", "EUC_JP",        "EUC_CN",     "EUC_KR",     "EUC_TW",     "EUC_JIS_2004",
	"UTF8",      "MULE_INTERNAL", "LATIN1",     "LATIN2",     "LATIN3",     "LATIN4",
	"LATIN5",    "LATIN6",        "LATIN7",     "LATIN8",     "LATIN9",     "LATIN10",
	"WIN1256",   "WIN1258",       "WIN866",     "WIN874",     "KOI8R",      "WIN1251",
	"WIN1252",   "ISO_8859_5",    "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250",
	"WIN1253",   "WIN1254",       "WIN1255",    "WIN1257",    "KOI8U",      "SJIS",
	"BIG5",      "GBK",           "UHC",        "GB18030",    "JOHAB",      "SHIFT_JIS_2004"};

/* pg_encname_tbl: the cleaned spellings (encnames.c, PostgreSQL 15) */
static const struct {
	const char *name;
	int enc;
} spellings[] = {
	{"abc", BASE_ENC_WIN1258},   {"alt", BASE_ENC_WIN866},       {"big5", 36},
	{"euccn", 2},                {"eucjis2004", 5},              {"eucjp", 1},
	{"euckr", 3},                {"euctw", 4},                   {"gb18030", 39},
	{"gbk", 37},                 {"iso88591", BASE_ENC_LATIN1},  {"iso885910", 13},
	{"iso885913", 14},           {"iso885914", 15},              {"iso885915", 16},
	{"iso885916", 17},           {"iso88592", 9},                {"iso88593", 10},
	{"iso88594", 11},            {"iso88595", 25},               {"iso88596", 26},
	{"iso88597", 27},            {"iso88598", 28},               {"iso88599", 12},
	{"johab", 40},               {"koi8", 22},                   {"koi8r", 22},
	{"koi8u", 34},               {"latin1", BASE_ENC_LATIN1},    {"latin10", 17},
	{"latin2", 9},               {"latin3", 10},                 {"latin4", 11},
	{"latin5", 12},              {"latin6", 13},                 {"latin7", 14},
	{"latin8", 15},              {"latin9", 16},                 {"mskanji", 35},
	{"muleinternal", 7},         {"shiftjis", 35},               {"shiftjis2004", 41},
	{"sjis", 35},                {"sqlascii", BASE_ENC_SQL_ASCII}, {"tcvn", BASE_ENC_WIN1258},
	{"tcvn5712", BASE_ENC_WIN1258}, {"uhc", 38},                 {"unicode", BASE_ENC_UTF8},
	{"utf8", BASE_ENC_UTF8},     {"vscii", BASE_ENC_WIN1258},    {"win", 23},
	{"win1250", 29},             {"win1251", 23},                {"win1252", 24},
	{"win1253", 30},             {"win1254", 31},                {"win1255", 32},
	{"win1256", 18},             {"win1257", 33},                {"win1258", BASE_ENC_WIN1258},
	{"win866", BASE_ENC_WIN866}, {"win874", 21},                 {"win932", 35},
	{"win936", 37},              {"win949", 38},                 {"win950", 36},
	{"windows1250", 29},         {"windows1251", 23},            {"windows1252", 24},
	{"windows1253", 30},         {"windows1254", 31},            {"windows1255", 32},
	{"windows1256", 18},         {"windows1257", 33},            {"windows1258", BASE_ENC_WIN1258},
	{"windows866", BASE_ENC_WIN866}, {"windows874", 21},         {"windows932", 35},
	{"windows936", 37},          {"windows949", 38},             {"windows950", 36},
};

_Static_assert(ARRAY_LEN(names) == BASE_ENC_COUNT, "one name per encoding");

const char *base_encoding_name(int enc)
{
	return enc >= 0 && enc < BASE_ENC_COUNT ? names[enc] : NULL;
}

/* clean_encoding_name: ASCII letters and digits only, lower-cased */
static void clean(const char *in, char *out, size_t cap)
{
	size_t n = 0;
	for (; *in && n + 1 < cap; in++) {
		char c = *in;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[n++] = c;
		else if (c >= 'A' && c <= 'Z')
			out[n++] = (char)(c - 'A' + 'a');
	}
	out[n] = '\0';
}

int base_encoding_from_name(const char *name)
{
	char key[BASE_ENC_NAMEDATALEN];
	/* pg_char_to_encoding: no name, or one too long to be in the table */
	if (!name || !*name || strlen(name) >= sizeof(key))
		return -1;
	clean(name, key, sizeof(key));
	for (size_t i = 0; i < ARRAY_LEN(spellings); i++)
		if (strcmp(key, spellings[i].name) == 0)
			return spellings[i].enc;
	return -1;
}

int base_encoding_from_sqlname(const char *name)
{
	char cut[BASE_ENC_NAMEDATALEN];
	if (!name)
		return -1;
	size_t n = strlen(name);
	n = n < sizeof(cut) ? n : sizeof(cut) - 1;
	memcpy(cut, name, n);
	cut[n] = '\0';
	return base_encoding_from_name(cut);
}
