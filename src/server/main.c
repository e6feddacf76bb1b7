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

#include "config.h"
#include "exec.h"
#include "net.h"
#include "session.h"
#include "shard.h"

struct server {
	struct event_base *base;
	struct config *cfg;
	struct shard_registry *shards;
	struct net *net;
	struct exec_pool *pool;
	struct session_env env;
	uint32_t next_id;
	/* The session registry, for CancelRequest lookups by pid. Sessions are added on the loop
	 * thread and removed and canceled on workers: conns_lock guards the list, and a session
	 * is unlinked under it before it is freed, so a cancel never meets a freed session. */
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
	if (++srv->next_id == 0)
		srv->next_id = 1;
	enum session_origin so = origin == NET_UNIX       ? SESSION_UNIX
				 : origin == NET_LOOPBACK ? SESSION_LOOPBACK
							  : SESSION_REMOTE;
	c->sess = session_new(srv->next_id, &srv->env, so);
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
	session_set_waker(((struct server_conn *)state)->sess, conn_wake, nc);
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

static bool conn_cheap(void *state, const uint8_t *buf, size_t len)
{
	return session_input_is_cheap(((struct server_conn *)state)->sess, buf, len);
}

static int conn_wake_after(void *state)
{
	return session_wake_after_ms(((struct server_conn *)state)->sess);
}

static struct strbuf *conn_output(void *state) { return session_output(((struct server_conn *)state)->sess); }
static bool conn_closing(void *state) { return session_closing(((struct server_conn *)state)->sess); }
static bool conn_started(void *state) { return session_started(((struct server_conn *)state)->sess); }

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

static const struct net_handler session_handler = {
	.open_fn = conn_open,
	.attach_fn = conn_attach,
	.input_fn = conn_input,
	.cheap_fn = conn_cheap,
	.wake_after_fn = conn_wake_after,
	.output_fn = conn_output,
	.closing_fn = conn_closing,
	.started_fn = conn_started,
	.timeout_fn = conn_timeout,
	.terminate_fn = conn_terminate,
	.interrupt_fn = conn_interrupt,
	.close_fn = conn_close,
};

/* ---- command line ---- */

static void usage(FILE *f)
{
	fprintf(f,
		"shardlite %s — a PostgreSQL server whose storage is one SQLite file per tenant\n\n"
		"Usage: shardlite [OPTION]...\n\n"
		"  --config FILE        read settings from an ini-style file\n"
		"  --data-dir DIR       tenant files live here (data_dir)\n"
		"  --listen ADDRS       comma-separated TCP addresses, '*' for all, '' for none\n"
		"  --port N             TCP port and Unix socket number (port)\n"
		"  --socket-dir DIR     directory of the Unix socket, '' to disable\n"
		"  --set KEY=VALUE      set any configuration key (see docs/config.md)\n"
		"  --help               show this help and exit\n"
		"  --version            show the version and exit\n\n"
		"Command-line settings override the config file.\n",
		SHARDLITE_VERSION);
}

/* Applies `key=value` to the builder; exits with a message on error. */
static void set_or_die(struct config_builder *b, const char *key, const char *value)
{
	char err[512];
	if (!config_builder_set(b, key, value, err, sizeof(err))) {
		fprintf(stderr, "shardlite: %s\n", err);
		exit(2);
	}
}

static struct config *parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'},   {"data-dir", required_argument, NULL, 'D'},
		{"listen", required_argument, NULL, 'l'},   {"port", required_argument, NULL, 'p'},
		{"socket-dir", required_argument, NULL, 'k'}, {"set", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},           {"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *config_file = NULL;
	int opt;
	/* First pass: only --config, --help, --version, so the file loads before overrides. */
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (opt == 'c')
			config_file = optarg;
		else if (opt == 'h')
			usage(stdout), exit(0);
		else if (opt == 'V')
			printf("shardlite %s\n", SHARDLITE_VERSION), exit(0);
		else if (opt == '?')
			usage(stderr), exit(2);
	}
	if (optind < argc) {
		fprintf(stderr, "shardlite: unexpected argument \"%s\"\n", argv[optind]);
		exit(2);
	}
	struct config_builder *b = config_builder_new();
	char err[512];
	if (config_file && !config_builder_load_file(b, config_file, err, sizeof(err))) {
		fprintf(stderr, "shardlite: %s\n", err);
		exit(2);
	}
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (opt) {
		case 'D':
			set_or_die(b, "data_dir", optarg);
			break;
		case 'l':
			set_or_die(b, "listen_addresses", optarg);
			break;
		case 'p':
			set_or_die(b, "port", optarg);
			break;
		case 'k':
			set_or_die(b, "unix_socket_dir", optarg);
			break;
		case 's': {
			char *eq = strchr(optarg, '=');
			if (!eq) {
				fprintf(stderr, "shardlite: --set expects KEY=VALUE, got \"%s\"\n",
					optarg);
				exit(2);
			}
			*eq = '\0';
			set_or_die(b, optarg, eq + 1);
			break;
		}
		default:
			break;
		}
	}
	struct config *cfg = config_builder_build(b);
	config_builder_free(b);
	return cfg;
}

