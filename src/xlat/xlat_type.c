/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_type.c: PostgreSQL type names — resolving a parsed TypeName (with its modifiers, array
 * bounds and the serial pseudo-types) to a built-in type, and spelling it the way
 * format_type() does, which is what CREATE TABLE stores as the SQLite declared type. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

static const struct xlat_typeinfo types[] = {
	{"bool", XLAT_OID_BOOL, 1000, "boolean", XLAT_ST_INT, XLAT_TMOD_NONE},
	{"bytea", XLAT_OID_BYTEA, 1001, "bytea", XLAT_ST_BLOB, XLAT_TMOD_NONE},
	{"name", XLAT_OID_NAME, 1003, "name", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	/* one byte, stored as the text charout prints (xlat_char.c); declared pg_char */
	{"char", XLAT_OID_CHAR, 1002, "\"char\"", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"int8", XLAT_OID_INT8, 1016, "bigint", XLAT_ST_INT, XLAT_TMOD_NONE},
	{"int2", XLAT_OID_INT2, 1005, "smallint", XLAT_ST_INT, XLAT_TMOD_NONE},
	{"int4", XLAT_OID_INT4, 1007, "integer", XLAT_ST_INT, XLAT_TMOD_NONE},
	{"text", XLAT_OID_TEXT, 1009, "text", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"oid", XLAT_OID_OID, 1028, "oid", XLAT_ST_INT, XLAT_TMOD_NONE},
	/* a transaction id: = and <> only (xlat_xid.c) */
	{"xid", XLAT_OID_XID, 1011, "xid", XLAT_ST_INT, XLAT_TMOD_NONE},
	{"json", XLAT_OID_JSON, 199, "json", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"float4", XLAT_OID_FLOAT4, 1021, "real", XLAT_ST_REAL, XLAT_TMOD_NONE},
	{"float8", XLAT_OID_FLOAT8, 1022, "double precision", XLAT_ST_REAL, XLAT_TMOD_NONE},
	{"bpchar", XLAT_OID_BPCHAR, 1014, "character", XLAT_ST_TEXT, XLAT_TMOD_LENGTH},
	{"varchar", XLAT_OID_VARCHAR, 1015, "character varying", XLAT_ST_TEXT, XLAT_TMOD_LENGTH},
	{"date", XLAT_OID_DATE, 1182, "date", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"time", XLAT_OID_TIME, 1183, "time without time zone", XLAT_ST_TEXT, XLAT_TMOD_PRECISION},
	{"timestamp", XLAT_OID_TIMESTAMP, 1115, "timestamp without time zone", XLAT_ST_TEXT,
	 XLAT_TMOD_PRECISION},
	{"timestamptz", XLAT_OID_TIMESTAMPTZ, 1185, "timestamp with time zone", XLAT_ST_TEXT,
	 XLAT_TMOD_PRECISION},
	{"interval", XLAT_OID_INTERVAL, 1187, "interval", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"timetz", XLAT_OID_TIMETZ, 1270, "time with time zone", XLAT_ST_TEXT, XLAT_TMOD_PRECISION},
	{"numeric", XLAT_OID_NUMERIC, 1231, "numeric", XLAT_ST_NUMERIC, XLAT_TMOD_NUMERIC},
	{"uuid", XLAT_OID_UUID, 2951, "uuid", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"jsonb", XLAT_OID_JSONB, 3807, "jsonb", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"inet", XLAT_OID_INET, 1041, "inet", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"cidr", XLAT_OID_CIDR, 651, "cidr", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"macaddr", XLAT_OID_MACADDR, 1040, "macaddr", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"macaddr8", XLAT_OID_MACADDR8, 775, "macaddr8", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"money", XLAT_OID_MONEY, 791, "money", XLAT_ST_INT, XLAT_TMOD_NONE},
	{"bit", XLAT_OID_BIT, 1561, "bit", XLAT_ST_TEXT, XLAT_TMOD_BITS},
	{"varbit", XLAT_OID_VARBIT, 1563, "bit varying", XLAT_ST_TEXT, XLAT_TMOD_BITS},
	{"int4range", XLAT_OID_INT4RANGE, 3905, "int4range", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"int8range", XLAT_OID_INT8RANGE, 3927, "int8range", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"numrange", XLAT_OID_NUMRANGE, 3907, "numrange", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"daterange", XLAT_OID_DATERANGE, 3913, "daterange", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"tsrange", XLAT_OID_TSRANGE, 3909, "tsrange", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"tstzrange", XLAT_OID_TSTZRANGE, 3911, "tstzrange", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"int4multirange", XLAT_OID_INT4MULTIRANGE, 6150, "int4multirange", XLAT_ST_TEXT,
	 XLAT_TMOD_NONE},
	{"int8multirange", XLAT_OID_INT8MULTIRANGE, 6157, "int8multirange", XLAT_ST_TEXT,
	 XLAT_TMOD_NONE},
	{"nummultirange", XLAT_OID_NUMMULTIRANGE, 6151, "nummultirange", XLAT_ST_TEXT,
	 XLAT_TMOD_NONE},
	{"datemultirange", XLAT_OID_DATEMULTIRANGE, 6155, "datemultirange", XLAT_ST_TEXT,
	 XLAT_TMOD_NONE},
	{"tsmultirange", XLAT_OID_TSMULTIRANGE, 6152, "tsmultirange", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"tstzmultirange", XLAT_OID_TSTZMULTIRANGE, 6153, "tstzmultirange", XLAT_ST_TEXT,
	 XLAT_TMOD_NONE},
	{"jsonpath", XLAT_OID_JSONPATH, 4073, "jsonpath", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	/* a cursor's name (a PL/pgSQL function's refcursor result the caller FETCHes) */
	{"refcursor", XLAT_OID_REFCURSOR, 2201, "refcursor", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"tsvector", XLAT_OID_TSVECTOR, 3643, "tsvector", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"tsquery", XLAT_OID_TSQUERY, 3645, "tsquery", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	/* the citext extension's, in public once it was created (xlat_citext.c) */
	{"citext", XLAT_OID_CITEXT, XLAT_OID_CITEXT_ARRAY, "citext", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	/* OID alias types as the types of routine parameters, results and PL/pgSQL variables:
	 * the value is carried as the name its output function prints (users, integer, public),
	 * which pg_regclass_in() and its siblings read back into the OID (xlat_catalog.c); a
	 * column of them is refused (xlat_type_pseudo_check), as a stored name would not follow a
	 * RENAME the way PostgreSQL's stored OID does */
	{"regclass", 2205, 2210, "regclass", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"regtype", 2206, 2211, "regtype", XLAT_ST_TEXT, XLAT_TMOD_NONE},
	{"regnamespace", 4089, 4090, "regnamespace", XLAT_ST_TEXT, XLAT_TMOD_NONE},
};

/* Built-in PostgreSQL types that exist but have no faithful SQLite representation here:
 * refused with 0A000 rather than "does not exist". */
/* PostgreSQL's pseudo-types (typtype 'p'), which no column may have (42P16). */
static const char *const pseudo_types[] = {
	"any",
	"anyelement",
	"anyarray",
	"anynonarray",
	"anyenum",
	"anyrange",
	"anymultirange",
	"anycompatible",
	"anycompatiblearray",
	"anycompatiblenonarray",
	"anycompatiblerange",
	"anycompatiblemultirange",
	"cstring",
	"internal",
	"language_handler",
	"fdw_handler",
	"index_am_handler",
	"tsm_handler",
	"table_am_handler",
	"record",
	"trigger",
	"event_trigger",
	"pg_ddl_command",
	"void",
	"unknown",
};

static const struct xlat_typeinfo *by_name(const char *name);

bool xlat_type_pseudo_check(struct xlat_ctx *c, const PgQuery__TypeName *tn, const char *column)
{
	const char *name = tn && tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	const char *schema = tn && tn->n_names == 2 ? xlat_node_str(tn->names[0]) : NULL;
	bool builtin = tn && (tn->n_names == 1 || (schema && strcmp(schema, "pg_catalog") == 0));
	for (size_t i = 0; name && builtin && !tn->n_array_bounds && i < ARRAY_LEN(pseudo_types);
	     i++) {
		if (strcmp(pseudo_types[i], name) == 0)
			return xlat_fail(c, "42P16", -1, "column \"%s\" has pseudo-type %s",
					 column ? column : "", name);
	}
	if (name && builtin && xlat_type_reg_oid(by_name(name) ? by_name(name)->oid : 0))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, tn->location,
				 "type %s is not supported as a column or domain type", name);
	return true;
}

static const char *const refused_types[] = {
	"xml",     "point",     "line",          "lseg",         "box",           "path",
	"polygon", "circle",    "regproc",       "regprocedure", "regoper",       "regoperator",
	"regrole", "regconfig", "regdictionary", "regcollation", "txid_snapshot", "pg_snapshot",
	"pg_lsn",  "oidvector", "int2vector",    "record",       "void",          "cstring",
	"tid",     "xid8",      "cid",           "aclitem",      "anyelement",    "anyarray",
};

static const struct serial_name {
	const char *name;
	const char *base;
	int width;
} serials[] = {
	{"serial", "int4", 4},  {"serial4", "int4", 4},     {"bigserial", "int8", 8},
	{"serial8", "int8", 8}, {"smallserial", "int2", 2}, {"serial2", "int2", 2},
};

static const struct xlat_typeinfo *by_name(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(types); i++) {
		if (strcmp(types[i].typname, name) == 0)
			return &types[i];
	}
	return NULL;
}

bool xlat_type_reg_oid(uint32_t oid) { return oid == 2205 || oid == 2206 || oid == 4089; }

const struct xlat_typeinfo *xlat_type_by_oid(uint32_t oid)
{
	for (size_t i = 0; i < ARRAY_LEN(types); i++) {
		if (types[i].oid == oid)
			return &types[i];
	}
	return NULL;
}

const char *xlat_type_name(uint32_t oid)
{
	const struct xlat_typeinfo *ti = xlat_type_by_oid(oid);
	return ti ? ti->sql_name : "unknown";
}

bool xlat_type_reads_as_text(uint32_t oid)
{
	return oid == XLAT_OID_TEXT || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR ||
	       oid == XLAT_OID_NAME || oid == XLAT_OID_UNKNOWN || oid == XLAT_OID_UNKNOWN_COL;
}

const struct xlat_typeinfo *xlat_type_by_array_oid(uint32_t oid)
{
	for (size_t i = 0; oid && i < ARRAY_LEN(types); i++) {
		if (types[i].array_oid == oid)
			return &types[i];
	}
	return NULL;
}

/* The dotted name as the user wrote it, for messages. */
static const char *full_name(struct xlat_ctx *c, const PgQuery__TypeName *tn)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < tn->n_names; i++) {
		const char *s = xlat_node_str(tn->names[i]);
		strbuf_printf(&sb, "%s%s", i ? "." : "", s ? s : "?");
	}
	char *r = arena_strdup(c->a, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return r;
}

/* Integer type modifiers; false with PostgreSQL's error for anything else. */
static bool int_mods(struct xlat_ctx *c, const PgQuery__TypeName *tn, int *v, size_t max)
{
	if (tn->n_typmods > max)
		return true; /* the caller reports the count */
	for (size_t i = 0; i < tn->n_typmods; i++) {
		const PgQuery__Node *m = tn->typmods[i];
		if (m->node_case != PG_QUERY__NODE__NODE_A_CONST ||
		    m->a_const->val_case != PG_QUERY__A__CONST__VAL_IVAL)
			return xlat_fail(c, "22P02", tn->location,
					 "type modifiers must be simple constants or identifiers");
		v[i] = m->a_const->ival->ival;
	}
	return true;
}

/* A length typmod (n) of type what, at most max: PostgreSQL's anychar_typmodin and
 * anybit_typmodin checks; the typmod is n + offset (VARHDRSZ for char/varchar, 0 for bits). */
static bool one_length_mod(struct xlat_ctx *c, const PgQuery__TypeName *tn,
			   struct xlat_typeref *out, const char *what, int max, int offset)
{
	int v[1];
	if (tn->n_typmods > 1)
		return xlat_fail(c, "22023", tn->location, "invalid type modifier");
	if (!int_mods(c, tn, v, 1))
		return false;
	if (v[0] < 1)
		return xlat_fail(c, "22023", tn->location, "length for type %s must be at least 1",
				 what);
	if (v[0] > max)
		return xlat_fail(c, "22023", tn->location, "length for type %s cannot exceed %d",
				 what, max);
	out->typmod = v[0] + offset;
	return true;
}

static bool length_mod(struct xlat_ctx *c, const PgQuery__TypeName *tn, struct xlat_typeref *out)
{
	return one_length_mod(c, tn, out, out->info->oid == XLAT_OID_BPCHAR ? "char" : "varchar",
			      10485760, 4);
}

/* bit(n), varbit(n): the typmod is n. */
static bool bits_mod(struct xlat_ctx *c, const PgQuery__TypeName *tn, struct xlat_typeref *out)
{
	return one_length_mod(c, tn, out, out->info->oid == XLAT_OID_BIT ? "bit" : "varbit",
			      83886080, 0);
}

static bool numeric_mod(struct xlat_ctx *c, const PgQuery__TypeName *tn, struct xlat_typeref *out)
{
	int v[2] = {0, 0};
	if (tn->n_typmods > 2)
		return xlat_fail(c, "22023", tn->location, "invalid NUMERIC type modifier");
	if (!int_mods(c, tn, v, 2))
		return false;
	if (v[0] < 1 || v[0] > 1000)
		return xlat_fail(c, "22023", tn->location,
				 "NUMERIC precision %d must be between 1 and 1000", v[0]);
	if (v[1] < -1000 || v[1] > 1000)
		return xlat_fail(c, "22023", tn->location,
				 "NUMERIC scale %d must be between -1000 and 1000", v[1]);
	out->typmod = ((v[0] << 16) | (v[1] & 0x7ff)) + 4;
	return true;
}

static bool precision_mod(struct xlat_ctx *c, const PgQuery__TypeName *tn, struct xlat_typeref *out)
{
	int v[1];
	if (tn->n_typmods > 1)
		return xlat_fail(c, "22023", tn->location, "invalid type modifier");
	if (!int_mods(c, tn, v, 1))
		return false;
	if (v[0] < 0)
		return xlat_fail(c, "22023", tn->location, "precision must not be negative");
	out->typmod = v[0] > 6 ? 6 : v[0]; /* PostgreSQL warns and reduces to 6 */
	return true;
}

/* INTERVAL [fields] [(p)]: the grammar gives the fields' INTERVAL_MASK (0x7FFF for none) and
 * the precision; typmod = fields << 16 | precision (0xFFFF: none), as intervaltypmodin. */
static bool interval_mod(struct xlat_ctx *c, const PgQuery__TypeName *tn,
			 struct xlat_typeref *out)
{
	int v[2] = {0x7FFF, 0xFFFF};
	if (tn->n_typmods > 2)
		return xlat_fail(c, "22023", tn->location, "invalid INTERVAL type modifier");
	if (!int_mods(c, tn, v, 2))
		return false;
	if (v[0] <= 0 || v[0] > 0x7FFF)
		return xlat_fail(c, "22023", tn->location, "invalid INTERVAL typmod");
	if (tn->n_typmods == 2 && v[1] < 0)
		return xlat_fail(c, "22023", tn->location, "INTERVAL(%d) precision must not be negative",
				 v[1]);
	if (tn->n_typmods == 2 && v[1] > 6)
		v[1] = 6; /* PostgreSQL warns and reduces to 6 */
	out->typmod = v[0] == 0x7FFF && v[1] == 0xFFFF ? -1 : (v[0] << 16) | v[1];
	return true;
}

static bool modifiers(struct xlat_ctx *c, const PgQuery__TypeName *tn, struct xlat_typeref *out)
{
	out->typmod = -1;
	if (tn->n_typmods == 0)
		return true;
	if (out->info->oid == XLAT_OID_INTERVAL)
		return interval_mod(c, tn, out);
	switch (out->info->tmod) {
	case XLAT_TMOD_LENGTH:
		return length_mod(c, tn, out);
	case XLAT_TMOD_NUMERIC:
		return numeric_mod(c, tn, out);
	case XLAT_TMOD_BITS:
		return bits_mod(c, tn, out);
	case XLAT_TMOD_PRECISION:
		return precision_mod(c, tn, out);
	default:
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, tn->location,
				 "type modifier is not allowed for type \"%s\"",
				 out->info->typname);
	}
}

