/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_decl.c: declared column type → (OID, typmod), as PostgreSQL's parser and
 * format_type() spell types, their common aliases, and SQLite's own affinity names.
 * Typmods are computed the way PostgreSQL stores them in pg_attribute.atttypmod. */
#include "pgtype_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DECL_MAX 128
#define VARHDRSZ 4
#define MAX_TIME_PRECISION 6
#define INTERVAL_FULL_RANGE 0x7FFF
#define INTERVAL_FULL_PRECISION 0xFFFF

/* How a type reads its parenthesised modifiers. */
enum modkind {
	MOD_NONE,       /* takes none; any given are ignored */
	MOD_VARCHAR,    /* (n) → n+4, none → -1 */
	MOD_BPCHAR,     /* char/character: (n) → n+4, none → character(1) */
	MOD_BPCHAR_RAW, /* bpchar: (n) → n+4, none → -1 (unbounded) */
	MOD_NUMERIC,    /* (p[,s]) → ((p<<16)|s)+4 */
	MOD_PRECISION,  /* time/timestamp (p) → p, at most 6 */
	MOD_BIT,        /* bit (n) → n, none → bit(1) */
	MOD_VARBIT,     /* varbit (n) → n, none → -1 */
	MOD_FLOAT,      /* float(p): 1..24 real, 25..53 double precision */
	MOD_INTERVAL,   /* interval [fields] [(p)] */
};

struct alias {
	const char *name;
	uint32_t oid;
	enum modkind mod;
};

/* Spellings the type table's typname/format_type columns do not already cover, plus the
 * modifier rules of the types that take them. */
static const struct alias aliases[] = {
	{"int", PGTYPE_INT4, MOD_NONE},
	{"serial", PGTYPE_INT4, MOD_NONE},
	{"serial4", PGTYPE_INT4, MOD_NONE},
	{"smallserial", PGTYPE_INT2, MOD_NONE},
	{"serial2", PGTYPE_INT2, MOD_NONE},
	{"bigserial", PGTYPE_INT8, MOD_NONE},
	{"serial8", PGTYPE_INT8, MOD_NONE},
	{"float", PGTYPE_FLOAT8, MOD_FLOAT},
	{"double", PGTYPE_FLOAT8, MOD_NONE},
	{"varchar", PGTYPE_VARCHAR, MOD_VARCHAR},
	{"character varying", PGTYPE_VARCHAR, MOD_VARCHAR},
	{"char varying", PGTYPE_VARCHAR, MOD_VARCHAR},
	{"national character varying", PGTYPE_VARCHAR, MOD_VARCHAR},
	{"national char varying", PGTYPE_VARCHAR, MOD_VARCHAR},
	{"char", PGTYPE_BPCHAR, MOD_BPCHAR},
	{"character", PGTYPE_BPCHAR, MOD_BPCHAR},
	{"national character", PGTYPE_BPCHAR, MOD_BPCHAR},
	{"national char", PGTYPE_BPCHAR, MOD_BPCHAR},
	{"nchar", PGTYPE_BPCHAR, MOD_BPCHAR},
	{"bpchar", PGTYPE_BPCHAR, MOD_BPCHAR_RAW},
	{"\"char\"", PGTYPE_CHAR, MOD_NONE},
	/* SQLite drops the quotes of a declared "char": the catalog declares it as pg_char */
	{"pg_char", PGTYPE_CHAR, MOD_NONE},
	{"numeric", PGTYPE_NUMERIC, MOD_NUMERIC},
	{"decimal", PGTYPE_NUMERIC, MOD_NUMERIC},
	{"dec", PGTYPE_NUMERIC, MOD_NUMERIC},
	{"timestamp", PGTYPE_TIMESTAMP, MOD_PRECISION},
	{"timestamp without time zone", PGTYPE_TIMESTAMP, MOD_PRECISION},
	{"timestamptz", PGTYPE_TIMESTAMPTZ, MOD_PRECISION},
	{"timestamp with time zone", PGTYPE_TIMESTAMPTZ, MOD_PRECISION},
	{"time", PGTYPE_TIME, MOD_PRECISION},
	{"time without time zone", PGTYPE_TIME, MOD_PRECISION},
	{"timetz", PGTYPE_TIMETZ, MOD_PRECISION},
	{"time with time zone", PGTYPE_TIMETZ, MOD_PRECISION},
	{"interval", PGTYPE_INTERVAL, MOD_INTERVAL},
	{"bit", PGTYPE_BIT, MOD_BIT},
	{"bit varying", PGTYPE_VARBIT, MOD_VARBIT},
	{"varbit", PGTYPE_VARBIT, MOD_VARBIT},
	/* how CREATE TABLE declares them: "text" gives the column SQLite's TEXT affinity, which
	 * keeps a value's leading zeros ('011' would become the integer 11) */
	{"bit text", PGTYPE_BIT, MOD_BIT},
	{"bit varying text", PGTYPE_VARBIT, MOD_VARBIT},
	/* how CREATE TABLE declares money: "int8" gives the column SQLite's INTEGER affinity, so
	 * other SQLite tools see the amount in cents as a number */
	{"money int8", PGTYPE_MONEY, MOD_NONE},
	{"blob", PGTYPE_BYTEA, MOD_NONE}, /* SQLite's name for bytes */
};

