/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_udf.c: the tenant's own functions (CREATE FUNCTION, sidecar _shardlite_functions,
 * docs/catalog.md) as pg_proc rows in schema public, and what pg_get_function_arguments,
 * pg_get_function_identity_arguments, pg_get_function_result and pg_get_functiondef answer
 * for them — so psql's \df and \sf and the GUIs' function browsers show them. Their OIDs are
 * cat_oid("proc", name, argument type OIDs). */
#include "catalog_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pgtype.h"

#define SEP '\x1f'
#define LANG_PLPGSQL CAT_PLPGSQL_LANG_OID /* PostgreSQL 15's pg_language row (initdb's) */
#define LANG_SQL 14
#define LANG_INTERNAL 12

struct udf_row {
	const char *name, *sig, *argnames, *argdecls, *retdecl, *lang, *body, *volatility, *kind;
	int64_t rettype;
	bool strict;
	const char *defaults; /* of the last arguments, joined by SEP ("": none) */
	bool retset;          /* RETURNS SETOF / TABLE */
	const char *outnames, *outdecls, *outtypes; /* RETURNS TABLE's columns ("": none) */
	/* with OUT parameters ("" none): every parameter's mode ('i', 'o', 'b'), name, type */
	const char *modes, *allnames, *alldecls, *alltypes;
	bool variadic; /* the last input argument is VARIADIC */
	bool secdef, leakproof; /* SECURITY DEFINER, LEAKPROOF */
};

static const char *text_col(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? t : "";
}

/* The second sidecar's keys as columns of the first's rows (as sess_udf.c reads them). */
#define EXT_JOIN(key, alias)                                                                       \
	" LEFT JOIN main._shardlite_function_ext " #alias " ON " #alias ".name = f.name AND " #alias \
	".sig = f.sig AND " #alias ".key = '" key "'"

/* Calls fn for each function of db (none when the sidecar does not exist); stops when fn
 * returns false. */
static void each_udf(sqlite3 *db, bool (*fn)(void *arg, const struct udf_row *u), void *arg)
{
	sqlite3_stmt *st = NULL;
	/* the second sidecar came later: a file made before has only the first */
	bool ok = sqlite3_prepare_v2(db,
				     "SELECT f.name, f.sig, argnames, argdecls, retdecl, lang, body, "
				     "volatility, rettype, strict, kind, d.value, r.value, n.value, "
				     "e.value, t.value, m.value, an.value, ad.value, at.value, "
				     "v.value, sd.value, lp.value FROM "
				     "main._shardlite_functions f " EXT_JOIN("defaults", d)
					     EXT_JOIN("retset", r) EXT_JOIN("outnames", n)
						     EXT_JOIN("outdecls", e) EXT_JOIN("outtypes", t)
							     EXT_JOIN("modes", m) EXT_JOIN("allnames", an)
								     EXT_JOIN("alldecls", ad)
									     EXT_JOIN("alltypes", at)
										     EXT_JOIN("variadic", v)
											     EXT_JOIN("secdef", sd)
												     EXT_JOIN("leakproof", lp)
										     " ORDER BY f.name, f.sig",
				     -1, &st, NULL) == SQLITE_OK;
	if (!ok) {
		sqlite3_finalize(st);
		ok = sqlite3_prepare_v2(db,
					"SELECT name, sig, argnames, argdecls, retdecl, lang, body, "
					"volatility, rettype, strict, kind, NULL, NULL, NULL, NULL, "
					"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM "
					"main._shardlite_functions ORDER BY name, sig",
					-1, &st, NULL) == SQLITE_OK;
	}
	if (ok) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			struct udf_row u = {text_col(st, 0), text_col(st, 1), text_col(st, 2),
					    text_col(st, 3), text_col(st, 4), text_col(st, 5),
					    text_col(st, 6), text_col(st, 7),
					    text_col(st, 10), sqlite3_column_int64(st, 8),
					    sqlite3_column_int(st, 9) != 0, text_col(st, 11),
					    sqlite3_column_int(st, 12) != 0, text_col(st, 13),
					    text_col(st, 14), text_col(st, 15), text_col(st, 16),
					    text_col(st, 17), text_col(st, 18), text_col(st, 19),
					    sqlite3_column_int(st, 20) != 0,
					    sqlite3_column_int(st, 21) != 0,
					    sqlite3_column_int(st, 22) != 0};
			if (!fn(arg, &u))
				break;
		}
	}
	sqlite3_finalize(st);
}

static uint32_t udf_oid(const struct udf_row *u) { return cat_oid("proc", u->name, u->sig); }

static size_t nargs(const struct udf_row *u)
{
	size_t n = *u->sig ? 1 : 0;
	for (const char *p = u->sig; *p; p++)
		n += *p == ' ';
	return n;
}

