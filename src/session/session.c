/* SPDX-License-Identifier: Apache-2.0 */
/* session.c: the per-connection state machine — startup, message dispatch, error reporting.
 *
 *            SSLRequest: 'S' (net starts TLS) or 'N'; GSSENCRequest: 'N'
 *              +------+
 *              v      |                  trust
 *   new ---> STARTUP -+-- StartupMessage ------+-----------------> READY <-------------+
 *              |               | password,     ^ tenant opened   | ^ |             | Sync
 *              |               | md5, SCRAM    |                 | | +- error in --+ SKIP_TO_SYNC
 *              |               v               |                 | |    extended query
 *              |             AUTH -- 'p' ... --+                 | +-- CopyDone / CopyFail / error
 *              |                               |                 |  \             (sess_copy.c)
 *              | CancelRequest, bad packet,    | wrong password, |   +--> COPY_IN
 *              | refused startup, timeout      | forbidden tenant|  COPY FROM STDIN
 *              v                               v                 v
 *           CLOSING <---------------------------------- Terminate, FATAL
 *
 * Between authentication and READY the session is OPENING while its tenant's migration waits
 * for another connection's write lock: parked, holding no thread, its startup answer unsent;
 * it reads no input until the wait ends in READY or in a FATAL (CLOSING).
 *
 * Invariants: conn == NULL in STARTUP and AUTH; conn != NULL and parked in OPENING; after
 * startup the tenant connection is
 * borrowed for each burst of input and given back when the session is idle outside a
 * transaction (sess_conn.c), so txn != IDLE, portals and COPY_IN imply conn != NULL;
 * copy != NULL exactly in COPY_IN; in CLOSING
 * no input is consumed. Inside READY a message may stop half-way and resume on a later
 * session_input: `parked` (waiting for another connection's write lock, sess_wait.c) or
 * `yielded` (output waiting to drain); a stopped Query keeps its statements in msg_arena
 * (simple.active). */
#include "session_int.h"

#include <openssl/rand.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SESS_MAX_PROTOCOL_MINOR 0
#define SESS_AUTH_MAX_MSG 65535 /* PostgreSQL's PG_MAX_AUTH_TOKEN_LENGTH */

static void check_invariants(const struct session *s)
{
	ASSERT((s->state != SESS_STARTUP && s->state != SESS_AUTH) || s->conn == NULL);
	ASSERT(s->state != SESS_OPENING || (s->conn != NULL && s->parked && s->migrating));
	ASSERT((s->state == SESS_AUTH) == (s->auth != NULL) || s->state == SESS_CLOSING);
	ASSERT(s->txn == SESS_TXN_IDLE || s->conn != NULL);
	ASSERT(!s->txn_lone || s->txn == SESS_TXN_IMPLICIT);
	ASSERT(s->portals == NULL || s->conn != NULL);
	ASSERT(s->state != SESS_COPY_IN || s->conn != NULL);
	ASSERT((s->copy != NULL) == (s->state == SESS_COPY_IN));
	(void)s;
}

/* A cancel key from OpenSSL's generator, fetched 64 keys at a time per thread: one
 * RAND_bytes call costs about 6,600 instructions whatever its length, a twentieth of a whole
 * connection's start-up. */
static uint32_t cancel_key(void)
{
	static __thread uint32_t keys[64];
	static __thread size_t left;
	if (left == 0 && RAND_bytes((unsigned char *)keys, sizeof(keys)) == 1)
		left = ARRAY_LEN(keys);
	if (left == 0)
		return (uint32_t)random() ^ (uint32_t)(uintptr_t)&left;
	uint32_t k = keys[--left];
	keys[left] = 0; /* a key handed out stays only in its session */
	return k;
}

