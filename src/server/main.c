/* SPDX-License-Identifier: Apache-2.0 */
/* main.c: the shardlite process — command line, configuration, signals, and the wiring of
 * listeners (net) to sessions and sessions to tenant files (shard). */
#include <event2/event.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

#include "auth.h"
#include "config.h"
#include "exec.h"
#include "net.h"
#include "pgfn.h"
#include "pgtype.h"
#include "session.h"
#include "shard.h"

#include "server_int.h"

struct server {
	struct event_base *base;
	struct server_args args;
	struct config *cfg; /* loop 0's reference to the running snapshot; env.cfg publishes it */
	struct auth *auth;
	struct net_tls *tls;
	struct session_tenant_counts *tenant_counts;
	struct shard_registry *shards;
	struct net *net;
	struct exec_pool *pool;
	struct session_env env;
	uint32_t next_id; /* atomic: every loop thread opens sessions */
	/* The session registry, for CancelRequest lookups by pid. Sessions are added on their
	 * loop's thread, canceled from any loop (the CancelRequest arrives on a connection of its
	 * own, maybe on another loop) and removed on workers: conns_lock guards the list, and a
	 * session is unlinked under it before it is freed, so a cancel never meets a freed
	 * session; session_cancel itself only touches atomics. */
	pthread_mutex_t conns_lock;
	struct server_conn *conns;
};

/* A session plus its place in the server's list (cancel requests find sessions by pid). */
struct server_conn {
	struct server *srv;
	struct session *sess;
	struct server_conn *prev, *next;
};

static void cancel_session(void *ctx, uint32_t pid, uint32_t key)
{
	struct server *srv = ctx;
	pthread_mutex_lock(&srv->conns_lock);
	for (struct server_conn *c = srv->conns; c; c = c->next) {
		if (session_pid(c->sess) == pid) {
			if (session_cancel(c->sess, key))
				LOG_INFO(pid, NULL, "cancel request honoured");
			break;
		}
	}
	pthread_mutex_unlock(&srv->conns_lock);
}

static void *conn_open(void *ctx, enum net_origin origin)
{
	struct server *srv = ctx;
	struct server_conn *c = base_xcalloc(1, sizeof(*c));
	c->srv = srv;
	uint32_t id = __atomic_add_fetch(&srv->next_id, 1, __ATOMIC_RELAXED);
	if (id == 0) /* 0 means "no session" in the log; a wrapped counter skips it */
		id = __atomic_add_fetch(&srv->next_id, 1, __ATOMIC_RELAXED);
	enum session_origin so = origin == NET_UNIX       ? SESSION_UNIX
				 : origin == NET_LOOPBACK ? SESSION_LOOPBACK
							  : SESSION_REMOTE;
	c->sess = session_new(id, &srv->env, so);
	pthread_mutex_lock(&srv->conns_lock);
	c->next = srv->conns;
	if (srv->conns)
		srv->conns->prev = c;
	srv->conns = c;
	pthread_mutex_unlock(&srv->conns_lock);
	return c;
}

static void conn_wake(void *arg) { net_conn_wake(arg); }

static void conn_attach(void *state, struct net_conn *nc)
{
	char addr[64];
	int port = 0;
	session_set_waker(((struct server_conn *)state)->sess, conn_wake, nc);
	if (!net_conn_peer(nc, addr, sizeof(addr), &port))
		return; /* a Unix socket */
	session_set_peer(((struct server_conn *)state)->sess, addr, port);
	if (net_conn_local(nc, addr, sizeof(addr), &port))
		session_set_local(((struct server_conn *)state)->sess, addr, port);
}

static size_t conn_input(void *state, const uint8_t *buf, size_t len, size_t *want)
{
	struct server_conn *c = state;
	size_t used = session_input(c->sess, buf, len, want);
	if (*want == SESSION_WANT_WAKE)
		*want = NET_WANT_WAKE;
	else if (*want == SESSION_WANT_DRAIN)
		*want = NET_WANT_DRAIN;
	return used;
}

