package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.Optional;

import com.example.oauth.common.security.Sha256;

/**
 * A token a client sends to the revocation or introspection endpoint may be
 * the access token or the refresh token of a stored token, and
 * token_type_hint says where to look first, not where to look only
 * (RFC 7009 §2.1, RFC 7662 §2.1).
 */
final class TokenTypeHint {

    private TokenTypeHint() {
    }

    /** The stored token whose access or refresh token is this value. */
    static Optional<OAuth2Token> find(OAuth2Storage storage, String value, String hint) {
        String hash = Sha256.hex(value);
        return hint.equals("refresh_token")
                ? storage.findRefreshToken(hash).or(() -> storage.findAccessToken(hash))
                : storage.findAccessToken(hash).or(() -> storage.findRefreshToken(hash));
    }

    /** Whether the value sent was this token's refresh token rather than its access token. */
    static boolean isRefreshToken(OAuth2Token token, String value) {
        return !token.accessTokenHash().equals(Sha256.hex(value));
    }

    /** Whether the value sent, this token's access or refresh token, is active. */
    static boolean isActive(OAuth2Token token, String value, Instant now) {
        return isRefreshToken(token, value) ? token.isRefreshTokenActiveAt(now) : token.isActiveAt(now);
    }
}
