/* SPDX-License-Identifier: Apache-2.0 */
/* auth_scram.c: the server side of SCRAM-SHA-256 and SCRAM-SHA-256-PLUS (RFC 5802, RFC 7677;
 * tls-server-end-point channel binding, RFC 5929). Pure: bytes in, bytes out. The parsers
 * treat every client message as hostile (tests/fuzz/fuzz_auth_scram.c).
 *
 *   NEW --first(client-first)--> FIRST_SENT --final(client-final)--> DONE
 *    \____________________________ any error ______________________--> DONE
 *
 * Invariant: in FIRST_SENT client_first_bare, server_first and the nonces are set. */
#include "auth_int.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>

#define SERVER_NONCE_LEN 18 /* as PostgreSQL: 24 base64 characters */
#define CB_TYPE "tls-server-end-point"
#define MAX_MSG 4096

enum scram_state { SCRAM_NEW, SCRAM_FIRST_SENT, SCRAM_DONE };

struct auth_scram {
	enum scram_state state;
	struct auth_secret secret;
	bool doomed;
	char *user;
	uint8_t cb_data[64];
	size_t cb_len;   /* 0 = not on TLS */
	char cbind_flag; /* 'n', 'y' or 'p' */
	char *gs2_header;
	char *client_first_bare;
	char *nonce; /* client nonce + server nonce */
	char *server_first;
};

struct auth_scram *auth_scram_new(const struct auth_secret *secret, bool doomed, const char *user,
				  const uint8_t *cb_data, size_t cb_len)
{
	struct auth_scram *sc = base_xcalloc(1, sizeof(*sc));
	sc->secret = *secret;
	sc->doomed = doomed || secret->kind != AUTH_SECRET_SCRAM;
	sc->user = base_xstrdup(user);
	if (cb_data && cb_len > 0 && cb_len <= sizeof(sc->cb_data)) {
		memcpy(sc->cb_data, cb_data, cb_len);
		sc->cb_len = cb_len;
	}
	return sc;
}

void auth_scram_free(struct auth_scram *sc)
{
	if (!sc)
		return;
	OPENSSL_cleanse(&sc->secret, sizeof(sc->secret));
	free(sc->user);
	free(sc->gs2_header);
	free(sc->client_first_bare);
	free(sc->nonce);
	free(sc->server_first);
	free(sc);
}

static enum auth_step bad(struct auth_scram *sc, struct pgerr *err, const char *detail)
{
	sc->state = SCRAM_DONE;
	pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION, "malformed SCRAM message");
	pgerr_detail(err, "%s", detail);
	return AUTH_STEP_BAD;
}

static enum auth_step failed(struct auth_scram *sc, struct pgerr *err)
{
	sc->state = SCRAM_DONE;
	pgerr_fatal(err, SQLSTATE_INVALID_PASSWORD,
		    "password authentication failed for user \"%s\"", sc->user);
	return AUTH_STEP_FAIL;
}

/* A copy of the message as a C string; NULL when it holds a NUL byte or is too long. */
static char *message_text(const uint8_t *data, size_t len)
{
	if (len == 0 || len > MAX_MSG || memchr(data, 0, len))
		return NULL;
	return base_xstrndup((const char *)data, len);
}

/* Reads "X=value" at *p (value up to the next ',' or the end) and advances past the ','. */
static bool attr(char **p, char name, char **value)
{
	char *s = *p;
	if (s[0] != name || s[1] != '=')
		return false;
	*value = s + 2;
	char *comma = strchr(*value, ',');
	if (comma) {
		*comma = '\0';
		*p = comma + 1;
	} else {
		*p = *value + strlen(*value);
	}
	return true;
}

static bool printable_nonce(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < 0x21 || *s > 0x7e || *s == ',')
			return false;
	return true;
}

