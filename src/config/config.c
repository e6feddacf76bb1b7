/* SPDX-License-Identifier: Apache-2.0 */
/* config.c: the configuration key table — the one place that names each key, its type,
 * default, bounds, reloadability, help and struct config field — plus value parsing and
 * validation, the builder and immutable snapshots. The ini reader is config_file.c. */
#include "config_int.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define KB INT64_C(1024)
#define MB (KB * 1024)
#define GB (MB * 1024)
#define TB (GB * 1024)
#define SEC 1000
#define HOUR (3600 * SEC)

/* String keys may refine "any string" with a check; NULL accepts anything. */
typedef bool value_check_fn(const char *value);
static value_check_fn check_nonempty, check_log_level, check_ssl, check_auth_method,
	check_durability;

/* X(name, field, type, default, min, max, reloadable, check, help) — docs/config.md lists
 * the same keys and is checked against this table by tests/unit/config. */
#define CONFIG_KEYS(X)                                                                          \
	X(data_dir, data_dir, CONFIG_STRING, "./data", 0, 0, false, check_nonempty,             \
	  "Directory holding the tenants' SQLite files (fanned out into subdirectories).")      \
	X(listen_addresses, listen_addresses, CONFIG_STRING, "127.0.0.1", 0, 0, false, NULL,    \
	  "Comma-separated TCP addresses to listen on; \"*\" means all, empty disables TCP.")   \
	X(port, port, CONFIG_INT, "5432", 1, 65535, false, NULL,                                \
	  "TCP port; also names the Unix socket file (.s.PGSQL.<port>).")                       \
	X(unix_socket_dir, unix_socket_dir, CONFIG_STRING, "/tmp", 0, 0, false, NULL,           \
	  "Directory for the Unix-domain socket; empty disables it.")                           \
	X(max_message_size, max_message_size, CONFIG_BYTES, "64MB", KB, GB, false, NULL,        \
	  "Largest frontend message accepted; a bigger one ends the connection (08P01).")       \
	X(startup_timeout, startup_timeout_ms, CONFIG_DURATION_MS, "10s", 1, HOUR, false, NULL, \
	  "Time a new connection has to finish startup and authentication.")                    \
	X(max_connections, max_connections, CONFIG_INT, "10000", 1, 1000000, false, NULL,       \
	  "Most client connections served at once; more are refused with 53300.")               \
	X(auto_create, auto_create, CONFIG_BOOL, "on", 0, 0, false, NULL,                       \
	  "Create a tenant's database file the first time a client names it.")                  \
	X(migrations_dir, migrations_dir, CONFIG_STRING, "", 0, 0, true, NULL,                  \
	  "Directory of NNNN_name.sql migrations run on each tenant when opened; empty = none.") \
	X(log_level, log_level, CONFIG_STRING, "info", 0, 0, true, check_log_level,             \
	  "Lowest level logged: debug, info, warning or error.")                                \
	X(timezone, timezone, CONFIG_STRING, "UTC", 0, 0, true, check_nonempty,                 \
	  "TimeZone reported to clients at startup.")                                           \
	X(max_result_bytes, max_result_bytes, CONFIG_BYTES, "256MB", KB, TB, true, NULL,        \
	  "Cap on the result one statement may buffer; beyond it the statement fails (54000).") \
	X(max_tenant_connections, max_tenant_connections, CONFIG_INT, "0", 0, 1000000, true, NULL, \
	  "Most connections to one tenant at once (0 = no limit); more are refused (53300).")   \
	X(ssl, ssl, CONFIG_STRING, "off", 0, 0, false, check_ssl,                               \
	  "TLS for TCP clients: off, on (offered), require (plaintext TCP refused).")           \
	X(ssl_cert_file, ssl_cert_file, CONFIG_STRING, "", 0, 0, true, NULL,                    \
	  "PEM file with the server certificate (and its chain); reloaded on SIGHUP.")          \
	X(ssl_key_file, ssl_key_file, CONFIG_STRING, "", 0, 0, true, NULL,                     \
	  "PEM file with the server's private key; reloaded on SIGHUP.")                        \
	X(ssl_ca_file, ssl_ca_file, CONFIG_STRING, "", 0, 0, true, NULL,                        \
	  "CAs that sign client certificates a client may present; empty asks for none.")      \
	X(sni_base_domain, sni_base_domain, CONFIG_STRING, "", 0, 0, false, NULL,               \
	  "With TLS, a server name TENANT.<this domain> chooses the tenant; empty disables.")   \
	X(no_tenant_databases, no_tenant_databases, CONFIG_STRING, "postgres", 0, 0, true, NULL, \
	  "Database names that choose no default tenant (comma-separated); empty = none.")      \
	X(users_file, users_file, CONFIG_STRING, "", 0, 0, true, NULL,                          \
	  "Users, their password secrets and tenants; empty = no users; reloaded on SIGHUP.")   \
	X(shutdown_timeout, shutdown_timeout_ms, CONFIG_DURATION_MS, "10s", 0, HOUR, false, NULL, \
	  "On SIGTERM, how long running statements may finish before they are interrupted.")   \
	X(worker_threads, worker_threads, CONFIG_INT, "0", 0, 256, false, NULL,                 \
	  "Threads that run statements off the event loop; 0 = number of CPUs, at least 4.")    \
	X(loop_threads, loop_threads, CONFIG_INT, "0", 0, 64, false, NULL,                      \
	  "Event-loop threads connections are spread over; 0 = number of CPUs.")               \
	X(inline_budget, inline_budget, CONFIG_INT, "10000", 0, 100000000, true, NULL,          \
	  "VM steps a read-only statement may take on the event loop before it moves to a worker.") \
	X(inline_writes, inline_writes, CONFIG_BOOL, "on", 0, 0, true, NULL,                    \
	  "Run cheap prepared writes and their commits on the event loop (fsyncs on workers).") \
	X(max_open_tenants, max_open_tenants, CONFIG_INT, "1000", 0, 10000000, false, NULL,     \
	  "Tenants whose idle connections stay open for reuse (least recently used closed).")   \
	X(durability, durability, CONFIG_STRING, "group", 0, 0, false, check_durability,       \
	  "When COMMIT is answered: full, group (both after an fsync), off (before one).")      \
	X(sync_threads, sync_threads, CONFIG_INT, "16", 1, 256, false, NULL,                    \
	  "Under durability = group, threads flushing tenants' write-ahead logs side by side.") \
	X(statement_timeout, statement_timeout_ms, CONFIG_DURATION_MS, "0", 0, INT32_MAX, true, \
	  NULL, "Default statement_timeout of new sessions; 0 = none (57014 when exceeded).")   \
	X(lock_timeout, lock_timeout_ms, CONFIG_DURATION_MS, "0", 0, INT32_MAX, true, NULL,     \
	  "Default lock_timeout of new sessions; 0 = wait forever (55P03 when exceeded).")      \
	X(idle_in_transaction_session_timeout, idle_in_transaction_timeout_ms,                  \
	  CONFIG_DURATION_MS, "0", 0, INT32_MAX, true, NULL,                                    \
	  "Default idle_in_transaction_session_timeout; 0 = none (FATAL 25P03 when exceeded).")

