<?php
// SPDX-License-Identifier: Apache-2.0
// clients_eloquent.php: drives Laravel's illuminate/database 8 (Debian php-illuminate-database)
// standalone through Capsule\Manager over pdo_pgsql — the Schema builder (create, hasTable/
// hasColumn/getColumnListing/getColumnType, change() and renameColumn() through Doctrine DBAL,
// drop) and Eloquent models with relationships, eager loading, pagination, upsert,
// transactions and chunk/cursor — one line per step.
// Usage: clients_eloquent.php HOST PORT pg|shardlite   (on shardlite the tenant is the database name)
require_once '/usr/share/php/Illuminate/Database/autoload.php';
require_once '/usr/share/php/Illuminate/Pagination/autoload.php';
require_once '/usr/share/php/Doctrine/DBAL/autoload.php';
require_once __DIR__ . '/clients_phpcommon.php';

use Illuminate\Database\Capsule\Manager as Capsule;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\SoftDeletes;
use Illuminate\Database\Schema\Blueprint;

[, $host, $port, $target] = $argv;
define('TARGET', $target);
date_default_timezone_set('UTC');
$capsule = new Capsule();
$capsule->addConnection(['driver' => 'pgsql', 'host' => $host, 'port' => $port, 'database' => 'acme',
	'username' => 'postgres', 'password' => '', 'charset' => 'utf8', 'prefix' => '',
	'schema' => 'public', 'sslmode' => 'disable']);
$capsule->setAsGlobal();
$capsule->bootEloquent();
$db = Capsule::connection();
$schema = Capsule::schema();
$undo = function () use ($db) {
	while ($db->transactionLevel() > 0)
		$db->rollBack();
};

class Author extends Model
{
	protected $guarded = [];
	protected $casts = ['active' => 'boolean', 'meta' => 'array', 'score' => 'decimal:2'];
	public function books() { return $this->hasMany(Book::class); }
}

class Book extends Model
{
	use SoftDeletes;
	protected $guarded = [];
	protected $casts = ['tags' => 'array', 'published' => 'boolean'];
	public function author() { return $this->belongsTo(Author::class); }
}

// Model values without the timestamps the clock decides.
function plain(Model $m): array
{
	return array_diff_key($m->toArray(), array_flip(['created_at', 'updated_at', 'deleted_at']));
}

step('server version', fn() => explode('.', $db->getPdo()->getAttribute(PDO::ATTR_SERVER_VERSION))[0]);
step('create tables', function () use ($schema) {
	$schema->create('authors', function (Blueprint $t) {
		$t->increments('id');
		$t->string('name', 100);
		$t->string('email')->unique();
		$t->text('bio')->nullable();
		$t->decimal('score', 8, 2)->default(0);
		$t->boolean('active')->default(true);
		$t->json('meta')->nullable();
		$t->timestamps();
	});
	$schema->create('books', function (Blueprint $t) {
		$t->bigIncrements('id');
		$t->unsignedInteger('author_id');
		$t->string('title');
		$t->jsonb('tags')->nullable();
		$t->boolean('published')->default(false);
		$t->integer('pages')->nullable()->index();
		$t->timestamps();
		$t->softDeletes();
		$t->foreign('author_id')->references('id')->on('authors')->onDelete('cascade');
		$t->unique(['author_id', 'title']);
	});
	return true;
});
step('hasTable', fn() => [$schema->hasTable('authors'), $schema->hasTable('books'), $schema->hasTable('nosuch')]);
step('hasColumn', fn() => [$schema->hasColumn('books', 'tags'), $schema->hasColumn('books', 'nosuch'),
	$schema->hasColumns('authors', ['name', 'email'])]);
step('getColumnListing', function () use ($schema) {
	$cols = $schema->getColumnListing('books');
	sort($cols);
	return $cols;
});
step('getColumnType', fn() => array_map(fn($c) => $schema->getColumnType('authors', $c),
	['id', 'name', 'bio', 'score', 'active', 'meta', 'created_at']));

step('create models', function () {
	$out = [];
	foreach (['ann' => 3, 'bob' => 2, 'cy' => 0] as $name => $n) {
		$a = Author::create(['name' => $name, 'email' => "$name@example.com", 'meta' => ['n' => $n]]);
		for ($i = 1; $i <= $n; $i++)
			$a->books()->create(['title' => "$name $i", 'tags' => ['t' . $i], 'pages' => 100 * $i]);
		$out[] = [$a->id, $a->wasRecentlyCreated];
	}
	return $out;
});
step('find', fn() => plain(Author::find(1)));
step('eager loading', fn() => Author::with(['books' => fn($q) => $q->orderBy('id')])->orderBy('id')->get()
	->map(fn($a) => [$a->name, $a->books->pluck('title')->all()])->all());
