/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_alter.c: the ALTER TABLE actions SQLite cannot make in place and that the session
 * carries out as table rebuilds — ALTER COLUMN SET/DROP DEFAULT, SET/DROP NOT NULL, [SET DATA]
 * TYPE ... [USING ...], DROP EXPRESSION, DROP CONSTRAINT [IF EXISTS], VALIDATE CONSTRAINT —
 * and xlat_column_default, which writes a DEFAULT for a column whose declared type only the
 * session can read. */
#include "xlat_int.h"

#include "pgtype.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static struct xlat_rebuild *rebuild(struct xlat_ctx *c, const PgQuery__RangeVar *table,
				    enum xlat_rebuild_kind kind)
{
	struct xlat_rebuild *rb = arena_zalloc(c->a, sizeof(*rb));
	rb->kind = kind;
	rb->table = arena_strdup(c->a, table->relname);
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = rb;
	xlat_nocache(c);
	return rb;
}

/* The action's text after its "SET DEFAULT" (the expression runs to the end of the action:
 * the statement, or its part up to the next action, xlat_altermulti.c), without the trailing
 * blanks and semicolon. Quoted names and strings are skipped, so only the clause's own
 * keywords match. */
static const char *default_text(struct xlat_ctx *c)
{
	const char *s = c->alter_text ? c->alter_text : c->src + c->st->location;
	size_t n = c->alter_text ? c->alter_len : c->st->length ? (size_t)c->st->length : strlen(s);
	bool after_set = false;
	for (size_t i = 0; i < n;) {
		if (s[i] == '"' || s[i] == '\'') {
			char q = s[i];
			for (i++; i < n && !(s[i] == q && (i + 1 >= n || s[i + 1] != q));
			     i += s[i] == q ? 2 : 1)
				;
			i++;
			after_set = false;
			continue;
		}
		if (!isalpha((unsigned char)s[i]) && s[i] != '_') {
			i++;
			continue;
		}
		size_t b = i;
		while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '$'))
			i++;
		if (after_set && i - b == 7 && strncasecmp(s + b, "DEFAULT", 7) == 0) {
			while (n > i && (isspace((unsigned char)s[n - 1]) || s[n - 1] == ';'))
				n--;
			while (i < n && isspace((unsigned char)s[i]))
				i++;
			return arena_strndup(c->a, s + i, n - i);
		}
		after_set = i - b == 3 && strncasecmp(s + b, "SET", 3) == 0;
	}
	return NULL;
}

/* SET DEFAULT nextval('s') (or 's'::regclass, currval), the whole default: bound to the
 * sequence s means now, as CREATE TABLE's (xlat_seq_binds); any other text as it is. */
static const char *bind_default(struct xlat_ctx *c, const char *d)
{
	static const char *const fns[] = {"nextval('", "currval('"};
	for (size_t i = 0; d && i < 2; i++) {
		size_t k = strlen(fns[i]);
		if (strncasecmp(d, fns[i], k) != 0)
			continue;
		const char *name = d + k, *end = strchr(name, '\'');
		if (!end || (strcmp(end + 1, ")") != 0 && strcasecmp(end + 1, "::regclass)") != 0))
			continue;
		const char *s = arena_strndup(c->a, name, (size_t)(end - name));
		return xlat_seq_binds(c, s) ? arena_printf(c->a, "%.*spublic.%s", (int)k, d, name)
					    : d;
	}
	return d;
}

static bool set_default(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			const PgQuery__AlterTableCmd *cmd)
{
	const struct xlat_domain *d = xlat_domain_of_column(c, table->relname, cmd->name);
	/* the domain's default comes back: a second rebuild gives the column its domain's
	 * clauses again (not in an ALTER TABLE of several actions, which chains its own) */
	if (!cmd->def && d && d->dflt && c->alter_text)
		return xlat_unsupported(
			c, -1,
			"DROP DEFAULT of a column whose domain has a default, among "
			"other actions");
	struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_SET_DEFAULT);
	rb->column = arena_strdup(c->a, cmd->name);
	if (!cmd->def && d && d->dflt) {
		struct xlat_rebuild *back = arena_zalloc(c->a, sizeof(*back));
		struct strbuf *saved = c->sb, sb;
		strbuf_init(&sb, 0);
		c->sb = &sb;
		bool ok = xlat_domain_column_clauses(c, d, cmd->name, true) && !sb.failed;
		c->sb = saved;
		back->kind = XLAT_RB_DOMAIN;
		back->table = rb->table;
		back->column = rb->column;
		back->constraint = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
		strbuf_fini(&sb);
		rb->next = back;
		return ok;
	}
	if (!cmd->def)
		return true; /* DROP DEFAULT */
	rb->default_pg = bind_default(c, default_text(c));
	return rb->default_pg ? true : xlat_unsupported(c, -1, "this SET DEFAULT");
}

static bool drop_constraint(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			    const PgQuery__AlterTableCmd *cmd)
{
	if (cmd->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
		return xlat_unsupported(c, -1, "DROP CONSTRAINT ... CASCADE");
	struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_DROP_CONSTRAINT);
	rb->name = arena_strdup(c->a, cmd->name);
	rb->missing_ok = cmd->missing_ok;
	return true;
}

/* ALTER COLUMN c TYPE to or from a domain, rb the type change: the column's clauses from the
 * old domain go first (a rebuild giving it none), the new domain's come after (a second
 * rebuild, whose copy checks each row's converted value, with the domain's DEFAULT unless the
 * column has its own), and the column sidecar's row names the new domain or none. */
