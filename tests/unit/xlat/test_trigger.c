/* SPDX-License-Identifier: Apache-2.0 */
/* test_trigger.c: what the translator does for triggers beyond CREATE TRIGGER's script — a
 * trigger function's transition tables (xlat_env.transitions) read through
 * shardlite_transition(), typed by their table's columns and hidden by a WITH query of the
 * name; and a WHEN condition's text after RENAME COLUMN (xlat_trigger_when_renamed). */
#include "xlat_test.h"

#include <string.h>
#include <strings.h>

#include "base.h"

/* items(id int4, name text) */
static const struct xlat_schema_col item_cols[] = {{"id", 23, -1, 0, NULL, false, false, false},
						   {"name", 25, -1, 0, NULL, false, false, false}};

static bool table_fn(void *arg, const char *name, struct arena *a,
		     const struct xlat_schema_col **cols, size_t *ncols)
{
	(void)arg;
	(void)a;
	if (strcasecmp(name, "items") != 0)
		return false;
	*cols = item_cols;
	*ncols = ARRAY_LEN(item_cols);
	return true;
}

static const struct xlat_schema schema = {.table_fn = table_fn, .fingerprint = 0x7a61};

#define V(i)                                                                              \
	"CASE json_type(value, '$[" #i "]') WHEN 'object' THEN pgfn_decode(json_extract(" \
	"value, '$[" #i "].x'), 'hex') ELSE json_extract(value, '$[" #i "]') END"
#define READER(name, alias)                                              \
	"(SELECT " V(0) " AS id, " V(                                    \
		1) " AS name FROM json_each(shardlite_transition('" name \
		   "')) UNION ALL SELECT id, name FROM main.items WHERE 0) AS " alias

struct tcase {
	const char *pg, *want; /* want: SQLite SQL, or "!SSSSS" */
	uint32_t type0;        /* the first result column's type, 0: not checked */
};

static const struct tcase cases[] = {
	{"SELECT count(*) FROM newrows",
	 "SELECT count(*) AS count FROM " READER("newrows", "newrows"), 20},
	{"SELECT n.name FROM newrows n JOIN oldrows o USING (id)",
	 "SELECT n.name FROM " READER("newrows", "n") " JOIN " READER("oldrows", "o") " USING (id)",
	 25},
	/* a WITH query of the name comes first; a schema-qualified name is the table */
	{"WITH newrows AS (SELECT 1 AS k) SELECT k FROM newrows",
	 "WITH newrows AS (SELECT 1 AS k) SELECT k FROM newrows", 23},
	{"SELECT id FROM public.items", "SELECT id FROM items", 23},
};

START_TEST(test_transitions)
{
	const struct tcase *t = &cases[_i];
	static const struct xlat_transition tt[] = {{"newrows", "items"}, {"oldrows", "items"}};
	struct xlat_env env = {.schema = &schema, .transitions = tt, .ntransitions = 2};
	struct arena *a = arena_new(0);
	struct xlat_stmt *st = NULL;
	size_t n = 0;
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = xlat_translate_in(&env, t->pg, NULL, 0, a, &st, &n, &err);
	ck_assert_msg(ok, "%s: %s", t->pg, err.message);
	ck_assert_str_eq(st->sql, t->want);
	if (t->type0)
		ck_assert_uint_eq(st->cols[0].type_oid, t->type0);
	/* the same text without the transition tables is not the cached translation */
	struct xlat_env plain = {.schema = &schema};
	if (strstr(t->want, "shardlite_transition")) {
		ok = xlat_translate_in(&plain, t->pg, NULL, 0, a, &st, &n, &err);
		ck_assert(!ok || !strstr(st->sql, "shardlite_transition"));
	}
	arena_free(a);
}
END_TEST

struct wcase {
	const char *when, *from, *to, *want;
};

static const struct wcase wcases[] = {
	{"NEW.body <> OLD.body", "body", "content", "NEW.content <> OLD.content"},
	{"new.Body IS DISTINCT FROM old.\"body\"", "body", "Text Body",
	 "new.\"Text Body\" IS DISTINCT FROM old.\"Text Body\""},
	/* a quoted name matches as written, an unquoted one folded */
	{"NEW.\"Hits\" > 0 AND NEW.hits > 1", "Hits", "views", "NEW.views > 0 AND NEW.hits > 1"},
	/* other names, strings and functions stay */
	{"NEW.bodyx = 'NEW.body' AND lower(NEW.body) <> body(OLD)", "body", "b",
	 "NEW.bodyx = 'NEW.body' AND lower(NEW.b) <> body(OLD)"},
	{"s.new.body = 1", "body", "b", "s.new.body = 1"},
	{"NEW.* IS DISTINCT FROM OLD.*", "body", "b", "NEW.* IS DISTINCT FROM OLD.*"},
};

START_TEST(test_when_renamed)
{
	const struct wcase *w = &wcases[_i];
	struct arena *a = arena_new(0);
	ck_assert_str_eq(xlat_trigger_when_renamed(a, w->when, w->from, w->to), w->want);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_trigger(void)
{
	Suite *s = suite_create("trigger");
	TCase *tc = tcase_create("trigger");
	tcase_add_loop_test(tc, test_transitions, 0, (int)ARRAY_LEN(cases));
	tcase_add_loop_test(tc, test_when_renamed, 0, (int)ARRAY_LEN(wcases));
	suite_add_tcase(s, tc);
	return s;
}
