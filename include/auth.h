/* SPDX-License-Identifier: Apache-2.0 */
/* auth: who may connect and which tenants they may reach. Password secrets (SCRAM-SHA-256 as
 * PostgreSQL stores them, and md5), the SCRAM-SHA-256(-PLUS) server exchange and md5/cleartext
 * checks as pure step functions over bytes, the users file, and the hba-style rules that pick
 * a method by connection type. Network-free; the session drives the exchange. */
#ifndef SHARDLITE_AUTH_H
#define SHARDLITE_AUTH_H

#include "base.h"

#define AUTH_KEY_LEN 32 /* SHA-256 */
#define AUTH_SERVER_SECRET_LEN 32
#define AUTH_SCRAM_ITERATIONS 4096 /* PostgreSQL's scram_iterations default */
#define AUTH_SALT_MAX 64

enum auth_method { AUTH_REJECT, AUTH_TRUST, AUTH_PASSWORD, AUTH_MD5, AUTH_SCRAM };
enum auth_origin { AUTH_ORIGIN_UNIX, AUTH_ORIGIN_LOOPBACK, AUTH_ORIGIN_REMOTE };

/* "reject", "trust", "password", "md5", "scram-sha-256". */
bool auth_method_parse(const char *name, enum auth_method *out) MUST_CHECK;
const char *auth_method_name(enum auth_method m);

/* ---- secrets ---- */
enum auth_secret_kind { AUTH_SECRET_SCRAM, AUTH_SECRET_MD5 };

struct auth_secret {
	enum auth_secret_kind kind;
	int iterations;
	uint8_t salt[AUTH_SALT_MAX];
	size_t salt_len;
	uint8_t stored_key[AUTH_KEY_LEN];
	uint8_t server_key[AUTH_KEY_LEN];
	char md5[36]; /* "md5" + 32 lower-case hex digits + NUL */
};

/* Parses "SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:<ServerKey>" (base64 parts, PostgreSQL's
 * pg_authid format) or "md5<32 hex>". False when text is neither. */
bool auth_secret_parse(const char *text, struct auth_secret *out) MUST_CHECK;
/* A new SCRAM secret for password with a random 16-byte salt, as text (caller frees). NULL
 * when the random source fails. Blocks for the PBKDF2 rounds (milliseconds). */
char *auth_scram_secret_new(const char *password, int iterations);
/* The stand-in secret of a user that does not exist (or cannot do SCRAM): salt derived from
 * the server secret and the user name, so repeated probes see the same salt, as for a real
 * user (PostgreSQL's mock authentication). */
void auth_mock_secret(const uint8_t server_secret[AUTH_SERVER_SECRET_LEN], const char *user,
		      struct auth_secret *out);
/* Reads the server secret from path, creating it (mode 0600, random) when missing. */
bool auth_server_secret_load(const char *path, uint8_t out[AUTH_SERVER_SECRET_LEN], char *errbuf,
			     size_t errlen) MUST_CHECK;

/* The cleartext method: does password match the secret? Does the same work whether or not
 * it matches (PBKDF2 for SCRAM secrets). */
bool auth_password_check(const struct auth_secret *s, const char *user, const char *password);
/* md5: "md5" + hex(md5(password || user)), PostgreSQL's stored form (out: 36 bytes). */
void auth_md5_secret(const char *user, const char *password, char out[36]);
/* The md5 method: response is "md5" + hex(md5(hex(stored) || salt)). */
bool auth_md5_check(const struct auth_secret *s, const uint8_t salt[4], const char *response);

/* ---- the SCRAM-SHA-256 server exchange (RFC 5802, 7677; channel binding RFC 5929) ----
 *
 *   new --SASLInitialResponse--> auth_scram_first --(server-first)--> FIRST_SENT
 *   FIRST_SENT --SASLResponse--> auth_scram_final --(server-final)--> DONE
 *
 * Every failure ends the exchange. A mock secret runs to the end and then fails, so an
 * unknown user costs the same as a wrong password. */
enum auth_step {
	AUTH_STEP_CONTINUE, /* out holds the server's next message */
	AUTH_STEP_OK,       /* authenticated; out holds server-final-message */
	AUTH_STEP_FAIL,     /* err: FATAL 28P01 (bad proof) or 28000 (channel binding) */
	AUTH_STEP_BAD,      /* err: FATAL 08P01, the message is malformed */
};

#define AUTH_MECH_SCRAM "SCRAM-SHA-256"
#define AUTH_MECH_SCRAM_PLUS "SCRAM-SHA-256-PLUS"

struct auth_scram;
/* secret is copied; doomed = fail at the end whatever the proof (mock secret). cb_data is the
 * tls-server-end-point hash of the server certificate (NULL when not on TLS): with it the
 * server offers -PLUS and refuses a client that claims the server cannot bind ('y'). */
struct auth_scram *auth_scram_new(const struct auth_secret *secret, bool doomed, const char *user,
				  const uint8_t *cb_data, size_t cb_len);
void auth_scram_free(struct auth_scram *sc);
enum auth_step auth_scram_first(struct auth_scram *sc, const char *mechanism, const uint8_t *data,
				size_t len, struct strbuf *out, struct pgerr *err) MUST_CHECK;
enum auth_step auth_scram_final(struct auth_scram *sc, const uint8_t *data, size_t len,
				struct strbuf *out, struct pgerr *err) MUST_CHECK;

/* ---- users and their tenants ---- */
struct auth_user {
	char *name;
	struct auth_secret secret;
	size_t npatterns;
	char **patterns; /* "acme", "team-*", "*": '*' matches any run of characters */
};

/* An immutable, reference-counted snapshot of the users file. */
struct auth_users;
/* Lines "NAME SECRET TENANTS" (blanks between; TENANTS comma-separated patterns), '#'
 * comments. NULL with "file:line: why" in errbuf. */
struct auth_users *auth_users_load(const char *path, char *errbuf, size_t errlen);
void auth_users_ref(struct auth_users *u);
void auth_users_unref(struct auth_users *u); /* NULL is a no-op */
const struct auth_user *auth_users_find(const struct auth_users *u, const char *name);
size_t auth_users_count(const struct auth_users *u);
/* The i-th user of the file (0-based, in file order); NULL past the last. */
const struct auth_user *auth_users_at(const struct auth_users *u, size_t i);

/* The one tenant check: may user reach tenant (a checked tenant name)? Used at connect time
 * and, once schema-prefix routing exists, for every other tenant a statement names (42501). */
bool auth_user_may_reach(const struct auth_user *user, const char *tenant);
/* '*' matches any run of characters, everything else itself. */
bool auth_pattern_match(const char *pattern, const char *name);

/* ---- the server's live state: rules + current users; reloaded on SIGHUP ---- */
struct auth_rules {
	enum auth_method unix_method, loopback_method, remote_method;
	bool password_without_tls; /* allow cleartext passwords on unencrypted TCP */
};

struct auth;
struct auth *auth_new(const uint8_t server_secret[AUTH_SERVER_SECRET_LEN]);
void auth_free(struct auth *a);
/* Replace the rules / the users snapshot (taken; NULL = no users file). Thread-safe. */
void auth_set_rules(struct auth *a, const struct auth_rules *r);
void auth_set_users(struct auth *a, struct auth_users *users);
/* The method for a connection from origin. */
enum auth_method auth_method_for(struct auth *a, enum auth_origin origin);
bool auth_password_without_tls(struct auth *a);
/* The current users snapshot, referenced (auth_users_unref when done); NULL = no users file. */
struct auth_users *auth_users_acquire(struct auth *a);
const uint8_t *auth_server_secret(const struct auth *a);

#endif
