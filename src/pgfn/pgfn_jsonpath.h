/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_jsonpath.h: private to pgfn — a parsed SQL/JSON path (PostgreSQL 15's jsonpath) as a
 * small tree in an arena: pgfn_jsonpath.c reads and prints it, pgfn_jpexec.c evaluates it. */
#ifndef SHARDLITE_PGFN_JSONPATH_H
#define SHARDLITE_PGFN_JSONPATH_H

#include "pgfn_json.h"

enum jp_kind {
	/* primaries */
	JP_NULL,
	JP_BOOL,
	JP_NUMBER,
	JP_STRING,
	JP_VAR,
	JP_ROOT,
	JP_CURRENT,
	JP_LAST,
	/* accessors */
	JP_KEY,
	JP_ANYKEY,
	JP_ANYARRAY,
	JP_INDEX,
	JP_ANY,
	JP_FILTER,
	/* item methods */
	JP_TYPE,
	JP_SIZE,
	JP_ABS,
	JP_FLOOR,
	JP_CEILING,
	JP_DOUBLE,
	JP_KEYVALUE,
	JP_DATETIME,
	/* binary operators (l, r) */
	JP_AND,
	JP_OR,
	JP_EQ,
	JP_NE,
	JP_LT,
	JP_GT,
	JP_LE,
	JP_GE,
	JP_STARTS,
	JP_ADD,
	JP_SUB,
	JP_MUL,
	JP_DIV,
	JP_MOD,
	/* unary (l) */
	JP_NOT,
	JP_ISUNKNOWN,
	JP_EXISTS,
	JP_PLUS,
	JP_MINUS,
	JP_LIKE,
};

/* like_regex flags, in the order PostgreSQL prints them */
#define JP_RE_I 1
#define JP_RE_S 2
#define JP_RE_M 4
#define JP_RE_X 8
#define JP_RE_Q 16

#define JP_ANY_LAST UINT32_MAX /* .**{last} */

struct jp {
	enum jp_kind kind;
	struct jp *next; /* the accessor applied to this item's results */
	struct jp *l, *r;
	const char *s; /* key, string, variable name, number (numeric_out's text), pattern */
	size_t n;
	int flags;              /* like_regex flags; JP_BOOL's value */
	uint32_t first, last;   /* .** levels */
	struct jp **from, **to; /* [a, b to c]: to[i] NULL for a single subscript */
	size_t nsub;
};

struct jsonpath {
	bool lax;
	struct jp *root;
};

/* Parses s[0..n) into a tree in a. NULL with sqlstate and err set (42601 with PostgreSQL's
 * message for a syntax error, 22P02 for an empty path). */
struct jsonpath *pgfn_jsonpath_parse(struct arena *a, const char *s, size_t n,
				     const char **sqlstate, const char **err);

/* Appends p as jsonpath_out prints it. */
void pgfn_jsonpath_write(struct strbuf *sb, const struct jsonpath *p);

/* A path argument parsed into a; NULL after raising the error on ctx. */
struct jsonpath *pgfn_jsonpath_arg(sqlite3_context *ctx, struct arena *a, sqlite3_value *v);

/* The items a path yields, in the evaluation's arena. */
struct jp_items {
	const struct jv **v;
	size_t n, cap;
};

enum jp_res { JPR_OK, JPR_NOTFOUND, JPR_ERROR };

/* pgfn_jpexec.c: evaluates p over target (jsonb, canonical) with vars (an object, or NULL),
 * allocating in a. JPR_OK with the items appended to found (found NULL: only whether there is
 * one), JPR_NOTFOUND, or JPR_ERROR: an error the silent flag hid, or one it does not hide
 * (then *sqlstate and *err are set, and the statement must fail). */
enum jp_res pgfn_jsonpath_exec(struct arena *a, const struct jsonpath *p, const struct jv *target,
			       const struct jv *vars, bool silent, struct jp_items *found,
			       const char **sqlstate, const char **err);

/* pgfn_jpdatetime.c: .datetime()'s items. Whether v is one; its type() name. */
bool pgfn_jp_is_datetime(const struct jv *v);
const char *pgfn_jp_datetime_type(const struct jv *v);
/* The item an ISO 8601 date, time or timestamp s[0..n) reads as, in a; NULL with sqlstate and
 * err (22031 for an impossible date or time, 0A000 for another spelling). */
struct jv *pgfn_jp_datetime_parse(struct arena *a, const char *s, size_t n, const char **sqlstate,
				  const char **err);
/* The item s[0..n) reads as by template tmpl[0..tn) (.datetime(template)), in a; NULL with
 * sqlstate and err (to_timestamp's 22007/22008, 0A000). */
struct jv *pgfn_jp_datetime_template(struct arena *a, const char *s, size_t n, const char *tmpl,
				     size_t tn, const char **sqlstate, const char **err);
/* The item a string no ISO 8601 reading took reads as by the first of PostgreSQL's templates
 * for .datetime() that fits it (jsonpath_exec.c's fmt_str: "yyyy-mm-dd", "HH24:MI:SS" ...,
 * in strict mode, so 2023-1-2 is a date); NULL with 22031 "datetime format is not recognized"
 * when none does. */
struct jv *pgfn_jp_datetime_lenient(struct arena *a, const char *s, size_t n,
				    const char **sqlstate, const char **err);
/* Orders two date/time items: 0 with *cmp set, 1 not comparable (a time and a date), 2 of
 * different types PostgreSQL would cast (not built). */
int pgfn_jp_datetime_cmp(const struct jv *a, const struct jv *b, int *cmp);

/* pgfn_jpfn.c: the jsonb_path functions and the @? @@ operators. */
int pgfn_register_jpfn(sqlite3 *db);

#endif
