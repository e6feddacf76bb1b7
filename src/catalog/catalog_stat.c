/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_stat.c: the statistics and activity views — pg_stat_activity and pg_locks (the
 * tenant's sessions and advisory locks, from the session through catalog_session), the
 * per-table pg_stat_*_tables / pg_statio_*_tables and per-index pg_stat(io)_*_indexes,
 * the tenant's pg_stat_database row, pg_cursors, pg_prepared_statements and
 * pg_blocking_pids(). Counters SQLite does
 * not collect (scans, block reads, commits) are 0; n_live_tup is the row count (sqlite_stat1's estimate once ANALYZE ran). */
#include "catalog_int.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* timestamptz text as PostgreSQL prints it in UTC: fractional seconds without trailing zeros. */
const char *cat_ts_text(struct arena *a, int64_t us)
{
	if (us <= 0)
		return NULL;
	time_t secs = (time_t)(us / 1000000);
	struct tm tm;
	gmtime_r(&secs, &tm);
	char base[32], frac[16];
	strftime(base, sizeof(base), "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(frac, sizeof(frac), ".%06d", (int)(us % 1000000));
	size_t n = strlen(frac);
	while (n > 1 && frac[n - 1] == '0')
		frac[--n] = '\0';
	return arena_printf(a, "%s%s+00", base, n > 1 ? frac : "");
}

static bool fill_activity(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)m;
	struct catalog_activity *v = NULL;
	size_t n = cc->sess && cc->sess->activity
			   ? cc->sess->activity(cc->sess->setting_arg, r->a, &v)
			   : 0;
	for (size_t i = 0; i < n; i++) {
		const struct catalog_activity *x = &v[i];
		cat_row(r);
		cat_int(r, CAT_DB_OID);
		cat_text(r, cat_conn_database(cc));
		cat_int(r, x->pid);
		cat_null(r); /* leader_pid */
		cat_int(r, CAT_ROLE_BOOTSTRAP);
		cat_text(r, x->user);
		cat_text(r, x->application_name ? x->application_name : "");
		cat_text(r, x->client_addr);
		cat_null(r); /* client_hostname: no reverse lookups */
		cat_int(r, x->client_addr ? x->client_port : -1); /* -1: a Unix socket */
		cat_text(r, cat_ts_text(r->a, x->backend_start));
		cat_text(r, cat_ts_text(r->a, x->xact_start));
		cat_text(r, cat_ts_text(r->a, x->query_start));
		cat_text(r, cat_ts_text(r->a, x->state_change));
		/* waiting on a table or advisory lock, or idle: waiting for the client */
		bool idle = x->state && strcmp(x->state, "active") != 0;
		const char *lock = x->waiting_relation ? "relation" : x->waiting ? "advisory" : NULL;
		cat_text(r, lock ? "Lock" : idle ? "Client" : NULL);
		cat_text(r, lock ? lock : idle ? "ClientRead" : NULL);
		cat_text(r, x->state);
		cat_null(r); /* backend_xid */
		cat_null(r); /* backend_xmin */
		cat_null(r); /* query_id: compute_query_id is off */
		cat_text(r, x->query ? x->query : "");
		cat_text(r, "client backend");
	}
	return true;
}

/* PostgreSQL 15's OID of the pg_locks view, on which every query of it holds AccessShareLock */
#define PG_LOCKS_OID 12073

/* One pg_locks row of a relation lock (relation 0 with vxid: the virtualxid row; relation 0
 * without: a table no longer there, NULL). */
static void relation_row(struct cat_rows *r, uint32_t relation, const char *vxid, uint32_t pid,
			 const char *mode, bool granted, bool fastpath, int64_t wait_start)
{
	bool virt = vxid && !relation;
	cat_row(r);
	cat_text(r, virt ? "virtualxid" : "relation");
	if (virt)
		cat_null(r);
	else
		cat_int(r, CAT_DB_OID);
	if (relation)
		cat_int(r, relation);
	else
		cat_null(r);
	cat_null(r); /* page */
	cat_null(r); /* tuple */
	cat_text(r, virt ? vxid : NULL);
	for (int k = 0; k < 4; k++) /* transactionid, classid, objid, objsubid */
		cat_null(r);
	cat_text(r, vxid); /* virtualtransaction: only the querying session's is known */
	cat_int(r, pid);
	cat_text(r, mode);
	cat_bool(r, granted);
	cat_bool(r, fastpath);
	cat_text(r, granted ? NULL : cat_ts_text(r->a, wait_start));
}

/* The querying session's own locks, as PostgreSQL always shows them: AccessShareLock on
 * pg_locks itself and its virtual transaction's ExclusiveLock (its id: pid/1). */
static void own_rows(struct cat_conn *cc, struct cat_rows *r)
{
	uint32_t pid = cc->sess ? cc->sess->backend_pid : 0;
	const char *vxid = arena_printf(r->a, "%u/1", pid);
	relation_row(r, PG_LOCKS_OID, vxid, pid, "AccessShareLock", true, true, 0);
	relation_row(r, 0, vxid, pid, "ExclusiveLock", true, true, 0);
}

static bool fill_locks(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	struct catalog_lock *v = NULL;
	size_t n = cc->sess && cc->sess->locks ? cc->sess->locks(cc->sess->setting_arg, r->a, &v)
					       : 0;
	own_rows(cc, r);
	for (size_t i = 0; i < n; i++) {
		const struct catalog_lock *x = &v[i];
		if (x->table) {
			const struct cat_rel *t = cat_model_rel(m, x->table);
			relation_row(r, t ? t->oid : 0, NULL, x->pid, x->mode, x->granted, false,
				     x->wait_start);
			continue;
		}
		cat_row(r);
		cat_text(r, "advisory");
		cat_int(r, CAT_DB_OID);
		cat_null(r);
		cat_null(r);
		cat_null(r);
		cat_null(r);
		cat_null(r);
		cat_int(r, x->classid);
		cat_int(r, x->objid);
		cat_int(r, x->objsubid);
		cat_null(r); /* virtualtransaction: SQLite transactions have no ids */
		cat_int(r, x->pid);
		cat_text(r, x->shared ? "ShareLock" : "ExclusiveLock");
		cat_bool(r, x->granted);
		cat_bool(r, false);
		cat_text(r, x->granted ? NULL : cat_ts_text(r->a, x->wait_start));
	}
	return true;
}

static bool same_lock(const struct catalog_lock *a, const struct catalog_lock *b)
{
	if (a->table || b->table)
		return a->table && b->table && sqlite3_stricmp(a->table, b->table) == 0;
	return a->classid == b->classid && a->objid == b->objid && a->objsubid == b->objsubid;
}

/* Whether held lock h keeps waiting request w out. */
static bool conflicting(const struct catalog_lock *h, const struct catalog_lock *w)
{
	if (h->table)
		return (w->conflicts >> h->modeno) & 1;
	return !(h->shared && w->shared);
}

/* pg_blocking_pids(pid): the sessions holding a lock that pid waits for in a conflicting mode
 * (two shared holds do not conflict). PostgreSQL also names waiters queued ahead of pid;
 * advisory locks here have no such queue order to report. */
void cat_fn_blocking_pids(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct cat_conn *cc = sqlite3_user_data(ctx);
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t pid = (uint32_t)sqlite3_value_int64(argv[0]);
	struct arena *a = arena_new(0);
	struct catalog_lock *v = NULL;
	size_t n = cc->sess && cc->sess->locks ? cc->sess->locks(cc->sess->setting_arg, a, &v) : 0;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (size_t w = 0; w < n; w++) {
		if (v[w].pid != pid || v[w].granted)
			continue;
		for (size_t h = 0; h < n; h++) {
			const struct catalog_lock *x = &v[h];
			if (x->granted && x->pid != pid && same_lock(x, &v[w]) &&
			    conflicting(x, &v[w]))
				strbuf_printf(&sb, "%s%u", sb.len > 1 ? "," : "", x->pid);
		}
	}
	strbuf_putc(&sb, '}');
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		cat_result_text(ctx, sb.data);
	strbuf_fini(&sb);
	arena_free(a);
}

/* Rows of table t: sqlite_stat1's estimate when ANALYZE recorded one, else a count. */
static int64_t live_rows(sqlite3 *db, const struct cat_rel *t)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;
	if (sqlite3_prepare_v2(db, "SELECT stat FROM sqlite_stat1 WHERE tbl = ?1 AND idx IS NULL",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (n >= 0)
		return n;
	char *sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\"", t->name);
	if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return n < 0 ? 0 : n;
}

static bool has_index(const struct cat_model *m, const struct cat_rel *t)
{
	for (size_t i = 0; i < m->nidx; i++) {
		if (m->idx[i]->table == t)
			return true;
	}
	return false;
}

static bool fill_stat_tables(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		if (t->kind != 'r')
			continue;
		cat_row(r);
		cat_int(r, t->oid);
		cat_text(r, cat_conn_public(cc));
		cat_text(r, t->name);
		/* seq_scan .. n_tup_hot_upd: not collected; idx_* are NULL without an index */
		bool idx = has_index(m, t);
		for (int k = 0; k < 8; k++) {
			if ((k == 2 || k == 3) && !idx)
				cat_null(r);
			else
				cat_int(r, 0);
		}
		cat_int(r, live_rows(cc->db, t));
		for (int k = 0; k < 3; k++) /* n_dead_tup, n_mod_since_analyze, n_ins_since_vacuum */
			cat_int(r, 0);
		/* VACUUM's and ANALYZE's (catalog_vacstat.c); autovacuum's never */
		struct cat_vacstat vs;
		if (!cat_vacstat_read(cc->db, t->sqlname, &vs))
			return false;
		cat_text(r, cat_ts_text(r->a, vs.last_vacuum));
		cat_null(r);
		cat_text(r, cat_ts_text(r->a, vs.last_analyze));
		cat_null(r);
		cat_int(r, vs.vacuum_count);
		cat_int(r, 0);
		cat_int(r, vs.analyze_count);
		cat_int(r, 0);
	}
	return true;
}

static bool fill_statio_tables(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)cc;
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		if (t->kind != 'r')
			continue;
		bool idx = has_index(m, t);
		cat_row(r);
		cat_int(r, t->oid);
		cat_text(r, cat_conn_public(cc));
		cat_text(r, t->name);
		cat_int(r, 0);
		cat_int(r, 0);
		for (int k = 0; k < 2; k++) {
			if (idx)
				cat_int(r, 0);
			else
				cat_null(r);
		}
		for (int k = 0; k < 4; k++) /* no TOAST tables */
			cat_null(r);
	}
	return true;
}

