-- A built-in catalog function called with arguments none of its forms takes: PostgreSQL's
-- 42883 "function f(types) does not exist" with its HINT (was 0A000 "function f is not
-- supported"); the forms are pg_proc's (catalog_procmatch.c: the number of arguments,
-- defaults and VARIADIC counted, and each argument's type).
-- detail
SELECT format_type(23);
SELECT format_type(23, NULL);
-- detail
SELECT pg_get_expr(1);
-- detail
SELECT pg_get_expr('a', 'b', true, 4);
-- detail
SELECT obj_description();
-- detail
SELECT obj_description(1, 'pg_class', 3);
-- detail
SELECT col_description(1);
-- detail
SELECT pg_get_indexdef();
-- detail
SELECT pg_get_constraintdef(1, true, 3);
-- detail
SELECT pg_table_is_visible();
-- detail
SELECT has_table_privilege();
-- detail
SELECT pg_get_viewdef(1, true, 3);
-- detail
SELECT pg_relation_size();
-- detail
SELECT current_setting();
-- detail
SELECT pg_get_function_arguments();
-- detail
SELECT to_regclass();
-- detail
SELECT format_type('a', 'b', 'c');
-- an operator's function with one operand too few
-- detail
SELECT int4pl(1);
-- detail
SELECT textlen(1, 2);
-- a form that takes them, whose value shardlite does not compute: still 0A000
-- differs: refused (0A000): a type's I/O function called by name
SELECT int4in('1');
-- differs: a catalog function the translator knows takes arguments of any type (PostgreSQL: 42883)
SELECT format_type('x'::text, 1);
