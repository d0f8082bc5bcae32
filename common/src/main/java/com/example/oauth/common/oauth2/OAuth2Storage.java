package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.Optional;

import com.example.oauth.common.user.User;

/**
 * The storage the OAuth 2 engine reads and writes, which each step
 * implements (with JPA here). The methods are the article's getters and
 * setters. Codes and tokens reach storage only as SHA-256 hashes.
 *
 * @param <C> the step's client
 * @param <G> the step's grant (authorization code)
 * @param <T> the step's token
 */
public interface OAuth2Storage<C extends OAuth2Client, G extends OAuth2Grant, T extends OAuth2Token> {

    /** clientgetter */
    Optional<C> findClient(String clientId);

    /** grantsetter: keeps a new code, by its hash, bound to what the user approved. */
    void saveGrant(String codeHash, AuthorizationRequest<C> request, User user, Instant expiresAt);

    /** grantgetter: the code by its hash, used or not, until it is purged. */
    Optional<G> findGrant(String codeHash);

    /**
     * Uses up the code, unless its family was revoked, sets when the family
     * ends, and keeps the first token issued from it, in one step: true for
     * exactly one caller, even when many present the code at once; false,
     * with nothing stored, for every other, and for a caller that waited too
     * long for another one that holds the code.
     */
    boolean exchangeGrant(G grant, NewToken token, Instant familyExpiresAt);

    /** tokengetter, by the hash of an access token, with what {@link OAuth2Token#isRevoked()} needs, in one read. */
    Optional<T> findAccessToken(String accessTokenHash);

    /**
     * tokengetter for protected resources: what {@link OAuth2Provider#checkBearerToken}
     * needs of an access token, by its hash. Every API call makes this read:
     * one indexed query, with the user and the family's revoked flag.
     */
    Optional<AccessTokenInfo> findAccessTokenInfo(String accessTokenHash);

    /** tokengetter, by the hash of a refresh token. */
    Optional<T> findRefreshToken(String refreshTokenHash);

    /**
     * tokensetter for a refresh: marks the refresh token used, unless it or
     * its family was revoked, and keeps the next token of the same grant, in
     * one step: true for exactly one caller; false, with nothing stored, for
     * every other, and for a caller that waited too long for another one.
     */
    boolean rotateRefreshToken(T refreshed, NewToken next);

    /** tokensetter for client_credentials: a token of the client itself, with no user and no refresh token. */
    void saveClientToken(C client, NewToken token);

    /**
     * Revokes the family: every token issued from this code and from their
     * refresh tokens, also those stored later. True when done; false when
     * the database was too busy to do it now (another request held the
     * grant for longer than the database waits for a lock).
     */
    boolean revokeGrant(G grant);

    /**
     * Revokes this token's family, as {@link #revokeGrant}; a
     * client_credentials token has none, and is revoked alone. True when
     * done, false when the database was too busy.
     */
    boolean revokeToken(T token);
}
