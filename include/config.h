/* SPDX-License-Identifier: Apache-2.0 */
/* config: the table of configuration keys (one place: name, type, default, bounds, help,
 * reloadable), an ini-style file reader, --set KEY=VALUE overrides, and immutable snapshots.
 * A snapshot is built once and never changed; a reload builds a new one and publishes it
 * through a config_live cell while other threads still read the old one. */
#ifndef SHARDLITE_CONFIG_H
#define SHARDLITE_CONFIG_H

#include "base.h"

/* One field per key. Strings are owned by the snapshot. */
struct config {
	char *data_dir;          /* data_dir: where tenant files live */
	char *listen_addresses;  /* listen_addresses: comma-separated, "" = no TCP */
	int port;                /* port */
	char *unix_socket_dir;   /* unix_socket_dir: "" = no Unix socket */
	int64_t max_message_size; /* max_message_size: bytes, frontend message cap */
	int startup_timeout_ms;  /* startup_timeout: ms to complete startup */
	int max_connections;     /* max_connections */
	bool auto_create;        /* auto_create: create tenants on first use */
	char *migrations_dir;    /* migrations_dir: NNNN_name.sql files, "" = none */
	char *log_level;         /* log_level: debug, info, warning, error */
	char *timezone;          /* timezone: default TimeZone reported to clients */
	int64_t max_result_bytes; /* max_result_bytes: cap on one statement's buffered result */
	int max_tenant_connections; /* max_tenant_connections: per tenant, 0 = no limit */
	/* security (docs/security.md) */
	char *ssl;               /* ssl: off, on, require */
	char *ssl_cert_file;     /* ssl_cert_file: PEM certificate chain */
	char *ssl_key_file;      /* ssl_key_file: PEM private key */
	char *ssl_ca_file;       /* ssl_ca_file: CAs for client certificates, "" = none */
	char *sni_base_domain;   /* sni_base_domain: tenant from the TLS server name, "" = off */
	char *no_tenant_databases; /* no_tenant_databases: names meaning no default tenant */
	char *users_file;        /* users_file: "" = no users (trust only) */
	char *auth_unix;         /* auth.unix: method for Unix-socket connections */
	char *auth_loopback;     /* auth.loopback: method for 127.0.0.0/8 and ::1 */
	char *auth_remote;       /* auth.remote: method for every other address */
	bool auth_password_without_tls; /* auth.password_without_tls */
	int shutdown_timeout_ms; /* shutdown_timeout: grace for running statements on SIGTERM */
	int worker_threads;      /* worker_threads: 0 = auto */
	int loop_threads;        /* loop_threads: 0 = the number of CPUs */
	int inline_budget;       /* inline_budget: VM steps on the loop thread, 0 = never inline */
	bool inline_writes;      /* inline_writes: cheap writes under a held write lock inline */
	int max_open_tenants;    /* max_open_tenants: tenants with cached idle connections */
	char *durability;        /* durability: full, group, off */
	int sync_threads;        /* sync_threads: group-commit flushes at once */
	int statement_timeout_ms; /* statement_timeout: session default, 0 = none */
	int lock_timeout_ms;     /* lock_timeout: session default, 0 = none */
	int idle_in_transaction_timeout_ms; /* idle_in_transaction_session_timeout */
};

enum config_type { CONFIG_STRING, CONFIG_INT, CONFIG_BOOL, CONFIG_BYTES, CONFIG_DURATION_MS };

/* The key table row; config_keys() lists them all (docs/config.md is checked against it). */
struct config_key {
	const char *name;
	enum config_type type;
	const char *default_value; /* as it would be written in the file */
	int64_t min, max;          /* for INT/BYTES/DURATION */
	bool reloadable;           /* takes effect on SIGHUP */
	const char *help;
};
const struct config_key *config_keys(size_t *n);

/* Builder: collects defaults, then the file, then overrides (later wins). */
struct config_builder;
struct config_builder *config_builder_new(void);
void config_builder_free(struct config_builder *b);
/* Sets one key from text. False with a message in errbuf for an unknown key or bad value. */
bool config_builder_set(struct config_builder *b, const char *key, const char *value,
			char *errbuf, size_t errlen) MUST_CHECK;
/* Reads an ini-style file: `key = value` lines, `#`/`;` comments, optional `[section]`
 * headers (a key in section S is named "S.key" unless S is "shardlite"), values optionally
 * in single or double quotes. Errors name the file and line. */
bool config_builder_load_file(struct config_builder *b, const char *path, char *errbuf,
			      size_t errlen) MUST_CHECK;
/* Produces a snapshot (caller owns; config_free). Never fails: values were checked on set. */
struct config *config_builder_build(const struct config_builder *b);
/* Snapshots are reference-counted: config_ref adds a holder (returns c), config_unref drops
 * one and the last frees it. config_free is config_unref for the builder's own reference.
 * Thread-safe; NULL is ignored by config_unref/config_free. */
const struct config *config_ref(const struct config *c);
void config_unref(const struct config *c);
void config_free(struct config *c);

/* The running configuration while reloads replace it (docs/architecture.md, Threads): one
 * publisher swaps snapshots in, any thread pins the current one for as long as it reads it.
 * A replaced snapshot is freed when the last pin lets go of it. */
struct config_live;
/* Takes cfg (the caller's reference) as the first current snapshot. */
struct config_live *config_live_new(const struct config *cfg);
/* Drops the cell's reference; snapshots still pinned live on until unpinned. */
void config_live_free(struct config_live *l);
/* Makes cfg (taken) current; the previous snapshot loses the cell's reference. */
void config_live_publish(struct config_live *l, const struct config *cfg);
/* The current snapshot, pinned: config_unref it when done. Takes a mutex; never blocks long. */
const struct config *config_live_pin(struct config_live *l);
/* True when cfg is not the current snapshot any more (one acquire load, no lock): a pinned
 * reader's cheap check before it re-pins. cfg must be pinned, so its address is not reused. */
bool config_live_stale(const struct config_live *l, const struct config *cfg);
/* Re-pins *cfg when stale: unpins the old snapshot, pins the current one. */
void config_live_refresh(struct config_live *l, const struct config **cfg);

/* A reload: a new snapshot with the reloadable keys from fresh and every other key from
 * running (those take effect at the next start). changed_fn, when not NULL, hears the name
 * of each non-reloadable key whose value differs, so the caller can say it was not applied. */
struct config *config_merge_reloadable(const struct config *running, const struct config *fresh,
				       void (*changed_fn)(const char *key, void *ctx), void *ctx);

/* Parses sizes ("64MB", "1kB", "512") and durations ("30s", "100ms", "5min", "1h", "250");
 * the bare-number unit for durations is milliseconds, as PostgreSQL's statement_timeout. */
bool config_parse_bytes(const char *s, int64_t *out) MUST_CHECK;
bool config_parse_duration_ms(const char *s, int64_t *out) MUST_CHECK;
bool config_parse_bool(const char *s, bool *out) MUST_CHECK;

#endif
