/* SPDX-License-Identifier: Apache-2.0 */
/* session_int.h: the session's private state, shared by the files of the session module
 * (session.c startup and dispatch, sess_simple.c, sess_extended.c, sess_exec.c, sess_txn.c,
 * sess_guc.c, sess_copy.c, sess_copy_in.c, sess_script.c). Not part of the public API. */
#ifndef SHARDLITE_SESSION_INT_H
#define SHARDLITE_SESSION_INT_H

#include <sqlite3.h>
#include <stdatomic.h>

#include "auth.h"
#include "catalog.h"
#include "config.h"
#include "pgfn.h"
#include "pgw.h"
#include "session.h"
#include "shard.h"
#include "xlat.h"

struct pgtype_value;
struct sess_copy;
struct sess_copy_out;
struct sess_notify;
struct sess_fresh;

enum sess_state {
	SESS_STARTUP,      /* waiting for the startup packet (after optional SSL/GSS answer) */
	SESS_AUTH,         /* authentication exchange in progress (sess_auth.c) */
	SESS_OPENING,      /* authenticated; parked until the tenant's migration gets its lock */
	SESS_READY,        /* normal message processing */
	SESS_SKIP_TO_SYNC, /* extended-query error: discard everything up to Sync */
	SESS_COPY_IN,      /* COPY FROM STDIN: CopyData until CopyDone/CopyFail (sess_copy.c) */
	SESS_CLOSING,      /* flush output, then the net module closes the connection */
};

/* Transaction status as PostgreSQL reports it, plus the implicit block that wraps a
 * multi-statement Query or the messages up to a Sync. */
enum sess_txn {
	SESS_TXN_IDLE,     /* 'I': autocommit, no SQLite transaction open */
	SESS_TXN_IMPLICIT, /* 'I': SQLite transaction open, ends at end of Query / at Sync */
	SESS_TXN_BLOCK,    /* 'T': BEGIN was given */
	SESS_TXN_FAILED,   /* 'E': error inside a block; only ROLLBACK [TO] ends it */
};

/* A transaction's isolation level; DEFAULT until it is resolved (sess_rc.c). READ UNCOMMITTED
 * behaves as READ COMMITTED, as in PostgreSQL. */
enum sess_iso {
	SESS_ISO_DEFAULT,
	SESS_ISO_READ_UNCOMMITTED,
	SESS_ISO_READ_COMMITTED,
	SESS_ISO_REPEATABLE_READ,
	SESS_ISO_SERIALIZABLE,
};

/* A prepared statement (named, or the unnamed one). Owns its arena and its cached VM. */
struct sess_stmt {
	char *name;
	struct arena *arena; /* sql text, the translation */
	const char *sql;     /* the client's text */
	struct xlat_stmt *x; /* NULL for an empty query */
	int nparams;
	uint32_t *param_types; /* resolved OIDs sent in ParameterDescription */
	sqlite3_stmt *vm;      /* prepared at Parse; lent to one portal at a time */
	bool vm_lent;
	/* A writing statement's history for the fast path: how many runs were measured, and
	 * whether one took more than inline_budget VM steps (sess_inline_write_ran). */
	uint32_t write_runs;
	bool write_long;
	int refs; /* the statement list holds one; each portal built from it holds one */
	/* pg_prepared_statements: made by PREPARE (not Parse), when, and how many runs were
	 * bound to it (each a run of its one SQLite plan: generic_plans) */
	bool from_sql;
	const char *shown; /* its statement column: PREPARE's Query text; NULL: sql */
	int64_t prepared_us;
	int64_t runs;
	struct sess_rowdesc *rowdesc; /* its portals' RowDescription as last sent, or NULL */
	/* The tenant schema's fingerprint it was translated with, and (named statements) its
	 * result columns then, own: what sess_stmt_revalidate compares after DDL. */
	uint64_t schema_fp;
	char *shape;
	size_t shape_len;
	/* The block of its last unnamed portal, kept for the next Bind (every Bind ... Sync
	 * makes one and drops it): own, or NULL. */
	struct sess_portal *spare_portal;
	struct sess_stmt *next;
};

/* A portal: a statement bound to parameter values, possibly partly executed. Allocated with
 * its name behind it (sess_extended.c). */
#define SESS_PORTAL_INLINE_FORMATS 8
struct sess_portal {
	char *name;
	struct sess_stmt *stmt; /* ref */
	sqlite3_stmt *vm;       /* own, or lent by stmt (returned on close) */
	bool vm_borrowed;
	int16_t *formats; /* result formats, one per column: formats_inline when they fit */
	int16_t formats_inline[SESS_PORTAL_INLINE_FORMATS];
	int16_t format; /* the one result format given for all columns (a FETCH's), else 0 */
	int ncols;
	sqlite3_stmt **steps; /* own: data-modifying WITH queries, bound (sess_modcte.c) */
	bool steps_done;      /* ... ran, their rows bound to vm */
	bool started;         /* RowDescription-worthy execution has begun */
	bool done;            /* ran to completion; Execute again gives an empty CommandComplete */
	uint64_t rows;
	struct sess_portal *next;
};

/* One session setting (GUC): name as PostgreSQL spells it, current value, and what a
 * transaction's end must restore. */
struct sess_guc {
	const struct sess_guc_def *def;
	char *value;
	char *reset_val; /* the startup packet's value, which RESET restores; NULL: the default */
	char *txn_saved; /* value at transaction start when changed inside one, else NULL */
	bool local;      /* set by SET LOCAL: reverts at transaction end */
	struct sess_guc *next; /* custom (dotted) settings live in a list */
};

#define SESS_ORIGINS_MAX 16
/* pgbench and most drivers describe the same statement before every execution. Keyed by the
 * columns' origin names, not the SQL text (see column_origins). */
struct sess_origins {
	char key[256];
	size_t key_len;
	int n; /* -1: nothing kept */
	uint64_t epoch;
	uint32_t oids[SESS_ORIGINS_MAX];
	int16_t attnums[SESS_ORIGINS_MAX];
};

/* What few sessions ever use, behind one pointer (s->rare) that sess_rare allocates on first
 * use and the session frees at its end: an idle connection carries none of it (docs/
 * performance.md, idle connections). */
struct sess_rare {
	/* Sessions without a default tenant (sess_hub.c): the tenant of the connection they
	 * have, the tenants they listed last, the tenant a catalog query asks for, and the last
	 * one (for lookups by OID). */
	char *home;
	struct sess_hub_list *hub_list;
	char describe[SHARD_TENANT_MAX + 1];
	char described[SHARD_TENANT_MAX + 1];
	struct sess_cursor *cursors; /* SQL-level cursors (sess_cursor.c) */
	unsigned unnamed_portals;    /* PL/pgSQL's "<unnamed portal N>" names given so far */
	struct {                     /* the open savepoints' names, outermost first, so that */
		char **names;        /* ROLLBACK TO closes the cursors declared after one */
		bool *read_only;     /* and the block's READ ONLY when each was made, which */
		size_t n, cap;       /* ROLLBACK TO restores (SET TRANSACTION inside one) */
		unsigned *sub; /* and the subtransaction each level runs now (sess_freeze.c) */
	} cursor_sp;
	unsigned sub_seq;         /* the last subtransaction number given */
	struct sess_fresh *fresh; /* tables created or truncated in the transaction */
	/* TLS: cb_data is the tls-server-end-point hash; sni the server name, NULL when none. */
	uint8_t *cb_data;
	size_t cb_len;
	char *sni;
	/* The config defaults of the three timeouts, formatted; "" when 0 (sess_guc.c). */
	char timeout_defaults[3][24];
	/* random()'s generator once setseed() seeded it (sess_udf.c) */
	bool seeded;
	/* PL/pgSQL bodies running, nested (a DO block's or a function's: sess_plpgsql.c), whose
	 * cursors are their own, not the session's (sess_cursor_current_of) */
	int pl_runs;
	struct pl_run *pl_top; /* the innermost of them (its cursors: sess_pl_current_of) */
	struct pgfn_prng prng;
	/* a FunctionCall running as its Query (sess_fastpath.c): 1 text result, 2 binary, 0
	 * none; the result's type (its enum arg) */
	int fastpath, fastpath_result;
};

/* The tenant's functions and triggers at work in the session (sess_udf.c, sess_trigger.c):
 * allocated by the first call, so a session that calls none carries only the pointer. */
struct sess_udf_state {
	int depth;                        /* calls running, nested */
	int trg_quiet;                    /* writing a BEFORE trigger's row: triggers do nothing */
	struct pgerr *err;                /* the last call's failure whole (NULL until one fails) */
	struct sess_trg_row *trg_pending; /* a BEFORE trigger's changed row (sess_trigger.c) */
	struct sess_udf_cache *cache;     /* compiled function bodies */
	int trg_depth;                    /* trigger functions running, nested (pg_trigger_depth) */
	/* The running statement's: set when it starts (sess_trgstmt.c), kept across the
	 * functions it calls, whose statements have their own (sess_udf_run). */
	struct sess_trg_stmt {
		/* rows an INSTEAD OF trigger did not skip, and rows a BEFORE trigger changed that
		 * the session wrote in place of the statement's (sess_trgrow.c) */
		uint64_t instead_rows;
		/* whether the session may write such rows: 0 no, 1 yes, 2 yes and keep their
		 * rowids for the statement's RETURNING (xlat_stmt.returning_sql) */
		int replace_mode;
		const char *returning_sql; /* mode 2: the statement's xlat_stmt.returning_sql */
		/* its RETURNING rows are read (a data-modifying WITH's step's too): a row a
		 * BEFORE trigger changed that the session cannot write itself is refused, as
		 * SQLite's RETURNING would show the row the statement gave */
		bool returning;
		size_t nreturned;       /* rows kept in returned, its and the outer ones' */
		int64_t replaced_rowid; /* the last rowid such an INSERT gave, 0: none */
		/* INSERT ... ON CONFLICT DO NOTHING without a target: EXCLUDE constraints skip
		 * the rows they refuse (shardlite_exclude_skipping, xlat_exclude.c) */
		bool exclude_skip;
		/* ... and with a target: its key columns (xlat_stmt.conflict_keys), whose NULLS
		 * NOT DISTINCT key skips the rows it refuses; NULL: none */
		const char *conflict_keys;
		/* the marker of the RETURNING row SQLite just read of a row a BEFORE trigger
		 * changed, which the companion writes next (sess_trgret.c); 0: none */
		uint64_t ret_wait;
		/* a write of a partition (xlat_stmt.dml_named, wco_sql): the partition, and its
		 * check, run on a row the session writes for a BEFORE trigger */
		const char *named;
		const char *wco_sql;
	} trg;
	uint64_t ret_serial; /* the markers given so far */
	/* a statement a function ran met a stale snapshot (SQLITE_BUSY_SNAPSHOT) at its first
	 * write: the calling statement may run again (sess_rc_stale_call) */
	bool stale;
	/* a statement a function ran met another connection's write lock (SQLITE_BUSY) at its
	 * first write: the calling statement may park and run again (sess_wait_call_met_lock) */
	bool busy;
	/* a CALL outside a transaction block runs: its procedure may end the transaction
	 * (pl_run.again); ended once it (or a DO) did, so that a lock met after that fails the
	 * statement rather than parking it to run again from the start. call_script: a CALL
	 * runs as a script (savepoint shardlite_stmt), until its procedure starts; call_sql:
	 * a CALL that is a statement (with $n parameters) runs outside a block, the same */
	bool call_top, ended, call_script, call_sql;
	/* the RETURNING list's parameters as the last marker that waits passed them: numbers
	 * and values, for its read by rowid (sess_trgret.c) */
	int *ret_pnum;
	sqlite3_value **ret_pval;
	int ret_np;
	/* their RETURNING rows, read as each was written: the AFTER triggers, which run later,
	 * do not change them (sess_trgrow.c) */
	struct sess_trg_returned *returned;
	size_t capreturned;
	const char *trg_replacing;    /* the table of the row being written so: its BEFORE trigger
				    * does not fire again */
	struct sess_trg_queue *after; /* AFTER row triggers' rows, to fire (sess_trgafter.c) */
	struct sess_trg_tt *tt;       /* the running trigger function's transition tables */
	/* The transaction's deferred constraint triggers' rows (sess_trgafter.c), and SET
	 * CONSTRAINTS and savepoints as they concern them (sess_trgdefer.c). */
	struct sess_trg_queue *deferred;
	struct sess_trg_defer *defer;
};

