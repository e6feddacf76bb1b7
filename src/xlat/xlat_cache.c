/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_cache.c: the translation cache. A statement seen before — also with other constants,
 * as `pgbench -M simple` sends them — is not parsed again: its translation is kept as a
 * template with a hole where each constant landed, keyed by the text with constants replaced
 * by markers of their kind (xlat_lex.c). Constants the translation looked at (xlat_pin) must
 * match exactly. One cache per process, shared by all threads, bounded, least recently used
 * out first. */
#include "xlat_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 4096
#define MAX_KEY 8192  /* longer statements are translated every time */
#define MAX_BINDS 999 /* SQLite's historical parameter limit, which every build takes */

struct tslot {
	int lit;      /* index into the statement's constants */
	bool negated; /* the parser folded a '-' into it */
	char bind;    /* 'i' passed as an integer parameter, 's' as text, 0 stays in the text */
};

struct entry {
	struct entry *hnext;       /* hash chain */
	struct entry *prev, *next; /* LRU list, most recent first */
	uint64_t hash;
	char *key;
	size_t keylen;
	int nlits;
	char **pinned; /* per constant: the text it must have, NULL when it is a hole */
	int nslots;
	struct tslot *slots; /* holes in output order */
	char **frags;        /* nslots + 1 pieces of SQL around the holes */
	/* The text with every hole a parameter after the client's, and the schema's fingerprint
	 * in a comment (xlat_stmt.reusable); NULL when some hole must stay in the text or the
	 * statement may not take parameters (xlat_env.bind_consts). */
	char *psql;
	size_t src_len;      /* length of the text it was translated from */
	struct xlat_stmt st; /* sql is NULL; everything else owned by arena */
	struct arena *arena;
};

static struct {
	pthread_mutex_t lock;
	struct entry *buckets[NBUCKETS];
	struct entry *head, *tail;
	size_t count, limit;
	uint64_t hits, misses, stores;
} cache = {.lock = PTHREAD_MUTEX_INITIALIZER, .limit = 8192};

/* (steps are never cached: xlat_modcte.c marks its statements nocache; nor are PREPARE and
 * EXECUTE, xlat_prepare.c, nor DO, whose kind is not XLAT_SQL, nor CREATE/DROP/ALTER DATABASE,
 * xlat_database.c, nor CREATE TEMP TABLE, xlat_temp_create, nor LISTEN/NOTIFY, xlat_utility.c) */
_Static_assert(sizeof(struct xlat_stmt) == 504,
	       "struct xlat_stmt changed: copy its new fields in copy_stmt()");

/* ---- recording during translation ---- */

void xlat_note_const(struct xlat_ctx *c, int location, size_t at)
{
	if (c->dry)
		return; /* a dry run's text is thrown away (xlat_scope.c) */
	if (c->nslots == c->slots_cap) {
		int cap = c->slots_cap ? c->slots_cap * 2 : 8;
		struct xlat_slot *v = arena_alloc(c->a, (size_t)cap * sizeof(*v));
		if (c->nslots)
			memcpy(v, c->slots, (size_t)c->nslots * sizeof(*v));
		c->slots = v;
		c->slots_cap = cap;
	}
	c->slots[c->nslots++] = (struct xlat_slot){.location = location,
						   .offset = at,
						   .len = c->sb->len - at,
						   .in_main = c->sb == c->main_sb,
						   .inline_ctx = c->inline_consts > 0};
}

void xlat_insert_at(struct xlat_ctx *c, size_t at, const char *text)
{
	struct strbuf *sb = c->sb;
	size_t n = strlen(text), tail = sb->len - at;
	strbuf_append(sb, text, n); /* grows the buffer; the bytes are put in place below */
	if (sb->failed)
		return;
	memmove(sb->data + at + n, sb->data + at, tail);
	memcpy(sb->data + at, text, n);
	bool main = sb == c->main_sb;
	for (int i = 0; i < c->nslots; i++) {
		if (c->slots[i].in_main == main && c->slots[i].offset >= at)
			c->slots[i].offset += n;
	}
}

