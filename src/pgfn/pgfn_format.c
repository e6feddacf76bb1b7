/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_format.c: format() with %s, %I, %L and %%, positions (%2$s) and widths (%-10s, %*s),
 * and quote_ident/quote_literal/quote_nullable, all as PostgreSQL 15's varlena.c and
 * quote.c define them; and the text forms of values inside SQL (pgfn_pgtext, pgfn_text_out,
 * pgfn_record_text), with pgfn_row_key, a row's fields as one comparable value. */
#include "pgfn_int.h"
#include "pgtype.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* PostgreSQL 15's keywords that are not UNRESERVED_KEYWORD (pg_get_keywords(), catcode <> 'U'):
 * quote_ident() quotes them. Sorted for bsearch. */
/* clang-format off */
static const char *const keywords[] = {
	"all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
	"authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
	"char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
	"constraint", "create", "cross", "current_catalog", "current_date", "current_role",
	"current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal",
	"default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists",
	"extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant",
	"greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
	"int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral",
	"leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "national",
	"natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
	"offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing",
	"position", "precision", "primary", "real", "references", "returning", "right", "row",
	"select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
	"table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim",
	"true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
	"when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
	"xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
};
/* clang-format on */

static int cmp_kw(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

void pgfn_quote_ident(struct strbuf *sb, const char *s, size_t n)
{
	bool safe = n > 0 && ((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_');
	for (size_t i = 1; safe && i < n; i++)
		safe = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_';
	if (safe && n < 64) {
		char w[64];
		memcpy(w, s, n);
		w[n] = '\0';
		safe = !bsearch(w, keywords, ARRAY_LEN(keywords), sizeof(keywords[0]), cmp_kw);
	}
	if (safe) {
		strbuf_append(sb, s, n);
		return;
	}
	strbuf_putc(sb, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			strbuf_putc(sb, '"');
		strbuf_putc(sb, s[i]);
	}
	strbuf_putc(sb, '"');
}

void pgfn_quote_literal(struct strbuf *sb, const char *s, size_t n)
{
	if (memchr(s, '\\', n))
		strbuf_putc(sb, 'E');
	strbuf_putc(sb, '\'');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\'' || s[i] == '\\')
			strbuf_putc(sb, s[i]);
		strbuf_putc(sb, s[i]);
	}
	strbuf_putc(sb, '\'');
}

static void fn_quote_ident(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_quote_ident(&sb, s, n);
	pgfn_result_sb(ctx, &sb, false);
}

/* parse_ident's errors: 22023 naming the whole string, with a DETAIL when given. */
static void ident_error(sqlite3_context *ctx, const char *s, const char *detail)
{
	if (detail)
		pgfn_error_detail(ctx, "22023", detail, "string is not a valid identifier: \"%s\"",
				  s);
	else
		pgfn_error(ctx, "22023", "string is not a valid identifier: \"%s\"", s);
}

static bool scanner_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

static bool ident_start(unsigned char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '_' || ch >= 0x80;
}

static bool ident_cont(unsigned char ch)
{
	return ident_start(ch) || (ch >= '0' && ch <= '9') || ch == '$';
}

/* One name of parse_ident's string at *p into el: a quoted one as written ("" for "), a bare
 * one in lower case (ASCII letters only, not truncated). False when there is none; -1 when
 * the error is set. */
static int ident_part(sqlite3_context *ctx, const char *s, const char **p, struct strbuf *el)
{
	const char *q = *p;
	strbuf_reset(el);
	strbuf_append(el, "", 0);
	if (*q == '"') {
		for (q++;; q++) {
			if (!*q) {
				ident_error(ctx, s, "String has unclosed double quotes.");
				return -1;
			}
			if (*q == '"' && q[1] != '"')
				break;
			if (*q == '"')
				q++;
			strbuf_putc(el, *q);
		}
		*p = q + 1;
		if (el->len == 0) {
			ident_error(ctx, s, "Quoted identifier must not be empty.");
			return -1;
		}
		return 1;
	}
	if (!ident_start((unsigned char)*q))
		return 0;
	for (; ident_cont((unsigned char)*q); q++)
		strbuf_putc(el, *q >= 'A' && *q <= 'Z' ? (char)(*q + ('a' - 'A')) : *q);
	*p = q;
	return 1;
}

/* parse_ident(str [, strict]): the names of a qualified identifier as text[], as PostgreSQL's
 * varlena.c reads them; with strict false, what follows the last name is ignored. */
static void fn_parse_ident(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n;
	const char *s = pgfn_text(argv[0], &n), *p = s;
	bool strict = argc < 2 || sqlite3_value_int(argv[1]) != 0, after_dot = false;
	struct strbuf sb, el;
	strbuf_init(&sb, 0);
	strbuf_init(&el, 0);
	strbuf_putc(&sb, '{');
	while (scanner_space(*p))
		p++;
	for (;;) {
		int got = ident_part(ctx, s, &p, &el);
		if (got < 0)
			goto fail;
		if (!got) {
			ident_error(ctx, s,
				    *p == '.'   ? "No valid identifier before \".\"."
				    : after_dot ? "No valid identifier after \".\"."
						: NULL);
			goto fail;
		}
		if (sb.len > 1)
			strbuf_putc(&sb, ',');
		pgfn_array_put_elem(&sb, el.data ? el.data : "");
		while (scanner_space(*p))
			p++;
		if (*p == '.') {
			after_dot = true;
			for (p++; scanner_space(*p); p++)
				;
		} else if (!*p) {
			break;
		} else if (strict) {
			ident_error(ctx, s, NULL);
			goto fail;
		} else {
			break;
		}
	}
	strbuf_putc(&sb, '}');
	strbuf_fini(&el);
	pgfn_result_sb(ctx, &sb, false);
	return;
fail:
	strbuf_fini(&el);
	strbuf_fini(&sb);
}

/* quote_literal(NULL) is NULL; quote_nullable(NULL) is the text NULL. */
static void fn_quote_literal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		if (sqlite3_user_data(ctx))
			sqlite3_result_text(ctx, "NULL", 4, SQLITE_STATIC);
		else
			sqlite3_result_null(ctx);
		return;
	}
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_quote_literal(&sb, s, n);
	pgfn_result_sb(ctx, &sb, false);
}

