/* SPDX-License-Identifier: Apache-2.0 */
/* sess_trigger.c: row triggers (CREATE TRIGGER, src/xlat/xlat_trigger.c). The SQLite trigger
 * of each event calls shardlite_trigger(name, table, event, ncols, NEW..., OLD...), which lands
 * here: the trigger's PL/pgSQL function runs with NEW and OLD as records and the TG_
 * variables set. SQLite cannot change NEW, so for a BEFORE trigger:
 *
 *   BEFORE (SQLite) --fire--> function --RETURN NULL--> 0: RAISE(IGNORE) skips the row
 *                                      --RETURN NEW unchanged--> 1
 *                                      --RETURN NEW changed--> row kept in trg_pending, then
 *        the statement allows it (sess_trgrow.c) --> the session writes the row (its BEFORE
 *            trigger skipped once: trg_replacing), pending cleared; 0: RAISE(IGNORE)
 *        else --> 2: row written by SQLite, then
 *   AFTER (SQLite, companion) --apply--> UPDATE t SET changed columns WHERE rowid = NEW.rowid
 *                                        (trg_quiet: no trigger fires for it); pending cleared
 *
 * Invariant: trg_pending is set only between a BEFORE trigger of a row and the session's write
 * or the companion of that row (a client's statement that failed in between leaves it, and the
 * next one clears it; so does a row skipped, or another row's BEFORE trigger: drop_other_row);
 * a later BEFORE trigger (by name) of the same row and event starts from it (PostgreSQL chains
 * them); ON CONFLICT DO UPDATE marks an INSERT's as EXCLUDED ('X', never written:
 * sess_trgret.c), and the companion's RETURNING row is read as it writes it. An INSTEAD OF
 * trigger's function runs the same way: 0 skips the view's row. */
#include "sess_plpgsql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pgfn.h"
#include "pgtype.h"

#define SEP '\x1f'

void sess_trigger_fini(struct session *s)
{
	struct sess_trg_row *p = s->udf ? s->udf->trg_pending : NULL;
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		free(p->texts[i]);
	free(p->texts);
	free(p->changed);
	free(p->table);
	free(p->last);
	free(p);
	s->udf->trg_pending = NULL;
}

bool sess_trigger_def(struct session *s, const char *table, const char *name, struct arena *a,
		      struct sess_trg_def *d, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT func_name, func_sig, timing, args, when_cond, enabled, events, "
		    "columns FROM main._shardlite_triggers WHERE table_name = ?1 AND "
		    "name = ?2",
		    -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			found = true;
			const char **f[] = {&d->func_name, &d->func_sig, &d->timing, &d->args};
			for (int i = 0; i < 4; i++) {
				const char *t = (const char *)sqlite3_column_text(st, i);
				*f[i] = arena_strdup(a, t ? t : "");
			}
			const char *w = (const char *)sqlite3_column_text(st, 4);
			d->when = w ? arena_strdup(a, w) : NULL;
			d->enabled = sqlite3_column_int(st, 5);
			d->events = sqlite3_column_int(st, 6);
			const char *cols = (const char *)sqlite3_column_text(st, 7);
			d->columns = arena_strdup(a, cols ? cols : "");
		}
	}
	sqlite3_finalize(st);
	if (found)
		catalog_trigger_transition_names(db, table, name, a, &d->old_table, &d->new_table);
	return found || pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
				  "trigger \"%s\" for table \"%s\" does not exist", name, table);
}

/* TG_ARGV's text[] form of the arguments joined by SEP. */
static const char *argv_text(struct arena *a, const char *args, int *n)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "{");
	*n = 0;
	for (const char *p = args; *args && p;) {
		const char *end = strchr(p, SEP);
		char *elem = arena_strndup(a, p, end ? (size_t)(end - p) : strlen(p));
		strbuf_puts(&sb, (*n)++ ? "," : "");
		pgfn_array_put_elem(&sb, elem);
		p = end ? end + 1 : NULL;
	}
	strbuf_puts(&sb, "}");
	/* PostgreSQL's TG_ARGV counts from 0 */
	const char *out = *n ? arena_printf(a, "[0:%d]=%.*s", *n - 1, (int)sb.len, sb.data)
			     : "{}";
	strbuf_fini(&sb);
	return out;
}

void sess_trigger_part_flag(struct session *s, struct sess_trg_def *d, const char *table,
			    const char *name, const struct catalog_relation *rel, const char *event,
			    sqlite3_value *const *vals, size_t ncols, struct arena *a)
{
	if (!rel || rel->partition != 'p' || (d->events & SESS_TRG_STATEMENT) ||
	    ncols > rel->ncols || !catalog_trigger_parts_any(shard_conn_db(s->conn)))
		return;
	int own = catalog_trigger_part_enabled(shard_conn_db(s->conn), table, name,
					       sess_trigger_relname(s, table, rel, event, vals,
								    ncols, a));
	if (own >= 0)
		d->enabled = own;
}

