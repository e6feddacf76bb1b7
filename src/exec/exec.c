/* SPDX-License-Identifier: Apache-2.0 */
/* exec.c: the worker pool. The pool's mutex guards the work queue that workers take from;
 * each sink's own mutex guards its completion queue, which its loop thread drains when the
 * sink's eventfd says it is no longer empty. Posts (net_conn_wake: a group commit's flush
 * waking its committers, a lock holder waking the next writer) come from any thread at any
 * time; with one mutex for everything they met the loops draining and the workers taking
 * jobs (under eight clients' inserts the most contended lock of the server). Lock order: the
 * pool's before a sink's. */
#include "exec.h"

#include <errno.h>
#include <event2/event.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

struct queue {
	struct exec_job *head, *tail;
};

/* One loop's completions: queued under the sink's lock, run by the thread of base. */
struct exec_sink {
	struct exec_pool *pool;
	pthread_mutex_t lock; /* done, and the queued flag and next of the jobs on it */
	struct queue done;
	int efd;
	bool edge;     /* the eventfd is watched edge-triggered and never read (exec_sink_new) */
	int kicks_due; /* atomic: writes of efd decided and not yet done (after the lock, or
			* deferred: exec_defer_kicks); exec_sink_free waits for none */
	struct event *ev;
	struct exec_sink *next; /* the pool's list, for exec_quiesce */
};

struct exec_pool {
	pthread_mutex_t lock;   /* work, stop, sinks, and waits on done_cv */
	sem_t work_sem;         /* posted once per job queued, and once per worker at stop */
	pthread_cond_t done_cv; /* a completion was queued (for exec_quiesce) */
	struct queue work;
	struct exec_sink *own;   /* the sink of the base exec_pool_new was given */
	struct exec_sink *sinks; /* every sink, own included */
	size_t inflight;         /* atomic: submitted, done_fn not yet run */
	int quiescing;           /* atomic: threads waiting in exec_quiesce_for */
	bool stop;
	pthread_t *threads;
	size_t nthreads;
};

static void push(struct queue *q, struct exec_job *j)
{
	j->next = NULL;
	if (q->tail)
		q->tail->next = j;
	else
		q->head = j;
	q->tail = j;
}

static struct exec_job *pop(struct queue *q)
{
	struct exec_job *j = q->head;
	if (j) {
		q->head = j->next;
		if (!q->head)
			q->tail = NULL;
		j->next = NULL;
	}
	return j;
}

void exec_job_init(struct exec_job *j, exec_run_fn *run, exec_done_fn *done)
{
	memset(j, 0, sizeof(*j));
	j->run_fn = run;
	j->done_fn = done;
}

void exec_job_bind(struct exec_job *j, struct exec_sink *s) { j->sink = s; }

static void kick(struct exec_sink *s)
{
	uint64_t one = 1;
	ssize_t w = write(s->efd, &one, sizeof(one));
	(void)w; /* EAGAIN (level-triggered only): the counter is non-zero, the loop wakes */
}

/* Sinks whose eventfd this thread still has to write (exec_defer_kicks). */
static _Thread_local struct {
	bool on;
	int n;
	struct exec_sink *sinks[16];
} deferred;

void exec_defer_kicks(void) { deferred.on = true; }

void exec_kick_deferred(void)
{
	for (int i = 0; i < deferred.n; i++) {
		kick(deferred.sinks[i]);
		__atomic_sub_fetch(&deferred.sinks[i]->kicks_due, 1, __ATOMIC_RELEASE);
	}
	deferred.n = 0;
}

/* True when s's kick (counted in kicks_due) is left to exec_kick_deferred. */
static bool defer_kick(struct exec_sink *s)
{
	if (!deferred.on)
		return false;
	for (int i = 0; i < deferred.n; i++) {
		if (deferred.sinks[i] == s) { /* the one deferred before covers it */
			__atomic_sub_fetch(&s->kicks_due, 1, __ATOMIC_RELEASE);
			return true;
		}
	}
	if (deferred.n == (int)ARRAY_LEN(deferred.sinks))
		return false;
	deferred.sinks[deferred.n++] = s;
	return true;
}

/* Queues j's completion on its sink; with post, only when it is not queued already. No lock
 * held. The eventfd is written only when the queue becomes non-empty: the loop drains the
 * whole queue after reading the eventfd, so one wakeup covers a burst. Written after the
 * sink's lock is let go: a drain that took the job before the write only makes the loop wake
 * once more for an empty queue, and a queue found non-empty had its write from the push that
 * found it empty. A thread in exec_quiesce_for (it holds the pool's lock from its look at the
 * queues until it waits) is told under the pool's lock, so the signal cannot fall between. */