/* Widths beyond this are refused (54000) rather than padded out to gigabytes. */
#define WIDTH_MAX 100000000

/* One conversion: %[n$][-][width|*|*n$]{s,I,L}. */
struct spec {
	int arg;   /* 1-based argument of the value, 0: the next one */
	int width; /* characters; negative: left-justified */
	bool minus;
	char type;
};

/* Reads a decimal number at *p; -1 when there is none, -2 when it overflows. */
static int number(const char **p, const char *end)
{
	if (*p >= end || **p < '0' || **p > '9')
		return -1;
	long v = 0;
	while (*p < end && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		if (v > 0x3fffffff)
			return -2;
		(*p)++;
	}
	return (int)v;
}

/* The state format() carries while it walks the string: its value arguments are argv[1..],
 * or with VARIADIC the array's elements elems[1..] (NULL for NULL; elems[0] unused). */
struct fmt {
	sqlite3_context *ctx;
	int argc;
	sqlite3_value **argv;
	int next; /* index into argv of the next implicit argument */
	const char **elems;
};

static bool fmt_fail(struct fmt *f, const char *msg)
{
	pgfn_error(f->ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "%s", msg);
	return false;
}

/* The argument numbered n (1-based over format's value arguments), or the next one: its text
 * (NULL for NULL) and length. */
static bool take_arg(struct fmt *f, int n, const char **out, size_t *len)
{
	if (n == 0)
		return fmt_fail(f,
				"format specifies argument 0, but arguments are numbered from 1");
	int i = n > 0 ? n : f->next;
	if (i >= f->argc)
		return fmt_fail(f, "too few arguments for format()");
	f->next = i + 1;
	*len = 0;
	if (f->elems)
		*out = f->elems[i];
	else
		*out = sqlite3_value_type(f->argv[i]) == SQLITE_NULL ? NULL
								     : pgfn_text(f->argv[i], len);
	if (*out && f->elems)
		*len = strlen(*out);
	return true;
}

