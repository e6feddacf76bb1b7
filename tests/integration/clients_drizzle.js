// SPDX-License-Identifier: Apache-2.0
// clients_drizzle.js: Drizzle ORM (npm drizzle-orm over a pg Pool) — inserts with RETURNING,
// selects, a join with GROUP BY, an update with an SQL expression, a rolled-back transaction,
// a delete — printed one line per step for test_clients.sh to compare with PostgreSQL 15.
// Usage: node clients_drizzle.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const { Pool } = require('pg');
const { drizzle } = require('drizzle-orm/node-postgres');
const { pgTable, serial, text, integer, numeric, boolean, timestamp, jsonb, uuid, varchar } =
	require('drizzle-orm/pg-core');
const { eq, gt, desc, count, inArray, sql } = require('drizzle-orm');

const target = process.argv[3];
const verbose = !!process.env.CLIENTS_VERBOSE;

const users = pgTable('users', {
	id: serial('id').primaryKey(),
	name: varchar('name', { length: 50 }).notNull(),
	balance: numeric('balance', { precision: 10, scale: 2 }).default('0'),
	active: boolean('active').default(true),
	created: timestamp('created', { withTimezone: true }).defaultNow(),
	meta: jsonb('meta'),
	ref: uuid('ref').defaultRandom(),
});
const posts = pgTable('posts', {
	id: serial('id').primaryKey(),
	userId: integer('user_id').references(() => users.id),
	title: text('title'),
});

const cause = (e) => (e.cause && e.cause.code ? e.cause : e);

// One line per step; gaps: [shardlite's text, PostgreSQL's, why] replaced on shardlite, which
// must contain it (so the test fails once shardlite matches and the entry must go).
async function step(name, fn, gaps = []) {
	try {
		let out = JSON.stringify(await fn());
		for (const [sl, pg, why] of gaps) {
			if (target === 'shardlite') {
				if (!out.includes(sl)) console.log('UNEXPECTED: no longer differs:', why);
				out = out.split(sl).join(pg);
			}
			console.log('known gap:', why);
		}
		console.log(name, out);
	} catch (e) {
		console.log(name, 'ERROR', cause(e).code || e.message);
		if (verbose) console.log('   ', e.message, cause(e).message);
	}
}

async function main() {
	const pool = new Pool({ connectionString: process.argv[2] });
	const db = drizzle(pool);
	await step('ddl', async () => {
		await db.execute(sql`CREATE TABLE users (id serial PRIMARY KEY, name varchar(50) NOT NULL,
			balance numeric(10,2) DEFAULT '0', active boolean DEFAULT true,
			created timestamptz DEFAULT now(), meta jsonb, ref uuid DEFAULT gen_random_uuid())`);
		await db.execute(sql`CREATE TABLE posts (id serial PRIMARY KEY,
			user_id integer REFERENCES users (id), title text)`);
		return 'ok';
	});
	// drizzle-kit's generated migrations guard CREATE TYPE and ADD CONSTRAINT with DO blocks
	// that catch duplicate_object: run twice, the second run changes nothing
	await step('migration do blocks', async () => {
		await db.execute(sql`CREATE TABLE post_tags (post_id integer NOT NULL, tag text)`);
		for (let i = 0; i < 2; i++) {
			await db.execute(sql.raw(`DO $$ BEGIN CREATE TYPE "public"."post_state" AS ENUM('draft', 'live'); EXCEPTION WHEN duplicate_object THEN null; END $$;`));
			await db.execute(sql.raw(`DO $$ BEGIN ALTER TABLE "post_tags" ADD CONSTRAINT "post_tags_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action; EXCEPTION WHEN duplicate_object THEN null; END $$;`));
		}
		const t = await db.execute(sql`SELECT enum_range(NULL::post_state)::text AS labels`);
		const k = await db.execute(sql`SELECT conname, contype FROM pg_constraint
			WHERE conrelid = 'post_tags'::regclass ORDER BY conname`);
		return [t.rows, k.rows];
	});
	// rows naming the same columns: the others are DEFAULT in every row
	await step('insert', () => db.insert(users).values([{ name: 'ann', balance: '0.00', meta: { a: 1 } },
		{ name: 'bob', balance: '5.50', meta: null }]).returning({ id: users.id, balance: users.balance }));
	// rows naming different columns: DEFAULT in some rows only (earlier gap #20)
	await step('insert mixed defaults', async () => {
		const r = await db.insert(users).values([{ name: 'cy' }, { name: 'di', balance: '1.00' }])
			.returning({ name: users.name, balance: users.balance, active: users.active });
		await db.delete(users).where(inArray(users.name, ['cy', 'di']));
		return r;
	});
	await step('insert posts', () => db.insert(posts).values([{ userId: 1, title: 'x' },
		{ userId: 1, title: 'y' }]).returning());
	await step('select', async () => (await db.select().from(users).where(eq(users.name, 'ann')))
		.map((u) => [u.name, u.balance, u.active, u.created instanceof Date, u.meta, typeof u.ref]));
	await step('join', () => db.select({ name: users.name, n: count(posts.id) }).from(users)
		.leftJoin(posts, eq(posts.userId, users.id)).groupBy(users.name).orderBy(users.name));
	await step('update', () => db.update(users).set({ balance: sql`${users.balance} + 1` })
		.where(gt(users.balance, '1')).returning({ name: users.name, b: users.balance }));
	await step('transaction', async () => {
		try {
			await db.transaction(async (tx) => {
				await tx.insert(posts).values({ userId: 2, title: 'z' });
				tx.rollback();
			});
		} catch (e) {
			return [e.message, (await db.select({ n: count() }).from(posts))[0].n];
		}
		return 'committed';
	});
	await step('delete', async () => (await db.delete(posts).where(eq(posts.title, 'x'))
		.returning({ title: posts.title })));
	await step('order limit', async () => (await db.select({ title: posts.title }).from(posts)
		.orderBy(desc(posts.id)).limit(1).offset(0)));
	await pool.end();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
