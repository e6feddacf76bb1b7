-- An operator name PostgreSQL has none of is 42883 "operator does not exist" naming the
-- operand types, not 0A000: no such operator exists (CREATE OPERATOR is refused), where 0A000
-- says PostgreSQL has it and shardlite does not translate it. Found by libpqxx's error probe.
CREATE TABLE mc_op (id int, s text);
INSERT INTO mc_op VALUES (1, 'a');
-- detail: the message names the operand types
SELECT 1 +* 2;
-- detail: the message names the operand type
SELECT +* 2;
-- detail: the message names the operand types
SELECT id +* id FROM mc_op;
SELECT s ~~~ 'x' FROM mc_op;
SELECT id FROM mc_op WHERE id <=>> 1;
SELECT 1 + 2, 3 - 1, 2 * 3, 7 / 2, 7 % 2, 2 ^ 3, 'a' || 'b', 5 & 3, 5 | 3, 5 # 3, 1 << 2, |/ 16.0, @ -3;
SELECT 1 <> 2, 1 != 2, 'abc' ~ 'b', 'abc' !~ 'z', 'abc' ~~ 'a%', 'abc' ~* 'B';
BEGIN;
SELECT 1 +* 2;
ROLLBACK;
DROP TABLE mc_op;
