/* SPDX-License-Identifier: Apache-2.0 */
/* test_copy_main.c: runs the copy module's suites, and the option builder they share. */
#include "copy_test.h"

#include <stdlib.h>
#include <string.h>
#include "../../check_run.h"

bool copy_test_opts(struct copy_opts *o, bool from, const char *desc, struct arena *a,
		    struct pgerr *err)
{
	struct copy_option v[16];
	size_t n = 0;
	char *copy = arena_strdup(a, desc), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok && n < 16;
	     tok = strtok_r(NULL, ",", &save)) {
		struct copy_option *d = &v[n++];
		char *eq = strchr(tok, '=');
		memset(d, 0, sizeof(*d));
		d->name = tok;
		d->position = (int)n;
		if (!eq) {
			d->kind = COPY_ARG_NONE;
			continue;
		}
		*eq = '\0';
		if (strncmp(tok, "force_", 6) != 0) {
			d->kind = COPY_ARG_STRING;
			d->value = eq + 1;
		} else if (strcmp(eq + 1, "*") == 0) {
			d->kind = COPY_ARG_STAR;
		} else {
			const char **list = arena_alloc(a, 8 * sizeof(char *));
			char *s2 = NULL;
			for (char *c = strtok_r(eq + 1, "+", &s2); c && d->nlist < 8;
			     c = strtok_r(NULL, "+", &s2))
				list[d->nlist++] = c;
			d->kind = COPY_ARG_LIST;
			d->list = list;
		}
	}
	pgerr_clear(err);
	return copy_opts_parse(o, from, v, n, a, err);
}

int main(void)
{
	SRunner *sr = srunner_create(copy_test_opts_suite());
	srunner_add_suite(sr, copy_test_parse_suite());
	srunner_add_suite(sr, copy_test_out_suite());
	return check_run_runner(sr);
}
