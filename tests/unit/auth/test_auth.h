/* SPDX-License-Identifier: Apache-2.0 */
/* test_auth.h: the auth unit suites' shared declarations. */
#ifndef SHARDLITE_TEST_AUTH_H
#define SHARDLITE_TEST_AUTH_H

#include <check.h>
#include <string.h>

#include "auth.h"

TCase *auth_scram_tcase(void);

#endif