struct session *session_new(uint32_t id, const struct session_env *env,
			    enum session_origin origin)
{
	struct session *s = base_xcalloc(1, sizeof(*s));
	s->id = id;
	s->env = env;
	s->cfg = config_live_pin(env->cfg);
	s->origin = origin;
	s->state = SESS_STARTUP;
	s->tenant = "";
	s->cancel_key = cancel_key();
	strbuf_init(&s->out, 0);
	sess_guc_init(s);
	sess_notify_init(s);
	sess_udf_init(s);
	return s;
}

/* Every connection, idle ones too, carries a struct session: the idle-connection target
 * (2 KiB of server memory each at 10,000 connections; 1,705 B with 784 bytes here, docs/
 * performance.md) leaves it about this much. State most sessions never use goes into struct
 * sess_rare (or behind a pointer of its own, as struct sess_udf_state) rather than past this
 * ceiling; what is left to take is the callback tables every session copies (catalog, xlat
 * schema, pgfn: docs/performance.md). */
_Static_assert(sizeof(struct session) <= 888,
	       "struct session outgrew its share of an idle connection's memory: move what "
	       "few sessions use into struct sess_rare");

struct sess_rare *sess_rare(struct session *s)
{
	if (!s->rare)
		s->rare = base_xcalloc(1, sizeof(*s->rare));
	return s->rare;
}

static void rare_free(struct sess_rare *r)
{
	if (!r)
		return;
	free(r->sni);
	free(r->cb_data);
	free(r->home);
	free(r);
}

void session_free(struct session *s)
{
	if (!s)
		return;
	sess_copy_free(s);
	sess_copy_out_free(s);
	sqlite3_finalize(s->yield_vm);
	sess_ext_free_all(s);
	sess_notify_fini(s);
	sess_conn_hold_free(s);
	sess_temp_end(s); /* the connection goes back to the pool without them */
	sess_conn_give_back(s);
	sess_client_end(s);
	sess_types_fini(s);
	sess_udf_fini(s);
	sess_hub_free(s);
	free(s->origins);
	sess_auth_free(s);
	auth_users_unref(s->users);
	sess_tenant_count_drop(s);
	rare_free(s->rare);
	sess_guc_fini(s);
	catalog_seqvals_free(s->catalog.seqvals);
	arena_free(s->msg_arena);
	strbuf_fini(&s->out);
	free(s->user); /* and database and tenant, which share its allocation */
	config_unref(s->cfg);
	free(s);
}

bool session_close_cheap(const struct session *s)
{
	return !s->conn && !s->copy && !s->copy_out && !s->yield_vm && !s->portals &&
	       !(s->rare && s->rare->cursors);
}

struct strbuf *session_output(struct session *s) { return &s->out; }

bool session_output_held(struct session *s)
{
	if (s->parked && s->state == SESS_READY && !s->flush_due)
		return true;
	s->flush_due = false; /* net sends all of it now */
	return false;
}
bool session_started(const struct session *s)
{
	/* OPENING is past the client's part: startup_timeout does not cut a migration's wait. */
	return s->state != SESS_STARTUP && s->state != SESS_AUTH;
}
bool session_closing(const struct session *s) { return s->state == SESS_CLOSING; }
uint32_t session_pid(const struct session *s) { return s->id; }
uint64_t session_id(const struct session *s) { return s->id; }
const char *session_tenant(const struct session *s) { return s->tenant[0] ? s->tenant : NULL; }

char sess_status_char(const struct session *s)
{
	switch (s->txn) {
	case SESS_TXN_BLOCK:
		return 'T';
	case SESS_TXN_FAILED:
		return 'E';
	default:
		return 'I';
	}
}