static bool domain_type_chain(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			      struct xlat_rebuild *rb, const struct xlat_domain *from,
			      const struct xlat_domain *to)
{
	struct xlat_rebuild *v = arena_zalloc(c->a, 3 * sizeof(*v));
	struct xlat_rebuild *last = rb;
	if (from) { /* the first action: rb follows it */
		v[0] = (struct xlat_rebuild){.kind = XLAT_RB_DOMAIN,
					     .table = rb->table,
					     .column = rb->column,
					     .constraint = "",
					     .next = rb};
		c->st->rebuild = &v[0];
	}
	if (to) {
		struct strbuf *saved = c->sb, sb;
		strbuf_init(&sb, 0);
		c->sb = &sb;
		bool own = xlat_domain_own_default(c, table->relname, rb->column);
		bool ok = xlat_domain_column_clauses(c, to, rb->column, !own) && !sb.failed;
		c->sb = saved;
		v[1] = (struct xlat_rebuild){
			.kind = XLAT_RB_DOMAIN, .table = rb->table, .column = rb->column};
		v[1].constraint = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
		strbuf_fini(&sb);
		if (!ok)
			return false;
		last->next = &v[1];
		last = &v[1];
	}
	v[2] = (struct xlat_rebuild){.kind = XLAT_RB_SCRIPT, .table = rb->table};
	v[2].script = xlat_column_meta_script(c, rb->table, rb->column, to ? to->name : NULL,
					      xlat_temp_is(table));
	last->next = &v[2];
	return v[2].script != NULL;
}

/* The families of built-in types whose casts among each other pg_cast lists; 0 for a type
 * this check leaves alone (money, bit, arrays, enums, domains, ranges, ...). */
enum cast_family {
	CF_NONE,
	CF_STRING,
	CF_NUMBER,
	CF_BOOL,
	CF_DATETIME,
	CF_JSON,
	CF_UUID,
	CF_BYTEA,
	CF_INET,
	CF_MAC
};

static enum cast_family cast_family(uint32_t oid)
{
	switch (oid) {
	case XLAT_OID_TEXT:
	case XLAT_OID_VARCHAR:
	case XLAT_OID_BPCHAR:
	case XLAT_OID_NAME:
	case XLAT_OID_CHAR:
		return CF_STRING;
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8:
	case XLAT_OID_FLOAT4:
	case XLAT_OID_FLOAT8:
	case XLAT_OID_NUMERIC:
		return CF_NUMBER;
	case XLAT_OID_BOOL:
		return CF_BOOL;
	case XLAT_OID_DATE:
	case XLAT_OID_TIME:
	case XLAT_OID_TIMETZ:
	case XLAT_OID_TIMESTAMP:
	case XLAT_OID_TIMESTAMPTZ:
	case XLAT_OID_INTERVAL:
		return CF_DATETIME;
	case XLAT_OID_JSON:
	case XLAT_OID_JSONB:
		return CF_JSON;
	case XLAT_OID_UUID:
		return CF_UUID;
	case XLAT_OID_BYTEA:
		return CF_BYTEA;
	case XLAT_OID_INET:
	case XLAT_OID_CIDR:
		return CF_INET;
	case XLAT_OID_MACADDR:
	case XLAT_OID_MACADDR8:
		return CF_MAC;
	default:
		return CF_NONE;
	}
}

/* Whether PostgreSQL converts a column of type `from` to `to` without USING: an implicit or
 * assignment cast (pg_cast), or the I/O conversion to a string type, which is an assignment
 * one (from a string type it is explicit). Pairs of types outside cast_family are taken as
 * convertible, as before this check. */
static bool assignable(uint32_t from, uint32_t to)
{
	enum cast_family f = cast_family(from), t = cast_family(to);
	if (f == CF_NONE || t == CF_NONE || from == to)
		return true;
	if (to == XLAT_OID_CHAR) /* "char" is no string category: only text's casts to it */
		return from == XLAT_OID_TEXT || from == XLAT_OID_VARCHAR || from == XLAT_OID_BPCHAR;
	if (t == CF_STRING)
		return true;
	if (f != t || f == CF_STRING)
		return false;
	if (f != CF_DATETIME) /* numbers, json/jsonb, inet/cidr, macaddr/macaddr8 */
		return true;
	switch (from) {
	case XLAT_OID_DATE:
		return to == XLAT_OID_TIMESTAMP || to == XLAT_OID_TIMESTAMPTZ;
	case XLAT_OID_TIME:
		return to == XLAT_OID_INTERVAL || to == XLAT_OID_TIMETZ;
	case XLAT_OID_TIMETZ:
	case XLAT_OID_INTERVAL:
		return to == XLAT_OID_TIME;
	case XLAT_OID_TIMESTAMP:
		return to == XLAT_OID_DATE || to == XLAT_OID_TIME || to == XLAT_OID_TIMESTAMPTZ;
	default: /* timestamptz */
		return to != XLAT_OID_INTERVAL;
	}
}

/* The type as format_type_with_typemod spells it, for the hint's USING. */
static const char *hint_type(struct xlat_ctx *c, const struct xlat_typeref *tr)
{
	const char *name = tr->info->sql_name;
	int32_t m = tr->typmod;
	if (m < 0)
		return name;
	switch (tr->info->oid) {
	case XLAT_OID_NUMERIC:
		return m < 4 ? name
			     : arena_printf(c->a, "numeric(%d,%d)", ((m - 4) >> 16) & 0xffff,
					    (((m - 4) & 0x7ff) ^ 1024) - 1024);
	case XLAT_OID_TIME:
		return arena_printf(c->a, "time(%d) without time zone", (int)m);
	case XLAT_OID_TIMETZ:
		return arena_printf(c->a, "time(%d) with time zone", (int)m);
	case XLAT_OID_TIMESTAMP:
		return arena_printf(c->a, "timestamp(%d) without time zone", (int)m);
	case XLAT_OID_TIMESTAMPTZ:
		return arena_printf(c->a, "timestamp(%d) with time zone", (int)m);
	default:
		return name;
	}
}

