/* SPDX-License-Identifier: Apache-2.0 */
/* harness_raw.c: the raw wire protocol for integration tests that must send what libpq never
 * would (malformed messages, stray messages mid-COPY, half-finished logins): a message
 * builder and readers that split what the server answers into messages. */
#include "harness.h"

#include <arpa/inet.h>
#include <check.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void raw_u32(struct raw_buf *b, uint32_t v)
{
	ck_assert_uint_le(b->n + 4, sizeof(b->d));
	v = htonl(v);
	memcpy(b->d + b->n, &v, 4);
	b->n += 4;
}

void raw_u16(struct raw_buf *b, uint16_t v)
{
	ck_assert_uint_le(b->n + 2, sizeof(b->d));
	v = htons(v);
	memcpy(b->d + b->n, &v, 2);
	b->n += 2;
}

void raw_bytes(struct raw_buf *b, const void *p, size_t n)
{
	ck_assert_uint_le(b->n + n, sizeof(b->d));
	if (n)
		memcpy(b->d + b->n, p, n);
	b->n += n;
}

void raw_str(struct raw_buf *b, const char *s) { raw_bytes(b, s, strlen(s) + 1); }

size_t raw_begin(struct raw_buf *b, char type)
{
	raw_bytes(b, &type, 1);
	size_t mark = b->n;
	raw_u32(b, 0);
	return mark;
}

void raw_end(struct raw_buf *b, size_t mark)
{
	uint32_t len = htonl((uint32_t)(b->n - mark));
	memcpy(b->d + mark, &len, 4);
}

void raw_msg(struct raw_buf *b, char type, const void *body, size_t n)
{
	size_t m = raw_begin(b, type);
	raw_bytes(b, body, n);
	raw_end(b, m);
}

void raw_query(struct raw_buf *b, const char *sql)
{
	size_t m = raw_begin(b, 'Q');
	raw_str(b, sql);
	raw_end(b, m);
}

void raw_parse(struct raw_buf *b, const char *stmt, const char *sql)
{
	size_t m = raw_begin(b, 'P');
	raw_str(b, stmt);
	raw_str(b, sql);
	raw_u16(b, 0);
	raw_end(b, m);
}

void raw_bind(struct raw_buf *b, const char *portal, const char *stmt)
{
	size_t m = raw_begin(b, 'B');
	raw_str(b, portal);
	raw_str(b, stmt);
	raw_u16(b, 0); /* parameter formats */
	raw_u16(b, 0); /* parameters */
	raw_u16(b, 0); /* result formats: all text */
	raw_end(b, m);
}

void raw_execute(struct raw_buf *b, const char *portal, uint32_t max_rows)
{
	size_t m = raw_begin(b, 'E');
	raw_str(b, portal);
	raw_u32(b, max_rows);
	raw_end(b, m);
}

void raw_sync(struct raw_buf *b) { raw_msg(b, 'S', NULL, 0); }

void raw_startup_msg(struct raw_buf *b, uint32_t version, const char *user, const char *db)
{
	size_t mark = b->n;
	raw_u32(b, 0);
	raw_u32(b, version);
	raw_str(b, "user");
	raw_str(b, user);
	raw_str(b, "database");
	raw_str(b, db);
	raw_bytes(b, "", 1);
	raw_end(b, mark);
}

void raw_send(int fd, const struct raw_buf *b)
{
	ck_assert_int_eq(write(fd, b->d, b->n), (ssize_t)b->n);
}

void raw_recv_all(int fd, struct raw_buf *b, int timeout_ms)
{
	b->n = 0;
	struct pollfd p = {.fd = fd, .events = POLLIN};
	while (b->n < sizeof(b->d) && poll(&p, 1, timeout_ms) == 1) {
		ssize_t r = read(fd, b->d + b->n, sizeof(b->d) - b->n);
		if (r <= 0)
			break;
		b->n += (size_t)r;
	}
}

/* Whether b holds a whole ReadyForQuery message. */
static bool has_ready(const struct raw_buf *b)
{
	for (size_t off = 0; off + 5 <= b->n;) {
		uint32_t len;
		memcpy(&len, b->d + off + 1, 4);
		len = ntohl(len);
		if (b->d[off] == 'Z' && off + 1 + len <= b->n)
			return true;
		off += 1 + len;
	}
	return false;
}

void raw_recv_until_ready(int fd, struct raw_buf *b)
{
	b->n = 0;
	struct pollfd p = {.fd = fd, .events = POLLIN};
	while (!has_ready(b) && b->n < sizeof(b->d) && poll(&p, 1, 5000) == 1) {
		ssize_t r = read(fd, b->d + b->n, sizeof(b->d) - b->n);
		if (r <= 0)
			return;
		b->n += (size_t)r;
	}
}

void raw_recv_msg(int fd, struct raw_buf *b)
{
	b->n = 0;
	ck_assert_int_eq(recv(fd, b->d, 5, MSG_WAITALL), 5);
	uint32_t len;
	memcpy(&len, b->d + 1, 4);
	len = ntohl(len);
	ck_assert_uint_ge(len, 4);
	ck_assert_uint_le(1 + (size_t)len, sizeof(b->d));
	if (len > 4)
		ck_assert_int_eq(recv(fd, b->d + 5, len - 4, MSG_WAITALL), (ssize_t)(len - 4));
	b->n = 1 + (size_t)len;
}

void raw_types(const struct raw_buf *b, size_t start, char *out, size_t outlen)
{
	size_t k = 0;
	for (size_t off = start; off + 5 <= b->n && k + 1 < outlen;) {
		uint32_t len;
		memcpy(&len, b->d + off + 1, 4);
		out[k++] = (char)b->d[off];
		off += 1 + ntohl(len);
	}
	out[k] = '\0';
}

const char *raw_error_field(const struct raw_buf *b, char code)
{
	for (size_t off = 0; off + 5 <= b->n;) {
		uint32_t len;
		memcpy(&len, b->d + off + 1, 4);
		len = ntohl(len);
		if (b->d[off] == 'E') {
			for (size_t i = off + 5; i < off + 1 + len && i < b->n && b->d[i];) {
				if (b->d[i] == (uint8_t)code)
					return (const char *)b->d + i + 1;
				i += strlen((const char *)b->d + i) + 1;
			}
		}
		off += 1 + len;
	}
	return NULL;
}
