-- Issue #3, probing PostgreSQL's generated.sql: a generation expression reading a generated
-- column (its own or another) is 42P17 as in PostgreSQL (it was made), an aggregate 42803 and
-- a window function 42P20 (they were SQLite's XX000); a generated column in a PRIMARY KEY is a
-- clear 0A000 (SQLite's XX000).
-- detail
CREATE TABLE gtest_err_2a (a int PRIMARY KEY, b int GENERATED ALWAYS AS (b * 2) STORED);
-- detail
CREATE TABLE gtest_err_2b (a int PRIMARY KEY, b int GENERATED ALWAYS AS (a * 2) STORED, c int GENERATED ALWAYS AS (b * 3) STORED);
CREATE TABLE gtest_err_2d (a int PRIMARY KEY, c int GENERATED ALWAYS AS (gtest_err_2d.b + 1) STORED, b int GENERATED ALWAYS AS (a) STORED);
-- detail
CREATE TABLE gtest_err_7a (a int PRIMARY KEY, b int GENERATED ALWAYS AS (avg(a)) STORED);
CREATE TABLE gtest_err_7e (a int PRIMARY KEY, b int GENERATED ALWAYS AS (count(*)) STORED);
-- detail
CREATE TABLE gtest_err_7b (a int PRIMARY KEY, b int GENERATED ALWAYS AS (row_number() OVER (ORDER BY a)) STORED);
-- differs: a generated column in a PRIMARY KEY is 0A000 (docs/sql-compat.md)
CREATE TABLE gtest22b (a int, b int GENERATED ALWAYS AS (a / 2) STORED, PRIMARY KEY (a, b));
-- differs: a generated column in a PRIMARY KEY is 0A000 (docs/sql-compat.md)
CREATE TABLE gtest22d (a int, b int GENERATED ALWAYS AS (a / 2) STORED PRIMARY KEY);
CREATE TABLE gtest22a (a int PRIMARY KEY, b int GENERATED ALWAYS AS (a / 2) STORED UNIQUE, c text GENERATED ALWAYS AS (upper(a::text) || 'x') STORED);
INSERT INTO gtest22a VALUES (2);
INSERT INTO gtest22a VALUES (3);
INSERT INTO gtest22a VALUES (4);
SELECT * FROM gtest22a ORDER BY a;
CREATE TABLE gtest1 (a int PRIMARY KEY, b int GENERATED ALWAYS AS (a * 2) STORED, c int GENERATED ALWAYS AS (abs(a) + 1) STORED);
INSERT INTO gtest1 VALUES (1), (-3);
SELECT * FROM gtest1 ORDER BY a;
