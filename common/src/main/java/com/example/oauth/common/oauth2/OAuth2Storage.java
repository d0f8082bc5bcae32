package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.Optional;

/**
 * The storage the OAuth 2 engine reads and writes, which each step
 * implements. The methods are the article's getters and setters. Codes and
 * tokens reach storage only as SHA-256 hashes, and the engine names what
 * it already stored by those hashes.
 */
public interface OAuth2Storage {

    /** clientgetter */
    Optional<RegisteredClient> findClient(String clientId);

    /** grantsetter: keeps a new code, by its hash, bound to what the user approved. */
    void saveGrant(NewGrant grant);

    /** grantgetter: the code by its hash, used or not, until it is purged. */
    Optional<OAuth2Grant> findGrant(String codeHash);

    /**
     * Uses up the code, unless its family was revoked, sets when the family
     * ends, and keeps the first token issued from it, in one step: true for
     * exactly one caller, even when many present the code at once; false,
     * with nothing stored, for every other, and for a caller that waited too
     * long for another one that holds the code.
     */
    boolean exchangeGrant(String codeHash, NewToken token, Instant familyExpiresAt);

    /**
     * tokengetter, by the hash of an access token, with the user and whether
     * its family was revoked. Every API call makes this read: one indexed
     * query.
     */
    Optional<OAuth2Token> findAccessToken(String accessTokenHash);

    /** tokengetter, by the hash of a refresh token. */
    Optional<OAuth2Token> findRefreshToken(String refreshTokenHash);

    /**
     * tokensetter for a refresh: marks the refresh token used, unless it or
     * its family was revoked, and keeps the next token of the same grant, in
     * one step: true for exactly one caller; false, with nothing stored, for
     * every other, and for a caller that waited too long for another one.
     */
    boolean rotateRefreshToken(String refreshTokenHash, NewToken next);

    /** tokensetter for client_credentials: a token of the client itself, with no user and no refresh token. */
    void saveClientToken(String clientId, NewToken token);

    /**
     * Revokes the family of this code: every token issued from it and from
     * their refresh tokens, also those stored later. True when done; false
     * when the database was too busy to do it now (another request held the
     * grant for longer than the database waits for a lock).
     */
    boolean revokeGrant(String codeHash);

    /**
     * Revokes the family of the token with this access token hash, as
     * {@link #revokeGrant}; a client_credentials token has none, and is
     * revoked alone. True when done, false when the database was too busy.
     */
    boolean revokeToken(String accessTokenHash);
}