void sess_report_error(struct session *s, const struct pgerr *err)
{
	if (s->punted)
		return; /* not an error: the statement runs again on a worker (sess_inline.c) */
	struct pgerr fixed = *err;
	sess_wait_fix_error(s, &fixed);
	sess_udf_fix_error(s, &fixed);
	sess_nsp_fix_error(s, &fixed);
	err = &fixed;
	pgw_be_error(&s->out, err);
	/* an error no SQLSTATE was found for is a gap in shardlite, worth an operator's look
	 * (tests/integration/test_sqlsmith.sh fails on it) */
	if (strcmp(err->sqlstate, SQLSTATE_INTERNAL_ERROR) == 0)
		LOG_WARN(s->id, session_tenant(s), "internal error XX000: %s", err->message);
	if (err->severity == PGERR_FATAL) {
		LOG_INFO(s->id, session_tenant(s), "closing: %s", err->message);
		s->state = SESS_CLOSING;
		return;
	}
	sess_txn_on_error(s);
}

void session_fatal(struct session *s, const char *sqlstate, const char *message)
{
	struct pgerr err;
	pgerr_fatal(&err, sqlstate, "%s", message);
	sess_report_error(s, &err);
}

/* ---- startup ---- */

/* Reads "-c name=value" / "--name=value" switches from the options parameter. */
static bool apply_options(struct session *s, const char *opts, char *tenant, size_t tlen,
			  struct pgerr *err)
{
	char *copy = arena_strdup(s->msg_arena, opts);
	char *save = NULL;
	for (char *tok = strtok_r(copy, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		char *kv = NULL;
		if (strcmp(tok, "-c") == 0)
			kv = strtok_r(NULL, " \t", &save);
		else if (strncmp(tok, "-c", 2) == 0)
			kv = tok + 2;
		else if (strncmp(tok, "--", 2) == 0)
			kv = tok + 2;
		char *eq = kv ? strchr(kv, '=') : NULL;
		if (!eq)
			return pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION,
					   "invalid command-line argument for server process: %s",
					   tok);
		*eq = '\0';
		for (char *p = kv; *p; p++)
			if (*p == '-')
				*p = '_';
		if (strcmp(kv, "tenant") == 0) {
			snprintf(tenant, tlen, "%s", eq + 1);
		} else if (!sess_guc_set(s, kv, eq + 1, false, err)) {
			err->severity = PGERR_FATAL;
			return false;
		}
	}
	return true;
}

static bool apply_params(struct session *s, const struct pgw_startup *st, char *tenant,
			 size_t tlen, struct pgerr *err)
{
	for (size_t i = 0; i < st->nparams; i++) {
		const char *k = st->params[i].name, *v = st->params[i].value;
		if (strcmp(k, "user") == 0 || strcmp(k, "database") == 0 ||
		    strncmp(k, "_pq_.", 5) == 0)
			continue;
		if (strcmp(k, "tenant") == 0) {
			snprintf(tenant, tlen, "%s", v);
		} else if (strcmp(k, "options") == 0) {
			if (!apply_options(s, v, tenant[0] ? NULL : tenant, tenant[0] ? 0 : tlen,
					   err))
				return false;
		} else if (strcmp(k, "replication") == 0) {
			if (strcmp(v, "false") != 0 && strcmp(v, "off") != 0 && strcmp(v, "0"))
				return pgerr_fatal(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
						   "replication connections are not supported");
		} else if (!sess_guc_set(s, k, v, false, err)) {
			err->severity = PGERR_FATAL;
			return false;
		}
	}
	return true;
}

/* A newer 3.x minor version, or _pq_.* options: tell the client what we speak. */
static void negotiate(struct session *s, const struct pgw_startup *st)
{
	const char **unknown = arena_alloc(s->msg_arena, sizeof(char *) * (st->nparams + 1));
	size_t n = 0;
	for (size_t i = 0; i < st->nparams; i++)
		if (strncmp(st->params[i].name, "_pq_.", 5) == 0)
			unknown[n++] = st->params[i].name;
	uint32_t minor = st->version & 0xffff;
	if (minor > SESS_MAX_PROTOCOL_MINOR || n > 0)
		pgw_be_negotiate_version(&s->out, SESS_MAX_PROTOCOL_MINOR, n, unknown);
}

