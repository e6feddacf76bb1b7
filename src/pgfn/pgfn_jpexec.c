/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_jpexec.c: evaluating a jsonpath (pgfn_jsonpath.h) over a parsed jsonb value as
 * PostgreSQL 15's jsonpath_exec.c does — lax/strict modes, automatic unwrapping, three-valued
 * predicates, the 2203x errors and the silent flag. The SQL functions are pgfn_jpfn.c's. */
#include "pgfn_jsonpath.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tri { B_FALSE, B_TRUE, B_UNKNOWN };

struct cx {
	struct arena *a;
	bool lax, ignore_struct, throw_errors;
	const struct jv *root, *current, *vars;
	int array_size;        /* the innermost array's size for last; -1 outside subscripts */
	const struct jv *base; /* the container keyvalue() ids count from, and its id */
	int64_t base_id, next_id;
	const char *state, *err; /* an error raised: ends the evaluation, silent or not */
};

static void add(struct cx *c, struct jp_items *l, const struct jv *v)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		const struct jv **nv = arena_alloc(c->a, cap * sizeof(*nv));
		if (l->n)
			memcpy(nv, l->v, l->n * sizeof(*nv));
		l->v = nv;
		l->cap = cap;
	}
	l->v[l->n++] = v;
}

/* Raises an error: always (fatal) or unless the evaluation is silent (PostgreSQL's
 * RETURN_ERROR). Either way the caller returns JPR_ERROR. */
static enum jp_res raise(struct cx *c, bool fatal, const char *state, const char *fmt, ...)
	PRINTF_LIKE(4, 5);
static enum jp_res raise(struct cx *c, bool fatal, const char *state, const char *fmt, ...)
{
	if ((fatal || c->throw_errors) && !c->err) {
		va_list ap;
		va_start(ap, fmt);
		char buf[512];
		vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
		c->state = state;
		c->err = arena_strdup(c->a, buf);
	}
	return JPR_ERROR;
}

static struct jv *new_value(struct cx *c, enum jtype t)
{
	struct jv *v = arena_zalloc(c->a, sizeof(*v));
	v->type = t;
	return v;
}

static struct jv *new_string(struct cx *c, const char *s, size_t n)
{
	struct jv *v = new_value(c, J_STRING);
	v->str = s;
	v->len = n;
	return v;
}

static struct jv *new_number(struct cx *c, const struct pgfn_num *x)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_num_format(x, &sb);
	struct jv *v = new_value(c, J_NUMBER);
	v->str = arena_strndup(c->a, sb.data ? sb.data : "0", sb.len);
	v->len = strlen(v->str);
	strbuf_fini(&sb);
	return v;
}

static struct pgfn_num *num_of(struct cx *c, const struct jv *v)
{
	struct pgfn_num *x = arena_alloc(c->a, sizeof(*x));
	if (!pgfn_num_parse(v->str, v->len, x))
		pgfn_num_zero(x, 0);
	return x;
}

static enum jp_res exec(struct cx *c, const struct jp *p, const struct jv *v,
			struct jp_items *found, bool unwrap);
static enum tri exec_bool(struct cx *c, const struct jp *p, const struct jv *v);

static enum jp_res exec_item(struct cx *c, const struct jp *p, const struct jv *v,
			     struct jp_items *found)
{
	return exec(c, p, v, found, c->lax);
}

/* The item after p applied to v, or v itself added to found at the end of the chain. */
static enum jp_res exec_next(struct cx *c, const struct jp *p, const struct jv *v,
			     struct jp_items *found)
{
	if (p->next)
		return exec_item(c, p->next, v, found);
	if (found)
		add(c, found, v);
	return JPR_OK;
}

/* executeAnyItem: p (NULL: the values themselves) over the children of container v at levels
 * first..last below it. */
static enum jp_res any_item(struct cx *c, const struct jp *p, const struct jv *v,
			    struct jp_items *found, uint32_t level, uint32_t first, uint32_t last,
			    bool ignore_struct, bool unwrap_next)
{
	enum jp_res res = JPR_NOTFOUND;
	if (level > last)
		return res;
	for (size_t i = 0; i < v->n; i++) {
		const struct jv *e = &v->items[i];
		bool container = e->type == J_ARRAY || e->type == J_OBJECT;
		if (level >= first || (first == JP_ANY_LAST && last == JP_ANY_LAST && !container)) {
			if (p) {
				bool saved = c->ignore_struct;
				if (ignore_struct)
					c->ignore_struct = true;
				res = exec(c, p, e, found, unwrap_next);
				c->ignore_struct = saved;
				if (res == JPR_ERROR || (res == JPR_OK && !found))
					return res;
			} else if (found) {
				add(c, found, e);
			} else {
				return JPR_OK;
			}
		}
		if (level < last && container) {
			res = any_item(c, p, e, found, level + 1, first, last, ignore_struct,
				       unwrap_next);
			if (res == JPR_ERROR || (res == JPR_OK && !found))
				return res;
		}
	}
	return res;
}

