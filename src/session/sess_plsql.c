/* SPDX-License-Identifier: Apache-2.0 */
/* sess_plsql.c: the SQL of a DO block — each embedded statement or expression translated by
 * the normal translator with the variables it names bound as text parameters of their types
 * (as a client's Bind would), run on the session's connection, its rows read back as
 * PostgreSQL text; and the variables' values, assigned with PostgreSQL's casts. */
#include "sess_plpgsql.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "pgtype.h"

/* ---- variables ---- */

/* Whether decl (folded) names one of the string types, which pgtype_from_decl also answers
 * for names it does not know. */
static bool text_name(const char *decl)
{
	static const char *const names[] = {"text", "varchar", "character", "char", "bpchar",
					     "name", "pg_catalog.text", "pg_catalog.varchar"};
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		size_t n = strlen(names[i]);
		if (strncmp(decl, names[i], n) == 0 && !isalnum((unsigned char)decl[n]) &&
		    decl[n] != '_')
			return true;
	}
	return false;
}

/* The OID (and typmod) of a declared type as written ("int", "varchar(20)", "public.status"),
 * 0 when there is no such type: SQLite's upper-case affinity names mean other types to
 * pgtype_from_decl, so it is folded first. */
uint32_t sess_pl_decl_type(struct session *s, const char *type, int32_t *typmod)
{
	char buf[256];
	size_t n = 0;
	bool quoted = false;
	for (const char *p = type; *p && n + 1 < sizeof(buf); p++) {
		if (*p == '"')
			quoted = !quoted;
		else
			buf[n++] = quoted ? *p : (char)tolower((unsigned char)*p);
	}
	buf[n] = '\0';
	const char *name = strncmp(buf, "public.", 7) == 0 ? buf + 7 : buf;
	uint32_t oid = sess_types_decl(s, name, pgtype_from_decl(name, typmod));
	if (oid != PGTYPE_TEXT || text_name(name))
		return oid;
	/* a row type (a composite type's, a table's: a function's result): record_out's text */
	const struct xlat_schema *sc = &s->schema;
	size_t len = strlen(name);
	if (len > 2 && strcmp(name + len - 2, "[]") == 0 && sc->rowtype_fn) {
		/* an array of one (graphile-worker's add_jobs(specs job_spec[])): its array type */
		name = strndup(name, len - 2);
		uint32_t elem = name ? sc->rowtype_fn(sc->arg, name, 0, NULL) : 0;
		oid = elem ? catalog_rowarray_oid(name) : 0;
		free((char *)name);
		return oid;
	}
	return sc->rowtype_fn ? sc->rowtype_fn(sc->arg, name, 0, NULL) : 0;
}

/* The tenant's domain a declared type names (*array: as `d[]`, when array is not NULL), NULL
 * when it names none: the variable holds a value of the domain's base type, checked against
 * the domain on each assignment. */
static const struct xlat_domain *domain_named(const struct session *s, const char *type,
					      bool *array)
{
	char buf[256];
	size_t n = 0;
	bool quoted = false;
	for (const char *p = type; *p && n + 1 < sizeof(buf); p++) { /* as sess_pl_decl_type */
		if (*p == '"')
			quoted = !quoted;
		else
			buf[n++] = quoted ? *p : (char)tolower((unsigned char)*p);
	}
	buf[n] = '\0';
	const char *name = strncmp(buf, "public.", 7) == 0 ? buf + 7 : buf;
	size_t len = strlen(name);
	if (array)
		*array = len > 2 && strcmp(name + len - 2, "[]") == 0;
	if (array && *array)
		len -= 2;
	for (const struct xlat_domain *d = s->schema.domains; d && d->name; d++) {
		if (strlen(d->name) == len && strncmp(d->name, name, len) == 0)
			return d;
	}
	return NULL;
}

/* The domain variable var is declared of, NULL when none (or an array of it: *array). */
static const struct xlat_domain *var_domain(const struct pl_run *r, int var, bool *array)
{
	const char *type = r->decl_names[var] ? r->decl_names[var] : r->f->vars[var].type;
	*array = false;
	return type && !r->vals[var].is_record ? domain_named(r->s, type, array) : NULL;
}

