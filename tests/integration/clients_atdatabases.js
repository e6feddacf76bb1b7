// SPDX-License-Identifier: Apache-2.0
// clients_atdatabases.js: @databases/pg 6 (its sql tagged template: values, identifiers, joins,
// raw fragments; query, query of several, queryStream and queryNodeStream over pg-cursor;
// tx with isolation and read-only options, nested tx as savepoints, retries; advisory locks;
// its error codes; bigIntMode; registerTypeParser/getTypeParser by type name),
// @databases/pg-schema-introspect 5 (the catalog read for a schema: types, classes, attributes,
// constraints) and @databases/pg-typed 4 driven by a databaseSchema made from that introspection
// (insert, bulkInsert, find, update, delete) — one line per step for test_clients.sh to compare.
// Usage: node clients_atdatabases.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const createConnectionPool = require('@databases/pg').default;
const { sql, isSQLError, SQLErrorCode, IsolationLevel } = require('@databases/pg');
const getSchema = require('@databases/pg-schema-introspect').default;
const tables = require('@databases/pg-typed').default;
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const url = process.argv[2];
const target = process.argv[3];
const { step } = clients(target);

const plain = (r) => r && Object.fromEntries(Object.entries(r).map(([k, v]) => [k,
	v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('hex') : v]));
const errOf = (e) => [isSQLError(e), e.code];

async function basics(db) {
	await step('connect', async () => db.query(sql`SELECT current_database() AS db, ${41}::int + 1 AS n`));
	await step('create', async () => db.query(sql`
		CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
		CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name varchar(40),
			score int8 DEFAULT 0, mood mood, born date, seen timestamptz, meta jsonb, tags text[]);
		CREATE TABLE posts (id bigserial PRIMARY KEY, user_id int NOT NULL REFERENCES users ON DELETE CASCADE,
			title text NOT NULL CHECK (title <> ''), body text, published bool NOT NULL DEFAULT false);
		COMMENT ON TABLE users IS 'people';
		COMMENT ON COLUMN users.email IS 'login'`));
	await step('insert values', async () => (await db.query(sql`INSERT INTO users (email, name, score, mood, born, seen, meta, tags)
		VALUES (${'a@x.io'}, ${"O'Brien"}, ${'9007199254740993'}, ${'happy'}, ${'2000-02-29'},
		${new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678))}, ${{ k: [1, null] }}, ${['x', 'y z']})
		RETURNING *`)).map(plain));
	await step('insert join', async () => {
		const rows = [['b@x.io', 'Bea'], ['c@x.io', null]];
		return db.query(sql`INSERT INTO users (email, name) VALUES ${sql.join(rows.map(([e, n]) =>
			sql`(${e}, ${n})`), sql`, `)} RETURNING id, email, name`);
	});
	await step('identifiers', async () => db.query(sql`SELECT ${sql.ident('users', 'email')} AS ${sql.ident('E mail')}
		FROM ${sql.ident('users')} ORDER BY ${sql.ident('id')} DESC`));
	await step('raw and values', async () => db.query(sql`SELECT ${sql.__dangerous__rawValue('count(*)')} AS n,
		${sql.value(null)}::text AS nothing FROM users WHERE score >= ${0} AND email LIKE ${'%@x.io'}`));
	await step('query several', async () => db.query([sql`SELECT 1 AS a`, sql`SELECT email FROM users WHERE id = ${2}`]));
	await step('in list', async () => db.query(sql`SELECT email FROM users WHERE id = ANY(${[1, 3]}::int[]) ORDER BY id`));
	await step('posts', async () => db.query(sql`INSERT INTO posts (user_id, title, body)
		SELECT id, 'hello from ' || email, NULL FROM users ORDER BY id RETURNING id, user_id, title, published`));
	await step('types', async () => (await db.query(sql`SELECT 1::int2 AS i2, 2::int8 AS i8, 1.5::numeric AS num,
		2.5::float4 AS f4, '2024-01-01'::date AS d, '2024-01-01 10:00'::timestamp AS ts,
		'1 day 02:00'::interval AS iv, '{1,2}'::int8[] AS a8, 'happy'::mood AS m, '\\x00ff'::bytea AS b,
		'{"a":1}'::json AS j`)).map(plain));
}

