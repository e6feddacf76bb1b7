/* SPDX-License-Identifier: Apache-2.0 */
/* test_alter.c: ALTER TABLE with several actions: PostgreSQL input → the chain of actions the
 * shard module runs (kind, column, SQLite text), in PostgreSQL's order of passes, or the
 * SQLSTATE of the action refused alone; and the names chosen when they run (CREATE INDEX,
 * CHECK without a name: "[label cols at+len]", where the default name stands). */
#include "xlat_test.h"
#include "catalog.h"

#include <string.h>

struct acase {
	const char *pg;
	const char *want; /* the links joined with " | ", or "!SSSSS" */
};

static const struct acase cases[] = {
	/* Prisma migrate */
	{"ALTER TABLE \"x\" ADD COLUMN \"a\" INTEGER, ADD COLUMN \"b\" TEXT NOT NULL DEFAULT 'y';",
	 "sql:SELECT shardlite_column_new('x', 'a'); ALTER TABLE x ADD COLUMN a int4; SELECT "
	 "shardlite_trigger_refit('x', 1) | "
	 "sql:SELECT shardlite_column_new('x', 'b'); ALTER TABLE x ADD COLUMN b text NOT NULL "
	 "DEFAULT 'y'; SELECT shardlite_trigger_refit('x', 1)"},
	/* NOT NULL without a default: 23502 from a row already there */
	{"ALTER TABLE x ADD COLUMN c int NOT NULL, ADD COLUMN d int",
	 "sql:SELECT shardlite_column_new('x', 'c'); SELECT shardlite_raise('23502', 'column \"c\" "
	 "of relation \"x\" contains null values') FROM \"x\" LIMIT 1; ALTER TABLE x ADD COLUMN c "
	 "int4 NOT NULL; SELECT shardlite_trigger_refit('x', 1) | sql:SELECT "
	 "shardlite_column_new('x', 'd'); ALTER TABLE x ADD COLUMN d int4; SELECT "
	 "shardlite_trigger_refit('x', 1)"},
	{"ALTER TABLE \"x\" ALTER COLUMN \"a\" SET DATA TYPE BIGINT, ALTER COLUMN \"a\" SET DEFAULT "
	 "0, ALTER COLUMN \"a\" SET NOT NULL",
	 "type:a bigint | notnull:a set | default:a=0"},
	/* ActiveRecord change_column with default: and null: */
	{"ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE integer, ALTER COLUMN \"c\" SET DEFAULT 1, "
	 "ALTER COLUMN \"c\" SET NOT NULL",
	 "type:c int4 | notnull:c set | default:c=1"},
	/* PostgreSQL's passes: drops first, ADD COLUMN before a key on it, defaults last */
	{"ALTER TABLE t ADD UNIQUE (n), ADD COLUMN n int, DROP COLUMN b",
	 "sql:SELECT shardlite_trigger_refit('t', 0, 'b'); SELECT "
	 "shardlite_column_views_check('t', 'b'); SELECT shardlite_column_indexes_drop('t', 'b'); ALTER TABLE t DROP COLUMN b; "
	 "SELECT shardlite_forget('column', 't', 'b'); SELECT shardlite_trigger_refit('t', 1) | "
	 "sql:SELECT shardlite_column_new('t', 'n'); ALTER TABLE t ADD COLUMN n int4; SELECT "
	 "shardlite_trigger_refit('t', 1) | "
	 "key:t_n_key [key n 0+0]"},
	{"ALTER TABLE t ALTER a SET DEFAULT 2, ALTER a DROP DEFAULT, ALTER a DROP NOT NULL",
	 "default:a=NULL | notnull:a drop | default:a=2"},
	/* the default's text ends at the action's comma, not inside its parentheses or quotes */
	{"ALTER TABLE t ALTER b SET DEFAULT 'a,b', ALTER c SET DEFAULT coalesce(1, 2) /* , */, "
	 "ALTER a SET DEFAULT $$x,y$$",
	 "default:b='a,b' | default:c=coalesce(1, 2) /* , */ | default:a=$$x,y$$"},
	{"ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0), ALTER COLUMN a TYPE bigint USING a * 2, "
	 "DROP CONSTRAINT old",
	 "dropcon:old | type:a bigint | check:k"},
	{"ALTER TABLE t OWNER TO CURRENT_USER, ADD COLUMN z int",
	 "sql:SELECT shardlite_column_new('t', 'z'); ALTER TABLE t ADD COLUMN z int4; SELECT "
	 "shardlite_trigger_refit('t', 1) | "
	 "sql:SELECT shardlite_owner_check('t', NULL)"},
	/* refused alone, refused in a list */
	{"ALTER TABLE t ADD COLUMN f int, ALTER COLUMN a SET STATISTICS 100", "!0A000"},
	{"ALTER TABLE t ADD COLUMN f int, ADD CONSTRAINT k UNIQUE (a) NOT VALID", "!0A000"},
	/* NOT VALID: the constraint's text carries the mark; VALIDATE CONSTRAINT */
	{"ALTER TABLE t ADD COLUMN f int, ADD CONSTRAINT k CHECK (a > 0) NOT VALID",
	 "sql:SELECT shardlite_column_new('t', 'f'); ALTER TABLE t ADD COLUMN f int4; SELECT "
	 "shardlite_trigger_refit('t', 1) | check:k not valid"},
	{"ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p NOT VALID", "fkey:t_a_fkey not valid"},
	{"ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0)", "check:k"},
	{"ALTER TABLE t VALIDATE CONSTRAINT k", "validate:k"},
	{"ALTER TABLE t SET (fillfactor = 60, toast.autovacuum_enabled = off)",
	 "reloptions set:fillfactor=60"},
	{"ALTER TABLE t RESET (fillfactor, autovacuum_enabled)",
	 "reloptions reset:fillfactor\nautovacuum_enabled"},
	{"ALTER TABLE t SET (fillfactor = 5)", "!22023"},
	/* ALTER CONSTRAINT: a foreign key's deferrability, each part as PostgreSQL's grammar
	 * sets it (INITIALLY DEFERRED alone makes it DEFERRABLE; nothing said: NOT) */
	{"ALTER TABLE t ALTER CONSTRAINT k DEFERRABLE INITIALLY DEFERRED",
	 "altercon:k deferrable deferred"},
	{"ALTER TABLE t ALTER CONSTRAINT k DEFERRABLE", "altercon:k deferrable"},
	{"ALTER TABLE t ALTER CONSTRAINT k INITIALLY DEFERRED", "altercon:k deferrable deferred"},
	{"ALTER TABLE t ALTER CONSTRAINT k NOT DEFERRABLE", "altercon:k"},
	{"ALTER TABLE t ALTER CONSTRAINT k NOT DEFERRABLE INITIALLY DEFERRED", "!42601"},
	{"ALTER TABLE t ADD COLUMN f int, ALTER CONSTRAINT k DEFERRABLE",
	 "sql:SELECT shardlite_column_new('t', 'f'); ALTER TABLE t ADD COLUMN f int4; SELECT "
	 "shardlite_trigger_refit('t', 1) | altercon:k deferrable"},
	{"ALTER TABLE t ALTER COLUMN g DROP EXPRESSION", "dropexpr:g"},
	{"ALTER TABLE t ALTER g DROP EXPRESSION IF EXISTS, ALTER a TYPE bigint",
	 "dropexpr:g if exists | type:a bigint"},
	{"ALTER TABLE t ADD COLUMN f int, VALIDATE CONSTRAINT k",
	 "sql:SELECT shardlite_column_new('t', 'f'); ALTER TABLE t ADD COLUMN f int4; SELECT "
	 "shardlite_trigger_refit('t', 1) | validate:k"},
	{"ALTER TABLE t ADD COLUMN f int, ALTER COLUMN a TYPE bigserial", "!42704"},
	/* IF EXISTS: the first action says so; DROP COLUMN IF EXISTS names its column */
	{"ALTER TABLE IF EXISTS t ADD COLUMN f int, DROP COLUMN IF EXISTS e",
	 "if exists: drop e if there: sql:SELECT shardlite_trigger_refit('t', 0, 'e'); SELECT "
	 "shardlite_column_views_check('t', 'e'); SELECT shardlite_column_indexes_drop('t', 'e'); ALTER TABLE t DROP COLUMN e; SELECT "
	 "shardlite_forget('column', 't', 'e'); SELECT shardlite_trigger_refit('t', 1) | sql:SELECT "
	 "shardlite_column_new('t', 'f'); ALTER TABLE t ADD COLUMN f int4; SELECT "
	 "shardlite_trigger_refit('t', 1)"},
	{"ALTER TABLE IF EXISTS t ALTER a SET NOT NULL", "if exists: notnull:a set"},
	{"ALTER TABLE t DROP COLUMN IF EXISTS e",
	 "drop e if there: sql:SELECT shardlite_trigger_refit('t', 0, 'e'); SELECT "
	 "shardlite_column_views_check('t', 'e'); SELECT shardlite_column_indexes_drop('t', 'e'); ALTER TABLE t DROP COLUMN e; SELECT "
	 "shardlite_forget('column', 't', 'e'); SELECT shardlite_trigger_refit('t', 1)"},
	{"ALTER TABLE t RENAME CONSTRAINT k TO l", "rename:k->l"},
	/* CREATE TABLE ... (LIKE src): made when it runs, from src's definition then */
	{"CREATE TABLE x (LIKE t)", "like:t 0"},
	{"CREATE TEMP TABLE x (LIKE t INCLUDING DEFAULTS INCLUDING INDEXES)", "like:t 72 temp"},
	{"CREATE TABLE IF NOT EXISTS x (LIKE t INCLUDING ALL EXCLUDING COMMENTS)",
	 "like:t 2147483646 if not exists"},
	{"ALTER TABLE IF EXISTS t RENAME CONSTRAINT k TO l", "if exists: rename:k->l"},
	/* a relation's RENAME TO: how is decided by what it is when it runs */
	{"ALTER TABLE t RENAME TO u", "rename r:t->u"},
	{"ALTER INDEX IF EXISTS t RENAME TO j", "rename i:t->j if exists"},
	{"ALTER VIEW public.t RENAME TO w", "rename v:t->w"},
	{"ALTER SEQUENCE t RENAME TO s2", "rename S:t->s2"},
	{"ALTER TABLE IF EXISTS t RENAME COLUMN a TO b",
	 "if exists: sql:ALTER TABLE t RENAME COLUMN a TO b; SELECT shardlite_renamed('t', 'a', "
	 "'b'); SELECT shardlite_generated_renamed('t', 'a', 'b'); SELECT "
	 "shardlite_index_renamed('t', 'a', 'b'); SELECT "
	 "shardlite_trigger_renamed('t', 'a', 'b')"},
	/* as PostgreSQL: one type change per column */
	{"ALTER TABLE t ALTER a TYPE int, ALTER a TYPE bigint", "!0A000"},
	/* names PostgreSQL chooses: a digit after the label when taken, cut to 63 bytes */
	{"CREATE INDEX ON t (b)", "sql:CREATE INDEX t_b_idx ON t (b) [idx b 13+7]"},
	{"CREATE UNIQUE INDEX ON t (lower(b), (a + 1), (c::int))",
	 "sql:CREATE UNIQUE INDEX t_lower_expr_c_idx ON t (lower(b), (a + 1), CAST(iif(typeof(c) = "
	 "'real', round(c), c) AS INTEGER)) [idx lower_expr_c 20+18]"},
	{"CREATE INDEX ON t (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, b)",
	 "sql:CREATE INDEX t_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_idx ON t "
	 "(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, b) "
	 "[idx aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_b 13+63]"},
	{"ALTER TABLE t ADD CHECK (a > 0 AND b <> '')", "check:t_check [check  11+7]"},
	{"ALTER TABLE t ADD CHECK (a > 0 AND a < 9)", "check:t_a_check [check a 11+9]"},
	{"ALTER TABLE t ADD CHECK (1 > 0), ADD CONSTRAINT k CHECK (a > 0)",
	 "check:t_check [check  11+7] | check:k"},
	{"ALTER TABLE t ADD UNIQUE (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)",
	 "key:t_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_key "
	 "[key aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 0+0]"},
	{"ALTER TABLE t ADD CONSTRAINT k UNIQUE (a)", "key:k"},
};

