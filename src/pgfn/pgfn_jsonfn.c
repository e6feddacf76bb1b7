/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_jsonfn.c: the SQL-visible JSON functions — constructors (json[b]_build_object/array,
 * to_json[b]), input checks (json_in, jsonb_in), json[b]_typeof, json_array_length,
 * jsonb_pretty, jsonb_strip_nulls. Constructors take a "tags" text last: one letter per
 * argument saying its PostgreSQL type, which SQLite's storage classes do not tell (see
 * pgfn_json_put_value). Operators and modifiers are in pgfn_jsonop.c. */
#include "pgfn_json.h"

#include <string.h>

/* Parses a json/jsonb argument; on failure raises the error and returns NULL. */
struct jv *pgfn_json_arg(sqlite3_context *ctx, struct arena *a, sqlite3_value *v)
{
	size_t n;
	const char *s = pgfn_text(v, &n), *state = NULL, *err = NULL;
	struct jv *j = pgfn_json_parse(a, s, n, &state, &err);
	if (!j)
		pgfn_error(ctx, state, "%s", err);
	return j;
}

/* A date or timestamp stored with its year outside 1..9999 (pgtype_dt_store): PostgreSQL's ISO
 * text in buf; any other text as it is. */
static const char *iso_text(const char *s, size_t *n, char *buf, size_t cap)
{
	size_t k = pgtype_dt_unstore(s, *n, buf, cap);
	if (!k)
		return s;
	*n = k;
	return buf;
}

/* A date as JSON writes it: its ISO text. */
static void put_date(struct strbuf *sb, const char *s, size_t n)
{
	char buf[96];
	s = iso_text(s, &n, buf, sizeof(buf));
	pgfn_json_escape(sb, s, n);
}

/* Text of a timestamp as JSON writes it: ISO 8601 with a T, the offset with minutes (before
 * a " BC"). */
static void put_timestamp(struct strbuf *sb, const char *s, size_t n, bool tz)
{
	struct strbuf t;
	char buf[96];
	s = iso_text(s, &n, buf, sizeof(buf));
	bool bc = n > 3 && memcmp(s + n - 3, " BC", 3) == 0;
	strbuf_init(&t, 0);
	strbuf_append(&t, s, n - (bc ? 3 : 0));
	if (t.data) {
		char *sp = strchr(t.data, ' ');
		if (sp)
			*sp = 'T';
		size_t len = t.len;
		if (tz && len > 3 && (t.data[len - 3] == '+' || t.data[len - 3] == '-'))
			strbuf_puts(&t, ":00");
	}
	if (bc)
		strbuf_puts(&t, " BC");
	pgfn_json_escape(sb, t.data ? t.data : "", t.len);
	strbuf_fini(&t);
}

static void put_float(struct strbuf *sb, double d)
{
	struct strbuf t;
	strbuf_init(&t, 0);
	pgtype_format_float8(&t, d);
	if (d != d || d > 1.7976931348623157e308 || d < -1.7976931348623157e308)
		pgfn_json_escape(sb, t.data ? t.data : "", t.len); /* NaN, Infinity: strings */
	else
		strbuf_append(sb, t.data ? t.data : "", t.len);
	strbuf_fini(&t);
}

static void put_hex_bytea(struct strbuf *sb, sqlite3_value *v)
{
	const unsigned char *p = sqlite3_value_blob(v);
	int n = sqlite3_value_bytes(v);
	strbuf_puts(sb, "\"\\\\x");
	for (int i = 0; i < n; i++)
		strbuf_printf(sb, "%02x", p[i]);
	strbuf_putc(sb, '"');
}

static void put_elem(struct strbuf *sb, char tag, const char *e)
{
	if (!e)
		strbuf_puts(sb, "null");
	else if (tag == 'B')
		strbuf_puts(sb, *e == 't' ? "true" : "false");
	else if (tag == 'A' || tag == 'J')
		strbuf_puts(sb, e);
	else if (tag == 'P' || tag == 'Q') /* as the scalars: 2024-01-01T10:00:00+01:00 */
		put_timestamp(sb, e, strlen(e), tag == 'Q');
	else if (tag == 'E')
		put_date(sb, e, strlen(e));
	else
		pgfn_json_escape(sb, e, strlen(e));
}

