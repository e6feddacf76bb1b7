// SPDX-License-Identifier: Apache-2.0
// clients_graphileworker.js: graphile-worker 0.16 (npm graphile-worker, a job queue over pg whose
// migrations make schema graphile_worker with PL/pgSQL and SQL functions, triggers, a composite
// type, NOTIFY). runMigrations applies all 18 (000011 begins with LOCK TABLE in ACCESS
// EXCLUSIVE mode), and the program drives graphile-worker's own API: quickAddJob, WorkerUtils.addJob with queue names, priority,
// max_attempts, run_at and job keys (replace, preserve_run_at), runOnce with handlers that
// succeed, add a job, fail and throw (retry with backoff), rescheduleJobs, permanentlyFailJobs,
// completeJobs, the job tables' states, a running worker with a cron item, two workers of four
// over 60 jobs (each runs once). Then its SQL API of schema revision 10 (its
// sql/000001..000010 in schema gw10): add_job, get_job (FOR UPDATE SKIP LOCKED), fail_job,
// complete_job(s), permanently_fail_jobs, reschedule_jobs, remove_job, the jobs:insert NOTIFY.
// One line per step, compared with PostgreSQL 15 by test_clients.sh.
// Usage: node clients_graphileworker.js URL pg|shardlite   (NODE_PATH names node_modules)
'use strict';
const fs = require('fs');
const path = require('path');
const { runMigrations, quickAddJob, makeWorkerUtils, run, runOnce, Logger } =
	require('graphile-worker');
const { Client } = require('pg');
const { clients } = require('./clients_common.js');

const url = process.argv[2];
const target = process.argv[3];
const helpers = clients(target);
// The step running, for the watchdog: a program that hangs (a worker left running keeps node
// alive, a wait that is never answered) fails with the step it hung in instead of waiting for
// meson's timeout with test_clients.sh holding all of its output.
let at = 'connect';
const step = (name, ...rest) => {
	at = name;
	return helpers.step(name, ...rest);
};
const WATCHDOG_MS = 150 * 1000;
setTimeout(() => {
	console.log(`TIMEOUT: ${target} still running after ${WATCHDOG_MS / 1000} s, in step: ${at}`);
	process.exit(1);
}, WATCHDOG_MS).unref(); // still fires while anything else keeps node running
const logger = new Logger(() => () => {}); // its log lines carry worker ids and times
const SQL = path.join(path.dirname(require.resolve('graphile-worker/package.json')), 'sql');
const W1 = 'worker-one-0001';
const W2 = 'worker-two-0002';
const MINUTE = 60 * 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Graphile-worker's migration text with its schema placeholder replaced, as its migrate does.
const migration = (n, schema) => fs.readFileSync(path.join(SQL, `${String(n).padStart(6, '0')}.sql`),
	'utf8').replace(/:GRAPHILE_WORKER_SCHEMA\b/g, schema);

