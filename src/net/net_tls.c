/* SPDX-License-Identifier: Apache-2.0 */
/* net_tls.c: TLS on libevent's OpenSSL bufferevents — the server context (certificate, key,
 * client CAs, TLS 1.2 at least), its reload on SIGHUP, and what a handshake yields: the
 * tls-server-end-point hash SCRAM-SHA-256-PLUS binds to, and the SNI server name. */
#include "net_int.h"

#include <event2/bufferevent_ssl.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct net_tls {
	pthread_mutex_t lock;
	SSL_CTX *ctx; /* replaced whole on reload; each SSL holds a reference to its own */
};

static void openssl_reason(char *errbuf, size_t errlen, const char *what, const char *file)
{
	char reason[256] = "unknown error";
	unsigned long e = ERR_get_error();
	if (e)
		ERR_error_string_n(e, reason, sizeof(reason));
	ERR_clear_error();
	snprintf(errbuf, errlen, "could not load %s \"%s\": %s", what, file, reason);
}

static SSL_CTX *make_ctx(const char *cert, const char *key, const char *ca, char *errbuf,
			 size_t errlen)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
	if (!ctx) {
		snprintf(errbuf, errlen, "OpenSSL could not make a TLS context");
		return NULL;
	}
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
	bool ok = false;
	if (!cert[0] || !key[0])
		snprintf(errbuf, errlen, "ssl is on but ssl_cert_file or ssl_key_file is not set");
	else if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1)
		openssl_reason(errbuf, errlen, "server certificate file", cert);
	else if (SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1)
		openssl_reason(errbuf, errlen, "private key file", key);
	else if (SSL_CTX_check_private_key(ctx) != 1)
		openssl_reason(errbuf, errlen, "private key (it does not match the certificate)",
			       key);
	else if (ca[0] && SSL_CTX_load_verify_locations(ctx, ca, NULL) != 1)
		openssl_reason(errbuf, errlen, "root certificate file", ca);
	else
		ok = true;
	if (!ok) {
		SSL_CTX_free(ctx);
		return NULL;
	}
	/* Client certificates are checked when offered, never demanded: no method uses them. */
	if (ca[0])
		SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	return ctx;
}

struct net_tls *net_tls_new(const char *cert_file, const char *key_file, const char *ca_file,
			    char *errbuf, size_t errlen)
{
	SSL_CTX *ctx = make_ctx(cert_file, key_file, ca_file, errbuf, errlen);
	if (!ctx)
		return NULL;
	struct net_tls *t = base_xcalloc(1, sizeof(*t));
	pthread_mutex_init(&t->lock, NULL);
	t->ctx = ctx;
	return t;
}

bool net_tls_reload(struct net_tls *t, const char *cert_file, const char *key_file,
		    const char *ca_file, char *errbuf, size_t errlen)
{
	SSL_CTX *ctx = make_ctx(cert_file, key_file, ca_file, errbuf, errlen);
	if (!ctx)
		return false;
	pthread_mutex_lock(&t->lock);
	SSL_CTX *old = t->ctx;
	t->ctx = ctx;
	pthread_mutex_unlock(&t->lock);
	SSL_CTX_free(old);
	return true;
}

void net_tls_free(struct net_tls *t)
{
	if (!t)
		return;
	SSL_CTX_free(t->ctx);
	pthread_mutex_destroy(&t->lock);
	free(t);
}

struct bufferevent *net_tls_accept(struct net_tls *t, struct event_base *base, evutil_socket_t fd)
{
	pthread_mutex_lock(&t->lock);
	SSL *ssl = SSL_new(t->ctx);
	pthread_mutex_unlock(&t->lock);
	if (!ssl)
		return NULL;
	struct bufferevent *bev = bufferevent_openssl_socket_new(
		base, fd, ssl, BUFFEREVENT_SSL_ACCEPTING, BEV_OPT_CLOSE_ON_FREE);
	if (!bev) {
		SSL_free(ssl);
		return NULL;
	}
	/* Clients often close without close_notify; that is an end, not an attack on us. */
	bufferevent_openssl_set_allow_dirty_shutdown(bev, 1);
	return bev;
}

/* RFC 5929 tls-server-end-point: the certificate's hash with its signature's digest, where
 * MD5 and SHA-1 are replaced by SHA-256. */
static size_t end_point_hash(X509 *cert, uint8_t cb[NET_CB_MAX])
{
	int md_nid = NID_undef, pk_nid;
	if (!cert || !OBJ_find_sigid_algs(X509_get_signature_nid(cert), &md_nid, &pk_nid))
		return 0;
	const EVP_MD *md = md_nid == NID_md5 || md_nid == NID_sha1 ? EVP_sha256()
								   : EVP_get_digestbynid(md_nid);
	unsigned int len = 0;
	if (!md || X509_digest(cert, md, cb, &len) != 1)
		return 0;
	return len;
}

void net_tls_info_of(struct bufferevent *bev, struct net_tls_info *info, uint8_t cb[NET_CB_MAX])
{
	SSL *ssl = bufferevent_openssl_get_ssl(bev);
	info->cb_len = end_point_hash(SSL_get_certificate(ssl), cb);
	info->cb_data = cb;
	info->server_name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
	info->protocol = SSL_get_version(ssl);
}

const char *net_tls_error(struct bufferevent *bev, char *buf, size_t len)
{
	unsigned long e = bufferevent_get_openssl_error(bev);
	if (!e)
		return "connection closed during the handshake";
	ERR_error_string_n(e, buf, len);
	return buf;
}
