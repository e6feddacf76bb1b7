/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_record.c: one field of a composite value, pgfn_record_field(rec, i, oid): field i (from
 * 0) of rec, a row in record_out's text (pgtype_record.c), read by type oid's input function
 * into the value a column of that type stores — as a text-format parameter of that type is
 * bound — so (r).f and (r).* give what the field's own column would. NULL for a NULL row or
 * field. A field past the row's end is NULL too: PostgreSQL's composite value has every field,
 * and a row stored before its type gained an attribute lacks that one. pgfn_record_null(rec,
 * is_not) is its IS [NOT] NULL; pgfn_input(text, oid) the input function alone (the columns of
 * json_to_record, xlat_recfn.c); pgfn_record_in(text, type, oid, typmod, ...) record_in, which
 * puts a composite value into that text form; pgfn_record_put(rec, natts, k, value) one field
 * replaced (UPDATE ... SET col.f = value). */
#include "pgfn_int.h"

#include <string.h>

/* text[0..n) read by type oid's input function: its stored form as the result (22P02 ...). */
static void result_input(sqlite3_context *ctx, uint32_t oid, const char *text, size_t n,
			 struct arena *a)
{
	struct pgtype_value v;
	struct pgtype_dtenv env = pgfn_dt_env(ctx);
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_decode_text_env(oid, text, n, &env, a, &v, &err)) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		return;
	}
	switch (v.kind) {
	case PGTYPE_V_INT:
		sqlite3_result_int64(ctx, v.i);
		break;
	case PGTYPE_V_FLOAT:
		sqlite3_result_double(ctx, v.f);
		break;
	case PGTYPE_V_BLOB:
		sqlite3_result_blob64(ctx, v.p, v.n, SQLITE_TRANSIENT);
		break;
	case PGTYPE_V_TEXT:
		sqlite3_result_text64(ctx, v.p, v.n, SQLITE_TRANSIENT, SQLITE_UTF8);
		break;
	default:
		sqlite3_result_null(ctx);
		break;
	}
}

/* pgfn_input(text, oid): text read by type oid's input function (NULL stays NULL). */
static void fn_input(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	struct arena *a = arena_new(0);
	result_input(ctx, (uint32_t)sqlite3_value_int64(argv[1]), s, n, a);
	arena_free(a);
}

static void fn_record_field(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_int64 i = sqlite3_value_int64(argv[1]);
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || i < 0 || i > 1600) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	struct arena *a = arena_new(0);
	const char **fields = arena_zalloc(a, (size_t)(i + 1) * sizeof(*fields));
	size_t *lens = arena_zalloc(a, (size_t)(i + 1) * sizeof(*lens));
	struct pgerr err;
	pgerr_clear(&err);
	int nf = pgtype_record_fields(s, n, a, fields, lens, (size_t)i + 1, &err);
	if (nf < 0)
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
	else if (nf <= i || !fields[i])
		sqlite3_result_null(ctx);
	else
		result_input(ctx, (uint32_t)sqlite3_value_int64(argv[2]), fields[i], lens[i], a);
	arena_free(a);
}

/* pgfn_record_null(rec, is_not): rec IS NULL (every field NULL, or rec NULL) or, is_not set,
 * rec IS NOT NULL (no field NULL), as PostgreSQL tests a composite value. */
static void fn_record_null(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	bool is_not = sqlite3_value_int(argv[1]) != 0;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_int(ctx, !is_not);
		return;
	}
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	struct arena *a = arena_new(0);
	size_t max = n + 1; /* at most one field per byte */
	const char **fields = arena_zalloc(a, max * sizeof(*fields));
	size_t *lens = arena_zalloc(a, max * sizeof(*lens));
	struct pgerr err;
	pgerr_clear(&err);
	int nf = pgtype_record_fields(s, n, a, fields, lens, max, &err);
	size_t nulls = 0;
	for (int i = 0; i < nf; i++)
		nulls += !fields[i];
	if (nf < 0)
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
	else
		sqlite3_result_int(ctx, is_not ? nulls == 0 : nulls == (size_t)nf);
	arena_free(a);
}

/* Whether a character(n)/varchar(n) value v[0..*len) is longer than the typmod allows (n + 4):
 * PostgreSQL's 22001, unless the characters past n are all blanks or the cast is explicit
 * (then they are cut: *len shortened). */
