/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_catalog.c: what catalog queries need from the translator — pg_catalog relation names,
 * the catalog functions (registered on every tenant connection by the catalog module), the
 * reg* casts, POSIX regular expressions for ~ and !~, arrays as the catalog holds them.
 * Set-returning functions and LATERAL are in xlat_catalog_srf.c. */
#include "pgtype.h"
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

enum {
	OID_REGCLASS = 2205,
	OID_REGTYPE = 2206,
	OID_REGNAMESPACE = 4089,
	OID_REGOPERATOR = 2204,
	OID_TEXT_ARRAY = 1009,
};

/* The relations of pg_catalog the catalog module provides (catalog_rel.c; a catalog unit
 * test checks the two lists agree). Sorted. */
static const char *const relations[] = {
	"pg_aggregate",
	"pg_am",
	"pg_amop",
	"pg_amproc",
	"pg_attrdef",
	"pg_attribute",
	"pg_auth_members",
	"pg_authid",
	"pg_available_extensions",
	"pg_cast",
	"pg_class",
	"pg_collation",
	"pg_constraint",
	"pg_conversion",
	"pg_cursors",
	"pg_database",
	"pg_db_role_setting",
	"pg_default_acl",
	"pg_depend",
	"pg_description",
	"pg_enum",
	"pg_event_trigger",
	"pg_extension",
	"pg_foreign_data_wrapper",
	"pg_foreign_server",
	"pg_foreign_table",
	"pg_index",
	"pg_indexes",
	"pg_inherits",
	"pg_init_privs",
	"pg_language",
	"pg_largeobject",
	"pg_largeobject_metadata",
	"pg_locks",
	"pg_matviews",
	"pg_namespace",
	"pg_opclass",
	"pg_operator",
	"pg_opfamily",
	"pg_parameter_acl",
	"pg_partitioned_table",
	"pg_policies",
	"pg_policy",
	"pg_prepared_statements",
	"pg_proc",
	"pg_publication",
	"pg_publication_namespace",
	"pg_publication_rel",
	"pg_range",
	"pg_replication_slots",
	"pg_rewrite",
	"pg_roles",
	"pg_seclabel",
	"pg_seclabels",
	"pg_sequence",
	"pg_sequences",
	"pg_settings",
	"pg_shdescription",
	"pg_shseclabel",
	"pg_stat_activity",
	"pg_stat_all_indexes",
	"pg_stat_all_tables",
	"pg_stat_database",
	"pg_stat_replication",
	"pg_stat_user_indexes",
	"pg_stat_user_tables",
	"pg_stat_wal_receiver",
	"pg_statio_all_indexes",
	"pg_statio_all_tables",
	"pg_statio_user_indexes",
	"pg_statio_user_tables",
	"pg_statistic_ext",
	"pg_subscription",
	"pg_tables",
	"pg_tablespace",
	"pg_timezone_names",
	"pg_transform",
	"pg_trigger",
	"pg_ts_config",
	"pg_ts_dict",
	"pg_ts_parser",
	"pg_ts_template",
	"pg_type",
	"pg_user",
	"pg_user_mappings",
	"pg_views",
};

bool xlat_catalog_is_relation(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_LEN(relations); i++) {
		if (strcmp(relations[i], name) == 0)
			return true;
	}
	return false;
}

/* information_schema's views the catalog provides, served as information_schema_<view>. */
static const char *const infoschema[] = {
	"administrable_role_authorizations",
	"applicable_roles",
	"attributes",
	"character_sets",
	"check_constraints",
	"collation_character_set_applicability",
	"collations",
	"column_domain_usage",
	"column_privileges",
	"columns",
	"constraint_column_usage",
	"constraint_table_usage",
	"data_type_privileges",
	"domain_constraints",
	"domain_udt_usage",
	"domains",
	"element_types",
	"enabled_roles",
	"key_column_usage",
	"parameters",
	"referential_constraints",
	"role_column_grants",
	"role_routine_grants",
	"role_table_grants",
	"role_udt_grants",
	"role_usage_grants",
	"routines",
	"routine_privileges",
	"schemata",
	"sequences",
	"table_constraints",
	"table_privileges",
	"tables",
	"triggered_update_columns",
	"triggers",
	"udt_privileges",
	"usage_privileges",
	"user_defined_types",
	"view_column_usage",
	"view_routine_usage",
	"view_table_usage",
	"views",
};

bool xlat_catalog_infoschema(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	for (size_t i = 0; i < ARRAY_LEN(infoschema); i++) {
		if (strcmp(infoschema[i], rv->relname) == 0) {
			xlat_ident(c, arena_printf(c->a, "information_schema_%s", rv->relname));
			return true;
		}
	}
	return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, rv->location,
			 "relation \"information_schema.%s\" does not exist", rv->relname);
}

bool xlat_catalog_relname(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	if (!xlat_catalog_is_relation(rv->relname))
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, rv->location,
				 "relation \"pg_catalog.%s\" does not exist", rv->relname);
	xlat_ident(c, rv->relname);
	return true;
}