/* p applied to each element of array v (lax mode's automatic unwrapping). */
static enum jp_res unwrap_target(struct cx *c, const struct jp *p, const struct jv *v,
				 struct jp_items *found, bool unwrap_elements)
{
	return any_item(c, p, v, found, 1, 1, 1, false, unwrap_elements);
}

/* p's results, arrays among them unwrapped in lax mode when unwrap. */
static enum jp_res exec_unwrapped(struct cx *c, const struct jp *p, const struct jv *v, bool unwrap,
				  struct jp_items *found)
{
	if (!unwrap || !c->lax)
		return exec_item(c, p, v, found);
	struct jp_items seq = {0};
	enum jp_res res = exec_item(c, p, v, &seq);
	if (res == JPR_ERROR)
		return res;
	for (size_t i = 0; i < seq.n; i++) {
		if (seq.v[i]->type == J_ARRAY)
			any_item(c, NULL, seq.v[i], found, 1, 1, 1, false, false);
		else
			add(c, found, seq.v[i]);
	}
	return JPR_OK;
}

static enum jp_res exec_unwrapped_nothrow(struct cx *c, const struct jp *p, const struct jv *v,
					  bool unwrap, struct jp_items *found)
{
	bool saved = c->throw_errors;
	c->throw_errors = false;
	enum jp_res res = exec_unwrapped(c, p, v, unwrap, found);
	c->throw_errors = saved;
	return res;
}

/* ---- predicates ---- */

static int str_cmp(const struct jv *a, const struct jv *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int r = memcmp(a->str, b->str, n);
	return r ? r : a->len < b->len ? -1 : a->len > b->len;
}

static enum tri cmp_result(enum jp_kind op, int cmp)
{
	bool r;
	switch (op) {
	case JP_EQ:
		r = cmp == 0;
		break;
	case JP_NE:
		r = cmp != 0;
		break;
	case JP_LT:
		r = cmp < 0;
		break;
	case JP_GT:
		r = cmp > 0;
		break;
	case JP_LE:
		r = cmp <= 0;
		break;
	default:
		r = cmp >= 0;
		break;
	}
	return r ? B_TRUE : B_FALSE;
}

static enum tri compare(struct cx *c, enum jp_kind op, const struct jv *a, const struct jv *b)
{
	enum jtype ta = a->type == J_TRUE ? J_FALSE : a->type;
	enum jtype tb = b->type == J_TRUE ? J_FALSE : b->type;
	bool da = pgfn_jp_is_datetime(a), db = pgfn_jp_is_datetime(b);
	int cmp;
	if (da && db) {
		int how = pgfn_jp_datetime_cmp(a, b, &cmp);
		if (how == 1)
			return B_UNKNOWN;
		if (how == 2) {
			raise(c, true, SQLSTATE_FEATURE_NOT_SUPPORTED,
			      "comparing jsonpath date/time items of different types (%s and %s) is "
			      "not supported",
			      pgfn_jp_datetime_type(a), pgfn_jp_datetime_type(b));
			return B_UNKNOWN;
		}
		return cmp_result(op, cmp);
	}
	if ((da || db) && ta != J_NULL && tb != J_NULL)
		return B_UNKNOWN; /* a date/time and anything else but null */
	if (ta != tb) {
		if (ta == J_NULL || tb == J_NULL) /* null equals nothing but null */
			return op == JP_NE ? B_TRUE : B_FALSE;
		return B_UNKNOWN;
	}
	switch (ta) {
	case J_NULL:
		cmp = 0;
		break;
	case J_FALSE:
		cmp = a->type == b->type ? 0 : a->type == J_TRUE ? 1 : -1;
		break;
	case J_NUMBER:
		cmp = pgfn_num_cmp(num_of(c, a), num_of(c, b));
		break;
	case J_STRING:
		cmp = str_cmp(a, b);
		break;
	default:
		return B_UNKNOWN; /* arrays and objects are not comparable */
	}
	return cmp_result(op, cmp);
}

static enum tri starts_with(const struct jv *whole, const struct jv *prefix)
{
	if (whole->type != J_STRING || !prefix || prefix->type != J_STRING ||
	    pgfn_jp_is_datetime(whole) || pgfn_jp_is_datetime(prefix))
		return B_UNKNOWN;
	return whole->len >= prefix->len && memcmp(whole->str, prefix->str, prefix->len) == 0
		       ? B_TRUE
		       : B_FALSE;
}

static char fold(char ch, bool icase)
{
	return icase && ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
}

