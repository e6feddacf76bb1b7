/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_jsonobj.c: json_object and jsonb_object — an object from a text array of alternating
 * keys and values (one dimension), of pairs (two), or from a keys array and a values array
 * (values are strings or null; keys may not be null) — and an object's keys as a text array,
 * which json[b]_object_keys in a select list unnests. */
#include "pgfn_json.h"

#include <string.h>

/* Appends the pairs keys[i] : vals[i] (i < n) as json_object writes them; false after raising
 * 22004 for a NULL key. */
static bool put_pairs(sqlite3_context *ctx, struct strbuf *sb, const char **keys, const char **vals,
		      size_t n, size_t stride)
{
	strbuf_putc(sb, '{');
	for (size_t i = 0; i < n; i++) {
		const char *k = keys[i * stride], *v = vals[i * stride];
		if (!k) {
			pgfn_error(ctx, "22004", "null value not allowed for object key");
			return false;
		}
		strbuf_puts(sb, i ? ", " : "");
		pgfn_json_escape(sb, k, strlen(k));
		strbuf_puts(sb, " : ");
		if (v)
			pgfn_json_escape(sb, v, strlen(v));
		else
			strbuf_puts(sb, "null");
	}
	strbuf_putc(sb, '}');
	return true;
}

/* The one-array form: {k1,v1,k2,v2} or {{k1,v1},{k2,v2}}. */
static bool one_array(sqlite3_context *ctx, struct strbuf *sb, const struct pgfn_md *md)
{
	if (md->ndims == 0)
		return put_pairs(ctx, sb, NULL, NULL, 0, 2);
	if (md->ndims == 1 && md->n % 2) {
		pgfn_error(ctx, "2202E", "array must have even number of elements");
		return false;
	}
	if (md->ndims == 2 && md->dims[1] != 2) {
		pgfn_error(ctx, "2202E", "array must have two columns");
		return false;
	}
	if (md->ndims > 2) {
		pgfn_error(ctx, "2202E", "wrong number of array subscripts");
		return false;
	}
	return put_pairs(ctx, sb, md->items, md->items + 1, md->n / 2, 2);
}

static bool two_arrays(sqlite3_context *ctx, struct strbuf *sb, const struct pgfn_md *k,
		       const struct pgfn_md *v)
{
	if (k->ndims > 1 || v->ndims > 1) {
		pgfn_error(ctx, "2202E", "wrong number of array subscripts");
		return false;
	}
	if (k->n != v->n) {
		pgfn_error(ctx, "2202E", "mismatched array dimensions");
		return false;
	}
	return put_pairs(ctx, sb, k->items, v->items, k->n, 1);
}

/* pgfn_json_object(a) / pgfn_json_object(keys, values); pgfn_jsonb_object the same (user
 * data set), in jsonb's canonical form. */
static void fn_object(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgfn_md k, v;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool ok = pgfn_array_md_arg(ctx, a, argv[0], &k) &&
		  (argc == 1 || pgfn_array_md_arg(ctx, a, argv[1], &v)) &&
		  (argc == 1 ? one_array(ctx, &sb, &k) : two_arrays(ctx, &sb, &k, &v));
	if (ok)
		pgfn_json_result(ctx, &sb, sqlite3_user_data(ctx) != NULL);
	else
		strbuf_fini(&sb);
	arena_free(a);
}

/* pgfn_json_keys_array(j, jsonb): the keys of object j as a text[] (jsonb: each once, in
 * jsonb's order), json[b]_object_keys' rows. */
static void fn_keys_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	bool jsonb = sqlite3_value_int(argv[1]) != 0;
	struct arena *a = arena_new(0);
	struct jv *j = pgfn_json_arg(ctx, a, argv[0]);
	if (j && jsonb)
		pgfn_jsonb_canon(a, j);
	if (j && j->type != J_OBJECT) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot call %s on %s",
			   jsonb ? "jsonb_object_keys" : "json_object_keys",
			   j->type == J_ARRAY ? "an array" : "a scalar");
	} else if (j) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '{');
		for (size_t i = 0; i < j->n; i++) {
			strbuf_puts(&sb, i ? "," : "");
			pgfn_array_put_elem(&sb,
					    arena_strndup(a, j->items[i].key, j->items[i].klen));
		}
		strbuf_putc(&sb, '}');
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

int pgfn_register_jsonobj(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = SQLITE_OK;
	for (int n = 1; n <= 2 && rc == SQLITE_OK; n++) {
		rc = sqlite3_create_function(db, "pgfn_json_object", n, flags, NULL, fn_object,
					     NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_create_function(db, "pgfn_jsonb_object", n, flags, db,
						     fn_object, NULL, NULL);
	}
	return rc == SQLITE_OK ? sqlite3_create_function(db, "pgfn_json_keys_array", 2, flags, NULL,
							 fn_keys_array, NULL, NULL)
			       : rc;
}
