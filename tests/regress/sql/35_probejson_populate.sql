-- json_populate_record(set), jsonb_ variants, json_strip_nulls, to_tsvector of json (found probing
-- PostgreSQL's json.sql; h/probejson)
create type jpop as (a text, b int, c timestamp);
create type jp2 as (a varchar(3), b char(5), n numeric(6,2), j jsonb);
CREATE TABLE tt (id int, name text, price numeric(10,2));
select * from json_populate_record(null::jpop,'{"a":"blurfl","x":43.2}') q;
select * from jsonb_populate_record(null::jpop,'{"a":"blurfl","b":3,"c":"2012-12-31 15:30:56"}') q;
select * from json_populate_recordset(null::jpop,'[{"a":"blurfl","x":43.2},{"b":3,"c":"2012-01-20 10:42:53"}]') q;
select * from jsonb_populate_recordset(null::tt,'[{"id":1,"name":"x","price":1.5},{"price":"2.345"}]') q;
select * from json_populate_record(null::jp2,'{"a":"abc","b":"ab","n":1.234,"j":{"x":[1, 2]}}') q;
select * from json_populate_record(null::jp2,'{"a":"abcd"}') q;
select * from json_populate_record(null::jp2,'{"b":"abcdefg"}') q;
select * from json_populate_record(null::jp2,'{"n":123456.7}') q;
-- differs: a non-NULL base value of json_populate_record is 0A000
select * from json_populate_record(row('x',3,'2012-12-31 15:30:56')::jpop,'{"a":"blurfl","x":43.2}') q;
select * from json_populate_record(null::jpop,'[1]') q;
select * from json_populate_recordset(null::jpop,'{"a":1}') q;
select * from json_populate_recordset(null::jpop,'[1]') q;
select * from json_populate_record(null::jpop,'{"b":"x"}') q;
insert into tt select * from json_populate_recordset(null::tt, '[{"id":5,"name":"n5","price":"9.999"}]');
select * from tt;
select q.a, q.b from json_populate_record(null::jpop,'{"a":"A","b":7}') q where q.b > 5;
select json_strip_nulls(null);
select json_strip_nulls('1');
select json_strip_nulls('"a string"');
select json_strip_nulls('null');
select json_strip_nulls('[1,2,null,3,4]');
select json_strip_nulls('{"a":1,"b":null,"c":[2,null,3],"d":{"e":4,"f":null}}');
select json_strip_nulls('[1,{"a":1,"b":null,"c":2},3]');
select json_strip_nulls('{"a": {"b": null, "c": null}, "d": {} }');
select json_strip_nulls('{"a" : 1.50e2, "a": "x\"y", "n" : null , "k": [ null , {"z": null}] }');
select json_strip_nulls('{"a":');
select pg_typeof(json_strip_nulls('{}'));
-- differs: to_tsvector of json and jsonb is 0A000 (it read the JSON text, keys and all)
select to_tsvector('{"a": "aaa"}'::json);
select * from json_to_record('{"c":"aaa"}') as x(c char(10));
select * from json_to_record('{"c":"aaaaaaaaaaaaa"}') as x(c char(10));
select * from json_to_record('{"c":"aaaa"}') as x(c varchar(2));
select * from json_to_record('{"c":1.2345}') as x(c numeric(5,2));