/* A group commit's answers waiting for the commit's flush (sess_conn.c): allocated while the
 * session holds them, so a session between commits carries none. */
struct sess_hold {
	struct strbuf held;
	struct shard_ticket ticket;
};

/* The TCP peer's address in binary (session_set_peer); family 0 for a Unix socket. */
struct sess_peer {
	uint8_t addr[16];
	uint16_t port;
	uint8_t family; /* 0, 4 or 6 */
};

/* Every connection carries one (idle ones too: 10,000 of them should cost under 2 KiB each,
 * docs/performance.md), so what is rarely used sits in struct sess_rare or behind pointers
 * allocated while used, and the one-byte flags are kept together at the end. */
struct session {
	uint32_t id;
	uint32_t cancel_key;
	enum sess_state state;
	enum session_origin origin;
	const struct session_env *env;
	/* The configuration snapshot this session reads, pinned (config_live_pin) so a reload
	 * cannot free it under a statement; re-pinned at the start of each input. */
	const struct config *cfg;

	/* "" until startup names it, then in user's allocation; SHARD_HUB: no default tenant
	 * (sess_hub.c) */
	const char *tenant;
	char *user;
	char *database; /* shares user's allocation (so does tenant) */
	struct shard_conn *conn;
	struct catalog_session catalog; /* lent to conn's catalog while the session uses it */
	struct pgfn_session dt; /* TimeZone and transaction start, lent to conn's functions */
	struct sess_rare *rare; /* NULL until used (sess_rare) */

	enum sess_txn txn;

	struct sess_stmt *stmts; /* named statements; the unnamed one is `unnamed` */
	struct sess_stmt *unnamed;
	struct sess_portal *portals;

	struct sess_guc *gucs; /* built-in settings the session changed (a list) */
	struct sess_guc *custom;

	struct sess_copy *copy; /* the COPY FROM STDIN under way (state COPY_IN), else NULL */
	struct sess_auth *auth; /* the exchange in progress (SESS_AUTH), else NULL */
	/* Who logged in, for every later tenant check (schema-prefix routing will call
	 * auth_user_may_reach with it): a reference on the users snapshot the user lives in.
	 * NULL when there is no users file (everyone may reach every tenant). */
	struct auth_users *users;
	const struct auth_user *auth_user;

	/* A simple Query whose statement waits for a lock: it continues at stmts[next]. The
	 * statements live in msg_arena, which is not reset until the Query is done. */
	struct {
		const char *sql; /* the Query's text (a copy in msg_arena) */
		struct xlat_stmt *stmts;
		size_t n, next;
		bool active;
	} simple;

	/* Execution control (sess_wait.c). run_seq is odd while a message runs or waits for a
	 * lock; a cancel stores the run_seq it saw in cancel_seq, so it can only hit that one. */
	_Atomic uint64_t run_seq;
	_Atomic uint64_t cancel_seq;
	void (*wake_fn)(void *arg);
	void *wake_arg;
	/* Output backpressure: a statement that has SESS_YIELD_BYTES of output waiting stops
	 * after a whole row and goes on once the client has read it (yielded). */
	sqlite3_stmt *yield_vm;         /* simple Query: the stopped statement's VM */
	struct sess_copy_out *copy_out; /* the COPY TO that stopped for its output (sess_copy.c) */
	uint64_t yield_rows;            /* rows the stopped statement (or Execute) already sent */
	uint64_t step_rows;    /* rows the statement's counted steps changed (MERGE's actions) */
	int budget_ticks;      /* progress callbacks left to the inline statement; 0 = none,
				  * -1 = over it (every later callback stops the statement) */
	int stop_reason;       /* why the progress handler interrupted (SESS_STOP_*) */
	int64_t stmt_deadline; /* monotonic ms; 0 = none */
	int64_t lock_deadline; /* monotonic ms while parked; 0 = none */
	int64_t mig_deadline;  /* monotonic ms the migration's wait ends (FATAL 55P03); 0 = none */
	int64_t idle_since;    /* monotonic ms the session went idle inside a transaction */
	int64_t timeout_ms[3]; /* the three timeouts' current values, decoded (sess_guc.c) */

	/* Group commit: the answers of a burst that committed wait in hold for the commit's
	 * flush (sess_conn.c), which the session waits for on its ticket, not on its connection
	 * (given back meanwhile when nothing else keeps it); no input runs meanwhile. */
	struct sess_hold *hold;
	/* The column types lent to the translator (sess_types.c): fingerprint per
	 * schema_version. */
	struct xlat_schema schema;
	int schema_version;
	uint64_t schema_epoch;               /* ddl_epoch then */
	struct sess_types_snap *schema_snap; /* the relations' columns; shared, see sess_types.c */
	struct sess_udf_state *udf; /* NULL until a function or trigger runs (sess_udf_state) */
	/* RowDescription's table OIDs and attnums of the statement described last (sess_exec.c);
	 * NULL until the first Describe, so an idle connection does not carry it. */
	struct sess_origins *origins;

	struct sess_notify *notify; /* LISTEN/NOTIFY state (sess_notify.c); NULL until used */
	/* Temporary tables with ON COMMIT DELETE ROWS / DROP (sess_temp.c); a session with any
	 * runs no input on the loop: their commit-time statements are not budgeted. */
	struct sess_temp *temps;
	/* The session as its tenant sees it (sess_client.c): advisory locks, pg_stat_activity. */
	struct shard_client *client;
	char *activity_query; /* NULL or activity_buf, which holds activity_cap bytes */
	char *activity_buf;
	size_t activity_cap;
	int64_t activity_query_start, activity_xact_start;
	const char *activity_state; /* the state last published */
	struct arena *msg_arena;    /* per message; reset after each */
	struct strbuf out;
	struct sess_peer peer;
	struct sess_peer local; /* the server's end of the TCP connection (session_set_local) */

	/* COPY FROM STDIN waits for data between messages, outside any run: a cancel then sets
	 * copy_canceled (read by sess_copy_in.c at the next message). */
	_Atomic bool copy_active;
	_Atomic bool copy_canceled;
	atomic_bool shutdown;  /* session_interrupt */
	atomic_bool terminate; /* pg_terminate_backend: FATAL 57P01 at the next input */
	bool tenant_counted;   /* holds a place in env->tenant_counts */
	bool txn_read_only;
	/* TLS: requested → (net handshakes) → tls. Set during start-up only, on one thread:
	 * bits of one byte. */
	bool tls_requested : 1, tls_start_pending : 1, tls : 1;
	bool lock_busy; /* the last statement met another connection's write lock */
	bool yielded;   /* a statement stopped for its output to drain */
	bool parked;    /* waiting for that lock; the statement is retried on wake */
	/* The fast path (sess_inline.c): this input runs on the event-loop thread; a statement
	 * that may not finish there stops unsent (`punted`) and the input goes on on a worker. */
	bool inline_run;
	bool punted;
	bool punt_budget;   /* the punt was the VM-step budget (counted, logged) */
	bool inline_write;  /* the statement running inline is a chosen write */
	bool parked_inline; /* parked by a write chosen on the loop: it retries there */
	/* The borrowed connection's migration waits for the tenant's write lock: the session is
	 * parked and uses nothing of conn until sess_conn_borrow succeeds. */
	bool migrating;
	bool holding;         /* hold is set: answers wait for a flush */
	bool schema_ddl;      /* translated DDL not yet done (see sess_types_input_end) */
	bool discard_pending; /* DISCARD ALL ran: drop statements and portals after this message */
	bool txn_lone; /* an IMPLICIT block without SQLite's BEGIN (sess_txn_implicit_lone) */
	/* The transaction's isolation level (enum sess_iso; DEFAULT: default_transaction_
	 * isolation's, which a SET of that inside the transaction resolves first), and whether
	 * READ COMMITTED ended its snapshot to take a new one (sess_rc.c): its first query has
	 * run though SQLite may hold no snapshot now. */
	uint8_t txn_iso;
	bool txn_refreshed;
	/* A message after which PostgreSQL flushes its output ran since the output was last
	 * sent: a parked statement's earlier answers go out (session_output_held). */
	bool flush_due;
};

/* The session's struct sess_rare, allocated (zeroed) on first use. */
struct sess_rare *sess_rare(struct session *s);
/* sess_fastpath.c: a FunctionCall message; and, from the end of its Query, its response in
 * place of the Query's row and tag (before ReadyForQuery), from where the output began. */
void sess_fastpath_call(struct session *s, const struct pgw_msg *m);
bool sess_fastpath_finish(struct session *s, bool ok, size_t from, struct pgerr *err);

#define SESS_YIELD_BYTES (256 * 1024)

/* ---- session.c ---- */
/* Reports err to the client: ErrorResponse, and the transaction/skip state it implies. */
void sess_report_error(struct session *s, const struct pgerr *err);
char sess_status_char(const struct session *s);

/* Ends startup once the client is authenticated: checks the tenant against the user's list
 * (user NULL = no users file; users is referenced and kept in the session), opens it and writes AuthenticationOk, ParameterStatus,
 * BackendKeyData and ReadyForQuery. False with a FATAL in err. */
bool sess_startup_finish(struct session *s, struct auth_users *users, const struct auth_user *user,
			 struct pgerr *err);

