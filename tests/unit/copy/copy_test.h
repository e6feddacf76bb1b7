/* SPDX-License-Identifier: Apache-2.0 */
/* copy_test.h: helpers shared by the copy module's unit tests. */
#ifndef SHARDLITE_COPY_TEST_H
#define SHARDLITE_COPY_TEST_H

#include <check.h>

#include "copy.h"

/* Builds options from "format=csv,header,force_null=a+b" (key=value is a string, a bare key
 * has no argument, force_* take '+'-separated column lists, force_quote=* is the star) and
 * runs copy_opts_parse. */
bool copy_test_opts(struct copy_opts *o, bool from, const char *desc, struct arena *a,
		    struct pgerr *err);

/* Parses data as a COPY FROM of ncols columns named a, b, c, d, fed in chunks of `chunk`
 * bytes (0: at once): "f1|f2@line;..." then "DONE", or "ERR sqlstate message @ context".
 * Binary fields print as hex, NULL as <N>. The caller frees the result. */
char *copy_test_parse(const char *optdesc, const char *data, size_t len, size_t ncols,
		      size_t chunk);

Suite *copy_test_parse_suite(void);
Suite *copy_test_out_suite(void);
Suite *copy_test_opts_suite(void);

#endif
