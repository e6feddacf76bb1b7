/* SPDX-License-Identifier: Apache-2.0 */
/* config_test_doc.c: docs/config.md against the key table — every key has a row in the keys
 * table with its type, default and reloadability, and every row names a real key. The path
 * comes from SHARDLITE_CONFIG_DOC (set by meson). */
#include "config_test.h"

#include <stdio.h>

#define MAX_ROWS 128

/* One row of the "| Key | Type | Default | Reloadable | Description |" table. */
struct doc_row {
	char key[64], type[32], def[64], reload[8];
};

static const char *type_word(enum config_type t)
{
	switch (t) {
	case CONFIG_STRING:
		return "string";
	case CONFIG_INT:
		return "integer";
	case CONFIG_BOOL:
		return "boolean";
	case CONFIG_BYTES:
		return "size";
	case CONFIG_DURATION_MS:
		return "duration";
	}
	return "?";
}

/* Copies the next '|'-separated cell of *p into out, blanks and one pair of backquotes
 * trimmed; advances *p past the cell. */
static void next_cell(const char **p, char *out, size_t len)
{
	const char *start = *p, *end = strchr(start, '|');
	if (!end)
		end = start + strlen(start);
	*p = *end ? end + 1 : end;
	while (start < end && *start == ' ')
		start++;
	while (end > start && end[-1] == ' ')
		end--;
	if (end - start >= 2 && *start == '`' && end[-1] == '`') {
		start++;
		end--;
	}
	snprintf(out, len, "%.*s", (int)(end - start), start);
}

/* Reads the rows of the keys table: lines starting with "| `". */
static size_t read_rows(struct doc_row *rows)
{
	const char *path = getenv("SHARDLITE_CONFIG_DOC");
	ck_assert_msg(path != NULL, "SHARDLITE_CONFIG_DOC is not set");
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char line[1024];
	size_t n = 0;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "| `", 3) != 0)
			continue;
		ck_assert_uint_lt(n, MAX_ROWS);
		const char *p = line + 1;
		next_cell(&p, rows[n].key, sizeof(rows[n].key));
		next_cell(&p, rows[n].type, sizeof(rows[n].type));
		next_cell(&p, rows[n].def, sizeof(rows[n].def));
		next_cell(&p, rows[n].reload, sizeof(rows[n].reload));
		n++;
	}
	fclose(f);
	return n;
}

START_TEST(every_key_documented)
{
	struct doc_row rows[MAX_ROWS];
	size_t nrows = read_rows(rows), nkeys;
	const struct config_key *keys = config_keys(&nkeys);
	for (size_t i = 0; i < nkeys; i++) {
		size_t r = 0;
		while (r < nrows && strcmp(rows[r].key, keys[i].name) != 0)
			r++;
		ck_assert_msg(r < nrows, "key %s is missing from docs/config.md", keys[i].name);
		ck_assert_msg(strcmp(rows[r].def, keys[i].default_value) == 0,
			      "%s: docs say default `%s`, table says `%s`", keys[i].name,
			      rows[r].def, keys[i].default_value);
		ck_assert_msg(strcmp(rows[r].type, type_word(keys[i].type)) == 0,
			      "%s: docs say type %s, table says %s", keys[i].name, rows[r].type,
			      type_word(keys[i].type));
		ck_assert_msg(strcmp(rows[r].reload, keys[i].reloadable ? "yes" : "no") == 0,
			      "%s: docs say reloadable %s", keys[i].name, rows[r].reload);
	}
}
END_TEST

START_TEST(no_undocumented_rows)
{
	struct doc_row rows[MAX_ROWS];
	size_t nrows = read_rows(rows), nkeys;
	const struct config_key *keys = config_keys(&nkeys);
	for (size_t r = 0; r < nrows; r++) {
		size_t i = 0;
		while (i < nkeys && strcmp(rows[r].key, keys[i].name) != 0)
			i++;
		ck_assert_msg(i < nkeys, "docs/config.md documents %s, which is not a key",
			      rows[r].key);
	}
	ck_assert_msg(nrows == nkeys, "docs/config.md has %zu rows for %zu keys (a duplicate?)",
		      nrows, nkeys);
}
END_TEST

Suite *config_test_doc_suite(void)
{
	Suite *s = suite_create("config_doc");
	TCase *tc = tcase_create("doc");
	tcase_add_test(tc, every_key_documented);
	tcase_add_test(tc, no_undocumented_rows);
	suite_add_tcase(s, tc);
	return s;
}
