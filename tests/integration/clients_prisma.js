// SPDX-License-Identifier: Apache-2.0
// clients_prisma.js: Prisma 7 (npm prisma, @prisma/client over @prisma/adapter-pg) — the schema
// migrated by Prisma's wasm schema engine through the adapter (migrate diff + deploy, db push on
// the migrated database and on an empty one, db pull), then the client's CRUD, relations, aggregates, transactions, raw queries and error
// codes, printed one line per step for test_clients.sh to compare with PostgreSQL 15.
// Usage: node clients_prisma.js URL pg|shardlite SCHEMA GENDIR   (NODE_PATH: node_modules)
'use strict';
const fs = require('fs');
const path = require('path');
const pg = require('pg');
const { PrismaPg } = require('@prisma/adapter-pg');
const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');

const [url, target, schemaPath, genDir] = process.argv.slice(2);
const verbose = !!process.env.CLIENTS_VERBOSE;

// adapter-pg 7.10 maps no column type to PostgreSQL's internal "char" (OID 18), which the
// schema engine's catalog queries return (relkind, contype, ...): it fails on PostgreSQL itself.
// Relabel those columns as text (their output form is the same) on both servers.
for (const C of [pg.Client, pg.Pool]) {
	const query = C.prototype.query;
	C.prototype.query = function (...args) {
		const r = query.apply(this, args);
		if (!r || typeof r.then !== 'function')
			return r;
		return r.then((res) => {
			for (const f of (res && res.fields) || [])
				if (f.dataTypeID === 18)
					f.dataTypeID = 25;
			return res;
		});
	};
}

// The wasm schema engine is an ES module importing its .wasm directly (a bundler's form):
// instantiate it by hand.
async function loadEngine() {
	const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
	const bg = await import(path.join(dir, 'schema_engine_bg.js'));
	const mod = await WebAssembly.compile(fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm')));
	const imports = {};
	for (const { module } of WebAssembly.Module.imports(mod))
		imports[module] = bg;
	const inst = await WebAssembly.instantiate(mod, imports);
	bg.__wbg_set_wasm(inst.exports);
	inst.exports.__wbindgen_start();
	return bg;
}

// JSON with BigInt, Decimal (toFixed) and bytes (hex) in a stable text form.
function show(v) {
	return JSON.stringify(v, (k, x) => {
		if (typeof x === 'bigint')
			return `${x}n`;
		if (x && typeof x === 'object' && x.type === 'Buffer' && Array.isArray(x.data))
			return `\\x${Buffer.from(x.data).toString('hex')}`;
		if (x instanceof Uint8Array)
			return `\\x${Buffer.from(x).toString('hex')}`;
		if (x && typeof x === 'object' && typeof x.toFixed === 'function' && x.d)
			return `dec:${x.toString()}`;
		return x;
	});
}

// One line per step; gaps: [shardlite's text, PostgreSQL's, why] replaced on shardlite, which
// must contain it (so the test fails once shardlite matches and the entry must go).
async function step(name, fn, gaps = []) {
	let out;
	try {
		out = show(await fn());
	} catch (e) {
		out = `ERROR ${e.code || ''} ${e.meta ? show(e.meta) : ''}`.trim();
		if (verbose)
			console.log('   ', e.message);
	}
	for (const [sl, pgText, why] of gaps) {
		if (target === 'shardlite') {
			if (!out.includes(sl))
				console.log('UNEXPECTED: no longer differs:', why);
			out = out.split(sl).join(pgText);
		}
		console.log('known gap:', why);
	}
	console.log(name, out);
}

// A known difference: on shardlite fn must fail with a message containing `msg` (the database's
// ERROR line of a schema engine error, else its first line); on PostgreSQL succeed.
async function gap(name, fn, msg) {
	let got = 'ok';
	try {
		await fn();
	} catch (e) {
		got = String(e.message || e).split('\n').find((l) => /ERROR/.test(l)) ||
			String(e.message || e).split('\n')[0];
	}
	const ok = target === 'shardlite' ? got.includes(msg) : got === 'ok';
	console.log(name, ok ? 'known gap' : `UNEXPECTED ${got}`);
}

async function schema(wasm, text) {
	const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
	const files = { files: [{ path: 'schema.prisma', content: text }] };
	const filters = { externalTables: [], externalEnums: [] };
	const engine = await wasm.SchemaEngine.new({ datamodels: [['schema.prisma', text]] },
		(log) => verbose && console.log('   ', log), factory);
	// prisma migrate diff --from-empty --to-schema --script: the first migration's SQL
	const diff = await engine.diff({ from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', ...files },
		script: true, exitCode: null, filters });
	await step('migrate diff', () => diff.stdout.split('\n').filter((l) => /^CREATE|^ALTER/.test(l)));
	// prisma migrate deploy: that migration applied, recorded in _prisma_migrations
	const migrations = {
		baseDir: '/migrations', lockfile: { path: 'migration_lock.toml', content: null },
		shadowDbInitScript: '',
		migrationDirectories: [{ path: '0001_init', migrationFile: { path: 'migration.sql',
			content: { tag: 'ok', value: diff.stdout } } }],
	};
	await step('migrate deploy', async () =>
		(await engine.applyMigrations({ migrationsList: migrations, filters })).appliedMigrationNames);
	// prisma db push: the live schema read back (pg_catalog) and diffed with the schema — no
	// change when they agree, then the one column the schema adds
	const push = (db, content) => db.schemaPush({ force: false,
		schema: { files: [{ path: 'schema.prisma', content }] }, filters });
	await step('db push unchanged', () => push(engine, text));
	const pushed = text.replace('  views     Int      @default(0)\n',
		'  views     Int      @default(0)\n  rating    Float?\n');
	await step('db push column', () => push(engine, pushed));
	await step('db push again', () => push(engine, pushed));
	// prisma db pull: the schema as introspected, printed whole
	await step('db pull', () => engine.introspect({ schema: files, baseDirectoryPath: '.', force: true,
		compositeTypeDepth: -1, namespaces: null }).then((r) => r.schema.files[0].content.split('\n')
		.filter((l) => l.trim() && !/^\s*(\/\/|provider|output)/.test(l))));
	await pushEmpty(wasm, pushed);
	// the enum (CREATE TYPE in the first migration) gains a value: a second migration (migrate
	// dev's diff between the two schemas) with ALTER TYPE ... ADD VALUE
	const withGuest = text.replace('  ADMIN\n}', '  ADMIN\n  GUEST\n}');
	const diff2 = await engine.diff({ from: { tag: 'schemaDatamodel', ...files },
		to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: withGuest }] },
		script: true, exitCode: null, filters });
	await step('migrate diff enum', () => diff2.stdout.split('\n').filter((l) => /^CREATE|^ALTER/.test(l)));
	migrations.migrationDirectories.push({ path: '0002_enum', migrationFile: { path: 'migration.sql',
		content: { tag: 'ok', value: diff2.stdout } } });
	await step('migrate deploy enum', async () => (await engine.applyMigrations({
		migrationsList: migrations, filters })).appliedMigrationNames);
	engine.free();
}

