// SPDX-License-Identifier: Apache-2.0
// node-pg-migrate migration of clients_nodepgmigrate.js: an enum type, two tables (serial and
// bigserial keys, a foreign key, defaults, jsonb, timestamptz, uuid) and an index.
exports.up = (pgm) => {
	pgm.createType('mood', ['sad', 'ok', 'happy']);
	pgm.createTable('authors', {
		id: 'id',
		name: { type: 'varchar(80)', notNull: true },
		mood: { type: 'mood', default: 'ok' },
		ref: { type: 'uuid', notNull: true, default: pgm.func('gen_random_uuid()') },
		created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
	});
	pgm.createTable('books', {
		id: { type: 'bigserial', primaryKey: true },
		author_id: { type: 'integer', notNull: true, references: '"authors"', onDelete: 'CASCADE' },
		title: { type: 'text', notNull: true },
		meta: { type: 'jsonb', default: '{}' },
	});
	pgm.createIndex('books', 'author_id');
};

exports.down = (pgm) => {
	pgm.dropTable('books');
	pgm.dropTable('authors');
	pgm.dropType('mood');
};
