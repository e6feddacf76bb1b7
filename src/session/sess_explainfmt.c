/* SPDX-License-Identifier: Apache-2.0 */
/* sess_explainfmt.c: EXPLAIN (FORMAT JSON | YAML | XML) — SQLite's plan in the document shape
 * PostgreSQL writes (explain.c's groups and properties, byte for byte in layout), so that tools
 * which parse it (pgAdmin's graphical explain, DBeaver) read it. The nodes are SQLite's, named
 * as PostgreSQL names the nearest kind; SQLite's own line stays in "SQLite Detail". */
#include "session_int.h"

#include <string.h>

/* ---- the plan as PostgreSQL's node tree ---- */

struct pnode {
	const char *type;     /* "Seq Scan", "Nested Loop", ... */
	const char *relation; /* "Parent Relationship": Outer, Inner, Subquery, SubPlan ... */
	const char *subplan;  /* "Subplan Name" */
	const char *join;     /* "Join Type" */
	const char *index, *rel, *cond, *detail;
	bool scan; /* scans a relation: has "Relation Name" and "Alias" */
	struct pnode **kids;
	size_t nkids, cap;
};

static struct pnode *pnode_new(struct arena *a, const char *type, const char *detail)
{
	struct pnode *p = arena_zalloc(a, sizeof(*p));
	p->type = type;
	p->detail = detail;
	return p;
}

static void add_kid(struct arena *a, struct pnode *p, struct pnode *k, const char *relation)
{
	if (p->nkids == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 4;
		struct pnode **v = arena_alloc(a, p->cap * sizeof(*v));
		if (p->nkids)
			memcpy(v, p->kids, p->nkids * sizeof(*v));
		p->kids = v;
	}
	k->relation = relation;
	p->kids[p->nkids++] = k;
}

/* The word after prefix in d, up to a blank (a relation's or an index's name). */
static const char *word_after(struct arena *a, const char *d, const char *prefix)
{
	const char *p = strstr(d, prefix);
	if (!p)
		return NULL;
	p += strlen(prefix);
	return arena_strndup(a, p, strcspn(p, " "));
}

/* SCAN t [USING [COVERING] INDEX i] / SEARCH t USING ... (cond): one relation's loop. */
static struct pnode *scan_node(struct arena *a, const char *d)
{
	bool search = strncmp(d, "SEARCH ", 7) == 0;
	const char *index = word_after(a, d, " INDEX ");
	bool covering = strstr(d, " COVERING INDEX") != NULL;
	struct pnode *p = pnode_new(a,
				    covering ? "Index Only Scan"
				    : index || search ? "Index Scan"
						      : "Seq Scan",
				    d);
	p->scan = true;
	p->rel = word_after(a, d, search ? "SEARCH " : "SCAN ");
	p->index = index && *index != '(' ? index : NULL;
	const char *cond = strchr(d, '(');
	p->cond = cond ? arena_strndup(a, cond, strcspn(cond, ")") + 1) : NULL;
	return p;
}

static struct pnode *build_level(struct arena *a, const struct sess_plan_line *v, size_t n,
				 int parent);

/* A subquery SQLite computes first (MATERIALIZE w, CO-ROUTINE s): its plan. */
struct prelude {
	const char *name;
	struct pnode *plan;
	bool used;
};

/* The plan nodes SQLite lists as children of line i. */
static struct pnode *kids_plan(struct arena *a, const struct sess_plan_line *v, size_t n,
			       size_t i)
{
	return build_level(a, v, n, v[i].id);
}

/* The loops of one level joined as PostgreSQL draws nested loops: the first the outer side. */
static struct pnode *join_loops(struct arena *a, struct pnode **loops, size_t nloops)
{
	if (!nloops)
		return pnode_new(a, "Result", NULL);
	struct pnode *top = loops[0];
	for (size_t i = 1; i < nloops; i++) {
		struct pnode *j = pnode_new(a, "Nested Loop", NULL);
		j->join = "Inner";
		add_kid(a, j, top, "Outer");
		add_kid(a, j, loops[i], "Inner");
		top = j;
	}
	return top;
}

