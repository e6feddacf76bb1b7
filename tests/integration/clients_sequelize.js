// SPDX-License-Identifier: Apache-2.0
// clients_sequelize.js: Sequelize 6 (npm sequelize over pg) — sync() of two associated models
// (its catalog queries included), model CRUD with every common type, eager loading, a managed
// and an unmanaged transaction, validation and constraint errors, queryInterface's
// describeTable, showAllTables and showIndex — one line per step for test_clients.sh.
// Usage: node clients_sequelize.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const { Sequelize, DataTypes, Op } = require('sequelize');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const target = process.argv[3];
const { step } = clients(target);
const verbose = !!process.env.CLIENTS_VERBOSE;

const plain = (m) => (m && m.get ? m.get({ plain: true }) : m);
// Timestamps Sequelize fills from the clock: only whether they are Dates.
const strip = (o) => {
	const out = {};
	for (const [k, v] of Object.entries(o))
		out[k] = k === 'createdAt' || k === 'updatedAt' ? v instanceof Date : v;
	return out;
};

async function main() {
	const db = new Sequelize(process.argv[2], { logging: verbose ? console.log : false,
		timezone: '+00:00' });
	const Author = db.define('Author', {
		name: { type: DataTypes.STRING(50), allowNull: false },
		email: { type: DataTypes.STRING, unique: true },
		active: { type: DataTypes.BOOLEAN, defaultValue: true },
		balance: { type: DataTypes.DECIMAL(10, 2), defaultValue: 0 },
		score: DataTypes.DOUBLE,
		visits: DataTypes.BIGINT,
		born: DataTypes.DATEONLY,
		meta: DataTypes.JSONB,
		ref: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 },
		photo: DataTypes.BLOB,
		tags: DataTypes.ARRAY(DataTypes.TEXT),
	}, { indexes: [{ fields: ['name'] }] });
	const Book = db.define('Book', {
		title: { type: DataTypes.TEXT, allowNull: false },
		pages: { type: DataTypes.INTEGER, validate: { min: 1 } },
	});
	Author.hasMany(Book, { onDelete: 'CASCADE' });
	Book.belongsTo(Author);

	await step('authenticate', async () => (await db.authenticate(), db.getDialect()));
	await step('sync', async () => (await db.sync({ force: true }), 'ok'));
	await step('sync again', async () => (await db.sync(), 'ok'));
	await step('sync alter', async () => (await db.sync({ alter: true }), 'ok'));
	await step('showAllTables', async () => (await db.getQueryInterface().showAllTables()).sort());
	await step('describeTable', async () => db.getQueryInterface().describeTable('Authors'));
	await step('showIndex', async () => (await db.getQueryInterface().showIndex('Authors'))
		.map((i) => [i.name, i.unique, i.primary, i.fields.map((f) => f.attribute)])
		.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
	let ann;
	await step('create', async () => {
		ann = await Author.create({ name: 'ann', email: 'ann@x', balance: '12.50', score: 0.5,
			visits: 9007199254740993n, born: '1990-05-17', meta: { a: [1, 2] },
			photo: Buffer.from([1, 2, 255]), tags: ['p', 'q r'] });
		const a = strip(plain(ann));
		a.ref = typeof a.ref;
		a.photo = a.photo.toString('hex');
		return a;
	});
	await step('bulkCreate', async () => (await Author.bulkCreate([{ name: 'bob' },
		{ name: 'cy', email: 'cy@x', active: false }], { returning: true }))
		.map((a) => [a.id, a.name, a.active, a.balance]));
	await step('create books', async () => (await Book.bulkCreate([
		{ title: 'one', pages: 10, AuthorId: 1 }, { title: 'two', pages: 20, AuthorId: 1 },
		{ title: 'three', pages: 30, AuthorId: 2 }])).length);
	await step('findByPk', async () => {
		const a = plain(await Author.findByPk(1));
		return [a.name, a.balance, a.score, a.visits, a.born, a.meta, a.photo.toString('hex'),
			a.tags, a.active];
	});
	await step('findAll where', async () => (await Author.findAll({
		where: { [Op.or]: [{ name: { [Op.like]: 'b%' } }, { active: false }] },
		order: [['name', 'DESC']], attributes: ['name'] })).map((a) => a.name));
	await step('include', async () => (await Author.findAll({ include: Book,
		order: [['id', 'ASC'], [Book, 'pages', 'DESC']] }))
		.map((a) => [a.name, a.Books.map((b) => b.title)]));
	await step('count and sum', async () => [await Book.count({ where: { pages: { [Op.gt]: 10 } } }),
		await Book.sum('pages'), await Book.max('pages')]);
	await step('group', async () => (await Book.findAll({
		attributes: ['AuthorId', [db.fn('COUNT', db.col('id')), 'n']], group: ['AuthorId'],
		order: [['AuthorId', 'ASC']], raw: true })));
	await step('update', async () => Author.update({ balance: '3.25' },
		{ where: { name: 'bob' }, returning: true }).then(([n, rows]) => [n, rows[0].balance]));
	await step('increment', async () => {
		await ann.increment('score', { by: 2 });
		return (await ann.reload()).score;
	});
	await step('managed transaction', async () => {
		try {
			await db.transaction(async (t) => {
				await Book.create({ title: 'four', pages: 4, AuthorId: 2 }, { transaction: t });
				await Book.create({ title: 'bad', pages: 4, AuthorId: 99 }, { transaction: t });
			});
		} catch (e) {
			return [e.name, e.parent && e.parent.code, await Book.count()];
		}
		return 'committed';
	});
	await step('unmanaged transaction', async () => {
		const t = await db.transaction();
		await Book.create({ title: 'five', pages: 5, AuthorId: 2 }, { transaction: t });
		await t.commit();
		return Book.count();
	});
	await step('unique error', async () => Author.create({ name: 'dup', email: 'ann@x' })
		.catch((e) => [e.name, e.parent.code, e.parent.constraint, e.fields]));
	await step('validation error', async () => Book.create({ title: 'v', pages: 0 })
		.catch((e) => [e.name, e.errors.map((x) => x.path)]));
	await step('not null', async () => Book.create({ pages: 3 }, { validate: false })
		.catch((e) => [e.name, e.parent.code]));
	await step('upsert', async () => {
		const [a] = await Author.upsert({ id: 2, name: 'bob', email: 'bob@x' }, { returning: true });
		return [a.id, a.email, await Author.count()];
	});
	// Sequelize wraps findOrCreate's INSERT in a temporary PL/pgSQL function (in its
	// transaction), to catch the unique violation: pg_temp.testfunc(OUT response "Authors", OUT
	// ...) RETURNS RECORD, called in FROM as SELECT (testfunc.response).*
	await step('findOrCreate', async () => {
		const [a, created] = await Author.findOrCreate({ where: { name: 'eve' },
			defaults: { email: 'eve@x', balance: '1.50', tags: ['a b', 'c"d'] } });
		const [b, again] = await Author.findOrCreate({ where: { name: 'eve' } });
		const made = strip(plain(a));
		made.ref = typeof made.ref;
		made.id = typeof made.id; /* PostgreSQL's serial counted the failed INSERT above */
		/* another name, a taken email: the function catches the unique violation */
		const taken = await Author.findOrCreate({ where: { name: 'eve2' },
			defaults: { email: 'eve@x' } }).catch((e) => e.name);
		return [made, created, b.id === a.id, again, taken];
	});
	await step('findAndCountAll', async () => {
		const r = await Book.findAndCountAll({ where: { pages: { [Op.gte]: 10 } }, limit: 1,
			order: [['pages', 'ASC']] });
		return [r.count, r.rows.map((b) => b.title)];
	});
	await step('raw query', async () => db.query('SELECT title FROM "Books" WHERE pages > :p ORDER BY pages',
		{ replacements: { p: 15 }, type: Sequelize.QueryTypes.SELECT }));
	await step('bind query', async () => db.query('SELECT $1::int + 1 AS n',
		{ bind: [41], type: Sequelize.QueryTypes.SELECT }));
	await step('destroy cascade', async () => [await Author.destroy({ where: { id: 1 } }),
		await Book.count()]);
	await step('addColumn', async () => {
		const qi = db.getQueryInterface();
		await qi.addColumn('Books', 'isbn', { type: DataTypes.STRING(13) });
		await qi.renameColumn('Books', 'isbn', 'code');
		await qi.removeColumn('Books', 'code');
		return Object.keys(await qi.describeTable('Books'));
	});
	await step('drop', async () => (await db.drop(), (await db.getQueryInterface().showAllTables())));
	await db.close();
	console.log('done');
}

main().catch((e) => {
	console.log('fatal', e);
	process.exit(1);
});