/* The [auth] section: the hba-style rules. Same columns as CONFIG_KEYS, but the name is a
 * string because it holds the section's dot. */
#define CONFIG_SECTION_KEYS(X)                                                                  \
	X("auth.unix", auth_unix, CONFIG_STRING, "trust", 0, 0, true, check_auth_method,        \
	  "Method for Unix-socket clients: trust, password, md5, scram-sha-256 or reject.")    \
	X("auth.loopback", auth_loopback, CONFIG_STRING, "trust", 0, 0, true, check_auth_method, \
	  "Method for clients on 127.0.0.0/8 and ::1.")                                        \
	X("auth.remote", auth_remote, CONFIG_STRING, "scram-sha-256", 0, 0, true,              \
	  check_auth_method, "Method for clients on every other address.")                     \
	X("auth.password_without_tls", auth_password_without_tls, CONFIG_BOOL, "off", 0, 0, true, \
	  NULL, "Allow the password method (cleartext) on TCP connections without TLS.")

#define KEY_ROW(name, field, type, def, min, max, reload, check, help) \
	{#name, type, def, min, max, reload, help},
#define SECTION_KEY_ROW(name, field, type, def, min, max, reload, check, help) \
	{name, type, def, min, max, reload, help},
static const struct config_key keys[] = {CONFIG_KEYS(KEY_ROW) CONFIG_SECTION_KEYS(SECTION_KEY_ROW)};

struct field {
	size_t offset;
	value_check_fn *check;
};
#define FIELD_ROW(name, field, type, def, min, max, reload, check, help) \
	{offsetof(struct config, field), check},
static const struct field fields[] = {CONFIG_KEYS(FIELD_ROW) CONFIG_SECTION_KEYS(FIELD_ROW)};

/* Each field's C type must be the one its config_type stores. */
#define SIZE_CONFIG_STRING sizeof(char *)
#define SIZE_CONFIG_INT sizeof(int)
#define SIZE_CONFIG_BOOL sizeof(bool)
#define SIZE_CONFIG_BYTES sizeof(int64_t)
#define SIZE_CONFIG_DURATION_MS sizeof(int)
static size_t size_of_type(enum config_type t)
{
	switch (t) {
	case CONFIG_STRING:
		return SIZE_CONFIG_STRING;
	case CONFIG_INT:
		return SIZE_CONFIG_INT;
	case CONFIG_BOOL:
		return SIZE_CONFIG_BOOL;
	case CONFIG_BYTES:
		return SIZE_CONFIG_BYTES;
	default:
		return SIZE_CONFIG_DURATION_MS;
	}
}
#define FIELD_SIZE_CHECK(name, field, type, def, min, max, reload, check, help) \
	_Static_assert(sizeof(((struct config *)0)->field) == SIZE_##type,      \
		       #field " has the wrong type");
CONFIG_KEYS(FIELD_SIZE_CHECK)
CONFIG_SECTION_KEYS(FIELD_SIZE_CHECK)

const struct config_key *config_keys(size_t *n)
{
	*n = ARRAY_LEN(keys);
	return keys;
}

static bool check_nonempty(const char *value) { return value[0] != '\0'; }

static bool check_log_level(const char *value)
{
	enum base_log_level level;
	return base_log_level_parse(value, &level);
}

static bool one_of(const char *value, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(value, words[i]) == 0)
			return true;
	return false;
}

static const char *const ssl_words[] = {"off", "on", "require"};
static bool check_ssl(const char *value) { return one_of(value, ssl_words, ARRAY_LEN(ssl_words)); }

static const char *const durability_words[] = {"full", "group", "off"};
static bool check_durability(const char *value)
{
	return one_of(value, durability_words, ARRAY_LEN(durability_words));
}

/* The method names of include/auth.h (config lies below auth, so it keeps its own list). */
static const char *const method_words[] = {"trust", "password", "md5", "scram-sha-256", "reject"};
static bool check_auth_method(const char *value)
{
	return one_of(value, method_words, ARRAY_LEN(method_words));
}

/* ---- value parsing ---- */

/* A non-negative decimal integer, then optional blanks and a unit word (left in *unit). */
static bool split_number(const char *s, int64_t *num, const char **unit)
{
	while (isspace((unsigned char)*s))
		s++;
	if (!isdigit((unsigned char)*s))
		return false;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno == ERANGE)
		return false;
	while (isspace((unsigned char)*end))
		end++;
	*num = v;
	*unit = end;
	return true;
}

