// SPDX-License-Identifier: Apache-2.0
// clients_common.js: the step/gap/known helpers of clients_postgresjs.js, clients_sequelize.js,
// clients_pgpromise.js, clients_slonik.js, clients_objection.js, clients_mikroorm.js,
// clients_knex.js, clients_kysely.js, clients_drizzlekit.js, clients_nodepgmigrate.js,
// clients_pgboss.js and clients_postgraphile.js — one printed line per step, known differences
// asserted on shardlite and replaced by PostgreSQL's answer, so both servers print the same.
'use strict';

const show = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `${x}n` : x));

// The SQLSTATE of an error: the driver's own, or that of the error it wraps (ORMs do).
const sqlstate = (e) => (e && (e.code || (e.original && e.original.code) ||
	(e.parent && e.parent.code) || (e.cause && e.cause.code))) || (e && e.message);

function clients(target, onError) {
	const verbose = !!process.env.CLIENTS_VERBOSE;
	const explain = (e) => {
		if (verbose)
			console.log('   ', e.message, e.detail || '', e.query || e.sql || '');
	};

	// On shardlite out must contain sl, which becomes PostgreSQL's pg; both print the note.
	function known(out, gaps) {
		for (const [sl, pg, why] of gaps) {
			if (target === 'shardlite') {
				if (!out.includes(sl))
					console.log('UNEXPECTED: no longer differs:', why);
				out = out.split(sl).join(pg);
			}
			console.log('known gap:', why);
		}
		return out;
	}

	async function step(name, fn, gaps = []) {
		try {
			console.log(name, known(show(await fn()), gaps));
		} catch (e) {
			console.log(name, 'ERROR', sqlstate(e));
			explain(e);
			if (onError)
				await onError();
		}
	}

	// A known difference: on shardlite fn must fail with SQLSTATE code; on PostgreSQL succeed.
	async function gap(name, fn, code) {
		let got = 'ok';
		try {
			await fn();
		} catch (e) {
			got = sqlstate(e);
			explain(e);
			if (onError)
				await onError();
		}
		const want = target === 'shardlite' ? code : 'ok';
		console.log(name, got === want ? 'known gap' : `UNEXPECTED ${got}`);
	}

	return { step, gap, known, show };
}

module.exports = { clients, show, sqlstate };