static size_t count_defaults(const struct udf_row *u)
{
	size_t n = *u->defaults ? 1 : 0;
	for (const char *p = u->defaults; *p; p++)
		n += *p == SEP;
	return n;
}

/* "a integer, b text" (with_names) or "integer, text", into sb; a procedure's are
 * "IN a integer", as PostgreSQL prints them; with_defaults adds "DEFAULT 1". */
static void put_args(struct strbuf *sb, const struct udf_row *u, bool with_names,
		     bool with_defaults)
{
	bool proc = u->kind[0] == 'p', modes = *u->modes;
	const char *name = modes ? u->allnames : u->argnames;
	const char *decl = modes ? u->alldecls : u->argdecls, *dflt = u->defaults;
	size_t n = nargs(u), nd = count_defaults(u);
	size_t first_default = nd <= n ? n - nd : n;
	for (size_t i = 0, in = 0; i < (modes ? strlen(u->modes) : n); i++) {
		const char *ne = strchr(name, SEP), *de = strchr(decl, SEP);
		size_t nl = ne ? (size_t)(ne - name) : strlen(name);
		size_t dl = de ? (size_t)(de - decl) : strlen(decl);
		char mode = modes ? u->modes[i] : u->variadic && i + 1 == n ? 'v' : 'i';
		strbuf_puts(sb, i ? ", " : "");
		strbuf_puts(sb, mode == 'o'   ? "OUT "
				: mode == 'b' ? "INOUT "
				: mode == 'v' ? "VARIADIC "
				: proc	      ? "IN "
					      : "");
		if (with_names && nl) {
			pgfn_quote_ident(sb, name, nl);
			strbuf_puts(sb, " ");
		}
		strbuf_append(sb, decl, dl);
		if (mode != 'o' && in++ >= first_default) {
			const char *fe = strchr(dflt, SEP);
			size_t fl = fe ? (size_t)(fe - dflt) : strlen(dflt);
			if (with_defaults)
				strbuf_printf(sb, " DEFAULT %.*s", (int)fl, dflt);
			dflt += fe ? fl + 1 : fl;
		}
		name += ne ? nl + 1 : nl;
		decl += de ? dl + 1 : dl;
	}
}

/* proargnames: {a,b} when any argument has a name, else NULL. */
static void put_argnames(struct cat_rows *r, const struct udf_row *u)
{
	if (!*u->argnames || strspn(u->argnames, "\x1f") == strlen(u->argnames)) {
		cat_null(r);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "{");
	for (const char *p = u->argnames;; p++) { /* an unnamed one is "", as array_out */
		if ((!*p || *p == SEP) && (p == u->argnames || p[-1] == SEP))
			strbuf_puts(&sb, "\"\"");
		if (!*p)
			break;
		if (*p == SEP)
			strbuf_puts(&sb, ",");
		else
			strbuf_append(&sb, p, 1);
	}
	strbuf_puts(&sb, "}");
	cat_text(r, sb.data ? sb.data : "{}");
	strbuf_fini(&sb);
}

/* "{a,b}" of the joined list v (SEP between items, " " for type OIDs). */
static void put_array(struct strbuf *sb, const char *v, char sep)
{
	for (const char *p = v; *p; p++) {
		if (*p == sep)
			strbuf_puts(sb, ",");
		else
			strbuf_append(sb, p, 1);
	}
}

/* proallargtypes, proargmodes, proargnames: with RETURNS TABLE every argument and column
 * (modes i and t), else IN arguments only (NULL, NULL, the names). */
static void put_allargs(struct cat_rows *r, const struct udf_row *u)
{
	if (*u->modes) { /* OUT parameters: all of them */
		const char *lists[3] = {u->alltypes, u->modes, u->allnames};
		for (int k = 0; k < 3; k++) {
			struct strbuf sb;
			strbuf_init(&sb, 0);
			strbuf_puts(&sb, "{");
			if (k == 1)
				for (const char *m = u->modes; *m; m++)
					strbuf_printf(&sb, "%s%c", m == u->modes ? "" : ",", *m);
			else
				put_array(&sb, lists[k], k ? SEP : ' ');
			strbuf_puts(&sb, "}");
			cat_text(r, sb.data ? sb.data : "{}");
			strbuf_fini(&sb);
		}
		return;
	}
	if (!*u->outtypes) {
		cat_null(r);
		if (u->variadic) { /* {i,v}: the last one VARIADIC */
			struct strbuf sb;
			strbuf_init(&sb, 0);
			for (size_t i = 0, n = nargs(u); i < n; i++)
				strbuf_puts(&sb, i ? (i + 1 < n ? ",i" : ",v") : n > 1 ? "{i" : "{v");
			strbuf_puts(&sb, "}");
			cat_text(r, sb.data ? sb.data : "{}");
			strbuf_fini(&sb);
		} else {
			cat_null(r);
		}
		put_argnames(r, u);
		return;
	}
	const char *lists[3][2] = {{u->sig, u->outtypes}, {NULL, NULL}, {u->argnames, u->outnames}};
	for (int k = 0; k < 3; k++) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, "{");
		size_t n = nargs(u), nout = 1;
		for (const char *p = u->outtypes; *p; p++)
			nout += *p == ' ';
		if (k == 1) {
			for (size_t i = 0; i < n + nout; i++)
				strbuf_puts(&sb, i ? (i < n ? ",i" : ",t") : (n ? "i" : "t"));
		} else {
			put_array(&sb, lists[k][0], k ? SEP : ' ');
			strbuf_puts(&sb, n ? "," : "");
			put_array(&sb, lists[k][1], k ? SEP : ' ');
		}
		strbuf_puts(&sb, "}");
		cat_text(r, sb.data ? sb.data : "{}");
		strbuf_fini(&sb);
	}
}

