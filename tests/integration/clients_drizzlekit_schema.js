// SPDX-License-Identifier: Apache-2.0
// clients_drizzlekit_schema.js: the Drizzle schema clients_drizzlekit.js hands drizzle-kit —
// an enum, serial and identity keys, a foreign key, indexes, defaults, jsonb, timestamps and
// uuid. DRIZZLEKIT_STAGE 2 adds a column and an index (a second migration), 3 another column
// (pushed without a migration).
'use strict';
const { pgTable, pgEnum, serial, integer, text, varchar, boolean, numeric, timestamp, jsonb,
	uuid, index, uniqueIndex } = require('drizzle-orm/pg-core');
const { sql } = require('drizzle-orm');

const stage = Number(process.env.DRIZZLEKIT_STAGE || 1);

const mood = pgEnum('mood', ['sad', 'ok', 'happy']);

const authors = pgTable('authors', {
	id: serial('id').primaryKey(),
	name: varchar('name', { length: 80 }).notNull(),
	email: text('email').notNull(),
	mood: mood('mood').default('ok'),
	active: boolean('active').default(true).notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
	...(stage >= 2 ? { score: integer('score').default(0).notNull() } : {}),
}, (t) => [uniqueIndex('authors_email_idx').on(t.email),
	...(stage >= 2 ? [index('authors_score_idx').on(t.score)] : [])]);

const books = pgTable('books', {
	id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
	ref: uuid('ref').defaultRandom().notNull(),
	authorId: integer('author_id').notNull().references(() => authors.id, { onDelete: 'cascade' }),
	title: text('title').notNull(),
	price: numeric('price', { precision: 10, scale: 2 }).default('0'),
	meta: jsonb('meta').default(sql`'{}'::jsonb`),
	published: timestamp('published', { mode: 'string' }),
	...(stage >= 3 ? { isbn: varchar('isbn', { length: 20 }) } : {}),
}, (t) => [index('books_author_idx').on(t.authorId), index('books_title_idx').on(t.title)]);

// an identity whose sequence has a name of its own
const tags = pgTable('tags', {
	id: integer('id').primaryKey().generatedByDefaultAsIdentity({ name: 'tag_numbers',
		startWith: 10 }),
	label: text('label').notNull(),
});

module.exports = { mood, authors, books, tags };
