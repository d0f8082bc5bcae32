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
     * Uses up the code and keeps the first token issued from it, in one
     * step: true for exactly one caller, even when many present the code at
     * once; false, with nothing stored, for every other.
     */
    boolean exchangeGrant(G grant, NewToken token);

    /** tokengetter, by the hash of an access token. */
    Optional<T> findAccessToken(String accessTokenHash);

    /** tokengetter, by the hash of a refresh token. */
    Optional<T> findRefreshToken(String refreshTokenHash);

    /**
     * tokensetter for a refresh: marks the refresh token used and keeps the
     * next token of the same grant, in one step: true for exactly one caller;
     * false, with nothing stored, for every other.
     */
    boolean rotateRefreshToken(T refreshed, NewToken next);

    /** tokensetter for client_credentials: a token of the client itself, with no user and no refresh token. */
    void saveClientToken(C client, NewToken token);

    /** Revokes every token issued from this code, and from their refresh tokens. */
    void revokeGrant(G grant);

    /** Revokes this token and every token of the same grant (a client_credentials token has none: itself only). */
    void revokeToken(T token);
}