/* interval's field words and the masks of PostgreSQL's INTERVAL_MASK (datetime.h). */
static const struct {
	const char *words;
	int mask;
} interval_fields[] = {
	{"year", 1 << 2},
	{"month", 1 << 1},
	{"day", 1 << 3},
	{"hour", 1 << 10},
	{"minute", 1 << 11},
	{"second", 1 << 12},
	{"year to month", (1 << 2) | (1 << 1)},
	{"day to hour", (1 << 3) | (1 << 10)},
	{"day to minute", (1 << 3) | (1 << 10) | (1 << 11)},
	{"day to second", (1 << 3) | (1 << 10) | (1 << 11) | (1 << 12)},
	{"hour to minute", (1 << 10) | (1 << 11)},
	{"hour to second", (1 << 10) | (1 << 11) | (1 << 12)},
	{"minute to second", (1 << 11) | (1 << 12)},
};

/* A declaration taken apart: the bare name, its modifiers and its array dimensions. */
struct decl {
	char name[DECL_MAX];
	int nmods; /* -1 when the modifiers were not a list of integers */
	int32_t mods[2];
	int ndims;
};

/* Lower-cases s into d->name, collapsing blank runs and dropping blanks next to brackets
 * and commas, so "Character  Varying ( 20 )" becomes "character varying(20)". */
static bool squeeze(const char *s, struct decl *d)
{
	size_t len = 0;
	bool blank = false;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isspace(c)) {
			blank = len > 0;
			continue;
		}
		bool punct = strchr("()[],", c) != NULL;
		bool prev_punct = len > 0 && strchr("([,", d->name[len - 1]) != NULL;
		if (blank && !punct && !prev_punct)
			d->name[len++] = ' ';
		blank = false;
		if (len + 1 >= DECL_MAX)
			return false;
		d->name[len++] = (char)tolower(c);
	}
	d->name[len] = '\0';
	return len > 0;
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Strips "[]", "[4]" and " array" suffixes, counting dimensions. */
static void strip_array(struct decl *d)
{
	size_t len = strlen(d->name);
	for (;;) {
		if (len > 0 && d->name[len - 1] == ']') {
			char *open = memrchr(d->name, '[', len);
			if (!open)
				return;
			len = (size_t)(open - d->name);
		} else if (ends_with(d->name, len, " array")) {
			len -= strlen(" array");
		} else {
			break;
		}
		d->ndims++;
		while (len > 0 && d->name[len - 1] == ' ')
			len--;
		d->name[len] = '\0';
	}
}

static int parse_mods(const char *p, const char *end, int32_t mods[2])
{
	int n = 0;
	while (p < end) {
		char *stop;
		long v = strtol(p, &stop, 10);
		if (stop == p || n == 2 || v < -100000000 || v > 100000000)
			return -1;
		mods[n++] = (int32_t)v;
		p = stop;
		if (p < end && *p != ',')
			return -1;
		if (p < end)
			p++;
	}
	return n;
}

