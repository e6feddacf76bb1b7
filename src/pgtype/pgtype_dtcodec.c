/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_dtcodec.c: date/time values between SQLite storage and the wire. Storage is the ISO
 * text PostgreSQL prints with TimeZone UTC (timestamptz normalized to "+00", so SQLite's text
 * order is time order); values written by older versions in any PostgreSQL input form are
 * read back too; a year outside 1..9999 is stored in the form pgtype_dtstore.c writes. Text
 * output re-renders in the session's zone; binary is PostgreSQL's integer form (int32 days,
 * int64 microseconds since 2000-01-01, interval µs/days/months). */
#include "pgtype_int.h"

#include <stdlib.h>
#include <string.h>

#define TZDISP_LIMIT (16 * 3600) /* PostgreSQL's bound on a timetz's offset, exclusive */

/* A date/time value: which field is set depends on the type. */
struct dtval {
	int64_t ts; /* time, timetz, timestamp, timestamptz */
	int32_t date;
	int32_t east; /* timetz: its offset, seconds east of UTC */
	struct pgtype_interval iv;
};

static int64_t round_prec(int64_t t, int32_t typmod)
{
	static const int64_t scale[] = {1000000, 100000, 10000, 1000, 100, 10};
	if (typmod < 0 || typmod >= 6 || t == PGTYPE_TS_NOBEGIN || t == PGTYPE_TS_NOEND)
		return t;
	int64_t s = scale[typmod];
	return t >= 0 ? (t + s / 2) / s * s : -((-t + s / 2) / s * s);
}

static bool parse_value(uint32_t oid, const char *s, size_t n, const struct pgtype_dtenv *env,
			struct dtval *v, struct pgerr *err)
{
	switch (oid) {
	case PGTYPE_DATE:
		return pgtype_date_in(s, n, env, &v->date, err);
	case PGTYPE_TIME:
		return pgtype_time_in_env(s, n, env, &v->ts, err);
	case PGTYPE_TIMETZ:
		return pgtype_timetz_in(s, n, env, &v->ts, &v->east, err);
	case PGTYPE_TIMESTAMP:
		return pgtype_timestamp_in(s, n, env, &v->ts, err);
	case PGTYPE_TIMESTAMPTZ:
		return pgtype_timestamptz_in(s, n, env, &v->ts, err);
	default:
		return pgtype_interval_in_style(
			s, n, -1, env ? env->interval : PGTYPE_INTERVAL_POSTGRES, &v->iv, err);
	}
}

static void format_value(struct strbuf *out, uint32_t oid, const struct dtval *v,
			 const struct pgtype_tz *tz, const struct pgtype_dtstyle *ds)
{
	switch (oid) {
	case PGTYPE_DATE:
		pgtype_dt_out_styled(out, oid, v->date, tz, ds);
		break;
	case PGTYPE_TIME:
		pgtype_time_out(out, v->ts);
		break;
	case PGTYPE_TIMETZ:
		pgtype_timetz_out(out, v->ts, v->east);
		break;
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ:
		pgtype_dt_out_styled(out, oid, v->ts, tz, ds);
		break;
	default:
		pgtype_interval_out_style(out, &v->iv,
					  ds ? ds->interval : PGTYPE_INTERVAL_POSTGRES);
		break;
	}
}

/* The stored text of v: date, timestamp and timestamptz in their stored form
 * (pgtype_dt_store), the others as PostgreSQL prints them with TimeZone UTC. */
static void store_value(struct strbuf *out, uint32_t oid, const struct dtval *v)
{
	if (oid == PGTYPE_DATE)
		pgtype_dt_store(out, oid, v->date);
	else if (oid == PGTYPE_TIMESTAMP || oid == PGTYPE_TIMESTAMPTZ)
		pgtype_dt_store(out, oid, v->ts);
	else
		format_value(out, oid, v, NULL, NULL);
}

static bool is_dt(uint32_t oid)
{
	return oid == PGTYPE_DATE || oid == PGTYPE_TIME || oid == PGTYPE_TIMETZ ||
	       oid == PGTYPE_TIMESTAMP || oid == PGTYPE_TIMESTAMPTZ || oid == PGTYPE_INTERVAL;
}

/* A stored value: text read as the type (stored timestamptz without an offset is UTC). */
static bool stored(uint32_t oid, int32_t typmod, const struct pgtype_value *v, struct dtval *out)
{
	struct pgerr ignored;
	static const struct pgtype_dtenv utc = {NULL, 0, PGTYPE_ORDER_MDY,
						PGTYPE_INTERVAL_POSTGRES};
	if (v->kind != PGTYPE_V_TEXT || !parse_value(oid, v->p, v->n, &utc, out, &ignored))
		return false;
	if (oid != PGTYPE_DATE && oid != PGTYPE_INTERVAL)
		out->ts = round_prec(out->ts, typmod);
	return true;
}

