/* SPDX-License-Identifier: Apache-2.0 */
/* test_auth.c: method names, secrets (SCRAM and md5 in PostgreSQL's stored forms), the
 * cleartext and md5 checks, tenant patterns and the users file. */
#include "test_auth.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "../../check_run.h"

START_TEST(methods_parse)
{
	enum auth_method m;
	ck_assert(auth_method_parse("scram-sha-256", &m) && m == AUTH_SCRAM);
	ck_assert(auth_method_parse("trust", &m) && m == AUTH_TRUST);
	ck_assert(auth_method_parse("md5", &m) && m == AUTH_MD5);
	ck_assert(!auth_method_parse("ident", &m));
	ck_assert_str_eq(auth_method_name(AUTH_PASSWORD), "password");
}
END_TEST

START_TEST(scram_secret_round_trip)
{
	char *text = auth_scram_secret_new("pencil", 4096);
	ck_assert_ptr_nonnull(text);
	ck_assert(strncmp(text, "SCRAM-SHA-256$4096:", 19) == 0);
	struct auth_secret s;
	ck_assert(auth_secret_parse(text, &s));
	ck_assert_int_eq(s.kind, AUTH_SECRET_SCRAM);
	ck_assert_int_eq(s.iterations, 4096);
	ck_assert_uint_eq(s.salt_len, 16);
	ck_assert(auth_password_check(&s, "alice", "pencil"));
	ck_assert(!auth_password_check(&s, "alice", "pencil "));
	ck_assert(!auth_password_check(&s, "alice", ""));
	free(text);
	/* Secrets PostgreSQL 15 stored for password "pencil" (pg_authid.rolpassword of roles
	 * alice, with scram-sha-256, and bob, with md5). */
	ck_assert(auth_secret_parse("SCRAM-SHA-256$4096:Y92tGncp88C/ycZdHA60xA==$"
				    "2ysasvaozs9wiZ7jsynBK2UgPquCQr1VDswDMD9sC9Q=:"
				    "fleZbJDQt4WGdqH5kJI652hBSWQ1Rz0qCzm4h5ShLCo=",
				    &s));
	ck_assert(auth_password_check(&s, "alice", "pencil"));
	ck_assert(!auth_password_check(&s, "alice", "Pencil"));
	ck_assert(auth_secret_parse("md5e4f70fb0b8f2745aa7a69557c80cbd0c", &s));
	ck_assert(auth_password_check(&s, "bob", "pencil"));
	static const char *const bad[] = {
		"SCRAM-SHA-256$0:AAAA$AAAA:AAAA",
		"SCRAM-SHA-256$4096:$",
		"SCRAM-SHA-256$x",
		"md5abc",
		"md5ee69efad287c7423caf0b3229d71f56Z",
		"plaintext",
		"",
		"SCRAM-SHA-256$4096:Y92tGncp88C/ycZdHA60xA==$AAAA:AAAA",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!auth_secret_parse(bad[i], &s), "%s", bad[i]);
}
END_TEST

START_TEST(md5_secrets_and_challenge)
{
	char md5[36];
	auth_md5_secret("alice", "pencil", md5);
	ck_assert_str_eq(md5, "md5ee69efad287c7423caf0b3229d71f567");
	struct auth_secret s;
	ck_assert(auth_secret_parse(md5, &s));
	ck_assert_int_eq(s.kind, AUTH_SECRET_MD5);
	const uint8_t salt[4] = {1, 2, 3, 4};
	ck_assert(auth_md5_check(&s, salt, "md537cba386e8b90f1e3941a0e792722253"));
	ck_assert(!auth_md5_check(&s, salt, "md537cba386e8b90f1e3941a0e792722254"));
	ck_assert(!auth_md5_check(&s, salt, "md5"));
	ck_assert(auth_password_check(&s, "alice", "pencil"));
	ck_assert(!auth_password_check(&s, "bob", "pencil"));
	/* A SCRAM secret never answers an md5 challenge. */
	char *scram = auth_scram_secret_new("pencil", 16);
	ck_assert(auth_secret_parse(scram, &s));
	ck_assert(!auth_md5_check(&s, salt, "md537cba386e8b90f1e3941a0e792722253"));
	free(scram);
}
END_TEST

START_TEST(mock_secret_is_stable_per_user)
{
	uint8_t key[AUTH_SERVER_SECRET_LEN] = {7};
	struct auth_secret a, b, c;
	auth_mock_secret(key, "ghost", &a);
	auth_mock_secret(key, "ghost", &b);
	auth_mock_secret(key, "spook", &c);
	ck_assert_int_eq(a.iterations, AUTH_SCRAM_ITERATIONS);
	ck_assert_mem_eq(a.salt, b.salt, a.salt_len);
	ck_assert(memcmp(a.salt, c.salt, a.salt_len) != 0);
}
END_TEST