// prisma db push on an empty database (a new tenant; on PostgreSQL a new database): every
// table created from the schema, then nothing left to do.
async function pushEmpty(wasm, text) {
	const emptyUrl = url.replace(/\/acme$/, '/acme_push');
	if (target === 'pg') {
		const c = new pg.Client(url);
		await c.connect();
		await c.query('CREATE DATABASE acme_push');
		await c.end();
	}
	const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: emptyUrl }));
	const engine = await wasm.SchemaEngine.new({ datamodels: [['schema.prisma', text]] },
		(log) => verbose && console.log('   ', log), factory);
	const push = () => engine.schemaPush({ force: false,
		schema: { files: [{ path: 'schema.prisma', content: text }] },
		filters: { externalTables: [], externalEnums: [] } });
	await step('db push empty', push);
	await step('db push empty again', push);
	const c = new pg.Client(emptyUrl);
	await c.connect();
	await step('db push empty tables', async () => (await c.query(`SELECT table_name, column_name,
		data_type FROM information_schema.columns WHERE table_schema = 'public'
		ORDER BY table_name, ordinal_position`)).rows.map((r) => Object.values(r).join(' ')));
	await c.end();
	engine.free();
}

async function client(prisma) {
	const a = prisma.author;
	const pick = { select: { id: true, email: true, name: true, karma: true, balance: true } };
	await step('create', () => a.create({ data: { email: 'ann@x.io', name: 'Ann', karma: 12345678901234n,
		balance: '10.50', profile: { tier: 'gold', n: [1, 2] }, avatar: Buffer.from([0, 1, 254]) } }).then(
		(r) => ({ ...r, createdAt: r.createdAt instanceof Date, updatedAt: r.updatedAt instanceof Date })));
	await step('createMany', () => a.createMany({ data: [{ email: 'bob@x.io', name: 'Bob' },
		{ email: 'cy@x.io', balance: '3.25' }, { email: 'di@x.io', active: false }] }));
	await step('nested create', () => a.create({ data: { email: 'eve@x.io', name: 'Eve',
		posts: { create: [{ title: 'p1', tags: { create: [{ name: 'sql' }, { name: 'orm' }] } },
			{ title: 'p2', published: true, views: 7, tags: { connect: [{ name: 'sql' }] } }] } },
	include: { posts: { include: { tags: { orderBy: { name: 'asc' } } }, orderBy: { id: 'asc' } } } })
		.then((r) => r.posts.map((p) => [p.title, p.published, p.views, p.tags.map((t) => t.name)])));
	await step('findUnique', () => a.findUnique({ where: { email: 'ann@x.io' }, ...pick }));
	await step('findMany', () => a.findMany({ where: { OR: [{ name: { startsWith: 'B' } },
		{ balance: { gt: 1 } }], active: true }, orderBy: [{ balance: 'desc' }, { id: 'asc' }],
	select: { email: true, balance: true } }));
	await step('take skip', () => a.findMany({ orderBy: { id: 'asc' }, take: 2, skip: 1,
		select: { email: true } }));
	await step('cursor', () => a.findMany({ cursor: { email: 'bob@x.io' }, take: 2,
		orderBy: { id: 'asc' }, select: { email: true } }));
	await step('filters', () => a.findMany({ where: { email: { in: ['ann@x.io', 'di@x.io'] },
		name: { not: null }, profile: { path: ['tier'], equals: 'gold' } }, select: { email: true } }));
	await step('include', () => prisma.post.findMany({ where: { author: { email: 'eve@x.io' } },
		include: { author: { select: { name: true } }, _count: { select: { tags: true } } },
		orderBy: { title: 'asc' } }).then((r) => r.map((p) => [p.title, p.author.name, p._count.tags])));
	await step('relation filter', () => a.findMany({ where: { posts: { some: { published: true } } },
		select: { email: true } }));
	await step('update', () => a.update({ where: { email: 'bob@x.io' }, data: { karma: { increment: 5 },
		balance: { set: '7.77' }, name: 'Robert' }, ...pick }));
	await step('updateMany', () => a.updateMany({ where: { active: true, name: null },
		data: { name: 'anon' } }));
	await step('upsert insert', () => a.upsert({ where: { email: 'fay@x.io' }, create: { email: 'fay@x.io' },
		update: { name: 'no' }, ...pick }));
	await step('upsert update', () => a.upsert({ where: { email: 'fay@x.io' }, create: { email: 'fay@x.io' },
		update: { name: 'Fay' }, ...pick }));
	await step('enum set', () => a.update({ where: { email: 'bob@x.io' }, data: { role: 'ADMIN' },
		select: { email: true, role: true } }));
	await step('enum filter', () => a.findMany({ where: { role: 'ADMIN' }, select: { email: true } }));
	await step('enum in order', () => a.findMany({ where: { role: { in: ['USER', 'ADMIN'] } },
		orderBy: [{ role: 'desc' }, { email: 'asc' }], select: { email: true, role: true } }));
	await step('enum groupBy', () => a.groupBy({ by: ['role'], _count: { _all: true },
		orderBy: { role: 'asc' } }));
	await step('enum invalid', () => prisma.$executeRaw`UPDATE "Author" SET role = ${'BOSS'}::"Role"`);
	await step('count', () => a.count({ where: { active: true } }));
	await step('aggregate', () => a.aggregate({ _sum: { balance: true, karma: true }, _avg: { balance: true },
		_min: { email: true }, _max: { balance: true }, _count: { _all: true, name: true } }));
	await step('groupBy', () => a.groupBy({ by: ['active'], _count: { _all: true },
		_sum: { balance: true }, orderBy: { active: 'asc' } }));
	await step('groupBy having', () => prisma.post.groupBy({ by: ['authorId'], _sum: { views: true },
		having: { views: { _sum: { gt: 0 } } } }).then((r) => r.length));
	await step('round trips', () => a.findUnique({ where: { email: 'ann@x.io' },
		select: { karma: true, balance: true, profile: true, avatar: true } }));
	await step('transaction array', () => prisma.$transaction([
		a.update({ where: { email: 'cy@x.io' }, data: { balance: { decrement: 1 } }, select: { balance: true } }),
		a.count()]));
	await step('transaction interactive', async () => {
		try {
			await prisma.$transaction(async (tx) => {
				await tx.author.create({ data: { email: 'tmp@x.io' } });
				throw new Error('rollback');
			});
		} catch (e) {
			return [e.message, await a.count({ where: { email: 'tmp@x.io' } })];
		}
		return 'committed';
	});
	await step('queryRaw', () => prisma.$queryRaw`SELECT email, balance, karma FROM "Author"
		WHERE balance >= ${2} AND email LIKE ${'%x.io'} ORDER BY email`);
	await step('executeRaw', () => prisma.$executeRaw`UPDATE "Post" SET views = views + ${1}
		WHERE title = ANY(${['p1', 'p2']})`);
	await step('unique violation', () => a.create({ data: { email: 'ann@x.io' } }));
	await step('foreign key violation', () => prisma.post.create({ data: { title: 'orphan', authorId: 999 } }));
	await step('disconnect', () => prisma.post.update({ where: { id: 1 },
		data: { tags: { disconnect: [{ name: 'orm' }] } }, include: { tags: true } })
		.then((p) => p.tags.map((t) => t.name)));
	await step('delete cascade', async () => [(await a.delete({ where: { email: 'eve@x.io' } })).email,
		await prisma.post.count()]);
	await step('deleteMany', () => a.deleteMany({ where: { email: { endsWith: 'x.io' }, active: false } }));
}

async function main() {
	const wasm = await loadEngine();
	await schema(wasm, fs.readFileSync(schemaPath, 'utf8'));
	const { PrismaClient } = require(genDir);
	const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
	await client(prisma);
	await prisma.$disconnect();
	console.log('done');
	// The schema engines' pools (made inside the wasm engine through the adapter factories,
	// which engine.free() does not close) would keep Node alive for their minute of idle
	// timeout; nothing else is pending, and stdout is a pipe (written synchronously).
	process.exit(0);
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
