-- pg_available_extensions lists the extensions shardlite has built in, with their versions,
-- and installed_version once the tenant created one (ActiveRecord's extension_enabled?).
SELECT name, default_version, installed_version, comment FROM pg_available_extensions WHERE name IN ('citext', 'pg_trgm', 'pgcrypto', 'uuid-ossp', 'btree_gist', 'fuzzystrmatch', 'plpgsql') ORDER BY name;
CREATE EXTENSION citext;
CREATE EXTENSION "uuid-ossp";
SELECT name, installed_version FROM pg_available_extensions WHERE name IN ('citext', 'uuid-ossp', 'pg_trgm') ORDER BY name;
SELECT EXISTS (SELECT * FROM pg_available_extensions WHERE name = 'citext' AND installed_version IS NOT NULL);
DROP EXTENSION citext;
SELECT name, installed_version FROM pg_available_extensions WHERE name = 'citext';
