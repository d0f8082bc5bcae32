package com.example.oauth.common.oauth1;

import java.time.Instant;

/**
 * Temporary credentials (RFC 5849 §2.1), which the article and most
 * libraries call a request token: what the provider stored about them.
 *
 * @param <C> the step's client
 */
public interface TemporaryCredentials<C extends ClientCredentials> {

    /** The {@code oauth_token} value. */
    String getToken();

    /** The token secret: the second half of the HMAC key (§3.4.2). */
    String getTokenSecret();

    /** The client they were issued to, which storage reads with them (one read). */
    C getClient();

    /** Where the user goes back to: a registered callback URI, or "oob". */
    String getCallback();

    /** SHA-256 of the verifier given at authorization; null until the user allowed access. */
    String getVerifierHash();

    Instant getExpiresAt();
}
