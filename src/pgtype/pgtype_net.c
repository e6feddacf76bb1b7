/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_net.c: the network address types inet, cidr, macaddr and macaddr8 — their input
 * functions (PostgreSQL 15's inet_net_pton/inet_cidr_pton, macaddr_in, macaddr8_in with their
 * messages), canonical text output (inet_net_ntop) and binary send/receive. Values are stored
 * as their canonical text, so these are the only places that read or write the bytes. */
#include "pgtype_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum { PG_AF_INET = 2, PG_AF_INET6 = 3 }; /* the family byte of the binary format */

static bool bad_inet(struct pgerr *err, bool cidr, const char *s)
{
	return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			 "invalid input syntax for type %s: \"%s\"", cidr ? "cidr" : "inet", s);
}

/* Decimal digits at *p into *v, at most max; false when none or too large. */
static bool decimal(const char **p, int max, int *v)
{
	if (!isdigit((unsigned char)**p))
		return false;
	*v = 0;
	while (isdigit((unsigned char)**p)) {
		*v = *v * 10 + (**p - '0');
		if (*v > max)
			return false;
		(*p)++;
	}
	return true;
}

/* inet_net_pton_ipv4 (inet) and inet_cidr_pton_ipv4 (cidr): dotted octets, possibly fewer
 * than four, then /bits. Without bits inet needs all four octets (/32); cidr takes the
 * classful width, widened to the octets given. */
static int pton_ipv4(const char *s, bool cidr, uint8_t *dst)
{
	int octets = 0, v, bits = -1;
	const char *p = s;
	for (;;) {
		if (octets == 4 || !decimal(&p, 255, &v))
			return -1;
		dst[octets++] = (uint8_t)v;
		if (*p != '.')
			break;
		p++;
	}
	if (*p == '/') {
		p++;
		if (!decimal(&p, 32, &bits))
			return -1;
	}
	if (*p)
		return -1;
	if (bits < 0 && !cidr)
		return octets == 4 ? 32 : -1;
	if (bits < 0) {
		bits = dst[0] >= 240 ? 32 : dst[0] >= 224 ? 8 : dst[0] >= 192 ? 24
		       : dst[0] >= 128 ? 16 : 8;
		if (bits < octets * 8)
			bits = octets * 8;
		if (bits == 8 && dst[0] == 224)
			bits = 4;
	} else if (!cidr && bits / 8 > octets) {
		return -1;
	}
	return bits;
}

/* inet_net_pton_ipv6: hex groups with one "::" and possibly a dotted IPv4 tail, then
 * /bits (0-128). */
static int pton_ipv6(const char *s, uint8_t *dst)
{
	uint8_t tmp[16] = {0};
	int n = 0, gap = -1, bits = 128;
	const char *p = s;
	if (p[0] == ':' && p[1] == ':') {
		gap = 0;
		p += 2;
	} else if (p[0] == ':') {
		return -1;
	}
	while (*p && *p != '/') {
		const char *q = p;
		unsigned v = 0;
		int digits = 0;
		while (isxdigit((unsigned char)*q) && digits < 5) {
			v = v * 16 + (unsigned)base_hexval(*q);
			q++;
			digits++;
		}
		if (*q == '.') { /* the IPv4 tail */
			int v4 = 0;
			const char *r = p;
			if (n > 12)
				return -1;
			for (int i = 0; i < 4; i++) {
				if (!decimal(&r, 255, &v4) || (i < 3 && *r++ != '.'))
					return -1;
				tmp[n++] = (uint8_t)v4;
			}
			p = r;
			break;
		}
		if (digits == 0 || digits > 4 || n > 14)
			return -1;
		tmp[n++] = (uint8_t)(v >> 8);
		tmp[n++] = (uint8_t)v;
		p = q;
		if (*p == ':') {
			p++;
			if (*p == ':') {
				if (gap >= 0)
					return -1;
				gap = n;
				p++;
			} else if (!*p || *p == '/') {
				return -1;
			}
		}
	}
	if (*p == '/') {
		p++;
		if (!decimal(&p, 128, &bits))
			return -1;
	}
	if (*p || (gap < 0 && n != 16) || (gap >= 0 && n == 16))
		return -1;
	if (gap >= 0) {
		memmove(tmp + 16 - (n - gap), tmp + gap, (size_t)(n - gap));
		memset(tmp + gap, 0, (size_t)(16 - n));
	}
	memcpy(dst, tmp, 16);
	return bits;
}

