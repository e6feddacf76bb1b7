-- Functions psql's \dO, \dF, \dFd, \dFp, \dFt and \dX call (found running PostgreSQL's psql
-- script's backslash commands): they were 42883, so those commands failed.
SELECT getdatabaseencoding(), pg_client_encoding();
SELECT pg_char_to_encoding(getdatabaseencoding());
SELECT e, pg_char_to_encoding(e) FROM unnest(ARRAY['utf-8', 'Unicode', 'SQL_ASCII', 'latin1',
  'LATIN10', 'iso-8859-1', 'ISO_8859_5', 'windows-1252', 'Win1251', 'win', 'win932', 'sjis',
  'Shift_JIS', 'koi8', 'koi8-u', 'mule_internal', 'euc_jis_2004', 'nope', '']) AS e;
SELECT pg_char_to_encoding(NULL), pg_encoding_to_char(NULL);
SELECT n, pg_encoding_to_char(n) FROM generate_series(-1, 42) AS n;
SELECT pg_encoding_to_char(pg_char_to_encoding('utf_8'));
SELECT pg_collation_is_visible(NULL), pg_ts_config_is_visible(NULL), pg_ts_dict_is_visible(NULL),
  pg_ts_parser_is_visible(NULL), pg_ts_template_is_visible(NULL), pg_statistics_obj_is_visible(NULL);
SELECT pg_collation_is_visible(c.oid) FROM pg_collation c WHERE c.collname = 'C';
SELECT count(*) FROM pg_statistic_ext s WHERE pg_statistics_obj_is_visible(s.oid);