/* pg_get_function_result: "SETOF integer", "TABLE(a integer, b text)" or the type. */
static void put_result(struct strbuf *sb, const struct udf_row *u)
{
	if (!*u->outtypes || *u->modes) { /* OUT parameters: their type, or record */
		strbuf_printf(sb, "%s%s", u->retset ? "SETOF " : "", u->retdecl);
		return;
	}
	strbuf_puts(sb, "TABLE(");
	const char *name = u->outnames, *decl = u->outdecls;
	for (bool first = true; *decl; first = false) {
		const char *ne = strchr(name, SEP), *de = strchr(decl, SEP);
		size_t nl = ne ? (size_t)(ne - name) : strlen(name);
		size_t dl = de ? (size_t)(de - decl) : strlen(decl);
		strbuf_puts(sb, first ? "" : ", ");
		pgfn_quote_ident(sb, name, nl);
		strbuf_printf(sb, " %.*s", (int)dl, decl);
		name += ne ? nl + 1 : nl;
		decl += de ? dl + 1 : dl;
	}
	strbuf_puts(sb, ")");
}

/* provariadic: the VARIADIC array's element type, 0 for none. */
static uint32_t variadic_elem(const struct udf_row *u)
{
	const char *last = strrchr(u->sig, ' ');
	uint32_t oid = u->variadic ? (uint32_t)strtoul(last ? last + 1 : u->sig, NULL, 10) : 0;
	if (oid == 2277 || oid == 5078) /* VARIADIC anyarray: anyelement, anycompatible's */
		return oid == 2277 ? 2283 : 5077;
	const struct pgtype_info *ti = oid ? pgtype_by_oid(oid) : NULL;
	return ti ? ti->elem_oid : 0;
}

struct fill {
	struct cat_conn *cc;
	struct cat_rows *r;
};

/* The type OIDs oids (joined by ' ') with each one whose declared type (decls, joined by SEP)
 * names a domain replaced by the domain's OID, as PostgreSQL lists a parameter of a domain (the
 * function is known by its base types: docs/sql-compat.md); oids itself when none does. */
static const char *with_domains(const struct cat_model *m, struct arena *a, const char *oids,
				const char *decls)
{
	if (!m || !m->ndomains || !*oids)
		return oids;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool any = false;
	for (const char *o = oids, *d = decls;;) {
		size_t ol = strcspn(o, " "), dl = d ? strcspn(d, "\x1f") : 0;
		const char *decl = d ? arena_strndup(a, d, dl) : NULL;
		const struct cat_domain *dom = decl ? cat_model_domain(m, decl) : NULL;
		any = any || dom;
		if (dom)
			strbuf_printf(&sb, "%s%u", o == oids ? "" : " ", dom->oid);
		else
			strbuf_printf(&sb, "%s%.*s", o == oids ? "" : " ", (int)ol, o);
		if (!o[ol])
			break;
		o += ol + 1;
		d = d && d[dl] ? d + dl + 1 : NULL;
	}
	const char *out = any && !sb.failed ? arena_strdup(a, sb.data) : oids;
	strbuf_fini(&sb);
	return out;
}