bool sess_pl_vars_init(struct pl_run *r, struct pgerr *err)
{
	size_t n = r->f->nvars;
	r->vals = calloc(n ? n : 1, sizeof(*r->vals));
	r->decl_types = calloc(n ? n : 1, sizeof(*r->decl_types));
	r->decl_typmods = calloc(n ? n : 1, sizeof(*r->decl_typmods));
	r->decl_names = calloc(n ? n : 1, sizeof(*r->decl_names));
	if (!r->vals || !r->decl_types || !r->decl_typmods || !r->decl_names)
		return pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const struct xlat_pl_var *v = &r->f->vars[i];
		r->vals[i].is_record = v->name && !v->type;
		r->decl_typmods[i] = -1;
		if (!sess_pl_rec_init(r, i, err))
			return false;
		const char *type = r->decl_names[i] ? r->decl_names[i] : v->type;
		bool array;
		const struct xlat_domain *domain = var_domain(r, (int)i, &array);
		if (domain && array)
			return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "an array of a domain is not supported");
		if (domain)
			type = domain->base; /* held as the base type, checked on assignment */
		if (type && type[0] &&
		    !(r->decl_types[i] = sess_pl_decl_type(r->s, type, &r->decl_typmods[i])))
			return pgerr_set(err, SQLSTATE_UNDEFINED_OBJECT,
					 "type \"%s\" does not exist", type);
		r->vals[i].type = r->decl_types[i];
	}
	return true;
}

static void clear_record(struct pl_val *v)
{
	for (size_t i = 0; i < v->nfields; i++) {
		free(v->names[i]);
		free(v->texts[i]);
	}
	free(v->names);
	free(v->texts);
	free(v->types);
	v->names = v->texts = NULL;
	v->types = NULL;
	v->nfields = 0;
	v->assigned = false;
	v->null_row = false;
}