/* ---- sess_client.c: the session in its tenant's registry ---- */
/* Registers the session (after its connection is acquired) and lends it to the connection. */
void sess_client_start(struct session *s);
/* catalog_session.inet: the peer's or (server) the server's TCP address, arg the session. */
bool sess_client_inet(void *arg, bool server, char *addr, size_t len, int *port);
void sess_client_end(struct session *s);
/* Around each message: a Query or Execute makes the session active with its statement; the
 * end publishes idle / idle in transaction and ends transaction-level advisory locks. */
void sess_client_msg_begin(struct session *s, const struct pgw_msg *m);
void sess_client_msg_end(struct session *s);
void sess_client_txn_end(struct session *s);
/* True (and the FATAL written) when pg_terminate_backend asked this session to end. */
bool sess_client_terminated(struct session *s);
/* ---- sess_types.c: the column types the translator sees ---- */
/* The tenant's schema for xlat_translate_in, NULL when it cannot be read (translation then
 * goes without). Valid until the next call; runs one short statement. */
const struct xlat_schema *sess_types(struct session *s);
/* Before a client's statement is translated (Query, Parse, a statement after DDL in a Query):
 * in a transaction block whose SQLite transaction has taken nothing yet, reads the schema when
 * it may have changed outside that transaction (sess_txn_step_out), so the statement sees the
 * schema as it is where the block's snapshot will start. Never while a statement runs. */
void sess_types_block_start(struct session *s);
/* After translating v: DDL among them makes every session read the schema again once it is
 * done (sess_types_input_end, at the end of the input that ran it outside a transaction). */
void sess_types_saw(struct session *s, const struct xlat_stmt *v, size_t n);
void sess_types_input_end(struct session *s);
/* Whether facts derived from the schema as it was at *epoch (set it when deriving them) still
 * hold: no session finished DDL since, and this one has none under way. */
bool sess_types_unchanged(const struct session *s, uint64_t *epoch);
/* Frees the session's copy of the column types. */
void sess_types_fini(struct session *s);
/* catalog_session.viewdef (arg the session): xlat_viewdef typed by the session's copy of the
 * column types as the running statement was translated with it (never read here: a statement
 * runs); without a copy, the definition deparsed as it is. */
bool sess_types_viewdef(void *arg, const char *view, const char *query, const char *schema,
			bool pretty, int wrap, struct arena *a, const char **out,
			struct pgerr *err);
/* The columns of table or view name (matched as SQLite matches names) in the session's copy,
 * or NULL; valid until the copy is next refreshed (sess_types). */
const struct catalog_relation *sess_types_relation(const struct session *s, const char *name);
/* xlat_env.file_table_fn (arg: the session): the columns of the tenant file's relation name
 * in the session's copy, not a temporary one of the name. */
bool sess_types_file_table(void *arg, const char *name, struct arena *a,
			   const struct xlat_schema_col **cols, size_t *ncols);
/* The tenant's statement triggers (sess_trigger_read_statement) in the session's copy. */
const struct sess_stmt_trg *sess_types_stmt_triggers(const struct session *s, size_t *n);
/* The tenant's enum whose type (or array type: *array, may be NULL) is oid; NULL if none. */
const struct catalog_enum *sess_types_enum(const struct session *s, uint32_t oid, bool *array);
/* After an array of an enum (oid) was written to out at start in binary (array_send of its
 * labels as text): names the enum as its element type, as PostgreSQL's array_send does. */
void sess_types_array_elem(const struct session *s, uint32_t oid, struct strbuf *out, size_t start);
/* The type a value of oid is encoded and decoded as: text (text[]) for an enum (array). */
uint32_t sess_types_wire(const struct session *s, uint32_t oid);
/* The enum type SQLite declared type decl names ("mood", "mood[]"); else oid. */
uint32_t sess_types_decl(const struct session *s, const char *decl, uint32_t oid);
/* The relation (composite type, table or view) whose row type oid is, in the session's copy;
 * NULL when oid is none. */
const struct catalog_relation *sess_types_rowtype(const struct session *s, uint32_t oid);
/* The same of the array type oid of such a row type (pt[]). */
const struct catalog_relation *sess_types_rowarray(const struct session *s, uint32_t oid);
/* True when sess_types would return the session's copy without reading anything. */
bool sess_types_current(const struct session *s);
/* The XLAT_EXT_* bits of the extensions the tenant created, as the schema copy read them (0
 * without one). */
unsigned sess_types_extensions(const struct session *s);
/* The tenant's own schemas (CREATE SCHEMA) as the schema copy read them, sorted; NULL with *n
 * 0 without one or when none. */
const char *const *sess_types_local_schemas(const struct session *s, size_t *n);
/* xlat_env.defkey_fn (arg: the session): whether table name has a DEFERRABLE UNIQUE key named
 * conname, on the columns cols[0..n), or any. */
bool sess_types_defkey(void *arg, const char *name, const char *conname, const char *const *cols,
		       size_t n, bool primary);
/* xlat_env.refkey_fn: whether cols[0..n) are table name's primary key, or the columns of one
 * of its UNIQUE constraints or plain unique indexes (true too when name is not known). */
bool sess_types_refkey(void *arg, const char *name, const char *const *cols, size_t n);
/* xlat_env.arbiter_fn: whether ON CONFLICT (cols opclass) infers one of table name's unique
 * keys (true too when name is not known). */
bool sess_types_arbiter(void *arg, const char *name, const char *const *cols,
			const char *const *opclass, size_t n);
/* xlat_env.rowtype_users_fn over the session's schema snapshot (schema->arg the session). */
long sess_types_rowtype_users(const struct xlat_schema *schema, uint32_t oid, struct arena *a,
			      const char ***tables, const char ***columns);

/* ---- sess_record.c: composite values in binary format ---- */
/* Appends record_send's form of v (record_out's text) of row type oid to out; false with err
 * (0A000 for an oid that is no row type of the tenant, a field's own errors). */
bool sess_record_send(struct session *s, uint32_t oid, const struct pgtype_value *v,
		      struct strbuf *out, struct pgerr *err);
/* Reads p[0..n), record_recv's input for row type oid, into *out as record_out's text (in a);
 * false with err (22P03, 42804 for a field of another type than the attribute's). */
bool sess_record_recv(struct session *s, uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		      struct pgtype_value *out, struct pgerr *err);

/* ---- sess_auth.c: the authentication exchange ---- */
/* Picks the method for this connection and starts it: trust finishes startup at once, the
 * others send their request and move to SESS_AUTH. False with a FATAL in err. */
bool sess_auth_begin(struct session *s, struct pgerr *err);
/* A message in SESS_AUTH: only the 'p' answer is allowed. */
void sess_auth_message(struct session *s, const struct pgw_msg *m);
void sess_auth_free(struct session *s);
/* Takes a place for the session's tenant under max_tenant_connections (53300 when full). */
bool sess_tenant_count_take(struct session *s, struct pgerr *err);
void sess_tenant_count_drop(struct session *s);

/* ---- sess_simple.c / sess_extended.c: one handler per message type ---- */
void sess_simple_query(struct session *s, const struct pgw_msg *m);
/* Runs the statements of a simple Query's text and ends with ReadyForQuery (unless a COPY
 * FROM STDIN among them takes over the input: then sess_copy.c finishes the Query). */
void sess_simple_run(struct session *s, const char *sql);
void sess_ext_parse(struct session *s, const struct pgw_msg *m);
void sess_ext_bind(struct session *s, const struct pgw_msg *m);
void sess_ext_describe(struct session *s, const struct pgw_msg *m);
/* sync_next: the Sync that ends the Execute's implicit block follows it in this input. */
void sess_ext_execute(struct session *s, const struct pgw_msg *m, bool sync_next);
void sess_ext_close(struct session *s, const struct pgw_msg *m);
void sess_ext_sync(struct session *s);
void sess_ext_free_all(struct session *s);
/* DEALLOCATE name (NULL: ALL): forgets named statements; portals built from one keep it until
 * they close. False with 26000 when name is not a prepared statement. */
bool sess_ext_deallocate(struct session *s, const char *name, struct pgerr *err) MUST_CHECK;
/* SQL-level PREPARE: a Parse of the named statement name (42P05 when the name is taken). */
bool sess_ext_prepare(struct session *s, const char *name, const char *sql, const uint32_t *types,
		      size_t ntypes, struct pgerr *err) MUST_CHECK;
/* The named statement name, NULL when there is none. */
struct sess_stmt *sess_ext_find(struct session *s, const char *name);
/* SQL-level EXECUTE (sess_prepare.c): the named statement run with x's constant arguments as
 * text parameters, its rows and tag answered as for the statement itself (simple protocol). */
bool sess_execute_prepared(struct session *s, const struct xlat_stmt *x, bool simple,
			   struct pgerr *err) MUST_CHECK;
/* catalog_session.portals (sess_prepare.c; arg: the session): pg_cursors' cursors and
 * pg_prepared_statements' named statements, allocated in a. */
void sess_portals_list(void *arg, struct arena *a, struct catalog_portals *out);
/* SQL MOVE of a protocol-level portal (one namespace with SQL cursors in PostgreSQL; asyncpg's
 * cursor.forward): steps it up to count rows forward, *moved receiving how many. *found false
 * when no portal of that name runs a query. False with err when SQLite fails. */
bool sess_ext_portal_move(struct session *s, const char *name, int64_t count, uint64_t *moved,
			  bool *found, struct pgerr *err) MUST_CHECK;
void sess_stmt_unref(struct sess_stmt *st);

/* ---- sess_exec.c: running statements on SQLite and encoding their rows ---- */
/* Prepares x->sql on the session's connection; NULL with err set. */
sqlite3_stmt *sess_prepare(struct session *s, const struct xlat_stmt *x, struct pgerr *err);

/* ---- sess_errpos.c ---- */
/* Gives a 42703 `column "x" does not exist` / 42P01 `relation "x" does not exist` / 42702
 * `column reference "x" is ambiguous` that has no position the position of the first reference to x in statement x of the client's text sql
 * (the whole Query or Parse string), as PostgreSQL does; nothing when x is not found there. */
void sess_error_locate(const char *sql, const struct xlat_stmt *x, struct pgerr *err);
/* sess_revalidate.c: records the schema fingerprint st was translated with (and a named
 * statement's result columns); before st is bound or described, translates it again when DDL
 * changed the schema since: false with err set when that fails or its result columns changed
 * (0A000 cached plan must not change result type), as PostgreSQL's cached plans. */
void sess_stmt_keep_shape(struct session *s, struct sess_stmt *st, uint64_t fingerprint);
bool sess_stmt_revalidate(struct session *s, struct sess_stmt *st, struct pgerr *err) MUST_CHECK;
/* DROP TABLE of a table that is not there: PostgreSQL says `table "x" does not exist`. */
void sess_error_drop(const struct xlat_stmt *x, struct pgerr *err);

