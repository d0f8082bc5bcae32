package com.example.oauth.common.oauth2;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.security.Sha256;

/**
 * A newly generated bearer token (RFC 6750), with its refresh token if any:
 * the values for the client ({@link #response()}) and only their hashes for
 * storage ({@link #stored()}).
 */
public record BearerToken(TokenResponse response, NewToken stored) {

    /** How long an access token lives; a refresh token gets the client the next one. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    /** 40 letters and digits: about 238 bits (RFC 6749 §10.10 asks for at least 128). */
    static final int LENGTH = 40;

    /**
     * @param refreshExpiresAt when the refresh token dies; null for none
     *        (client_credentials, RFC 6749 §4.4.3)
     */
    public static BearerToken generate(List<String> scopes, Instant now, Instant refreshExpiresAt) {
        String accessToken = RandomTokens.generate(LENGTH);
        String refreshToken = refreshExpiresAt != null ? RandomTokens.generate(LENGTH) : null;
        TokenResponse response = new TokenResponse(accessToken, LIFETIME.toSeconds(), refreshToken, scopes);
        NewToken stored = new NewToken(Sha256.hex(accessToken),
                refreshToken == null ? null : Sha256.hex(refreshToken),
                scopes, now, now.plus(LIFETIME), refreshExpiresAt);
        return new BearerToken(response, stored);
    }
}