void sess_pl_vars_free(struct pl_run *r)
{
	for (size_t i = 0; r->vals && i < r->f->nvars; i++) {
		free(r->vals[i].text);
		clear_record(&r->vals[i]);
		if (r->decl_names)
			free(r->decl_names[i]);
	}
	free(r->decl_names);
	r->decl_names = NULL;
	sess_pl_cursors_free(r);
	free(r->ret_text);
	r->ret_text = NULL;
	free(r->vals);
	free(r->decl_types);
	free(r->decl_typmods);
	r->vals = NULL;
	r->decl_types = NULL;
	r->decl_typmods = NULL;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

bool sess_pl_is_string(uint32_t t)
{
	return !t || t == PGTYPE_TEXT || t == PGTYPE_VARCHAR || t == PGTYPE_BPCHAR ||
	       t == PGTYPE_UNKNOWN || t == PGTYPE_NAME;
}

/* PostgreSQL's I/O conversion: text read by the input function of type to (its errors are
 * the assignment's: 22P02 ...) and written again by its output function. */
bool sess_pl_io_convert(struct pl_run *r, const char *text, uint32_t to, int32_t typmod,
			const char **out, struct pgerr *err)
{
	struct session *s = r->s;
	uint32_t wire = sess_types_wire(s, to);
	struct pgtype_value v;
	struct pgtype_dtenv env = {s->dt.tz, s->dt.txn_start, s->dt.datestyle.order,
				   s->dt.datestyle.interval};
	if (!pgtype_decode_text_env(wire, text, strlen(text), &env, r->scratch, &v, err))
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_encode_text_styled(&sb, wire, typmod, s->dt.tz, &s->dt.datestyle, &v);
	*out = arena_strndup(r->scratch, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return true;
}

/* The other OID alias types and arrays of them, whose input (a name looked up) is not read
 * for a variable: a value of another type assigned to one is refused, where a name nothing
 * has would be kept; one of the type itself (SELECT typinput INTO v) is taken. */
static bool unread_reg(uint32_t t)
{
	static const uint32_t oids[] = {24,   1008, 2202, 2207, 2203, 2208, 2204, 2209, 2210, 2211,
					4090, 4096, 4097, 3734, 3735, 3769, 3770, 4191, 4192};
	for (size_t i = 0; i < sizeof(oids) / sizeof(oids[0]); i++)
		if (oids[i] == t)
			return true;
	return false;
}

/* The assignment cast: from or to a string type by I/O, else PostgreSQL's cast as the
 * translator emits it; a varchar(n)/char(n) too long for the variable is 22001. */
static bool assign_cast(struct pl_run *r, int var, const char **text, uint32_t type,
			struct pgerr *err)
{
	uint32_t want = r->decl_types[var];
	int32_t typmod = r->decl_typmods[var];
	/* regclass, regtype, regnamespace: a name looked up by the cast (42P01), not by I/O */
	bool reg = want == PGTYPE_REGCLASS || want == PGTYPE_REGTYPE || want == PGTYPE_REGNAMESPACE;
	if (!reg && type != want && unread_reg(want)) {
		const struct pgtype_info *ti = pgtype_by_oid(want);
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "a PL/pgSQL variable of type %s is not supported",
				 ti ? ti->sql_name : "reg*");
	}
	if (type != want && (sess_pl_is_string(type) || sess_pl_is_string(want)) &&
	    !sess_types_enum(r->s, want, NULL) && !reg) {
		/* boolean to a string type is pg_cast's booltext (true), not boolout's t */
		if (type == PGTYPE_BOOL && sess_pl_is_string(want))
			*text = strcmp(*text, "t") == 0   ? "true"
				: strcmp(*text, "f") == 0 ? "false"
							  : *text;
		if (!sess_pl_io_convert(r, *text, want, typmod, text, err))
			return false;
	} else if (type != want || (want == PGTYPE_NUMERIC && typmod >= 4)) {
		/* the value as a constant of its type: the translator casts those as PostgreSQL
		 * does (2.6 to integer is 3), where a parameter is only restated to SQLite */
		const struct pgtype_info *from = pgtype_by_oid(type);
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, "SELECT CAST(CAST(");
		strbuf_put_quoted(&sb, *text, '\'');
		strbuf_printf(&sb, " AS %s) AS %s)",
			      from && !(reg && sess_pl_is_string(type)) ? from->sql_name : "text",
			      r->decl_names[var] ? r->decl_names[var] : r->f->vars[var].type);
		const char *sql = arena_strndup(r->scratch, sb.data ? sb.data : "", sb.len);
		bool failed = sb.failed;
		strbuf_fini(&sb);
		struct pl_rows rows;
		if (failed || !sess_pl_exec(r, sql, NULL, 0, true, &rows, err))
			return failed ? pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory")
				      : false;
		*text = rows.nrows ? rows.cells[0] : NULL;
	}
	size_t chars = 0;
	for (const char *p = *text; p && *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if ((want == PGTYPE_VARCHAR || want == PGTYPE_BPCHAR) && typmod >= 4 &&
	    chars > (size_t)(typmod - 4))
		return pgerr_set(err, "22001", "value too long for type %s(%d)",
				 want == PGTYPE_VARCHAR ? "character varying" : "character",
				 typmod - 4);
	return true;
}

bool sess_pl_domain_check(struct pl_run *r, const struct xlat_domain *d, const char *text,
			  uint32_t type, struct pgerr *err)
{
	struct pl_rows rows;
	struct pl_arg arg = {text, type};
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT CAST($1 AS ");
	strbuf_put_quoted(&sb, d->name, '"');
	strbuf_puts(&sb, ")");
	const char *sql = arena_strndup(r->scratch, sb.data ? sb.data : "", sb.len);
	bool failed = sb.failed;
	strbuf_fini(&sb);
	if (failed)
		return pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	return sess_pl_exec(r, sql, &arg, 1, true, &rows, err);
}

bool sess_pl_assign(struct pl_run *r, int var, const char *text, uint32_t type, struct pgerr *err)
{
	const struct xlat_pl_var *decl = &r->f->vars[var];
	uint32_t want = r->decl_types[var];
	if (text && want && !assign_cast(r, var, &text, type, err))
		return false;
	bool array;
	const struct xlat_domain *domain = want ? var_domain(r, var, &array) : NULL;
	if (domain && !sess_pl_domain_check(r, domain, text, want, err))
		return false;
	if (!text && decl->not_null)
		return pgerr_set(
			err, PL_NULL_VALUE_NOT_ALLOWED,
			"null value cannot be assigned to variable \"%s\" declared NOT NULL",
			decl->name);
	struct pl_val *v = &r->vals[var];
	char *copy = dup_or_null(text);
	if (text && !copy)
		return pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	free(v->text);
	v->text = copy;
	v->type = want ? want : type;
	return true;
}

bool sess_pl_assign_field(struct pl_run *r, int var, const char *field, const char *text,
			  uint32_t type, struct pgerr *err)
{
	struct pl_val *v = &r->vals[var];
	const char *name = r->f->vars[var].name;
	if (!v->assigned) {
		pgerr_set(err, PL_NOT_ASSIGNED, "record \"%s\" is not assigned yet", name);
		pgerr_detail(err,
			     "The tuple structure of a not-yet-assigned record is indeterminate.");
		return false;
	}
	size_t k = 0;
	while (k < v->nfields && !(v->names[k] && strcmp(v->names[k], field) == 0))
		k++;
	if (k == v->nfields)
		return pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN, "record \"%s\" has no field \"%s\"",
				 name, field);
	const struct pgtype_info *want = pgtype_by_oid(v->types[k]);
	uint32_t ft = v->types[k];
	if (text && type != ft && (sess_pl_is_string(type) || sess_pl_is_string(ft)) &&
	    !sess_types_enum(r->s, ft, NULL)) { /* by I/O, as assign_cast */
		if (!sess_pl_io_convert(r, text, v->types[k], -1, &text, err))
			return false;
	} else if (text && type != ft && want) { /* the field's type, as an assignment casts */
		struct pl_rows rows;
		struct pl_arg arg = {text, type};
		if (!sess_pl_exec(r, arena_printf(r->scratch, "SELECT CAST($1 AS %s)",
						  want->sql_name),
				  &arg, 1, true, &rows, err))
			return false;
		text = rows.nrows && rows.ncols ? rows.cells[0] : NULL;
	}
	char *copy = dup_or_null(text);
	if (text && !copy)
		return pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	free(v->texts[k]);
	v->texts[k] = copy;
	v->filled = true;
	v->null_row = false;
	return true;
}

void sess_pl_assign_record(struct pl_run *r, int var, const struct pl_rows *rows, size_t i)
{
	struct pl_val *v = &r->vals[var];
	clear_record(v);
	size_t n = rows->ncols;
	v->names = calloc(n ? n : 1, sizeof(char *));
	v->texts = calloc(n ? n : 1, sizeof(char *));
	v->types = calloc(n ? n : 1, sizeof(uint32_t));
	if (!v->names || !v->texts || !v->types) {
		clear_record(v);
		return; /* reads of its fields then say it is not assigned */
	}
	for (size_t k = 0; k < n; k++) {
		v->names[k] = dup_or_null(rows->names[k]);
		v->texts[k] = i < rows->nrows ? dup_or_null(rows->cells[i * n + k]) : NULL;
		v->types[k] = rows->types[k];
	}
	v->nfields = n;
	v->assigned = true;
}

/* The value ref stands for, as an argument. */
static bool ref_arg(struct pl_run *r, const struct xlat_pl_ref *ref, struct pl_arg *out,
		    struct pgerr *err)
{
	const struct pl_val *v = &r->vals[ref->var];
	const char *name = r->f->vars[ref->var].name;
	if (!ref->field) { /* a whole record is spelled out (sess_pl_expand_records) */
		*out = (struct pl_arg){v->is_record ? NULL : v->text,
				       v->is_record ? PGTYPE_TEXT : v->type};
		return true;
	}
	if (!v->assigned) {
		pgerr_set(err, PL_NOT_ASSIGNED, "record \"%s\" is not assigned yet", name);
		pgerr_detail(err,
			     "The tuple structure of a not-yet-assigned record is indeterminate.");
		return false;
	}
	for (size_t k = 0; k < v->nfields; k++) {
		if (v->names[k] && strcmp(v->names[k], ref->field) == 0) {
			*out = (struct pl_arg){v->texts[k], v->types[k]};
			return true;
		}
	}
	return pgerr_set(err, SQLSTATE_UNDEFINED_COLUMN, "record \"%s\" has no field \"%s\"", name,
			 ref->field);
}

/* ---- running statements ---- */

/* sess_run_utility ends with the statement's CommandComplete, which a statement inside a DO
 * block does not send: the last message written since mark is dropped when it is one. */
static void drop_complete(struct session *s, size_t mark)
{
	size_t p = mark, last = SIZE_MAX;
	while (p + 5 <= s->out.len) {
		const uint8_t *m = (const uint8_t *)s->out.data + p;
		size_t len = (size_t)m[1] << 24 | (size_t)m[2] << 16 | (size_t)m[3] << 8 | m[4];
		last = p;
		p += 1 + len;
	}
	if (last != SIZE_MAX && p == s->out.len && s->out.data[last] == 'C')
		s->out.len = last;
}

/* SET LOCAL inside a DO block or a function is not at top level: PostgreSQL neither warns nor
 * ignores it outside a transaction block, the setting holds for the statement's implicit
 * transaction, as set_config(name, value, true) does (sess_guc_statement_end undoes it).
 * sqitch's registry DO block silences its own RAISE WARNING that way. */
static bool set_local(struct pl_run *r, const struct xlat_stmt *x, struct pgerr *err)
{
	if (!sess_guc_set_config(r->s, x->set_name, x->set_reset ? NULL : x->set_value, true, err))
		return false;
	for (size_t i = 0; i < x->nset_more; i++)
		if (!sess_guc_set_config(r->s, x->set_more[2 * i], x->set_more[2 * i + 1], true, err))
			return false;
	r->row_count = 0;
	return true;
}

static bool run_utility(struct pl_run *r, const struct xlat_stmt *x, struct pgerr *err)
{
	if (x->kind == XLAT_SET && x->set_local && x->set_name)
		return set_local(r, x, err);
	size_t mark = r->s->out.len;
	r->s->lock_busy = false;
	if (!sess_run_utility(r->s, x, false, err)) {
		r->busy = r->s->lock_busy;
		return false;
	}
	drop_complete(r->s, mark);
	r->row_count = 0;
	return true;
}

/* One row of vm into out's cells (grown in scratch). */
static void collect_row(struct pl_run *r, const struct xlat_stmt *x, sqlite3_stmt *vm,
			struct pl_rows *out, int32_t *typmods, size_t *cap)
{
	if (out->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		const char **cells =
			arena_alloc(r->scratch, *cap * out->ncols * sizeof(char *) + 1);
		if (out->nrows)
			memcpy(cells, out->cells, out->nrows * out->ncols * sizeof(char *));
		out->cells = cells;
	}
	struct session *s = r->s;
	for (size_t k = 0; k < out->ncols; k++) {
		struct pgtype_value v;
		sess_column_value(vm, (int)k, &v);
		const char *text = NULL;
		if (v.kind != PGTYPE_V_NULL) {
			struct strbuf sb;
			strbuf_init(&sb, 0);
			pgtype_encode_text_styled(&sb, sess_types_wire(s, out->types[k]),
						  typmods[k], s->dt.tz, &s->dt.datestyle, &v);
			text = arena_strndup(r->scratch, sb.data ? sb.data : "", sb.len);
			strbuf_fini(&sb);
		}
		out->cells[out->nrows * out->ncols + k] = text;
	}
	(void)x;
	out->nrows++;
}

static bool bind_args(struct pl_run *r, const struct xlat_stmt *x, sqlite3_stmt *vm,
		      const struct pl_arg *args, int nargs, struct pgerr *err)
{
	int nvm = sqlite3_bind_parameter_count(vm);
	for (int i = 0; i < nargs && i < nvm && i < x->nparams; i++) {
		uint32_t type = x->param_types[i] ? x->param_types[i] : args[i].type;
		if (!sess_bind_text(r->s, vm, i, type, args[i].text, err))
			return false;
	}
	return true;
}

/* Steps vm to the end; rows into out (when not NULL). */
static bool step_all(struct pl_run *r, const struct xlat_stmt *x, sqlite3_stmt *vm,
		     struct pl_rows *out, uint64_t *nrows, struct pgerr *err)
{
	sqlite3 *db = shard_conn_db(r->s->conn);
	size_t n = (size_t)sess_ncols(x, vm), cap = 0;
	uint32_t *types = arena_alloc(r->scratch, (n + 1) * sizeof(uint32_t));
	int32_t *typmods = arena_alloc(r->scratch, (n + 1) * sizeof(int32_t));
	sess_column_types(x, vm, types, typmods);
	if (out) {
		*out = (struct pl_rows){.ncols = n, .types = types};
		out->names = arena_alloc(r->scratch, (n + 1) * sizeof(char *));
		for (size_t k = 0; k < n; k++)
			out->names[k] = arena_strdup(r->scratch, sqlite3_column_name(vm, (int)k));
	}
	int rc;
	size_t base = r->s->udf ? r->s->udf->trg.nreturned : 0, i = base;
	while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
		/* a row a BEFORE trigger changed once SQLite read it: as written (sess_trgret.c) */
		sqlite3_stmt *pv = out ? sess_trigger_substitute(r->s, x, vm, err) : NULL;
		if (pgerr_is_set(err))
			return false;
		if (out)
			collect_row(r, x, pv ? pv : vm, out, typmods, &cap);
		sqlite3_finalize(pv);
		++*nrows;
	}
	/* the RETURNING rows of those a BEFORE trigger changed (sess_trgrow.c) */
	for (sqlite3_stmt *pv;
	     rc == SQLITE_DONE && (pv = sess_trigger_returned(r->s, x, base, &i, err)); ++*nrows) {
		if (out)
			collect_row(r, x, pv, out, typmods, &cap);
		sqlite3_finalize(pv);
	}
	if (rc == SQLITE_DONE)
		return !pgerr_is_set(err);
	r->busy = rc == SQLITE_BUSY;
	if (rc == SQLITE_BUSY) /* its caller may park and run again (sess_wait_call_met_lock) */
		sess_udf_state(r->s)->busy = true;
	if (rc == SQLITE_BUSY_SNAPSHOT) /* its caller may run again (sess_rc_stale_call) */
		sess_udf_state(r->s)->stale = true;
	shard_error(db, rc, err);
	sess_explain_failure(r->s, db, vm, rc, true, err);
	sess_wait_fix_error(r->s, err);
	return false;
}