/* Dimension d of md from its element *at on, as nested JSON arrays (array_dim_to_json). */
static void put_dim(struct strbuf *sb, char tag, const struct pgfn_md *md, int d, size_t *at)
{
	strbuf_putc(sb, '[');
	for (int i = 0; i < md->dims[d]; i++) {
		strbuf_puts(sb, i ? "," : "");
		if (d + 1 < md->ndims)
			put_dim(sb, tag, md, d + 1, at);
		else
			put_elem(sb, tag, md->items[(*at)++]);
	}
	strbuf_putc(sb, ']');
}

/* An array in text form as array_to_json writes it ([1,2], [[1,2],[3,4]], no blanks);
 * elements by the tag: A numbers, B booleans, E dates, J json, P/Q timestamps/timestamptz
 * (in the session's zone already), S strings. */
static void put_array(struct strbuf *sb, char tag, sqlite3_value *v)
{
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	const char *why = NULL;
	const char *s = (const char *)sqlite3_value_text(v);
	if (!pgfn_array_parse_md(a, s ? s : "", &md, &why)) {
		/* not an array text after all: a string */
		pgfn_json_escape(sb, s ? s : "", s ? strlen(s) : 0);
	} else if (md.ndims == 0) {
		strbuf_puts(sb, "[]");
	} else {
		size_t at = 0;
		put_dim(sb, tag, &md, 0, &at);
	}
	arena_free(a);
}

/* Appends v as to_json() renders a value of the type tag names:
 *   b bool  j json/jsonb (its text)  n integer/numeric  f float4/float8  D date  T timestamp
 *   Z timestamptz  x bytea  t text and the other types  . not known: the storage class decides
 *   A B E J P Q S arrays (text form) of numbers, booleans, dates, json, timestamps,
 *   timestamptz, anything else */
void pgfn_json_put_value(struct strbuf *sb, char tag, sqlite3_value *v)
{
	int st = sqlite3_value_type(v);
	size_t n;
	const char *s;
	if (st == SQLITE_NULL) {
		strbuf_puts(sb, "null");
		return;
	}
	switch (tag) {
	case 'b':
		s = pgfn_text(v, &n);
		strbuf_puts(sb, st == SQLITE_TEXT        ? (*s == 't' ? "true" : "false")
				: sqlite3_value_int64(v) ? "true"
							 : "false");
		return;
	case 'j':
		s = pgfn_text(v, &n);
		strbuf_append(sb, s, n);
		return;
	case 'T':
	case 'Z':
		s = pgfn_text(v, &n);
		put_timestamp(sb, s, n, tag == 'Z');
		return;
	case 'D':
		s = pgfn_text(v, &n);
		put_date(sb, s, n);
		return;
	case 'x':
		put_hex_bytea(sb, v);
		return;
	case 't':
		s = pgfn_text(v, &n);
		pgfn_json_escape(sb, s, n);
		return;
	case 'A':
	case 'B':
	case 'E':
	case 'J':
	case 'P':
	case 'Q':
	case 'S':
		put_array(sb, tag, v);
		return;
	default:
		break;
	}
	/* numbers and unknown types: the storage class */
	if (st == SQLITE_INTEGER) {
		strbuf_printf(sb, "%lld", (long long)sqlite3_value_int64(v));
	} else if (st == SQLITE_FLOAT) {
		put_float(sb, sqlite3_value_double(v));
	} else if (st == SQLITE_BLOB) {
		put_hex_bytea(sb, v);
	} else {
		s = pgfn_text(v, &n);
		/* a number kept as text (a numeric's decimal text, a float4's digits); NaN and
		 * the infinities are strings in JSON */
		if ((tag == 'n' || tag == 'f') && n &&
		    (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) && (n < 2 || s[1] != 'I'))
			strbuf_append(sb, s, n);
		else
			pgfn_json_escape(sb, s, n);
	}
}

void pgfn_json_result(sqlite3_context *ctx, struct strbuf *sb, bool jsonb)
{
	if (!jsonb || sb->failed) {
		pgfn_result_sb(ctx, sb, false);
		return;
	}
	struct arena *a = arena_new(0);
	struct jv *j = NULL;
	const char *state, *err;
	j = pgfn_json_parse(a, sb->data ? sb->data : "", sb->len, &state, &err);
	if (j)
		pgfn_jsonb_canon(a, j); /* copies what still points into sb */
	strbuf_reset(sb);
	if (j) {
		pgfn_jsonb_write(sb, j, false);
		pgfn_result_sb(ctx, sb, false);
	} else {
		strbuf_fini(sb);
		pgfn_error(ctx, state, "%s", err);
	}
	arena_free(a);
}

