/* SPDX-License-Identifier: Apache-2.0 */
/* sess_plmsg.c: the messages of a DO block — RAISE (notices with their % formatting, errors
 * with USING ERRCODE/MESSAGE/DETAIL/HINT and the COLUMN/CONSTRAINT/DATATYPE/TABLE/SCHEMA
 * fields, re-raising the caught error), ASSERT, GET [STACKED] DIAGNOSTICS, which reads the row
 * count, the call stack and the caught error back, and an error's CONTEXT lines. */
#include "sess_plpgsql.h"

#include <stdio.h>
#include <string.h>

#include "pgtype.h"

/* PostgreSQL's name of each statement in the CONTEXT line of an error. */
static const char *stmt_name(const struct xlat_pl_stmt *st)
{
	switch (st->kind) {
	case XLAT_PL_BLOCK:
		return "statement block";
	case XLAT_PL_ASSIGN:
		return "assignment";
	case XLAT_PL_IF:
		return st->case_stmt ? "CASE" : "IF";
	case XLAT_PL_LOOP:
		return "LOOP";
	case XLAT_PL_WHILE:
		return "WHILE";
	case XLAT_PL_FORI:
		return "FOR with integer loop variable";
	case XLAT_PL_FORS:
		return st->iter == XLAT_PL_ITER_ARRAY    ? "FOREACH over array"
		       : st->iter == XLAT_PL_ITER_CURSOR ? "FOR over cursor"
		       : st->dynamic                     ? "FOR over EXECUTE statement"
							 : "FOR over SELECT rows";
	case XLAT_PL_EXIT:
		return st->is_exit ? "EXIT" : "CONTINUE";
	case XLAT_PL_SQL:
		return "SQL statement";
	case XLAT_PL_PERFORM:
		return "PERFORM";
	case XLAT_PL_DYNEXEC:
		return "EXECUTE";
	case XLAT_PL_RAISE:
		return "RAISE";
	case XLAT_PL_GETDIAG:
		return "GET DIAGNOSTICS";
	case XLAT_PL_RETURN:
		return "RETURN";
	case XLAT_PL_ASSERT:
		return "ASSERT";
	case XLAT_PL_CURSOR:
		return st->curop == XLAT_PL_OPEN    ? "OPEN"
		       : st->curop == XLAT_PL_FETCH ? "FETCH"
		       : st->curop == XLAT_PL_MOVE  ? "MOVE"
						    : "CLOSE";
	case XLAT_PL_RETURN_QUERY:
		return st->ret_record ? "RETURN" : "RETURN QUERY"; /* RETURN r in RETURNS record */
	case XLAT_PL_RETURN_NEXT:
		return "RETURN NEXT";
	case XLAT_PL_TXN:
		return st->txn_rollback ? "ROLLBACK" : "COMMIT";
	}
	return "statement";
}

/* This run's CONTEXT line at st, as PostgreSQL's plpgsql_exec_error_callback says it. */
static const char *frame_line(const struct pl_run *r, const struct xlat_pl_stmt *st,
			      struct arena *a)
{
	if (r->f->sql_body)
		return arena_printf(a, "SQL function \"%s\" statement %d", r->f->name,
				    st ? st->line : 0);
	if (st && st->line > 0)
		return arena_printf(a, "PL/pgSQL function %s line %d at %s", r->f->name, st->line,
				    stmt_name(st));
	return arena_printf(a, "PL/pgSQL function %s", r->f->name);
}

/* One more CONTEXT line, under those of the calls it came from (cut where it does not fit). */
static void context_add(struct pgerr *err, const char *line)
{
	size_t n = strlen(err->context), len = strlen(line);
	if (n && n + 1 + len < sizeof(err->context)) {
		err->context[n] = '\n';
		memcpy(err->context + n + 1, line, len + 1);
	} else if (!n) {
		snprintf(err->context, sizeof(err->context), "%s", line);
	}
}

void sess_pl_context_frame(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	if (r->context_said)
		return;
	r->context_said = true;
	sess_udf_fix_error(r->s, err); /* the context of a function the statement called */
	context_add(err, frame_line(r, st, r->scratch));
}

bool sess_pl_spi_failed(struct pl_run *r, struct pl_spi spi, struct pgerr *err)
{
	sess_udf_fix_error(r->s, err);
	/* PostgreSQL's callback makes an error with a position an internal position instead */
	if (err->position > 0 || r->analysis_failed)
		return false;
	context_add(err, arena_printf(r->scratch, "%s \"%s\"", spi.what, spi.text));
	return false;
}

