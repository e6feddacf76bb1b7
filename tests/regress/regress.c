/* SPDX-License-Identifier: Apache-2.0 */
/* regress.c: the differential regression runner. Runs every statement of each .sql file on a
 * real PostgreSQL 15 and on shardlite (one fresh database / tenant per file) and compares what
 * a client sees: SQLSTATE of errors, column names, type OIDs, row values as text, command tags.
 * A statement preceded by a `-- differs: <reason>` line is a known difference (listed in
 * docs/sql-compat.md); it must still differ, so stale annotations fail too. With
 * REGRESS_SHOW_KNOWN set, each known difference is printed with what differs today, to keep
 * the annotations' reasons true. A statement preceded by `-- extended` goes through the
 * extended protocol (PQexecParams: Parse, Bind, Describe, Execute, Sync in one packet). One
 * preceded by `-- detail` must also fail with PostgreSQL's message and DETAIL, word for word;
 * one preceded by `-- fields` also with its HINT and its schema, table and constraint name
 * fields; one preceded by `-- context` with its message, DETAIL, CONTEXT (the PL/pgSQL call
 * stack) and datatype name. One preceded by `-- notices` must send PostgreSQL's NOTICEs (their messages); with
 * REGRESS_NOTICES set, every statement's are compared (scripts/probe-pgreg sets it).
 *
 * usage: regress PG_CONNINFO SHARDLITE_CONNINFO FILE.sql...   (conninfo without dbname) */
#include <ctype.h>
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STMT (64 * 1024)

struct stmt {
	char text[MAX_STMT];
	char differs[256]; /* the annotation's reason, "" when none */
	bool extended;     /* `-- extended`: sent with PQexecParams, not PQexec */
	bool detail;       /* `-- detail`: an error's message and DETAIL compared too */
	bool fields;       /* `-- fields`: and HINT, schema, table and constraint names */
	bool context;      /* `-- context`: message, DETAIL, CONTEXT and datatype name */
	bool notices;      /* `-- notices`: the NOTICE messages compared */
	int line;          /* first line in the file */
};

struct totals {
	int run, same, known, failed;
};

/* The dollar quote opening at p ("$$", "$tag$") into tag, as PostgreSQL's lexer reads one (a
 * tag is letters, digits and underscores, not starting with a digit); false when p opens none
 * ($1 is a parameter). */
static bool dollar_tag(const char *p, char *tag, size_t cap)
{
	size_t k = 1;
	if (isdigit((unsigned char)p[1]))
		return false;
	while (isalnum((unsigned char)p[k]) || p[k] == '_')
		k++;
	if (p[k] != '$' || k + 2 > cap)
		return false;
	memcpy(tag, p, k + 1);
	tag[k + 1] = '\0';
	return true;
}

/* Reads the next statement: lines up to one whose last non-blank character is ';' outside a
 * quote (a string or a dollar-quoted body). Comment-only lines before it are skipped, except
 * the `-- differs:` annotation. */