/* ALTER COLUMN c TYPE t [USING e]: the new declared type as CREATE TABLE writes it, and each
 * row's new value: CAST(e AS t), e being the column itself without USING. */
static bool alter_type(struct xlat_ctx *c, const PgQuery__RangeVar *table,
		       const PgQuery__AlterTableCmd *cmd)
{
	const PgQuery__ColumnDef *cd =
		cmd->def && cmd->def->node_case == NODE(COLUMN_DEF) ? cmd->def->column_def : NULL;
	struct xlat_typeref tr;
	if (!cd || !cd->type_name)
		return xlat_unsupported(c, -1, "this ALTER COLUMN TYPE");
	if (cd->coll_clause)
		return xlat_unsupported(c, -1, "COLLATE in ALTER COLUMN TYPE");
	if (!xlat_type_resolve(c, cd->type_name, &tr))
		return false;
	const struct xlat_domain *from = xlat_domain_of_column(c, table->relname, cmd->name);
	if ((from || tr.domain) && c->alter_text) /* a chain of its own (domain_type_chain) */
		return xlat_unsupported(
			c, -1, "ALTER COLUMN TYPE to or from a domain among other actions");
	if (tr.serial)
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1, "type \"%s\" does not exist",
				 xlat_node_str(cd->type_name->names[cd->type_name->n_names - 1]));
	const struct xlat_schema_col *cols = NULL, *col;
	size_t ncols = 0;
	uint32_t to = tr.is_array || tr.domain ? 0 : tr.info->oid;
	if (xlat_scope_target(c, table, &cols, &ncols) &&
	    (col = xlat_scope_col(cols, ncols, cmd->name)) && col->identity &&
	    to != XLAT_OID_INT2 && to != XLAT_OID_INT4 && to != XLAT_OID_INT8)
		return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
				 "identity column type must be smallint, integer, or bigint");
	if (xlat_bit_type(to) && !cd->raw_default &&
	    (col = xlat_scope_col(cols, ncols, cmd->name)) && col->type_oid &&
	    !xlat_bit_type(col->type_oid)) { /* no assignment cast to bit */
		xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
			  "column \"%s\" cannot be cast automatically to type %s", cmd->name,
			  tr.info->sql_name);
		pgerr_hint(c->err, "You might need to specify \"USING %s::%s%s\".", cmd->name,
			   tr.info->sql_name,
			   tr.typmod > 0 ? arena_printf(c->a, "(%d)", (int)tr.typmod) : "");
		return false;
	}
	col = cols ? xlat_scope_col(cols, ncols, cmd->name) : NULL;
	/* an enum is converted to only from itself: no other type has a cast to it */
	bool to_enum = !tr.is_array && !tr.domain && xlat_enum_by_oid(c, to, NULL) != NULL;
	if (col && !cd->raw_default && !from && !tr.is_array && !tr.domain &&
	    (to_enum ? col->type_oid != to : !assignable(col->type_oid, to))) {
		/* text to integer: 42804, not 'abc' as 0 */
		xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
			  "column \"%s\" cannot be cast automatically to type %s", cmd->name,
			  tr.info->sql_name);
		pgerr_hint(c->err, "You might need to specify \"USING %s::%s\".", cmd->name,
			   hint_type(c, &tr));
		return false;
	}
	bool from_money = col && col->type_oid == XLAT_OID_MONEY && !cd->raw_default &&
			  to != XLAT_OID_MONEY; /* the cents converted by xlat_money.c */
	if (from_money && !xlat_money_alter_check(c, cmd->name, &tr))
		return false;
	pgerr_clear(c->err); /* a table that is not there: the rebuild's own 42P01 */
	struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_ALTER_TYPE);
	rb->column = arena_strdup(c->a, cmd->name);
	if ((from || tr.domain) && !domain_type_chain(c, table, rb, from, tr.domain))
		return false;
	const char *decl = xlat_type_format(c, &tr);
	/* a modifier in the middle ("timestamp(3) with time zone") needs quotes in SQLite */
	rb->decl = strchr(decl, '(') && decl[strlen(decl) - 1] != ')'
			   ? arena_printf(c->a, "\"%s\"", decl)
			   : decl;
	PgQuery__ColumnRef ref = PG_QUERY__COLUMN_REF__INIT;
	PgQuery__Node field = PG_QUERY__NODE__INIT, arg = PG_QUERY__NODE__INIT;
	PgQuery__String name = PG_QUERY__STRING__INIT;
	PgQuery__Node *fields[] = {&field};
	name.sval = cmd->name;
	field.node_case = NODE(STRING);
	field.string = &name;
	ref.fields = fields;
	ref.n_fields = 1;
	ref.location = -1;
	arg.node_case = NODE(COLUMN_REF);
	arg.column_ref = &ref;
	PgQuery__TypeCast tc = PG_QUERY__TYPE_CAST__INIT;
	tc.arg = cd->raw_default ? cd->raw_default : &arg;
	tc.type_name = cd->type_name;
	tc.location = -1;
	/* varchar(n)/char(n): an assignment, which refuses a longer value (22001) where the
	 * explicit cast would cut it: the cast without the length, then the column's check */
	const char *check = NULL;
	PgQuery__TypeName bare;
	if (!tr.is_array && tr.typmod >= 4 &&
	    (tr.info->oid == XLAT_OID_VARCHAR || tr.info->oid == XLAT_OID_BPCHAR)) {
		check = tr.info->oid == XLAT_OID_VARCHAR ? "shardlite_varchar" : "shardlite_bpchar";
		bare = *cd->type_name;
		bare.n_typmods = 0;
		bare.typmods = NULL;
		tc.type_name = &bare;
	}
	if (!tr.is_array && !tr.domain && tr.typmod >= 4 && tr.info->oid == XLAT_OID_NUMERIC &&
	    !from_money) {
		/* numeric(p,s): rounded in decimal, 22003 past p - s integer digits, as the
		 * assignment does (round() alone kept 123.45 in a numeric(3,1)) */
		check = "shardlite_numeric";
		bare = *cd->type_name;
		bare.n_typmods = 0;
		bare.typmods = NULL;
		tc.type_name = &bare;
	}
	if (!tr.is_array && tr.typmod > 0 && xlat_bit_type(tr.info->oid)) {
		/* bit(n)/varbit(n): likewise, the length rule of an assignment (22026, 22001) */
		check = "pgfn_varbit_cast";
		bare = *cd->type_name;
		bare.n_typmods = 0;
		bare.typmods = NULL;
		tc.type_name = &bare;
	}
	struct strbuf *saved = c->sb, sb;
	struct xlat_type ignored;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	unsigned flags = c->flags;
	/* run once over the rows, not kept: shardlite's functions may be called, as in a query */
	c->flags = (c->flags & ~(unsigned)XLAT_X_NOSUBQUERY) | XLAT_X_CONVERT;
	/* the table's columns typed, so that the cast is the one from the column's type (a
	 * boolean as 'true', not SQLite's 1) */
	int mark = xlat_scope_enter(c);
	if (cols)
		xlat_scope_cols(c, table->relname, cols, ncols);
	xlat_puts(c, check ? check : "");
	xlat_puts(c, check ? "(" : "");
	bool ok = from_money ? xlat_money_alter_convert(c, cmd->name, tr.info->oid)
			     : xlat_cast(c, &tc, &ignored);
	xlat_scope_leave(c, mark);
	if (check && xlat_bit_type(tr.info->oid))
		xlat_printf(c, ", %d, %d, 0)", (int)tr.typmod, tr.info->oid == XLAT_OID_VARBIT);
	else if (check && tr.info->oid == XLAT_OID_NUMERIC)
		xlat_printf(c, ", %d)", (int)tr.typmod);
	else if (check)
		xlat_printf(c, ", %d)", (int)(tr.typmod - 4));
	ok = ok && !sb.failed;
	c->flags = flags;
	c->sb = saved;
	rb->convert = ok ? arena_strndup(c->a, sb.data, sb.len) : NULL;
	strbuf_fini(&sb);
	if (ok && col && col->identity && to != col->type_oid && !xlat_temp_is(table)) {
		/* its sequence becomes of the new type too (it stayed smallint: 2200H at 32768) */
		struct xlat_rebuild *seq = arena_zalloc(c->a, sizeof(*seq));
		seq->kind = XLAT_RB_SCRIPT;
		seq->table = rb->table;
		seq->script = xlat_identity_retype(c, table->relname, cmd->name, to, rb->decl);
		ok = seq->script != NULL;
		rb->next = seq;
	}
	return ok;
}

