/* SPDX-License-Identifier: Apache-2.0 */
/* config_test_keys.c: the key table's rows, the defaults a fresh builder yields, value
 * parsing (sizes, durations, booleans), validation messages, and snapshot independence. */
#include "config_test.h"

START_TEST(table_rows)
{
	static const struct {
		const char *name;
		enum config_type type;
		const char *def;
		bool reloadable;
	} want[] = {
		{"data_dir", CONFIG_STRING, "./data", false},
		{"listen_addresses", CONFIG_STRING, "127.0.0.1", false},
		{"port", CONFIG_INT, "5432", false},
		{"unix_socket_dir", CONFIG_STRING, "/tmp", false},
		{"max_message_size", CONFIG_BYTES, "64MB", false},
		{"startup_timeout", CONFIG_DURATION_MS, "10s", false},
		{"max_connections", CONFIG_INT, "10000", false},
		{"auto_create", CONFIG_BOOL, "on", false},
		{"migrations_dir", CONFIG_STRING, "", true},
		{"log_level", CONFIG_STRING, "info", true},
		{"timezone", CONFIG_STRING, "UTC", true},
		{"max_result_bytes", CONFIG_BYTES, "256MB", true},
		{"max_tenant_connections", CONFIG_INT, "0", true},
		{"ssl", CONFIG_STRING, "off", false},
		{"ssl_cert_file", CONFIG_STRING, "", true},
		{"ssl_key_file", CONFIG_STRING, "", true},
		{"ssl_ca_file", CONFIG_STRING, "", true},
		{"sni_base_domain", CONFIG_STRING, "", false},
		{"no_tenant_databases", CONFIG_STRING, "postgres", true},
		{"users_file", CONFIG_STRING, "", true},
		{"shutdown_timeout", CONFIG_DURATION_MS, "10s", false},
		{"worker_threads", CONFIG_INT, "0", false},
		{"loop_threads", CONFIG_INT, "0", false},
		{"inline_budget", CONFIG_INT, "10000", true},
		{"inline_writes", CONFIG_BOOL, "on", true},
		{"max_open_tenants", CONFIG_INT, "1000", false},
		{"durability", CONFIG_STRING, "group", false},
		{"sync_threads", CONFIG_INT, "16", false},
		{"statement_timeout", CONFIG_DURATION_MS, "0", true},
		{"lock_timeout", CONFIG_DURATION_MS, "0", true},
		{"idle_in_transaction_session_timeout", CONFIG_DURATION_MS, "0", true},
		{"auth.unix", CONFIG_STRING, "trust", true},
		{"auth.loopback", CONFIG_STRING, "trust", true},
		{"auth.remote", CONFIG_STRING, "scram-sha-256", true},
		{"auth.password_without_tls", CONFIG_BOOL, "off", true},
	};
	size_t n;
	const struct config_key *k = config_keys(&n);
	ck_assert_uint_eq(n, ARRAY_LEN(want));
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(k[i].name, want[i].name);
		ck_assert_int_eq(k[i].type, want[i].type);
		ck_assert_str_eq(k[i].default_value, want[i].def);
		ck_assert_int_eq(k[i].reloadable, want[i].reloadable);
		ck_assert(k[i].help && k[i].help[0]);
	}
}
END_TEST

START_TEST(defaults)
{
	struct config_builder *b = config_builder_new();
	struct config *c = config_builder_build(b);
	config_builder_free(b);
	ck_assert_str_eq(c->data_dir, "./data");
	ck_assert_str_eq(c->listen_addresses, "127.0.0.1");
	ck_assert_int_eq(c->port, 5432);
	ck_assert_str_eq(c->unix_socket_dir, "/tmp");
	ck_assert_int_eq(c->max_message_size, 64 * 1024 * 1024);
	ck_assert_int_eq(c->startup_timeout_ms, 10000);
	ck_assert_int_eq(c->max_connections, 10000);
	ck_assert(c->auto_create);
	ck_assert_str_eq(c->log_level, "info");
	ck_assert_str_eq(c->timezone, "UTC");
	ck_assert_int_eq(c->max_result_bytes, INT64_C(256) * 1024 * 1024);
	ck_assert_int_eq(c->max_tenant_connections, 0);
	ck_assert_str_eq(c->ssl, "off");
	ck_assert_str_eq(c->users_file, "");
	ck_assert_str_eq(c->auth_unix, "trust");
	ck_assert_str_eq(c->auth_loopback, "trust");
	ck_assert_str_eq(c->auth_remote, "scram-sha-256");
	ck_assert(!c->auth_password_without_tls);
	config_free(c);
	config_free(NULL);
	config_builder_free(NULL);
}
END_TEST