/* gs2-header: "n,," / "y,," / "p=tls-server-end-point,," (no authzid). */
static enum auth_step read_gs2(struct auth_scram *sc, const char *mechanism, char **p,
			       struct pgerr *err)
{
	char *s = *p;
	bool plus = strcmp(mechanism, AUTH_MECH_SCRAM_PLUS) == 0;
	if (s[0] == 'p' && s[1] == '=') {
		char *comma = strchr(s, ',');
		if (!comma || (size_t)(comma - s - 2) != strlen(CB_TYPE) ||
		    strncmp(s + 2, CB_TYPE, strlen(CB_TYPE)) != 0)
			return bad(sc, err, "Unsupported SCRAM channel-binding type.");
		if (!plus)
			return bad(sc, err,
				   "The client selected SCRAM-SHA-256 without channel "
				   "binding, but the SCRAM message includes channel "
				   "binding data.");
		sc->cbind_flag = 'p';
		s = comma + 1;
	} else if ((s[0] == 'n' || s[0] == 'y') && s[1] == ',') {
		if (plus)
			return bad(sc, err,
				   "The client selected SCRAM-SHA-256-PLUS, but the SCRAM "
				   "message does not include channel binding data.");
		if (s[0] == 'y' && sc->cb_len) {
			sc->state = SCRAM_DONE;
			pgerr_fatal(err, SQLSTATE_INVALID_AUTHORIZATION,
				    "SCRAM channel binding negotiation error");
			pgerr_detail(err, "The client supports SCRAM channel binding but thinks "
					  "the server does not. However, this server does support "
					  "channel binding.");
			return AUTH_STEP_FAIL;
		}
		sc->cbind_flag = s[0];
		s += 2;
	} else {
		return bad(sc, err, "Unexpected channel-binding flag.");
	}
	if (*s != ',')
		return bad(sc, err,
			   "Client uses authorization identity, but it is not "
			   "supported.");
	s++;
	sc->gs2_header = base_xstrndup(*p, (size_t)(s - *p));
	*p = s;
	return AUTH_STEP_CONTINUE;
}

static void write_server_first(struct auth_scram *sc, const char *cnonce, struct strbuf *out)
{
	uint8_t raw[SERVER_NONCE_LEN];
	if (RAND_bytes(raw, sizeof(raw)) != 1)
		sc->doomed = true; /* never authenticate on a predictable nonce */
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, cnonce);
	auth_b64_encode(&sb, raw, sizeof(raw));
	sc->nonce = strbuf_take(&sb);
	strbuf_printf(&sb, "r=%s,s=", sc->nonce);
	auth_b64_encode(&sb, sc->secret.salt, sc->secret.salt_len);
	strbuf_printf(&sb, ",i=%d", sc->secret.iterations);
	sc->server_first = strbuf_take(&sb);
	strbuf_puts(out, sc->server_first);
}

enum auth_step auth_scram_first(struct auth_scram *sc, const char *mechanism, const uint8_t *data,
				size_t len, struct strbuf *out, struct pgerr *err)
{
	ASSERT(sc->state == SCRAM_NEW);
	bool plus = strcmp(mechanism, AUTH_MECH_SCRAM_PLUS) == 0;
	if ((!plus && strcmp(mechanism, AUTH_MECH_SCRAM) != 0) || (plus && !sc->cb_len)) {
		sc->state = SCRAM_DONE;
		pgerr_fatal(err, SQLSTATE_PROTOCOL_VIOLATION,
			    "client selected an invalid SASL authentication mechanism");
		return AUTH_STEP_BAD;
	}
	char *text = message_text(data, len), *p = text, *user, *cnonce;
	enum auth_step st;
	if (!text) {
		st = bad(sc, err, "The client-first-message is empty, too long or holds a NUL.");
	} else if ((st = read_gs2(sc, mechanism, &p, err)) != AUTH_STEP_CONTINUE) {
		/* read_gs2 set err */
	} else if (*p == 'm') {
		st = bad(sc, err, "Client requires an unsupported SCRAM extension.");
	} else {
		sc->client_first_bare = base_xstrdup(p);
		/* The user name in the message is ignored, as PostgreSQL does: the startup
		 * packet's user is the one authenticated. */
		if (!attr(&p, 'n', &user) || !attr(&p, 'r', &cnonce) || !printable_nonce(cnonce))
			st = bad(sc, err, "Expected a user name and a printable nonce.");
		else
			write_server_first(sc, cnonce, out);
	}
	free(text);
	if (st == AUTH_STEP_CONTINUE)
		sc->state = SCRAM_FIRST_SENT;
	return st;
}

