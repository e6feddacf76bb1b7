/* SPDX-License-Identifier: Apache-2.0 */
/* sess_guc.c: session settings (PostgreSQL's GUCs) — the one table of settings a session
 * knows, SET/RESET/SHOW, ParameterStatus for reported ones, and transactional undo. */
#include "session_int.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pgtype.h"

typedef bool check_fn(const char *value, char *normalized, size_t len, struct pgerr *err);

struct sess_guc_def {
	const char *name; /* PostgreSQL's spelling; lookups are case-insensitive */
	const char *dflt; /* NULL: computed in default_value() */
	bool reported;    /* sent as ParameterStatus */
	bool read_only;
	check_fn *check; /* NULL: any value */
	const char *description;
};

static bool bad_value(struct pgerr *err, const char *name, const char *value)
{
	return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
			 "invalid value for parameter \"%s\": \"%s\"", name, value);
}

/* Encoding names as pg_char_to_encoding reads them (base_encoding.c): letters and digits
 * only, case ignored, so "UTF-8", "utf_8" and asyncpg's quoted "'utf-8'" all mean UTF8; shown
 * by the encoding's name, except "UNICODE" as written (PostgreSQL's check_client_encoding).
 * A name PostgreSQL does not know is 22023; one it knows but shardlite does not speak,
 * 0A000. */
static bool check_encoding(const char *v, char *out, size_t len, struct pgerr *err)
{
	int enc = base_encoding_from_name(v);
	if (enc < 0)
		return bad_value(err, "client_encoding", v);
	if (enc == BASE_ENC_UTF8 || enc == BASE_ENC_SQL_ASCII)
		return snprintf(out, len, "%s",
				strcmp(v, "UNICODE") == 0 ? v : base_encoding_name(enc)) > 0;
	return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			 "client_encoding \"%s\" is not supported: shardlite speaks UTF8 "
			 "(and SQL_ASCII)",
			 v);
}

/* DateStyle: output style and input field order (pgtype_datestyle_parse); a part left out
 * keeps the session's current one (sess_guc_set). */
static bool check_datestyle(const char *v, char *out, size_t len, struct pgerr *err)
{
	struct pgtype_dtstyle ds = {.style = PGTYPE_STYLE_ISO, .order = PGTYPE_ORDER_MDY};
	if (!pgtype_datestyle_parse(v, &ds, out, len))
		return bad_value(err, "DateStyle", v);
	return true;
}

/* check_timezone: an IANA zone, a number of hours or a POSIX TZ string (pgtype_tz_lookup),
 * shown as PostgreSQL shows it ("Europe/Berlin" for "europe/berlin", "<+02>-02" for "+2"). */
static bool check_timezone(const char *v, char *out, size_t len, struct pgerr *err)
{
	const struct pgtype_tz *tz = pgtype_tz_lookup(v);
	if (!tz)
		return bad_value(err, "TimeZone", v);
	return snprintf(out, len, "%s", pgtype_tz_name(tz)) > 0;
}

static bool only(const char *name, const char *v, const char *allowed, char *out, size_t len,
		 struct pgerr *err)
{
	if (strcasecmp(v, allowed) != 0)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "%s = \"%s\" is not supported: only \"%s\" is", name, v, allowed);
	return snprintf(out, len, "%s", allowed) > 0;
}

/* IntervalStyle: each of PostgreSQL's four (Rails' ActiveRecord sets iso_8601 on every
 * connection); pgtype_interval_out_style prints them. */
static const char *const interval_styles[] = {"postgres", "iso_8601", "sql_standard",
					      "postgres_verbose"};

static bool check_intervalstyle(const char *v, char *out, size_t len, struct pgerr *err)
{
	for (size_t i = 0; i < ARRAY_LEN(interval_styles); i++)
		if (strcasecmp(v, interval_styles[i]) == 0)
			return snprintf(out, len, "%s", interval_styles[i]) > 0;
	bad_value(err, "IntervalStyle", v);
	pgerr_hint(err, "Available values: postgres, postgres_verbose, sql_standard, iso_8601.");
	return false;
}

static bool check_scs(const char *v, char *out, size_t len, struct pgerr *err)
{
	return only("standard_conforming_strings", v, "on", out, len, err);
}

/* SQLite files have no tablespaces: only the empty default (pg_dump writes SET ... = ''). */
static bool check_default_tablespace(const char *v, char *out, size_t len, struct pgerr *err)
{
	if (*v == '\0')
		return len > 0 && (*out = '\0', true);
	return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			 "default_tablespace = \"%s\" is not supported: tablespaces are not", v);
}

/* origin and local fire the triggers enabled as usual, replica those ENABLE REPLICA or ALWAYS
 * (sess_trigger.c); PostgreSQL's replica also skips foreign keys, which SQLite enforces. */
static bool check_replication_role(const char *v, char *out, size_t len, struct pgerr *err)
{
	static const char *const roles[] = {"origin", "replica", "local"};
	for (size_t i = 0; i < ARRAY_LEN(roles); i++)
		if (strcasecmp(v, roles[i]) == 0)
			return snprintf(out, len, "%s", roles[i]) > 0;
	bad_value(err, "session_replication_role", v);
	pgerr_hint(err, "Available values: origin, replica, local.");
	return false;
}

/* bytea_output: hex, or escape (Qt's QPSQL driver sets escape on every connection); the
 * encoders read it from the session's output styles (datestyle_refresh). */
static bool check_bytea_output(const char *v, char *out, size_t len, struct pgerr *err)
{
	if (strcasecmp(v, "hex") == 0 || strcasecmp(v, "escape") == 0)
		return snprintf(out, len, "%s", strcasecmp(v, "hex") == 0 ? "hex" : "escape") > 0;
	bad_value(err, "bytea_output", v);
	pgerr_hint(err, "Available values: escape, hex.");
	return false;
}

static bool check_float_digits(const char *v, char *out, size_t len, struct pgerr *err)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (end == v || *end)
		return bad_value(err, "extra_float_digits", v);
	if (n < -15 || n > 3)
		return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "%ld is outside the valid range for parameter \"extra_float_digits\" "
				 "(-15 .. 3)",
				 n);
	return snprintf(out, len, "%ld", n) > 0;
}