static bool fill_one(void *arg, const struct udf_row *u)
{
	struct fill *f = arg;
	struct cat_rows *r = f->r;
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(f->cc, &msg);
	sqlite3_free(msg);
	struct udf_row shown = *u; /* its types as pg_proc shows them: a domain's OID */
	shown.sig = with_domains(m, r->a, u->sig, u->argdecls);
	shown.alltypes = with_domains(m, r->a, u->alltypes, u->alldecls);
	shown.outtypes = with_domains(m, r->a, u->outtypes, u->outdecls);
	const struct cat_domain *ret = m ? cat_model_domain(m, u->retdecl) : NULL;
	/* a local schema's "s.f": f in s (catalog_nsp.c) */
	const char *bare;
	const struct cat_nsp *own = cat_nsp_of(m, u->name, &bare);
	cat_row(r);
	cat_int(r, udf_oid(u));
	cat_text(r, bare);
	cat_int(r, own ? own->oid : CAT_NS_PUBLIC);
	cat_int(r, CAT_ROLE_BOOTSTRAP); /* the tables' owner too (catalog_rel.c) */
	bool agg = u->kind[0] == 'a'; /* CREATE AGGREGATE's: internal aggregate_dummy */
	cat_int(r, agg ? LANG_INTERNAL : strcmp(u->lang, "sql") == 0 ? LANG_SQL : LANG_PLPGSQL);
	cat_int(r, 100); /* procost, prorows: PostgreSQL's defaults */
	cat_int(r, 0);
	cat_int(r, variadic_elem(u));
	cat_text(r, "-");
	cat_char(r, u->kind[0] == 'p' || agg ? u->kind[0] : 'f');
	cat_bool(r, u->secdef);
	cat_bool(r, u->leakproof);
	cat_bool(r, u->strict);
	cat_bool(r, u->retset);
	cat_char(r, u->volatility[0] ? u->volatility[0] : 'v');
	cat_char(r, 'u');   /* proparallel */
	cat_int(r, (int64_t)nargs(u));
	cat_int(r, (int64_t)count_defaults(u));
	cat_int(r, ret ? ret->oid : u->rettype);
	cat_text(r, shown.sig);
	put_allargs(r, &shown);
	cat_null(r); /* proargdefaults, protrftypes */
	cat_null(r);
	cat_text(r, agg ? "aggregate_dummy" : u->body);
	for (int k = 0; k < 3; k++) /* probin, prosqlbody, proconfig */
		cat_null(r);
	/* proacl: what GRANT and REVOKE made it (catalog_grant.c), else NULL (the default) */
	const char *acl = cat_grant_acl(f->cc, arena_printf(r->a, "proc:%s(%s)", u->name, u->sig),
					r->a);
	if (acl)
		cat_text(r, acl);
	else
		cat_null(r);
	return true;
}

void cat_udf_fill_proc(struct cat_conn *cc, struct cat_rows *r)
{
	struct fill f = {cc, r};
	each_udf(cc->db, fill_one, &f);
}

/* A CREATE AGGREGATE's pg_aggregate row from its body (xlat_aggdef.c: sfunc, stype, its
 * OID, ffunc or "", "=initcond" or "", joined by SEP). */
static bool aggregate_one(void *arg, const struct udf_row *u)
{
	struct fill *f = arg;
	if (u->kind[0] != 'a')
		return true;
	const char *fields[5] = {"", "", "0", "", ""}, *p = u->body;
	for (size_t i = 0; i < 5; i++) {
		const char *e = strchr(p, SEP);
		size_t n = e ? (size_t)(e - p) : strlen(p);
		fields[i] = arena_strndup(f->r->a, p, n);
		p += e ? n + 1 : n;
	}
	struct cat_rows *r = f->r;
	cat_row(r);
	cat_text(r, u->name);
	cat_char(r, 'n');
	cat_int(r, 0);
	cat_text(r, fields[0]);
	cat_text(r, *fields[3] ? fields[3] : "-");
	for (int k = 0; k < 6; k++) /* combine, serial, deserial, moving-aggregate functions */
		cat_text(r, "-");
	cat_bool(r, false);
	cat_bool(r, false);
	cat_char(r, 'r');
	cat_char(r, 'r');
	cat_int(r, 0);
	cat_int(r, (int64_t)strtoul(fields[2], NULL, 10));
	cat_int(r, 0);
	cat_int(r, 0);
	cat_int(r, 0);
	if (*fields[4] == '=')
		cat_text(r, fields[4] + 1);
	else
		cat_null(r);
	cat_null(r);
	return true;
}

void cat_udf_fill_aggregate(struct cat_conn *cc, struct cat_rows *r)
{
	struct fill f = {cc, r};
	each_udf(cc->db, aggregate_one, &f);
}

struct params {
	struct cat_conn *cc;
	struct cat_rows *r;
	void (*fn)(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_param *p);
};

/* The next item of a list joined by sep into the arena ("" past its end). */
static const char *next_item(struct arena *a, const char **list, char sep)
{
	const char *p = *list, *e = strchr(p, sep);
	size_t n = e ? (size_t)(e - p) : strlen(p);
	*list = e ? e + 1 : p + n;
	return arena_strndup(a, p, n);
}

