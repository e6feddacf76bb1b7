/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_fe.c: frames regular frontend messages and decodes the bodies the session needs
 * (Query, Parse, Bind, Describe, Close, Execute). Every read is bounds-checked against the
 * body; decoded strings are views into it. Error wording follows PostgreSQL's pqformat.c. */
#include "pgw.h"

#include <string.h>

/* A read position in a message body; every getter fails (filling err) rather than overrun. */
struct cursor {
	const uint8_t *p;
	size_t left;
	struct pgerr *err;
};

static void cursor_init(struct cursor *c, const struct pgw_msg *m, struct pgerr *err)
{
	c->p = m->body;
	c->left = m->len;
	c->err = err;
}

/* Returns a literal false (not pgerr_fatal's) so the compiler can see outputs are set on
 * every true path. */
static bool insufficient(struct cursor *c)
{
	pgerr_fatal(c->err, SQLSTATE_PROTOCOL_VIOLATION, "insufficient data left in message");
	return false;
}

static bool get_bytes(struct cursor *c, size_t n, const uint8_t **out)
{
	if (n > c->left)
		return insufficient(c);
	*out = c->p;
	c->p += n;
	c->left -= n;
	return true;
}

/* The take_* readers are for bytes already known to be there (see check_count). */
static uint16_t take_u16(struct cursor *c)
{
	ASSERT(c->left >= 2);
	uint16_t v = (uint16_t)(c->p[0] << 8 | c->p[1]);
	c->p += 2;
	c->left -= 2;
	return v;
}

static uint32_t take_u32(struct cursor *c)
{
	ASSERT(c->left >= 4);
	uint32_t v = (uint32_t)c->p[0] << 24 | (uint32_t)c->p[1] << 16 | (uint32_t)c->p[2] << 8 |
		     (uint32_t)c->p[3];
	c->p += 4;
	c->left -= 4;
	return v;
}

static bool get_u8(struct cursor *c, uint8_t *out)
{
	if (c->left < 1)
		return insufficient(c);
	*out = c->p[0];
	c->p++;
	c->left--;
	return true;
}

static bool get_u16(struct cursor *c, uint16_t *out)
{
	if (c->left < 2)
		return insufficient(c);
	*out = take_u16(c);
	return true;
}

static bool get_u32(struct cursor *c, uint32_t *out)
{
	if (c->left < 4)
		return insufficient(c);
	*out = take_u32(c);
	return true;
}

static bool get_string(struct cursor *c, const char **out)
{
	const uint8_t *nul = c->left ? memchr(c->p, 0, c->left) : NULL;
	if (!nul) {
		pgerr_fatal(c->err, SQLSTATE_PROTOCOL_VIOLATION, "invalid string in message");
		return false;
	}
	size_t n = (size_t)(nul - c->p) + 1;
	*out = (const char *)c->p;
	c->p += n;
	c->left -= n;
	return true;
}

/* Trailing bytes mean the client and we disagree about the layout: refuse, as pq_getmsgend. */
static bool get_end(struct cursor *c)
{
	if (c->left != 0)
		return pgerr_fatal(c->err, SQLSTATE_PROTOCOL_VIOLATION, "invalid message format");
	return true;
}

/* Refuses a count whose elements cannot fit in what is left before anything is allocated,
 * so a lying count costs no memory. */
static bool check_count(struct cursor *c, size_t count, size_t min_each)
{
	if (count > c->left / min_each)
		return insufficient(c);
	return true;
}

/* Format codes are 0 (text) or 1 (binary); PostgreSQL's wording, our SQLSTATE. */
static bool get_formats(struct cursor *c, struct arena *a, uint16_t *n, int16_t **out)
{
	*out = NULL;
	if (!get_u16(c, n) || !check_count(c, *n, 2))
		return false;
	if (*n == 0)
		return true;
	*out = arena_alloc(a, *n * sizeof(**out));
	for (size_t i = 0; i < *n; i++) {
		uint16_t v = take_u16(c);
		(*out)[i] = (int16_t)v;
		if (v > 1)
			return pgerr_fatal(c->err, SQLSTATE_PROTOCOL_VIOLATION,
					   "unsupported format code: %d", (*out)[i]);
	}
	return true;
}

enum pgw_read_status pgw_fe_read_msg(const uint8_t *buf, size_t len, size_t max_size,
				     struct pgw_msg *out, size_t *consumed, struct pgerr *err)
{
	if (len < 5)
		return PGW_NEED_MORE;
	uint32_t mlen = (uint32_t)buf[1] << 24 | (uint32_t)buf[2] << 16 | (uint32_t)buf[3] << 8 |
			(uint32_t)buf[4];
	/* Over INT32_MAX the length word is negative to PostgreSQL: a lie, not a big message. */
	if (mlen < 4 || mlen > INT32_MAX) {
		pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION, "invalid message length");
		return PGW_BAD;
	}
	size_t body = (size_t)mlen - 4;
	if (max_size && body > max_size) {
		pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION,
			    "message of %zu bytes exceeds max_message_size (%zu)", body, max_size);
		return PGW_BAD;
	}
	if (len - 1 < mlen)
		return PGW_NEED_MORE;
	out->type = buf[0];
	out->body = buf + 5;
	out->len = body;
	*consumed = (size_t)mlen + 1;
	return PGW_OK;
}

bool pgw_fe_sync_at(const uint8_t *buf, size_t len)
{
	return len >= 5 && buf[0] == PGW_FE_SYNC && buf[1] == 0 && buf[2] == 0 && buf[3] == 0 &&
	       buf[4] == 4;
}

bool pgw_fe_query(const struct pgw_msg *m, struct pgw_query *out, struct pgerr *err)
{
	struct cursor c;
	cursor_init(&c, m, err);
	return get_string(&c, &out->sql) && get_end(&c);
}

