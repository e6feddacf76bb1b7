/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_net.c: the functions and operators of inet, cidr and macaddr(8) (functions-net.html of
 * PostgreSQL 15) over their stored canonical text, and the collation pgfn_inet that orders that
 * text as network_cmp does (family, network, netmask, host) for comparisons and ORDER BY. */
#include "pgfn.h"
#include "pgtype.h"

#include <string.h>

/* What each registered name computes; the translator passes whether an inet argument is a cidr
 * where the result depends on it (abbrev, set_masklen). */
enum net_op {
	NET_HOST, NET_MASKLEN, NET_FAMILY, NET_NETWORK, NET_NETMASK, NET_HOSTMASK, NET_BROADCAST,
	NET_ABBREV, NET_SET_MASKLEN, NET_SAME_FAMILY, NET_MERGE, NET_SUB, NET_CONTAINS,
	NET_OVERLAPS, NET_NOT, NET_AND, NET_OR, NET_ADD, NET_MINUS, NET_MAC_TRUNC, NET_MAC8_TRUNC,
	NET_SET7BIT,
};

static bool arg_inet(sqlite3_context *ctx, sqlite3_value *v, struct pgtype_inet *in)
{
	struct pgerr err;
	pgerr_clear(&err);
	const char *s = (const char *)sqlite3_value_text(v);
	if (s && pgtype_inet_parse(s, (size_t)sqlite3_value_bytes(v), false, in, &err))
		return true;
	pgfn_error(ctx, err.sqlstate[0] ? err.sqlstate : SQLSTATE_INVALID_TEXT_REPRESENTATION,
		   "%s", err.sqlstate[0] ? err.message : "invalid inet value");
	return false;
}

static void result_inet(sqlite3_context *ctx, const struct pgtype_inet *in, bool cidr)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_inet_out(&sb, in, cidr);
	sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

static int maxbits(const struct pgtype_inet *in) { return in->family == 4 ? 32 : 128; }

/* Keeps the first bits of the address (host bits zeroed), or sets the rest (ones). */
static void mask_addr(struct pgtype_inet *in, int bits, bool ones)
{
	for (int i = 0; i < maxbits(in) / 8; i++) {
		int keep = bits - i * 8;
		uint8_t m = keep >= 8 ? 0xff : keep <= 0 ? 0 : (uint8_t)(0xff << (8 - keep));
		in->addr[i] = ones ? (uint8_t)(in->addr[i] | ~m) : (uint8_t)(in->addr[i] & m);
	}
}

/* netmask(), hostmask(): the mask itself as an address of full length. */
static void mask_of(struct pgtype_inet *in, bool host)
{
	int bits = in->bits;
	memset(in->addr, 0, sizeof(in->addr));
	mask_addr(in, bits, true);
	for (int i = 0; i < maxbits(in) / 8; i++)
		in->addr[i] = host ? in->addr[i] : (uint8_t)~in->addr[i];
	mask_addr(in, maxbits(in), false);
	in->bits = (uint8_t)maxbits(in);
}

/* inet_cidr_ntop_ipv6: only the words the netmask covers (at least two), the longest zero run
 * (even of one word; BIND's scan, which keeps counting across a shorter run) as "::", an IPv4
 * tail cut to the octets covered. */
static void abbrev_ipv6(struct strbuf *sb, const uint8_t *s, int bits)
{
	int words = (bits + 15) / 16, zs = 0, zl = 0, ts = 0, tl = 0;
	if (bits == 0) {
		strbuf_puts(sb, "::");
		return;
	}
	words = words == 1 ? 2 : words;
	for (int i = 0; i < words; i++) {
		if ((s[2 * i] | s[2 * i + 1]) == 0) {
			ts = tl == 0 ? i : ts;
			tl++;
		} else if (tl && zl < tl) {
			zs = ts, zl = tl, tl = 0;
		}
	}
	if (tl && zl < tl)
		zs = ts, zl = tl;
	bool v4 = zl != words && zs == 0 &&
		  (zl == 6 || (zl == 5 && s[10] == 0xff && s[11] == 0xff) ||
		   (zl == 7 && s[14] != 0 && s[15] != 1));
	for (int p = 0; p < words; p++) {
		if (zl && p >= zs && p < zs + zl) {
			strbuf_puts(sb, p == zs ? ":" : "");
			strbuf_puts(sb, p == words - 1 ? ":" : "");
		} else if (v4 && p > 5) {
			strbuf_printf(sb, "%c%u", p == 6 ? ':' : '.', s[2 * p]);
			if (p != 7 || bits > 120)
				strbuf_printf(sb, ".%u", s[2 * p + 1]);
		} else {
			strbuf_printf(sb, "%s%x", sb->len ? ":" : "", s[2 * p] << 8 | s[2 * p + 1]);
		}
	}
}