START_TEST(parse_bytes)
{
	static const struct {
		const char *s;
		bool ok;
		int64_t v;
	} cases[] = {
		{"512", true, 512},
		{"0", true, 0},
		{"1kB", true, 1024},
		{"1KB", true, 1024},
		{"64MB", true, 64 << 20},
		{"64 MB", true, 64 << 20},
		{" 2GB ", true, INT64_C(2) << 30},
		{"3TB", true, INT64_C(3) << 40},
		{"10B", true, 10},
		{"8388607TB", true, INT64_C(8388607) << 40},
		{"8388608TB", false, 0},
		{"99999999999999999999", false, 0},
		{"-1", false, 0},
		{"1.5MB", false, 0},
		{"MB", false, 0},
		{"", false, 0},
		{"1 PB", false, 0},
		{"1M", false, 0},
		{"1 kB x", false, 0},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int64_t v = -42;
		ck_assert_msg(config_parse_bytes(cases[i].s, &v) == cases[i].ok, "\"%s\"",
			      cases[i].s);
		if (cases[i].ok)
			ck_assert_int_eq(v, cases[i].v);
	}
}
END_TEST

START_TEST(parse_duration)
{
	static const struct {
		const char *s;
		bool ok;
		int64_t v;
	} cases[] = {
		{"250", true, 250},     {"100ms", true, 100},  {"30s", true, 30000},
		{"5min", true, 300000}, {"1h", true, 3600000}, {"2d", true, 172800000},
		{"10 s", true, 10000},  {"1S", true, 1000},    {"1.5s", false, 0},
		{"-1s", false, 0},      {"1m", false, 0},      {"1us", false, 0},
		{"s", false, 0},        {"", false, 0},        {"9999999999999999999d", false, 0},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int64_t v = -42;
		ck_assert_msg(config_parse_duration_ms(cases[i].s, &v) == cases[i].ok, "\"%s\"",
			      cases[i].s);
		if (cases[i].ok)
			ck_assert_int_eq(v, cases[i].v);
	}
}
END_TEST

START_TEST(parse_bool)
{
	static const char *const yes[] = {"on", "ON", "true", "True", "yes", "1"};
	static const char *const no[] = {"off", "Off", "false", "FALSE", "no", "0"};
	static const char *const bad[] = {"", "2", "y", "t", "enable", "on "};
	bool b;
	for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
		b = false;
		ck_assert_msg(config_parse_bool(yes[i], &b) && b, "%s", yes[i]);
	}
	for (size_t i = 0; i < ARRAY_LEN(no); i++) {
		b = true;
		ck_assert_msg(config_parse_bool(no[i], &b) && !b, "%s", no[i]);
	}
	for (size_t i = 0; i < ARRAY_LEN(bad); i++)
		ck_assert_msg(!config_parse_bool(bad[i], &b), "%s", bad[i]);
}
END_TEST

struct set_case {
	const char *key, *value;
	const char *error; /* NULL: accepted */
};

static const struct set_case set_cases[] = {
	{"port", "6432", NULL},
	{"port", " 6432 ", NULL},
	{"PORT", "1", NULL},
	{"port", "65535", NULL},
	{"port", "abc",
	 "invalid value for \"port\": \"abc\" (expected an integer between 1 and 65535)"},
	{"port", "0",
	 "invalid value for \"port\": \"0\" (expected an integer between 1 and 65535)"},
	{"port", "65536",
	 "invalid value for \"port\": \"65536\" (expected an integer between 1 and 65535)"},
	{"port", "", "invalid value for \"port\": \"\" (expected an integer between 1 and 65535)"},
	{"port", "12x",
	 "invalid value for \"port\": \"12x\" (expected an integer between 1 and 65535)"},
	{"port", "99999999999999999999",
	 "invalid value for \"port\": \"99999999999999999999\" (expected an integer between 1 and 65535)"},
	{"max_connections", "-5",
	 "invalid value for \"max_connections\": \"-5\" (expected an integer between 1 and 1000000)"},
	{"max_message_size", "1kB", NULL},
	{"max_message_size", "1GB", NULL},
	{"max_message_size", "1023",
	 "invalid value for \"max_message_size\": \"1023\" (expected a size between 1kB and 1GB such as 64MB; units B, kB, MB, GB, TB)"},
	{"max_message_size", "2GB",
	 "invalid value for \"max_message_size\": \"2GB\" (expected a size between 1kB and 1GB such as 64MB; units B, kB, MB, GB, TB)"},
	{"max_result_bytes", "lots",
	 "invalid value for \"max_result_bytes\": \"lots\" (expected a size between 1kB and 1TB such as 256MB; units B, kB, MB, GB, TB)"},
	{"startup_timeout", "500ms", NULL},
	{"startup_timeout", "1h", NULL},
	{"startup_timeout", "0",
	 "invalid value for \"startup_timeout\": \"0\" (expected a duration between 1ms and 1h such as 10s; units ms, s, min, h, d)"},
	{"startup_timeout", "2h",
	 "invalid value for \"startup_timeout\": \"2h\" (expected a duration between 1ms and 1h such as 10s; units ms, s, min, h, d)"},
	{"auto_create", "off", NULL},
	{"auto_create", "maybe",
	 "invalid value for \"auto_create\": \"maybe\" (expected on/off, true/false, yes/no or 1/0)"},
	{"log_level", "debug", NULL},
	{"log_level", "warning", NULL},
	{"log_level", "verbose",
	 "invalid value for \"log_level\": \"verbose\" (expected one of debug, info, warning, error)"},
	{"data_dir", "/srv/data", NULL},
	{"data_dir", "", "invalid value for \"data_dir\": \"\" (expected a non-empty value)"},
	{"timezone", "", "invalid value for \"timezone\": \"\" (expected a non-empty value)"},
	{"unix_socket_dir", "", NULL},
	{"listen_addresses", "", NULL},
	{"listen_addresses", "*", NULL},
	{"no_such_key", "1", "unknown configuration key \"no_such_key\""},
	{"server.port", "1", "unknown configuration key \"server.port\""},
	{"", "1", "unknown configuration key \"\""},
};