/* USE TEMP B-TREE FOR ORDER BY / GROUP BY / DISTINCT: the node that wraps the level. */
static struct pnode *wrap(struct arena *a, struct pnode *top, const char *d)
{
	const char *type = strstr(d, "GROUP BY") ? "Aggregate"
			   : strstr(d, "DISTINCT") ? "Unique"
						   : "Sort";
	struct pnode *w = pnode_new(a, type, d);
	add_kid(a, w, top, "Outer");
	return w;
}

/* One line that is not a loop of its level, a prelude or a sort: a subplan or a member. */
static void other_line(struct arena *a, const struct sess_plan_line *v, size_t n, size_t i,
		       struct pnode **loops, size_t *nloops, struct pnode *subs)
{
	const char *d = v[i].detail;
	struct pnode *k = kids_plan(a, v, n, i);
	if (strstr(d, "SUBQUERY ") && strncmp(d, "LEFT-MOST", 9) != 0) {
		bool correlated = strncmp(d, "CORRELATED", 10) == 0;
		k->subplan = arena_printf(a, "%s %s", correlated ? "SubPlan" : "InitPlan",
					  strrchr(d, ' ') + 1);
		k->detail = k->detail ? k->detail : d;
		add_kid(a, subs, k, correlated ? "SubPlan" : "InitPlan");
		return;
	}
	struct pnode *p = pnode_new(a, strcmp(d, "COMPOUND QUERY") == 0 ? "Append" : "Result", d);
	if (strcmp(p->type, "Append") == 0) {
		for (size_t m = 0; m < k->nkids; m++)
			add_kid(a, p, k->kids[m], "Member");
	} else {
		add_kid(a, p, k, "Outer");
	}
	loops[(*nloops)++] = p;
}

static bool is_member(const char *d)
{
	return strncmp(d, "LEFT-MOST SUBQUERY", 18) == 0 || strncmp(d, "UNION", 5) == 0 ||
	       strncmp(d, "EXCEPT", 6) == 0 || strncmp(d, "INTERSECT", 9) == 0;
}

/* The lines whose parent is parent, as one node: their loops joined, sorts around them,
 * subqueries below them. The members of a COMPOUND QUERY are each a level of their own. */
static struct pnode *build_level(struct arena *a, const struct sess_plan_line *v, size_t n,
				 int parent)
{
	struct pnode **loops = arena_zalloc(a, (n + 1) * sizeof(*loops));
	struct prelude *pre = arena_zalloc(a, (n + 1) * sizeof(*pre));
	struct pnode *subs = pnode_new(a, NULL, NULL), *members = pnode_new(a, NULL, NULL);
	const char **wraps = arena_zalloc(a, (n + 1) * sizeof(*wraps));
	size_t nloops = 0, npre = 0, nwraps = 0;
	for (size_t i = 0; i < n; i++) {
		const char *d = v[i].detail;
		if (v[i].parent != parent)
			continue;
		if (is_member(d)) { /* LEFT-MOST SUBQUERY, UNION ALL ...: Append's children */
			add_kid(a, members, kids_plan(a, v, n, i), "Member");
		} else if (strncmp(d, "MATERIALIZE ", 12) == 0 ||
			   strncmp(d, "CO-ROUTINE ", 11) == 0) {
			pre[npre++] = (struct prelude){strchr(d, ' ') + 1, kids_plan(a, v, n, i),
						       false};
		} else if (strncmp(d, "USE TEMP B-TREE FOR ", 20) == 0) {
			wraps[nwraps++] = d;
		} else if (strcmp(d, "SCAN CONSTANT ROW") == 0) {
			loops[nloops++] = pnode_new(a, "Result", d);
		} else if (strncmp(d, "SCAN ", 5) == 0 || strncmp(d, "SEARCH ", 7) == 0) {
			struct pnode *s = scan_node(a, d);
			for (size_t k = 0; k < npre; k++) {
				if (!pre[k].used && s->rel && strcmp(pre[k].name, s->rel) == 0) {
					s->type = "Subquery Scan"; /* its rows are the subquery's */
					s->scan = false;
					add_kid(a, s, pre[k].plan, "Subquery");
					pre[k].used = true;
				}
			}
			loops[nloops++] = s;
		} else {
			other_line(a, v, n, i, loops, &nloops, subs);
		}
	}
	if (members->nkids) /* this level is the members of a COMPOUND QUERY */
		return members;
	struct pnode *top = join_loops(a, loops, nloops);
	for (size_t k = 0; k < npre; k++) {
		if (!pre[k].used)
			add_kid(a, subs, pre[k].plan, "InitPlan");
	}
	for (size_t k = 0; k < nwraps; k++)
		top = wrap(a, top, wraps[k]);
	for (size_t k = 0; k < subs->nkids; k++)
		add_kid(a, top, subs->kids[k], subs->kids[k]->relation);
	return top;
}