/* An identity column's default is its sequence and it is NOT NULL: neither may change. */
static bool identity_fixed(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			   const PgQuery__AlterTableCmd *cmd)
{
	const struct xlat_schema_col *cols = NULL, *col;
	size_t ncols = 0;
	if (!cmd->name || !xlat_scope_target(c, table, &cols, &ncols) ||
	    !(col = xlat_scope_col(cols, ncols, cmd->name)) || !col->identity)
		return true;
	xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
		  "column \"%s\" of relation \"%s\" is an identity column", col->name,
		  table->relname);
	if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault && !cmd->def)
		pgerr_hint(c->err, "Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.");
	return false;
}

/* The identity options without SEQUENCE NAME, which names the sequence in the tenant's own
 * schema ([public.]name, as pg_dump writes it: a sequence keeps the name it was made with when
 * its table is renamed) into *seq; table_column_seq when it is not given. */
static bool identity_options(struct xlat_ctx *c, const PgQuery__RangeVar *table, const char *column,
			     const PgQuery__Constraint *id, PgQuery__Node ***opts, size_t *n,
			     const char **seq)
{
	const char *want = arena_printf(c->a, "%s_%s_seq", table->relname, column);
	*seq = want;
	*opts = arena_zalloc(c->a, (id->n_options + 1) * sizeof(**opts));
	*n = 0;
	for (size_t i = 0; i < id->n_options; i++) {
		const PgQuery__DefElem *d = id->options[i]->def_elem;
		if (strcmp(d->defname, "sequence_name") != 0) {
			(*opts)[(*n)++] = id->options[i];
			continue;
		}
		const PgQuery__List *l = d->arg && d->arg->node_case == NODE(LIST) ? d->arg->list
										   : NULL;
		const char *last = l && l->n_items ? xlat_node_str(l->items[l->n_items - 1]) : NULL;
		const char *schema = l && l->n_items == 2 ? xlat_node_str(l->items[0]) : "public";
		if (!last || !schema || l->n_items > 2 || strcmp(schema, "public") != 0)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, d->location,
					 "SEQUENCE NAME in another schema is not supported");
		*seq = arena_strdup(c->a, last);
	}
	return true;
}

