/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_int.h: private to pgfn — result and UTF-8 helpers the function areas share, and the
 * per-connection state and value helpers of the date/time functions (pgfn_dtval.c). */
#ifndef SHARDLITE_PGFN_INT_H
#define SHARDLITE_PGFN_INT_H

#include "pgfn.h"

#include <regex.h>

/* Hands sb's bytes to SQLite as text (blob: as a blob) and releases sb; a failed sb becomes
 * SQLITE_NOMEM. */
void pgfn_result_sb(sqlite3_context *ctx, struct strbuf *sb, bool blob);

/* True (and no result set) when any of the first n arguments is NULL: the function is strict
 * and answers NULL, which this sets. */
bool pgfn_any_null(sqlite3_context *ctx, int n, sqlite3_value **argv);

/* The byte length of the UTF-8 character starting with byte b (1 for a stray byte). */
static inline size_t pgfn_utf8_len(unsigned char b)
{
	return b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/* The byte length of the character at s with left bytes remaining: never past the end, so a
 * truncated multibyte sequence at the end of a string is not read beyond it. */
static inline size_t pgfn_utf8_clen(const char *s, size_t left)
{
	size_t n = pgfn_utf8_len((unsigned char)*s);
	return n < left ? n : left ? left : 1;
}

/* A float operand, NaN read from its stored text 'NaN' (SQLite reads that as 0). */
double pgfn_float_arg(sqlite3_value *v);

/* Number of characters in s[0..n). */
size_t pgfn_utf8_count(const char *s, size_t n);

/* Byte offset of character k (0-based, clamped to n) in s[0..n). */
size_t pgfn_utf8_offset(const char *s, size_t n, size_t k);

/* An argument as text (never NULL; "" for NULL) and its byte length, up to its first NUL
 * (PostgreSQL's text has none). */
const char *pgfn_text(sqlite3_value *v, size_t *len);

/* Appends s as an SQL literal the way quote_literal() does (E'' when it holds a backslash). */
void pgfn_quote_literal(struct strbuf *sb, const char *s, size_t n);

/* Appends v as an array element of the type the tag letter names (pgfn_array.c). */
void pgfn_array_put_value(struct strbuf *sb, char tag, sqlite3_value *v);
/* Appends v (not NULL) as the element's text the tag letter gives, unquoted. */
void pgfn_array_value_text(struct strbuf *t, char tag, sqlite3_value *v);
/* The same text in a, NULL for a NULL v. */
const char *pgfn_array_elem_text(struct arena *a, sqlite3_value *v, char tag);
/* One element of an array's text at *p (quoted or bare); NULL for NULL. *p ends after it. */
const char *pgfn_array_element(struct arena *a, const char **p);
/* An array's text of any dimension (pgfn_arraymd.c): its elements in row-major order, the
 * length of each dimension and its lower bound (1 unless the text gives bounds: "[0:1]={1,2}"). */
struct pgfn_md {
	int ndims; /* 0: the empty array */
	int dims[6];
	int lb[6];
	bool bounded; /* the text starts with bounds (pgfn_array_parse does not read it) */
	size_t n, cap;
	const char **items;
};
/* False with *why (array_in's DETAIL text) when s is not an array PostgreSQL would read. */
bool pgfn_array_parse_md(struct arena *a, const char *s, struct pgfn_md *md, const char **why);
/* array_length (what 0), array_lower (1), array_upper (2) of dimension dim, cardinality (3),
 * array_ndims (4) of v as the result of ctx; false after raising 22P02 for no array. */
bool pgfn_array_md_dim(sqlite3_context *ctx, sqlite3_value *v, int64_t dim, int what);
/* Reads array argument v of any dimension into md; false after raising PostgreSQL's 22P02
 * when it is no array. */
bool pgfn_array_md_arg(sqlite3_context *ctx, struct arena *a, sqlite3_value *v, struct pgfn_md *md);
/* Appends md's elements in array_out's nested braces ({} for none), with its bounds
 * "[0:1]=" first when some lower bound is not 1 (pgfn_arrayfn.c). */
void pgfn_array_put_md(struct strbuf *sb, const struct pgfn_md *md);

/* pgfn_like.c: PostgreSQL's LIKE over text[0..tlen) and pattern pat[0..plen): % any run,
 * _ one character (one byte when bytes), esc[0..esclen) (one character; esclen 0: none)
 * makes the next character literal. BAD_ESCAPE where PostgreSQL raises 22025 for a pattern
 * ending in the escape (pgfn_like_bad_escape raises it). Iterative: no recursion depth. */
enum pgfn_like { PGFN_LIKE_FALSE, PGFN_LIKE_TRUE, PGFN_LIKE_BAD_ESCAPE };
enum pgfn_like pgfn_like_match(const char *text, size_t tlen, const char *pat, size_t plen,
			       const char *esc, size_t esclen, bool bytes);
void pgfn_like_bad_escape(sqlite3_context *ctx);
/* Registers like(pattern, text) and like(pattern, text, escape) over SQLite's built-in. */
int pgfn_register_like(sqlite3 *db);
/* pgfn_viewcheck.c: registers shardlite_view_check_failed (a view's WITH CHECK OPTION). */
int pgfn_register_viewcheck(sqlite3 *db);
/* pgfn_tablesample.c: registers TABLESAMPLE's pgfn_tablesample_args and pgfn_tablesample. */
int pgfn_register_tablesample(sqlite3 *db);

/* pgfn_arrayop.c: ANY/ALL comparisons over arrays, and ordered aggregates. */
int pgfn_register_arrayop(sqlite3 *db);

/* pgfn_hash.c: PostgreSQL's hash_bytes_extended and hash_bytes_uint32_extended (lookup3,
 * the key read as little-endian words); 0 is no seed. */
uint64_t pgfn_hash_bytes_ext(const unsigned char *k, size_t len, uint64_t seed);
uint64_t pgfn_hash_uint32_ext(uint32_t k, uint64_t seed);
/* pgfn_parthash.c: the extended hash functions of the partition key types and
 * pgfn_hash_partition, which hash partitions' views and routing triggers call. */
int pgfn_register_parthash(sqlite3 *db);

/* ---- date/time ---- */

#include "pgtype.h"

/* One per connection: user data of every date/time function (freed with the connection). */
struct pgfn_conn {
	const struct pgfn_session *sess; /* lent by the session; NULL: UTC, clock time */
};

/* A date/time value in PostgreSQL's integer form; oid says which field holds it. */
struct pgfn_dt {
	uint32_t oid;
	int64_t ts; /* time, timetz (its local time), timestamp, timestamptz (UTC) */
	int32_t date;
	int32_t east; /* timetz: its zone's offset, seconds east of UTC */
	struct pgtype_interval iv;
};

const struct pgfn_session *pgfn_dt_session(sqlite3_context *ctx);
const struct pgtype_tz *pgfn_dt_zone(sqlite3_context *ctx);
int64_t pgfn_dt_txn_start(sqlite3_context *ctx);
/* What input functions need: the session's zone, transaction start and DateStyle order. */
struct pgtype_dtenv pgfn_dt_env(sqlite3_context *ctx);
/* The type a stored text has (date, time, timestamp, timestamptz or interval). */
uint32_t pgfn_dt_sniff(const char *s, size_t n);
/* Reads v (not NULL) as type oid (0: sniffed); false with the error raised on ctx. */
bool pgfn_dt_arg(sqlite3_context *ctx, sqlite3_value *v, uint32_t oid, struct pgfn_dt *out);
/* Sets the result to v's storage text (ISO, timestamptz in UTC). */
void pgfn_dt_result(sqlite3_context *ctx, const struct pgfn_dt *v);
bool pgfn_dt_finite(int64_t ts);
/* PostgreSQL's AdjustTimestampForTypmod/AdjustTimeForTypmod: microseconds t rounded to prec
 * (0-5) fractional digits, half away from zero. */
int64_t pgfn_dt_round_prec(int64_t t, int prec);
/* pgfn_range.c's tests of two ranges of subtype st (range_overlaps, range_adjacent,
 * range_contains), of an element's canonical text (range_contains_elem), and an element
 * argument read by st's input in the session's zone (false with the error raised); the
 * multiranges (pgfn_multirange.c) use them. */
bool pgfn_rng_overlaps(uint32_t st, const struct pgtype_range *a, const struct pgtype_range *b);
bool pgfn_rng_adjacent(uint32_t st, const struct pgtype_range *a, const struct pgtype_range *b);
bool pgfn_rng_contains(uint32_t st, const struct pgtype_range *a, const struct pgtype_range *b);
bool pgfn_rng_has(const struct pgtype_range *r, const char *val);
bool pgfn_rng_elem(sqlite3_context *ctx, sqlite3_value *v, uint32_t st, struct arena *a,
		   const char **val);
int pgfn_register_multirange(sqlite3 *db, struct pgfn_conn *c);
/* False with 22008 raised when ts is outside PostgreSQL's timestamp range. */
bool pgfn_dt_check_ts(sqlite3_context *ctx, int64_t ts);
int64_t pgfn_dt_to_local(sqlite3_context *ctx, int64_t utc);
int64_t pgfn_dt_from_local(const struct pgtype_tz *tz, int64_t local);
/* PostgreSQL's casts between the date/time types, in the session's zone; false with 42846
 * raised when there is none (pgfn_datetime.c). */
bool pgfn_dt_convert(sqlite3_context *ctx, struct pgfn_dt *v, uint32_t to);
/* A date as the timestamp of its midnight (infinities kept). */
int64_t pgfn_dt_date_ts(int32_t d);
int pgfn_register_dtpart(sqlite3 *db, struct pgfn_conn *c);

/* to_char / to_timestamp (pgfn_tochar.c). */
void pgfn_to_char_dt(struct strbuf *out, const struct pgfn_dt *v, const char *fmt,
		     const struct pgtype_tz *tz);
struct pgfn_num;
/* exact: the value's decimal digits when it is an integer or numeric (else NULL: d's);
 * float_dig: 6 for a float4, 15 for a float8 (their digits cap the decimals), else 0. */
bool pgfn_to_char_num(struct strbuf *out, double d, const struct pgfn_num *exact, int float_dig,
		      const char *fmt);
int pgfn_register_tochar(sqlite3 *db, struct pgfn_conn *c);
int pgfn_register_dtarith(sqlite3 *db, struct pgfn_conn *c);
/* timestamp[tz]_pl_interval: *ts + iv, months and days on the local time in zone tz when
 * with_tz; false when the result leaves int64 (the caller checks the timestamp range). */
bool pgfn_dt_add_interval(const struct pgtype_tz *tz, bool with_tz, int64_t *ts,
			  struct pgtype_interval iv);
/* generate_series over timestamp and timestamptz (pgfn_srf_dt.c). */
int pgfn_register_srf_dt(sqlite3 *db, struct pgfn_conn *c);
/* ---- regular expressions (pgfn_regex.c), shared with pgfn_regexfn.c ---- */
/* At most this many groups of a match are looked at (regmatch_t arrays this long). */
#define PGFN_REGEX_GROUPS 32
/* PostgreSQL's pattern (ARE escapes rewritten) compiled, freed by pgfn_regex_free; NULL with
 * 2201B's message in why. */
regex_t *pgfn_regex_compile(const char *pat, int cflags, char *why, size_t n);
void pgfn_regex_free(void *re);
/* The compiled pattern of argument slot, cached on ctx; NULL after raising 2201B. */
regex_t *pgfn_regex_compiled(sqlite3_context *ctx, int slot, const char *pat, int cflags);
/* PostgreSQL's flag letters (g only where allow_g): NULL, or the SQLSTATE with why. */
const char *pgfn_regex_flags(const char *f, bool allow_g, int *cflags, bool *global, char why[64]);
/* How many of PostgreSQL's captures a pattern has (at most 9 are reachable). */
size_t pgfn_regex_ncap(const regex_t *re);
/* The match of capture i (0: the whole match); NULL when it took no part or does not exist. */
const regmatch_t *pgfn_regex_capture(const regex_t *re, const regmatch_t *m, size_t i);

/* The order of two non-NULL values as pgfn_ordered_agg sorts them: numbers by value and before
 * everything else, text and blobs by their bytes (pgfn_arrayop.c). */
int pgfn_value_cmp(sqlite3_value *x, sqlite3_value *y);
/* The order of two values of an ORDER BY key inside an aggregate call, flags its direction
 * ('a'/'d', 'j'/'J' for jsonb) and NULLs ('f' first, else last), as pgfn_ordered_agg and user
 * aggregates sort their rows (pgfn_arrayop.c). */
int pgfn_sortkey_cmp(sqlite3_value *x, sqlite3_value *y, const char flags[2]);
/* Whether the first n values of two rows are the same (NULLs the same as each other, as
 * DISTINCT takes them). */
bool pgfn_values_same(sqlite3_value **x, sqlite3_value **y, int n);
/* Orders two jsonb values (texts, or a column's bare number as an SQLite number) in jsonb's
 * btree order, as the collation pgfn_jsonb (pgfn_jsonbcmp.c). */
int pgfn_jsonb_value_cmp(sqlite3_value *x, sqlite3_value *y);
/* Interval order: 30-day months and 24-hour days, as interval_cmp_value (-1, 0, 1). */
int pgfn_dt_interval_cmp(const struct pgtype_interval *x, const struct pgtype_interval *y);
/* interval_mul / interval_div: fractional months and days cascade down, as in PostgreSQL;
 * *overflow (NULL: not asked) tells that the days passed int32 (interval out of range). */
struct pgtype_interval pgfn_dt_interval_scale(struct pgtype_interval iv, double f, bool divide,
					      bool *overflow);
/* ISO 8601 week of a Julian day; *year receives its week-numbering year. */
int pgfn_iso_week(int32_t jd, int *year);

/* ---- the exact decimal engine (pgfn_numeric.c) and its SQL functions (pgfn_numfn.c) ----
 * A value is d[0..n) (most significant first) times 10^-scale; scale is also the display
 * scale PostgreSQL keeps with each numeric value. Operations answer false when a result would
 * need more than PGFN_NUM_DIGITS digits (22003 for the caller). */
#define PGFN_NUM_DIGITS 2048
#define PGFN_NUM_MIN_SIG_DIGITS 16      /* NUMERIC_MIN_SIG_DIGITS */
#define PGFN_NUM_MAX_DISPLAY_SCALE 1000 /* NUMERIC_MAX_DISPLAY_SCALE */
struct pgfn_num {
	bool neg;
	int scale;
	int n;
	uint8_t d[PGFN_NUM_DIGITS];
};
void pgfn_num_zero(struct pgfn_num *x, int scale);
bool pgfn_num_is_zero(const struct pgfn_num *x);
void pgfn_num_from_int(struct pgfn_num *x, int64_t v);
/* numeric_in's text (blanks, sign, point, exponent); false when it is not a number. */
bool pgfn_num_parse(const char *s, size_t len, struct pgfn_num *x);
/* numeric_out: plain digits with exactly x->scale fraction digits. */
void pgfn_num_format(const struct pgfn_num *x, struct strbuf *out);
int pgfn_num_cmp(const struct pgfn_num *a, const struct pgfn_num *b);
/* out may not alias an operand. Sums keep the larger scale, products the sum of scales. */
bool pgfn_num_add(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b);
bool pgfn_num_sub(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b);
bool pgfn_num_mul(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b);
/* PostgreSQL's view of x in base-10000 digits: the weight of its first non-zero group (0 for
 * zero), the group at weight w (0..9999), whether any digit below power p is non-zero. */
int pgfn_num_weight(const struct pgfn_num *x);
int pgfn_num_group(const struct pgfn_num *x, int w);
bool pgfn_num_below(const struct pgfn_num *x, int p);
/* select_div_scale: the scale PostgreSQL gives a / b. */
int pgfn_num_div_scale(const struct pgfn_num *a, const struct pgfn_num *b);
/* a / b (b not zero) rounded half away from zero to rscale digits. */
bool pgfn_num_div(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b,
		  int rscale);
/* div_var(..., 0, false): a / b (b not zero) truncated toward zero, scale 0. */
bool pgfn_num_div_trunc(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b);
/* In place: to scale fraction digits, half away from zero (trunc: toward zero). */
bool pgfn_num_round(struct pgfn_num *x, int scale);
void pgfn_num_trunc(struct pgfn_num *x, int scale);
/* The square root of x (not negative) rounded to rscale digits. */
bool pgfn_num_sqrt(struct pgfn_num *out, const struct pgfn_num *x, int rscale);
/* The fast path (pgfn_numfast.c): a value as m * 10^-s with |m| < 10^18 and s <= 18. */
__extension__ typedef __int128 pgfn_wide;
extern const int64_t pgfn_pow10[19];
/* v (an INTEGER, a REAL of known scale, a plain decimal text) at display scale scale (-1: its
 * own); false when it needs the engine's reading (or is NULL). */
bool pgfn_num_fast_value(sqlite3_value *v, int scale, int64_t *m, int *s);
/* Appends a op b (op one of + - * /) as numeric_out prints it; false (nothing appended) when
 * the engine must do it (b is zero, or the quotient needs more than 128 bits). */
bool pgfn_num_fast_arith(char op, int64_t a, int sa, int64_t b, int sb, struct strbuf *out);
void pgfn_num_from_wide(struct pgfn_num *x, pgfn_wide w, int scale);
/* An argument of the engine's SQL functions at display scale scale (-1: its own). 1: read
 * into x; 2: NaN (x unset); 0: NULL; -1: failed, the error is set on ctx. */
int pgfn_num_arg(sqlite3_context *ctx, sqlite3_value *v, int scale, struct pgfn_num *x);
/* A numeric infinity: 1 Infinity, -1 -Infinity (a REAL infinity, or the text an exact result
 * gives), 0 any other value. pgfn_num_arg refuses them (0A000): a caller that has
 * PostgreSQL's rules for them asks first. */
int pgfn_num_inf(sqlite3_value *v);
void pgfn_num_result(sqlite3_context *ctx, const struct pgfn_num *x);

/* ---- text search (pgfn_tsparse.c, pgfn_tsdict.c, pgfn_tsearch.c) ---- */
/* The default parser's token types (ts_token_type's numbers are pgfn_tsdebug.c's table). */
enum pgfn_ts_tok {
	PGFN_TS_ASCIIWORD = 1,
	PGFN_TS_WORD,
	PGFN_TS_NUMWORD,
	PGFN_TS_ASCIIHWORD,
	PGFN_TS_HOST,
	PGFN_TS_SFLOAT,
	PGFN_TS_VERSION,
	PGFN_TS_HWORD_NUMPART,
	PGFN_TS_HWORD_PART,
	PGFN_TS_HWORD_ASCIIPART,
	PGFN_TS_BLANK,
	PGFN_TS_TAG,
	PGFN_TS_PROTOCOL,
	PGFN_TS_NUMHWORD,
	PGFN_TS_HWORD,
	PGFN_TS_URL,
	PGFN_TS_EMAIL,
	PGFN_TS_UINT,
	PGFN_TS_INT,
	PGFN_TS_FLOAT,
	PGFN_TS_FILE,
	PGFN_TS_URL_PATH,
	PGFN_TS_ENTITY
};
typedef void (*pgfn_ts_token_fn)(void *arg, enum pgfn_ts_tok t, const char *s, size_t n);
/* Splits s[0..n) into tokens in order, calling fn for each (blanks included). */
void pgfn_ts_lex(const char *s, size_t n, pgfn_ts_token_fn fn, void *arg);

/* The text search configurations built in: simple and english. */
enum pgfn_ts_cfg { PGFN_TS_SIMPLE, PGFN_TS_ENGLISH };
/* A configuration by name as regconfig reads it ("english", "pg_catalog.english"): false with
 * 42704 for an unknown name, 0A000 for one PostgreSQL has that is not built here. */
bool pgfn_ts_config(const char *name, enum pgfn_ts_cfg *out, struct pgerr *err) MUST_CHECK;
/* One token through a configuration's dictionaries (lexize): -1 when no dictionary takes its
 * type, 0 for a stop word, 1 with the lexeme in *out, *outn (valid until the next call). */
struct sb_stemmer;
struct pgfn_tslexizer {
	enum pgfn_ts_cfg cfg;
	struct sb_stemmer *stem;
	struct strbuf buf;
};
void pgfn_ts_lexizer_init(struct pgfn_tslexizer *lx, enum pgfn_ts_cfg cfg);
/* The dictionary cfg maps token type t to ("simple", "english_stem"), NULL for none. */
const char *pgfn_ts_dict_name(enum pgfn_ts_cfg cfg, enum pgfn_ts_tok t);
void pgfn_ts_lexizer_fini(struct pgfn_tslexizer *lx);
int pgfn_ts_lexize(struct pgfn_tslexizer *lx, enum pgfn_ts_tok t, const char *s, size_t n,
		   const char **out, size_t *outn);
/* One lexeme parsetext produced: its text (in the arena), position (1-based) and variant. */
struct pgfn_tsword {
	const char *s;
	uint32_t n;
	uint32_t pos;
	uint16_t nvariant;
};
struct pgfn_tsparsed {
	struct pgfn_tsword *w;
	size_t n, cap;
	uint32_t pos; /* the last position given (stop words take one too) */
};
/* parsetext: tokens through the configuration's dictionaries into lexemes; a word longer
 * than 2047 bytes is skipped, as PostgreSQL skips it with a NOTICE. */
void pgfn_ts_parsetext(enum pgfn_ts_cfg cfg, const char *s, size_t n, struct arena *a,
		       struct pgfn_tsparsed *out);
/* pgfn_tsearch.c's readers of arguments (stored canonical text into a; false with ctx failed
 * as PostgreSQL fails), a text[] argument's elements (a NULL one fails with 22004 and the
 * message nulls, or is dropped when nulls is NULL, as ts_delete and setweight drop it), the
 * lexemes an operand matches ([*lo, *hi) of v's sorted array, prefixes included) and the
 * node count of a query. */
bool pgfn_ts_read_vector(sqlite3_context *ctx, sqlite3_value *v, struct arena *a,
			 struct pgtype_tsvector *out);
bool pgfn_ts_read_query(sqlite3_context *ctx, sqlite3_value *v, struct arena *a,
			struct pgtype_tsq **out);
const char **pgfn_ts_array_arg(sqlite3_context *ctx, sqlite3_value *v, struct arena *a, size_t *n,
			       const char *nulls);
void pgfn_ts_find_lexemes(const struct pgtype_tsvector *v, const struct pgtype_tsq *q, size_t *lo,
			  size_t *hi);
int pgfn_ts_count_nodes(const struct pgtype_tsq *q);
/* TS_execute of q over v, phrases checked by position. */
bool pgfn_ts_execute(const struct pgtype_tsvector *v, const struct pgtype_tsq *q);
/* ExecPhraseData: the positions (1..16383) where a phrase part matches, the width of the
 * phrase that ends at each, and negate: the part matches everywhere but there. */
struct pgfn_ts_posset {
	uint64_t bits[(PGTYPE_TS_MAXPOS + 64) / 64];
	int width;
	bool negate;
};
void pgfn_ts_posset_add(struct pgfn_ts_posset *s, int pos);
/* An operand's lookup for pgfn_ts_execute_with: whether the operand is there and, when pos is
 * not NULL, the positions it is at added into pos (zeroed by the caller). */
typedef bool (*pgfn_ts_operand_fn)(void *arg, const struct pgtype_tsq *operand,
				   struct pgfn_ts_posset *pos);
/* TS_execute of q with operands looked up by fn (ts_rank_cd's covers); skip_not
 * (TS_EXEC_SKIP_NOT): a NOT matches whatever is under it. */
bool pgfn_ts_execute_with(const struct pgtype_tsq *q, pgfn_ts_operand_fn fn, void *arg,
			  bool skip_not);
/* pgfn_tsdict.c: registers ts_lexize; pgfn_tsheadline.c: registers ts_headline. */
int pgfn_register_tsdict(sqlite3 *db);
/* pgfn_tsdebug.c: registers ts_token_type and ts_parse (table-valued). */
int pgfn_register_tsdebug(sqlite3 *db);
/* pgfn_tsunnest.c: registers unnest(tsvector)'s pgfn_ts_unnest (table-valued) and
 * pgfn_ts_unnest_rows. */
int pgfn_register_tsunnest(sqlite3 *db);
/* pgfn_tscmp.c: registers the collations pgfn_tsvector and pgfn_tsquery (their btree order). */
int pgfn_register_tscmp(sqlite3 *db);
int pgfn_register_tsheadline(sqlite3 *db);
/* pgfn_tsrank.c: registers ts_rank and ts_rank_cd. */
int pgfn_register_tsrank(sqlite3 *db);
/* pgfn_reccmp.c: registers on db the record collation name spells (PGFN_RECORD_COLLATION_PREFIX
 * ...); false when name is no such collation's. */
bool pgfn_record_collation(sqlite3 *db, const char *name);
/* pgfn_pgcrypto.c: registers pgcrypto's digest, hmac and gen_random_bytes (called by
 * pgfn_register_uuid, with uuid-ossp's: the extensions' functions). */
int pgfn_register_pgcrypto(sqlite3 *db);
/* pgfn_trgm.c: pg_trgm's similarity functions and operators (called by pgfn_register_uuid,
 * with the other extensions' functions). */
int pgfn_register_trgm(sqlite3 *db);
/* pgfn_fuzzy.c: fuzzystrmatch's levenshtein, soundex, difference and metaphone (the same). */
int pgfn_register_fuzzy(sqlite3 *db);
/* pgfn_pgcrypto_crypt.c: crypt and gen_salt; pgfn_pgcrypto_cipher.c: encrypt, decrypt,
 * encrypt_iv, decrypt_iv, armor, dearmor (both called by pgfn_register_pgcrypto). */
int pgfn_register_pgcrypto_crypt(sqlite3 *db);
int pgfn_register_pgcrypto_cipher(sqlite3 *db);
/* A pgcrypto algorithm name as its find_provider reads it: ASCII letters downcased, cut to 63
 * bytes (NAMEDATALEN - 1) at a character boundary; sqlite3_malloc'd, NULL when out of memory. */
char *pgfn_pgcrypto_type_name(sqlite3_value *v);
/* pgfn_pgcrypto_pgp.c: pgp_sym_encrypt(_bytea), pgp_sym_decrypt(_bytea). */
int pgfn_register_pgcrypto_pgp(sqlite3 *db);

/* shardlite_numeric(x, typmod) (pgfn_cast.c), which pgfn_num_fit calls for a number. */
void pgfn_cast_numeric(sqlite3_context *ctx, int argc, sqlite3_value **argv);

#endif
