/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_table.c: the built-in type table (facts from PostgreSQL 15's pg_type, internal
 * consistency) and pgtype_from_decl against the OID and atttypmod PostgreSQL 15 stores for
 * the same declarations, plus aliases, SQLite names and odd spellings. */
#include "pgtype_test.h"

struct info_case {
	uint32_t oid;
	const char *name, *sql_name;
	int16_t typlen;
	char category;
	uint32_t array_oid, elem_oid;
};

/* SELECT oid, typname, format_type(oid, NULL), typlen, typcategory, typarray, typelem. */
static const struct info_case info_cases[] = {
	{16, "bool", "boolean", 1, 'B', 1000, 0},
	{17, "bytea", "bytea", -1, 'U', 1001, 0},
	{18, "char", "\"char\"", 1, 'Z', 1002, 0},
	{19, "name", "name", 64, 'S', 1003, 0},
	{20, "int8", "bigint", 8, 'N', 1016, 0},
	{21, "int2", "smallint", 2, 'N', 1005, 0},
	{22, "int2vector", "int2vector", -1, 'A', 1006, 21},
	{23, "int4", "integer", 4, 'N', 1007, 0},
	{24, "regproc", "regproc", 4, 'N', 1008, 0},
	{25, "text", "text", -1, 'S', 1009, 0},
	{26, "oid", "oid", 4, 'N', 1028, 0},
	{30, "oidvector", "oidvector", -1, 'A', 1013, 26},
	{114, "json", "json", -1, 'U', 199, 0},
	{142, "xml", "xml", -1, 'U', 143, 0},
	{600, "point", "point", 16, 'G', 1017, 0},
	{650, "cidr", "cidr", -1, 'I', 651, 0},
	{700, "float4", "real", 4, 'N', 1021, 0},
	{701, "float8", "double precision", 8, 'N', 1022, 0},
	{705, "unknown", "unknown", -2, 'X', 0, 0},
	{790, "money", "money", 8, 'N', 791, 0},
	{829, "macaddr", "macaddr", 6, 'U', 1040, 0},
	{869, "inet", "inet", -1, 'I', 1041, 0},
	{1000, "_bool", "boolean[]", -1, 'A', 0, 16},
	{1007, "_int4", "integer[]", -1, 'A', 0, 23},
	{1009, "_text", "text[]", -1, 'A', 0, 25},
	{1015, "_varchar", "character varying[]", -1, 'A', 0, 1043},
	{1042, "bpchar", "character", -1, 'S', 1014, 0},
	{1043, "varchar", "character varying", -1, 'S', 1015, 0},
	{1082, "date", "date", 4, 'D', 1182, 0},
	{1083, "time", "time without time zone", 8, 'D', 1183, 0},
	{1114, "timestamp", "timestamp without time zone", 8, 'D', 1115, 0},
	{1184, "timestamptz", "timestamp with time zone", 8, 'D', 1185, 0},
	{1186, "interval", "interval", 16, 'T', 1187, 0},
	{1266, "timetz", "time with time zone", 12, 'D', 1270, 0},
	{1560, "bit", "bit", -1, 'V', 1561, 0},
	{1562, "varbit", "bit varying", -1, 'V', 1563, 0},
	{1700, "numeric", "numeric", -1, 'N', 1231, 0},
	{2205, "regclass", "regclass", 4, 'N', 2210, 0},
	{2206, "regtype", "regtype", 4, 'N', 2211, 0},
	{2249, "record", "record", -1, 'P', 2287, 0},
	{2275, "cstring", "cstring", -2, 'P', 1263, 0},
	{2276, "any", "\"any\"", 4, 'P', 0, 0},
	{2277, "anyarray", "anyarray", -1, 'P', 0, 0},
	{2278, "void", "void", 4, 'P', 0, 0},
	{2287, "_record", "record[]", -1, 'P', 0, 2249},
	{2950, "uuid", "uuid", 16, 'U', 2951, 0},
	{3614, "tsvector", "tsvector", -1, 'U', 3643, 0},
	{3802, "jsonb", "jsonb", -1, 'U', 3807, 0},
	{3904, "int4range", "int4range", -1, 'R', 3905, 0},
	{4089, "regnamespace", "regnamespace", 4, 'N', 4090, 0},
};

START_TEST(info_facts)
{
	const struct info_case *c = &info_cases[_i];
	const struct pgtype_info *t = pgtype_by_oid(c->oid);
	ck_assert_msg(t != NULL, "oid %u missing", c->oid);
	ck_assert_str_eq(t->name, c->name);
	ck_assert_str_eq(t->sql_name, c->sql_name);
	ck_assert_int_eq(t->typlen, c->typlen);
	ck_assert_int_eq(t->category, c->category);
	ck_assert_uint_eq(t->array_oid, c->array_oid);
	ck_assert_uint_eq(t->elem_oid, c->elem_oid);
}
END_TEST

