/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_extlist.c: the extensions whose features shardlite has built in, one row each — what
 * CREATE EXTENSION accepts (xlat_utility.c), the version and comment pg_extension and
 * pg_description show (src/catalog/catalog_ext.c), and the XLAT_EXT_* bit that makes its
 * functions exist once the tenant created it (src/session/sess_types.c, xlat_func.c). */
#include "xlat_int.h"

#include <string.h>

/* Versions are those PostgreSQL 15 installs by default; comments are the control files'. */
static const struct xlat_extension extensions[] = {
	/* always there (initdb's, in pg_catalog): CREATE EXTENSION plpgsql is 42710 */
	{"plpgsql", "1.0", "PL/pgSQL procedural language", 0},
	{"uuid-ossp", "1.1", "generate universally unique identifiers (UUIDs)", XLAT_EXT_UUID_OSSP},
	{"btree_gist", "1.7", "support for indexing common datatypes in GiST", 0},
	{"pgcrypto", "1.3", "cryptographic functions", XLAT_EXT_PGCRYPTO},
	{"pg_trgm", "1.6", "text similarity measurement and index searching based on trigrams",
	 XLAT_EXT_PG_TRGM},
	{"fuzzystrmatch", "1.1", "determine similarities and distance between strings",
	 XLAT_EXT_FUZZYSTRMATCH},
	{"citext", "1.6", "data type for case-insensitive character strings", XLAT_EXT_CITEXT},
};

const struct xlat_extension *xlat_extension_find(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_LEN(extensions); i++)
		if (strcmp(extensions[i].name, name) == 0)
			return &extensions[i];
	return NULL;
}

const struct xlat_extension *xlat_extension_at(size_t i)
{
	return i < ARRAY_LEN(extensions) ? &extensions[i] : NULL;
}