/* float4/float8 under extra_float_digits 0 and below (its elements, of an array). */
static bool float_cut(uint32_t oid, const struct pgtype_dtstyle *ds)
{
	return (oid == PGTYPE_FLOAT8 || oid == PGTYPE_FLOAT4) && ds && ds->float_cut;
}

/* A float, or the text of one as an array stores its elements; false for anything else,
 * shown as stored. */
static bool put_float_styled(struct strbuf *out, uint32_t oid, const struct pgtype_dtstyle *ds,
			     const struct pgtype_value *v)
{
	double d;
	char buf[64], *end;
	if (v->kind == PGTYPE_V_FLOAT) {
		d = v->f;
	} else if (v->kind == PGTYPE_V_INT) {
		d = (double)v->i;
	} else if (v->kind == PGTYPE_V_TEXT && v->n > 0 && v->n < sizeof(buf)) {
		memcpy(buf, v->p, v->n);
		buf[v->n] = '\0';
		d = strtod(buf, &end);
		if (*end)
			return false;
	} else {
		return false;
	}
	if (oid == PGTYPE_FLOAT4)
		pgtype_format_float4_extra(out, (float)d, pgtype_style_float_digits(ds));
	else
		pgtype_format_float8_extra(out, d, pgtype_style_float_digits(ds));
	return true;
}

void pgtype_encode_text_tz(struct strbuf *out, uint32_t oid, int32_t typmod,
			   const struct pgtype_tz *tz, const struct pgtype_value *v)
{
	pgtype_encode_text_styled(out, oid, typmod, tz, NULL, v);
}

void pgtype_encode_text_styled(struct strbuf *out, uint32_t oid, int32_t typmod,
			       const struct pgtype_tz *tz, const struct pgtype_dtstyle *ds,
			       const struct pgtype_value *v)
{
	struct dtval d;
	uint32_t rs = pgtype_range_subtype(oid); /* date/time bounds: the zone and DateStyle */
	if ((rs == PGTYPE_DATE || rs == PGTYPE_TIMESTAMP || rs == PGTYPE_TIMESTAMPTZ) &&
	    pgtype_range_encode_text(out, oid, tz, ds, v))
		return;
	uint32_t ms = pgtype_range_subtype(pgtype_multirange_range(oid));
	if ((ms == PGTYPE_DATE || ms == PGTYPE_TIMESTAMP || ms == PGTYPE_TIMESTAMPTZ) &&
	    pgtype_multirange_encode_text(out, oid, tz, ds, v))
		return;
	if (float_cut(oid, ds) && put_float_styled(out, oid, ds, v))
		return;
	if (oid == PGTYPE_BYTEA && ds && ds->bytea_escape) {
		pgtype_bytea_out_escape(out, v);
		return;
	}
	const struct pgtype_info *info = is_dt(oid) ? NULL : pgtype_by_oid(oid);
	if (info && info->elem_oid && v->kind == PGTYPE_V_TEXT &&
	    (pgtype_array_styled(info->elem_oid) || float_cut(info->elem_oid, ds) ||
	     (info->elem_oid == PGTYPE_BYTEA && ds && ds->bytea_escape)) &&
	    pgtype_array_restyle(out, info->elem_oid, tz, ds, v->p, v->n))
		return;
	if (!is_dt(oid) || !stored(oid, typmod, v, &d)) {
		pgtype_encode_text_typmod(out, oid, typmod, v);
		return;
	}
	format_value(out, oid, &d, tz, ds);
}

bool pgtype_dt_encode_text(struct strbuf *out, uint32_t oid, int32_t typmod,
			   const struct pgtype_value *v)
{
	struct dtval d;
	if (!is_dt(oid) || !stored(oid, typmod, v, &d))
		return false;
	format_value(out, oid, &d, NULL, NULL);
	return true;
}

