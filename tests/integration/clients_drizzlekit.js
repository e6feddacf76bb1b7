// SPDX-License-Identifier: Apache-2.0
// clients_drizzlekit.js: drizzle-kit 0.31 (the CLI of Drizzle ORM 0.44) over pg —
// `generate` migrations from clients_drizzlekit_schema.js, drizzle-orm's migrator applying
// them (its __drizzle_migrations journal), `push` of the same schema finding nothing to change
// and of a changed one changing it, and `pull` (introspect) writing the schema back as
// TypeScript, printed line by line, for test_clients.sh to compare with PostgreSQL 15.
// Usage: node clients_drizzlekit.js URL pg|shardlite WORKDIR   (NODE_PATH names node_modules)
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { Pool } = require('pg');
const { drizzle } = require('drizzle-orm/node-postgres');
const { migrate } = require('drizzle-orm/node-postgres/migrator');
const { eq, sql } = require('drizzle-orm');
const { clients } = require('./clients_common.js');

const [url, target, work] = process.argv.slice(2);
const { step } = clients(target);
const modules = process.env.NODE_PATH.split(path.delimiter)[0];

// drizzle-kit CLI in WORKDIR, its config naming the schema, the migrations folder and journal.
// A query that failed makes it print the driver's error (and exit 0): its SQLSTATE is thrown.
function kit(args, stage = 1) {
	const r = spawnSync(process.execPath, [path.join(modules, 'drizzle-kit', 'bin.cjs'), ...args], {
		cwd: work, encoding: 'utf8',
		env: { ...process.env, DRIZZLEKIT_URL: url, DRIZZLEKIT_STAGE: String(stage) },
	});
	const out = `${r.stdout}${r.stderr}`;
	const code = /code: '([0-9A-Z]{5})'/.exec(out);
	if (code || r.status !== 0)
		throw Object.assign(new Error(out), { code: code ? code[1] : `exit ${r.status}` });
	return out;
}

// The SQL statements drizzle-kit printed (push --verbose) or wrote (a migration file).
const statements = (text) => text.split('\n').filter((l) => /^(CREATE|ALTER|DROP) /.test(l))
	.map((l) => l.replace(/--> statement-breakpoint$/, ''));

function setup() {
	fs.rmSync(work, { recursive: true, force: true });
	fs.mkdirSync(path.join(work, 'empty', 'meta'), { recursive: true });
	fs.writeFileSync(path.join(work, 'empty', 'meta', '_journal.json'),
		JSON.stringify({ version: '7', dialect: 'postgresql', entries: [] }));
	fs.copyFileSync(path.join(__dirname, 'clients_drizzlekit_schema.js'),
		path.join(work, 'schema.js'));
	fs.symlinkSync(modules, path.join(work, 'node_modules'));
	fs.writeFileSync(path.join(work, 'drizzle.config.js'), `module.exports = {
	dialect: 'postgresql', schema: './schema.js', out: './drizzle',
	dbCredentials: { url: process.env.DRIZZLEKIT_URL },
	tablesFilter: ['!__drizzle_migrations'],
};\n`);
}

async function main() {
	setup();
	const pool = new Pool({ connectionString: url });
	const db = drizzle(pool);
	const { authors, books } = require(path.join(work, 'schema.js'));
	const sqlFiles = () => fs.readdirSync(path.join(work, 'drizzle'))
		.filter((f) => f.endsWith('.sql')).sort();
	const journal = async () => {
		const hashes = sqlFiles().map((f) => crypto.createHash('sha256')
			.update(fs.readFileSync(path.join(work, 'drizzle', f), 'utf8')).digest('hex'));
		const { rows } = await pool.query(
			'SELECT id, hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id');
		return rows.map((r) => [r.id, hashes.indexOf(r.hash), typeof r.created_at]);
	};

	await step('generate', () => statements(kit(['generate', '--name', 'init']) &&
		fs.readFileSync(path.join(work, 'drizzle', sqlFiles()[0]), 'utf8')));
	// drizzle-orm's migrator keeps its journal in its default schema "drizzle", a schema
	// inside the tenant (earlier gap #63)
	const migrated = async () => {
		await migrate(db, { migrationsFolder: path.join(work, 'drizzle') });
		return journal();
	};
	await step('migrate', migrated);
	await step('migrate again', migrated);
	await step('rows', async () => {
		const [a] = await db.insert(authors).values({ name: 'Ann', email: 'ann@example.org' })
			.returning();
		const [b] = await db.insert(books).values({ authorId: a.id, title: 'Notes',
			meta: { pages: 12 }, published: '2024-05-01 10:00:00' }).returning();
		const [j] = await db.select().from(books).innerJoin(authors, eq(books.authorId, authors.id))
			.where(eq(books.id, b.id));
		return [a.id, a.mood, a.active, a.createdAt instanceof Date, b.id, b.ref.length, b.price,
			j.books.meta, j.books.published, j.authors.name];
	});
	await step('identity', () => db.execute(sql`INSERT INTO books (id, author_id, title)
		VALUES (99, 1, 'x')`).then(() => 'inserted'));
	await step('named sequence', async () => {
		const { tags } = require(path.join(work, 'schema.js'));
		const rows = await db.insert(tags).values([{ label: 'a' }, { label: 'b' }]).returning();
		return [rows.map((r) => r.id), (await pool.query(
			"SELECT pg_get_serial_sequence('tags', 'id') AS s")).rows[0].s];
	});
	await step('generate 2', () => statements(kit(['generate', '--name', 'more'], 2) &&
		fs.readFileSync(path.join(work, 'drizzle', sqlFiles()[1]), 'utf8')));
	await step('migrate 2', migrated);
	// push against the schema the migrations made, without the journal (and its schema)
	await step('journal dropped', () => pool.query('DROP TABLE drizzle.__drizzle_migrations')
		.then(() => pool.query('DROP SCHEMA drizzle')).then(() => 'ok'));
	// push: the statements it ran, and whether it found nothing to change
	const push = (stage) => {
		const out = kit(['push', '--force', '--verbose'], stage);
		return [statements(out), out.includes('No changes detected')];
	};
	await step('push unchanged', () => push(2));
	await step('push 3', () => push(3));
	await step('push 3 unchanged', () => push(3));
	// pull: the TypeScript it writes, a line each. Its tables come in the order its query
	// (without ORDER BY) reads pg_class, which is PostgreSQL's heap order: the declarations
	// and the names each import lists are sorted first.
	const sorted = (text) => {
		const blocks = text.split(/\n{2,}/).map((b) => b.replace(/^\n+|\n+$/g, '')
			.replace(/^(import \{ )(.*)( \} from)/gm,
				(m, a, names, z) => a + names.split(', ').sort().join(', ') + z));
		const decl = (b) => b.startsWith('export const');
		return blocks.filter((b) => !decl(b)).concat(blocks.filter(decl).sort()).join('\n\n');
	};
	await step('pull', () => {
		kit(['pull', '--dialect', 'postgresql', '--url', url, '--out', 'pulled']);
		for (const f of ['schema.ts', 'relations.ts']) {
			const text = sorted(fs.readFileSync(path.join(work, 'pulled', f), 'utf8'));
			for (const line of text.split('\n'))
				console.log('pull', f, line);
		}
		return 'ok';
	});
	await pool.end();
	console.log('done');
}

main().catch((e) => {
	console.log('FATAL', e.code || '', e.message, e.stderr || '');
	process.exit(1);
});