/* flag "q": the pattern as a literal substring */
static bool quote_match(const char *s, size_t n, const char *pat, size_t pn, bool icase)
{
	for (size_t i = 0; i + pn <= n; i++) {
		size_t k = 0;
		while (k < pn && fold(s[i + k], icase) == fold(pat[k], icase))
			k++;
		if (k == pn)
			return true;
	}
	return false;
}

static enum tri like_regex(struct cx *c, const struct jp *p, const struct jv *v)
{
	if (v->type != J_STRING || pgfn_jp_is_datetime(v))
		return B_UNKNOWN;
	if (p->flags & JP_RE_Q)
		return quote_match(v->str, v->len, p->s, p->n, p->flags & JP_RE_I) ? B_TRUE
										   : B_FALSE;
	char why[300];
	int cflags = (p->flags & JP_RE_I ? REG_ICASE : 0) | (p->flags & JP_RE_M ? REG_NEWLINE : 0);
	regex_t *re = pgfn_regex_compile(arena_strndup(c->a, p->s, p->n), cflags | REG_NOSUB, why,
					 sizeof(why));
	if (!re) {
		raise(c, true, "2201B", "%s", why);
		return B_UNKNOWN;
	}
	bool m = regexec(re, arena_strndup(c->a, v->str, v->len), 0, NULL, 0) == 0;
	pgfn_regex_free(re);
	return m ? B_TRUE : B_FALSE;
}

/* executePredicate: the operator over every pair of the operands' items (the right operand
 * unwrapped only for comparisons). */
static enum tri predicate(struct cx *c, const struct jp *p, const struct jv *v)
{
	struct jp_items ls = {0}, rs = {0};
	const struct jp *rarg = p->kind == JP_LIKE ? NULL : p->r;
	if (exec_unwrapped_nothrow(c, p->l, v, true, &ls) == JPR_ERROR)
		return B_UNKNOWN;
	if (rarg && exec_unwrapped_nothrow(c, rarg, v, p->kind != JP_STARTS, &rs) == JPR_ERROR)
		return B_UNKNOWN;
	bool error = false, found = false;
	for (size_t i = 0; i < ls.n && !c->err; i++) {
		for (size_t k = 0; k < (rarg ? rs.n : 1); k++) {
			enum tri r = p->kind == JP_LIKE     ? like_regex(c, p, ls.v[i])
				     : p->kind == JP_STARTS ? starts_with(ls.v[i], rs.v[k])
							    : compare(c, p->kind, ls.v[i], rs.v[k]);
			if (r == B_UNKNOWN) {
				if (!c->lax)
					return B_UNKNOWN;
				error = true;
			} else if (r == B_TRUE) {
				if (c->lax)
					return B_TRUE;
				found = true;
			}
		}
	}
	return found ? B_TRUE : error ? B_UNKNOWN : B_FALSE;
}

static enum tri exec_bool(struct cx *c, const struct jp *p, const struct jv *v)
{
	enum tri l, r;
	switch (p->kind) {
	case JP_AND:
		if ((l = exec_bool(c, p->l, v)) == B_FALSE)
			return B_FALSE;
		r = exec_bool(c, p->r, v);
		return r == B_TRUE ? l : r;
	case JP_OR:
		if ((l = exec_bool(c, p->l, v)) == B_TRUE)
			return B_TRUE;
		r = exec_bool(c, p->r, v);
		return r == B_FALSE ? l : r;
	case JP_NOT:
		l = exec_bool(c, p->l, v);
		return l == B_UNKNOWN ? B_UNKNOWN : l == B_TRUE ? B_FALSE : B_TRUE;
	case JP_ISUNKNOWN:
		return exec_bool(c, p->l, v) == B_UNKNOWN ? B_TRUE : B_FALSE;
	case JP_EXISTS: {
		struct jp_items vals = {0};
		enum jp_res res = exec_unwrapped_nothrow(c, p->l, v, false, c->lax ? NULL : &vals);
		if (res == JPR_ERROR)
			return B_UNKNOWN;
		return (c->lax ? res == JPR_OK : vals.n > 0) ? B_TRUE : B_FALSE;
	}
	default:
		return predicate(c, p, v);
	}
}

static enum tri nested_bool(struct cx *c, const struct jp *p, const struct jv *v)
{
	const struct jv *prev = c->current;
	c->current = v;
	enum tri r = exec_bool(c, p, v);
	c->current = prev;
	return r;
}

/* ---- arithmetic ---- */

static const char *op_sign(enum jp_kind k)
{
	static const char *const s[] = {"+", "-", "*", "/", "%"};
	return k == JP_PLUS ? "+" : k == JP_MINUS ? "-" : s[k - JP_ADD];
}