/* pg_trgm's thresholds: a real in 0 .. 1 (parse_real's errors), shown by %g as PostgreSQL
 * shows a real setting, unless %g would lose digits that the % operators compare with (then
 * all 17 of them). */
static bool check_threshold(const char *name, const char *v, char *out, size_t len,
			    struct pgerr *err)
{
	char *end;
	double d = strtod(v, &end);
	while (end != v && isspace((unsigned char)*end))
		end++;
	if (end == v || *end || d != d)
		return bad_value(err, name, v);
	if (d < 0 || d > 1)
		return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "%g is outside the valid range for parameter \"%s\" (0 .. 1)", d,
				 name);
	snprintf(out, len, "%g", d);
	if (strtod(out, NULL) != d)
		snprintf(out, len, "%.17g", d);
	return true;
}

static bool check_trgm_sim(const char *v, char *out, size_t len, struct pgerr *err)
{
	return check_threshold("pg_trgm.similarity_threshold", v, out, len, err);
}

static bool check_trgm_word(const char *v, char *out, size_t len, struct pgerr *err)
{
	return check_threshold("pg_trgm.word_similarity_threshold", v, out, len, err);
}

static bool check_trgm_strict(const char *v, char *out, size_t len, struct pgerr *err)
{
	return check_threshold("pg_trgm.strict_word_similarity_threshold", v, out, len, err);
}

/* A duration as PostgreSQL shows it: the largest unit that divides it ("5s", "90s", "2min"). */
static void format_duration(int64_t ms, char *out, size_t len)
{
	if (ms == 0)
		snprintf(out, len, "0");
	else if (ms % 3600000 == 0)
		snprintf(out, len, "%lldh", (long long)(ms / 3600000));
	else if (ms % 60000 == 0)
		snprintf(out, len, "%lldmin", (long long)(ms / 60000));
	else if (ms % 1000 == 0)
		snprintf(out, len, "%llds", (long long)(ms / 1000));
	else
		snprintf(out, len, "%lldms", (long long)ms);
}

/* statement_timeout, lock_timeout, idle_in_transaction_session_timeout: milliseconds, or a
 * number with a unit; 0 turns the timeout off. */
static bool check_duration(const char *name, const char *v, char *out, size_t len,
			   struct pgerr *err)
{
	int64_t ms;
	if (!config_parse_duration_ms(v, &ms) || ms > INT32_MAX)
		return bad_value(err, name, v);
	format_duration(ms, out, len);
	return true;
}

static bool check_statement_timeout(const char *v, char *out, size_t len, struct pgerr *err)
{
	return check_duration("statement_timeout", v, out, len, err);
}

static bool check_lock_timeout(const char *v, char *out, size_t len, struct pgerr *err)
{
	return check_duration("lock_timeout", v, out, len, err);
}

static bool check_idle_timeout(const char *v, char *out, size_t len, struct pgerr *err)
{
	return check_duration("idle_in_transaction_session_timeout", v, out, len, err);
}

static bool check_bool(const char *v, char *out, size_t len, struct pgerr *err);

/* A memory size in kB, PostgreSQL's base unit for work_mem and its kind: a bare number is kB,
 * units B, kB, MB, GB, TB (case as written); shown in the largest unit that divides it. */
static bool check_memory_kb(const char *name, const char *v, char *out, size_t len,
			    struct pgerr *err)
{
	static const struct {
		const char *unit;
		double kb;
	} units[] = {{"B", 1.0 / 1024}, {"kB", 1}, {"MB", 1024}, {"GB", 1024 * 1024},
		     {"TB", 1024.0 * 1024 * 1024}};
	char *end = NULL;
	double n = strtod(v, &end);
	while (end && isspace((unsigned char)*end))
		end++;
	double kb = end && !*end ? n : -1;
	for (size_t i = 0; end && *end && i < ARRAY_LEN(units); i++)
		if (strcmp(end, units[i].unit) == 0)
			kb = n * units[i].kb;
	if (end == v || kb < 0) {
		bad_value(err, name, v);
		if (end != v)
			pgerr_hint(err, "Valid units for this parameter are \"B\", \"kB\", \"MB\", "
					"\"GB\", and \"TB\".");
		return false;
	}
	if (kb < 64 || kb > INT32_MAX) /* PostgreSQL's range for work_mem */
		return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "%g kB is outside the valid range for parameter \"%s\" (64 .. "
				 "2147483647)",
				 kb, name);
	int64_t k = (int64_t)(kb + 0.5);
	static const char *const show[] = {"kB", "MB", "GB", "TB"};
	size_t u = 0;
	while (u + 1 < ARRAY_LEN(show) && k % 1024 == 0 && k >= 1024) {
		k /= 1024;
		u++;
	}
	return snprintf(out, len, "%lld%s", (long long)k, show[u]) > 0;
}

static bool check_work_mem(const char *v, char *out, size_t len, struct pgerr *err)
{
	return check_memory_kb("work_mem", v, out, len, err);
}

static bool check_maintenance_work_mem(const char *v, char *out, size_t len, struct pgerr *err)
{
	return check_memory_kb("maintenance_work_mem", v, out, len, err);
}

/* A planner cost: a non-negative number, shown as PostgreSQL's %g. */
static bool check_cost(const char *v, char *out, size_t len, struct pgerr *err)
{
	char *end = NULL;
	double d = strtod(v, &end);
	if (end == v || *end || d < 0 || d > 1.79769e308)
		return bad_value(err, "planner cost", v);
	return snprintf(out, len, "%g", d) > 0;
}

static bool check_sync_commit(const char *v, char *out, size_t len, struct pgerr *err)
{
	static const char *const levels[] = {"local", "remote_write", "remote_apply", "on",
					     "off"};
	for (size_t i = 0; i < ARRAY_LEN(levels); i++)
		if (strcasecmp(v, levels[i]) == 0)
			return snprintf(out, len, "%s", levels[i]) > 0;
	if (check_bool(v, out, len, err))
		return true;
	pgerr_clear(err);
	return bad_value(err, "synchronous_commit", v);
}

