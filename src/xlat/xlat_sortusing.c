/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_sortusing.c: ORDER BY x USING < and USING > (also in DISTINCT ON queries, windows and
 * aggregates), made ASC and DESC in the parse tree before it is translated. For every type
 * shardlite has, < and > are the less-than and greater-than of the type's default btree
 * order, which is what ASC and DESC sort by; PostgreSQL's NULL placement for them is that of
 * ASC and DESC too (NULLS LAST for a less-than). Another operator (~<~ of text_pattern_ops)
 * stays USING, which the sort lists refuse (0A000). */
#include "xlat_int.h"

#include <string.h>

static bool rewrite(void *arg, const ProtobufCMessage *m)
{
	if (m->descriptor == &pg_query__sort_by__descriptor) {
		PgQuery__SortBy *sb = (PgQuery__SortBy *)m; /* the tree is this statement's own */
		const char *op = sb->n_use_op ? xlat_node_str(sb->use_op[sb->n_use_op - 1]) : NULL;
		const char *schema = sb->n_use_op == 2 ? xlat_node_str(sb->use_op[0]) : "pg_catalog";
		if (sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING && op && schema &&
		    sb->n_use_op <= 2 && strcmp(schema, "pg_catalog") == 0 &&
		    (strcmp(op, "<") == 0 || strcmp(op, ">") == 0)) {
			sb->sortby_dir = *op == '<' ? PG_QUERY__SORT_BY_DIR__SORTBY_ASC
						    : PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
		}
	}
	return xlat_tree_each(m, rewrite, arg);
}

void xlat_sort_using(const PgQuery__Node *stmt)
{
	if (stmt)
		rewrite(NULL, &stmt->base);
}
