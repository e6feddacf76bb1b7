/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_srf.c: the set-returning functions catalog queries put in FROM, as rows of pgfn's
 * SRF engine: pg_srf_series(start, stop[, step]) (pgfn's generate_series over integers, for
 * views that name it), pg_srf_unnest(array) and pg_srf_partition_ancestors(oid), each with the
 * columns value and ordinality, pg_srf_aclexplode(aclitem[]) with aclexplode's columns and
 * pg_srf_sequence(name [, in]), a sequence's row; the translator renames them as PostgreSQL names
 * them. */
#include "catalog_int.h"

#include <stdio.h>
#include <string.h>

static bool start_unnest(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (args[0] && sqlite3_value_type(args[0]) != SQLITE_NULL)
		s->cells = pgfn_array_flatten(s->a, (const char *)sqlite3_value_text(args[0]),
					      &s->nrows); /* any number of dimensions */
	if (!s->cells)
		s->nrows = 0;
	return true;
}

/* The catalog model of the scan's connection; NULL after failing the scan. */
static const struct cat_model *scan_model(struct pgfn_srf_scan *s)
{
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(s->data, &msg);
	if (!m) {
		pgfn_srf_fail(s, NULL, "%s", msg ? msg : "catalog unavailable");
		sqlite3_free(msg);
	}
	return m;
}

/* A partition's ancestors: itself, then its parents up to the top; a partitioned table's: itself;
 * none for any other relation (PostgreSQL's check_rel_can_be_partition). */
static bool start_ancestors(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (!args[0] || sqlite3_value_type(args[0]) == SQLITE_NULL)
		return true;
	const struct cat_model *m = scan_model(s);
	if (!m)
		return false;
	const struct cat_rel *rel = cat_model_rel_value(m, args[0]);
	if (rel && (rel->part_key || rel->part_parent)) { /* else none, as PostgreSQL's */
		/* up the chain of parents (sub-partitioning) */
		size_t n = 1;
		for (const struct cat_rel *up = rel; up->part_parent && n < 64; n++)
			if (!(up = cat_model_rel(m, up->part_parent)))
				break;
		s->cells = arena_alloc(s->a, n * sizeof(*s->cells));
		s->nrows = 0;
		for (const struct cat_rel *up = rel; up && s->nrows < n;
		     up = up->part_parent ? cat_model_rel(m, up->part_parent) : NULL)
			s->cells[s->nrows++] = arena_printf(s->a, "%u", up->oid);
		s->int_cols = 1;
	}
	return true;
}

/* pg_partition_tree(rel): rel and every partition under it, each with its parent, whether
 * it is a leaf and its level below rel (rel's level 0, its parent not shown); no rows for a
 * relation that is neither partitioned nor a partition (PostgreSQL's
 * check_rel_can_be_partition). Parents before their partitions, level by level. */
static bool start_tree(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (!args[0] || sqlite3_value_type(args[0]) == SQLITE_NULL)
		return true;
	const struct cat_model *m = scan_model(s);
	if (!m)
		return false;
	const struct cat_rel *rel = cat_model_rel_value(m, args[0]);
	if (rel && rel->kind == 'i' && rel->index && rel->index->table &&
	    (rel->index->table->part_key || rel->index->table->part_parent))
		return pgfn_srf_fail(s, SQLSTATE_FEATURE_NOT_SUPPORTED,
				     "pg_partition_tree of a partitioned index is not supported");
	if (!rel || (!rel->part_key && !rel->part_parent))
		return true;
	const struct cat_rel **q = arena_alloc(s->a, (m->nrels + 1) * sizeof(*q));
	int *level = arena_alloc(s->a, (m->nrels + 1) * sizeof(*level));
	size_t n = 0;
	q[n] = rel;
	level[n++] = 0;
	for (size_t i = 0; i < n; i++) /* breadth first: each one's partitions after it */
		for (size_t k = 0; q[i]->part_key && k < m->nrels && n <= m->nrels; k++) {
			const struct cat_rel *c = m->rels[k];
			if (c->part_parent && strcmp(c->part_parent, q[i]->name) == 0) {
				q[n] = c;
				level[n++] = level[i] + 1;
			}
		}
	s->cells = arena_alloc(s->a, 4 * n * sizeof(*s->cells));
	for (size_t i = 0; i < n; i++) {
		const struct cat_rel *up = q[i]->part_parent ? cat_model_rel(m, q[i]->part_parent)
							     : NULL;
		s->cells[4 * i] = arena_printf(s->a, "%u", q[i]->oid);
		s->cells[4 * i + 1] = up ? arena_printf(s->a, "%u", up->oid) : NULL;
		s->cells[4 * i + 2] = q[i]->part_key ? "f" : "t";
		s->cells[4 * i + 3] = arena_printf(s->a, "%d", level[i]);
	}
	s->nrows = n;
	s->int_cols = 1u << 0 | 1u << 1 | 1u << 3;
	return true;
}

