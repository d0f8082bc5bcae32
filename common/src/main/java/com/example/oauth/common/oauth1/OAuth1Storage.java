package com.example.oauth.common.oauth1;

import java.time.Instant;
import java.util.Optional;

/**
 * The storage the provider engine reads and writes, which each step
 * implements on its database. The methods are the article's getters and
 * setters. Each one that writes keeps its own promise: what it says
 * happens in one step happens in one transaction of its own.
 */
public interface OAuth1Storage {

    /** clientgetter */
    Optional<RegisteredClient> findClient(String clientKey);

    /** grantsetter: keeps new temporary credentials (§2.1) until they are used or expire. */
    void saveTemporaryCredentials(NewTemporaryCredentials credentials);

    /** grantgetter: temporary credentials with their client, unless they were used or purged. */
    Optional<TemporaryCredentials> findTemporaryCredentials(String token);

    /**
     * verifiersetter: records the user's yes (§2.2), the hash of the
     * verifier and who said it, in one atomic step: true if the temporary
     * credentials were still waiting for an answer and not expired at
     * {@code now} ({@link TemporaryCredentials#isExpiredAt}); false if
     * another answer came first.
     */
    boolean saveVerifier(String token, String username, String verifierHash, Instant now);

    /** The user said no: deletes the temporary credentials; true if they were still waiting for an answer. */
    boolean deleteUnauthorized(String token);

    /**
     * tokensetter: in one transaction, uses up authorized temporary
     * credentials, keeps the token credentials issued for them (§2.3), for
     * the same client, user and realms, and records the request's nonce:
     * true for exactly one caller, even when several exchange the same
     * verifier at once; false, with nothing stored, not even the nonce, for
     * the rest.
     *
     * @param authorized as {@link #findTemporaryCredentials} gave them
     * @param nonce the exchange request's nonce; null when it had none (PLAINTEXT)
     */
    boolean exchange(TemporaryCredentials authorized, Nonce nonce, String token, String tokenSecret,
            Instant issuedAt);

    /**
     * tokengetter for protected resources: what {@link ResourceRequestCheck}
     * needs of an access token, with its client's keys and its user, in one
     * read. Every signed API call makes it.
     */
    Optional<TokenCredentials> findTokenCredentials(String token);

    /**
     * noncegetter and noncesetter in one atomic step: records the nonce and
     * returns true, or returns false if it was already recorded (§3.3).
     */
    boolean saveNonceIfUnused(Nonce nonce);
}
