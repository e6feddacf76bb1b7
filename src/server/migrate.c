/* SPDX-License-Identifier: Apache-2.0 */
/* migrate.c: `shardlite migrate` — brings every tenant file under the data directory up to
 * migrations_dir with N parallel jobs, a progress bar on a terminal (a line per tenant
 * otherwise) and a summary; exit status 1 when any tenant failed. Also loads the migration
 * set for the server (start and SIGHUP). The migrating itself is shard's (shard_migrate.c). */
#include <dirent.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "server_int.h"

#define MAX_JOBS 256
#define BAR_WIDTH 30

bool server_migrations_load(struct shard_registry *r, const struct config *cfg, int *target,
			    char *errbuf, size_t errlen)
{
	if (!cfg->migrations_dir[0]) {
		shard_registry_set_migrations(r, NULL);
		return true;
	}
	struct pgerr err;
	pgerr_clear(&err);
	struct shard_migrations *m = shard_migrations_load(cfg->migrations_dir, &err);
	if (!m) {
		snprintf(errbuf, errlen, "%s", err.message);
		return false;
	}
	LOG_INFO(0, NULL, "migrations: %zu files in %s, newest version %d%s",
		 shard_migrations_count(m), cfg->migrations_dir, shard_migrations_target(m),
		 shard_migrations_broken(m) ? " (some cannot be used, see above)" : "");
	if (target)
		*target = shard_migrations_target(m);
	shard_registry_set_migrations(r, m);
	return true;
}

/* ---- the tenants under the data directory ---- */

struct tenant_list {
	char **names;
	size_t n, cap;
};

/* A file is a tenant's when its name is a valid tenant name + ".db" and it sits in the
 * directory that name hashes to; anything else (a copy, a -wal file) is not touched. */
static void add_if_tenant(struct shard_registry *r, struct tenant_list *l, const char *dir,
			  const char *file)
{
	char name[SHARD_TENANT_MAX + 1], path[4096], want[4096];
	size_t n = strlen(file);
	struct pgerr err;
	if (n < 4 || n - 3 > sizeof(name) || strcmp(file + n - 3, ".db") != 0)
		return;
	memcpy(want, file, n - 3);
	want[n - 3] = '\0';
	if (!shard_tenant_name_check(want, name, &err) || strcmp(name, want) != 0)
		return;
	if (snprintf(path, sizeof(path), "%s/%s", dir, file) >= (int)sizeof(path) ||
	    !shard_tenant_path(r, name, want, sizeof(want)) || strcmp(path, want) != 0)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 1024;
		l->names = base_xrealloc(l->names, l->cap * sizeof(*l->names));
	}
	l->names[l->n++] = base_xstrdup(name);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_tenants(struct shard_registry *r, struct tenant_list *l)
{
	char top[4096], sub[4096];
	snprintf(top, sizeof(top), "%s/tenants", shard_registry_data_dir(r));
	DIR *d = opendir(top);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' ||
		    snprintf(sub, sizeof(sub), "%s/%s", top, e->d_name) >= (int)sizeof(sub))
			continue;
		DIR *s = opendir(sub);
		struct dirent *f;
		while (s && (f = readdir(s)) != NULL)
			add_if_tenant(r, l, sub, f->d_name);
		if (s)
			closedir(s);
	}
	if (d)
		closedir(d);
	qsort(l->names, l->n, sizeof(*l->names), by_name); /* a run goes in a stable order */
}

/* ---- jobs ---- */

struct run {
	struct shard_registry *reg;
	struct tenant_list *tenants;
	bool tty;
	pthread_mutex_t lock; /* guards everything below and the output */
	size_t next, finished, applied, failed, current;
	struct timespec last_draw;
};

static void draw_bar(struct run *u, bool force)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (now.tv_sec - u->last_draw.tv_sec) * 1000 +
		  (now.tv_nsec - u->last_draw.tv_nsec) / 1000000;
	if (!force && ms < 100)
		return;
	u->last_draw = now;
	size_t total = u->tenants->n, fill = total ? u->finished * BAR_WIDTH / total : BAR_WIDTH;
	char bar[BAR_WIDTH + 1];
	memset(bar, '#', fill);
	memset(bar + fill, '.', BAR_WIDTH - fill);
	bar[BAR_WIDTH] = '\0';
	printf("\r\033[K[%s] %zu/%zu  migrated %zu  failed %zu  up to date %zu", bar, u->finished,
	       total, u->applied, u->failed, u->current);
	fflush(stdout);
}

/* Output for one tenant, lock held. */
static void report(struct run *u, const char *name, enum shard_migrate_outcome out, int from,
		   int to, const struct pgerr *err)
{
	if (out == SHARD_MIGRATE_FAILED) {
		if (u->tty)
			printf("\r\033[K");
		printf("%s: FAILED: %s\n", name, err->message);
		if (err->detail[0])
			printf("    DETAIL: %s\n", err->detail);
	} else if (!u->tty && out == SHARD_MIGRATE_APPLIED) {
		printf("%s: migrated from version %d to %d\n", name, from, to);
	} else if (!u->tty) {
		printf("%s: up to date (version %d)\n", name, from);
	}
	if (u->tty)
		draw_bar(u, out == SHARD_MIGRATE_FAILED || u->finished == u->tenants->n);
}

