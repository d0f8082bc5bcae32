package com.example.oauth.common.oauth1;

import java.time.Instant;

/**
 * Temporary credentials (RFC 5849 §2.1), which the article and most
 * libraries call a request token: what the provider stored about them.
 */
public interface TemporaryCredentials {

    /** The {@code oauth_token} value. */
    String getToken();

    /** The token secret: the second half of the HMAC key (§3.4.2). */
    String getTokenSecret();

    /** The client they were issued to, which storage reads with them (one read). */
    RegisteredClient getClient();

    /** Where the user goes back to: a registered callback URI, or "oob". */
    String getCallback();

    /** SHA-256 of the verifier given at authorization; null until the user allowed access. */
    String getVerifierHash();

    Instant getExpiresAt();

    /**
     * The one definition of "expired", for the consent page and the
     * exchange alike: from {@link #getExpiresAt()} on, that instant included.
     */
    default boolean isExpiredAt(Instant now) {
        return !now.isBefore(getExpiresAt());
    }
}