/* Catalog functions: same name on SQLite (catalog_fn.c), PostgreSQL's result type. */
static const struct catfn {
	const char *name;
	int min, max;
	uint32_t oid;
} catfns[] = {
	{"format_type", 2, 2, XLAT_OID_TEXT},
	{"pg_get_expr", 2, 3, XLAT_OID_TEXT},
	{"pg_get_indexdef", 1, 3, XLAT_OID_TEXT},
	{"pg_index_column_has_property", 3, 3, XLAT_OID_BOOL},
	{"pg_get_constraintdef", 1, 2, XLAT_OID_TEXT},
	{"pg_table_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_type_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_function_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_operator_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_opclass_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_opfamily_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_conversion_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_collation_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_ts_config_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_ts_dict_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_ts_parser_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_ts_template_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_statistics_obj_is_visible", 1, 1, XLAT_OID_BOOL},
	{"pg_char_to_encoding", 1, 1, XLAT_OID_INT4},
	{"pg_get_userbyid", 1, 1, XLAT_OID_NAME},
	{"acldefault", 2, 2, 1034 /* aclitem[] */},
	{"pg_export_snapshot", 0, 0, XLAT_OID_TEXT},
	{"obj_description", 1, 2, XLAT_OID_TEXT},
	{"col_description", 2, 2, XLAT_OID_TEXT},
	{"shobj_description", 2, 2, XLAT_OID_TEXT},
	{"pg_get_function_result", 1, 1, XLAT_OID_TEXT},
	{"pg_get_function_arguments", 1, 1, XLAT_OID_TEXT},
	{"pg_get_function_identity_arguments", 1, 1, XLAT_OID_TEXT},
	{"pg_get_function_sqlbody", 1, 1, XLAT_OID_TEXT},
	{"pg_get_functiondef", 1, 1, XLAT_OID_TEXT},
	{"pg_encoding_to_char", 1, 1, XLAT_OID_NAME},
	{"current_schemas", 1, 1, 1003 /* name[] */},
	{"array_position", 2, 2, XLAT_OID_INT4},
	{"array_to_string", 2, 3, XLAT_OID_TEXT},
	{"pg_size_pretty", 1, 1, XLAT_OID_TEXT},
	{"pg_table_size", 1, 1, XLAT_OID_INT8},
	{"pg_relation_size", 1, 2, XLAT_OID_INT8},
	{"pg_total_relation_size", 1, 1, XLAT_OID_INT8},
	{"pg_indexes_size", 1, 1, XLAT_OID_INT8},
	{"pg_get_triggerdef", 1, 2, XLAT_OID_TEXT},
	{"pg_get_statisticsobjdef_columns", 1, 1, XLAT_OID_TEXT},
	{"pg_get_viewdef", 1, 2, XLAT_OID_TEXT},
	{"pg_get_ruledef", 1, 2, XLAT_OID_TEXT},
	{"pg_partition_ancestors", 1, 1, OID_REGCLASS},
	/* pg_partition_ancestors(rel) in a select list unnests it (xlat_catalog_srf.c) */
	{"shardlite_partition_ancestors_array", 1, 1, 2210 /* regclass[] */},
	{"pg_partition_root", 1, 1, OID_REGCLASS},
	{"pg_get_partkeydef", 1, 1, XLAT_OID_TEXT},
	{"pg_get_partition_constraintdef", 1, 1, XLAT_OID_TEXT},
	{"pg_relation_is_publishable", 1, 1, XLAT_OID_BOOL},
	{"pg_relation_is_updatable", 2, 2, XLAT_OID_INT4},
	{"pg_column_is_updatable", 3, 3, XLAT_OID_BOOL},
	{"version", 0, 0, XLAT_OID_TEXT},
	{"current_setting", 1, 2, XLAT_OID_TEXT},
	{"set_config", 3, 3, XLAT_OID_TEXT},
	{"current_database", 0, 0, XLAT_OID_NAME},
	{"pg_backend_pid", 0, 0, XLAT_OID_INT4},
	{"pg_trigger_depth", 0, 0, XLAT_OID_INT4},
	{"inet_client_addr", 0, 0, 869 /* inet */},
	{"inet_client_port", 0, 0, XLAT_OID_INT4},
	{"inet_server_addr", 0, 0, 869 /* inet */},
	{"inet_server_port", 0, 0, XLAT_OID_INT4},
	{"txid_current", 0, 0, XLAT_OID_INT8},
	{"pg_current_xact_id", 0, 0, 5069 /* xid8 */},
	{"pg_postmaster_start_time", 0, 0, 1184 /* timestamptz */},
	{"pg_conf_load_time", 0, 0, 1184 /* timestamptz */},
	{"pg_tablespace_location", 1, 1, XLAT_OID_TEXT},
	{"pg_database_size", 1, 1, XLAT_OID_INT8},
	{"pg_blocking_pids", 1, 1, 1007 /* int4[] */},
	{"pg_is_in_recovery", 0, 0, XLAT_OID_BOOL},
	{"bpchar", 1, 1, 1042 /* character */},
	{"pg_is_wal_replay_paused", 0, 0, XLAT_OID_BOOL},
	{"pg_stat_get_last_vacuum_time", 1, 1, 1184 /* timestamptz */},
	{"pg_stat_get_last_autovacuum_time", 1, 1, 1184},
	{"pg_stat_get_last_analyze_time", 1, 1, 1184},
	{"pg_stat_get_last_autoanalyze_time", 1, 1, 1184},
	{"pg_stat_get_vacuum_count", 1, 1, XLAT_OID_INT8},
	{"pg_stat_get_autovacuum_count", 1, 1, XLAT_OID_INT8},
	{"pg_stat_get_analyze_count", 1, 1, XLAT_OID_INT8},
	{"pg_stat_get_autoanalyze_count", 1, 1, XLAT_OID_INT8},
	{"has_table_privilege", 2, 3, XLAT_OID_BOOL},
	{"has_column_privilege", 3, 4, XLAT_OID_BOOL},
	{"has_any_column_privilege", 2, 3, XLAT_OID_BOOL},
	{"has_schema_privilege", 2, 3, XLAT_OID_BOOL},
	{"has_database_privilege", 2, 3, XLAT_OID_BOOL},
	{"has_function_privilege", 2, 3, XLAT_OID_BOOL},
	{"has_sequence_privilege", 2, 3, XLAT_OID_BOOL},
	{"pg_has_role", 2, 3, XLAT_OID_BOOL},
	{"nextval", 1, 1, XLAT_OID_INT8},
	{"currval", 1, 1, XLAT_OID_INT8},
	{"setval", 2, 3, XLAT_OID_INT8},
	{"lastval", 0, 0, XLAT_OID_INT8},
	{"pg_get_serial_sequence", 2, 2, XLAT_OID_TEXT},
	/* large objects (src/catalog/catalog_lo.c) */
	{"lo_create", 1, 1, XLAT_OID_OID},
	{"lo_creat", 1, 1, XLAT_OID_OID},
	{"lo_unlink", 1, 1, XLAT_OID_INT4},
	{"lo_from_bytea", 2, 2, XLAT_OID_OID},
	{"lo_get", 1, 1, XLAT_OID_BYTEA},
	{"lo_get", 3, 3, XLAT_OID_BYTEA},
	{"lo_put", 3, 3, 2278 /* void */},
	/* their descriptors (src/shard/shard_lofn.c) */
	{"lo_open", 2, 2, XLAT_OID_INT4},
	{"lo_close", 1, 1, XLAT_OID_INT4},
	{"loread", 2, 2, XLAT_OID_BYTEA},
	{"lowrite", 2, 2, XLAT_OID_INT4},
	{"lo_lseek", 3, 3, XLAT_OID_INT4},
	{"lo_lseek64", 3, 3, XLAT_OID_INT8},
	{"lo_tell", 1, 1, XLAT_OID_INT4},
	{"lo_tell64", 1, 1, XLAT_OID_INT8},
	{"lo_truncate", 2, 2, XLAT_OID_INT4},
	{"lo_truncate64", 2, 2, XLAT_OID_INT4},
	{"pg_advisory_lock", 1, 2, 2278 /* void */},
	{"pg_advisory_lock_shared", 1, 2, 2278},
	{"pg_advisory_xact_lock", 1, 2, 2278},
	{"pg_advisory_xact_lock_shared", 1, 2, 2278},
	{"pg_try_advisory_lock", 1, 2, XLAT_OID_BOOL},
	{"pg_try_advisory_lock_shared", 1, 2, XLAT_OID_BOOL},
	{"pg_try_advisory_xact_lock", 1, 2, XLAT_OID_BOOL},
	{"pg_try_advisory_xact_lock_shared", 1, 2, XLAT_OID_BOOL},
	{"pg_advisory_unlock", 1, 2, XLAT_OID_BOOL},
	{"pg_advisory_unlock_shared", 1, 2, XLAT_OID_BOOL},
	{"pg_advisory_unlock_all", 0, 0, 2278},
	{"pg_cancel_backend", 1, 1, XLAT_OID_BOOL},
	{"pg_terminate_backend", 1, 2, XLAT_OID_BOOL},
	{"pg_notify", 2, 2, 2278 /* void */},
	{"pg_notification_queue_usage", 0, 0, XLAT_OID_FLOAT8},
};

/* A sequence function's first argument written 'name'::regclass is passed as the name: the
 * catalog reads a name without looking the relation up (a DEFAULT nextval('s'::regclass)
 * stays cheap per insert), and answers the same errors. */
static const PgQuery__Node *seq_name_arg(const char *fn, size_t i, const PgQuery__Node *arg)
{
	if (i != 0 ||
	    (strcmp(fn, "nextval") != 0 && strcmp(fn, "currval") != 0 &&
	     strcmp(fn, "setval") != 0) ||
	    arg->node_case != NODE(TYPE_CAST))
		return arg;
	const PgQuery__TypeCast *tc = arg->type_cast;
	const PgQuery__TypeName *tn = tc->type_name;
	const char *type = tn && tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	bool str = tc->arg && tc->arg->node_case == NODE(A_CONST) &&
		   tc->arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
	return type && strcmp(type, "regclass") == 0 && !tn->n_array_bounds && str ? tc->arg : arg;
}

/* A column DEFAULT's nextval('s') (currval, setval; 's'::regclass alike): PostgreSQL binds
 * the regclass constant to the relation s means when the DEFAULT is made, so a temporary
 * sequence s made later in the session does not take its place. The permanent sequence s
 * of the tenant's file (no temporary relation of the name, no schema of the tenant's on
 * search_path) is written 'public.s', which the catalog reads as that one whatever the
 * session holds, and pg_get_expr prints as regclass does (catalog_fn.c). Anything else is
 * left as written. True when arg was written here. */
bool xlat_seq_binds(struct xlat_ctx *c, const char *name)
{
	const struct xlat_env *env = c->env;
	if (!env || env->no_default || env->nsearch_local || !env->file_rel_fn || !*name ||
	    strpbrk(name, ".\"\\'") || strcspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen(name))
		return false; /* qualified, quoted or folded: as written */
	if ((env->temp_tables && env->temp_rel_fn && env->temp_rel_fn(env->session_arg, name)) ||
	    !env->file_rel_fn(env->session_arg, name))
		return false;
	xlat_nocache(c); /* what the session holds decided it */
	return true;
}

static bool bound_seq_arg(struct xlat_ctx *c, const char *fn, size_t i, const PgQuery__Node *arg)
{
	if (!(c->flags & XLAT_X_COLDEFAULT) || i != 0 || arg->node_case != NODE(A_CONST) ||
	    arg->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL ||
	    (strcmp(fn, "nextval") != 0 && strcmp(fn, "currval") != 0 && strcmp(fn, "setval") != 0))
		return false;
	const char *name = arg->a_const->sval->sval;
	if (!xlat_seq_binds(c, name))
		return false;
	xlat_string(c, arena_printf(c->a, "public.%s", name));
	return true;
}

/* to_regclass(text) and its siblings: the cast's input function with a second argument,
 * which turns "does not exist" into NULL (catalog_reg.c). The value is an OID, as a
 * 'name'::regclass literal's, except as a whole result column, where PostgreSQL prints the
 * name (out); regproc values are names throughout. */