// graphile-worker 0.16's own API over schema graphile_worker: jobs added by quickAddJob and
// WorkerUtils, run by runOnce with handlers that succeed, fail and throw, its admin calls.
async function worker(q) {
	const opts = { connectionString: url, logger };
	const jobs = () => q(`SELECT j.id, q.queue_name, t.identifier, j.payload, j.priority,
		j.attempts, j.max_attempts, j.last_error, j.key, j.locked_by IS NOT NULL AS locked,
		j.run_at > now() + interval '1 second' AS later, j.revision
		FROM graphile_worker._private_jobs j
		JOIN graphile_worker._private_tasks t ON t.id = j.task_id
		LEFT JOIN graphile_worker._private_job_queues q ON q.id = j.job_queue_id ORDER BY j.id`);
	await step('quickAddJob', async () => {
		const j = await quickAddJob(opts, 'hello', { name: 'ann' });
		return [j.id, j.task_identifier, j.payload, j.queue_name, j.priority, j.attempts,
			j.max_attempts, j.key];
	});
	const utils = await makeWorkerUtils(opts);
	await step('addJob options', async () => {
		const a = await utils.addJob('mail', { to: 'bob' }, { queueName: 'outbox', priority: 5,
			maxAttempts: 2 });
		const b = await utils.addJob('report', { n: 1 }, { jobKey: 'daily',
			runAt: new Date(Date.now() + 3600 * 1000) });
		const c = await utils.addJob('report', { n: 2 }, { jobKey: 'daily' }); // replaces
		const d = await utils.addJob('report', { n: 3 }, { jobKey: 'daily',
			jobKeyMode: 'preserve_run_at', runAt: new Date(Date.now() + 7200 * 1000) });
		const e = await utils.addJob('boom', {}, { maxAttempts: 3 });
		const f = await utils.addJob('throws', {}, { maxAttempts: 1 });
		return [a.queue_name, a.priority, a.max_attempts, b.id === c.id, c.id === d.id,
			d.payload, d.key, e.max_attempts, f.max_attempts];
	});
	await step('jobs', jobs);
	await step('task_identifiers', async () => (await q(
		'SELECT identifier FROM graphile_worker._private_tasks ORDER BY identifier'))
		.map((r) => r.identifier));
	const seen = [];
	const taskList = {
		hello: async (payload) => {
			seen.push(['hello', payload.name]);
		},
		mail: async (payload, helpers) => {
			seen.push(['mail', payload.to, helpers.job.attempts]);
			await helpers.addJob('hello', { name: 'from mail' });
		},
		boom: async () => {
			seen.push(['boom']);
			throw new Error('boom failed');
		},
		throws: () => {
			seen.push(['throws']);
			throw new TypeError('not a function');
		},
	};
	await step('runOnce', async () => {
		await runOnce({ ...opts, taskList, concurrency: 1, noHandleSignals: true });
		return seen.sort();
	});
	await step('after run', jobs);
	await step('queues', () => q(`SELECT queue_name, locked_by FROM graphile_worker._private_job_queues
		ORDER BY queue_name`));
	await step('rescheduleJobs', async () => {
		const ids = (await q(`SELECT id FROM graphile_worker.jobs
			WHERE task_identifier = 'boom'`))
			.map((r) => r.id);
		const r = await utils.rescheduleJobs(ids, { runAt: new Date(Date.now() - 1000),
			priority: 1, attempts: 0 });
		return r.map((j) => [j.id, j.priority, j.attempts]);
	});
	await step('runOnce again', async () => {
		seen.length = 0;
		await runOnce({ ...opts, taskList, concurrency: 1, noHandleSignals: true });
		return seen.sort();
	});
	await step('permanentlyFailJobs', async () => {
		const ids = (await q(`SELECT id FROM graphile_worker.jobs
			WHERE task_identifier = 'boom'`))
			.map((r) => r.id);
		return (await utils.permanentlyFailJobs(ids, 'given up')).map((j) => [j.id,
			j.attempts, j.max_attempts, j.last_error]);
	});
	await step('completeJobs', async () => {
		const ids = (await q(`SELECT id FROM graphile_worker.jobs
			WHERE task_identifier = 'report'`))
			.map((r) => r.id);
		return (await utils.completeJobs(ids)).map((j) => [j.id, j.key]);
	});
	await step('final jobs', jobs);

	// a running worker (run: LISTEN jobs:insert, polling) and a cron item known for two hours
	// and backfilled once: the last full hour's job, added by its WITH specs ..., locks AS
	// (INSERT ... ON CONFLICT ... RETURNING) SELECT add_job(...) statement; no task handles
	// tick, so the job stays
	await step('run and cron', async () => {
		await q(`INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since)
			VALUES ('tick', now() - interval '2 hours')`);
		let heard;
		const live = new Promise((resolve) => {
			heard = resolve;
		});
		const runner = await run({ ...opts, concurrency: 1, noHandleSignals: true,
			pollInterval: 200, crontab: '0 * * * * tick ?fill=1h',
			taskList: { hello: async (payload) => heard(payload.name) } });
		let name, ticks = [];
		try { // a failed step must not leave the worker running (node would never exit)
			await utils.addJob('hello', { name: 'live' });
			name = await Promise.race([live, sleep(10000).then(() => 'timed out')]);
			for (let i = 0; i < 50 && !ticks.length; i++) {
				ticks = await q(`SELECT j.payload->'_cron'->>'backfilled' AS backfilled,
					j.attempts FROM graphile_worker._private_jobs j
					JOIN graphile_worker._private_tasks t ON t.id = j.task_id
					WHERE t.identifier = 'tick'`);
				if (!ticks.length)
					await sleep(100);
			}
		} finally {
			await runner.stop();
		}
		const known = await q(`SELECT identifier, last_execution IS NOT NULL AS ran
			FROM graphile_worker._private_known_crontabs`);
		return [name, ticks, known];
	});
	// two running workers of four each over 60 jobs, some in two named queues: each job runs
	// once (getJob's FOR UPDATE SKIP LOCKED, the queues' locks)
	await step('two workers', async () => {
		const seen = new Map();
		for (let i = 0; i < 60; i++)
			await utils.addJob('count', { i }, { queueName: i % 3 ? undefined : `q${i % 2}` });
		const taskList = {
			count: async (p) => {
				seen.set(p.i, (seen.get(p.i) || 0) + 1);
				await sleep(2);
			},
		};
		const both = [];
		try {
			for (let w = 0; w < 2; w++)
				both.push(await run({ ...opts, taskList, concurrency: 4,
					noHandleSignals: true, pollInterval: 100 }));
			for (let k = 0; k < 200 && seen.size < 60; k++)
				await sleep(50);
		} finally {
			for (const r of both)
				await r.stop();
		}
		const left = await q(`SELECT count(*) AS n FROM graphile_worker._private_jobs j
			JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'count'`);
		return [seen.size, [...seen.values()].every((n) => n === 1), left[0].n];
	});
	await utils.release();
}

