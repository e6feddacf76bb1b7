/* SPDX-License-Identifier: Apache-2.0 */
/* sess_plmsg.c: the messages of a DO block — RAISE (notices with their % formatting, errors
 * with USING ERRCODE/MESSAGE/DETAIL/HINT and the COLUMN/CONSTRAINT/TABLE/SCHEMA fields,
 * re-raising the caught error), ASSERT, and GET [STACKED] DIAGNOSTICS, which reads the row
 * count and the caught error back. */
#include "sess_plpgsql.h"

#include <stdio.h>
#include <string.h>

#include "pgtype.h"

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
		*err = *r->caught;
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
		default: /* COLUMN, CONSTRAINT, TABLE, SCHEMA: the error's fields */
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