/* The statement's steps (data-modifying WITH queries, MERGE's plan and actions), each given
 * the variables too, then their rows bound to vm. */
static bool run_steps(struct pl_run *r, const struct xlat_stmt *x, sqlite3_stmt *vm,
		      const struct pl_arg *args, int nargs, struct pgerr *err)
{
	sqlite3_stmt **steps = arena_zalloc(r->scratch, x->nsteps * sizeof(*steps));
	if (!sess_modcte_prepare(r->s, x, steps, err))
		return false;
	bool ok = true;
	for (size_t k = 0; ok && k < x->nsteps; k++)
		ok = bind_args(r, x, steps[k], args, nargs, err);
	ok = ok && sess_modcte_run(r->s, x, steps, vm, err);
	sess_modcte_finalize(steps, x->nsteps);
	return ok;
}

static bool run_sql(struct pl_run *r, const struct xlat_stmt *x, const struct pl_arg *args,
		    int nargs, bool no_rows_ok, struct pl_rows *out, struct pgerr *err)
{
	struct session *s = r->s;
	if (!no_rows_ok && x->returns_rows) {
		pgerr_set(err, SQLSTATE_SYNTAX_ERROR, "query has no destination for result data");
		pgerr_hint(err,
			   "If you want to discard the results of a SELECT, use PERFORM instead.");
		return false;
	}
	sqlite3_stmt *vm = sess_prepare(s, x, err);
	if (!vm) {
		r->analysis_failed = true; /* a missing table or column, as parse analysis finds */
		return false;
	}
	sqlite3 *db = shard_conn_db(s->conn);
	uint64_t rows = 0;
	uint64_t skips = sess_skip_check(s, x);
	char tag[SESS_CTAS_TAG]; /* CREATE TABLE AS: not sent from inside a DO */
	int64_t changes = -1; /* kept before AFTER statement triggers run statements of their own */
	bool ok = bind_args(r, x, vm, args, nargs, err) &&
		  (!x->nsteps || run_steps(r, x, vm, args, nargs, err)) &&
		  sess_trigger_statement(s, x, true, err) &&
		  (x->ctas ? sess_ctas_run(s, x, vm, &rows, tag, err)
			   : step_all(r, x, vm, out, &rows, err)) &&
		  sess_trigger_after_step(s, x, SQLITE_DONE, &changes, err);
	if (changes < 0)
		changes = sqlite3_changes64(db);
	int64_t last = sqlite3_last_insert_rowid(db);
	/* INT64_MIN/MAX: its last row was updated by ON CONFLICT (pgfn_upsert_updating) */
	if (ok && x->numbered_seq && changes > 0 && last != INT64_MIN && last != INT64_MAX) {
		if (x->numbered_max && last > x->numbered_max)
			ok = pgerr_set(err, "2200H",
				       "nextval: reached maximum value of sequence \"%s\" (%lld)",
				       x->numbered_seq, (long long)x->numbered_max);
		else
			catalog_seqvals_numbered(s->catalog.seqvals, x->numbered_seq, last);
	}
	r->row_count = x->returns_rows ? rows : x->is_ddl ? 0 : (uint64_t)changes;
	if (x->nsteps && !x->returns_rows)
		r->row_count += s->step_rows; /* MERGE's earlier actions */
	r->counted = !x->is_ddl;
	r->modified = x->tag && (strcmp(x->tag, "INSERT") == 0 || strcmp(x->tag, "UPDATE") == 0 ||
				 strcmp(x->tag, "DELETE") == 0 || strcmp(x->tag, "MERGE") == 0);
	sqlite3_finalize(vm);
	if (ok)
		sess_skip_notices(s, x, skips);
	return ok;
}

