/* SPDX-License-Identifier: Apache-2.0 */
/* shard_enumrename.c: ALTER TYPE ... RENAME TO of an enum, in a table's stored text. A CHECK
 * that orders the enum keeps its labels as a membership list, which the rename leaves alone,
 * but also the enum's name: in the mark ALTER TYPE looks for (xlat_enumpred.c's
 * "enum order <type>" / "enum label <type>") and in the casts of its PostgreSQL text
 * ("pg"/"pgp" comments: 'x'::type), which pg_get_constraintdef prints. Both follow the name. */
#include "shard_int.h"

#include "pgfn.h"

#include <string.h>

static bool ident_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '_' || ch == '$' || (unsigned char)ch >= 0x80;
}

/* Appends s[0..n) to out with every "::from" (a whole name) as "::to". */
static void casts(struct strbuf *out, const char *s, size_t n, const char *from, const char *to)
{
	size_t fl = strlen(from);
	for (size_t i = 0; i < n;) {
		if (i + 2 + fl <= n && s[i] == ':' && s[i + 1] == ':' &&
		    memcmp(s + i + 2, from, fl) == 0 &&
		    (i + 2 + fl == n || !ident_char(s[i + 2 + fl]) || from[fl - 1] == '"')) {
			strbuf_puts(out, "::");
			strbuf_puts(out, to);
			i += 2 + fl;
			continue;
		}
		strbuf_putc(out, s[i++]);
	}
}

static const char *quoted(struct strbuf *sb, const char *name)
{
	strbuf_reset(sb);
	pgfn_quote_ident(sb, name, strlen(name));
	return sb->data ? sb->data : "";
}

char *shard_enum_rename_text(const char *def, const char *from, const char *to)
{
	struct strbuf out, qf, qt;
	strbuf_init(&out, 0);
	strbuf_init(&qf, 0);
	strbuf_init(&qt, 0);
	const char *qfrom = quoted(&qf, from), *qto = quoted(&qt, to);
	for (const char *p = def; *p;) {
		const char *open = strstr(p, "/* shardlite: ");
		if (!open) {
			strbuf_puts(&out, p);
			break;
		}
		strbuf_append(&out, p, (size_t)(open - p));
		const char *close = strstr(open, "*/");
		size_t len = close ? (size_t)(close + 2 - open) : strlen(open);
		const char *kind = open + strlen("/* shardlite: ");
		bool pg = strncmp(kind, "pg ", 3) == 0 || strncmp(kind, "pgp ", 4) == 0;
		const char *marks[] = {"enum order ", "enum label "};
		bool marked = false;
		for (size_t m = 0; m < 2 && !marked; m++) {
			size_t ml = strlen(marks[m]);
			if (strncmp(kind, marks[m], ml) == 0 &&
			    strncmp(kind + ml, from, strlen(from)) == 0 &&
			    strncmp(kind + ml + strlen(from), " */", 3) == 0) {
				strbuf_printf(&out, "/* shardlite: %s%s */", marks[m], to);
				marked = true;
			}
		}
		if (!marked && pg)
			casts(&out, open, len, qfrom, qto);
		else if (!marked)
			strbuf_append(&out, open, len);
		p = open + len;
	}
	strbuf_fini(&qf);
	strbuf_fini(&qt);
	if (out.failed) {
		strbuf_fini(&out);
		return NULL;
	}
	char *r = base_xstrdup(out.data ? out.data : "");
	strbuf_fini(&out);
	return r;
}