static bool too_long(uint32_t oid, int32_t typmod, const char *v, size_t *len, bool explicit)
{
	if ((oid != PGTYPE_VARCHAR && oid != PGTYPE_BPCHAR) || typmod < 5)
		return false;
	size_t chars = 0, k = 0;
	while (k < *len && chars < (size_t)(typmod - 4)) {
		chars++;
		for (k++; k < *len && ((unsigned char)v[k] & 0xc0) == 0x80; k++)
			; /* the rest of the character */
	}
	for (size_t j = k; !explicit && j < *len; j++) {
		if (v[j] != ' ')
			return true;
	}
	*len = k;
	return false;
}

/* One attribute of the type as pgfn_record_in's arguments give it: its type and modifier; for
 * an attribute of an enum (typmod -2 - k) the enum's name and its k labels after them; for one
 * of a composite type (typmod ROW_ATTR - m) the m arguments after them are its attributes, as
 * these are. */
#define ROW_ATTR (-100000)
struct attr {
	uint32_t oid;
	int32_t typmod;
	sqlite3_value **labels; /* [0] the enum's name, then the labels; NULL: no enum */
	int nlabels;
	struct attr *sub; /* a composite type's attributes; NULL: none */
	int nsub;
};

/* The attributes argv[from..to) describe into *out (in a); their count, -1 when malformed. */
static int attrs_of(sqlite3_value **argv, int from, int to, struct arena *a, int depth,
		    struct attr **out)
{
	struct attr *v = arena_zalloc(a, (size_t)(to - from + 1) * sizeof(*v));
	int n = 0;
	for (int i = from; i < to; n++) {
		if (i + 1 >= to || depth > 16)
			return -1;
		v[n].oid = (uint32_t)sqlite3_value_int64(argv[i]);
		v[n].typmod = (int32_t)sqlite3_value_int64(argv[i + 1]);
		i += 2;
		if (v[n].typmod <= ROW_ATTR) { /* a composite type: its attributes follow */
			int m = ROW_ATTR - v[n].typmod;
			if (i + m > to ||
			    (v[n].nsub = attrs_of(argv, i, i + m, a, depth + 1, &v[n].sub)) < 0)
				return -1;
			i += m;
		} else if (v[n].typmod <= -2) { /* an enum: its name and labels follow */
			v[n].nlabels = -2 - v[n].typmod;
			v[n].labels = &argv[i];
			i += 1 + v[n].nlabels;
			if (i > to)
				return -1;
		}
	}
	*out = v;
	return n;
}

/* Whether f[0..n) is one of enum attribute at's labels (22P02 into err when not). */
static bool enum_label(const struct attr *at, const char *f, size_t n, struct pgerr *err)
{
	for (int k = 1; k <= at->nlabels; k++) {
		const char *l = (const char *)sqlite3_value_text(at->labels[k]);
		if (l && strlen(l) == n && memcmp(l, f, n) == 0)
			return true;
	}
	pgerr_set(err, "22P02", "invalid input value for enum %s: \"%.*s\"",
		  (const char *)sqlite3_value_text(at->labels[0]), (int)(n > 400 ? 400 : n), f);
	return false;
}

static bool record_fields(sqlite3_context *ctx, bool explicit, const struct attr *at, size_t natts,
			  const char *s, size_t n, struct strbuf *sb, struct pgerr *err);

/* Field f[0..len) of attribute at in record_out's form into sb; false with err set. */
static bool one_field(sqlite3_context *ctx, bool explicit, const struct attr *at, const char *f,
		      size_t len, struct arena *a, struct strbuf *sb, struct pgerr *err)
{
	if (at->labels) { /* an enum's label is kept as it is */
		if (!enum_label(at, f, len, err))
			return false;
		pgtype_record_put_field(sb, f, len);
		return true;
	}
	struct strbuf out;
	strbuf_init(&out, 0);
	strbuf_append(&out, "", 0);
	bool ok = true;
	if (at->sub) { /* a composite value inside: record_in of its own */
		ok = record_fields(ctx, explicit, at->sub, (size_t)at->nsub, f, len, &out, err);
	} else if (too_long(at->oid, at->typmod, f, &len, explicit)) {
		pgerr_set(err, "22001", "value too long for type %s(%d)",
			  at->oid == PGTYPE_VARCHAR ? "character varying" : "character",
			  at->typmod - 4);
		ok = false;
	} else {
		struct pgtype_value v;
		struct pgtype_dtenv env = pgfn_dt_env(ctx);
		ok = pgtype_decode_text_env(at->oid, f, len, &env, a, &v, err);
		if (ok)
			pgtype_encode_text_tz(&out, at->oid, at->typmod, env.tz, &v);
	}
	if (ok)
		pgtype_record_put_field(sb, out.data, out.len);
	strbuf_fini(&out);
	return ok;
}

