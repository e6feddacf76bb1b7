-- information_schema.user_defined_types: the tenant's composite types (CREATE TYPE ... AS);
-- enums, domains and tables' row types are not listed.
CREATE TYPE isy_pair AS (a int, b text);
CREATE TYPE isy_money AS (amount numeric(12, 2), currency char(3));
CREATE TYPE isy_mood AS ENUM ('sad', 'ok');
CREATE DOMAIN isy_pos AS int CHECK (VALUE > 0);
CREATE TABLE isy_t (id int PRIMARY KEY, p isy_pair);
SELECT user_defined_type_catalog = current_database() AS c, user_defined_type_schema, user_defined_type_name, user_defined_type_category, is_instantiable, is_final, ordering_form, ordering_category, reference_type, data_type, character_maximum_length, numeric_precision, source_dtd_identifier, ref_dtd_identifier FROM information_schema.user_defined_types WHERE user_defined_type_schema = 'public' ORDER BY user_defined_type_name;
SELECT * FROM information_schema.user_defined_types WHERE user_defined_type_name = 'isy_pair' AND user_defined_type_catalog = current_database();
DROP TYPE isy_money;
SELECT user_defined_type_name FROM information_schema.user_defined_types WHERE user_defined_type_schema = 'public' ORDER BY 1;
-- information_schema.attributes: each attribute of a composite type, described as columns
-- describes a column
CREATE TYPE isy_rec AS (n int, label varchar(20), price numeric(10, 3), at timestamp(3), tags text[], mood isy_mood, pair isy_pair, f float8, c char(4), d interval day to second);
SELECT udt_catalog = current_database() AS uc, udt_schema, udt_name, attribute_name, ordinal_position, attribute_default, is_nullable, data_type, character_maximum_length, character_octet_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, interval_type, interval_precision, attribute_udt_schema, attribute_udt_name, dtd_identifier, is_derived_reference_attribute FROM information_schema.attributes WHERE udt_schema = 'public' ORDER BY udt_name, ordinal_position;
SELECT * FROM information_schema.attributes WHERE udt_name = 'isy_pair' AND udt_catalog = current_database() ORDER BY ordinal_position;