void xlat_pin(struct xlat_ctx *c, int location)
{
	if (c->npins == c->pins_cap) {
		int cap = c->pins_cap ? c->pins_cap * 2 : 8;
		int *v = arena_alloc(c->a, (size_t)cap * sizeof(*v));
		if (c->npins)
			memcpy(v, c->pins, (size_t)c->npins * sizeof(*v));
		c->pins = v;
		c->pins_cap = cap;
	}
	c->pins[c->npins++] = location;
}

void xlat_nocache(struct xlat_ctx *c) { c->nocache = true; }

const PgQuery__AConst *xlat_const_value(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (n->node_case != PG_QUERY__NODE__NODE_A_CONST)
		return NULL;
	xlat_pin(c, n->a_const->location);
	return n->a_const;
}

/* ---- keys ---- */

static uint64_t fnv1a(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ULL;
	return h;
}

/* The key: the text with constants as markers, search_path's tenant, the Parse message's
 * parameter types, then the schema's fingerprint (a translation reads the schema's column
 * types). */
void xlat_cache_key_make(struct xlat_cache_key *k, const char *sql, const uint32_t *given,
			 int ngiven, const char *search, uint64_t schema_fp, struct arena *a)
{
	*k = (struct xlat_cache_key){.lits = NULL, .schema_fp = schema_fp};
	strbuf_init(&k->key, 0);
	if (!cache.limit || strlen(sql) > MAX_KEY ||
	    !xlat_lex(sql, &k->key, a, &k->lits, &k->nlits))
		return;
	/* text NUL search_path's tenant ("" for none) NUL parameter types: unambiguous, as
	 * neither the text nor a tenant name holds a NUL */
	strbuf_putc(&k->key, '\0');
	strbuf_puts(&k->key, search ? search : "");
	strbuf_putc(&k->key, '\0');
	if (ngiven > 0)
		strbuf_append(&k->key, given, (size_t)ngiven * sizeof(*given));
	strbuf_append(&k->key, &schema_fp, sizeof(schema_fp));
	k->ok = !k->key.failed;
	k->hash = fnv1a(k->key.data, k->key.len);
}

void xlat_cache_key_fini(struct xlat_cache_key *k) { strbuf_fini(&k->key); }

/* ---- lookup ---- */

static void lru_unlink(struct entry *e)
{
	*(e->prev ? &e->prev->next : &cache.head) = e->next;
	*(e->next ? &e->next->prev : &cache.tail) = e->prev;
	e->prev = e->next = NULL;
}

static void lru_push(struct entry *e)
{
	e->next = cache.head;
	if (cache.head)
		cache.head->prev = e;
	cache.head = e;
	if (!cache.tail)
		cache.tail = e;
}

static bool pins_match(const struct entry *e, const char *sql, const struct xlat_lit *lits)
{
	for (int i = 0; i < e->nlits; i++) {
		const char *p = e->pinned[i];
		if (p && (strlen(p) != (size_t)lits[i].len ||
			  memcmp(p, sql + lits[i].start, (size_t)lits[i].len) != 0))
			return false;
	}
	return true;
}

static void *memdup(struct arena *a, const void *p, size_t n)
{
	void *d = arena_alloc(a, n ? n : 1);
	if (n)
		memcpy(d, p, n);
	return d;
}

static const char *dup_opt(struct arena *a, const char *s) { return s ? arena_strdup(a, s) : NULL; }