/* PostgreSQL's checks of ADD IDENTITY that read the table, run before its sequence is made:
 * the column must be NOT NULL (a key is) and have no default (55000). */
static const char *add_identity_checks(struct xlat_ctx *c, const char *table, const char *col)
{
	static const char *const checks[][2] = {
		{"\"notnull\" = 0 AND pk = 0",
		 "must be declared NOT NULL before identity can be added"},
		{"dflt_value IS NOT NULL", "already has a default value"},
	};
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < ARRAY_LEN(checks); i++) {
		strbuf_puts(&sb, "SELECT shardlite_raise('55000', ");
		strbuf_put_quoted(&sb,
				  arena_printf(c->a, "column \"%s\" of relation \"%s\" %s", col,
					       table, checks[i][1]),
				  '\'');
		strbuf_puts(&sb, ") WHERE EXISTS (SELECT 1 FROM pragma_table_info(");
		strbuf_put_quoted(&sb, table, '\'');
		strbuf_puts(&sb, ") WHERE name = ");
		strbuf_put_quoted(&sb, col, '\'');
		strbuf_printf(&sb, " AND %s); ", checks[i][0]);
	}
	const char *r = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return r;
}

/* ALTER COLUMN c ADD GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)] (pg_dump's
 * way to restore an identity column): its sequence table_c_seq is made, the column takes
 * nextval of it as its default and the identity kind, and the sequence is given to it — a
 * SET DEFAULT rebuild with the sequence scripts of ADD COLUMN around it. */
static bool add_identity(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			 const PgQuery__AlterTableCmd *cmd)
{
	const struct xlat_schema_col *cols = NULL, *col;
	size_t ncols = 0;
	const PgQuery__Constraint *id =
		cmd->def && cmd->def->node_case == NODE(CONSTRAINT) ? cmd->def->constraint : NULL;
	if (!id || !cmd->name)
		return xlat_unsupported(c, -1, "this ADD IDENTITY");
	if (!xlat_scope_target(c, table, &cols, &ncols))
		return pgerr_is_set(c->err)
			       ? false
			       : xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, table->location,
					   "relation \"%s\" does not exist", table->relname);
	if (!(col = xlat_scope_col(cols, ncols, cmd->name)))
		return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, -1,
				 "column \"%s\" of relation \"%s\" does not exist", cmd->name,
				 table->relname);
	if (col->identity || col->rowid_seq)
		return xlat_fail(c, "55000", -1,
				 "column \"%s\" of relation \"%s\" is already an identity column",
				 col->name, table->relname);
	uint32_t oid = col->type_oid;
	if (oid != XLAT_OID_INT2 && oid != XLAT_OID_INT4 && oid != XLAT_OID_INT8)
		return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, -1,
				 "identity column type must be smallint, integer, or bigint");
	PgQuery__Node **opts;
	size_t nopts;
	const char *seq;
	if (!identity_options(c, table, col->name, id, &opts, &nopts, &seq))
		return false;
	char kind = id->generated_when && *id->generated_when == 'a' ? 'a' : 'd';
	const char *type = oid == XLAT_OID_INT2   ? "smallint"
			   : oid == XLAT_OID_INT4 ? "integer"
						  : "bigint";
	const char *before, *after; /* made first: they leave the statement a script */
	if (!xlat_added_column_sequence(c, table->relname, col->name, seq, oid, type, kind, opts,
					nopts, &before, &after))
		return false;
	before = arena_printf(c->a, "%s%s", add_identity_checks(c, table->relname, col->name),
			      before ? before : "");
	struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_SET_DEFAULT);
	rb->column = arena_strdup(c->a, col->name);
	struct strbuf dflt;
	strbuf_init(&dflt, 0);
	strbuf_puts(&dflt, "nextval(");
	strbuf_put_quoted(&dflt, seq, '\'');
	strbuf_puts(&dflt, ")");
	rb->default_pg = arena_strndup(c->a, dflt.data ? dflt.data : "", dflt.len);
	strbuf_fini(&dflt);
	rb->before = before;
	rb->after = after;
	return true;
}

/* The identity column cmd names, NULL with PostgreSQL's error (42P01, 42703, 55000; with
 * missing_ok a column that is not one sets *skip). */
static const struct xlat_schema_col *identity_col(struct xlat_ctx *c,
						  const PgQuery__RangeVar *table,
						  const PgQuery__AlterTableCmd *cmd, bool *skip)
{
	const struct xlat_schema_col *cols = NULL, *col;
	size_t ncols = 0;
	*skip = false;
	if (!xlat_scope_target(c, table, &cols, &ncols)) {
		if (!pgerr_is_set(c->err))
			xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, table->location,
				  "relation \"%s\" does not exist", table->relname);
		return NULL;
	}
	if (!cmd->name || !(col = xlat_scope_col(cols, ncols, cmd->name))) {
		xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, -1,
			  "column \"%s\" of relation \"%s\" does not exist",
			  cmd->name ? cmd->name : "", table->relname);
		return NULL;
	}
	if (col->identity)
		return col;
	if (cmd->missing_ok) { /* PostgreSQL's NOTICE is not sent */
		*skip = true;
		return col;
	}
	xlat_fail(c, "55000", -1, "column \"%s\" of relation \"%s\" is not an identity column",
		  col->name, table->relname);
	return NULL;
}

/* ALTER COLUMN c SET GENERATED {ALWAYS | BY DEFAULT} | SET sequence_option | RESTART [WITH n]
 * (any of them): the column sidecar and the column's sequence change (xlat_identity_script),
 * after a SET NOT NULL of the column, which is NOT NULL already: it changes no row and moves
 * the schema version, so every session reads the identity kind again. */
