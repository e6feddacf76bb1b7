<?php
// SPDX-License-Identifier: Apache-2.0
// clients_doctrine.php: drives Doctrine DBAL 3.6 (Debian php-doctrine-dbal) over pdo_pgsql the
// way applications and Doctrine Migrations do — its types both ways, nested transactions as
// savepoints, lastInsertId, the schema manager's introspection, and a Comparator diff whose
// ALTER SQL is run and then finds nothing left — one line per step.
// Usage: clients_doctrine.php HOST PORT pg|shardlite   (on shardlite the tenant is the database name)
require_once '/usr/share/php/Doctrine/DBAL/autoload.php';
require_once __DIR__ . '/clients_phpcommon.php';

use Doctrine\DBAL\DriverManager;
use Doctrine\DBAL\ParameterType;
use Doctrine\DBAL\Schema\Schema;
use Doctrine\DBAL\Types\Type;
use Doctrine\DBAL\Types\Types;

[, $host, $port, $target] = $argv;
define('TARGET', $target);
$conn = DriverManager::getConnection(['driver' => 'pdo_pgsql', 'host' => $host, 'port' => (int)$port,
	'dbname' => 'acme', 'user' => 'postgres']);
$platform = $conn->getDatabasePlatform();
$undo = function () use ($conn) {
	while ($conn->isTransactionActive())
		$conn->rollBack();
};

echo 'platform ', get_class($platform), "\n";
step('server version', fn() => explode('.', $conn->getWrappedConnection()->getServerVersion())[0]);

