/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_bit.c: the bit-string types bit(n) and bit varying(n) — bit_in/varbit_in with their
 * length rules and messages, and the binary send/receive of varbit_send/varbit_recv. A value
 * is stored as its output text, one '0' or '1' per bit, so these are the only places that read
 * the hexadecimal input form or the packed bytes of the wire. */
#include "pgtype_int.h"

enum { BIT_MAXLEN = 83886080 }; /* VARBITMAXLEN: (0x3FFFFFFF - header) * 8, as PostgreSQL */

static bool length_ok(size_t bitlen, int32_t typmod, bool varying, struct pgerr *err)
{
	if (typmod <= 0)
		return true;
	if (!varying && bitlen != (size_t)typmod)
		return pgerr_set(err, "22026", "bit string length %zu does not match type bit(%d)",
				 bitlen, (int)typmod);
	if (varying && bitlen > (size_t)typmod)
		return pgerr_set(err, SQLSTATE_STRING_DATA_RIGHT_TRUNCATION,
				 "bit string too long for type bit varying(%d)", (int)typmod);
	return true;
}

/* The bytes of the character starting at s (for the digit messages, as pg_mblen). */
static int char_len(const char *s, size_t left)
{
	unsigned char b = (unsigned char)s[0];
	int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
	return (size_t)n > left ? (int)left : n;
}

bool pgtype_bit_parse(const char *s, size_t n, int32_t typmod, bool varying, struct strbuf *out,
		      struct pgerr *err)
{
	bool hex = n && (s[0] == 'x' || s[0] == 'X');
	if (n && (hex || s[0] == 'b' || s[0] == 'B')) {
		s++;
		n--;
	}
	if (hex && n > BIT_MAXLEN / 4)
		return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "bit string length exceeds the maximum allowed (%d)", BIT_MAXLEN);
	if (!hex && n > BIT_MAXLEN)
		return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "bit string length exceeds the maximum allowed (%d)", BIT_MAXLEN);
	if (!length_ok(hex ? n * 4 : n, typmod, varying, err))
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (!hex && (ch == '0' || ch == '1')) {
			strbuf_put_u8(out, (uint8_t)ch);
			continue;
		}
		int v = hex ? base_hexval(ch) : -1;
		if (v < 0)
			return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 "\"%.*s\" is not a valid %s digit", char_len(s + i, n - i),
					 s + i, hex ? "hexadecimal" : "binary");
		for (int b = 3; b >= 0; b--)
			strbuf_put_u8(out, (v >> b) & 1 ? '1' : '0');
	}
	return true;
}

bool pgtype_bit_length_ok(size_t bitlen, int32_t typmod, bool varying, struct pgerr *err)
{
	return length_ok(bitlen, typmod, varying, err);
}

bool pgtype_bit_decode_text(uint32_t oid, const char *s, size_t n, struct arena *a,
			    struct pgtype_value *out, struct pgerr *err)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool ok = pgtype_bit_parse(s, n, -1, oid == PGTYPE_VARBIT, &sb, err);
	if (ok)
		*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT,
					     .p = arena_strndup(a, sb.data ? sb.data : "", sb.len),
					     .n = sb.len};
	strbuf_fini(&sb);
	return ok;
}

/* varbit_send: the length in bits, then the bits packed eight to a byte, first bit highest,
 * the last byte padded with zeros. */
bool pgtype_bit_send(struct strbuf *out, const struct pgtype_value *v, struct pgerr *err)
{
	const char *s = v->kind == PGTYPE_V_TEXT ? v->p : "";
	size_t n = v->kind == PGTYPE_V_TEXT ? v->n : 0;
	for (size_t i = 0; i < n; i++) /* v->p need not end in a NUL */
		if (s[i] != '0' && s[i] != '1')
			return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 "\"%.*s\" is not a valid binary digit", 1, s + i);
	strbuf_put_u32(out, (uint32_t)n);
	for (size_t i = 0; i < n; i += 8) {
		uint8_t byte = 0;
		for (size_t b = 0; b < 8; b++)
			byte |= (uint8_t)((i + b < n && s[i + b] == '1') << (7 - b));
		strbuf_put_u8(out, byte);
	}
	return true;
}

/* varbit_recv (bit_recv is the same): the bits of the length given, pad bits ignored. */
bool pgtype_bit_recv(const uint8_t *p, size_t n, struct arena *a, struct pgtype_value *out,
		     struct pgerr *err)
{
	if (n < 4)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "insufficient data left in message");
	int32_t bitlen =
		(int32_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
	if (bitlen < 0 || bitlen > BIT_MAXLEN)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "invalid length in external bit string");
	size_t bytes = ((size_t)bitlen + 7) / 8;
	if (n - 4 < bytes)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "insufficient data left in message");
	char *s = arena_alloc(a, (size_t)bitlen + 1);
	for (int32_t i = 0; i < bitlen; i++)
		s[i] = (p[4 + i / 8] >> (7 - i % 8)) & 1 ? '1' : '0';
	s[bitlen] = '\0';
	*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = s, .n = (size_t)bitlen};
	return true;
}
