/* SPDX-License-Identifier: Apache-2.0 */
/* server_int.h: what main.c (the server process) and migrate.c (`shardlite migrate`) share —
 * the command line's settings, turning them into a configuration snapshot, and loading the
 * migration set. Not a public header. */
#ifndef SHARDLITE_SERVER_INT_H
#define SHARDLITE_SERVER_INT_H

#include <stddef.h>

#include "config.h"
#include "shard.h"

/* What the command line said, kept so SIGHUP can read the same file and overrides again. */
struct server_args {
	const char *config_file;
	size_t nsets;
	char **sets; /* "key=value" */
};

/* Builds a snapshot from the config file and the --set overrides; NULL with errbuf. */
struct config *server_load_config(const struct server_args *a, char *errbuf, size_t errlen);
/* Appends a "key=value" override. */
void server_args_set(struct server_args *a, const char *key, const char *value);

/* Reads cfg's migrations_dir (none when empty) and makes it the registry's set, logging what
 * it found; *target (may be NULL) gets its newest version. False with errbuf (the registry
 * keeps its set) when the directory cannot be read or two files share a version. Runs the
 * translator: main thread only (stack). */
bool server_migrations_load(struct shard_registry *r, const struct config *cfg, int *target,
			    char *errbuf, size_t errlen);

/* `shardlite migrate ...` (argv[0] is "migrate"): the process's exit status. */
int server_migrate_main(int argc, char **argv);

#endif