/* cidr output abbreviated as inet_cidr_ntop writes it: only the octets the netmask covers
 * (10.1/16, 2001:db8/32). */
static void abbrev_cidr(sqlite3_context *ctx, const struct pgtype_inet *in)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	int octets = in->bits == 0 ? 1 : (in->bits + 7) / 8;
	for (int i = 0; i < octets && in->family == 4; i++)
		strbuf_printf(&sb, i ? ".%u" : "%u", in->addr[i]);
	if (in->family == 6)
		abbrev_ipv6(&sb, in->addr, in->bits);
	strbuf_printf(&sb, "/%u", in->bits);
	sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

static void set_masklen(sqlite3_context *ctx, struct pgtype_inet *in, sqlite3_int64 bits,
			bool cidr)
{
	if (bits == -1)
		bits = maxbits(in);
	if (bits < 0 || bits > maxbits(in)) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid mask length: %lld",
			   (long long)bits);
		return;
	}
	in->bits = (uint8_t)bits;
	if (cidr)
		mask_addr(in, in->bits, false);
	result_inet(ctx, in, cidr);
}

/* inetpl: the address plus a signed 64-bit addend, byte by byte with carry; 22003 when the
 * result leaves the family's range. */
static void add_int(sqlite3_context *ctx, struct pgtype_inet *in, sqlite3_int64 addend)
{
	int carry = 0;
	for (int nb = maxbits(in) / 8; nb-- > 0;) {
		carry = in->addr[nb] + (int)(addend & 0xff) + carry;
		in->addr[nb] = (uint8_t)(carry & 0xff);
		carry >>= 8;
		addend = (sqlite3_int64)((uint64_t)addend >> 8 |
					 (addend < 0 ? UINT64_C(0xff) << 56 : 0));
	}
	if (!((addend == 0 && carry == 0) || (addend == -1 && carry == 1))) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "result is out of range");
		return;
	}
	result_inet(ctx, in, false);
}

/* inetmi: a - b as a bigint (22003 when it does not fit). */
static void diff(sqlite3_context *ctx, const struct pgtype_inet *a, const struct pgtype_inet *b)
{
	int nb = maxbits(a) / 8, borrow = 0;
	uint8_t d[16];
	for (int i = nb; i-- > 0;) {
		int v = a->addr[i] - b->addr[i] - borrow;
		borrow = v < 0;
		d[i] = (uint8_t)(v & 0xff);
	}
	uint64_t low = 0;
	bool fits = true;
	for (int i = 0; i < nb; i++) {
		if (i < nb - 8)
			fits = fits && d[i] == (borrow ? 0xff : 0);
		else
			low = low << 8 | d[i];
	}
	if (nb == 4 && borrow)
		low |= UINT64_C(0xffffffff00000000);
	if (!fits || (nb == 16 && ((low >> 63) != (uint64_t)borrow))) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "result is out of range");
		return;
	}
	sqlite3_result_int64(ctx, (sqlite3_int64)low);
}

/* &, |, inet_merge and the containment operators need both of one family. */
static bool same_family(sqlite3_context *ctx, const struct pgtype_inet *a,
			const struct pgtype_inet *b, const char *what)
{
	if (a->family == b->family)
		return true;
	pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "%s", what);
	return false;
}

static void bitwise(sqlite3_context *ctx, struct pgtype_inet *a, const struct pgtype_inet *b,
		    bool and)
{
	if (!same_family(ctx, a, b,
			 and ? "cannot AND inet values of different sizes"
			     : "cannot OR inet values of different sizes"))
		return;
	for (int i = 0; i < 16; i++)
		a->addr[i] = and ? a->addr[i] & b->addr[i] : a->addr[i] | b->addr[i];
	a->bits = a->bits > b->bits ? a->bits : b->bits;
	result_inet(ctx, a, false);
}