/* Whether no bit right of the netmask is set (network_in's addressOK). */
static bool host_bits_zero(const struct pgtype_inet *a)
{
	int nbytes = a->family == 4 ? 4 : 16;
	for (int i = 0; i < nbytes; i++) {
		int keep = a->bits - i * 8;
		uint8_t mask = keep >= 8 ? 0xff : keep <= 0 ? 0 : (uint8_t)(0xff << (8 - keep));
		if (a->addr[i] & ~mask)
			return false;
	}
	return true;
}

bool pgtype_inet_parse(const char *s, size_t n, bool cidr, struct pgtype_inet *out,
		       struct pgerr *err)
{
	char buf[128];
	if (n >= sizeof(buf) || memchr(s, '\0', n)) {
		char shown[128];
		snprintf(shown, sizeof(shown), "%.*s", (int)(n < 100 ? n : 100), s);
		return bad_inet(err, cidr, shown);
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	memset(out, 0, sizeof(*out));
	out->family = strchr(buf, ':') ? 6 : 4;
	int bits = out->family == 4 ? pton_ipv4(buf, cidr, out->addr) : pton_ipv6(buf, out->addr);
	if (bits < 0)
		return bad_inet(err, cidr, buf);
	out->bits = (uint8_t)bits;
	if (cidr && !host_bits_zero(out)) {
		pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION, "invalid cidr value: \"%s\"",
			  buf);
		pgerr_detail(err, "Value has bits set to right of mask.");
		return false;
	}
	return true;
}

/* inet_net_ntop_ipv6: the longest run of two or more zero groups (the first of equal runs)
 * is "::"; ::a.b.c.d and ::ffff:a.b.c.d keep their IPv4 tail. */
static void ntop_ipv6(struct strbuf *out, const uint8_t *a)
{
	unsigned w[8];
	int best = -1, best_len = 0, cur = -1, cur_len = 0;
	for (int i = 0; i < 8; i++) {
		w[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
		if (w[i] == 0) {
			if (cur < 0)
				cur = i, cur_len = 0;
			if (++cur_len > best_len)
				best = cur, best_len = cur_len;
		} else {
			cur = -1;
		}
	}
	if (best_len < 2)
		best = -1;
	for (int i = 0; i < 8; i++) {
		if (best >= 0 && i >= best && i < best + best_len) {
			if (i == best)
				strbuf_putc(out, ':');
			continue;
		}
		if (i)
			strbuf_putc(out, ':');
		if (i == 6 && best == 0 &&
		    (best_len == 6 ||
		     (best_len == 5 && w[5] == 0xffff))) {
			strbuf_printf(out, "%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
			break;
		}
		strbuf_printf(out, "%x", w[i]);
	}
	if (best >= 0 && best + best_len == 8)
		strbuf_putc(out, ':');
}

void pgtype_inet_out(struct strbuf *out, const struct pgtype_inet *a, bool cidr)
{
	int max = a->family == 4 ? 32 : 128;
	if (a->family == 4)
		strbuf_printf(out, "%u.%u.%u.%u", a->addr[0], a->addr[1], a->addr[2], a->addr[3]);
	else
		ntop_ipv6(out, a->addr);
	if (cidr || a->bits != max)
		strbuf_printf(out, "/%u", a->bits);
}

/* macaddr_in's accepted spellings, tried in its order with sscanf as it does. */
bool pgtype_macaddr_parse(const char *s, size_t n, uint8_t out[6], struct pgerr *err)
{
	static const char *const forms[] = {
		"%x:%x:%x:%x:%x:%x%1s",	      "%x-%x-%x-%x-%x-%x%1s",
		"%2x%2x%2x:%2x%2x%2x%1s",     "%2x%2x%2x-%2x%2x%2x%1s",
		"%2x%2x.%2x%2x.%2x%2x%1s",    "%2x%2x-%2x%2x-%2x%2x%1s",
		"%2x%2x%2x%2x%2x%2x%1s",
	};
	char buf[128], junk[2];
	int v[6], count = 0;
	snprintf(buf, sizeof(buf), "%.*s", (int)(n < 127 ? n : 127), s);
	for (size_t i = 0; i < ARRAY_LEN(forms) && count != 6 && n < 127 && !memchr(s, 0, n); i++)
		count = sscanf(buf, forms[i], &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], junk);
	if (count != 6)
		return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				 "invalid input syntax for type macaddr: \"%s\"", buf);
	for (int i = 0; i < 6; i++) {
		if (v[i] < 0 || v[i] > 255)
			return pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					 "invalid octet value in \"macaddr\" value: \"%s\"", buf);
		out[i] = (uint8_t)v[i];
	}
	return true;
}

