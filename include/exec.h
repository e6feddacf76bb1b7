/* SPDX-License-Identifier: Apache-2.0 */
/* exec: a pool of worker threads that run jobs off the event loop, and the way back — each
 * job's completion runs on the loop thread. Generic: it knows nothing about sessions, SQL or
 * sockets. A job runs once per submit, on one worker, then its done_fn runs on the loop. */
#ifndef SHARDLITE_EXEC_H
#define SHARDLITE_EXEC_H

#include "base.h"

struct event_base;
struct exec_job;

typedef void exec_run_fn(struct exec_job *j);
typedef void exec_done_fn(struct exec_job *j);

/* Caller's storage, embedded in whatever the job works on (container_of style). Fields other
 * than run_fn/done_fn are the pool's; zero them once (exec_job_init) and leave them alone. */
struct exec_job {
	exec_run_fn *run_fn;   /* on a worker thread; may block (disk, fsync, long queries) */
	exec_done_fn *done_fn; /* on the loop thread, after run_fn returned */
	struct exec_job *next; /* pool-private */
	bool queued;           /* pool-private: between exec_post and its done_fn */
};

void exec_job_init(struct exec_job *j, exec_run_fn *run, exec_done_fn *done);

struct exec_pool;

/* Starts nthreads workers (0 = exec_default_threads()) and registers the completion event on
 * base (loop thread = the thread that runs base). NULL with a message in errbuf when threads
 * or the wakeup descriptor cannot be created. */
struct exec_pool *exec_pool_new(struct event_base *base, int nthreads, char *errbuf, size_t errlen);
/* Waits for every submitted job and its completion (exec_quiesce), stops and joins the
 * workers. Call on the loop thread. NULL is a no-op. */
void exec_pool_free(struct exec_pool *p);
size_t exec_pool_threads(const struct exec_pool *p);

/* The default pool size: the number of online CPUs, but at least 4 — a worker waiting on an
 * fsync or running a long query should not leave the pool without a free thread. */
int exec_default_threads(void);

/* Queues j: run_fn runs on some worker, then done_fn on the loop thread. j must not be
 * submitted again before its done_fn has started. Loop thread only. */
void exec_submit(struct exec_pool *p, struct exec_job *j);

/* Thread-safe, from any thread: runs j's done_fn on the loop thread soon (run_fn is not
 * called). Posting a job that is already posted and not yet done is a no-op, so many wakeups
 * of one thing collapse into one. */
void exec_post(struct exec_pool *p, struct exec_job *j);

/* Loop thread: blocks until no job is queued or running, running completions inline (a done_fn
 * may submit more work; quiesce waits for that too). Used at shutdown. */
void exec_quiesce(struct exec_pool *p);
/* As exec_quiesce, giving up after timeout_ms (< 0: never): true when the pool is idle. */
bool exec_quiesce_for(struct exec_pool *p, int timeout_ms);

/* Jobs submitted and not yet completed (loop thread; for tests and metrics). */
size_t exec_pending(struct exec_pool *p);

#endif