struct unit {
	const char *name;
	int64_t factor;
};

/* Multiplies num by the factor of the unit named at u (case-insensitive, trailing blanks
 * allowed); "" means the first (bare) unit. */
static bool apply_unit(int64_t num, const char *u, const struct unit *units, size_t n, int64_t *out)
{
	size_t len = strlen(u);
	while (len > 0 && isspace((unsigned char)u[len - 1]))
		len--;
	for (size_t i = 0; i < n; i++) {
		if (strlen(units[i].name) != len || strncasecmp(u, units[i].name, len) != 0)
			continue;
		if (num > INT64_MAX / units[i].factor)
			return false;
		*out = num * units[i].factor;
		return true;
	}
	return false;
}

bool config_parse_bytes(const char *s, int64_t *out)
{
	static const struct unit units[] = {{"", 1},    {"B", 1},   {"kB", KB},
					    {"MB", MB}, {"GB", GB}, {"TB", TB}};
	int64_t num;
	const char *unit;
	return split_number(s, &num, &unit) && apply_unit(num, unit, units, ARRAY_LEN(units), out);
}

bool config_parse_duration_ms(const char *s, int64_t *out)
{
	static const struct unit units[] = {{"", 1},     {"ms", 1},
					    {"s", SEC},  {"min", 60 * SEC},
					    {"h", HOUR}, {"d", 24 * INT64_C(3600000)}};
	int64_t num;
	const char *unit;
	return split_number(s, &num, &unit) && apply_unit(num, unit, units, ARRAY_LEN(units), out);
}

