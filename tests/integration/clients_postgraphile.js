// SPDX-License-Identifier: Apache-2.0
// clients_postgraphile.js: PostGraphile 4 (npm postgraphile, with graphql 15) — builds its
// GraphQL schema from the tenant by its introspection query over pg_catalog (tables, foreign
// keys, a view, an enum, a computed-column function, a custom mutation, a set-returning query
// function, smart comments), prints the schema's SDL, then runs GraphQL queries (connections
// with first/after cursors, orderBy, condition, nested relations both ways) and mutations
// (create, update, delete, the custom one) as SQL; then kanel 4 generates the schema's
// TypeScript (its files compared line by line) — one line per step for test_clients.sh to
// compare with PostgreSQL 15.
// Usage: node clients_postgraphile.js URL pg|shardlite   (NODE_PATH names the node_modules directory)
'use strict';
const path = require('path');
const { Pool } = require('pg');
const { createPostGraphileSchema, withPostGraphileContext } = require('postgraphile');
const { graphql, printSchema, lexicographicSortSchema } = require('graphql');
const { processDatabase } = require('kanel');
const fs = require('fs');
const os = require('os');
const { clients } = require(path.join(__dirname, 'clients_common.js'));

const url = process.argv[2];
const { step } = clients(process.argv[3]);

const DDL = [
	`CREATE TYPE mood AS ENUM ('happy', 'calm', 'sad')`,
	`CREATE TABLE person (
		id serial PRIMARY KEY,
		first_name text NOT NULL,
		last_name text,
		mood mood NOT NULL DEFAULT 'calm',
		born date,
		email text UNIQUE
	)`,
	`COMMENT ON TABLE person IS E'A person who writes.\n@omit delete'`,
	`COMMENT ON COLUMN person.last_name IS 'The family name.'`,
	`COMMENT ON COLUMN person.email IS E'@name emailAddress\nWhere to write.'`,
	`CREATE TABLE post (
		id serial PRIMARY KEY,
		author_id integer NOT NULL REFERENCES person (id) ON DELETE CASCADE,
		title text NOT NULL,
		body text,
		score integer NOT NULL DEFAULT 0,
		tags text[] NOT NULL DEFAULT '{}',
		meta jsonb
	)`,
	`CREATE INDEX post_author_id_idx ON post (author_id)`,
	`COMMENT ON TABLE post IS 'A post written by a person.'`,
	`COMMENT ON CONSTRAINT post_author_id_fkey ON post IS
		E'@foreignFieldName writings\n@fieldName writer'`,
	`CREATE TABLE post_like (
		post_id integer NOT NULL REFERENCES post (id) ON DELETE CASCADE,
		person_id integer NOT NULL REFERENCES person (id),
		stars smallint NOT NULL DEFAULT 1 CHECK (stars BETWEEN 1 AND 5),
		PRIMARY KEY (post_id, person_id)
	)`,
	`CREATE VIEW top_post AS SELECT id, author_id, title, score FROM post WHERE score >= 5`,
	`COMMENT ON VIEW top_post IS E'@primaryKey id\n@foreignKey (author_id) references person (id)\nPosts that scored.'`,
	`CREATE FUNCTION person_full_name(p person) RETURNS text AS $$
		SELECT p.first_name || ' ' || coalesce(p.last_name, '')
	$$ LANGUAGE sql STABLE`,
	`COMMENT ON FUNCTION person_full_name(person) IS 'First and last name.'`,
	`CREATE FUNCTION person_post_count(p person, min_score integer DEFAULT 0) RETURNS integer AS $$
		SELECT count(*)::integer FROM post WHERE author_id = p.id AND score >= min_score
	$$ LANGUAGE sql STABLE`,
	`CREATE FUNCTION publish_post(author integer, title text, body text DEFAULT NULL)
		RETURNS post AS $$
		INSERT INTO post (author_id, title, body) VALUES (author, title, body) RETURNING *
	$$ LANGUAGE sql VOLATILE`,
	`COMMENT ON FUNCTION publish_post(integer, text, text) IS 'Publishes a post.'`,
	`CREATE FUNCTION search_posts(q text) RETURNS SETOF post AS $$
		SELECT * FROM post WHERE title ILIKE '%' || q || '%' ORDER BY id
	$$ LANGUAGE sql STABLE`,
	`CREATE FUNCTION add_score(post_id integer, delta integer, OUT old_score integer,
		OUT new_score integer) AS $$
		UPDATE post SET score = score + delta WHERE id = post_id
			RETURNING score - delta, score
	$$ LANGUAGE sql VOLATILE`,
	`INSERT INTO person (first_name, last_name, mood, born, email) VALUES
		('Ada', 'Lovelace', 'happy', '1815-12-10', 'ada@example.com'),
		('Alan', 'Turing', 'calm', '1912-06-23', 'alan@example.com'),
		('Grace', NULL, 'sad', NULL, NULL)`,
	`INSERT INTO post (author_id, title, body, score, tags, meta) VALUES
		(1, 'Notes on the engine', 'Long', 9, '{math,engine}', '{"draft": false}'),
		(1, 'Bernoulli numbers', NULL, 4, '{math}', NULL),
		(2, 'Computing machinery', 'Can machines think?', 7, '{ai}', '{"pages": 27}'),
		(2, 'On computable numbers', 'Entscheidung', 2, '{}', NULL),
		(3, 'Compilers', NULL, 5, '{cobol,compilers}', NULL)`,
	`INSERT INTO post_like VALUES (1, 2, 5), (1, 3, 4), (3, 1, 5), (5, 1, 3)`,
];

