package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.List;

/**
 * An issued access token, and the refresh token issued with it if any, as
 * storage keeps them (the article's token). The token values themselves are
 * not kept, only their SHA-256.
 */
public interface OAuth2Token {

    /** The SHA-256 of the access token: how storage finds this token again. */
    String getAccessTokenHash();

    String getClientId();

    /** The user who granted it; null for a token of the client itself (client_credentials). */
    String getUsername();

    /** The scopes of the access token. */
    List<String> getScopes();

    /**
     * The scopes the user granted to the whole grant: what the refresh token
     * carries, and the most a refresh may ask for (RFC 6749 §6).
     */
    List<String> getGrantedScopes();

    Instant getIssuedAt();

    /** When the access token dies. */
    Instant getExpiresAt();

    /** When the refresh token dies; null when none was issued. */
    Instant getRefreshExpiresAt();

    /**
     * When the family ends, whatever the refreshes: the grant's end, set
     * when its code was exchanged. Null for a client_credentials token,
     * which has no family.
     */
    Instant getFamilyExpiresAt();

    /** True once the refresh token was exchanged for a new pair (rotation, RFC 9700 §4.14.2). */
    boolean isRefreshTokenUsed();

    /**
     * True when this token was revoked, or the grant it descends from (its
     * family): a family is revoked as one, by a flag on the grant that every
     * use reads, so that no token of it, even one stored while the family
     * was being revoked, lives on (RFC 9700 §4.14.2).
     */
    boolean isRevoked();
}