/* The tenant's row: numbackends counts its sessions; SQLite collects none of the transaction,
 * block, tuple or time counters, which are 0, and checksums are not PostgreSQL's (NULL, as
 * PostgreSQL answers without data checksums). */
static bool fill_stat_database(struct cat_conn *cc, const struct cat_model *m,
			       struct cat_rows *r)
{
	(void)m;
	struct catalog_activity *v = NULL;
	size_t n = cc->sess && cc->sess->activity
			   ? cc->sess->activity(cc->sess->setting_arg, r->a, &v)
			   : 0;
	cat_row(r);
	cat_int(r, CAT_DB_OID);
	cat_text(r, cat_conn_database(cc));
	cat_int(r, (int64_t)n);
	for (int k = 0; k < 13; k++) /* xact_commit ... deadlocks */
		cat_int(r, 0);
	cat_null(r); /* checksum_failures */
	cat_null(r); /* checksum_last_failure */
	for (int k = 0; k < 5; k++) /* blk_read_time ... idle_in_transaction_time */
		cat_int(r, 0);
	for (int k = 0; k < 4; k++) /* sessions ... sessions_killed */
		cat_int(r, 0);
	cat_null(r); /* stats_reset */
	return true;
}

/* One row per index, with kind (pg_stat_ or pg_statio_) of counters: none is collected. */
static bool index_rows(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r,
		       int ncounters)
{
	for (size_t i = 0; i < m->nidx; i++) {
		const struct cat_index *ix = m->idx[i];
		cat_row(r);
		cat_int(r, ix->table->oid);
		cat_int(r, ix->rel->oid);
		cat_text(r, cat_conn_public(cc));
		cat_text(r, ix->table->name);
		cat_text(r, ix->rel->name);
		for (int k = 0; k < ncounters; k++)
			cat_int(r, 0);
	}
	return true;
}

