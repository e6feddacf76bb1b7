/* SPDX-License-Identifier: Apache-2.0 */
/* config_test.h: the config unit suites. */
#ifndef SHARDLITE_CONFIG_TEST_H
#define SHARDLITE_CONFIG_TEST_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

Suite *config_test_keys_suite(void);
Suite *config_test_file_suite(void);
Suite *config_test_doc_suite(void);
Suite *config_test_live_suite(void);

#endif