/* ---- sess_notify.c: LISTEN / UNLISTEN / NOTIFY, pg_notify() ---- */
/* Lends pg_notify() the session (s->dt). At session_new. */
void sess_notify_init(struct session *s);
/* Unlistens everything and frees the state. At session_free. */
void sess_notify_fini(struct session *s);
/* Runs LISTEN, UNLISTEN or NOTIFY: in a transaction it waits for COMMIT, else takes effect
 * now. False with err: 0A000 without a default tenant, 22023 (channel, payload), 54000. */
bool sess_notify_run(struct session *s, const struct xlat_notify *x, struct pgerr *err);
/* Queues a notification for the transaction's commit (folding duplicates). */
bool sess_notify_send(struct session *s, const char *channel, const char *payload,
		      struct pgerr *err);
/* Before SQLite's COMMIT: 54000 when some listener's queue cannot take the notifications. */
bool sess_notify_precommit(struct session *s, struct pgerr *err);
/* After it: listen changes apply, then notifications go to the tenant's listeners. */
void sess_notify_commit(struct session *s);
/* The transaction (or an autocommit statement) failed or rolled back: pending dropped. */
void sess_notify_abort(struct session *s);
/* SAVEPOINT, RELEASE, ROLLBACK TO name (which drops what came after the savepoint). */
void sess_notify_savepoint(struct session *s, enum xlat_txn op, const char *name);
/* DISCARD ALL: UNLISTEN *. */
void sess_notify_unlisten_all(struct session *s);
/* Before ReadyForQuery: commits what an autocommit statement's pg_notify() queued, then
 * writes the session's notifications when it is outside a transaction. */
void sess_notify_ready(struct session *s);
/* Writes queued notifications when the session is idle, up to SESS_YIELD_BYTES of output;
 * true when more wait (run again once the output drained). */
bool sess_notify_deliver(struct session *s);

/* ---- sess_notice.c ---- */
/* Whether a notice of this severity ("notice", "warning") passes client_min_messages. */
bool sess_notice_wanted(struct session *s, const char *severity);
/* Before a DROP ... IF EXISTS or CREATE ... IF NOT EXISTS runs: bit i set when
 * x->skip_names[i] is missing (DROP) or present (CREATE) and notices are wanted. Reads the
 * borrowed connection's schema; does not block. */
uint64_t sess_skip_check(struct session *s, const struct xlat_stmt *x);
/* After it succeeded: PostgreSQL's NOTICE `table "x" does not exist, skipping` / `relation
 * "x" already exists, skipping` for each bit of hits. */
void sess_skip_notices(struct session *s, const struct xlat_stmt *x, uint64_t hits);
/* DROP ... CASCADE's dependents the catalog noted on the connection (views, foreign keys):
 * forget those of an earlier statement before one runs; send PostgreSQL's NOTICE "drop
 * cascades to ..." for those of one that succeeded (client_min_messages allowing). */
void sess_cascaded_forget(struct session *s);
void sess_cascaded_notice(struct session *s);
/* Fills fields[0..ncols) for vm's result columns with the given formats (NULL = text). */
void sess_describe_columns(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
			   const int16_t *formats, struct pgw_field *fields);
/* The result columns the client sees: vm's, or none for a SELECT without columns. */
int sess_ncols(const struct xlat_stmt *x, sqlite3_stmt *vm);
/* Writes RowDescription (or nothing when vm returns no columns and is not a SELECT without
 * columns, which has an empty one). */
void sess_write_row_description(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
				const int16_t *formats);
/* Steps vm up to max_rows (0 = all) writing DataRows, then CommandComplete when finished.
 * *suspended is set when rows remain. Sets s->yielded instead, after a whole row, when
 * SESS_YIELD_BYTES of output are waiting (the caller keeps vm and *rows and calls again later).
 * False with err set on failure. */
bool sess_run_vm(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
		 const int16_t *formats, uint32_t max_rows, uint64_t *rows, bool *suspended,
		 struct pgerr *err);
/* What SQLite's message leaves out of vm's failure with rc (err filled by shard_error): which
 * foreign key, the unique key's values, the failing row (shard_fk_explain,
 * shard_unique_explain when unique, shard_row_explain), found by running vm again. The NOTICEs
 * those runs raise (a function the statement calls) were sent by the run that failed already:
 * they are dropped from s->out. */
void sess_explain_failure(struct session *s, sqlite3 *db, sqlite3_stmt *vm, int rc, bool unique,
			  struct pgerr *err);
/* ---- sess_ctas.c ---- */
/* CREATE TABLE AS / SELECT INTO (x->ctas): vm is the query, bound; creates the table with the
 * query's column types and inserts its rows (*rows counts them), all or nothing, and writes
 * its command tag into tag (SESS_CTAS_TAG bytes). 42P07 when the relation exists (a NOTICE
 * with IF NOT EXISTS). */
#define SESS_CTAS_TAG 64
bool sess_ctas_run(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm, uint64_t *rows,
		   char *tag, struct pgerr *err);
/* Steps vm (a query, bound) to its end, inserting each row into schema."name" (as many
 * columns); *rows counts them. */
bool sess_ctas_fill(struct session *s, const char *schema, const char *name, sqlite3_stmt *vm,
		    uint64_t *rows, struct pgerr *err);
/* ---- sess_matview.c ---- */
/* Keeps CREATE MATERIALIZED VIEW's query and whether it has rows in the sidecar. */
bool sess_matview_record(struct session *s, const struct xlat_ctas *ct, struct pgerr *err);
/* XLAT_MATVIEW: REFRESH or DROP MATERIALIZED VIEW, writing the tag into tag. */
bool sess_matview_run(struct session *s, const struct xlat_stmt *x, struct pgerr *err);
/* SELECT ?1, ..., ?n on the session's connection: its one row reads back the n values bound
 * to it; NULL (err set) on failure or when n is 0. */
sqlite3_stmt *sess_values_vm(struct session *s, size_t n, struct pgerr *err);
/* Binds text (NULL: NULL) at 0-based parameter i of vm as a value of type, as a text-format
 * Bind parameter is bound. */
bool sess_bind_text(struct session *s, sqlite3_stmt *vm, int i, uint32_t type, const char *text,
		    struct pgerr *err) MUST_CHECK;
/* Binds Bind-message parameters to vm per the statement's parameter types. */
bool sess_bind_params(struct session *s, const struct sess_stmt *st, sqlite3_stmt *vm,
		      const struct pgw_bind *b, struct pgerr *err);
/* Runs one translated statement of any kind with no parameters, text results (simple query).
 * False with err set. */
bool sess_run_simple(struct session *s, const struct xlat_stmt *x, struct pgerr *err);
/* Runs a non-SQL statement (txn control, SET, SHOW, DISCARD, no-op), writing its result.
 * simple: a simple Query, which must also write SHOW's RowDescription (in the extended
 * protocol, Describe does). */
bool sess_run_utility(struct session *s, const struct xlat_stmt *x, bool simple, struct pgerr *err);
/* In a failed transaction only ROLLBACK, COMMIT and ROLLBACK TO may be parsed or run (25P02
 * otherwise), as PostgreSQL's IsTransactionExitStmt. */
bool sess_check_not_aborted(struct session *s, const struct xlat_stmt *x, struct pgerr *err);
/* Whether a statement may run in the current transaction state (25P02, 25006 otherwise). */
bool sess_check_allowed(struct session *s, const struct xlat_stmt *x, struct pgerr *err);

/* The value of result column i of vm as pgtype sees it; of a kept value (sess_value). */
void sess_column_value(sqlite3_stmt *vm, int i, struct pgtype_value *v);
void sess_value(sqlite3_value *sv, struct pgtype_value *v);
/* The type and encoding typmod of each of vm's result columns (arrays of its column count). */
void sess_column_types(const struct xlat_stmt *x, sqlite3_stmt *vm, uint32_t *types,
		       int32_t *typmods);
/* Writes one DataRow: vm's current row, or vals (n values) when not NULL. */
bool sess_write_row(struct session *s, const struct xlat_stmt *x, sqlite3_stmt *vm,
		    sqlite3_value **vals, const uint32_t *types, const int32_t *typmods,
		    const int16_t *formats, int n, struct pgerr *err);

/* ---- sess_plpgsql.c: DO blocks ---- */
/* Runs x's PL/pgSQL block (XLAT_DO) atomically, its notices written; false with err (and
 * s->lock_busy when it met another connection's lock: nothing is left done, it may run
 * again). Blocks on disk. */
bool sess_plpgsql_run(struct session *s, const struct xlat_stmt *x, struct pgerr *err);

/* ---- sess_udf.c: the tenant's functions (CREATE FUNCTION) ---- */
/* Reads the sidecar's functions into *out (in a; none when it does not exist) and a hash of
 * them into *hash; false when reading failed. */
bool sess_udf_read(sqlite3 *db, struct arena *a, const struct xlat_udf **out, size_t *n,
		   uint64_t *hash);
/* Lends the session's runner of calls (pgfn_session.call_fn) with its date/time facts. */
void sess_udf_init(struct session *s);
void sess_udf_fini(struct session *s);
/* The session's struct sess_udf_state, allocated (zeroed) on first use. */
struct sess_udf_state *sess_udf_state(struct session *s);

/* ---- sess_trgstmt.c: FOR EACH STATEMENT triggers ---- */
/* One of the tenant's statement triggers: table, name, BEFORE or AFTER, events (4 INSERT, 8
 * DELETE, 16 UPDATE, 32 TRUNCATE); or (instead) an INSTEAD OF trigger of view table. */
struct sess_stmt_trg {
	const char *table, *name;
	bool before, instead, row; /* row: a BEFORE row trigger, listed to be counted */
	bool after_row;            /* an AFTER row trigger (sess_trgafter.c) */
	bool temp;                 /* of a temporary table (its SQLite trigger in temp) */
	int events;
};
/* Reads the statement, row and INSTEAD OF triggers (by table, then name: PostgreSQL's order)
 * into *out, in a; none when the sidecar does not exist. */
bool sess_trigger_read_statement(sqlite3 *db, struct arena *a, const struct sess_stmt_trg **out,
				 size_t *n);
/* Fires the BEFORE (before) or AFTER statement triggers of x's table (xlat_stmt.dml_table;
 * nothing for another statement): false with err when one fails, or when the statement runs
 * inline on the loop and must move to a worker first (sess_inline_punt). Blocks on disk.
 * BEFORE also starts the count of rows INSTEAD OF triggers did not skip, and refuses RETURNING
 * from a view that has them (0A000). */
bool sess_trigger_statement(struct session *s, const struct xlat_stmt *x, bool before,
			    struct pgerr *err);