/* A deep copy of an XLAT_SQL statement into a (sql given separately). */
static void copy_stmt(struct arena *a, struct xlat_stmt *d, const struct xlat_stmt *s,
		      const char *sql)
{
	*d = *s;
	d->tag = dup_opt(a, s->tag);
	d->sql = sql;
	d->param_types = memdup(a, s->param_types, (size_t)s->nparams * sizeof(*s->param_types));
	d->cols = s->ncols > 0 && s->cols ? memdup(a, s->cols, (size_t)s->ncols * sizeof(*s->cols))
					  : NULL;
	for (int i = 0; d->cols && i < s->ncols; i++) {
		d->cols[i].origin.rel = dup_opt(a, s->cols[i].origin.rel);
		d->cols[i].origin.col = dup_opt(a, s->cols[i].origin.col);
		d->cols[i].name = dup_opt(a, s->cols[i].name);
	}
	d->savepoint = dup_opt(a, s->savepoint);
	d->set_name = dup_opt(a, s->set_name);
	d->dealloc_name = dup_opt(a, s->dealloc_name);
	ASSERT(!s->nsteps && !s->prepare_sql && !s->execute_args && !s->plpgsql && !s->database);
	d->set_value = dup_opt(a, s->set_value);
	d->set_more = NULL;
	if (s->nset_more) {
		const char **v = arena_alloc(a, 2 * s->nset_more * sizeof(*v));
		for (size_t i = 0; i < 2 * s->nset_more; i++)
			v[i] = dup_opt(a, s->set_more[i]);
		d->set_more = v;
	}
	d->numbered_seq = dup_opt(a, s->numbered_seq);
	d->dml_table = dup_opt(a, s->dml_table);
	d->created_table = dup_opt(a, s->created_table);
	d->conflict_keys = dup_opt(a, s->conflict_keys);
	d->lock_nowait = dup_opt(a, s->lock_nowait);
	d->returning_sql = dup_opt(a, s->returning_sql);
	d->dml_named = dup_opt(a, s->dml_named);
	d->wco_sql = dup_opt(a, s->wco_sql);
	d->quiet_rows = s->quiet_rows;
	d->described_schema = dup_opt(a, s->described_schema);
	d->tenants = NULL;
	if (s->ntenants) {
		const char **v = arena_alloc(a, s->ntenants * sizeof(*v));
		for (size_t i = 0; i < s->ntenants; i++)
			v[i] = arena_strdup(a, s->tenants[i]);
		d->tenants = v;
	}
	d->tenant_rels = NULL;
	d->tenant_pos = NULL;
	if (s->ntenants && s->tenant_rels) {
		const char **v = arena_alloc(a, s->ntenants * sizeof(*v));
		for (size_t i = 0; i < s->ntenants; i++)
			v[i] = dup_opt(a, s->tenant_rels[i]);
		d->tenant_rels = v;
		d->tenant_pos = memdup(a, s->tenant_pos, s->ntenants * sizeof(*s->tenant_pos));
	}
	d->binds = NULL; /* a hit's own constants, see with_binds() */
	d->nbinds = 0;
	d->reusable = false;
	/* XLAT_SCRIPT, XLAT_REBUILD and XLAT_COPY statements are never cached */
	d->parts = d->part_tables = d->part_schemas = NULL;
	d->nparts = 0;
	d->rebuild = NULL;
	d->copy = NULL;
	d->cursor = NULL;
	d->notify = NULL;
	ASSERT(!s->ctas); /* CREATE TABLE AS is never cached (xlat_ctas.c) */
	d->skip_type = dup_opt(a, s->skip_type);
	d->skip_of = dup_opt(a, s->skip_of);
	d->skip_names = NULL;
	if (s->nskip_names) { /* CREATE ... IF NOT EXISTS is cached (a DROP, a script, is not) */
		const char **v = arena_alloc(a, s->nskip_names * sizeof(*v));
		for (size_t i = 0; i < s->nskip_names; i++)
			v[i] = arena_strdup(a, s->skip_names[i]);
		d->skip_names = v;
	}
}

static char *fill_template(const struct entry *e, const char *sql, const struct xlat_lit *lits,
			   struct arena *a)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int i = 0; i < e->nslots; i++) {
		strbuf_puts(&sb, e->frags[i]);
		xlat_lit_emit(&sb, sql, &lits[e->slots[i].lit], e->slots[i].negated);
	}
	strbuf_puts(&sb, e->frags[e->nslots]);
	char *out = sb.failed ? NULL : arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* The value of integer constant l ('i', or an 'f' that bind_kind found integral). */
static int64_t lit_int(const char *sql, const struct xlat_lit *l, bool negated)
{
	uint64_t u = strtoull(sql + l->start, NULL, 10);
	return negated ? (int64_t)(0 - u) : (int64_t)u; /* -9223372036854775808 too */
}

