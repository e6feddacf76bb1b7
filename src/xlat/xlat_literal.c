/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_literal.c: input checks for string literals cast to uuid and json/jsonb, done while
 * translating as PostgreSQL's input functions do them when parsing (22P02 with PostgreSQL's
 * message). A uuid is written in its canonical form (lower case, 8-4-4-4-12), as uuid_out
 * prints it; json text is kept as written. */
#include "xlat_int.h"

#include "pgtype.h"

#include <ctype.h>
#include <string.h>

/* uuid_in: 32 hex digits, optionally in braces, with a hyphen allowed after any group of
 * four digits. */
static bool parse_uuid(const char *s, char out[37])
{
	const char *p = s;
	bool braces = *p == '{';
	p += braces;
	int n = 0;
	char hex[32];
	while (n < 32) {
		if (!isxdigit((unsigned char)*p))
			return false;
		hex[n++] = (char)tolower((unsigned char)*p++);
		if (*p == '-' && n % 4 == 0 && n < 32)
			p++;
	}
	if (braces && *p++ != '}')
		return false;
	if (*p)
		return false;
	int k = 0;
	for (int i = 0; i < 32; i++) {
		if (i == 8 || i == 12 || i == 16 || i == 20)
			out[k++] = '-';
		out[k++] = hex[i];
	}
	out[k] = '\0';
	return true;
}

bool xlat_uuid_literal(struct xlat_ctx *c, const char *s, int location)
{
	char canon[37];
	if (!parse_uuid(s, canon))
		return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION, location,
				 "invalid input syntax for type uuid: \"%s\"", s);
	xlat_string(c, canon);
	return true;
}

bool xlat_net_literal(struct xlat_ctx *c, uint32_t oid, const char *s, int location)
{
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_decode_text(oid, s, strlen(s), c->a, &v, &err)) {
		xlat_fail(c, err.sqlstate, location, "%s", err.message);
		if (err.detail[0])
			pgerr_detail(c->err, "%s", err.detail);
		return false;
	}
	xlat_string(c, arena_strndup(c->a, v.p, v.n));
	return true;
}

const char *xlat_net_input(uint32_t oid)
{
	switch (oid) {
	case XLAT_OID_INET:
		return "shardlite_inet";
	case XLAT_OID_CIDR:
		return "shardlite_cidr";
	case XLAT_OID_MACADDR:
		return "shardlite_macaddr";
	case XLAT_OID_MACADDR8:
		return "shardlite_macaddr8";
	case XLAT_OID_TSVECTOR: /* not network types, but read the same way */
		return "shardlite_tsvector";
	case XLAT_OID_TSQUERY:
		return "shardlite_tsquery";
	default:
		return NULL;
	}
}

/* ---- JSON (RFC 8259, as PostgreSQL's json parser accepts it) ---- */

struct jp {
	const char *p;
	int depth;
};

static bool value(struct jp *j);

static void blanks(struct jp *j)
{
	while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')
		j->p++;
}

static bool string(struct jp *j)
{
	j->p++; /* the opening quote */
	for (;;) {
		unsigned char ch = (unsigned char)*j->p++;
		if (ch == '"')
			return true;
		if (ch < 0x20)
			return false; /* also the end of the text */
		if (ch != '\\')
			continue;
		ch = (unsigned char)*j->p++;
		if (ch == 'u') {
			for (int i = 0; i < 4; i++) {
				if (!isxdigit((unsigned char)*j->p++))
					return false;
			}
		} else if (!strchr("\"\\/bfnrt", ch) || !ch) {
			return false;
		}
	}
}

static bool digits(struct jp *j)
{
	if (!isdigit((unsigned char)*j->p))
		return false;
	while (isdigit((unsigned char)*j->p))
		j->p++;
	return true;
}

static bool number(struct jp *j)
{
	j->p += *j->p == '-';
	if (*j->p == '0')
		j->p++;
	else if (!digits(j))
		return false;
	if (*j->p == '.') {
		j->p++;
		if (!digits(j))
			return false;
	}
	if (*j->p == 'e' || *j->p == 'E') {
		j->p++;
		j->p += *j->p == '+' || *j->p == '-';
		if (!digits(j))
			return false;
	}
	return true;
}

/* An object or array: members separated by commas, each an optional key and a value. */
static bool container(struct jp *j, char close)
{
	if (++j->depth > 1000)
		return false;
	j->p++;
	blanks(j);
	if (*j->p == close) {
		j->p++;
		j->depth--;
		return true;
	}
	for (;;) {
		blanks(j);
		if (close == '}') {
			if (*j->p != '"' || !string(j))
				return false;
			blanks(j);
			if (*j->p++ != ':')
				return false;
		}
		if (!value(j))
			return false;
		blanks(j);
		if (*j->p == close) {
			j->p++;
			j->depth--;
			return true;
		}
		if (*j->p++ != ',')
			return false;
	}
}

static bool word(struct jp *j, const char *w)
{
	size_t n = strlen(w);
	if (strncmp(j->p, w, n) != 0)
		return false;
	j->p += n;
	return true;
}

static bool value(struct jp *j)
{
	blanks(j);
	switch (*j->p) {
	case '{':
		return container(j, '}');
	case '[':
		return container(j, ']');
	case '"':
		return string(j);
	case 't':
		return word(j, "true");
	case 'f':
		return word(j, "false");
	case 'n':
		return word(j, "null");
	default:
		return number(j);
	}
}

bool xlat_json_valid(const char *s)
{
	struct jp j = {.p = s};
	if (!value(&j))
		return false;
	blanks(&j);
	return *j.p == '\0';
}
