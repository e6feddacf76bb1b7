/* SPDX-License-Identifier: Apache-2.0 */
/* auth_users.c: the users file — one user per line with its password secret and the tenants
 * it may reach — read into an immutable, reference-counted snapshot that a SIGHUP replaces
 * while sessions still hold the old one. Also the one tenant check (auth_user_may_reach). */
#include "auth.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_LEN 8192

struct auth_users {
	atomic_int refs;
	size_t n;
	struct auth_user *users;
};

bool auth_pattern_match(const char *pat, const char *name)
{
	/* Iterative '*' matching with one backtrack point: linear enough for 63-byte names. */
	const char *star = NULL, *resume = NULL;
	while (*name) {
		if (*pat == '*') {
			star = pat++;
			resume = name;
		} else if (*pat == *name) {
			pat++;
			name++;
		} else if (star) {
			pat = star + 1;
			name = ++resume;
		} else {
			return false;
		}
	}
	while (*pat == '*')
		pat++;
	return *pat == '\0';
}

bool auth_user_may_reach(const struct auth_user *user, const char *tenant)
{
	for (size_t i = 0; i < user->npatterns; i++)
		if (auth_pattern_match(user->patterns[i], tenant))
			return true;
	return false;
}

static void user_fini(struct auth_user *u)
{
	free(u->name);
	for (size_t i = 0; i < u->npatterns; i++)
		free(u->patterns[i]);
	free(u->patterns);
}

static void split_patterns(struct auth_user *u, char *list)
{
	char *save = NULL;
	for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		u->patterns = base_xrealloc(u->patterns, (u->npatterns + 1) * sizeof(char *));
		u->patterns[u->npatterns++] = base_xstrdup(t);
	}
}

/* Parses one non-comment line into u; false with a reason in why. */
static bool parse_line(char *line, struct auth_user *u, const char **why)
{
	char *save = NULL;
	char *name = strtok_r(line, " \t", &save);
	char *secret = strtok_r(NULL, " \t", &save);
	char *tenants = strtok_r(NULL, " \t", &save);
	if (!secret) {
		*why = "expected NAME SECRET [TENANTS]";
		return false;
	}
	if (strtok_r(NULL, " \t", &save)) {
		*why = "unexpected text after the tenant list (separate patterns with commas)";
		return false;
	}
	memset(u, 0, sizeof(*u));
	if (!auth_secret_parse(secret, &u->secret)) {
		*why = "the secret is neither SCRAM-SHA-256$... nor md5 + 32 hex digits";
		return false;
	}
	u->name = base_xstrdup(name);
	if (tenants)
		split_patterns(u, tenants);
	return true;
}

static char *trim(char *s)
{
	char *hash = strchr(s, '#');
	if (hash)
		*hash = '\0';
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static bool add_line(struct auth_users *u, char *line, const char *path, int lineno, char *errbuf,
		     size_t errlen)
{
	struct auth_user user;
	const char *why = NULL;
	if (!parse_line(line, &user, &why)) {
		snprintf(errbuf, errlen, "%s:%d: %s", path, lineno, why);
		return false;
	}
	if (auth_users_find(u, user.name)) {
		snprintf(errbuf, errlen, "%s:%d: user \"%s\" is listed twice", path, lineno,
			 user.name);
		user_fini(&user);
		return false;
	}
	u->users = base_xrealloc(u->users, (u->n + 1) * sizeof(*u->users));
	u->users[u->n++] = user;
	return true;
}

struct auth_users *auth_users_load(const char *path, char *errbuf, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(errbuf, errlen, "could not open users file \"%s\": %s", path,
			 strerror(errno));
		return NULL;
	}
	struct auth_users *u = base_xcalloc(1, sizeof(*u));
	atomic_init(&u->refs, 1);
	char line[LINE_MAX_LEN];
	bool ok = true;
	for (int lineno = 1; ok && fgets(line, sizeof(line), f); lineno++) {
		char *s = trim(line);
		if (*s)
			ok = add_line(u, s, path, lineno, errbuf, errlen);
	}
	fclose(f);
	if (!ok) {
		auth_users_unref(u);
		return NULL;
	}
	return u;
}

void auth_users_ref(struct auth_users *u) { atomic_fetch_add(&u->refs, 1); }

void auth_users_unref(struct auth_users *u)
{
	if (!u || atomic_fetch_sub(&u->refs, 1) != 1)
		return;
	for (size_t i = 0; i < u->n; i++)
		user_fini(&u->users[i]);
	free(u->users);
	free(u);
}

const struct auth_user *auth_users_find(const struct auth_users *u, const char *name)
{
	for (size_t i = 0; i < u->n; i++)
		if (strcmp(u->users[i].name, name) == 0)
			return &u->users[i];
	return NULL;
}

size_t auth_users_count(const struct auth_users *u) { return u->n; }

const struct auth_user *auth_users_at(const struct auth_users *u, size_t i)
{
	return i < u->n ? &u->users[i] : NULL;
}