static bool check_isolation(const char *v, char *out, size_t len, struct pgerr *err)
{
	static const char *const levels[] = {"serializable", "repeatable read", "read committed",
					     "read uncommitted"};
	for (size_t i = 0; i < ARRAY_LEN(levels); i++)
		if (strcasecmp(v, levels[i]) == 0)
			return snprintf(out, len, "%s", levels[i]) > 0;
	return bad_value(err, "transaction_isolation", v);
}

static bool check_bool(const char *v, char *out, size_t len, struct pgerr *err)
{
	static const char *const yes[] = {"on", "true", "yes", "1"}, *const no[] = {"off", "false", "no", "0"};
	for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
		if (strcasecmp(v, yes[i]) == 0)
			return snprintf(out, len, "on") > 0;
		if (strcasecmp(v, no[i]) == 0)
			return snprintf(out, len, "off") > 0;
	}
	return bad_value(err, "boolean setting", v);
}

/* PostgreSQL 12 removed tables WITH OIDS and keeps the setting for old dumps, which all write
 * SET default_with_oids = false: off only, on is 0A000 as there. */
static bool check_default_with_oids(const char *v, char *out, size_t len, struct pgerr *err)
{
	if (!check_bool(v, out, len, err))
		return false;
	if (strcmp(out, "on") == 0)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "tables declared WITH OIDS are not supported");
	return true;
}

/* transaction_isolation is the transaction's own (sess_rc_iso), so it has a check function of
 * its own to be told apart. */
static bool check_txn_isolation(const char *v, char *out, size_t len, struct pgerr *err)
{
	return check_isolation(v, out, len, err);
}

/* transaction_read_only is the transaction's own (sess_txn_read_only), so it has a check
 * function of its own to be told apart. */
static bool check_txn_read_only(const char *v, char *out, size_t len, struct pgerr *err)
{
	return check_bool(v, out, len, err);
}

/* XML values do not exist here (the xml type is refused), so either documented value is
 * accepted and changes nothing. */
static bool check_xmloption(const char *v, char *out, size_t len, struct pgerr *err)
{
	if (strcasecmp(v, "content") == 0 || strcasecmp(v, "document") == 0)
		return snprintf(out, len, "%s", strcasecmp(v, "content") == 0 ? "content"
									 : "document") > 0;
	return bad_value(err, "xmloption", v);
}

/* Tables are SQLite b-trees, PostgreSQL's one built-in table access method is "heap": that
 * name is the only one (pg_dump writes SET default_table_access_method = heap). */
static bool check_table_am(const char *v, char *out, size_t len, struct pgerr *err)
{
	if (strcmp(v, "heap") == 0)
		return snprintf(out, len, "heap") > 0;
	bad_value(err, "default_table_access_method", v);
	pgerr_detail(err, "Table access method \"%s\" does not exist.", v);
	return false;
}

/* The configurations built in (pgfn_tsdict.c), written schema-qualified as PostgreSQL shows
 * them; another name: 22023. */
static bool check_ts_config(const char *v, char *out, size_t len, struct pgerr *err)
{
	const char *n = strncmp(v, "pg_catalog.", 11) == 0 ? v + 11 : v;
	if (strcmp(n, "simple") == 0 || strcmp(n, "english") == 0)
		return snprintf(out, len, "pg_catalog.%s", n) > 0;
	bad_value(err, "default_text_search_config", v);
	return false;
}

/* money's text is C's (pgtype_money.c): the locales whose monetary facts are C's are accepted
 * ('' is the server's, C), any other would change it and is refused with 22023, as PostgreSQL
 * refuses a locale it does not have. */
static bool check_lc_monetary(const char *v, char *out, size_t len, struct pgerr *err)
{
	static const char *const same[] = {"", "C", "POSIX", "C.UTF-8", "C.utf8"};
	for (size_t i = 0; i < ARRAY_LEN(same); i++)
		if (strcmp(v, same[i]) == 0)
			return snprintf(out, len, "%s", *v ? v : "C") > 0;
	bad_value(err, "lc_monetary", v);
	pgerr_detail(err, "money is shown as in the C locale only (lc_monetary C).");
	return false;
}

#define SERVER_VERSION "15.0 (shardlite " SHARDLITE_VERSION ")"