static size_t conn_inline(void *state, const uint8_t *buf, size_t len, size_t *want)
{
	struct server_conn *c = state;
	size_t used = session_input_inline(c->sess, buf, len, want);
	if (*want == SESSION_WANT_WAKE)
		*want = NET_WANT_WAKE;
	else if (*want == SESSION_WANT_DRAIN)
		*want = NET_WANT_DRAIN;
	else if (*want == SESSION_WANT_WORKER)
		*want = NET_WANT_WORKER;
	return used;
}

static int conn_wake_after(void *state)
{
	return session_wake_after_ms(((struct server_conn *)state)->sess);
}

static struct strbuf *conn_output(void *state)
{
	return session_output(((struct server_conn *)state)->sess);
}
static bool conn_output_held(void *state)
{
	return session_output_held(((struct server_conn *)state)->sess);
}
static bool conn_closing(void *state)
{
	return session_closing(((struct server_conn *)state)->sess);
}
static bool conn_started(void *state)
{
	return session_started(((struct server_conn *)state)->sess);
}

static void conn_timeout(void *state)
{
	struct server_conn *c = state;
	LOG_INFO(session_id(c->sess), NULL, "startup timeout");
	session_fatal(c->sess, SQLSTATE_PROTOCOL_VIOLATION, "startup packet timeout");
}

static void conn_terminate(void *state)
{
	struct server_conn *c = state;
	session_fatal(c->sess, SQLSTATE_ADMIN_SHUTDOWN,
		      "terminating connection due to administrator command");
}

static void conn_interrupt(void *state) { session_interrupt(((struct server_conn *)state)->sess); }

static void conn_close(void *state)
{
	struct server_conn *c = state;
	struct server *srv = c->srv;
	pthread_mutex_lock(&srv->conns_lock);
	if (c->prev)
		c->prev->next = c->next;
	else
		srv->conns = c->next;
	if (c->next)
		c->next->prev = c->prev;
	pthread_mutex_unlock(&srv->conns_lock);
	LOG_DEBUG(session_id(c->sess), session_tenant(c->sess), "disconnected");
	session_free(c->sess);
	free(c);
}

static bool conn_close_cheap(void *state)
{
	return session_close_cheap(((struct server_conn *)state)->sess);
}

static bool conn_tls_start(void *state)
{
	return session_tls_start(((struct server_conn *)state)->sess);
}

static void conn_tls_ready(void *state, const struct net_tls_info *info)
{
	struct server_conn *c = state;
	LOG_DEBUG(session_id(c->sess), NULL, "TLS up: %s%s%s", info->protocol,
		  info->server_name ? ", server name " : "",
		  info->server_name ? info->server_name : "");
	session_tls_ready(c->sess, info->cb_data, info->cb_len, info->server_name);
}

static const struct net_handler session_handler = {
	.open_fn = conn_open,
	.attach_fn = conn_attach,
	.input_fn = conn_input,
	.inline_fn = conn_inline,
	.wake_after_fn = conn_wake_after,
	.output_fn = conn_output,
	.output_held_fn = conn_output_held,
	.closing_fn = conn_closing,
	.started_fn = conn_started,
	.timeout_fn = conn_timeout,
	.terminate_fn = conn_terminate,
	.interrupt_fn = conn_interrupt,
	.close_fn = conn_close,
	.close_cheap_fn = conn_close_cheap,
	.tls_start_fn = conn_tls_start,
	.tls_ready_fn = conn_tls_ready,
};

/* ---- command line ---- */

