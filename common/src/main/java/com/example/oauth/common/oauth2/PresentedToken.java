package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import com.example.oauth.common.security.Sha256;

/**
 * A token a client sends to the revocation or introspection endpoint:
 * either of its two values, access or refresh token.
 *
 * @param refreshToken whether the value sent was the refresh token
 */
record PresentedToken(OAuth2Token token, boolean refreshToken) {

    /** RFC 7009 §2.1, RFC 7662 §2.1: token_type_hint says where to look first, not where to look only. */
    static Optional<PresentedToken> find(OAuth2Storage storage, String value, String hint) {
        String hash = Sha256.hex(value);
        Supplier<Optional<PresentedToken>> asAccess =
                () -> storage.findAccessToken(hash).map(t -> new PresentedToken(t, false));
        Supplier<Optional<PresentedToken>> asRefresh =
                () -> storage.findRefreshToken(hash).map(t -> new PresentedToken(t, true));
        return hint.equals("refresh_token") ? asRefresh.get().or(asAccess) : asAccess.get().or(asRefresh);
    }

    /** Neither revoked (isRevoked() covers the token's family too) nor expired, nor a used refresh token. */
    boolean isActiveAt(Instant now) {
        if (token.isRevoked()) {
            return false;
        }
        if (!refreshToken) {
            return token.getExpiresAt().isAfter(now);
        }
        return !token.isRefreshTokenUsed() && token.getRefreshExpiresAt() != null
                && token.getRefreshExpiresAt().isAfter(now) && token.getFamilyExpiresAt().isAfter(now);
    }
}
