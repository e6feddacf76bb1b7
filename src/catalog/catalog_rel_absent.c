/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_rel_absent.c: pg_catalog relations of objects shardlite does not have at all — text
 * search configurations, foreign data, event triggers, subscriptions, security labels,
 * replication — declared with PostgreSQL 15's columns and always empty, so that a
 * GUI browsing for them (pgAdmin's tree lists each kind) hears "none" rather than 42P01. A
 * kind PostgreSQL has built-in rows of that shardlite also has (operators, casts,
 * aggregates) does not belong here: an empty relation would deny them. */
#include "catalog_int.h"

static bool fill_none(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	return true;
}

static const struct cat_reldef defs[] = {
	/* encodings: the server speaks UTF8 only, so there is nothing to convert between */
	{"pg_conversion",
	 "oid oid, conname name, connamespace oid, conowner oid, conforencoding int4, "
	 "contoencoding int4, conproc regproc, condefault bool",
	 fill_none},
	/* ALTER DATABASE/ROLE ... SET is not supported: no per-database or per-role settings */
	{"pg_db_role_setting", "setdatabase oid, setrole oid, setconfig \"text[]\"", fill_none},
	/* not empty: ALTER DEFAULT PRIVILEGES's default ACLs (catalog_grant.c) */
	{"pg_default_acl",
	 "oid oid, defaclrole oid, defaclnamespace oid, defaclobjtype pg_char, "
	 "defaclacl \"aclitem[]\"",
	 cat_fill_default_acl},
	{"pg_event_trigger",
	 "oid oid, evtname name, evtevent name, evtowner oid, evtfoid oid, evtenabled pg_char, "
	 "evttags \"text[]\"",
	 fill_none},
	{"pg_foreign_data_wrapper",
	 "oid oid, fdwname name, fdwowner oid, fdwhandler oid, fdwvalidator oid, "
	 "fdwacl \"aclitem[]\", fdwoptions \"text[]\"",
	 fill_none},
	{"pg_foreign_server",
	 "oid oid, srvname name, srvowner oid, srvfdw oid, srvtype text, srvversion text, "
	 "srvacl \"aclitem[]\", srvoptions \"text[]\"",
	 fill_none},
	{"pg_foreign_table", "ftrelid oid, ftserver oid, ftoptions \"text[]\"", fill_none},
	/* a view in PostgreSQL: user mappings of foreign servers, of which there are none
	 * (pgmodeler-cli's import lists them) */
	{"pg_user_mappings",
	 "umid oid, srvid oid, srvname name, umuser oid, usename name, umoptions \"text[]\"",
	 fill_none},
	/* not empty: public's initial privileges (catalog_dump.c) */
	{"pg_init_privs",
	 "objoid oid, classoid oid, objsubid int4, privtype pg_char, initprivs \"aclitem[]\"",
	 cat_fill_init_privs},
	/* SECURITY LABEL needs a label provider module: none can be loaded */
	{"pg_seclabel", "objoid oid, classoid oid, objsubid int4, provider text, label text",
	 fill_none},
	{"pg_seclabels",
	 "objoid oid, classoid oid, objsubid int4, objtype text, objnamespace oid, objname text, "
	 "provider text, label text",
	 fill_none},
	{"pg_shseclabel", "objoid oid, classoid oid, provider text, label text", fill_none},
	/* views in PostgreSQL: no streaming replication (a tenant's file is its own copy), so no
	 * WAL senders, WAL receiver or replication slots (pg_activity counts them) */
	{"pg_replication_slots",
	 "slot_name name, plugin name, slot_type text, datoid oid, database name, temporary bool, "
	 "active bool, active_pid int4, xmin xid, catalog_xmin xid, restart_lsn pg_lsn, "
	 "confirmed_flush_lsn pg_lsn, wal_status text, safe_wal_size int8, two_phase bool",
	 fill_none},
	{"pg_stat_replication",
	 "pid int4, usesysid oid, usename name, application_name text, client_addr inet, "
	 "client_hostname text, client_port int4, backend_start timestamptz, backend_xmin xid, "
	 "state text, sent_lsn pg_lsn, write_lsn pg_lsn, flush_lsn pg_lsn, replay_lsn pg_lsn, "
	 "write_lag interval, flush_lag interval, replay_lag interval, sync_priority int4, "
	 "sync_state text, reply_time timestamptz",
	 fill_none},
	{"pg_stat_wal_receiver",
	 "pid int4, status text, receive_start_lsn pg_lsn, receive_start_tli int4, "
	 "written_lsn pg_lsn, flushed_lsn pg_lsn, received_tli int4, "
	 "last_msg_send_time timestamptz, last_msg_receipt_time timestamptz, "
	 "latest_end_lsn pg_lsn, latest_end_time timestamptz, slot_name text, sender_host text, "
	 "sender_port int4, conninfo text",
	 fill_none},
	/* a view in PostgreSQL: per-column statistics. SQLite's ANALYZE keeps only index
	 * statistics (sqlite_stat1), so none, as in PostgreSQL before a table's first ANALYZE
	 * (check_postgres's bloat estimate reads it) */
	{"pg_stats",
	 "schemaname name, tablename name, attname name, inherited bool, null_frac float4, "
	 "avg_width int4, n_distinct float4, most_common_vals anyarray, "
	 "most_common_freqs \"float4[]\", histogram_bounds anyarray, correlation float4, "
	 "most_common_elems anyarray, most_common_elem_freqs \"float4[]\", "
	 "elem_count_histogram \"float4[]\"",
	 fill_none},
	{"pg_subscription",
	 "oid oid, subdbid oid, subskiplsn pg_lsn, subname name, subowner oid, subenabled bool, "
	 "subbinary bool, substream bool, subtwophasestate pg_char, subdisableonerr bool, "
	 "subconninfo text, subslotname name, subsynccommit text, subpublications \"text[]\"",
	 fill_none},
	{"pg_ts_config", "oid oid, cfgname name, cfgnamespace oid, cfgowner oid, cfgparser oid",
	 fill_none},
	{"pg_ts_dict",
	 "oid oid, dictname name, dictnamespace oid, dictowner oid, dicttemplate oid, "
	 "dictinitoption text",
	 fill_none},
	{"pg_ts_parser",
	 "oid oid, prsname name, prsnamespace oid, prsstart regproc, prstoken regproc, "
	 "prsend regproc, prsheadline regproc, prslextype regproc",
	 fill_none},
	{"pg_transform", "oid oid, trftype oid, trflang oid, trffromsql regproc, trftosql regproc",
	 fill_none},
	{"pg_ts_template",
	 "oid oid, tmplname name, tmplnamespace oid, tmplinit regproc, tmpllexize regproc",
	 fill_none},
};

const struct cat_reldef *cat_absent_defs(size_t *n)
{
	*n = ARRAY_LEN(defs);
	return defs;
}
