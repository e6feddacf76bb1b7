# SPDX-License-Identifier: Apache-2.0
# tools_pgactivity.py PORT: pg_activity's own data layer (pgactivity.data.Data, the module its
# curses UI calls every refresh) against the server on 127.0.0.1:PORT, database shop, while a
# second psql session sits idle in a transaction. Prints one line per step, without what
# differs by nature between servers (pids, durations, uptime, sizes, PostgreSQL's worker
# limits), so test_tools.sh compares shardlite's lines with PostgreSQL's.
import subprocess
import sys
import time

from pgactivity import data as pgd

port = int(sys.argv[1])
held = subprocess.Popen(
    ["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "shop",
     "-c", "BEGIN", "-c", "SELECT 42 AS held", "-c", "\\! sleep 4"],
    stdout=subprocess.DEVNULL)
time.sleep(1.5)

d = pgd.Data.pg_connect(host="127.0.0.1", port=port, user="postgres", database="shop")
print("version", d.pg_version.split(" ")[0], d.pg_num_version // 10000)
print("is_local", d.pg_is_local())
info = d.pg_get_server_information(None)
info = d.pg_get_server_information(info)  # the second refresh computes rates
print("sessions", info.total, "active", info.active_connections, "idle", info.idle,
      "idle in txn", info.idle_in_transaction, "waiting", info.waiting)
print("max_connections positive", info.max_connections > 0)
print("temp files", info.temporary_file.temp_files, int(info.temporary_file.temp_bytes))
print("wal senders", info.wal_senders, "wal receivers", info.wal_receivers,
      "slots", info.replication_slots)
print("db size positive", info.total_size > 0)
for mode in (1, 2, 3):
    for p in d.pg_get_activities(mode):
        print("activity", mode, p.application_name, p.database, p.user, p.client, p.state,
              p.query, p.wait, p.is_parallel_worker, p.duration >= 0)
print("waiting", d.pg_get_waiting())
print("blocking", d.pg_get_blocking())
held.wait()
