/* SPDX-License-Identifier: Apache-2.0 */
/* test_exec.c: the worker pool — jobs run on workers and complete on the loop thread, several
 * run at once, posts from other threads collapse into one completion, quiesce waits for work
 * that completions submit, freeing a busy pool waits for it, a job bound to a second loop's
 * sink completes on that loop's thread, and posts from other threads are never lost. */
#include <check.h>
#include <event2/event.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exec.h"
#include "../../check_run.h"

struct tjob {
	struct exec_job job; /* first: the job pointer is the tjob pointer */
	pthread_t ran_on;
	pthread_t done_on;
	int *done_count;
	int resubmit; /* done_fn submits the job again this many times */
	struct exec_pool *pool;
	useconds_t sleep_us;
};

static pthread_t loop_thread;

static void t_run(struct exec_job *j)
{
	struct tjob *t = (struct tjob *)j;
	t->ran_on = pthread_self();
	if (t->sleep_us)
		usleep(t->sleep_us);
}

static void t_done(struct exec_job *j)
{
	struct tjob *t = (struct tjob *)j;
	t->done_on = pthread_self();
	(*t->done_count)++;
	if (t->resubmit > 0) {
		t->resubmit--;
		exec_submit(t->pool, j);
	}
}

/* Runs the loop until *count reaches want (or ~5 s pass). */
static void loop_until(struct event_base *base, int *count, int want)
{
	for (int i = 0; i < 5000 && *count < want; i++) {
		struct timeval tv = {0, 1000};
		event_base_loopexit(base, &tv);
		event_base_dispatch(base);
	}
}

START_TEST(jobs_run_on_workers_and_complete_on_loop)
{
	struct event_base *base = event_base_new();
	char err[128];
	struct exec_pool *p = exec_pool_new(base, 3, err, sizeof(err));
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(exec_pool_threads(p), 3);
	loop_thread = pthread_self();
	enum { N = 200 };
	struct tjob *jobs = calloc(N, sizeof(*jobs));
	int done = 0;
	for (int i = 0; i < N; i++) {
		exec_job_init(&jobs[i].job, t_run, t_done);
		jobs[i].done_count = &done;
		exec_submit(p, &jobs[i].job);
	}
	loop_until(base, &done, N);
	ck_assert_int_eq(done, N);
	for (int i = 0; i < N; i++) {
		ck_assert(!pthread_equal(jobs[i].ran_on, loop_thread));
		ck_assert(pthread_equal(jobs[i].done_on, loop_thread));
	}
	ck_assert_uint_eq(exec_pending(p), 0);
	exec_pool_free(p);
	event_base_free(base);
	free(jobs);
}
END_TEST

/* Two jobs that each wait for the other to start can only finish on two threads at once. */
static atomic_int rendezvous;

static void meet_run(struct exec_job *j)
{
	atomic_fetch_add(&rendezvous, 1);
	for (int i = 0; i < 5000 && atomic_load(&rendezvous) < 2; i++)
		usleep(1000);
	((struct tjob *)j)->sleep_us = atomic_load(&rendezvous) >= 2 ? 1 : 0; /* 1 = met */
}

START_TEST(jobs_run_in_parallel)
{
	struct event_base *base = event_base_new();
	char err[128];
	struct exec_pool *p = exec_pool_new(base, 2, err, sizeof(err));
	ck_assert_ptr_nonnull(p);
	struct tjob a = {0}, b = {0};
	int done = 0;
	exec_job_init(&a.job, meet_run, t_done);
	exec_job_init(&b.job, meet_run, t_done);
	a.done_count = b.done_count = &done;
	exec_submit(p, &a.job);
	exec_submit(p, &b.job);
	loop_until(base, &done, 2);
	ck_assert_int_eq(done, 2);
	ck_assert_uint_eq(a.sleep_us, 1);
	ck_assert_uint_eq(b.sleep_us, 1);
	exec_pool_free(p);
	event_base_free(base);
}
END_TEST