bool config_parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = {"on", "true", "yes", "1"};
	static const char *const no[] = {"off", "false", "no", "0"};
	for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

/* Strict optional-sign decimal integer with blanks around. */
static bool parse_int(const char *s, int64_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (end == s || errno == ERANGE)
		return false;
	while (isspace((unsigned char)*end))
		end++;
	*out = v;
	return *end == '\0';
}

/* ---- messages ---- */

/* 1073741824 → "1GB": the largest unit that divides the value exactly. */
static void format_bytes(char *buf, size_t len, int64_t v)
{
	static const struct unit units[] = {{"TB", TB}, {"GB", GB}, {"MB", MB}, {"kB", KB}};
	for (size_t i = 0; i < ARRAY_LEN(units); i++) {
		if (v != 0 && v % units[i].factor == 0) {
			snprintf(buf, len, "%lld%s", (long long)(v / units[i].factor),
				 units[i].name);
			return;
		}
	}
	snprintf(buf, len, "%lldB", (long long)v);
}

static void format_ms(char *buf, size_t len, int64_t v)
{
	static const struct unit units[] = {
		{"d", 24 * INT64_C(3600000)}, {"h", HOUR}, {"min", 60 * SEC}, {"s", SEC}};
	for (size_t i = 0; i < ARRAY_LEN(units); i++) {
		if (v != 0 && v % units[i].factor == 0) {
			snprintf(buf, len, "%lld%s", (long long)(v / units[i].factor),
				 units[i].name);
			return;
		}
	}
	snprintf(buf, len, "%lldms", (long long)v);
}

static const char *string_expectation(value_check_fn *check)
{
	if (check == check_log_level)
		return "one of debug, info, warning, error";
	if (check == check_ssl)
		return "one of off, on, require";
	if (check == check_auth_method)
		return "one of trust, password, md5, scram-sha-256, reject";
	return "a non-empty value";
}

/* What a valid value of key i looks like, for "invalid value" messages. */
static void describe_expected(size_t i, char *buf, size_t len)
{
	const struct config_key *k = &keys[i];
	char lo[32], hi[32];
	switch (k->type) {
	case CONFIG_INT:
		snprintf(buf, len, "an integer between %lld and %lld", (long long)k->min,
			 (long long)k->max);
		break;
	case CONFIG_BYTES:
		format_bytes(lo, sizeof(lo), k->min);
		format_bytes(hi, sizeof(hi), k->max);
		snprintf(buf, len, "a size between %s and %s such as %s; units B, kB, MB, GB, TB",
			 lo, hi, k->default_value);
		break;
	case CONFIG_DURATION_MS:
		format_ms(lo, sizeof(lo), k->min);
		format_ms(hi, sizeof(hi), k->max);
		snprintf(buf, len,
			 "a duration between %s and %s such as %s; units ms, s, min, h, d", lo, hi,
			 k->default_value);
		break;
	case CONFIG_BOOL:
		snprintf(buf, len, "on/off, true/false, yes/no or 1/0");
		break;
	case CONFIG_STRING:
		snprintf(buf, len, "%s", string_expectation(fields[i].check));
		break;
	}
}

/* ---- builder ---- */

static void *field_at(struct config *c, size_t i) { return (char *)c + fields[i].offset; }

/* Key names are matched case-insensitively, as PostgreSQL matches GUC names. */
static bool find_key(const char *name, size_t *index)
{
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		if (strcasecmp(keys[i].name, name) == 0) {
			*index = i;
			return true;
		}
	}
	return false;
}

