/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_json.h: private to pgfn — a parsed JSON value (in an arena, with each node's span in
 * the source text, which json keeps verbatim) and the writers for PostgreSQL's text forms. */
#ifndef SHARDLITE_PGFN_JSON_H
#define SHARDLITE_PGFN_JSON_H

#include "pgfn_int.h"
#include "pgtype.h"

enum jtype { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

struct jv {
	enum jtype type;
	const char *str; /* J_STRING: decoded UTF-8; J_NUMBER: the number's text */
	size_t len;
	const char *key; /* a member of an object: its decoded key */
	size_t klen;
	const char *src; /* the value's text in the input (json's -> returns it unchanged) */
	size_t srclen;
	struct jv *items; /* J_ARRAY elements, J_OBJECT members (in input order) */
	size_t n;
};

/* Parses s[0..n) into a tree allocated in a. NULL on invalid JSON with *err set to
 * PostgreSQL's message (22P02 "invalid input syntax for type json") or 54001 for nesting. */
struct jv *pgfn_json_parse(struct arena *a, const char *s, size_t n, const char **sqlstate,
			   const char **err);

/* Rewrites v into jsonb's canonical form: object members sorted by key length then bytes,
 * duplicate keys resolved to the last, numbers in numeric's output form. */
void pgfn_jsonb_canon(struct arena *a, struct jv *v);

/* Appends v as jsonb_out prints it ({"a": 1, "b": [1, 2]}); pretty: as jsonb_pretty. */
void pgfn_jsonb_write(struct strbuf *sb, const struct jv *v, bool pretty);

/* Appends s as a JSON string literal with PostgreSQL's escapes (escape_json). */
void pgfn_json_escape(struct strbuf *sb, const char *s, size_t n);

/* Appends the numeric output form of a JSON number's text (1e2 → 100, 1.50 kept). */
void pgfn_json_number(struct strbuf *sb, const char *s, size_t n);

/* Parses a json/jsonb SQL argument into a; NULL after raising the error on ctx. */
struct jv *pgfn_json_arg(sqlite3_context *ctx, struct arena *a, sqlite3_value *v);

/* Appends v as to_json renders a value whose PostgreSQL type the tag letter names
 * (pgfn_jsonfn.c lists the letters). */
void pgfn_json_put_value(struct strbuf *sb, char tag, sqlite3_value *v);

/* Ends a json result in sb (released): as it is, or (jsonb) parsed and written canonically. */
void pgfn_json_result(sqlite3_context *ctx, struct strbuf *sb, bool jsonb);
/* pgfn_jsonobj.c: json_object, jsonb_object. */
int pgfn_register_jsonobj(sqlite3 *db);
/* pgfn_jsonop.c: operators, jsonb_set/insert and the aggregates. */
int pgfn_register_jsonop(sqlite3 *db);
/* pgfn_jsonbcmp.c: the collation pgfn_jsonb (jsonb's btree order). */
int pgfn_register_jsonbcmp(sqlite3 *db);

#endif
