package com.example.oauth.common.oauth1;

import java.time.Instant;
import java.util.Optional;

/**
 * The storage the provider engine reads and writes, which each step
 * implements on its database. The methods are the article's getters and
 * setters.
 *
 * @param <C> the step's client
 * @param <R> the step's request token (temporary credentials)
 */
public interface OAuth1Storage<C extends ClientCredentials, R extends TemporaryCredentials<C>> {

    /** clientgetter */
    Optional<C> findClient(String clientKey);

    /** grantsetter: keeps new temporary credentials (§2.1) until they are used or expire. */
    void saveTemporaryCredentials(NewTemporaryCredentials<C> credentials);

    /** grantgetter: temporary credentials with their client, unless they were used or purged. */
    Optional<R> findTemporaryCredentials(String token);

    /**
     * verifiersetter: records the user's yes (§2.2), the hash of the
     * verifier and who said it, in one atomic step: true if the temporary
     * credentials were still waiting for an answer and not expired at
     * {@code now}; false if another answer came first.
     */
    boolean saveVerifier(String token, String username, String verifierHash, Instant now);

    /** The user said no: deletes the temporary credentials; true if they were still waiting for an answer. */
    boolean deleteUnauthorized(String token);

    /**
     * tokensetter: uses up authorized temporary credentials and keeps the
     * token credentials issued for them (§2.3), for the same client, user
     * and realms, in one step: true for exactly one caller, even when
     * several exchange the same verifier at once; false, with nothing
     * stored, for the rest.
     */
    boolean exchange(R authorized, String token, String tokenSecret, Instant issuedAt);

    /**
     * tokengetter for protected resources: what {@link ResourceRequestCheck}
     * needs of an access token, with its client's keys and its user, in one
     * read. Every signed API call makes it.
     */
    Optional<TokenCredentials> findTokenCredentials(String token);

    /**
     * noncegetter and noncesetter in one atomic step: records the nonce and
     * returns true, or returns false if that client already used it with
     * that timestamp and token (§3.3). {@code token} is "" for none.
     */
    boolean saveNonceIfUnused(String clientKey, long timestamp, String nonce, String token);
}