step('create', fn() => $conn->executeStatement('CREATE TABLE vals (id serial PRIMARY KEY,
	i int4, b int8, n numeric(12,4), t bool, ts timestamp(0), tz timestamptz(0), d date,
	tm time(0), j json, g uuid, by bytea, sa text, ar text)'));

// Each value bound as its Doctrine type, read back and converted to PHP by the same type.
$types = ['i' => Types::INTEGER, 'b' => Types::BIGINT, 'n' => Types::DECIMAL, 't' => Types::BOOLEAN,
	'ts' => Types::DATETIME_MUTABLE, 'tz' => Types::DATETIMETZ_MUTABLE, 'd' => Types::DATE_MUTABLE,
	'tm' => Types::TIME_MUTABLE, 'j' => Types::JSON, 'g' => Types::GUID, 'by' => Types::BLOB,
	'sa' => Types::SIMPLE_ARRAY, 'ar' => Types::ARRAY];
$vals = ['i' => 42, 'b' => '1099511627776', 'n' => '12.3456', 't' => true,
	'ts' => new DateTime('2024-01-02 03:04:05'), 'tz' => new DateTime('2024-01-02 03:04:05+02:00'),
	'd' => new DateTime('2024-02-29'), 'tm' => new DateTime('13:14:15'), 'j' => ['k' => [1, 2], 's' => 'é'],
	'g' => 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'by' => "\x00\x01\xff'\\", 'sa' => ['a', 'b'],
	'ar' => ['x' => 1]];

step('insert types', fn() => $conn->insert('vals', $vals, $types));
step('lastInsertId', fn() => [$conn->lastInsertId(), $conn->lastInsertId('vals_id_seq')]);
step('insert false', fn() => $conn->insert('vals', ['i' => 7, 't' => false], ['t' => Types::BOOLEAN]));

function php_value($v)
{
	if ($v instanceof DateTimeInterface)
		return $v->format('Y-m-d H:i:s P');
	if (is_resource($v))
		return bin2hex(stream_get_contents($v));
	return $v;
}
step('select types', function () use ($conn, $types) {
	$row = $conn->fetchAssociative('SELECT * FROM vals WHERE id = 1');
	$out = [];
	foreach ($types as $col => $type)
		$out[$col] = php_value($conn->convertToPHPValue($row[$col], $type));
	return $out;
});
step('raw values', function () use ($conn) {
	$row = $conn->fetchNumeric('SELECT i, b, n, t, ts, tz, d, tm, j, g, sa FROM vals WHERE id = 1');
	return array_map(fn($v) => gettype($v) . ':' . $v, $row);
});
step('params', fn() => $conn->fetchAllNumeric('SELECT id, i FROM vals WHERE t = ? AND d <= ? AND i IN (?)',
	[true, new DateTime('2024-03-01'), [42, 43]],
	[ParameterType::BOOLEAN, Types::DATE_MUTABLE, \Doctrine\DBAL\Connection::PARAM_INT_ARRAY]));
step('query builder', function () use ($conn) {
	$qb = $conn->createQueryBuilder();
	$qb->select('i', 'n')->from('vals')->where($qb->expr()->gt('i', ':min'))->orderBy('i', 'DESC')
		->setMaxResults(1)->setFirstResult(0)->setParameter('min', 1);
	return $qb->executeQuery()->fetchAllAssociative();
});
step('update delete', fn() => [$conn->update('vals', ['n' => '1.5'], ['i' => 7]),
	$conn->delete('vals', ['i' => 7])]);

// Nested transactions: with savepoints the inner rollBack undoes only its own work.
step('nested transactions', function () use ($conn) {
	$conn->setNestTransactionsWithSavepoints(true);
	$conn->beginTransaction();
	$conn->insert('vals', ['i' => 100]);
	$conn->beginTransaction();
	$conn->insert('vals', ['i' => 101]);
	$level = $conn->getTransactionNestingLevel();
	$conn->rollBack();
	$conn->beginTransaction();
	$conn->insert('vals', ['i' => 102]);
	$conn->commit();
	$conn->commit();
	return [$level, $conn->fetchFirstColumn('SELECT i FROM vals WHERE i >= 100 ORDER BY i')];
}, $undo);
step('transactional', function () use ($conn) {
	try {
		$conn->transactional(function ($c) {
			$c->insert('vals', ['i' => 200]);
			$c->executeStatement('INSERT INTO vals (i) VALUES (?)', ['x']);
		});
	} catch (Throwable $e) {
		return [sqlstate($e), $conn->isTransactionActive(),
			$conn->fetchOne('SELECT count(*) FROM vals WHERE i = 200')];
	}
}, $undo);
step('errors', function () use ($conn) {
	$out = [];
	$conn->executeStatement('CREATE TABLE p (id int PRIMARY KEY)');
	foreach (['INSERT INTO p VALUES (1), (1)', 'SELECT nosuch FROM p', 'SELECT * FROM nosuch',
		'INSERT INTO p VALUES (NULL)', 'SELEC 1'] as $sql) {
		try {
			$conn->executeStatement($sql);
		} catch (Throwable $e) {
			$out[] = [(new ReflectionClass($e))->getShortName(), sqlstate($e)];
		}
	}
	return $out;
});

// The schema that Doctrine Migrations would build, created through the platform's own DDL.
$sm = $conn->createSchemaManager();
function model(): Schema
{
	$s = new Schema();
	$a = $s->createTable('authors');
	$a->addColumn('id', Types::INTEGER, ['autoincrement' => true]);
	$a->addColumn('name', Types::STRING, ['length' => 100, 'comment' => 'display name']);
	$a->addColumn('email', Types::STRING, ['length' => 200, 'notnull' => false]);
	$a->addColumn('score', Types::DECIMAL, ['precision' => 10, 'scale' => 2, 'default' => '0']);
	$a->addColumn('active', Types::BOOLEAN, ['default' => true]);
	$a->addColumn('born', Types::DATE_MUTABLE, ['notnull' => false]);
	$a->addColumn('meta', Types::JSON, ['notnull' => false]);
	$a->addColumn('uid', Types::GUID, ['notnull' => false]);
	$a->setPrimaryKey(['id']);
	$a->addUniqueIndex(['email'], 'authors_email_uniq');
	$b = $s->createTable('books');
	$b->addColumn('id', Types::BIGINT, ['autoincrement' => true]);
	$b->addColumn('author_id', Types::INTEGER);
	$b->addColumn('title', Types::STRING, ['length' => 255]);
	$b->addColumn('published', Types::DATETIMETZ_MUTABLE, ['notnull' => false]);
	$b->addColumn('body', Types::TEXT, ['notnull' => false]);
	$b->addColumn('cover', Types::BLOB, ['notnull' => false]);
	$b->setPrimaryKey(['id']);
	$b->addIndex(['author_id', 'title'], 'books_author_title_idx');
	$b->addForeignKeyConstraint('authors', ['author_id'], ['id'], ['onDelete' => 'CASCADE'], 'books_author_fk');
	$s->createSequence('ticket_seq', 5, 100);
	return $s;
}
step('create schema', function () use ($conn, $platform) {
	$conn->executeStatement('DROP TABLE vals, p');
	$sql = model()->toSql($platform);
	foreach ($sql as $q)
		$conn->executeStatement($q);
	return count($sql);
});
step('listTableNames', function () use ($sm) {
	$names = $sm->listTableNames();
	sort($names);
	return $names;
});
function column_info($c): array
{
	return [$c->getName(), $c->getType()->getName(), $c->getNotnull(), $c->getDefault(),
		$c->getLength(), $c->getPrecision(), $c->getScale(), $c->getAutoincrement(), $c->getComment()];
}
foreach (['authors', 'books'] as $t) {
	step("listTableColumns $t", fn() => array_values(array_map('column_info', $sm->listTableColumns($t))));
	step("listTableIndexes $t", function () use ($sm, $t) {
		$out = [];
		foreach ($sm->listTableIndexes($t) as $name => $ix)
			$out[$name] = [$ix->getColumns(), $ix->isUnique(), $ix->isPrimary()];
		ksort($out);
		return $out;
	});
}
step('listTableForeignKeys', fn() => array_map(fn($fk) => [$fk->getName(), $fk->getLocalColumns(),
	$fk->getForeignTableName(), $fk->getForeignColumns(), $fk->onDelete(), $fk->onUpdate()],
	$sm->listTableForeignKeys('books')));
step('listSequences', function () use ($sm) {
	$out = [];
	foreach ($sm->listSequences() as $s)
		$out[] = [$s->getName(), $s->getAllocationSize(), $s->getInitialValue()];
	sort($out);
	return $out;
});
step('listViews', function () use ($conn, $sm) {
	$conn->executeStatement('CREATE VIEW author_names AS SELECT id, name FROM authors');
	// PostgreSQL lists its own catalog views too (information_schema.views shows them)
	$names = array_keys($sm->listViews());
	$conn->executeStatement('DROP VIEW author_names');
	return array_values(array_filter($names, fn($n) => str_starts_with($n, 'public.')));
});

// Introspected schema against the model: nothing to change; then a changed model's ALTERs.
function diff_sql($sm, $platform, Schema $to): array
{
	$from = $sm->introspectSchema();
	$diff = $sm->createComparator()->compareSchemas($from, $to);
	return $platform->getAlterSchemaSQL($diff);
}
step('compare unchanged', fn() => diff_sql($sm, $platform, model()));
function changed(): Schema
{
	$s = model();
	$a = $s->getTable('authors');
	$a->addColumn('nick', Types::STRING, ['length' => 30, 'notnull' => false, 'comment' => 'short']);
	$a->changeColumn('name', ['length' => 150]);
	$a->changeColumn('email', ['notnull' => true]);
	$a->changeColumn('score', ['default' => '1.5']);
	$a->dropColumn('uid');
	$a->addIndex(['name'], 'authors_name_idx');
	$b = $s->getTable('books');
	$b->dropIndex('books_author_title_idx');
	$b->addColumn('pages', Types::SMALLINT, ['default' => 0]);
	$s->createTable('tags')->addColumn('label', Types::STRING, ['length' => 40]);
	return $s;
}
step('compare changed', function () use ($conn, $sm, $platform) {
	$sql = diff_sql($sm, $platform, changed());
	foreach ($sql as $q)
		$conn->executeStatement($q);
	return $sql;
});
step('compare again', fn() => diff_sql($sm, $platform, changed()));
step('columns after', fn() => array_values(array_map('column_info', $sm->listTableColumns('authors'))));
step('rename and drop', function () use ($conn, $sm) {
	$sm->renameTable('tags', 'labels');
	$sm->dropTable('labels');
	$names = $sm->listTableNames();
	sort($names);
	return $names;
});
echo "done\n";
