/* SPDX-License-Identifier: Apache-2.0 */
/* config_int.h: what config.c and config_file.c share — the builder's layout. Private to
 * src/config; the public contract is include/config.h. */
#ifndef SHARDLITE_CONFIG_INT_H
#define SHARDLITE_CONFIG_INT_H

#include "config.h"

/* A builder is a snapshot under construction: every field always holds a valid value
 * (the defaults first), so building never fails. */
struct config_builder {
	struct config cfg;
};

#endif