/* ---- aclexplode(aclitem[]) ---- */

/* One role name of an aclitem (bare up to one of stop, or "quoted" with "" escapes),
 * advancing *p. */
static const char *acl_name(struct arena *a, const char **p, const char *stop)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *q = *p;
	bool quoted = *q == '"';
	for (q += quoted; *q; q++) {
		if (quoted && *q == '"') {
			if (q[1] != '"') {
				q++;
				break;
			}
			q++;
		} else if (!quoted && strchr(stop, *q))
			break;
		strbuf_putc(&sb, *q);
	}
	const char *name = arena_strdup(a, sb.data && !sb.failed ? sb.data : "");
	strbuf_fini(&sb);
	*p = q;
	return name;
}

/* A role's OID as aclitem input resolves it: "" is PUBLIC (0); the session user stands in
 * for the bootstrap superuser and the users file's users have theirs, as in pg_roles. */
static bool acl_role(struct pgfn_srf_scan *s, const char *name, const char **oid)
{
	uint32_t role = *name ? cat_role_named(s->data, name, s->a) : 0;
	if (*name && !role)
		return pgfn_srf_fail(s, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist",
				     name);
	*oid = arena_printf(s->a, "%u", role);
	return true;
}

/* The privilege letters in the order of their ACL_* bits, which aclexplode follows. */
static const struct {
	char letter;
	const char *name;
} privs[] = {
	{'a', "INSERT"},   {'r', "SELECT"},	{'w', "UPDATE"},    {'d', "DELETE"},
	{'D', "TRUNCATE"}, {'x', "REFERENCES"}, {'t', "TRIGGER"},   {'X', "EXECUTE"},
	{'U', "USAGE"},	   {'C', "CREATE"},	{'T', "TEMPORARY"}, {'c', "CONNECT"},
	{'s', "SET"},	   {'A', "ALTER SYSTEM"},
};

static bool acl_syntax(struct pgfn_srf_scan *s, const char *item)
{
	return pgfn_srf_fail(s, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			     "invalid input syntax for type aclitem: \"%s\"", item);
}

/* One aclitem "grantee=privileges/grantor" as rows (grantor, grantee, privilege,
 * grantable) appended at rows + 4 * *n. */
static bool explode_item(struct pgfn_srf_scan *s, const char *item, const char **rows, size_t *n)
{
	const char *p = item, *grantee, *grantor;
	const char *grantee_name = acl_name(s->a, &p, "=");
	if (*p++ != '=')
		return acl_syntax(s, item);
	const char *letters = p;
	size_t nletters = strcspn(p, "/");
	p += nletters;
	/* no "/grantor": PostgreSQL defaults it to the bootstrap superuser (with a warning) */
	const char *grantor_name = cat_conn_user(s->data);
	if (*p == '/') {
		p++;
		grantor_name = acl_name(s->a, &p, "");
	}
	if (*p || !*grantor_name)
		return acl_syntax(s, item);
	for (size_t i = 0; i < nletters; i++) {
		bool known = letters[i] == '*' && i > 0;
		for (size_t k = 0; !known && k < ARRAY_LEN(privs); k++)
			known = privs[k].letter == letters[i];
		if (!known)
			return pgfn_srf_fail(s, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					     "invalid mode character: must be one of \"%s\"",
					     "arwdDxtXUCTcsA");
	}
	if (!acl_role(s, grantee_name, &grantee) || !acl_role(s, grantor_name, &grantor))
		return false;
	for (size_t k = 0; k < ARRAY_LEN(privs); k++) {
		const char *at = memchr(letters, privs[k].letter, nletters);
		if (!at)
			continue;
		const char **row = rows + *n * 4;
		row[0] = grantor;
		row[1] = grantee;
		row[2] = privs[k].name;
		row[3] = at[1] == '*' ? "1" : "0";
		(*n)++;
	}
	return true;
}

