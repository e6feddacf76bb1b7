// SPDX-License-Identifier: Apache-2.0
// clients_pgboss.js: pg-boss 9 (npm pg-boss, a job queue over pg) — start (its tables, enum
// and indexes made under its advisory lock), send, fetch (SELECT ... FOR UPDATE SKIP LOCKED),
// complete, fail and retry, cancel and resume, singleton keys, a polling worker, a cron
// schedule, publish/subscribe, throttling and debouncing, completion jobs, expiry and
// maintenance, printed one line per step for test_clients.sh to compare with
// PostgreSQL 15. pg-boss 10 (its job table PARTITION BY LIST) is started too, its
// createQueue attaches a queue's partition with keys, indexes and a CHECK of its own (#65),
// and a job goes through that queue: send (its CASE of casts of one parameter, #88), fetch,
// complete, fail and retry, cancel, resume, delete, insert, singleton keys and a worker.
// Usage: node clients_pgboss.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const PgBoss = require('pg-boss');
const PgBoss10 = require('pg-boss10'); // npm alias of pg-boss@10
const { Client } = require('pg');
const { clients } = require('./clients_common.js');

const url = process.argv[2];
const { step } = clients(process.argv[3]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A stopped boss: no supervisor, scheduler or workers left running.
const options = (more) => ({ connectionString: url, max: 3, supervise: false, schedule: false,
	noScheduling: true, noSupervisor: true, ...more });

async function started(boss) {
	boss.on('error', (e) => console.log('pg-boss error', e.code || e.message));
	await boss.start();
	return boss;
}

async function main() {
	// pg-boss 9 with its default schema pgboss, a schema inside the tenant (earlier gap #64)
	const boss = await started(new PgBoss(options({})));
	await step('tables', async () => (await boss.db.executeSql(`SELECT table_name
		FROM information_schema.tables WHERE table_schema = 'pgboss' ORDER BY 1`)).rows
		.map((r) => r.table_name));
	await step('version', async () => (await boss.db.executeSql(
		'SELECT version, maintained_on IS NULL AS fresh FROM pgboss.version')).rows);
	await step('start again', async () => {
		const again = await started(new PgBoss(options({})));
		await again.stop({ graceful: false, wait: true });
		return 'ok';
	});

	let id;
	await step('send', async () => UUID.test(id = await boss.send('mail', { to: 'ann' })));
	await step('size', () => boss.getQueueSize('mail'));
	await step('fetch', async () => {
		const job = await boss.fetch('mail');
		return [job.id === id, job.name, job.data];
	});
	await step('fetch empty', () => boss.fetch('mail'));
	await step('complete', async () => {
		const r = await boss.complete(id, { sent: true });
		return [r.jobs[0] === id, r.requested, r.updated];
	});
	await step('completed', async () => {
		const j = await boss.getJobById(id);
		return [j.state, j.output, j.retrycount, j.completedon instanceof Date];
	});

	let rid;
	await step('send retry', async () => UUID.test(rid = await boss.send('mail', { to: 'bob' },
		{ retryLimit: 1, retryDelay: 0 })));
	await step('fail', async () => {
		const job = await boss.fetch('mail');
		await boss.fail(job.id, new Error('boom'));
		const j = await boss.getJobById(rid);
		return [j.state, j.output.message, j.retrycount];
	});
	await step('retry', async () => {
		const job = await boss.fetch('mail', 1, { includeMetadata: true });
		return [job[0].id === rid, job[0].retrycount, job[0].state];
	});
	await step('fail again', async () => {
		await boss.fail(rid, { reason: 'still' });
		const j = await boss.getJobById(rid);
		return [j.state, j.output, j.retrycount];
	});

	await step('cancel and resume', async () => {
		const cid = await boss.send('later', null, { startAfter: 3600 });
		await boss.cancel(cid);
		const a = (await boss.getJobById(cid)).state;
		await boss.resume(cid);
		return [a, (await boss.getJobById(cid)).state, await boss.fetch('later')];
	});
	// the second is refused by job_singletonKey, a unique index WHERE state < 'completed'
	// over the job_state enum (its labels' order: docs/sql-compat.md, enum types)
	await step('singleton', async () => {
		const a = await boss.send('report', { n: 1 }, { singletonKey: 'k' });
		const b = await boss.send('report', { n: 2 }, { singletonKey: 'k' });
		return [UUID.test(a), b === null ? 'refused' : 'a second job'];
	});
	await step('batch', async () => {
		await boss.insert([{ name: 'bulk', data: { n: 1 } }, { name: 'bulk', data: { n: 2 } },
			{ name: 'bulk', data: { n: 3 } }]);
		const jobs = await boss.fetch('bulk', 2);
		return [jobs.length, await boss.getQueueSize('bulk')];
	});
	await step('work', async () => {
		await boss.send('work', { n: 7 });
		let seen;
		const done = new Promise((resolve) => {
			seen = resolve;
		});
		const wid = await boss.work('work', { newJobCheckInterval: 100 }, async (job) => {
			seen(job.data);
			return { ok: job.data.n };
		});
		const data = await done;
		await sleep(300); // its completion
		await boss.offWork(wid);
		const rows = (await boss.db.executeSql(`SELECT state, output FROM pgboss.job
			WHERE name = 'work'`)).rows;
		return [data, rows];
	});
	await step('schedule', async () => {
		await boss.schedule('nightly', '0 3 * * *', { kind: 'report' }, { tz: 'UTC' });
		const s = await boss.getSchedules();
		await boss.unschedule('nightly');
		return [s.map((x) => [x.name, x.cron, x.timezone, x.data]), (await boss.getSchedules()).length];
	});
	await step('publish', async () => {
		await boss.subscribe('signup', 'welcome');
		await boss.subscribe('signup', 'audit');
		await boss.publish('signup', { user: 7 });
		return [await boss.getQueueSize('welcome'), await boss.getQueueSize('audit')];
	});
	await step('throttled', async () => {
		const a = await boss.sendThrottled('digest', {}, {}, 60);
		return [UUID.test(a), await boss.sendThrottled('digest', {}, {}, 60)];
	});
	await step('debounced', async () => {
		const a = await boss.sendDebounced('sync', {}, {}, 60);
		const b = await boss.sendDebounced('sync', {}, {}, 60);
		return [UUID.test(a), UUID.test(b), await boss.getQueueSize('sync')];
	});
	await step('on complete', async () => {
		await boss.send('invoice', { n: 1 }, { onComplete: true });
		const job = await boss.fetch('invoice');
		await boss.complete(job.id, { paid: true });
		const c = await boss.fetchCompleted('invoice');
		return [c.data.request.data, c.data.response, c.data.state];
	});
	await step('send after', async () => {
		const later = await boss.sendAfter('reminder', {}, {}, 3600);
		return [UUID.test(later), await boss.fetch('reminder')];
	});
	await step('expire', async () => {
		await boss.send('slow', {}, { expireInSeconds: 1 });
		const job = await boss.fetch('slow');
		await sleep(1500);
		await boss.boss.expire();
		return (await boss.getJobById(job.id)).state;
	});
	await step('maintenance', async () => {
		await boss.boss.maintenanceAsync();
		return 'ok';
	});
	await step('delete queue', async () => {
		await boss.deleteQueue('bulk');
		return boss.getQueueSize('bulk');
	});
	await boss.stop({ graceful: false, wait: true });

	// pg-boss 10 (in public) on a tenant without pg-boss 9's tables: its job table is partitioned by
	// queue (CREATE TABLE job ... PARTITION BY LIST (name)) and starts; a queue's partition
	// is a table with foreign keys and partial indexes of its own, then attached
	await step('drop', async () => {
		const c = new Client({ connectionString: url });
		await c.connect();
		await c.query(`DROP TABLE pgboss.job, pgboss.archive, pgboss.schedule,
			pgboss.subscription, pgboss.version`);
		await c.query('DROP TYPE pgboss.job_state');
		await c.query('DROP SCHEMA pgboss');
		await c.end();
		return 'ok';
	});
	let boss10;
	await step('pg-boss 10 start', async () => {
		boss10 = await started(new PgBoss10(options({ schema: 'public' })));
		return (await boss10.db.executeSql(`SELECT c.relname, c.relkind, p.partstrat
			FROM pg_class c JOIN pg_partitioned_table p ON p.partrelid = c.oid`)).rows;
	});
	// createQueue: the queue's partition, a table with its own primary key, foreign keys to
	// queue, partial unique indexes and CHECK, attached (#65); then a job through it
	await step('pg-boss 10 createQueue', async () => {
		await boss10.createQueue('mail10');
		return (await boss10.db.executeSql(`SELECT c.relname ~ '^j[0-9a-f]{56}$' AS hashed,
			c.relispartition, pg_get_expr(c.relpartbound, c.oid) AS bound,
			(SELECT array_agg(regexp_replace(i.indexrelid::regclass::text, '^j[0-9a-f]+', 'j')
				ORDER BY 1) FROM pg_index i WHERE i.indrelid = c.oid
				AND i.indexrelid::regclass::text !~ '_pkey$') AS indexes,
			(SELECT array_agg(k.conname || ' ' || k.contype ORDER BY k.conname)
				FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype <> 'p') AS cons
			FROM pg_class c WHERE c.relname = (SELECT partition_name FROM queue
				WHERE name = 'mail10')`)).rows;
	});
	// send: its INSERT reads $5 as text (right($5, 1)) and then casts it to timestamptz or,
	// COALESCEd, to interval (earlier gap #88); then its public API on that queue
	let id10;
	await step('pg-boss 10 send', async () => UUID.test(id10 = await boss10.send('mail10',
		{ to: 'bo' })));
	await step('pg-boss 10 send later', async () => [
		UUID.test(await boss10.send('mail10', { to: 'cy' }, { startAfter: '1 hour' })),
		UUID.test(await boss10.send('mail10', { to: 'cy' },
			{ startAfter: new Date(Date.now() + 3600e3) })),
		UUID.test(await boss10.sendAfter('mail10', { to: 'cy' }, {}, 3600))]);
	await step('pg-boss 10 size', () => boss10.getQueueSize('mail10'));
	await step('pg-boss 10 fetch', async () => {
		const jobs = await boss10.fetch('mail10');
		return [jobs.length, jobs[0].id === id10, jobs[0].name, jobs[0].data];
	});
	await step('pg-boss 10 fetch empty', async () => (await boss10.fetch('mail10')).length);
	await step('pg-boss 10 complete', async () => {
		const r = await boss10.complete('mail10', id10, { sent: true });
		const j = await boss10.getJobById('mail10', id10);
		return [r.jobs[0] === id10, r.requested, r.updated, j.state, j.output];
	});
	// fail and its retries: its failJobs is a WITH of DELETE FROM job, an INSERT INTO job ... ON
	// CONFLICT DO NOTHING of the deleted rows, another INSERT of those it did not take and a
	// plain WITH query over both that a fourth reads (earlier gap #89); a job with retryLimit 1
	// goes to retry, is fetched again and then fails for good, with its output
	await step('pg-boss 10 fail and retry', async () => {
		const fid = await boss10.send('mail10', { to: 'di' }, { retryLimit: 1, retryDelay: 0 });
		const [job] = await boss10.fetch('mail10');
		const r = await boss10.fail('mail10', fid, { why: 'bounced' });
		const j = await boss10.getJobById('mail10', fid);
		const [again] = await boss10.fetch('mail10');
		const r2 = await boss10.fail('mail10', fid, { why: 'again' });
		const k = await boss10.getJobById('mail10', fid);
		return [job.id === fid, r.affected, j.state, j.output, j.retryCount, again.id === fid,
			r2.affected, k.state, k.output, k.retryCount, k.completedOn instanceof Date,
			(await boss10.fail('mail10', fid, {})).affected];
	});
	await step('pg-boss 10 cancel and resume', async () => {
		const cid = await boss10.send('mail10', { to: 'fi' });
		await boss10.cancel('mail10', cid);
		const cancelled = (await boss10.getJobById('mail10', cid)).state;
		await boss10.resume('mail10', cid);
		const resumed = (await boss10.getJobById('mail10', cid)).state;
		await boss10.deleteJob('mail10', cid);
		return [cancelled, resumed, await boss10.getJobById('mail10', cid)];
	});
	await step('pg-boss 10 insert', async () => {
		await boss10.insert([{ name: 'mail10', data: { n: 1 } },
			{ name: 'mail10', data: { n: 2 }, startAfter: '1 hour' }]);
		return boss10.getQueueSize('mail10');
	});
	await step('pg-boss 10 singleton', async () => {
		const a = await boss10.send('mail10', {}, { singletonKey: 'k1' });
		const b = await boss10.send('mail10', {}, { singletonKey: 'k1' });
		return [UUID.test(a), UUID.test(b)];
	});
	await step('pg-boss 10 work', async () => {
		const got = new Promise((resolve) => boss10.work('mail10',
			{ pollingIntervalSeconds: 0.5, batchSize: 10 },
			async (jobs) => resolve(jobs.map((j) => j.data).sort((x, y) =>
				JSON.stringify(x).localeCompare(JSON.stringify(y))))));
		const data = await got;
		await boss10.offWork('mail10');
		return data;
	});
	await step('pg-boss 10 queue', async () => {
		const q = await boss10.getQueue('mail10');
		return [q.name, q.policy, (await boss10.getQueues()).length];
	});
	await boss10.stop({ graceful: false, wait: true });
	console.log('done');
	// The pools of the bosses whose start failed (and pg-boss 10's after stop) would keep Node
	// alive for their idle timeout (about ten seconds); nothing else is pending.
	process.exit(0);
}

main().catch((e) => {
	console.log('FATAL', e.code || '', e.message);
	process.exit(1);
});