static void usage(FILE *f)
{
	fprintf(f,
		"shardlite %s — a PostgreSQL server whose storage is one SQLite file per tenant\n\n"
		"Usage: shardlite [OPTION]...\n"
		"       shardlite passwd [--md5] USER   print a password secret for the users file\n"
		"       shardlite migrate [--config FILE] [--data-dir DIR] [--jobs N]\n"
		"                                       bring every tenant up to migrations_dir\n\n"
		"  --config FILE        read settings from an ini-style file\n"
		"  --data-dir DIR       tenant files live here (data_dir)\n"
		"  --listen ADDRS       comma-separated TCP addresses, '*' for all, '' for none\n"
		"  --port N             TCP port and Unix socket number (port)\n"
		"  --socket-dir DIR     directory of the Unix socket, '' to disable\n"
		"  --set KEY=VALUE      set any configuration key (see docs/config.md)\n"
		"  --help               show this help and exit\n"
		"  --version            show the version and exit\n\n"
		"Command-line settings override the config file. SIGHUP reloads the file, the\n"
		"users file and the TLS certificates.\n",
		SHARDLITE_VERSION);
}

struct config *server_load_config(const struct server_args *a, char *errbuf, size_t errlen)
{
	struct config_builder *b = config_builder_new();
	bool ok = !a->config_file || config_builder_load_file(b, a->config_file, errbuf, errlen);
	for (size_t i = 0; ok && i < a->nsets; i++) {
		char *kv = base_xstrdup(a->sets[i]);
		char *eq = strchr(kv, '=');
		*eq = '\0';
		ok = config_builder_set(b, kv, eq + 1, errbuf, errlen);
		free(kv);
	}
	struct config *cfg = ok ? config_builder_build(b) : NULL;
	config_builder_free(b);
	if (cfg && !pgtype_tz_lookup(cfg->timezone)) { /* sessions would fall back to UTC */
		snprintf(errbuf, errlen, "timezone: \"%s\" is not a time zone", cfg->timezone);
		config_free(cfg);
		cfg = NULL;
	}
	return cfg;
}

void server_args_set(struct server_args *a, const char *key, const char *value)
{
	a->sets = base_xrealloc(a->sets, (a->nsets + 1) * sizeof(char *));
	size_t n = strlen(key) + strlen(value) + 2;
	a->sets[a->nsets] = base_xmalloc(n);
	snprintf(a->sets[a->nsets++], n, "%s=%s", key, value);
}

/* Collects the config file and overrides in the order given; exits on a usage error. */
static void parse_args(int argc, char **argv, struct server_args *a)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'},
		{"data-dir", required_argument, NULL, 'D'},
		{"listen", required_argument, NULL, 'l'},
		{"port", required_argument, NULL, 'p'},
		{"socket-dir", required_argument, NULL, 'k'},
		{"set", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			a->config_file = optarg;
			break;
		case 'D':
			server_args_set(a, "data_dir", optarg);
			break;
		case 'l':
			server_args_set(a, "listen_addresses", optarg);
			break;
		case 'p':
			server_args_set(a, "port", optarg);
			break;
		case 'k':
			server_args_set(a, "unix_socket_dir", optarg);
			break;
		case 's':
			if (!strchr(optarg, '=')) {
				fprintf(stderr, "shardlite: --set expects KEY=VALUE, got \"%s\"\n",
					optarg);
				exit(2);
			}
			a->sets = base_xrealloc(a->sets, (a->nsets + 1) * sizeof(char *));
			a->sets[a->nsets++] = base_xstrdup(optarg);
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			printf("shardlite %s\n", SHARDLITE_VERSION);
			exit(0);
		default:
			usage(stderr);
			exit(2);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "shardlite: unexpected argument \"%s\"\n", argv[optind]);
		exit(2);
	}
}

static void free_args(struct server_args *a)
{
	for (size_t i = 0; i < a->nsets; i++)
		free(a->sets[i]);
	free(a->sets);
}

/* ---- shardlite passwd ---- */

/* Reads one line into buf without the newline; with echo off when stdin is a terminal. */
static bool read_password(const char *prompt, char *buf, size_t len)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	if (tty) {
		fprintf(stderr, "%s", prompt);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	bool ok = fgets(buf, (int)len, stdin) != NULL;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
	}
	buf[ok ? strcspn(buf, "\r\n") : 0] = '\0';
	return ok;
}

