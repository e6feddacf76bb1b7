/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_altermulti.c: ALTER TABLE with several actions (`ALTER TABLE t ADD a int, ALTER b TYPE
 * bigint, ALTER b SET NOT NULL`), as ORMs and migration tools send it, and ALTER TABLE IF
 * EXISTS (Hibernate's `alter table if exists ... add constraint ...`). Each action is
 * translated exactly as it would be alone (so what is refused alone is refused here with the
 * same error); the statement becomes one XLAT_REBUILD whose chain (xlat_rebuild.next) the
 * shard module runs as one atomic statement, in PostgreSQL's order of passes. */
#include "xlat_int.h"

#include <string.h>
#include <strings.h>

#define AT(x) PG_QUERY__ALTER_TABLE_TYPE__AT_##x
#define CONSTR(x) PG_QUERY__CONSTR_TYPE__CONSTR_##x

/* PostgreSQL's passes (tablecmds.c, AT_PASS_*): it carries out every action of one pass
 * before any of the next, whatever the order they were written in, and checks the rows once
 * at the end (so ADD UNIQUE (b), ADD b int works, and a SET DEFAULT follows a TYPE change). */
enum pass {
	PASS_DROP = 0,
	PASS_ALTER_TYPE = 1,
	PASS_ADD_COL = 4,
	PASS_COL_ATTRS = 6,
	PASS_ADD_INDEXCONSTR = 7,
	PASS_ADD_OTHERCONSTR = 9,
	PASS_MISC = 10,
};

static enum pass pass_of(const PgQuery__AlterTableCmd *cmd)
{
	switch (cmd->subtype) {
	case AT(DropColumn):
	case AT(DropConstraint):
	case AT(DropNotNull):
	case AT(DropExpression):
		return PASS_DROP;
	case AT(ColumnDefault):
		return cmd->def ? PASS_ADD_OTHERCONSTR : PASS_DROP;
	case AT(AlterColumnType):
		return PASS_ALTER_TYPE;
	case AT(AddColumn):
		return PASS_ADD_COL;
	case AT(SetNotNull):
		return PASS_COL_ATTRS;
	case AT(AddIdentity):
		return PASS_ADD_OTHERCONSTR;
	case AT(AddConstraint): {
		const PgQuery__Constraint *k =
			cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT
				? cmd->def->constraint
				: NULL;
		return k && (k->contype == CONSTR(PRIMARY) || k->contype == CONSTR(UNIQUE))
			       ? PASS_ADD_INDEXCONSTR
			       : PASS_ADD_OTHERCONSTR;
	}
	default:
		return PASS_MISC;
	}
}

static bool ident_char(char ch)
{
	return ch == '_' || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || (ch >= '0' && ch <= '9');
}

/* Index after the quoted token, comment or dollar-quoted string that starts at s[i] (i itself
 * when none does). */
static size_t skip_quoted(const char *s, size_t i, size_t n)
{
	char ch = s[i];
	if (ch == '-' && i + 1 < n && s[i + 1] == '-') {
		while (i < n && s[i] != '\n')
			i++;
		return i;
	}
	if (ch == '/' && i + 1 < n && s[i + 1] == '*') {
		int depth = 0; /* PostgreSQL's block comments nest */
		for (; i + 1 < n; i++) {
			if (s[i] == '/' && s[i + 1] == '*')
				depth++, i++;
			else if (s[i] == '*' && s[i + 1] == '/' && --depth == 0)
				return i + 2;
		}
		return n;
	}
	if (ch == '$' && i + 1 < n && !(s[i + 1] >= '0' && s[i + 1] <= '9')) {
		size_t t = i + 1; /* $tag$ ... $tag$ */
		while (t < n && ident_char(s[t]))
			t++;
		if (t >= n || s[t] != '$')
			return i;
		size_t len = t + 1 - i;
		for (size_t k = t + 1; k + len <= n; k++) {
			if (strncmp(s + k, s + i, len) == 0)
				return k + len;
		}
		return n;
	}
	if (ch != '\'' && ch != '"')
		return i;
	/* E'...' takes backslash escapes */
	bool esc = ch == '\'' && i > 0 && (s[i - 1] | 0x20) == 'e' &&
		   (i < 2 || !ident_char(s[i - 2]));
	for (i++; i < n; i++) {
		if (esc && s[i] == '\\')
			i++;
		else if (s[i] == ch && i + 1 < n && s[i + 1] == ch)
			i++;
		else if (s[i] == ch)
			return i + 1;
	}
	return n;
}

/* The statement's text split at its top-level commas: the text of each action. False when
 * the parts do not match the actions one to one. */
static bool action_texts(struct xlat_ctx *c, size_t nact, const char **at, size_t *len)
{
	const char *s = c->src + c->st->location;
	size_t n = c->st->length ? (size_t)c->st->length : strlen(s);
	size_t k = 0, start = 0;
	int depth = 0;
	for (size_t i = 0; i < n;) {
		size_t j = skip_quoted(s, i, n);
		if (j != i) {
			i = j;
			continue;
		}
		if (s[i] == '(' || s[i] == '[')
			depth++;
		else if (s[i] == ')' || s[i] == ']')
			depth--;
		if ((s[i] == ',' || s[i] == ';') && depth == 0) {
			if (k < nact)
				at[k] = s + start, len[k] = i - start;
			k++;
			start = i + 1;
			if (s[i] == ';')
				break;
		}
		i++;
	}
	if (start < n && k < nact && strspn(s + start, " \t\r\n") < n - start)
		at[k] = s + start, len[k] = n - start, k++;
	return k == nact;
}

/* One action translated as the statement's only one, as a link of the chain. */
static struct xlat_rebuild *action(struct xlat_ctx *c, const PgQuery__RangeVar *table,
				   const PgQuery__AlterTableCmd *cmd)
{
	strbuf_reset(c->sb);
	c->st->kind = XLAT_SQL;
	c->st->rebuild = NULL;
	if (!xlat_alter_one(c, table, cmd))
		return NULL;
	if (c->sb->failed) {
		pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "translated statement too long");
		return NULL;
	}
	struct xlat_rebuild *r = arena_zalloc(c->a, sizeof(*r));
	switch (c->st->kind) {
	case XLAT_REBUILD:
		*r = *c->st->rebuild;
		break;
	case XLAT_SQL:
	case XLAT_SCRIPT:
		r->kind = XLAT_RB_SCRIPT;
		r->table = arena_strdup(c->a, table->relname);
		r->script = arena_strndup(c->a, c->sb->data ? c->sb->data : "", c->sb->len);
		break;
	default:
		xlat_unsupported(c, -1, "this ALTER TABLE action in a list of actions");
		return NULL;
	}
	return r;
}