/* Whether name is a typname of pgtype's table, which pg_type reports. */
static const struct pgtype_info *pg_type_name(const char *name)
{
	size_t n;
	const struct pgtype_info *all = pgtype_all(&n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(all[i].name, name) == 0)
			return &all[i];
	}
	return NULL;
}

/* An array type by its pg_type name (_int4, _text, _mood: what pg_type.typname says and
 * clients such as sqlsmith cast to), as PostgreSQL resolves it: its element's array. */
static bool array_name(struct xlat_ctx *c, const char *name, struct xlat_typeref *out)
{
	if (name[0] != '_')
		return false;
	const struct pgtype_info *arr = pg_type_name(name);
	const struct pgtype_info *elem = arr && arr->elem_oid ? pgtype_by_oid(arr->elem_oid) : NULL;
	const struct xlat_enum *e = arr ? NULL : xlat_enum_by_name(c, name + 1);
	if (elem)
		out->info = by_name(elem->name);
	else if (e)
		out->info = xlat_enum_typeinfo(c, e);
	out->is_array = out->info != NULL;
	return out->is_array;
}

const PgQuery__TypeCast *xlat_type_cast_unalias(struct xlat_ctx *c, const PgQuery__TypeCast *tc)
{
	const PgQuery__TypeName *tn = tc->type_name;
	struct xlat_typeref ref = {0};
	const char *name = tn && tn->n_names && !tn->n_array_bounds
				   ? xlat_node_str(tn->names[tn->n_names - 1])
				   : NULL;
	if (!name || !array_name(c, name, &ref))
		return tc;
	PgQuery__String *elem = arena_alloc(c->a, sizeof(*elem));
	PgQuery__Integer *dim = arena_alloc(c->a, sizeof(*dim));
	PgQuery__Node *nodes = arena_zalloc(c->a, 2 * sizeof(*nodes));
	PgQuery__Node **names = arena_alloc(c->a, tn->n_names * sizeof(*names));
	PgQuery__Node **dims = arena_alloc(c->a, sizeof(*dims));
	PgQuery__TypeName *copy = arena_alloc(c->a, sizeof(*copy));
	PgQuery__TypeCast *cast = arena_alloc(c->a, sizeof(*cast));
	*elem = (PgQuery__String)PG_QUERY__STRING__INIT;
	elem->sval = (char *)name + 1;
	*dim = (PgQuery__Integer)PG_QUERY__INTEGER__INIT;
	dim->ival = -1;
	nodes[0] = (PgQuery__Node)PG_QUERY__NODE__INIT;
	nodes[0].node_case = PG_QUERY__NODE__NODE_STRING;
	nodes[0].string = elem;
	nodes[1] = (PgQuery__Node)PG_QUERY__NODE__INIT;
	nodes[1].node_case = PG_QUERY__NODE__NODE_INTEGER;
	nodes[1].integer = dim;
	memcpy(names, tn->names, tn->n_names * sizeof(*names));
	names[tn->n_names - 1] = &nodes[0];
	dims[0] = &nodes[1];
	*copy = *tn;
	copy->names = names;
	copy->n_array_bounds = 1;
	copy->array_bounds = dims;
	*cast = *tc;
	cast->type_name = copy;
	return cast;
}