/* The value of string constant l: its text between the quotes, doubled quotes undone. */
static const char *lit_text(const char *sql, const struct xlat_lit *l, struct arena *a, size_t *len)
{
	char *v = arena_alloc(a, (size_t)l->len);
	size_t n = 0;
	for (int i = 1; i < l->len - 1; i++) {
		v[n++] = sql[l->start + i];
		i += sql[l->start + i] == '\'' && sql[l->start + i + 1] == '\'';
	}
	v[n] = '\0';
	*len = n;
	return v;
}

/* st (from e) as it runs with the constants of sql as parameters: e's parameterized text and
 * each hole's value. */
static void with_binds(const struct entry *e, const char *sql, const struct xlat_lit *lits,
		       struct arena *a, struct xlat_stmt *st)
{
	struct xlat_bind *b = arena_zalloc(a, (size_t)(e->nslots ? e->nslots : 1) * sizeof(*b));
	for (int i = 0; i < e->nslots; i++) {
		const struct xlat_lit *l = &lits[e->slots[i].lit];
		b[i].is_text = e->slots[i].bind == 's';
		if (b[i].is_text)
			b[i].text = lit_text(sql, l, a, &b[i].len);
		else
			b[i].i = lit_int(sql, l, e->slots[i].negated);
	}
	st->sql = arena_strdup(a, e->psql);
	st->binds = b;
	st->nbinds = e->nslots;
	st->reusable = true;
}

bool xlat_cache_lookup(const struct xlat_cache_key *k, const char *sql, bool bind, struct arena *a,
		       struct xlat_stmt **out)
{
	if (!k->ok)
		return false;
	bool hit = false;
	pthread_mutex_lock(&cache.lock);
	for (struct entry *e = cache.buckets[k->hash % NBUCKETS]; e; e = e->hnext) {
		if (e->hash != k->hash || e->keylen != k->key.len ||
		    memcmp(e->key, k->key.data, k->key.len) || e->nlits != k->nlits ||
		    !pins_match(e, sql, k->lits))
			continue;
		bind = bind && e->psql;
		const char *text = bind ? NULL : fill_template(e, sql, k->lits, a);
		if (!bind && !text)
			break;
		struct xlat_stmt *st = arena_alloc(a, sizeof(*st));
		copy_stmt(a, st, &e->st, text);
		if (bind)
			with_binds(e, sql, k->lits, a, st);
		if (st->length)
			st->length += (int)strlen(sql) - (int)e->src_len;
		lru_unlink(e);
		lru_push(e);
		*out = st;
		hit = true;
		break;
	}
	cache.hits += hit;
	cache.misses += !hit;
	pthread_mutex_unlock(&cache.lock);
	return hit;
}

/* ---- store ---- */

static bool pinned_at(const struct xlat_ctx *c, const struct xlat_lit *l)
{
	for (int i = 0; i < c->npins; i++) {
		if (c->pins[i] == l->start || (l->minus >= 0 && c->pins[i] == l->minus))
			return true;
	}
	return false;
}

/* The constant a slot came from, and whether the parser negated it; -1 when none. */
static int slot_lit(const struct xlat_slot *s, const struct xlat_lit *lits, int nlits,
		    bool *negated)
{
	for (int i = 0; i < nlits; i++) {
		if (lits[i].start == s->location || lits[i].minus == s->location) {
			*negated = lits[i].start != s->location;
			return i;
		}
	}
	return -1;
}

static int cmp_slot(const void *x, const void *y)
{
	const struct xlat_slot *a = x, *b = y;
	return a->offset < b->offset ? -1 : a->offset > b->offset;
}

static bool word_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       (ch && strchr("_$\"'.?:@#", ch)) || (unsigned char)ch >= 0x80;
}

/* Whether digits (len bytes, negated or not) are an integer SQLite reads as one: it fits
 * int64 (PostgreSQL's int8 class of the key: equal keys decide alike). */
static bool int64_text(const char *p, size_t len, bool negated)
{
	static const char max[] = "9223372036854775807", min[] = "9223372036854775808";
	if (strspn(p, "0123456789") < len)
		return false;
	while (len > 1 && *p == '0')
		p++, len--;
	return len < 19 || (len == 19 && strncmp(p, negated ? min : max, 19) <= 0);
}