static char tag_of(sqlite3_value *tags, int i)
{
	size_t n;
	const char *s = pgfn_text(tags, &n);
	return (size_t)i < n ? s[i] : '.';
}

/* {k1 <kv> v1<item> k2 <kv> v2}: json_build_object's blanks, or row_to_json's none. */
static void put_object(sqlite3_context *ctx, int argc, sqlite3_value **argv, const char *kv,
		       const char *item, bool jsonb)
{
	sqlite3_value *tags = argv[--argc];
	if (argc % 2) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "argument list must have even number of elements");
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (int i = 0; i < argc; i += 2) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			strbuf_fini(&sb);
			pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				   "argument %d: key must not be null", i + 1);
			return;
		}
		if (strchr("ABJPQSj", tag_of(tags, i))) { /* an array or a json value as a key */
			strbuf_fini(&sb);
			pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				   "key value must be scalar, not array, composite, or json");
			return;
		}
		size_t n;
		const char *k = pgfn_text(argv[i], &n);
		if (i > 0)
			strbuf_puts(&sb, item);
		pgfn_json_escape(&sb, k, n);
		strbuf_puts(&sb, kv);
		pgfn_json_put_value(&sb, tag_of(tags, i + 1), argv[i + 1]);
	}
	strbuf_putc(&sb, '}');
	pgfn_json_result(ctx, &sb, jsonb);
}

/* pgfn_json[b]_build_object(k1, v1, ..., tags): json writes {"k" : v, ...}. */
static void fn_build_object(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	put_object(ctx, argc, argv, " : ", ", ", sqlite3_user_data(ctx) != NULL);
}

/* pgfn_json_row(k1, v1, ..., tags): a row as row_to_json writes it, {"k":v,...}. */
static void fn_json_row(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	put_object(ctx, argc, argv, ":", ",", false);
}

/* pgfn_json[b]_build_array(v1, ..., tags) */
static void fn_build_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct strbuf sb;
	sqlite3_value *tags = argv[--argc];
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '[');
	for (int i = 0; i < argc; i++) {
		if (i > 0)
			strbuf_puts(&sb, ", ");
		pgfn_json_put_value(&sb, tag_of(tags, i), argv[i]);
	}
	strbuf_putc(&sb, ']');
	pgfn_json_result(ctx, &sb, sqlite3_user_data(ctx) != NULL);
}

/* An element of a VARIADIC array as json_build_object's key: its text as a JSON string (a
 * boolean's true/false, a timestamp's ISO form); false for a json element, which is no
 * scalar. */
static bool put_key(struct strbuf *sb, char tag, const char *e)
{
	if (tag == 'J')
		return false;
	if (tag == 'P' || tag == 'Q') {
		put_timestamp(sb, e, strlen(e), tag == 'Q');
	} else {
		const char *k = tag == 'B' ? (*e == 't' ? "true" : "false") : e;
		pgfn_json_escape(sb, k, strlen(k));
	}
	return true;
}

/* pgfn_json[b]_build_object_va / _array_va(a, tag): json_build_object(VARIADIC a) and
 * json_build_array(VARIADIC a): the elements of a (every dimension's, in order, as
 * extract_variadic_args deconstructs it) are the arguments; tag is a's (A B J P Q S, as
 * pgfn_json_put_value's). NULL a is NULL. User data: bit 1 jsonb, bit 2 an array. */
static void fn_build_va(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int kind = (int)(intptr_t)sqlite3_user_data(ctx);
	bool jsonb = kind & 1, array = kind & 2;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	char tag = tag_of(argv[1], 0);
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	const char *why = NULL, *s = (const char *)sqlite3_value_text(argv[0]);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (!pgfn_array_parse_md(a, s ? s : "", &md, &why)) {
		pgfn_error(ctx, SQLSTATE_DATATYPE_MISMATCH, "VARIADIC argument must be an array");
		goto out;
	}
	size_t n = md.ndims ? md.n : 0;
	if (!array && n % 2) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "argument list must have even number of elements");
		goto out;
	}
	strbuf_putc(&sb, array ? '[' : '{');
	for (size_t i = 0; i < n; i++) {
		const char *e = md.items[i];
		if (i)
			strbuf_puts(&sb, array || i % 2 == 0 ? ", " : " : ");
		if (array || i % 2) {
			put_elem(&sb, tag, e);
			continue;
		}
		if (!e) {
			pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				   "argument %zu: key must not be null", i + 1);
			goto out;
		}
		if (!put_key(&sb, tag, e)) {
			pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				   "key value must be scalar, not array, composite, or json");
			goto out;
		}
	}
	strbuf_putc(&sb, array ? ']' : '}');
	pgfn_json_result(ctx, &sb, jsonb);
	arena_free(a);
	return;