static bool params_one(void *arg, const struct udf_row *u)
{
	struct params *ps = arg;
	struct arena *a = ps->r->a;
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(ps->cc, &msg);
	sqlite3_free(msg);
	bool modes = *u->modes, table = !modes && *u->outtypes;
	/* the parameters as proallargtypes (else proargtypes) lists them */
	const char *types = modes ? u->alltypes : u->sig, *decls = modes ? u->alldecls : u->argdecls;
	const char *names = modes ? u->allnames : u->argnames;
	types = with_domains(m, a, types, decls);
	const char *outtypes = table ? with_domains(m, a, u->outtypes, u->outdecls) : "";
	const char *outnames = table ? u->outnames : "", *dflt = u->defaults;
	size_t n = nargs(u), nd = count_defaults(u), in = 0;
	size_t first_default = nd <= n ? n - nd : n;
	size_t total = modes ? strlen(u->modes) : n;
	struct cat_udf_param p = {.specific = arena_printf(a, "%s_%u", u->name, udf_oid(u))};
	size_t i = 0;
	for (; i < total; i++) {
		p.n = (int)i + 1;
		p.mode = modes ? u->modes[i] : u->variadic && i + 1 == n ? 'v' : 'i';
		p.type = (uint32_t)strtoul(next_item(a, &types, ' '), NULL, 10);
		p.name = next_item(a, &names, SEP);
		p.dflt = NULL;
		if (p.mode != 'o' && in++ >= first_default)
			p.dflt = next_item(a, &dflt, SEP);
		ps->fn(ps->cc, ps->r, &p);
	}
	for (p.mode = 't', p.dflt = NULL; *outtypes; i++) { /* RETURNS TABLE's columns */
		p.n = (int)i + 1;
		p.type = (uint32_t)strtoul(next_item(a, &outtypes, ' '), NULL, 10);
		p.name = next_item(a, &outnames, SEP);
		ps->fn(ps->cc, ps->r, &p);
	}
	return true;
}

void cat_udf_each_param(struct cat_conn *cc, struct cat_rows *r,
			void (*fn)(struct cat_conn *cc, struct cat_rows *r,
				   const struct cat_udf_param *p))
{
	cat_udf_each_own_param(cc, r, fn);
	cat_builtin_each_param(cc, r, fn);
}

void cat_udf_each_own_param(struct cat_conn *cc, struct cat_rows *r,
			    void (*fn)(struct cat_conn *cc, struct cat_rows *r,
				       const struct cat_udf_param *p))
{
	struct params ps = {cc, r, fn};
	each_udf(cc->db, params_one, &ps);
}

struct routines {
	struct cat_conn *cc;
	struct cat_rows *r;
	void (*fn)(struct cat_conn *cc, struct cat_rows *r, const struct cat_udf_routine *u);
};

static bool routines_one(void *arg, const struct udf_row *u)
{
	struct routines *rs = arg;
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(rs->cc, &msg);
	sqlite3_free(msg);
	const struct cat_domain *ret = m ? cat_model_domain(m, u->retdecl) : NULL;
	bool agg = u->kind[0] == 'a'; /* pg_proc's row of it: internal aggregate_dummy */
	struct cat_udf_routine ro = {
		.specific = arena_printf(rs->r->a, "%s_%u", u->name, udf_oid(u)),
		.name = u->name,
		.sig = u->sig,
		.lang = agg ? "internal" : strcmp(u->lang, "sql") == 0 ? "sql" : "plpgsql",
		.body = agg ? "aggregate_dummy" : u->body,
		.kind = u->kind[0] == 'p' || agg ? u->kind[0] : 'f',
		.volatility = u->volatility[0] ? u->volatility[0] : 'v',
		.strict = u->strict,
		.secdef = u->secdef,
		.rettype = ret ? ret->oid : (uint32_t)u->rettype,
	};
	rs->fn(rs->cc, rs->r, &ro);
	return true;
}

void cat_udf_each_routine(struct cat_conn *cc, struct cat_rows *r,
			  void (*fn)(struct cat_conn *cc, struct cat_rows *r,
				     const struct cat_udf_routine *u))
{
	cat_udf_each_own_routine(cc, r, fn);
	cat_builtin_each_routine(cc, r, fn);
}

void cat_udf_each_own_routine(struct cat_conn *cc, struct cat_rows *r,
			      void (*fn)(struct cat_conn *cc, struct cat_rows *r,
					 const struct cat_udf_routine *u))
{
	struct routines rs = {cc, r, fn};
	each_udf(cc->db, routines_one, &rs);
}

struct named {
	const char *name;
	size_t n;
	uint32_t oid;
};

static bool count_named(void *arg, const struct udf_row *u)
{
	struct named *q = arg;
	if (strcmp(u->name, q->name) == 0) {
		q->n++;
		q->oid = udf_oid(u);
	}
	return true;
}

/* pg_regproc_match calls this for each row of a join (pg_aggregate with pg_proc): only the
 * signatures of that name, by the sidecar's key, not each_udf's twelve joins over all. */
