/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_guard.c: refuses statements nested too deeply to parse safely, judged from the
 * scanner's tokens before the (recursive) parse and tree decoding run. */
#include "xlat_int.h"

#include <pg_query.h>
#include <string.h>

/* The parse tree reaches us through protobuf-c, whose unpacking recurses about 1 KB of stack
 * per tree level with no limit of its own, so a statement nested deeply enough (a chain of
 * thousands of "a + a + ...") would overflow the stack before our own depth check runs. The
 * scanner is not recursive: from its tokens, estimate the depth as open parentheses (and
 * CASE) plus the operators met since the last separator at each level (commas, AND/OR, CASE
 * arms and statement ends start a new item, and PostgreSQL builds no deeper tree across
 * them), and refuse past MAX_NEST before parsing. The estimate never undercounts. */
#define MAX_NEST 500

static bool is_separator(PgQuery__Token t)
{
	return t == PG_QUERY__TOKEN__ASCII_44 || t == PG_QUERY__TOKEN__ASCII_59 ||
	       t == PG_QUERY__TOKEN__AND || t == PG_QUERY__TOKEN__OR ||
	       t == PG_QUERY__TOKEN__WHEN || t == PG_QUERY__TOKEN__THEN ||
	       t == PG_QUERY__TOKEN__ELSE;
}

static bool is_opener(PgQuery__Token t)
{
	return t == PG_QUERY__TOKEN__ASCII_40 || t == PG_QUERY__TOKEN__ASCII_91 ||
	       t == PG_QUERY__TOKEN__CASE;
}

static bool is_closer(PgQuery__Token t)
{
	return t == PG_QUERY__TOKEN__ASCII_41 || t == PG_QUERY__TOKEN__ASCII_93 ||
	       t == PG_QUERY__TOKEN__END_P;
}

/* Anything that is not an operand, a name, punctuation or a keyword may build a tree level. */
static bool is_operator(const PgQuery__ScanToken *tok)
{
	switch (tok->token) {
	case PG_QUERY__TOKEN__IDENT:
	case PG_QUERY__TOKEN__UIDENT:
	case PG_QUERY__TOKEN__FCONST:
	case PG_QUERY__TOKEN__SCONST:
	case PG_QUERY__TOKEN__USCONST:
	case PG_QUERY__TOKEN__BCONST:
	case PG_QUERY__TOKEN__XCONST:
	case PG_QUERY__TOKEN__ICONST:
	case PG_QUERY__TOKEN__PARAM:
	case PG_QUERY__TOKEN__ASCII_46: /* . */
	case PG_QUERY__TOKEN__SQL_COMMENT:
	case PG_QUERY__TOKEN__C_COMMENT:
		return false;
	case PG_QUERY__TOKEN__NOT:
	case PG_QUERY__TOKEN__IS:
	case PG_QUERY__TOKEN__ISNULL:
	case PG_QUERY__TOKEN__NOTNULL:
	case PG_QUERY__TOKEN__LIKE:
	case PG_QUERY__TOKEN__ILIKE:
	case PG_QUERY__TOKEN__SIMILAR:
	case PG_QUERY__TOKEN__BETWEEN:
	case PG_QUERY__TOKEN__IN_P:
	case PG_QUERY__TOKEN__COLLATE:
	case PG_QUERY__TOKEN__AT:
	case PG_QUERY__TOKEN__OVERLAPS:
	case PG_QUERY__TOKEN__UNION: /* set operations and joins nest to the left, too */
	case PG_QUERY__TOKEN__INTERSECT:
	case PG_QUERY__TOKEN__EXCEPT:
	case PG_QUERY__TOKEN__JOIN:
		return true;
	default:
		/* other keywords open no level of their own */
		return tok->keyword_kind == PG_QUERY__KEYWORD_KIND__NO_KEYWORD;
	}
}

static int estimate_depth(const PgQuery__ScanResult *sr)
{
	int ops[MAX_NEST + 2] = {0}; /* operators in the current item, per open level */
	int level = 0, total = 0, worst = 0;
	for (size_t i = 0; i < sr->n_tokens && worst <= MAX_NEST; i++) {
		PgQuery__Token t = sr->tokens[i]->token;
		if (is_opener(t)) {
			level++;
			if (level > MAX_NEST)
				return level;
			ops[level] = 0;
			total++;
		} else if (is_closer(t) && level > 0) {
			total -= ops[level] + 1;
			level--;
		} else if (is_separator(t)) {
			total -= ops[level];
			ops[level] = 0;
		} else if (is_operator(sr->tokens[i])) {
			ops[level]++;
			total++;
		}
		worst = total > worst ? total : worst;
	}
	return worst;
}

bool xlat_nesting_ok(const char *sql, struct pgerr *err)
{
	/* Every level counted is a token of at least one byte, so a statement no longer than
	 * MAX_NEST cannot exceed it: the common short statement skips the scan. */
	if (strnlen(sql, MAX_NEST + 1) <= MAX_NEST)
		return true;
	PgQueryScanResult r = pg_query_scan(sql);
	int depth = 0;
	if (!r.error) { /* a scanner error is reported, with its position, by the parser */
		PgQuery__ScanResult *sr = pg_query__scan_result__unpack(
			NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
		if (sr) {
			depth = estimate_depth(sr);
			pg_query__scan_result__free_unpacked(sr, NULL);
		}
	}
	pg_query_free_scan_result(r);
	if (depth <= MAX_NEST)
		return true;
	pgerr_set(err, SQLSTATE_STATEMENT_TOO_COMPLEX, "stack depth limit exceeded");
	pgerr_hint(err, "The statement nests expressions more than %d levels deep.", MAX_NEST);
	return false;
}