static const char *catalog_setting(void *arg, const char *name)
{
	return sess_guc_get(arg, name);
}

/* The tenant from the TLS server name: with sni_base_domain = db.example.com, a client that
 * connected to acme.db.example.com names tenant acme. Only one label may precede the base. */
static void tenant_from_sni(const struct session *s, char *tenant, size_t tlen)
{
	const char *base = s->cfg->sni_base_domain, *sni = s->rare ? s->rare->sni : NULL;
	size_t nb = strlen(base), ns = sni ? strlen(sni) : 0;
	if (!nb || ns <= nb + 1 || strcasecmp(sni + ns - nb, base) != 0 ||
	    sni[ns - nb - 1] != '.' || memchr(sni, '.', ns - nb - 1))
		return;
	snprintf(tenant, tlen, "%.*s", (int)(ns - nb - 1), sni);
}

static bool catalog_setting_at(void *arg, size_t i, const char **name, const char **description,
			       bool *read_only)
{
	return sess_guc_at(arg, i, name, description, read_only);
}

static bool catalog_set_setting(void *arg, const char *name, const char *value, bool local,
				struct pgerr *err)
{
	return sess_guc_set_config(arg, name, value, local, err);
}

/* The tenant's name joins the user and database names in their allocation. */
static void keep_tenant(struct session *s, const char *name)
{
	size_t ulen = strlen(s->user) + 1, dlen = strlen(s->database) + 1, tlen = strlen(name) + 1;
	s->user = base_xrealloc(s->user, ulen + dlen + tlen);
	s->database = s->user + ulen;
	s->tenant = memcpy(s->user + ulen + dlen, name, tlen);
}

static bool start(struct session *s, const struct pgw_startup *st, struct pgerr *err)
{
	uint32_t major = st->version >> 16, minor = st->version & 0xffff;
	if (major != 3)
		return pgerr_fatal(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "unsupported frontend protocol %u.%u: server supports 3.0 to "
				   "3.%d",
				   major, minor, SESS_MAX_PROTOCOL_MINOR);
	const char *user = pgw_startup_param(st, "user");
	if (!user || !user[0])
		return pgerr_fatal(err, SQLSTATE_INVALID_AUTHORIZATION,
				   "no PostgreSQL user name specified in startup packet");
	if (!s->tls && s->origin != SESSION_UNIX && strcmp(s->cfg->ssl, "require") == 0) {
		pgerr_fatal(err, SQLSTATE_INVALID_AUTHORIZATION,
			    "this server accepts only encrypted connections (ssl = require)");
		pgerr_hint(err, "Connect with sslmode=require.");
		return false;
	}
	const char *db = pgw_startup_param(st, "database");
	/* One allocation for both: every idle connection carries them. */
	const char *dbname = db && db[0] ? db : user;
	size_t ulen = strlen(user) + 1, dlen = strlen(dbname) + 1;
	s->user = base_xmalloc(ulen + dlen);
	memcpy(s->user, user, ulen);
	s->database = memcpy(s->user + ulen, dbname, dlen);
	char tenant[256] = "", name[SHARD_TENANT_MAX + 1] = "";
	if (!apply_params(s, st, tenant, sizeof(tenant), err))
		return false;
	if (!tenant[0])
		tenant_from_sni(s, tenant, sizeof(tenant));
	if (!tenant[0] && sess_hub_database(s))
		snprintf(name, sizeof(name), "%s", SHARD_HUB); /* sess_hub.c */
	else if (!shard_tenant_name_check(tenant[0] ? tenant : s->database, name, err))
		return false;
	keep_tenant(s, name);
	negotiate(s, st);
	return sess_auth_begin(s, err);
}

static bool open_tenant(struct session *s, struct pgerr *err);

