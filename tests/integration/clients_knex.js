// SPDX-License-Identifier: Apache-2.0
// clients_knex.js: Knex 3 (npm knex over pg) — the schema builder (createTable with every
// common type, hasTable, hasColumn, alterTable, renameColumn, dropTable), migrations from a
// source object (knex_migrations and its lock table), the query builder with returning,
// joins, aggregates, a transaction and errors — one line per step for test_clients.sh.
// Usage: node clients_knex.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const knexLib = require('knex');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const target = process.argv[3];
const { step } = clients(target);

// Migrations given in code (no directory): the way knex.migrate reads them.
const migrations = {
	getMigrations: async () => ['001_orders', '002_lines'],
	getMigrationName: (m) => m,
	getMigration: async (m) => ({
		'001_orders': {
			up: (k) => k.schema.createTable('orders', (t) => {
				t.increments('id');
				t.string('customer', 80).notNullable().index();
				t.decimal('total', 10, 2).defaultTo(0);
				t.timestamps(true, true);
			}),
			down: (k) => k.schema.dropTable('orders'),
		},
		'002_lines': {
			up: (k) => k.schema.createTable('lines', (t) => {
				t.increments('id');
				t.integer('order_id').unsigned().references('id').inTable('orders')
					.onDelete('CASCADE');
				t.string('sku').notNullable();
				t.integer('qty').defaultTo(1);
				t.unique(['order_id', 'sku']);
			}),
			down: (k) => k.schema.dropTable('lines'),
		},
	})[m],
};

async function main() {
	const knex = knexLib({ client: 'pg', connection: process.argv[2], pool: { min: 1, max: 1 } });
	await step('create table', async () => {
		await knex.schema.createTable('things', (t) => {
			t.bigIncrements('id');
			t.string('name', 40).notNullable().unique();
			t.text('note');
			t.integer('n');
			t.bigInteger('big');
			t.float('f4');
			t.double('f8');
			t.decimal('price', 8, 3);
			t.boolean('ok').defaultTo(false);
			t.date('day');
			t.timestamp('at', { useTz: true }).defaultTo(knex.fn.now());
			t.timestamp('plain', { useTz: false });
			t.time('clock');
			t.json('j');
			t.jsonb('jb');
			t.uuid('ref');
			t.binary('raw');
			t.enu('size', ['s', 'm', 'l']);
			t.specificType('tags', 'text[]');
		});
		return 'ok';
	});
	await step('hasTable', async () => [await knex.schema.hasTable('things'),
		await knex.schema.hasTable('nothing')]);
	await step('hasColumn', async () => [await knex.schema.hasColumn('things', 'price'),
		await knex.schema.hasColumn('things', 'nope')]);
	await step('columnInfo', async () => knex('things').columnInfo());
	await step('insert returning', async () => knex('things').insert([
		{ name: 'a', note: 'it\'s', n: 1, big: '9007199254740993', f4: 1.5, f8: 0.1, price: '2.500',
			ok: true, day: '2024-02-29', plain: '2024-01-02 03:04:05', clock: '12:34:56',
			j: JSON.stringify({ x: 1 }), jb: { y: [true, null] },
			ref: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', raw: Buffer.from('hi'), size: 'm',
			tags: ['p', 'q'] },
		{ name: 'b', n: 2 }]).returning(['id', 'name', 'ok']));
	await step('select', async () => (await knex('things').where({ name: 'a' }).first())
		&& Object.entries(await knex('things').where('name', 'a').first()).map(([k, v]) =>
			[k, k === 'at' ? v instanceof Date : v instanceof Date ? v.toISOString() :
				Buffer.isBuffer(v) ? v.toString('hex') : v]));
	await step('whereIn', async () => knex('things').whereIn('name', ['a', 'b', 'c'])
		.orderBy('name', 'desc').pluck('name'));
	await step('update returning', async () => knex('things').where('n', '>', 1)
		.update({ note: 'two', n: knex.raw('n * 10') }, ['name', 'n', 'note']));
	await step('increment', async () => (await knex('things').where('name', 'a').increment('n', 5)));
	await step('check constraint', async () => knex('things').insert({ name: 'c', size: 'xl' })
		.catch((e) => [e.code, e.constraint]));
	await step('unique', async () => knex('things').insert({ name: 'a' })
		.catch((e) => [e.code, e.constraint, e.detail]));
	await step('alterTable', async () => {
		await knex.schema.alterTable('things', (t) => {
			t.string('extra', 10).defaultTo('x');
			t.renameColumn('note', 'remark');
			t.dropColumn('f4');
			t.index(['n'], 'things_n_idx');
		});
		return Object.keys(await knex('things').columnInfo());
	});
	await step('alter column', async () => {
		await knex.schema.alterTable('things', (t) => {
			t.text('extra').nullable().alter();
		});
		return (await knex('things').columnInfo()).extra;
	});
	await step('migrate latest', async () => knex.migrate.latest({ migrationSource: migrations }));
	await step('migrate status', async () => [await knex.migrate.currentVersion({ migrationSource: migrations }),
		(await knex('knex_migrations').orderBy('id').pluck('name'))]);
	await step('orders', async () => {
		const [o] = await knex('orders').insert({ customer: 'ann', total: '9.99' }, ['id', 'total']);
		await knex('lines').insert([{ order_id: o.id, sku: 'x', qty: 2 }, { order_id: o.id, sku: 'y' }]);
		return o;
	});
	await step('join', async () => knex('orders').join('lines', 'lines.order_id', 'orders.id')
		.select('orders.customer', 'lines.sku', 'lines.qty').orderBy('lines.sku'));
	await step('aggregate', async () => knex('lines').select('order_id').sum({ q: 'qty' })
		.count({ n: '*' }).groupBy('order_id'));
	await step('transaction', async () => {
		await knex.transaction(async (trx) => {
			await trx('lines').insert({ order_id: 1, sku: 'z' });
			await trx('lines').insert({ order_id: 1, sku: 'z' });
		}).catch((e) => e.code);
		return knex('lines').count({ n: '*' }).first();
	});
	await step('foreign key', async () => knex('lines').insert({ order_id: 42, sku: 'q' })
		.catch((e) => [e.code, e.constraint, e.detail]));
	await step('raw', async () => (await knex.raw('SELECT ?::int + ? AS s, ?? AS c FROM orders',
		[1, 2, 'customer'])).rows);
	await step('delete cascade', async () => [await knex('orders').del(),
		(await knex('lines').count({ n: '*' }).first()).n]);
	await step('migrate rollback', async () => knex.migrate.rollback({ migrationSource: migrations }, true));
	await step('drop', async () => {
		await knex.schema.dropTableIfExists('things');
		return [await knex.schema.hasTable('things'), await knex.schema.hasTable('knex_migrations')];
	});
	await knex.destroy();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