static void *job_main(void *arg)
{
	struct run *u = arg;
	pthread_mutex_lock(&u->lock);
	while (u->next < u->tenants->n) {
		const char *name = u->tenants->names[u->next++];
		pthread_mutex_unlock(&u->lock);
		struct pgerr err;
		int from = 0, to = 0;
		pgerr_clear(&err);
		enum shard_migrate_outcome out = shard_tenant_migrate(u->reg, name, &from, &to, &err);
		pthread_mutex_lock(&u->lock);
		u->finished++;
		u->applied += out == SHARD_MIGRATE_APPLIED;
		u->failed += out == SHARD_MIGRATE_FAILED;
		u->current += out == SHARD_MIGRATE_CURRENT;
		report(u, name, out, from, to, &err);
	}
	pthread_mutex_unlock(&u->lock);
	return NULL;
}

static void run_jobs(struct run *u, int jobs)
{
	pthread_t th[MAX_JOBS];
	int started = 0;
	for (int i = 0; i < jobs; i++)
		if (pthread_create(&th[started], NULL, job_main, u) == 0)
			started++;
	if (started == 0)
		job_main(u); /* no threads to be had: do it here */
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	if (u->tty)
		printf("\n");
}

/* ---- command line ---- */

static void migrate_usage(FILE *f)
{
	fprintf(f, "Usage: shardlite migrate [--config FILE] [--data-dir DIR] [--set KEY=VALUE]... "
		   "[--jobs N]\n\n"
		   "Brings every tenant under the data directory up to the newest file of\n"
		   "migrations_dir, N tenants at a time (default: the number of CPUs). Safe while\n"
		   "the server runs. Exit status 1 when any tenant failed.\n");
}

static int bad_arg(const char *what)
{
	fprintf(stderr, "shardlite migrate: %s\n", what);
	return -1;
}

static int parse_migrate_args(int argc, char **argv, struct server_args *a)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'}, {"data-dir", required_argument, NULL, 'D'},
		{"set", required_argument, NULL, 's'},    {"jobs", required_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
	};
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	char *end, *eq;
	int opt;
	while ((opt = getopt_long(argc, argv, "j:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			a->config_file = optarg;
			break;
		case 'D':
			server_args_set(a, "data_dir", optarg);
			break;
		case 's':
			if (!(eq = strchr(optarg, '=')))
				return bad_arg("--set expects KEY=VALUE");
			*eq = '\0';
			server_args_set(a, optarg, eq + 1);
			*eq = '=';
			break;
		case 'j':
			jobs = strtol(optarg, &end, 10);
			if (*end || jobs < 1 || jobs > MAX_JOBS)
				return bad_arg("--jobs must be a number from 1 to 256");
			break;
		case 'h':
			migrate_usage(stdout);
			exit(0);
		default:
			migrate_usage(stderr);
			return -1;
		}
	}
	if (optind < argc)
		return bad_arg("unexpected argument (see --help)");
	return jobs < 1 ? 1 : (int)jobs;
}

/* The registry to migrate through: never creates a tenant, caches nothing. */
static struct shard_registry *open_registry(const struct config *cfg, int *target)
{
	char errbuf[512];
	struct pgerr err;
	pgerr_clear(&err);
	struct shard_opts so = {.data_dir = cfg->data_dir, .auto_create = false};
	if (access(cfg->data_dir, F_OK) != 0) { /* a mistyped path: not a new, empty data dir */
		fprintf(stderr, "shardlite migrate: data directory \"%s\" does not exist\n",
			cfg->data_dir);
		return NULL;
	}
	struct shard_registry *r = shard_registry_new(&so, &err);
	if (!r) {
		fprintf(stderr, "shardlite migrate: %s\n", err.message);
		return NULL;
	}
	if (!server_migrations_load(r, cfg, target, errbuf, sizeof(errbuf))) {
		fprintf(stderr, "shardlite migrate: %s\n", errbuf);
		shard_registry_free(r);
		return NULL;
	}
	return r;
}

static int migrate_all(const struct config *cfg, int jobs)
{
	int target = 0;
	struct shard_registry *r = open_registry(cfg, &target);
	if (!r)
		return 1;
	struct tenant_list tenants = {0};
	list_tenants(r, &tenants);
	struct run u = {.reg = r, .tenants = &tenants, .tty = isatty(STDOUT_FILENO)};
	pthread_mutex_init(&u.lock, NULL);
	printf("migrating %zu tenants in %s to version %d with %d jobs\n", tenants.n,
	       cfg->data_dir, target, jobs);
	run_jobs(&u, jobs);
	printf("migrate: %zu tenants: %zu migrated, %zu failed, %zu already up to date\n",
	       tenants.n, u.applied, u.failed, u.current);
	pthread_mutex_destroy(&u.lock);
	for (size_t i = 0; i < tenants.n; i++)
		free(tenants.names[i]);
	free(tenants.names);
	shard_registry_free(r);
	return u.failed ? 1 : 0;
}

int server_migrate_main(int argc, char **argv)
{
	struct server_args a = {0};
	char errbuf[512];
	int jobs = parse_migrate_args(argc, argv, &a), rc = 2;
	struct config *cfg = jobs > 0 ? server_load_config(&a, errbuf, sizeof(errbuf)) : NULL;
	if (jobs > 0 && !cfg)
		fprintf(stderr, "shardlite migrate: %s\n", errbuf);
	else if (cfg && !cfg->migrations_dir[0])
		fprintf(stderr, "shardlite migrate: migrations_dir is not set (config file or "
				"--set migrations_dir=DIR)\n");
	else if (cfg) {
		base_log_set_level(BASE_LOG_WARN); /* a line per tenant is the job of report() */
		rc = migrate_all(cfg, jobs);
	}
	config_free(cfg);
	for (size_t i = 0; i < a.nsets; i++)
		free(a.sets[i]);
	free(a.sets);
	return rc;
}
