/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_table.c: the one table of built-in types — every base, pseudo, range and multirange
 * type of PostgreSQL 15's pg_catalog with its real typname, format_type() spelling, typlen,
 * typcategory and array/element OIDs (taken from a PostgreSQL 15.18 pg_type, sorted by OID). */
#include "pgtype_int.h"

#include <stdio.h>

/* elem_oid follows the header's contract: set for array types only. PostgreSQL also sets
 * typelem on a few fixed-length subscriptable types (name → char, point/line → float8,
 * lseg/box → point); those read 0 here. Columns: oid, typname, format_type, typlen,
 * typcategory, typarray, element, binary_ok. */
static const struct pgtype_info types[] = {
	{16, "bool", "boolean", 1, 'B', 1000, 0, true},
	{17, "bytea", "bytea", -1, 'U', 1001, 0, true},
	{18, "char", "\"char\"", 1, 'Z', 1002, 0, true},
	{19, "name", "name", 64, 'S', 1003, 0, true},
	{20, "int8", "bigint", 8, 'N', 1016, 0, true},
	{21, "int2", "smallint", 2, 'N', 1005, 0, true},
	{22, "int2vector", "int2vector", -1, 'A', 1006, 21, false},
	{23, "int4", "integer", 4, 'N', 1007, 0, true},
	{24, "regproc", "regproc", 4, 'N', 1008, 0, true},
	{25, "text", "text", -1, 'S', 1009, 0, true},
	{26, "oid", "oid", 4, 'N', 1028, 0, true},
	{27, "tid", "tid", 6, 'U', 1010, 0, true},
	{28, "xid", "xid", 4, 'U', 1011, 0, true},
	{29, "cid", "cid", 4, 'U', 1012, 0, true},
	{30, "oidvector", "oidvector", -1, 'A', 1013, 26, false},
	{32, "pg_ddl_command", "pg_ddl_command", 8, 'P', 0, 0, false},
	{114, "json", "json", -1, 'U', 199, 0, true},
	{142, "xml", "xml", -1, 'U', 143, 0, true},
	{143, "_xml", "xml[]", -1, 'A', 0, 142, true},
	{194, "pg_node_tree", "pg_node_tree", -1, 'Z', 0, 0, false},
	{199, "_json", "json[]", -1, 'A', 0, 114, true},
	{269, "table_am_handler", "table_am_handler", 4, 'P', 0, 0, false},
	{271, "_xid8", "xid8[]", -1, 'A', 0, 5069, false},
	{325, "index_am_handler", "index_am_handler", 4, 'P', 0, 0, false},
	{600, "point", "point", 16, 'G', 1017, 0, false},
	{601, "lseg", "lseg", 32, 'G', 1018, 0, false},
	{602, "path", "path", -1, 'G', 1019, 0, false},
	{603, "box", "box", 32, 'G', 1020, 0, false},
	{604, "polygon", "polygon", -1, 'G', 1027, 0, false},
	{628, "line", "line", 24, 'G', 629, 0, false},
	{629, "_line", "line[]", -1, 'A', 0, 628, false},
	{650, "cidr", "cidr", -1, 'I', 651, 0, true},
	{651, "_cidr", "cidr[]", -1, 'A', 0, 650, true},
	{700, "float4", "real", 4, 'N', 1021, 0, true},
	{701, "float8", "double precision", 8, 'N', 1022, 0, true},
	{705, "unknown", "unknown", -2, 'X', 0, 0, true},
	{718, "circle", "circle", 24, 'G', 719, 0, false},
	{719, "_circle", "circle[]", -1, 'A', 0, 718, false},
	{774, "macaddr8", "macaddr8", 8, 'U', 775, 0, true},
	{775, "_macaddr8", "macaddr8[]", -1, 'A', 0, 774, true},
	{790, "money", "money", 8, 'N', 791, 0, true},
	{791, "_money", "money[]", -1, 'A', 0, 790, false},
	{829, "macaddr", "macaddr", 6, 'U', 1040, 0, true},
	{869, "inet", "inet", -1, 'I', 1041, 0, true},
	{1000, "_bool", "boolean[]", -1, 'A', 0, 16, true},
	{1001, "_bytea", "bytea[]", -1, 'A', 0, 17, true},
	{1002, "_char", "\"char\"[]", -1, 'A', 0, 18, true},
	{1003, "_name", "name[]", -1, 'A', 0, 19, true},
	{1005, "_int2", "smallint[]", -1, 'A', 0, 21, true},
	{1006, "_int2vector", "int2vector[]", -1, 'A', 0, 22, false},
	{1007, "_int4", "integer[]", -1, 'A', 0, 23, true},
	{1008, "_regproc", "regproc[]", -1, 'A', 0, 24, true},
	{1009, "_text", "text[]", -1, 'A', 0, 25, true},
	{1010, "_tid", "tid[]", -1, 'A', 0, 27, false},
	{1011, "_xid", "xid[]", -1, 'A', 0, 28, true},
	{1012, "_cid", "cid[]", -1, 'A', 0, 29, true},
	{1013, "_oidvector", "oidvector[]", -1, 'A', 0, 30, false},
	{1014, "_bpchar", "character[]", -1, 'A', 0, 1042, true},
	{1015, "_varchar", "character varying[]", -1, 'A', 0, 1043, true},
	{1016, "_int8", "bigint[]", -1, 'A', 0, 20, true},
	{1017, "_point", "point[]", -1, 'A', 0, 600, false},
	{1018, "_lseg", "lseg[]", -1, 'A', 0, 601, false},
	{1019, "_path", "path[]", -1, 'A', 0, 602, false},
	{1020, "_box", "box[]", -1, 'A', 0, 603, false},
	{1021, "_float4", "real[]", -1, 'A', 0, 700, true},
	{1022, "_float8", "double precision[]", -1, 'A', 0, 701, true},
	{1027, "_polygon", "polygon[]", -1, 'A', 0, 604, false},
	{1028, "_oid", "oid[]", -1, 'A', 0, 26, true},
	{1033, "aclitem", "aclitem", 12, 'U', 1034, 0, false},
	{1034, "_aclitem", "aclitem[]", -1, 'A', 0, 1033, false},
	{1040, "_macaddr", "macaddr[]", -1, 'A', 0, 829, true},
	{1041, "_inet", "inet[]", -1, 'A', 0, 869, true},
	{1042, "bpchar", "character", -1, 'S', 1014, 0, true},
	{1043, "varchar", "character varying", -1, 'S', 1015, 0, true},
	{1082, "date", "date", 4, 'D', 1182, 0, true},
	{1083, "time", "time without time zone", 8, 'D', 1183, 0, true},
	{1114, "timestamp", "timestamp without time zone", 8, 'D', 1115, 0, true},
	{1115, "_timestamp", "timestamp without time zone[]", -1, 'A', 0, 1114, true},
	{1182, "_date", "date[]", -1, 'A', 0, 1082, true},
	{1183, "_time", "time without time zone[]", -1, 'A', 0, 1083, true},
	{1184, "timestamptz", "timestamp with time zone", 8, 'D', 1185, 0, true},
	{1185, "_timestamptz", "timestamp with time zone[]", -1, 'A', 0, 1184, true},
	{1186, "interval", "interval", 16, 'T', 1187, 0, true},
	{1187, "_interval", "interval[]", -1, 'A', 0, 1186, true},
	{1231, "_numeric", "numeric[]", -1, 'A', 0, 1700, true},
	{1263, "_cstring", "cstring[]", -1, 'A', 0, 2275, true},
	{1266, "timetz", "time with time zone", 12, 'D', 1270, 0, true},
	{1270, "_timetz", "time with time zone[]", -1, 'A', 0, 1266, true},
	{1560, "bit", "bit", -1, 'V', 1561, 0, true},
	{1561, "_bit", "bit[]", -1, 'A', 0, 1560, false},
	{1562, "varbit", "bit varying", -1, 'V', 1563, 0, true},
	{1563, "_varbit", "bit varying[]", -1, 'A', 0, 1562, false},
	{1700, "numeric", "numeric", -1, 'N', 1231, 0, false},
	{1790, "refcursor", "refcursor", -1, 'U', 2201, 0, false},
	{2201, "_refcursor", "refcursor[]", -1, 'A', 0, 1790, false},
	{2202, "regprocedure", "regprocedure", 4, 'N', 2207, 0, true},
	{2203, "regoper", "regoper", 4, 'N', 2208, 0, true},
	{2204, "regoperator", "regoperator", 4, 'N', 2209, 0, true},
	{2205, "regclass", "regclass", 4, 'N', 2210, 0, true},
	{2206, "regtype", "regtype", 4, 'N', 2211, 0, true},
	{2207, "_regprocedure", "regprocedure[]", -1, 'A', 0, 2202, true},
	{2208, "_regoper", "regoper[]", -1, 'A', 0, 2203, true},
	{2209, "_regoperator", "regoperator[]", -1, 'A', 0, 2204, true},
	{2210, "_regclass", "regclass[]", -1, 'A', 0, 2205, true},
	{2211, "_regtype", "regtype[]", -1, 'A', 0, 2206, true},
	{2249, "record", "record", -1, 'P', 2287, 0, false},
	{2275, "cstring", "cstring", -2, 'P', 1263, 0, true},
	{2276, "any", "\"any\"", 4, 'P', 0, 0, false},
	{2277, "anyarray", "anyarray", -1, 'P', 0, 0, false},
	{2278, "void", "void", 4, 'P', 0, 0, true},
	{2279, "trigger", "trigger", 4, 'P', 0, 0, false},
	{2280, "language_handler", "language_handler", 4, 'P', 0, 0, false},
	{2281, "internal", "internal", 8, 'P', 0, 0, false},
	{2283, "anyelement", "anyelement", 4, 'P', 0, 0, false},
	{2287, "_record", "record[]", -1, 'P', 0, 2249, false},
	{2776, "anynonarray", "anynonarray", 4, 'P', 0, 0, false},
	{2949, "_txid_snapshot", "txid_snapshot[]", -1, 'A', 0, 2970, false},
	{2950, "uuid", "uuid", 16, 'U', 2951, 0, true},
	{2951, "_uuid", "uuid[]", -1, 'A', 0, 2950, true},
	{2970, "txid_snapshot", "txid_snapshot", -1, 'U', 2949, 0, false},
	{3115, "fdw_handler", "fdw_handler", 4, 'P', 0, 0, false},
	{3220, "pg_lsn", "pg_lsn", 8, 'U', 3221, 0, false},
	{3221, "_pg_lsn", "pg_lsn[]", -1, 'A', 0, 3220, false},
	{3310, "tsm_handler", "tsm_handler", 4, 'P', 0, 0, false},
	{3361, "pg_ndistinct", "pg_ndistinct", -1, 'Z', 0, 0, false},
	{3402, "pg_dependencies", "pg_dependencies", -1, 'Z', 0, 0, false},
	{3500, "anyenum", "anyenum", 4, 'P', 0, 0, false},
	{3614, "tsvector", "tsvector", -1, 'U', 3643, 0, true},
	{3615, "tsquery", "tsquery", -1, 'U', 3645, 0, true},
	{3642, "gtsvector", "gtsvector", -1, 'U', 3644, 0, false},
	{3643, "_tsvector", "tsvector[]", -1, 'A', 0, 3614, true},
	{3644, "_gtsvector", "gtsvector[]", -1, 'A', 0, 3642, false},
	{3645, "_tsquery", "tsquery[]", -1, 'A', 0, 3615, true},
	{3734, "regconfig", "regconfig", 4, 'N', 3735, 0, true},
	{3735, "_regconfig", "regconfig[]", -1, 'A', 0, 3734, true},
	{3769, "regdictionary", "regdictionary", 4, 'N', 3770, 0, true},
	{3770, "_regdictionary", "regdictionary[]", -1, 'A', 0, 3769, true},
	{3802, "jsonb", "jsonb", -1, 'U', 3807, 0, true},
	{3807, "_jsonb", "jsonb[]", -1, 'A', 0, 3802, true},
	{3831, "anyrange", "anyrange", -1, 'P', 0, 0, false},
	{3838, "event_trigger", "event_trigger", 4, 'P', 0, 0, false},
	{3904, "int4range", "int4range", -1, 'R', 3905, 0, true},
	{3905, "_int4range", "int4range[]", -1, 'A', 0, 3904, true},
	{3906, "numrange", "numrange", -1, 'R', 3907, 0, true},
	{3907, "_numrange", "numrange[]", -1, 'A', 0, 3906, true},
	{3908, "tsrange", "tsrange", -1, 'R', 3909, 0, true},
	{3909, "_tsrange", "tsrange[]", -1, 'A', 0, 3908, true},
	{3910, "tstzrange", "tstzrange", -1, 'R', 3911, 0, true},
	{3911, "_tstzrange", "tstzrange[]", -1, 'A', 0, 3910, true},
	{3912, "daterange", "daterange", -1, 'R', 3913, 0, true},
	{3913, "_daterange", "daterange[]", -1, 'A', 0, 3912, true},
	{3926, "int8range", "int8range", -1, 'R', 3927, 0, true},
	{3927, "_int8range", "int8range[]", -1, 'A', 0, 3926, true},
	{4072, "jsonpath", "jsonpath", -1, 'U', 4073, 0, true},
	{4073, "_jsonpath", "jsonpath[]", -1, 'A', 0, 4072, false},
	{4089, "regnamespace", "regnamespace", 4, 'N', 4090, 0, true},
	{4090, "_regnamespace", "regnamespace[]", -1, 'A', 0, 4089, true},
	{4096, "regrole", "regrole", 4, 'N', 4097, 0, true},
	{4097, "_regrole", "regrole[]", -1, 'A', 0, 4096, true},
	{4191, "regcollation", "regcollation", 4, 'N', 4192, 0, true},
	{4192, "_regcollation", "regcollation[]", -1, 'A', 0, 4191, true},
	{4451, "int4multirange", "int4multirange", -1, 'R', 6150, 0, false},
	{4532, "nummultirange", "nummultirange", -1, 'R', 6151, 0, false},
	{4533, "tsmultirange", "tsmultirange", -1, 'R', 6152, 0, false},
	{4534, "tstzmultirange", "tstzmultirange", -1, 'R', 6153, 0, false},
	{4535, "datemultirange", "datemultirange", -1, 'R', 6155, 0, false},
	{4536, "int8multirange", "int8multirange", -1, 'R', 6157, 0, false},
	{4537, "anymultirange", "anymultirange", -1, 'P', 0, 0, false},
	{4538, "anycompatiblemultirange", "anycompatiblemultirange", -1, 'P', 0, 0, false},
	{4600, "pg_brin_bloom_summary", "pg_brin_bloom_summary", -1, 'Z', 0, 0, false},
	{4601, "pg_brin_minmax_multi_summary", "pg_brin_minmax_multi_summary", -1, 'Z', 0, 0,
	 false},
	{5017, "pg_mcv_list", "pg_mcv_list", -1, 'Z', 0, 0, false},
	{5038, "pg_snapshot", "pg_snapshot", -1, 'U', 5039, 0, false},
	{5039, "_pg_snapshot", "pg_snapshot[]", -1, 'A', 0, 5038, false},
	{5069, "xid8", "xid8", 8, 'U', 271, 0, false},
	{5077, "anycompatible", "anycompatible", 4, 'P', 0, 0, false},
	{5078, "anycompatiblearray", "anycompatiblearray", -1, 'P', 0, 0, false},
	{5079, "anycompatiblenonarray", "anycompatiblenonarray", 4, 'P', 0, 0, false},
	{5080, "anycompatiblerange", "anycompatiblerange", -1, 'P', 0, 0, false},
	{6150, "_int4multirange", "int4multirange[]", -1, 'A', 0, 4451, false},
	{6151, "_nummultirange", "nummultirange[]", -1, 'A', 0, 4532, false},
	{6152, "_tsmultirange", "tsmultirange[]", -1, 'A', 0, 4533, false},
	{6153, "_tstzmultirange", "tstzmultirange[]", -1, 'A', 0, 4534, false},
	{6155, "_datemultirange", "datemultirange[]", -1, 'A', 0, 4535, false},
	{6157, "_int8multirange", "int8multirange[]", -1, 'A', 0, 4536, false},
};