static void push_done(struct exec_pool *p, struct exec_job *j, bool post)
{
	struct exec_sink *s = j->sink ? j->sink : p->own;
	pthread_mutex_lock(&s->lock);
	if (post && j->queued) {
		pthread_mutex_unlock(&s->lock);
		return;
	}
	if (post)
		j->queued = true;
	bool was_empty = s->done.head == NULL;
	push(&s->done, j);
	if (was_empty) /* counted under the lock: a drain that finds j also finds the count */
		__atomic_add_fetch(&s->kicks_due, 1, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&s->lock);
	if (was_empty && !defer_kick(s)) {
		kick(s);
		__atomic_sub_fetch(&s->kicks_due, 1, __ATOMIC_RELEASE);
	}
	if (__atomic_load_n(&p->quiescing, __ATOMIC_SEQ_CST) > 0) {
		pthread_mutex_lock(&p->lock);
		pthread_cond_broadcast(&p->done_cv);
		pthread_mutex_unlock(&p->lock);
	}
}

/* A worker waits on a semaphore with the pool's lock let go, not on a condition variable:
 * glibc's pthread_cond_wait takes the mutex back marked contended, so the unlock after taking
 * a job made a futex wake for nobody (one system call per job). Every post stands for a job
 * queued or for the stop, so a worker that wakes finds a job unless another took it for a
 * stop's post; with the queue empty and the pool stopping it ends. */
static void *worker_main(void *arg)
{
	struct exec_pool *p = arg;
	for (;;) {
		while (sem_wait(&p->work_sem) != 0 && errno == EINTR)
			;
		pthread_mutex_lock(&p->lock);
		struct exec_job *j = pop(&p->work);
		bool stop = p->stop;
		pthread_mutex_unlock(&p->lock);
		if (!j) {
			if (stop)
				break;
			continue;
		}
		j->run_fn(j);
		push_done(p, j, false);
	}
	return NULL;
}

/* Runs the completions queued on s so far; returns how many ran. s's loop thread. A posted
 * job's flag is cleared (and its next read) under the lock just before its done_fn, never
 * earlier: a post that lands while the job still waits in this batch must not relink it into
 * the queue. */
static size_t run_completions(struct exec_sink *s)
{
	struct exec_pool *p = s->pool;
	pthread_mutex_lock(&s->lock);
	struct exec_job *j = s->done.head;
	s->done.head = s->done.tail = NULL;
	pthread_mutex_unlock(&s->lock);
	size_t n = 0;
	while (j) {
		pthread_mutex_lock(&s->lock);
		struct exec_job *next = j->next;
		j->next = NULL;
		bool posted = j->queued;
		j->queued = false; /* from here on it may be posted again */
		pthread_mutex_unlock(&s->lock);
		if (!posted)
			__atomic_sub_fetch(&p->inflight, 1, __ATOMIC_SEQ_CST);
		j->done_fn(j); /* may free j */
		j = next;
		n++;
	}
	return n;
}

static void on_wakeup(evutil_socket_t fd, short what, void *arg)
{
	struct exec_sink *s = arg;
	if (!s->edge) {
		uint64_t count;
		ssize_t r = read(fd, &count, sizeof(count));
		(void)r;
	}
	run_completions(s);
}

int exec_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 4 ? 4 : (int)(n > 256 ? 256 : n);
}

static bool any_done_of(struct exec_sink *s)
{
	pthread_mutex_lock(&s->lock);
	bool any = s->done.head != NULL;
	pthread_mutex_unlock(&s->lock);
	return any;
}

/* Caller holds the pool's lock. */
static bool any_done(struct exec_pool *p)
{
	for (struct exec_sink *s = p->sinks; s; s = s->next)
		if (any_done_of(s))
			return true;
	return false;
}

struct exec_sink *exec_sink_new(struct exec_pool *p, struct event_base *base, char *errbuf,
				size_t errlen)
{
	struct exec_sink *s = base_xcalloc(1, sizeof(*s));
	s->pool = p;
	s->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (s->efd < 0) {
		snprintf(errbuf, errlen, "could not create eventfd: %s", strerror(errno));
		free(s);
		return NULL;
	}
	pthread_mutex_init(&s->lock, NULL);
	/* Edge-triggered where the backend can (epoll): every write of the eventfd is a new edge,
	 * so the loop need not read the counter back to be woken by the next one, and a wakeup
	 * costs the poster's write alone (the read was one system call per flush's answer). The
	 * counter only grows: 2^64 - 2 writes before a write would fail. */
	s->edge = (event_base_get_features(base) & EV_FEATURE_ET) != 0;
	s->ev = event_new(base, s->efd, EV_READ | EV_PERSIST | (s->edge ? EV_ET : 0), on_wakeup, s);
	event_add(s->ev, NULL);
	pthread_mutex_lock(&p->lock);
	s->next = p->sinks;
	p->sinks = s;
	pthread_mutex_unlock(&p->lock);
	return s;
}

