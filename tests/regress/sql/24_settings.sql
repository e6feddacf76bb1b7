-- Settings clients and tools SET without a thought: the planner's switches and costs, memory
-- sizes (with PostgreSQL's units and checks), synchronous_commit and jit are recorded and
-- shown (they change nothing here, pg_settings says so); set_config(name, value, true)
-- outside a transaction block holds for its statement.
SHOW work_mem;
SET work_mem = '64MB';
SHOW work_mem;
SET work_mem = 65536;
SHOW work_mem;
SET work_mem = 1000;
SHOW work_mem;
SET work_mem = '1GB';
SHOW work_mem;
SET work_mem = '2048 kB';
SHOW work_mem;
SET work_mem = '10kB';
SET work_mem = 'lots';
RESET work_mem;
SHOW work_mem;
SHOW maintenance_work_mem;
SET maintenance_work_mem = '256MB';
SHOW maintenance_work_mem;
SET synchronous_commit = off;
SHOW synchronous_commit;
SET synchronous_commit = LOCAL;
SHOW synchronous_commit;
SET synchronous_commit = 'maybe';
SET jit = off;
SHOW jit;
SET random_page_cost = 1.1;
SHOW random_page_cost;
SET seq_page_cost = 2;
SHOW seq_page_cost;
SET enable_seqscan = off;
SHOW enable_seqscan;
SET enable_nestloop TO DEFAULT;
SHOW enable_nestloop;
SHOW effective_cache_size;
SELECT set_config('work_mem', '128MB', true);
SHOW work_mem;
SELECT set_config('statement_timeout', '5s', true);
SHOW statement_timeout;
SELECT set_config('myapp.tenant', '42', true), current_setting('myapp.tenant');
SELECT current_setting('myapp.tenant', true);
SELECT set_config('myapp.user', '7', false);
SELECT current_setting('myapp.user');
SET LOCAL work_mem = '8MB';
SHOW work_mem;
