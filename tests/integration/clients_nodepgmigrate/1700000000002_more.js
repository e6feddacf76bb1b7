// SPDX-License-Identifier: Apache-2.0
// node-pg-migrate migration of clients_nodepgmigrate.js: columns added and altered, a unique
// constraint, a CHECK, a unique index over two columns, and rows by pgm.sql().
exports.up = (pgm) => {
	pgm.addColumns('authors', {
		email: { type: 'text' },
		score: { type: 'integer', default: 0 },
	});
	pgm.alterColumn('books', 'title', { type: 'varchar(200)' });
	pgm.alterColumn('authors', 'score', { notNull: true, default: 10 });
	pgm.addConstraint('authors', 'authors_email_key', { unique: 'email' });
	pgm.addConstraint('authors', 'authors_score_check', { check: 'score >= 0' });
	pgm.createIndex('books', ['title', 'author_id'], { name: 'books_title_author', unique: true });
	pgm.sql(`INSERT INTO authors (name, email) VALUES ('Ann', 'ann@example.org')`);
	pgm.sql(`INSERT INTO books (author_id, title, meta)
		SELECT id, 'Notes', '{"pages": 12}' FROM authors WHERE email = 'ann@example.org'`);
};

exports.down = (pgm) => {
	pgm.sql(`DELETE FROM authors WHERE email = 'ann@example.org'`);
	pgm.dropIndex('books', ['title', 'author_id'], { name: 'books_title_author' });
	pgm.dropConstraint('authors', 'authors_score_check');
	pgm.dropConstraint('authors', 'authors_email_key');
	pgm.alterColumn('authors', 'score', { notNull: false, default: null });
	pgm.alterColumn('books', 'title', { type: 'text' });
	pgm.dropColumns('authors', ['email', 'score']);
};
