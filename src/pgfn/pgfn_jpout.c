/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_jpout.c: the jsonpath type's output — a parsed path (pgfn_jsonpath.h) printed as
 * PostgreSQL 15's jsonpath_out prints it (printJsonPathItem: keys quoted, operators spaced,
 * brackets by priority) — and pgfn_jsonpath_in(text), the input function casts and jsonpath
 * columns call. */
#include "pgfn_jsonpath.h"

#include <string.h>

static int priority(enum jp_kind k)
{
	switch (k) {
	case JP_OR:
		return 0;
	case JP_AND:
		return 1;
	case JP_EQ:
	case JP_NE:
	case JP_LT:
	case JP_GT:
	case JP_LE:
	case JP_GE:
	case JP_STARTS:
		return 2;
	case JP_ADD:
	case JP_SUB:
		return 3;
	case JP_MUL:
	case JP_DIV:
	case JP_MOD:
		return 4;
	case JP_PLUS:
	case JP_MINUS:
		return 5;
	default:
		return 6;
	}
}

static const char *op_name(enum jp_kind k)
{
	static const char *const names[] = {"&&", "||",          "==", "!=", "<", ">", "<=",
					    ">=", "starts with", "+",  "-",  "*", "/", "%"};
	return names[k - JP_AND];
}

static const char *const method_names[] = {".type()",    ".size()",   ".abs()",     ".floor()",
					   ".ceiling()", ".double()", ".keyvalue()"};

static void print(struct strbuf *sb, const struct jp *v, bool in_key, bool brackets)
{
	switch (v->kind) {
	case JP_NULL:
		strbuf_puts(sb, "null");
		break;
	case JP_BOOL:
		strbuf_puts(sb, v->flags ? "true" : "false");
		break;
	case JP_NUMBER: /* (1).type(): PostgreSQL 15 brackets a number an accessor follows */
		strbuf_puts(sb, v->next ? "(" : "");
		strbuf_append(sb, v->s, v->n);
		strbuf_puts(sb, v->next ? ")" : "");
		break;
	case JP_KEY:
		if (in_key)
			strbuf_putc(sb, '.');
		pgfn_json_escape(sb, v->s, v->n);
		break;
	case JP_STRING:
		pgfn_json_escape(sb, v->s, v->n);
		break;
	case JP_VAR:
		strbuf_putc(sb, '$');
		pgfn_json_escape(sb, v->s, v->n);
		break;
	case JP_ROOT:
		strbuf_putc(sb, '$');
		break;
	case JP_CURRENT:
		strbuf_putc(sb, '@');
		break;
	case JP_LAST:
		strbuf_puts(sb, "last");
		break;
	case JP_ANYARRAY:
		strbuf_puts(sb, "[*]");
		break;
	case JP_ANYKEY:
		strbuf_puts(sb, in_key ? ".*" : "*");
		break;
	case JP_INDEX:
		strbuf_putc(sb, '[');
		for (size_t i = 0; i < v->nsub; i++) {
			strbuf_puts(sb, i ? "," : "");
			print(sb, v->from[i], false, false);
			if (v->to[i]) {
				strbuf_puts(sb, " to ");
				print(sb, v->to[i], false, false);
			}
		}
		strbuf_putc(sb, ']');
		break;
	case JP_ANY:
		strbuf_puts(sb, in_key ? ".**" : "**");
		if (v->first == 0 && v->last == JP_ANY_LAST)
			break;
		if (v->first == v->last && v->first == JP_ANY_LAST)
			strbuf_puts(sb, "{last}");
		else if (v->first == v->last)
			strbuf_printf(sb, "{%u}", v->first);
		else if (v->first == JP_ANY_LAST)
			strbuf_printf(sb, "{last to %u}", v->last);
		else if (v->last == JP_ANY_LAST)
			strbuf_printf(sb, "{%u to last}", v->first);
		else
			strbuf_printf(sb, "{%u to %u}", v->first, v->last);
		break;
	case JP_FILTER:
		strbuf_puts(sb, "?(");
		print(sb, v->l, false, false);
		strbuf_putc(sb, ')');
		break;
	case JP_TYPE:
	case JP_SIZE:
	case JP_ABS:
	case JP_FLOOR:
	case JP_CEILING:
	case JP_DOUBLE:
	case JP_KEYVALUE:
		strbuf_puts(sb, method_names[v->kind - JP_TYPE]);
		break;
	case JP_DATETIME:
		strbuf_puts(sb, ".datetime(");
		if (v->l)
			print(sb, v->l, false, false);
		strbuf_putc(sb, ')');
		break;
	case JP_NOT:
		strbuf_puts(sb, "!(");
		print(sb, v->l, false, false);
		strbuf_putc(sb, ')');
		break;
	case JP_ISUNKNOWN:
		strbuf_putc(sb, '(');
		print(sb, v->l, false, false);
		strbuf_puts(sb, ") is unknown");
		break;
	case JP_EXISTS:
		strbuf_puts(sb, "exists (");
		print(sb, v->l, false, false);
		strbuf_putc(sb, ')');
		break;
	case JP_PLUS:
	case JP_MINUS:
		strbuf_puts(sb, brackets ? "(" : "");
		strbuf_putc(sb, v->kind == JP_PLUS ? '+' : '-');
		print(sb, v->l, false, priority(v->l->kind) <= priority(v->kind));
		strbuf_puts(sb, brackets ? ")" : "");
		break;
	case JP_LIKE:
		strbuf_puts(sb, brackets ? "(" : "");
		print(sb, v->l, false, priority(v->l->kind) <= priority(v->kind));
		strbuf_puts(sb, " like_regex ");
		pgfn_json_escape(sb, v->s, v->n);
		if (v->flags) {
			strbuf_puts(sb, " flag \"");
			for (int i = 0; i < 5; i++)
				if (v->flags & (1 << i))
					strbuf_putc(sb, "ismxq"[i]);
			strbuf_putc(sb, '"');
		}
		strbuf_puts(sb, brackets ? ")" : "");
		break;
	default: /* binary */
		strbuf_puts(sb, brackets ? "(" : "");
		print(sb, v->l, false, priority(v->l->kind) <= priority(v->kind));
		strbuf_printf(sb, " %s ", op_name(v->kind));
		print(sb, v->r, false, priority(v->r->kind) <= priority(v->kind));
		strbuf_puts(sb, brackets ? ")" : "");
		break;
	}
	if (v->next)
		print(sb, v->next, true, true);
}

void pgfn_jsonpath_write(struct strbuf *sb, const struct jsonpath *p)
{
	if (!p->lax)
		strbuf_puts(sb, "strict ");
	print(sb, p->root, false, true);
}

struct jsonpath *pgfn_jsonpath_arg(sqlite3_context *ctx, struct arena *a, sqlite3_value *v)
{
	size_t n;
	const char *s = pgfn_text(v, &n), *state = NULL, *err = NULL;
	struct jsonpath *p = pgfn_jsonpath_parse(a, s, n, &state, &err);
	if (!p)
		pgfn_error(ctx, state, "%s", err);
	return p;
}

/* pgfn_jsonpath_in(text): jsonpath_in — the path checked and normalized. */
static void fn_jsonpath_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct jsonpath *p = pgfn_jsonpath_arg(ctx, a, argv[0]);
	if (p) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_jsonpath_write(&sb, p);
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

int pgfn_register_jsonpath(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "pgfn_jsonpath_in", 1, flags, NULL, fn_jsonpath_in,
					 NULL, NULL);
	return rc == SQLITE_OK ? pgfn_register_jpfn(db) : rc;
}
