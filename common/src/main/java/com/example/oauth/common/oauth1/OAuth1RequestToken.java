package com.example.oauth.common.oauth1;

import java.time.Instant;

/**
 * Temporary credentials (RFC 5849 §2.1), the article's grant: what the
 * provider stored about them.
 *
 * @param <C> the step's client
 */
public interface OAuth1RequestToken<C extends OAuth1Client> {

    /** The {@code oauth_token} value. */
    String getToken();

    /** The token secret: the second half of the HMAC key (RFC 5849 §3.4.2). */
    String getTokenSecret();

    /** The client it was issued to, which storage reads with the token (one read). */
    C getClient();

    /** SHA-256 of the verifier given at authorization; null until the user allowed access. */
    String getVerifierHash();

    Instant getExpiresAt();
}