static bool next_stmt(FILE *f, int *lineno, struct stmt *st)
{
	char line[4096];
	size_t len = 0;
	bool quoted = false;
	char dollar[64] = ""; /* the open dollar quote's tag ("$$", "$body$"), "" outside one */
	st->text[0] = st->differs[0] = '\0';
	st->extended = st->detail = st->fields = st->context = st->notices = false;
	while (fgets(line, sizeof(line), f)) {
		++*lineno;
		if (len == 0) {
			const char *p = line + strspn(line, " \t");
			if (strncmp(p, "-- differs:", 11) == 0) {
				snprintf(st->differs, sizeof(st->differs), "%s",
					 p + 11 + strspn(p + 11, " "));
				st->differs[strcspn(st->differs, "\n")] = '\0';
				continue;
			}
			if (strncmp(p, "-- extended", 11) == 0)
				st->extended = true;
			if (strncmp(p, "-- detail", 9) == 0 && strchr(" \t\r\n", p[9]))
				st->detail = true;
			if (strncmp(p, "-- fields", 9) == 0 && strchr(" \t\r\n", p[9]))
				st->detail = st->fields = true;
			if (strncmp(p, "-- context", 10) == 0 && strchr(" \t\r\n", p[10]))
				st->detail = st->context = true;
			if (strncmp(p, "-- notices", 10) == 0 && strchr(" \t\r\n", p[10]))
				st->notices = true;
			if (*p == '\n' || strncmp(p, "--", 2) == 0)
				continue;
			st->line = *lineno;
		}
		for (const char *p = line; *p; p++) {
			if (*dollar) { /* inside $tag$ ... $tag$: only its closing tag counts */
				size_t k = strlen(dollar);
				if (strncmp(p, dollar, k) == 0) {
					p += k - 1;
					dollar[0] = '\0';
				}
			} else if (*p == '\'') {
				quoted = !quoted;
			} else if (!quoted && *p == '$' &&
				   (p == line || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')) &&
				   dollar_tag(p, dollar, sizeof(dollar))) { /* a$b$ is a name */
				p += strlen(dollar) - 1;
			} else if (!quoted && p[0] == '-' && p[1] == '-') {
				break; /* a comment to the end of the line */
			}
		}
		size_t n = strlen(line);
		if (len + n + 1 > sizeof(st->text)) {
			fprintf(stderr, "statement at line %d is too long\n", st->line);
			exit(2);
		}
		memcpy(st->text + len, line, n + 1);
		len += n;
		while (n && strchr(" \t\r\n", line[n - 1]))
			n--;
		if (!quoted && !*dollar && n && line[n - 1] == ';')
			return true;
	}
	return len > 0;
}

/* Appends a difference to buf (one line). */
static void note(char *buf, size_t cap, const char *fmt, const char *a, const char *b)
{
	size_t used = strlen(buf);
	if (used + 1 < cap)
		snprintf(buf + used, cap - used, fmt, a, b);
}

static const char *status_str(const PGresult *r)
{
	static char buf[64];
	ExecStatusType s = PQresultStatus(r);
	if (s == PGRES_FATAL_ERROR) {
		const char *code = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		snprintf(buf, sizeof(buf), "ERROR %s", code ? code : "?");
		return buf;
	}
	return PQresStatus(s);
}

/* An error field of r, "(none)" when it has none. */
static const char *field(const PGresult *r, int code)
{
	const char *v = PQresultErrorField(r, code);
	return v ? v : "(none)";
}

/* Compares two results; writes what differs to why (empty when they agree). With detail, two
 * errors' messages and DETAILs must be the same too. */
static void compare(const PGresult *pg, const PGresult *sl, const struct stmt *st, char *why,
		    size_t cap)
{
	bool detail = st->detail;
	char a[64], b[64];
	why[0] = '\0';
	snprintf(a, sizeof(a), "%s", status_str(pg));
	snprintf(b, sizeof(b), "%s", status_str(sl));
	if (strcmp(a, b) != 0) {
		note(why, cap, "status: %s vs %s", a, b);
		if (PQresultStatus(sl) == PGRES_FATAL_ERROR)
			note(why, cap, " (%s%s)", "shardlite: ", PQresultErrorMessage(sl));
		else if (PQresultStatus(pg) == PGRES_FATAL_ERROR)
			note(why, cap, " (%s%s)", "postgres: ", PQresultErrorMessage(pg));
		return;
	}
	if (PQresultStatus(pg) == PGRES_FATAL_ERROR) {
		static const int codes[] = {PG_DIAG_MESSAGE_PRIMARY, PG_DIAG_MESSAGE_DETAIL,
					    PG_DIAG_MESSAGE_HINT,    PG_DIAG_SCHEMA_NAME,
					    PG_DIAG_TABLE_NAME,      PG_DIAG_CONSTRAINT_NAME,
					    PG_DIAG_CONTEXT,         PG_DIAG_DATATYPE_NAME};
		static const char *const names[] = {"message", "detail",     "hint",
						    "schema",  "table_name", "constraint",
						    "context", "datatype"};
		/* -- detail: the first two; -- fields: the first six; -- context: those two and
		 * the last two */
		for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
			if ((i < 2   ? detail
			     : i < 6 ? st->fields
				     : st->context) &&
			    strcmp(field(pg, codes[i]), field(sl, codes[i])) != 0) {
				note(why, cap, "%s: [%s] vs ", names[i], field(pg, codes[i]));
				note(why, cap, "[%s]%s; ", field(sl, codes[i]), "");
			}
		return;
	}
	if (strcmp(PQcmdStatus((PGresult *)pg), PQcmdStatus((PGresult *)sl)) != 0)
		note(why, cap, "tag: %s vs %s; ", PQcmdStatus((PGresult *)pg),
		     PQcmdStatus((PGresult *)sl));
	if (PQnfields(pg) != PQnfields(sl)) {
		snprintf(a, sizeof(a), "%d", PQnfields(pg));
		snprintf(b, sizeof(b), "%d", PQnfields(sl));
		note(why, cap, "columns: %s vs %s; ", a, b);
		return;
	}
	for (int i = 0; i < PQnfields(pg); i++) {
		if (strcmp(PQfname(pg, i), PQfname(sl, i)) != 0)
			note(why, cap, "name: %s vs %s; ", PQfname(pg, i), PQfname(sl, i));
		/* user-defined types (enums): PostgreSQL numbers them in creation order, shardlite
		 * derives them from their names (docs/catalog.md) */
		bool user = PQftype(pg, i) >= 16384 && PQftype(sl, i) >= 16384;
		if (PQftype(pg, i) != PQftype(sl, i) && !user) {
			snprintf(a, sizeof(a), "%s oid %u", PQfname(pg, i), PQftype(pg, i));
			snprintf(b, sizeof(b), "%u", PQftype(sl, i));
			note(why, cap, "type: %s vs %s; ", a, b);
		}
	}
	if (PQntuples(pg) != PQntuples(sl)) {
		snprintf(a, sizeof(a), "%d", PQntuples(pg));
		snprintf(b, sizeof(b), "%d", PQntuples(sl));
		note(why, cap, "rows: %s vs %s; ", a, b);
		return;
	}
	for (int r = 0; r < PQntuples(pg); r++) {
		for (int i = 0; i < PQnfields(pg); i++) {
			const char *x = PQgetisnull(pg, r, i) ? "NULL" : PQgetvalue(pg, r, i);
			const char *y = PQgetisnull(sl, r, i) ? "NULL" : PQgetvalue(sl, r, i);
			if (strcmp(x, y) != 0 || PQgetisnull(pg, r, i) != PQgetisnull(sl, r, i)) {
				note(why, cap, "value: [%s] vs ", x, "");
				note(why, cap, "[%s]%s; ", y, "");
				return;
			}
		}
	}
}

/* NOTICEs of the running statement, per connection (`-- notices`): their messages. */
struct notices {
	char text[2048];
};

static void on_notice(void *arg, const PGresult *r)
{
	struct notices *n = arg;
	const char *m = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	note(n->text, sizeof(n->text), "%s%s;", m ? m : "?", "");
}

/* The notifications c received with its last answer (its own: a file LISTENs and NOTIFYs on
 * one connection), as text. */
static void notifies(PGconn *c, char *buf, size_t cap)
{
	buf[0] = '\0';
	for (PGnotify *n; (n = PQnotifies(c)) != NULL; PQfreemem(n))
		note(buf, cap, "%s:%s;", n->relname, n->extra);
}

static PGresult *run(PGconn *c, const struct stmt *st)
{
	return st->extended ? PQexecParams(c, st->text, 0, NULL, NULL, NULL, NULL, 0)
			    : PQexec(c, st->text);
}

static PGconn *connect_db(const char *base, const char *db)
{
	char ci[1024];
	snprintf(ci, sizeof(ci), "%s dbname=%s", base, db);
	PGconn *c = PQconnectdb(ci);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "cannot connect (%s): %s", ci, PQerrorMessage(c));
		exit(2);
	}
	return c;
}

