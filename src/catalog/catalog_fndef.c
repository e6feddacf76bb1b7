/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_fndef.c: pg_get_functiondef(oid) for the built-in functions pg_proc lists — the
 * CREATE OR REPLACE FUNCTION text PostgreSQL 15's ruleutils.c prints, put together from the
 * pg_proc row (catalog_proc_data.c) and, where one is needed, its SUPPORT function, probin or
 * deparsed SQL body (catalog_fndef_data.c). A tenant has no functions of its own. */
#include "catalog_int.h"

#include "pgfn.h"

#include <stdlib.h>
#include <string.h>

static int cmp_proc(const void *key, const void *elem)
{
	uint32_t oid = *(const uint32_t *)key, other = ((const struct cat_proc *)elem)->oid;
	return oid < other ? -1 : oid > other;
}

static int cmp_fndef(const void *key, const void *elem)
{
	uint32_t oid = *(const uint32_t *)key, other = ((const struct cat_fndef *)elem)->oid;
	return oid < other ? -1 : oid > other;
}

/* The options line: WINDOW, volatility, parallel safety, STRICT, LEAKPROOF, a COST or ROWS
 * other than CREATE FUNCTION's defaults, SUPPORT; nothing when all are defaults. */
static void options(struct strbuf *sb, const struct cat_proc *p, const struct cat_fndef *d)
{
	size_t mark = sb->len;
	strbuf_puts(sb, p->kind == 'w' ? " WINDOW" : "");
	strbuf_puts(sb, p->volatility == 'i' ? " IMMUTABLE" : p->volatility == 's' ? " STABLE" : "");
	strbuf_puts(sb, p->parallel == 's'   ? " PARALLEL SAFE"
			: p->parallel == 'r' ? " PARALLEL RESTRICTED"
					     : "");
	strbuf_puts(sb, p->strict ? " STRICT" : "");
	strbuf_puts(sb, p->leakproof ? " LEAKPROOF" : "");
	float cost = p->lang == 12 || p->lang == 13 ? 1 : 100; /* internal, C */
	if (p->cost != cost)
		strbuf_printf(sb, " COST %g", (double)p->cost);
	if (p->rows > 0 && p->rows != 1000)
		strbuf_printf(sb, " ROWS %g", (double)p->rows);
	if (d && d->support)
		strbuf_printf(sb, " SUPPORT %s", d->support);
	if (sb->len != mark)
		strbuf_putc(sb, '\n');
}

/* AS [probin, ]$function$prosrc$function$: dollar-quoted with a tag prosrc does not hold. */
static void body(struct strbuf *sb, const struct cat_proc *p, const struct cat_fndef *d)
{
	strbuf_puts(sb, "AS ");
	if (d && d->bin)
		strbuf_printf(sb, "'%s', ", d->bin);
	const char *src = p->src ? p->src : "";
	char tag[64] = "$function";
	size_t len = strlen(tag);
	for (;;) {
		tag[len] = '$';
		tag[len + 1] = '\0';
		if (!strstr(src, tag) || len + 2 >= sizeof(tag))
			break;
		tag[len++] = 'x';
	}
	strbuf_printf(sb, "%s%s%s\n", tag, src, tag);
}

static const char *language(uint32_t oid)
{
	switch (oid) {
	case 12:
		return "internal";
	case 13:
		return "c";
	case 14:
		return "sql";
	default:
		return "plpgsql";
	}
}

static void fn_functiondef(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	if (sqlite3_value_type(argv[0]) == SQLITE_TEXT && name && strspn(name, "0123456789") !=
								   strlen(name)) {
		/* a regproc value is the function's name here (catalog_reg.c) */
		uint32_t own = 0;
		oid = cat_udf_named(sqlite3_context_db_handle(ctx), name, &own) == 1
			      ? own
			      : cat_builtin_proc_oid(name);
	}
	size_t n = 0, nd = 0;
	const struct cat_proc *procs = cat_procs(&n);
	const struct cat_proc *p = bsearch(&oid, procs, n, sizeof(*procs), cmp_proc);
	if (!p && cat_udf_text(ctx, oid, 3))
		return;
	if (!p) { /* no such function: NULL, as PostgreSQL answers */
		sqlite3_result_null(ctx);
		return;
	}
	if (p->kind == 'a') {
		pgfn_error(ctx, "42809", "\"%s\" is an aggregate function",
			   p->name);
		return;
	}
	const struct cat_fndef *defs = cat_fndefs(&nd);
	const struct cat_fndef *d = bsearch(&oid, defs, nd, sizeof(*defs), cmp_fndef);
	if (d && d->def) {
		cat_result_text(ctx, d->def);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "CREATE OR REPLACE FUNCTION pg_catalog.");
	pgfn_quote_ident(&sb, p->name, strlen(p->name));
	strbuf_printf(&sb, "(%s)\n RETURNS %s\n", p->args ? p->args : "",
		      p->result ? p->result : "");
	strbuf_printf(&sb, " LANGUAGE %s\n", language(p->lang));
	options(&sb, p, d);
	body(&sb, p, d);
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

bool cat_fndef_register(sqlite3 *db)
{
	return sqlite3_create_function_v2(db, "pg_get_functiondef", 1,
					  SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC,
					  NULL, fn_functiondef, NULL, NULL, NULL) == SQLITE_OK;
}