bool sess_startup_finish(struct session *s, struct auth_users *users, const struct auth_user *user,
			 struct pgerr *err)
{
	/* Before the tenant is opened, so a forbidden name is never created. Without a default
	 * tenant, each tenant a statement names is checked instead (sess_schema.c). */
	if (user && s->tenant[0] && !auth_user_may_reach(user, s->tenant)) {
		pgerr_fatal(err, SQLSTATE_INVALID_AUTHORIZATION,
			    "user \"%s\" may not connect to tenant \"%s\"", s->user, s->tenant);
		return false;
	}
	if (user) {
		auth_users_ref(users);
		s->users = users;
		s->auth_user = user;
	}
	if (!sess_tenant_count_take(s, err))
		return false;
	s->catalog = (struct catalog_session){s->user, s->database, s->id, catalog_setting,
					      catalog_setting_at, s, catalog_set_setting,
					      catalog_seqvals_new(), NULL, NULL, sess_portals_list,
					      s->tenant[0] ? NULL : sess_hub_schemas, NULL, &sess_catalog_views,
					      sess_hub_databases, sess_database_roles,
					      sess_database_size, sess_client_inet};
	sess_guc_dt_refresh(s);
	sess_client_start(s);
	s->state = SESS_OPENING;
	return open_tenant(s, err);
}

/* Opened now, so a missing tenant or a failing migration is a startup error; given back at
 * the end of this input (session_input). A migration waiting for the tenant's lock leaves the
 * session OPENING and parked; it comes back here when woken. */
static bool open_tenant(struct session *s, struct pgerr *err)
{
	if (!sess_conn_borrow(s, err))
		return false;
	if (s->migrating)
		return true;
	/* Read on the worker now, so the first statement may take the fast path (sess_inline.c). */
	(void)sess_types(s);
	pgw_be_auth_ok(&s->out);
	sess_guc_report_all(s);
	pgw_be_backend_key(&s->out, s->id, s->cancel_key);
	pgw_be_ready(&s->out, 'I');
	s->state = SESS_READY;
	LOG_INFO(s->id, s->tenant, "connected: user=%s database=%s%s", s->user, s->database,
		 s->tls ? " tls" : "");
	return true;
}

/* SSLRequest. Bytes already behind it were sent before any handshake, so they could have
 * been injected by a man in the middle (CVE-2021-23214): refused, as PostgreSQL does. */
static void answer_ssl(struct session *s, size_t extra)
{
	if (s->tls || s->tls_requested) {
		session_fatal(s, SQLSTATE_PROTOCOL_VIOLATION,
			      "SSLRequest on an encrypted connection");
		return;
	}
	if (strcmp(s->cfg->ssl, "off") == 0) {
		strbuf_putc(&s->out, 'N');
		return;
	}
	if (extra > 0) {
		struct pgerr err;
		pgerr_fatal(&err, SQLSTATE_PROTOCOL_VIOLATION,
			    "received unencrypted data after SSL request");
		pgerr_detail(&err, "This could be either a client-software bug or evidence of an "
				   "attempted man-in-the-middle attack.");
		sess_report_error(s, &err);
		return;
	}
	strbuf_putc(&s->out, 'S');
	s->tls_requested = s->tls_start_pending = true;
}

bool session_tls_start(struct session *s)
{
	bool start_now = s->tls_start_pending;
	s->tls_start_pending = false;
	return start_now;
}

void session_tls_ready(struct session *s, const uint8_t *cb_data, size_t cb_len,
		       const char *server_name)
{
	struct sess_rare *r = sess_rare(s);
	s->tls = true;
	free(r->cb_data);
	r->cb_data = cb_len ? base_xmalloc(cb_len) : NULL;
	if (cb_len)
		memcpy(r->cb_data, cb_data, cb_len);
	r->cb_len = cb_len;
	free(r->sni);
	r->sni = server_name ? base_xstrdup(server_name) : NULL;
}