out:
	strbuf_fini(&sb);
	arena_free(a);
}

/* pgfn_to_json[b](v, tag) */
static void fn_to_json(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_json_put_value(&sb, tag_of(argv[1], 0), argv[0]);
	pgfn_json_result(ctx, &sb, sqlite3_user_data(ctx) != NULL);
}

/* pgfn_json_in(text): the text, checked; pgfn_jsonb_in(text): jsonb's canonical text. */
static void fn_json_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct jv *j = pgfn_json_arg(ctx, a, argv[0]);
	if (j && !sqlite3_user_data(ctx)) {
		sqlite3_result_value(ctx, argv[0]);
	} else if (j) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_jsonb_canon(a, j);
		pgfn_jsonb_write(&sb, j, false);
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

static void fn_typeof(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char *const names[] = {
		[J_NULL] = "null",     [J_FALSE] = "boolean", [J_TRUE] = "boolean",
		[J_NUMBER] = "number", [J_STRING] = "string", [J_ARRAY] = "array",
		[J_OBJECT] = "object",
	};
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct jv *j = pgfn_json_arg(ctx, a, argv[0]);
	if (j)
		sqlite3_result_text(ctx, names[j->type], -1, SQLITE_STATIC);
	arena_free(a);
}

/* pgfn_jsonb_scalar(j, want, type): the jsonb scalar a cast to a number or boolean type
 * reads, as jsonb_numeric/jsonb_bool do: want 'n' a number (its text), 'b' a boolean
 * ('true'/'false'); any other kind of value is 22023 "cannot cast jsonb string to type
 * integer" (type is the target's name). */
static void fn_jsonb_scalar(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char *const kinds[] = {
		[J_NULL] = "null",      [J_FALSE] = "boolean", [J_TRUE] = "boolean",
		[J_NUMBER] = "numeric", [J_STRING] = "string", [J_ARRAY] = "array",
		[J_OBJECT] = "object",
	};
	if (pgfn_any_null(ctx, argc, argv))
		return;
	bool number = *(const char *)sqlite3_value_text(argv[1]) == 'n';
	struct arena *a = arena_new(0);
	struct jv *j = pgfn_json_arg(ctx, a, argv[0]);
	if (j && number && j->type == J_NUMBER)
		sqlite3_result_text(ctx, j->str, (int)j->len, SQLITE_TRANSIENT);
	else if (j && !number && (j->type == J_TRUE || j->type == J_FALSE))
		sqlite3_result_text(ctx, j->type == J_TRUE ? "true" : "false", -1, SQLITE_STATIC);
	else if (j)
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot cast jsonb %s to type %s",
			   kinds[j->type], (const char *)sqlite3_value_text(argv[2]));
	arena_free(a);
}

static void fn_array_length(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct jv *j = pgfn_json_arg(ctx, a, argv[0]);
	if (j && j->type == J_ARRAY)
		sqlite3_result_int64(ctx, (sqlite3_int64)j->n);
	else if (j)
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot get array length of %s",
			   j->type == J_OBJECT ? "a non-array" : "a scalar");
	arena_free(a);
}

static void strip_nulls(struct jv *v)
{
	size_t k = 0;
	for (size_t i = 0; i < v->n; i++) {
		strip_nulls(&v->items[i]);
		if (v->type != J_OBJECT || v->items[i].type != J_NULL)
			v->items[k++] = v->items[i];
	}
	v->n = k;
}

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* The end of the JSON string starting at p (its opening quote). */
static const char *string_end(const char *p)
{
	for (p++; *p && *p != '"'; p++)
		if (*p == '\\' && p[1])
			p++;
	return p + (*p == '"');
}