static const struct toreg {
	const char *name, *in, *out;
	uint32_t oid;
} toregs[] = {
	{"to_regclass", "pg_regclass_in", "pg_regclass_out", OID_REGCLASS},
	{"to_regtype", "pg_regtype_in", "pg_regtype_out", OID_REGTYPE},
	{"to_regnamespace", "pg_regnamespace_in", "pg_regnamespace_out", OID_REGNAMESPACE},
	{"to_regproc", "pg_regproc_in", NULL, XLAT_OID_REGPROC},
	{"to_regprocedure", "pg_regproc_oid", "pg_regprocedure_out", 2202},
	{"to_regoper", "pg_regoper_in", "pg_regoper_out", 2203},
	{"to_regrole", "pg_regrole_in", "pg_get_userbyid", 4096},
};

static const struct toreg *toreg_find(const PgQuery__FuncCall *f)
{
	if (f->n_funcname > 2)
		return NULL;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname == 2 ? xlat_node_str(f->funcname[0]) : "pg_catalog";
	for (size_t i = 0; name && schema && i < ARRAY_LEN(toregs); i++)
		if (strcmp(toregs[i].name, name) == 0 && strcmp(schema, "pg_catalog") == 0)
			return &toregs[i];
	return NULL;
}

/* pg_partition_root(rel): a regclass, whose name PostgreSQL prints in a result column. */
static bool shows_regclass(const PgQuery__FuncCall *f)
{
	const char *name = f->n_funcname ? xlat_node_str(f->funcname[f->n_funcname - 1]) : NULL;
	const char *schema = f->n_funcname == 2 ? xlat_node_str(f->funcname[0]) : "pg_catalog";
	return f->n_funcname <= 2 && name && schema && strcmp(schema, "pg_catalog") == 0 &&
	       strcmp(name, "pg_partition_root") == 0;
}

bool xlat_catalog_shows_name(const PgQuery__Node *n)
{
	return n->node_case == NODE(TYPE_CAST) ||
	       (n->node_case == NODE(FUNC_CALL) &&
		(toreg_find(n->func_call) || shows_regclass(n->func_call)));
}

static int to_reg_fn(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct toreg *r,
		     struct xlat_type *t)
{
	bool shown = (c->flags & XLAT_X_RESULT) && r->out;
	c->flags &= ~(unsigned)XLAT_X_RESULT;
	if (f->n_args != 1 || f->agg_star || f->agg_distinct || f->n_agg_order || f->agg_filter ||
	    f->over || f->func_variadic)
		return 0;
	const PgQuery__Node *a = f->args[0];
	if (a->node_case == NODE(PARAM_REF) &&
	    !xlat_param(c, a->param_ref->number, XLAT_OID_TEXT, a->param_ref->location))
		return -1;
	xlat_printf(c, shown ? "%s(%s(" : "%s%s(", shown ? r->out : "", r->in);
	struct xlat_type ignored;
	if (!xlat_expr(c, a, &ignored))
		return -1;
	xlat_puts(c, shown ? ", 1))" : ", 1)");
	*t = (struct xlat_type){shown || r->oid == XLAT_OID_REGPROC ? r->oid : XLAT_OID_OID, -1};
	return 1;
}

/* pg_get_viewdef(text [, bool]), PostgreSQL's form taking the view's name (what a string
 * literal resolves to): the name is looked up as a ::regclass literal is, 42P01 when no
 * relation has it; the catalog function reads only the OID. */
static void viewdef_name_arg(struct xlat_ctx *c, size_t mark, struct xlat_type t)
{
	if (t.oid != XLAT_OID_TEXT && t.oid != XLAT_OID_UNKNOWN && t.oid != XLAT_OID_VARCHAR)
		return;
	xlat_insert_at(c, mark, "pg_regclass_in(");
	xlat_puts(c, ")");
}

/* The large-object functions' argument types: a string literal or a parameter there is read
 * as that type ('\\x0102' as bytea), as PostgreSQL resolves an unknown argument. */
static const struct {
	const char *name;
	uint32_t args[3];
} lo_args[] = {
	{"lo_create", {XLAT_OID_OID}},
	{"lo_creat", {XLAT_OID_INT4}},
	{"lo_unlink", {XLAT_OID_OID}},
	{"lo_from_bytea", {XLAT_OID_OID, XLAT_OID_BYTEA}},
	{"lo_get", {XLAT_OID_OID, XLAT_OID_INT8, XLAT_OID_INT4}},
	{"lo_put", {XLAT_OID_OID, XLAT_OID_INT8, XLAT_OID_BYTEA}},
	{"lo_open", {XLAT_OID_OID, XLAT_OID_INT4}},
	{"lo_close", {XLAT_OID_INT4}},
	{"loread", {XLAT_OID_INT4, XLAT_OID_INT4}},
	{"lowrite", {XLAT_OID_INT4, XLAT_OID_BYTEA}},
	{"lo_lseek", {XLAT_OID_INT4, XLAT_OID_INT4, XLAT_OID_INT4}},
	{"lo_lseek64", {XLAT_OID_INT4, XLAT_OID_INT8, XLAT_OID_INT4}},
	{"lo_tell", {XLAT_OID_INT4}},
	{"lo_tell64", {XLAT_OID_INT4}},
	{"lo_truncate", {XLAT_OID_INT4, XLAT_OID_INT4}},
	{"lo_truncate64", {XLAT_OID_INT4, XLAT_OID_INT8}},
};

/* Writes argument i of a large-object function when it is a string literal or a parameter:
 * 1 done, 0 not such an argument, -1 failed. */
static int lo_arg(struct xlat_ctx *c, const char *fn, size_t i, const PgQuery__Node *arg)
{
	uint32_t oid = 0;
	for (size_t k = 0; k < ARRAY_LEN(lo_args) && i < 3; k++)
		if (strcmp(lo_args[k].name, fn) == 0)
			oid = lo_args[k].args[i];
	if (!oid)
		return 0;
	struct xlat_type ignored;
	if (arg->node_case == NODE(PARAM_REF))
		return xlat_param(c, arg->param_ref->number, oid, arg->param_ref->location) &&
				       xlat_expr(c, arg, &ignored)
			       ? 1
			       : -1;
	if (arg->node_case == NODE(A_CONST) &&
	    arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
		return xlat_cast_string(c, arg, oid, -1) ? 1 : -1;
	return 0;
}

/* The functions above that write to the tenant's file. */
static bool writes_fn(const char *name)
{
	static const char *const names[] = {"nextval",     "setval",        "lo_create", "lo_creat",
					    "lo_unlink",   "lo_from_bytea", "lo_put",    "lowrite",
					    "lo_truncate", "lo_truncate64"};
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

int xlat_catalog_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		      struct xlat_type *t)
{
	const struct toreg *r = toreg_find(f);
	if (r)
		return to_reg_fn(c, f, r, t);
	const struct catfn *fn = NULL;
	for (size_t i = 0; name && i < ARRAY_LEN(catfns); i++) {
		bool fits = (int)f->n_args >= catfns[i].min && (int)f->n_args <= catfns[i].max;
		if (strcmp(catfns[i].name, name) == 0 && (!fn || fits)) /* lo_get's two forms */
			fn = &catfns[i];
	}
	if (!fn || (int)f->n_args < fn->min || (int)f->n_args > fn->max || f->agg_star ||
	    f->agg_distinct || f->n_agg_order || f->agg_filter || f->over)
		return 0;
	struct xlat_type ignored;
	if (writes_fn(fn->name))
		c->st->writes = true; /* refused in a READ ONLY transaction, as in PostgreSQL */
	/* a regclass result column: its name, as the casts' (to_reg) */
	bool shown = (c->flags & XLAT_X_RESULT) && shows_regclass(f);
	if (shows_regclass(f))
		c->flags &= ~(unsigned)XLAT_X_RESULT;
	xlat_puts(c, shown ? "pg_regclass_out(" : "");
	size_t start = c->sb->len;
	uint32_t first = 0; /* the first argument's type */
	xlat_printf(c, "%s(", fn->name);
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, i ? ", " : "");
		size_t mark = c->sb->len;
		int typed = lo_arg(c, fn->name, i, f->args[i]);
		const PgQuery__Node *arg = typed ? NULL : seq_name_arg(fn->name, i, f->args[i]);
		if (arg && bound_seq_arg(c, fn->name, i, arg))
			continue;
		if (typed < 0 || (!typed && !xlat_expr(c, arg, &ignored)))
			return -1;
		if (i == 0 && strcmp(fn->name, "array_to_string") == 0 && /* timestamptz elements */
		    !xlat_array_untyped(c, ignored, f->location))
			return -1;
		if (i == 0 && strcmp(fn->name, "array_to_string") == 0)
			xlat_text_form(c, mark, c->sb->len, ignored, XLAT_TF_OUTPUT);
		if (i == 0 && strcmp(fn->name, "pg_get_viewdef") == 0)
			viewdef_name_arg(c, mark, ignored);
		first = i == 0 ? ignored.oid : first;
		/* array_position of a bool[]: the value sought as the elements' t/f */
		if (i == 1 && strcmp(fn->name, "array_position") == 0 &&
		    xlat_array_elem(first) == XLAT_OID_BOOL)
			xlat_text_form(c, mark, c->sb->len, (struct xlat_type){XLAT_OID_BOOL, -1},
				       XLAT_TF_OUTPUT);
		/* pg_get_viewdef(oid, int): the wrap column, where (oid, bool) is the pretty
		 * flag; SQLite's 0 and 1 cannot tell them apart (catalog_fn.c) */
		if (i == 1 && strcmp(fn->name, "pg_get_viewdef") == 0 &&
		    (ignored.oid == XLAT_OID_INT4 || ignored.oid == XLAT_OID_INT8 ||
		     ignored.oid == XLAT_OID_INT2))
			xlat_insert_at(c, start + strlen(fn->name), "_wrap");
	}
	xlat_puts(c, shown ? "))" : ")");
	/* elsewhere the OID (comparisons with OIDs work; ::regclass::text names it) */
	*t = (struct xlat_type){shows_regclass(f) && !shown ? XLAT_OID_OID : fn->oid, -1};
	return 1;
}