/* a % b as numeric's mod: the sign of a, the larger scale. */
static bool num_mod(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b,
		    struct arena *ar)
{
	struct pgfn_num *q = arena_alloc(ar, sizeof(*q)), *qb = arena_alloc(ar, sizeof(*qb));
	if (!pgfn_num_div(q, a, b, 0) || !pgfn_num_mul(qb, q, b) || !pgfn_num_sub(out, a, qb))
		return false;
	if (!pgfn_num_is_zero(out) && out->neg != a->neg) { /* rounded away: one b back */
		struct pgfn_num *babs = arena_alloc(ar, sizeof(*babs)),
				*t = arena_alloc(ar, sizeof(*t));
		*babs = *b;
		babs->neg = false;
		*t = *out;
		if (!(a->neg ? pgfn_num_sub(out, t, babs) : pgfn_num_add(out, t, babs)))
			return false;
	}
	return true;
}

static enum jp_res binary_arith(struct cx *c, const struct jp *p, const struct jv *v,
				struct jp_items *found)
{
	struct jp_items ls = {0}, rs = {0};
	enum jp_res res = exec_unwrapped(c, p->l, v, true, &ls);
	if (res == JPR_ERROR)
		return res;
	if ((res = exec_unwrapped(c, p->r, v, true, &rs)) == JPR_ERROR)
		return res;
	if (ls.n != 1 || ls.v[0]->type != J_NUMBER)
		return raise(c, false, "22038",
			     "left operand of jsonpath operator %s is not a single numeric value",
			     op_sign(p->kind));
	if (rs.n != 1 || rs.v[0]->type != J_NUMBER)
		return raise(c, false, "22038",
			     "right operand of jsonpath operator %s is not a single numeric value",
			     op_sign(p->kind));
	if (!p->next && !found)
		return JPR_OK;
	struct pgfn_num *a = num_of(c, ls.v[0]), *b = num_of(c, rs.v[0]);
	struct pgfn_num *out = arena_alloc(c->a, sizeof(*out));
	bool ok;
	if ((p->kind == JP_DIV || p->kind == JP_MOD) && pgfn_num_is_zero(b))
		return raise(c, false, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	switch (p->kind) {
	case JP_ADD:
		ok = pgfn_num_add(out, a, b);
		break;
	case JP_SUB:
		ok = pgfn_num_sub(out, a, b);
		break;
	case JP_MUL:
		ok = pgfn_num_mul(out, a, b);
		break;
	case JP_DIV:
		ok = pgfn_num_div(out, a, b, pgfn_num_div_scale(a, b));
		break;
	default:
		ok = num_mod(out, a, b, c->a);
		break;
	}
	if (!ok)
		return raise(c, false, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			     "value overflows numeric format");
	return exec_next(c, p, new_number(c, out), found);
}

static enum jp_res unary_arith(struct cx *c, const struct jp *p, const struct jv *v,
			       struct jp_items *found)
{
	struct jp_items seq = {0};
	enum jp_res res = exec_unwrapped(c, p->l, v, true, &seq);
	if (res == JPR_ERROR)
		return res;
	res = JPR_NOTFOUND;
	for (size_t i = 0; i < seq.n; i++) {
		const struct jv *e = seq.v[i];
		if (e->type != J_NUMBER && !found && !p->next)
			continue; /* only asked whether there is a result: non-numbers skipped */
		if (e->type != J_NUMBER)
			return raise(c, false, "2203B",
				     "operand of unary jsonpath operator %s is not a numeric value",
				     op_sign(p->kind));
		if (p->kind == JP_MINUS && (found || p->next)) {
			struct pgfn_num *x = num_of(c, e);
			if (!pgfn_num_is_zero(x))
				x->neg = !x->neg;
			e = new_number(c, x);
		}
		if (!found && !p->next)
			return JPR_OK;
		res = exec_next(c, p, e, found);
		if (res == JPR_ERROR || (res == JPR_OK && !found))
			return res;
	}
	return res;
}

/* ---- item methods ---- */

static const char *method_name(enum jp_kind k)
{
	static const char *const names[] = {"type",    "size",   "abs",      "floor",
					    "ceiling", "double", "keyvalue", "datetime"};
	return names[k - JP_TYPE];
}

static enum jp_res numeric_method(struct cx *c, const struct jp *p, const struct jv *v, bool unwrap,
				  struct jp_items *found)
{
	if (unwrap && v->type == J_ARRAY)
		return unwrap_target(c, p, v, found, false);
	if (v->type != J_NUMBER)
		return raise(c, false, "22036",
			     "jsonpath item method .%s() can only be applied to a numeric value",
			     method_name(p->kind));
	struct pgfn_num *x = num_of(c, v);
	if (p->kind == JP_ABS) {
		x->neg = false;
	} else {
		struct pgfn_num *t = arena_alloc(c->a, sizeof(*t)),
				*one = arena_alloc(c->a, sizeof(*one));
		*t = *x;
		pgfn_num_trunc(t, 0);
		bool frac = pgfn_num_cmp(t, x) != 0;
		pgfn_num_from_int(one, 1);
		if (frac && p->kind == JP_FLOOR && x->neg) {
			if (!pgfn_num_sub(x, t, one))
				return raise(c, true, "22003", "value overflows numeric format");
		} else if (frac && p->kind == JP_CEILING && !x->neg) {
			if (!pgfn_num_add(x, t, one))
				return raise(c, true, "22003", "value overflows numeric format");
		} else {
			*x = *t;
		}
		if (pgfn_num_is_zero(x))
			x->neg = false;
	}
	return exec_next(c, p, new_number(c, x), found);
}

/* float8_numeric of d: its 15 significant digits read as numeric */
static struct jv *double_number(struct cx *c, double d)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%.15g", d);
	struct pgfn_num *x = arena_alloc(c->a, sizeof(*x));
	if (!pgfn_num_parse(buf, strlen(buf), x))
		pgfn_num_zero(x, 0);
	return new_number(c, x);
}