/* A fresh database on PostgreSQL for this file (shardlite creates the tenant on connect). */
static void pg_fresh_db(const char *base, const char *db)
{
	PGconn *c = connect_db(base, "postgres");
	char sql[256];
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s", db);
	PQclear(PQexec(c, sql));
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", db);
	PGresult *r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		fprintf(stderr, "%s: %s", sql, PQresultErrorMessage(r));
		exit(2);
	}
	PQclear(r);
	PQfinish(c);
}

static void run_file(const char *pgbase, const char *slbase, const char *path, struct totals *t)
{
	char db[64];
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	snprintf(db, sizeof(db), "regress_%.*s", (int)strcspn(base, "."), base);
	for (char *p = db; *p; p++)
		if (*p == '-')
			*p = '_';
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(2);
	}
	pg_fresh_db(pgbase, db);
	PGconn *pg = connect_db(pgbase, db), *sl = connect_db(slbase, db);
	static struct notices na_notices, nb_notices;
	PQsetNoticeReceiver(pg, on_notice, &na_notices);
	PQsetNoticeReceiver(sl, on_notice, &nb_notices);
	static struct stmt st;
	int lineno = 0;
	char why[4096];
	bool all_notices = getenv("REGRESS_NOTICES") != NULL;
	while (next_stmt(f, &lineno, &st)) {
		na_notices.text[0] = nb_notices.text[0] = '\0';
		PGresult *a = run(pg, &st), *b = run(sl, &st);
		compare(a, b, &st, why, sizeof(why));
		if (!why[0] && (st.notices || all_notices) &&
		    strcmp(na_notices.text, nb_notices.text) != 0)
			note(why, sizeof(why), "notices: [%s] vs [%s]", na_notices.text,
			     nb_notices.text);
		char na[1024], nb[1024];
		notifies(pg, na, sizeof(na));
		notifies(sl, nb, sizeof(nb));
		if (!why[0] && strcmp(na, nb) != 0) {
			note(why, sizeof(why), "notifications: [%s] vs [%s]", na, nb);
		}
		t->run++;
		bool differs = why[0] != '\0';
		if (!differs && !st.differs[0]) {
			t->same++;
		} else if (differs && st.differs[0]) {
			t->known++;
			if (getenv("REGRESS_SHOW_KNOWN"))
				printf("%s:%d: known (%s) — today: %s\n", base, st.line, st.differs,
				       why);
		} else {
			t->failed++;
			printf("%s:%d: %s\n    %.*s\n", base, st.line,
			       differs ? why
				       : "matches PostgreSQL now: remove the `-- differs:` line",
			       (int)strcspn(st.text, "\n"), st.text);
		}
		PQclear(a);
		PQclear(b);
	}
	fclose(f);
	PQfinish(pg);
	PQfinish(sl);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: regress PG_CONNINFO SHARDLITE_CONNINFO FILE.sql...\n");
		return 2;
	}
	struct totals t = {0};
	for (int i = 3; i < argc; i++)
		run_file(argv[1], argv[2], argv[i], &t);
	printf("regress: %d statements: %d same as PostgreSQL, %d known differences, %d failed\n",
	       t.run, t.same, t.known, t.failed);
	return t.failed ? 1 : 0;
}
