package com.example.oauth.common.oauth2;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.example.oauth.common.security.Sha256;

/**
 * The refresh token grant (RFC 6749 §6): a refresh token, for a new access
 * token and a new refresh token. Each is good once (rotation, RFC 9700
 * §4.14.2): used again, it was stolen or copied, and its family ends.
 */
class RefreshTokenGrant {

    private final OAuth2Storage storage;
    private final Clock clock;
    private final List<String> scopesSupported;

    RefreshTokenGrant(OAuth2Storage storage, Clock clock, List<String> scopesSupported) {
        this.storage = storage;
        this.clock = clock;
        this.scopesSupported = scopesSupported;
    }

    TokenResponse refresh(RegisteredClient client, FormRequest request) {
        String refreshToken = request.get("refresh_token").orElseThrow(() -> OAuth2Error.invalidRequest(
                "refresh_token is missing: send the refresh token of the last token response."));
        String hash = Sha256.hex(refreshToken);
        OAuth2Token token = storage.findRefreshToken(hash)
                .filter(t -> t.clientId().equals(client.getClientId()))
                .orElseThrow(() -> OAuth2Error.invalidGrant(
                        "This refresh token is unknown, or was not issued to this client."));
        Instant now = clock.instant();
        if (!token.isRefreshTokenActiveAt(now)) {
            throw whyNotActive(token, now);
        }
        // §6: any of the scopes the user granted, or fewer; the new refresh
        // token keeps them all.
        List<String> scopes = AccessTokenScope.parse(request.get("scope").orElse(null));
        String scopeProblem = AccessTokenScope.problem(scopes, scopesSupported, token.grantedScopes());
        if (scopeProblem != null) {
            throw OAuth2Error.invalidScope(scopeProblem + " A refresh may ask for the scopes the user granted, or"
                    + " fewer (RFC 6749 Section 6).");
        }
        if (scopes.isEmpty()) {
            scopes = token.grantedScopes();
        }

        // The new refresh token dies when the family does, if that comes first.
        Instant refreshExpiresAt = now.plus(Lifetimes.REFRESH_TOKEN);
        if (token.familyExpiresAt().isBefore(refreshExpiresAt)) {
            refreshExpiresAt = token.familyExpiresAt();
        }
        TokenResponse response = TokenResponse.generate(scopes, true);
        if (!storage.rotateRefreshToken(hash, NewToken.of(response, now, refreshExpiresAt))) {
            // Another request used the refresh token (or revoked its grant)
            // between our read and our write, or is using it right now.
            throw usedTwice(token);
        }
        return response;
    }

    /** Why the refresh token is not active ({@link OAuth2Token#isRefreshTokenActiveAt}), to tell the client. */
    private OAuth2Error whyNotActive(OAuth2Token token, Instant now) {
        if (token.revoked()) {
            return OAuth2Error.invalidGrant("This refresh token was revoked: the user must authorize the client"
                    + " again.");
        }
        if (token.refreshTokenUsed()) {
            return usedTwice(token);
        }
        if (!Lifetimes.isLive(token.familyExpiresAt(), now)) {
            return OAuth2Error.invalidGrant("This grant has ended: refresh tokens are given for "
                    + Lifetimes.FAMILY.toDays() + " days after the code was exchanged, however often they are"
                    + " refreshed. The user must authorize the client again.");
        }
        return OAuth2Error.invalidGrant("This refresh token has expired (unused for "
                + Lifetimes.REFRESH_TOKEN.toDays() + " days): the user must authorize the client again.");
    }

    /**
     * RFC 9700 §4.14.2: a refresh token is good once; used again, it was
     * stolen, or copied, and the provider cannot tell by whom, so every token
     * of the grant is revoked.
     */
    private OAuth2Error usedTwice(OAuth2Token token) {
        boolean revoked = storage.revokeToken(token.accessTokenHash());
        return OAuth2Error.invalidGrant("This refresh token was already used, or is being used by another request"
                + " right now, and a refresh token is good once. " + (revoked
                        ? "Every token of this grant is now revoked (RFC 9700 Section 4.14.2)"
                        : "The tokens of this grant could not be revoked yet: the server is busy")
                + ". The user must authorize the client again.");
    }
}
