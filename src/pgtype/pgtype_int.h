/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_int.h: helpers shared by the pgtype sources (shortest float digits, PostgreSQL's
 * strict scalar parsers). Private to src/pgtype; the public contract is include/pgtype.h. */
#ifndef SHARDLITE_PGTYPE_INT_H
#define SHARDLITE_PGTYPE_INT_H

#include "pgtype.h"

/* A finite non-zero binary float as its shortest round-trip decimal digits:
 * |value| = 0.d1 d2 ... dn × 10^point, d1 != 0, dn != 0 (n <= 17). */
struct pgtype_decimal {
	char digits[20];
	int ndigits;
	int point;
	bool negative;
};

/* Shortest digits that read back as exactly d / f (Ryu's choice: shortest, then closest,
 * ties to even). d and f must be finite and non-zero. */
void pgtype_shortest_double(double d, struct pgtype_decimal *out);
void pgtype_shortest_float(float f, struct pgtype_decimal *out);
/* The decimal a double kept as a numeric stands for: its shortest digits, or the 15-digit
 * rounding D when those are more than 15, the store's conversion of D gives d and the nearest
 * double to D is another (pgtype_set_store_atof). SQLite 3.40 turns decimal text into a double
 * that is not always the nearest (0.562278 into 0.56227800000000006), and a decimal of up to
 * 15 digits written into a numeric column must read back as written. */
void pgtype_numeric_double(double d, struct pgtype_decimal *out);

/* Appends the digits of v's storage class the way a text column would show them (INT as
 * digits, FLOAT as float8out, TEXT/BLOB bytes as they are). */
void pgtype_append_as_text(struct strbuf *out, const struct pgtype_value *v);
/* A bytea value in byteaout's escape format (bytea_output = escape). */
void pgtype_bytea_out_escape(struct strbuf *out, const struct pgtype_value *v);

/* pgtype_array.c: array_send of the stored text form v of an array of elem (any dimensions,
 * explicit bounds), and array_recv into that text form (in a; bounds written as array_out
 * does when one is not 1). 22P02/22P03 for malformed input, 42804 for another element type. */
bool pgtype_array_send(struct strbuf *out, uint32_t elem, const struct pgtype_value *v,
		       struct pgerr *err) MUST_CHECK;
bool pgtype_array_recv(uint32_t elem, const uint8_t *p, size_t n, struct arena *a,
		       struct pgtype_value *out, struct pgerr *err) MUST_CHECK;
/* One element of an array's text form at *p (quoted or not, blanks around a bare one trimmed)
 * into sb; *null when it is NULL. *p ends on the ',' or '}' after it. False when the text is
 * not an array. */
bool pgtype_array_read_elem(const char **p, const char *end, struct strbuf *sb, bool *null);
/* Appends one element as array_out writes it: quoted when empty, NULL-like, or holding
 * blanks or array punctuation. */
void pgtype_array_put_elem(struct strbuf *out, const char *s, size_t n);

/* Result of the strict PostgreSQL-style number parsers. */
enum pgtype_parse_rc { PGTYPE_PARSE_OK, PGTYPE_PARSE_SYNTAX, PGTYPE_PARSE_RANGE };

/* pg_strtoint16/32/64: blanks around, optional sign, decimal digits only; the result must
 * lie in [min, max]. */
enum pgtype_parse_rc pgtype_parse_int(const char *s, size_t n, int64_t min, int64_t max,
				      int64_t *out);
/* float8in / float4in (strtod / strtof semantics, NaN/Infinity spellings, blanks around;
 * overflow and underflow to zero are out of range, subnormals are accepted). On
 * PGTYPE_PARSE_RANGE, *num (when not NULL) receives the number's text as strtod read it,
 * which is what PostgreSQL quotes in its message. */
struct pgtype_span {
	size_t off, len;
};
enum pgtype_parse_rc pgtype_parse_float8(const char *s, size_t n, double *out,
					 struct pgtype_span *num);
enum pgtype_parse_rc pgtype_parse_float4(const char *s, size_t n, float *out,
					 struct pgtype_span *num);

/* numeric's binary form (pgtype_numeric.c). send: from plain decimal text (digits, one '.',
 * optional sign; NaN, Infinity, -Infinity). recv: appends the plain decimal text of a binary
 * value, with exactly its dscale fraction digits. 22P02 / 22P03 on bad input. */
