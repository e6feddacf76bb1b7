/* SPDX-License-Identifier: Apache-2.0 */
/* base_log.c: leveled log lines on stderr, each naming the session id and tenant, and the
 * ASSERT failure path. One write(2) per line so lines from threads never interleave. */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static enum base_log_level min_level = BASE_LOG_INFO; /* set by reload, read by every thread */

static const char *const level_names[] = {"DEBUG", "INFO", "WARNING", "ERROR"};

void base_log_set_level(enum base_log_level level)
{
	__atomic_store_n(&min_level, level, __ATOMIC_RELAXED);
}

bool base_log_level_parse(const char *name, enum base_log_level *out)
{
	static const char *const accepted[] = {"debug", "info", "warning", "error"};
	for (size_t i = 0; i < ARRAY_LEN(accepted); i++) {
		if (strcasecmp(name, accepted[i]) == 0) {
			*out = (enum base_log_level)i;
			return true;
		}
	}
	if (strcasecmp(name, "warn") == 0) {
		*out = BASE_LOG_WARN;
		return true;
	}
	return false;
}

static void log_write(const char *level, uint64_t sid, const char *tenant, const char *fmt,
		      va_list ap)
{
	char line[2048];
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	int n = snprintf(line, sizeof(line), "%04d-%02d-%02d %02d:%02d:%02d.%03ldZ %s [",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
			 tm.tm_sec, ts.tv_nsec / 1000000, level);
	if (sid)
		n += snprintf(line + n, sizeof(line) - (size_t)n, "%llu", (unsigned long long)sid);
	else
		n += snprintf(line + n, sizeof(line) - (size_t)n, "-");
	n += snprintf(line + n, sizeof(line) - (size_t)n, "] %s: ", tenant ? tenant : "-");
	int m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	if (m < 0)
		m = 0;
	n += m;
	if ((size_t)n > sizeof(line) - 2)
		n = (int)sizeof(line) - 2;
	line[n++] = '\n';
	ssize_t w = write(STDERR_FILENO, line, (size_t)n);
	(void)w;
}

void base_log(enum base_log_level level, uint64_t sid, const char *tenant, const char *fmt, ...)
{
	if (level < __atomic_load_n(&min_level, __ATOMIC_RELAXED))
		return;
	va_list ap;
	va_start(ap, fmt);
	log_write(level_names[level], sid, tenant, fmt, ap);
	va_end(ap);
}

static void log_raw(const char *level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	log_write(level, 0, NULL, fmt, ap);
	va_end(ap);
}

void base_assert_fail(const char *expr, const char *file, int line)
{
	log_raw("PANIC", "ASSERT failed: %s at %s:%d", expr, file, line);
	abort();
}

void *base_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		log_raw("PANIC", "out of memory allocating %zu bytes", n);
		abort();
	}
	return p;
}

void *base_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p) {
		log_raw("PANIC", "out of memory allocating %zu x %zu bytes", n, size);
		abort();
	}
	return p;
}

void *base_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		log_raw("PANIC", "out of memory reallocating %zu bytes", n);
		abort();
	}
	return q;
}

char *base_xstrdup(const char *s) { return base_xstrndup(s, strlen(s)); }

char *base_xstrndup(const char *s, size_t n)
{
	char *p = base_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
