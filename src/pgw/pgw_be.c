/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_be.c: writes backend messages into a strbuf. Each message is framed by begin/end,
 * which patch the length word once the body is known; a failure (strbuf limit, a count that
 * does not fit its int16/int32 wire field) sets the strbuf's sticky bit for the caller. */
#include "pgw.h"

#include <stdio.h>
#include <string.h>

#define AUTH_OK 0 /* AuthenticationOk's request code */

/* The wire cannot carry the value: poison the buffer rather than write a wrapped count. */
static void fail(struct strbuf *sb) { sb->failed = true; }

static void put_str(struct strbuf *sb, const char *s) { strbuf_append(sb, s, strlen(s) + 1); }

size_t pgw_be_begin(struct strbuf *sb, uint8_t type)
{
	strbuf_put_u8(sb, type);
	size_t mark = sb->len;
	strbuf_put_u32(sb, 0);
	return mark;
}

void pgw_be_end(struct strbuf *sb, size_t mark)
{
	if (sb->failed)
		return;
	ASSERT(mark + 4 <= sb->len);
	size_t n = sb->len - mark;
	if (n > INT32_MAX) {
		fail(sb);
		return;
	}
	strbuf_patch_u32(sb, mark, (uint32_t)n);
}

/* Messages with no body: ParseComplete, BindComplete, NoData and the like. */
static void empty_msg(struct strbuf *sb, uint8_t type) { pgw_be_end(sb, pgw_be_begin(sb, type)); }

void pgw_be_auth_ok(struct strbuf *sb)
{
	size_t mark = pgw_be_begin(sb, 'R');
	strbuf_put_u32(sb, AUTH_OK);
	pgw_be_end(sb, mark);
}

void pgw_be_parameter_status(struct strbuf *sb, const char *name, const char *value)
{
	size_t mark = pgw_be_begin(sb, 'S');
	put_str(sb, name);
	put_str(sb, value);
	pgw_be_end(sb, mark);
}

void pgw_be_backend_key(struct strbuf *sb, uint32_t pid, uint32_t key)
{
	size_t mark = pgw_be_begin(sb, 'K');
	strbuf_put_u32(sb, pid);
	strbuf_put_u32(sb, key);
	pgw_be_end(sb, mark);
}

void pgw_be_ready(struct strbuf *sb, char status)
{
	ASSERT(status == 'I' || status == 'T' || status == 'E');
	size_t mark = pgw_be_begin(sb, 'Z');
	strbuf_putc(sb, status);
	pgw_be_end(sb, mark);
}

void pgw_be_negotiate_version(struct strbuf *sb, uint32_t newest_minor, size_t nunknown,
			      const char *const *unknown)
{
	if (nunknown > INT32_MAX) {
		fail(sb);
		return;
	}
	size_t mark = pgw_be_begin(sb, 'v');
	strbuf_put_u32(sb, newest_minor);
	strbuf_put_u32(sb, (uint32_t)nunknown);
	for (size_t i = 0; i < nunknown; i++)
		put_str(sb, unknown[i]);
	pgw_be_end(sb, mark);
}

void pgw_be_parse_complete(struct strbuf *sb) { empty_msg(sb, '1'); }
void pgw_be_bind_complete(struct strbuf *sb) { empty_msg(sb, '2'); }
void pgw_be_close_complete(struct strbuf *sb) { empty_msg(sb, '3'); }
void pgw_be_no_data(struct strbuf *sb) { empty_msg(sb, 'n'); }
void pgw_be_portal_suspended(struct strbuf *sb) { empty_msg(sb, 's'); }
void pgw_be_empty_query(struct strbuf *sb) { empty_msg(sb, 'I'); }

void pgw_be_function_call_response(struct strbuf *sb, const void *p, int32_t n)
{
	size_t mark = pgw_be_begin(sb, 'V');
	strbuf_put_u32(sb, (uint32_t)n);
	if (n > 0)
		strbuf_append(sb, p, (size_t)n);
	pgw_be_end(sb, mark);
}

void pgw_be_command_complete(struct strbuf *sb, const char *tag)
{
	size_t mark = pgw_be_begin(sb, 'C');
	put_str(sb, tag);
	pgw_be_end(sb, mark);
}

bool pgw_be_unwrite_last(struct strbuf *sb, size_t from, uint8_t type, struct strbuf *into)
{
	size_t found = SIZE_MAX, found_len = 0;
	for (size_t off = from; off + 5 <= sb->len;) {
		const uint8_t *p = (const uint8_t *)sb->data + off;
		size_t n = 1 + (((size_t)p[1] << 24) | ((size_t)p[2] << 16) | ((size_t)p[3] << 8) |
				(size_t)p[4]);
		if (n < 5 || off + n > sb->len)
			break; /* not the start of a message: nothing after it is read */
		if (p[0] == type) {
			found = off;
			found_len = n;
		}
		off += n;
	}
	if (found == SIZE_MAX)
		return false;
	if (into)
		strbuf_append(into, sb->data + found, found_len);
	memmove(sb->data + found, sb->data + found + found_len, sb->len - found - found_len);
	sb->len -= found_len;
	return true;
}

void pgw_be_parameter_description(struct strbuf *sb, size_t n, const uint32_t *oids)
{
	if (n > UINT16_MAX) {
		fail(sb);
		return;
	}
	size_t mark = pgw_be_begin(sb, 't');
	strbuf_put_u16(sb, (uint16_t)n);
	for (size_t i = 0; i < n; i++)
		strbuf_put_u32(sb, oids[i]);
	pgw_be_end(sb, mark);
}