/* After x's first step (rc: its result): the AFTER statement triggers, once SQLite made every
 * change; when rc is SQLITE_DONE, *changes gets the statement's count first (the triggers'
 * statements overwrite sqlite3_changes) plus the rows its INSTEAD OF triggers did not skip
 * (SQLite counts none for a view), and its last insert rowid is kept. */
bool sess_trigger_after_step(struct session *s, const struct xlat_stmt *x, int rc, int64_t *changes,
			     struct pgerr *err);
/* After x's last step: the next row a BEFORE trigger changed that the session wrote in place of
 * the statement's (SQLite returned none for it), as x's RETURNING list read it when it was
 * written: a statement stepped to its row, which the caller finalizes; NULL when there are no
 * more (or with err set on failure). *i starts at base, the rows kept before x began
 * (udf->nreturned then: 0 for a client's statement); the last call forgets x's. sess_trgrow.c. */
sqlite3_stmt *sess_trigger_returned(struct session *s, const struct xlat_stmt *x, size_t base,
				    size_t *i, struct pgerr *err);
/* Frees the RETURNING rows sess_trgrow.c kept (udf->returned). */
void sess_trigger_returned_free(struct sess_udf_state *st);
/* A RETURNING row vm holds whose marker says a BEFORE trigger changed it once SQLite read it:
 * the row as written, kept when the companion wrote it (sess_trgret.c), as a statement
 * stepped to its row, which the caller finalizes; NULL for a row to send as it is, or with
 * err set when the kept row is gone. */
sqlite3_stmt *sess_trigger_substitute(struct session *s, const struct xlat_stmt *x,
				      sqlite3_stmt *vm, struct pgerr *err);
/* The same for a vm whose rows end with the marker when marked (a data-modifying WITH's). */
sqlite3_stmt *sess_trigger_substitute_marked(struct session *s, bool marked, sqlite3_stmt *vm,
					     struct pgerr *err);
/* A partition's check (xlat_stmt.wco_sql, kept in trg) of the row at rowid the session
 * wrote for a BEFORE trigger: false with 23514 when it left the partition the statement names,
 * as PostgreSQL checks the row the trigger returned. Blocks on disk. */
bool sess_trigger_check_written(struct session *s, int64_t rowid, struct pgerr *err);
/* The events (4 INSERT, 8 DELETE, 16 UPDATE) of table's BEFORE and AFTER row triggers. */
int sess_trigger_row_events(struct session *s, const char *table);
/* How many BEFORE row triggers table has for event bit (4 INSERT, 16 UPDATE). */
size_t sess_trigger_before_count(struct session *s, const char *table, int bit);
/* 0A000 when a step of x (a data-modifying WITH query, MERGE) writes a table that has FOR
 * EACH STATEMENT triggers, which the session does not fire there. */
bool sess_trigger_steps_ok(struct session *s, const struct xlat_stmt *x, struct pgerr *err);
/* The same for TRUNCATE's tables (xlat_stmt.part_tables). */
bool sess_trigger_truncate(struct session *s, const struct xlat_stmt *x, bool before,
			   struct pgerr *err);
/* COPY table FROM STDIN: its BEFORE INSERT statement triggers (before: before it reads a row),
 * or, once its last row is in, its rows' AFTER row triggers and its AFTER INSERT statement
 * triggers. False with err when one fails. Blocks on disk. */
bool sess_trigger_copy(struct session *s, const char *table, bool before, struct pgerr *err);
/* ---- sess_trgafter.c: AFTER row triggers, fired at the statement's end ---- */
/* A statement starts at the session's call depth: rows a failed one left there are dropped. */
void sess_trigger_queue_begin(struct session *s);
/* Fires the AFTER row triggers of the rows the statement running at the session's depth
 * queued, in row order (one row's triggers by name); *lo: where its rows start, for the AFTER
 * STATEMENT triggers' transition tables and sess_trigger_queue_end. Blocks on disk. */
bool sess_trigger_fire_queued(struct session *s, size_t *lo, struct pgerr *err);
/* Forgets the statement's rows (from lo). */
void sess_trigger_queue_end(struct session *s, size_t lo);
void sess_trigger_queue_free(struct session *s);
/* The deferred constraint triggers' rows (sess_trgafter.c): fires those for which now(s,
 * name, initdeferred) holds (NULL: all, at COMMIT), in the order they were deferred,
 * including rows the triggers' own statements defer meanwhile; the fired ones are forgotten.
 * False with err at the first failure. Blocks on disk. */
bool sess_trigger_fire_deferred(struct session *s,
				bool (*now)(struct session *, const char *, bool),
				struct pgerr *err);
/* Forgets the deferred rows numbered seq or later (ROLLBACK TO a savepoint made then). */
void sess_trigger_deferred_rollback(struct session *s, uint64_t seq);
/* Whether rows are deferred to the transaction's end. */
bool sess_trigger_deferred_any(struct session *s);
void sess_trigger_deferred_free(struct session *s);
/* ---- sess_trgdefer.c: deferred constraint triggers and SET CONSTRAINTS ---- */
/* Whether constraint trigger name (a DEFERRABLE one; initdeferred: INITIALLY DEFERRED) is
 * deferred now, as SET CONSTRAINTS left it in the transaction. */
bool sess_trigger_is_deferred(struct session *s, const char *name, bool initdeferred);
/* The next number of a deferred row (its order in the transaction, for savepoints). */
uint64_t sess_trigger_defer_seq(struct session *s);
/* The number the next deferred row will have: sess_trigger_deferred_rollback(s, it) after a
 * PL/pgSQL block's savepoint is rolled back forgets the rows deferred within. */
uint64_t sess_trigger_defer_mark(struct session *s);
/* SET CONSTRAINTS (x: XLAT_TXN_SET_CONSTRAINTS): PostgreSQL's checks of the names, the new
 * modes, and the rows of the constraints now IMMEDIATE fired. Blocks on disk. */
bool sess_trigger_set_constraints(struct session *s, const struct xlat_stmt *x, struct pgerr *err);
/* A statement's end (done: it ran to SQLITE_DONE; written: its table or NULL): the rows
 * written to DEFERRABLE UNIQUE keys that are immediate now are checked (23505), and once SET
 * CONSTRAINTS changed a foreign key's mode in the transaction, the keys immediate now are
 * checked (23503, PostgreSQL's wording) when the statement changed rows. Blocks on disk. */
bool sess_defer_statement_end(struct session *s, const char *written, bool done, struct pgerr *err);
/* shardlite_unique_pending(name, rowid): row rowid was written to DEFERRABLE UNIQUE key name
 * (xlat_defkey.c's triggers); kept for its check. Never blocks. */
void sess_unique_pending(struct session *s, const char *name, int64_t rowid);
/* SAVEPOINT / RELEASE / ROLLBACK TO name: ROLLBACK TO forgets the rows deferred since. */
void sess_trigger_defer_savepoint(struct session *s, enum xlat_txn op, const char *name);
/* The transaction ends: fires the deferred rows first when it commits (commit; false with
 * err when one fails, and the transaction must roll back), then forgets them and SET
 * CONSTRAINTS. Blocks on disk. */
bool sess_trigger_txn_end(struct session *s, bool commit, struct pgerr *err);
/* The transition tables the running trigger function's statements read (for xlat_env), or
 * NULL. */
const struct xlat_transition *sess_trigger_transitions(struct session *s, size_t *n);
/* shardlite_transition(name): the rows of the running trigger function's transition table
 * name as a JSON array of arrays ("[]" for another name). */
void sess_trigger_transition_call(struct session *s, sqlite3_context *ctx, sqlite3_value **argv);
/* A failed call reaches SQLite as SQLSTATE and message only: when err is that failure, its
 * DETAIL, HINT and CONTEXT are put back. */
void sess_udf_fix_error(struct session *s, struct pgerr *err);
/* Whether err is the error a called function raised (its DETAIL, CONTEXT... kept for it). */
bool sess_udf_error_pending(const struct session *s, const struct pgerr *err);

/* ---- sess_nspmsg.c: names of the tenant's own schemas' objects in errors ---- */
/* name as PostgreSQL shows it: t for the stored "s.t" of a local schema s (*schema, when not
 * NULL, set to s), else name itself. */
const char *sess_nsp_shown(const struct session *s, const char *name, const char **schema);
/* Rewrites err's stored names "s.t" as PostgreSQL reports them: t in the message, DETAIL and
 * HINT, schema_name s and table_name t (a relation named as written in a 42P01 stays). */
void sess_nsp_fix_error(struct session *s, struct pgerr *err);

/* ---- sess_cursor.c: DECLARE / FETCH / MOVE / CLOSE ---- */
/* Runs a cursor statement, writing its answer (FETCH: RowDescription in the simple protocol,
 * DataRows in format 0/1 for every column, or -1: binary for a BINARY cursor, else text;
 * CommandComplete). bound: a DECLARE's query prepared and bound at Bind (its $n values), which
 * the cursor takes (*bound set to NULL); NULL or *bound NULL: prepared here, and then a
 * DECLARE with parameters is 0A000. False with err (34000, 42P03, 25P01, 54000, 0A000). */
bool sess_cursor_run(struct session *s, const struct xlat_stmt *x, int format, bool simple,
		     sqlite3_stmt **bound, struct pgerr *err);
/* Describe of a FETCH: the cursor's RowDescription, NoData for other statements or when the
 * cursor does not exist (yet), as PostgreSQL. */
void sess_cursor_describe(struct session *s, const struct xlat_stmt *x, int format);
/* Describe Portal of a name that is an SQL cursor (PostgreSQL keeps DECLAREd cursors among
 * the portals; psycopg 3 describes its named cursors so): writes its RowDescription (text
 * format, binary for a BINARY cursor) and returns true; false when there is no such cursor. */
bool sess_cursor_describe_portal(struct session *s, const char *name);
/* A PL/pgSQL cursor still open when its function or DO block ends: rows as text (cells,
 * nrows x ncols, NULL for NULL), the position FETCH stands at (0 before the first row). */
struct sess_cursor_rows {
	const char *name;
	size_t ncols, nrows, pos;
	const char *const *names;
	const uint32_t *types;
	const char *const *cells;
	bool no_scroll;
	const char *scan_table; /* a simply updatable scan's table and rowids, NULL: none */
	const int64_t *rowids;
};
/* Keeps such a cursor to the end of the transaction, as PostgreSQL keeps a portal a function
 * opened, so the client may FETCH from it (psqlODBC's and JDBC's refcursor results); outside
 * a transaction block, or when the name is taken, it just closes. Copies everything; false
 * with err when its rows cannot be held. */