/* PostgreSQL refuses two type changes of one column in one statement (false with 0A000). */
static bool type_changed_once(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	for (size_t i = 0; i < s->n_cmds; i++) {
		const PgQuery__AlterTableCmd *a = s->cmds[i]->alter_table_cmd;
		for (size_t j = 0; a->subtype == AT(AlterColumnType) && j < i; j++) {
			const PgQuery__AlterTableCmd *b = s->cmds[j]->alter_table_cmd;
			if (b->subtype == AT(AlterColumnType) && strcmp(a->name, b->name) == 0)
				return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
						 "cannot alter type of column \"%s\" twice",
						 a->name);
		}
	}
	return true;
}

void xlat_alter_drop_column(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			    const char *column, bool missing_ok, bool cascade)
{
	struct xlat_rebuild *r = arena_zalloc(c->a, sizeof(*r));
	xlat_nocache(c);
	r->kind = XLAT_RB_SCRIPT;
	r->table = arena_strdup(c->a, table->relname);
	r->script = arena_strndup(c->a, c->sb->data ? c->sb->data : "", c->sb->len);
	r->column = arena_strdup(c->a, column);
	r->missing_ok = missing_ok;
	r->drop_column = true;
	r->drop_cascade = cascade;
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = r;
}

bool xlat_alter_multi(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	size_t n = s->n_cmds;
	const char **at = arena_zalloc(c->a, n * sizeof(*at));
	size_t *len = arena_zalloc(c->a, n * sizeof(*len));
	struct xlat_rebuild **acts = arena_zalloc(c->a, n * sizeof(*acts));
	enum pass *pass = arena_zalloc(c->a, n * sizeof(*pass));
	bool split = action_texts(c, n, at, len);
	if (!type_changed_once(c, s))
		return false;
	xlat_nocache(c); /* the actions' text is copied out of c->sb */
	for (size_t i = 0; i < n; i++) {
		const PgQuery__AlterTableCmd *cmd = s->cmds[i]->alter_table_cmd;
		const char *follow; /* a column of the table's row type (xlat_rowusers.c) */
		if (!xlat_rowusers_alter(c, s->relation, cmd, &follow))
			return false;
		if (follow)
			return xlat_unsupported(c, -1,
						"ALTER TABLE with several actions of a table whose "
						"row type a column uses");
		/* without the parts, SET DEFAULT finds no expression: 0A000 */
		c->alter_text = split ? at[i] : "";
		c->alter_len = split ? len[i] : 0;
		acts[i] = action(c, s->relation, cmd);
		c->alter_text = NULL;
		c->alter_len = 0;
		if (!acts[i])
			return false;
		pass[i] = pass_of(cmd);
	}
	/* a stable insertion sort by pass: the order as written within one */
	for (size_t i = 1; i < n; i++) {
		for (size_t j = i; j > 0 && pass[j - 1] > pass[j]; j--) {
			enum pass p = pass[j];
			struct xlat_rebuild *r = acts[j];
			pass[j] = pass[j - 1], acts[j] = acts[j - 1];
			pass[j - 1] = p, acts[j - 1] = r;
		}
	}
	for (size_t i = 0; i + 1 < n; i++) { /* after an action's own chain (xlat_rebuild.c) */
		struct xlat_rebuild *tail = acts[i];
		while (tail->next)
			tail = (struct xlat_rebuild *)tail->next;
		tail->next = acts[i + 1];
	}
	acts[0]->if_exists = s->missing_ok;
	strbuf_reset(c->sb);
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = acts[0];
	return true;
}
