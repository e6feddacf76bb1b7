/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_plpgsql.h: private to xlat's PL/pgSQL loader — the small JSON reader for the tree
 * pg_query_parse_plpgsql() prints, PostgreSQL's condition-name table (plerrcodes) and the
 * rewriting of embedded SQL whose variables become parameters. */
#ifndef SHARDLITE_XLAT_PLPGSQL_H
#define SHARDLITE_XLAT_PLPGSQL_H

#include "xlat.h"

/* ---- xlat_pljson.c: a JSON document as a tree in an arena ---- */
enum xlat_json_type { XJ_NULL, XJ_BOOL, XJ_NUMBER, XJ_STRING, XJ_ARRAY, XJ_OBJECT };
struct xlat_json {
	enum xlat_json_type type;
	const char *str; /* STRING: decoded UTF-8 (NUL-terminated); NUMBER: its text */
	bool b;
	const char *key; /* a member of an object: its key */
	struct xlat_json *items; /* ARRAY elements, OBJECT members, in input order */
	size_t n;
};
/* Parses s into a tree allocated in a; NULL when s is not JSON (or nests too deep). */
struct xlat_json *xlat_json_parse(struct arena *a, const char *s);
/* Member key of object o, NULL when o is no object or has none. */
const struct xlat_json *xlat_json_get(const struct xlat_json *o, const char *key);
/* The string member key of o, NULL when absent or not a string. */
const char *xlat_json_str(const struct xlat_json *o, const char *key);
/* The number member key of o as an int, dflt when absent. */
int xlat_json_int(const struct xlat_json *o, const char *key, int dflt);
/* The boolean member key of o, false when absent. */
bool xlat_json_bool(const struct xlat_json *o, const char *key);

/* ---- xlat_plbind.c: variables in embedded SQL ---- */
/* Resolves the column reference names[0..n) to a variable: true with *ref filled, false when
 * it names none (it is then a column). */
typedef bool xlat_plbind_fn(void *arg, const char *const *names, size_t n, struct xlat_pl_ref *ref);
/* sql (a SELECT, INSERT, UPDATE, DELETE or other statement, PostgreSQL text) with each column
 * reference fn resolves replaced by $k, k numbering the distinct references in *refs. Other
 * statements (utility: CREATE ...) are kept as written, as PostgreSQL's PL/pgSQL substitutes
 * no variables in them. False with err: 42601 for a syntax error, 0A000 for a whole-record
 * reference. Everything lives in a. */
bool xlat_plbind(const char *sql, xlat_plbind_fn *fn, void *arg, struct arena *a,
		 struct xlat_pl_expr *out, struct pgerr *err) MUST_CHECK;

#endif
