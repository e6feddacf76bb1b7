/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_sysrowtype.c: the row types of the catalog's own relations — pg_class.reltype of
 * pg_catalog's tables (PostgreSQL 15's OIDs) and of information_schema's views (numbered here)
 * and their pg_type rows with their array types — so a client that looks every relation's
 * row type up among the types (PostGraphile's introspection) finds it. */
#include "catalog_int.h"

#include <string.h>

/* pg_catalog's tables as PostgreSQL 15's initdb makes them: relation, row type, its array */
static const struct {
	uint32_t rel, type, array;
} rowtypes[] = {
	{826, 10088, 10087}, /* pg_default_acl */
	{1213, 10056, 10055}, /* pg_tablespace */
	{1247, 71, 210}, /* pg_type */
	{1249, 75, 270}, /* pg_attribute */
	{1255, 81, 272}, /* pg_proc */
	{1259, 83, 273}, /* pg_class */
	{1260, 2842, 10057}, /* pg_authid */
	{1261, 2843, 10058}, /* pg_auth_members */
	{1262, 1248, 10052}, /* pg_database */
	{1417, 10078, 10077}, /* pg_foreign_server */
	{2224, 10105, 10104}, /* pg_sequence */
	{2328, 10076, 10075}, /* pg_foreign_data_wrapper */
	{2396, 10062, 10061}, /* pg_shdescription */
	{2600, 10027, 10026}, /* pg_aggregate */
	{2601, 10015, 10014}, /* pg_am */
	{2602, 10017, 10016}, /* pg_amop */
	{2603, 10019, 10018}, /* pg_amproc */
	{2604, 10001, 10000}, /* pg_attrdef */
	{2605, 10043, 10042}, /* pg_cast */
	{2606, 10003, 10002}, /* pg_constraint */
	{2607, 10049, 10048}, /* pg_conversion */
	{2608, 10051, 10050}, /* pg_depend */
	{2609, 10041, 10040}, /* pg_description */
	{2610, 10007, 10006}, /* pg_index */
	{2611, 10005, 10004}, /* pg_inherits */
	{2612, 10021, 10020}, /* pg_language */
	{2613, 10025, 10024}, /* pg_largeobject */
	{2615, 10047, 10046}, /* pg_namespace */
	{2616, 10013, 10012}, /* pg_opclass */
	{2617, 10009, 10008}, /* pg_operator */
	{2618, 10035, 10034}, /* pg_rewrite */
	{2620, 10037, 10036}, /* pg_trigger */
	{2753, 10011, 10010}, /* pg_opfamily */
	{2964, 10054, 10053}, /* pg_db_role_setting */
	{2995, 10023, 10022}, /* pg_largeobject_metadata */
	{3079, 10074, 10073}, /* pg_extension */
	{3118, 10082, 10081}, /* pg_foreign_table */
	{3256, 10084, 10083}, /* pg_policy */
	{3350, 10099, 10098}, /* pg_partitioned_table */
	{3381, 10031, 10030}, /* pg_statistic_ext */
	{3394, 10090, 10089}, /* pg_init_privs */
	{3456, 10095, 10094}, /* pg_collation */
	{3466, 10039, 10038}, /* pg_event_trigger */
	{3576, 10103, 10102}, /* pg_transform */
	{3592, 4066, 10093}, /* pg_shseclabel */
	{3596, 10092, 10091}, /* pg_seclabel */
	{3600, 10068, 10067}, /* pg_ts_dict */
	{3601, 10070, 10069}, /* pg_ts_parser */
	{3602, 10064, 10063}, /* pg_ts_config */
	{3764, 10072, 10071}, /* pg_ts_template */
	{6100, 6101, 10112}, /* pg_subscription */
	{6104, 10107, 10106}, /* pg_publication */
	{6106, 10111, 10110}, /* pg_publication_rel */
	{6237, 10109, 10108}, /* pg_publication_namespace */
	{6243, 10097, 10096}, /* pg_parameter_acl */
};

/* information_schema's views (OIDs CAT_NS_INFORMATION_SCHEMA + 1 ...): row type and array
 * from here on, two OIDs each, below any OID the tenant's objects take */
#define INFOSCHEMA_ROWTYPES 13100

uint32_t cat_sys_rowtype(uint32_t rel, bool array)
{
	for (size_t i = 0; i < ARRAY_LEN(rowtypes); i++) {
		if (rowtypes[i].rel == rel)
			return array ? rowtypes[i].array : rowtypes[i].type;
	}
	if (cat_infoschema_rel_oid(rel))
		return INFOSCHEMA_ROWTYPES + 2 * (rel - CAT_NS_INFORMATION_SCHEMA - 1) + (array ? 1 : 0);
	return 0;
}

static void put_pair(struct cat_rows *r, uint32_t rel, const char *name, uint32_t nsp)
{
	uint32_t oid = cat_sys_rowtype(rel, false), arr = cat_sys_rowtype(rel, true);
	if (!oid)
		return;
	cat_rowtype_put(r, oid, arr, name, nsp, rel);
}

void cat_sys_rowtype_rows(struct cat_rows *r)
{
	static const char prefix[] = "information_schema_";
	const char *name;
	uint32_t oid, next = CAT_NS_INFORMATION_SCHEMA + 1;
	for (size_t i = 0; cat_reg_catalog_rel(i, &name, &oid); i++)
		put_pair(r, oid, name, CAT_NS_PG_CATALOG);
	const struct cat_reldef *def;
	for (size_t i = 0; (def = cat_reldef_at(i)) != NULL; i++) {
		if (strncmp(def->name, prefix, sizeof(prefix) - 1) == 0)
			put_pair(r, next++, def->name + sizeof(prefix) - 1, CAT_NS_INFORMATION_SCHEMA);
	}
}