/* Takes the first "(...)" out of the name, wherever it sits ("timestamp(3) with time
 * zone", "interval day to second(2)"), and parses it as a list of integers. */
static void strip_mods(struct decl *d)
{
	char *open = strchr(d->name, '(');
	char *close = open ? strchr(open, ')') : NULL;
	if (!close)
		return;
	d->nmods = parse_mods(open + 1, close, d->mods);
	char rest[DECL_MAX];
	snprintf(rest, sizeof(rest), "%s", close + 1);
	while (open > d->name && open[-1] == ' ')
		open--;
	*open = '\0';
	if (rest[0] && d->name[0])
		strcat(d->name, rest[0] == ' ' ? "" : " ");
	strcat(d->name, rest);
}

static void strip_qualifier(struct decl *d)
{
	static const char prefix[] = "pg_catalog.";
	if (strncmp(d->name, prefix, strlen(prefix)) == 0)
		memmove(d->name, d->name + strlen(prefix), strlen(d->name) - strlen(prefix) + 1);
	size_t len = strlen(d->name);
	/* A quoted identifier is the bare name, except "char", which is a different type. */
	if (len > 2 && d->name[0] == '"' && d->name[len - 1] == '"' &&
	    strcmp(d->name, "\"char\"") != 0) {
		memmove(d->name, d->name + 1, len - 2);
		d->name[len - 2] = '\0';
	}
}

static int32_t one_mod(const struct decl *d, int32_t lo, int32_t hi, int32_t none)
{
	if (d->nmods == 0)
		return none;
	if (d->nmods != 1 || d->mods[0] < lo || d->mods[0] > hi)
		return -1;
	return d->mods[0];
}

static int32_t numeric_typmod(const struct decl *d)
{
	if (d->nmods < 1 || d->mods[0] < 1 || d->mods[0] > 1000)
		return -1;
	int32_t scale = d->nmods == 2 ? d->mods[1] : 0;
	if (scale < -1000 || scale > 1000)
		return -1;
	return ((d->mods[0] << 16) | (scale & 0x7ff)) + VARHDRSZ;
}

/* interval [fields] [(p)]: typmod = (range mask << 16) | precision. */
static bool interval_typmod(const char *fields, const struct decl *d, int32_t *typmod)
{
	int32_t range = INTERVAL_FULL_RANGE;
	if (*fields) {
		char words[DECL_MAX]; /* SQLite's column type says day "to" second: TO is its keyword */
		size_t i, n = 0;
		for (; *fields && n + 1 < sizeof(words); fields++)
			if (*fields != '"')
				words[n++] = *fields;
		words[n] = '\0';
		for (i = 0; i < ARRAY_LEN(interval_fields); i++)
			if (strcmp(words, interval_fields[i].words) == 0)
				break;
		if (i == ARRAY_LEN(interval_fields))
			return false;
		range = interval_fields[i].mask;
	}
	if (d->nmods == 0) {
		*typmod = range == INTERVAL_FULL_RANGE ? -1
						       : (range << 16) | INTERVAL_FULL_PRECISION;
		return true;
	}
	int32_t p = one_mod(d, 0, INT32_MAX, 0);
	if (p < 0) {
		*typmod = -1;
		return true;
	}
	*typmod = (range << 16) | (p > MAX_TIME_PRECISION ? MAX_TIME_PRECISION : p);
	return true;
}

