package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.List;

/**
 * What storage keeps of a token the provider just issued: the SHA-256 of
 * the access and refresh tokens (never the values, which only the client
 * gets), the scopes and the lifetimes.
 *
 * @param refreshTokenHash null when no refresh token was issued
 * @param refreshExpiresAt null when no refresh token was issued
 */
public record NewToken(String accessTokenHash, String refreshTokenHash, List<String> scopes, Instant issuedAt,
        Instant expiresAt, Instant refreshExpiresAt) {
}