/* c= must carry the gs2 header (and, for -PLUS, the certificate hash) of the first message. */
static bool binding_matches(const struct auth_scram *sc, const char *c)
{
	uint8_t got[256];
	size_t n, hlen = strlen(sc->gs2_header);
	size_t want = hlen + (sc->cbind_flag == 'p' ? sc->cb_len : 0);
	if (!auth_b64_decode(c, strlen(c), got, sizeof(got), &n) || n != want)
		return false;
	return memcmp(got, sc->gs2_header, hlen) == 0 &&
	       (sc->cbind_flag != 'p' || memcmp(got + hlen, sc->cb_data, sc->cb_len) == 0);
}

static bool proof_ok(const struct auth_scram *sc, const char *without_proof,
		     const uint8_t proof[AUTH_KEY_LEN], uint8_t server_sig[AUTH_KEY_LEN])
{
	struct strbuf am;
	uint8_t client_sig[AUTH_KEY_LEN], client_key[AUTH_KEY_LEN], stored[AUTH_KEY_LEN];
	strbuf_init(&am, 0);
	strbuf_printf(&am, "%s,%s,%s", sc->client_first_bare, sc->server_first, without_proof);
	auth_hmac(sc->secret.stored_key, AUTH_KEY_LEN, am.data, am.len, client_sig);
	for (size_t i = 0; i < AUTH_KEY_LEN; i++)
		client_key[i] = proof[i] ^ client_sig[i];
	auth_sha256(client_key, AUTH_KEY_LEN, stored);
	auth_hmac(sc->secret.server_key, AUTH_KEY_LEN, am.data, am.len, server_sig);
	strbuf_fini(&am);
	return CRYPTO_memcmp(stored, sc->secret.stored_key, AUTH_KEY_LEN) == 0;
}

enum auth_step auth_scram_final(struct auth_scram *sc, const uint8_t *data, size_t len,
				struct strbuf *out, struct pgerr *err)
{
	ASSERT(sc->state == SCRAM_FIRST_SENT);
	char *text = message_text(data, len);
	if (!text)
		return bad(sc, err, "The client-final-message is empty, too long or holds a NUL.");
	char *proof_at = strstr(text, ",p=");
	char *p = text, *c, *nonce, *proof_b64;
	uint8_t proof[AUTH_KEY_LEN], server_sig[AUTH_KEY_LEN];
	size_t plen;
	enum auth_step st = AUTH_STEP_CONTINUE;
	if (!proof_at || strchr(proof_at + 3, ',')) {
		st = bad(sc, err, "The proof is missing or not last.");
	} else {
		*proof_at = '\0';
		proof_b64 = proof_at + 3;
		char *without_proof = base_xstrdup(text);
		if (!attr(&p, 'c', &c) || !attr(&p, 'r', &nonce))
			st = bad(sc, err, "Expected channel binding and nonce attributes.");
		else if (!binding_matches(sc, c))
			st = bad(sc, err, "SCRAM channel binding check failed.");
		else if (strcmp(nonce, sc->nonce) != 0)
			st = bad(sc, err, "Nonce does not match.");
		else if (!auth_b64_decode(proof_b64, strlen(proof_b64), proof, sizeof(proof),
					  &plen) ||
			 plen != AUTH_KEY_LEN)
			st = bad(sc, err, "Malformed proof in client-final-message.");
		else if (!proof_ok(sc, without_proof, proof, server_sig) || sc->doomed)
			st = failed(sc, err);
		free(without_proof);
	}
	free(text);
	if (st != AUTH_STEP_CONTINUE)
		return st;
	sc->state = SCRAM_DONE;
	strbuf_puts(out, "v=");
	auth_b64_encode(out, server_sig, AUTH_KEY_LEN);
	return AUTH_STEP_OK;
}