async function main() {
	const c = new Client({ connectionString: url });
	await c.connect();
	const q = async (text, values) => (await c.query(text, values)).rows;

	// the current schema: its migration 000011 begins with LOCK TABLE jobs (ACCESS EXCLUSIVE
	// mode), which shardlite's table-lock manager takes (src/shard/shard_tlock.c)
	await step('runMigrations', async () => {
		await runMigrations({ connectionString: url, logger });
		return (await q('SELECT max(id) AS id FROM graphile_worker.migrations'))[0];
	});
	await step('runMigrations again', async () => {
		await runMigrations({ connectionString: url, logger });
		return (await q(`SELECT max(id) AS id, count(*) FILTER (WHERE breaking) AS breaking
			FROM graphile_worker.migrations`))[0];
	});
	await worker(q);

	await step('migrate to revision 10', async () => {
		await q('CREATE SCHEMA gw10');
		await q('CREATE TABLE gw10.migrations (id int PRIMARY KEY, ts timestamptz DEFAULT now() NOT NULL)');
		for (let n = 1; n <= 10; n++) {
			await q('BEGIN');
			await q('INSERT INTO gw10.migrations (id) VALUES ($1)', [n]);
			await c.query(migration(n, 'gw10'));
			await q('COMMIT');
		}
		return (await q('SELECT max(id) AS id, count(*) AS n FROM gw10.migrations'))[0];
	});
	await step('tables', async () => (await q(`SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'gw10' ORDER BY 1`)).map((r) => r.table_name));

	// NOTIFY jobs:insert from the statement trigger of its jobs table
	const heard = [];
	const listener = new Client({ connectionString: url });
	await listener.connect();
	listener.on('notification', (m) => heard.push(m.channel));
	await listener.query('LISTEN "jobs:insert"');

	const job = (r) => r && [r.id, r.queue_name, r.task_identifier, r.payload, r.priority,
		r.attempts, r.max_attempts, r.key, r.locked_by, r.last_error];
	await step('add_job', async () => job((await q(`SELECT * FROM gw10.add_job('send_email',
		'{"to": "ann"}', queue_name := 'mail', priority := 2, max_attempts := 3)`))[0]));
	await step('add_job defaults', async () => job((await q(
		"SELECT * FROM gw10.add_job('report')"))[0]));
	await step('add_job later', async () => {
		const r = (await q(`SELECT * FROM gw10.add_job('cleanup',
			run_at := now() + interval '1 hour')`))[0];
		return [job(r), r.run_at - Date.now() > 59 * MINUTE];
	});
	await step('job_key replace', async () => {
		const a = (await q(`SELECT * FROM gw10.add_job('digest', '{"n": 1}', job_key := 'digest-ann',
			run_at := now() + interval '1 day')`))[0];
		const b = (await q(`SELECT * FROM gw10.add_job('digest', '{"n": 2}',
			job_key := 'digest-ann')`))[0];
		return [a.id === b.id, job(b), b.run_at - Date.now() < MINUTE, b.revision];
	});
	await step('job_queues', () => q('SELECT queue_name, job_count, locked_by FROM gw10.job_queues'));
	await step('notified', async () => {
		for (let i = 0; i < 50 && heard.length < 5; i++)
			await new Promise((r) => setTimeout(r, 20));
		return heard;
	});

	await step('get_job', async () => job((await q(
		"SELECT * FROM gw10.get_job($1, array['send_email'])", [W1]))[0]));
	await step('queue locked', () => q('SELECT queue_name, job_count, locked_by FROM gw10.job_queues'));
	await step('get_job other worker', async () => job((await q(
		"SELECT * FROM gw10.get_job($1, array['send_email'])", [W2]))[0]));
	await step('get_job bad worker', () => q("SELECT * FROM gw10.get_job('short')"));
	await step('fail_job', async () => {
		const r = (await q('SELECT * FROM gw10.fail_job($1, 1, $2)', [W1, 'boom']))[0];
		return [job(r), r.run_at - Date.now() > 2000]; // exp(1) seconds later
	});
	await step('queue unlocked', () => q('SELECT queue_name, job_count, locked_by FROM gw10.job_queues'));
	await step('get_job next', async () => job((await q('SELECT * FROM gw10.get_job($1)', [W2]))[0]));
	await step('complete_job', async () => job((await q('SELECT * FROM gw10.complete_job($1, 2)',
		[W2]))[0]));
	await step('permanently_fail_jobs', async () => (await q(`SELECT id, attempts, max_attempts,
		last_error FROM gw10.permanently_fail_jobs(array[1]::bigint[], 'gave up')`)));
	await step('reschedule_jobs', async () => (await q(`SELECT * FROM
		gw10.reschedule_jobs(array[3]::bigint[], run_at := now() + interval '2 days',
		priority := 5, attempts := 1)`)).map((r) => [r.id, r.attempts, r.priority,
		r.run_at - Date.now() > 1440 * MINUTE]));
	await step('complete_jobs', async () => (await q(
		'SELECT id, task_identifier FROM gw10.complete_jobs(array[3]::bigint[])')));
	await step('remove_job', async () => (await q(
		"SELECT id, key FROM gw10.remove_job('digest-ann')")));
	await step('jobs', () => q(`SELECT id, queue_name, task_identifier, payload, priority, attempts,
		max_attempts, last_error, key, locked_by, revision FROM gw10.jobs ORDER BY id`));
	await step('job_queues left', () => q('SELECT queue_name, job_count FROM gw10.job_queues'));

	await listener.end();
	await c.end();
	at = 'done (something still keeps node running)';
	console.log('done');
}

main().catch((e) => {
	console.log('FATAL', e.code || '', e.message);
	process.exit(1);
});