static bool fill_stat_indexes(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	return index_rows(cc, m, r, 3); /* idx_scan, idx_tup_read, idx_tup_fetch */
}

static bool fill_statio_indexes(struct cat_conn *cc, const struct cat_model *m,
				struct cat_rows *r)
{
	return index_rows(cc, m, r, 2); /* idx_blks_read, idx_blks_hit */
}

/* The session's cursors and named prepared statements. */
static void session_portals(struct cat_conn *cc, struct arena *a, struct catalog_portals *out)
{
	memset(out, 0, sizeof(*out));
	if (cc->sess && cc->sess->portals)
		cc->sess->portals(cc->sess->setting_arg, a, out);
}

/* The session's own open cursors (PostgreSQL's pg_cursors shows the backend's). */
static bool fill_cursors(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	(void)m;
	struct catalog_portals p;
	session_portals(cc, r->a, &p);
	const struct catalog_cursor *v = p.cursors;
	for (size_t i = 0; i < p.ncursors; i++) {
		cat_row(r);
		cat_text(r, v[i].name);
		cat_text(r, v[i].statement);
		cat_bool(r, v[i].holdable);
		cat_bool(r, v[i].binary);
		cat_bool(r, v[i].scrollable);
		cat_text(r, cat_ts_text(r->a, v[i].creation_time));
	}
	return true;
}

