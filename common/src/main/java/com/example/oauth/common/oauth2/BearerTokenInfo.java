package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.List;

/**
 * What a protected resource needs to know of an access token (RFC 6750):
 * whom it stands for, what it may do, until when, and whether it was
 * revoked. Every API call reads it, so storage reads it in one indexed
 * query, and nothing more.
 *
 * @param username the user who granted it; null for a token of the client itself (client_credentials)
 * @param scopes the scopes of the access token; none for a client_credentials token
 * @param revoked true when the token, or the family it belongs to, was revoked
 */
public record BearerTokenInfo(String username, List<String> scopes, Instant expiresAt, boolean revoked) {

    public BearerTokenInfo {
        scopes = List.copyOf(scopes);
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return !revoked && expiresAt.isAfter(now);
    }
}
