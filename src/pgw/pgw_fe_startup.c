/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_fe_startup.c: reads the first packet of a connection (StartupMessage, SSLRequest,
 * GSSENCRequest, CancelRequest), which has a length word but no type byte. Judging the
 * protocol version and the parameters is the session's business, not this file's. */
#include "pgw.h"

#include <string.h>

#define STARTUP_HEADER 8 /* length word + version/request code */
#define REQUEST_LEN 8    /* SSLRequest and GSSENCRequest */
#define CANCEL_LEN 16

static uint32_t get_u32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static enum pgw_read_status bad_length(struct pgerr *err)
{
	pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION, "invalid length of startup packet");
	return PGW_BAD;
}

/* PostgreSQL reports every layout fault of a StartupMessage with this one message; the
 * detail says which fault it was, since that is what a driver author needs to know. */
static bool bad_layout(struct pgerr *err, const char *detail)
{
	pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION,
		    "invalid startup packet layout: expected terminator as last byte");
	pgerr_detail(err, "%s", detail);
	return false;
}

static bool bad_value(struct pgerr *err, const char *name, bool started)
{
	bad_layout(err, "");
	if (started)
		pgerr_detail(err, "The value of parameter \"%s\" is not terminated.", name);
	else
		pgerr_detail(err, "Parameter \"%s\" has no value.", name);
	return false;
}

/* The request codes fix the packet length exactly; a different length is a lie we can spot
 * as soon as the code has arrived, without waiting for the bytes it promises. */
static enum pgw_startup_kind kind_of(uint32_t code, size_t *want)
{
	switch (code) {
	case PGW_SSL_REQUEST_CODE:
		*want = REQUEST_LEN;
		return PGW_SSL_REQUEST;
	case PGW_GSSENC_REQUEST_CODE:
		*want = REQUEST_LEN;
		return PGW_GSSENC_REQUEST;
	case PGW_CANCEL_REQUEST_CODE:
		*want = CANCEL_LEN;
		return PGW_CANCEL_REQUEST;
	default:
		*want = 0;
		return PGW_STARTUP;
	}
}

/* Walks name\0value\0 ... \0 in body[0, n). Counts the pairs and, when params is not NULL,
 * fills them. The walk is bounded by memchr so an unterminated string is never overrun. */
static bool walk_params(const uint8_t *body, size_t n, struct pgw_param *params, size_t *count,
			struct pgerr *err)
{
	size_t off = 0, i = 0;

	for (;;) {
		if (off >= n)
			return bad_layout(err, "The parameter list has no terminating zero byte.");
		const uint8_t *name = body + off;
		const uint8_t *nul = memchr(name, 0, n - off);
		if (!nul)
			return bad_layout(err, "A parameter name is not terminated.");
		if (nul == name) {
			if (off != n - 1)
				return bad_layout(err, "Bytes follow the parameter list terminator.");
			break;
		}
		size_t voff = (size_t)(nul - body) + 1;
		const uint8_t *vnul = voff < n ? memchr(body + voff, 0, n - voff) : NULL;
		if (!vnul)
			return bad_value(err, (const char *)name, voff < n);
		if (params) {
			params[i].name = (const char *)name;
			params[i].value = (const char *)body + voff;
		}
		i++;
		off = (size_t)(vnul - body) + 1;
	}
	*count = i;
	return true;
}

/* Only protocol 3 has a name/value list; other versions (2.0, future request codes) are
 * handed to the session undecoded so it can answer with the right refusal. */
static bool read_params(const uint8_t *body, size_t n, struct arena *a, struct pgw_startup *out,
			struct pgerr *err)
{
	size_t count = 0;

	if (out->version >> 16 != 3)
		return true;
	if (!walk_params(body, n, NULL, &count, err))
		return false;
	if (count == 0)
		return true;
	out->params = arena_alloc(a, count * sizeof(*out->params));
	out->nparams = count;
	return walk_params(body, n, out->params, &count, err);
}

enum pgw_read_status pgw_fe_read_startup(const uint8_t *buf, size_t len, struct arena *a,
					 struct pgw_startup *out, size_t *consumed,
					 struct pgerr *err)
{
	size_t want = 0;

	if (len < 4)
		return PGW_NEED_MORE;
	uint32_t plen = get_u32(buf);
	if (plen < STARTUP_HEADER || plen > PGW_STARTUP_MAX)
		return bad_length(err);
	if (len < STARTUP_HEADER)
		return PGW_NEED_MORE;
	uint32_t code = get_u32(buf + 4);
	enum pgw_startup_kind kind = kind_of(code, &want);
	if (want && plen != want)
		return bad_length(err);
	if (len < plen)
		return PGW_NEED_MORE;

	memset(out, 0, sizeof(*out));
	out->kind = kind;
	if (kind == PGW_CANCEL_REQUEST) {
		out->cancel_pid = get_u32(buf + 8);
		out->cancel_key = get_u32(buf + 12);
	} else if (kind == PGW_STARTUP) {
		out->version = code;
		if (!read_params(buf + STARTUP_HEADER, plen - STARTUP_HEADER, a, out, err))
			return PGW_BAD;
	}
	*consumed = plen;
	return PGW_OK;
}

const char *pgw_startup_param(const struct pgw_startup *s, const char *name)
{
	for (size_t i = 0; i < s->nparams; i++)
		if (strcmp(s->params[i].name, name) == 0)
			return s->params[i].value;
	return NULL;
}