/* "n$" at *p: its n, or -1 when the digits are not followed by '$' (then *p is unchanged). */
static int position(const char **p, const char *end)
{
	const char *q = *p;
	int n = number(&q, end);
	if (n < 0 || q >= end || *q != '$')
		return -1;
	*p = q + 1;
	return n;
}

static bool parse_spec(struct fmt *f, const char **p, const char *end, struct spec *sp)
{
	*sp = (struct spec){-1, 0, false, 0};
	sp->arg = position(p, end);
	while (*p < end && **p == '-') {
		sp->minus = true;
		(*p)++;
	}
	if (*p < end && **p == '*') {
		(*p)++;
		int n = position(p, end);
		const char *w;
		size_t wn;
		if (!take_arg(f, n, &w, &wn))
			return false;
		if (w)
			sp->width = (int)strtol(w, NULL, 10);
	} else {
		sp->width = number(p, end);
		if (sp->width == -2)
			return fmt_fail(f, "number is out of range");
		if (sp->width < 0)
			sp->width = 0;
	}
	if (*p >= end)
		return fmt_fail(f, "unterminated format() type specifier");
	if (sp->width > WIDTH_MAX || sp->width < -WIDTH_MAX) { /* an engineering limit */
		pgfn_error(f->ctx, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "requested length too large");
		return false;
	}
	sp->type = *(*p)++;
	return true;
}

/* Appends s padded to width characters (spaces left of it, or right when left-justified). */
static void put_padded(struct strbuf *sb, const char *s, size_t n, const struct spec *sp)
{
	bool left = sp->minus || sp->width < 0;
	long w = sp->width < 0 ? -(long)sp->width : sp->width;
	long fill = w - (long)pgfn_utf8_count(s, n);
	if (!left)
		for (long i = 0; i < fill; i++)
			strbuf_putc(sb, ' ');
	strbuf_append(sb, s, n);
	if (left)
		for (long i = 0; i < fill; i++)
			strbuf_putc(sb, ' ');
}

static bool conversion(struct fmt *f, struct strbuf *sb, const struct spec *sp)
{
	if (sp->type != 's' && sp->type != 'I' && sp->type != 'L') {
		char msg[80];
		snprintf(msg, sizeof(msg), "unrecognized format() type specifier \"%c\"", sp->type);
		return fmt_fail(f, msg);
	}
	const char *s;
	size_t n;
	if (!take_arg(f, sp->arg, &s, &n))
		return false;
	bool null = s == NULL;
	s = s ? s : "";
	struct strbuf q;
	strbuf_init(&q, 0);
	if (sp->type == 'I' && null) {
		pgfn_error(f->ctx, "22004", "null values cannot be formatted as an SQL identifier");
		return false;
	}
	if (sp->type == 'I')
		pgfn_quote_ident(&q, s, n);
	else if (sp->type == 'L' && null)
		strbuf_puts(&q, "NULL");
	else if (sp->type == 'L')
		pgfn_quote_literal(&q, s, n);
	else
		strbuf_append(&q, s, n);
	put_padded(sb, q.data ? q.data : "", q.len, sp);
	strbuf_fini(&q);
	return true;
}

static void format_with(sqlite3_context *ctx, sqlite3_value *fmt, struct fmt f)
{
	size_t n;
	const char *p = pgfn_text(fmt, &n), *end = p + n;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	while (p < end) {
		const char *pct = memchr(p, '%', (size_t)(end - p));
		if (!pct) {
			strbuf_append(&sb, p, (size_t)(end - p));
			break;
		}
		strbuf_append(&sb, p, (size_t)(pct - p));
		p = pct + 1;
		if (p < end && *p == '%') {
			strbuf_putc(&sb, '%');
			p++;
			continue;
		}
		struct spec sp;
		if (!parse_spec(&f, &p, end, &sp) || !conversion(&f, &sb, &sp)) {
			strbuf_fini(&sb);
			return;
		}
	}
	pgfn_result_sb(ctx, &sb, false);
}