/* The one table of built-in settings. Reads of settings not listed give 42704. */
static const struct sess_guc_def guc_defs[] = {
	{"application_name", "", true, false, NULL, "Sets the application name."},
	/* read only, as PostgreSQL's compiled block size: SQLite's page size, the unit of a
	 * tenant file (check_postgres's bloat estimate reads it) */
	{"block_size", "4096", false, true, NULL, "Shows the size of a disk block."},
	{"bytea_output", "hex", false, false, check_bytea_output, "Output format for bytea."},
	{"client_encoding", "UTF8", true, false, check_encoding, "Client's character set."},
	{"check_function_bodies", "on", false, false, check_bool,
	 "Check routine bodies during CREATE FUNCTION (no effect: a body is always compiled, and "
	 "the tables it names are looked up when it runs)."},
	{"client_min_messages", "notice", false, false, NULL, "Message levels sent to the client."},
	{"DateStyle", "ISO, MDY", true, false, check_datestyle, "Date and time display format."},
	{"default_text_search_config", "pg_catalog.english", false, false, check_ts_config,
	 "Default text search configuration (simple or english)."},
	{"default_tablespace", "", false, false, check_default_tablespace,
	 "Default tablespace of new tables and indexes (always the default)."},
	{"default_table_access_method", "heap", false, false, check_table_am,
	 "Default access method of new tables (only heap: tables are SQLite b-trees)."},
	{"default_with_oids", "off", false, false, check_default_with_oids,
	 "WITH OIDS for new tables (only off: PostgreSQL 12 removed them)."},
	{"default_transaction_deferrable", "off", false, false, check_bool,
	 "Default deferrable status of new transactions (no effect: nothing to wait for)."},
	{"default_transaction_isolation", "read committed", false, false, check_isolation,
	 "Sets the transaction isolation level of each new transaction."},
	{"default_transaction_read_only", "off", false, false, check_bool,
	 "Default read-only status of new transactions."},
	{"effective_cache_size", "4GB", false, false, NULL,
	 "Planner's assumption about the disk cache (no effect: SQLite plans without it)."},
	/* the planner's switches and costs: recorded and shown, as clients and tools set them;
	 * SQLite's planner has none of them */
	{"enable_bitmapscan", "on", false, false, check_bool, "Planner switch (no effect)."},
	{"enable_hashagg", "on", false, false, check_bool, "Planner switch (no effect)."},
	{"enable_hashjoin", "on", false, false, check_bool, "Planner switch (no effect)."},
	{"enable_indexscan", "on", false, false, check_bool, "Planner switch (no effect)."},
	{"enable_mergejoin", "on", false, false, check_bool, "Planner switch (no effect)."},
	{"enable_nestloop", "on", false, false, check_bool, "Planner switch (no effect)."},
	{"enable_seqscan", "on", false, false, check_bool, "Planner switch (no effect)."},
	{"enable_sort", "on", false, false, check_bool, "Planner switch (no effect)."},
	{"extra_float_digits", "1", false, false, check_float_digits, "Float output precision."},
	{"idle_in_transaction_session_timeout", NULL, false, false, check_idle_timeout,
	 "Idle-in-transaction timeout (ms)."},
	{"integer_datetimes", "on", true, true, NULL, "Datetimes are integer based."},
	{"IntervalStyle", "postgres", true, false, check_intervalstyle, "Interval display format."},
	{"is_superuser", "off", true, true, NULL, "Whether the user is a superuser."},
	{"jit", "off", false, false, check_bool,
	 "Just-in-time compilation of queries (no effect: there is no JIT)."},
	{"lc_collate", "C", false, true, NULL, "Collation order locale."},
	{"lc_ctype", "C", false, true, NULL, "Character classification locale."},
	{"lc_messages", "C", false, false, NULL, "Language of messages."},
	{"lc_monetary", "C", false, false, check_lc_monetary,
	 "Locale for monetary amounts (C: money's text is C's)."},
	{"lc_numeric", "C", false, false, NULL, "Locale for numbers."},
	{"lc_time", "C", false, false, NULL, "Locale for dates and times."},
	{"lock_timeout", NULL, false, false, check_lock_timeout, "Lock wait timeout (ms)."},
	{"maintenance_work_mem", "64MB", false, false, check_maintenance_work_mem,
	 "Memory for maintenance operations (no effect: SQLite sizes its own)."},
	{"max_identifier_length", "63", false, true, NULL, "Maximum identifier length."},
	/* PostgreSQL's compiled limit, which JDBC's foreign-key queries and DBD::Pg's
	 * statistics_info count index columns up to */
	{"max_index_keys", "32", false, true, NULL, "Shows the maximum number of index keys."},
	/* monitoring tools (pg_activity) show these: the server's limit, and none of the worker
	 * processes PostgreSQL has (SQLite needs no vacuum, replication or parallel workers) */
	{"max_connections", NULL, false, true, NULL,
	 "Most client connections served at once (the max_connections key)."},
	{"autovacuum_max_workers", "0", false, true, NULL, "Autovacuum workers (none)."},
	{"max_worker_processes", "0", false, true, NULL, "Background worker processes (none)."},
	{"max_parallel_workers", "0", false, true, NULL, "Parallel workers (none)."},
	{"max_logical_replication_workers", "0", false, true, NULL,
	 "Logical replication workers (none)."},
	{"max_wal_senders", "0", false, true, NULL, "WAL sender processes (none)."},
	{"max_replication_slots", "0", false, true, NULL, "Replication slots (none)."},
	/* as PostgreSQL's default: Sequel reads it before PREPARE TRANSACTION, refused here */
	{"max_prepared_transactions", "0", false, true, NULL,
	 "Prepared (two-phase) transactions (none)."},
	/* pg_trgm's (xlat_trgm.c reads them when a % operator runs) */
	{"pg_trgm.similarity_threshold", "0.3", false, false, check_trgm_sim,
	 "Sets the threshold used by the % operator."},
	{"pg_trgm.strict_word_similarity_threshold", "0.5", false, false, check_trgm_strict,
	 "Sets the threshold used by the <<% operator."},
	{"pg_trgm.word_similarity_threshold", "0.6", false, false, check_trgm_word,
	 "Sets the threshold used by the <% operator."},
	{"random_page_cost", "4", false, false, check_cost, "Planner cost (no effect)."},
	{"row_security", "on", false, false, check_bool,
	 "Enable row security (off: a query row-level security policies would filter is "
	 "42501)."},
	{"search_path", "\"$user\", public", false, false, NULL, "Schema search order."},
	{"seq_page_cost", "1", false, false, check_cost, "Planner cost (no effect)."},
	{"server_encoding", "UTF8", true, true, NULL, "Server character set."},
	{"server_version", SERVER_VERSION, true, true, NULL, "Server version."},
	{"server_version_num", "150000", false, true, NULL, "Server version as an integer."},
	{"session_authorization", NULL, true, true, NULL, "Session user name."},
	{"session_replication_role", "origin", false, false, check_replication_role,
	 "Sets the session's behavior for triggers and rewrite rules."},
	{"standard_conforming_strings", "on", true, false, check_scs,
	 "Backslashes in ordinary strings are literal."},
	{"statement_timeout", NULL, false, false, check_statement_timeout,
	 "Statement timeout (ms)."},
	{"synchronous_commit", "on", false, false, check_sync_commit,
	 "Whether a commit waits for its flush (no effect: every commit is flushed before it is "
	 "acknowledged)."},
	{"synchronize_seqscans", "on", false, false, check_bool,
	 "Synchronized sequential scans (no effect: SQLite scans are never shared)."},
	{"TimeZone", NULL, true, false, check_timezone, "Time zone for displaying timestamps."},
	{"transaction_deferrable", "off", false, false, check_bool,
	 "Whether a serializable read-only transaction waits until it cannot fail (no effect: "
	 "a SQLite read transaction never fails serialization)."},
	{"transaction_isolation", "read committed", false, false, check_txn_isolation,
	 "Sets the current transaction's isolation level."},
	{"transaction_read_only", "off", false, false, check_txn_read_only,
	 "Current transaction's read-only status."},
	{"work_mem", "4MB", false, false, check_work_mem,
	 "Memory for sorts and hashes (no effect: SQLite sizes its own)."},
	{"xmloption", "content", false, false, check_xmloption,
	 "XML parse mode (no effect: the xml type does not exist here)."},
};

