-- Built-in functions the translator takes have their pg_proc rows (psql's \df, GUIs' function
-- lists, information_schema.routines, to_regprocedure): these were missing until the generated
-- rows were made again.
SELECT proname, pronargs, prorettype::regtype FROM pg_proc WHERE proname IN ('regexp_count', 'pg_sleep_for', 'trim_scale', 'date_bin', 'unistr', 'array_fill') ORDER BY 1, 2, 3;
SELECT to_regprocedure('regexp_substr(text,text)') IS NOT NULL AS found;
SELECT routine_name, data_type FROM information_schema.routines WHERE routine_name IN ('min_scale', 'pg_column_size', 'bit_count') ORDER BY 1, 2;
SELECT regexp_count('abcabc', 'b'), trim_scale(1.500), min_scale(1.500);