bool sess_cursor_adopt(struct session *s, const struct sess_cursor_rows *in, struct pgerr *err);
/* Whether an SQL-level cursor (or an adopted one) is named name. */
bool sess_cursor_exists(struct session *s, const char *name);
/* Whether a cursor reads SQLite's open transaction (declared without HOLD or SCROLL). */
bool sess_cursor_live(const struct session *s);
/* Transaction end, before SQLite's COMMIT/ROLLBACK: cursors without HOLD close; on rollback
 * so do held cursors declared in the transaction. */
void sess_cursor_txn_end(struct session *s, bool commit);

/* sess_temp.c: temporary tables. sess_temp_saw notes a statement that ran (an ON COMMIT
 * table; DDL may have dropped the last temporary table, unpinning the connection).
 * sess_temp_commit empties or drops the ON COMMIT tables inside the transaction about to
 * commit (false, err set: it cannot commit). sess_temp_autocommit does it after a message
 * that committed on its own (autocommit). sess_temp_discard drops every temporary table
 * (DISCARD TEMP / ALL); sess_temp_end at the session's end, rolling back first, so that the
 * connection goes back to the pool clean (when that fails, release closes it instead). */
void sess_temp_saw(struct session *s, const struct xlat_stmt *x);
bool sess_temp_commit(struct session *s, struct pgerr *err) MUST_CHECK;
void sess_temp_autocommit(struct session *s);
bool sess_temp_discard(struct session *s, struct pgerr *err) MUST_CHECK;
void sess_temp_end(struct session *s);
void sess_temp_free(struct session *s);
/* xlat_env.temp_rel_fn (arg: the session): whether name is a temporary table, view, index or
 * sequence of the session's connection. */
bool sess_temp_relation(void *arg, const char *name);
/* xlat_env.file_rel_fn (arg: the session): whether the tenant's file has a table, view or
 * sequence name (one a temporary relation of that name hides from SQLite). */
bool sess_temp_file_relation(void *arg, const char *name);
/* xlat_env.view_fn (arg: the session; sess_viewsql.c): view name's CREATE VIEW text as SQLite
 * keeps it, in a, and the events its INSTEAD OF triggers take (4, 8, 16) in *instead; NULL
 * when name is no view of the session's connection. */
const char *sess_view_sql(void *arg, const char *name, struct arena *a, int *instead);
/* xlat_env.table_sql_fn: the CREATE TABLE text of the file's table name, in a; NULL when none. */
const char *sess_table_sql(void *arg, const char *name, struct arena *a);
/* xlat_env.partition_fn: 'p' a partitioned table, 'c' a partition, of the types snapshot. */
char sess_types_partition(void *arg, const char *name);
/* ---- sess_enumdeps.c: xlat_env.enum_indexes_fn ---- */
const char *const *sess_enum_indexes(void *arg, const char *type, struct arena *a, size_t *n);
/* The catalog's questions about views (sess_viewsql.c): pg_get_viewdef (sess_types_viewdef)
 * and their updatability (xlat_updview_describe over the views' stored text). */
extern const struct catalog_views sess_catalog_views;
/* A table rebuild (ALTER TABLE ... ADD CONSTRAINT, SET NOT NULL, TYPE ...) of a temporary
 * table happens in the temp schema; the actions that need the tenant file's sidecars or
 * look its indexes up by name (a serial or identity column added, USING INDEX, RENAME
 * CONSTRAINT) are 0A000 there (false, err set). */
bool sess_temp_rebuild_check(struct session *s, const struct xlat_rebuild *r, struct pgerr *err);
/* After a SAVEPOINT, RELEASE or ROLLBACK TO name succeeded: ROLLBACK TO closes the cursors
 * declared since that savepoint was set, as PostgreSQL drops its portals. */
void sess_cursor_savepoint(struct session *s, enum xlat_txn op, const char *name);
/* pg_cursors' rows (sess_portals_list; arg: the session). */
size_t sess_cursor_list(void *arg, struct arena *a, struct catalog_cursor **out);
/* shardlite_current_of(cursor, table) (UPDATE/DELETE ... WHERE CURRENT OF): the rowid of the
 * row of table the session's cursor is on into ctx, else PostgreSQL's 34000 no such cursor,
 * 24000 a cursor held from a previous transaction, one that is no simply updatable scan of
 * table, or one not on a row (0A000 inside a function, whose PL/pgSQL cursors are not the
 * session's). */
void sess_cursor_current_of(struct session *s, sqlite3_context *ctx, sqlite3_value **argv);
/* Closes every cursor (DISCARD ALL, session end). */
void sess_cursor_free_all(struct session *s);

/* ---- sess_freeze.c: the tables a transaction created or truncated, for COPY FREEZE ----
 * sess_freeze_saw notes those of a statement that ran inside a transaction (block or
 * implicit); sess_freeze_fresh says whether rel is one of the current subtransaction's;
 * sess_freeze_subxact is that subtransaction's number (0: the transaction itself);
 * sess_freeze_sub_end ends the subtransactions numbered from and above, handing their
 * tables to parent (commit: RELEASE) or forgetting them (ROLLBACK TO); sess_freeze_forget
 * forgets them all (the transaction's end). */
void sess_freeze_saw(struct session *s, const struct xlat_stmt *x);
bool sess_freeze_fresh(const struct session *s, const char *rel);
unsigned sess_freeze_subxact(const struct session *s);
void sess_freeze_sub_end(struct session *s, unsigned from, bool commit, unsigned parent);
void sess_freeze_forget(struct session *s);

/* ---- sess_modcte.c: data-modifying statements in WITH (xlat_stmt.steps) ---- */
/* Prepares x's nsteps steps into steps[]; false with err (nothing left prepared). */
bool sess_modcte_prepare(struct session *s, const struct xlat_stmt *x, sqlite3_stmt **steps,
			 struct pgerr *err);
void sess_modcte_finalize(sqlite3_stmt **steps, size_t n);
/* Runs the steps (steps: prepared and bound ones, or NULL to prepare x's, which take no
 * parameters) in order, binding each one's RETURNING rows to vm. The caller's transaction
 * undoes them on failure; s->lock_busy as run_vm sets it. Blocks on disk. */
bool sess_modcte_run(struct session *s, const struct xlat_stmt *x, sqlite3_stmt **steps,
		     sqlite3_stmt *vm, struct pgerr *err);
/* One SQLite value as JSON that xlat_modcte_json_column reads back as the same value: a blob
 * as {"x": "<hex>"}. */
void sess_modcte_json_value(struct strbuf *sb, sqlite3_value *v);

/* ---- sess_script.c: statements run as several SQLite steps ---- */
/* The schema ("temp" or "main") an unqualified table is found in, as SQLite finds it: a
 * temporary table hides a permanent one of its name (as pg_temp comes first in PostgreSQL's
 * search_path), and its row triggers are SQLite's temp triggers. sess_trigger.c. */
const char *sess_table_schema(struct session *s, const char *table);
/* An XLAT_SCRIPT, atomically (a savepoint), foreign keys checked once at its end. */
bool sess_run_script(struct session *s, const struct xlat_stmt *x, struct pgerr *err);
/* An XLAT_REBUILD: the table rebuilt with the added constraint (shard_table_rebuild). */

/* ---- sess_copy.c / sess_copy_in.c: the COPY sub-protocol ---- */
/* A COPY's columns with their PostgreSQL types, and every column of its table. */
struct sess_copy_cols {
	const char **names;
	uint32_t *types;
	int32_t *typmods;
	size_t n;
	const char **all; /* every column of the table, for FORCE_* names */
	size_t nall;
	/* The table's serial key (SQLite's rowid alias; NULL: none): a NULL into it is 23502;
	 * when the COPY leaves it out, SQLite numbers it and numbered_seq's currval follows. */
	const char *serial_col;
	const char *numbered_seq;
	int64_t numbered_max; /* the key's type's maximum, 0 for bigint (xlat_stmt's) */
	/* A plain integer key stored as the rowid (catalog_column.rowid_key) that the COPY's
	 * column list leaves out: SQLite would number it, PostgreSQL refuses each row (23502). */
	const char *key_left_out;
};
/* The columns of the table form of a COPY (42P01, 42809, 42703, 42701, 42P10), from arena a. */
bool sess_copy_columns(struct session *s, struct arena *a, const struct xlat_copy *cp,
		       struct sess_copy_cols *out, struct pgerr *err);
/* Whether COPY FROM may insert into rel: not a view without an INSTEAD OF INSERT trigger, not a
 * materialized view (42809 into err otherwise; PostgreSQL checks it after the copy response).
 * *table: rel is a table (not a view, nor a partition: a view with INSTEAD OF triggers). */
bool sess_copy_target_ok(struct session *s, const char *rel, bool *table, struct pgerr *err);
struct copy_opts;
/* The COPY's options checked as PostgreSQL checks them; strings copied into a. */
bool sess_copy_options(const struct xlat_copy *cp, struct arena *a, struct copy_opts *o,
		       struct pgerr *err);
/* COPY FROM STDIN: CopyInResponse and the COPY_IN state (sess_copy_in.c). */
bool sess_copy_in_start(struct session *s, const struct xlat_stmt *x, bool simple,
			struct pgerr *err);
/* COPY ... TO STDOUT runs to the end (CopyOutResponse, CopyData..., CopyDone,
 * CommandComplete); COPY ... FROM STDIN writes CopyInResponse and enters COPY_IN. simple: a
 * simple Query started it (ReadyForQuery follows its end). False with err set (nothing
 * written, state unchanged). */
bool sess_copy_start(struct session *s, const struct xlat_stmt *x, bool simple, struct pgerr *err);
/* The SQL that followed the COPY in its simple Query, run when the COPY ends (copied). */
void sess_copy_set_rest(struct session *s, const char *rest);
/* A message in the COPY_IN state. */
void sess_copy_input(struct session *s, const struct pgw_msg *m);
/* A simple Query's COPY TO that stopped for its output to drain goes on. */
bool sess_copy_out_resume(struct session *s, struct pgerr *err);
/* Drops a stopped COPY TO (session end). */
void sess_copy_out_free(struct session *s);
/* Drops a COPY under way (the transaction's end rolls back what it inserted). */
void sess_copy_free(struct session *s);

/* ---- sess_txn.c: the transaction state machine ---- */
/* Opens the implicit block when idle (extended protocol, multi-statement query); in a lone
 * block (below), begins SQLite's transaction for the statements that join it. */
bool sess_txn_implicit_begin(struct session *s, struct pgerr *err);
/* Opens, when idle, the implicit block of a read that is alone in it (its Sync follows it):
 * the session's transaction as for any implicit block, but no SQLite BEGIN or COMMIT; the
 * statement runs in SQLite's autocommit mode, its own read transaction. */
void sess_txn_implicit_lone(struct session *s);
/* Ends an implicit block: commits (or rolls back when failed). False with err when the
 * commit failed. */
