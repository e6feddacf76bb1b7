/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_utility.c: statements the session carries out itself rather than SQLite — transaction
 * control, SET/RESET/SHOW, DISCARD, DEALLOCATE — plus VACUUM/ANALYZE, and the command tags
 * used to name statements that are refused. */
#include "xlat_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define TXN(x) PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_##x

static char *lower_dup(struct xlat_ctx *c, const char *s)
{
	char *r = arena_strdup(c->a, s);
	for (char *p = r; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

/* SET CONSTRAINTS ALL | name, ... DEFERRED | IMMEDIATE: the session's business (its
 * constraint triggers' queue, src/session/sess_trgdefer.c); the names 0x1f-joined in
 * .savepoint (NULL: ALL), DEFERRED as .read_only 1. A name qualified by another tenant's
 * schema is refused. */
bool xlat_stmt_constraints_set(struct xlat_ctx *c, const PgQuery__ConstraintsSetStmt *s)
{
	struct xlat_stmt *st = c->st;
	st->kind = XLAT_TXN;
	st->txn = XLAT_TXN_SET_CONSTRAINTS;
	st->tag = "SET CONSTRAINTS";
	st->read_only = s->deferred;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < s->n_constraints; i++) {
		const PgQuery__RangeVar *rv = s->constraints[i]->node_case == NODE(RANGE_VAR)
						      ? s->constraints[i]->range_var
						      : NULL;
		if (!rv || !rv->relname || strchr(rv->relname, '\x1f') ||
		    (rv->catalogname && *rv->catalogname) || !xlat_own_table(c, rv)) {
			strbuf_fini(&sb);
			return xlat_unsupported(c, -1, "SET CONSTRAINTS of this name");
		}
		strbuf_printf(&sb, "%s%s", i ? "\x1f" : "", rv->relname);
	}
	st->savepoint = s->n_constraints ? arena_strdup(c->a, sb.data ? sb.data : "") : NULL;
	bool ok = !sb.failed;
	strbuf_fini(&sb);
	return ok || pgerr_set(c->err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

/* BEGIN/START TRANSACTION options: the isolation level goes to set_value (the session keeps
 * one snapshot for REPEATABLE READ and SERIALIZABLE, a new one per statement for READ
 * COMMITTED: sess_rc.c); READ ONLY/READ WRITE are reported; [NOT] DEFERRABLE is a
 * transaction_deferrable pair in set_more. */
static bool begin_options(struct xlat_ctx *c, const PgQuery__TransactionStmt *s)
{
	for (size_t i = 0; i < s->n_options; i++) {
		const PgQuery__DefElem *d = s->options[i]->def_elem;
		const PgQuery__Node *arg = d->arg;
		if (strcmp(d->defname, "transaction_read_only") == 0 && arg &&
		    arg->node_case == NODE(A_CONST) &&
		    arg->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
			c->st->read_only = arg->a_const->ival->ival != 0;
		else if (strcmp(d->defname, "transaction_deferrable") == 0 && arg &&
			 arg->node_case == NODE(A_CONST) &&
			 arg->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
			/* nothing to wait for, but shown: the block SETs it LOCAL (sess_txn.c) */
			const char **pair = arena_alloc(c->a, 2 * sizeof(*pair));
			pair[0] = "transaction_deferrable";
			pair[1] = arg->a_const->ival->ival ? "on" : "off";
			c->st->set_more = pair;
			c->st->nset_more = 1;
		}
		else if (strcmp(d->defname, "transaction_isolation") == 0 && arg &&
			 arg->node_case == NODE(A_CONST) &&
			 arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
			c->st->set_value = arena_strdup(c->a, arg->a_const->sval->sval);
		else if (strcmp(d->defname, "transaction_isolation") != 0)
			return xlat_unsupported(c, d->location, "this transaction option");
	}
	return true;
}

bool xlat_stmt_txn(struct xlat_ctx *c, const PgQuery__TransactionStmt *s)
{
	struct xlat_stmt *st = c->st;
	st->kind = XLAT_TXN;
	st->txn_chain = s->chain;
	switch (s->kind) {
	case TXN(BEGIN):
	case TXN(START):
		st->tag = s->kind == TXN(BEGIN) ? "BEGIN" : "START TRANSACTION";
		st->txn = XLAT_TXN_BEGIN;
		return begin_options(c, s);
	case TXN(COMMIT):
		st->tag = "COMMIT";
		st->txn = XLAT_TXN_COMMIT;
		return true;
	case TXN(ROLLBACK):
		st->tag = "ROLLBACK";
		st->txn = XLAT_TXN_ROLLBACK;
		return true;
	case TXN(SAVEPOINT):
		st->tag = "SAVEPOINT";
		st->txn = XLAT_TXN_SAVEPOINT;
		break;
	case TXN(RELEASE):
		st->tag = "RELEASE";
		st->txn = XLAT_TXN_RELEASE;
		break;
	case TXN(ROLLBACK_TO):
		st->tag = "ROLLBACK";
		st->txn = XLAT_TXN_ROLLBACK_TO;
		break;
	case TXN(PREPARE):
		return xlat_unsupported(c, -1, "PREPARE TRANSACTION");
	default:
		return xlat_unsupported(c, -1, "COMMIT PREPARED or ROLLBACK PREPARED");
	}
	st->savepoint = arena_strdup(c->a, s->savepoint_name ? s->savepoint_name : "");
	return true;
}

/* GUCs whose list elements PostgreSQL keeps as quoted identifiers (GUC_LIST_QUOTE). */
static const char *known_tag(const PgQuery__Node *n);

static bool list_quote(const char *name)
{
	return strcmp(name, "search_path") == 0 || strcmp(name, "temp_tablespaces") == 0;
}

static void quote_ident_into(struct strbuf *sb, const char *s)
{
	bool plain = *s && (islower((unsigned char)*s) || *s == '_');
	for (const char *p = s; *p && plain; p++)
		plain = islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_' ||
			*p == '$';
	if (plain)
		strbuf_puts(sb, s);
	else
		strbuf_put_quoted(sb, s, '"');
}

/* SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE (Sequelize sends it on every connection):
 * PostgreSQL's check_timezone makes the offset a fixed zone named as pg_tzset_offset names it,
 * "<+05:30>-05:30" (POSIX counts west), which is what SHOW and ParameterStatus report. Only
 * [+-]hh[:mm[:ss]] is read; other interval spellings are refused. */
static bool interval_zone(struct xlat_ctx *c, const PgQuery__TypeCast *tc, struct strbuf *sb)
{
	const PgQuery__Node *a = tc->arg;
	if (!a || a->node_case != NODE(A_CONST) ||
	    a->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return xlat_unsupported(c, tc->location, "this SET TIME ZONE INTERVAL value");
	const char *p = a->a_const->sval->sval;
	int sign = *p == '-' ? -1 : 1, part[3] = {0, 0, 0}, n = 0, used = 0;
	p += *p == '-' || *p == '+';
	while (n < 3 && sscanf(p, "%2d%n", &part[n], &used) == 1 && part[n] >= 0) {
		p += used;
		n++;
		if (*p != ':')
			break;
		p++;
	}
	if (!n || *p || part[1] > 59 || part[2] > 59)
		return xlat_unsupported(c, tc->location, "this SET TIME ZONE INTERVAL value");
	char off[32];
	int k = snprintf(off, sizeof(off), "%02d", part[0]);
	if (part[1] || part[2])
		k += snprintf(off + k, sizeof(off) - (size_t)k, ":%02d", part[1]);
	if (part[2])
		snprintf(off + k, sizeof(off) - (size_t)k, ":%02d", part[2]);
	bool west = sign < 0 && (part[0] || part[1] || part[2]);
	strbuf_printf(sb, west ? "<-%s>+%s" : "<+%s>-%s", off, off);
	return true;
}

static bool is_interval_cast(const PgQuery__Node *a)
{
	if (a->node_case != NODE(TYPE_CAST) || !a->type_cast->type_name)
		return false;
	const PgQuery__TypeName *t = a->type_cast->type_name;
	const PgQuery__Node *last = t->n_names ? t->names[t->n_names - 1] : NULL;
	return last && last->node_case == NODE(STRING) && strcmp(last->string->sval, "interval") == 0;
}

/* flatten_set_variable_args: constants as text, list elements joined with ", ". */
static bool set_value(struct xlat_ctx *c, const char *name, PgQuery__Node *const *v, size_t n)
{
	struct strbuf sb;
	bool ok = true;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < n && ok; i++) {
		const PgQuery__Node *a = v[i];
		if (i)
			strbuf_puts(&sb, ", ");
		if (n == 1 && name && strcmp(name, "timezone") == 0 && is_interval_cast(a)) {
			ok = interval_zone(c, a->type_cast, &sb);
			break;
		}
		if (a->node_case != NODE(A_CONST) || a->a_const->isnull) {
			ok = xlat_unsupported(c, -1, "this SET value");
			break;
		}
		const PgQuery__AConst *k = a->a_const;
		if (k->val_case == PG_QUERY__A__CONST__VAL_IVAL)
			strbuf_printf(&sb, "%d", k->ival->ival);
		else if (k->val_case == PG_QUERY__A__CONST__VAL_FVAL)
			strbuf_puts(&sb, k->fval->fval);
		else if (k->val_case == PG_QUERY__A__CONST__VAL_SVAL && list_quote(name))
			quote_ident_into(&sb, k->sval->sval);
		else if (k->val_case == PG_QUERY__A__CONST__VAL_SVAL)
			strbuf_puts(&sb, k->sval->sval);
		else
			ok = xlat_unsupported(c, k->location, "this SET value");
	}
	if (ok)
		c->st->set_value = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return ok;
}

/* One option of SET TRANSACTION ... / SET SESSION CHARACTERISTICS AS TRANSACTION ...: its
 * setting's name (transaction_isolation, transaction_read_only, transaction_deferrable or
 * their default_ forms) and value into *name and *value. */
static bool txn_option(struct xlat_ctx *c, bool session, const PgQuery__Node *n,
		       const char **name, const char **value)
{
	if (n->node_case != NODE(DEF_ELEM))
		return xlat_unsupported(c, -1, "this SET TRANSACTION option");
	const PgQuery__DefElem *d = n->def_elem;
	const PgQuery__Node *arg = d->arg;
	*name = session ? arena_printf(c->a, "default_%s", d->defname)
			: arena_strdup(c->a, d->defname);
	if (!arg || arg->node_case != NODE(A_CONST))
		return xlat_unsupported(c, d->location, "this SET TRANSACTION option");
	if (arg->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		*value = arg->a_const->ival->ival ? "on" : "off";
		return true;
	}
	bool ok = set_value(c, *name, &d->arg, 1);
	*value = c->st->set_value;
	return ok;
}

/* SET TRANSACTION ... / SET SESSION CHARACTERISTICS AS TRANSACTION ...: the first option is
 * set_name/set_value, the others (pg_dump sends "ISOLATION LEVEL REPEATABLE READ, READ
 * ONLY") follow in set_more. */
static bool set_multi(struct xlat_ctx *c, const PgQuery__VariableSetStmt *s)
{
	struct xlat_stmt *st = c->st;
	bool session = strcmp(s->name, "TRANSACTION") != 0;
	if (s->n_args == 0)
		return xlat_unsupported(c, -1, "SET TRANSACTION without options");
	st->set_local = !session;
	const char *first;
	if (!txn_option(c, session, s->args[0], &st->set_name, &first))
		return false;
	st->nset_more = s->n_args - 1;
	const char **more = arena_zalloc(c->a, (2 * st->nset_more + 1) * sizeof(*more));
	for (size_t i = 1; i < s->n_args; i++)
		if (!txn_option(c, session, s->args[i], &more[2 * i - 2], &more[2 * i - 1]))
			return false;
	st->set_more = more;
	st->set_value = first; /* set_value() wrote each option's value there in turn */
	return true;
}

bool xlat_stmt_set(struct xlat_ctx *c, const PgQuery__VariableSetStmt *s)
{
	struct xlat_stmt *st = c->st;
	st->kind = XLAT_SET;
	st->tag = "SET";
	st->set_local = s->is_local;
	if (s->name && *s->name && s->kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_MULTI)
		st->set_name = lower_dup(c, s->name);
	switch (s->kind) {
	case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE:
		return set_value(c, st->set_name, s->args, s->n_args);
	case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
		st->set_reset = true;
		return true;
	case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
	case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL:
		st->tag = "RESET";
		st->set_reset = true;
		return true;
	case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_MULTI:
		return set_multi(c, s);
	default:
		return xlat_unsupported(c, -1, "SET ... FROM CURRENT");
	}
}

/* SHOW returns one text column named after the parameter (SHOW ALL: name, setting,
 * description); the session fills in the values. */
/* A boolean option's value: none (true), or a boolean constant or word (false/off/0). */
static bool option_true(const PgQuery__DefElem *d)
{
	const PgQuery__Node *a = d->arg;
	if (!a)
		return true;
	if (a->node_case == NODE(A_CONST) && a->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
		return a->a_const->ival->ival != 0;
	if (a->node_case == NODE(A_CONST) && a->a_const->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL)
		return a->a_const->boolval->boolval;
	const char *w = a->node_case == NODE(STRING) ? a->string->sval : NULL;
	return !w || (strcasecmp(w, "false") != 0 && strcasecmp(w, "off") != 0 &&
		      strcmp(w, "0") != 0);
}

bool xlat_explain_options(struct xlat_ctx *c, const PgQuery__ExplainStmt *e, bool *analyze,
			  char *format)
{
	static const char *const formats[] = {"text", "json", "yaml", "xml"};
	*format = 't';
	static const char *const accepted[] = {"verbose", "costs",  "settings", "buffers",
					       "wal",     "timing", "summary"};
	for (size_t i = 0; i < e->n_options; i++) {
		const PgQuery__DefElem *d = e->options[i]->def_elem;
		bool known = false;
		for (size_t k = 0; k < ARRAY_LEN(accepted); k++)
			known |= strcmp(d->defname, accepted[k]) == 0;
		if (strcmp(d->defname, "analyze") == 0) {
			*analyze = option_true(d);
		} else if (strcmp(d->defname, "format") == 0) {
			const PgQuery__Node *a = d->arg;
			const char *f = a && a->node_case == NODE(STRING) ? a->string->sval : "";
			*format = 0;
			for (size_t k = 0; k < ARRAY_LEN(formats); k++) {
				if (strcasecmp(f, formats[k]) == 0)
					*format = formats[k][0];
			}
			if (!*format) /* PostgreSQL's message */
				return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, d->location,
						 "unrecognized value for EXPLAIN option \"format\": "
						 "\"%s\"",
						 f);
		} else if (!known) {
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, d->location,
					 "unrecognized EXPLAIN option \"%s\"", d->defname);
		}
	}
	return true;
}

bool xlat_stmt_show(struct xlat_ctx *c, const PgQuery__VariableShowStmt *s)
{
	struct xlat_stmt *st = c->st;
	bool all = strcmp(s->name, "all") == 0;
	st->kind = XLAT_SHOW;
	st->tag = "SHOW";
	st->returns_rows = true;
	st->set_name = all ? NULL : lower_dup(c, s->name);
	struct xlat_col *cols = xlat_cols_new(c, all ? 3 : 1);
	for (int i = 0; i < st->ncols; i++)
		cols[i].type_oid = XLAT_OID_TEXT;
	return true;
}

/* DISCARD ALL resets session state the session holds and, as DISCARD TEMP, drops the
 * session's temporary tables; DISCARD SEQUENCES forgets currval and lastval (the session runs
 * them: XLAT_DISCARD, told apart by the tag); there are no plans to forget, so DISCARD PLANS
 * does nothing. */
bool xlat_stmt_discard(struct xlat_ctx *c, const PgQuery__DiscardStmt *s)
{
	struct xlat_stmt *st = c->st;
	switch (s->target) {
	case PG_QUERY__DISCARD_MODE__DISCARD_ALL:
		st->kind = XLAT_DISCARD;
		st->tag = "DISCARD ALL";
		return true;
	case PG_QUERY__DISCARD_MODE__DISCARD_PLANS:
		st->tag = "DISCARD PLANS";
		break;
	case PG_QUERY__DISCARD_MODE__DISCARD_SEQUENCES:
		st->tag = "DISCARD SEQUENCES";
		st->kind = XLAT_DISCARD;
		return true;
	default:
		st->tag = "DISCARD TEMP";
		st->kind = XLAT_DISCARD;
		return true;
	}
	st->kind = XLAT_NOOP;
	return true;
}

/* DEALLOCATE forgets prepared statements, which the session keeps: the protocol's named
 * statements, the one namespace PostgreSQL shares between PREPARE and Parse. Drivers send it
 * on their own (psycopg 3 sends DEALLOCATE ALL after a ROLLBACK or DROP). */
bool xlat_stmt_deallocate(struct xlat_ctx *c, const PgQuery__DeallocateStmt *s)
{
	struct xlat_stmt *st = c->st;
	bool all = !s->name || !s->name[0];
	st->kind = XLAT_DEALLOCATE;
	st->dealloc_name = all ? NULL : arena_strdup(c->a, s->name);
	st->tag = all ? "DEALLOCATE ALL" : "DEALLOCATE";
	return true;
}

/* LOCK TABLE t [, ...] [IN mode MODE] [NOWAIT] (the session refuses it outside a transaction
 * block, 25P01, as PostgreSQL). Each table is checked to exist (42P01) in order, then locked
 * in the session's table-lock manager (shard_tlock.c: shardlite_lock_table, held to the end of
 * the transaction; a conflict parks the session until the holder's transaction ends, NOWAIT
 * is 55P03). The modes from ROW SHARE up also take the tenant's SQLite write lock first (a
 * DELETE that deletes nothing, which waits for another writer like any write), as before
 * the manager existed: a session holding such a lock then never waits for the write lock
 * later, so the write lock adds no wait cycle the manager cannot see (sqitch locks its
 * registry IN EXCLUSIVE MODE, graphile-worker its jobs table in ACCESS EXCLUSIVE). ACCESS
 * SHARE (pg_dump's) starts the transaction's read snapshot instead. */
/* PostgreSQL's RangeVarCallbackForLockTable: only tables and views are locked; a materialized
 * view or a sequence of the tenant is 42809 (a temporary table of the name comes first). A
 * view in a mode that takes the write lock is refused: PostgreSQL locks the relations its
 * query reads too, which the table-lock manager would have to be told. */
static bool lockable(struct xlat_ctx *c, const PgQuery__RangeVar *rv, bool write)
{
	const struct xlat_env *env = c->env;
	const struct xlat_schema_col *cols;
	size_t n;
	if (env && env->temp_tables && env->temp_rel_fn && (!rv->schemaname || !*rv->schemaname) &&
	    env->temp_rel_fn(env->session_arg, rv->relname))
		return true;
	char kind = xlat_scope_relkind(c, rv);
	if (kind == 'v' && write)
		return xlat_unsupported(c, rv->location,
					"LOCK TABLE of a view in a mode other than ACCESS SHARE");
	const char *what = kind == 'm' || kind == 'M'                       ? "materialized views"
			   : kind == 'c'                                    ? "composite types"
			   : !kind && xlat_scope_sequence(c, rv, &cols, &n) ? "sequences"
									    : NULL;
	if (!what)
		return true;
	xlat_fail(c, "42809", -1, "cannot lock relation \"%s\"", rv->relname);
	pgerr_detail(c->err, "This operation is not supported for %s.", what);
	return false;
}

bool xlat_stmt_lock(struct xlat_ctx *c, const PgQuery__LockStmt *s)
{
	int mode = s->mode >= 1 && s->mode <= 8 ? s->mode : 8;
	bool write = mode > 1;
	c->st->tag = "LOCK TABLE";
	c->st->kind = XLAT_SCRIPT; /* the existence checks are SELECTs: their rows are not sent */
	for (size_t i = 0; i < s->n_relations; i++) {
		xlat_puts(c, i ? "; " : "");
		if (!lockable(c, s->relations[i]->range_var, write))
			return false;
		xlat_puts(c, write ? "DELETE FROM " : "SELECT 1 FROM ");
		if (!xlat_relname_local(c, s->relations[i]->range_var))
			return false;
		xlat_puts(c, write ? " WHERE 0" : " LIMIT 0");
	}
	for (size_t i = 0; i < s->n_relations; i++) {
		const PgQuery__RangeVar *rv = s->relations[i]->range_var;
		if (rv->schemaname && strcmp(rv->schemaname, "pg_temp") == 0)
			continue; /* the session's own: no one else sees it */
		xlat_puts(c, "; SELECT shardlite_lock_table(");
		xlat_string(c, rv->relname);
		xlat_printf(c, ", %d, %d)", mode, s->nowait ? 1 : 0);
	}
	if (s->nowait && s->n_relations)
		c->st->lock_nowait = arena_strdup(c->a, s->relations[0]->range_var->relname);
	return true;
}

/* Whether VACUUM was given option name (FULL, ANALYZE, ...) and did not turn it off. */
static bool vacuum_option(const PgQuery__VacuumStmt *s, const char *name)
{
	for (size_t i = 0; i < s->n_options; i++) {
		const PgQuery__DefElem *d = s->options[i]->def_elem;
		if (s->options[i]->node_case != NODE(DEF_ELEM) || strcmp(d->defname, name) != 0)
			continue;
		const PgQuery__Node *a = d->arg;
		if (!a)
			return true;
		if (a->node_case == NODE(INTEGER))
			return a->integer->ival != 0;
		if (a->node_case == NODE(BOOLEAN))
			return a->boolean->boolval;
		const char *v = xlat_node_str(a);
		return !v || !(strcmp(v, "false") == 0 || strcmp(v, "off") == 0 ||
			       strcmp(v, "0") == 0 || strcmp(v, "no") == 0);
	}
	return false;
}

/* One statement per relation: "ANALYZE t", or a no-row existence check for plain VACUUM. */
static bool vacuum_rels(struct xlat_ctx *c, const PgQuery__VacuumStmt *s, bool analyze)
{
	for (size_t i = 0; i < s->n_rels; i++) {
		const PgQuery__VacuumRelation *vr = s->rels[i]->vacuum_relation;
		if (vr->n_va_cols)
			return xlat_unsupported(c, -1, "ANALYZE of single columns");
		xlat_puts(c, i ? "; " : "");
		xlat_puts(c, analyze ? "ANALYZE " : "SELECT 1 FROM ");
		if (!xlat_relname(c, vr->relation))
			return false;
		xlat_puts(c, analyze ? "" : " LIMIT 0");
	}
	return true;
}

/* The history pg_stat_user_tables shows (catalog_vacstat.c): after the work, the time and
 * count of each named table of the tenant (every table when none is named); a table another
 * tenant's schema prefix names keeps none there. */
#define SIDECAR_VACUUM                                                                             \
	"CREATE TABLE IF NOT EXISTS main._shardlite_vacuum (name TEXT PRIMARY KEY, last_vacuum "   \
	"INTEGER, vacuum_count INTEGER NOT NULL DEFAULT 0, last_analyze INTEGER, analyze_count "  \
	"INTEGER NOT NULL DEFAULT 0)"

static void vacuum_record(struct xlat_ctx *c, const PgQuery__VacuumStmt *s, bool vacuum,
			  bool analyze)
{
	const char *flags = vacuum ? (analyze ? ", 1, 1)" : ", 1, 0)") : ", 0, 1)";
	/* a session without a tenant of its own (no_search) has no file to keep it in */
	bool any = s->n_rels == 0 && !(c->env && c->env->no_search);
	for (size_t i = 0; i < s->n_rels; i++)
		any |= xlat_own_table(c, s->rels[i]->vacuum_relation->relation);
	if (!any)
		return;
	xlat_puts(c, c->sb->len ? "; " SIDECAR_VACUUM : SIDECAR_VACUUM);
	if (s->n_rels == 0) {
		xlat_puts(c, "; SELECT shardlite_vacuumed(NULL");
		xlat_puts(c, flags);
	}
	for (size_t i = 0; i < s->n_rels; i++) {
		const PgQuery__RangeVar *rv = s->rels[i]->vacuum_relation->relation;
		if (!xlat_own_table(c, rv))
			continue;
		xlat_puts(c, "; SELECT shardlite_vacuumed(");
		xlat_string(c, rv->schemaname && *rv->schemaname &&
					       strcmp(rv->schemaname, "public") != 0
				       ? arena_printf(c->a, "%s.%s", rv->schemaname, rv->relname)
				       : rv->relname);
		xlat_puts(c, flags);
	}
}

/* VACUUM FULL compacts the tenant's whole file (SQLite has no per-table VACUUM). Plain VACUUM
 * makes dead rows' space reusable, which SQLite does on its own at every delete, so it only
 * checks its tables exist; its ANALYZE option (and ANALYZE) refresh SQLite's statistics for the
 * named tables. FREEZE, VERBOSE and the other options change nothing visible. */
bool xlat_stmt_vacuum(struct xlat_ctx *c, const PgQuery__VacuumStmt *s)
{
	bool analyze = !s->is_vacuumcmd || vacuum_option(s, "analyze");
	c->st->tag = s->is_vacuumcmd ? "VACUUM" : "ANALYZE";
	if (s->is_vacuumcmd && vacuum_option(s, "full")) {
		struct strbuf *saved = c->sb, scratch;
		strbuf_init(&scratch, 0);
		c->sb = &scratch; /* names are checked, but SQLite's VACUUM takes none */
		bool ok = vacuum_rels(c, s, false);
		c->sb = saved;
		strbuf_fini(&scratch);
		xlat_puts(c, "VACUUM");
		return ok;
	}
	/* a script: the existence checks and the history's calls are SELECTs whose rows are
	 * not sent */
	xlat_nocache(c);
	if (s->n_rels == 0 && analyze)
		xlat_puts(c, "ANALYZE");
	if (!vacuum_rels(c, s, analyze))
		return false;
	size_t work = c->sb->len;
	vacuum_record(c, s, s->is_vacuumcmd, analyze);
	if (c->sb->len == 0)
		c->st->kind = XLAT_NOOP; /* plain VACUUM of nothing to keep */
	else if (c->sb->len > work || s->n_rels > 1 || !analyze)
		c->st->kind = XLAT_SCRIPT;
	return true;
}

/* REINDEX DATABASE name / SYSTEM name, a script checked when it runs, after the session's
 * transaction block check, in PostgreSQL's order: SYSTEM CONCURRENTLY, then the name, which
 * must be current_database()'s (0A000 both); DATABASE then rebuilds the whole file, SYSTEM
 * nothing (the catalog is views without indexes). */
static bool reindex_database(struct xlat_ctx *c, const PgQuery__ReindexStmt *s, bool database)
{
	c->st->kind = XLAT_SCRIPT;
	if (!database && c->st->concurrently)
		xlat_puts(c, "SELECT shardlite_raise('0A000', 'cannot reindex system catalogs "
			     "concurrently'); ");
	xlat_puts(c, "SELECT shardlite_raise('0A000', 'can only reindex the currently open "
		     "database') WHERE current_database() IS NOT ");
	xlat_string(c, s->name ? s->name : "");
	if (database)
		xlat_puts(c, "; REINDEX");
	return true;
}

/* REINDEX rebuilds indexes with SQLite's REINDEX: INDEX i and TABLE t by name (SQLite's
 * REINDEX of a table's name rebuilds all of its indexes), SCHEMA public / DATABASE the
 * tenant's whole file. SYSTEM and SCHEMA pg_catalog rebuild the system catalogs, which here
 * are views without indexes: nothing to do. CONCURRENTLY and VERBOSE change nothing visible. */
bool xlat_stmt_reindex(struct xlat_ctx *c, const PgQuery__ReindexStmt *s)
{
	c->st->tag = "REINDEX";
	for (size_t i = 0; i < s->n_params; i++) {
		const PgQuery__DefElem *d = s->params[i]->node_case == NODE(DEF_ELEM)
						    ? s->params[i]->def_elem
						    : NULL;
		if (d && strcmp(d->defname, "tablespace") == 0)
			return xlat_unsupported(c, -1, "REINDEX ... TABLESPACE");
		if (d && strcmp(d->defname, "concurrently") == 0)
			c->st->concurrently = !d->arg || !xlat_node_str(d->arg) ||
					      (strcmp(xlat_node_str(d->arg), "false") != 0 &&
					       strcmp(xlat_node_str(d->arg), "off") != 0);
	}
	bool own = strcmp(s->name, "public") == 0 ||
		   (c->env && c->env->tenant && strcmp(s->name, c->env->tenant) == 0);
	switch (s->kind) {
	case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE:
		if (xlat_scope_absent(c, s->relation))
			return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, s->relation->location,
					 "relation \"%s\" does not exist", s->relation->relname);
		/* fall through */
	case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX:
		xlat_puts(c, "REINDEX ");
		/* SQLite's REINDEX finds a bare name in main only; pg_temp's come first */
		if (!(s->relation->schemaname && *s->relation->schemaname) && c->env &&
		    c->env->temp_tables && c->env->temp_rel_fn &&
		    c->env->temp_rel_fn(c->env->session_arg, s->relation->relname)) {
			xlat_nocache(c);
			xlat_puts(c, "temp.");
			xlat_ident(c, s->relation->relname);
			return true;
		}
		return xlat_relname(c, s->relation);
	case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA:
		c->st->no_block = 'S';
		if (strcmp(s->name, "pg_catalog") == 0 || strcmp(s->name, "information_schema") == 0)
			c->st->kind = XLAT_NOOP;
		else if (own)
			xlat_puts(c, "REINDEX");
		else
			return xlat_unsupported(c, -1, "REINDEX SCHEMA of another tenant");
		return true;
	case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE:
		c->st->no_block = 'D';
		return reindex_database(c, s, true);
	case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM:
		c->st->no_block = 'Y';
		return reindex_database(c, s, false);
	default:
		c->st->kind = XLAT_NOOP;
		return true;
	}
}

/* CREATE SCHEMA IF NOT EXISTS of a schema the session already has (public, its tenant's, the
 * system ones) does nothing, as in PostgreSQL; Prisma's migrations start with it. Any other
 * CREATE SCHEMA would need a new tenant file: refused. */
bool xlat_stmt_create_schema(struct xlat_ctx *c, const PgQuery__CreateSchemaStmt *s)
{
	if (c->env && !c->env->no_default) /* a schema inside the tenant (xlat_localnsp.c) */
		return xlat_localnsp_create(c, s);
	const char *n = s->schemaname ? s->schemaname : "";
	bool exists = strcmp(n, "public") == 0 || strcmp(n, "pg_catalog") == 0 ||
		      strcmp(n, "information_schema") == 0 ||
		      (c->env && c->env->tenant && strcmp(n, c->env->tenant) == 0);
	if (!s->if_not_exists || !exists || s->n_schema_elts || s->authrole) {
		xlat_unsupported(c, -1, "CREATE SCHEMA");
		pgerr_hint(c->err, "A tenant, which a session without a default tenant sees as a "
				   "schema, is created with CREATE DATABASE.");
		return false;
	}
	c->st->tag = "CREATE SCHEMA";
	c->st->kind = XLAT_NOOP;
	xlat_skip_note(c, "schema", NULL, n, true);
	return true;
}

/* The tenant's record of its extensions (src/catalog/catalog_ext.c), made on first use. */
#define SIDECAR_EXTENSIONS                                                                         \
	"CREATE TABLE IF NOT EXISTS _shardlite_extensions (name TEXT PRIMARY KEY, version TEXT "   \
	"NOT NULL)"
/* A row of it leaves SQLite's schema alone; this moves schema_version, so that every session
 * reads the extensions again (uuid-ossp's functions exist only once it was created) */
#define EXTENSIONS_BUMP                                                                            \
	"; DROP INDEX IF EXISTS _shardlite_extensions_v; CREATE INDEX _shardlite_extensions_v ON " \
	"_shardlite_extensions (version)"

/* PL/pgSQL is built in and, as in every PostgreSQL database, its extension is always there
 * (pg_extension lists it, catalog_ext.c): CREATE EXTENSION plpgsql, which pg_dump wrote into
 * every dump before PostgreSQL 11 (WITH SCHEMA pg_catalog), is 42710, or with IF NOT EXISTS
 * the notice that it is skipped; PostgreSQL looks no further at the options either. */
static bool create_plpgsql(struct xlat_ctx *c, const PgQuery__CreateExtensionStmt *s)
{
	if (!s->if_not_exists)
		return pgerr_set(c->err, "42710", "extension \"plpgsql\" already exists");
	c->st->tag = "CREATE EXTENSION";
	c->st->kind = XLAT_NOOP;
	xlat_skip_note(c, "extension", NULL, s->extname, true);
	return true;
}

/* CREATE EXTENSION of an extension whose features shardlite has built in: uuid-ossp's
 * functions and pgcrypto's digest, hmac and gen_random_bytes exist once it was created
 * (xlat_func.c, xlat_env.extensions), btree_gist's operator classes serve EXCLUDE
 * constraints (catalog_exclude.c), citext's type exists once it was created (xlat_citext.c);
 * the tenant records the extension, so that pg_extension
 * lists it and a second CREATE EXTENSION without IF NOT EXISTS is 42710, as in PostgreSQL. Its
 * options may only name the schema public and CASCADE. An extension not in xlat_extlist.c is
 * refused. */
bool xlat_stmt_create_extension(struct xlat_ctx *c, const PgQuery__CreateExtensionStmt *s)
{
	if (strcmp(s->extname, "plpgsql") == 0)
		return create_plpgsql(c, s);
	if (!xlat_extension_find(s->extname))
		return xlat_unsupported(c, -1,
					arena_printf(c->a, "CREATE EXTENSION \"%s\"", s->extname));
	for (size_t i = 0; i < s->n_options; i++) {
		const PgQuery__Node *o = s->options[i];
		const PgQuery__DefElem *d = o->node_case == NODE(DEF_ELEM) ? o->def_elem : NULL;
		const char *v = d && d->arg ? xlat_node_str(d->arg) : NULL;
		bool fine = d && (strcmp(d->defname, "cascade") == 0 ||
				  (strcmp(d->defname, "schema") == 0 && v && strcmp(v, "public") == 0));
		if (!fine)
			return xlat_unsupported(c, d ? d->location : -1,
						"this CREATE EXTENSION option");
	}
	c->st->tag = "CREATE EXTENSION";
	c->st->kind = XLAT_SCRIPT;
	c->st->writes = c->st->is_ddl = true; /* the sidecar may be created */
	xlat_puts(c, SIDECAR_EXTENSIONS "; SELECT shardlite_extension('create', ");
	xlat_string(c, s->extname);
	xlat_puts(c, s->if_not_exists ? ", 1)" EXTENSIONS_BUMP : ", 0)" EXTENSIONS_BUMP);
	if (s->if_not_exists)
		xlat_skip_note(c, "extension", NULL, s->extname, true);
	return true;
}

bool xlat_drop_extensions(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	/* CASCADE: the same while nothing uses the extension (catalog_ext.c), as Rails'
	 * disable_extension writes it after dropping the tables */
	bool cascade = s->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	c->st->kind = XLAT_SCRIPT;
	xlat_puts(c, SIDECAR_EXTENSIONS);
	for (size_t i = 0; i < s->n_objects; i++) {
		const char *name = xlat_node_str(s->objects[i]);
		if (!name)
			return xlat_unsupported(c, -1, "this DROP EXTENSION");
		if (strcmp(name, "plpgsql") == 0) /* built in: it cannot go */
			return xlat_unsupported(c, -1, "DROP EXTENSION plpgsql");
		xlat_puts(c, cascade ? "; SELECT shardlite_extension('drop cascade', "
				     : "; SELECT shardlite_extension('drop', ");
		xlat_string(c, name);
		xlat_puts(c, s->missing_ok ? ", 1)" : ", 0)");
		if (s->missing_ok)
			xlat_skip_note(c, "extension", NULL, name, false);
	}
	xlat_puts(c, EXTENSIONS_BUMP);
	return true;
}

/* LISTEN, UNLISTEN and NOTIFY act on the session's channels, not on SQLite: the session
 * carries them out at commit (src/session/sess_notify.c). Not cached: the cache would hand a
 * NOTIFY's translation to the same statement with another payload. */
bool xlat_stmt_notify(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_notify *no = arena_zalloc(c->a, sizeof(*no));
	const char *ch = NULL;
	switch (n->node_case) {
	case NODE(LISTEN_STMT):
		no->op = XLAT_NOTIFY_LISTEN;
		ch = n->listen_stmt->conditionname;
		break;
	case NODE(UNLISTEN_STMT):
		no->op = XLAT_NOTIFY_UNLISTEN;
		ch = n->unlisten_stmt->conditionname;
		break;
	default:
		no->op = XLAT_NOTIFY_SEND;
		ch = n->notify_stmt->conditionname;
		no->payload = n->notify_stmt->payload ? n->notify_stmt->payload : "";
		break;
	}
	no->channel = ch && ch[0] ? arena_strdup(c->a, ch) : NULL;
	if (no->payload)
		no->payload = arena_strdup(c->a, no->payload);
	c->st->kind = XLAT_NOTIFY;
	c->st->tag = known_tag(n);
	c->st->notify = no;
	xlat_nocache(c);
	return true;
}

static const char *known_tag(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(CREATE_FUNCTION_STMT):
		return n->create_function_stmt->is_procedure ? "CREATE PROCEDURE"
							     : "CREATE FUNCTION";
	case NODE(CREATE_SEQ_STMT):
		return "CREATE SEQUENCE";
	case NODE(ALTER_SEQ_STMT):
		return "ALTER SEQUENCE";
	case NODE(CREATE_SCHEMA_STMT):
		return "CREATE SCHEMA";
	case NODE(CREATE_EXTENSION_STMT):
		return "CREATE EXTENSION";
	case NODE(CREATE_TRIG_STMT):
		return "CREATE TRIGGER";
	case NODE(COMPOSITE_TYPE_STMT):
		return "CREATE TYPE ... AS (a composite type)";
	case NODE(CREATE_ENUM_STMT):
		return "CREATE TYPE";
	case NODE(CREATE_RANGE_STMT):
		return "CREATE TYPE ... AS RANGE";
	case NODE(CREATE_DOMAIN_STMT):
		return "CREATE DOMAIN";
	case NODE(CREATE_ROLE_STMT):
		return "CREATE ROLE";
	case NODE(ALTER_ROLE_STMT):
		return "ALTER ROLE";
	case NODE(DROP_ROLE_STMT):
		return "DROP ROLE";
	case NODE(GRANT_STMT):
		return n->grant_stmt->is_grant ? "GRANT" : "REVOKE";
	case NODE(GRANT_ROLE_STMT):
		return n->grant_role_stmt->is_grant ? "GRANT ROLE" : "REVOKE ROLE";
	case NODE(COPY_STMT):
		return "COPY";
	case NODE(EXPLAIN_STMT):
		return "EXPLAIN";
	case NODE(CREATE_TABLE_AS_STMT):
		return n->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
			       ? "CREATE MATERIALIZED VIEW"
			       : "CREATE TABLE AS";
	case NODE(COMMENT_STMT):
		return "COMMENT";
	case NODE(LOCK_STMT):
		return "LOCK TABLE";
	case NODE(LISTEN_STMT):
		return "LISTEN";
	case NODE(UNLISTEN_STMT):
		return "UNLISTEN";
	case NODE(NOTIFY_STMT):
		return "NOTIFY";
	case NODE(PREPARE_STMT):
		return "PREPARE";
	case NODE(EXECUTE_STMT):
		return "EXECUTE";
	case NODE(DEALLOCATE_STMT):
		return "DEALLOCATE";
	case NODE(DECLARE_CURSOR_STMT):
		return "DECLARE CURSOR";
	case NODE(FETCH_STMT):
		return n->fetch_stmt->ismove ? "MOVE" : "FETCH";
	case NODE(CLOSE_PORTAL_STMT):
		return "CLOSE CURSOR";
	case NODE(DO_STMT):
		return "DO";
	case NODE(CALL_STMT):
		return "CALL";
	case NODE(MERGE_STMT):
		return "MERGE";
	case NODE(CREATEDB_STMT):
		return "CREATE DATABASE";
	case NODE(DROPDB_STMT):
		return "DROP DATABASE";
	case NODE(CHECK_POINT_STMT):
		return "CHECKPOINT";
	case NODE(REINDEX_STMT):
		return "REINDEX";
	case NODE(CLUSTER_STMT):
		return "CLUSTER";
	case NODE(ALTER_OWNER_STMT):
		return n->alter_owner_stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_LARGEOBJECT
			       ? "ALTER LARGE OBJECT"
			       : "ALTER ... OWNER TO";
	case NODE(ALTER_OBJECT_SCHEMA_STMT):
		return "ALTER ... SET SCHEMA";
	case NODE(REFRESH_MAT_VIEW_STMT):
		return "REFRESH MATERIALIZED VIEW";
	case NODE(CREATE_POLICY_STMT):
		return "CREATE POLICY";
	case NODE(ALTER_DEFAULT_PRIVILEGES_STMT):
		return "ALTER DEFAULT PRIVILEGES";
	case NODE(RULE_STMT):
		return "CREATE RULE";
	case NODE(CONSTRAINTS_SET_STMT):
		return "SET CONSTRAINTS";
	case NODE(ALTER_SYSTEM_STMT):
		return "ALTER SYSTEM";
	case NODE(CREATE_STATS_STMT):
		return "CREATE STATISTICS";
	case NODE(LOAD_STMT):
		return "LOAD";
	case NODE(DEFINE_STMT):
		switch (n->define_stmt->kind) {
		case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
			return "CREATE AGGREGATE";
		case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR:
			return "CREATE OPERATOR";
		case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:
			return "CREATE COLLATION";
		case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
			return "CREATE TYPE (a base type)";
		default:
			return "CREATE TEXT SEARCH";
		}
	default:
		return NULL;
	}
}

/* The field name of the parse node ("alter_extension_contents_stmt") as words
 * ("ALTER EXTENSION CONTENTS"), for the statements without a tag above. */
static const char *node_words(struct xlat_ctx *c, const PgQuery__Node *n)
{
	const ProtobufCFieldDescriptor *fd = protobuf_c_message_descriptor_get_field(
		&pg_query__node__descriptor, (unsigned)n->node_case);
	if (!fd)
		return "this statement";
	char *w = arena_strdup(c->a, fd->name);
	size_t len = strlen(w);
	if (len > 5 && strcmp(w + len - 5, "_stmt") == 0)
		w[len - 5] = '\0';
	for (char *p = w; *p; p++)
		*p = *p == '_' ? ' ' : (char)toupper((unsigned char)*p);
	return w;
}

const char *xlat_refused_tag(struct xlat_ctx *c, const PgQuery__Node *n)
{
	const char *tag = known_tag(n);
	return tag ? tag : node_words(c, n);
}