static void describe(struct strbuf *sb, const struct xlat_rebuild *r)
{
	if (r->if_exists)
		strbuf_puts(sb, "if exists: ");
	if (r->kind == XLAT_RB_SCRIPT && r->missing_ok)
		strbuf_printf(sb, "drop %s if there: ", r->column);
	switch (r->kind) {
	case XLAT_RB_SCRIPT:
		strbuf_printf(sb, "sql:%s", r->script);
		break;
	case XLAT_RB_SET_DEFAULT:
		strbuf_printf(sb, "default:%s=%s", r->column,
			      r->default_pg ? r->default_pg : "NULL");
		break;
	case XLAT_RB_ALTER_TYPE:
		strbuf_printf(sb, "type:%s %s", r->column, r->decl);
		break;
	case XLAT_RB_NOT_NULL:
		strbuf_printf(sb, "notnull:%s %s", r->column, r->not_null ? "set" : "drop");
		break;
	case XLAT_RB_DROP_CONSTRAINT:
		strbuf_printf(sb, "dropcon:%s", r->name);
		break;
	case XLAT_RB_VALIDATE:
		strbuf_printf(sb, "validate:%s", r->name);
		break;
	case XLAT_RB_RELOPTIONS:
		strbuf_printf(sb, "reloptions %s:%s", r->name, r->constraint);
		break;
	case XLAT_RB_ALTER_CONSTRAINT:
		strbuf_printf(sb, "altercon:%s%s%s", r->name, r->deferrable ? " deferrable" : "",
			      r->initdeferred ? " deferred" : "");
		break;
	case XLAT_RB_DROP_EXPRESSION:
		strbuf_printf(sb, "dropexpr:%s%s", r->column, r->missing_ok ? " if exists" : "");
		break;
	case XLAT_RB_ADD_COLUMN:
		strbuf_printf(sb, "add:%s", r->column);
		break;
	case XLAT_RB_DOMAIN:
		strbuf_printf(sb, "domain:%s.%s%s", r->table, r->column, r->constraint);
		break;
	case XLAT_RB_KEY:
		strbuf_printf(sb, "key:%s", r->name);
		break;
	case XLAT_RB_FOREIGN:
	case XLAT_RB_CHECK:
		strbuf_printf(sb, "%s:%s%s", r->kind == XLAT_RB_CHECK ? "check" : "fkey", r->name,
			      strstr(r->constraint, CATALOG_NOT_VALID_MARK) ? " not valid" : "");
		break;
	case XLAT_RB_RENAME_CONSTRAINT:
		strbuf_printf(sb, "rename:%s->%s", r->name, r->new_name);
		break;
	case XLAT_RB_RENAME:
		strbuf_printf(sb, "rename %c:%s->%s%s", r->rename_kind, r->table, r->new_name,
			      r->missing_ok ? " if exists" : "");
		break;
	case XLAT_RB_LIKE:
		strbuf_printf(sb, "like:%s %u%s%s", r->ref_table, r->like_options,
			      r->temp ? " temp" : "", r->missing_ok ? " if not exists" : "");
		break;
	}
	if (r->label)
		strbuf_printf(sb, " [%s %s %zu+%zu]", r->label, r->name_cols ? r->name_cols : "",
			      r->name_at, r->name_len);
}