static enum jp_res double_method(struct cx *c, const struct jp *p, const struct jv *v, bool unwrap,
				 struct jp_items *found)
{
	if (unwrap && v->type == J_ARRAY)
		return unwrap_target(c, p, v, found, false);
	if (v->type == J_NUMBER) { /* checked as a double, kept as the number it is */
		double d = strtod(arena_strndup(c->a, v->str, v->len), NULL);
		if (isinf(d) || isnan(d))
			return raise(
				c, false, "22036",
				"numeric argument of jsonpath item method .%s() is out of range "
				"for type double precision",
				method_name(p->kind));
		return exec_next(c, p, v, found);
	}
	if (v->type == J_STRING && !pgfn_jp_is_datetime(v)) {
		char *s = arena_strndup(c->a, v->str, v->len), *end;
		while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
			s++;
		double d = strtod(s, &end);
		while (end != s && (*end == ' ' || (*end >= '\t' && *end <= '\r')))
			end++;
		if (end == s || *end || isinf(d) || isnan(d)) /* strtod, as float8in reads it */
			return raise(c, false, "22036",
				     "string argument of jsonpath item method .%s() is not a valid "
				     "representation of a double precision number",
				     method_name(p->kind));
		return exec_next(c, p, double_number(c, d), found);
	}
	return raise(c, false, "22036",
		     "jsonpath item method .%s() can only be applied to a string or numeric value",
		     method_name(p->kind));
}

static const char *type_name(const struct jv *v)
{
	switch (v->type) {
	case J_NULL:
		return "null";
	case J_TRUE:
	case J_FALSE:
		return "boolean";
	case J_NUMBER:
		return "number";
	case J_STRING:
		return pgfn_jp_is_datetime(v) ? pgfn_jp_datetime_type(v) : "string";
	case J_ARRAY:
		return "array";
	default:
		return "object";
	}
}

/* .datetime(): an ISO 8601 string, or one read by its template, as a date/time item
 * (pgfn_jpdatetime.c). */
static enum jp_res datetime_method(struct cx *c, const struct jp *p, const struct jv *v,
				   bool unwrap, struct jp_items *found)
{
	if (unwrap && v->type == J_ARRAY)
		return unwrap_target(c, p, v, found, false);
	if (v->type != J_STRING || pgfn_jp_is_datetime(v))
		return raise(c, false, "22031",
			     "jsonpath item method .datetime() can only be applied to a string");
	const char *state = NULL, *err = NULL;
	struct jv *dt = p->l ? pgfn_jp_datetime_template(c->a, v->str, v->len, p->l->s, p->l->n,
							  &state, &err)
			     : pgfn_jp_datetime_parse(c->a, v->str, v->len, &state, &err);
	if (!dt && !p->l && strcmp(state, SQLSTATE_FEATURE_NOT_SUPPORTED) == 0)
		dt = pgfn_jp_datetime_lenient(c->a, v->str, v->len, &state, &err);
	if (!dt)
		return raise(c, strcmp(state, SQLSTATE_FEATURE_NOT_SUPPORTED) == 0, state, "%s",
			     err);
	if (!p->next && !found)
		return JPR_OK;
	return exec_next(c, p, dt, found);
}

/* ---- keyvalue()'s ids: byte offsets in jsonb's binary layout ---- */

/* The size of numeric's varlena for a canonical decimal text: base-10000 digits without
 * leading and trailing zero groups, the short header when the weight and scale allow it. */