/* macaddr8_in: blanks first, then pairs of hex digits, one kind of separator (':', '-' or
 * '.') anywhere between pairs, blanks after the 6th or 8th byte; six bytes become an EUI-64
 * with ff:fe in the middle. */
bool pgtype_macaddr8_parse(const char *s, size_t n, uint8_t out[8], struct pgerr *err)
{
	char buf[128];
	snprintf(buf, sizeof(buf), "%.*s", (int)(n < 127 ? n : 127), s);
	const char *p = buf;
	char spacer = 0;
	int count = 0;
	bool ok = n < 127 && !memchr(s, 0, n);
	while (ok && isspace((unsigned char)*p))
		p++;
	while (ok && p[0] && p[1]) {
		int hi = base_hexval(p[0]), lo = base_hexval(p[1]);
		if (hi < 0 || lo < 0 || count == 8) {
			ok = false;
			break;
		}
		out[count++] = (uint8_t)(hi << 4 | lo);
		p += 2;
		if (*p == ':' || *p == '-' || *p == '.') {
			if (spacer && spacer != *p)
				ok = false;
			spacer = *p++;
		}
		if ((count == 6 || count == 8) && isspace((unsigned char)*p)) {
			while (isspace((unsigned char)*p))
				p++;
			ok = ok && !*p;
		}
	}
	if (!ok || *p || (count != 6 && count != 8))
		return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				 "invalid input syntax for type macaddr8: \"%s\"", buf);
	if (count == 6) {
		memmove(out + 5, out + 3, 3);
		out[3] = 0xff;
		out[4] = 0xfe;
	}
	return true;
}

void pgtype_macaddr_out(struct strbuf *out, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_printf(out, i ? ":%02x" : "%02x", b[i]);
}

bool pgtype_net_decode_text(uint32_t oid, const char *s, size_t n, struct arena *a,
			    struct pgtype_value *out, struct pgerr *err)
{
	struct pgtype_inet in;
	uint8_t mac[8];
	struct strbuf sb;
	strbuf_init(&sb, 0);
	switch (oid) {
	case PGTYPE_INET:
	case PGTYPE_CIDR:
		if (!pgtype_inet_parse(s, n, oid == PGTYPE_CIDR, &in, err))
			goto fail;
		pgtype_inet_out(&sb, &in, oid == PGTYPE_CIDR);
		break;
	case PGTYPE_MACADDR:
		if (!pgtype_macaddr_parse(s, n, mac, err))
			goto fail;
		pgtype_macaddr_out(&sb, mac, 6);
		break;
	default:
		if (!pgtype_macaddr8_parse(s, n, mac, err))
			goto fail;
		pgtype_macaddr_out(&sb, mac, 8);
		break;
	}
	*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = arena_strndup(a, sb.data, sb.len),
				     .n = sb.len};
	strbuf_fini(&sb);
	return true;
fail:
	strbuf_fini(&sb);
	return false;
}