static int passwd_main(int argc, char **argv)
{
	bool md5 = argc == 4 && strcmp(argv[2], "--md5") == 0;
	if (argc != 3 + md5) {
		fprintf(stderr, "Usage: shardlite passwd [--md5] USER  (password from the terminal "
				"or one line of stdin)\n");
		return 2;
	}
	const char *user = argv[argc - 1];
	char pw[1024], again[1024];
	if (!read_password("Password: ", pw, sizeof(pw)) || !pw[0]) {
		fprintf(stderr, "shardlite: no password given\n");
		return 1;
	}
	if (isatty(STDIN_FILENO) &&
	    (!read_password("Again: ", again, sizeof(again)) || strcmp(pw, again) != 0)) {
		fprintf(stderr, "shardlite: the passwords do not match\n");
		return 1;
	}
	char md5buf[36], *secret = md5 ? md5buf : auth_scram_secret_new(pw, AUTH_SCRAM_ITERATIONS);
	if (md5)
		auth_md5_secret(user, pw, md5buf);
	memset(pw, 0, sizeof(pw));
	if (!secret) {
		fprintf(stderr, "shardlite: no random bytes for the salt\n");
		return 1;
	}
	printf("%s\n", secret);
	if (!md5)
		free(secret);
	return 0;
}

/* ---- authentication and TLS from the configuration (startup and SIGHUP) ---- */

static bool rules_of(const struct config *cfg, struct auth_rules *r)
{
	r->password_without_tls = cfg->auth_password_without_tls;
	return auth_method_parse(cfg->auth_unix, &r->unix_method) &&
	       auth_method_parse(cfg->auth_loopback, &r->loopback_method) &&
	       auth_method_parse(cfg->auth_remote, &r->remote_method);
}

/* Applies the rules and the users file of cfg to auth. False (auth unchanged) with errbuf. */
static bool apply_auth(struct auth *a, const struct config *cfg, char *errbuf, size_t errlen)
{
	struct auth_rules rules;
	struct auth_users *users = NULL;
	if (!rules_of(cfg, &rules)) {
		snprintf(errbuf, errlen, "invalid authentication method in [auth]");
		return false;
	}
	if (cfg->users_file[0] && !(users = auth_users_load(cfg->users_file, errbuf, errlen)))
		return false;
	auth_set_rules(a, &rules);
	auth_set_users(a, users);
	if (users)
		LOG_INFO(0, NULL, "users file %s: %zu users", cfg->users_file,
			 auth_users_count(users));
	return true;
}

static bool setup_security(struct server *srv, char *errbuf, size_t errlen)
{
	uint8_t secret[AUTH_SERVER_SECRET_LEN];
	char path[4096];
	snprintf(path, sizeof(path), "%s/server.secret", srv->cfg->data_dir);
	if (!auth_server_secret_load(path, secret, errbuf, errlen))
		return false;
	srv->auth = auth_new(secret);
	srv->tenant_counts = session_tenant_counts_new();
	if (!apply_auth(srv->auth, srv->cfg, errbuf, errlen))
		return false;
	if (strcmp(srv->cfg->ssl, "off") != 0)
		srv->tls = net_tls_new(srv->cfg->ssl_cert_file, srv->cfg->ssl_key_file,
				       srv->cfg->ssl_ca_file, errbuf, errlen);
	return strcmp(srv->cfg->ssl, "off") == 0 || srv->tls;
}

static void not_reloaded(const char *key, void *ctx)
{
	LOG_WARN(0, NULL, "reload: \"%s\" changed but takes effect only at the next start", key);
}

/* SIGHUP: the file and overrides again; reloadable keys, users and certificates take effect.
 * Anything that fails to load leaves the running setting in place. Other reloadable parts of
 * the server hook in here. */