static bool lookup(struct xlat_ctx *c, const PgQuery__TypeName *tn, const char *name,
		   struct xlat_typeref *out)
{
	for (size_t i = 0; i < ARRAY_LEN(serials); i++) {
		if (tn->n_names == 1 && strcmp(serials[i].name, name) == 0) {
			out->info = by_name(serials[i].base);
			out->serial = serials[i].width;
			return true;
		}
	}
	out->info = by_name(name);
	if (out->info)
		return true;
	const struct xlat_enum *e = xlat_enum_by_name(c, name);
	if (e) {
		out->info = xlat_enum_typeinfo(c, e);
		return true;
	}
	/* a composite type, or a table's or view's row type */
	if ((out->info = xlat_comptype_typeinfo(c, name)) != NULL)
		return true;
	if (array_name(c, name, out))
		return true;
	for (size_t i = 0; i < ARRAY_LEN(refused_types); i++) {
		if (strcmp(refused_types[i], name) == 0)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, tn->location,
					 "type %s is not supported", name);
	}
	if (pg_type_name(name)) /* pg_type lists it (a pseudo-type, an internal one) */
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, tn->location,
				 "type %s is not supported", name);
	return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, tn->location, "type \"%s\" does not exist",
			 full_name(c, tn));
}

/* A domain: its base type, with no modifiers or array bounds of its own. */
static bool domain_ref(struct xlat_ctx *c, const PgQuery__TypeName *tn, const struct xlat_domain *d,
		       struct xlat_typeref *out)
{
	if (tn->n_typmods)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, tn->location,
				 "type modifier is not allowed for type \"%s\"", d->name);
	if (tn->n_array_bounds)
		return xlat_unsupported(c, tn->location, "an array of a domain");
	return xlat_domain_base(c, d, out);
}