/* Every OID the header names must be in the table. */
static const uint32_t header_oids[] = {
	PGTYPE_BOOL,          PGTYPE_BYTEA,         PGTYPE_CHAR,         PGTYPE_NAME,
	PGTYPE_INT8,          PGTYPE_INT2,          PGTYPE_INT4,         PGTYPE_REGPROC,
	PGTYPE_TEXT,          PGTYPE_OID,           PGTYPE_JSON,         PGTYPE_XML,
	PGTYPE_FLOAT4,        PGTYPE_FLOAT8,        PGTYPE_UNKNOWN,      PGTYPE_MONEY,
	PGTYPE_BPCHAR,        PGTYPE_VARCHAR,       PGTYPE_DATE,         PGTYPE_TIME,
	PGTYPE_TIMESTAMP,     PGTYPE_TIMESTAMPTZ,   PGTYPE_INTERVAL,     PGTYPE_TIMETZ,
	PGTYPE_BIT,           PGTYPE_VARBIT,        PGTYPE_NUMERIC,      PGTYPE_REGCLASS,
	PGTYPE_REGTYPE,       PGTYPE_VOID,          PGTYPE_UUID,         PGTYPE_JSONB,
	PGTYPE_BOOL_ARRAY,    PGTYPE_INT2_ARRAY,    PGTYPE_INT4_ARRAY,   PGTYPE_TEXT_ARRAY,
	PGTYPE_VARCHAR_ARRAY, PGTYPE_INT8_ARRAY,    PGTYPE_FLOAT4_ARRAY, PGTYPE_FLOAT8_ARRAY,
	PGTYPE_OID_ARRAY,     PGTYPE_NUMERIC_ARRAY, PGTYPE_UUID_ARRAY,
};

START_TEST(header_oids_known)
{
	ck_assert_msg(pgtype_by_oid(header_oids[_i]) != NULL, "oid %u", header_oids[_i]);
}
END_TEST

START_TEST(table_consistent)
{
	size_t n;
	const struct pgtype_info *all = pgtype_all(&n);
	ck_assert_uint_eq(n, 185); /* pg_catalog's base, pseudo, range and multirange types */
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			ck_assert_uint_lt(all[i - 1].oid, all[i].oid);
		ck_assert_ptr_eq(pgtype_by_oid(all[i].oid), &all[i]);
		if (all[i].array_oid) {
			const struct pgtype_info *arr = pgtype_by_oid(all[i].array_oid);
			ck_assert_msg(arr && arr->elem_oid == all[i].oid, "%s", all[i].name);
		}
		if (all[i].elem_oid && all[i].name[0] == '_') { /* not int2vector, oidvector */
			const struct pgtype_info *el = pgtype_by_oid(all[i].elem_oid);
			ck_assert_msg(el && el->array_oid == all[i].oid, "%s", all[i].name);
		}
	}
	ck_assert_ptr_null(pgtype_by_oid(0));
	ck_assert_ptr_null(pgtype_by_oid(999999));
}
END_TEST

START_TEST(binary_flags)
{
	static const uint32_t yes[] = {PGTYPE_BOOL, PGTYPE_BYTEA,   PGTYPE_INT2,    PGTYPE_INT4,
				       PGTYPE_INT8, PGTYPE_FLOAT4,  PGTYPE_FLOAT8,  PGTYPE_OID,
				       PGTYPE_TEXT, PGTYPE_VARCHAR, PGTYPE_BPCHAR,  PGTYPE_NAME,
				       PGTYPE_JSON, PGTYPE_JSONB,   PGTYPE_UNKNOWN, PGTYPE_UUID,
				       PGTYPE_DATE, PGTYPE_TIME,    PGTYPE_TIMESTAMP,
				       PGTYPE_TIMESTAMPTZ, PGTYPE_INTERVAL, PGTYPE_INT4_ARRAY,
				       PGTYPE_TIMETZ, 1270 /* timetz[] */, PGTYPE_MONEY};
	static const uint32_t no[] = {PGTYPE_NUMERIC};
	for (size_t i = 0; i < ARRAY_LEN(yes); i++)
		ck_assert_msg(pgtype_by_oid(yes[i])->binary_ok, "%u", yes[i]);
	for (size_t i = 0; i < ARRAY_LEN(no); i++)
		ck_assert_msg(!pgtype_by_oid(no[i])->binary_ok, "%u", no[i]);
}
END_TEST

struct decl_case {
	const char *decl;
	uint32_t oid;
	int32_t typmod;
};