#define GUC_COUNT ARRAY_LEN(guc_defs)

/* Every message reads TimeZone and the timeouts: they are kept decoded in the session
 * (s->dt.tz, s->timeout_ms), updated by assign(), the one place a value changes, instead of
 * being looked up by name and parsed each time. */
static int64_t parse_ms(const char *v)
{
	int64_t ms = 0;
	return v && config_parse_duration_ms(v, &ms) ? ms : 0;
}

/* The slot of s->timeout_ms a setting is decoded into, or -1. */
static int timeout_slot(const struct sess_guc_def *d)
{
	if (d->check == check_statement_timeout)
		return 0;
	if (d->check == check_lock_timeout)
		return 1;
	if (d->check == check_idle_timeout)
		return 2;
	return -1;
}

static const char *default_value(struct session *s, const struct sess_guc_def *d)
{
	if (d->dflt)
		return d->dflt;
	if (strcmp(d->name, "TimeZone") == 0)
		return s->cfg->timezone;
	int slot = timeout_slot(d);
	if (slot >= 0) { /* "" (or no sess_rare) for 0: see sess_guc_init */
		const char *v = s->rare ? s->rare->timeout_defaults[slot] : "";
		return v[0] ? v : "0";
	}
	if (strcmp(d->name, "max_connections") == 0) {
		/* not reloadable, so every snapshot has the same value: formatted into the
		 * thread's buffer rather than carried as text by every session */
		static _Thread_local char text[16];
		snprintf(text, sizeof(text), "%d", s->cfg->max_connections);
		return text;
	}
	return s->user ? s->user : "";
}

void sess_guc_init(struct session *s)
{
	const struct config *cfg = s->cfg;
	/* The defaults are the config's when the session started. Usually all three are 0,
	 * which needs no text kept: only another value is formatted, into sess_rare. */
	int64_t dflt[3] = {cfg->statement_timeout_ms, cfg->lock_timeout_ms,
			   cfg->idle_in_transaction_timeout_ms};
	for (int i = 0; i < 3; i++) {
		char text[24];
		format_duration(dflt[i], text, sizeof(text));
		s->timeout_ms[i] = parse_ms(text);
		if (dflt[i] != 0)
			memcpy(sess_rare(s)->timeout_defaults[i], text, sizeof(text));
	}
	s->gucs = NULL; /* entries appear as settings are changed */
	s->dt.tz = NULL; /* looked up by the first sess_guc_dt_refresh, off the loop thread */
}

static void free_guc(struct sess_guc *g)
{
	free(g->value);
	free(g->reset_val);
	free(g->txn_saved);
}

void sess_guc_fini(struct session *s)
{
	for (struct sess_guc *g = s->gucs, *next; g; g = next) {
		next = g->next;
		free_guc(g);
		free(g);
	}
	s->gucs = NULL;
	for (struct sess_guc *g = s->custom, *next; g; g = next) {
		next = g->next;
		free_guc(g);
		free((char *)g->def);
		free(g);
	}
}

/* "time zone" is SQL's spelling of TimeZone (SET TIME ZONE). */
/* Case-insensitive equality; the first letters are compared before calling strcasecmp, which
 * spares most of the table's entries a call (lookups run several times per message). */
static bool same_name(const char *a, const char *b)
{
	return (a[0] | 0x20) == (b[0] | 0x20) && strcasecmp(a, b) == 0;
}

static const char *canonical(const char *name)
{
	if (same_name(name, "time zone") || same_name(name, "timezone"))
		return "TimeZone";
	if (same_name(name, "transaction isolation level"))
		return "transaction_isolation";
	if (same_name(name, "session authorization"))
		return "session_authorization";
	return name;
}

/* The session keeps an entry only for the built-in settings it changed (an idle session
 * should cost little): the entry of guc_defs[i], created when asked. */
static struct sess_guc *builtin(struct session *s, size_t i, bool create)
{
	for (struct sess_guc *g = s->gucs; g; g = g->next)
		if (g->def == &guc_defs[i])
			return g;
	if (!create)
		return NULL;
	struct sess_guc *g = base_xcalloc(1, sizeof(*g));
	g->def = &guc_defs[i];
	g->next = s->gucs;
	s->gucs = g;
	return g;
}

/* What RESET (a NULL value) restores: the value the startup packet gave (its options, or a
 * parameter such as DateStyle), else the default, as PostgreSQL's reset_val. */
static const char *reset_value(struct session *s, const struct sess_guc *g)
{
	return g->reset_val ? g->reset_val : default_value(s, g->def);
}

static const char *builtin_value(struct session *s, size_t i)
{
	if (guc_defs[i].check == check_txn_read_only)
		return sess_txn_read_only(s) ? "on" : "off";
	if (guc_defs[i].check == check_txn_isolation) /* default_transaction_isolation's if none */
		return sess_rc_iso_name(s, s->txn == SESS_TXN_IDLE ? SESS_ISO_DEFAULT
								  : (enum sess_iso)s->txn_iso);
	const struct sess_guc *g = builtin(s, i, false);
	if (!g)
		return default_value(s, &guc_defs[i]);
	return g->value ? g->value : reset_value(s, g);
}

/* guc_defs' indexes in case-insensitive name order, made once: every message looks settings
 * up (statement_timeout, TimeZone), so a linear scan was a fifth of a point select's cost. */
static size_t by_name[GUC_COUNT];
static pthread_once_t by_name_once = PTHREAD_ONCE_INIT;

static int cmp_index(const void *a, const void *b)
{
	return strcasecmp(guc_defs[*(const size_t *)a].name, guc_defs[*(const size_t *)b].name);
}