START_TEST(test_alter_multi)
{
	const struct acase *x = &cases[_i];
	struct arena *a = arena_new(0);
	struct xlat_stmt *v = NULL;
	size_t n = 0;
	struct pgerr e;
	pgerr_clear(&e);
	bool ok = xlat_translate(x->pg, NULL, 0, a, &v, &n, &e);
	if (x->want[0] == '!') {
		ck_assert_msg(!ok, "%s: want %s, translated", x->pg, x->want);
		ck_assert_msg(strcmp(e.sqlstate, x->want + 1) == 0, "%s: want %s, got %s: %s",
			      x->pg, x->want + 1, e.sqlstate, e.message);
	} else {
		ck_assert_msg(ok, "%s: %s %s", x->pg, e.sqlstate, e.message);
		ck_assert_int_eq(n, 1);
		ck_assert_int_eq(v[0].kind, XLAT_REBUILD);
		ck_assert_str_eq(v[0].tag, strncmp(x->pg, "ALTER INDEX", 11) == 0      ? "ALTER INDEX"
					   : strncmp(x->pg, "ALTER VIEW", 10) == 0     ? "ALTER VIEW"
					   : strncmp(x->pg, "ALTER SEQUENCE", 14) == 0 ? "ALTER SEQUENCE"
					   : x->pg[0] == 'A'			       ? "ALTER TABLE"
					   : strstr(x->pg, "LIKE")		       ? "CREATE TABLE"
									       : "CREATE INDEX");
		struct strbuf sb;
		strbuf_init(&sb, 0);
		for (const struct xlat_rebuild *r = v[0].rebuild; r; r = r->next) {
			strbuf_puts(&sb, r == v[0].rebuild ? "" : " | ");
			/* the tests' tables: t, and x for Prisma's */
			ck_assert(strcmp(r->table, "t") == 0 || strcmp(r->table, "x") == 0);
			describe(&sb, r);
		}
		ck_assert_msg(strcmp(sb.data, x->want) == 0, "%s\n  want %s\n  got  %s", x->pg,
			      x->want, sb.data);
		strbuf_fini(&sb);
	}
	arena_free(a);
}
END_TEST