static void reload(struct server *srv)
{
	char err[512];
	struct config *fresh = server_load_config(&srv->args, err, sizeof(err));
	if (!fresh) {
		LOG_ERROR(0, NULL, "reload failed, configuration unchanged: %s", err);
		return;
	}
	struct config *cfg = config_merge_reloadable(srv->cfg, fresh, not_reloaded, NULL);
	config_free(fresh);
	enum base_log_level level;
	if (base_log_level_parse(cfg->log_level, &level))
		base_log_set_level(level);
	if (!apply_auth(srv->auth, cfg, err, sizeof(err)))
		LOG_ERROR(0, NULL, "reload: users and rules unchanged: %s", err);
	if (!server_migrations_load(srv->shards, cfg, NULL, err, sizeof(err)))
		LOG_ERROR(0, NULL, "reload: migrations unchanged: %s", err);
	if (srv->tls && !net_tls_reload(srv->tls, cfg->ssl_cert_file, cfg->ssl_key_file,
					cfg->ssl_ca_file, err, sizeof(err)))
		LOG_ERROR(0, NULL, "reload: certificates unchanged: %s", err);
	/* Sessions pin the snapshot they read; the old one is freed when the last lets go. */
	config_live_publish(srv->env.cfg, config_ref(cfg));
	config_free(srv->cfg);
	srv->cfg = cfg;
	pgfn_conf_loaded();
	LOG_INFO(0, NULL, "configuration reloaded");
}

/* ---- signals ---- */

static void on_hup_signal(evutil_socket_t sig, short what, void *arg)
{
	LOG_INFO(0, NULL, "received SIGHUP: reloading");
	reload(arg);
}

static void on_stop_signal(evutil_socket_t sig, short what, void *arg)
{
	struct server *srv = arg;
	LOG_INFO(0, NULL, "received %s: shutting down", sig == SIGINT ? "SIGINT" : "SIGTERM");
	event_base_loopbreak(srv->base);
}

static enum shard_durability durability_of(const char *word)
{
	if (strcmp(word, "full") == 0)
		return SHARD_DURABILITY_FULL;
	if (strcmp(word, "off") == 0)
		return SHARD_DURABILITY_OFF;
	return SHARD_DURABILITY_GROUP;
}

/* loop_threads = 0: one loop per CPU, so the read fast path can use every core. */
static int loops_of(const struct config *cfg)
{
	long n = cfg->loop_threads > 0 ? cfg->loop_threads : sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : (int)(n > 64 ? 64 : n);
}

/* Every client costs a descriptor (its socket) and every open tenant connection three (the
 * file, its WAL, its shared-memory index): the soft limit, often 1024, is raised to the hard
 * one. */
static void raise_fd_limit(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return;
	rlim_t soft = rl.rlim_cur;
	if (soft < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			rl.rlim_cur = soft;
	}
	LOG_INFO(0, NULL, "open files limit: %llu (was %llu, hard limit %llu)",
		 (unsigned long long)rl.rlim_cur, (unsigned long long)soft,
		 (unsigned long long)rl.rlim_max);
}

