# SPDX-License-Identifier: Apache-2.0
# free_port.sh: sourced by the scripts that start servers on 127.0.0.1. free_port prints a TCP
# port nothing listens on, drawn at random below the kernel's ephemeral range: a port bind(0)
# hands out comes from that range, where the tests' own client connections (pgbench -C opens
# thousands) take local ports too, and suites run side by side; one could take the port
# between this check and the server's bind. Ports given as arguments are never printed: a
# script that draws two before starting either server passes the first (two draws had given
# one port to both servers, and the second could not bind).
# shellcheck shell=bash
free_port() {
	python3 -c '
import random, socket, sys
lo = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
taken = {int(a) for a in sys.argv[1:]}
while True:
    p = random.randrange(10000, max(lo, 10001))
    if p in taken:
        continue
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p))
    except OSError:
        continue
    finally:
        s.close()
    print(p)
    break' "$@"
}
