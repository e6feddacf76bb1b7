/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_tz.c: time zones for TimeZone and AT TIME ZONE — IANA zones read from the system's
 * TZif files (/usr/share/zoneinfo), POSIX TZ strings ("UTC+3", "<+02>-02", "EST5EDT,M3.2.0,
 * M11.1.0") and plain hour offsets, as PostgreSQL's check_timezone accepts them. Zones are
 * loaded once and kept for the life of the process (a small, bounded set); lookups are
 * thread-safe. No setenv("TZ")/localtime: those are process-global. */
#include "pgtype_int.h"

#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ZONEINFO "/usr/share/zoneinfo"
/* Names remembered (each maps to a zone; zones with the same canonical name are shared). The
 * bound keeps arbitrary strings from growing memory without end: past it, a name not seen
 * before is "not a zone". */
#define MAX_NAMES 2048

/* One POSIX rule date: Mm.w.d (kind 'M'), Jn (kind 'J', 1-365 without Feb 29) or n ('N',
 * 0-365), at `time` seconds of local time. */
struct rule_date {
	char kind;
	int m, w, d;
	int time;
};

struct posix_rule {
	int std_off, dst_off; /* seconds east of Greenwich */
	char std_abbr[16], dst_abbr[16];
	bool has_dst;
	struct rule_date start, end;
};

struct ttype {
	int32_t off;
	bool dst;
	char abbr[16];
};

struct pgtype_tz {
	char name[128];
	int64_t *trans; /* Unix seconds of each transition */
	uint8_t *idx;   /* type after each transition */
	int ntrans;
	struct ttype *types;
	int ntypes;
	bool has_rule;
	struct posix_rule rule;
	struct pgtype_tz *next;
};

struct alias {
	char *name;
	const struct pgtype_tz *zone;
	struct alias *next;
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct pgtype_tz *zones; /* each loaded zone once, by canonical name */
static struct alias *names;
static int nnames;

static const struct pgtype_tz utc_zone = {
	.name = "UTC",
	.has_rule = true,
	.rule = {.std_abbr = "UTC"},
};

const struct pgtype_tz *pgtype_tz_utc(void) { return &utc_zone; }

const char *pgtype_tz_name(const struct pgtype_tz *tz) { return tz->name; }

/* ---- POSIX TZ strings ---- */

static const char *abbr(const char *p, char *out, size_t cap)
{
	size_t n = 0;
	if (*p == '<') {
		const char *end = strchr(p, '>');
		if (!end)
			return NULL;
		n = (size_t)(end - p - 1);
		snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), p + 1);
		return end + 1;
	}
	while (isalpha((unsigned char)p[n]))
		n++;
	snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), p);
	return p + n;
}

/* One to three digits. */
static bool num(const char **p, int *out)
{
	int n = 0, v = 0;
	while (isdigit((unsigned char)**p) && n < 4) {
		v = v * 10 + (*(*p)++ - '0');
		n++;
	}
	*out = v;
	return n >= 1 && n <= 3;
}

/* [+-]hh[:mm[:ss]] into seconds; POSIX offsets count west, the caller negates. */
static const char *hms(const char *p, int *out, bool sign_ok)
{
	int sign = 1, h = 0, m = 0, s = 0;
	if (sign_ok && (*p == '+' || *p == '-'))
		sign = *p++ == '-' ? -1 : 1;
	if (!isdigit((unsigned char)*p))
		return NULL;
	if (!num(&p, &h) || (*p == ':' && (p++, !num(&p, &m))) ||
	    (*p == ':' && (p++, !num(&p, &s))) || h > 167 || m > 59 || s > 59)
		return NULL;
	*out = sign * (h * 3600 + m * 60 + s);
	return p;
}