size_t cat_udf_named(sqlite3 *db, const char *name, uint32_t *oid)
{
	struct named q = {name, 0, 0};
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT sig FROM main._shardlite_functions WHERE name = ?1 ORDER BY sig",
			       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			count_named(&q, &(struct udf_row){.name = name, .sig = text_col(st, 0)});
	}
	sqlite3_finalize(st);
	*oid = q.oid;
	return q.n;
}

struct by_sig {
	const char *name, *sig; /* sig: " 23 25" */
	uint32_t oid;
};

static bool match_sig(void *arg, const struct udf_row *u)
{
	struct by_sig *q = arg;
	if (strcmp(u->name, q->name) == 0 &&
	    strcmp(u->sig, *q->sig ? q->sig + 1 : q->sig) == 0) /* u->sig: "23 25" */
		q->oid = udf_oid(u);
	return !q->oid;
}

uint32_t cat_udf_by_sig(sqlite3 *db, const char *name, const char *sig)
{
	struct by_sig q = {name, sig, 0};
	each_udf(db, match_sig, &q);
	return q.oid;
}

/* ---- the function text functions ---- */

struct find {
	uint32_t oid;
	int which; /* 0 arguments, 1 identity arguments, 2 result, 3 definition */
	struct strbuf *sb;
	bool found;
};

static void put_def(struct strbuf *sb, const struct udf_row *u)
{
	bool proc = u->kind[0] == 'p';
	strbuf_printf(sb, "CREATE OR REPLACE %s ", proc ? "PROCEDURE" : "FUNCTION");
	const char *dot = strchr(u->name, '.'); /* a local schema's "s.f" (catalog_nsp.c) */
	if (dot && dot[1]) {
		pgfn_quote_ident(sb, u->name, (size_t)(dot - u->name));
		strbuf_putc(sb, '.');
		pgfn_quote_ident(sb, dot + 1, strlen(dot + 1));
	} else {
		strbuf_puts(sb, "public.");
		pgfn_quote_ident(sb, u->name, strlen(u->name));
	}
	strbuf_puts(sb, "(");
	put_args(sb, u, true, true);
	strbuf_puts(sb, ")\n");
	if (!proc)
	{
		strbuf_puts(sb, " RETURNS ");
		put_result(sb, u);
		strbuf_puts(sb, "\n");
	}
	strbuf_printf(sb, " LANGUAGE %s\n", u->lang);
	const char *vol = u->volatility[0] == 'i' ? "IMMUTABLE" : u->volatility[0] == 's' ? "STABLE"
											   : NULL;
	/* the options on one line, in pg_get_functiondef's order */
	if (vol || u->strict || u->secdef || u->leakproof)
		strbuf_printf(sb, "%s%s%s%s%s\n", vol ? " " : "", vol ? vol : "",
			      u->strict ? " STRICT" : "", u->secdef ? " SECURITY DEFINER" : "",
			      u->leakproof ? " LEAKPROOF" : "");
	/* pg_get_functiondef's tag: $function$ or $procedure$, an x added while the body holds it */
	char tag[64];
	size_t len = (size_t)snprintf(tag, sizeof(tag) - 2, "$%s", proc ? "procedure" : "function");
	for (;;) {
		tag[len] = '$';
		tag[len + 1] = '\0';
		if (!strstr(u->body, tag) || len + 2 >= sizeof(tag) - 1)
			break;
		tag[len++] = 'x';
	}
	strbuf_printf(sb, "AS %s%s%s\n", tag, u->body, tag);
}

static bool find_one(void *arg, const struct udf_row *u)
{
	struct find *f = arg;
	if (udf_oid(u) != f->oid)
		return true;
	f->found = true;
	if (f->which == 3)
		put_def(f->sb, u);
	else if (f->which == 2 && u->kind[0] != 'p') /* a procedure has no result: NULL */
		put_result(f->sb, u);
	else if (f->which == 2)
		f->found = false;
	else
		put_args(f->sb, u, true, f->which == 0);
	return false;
}

bool cat_udf_text(sqlite3_context *ctx, uint32_t oid, int which)
{
	if (oid < CATALOG_OID_MIN)
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	struct find f = {oid, which, &sb, false};
	each_udf(sqlite3_context_db_handle(ctx), find_one, &f);
	if (f.found && !sb.failed)
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
	else if (f.found)
		sqlite3_result_error_nomem(ctx);
	strbuf_fini(&sb);
	return f.found;
}

bool cat_udf_exists(sqlite3 *db, uint32_t oid)
{
	if (oid < CATALOG_OID_MIN)
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	struct find f = {oid, 0, &sb, false};
	each_udf(db, find_one, &f);
	strbuf_fini(&sb);
	return f.found;
}

