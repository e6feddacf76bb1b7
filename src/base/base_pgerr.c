/* SPDX-License-Identifier: Apache-2.0 */
/* base_pgerr.c: the error object that carries PostgreSQL's ErrorResponse fields. */
#include "base.h"

#include <stdio.h>
#include <string.h>

/* Runs several times per message: emptying the strings is enough (they are read as C strings
 * only), and much cheaper than zeroing the 2 KiB of their buffers. */
void pgerr_clear(struct pgerr *e)
{
	e->sqlstate[0] = '\0';
	e->severity = PGERR_ERROR;
	e->position = 0;
	e->message[0] = e->detail[0] = e->hint[0] = e->context[0] = '\0';
	e->schema_name[0] = e->table_name[0] = e->column_name[0] = e->datatype_name[0] = '\0';
	e->constraint_name[0] = '\0';
}

static void set_state(struct pgerr *e, enum pgerr_severity sev, const char *sqlstate)
{
	pgerr_clear(e);
	e->severity = sev;
	ASSERT(strlen(sqlstate) == 5);
	memcpy(e->sqlstate, sqlstate, 5);
	e->sqlstate[5] = '\0';
}

static bool vset(struct pgerr *e, enum pgerr_severity sev, const char *sqlstate, const char *fmt,
		 va_list ap)
{
	set_state(e, sev, sqlstate);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	return false;
}

bool pgerr_set(struct pgerr *e, const char *sqlstate, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(e, PGERR_ERROR, sqlstate, fmt, ap);
	va_end(ap);
	return false;
}

bool pgerr_fatal(struct pgerr *e, const char *sqlstate, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(e, PGERR_FATAL, sqlstate, fmt, ap);
	va_end(ap);
	return false;
}

void pgerr_detail(struct pgerr *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->detail, sizeof(e->detail), fmt, ap);
	va_end(ap);
}

void pgerr_hint(struct pgerr *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->hint, sizeof(e->hint), fmt, ap);
	va_end(ap);
}

const char *pgerr_severity_name(enum pgerr_severity s)
{
	return s == PGERR_FATAL ? "FATAL" : "ERROR";
}