/* Parses value for key i and stores it in c; false when it is not valid. */
static bool store(struct config *c, size_t i, const char *value)
{
	const struct config_key *k = &keys[i];
	void *field = field_at(c, i);
	int64_t n = 0;
	bool ok = false;
	switch (k->type) {
	case CONFIG_STRING:
		if (fields[i].check && !fields[i].check(value))
			return false;
		free(*(char **)field);
		*(char **)field = base_xstrdup(value);
		return true;
	case CONFIG_BOOL:
		return config_parse_bool(value, (bool *)field);
	case CONFIG_INT:
		ok = parse_int(value, &n);
		break;
	case CONFIG_BYTES:
		ok = config_parse_bytes(value, &n);
		break;
	case CONFIG_DURATION_MS:
		ok = config_parse_duration_ms(value, &n);
		break;
	}
	if (!ok || n < k->min || n > k->max)
		return false;
	if (k->type == CONFIG_BYTES)
		*(int64_t *)field = n;
	else
		*(int *)field = (int)n; /* bounds keep INT and DURATION_MS within int */
	return true;
}

bool config_builder_set(struct config_builder *b, const char *key, const char *value, char *errbuf,
			size_t errlen)
{
	size_t i;
	if (!find_key(key, &i)) {
		snprintf(errbuf, errlen, "unknown configuration key \"%s\"", key);
		return false;
	}
	if (store(&b->cfg, i, value))
		return true;
	char expected[160];
	describe_expected(i, expected, sizeof(expected));
	snprintf(errbuf, errlen, "invalid value for \"%s\": \"%s\" (expected %s)", keys[i].name,
		 value, expected);
	return false;
}

struct config_builder *config_builder_new(void)
{
	struct config_builder *b = base_xcalloc(1, sizeof(*b));
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		bool ok = store(&b->cfg, i, keys[i].default_value);
		ASSERT(ok); /* a default that fails its own key's checks is a bug in the table */
		(void)ok;
	}
	return b;
}

static void free_strings(struct config *c)
{
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		if (keys[i].type == CONFIG_STRING) {
			free(*(char **)field_at(c, i));
			*(char **)field_at(c, i) = NULL;
		}
	}
}

void config_builder_free(struct config_builder *b)
{
	if (!b)
		return;
	free_strings(&b->cfg);
	free(b);
}

/* A snapshot is handed out as &snap->cfg; refs counts its holders (config_ref). */
struct config_snap {
	unsigned refs;
	struct config cfg;
};

static struct config_snap *snap_of(const struct config *c)
{
	return (struct config_snap *)((uintptr_t)c - offsetof(struct config_snap, cfg));
}

struct config *config_builder_build(const struct config_builder *b)
{
	struct config_snap *snap = base_xmalloc(sizeof(*snap));
	snap->refs = 1;
	struct config *c = &snap->cfg;
	*c = b->cfg;
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		if (keys[i].type == CONFIG_STRING) {
			char **s = field_at(c, i);
			*s = base_xstrdup(*s);
		}
	}
	return c;
}

const struct config *config_ref(const struct config *c)
{
	__atomic_add_fetch(&snap_of(c)->refs, 1, __ATOMIC_RELAXED);
	return c;
}

void config_unref(const struct config *c)
{
	if (!c)
		return;
	struct config_snap *snap = snap_of(c);
	/* acq_rel: every holder's reads happen before the last one frees the strings. */
	if (__atomic_sub_fetch(&snap->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	free_strings(&snap->cfg);
	free(snap);
}

void config_free(struct config *c) { config_unref(c); }

static bool field_equal(const struct config *a, const struct config *b, size_t i)
{
	const void *fa = (const char *)a + fields[i].offset;
	const void *fb = (const char *)b + fields[i].offset;
	switch (keys[i].type) {
	case CONFIG_STRING:
		return strcmp(*(char *const *)fa, *(char *const *)fb) == 0;
	case CONFIG_BOOL:
		return *(const bool *)fa == *(const bool *)fb;
	case CONFIG_BYTES:
		return *(const int64_t *)fa == *(const int64_t *)fb;
	default:
		return *(const int *)fa == *(const int *)fb;
	}
}

struct config *config_merge_reloadable(const struct config *running, const struct config *fresh,
				       void (*changed_fn)(const char *key, void *ctx), void *ctx)
{
	struct config_builder b = {.cfg = *running};
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		if (keys[i].reloadable)
			memcpy(field_at(&b.cfg, i), (const char *)fresh + fields[i].offset,
			       size_of_type(keys[i].type));
		else if (changed_fn && !field_equal(running, fresh, i))
			changed_fn(keys[i].name, ctx);
	}
	return config_builder_build(&b); /* copies the strings */
}