/* One value of valid JSON text p copied to sb as json_strip_nulls writes it: its tokens as
 * written without the whitespace between them, object fields whose value is null left out
 * (array elements kept); returns the text after the value. */
static const char *strip_copy(const char *p, struct strbuf *sb)
{
	p = skip_ws(p);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		bool first = true;
		strbuf_putc(sb, *p++);
		for (p = skip_ws(p); *p && *p != close; p = skip_ws(p)) {
			if (*p == ',')
				p = skip_ws(p + 1);
			const char *key = p, *key_end = p;
			if (close == '}') {
				key_end = string_end(p);
				p = skip_ws(skip_ws(key_end) + 1); /* past ':' */
				if (strncmp(p, "null", 4) == 0) {
					p += 4;
					continue;
				}
			}
			if (!first)
				strbuf_putc(sb, ',');
			first = false;
			if (close == '}') {
				strbuf_append(sb, key, (size_t)(key_end - key));
				strbuf_putc(sb, ':');
			}
			p = strip_copy(p, sb);
		}
		strbuf_putc(sb, close);
		return *p ? p + 1 : p;
	}
	const char *start = p;
	if (*p == '"') {
		p = string_end(p);
	} else {
		while (*p && !strchr(" \t\n\r,]}:", *p))
			p++;
	}
	strbuf_append(sb, start, (size_t)(p - start));
	return p;
}

/* json_strip_nulls(json): the input's own text (checked first) rewritten by strip_copy. */
static void fn_json_strip_nulls(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	if (pgfn_json_arg(ctx, a, argv[0])) {
		size_t n;
		const char *s = pgfn_text(argv[0], &n);
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strip_copy(arena_strndup(a, s, n), &sb);
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

/* jsonb_pretty (user data set) and jsonb_strip_nulls share the parse-rewrite-write path. */
static void fn_rewrite(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	bool pretty = sqlite3_user_data(ctx) != NULL;
	struct arena *a = arena_new(0);
	struct jv *j = pgfn_json_arg(ctx, a, argv[0]);
	if (j) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_jsonb_canon(a, j);
		if (!pretty)
			strip_nulls(j);
		pgfn_jsonb_write(&sb, j, pretty);
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

int pgfn_register_json(sqlite3 *db)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
		bool flag; /* user data: jsonb / pretty */
	} defs[] = {
		{"pgfn_json_build_object", -1, fn_build_object, false},
		{"pgfn_jsonb_build_object", -1, fn_build_object, true},
		{"pgfn_json_row", -1, fn_json_row, false},
		{"pgfn_json_build_array", -1, fn_build_array, false},
		{"pgfn_jsonb_build_array", -1, fn_build_array, true},
		{"pgfn_to_json", 2, fn_to_json, false},
		{"pgfn_to_jsonb", 2, fn_to_json, true},
		{"pgfn_json_in", 1, fn_json_in, false},
		{"pgfn_jsonb_in", 1, fn_json_in, true},
		{"pgfn_json_typeof", 1, fn_typeof, false},
		{"pgfn_jsonb_scalar", 3, fn_jsonb_scalar, false},
		{"pgfn_json_array_length", 1, fn_array_length, false},
		{"pgfn_jsonb_pretty", 1, fn_rewrite, true},
		{"pgfn_jsonb_strip_nulls", 1, fn_rewrite, false},
		{"pgfn_json_strip_nulls", 1, fn_json_strip_nulls, false},
	};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	for (size_t i = 0; i < ARRAY_LEN(defs); i++) {
		int rc = sqlite3_create_function(db, defs[i].name, defs[i].nargs, flags,
						 defs[i].flag ? (void *)db : NULL, defs[i].fn, NULL,
						 NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	static const char *const va[] = {"pgfn_json_build_object_va", "pgfn_jsonb_build_object_va",
					 "pgfn_json_build_array_va", "pgfn_jsonb_build_array_va"};
	for (size_t i = 0; i < ARRAY_LEN(va); i++) {
		int rc = sqlite3_create_function(db, va[i], 2, flags, (void *)(intptr_t)i,
						 fn_build_va, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	int rc = pgfn_register_jsonobj(db);
	rc = rc == SQLITE_OK ? pgfn_register_jsonop(db) : rc;
	return rc == SQLITE_OK ? pgfn_register_jsonbcmp(db) : rc;
}
