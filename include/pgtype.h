/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype: PostgreSQL type OIDs, the mapping from declared type names to OIDs, and the text and
 * binary wire encodings of values. Knows nothing of SQLite or sockets: values cross this
 * boundary as struct pgtype_value (SQLite's five storage classes, library-neutral). */
#ifndef SHARDLITE_PGTYPE_H
#define SHARDLITE_PGTYPE_H

#include "base.h"

/* Built-in type OIDs (src/include/catalog/pg_type.dat of PostgreSQL 15). */
enum {
	PGTYPE_BOOL = 16,
	PGTYPE_BYTEA = 17,
	PGTYPE_CHAR = 18,
	PGTYPE_NAME = 19,
	PGTYPE_INT8 = 20,
	PGTYPE_INT2 = 21,
	PGTYPE_INT4 = 23,
	PGTYPE_REGPROC = 24,
	PGTYPE_TEXT = 25,
	PGTYPE_OID = 26,
	PGTYPE_JSON = 114,
	PGTYPE_XML = 142,
	PGTYPE_CIDR = 650,
	PGTYPE_FLOAT4 = 700,
	PGTYPE_FLOAT8 = 701,
	PGTYPE_UNKNOWN = 705,
	PGTYPE_MACADDR8 = 774,
	PGTYPE_MONEY = 790,
	PGTYPE_MACADDR = 829,
	PGTYPE_INET = 869,
	PGTYPE_BPCHAR = 1042,
	PGTYPE_VARCHAR = 1043,
	PGTYPE_DATE = 1082,
	PGTYPE_TIME = 1083,
	PGTYPE_TIMESTAMP = 1114,
	PGTYPE_TIMESTAMPTZ = 1184,
	PGTYPE_INTERVAL = 1186,
	PGTYPE_TIMETZ = 1266,
	PGTYPE_BIT = 1560,
	PGTYPE_VARBIT = 1562,
	PGTYPE_NUMERIC = 1700,
	PGTYPE_REGCLASS = 2205,
	PGTYPE_REGTYPE = 2206,
	PGTYPE_REGNAMESPACE = 4089,
	PGTYPE_VOID = 2278,
	PGTYPE_UUID = 2950,
	PGTYPE_JSONB = 3802,
	PGTYPE_JSONPATH = 4072,
	PGTYPE_TSVECTOR = 3614,
	PGTYPE_TSQUERY = 3615,
	/* arrays of the above that drivers send as parameters */
	PGTYPE_BOOL_ARRAY = 1000,
	PGTYPE_INT2_ARRAY = 1005,
	PGTYPE_INT4_ARRAY = 1007,
	PGTYPE_TEXT_ARRAY = 1009,
	PGTYPE_VARCHAR_ARRAY = 1015,
	PGTYPE_INT8_ARRAY = 1016,
	PGTYPE_FLOAT4_ARRAY = 1021,
	PGTYPE_FLOAT8_ARRAY = 1022,
	PGTYPE_OID_ARRAY = 1028,
	PGTYPE_NUMERIC_ARRAY = 1231,
	PGTYPE_UUID_ARRAY = 2951,
};

/* The citext extension's type and its array type (CREATE EXTENSION citext). PostgreSQL gives
 * an extension's types OIDs when it is created; these are the ones the catalog gives a
 * tenant's own types, FNV-1a of "type" + name (docs/catalog.md, "OIDs"), fixed since the names
 * are. Not among pgtype_all's built-ins: the catalog lists them once the tenant created the
 * extension (pgtype_extension_types). */
#define PGTYPE_CITEXT 174450007u
#define PGTYPE_CITEXT_ARRAY 1706442074u

/* Static facts about one built-in type: what RowDescription and the catalog report. */
struct pgtype_info {
	uint32_t oid;
	const char *name;     /* pg_type.typname: "int4", "varchar", "timestamptz" */
	const char *sql_name; /* format_type() spelling: "integer", "character varying" */
	int16_t typlen;       /* -1 varlena, -2 cstring */
	char category;        /* pg_type.typcategory: 'N', 'S', 'B', 'D', 'U', 'A', ... */
	uint32_t array_oid;   /* 0 when none */
	uint32_t elem_oid;    /* for arrays, the element type; else 0 */
	bool binary_ok;       /* pgtype_encode_binary/decode_binary handle it */
};

/* The explicit bounds an array's text form may start with ("[0:2]={1,2,3}", "[2][0:1]={...}",
 * blanks allowed around them): the number of dimensions given (0 when none), each one's lower
 * and upper bound into lb/ub (room for PGTYPE_ARRAY_MAXDIM; "[3]" is 1:3), and *body at the
 * '{' after the '='. -1 when the prefix is malformed, with *why array_in's DETAIL. */
#define PGTYPE_ARRAY_MAXDIM 6
int pgtype_array_bounds(const char *s, size_t n, int *lb, int *ub, const char **body,
			const char **why);

/* The info of a built-in type, or NULL when the OID is not one we know. */
const struct pgtype_info *pgtype_by_oid(uint32_t oid);
/* Every known type, for the catalog; *n receives the count. */
const struct pgtype_info *pgtype_all(size_t *n);
/* The extensions' types pgtype_by_oid and pgtype_from_decl also know (citext, _citext), which
 * pg_type lists only in a tenant that created their extension; *n receives the count. */
const struct pgtype_info *pgtype_extension_types(size_t *n);

/* Maps a declared column type as SQLite stores it in its schema ("int4", "INTEGER",
 * "bigint", "double precision", "varchar(20)", "numeric(10,2)", "timestamp with time zone",
 * "text[]") to a PostgreSQL OID and typmod (-1 when none; varchar(n) gives n+4 as PostgreSQL
 * does, numeric(p,s) gives ((p<<16)|s)+4). NULL or empty decl gives TEXT. Names it does not
 * know give TEXT. Case-insensitive, surrounding blanks ignored, with one exception: SQLite's
 * upper-case affinity names "INTEGER" and "REAL" (as SQLite tools write them) mean SQLite's
 * 64-bit storage, int8 and float8, while PostgreSQL's "integer"/"real" stay int4/float4. */
uint32_t pgtype_from_decl(const char *decl, int32_t *typmod);
/* Whether SQLite gives a column declared decl (NULL: none) TEXT affinity: no "INT" in it and
 * "CHAR", "CLOB" or "TEXT" (SQLite's rules, case-insensitive). */
bool pgtype_decl_text_affinity(const char *decl);
/* boolin's grammar on s[0..n) (blanks around allowed, prefixes of true/false/yes/no,
 * "on"/"off" at least two letters, "1"/"0"), which reloptions' and index options' parse_bool
 * share. False when s is not a boolean. */
bool pgtype_parse_bool(const char *s, size_t n, bool *out) MUST_CHECK;

/* "char" (pgtype_input.c), a single byte stored as the text charout prints for it:
 * pgtype_char_in is charin's and text_char's reading of s[0..n) — \ooo (three octal digits) is
 * that byte, else the first byte, 0 for the empty string; pgtype_char_out writes charout's text
 * of byte b into out (at least 5 bytes: "" for 0, \ooo for a byte of 128 or more, else the
 * byte) and returns its length. */
uint8_t pgtype_char_in(const char *s, size_t n);
size_t pgtype_char_out(uint8_t b, char *out);

/* LIKE's literal prefix (pgtype_like.c): the bytes of pattern pat[0..plen) before its first
 * unescaped % or _ (or an escape with nothing after it), escapes removed, into out (at least
 * plen bytes); esc[0..esclen) the escape character, esclen 0 none. Returns its length. */
size_t pgtype_like_prefix(const char *pat, size_t plen, const char *esc, size_t esclen, char *out);
/* The least UTF-8 text above every text that begins with prefix[0..n), into out (at least
 * n + 4 bytes) and *outlen: the last character raised by one code point (U+10FFFF dropped and
 * the one before raised). False when there is none (n 0, all U+10FFFF, not UTF-8). */
bool pgtype_like_upper(const char *prefix, size_t n, char *out, size_t *outlen);

/* A value as SQLite holds it. Text and blob point at memory owned by the caller. */
enum pgtype_kind { PGTYPE_V_NULL, PGTYPE_V_INT, PGTYPE_V_FLOAT, PGTYPE_V_TEXT, PGTYPE_V_BLOB };

struct pgtype_value {
	enum pgtype_kind kind;
	int64_t i;
	double f;
	const char *p; /* TEXT (not necessarily NUL-terminated) or BLOB bytes */
	size_t n;
};

/* Appends the PostgreSQL text output of v as type oid (e.g. BOOL 1 → "t", BYTEA → "\x..",
 * FLOAT8 → shortest exact digits, "Infinity", "NaN"). Values whose storage class does not
 * fit the type are rendered as PostgreSQL would render the closest value (an INT stored in
 * a TEXT column prints as its digits). v must not be NULL-kind. Never fails except through
 * the strbuf's failure bit. */
void pgtype_encode_text(struct strbuf *out, uint32_t oid, const struct pgtype_value *v);
/* As pgtype_encode_text, applying the column's typmod (-1 = none) as PostgreSQL's stored
 * value would show it: numeric(p,s) prints exactly s fraction digits (rounded half away
 * from zero), character(n) is blank-padded to n characters. */
void pgtype_encode_text_typmod(struct strbuf *out, uint32_t oid, int32_t typmod,
			       const struct pgtype_value *v);

/* Appends the binary send format of v as type oid (bool, int2, int4, int8, float4, float8,
 * text, varchar, bpchar, name, bytea, oid, json; others as pgtype_info.binary_ok says).
 * False with 0A000 in err when the type has no binary support here. */
bool pgtype_encode_binary(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
			  struct pgerr *err) MUST_CHECK;
/* As pgtype_encode_binary with the column's typmod (-1 = none; character(n) is padded). */
bool pgtype_encode_binary_typmod(struct strbuf *out, uint32_t oid, int32_t typmod,
				 const struct pgtype_value *v, struct pgerr *err) MUST_CHECK;

/* Decodes a parameter sent in text format for type oid (0/UNKNOWN: kept as text) into a
 * value to bind. Integers and floats are parsed strictly as PostgreSQL does (22P02 on bad
 * input, 22003 when out of range for the type; a float NaN becomes the text "NaN", its stored
 * form: SQLite turns a NaN double into NULL, and text sorts after every number, as NaN does), bool accepts t/true/yes/on/1 and their
 * negations, bytea accepts hex (\x...) and escape format. Text results may point into s or
 * into memory from a (arena). */
bool pgtype_decode_text(uint32_t oid, const char *s, size_t n, struct arena *a,
			struct pgtype_value *out, struct pgerr *err) MUST_CHECK;

/* The text form s[0..n) of an array of elem as PostgreSQL prints it once array_in has read it
 * ('{"a","b c"}' → {a,"b c"}, '{ 1, 02 }' → {1,2}, '{true}' as bool[] → {t}, "[1:2]={1,2}" →
 * {1,2}): into *out (text in a). Elements of types pgtype reads are checked and canonical
 * (22P02/22003 as their input functions say); others keep their text. 22P02 "malformed array
 * literal" with array_in's DETAIL when s is no array. Any number of dimensions. */
bool pgtype_array_canon(uint32_t elem, const char *s, size_t n, struct arena *a,
			struct pgtype_value *out, struct pgerr *err) MUST_CHECK;
struct pgtype_dtenv;
struct pgtype_tz;
struct pgtype_dtstyle;
/* As pgtype_array_canon, date/time elements without an offset read in env's zone (NULL: UTC);
 * they are stored as their scalars are (a timestamptz in UTC). */
bool pgtype_array_canon_env(uint32_t elem, const char *s, size_t n, const struct pgtype_dtenv *env,
			    struct arena *a, struct pgtype_value *out, struct pgerr *err)
	MUST_CHECK;
/* Whether elements of type elem print by the session's zone or DateStyle (dates, timestamps,
 * timestamptz, intervals and their ranges and multiranges). */
bool pgtype_array_styled(uint32_t elem);
/* Appends the stored array text s[0..n) of elem to out with each element as the session's
 * output shows it (a timestamptz in zone tz, NULL UTC; DateStyle ds, NULL ISO). False, with
 * nothing appended, when s is no array. */
bool pgtype_array_restyle(struct strbuf *out, uint32_t elem, const struct pgtype_tz *tz,
			  const struct pgtype_dtstyle *ds, const char *s, size_t n);

/* Decodes a parameter sent in binary format for type oid. Wrong lengths give 22P03; types
 * without binary support give 0A000 naming the type. */
bool pgtype_decode_binary(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
			  struct pgtype_value *out, struct pgerr *err) MUST_CHECK;

/* ---- composite values (pgtype_record.c): record_out's text, (1,"a b",,t) ---- */
/* Appends one field (v[0..n), its output text; NULL: a NULL field, nothing) quoted as
 * record_out quotes it; the caller writes the parentheses and commas. */
void pgtype_record_put_field(struct strbuf *sb, const char *v, size_t n);
/* Reads s[0..n) as record_in does: the first max fields into fields/lens (text in a, NULL for
 * a NULL field); the number of fields, or -1 with 22P02 "malformed record literal" in err. */
int pgtype_record_fields(const char *s, size_t n, struct arena *a, const char **fields,
			 size_t *lens, size_t max, struct pgerr *err) MUST_CHECK;

/* Shortest text that reads back as exactly d (PostgreSQL 12+ float8out / float4out). */
void pgtype_format_float8(struct strbuf *out, double d);
void pgtype_format_float4(struct strbuf *out, float f);
/* float8out / float4out under extra_float_digits = extra (-15 to 3): 1 to 3 the shortest form
 * above; 0 and below printf's %.*g with DBL_DIG (FLT_DIG) + extra significant digits, at
 * least one, as PostgreSQL's pg_strfromd. */
void pgtype_format_float8_extra(struct strbuf *out, double d, int extra);
void pgtype_format_float4_extra(struct strbuf *out, float f, int extra);

/* ---- date and time (pgtype_datetime.c, pgtype_interval.c, pgtype_tz.c) ----
 * Values as PostgreSQL holds them: date = days since 2000-01-01 (int32), time/timestamp/
 * timestamptz = microseconds (since midnight / since 2000-01-01 00:00, timestamptz in UTC),
 * interval = months + days + microseconds. Infinities are the extreme values. Text output is
 * DateStyle ISO, MDY and IntervalStyle postgres, byte for byte. */
#define PGTYPE_DATE_NOBEGIN INT32_MIN
#define PGTYPE_DATE_NOEND INT32_MAX
#define PGTYPE_TS_NOBEGIN INT64_MIN
#define PGTYPE_TS_NOEND INT64_MAX
#define PGTYPE_USECS_PER_DAY INT64_C(86400000000)

struct pgtype_interval {
	int64_t time; /* microseconds */
	int32_t day;
	int32_t month;
};

/* A time zone: an IANA zone from /usr/share/zoneinfo (names matched case-insensitively),
 * "UTC", a number of hours ("+2", "-5.5": east positive) or a POSIX TZ string ("UTC+3",
 * "<+05>-05", "EST5EDT,M3.2.0,M11.1.0": west positive), as PostgreSQL's TimeZone accepts.
 * Zones live as long as the process; lookups are thread-safe and never block on more than
 * reading one small file the first time. NULL when the name is no zone. */
struct pgtype_tz;
const struct pgtype_tz *pgtype_tz_lookup(const char *name);
const struct pgtype_tz *pgtype_tz_utc(void);
/* The spelling SHOW TimeZone prints ("Europe/Berlin" for "europe/berlin", "<+02>-02"). */
const char *pgtype_tz_name(const struct pgtype_tz *tz);
/* Seconds east of Greenwich in effect at the UTC instant utc_us, and its abbreviation. */
int pgtype_tz_offset(const struct pgtype_tz *tz, int64_t utc_us);
const char *pgtype_tz_abbrev(const struct pgtype_tz *tz, int64_t utc_us);
/* Whether daylight-saving time is in effect at utc_us (pg_timezone_names.is_dst). */
bool pgtype_tz_is_dst(const struct pgtype_tz *tz, int64_t utc_us);
/* The offset to subtract from a local (wall-clock) time to get UTC, resolving gaps and
 * overlaps as PostgreSQL does (a gap reads with the offset before it, an overlap after). */
int pgtype_tz_local_offset(const struct pgtype_tz *tz, int64_t local_us);
/* Whether tz has had one offset all along (UTC, "+2", Etc/GMT-3, a POSIX zone without DST):
 * *east receives it. DecodeTimeOnly's test of whether a time needs a date to take the zone. */
bool pgtype_tz_fixed(const struct pgtype_tz *tz, int *east);
/* A time zone abbreviation input and AT TIME ZONE accept ("PST", "CEST", "Z"): its offset in
 * seconds east; false when name is none of them. */
bool pgtype_tz_abbrev_offset(const char *name, int *off);
/* A dynamic abbreviation of that set ("MSK", "VET"): the zone whose offset at the time it
 * means; NULL when name is none. */
const struct pgtype_tz *pgtype_tz_abbrev_zone(const char *name);

/* DateStyle: how dates and timestamps print, and the order in which input reads the
 * numeric fields of an ambiguous date ("01/02/03"). Zero values are PostgreSQL's default,
 * ISO, MDY. */
enum pgtype_dateorder { PGTYPE_ORDER_MDY, PGTYPE_ORDER_DMY, PGTYPE_ORDER_YMD };
enum pgtype_datestyle {
	PGTYPE_STYLE_ISO,
	PGTYPE_STYLE_SQL,
	PGTYPE_STYLE_POSTGRES,
	PGTYPE_STYLE_GERMAN
};
/* IntervalStyle: how intervals print ("1 day 02:00:00", ISO 8601's "P1DT2H", the SQL
 * standard's "1 2:00:00", "@ 1 day 2 hours"); sql_standard also changes how input reads a
 * leading minus sign (pgtype_interval_in_style). */
enum pgtype_intervalstyle {
	PGTYPE_INTERVAL_POSTGRES,
	PGTYPE_INTERVAL_ISO_8601,
	PGTYPE_INTERVAL_SQL_STANDARD,
	PGTYPE_INTERVAL_POSTGRES_VERBOSE
};
/* The output styles the session's settings choose (zero: PostgreSQL's defaults). */
struct pgtype_dtstyle {
	enum pgtype_datestyle style;
	enum pgtype_dateorder order;
	enum pgtype_intervalstyle interval; /* IntervalStyle; DateStyle's parser keeps it */
	/* extra_float_digits: 0 for 1 to 3 (shortest exact), else 1 - its value (1 to 16, for
	 * 0 to -15); pgtype_style_float_digits gives the setting back */
	int8_t float_cut;
	/* bytea_output = escape: bytea (and bytea[] elements) print in PostgreSQL's escape
	 * format (printable ASCII as is, \\ and \ooo), else hex ("\x0102") */
	bool bytea_escape;
};
static inline int pgtype_style_float_digits(const struct pgtype_dtstyle *ds)
{
	return ds && ds->float_cut ? 1 - ds->float_cut : 1;
}
/* Parses a DateStyle value as SET does ("SQL, DMY", "euro", "German"): each comma- or
 * blank-separated word sets the style or the order; German alone implies DMY, as in
 * PostgreSQL. Writes the canonical form ("SQL, DMY") to out; false on an unknown word or two
 * conflicting ones ("ISO, Postgres"). */
bool pgtype_datestyle_parse(const char *s, struct pgtype_dtstyle *ds, char *out, size_t len);

/* What input needs from the session: its zone (NULL: UTC) and the transaction's start,
 * which 'now', 'today', 'tomorrow' and 'yesterday' mean (0: read the clock), and DateStyle's
 * field order. */
struct pgtype_dtenv {
	const struct pgtype_tz *tz;
	int64_t now;
	enum pgtype_dateorder order;
	enum pgtype_intervalstyle interval; /* sql_standard: a leading sign applies to all */
};

/* A broken-down time: year is astronomical (1 BC = 0), mon 1-12, wday 0 = Sunday, yday 1-366. */
struct pgtype_tm {
	int year, mon, mday, hour, min, sec, usec, wday, yday;
};
int32_t pgtype_date2j(int year, int mon, int mday); /* Julian day number */
void pgtype_j2date(int32_t jd, int *year, int *mon, int *mday);
#define PGTYPE_POSTGRES_EPOCH_JDATE 2451545
/* ts (finite) → fields; fields → ts (false when out of timestamp range). */
void pgtype_ts2tm(int64_t ts, struct pgtype_tm *tm);
bool pgtype_tm2ts(const struct pgtype_tm *tm, int64_t *ts) MUST_CHECK;
/* Microseconds since the Unix epoch → since 2000-01-01 (the clock now). */
int64_t pgtype_now(void);

/* Input functions: PostgreSQL's forms (ISO 8601, 'YYYY-MM-DD HH:MM:SS[.f][zone]', MDY
 * 'MM/DD/YYYY', month names, 'epoch', 'infinity', 'now', 'today', ...). 22007 for bad
 * syntax, 22008 for a field out of range, with PostgreSQL's messages. env may be NULL. */
bool pgtype_date_in(const char *s, size_t n, const struct pgtype_dtenv *env, int32_t *out,
		    struct pgerr *err) MUST_CHECK;
bool pgtype_time_in(const char *s, size_t n, int64_t *out, struct pgerr *err) MUST_CHECK;
/* As pgtype_time_in, 'now' being env's clock in env's zone (pgtype_time_in: UTC). */
bool pgtype_time_in_env(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *out,
			struct pgerr *err) MUST_CHECK;
bool pgtype_timestamp_in(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *out,
			 struct pgerr *err) MUST_CHECK;
bool pgtype_timestamptz_in(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *out,
			   struct pgerr *err) MUST_CHECK;
bool pgtype_interval_in(const char *s, size_t n, struct pgtype_interval *out, struct pgerr *err)
	MUST_CHECK;
/* interval(p) and INTERVAL fields: typmod = INTERVAL_MASK fields << 16 | precision (0xFFFF:
 * none), -1 for neither. _in_typmod reads s as interval_in does with that typmod (a number
 * without a unit is of the last field: '1' YEAR is a year, '1 2' DAY TO HOUR a day and two
 * hours, '2:03' MINUTE TO SECOND two minutes), then adjusts: _adjust drops what lies right
 * of the last field and rounds the seconds to the precision, as AdjustIntervalForTypmod.
 * _typmod_out appends intervaltypmodout's text (" day to second(2)", "(3)"). */
bool pgtype_interval_in_typmod(const char *s, size_t n, int32_t typmod, struct pgtype_interval *out,
			       struct pgerr *err) MUST_CHECK;
void pgtype_interval_typmod_adjust(struct pgtype_interval *iv, int32_t typmod);
/* As _in_typmod, read as IntervalStyle style reads: under sql_standard a leading minus sign
 * with no other explicit sign applies to every field ('-1 2:03:04' is minus a day, two hours,
 * three minutes and four seconds), as DecodeInterval does. _sign_applies: whether s is such a
 * value (its reading depends on the style). */
bool pgtype_interval_in_style(const char *s, size_t n, int32_t typmod,
			      enum pgtype_intervalstyle style, struct pgtype_interval *out,
			      struct pgerr *err) MUST_CHECK;
bool pgtype_interval_sign_applies(const char *s, size_t n);
void pgtype_interval_typmod_out(struct strbuf *out, int32_t typmod);
/* time with time zone: *time microseconds since midnight, *east the offset in seconds east of
 * UTC (as written, or env's zone's at the given date or today); 22009 beyond ±16 hours. */
bool pgtype_timetz_in(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *time,
		      int32_t *east, struct pgerr *err) MUST_CHECK;
void pgtype_timetz_out(struct strbuf *out, int64_t time, int32_t east);
/* Output functions (tz NULL: UTC). */
void pgtype_date_out(struct strbuf *out, int32_t d);
void pgtype_time_out(struct strbuf *out, int64_t t);
void pgtype_timestamp_out(struct strbuf *out, int64_t ts);
void pgtype_timestamptz_out(struct strbuf *out, int64_t ts, const struct pgtype_tz *tz);
void pgtype_interval_out(struct strbuf *out, const struct pgtype_interval *iv);
/* The same in IntervalStyle iso_8601 ("P1Y2M3DT4H5M6.5S", "PT0S"), as PostgreSQL's
 * EncodeInterval writes it. */
void pgtype_interval_out_iso(struct strbuf *out, const struct pgtype_interval *iv);
/* The same in any IntervalStyle (pgtype_interval_style.c). */
void pgtype_interval_out_style(struct strbuf *out, const struct pgtype_interval *iv,
			       enum pgtype_intervalstyle style);

/* The stored text of a date (v: days), timestamp or timestamptz (v: µs, UTC): PostgreSQL's ISO
 * text for years 1 to 9999 and the infinities; a BC year as '.' and 10000 minus the year
 * ('.9956-03-15' for 0044-03-15 BC, the " BC" dropped), a year past 9999 as ':' and the
 * year in seven digits (':0010000-01-01'), so that SQLite's text order is time order
 * (pgtype_dtstore.c). The input functions read these forms back. */
void pgtype_dt_store(struct strbuf *out, uint32_t oid, int64_t v);
/* s[0..n) in the form above outside years 1..9999 → PostgreSQL's ISO text in buf (its
 * length); 0 for any other text. */
size_t pgtype_dt_unstore(const char *s, size_t n, char *buf, size_t cap);

/* Whether client text s[0..n) for a value of type oid (a date, timestamp, timestamptz, or a
 * range, multirange or array of one) holds no value in the BC form above ('.9956-03-15'),
 * which only the server's own storage holds and which PostgreSQL's input refuses: false with
 * 22007 "invalid input syntax for type date" naming it. Checked where client text comes in
 * (literals, casts of text, text parameters, COPY FROM), never where stored values are read.
 * The ':' form of a year past 9999 needs no check: PostgreSQL reads ':0010000-01-01' as
 * 10000-01-01 too. */
bool pgtype_dt_client_text(uint32_t oid, const char *s, size_t n, struct pgerr *err);
/* As pgtype_encode_text_typmod, timestamptz shown in zone tz (NULL: UTC). */
void pgtype_encode_text_tz(struct strbuf *out, uint32_t oid, int32_t typmod,
			   const struct pgtype_tz *tz, const struct pgtype_value *v);
/* As pgtype_encode_text_tz, dates and timestamps in DateStyle ds, intervals in its
 * IntervalStyle, floats (and their arrays) under its extra_float_digits (NULL: ISO, postgres,
 * shortest floats). */
void pgtype_encode_text_styled(struct strbuf *out, uint32_t oid, int32_t typmod,
			       const struct pgtype_tz *tz, const struct pgtype_dtstyle *ds,
			       const struct pgtype_value *v);
/* Output of a date, timestamp or timestamptz (in zone tz) in DateStyle ds (NULL: ISO). */
void pgtype_dt_out_styled(struct strbuf *out, uint32_t oid, int64_t ts_or_date,
			  const struct pgtype_tz *tz, const struct pgtype_dtstyle *ds);
/* As pgtype_decode_text; a timestamptz without an offset is read in env's zone. */
bool pgtype_decode_text_env(uint32_t oid, const char *s, size_t n, const struct pgtype_dtenv *env,
			    struct arena *a, struct pgtype_value *out, struct pgerr *err)
	MUST_CHECK;

/* ---- network addresses (pgtype_net.c) ----
 * inet/cidr: family 4 or 6, the netmask length and the address (4 or 16 bytes used). */
struct pgtype_inet {
	uint8_t family;
	uint8_t bits;
	uint8_t addr[16];
};
/* inet_in/cidr_in of s[0..n): dotted IPv4 (cidr also abbreviated, "10/8", with classful
 * widths), IPv6 with "::" and an IPv4 tail, "/bits". 22P02 "invalid input syntax for type
 * inet" or, for a cidr with host bits set, "invalid cidr value" with PostgreSQL's DETAIL. */
bool pgtype_inet_parse(const char *s, size_t n, bool cidr, struct pgtype_inet *out,
		       struct pgerr *err) MUST_CHECK;
/* Canonical output: all four IPv4 octets, IPv6 compressed as PostgreSQL prints it, "/bits"
 * omitted for an inet host address (/32, /128), always shown for a cidr. */
void pgtype_inet_out(struct strbuf *out, const struct pgtype_inet *a, bool cidr);
/* network_cmp's order: IPv4 before IPv6, then the common network part, then the shorter
 * netmask, then the whole address; -1, 0 or 1. pgtype_inet_bitncmp compares the first n bits. */
int pgtype_inet_cmp(const struct pgtype_inet *a, const struct pgtype_inet *b);
int pgtype_inet_bitncmp(const uint8_t *a, const uint8_t *b, int n);
/* macaddr_in (the seven spellings it accepts; 22003 for an octet over 255) and macaddr8_in
 * (6 or 8 bytes; 6 become EUI-64 with ff:fe inserted); output of n bytes as "08:00:2b:...". */
bool pgtype_macaddr_parse(const char *s, size_t n, uint8_t out[6], struct pgerr *err) MUST_CHECK;
bool pgtype_macaddr8_parse(const char *s, size_t n, uint8_t out[8], struct pgerr *err) MUST_CHECK;
void pgtype_macaddr_out(struct strbuf *out, const uint8_t *b, size_t n);

/* ---- range types (pgtype_range.c) ----
 * int4range, int8range, numrange, daterange, tsrange, tstzrange. A value is held (and stored)
 * as the text range_out prints with TimeZone UTC: bounds are their subtype's canonical text,
 * discrete ranges canonical as [), "empty" for the empty range. */
enum {
	PGTYPE_INT4RANGE = 3904,
	PGTYPE_NUMRANGE = 3906,
	PGTYPE_TSRANGE = 3908,
	PGTYPE_TSTZRANGE = 3910,
	PGTYPE_DATERANGE = 3912,
	PGTYPE_INT8RANGE = 3926,
};
/* One bound as range_deserialize gives it: val (canonical subtype text) unless infinite. */
struct pgtype_rbound {
	const char *val;
	bool infinite, inclusive, lower;
};
struct pgtype_range {
	uint32_t oid; /* the range type */
	bool empty;
	struct pgtype_rbound lo, hi;
};
/* The subtype of a range type (int4 for int4range ...); 0 when oid is no range type. */
uint32_t pgtype_range_subtype(uint32_t oid);
/* range_in of s[0..n) as type oid (bounds read by the subtype's input in env, NULL: UTC, ISO),
 * canonical; strings in a. 22P02 "malformed range literal" with range_in's DETAIL, the
 * subtype's input errors, 22000 when the lower bound exceeds the upper. */
bool pgtype_range_in(uint32_t oid, const char *s, size_t n, const struct pgtype_dtenv *env,
		     struct arena *a, struct pgtype_range *out, struct pgerr *err) MUST_CHECK;
/* One value read by the input function of subtype into its canonical text (in a). */
bool pgtype_range_elem_in(uint32_t subtype, const char *s, size_t n, const struct pgtype_dtenv *env,
			  struct arena *a, const char **out, struct pgerr *err) MUST_CHECK;
/* make_range: r->lo/hi/empty set, checks the order, empties and canonicalizes (discrete
 * types to [)); the same errors as pgtype_range_in. */
bool pgtype_range_make(struct pgtype_range *r, struct arena *a, struct pgerr *err) MUST_CHECK;
/* range_out; bounds shown as stored, or (styled) rendered in zone tz and DateStyle ds. */
void pgtype_range_out(struct strbuf *out, const struct pgtype_range *r);
void pgtype_range_out_styled(struct strbuf *out, const struct pgtype_range *r,
			     const struct pgtype_tz *tz, const struct pgtype_dtstyle *ds);
/* The subtype's order of two canonical values; range_cmp_bounds and range_cmp_bound_values
 * of two bounds; range_cmp (empty first, then lower, then upper). -1, 0 or 1. */
int pgtype_range_elem_cmp(uint32_t subtype, const char *a, const char *b);
int pgtype_rbound_cmp(uint32_t subtype, const struct pgtype_rbound *a,
		      const struct pgtype_rbound *b);
int pgtype_rbound_value_cmp(uint32_t subtype, const struct pgtype_rbound *a,
			    const struct pgtype_rbound *b);
int pgtype_range_cmp(const struct pgtype_range *a, const struct pgtype_range *b);

/* ---- multirange types (pgtype_multirange.c) ----
 * Stored as the text multirange_out prints with TimeZone UTC: "{[1,3),[5,7)}", "{}". */
enum {
	PGTYPE_INT4MULTIRANGE = 4451,
	PGTYPE_NUMMULTIRANGE = 4532,
	PGTYPE_TSMULTIRANGE = 4533,
	PGTYPE_TSTZMULTIRANGE = 4534,
	PGTYPE_DATEMULTIRANGE = 4535,
	PGTYPE_INT8MULTIRANGE = 4536,
};
/* n ranges, sorted, neither empty nor overlapping nor adjacent once normalized. */
struct pgtype_multirange {
	uint32_t oid; /* the multirange type */
	size_t n;
	struct pgtype_range *r;
};
/* The range type of a multirange type (int4range for int4multirange), and back; 0: none. */
uint32_t pgtype_multirange_range(uint32_t oid);
uint32_t pgtype_range_multirange(uint32_t range);
/* multirange_in of s[0..n) as type oid (bounds read in env, NULL: UTC, ISO), normalized;
 * strings in a. 22P02 "malformed multirange literal" with multirange_in's DETAIL, and the
 * errors of range_in. */
bool pgtype_multirange_in(uint32_t oid, const char *s, size_t n, const struct pgtype_dtenv *env,
			  struct arena *a, struct pgtype_multirange *out, struct pgerr *err)
	MUST_CHECK;
/* multirange_canonicalize: m's ranges sorted, empty ones dropped, overlapping and adjacent
 * ones merged, in place. */
void pgtype_multirange_normalize(struct pgtype_multirange *m);
/* multirange_out: bounds as stored, or (styled) in zone tz and DateStyle ds. */
void pgtype_multirange_out(struct strbuf *out, const struct pgtype_multirange *m);
void pgtype_multirange_out_styled(struct strbuf *out, const struct pgtype_multirange *m,
				  const struct pgtype_tz *tz, const struct pgtype_dtstyle *ds);

/* ---- text search: tsvector and tsquery (pgtype_tsearch.c) ----
 * A lexeme's positions are PostgreSQL's WordEntryPos: weight (3 A, 2 B, 1 C, 0 D) in the top
 * two bits, the position (1..16383) in the low fourteen. */
enum {
	PGTYPE_TS_MAXPOS = 16383,
	PGTYPE_TS_MAXWORD = 2047,
	PGTYPE_TS_MAXNUMPOS = 256,
	PGTYPE_TS_MAXDEPTH = 10000
};
struct pgtype_tslex {
	const char *s;
	uint32_t n;
	uint16_t npos;
	uint16_t *pos;
};
struct pgtype_tsvector {
	size_t n;
	struct pgtype_tslex *lex;
};
/* tsvector_in of s[0..n) into a (42601 "syntax error in tsvector", "wrong position info").
 * The result is normalized: lexemes sorted bytewise, duplicates merged, positions sorted and
 * unique (the higher weight kept), at most 256 per lexeme. */
bool pgtype_tsvector_parse(const char *s, size_t n, struct arena *a, struct pgtype_tsvector *out,
			   struct pgerr *err) MUST_CHECK;
/* Sorts and merges v's lexemes and positions in place, as tsvector_in leaves them. */
void pgtype_tsvector_normalize(struct pgtype_tsvector *v, struct arena *a);
/* tsvectorout: 'lexeme':1,2A ... with ' and \ doubled inside the quotes. */
void pgtype_tsvector_out(struct strbuf *out, const struct pgtype_tsvector *v);
/* tsCompareString: bytewise, a prefix first. */
int pgtype_ts_cmp(const char *a, size_t an, const char *b, size_t bn);

/* A tsquery as a tree. weight is a mask (8 A, 4 B, 2 C, 1 D; 0 any); STOP marks a stop word
 * that to_tsquery removes again (pgtype_tsq_clean). */
enum pgtype_tsq_kind {
	PGTYPE_TSQ_VAL,
	PGTYPE_TSQ_STOP,
	PGTYPE_TSQ_NOT,
	PGTYPE_TSQ_AND,
	PGTYPE_TSQ_OR,
	PGTYPE_TSQ_PHRASE
};
struct pgtype_tsq {
	enum pgtype_tsq_kind kind;
	int distance; /* PHRASE: <N> */
	uint8_t weight;
	bool prefix;
	const char *s;
	uint32_t n;
	struct pgtype_tsq *l, *r; /* NOT: r only */
	int depth;                /* 1 for an operand: the functions over the tree recurse */
};
/* The tree under construction, in reverse Polish order: values and operators pushed as
 * parse_tsquery's pushValue/pushStop/pushOperator push them. */
struct pgtype_tsq_build {
	struct arena *a;
	struct pgtype_tsq **st;
	size_t n, cap;
	bool failed;
	bool too_deep; /* deeper than PGTYPE_TS_MAXDEPTH: 54001, as check_stack_depth() */
};
void pgtype_tsq_push_value(struct pgtype_tsq_build *b, const char *s, size_t n, uint8_t weight,
			   bool prefix);
void pgtype_tsq_push_stop(struct pgtype_tsq_build *b);
void pgtype_tsq_push_op(struct pgtype_tsq_build *b, enum pgtype_tsq_kind k, int distance);
/* How operands are read: tsquery syntax, the whole text as one operand (plainto_ and
 * phraseto_tsquery), or web search syntax. value_fn pushes what one operand becomes; it may
 * fail with err set. NULL value_fn pushes the operand's text itself (tsquery_in). */
enum pgtype_tsq_mode { PGTYPE_TSQ_STANDARD, PGTYPE_TSQ_PLAIN, PGTYPE_TSQ_WEB };
typedef bool (*pgtype_tsq_value_fn)(void *arg, struct pgtype_tsq_build *b, const char *s, size_t n,
				    uint8_t weight, bool prefix, struct pgerr *err);
/* parse_tsquery: *out is the tree, NULL for an empty query. 42601 as PostgreSQL words it. */
bool pgtype_tsquery_parse(const char *s, size_t n, enum pgtype_tsq_mode mode,
			  pgtype_tsq_value_fn value_fn, void *arg, struct arena *a,
			  struct pgtype_tsq **out, struct pgerr *err) MUST_CHECK;
/* clean_stopwords: removes STOP nodes, widening the phrase distances around them. */
struct pgtype_tsq *pgtype_tsq_clean(struct pgtype_tsq *q);
/* tsqueryout: 'a' & !'b' | 'c' <-> 'd', parenthesized as PostgreSQL does; '' when q is NULL. */
void pgtype_tsquery_out(struct strbuf *out, const struct pgtype_tsq *q);

/* ---- money (pgtype_money.c): a 64-bit count of cents, lc_monetary C ----
 * cash_in of s[0..n) ("$1,234.56", "-1234.5", "(1.00)", fraction digits past the second
 * rounded half away from zero) into *out; 22P02 for bad syntax, 22003 out of range, worded
 * as PostgreSQL's. */
bool pgtype_money_parse(const char *s, size_t n, int64_t *out, struct pgerr *err) MUST_CHECK;
/* cash_out: "$1,234.56", "-$0.05". */
void pgtype_money_format(struct strbuf *out, int64_t v);
/* cash_words: "One dollar and five cents". */
void pgtype_money_words(struct strbuf *out, int64_t v);

/* ---- bit strings (pgtype_bit.c) ----
 * A bit(n)/bit varying(n) value is stored as its output text, one '0' or '1' per bit.
 * bit_in/varbit_in of s[0..n) ("B..." binary, "X..." hexadecimal, bare binary) appended to
 * out as that text; with typmod > 0 the length rule of the type (bit: exactly typmod bits,
 * varying: at most) is checked first, 22026 as PostgreSQL words it; 22P02 for a bad digit. */
bool pgtype_bit_parse(const char *s, size_t n, int32_t typmod, bool varying, struct strbuf *out,
		      struct pgerr *err) MUST_CHECK;
/* The same length rule alone, for a bit string of bitlen bits stored into bit(typmod) or bit
 * varying(typmod) (typmod <= 0: any length). */
bool pgtype_bit_length_ok(size_t bitlen, int32_t typmod, bool varying, struct pgerr *err)
	MUST_CHECK;

/* numeric(p,s) applied to a value numeric_in read (pgtype_decode_text's text: plain or with an
 * exponent, NaN, [-]Infinity) as PostgreSQL's apply_typmod applies it: rounded half away from
 * zero to s fraction digits (s < 0: to 10^-s), written plain with exactly max(s, 0) of them,
 * into *out (in a); 22003 "numeric field overflow" with PostgreSQL's DETAIL when more than
 * p - s digits stay before the point or the value is infinite. typmod < 4: *out is s as is. */
bool pgtype_numeric_typmod(const char *s, size_t n, int32_t typmod, struct arena *a,
			   struct pgtype_value *out, struct pgerr *err) MUST_CHECK;

/* A numeric at rest is an SQLite number: whether the decimal s[0..n) (numeric_in's text, plain
 * or with an exponent) has the same value as what the tenant file would keep of it, the 64-bit
 * integer i (is_int) or the double d as it reads back (its shortest round-trip digits, as
 * pgtype prints it). False for text that is no such decimal (NaN, Infinity) and for a d that is
 * not finite. Pure; pgfn's pgfn_num_store asks SQLite for i or d. */
bool pgtype_numeric_kept(const char *s, size_t n, bool is_int, int64_t i, double d);
/* Whether s[0..n) is a decimal number's text, as pgtype_numeric_kept judges (not NaN or an
 * infinity). */
bool pgtype_numeric_kept_decimal(const char *s, size_t n);
/* The text-to-double conversion of the store that keeps numeric values (SQLite's), which
 * tells the doubles it made of short decimals; set once, before threads start (NULL: none). */
void pgtype_set_store_atof(double (*fn)(const char *s));
/* Appends d as the numeric it stands for (pgtype_numeric_double's digits): plain digits, never
 * an exponent; NaN, Infinity, -Infinity; -0 prints "0". */
void pgtype_format_plain_double(struct strbuf *out, double d);

#endif
