-- kanel 4 (extract-pg-schema 5) reads each column of information_schema.columns as
-- row_to_json(columns.*): a whole row written t.* as the argument of the row-to-JSON functions.
CREATE TABLE person (id serial PRIMARY KEY, first_name text NOT NULL, born date, tags text[]);
INSERT INTO person (first_name, born, tags) VALUES ('Ada', '1815-12-10', '{a,b}'), ('Alan', NULL, '{}');
SELECT row_to_json(p.*), to_json(p.*), to_jsonb(p.*) FROM person p ORDER BY id;
SELECT json_agg(p.* ORDER BY p.id), jsonb_agg(p.*) FROM person p;
SELECT c.column_name, row_to_json(c.*)->>'data_type', row_to_json(columns.*)->>'is_nullable' FROM information_schema.columns c JOIN information_schema.columns ON columns.table_name = c.table_name AND columns.column_name = c.column_name WHERE c.table_name = 'person' ORDER BY c.ordinal_position;
SELECT column_name, (row_to_json(columns.*))::jsonb ->> 'udt_name' AS "informationSchemaValue" FROM information_schema.columns WHERE table_name = 'person' AND table_schema = 'public' ORDER BY ordinal_position;