/* inet_merge: the smallest network holding both. */
static void merge(sqlite3_context *ctx, struct pgtype_inet *a, const struct pgtype_inet *b)
{
	if (!same_family(ctx, a, b, "cannot merge addresses from different families"))
		return;
	int bits = a->bits < b->bits ? a->bits : b->bits, common = 0;
	while (common < bits && pgtype_inet_bitncmp(a->addr, b->addr, common + 1) == 0)
		common++;
	a->bits = (uint8_t)common;
	mask_addr(a, common, false);
	result_inet(ctx, a, true);
}

/* Operators and functions of two addresses. */
static void two(sqlite3_context *ctx, enum net_op op, struct pgtype_inet *a, sqlite3_value *y,
		sqlite3_value *flag)
{
	struct pgtype_inet b;
	if (op == NET_MINUS && sqlite3_value_type(y) == SQLITE_INTEGER) {
		sqlite3_int64 n = sqlite3_value_int64(y);
		if (n == INT64_MIN)
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "result is out of range");
		else
			add_int(ctx, a, -n);
		return;
	}
	if (!arg_inet(ctx, y, &b))
		return;
	int strict = flag ? sqlite3_value_int(flag) : 0;
	int common = a->bits < b.bits ? a->bits : b.bits;
	switch (op) {
	case NET_SAME_FAMILY:
		sqlite3_result_int(ctx, a->family == b.family);
		return;
	case NET_MERGE:
		merge(ctx, a, &b);
		return;
	case NET_SUB: /* a << b (strict) or a <<= b */
		sqlite3_result_int(ctx, a->family == b.family &&
					    (strict ? a->bits > b.bits : a->bits >= b.bits) &&
					    pgtype_inet_bitncmp(a->addr, b.addr, b.bits) == 0);
		return;
	case NET_OVERLAPS:
		sqlite3_result_int(ctx, a->family == b.family &&
					    pgtype_inet_bitncmp(a->addr, b.addr, common) == 0);
		return;
	case NET_AND:
	case NET_OR:
		bitwise(ctx, a, &b, op == NET_AND);
		return;
	default: /* NET_MINUS of two addresses */
		if (same_family(ctx, a, &b, "cannot subtract inet values of different sizes"))
			diff(ctx, a, &b);
		return;
	}
}

static void one(sqlite3_context *ctx, enum net_op op, struct pgtype_inet *in,
		sqlite3_value **argv)
{
	struct strbuf sb;
	switch (op) {
	case NET_HOST:
		strbuf_init(&sb, 0);
		in->bits = (uint8_t)maxbits(in);
		pgtype_inet_out(&sb, in, false);
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
		strbuf_fini(&sb);
		return;
	case NET_MASKLEN:
		sqlite3_result_int(ctx, in->bits);
		return;
	case NET_FAMILY:
		sqlite3_result_int(ctx, in->family);
		return;
	case NET_NETWORK:
		mask_addr(in, in->bits, false);
		result_inet(ctx, in, true);
		return;
	case NET_NETMASK:
	case NET_HOSTMASK:
		mask_of(in, op == NET_HOSTMASK);
		result_inet(ctx, in, false);
		return;
	case NET_BROADCAST:
		mask_addr(in, in->bits, true);
		result_inet(ctx, in, false);
		return;
	case NET_ABBREV:
		if (sqlite3_value_int(argv[1]))
			abbrev_cidr(ctx, in);
		else
			result_inet(ctx, in, false);
		return;
	case NET_SET_MASKLEN:
		set_masklen(ctx, in, sqlite3_value_int64(argv[1]), sqlite3_value_int(argv[2]));
		return;
	case NET_NOT:
		for (int i = 0; i < 16; i++)
			in->addr[i] = (uint8_t)~in->addr[i];
		mask_addr(in, maxbits(in), false);
		result_inet(ctx, in, false);
		return;
	case NET_ADD:
		add_int(ctx, in, sqlite3_value_int64(argv[1]));
		return;
	default:
		two(ctx, op, in, argv[1], op == NET_SUB ? argv[2] : NULL);
		return;
	}
}

