/* SPDX-License-Identifier: Apache-2.0 */
/* test_security.c: the real binary with libpq and raw bytes on its Unix socket — tenants that
 * cannot reach each other or the host (file-touching SQL, path tricks in tenant names),
 * password methods and the users file (SCRAM, md5, cleartext, unknown users, forbidden
 * tenants, reject), the per-tenant connection limit, and the users file reloaded on SIGHUP.
 * TLS and TCP rules are in test_tls.sh. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;
static char users_path[64];

/* `shardlite passwd [--md5] user` with password on stdin: the secret it prints. */
static void make_secret(const char *flags, const char *user, const char *password, char *out,
			size_t len)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "echo '%s' | '%s' passwd %s %s", password,
		 getenv("SHARDLITE_BIN"), flags, user);
	FILE *p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(fgets(out, (int)len, p));
	out[strcspn(out, "\n")] = '\0';
	ck_assert_int_eq(pclose(p), 0);
}

/* alice: SCRAM, tenants acme and team-*; bob: md5, every tenant; extra: appended as is. */
static void write_users(const char *extra)
{
	char alice[256], bob[64];
	make_secret("", "alice", "pencil", alice, sizeof(alice));
	make_secret("--md5", "bob", "crayon", bob, sizeof(bob));
	FILE *f = fopen(users_path, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "# test users\nalice %s acme,team-*\nbob %s *\n%s", alice, bob, extra);
	fclose(f);
}