bool pgtype_dt_send(struct strbuf *out, uint32_t oid, int32_t typmod, const struct pgtype_value *v,
		    struct pgerr *err)
{
	struct dtval d;
	if (!stored(oid, typmod, v, &d))
		return pgerr_set(err, "22007", "stored value \"%.*s\" is not a valid %s",
				 v->kind == PGTYPE_V_TEXT ? (int)v->n : 0,
				 v->kind == PGTYPE_V_TEXT ? v->p : "",
				 pgtype_by_oid(oid)->sql_name);
	switch (oid) {
	case PGTYPE_DATE:
		strbuf_put_u32(out, (uint32_t)d.date);
		break;
	case PGTYPE_INTERVAL:
		strbuf_put_u64(out, (uint64_t)d.iv.time);
		strbuf_put_u32(out, (uint32_t)d.iv.day);
		strbuf_put_u32(out, (uint32_t)d.iv.month);
		break;
	case PGTYPE_TIMETZ: /* the time, then the zone in seconds west of UTC */
		strbuf_put_u64(out, (uint64_t)d.ts);
		strbuf_put_u32(out, (uint32_t)-d.east);
		break;
	default:
		strbuf_put_u64(out, (uint64_t)d.ts);
		break;
	}
	return true;
}

static uint64_t be(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

static struct pgtype_value text_value(struct arena *a, const struct strbuf *sb)
{
	return (struct pgtype_value){.kind = PGTYPE_V_TEXT,
				     .p = arena_strndup(a, sb->data ? sb->data : "", sb->len),
				     .n = sb->len};
}

bool pgtype_dt_recv(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		    struct pgtype_value *out, struct pgerr *err)
{
	size_t want = oid == PGTYPE_DATE ? 4 : oid == PGTYPE_INTERVAL ? 16 : 8;
	if (oid == PGTYPE_TIMETZ)
		want = 12; /* time and zone */
	if (n != want)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "incorrect binary data format for type %s: expected %zu bytes, "
				 "got %zu",
				 pgtype_by_oid(oid)->sql_name, want, n);
	struct dtval d = {0};
	if (oid == PGTYPE_DATE) {
		d.date = (int32_t)(uint32_t)be(p, 4);
	} else if (oid == PGTYPE_INTERVAL) {
		d.iv = (struct pgtype_interval){(int64_t)be(p, 8), (int32_t)(uint32_t)be(p + 8, 4),
						(int32_t)(uint32_t)be(p + 12, 4)};
	} else if (oid == PGTYPE_TIMETZ) {
		d.ts = (int64_t)be(p, 8);
		d.east = -(int32_t)(uint32_t)be(p + 8, 4);
		if (d.ts < 0 || d.ts > PGTYPE_USECS_PER_DAY)
			return pgerr_set(err, "22008", "time out of range");
		if (d.east <= -TZDISP_LIMIT || d.east >= TZDISP_LIMIT)
			return pgerr_set(err, "22009", "time zone displacement out of range");
	} else {
		d.ts = (int64_t)be(p, 8);
		bool inf = d.ts == PGTYPE_TS_NOBEGIN || d.ts == PGTYPE_TS_NOEND;
		if (oid == PGTYPE_TIME ? d.ts < 0 || d.ts > PGTYPE_USECS_PER_DAY
				       : !inf && (d.ts < PGTYPE_MIN_TS || d.ts >= PGTYPE_END_TS))
			return pgerr_set(err, "22008",
					 oid == PGTYPE_TIME ? "time out of range"
							    : "timestamp out of range");
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	store_value(&sb, oid, &d);
	*out = text_value(a, &sb);
	strbuf_fini(&sb);
	return true;
}

bool pgtype_dt_decode_text(uint32_t oid, const char *s, size_t n, const struct pgtype_dtenv *env,
			   struct arena *a, struct pgtype_value *out, struct pgerr *err)
{
	struct dtval d;
	if (!parse_value(oid, s, n, env, &d, err))
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	store_value(&sb, oid, &d);
	*out = text_value(a, &sb);
	strbuf_fini(&sb);
	return true;
}

bool pgtype_decode_text_env(uint32_t oid, const char *s, size_t n, const struct pgtype_dtenv *env,
			    struct arena *a, struct pgtype_value *out, struct pgerr *err)
{
	if (is_dt(oid))
		return pgtype_dt_decode_text(oid, s, n, env, a, out, err);
	if (pgtype_range_subtype(oid)) /* bounds read in the session's zone and DateStyle */
		return pgtype_range_decode_text(oid, s, n, env, a, out, err);
	if (pgtype_multirange_range(oid))
		return pgtype_multirange_decode_text(oid, s, n, env, a, out, err);
	const struct pgtype_info *info = pgtype_by_oid(oid);
	if (info && info->elem_oid && pgtype_array_styled(info->elem_oid)) /* elements as well */
		return pgtype_array_canon_env(info->elem_oid, s, n, env, a, out, err);
	return pgtype_decode_text(oid, s, n, a, out, err);
}