bool cat_udf_load_comments(sqlite3 *db, struct cat_model *m)
{
	if (!cat_sidecar_in(db, false, "_shardlite_function_ext"))
		return true;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT e.name, e.sig, e.value FROM main._shardlite_function_ext e "
			       "JOIN main._shardlite_functions f ON f.name = e.name AND f.sig = e.sig "
			       "WHERE e.key = 'comment' ORDER BY e.rowid",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *value = (const char *)sqlite3_column_text(st, 2);
		struct cat_comment *k = arena_zalloc(m->a, sizeof(*k));
		k->classoid = 1255; /* pg_proc */
		k->objoid = cat_oid("proc", text_col(st, 0), text_col(st, 1));
		k->text = arena_strdup(m->a, value ? value : "");
		cat_model_push_comment(m, k);
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

/* ---- triggers (CREATE TRIGGER: src/xlat/xlat_trigger.c) ---- */

/* PostgreSQL's tgtype bits and its order of events in pg_get_triggerdef. */
enum { TG_ROW = 1, TG_BEFORE = 2, TG_INSERT = 4, TG_DELETE = 8, TG_UPDATE = 16,
       TG_TRUNCATE = 32, TG_INSTEAD = 64, TG_STATEMENT = 256 /* the sidecar's, not tgtype */ };
/* the sidecar's too: REFERENCING ... TABLE (_shardlite_trigger_refs), CREATE CONSTRAINT
 * TRIGGER [DEFERRABLE] [INITIALLY DEFERRED] */
enum { TG_TRANSITIONS = 512, TG_CONSTRAINT = 1024, TG_DEFERRABLE = 2048, TG_INITDEFERRED = 4096 };

static void put_list(struct strbuf *sb, const char *joined, bool quote_literal)
{
	for (const char *p = joined; *joined && p;) {
		const char *end = strchr(p, SEP);
		size_t n = end ? (size_t)(end - p) : strlen(p);
		strbuf_puts(sb, p == joined ? "" : ", ");
		if (quote_literal) {
			strbuf_puts(sb, "'");
			for (size_t i = 0; i < n; i++)
				strbuf_append(sb, p[i] == '\'' ? "''" : p + i, p[i] == '\'' ? 2 : 1);
			strbuf_puts(sb, "'");
		} else {
			pgfn_quote_ident(sb, p, n);
		}
		p = end ? end + 1 : NULL;
	}
}

/* pg_get_triggerdef's text: CREATE TRIGGER name BEFORE INSERT OR UPDATE OF a ON public.t FOR
 * EACH ROW EXECUTE FUNCTION f('x'). */
static const char *trigger_def(struct arena *a, const char *table, const char *name,
			       const char *func, const char *timing, int events,
			       const char *columns, const char *args, const char *when,
			       const struct cat_trigger *g)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, events & TG_CONSTRAINT ? "CREATE CONSTRAINT TRIGGER " : "CREATE TRIGGER ");
	pgfn_quote_ident(&sb, name, strlen(name));
	strbuf_printf(&sb, " %s", timing);
	const char *sep = " ";
	static const struct {
		int bit;
		const char *word;
	} ev[] = {{TG_INSERT, "INSERT"}, {TG_DELETE, "DELETE"}, {TG_UPDATE, "UPDATE"},
		  {TG_TRUNCATE, "TRUNCATE"}};
	for (size_t i = 0; i < ARRAY_LEN(ev); i++) {
		if (!(events & ev[i].bit))
			continue;
		strbuf_printf(&sb, "%s%s", sep, ev[i].word);
		sep = " OR ";
		if (ev[i].bit == TG_UPDATE && *columns) {
			strbuf_puts(&sb, " OF ");
			put_list(&sb, columns, false);
		}
	}
	/* a temporary table's as ruleutils.c prints it: pg_temp.t */
	strbuf_puts(&sb, g->table && g->table->temp ? " ON pg_temp." : " ON public.");
	pgfn_quote_ident(&sb, table, strlen(table));
	if ((events & TG_CONSTRAINT) && g->constrrel) { /* ruleutils.c's order */
		strbuf_puts(&sb, " FROM "); /* visible: unqualified, as ruleutils.c prints it */
		pgfn_quote_ident(&sb, g->constrrel, strlen(g->constrrel));
	}
	if (events & TG_CONSTRAINT)
		strbuf_printf(&sb, " %sDEFERRABLE INITIALLY %s",
			      events & TG_DEFERRABLE ? "" : "NOT ",
			      events & TG_INITDEFERRED ? "DEFERRED" : "IMMEDIATE");
	if (g->oldtable || g->newtable)
		strbuf_puts(&sb, " REFERENCING");
	if (g->oldtable) {
		strbuf_puts(&sb, " OLD TABLE AS ");
		pgfn_quote_ident(&sb, g->oldtable, strlen(g->oldtable));
	}
	if (g->newtable) {
		strbuf_puts(&sb, " NEW TABLE AS ");
		pgfn_quote_ident(&sb, g->newtable, strlen(g->newtable));
	}
	strbuf_puts(&sb, events & TG_STATEMENT ? " FOR EACH STATEMENT" : " FOR EACH ROW");
	if (when) /* as written (PostgreSQL prints its own deparse) */
		strbuf_printf(&sb, " WHEN (%s)", when);
	strbuf_puts(&sb, " EXECUTE FUNCTION ");
	pgfn_quote_ident(&sb, func, strlen(func));
	strbuf_puts(&sb, "(");
	put_list(&sb, args, true);
	strbuf_puts(&sb, ")");
	const char *out = arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

