-- array_to_string of a multidimensional array joins its elements in storage order, as
-- PostgreSQL flattens it; NULL elements are skipped, or shown as the null string when one is
-- given (a NULL null string skips them too).
SELECT array_to_string(ARRAY[[1,2],[3,4]], ',') AS two_d;
SELECT array_to_string(ARRAY[[[1,2],[3,4]],[[5,6],[7,8]]], '-') AS three_d;
SELECT array_to_string(ARRAY[['a',NULL],[NULL,'d']], '|') AS skipped,
       array_to_string(ARRAY[['a',NULL],[NULL,'d']], '|', '*') AS shown,
       array_to_string(ARRAY[['a',NULL],[NULL,'d']], '|', NULL) AS null_nulls;
SELECT array_to_string('[0:1][1:2]={{x,y},{z,w}}'::text[], '/') AS bounded;
SELECT array_to_string(ARRAY[[1.50,2.5]]::numeric[], ';') AS scaled;
SELECT array_to_string('{{}}'::int[], ',') AS empty;
SELECT array_to_string(ARRAY[1,NULL,3], ',', 'n') AS one_d;
CREATE TABLE b2_grid (id int, g int[]);
INSERT INTO b2_grid VALUES (1, '{{1,2,3},{4,5,6}}'), (2, '{{7},{8}}'), (3, NULL);
SELECT id, array_to_string(g, ' '), array_length(g, 1), array_length(g, 2), cardinality(g),
       array_dims(g), array_ndims(g) FROM b2_grid ORDER BY id;
SELECT id, x FROM b2_grid, unnest(g) AS x ORDER BY id, x;
-- array_position refuses a multidimensional array, as PostgreSQL does (0A000)
SELECT array_position(ARRAY[[1,2],[3,4]], 3);
SELECT array_position(g, 5) FROM b2_grid WHERE id = 1;
SELECT array_positions(ARRAY[[1,2],[3,4]], 3);
DROP TABLE b2_grid;