static const char *rule_date(const char *p, struct rule_date *d)
{
	d->time = 7200;
	if (*p == 'M') {
		d->kind = 'M';
		p++;
		if (!num(&p, &d->m) || *p++ != '.' || !num(&p, &d->w) || *p++ != '.' ||
		    !num(&p, &d->d) || d->m < 1 || d->m > 12 || d->w < 1 || d->w > 5 || d->d > 6)
			return NULL;
	} else {
		d->kind = *p == 'J' ? 'J' : 'N';
		p += *p == 'J';
		if (!num(&p, &d->d) || d->d > 365 || (d->kind == 'J' && d->d < 1))
			return NULL;
	}
	if (*p == '/')
		p = hms(p + 1, &d->time, true);
	return p;
}

static bool parse_posix(const char *p, struct posix_rule *r)
{
	memset(r, 0, sizeof(*r));
	int off;
	p = abbr(p, r->std_abbr, sizeof(r->std_abbr));
	if (!p || !(p = hms(p, &off, true)))
		return false;
	r->std_off = -off;
	if (!*p)
		return true;
	p = abbr(p, r->dst_abbr, sizeof(r->dst_abbr));
	if (!p || !r->dst_abbr[0])
		return false;
	r->has_dst = true;
	r->dst_off = r->std_off + 3600;
	if (*p && *p != ',') {
		if (!(p = hms(p, &off, true)))
			return false;
		r->dst_off = -off;
	}
	if (*p != ',') /* no rule: PostgreSQL would use posixrules; we do not guess */
		return false;
	if (!(p = rule_date(p + 1, &r->start)) || *p != ',' || !(p = rule_date(p + 1, &r->end)))
		return false;
	return *p == '\0';
}

static bool leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int64_t year_of(int64_t t)
{
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	return yoe + era * 400 + (mp >= 10);
}

/* Local seconds since 1970 of a rule date in year y. */
static int64_t rule_local(const struct rule_date *d, int64_t y)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int64_t day;
	if (d->kind == 'J') {
		day = days_from_civil(y, 1, 1) + d->d - 1 + (leap(y) && d->d >= 60);
	} else if (d->kind == 'N') {
		day = days_from_civil(y, 1, 1) + d->d;
	} else {
		int64_t first = days_from_civil(y, d->m, 1);
		int wday = (int)(((first % 7) + 11) % 7); /* 1970-01-01 was a Thursday (4) */
		int mday = 1 + (d->d - wday + 7) % 7 + (d->w - 1) * 7;
		int len = mdays[d->m - 1] + (d->m == 2 && leap(y));
		while (mday > len)
			mday -= 7;
		day = first + mday - 1;
	}
	return day * 86400 + d->time;
}

static bool rule_is_dst(const struct posix_rule *r, int64_t t)
{
	if (!r->has_dst)
		return false;
	int64_t y = year_of(t + r->std_off);
	int64_t start = rule_local(&r->start, y) - r->std_off;
	int64_t end = rule_local(&r->end, y) - r->dst_off;
	return start < end ? t >= start && t < end : t >= start || t < end;
}

/* ---- TZif files ---- */

static int64_t be(const uint8_t *p, int n)
{
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v = v << 8 | p[i];
	return n == 4 ? (int64_t)(int32_t)v : (int64_t)v;
}