/* application_name's index: every Query and Execute publishes it to pg_stat_activity twice;
 * search_path's: every translation reads it (sess_schema_env); default_transaction_read_only's:
 * every writing statement outside a block checks it twice (Bind and Execute), and the lookup by
 * name was about 900 instructions of a single-row insert's 57,000. */
static size_t app_name_index = GUC_COUNT, search_path_index = GUC_COUNT,
	      default_ro_index = GUC_COUNT, default_iso_index = GUC_COUNT;

static void sort_names(void)
{
	for (size_t i = 0; i < GUC_COUNT; i++) {
		by_name[i] = i;
		if (strcasecmp(guc_defs[i].name, "application_name") == 0)
			app_name_index = i;
		if (strcasecmp(guc_defs[i].name, "search_path") == 0)
			search_path_index = i;
		if (strcasecmp(guc_defs[i].name, "default_transaction_read_only") == 0)
			default_ro_index = i;
		if (strcasecmp(guc_defs[i].name, "default_transaction_isolation") == 0)
			default_iso_index = i;
	}
	qsort(by_name, GUC_COUNT, sizeof(by_name[0]), cmp_index);
}

/* The index of a built-in setting, or GUC_COUNT. */
static size_t builtin_index(const char *name)
{
	pthread_once(&by_name_once, sort_names);
	name = canonical(name);
	size_t lo = 0, hi = GUC_COUNT;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcasecmp(guc_defs[by_name[mid]].name, name);
		if (c == 0)
			return by_name[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return GUC_COUNT;
}

/* The entry of a setting, a built-in one created when create is set; NULL when unknown (or
 * an unchanged built-in one and !create). */
static struct sess_guc *find(struct session *s, const char *name, bool create)
{
	size_t i = builtin_index(name);
	if (i < GUC_COUNT)
		return builtin(s, i, create);
	for (struct sess_guc *g = s->custom; g; g = g->next)
		if (strcasecmp(g->def->name, name) == 0)
			return g;
	return NULL;
}

static const struct sess_guc_def *find_def(struct session *s, const char *name)
{
	size_t i = builtin_index(name);
	if (i < GUC_COUNT)
		return &guc_defs[i];
	const struct sess_guc *g = find(s, name, false);
	return g ? g->def : NULL;
}

static struct sess_guc *add_custom(struct session *s, const char *name)
{
	struct sess_guc_def *d = base_xcalloc(1, sizeof(*d) + strlen(name) + 1);
	char *n = (char *)(d + 1);
	for (size_t i = 0; name[i]; i++)
		n[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]);
	d->name = n;
	d->dflt = "";
	d->description = "Custom setting.";
	struct sess_guc *g = base_xcalloc(1, sizeof(*g));
	g->def = d;
	g->next = s->custom;
	s->custom = g;
	return g;
}

static const char *value_of(struct session *s, const struct sess_guc *g)
{
	return g->value ? g->value : reset_value(s, g);
}

/* The session's DateStyle as pgfn and pgtype take it. */
/* Nearly every session runs with the same DateStyle: the thread keeps the last text it
 * parsed and its result (2,500 instructions of every connection's start-up). */
static void datestyle_refresh(struct session *s)
{
	static __thread char last[64];
	static __thread struct pgtype_dtstyle last_style;
	const char *text = sess_guc_get(s, "DateStyle");
	enum pgtype_intervalstyle iv = PGTYPE_INTERVAL_POSTGRES;
	for (size_t i = 0; i < ARRAY_LEN(interval_styles); i++)
		if (strcasecmp(sess_guc_get(s, "IntervalStyle"), interval_styles[i]) == 0)
			iv = (enum pgtype_intervalstyle)i;
	long digits = strtol(sess_guc_get(s, "extra_float_digits"), NULL, 10); /* checked */
	int8_t cut = (int8_t)(digits < 1 ? 1 - digits : 0);
	bool escape = strcmp(sess_guc_get(s, "bytea_output"), "escape") == 0;
	if (last[0] && strcmp(text, last) == 0) {
		s->dt.datestyle = last_style;
		s->dt.datestyle.interval = iv;
		s->dt.datestyle.float_cut = cut;
		s->dt.datestyle.bytea_escape = escape;
		return;
	}
	char canon[64];
	s->dt.datestyle = (struct pgtype_dtstyle){.style = PGTYPE_STYLE_ISO,
						  .order = PGTYPE_ORDER_MDY,
						  .interval = iv,
						  .float_cut = cut,
						  .bytea_escape = escape};
	(void)pgtype_datestyle_parse(text, &s->dt.datestyle, canon,
				     sizeof(canon)); /* checked when it was set */
	if (strlen(text) < sizeof(last)) {
		memcpy(last, text, strlen(text) + 1);
		last_style = s->dt.datestyle;
	}
}

void sess_guc_dt_refresh(struct session *s)
{
	if (!s->dt.tz) { /* first use; assign() keeps both current afterwards */
		const struct pgtype_tz *tz = pgtype_tz_lookup(sess_guc_get(s, "TimeZone"));
		s->dt.tz = tz ? tz : pgtype_tz_utc();
		datestyle_refresh(s);
	}
	s->dt.stmt_start = pgtype_now();
	if (s->txn == SESS_TXN_IDLE || !s->dt.txn_start)
		s->dt.txn_start = s->dt.stmt_start;
}

static void assign(struct session *s, struct sess_guc *g, char *value)
{
	bool changed = strcmp(value_of(s, g), value ? value : reset_value(s, g)) != 0;
	free(g->value);
	g->value = value;
	if (g->def->check == check_timezone) {
		const struct pgtype_tz *tz = pgtype_tz_lookup(value_of(s, g));
		s->dt.tz = tz ? tz : pgtype_tz_utc();
	}
	int slot = timeout_slot(g->def);
	if (slot >= 0)
		s->timeout_ms[slot] = parse_ms(value_of(s, g));
	if (g->def->check == check_datestyle || g->def->check == check_intervalstyle ||
	    g->def->check == check_float_digits || g->def->check == check_bytea_output)
		datestyle_refresh(s);
	if (changed && g->def->reported && s->state != SESS_STARTUP)
		pgw_be_parameter_status(&s->out, g->def->name, value_of(s, g));
}