bool pgtype_numeric_send(struct strbuf *out, const char *s, size_t n, struct pgerr *err);
bool pgtype_numeric_recv(const uint8_t *p, size_t n, struct strbuf *out, struct pgerr *err);

/* Parses a uuid as uuid_in does (optional braces, hyphen allowed after any group of four
 * digits) into 16 bytes. */
bool pgtype_parse_uuid(const char *s, size_t n, uint8_t out[16]) MUST_CHECK;
/* Appends the canonical 8-4-4-4-12 lower-case form of 16 uuid bytes. */
void pgtype_format_uuid(struct strbuf *out, const uint8_t u[16]);

/* The format_type() spelling of oid for messages ("integer"), or "type <oid>" when unknown;
 * buf receives the fallback. */
const char *pgtype_sql_name(uint32_t oid, char *buf, size_t len);

/* PostgreSQL's timestamp range: 4714-11-24 BC to 294276 AD (exclusive), in microseconds
 * since 2000-01-01. */
#define PGTYPE_MIN_TS INT64_C(-211813488000000000)
#define PGTYPE_END_TS INT64_C(9223371331200000000)

/* pgtype_dtdecode.c: date/time input read as PostgreSQL's ParseDateTime and DecodeDateTime
 * (time_only: DecodeTimeOnly) read it, in env's DateStyle order and zone (NULL: MDY, UTC, the
 * clock). On success r holds the kind, the fields (year astronomical) and the zone offset
 * (seconds east: the one given, else env's at that date); on failure the error's kind. */
enum pgtype_dterr {
	PGTYPE_DT_OK,
	PGTYPE_DT_BAD_FORMAT,      /* 22007 */
	PGTYPE_DT_FIELD_OVERFLOW,  /* 22008 */
	PGTYPE_DT_MD_OVERFLOW,     /* 22008 with DateStyle's hint */
	PGTYPE_DT_TZDISP_OVERFLOW, /* 22009 */
	PGTYPE_DT_ZONE             /* 22023 time zone "x" not recognized */
};
enum pgtype_dtkind { PGTYPE_DTK_DATE, PGTYPE_DTK_EPOCH, PGTYPE_DTK_LATE, PGTYPE_DTK_EARLY };
struct pgtype_dtres {
	enum pgtype_dtkind kind;
	struct pgtype_tm tm; /* usec may be 1000000 (a fraction rounded up) */
	int east;
	bool date_given;
	char bad_zone[64];
};
enum pgtype_dterr pgtype_dt_decode(const char *s, size_t n, const struct pgtype_dtenv *env,
				   bool time_only, struct pgtype_dtres *r) MUST_CHECK;
/* The wall-clock timestamp of tm without a range check (tm2timestamp before its final check);
 * false when the date lies outside the Julian calendar's range. */
bool pgtype_dt_local(const struct pgtype_tm *tm, int64_t *local) MUST_CHECK;

/* Date/time storage ↔ wire (pgtype_dtcodec.c), for date, time, timestamp, timestamptz and
 * interval. encode_text: false when the stored value is not one (the caller prints it as
 * stored). send: 22007 for a stored value that is not one. recv / decode_text: the storage
 * text (ISO, timestamptz in UTC), 22P03 / 22007 / 22008 on bad input. */
/* pgtype_calendar.c: reads "YYYY-MM-DD HH:MM:SS[.f{1,6}][{+|-}HH[:MM[:SS]]]" with every field
 * in range — what pgtype writes (a timestamptz column's stored text, CURRENT_TIMESTAMP) and
 * what most clients send — into *local (the wall-clock timestamp) and *off (seconds east,
 * INT32_MIN without an offset). False for any other text, which the general parser reads. */
bool pgtype_iso_ts_in(const char *s, size_t n, int64_t *local, int *off) MUST_CHECK;
bool pgtype_dt_encode_text(struct strbuf *out, uint32_t oid, int32_t typmod,
			   const struct pgtype_value *v);
bool pgtype_dt_send(struct strbuf *out, uint32_t oid, int32_t typmod,
		    const struct pgtype_value *v, struct pgerr *err);
bool pgtype_dt_recv(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		    struct pgtype_value *out, struct pgerr *err);
bool pgtype_dt_decode_text(uint32_t oid, const char *s, size_t n, const struct pgtype_dtenv *env,
			   struct arena *a, struct pgtype_value *out, struct pgerr *err);

