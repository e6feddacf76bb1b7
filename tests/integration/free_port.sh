# SPDX-License-Identifier: Apache-2.0
# free_port.sh: sourced by the scripts that start servers on 127.0.0.1. free_port prints a TCP
# port nothing listens on, drawn at random below the kernel's ephemeral range: a port bind(0)
# hands out comes from that range, where the tests' own client connections (pgbench -C opens
# thousands) take local ports too, and suites run side by side; one could take the port
# between this check and the server's bind.
# shellcheck shell=bash
free_port() {
	python3 -c '
import random, socket
lo = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
while True:
    p = random.randrange(10000, max(lo, 10001))
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p))
    except OSError:
        continue
    finally:
        s.close()
    print(p)
    break'
}
