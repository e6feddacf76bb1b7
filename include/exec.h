/* SPDX-License-Identifier: Apache-2.0 */
/* exec: a pool of worker threads that run jobs off the event loops, and the way back — each
 * job's completion runs on the thread of the loop (sink) it is bound to. Generic: it knows
 * nothing about sessions, SQL or sockets. A job runs once per submit, on one worker, then its
 * done_fn runs on its loop. */
#ifndef SHARDLITE_EXEC_H
#define SHARDLITE_EXEC_H

#include "base.h"

struct event_base;
struct exec_job;
struct exec_sink;

typedef void exec_run_fn(struct exec_job *j);
typedef void exec_done_fn(struct exec_job *j);

/* Caller's storage, embedded in whatever the job works on (container_of style). Fields other
 * than run_fn/done_fn are the pool's; zero them once (exec_job_init) and leave them alone. */
struct exec_job {
	exec_run_fn *run_fn;    /* on a worker thread; may block (disk, fsync, long queries) */
	exec_done_fn *done_fn;  /* on its sink's loop thread, after run_fn returned */
	struct exec_sink *sink; /* where done_fn runs; NULL: the pool's own (exec_job_bind) */
	struct exec_job *next;  /* pool-private */
	bool queued;            /* pool-private: between exec_post and its done_fn */
};

void exec_job_init(struct exec_job *j, exec_run_fn *run, exec_done_fn *done);
/* Sends j's completions to sink s (a loop of its own) instead of the pool's loop. Only while j
 * is neither submitted nor posted. */
void exec_job_bind(struct exec_job *j, struct exec_sink *s);

struct exec_pool;

/* Starts nthreads workers (0 = exec_default_threads()) and makes the pool's own sink on base
 * (its loop thread = the thread that runs base). NULL with a message in errbuf when threads
 * or the wakeup descriptor cannot be created. */
struct exec_pool *exec_pool_new(struct event_base *base, int nthreads, char *errbuf, size_t errlen);
/* Waits for every submitted job and its completion (exec_quiesce), frees the pool's own sink,
 * stops and joins the workers. Sinks made with exec_sink_new must be freed first. Call on the
 * loop thread with every other sink's loop stopped. NULL is a no-op. */
void exec_pool_free(struct exec_pool *p);
size_t exec_pool_threads(const struct exec_pool *p);

/* The default pool size: the number of online CPUs, but at least 4 — a worker waiting on an
 * fsync or running a long query should not leave the pool without a free thread. */
int exec_default_threads(void);

/* A second (third, ...) event loop's way back: a completion queue and an eventfd registered on
 * base; completions of jobs bound to it (exec_job_bind) run on the thread that runs base. NULL
 * with errbuf when no eventfd can be made. Any thread, before base runs. */
struct exec_sink *exec_sink_new(struct exec_pool *p, struct event_base *base, char *errbuf,
				size_t errlen);
/* Unregisters and frees s. Its loop must have stopped and no job bound to it may be pending
 * (exec_quiesce first). NULL is a no-op. */
void exec_sink_free(struct exec_sink *s);

/* Queues j: run_fn runs on some worker, then done_fn on j's sink's loop thread. j must not be
 * submitted again before its done_fn has started. From j's loop thread. */
void exec_submit(struct exec_pool *p, struct exec_job *j);

/* Thread-safe, from any thread: runs j's done_fn on its sink's loop thread soon (run_fn is not
 * called). Posting a job that is already posted and not yet done is a no-op, so many wakeups
 * of one thing collapse into one. */
void exec_post(struct exec_pool *p, struct exec_job *j);

/* From here on the calling thread's posts queue their jobs at once but leave waking the sink's
 * loop (the eventfd write) to exec_kick_deferred, which the thread calls after letting go of
 * the lock it posted under: the woken loop then does not find that lock still held (the group
 * commit's sync threads wake committers under the registry lock; a loop woken by the write
 * ran into it in about half of one client's inserts: a futex wait and two wakes). */
void exec_defer_kicks(void);
void exec_kick_deferred(void);

/* Blocks until no job is queued or running, running completions of every sink on the calling
 * thread (a done_fn may submit more work; quiesce waits for that too). Used at shutdown: call
 * on the pool's loop thread while no other sink's loop runs (their threads stopped), since
 * their completions run here. */
void exec_quiesce(struct exec_pool *p);
/* As exec_quiesce, giving up after timeout_ms (< 0: never): true when the pool is idle. */
bool exec_quiesce_for(struct exec_pool *p, int timeout_ms);

/* Jobs submitted and not yet completed (loop thread; for tests and metrics). */
size_t exec_pending(struct exec_pool *p);

#endif