START_TEST(set_validates)
{
	const struct set_case *c = &set_cases[_i];
	struct config_builder *b = config_builder_new();
	char err[256] = "";
	bool ok = config_builder_set(b, c->key, c->value, err, sizeof(err));
	if (c->error) {
		ck_assert_msg(!ok, "%s=%s accepted", c->key, c->value);
		ck_assert_str_eq(err, c->error);
	} else {
		ck_assert_msg(ok, "%s=%s: %s", c->key, c->value, err);
	}
	config_builder_free(b);
}
END_TEST

/* A failed set leaves the old value; later sets win; snapshots do not share memory with the
 * builder or with each other. */
START_TEST(snapshots)
{
	struct config_builder *b = config_builder_new();
	char err[256];
	ck_assert(config_builder_set(b, "port", "7000", err, sizeof(err)));
	ck_assert(!config_builder_set(b, "port", "x", err, sizeof(err)));
	ck_assert(config_builder_set(b, "data_dir", "/a", err, sizeof(err)));
	ck_assert(config_builder_set(b, "auto_create", "no", err, sizeof(err)));
	ck_assert(config_builder_set(b, "max_result_bytes", "1TB", err, sizeof(err)));
	struct config *one = config_builder_build(b);
	ck_assert(config_builder_set(b, "data_dir", "/b", err, sizeof(err)));
	ck_assert(config_builder_set(b, "log_level", "error", err, sizeof(err)));
	struct config *two = config_builder_build(b);
	config_builder_free(b);
	ck_assert_int_eq(one->port, 7000);
	ck_assert_str_eq(one->data_dir, "/a");
	ck_assert(!one->auto_create);
	ck_assert_int_eq(one->max_result_bytes, INT64_C(1) << 40);
	ck_assert_str_eq(one->log_level, "info");
	ck_assert_str_eq(two->data_dir, "/b");
	ck_assert_str_eq(two->log_level, "error");
	ck_assert_ptr_ne(one->timezone, two->timezone);
	config_free(one);
	config_free(two);
}
END_TEST

/* A short error buffer truncates, never overflows. */
START_TEST(small_errbuf)
{
	struct config_builder *b = config_builder_new();
	char err[8];
	memset(err, 'x', sizeof(err));
	ck_assert(!config_builder_set(b, "port", "abc", err, sizeof(err)));
	ck_assert_str_eq(err, "invalid");
	config_builder_free(b);
}
END_TEST

static void note_key(const char *key, void *ctx)
{
	char *seen = ctx;
	strcat(seen, key);
	strcat(seen, " ");
}

START_TEST(reload_merge)
{
	char err[256], seen[256] = "";
	struct config_builder *b = config_builder_new();
	struct config *running = config_builder_build(b);
	ck_assert(config_builder_set(b, "port", "7000", err, sizeof(err)));
	ck_assert(config_builder_set(b, "ssl", "require", err, sizeof(err)));
	ck_assert(config_builder_set(b, "auth.remote", "md5", err, sizeof(err)));
	ck_assert(config_builder_set(b, "users_file", "/etc/users", err, sizeof(err)));
	ck_assert(config_builder_set(b, "max_tenant_connections", "5", err, sizeof(err)));
	struct config *fresh = config_builder_build(b);
	config_builder_free(b);
	struct config *merged = config_merge_reloadable(running, fresh, note_key, seen);
	config_free(fresh);
	ck_assert_int_eq(merged->port, 5432);     /* not reloadable: the running value */
	ck_assert_str_eq(merged->ssl, "off");
	ck_assert_str_eq(merged->auth_remote, "md5"); /* reloadable: the new value */
	ck_assert_str_eq(merged->users_file, "/etc/users");
	ck_assert_int_eq(merged->max_tenant_connections, 5);
	ck_assert_str_eq(seen, "port ssl ");
	config_free(running);
	ck_assert_str_eq(merged->data_dir, "./data"); /* strings are the merged snapshot's own */
	config_free(merged);
}
END_TEST

Suite *config_test_keys_suite(void)
{
	Suite *s = suite_create("config_keys");
	TCase *tc = tcase_create("keys");
	tcase_add_test(tc, table_rows);
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, parse_bytes);
	tcase_add_test(tc, parse_duration);
	tcase_add_test(tc, parse_bool);
	tcase_add_loop_test(tc, set_validates, 0, ARRAY_LEN(set_cases));
	tcase_add_test(tc, snapshots);
	tcase_add_test(tc, small_errbuf);
	tcase_add_test(tc, reload_merge);
	suite_add_tcase(s, tc);
	return s;
}