/* ENABLE [ALWAYS | REPLICA] TRIGGER against session_replication_role. */
bool sess_trigger_enabled(struct session *s, const struct sess_trg_def *d)
{
	const char *role = sess_guc_get(s, "session_replication_role");
	bool replica = role && strcmp(role, "replica") == 0;
	return d->enabled == SESS_TRG_ALWAYS ||
	       d->enabled == (replica ? SESS_TRG_REPLICA : SESS_TRG_ORIGIN);
}

bool sess_trigger_set_tg(struct pl_run *r, const char *name, const char *table, const char *event,
			 const char *level, const struct sess_trg_def *d, struct arena *a,
			 struct pgerr *err)
{
	int nargs;
	const char *argv = argv_text(a, d->args, &nargs);
	char nbuf[16], obuf[16];
	snprintf(nbuf, sizeof(nbuf), "%d", nargs);
	/* a temporary table's OID is its own (it hides a permanent one of its name) */
	bool temp = strcmp(sess_table_schema(r->s, table), "temp") == 0;
	snprintf(obuf, sizeof(obuf), "%u",
		 temp ? catalog_temp_rel_oid(table) : catalog_rel_oid(table));
	const char *v[XLAT_TG_COUNT] = {event,    name,  d->timing, level, table,
					"public", table, nbuf,      argv,  obuf};
	for (int i = 0; i < XLAT_TG_COUNT; i++) {
		uint32_t type = i == XLAT_TG_NARGS   ? PGTYPE_INT4
				: i == XLAT_TG_ARGV  ? PGTYPE_TEXT_ARRAY
				: i == XLAT_TG_RELID ? PGTYPE_OID
						     : PGTYPE_TEXT;
		if (!sess_pl_assign(r, r->f->tg_var + i, v[i], type, err))
			return false;
	}
	return true;
}

const char *sess_trigger_relname(struct session *s, const char *table,
				  const struct catalog_relation *rel, const char *event,
				  sqlite3_value *const *vals, size_t ncols, struct arena *a)
{
	if (!rel || rel->partition != 'p')
		return table;
	/* a write of a partition: PostgreSQL fires its copy of the trigger, whatever the row */
	const char *named = s->udf ? s->udf->trg.named : NULL;
	const struct catalog_relation *leaf = named ? sess_types_relation(s, named) : NULL;
	if (leaf && leaf->partition == 'c')
		return named;
	const char **cols = arena_alloc(a, (ncols + 1) * sizeof(char *));
	for (size_t k = 0; k < ncols && k < rel->ncols; k++)
		cols[k] = rel->cols[k].name;
	/* an INSERT's new row, an UPDATE's or DELETE's old one (where PostgreSQL's fires) */
	sqlite3_value *const *row = strcmp(event, "INSERT") == 0 ? vals : vals + ncols;
	char *p = catalog_partition_of(shard_conn_catalog(s->conn), table, cols, row,
				       ncols < rel->ncols ? ncols : rel->ncols);
	const char *name = p ? arena_strdup(a, p) : table;
	free(p);
	return name;
}

static bool same_texts(const char *const *a, const char *const *b, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if ((a[k] == NULL) != (b[k] == NULL) || (a[k] && strcmp(a[k], b[k]) != 0))
			return false;
	return true;
}

/* The partition of partitioned table's row given as texts of its columns (stored as the
 * session writes them: sess_bind_text) into *out, malloc'd; NULL when none takes it. */
static bool partition_of_texts(struct session *s, const char *table,
			       const struct catalog_relation *rel, const char *const *texts,
			       struct arena *a, char **out, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = sess_values_vm(s, rel->ncols, err);
	bool ok = vm != NULL;
	int rc = SQLITE_OK;
	for (size_t k = 0; ok && k < rel->ncols; k++)
		ok = sess_bind_text(s, vm, (int)k, rel->cols[k].type_oid, texts[k], err);
	*out = NULL;
	if (ok && (rc = sqlite3_step(vm)) == SQLITE_ROW) {
		const char **cols = arena_alloc(a, (rel->ncols + 1) * sizeof(char *));
		sqlite3_value **row = arena_alloc(a, (rel->ncols + 1) * sizeof(*row));
		for (size_t k = 0; k < rel->ncols; k++) {
			cols[k] = rel->cols[k].name;
			row[k] = sqlite3_column_value(vm, (int)k);
		}
		*out = catalog_partition_of(shard_conn_catalog(s->conn), table, cols, row,
					    rel->ncols);
	} else if (ok) {
		ok = (shard_error(db, rc, err), false);
	}
	sqlite3_finalize(vm);
	return ok;
}

