/* SPDX-License-Identifier: Apache-2.0 */
/* sess_auth.c: the authentication exchange of startup — the method the rules pick for this
 * connection, the request (CleartextPassword, MD5Password, SASL), the client's 'p' answers,
 * and the verdict. The cryptography is the auth module's; this file is the conversation.
 *
 *   begin: trust -----------------------------------------------> finish (tenant check, open)
 *          password/md5 --request--> AUTH --PasswordMessage------> verdict --> finish
 *          scram --SASL--> AUTH --SASLInitialResponse--> (SASLContinue)
 *                               --SASLResponse--> verdict (SASLFinal) --> finish
 *
 * An unknown user goes through the same steps with a mock secret and fails at the verdict
 * with the same FATAL 28P01 as a wrong password. */
#include "session_int.h"

#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sess_auth {
	enum auth_method method;      /* what is being run (md5 becomes SCRAM for SCRAM secrets) */
	struct auth_users *users;     /* referenced snapshot; NULL = no users file */
	const struct auth_user *user; /* in users; NULL = unknown */
	struct auth_secret secret;    /* the user's, or the mock */
	uint8_t md5_salt[4];
	struct auth_scram *scram;
	bool sasl_started; /* SASLInitialResponse seen */
};

void sess_auth_free(struct session *s)
{
	struct sess_auth *a = s->auth;
	if (!a)
		return;
	auth_scram_free(a->scram);
	auth_users_unref(a->users);
	memset(a, 0, sizeof(*a));
	free(a);
	s->auth = NULL;
}

static enum auth_origin origin_of(const struct session *s)
{
	switch (s->origin) {
	case SESSION_UNIX:
		return AUTH_ORIGIN_UNIX;
	case SESSION_LOOPBACK:
		return AUTH_ORIGIN_LOOPBACK;
	default:
		return AUTH_ORIGIN_REMOTE;
	}
}

static const char *origin_name(const struct session *s)
{
	switch (s->origin) {
	case SESSION_UNIX:
		return "Unix-socket";
	case SESSION_LOOPBACK:
		return "loopback";
	default:
		return "remote";
	}
}

/* The method's first request; SCRAM offers -PLUS only when there is a certificate to bind. */
static void send_request(struct session *s, struct sess_auth *a)
{
	static const char *const plain[] = {AUTH_MECH_SCRAM};
	static const char *const both[] = {AUTH_MECH_SCRAM_PLUS, AUTH_MECH_SCRAM};
	switch (a->method) {
	case AUTH_PASSWORD:
		pgw_be_auth_cleartext(&s->out);
		break;
	case AUTH_MD5:
		if (RAND_bytes(a->md5_salt, sizeof(a->md5_salt)) != 1)
			a->user = NULL; /* no salt we can trust: this attempt cannot succeed */
		pgw_be_auth_md5(&s->out, a->md5_salt);
		break;
	default: {
		size_t cb_len = s->rare ? s->rare->cb_len : 0;
		a->scram = auth_scram_new(&a->secret, a->user == NULL, s->user,
					  cb_len ? s->rare->cb_data : NULL, cb_len);
		if (cb_len)
			pgw_be_auth_sasl(&s->out, 2, both);
		else
			pgw_be_auth_sasl(&s->out, 1, plain);
		break;
	}
	}
}

/* Sets up the exchange for a password method. An unknown user, or one whose secret cannot
 * run the method (md5 secret, SCRAM exchange), gets the mock secret and cannot succeed. */
static void start_exchange(struct session *s, enum auth_method m, struct auth_users *users,
			   const struct auth_user *user)
{
	struct sess_auth *a = base_xcalloc(1, sizeof(*a));
	a->users = users;
	a->user = user;
	a->method = m;
	/* As PostgreSQL: the md5 method runs SCRAM for a user whose secret is SCRAM. */
	if (m == AUTH_MD5 && user && user->secret.kind == AUTH_SECRET_SCRAM)
		a->method = AUTH_SCRAM;
	if (user && !(a->method == AUTH_SCRAM && user->secret.kind != AUTH_SECRET_SCRAM)) {
		a->secret = user->secret;
	} else {
		if (user)
			LOG_INFO(s->id, s->tenant, "user \"%s\" has no SCRAM secret", s->user);
		auth_mock_secret(auth_server_secret(s->env->auth), s->user, &a->secret);
		a->user = NULL;
	}
	s->auth = a;
	s->state = SESS_AUTH;
	if (!user)
		LOG_INFO(s->id, s->tenant, "user \"%s\" is not in the users file (mock %s)",
			 s->user, auth_method_name(m));
	send_request(s, a);
}

