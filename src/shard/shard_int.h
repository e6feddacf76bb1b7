/* SPDX-License-Identifier: Apache-2.0 */
/* shard_int.h: what the files of the shard module share — the authorizer that fences every
 * tenant connection in (shard_authz.c). Not part of the public API. */
#ifndef SHARDLITE_SHARD_INT_H
#define SHARDLITE_SHARD_INT_H

#include "shard.h"

/* Per-connection state of the authorizer; lives inside struct shard_conn's allocation. */
struct shard_authz {
	/* The server itself is running SQL (e.g. attaching another tenant's file for a schema
	 * prefix, a table rebuild's PRAGMAs): the authorizer lets ATTACH/DETACH and PRAGMAs
	 * through. Set only around such calls. */
	bool internal;
};

/* Fences db in: DEFENSIVE, no extension loading, untrusted schema, no writable schema,
 * the per-connection SQLite limits, and an authorizer that refuses ATTACH/DETACH, file-
 * changing PRAGMAs, load_extension and the like (SQLITE_AUTH → 42501, see shard_error).
 * Call after the connection's own setup PRAGMAs ran: from then on they are refused too.
 * az must outlive db. False with err set when SQLite refuses a setting. */
bool shard_authz_install(sqlite3 *db, struct shard_authz *az, struct pgerr *err) MUST_CHECK;

/* The hook for the server's own file work (schema-prefix routing will ATTACH the file of
 * another tenant the user may reach). Between begin and end the authorizer allows ATTACH and
 * DETACH, and SQLITE_LIMIT_ATTACHED is raised to n_attached. Never around client SQL. */
void shard_authz_internal_begin(sqlite3 *db, struct shard_authz *az, int n_attached);
void shard_authz_internal_end(sqlite3 *db, struct shard_authz *az);

/* Runs server-issued SQL (never client text) with the authorizer in internal mode. */
bool shard_exec_internal(struct shard_conn *c, const char *sql, struct pgerr *err) MUST_CHECK;

/* Why the authorizer refused the last statement prepared on this thread ("" when none): the
 * prepare runs on the thread that called it, so a thread-local reason is the connection's. */
const char *shard_authz_last_denial(void);

#endif