static void fn_format(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 1, argv))
		return;
	format_with(ctx, argv[0], (struct fmt){ctx, argc, argv, 1, NULL});
}

/* pgfn_format_va(fmt, array): format(fmt, VARIADIC array), the array's elements (in their
 * output form, as the translator gives them) its value arguments; a NULL array is none. A
 * multidimensional array's elements are taken in order, as PostgreSQL flattens it. */
static void fn_format_va(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (pgfn_any_null(ctx, 1, argv))
		return;
	struct arena *a = arena_new(0);
	size_t n = 0;
	const char **v = NULL;
	if (sqlite3_value_type(argv[1]) != SQLITE_NULL) {
		struct pgfn_md md;
		if (!pgfn_array_md_arg(ctx, a, argv[1], &md)) {
			arena_free(a);
			return;
		}
		v = md.items;
		n = md.n;
	}
	const char **elems = arena_alloc(a, (n + 1) * sizeof(*elems));
	elems[0] = NULL;
	for (size_t i = 0; i < n; i++)
		elems[i + 1] = v[i];
	format_with(ctx, argv[0], (struct fmt){ctx, (int)n + 1, NULL, 1, elems});
	arena_free(a);
}

/* pgfn_pgtext(x, tag): x as PostgreSQL's text output shows it, where SQLite's differs: a
 * boolean as t/f (tag b) or as its ::text cast true/false (tag B), a double (tag f) as
 * float8out prints it under the session's extra_float_digits. */
static void fn_pgtext(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *tag = (const char *)sqlite3_value_text(argv[1]);
	int st = sqlite3_value_type(argv[0]);
	if (st == SQLITE_NULL || !tag || !strchr("bBf", *tag) || st == SQLITE_TEXT) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	if (*tag == 'b' || *tag == 'B') {
		bool v = sqlite3_value_int64(argv[0]) != 0;
		const char *s = *tag == 'b' ? (v ? "t" : "f") : v ? "true" : "false";
		sqlite3_result_text(ctx, s, -1, SQLITE_STATIC);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_format_float8_extra(&sb, sqlite3_value_double(argv[0]),
				   pgtype_style_float_digits(&pgfn_dt_session(ctx)->datestyle));
	pgfn_result_sb(ctx, &sb, false);
}

/* pgfn_text_out(x, oid, typmod): x as type oid's output function prints it, with the typmod
 * (numeric(p,s): exactly s fraction digits) — where a value becomes text inside SQL (a cast to
 * text, ||, concat, format, a JSON or array element), as the session prints a result column.
 * pgtype_encode_text_typmod is the table of forms: bool t/f, floats shortest, bytea hex; an
 * array of a date/time type shows its elements in the session's zone and DateStyle. */
static void fn_text_out(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value *x = argv[0];
	struct pgtype_value v = {.kind = PGTYPE_V_NULL};
	switch (sqlite3_value_type(x)) {
	case SQLITE_NULL:
		sqlite3_result_null(ctx);
		return;
	case SQLITE_INTEGER:
		v = (struct pgtype_value){.kind = PGTYPE_V_INT, .i = sqlite3_value_int64(x)};
		break;
	case SQLITE_FLOAT:
		v = (struct pgtype_value){.kind = PGTYPE_V_FLOAT, .f = sqlite3_value_double(x)};
		break;
	case SQLITE_BLOB:
		v.kind = PGTYPE_V_BLOB;
		v.p = sqlite3_value_blob(x);
		v.n = (size_t)sqlite3_value_bytes(x);
		break;
	default:
		v.kind = PGTYPE_V_TEXT;
		v.p = pgfn_text(x, &v.n);
		break;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	const struct pgfn_session *sess = pgfn_dt_session(ctx); /* date/time array elements */
	pgtype_encode_text_styled(&sb, (uint32_t)sqlite3_value_int64(argv[1]),
				  (int32_t)sqlite3_value_int64(argv[2]), pgfn_dt_zone(ctx),
				  &sess->datestyle, &v);
	pgfn_result_sb(ctx, &sb, false);
}

/* pgfn_record_text(v1, ..., vn): a row as record_out prints it — (1.50,a,,"b c"): a NULL field
 * empty, a field quoted when empty or holding a quote, backslash, parenthesis, comma or blank,
 * with " and \ doubled inside. The fields arrive in their output forms (pgfn_text_out). */
static void fn_record_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '(');
	for (int i = 0; i < argc; i++) {
		strbuf_puts(&sb, i ? "," : "");
		size_t n = 0;
		const char *v =
			sqlite3_value_type(argv[i]) == SQLITE_NULL ? NULL : pgfn_text(argv[i], &n);
		pgtype_record_put_field(&sb, v, n);
	}
	strbuf_putc(&sb, ')');
	pgfn_result_sb(ctx, &sb, false);
}