static void start_with(const char *unix_method, const char *more)
{
	static char users_arg[128], method_arg[64], more_arg[128];
	snprintf(users_path, sizeof(users_path), "/tmp/shardlite-users-XXXXXX");
	int fd = mkstemp(users_path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	write_users("");
	snprintf(users_arg, sizeof(users_arg), "users_file=%s", users_path);
	snprintf(method_arg, sizeof(method_arg), "auth.unix=%s", unix_method);
	snprintf(more_arg, sizeof(more_arg), "%s", more ? more : "log_level=info");
	const char *args[] = {users_arg, method_arg, more_arg, NULL};
	harness_start(&H, args);
}

static void stop(void)
{
	harness_stop(&H);
	unlink(users_path);
}

/* Connects; returns NULL on success (connection closed) or the error message (static). */
static const char *try_connect(const char *conninfo)
{
	static char msg[512];
	PGconn *c = harness_try_connect(&H, conninfo);
	bool ok = PQstatus(c) == CONNECTION_OK;
	snprintf(msg, sizeof(msg), "%s", PQerrorMessage(c));
	PQfinish(c);
	return ok ? NULL : msg;
}

static void connect_fails(const char *conninfo, const char *wanted)
{
	const char *err = try_connect(conninfo);
	ck_assert_msg(err != NULL, "%s: connected", conninfo);
	ck_assert_msg(strstr(err, wanted) != NULL, "%s: expected \"%s\", got: %s", conninfo, wanted,
		      err);
}

/* ---- isolation ---- */

START_TEST(file_touching_sql_is_refused)
{
	start_with("trust", NULL);
	PGconn *other = harness_connect(&H, "user=bob dbname=other");
	PQclear(harness_exec_ok(other, "CREATE TABLE secret (s text)"));
	PQclear(harness_exec_ok(other, "INSERT INTO secret VALUES ('the other tenant''s row')"));
	PQfinish(other);
	char other_path[512], sql[1024];
	snprintf(other_path, sizeof(other_path), "%s/tenants", H.data_dir);

	PGconn *c = harness_connect(&H, "user=bob dbname=acme");
	static const char *const refused[] = {
		"PRAGMA journal_mode=DELETE",
		"PRAGMA writable_schema=ON",
		"PRAGMA synchronous=OFF",
		"DETACH DATABASE other",
		"SELECT load_extension('/tmp/x')",
		"SELECT readfile('/etc/passwd')",
		"SELECT writefile('/tmp/x', 'y')",
		"SELECT * FROM main.secret",
		"SELECT * FROM secret",
		"SELECT * FROM pragma_database_list()",
		"CREATE VIRTUAL TABLE v USING fts3tokenize(simple)",
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		PGresult *r = PQexec(c, refused[i]);
		ck_assert_msg(PQresultStatus(r) == PGRES_FATAL_ERROR, "%s was not refused",
			      refused[i]);
		PQclear(r);
	}
	snprintf(sql, sizeof(sql), "ATTACH DATABASE '%s/f5/other.db' AS o", other_path);
	PGresult *r = PQexec(c, sql);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	PQclear(r);
	snprintf(sql, sizeof(sql), "VACUUM INTO '%s/copy.db'", H.dir);
	r = PQexec(c, sql);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	PQclear(r);
	snprintf(sql, sizeof(sql), "%s/copy.db", H.dir);
	ck_assert_int_ne(access(sql, F_OK), 0);
	PQclear(harness_exec_ok(c, "VACUUM")); /* the tenant's own file: allowed */
	PQfinish(c);
	/* a schema prefix reaches only tenants the user may reach (alice: acme, team-*) */
	c = harness_connect(&H, "user=alice dbname=acme");
	for (int i = 0; i < 2; i++) {
		r = PQexec(c, i ? "SELECT * FROM \"other\".secret" : "SELECT * FROM other.secret");
		ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
		ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
		PQclear(r);
	}
	PQfinish(c);
	stop();
}
END_TEST

START_TEST(tenant_names_cannot_form_paths)
{
	start_with("trust", NULL);
	static const char *const tricks[] = {
		"dbname=../other",
		"dbname=..",
		"dbname=.",
		"dbname=a/b",
		"dbname=acme.db",
		"dbname=/etc/passwd",
		"dbname=tenants/f5/other",
		"dbname='a b'",
		"dbname=-x",
		"options='-c tenant=../../x'",
		"dbname=x\\\\y",
		"dbname=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl",
	};
	for (size_t i = 0; i < sizeof(tricks) / sizeof(tricks[0]); i++)
		connect_fails(tricks[i], "invalid tenant name"); /* before any user check */
	char cmd[512];
	/* Nothing but the data directory's own files exists under the test directory. */
	snprintf(cmd, sizeof(cmd),
		 "test $(find '%s' -name '*.db' | wc -l) -eq 0 && "
		 "test $(find '%s' -mindepth 1 -maxdepth 1 | wc -l) -eq 3",
		 H.dir, H.dir);
	ck_assert_msg(system(cmd) == 0, "unexpected files under %s", H.dir);
	stop();
}
END_TEST

/* ---- authentication over the Unix socket ---- */

START_TEST(scram_users)
{
	start_with("scram-sha-256", NULL);
	PGconn *c = harness_connect(&H, "user=alice password=pencil dbname=acme");
	ck_assert(PQconnectionUsedPassword(c));
	PQfinish(c);
	ck_assert_ptr_null(try_connect("user=alice password=pencil dbname=team-red"));
	connect_fails("user=alice password=pencil2 dbname=acme",
		      "FATAL:  password authentication failed for user \"alice\"");
	connect_fails("user=ghost password=pencil dbname=acme",
		      "FATAL:  password authentication failed for user \"ghost\"");
	connect_fails("user=alice password=pencil dbname=globex",
		      "FATAL:  user \"alice\" may not connect to tenant \"globex\"");
	ck_assert(!harness_tenant_exists(&H, "globex"));
	/* No TLS on the Unix socket, so no SCRAM-SHA-256-PLUS to bind with. */
	connect_fails("user=alice password=pencil dbname=acme channel_binding=require",
		      "channel binding");
	/* md5 secrets cannot run SCRAM: refused like a wrong password. */
	connect_fails("user=bob password=crayon dbname=acme",
		      "password authentication failed for user \"bob\"");
	stop();
}
END_TEST

START_TEST(md5_and_password_methods)
{
	start_with("md5", NULL);
	ck_assert_ptr_null(try_connect("user=bob password=crayon dbname=globex"));
	connect_fails("user=bob password=pencil dbname=globex",
		      "password authentication failed for user \"bob\"");
	/* A SCRAM secret under md5: SCRAM runs instead, as in PostgreSQL. */
	ck_assert_ptr_null(try_connect("user=alice password=pencil dbname=acme"));
	connect_fails("user=ghost password=x dbname=acme",
		      "password authentication failed for user \"ghost\"");
	stop();
	start_with("password", NULL);
	ck_assert_ptr_null(try_connect("user=bob password=crayon dbname=acme"));
	ck_assert_ptr_null(try_connect("user=alice password=pencil dbname=acme"));
	connect_fails("user=alice password=wrong dbname=acme",
		      "password authentication failed for user \"alice\"");
	stop();
}
END_TEST

START_TEST(trust_and_reject_rules)
{
	start_with("trust", NULL);
	ck_assert_ptr_null(try_connect("user=alice dbname=acme"));
	connect_fails("user=alice dbname=globex", "may not connect to tenant \"globex\"");
	connect_fails("user=ghost dbname=acme", "role \"ghost\" does not exist");
	stop();
	start_with("reject", NULL);
	connect_fails("user=alice password=pencil dbname=acme",
		      "Unix-socket connections are rejected");
	stop();
}
END_TEST

/* ---- raw bytes: libpq does not expose a failed connection's SQLSTATE ---- */

/* Sends a StartupMessage for user to tenant acme and reads the Authentication request;
 * returns its code. */
static int raw_startup(int fd, const char *user)
{
	struct raw_buf b = {.n = 0};
	raw_startup_msg(&b, 3u << 16, user, "acme");
	raw_send(fd, &b);
	raw_recv_msg(fd, &b);
	ck_assert_int_eq(b.d[0], 'R');
	ck_assert_uint_ge(b.n, 9);
	return b.d[8];
}

/* Sends one message: type, length word, body. */
static void send_msg(int fd, char type, const void *body, size_t n)
{
	struct raw_buf b = {.n = 0};
	raw_msg(&b, type, body, n);
	raw_send(fd, &b);
}

/* Reads until the server closes; the SQLSTATE of the ErrorResponse that must come first. */
static void raw_fatal_sqlstate(int fd, char out[6])
{
	struct raw_buf b;
	raw_recv_all(fd, &b, 5000);
	close(fd);
	ck_assert_uint_gt(b.n, 6);
	ck_assert_int_eq(b.d[0], 'E');
	const char *c = raw_error_field(&b, 'C');
	ck_assert_msg(c != NULL, "no SQLSTATE in the ErrorResponse");
	snprintf(out, 6, "%s", c);
}

/* The SQLSTATE of the FATAL a cleartext-password login gets. */
static void login_sqlstate(const char *user, const char *password, char out[6])
{
	int fd = harness_raw_connect(&H);
	ck_assert_int_eq(raw_startup(fd, user), 3); /* AuthenticationCleartextPassword */
	send_msg(fd, 'p', password, strlen(password) + 1);
	raw_fatal_sqlstate(fd, out);
}

START_TEST(protocol_violations_during_authentication)
{
	start_with("scram-sha-256", NULL);
	char state[6];
	int fd = harness_raw_connect(&H);
	ck_assert_int_eq(raw_startup(fd, "alice"), 10); /* AuthenticationSASL */
	send_msg(fd, 'Q', "SELECT 1", 9);
	raw_fatal_sqlstate(fd, state);
	ck_assert_str_eq(state, "08P01");
	/* An authentication answer over 64kB is refused before it is buffered. */
	fd = harness_raw_connect(&H);
	ck_assert_int_eq(raw_startup(fd, "alice"), 10);
	uint8_t head[5] = {'p', 0, 1, 0x10, 0};
	ck_assert_int_eq(write(fd, head, 5), 5);
	raw_fatal_sqlstate(fd, state);
	ck_assert_str_eq(state, "08P01");
	/* A mechanism that was not offered, and a malformed client-first-message. */
	fd = harness_raw_connect(&H);
	ck_assert_int_eq(raw_startup(fd, "alice"), 10);
	send_msg(fd, 'p', "PLAIN\0\0\0\0\0", 10);
	raw_fatal_sqlstate(fd, state);
	ck_assert_str_eq(state, "08P01");
	fd = harness_raw_connect(&H);
	ck_assert_int_eq(raw_startup(fd, "ghost"), 10); /* unknown users get SASL too */
	send_msg(fd, 'p', "SCRAM-SHA-256\0\0\0\0\x03x,y", 21);
	raw_fatal_sqlstate(fd, state);
	ck_assert_str_eq(state, "08P01");
	PGconn *c = harness_connect(&H, "user=alice password=pencil dbname=acme");
	PQfinish(c); /* the server is unharmed */
	stop();
}
END_TEST

START_TEST(wrong_password_and_unknown_user_alike)
{
	start_with("password", NULL);
	char a[6], b[6];
	login_sqlstate("alice", "wrong", a);
	login_sqlstate("nobody", "wrong", b);
	ck_assert_str_eq(a, "28P01");
	ck_assert_str_eq(b, "28P01");
	stop();
}
END_TEST

START_TEST(tenant_connection_limit)
{
	start_with("trust", "max_tenant_connections=2");
	PGconn *a = harness_connect(&H, "user=bob dbname=acme");
	PGconn *b = harness_connect(&H, "user=bob dbname=acme");
	connect_fails("user=bob dbname=acme", "too many connections to tenant \"acme\"");
	ck_assert_ptr_null(try_connect("user=bob dbname=globex"));
	PQfinish(a);
	usleep(100000); /* the server notices the close on its next loop turn */
	ck_assert_ptr_null(try_connect("user=bob dbname=acme"));
	PQfinish(b);
	stop();
}
END_TEST

START_TEST(users_reload_on_sighup)
{
	start_with("scram-sha-256", NULL);
	PGconn *held = harness_connect(&H, "user=alice password=pencil dbname=acme");
	connect_fails("user=carol password=chalk dbname=acme", "password authentication failed");
	char carol[256], line[300];
	make_secret("", "carol", "chalk", carol, sizeof(carol));
	snprintf(line, sizeof(line), "carol %s acme\n", carol);
	write_users(line);
	ck_assert_int_eq(kill(H.pid, SIGHUP), 0);
	bool ok = false;
	for (int i = 0; i < 100 && !ok; i++, usleep(20000))
		ok = try_connect("user=carol password=chalk dbname=acme") == NULL;
	ck_assert_msg(ok, "carol cannot connect after SIGHUP");
	PQclear(harness_exec_ok(held, "SELECT 1")); /* sessions already in keep going */
	PQfinish(held);
	stop();
}
END_TEST

int main(void)
{
	Suite *s = suite_create("security");
	TCase *tc = tcase_create("security");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, file_touching_sql_is_refused);
	tcase_add_test(tc, tenant_names_cannot_form_paths);
	tcase_add_test(tc, scram_users);
	tcase_add_test(tc, md5_and_password_methods);
	tcase_add_test(tc, trust_and_reject_rules);
	tcase_add_test(tc, wrong_password_and_unknown_user_alike);
	tcase_add_test(tc, protocol_violations_during_authentication);
	tcase_add_test(tc, tenant_connection_limit);
	tcase_add_test(tc, users_reload_on_sighup);
	suite_add_tcase(s, tc);
	return check_run(s);
}
