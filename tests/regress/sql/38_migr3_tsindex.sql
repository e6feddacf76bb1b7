-- Full-text GIN indexes as Mattermost's migrations make them: pg_get_indexdef and pg_indexes
-- print to_tsvector's configuration as 'english'::regconfig and a varchar document as
-- (c)::text, as PostgreSQL does (they showed shardlite's own SQLite text).
CREATE TABLE mg_posts (id varchar(26) PRIMARY KEY, message varchar(65535), hashtags varchar(1000), body text, name varchar(64), displayname varchar(64), purpose varchar(250));
CREATE INDEX IF NOT EXISTS mg_posts_message_txt ON mg_posts USING gin(to_tsvector('english', message));
CREATE INDEX mg_posts_body_txt ON mg_posts USING gin (to_tsvector('simple', body));
CREATE INDEX mg_posts_body1 ON mg_posts USING gin (to_tsvector(body));
CREATE INDEX mg_posts_search_txt ON mg_posts USING gin (to_tsvector('english'::regconfig, (((((name)::text || ' '::text) || (displayname)::text) || ' '::text) || (purpose)::text)));
CREATE INDEX mg_posts_concat_txt ON mg_posts USING gin (to_tsvector('english', name || ' ' || displayname));
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'mg_posts' ORDER BY indexname;
SELECT c.relname, pg_get_indexdef(c.oid, 0, true), pg_get_indexdef(c.oid, 1, false) FROM pg_class c WHERE c.relname LIKE 'mg_posts_%' ORDER BY 1;
INSERT INTO mg_posts VALUES ('1', 'The quick brown foxes', '#x', 'jumping dogs', 'town', 'Town Square', 'chat');
SELECT id FROM mg_posts WHERE to_tsvector('english', message) @@ to_tsquery('english', 'fox');
SELECT id FROM mg_posts WHERE to_tsvector('english', name || ' ' || displayname) @@ plainto_tsquery('english', 'square');
