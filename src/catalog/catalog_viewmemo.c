/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_viewmemo.c: what the session's translator said of each of the tenant's views
 * (pg_get_viewdef's text, pg_relation_is_updatable's events), kept while the schema model
 * stands: each answer parses the view's SQL, and information_schema.views and tables asked
 * it for every view in every statement. Cleared with the model and when another session is
 * lent to the connection. */
#include "catalog_int.h"

#include <stdlib.h>
#include <string.h>

enum fact_kind { FACT_DEF, FACT_EVENTS };

struct fact {
	const struct cat_rel *rel; /* the model's: the memo is cleared with it */
	enum fact_kind kind;
	bool pretty;
	int wrap;
	const char *schema; /* the definition's qualifying schema, NULL: none */
	const char *def;    /* NULL: failed with *err, or none */
	struct pgerr *err;
	int events;
};

struct cat_view_memo {
	struct arena *a;
	const struct catalog_session *sess;
	struct fact *facts;
	size_t n, cap;
};

struct cat_view_memo *cat_view_memo_new(void)
{
	return base_xcalloc(1, sizeof(struct cat_view_memo));
}

void cat_view_memo_clear(struct cat_view_memo *vm)
{
	arena_free(vm->a);
	vm->a = NULL;
	free(vm->facts);
	vm->facts = NULL;
	vm->n = vm->cap = 0;
	vm->sess = NULL;
}

void cat_view_memo_free(struct cat_view_memo *vm)
{
	if (!vm)
		return;
	cat_view_memo_clear(vm);
	free(vm);
}

static bool same_schema(const char *x, const char *y)
{
	return x == y || (x && y && strcmp(x, y) == 0);
}

static struct fact *find(struct cat_view_memo *vm, const struct catalog_session *sess,
			 const struct fact *key)
{
	if (vm->sess != sess) {
		cat_view_memo_clear(vm);
		vm->sess = sess;
	}
	for (size_t i = 0; i < vm->n; i++) {
		struct fact *f = &vm->facts[i];
		if (f->rel == key->rel && f->kind == key->kind && f->pretty == key->pretty &&
		    f->wrap == key->wrap && same_schema(f->schema, key->schema))
			return f;
	}
	return NULL;
}

static struct fact *add(struct cat_view_memo *vm, const struct fact *key)
{
	if (!vm->a)
		vm->a = arena_new(0);
	if (vm->n == vm->cap) {
		vm->cap = vm->cap ? vm->cap * 2 : 16;
		vm->facts = base_xrealloc(vm->facts, vm->cap * sizeof(*vm->facts));
	}
	struct fact *f = &vm->facts[vm->n++];
	*f = *key;
	f->schema = key->schema ? arena_strdup(vm->a, key->schema) : NULL;
	return f;
}

bool cat_view_memo_def(struct cat_view_memo *vm, const struct catalog_session *sess,
		       const struct cat_rel *rel, bool pretty, int wrap, const char *schema,
		       struct arena *a, const char **def, struct pgerr *err)
{
	const struct fact key = {rel, FACT_DEF, pretty, wrap, schema, NULL, NULL, 0};
	const struct fact *f = find(vm, sess, &key);
	if (!f)
		return false;
	*def = f->def ? arena_strdup(a, f->def) : NULL;
	if (f->err)
		*err = *f->err;
	return true;
}

void cat_view_memo_put_def(struct cat_view_memo *vm, const struct cat_rel *rel, bool pretty,
			   int wrap, const char *schema, const char *def, const struct pgerr *err)
{
	const struct fact key = {rel, FACT_DEF, pretty, wrap, schema, NULL, NULL, 0};
	struct fact *f = add(vm, &key);
	f->def = def ? arena_strdup(vm->a, def) : NULL;
	if (!def) {
		f->err = arena_alloc(vm->a, sizeof(*f->err));
		*f->err = *err;
	}
}

bool cat_view_memo_events(struct cat_view_memo *vm, const struct catalog_session *sess,
			  const struct cat_rel *rel, int *events)
{
	const struct fact key = {rel, FACT_EVENTS, false, 0, NULL, NULL, NULL, 0};
	const struct fact *f = find(vm, sess, &key);
	if (f)
		*events = f->events;
	return f != NULL;
}

void cat_view_memo_put_events(struct cat_view_memo *vm, const struct cat_rel *rel, int events)
{
	const struct fact key = {rel, FACT_EVENTS, false, 0, NULL, NULL, NULL, events};
	add(vm, &key);
}