/* ---- PostgreSQL's writer (explain.c: groups, properties, per-format layout) ---- */

struct doc {
	struct strbuf *sb;
	char format;     /* 'j', 'y', 'x' */
	int indent;
	int started[32]; /* per open group: something written in it (JSON, YAML) */
	int depth;
};

static void put_escaped(struct doc *o, const char *s)
{
	if (o->format == 'x') {
		for (; *s; s++) {
			switch (*s) {
			case '&': strbuf_puts(o->sb, "&amp;"); break;
			case '<': strbuf_puts(o->sb, "&lt;"); break;
			case '>': strbuf_puts(o->sb, "&gt;"); break;
			case '\r': strbuf_puts(o->sb, "&#x0d;"); break;
			default: strbuf_putc(o->sb, *s);
			}
		}
		return;
	}
	strbuf_putc(o->sb, '"'); /* escape_json, which YAML's writer uses too */
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			strbuf_printf(o->sb, "\\%c", ch);
		else if (ch == '\n')
			strbuf_puts(o->sb, "\\n");
		else if (ch == '\t')
			strbuf_puts(o->sb, "\\t");
		else if (ch == '\r')
			strbuf_puts(o->sb, "\\r");
		else if (ch < 0x20)
			strbuf_printf(o->sb, "\\u%04x", ch);
		else
			strbuf_putc(o->sb, (char)ch);
	}
	strbuf_putc(o->sb, '"');
}

static void spaces(struct doc *o, int n) { strbuf_printf(o->sb, "%*s", n, ""); }

/* ExplainJSONLineEnding / ExplainYAMLLineStarting: what goes before an item of a group. */
static void item_start(struct doc *o)
{
	bool first = !o->started[o->depth];
	o->started[o->depth] = 1;
	if (o->format == 'j') {
		strbuf_puts(o->sb, first ? "\n" : ",\n");
		spaces(o, 2 * o->indent);
	} else if (o->format == 'y' && !first) {
		strbuf_putc(o->sb, '\n');
		spaces(o, 2 * o->indent);
	}
}

/* An XML tag: <Node-Type> for "Node Type". */
static void xml_tag(struct doc *o, const char *name, bool closing)
{
	strbuf_puts(o->sb, closing ? "</" : "<");
	for (const char *p = name; *p; p++)
		strbuf_putc(o->sb, *p == ' ' ? '-' : *p);
	strbuf_putc(o->sb, '>');
}

/* A property; numeric: written as it is (numbers, true/false), else a string. */
static void prop(struct doc *o, const char *key, const char *value, bool numeric)
{
	if (!value)
		return;
	if (o->format == 'x') {
		spaces(o, 2 * o->indent);
		xml_tag(o, key, false);
		put_escaped(o, value);
		xml_tag(o, key, true);
		strbuf_putc(o->sb, '\n');
		return;
	}
	item_start(o);
	if (o->format == 'j') {
		put_escaped(o, key);
		strbuf_puts(o->sb, ": ");
	} else {
		strbuf_printf(o->sb, "%s: ", key);
	}
	if (numeric)
		strbuf_puts(o->sb, value);
	else
		put_escaped(o, value);
}