static size_t input_startup(struct session *s, const uint8_t *buf, size_t len, size_t *want)
{
	struct pgw_startup st;
	struct pgerr err;
	size_t used = 0;
	pgerr_clear(&err);
	switch (pgw_fe_read_startup(buf, len, s->msg_arena, &st, &used, &err)) {
	case PGW_NEED_MORE:
		*want = len >= 4 ? ((size_t)buf[0] << 24 | (size_t)buf[1] << 16 |
				    (size_t)buf[2] << 8 | buf[3])
				 : 4;
		return 0;
	case PGW_BAD:
		sess_report_error(s, &err);
		return len;
	case PGW_OK:
		break;
	}
	switch (st.kind) {
	case PGW_SSL_REQUEST:
		answer_ssl(s, len - used);
		break;
	case PGW_GSSENC_REQUEST:
		strbuf_putc(&s->out, 'N');
		break;
	case PGW_CANCEL_REQUEST:
		if (s->env->cancel_fn)
			s->env->cancel_fn(s->env->cancel_ctx, st.cancel_pid, st.cancel_key);
		s->state = SESS_CLOSING;
		break;
	case PGW_STARTUP:
		if (!start(s, &st, &err))
			sess_report_error(s, &err);
		break;
	}
	return used;
}

/* ---- normal message processing ---- */

static void dispatch(struct session *s, const struct pgw_msg *m, bool sync_next)
{
	if (s->state == SESS_AUTH) {
		sess_auth_message(s, m);
		return;
	}
	if (s->state == SESS_COPY_IN) {
		sess_copy_input(s, m);
		return;
	}
	if (s->state == SESS_SKIP_TO_SYNC && m->type != PGW_FE_SYNC &&
	    m->type != PGW_FE_TERMINATE)
		return;
	switch (m->type) {
	case PGW_FE_QUERY:
		sess_simple_query(s, m);
		break;
	case PGW_FE_PARSE:
		sess_ext_parse(s, m);
		break;
	case PGW_FE_BIND:
		sess_ext_bind(s, m);
		break;
	case PGW_FE_DESCRIBE:
		sess_ext_describe(s, m);
		break;
	case PGW_FE_EXECUTE:
		sess_ext_execute(s, m, sync_next);
		break;
	case PGW_FE_CLOSE:
		sess_ext_close(s, m);
		break;
	case PGW_FE_SYNC:
		sess_ext_sync(s);
		break;
	case PGW_FE_FLUSH:
		break; /* output is flushed after every batch of input anyway */
	case PGW_FE_TERMINATE:
		s->state = SESS_CLOSING;
		break;
	case PGW_FE_COPY_DATA:
	case PGW_FE_COPY_DONE:
	case PGW_FE_COPY_FAIL:
		break; /* PostgreSQL ignores stray copy messages outside COPY */
	case PGW_FE_FUNCTION_CALL: /* a cycle of its own, as a Query is: ends in ReadyForQuery */
		sess_fastpath_call(s, m);
		break;
	default: {
		char msg[64];
		snprintf(msg, sizeof(msg), "invalid frontend message type %d", m->type);
		session_fatal(s, SQLSTATE_PROTOCOL_VIOLATION, msg);
		break;
	}
	}
}

/* A message is over (a Query that stopped half-way: once it finished on a later input). */
static void msg_done(struct session *s)
{
	sess_wait_msg_end(s);
	sess_client_msg_end(s);
	sess_temp_autocommit(s);
	if (s->discard_pending) {
		sess_ext_free_all(s);
		s->discard_pending = false;
	}
	arena_reset(s->msg_arena);
}

/* What a message that stopped half-way waits for. */
static size_t stop_want(const struct session *s)
{
	if (s->punted)
		return SESSION_WANT_WORKER;
	return s->parked ? SESSION_WANT_WAKE : SESSION_WANT_DRAIN;
}

