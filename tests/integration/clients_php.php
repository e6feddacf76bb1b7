<?php
// SPDX-License-Identifier: Apache-2.0
// clients_php.php: drives PHP's PDO pgsql and the native pgsql extension (Debian php-cli,
// php-pgsql) through what applications use — emulated and native prepares, every common type,
// transactions, errorInfo, lastInsertId, pg_query_params, pg_copy_from/to — one line per step.
// Usage: clients_php.php HOST PORT pg|shardlite   (on shardlite the tenant is the database name)
[, $host, $port, $target] = $argv;
define('TARGET', $target);
define('VERBOSE', getenv('CLIENTS_VERBOSE') !== false);
$db = new PDO("pgsql:host=$host;port=$port;dbname=acme", 'postgres', null,
	[PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);

function show($v): string
{
	return json_encode($v, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
}

// Runs one step and prints its value, or the class and SQLSTATE of the error it raised.
function step(string $name, callable $fn): void
{
	global $db;
	try {
		echo "$name ", show($fn()), "\n";
	} catch (PDOException $e) {
		echo "$name ERROR ", get_class($e), ' ', $e->getCode(), "\n";
		if (VERBOSE)
			echo '    ', str_replace("\n", '|', $e->getMessage()), "\n";
		if ($db->inTransaction())
			$db->rollBack();
	}
}

function rows(string $sql, array $params = [], array $opts = []): array
{
	global $db;
	$st = $db->prepare($sql, $opts);
	$st->execute($params);
	return $st->fetchAll(PDO::FETCH_NUM);
}

echo 'server_version ', explode('.', $db->getAttribute(PDO::ATTR_SERVER_VERSION))[0], "\n";
echo 'driver ', $db->getAttribute(PDO::ATTR_DRIVER_NAME), "\n";

step('create', function () use ($db) {
	return $db->exec('CREATE TABLE vals (id serial PRIMARY KEY, i int4, b int8, f float8,
		n numeric(12,4), s text, by bytea, t bool, d date, ts timestamp, tz timestamptz,
		u uuid, j jsonb, ia int4[], sm int2, r float4, v varchar(20))');
});
$ins = 'INSERT INTO vals (i, b, f, n, s, by, t, d, ts, tz, u, j, ia, sm, r, v)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
$vals = [42, 1099511627776, 1.5, '12.3456', "héllo 'q'", null, true, '2024-02-29',
	'2024-01-02 03:04:05.678', '2024-01-02 03:04:05+00',
	'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"k": [1, 2]}', '{1,2,NULL}', -7, 0.25, 'vc'];

// Binds each value with its PDO type (a bool as PARAM_BOOL, bytes as a LOB).
function bind_all(PDOStatement $st, array $vals, $blob): void
{
	foreach ($vals as $i => $v) {
		if ($i === 5)
			$st->bindValue($i + 1, $blob, PDO::PARAM_LOB);
		elseif (is_bool($v))
			$st->bindValue($i + 1, $v, PDO::PARAM_BOOL);
		elseif (is_int($v))
			$st->bindValue($i + 1, $v, PDO::PARAM_INT);
		elseif ($v === null)
			$st->bindValue($i + 1, $v, PDO::PARAM_NULL);
		else
			$st->bindValue($i + 1, (string)$v, PDO::PARAM_STR);
	}
}

foreach (['native' => false, 'emulated' => true] as $mode => $emulate) {
	step("insert $mode", function () use ($db, $ins, $vals, $emulate) {
		$st = $db->prepare($ins . ' RETURNING id', [PDO::ATTR_EMULATE_PREPARES => $emulate]);
		bind_all($st, $vals, "\x00\x01\xff'\\");
		$st->execute();
		return [$st->rowCount(), $st->fetchColumn()];
	});
}
step('insert nulls', function () use ($db, $ins) {
	$st = $db->prepare($ins);
	$st->execute(array_fill(0, 16, null));
	return $st->rowCount();
});
step('lastInsertId', function () use ($db) {
	return [$db->lastInsertId('vals_id_seq'), $db->lastInsertId()];
});

$sel = 'SELECT id, i, b, f, n, s, by, t, d, ts, tz, u, j, ia, sm, r, v FROM vals ORDER BY id';
step('select', function () use ($db, $sel) {
	$out = [];
	foreach ($db->query($sel)->fetchAll(PDO::FETCH_NUM) as $row) {
		$row[6] = is_resource($row[6]) ? bin2hex(stream_get_contents($row[6])) : $row[6];
		$out[] = $row;
	}
	return $out;
});
step('php types', function () use ($db, $sel) {
	$row = $db->query($sel . ' LIMIT 1')->fetch(PDO::FETCH_NUM);
	return array_map('gettype', $row);
});
step('stringify off', function () use ($db) {
	$db->setAttribute(PDO::ATTR_STRINGIFY_FETCHES, false);
	$r = $db->query('SELECT 1::int2, 2::int4, 3::int8, true, 1.5::float8, 2.5::numeric')->fetch(PDO::FETCH_NUM);
	return array_map(fn($v) => gettype($v) . ':' . var_export($v, true), $r);
});
step('column meta', function () use ($db, $sel) {
	$st = $db->query($sel . ' LIMIT 1');
	$out = [];
	for ($i = 0; $i < $st->columnCount(); $i++) {
		$m = $st->getColumnMeta($i);
		$out[] = [$m['name'], $m['native_type'], $m['pgsql:oid'], $m['len'], $m['precision'],
			$m['pdo_type'], $m['table'] ?? null];
	}
	return $out;
});
foreach (['native' => false, 'emulated' => true] as $mode => $emulate) {
	step("params $mode", function () use ($emulate) {
		return rows('SELECT i, s FROM vals WHERE i = :i AND s LIKE :p AND t = :t',
			['i' => 42, 'p' => 'h%', 't' => 't'], [PDO::ATTR_EMULATE_PREPARES => $emulate]);
	});
	step("expressions $mode", function () use ($emulate) {
		return rows("SELECT ?::int + 1, upper(?), ?::date + 1, ?::numeric * 2, ?::jsonb -> 'a', " .
			"? || 'x', coalesce(?, 'null')",
			['41', 'abc', '2024-02-28', '1.25', '{"a": [1]}', "it's", null],
			[PDO::ATTR_EMULATE_PREPARES => $emulate]);
	});
}
step('rowCount', function () use ($db) {
	return [$db->exec("UPDATE vals SET s = s || '!' WHERE i = 42"),
		$db->exec('DELETE FROM vals WHERE i IS NULL')];
});
step('transaction', function () use ($db) {
	$out = [];
	$db->beginTransaction();
	$db->exec("INSERT INTO vals (i, s) VALUES (100, 'kept')");
	$out[] = $db->inTransaction();
	$db->commit();
	$db->beginTransaction();
	$db->exec("INSERT INTO vals (i, s) VALUES (101, 'lost')");
	$db->rollBack();
	$db->beginTransaction();
	try {
		$db->exec("INSERT INTO vals (i) VALUES ('x')");
	} catch (PDOException $e) {
		$out[] = $e->getCode();
	}
	try {
		$db->query('SELECT 1');
	} catch (PDOException $e) {
		$out[] = $e->getCode();
	}
	$db->rollBack();
	$out[] = rows('SELECT i, s FROM vals WHERE i >= 100 ORDER BY i');
	return $out;
});
step('savepoint', function () use ($db) {
	$db->beginTransaction();
	$db->exec("INSERT INTO vals (i, s) VALUES (200, 'a')");
	$db->exec('SAVEPOINT sp');
	$db->exec("INSERT INTO vals (i, s) VALUES (201, 'b')");
	$db->exec('ROLLBACK TO SAVEPOINT sp');
	$db->commit();
	return rows('SELECT i, s FROM vals WHERE i >= 200 ORDER BY i');
});
step('errors', function () use ($db) {
	$db->exec('CREATE TABLE p (id int PRIMARY KEY)');
	$db->exec('CREATE TABLE ch (p int NOT NULL REFERENCES p, v int CHECK (v > 0))');
	$out = [];
	foreach (['INSERT INTO p VALUES (1), (1)', 'INSERT INTO ch VALUES (2, 1)',
		'INSERT INTO ch VALUES (NULL, 1)', 'SELECT nosuch FROM p', 'SELECT * FROM nosuch',
		'SELEC 1', 'SELECT 1/0', "SELECT 'x'::int"] as $sql) {
		try {
			$db->exec($sql);
		} catch (PDOException $e) {
			$out[] = [$e->getCode(), $e->errorInfo[0], $e->errorInfo[1]];
		}
	}
	return $out;
});
step('errmode silent', function () use ($db) {
	$db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_SILENT);
	$r = $db->query('SELECT * FROM nosuch');
	$info = $db->errorInfo();
	$st = $db->prepare('INSERT INTO p VALUES (?)');
	$ok = $st->execute([1]);
	$db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
	return [$r, $info[0], $ok, $st->errorInfo()[0], $st->errorCode()];
});
step('quote', function () use ($db) {
	return [$db->quote("it's"), $db->quote("a\\b")];
});
step('fetch modes', function () use ($db) {
	$st = $db->query('SELECT i AS num, s AS str FROM vals WHERE i >= 100 ORDER BY i');
	return [$st->fetch(PDO::FETCH_ASSOC), $st->fetch(PDO::FETCH_OBJ), $st->fetch()];
});
step('sequence', function () use ($db) {
	$db->exec('CREATE SEQUENCE s1 START 10');
	$db->query("SELECT nextval('s1')")->fetchColumn();
	return [$db->lastInsertId('s1'), $db->query("SELECT nextval('s1')")->fetchColumn()];
});

// The native pgsql extension (libpq underneath, as PDO): pg_query_params and COPY.
$pg = pg_connect("host=$host port=$port user=postgres dbname=acme");
step('pg_query_params', function () use ($pg) {
	$r = pg_query_params($pg, 'SELECT $1::int4 + 1 AS a, $2::text AS b, $3::bool AS c, $4::bytea AS d',
		[41, 'x', 'true', pg_escape_bytea($pg, "\x01\x02")]);
	return [pg_fetch_row($r), pg_field_type($r, 0), pg_field_type($r, 2), pg_field_type_oid($r, 3),
		pg_num_fields($r), pg_unescape_bytea(pg_fetch_result($r, 0, 3))];
});
step('pg_prepare', function () use ($pg) {
	pg_prepare($pg, 'q1', 'SELECT i, s FROM vals WHERE i = $1');
	return pg_fetch_all(pg_execute($pg, 'q1', [100]));
});
step('pg_copy_from', function () use ($pg) {
	pg_query($pg, 'CREATE TABLE c (a int, b text)');
	return pg_copy_from($pg, 'c', ["1\tone\n", "2\tt\\two\n", "3\t\\N\n"]);
});
step('pg_copy_to', function () use ($pg) {
	return pg_copy_to($pg, 'c');
});
step('pg error', function () use ($pg) {
	$ok = @pg_query($pg, 'INSERT INTO p VALUES (1)');
	$r = pg_get_result($pg);
	pg_send_query($pg, 'INSERT INTO p VALUES (1)');
	$r = pg_get_result($pg);
	return [$ok, pg_result_error_field($r, PGSQL_DIAG_SQLSTATE),
		pg_result_error_field($r, PGSQL_DIAG_CONSTRAINT_NAME), pg_transaction_status($pg)];
});
step('pg_meta_data', function () use ($pg) {
	return pg_meta_data($pg, 'c');
});
step('pg_insert', function () use ($pg) {
	return [pg_insert($pg, 'c', ['a' => 4, 'b' => 'four']) !== false,
		pg_select($pg, 'c', ['a' => 4])];
});
pg_close($pg);
echo "done\n";