/* Appends the n bytes of x, most significant first. */
static void put_be(struct strbuf *sb, uint64_t x, int n)
{
	for (int i = n - 1; i >= 0; i--)
		strbuf_putc(sb, (char)(x >> (8 * i)));
}

/* pgfn_row_key(v1, ..., vn): a blob equal for two rows exactly when their fields are equal
 * field by field, NULLs equal to each other (as DISTINCT compares rows): a number whole and
 * within int64 is written as that integer (1 and 1.0, 0 and -0 agree), other reals by their
 * bits, text and blobs with their length. */
static void fn_row_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int i = 0; i < argc; i++) {
		int type = sqlite3_value_type(argv[i]);
		double d = sqlite3_value_double(argv[i]);
		if (type == SQLITE_FLOAT && d >= -9.2e18 && d <= 9.2e18 && d == (double)(int64_t)d)
			type = SQLITE_INTEGER;
		if (type == SQLITE_NULL) {
			strbuf_putc(&sb, 'N');
		} else if (type == SQLITE_INTEGER) {
			strbuf_putc(&sb, 'I');
			put_be(&sb, (uint64_t)(type == sqlite3_value_type(argv[i])
						       ? sqlite3_value_int64(argv[i])
						       : (int64_t)d),
			       8);
		} else if (type == SQLITE_FLOAT) {
			uint64_t bits;
			memcpy(&bits, &d, sizeof(bits));
			strbuf_putc(&sb, 'R');
			put_be(&sb, d != d ? 0x7ff8000000000000u : bits, 8); /* one NaN */
		} else {
			int n = sqlite3_value_bytes(argv[i]);
			const void *p = type == SQLITE_BLOB ? sqlite3_value_blob(argv[i])
							    : (const void *)sqlite3_value_text(argv[i]);
			strbuf_putc(&sb, type == SQLITE_BLOB ? 'B' : 'T');
			put_be(&sb, (uint64_t)n, 4);
			strbuf_append(&sb, p ? p : "", (size_t)n);
		}
	}
	pgfn_result_sb(ctx, &sb, true);
}

int pgfn_register_format(sqlite3 *db, struct pgfn_conn *c)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	static const struct pgfn_def defs[] = {
		{"pgfn_format", -1, fn_format},
		{"pgfn_format_va", 2, fn_format_va},
		{"pgfn_quote_ident", 1, fn_quote_ident},
		{"pgfn_parse_ident", 1, fn_parse_ident},
		{"pgfn_parse_ident", 2, fn_parse_ident},
		{"pgfn_record_text", -1, fn_record_text},
		{"pgfn_row_key", -1, fn_row_key},
	};
	int rc = pgfn_define(db, defs, ARRAY_LEN(defs));
	if (rc == SQLITE_OK) /* reads the session's zone and DateStyle (c) */
		rc = sqlite3_create_function(db, "pgfn_text_out", 3, flags, c, fn_text_out, NULL,
					     NULL);
	if (rc == SQLITE_OK) /* reads the session's extra_float_digits (c) */
		rc = sqlite3_create_function(db, "pgfn_pgtext", 2, flags, c, fn_pgtext, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_quote_literal", 1, flags, NULL,
					     fn_quote_literal, NULL, NULL);
	if (rc == SQLITE_OK) /* user data marks quote_nullable */
		rc = sqlite3_create_function(db, "pgfn_quote_nullable", 1, flags, (void *)db,
					     fn_quote_literal, NULL, NULL);
	return rc;
}
