package com.example.oauth.oauth2;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.example.oauth.common.oauth2.OAuth2Token;

/**
 * An access token and the refresh token issued with it, the article's
 * token, as {@link DatabaseOAuth2Storage} reads it from its row of
 * {@code token}, joined with its client, its user and its grant. Only the
 * SHA-256 hashes of the tokens are kept, each under a unique index, so a
 * request is checked with one indexed read. Every token issued from one code
 * (and from the refresh tokens that followed) points to that code's
 * {@link Grant}: together they are the grant's family, revoked as one by a
 * flag on the grant.
 *
 * @param username the user who granted it; null for a token of the client itself (client_credentials)
 * @param grantedScopes the grant's scopes, or this token's own for a client_credentials token
 * @param familyExpiresAt the grant's end; null for a client_credentials token
 * @param revoked revoked itself (a client_credentials token), or with its whole family (the grant's flag)
 */
public record Token(String accessTokenHash, String clientId, String username, List<String> scopes,
        List<String> grantedScopes, Instant issuedAt, Instant expiresAt, Instant refreshExpiresAt,
        Instant familyExpiresAt, boolean refreshTokenUsed, boolean revoked) implements OAuth2Token {

    /** A scopes column, space-separated, as a list; empty for a client_credentials token. */
    static List<String> scopesOf(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.split(" "));
    }
}
