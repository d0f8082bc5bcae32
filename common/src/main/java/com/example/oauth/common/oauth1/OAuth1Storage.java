package com.example.oauth.common.oauth1;

import java.util.Optional;

/**
 * The storage the provider engine reads, which each step implements (with
 * JPA here). The methods are the article's getters and setters.
 *
 * @param <C> the step's client
 * @param <R> the step's request token
 */
public interface OAuth1Storage<C extends OAuth1Client, R extends OAuth1RequestToken<C>> {

    /** clientgetter */
    Optional<C> findClient(String clientKey);

    /** grantgetter: the request token with its client, unless it was used or purged. */
    Optional<R> findRequestToken(String token);

    /**
     * tokengetter for protected resources: what {@link OAuth1Provider#checkResourceRequest}
     * needs of an access token, with its client's keys and its user, in one
     * read. Every signed API call makes it.
     */
    Optional<AccessTokenInfo> findAccessTokenInfo(String token);

    /**
     * noncegetter and noncesetter in one atomic step: records the nonce and
     * returns true, or returns false if that client already used it with
     * that timestamp and token (RFC 5849 §3.3). {@code token} is "" for none.
     */
    boolean saveNonceIfUnused(String clientKey, long timestamp, String nonce, String token);

    /**
     * Uses up an authorized request token: true for exactly one caller, even
     * when several exchange the same verifier at once; false for the rest.
     */
    boolean consumeRequestToken(String token);
}