/* Parses a TZif v2+ body (the 64-bit part) and its footer; v1-only files use 32-bit times. */
static bool parse_tzif(struct pgtype_tz *z, const uint8_t *p, size_t n)
{
	if (n < 44 || memcmp(p, "TZif", 4) != 0)
		return false;
	int tsz = 4;
	const uint8_t *h = p;
	for (int pass = 0; pass < 2; pass++) {
		int64_t isut = be(h + 20, 4), isstd = be(h + 24, 4), leapc = be(h + 28, 4);
		int64_t timec = be(h + 32, 4), typec = be(h + 36, 4), charc = be(h + 40, 4);
		size_t body = (size_t)(timec * tsz + timec + typec * 6 + charc + leapc * (tsz + 4) +
				       isstd + isut);
		if (timec < 0 || typec <= 0 || typec > 255 || (size_t)(h - p) + 44 + body > n)
			return false;
		if (pass == 0 && h[4] >= '2') {
			h += 44 + body;
			tsz = 8;
			continue;
		}
		const uint8_t *d = h + 44;
		z->ntrans = (int)timec;
		z->trans = base_xcalloc((size_t)timec + 1, sizeof(int64_t));
		z->idx = base_xcalloc((size_t)timec + 1, 1);
		for (int64_t i = 0; i < timec; i++)
			z->trans[i] = be(d + i * tsz, tsz);
		d += timec * tsz;
		for (int64_t i = 0; i < timec; i++)
			z->idx[i] = d[i] < typec ? d[i] : 0;
		d += timec;
		z->ntypes = (int)typec;
		z->types = base_xcalloc((size_t)typec, sizeof(struct ttype));
		const uint8_t *chars = d + typec * 6;
		for (int64_t i = 0; i < typec; i++) {
			z->types[i].off = (int32_t)be(d + i * 6, 4);
			z->types[i].dst = d[i * 6 + 4];
			int ai = d[i * 6 + 5];
			if (ai < charc)
				snprintf(z->types[i].abbr, sizeof(z->types[i].abbr), "%.*s",
					 (int)strnlen((const char *)chars + ai,
						      (size_t)(charc - ai)),
					 chars + ai);
		}
		const uint8_t *foot = h + 44 + body;
		if (tsz == 8 && foot < p + n && *foot == '\n') {
			const uint8_t *nl = memchr(foot + 1, '\n', (size_t)(p + n - foot - 1));
			char buf[128];
			if (nl && nl - foot - 1 < (long)sizeof(buf)) {
				snprintf(buf, sizeof(buf), "%.*s", (int)(nl - foot - 1), foot + 1);
				z->has_rule = buf[0] && parse_posix(buf, &z->rule);
			}
		}
		return true;
	}
	return false;
}

/* Resolves name below ZONEINFO case-insensitively, component by component, as PostgreSQL
 * accepts "europe/berlin"; path receives the file, canon the canonical spelling. */
static bool resolve(const char *name, char *path, size_t cap, char *canon, size_t ccap)
{
	size_t nl = strlen(name);
	if (!nl || name[0] == '/' || name[nl - 1] == '/' || strstr(name, "..") ||
	    strstr(name, "//") || nl >= 100)
		return false;
	snprintf(path, cap, "%s", ZONEINFO);
	canon[0] = '\0';
	char part[128];
	for (const char *p = name; *p;) {
		size_t len = strcspn(p, "/");
		snprintf(part, sizeof(part), "%.*s", (int)len, p);
		DIR *dir = opendir(path);
		if (!dir)
			return false;
		struct dirent *e;
		bool found = false;
		while ((e = readdir(dir)) != NULL) {
			size_t dl = strlen(e->d_name);
			if (e->d_name[0] != '.' && dl < sizeof(part) &&
			    strcasecmp(e->d_name, part) == 0) {
				found = true;
				memcpy(part, e->d_name, dl + 1);
				break;
			}
		}
		closedir(dir);
		if (!found)
			return false;
		size_t pl = strlen(path), cl = strlen(canon);
		int w1 = snprintf(path + pl, cap - pl, "/%s", part);
		int w2 = snprintf(canon + cl, ccap - cl, "%s%s", cl ? "/" : "", part);
		if (w1 < 0 || (size_t)w1 >= cap - pl || w2 < 0 || (size_t)w2 >= ccap - cl)
			return false;
		p += len + (p[len] == '/');
	}
	return true;
}

