/* SPDX-License-Identifier: Apache-2.0 */
/* sess_nspmsg.c: errors about objects of the tenant's own schemas (CREATE SCHEMA inside a
 * tenant). Such an object t of schema s is the SQLite object "s.t" (catalog_nsp.c), and the
 * layers below name it so; PostgreSQL names a relation, index or constraint by its bare name
 * in messages and sends its schema in the error's schema_name field. This rewrites an error
 * once, just before the session writes it (sess_report_error). */
#include "session_int.h"

#include <stdio.h>
#include <string.h>

const char *sess_nsp_shown(const struct session *s, const char *name, const char **schema)
{
	const char *dot = name ? strchr(name, '.') : NULL;
	size_t n = 0;
	const char *const *v = dot ? sess_types_local_schemas(s, &n) : NULL;
	size_t len = dot ? (size_t)(dot - name) : 0;
	for (size_t i = 0; i < n; i++)
		if (strlen(v[i]) == len && strncmp(v[i], name, len) == 0) {
			if (schema)
				*schema = v[i];
			return dot + 1;
		}
	return name;
}

/* A name of a field ("s.t"): t, and the field schema_name (when given) s. */
static void fix_name(const struct session *s, char *field, char *schema_field)
{
	const char *nsp = NULL;
	const char *bare = sess_nsp_shown(s, field, &nsp);
	if (bare == field)
		return;
	if (schema_field)
		snprintf(schema_field, PGERR_NAME_MAX, "%s", nsp);
	memmove(field, bare, strlen(bare) + 1);
}

/* Each quoted "s.x" of text becomes "x", and the unquoted "constraint s.x " of a DETAIL
 * "constraint x on table s.t depends on ..." too. A relation the statement names that does
 * not exist keeps the name as written, as PostgreSQL's parser reports it (relation "s.t"
 * does not exist), so such a message is left alone. */
static void fix_text(const struct session *s, char *text)
{
	if (strncmp(text, "relation \"", 10) == 0 && strstr(text, "\" does not exist"))
		return;
	char out[PGERR_MSG_MAX];
	size_t o = 0;
	for (const char *p = text; *p && o + 1 < sizeof(out);) {
		const char *start = NULL;
		char end = '\0';
		if (*p == '"') {
			start = p + 1;
			end = '"';
		} else if (strncmp(p, "constraint ", 11) == 0 && p[11] != '"') {
			start = p + 11;
			end = ' ';
		}
		const char *close = start ? strchr(start, end) : NULL;
		if (!close) {
			out[o++] = *p++;
			continue;
		}
		char name[PGERR_NAME_MAX * 2];
		snprintf(name, sizeof(name), "%.*s", (int)(close - start), start);
		const char *bare = sess_nsp_shown(s, name, NULL);
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%.*s%s%c", (int)(start - p), p, bare,
				      end);
		if (o >= sizeof(out))
			return; /* would not fit: keep the stored names rather than cut the text */
		p = close + 1;
	}
	out[o] = '\0';
	memcpy(text, out, o + 1);
}

/* COPY's CONTEXT "COPY s.t, line n...": PostgreSQL's "COPY t, line n...". */
static void fix_copy_context(const struct session *s, char *context)
{
	if (strncmp(context, "COPY ", 5) != 0)
		return;
	char *name = context + 5;
	size_t len = strcspn(name, ", ");
	char stored[PGERR_NAME_MAX * 2];
	snprintf(stored, sizeof(stored), "%.*s", (int)len, name);
	const char *bare = sess_nsp_shown(s, stored, NULL);
	if (bare != stored)
		memmove(name, name + (size_t)(bare - stored), strlen(name + (bare - stored)) + 1);
}

void sess_nsp_fix_error(struct session *s, struct pgerr *err)
{
	size_t n = 0;
	if (!s->tenant[0] || !sess_types_local_schemas(s, &n))
		return;
	fix_copy_context(s, err->context); /* a COPY's bad value is a data exception too */
	if (strncmp(err->sqlstate, "22", 2) == 0)
		return; /* data exceptions quote values, not names */
	fix_name(s, err->table_name, err->schema_name);
	fix_name(s, err->constraint_name, NULL);
	fix_text(s, err->message);
	fix_text(s, err->detail);
	fix_text(s, err->hint);
}
