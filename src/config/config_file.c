/* SPDX-License-Identifier: Apache-2.0 */
/* config_file.c: the ini-style configuration file reader. Grammar, one construct per line:
 *   # comment / ; comment          blank lines are ignored too
 *   [section]                      keys below are named "section.key" (except [shardlite])
 *   key = value                    value ends at a '#' or ';' that follows a blank
 *   key = 'quoted value'           single or double quotes; a doubled quote or a backslash
 *                                  escapes the quote character, "\\" is one backslash
 * Every value goes through config_builder_set; errors name the file and line. */
#include "config_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SECTION_MAX 64

/* One file being read: where errors point and what section we are in. */
struct reader {
	struct config_builder *b;
	const char *path;
	int line;
	char section[SECTION_MAX];
	char *errbuf;
	size_t errlen;
};

static bool fail(struct reader *r, const char *msg)
{
	snprintf(r->errbuf, r->errlen, "%s:%d: %s", r->path, r->line, msg);
	return false;
}

static bool is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '-';
}

static char *skip_blanks(char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Nothing but blanks or a comment may follow a value or a section header. */
static bool only_comment_left(char *p)
{
	p = skip_blanks(p);
	return *p == '\0' || *p == '#' || *p == ';';
}

static bool read_section(struct reader *r, char *p)
{
	char *name = skip_blanks(p + 1);
	char *end = name;
	while (is_name_char(*end))
		end++;
	size_t len = (size_t)(end - name);
	end = skip_blanks(end);
	if (len == 0 || *end != ']' || !only_comment_left(end + 1))
		return fail(r, "invalid section header (expected \"[name]\")");
	if (len >= sizeof(r->section))
		return fail(r, "section name too long");
	memcpy(r->section, name, len);
	r->section[len] = '\0';
	return true;
}

/* Unquotes in place from p (at the opening quote); *rest gets what follows the value. */
static bool read_quoted(struct reader *r, char *p, char **rest)
{
	char quote = *p, *src = p + 1, *dst = p;
	for (;;) {
		if (*src == '\0')
			return fail(r, "unterminated quoted value");
		if (*src == '\\' && (src[1] == quote || src[1] == '\\')) {
			*dst++ = src[1];
			src += 2;
		} else if (*src == quote && src[1] == quote) {
			*dst++ = quote;
			src += 2;
		} else if (*src == quote) {
			break;
		} else {
			*dst++ = *src++;
		}
	}
	*dst = '\0';
	*rest = src + 1;
	if (!only_comment_left(*rest))
		return fail(r, "unexpected text after quoted value");
	return true;
}

/* An unquoted value: up to a comment that follows a blank, trailing blanks removed. */
static void read_plain(char *p)
{
	char *end = p;
	for (; *end; end++) {
		if ((*end == '#' || *end == ';') && (end == p || end[-1] == ' ' || end[-1] == '\t'))
			break;
	}
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	*end = '\0';
}

static bool read_assignment(struct reader *r, char *p)
{
	char *key = p;
	while (is_name_char(*p))
		p++;
	size_t key_len = (size_t)(p - key);
	p = skip_blanks(p);
	if (key_len == 0 || *p != '=')
		return fail(r, "syntax error (expected \"key = value\")");
	key[key_len] = '\0';
	char *value = skip_blanks(p + 1), *rest;
	if (*value == '\'' || *value == '"') {
		if (!read_quoted(r, value, &rest))
			return false;
	} else {
		read_plain(value);
	}
	char name[SECTION_MAX + 128];
	if (r->section[0] && strcasecmp(r->section, "shardlite") != 0)
		snprintf(name, sizeof(name), "%s.%s", r->section, key);
	else
		snprintf(name, sizeof(name), "%s", key);
	char msg[512];
	if (!config_builder_set(r->b, name, value, msg, sizeof(msg)))
		return fail(r, msg);
	return true;
}

static bool read_line(struct reader *r, char *line, size_t len)
{
	if (strlen(line) != len)
		return fail(r, "line contains a NUL byte");
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	if (r->line == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0)
		line += 3; /* UTF-8 byte order mark */
	char *p = skip_blanks(line);
	if (*p == '\0' || *p == '#' || *p == ';')
		return true;
	if (*p == '[')
		return read_section(r, p);
	return read_assignment(r, p);
}

bool config_builder_load_file(struct config_builder *b, const char *path, char *errbuf,
			      size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(errbuf, errlen, "could not open configuration file \"%s\": %s", path,
			 strerror(errno));
		return false;
	}
	struct reader r = {.b = b, .path = path, .errbuf = errbuf, .errlen = errlen};
	char *line = NULL;
	size_t cap = 0;
	bool ok = true;
	ssize_t n;
	while (ok && (n = getline(&line, &cap, f)) >= 0) {
		r.line++;
		ok = read_line(&r, line, (size_t)n);
	}
	if (ok && ferror(f)) {
		snprintf(errbuf, errlen, "could not read configuration file \"%s\": %s", path,
			 strerror(errno));
		ok = false;
	}
	free(line);
	fclose(f);
	return ok;
}