bool xlat_catalog_sqlvalue(struct xlat_ctx *c, const PgQuery__SQLValueFunction *f,
			   struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_NAME, -1};
	switch (f->op) {
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER:
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER:
		/* no SET ROLE: the current user is always the session user */
		xlat_puts(c, "pg_session_user()");
		return true;
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG:
		xlat_puts(c, "current_database()");
		return true;
	default:
		return xlat_unsupported(c, f->location, "this SQL value function");
	}
}

/* ---- ~ ~* !~ !~*: POSIX extended regular expressions (pg_regex, catalog_fn.c) ---- */

bool xlat_catalog_regex(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
			struct xlat_type *t)
{
	struct xlat_type ignored;
	bool neg = op[0] == '!';
	/* citext's ~ is texticregexeq */
	bool icase = op[strlen(op) - 1] == '*' || xlat_citext_operand(c, e->lexpr);
	xlat_puts(c, neg ? "NOT pg_regex(" : "pg_regex(");
	size_t mark = c->sb->len;
	struct xlat_type lt;
	if (!xlat_expr(c, e->lexpr, &lt))
		return false;
	xlat_bpchar_pad(c, mark, lt); /* bpcharregexeq sees char(n)'s padding, as LIKE does */
	xlat_puts(c, ", ");
	if (!xlat_expr(c, e->rexpr, &ignored))
		return false;
	xlat_printf(c, ", %d)", icase ? 1 : 0);
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	return true;
}

bool xlat_catalog_is_regex(const char *op)
{
	return strcmp(op, "~") == 0 || strcmp(op, "~*") == 0 || strcmp(op, "!~") == 0 ||
	       strcmp(op, "!~*") == 0;
}

/* ---- casts to the OID types ---- */

static const char *str_literal(const PgQuery__Node *n)
{
	if (n->node_case != NODE(A_CONST) || n->a_const->isnull ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return NULL;
	return n->a_const->sval->sval;
}

static bool is_int_literal(const PgQuery__Node *n)
{
	return n->node_case == NODE(A_CONST) && !n->a_const->isnull &&
	       n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL;
}

static bool all_digits(const char *s)
{
	if (!*s || strlen(s) > 10)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
	}
	return true;
}

/* Wraps the cast's argument in fn(...). */
static bool wrap(struct xlat_ctx *c, const PgQuery__TypeCast *tc, const char *fn)
{
	struct xlat_type ignored;
	xlat_printf(c, "%s(", fn);
	bool ok = xlat_expr(c, tc->arg, &ignored);
	xlat_puts(c, ")");
	return ok;
}

/* ---- arrays (PostgreSQL's text form, as the catalog's array columns hold them) ---- */

/* x = ANY(array) and x <> ALL(array) over a value (not a parameter: drivers' array
 * parameters are the translator's business, not the catalog's). */
bool xlat_catalog_any(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	bool any = e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY;
	const char *op = xlat_op_name(e);
	if (!op || strcmp(op, any ? "=" : "<>") != 0 || e->rexpr->node_case == NODE(PARAM_REF) ||
	    e->rexpr->node_case == NODE(A_ARRAY_EXPR))
		return xlat_unsupported(c, e->location, "ANY/ALL over an array");
	struct xlat_type ignored, at;
	xlat_puts(c, any ? "pg_array_has(" : "NOT pg_array_has(");
	if (!xlat_expr(c, e->rexpr, &at))
		return false;
	xlat_puts(c, ", ");
	/* 'label' = ANY(enum_array): the literal read as the enum (22P02 for a label it lacks) */
	uint32_t el = xlat_array_elem_in(c, at.oid);
	int lit = el && !xlat_array_elem(at.oid)
			  ? xlat_infer_literal(c, e->lexpr, (struct xlat_type){el, -1})
			  : 0;
	size_t at0 = c->sb->len;
	if (lit < 0 || (lit == 0 && !xlat_expr(c, e->lexpr, &ignored)))
		return false;
	if (el == XLAT_OID_MONEY) /* the cents as the elements' cash_out text */
		xlat_text_form(c, at0, c->sb->len, (struct xlat_type){el, -1}, XLAT_TF_SCALE);
	if (el == XLAT_OID_BOOL) /* 1 as the elements' "t" */
		xlat_text_form(c, at0, c->sb->len, (struct xlat_type){el, -1}, XLAT_TF_OUTPUT);
	xlat_puts(c, ")");
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	return true;
}

/* How an element of an array of type array is stored, as pgfn_array_elem's tag; 0 for text
 * (and for types not known here). */
static char elem_tag(uint32_t array, uint32_t *elem)
{
	*elem = xlat_array_elem(array);
	if (*elem == XLAT_OID_MONEY)
		return 'm'; /* "$1.00" read back into cents */
	const struct xlat_typeinfo *ti = *elem ? xlat_type_by_oid(*elem) : NULL;
	switch (ti ? ti->store : XLAT_ST_TEXT) {
	case XLAT_ST_INT:
		return *elem == XLAT_OID_BOOL ? 'b' : 'i';
	case XLAT_ST_REAL:
		return 'f';
	case XLAT_ST_NUMERIC:
		return 'n';
	case XLAT_ST_BLOB:
		return 'x';
	default:
		return 0;
	}
}

/* a[l:u][...]: pgfn_array_slice (its subscripts' arguments: xlat_array_slice_args). */
static bool slice(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t)
{
	struct xlat_type at;
	size_t n = ind->n_indirection;
	if (n > 6)
		return xlat_fail(c, "54000", -1,
				 "number of array dimensions (%zu) exceeds the maximum allowed (6)",
				 n);
	xlat_puts(c, "pgfn_array_slice(");
	if (!xlat_expr(c, ind->arg, &at) || !xlat_array_slice_args(c, ind->indirection, n))
		return false;
	xlat_puts(c, ")");
	bool arr = false; /* an enum's or a row type's array keeps its type */
	*t = (struct xlat_type){xlat_array_elem(at.oid) ||
						(xlat_enum_by_oid(c, at.oid, &arr) && arr) ||
						xlat_comptype_array_elem(c, at.oid)
					? at.oid
					: 0,
				-1};
	return true;
}

/* a[i] or a[i][j]...: pgfn_array_at (pgfn_arraymd.c: NULL when their number is not the
 * array's, as in PostgreSQL; explicit bounds read) or, for an array of a type not known here,
 * pg_array_get (which also reads the catalog's vectors); the element as a value of the
 * array's element type. */
static bool elem_call(struct xlat_ctx *c, const PgQuery__AIndirection *ind, char tag, uint32_t elem,
		      struct xlat_type *t);