static int count_args(const char *args)
{
	int n = *args ? 1 : 0;
	for (const char *p = args; *p; p++)
		n += *p == SEP;
	return n;
}

void catalog_trigger_transition_names(sqlite3 *db, const char *table, const char *name,
				      struct arena *a, const char **old_table,
				      const char **new_table)
{
	sqlite3_stmt *st = NULL;
	*old_table = *new_table = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT old_table, new_table FROM main._shardlite_trigger_refs WHERE "
			       "table_name = ?1 AND name = ?2",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			const char *o = (const char *)sqlite3_column_text(st, 0);
			const char *n = (const char *)sqlite3_column_text(st, 1);
			*old_table = o ? arena_strdup(a, o) : NULL;
			*new_table = n ? arena_strdup(a, n) : NULL;
		}
	}
	sqlite3_finalize(st);
}

/* CREATE CONSTRAINT TRIGGER ... FROM's table of trigger name on table, in a; NULL: none. */
static const char *trigger_from(sqlite3 *db, const char *table, const char *name, struct arena *a)
{
	sqlite3_stmt *st = NULL;
	const char *from = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT from_table FROM main._shardlite_trigger_from WHERE "
			       "table_name = ?1 AND name = ?2",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			from = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return from;
}

bool cat_udf_trigger(sqlite3 *db, struct cat_model *m, const char *table, const char *sqlite_name,
		     struct cat_trigger *g, bool *skip)
{
	size_t tl = strlen(table);
	if (!sqlite_name || strncmp(sqlite_name, table, tl) != 0 || sqlite_name[tl] != '.')
		return false;
	const char *name = sqlite_name + tl + 1, *dot = strchr(name, '.');
	if (!dot)
		return false;
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(db,
			       "SELECT name, func_name, func_sig, timing, events, columns, args, "
			       "when_cond, enabled FROM main._shardlite_triggers WHERE table_name = "
			       "?1 AND name = ?2",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, name, (int)(dot - name), SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	if (found) {
		int events = sqlite3_column_int(st, 4);
		const char *timing = text_col(st, 3);
		/* its first SQLite trigger stands for it: the first event's, not a companion */
		const char *first = events & TG_STATEMENT ? "stmt"
				    : events & TG_INSERT  ? "ins"
				    : events & TG_UPDATE  ? "upd"
							  : "del";
		*skip = strcmp(dot + 1, first) != 0;
		g->name = arena_strdup(m->a, text_col(st, 0));
		if (events & TG_TRANSITIONS)
			catalog_trigger_transition_names(db, table, g->name, m->a, &g->oldtable,
							 &g->newtable);
		if (events & TG_UPDATE && *text_col(st, 5))
			g->updcols = arena_strdup(m->a, text_col(st, 5));
		g->constraint = events & TG_CONSTRAINT;
		g->deferrable = events & TG_DEFERRABLE;
		g->initdeferred = events & TG_INITDEFERRED;
		if (events & TG_CONSTRAINT)
			g->constrrel = trigger_from(db, table, g->name, m->a);
		g->sql = trigger_def(m->a, table, g->name, text_col(st, 1), timing, events,
				     text_col(st, 5), text_col(st, 6),
				     (const char *)sqlite3_column_text(st, 7), g);
		g->oid = cat_oid(g->table && g->table->temp ? "trgtmp" : "trg", table, g->name);
		g->type = (int16_t)((events & TG_STATEMENT ? 0 : TG_ROW) |
				    (strcmp(timing, "BEFORE") == 0 ? TG_BEFORE : 0) |
				    (strcmp(timing, "INSTEAD OF") == 0 ? TG_INSTEAD : 0) |
				    (events & (TG_INSERT | TG_DELETE | TG_UPDATE | TG_TRUNCATE)));
		g->foid = cat_oid("proc", text_col(st, 1), text_col(st, 2));
		g->nargs = (int16_t)count_args(text_col(st, 6));
		g->enabled = "DOAR"[sqlite3_column_int(st, 8) & 3];
	}
	sqlite3_finalize(st);
	return found;
}