bool sess_txn_implicit_end(struct session *s, struct pgerr *err);
/* After an error: rolls back an implicit block, or marks an explicit block failed. */
void sess_txn_on_error(struct session *s);
/* Rolls back whatever is open and leaves the session idle (the session is ending). */
void sess_txn_abort(struct session *s);
/* Whether a write now is refused (25006): the block's READ ONLY, or default_transaction_
 * read_only outside a block. What SHOW transaction_read_only says. */
bool sess_txn_read_only(struct session *s);
/* Whether the transaction's first query has run (SQLite read or wrote the tenant: its snapshot
 * is taken, PostgreSQL's FirstSnapshotSet), and how many savepoints are open in it: what SET
 * TRANSACTION's characteristics may still change (sess_guc.c, 25001). */
bool sess_txn_snapshot(struct session *s);
size_t sess_txn_savepoints(const struct session *s);
/* SQLite's BEGIN is deferred: until the block's first statement reads, its transaction holds no
 * snapshot and no lock, and ending it changes nothing anyone can see. sess_txn_step_out ends
 * such a transaction (false, nothing done, when SQLite's transaction has taken something or
 * none is open), so the caller can read in autocommit (its own short read transaction);
 * sess_txn_step_in then begins it again, with its open savepoints. False with err when that
 * failed: the block is then failed, as after an error (sess_txn_on_error). */
bool sess_txn_step_out(struct session *s);
bool sess_txn_step_in(struct session *s, struct pgerr *err);
/* COMMIT or ROLLBACK [AND CHAIN] of a PL/pgSQL procedure CALLed (or a DO run) outside a
 * transaction block, as PostgreSQL's SPI_commit: the transaction SQLite opened for the
 * statement ends as a block's would (deferred triggers, ON COMMIT, notifications, SET LOCAL,
 * advisory locks), and a new one begins at once by again, the savepoints the statement runs in
 * (SQL, outermost first), so the statement goes on and ends as it began. False with err when
 * the commit failed (the transaction is then rolled back and begun again too). */
bool sess_txn_end_inside(struct session *s, bool commit, bool chain, const char *again,
			 struct pgerr *err);
/* Whether a statement runs outside any transaction block, PostgreSQL's implicit block of a
 * multi-statement Query included: a CALL or DO there may end its transaction. */
bool sess_txn_nonatomic(const struct session *s);
/* BEGIN, COMMIT, ROLLBACK [AND CHAIN], SAVEPOINT, RELEASE, ROLLBACK TO. Writes notices it
 * implies and sets *tag to the CommandComplete tag. */
bool sess_txn_control(struct session *s, const struct xlat_stmt *x, const char **tag,
		      struct pgerr *err);

/* ---- sess_rc.c: READ COMMITTED, a new snapshot per statement ---- */
/* The level named by text (transaction_isolation's values), DEFAULT when none; and the name of
 * a level (DEFAULT: default_transaction_isolation's value). */
enum sess_iso sess_rc_iso_parse(const char *text);
const char *sess_rc_iso_name(struct session *s, enum sess_iso iso);
/* The current transaction's level, resolved (never DEFAULT). */
enum sess_iso sess_rc_iso(struct session *s);
/* Before a top-level statement (and before a client's statement is translated): in a READ
 * COMMITTED transaction that has not written, whose snapshot a commit since may have made
 * stale, ends SQLite's read transaction and begins it again with its open savepoints, so the
 * statement reads the newest commits. Not while a cursor or a suspended portal still reads the
 * old snapshot. Cheap when nothing was committed (an atomic load). Never while a statement
 * runs. False (err set) when SQLite's transaction could not begin again: the block is then
 * failed, or the implicit one rolled back, and the statement must not run. */
bool sess_rc_statement(struct session *s, struct pgerr *err) MUST_CHECK;
/* sess_rc_statement before x when x reads or writes the tenant (not BEGIN, SET, SHOW ...,
 * whose 25001 checks need the transaction's snapshot as its last query left it). */
bool sess_rc_before(struct session *s, const struct xlat_stmt *x, struct pgerr *err) MUST_CHECK;
/* A statement that did nothing met rc: true (the caller sets lock_busy, parks and runs it
 * again, at once) when rc is SQLITE_BUSY_SNAPSHOT in a READ COMMITTED transaction that has
 * not written and whose snapshot sess_rc_statement will renew; vm, the failed statement, is
 * not counted as one still reading. */
bool sess_rc_retry(struct session *s, int rc, sqlite3_stmt *vm);
/* After statement vm failed: whether a function it called failed on a stale snapshot before
 * anything was written (sess_udf_state.stale, cleared here), so that in READ COMMITTED it runs
 * again at once with a new snapshot, as sess_rc_retry for the statement's own write; also
 * a lone statement outside any SQLite transaction. */
bool sess_rc_stale_call(struct session *s, sqlite3_stmt *vm);

/* ---- sess_conn.c: the tenant connection, borrowed per transaction ---- */
/* Borrows a connection of the session's tenant when it holds none (cached by the pool, or
 * opened: may block on disk) and lends it the session's progress handler, waker and catalog.
 * False with a FATAL in err when the tenant cannot be opened. True with s->parked (and
 * s->migrating) when the tenant's migration waits for its write lock: the caller returns
 * SESSION_WANT_WAKE and calls this again when woken. */
bool sess_conn_borrow(struct session *s, struct pgerr *err) MUST_CHECK;
/* Gives the connection back (no-op when none): prepared statements leave their VMs in the
 * connection's statement cache. Only when sess_conn_idle, or when the session ends. */
void sess_conn_give_back(struct session *s);
/* True when the session holds a connection it does not need until its next message: no
 * transaction, nothing half-done, no portals, no temporary objects on it. */
bool sess_conn_idle(const struct session *s);
/* Group commit. After a burst of input that committed: takes the commit onto the session's
 * ticket and gives the connection back when sess_conn_idle (the flush needs none); when the
 * commit is not durable yet, moves the output aside and returns true (the caller waits to be
 * woken). A worker may run the flush itself first (blocks on disk). */
bool sess_conn_hold_output(struct session *s);
/* Before input: true while held answers still wait; once their flush ended they go out. A
 * failed fsync ends the session (FATAL 58030) either way. */
bool sess_conn_still_held(struct session *s);
/* Drops the held answers and abandons their commit's ticket (the session ends). */
void sess_conn_hold_free(struct session *s);
/* Makes sure a statement that runs SQL has its VM on the borrowed connection: taken back from
 * the connection's statement cache or prepared again. False with err set. */
bool sess_stmt_vm(struct session *s, struct sess_stmt *st, struct pgerr *err) MUST_CHECK;
/* The fast path's borrow: a connection the pool has cached (no file opened, no migration),
 * lent as sess_conn_borrow lends it; false (nothing changed) when there is none. */
bool sess_conn_borrow_cached(struct session *s);
/* A session woken from a lock wait, before it runs its statement again: when it has done
 * nothing in its transaction and another connection of the tenant committed meanwhile, moves
 * to the connection that made the tenant's last commit if that one is idle (its page cache
 * is current; the session's own SQLite would drop and read its cache again), taking along
 * its portals' bound statements. Otherwise nothing changes. Never blocks. */
void sess_conn_refresh(struct session *s);

/* ---- sess_wait.c: cancel, timeouts, waiting for another connection's lock ---- */
enum { SESS_STOP_NONE, SESS_STOP_CANCEL, SESS_STOP_TIMEOUT, SESS_STOP_SHUTDOWN, SESS_STOP_BUDGET };
/* The session got its connection: installs the progress handler and the lock waker. */
void sess_wait_attach(struct session *s);
/* Around each session_input call: leave the waiter list / settle the connection. */
void sess_wait_input_begin(struct session *s);
void sess_wait_input_end(struct session *s, bool dispatched);
/* Around each message (a parked one stays begun until it finally ends). */
void sess_wait_msg_begin(struct session *s);
void sess_wait_msg_end(struct session *s);
/* After a statement met a lock (s->lock_busy): parks the session and returns true, or, when
 * canceled or out of time, returns false with err set (57014, 55P03). */
bool sess_wait_park(struct session *s, struct pgerr *err);
/* After a statement failed: whether a function it called met another connection's write lock
 * (sess_udf_state.busy, cleared here) while the transaction holds none, so nothing it wrote
 * is lost: the caller sets lock_busy, parks and runs the statement again, as for the
 * statement's own first write (graphile-worker's SELECT add_job(...) beside its workers). */
bool sess_wait_call_met_lock(struct session *s);
/* The borrowed connection's migration met the tenant's write lock (s->migrating): parks the
 * session, bounded by SHARD_MIGRATE_LOCK_WAIT_MS from the first attempt, and returns true;
 * false with a FATAL 55P03 in err once that has passed. */
bool sess_wait_park_migration(struct session *s, struct pgerr *err) MUST_CHECK;
/* The VM-step budget of an inline statement (sess_inline.c): steps > 0 starts it, 0 ends it;
 * past it the progress handler stops the statement with SESS_STOP_BUDGET. */
void sess_wait_budget(struct session *s, int steps);
/* Between the steps of work that runs no SQLite statement (a DO block's loops): false with
 * 57014 (or FATAL 57P01 at shutdown) when the statement was canceled or ran out of time. */
bool sess_wait_check(struct session *s, struct pgerr *err) MUST_CHECK;
/* pg_sleep on a worker (the call_fn of PGFN_CALL_SLEEP, which punts on the loop): sleeps
 * seconds, then answers void on ctx; false with err (57014) when a cancel or the statement
 * deadline ends it early (see sess_wait.c). */
bool sess_wait_sleep(struct session *s, sqlite3_context *ctx, double seconds, struct pgerr *err);
/* Another connection's write lock met (err: SQLite's 55P03) where the statement cannot park and
 * run again from scratch (a procedure or DO block that ended a transaction inside: its
 * committed part cannot be run again): the worker thread sleeps one slice and true, the caller
 * tries the statement again; false with err at a cancel, statement_timeout or lock_timeout
 * (*deadline: 0 before the first wait), and with err as it was when half the worker threads
 * already wait so. *held
 * says whether this caller holds one of those waits; sess_wait_block_end lets it go. */
bool sess_wait_block(struct session *s, int64_t *deadline, bool *held, struct pgerr *err) MUST_CHECK;
void sess_wait_block_end(bool *held);
/* True when the idle-in-transaction timeout has passed (the caller ends the session). */
bool sess_wait_idle_expired(struct session *s);
/* Rewords a 57014 to name what interrupted it: the statement timeout, or shutdown (FATAL
 * 57P01). */
void sess_wait_fix_error(struct session *s, struct pgerr *err);
/* Milliseconds of a duration setting ("5s", "100ms", "0"); 0 when unset. */
int64_t sess_guc_ms(struct session *s, const char *name);
/* idle_in_transaction_session_timeout in ms, as decoded (looked at after every input). */
int64_t sess_guc_idle_in_transaction_ms(const struct session *s);