/* Each declaration as a column type in CREATE TABLE on PostgreSQL 15.18, with the atttypid
 * and atttypmod it stored. */
static const struct decl_case pg_decl_cases[] = {
	{"integer", 23, -1},
	{"bigint", 20, -1},
	{"smallint", 21, -1},
	{"character varying(20)", 1043, 24},
	{"character(5)", 1042, 9},
	{"numeric(10,2)", 1700, 655366},
	{"double precision", 701, -1},
	{"real", 700, -1},
	{"timestamp without time zone", 1114, -1},
	{"timestamp with time zone", 1184, -1},
	{"time without time zone", 1083, -1},
	{"boolean", 16, -1},
	{"bytea", 17, -1},
	{"text", 25, -1},
	{"uuid", 2950, -1},
	{"json", 114, -1},
	{"jsonb", 3802, -1},
	{"date", 1082, -1},
	{"interval", 1186, -1},
	{"text[]", 1009, -1},
	{"integer[]", 1007, -1},
	{"int", 23, -1},
	{"int2", 21, -1},
	{"int4", 23, -1},
	{"int8", 20, -1},
	{"float4", 700, -1},
	{"float8", 701, -1},
	{"float", 701, -1},
	{"bool", 16, -1},
	{"varchar", 1043, -1},
	{"varchar(7)", 1043, 11},
	{"char(3)", 1042, 7},
	{"bpchar", 1042, -1},
	{"decimal", 1700, -1},
	{"timestamptz", 1184, -1},
	{"timetz", 1266, -1},
	{"serial", 23, -1},
	{"bigserial", 20, -1},
	{"smallserial", 21, -1},
	{"numeric", 1700, -1},
	{"decimal(5)", 1700, 327684},
	{"timestamp(3) with time zone", 1184, 3},
	{"time(2) with time zone", 1266, 2},
	{"interval day to second(3)", 1186, 470286339},
	{"float(24)", 700, -1},
	{"float(25)", 701, -1},
	{"\"char\"", 18, -1},
	{"name", 19, -1},
	{"inet", 869, -1},
	{"cidr", 650, -1},
	{"macaddr", 829, -1},
	{"money", 790, -1},
	{"money int8", 790, -1}, /* how CREATE TABLE declares it (INTEGER affinity) */
	{"xml", 142, -1},
	{"bit(3)", 1560, 3},
	{"bit varying(5)", 1562, 5},
	{"tsvector", 3614, -1},
	{"point", 600, -1},
	{"oid", 26, -1},
	{"varchar(20)[]", 1015, 24},
	{"numeric(10,2)[][]", 1231, 655366},
	{"character varying", 1043, -1},
	{"interval second(2)", 1186, 268435458},
	{"int4range", 3904, -1},
	{"int array", 1007, -1},
	{"char varying(9)", 1043, 13},
	{"national character(4)", 1042, 8},
	{"pg_catalog.int4", 23, -1},
	{"serial4", 23, -1},
	{"serial8", 20, -1},
	{"serial2", 21, -1},
	{"dec(4,1)", 1700, 262149},
	{"timestamptz(6)", 1184, 6},
	{"varbit", 1562, -1},
	{"_int4", 1007, -1},
	{"regclass", 2205, -1},
};

