/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_reccmp.c: the collations that order composite values as PostgreSQL's record_cmp does —
 * field by field, each by its type's ordering, a NULL field after every value and equal to
 * another NULL — over the values' record_out text (pgtype_record.c). A collation's name says
 * how each field compares: PGFN_RECORD_COLLATION_PREFIX, then one letter per field, 'n' a
 * number (exactly, as numeric; -Infinity, the numbers, Infinity, NaN), 't' the text byte by byte
 * (the C collation; also what booleans, ISO times, uuids and bytea's hex need), 'd' a date's and
 * 's' a timestamp's value (a BC or infinite one's text does not order as it).
 * SQLite asks for one when a statement is prepared (pgfn_enum.c's collation_needed). */
#include "pgfn_int.h"

#include <stdlib.h>
#include <string.h>

/* A number's place among the specials: -1 -Infinity, 0 a finite value, 1 Infinity, 2 NaN. */
static int special(const char *s)
{
	if (strcmp(s, "NaN") == 0)
		return 2;
	if (strcmp(s, "Infinity") == 0)
		return 1;
	return strcmp(s, "-Infinity") == 0 ? -1 : 0;
}

static int num_cmp(const char *x, const char *y, struct pgfn_num *v)
{
	int sx = special(x), sy = special(y);
	if (sx || sy)
		return (sx > sy) - (sx < sy);
	bool okx = pgfn_num_parse(x, strlen(x), v), oky = pgfn_num_parse(y, strlen(y), v + 1);
	if (okx && oky)
		return pgfn_num_cmp(v, v + 1);
	if (okx != oky) /* a text no number (written by another SQLite tool) after the numbers */
		return okx ? -1 : 1;
	return strcmp(x, y);
}

/* A date's ('d') or timestamp's ('s') field text read as its value (record_out's text:
 * '0044-03-15 BC', 'infinity'); false for a text that is none. */
static bool dt_value(char kind, const char *s, size_t n, int64_t *out)
{
	struct pgerr err;
	int32_t d;
	if (kind == 's')
		return pgtype_timestamp_in(s, n, NULL, out, &err);
	if (!pgtype_date_in(s, n, NULL, &d, &err))
		return false;
	*out = d;
	return true;
}

static int field_cmp(char kind, const char *x, size_t nx, const char *y, size_t ny,
		     struct pgfn_num *v)
{
	if (!x || !y)
		return !x && !y ? 0 : x ? -1 : 1;
	if (kind == 'n')
		return num_cmp(x, y, v);
	int64_t a, b;
	bool oka = (kind == 'd' || kind == 's') && dt_value(kind, x, nx, &a),
	     okb = oka && dt_value(kind, y, ny, &b);
	if (oka && okb) /* by value: a BC date's text does not order as it */
		return (a > b) - (a < b);
	int r = memcmp(x, y, nx < ny ? nx : ny);
	return r ? r : (nx > ny) - (nx < ny);
}

/* The field letters kinds, NUL-ended. A text that is no record compares as text, after rows. */
static int record_cmp(const char *kinds, int na, const void *a, int nb, const void *b)
{
	size_t n = strlen(kinds);
	struct arena *ar = arena_new(0);
	const char **fx = arena_zalloc(ar, (n + 1) * sizeof(*fx)),
		   **fy = arena_zalloc(ar, (n + 1) * sizeof(*fy));
	size_t *lx = arena_zalloc(ar, (n + 1) * sizeof(*lx)),
	       *ly = arena_zalloc(ar, (n + 1) * sizeof(*ly));
	struct pgerr err;
	pgerr_clear(&err);
	int kx = pgtype_record_fields(a, (size_t)na, ar, fx, lx, n + 1, &err);
	int ky = pgtype_record_fields(b, (size_t)nb, ar, fy, ly, n + 1, &err);
	int r = 0;
	if (kx < 0 || ky < 0) {
		r = (kx < 0) - (ky < 0);
		if (!r) {
			r = memcmp(a, b, (size_t)(na < nb ? na : nb));
			r = r ? r : (na > nb) - (na < nb);
		}
	} else {
		/* a row stored before its type gained an attribute lacks it: a NULL field */
		struct pgfn_num *v = strchr(kinds, 'n') ? base_xmalloc(2 * sizeof(*v)) : NULL;
		for (size_t i = 0; i < n && r == 0; i++)
			r = field_cmp(kinds[i], i < (size_t)kx ? fx[i] : NULL, lx[i],
				      i < (size_t)ky ? fy[i] : NULL, ly[i], v);
		free(v);
	}
	arena_free(ar);
	return r;
}

/* user: the registration's allocation, the field letters after its first byte */
static int collate_record(void *user, int na, const void *a, int nb, const void *b)
{
	return record_cmp((const char *)user + 1, na, a, nb, b);
}

/* Arrays of records (user as collate_record's): element by element, then the
 * shorter first, as array_cmp; a NULL element after the others; a text that is no array
 * compares as text, after arrays. */
static int collate_recarr(void *user, int na, const void *a, int nb, const void *b)
{
	const char *kinds = (const char *)user + 1;
	struct arena *ar = arena_new(0);
	char *sa = arena_strndup(ar, a, (size_t)na), *sb = arena_strndup(ar, b, (size_t)nb);
	size_t nx = 0, ny = 0;
	const char **x = pgfn_array_parse(ar, sa, &nx), **y = pgfn_array_parse(ar, sb, &ny);
	int r = 0;
	if (!x || !y) {
		r = (!x) - (!y);
		if (!r) {
			r = memcmp(a, b, (size_t)(na < nb ? na : nb));
			r = r ? r : (na > nb) - (na < nb);
		}
	}
	for (size_t i = 0; x && y && r == 0 && i < nx && i < ny; i++) {
		if (!x[i] || !y[i])
			r = !x[i] && !y[i] ? 0 : x[i] ? -1 : 1;
		else
			r = record_cmp(kinds, (int)strlen(x[i]), x[i], (int)strlen(y[i]), y[i]);
	}
	if (x && y && r == 0)
		r = (nx > ny) - (nx < ny);
	arena_free(ar);
	return r;
}

bool pgfn_record_collation(sqlite3 *db, const char *name)
{
	static const char prefix[] = PGFN_RECORD_COLLATION_PREFIX;
	static const char aprefix[] = PGFN_RECARRAY_COLLATION_PREFIX;
	bool array = strncasecmp(name, aprefix, sizeof(aprefix) - 1) == 0;
	if (!array && strncasecmp(name, prefix, sizeof(prefix) - 1) != 0)
		return false;
	const char *p = name + (array ? sizeof(aprefix) : sizeof(prefix)) - 1;
	size_t n = strlen(p);
	char *buf = base_xcalloc(1, n + 2), *kinds = buf + 1;
	buf[0] = array ? '[' : '(';
	for (size_t i = 0; i < n; i++) {
		char k = (char)(p[i] | 0x20); /* SQLite's names ignore case */
		if (k != 'n' && k != 't' && k != 'd' && k != 's') {
			free(buf);
			return false;
		}
		kinds[i] = k;
	}
	/* xDestroy is not called when the registration fails */
	if (sqlite3_create_collation_v2(db, name, SQLITE_UTF8, buf,
					array ? collate_recarr : collate_record, free) != SQLITE_OK)
		free(buf);
	return true;
}