static bool start_aclexplode(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (!args[0] || sqlite3_value_type(args[0]) == SQLITE_NULL)
		return true;
	const char *text = (const char *)sqlite3_value_text(args[0]);
	size_t nitems = 0;
	const char **items = cat_array_parse(s->a, text, &nitems);
	if (!items && strcmp(text, "{}") != 0)
		return pgfn_srf_fail(s, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				     "malformed array literal: \"%s\"", text);
	if (!nitems) /* an empty array has no dimension */
		return pgfn_srf_fail(s, SQLSTATE_INVALID_PARAMETER_VALUE, "ACL arrays must be one-dimensional");
	const char **rows = arena_alloc(s->a, nitems * ARRAY_LEN(privs) * 4 * sizeof(*rows));
	size_t n = 0;
	for (size_t i = 0; i < nitems; i++) {
		if (!items[i])
			return pgfn_srf_fail(s, "22004" /* null_value_not_allowed */, "ACL arrays must not contain null values");
		if (!explode_item(s, items[i], rows, &n))
			return false;
	}
	s->cells = rows;
	s->nrows = n;
	s->int_cols = 1u << 0 | 1u << 1 | 1u << 3;
	return true;
}

/* ---- a sequence read as a relation ---- */

/* SELECT last_value, log_cnt, is_called FROM s: the one row of sequence name (exactly as
 * written). log_cnt, PostgreSQL's count of values logged ahead in its WAL: the numbers the
 * tenant holds ahead of the last one given (shard_seq.c), 0 for a serial key's sequence. */
static bool start_sequence(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	struct cat_conn *cc = s->data;
	const char *name = args[0] ? (const char *)sqlite3_value_text(args[0]) : NULL;
	if (!name)
		return true;
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(cc, &msg);
	if (!m) {
		pgfn_srf_fail(s, NULL, "%s", msg ? msg : "catalog unavailable");
		sqlite3_free(msg);
		return false;
	}
	/* in: the schema the query named, 0 the tenant's, 1 pg_temp; none: a temporary first */
	const struct cat_seq *q = NULL;
	if (args[1] && sqlite3_value_type(args[1]) != SQLITE_NULL) {
		bool temp = sqlite3_value_int(args[1]) == 1;
		for (size_t i = 0; !q && i < m->nseqs; i++)
			if (m->seqs[i]->rel->temp == temp && strcmp(m->seqs[i]->name, name) == 0)
				q = m->seqs[i];
	} else {
		q = cat_model_seq(m, name);
	}
	if (!q || strcmp(q->name, name) != 0)
		return pgfn_srf_fail(s, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				     name);
	int64_t last = 0;
	bool called = false;
	int64_t log_cnt = 0;
	if (!cat_seq_state(cc, q, &last, &called, &log_cnt))
		return pgfn_srf_fail(s, NULL, "%s", sqlite3_errmsg(cc->db));
	s->cells = arena_alloc(s->a, 3 * sizeof(*s->cells));
	s->cells[0] = arena_printf(s->a, "%lld", (long long)last);
	s->cells[1] = arena_printf(s->a, "%lld", (long long)log_cnt);
	s->cells[2] = called ? "1" : "0";
	s->nrows = 1;
	s->int_cols = 7;
	return true;
}

static const struct pgfn_srf_def srfs[] = {
	{"pg_srf_series", "value", 1, 3, pgfn_srf_series_start, pgfn_srf_series_next,
	 pgfn_srf_series_column},
	{"pg_srf_unnest", "value", 1, 1, start_unnest, NULL, NULL},
	{"pg_srf_partition_ancestors", "value", 1, 1, start_ancestors, NULL, NULL},
	{"pg_srf_partition_tree", "relid regclass, parentrelid regclass, isleaf bool, level int4",
	 4, 1, start_tree, NULL, NULL},
	{"pg_srf_aclexplode", "grantor oid, grantee oid, privilege_type text, is_grantable bool", 4,
	 1, start_aclexplode, NULL, NULL},
	{"pg_srf_sequence", "last_value int8, log_cnt int8, is_called bool", 3, 2, start_sequence,
	 NULL, NULL},
};

bool cat_srf_register(sqlite3 *db, struct cat_conn *cc)
{
	return pgfn_srf_define(db, srfs, ARRAY_LEN(srfs), cc) == SQLITE_OK;
}