async function main() {
	const pool = new Pool({ connectionString: url, max: 2 });
	await step('ddl', async () => {
		for (const sql of DDL)
			await pool.query(sql);
		return DDL.length;
	});

	let schema;
	await step('schema', async () => {
		schema = await createPostGraphileSchema(pool, ['public'], {
			dynamicJson: true, setofFunctionsContainNulls: false,
		});
		return 'ok';
	});
	if (!schema) {
		console.log('done');
		await pool.end();
		return;
	}
	// The whole SDL, one printed line per line, so a difference shows where it is.
	const sdl = printSchema(lexicographicSortSchema(schema)).split('\n');
	await step('sdl lines', async () => sdl.length);
	for (const line of sdl)
		console.log('sdl', line);

	const gql = (source, variables) => withPostGraphileContext({ pgPool: pool },
		async (context) => {
			const r = await graphql({ schema, source, contextValue: context,
				variableValues: variables });
			if (r.errors)
				throw new Error(r.errors.map((e) => e.message).join('; '));
			return r.data;
		});

	let cursor;
	await step('first page', async () => {
		const d = await gql(`{ allPeople(first: 2, orderBy: PRIMARY_KEY_ASC) {
			totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
			nodes { nodeId id firstName lastName mood born emailAddress fullName } } }`);
		cursor = d.allPeople.pageInfo.endCursor;
		return d;
	});
	await step('next page', () => gql(`query ($after: Cursor) {
		allPeople(first: 2, after: $after, orderBy: PRIMARY_KEY_ASC) {
			pageInfo { hasNextPage hasPreviousPage } edges { cursor node { id firstName } } } }`,
	{ after: cursor }));
	await step('last before', () => gql(`{ allPosts(last: 2, orderBy: [SCORE_DESC, ID_ASC]) {
		edges { cursor node { id title score } } pageInfo { hasPreviousPage startCursor } } }`));
	await step('order and condition', () => gql(`{
		allPosts(orderBy: [AUTHOR_ID_DESC, SCORE_ASC], condition: { authorId: 1 }) {
			nodes { id title score tags meta } }
		byMood: allPeople(condition: { mood: HAPPY }) { nodes { firstName mood } }
		noName: allPeople(condition: { lastName: null }) { nodes { firstName } } }`));
	await step('offset', () => gql(`{ allPosts(first: 2, offset: 1, orderBy: TITLE_ASC) {
		nodes { title } totalCount } }`));
	await step('nested', () => gql(`{ allPeople(orderBy: ID_ASC) { nodes {
		firstName writings(orderBy: SCORE_DESC, first: 1) { totalCount nodes { title
			writer { firstName } postLikesByPostId { nodes { stars personByPersonId { firstName } } } } }
		postLikesByPersonId { totalCount }
		postCount minFive: postCount(minScore: 5) } } }`));
	await step('by key', () => gql(`{
		personById(id: 2) { firstName fullName }
		personByEmailAddress(emailAddress: "ada@example.com") { id }
		postLikeByPostIdAndPersonId(postId: 1, personId: 3) { stars }
		none: postById(id: 99) { id } }`));
	await step('node', async () => {
		const d = await gql('{ personById(id: 1) { nodeId } }');
		return gql('query ($id: ID!) { person(nodeId: $id) { firstName } }',
			{ id: d.personById.nodeId });
	});
	await step('view', () => gql(`{ allTopPosts(orderBy: SCORE_DESC) {
		nodes { id title score personByAuthorId { firstName } } } }`));
	await step('search', () => gql(`{ searchPosts(q: "numbers", first: 5) {
		totalCount nodes { id title } } }`));

	await step('create', () => gql(`mutation {
		createPerson(input: { person: { firstName: "Barbara", lastName: "Liskov",
			mood: HAPPY, born: "1939-11-07" } }) {
			person { id firstName mood fullName } } }`));
	await step('create post', () => gql(`mutation ($p: PostInput!) {
		createPost(input: { post: $p, clientMutationId: "c1" }) {
			clientMutationId post { id title score tags meta writer { firstName } } } }`,
	{ p: { authorId: 4, title: 'Data abstraction', tags: ['types', 'clu'], meta: { year: 1974 } } }));
	await step('update', () => gql(`mutation {
		updatePersonById(input: { id: 3, personPatch: { lastName: "Hopper", mood: CALM } }) {
			person { id firstName lastName mood fullName } } }`));
	await step('update by node', async () => {
		const d = await gql('{ postById(id: 2) { nodeId } }');
		return gql(`mutation ($id: ID!) { updatePost(input: { nodeId: $id,
			postPatch: { score: 8, body: "Note G" } }) { post { id score body } } }`,
		{ id: d.postById.nodeId });
	});
	await step('delete', () => gql(`mutation {
		deletePostLikeByPostIdAndPersonId(input: { postId: 1, personId: 3 }) {
			deletedPostLikeId postLike { stars } } }`));
	await step('delete post', () => gql(`mutation {
		deletePostById(input: { id: 4 }) { post { id title } } }`));
	await step('custom mutation', () => gql(`mutation {
		publishPost(input: { author: 2, title: "Intelligent machinery" }) {
			post { id title body score writer { firstName } } } }`));
	await step('out mutation', () => gql(`mutation {
		addScore(input: { postId: 6, delta: 3 }) { result { oldScore newScore } } }`));
	await step('unique error', async () => {
		try {
			await gql(`mutation { createPerson(input: { person: { firstName: "X",
				emailAddress: "ada@example.com" } }) { person { id } } }`);
			return 'no error';
		} catch (e) {
			return e.message;
		}
	});
	await step('after', () => gql(`{ allPeople(orderBy: ID_ASC) { nodes { id fullName
		postCount writings(orderBy: ID_ASC) { nodes { id title score } } } } }`));
	await pool.end();

	// kanel 4 (its extract-pg-schema 5 reads information_schema and pg_catalog) generates the
	// TypeScript of the same schema: every file, line by line. Its own progress lines (the
	// order it writes files in varies) are left out.
	await step('kanel', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanel-'));
		const { log, warn, info } = console;
		console.log = console.warn = console.info = () => {};
		try {
			await processDatabase({ connection: url, schemas: ['public'],
				outputPath: dir, preDeleteOutputFolder: false });
		} finally {
			console.log = log;
			console.warn = warn;
			console.info = info;
		}
		const files = [];
		for (const sub of fs.readdirSync(dir).sort())
			for (const f of fs.readdirSync(path.join(dir, sub)).sort())
				files.push(path.join(sub, f));
		for (const f of files)
			for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
				console.log('kanel', f, line);
		fs.rmSync(dir, { recursive: true, force: true });
		return files.length;
	});
	console.log('done');
}

main().catch((e) => {
	console.log('FATAL', e.code || '', e.message);
	process.exit(1);
});