static struct pgtype_tz *load_file(const char *name)
{
	char path[512], canon[128];
	if (!resolve(name, path, sizeof(path), canon, sizeof(canon)))
		return NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	uint8_t *buf = base_xmalloc(1 << 17);
	size_t n = fread(buf, 1, 1 << 17, f);
	fclose(f);
	struct pgtype_tz *z = base_xcalloc(1, sizeof(*z));
	snprintf(z->name, sizeof(z->name), "%s", canon);
	if (!parse_tzif(z, buf, n)) {
		free(z->trans);
		free(z->idx);
		free(z->types);
		free(z);
		z = NULL;
	}
	free(buf);
	return z;
}

/* A plain number of hours, SQL sign convention (east positive), as check_timezone takes it. */
static struct pgtype_tz *load_hours(const char *name)
{
	char *end;
	double h = strtod(name, &end);
	if (end == name || *end || !(h > -168 && h < 168))
		return NULL;
	int secs = (int)(h * 3600);
	struct pgtype_tz *z = base_xcalloc(1, sizeof(*z));
	int a = secs < 0 ? -secs : secs;
	char off[32];
	snprintf(off, sizeof(off), "%c%02d", secs < 0 ? '-' : '+', a / 3600);
	if (a % 3600)
		snprintf(off + 3, sizeof(off) - 3, ":%02d", a % 3600 / 60);
	snprintf(z->name, sizeof(z->name), "<%s>%c%s", off, secs < 0 ? '+' : '-', off + 1);
	z->has_rule = true;
	z->rule.std_off = secs;
	if (snprintf(z->rule.std_abbr, sizeof(z->rule.std_abbr), "%s", off) < 0)
		z->rule.std_abbr[0] = '\0';
	return z;
}

static struct pgtype_tz *load(const char *name)
{
	struct pgtype_tz *z = load_hours(name);
	if (z || strcasecmp(name, "GMT") == 0)
		return z ? z : load_file("GMT");
	if ((z = load_file(name)) != NULL)
		return z;
	struct posix_rule r;
	if (!parse_posix(name, &r))
		return NULL;
	z = base_xcalloc(1, sizeof(*z));
	snprintf(z->name, sizeof(z->name), "%s", name);
	z->has_rule = true;
	z->rule = r;
	return z;
}

static void zone_free(struct pgtype_tz *z)
{
	free(z->trans);
	free(z->idx);
	free(z->types);
	free(z);
}

static const struct pgtype_tz *find_name(const char *name)
{
	for (struct alias *a = names; a; a = a->next) {
		if (strcasecmp(a->name, name) == 0)
			return a->zone;
	}
	return NULL;
}

/* Remembers name → z (under the lock); z is shared with a zone already loaded under the same
 * canonical name. NULL (and z freed) past MAX_NAMES. */
static const struct pgtype_tz *remember(const char *name, struct pgtype_tz *z)
{
	const struct pgtype_tz *known = find_name(name);
	if (known || nnames >= MAX_NAMES) {
		zone_free(z);
		return known;
	}
	const struct pgtype_tz *use = z;
	for (struct pgtype_tz *e = zones; e; e = e->next) {
		if (strcmp(e->name, z->name) == 0) {
			zone_free(z);
			use = e;
			break;
		}
	}
	if (use == z) {
		z->next = zones;
		zones = z;
	}
	struct alias *a = base_xcalloc(1, sizeof(*a));
	a->name = base_xstrdup(name);
	a->zone = use;
	a->next = names;
	names = a;
	nnames++;
	return use;
}

const struct pgtype_tz *pgtype_tz_lookup(const char *name)
{
	if (strcasecmp(name, "UTC") == 0)
		return &utc_zone;
	pthread_mutex_lock(&cache_lock);
	const struct pgtype_tz *known = find_name(name);
	pthread_mutex_unlock(&cache_lock);
	if (known)
		return known;
	struct pgtype_tz *z = load(name); /* file I/O outside the lock */
	if (!z)
		return NULL;
	pthread_mutex_lock(&cache_lock);
	known = remember(name, z);
	pthread_mutex_unlock(&cache_lock);
	return known;
}