static bool element(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t)
{
	struct xlat_type at, ignored;
	uint32_t elem = 0;
	if (!xlat_scope_dry_expr(c, ind->arg, &at))
		return false;
	if (at.oid == XLAT_OID_NAME && ind->n_indirection == 1) {
		/* a name is a fixed array of chars (pg_dump's typname[0] = '_'): its 0-based byte */
		xlat_puts(c, "substr(");
		if (!xlat_expr(c, ind->arg, &ignored))
			return false;
		xlat_puts(c, ", (");
		if (!xlat_expr(c, ind->indirection[0]->a_indices->uidx, &ignored))
			return false;
		xlat_puts(c, ") + 1, 1)");
		*t = (struct xlat_type){18, -1}; /* "char" */
		return true;
	}
	char tag = elem_tag(at.oid, &elem);
	bool arr = false; /* an enum's array: its element the label, typed as the enum */
	const struct xlat_enum *en = elem ? NULL : xlat_enum_by_oid(c, at.oid, &arr);
	if (en && arr)
		elem = en->oid;
	if (!elem && !en) /* an array of a row type (pt[]): its element a value of pt */
		elem = xlat_comptype_array_elem(c, at.oid);
	/* a numeric element going straight to the client (XLAT_X_EXACT) stays its decimal text,
	 * with its own display scale ('{1.10}' gives 1.10); elsewhere it is read as a number */
	unsigned exact = c->flags & XLAT_X_EXACT;
	c->flags &= ~(unsigned)XLAT_X_EXACT;
	if (tag == 'n' && exact)
		tag = 0;
	bool ok = elem_call(c, ind, tag, elem, t);
	c->flags |= exact;
	return ok;
}

static bool elem_call(struct xlat_ctx *c, const PgQuery__AIndirection *ind, char tag, uint32_t elem,
		      struct xlat_type *t)
{
	struct xlat_type ignored;
	xlat_puts(c, tag ? "pgfn_array_elem(" : "");
	/* the catalog's vectors (int2vector "1 2", from 0) only through pg_array_get */
	xlat_puts(c, ind->n_indirection > 1 || elem ? "pgfn_array_at(" : "pg_array_get(");
	if (!xlat_expr(c, ind->arg, &ignored))
		return false;
	for (size_t i = 0; i < ind->n_indirection; i++) {
		xlat_puts(c, ", ");
		if (!xlat_expr(c, ind->indirection[i]->a_indices->uidx, &ignored))
			return false;
	}
	xlat_puts(c, ")");
	if (tag)
		xlat_printf(c, ", '%c')", tag);
	*t = (struct xlat_type){elem, -1};
	return true;
}

/* ORDER BY item i written into scratch by a sort-keys pass: kept as (*keys)[i] when use and
 * the text is whole; scratch is let go. */
static void sort_key_keep(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***keys,
			  size_t i, struct strbuf *scratch, bool use)
{
	if (use && !scratch->failed) {
		if (!*keys)
			*keys = arena_zalloc(c->a, s->n_sort_clause * sizeof(**keys));
		(*keys)[i] = arena_strdup(c->a, scratch->data);
		xlat_nocache(c); /* the key's text was copied */
	}
	strbuf_fini(scratch);
}

/* ORDER BY a[i] (or a[i][j], a[i:j]): ORDER BY is written after the FROM items' scope is
 * left, where a's type, and so its element's, is no longer known (pg_array_get would sort the
 * element as text: -1, 10, 100, 9). Each such key is written here, inside the scope, typed by
 * the array's type (a slice with its array type's collation), and sort_items puts that text
 * in its place. */
bool xlat_array_sort_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***keys)
{
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		if (s->sort_clause[i]->node_case != NODE(SORT_BY) || (*keys && (*keys)[i]))
			continue;
		const PgQuery__Node *n = s->sort_clause[i]->sort_by->node;
		if (n->node_case != NODE(A_INDIRECTION))
			continue;
		bool indices = true;
		for (size_t k = 0; k < n->a_indirection->n_indirection; k++)
			indices &= n->a_indirection->indirection[k]->node_case == NODE(A_INDICES);
		if (!indices)
			continue;
		struct strbuf scratch, *saved = c->sb;
		struct xlat_type t = {0, -1};
		strbuf_init(&scratch, 0);
		c->sb = &scratch;
		c->inline_consts++; /* an ORDER BY's constants stay in its text */
		bool ok = xlat_expr(c, n, &t);
		c->inline_consts--;
		const char *coll = ok ? xlat_array_collation(t.oid, 0, NULL) : NULL;
		if (coll) /* a slice a[i:j] sorts as its array type */
			strbuf_puts(&scratch, coll);
		c->sb = saved;
		sort_key_keep(c, s, keys, i, &scratch, ok && t.oid);
		if (!ok)
			return false;
	}
	return true;
}

/* a[i], a[i][j], a[i:j]: no field selection. */
bool xlat_catalog_subscript(struct xlat_ctx *c, const PgQuery__AIndirection *ind,
			    struct xlat_type *t)
{
	if (ind->n_indirection == 1 && ind->indirection[0]->node_case == NODE(STRING)) {
		int field = xlat_srfzip_field(c, ind, t); /* (f()).col */
		if (!field)
			field = xlat_row_field(c, ind, t); /* (t).col */
		if (!field)                                /* (ROW(a, b)).f1 */
			field = xlat_row_ctor_field(c, ind, t);
		if (!field) /* (x).f of a composite value */
			field = xlat_composite_field(c, ind, t);
		return field ? field > 0 : xlat_catalog_record_field(c, ind, t);
	}
	size_t last = ind->n_indirection - 1;
	if (last && ind->indirection[last]->node_case == NODE(STRING)) {
		/* a[i].f: field f of the element a[i], as (a[i]).f */
		PgQuery__AIndirection *elem = arena_alloc(c->a, sizeof(*elem));
		PgQuery__AIndirection *field = arena_alloc(c->a, sizeof(*field));
		PgQuery__Node *en = arena_zalloc(c->a, sizeof(*en));
		*elem = *ind;
		elem->n_indirection = last;
		pg_query__node__init(en);
		en->node_case = NODE(A_INDIRECTION);
		en->a_indirection = elem;
		*field = *ind;
		field->arg = en;
		field->n_indirection = 1;
		field->indirection = &ind->indirection[last];
		return xlat_catalog_subscript(c, field, t);
	}
	int js = xlat_jsonb_subscript(c, ind, t); /* j['a'][0] of a jsonb value */
	if (js)
		return js > 0;
	bool any_slice = false;
	for (size_t i = 0; i < ind->n_indirection; i++) {
		const PgQuery__Node *k = ind->indirection[i];
		if (k->node_case != NODE(A_INDICES))
			return xlat_unsupported(c, -1, "field selection");
		any_slice |= k->a_indices->is_slice;
		if (!k->a_indices->is_slice && !k->a_indices->uidx)
			return xlat_unsupported(c, -1, "this subscript");
	}
	return any_slice ? slice(c, ind, t) : element(c, ind, t);
}

/* ::int2[], ::oid[], ::text[] ... of a value: the array text, vectors ("1 2") converted. A
 * literal is read here as array_in reads it and kept as array_out prints it ({a,b} for
 * '{"a","b"}', bounds of 1 left out); so is a string value when the statement runs
 * (pgfn_array_in: ('{1,' || 'x}')::int[] is 22P02, '{1 , 2}' becomes {1,2}). */
static bool to_array(struct xlat_ctx *c, const PgQuery__TypeCast *tc, uint32_t oid,
		     struct xlat_type *t)
{
	const char *s = str_literal(tc->arg);
	if (!s) {
		size_t mark = c->sb->len;
		struct xlat_type from;
		if (!xlat_expr(c, tc->arg, &from))
			return false;
		bool string = from.oid == XLAT_OID_TEXT || from.oid == XLAT_OID_VARCHAR ||
			      from.oid == XLAT_OID_BPCHAR || from.oid == XLAT_OID_UNKNOWN;
		/* an array of another element type: its elements read as the target's (numeric[]
		 * as int[] kept 1.5), a numeric's or float's rounded first as its cast to an
		 * integer rounds; date/time elements keep their stored form */
		uint32_t fe = xlat_array_elem(from.oid), te = xlat_array_elem(oid);
		bool other = fe && te && fe != te && !xlat_type_is_temporal(fe) &&
			     !xlat_type_is_temporal(te);
		bool round = other &&
			     (fe == XLAT_OID_NUMERIC || fe == XLAT_OID_FLOAT4 ||
			      fe == XLAT_OID_FLOAT8) &&
			     (te == XLAT_OID_INT2 || te == XLAT_OID_INT4 || te == XLAT_OID_INT8);
		if ((string || other) && !(c->flags & XLAT_X_NOSUBQUERY)) { /* DDL: no pgfn */
			if (round) {
				xlat_insert_at(c, mark, "pgfn_array_round(");
				xlat_printf(c, ", %u, %u)", fe, te);
			}
			xlat_insert_at(c, mark, "pgfn_array_in(");
			xlat_printf(c, ", %u)", xlat_array_elem(oid));
		} else {
			xlat_insert_at(c, mark, "pg_array_in(");
			xlat_puts(c, ")");
		}
		*t = (struct xlat_type){oid, -1};
		return true;
	}
	*t = (struct xlat_type){oid, -1};
	xlat_pin(c, tc->arg->a_const->location); /* the translation holds its value */
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_array_canon(xlat_array_elem(oid), s, strlen(s), c->a, &v, &err)) {
		xlat_fail(c, err.sqlstate, tc->arg->a_const->location, "%s", err.message);
		if (err.detail[0]) /* array_in's: what it found wrong */
			pgerr_detail(c->err, "%s", err.detail);
		return false;
	}
	xlat_string(c, arena_strndup(c->a, v.p, v.n));
	return true;
}