struct poster {
	struct exec_pool *pool;
	struct exec_job *job;
};

static void *post_many(void *arg)
{
	struct poster *ps = arg;
	for (int i = 0; i < 1000; i++)
		exec_post(ps->pool, ps->job);
	return NULL;
}

START_TEST(posts_collapse_and_complete_on_loop)
{
	struct event_base *base = event_base_new();
	char err[128];
	struct exec_pool *p = exec_pool_new(base, 1, err, sizeof(err));
	ck_assert_ptr_nonnull(p);
	loop_thread = pthread_self();
	struct tjob t = {0};
	int done = 0;
	exec_job_init(&t.job, NULL, t_done);
	t.done_count = &done;
	struct poster ps = {p, &t.job};
	pthread_t th[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, post_many, &ps);
	for (int i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	/* 4000 posts while the loop did not run: one completion. */
	loop_until(base, &done, 1);
	ck_assert_int_eq(done, 1);
	ck_assert(pthread_equal(t.done_on, loop_thread));
	/* Once done, a post completes again. */
	exec_post(p, &t.job);
	loop_until(base, &done, 2);
	ck_assert_int_eq(done, 2);
	exec_pool_free(p);
	event_base_free(base);
}
END_TEST

START_TEST(quiesce_waits_for_resubmitted_work)
{
	struct event_base *base = event_base_new();
	char err[128];
	struct exec_pool *p = exec_pool_new(base, 2, err, sizeof(err));
	ck_assert_ptr_nonnull(p);
	struct tjob t = {0};
	int done = 0;
	exec_job_init(&t.job, t_run, t_done);
	t.done_count = &done;
	t.pool = p;
	t.sleep_us = 20000;
	t.resubmit = 3;
	exec_submit(p, &t.job);
	exec_quiesce(p); /* without running the loop */
	ck_assert_int_eq(done, 4);
	ck_assert_uint_eq(exec_pending(p), 0);
	exec_pool_free(p);
	event_base_free(base);
}
END_TEST

START_TEST(free_waits_for_running_jobs)
{
	struct event_base *base = event_base_new();
	char err[128];
	struct exec_pool *p = exec_pool_new(base, 0, err, sizeof(err));
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_ge(exec_pool_threads(p), 4);
	struct tjob t[8];
	memset(t, 0, sizeof(t));
	int done = 0;
	for (int i = 0; i < 8; i++) {
		exec_job_init(&t[i].job, t_run, t_done);
		t[i].done_count = &done;
		t[i].sleep_us = 10000;
		exec_submit(p, &t[i].job);
	}
	exec_pool_free(p);
	ck_assert_int_eq(done, 8);
	event_base_free(base);
}
END_TEST

/* A done_fn that posts a job still waiting in the same batch: a no-op, and nothing after it in
 * the batch is lost or run twice. */
static struct exec_pool *batch_pool;
static struct tjob batch[3];
static int batch_done[3];

static void batch_fn(struct exec_job *j)
{
	struct tjob *t = (struct tjob *)j;
	(*t->done_count)++;
	if (t == &batch[0] && batch_done[0] == 1) {
		exec_post(batch_pool, &batch[1].job); /* still queued in this batch */
		exec_post(batch_pool, &batch[0].job); /* done: queues again, runs once more */
	}
}

START_TEST(post_during_batch_keeps_the_batch)
{
	struct event_base *base = event_base_new();
	char err[128];
	batch_pool = exec_pool_new(base, 1, err, sizeof(err));
	ck_assert_ptr_nonnull(batch_pool);
	for (int i = 0; i < 3; i++) {
		exec_job_init(&batch[i].job, NULL, batch_fn);
		batch[i].done_count = &batch_done[i];
		exec_post(batch_pool, &batch[i].job);
	}
	int total = 0;
	for (int i = 0; i < 50; i++) {
		struct timeval tv = {0, 1000};
		event_base_loopexit(base, &tv);
		event_base_dispatch(base);
		total = batch_done[0] + batch_done[1] + batch_done[2];
	}
	ck_assert_int_eq(batch_done[0], 2); /* reposted once from its own done_fn */
	ck_assert_int_eq(batch_done[1], 1);
	ck_assert_int_eq(batch_done[2], 1);
	ck_assert_int_eq(total, 4);
	exec_pool_free(batch_pool);
	event_base_free(base);
}
END_TEST

START_TEST(quiesce_for_gives_up_then_succeeds)
{
	struct event_base *base = event_base_new();
	char err[128];
	struct exec_pool *p = exec_pool_new(base, 1, err, sizeof(err));
	ck_assert_ptr_nonnull(p);
	struct tjob t = {0};
	int done = 0;
	exec_job_init(&t.job, t_run, t_done);
	t.done_count = &done;
	t.sleep_us = 300000;
	exec_submit(p, &t.job);
	ck_assert(!exec_quiesce_for(p, 20));
	ck_assert_int_eq(done, 0);
	ck_assert(exec_quiesce_for(p, 5000));
	ck_assert_int_eq(done, 1);
	exec_pool_free(p);
	event_base_free(base);
}
END_TEST

/* A second event loop on a thread of its own, as net's loop threads. */
struct loop2 {
	struct event_base *base;
	atomic_bool stop;
	pthread_t thread;
};

static void *loop2_main(void *arg)
{
	struct loop2 *l = arg;
	while (!atomic_load(&l->stop)) {
		struct timeval tv = {0, 1000};
		event_base_loopexit(l->base, &tv);
		event_base_dispatch(l->base);
	}
	return NULL;
}

struct sjob {
	struct exec_job job; /* first */
	pthread_t done_on;
	atomic_int *done;
};

static void s_run(struct exec_job *j) { (void)j; }

static void s_done(struct exec_job *j)
{
	struct sjob *t = (struct sjob *)j;
	t->done_on = pthread_self();
	atomic_fetch_add(t->done, 1);
}

START_TEST(sink_completes_on_its_own_loop)
{
	struct event_base *base = event_base_new();
	char err[128];
	struct exec_pool *p = exec_pool_new(base, 2, err, sizeof(err));
	ck_assert_ptr_nonnull(p);
	struct loop2 l = {.base = event_base_new()};
	struct exec_sink *sink = exec_sink_new(p, l.base, err, sizeof(err));
	ck_assert_ptr_nonnull(sink);
	pthread_create(&l.thread, NULL, loop2_main, &l);
	enum { N = 50 };
	struct sjob jobs[N + 1];
	atomic_int done = 0;
	for (int i = 0; i < N; i++) {
		exec_job_init(&jobs[i].job, s_run, s_done);
		exec_job_bind(&jobs[i].job, sink);
		jobs[i].done = &done;
		exec_submit(p, &jobs[i].job);
	}
	exec_job_init(&jobs[N].job, NULL, s_done); /* a post from this thread */
	exec_job_bind(&jobs[N].job, sink);
	jobs[N].done = &done;
	exec_post(p, &jobs[N].job);
	for (int i = 0; i < 5000 && atomic_load(&done) < N + 1; i++)
		usleep(1000);
	ck_assert_int_eq(atomic_load(&done), N + 1);
	for (int i = 0; i <= N; i++)
		ck_assert(pthread_equal(jobs[i].done_on, l.thread));
	/* With the loop stopped, quiesce runs its completions on the calling thread. */
	atomic_store(&l.stop, true);
	pthread_join(l.thread, NULL);
	exec_submit(p, &jobs[0].job);
	exec_quiesce(p);
	ck_assert_int_eq(atomic_load(&done), N + 2);
	ck_assert(pthread_equal(jobs[0].done_on, pthread_self()));
	exec_sink_free(sink);
	exec_pool_free(p);
	event_base_free(l.base);
	event_base_free(base);
}
END_TEST

/* Posts from several threads to one loop's sink while its loop drains it and workers complete
 * jobs on it: every post made after the job's last completion started runs the job again (a
 * lost eventfd write would leave a poster waiting), always on that loop's thread. */
struct pjob {
	struct exec_job job; /* first */
	atomic_int done;
	atomic_bool wrong_thread;
	pthread_t loop;
	struct exec_pool *pool;
	atomic_bool stuck;
};

static void p_done(struct exec_job *j)
{
	struct pjob *t = (struct pjob *)j;
	if (!pthread_equal(pthread_self(), t->loop))
		atomic_store(&t->wrong_thread, true);
	atomic_fetch_add(&t->done, 1);
}

static void *post_and_wait(void *arg)
{
	struct pjob *t = arg;
	for (int i = 0; i < 500; i++) {
		int before = atomic_load(&t->done);
		exec_post(t->pool, &t->job);
		int n = 0;
		while (atomic_load(&t->done) == before && n++ < 5000)
			usleep(1000);
		if (atomic_load(&t->done) == before) {
			atomic_store(&t->stuck, true);
			break;
		}
	}
	return NULL;
}

START_TEST(posts_from_threads_are_never_lost)
{
	struct event_base *base = event_base_new();
	char err[128];
	struct exec_pool *p = exec_pool_new(base, 2, err, sizeof(err));
	ck_assert_ptr_nonnull(p);
	struct loop2 l = {.base = event_base_new()};
	struct exec_sink *sink = exec_sink_new(p, l.base, err, sizeof(err));
	ck_assert_ptr_nonnull(sink);
	pthread_create(&l.thread, NULL, loop2_main, &l);
	enum { NP = 4, NW = 200 };
	struct pjob posted[NP];
	pthread_t th[NP];
	for (int i = 0; i < NP; i++) {
		memset(&posted[i], 0, sizeof(posted[i]));
		exec_job_init(&posted[i].job, NULL, p_done);
		exec_job_bind(&posted[i].job, sink);
		posted[i].loop = l.thread;
		posted[i].pool = p;
		pthread_create(&th[i], NULL, post_and_wait, &posted[i]);
	}
	/* worker completions on the same sink meanwhile (submitted from here: the test's
	 * stand-in for the loop, which the pool allows as long as each job is submitted once) */
	static struct sjob work[NW];
	atomic_int wdone = 0;
	for (int i = 0; i < NW; i++) {
		exec_job_init(&work[i].job, s_run, s_done);
		exec_job_bind(&work[i].job, sink);
		work[i].done = &wdone;
		exec_submit(p, &work[i].job);
	}
	for (int i = 0; i < NP; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < 5000 && atomic_load(&wdone) < NW; i++)
		usleep(1000);
	ck_assert_int_eq(atomic_load(&wdone), NW);
	for (int i = 0; i < NP; i++) {
		ck_assert(!atomic_load(&posted[i].stuck));
		ck_assert(!atomic_load(&posted[i].wrong_thread));
		ck_assert_int_ge(atomic_load(&posted[i].done), 500);
	}
	atomic_store(&l.stop, true);
	pthread_join(l.thread, NULL);
	exec_quiesce(p);
	exec_sink_free(sink);
	exec_pool_free(p);
	event_base_free(l.base);
	event_base_free(base);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("exec");
	TCase *tc = tcase_create("pool");
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, jobs_run_on_workers_and_complete_on_loop);
	tcase_add_test(tc, jobs_run_in_parallel);
	tcase_add_test(tc, posts_collapse_and_complete_on_loop);
	tcase_add_test(tc, post_during_batch_keeps_the_batch);
	tcase_add_test(tc, quiesce_waits_for_resubmitted_work);
	tcase_add_test(tc, quiesce_for_gives_up_then_succeeds);
	tcase_add_test(tc, free_waits_for_running_jobs);
	tcase_add_test(tc, sink_completes_on_its_own_loop);
	tcase_add_test(tc, posts_from_threads_are_never_lost);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