/* A transaction's characteristics change only before its first query and outside savepoints,
 * as PostgreSQL's check hooks (variable.c) say: 25001. v is the new value, normalized. */
static bool txn_char_check(struct session *s, const struct sess_guc *g, const char *v,
			   struct pgerr *err)
{
	const char *name = g->def->name;
	bool snap = sess_txn_snapshot(s), sub = sess_txn_savepoints(s) > 0;
	if (same_name(name, "transaction_isolation") &&
	    strcmp(v, sess_rc_iso_name(s, sess_rc_iso(s))) != 0) {
		if (snap || sub)
			return pgerr_set(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
					 "SET TRANSACTION ISOLATION LEVEL must %s",
					 snap ? "be called before any query"
					      : "not be called in a subtransaction");
	} else if (same_name(name, "transaction_read_only") && strcmp(v, "off") == 0 &&
		   sess_txn_read_only(s)) {
		if (sub)
			return pgerr_set(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
					 "cannot set transaction read-write mode inside a read-only "
					 "transaction");
		if (snap)
			return pgerr_set(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
					 "transaction read-write mode must be set before any query");
	} else if (same_name(name, "transaction_deferrable") && (snap || sub)) {
		return pgerr_set(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
				 "SET TRANSACTION [NOT] DEFERRABLE %s",
				 sub ? "cannot be called within a subtransaction"
				     : "must be called before any query");
	}
	return true;
}

/* stmt_local: set_config(name, value, true) outside a transaction block, which holds for the
 * statement's implicit transaction (sess_guc_statement_end undoes it); SET LOCAL there is only
 * a WARNING. */
/* SET ROLE / RESET ROLE: NONE or the session's own user, which change nothing (the current
 * user stays the session user); every user acts as the tenant's owner and is a member of no
 * other user, so another role is PostgreSQL's 42501 (kept in no slot: SHOW role is 42704). */
static bool role_ok(struct session *s, const char *v, struct pgerr *err)
{
	if (!v || strcasecmp(v, "none") == 0 || strcmp(v, s->user) == 0)
		return true;
	if (s->users && auth_users_find(s->users, v))
		return pgerr_set(err, SQLSTATE_INSUFFICIENT_PRIVILEGE,
				 "permission denied to set role \"%s\"", v);
	return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE, "role \"%s\" does not exist", v);
}

static bool set(struct session *s, const char *name, const char *value, bool local,
		bool stmt_local, struct pgerr *err)
{
	if (same_name(name, "role"))
		return role_ok(s, value, err);
	struct sess_guc *g = find(s, name, true);
	if (!g && strchr(name, '.'))
		g = add_custom(s, name);
	if (!g)
		return pgerr_set(err, SQLSTATE_UNDEFINED_PARAMETER_NAME,
				 "unrecognized configuration parameter \"%s\"", name);
	if (g->def->read_only)
		return pgerr_set(err, SQLSTATE_CANT_CHANGE_RUNTIME_PARAM,
				 "parameter \"%s\" cannot be changed", g->def->name);
	char norm[256];
	const char *v = value;
	if (v && g->def->check) {
		if (!g->def->check(v, norm, sizeof(norm), err))
			return false;
		v = norm;
	}
	if (v && g->def->check == check_datestyle) { /* a part left out keeps the current one */
		struct pgtype_dtstyle ds = s->dt.datestyle;
		(void)pgtype_datestyle_parse(value, &ds, norm, sizeof(norm)); /* checked above */
	}
	bool in_txn = s->txn != SESS_TXN_IDLE || (local && stmt_local);
	if (v && s->txn != SESS_TXN_IDLE && !txn_char_check(s, g, v, err))
		return false;
	if (local && !in_txn) {
		pgw_be_notice(&s->out, "WARNING", SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
			      "SET LOCAL can only be used in transaction blocks");
		return true;
	}
	if (in_txn && !g->txn_saved)
		g->txn_saved = base_xstrdup(value_of(s, g));
	/* the open transaction keeps the level it began with (sess_rc.c resolves it lazily) */
	if (s->txn != SESS_TXN_IDLE && s->txn_iso == SESS_ISO_DEFAULT &&
	    same_name(g->def->name, "default_transaction_isolation"))
		s->txn_iso = (uint8_t)sess_rc_iso(s);
	g->local = g->local || local;
	if (s->state == SESS_STARTUP) {
		free(g->reset_val);
		g->reset_val = v ? base_xstrdup(v) : NULL;
	}
	assign(s, g, v ? base_xstrdup(v) : NULL);
	/* SET TRANSACTION READ ONLY (pg_dump's) makes this transaction refuse writes */
	if (in_txn && v && same_name(g->def->name, "transaction_read_only"))
		s->txn_read_only = strcmp(v, "on") == 0;
	/* SET TRANSACTION ISOLATION LEVEL: this transaction's (sess_rc.c) */
	if (s->txn != SESS_TXN_IDLE && same_name(g->def->name, "transaction_isolation"))
		s->txn_iso = (uint8_t)(v ? sess_rc_iso_parse(v) : SESS_ISO_DEFAULT);
	return true;
}

static void txn_end_one(struct session *s, struct sess_guc *g, bool commit)
{
	if (!g->txn_saved)
		return;
	if (!commit || g->local)
		assign(s, g, g->txn_saved);
	else
		free(g->txn_saved);
	g->txn_saved = NULL;
	g->local = false;
}

bool sess_guc_set(struct session *s, const char *name, const char *value, bool local,
		  struct pgerr *err)
{
	return set(s, name, value, local, false, err);
}

bool sess_guc_set_config(struct session *s, const char *name, const char *value, bool local,
			 struct pgerr *err)
{
	return set(s, name, value, local, true, err);
}

void sess_guc_statement_end(struct session *s)
{
	if (s->txn != SESS_TXN_IDLE)
		return;
	/* SET TRANSACTION in a CALL or DO (or what a procedure's COMMIT AND CHAIN kept) held for
	 * the statement's own transaction only */
	s->txn_read_only = false;
	s->txn_iso = SESS_ISO_DEFAULT;
	if (s->gucs || s->custom)
		sess_guc_txn_end(s, true); /* only set_config's local values were saved */
}