static int32_t apply_mods(const struct alias *a, const struct decl *d, uint32_t *oid)
{
	int32_t n;
	switch (a->mod) {
	case MOD_NONE:
		return -1;
	case MOD_VARCHAR:
	case MOD_BPCHAR_RAW:
		n = one_mod(d, 1, 10485760, -1);
		return n < 0 ? -1 : n + VARHDRSZ;
	case MOD_BPCHAR:
		n = one_mod(d, 1, 10485760, 1);
		return n < 0 ? -1 : n + VARHDRSZ;
	case MOD_NUMERIC:
		return numeric_typmod(d);
	case MOD_PRECISION:
		n = one_mod(d, 0, INT32_MAX, -1);
		return n > MAX_TIME_PRECISION ? MAX_TIME_PRECISION : n;
	case MOD_BIT:
		return one_mod(d, 1, 83886080, 1);
	case MOD_VARBIT:
		return one_mod(d, 1, 83886080, -1);
	case MOD_FLOAT:
		n = one_mod(d, 1, 53, 53);
		*oid = n >= 1 && n <= 24 ? PGTYPE_FLOAT4 : PGTYPE_FLOAT8;
		return -1;
	case MOD_INTERVAL:
		break;
	}
	int32_t typmod = -1;
	(void)interval_typmod("", d, &typmod);
	return typmod;
}

/* The base type of a bare name: aliases first, then every typname and format_type()
 * spelling in the table ("integer", "int4", "inet", "_int4", "double precision"). */
static uint32_t lookup(const struct decl *d, int32_t *typmod)
{
	*typmod = -1;
	for (size_t i = 0; i < ARRAY_LEN(aliases); i++) {
		if (strcmp(d->name, aliases[i].name) == 0) {
			uint32_t oid = aliases[i].oid;
			*typmod = apply_mods(&aliases[i], d, &oid);
			return oid;
		}
	}
	if (strncmp(d->name, "interval ", 9) == 0)
		return interval_typmod(d->name + 9, d, typmod) ? PGTYPE_INTERVAL : 0;
	size_t n;
	const struct pgtype_info *all = pgtype_all(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(d->name, all[i].name) == 0 || strcmp(d->name, all[i].sql_name) == 0)
			return all[i].oid;
	all = pgtype_extension_types(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(d->name, all[i].name) == 0)
			return all[i].oid;
	return 0;
}

/* SQLite's affinity names, as SQLite tools write them (upper case), mean SQLite's storage:
 * INTEGER is a 64-bit integer and REAL an 8-byte float. PostgreSQL's own lower-case spellings
 * "integer" and "real" (what format_type() writes) keep PostgreSQL's meaning. */
static uint32_t sqlite_affinity(const char *s, size_t n)
{
	if (n == 7 && memcmp(s, "INTEGER", 7) == 0)
		return PGTYPE_INT8;
	if (n == 4 && memcmp(s, "REAL", 4) == 0)
		return PGTYPE_FLOAT8;
	return 0;
}

uint32_t pgtype_from_decl(const char *decl, int32_t *typmod)
{
	*typmod = -1;
	if (!decl)
		return PGTYPE_TEXT;
	while (isspace((unsigned char)*decl))
		decl++;
	size_t n = strlen(decl);
	while (n > 0 && isspace((unsigned char)decl[n - 1]))
		n--;
	uint32_t oid = sqlite_affinity(decl, n);
	if (oid)
		return oid;
	struct decl d = {.nmods = 0};
	if (!squeeze(decl, &d))
		return PGTYPE_TEXT;
	strip_array(&d);
	strip_mods(&d);
	strip_qualifier(&d);
	int32_t mod = -1;
	oid = lookup(&d, &mod);
	if (oid == 0)
		return PGTYPE_TEXT;
	if (d.ndims > 0) {
		const struct pgtype_info *t = pgtype_by_oid(oid);
		if (!t || t->array_oid == 0)
			return PGTYPE_TEXT;
		oid = t->array_oid; /* PostgreSQL keeps the element's typmod on array columns */
	}
	*typmod = mod;
	return oid;
}

bool pgtype_decl_text_affinity(const char *decl)
{
	if (!decl)
		return false;
	bool text = false;
	for (const char *p = decl; *p; p++) {
		if (strncasecmp(p, "INT", 3) == 0)
			return false;
		text |= strncasecmp(p, "CHAR", 4) == 0 || strncasecmp(p, "CLOB", 4) == 0 ||
			strncasecmp(p, "TEXT", 4) == 0;
	}
	return text;
}