/* The type in effect at Unix time t (dst: whether it is daylight-saving time). */
static void at_utc_dst(const struct pgtype_tz *z, int64_t t, int *off, const char **ab, bool *dst)
{
	if (z->ntrans && t >= z->trans[0] && (t < z->trans[z->ntrans - 1] || !z->has_rule)) {
		int lo = 0, hi = z->ntrans - 1;
		while (lo < hi) {
			int mid = (lo + hi + 1) / 2;
			if (z->trans[mid] <= t)
				lo = mid;
			else
				hi = mid - 1;
		}
		*off = z->types[z->idx[lo]].off;
		*ab = z->types[z->idx[lo]].abbr;
		*dst = z->types[z->idx[lo]].dst;
		return;
	}
	if (z->has_rule && (!z->ntrans || t >= z->trans[0])) {
		*dst = rule_is_dst(&z->rule, t);
		*off = *dst ? z->rule.dst_off : z->rule.std_off;
		*ab = *dst ? z->rule.dst_abbr : z->rule.std_abbr;
		return;
	}
	int first = 0; /* before the first transition: the first standard-time type */
	while (first < z->ntypes - 1 && z->types[first].dst)
		first++;
	*off = z->ntypes ? z->types[first].off : 0;
	*ab = z->ntypes ? z->types[first].abbr : "UTC";
	*dst = z->ntypes ? z->types[first].dst : false;
}

bool pgtype_tz_fixed(const struct pgtype_tz *tz, int *east)
{
	int off = tz->has_rule ? tz->rule.std_off : tz->ntypes ? tz->types[0].off : 0;
	if (tz->has_rule && tz->rule.has_dst)
		return false;
	for (int i = 0; i < tz->ntypes; i++) {
		if (tz->types[i].off != off)
			return false;
	}
	*east = off;
	return true;
}

static void at_utc(const struct pgtype_tz *z, int64_t t, int *off, const char **ab)
{
	bool dst;
	at_utc_dst(z, t, off, ab, &dst);
}

#define UNIX_EPOCH_US INT64_C(946684800000000) /* 1970-01-01 → 2000-01-01 */

/* Seconds since 1970, rounded down; in seconds first, so no timestamp (up to PostgreSQL's
 * infinities, INT64_MIN and INT64_MAX) overflows. */
static int64_t to_unix(int64_t us)
{
	int64_t s = us / 1000000 - (us % 1000000 < 0);
	return s + UNIX_EPOCH_US / 1000000;
}

int pgtype_tz_offset(const struct pgtype_tz *tz, int64_t utc_us)
{
	int off;
	const char *ab;
	at_utc(tz, to_unix(utc_us), &off, &ab);
	return off;
}

bool pgtype_tz_is_dst(const struct pgtype_tz *tz, int64_t utc_us)
{
	int off;
	const char *ab;
	bool dst;
	at_utc_dst(tz, to_unix(utc_us), &off, &ab, &dst);
	return dst;
}

const char *pgtype_tz_abbrev(const struct pgtype_tz *tz, int64_t utc_us)
{
	int off;
	const char *ab;
	at_utc(tz, to_unix(utc_us), &off, &ab);
	return ab;
}

/* PostgreSQL's DetermineTimeZoneOffset: a local time in a spring-forward gap is read with
 * the offset before the transition, one in a fall-back overlap with the offset after it. */
int pgtype_tz_local_offset(const struct pgtype_tz *tz, int64_t local_us)
{
	int64_t local = to_unix(local_us);
	int before, after;
	const char *ab;
	at_utc(tz, local - 86400, &before, &ab);
	at_utc(tz, local + 86400, &after, &ab);
	int b2, a2;
	at_utc(tz, local - before, &b2, &ab);
	if (before == after)
		return b2;
	at_utc(tz, local - after, &a2, &ab);
	if (b2 == before && a2 == before)
		return before;
	if (b2 == after && a2 == after)
		return after;
	return local - before > local - after ? before : after;
}