static bool set_identity(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			 const PgQuery__AlterTableCmd *cmd)
{
	bool skip;
	const struct xlat_schema_col *col = identity_col(c, table, cmd, &skip);
	const PgQuery__List *l = cmd->def && cmd->def->node_case == NODE(LIST) ? cmd->def->list
									       : NULL;
	if (!col)
		return false;
	char kind = 0;
	PgQuery__Node **opts = arena_zalloc(c->a, (l ? l->n_items : 0) * sizeof(*opts) + 1);
	size_t nopts = 0;
	for (size_t i = 0; l && i < l->n_items; i++) {
		const PgQuery__DefElem *d =
			l->items[i]->node_case == NODE(DEF_ELEM) ? l->items[i]->def_elem : NULL;
		if (d && strcmp(d->defname, "generated") == 0 && d->arg &&
		    d->arg->node_case == NODE(INTEGER))
			kind = d->arg->integer->ival == 'a' ? 'a' : 'd';
		else if (d)
			opts[nopts++] = l->items[i];
	}
	struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_NOT_NULL);
	rb->column = arena_strdup(c->a, col->name);
	rb->not_null = true;
	struct xlat_rebuild *script = arena_zalloc(c->a, sizeof(*script));
	script->kind = XLAT_RB_SCRIPT;
	script->table = rb->table;
	script->script = xlat_identity_script(c, table->relname, col->name, kind, opts, nopts,
					      false, xlat_temp_is(table));
	rb->next = script;
	return script->script != NULL;
}

/* ALTER COLUMN c DROP IDENTITY [IF EXISTS]: the column loses its default (a DROP DEFAULT
 * rebuild), then its identity kind and its sequence. A key stored as the rowid, which SQLite
 * numbers itself, is refused. */
static bool drop_identity(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			  const PgQuery__AlterTableCmd *cmd)
{
	bool skip;
	const struct xlat_schema_col *col = identity_col(c, table, cmd, &skip);
	if (!col)
		return false;
	if (skip) { /* nothing to do: a statement that changes nothing */
		c->st->kind = XLAT_SCRIPT;
		xlat_nocache(c);
		strbuf_reset(c->sb);
		xlat_puts(c, "SELECT 1 WHERE false");
		return true;
	}
	if (col->rowid_seq)
		return xlat_unsupported(c, -1, "DROP IDENTITY of an identity primary key");
	struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_SET_DEFAULT);
	rb->column = arena_strdup(c->a, col->name);
	struct xlat_rebuild *script = arena_zalloc(c->a, sizeof(*script));
	script->kind = XLAT_RB_SCRIPT;
	script->table = rb->table;
	script->script = xlat_identity_script(c, table->relname, col->name, 0, NULL, 0, true,
					      xlat_temp_is(table));
	rb->next = script;
	return script->script != NULL;
}

/* SET (...) / RESET (...) of a table's storage parameters: checked as CREATE TABLE's WITH
 * (RESET: the names), the heap's kept in the stored text's mark (shard_validate.c). */
static bool reloptions(struct xlat_ctx *c, const PgQuery__RangeVar *table,
		       const PgQuery__AlterTableCmd *cmd)
{
	bool reset = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions;
	const PgQuery__List *l = cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_LIST
					 ? cmd->def->list
					 : NULL;
	if (!l)
		return xlat_unsupported(c, -1, "this ALTER TABLE ... SET/RESET");
	if (!reset && !xlat_table_options(c, l->items, l->n_items))
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < l->n_items; i++) {
		const PgQuery__DefElem *d = l->items[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM
						    ? l->items[i]->def_elem
						    : NULL;
		if (!d || (d->defnamespace && *d->defnamespace))
			continue; /* a TOAST table's: not kept */
		if (!reset && strcmp(d->defname, "oids") == 0)
			continue;
		strbuf_printf(&sb, "%s%s", sb.len ? "\n" : "", d->defname);
		if (!reset)
			strbuf_printf(&sb, "=%s", xlat_option_value(c, d->arg));
	}
	struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_RELOPTIONS);
	rb->name = reset ? "reset" : "set";
	rb->constraint = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	bool ok = !sb.failed || pgerr_set(c->err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	strbuf_fini(&sb);
	return ok;
}

bool xlat_alter_rebuild(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			const PgQuery__AlterTableCmd *cmd)
{
	if ((cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault ||
	     cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull) &&
	    !identity_fixed(c, table, cmd))
		return false;
	switch (cmd->subtype) {
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
		return set_default(c, table, cmd);
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
		return add_identity(c, table, cmd);
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
		return set_identity(c, table, cmd);
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
		return drop_identity(c, table, cmd);
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
		return drop_constraint(c, table, cmd);
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression: {
		struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_DROP_EXPRESSION);
		rb->column = arena_strdup(c->a, cmd->name);
		rb->missing_ok = cmd->missing_ok;
		return true;
	}
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
		return reloptions(c, table, cmd);
	case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint: {
		struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_VALIDATE);
		rb->name = arena_strdup(c->a, cmd->name);
		return true;
	}
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint: { /* a foreign key's deferrability */
		const PgQuery__Constraint *k =
			cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT
				? cmd->def->constraint
				: NULL;
		if (!k || !k->conname)
			return xlat_unsupported(c, -1, xlat_alter_action_name(cmd->subtype));
		struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_ALTER_CONSTRAINT);
		rb->name = arena_strdup(c->a, k->conname);
		rb->deferrable = k->deferrable;
		rb->initdeferred = k->initdeferred;
		return true;
	}
	case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
		return alter_type(c, table, cmd);
	case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
	case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull: {
		struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_NOT_NULL);
		rb->column = arena_strdup(c->a, cmd->name);
		rb->not_null = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull;
		return true;
	}
	default:
		return xlat_unsupported(c, -1, xlat_alter_action_name(cmd->subtype));
	}
}