/* pgtype_net.c: text input (canonical text into a), network_send/macaddr_send of the stored
 * canonical text, and receive into canonical text, for inet, cidr, macaddr and macaddr8. */
bool pgtype_net_decode_text(uint32_t oid, const char *s, size_t n, struct arena *a,
			    struct pgtype_value *out, struct pgerr *err) MUST_CHECK;
bool pgtype_net_send(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
		     struct pgerr *err) MUST_CHECK;
bool pgtype_net_recv(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		     struct pgtype_value *out, struct pgerr *err) MUST_CHECK;

/* pgtype_range.c: range_in of text into its canonical (stored) text, and the output of a
 * stored range with its date/time bounds in zone tz and DateStyle ds (false: v is no range
 * text, left to the caller). */
bool pgtype_range_decode_text(uint32_t oid, const char *s, size_t n,
			      const struct pgtype_dtenv *env, struct arena *a,
			      struct pgtype_value *out, struct pgerr *err) MUST_CHECK;
bool pgtype_range_encode_text(struct strbuf *out, uint32_t oid, const struct pgtype_tz *tz,
			      const struct pgtype_dtstyle *ds, const struct pgtype_value *v);
/* range_send of stored range text (flags byte, then each finite bound as length + the
 * subtype's send format) and range_recv into canonical text; 22P03 for malformed input. */
bool pgtype_range_send(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
		       struct pgerr *err) MUST_CHECK;
bool pgtype_range_recv(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		       struct pgtype_value *out, struct pgerr *err) MUST_CHECK;
/* pgtype_multirange.c: as the range functions above, for the multirange types. */
bool pgtype_multirange_decode_text(uint32_t oid, const char *s, size_t n,
				   const struct pgtype_dtenv *env, struct arena *a,
				   struct pgtype_value *out, struct pgerr *err) MUST_CHECK;
bool pgtype_multirange_encode_text(struct strbuf *out, uint32_t oid, const struct pgtype_tz *tz,
				   const struct pgtype_dtstyle *ds, const struct pgtype_value *v);
bool pgtype_multirange_send(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
			    struct pgerr *err) MUST_CHECK;
bool pgtype_multirange_recv(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
			    struct pgtype_value *out, struct pgerr *err) MUST_CHECK;
/* pgtype_tsearch.c: tsvector_in / tsquery_in of s[0..n) as canonical text in a. */
bool pgtype_ts_decode_text(uint32_t oid, const char *s, size_t n, struct arena *a,
			   struct pgtype_value *out, struct pgerr *err) MUST_CHECK;
/* tsvectorsend/tsquerysend of the stored text, and their receive into canonical text (22P03
 * for malformed bytes). */
bool pgtype_ts_send(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
		    struct pgerr *err) MUST_CHECK;
bool pgtype_ts_recv(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		    struct pgtype_value *out, struct pgerr *err) MUST_CHECK;

/* pgtype_money.c: cash_in into cents, cash_out of stored cents (other storage as stored),
 * cash_send/cash_recv (int8 of cents). */
bool pgtype_money_decode_text(const char *s, size_t n, struct pgtype_value *out,
			      struct pgerr *err) MUST_CHECK;
void pgtype_money_encode_text(struct strbuf *out, const struct pgtype_value *v);
bool pgtype_money_send(struct strbuf *out, const struct pgtype_value *v,
		       struct pgerr *err) MUST_CHECK;
bool pgtype_money_recv(const uint8_t *p, size_t n, struct pgtype_value *out,
		       struct pgerr *err) MUST_CHECK;

/* pgtype_bit.c: text input of bit/varbit (their stored text into a), varbit_send of the stored
 * text and varbit_recv into it. */
bool pgtype_bit_decode_text(uint32_t oid, const char *s, size_t n, struct arena *a,
			    struct pgtype_value *out, struct pgerr *err) MUST_CHECK;
bool pgtype_bit_send(struct strbuf *out, const struct pgtype_value *v,
		     struct pgerr *err) MUST_CHECK;
bool pgtype_bit_recv(const uint8_t *p, size_t n, struct arena *a, struct pgtype_value *out,
		     struct pgerr *err) MUST_CHECK;

#endif