static size_t input_messages(struct session *s, const uint8_t *buf, size_t len, size_t *want)
{
	size_t total = 0;
	while (s->state != SESS_CLOSING && total < len) {
		struct pgw_msg m;
		struct pgerr err;
		size_t used = 0;
		/* Authentication answers are small; PostgreSQL caps them at 64kB so a client that
		 * has not authenticated cannot make the server buffer max_message_size bytes. */
		size_t max = s->state == SESS_AUTH ? SESS_AUTH_MAX_MSG
						   : (size_t)s->cfg->max_message_size;
		pgerr_clear(&err);
		enum pgw_read_status rs =
		    pgw_fe_read_msg(buf + total, len - total, max, &m, &used, &err);
		if (rs == PGW_NEED_MORE) {
			const uint8_t *p = buf + total;
			*want = len - total >= 5 ? 1 + ((size_t)p[1] << 24 | (size_t)p[2] << 16 |
							(size_t)p[3] << 8 | p[4])
						 : 5;
			break;
		}
		if (rs == PGW_BAD) {
			sess_report_error(s, &err);
			return len;
		}
		size_t mark = s->out.len;
		sess_wait_msg_begin(s);
		sess_client_msg_begin(s, &m);
		dispatch(s, &m, pgw_fe_sync_at(buf + total + used, len - total - used));
		if (s->state == SESS_OPENING) {
			/* The password was right; the tenant's migration waits (open_tenant). */
			sess_wait_msg_end(s);
			sess_client_msg_end(s);
			arena_reset(s->msg_arena);
			*want = SESSION_WANT_WAKE;
			return total + used;
		}
		if (s->parked || s->yielded || s->punted) {
			/* A Query continues where it stopped (sess_simple_continue); any other
			 * message waits unconsumed and runs again (from scratch when it waited for a
			 * lock or punted to a worker, from its portal's position when it yielded
			 * its output). */
			if (s->simple.active)
				total += used;
			else if (!s->yielded)
				s->out.len = mark;
			*want = stop_want(s);
			return total;
		}
		/* PostgreSQL flushes its output at a Sync, a Flush, the end of a Query (and COPY,
		 * function calls ...), not after Parse, Bind, Describe, Execute or Close. */
		if (m.type != 'P' && m.type != 'B' && m.type != 'D' && m.type != 'E' && m.type != 'C')
			s->flush_due = true;
		msg_done(s);
		total += used;
		check_invariants(s);
	}
	return total;
}

/* A parked Query goes on first; then the idle-in-transaction timeout, which applies only when
 * no whole message is waiting (a client that just sent one is not idle). */
static size_t input_ready(struct session *s, const uint8_t *buf, size_t len, size_t *want)
{
	if (s->simple.active) {
		sess_simple_continue(s);
		if (s->parked || s->yielded || s->punted) {
			*want = stop_want(s);
			return 0;
		}
		msg_done(s);
	}
	size_t need = len >= 5 ? 1 + ((size_t)buf[1] << 24 | (size_t)buf[2] << 16 |
				      (size_t)buf[3] << 8 | buf[4])
			       : 5;
	if (len < need && sess_wait_idle_expired(s)) {
		sess_txn_abort(s);
		session_fatal(s, SQLSTATE_IDLE_IN_TRANSACTION_TIMEOUT,
			      "terminating connection due to idle-in-transaction timeout");
		return len;
	}
	return input_messages(s, buf, len, want);
}

/* Input after startup runs on the tenant's connection, borrowed for it when not held. A
 * tenant that cannot be opened any more (out of file descriptors) ends the session. */
static bool borrow(struct session *s)
{
	if (s->state == SESS_AUTH || s->state == SESS_CLOSING)
		return true;
	struct pgerr err;
	pgerr_clear(&err);
	if (sess_conn_borrow(s, &err))
		return true;
	sess_report_error(s, &err);
	return false;
}

