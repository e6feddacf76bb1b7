-- Session settings: SET, SHOW, RESET, set_config.
SHOW TimeZone;
SET TimeZone = 'UTC';
SHOW timezone;
SET application_name = 'regress-app';
SHOW application_name;
RESET application_name;
SHOW application_name;
SHOW client_encoding;
SHOW server_encoding;
SHOW standard_conforming_strings;
SHOW DateStyle;
SHOW integer_datetimes;
SET search_path TO public;
SHOW search_path;
SET extra_float_digits = 3;
SHOW extra_float_digits;
SET myapp.tenant_hint = 'abc';
SHOW myapp.tenant_hint;
SELECT current_setting('myapp.tenant_hint');
SELECT current_setting('myapp.missing', true);
SELECT current_setting('myapp.missing');
SHOW no_such_setting;
SET no_such_setting = 1;
SET statement_timeout = 0;
SHOW statement_timeout;
SET LOCAL application_name = 'x';
SHOW application_name;
BEGIN;
SET LOCAL application_name = 'inside';
SHOW application_name;
COMMIT;
SHOW application_name;
BEGIN;
SET application_name = 'kept';
COMMIT;
SHOW application_name;
BEGIN;
SET application_name = 'rolled-back';
ROLLBACK;
SHOW application_name;
SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE;
-- differs: by design: shardlite reports PostgreSQL 15.0 and its own version, not the oracle's Debian build
SHOW server_version;
-- differs: by design: server_version_num is 150000 (the protocol level shardlite implements)
SHOW server_version_num;
-- differs: by design: the oracle runs as superuser postgres; no shardlite user is a superuser
SHOW is_superuser;
RESET ALL;
DISCARD ALL;
VACUUM;
ANALYZE;
-- differs: not implemented yet (0A000): CHECKPOINT is not supported
CHECKPOINT;