step('withCount', fn() => Author::withCount('books')->orderBy('id')->pluck('books_count', 'name')->all());
step('whereHas', fn() => Author::whereHas('books', fn($q) => $q->where('pages', '>', 150))->orderBy('id')
	->pluck('name')->all());
step('belongsTo', fn() => Book::where('title', 'bob 2')->first()->author->email);
step('json where', fn() => Book::where('tags', '@>', json_encode(['t2']))->orderBy('id')->pluck('title')->all());
step('paginate', function () {
	$p = Book::orderBy('id')->paginate(2, ['id', 'title'], 'page', 2);
	return [$p->total(), $p->lastPage(), $p->currentPage(), array_map(fn($b) => $b['title'], $p->items())];
});
step('simplePaginate', function () {
	$p = Book::orderBy('id')->simplePaginate(4);
	return [$p->hasMorePages(), count($p->items())];
});
step('upsert', function () use ($db) {
	$n = Author::upsert([['name' => 'ann2', 'email' => 'ann@example.com', 'score' => 5],
		['name' => 'dee', 'email' => 'dee@example.com', 'score' => 1.5]], ['email'], ['name', 'score']);
	return [$n, Author::orderBy('id')->get(['name', 'email', 'score'])->toArray()];
});
step('updateOrCreate', fn() => plain(Author::updateOrCreate(['email' => 'cy@example.com'], ['bio' => 'hi'])));
step('increment', function () {
	Author::where('email', 'bob@example.com')->increment('score', 2.25);
	return Author::where('email', 'bob@example.com')->value('score');
});
step('soft delete', function () {
	Book::where('title', 'ann 1')->first()->delete();
	return [Book::count(), Book::withTrashed()->count(), Book::onlyTrashed()->pluck('title')->all()];
});
step('restore', function () {
	Book::onlyTrashed()->restore();
	return Book::count();
});
step('transaction', function () use ($db) {
	try {
		$db->transaction(function () {
			Author::create(['name' => 'tx', 'email' => 'tx@example.com']);
			Author::create(['name' => 'dup', 'email' => 'tx@example.com']);
		});
	} catch (Throwable $e) {
		$code = sqlstate($e);
	}
	return [$code ?? null, Author::where('name', 'tx')->count(), $db->transactionLevel()];
}, $undo);
step('nested transaction', function () use ($db) {
	$db->beginTransaction();
	Author::create(['name' => 'outer', 'email' => 'o@example.com']);
	$db->beginTransaction();
	Author::create(['name' => 'inner', 'email' => 'i@example.com']);
	$db->rollBack();
	$db->commit();
	return Author::whereIn('name', ['outer', 'inner'])->pluck('name')->all();
}, $undo);
step('chunk', function () {
	$out = [];
	Book::orderBy('id')->chunk(2, function ($books) use (&$out) {
		$out[] = $books->pluck('id')->all();
	});
	return $out;
});
step('chunkById', function () {
	$out = [];
	Book::chunkById(3, function ($books) use (&$out) {
		$out[] = count($books);
	});
	return $out;
});
step('cursor', function () {
	$out = [];
	foreach (Book::orderBy('id')->cursor() as $b)
		$out[] = $b->title;
	return $out;
});
step('lazy', fn() => Book::lazy(2)->map(fn($b) => $b->id)->all());
step('cascade delete', function () {
	Author::where('name', 'bob')->delete();
	return Book::withTrashed()->count();
});
step('query builder', fn() => Capsule::table('authors')->select('name')
	->selectRaw('score * 2 AS twice')->where('score', '>', 0)->orderByDesc('score')->get()
	->map(fn($r) => (array)$r)->all());
step('insertGetId', fn() => Capsule::table('authors')->insertGetId(['name' => 'eve', 'email' => 'eve@example.com']));
step('errors', function () {
	$out = [];
	foreach ([fn() => Author::create(['name' => 'x', 'email' => 'ann@example.com']),
		fn() => Book::create(['author_id' => 999, 'title' => 'orphan']),
		fn() => Author::create(['email' => 'noname@example.com']),
		fn() => Capsule::table('nosuch')->get()] as $f) {
		try {
			$f();
		} catch (Throwable $e) {
			$out[] = [(new ReflectionClass($e))->getShortName(), sqlstate($e)];
		}
	}
	return $out;
});