/* Spellings PostgreSQL's CREATE TABLE would not see but SQLite schemas hold. */
static const struct decl_case other_decl_cases[] = {
	{"INTEGER", PGTYPE_INT8, -1}, /* SQLite's affinity name: 64-bit */
	{"REAL", PGTYPE_FLOAT8, -1},  /* SQLite's affinity name: 8-byte float */
	{"  INTEGER  ", PGTYPE_INT8, -1},
	{"Integer", PGTYPE_INT4, -1},
	{"TEXT", PGTYPE_TEXT, -1},
	{"BLOB", PGTYPE_BYTEA, -1},
	{"NUMERIC", PGTYPE_NUMERIC, -1},
	{"BIGINT", PGTYPE_INT8, -1},
	{"VARCHAR(255)", PGTYPE_VARCHAR, 259},
	{"Character  Varying ( 20 )", PGTYPE_VARCHAR, 24},
	{"NUMERIC(10, 2)", PGTYPE_NUMERIC, 655366},
	{"Timestamp With Time Zone", PGTYPE_TIMESTAMPTZ, -1},
	{"timestamp (3) without time zone", PGTYPE_TIMESTAMP, 3},
	{"timestamp(9)", PGTYPE_TIMESTAMP, 6},
	{"interval(3)", PGTYPE_INTERVAL, 2147418115},
	{"interval year", PGTYPE_INTERVAL, 327679},
	{"interval minute to second", PGTYPE_INTERVAL, 402718719},
	{"interval hour", PGTYPE_INTERVAL, 67174399},
	{"interval fortnight", PGTYPE_TEXT, -1},
	{"bit", PGTYPE_BIT, 1},
	{"char", PGTYPE_BPCHAR, 5},
	{"character", PGTYPE_BPCHAR, 5},
	{"bpchar(10)", PGTYPE_BPCHAR, 14},
	{"text []", PGTYPE_TEXT_ARRAY, -1},
	{"uuid[]", PGTYPE_UUID_ARRAY, -1},
	{"int8[3]", PGTYPE_INT8_ARRAY, -1},
	{"double precision[]", PGTYPE_FLOAT8_ARRAY, -1},
	{"boolean[]", PGTYPE_BOOL_ARRAY, -1},
	{"\"int4\"", PGTYPE_INT4, -1},
	{"pg_catalog.timestamptz", PGTYPE_TIMESTAMPTZ, -1},
	{"integer(11)", PGTYPE_INT4, -1}, /* a modifier the type does not take is ignored */
	{"varchar(max)", PGTYPE_VARCHAR, -1},
	{"DATETIME", PGTYPE_TEXT, -1},
	{"frobnicator", PGTYPE_TEXT, -1},
	{"varchar(20", PGTYPE_TEXT, -1},
	{"", PGTYPE_TEXT, -1},
	{"   ", PGTYPE_TEXT, -1},
	{"anyarray[]", PGTYPE_TEXT, -1}, /* no array type */
	{"float(0)", PGTYPE_FLOAT8, -1},
	{"double", PGTYPE_FLOAT8, -1},
	{"nchar(2)", PGTYPE_BPCHAR, 6},
	{"numeric(5,-2)", PGTYPE_NUMERIC, ((5 << 16) | (-2 & 0x7ff)) + 4},
};

static void check_decl(const struct decl_case *c)
{
	int32_t typmod = 12345;
	uint32_t oid = pgtype_from_decl(c->decl, &typmod);
	ck_assert_msg(oid == c->oid && typmod == c->typmod, "\"%s\": got %u/%d, want %u/%d",
		      c->decl, oid, typmod, c->oid, c->typmod);
}

START_TEST(decl_as_postgres) { check_decl(&pg_decl_cases[_i]); }
END_TEST

START_TEST(decl_other) { check_decl(&other_decl_cases[_i]); }
END_TEST

START_TEST(decl_null_and_long)
{
	int32_t typmod = 7;
	ck_assert_uint_eq(pgtype_from_decl(NULL, &typmod), PGTYPE_TEXT);
	ck_assert_int_eq(typmod, -1);
	char longdecl[400];
	memset(longdecl, 'x', sizeof(longdecl) - 1);
	longdecl[sizeof(longdecl) - 1] = '\0';
	ck_assert_uint_eq(pgtype_from_decl(longdecl, &typmod), PGTYPE_TEXT);
	ck_assert_int_eq(typmod, -1);
}
END_TEST

/* Every typname and format_type() spelling in the table maps back to its own OID, except
 * names that PostgreSQL's grammar reads as something else (char, bit: with their default
 * length; "any"/"char" are quoted). */
START_TEST(decl_every_table_name)
{
	size_t n;
	const struct pgtype_info *all = pgtype_all(&n);
	for (size_t i = 0; i < n; i++) {
		int32_t typmod;
		ck_assert_msg(pgtype_from_decl(all[i].name, &typmod) == all[i].oid ||
				      strcmp(all[i].name, "char") == 0 ||
				      strcmp(all[i].name, "any") == 0,
			      "%s", all[i].name);
		ck_assert_msg(pgtype_from_decl(all[i].sql_name, &typmod) == all[i].oid ||
				      strcmp(all[i].sql_name, "character") == 0,
			      "%s", all[i].sql_name);
	}
}
END_TEST

Suite *pgtype_test_table_suite(void)
{
	Suite *s = suite_create("pgtype_table");
	TCase *tc = tcase_create("table");
	tcase_add_loop_test(tc, info_facts, 0, ARRAY_LEN(info_cases));
	tcase_add_loop_test(tc, header_oids_known, 0, ARRAY_LEN(header_oids));
	tcase_add_test(tc, table_consistent);
	tcase_add_test(tc, binary_flags);
	suite_add_tcase(s, tc);
	tc = tcase_create("decl");
	tcase_add_loop_test(tc, decl_as_postgres, 0, ARRAY_LEN(pg_decl_cases));
	tcase_add_loop_test(tc, decl_other, 0, ARRAY_LEN(other_decl_cases));
	tcase_add_test(tc, decl_null_and_long);
	tcase_add_test(tc, decl_every_table_name);
	suite_add_tcase(s, tc);
	return s;
}