static size_t numeric_size(const char *s, size_t n)
{
	size_t i = s[0] == '-', point = n;
	for (size_t k = i; k < n; k++)
		if (s[k] == '.')
			point = k;
	size_t intd = point - i, fracd = point < n ? n - point - 1 : 0;
	/* digit j (0-based from the first integer digit) is in group (intpad + j) / 4 */
	size_t intpad = (4 - intd % 4) % 4, total = intd + fracd;
	long first = -1, last = -1;
	for (size_t j = 0; j < total; j++) {
		char d = j < intd ? s[i + j] : s[point + 1 + (j - intd)];
		if (d != '0') {
			long g = (long)((intpad + j) / 4);
			if (first < 0)
				first = g;
			last = g;
		}
	}
	size_t ndigits = first < 0 ? 0 : (size_t)(last - first + 1);
	long intgroups = (long)((intpad + intd) / 4);
	long weight = first < 0 ? 0 : intgroups - 1 - first;
	bool shortfmt = fracd <= 63 && weight <= 63 && weight >= -64;
	return (shortfmt ? 6 : 8) + 2 * ndigits;
}

static size_t align4(size_t x) { return (x + 3) & ~(size_t)3; }

/* Lays out container v at offset off; the end offset. *at receives target's offset. */
static size_t layout(const struct jv *v, size_t off, const struct jv *target, int64_t *at)
{
	if (v == target)
		*at = (int64_t)off;
	size_t pos = off + 4 + 4 * v->n * (v->type == J_OBJECT ? 2 : 1);
	if (v->type == J_OBJECT)
		for (size_t i = 0; i < v->n; i++)
			pos += v->items[i].klen;
	for (size_t i = 0; i < v->n; i++) {
		const struct jv *e = &v->items[i];
		if (e->type == J_STRING)
			pos += e->len;
		else if (e->type == J_NUMBER)
			pos = align4(pos) + numeric_size(e->str, e->len);
		else if (e->type == J_ARRAY || e->type == J_OBJECT)
			pos = layout(e, align4(pos), target, at);
	}
	return pos;
}

static struct jv member(const char *key, const struct jv *v)
{
	struct jv m = *v;
	m.key = key;
	m.klen = strlen(key);
	return m;
}

static enum jp_res keyvalue(struct cx *c, const struct jp *p, const struct jv *v, bool unwrap,
			    struct jp_items *found)
{
	if (unwrap && v->type == J_ARRAY)
		return unwrap_target(c, p, v, found, false);
	if (v->type != J_OBJECT)
		return raise(c, false, "2203C",
			     "jsonpath item method .%s() can only be applied to an object",
			     method_name(p->kind));
	if (!v->n)
		return JPR_NOTFOUND;
	int64_t off = 0;
	if (c->base)
		layout(c->base, 0, v, &off);
	int64_t id = off + c->base_id * INT64_C(10000000000);
	struct pgfn_num idn;
	pgfn_num_from_int(&idn, id);
	struct jv *idv = new_number(c, &idn);
	enum jp_res res = JPR_NOTFOUND;
	for (size_t i = 0; i < v->n; i++) {
		struct jv *o = new_value(c, J_OBJECT);
		o->n = 3;
		o->items = arena_alloc(c->a, 3 * sizeof(*o->items));
		o->items[0] = member("id", idv);
		o->items[1] = member("key", new_string(c, v->items[i].key, v->items[i].klen));
		o->items[2] = member("value", &v->items[i]);
		const struct jv *saved = c->base;
		int64_t saved_id = c->base_id;
		c->base = o;
		c->base_id = c->next_id++;
		res = exec_next(c, p, o, found);
		c->base = saved;
		c->base_id = saved_id;
		if (res == JPR_ERROR || (res == JPR_OK && !found))
			return res;
	}
	return res;
}

/* ---- accessors ---- */

/* A subscript: one number, truncated to an int4. */
static enum jp_res array_index(struct cx *c, const struct jp *p, const struct jv *v, int32_t *out)
{
	struct jp_items f = {0};
	enum jp_res res = exec_item(c, p, v, &f);
	if (res == JPR_ERROR)
		return res;
	if (f.n != 1 || f.v[0]->type != J_NUMBER)
		return raise(c, false, "22033",
			     "jsonpath array subscript is not a single numeric value");
	double d = strtod(arena_strndup(c->a, f.v[0]->str, f.v[0]->len), NULL);
	d = trunc(d);
	if (!(d >= -2147483648.0 && d <= 2147483647.0))
		return raise(c, false, "22033", "jsonpath array subscript is out of integer range");
	*out = (int32_t)d;
	return JPR_OK;
}