/* network_send: family (2 or 3), bits, is_cidr, address length, address. */
bool pgtype_net_send(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
		     struct pgerr *err)
{
	struct pgtype_inet in;
	uint8_t mac[8];
	const char *s = v->kind == PGTYPE_V_TEXT ? v->p : "";
	size_t n = v->kind == PGTYPE_V_TEXT ? v->n : 0;
	switch (oid) {
	case PGTYPE_INET:
	case PGTYPE_CIDR:
		if (!pgtype_inet_parse(s, n, oid == PGTYPE_CIDR, &in, err))
			return false;
		strbuf_put_u8(out, in.family == 4 ? PG_AF_INET : PG_AF_INET6);
		strbuf_put_u8(out, in.bits);
		strbuf_put_u8(out, oid == PGTYPE_CIDR);
		strbuf_put_u8(out, in.family == 4 ? 4 : 16);
		strbuf_append(out, in.addr, in.family == 4 ? 4 : 16);
		return true;
	case PGTYPE_MACADDR:
		if (!pgtype_macaddr_parse(s, n, mac, err))
			return false;
		strbuf_append(out, mac, 6);
		return true;
	default:
		if (!pgtype_macaddr8_parse(s, n, mac, err))
			return false;
		strbuf_append(out, mac, 8);
		return true;
	}
}

static bool recv_inet(bool cidr, const uint8_t *p, size_t n, struct pgtype_inet *in,
		      struct pgerr *err)
{
	const char *type = cidr ? "cidr" : "inet";
	if (n < 1 || (p[0] != PG_AF_INET && p[0] != PG_AF_INET6))
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "invalid address family in external \"%s\" value", type);
	memset(in, 0, sizeof(*in));
	in->family = p[0] == PG_AF_INET ? 4 : 6;
	int len = in->family == 4 ? 4 : 16;
	if (n < 2 || p[1] > len * 8)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "invalid bits in external \"%s\" value", type);
	in->bits = p[1];
	if (n != (size_t)len + 4 || p[3] != len)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "invalid length in external \"%s\" value", type);
	memcpy(in->addr, p + 4, (size_t)len);
	if (cidr && !host_bits_zero(in)) {
		pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
			  "invalid external \"cidr\" value");
		pgerr_detail(err, "Value has bits set to right of mask.");
		return false;
	}
	return true;
}

bool pgtype_net_recv(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		     struct pgtype_value *out, struct pgerr *err)
{
	struct pgtype_inet in;
	struct strbuf sb;
	size_t want = oid == PGTYPE_MACADDR ? 6 : 8;
	strbuf_init(&sb, 0);
	if (oid == PGTYPE_INET || oid == PGTYPE_CIDR) {
		if (!recv_inet(oid == PGTYPE_CIDR, p, n, &in, err)) {
			strbuf_fini(&sb);
			return false;
		}
		pgtype_inet_out(&sb, &in, oid == PGTYPE_CIDR);
	} else if (n != want) {
		strbuf_fini(&sb);
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "incorrect binary data format");
	} else {
		pgtype_macaddr_out(&sb, p, want);
	}
	*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = arena_strndup(a, sb.data, sb.len),
				     .n = sb.len};
	strbuf_fini(&sb);
	return true;
}

/* bitncmp: the first n bits of a and b, as memcmp orders them. */
int pgtype_inet_bitncmp(const uint8_t *a, const uint8_t *b, int n)
{
	int whole = n / 8, r = memcmp(a, b, (size_t)whole);
	if (r || n % 8 == 0)
		return r;
	uint8_t mask = (uint8_t)(0xff << (8 - n % 8));
	return (a[whole] & mask) - (b[whole] & mask);
}

int pgtype_inet_cmp(const struct pgtype_inet *a, const struct pgtype_inet *b)
{
	if (a->family != b->family)
		return a->family < b->family ? -1 : 1;
	int r = pgtype_inet_bitncmp(a->addr, b->addr, a->bits < b->bits ? a->bits : b->bits);
	if (r == 0)
		r = (int)a->bits - (int)b->bits;
	if (r == 0)
		r = pgtype_inet_bitncmp(a->addr, b->addr, a->family == 4 ? 32 : 128);
	return r < 0 ? -1 : r > 0;
}