/* '{2024-01-01,2024-02-01}'::date[] and the other date/time arrays of a string literal: read
 * when the statement runs (pgfn_array_in), elements without an offset in the session's zone,
 * as a value stored into such a column is; printed by the session's DateStyle. 1 written, 0
 * not such a cast, -1 failed. */
static int dt_array(struct xlat_ctx *c, const PgQuery__TypeCast *tc, const char *elem,
		    struct xlat_type *t)
{
	static const struct {
		const char *name;
		uint32_t elem, array;
	} dt[] = {{"date", XLAT_OID_DATE, 1182},
		  {"time", XLAT_OID_TIME, 1183},
		  {"timetz", XLAT_OID_TIMETZ, 1270},
		  {"timestamp", XLAT_OID_TIMESTAMP, 1115},
		  {"timestamptz", XLAT_OID_TIMESTAMPTZ, 1185},
		  {"interval", XLAT_OID_INTERVAL, 1187}};
	const char *s = str_literal(tc->arg);
	if (!s || tc->type_name->n_typmods || (c->flags & XLAT_X_NOSUBQUERY))
		return 0; /* DDL: a tenant's schema names no pgfn function */
	for (size_t i = 0; i < ARRAY_LEN(dt); i++) {
		if (strcmp(dt[i].name, elem) != 0)
			continue;
		xlat_pin(c, tc->arg->a_const->location); /* the translation holds its value */
		*t = (struct xlat_type){dt[i].array, -1};
		xlat_puts(c, "pgfn_array_in(");
		xlat_string(c, s);
		xlat_printf(c, ", %u)", (unsigned)dt[i].elem);
		return 1;
	}
	return 0;
}

static uint32_t array_oid(const char *elem)
{
	static const struct {
		const char *name;
		uint32_t oid;
	} arrays[] = {{"int2", 1005},
		      {"int4", 1007},
		      {"text", 1009},
		      {"oid", 1028},
		      {"name", 1003},
		      {"char", 1002},
		      {"int8", 1016},
		      {"inet", 1041},
		      {"cidr", 651},
		      {"macaddr", 1040},
		      {"macaddr8", 775},
		      {"int4range", 3905},
		      {"int8range", 3927},
		      {"numrange", 3907},
		      {"daterange", 3913},
		      {"tsrange", 3909},
		      {"tstzrange", 3911},
		      {"tsvector", 3643},
		      {"tsquery", 3645},
		      /* elements read by their input functions, without a typmod */
		      {"float4", 1021},
		      {"float8", 1022},
		      {"numeric", 1231},
		      {"bool", 1000},
		      {"uuid", 2951},
		      {"varbit", 1563},
		      {"money", 791}};
	for (size_t i = 0; i < ARRAY_LEN(arrays); i++) {
		if (strcmp(arrays[i].name, elem) == 0)
			return arrays[i].oid;
	}
	return 0;
}

bool xlat_array_castable(const char *elem) { return array_oid(elem) != 0; }

/* A literal becomes the OID (a number, as the catalog's oid columns hold, so comparisons
 * with them work) unless it is a whole result column (shown), where PostgreSQL prints its
 * name; any other value becomes that name, typed as the reg* type. */
static bool to_reg(struct xlat_ctx *c, const PgQuery__TypeCast *tc, uint32_t oid, const char *in,
		   const char *out, bool shown, struct xlat_type *t)
{
	const char *s = str_literal(tc->arg);
	*t = (struct xlat_type){oid, -1};
	if (s && all_digits(s) && !shown) {
		xlat_puts(c, s);
		return true;
	}
	if (s && shown) { /* a result column: PostgreSQL prints the name */
		xlat_printf(c, "%s(%s(", out, in);
		xlat_string(c, s);
		xlat_puts(c, "))");
		return true;
	}
	if (s) {
		t->oid = XLAT_OID_OID;
		xlat_printf(c, "%s(", in);
		xlat_string(c, s);
		xlat_puts(c, ")");
		return true;
	}
	if (tc->arg->node_case == NODE(PARAM_REF) && out) {
		/* $1::regtype (psycopg 3's TypeInfo.fetch): the parameter is a name or an OID */
		const PgQuery__ParamRef *p = tc->arg->param_ref;
		if (!xlat_param(c, p->number, oid, p->location))
			return false;
		if (shown)
			xlat_printf(c, "%s(%s(?%d))", out, in, p->number);
		else
			xlat_printf(c, "%s(?%d)", in, p->number);
		t->oid = shown ? oid : XLAT_OID_OID;
		return true;
	}
	if (s || !out)
		return xlat_unsupported(c, tc->location, "this reg* literal");
	/* the argument aside: an OID (c.oid::regclass, psql) is named by the output function; a
	 * string (pgloader's n::regclass over a VALUES list of table names) goes through the
	 * input function first, which reads a name or an OID */
	struct strbuf arg, *saved = c->sb;
	strbuf_init(&arg, 0);
	c->sb = &arg;
	struct xlat_type from;
	bool ok = xlat_expr(c, tc->arg, &from) && !arg.failed;
	c->sb = saved;
	bool name = oid == OID_REGTYPE || from.oid == XLAT_OID_TEXT ||
		    from.oid == XLAT_OID_VARCHAR || from.oid == XLAT_OID_NAME ||
		    from.oid == XLAT_OID_BPCHAR || from.oid == XLAT_OID_UNKNOWN;
	if (!name)
		xlat_printf(c, "%s(%s)", out, arg.data ? arg.data : "");
	else
		xlat_printf(c, "%s(%s(%s))", out, in, arg.data ? arg.data : "");
	strbuf_fini(&arg);
	return ok;
}

/* A regproc value the catalog holds is already its name; a name literal is checked at run
 * time against the functions the catalog lists (pg_regproc_in), an OID literal becomes the
 * name of its function (pg_regproc_out). */
static bool to_regproc(struct xlat_ctx *c, const PgQuery__TypeCast *tc, uint32_t oid, bool shown,
		       struct xlat_type *t)
{
	const char *s = str_literal(tc->arg);
	*t = (struct xlat_type){oid, -1};
	bool by_oid = (s && all_digits(s)) || is_int_literal(tc->arg);
	if (by_oid && oid == XLAT_OID_REGPROC) { /* an OID becomes the function's name */
		struct xlat_type ignored;
		xlat_puts(c, "pg_regproc_out(");
		bool ok = xlat_expr(c, tc->arg, &ignored);
		xlat_puts(c, ")");
		return ok;
	}
	if (s && shown && oid != XLAT_OID_REGPROC) { /* 'abs(int4)'::regprocedure: abs(integer) */
		xlat_puts(c, all_digits(s) ? "pg_regprocedure_out("
					   : "pg_regprocedure_out(pg_regproc_oid(");
		xlat_string(c, s);
		xlat_puts(c, all_digits(s) ? ")" : "))");
		return true;
	}
	if (s && all_digits(s)) {
		xlat_puts(c, s);
		return true;
	}
	if (s) {
		xlat_puts(c, "pg_regproc_in(");
		xlat_string(c, s);
		xlat_puts(c, ")");
		return true;
	}
	struct xlat_type at, ignored;
	if (!shown)
		return xlat_expr(c, tc->arg, &ignored);
	if (!xlat_scope_dry_expr(c, tc->arg, &at))
		return false;
	if (oid == XLAT_OID_REGPROC && at.oid == XLAT_OID_REGPROC)
		return xlat_expr(c, tc->arg, &ignored); /* typinput::regproc: the name already */
	/* an OID column shown as its name (p.oid::regproc) or name(argtypes); a regproc value
	 * (typinput::regprocedure) is a name here: through its OID */
	xlat_puts(c, oid == XLAT_OID_REGPROC      ? "pg_regproc_out("
		     : at.oid == XLAT_OID_REGPROC ? "pg_regprocedure_out(pg_regproc_match("
						  : "pg_regprocedure_out(");
	bool ok = xlat_expr(c, tc->arg, &ignored);
	xlat_puts(c, oid != XLAT_OID_REGPROC && at.oid == XLAT_OID_REGPROC ? "))" : ")");
	return ok;
}

