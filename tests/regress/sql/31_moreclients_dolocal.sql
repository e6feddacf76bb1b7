-- SET LOCAL inside a DO block is not at top level: outside a transaction block it holds for
-- the DO statement's implicit transaction, without PostgreSQL's top-level WARNING (sqitch's
-- registry DO block sets client_min_messages to ERROR before its own RAISE WARNING).
DO $$ BEGIN SET LOCAL work_mem = '8MB'; IF current_setting('work_mem') <> '8MB' THEN RAISE EXCEPTION 'not set: %', current_setting('work_mem'); END IF; END $$;
SHOW work_mem;
DO $$ BEGIN SET LOCAL client_min_messages = 'error'; RAISE WARNING 'not sent'; RAISE NOTICE 'not sent either'; END $$;
SHOW client_min_messages;
DO $$ BEGIN RAISE WARNING 'sent'; END $$;
BEGIN;
DO $$ BEGIN SET LOCAL work_mem = '16MB'; END $$;
SHOW work_mem;
COMMIT;
SHOW work_mem;
BEGIN;
SET work_mem = '2MB';
DO $$ BEGIN SET LOCAL work_mem = '32MB'; END $$;
SHOW work_mem;
ROLLBACK;
SHOW work_mem;
DO $$ BEGIN SET LOCAL work_mem TO DEFAULT; SET LOCAL nosuch_setting = 1; END $$;
SHOW work_mem;
SET LOCAL work_mem = '8MB';
SHOW work_mem;
