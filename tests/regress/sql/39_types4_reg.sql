-- reg* casts GUIs and pg_dump write in catalog queries: an OID column shown as regproc (its
-- name) or regprocedure (name(argtypes)), a regproc column (typinput) shown as regprocedure,
-- pg_typeof of a reg* literal, and regrole.
CREATE TABLE rt (id int);
SELECT oid::regproc, oid::regprocedure FROM pg_proc WHERE proname = 'now';
SELECT typinput, typinput::regproc, typinput::regprocedure, typoutput::regprocedure FROM pg_type WHERE typname = 'int4';
SELECT pg_typeof('rt'::regclass), pg_typeof('now'::regproc), pg_typeof('int4'::regtype), pg_typeof('lower(text)'::regprocedure), pg_typeof('pg_database_owner'::regrole);
SELECT 'lower(text)'::regprocedure, 'now'::regproc, 'rt'::regclass, 'pg_database_owner'::regrole;
SELECT proname FROM pg_proc WHERE oid = 'now'::regproc;
SELECT rolname FROM pg_roles WHERE oid = 'pg_database_owner'::regrole;
SELECT 'pg_database_owner'::regrole::oid = (SELECT oid FROM pg_roles WHERE rolname = 'pg_database_owner');
SELECT oid::regrole FROM pg_roles WHERE rolname = 'pg_database_owner';
SELECT rolname = current_user FROM pg_roles WHERE oid = current_user::regrole;
SELECT oid::regrole::text = current_user FROM pg_roles WHERE rolname = current_user;
SELECT 'nosuchrole'::regrole;
SELECT c.relname FROM pg_class c WHERE c.oid = 'rt'::regclass AND c.relowner = current_user::regrole;