START_TEST(patterns)
{
	ck_assert(auth_pattern_match("acme", "acme"));
	ck_assert(!auth_pattern_match("acme", "acme2"));
	ck_assert(auth_pattern_match("team-*", "team-red"));
	ck_assert(auth_pattern_match("team-*", "team-"));
	ck_assert(!auth_pattern_match("team-*", "teams"));
	ck_assert(auth_pattern_match("*", "anything"));
	ck_assert(auth_pattern_match("*-eu", "shop-eu"));
	ck_assert(auth_pattern_match("a*b*c", "axxbyyc"));
	ck_assert(!auth_pattern_match("a*b*c", "axxbyy"));
}
END_TEST

static char *write_file(const char *text)
{
	static char path[64];
	snprintf(path, sizeof(path), "/tmp/auth-unit-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

START_TEST(users_file)
{
	char err[256];
	char *path =
		write_file("# name  secret  tenants\n"
			   "alice md5ee69efad287c7423caf0b3229d71f567 acme,team-*\n"
			   "\n   root  md5ee69efad287c7423caf0b3229d71f567  *   # all of them\n"
			   "nobody md5ee69efad287c7423caf0b3229d71f567\n");
	struct auth_users *u = auth_users_load(path, err, sizeof(err));
	unlink(path);
	ck_assert_msg(u != NULL, "%s", err);
	ck_assert_uint_eq(auth_users_count(u), 3);
	const struct auth_user *alice = auth_users_find(u, "alice");
	ck_assert(auth_user_may_reach(alice, "acme"));
	ck_assert(auth_user_may_reach(alice, "team-blue"));
	ck_assert(!auth_user_may_reach(alice, "other"));
	ck_assert(auth_user_may_reach(auth_users_find(u, "root"), "other"));
	ck_assert(!auth_user_may_reach(auth_users_find(u, "nobody"), "acme"));
	ck_assert_ptr_null(auth_users_find(u, "mallory"));
	auth_users_unref(u);

	path = write_file("alice md5ee69efad287c7423caf0b3229d71f567 acme\nbob secret acme\n");
	ck_assert_ptr_null(auth_users_load(path, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, ":2: the secret is neither"));
	unlink(path);
	path = write_file("alice md5ee69efad287c7423caf0b3229d71f567 a\n"
			  "alice md5ee69efad287c7423caf0b3229d71f567 b\n");
	ck_assert_ptr_null(auth_users_load(path, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, ":2: user \"alice\" is listed twice"));
	unlink(path);
	ck_assert_ptr_null(auth_users_load("/nonexistent/users", err, sizeof(err)));
}
END_TEST

START_TEST(rules_and_snapshots)
{
	uint8_t key[AUTH_SERVER_SECRET_LEN] = {0};
	struct auth *a = auth_new(key);
	ck_assert_int_eq(auth_method_for(a, AUTH_ORIGIN_UNIX), AUTH_TRUST);
	ck_assert_int_eq(auth_method_for(a, AUTH_ORIGIN_LOOPBACK), AUTH_TRUST);
	ck_assert_int_eq(auth_method_for(a, AUTH_ORIGIN_REMOTE), AUTH_SCRAM);
	struct auth_rules r = {AUTH_MD5, AUTH_PASSWORD, AUTH_REJECT, true};
	auth_set_rules(a, &r);
	ck_assert_int_eq(auth_method_for(a, AUTH_ORIGIN_UNIX), AUTH_MD5);
	ck_assert(auth_password_without_tls(a));
	ck_assert_ptr_null(auth_users_acquire(a));
	char err[256], *path = write_file("alice md5ee69efad287c7423caf0b3229d71f567 acme\n");
	struct auth_users *u = auth_users_load(path, err, sizeof(err));
	unlink(path);
	auth_set_users(a, u);
	struct auth_users *held = auth_users_acquire(a);
	auth_set_users(a, NULL); /* a reload drops the file; the session keeps its snapshot */
	ck_assert_ptr_nonnull(auth_users_find(held, "alice"));
	auth_users_unref(held);
	auth_free(a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("auth");
	TCase *tc = tcase_create("secrets");
	tcase_add_test(tc, methods_parse);
	tcase_add_test(tc, scram_secret_round_trip);
	tcase_add_test(tc, md5_secrets_and_challenge);
	tcase_add_test(tc, mock_secret_is_stable_per_user);
	tcase_add_test(tc, patterns);
	tcase_add_test(tc, users_file);
	tcase_add_test(tc, rules_and_snapshots);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, auth_scram_tcase());
	return check_run(s);
}
