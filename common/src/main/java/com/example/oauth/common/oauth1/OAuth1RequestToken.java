package com.example.oauth.common.oauth1;

import java.time.Instant;

/** Temporary credentials (RFC 5849 §2.1), the article's grant: what the provider stored about them. */
public interface OAuth1RequestToken<C extends OAuth1Client> extends OAuth1Credentials<C> {

    /** SHA-256 of the verifier given at authorization; null until the user allowed access. */
    String getVerifierHash();

    Instant getExpiresAt();
}