/* What refusals name: a DO block or the function running. */
static const char *where(const struct pl_run *r)
{
	return r->f->nargs || r->f->result_var >= 0 || r->f->trigger || r->f->sql_body ||
			       strcmp(r->f->name ? r->f->name : "", "inline_code_block") != 0
		       ? "a function"
		       : "a DO block";
}

static bool run_one(struct pl_run *r, const struct xlat_stmt *x, const struct pl_arg *args,
		    int nargs, bool no_rows_ok, struct pl_rows *out, struct pgerr *err)
{
	if (!sess_check_allowed(r->s, x, err))
		return false;
	switch (x->kind) {
	case XLAT_SQL:
		return run_sql(r, x, args, nargs, no_rows_ok, out, err);
	case XLAT_SCRIPT:
	case XLAT_REBUILD:
	case XLAT_SET:
	case XLAT_NOOP:
		return run_utility(r, x, err);
	case XLAT_EMPTY:
		return true;
	case XLAT_TXN:
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "transaction control (%s) is not supported in %s", x->tag,
				 where(r));
	default:
		return pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s is not supported in %s",
				 x->tag, where(r));
	}
}

/* A statement that met another connection's write lock after the body ended a transaction
 * (COMMIT in a procedure or DO): the run cannot park and start over as a whole, so it waits
 * here, holding its worker, as PostgreSQL waits for the lock, and the statement runs again (it
 * did nothing: SQLite's BUSY comes before a write's first effect). */