/* citext or _citext: the extension's type, in public, once the tenant created it. */
static bool citext_ref(struct xlat_ctx *c, const PgQuery__TypeName *tn, const char *name,
		       struct xlat_typeref *out)
{
	const char *schema = tn->n_names == 2 ? xlat_node_str(tn->names[0]) : "public";
	if (!schema || strcmp(schema, "public") != 0 || !xlat_citext_exists(c))
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, tn->location,
				 "type \"%s\" does not exist", full_name(c, tn));
	out->info = by_name("citext");
	out->is_array = name[0] == '_' || tn->n_array_bounds > 0;
	return modifiers(c, tn, out);
}

bool xlat_type_resolve(struct xlat_ctx *c, const PgQuery__TypeName *tn, struct xlat_typeref *out)
{
	memset(out, 0, sizeof(*out));
	if (tn->pct_type)
		return xlat_unsupported(c, tn->location, "%TYPE");
	if (tn->setof)
		return xlat_unsupported(c, tn->location, "SETOF");
	if (tn->n_names == 0 || tn->n_names > 3)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, tn->location, "improper type name");
	if (tn->n_names == 3)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, tn->location,
				 "cross-database references are not implemented: %s",
				 full_name(c, tn));
	const char *name = xlat_node_str(tn->names[tn->n_names - 1]);
	const char *schema = tn->n_names == 2 ? xlat_node_str(tn->names[0]) : "pg_catalog";
	if (name && (strcmp(name, "citext") == 0 || strcmp(name, "_citext") == 0))
		return citext_ref(c, tn, name, out);
	const struct xlat_domain *dom = tn->n_names == 1 ||
							(schema && strcmp(schema, "public") == 0)
						? xlat_domain_by_name(c, name)
						: NULL;
	if (dom)
		return domain_ref(c, tn, dom, out);
	/* the tenant's own types (enums) are in public */
	const struct xlat_enum *own = schema && strcmp(schema, "public") == 0
					      ? xlat_enum_by_name(c, name)
					      : NULL;
	/* and so are its composite types and its relations' row types (str::"public"."person",
	 * PostGraphile's mutations) */
	const struct xlat_typeinfo *row = !own && schema && strcmp(schema, "public") == 0
						  ? xlat_comptype_typeinfo(c, name)
						  : NULL;
	if (own)
		out->info = xlat_enum_typeinfo(c, own);
	else if (row)
		out->info = row;
	else if (!name || !schema || strcmp(schema, "pg_catalog") != 0)
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, tn->location,
				 "type \"%s\" does not exist", full_name(c, tn));
	if ((!own && !row && !lookup(c, tn, name, out)) || !modifiers(c, tn, out))
		return false;
	out->is_array |= tn->n_array_bounds > 0; /* lookup sets it for _int4 */
	if (out->is_array && out->info->oid >= 16384 && !out->info->array_oid)
		return xlat_unsupported(c, tn->location, "an array of a composite type");
	if (out->is_array && xlat_type_reg_oid(out->info->oid)) /* its elements are not read */
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, tn->location,
				 "type %s[] is not supported", out->info->typname);
	if (out->is_array && out->serial)
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, tn->location,
				 "type \"%s[]\" does not exist", name);
	return true;
}

