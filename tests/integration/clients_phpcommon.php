<?php
// SPDX-License-Identifier: Apache-2.0
// clients_phpcommon.php: the step/gap helpers of clients_doctrine.php and clients_eloquent.php —
// one printed line per step, an error as its SQLSTATE, known differences asserted on
// shardlite and printed as the same "known gap" line on both servers (docs/clients.md).

define('VERBOSE', getenv('CLIENTS_VERBOSE') !== false);

function show($v): string
{
	return json_encode($v, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
}

// The SQLSTATE of an error: the PDO exception's own, or that of one it wraps (DBALs do).
function sqlstate(Throwable $e): string
{
	for ($x = $e; $x !== null; $x = $x->getPrevious()) {
		if ($x instanceof PDOException && is_string($x->errorInfo[0] ?? null))
			return $x->errorInfo[0];
		if (method_exists($x, 'getSQLState') && $x->getSQLState() !== null)
			return $x->getSQLState();
	}
	return get_class($e) . ': ' . $e->getMessage();
}

function explain(Throwable $e): void
{
	if (VERBOSE)
		echo '    ', str_replace("\n", '|', $e->getMessage()), "\n";
}

// Known differences in a step's printed value: on shardlite $out must contain each gap's
// shardlite text, which becomes PostgreSQL's; both servers print the note.
function known(string $out, array $gaps): string
{
	foreach ($gaps as [$sl, $pg, $why]) {
		if (TARGET === 'shardlite') {
			if (!str_contains($out, $sl))
				echo "UNEXPECTED: no longer differs: $why\n";
			$out = str_replace($sl, $pg, $out);
		}
		echo "known gap: $why\n";
	}
	return $out;
}

// Runs one step and prints its value (with known() differences $gaps), or the SQLSTATE of
// the error it raised; $onError (if any) cleans up after an error (rolls back a transaction).
function step(string $name, callable $fn, ?callable $onError = null, array $gaps = []): void
{
	try {
		$v = known(show($fn()), $gaps);
		echo "$name $v\n";
	} catch (Throwable $e) {
		echo "$name ERROR ", sqlstate($e), "\n";
		explain($e);
		if ($onError)
			$onError();
	}
}

// A known difference: on shardlite $fn must fail with SQLSTATE $code, on PostgreSQL succeed.
function gap(string $name, callable $fn, string $code, ?callable $onError = null): void
{
	$got = 'ok';
	try {
		$fn();
	} catch (Throwable $e) {
		$got = sqlstate($e);
		explain($e);
		if ($onError)
			$onError();
	}
	$want = TARGET === 'shardlite' ? $code : 'ok';
	echo "$name ", $got === $want ? 'known gap' : "UNEXPECTED $got", "\n";
}