static bool lock_wait(struct pl_run *r, int64_t *deadline, bool *held, struct pgerr *err)
{
	struct session *s = r->s;
	if (!r->busy || !s->udf || !s->udf->ended || !sess_wait_call_met_lock(s))
		return false;
	if (!sess_wait_block(s, deadline, held, err))
		return false;
	r->busy = false;
	pgerr_clear(err);
	return true;
}

bool sess_pl_exec(struct pl_run *r, const char *sql, const struct pl_arg *args, int nargs,
		  bool no_rows_ok, struct pl_rows *out, struct pgerr *err)
{
	struct session *s = r->s;
	uint32_t *types = arena_alloc(r->scratch, (size_t)(nargs + 1) * sizeof(uint32_t));
	for (int i = 0; i < nargs; i++)
		types[i] = args[i].type;
	struct xlat_env env;
	char search[SHARD_TENANT_MAX + 1];
	sess_schema_env(s, &env, search);
	struct xlat_stmt *x = NULL;
	size_t n = 0;
	if (r->scan_ctid) { /* a cursor's query: its rows' rowids too (sess_pliter.c) */
		const char *scan = xlat_cursor_scan_sql(&env, sql, r->scratch, &r->scan_table);
		sql = scan ? scan : sql;
		r->scan_ctid = false;
	}
	if (!xlat_translate_in(&env, sql, types, nargs, r->scratch, &x, &n, err)) {
		r->analysis_failed = true; /* PostgreSQL's parse analysis: its error has a position */
		return false;
	}
	if (n > 1 && nargs)
		return pgerr_set(err, SQLSTATE_SYNTAX_ERROR,
				 "cannot insert multiple commands into a prepared statement");
	if (out)
		*out = (struct pl_rows){0};
	bool ok = true, held = false;
	int64_t deadline = 0;
	for (size_t i = 0; ok && i < n; i++) {
		sess_types_saw(s, &x[i], 1);
		while (!(ok = run_one(r, &x[i], args, nargs, no_rows_ok, out, err)) &&
		       lock_wait(r, &deadline, &held, err))
			;
	}
	sess_wait_block_end(&held);
	return ok;
}