/* s[0..n) read as record_in reads a value of a type of attributes at[0..natts), put in
 * record_out's text into sb; false with err set (22P02 malformed record literal, a field's own
 * input error, an enum's label, 22001). */
static bool record_fields(sqlite3_context *ctx, bool explicit, const struct attr *at, size_t natts,
			  const char *s, size_t n, struct strbuf *sb, struct pgerr *err)
{
	struct arena *a = arena_new(0);
	size_t max = natts + 1; /* one more: too many columns */
	const char **fields = arena_zalloc(a, max * sizeof(*fields));
	size_t *lens = arena_zalloc(a, max * sizeof(*lens));
	int nf = pgtype_record_fields(s, n, a, fields, lens, max, err);
	if (nf == 1 && !natts && !fields[0])
		nf = 0; /* "()": the value of a type without attributes */
	if (nf >= 0 && (size_t)nf != natts) {
		pgerr_set(err, "22P02", "malformed record literal: \"%.*s\"", (int)n, s);
		pgerr_detail(err, (size_t)nf < natts ? "Too few columns." : "Too many columns.");
		nf = -1;
	}
	strbuf_putc(sb, '(');
	for (int i = 0; i < nf; i++) {
		strbuf_puts(sb, i ? "," : "");
		if (fields[i] && !one_field(ctx, explicit, &at[i], fields[i], lens[i], a, sb, err))
			nf = -1;
	}
	strbuf_putc(sb, ')');
	arena_free(a);
	return nf >= 0;
}

/* s[0..n) read as record_in reads a value of the type whose attributes argv[3...] describe
 * (attrs_of), put in record_out's text into sb; false with err set. */
static bool record_text(sqlite3_context *ctx, int argc, sqlite3_value **argv, const char *s,
			size_t n, struct strbuf *sb, struct pgerr *err)
{
	bool explicit = sqlite3_value_int(argv[2]) != 0;
	struct arena *a = arena_new(0);
	struct attr *at = NULL;
	int na = attrs_of(argv, 3, argc, a, 0, &at);
	bool ok = na >= 0;
	if (!ok)
		pgerr_set(err, "XX000", "pgfn_record_in: bad arguments");
	else
		ok = record_fields(ctx, explicit, at, (size_t)na, s, n, sb, err);
	arena_free(a);
	return ok;
}

/* pgfn_record_in(text, type, explicit, oid1, typmod1, ..., oidn, typmodn): text read as
 * record_in reads a composite value of type (its name) whose attributes have those types: each
 * field read by its type's input function and printed by its output function (an attribute of
 * an enum: oid, -2 - k, 'enum', 'label1', ... 'labelk', its label checked; of a composite type:
 * oid, -100000 - m and m arguments of its attributes, read by record_in in turn), so the value
 * is kept in record_out's form, (1,"a b"), whatever spelling it arrived in. 22P02 malformed
 * record literal (too few or too many columns), the fields' own input errors; explicit set
 * (ROW(...)::t, whose fields PostgreSQL casts explicitly) cuts a too long varchar(n). */
static void fn_record_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || argc < 3) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	struct pgerr err;
	pgerr_clear(&err);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (!record_text(ctx, argc, argv, s, n, &sb, &err)) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		strbuf_fini(&sb);
		return;
	}
	pgfn_result_sb(ctx, &sb, false);
}

/* pgfn_record_array_in(text, type, explicit, oid1, typmod1, ...): an array of the composite
 * type (pt[]) as array_in reads it, each element through record_in as pgfn_record_in reads
 * one, kept as array_out prints it ({"(1,2)",NULL}). 22P02 malformed array literal; one
 * dimension (a multidimensional array of a composite type is 0A000). */