async function streams(db) {
	await step('queryStream', async () => {
		const out = [];
		for await (const r of db.queryStream(sql`SELECT g, g * ${2} AS d FROM generate_series(1, 7) AS g`, { batchSize: 3 }))
			out.push(r);
		return out;
	});
	await step('queryNodeStream', async () => new Promise((resolve, reject) => {
		const out = [];
		db.queryNodeStream(sql`SELECT id, email FROM users ORDER BY id`, { batchSize: 2 })
			.on('data', (r) => out.push(r)).on('error', reject).on('end', () => resolve(out));
	}));
	await step('queryStream error', async () => {
		const out = [];
		try {
			for await (const r of db.queryStream(sql`SELECT g, 1 / (g - 2) AS q FROM generate_series(1, 4) AS g`, { batchSize: 1 }))
				out.push(r);
		} catch (e) {
			out.push(errOf(e));
		}
		return out;
	});
}

async function transactions(db) {
	await step('tx', async () => db.tx(async (t) => {
		await t.query(sql`UPDATE users SET score = score + 1 WHERE id = ${2}`);
		return t.query(sql`SELECT score FROM users WHERE id = ${2}`);
	}));
	await step('tx rolled back', async () => [await db.tx(async (t) => {
		await t.query(sql`DELETE FROM posts`);
		await t.query(sql`SELECT 1 / 0`);
	}).catch(errOf), await db.query(sql`SELECT count(*)::int AS n FROM posts`)]);
	await step('tx options', async () => db.tx(async (t) => t.query(sql`SELECT current_setting('transaction_isolation') AS iso,
		current_setting('transaction_read_only') AS ro`), { isolationLevel: IsolationLevel.SERIALIZABLE, readOnly: true,
		deferrable: true }));
	await step('tx read only write', async () => db.tx(async (t) => t.query(sql`DELETE FROM posts`),
		{ readOnly: true }).catch(errOf));
	await step('tx repeatable read', async () => db.tx(async (t) => t.query(sql`SELECT current_setting('transaction_isolation') AS iso`),
		{ isolationLevel: IsolationLevel.REPEATABLE_READ }));
	// a nested tx is a savepoint: its failure rolls back only its own work
	await step('nested tx', async () => db.tx(async (t) => {
		await t.query(sql`UPDATE users SET name = 'outer' WHERE id = 3`);
		const inner = await t.tx(async (t2) => {
			await t2.query(sql`INSERT INTO users (email) VALUES ('a@x.io')`);
		}).catch(errOf);
		return [inner, await t.query(sql`SELECT name FROM users WHERE id = 3`)];
	}));
	await step('advisory lock', async () => db.tx(async (t) => {
		await t.advisoryTxLock(7);
		return [await t.tryAdvisoryTxLock(7), await t.tryAdvisoryTxLockShared([1, 2])];
	}));
	await step('post commit step', async () => {
		const seen = [];
		await db.tx(async (t) => {
			await t.addPostCommitStep(async () => { seen.push('after commit'); });
			seen.push('inside');
		});
		return seen;
	});
	await step('task', async () => db.task(async (c) => {
		await c.query(sql`SET LOCAL statement_timeout = 0`);
		return c.query(sql`SELECT pg_backend_pid() = pg_backend_pid() AS same`);
	}));
	await step('errors', async () => {
		const out = [];
		for (const q of [sql`INSERT INTO users (email) VALUES ('a@x.io')`, sql`INSERT INTO posts (user_id, title) VALUES (999, 't')`,
			sql`INSERT INTO posts (user_id, title) VALUES (1, '')`, sql`INSERT INTO users (email) VALUES (NULL)`,
			sql`SELECT nope FROM users`, sql`SELECT * FROM nope`, sql`SELEC 1`, sql`SELECT 'sad'::mood < 'x'::mood`])
			out.push(await db.query(q).then(() => 'ok', (e) => [e.code, e.code === SQLErrorCode.UNIQUE_VIOLATION]));
		return out;
	});
}

async function parsers(db) {
	await step('getTypeParser', async () => {
		const p = await db.getTypeParser('mood');
		return [typeof p, p('ok')];
	});
	await step('registerTypeParser', async () => {
		await db.registerTypeParser('mood', (v) => v.toUpperCase());
		return db.query(sql`SELECT mood FROM users ORDER BY id`);
	});
	await step('parseArray', async () => db.parseArray('{1,"a b",NULL}'));
}

