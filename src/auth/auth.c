/* SPDX-License-Identifier: Apache-2.0 */
/* auth.c: the server's live authentication state — the hba-style rules (a method per kind of
 * connection), the current users snapshot and the server secret behind mock salts — swapped
 * whole on SIGHUP under a mutex, so a session in the middle of startup keeps what it read. */
#include "auth.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct auth {
	pthread_mutex_t lock;
	struct auth_rules rules;
	struct auth_users *users; /* NULL = no users file */
	uint8_t server_secret[AUTH_SERVER_SECRET_LEN];
};

static const char *const method_names[] = {
	[AUTH_REJECT] = "reject", [AUTH_TRUST] = "trust",         [AUTH_PASSWORD] = "password",
	[AUTH_MD5] = "md5",       [AUTH_SCRAM] = "scram-sha-256",
};

bool auth_method_parse(const char *name, enum auth_method *out)
{
	for (size_t i = 0; i < ARRAY_LEN(method_names); i++) {
		if (strcmp(name, method_names[i]) == 0) {
			*out = (enum auth_method)i;
			return true;
		}
	}
	return false;
}

const char *auth_method_name(enum auth_method m) { return method_names[m]; }

struct auth *auth_new(const uint8_t server_secret[AUTH_SERVER_SECRET_LEN])
{
	struct auth *a = base_xcalloc(1, sizeof(*a));
	pthread_mutex_init(&a->lock, NULL);
	memcpy(a->server_secret, server_secret, AUTH_SERVER_SECRET_LEN);
	a->rules = (struct auth_rules){AUTH_TRUST, AUTH_TRUST, AUTH_SCRAM, false};
	return a;
}

void auth_free(struct auth *a)
{
	if (!a)
		return;
	auth_users_unref(a->users);
	pthread_mutex_destroy(&a->lock);
	free(a);
}

void auth_set_rules(struct auth *a, const struct auth_rules *r)
{
	pthread_mutex_lock(&a->lock);
	a->rules = *r;
	pthread_mutex_unlock(&a->lock);
}

void auth_set_users(struct auth *a, struct auth_users *users)
{
	pthread_mutex_lock(&a->lock);
	struct auth_users *old = a->users;
	a->users = users;
	pthread_mutex_unlock(&a->lock);
	auth_users_unref(old);
}

enum auth_method auth_method_for(struct auth *a, enum auth_origin origin)
{
	pthread_mutex_lock(&a->lock);
	enum auth_method m = origin == AUTH_ORIGIN_UNIX       ? a->rules.unix_method
			     : origin == AUTH_ORIGIN_LOOPBACK ? a->rules.loopback_method
							      : a->rules.remote_method;
	pthread_mutex_unlock(&a->lock);
	return m;
}

bool auth_password_without_tls(struct auth *a)
{
	pthread_mutex_lock(&a->lock);
	bool allowed = a->rules.password_without_tls;
	pthread_mutex_unlock(&a->lock);
	return allowed;
}

struct auth_users *auth_users_acquire(struct auth *a)
{
	pthread_mutex_lock(&a->lock);
	struct auth_users *u = a->users;
	if (u)
		auth_users_ref(u);
	pthread_mutex_unlock(&a->lock);
	return u;
}

const uint8_t *auth_server_secret(const struct auth *a) { return a->server_secret; }

static bool create_secret(const char *path, uint8_t out[AUTH_SERVER_SECRET_LEN], char *errbuf,
			  size_t errlen)
{
	if (RAND_bytes(out, AUTH_SERVER_SECRET_LEN) != 1) {
		snprintf(errbuf, errlen, "no random bytes for the server secret");
		return false;
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	bool ok = fd >= 0 && write(fd, out, AUTH_SERVER_SECRET_LEN) == AUTH_SERVER_SECRET_LEN;
	if (!ok)
		snprintf(errbuf, errlen, "could not create \"%s\": %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return ok;
}

bool auth_server_secret_load(const char *path, uint8_t out[AUTH_SERVER_SECRET_LEN], char *errbuf,
			     size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return create_secret(path, out, errbuf, errlen);
	ssize_t n = fd >= 0 ? read(fd, out, AUTH_SERVER_SECRET_LEN) : -1;
	if (fd >= 0)
		close(fd);
	if (n != AUTH_SERVER_SECRET_LEN) {
		snprintf(errbuf, errlen, "could not read the server secret \"%s\"%s", path,
			 n < 0 ? "" : ": file is too short");
		return false;
	}
	return true;
}