/* ---- signals ---- */

static void on_stop_signal(evutil_socket_t sig, short what, void *arg)
{
	struct server *srv = arg;
	LOG_INFO(0, NULL, "received %s: shutting down", sig == SIGINT ? "SIGINT" : "SIGTERM");
	event_base_loopbreak(srv->base);
}

int main(int argc, char **argv)
{
	struct server srv = {0};
	srv.cfg = parse_args(argc, argv);
	enum base_log_level level;
	if (base_log_level_parse(srv.cfg->log_level, &level))
		base_log_set_level(level);
	signal(SIGPIPE, SIG_IGN);

	struct pgerr err;
	pgerr_clear(&err);
	struct shard_opts so = {.data_dir = srv.cfg->data_dir,
				.auto_create = srv.cfg->auto_create,
				.max_open_tenants = srv.cfg->max_open_tenants};
	pthread_mutex_init(&srv.conns_lock, NULL);
	srv.shards = shard_registry_new(&so, &err);
	if (!srv.shards) {
		fprintf(stderr, "shardlite: %s\n", err.message);
		return 1;
	}
	srv.env = (struct session_env){.cfg = srv.cfg,
				       .shards = srv.shards,
				       .cancel_fn = cancel_session,
				       .cancel_ctx = &srv};
	srv.base = event_base_new();
	char errbuf[512];
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
		.pool = srv.pool,
		.shutdown_grace_ms = srv.cfg->shutdown_timeout_ms,
	};
	srv.net = net_new(srv.base, &no, &session_handler, &srv, errbuf, sizeof(errbuf));
	if (!srv.net) {
		fprintf(stderr, "shardlite: %s\n", errbuf);
		exec_pool_free(srv.pool);
		shard_registry_free(srv.shards);
		event_base_free(srv.base);
		config_free(srv.cfg);
		return 1;
	}
	struct event *sigint = evsignal_new(srv.base, SIGINT, on_stop_signal, &srv);
	struct event *sigterm = evsignal_new(srv.base, SIGTERM, on_stop_signal, &srv);
	evsignal_add(sigint, NULL);
	evsignal_add(sigterm, NULL);
	LOG_INFO(0, NULL,
		 "shardlite %s ready: data_dir=%s listen=%s port=%d socket_dir=%s workers=%zu",
		 SHARDLITE_VERSION, srv.cfg->data_dir, srv.cfg->listen_addresses, srv.cfg->port,
		 srv.cfg->unix_socket_dir[0] ? srv.cfg->unix_socket_dir : "(none)",
		 exec_pool_threads(srv.pool));

	event_base_dispatch(srv.base);

	net_free(srv.net); /* waits for running statements, frees every session */
	exec_pool_free(srv.pool);
	event_free(sigint);
	event_free(sigterm);
	shard_registry_free(srv.shards);
	event_base_free(srv.base);
	config_free(srv.cfg);
	LOG_INFO(0, NULL, "stopped");
	return 0;
}