/* trunc(macaddr), trunc(macaddr8), macaddr8_set7bit. */
static void mac(sqlite3_context *ctx, enum net_op op, sqlite3_value *v)
{
	uint8_t b[8];
	struct pgerr err;
	pgerr_clear(&err);
	const char *s = (const char *)sqlite3_value_text(v);
	size_t n = (size_t)sqlite3_value_bytes(v), len = op == NET_MAC_TRUNC ? 6 : 8;
	bool ok = op == NET_MAC_TRUNC ? pgtype_macaddr_parse(s, n, b, &err)
				      : pgtype_macaddr8_parse(s, n, b, &err);
	if (!ok) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		return;
	}
	if (op == NET_SET7BIT)
		b[0] |= 0x02;
	else
		memset(b + 3, 0, len - 3);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_macaddr_out(&sb, b, len);
	sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

static void fn_net(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	enum net_op op = (enum net_op)(intptr_t)sqlite3_user_data(ctx);
	struct pgtype_inet in;
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	}
	if (op >= NET_MAC_TRUNC)
		mac(ctx, op, argv[0]);
	else if (arg_inet(ctx, argv[0], &in))
		one(ctx, op, &in, argv);
}

/* The collation pgfn_inet: canonical inet/cidr text in network_cmp's order (text that is no
 * address, which a column of these types never holds, sorts by its bytes after them). */
static int collate_inet(void *arg, int na, const void *a, int nb, const void *b)
{
	(void)arg;
	struct pgtype_inet x, y;
	struct pgerr err;
	bool xa = pgtype_inet_parse(a, (size_t)na, false, &x, &err);
	bool yb = pgtype_inet_parse(b, (size_t)nb, false, &y, &err);
	if (xa && yb)
		return pgtype_inet_cmp(&x, &y);
	if (xa != yb)
		return xa ? -1 : 1;
	int r = memcmp(a, b, (size_t)(na < nb ? na : nb));
	return r ? r : na - nb;
}

int pgfn_register_net(sqlite3 *db)
{
	static const struct {
		const char *name;
		int nargs;
		enum net_op op;
	} fns[] = {
		{"pgfn_inet_host", 1, NET_HOST},	       {"pgfn_inet_masklen", 1, NET_MASKLEN},
		{"pgfn_inet_family", 1, NET_FAMILY},	       {"pgfn_inet_network", 1, NET_NETWORK},
		{"pgfn_inet_netmask", 1, NET_NETMASK},	       {"pgfn_inet_hostmask", 1, NET_HOSTMASK},
		{"pgfn_inet_broadcast", 1, NET_BROADCAST},     {"pgfn_inet_abbrev", 2, NET_ABBREV},
		{"pgfn_inet_set_masklen", 3, NET_SET_MASKLEN}, {"pgfn_inet_same_family", 2, NET_SAME_FAMILY},
		{"pgfn_inet_merge", 2, NET_MERGE},	       {"pgfn_inet_sub", 3, NET_SUB},
		{"pgfn_inet_overlaps", 2, NET_OVERLAPS},       {"pgfn_inet_not", 1, NET_NOT},
		{"pgfn_inet_and", 2, NET_AND},		       {"pgfn_inet_or", 2, NET_OR},
		{"pgfn_inet_add", 2, NET_ADD},		       {"pgfn_inet_minus", 2, NET_MINUS},
		{"pgfn_macaddr_trunc", 1, NET_MAC_TRUNC},      {"pgfn_macaddr8_trunc", 1, NET_MAC8_TRUNC},
		{"pgfn_macaddr8_set7bit", 1, NET_SET7BIT},
	};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, rc = SQLITE_OK;
	for (size_t i = 0; i < ARRAY_LEN(fns) && rc == SQLITE_OK; i++)
		rc = sqlite3_create_function(db, fns[i].name, fns[i].nargs, flags,
					     (void *)(intptr_t)fns[i].op, fn_net, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(db, "pgfn_inet", SQLITE_UTF8, NULL, collate_inet);
	return rc;
}
