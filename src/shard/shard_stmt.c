/* SPDX-License-Identifier: Apache-2.0 */
/* shard_stmt.c: prepared statements kept on a pooled connection between borrowers. A session
 * gives its connection back at the end of every transaction; its prepared statements leave
 * their sqlite3_stmt here, keyed by the SQL text, and whichever session next borrows the
 * connection and prepares the same text takes it back without compiling it again. */
#include "shard_int.h"

#include <string.h>

/* A cheap filter before strcmp: it runs twice per statement a session runs (take and give
 * back). Byte-wise FNV-1a over a translated statement of about 80 bytes cost about 300
 * instructions each time, and eight bytes at a time over the whole text still about 150; so
 * only the length, the first 32 and the last 32 bytes are mixed in (texts that differ only in
 * between share a hash and are told apart by strcmp). */
static uint64_t mix(uint64_t h, const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	h = (h ^ w) * 0x100000001b3u;
	return h ^ h >> 29;
}

static uint32_t text_hash(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0x9e3779b97f4a7c15u ^ n;
	if (n < 64) {
		for (; n >= 8; s += 8, n -= 8)
			h = mix(h, s);
		uint64_t w = 0;
		memcpy(&w, s, n);
		h = (h ^ w) * 0x100000001b3u;
	} else {
		for (int i = 0; i < 4; i++)
			h = mix(h, s + 8 * i);
		for (int i = 1; i <= 4; i++)
			h = mix(h, s + n - 8 * (size_t)i);
	}
	return (uint32_t)(h ^ h >> 32);
}

static void drop_slot(struct shard_conn *c, int i)
{
	memmove(&c->stmts[i], &c->stmts[i + 1], (size_t)(c->nstmts - i - 1) * sizeof(c->stmts[0]));
	c->nstmts--;
}

sqlite3_stmt *shard_conn_stmt_take(struct shard_conn *c, const char *sql)
{
	uint32_t h = text_hash(sql);
	for (int i = 0; i < c->nstmts; i++) {
		sqlite3_stmt *vm = c->stmts[i].vm;
		if (c->stmts[i].hash == h && strcmp(sqlite3_sql(vm), sql) == 0) {
			drop_slot(c, i);
			return vm;
		}
	}
	return NULL;
}

void shard_conn_stmt_give(struct shard_conn *c, sqlite3_stmt *vm)
{
	if (!vm)
		return;
	ASSERT(sqlite3_db_handle(vm) == c->db);
	sqlite3_reset(vm);
	sqlite3_clear_bindings(vm);
	if (c->nstmts == SHARD_STMT_CACHE)
		sqlite3_finalize(c->stmts[--c->nstmts].vm); /* the least recently given back */
	memmove(&c->stmts[1], &c->stmts[0], (size_t)c->nstmts * sizeof(c->stmts[0]));
	c->stmts[0] = (struct shard_stmt_slot){text_hash(sqlite3_sql(vm)), vm};
	c->nstmts++;
}

void shard_conn_stmt_forget(struct shard_conn *c)
{
	while (c->nstmts > 0)
		sqlite3_finalize(c->stmts[--c->nstmts].vm);
}

void shard_stmt_cache_clear(struct shard_conn *c)
{
	while (c->nstmts > 0)
		sqlite3_finalize(c->stmts[--c->nstmts].vm);
	for (size_t i = 0; i < ARRAY_LEN(c->txn_vms); i++) {
		sqlite3_finalize(c->txn_vms[i]);
		c->txn_vms[i] = NULL;
	}
	sqlite3_finalize(c->serial_vm);
	sqlite3_finalize(c->serial_upd_vm);
	c->serial_vm = c->serial_upd_vm = NULL;
}

int shard_stmt_cache_count(const struct shard_conn *c)
{
	int n = c->nstmts;
	for (size_t i = 0; i < ARRAY_LEN(c->txn_vms); i++)
		n += c->txn_vms[i] != NULL;
	return n + (c->serial_vm != NULL) + (c->serial_upd_vm != NULL);
}

void shard_conn_set_aux(struct shard_conn *c, void *aux, void (*free_fn)(void *))
{
	if (c->aux_free)
		c->aux_free(c->aux);
	c->aux = aux;
	c->aux_free = free_fn;
}

void *shard_conn_aux(const struct shard_conn *c) { return c->aux; }

bool shard_conn_pinned(const struct shard_conn *c) { return c->authz.temp_created; }

bool shard_conn_updated_columns(struct shard_conn *c, const char *sql, const char *table,
				struct strbuf *out)
{
	sqlite3_stmt *vm = NULL;
	c->authz.updated = out;
	c->authz.updated_table = table;
	int rc = sqlite3_prepare_v2(c->db, sql, -1, &vm, NULL); /* SQLite asks the authorizer */
	c->authz.updated = NULL;
	c->authz.updated_table = NULL;
	sqlite3_finalize(vm);
	return rc == SQLITE_OK;
}

/* sqlite3_transfer_bindings moves the values (from's become NULL), which is what a move
 * wants; SQLite keeps it for exactly this (its documentation calls it deprecated in favour
 * of binding again, which needs the values the caller no longer has). */
sqlite3_stmt *shard_conn_stmt_move(struct shard_conn *from, struct shard_conn *to,
				   sqlite3_stmt *vm)
{
	sqlite3_reset(vm); /* keeps its bindings */
	const char *sql = sqlite3_sql(vm);
	sqlite3_stmt *moved = shard_conn_stmt_take(to, sql);
	if (!moved && sqlite3_prepare_v3(to->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &moved,
					 NULL) != SQLITE_OK) {
		sqlite3_finalize(moved);
		return NULL;
	}
	if (!moved || sqlite3_transfer_bindings(vm, moved) != SQLITE_OK) {
		shard_conn_stmt_give(to, moved);
		return NULL;
	}
	shard_conn_stmt_give(from, vm);
	return moved;
}