static enum jp_res index_array(struct cx *c, const struct jp *p, const struct jv *v,
			       struct jp_items *found)
{
	bool singleton = v->type != J_ARRAY;
	if (singleton && !c->lax)
		return c->ignore_struct ? JPR_NOTFOUND
					: raise(c, false, "22039",
						"jsonpath array accessor can only be applied to an "
						"array");
	int saved = c->array_size, size = singleton ? 1 : (int)v->n;
	c->array_size = size;
	enum jp_res res = JPR_NOTFOUND;
	for (size_t i = 0; i < p->nsub; i++) {
		int32_t from, to;
		if ((res = array_index(c, p->from[i], v, &from)) == JPR_ERROR)
			break;
		to = from;
		if (p->to[i] && (res = array_index(c, p->to[i], v, &to)) == JPR_ERROR)
			break;
		if (!c->ignore_struct && (from < 0 || from > to || to >= size)) {
			res = raise(c, false, "22033", "jsonpath array subscript is out of bounds");
			break;
		}
		if (from < 0)
			from = 0;
		if (to >= size)
			to = size - 1;
		res = JPR_NOTFOUND;
		for (int32_t k = from; k <= to; k++) {
			const struct jv *e = singleton ? v : &v->items[k];
			if (!p->next && !found) {
				c->array_size = saved;
				return JPR_OK;
			}
			res = exec_next(c, p, e, found);
			if (res == JPR_ERROR || (res == JPR_OK && !found))
				break;
		}
		if (res == JPR_ERROR || (res == JPR_OK && !found))
			break;
	}
	c->array_size = saved;
	return res;
}

static enum jp_res key(struct cx *c, const struct jp *p, const struct jv *v, bool unwrap,
		       struct jp_items *found)
{
	if (v->type == J_OBJECT) {
		for (size_t i = 0; i < v->n; i++)
			if (v->items[i].klen == p->n && memcmp(v->items[i].key, p->s, p->n) == 0)
				return exec_next(c, p, &v->items[i], found);
		if (!c->ignore_struct)
			return raise(c, false, "2203A", "JSON object does not contain key \"%.*s\"",
				     (int)p->n, p->s);
		return JPR_NOTFOUND;
	}
	if (unwrap && v->type == J_ARRAY)
		return unwrap_target(c, p, v, found, false);
	if (!c->ignore_struct)
		return raise(c, false, "2203A",
			     "jsonpath member accessor can only be applied to an object");
	return JPR_NOTFOUND;
}

static enum jp_res any_levels(struct cx *c, const struct jp *p, const struct jv *v,
			      struct jp_items *found)
{
	enum jp_res res = JPR_NOTFOUND;
	if (p->first == 0) {
		bool saved = c->ignore_struct;
		c->ignore_struct = true;
		res = exec_next(c, p, v, found);
		c->ignore_struct = saved;
		if (res == JPR_OK && !found)
			return res;
	}
	if (v->type == J_ARRAY || v->type == J_OBJECT)
		res = any_item(c, p->next, v, found, 1, p->first, p->last, true, c->lax);
	return res;
}

static enum jp_res variable(struct cx *c, const struct jp *p, struct jp_items *found)
{
	const struct jv *v = NULL;
	for (size_t i = 0; c->vars && i < c->vars->n && !v; i++)
		if (c->vars->items[i].klen == p->n && !memcmp(c->vars->items[i].key, p->s, p->n))
			v = &c->vars->items[i];
	if (!v)
		return raise(c, true, SQLSTATE_UNDEFINED_OBJECT,
			     "could not find jsonpath variable \"%.*s\"", (int)p->n, p->s);
	const struct jv *saved = c->base;
	int64_t saved_id = c->base_id;
	c->base = c->vars;
	c->base_id = 1;
	enum jp_res res = exec_next(c, p, v, found);
	c->base = saved;
	c->base_id = saved_id;
	return res;
}

static enum jp_res literal(struct cx *c, const struct jp *p, struct jp_items *found)
{
	struct jv *v;
	if (!p->next && !found)
		return JPR_OK;
	switch (p->kind) {
	case JP_NULL:
		v = new_value(c, J_NULL);
		break;
	case JP_BOOL:
		v = new_value(c, p->flags ? J_TRUE : J_FALSE);
		break;
	case JP_NUMBER:
		v = new_value(c, J_NUMBER);
		v->str = p->s;
		v->len = p->n;
		break;
	default:
		v = new_string(c, p->s, p->n);
		break;
	}
	return exec_next(c, p, v, found);
}