/* PostgreSQL's DETAIL "Failing row contains (...)": each value as text ("null" for NULL), cut
 * at 64 bytes (on a character boundary) with "...". */
static const char *failing_row(const char *const *row, size_t n, struct arena *a)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "(");
	for (size_t k = 0; k < n; k++) {
		const char *v = row[k] ? row[k] : "null";
		size_t len = strlen(v);
		if (k)
			strbuf_puts(&sb, ", ");
		if (len <= 64) {
			strbuf_append(&sb, v, len);
			continue;
		}
		len = 64;
		while (len && ((unsigned char)v[len] & 0xC0) == 0x80)
			len--;
		strbuf_append(&sb, v, len);
		strbuf_puts(&sb, "...");
	}
	strbuf_puts(&sb, ")");
	const char *r = arena_strdup(a, sb.data ? sb.data : "()");
	strbuf_fini(&sb);
	return r;
}

/* A row of partitioned table a row trigger fired for, which moves to another partition:
 * PostgreSQL's refusal when a BEFORE INSERT trigger (a partition's copy) changed it; an
 * UPDATE naming a leaf partition the row leaves, PostgreSQL's 23514 (before the session
 * writes the row, whose move the guard of xlat_trigger.c would refuse first); else an
 * UPDATE's move, which PostgreSQL makes a DELETE and an INSERT firing those events' row
 * triggers instead of the AFTER UPDATE ones: not built (0A000) when the table has such
 * triggers. part is the partition the row was in (relname); row the row as written. */
static bool check_move(struct session *s, const char *name, const char *table,
		       const struct catalog_relation *rel, const char *event, const char *part,
		       const char *const *row, bool after, struct arena *a, struct pgerr *err)
{
	bool insert = strcmp(event, "INSERT") == 0;
	const char *named = s->udf ? s->udf->trg.named : NULL;
	const struct catalog_relation *leaf = named ? sess_types_relation(s, named) : NULL;
	if (!insert && (named ? !leaf || leaf->partition != 'c'
			      : !(after || (sess_trigger_row_events(s, table) & (4 | 8)))))
		return true;
	char *to = NULL;
	if (!partition_of_texts(s, table, rel, row, a, &to, err))
		return false;
	bool ok = true;
	if (!insert && named && (!to || strcasecmp(to, named) != 0)) {
		ok = pgerr_set(err, SQLSTATE_CHECK_VIOLATION,
			       "new row for relation \"%s\" violates partition constraint", named);
		pgerr_detail(err, "Failing row contains %s.", failing_row(row, rel->ncols, a));
	} else if (insert && (!to || strcasecmp(to, part) != 0)) {
		ok = pgerr_set(
			err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			"moving row to another partition during a BEFORE FOR EACH ROW trigger "
			"is not supported");
		pgerr_detail(err,
			     "Before executing trigger \"%s\", the row was to be in partition "
			     "\"public.%s\".",
			     name, part);
	} else if (!insert && to && strcasecmp(to, part) != 0) { /* none: the routing's 23514 */
		ok = pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			       "UPDATE moving a row from partition \"%s\" to partition \"%s\" of "
			       "table \"%s\", which has row triggers, is not supported (PostgreSQL "
			       "fires its DELETE and INSERT row triggers)",
			       part, to, table);
	}
	free(to);
	return ok;
}

/* NEW or OLD: columns from argv (or, for NEW, the row an earlier BEFORE trigger returned). */
static void set_row(struct pl_run *r, int var, const struct catalog_relation *rel,
		    const char *const *texts)
{
	struct pl_rows rows = {.ncols = rel->ncols, .nrows = 1};
	const char **names = arena_alloc(r->scratch, (rel->ncols + 1) * sizeof(char *));
	uint32_t *types = arena_alloc(r->scratch, (rel->ncols + 1) * sizeof(uint32_t));
	for (size_t k = 0; k < rel->ncols; k++) {
		names[k] = rel->cols[k].name;
		types[k] = rel->cols[k].type_oid ? rel->cols[k].type_oid : PGTYPE_TEXT;
	}
	rows.names = names;
	rows.types = types;
	rows.cells = (const char **)texts;
	sess_pl_assign_record(r, var, &rows, 0);
}

