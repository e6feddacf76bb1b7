/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_pgtype_datetime.c: libFuzzer driver for the date/time input functions. The first byte
 * picks the type (date, time, timestamp, timestamptz, interval); the rest is the text. Checks:
 * a failure carries a SQLSTATE of class 22 and a message; a success prints, and what it
 * prints reads back as the same stored value (output is canonical), in text and binary. */
#include "pgtype.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(e) ((e) ? (void)0 : abort())

static const uint32_t oids[] = {PGTYPE_DATE, PGTYPE_TIME, PGTYPE_TIMESTAMP, PGTYPE_TIMESTAMPTZ,
				PGTYPE_INTERVAL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	uint32_t oid = oids[data[0] % 5];
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	struct pgtype_dtenv env = {pgtype_tz_utc(), 1, PGTYPE_ORDER_MDY};
	struct arena *a = arena_new(0);
	struct pgtype_value v, again;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_decode_text_env(oid, s, n, &env, a, &v, &err)) {
		CHECK(err.sqlstate[0] == '2' && err.sqlstate[1] == '2' && err.message[0]);
	} else {
		CHECK(v.kind == PGTYPE_V_TEXT);
		struct strbuf out;
		strbuf_init(&out, 0);
		pgtype_encode_text_tz(&out, oid, -1, NULL, &v);
		/* years 1 to 9999 print as stored; a BC or past-9999 value is stored in its
		 * order-preserving form (".9956-03-15", ":0010000-01-01": pgtype_dtstore.c) */
		bool ordered_form = v.n && (v.p[0] == '.' || v.p[0] == ':');
		CHECK(ordered_form || (out.len == v.n && memcmp(out.data, v.p, v.n) == 0));
		CHECK(pgtype_decode_text_env(oid, out.data, out.len, &env, a, &again, &err));
		CHECK(again.n == v.n && memcmp(again.p, v.p, v.n) == 0);
		strbuf_reset(&out);
		CHECK(pgtype_encode_binary(&out, oid, &v, &err));
		CHECK(pgtype_decode_binary(oid, (const uint8_t *)out.data, out.len, a, &again,
					   &err));
		CHECK(again.n == v.n && memcmp(again.p, v.p, v.n) == 0);
		strbuf_fini(&out);
	}
	arena_free(a);
	return 0;
}