/* parameter_types: regtype[] text, each type as regtypeout names it ("{integer,text}"). */
static const char *regtype_array(const struct cat_model *m, struct arena *a,
				 const uint32_t *types, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (size_t i = 0; i < n; i++) {
		const char *name = pgtype_by_oid(types[i]) || !m
					   ? cat_format_type(a, types[i], -1)
					   : cat_format_type_m(m, a, types[i], -1);
		strbuf_puts(&sb, i ? "," : "");
		pgfn_array_put_elem(&sb, name);
	}
	strbuf_putc(&sb, '}');
	const char *out = sb.failed ? NULL : arena_strdup(a, sb.data);
	strbuf_fini(&sb);
	return out;
}

/* The session's own named prepared statements, by PREPARE or by Parse (PostgreSQL's
 * pg_prepared_statements shows the backend's). */
static bool fill_prepared(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	struct catalog_portals p;
	session_portals(cc, r->a, &p);
	for (size_t i = 0; i < p.nprepared; i++) {
		const struct catalog_prepared *v = &p.prepared[i];
		cat_row(r);
		cat_text(r, v->name);
		cat_text(r, v->statement);
		cat_text(r, cat_ts_text(r->a, v->prepare_time));
		cat_text(r, regtype_array(m, r->a, v->param_types, v->nparams));
		cat_bool(r, v->from_sql);
		cat_int(r, v->generic_plans);
		cat_int(r, v->custom_plans);
	}
	return true;
}

