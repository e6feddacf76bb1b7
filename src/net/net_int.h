/* SPDX-License-Identifier: Apache-2.0 */
/* net_int.h: what net.c uses of net_tls.c — turning an accepted socket into a TLS server
 * bufferevent and reading what a finished handshake established. Private to src/net. */
#ifndef SHARDLITE_NET_INT_H
#define SHARDLITE_NET_INT_H

#include <event2/bufferevent.h>

#include "net.h"

#define NET_CB_MAX 64 /* EVP_MAX_MD_SIZE */

/* A bufferevent that owns fd (closes it when freed) and starts a server handshake on it.
 * NULL when OpenSSL cannot make a connection object. */
struct bufferevent *net_tls_accept(struct net_tls *t, struct event_base *base, evutil_socket_t fd);
/* After BEV_EVENT_CONNECTED: fills info (cb_data points into cb). */
void net_tls_info_of(struct bufferevent *bev, struct net_tls_info *info, uint8_t cb[NET_CB_MAX]);
/* The OpenSSL reason of a failed handshake, for the log. */
const char *net_tls_error(struct bufferevent *bev, char *buf, size_t len);

#endif