// pg-schema-introspect reads public: object ids differ between servers, so they are printed
// as the names they lead to
async function introspect(db) {
	let schema;
	await step('introspect', async () => {
		schema = await getSchema(db, { schemaName: 'public' });
		const typeName = new Map(schema.types.map((t) => [t.typeID, t.typeName]));
		const className = new Map(schema.classes.map((c) => [c.classID, c.className]));
		return {
			types: schema.types.filter((t) => t.kind === 'e' || t.typeName === '_mood').map((t) => [t.typeName, t.kind,
				t.category, t.values || null, t.subtypeID ? typeName.get(t.subtypeID) || t.subtypeID : null]),
			classes: schema.classes.map((c) => [c.className, c.kind, c.comment,
				c.attributes.map((a) => [a.attributeNumber, a.attributeName, typeName.get(a.typeID) || a.typeID, a.typeLength,
					a.notNull, a.hasDefault, a.default, a.comment]),
				c.constraints.map((k) => [k.constraintName, k.constraintType, className.get(k.referencedClassID) || null,
					k.foreignKeyUpdateAction, k.foreignKeyDeletionAction, k.foreignKeyMatchType,
					k.tableAttributeNumbers, k.referencedAttributeNumbers])]).sort((a, b) => a[0].localeCompare(b[0])),
		};
	});
	if (!schema)
		return;
	// pg-typed over the introspected schema (what pg-schema-cli writes as schema.json)
	const typeIds = [...new Set(schema.classes.flatMap((c) => c.attributes.map((a) => a.typeID)))];
	const typeName = new Map((await db.query(sql`SELECT oid::int AS id, typname FROM pg_type WHERE oid = ANY(${typeIds}::oid[])`))
		.map((r) => [r.id, r.typname]));
	const databaseSchema = schema.classes.filter((c) => c.kind === 'r').map((c) => ({
		name: c.className,
		columns: c.attributes.map((a) => ({ name: a.attributeName, isNullable: !a.notNull, hasDefault: a.hasDefault,
			typeId: a.typeID, typeName: typeName.get(a.typeID) || null })),
	}));
	const { users, posts } = tables({ databaseSchema });
	let ids = [];
	await step('typed insert', async () => {
		const rows = await users(db).insert({ email: 'd@x.io', name: 'Dee', meta: { d: true }, tags: ['q'] }, { email: 'e@x.io' });
		ids = rows.map((r) => r.id);
		return rows.map((r) => [r.id, r.email, r.meta, r.tags, r.score]);
	});
	await step('typed bulkInsert', async () => (await posts(db).bulkInsert({ columnsToInsert: ['user_id', 'title', 'published'],
		records: [{ user_id: ids[0], title: 'one', published: true }, { user_id: ids[1], title: 'two', published: false }] }))
		.map((r) => [r.user_id, r.title, r.published]));
	await step('typed find', async () => [
		(await users(db).find({ name: tables.not(null) }).orderByAsc('id').all()).map((r) => r.email),
		(await users(db).findOne({ email: 'd@x.io' })).name,
		(await posts(db).find({ published: true, user_id: tables.anyOf(ids) }).select('title').all()),
		(await users(db).find({ id: tables.greaterThan(2) }).orderByDesc('id').first()).email,
		await users(db).count({ mood: null }),
	]);
	await step('typed update', async () => (await users(db).update({ email: 'e@x.io' }, { name: 'Eve', score: 5 }))
		.map((r) => [r.email, r.name, r.score]));
	await step('typed delete', async () => [await users(db).delete({ email: 'e@x.io' }),
		await posts(db).count({ user_id: ids[1] })]);
	await step('typed bulkInsertOrIgnore', async () => (await users(db).bulkInsertOrIgnore({ columnsToInsert: ['email'],
		records: [{ email: 'a@x.io' }, { email: 'f@x.io' }] })).map((r) => r.email));
}

async function main() {
	const db = createConnectionPool({ connectionString: url, bigIntMode: 'string', poolSize: 2 });
	await basics(db);
	await streams(db);
	await transactions(db);
	await parsers(db);
	await introspect(db);
	await step('drop', async () => db.query(sql`DROP TABLE posts, users; DROP TYPE mood`));
	await db.dispose();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