/* DROP CONSTRAINT / DROP EXPRESSION IF EXISTS note what the session looks up for PostgreSQL's
 * NOTICE (constraint "c" of relation "t" does not exist, skipping); not in another schema. */
START_TEST(test_alter_skip_notes)
{
	struct arena *a = arena_new(0);
	const struct xlat_stmt *st = xtranslate(
		"ALTER TABLE t DROP CONSTRAINT IF EXISTS c1, DROP CONSTRAINT IF EXISTS c2", NULL, 0,
		1, a);
	ck_assert_str_eq(st->skip_type, "relation constraint");
	ck_assert_str_eq(st->skip_of, "t");
	ck_assert_uint_eq(st->nskip_names, 2);
	ck_assert_str_eq(st->skip_names[0], "c1");
	ck_assert_str_eq(st->skip_names[1], "c2");
	ck_assert(!st->skip_present);
	st = xtranslate("ALTER TABLE t ALTER COLUMN a DROP EXPRESSION IF EXISTS", NULL, 0, 1, a);
	ck_assert_str_eq(st->skip_type, "generated column");
	ck_assert_str_eq(st->skip_names[0], "a");
	st = xtranslate("ALTER TABLE t DROP CONSTRAINT c1", NULL, 0, 1, a);
	ck_assert_ptr_null(st->skip_type);
	arena_free(a);
}
END_TEST

Suite *xlat_suite_alter(void)
{
	Suite *s = suite_create("xlat_alter");
	TCase *tc = tcase_create("alter");
	tcase_add_loop_test(tc, test_alter_multi, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_alter_skip_notes);
	suite_add_tcase(s, tc);
	return s;
}