bool sess_pl_exec_expr(struct pl_run *r, const struct xlat_pl_expr *e, bool no_rows_ok,
		       struct pl_rows *out, struct pgerr *err)
{
	struct pl_arg *args = arena_alloc(r->scratch, (size_t)(e->nrefs + 1) * sizeof(*args));
	for (int i = 0; i < e->nrefs; i++)
		if (!ref_arg(r, &e->refs[i], &args[i], err))
			return false;
	const char *sql = e->sql;
	int nargs = e->nrefs;
	return sess_pl_expand_records(r, e, &sql, &args, &nargs, err) &&
	       sess_pl_exec(r, sql, args, nargs, no_rows_ok, out, err);
}

/* e (or sql with args) run with r's SPI line spi while it runs (a LANGUAGE sql body runs
 * without SPI): the functions it calls read it in their PG_CONTEXT. */
static bool run_as(struct pl_run *r, struct pl_spi spi, const struct xlat_pl_expr *e,
		   const char *sql, const struct pl_arg *args, int nargs, bool no_rows_ok,
		   struct pl_rows *out, struct pgerr *err)
{
	struct pl_spi outer = r->spi;
	r->spi = r->f->sql_body ? (struct pl_spi){0} : spi;
	r->analysis_failed = false;
	bool ok = e ? sess_pl_exec_expr(r, e, no_rows_ok, out, err)
		    : sess_pl_exec(r, sql, args, nargs, no_rows_ok, out, err);
	r->spi = outer;
	return ok || (!r->f->sql_body && spi.what && sess_pl_spi_failed(r, spi, err));
}