void sess_trigger_null_rows(struct pl_run *r, const char *table, struct arena *a)
{
	const struct catalog_relation *rel = sess_types_relation(r->s, table);
	if (!rel)
		return;
	const char **nulls = arena_zalloc(a, (rel->ncols + 1) * sizeof(char *));
	set_row(r, r->f->new_var, rel, nulls);
	set_row(r, r->f->old_var, rel, nulls);
	r->vals[r->f->new_var].null_row = r->vals[r->f->old_var].null_row = true;
}

/* After a BEFORE trigger of an INSERT or UPDATE: the row it returned, kept when it differs
 * from the row SQLite writes (orig); its result code. */
static int keep_row(struct session *s, const struct pl_run *r, const char *table,
		    const char *event, const char *name, const struct catalog_relation *rel,
		    const char *const *orig)
{
	const struct pl_val *v = &r->vals[r->ret_rec];
	bool any = false;
	bool *changed = base_xcalloc(rel->ncols + 1, sizeof(bool));
	char **texts = base_xcalloc(rel->ncols + 1, sizeof(char *));
	for (size_t k = 0; k < rel->ncols && k < v->nfields; k++) {
		const char *t = v->texts[k];
		/* a stored generated column is computed after the BEFORE triggers, as PostgreSQL's:
		 * the value a trigger returns for it is not written */
		changed[k] = !rel->cols[k].generated &&
			     ((t == NULL) != (orig[k] == NULL) || (t && strcmp(t, orig[k]) != 0));
		texts[k] = t ? strdup(t) : NULL;
		any |= changed[k];
	}
	sess_trigger_fini(s);
	if (!any) {
		for (size_t k = 0; k < rel->ncols; k++)
			free(texts[k]);
		free(texts);
		free(changed);
		return 1;
	}
	struct sess_trg_row *p = base_xcalloc(1, sizeof(*p));
	*p = (struct sess_trg_row){strdup(table), rel->ncols, texts,	   changed,
				   s->udf->depth,  false,      event[0], strdup(name)};
	sess_udf_state(s)->trg_pending = p;
	return 2;
}

/* Before a BEFORE trigger of table's row: the row an earlier BEFORE trigger returned is this
 * row's when it is of the same statement, table and event and came from a trigger of an
 * earlier name (a row's triggers fire in name order); else it is another row's — one a later
 * trigger skipped, or an INSERT's that ON CONFLICT DO UPDATE took as EXCLUDED — and goes. A
 * nested statement's trigger (another depth) leaves the outer row's alone. */
static void drop_other_row(struct session *s, const char *table, const char *event,
			   const char *name)
{
	const struct sess_trg_row *p = s->udf ? s->udf->trg_pending : NULL;
	if (!p || p->depth != s->udf->depth)
		return;
	if (strcasecmp(p->table, table) != 0 || p->event != event[0] || !p->last ||
	    strcmp(name, p->last) <= 0)
		sess_trigger_fini(s);
}

/* WHEN (OLD.* IS DISTINCT FROM NEW.*), the usual guard of an updated_at trigger, compares
 * whole rows, which the interpreter's expressions cannot: recognized by its text, -1 when
 * cond is another. */