/* ExplainOpenGroup: objtype is the XML tag, label the JSON/YAML key (NULL: an array item);
 * object: {} rather than [] in JSON. */
static void open_group(struct doc *o, const char *objtype, const char *label, bool object)
{
	if (o->format == 'x') {
		spaces(o, 2 * o->indent);
		xml_tag(o, objtype, false);
		strbuf_putc(o->sb, '\n');
	} else if (o->format == 'j') {
		item_start(o);
		if (label) {
			put_escaped(o, label);
			strbuf_puts(o->sb, ": ");
		}
		strbuf_putc(o->sb, object ? '{' : '[');
	} else {
		item_start(o);
		strbuf_puts(o->sb, label ? label : "- ");
		if (label)
			strbuf_puts(o->sb, ": ");
	}
	o->depth++;
	o->started[o->depth] = o->format == 'y' && label; /* YAML: a key's items start lines */
	o->indent++;
}

static void close_group(struct doc *o, const char *objtype, bool object)
{
	o->indent--;
	o->depth--;
	if (o->format == 'x') {
		spaces(o, 2 * o->indent);
		xml_tag(o, objtype, true);
		strbuf_putc(o->sb, '\n');
	} else if (o->format == 'j') {
		strbuf_putc(o->sb, '\n');
		spaces(o, 2 * o->indent);
		strbuf_putc(o->sb, object ? '}' : ']');
	}
}

static void write_plan(struct doc *o, const struct pnode *p, const char *label,
		       const char *actual_rows)
{
	open_group(o, "Plan", label, true);
	prop(o, "Node Type", p->type, false);
	prop(o, "Parent Relationship", p->relation, false);
	prop(o, "Subplan Name", p->subplan, false);
	prop(o, "Parallel Aware", "false", true);
	prop(o, "Async Capable", "false", true);
	prop(o, "Join Type", p->join, false);
	if (p->index)
		prop(o, "Scan Direction", "Forward", false);
	prop(o, "Index Name", p->index, false);
	prop(o, "Relation Name", p->scan ? p->rel : NULL, false);
	prop(o, "Alias", p->rel, false);
	prop(o, "Actual Rows", actual_rows, true);
	prop(o, "Actual Loops", actual_rows ? "1" : NULL, true);
	prop(o, "Index Cond", p->cond, false);
	prop(o, "SQLite Detail", p->detail, false);
	if (p->nkids) {
		open_group(o, "Plans", "Plans", false);
		for (size_t i = 0; i < p->nkids; i++)
			write_plan(o, p->kids[i], NULL, NULL);
		close_group(o, "Plans", false);
	}
	close_group(o, "Plan", true);
}

const char *sess_explain_doc(struct arena *a, const struct sess_plan_line *v, size_t n,
			     char format, const struct sess_plan_run *run)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	struct doc o = {.sb = &sb, .format = format};
	if (format == 'x')
		strbuf_puts(&sb, "<explain xmlns=\"http://www.postgresql.org/2009/explain\">\n");
	else if (format == 'j')
		strbuf_putc(&sb, '[');
	o.indent = format == 'y' ? 0 : 1;
	open_group(&o, "Query", NULL, true);
	write_plan(&o, build_level(a, v, n, 0), "Plan",
		   run ? arena_printf(a, "%llu", (unsigned long long)run->rows) : NULL);
	if (run) {
		prop(&o, "Planning Time", arena_printf(a, "%.3f", run->plan_ms), true);
		open_group(&o, "Triggers", "Triggers", false);
		close_group(&o, "Triggers", false);
		prop(&o, "Execution Time", arena_printf(a, "%.3f", run->exec_ms), true);
	}
	close_group(&o, "Query", true);
	strbuf_puts(&sb, format == 'x' ? "</explain>" : format == 'j' ? "\n]" : "");
	const char *r = sb.failed ? NULL : arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return r;
}
