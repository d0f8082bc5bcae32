package com.example.oauth.common.oauth2;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.example.oauth.common.security.Sha256;

/**
 * The authorization code grant at the token endpoint (RFC 6749 §4.1.3):
 * the code that came back to the redirect URI, for a first access token
 * and refresh token. With PKCE (RFC 7636 §4.5, §4.6), and good once.
 */
class AuthorizationCodeGrant {

    private final OAuth2Storage storage;
    private final Clock clock;

    AuthorizationCodeGrant(OAuth2Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    TokenResponse exchange(RegisteredClient client, FormRequest request) {
        String code = request.get("code").orElseThrow(() -> OAuth2Error.invalidRequest(
                "code is missing: send the code that came back to the redirect URI."));
        Optional<String> redirectUri = request.get("redirect_uri");
        Optional<String> codeVerifier = request.get("code_verifier");
        if (codeVerifier.isPresent() && !PkceChallenge.isWellFormedVerifier(codeVerifier.get())) {
            throw OAuth2Error.invalidRequest("code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~"
                    + " (RFC 7636 Section 4.1).");
        }

        // A code of another client is as unknown as a made-up one.
        String codeHash = Sha256.hex(code);
        OAuth2Grant grant = storage.findGrant(codeHash)
                .filter(g -> g.clientId().equals(client.getClientId()))
                .orElseThrow(() -> OAuth2Error.invalidGrant("This code is unknown, or was not issued to this"
                        + " client. Codes live " + Lifetimes.CODE.toMinutes() + " minutes:"
                        + " start again with a new authorization request."));
        // A revoked grant was used before (its tokens were revoked): a second use too.
        if (grant.used() || grant.revoked()) {
            throw usedTwice(codeHash);
        }
        Instant now = clock.instant();
        if (!Lifetimes.isLive(grant.expiresAt(), now)) {
            throw OAuth2Error.invalidGrant("This code has expired: codes live " + Lifetimes.CODE.toMinutes()
                    + " minutes. Start again with a new authorization request.");
        }
        // RFC 6749 §4.1.3: the redirect URI of the authorization request, exactly
        // (with a loopback one, its port too).
        if (grant.redirectUriGiven() && redirectUri.isEmpty()) {
            throw OAuth2Error.invalidRequest("redirect_uri is missing: the authorization request named one, so the"
                    + " token request must name the same (RFC 6749 Section 4.1.3).");
        }
        if (redirectUri.isPresent() && !redirectUri.get().equals(grant.redirectUri())) {
            throw OAuth2Error.invalidGrant("redirect_uri is not the one of the authorization request: send exactly "
                    + grant.redirectUri() + " (RFC 6749 Section 4.1.3).");
        }
        checkCodeVerifier(client, grant, codeVerifier);

        TokenResponse response = TokenResponse.generate(grant.scopes(), true);
        NewToken token = NewToken.of(response, now, now.plus(Lifetimes.REFRESH_TOKEN));
        if (!storage.exchangeGrant(codeHash, token, now.plus(Lifetimes.FAMILY))) {
            // Another request used the code between our read and our write, or
            // is using it right now.
            throw usedTwice(codeHash);
        }
        return response;
    }

    /**
     * RFC 7636 §4.6, RFC 9700 §2.1.1 and §4.8.2: a verifier that fits the
     * code's challenge if it has one, and no verifier if it has none.
     */
    private static void checkCodeVerifier(RegisteredClient client, OAuth2Grant grant, Optional<String> codeVerifier) {
        if (grant.codeChallenge() == null) {
            if (PkceChallenge.isRequiredFor(client)) {
                throw OAuth2Error.invalidGrant("This code was issued without PKCE, which a public client must use.");
            }
            // RFC 9700 §4.8.1 (PKCE downgrade): an attacker strips the challenge from their own request and
            // injects the code into the victim's session, whose client then sends its real verifier. §4.8.2: refuse it.
            if (codeVerifier.isPresent()) {
                throw OAuth2Error.invalidGrant("code_verifier was sent, but the authorization request had no"
                        + " code_challenge: send none, or start again with one (RFC 9700 Section 4.8.2).");
            }
            return;
        }
        if (codeVerifier.isEmpty()) {
            throw OAuth2Error.invalidGrant("code_verifier is missing: this code was issued for a code_challenge,"
                    + " so send the code_verifier it was made from (RFC 7636 Section 4.5).");
        }
        if (!PkceChallenge.matches(codeVerifier.get(), grant.codeChallenge())) {
            throw OAuth2Error.invalidGrant("code_verifier does not fit the code_challenge: BASE64URL(SHA256("
                    + "code_verifier)) must equal it (RFC 7636 Section 4.6).");
        }
    }

    /**
     * §4.1.2: a code used twice may have been stolen, and the provider cannot
     * tell which of its users is the thief: every token issued from it is
     * revoked, "when possible": the database may be too busy with the very
     * row to revoke (a first use holding it too long); the refusal stands.
     */
    private OAuth2Error usedTwice(String codeHash) {
        boolean revoked = storage.revokeGrant(codeHash);
        return OAuth2Error.invalidGrant("This code was already used, or is being used by another request right now,"
                + " and a code is good once. " + (revoked
                        ? "Every token issued from it is now revoked (RFC 6749 Section 4.1.2)"
                        : "The tokens issued from it could not be revoked yet: the server is busy")
                + ". Start again with a new authorization request.");
    }
}