bool pgw_fe_parse(const struct pgw_msg *m, struct arena *a, struct pgw_parse *out,
		  struct pgerr *err)
{
	struct cursor c;
	cursor_init(&c, m, err);
	memset(out, 0, sizeof(*out));
	if (!get_string(&c, &out->name) || !get_string(&c, &out->sql) ||
	    !get_u16(&c, &out->nparam_types) || !check_count(&c, out->nparam_types, 4))
		return false;
	if (out->nparam_types)
		out->param_types = arena_alloc(a, out->nparam_types * sizeof(uint32_t));
	for (size_t i = 0; i < out->nparam_types; i++)
		out->param_types[i] = take_u32(&c);
	return get_end(&c);
}

/* Each value is an int32 length (-1 = NULL) and that many bytes; any other negative length
 * is what pq_getmsgbytes calls insufficient data. */
static bool get_param_values(struct cursor *c, struct arena *a, struct pgw_bind *out)
{
	if (!get_u16(c, &out->nparams) || !check_count(c, out->nparams, 4))
		return false;
	if (out->nparams == 0)
		return true;
	out->param_values = arena_alloc(a, out->nparams * sizeof(*out->param_values));
	out->param_lengths = arena_alloc(a, out->nparams * sizeof(*out->param_lengths));
	for (size_t i = 0; i < out->nparams; i++) {
		uint32_t n;
		if (!get_u32(c, &n))
			return false;
		out->param_lengths[i] = (int32_t)n;
		out->param_values[i] = NULL;
		if (out->param_lengths[i] == -1)
			continue;
		if (out->param_lengths[i] < 0)
			return insufficient(c);
		if (!get_bytes(c, n, &out->param_values[i]))
			return false;
	}
	return true;
}

bool pgw_fe_bind(const struct pgw_msg *m, struct arena *a, struct pgw_bind *out,
		 struct pgerr *err)
{
	struct cursor c;
	cursor_init(&c, m, err);
	memset(out, 0, sizeof(*out));
	if (!get_string(&c, &out->portal) || !get_string(&c, &out->statement) ||
	    !get_formats(&c, a, &out->nparam_formats, &out->param_formats) ||
	    !get_param_values(&c, a, out))
		return false;
	if (out->nparam_formats > 1 && out->nparam_formats != out->nparams)
		return pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION,
				   "bind message has %d parameter formats but %d parameters",
				   out->nparam_formats, out->nparams);
	return get_formats(&c, a, &out->nresult_formats, &out->result_formats) && get_end(&c);
}

bool pgw_fe_function_call(const struct pgw_msg *m, struct arena *a, struct pgw_function_call *out,
			  struct pgerr *err)
{
	struct cursor c;
	cursor_init(&c, m, err);
	memset(out, 0, sizeof(*out));
	uint16_t format;
	if (!get_u32(&c, &out->fn) ||
	    !get_formats(&c, a, &out->args.nparam_formats, &out->args.param_formats) ||
	    !get_param_values(&c, a, &out->args) || !get_u16(&c, &format))
		return false;
	if (out->args.nparam_formats > 1 && out->args.nparam_formats != out->args.nparams)
		return pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION,
				   "function call message has %d argument formats but %d arguments",
				   out->args.nparam_formats, out->args.nparams);
	if (format > 1)
		return pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION, "unsupported format code: %d",
				   format);
	out->result_format = (int16_t)format;
	return get_end(&c);
}

int16_t pgw_result_format(uint16_t nformats, const int16_t *formats, size_t i)
{
	if (nformats == 0)
		return 0;
	if (nformats == 1)
		return formats[0];
	ASSERT(i < nformats);
	return i < nformats ? formats[i] : 0;
}

int16_t pgw_bind_param_format(const struct pgw_bind *b, size_t i)
{
	return pgw_result_format(b->nparam_formats, b->param_formats, i);
}

/* Describe and Close share a body: 'S' or 'P', then a name. what names the message in the
 * error, as PostgreSQL's "invalid DESCRIBE message subtype %d". */
static bool read_target(const struct pgw_msg *m, struct pgw_target *out, const char *what,
			struct pgerr *err)
{
	struct cursor c;
	uint8_t kind;
	cursor_init(&c, m, err);
	if (!get_u8(&c, &kind))
		return false;
	if (kind != 'S' && kind != 'P')
		return pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION,
				   "invalid %s message subtype %d", what, kind);
	out->kind = (char)kind;
	return get_string(&c, &out->name) && get_end(&c);
}

bool pgw_fe_describe(const struct pgw_msg *m, struct pgw_target *out, struct pgerr *err)
{
	return read_target(m, out, "DESCRIBE", err);
}

bool pgw_fe_close(const struct pgw_msg *m, struct pgw_target *out, struct pgerr *err)
{
	return read_target(m, out, "CLOSE", err);
}

/* PostgreSQL reads max_rows as a signed int32 and treats anything <= 0 as "all rows". */
bool pgw_fe_execute(const struct pgw_msg *m, struct pgw_execute *out, struct pgerr *err)
{
	struct cursor c;
	uint32_t rows;
	cursor_init(&c, m, err);
	if (!get_string(&c, &out->portal) || !get_u32(&c, &rows) || !get_end(&c))
		return false;
	out->max_rows = (int32_t)rows <= 0 ? 0 : rows;
	return true;
}

/* CopyFail: the client's reason, which PostgreSQL quotes in its 57014 error. */
bool pgw_fe_copy_fail(const struct pgw_msg *m, struct pgw_copy_fail *out, struct pgerr *err)
{
	struct cursor c;
	cursor_init(&c, m, err);
	return get_string(&c, &out->message) && get_end(&c);
}