void sess_guc_txn_end(struct session *s, bool commit)
{
	for (struct sess_guc *g = s->gucs; g; g = g->next)
		txn_end_one(s, g, commit);
	for (struct sess_guc *g = s->custom; g; g = g->next)
		txn_end_one(s, g, commit);
}

const char *sess_guc_get(struct session *s, const char *name)
{
	size_t i = builtin_index(name);
	if (i < GUC_COUNT)
		return builtin_value(s, i);
	struct sess_guc *g = find(s, name, false);
	return g ? value_of(s, g) : NULL;
}

const char *sess_guc_application_name(struct session *s)
{
	pthread_once(&by_name_once, sort_names);
	return app_name_index < GUC_COUNT ? builtin_value(s, app_name_index) : NULL;
}

const char *sess_guc_search_path(struct session *s)
{
	pthread_once(&by_name_once, sort_names);
	return search_path_index < GUC_COUNT ? builtin_value(s, search_path_index)
					     : sess_guc_get(s, "search_path");
}

const char *sess_guc_default_read_only(struct session *s)
{
	pthread_once(&by_name_once, sort_names);
	return default_ro_index < GUC_COUNT ? builtin_value(s, default_ro_index)
					    : sess_guc_get(s, "default_transaction_read_only");
}

const char *sess_guc_default_isolation(struct session *s)
{
	pthread_once(&by_name_once, sort_names);
	return default_iso_index < GUC_COUNT ? builtin_value(s, default_iso_index)
					     : sess_guc_get(s, "default_transaction_isolation");
}

void sess_guc_reset_all(struct session *s)
{
	if (s->txn != SESS_TXN_IDLE && s->txn_iso == SESS_ISO_DEFAULT)
		s->txn_iso = (uint8_t)sess_rc_iso(s); /* keeps the level it began with */
	for (struct sess_guc *g = s->gucs; g; g = g->next)
		if (!g->def->read_only)
			assign(s, g, NULL);
	for (struct sess_guc *g = s->custom; g; g = g->next)
		assign(s, g, NULL);
}

void sess_guc_report_all(struct session *s)
{
	for (size_t i = 0; i < GUC_COUNT; i++)
		if (guc_defs[i].reported)
			pgw_be_parameter_status(&s->out, guc_defs[i].name, builtin_value(s, i));
}

static void show_row(struct session *s, size_t ncols, const char *const *vals)
{
	size_t mark = pgw_be_datarow_begin(&s->out, (uint16_t)ncols);
	for (size_t i = 0; i < ncols; i++)
		pgw_be_datarow_value(&s->out, vals[i], strlen(vals[i]));
	pgw_be_datarow_end(&s->out, mark);
}

static void show_header(struct session *s, size_t ncols, const char *const *names)
{
	struct pgw_field f[3];
	for (size_t i = 0; i < ncols; i++)
		f[i] = (struct pgw_field){names[i], 0, 0, PGTYPE_TEXT, -1, -1, 0};
	pgw_be_row_description(&s->out, ncols, f);
}

bool sess_guc_describe(struct session *s, const char *name, struct pgerr *err)
{
	static const char *const all_cols[] = {"name", "setting", "description"};
	if (!name) {
		show_header(s, 3, all_cols);
		return true;
	}
	const struct sess_guc_def *d = find_def(s, name);
	if (!d)
		return pgerr_set(err, SQLSTATE_UNDEFINED_PARAMETER_NAME,
				 "unrecognized configuration parameter \"%s\"", name);
	const char *col[] = {d->name};
	show_header(s, 1, col);
	return true;
}

/* Rows of SHOW; the RowDescription was written by the caller (simple query) or Describe. */
static bool show_rows(struct session *s, const char *name)
{
	if (!name) {
		for (size_t i = 0; i < GUC_COUNT; i++) {
			const char *row[] = {guc_defs[i].name, builtin_value(s, i),
					     guc_defs[i].description};
			show_row(s, 3, row);
		}
	} else {
		const char *row[] = {sess_guc_get(s, name)};
		show_row(s, 1, row);
	}
	pgw_be_command_complete(&s->out, "SHOW");
	return true;
}

bool sess_guc_show(struct session *s, const char *name, bool with_header, struct pgerr *err)
{
	if (name && strcasecmp(name, "data_directory") == 0) /* the server's files: not shown */
		return pgerr_set(err, SQLSTATE_INSUFFICIENT_PRIVILEGE,
				 "must be superuser or have privileges of pg_read_all_settings to "
				 "examine \"data_directory\"");
	if (name && !find_def(s, name))
		return pgerr_set(err, SQLSTATE_UNDEFINED_PARAMETER_NAME,
				 "unrecognized configuration parameter \"%s\"", name);
	if (with_header && !sess_guc_describe(s, name, err))
		return false;
	return show_rows(s, name);
}

int64_t sess_guc_ms(struct session *s, const char *name)
{
	/* the callers' spellings, checked before the case-insensitive search of the table */
	static const char *const timeouts[] = {"statement_timeout", "lock_timeout",
					       "idle_in_transaction_session_timeout"};
	for (int k = 0; k < 3; k++)
		if (strcmp(name, timeouts[k]) == 0)
			return s->timeout_ms[k];
	size_t i = builtin_index(name);
	int slot = i < GUC_COUNT ? timeout_slot(&guc_defs[i]) : -1;
	return slot >= 0 ? s->timeout_ms[slot] : parse_ms(sess_guc_get(s, name));
}

int64_t sess_guc_idle_in_transaction_ms(const struct session *s) { return s->timeout_ms[2]; }

bool sess_guc_at(struct session *s, size_t i, const char **name, const char **description,
		 bool *read_only)
{
	const struct sess_guc_def *d = i < GUC_COUNT ? &guc_defs[i] : NULL;
	for (const struct sess_guc *c = s->custom; !d && c; c = c->next, i--) {
		if (i == GUC_COUNT)
			d = c->def;
	}
	if (!d)
		return false;
	*name = d->name;
	*description = d->description;
	*read_only = d->read_only;
	return true;
}