int main(int argc, char **argv)
{
	struct server srv = {0};
	if (argc >= 2 && strcmp(argv[1], "passwd") == 0)
		return passwd_main(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "migrate") == 0)
		return server_migrate_main(argc - 1, argv + 1);
	char errbuf[512];
	parse_args(argc, argv, &srv.args);
	srv.cfg = server_load_config(&srv.args, errbuf, sizeof(errbuf));
	if (!srv.cfg) {
		fprintf(stderr, "shardlite: %s\n", errbuf);
		return 2;
	}
	enum base_log_level level;
	if (base_log_level_parse(srv.cfg->log_level, &level))
		base_log_set_level(level);
	signal(SIGPIPE, SIG_IGN);
	raise_fd_limit();

	struct pgerr err;
	pgerr_clear(&err);
	struct shard_opts so = {.data_dir = srv.cfg->data_dir,
				.auto_create = srv.cfg->auto_create,
				.max_open_tenants = srv.cfg->max_open_tenants,
				.sync_threads = srv.cfg->sync_threads,
				.durability = durability_of(srv.cfg->durability),
				.defer_wakes = exec_defer_kicks,
				.wake_deferred = exec_kick_deferred};
	pthread_mutex_init(&srv.conns_lock, NULL);
	srv.shards = shard_registry_new(&so, &err);
	if (!srv.shards) {
		fprintf(stderr, "shardlite: %s\n", err.message);
		return 1;
	}
	if (!server_migrations_load(srv.shards, srv.cfg, NULL, errbuf, sizeof(errbuf)) ||
	    !setup_security(&srv, errbuf, sizeof(errbuf))) {
		fprintf(stderr, "shardlite: %s\n", errbuf);
		return 1;
	}
	srv.env = (struct session_env){.cfg = config_live_new(config_ref(srv.cfg)),
				       .shards = srv.shards,
				       .cancel_fn = cancel_session,
				       .cancel_ctx = &srv,
				       .auth = srv.auth,
				       .tenant_counts = srv.tenant_counts};
	srv.base = event_base_new();
	srv.pool = exec_pool_new(srv.base, srv.cfg->worker_threads, errbuf, sizeof(errbuf));
	if (!srv.pool) {
		fprintf(stderr, "shardlite: %s\n", errbuf);
		return 1;
	}
	struct net_opts no = {
		.listen_addresses = srv.cfg->listen_addresses,
		.port = srv.cfg->port,
		.unix_socket_dir = srv.cfg->unix_socket_dir,
		.startup_timeout_ms = srv.cfg->startup_timeout_ms,
		.max_connections = srv.cfg->max_connections,
		.tls = srv.tls,
		.pool = srv.pool,
		.shutdown_grace_ms = srv.cfg->shutdown_timeout_ms,
		.loop_threads = loops_of(srv.cfg),
	};
	/* Before the listeners: a SIGTERM sent as soon as the socket exists must reach the
	 * handler, not kill the process (libevent queues it until the loop runs). */
	struct event *sigint = evsignal_new(srv.base, SIGINT, on_stop_signal, &srv);
	struct event *sigterm = evsignal_new(srv.base, SIGTERM, on_stop_signal, &srv);
	struct event *sighup = evsignal_new(srv.base, SIGHUP, on_hup_signal, &srv);
	evsignal_add(sigint, NULL);
	evsignal_add(sigterm, NULL);
	evsignal_add(sighup, NULL);
	srv.net = net_new(srv.base, &no, &session_handler, &srv, errbuf, sizeof(errbuf));
	if (!srv.net) {
		fprintf(stderr, "shardlite: %s\n", errbuf);
		exec_pool_free(srv.pool);
		shard_registry_free(srv.shards);
		event_free(sigint);
		event_free(sigterm);
		event_free(sighup);
		event_base_free(srv.base);
		config_live_free(srv.env.cfg);
		config_free(srv.cfg);
		return 1;
	}
	LOG_INFO(0, NULL,
		 "shardlite %s ready: data_dir=%s listen=%s port=%d socket_dir=%s loops=%u "
		 "workers=%zu",
		 SHARDLITE_VERSION, srv.cfg->data_dir, srv.cfg->listen_addresses, srv.cfg->port,
		 srv.cfg->unix_socket_dir[0] ? srv.cfg->unix_socket_dir : "(none)",
		 net_loop_count(srv.net), exec_pool_threads(srv.pool));

	event_base_dispatch(srv.base);

	net_free(srv.net); /* waits for running statements, frees every session */
	exec_pool_free(srv.pool);
	event_free(sigint);
	event_free(sigterm);
	event_free(sighup);
	shard_registry_free(srv.shards);
	event_base_free(srv.base);
	net_tls_free(srv.tls);
	auth_free(srv.auth);
	session_tenant_counts_free(srv.tenant_counts);
	config_live_free(srv.env.cfg);
	config_free(srv.cfg);
	free_args(&srv.args);
	LOG_INFO(0, NULL, "stopped");
	return 0;
}