const char *xlat_type_format(struct xlat_ctx *c, const struct xlat_typeref *r)
{
	const struct xlat_typeinfo *ti = r->info;
	const char *arr = r->is_array ? "[]" : "";
	const struct xlat_enum *e = xlat_enum_by_oid(c, ti->oid, NULL);
	if (e)
		return xlat_enum_decl(c, e, r->is_array);
	if (ti->oid >= 16384 && xlat_comptype_of_oid(c, ti->oid)) { /* a row type: its name */
		struct xlat_enum row = {.name = ti->typname};
		return xlat_enum_decl(c, &row, r->is_array);
	}
	if (ti->oid == XLAT_OID_CHAR) /* SQLite would drop the quotes of "char" (pgtype_decl.c) */
		return r->is_array ? "pg_char[]" : "pg_char";
	if (r->typmod < 0 && ti->oid == XLAT_OID_BPCHAR)
		return arena_printf(c->a, "bpchar%s", arr);
	if (ti->oid == XLAT_OID_MONEY && !r->is_array) /* INTEGER affinity (pgtype_decl.c) */
		return "money int8";
	if (xlat_bit_type(ti->oid) && !r->is_array) /* TEXT affinity (pgtype_decl.c's alias) */
		return r->typmod > 0 ? arena_printf(c->a, "%s text(%d)", ti->sql_name, r->typmod)
				     : arena_printf(c->a, "%s text", ti->sql_name);
	/* SQLite reports the declared types INTEGER and REAL (any case) back as upper-case
	 * INTEGER / REAL, which mean SQLite's 64-bit integer and double; and "integer PRIMARY
	 * KEY" would become a rowid alias that fills in NULLs, which PostgreSQL's int4 key does
	 * not. PostgreSQL's own names int4 and float4 keep both the type and the meaning. */
	if (!r->is_array && (ti->oid == XLAT_OID_INT4 || ti->oid == XLAT_OID_FLOAT4))
		return ti->typname;
	if (r->typmod < 0)
		return arena_printf(c->a, "%s%s", ti->sql_name, arr);
	if (ti->oid == XLAT_OID_INTERVAL) { /* interval day "to" second(2): TO is SQLite's
					     * keyword; pgtype_decl reads the quoted word */
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgtype_interval_typmod_out(&sb, r->typmod);
		const char *f = arena_printf(c->a, "interval%.*s%s", (int)sb.len, sb.data, arr);
		const char *to = strstr(f, " to ");
		if (to)
			f = arena_printf(c->a, "%.*s \"to\" %s", (int)(to - f), f, to + 4);
		strbuf_fini(&sb);
		return f;
	}
	switch (ti->tmod) {
	case XLAT_TMOD_LENGTH:
		return arena_printf(c->a, "%s(%d)%s", ti->sql_name, r->typmod - 4, arr);
	case XLAT_TMOD_BITS:
		return arena_printf(c->a, "%s(%d)%s", ti->sql_name, r->typmod, arr);
	case XLAT_TMOD_NUMERIC: {
		int32_t m = r->typmod - 4;
		int scale = ((m & 0x7ff) ^ 1024) - 1024; /* sign-extend the 11-bit scale */
		return arena_printf(c->a, "numeric(%d,%d)%s", (m >> 16) & 0xffff, scale, arr);
	}
	case XLAT_TMOD_PRECISION: {
		const char *sp = strchr(ti->sql_name, ' ');
		size_t head = sp ? (size_t)(sp - ti->sql_name) : strlen(ti->sql_name);
		return arena_printf(c->a, "%.*s(%d)%s%s", (int)head, ti->sql_name, r->typmod,
				    sp ? sp : "", arr);
	}
	default:
		return arena_printf(c->a, "%s%s", ti->sql_name, arr);
	}
}

uint32_t xlat_type_oid(const struct xlat_typeref *r)
{
	return r->is_array ? r->info->array_oid : r->info->oid;
}

bool xlat_type_is_temporal(uint32_t oid)
{
	return oid == XLAT_OID_DATE || oid == XLAT_OID_TIME || oid == XLAT_OID_TIMETZ ||
	       oid == XLAT_OID_TIMESTAMP || oid == XLAT_OID_TIMESTAMPTZ || oid == XLAT_OID_INTERVAL;
}