/* An OID column ::regoperator as a result shows "<(bigint,bigint)"; elsewhere it stays the
 * OID (operator names as input, 'name(types)'::regoperator, are not read: 0A000). */
static bool to_regoperator(struct xlat_ctx *c, const PgQuery__TypeCast *tc, bool shown,
			   struct xlat_type *t)
{
	*t = (struct xlat_type){OID_REGOPERATOR, -1};
	if (str_literal(tc->arg) && !all_digits(str_literal(tc->arg)))
		return xlat_unsupported(c, tc->arg->a_const->location,
					"regoperator input from a name");
	struct xlat_type ignored;
	xlat_puts(c, shown ? "pg_regoperator_out(" : "(");
	bool ok = xlat_expr(c, tc->arg, &ignored);
	xlat_puts(c, ")");
	return ok;
}

/* The literal of 'name'::regproc, 'name(types)'::regprocedure or 1299::regproc as text, NULL for
 * anything else. */
static const char *regproc_literal(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (n->node_case != NODE(TYPE_CAST) || !n->type_cast->type_name)
		return NULL;
	const PgQuery__TypeName *tn = n->type_cast->type_name;
	const char *name = tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	if (!name || (strcmp(name, "regproc") != 0 && strcmp(name, "regprocedure") != 0) ||
	    tn->n_array_bounds)
		return NULL;
	if (is_int_literal(n->type_cast->arg))
		return arena_printf(c->a, "%d", n->type_cast->arg->a_const->ival->ival);
	return str_literal(n->type_cast->arg);
}

static bool reg_in_name(const char *name)
{
	return strcmp(name, "regclass") == 0 || strcmp(name, "regtype") == 0 ||
	       strcmp(name, "regnamespace") == 0;
}

/* The input function of a reg* type whose values the translator carries as names. */
static const char *reg_in(uint32_t oid)
{
	switch (oid) {
	case OID_REGCLASS:
		return "pg_regclass_in";
	case OID_REGTYPE:
		return "pg_regtype_in";
	case OID_REGNAMESPACE:
		return "pg_regnamespace_in";
	case 4096: /* regrole */
		return "pg_regrole_in";
	default:
		return NULL;
	}
}

static bool to_oid(struct xlat_ctx *c, const PgQuery__TypeCast *tc, struct xlat_type *t)
{
	const char *s = str_literal(tc->arg);
	const char *proc = regproc_literal(c, tc->arg);
	*t = (struct xlat_type){XLAT_OID_OID, -1};
	if (proc) { /* regproc values are names: the OID is looked up */
		xlat_puts(c, "pg_regproc_oid(");
		xlat_string(c, proc);
		xlat_puts(c, ")");
		return true;
	}
	const PgQuery__TypeCast *inner = tc->arg->node_case == NODE(TYPE_CAST) ? tc->arg->type_cast
									       : NULL;
	const PgQuery__TypeName *itn = inner ? inner->type_name : NULL;
	const char *iname = itn && itn->n_names ? xlat_node_str(itn->names[itn->n_names - 1])
						: NULL;
	if (iname && !itn->n_array_bounds && strcmp(iname, "regproc") == 0) {
		/* $1::regproc::oid (pgcli's \sf): a name or an OID, looked up at run time */
		struct xlat_type ignored;
		xlat_puts(c, "pg_regproc_oid(");
		bool ok = xlat_expr(c, inner->arg, &ignored);
		xlat_puts(c, ")");
		return ok;
	}
	if (s) {
		if (!all_digits(s))
			return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION, tc->location,
					 "invalid input syntax for type oid: \"%s\"", s);
		xlat_puts(c, s);
		return true;
	}
	if (is_int_literal(tc->arg)) {
		xlat_printf(c, "%d", tc->arg->a_const->ival->ival);
		return true;
	}
	/* the argument aside, so that its type chooses the conversion */
	struct strbuf arg, *saved = c->sb;
	strbuf_init(&arg, 0);
	c->sb = &arg;
	struct xlat_type from;
	bool ok = xlat_expr(c, tc->arg, &from) && !arg.failed;
	c->sb = saved;
	if (from.oid == XLAT_OID_REGPROC) /* typinput::oid: the catalog holds the name */
		xlat_printf(c, "pg_regproc_match(%s)", arg.data ? arg.data : "");
	else if (reg_in(from.oid)) /* x::regclass::oid: the value is the name */
		xlat_printf(c, "%s(%s)", reg_in(from.oid), arg.data ? arg.data : "");
	else
		xlat_printf(c, "CAST(%s AS INTEGER)", arg.data ? arg.data : "");
	strbuf_fini(&arg);
	return ok;
}

/* '{int,int8,int2}'::regtype[] (drizzle-kit: atttypid = ANY ('{int,int8,int2}'::regtype[])):
 * the array of the types' OIDs, each element looked up as ::regtype looks a name up (42704
 * for none), written as their names when it is a result column. 0 for another argument (an
 * element with quotes inside, escapes or nested braces). */
static int regtype_array_literal(struct xlat_ctx *c, const PgQuery__TypeCast *tc, bool shown,
				 struct xlat_type *t)
{
	const PgQuery__Node *a = tc->arg;
	if (a->node_case != NODE(A_CONST) || a->a_const->isnull ||
	    a->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return 0;
	const char *s = a->a_const->sval->sval;
	size_t n = strlen(s);
	if (n < 2 || s[0] != '{' || s[n - 1] != '}')
		return 0;
	const char *inner = arena_strndup(c->a, s + 1, n - 2);
	if (strpbrk(inner, "{}\\"))
		return 0;
	*t = (struct xlat_type){2211 /* regtype[] */, -1};
	xlat_puts(c, shown ? "pg_regtype_array_out('{' || " : "('{' || ");
	size_t k = 0;
	for (const char *p = inner; *inner;) {
		while (*p == ' ')
			p++;
		const char *end;
		bool quoted = *p == '"';
		if (quoted) {
			end = strchr(p + 1, '"');
			if (!end)
				return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION, -1,
						 "malformed array literal: \"%s\"", s);
		} else {
			end = p + strcspn(p, ",");
			while (end > p && end[-1] == ' ')
				end--;
		}
		const char *name = arena_strndup(c->a, quoted ? p + 1 : p,
						 (size_t)(end - p) - (quoted ? 1 : 0));
		xlat_puts(c, k++ ? " || ',' || pg_regtype_in(" : "pg_regtype_in(");
		xlat_string(c, name);
		xlat_puts(c, ")");
		p = end + (quoted ? 1 : 0);
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		if (*p++ != ',')
			return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION, -1,
					 "malformed array literal: \"%s\"", s);
	}
	xlat_puts(c, k ? " || '}')" : "'}')");
	return 1;
}

static const char *reg_out(uint32_t oid)
{
	switch (oid) {
	case OID_REGCLASS:
		return "pg_regclass_out";
	case OID_REGTYPE:
		return "pg_regtype_out";
	case OID_REGNAMESPACE:
		return "pg_regnamespace_out";
	default:
		return NULL;
	}
}

const char *xlat_catalog_reg_input(uint32_t oid) { return reg_in(oid); }

const char *xlat_catalog_reg_value(struct xlat_ctx *c, const char *txt, uint32_t from, uint32_t to)
{
	if (from == to || !reg_out(to))
		return txt;
	bool name = from == XLAT_OID_TEXT || from == XLAT_OID_VARCHAR || from == XLAT_OID_NAME ||
		    from == XLAT_OID_BPCHAR || from == XLAT_OID_UNKNOWN || xlat_type_reg_oid(from);
	if (name && xlat_type_reg_oid(from)) /* another reg* type's name: its OID first */
		return arena_printf(c->a, "%s(%s(%s))", reg_out(to), reg_in(from), txt);
	if (name) /* a name or an OID's digits, read by the input function */
		return arena_printf(c->a, "%s(%s(%s))", reg_out(to), reg_in(to), txt);
	return arena_printf(c->a, "%s(%s)", reg_out(to), txt);
}

bool xlat_catalog_reg_named(const PgQuery__Node *n)
{
	const PgQuery__TypeName *tn = n && n->node_case == NODE(TYPE_CAST) ? n->type_cast->type_name
									   : NULL;
	if (!tn || tn->n_names == 0 || tn->n_names > 2 || tn->n_array_bounds)
		return false;
	const char *name = xlat_node_str(tn->names[tn->n_names - 1]);
	const char *schema = tn->n_names == 2 ? xlat_node_str(tn->names[0]) : "pg_catalog";
	return name && schema && strcmp(schema, "pg_catalog") == 0 && reg_in_name(name);
}

