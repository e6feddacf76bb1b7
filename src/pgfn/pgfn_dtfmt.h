/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_dtfmt.h: the date/time template patterns of PostgreSQL's formatting.c, shared by to_char
 * (pgfn_tochar.c, which owns the pattern table) and by to_timestamp/to_date and jsonpath's
 * .datetime(template) (pgfn_todate.c, which reads text by a template). Private to pgfn. */
#ifndef PGFN_DTFMT_H
#define PGFN_DTFMT_H

#include "pgfn_int.h"

/* Patterns, longest first where one is a prefix of another (pgfn_tochar.c's table). */
enum pgfn_dtpat {
	P_NONE,
	P_HH24,
	P_HH12,
	P_HH,
	P_MI,
	P_SSSS,
	P_SS,
	P_MS,
	P_US,
	P_AM,
	P_PM,
	P_AMD,
	P_PMD,
	P_YYYY,
	P_YYY,
	P_YY,
	P_Y,
	P_MONTH,
	P_MON,
	P_MM,
	P_DAY,
	P_DY,
	P_DDD,
	P_DD,
	P_D,
	P_IW,
	P_WW,
	P_Q,
	P_J,
	P_CC,
	P_TZ,
	P_OF,
	P_SSSSS,
	P_YCOMMA,
	P_IYYY,
	P_IYY,
	P_IY,
	P_I,
	P_IDDD,
	P_ID,
	P_W,
	P_TZH,
	P_TZM,
	P_RM,
	P_AD,
	P_BC,
	P_ADD,
	P_BCD,
	P_FF,
	P_FX
};

/* The pattern at fmt (case-insensitive), P_NONE when none; *len receives its length. */
enum pgfn_dtpat pgfn_dtfmt_match(const char *fmt, size_t *len);

extern const char *const pgfn_month_names[12];
extern const char *const pgfn_day_names[7];
extern const char *const pgfn_roman_months[12];

/* What a template read from a string: a date (year astronomical, 1 BC = 0), a time of day with
 * microseconds, and an offset when the template had TZH/TZM. */
struct pgfn_dtread {
	struct pgtype_tm tm;
	bool has_tz;
	int tz_east; /* seconds east of UTC */
	int ff;      /* FFn's n, 0 when none (the fraction digits jsonpath keeps) */
	/* which kinds of fields the template had (jsonpath's .datetime(template) types its
	 * result by them) */
	bool has_date, has_time;
};

/* Reads s by template fmt as to_timestamp/to_date do (formatting.c's DCH_from_char and
 * do_to_timestamp): true with *out, else false with err (22007 a value that does not fit its
 * field, 22008 a date or time out of range, 0A000 a field only to_char has). std: jsonpath's
 * strict mode — separators and other characters must be the template's, the template and the
 * input must both be used up (22007). */
bool pgfn_dt_from_template(const char *s, const char *fmt, bool std, struct pgfn_dtread *out,
			   struct pgerr *err) MUST_CHECK;

/* pg_to_timestamp(text, fmt, oid): to_timestamp (1184) or to_date (1082). */
void pgfn_to_timestamp(sqlite3_context *ctx, int argc, sqlite3_value **argv);

#endif
