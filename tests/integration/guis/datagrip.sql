-- SPDX-License-Identifier: Apache-2.0
-- datagrip.sql: what DataGrip 2025.2 sends when it connects (through pgJDBC), as a PostgreSQL
-- server log recorded it in datafusion-contrib/datafusion-postgres issue #165 ("Jetbrains
-- datagrip startup queries"). JetBrains publishes no introspection SQL; DataGrip's catalog
-- browsing beyond this goes through pgJDBC's DatabaseMetaData (tests/integration/CatalogMeta.java).
-- TablePlus publishes none either. The same issue tracker's #135 logs DBeaver's startup; its
-- queries are in dbeaver.sql.

-- action: connect: float digits (pgJDBC)
SET extra_float_digits = 3;

-- action: connect: application name (pgJDBC, then DataGrip)
SET application_name = 'DataGrip 2025.2.3';

-- action: connect: server version
-- differs(columns): shardlite names itself and SQLite in version() (docs/catalog.md)
select version();

-- action: connect: database and schema path
select current_database() as a, current_schemas(false) as b;

-- action: connect: isolation level
SHOW TRANSACTION ISOLATION LEVEL;

-- action: connect: database, schema and user
select current_database(), current_schema(), current_user;
