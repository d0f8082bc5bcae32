package com.example.oauth.common.oauth2;

import java.util.List;

/**
 * A client registered with this provider (RFC 6749 §2), as the engine
 * reads it: the article's clientgetter result. Each step's client model
 * implements it.
 */
public interface RegisteredClient {

    /** RFC 6749 §2.2: the client identifier, public. */
    String getClientId();

    /** The SHA-256 (hex) of the client secret; null for a public client, which has none. */
    String getClientSecretHash();

    ClientType getClientType();

    /**
     * The longest redirect URI a client may register, and the longest one
     * a request may name (a loopback one on another port included): what
     * storage keeps of the code's redirect URI.
     */
    int MAX_REDIRECT_URI_LENGTH = 500;

    /**
     * The registered redirect URIs, each at most {@link #MAX_REDIRECT_URI_LENGTH}
     * characters; a request must name one of them exactly (RFC 9700 §4.1.3),
     * but for the port of a public client's loopback one (RFC 8252 §7.3).
     */
    List<String> getRedirectUris();

    /** The scopes the client registered: the most it may ask for, and what it gets when it names none. */
    List<String> getDefaultScopes();
}
