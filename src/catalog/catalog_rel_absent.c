/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_rel_absent.c: pg_catalog relations of objects shardlite does not have at all — text
 * search configurations, foreign data, event triggers, subscriptions, security labels,
 * extensions to install — declared with PostgreSQL 15's columns and always empty, so that a
 * GUI browsing for them (pgAdmin's tree lists each kind) hears "none" rather than 42P01. A
 * kind PostgreSQL has built-in rows of that shardlite also has (operators, casts,
 * aggregates) does not belong here: an empty relation would deny them. */
#include "catalog_int.h"

static bool fill_none(struct cat_conn *cc, const struct cat_model *m, struct cat_rows *r)
{
	return true;
}

static const struct cat_reldef defs[] = {
	/* a view in PostgreSQL: the extensions installable on the server, here none */
	{"pg_available_extensions",
	 "name name, default_version text, installed_version text, comment text", fill_none},
	/* encodings: the server speaks UTF8 only, so there is nothing to convert between */
	{"pg_conversion",
	 "oid oid, conname name, connamespace oid, conowner oid, conforencoding int4, "
	 "contoencoding int4, conproc regproc, condefault bool",
	 fill_none},
	/* ALTER DATABASE/ROLE ... SET is not supported: no per-database or per-role settings */
	{"pg_db_role_setting", "setdatabase oid, setrole oid, setconfig \"text[]\"", fill_none},
	/* ALTER DEFAULT PRIVILEGES is not supported: no object has non-default privileges */
	{"pg_default_acl",
	 "oid oid, defaclrole oid, defaclnamespace oid, defaclobjtype pg_char, "
	 "defaclacl \"aclitem[]\"",
	 fill_none},
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
	/* not empty: public's initial privileges (catalog_dump.c) */
	{"pg_init_privs",
	 "objoid oid, classoid oid, objsubid int4, privtype pg_char, initprivs \"aclitem[]\"",
	 cat_fill_init_privs},
	{"pg_largeobject_metadata", "oid oid, lomowner oid, lomacl \"aclitem[]\"", fill_none},
	/* SECURITY LABEL needs a label provider module: none can be loaded */
	{"pg_seclabel", "objoid oid, classoid oid, objsubid int4, provider text, label text",
	 fill_none},
	{"pg_seclabels",
	 "objoid oid, classoid oid, objsubid int4, objtype text, objnamespace oid, objname text, "
	 "provider text, label text",
	 fill_none},
	{"pg_shseclabel", "objoid oid, classoid oid, provider text, label text", fill_none},
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