/* The extensions' types (citext's: category S, collatable, text's I/O and binary format). */
static const struct pgtype_info ext_types[] = {
	{PGTYPE_CITEXT, "citext", "citext", -1, 'S', PGTYPE_CITEXT_ARRAY, 0, true},
	{PGTYPE_CITEXT_ARRAY, "_citext", "citext[]", -1, 'A', 0, PGTYPE_CITEXT, true},
};

const struct pgtype_info *pgtype_extension_types(size_t *n)
{
	*n = ARRAY_LEN(ext_types);
	return ext_types;
}

const struct pgtype_info *pgtype_by_oid(uint32_t oid)
{
	for (size_t i = 0; oid >= 16384 && i < ARRAY_LEN(ext_types); i++)
		if (ext_types[i].oid == oid)
			return &ext_types[i];
	size_t lo = 0, hi = ARRAY_LEN(types);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (types[mid].oid == oid)
			return &types[mid];
		if (types[mid].oid < oid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct pgtype_info *pgtype_all(size_t *n)
{
	*n = ARRAY_LEN(types);
	return types;
}

const char *pgtype_sql_name(uint32_t oid, char *buf, size_t len)
{
	const struct pgtype_info *t = pgtype_by_oid(oid);
	if (t)
		return t->sql_name;
	snprintf(buf, len, "type %u", (unsigned)oid);
	return buf;
}