class Kind extends Model
{
	public $timestamps = false;
	protected $guarded = [];
	protected $casts = ['born' => 'date', 'at' => 'datetime', 'ratio' => 'float', 'flags' => 'array'];
}
step('column kinds', function () use ($schema) {
	$schema->create('kinds', function (Blueprint $t) {
		$t->id();
		$t->uuid('uid');
		$t->enum('level', ['low', 'high'])->default('low');
		$t->char('code', 3)->nullable();
		$t->date('born')->nullable();
		$t->time('starts')->nullable();
		$t->timestampTz('at', 3)->nullable();
		$t->float('ratio')->nullable();
		$t->double('big')->nullable();
		$t->binary('raw')->nullable();
		$t->ipAddress('ip')->nullable();
		$t->macAddress('mac')->nullable();
		$t->smallInteger('small')->nullable();
		$t->bigInteger('huge')->nullable();
		$t->jsonb('flags')->nullable();
		$t->string('note')->nullable()->comment('free text');
	});
	$k = Kind::create(['uid' => 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'code' => 'ab', 'born' => '2024-02-29',
		'starts' => '13:14:15', 'at' => '2024-01-02 03:04:05.678+02', 'ratio' => 0.5, 'big' => 1e300,
		'raw' => 'abc', 'ip' => '10.0.0.1/8', 'mac' => '08:00:2b:01:02:03', 'small' => -7,
		'huge' => PHP_INT_MAX, 'flags' => ['a' => [1, 2]]]);
	$r = Kind::find($k->id);
	return [$k->id, $r->level, $r->code, $r->born->format('Y-m-d'), $r->starts, $r->at->format('c'),
		$r->ratio, $r->big, bin2hex(is_resource($r->raw) ? stream_get_contents($r->raw) : $r->raw), $r->ip,
		$r->mac, $r->small, $r->huge, $r->flags];
});
step('enum check', function () {
	try {
		Kind::create(['uid' => 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', 'level' => 'mid']);
	} catch (Throwable $e) {
		return sqlstate($e);
	}
});
// Doctrine has no type for macaddr: applications map it, as Laravel's docs say
$db->getDoctrineSchemaManager()->getDatabasePlatform()->registerDoctrineTypeMapping('macaddr', 'string');
step('kinds types', fn() => array_map(fn($c) => $GLOBALS['schema']->getColumnType('kinds', $c),
	['id', 'uid', 'level', 'code', 'born', 'starts', 'at', 'ratio', 'big', 'raw', 'ip', 'small', 'huge', 'flags']));
step('kinds comment', fn() => $GLOBALS['schema']->getConnection()->getDoctrineColumn('kinds', 'note')->getComment());

// Schema changes: change() and renameColumn() go through Doctrine DBAL's schema manager.
step('alter add', function () use ($schema) {
	$schema->table('authors', function (Blueprint $t) {
		$t->string('nick', 30)->nullable()->after('name');
		$t->index('name');
	});
	return $schema->getColumnListing('authors');
});
step('change', function () use ($schema) {
	Capsule::table('authors')->update(['nick' => 'n']);
	$schema->table('authors', function (Blueprint $t) {
		$t->string('name', 200)->change();
		$t->text('nick')->nullable(false)->default('')->change();
	});
	return [$schema->getColumnType('authors', 'name'), $schema->getColumnType('authors', 'nick'),
		$schema->getConnection()->getDoctrineColumn('authors', 'name')->getLength()];
});
step('change referencing', function () use ($schema) {
	$schema->table('books', function (Blueprint $t) {
		$t->bigInteger('author_id')->change();
		$t->string('title', 300)->nullable()->change();
	});
	return [$schema->getColumnType('books', 'author_id'), Book::withTrashed()->count(),
		Book::whereNull('title')->count()];
});
step('renameColumn', function () use ($schema) {
	$schema->table('authors', fn(Blueprint $t) => $t->renameColumn('bio', 'about'));
	return [$schema->hasColumn('authors', 'bio'), $schema->hasColumn('authors', 'about')];
});
step('dropColumn', function () use ($schema) {
	$schema->table('books', function (Blueprint $t) {
		$t->dropForeign(['author_id']);
		$t->dropColumn('pages');
	});
	return $schema->hasColumn('books', 'pages');
});
step('rename and drop', function () use ($schema) {
	$schema->rename('books', 'volumes');
	$schema->dropIfExists('volumes');
	$schema->drop('authors');
	return [$schema->hasTable('volumes'), $schema->hasTable('authors')];
});
echo "done\n";
