/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_jsonbcmp.c: the collation pgfn_jsonb, which orders jsonb texts as PostgreSQL's
 * compareJsonbContainers (jsonb's btree order): by kind null < string < number < boolean <
 * array < object; arrays by element count, then element by element; objects by pair count,
 * then key, value, key, value ... in jsonb's key order; numbers by value, strings bytewise; at
 * the top level an empty array before every scalar. */
#include "pgfn_json.h"

#include <stdlib.h>
#include <string.h>

static int rank(enum jtype t)
{
	switch (t) {
	case J_NULL:
		return 0;
	case J_STRING:
		return 1;
	case J_NUMBER:
		return 2;
	case J_FALSE:
	case J_TRUE:
		return 3;
	case J_ARRAY:
		return 4;
	default:
		return 5;
	}
}

static int bytes_cmp(const char *a, size_t na, const char *b, size_t nb)
{
	int r = memcmp(a, b, na < nb ? na : nb);
	return r ? r : (na > nb) - (na < nb);
}

static int value_cmp(const struct jv *a, const struct jv *b)
{
	int ra = rank(a->type), rb = rank(b->type);
	if (ra != rb)
		return ra < rb ? -1 : 1;
	switch (a->type) {
	case J_NULL:
		return 0;
	case J_STRING:
		return bytes_cmp(a->str, a->len, b->str, b->len);
	case J_NUMBER: {
		struct pgfn_num *v = base_xmalloc(2 * sizeof(*v));
		int r = pgfn_num_parse(a->str, a->len, v) && pgfn_num_parse(b->str, b->len, v + 1)
				? pgfn_num_cmp(v, v + 1)
				: bytes_cmp(a->str, a->len, b->str, b->len);
		free(v);
		return r;
	}
	case J_FALSE:
	case J_TRUE:
		return (a->type == J_TRUE) - (b->type == J_TRUE);
	default:
		break;
	}
	if (a->n != b->n) /* more elements or pairs: greater */
		return a->n < b->n ? -1 : 1;
	for (size_t i = 0; i < a->n; i++) {
		int r = a->type == J_OBJECT ? bytes_cmp(a->items[i].key, a->items[i].klen,
							b->items[i].key, b->items[i].klen)
					    : 0;
		r = r ? r : value_cmp(&a->items[i], &b->items[i]);
		if (r)
			return r;
	}
	return 0;
}

/* Two top-level values: jsonb keeps a scalar as a one-element "raw scalar" array, which
 * compareJsonbContainers orders among arrays by element count first: an empty array sorts
 * before every scalar (even null), an array of elements after them. */
static int top_cmp(const struct jv *a, const struct jv *b)
{
	bool sa = a->type != J_ARRAY && a->type != J_OBJECT;
	bool sb = b->type != J_ARRAY && b->type != J_OBJECT;
	if (a->type == J_ARRAY && sb)
		return a->n == 0 ? -1 : 1;
	if (b->type == J_ARRAY && sa)
		return b->n == 0 ? 1 : -1;
	return value_cmp(a, b);
}

static int collate_jsonb(void *user, int na, const void *a, int nb, const void *b)
{
	(void)user;
	struct arena *ar = arena_new(0);
	const char *state, *err;
	struct jv *x = pgfn_json_parse(ar, a, (size_t)na, &state, &err);
	struct jv *y = x ? pgfn_json_parse(ar, b, (size_t)nb, &state, &err) : NULL;
	int r;
	if (x && y) {
		pgfn_jsonb_canon(ar, x); /* keys in jsonb's order, duplicates gone */
		pgfn_jsonb_canon(ar, y);
		r = top_cmp(x, y);
	} else { /* not jsonb text after all */
		r = bytes_cmp(a, (size_t)na, b, (size_t)nb);
	}
	arena_free(ar);
	return r;
}

int pgfn_jsonb_value_cmp(sqlite3_value *x, sqlite3_value *y)
{
	const unsigned char *a = sqlite3_value_text(x);
	int na = sqlite3_value_bytes(x); /* after the text conversion */
	char *ca = base_xmalloc((size_t)na + 1);
	memcpy(ca, a ? (const char *)a : "", (size_t)na);
	const unsigned char *b = sqlite3_value_text(y);
	int nb = sqlite3_value_bytes(y);
	int r = collate_jsonb(NULL, na, ca, nb, b ? b : (const unsigned char *)"");
	free(ca);
	return r;
}

int pgfn_register_jsonbcmp(sqlite3 *db)
{
	return sqlite3_create_collation(db, "pgfn_jsonb", SQLITE_UTF8, NULL, collate_jsonb);
}