static int whole_row_change(const char *cond)
{
	char buf[64];
	size_t n = 0;
	for (const char *p = cond; *p && n + 1 < sizeof(buf); p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '(' && *p != ')')
			buf[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	buf[n] = '\0';
	static const char *const forms[] = {"old.*isdistinctfromnew.*", "new.*isdistinctfromold.*",
					    "oldisdistinctfromnew", "newisdistinctfromold"};
	for (size_t i = 0; i < ARRAY_LEN(forms); i++)
		if (strcmp(buf, forms[i]) == 0)
			return 1;
	return -1;
}

bool sess_trigger_when_eval(struct pl_run *r, const struct xlat_pl_expr *e, bool *yes,
			    struct pgerr *err)
{
	/* its query runs as a nested statement: the running statement's state and its queued
	 * AFTER rows stay (sess_trgafter.c) */
	struct sess_udf_state *st = sess_udf_state(r->s);
	struct sess_trg_stmt caller = st->trg;
	st->depth++;
	bool ok = sess_pl_eval_bool(r, e, yes, err);
	st->depth--;
	st->trg = caller;
	return ok;
}

/* Whether the trigger's WHEN condition holds for this row (true without one). */
static bool when_holds(struct pl_run *r, const struct sess_trg_def *d, const char **news,
		       const char **olds, size_t n, struct arena *a, bool *yes, struct pgerr *err)
{
	*yes = true;
	if (!d->when)
		return true;
	if (whole_row_change(d->when) > 0) {
		*yes = false;
		for (size_t k = 0; k < n && !*yes; k++)
			*yes = (news[k] == NULL) != (olds[k] == NULL) ||
			       (news[k] && strcmp(news[k], olds[k]) != 0);
		return true;
	}
	const struct xlat_pl_expr *e = xlat_trigger_when(r->f, d->when, a, err);
	return e && sess_trigger_when_eval(r, e, yes, err);
}

/* PostgreSQL's check of a trigger's returned row against the table's (convert_tuples_by_position):
 * as many columns, each of the column's type (0: not known, taken). */
static bool same_structure(struct pl_run *r, const uint32_t *types, size_t n,
			   const struct catalog_relation *rel, struct pgerr *err)
{
	size_t bad = 0;
	for (size_t k = 0; n == rel->ncols && !bad && k < n; k++)
		if (types[k] && rel->cols[k].type_oid && types[k] != rel->cols[k].type_oid)
			bad = k + 1;
	if (n == rel->ncols && !bad)
		return true;
	pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
		  "returned row structure does not match the structure of the triggering table");
	if (!bad) {
		pgerr_detail(err,
			     "Number of returned columns (%zu) does not match expected column "
			     "count (%zu).",
			     n, rel->ncols);
	} else {
		const struct pgtype_info *got = pgtype_by_oid(types[bad - 1]);
		const struct pgtype_info *want = pgtype_by_oid(rel->cols[bad - 1].type_oid);
		pgerr_detail(err, "Returned type %s does not match expected type %s in column %zu.",
			     got ? got->sql_name : "unknown", want ? want->sql_name : "unknown",
			     bad);
	}
	snprintf(err->context, sizeof(err->context), "PL/pgSQL function %s during function exit",
		 r->f->name);
	return false;
}

/* The row a RETURN handed back, as the trigger reads it: a record variable other than NEW and
 * OLD checked against the table's structure (NULL when it holds none), RETURN expr's row
 * (PL_RET_ROW) read by position into OLD's variable for a DELETE (only its being there
 * counts), NEW's for the others. */
static bool returned_row(struct pl_run *r, const char *event, const struct catalog_relation *rel,
			 struct pgerr *err)
{
	if (r->ret_rec >= 0 && r->ret_rec != r->f->new_var && r->ret_rec != r->f->old_var) {
		const struct pl_val *v = &r->vals[r->ret_rec];
		if (!v->assigned || (v->row && !v->filled) || v->null_row) {
			r->ret_rec = -1;
			return true;
		}
		return same_structure(r, v->types, v->nfields, rel, err);
	}
	if (r->ret_rec != PL_RET_ROW)
		return true;
	const struct catalog_relation *t = sess_types_rowtype(r->s, r->ret_type);
	size_t len = strlen(r->ret_text);
	const char **fields = arena_zalloc(r->scratch, (len + 1) * sizeof(*fields));
	size_t *lens = arena_zalloc(r->scratch, (len + 1) * sizeof(*lens));
	int nf = pgtype_record_fields(r->ret_text, len, r->scratch, fields, lens, len + 1, err);
	if (nf < 0)
		return false;
	size_t n = t ? t->ncols : (size_t)nf;
	uint32_t *types = arena_zalloc(r->scratch, (n + 1) * sizeof(uint32_t));
	for (size_t k = 0; t && k < n; k++)
		types[k] = t->cols[k].type_oid; /* a record's fields: by position, as given */
	if (!same_structure(r, types, n, rel, err))
		return false;
	struct pl_rows rows = {.ncols = rel->ncols, .nrows = 1, .types = types, .cells = fields};
	rows.names = arena_zalloc(r->scratch, (n + 1) * sizeof(char *));
	for (size_t k = 0; k < n; k++) {
		rows.names[k] = rel->cols[k].name;
		types[k] = rel->cols[k].type_oid ? rel->cols[k].type_oid : PGTYPE_TEXT;
	}
	r->ret_rec = strcmp(event, "DELETE") == 0 ? r->f->old_var : r->f->new_var;
	sess_pl_assign_record(r, r->ret_rec, &rows, 0);
	return true;
}

