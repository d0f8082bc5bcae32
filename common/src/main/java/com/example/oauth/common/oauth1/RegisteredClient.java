package com.example.oauth.common.oauth1;

import java.util.List;

/**
 * A registered client, as the engine sees it (the article's clientgetter
 * result): its client credentials (RFC 5849 §1.1: the key and the shared
 * secret, or an RSA public key) and what it registered with them.
 */
public interface RegisteredClient {

    /** oauth_consumer_key: public, sent with every request. */
    String getClientKey();

    /** The shared secret of HMAC signatures. */
    String getClientSecret();

    /** The client's RSA public key as PEM, for RSA-SHA1; null when it registered none. */
    String getRsaPublicKey();

    /** Registered callback URIs, and "oob" if the client may use the out-of-band flow. */
    List<String> getRedirectUris();

    /** The realms the client registered: the most it may ask for. */
    List<String> getDefaultRealms();
}