/* How a hole's constant may be passed as a parameter: only where it is a whole SQLite token
 * standing alone (not quoted digits of exact arithmetic, not glued to a name) and outside the
 * places SQLite reads it when it prepares (xlat_ctx.inline_consts); integers that fit int64
 * and plain strings, whose bound values SQLite treats as it treats the literal (no affinity,
 * same storage class). Other numbers stay in the text: SQLite's own decimal conversion is the
 * one that must read them. */
static char bind_kind(const struct xlat_slot *v, const struct xlat_lit *l, bool negated,
		      const char *sql, const char *out)
{
	char before = v->offset ? out[v->offset - 1] : ' ', after = out[v->offset + v->len];
	if (v->inline_ctx || word_char(before) || word_char(after))
		return 0;
	switch (l->kind) {
	case 'i':
		return 'i';
	case 'f':
		return int64_text(sql + l->start, (size_t)l->len, negated) ? 'i' : 0;
	case 's':
		return 's';
	default:
		return 0;
	}
}

/* Whether st may take its constants as parameters: a query or DML statement on the tenant's
 * own tables, translated with a schema (whose fingerprint its text then names), reading no
 * catalog relation (xlat_ctx.no_bind). */
static bool may_bind(const struct xlat_ctx *c, const struct xlat_stmt *st, uint64_t schema_fp)
{
	static const char *const tags[] = {"SELECT", "INSERT", "UPDATE", "DELETE"};
	if (!schema_fp || c->no_bind || st->is_ddl || st->ntenants || st->nsteps || st->nparts)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(tags); i++)
		if (st->tag && strcmp(st->tag, tags[i]) == 0)
			return true;
	return false;
}

/* n (>= 0) in decimal, written at the end of buf (24 bytes). */
static const char *decimal(char *buf, int n)
{
	char *p = buf + 23;
	*p = '\0';
	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	return p;
}

/* e->psql, when every hole may be a parameter: ?N numbered after the client's parameters. */
static void build_psql(struct entry *e, const struct xlat_stmt *st, uint64_t schema_fp)
{
	if (e->nslots > MAX_BINDS)
		return;
	for (int i = 0; i < e->nslots; i++)
		if (!e->slots[i].bind)
			return;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	char digits[24], hex[17];
	for (int i = 0; i < e->nslots; i++) { /* (not strbuf_printf: a miss pays for this) */
		strbuf_puts(&sb, e->frags[i]);
		strbuf_putc(&sb, '?');
		strbuf_puts(&sb, decimal(digits, st->nparams + 1 + i));
	}
	/* a statement SQLite prepared for another schema has that schema's result columns
	 * until its next step; the name keeps the session from taking it back */
	for (int i = 0; i < 16; i++)
		hex[i] = "0123456789abcdef"[(schema_fp >> (60 - 4 * i)) & 15];
	hex[16] = '\0';
	strbuf_puts(&sb, e->frags[e->nslots]);
	strbuf_puts(&sb, " /* schema ");
	strbuf_puts(&sb, hex);
	strbuf_puts(&sb, " */");
	if (!sb.failed)
		e->psql = arena_strndup(e->arena, sb.data, sb.len);
	strbuf_fini(&sb);
}

/* Builds the holes and pieces; false when some constant did not land where a template can
 * replace it (a scratch buffer, text that is not what xlat_lit_emit writes, overlaps). */
