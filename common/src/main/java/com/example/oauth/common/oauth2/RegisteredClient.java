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
     * The registered redirect URIs; a request must name one of them exactly
     * (RFC 9700 §4.1.3). Each must be at most 1000 characters, so that the
     * answer fits in a Location header ({@link AuthorizationResponse#MAX_LOCATION_LENGTH}).
     */
    List<String> getRedirectUris();

    /** The scopes the client registered: the most it may ask for, and what it gets when it names none. */
    List<String> getDefaultScopes();
}
