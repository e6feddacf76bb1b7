-- What a schema dump (pg_dump's output, Rails' db/structure.sql) writes before and around its
-- tables: the removed WITH OIDS setting, plpgsql's extension (always there), the extensions'
-- comments, btree_gist's gist indexes of scalar columns, and defaults naming their sequence
-- qualified (nextval('public.s'::regclass)), shown as PostgreSQL shows a visible name.
SET default_with_oids = false;
SHOW default_with_oids;
SET default_with_oids TO off;
SET default_with_oids = true;
SET default_with_oids = 'yes';
SET default_with_oids = maybe;
SHOW default_with_oids;
RESET default_with_oids;
-- notices
CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;
-- notices
CREATE EXTENSION IF NOT EXISTS plpgsql;
CREATE EXTENSION plpgsql;
CREATE EXTENSION plpgsql WITH SCHEMA pg_catalog;
SELECT extname, extversion, extrelocatable, extnamespace::regnamespace, extconfig FROM pg_extension WHERE extname = 'plpgsql';
SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'plpgsql';
COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL procedural language';
SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'plpgsql';
COMMENT ON EXTENSION plpgsql IS 'the language of our functions';
SELECT d.description, d.objsubid FROM pg_description d JOIN pg_extension e ON e.oid = d.objoid AND d.classoid = 'pg_extension'::regclass WHERE e.extname = 'plpgsql';
COMMENT ON EXTENSION plpgsql IS NULL;
SELECT count(*) FROM pg_description d JOIN pg_extension e ON e.oid = d.objoid AND d.classoid = 'pg_extension'::regclass WHERE e.extname = 'plpgsql';
COMMENT ON EXTENSION plpgsql IS '';
SELECT obj_description(oid, 'pg_extension') IS NULL FROM pg_extension WHERE extname = 'plpgsql';
COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL procedural language';
SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'plpgsql';
COMMENT ON EXTENSION no_such_extension IS 'nothing';
COMMENT ON EXTENSION btree_gist IS 'not created yet';
-- btree_gist's classes: gist indexes of integer, timestamp and varchar columns
CREATE TABLE sd_box (id bigint NOT NULL, lo integer, hi integer, west integer, seen_at timestamp without time zone, tag character varying);
CREATE INDEX sd_box_bbox ON sd_box USING gist (lo, hi, west);
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'btree_gist';
COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';
COMMENT ON EXTENSION btree_gist IS 'gist for plain columns';
SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'btree_gist';
CREATE INDEX sd_box_bbox ON sd_box USING gist (lo, hi, west);
CREATE INDEX sd_box_seen ON sd_box USING gist (seen_at, tag);
CREATE INDEX sd_box_tag_id ON public.sd_box USING gist (tag, id);
SELECT pg_get_indexdef('sd_box_bbox'::regclass), pg_get_indexdef('sd_box_seen'::regclass);
SELECT c.relname, a.amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE c.relname LIKE 'sd\_box\_%' ORDER BY 1;
CREATE UNIQUE INDEX sd_box_u ON sd_box USING gist (lo);
CREATE INDEX sd_box_desc ON sd_box USING gist (lo DESC);
INSERT INTO sd_box VALUES (1, 1, 5, 10, '2024-01-02 03:04:05', 'a'), (2, 3, 9, 20, NULL, 'b'), (3, 7, 8, 30, '2023-05-06', NULL);
SELECT id FROM sd_box WHERE lo <= 4 AND hi >= 4 ORDER BY id;
SELECT id FROM sd_box WHERE seen_at > '2023-12-31' OR tag = 'b' ORDER BY id;
-- detail
DROP EXTENSION btree_gist;
DROP INDEX sd_box_bbox, sd_box_seen;
-- detail
DROP EXTENSION btree_gist;
DROP TABLE sd_box;
DROP EXTENSION btree_gist;
SELECT count(*) FROM pg_extension WHERE extname = 'btree_gist';
CREATE EXTENSION btree_gist;
SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'btree_gist';
DROP EXTENSION btree_gist;
-- a default written with its sequence qualified, as pg_dump writes it since PostgreSQL 10.3
CREATE SEQUENCE public.sd_items_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.sd_items (id bigint NOT NULL, name character varying NOT NULL);
ALTER SEQUENCE public.sd_items_id_seq OWNED BY public.sd_items.id;
ALTER TABLE ONLY public.sd_items ALTER COLUMN id SET DEFAULT nextval('public.sd_items_id_seq'::regclass);
ALTER TABLE ONLY public.sd_items ADD CONSTRAINT sd_items_pkey PRIMARY KEY (id);
CREATE TABLE public.sd_notes (id bigint DEFAULT nextval('public.sd_items_id_seq'::regclass) NOT NULL, item_id bigint, body text);
ALTER TABLE ONLY public.sd_notes ADD CONSTRAINT fk_sd_notes_item FOREIGN KEY (item_id) REFERENCES public.sd_items(id);
SELECT table_name, column_name, column_default FROM information_schema.columns WHERE table_name IN ('sd_items', 'sd_notes') AND column_default IS NOT NULL ORDER BY 1, 2;
SELECT c.relname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid WHERE c.relname LIKE 'sd\_%' ORDER BY 1;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'fk_sd_notes_item';
SET search_path = '';
SELECT c.relname, pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_class c ON c.oid = d.adrelid WHERE c.relname OPERATOR(pg_catalog.~~) 'sd\_%' ORDER BY 1;
SELECT table_name, column_default FROM information_schema.columns WHERE table_name OPERATOR(pg_catalog.=) 'sd_notes' AND column_default IS NOT NULL;
RESET search_path;
INSERT INTO sd_items (name) VALUES ('first'), ('second') RETURNING id, name;
INSERT INTO sd_notes (item_id, body) VALUES (2, 'on the second') RETURNING id, item_id;
SELECT i.name, n.body FROM sd_items i JOIN sd_notes n ON n.item_id = i.id;
INSERT INTO sd_notes (item_id, body) VALUES (9, 'on nothing');
DROP TABLE sd_notes, sd_items;
SELECT count(*) FROM pg_class WHERE relname = 'sd_items_id_seq';
-- an enum literal is read by the parser: a label the type lacks is 22P02 at its position, also
-- where no row is read
CREATE TYPE sd_state AS ENUM ('open', 'closed');
CREATE TABLE sd_tickets (id integer, state sd_state DEFAULT 'open'::sd_state NOT NULL);
SELECT 'opened'::sd_state;
SELECT id FROM sd_tickets WHERE state = 'shut';
SELECT id FROM sd_tickets WHERE state IN ('open', 'gone');
SELECT CASE WHEN false THEN 'nope'::sd_state END;
INSERT INTO sd_tickets VALUES (1, 'open'), (2, 'closed');
SELECT id FROM sd_tickets WHERE state = 'closed'::sd_state OR state < 'closed' ORDER BY id;
SELECT id FROM sd_tickets WHERE state = 'Closed';
DROP TABLE sd_tickets;
DROP TYPE sd_state;
-- the highest built-in objid in pg_depend, which pgModeler reads as the last system OID (so it
-- leaves plpgsql's extension out of a model): plpgsql's language, a member of its extension
SELECT objid FROM pg_depend WHERE objid > 0 AND objid <= 16383 ORDER BY objid DESC LIMIT 1;
SELECT classid::regclass, deptype FROM pg_depend
WHERE classid = 'pg_language'::regclass
  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'plpgsql');
