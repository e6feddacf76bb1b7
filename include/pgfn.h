/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn: PostgreSQL's built-in functions that SQLite lacks or spells differently, as SQLite
 * application-defined functions registered on every tenant connection. The translator (xlat)
 * emits calls to them; their errors carry the PostgreSQL SQLSTATE inside the SQLite message. */
#ifndef SHARDLITE_PGFN_H
#define SHARDLITE_PGFN_H

#include "base.h"
#include "pgtype.h"

#include <sqlite3.h>

/* A connection's pgfn state: what the functions know of the session using the connection. */
struct pgfn_conn;

/* Registers every pgfn function on db; returns db's pgfn state (freed when db closes), or NULL
 * when SQLite refused a registration (the reason is db's error message). */
struct pgfn_conn *pgfn_register(sqlite3 *db);

/* An error with its SQLSTATE: the SQLite message becomes "pgfn:SSSSS:text", which
 * pgfn_error_split() takes apart again when the statement fails (shard_error). */
void pgfn_error(sqlite3_context *ctx, const char *sqlstate, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

/* As pgfn_error, with PostgreSQL's DETAIL field: the text ends with PGFN_DETAIL_SEP and the
 * detail, which shard_error moves to the error's DETAIL. */
#define PGFN_DETAIL_SEP '\x1e'
void pgfn_error_detail(sqlite3_context *ctx, const char *sqlstate, const char *detail,
		       const char *fmt, ...) PRINTF_LIKE(4, 5);

/* If msg was raised by pgfn_error, copies its SQLSTATE into sqlstate, points *text at its text
 * and returns true; otherwise returns false. */
bool pgfn_error_split(const char *msg, char sqlstate[6], const char **text);

/* A SQLite value as pgtype's value (INTEGER, REAL, BLOB; any other storage class its text
 * and length), for pgtype_encode_text; false for NULL. Points into v. */
bool pgfn_pgtype_value(sqlite3_value *v, struct pgtype_value *out);

/* Appends s as quote_ident() does: bare when PostgreSQL would read it back unchanged (no
 * keyword other than an unreserved one). The catalog quotes names with it. */
void pgfn_quote_ident(struct strbuf *sb, const char *s, size_t n);

/* One function of a table: SQLite name, argument count (-1: any), implementation. The pgfn
 * areas and the catalog module register their tables with the two calls below. */
struct pgfn_def {
	const char *name;
	int nargs;
	void (*fn)(sqlite3_context *, int, sqlite3_value **);
};

/* Registers defs as UTF-8 functions with flags and user data user, shared by all and freed
 * by none. Returns an SQLite result code. */
int pgfn_define_with(sqlite3 *db, const struct pgfn_def *defs, size_t n, int flags, void *user);

/* Registers defs as deterministic, innocuous UTF-8 functions without user data. */
int pgfn_define(sqlite3 *db, const struct pgfn_def *defs, size_t n);

/* The session facts the date/time functions need. A connection may serve several sessions
 * over its life (pooling), so whoever uses it lends its own with pgfn_lend (NULL:
 * none — TimeZone UTC, now() reads the clock); the struct must stay valid until the next
 * call, and its fields may change between statements. Times are microseconds since
 * 2000-01-01 UTC; 0 means "read the clock". */
enum pgfn_call_kind {
	PGFN_CALL_FUNCTION,
	PGFN_CALL_TRIGGER,
	PGFN_CALL_TRIGGER_APPLY,
	PGFN_CALL_TRIGGER_DEPTH,
	PGFN_CALL_TRANSITION, /* shardlite_transition(name): a transition table's rows as JSON */
	PGFN_CALL_SLEEP, /* pg_sleep (pgfn_sleep.c): argv[0] the seconds, > 0; answers void */
	PGFN_CALL_SETSEED, /* setseed (pgfn_random.c): argv[0] the seed in [-1, 1]; void */
	PGFN_CALL_RANDOM,  /* random(): the next double of the session's generator */
	/* shardlite_exclude_skipping(): 1 while the running statement is INSERT ... ON CONFLICT
	 * DO NOTHING without a conflict target (xlat_exclude.c's BEFORE INSERT triggers) */
	PGFN_CALL_EXCLUDE_SKIP,
	/* shardlite_unique_pending(name, rowid): row rowid was written to DEFERRABLE UNIQUE
	 * constraint name's key, which the session checks later (xlat_defkey.c's triggers) */
	PGFN_CALL_UNIQUE_PENDING,
	/* shardlite_returning(k, ?k, ...): RETURNING's last (hidden) column of an INSERT or UPDATE,
	 * evaluated for each row it returns, given the list's parameters; NULL, or a number the
	 * session substitutes the row by when a BEFORE trigger changed the row after SQLite read
	 * it (src/session/sess_trgret.c) */
	PGFN_CALL_RETURNING,
	/* shardlite_upsert(table): true, ON CONFLICT DO UPDATE's first test of a row it updates;
	 * shardlite_excluded(table, column, value): EXCLUDED.column there, as a BEFORE INSERT
	 * trigger changed it (value: SQLite's, as the statement gave it) */
	PGFN_CALL_UPSERT,
	PGFN_CALL_EXCLUDED,
	/* shardlite_current_of(cursor, table): the rowid of the row the session's cursor is on,
	 * UPDATE/DELETE ... WHERE CURRENT OF's (xlat_cursor.c); 34000, 24000, 55000 as
	 * PostgreSQL's */
	PGFN_CALL_CURRENT_OF,
};
struct pgfn_session {
	const struct pgtype_tz *tz;      /* TimeZone (NULL: UTC) */
	int64_t txn_start;               /* now(), current_timestamp: stable within a transaction */
	int64_t stmt_start;              /* statement_timestamp() */
	struct pgtype_dtstyle datestyle; /* DateStyle: ::text output, input field order */
	/* pg_notify(channel, payload) (pgfn_notify.c) hands the notification to the session,
	 * which sends it when the transaction commits; false with err (22023, 54000, 0A000)
	 * when refused. NULL: pg_notify answers 0A000 (no session, e.g. a migration). */
	bool (*notify_fn)(void *arg, const char *channel, const char *payload, struct pgerr *err);
	/* pg_listening_channels(): appends each channel the session listens on (its committed
	 * LISTENs) to sb, NUL-terminated, returning how many. pg_notification_queue_usage(): the
	 * fraction of its queue the fullest listener of the tenant has in use. NULL: no session
	 * (no channels, 0). Both take notify_arg. */
	size_t (*channels_fn)(void *arg, struct strbuf *sb);
	double (*queue_usage_fn)(void *arg);
	void *notify_arg;
	/* shardlite_call(name, sig, args...) (pgfn_call.c), a call of one of the tenant's own
	 * functions, and shardlite_trigger(...) / shardlite_trigger_apply(...), which the SQLite
	 * triggers behind CREATE TRIGGER call (kind says which): runs it and sets ctx's result,
	 * or fails ctx with pgfn_error. NULL: such a call answers 0A000 (no session to run it,
	 * e.g. a migration). Also pg_sleep's wait, which must not hold an event loop and ends
	 * early with 57014 on a cancel or statement_timeout. */
	void (*call_fn)(void *arg, sqlite3_context *ctx, enum pgfn_call_kind kind, int argc,
			sqlite3_value **argv);
	void *call_arg;
};
void pgfn_lend(struct pgfn_conn *c, const struct pgfn_session *s);

/* PostgreSQL's array text form "{a,"b c",NULL}" → elements (unquoted; NULL for a NULL
 * element) in a; *n receives the count. NULL when s is not an array text (22P02 territory). */
const char **pgfn_array_parse(struct arena *a, const char *s, size_t *n);
/* Every element of an array text of any number of dimensions, in row-major order (unnest's
 * order); NULL when s is not an array. */
const char **pgfn_array_flatten(struct arena *a, const char *s, size_t *n);

/* Appends one element as array_out writes it: quoted (with \ escapes) when it is empty, NULL,
 * or holds a brace, comma, quote, backslash or blank; elem NULL writes NULL. */
void pgfn_array_put_elem(struct strbuf *sb, const char *elem);

/* Set-returning functions in FROM, as SQLite table-valued functions (pgfn_srf.c): one engine
 * does the cursor work and each function is a row of its definer's table. A function's
 * table has its ncols value columns, then "ordinality int8", then nargs hidden argument
 * columns a0, a1, ...; the translator renames them as PostgreSQL names them. The declared
 * type of a value column is the type the session reports for it. */
struct pgfn_srf_scan {
	struct arena *a;    /* the scan's memory: freed when the scan restarts or ends */
	void *data;         /* the definer's user data (pgfn_srf_define) */
	size_t pos;         /* the current row, from 0 (ordinality - 1) */
	/* rows form: start fills nrows x ncols texts (NULL: SQL NULL) and the engine walks them */
	const char **cells;
	size_t nrows;
	uint32_t int_cols;  /* bit i: column i's texts are integers, answered as int64 */
	/* generator form: start and next keep their own state and say when it ends */
	int64_t g[4];
	bool eof;
	char *err;          /* set by pgfn_srf_fail */
};

struct pgfn_srf_def {
	const char *name;    /* the SQLite module name */
	const char *columns; /* the value columns' declarations, e.g. "key text, value json" */
	int ncols, nargs;
	/* Starts a scan: args[k] is argument k, NULL when the query gave none. Returns false
	 * after pgfn_srf_fail. */
	bool (*start)(struct pgfn_srf_scan *s, sqlite3_value **args);
	/* The generator form (both NULL: the rows form): next advances s (pos is already the
	 * new row's) and sets eof past the end; column answers value column col. */
	bool (*next)(struct pgfn_srf_scan *s);
	void (*column)(struct pgfn_srf_scan *s, sqlite3_context *ctx, int col);
};

/* Registers defs[0..n) on db, each with user data data (not freed: it must outlive db).
 * defs must be static. Returns an SQLite result code. */
int pgfn_srf_define(sqlite3 *db, const struct pgfn_srf_def *defs, size_t n, void *data);

/* Fails the scan with an error carrying sqlstate (as pgfn_error does; NULL: the bare text,
 * which shard maps by SQLite's result code). Returns false. */
bool pgfn_srf_fail(struct pgfn_srf_scan *s, const char *sqlstate, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

/* generate_series over integers in the generator form (pgfn_srf_fns.c), for definers of
 * other names: args start, stop[, step]; one value column. */
bool pgfn_srf_series_start(struct pgfn_srf_scan *s, sqlite3_value **args);
bool pgfn_srf_series_next(struct pgfn_srf_scan *s);
void pgfn_srf_series_column(struct pgfn_srf_scan *s, sqlite3_context *ctx, int col);

/* Each area registers its own functions (one file per area). */
int pgfn_register_math(sqlite3 *db);
/* sin ... atan2, sind ... atan2d, sinh ... atanh (pgfn_trig.c). */
int pgfn_register_trig(sqlite3 *db);
/* pgfn_rows_pack(v...) and pgfn_rows(blob): a LATERAL subquery's rows, exactly (pgfn_lateral.c). */
int pgfn_register_lateral(sqlite3 *db);
/* The same blob written outside SQL (a set-returning function's rows, which the session
 * computes): pgfn_rows_begin once with the column count (at most 31), then each row's values
 * in order with pgfn_rows_put. sb's sticky failure bit reports running out of memory. */
void pgfn_rows_begin(struct strbuf *sb, int ncols);
void pgfn_rows_put(struct strbuf *sb, sqlite3_value *v);
/* Exact numeric: pgfn_num_add/sub/mul/div(a, b, scale_a, scale_b), pgfn_num_round/trunc(x, n,
 * scale_x), pgfn_num_sum/avg/min/max(x, scale), pgfn_num_var_samp/var_pop/stddev_samp/stddev_pop(x, scale), and the collation
 * pgfn_num ordering decimal texts by value (pgfn_numeric.c, pgfn_numfn.c). */
int pgfn_register_numeric(sqlite3 *db);
int pgfn_register_string(sqlite3 *db); /* pgfn_string.c: padding, splitting, case, chr ... */
int pgfn_register_bytes(sqlite3 *db);  /* pgfn_bytes.c: md5, sha2, encode/decode, bytes */
/* pgfn_format.c: format(), quote_*, pgfn_text_out(x, oid, typmod): x in type oid's text
 * output form (numeric(p,s) with s fraction digits, bool t/f, floats shortest, bytea hex), and
 * pgfn_record_text(v1, ..., vn): a row as record_out prints it. An array of a date/time type
 * shows its elements in the session's zone and DateStyle, which c lends. */
int pgfn_register_format(sqlite3 *db, struct pgfn_conn *c);
int pgfn_register_json(sqlite3 *db);   /* pgfn_jsonfn.c, pgfn_jsonop.c: json and jsonb */
/* pgfn_jsonpath.c, pgfn_jpexec.c: the jsonpath type, jsonb_path_*, @? and @@ */
int pgfn_register_jsonpath(sqlite3 *db);
/* Date/time: casts with validation, arithmetic, now() and friends, date_trunc, extract,
 * age, make_*, to_char, to_timestamp, AT TIME ZONE (pgfn_datetime.c, pgfn_tochar.c). */
int pgfn_register_datetime(sqlite3 *db, struct pgfn_conn *c);
/* sum/avg/min/max over intervals: pgfn_interval_sum(x) ... (pgfn_dtagg.c). */
int pgfn_register_dtagg(sqlite3 *db);
/* pgfn_osagg.c: percentile_cont, percentile_disc, mode WITHIN GROUP (ORDER BY x) */
int pgfn_register_osagg(sqlite3 *db);
/* txid_current, pg_current_xact_id, pg_postmaster_start_time, pg_conf_load_time (pgfn_xact.c). */
int pgfn_register_xact(sqlite3 *db, struct pgfn_conn *c);
/* The configuration was read again (SIGHUP): pg_conf_load_time() answers now from here on. */
void pgfn_conf_loaded(void);
/* pgfn_array.c, pgfn_arrayop.c: arrays, ANY/ALL; pgfn_array_in(x, elem): the array text x as
 * PostgreSQL stores and prints it (pgtype_array_canon), for a value stored into an array column;
 * date/time elements without an offset read in the session's zone (c). */
int pgfn_register_array(sqlite3 *db, struct pgfn_conn *c);
int pgfn_register_arraymd(sqlite3 *db); /* pgfn_arraymd.c: arrays of several dimensions */
int pgfn_register_arrayset(sqlite3 *db); /* pgfn_arrayset.c: a[i] := v, a[l:u] := src */
/* arr[sub[0]]...[sub[nsub-1]] := elem, as PostgreSQL's array_set_element: arr an array's text
 * (NULL: the NULL array), elem an element's text (NULL: NULL); *out the new array's text in
 * a. False with err set: 2202E, 22003 for a subscript past int4, 54000, 22P02. */
bool pgfn_array_assign(struct arena *a, const char *arr, const char *elem, const int64_t *sub,
		       int nsub, const char **out, struct pgerr *err);
/* arr[l1:u1]...[lk:uk] := src, as array_set_slice: spec two letters per subscript, 'v' a
 * bound given (the next of bound), '-' one left out; src's elements read in order (NULL: arr
 * unchanged, a NULL arr then {}). Errors as pgfn_array_assign's. */
bool pgfn_array_assign_slice(struct arena *a, const char *arr, const char *src, const char *spec,
			     const int64_t *bound, const char **out, struct pgerr *err);
int pgfn_register_arrayfn(sqlite3 *db); /* pgfn_arrayfn.c: array_replace/positions/fill */
int pgfn_register_textfn(sqlite3 *db);  /* pgfn_textfn.c: overlay, unistr, bit_count */
int pgfn_register_numscale(sqlite3 *db); /* pgfn_numscale.c: scale, min_scale, trim_scale */
int pgfn_register_numtrans(sqlite3 *db); /* pgfn_numtrans.c: numeric sqrt, exp, ln, log, ^ */
int pgfn_register_regr(sqlite3 *db);     /* pgfn_regr.c: corr, covar_*, regr_* */
int pgfn_register_sysinfo(sqlite3 *db);  /* pgfn_sysinfo.c: pg_size_bytes */
int pgfn_register_limit(sqlite3 *db);    /* pgfn_limit.c: a LIMIT/OFFSET value */
int pgfn_register_tonumber(sqlite3 *db); /* pgfn_tonumber.c: to_number */
/* pgfn_normalize.c: normalize, is_normalized (ICU) */
int pgfn_register_normalize(sqlite3 *db);
/* pgfn_srf_fns.c: generate_series, unnest(a, b, ...), JSON SRFs in FROM */
int pgfn_register_srf(sqlite3 *db);
int pgfn_register_regex(sqlite3 *db);  /* pgfn_regex.c: ~ (pg_regex), regexp_*, SIMILAR TO */
/* pgfn_regexfn.c: regexp_count/instr/substr, regexp_matches' rows */
int pgfn_register_regexfn(sqlite3 *db);
/* pgfn_simsub.c: substring(s SIMILAR pattern ESCAPE e) (pgfn_similar_substring) */
int pgfn_register_simsub(sqlite3 *db);
/* pgfn_hash.c: hashtext, hashtextextended (PostgreSQL's numbers) */
int pgfn_register_hash(sqlite3 *db);
/* pgfn_floatwin.c: sum/avg of double precision (also as window functions) added up as
 * PostgreSQL adds them: NaN-aware, a moving frame added up again */
int pgfn_register_floatwin(sqlite3 *db);
/* Checked conversions into a declared type: shardlite_int2/int4/int8(x),
 * shardlite_numeric(x, typmod), shardlite_varchar/bpchar(x, n) (22003, 22P02, 22001),
 * shardlite_uuid(x) (canonical text), shardlite_bytea(x) (text read as bytea input). */
int pgfn_register_cast(sqlite3 *db);
/* A numeric value stored into a numeric column (pgfn_numstore.c): pgfn_num_store(x, column)
 * refuses (0A000) a decimal text the SQLite number it becomes would not read back as;
 * pgfn_num_fit(x, typmod) is numeric(p,s)'s rounding, of a text in decimal, returned as text. */
int pgfn_register_numstore(sqlite3 *db);
/* Enum types (pgfn_enum.c): pgfn_enum_in(x, type, label1, ..., labelN) returns x when it is
 * one of the labels (22P02 `invalid input value for enum type: "x"` otherwise; type is the
 * name as format_type spells it), pgfn_enum_array_in(x, type, labels...) the same for each
 * element of an array text (NULL elements pass), and the collation named PGFN_ENUM_COLLATION_PREFIX followed
 * by each label in hex (either case), in sort order, joined by '_' ("pgfn_enum_736164_6f6b")
 * orders the labels so: registered on demand (sqlite3_collation_needed) from the name alone. A
 * text that is no label sorts after every label. */
#define PGFN_ENUM_COLLATION_PREFIX "pgfn_enum_"
int pgfn_register_enum(sqlite3 *db);
/* pgfn_domain.c: pgfn_domain_check, a cast to a domain's checks. */
int pgfn_register_domain(sqlite3 *db);
/* pgfn_net.c: inet/cidr/macaddr functions and operators (pgfn_inet_host, pgfn_inet_sub, ...)
 * and the collation pgfn_inet, which orders canonical inet text as PostgreSQL orders inet. */
int pgfn_register_net(sqlite3 *db);
/* bit(n) and bit varying(n): pgfn_bit_* (pgfn_bit.c). */
int pgfn_register_bit(sqlite3 *db);
/* money: pgfn_cash_* and sum(money) as pgfn_cash_sum (pgfn_money.c). */
int pgfn_register_money(sqlite3 *db);
/* pgfn_tsearch.c: tsvector/tsquery functions and operators (to_tsvector, ts_rank, @@ ...). */
int pgfn_register_tsearch(sqlite3 *db);
int pgfn_register_uuid(sqlite3 *db); /* pgfn_uuid.c: uuid-ossp's uuid_generate_v1/v3/v5 */
int pgfn_register_notify(sqlite3 *db, struct pgfn_conn *c); /* pgfn_notify.c: pg_notify */
/* pgfn_call.c: shardlite_call(name, sig, args...), which the translator emits for a call of a
 * function made with CREATE FUNCTION, and shardlite_trigger(name, table, event, ncols, new...,
 * old...) / shardlite_trigger_apply(table, rowid) of CREATE TRIGGER: handed to the lent
 * session's call_fn, as is pg_trigger_depth() (0 without a session). shardlite_raise(sqlstate,
 * message) fails the statement with that error (the translator's DDL scripts check objects
 * with it). */
int pgfn_register_call(sqlite3 *db, struct pgfn_conn *c);
/* pgfn_useragg.c: shardlite_agg(step, init, strict, flags, args..., keys...) and
 * shardlite_agg_end(final, init, state), which the translator emits for a call of a CREATE
 * AGGREGATE aggregate. */
int pgfn_register_useragg(sqlite3 *db);
int pgfn_register_sleep(sqlite3 *db, struct pgfn_conn *c); /* pgfn_sleep.c: pg_sleep* */
int pgfn_register_random(sqlite3 *db, struct pgfn_conn *c); /* pgfn_random.c: random, setseed */

/* PostgreSQL's generator (pg_prng), whose state a session keeps after setseed. */
struct pgfn_prng {
	uint64_t s0, s1;
};
void pgfn_prng_seed(struct pgfn_prng *p, double seed); /* seed in [-1, 1], as pg_prng_fseed */
/* The next double in [0, 1) of p; NULL: one from SQLite's randomness. */
double pgfn_prng_double(struct pgfn_prng *p);
int pgfn_register_datebin(sqlite3 *db, struct pgfn_conn *c); /* pgfn_datebin.c: date_bin */
/* pgfn_range.c: range input, constructors, functions and operators (pgfn_range_*), and the
 * collations pgfn_int4range ... pgfn_tstzrange ordering stored range text as range_cmp. */
int pgfn_register_range(sqlite3 *db, struct pgfn_conn *c);
/* pgfn_record.c: pgfn_record_field(rec, i, oid), field i of a composite value's text, and
 * pgfn_record_null(rec, is_not), its IS [NOT] NULL; pgfn_input(text, oid), an input function */
int pgfn_register_record(sqlite3 *db, struct pgfn_conn *c);
/* pgfn_reccmp.c: the collation named PGFN_RECORD_COLLATION_PREFIX then a letter per field ('n'
 * a number, 't' bytes) orders composite values' text as record_cmp; registered on demand. */
#define PGFN_RECORD_COLLATION_PREFIX "pgfn_record_"
/* ... and PGFN_RECARRAY_COLLATION_PREFIX then the letters orders arrays of such values' text
 * as array_cmp over record_cmp (a recursive query's SEARCH DEPTH FIRST column). */
#define PGFN_RECARRAY_COLLATION_PREFIX "pgfn_recarr_"

#endif
