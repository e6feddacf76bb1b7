-- pg_trgm (contrib 1.6): trigrams, similarity, word similarity, their operators and
-- thresholds, byte for byte as PostgreSQL 15 computes them (C locale: words are ASCII letters
-- and digits; src/pgfn/pgfn_trgm.c, src/xlat/xlat_trgm.c). Random pairs of strings with
-- punctuation, digits, empty strings and non-ASCII letters (é, ß, Cyrillic) checked against it.
SELECT similarity('word', 'two words');
SELECT 'word' <% 'two words';
SELECT 'abc' % 'abd';
SELECT 'abc'::text % 3, 7 % 3;
SELECT 'abc'::varchar % 3;
CREATE EXTENSION pg_trgm;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION pg_trgm;
SELECT extname, extversion, extrelocatable FROM pg_extension ORDER BY extname;
SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'pg_trgm';
SELECT show_trgm('word'), show_trgm('Two Words!'), show_trgm(''), show_trgm(NULL), show_trgm('a');
SELECT show_trgm('café ßtraße Привет 123'), show_trgm('a-b_c.d  e'), show_trgm('AAAaaa');
SELECT similarity('word', 'two words'), similarity('', ''), similarity('abc', NULL), similarity('hello world', 'Hello World!');
SELECT word_similarity('word', 'two words'), word_similarity('Kat', 'Kartoffel'), word_similarity('', 'abc'), word_similarity('abc', '');
SELECT strict_word_similarity('word', 'two words'), strict_word_similarity('Kat', 'Kartoffel Katze'), strict_word_similarity('abc', 'x abcd abc');
SELECT 'word' % 'two words', 'word' <% 'two words', 'word' %> 'two words', 'word' <<% 'two words', 'word' %>> 'two words';
SELECT 'word' <-> 'two words', 'word' <<-> 'two words', 'word' <->> 'two words', 'word' <<<-> 'two words', 'word' <->>> 'two words';
SELECT pg_typeof(similarity('a', 'b')), pg_typeof('a' <-> 'b'), pg_typeof(show_trgm('a')), pg_typeof('a' % 'b');
SELECT word_similarity(NULL, 'x'), 'x' % NULL, NULL <-> 'x', 'x' <<% NULL;
SELECT 7 % 3, 5.5 % 2, 'x'::varchar % 'xy'::text, 'abc'::name % 'abd';
SELECT similarity(1, 2);
SELECT 'abc'::text % 3;
SELECT 1 <% 2;
-- the thresholds
SELECT show_limit(), set_limit(0.5), show_limit();
SHOW pg_trgm.similarity_threshold;
SELECT 'word' % 'two words';
SET pg_trgm.similarity_threshold = 0.1;
SELECT 'word' % 'two words', current_setting('pg_trgm.similarity_threshold');
SET pg_trgm.similarity_threshold = 2;
SET pg_trgm.similarity_threshold = 'abc';
SELECT set_limit(1.5);
SELECT set_limit(-0.1);
SELECT set_limit(0.33333), show_limit();
RESET pg_trgm.similarity_threshold;
SHOW pg_trgm.similarity_threshold;
SHOW pg_trgm.word_similarity_threshold;
SHOW pg_trgm.strict_word_similarity_threshold;
SET pg_trgm.word_similarity_threshold = 0.4;
SET pg_trgm.strict_word_similarity_threshold = 0.25;
SELECT 'Kat' <% 'Kartoffel Katze', 'Kat' <<% 'Kartoffel Katze', 'Kartoffel Katze' %>> 'Kat';
RESET ALL;
CREATE TABLE t (id int PRIMARY KEY, name varchar(50));
INSERT INTO t VALUES (1, 'PostgreSQL'), (2, 'Postgres'), (3, 'MySQL'), (4, 'SQLite'), (5, NULL), (6, 'postgresql database'), (7, '');
SELECT id, name, similarity(name, 'postgres') AS s FROM t ORDER BY s DESC, id;
SELECT id, name <-> 'postgre' AS d FROM t ORDER BY d, id;
SELECT id FROM t ORDER BY name <-> 'postgre', id LIMIT 3;
SELECT id FROM t ORDER BY 'sql' <<-> name, id;
SELECT id FROM t WHERE name % 'postgres' ORDER BY id;
SELECT id FROM t WHERE 'sql' <% name ORDER BY id;
SELECT id FROM t WHERE name %> 'sql' ORDER BY id;
PREPARE q1(text) AS SELECT id FROM t WHERE name % $1 ORDER BY id;
EXECUTE q1('postgresql');
PREPARE q2 AS SELECT id FROM t WHERE name % $1 ORDER BY id;
EXECUTE q2('mysql');
PREPARE q3 AS SELECT id, name <-> $1 FROM t ORDER BY name <-> $2, id LIMIT 3;
EXECUTE q3('postgre', 'mysq');
PREPARE q4 AS SELECT id FROM t WHERE $1 <<% name ORDER BY id;
EXECUTE q4('sql');
SELECT set_limit(0.25::float8);
SELECT set_limit('0.25'), set_limit(1), show_limit();
CREATE TABLE p (i int, a text, b text);
INSERT INTO p VALUES
(0, 'o1de l d''w', 'k'),
(1, '2eykß3dЖmxdЖ1', 'x'),
(2, 'ß', 'B2o '),
(3, 'ЖCß', 'lЖt l'),
(4, 'Жd', ', 3K__'),
(5, 'CysykЖCé,S-', 'em''2rSo,2'),
(6, 'e', 'ST,_ekA.ed'),
(7, 'Ж-B0Tb_Tr', ',dw'),
(8, 'ny11,kr-1', 'n3ßA2T0x'),
(9, 'ksox', 'a,szBao'),
(10, '  ЖKn''d_ß1111', '.1d'),
(11, 'ew-rmS', 'l'),
(12, '', ' l b'),
(13, 'w0', 'zT .'),
(14, 'm,_', '.CkolSz.rébwé o'),
(15, '', 'Ckzé rTx  ''Sxty1'),
(16, 'té,TbbA', 'ztT-T kxlx.tSw.'),
(17, '', 'Tkm0t.s3Sk1_1kr'),
(18, 'nbo_o', 'Toßßnbalén3twbz'),
(19, 'B''yKz ', 'ndT_é2''n oé''b'),
(20, 'saoso.mßdKééß.', 'ßdy'),
(21, 'Acl''-ß', ''),
(22, '-K', '''tA-'' .''yézßt-n2'),
(23, '1-K', 'y3'),
(24, 'wC', 'o o'),
(25, 'n_xl1,rx', '3''1S2'),
(26, 'TKk bS', '-b0SéB''emxlkzA'),
(27, 's', 'n3z1o ''Ж'),
(28, 'KkAds3eAbkzkxez', '_aS'),
(29, 'AncéymrzdstCC', 'wB-''sATbzcab''ßt'''),
(30, 'y-l3, 1''CwxStn1', 'dnaez3rdk0'''),
(31, 'yBc_srA-a', ' SßKycCw'),
(32, 'saS0k.A''ty''', ''),
(33, 'zk', '1c1b'),
(34, 'Cxkéo0K,o', 'oc''3''né''Ж'),
(35, '', 'kbcn l0'),
(36, 'ßdb y,za_e'' ké', '.z'),
(37, 'zy', 'x_,0e.'),
(38, 'cteoSzCЖn', ''),
(39, 'd,Alw,BéB___mßt', 'k.bB_e''-A'),
(40, 'wwekoéz n''Am', 'x,,1bra,-1C'),
(41, '2T0K', 'SaK'),
(42, '1mtaBz e10', ' 3'),
(43, 'dAldBoyA', '''Kt 3b1ßßwkd2'),
(44, 'nB,dßnr.2SBCzz', 'yC.ß1mrrew'','),
(45, '-S-3nßt', 'ksSßkKy'),
(46, 'zЖtb202éw0A', 'd,AЖ n''éwk'),
(47, 'y01-3Cbn', '3'),
(48, ',ae1é_-ylxooél_', 'ßc'),
(49, '', 'xЖcC'),
(50, 'zé3m', 'eCé'),
(51, '0zxaa ', '_AKy.éyßy'),
(52, '', 'Cdbt,2kzx3 x,'),
(53, 'S', ' 1taB''ew,tCtx'),
(54, 'xzBl,sx,2do1dw', ''),
(55, '2dds', '-KmkrStsé_cC'),
(56, ' S-rlakAkT2m', '0TC3kd'),
(57, 't  -tK .b2y1c0c', 'edzteS ASczKAC'),
(58, '', 'bx'),
(59, '._0', '3,n,saCo'),
(60, 'KK_ k''t', 'ry2ec.ß Kr3l'),
(61, 'zk', 'l2,-sx'),
(62, '2_y ', 'BBA'),
(63, ' zzt-ysy', 'oBtKe1z'),
(64, '''éxl_cl', ''),
(65, 'x- cBxmdtte ''s-', 'alTwc So'),
(66, 'w', 'cwaK2 sC'),
(67, 'wc', 'ß.e2l1ßo kr1A2B'),
(68, '2dCЖT22b ', '11wa3r'),
(69, 'mk1Ж _rnadßo1', 'Ж '),
(70, 'roTBrérel0,tCnc.', 'd0krx1t.sЖ'),
(71, 'c1ér0T', 'oyt'),
(72, 'ß', 'K'),
(73, '0_ß', '2Cy30 -''-'),
(74, 'ba,_y', '_s.1lenT3 k-'''''),
(75, 'c', 'kK''k'),
(76, '''', 'nbemtn,BrxeT'),
(77, 'rKA_oz''.', 'z''yK c'),
(78, 's1rAK0', 'zméd '),
(79, 'ßélz 1 z0 Жo S', '-x'),
(80, 'dBézC', 'acxoB32'' d'),
(81, ',xcb', 'a'),
(82, 'CléT x2Cnw ', 'rnayo-leoA1zadß'),
(83, '-é,yracd b1', 'yrdla'),
(84, 'o2té''2', '''CeCd'),
(85, ' a03_k-sxlzxcmS', 'dAß3ézBw'),
(86, '''a', 'zytrK'),
(87, '0Sy0 .', 'éab3xЖCw1eЖrocb'),
(88, 'lrT', 'bbcn'),
(89, 'e', 'e'),
(90, 't e0lywwmcc', 'B.'),
(91, 'nlw', 'KS3zbTzBd'),
(92, 'K''.Bb2b3élT', 'd ЖwkЖBr3aétBda'),
(93, ',l,s,T''zЖrB', 'x,rmk,'),
(94, 'KTl', '1k3b wCz3 ''r'),
(95, 'x_n cTKéo-ßK', '_-zxn'),
(96, '_y''tACooyK', 'TryKtzlrlt0ooCC3'),
(97, 'tllAw0_c', ''),
(98, '3x''B_boz1ay3', 'xxsm_3Kzl2y1r'),
(99, '3._b2ésK', ''),
(100, ',lcz wrtéTlЖ', ' w.''b éS2_ws1'''),
(101, 'Tdz', '01dae22T'),
(102, 'lxC1éx1_', 'rnet.ß'),
(103, 'oT2_Bßn', 'TxA0z3s.aATyCK.'),
(104, '3k oC0dkЖKnéTaa', 'eBzlox'),
(105, '-Tow1', 'kßCt,'),
(106, 'ék-mßm', '2xn.,ßd.'),
(107, 'o,y,r arK_Ж,B_', '32es bbcSl'''),
(108, ',ocw2nSl S.éßwB', 'S3zßdBBT,1S''A'),
(109, 'Tw,mStKCnkc1ß1 Ж', '1'),
(110, 'lact.d'' 0', 'kwc_'),
(111, 'lsc2l', ''),
(112, 'nCßzCs2cKb3', ','),
(113, 'cm2Ж1-ea0o.2ßlk.', 'oa3aam'),
(114, 'wm', '.bAЖ'),
(115, '-sd okB', '_zdcadak0CCr,dK'),
(116, 'Ж-.rom r2.0', 'AЖSBAdSaoC3y00'),
(117, 'x-BaKzA3rcBo', 'Aß,T'),
(118, ' ß', '0txCd1_wza0_ k '),
(119, 'ex1ézéK.''tt', 'tksB Ж'),
(120, 'world wor Привет words!', '-x'),
(121, 'word world-x', '!'),
(122, 'kat world 42', 'kat word katze post...'),
(123, 'café café post 42', 'ld word-x'),
(124, 'words gres katze hello!', 'wor'),
(125, '', '...'),
(126, 'abcabc cab', 'wor word kartoffel gres 42'),
(127, 'postgres kartoffel Привет wor!', 'two world postgres!'),
(128, 'katze 42', 'katze straße'),
(129, ' 42', 'cab katze word words 42'),
(130, '!', 'sql café café abcabc word-x'),
(131, 'world gres-x', ' 42'),
(132, 'wor two abcabc!', 'kat-x'),
(133, 'post katze two postgres kartoffel...', 'words abcabc'),
(134, 'kat kartoffel abcabc 42', 'postgres cab'),
(135, 'world words hello postgres katze!', 'abcabc straße words abcabc words 42'),
(136, 'ld postgres words', 'café sql 42'),
(137, 'gres-x', ' 42'),
(138, 'cab word words...', '!'),
(139, 'cab sql word gres!', 'ld gres!'),
(140, 'word-x', 'ld two'),
(141, 'sql words kat abcabc Привет 42', 'words abcabc kat Привет 42'),
(142, 'world-x', '-x'),
(143, 'gres...', 'words!'),
(144, 'postgres two post kartoffel', 'cab gres two post!'),
(145, 'post café sql post', '...'),
(146, 'katze Привет world 42', 'cab kartoffel'),
(147, 'cab words gres!', 'café 42'),
(148, '!', 'world café kat world Привет-x'),
(149, 'kartoffel word world postgres 42', 'wor café katze sql word-x'),
(150, 'Привет kat Привет...', 'kat!'),
(151, '!', 'two two word sql 42'),
(152, 'kat kat word post 42', '...'),
(153, 'café abcabc Привет postgres abcabc', 'word two'),
(154, 'word abcabc-x', 'Привет gres word word'),
(155, 'words straße café!', 'words...'),
(156, 'wor two kat-x', 'ld Привет katze wor katze 42'),
(157, 'wor postgres 42', 'ld café hello wor straße'),
(158, 'Привет words 42', 'ld'),
(159, 'word Привет!', ' 42'),
(160, 'post Привет kat!', 'ld-x'),
(161, 'katze katze katze...', 'gres straße'),
(162, 'word gres word Привет', 'postgres katze sql'),
(163, 'world two', '...'),
(164, 'gres kartoffel abcabc café...', 'abcabc'),
(165, 'words sql ld café 42', 'postgres kartoffel...'),
(166, 'abcabc café!', 'wor post straße world abcabc...'),
(167, 'cab cab 42', '!'),
(168, 'postgres post...', 'wor café wor kat 42'),
(169, 'postgres 42', 'hello cab gres sql!'),
(170, 'katze kat!', 'kartoffel world abcabc katze...'),
(171, 'abcabc world word...', 'words-x'),
(172, 'world words!', 'gres Привет word cab 42'),
(173, 'words ld word kat ld...', 'word cab wor café!'),
(174, 'gres word wor-x', 'abcabc sql world sql world-x'),
(175, 'straße wor hello kat-x', 'abcabc sql two...'),
(176, 'words ld...', 'café postgres kartoffel 42'),
(177, 'postgres hello!', 'kat kat katze 42'),
(178, 'cab sql straße sql...', 'ld Привет Привет ld-x'),
(179, 'world katze world-x', ''),
(180, 'postgres word ld world...', 'straße café words!'),
(181, 'cab wor abcabc...', 'hello Привет kartoffel two 42'),
(182, 'world kartoffel 42', 'two word sql hello...'),
(183, 'two Привет sql...', 'Привет!'),
(184, 'two katze café...', ' 42'),
(185, 'katze ld kat kat 42', 'straße kat sql wor word...'),
(186, '', 'two-x'),
(187, 'café gres straße Привет!', 'post ld word words!'),
(188, 'Привет word kat word', 'Привет-x'),
(189, 'ld katze kat...', 'words postgres 42'),
(190, 'two katze 42', 'word café kartoffel world post-x'),
(191, 'wor kat katze postgres-x', 'katze abcabc katze postgres!'),
(192, 'katze!', 'two hello kat abcabc 42'),
(193, 'gres cab kartoffel!', 'wor café postgres ld sql-x'),
(194, 'cab kat postgres kartoffel two!', 'wor two'),
(195, 'wor straße 42', ' 42'),
(196, 'wor hello wor kartoffel', 'world straße postgres-x'),
(197, 'abcabc 42', 'postgres ld'),
(198, 'kat hello!', 'words'),
(199, 'gres...', 'straße-x'),
(200, 'postgres two world 42', 'wor-x'),
(201, 'café post sql cab Привет!', 'abcabc!'),
(202, 'gres abcabc café world straße!', 'Привет post words'),
(203, 'Привет kartoffel straße gres wor', 'café words sql kat wor'),
(204, 'two postgres hello post word', 'world Привет sql post'),
(205, 'sql kartoffel postgres sql words-x', 'world wor-x'),
(206, 'words gres two kat world 42', 'kat abcabc postgres-x'),
(207, 'word two 42', ' 42'),
(208, 'postgres katze wor katze...', 'ld!'),
(209, 'words wor', 'sql two café postgres...'),
(210, 'Привет gres ld...', 'kat word 42'),
(211, '...', 'katze postgres word katze 42'),
(212, 'world', 'wor postgres gres...'),
(213, ' 42', 'abcabc hello Привет-x'),
(214, 'katze post ld Привет!', 'post katze straße 42'),
(215, 'straße!', 'postgres straße gres postgres katze!'),
(216, 'world ld', 'sql!'),
(217, 'cab-x', 'postgres'),
(218, 'abcabc words world sql!', 'words café café postgres hello'),
(219, 'ld two words abcabc-x', 'word 42'),
(220, ' 42', 'post katze katze 42'),
(221, 'post word 42', 'word two hello-x'),
(222, 'café world sql!', 'kartoffel katze kat abcabc-x'),
(223, ' 42', 'café gres word cab ld-x'),
(224, 'straße 42', ' 42'),
(225, ' 42', 'gres postgres kartoffel words kat'),
(226, 'words sql world!', 'Привет two word sql hello-x'),
(227, 'world 42', 'world!'),
(228, 'world gres postgres katze', '...'),
(229, 'wor katze post cab ld-x', 'two sql café kartoffel words!'),
(230, 'words-x', 'wor kartoffel katze abcabc cab!'),
(231, 'world', '...'),
(232, 'ld words sql kartoffel', 'ld hello kartoffel abcabc'),
(233, 'two two wor sql kat-x', 'world café post cab'),
(234, 'hello Привет abcabc ld...', 'words wor kartoffel katze hello...'),
(235, 'sql café café ld world-x', 'words sql hello Привет kat!'),
(236, 'abcabc', 'café 42'),
(237, 'café ld world Привет!', 'abcabc wor gres word!'),
(238, 'post...', 'word postgres gres word post...'),
(239, 'gres cab postgres straße abcabc!', 'café word Привет café...');
SELECT i, show_trgm(a), similarity(a, b), word_similarity(a, b), strict_word_similarity(a, b) FROM p ORDER BY i;
SELECT i, a % b, a <% b, a %> b, a <<% b, a %>> b, a <-> b, a <<-> b, a <->> b, a <<<-> b, a <->>> b FROM p ORDER BY i;
-- gone with the extension
DROP EXTENSION pg_trgm;
SELECT similarity('a', 'b');
SELECT 'a' <<-> 'b';
DROP EXTENSION IF EXISTS pg_trgm;
DROP EXTENSION pg_trgm;
