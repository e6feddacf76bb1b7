/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_auth.c: the authentication messages — the backend's Authentication requests (SASL,
 * SASLContinue, SASLFinal, MD5Password, CleartextPassword) and the frontend's 'p' bodies
 * (PasswordMessage, SASLInitialResponse, SASLResponse). Judging their contents is auth's job. */
#include "pgw.h"

#include <string.h>

enum {
	AUTH_CLEARTEXT = 3,
	AUTH_MD5 = 5,
	AUTH_SASL = 10,
	AUTH_SASL_CONTINUE = 11,
	AUTH_SASL_FINAL = 12,
};

static void auth_request(struct strbuf *sb, uint32_t code, const void *data, size_t n)
{
	size_t mark = pgw_be_begin(sb, 'R');
	strbuf_put_u32(sb, code);
	strbuf_append(sb, data, n);
	pgw_be_end(sb, mark);
}

void pgw_be_auth_cleartext(struct strbuf *sb) { auth_request(sb, AUTH_CLEARTEXT, NULL, 0); }

void pgw_be_auth_md5(struct strbuf *sb, const uint8_t salt[4])
{
	auth_request(sb, AUTH_MD5, salt, 4);
}

void pgw_be_auth_sasl(struct strbuf *sb, size_t n, const char *const *mechanisms)
{
	size_t mark = pgw_be_begin(sb, 'R');
	strbuf_put_u32(sb, AUTH_SASL);
	for (size_t i = 0; i < n; i++)
		strbuf_append(sb, mechanisms[i], strlen(mechanisms[i]) + 1);
	strbuf_put_u8(sb, 0);
	pgw_be_end(sb, mark);
}

void pgw_be_auth_sasl_continue(struct strbuf *sb, const void *data, size_t n)
{
	auth_request(sb, AUTH_SASL_CONTINUE, data, n);
}

void pgw_be_auth_sasl_final(struct strbuf *sb, const void *data, size_t n)
{
	auth_request(sb, AUTH_SASL_FINAL, data, n);
}

static bool bad(struct pgerr *err, const char *what)
{
	return pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION, "invalid %s message", what);
}

bool pgw_fe_password(const struct pgw_msg *m, struct pgw_password *out, struct pgerr *err)
{
	const uint8_t *nul = m->len ? memchr(m->body, 0, m->len) : NULL;
	if (!nul || (size_t)(nul - m->body) != m->len - 1)
		return bad(err, "password packet");
	out->password = (const char *)m->body;
	return true;
}

bool pgw_fe_sasl_initial(const struct pgw_msg *m, struct pgw_sasl_initial *out, struct pgerr *err)
{
	const uint8_t *nul = m->len ? memchr(m->body, 0, m->len) : NULL;
	if (!nul)
		return bad(err, "SASLInitialResponse");
	size_t off = (size_t)(nul - m->body) + 1;
	if (m->len - off < 4)
		return bad(err, "SASLInitialResponse");
	const uint8_t *p = m->body + off;
	int32_t n = (int32_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
			      (uint32_t)p[3]);
	off += 4;
	out->mechanism = (const char *)m->body;
	out->data = m->body + off;
	out->has_data = n >= 0;
	out->len = n >= 0 ? (size_t)n : 0;
	if ((n < 0 && n != -1) || m->len - off != out->len)
		return bad(err, "SASLInitialResponse");
	return true;
}

void pgw_fe_sasl_response(const struct pgw_msg *m, struct pgw_sasl_response *out)
{
	out->data = m->body;
	out->len = m->len;
}