static void fn_record_array_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || argc < 3) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t n, count = 0;
	const char *s = pgfn_text(argv[0], &n);
	struct arena *a = arena_new(0);
	const char **items = pgfn_array_parse(a, arena_strndup(a, s, n), &count);
	if (!items) {
		bool md = pgfn_array_flatten(a, arena_strndup(a, s, n), &count) != NULL;
		if (md)
			pgfn_error(ctx, "0A000",
				   "a multidimensional array of a composite type is not supported");
		else
			pgfn_error(ctx, "22P02", "malformed array literal: \"%.*s\"",
				   (int)(n > 400 ? 400 : n), s);
		arena_free(a);
		return;
	}
	struct strbuf out, one;
	strbuf_init(&out, 0);
	strbuf_putc(&out, '{');
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = true;
	for (size_t i = 0; ok && i < count; i++) {
		strbuf_puts(&out, i ? "," : "");
		strbuf_init(&one, 0);
		ok = !items[i] ||
		     record_text(ctx, argc, argv, items[i], strlen(items[i]), &one, &err);
		if (ok)
			pgfn_array_put_elem(&out, items[i] ? one.data : NULL);
		strbuf_fini(&one);
	}
	strbuf_putc(&out, '}');
	if (!ok) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		strbuf_fini(&out);
	} else {
		pgfn_result_sb(ctx, &out, false);
	}
	arena_free(a);
}

/* pgfn_record_put(rec, natts, k, value[, drop]): rec (a composite value of natts fields in
 * record_out's text; NULL: every field NULL) with field k (from 0) replaced by value (its output
 * text, NULL for NULL), as UPDATE t SET col.f = value changes one field (pgfn_record_in then
 * reads the result as the type); a field rec lacks is NULL, so natts one more adds a field at
 * the end (ALTER TYPE ... ADD ATTRIBUTE). drop set: field k removed instead (DROP ATTRIBUTE). */
static void fn_record_put(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc < 4) {
		pgfn_error(ctx, "XX000", "pgfn_record_put: missing arguments");
		return;
	}
	bool drop = argc > 4 && sqlite3_value_int(argv[4]) != 0;
	sqlite3_int64 natts = sqlite3_value_int64(argv[1]), k = sqlite3_value_int64(argv[2]);
	if (natts < 1 || natts > 1600 || k < 0 || k >= natts) {
		pgfn_error(ctx, "XX000", "pgfn_record_put: field %lld of %lld", (long long)k,
			   (long long)natts);
		return;
	}
	struct arena *a = arena_new(0);
	const char **fields = arena_zalloc(a, (size_t)(natts + 1) * sizeof(*fields));
	size_t *lens = arena_zalloc(a, (size_t)(natts + 1) * sizeof(*lens));
	struct pgerr err;
	pgerr_clear(&err);
	int nf = 0;
	if (sqlite3_value_type(argv[0]) != SQLITE_NULL) {
		size_t n;
		const char *s = pgfn_text(argv[0], &n);
		nf = pgtype_record_fields(s, n, a, fields, lens, (size_t)natts + 1, &err);
	}
	if (nf < 0) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		arena_free(a);
		return;
	}
	size_t vn = 0;
	const char *val =
		sqlite3_value_type(argv[3]) == SQLITE_NULL ? NULL : pgfn_text(argv[3], &vn);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '(');
	bool first = true;
	for (sqlite3_int64 i = 0; i < natts; i++) {
		if (drop && i == k)
			continue;
		strbuf_puts(&sb, first ? "" : ",");
		first = false;
		if (i == k)
			pgtype_record_put_field(&sb, val, vn);
		else if (i < nf)
			pgtype_record_put_field(&sb, fields[i], lens[i]);
	}
	strbuf_putc(&sb, ')');
	pgfn_result_sb(ctx, &sb, false);
	arena_free(a);
}

int pgfn_register_record(sqlite3 *db, struct pgfn_conn *c)
{
	/* not deterministic: a timestamptz field is read in the session's zone */
	static const struct pgfn_def defs[] = {{"pgfn_record_field", 3, fn_record_field},
					       {"pgfn_record_null", 2, fn_record_null},
					       {"pgfn_record_in", -1, fn_record_in},
					       {"pgfn_record_array_in", -1, fn_record_array_in},
					       {"pgfn_record_put", -1, fn_record_put},
					       {"pgfn_input", 2, fn_input}};
	return pgfn_define_with(db, defs, ARRAY_LEN(defs), SQLITE_INNOCUOUS, c);
}
