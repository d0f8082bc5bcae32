package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.List;

import com.example.oauth.common.security.Sha256;

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

    /**
     * What to keep of this token response, issued now.
     *
     * @param refreshExpiresAt when its refresh token dies; null when it has none
     */
    static NewToken of(TokenResponse response, Instant now, Instant refreshExpiresAt) {
        return new NewToken(Sha256.hex(response.accessToken()),
                response.refreshToken() == null ? null : Sha256.hex(response.refreshToken()),
                response.scopes(), now, now.plusSeconds(response.expiresIn()), refreshExpiresAt);
    }
}