void pgw_be_row_description(struct strbuf *sb, size_t n, const struct pgw_field *fields)
{
	if (n > UINT16_MAX) {
		fail(sb);
		return;
	}
	size_t mark = pgw_be_begin(sb, 'T');
	strbuf_put_u16(sb, (uint16_t)n);
	for (size_t i = 0; i < n; i++) {
		const struct pgw_field *f = &fields[i];
		put_str(sb, f->name);
		strbuf_put_u32(sb, f->table_oid);
		strbuf_put_u16(sb, (uint16_t)f->column);
		strbuf_put_u32(sb, f->type_oid);
		strbuf_put_u16(sb, (uint16_t)f->typlen);
		strbuf_put_u32(sb, (uint32_t)f->typmod);
		strbuf_put_u16(sb, (uint16_t)f->format);
	}
	pgw_be_end(sb, mark);
}

size_t pgw_be_datarow_begin(struct strbuf *sb, uint16_t ncols)
{
	size_t mark = pgw_be_begin(sb, 'D');
	strbuf_put_u16(sb, ncols);
	return mark;
}

void pgw_be_datarow_null(struct strbuf *sb) { strbuf_put_u32(sb, UINT32_MAX); /* -1 */ }

void pgw_be_datarow_value(struct strbuf *sb, const void *p, size_t n)
{
	if (n > INT32_MAX) {
		fail(sb);
		return;
	}
	strbuf_put_u32(sb, (uint32_t)n);
	strbuf_append(sb, p, n);
}

size_t pgw_be_datarow_open(struct strbuf *sb)
{
	size_t off = sb->len;
	strbuf_put_u32(sb, 0);
	return off;
}

/* The column length excludes its own length word, unlike the message length. */
void pgw_be_datarow_close(struct strbuf *sb, size_t off)
{
	if (sb->failed)
		return;
	ASSERT(off + 4 <= sb->len);
	size_t n = sb->len - off - 4;
	if (n > INT32_MAX) {
		fail(sb);
		return;
	}
	strbuf_patch_u32(sb, off, (uint32_t)n);
}

void pgw_be_datarow_end(struct strbuf *sb, size_t mark) { pgw_be_end(sb, mark); }

static void put_field(struct strbuf *sb, char code, const char *value)
{
	strbuf_putc(sb, code);
	put_str(sb, value);
}

/* Field order is PostgreSQL's (send_message_to_frontend): S V C M D H P W s t c n. Both S and V
 * carry the non-localized name, since we do not localize. */
static void write_report(struct strbuf *sb, uint8_t type, const char *severity,
			 const char *sqlstate, const struct pgerr *e, const char *message)
{
	size_t mark = pgw_be_begin(sb, type);
	put_field(sb, 'S', severity);
	put_field(sb, 'V', severity);
	put_field(sb, 'C', sqlstate);
	put_field(sb, 'M', message);
	if (e && e->detail[0])
		put_field(sb, 'D', e->detail);
	if (e && e->hint[0])
		put_field(sb, 'H', e->hint);
	if (e && e->position > 0) {
		char pos[16];
		snprintf(pos, sizeof(pos), "%d", e->position);
		put_field(sb, 'P', pos);
	}
	if (e && e->context[0])
		put_field(sb, 'W', e->context);
	if (e && e->schema_name[0])
		put_field(sb, 's', e->schema_name);
	if (e && e->table_name[0])
		put_field(sb, 't', e->table_name);
	if (e && e->column_name[0])
		put_field(sb, 'c', e->column_name);
	if (e && e->datatype_name[0])
		put_field(sb, 'd', e->datatype_name);
	if (e && e->constraint_name[0])
		put_field(sb, 'n', e->constraint_name);
	strbuf_put_u8(sb, 0);
	pgw_be_end(sb, mark);
}

void pgw_be_error(struct strbuf *sb, const struct pgerr *e)
{
	ASSERT(pgerr_is_set(e));
	write_report(sb, 'E', pgerr_severity_name(e->severity), e->sqlstate, e, e->message);
}

void pgw_be_notice(struct strbuf *sb, const char *severity, const char *sqlstate,
		   const char *message)
{
	write_report(sb, 'N', severity, sqlstate, NULL, message);
}

void pgw_be_notice_report(struct strbuf *sb, const char *severity, const struct pgerr *e)
{
	write_report(sb, 'N', severity, e->sqlstate, e, e->message);
}

/* CopyInResponse / CopyOutResponse: the overall format (0 text, 1 binary) and per column the
 * same code, as PostgreSQL sends them. */
static void copy_response(struct strbuf *sb, uint8_t type, int8_t format, size_t ncols)
{
	if (ncols > UINT16_MAX) {
		fail(sb);
		return;
	}
	size_t mark = pgw_be_begin(sb, type);
	strbuf_put_u8(sb, (uint8_t)format);
	strbuf_put_u16(sb, (uint16_t)ncols);
	for (size_t i = 0; i < ncols; i++)
		strbuf_put_u16(sb, (uint16_t)format);
	pgw_be_end(sb, mark);
}

void pgw_be_copy_in_response(struct strbuf *sb, int8_t format, size_t ncols)
{
	copy_response(sb, 'G', format, ncols);
}

void pgw_be_copy_out_response(struct strbuf *sb, int8_t format, size_t ncols)
{
	copy_response(sb, 'H', format, ncols);
}

size_t pgw_be_copy_data_begin(struct strbuf *sb) { return pgw_be_begin(sb, 'd'); }
void pgw_be_copy_data_end(struct strbuf *sb, size_t mark) { pgw_be_end(sb, mark); }
void pgw_be_copy_done(struct strbuf *sb) { empty_msg(sb, 'c'); }