static bool build_template(struct entry *e, const struct xlat_ctx *c, const char *sql,
			   const struct xlat_lit *lits, const char *out)
{
	struct xlat_slot *v =
		arena_alloc(e->arena, (size_t)(c->nslots ? c->nslots : 1) * sizeof(*v));
	if (c->nslots) {
		memcpy(v, c->slots, (size_t)c->nslots * sizeof(*v));
		qsort(v, (size_t)c->nslots, sizeof(*v), cmp_slot);
	}
	e->slots = arena_zalloc(e->arena, (size_t)(c->nslots + 1) * sizeof(*e->slots));
	e->frags = arena_zalloc(e->arena, (size_t)(c->nslots + 1) * sizeof(*e->frags));
	struct strbuf want;
	strbuf_init(&want, 0);
	size_t pos = 0;
	bool ok = true;
	for (int i = 0; i < c->nslots && ok; i++) {
		bool neg = false;
		int li = slot_lit(&v[i], lits, e->nlits, &neg);
		ok = v[i].in_main && v[i].offset >= pos;
		/* A pinned constant stays part of the text around it, and so does one the
		 * scanner left in the key ($$...$$, E'...'): the key fixes its value. */
		if (!ok || li < 0 || e->pinned[li])
			continue;
		strbuf_reset(&want);
		xlat_lit_emit(&want, sql, &lits[li], neg);
		ok = want.len == v[i].len && memcmp(want.data, out + v[i].offset, v[i].len) == 0;
		e->frags[e->nslots] = arena_strndup(e->arena, out + pos, v[i].offset - pos);
		e->slots[e->nslots++] =
			(struct tslot){li, neg, bind_kind(&v[i], &lits[li], neg, sql, out)};
		pos = v[i].offset + v[i].len;
	}
	strbuf_fini(&want);
	e->frags[e->nslots] = arena_strdup(e->arena, out + pos);
	return ok;
}

static void entry_free(struct entry *e) { arena_free(e->arena); }

static void evict_one(void)
{
	struct entry *e = cache.tail;
	struct entry **pp = &cache.buckets[e->hash % NBUCKETS];
	while (*pp != e)
		pp = &(*pp)->hnext;
	*pp = e->hnext;
	lru_unlink(e);
	cache.count--;
	entry_free(e);
}

void xlat_cache_store(const struct xlat_cache_key *k, const char *sql, const struct xlat_ctx *c,
		      struct xlat_stmt *st, bool bind, struct arena *out_arena)
{
	if (!k->ok || c->nocache || st->kind != XLAT_SQL || !st->sql)
		return;
	struct arena *a = arena_new(0);
	struct entry *e = arena_zalloc(a, sizeof(*e));
	const struct xlat_lit *lits = k->lits;
	e->arena = a;
	e->nlits = k->nlits;
	e->pinned = arena_zalloc(a, (size_t)(e->nlits + 1) * sizeof(*e->pinned));
	for (int i = 0; i < e->nlits; i++) {
		bool used = false, neg;
		for (int j = 0; j < c->nslots && !used; j++)
			used = slot_lit(&c->slots[j], &lits[i], 1, &neg) == 0;
		if (!used || pinned_at(c, &lits[i]))
			e->pinned[i] = arena_strndup(a, sql + lits[i].start, (size_t)lits[i].len);
	}
	if (!build_template(e, c, sql, lits, st->sql)) {
		arena_free(a);
		return;
	}
	e->key = memdup(a, k->key.data, k->key.len);
	e->keylen = k->key.len;
	e->hash = k->hash;
	e->src_len = strlen(sql);
	copy_stmt(a, &e->st, st, NULL);
	if (may_bind(c, st, k->schema_fp))
		build_psql(e, st, k->schema_fp);
	if (bind && e->psql) { /* the first run as every later one: the same text */
		with_binds(e, sql, lits, out_arena, st);
		st->reusable = false; /* kept prepared once seen again: most texts are seen once */
	}

	pthread_mutex_lock(&cache.lock);
	struct entry **bucket = &cache.buckets[e->hash % NBUCKETS];
	e->hnext = *bucket;
	*bucket = e;
	lru_push(e);
	cache.count++;
	cache.stores++;
	while (cache.count > cache.limit)
		evict_one();
	pthread_mutex_unlock(&cache.lock);
}

/* ---- public ---- */

void xlat_cache_configure(size_t max_entries)
{
	pthread_mutex_lock(&cache.lock);
	cache.limit = max_entries;
	while (cache.count > cache.limit)
		evict_one();
	pthread_mutex_unlock(&cache.lock);
}

void xlat_cache_stats(struct xlat_cache_stats *out)
{
	pthread_mutex_lock(&cache.lock);
	*out = (struct xlat_cache_stats){.hits = cache.hits,
					 .misses = cache.misses,
					 .stores = cache.stores,
					 .entries = cache.count};
	pthread_mutex_unlock(&cache.lock);
}