#define STAT_TABLES                                                                                \
	"relid oid, schemaname name, relname name, seq_scan int8, seq_tup_read int8, idx_scan "   \
	"int8, idx_tup_fetch int8, n_tup_ins int8, n_tup_upd int8, n_tup_del int8, n_tup_hot_upd " \
	"int8, n_live_tup int8, n_dead_tup int8, n_mod_since_analyze int8, n_ins_since_vacuum "    \
	"int8, last_vacuum timestamptz, last_autovacuum timestamptz, last_analyze timestamptz, "   \
	"last_autoanalyze timestamptz, vacuum_count int8, autovacuum_count int8, analyze_count "   \
	"int8, autoanalyze_count int8"
#define STATIO_TABLES                                                                              \
	"relid oid, schemaname name, relname name, heap_blks_read int8, heap_blks_hit int8, "      \
	"idx_blks_read int8, idx_blks_hit int8, toast_blks_read int8, toast_blks_hit int8, "       \
	"tidx_blks_read int8, tidx_blks_hit int8"

#define INDEX5 "relid oid, indexrelid oid, schemaname name, relname name, indexrelname name"
#define STAT_INDEXES INDEX5 ", idx_scan int8, idx_tup_read int8, idx_tup_fetch int8"
#define STATIO_INDEXES INDEX5 ", idx_blks_read int8, idx_blks_hit int8"

#define STAT_DATABASE                                                                              \
	"datid oid, datname name, numbackends int4, xact_commit int8, xact_rollback int8, "        \
	"blks_read int8, blks_hit int8, tup_returned int8, tup_fetched int8, tup_inserted int8, "  \
	"tup_updated int8, tup_deleted int8, conflicts int8, temp_files int8, temp_bytes int8, "   \
	"deadlocks int8, checksum_failures int8, checksum_last_failure timestamptz, "              \
	"blk_read_time float8, blk_write_time float8, session_time float8, active_time float8, "   \
	"idle_in_transaction_time float8, sessions int8, sessions_abandoned int8, "                \
	"sessions_fatal int8, sessions_killed int8, stats_reset timestamptz"

static const struct cat_reldef defs[] = {
	{"pg_stat_activity",
	 "datid oid, datname name, pid int4, leader_pid int4, usesysid oid, usename name, "
	 "application_name text, client_addr inet, client_hostname text, client_port int4, "
	 "backend_start timestamptz, xact_start timestamptz, query_start timestamptz, "
	 "state_change timestamptz, wait_event_type text, wait_event text, state text, "
	 "backend_xid xid, backend_xmin xid, query_id int8, query text, backend_type text",
	 fill_activity},
	{"pg_locks",
	 "locktype text, database oid, relation oid, page int4, tuple int2, virtualxid text, "
	 "transactionid xid, classid oid, objid oid, objsubid int2, virtualtransaction text, "
	 "pid int4, mode text, granted bool, fastpath bool, waitstart timestamptz",
	 fill_locks},
	{"pg_stat_user_tables", STAT_TABLES, fill_stat_tables},
	{"pg_stat_all_tables", STAT_TABLES, fill_stat_tables},
	{"pg_statio_user_tables", STATIO_TABLES, fill_statio_tables},
	{"pg_statio_all_tables", STATIO_TABLES, fill_statio_tables},
	{"pg_stat_database", STAT_DATABASE, fill_stat_database},
	{"pg_stat_user_indexes", STAT_INDEXES, fill_stat_indexes},
	{"pg_stat_all_indexes", STAT_INDEXES, fill_stat_indexes},
	{"pg_statio_user_indexes", STATIO_INDEXES, fill_statio_indexes},
	{"pg_statio_all_indexes", STATIO_INDEXES, fill_statio_indexes},
	{"pg_cursors",
	 "name text, statement text, is_holdable bool, is_binary bool, is_scrollable bool, "
	 "creation_time timestamptz",
	 fill_cursors},
	{"pg_prepared_statements",
	 "name text, statement text, prepare_time timestamptz, parameter_types regtype[], "
	 "from_sql bool, generic_plans int8, custom_plans int8",
	 fill_prepared},
};

const struct cat_reldef *cat_stat_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