void exec_sink_free(struct exec_sink *s)
{
	if (!s)
		return;
	struct exec_pool *p = s->pool;
	pthread_mutex_lock(&p->lock);
	ASSERT(!any_done_of(s));
	for (struct exec_sink **pp = &p->sinks; *pp; pp = &(*pp)->next) {
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	}
	pthread_mutex_unlock(&p->lock);
	/* A thread that queued a completion here may still be on its way to the eventfd write,
	 * which comes after the sink's lock is let go (a worker whose job's completion the loop
	 * already ran, a sync thread's deferred kick): the descriptor must not be closed, or
	 * another file take its number, before that write is done. */
	while (__atomic_load_n(&s->kicks_due, __ATOMIC_ACQUIRE) > 0)
		sched_yield();
	event_free(s->ev);
	close(s->efd);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

/* Workers never take signals: the loop thread handles SIGTERM/SIGHUP through libevent. */
static bool start_threads(struct exec_pool *p, char *errbuf, size_t errlen)
{
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int rc = 0;
	for (size_t i = 0; i < p->nthreads; i++) {
		rc = pthread_create(&p->threads[i], NULL, worker_main, p);
		if (rc != 0) {
			p->nthreads = i;
			break;
		}
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0)
		snprintf(errbuf, errlen, "could not start worker threads: %s", strerror(rc));
	return rc == 0;
}

struct exec_pool *exec_pool_new(struct event_base *base, int nthreads, char *errbuf, size_t errlen)
{
	struct exec_pool *p = base_xcalloc(1, sizeof(*p));
	pthread_mutex_init(&p->lock, NULL);
	sem_init(&p->work_sem, 0, 0);
	pthread_cond_init(&p->done_cv, NULL);
	p->own = exec_sink_new(p, base, errbuf, errlen);
	if (!p->own) {
		exec_pool_free(p);
		return NULL;
	}
	p->nthreads = (size_t)(nthreads > 0 ? nthreads : exec_default_threads());
	p->threads = base_xcalloc(p->nthreads, sizeof(pthread_t));
	if (!start_threads(p, errbuf, errlen)) {
		exec_pool_free(p);
		return NULL;
	}
	return p;
}

bool exec_quiesce_for(struct exec_pool *p, int timeout_ms)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until); /* the condvar's clock */
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (long)(timeout_ms % 1000) * 1000000;
	if (until.tv_nsec >= 1000000000) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000;
	}
	for (;;) {
		bool expired = false;
		pthread_mutex_lock(&p->lock);
		__atomic_add_fetch(&p->quiescing, 1, __ATOMIC_SEQ_CST);
		while (__atomic_load_n(&p->inflight, __ATOMIC_SEQ_CST) > 0 && !any_done(p) &&
		       !expired) {
			if (timeout_ms < 0)
				pthread_cond_wait(&p->done_cv, &p->lock);
			else
				expired = pthread_cond_timedwait(&p->done_cv, &p->lock, &until) ==
					  ETIMEDOUT;
		}
		__atomic_sub_fetch(&p->quiescing, 1, __ATOMIC_SEQ_CST);
		bool pending = any_done(p);
		bool idle = __atomic_load_n(&p->inflight, __ATOMIC_SEQ_CST) == 0 && !pending;
		pthread_mutex_unlock(&p->lock);
		if (idle)
			return true;
		/* The list does not change meanwhile: sinks are made and freed by the thread
		 * that quiesces, never by a done_fn. */
		if (pending)
			for (struct exec_sink *s = p->sinks; s; s = s->next)
				run_completions(s);
		else if (expired)
			return false;
	}
}

void exec_quiesce(struct exec_pool *p) { (void)exec_quiesce_for(p, -1); }

void exec_pool_free(struct exec_pool *p)
{
	if (!p)
		return;
	if (p->nthreads)
		exec_quiesce(p);
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_mutex_unlock(&p->lock);
	for (size_t i = 0; i < p->nthreads; i++)
		sem_post(&p->work_sem);
	for (size_t i = 0; i < p->nthreads; i++)
		pthread_join(p->threads[i], NULL);
	exec_sink_free(p->own);
	ASSERT(!p->sinks); /* the caller's sinks are freed before the pool */
	sem_destroy(&p->work_sem);
	pthread_cond_destroy(&p->done_cv);
	pthread_mutex_destroy(&p->lock);
	free(p->threads);
	free(p);
}

size_t exec_pool_threads(const struct exec_pool *p) { return p->nthreads; }

void exec_submit(struct exec_pool *p, struct exec_job *j)
{
	ASSERT(j->run_fn && j->done_fn && !j->queued);
	pthread_mutex_lock(&p->lock);
	__atomic_add_fetch(&p->inflight, 1, __ATOMIC_SEQ_CST);
	push(&p->work, j);
	pthread_mutex_unlock(&p->lock);
	/* after the unlock: a worker woken under the lock would first block on it. Nothing is
	 * lost: the post is counted, and a worker that is busy now takes it when it waits. */
	sem_post(&p->work_sem);
}

void exec_post(struct exec_pool *p, struct exec_job *j) { push_done(p, j, true); }

size_t exec_pending(struct exec_pool *p) { return __atomic_load_n(&p->inflight, __ATOMIC_SEQ_CST); }