static bool run_trigger(struct session *s, struct pl_run *r, const char *name, const char *table,
			const char *event, const struct sess_trg_def *d,
			const struct catalog_relation *rel, const char **news, const char **olds,
			struct arena *a, bool *ran, struct pgerr *err)
{
	if (!sess_pl_vars_init(r, err) ||
	    !sess_trigger_set_tg(r, name, table, event, "ROW", d, a, err))
		return false;
	/* NEW of a DELETE and OLD of an INSERT are NULL: a row of NULLs, so that NEW.x reads
	 * NULL there as in PostgreSQL */
	const char **nulls = arena_zalloc(a, (rel->ncols + 1) * sizeof(char *));
	set_row(r, r->f->new_var, rel, strcmp(event, "DELETE") != 0 ? news : nulls);
	set_row(r, r->f->old_var, rel, strcmp(event, "INSERT") != 0 ? olds : nulls);
	r->vals[r->f->new_var].null_row = strcmp(event, "DELETE") == 0;
	r->vals[r->f->old_var].null_row = strcmp(event, "INSERT") == 0;
	r->ret_rec = -1;
	r->ret_cast = table;
	r->ret_cast_ncols = rel->ncols;
	(void)s;
	if (!when_holds(r, d, news, olds, rel->ncols, a, ran, err))
		return false;
	return !*ran || (sess_trigger_run(r, a, err) && returned_row(r, event, rel, err));
}

/* The row values of argv (the first n columns; the others NULL) as text of the columns'
 * types. */
static const char **row_texts(struct session *s, const struct catalog_relation *rel,
			      sqlite3_value **v, size_t n, struct arena *a)
{
	const char **t = arena_zalloc(a, (rel->ncols + 1) * sizeof(char *));
	for (size_t k = 0; k < n && k < rel->ncols; k++)
		t[k] = sess_udf_value_text(s, v[k], rel->cols[k].type_oid, rel->cols[k].typmod, a);
	return t;
}

/* A BEFORE trigger's row: kept for the companion, or written now in place of the statement's
 * (sess_trgrow.c), whose own row is then skipped and the written one counted. */
static bool changed_row(struct session *s, sqlite3_context *ctx, const struct pl_run *r,
			const char *name, const char *table, const char *event,
			const struct catalog_relation *rel, const char **orig, const char **olds,
			struct arena *a, struct pgerr *err)
{
	int rc = keep_row(s, r, table, event, name, rel, orig);
	bool done = false;
	if (rc == 2 && !sess_trigger_replace(s, table, event, rel, orig, olds, a, &done, err))
		return false;
	/* else the companion writes it after SQLite's RETURNING read the statement's row,
	 * which the session then returns as written (sess_trgret.c) */
	if (done)
		s->udf->trg.instead_rows++;
	sqlite3_result_int(ctx, done ? 0 : rc);
	return true;
}

/* After a BEFORE trigger of partitioned table's row (part: its partition): the row it
 * returned (row, or r's result) checked for a move (check_move), an INSERT's when the trigger
 * changed it, an UPDATE's when it differs from the old one. */
static bool moved_ok(struct session *s, const struct pl_run *r, const char *name, const char *table,
		     const char *part, const char *event, const struct catalog_relation *rel,
		     const char **row, const char **news, const char **olds, struct arena *a,
		     struct pgerr *err)
{
	if (!row) {
		const struct pl_val *v = &r->vals[r->ret_rec];
		row = arena_zalloc(a, (rel->ncols + 1) * sizeof(char *));
		for (size_t k = 0; k < rel->ncols && k < v->nfields; k++)
			row[k] = v->texts[k];
	}
	bool insert = strcmp(event, "INSERT") == 0;
	if (same_texts(row, insert ? news : olds, rel->ncols))
		return true;
	return check_move(s, name, table, rel, event, part, row, false, a, err);
}