int xlat_catalog_cast(struct xlat_ctx *c, const PgQuery__TypeCast *tc, struct xlat_type *t)
{
	/* only the cast that is itself the result column, not one inside its argument */
	bool shown = c->flags & XLAT_X_RESULT;
	c->flags &= ~(unsigned)XLAT_X_RESULT;
	const PgQuery__TypeName *tn = tc->type_name;
	if (!tn || tn->n_names == 0 || tn->n_names > 2)
		return 0;
	const char *name = xlat_node_str(tn->names[tn->n_names - 1]);
	const char *schema = tn->n_names == 2 ? xlat_node_str(tn->names[0]) : "pg_catalog";
	if (!name || !schema || strcmp(schema, "pg_catalog") != 0)
		return 0;
	bool ok;
	if (!tn->n_array_bounds && strcmp(name, "char") == 0 && tn->n_typmods == 0)
		return xlat_char_cast(c, tc->arg, tc->location, t) ? 1 : -1;
	int lit = tn->n_array_bounds == 1 && strcmp(name, "regtype") == 0
			  ? regtype_array_literal(c, tc, shown, t)
			  : 0;
	if (lit)
		return lit;
	if (tn->n_array_bounds == 1 && strcmp(name, "regtype") == 0 &&
	    tc->arg->node_case != NODE(PARAM_REF)) {
		/* proargtypes::regtype[] (pgcli): the types' names */
		*t = (struct xlat_type){2211 /* regtype[] */, -1};
		return wrap(c, tc, "pg_regtype_array_out") ? 1 : -1;
	}
	int dt = tn->n_array_bounds ? dt_array(c, tc, name, t) : 0;
	if (dt)
		return dt;
	if (tn->n_array_bounds) {
		uint32_t oid = array_oid(name);
		/* int[][] and int[3] are int[] to PostgreSQL: bounds are not enforced */
		if (!oid || tc->arg->node_case == NODE(PARAM_REF) ||
		    tn->n_typmods) /* numeric(5,2)[]: its elements' typmod is not applied here */
			return 0;
		ok = to_array(c, tc, oid, t);
	} else if (strcmp(name, "regclass") == 0)
		ok = to_reg(c, tc, OID_REGCLASS, "pg_regclass_in", "pg_regclass_out", shown, t);
	else if (strcmp(name, "regtype") == 0)
		ok = to_reg(c, tc, OID_REGTYPE, "pg_regtype_in", "pg_regtype_out", shown, t);
	else if (strcmp(name, "regnamespace") == 0)
		ok = to_reg(c, tc, OID_REGNAMESPACE, "pg_regnamespace_in", "pg_regnamespace_out",
			    shown, t);
	else if (strcmp(name, "regrole") == 0) /* 'postgres'::regrole, r.oid::regrole */
		ok = to_reg(c, tc, 4096, "pg_regrole_in", "pg_get_userbyid", shown, t);
	else if (strcmp(name, "oid") == 0)
		ok = to_oid(c, tc, t);
	else if (strcmp(name, "regproc") == 0 || strcmp(name, "regprocedure") == 0)
		ok = to_regproc(c, tc, strcmp(name, "regproc") == 0 ? XLAT_OID_REGPROC : 2202,
				shown, t);
	else if (strcmp(name, "regoperator") == 0)
		ok = to_regoperator(c, tc, shown, t);
	else
		return 0;
	return ok ? 1 : -1;
}

/* ---- ARRAY(subquery): pg_array_agg (catalog_fn.c) over the subquery's rows ---- */

/* ARRAY(subquery)'s type: the array of its column's type where pg_array_agg's text is that
 * array's (integers, oids, strings); text[] otherwise. */
static uint32_t array_sublink_type(const struct xlat_shape *shape)
{
	static const struct {
		uint32_t elem, array;
	} same_text[] = {{XLAT_OID_INT2, 1005}, {XLAT_OID_INT4, 1007},  {XLAT_OID_INT8, 1016},
			 {XLAT_OID_OID, 1028},  {XLAT_OID_TEXT, 1009},  {XLAT_OID_VARCHAR, 1015},
			 {XLAT_OID_NAME, 1003}, {18 /* "char" */, 1002}};
	for (size_t i = 0; !shape->star && shape->n == 1 && i < ARRAY_LEN(same_text); i++)
		if (shape->types[0].oid == same_text[i].elem)
			return same_text[i].array;
	return OID_TEXT_ARRAY;
}

bool xlat_catalog_array_sublink(struct xlat_ctx *c, const PgQuery__SubLink *s, struct xlat_type *t)
{
	if (!s->subselect || s->subselect->node_case != NODE(SELECT_STMT))
		return xlat_unsupported(c, s->location, "ARRAY(subquery)");
	const char *col = xlat_select_colname(s->subselect->select_stmt);
	if (!col)
		return xlat_unsupported(c, s->location, "ARRAY(subquery) with *");
	int typed = xlat_array_sublink_typed(c, s->subselect->select_stmt, col, t);
	if (typed)
		return typed > 0;
	xlat_puts(c, "(SELECT pg_array_agg(");
	xlat_ident(c, col);
	xlat_puts(c, ") FROM (");
	struct xlat_shape shape = {0};
	bool ok = xlat_select(c, s->subselect->select_stmt, &shape);
	xlat_puts(c, "))");
	*t = (struct xlat_type){array_sublink_type(&shape), -1};
	uint32_t rows = ok && !shape.star && shape.n == 1
				? xlat_comptype_array_of(c, shape.types[0].oid)
				: 0;
	if (rows) /* ARRAY(SELECT p ...) of a row type: its array type (pt[]) */
		t->oid = rows;
	return ok;
}

/* The reg* types whose value here is the object's name and whose input function finds one
 * object by it (regproc and regoper names may be overloaded: not among them). */
static const char *reg_in_fn(uint32_t oid)
{
	switch (oid) {
	case PGTYPE_REGCLASS:
		return "pg_regclass_in";
	case PGTYPE_REGTYPE:
		return "pg_regtype_in";
	case 4089: /* regnamespace */
		return "pg_regnamespace_in";
	case 4096: /* regrole */
		return "pg_regrole_in";
	default:
		return NULL;
	}
}

/* The expression ORDER BY item n means: a result column by position or output name, else n
 * (as xlat_target_of, without marking the position as a constant the translation needs). */
static const PgQuery__Node *sort_target(const PgQuery__SelectStmt *s, const PgQuery__Node *n)
{
	if (n->node_case == NODE(A_CONST) && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		int k = n->a_const->ival ? n->a_const->ival->ival : 0;
		if (k < 1 || (size_t)k > s->n_target_list)
			return n;
		/* after a *, t.* or (f()).* the ordinal counts its columns, not the targets */
		for (int i = 0; i < k; i++) {
			const PgQuery__Node *v = s->target_list[i]->res_target->val;
			if (v->node_case == NODE(COLUMN_REF) &&
			    v->column_ref->fields[v->column_ref->n_fields - 1]->node_case ==
				    NODE(A_STAR))
				return n;
			if (v->node_case == NODE(A_INDIRECTION) &&
			    v->a_indirection->indirection[v->a_indirection->n_indirection - 1]
					    ->node_case == NODE(A_STAR))
				return n;
		}
		return s->target_list[k - 1]->res_target->val;
	}
	if (n->node_case == NODE(COLUMN_REF) && n->column_ref->n_fields == 1) {
		const char *name = xlat_node_str(n->column_ref->fields[0]);
		for (size_t i = 0; name && i < s->n_target_list; i++) {
			const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
			if (rt->name && strcmp(rt->name, name) == 0)
				return rt->val;
		}
	}
	return n;
}

bool xlat_reg_sort_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char ***keys)
{
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		if (s->sort_clause[i]->node_case != NODE(SORT_BY) || (*keys && (*keys)[i]))
			continue;
		const PgQuery__Node *n = sort_target(s, s->sort_clause[i]->sort_by->node);
		if (n->node_case == NODE(A_CONST))
			continue;
		struct xlat_type t = {0, -1};
		const char *fn = xlat_scope_dry_expr(c, n, &t) ? reg_in_fn(t.oid) : NULL;
		if (!fn)
			continue;
		struct strbuf scratch, *saved = c->sb;
		strbuf_init(&scratch, 0);
		c->sb = &scratch;
		xlat_printf(c, "%s(", fn);
		bool ok = xlat_expr(c, n, &t);
		xlat_puts(c, ")");
		c->sb = saved;
		sort_key_keep(c, s, keys, i, &scratch, ok);
		if (!ok)
			return false;
	}
	return true;
}