static bool cleartext_allowed(struct session *s)
{
	return s->tls || s->origin == SESSION_UNIX || auth_password_without_tls(s->env->auth);
}

bool sess_auth_begin(struct session *s, struct pgerr *err)
{
	if (!s->env->auth)
		return sess_startup_finish(s, NULL, NULL, err);
	enum auth_method m = auth_method_for(s->env->auth, origin_of(s));
	struct auth_users *users = auth_users_acquire(s->env->auth);
	const struct auth_user *user = users ? auth_users_find(users, s->user) : NULL;
	bool ok = false;
	if (m == AUTH_REJECT) {
		pgerr_fatal(err, SQLSTATE_INVALID_AUTHORIZATION, "%s connections are rejected",
			    origin_name(s));
	} else if (m == AUTH_PASSWORD && !cleartext_allowed(s)) {
		pgerr_fatal(err, SQLSTATE_INVALID_AUTHORIZATION,
			    "password authentication needs an encrypted connection");
		pgerr_hint(err, "Connect with sslmode=require, or set auth.password_without_tls.");
	} else if (m == AUTH_TRUST && users && !user) {
		pgerr_fatal(err, SQLSTATE_INVALID_AUTHORIZATION, "role \"%s\" does not exist",
			    s->user);
	} else if (m == AUTH_TRUST) {
		ok = sess_startup_finish(s, users, user, err);
	} else {
		start_exchange(s, m, users, user);
		return true; /* the exchange holds the snapshot now */
	}
	auth_users_unref(users);
	return ok;
}

/* The exchange is over: a failure is the same FATAL whatever the reason, then startup goes
 * on as for trust. */
static void verdict(struct session *s, bool ok)
{
	struct sess_auth *a = s->auth;
	struct pgerr err;
	pgerr_clear(&err);
	if (!ok || !a->user) {
		pgerr_fatal(&err, SQLSTATE_INVALID_PASSWORD,
			    "password authentication failed for user \"%s\"", s->user);
	} else if (sess_startup_finish(s, a->users, a->user, &err)) {
		sess_auth_free(s);
		return;
	}
	sess_auth_free(s);
	sess_report_error(s, &err);
}

static void on_password(struct session *s, const struct pgw_msg *m)
{
	struct sess_auth *a = s->auth;
	struct pgw_password pw;
	struct pgerr err;
	if (!pgw_fe_password(m, &pw, &err)) {
		sess_auth_free(s);
		sess_report_error(s, &err);
		return;
	}
	bool ok = a->method == AUTH_MD5 ? auth_md5_check(&a->secret, a->md5_salt, pw.password)
					: auth_password_check(&a->secret, s->user, pw.password);
	verdict(s, ok && pw.password[0] != '\0');
}

static void on_sasl(struct session *s, const struct pgw_msg *m)
{
	struct sess_auth *a = s->auth;
	struct strbuf reply;
	struct pgerr err;
	enum auth_step st;
	pgerr_clear(&err);
	strbuf_init(&reply, 0);
	if (!a->sasl_started) {
		struct pgw_sasl_initial in;
		a->sasl_started = true;
		if (!pgw_fe_sasl_initial(m, &in, &err))
			st = AUTH_STEP_BAD;
		else
			st = auth_scram_first(a->scram, in.mechanism, in.data, in.len, &reply,
					      &err);
	} else {
		struct pgw_sasl_response in;
		pgw_fe_sasl_response(m, &in);
		st = auth_scram_final(a->scram, in.data, in.len, &reply, &err);
	}
	if (st == AUTH_STEP_CONTINUE)
		pgw_be_auth_sasl_continue(&s->out, reply.data, reply.len);
	else if (st == AUTH_STEP_OK)
		pgw_be_auth_sasl_final(&s->out, reply.data, reply.len);
	strbuf_fini(&reply);
	if (st == AUTH_STEP_OK) {
		verdict(s, true);
	} else if (st != AUTH_STEP_CONTINUE) {
		LOG_INFO(s->id, s->tenant, "SCRAM exchange failed: %s", err.message);
		sess_auth_free(s);
		sess_report_error(s, &err);
	}
}

void sess_auth_message(struct session *s, const struct pgw_msg *m)
{
	if (m->type != PGW_FE_PASSWORD) {
		char msg[64];
		snprintf(msg, sizeof(msg), "expected password response, got message type %d",
			 m->type);
		sess_auth_free(s);
		session_fatal(s, SQLSTATE_PROTOCOL_VIOLATION, msg);
		return;
	}
	if (s->auth->method == AUTH_SCRAM)
		on_sasl(s, m);
	else
		on_password(s, m);
}