bool sess_trigger_fire(struct session *s, sqlite3_context *ctx, int argc, sqlite3_value **argv,
		       struct arena *a, struct pgerr *err)
{
	sqlite3_result_int(ctx, 1);
	if ((s->udf && s->udf->trg_quiet) || argc < 4)
		return true;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *table = arena_strdup(a, (const char *)sqlite3_value_text(argv[1]));
	const char *event = arena_strdup(a, (const char *)sqlite3_value_text(argv[2]));
	size_t ncols = (size_t)sqlite3_value_int64(argv[3]);
	const struct catalog_relation *rel = sess_types_relation(s, table);
	struct sess_trg_def d = {0};
	if (!sess_trigger_def(s, table, name, a, &d, err))
		return false;
	if ((size_t)argc == 4 + 2 * ncols)
		sess_trigger_part_flag(s, &d, table, name, rel, event, argv + 4, ncols, a);
	if (!sess_trigger_enabled(s, &d))
		return true;
	bool before = strcmp(d.timing, "BEFORE") == 0;
	if (before && s->udf && s->udf->trg_pending && s->udf->trg_pending->applied)
		sess_trigger_fini(s); /* an earlier row's, kept for its AFTER triggers */
	if (before)
		drop_other_row(s, table, event, name);
	if (before && s->udf && s->udf->trg_replacing &&
	    strcasecmp(s->udf->trg_replacing, table) == 0) {
		s->udf->trg_replacing = NULL; /* the row it changed, written now (sess_trgrow.c) */
		return true;
	}
	/* ADD COLUMN appends: a trigger made before passes the first ncols columns, the
	 * later ones read as NULL (CREATE OR REPLACE TRIGGER passes them all again) */
	if (!rel || rel->ncols < ncols || (size_t)argc != 4 + 2 * ncols)
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "trigger \"%s\" was made for other columns of table \"%s\" "
				 "(create it again)",
				 name, table);
	/* AFTER: queued to the statement's end (sess_trgafter.c); a statement trigger's row
	 * triggers keep the rows of its transition tables */
	bool after = strcmp(d.timing, "AFTER") == 0;
	if (after && !(d.events & SESS_TRG_STATEMENT) && rel->partition == 'p' &&
	    strcmp(event, "UPDATE") == 0) { /* PostgreSQL fires none for a row it moves */
		const char **nrow = row_texts(s, rel, argv + 4, ncols, a);
		if (!same_texts(nrow, row_texts(s, rel, argv + 4 + ncols, ncols, a), rel->ncols) &&
		    !check_move(s, name, table, rel, event,
				sess_trigger_relname(s, table, rel, event, argv + 4, ncols, a),
				nrow, true, a, err))
			return false;
	}
	if (after || (d.events & SESS_TRG_STATEMENT))
		return sess_trigger_queue(s, table, name, event, d.events, ncols, argv + 4);
	const struct xlat_udf *u = sess_udf_find(s, d.func_name, d.func_sig);
	if (!u)
		return pgerr_set(err, SQLSTATE_UNDEFINED_FUNCTION, "function %s() does not exist",
				 d.func_name);
	const struct xlat_pl_func *f;
	if (!sess_udf_depth_ok(s, err) || !(f = sess_udf_compile(s, u, a, err)))
		return false;
	const char **orig = row_texts(s, rel, argv + 4, ncols, a);
	const char **olds = row_texts(s, rel, argv + 4 + ncols, ncols, a);
	if (before && strcmp(event, "INSERT") == 0) /* a serial key's number, as nextval's */
		sess_trigger_number(s, rel, orig, a);
	const char **news = arena_alloc(a, (rel->ncols + 1) * sizeof(char *));
	memcpy(news, orig, (rel->ncols + 1) * sizeof(char *));
	const struct sess_trg_row *p = s->udf ? s->udf->trg_pending : NULL;
	if (before && p && p->depth == s->udf->depth && p->event == event[0] &&
	    strcasecmp(p->table, table) == 0) /* an earlier BEFORE trigger's of this row */
		for (size_t k = 0; k < rel->ncols && k < p->n; k++)
			news[k] = p->texts[k];
	struct pl_run r = {.s = s, .f = f, .scratch = arena_new(0)};
	size_t width = rel->ncols;
	bool ran = false;
	bool instead = strcmp(d.timing, "INSTEAD OF") == 0;
	const char *relname = sess_trigger_relname(s, table, rel, event, argv + 4, ncols, a);
	bool ok = run_trigger(s, &r, name, relname, event, &d, rel, news, olds, a, &ran, err);
	/* NEW of a DELETE and OLD of an INSERT are NULL in PostgreSQL (a row of NULLs here, for
	 * NEW.x): returning one is returning NULL, which skips the row */
	if ((r.ret_rec == f->new_var && strcmp(event, "DELETE") == 0) ||
	    (r.ret_rec == f->old_var && strcmp(event, "INSERT") == 0))
		r.ret_rec = -1;
	/* the relation lives in the schema snapshot, which DDL in the function may replace */
	const struct catalog_relation *now = sess_types_relation(s, table);
	if (ok && (!now || now->ncols != width))
		ok = pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			       "trigger \"%s\" changed the columns of table \"%s\"", name, table);
	rel = now;
	if (ok && before && rel->partition == 'p' && strcmp(event, "DELETE") != 0 &&
	    (!ran || r.ret_rec >= 0))
		ok = moved_ok(s, &r, name, table, relname, event, rel, ran ? NULL : news, news,
			      olds, a, err);
	if (ok && instead && r.ret_rec >= 0)
		s->udf->trg.instead_rows++; /* the command tag counts the rows not skipped */
	if (ok && (before || instead) && ran && r.ret_rec < 0) {
		sqlite3_result_int(ctx, 0);
		if (before) /* skipped: an earlier trigger's row of it is written by none */
			sess_trigger_fini(s);
	} else if (ok && before && ran && strcmp(event, "DELETE") != 0) {
		ok = changed_row(s, ctx, &r, name, table, event, rel, orig, olds, a, err);
	}
	sess_pl_vars_free(&r);
	arena_free(r.scratch);
	return ok;
}

