package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;

/**
 * A protected resource's check (RFC 6750): the token in the Authorization
 * header only, and the status and challenge of §3 for every refusal.
 */
class BearerTokenCheckTest extends EngineTest {

    private BearerTokenError refusedWith(String authorization, int status, String error) {
        BearerTokenError refusal = refusal(BearerTokenError.class,
                () -> provider.checkBearerToken(authorization, "profile"));
        assertThat(refusal.getStatus()).as(authorization).isEqualTo(status);
        assertThat(refusal.toJson().get("error")).as(authorization).isEqualTo(error);
        return refusal;
    }

    @Test
    void aGoodTokenNamesItsUser() {
        TokenResponse tokens = webTokens();

        OAuth2Token token = provider.checkBearerToken("Bearer " + tokens.accessToken(), "profile");

        assertThat(token.username()).isEqualTo("alice");
        assertThat(token.scopes()).containsExactly("profile", "email");
        // RFC 9110 §11.1: the scheme is case-insensitive.
        assertThat(provider.checkBearerToken("bearer " + tokens.accessToken(), "profile").username())
                .isEqualTo("alice");
    }

    @Test
    void noTokenOrAnotherSchemeGetsABareChallenge() {
        // §3.1: no error code when the request had no token at all.
        BearerTokenError none = refusedWith(null, 401, null);
        assertThat(none.wwwAuthenticate("api")).isEqualTo("Bearer realm=\"api\"");
        assertThat(none.getMessage()).contains("Authorization: Bearer");
        // Another scheme, even one that starts like it, is no Bearer token at all.
        String token = webTokens().accessToken();
        for (String header : List.of("Basic d2ViOndlYi1zZWNyZXQ=", "BearerToken " + token, "Token " + token)) {
            refusedWith(header, 401, null);
        }
    }

    @Test
    void aMalformedHeaderIsABadRequestNotNoToken() {
        // §2.1: "Bearer", one or more spaces, the token. The scheme is Bearer
        // all the same, so the request is malformed (§3.1), not unauthenticated.
        String token = webTokens().accessToken();
        for (String header : List.of("Bearer", "Bearer  ", "Bearer a b", "Bearer <token>", "Bearer\t" + token,
                "Bearer," + token, "Bearer:" + token, "Bearer\t")) {
            BearerTokenError error = refusedWith(header, 400, "invalid_request");
            assertThat(error.wwwAuthenticate("api"))
                    .startsWith("Bearer realm=\"api\", error=\"invalid_request\", error_description=\"");
        }
    }

    @Test
    void anUnknownExpiredOrRevokedTokenIsInvalid() {
        refusedWith("Bearer made-up-token", 401, "invalid_token");

        TokenResponse tokens = webTokens();
        clock.pass(Duration.ofMinutes(59));
        provider.checkBearerToken("Bearer " + tokens.accessToken(), "profile");
        clock.pass(Duration.ofMinutes(1));
        refusedWith("Bearer " + tokens.accessToken(), 401, "invalid_token");

        // Only the family's flag is set; the token itself is untouched.
        String code = webCode();
        TokenResponse fresh = provider.token(web("grant_type", "authorization_code", "code", code));
        storage.grants.get(Sha256.hex(code)).revoked = true;
        BearerTokenError error = refusedWith("Bearer " + fresh.accessToken(), 401, "invalid_token");
        assertThat(error.wwwAuthenticate("api"))
                .startsWith("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"");
    }

    @Test
    void aTokenWithoutTheScopeIsInsufficient() {
        String code = code("client_id", "web", "scope", "email");
        TokenResponse tokens = provider.token(web("grant_type", "authorization_code", "code", code));

        BearerTokenError error = refusedWith("Bearer " + tokens.accessToken(), 403, "insufficient_scope");

        assertThat(error.wwwAuthenticate("api")).startsWith("Bearer realm=\"api\", error=\"insufficient_scope\"")
                .endsWith(", scope=\"profile\"");
        assertThat(error.toJson()).containsEntry("scope", "profile");
    }
}
