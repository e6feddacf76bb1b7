/* SPDX-License-Identifier: Apache-2.0 */
/* config_test_file.c: the ini reader on files with comments, quotes, sections, blank and
 * CRLF lines, overrides after the file, and bad lines (errors carry file and line). */
#include "config_test.h"

#include <stdio.h>
#include <unistd.h>

static char path[64];

/* Writes text (exactly len bytes) to a fresh temporary file named in path. */
static void write_file(const char *text, size_t len)
{
	snprintf(path, sizeof(path), "/tmp/shardlite-config-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, len), (ssize_t)len);
	close(fd);
}

static void teardown(void)
{
	if (path[0])
		unlink(path);
	path[0] = '\0';
}

/* Loads text into a fresh builder; returns the snapshot, or NULL with err filled. */
static struct config *load(const char *text, char *err, size_t errlen)
{
	write_file(text, strlen(text));
	struct config_builder *b = config_builder_new();
	struct config *c = NULL;
	if (config_builder_load_file(b, path, err, errlen))
		c = config_builder_build(b);
	config_builder_free(b);
	return c;
}

START_TEST(full_file)
{
	char err[512] = "";
	struct config *c = load("\xef\xbb\xbf# shardlite configuration\n"
				"; another comment style\n"
				"\n"
				"   port = 6432   # trailing comment\n"
				"data_dir='/var/lib/shard lite'  ; quoted keeps blanks\n"
				"listen_addresses = \"127.0.0.1, ::1\"\n"
				"unix_socket_dir =\n"
				"timezone = 'Europe/Paris#1'\n"
				"log_level=debug\r\n"
				"\t\n"
				"[shardlite]\n"
				"auto_create = off\n"
				"max_message_size = 1 MB\n"
				"startup_timeout = 250ms\n"
				"[auth]\n"
				"remote = md5\n"
				"password_without_tls = on\n",
				err, sizeof(err));
	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_int_eq(c->port, 6432);
	ck_assert_str_eq(c->data_dir, "/var/lib/shard lite");
	ck_assert_str_eq(c->listen_addresses, "127.0.0.1, ::1");
	ck_assert_str_eq(c->unix_socket_dir, "");
	ck_assert_str_eq(c->timezone, "Europe/Paris#1");
	ck_assert_str_eq(c->log_level, "debug");
	ck_assert(!c->auto_create);
	ck_assert_int_eq(c->max_message_size, 1 << 20);
	ck_assert_int_eq(c->startup_timeout_ms, 250);
	ck_assert_str_eq(c->auth_remote, "md5");
	ck_assert(c->auth_password_without_tls);
	ck_assert_str_eq(c->auth_unix, "trust");
	config_free(c);
}
END_TEST

START_TEST(quotes_and_escapes)
{
	char err[512] = "";
	struct config *c = load("data_dir = 'it''s'\n"
				"timezone = \"a\\\"b\\\\c\"\n"
				"listen_addresses = a;b#c  ;comment\n",
				err, sizeof(err));
	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_str_eq(c->data_dir, "it's");
	ck_assert_str_eq(c->timezone, "a\"b\\c");
	ck_assert_str_eq(c->listen_addresses, "a;b#c");
	config_free(c);
}
END_TEST

START_TEST(empty_file_and_later_wins)
{
	char err[512] = "";
	struct config *c = load("", err, sizeof(err));
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->port, 5432);
	config_free(c);
	c = load("port = 1\nport = 2\n", err, sizeof(err));
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->port, 2);
	config_free(c);
}
END_TEST

/* Overrides (--set) come after the file and win. */
START_TEST(overrides_after_file)
{
	char err[512];
	const char *text = "port = 6000\nlog_level = warning\n";
	write_file(text, strlen(text));
	struct config_builder *b = config_builder_new();
	ck_assert_msg(config_builder_load_file(b, path, err, sizeof(err)), "%s", err);
	ck_assert(config_builder_set(b, "port", "7000", err, sizeof(err)));
	struct config *c = config_builder_build(b);
	config_builder_free(b);
	ck_assert_int_eq(c->port, 7000);
	ck_assert_str_eq(c->log_level, "warning");
	config_free(c);
}
END_TEST

struct bad_case {
	const char *text;
	const char *error; /* after "<path>:" */
};

static const struct bad_case bad_cases[] = {
	{"port = abc\n",
	 "1: invalid value for \"port\": \"abc\" (expected an integer between 1 and 65535)"},
	{"# ok\n\nport = 70000\n",
	 "3: invalid value for \"port\": \"70000\" (expected an integer between 1 and 65535)"},
	{"port 5432\n", "1: syntax error (expected \"key = value\")"},
	{"= 5\n", "1: syntax error (expected \"key = value\")"},
	{"po rt = 5\n", "1: syntax error (expected \"key = value\")"},
	{"port = 1\nbogus = 1\n", "2: unknown configuration key \"bogus\""},
	{"[server]\nport = 1\n", "2: unknown configuration key \"server.port\""},
	{"[auth]\nremote = ident\n", "2: invalid value for \"auth.remote\": \"ident\" (expected one "
				      "of trust, password, md5, scram-sha-256, reject)"},
	{"ssl = maybe\n", "1: invalid value for \"ssl\": \"maybe\" (expected one of off, on, "
			  "require)"},
	{"[server\n", "1: invalid section header (expected \"[name]\")"},
	{"[]\n", "1: invalid section header (expected \"[name]\")"},
	{"[a] junk\n", "1: invalid section header (expected \"[name]\")"},
	{"data_dir = 'open\n", "1: unterminated quoted value"},
	{"data_dir = 'a' b\n", "1: unexpected text after quoted value"},
	{"auto_create = perhaps # no\n",
	 "1: invalid value for \"auto_create\": \"perhaps\" (expected on/off, true/false, yes/no or 1/0)"},
	{"log_level = 'loud'\n",
	 "1: invalid value for \"log_level\": \"loud\" (expected one of debug, info, warning, error)"},
};

START_TEST(bad_lines)
{
	const struct bad_case *c = &bad_cases[_i];
	char err[512] = "";
	struct config *cfg = load(c->text, err, sizeof(err));
	ck_assert_msg(cfg == NULL, "accepted: %s", c->text);
	size_t plen = strlen(path);
	ck_assert_msg(strncmp(err, path, plen) == 0 && err[plen] == ':', "%s", err);
	ck_assert_str_eq(err + plen + 1, c->error);
}
END_TEST

START_TEST(nul_byte_and_missing_file)
{
	char err[512] = "";
	write_file("port = 1\nport\0 = 2\n", 20);
	struct config_builder *b = config_builder_new();
	ck_assert(!config_builder_load_file(b, path, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, ":2: line contains a NUL byte"));
	ck_assert(!config_builder_load_file(b, "/nonexistent/shardlite.conf", err, sizeof(err)));
	ck_assert_str_eq(err, "could not open configuration file \"/nonexistent/shardlite.conf\": "
			      "No such file or directory");
	config_builder_free(b);
}
END_TEST

Suite *config_test_file_suite(void)
{
	Suite *s = suite_create("config_file");
	TCase *tc = tcase_create("file");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, full_file);
	tcase_add_test(tc, quotes_and_escapes);
	tcase_add_test(tc, empty_file_and_later_wins);
	tcase_add_test(tc, overrides_after_file);
	tcase_add_loop_test(tc, bad_lines, 0, ARRAY_LEN(bad_cases));
	tcase_add_test(tc, nul_byte_and_missing_file);
	suite_add_tcase(s, tc);
	return s;
}