bool sess_pl_spi_exec(struct pl_run *r, const char *text, const char *sql,
		      const struct pl_arg *args, int nargs, bool no_rows_ok, struct pl_rows *out,
		      struct pgerr *err)
{
	return run_as(r, (struct pl_spi){"SQL statement", text}, NULL, sql, args, nargs, no_rows_ok,
		      out, err);
}

bool sess_pl_spi_expr(struct pl_run *r, const struct xlat_pl_expr *e, bool no_rows_ok,
		      struct pl_rows *out, struct pgerr *err)
{
	return run_as(r, (struct pl_spi){"SQL statement", e->text ? e->text : e->sql}, e, NULL,
		      NULL, 0, no_rows_ok, out, err);
}

/* An expression's CONTEXT line as PostgreSQL's SPI names it: an assignment's whole text, else
 * the expression's (its SELECT is the loader's). */
static struct pl_spi expr_spi(struct pl_run *r, const struct xlat_pl_expr *e)
{
	const char *t = e->text ? e->text : e->sql;
	if (r->assign_text)
		return (struct pl_spi){"PL/pgSQL assignment", r->assign_text};
	return (struct pl_spi){"SQL expression", strncmp(t, "SELECT ", 7) == 0 ? t + 7 : t};
}

bool sess_pl_eval(struct pl_run *r, const struct xlat_pl_expr *e, const char **text, uint32_t *type,
		  struct pgerr *err)
{
	struct pl_rows rows;
	struct pl_spi spi = expr_spi(r, e);
	r->assign_text = NULL; /* its own expression only */
	/* a simple expression runs outside SPI: no line, unless it failed as PostgreSQL's planner
	 * would fold it (constants only, not a function's error) */
	if (!run_as(r, e->simple ? (struct pl_spi){0} : spi, e, NULL, NULL, 0, true, &rows, err)) {
		if (e->simple && !e->nrefs && !r->f->sql_body && !sess_udf_error_pending(r->s, err))
			sess_pl_spi_failed(r, spi, err);
		return false;
	}
	if (rows.ncols != 1)
		return pgerr_set(err, SQLSTATE_SYNTAX_ERROR, "query \"%s\" returned %zu columns",
				 e->sql, rows.ncols);
	if (rows.nrows > 1)
		return pgerr_set(err, PL_CARDINALITY, "query \"%s\" returned more than one row",
				 e->sql);
	*text = rows.nrows ? rows.cells[0] : NULL;
	*type = rows.types[0];
	return true;
}

bool sess_pl_eval_bool(struct pl_run *r, const struct xlat_pl_expr *e, bool *out, struct pgerr *err)
{
	const char *text;
	uint32_t type;
	if (!sess_pl_eval(r, e, &text, &type, err))
		return false;
	if (type && type != PGTYPE_BOOL) {
		const struct pgtype_info *t = pgtype_by_oid(type);
		return pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
				 "query \"%s\" must return type boolean, not type %s", e->sql,
				 t ? t->sql_name : "unknown");
	}
	*out = text && (strcmp(text, "t") == 0 || (!type && atoll(text) != 0));
	return true;
}

bool sess_pl_eval_int(struct pl_run *r, const struct xlat_pl_expr *e, const char *what,
		      int64_t *out, struct pgerr *err)
{
	const char *text;
	uint32_t type;
	if (!sess_pl_eval(r, e, &text, &type, err))
		return false;
	if (!text)
		return pgerr_set(err, PL_NULL_VALUE_NOT_ALLOWED, "%s cannot be null", what);
	return sess_pl_int_of(r, text, type, out, err);
}

bool sess_pl_int_of(struct pl_run *r, const char *text, uint32_t type, int64_t *out,
		    struct pgerr *err)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	if (*end) { /* not an integer's text: PostgreSQL's cast to integer rounds */
		struct pl_rows rows;
		struct pl_arg arg = {text, type};
		if (!sess_pl_exec(r, "SELECT $1::integer", &arg, 1, true, &rows, err))
			return false;
		v = rows.nrows && rows.cells[0] ? strtoll(rows.cells[0], &end, 10) : 0;
	}
	*out = v;
	return true;
}

/* The values of exprs (EXECUTE's USING, RAISE's arguments) as arguments. */
bool sess_pl_eval_args(struct pl_run *r, const struct xlat_pl_expr *const *exprs, size_t n,
		       struct pl_arg **out, struct pgerr *err)
{
	struct pl_arg *args = arena_alloc(r->scratch, (n + 1) * sizeof(*args));
	for (size_t i = 0; i < n; i++)
		if (!sess_pl_eval(r, exprs[i], &args[i].text, &args[i].type, err))
			return false;
	*out = args;
	return true;
}
