package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.List;

/**
 * An issued access token, and the refresh token issued with it if any, as
 * storage keeps them (the article's token): what the protected resource,
 * the refresh, revocation and introspection read, in one read of its row.
 * The token values themselves are not kept, only their SHA-256. A step's
 * record of the same names implements it.
 */
public interface OAuth2Token {

    /** The SHA-256 of the access token: how storage finds this token again. */
    String accessTokenHash();

    String clientId();

    /** The user who granted it; null for a token of the client itself (client_credentials). */
    String username();

    /** The scopes of the access token; none for a client_credentials token. */
    List<String> scopes();

    /**
     * The scopes the user granted to the whole grant: what the refresh token
     * carries, and the most a refresh may ask for (RFC 6749 §6).
     */
    List<String> grantedScopes();

    Instant issuedAt();

    /** When the access token dies. */
    Instant expiresAt();

    /** When the refresh token dies; null when none was issued. */
    Instant refreshExpiresAt();

    /**
     * When the family ends, whatever the refreshes: the grant's end, set
     * when its code was exchanged. Null for a client_credentials token,
     * which has no family.
     */
    Instant familyExpiresAt();

    /** True once the refresh token was exchanged for a new pair (rotation, RFC 9700 §4.14.2). */
    boolean refreshTokenUsed();

    /**
     * True when this token was revoked, or the grant it descends from (its
     * family): a family is revoked as one, by a flag on the grant that every
     * use reads, so that no token of it, even one stored while the family
     * was being revoked, lives on (RFC 9700 §4.14.2).
     */
    boolean revoked();

    /** The access token is live: neither revoked (itself or its family) nor expired. */
    default boolean isActiveAt(Instant now) {
        return !revoked() && Lifetimes.isLive(expiresAt(), now);
    }

    /**
     * The refresh token is live: one was issued, and it is neither revoked
     * (with its family), nor used, nor expired, nor outlived by its family.
     */
    default boolean isRefreshTokenActiveAt(Instant now) {
        return refreshExpiresAt() != null && !revoked() && !refreshTokenUsed()
                && Lifetimes.isLive(refreshExpiresAt(), now) && Lifetimes.isLive(familyExpiresAt(), now);
    }
}