static enum jp_res exec(struct cx *c, const struct jp *p, const struct jv *v,
			struct jp_items *found, bool unwrap)
{
	if (c->err)
		return JPR_ERROR;
	switch (p->kind) {
	case JP_NULL:
	case JP_BOOL:
	case JP_NUMBER:
	case JP_STRING:
		return literal(c, p, found);
	case JP_VAR:
		return variable(c, p, found);
	case JP_ROOT: {
		const struct jv *saved = c->base;
		int64_t saved_id = c->base_id;
		c->base = c->root;
		c->base_id = 0;
		enum jp_res res = exec_next(c, p, c->root, found);
		c->base = saved;
		c->base_id = saved_id;
		return res;
	}
	case JP_CURRENT:
		return exec_next(c, p, c->current, found);
	case JP_LAST: {
		if (c->array_size < 0)
			return raise(c, true, SQLSTATE_INTERNAL_ERROR,
				     "evaluating jsonpath LAST outside of array subscript");
		if (!p->next && !found)
			return JPR_OK;
		struct pgfn_num x;
		pgfn_num_from_int(&x, c->array_size - 1);
		return exec_next(c, p, new_number(c, &x), found);
	}
	case JP_KEY:
		return key(c, p, v, unwrap, found);
	case JP_ANYARRAY:
		if (v->type == J_ARRAY)
			return any_item(c, p->next, v, found, 1, 1, 1, false, c->lax);
		if (c->lax)
			return exec_next(c, p, v, found);
		return c->ignore_struct
			       ? JPR_NOTFOUND
			       : raise(c, false, "22039",
				       "jsonpath wildcard array accessor can only be applied "
				       "to an array");
	case JP_INDEX:
		return index_array(c, p, v, found);
	case JP_ANYKEY:
		if (v->type == J_OBJECT)
			return any_item(c, p->next, v, found, 1, 1, 1, false, c->lax);
		if (unwrap && v->type == J_ARRAY)
			return unwrap_target(c, p, v, found, false);
		return c->ignore_struct
			       ? JPR_NOTFOUND
			       : raise(c, false, "2203C",
				       "jsonpath wildcard member accessor can only be applied "
				       "to an object");
	case JP_ANY:
		return any_levels(c, p, v, found);
	case JP_FILTER:
		if (unwrap && v->type == J_ARRAY)
			return unwrap_target(c, p, v, found, false);
		if (nested_bool(c, p->l, v) != B_TRUE)
			return c->err ? JPR_ERROR : JPR_NOTFOUND;
		return exec_next(c, p, v, found);
	case JP_TYPE:
		return exec_next(c, p, new_string(c, type_name(v), strlen(type_name(v))), found);
	case JP_SIZE: {
		int64_t n = 1;
		if (v->type == J_ARRAY)
			n = (int64_t)v->n;
		else if (!c->ignore_struct)
			return raise(
				c, false, "22039",
				"jsonpath item method .size() can only be applied to an array");
		struct pgfn_num x;
		pgfn_num_from_int(&x, n);
		return exec_next(c, p, new_number(c, &x), found);
	}
	case JP_ABS:
	case JP_FLOOR:
	case JP_CEILING:
		return numeric_method(c, p, v, unwrap, found);
	case JP_DOUBLE:
		return double_method(c, p, v, unwrap, found);
	case JP_KEYVALUE:
		return keyvalue(c, p, v, unwrap, found);
	case JP_DATETIME:
		return datetime_method(c, p, v, unwrap, found);
	case JP_ADD:
	case JP_SUB:
	case JP_MUL:
	case JP_DIV:
	case JP_MOD:
		return binary_arith(c, p, v, found);
	case JP_PLUS:
	case JP_MINUS:
		return unary_arith(c, p, v, found);
	default: { /* a predicate as a path: its truth as a boolean, unknown as null */
		enum tri b = exec_bool(c, p, v);
		if (c->err)
			return JPR_ERROR;
		if (!p->next && !found)
			return JPR_OK;
		return exec_next(c, p,
				 new_value(c, b == B_UNKNOWN ? J_NULL
					      : b == B_TRUE  ? J_TRUE
							     : J_FALSE),
				 found);
	}
	}
}

/* executeJsonPath */
enum jp_res pgfn_jsonpath_exec(struct arena *a, const struct jsonpath *p, const struct jv *target,
			       const struct jv *vars, bool silent, struct jp_items *found,
			       const char **sqlstate, const char **err)
{
	struct cx cx = {.a = a}, *c = &cx;
	enum jp_res res;
	c->lax = p->lax;
	c->ignore_struct = p->lax;
	c->throw_errors = !silent;
	c->root = c->current = target;
	c->vars = vars;
	c->array_size = -1;
	c->base = target;
	c->next_id = vars ? 2 : 1;
	if (!p->lax && !found) { /* strict: every item, to see that none is an error */
		struct jp_items all = {0};
		res = exec_item(c, p->root, target, &all);
		res = res == JPR_ERROR ? res : all.n ? JPR_OK : JPR_NOTFOUND;
	} else {
		res = exec_item(c, p->root, target, found);
	}
	if (c->err) {
		*sqlstate = c->state;
		*err = c->err;
	}
	return res;
}
