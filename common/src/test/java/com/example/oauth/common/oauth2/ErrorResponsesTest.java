package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shapes of the answers: RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3. */
class ErrorResponsesTest {

    @Test
    void aTokenEndpointErrorIsJsonWithErrorAndDescription() {
        OAuth2Error error = OAuth2Error.invalidGrant("This code has expired.");

        assertThat(error.getStatus()).isEqualTo(400);
        assertThat(error.getWwwAuthenticate()).isNull();
        assertThat(error.toJson()).containsExactly(Map.entry("error", "invalid_grant"),
                Map.entry("error_description", "This code has expired."));
    }

    @Test
    void everyErrorCodeHasItsStatus() {
        assertThat(List.of(OAuth2Error.invalidRequest("x"), OAuth2Error.invalidGrant("x"),
                OAuth2Error.unauthorizedClient("x"), OAuth2Error.unsupportedGrantType("x"),
                OAuth2Error.invalidScope("x"))).extracting(OAuth2Error::getStatus).containsOnly(400);
        assertThat(List.of(OAuth2Error.invalidRequest("x"), OAuth2Error.invalidGrant("x"),
                OAuth2Error.unauthorizedClient("x"), OAuth2Error.unsupportedGrantType("x"),
                OAuth2Error.invalidScope("x"))).extracting(OAuth2Error::getError).containsExactly(
                        "invalid_request", "invalid_grant", "unauthorized_client", "unsupported_grant_type",
                        "invalid_scope");
    }

    @Test
    void aRevocationThatMustWaitIs503WithRetryAfter() {
        // RFC 7009 §2.2.1.
        OAuth2Error error = OAuth2Error.temporarilyUnavailable("Try again.");

        assertThat(error.getStatus()).isEqualTo(503);
        assertThat(error.getRetryAfter()).isEqualTo("1");
        assertThat(error.getWwwAuthenticate()).isNull();
        assertThat(error.toJson()).containsEntry("error", "temporarily_unavailable");
        assertThat(OAuth2Error.invalidGrant("x").getRetryAfter()).isNull();
    }

    @Test
    void anInvalidClientIs401WithABasicChallenge() {
        OAuth2Error error = OAuth2Error.invalidClient("The client secret is wrong.");

        assertThat(error.getStatus()).isEqualTo(401);
        assertThat(error.getWwwAuthenticate()).isEqualTo("Basic realm=\"oauth\"");
        assertThat(error.toJson()).containsEntry("error", "invalid_client");
    }

    @Test
    void descriptionsStayWithinTheCharactersTheRfcAllows() {
        // §5.2: %x20-21 / %x23-5B / %x5D-7E: no '"', no '\', nothing outside printable ASCII.
        OAuth2Error error = OAuth2Error.invalidScope("Unknown scope \"adm\\in\" é\n");

        assertThat(error.getMessage()).isEqualTo("Unknown scope 'adm/in' ??");
        assertThat(error.getMessage()).matches("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]*");
    }

    @Test
    void aRequestWithoutTokenGetsABareBearerChallenge() {
        BearerTokenError error = BearerTokenError.noToken();

        assertThat(error.getStatus()).isEqualTo(401);
        assertThat(error.wwwAuthenticate("api")).isEqualTo("Bearer realm=\"api\"");
        assertThat(error.toJson()).containsOnlyKeys("error_description");
    }

    @Test
    void aBadTokenGetsItsErrorInTheChallenge() {
        assertThat(BearerTokenError.invalidToken("Expired.").wwwAuthenticate("api"))
                .isEqualTo("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"Expired.\"");
        assertThat(BearerTokenError.invalidToken("x").getStatus()).isEqualTo(401);
        assertThat(BearerTokenError.invalidRequest("x").getStatus()).isEqualTo(400);
    }

    @Test
    void anInsufficientScopeNamesTheScopeNeeded() {
        BearerTokenError error = BearerTokenError.insufficientScope("profile", "Needs \"profile\".");

        assertThat(error.getStatus()).isEqualTo(403);
        assertThat(error.wwwAuthenticate("api")).isEqualTo("Bearer realm=\"api\", error=\"insufficient_scope\","
                + " error_description=\"Needs 'profile'.\", scope=\"profile\"");
        assertThat(error.toJson()).containsExactly(Map.entry("error", "insufficient_scope"),
                Map.entry("error_description", "Needs 'profile'."), Map.entry("scope", "profile"));
    }

    @Test
    void anAuthorizationResponseIsAddedToTheRedirectUrisQuery() {
        assertThat(AuthorizationResponse.code("https://app.example/cb", "abc", "x y&z=1+2", "http://127.0.0.1:5000")
                .location()).isEqualTo("https://app.example/cb?code=abc&state=x+y%26z%3D1%2B2"
                        + "&iss=http%3A%2F%2F127.0.0.1%3A5000");
        assertThat(AuthorizationResponse.code("https://app.example/cb?keep=1", "abc", null, "https://as")
                .location()).isEqualTo("https://app.example/cb?keep=1&code=abc&iss=https%3A%2F%2Fas");
    }

    @Test
    void anAuthorizationErrorGoesBackOrStays() {
        AuthorizationError back = AuthorizationError.backToClient("https://app.example/cb", "invalid_scope",
                "Unknown scope \"x\".", "s", "https://as");
        assertThat(back.isRedirect()).isTrue();
        assertThat(back.getRedirect().location()).isEqualTo("https://app.example/cb?error=invalid_scope"
                + "&error_description=Unknown+scope+%27x%27.&state=s&iss=https%3A%2F%2Fas");

        AuthorizationError stay = AuthorizationError.showToUser("No such client.");
        assertThat(stay.isRedirect()).isFalse();
        assertThat(stay.getRedirect()).isNull();
    }

    @Test
    void aTokenResponseHasTheFieldsOfSection51() {
        assertThat(new TokenResponse("a", 3600, "r", List.of("profile", "email")).toJson()).containsExactly(
                Map.entry("access_token", "a"), Map.entry("token_type", "Bearer"), Map.entry("expires_in", 3600L),
                Map.entry("refresh_token", "r"), Map.entry("scope", "profile email"));
        assertThat(new TokenResponse("a", 3600, null, List.of("email")).toJson()).doesNotContainKey("refresh_token");
    }
}