/* The per-message arena exists only while input runs or a message stopped half-way: an idle
 * session keeps no arena chunk (idle clients cost a few hundred bytes each). Between inputs the
 * arena waits among a few spares that the next input of any session takes: a new one would
 * cost a malloc and a free of its 8 KiB chunk, about 900 instructions per round trip. The
 * spares are slots taken and filled with atomic exchanges, not a list behind a mutex, which
 * every loop and worker took twice per input (16 times per TPC-B transaction). */
#define SPARE_ARENAS 16
static _Atomic(struct arena *) spare_arenas[SPARE_ARENAS];

static struct arena *arena_take(void)
{
	for (size_t i = 0; i < SPARE_ARENAS; i++) {
		struct arena *a = atomic_load_explicit(&spare_arenas[i], memory_order_relaxed)
					  ? atomic_exchange(&spare_arenas[i], NULL)
					  : NULL;
		if (a)
			return a;
	}
	return arena_new(0);
}

static void arena_trim(struct session *s)
{
	if (s->simple.active || s->parked || s->yielded || s->state == SESS_COPY_IN)
		return;
	struct arena *a = s->msg_arena;
	s->msg_arena = NULL;
	arena_reset(a); /* keeps the first chunk only */
	for (size_t i = 0; i < SPARE_ARENAS; i++) {
		struct arena *none = NULL;
		if (!atomic_load_explicit(&spare_arenas[i], memory_order_relaxed) &&
		    atomic_compare_exchange_strong(&spare_arenas[i], &none, a))
			return;
	}
	arena_free(a);
}

static size_t input(struct session *s, const uint8_t *buf, size_t len, size_t *want);

size_t session_input(struct session *s, const uint8_t *buf, size_t len, size_t *want)
{
	config_live_refresh(s->env->cfg, &s->cfg); /* nothing points into the old one between inputs */
	if (!s->msg_arena)
		s->msg_arena = arena_take();
	size_t n = input(s, buf, len, want);
	if (sess_notify_deliver(s) && *want != SESSION_WANT_WORKER)
		*want = SESSION_WANT_DRAIN; /* more notifications once the client read these */
	arena_trim(s);
	return n;
}

static size_t input(struct session *s, const uint8_t *buf, size_t len, size_t *want)
{
	*want = 0;
	if (s->state == SESS_CLOSING)
		return len;
	if (sess_conn_still_held(s)) {
		*want = SESSION_WANT_WAKE;
		return 0;
	}
	if (s->state == SESS_CLOSING)
		return len;
	size_t used = 0;
	if (s->state == SESS_STARTUP) {
		used = input_startup(s, buf, len, want);
		arena_reset(s->msg_arena);
		if (s->state == SESS_STARTUP || s->state == SESS_CLOSING || used == 0)
			return s->state == SESS_CLOSING ? len : used;
	} else if (s->state == SESS_OPENING) {
		struct pgerr err;
		pgerr_clear(&err);
		if (!open_tenant(s, &err)) {
			sess_report_error(s, &err);
			return len;
		}
	}
	if (s->state == SESS_OPENING) {
		*want = SESSION_WANT_WAKE;
		return used;
	}
	if (sess_client_terminated(s))
		return len;
	/* A Terminate needs no connection: borrowing one would open (and migrate) the tenant
	 * for a client that is leaving. */
	if ((s->migrating || (len > used && buf[used] != 'X')) && !borrow(s))
		return len;
	if (s->migrating) { /* a reload's migration waits for the tenant's lock: parked */
		*want = SESSION_WANT_WAKE;
		return used;
	}
	sess_wait_input_begin(s);
	size_t n = input_ready(s, buf + used, len - used, want);
	sess_types_input_end(s);
	sess_wait_input_end(s, n > 0);
	if (sess_conn_hold_output(s))
		*want = SESSION_WANT_WAKE;
	if (sess_conn_idle(s))
		sess_conn_give_back(s);
	return s->state == SESS_CLOSING ? len : used + n;
}
