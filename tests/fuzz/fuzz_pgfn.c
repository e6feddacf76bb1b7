/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_pgfn.c: libFuzzer driver for pgfn's parsers of client-supplied text — JSON (json_in,
 * paths, containment, jsonb_set, the JSON set-returning functions), array literals (ANY/ALL,
 * LIKE over elements), format() strings, decode's hex/base64/escape, regular expressions and
 * SIMILAR TO patterns, the string functions, and exact numeric text (pgfn_num_*). The first input byte picks a statement; the
 * rest, split at its first NUL, becomes ?1 and ?2. Checks: no crash, no ASan/UBSan report, and
 * every failure is an error pgfn_error raised with a SQLSTATE (or SQLite's out-of-memory). */
#include "pgfn.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(e) ((e) ? (void)0 : abort())

static const char *const stmts[] = {
	"SELECT pgfn_jsonb_in(?1), pgfn_json_in(?1)",
	"SELECT pgfn_json_path(?1, ?2, 2), pgfn_json_get(?1, ?2, 1)",
	"SELECT pgfn_jsonb_set(?1, ?2, ?1, 1), pgfn_jsonb_insert(?1, ?2, '1', 1)",
	"SELECT pgfn_jsonb_contains(?1, ?2), pgfn_jsonb_concat(?1, ?2), "
	"pgfn_jsonb_delete_path(?1, ?2), pgfn_jsonb_exists(?1, ?2, 1)",
	"SELECT count(*) FROM pgfn_jsonb_each(?1, 1)",
	"SELECT count(*) FROM pgfn_json_elements(?1, 0)",
	"SELECT pgfn_jsonb_pretty(?1), pgfn_jsonb_strip_nulls(?1), pgfn_json_typeof(?1)",
	"SELECT pgfn_format(?1, ?2, 1, NULL, 2.5)",
	"SELECT pgfn_array_dim(?1, 1, 3), pgfn_array_cmp(?2, ?1, 'LIKE', 0), "
	"pgfn_array_cmp(?2, ?1, '<', 1), pgfn_to_json(?1, 'S')",
	"SELECT count(*) FROM pgfn_unnest(?1, ?2)",
	"SELECT pgfn_decode(?1, 'base64'), pgfn_decode(?1, 'hex'), pgfn_decode(?1, 'escape')",
	"SELECT pgfn_regexp_replace(?1, ?2, '<\\1\\&>', 'g'), pgfn_regexp_match(?1, ?2)",
	"SELECT pgfn_similar(?1, ?2), pgfn_regexp_split_to_array(?1, ?2)",
	"SELECT pgfn_split_part(?1, ?2, -2), pgfn_translate(?1, ?2, 'xy'), pgfn_lpad(?1, 40, ?2), "
	"pgfn_initcap(?1), pgfn_reverse(?1), pgfn_string_to_array(?1, ?2)",
	"SELECT pgfn_quote_ident(?1), pgfn_quote_literal(?1), pgfn_ascii(?1), pgfn_left(?1, -3)",
	"SELECT pgfn_num_add(?1, ?2, -1, -1), pgfn_num_mul(?1, ?2, -1, 2), "
	"pgfn_num_div(?1, ?2, -1, -1), pgfn_num_round(?1, 3, -1), pgfn_num_trunc(?2, -2, 1)",
	"SELECT pgfn_num_avg(x, -1), pgfn_num_stddev_samp(x, -1), pgfn_num_max(x, 1) "
	"FROM (SELECT ?1 AS x UNION ALL SELECT ?2)",
};

static sqlite3 *db;
static sqlite3_stmt *vms[sizeof(stmts) / sizeof(stmts[0])];

static void init(void)
{
	CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
	CHECK(pgfn_register(db) != NULL);
	for (size_t i = 0; i < ARRAY_LEN(stmts); i++)
		CHECK(sqlite3_prepare_v2(db, stmts[i], -1, &vms[i], NULL) == SQLITE_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		init();
	if (size < 1 || size > 4096)
		return 0;
	sqlite3_stmt *vm = vms[data[0] % ARRAY_LEN(stmts)];
	const char *rest = (const char *)data + 1;
	size_t n = size - 1;
	const char *nul = memchr(rest, '\0', n);
	size_t n1 = nul ? (size_t)(nul - rest) : n;
	sqlite3_bind_text(vm, 1, rest, (int)n1, SQLITE_TRANSIENT);
	if (nul)
		sqlite3_bind_text(vm, 2, nul + 1, (int)(n - n1 - 1), SQLITE_TRANSIENT);
	else
		sqlite3_bind_text(vm, 2, "", 0, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		char state[6];
		const char *text;
		const char *msg = sqlite3_errmsg(db);
		/* invalid UTF-8 may reach SQLite's own functions; anything pgfn says has a SQLSTATE */
		CHECK(rc == SQLITE_NOMEM || pgfn_error_split(msg, state, &text) ||
		      strncmp(msg, "pgfn:", 5) != 0);
	}
	sqlite3_reset(vm);
	sqlite3_clear_bindings(vm);
	return 0;
}