bool xlat_column_default(const char *column, const char *decl, const char *expr, struct arena *a,
			 const char **out, struct pgerr *err)
{
	struct strbuf sb;
	int32_t typmod;
	if (decl && *decl && pgtype_from_decl(decl, &typmod) == PGTYPE_MONEY)
		decl = "money"; /* declared "money int8", which is no PostgreSQL spelling */
	strbuf_init(&sb, 0);
	/* the column's name for the errors (42804), unless it could be taken for the clause */
	bool named = column && *column && !strchr(column, '"') && !strcasestr(column, "DEFAULT");
	strbuf_puts(&sb, "CREATE TABLE x (");
	strbuf_put_quoted(&sb, named ? column : "c", '"');
	strbuf_puts(&sb, " ");
	strbuf_puts(&sb, decl && *decl ? decl : "text");
	strbuf_printf(&sb, " DEFAULT %s)", expr);
	struct xlat_stmt *st = NULL;
	size_t n = 0;
	bool ok = !sb.failed && xlat_translate(sb.data, NULL, 0, a, &st, &n, err);
	strbuf_fini(&sb);
	if (!ok || n != 1 || st->kind != XLAT_SQL) {
		if (ok)
			pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				  "this DEFAULT expression is not supported");
		err->position = 0; /* the position was in the text made here */
		return false;
	}
	/* "CREATE TABLE x ("c" <type> DEFAULT ...)": the clause up to the closing parenthesis */
	const char *d = strstr(st->sql, " DEFAULT ");
	size_t len = d ? strlen(d + 1) : 0;
	if (!d || len < 2 || d[len] != ')')
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "this DEFAULT expression is not supported");
	*out = arena_strndup(a, d + 1, len - 1);
	return true;
}

/* A default SQLite's ADD COLUMN can store once for the rows already there: a literal, maybe
 * signed or cast. Anything else (now(), nextval(), random()) may differ per row or needs a
 * function SQLite will not call for them. */
static bool literal_default(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(A_CONST):
		return true;
	case NODE(TYPE_CAST):
		return n->type_cast->arg && literal_default(n->type_cast->arg);
	case NODE(A_EXPR):
		return !n->a_expr->lexpr && n->a_expr->rexpr && literal_default(n->a_expr->rexpr);
	default:
		return false;
	}
}

/* A computed default, or a stored generated column (SQLite's ADD COLUMN adds only virtual
 * ones): the rebuild's copy computes it for every row. A UNIQUE or PRIMARY KEY column too
 * (SQLite's ADD COLUMN refuses both: "Cannot add a UNIQUE column"): the rebuilt table has the
 * key and its index. */
static bool needs_rebuild(const PgQuery__ColumnDef *cd)
{
	for (size_t i = 0; i < cd->n_constraints; i++) {
		const PgQuery__Constraint *k = cd->constraints[i]->constraint;
		if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED ||
		    k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
		    k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)
			return true;
		if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT && k->raw_expr &&
		    !literal_default(k->raw_expr))
			return true;
	}
	return false;
}

/* A serial or identity column's sequence scripts (rb->before/after), made before the column
 * exists and given to it after. */
static bool numbering(struct xlat_ctx *c, const PgQuery__RangeVar *table,
		      const PgQuery__ColumnDef *cd, const char **before, const char **after)
{
	const PgQuery__Constraint *id = NULL;
	struct xlat_typeref tr;
	*before = *after = NULL;
	for (size_t i = 0; i < cd->n_constraints; i++) {
		if (cd->constraints[i]->constraint->contype ==
		    PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY)
			id = cd->constraints[i]->constraint;
	}
	if (!cd->type_name || !xlat_type_resolve(c, cd->type_name, &tr))
		return !cd->type_name; /* xlat_column_def says what is wrong */
	if (!tr.serial && !id)
		return true;
	uint32_t oid = tr.info->oid;
	if (tr.is_array || (oid != XLAT_OID_INT2 && oid != XLAT_OID_INT4 && oid != XLAT_OID_INT8))
		return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, cd->location,
				 "identity column type must be smallint, integer, or bigint");
	char kind = id ? (id->generated_when && *id->generated_when == 'a' ? 'a' : 'd') : 0;
	return xlat_added_column_sequence(c, table->relname, cd->colname, NULL, oid,
					  xlat_type_format(c, &tr), kind, id ? id->options : NULL,
					  id ? id->n_options : 0, before, after);
}

/* A column of domain d added to a table with rows: each row takes the column's default (its
 * own, else the domain's, else NULL) cast to the domain, as PostgreSQL checks it: its 23502 /
 * 23514 ("value for domain d violates check constraint") from the first row, ahead of
 * SQLite's unnamed CHECK failure. */