bool sess_trigger_call_row(struct session *s, const char *name, const char *table,
			   const char *event, const struct sess_trg_def *d,
			   const struct catalog_relation *rel, const char **news, const char **olds,
			   struct arena *a, struct pgerr *err)
{
	const struct xlat_udf *u = sess_udf_find(s, d->func_name, d->func_sig);
	if (!u)
		return pgerr_set(err, SQLSTATE_UNDEFINED_FUNCTION, "function %s() does not exist",
				 d->func_name);
	const struct xlat_pl_func *f;
	if (!sess_udf_depth_ok(s, err) || !(f = sess_udf_compile(s, u, a, err)))
		return false;
	struct pl_run r = {.s = s, .f = f, .scratch = arena_new(0)};
	bool ran = false;
	bool ok = run_trigger(s, &r, name, table, event, d, rel, news, olds, a, &ran, err);
	sess_pl_vars_free(&r);
	arena_free(r.scratch);
	return ok;
}

bool sess_trigger_run(struct pl_run *r, struct arena *a, struct pgerr *err)
{
	struct sess_udf_state *st = sess_udf_state(r->s);
	st->trg_depth++;
	bool ok = sess_udf_run(r, a, err);
	st->trg_depth--;
	return ok;
}

static void put_ident(struct strbuf *sb, const char *name)
{
	strbuf_put_quoted(sb, name, '"');
}

const char *sess_table_schema(struct session *s, const char *table)
{
	sqlite3_stmt *vm = NULL;
	bool temp = false;
	if (sqlite3_prepare_v2(shard_conn_db(s->conn),
			       "SELECT 1 FROM temp.sqlite_schema WHERE type = 'table' AND name = ?1 "
			       "COLLATE NOCASE",
			       -1, &vm, NULL) == SQLITE_OK) {
		sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
		temp = sqlite3_step(vm) == SQLITE_ROW;
	}
	sqlite3_finalize(vm);
	return temp ? "temp" : "main";
}

bool sess_trigger_apply(struct session *s, sqlite3_context *ctx, sqlite3_value **argv,
			struct arena *a, struct pgerr *err)
{
	struct sess_trg_row *p = s->udf ? s->udf->trg_pending : NULL;
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	sqlite3_result_null(ctx);
	if (!p || p->applied || p->event == 'X' || s->udf->trg_quiet || !table ||
	    strcmp(p->table, table) != 0)
		return true;
	const struct catalog_relation *rel = sess_types_relation(s, table);
	if (!rel || rel->ncols != p->n) {
		sess_trigger_fini(s);
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "the columns of table \"%s\" changed under its trigger", table);
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "UPDATE %s.", sess_table_schema(s, table));
	put_ident(&sb, table);
	int n = 0;
	for (size_t k = 0; k < p->n; k++) {
		if (!p->changed[k])
			continue;
		strbuf_puts(&sb, n++ ? ", " : " SET ");
		sess_trigger_put_assign(&sb, rel, k, n);
	}
	strbuf_printf(&sb, " WHERE rowid = ?%d", n + 1);
	const char *sql = arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	sqlite3 *db = shard_conn_db(s->conn);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &vm, NULL);
	bool ok = rc == SQLITE_OK || (shard_error(db, rc, err), false);
	for (size_t k = 0, i = 0; ok && k < p->n; k++) {
		if (p->changed[k])
			ok = sess_bind_text(s, vm, (int)i++, rel->cols[k].type_oid, p->texts[k], err);
	}
	if (ok) {
		sqlite3_bind_value(vm, n + 1, argv[1]);
		s->udf->trg_quiet++;
		rc = sqlite3_step(vm);
		s->udf->trg_quiet--;
		if (rc != SQLITE_DONE) {
			shard_error(db, rc, err);
			ok = false;
		}
	}
	sqlite3_finalize(vm);
	if (ok && s->udf->trg.wco_sql) /* a partition's row: still its */
		ok = sess_trigger_check_written(s, sqlite3_value_int64(argv[1]), err);
	/* RETURNING, read of the statement's row just before: the row as written */
	ok = ok && sess_trigger_ret_applied(s, table, argv[1], err);
	if (ok) /* the row's AFTER triggers that SQLite fires after this one read NEW from it */
		p->applied = true;
	else
		sess_trigger_fini(s);
	return ok;
}
