/* SPDX-License-Identifier: Apache-2.0 */
/* config_test_live.c: snapshot reference counts and the live cell a reload publishes through —
 * a pinned snapshot outlives its replacement, and readers re-pinning while a publisher swaps
 * snapshots always see a whole one (run under ThreadSanitizer by scripts/tsan). */
#include <pthread.h>

#include "config_test.h"

/* A snapshot whose max_result_bytes tells it apart from the others. */
static struct config *snapshot(const char *max_result)
{
	struct config_builder *b = config_builder_new();
	char err[256];
	ck_assert(config_builder_set(b, "max_result_bytes", max_result, err, sizeof(err)));
	struct config *c = config_builder_build(b);
	config_builder_free(b);
	return c;
}

START_TEST(ref_keeps_the_snapshot)
{
	struct config *c = snapshot("1MB");
	const struct config *held = config_ref(c);
	config_free(c); /* the builder's reference */
	ck_assert_int_eq(held->max_result_bytes, 1024 * 1024);
	ck_assert_str_eq(held->data_dir, "./data");
	config_unref(held); /* the last: freed here (ASan and valgrind see a leak otherwise) */
	config_unref(NULL);
}
END_TEST

START_TEST(pinned_outlives_publish)
{
	struct config_live *l = config_live_new(snapshot("1MB"));
	const struct config *pin = config_live_pin(l);
	ck_assert(!config_live_stale(l, pin));
	config_live_publish(l, snapshot("2MB"));
	ck_assert(config_live_stale(l, pin));
	ck_assert_int_eq(pin->max_result_bytes, 1024 * 1024); /* still readable */
	config_live_refresh(l, &pin);
	ck_assert(!config_live_stale(l, pin));
	ck_assert_int_eq(pin->max_result_bytes, 2 * 1024 * 1024);
	config_live_refresh(l, &pin); /* current: nothing changes */
	ck_assert_int_eq(pin->max_result_bytes, 2 * 1024 * 1024);
	config_live_free(l);
	ck_assert_str_eq(pin->data_dir, "./data"); /* the pin outlives the cell too */
	config_unref(pin);
}
END_TEST

#define READERS 4
#define ROUNDS 2000

struct reader {
	struct config_live *live;
	long bad; /* snapshots read whose fields disagree */
};

/* Every snapshot published below has max_result_bytes = k MB and data_dir "d<k>". */
static void *read_loop(void *arg)
{
	struct reader *r = arg;
	const struct config *pin = config_live_pin(r->live);
	for (int i = 0; i < ROUNDS * 4; i++) {
		config_live_refresh(r->live, &pin);
		char want[32];
		snprintf(want, sizeof(want), "d%lld", (long long)(pin->max_result_bytes >> 20));
		if (strcmp(pin->data_dir, want) != 0)
			r->bad++;
	}
	config_unref(pin);
	return NULL;
}

static struct config *numbered(int k)
{
	struct config_builder *b = config_builder_new();
	char err[256], mb[32], dir[32];
	snprintf(mb, sizeof(mb), "%dMB", k);
	snprintf(dir, sizeof(dir), "d%d", k);
	ck_assert(config_builder_set(b, "max_result_bytes", mb, err, sizeof(err)));
	ck_assert(config_builder_set(b, "data_dir", dir, err, sizeof(err)));
	struct config *c = config_builder_build(b);
	config_builder_free(b);
	return c;
}

START_TEST(readers_race_publisher)
{
	struct config_live *l = config_live_new(numbered(1));
	struct reader r[READERS];
	pthread_t t[READERS];
	for (int i = 0; i < READERS; i++) {
		r[i] = (struct reader){.live = l};
		ck_assert_int_eq(pthread_create(&t[i], NULL, read_loop, &r[i]), 0);
	}
	for (int k = 2; k < ROUNDS; k++)
		config_live_publish(l, numbered(k));
	for (int i = 0; i < READERS; i++) {
		pthread_join(t[i], NULL);
		ck_assert_int_eq(r[i].bad, 0);
	}
	config_live_free(l);
}
END_TEST

Suite *config_test_live_suite(void)
{
	Suite *s = suite_create("config_live");
	TCase *tc = tcase_create("live");
	tcase_add_test(tc, ref_keeps_the_snapshot);
	tcase_add_test(tc, pinned_outlives_publish);
	tcase_add_test(tc, readers_race_publisher);
	suite_add_tcase(s, tc);
	return s;
}