/* ---- sess_schema.c: schema prefixes name tenants ---- */
/* The translator's environment: the session's tenant, and for unqualified names the first
 * search_path element that is public, the session's tenant, or an existing tenant the user
 * may reach (others are skipped, as PostgreSQL skips missing and unusable schemas; when none
 * is left, the session's tenant). search: storage for the name env may point to. Checks
 * whether files exist (a stat). */
void sess_schema_env(struct session *s, struct xlat_env *env, char search[SHARD_TENANT_MAX + 1]);
/* The tenant's row-level security as the schema snapshot read it (catalog_rls_read). */
const struct xlat_rls *sess_types_rls(const struct session *s, size_t *n);
/* The tenant whose file the session borrows a connection of: its own; without a default
 * tenant, the one search_path chooses (as for unqualified names), else the hub (SHARD_HUB).
 * out: storage the result may point to. Checks whether files exist (a stat). */
const char *sess_schema_home(struct session *s, char out[SHARD_TENANT_MAX + 1]);
/* Before x runs: each tenant it names must be one the user may reach (42501) and exist
 * (3F000); their files are attached to the session's connection (54000 past
 * SHARD_ATTACH_MAX). May block on disk. */
bool sess_schema_attach(struct session *s, const struct xlat_stmt *x, struct pgerr *err);
/* Between transactions: drops the attachments (kept while a statement is still running). */
void sess_schema_release(struct session *s);

/* ---- sess_explain.c: EXPLAIN [ANALYZE] ---- */
/* RowDescription of EXPLAIN x's one column, "QUERY PLAN" (text; json or xml for those
 * formats). */
void sess_explain_describe(struct session *s, const struct xlat_stmt *x);
/* Runs XLAT_EXPLAIN x: the plan's rows (after its RowDescription when simple) and its
 * CommandComplete; false with err (nothing written). EXPLAIN ANALYZE runs vm, x's statement
 * with the portal's parameters bound (NULL: x takes none, prepared here). */
bool sess_explain_run(struct session *s, const struct xlat_stmt *x, bool simple, sqlite3_stmt *vm,
		      struct pgerr *err);
/* One line of SQLite's plan (EXPLAIN QUERY PLAN), parents before children. */
struct sess_plan_line {
	int id, parent, depth;
	const char *detail;
};
/* What EXPLAIN ANALYZE measured. */
struct sess_plan_run {
	uint64_t rows;
	double plan_ms, exec_ms;
};
/* sess_explainfmt.c: the plan of v[0..n) as EXPLAIN (FORMAT JSON | YAML | XML) writes it
 * (format 'j', 'y', 'x'), with run's figures (NULL: no ANALYZE); in a, NULL when out of
 * memory. */
const char *sess_explain_doc(struct arena *a, const struct sess_plan_line *v, size_t n, char format,
			     const struct sess_plan_run *run);

/* ---- sess_hub.c: sessions without a default tenant (s->tenant is SHARD_HUB) ---- */
/* Most tenants pg_namespace lists as schemas; beyond, the listing fails (54000). */
#define SESS_HUB_SCHEMAS_MAX 10000
/* Whether the session's database name is one of no_tenant_databases. */
bool sess_hub_database(const struct session *s);
/* Whether name is one of no_tenant_databases (exactly, as database names compare). */
bool sess_hub_named(const struct session *s, const char *name);
/* sess_database.c: runs CREATE/DROP DATABASE, ALTER DATABASE ... RENAME TO / OWNER TO (an
 * XLAT_DATABASE statement); false with err. Blocks on disk, and a drop up to shard's waits. */
bool sess_database_run(struct session *s, const struct xlat_stmt *x, struct pgerr *err);
/* catalog_session.roles: the users file's users (none without a file). */
size_t sess_database_roles(void *arg, struct arena *a, const char ***out);
/* catalog_session.database_size: the tenant file's bytes, 0 for no_tenant_databases. */
int64_t sess_database_size(void *arg, const char *name);
/* Before x runs (sess_check_allowed): in a session without a default tenant on the hub, a
 * CREATE that names no tenant is 3F000 `no schema has been selected to create in`. */
bool sess_hub_check(struct session *s, const struct xlat_stmt *x, struct pgerr *err);
/* After borrowing a connection: in a session without a default tenant whose connection is
 * now another tenant's file than before, what was read from the last one is forgotten (the
 * column types, the result origins) and the catalog shows the new one's schema name. */
void sess_hub_borrowed(struct session *s);
/* catalog_session.schemas: the existing tenants the user may reach, sorted by name, without
 * opening a file (a listing serves for a second); -1 with err (54000) past
 * SESS_HUB_SCHEMAS_MAX. arg is the session; the names stay valid until the next call. */
long sess_hub_schemas(void *arg, struct arena *a, const char ***out, struct pgerr *err);
/* catalog_session.databases: no_tenant_databases and the tenants of sess_hub_schemas; past
 * SESS_HUB_SCHEMAS_MAX tenants, no_tenant_databases alone (docs/operations.md). */
long sess_hub_databases(void *arg, struct arena *a, const char ***out, struct pgerr *err);
void sess_hub_free(struct session *s);
/* The tenants changed (CREATE/DROP DATABASE): the session's listing is read again. */
void sess_hub_forget(struct session *s);
/* Before a simple Query's statements run: in a session without a default tenant, outside a
 * transaction block, one statement that reads only the catalog and asks for one schema by
 * name (xlat_stmt.described_schema) that is a tenant the user may reach, other than its
 * connection's: the connection is given back and that tenant's borrowed instead, so the
 * catalog describes its tables (psql's \dt beta.*). 1 when the connection changed (the caller
 * translates again), 0 when not, -1 with err when no connection could be borrowed again. May
 * block on disk. */
int sess_hub_describe(struct session *s, const struct xlat_stmt *stmts, size_t n,
		      struct pgerr *err);
/* As sess_hub_describe, at Bind, for a catalog statement that asks for one schema through a
 * parameter (xlat_stmt.described_param): its name (`nspname = $1`) or its OID
 * (`relnamespace = $1`, DBeaver's browsing) as bound in b. */
int sess_hub_describe_bound(struct session *s, const struct xlat_stmt *x, const struct pgw_bind *b,
			    struct pgerr *err);

/* ---- sess_inline.c: the fast path on the event-loop thread ---- */
/* Inline: whether x may run here (read-only SQL on the tenant's own file, transaction
 * control, SHOW, and with inline_writes a write of prepared statement st (NULL in the simple
 * protocol) whose earlier runs all stayed under inline_budget, in a transaction block that
 * holds the tenant's write lock); when not, marks the punt and sets err (never reported) and
 * returns false. True outside the fast path. */
bool sess_inline_allows(struct session *s, const struct xlat_stmt *x, const struct sess_stmt *st,
			struct pgerr *err);
/* Inline, before vm's first step (rows: what it already returned): a statement that writes
 * and was not chosen by sess_inline_allows, or one resuming half-way, punts (false, err set);
 * else its VM-step budget starts (none for a chosen write: it cannot be interrupted). */
bool sess_inline_vm_begin(struct session *s, sqlite3_stmt *vm, uint64_t rows, struct pgerr *err);
/* After vm's steps: rc is the last step's result (SQLITE_DONE too). True (vm reset, err set)
 * when the budget ran out during the statement, whatever rc says (an inner statement of a
 * catalog table may have been the one interrupted), or it refused an effect it could not
 * repeat: the caller drops its output and returns false; the input goes on on a worker. Ends
 * the budget either way. */
bool sess_inline_vm_end(struct session *s, sqlite3_stmt *vm, int rc, struct pgerr *err);
/* After a writing statement of st ran on vm (anywhere): records its VM steps in st's
 * history and resets vm's counter. */
void sess_inline_write_ran(struct session *s, struct sess_stmt *st, sqlite3_stmt *vm);
/* Marks the punt; err is set so the failing path unwinds, and never reported. */
bool sess_inline_punt(struct session *s, struct pgerr *err);

/* ---- sess_simple.c ---- */
/* Runs the rest of a simple Query that waited for a lock. */
void sess_simple_continue(struct session *s);
/* Ends a simple Query's implicit transaction, committing. The CommandComplete its last
 * statement wrote at or after tag_from in s->out (SIZE_MAX: none) moves after what the
 * commit writes, or is dropped when the commit fails (false, err set), as in PostgreSQL. */
bool sess_simple_commit(struct session *s, size_t tag_from, struct pgerr *err);

/* ---- sess_guc.c: session settings ---- */
struct sess_guc_def;
void sess_guc_init(struct session *s);
void sess_guc_fini(struct session *s);
/* SET name = value (value NULL = default) at startup or by SQL; writes ParameterStatus for
 * reported settings. False with err (42704 unknown, 22023 bad value, 55P02 read-only). */
bool sess_guc_set(struct session *s, const char *name, const char *value, bool local,
		  struct pgerr *err);
/* set_config(name, value, is_local): as sess_guc_set, but is_local outside a transaction
 * block holds for the statement (its implicit transaction) until sess_guc_statement_end, which
 * the end of each Query and Sync calls. */
bool sess_guc_set_config(struct session *s, const char *name, const char *value, bool local,
			 struct pgerr *err);
void sess_guc_statement_end(struct session *s);
/* Current value, or NULL when unknown. */
const char *sess_guc_get(struct session *s, const char *name);
/* sess_guc_get(s, "application_name") without the lookup by name (pg_stat_activity's). */
const char *sess_guc_application_name(struct session *s);
/* sess_guc_get(s, "search_path") without looking the name up. */
const char *sess_guc_search_path(struct session *s);
/* sess_guc_get(s, "default_transaction_read_only") without looking the name up. */
const char *sess_guc_default_read_only(struct session *s);
/* default_transaction_isolation's value, found without a lookup by name (every BEGIN). */
const char *sess_guc_default_isolation(struct session *s);
/* The i-th setting (built-in ones, then custom ones) for pg_settings; false past the last. */
bool sess_guc_at(struct session *s, size_t i, const char **name, const char **description,
		 bool *read_only);
/* RowDescription of SHOW name / SHOW ALL (name NULL), for Describe. */
bool sess_guc_describe(struct session *s, const char *name, struct pgerr *err);
/* SHOW name / SHOW ALL as a result set. */
bool sess_guc_show(struct session *s, const char *name, bool with_header, struct pgerr *err);
/* RESET ALL. */
void sess_guc_reset_all(struct session *s);
/* Writes the ParameterStatus messages sent at the end of startup. */
void sess_guc_report_all(struct session *s);
/* Transaction end: commit keeps SET values (drops SET LOCAL), rollback restores them. */
void sess_guc_txn_end(struct session *s, bool commit);
/* At the start of each message: the session's zone, the statement's start, and the
 * transaction's start when none is open (now() is stable within a transaction). */
void sess_guc_dt_refresh(struct session *s);

#endif