/* GET DIAGNOSTICS ... = PG_CONTEXT: the line of st, then each caller's (a caller running an SQL
 * statement says it first). */
static const char *call_stack(struct pl_run *r, const struct xlat_pl_stmt *st)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, frame_line(r, st, r->scratch));
	for (const struct pl_run *o = r->outer; o; o = o->outer) {
		if (o->spi.what)
			strbuf_printf(&sb, "\n%s \"%s\"", o->spi.what, o->spi.text);
		strbuf_printf(&sb, "\n%s", frame_line(o, o->at, r->scratch));
	}
	const char *out = arena_strndup(r->scratch, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* RAISE's message: each % replaced by the next argument's text, %% by %. */
static const char *format_message(struct pl_run *r, const char *fmt, const struct pl_arg *args)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	size_t k = 0;
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == '%') {
			strbuf_putc(&sb, '%');
			p++;
		} else if (*p == '%') {
			strbuf_puts(&sb, args[k].text ? args[k].text : "<NULL>");
			k++;
		} else {
			strbuf_putc(&sb, *p);
		}
	}
	const char *out = arena_strndup(r->scratch, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* An ERRCODE option's value: a condition name or a SQLSTATE. */
static bool errcode_of(const char *v, char out[6], struct pgerr *err)
{
	const char *codes[2];
	if (v && xlat_plerr_lookup(v, codes, 2)) {
		memcpy(out, codes[0], 6);
		return true;
	}
	if (v && strlen(v) == 5 && strspn(v, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 5) {
		memcpy(out, v, 6);
		return true;
	}
	return pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT, "unrecognized exception condition \"%s\"",
			 v ? v : "");
}

/* A RAISE USING COLUMN/CONSTRAINT/TABLE/SCHEMA value into the error's field. */
static void set_name(char field[PGERR_NAME_MAX], const char *v)
{
	if (v)
		snprintf(field, PGERR_NAME_MAX, "%s", v);
}

/* RAISE's levels below EXCEPTION: as sent, and as client_min_messages names them. */
static const char *const levels[] = {"DEBUG", "LOG", "INFO", "NOTICE", "WARNING"};
static const char *const level_names[] = {"debug1", "log", "info", "notice", "warning"};
/* RAISE USING options as PostgreSQL names them in its errors */
static const char *const opt_names[] = {
	[XLAT_PL_RAISE_ERRCODE] = "ERRCODE",   [XLAT_PL_RAISE_MESSAGE] = "MESSAGE",
	[XLAT_PL_RAISE_DETAIL] = "DETAIL",     [XLAT_PL_RAISE_HINT] = "HINT",
	[XLAT_PL_RAISE_COLUMN] = "COLUMN",     [XLAT_PL_RAISE_CONSTRAINT] = "CONSTRAINT",
	[XLAT_PL_RAISE_DATATYPE] = "DATATYPE", [XLAT_PL_RAISE_TABLE] = "TABLE",
	[XLAT_PL_RAISE_SCHEMA] = "SCHEMA",
};

bool sess_pl_raise(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	if (st->reraise) {
		if (!r->caught)
			return pgerr_set(err, PL_RERAISE_OUTSIDE,
					 "RAISE without parameters cannot be used outside an "
					 "exception handler");
		*err = *r->caught; /* with its CONTEXT as it was caught (PostgreSQL's ReThrowError) */
		r->context_said = true;
		return false;
	}
	struct pl_arg *args;
	if (!sess_pl_eval_args(r, st->params, st->nparams, &args, err))
		return false;
	char code[6];
	memcpy(code, st->level == 5 ? PL_RAISE_EXCEPTION : st->level == 4 ? "01000" : "00000", 6);
	if (st->sqlstate && !errcode_of(st->sqlstate, code, err))
		return false;
	/* no message: the condition as written, else the SQLSTATE (PostgreSQL's default) */
	const char *msg = st->message ? format_message(r, st->message, args) : st->sqlstate;
	const char *detail = NULL, *hint = NULL, *names[XLAT_PL_RAISE_SCHEMA + 1] = {NULL};
	/* each option once; a condition is the ERRCODE and a format the MESSAGE already */
	bool given[XLAT_PL_RAISE_SCHEMA + 1] = {[XLAT_PL_RAISE_ERRCODE] = st->sqlstate != NULL,
						[XLAT_PL_RAISE_MESSAGE] = st->message != NULL};
	for (size_t i = 0; i < st->nopts; i++) {
		const char *v;
		uint32_t type;
		if (!sess_pl_eval(r, st->opt_exprs[i], &v, &type, err))
			return false;
		if (!v)
			return pgerr_set(err, PL_NULL_VALUE_NOT_ALLOWED,
					 "RAISE statement option cannot be null");
		if (given[st->opt_kinds[i]])
			return pgerr_set(err, SQLSTATE_SYNTAX_ERROR,
					 "RAISE option already specified: %s",
					 opt_names[st->opt_kinds[i]]);
		given[st->opt_kinds[i]] = true;
		switch (st->opt_kinds[i]) {
		case XLAT_PL_RAISE_ERRCODE:
			if (!errcode_of(v, code, err))
				return false;
			msg = msg ? msg : v;
			break;
		case XLAT_PL_RAISE_MESSAGE:
			msg = v;
			break;
		case XLAT_PL_RAISE_DETAIL:
			detail = v;
			break;
		case XLAT_PL_RAISE_HINT:
			hint = v;
			break;
		default: /* COLUMN, CONSTRAINT, DATATYPE, TABLE, SCHEMA: the error's fields */
			names[st->opt_kinds[i]] = v;
			break;
		}
	}
	if (!msg) /* RAISE USING ERRCODE = ... alone: the SQLSTATE's condition or code */
		msg = code;
	if (st->level < 5 && st->level != 2 && !sess_notice_wanted(r->s, level_names[st->level]))
		return true;
	pgerr_set(err, code, "%s", msg);
	if (detail)
		pgerr_detail(err, "%s", detail);
	if (hint)
		pgerr_hint(err, "%s", hint);
	set_name(err->column_name, names[XLAT_PL_RAISE_COLUMN]);
	set_name(err->constraint_name, names[XLAT_PL_RAISE_CONSTRAINT]);
	set_name(err->datatype_name, names[XLAT_PL_RAISE_DATATYPE]);
	set_name(err->table_name, names[XLAT_PL_RAISE_TABLE]);
	set_name(err->schema_name, names[XLAT_PL_RAISE_SCHEMA]);
	if (st->level < 5) { /* a notice: PostgreSQL sends no CONTEXT with it */
		pgw_be_notice_report(&r->s->out, levels[st->level], err);
		pgerr_clear(err);
		return true;
	}
	return false;
}

bool sess_pl_getdiag(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	if (st->stacked && !r->caught)
		return pgerr_set(err, PL_RERAISE_OUTSIDE,
				 "GET STACKED DIAGNOSTICS cannot be used outside an exception "
				 "handler");
	for (size_t i = 0; i < st->ndiags; i++) {
		const struct pgerr *c = r->caught;
		const char *v = NULL;
		switch (st->diag_kinds[i]) {
		case XLAT_PL_DIAG_ROW_COUNT:
			v = arena_printf(r->scratch, "%llu", (unsigned long long)r->row_count);
			if (!sess_pl_assign(r, st->diag_vars[i], v, PGTYPE_INT8, err))
				return false;
			continue;
		case XLAT_PL_DIAG_SQLSTATE:
			v = c->sqlstate;
			break;
		case XLAT_PL_DIAG_MESSAGE:
			v = c->message;
			break;
		case XLAT_PL_DIAG_DETAIL:
			v = c->detail;
			break;
		case XLAT_PL_DIAG_HINT:
			v = c->hint;
			break;
		case XLAT_PL_DIAG_CONTEXT:
			v = c->context;
			break;
		case XLAT_PL_DIAG_COLUMN:
			v = c->column_name;
			break;
		case XLAT_PL_DIAG_CONSTRAINT:
			v = c->constraint_name;
			break;
		case XLAT_PL_DIAG_TABLE:
			v = c->table_name;
			break;
		case XLAT_PL_DIAG_SCHEMA:
			v = c->schema_name;
			break;
		case XLAT_PL_DIAG_DATATYPE:
			v = c->datatype_name;
			break;
		case XLAT_PL_DIAG_PG_CONTEXT:
			v = call_stack(r, st);
			break;
		}
		if (!sess_pl_assign(r, st->diag_vars[i], v, PGTYPE_TEXT, err))
			return false;
	}
	return true;
}

bool sess_pl_assert(struct pl_run *r, const struct xlat_pl_stmt *st, struct pgerr *err)
{
	bool ok;
	if (!sess_pl_eval_bool(r, st->expr, &ok, err))
		return false;
	if (ok)
		return true;
	const char *msg = NULL;
	uint32_t type;
	if (st->nparams && !sess_pl_eval(r, st->params[0], &msg, &type, err))
		return false;
	return pgerr_set(err, PL_ASSERT_FAILURE, "%s", msg ? msg : "assertion failed");
}