static bool domain_rows_check(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			      const PgQuery__ColumnDef *cd, const struct xlat_domain *d)
{
	PgQuery__Node *dflt = NULL;
	for (size_t i = 0; i < cd->n_constraints; i++) {
		const PgQuery__Constraint *k = cd->constraints[i]->constraint;
		if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT)
			dflt = k->raw_expr;
	}
	PgQuery__ParseResult *tree = NULL;
	if (!dflt)
		dflt = (PgQuery__Node *)xlat_domain_default(c, d, &tree);
	if (!dflt && pgerr_is_set(c->err))
		return false;
	PgQuery__AConst null = PG_QUERY__A__CONST__INIT;
	PgQuery__Node nulln = PG_QUERY__NODE__INIT, castn = PG_QUERY__NODE__INIT;
	null.isnull = true;
	null.location = -1;
	nulln.node_case = PG_QUERY__NODE__NODE_A_CONST;
	nulln.a_const = &null;
	PgQuery__TypeCast tc = PG_QUERY__TYPE_CAST__INIT;
	tc.arg = dflt ? dflt : &nulln;
	tc.type_name = cd->type_name;
	tc.location = -1;
	castn.node_case = PG_QUERY__NODE__NODE_TYPE_CAST;
	castn.type_cast = &tc;
	unsigned flags = c->flags;
	c->flags &= ~(unsigned)XLAT_X_NOSUBQUERY; /* the cast checks (xlat_domain_cast) */
	struct xlat_type t;
	const char *v = xlat_expr_aside(c, &castn, &t);
	c->flags = flags;
	xlat_domain_free(tree);
	if (!v)
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	strbuf_puts(&sb, v);
	strbuf_puts(&sb, " FROM ");
	strbuf_put_quoted(&sb, table->relname, '"');
	strbuf_puts(&sb, " LIMIT 1; ");
	xlat_insert_at(c, 0, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	xlat_nocache(c);
	return true;
}

/* A NOT NULL column without a default added to a table with rows: PostgreSQL's 23502 from the
 * first row, ahead of SQLite's "Cannot add a NOT NULL column with default value NULL". */
static void notnull_rows_check(struct xlat_ctx *c, const PgQuery__RangeVar *table,
			       const PgQuery__ColumnDef *cd)
{
	bool notnull = cd->is_not_null;
	for (size_t i = 0; i < cd->n_constraints; i++) {
		const PgQuery__Constraint *k = cd->constraints[i]->constraint;
		if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT)
			return;
		notnull |= k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL;
	}
	if (!notnull)
		return;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT shardlite_raise('23502', ");
	strbuf_put_quoted(&sb,
			  arena_printf(c->a,
				       "column \"%s\" of relation \"%s\" contains null values",
				       cd->colname, table->relname),
			  '\'');
	strbuf_puts(&sb, ") FROM ");
	strbuf_put_quoted(&sb, table->relname, '"');
	strbuf_puts(&sb, " LIMIT 1; ");
	xlat_insert_at(c, 0, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	xlat_nocache(c);
}

bool xlat_add_column(struct xlat_ctx *c, const PgQuery__RangeVar *table,
		     const PgQuery__ColumnDef *cd, bool if_not_exists)
{
	const char *before, *after;
	struct xlat_typeref tr;
	if (!xlat_type_pseudo_check(c, cd->type_name, cd->colname))
		return false;
	bool typed = cd->type_name && xlat_type_resolve(c, cd->type_name, &tr);
	if (typed && !xlat_value_clauses_check(c, cd, table->relname, tr.serial))
		return false;
	pgerr_clear(c->err); /* xlat_column_def says what is wrong with the type */
	if (!numbering(c, table, cd, &before, &after))
		return false;
	const struct xlat_domain *d = typed ? tr.domain : NULL;
	pgerr_clear(c->err); /* xlat_column_def says what is wrong */
	c->refit_default = NULL;
	if (!before && !needs_rebuild(cd) && !if_not_exists) {
		size_t at = c->sb->len;
		xlat_puts(c, " ADD COLUMN ");
		xlat_checkdef_alter(c, table, cd); /* its CHECKs' PostgreSQL texts */
		bool ok = xlat_column_def(c, cd, XLAT_ROWID_NONE, NULL, NULL);
		xlat_checkdef_done(c);
		if (!ok)
			return false;
		if (c->refit_default && !d) { /* SQLite's ADD COLUMN keeps constants only */
			c->sb->len = at;
			c->sb->data[at] = '\0';
			c->refit_default = NULL;
			goto rebuilt;
		}
		if (d) /* which domain the column is of */
			xlat_column_meta(c, table->relname, cd->colname, d->name, 0, false,
					 xlat_temp_is(table));
		if (!d)
			notnull_rows_check(c, table, cd);
		return !d || domain_rows_check(c, table, cd, d);
	}
	if (d)
		return xlat_unsupported(c, -1,
					"ADD COLUMN IF NOT EXISTS or with a computed default of a "
					"domain type");
rebuilt:;
	struct strbuf *saved = c->sb, sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	xlat_checkdef_alter(c, table, cd);
	int volatile_seen = c->volatile_seen;
	bool ok = xlat_column_def(c, cd, XLAT_ROWID_NONE, NULL, table->relname) && !sb.failed;
	xlat_checkdef_done(c);
	c->sb = saved;
	const char *def = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	if (!ok)
		return false;
	struct xlat_rebuild *rb = rebuild(c, table, XLAT_RB_ADD_COLUMN);
	rb->column = arena_strdup(c->a, cd->colname);
	rb->constraint = def;
	rb->before = before;
	if (!before && c->refit_default && c->volatile_seen == volatile_seen)
		/* a default that must fit the column is evaluated at once, as PostgreSQL
		 * evaluates a default that is not volatile for the rows there (even none) */
		rb->before = arena_printf(c->a, "SELECT %s", c->refit_default);
	rb->after = xlat_trigger_refit_after(c, table, after);
	rb->missing_ok = if_not_exists;
	return true;
}
