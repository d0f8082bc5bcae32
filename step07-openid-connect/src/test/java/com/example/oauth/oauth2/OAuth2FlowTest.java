package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuth2AccessTokenErrorResponse;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.AuthorizationUrlBuilder;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.pkce.PKCE;
import com.github.scribejava.core.revoke.TokenTypeHint;

/**
 * The whole authorization code dance with scribejava, an OAuth 2 client
 * written independently of this project, as the client: authorize, consent,
 * code, token, the API, refresh, revoke; and introspection by hand, which
 * scribejava does not do. (A denial: AuthorizationEndpointTest.)
 */
class OAuth2FlowTest extends OAuth2Test {

    private Response me(OAuth20Service service, String accessToken) throws Exception {
        OAuthRequest request = new OAuthRequest(Verb.GET, provider() + "/api/me");
        service.signRequest(accessToken, request);
        return service.execute(request);
    }

    @Test
    void aConfidentialClientCompletesTheDanceWithBasicThenRefreshesAndRevokes() throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile email");
        OAuth20Service service = scribe(client, "profile email");
        String name = uniqueName("alice");
        Browser user = loggedInUser(name);

        // Authorize: scribejava builds the link, the user sees the consent page.
        Page consent = user.get(service.getAuthorizationUrl("state-42"));
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.body()).contains(client.id()).contains("profile").contains("email").contains(CALLBACK);

        // Consent: back to the client with a code, the state and the issuer.
        Page back = answer(user, consent, "yes");
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location()).startsWith(CALLBACK + "?code=");
        assertThat(queryParameter(back.location(), "state")).isEqualTo("state-42");
        assertThat(queryParameter(back.location(), "iss")).isEqualTo(provider());

        // Token.
        OAuth2AccessToken first = service.getAccessToken(queryParameter(back.location(), "code"));
        assertThat(first.getTokenType()).isEqualTo("Bearer");
        assertThat(first.getExpiresIn()).isEqualTo(3600);
        assertThat(first.getScope()).isEqualTo("profile email");
        assertThat(first.getRefreshToken()).isNotBlank();

        // The API: personal data, which no cache may keep, sent in one piece, not in chunks.
        try (Response response = me(service, first.getAccessToken())) {
            assertThat(response.getCode()).isEqualTo(200);
            String body = response.getBody();
            assertThat(body).isEqualTo("{\"username\":\"" + name + "\"}");
            assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
            assertThat(response.getHeader("Content-Length")).isEqualTo(String.valueOf(body.length()));
        }

        // Refresh: a new pair; the old refresh token is used up.
        OAuth2AccessToken second = service.refreshAccessToken(first.getRefreshToken());
        assertThat(second.getAccessToken()).isNotEqualTo(first.getAccessToken());
        assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());

        // Introspection, by hand: scribejava has none.
        Answer introspection = post("/oauth/introspect", client, "token", second.getAccessToken());
        assertThat(introspection.status()).isEqualTo(200);
        assertThat(introspection.header("Cache-Control")).isEqualTo("no-store");
        assertThat(introspection.json().get("active").asBoolean()).isTrue();
        assertThat(introspection.json().get("username").asString()).isEqualTo(name);
        assertThat(introspection.json().get("client_id").asString()).isEqualTo(client.id());
        assertThat(introspection.json().get("scope").asString()).isEqualTo("profile email");

        // Revocation ends the grant: both tokens die, and scribejava reads the refusal that follows.
        service.revokeToken(second.getAccessToken(), TokenTypeHint.ACCESS_TOKEN);
        try (Response response = me(service, second.getAccessToken())) {
            assertThat(response.getCode()).isEqualTo(401);
        }
        assertThatThrownBy(() -> service.refreshAccessToken(second.getRefreshToken()))
                .isInstanceOfSatisfying(OAuth2AccessTokenErrorResponse.class,
                        e -> assertThat(e.getError().getErrorString()).isEqualTo("invalid_grant"));
        assertThat(post("/oauth/introspect", client, "token", second.getAccessToken()).json().get("active")
                .asBoolean()).isFalse();
    }

    @Test
    void aPublicClientCompletesTheDanceWithPkceAlone() throws Exception {
        Registration client = publicClient(CALLBACK, "profile");
        OAuth20Service service = scribe(client, "profile");
        String name = uniqueName("carol");

        AuthorizationUrlBuilder url = service.createAuthorizationUrlBuilder().state("pkce-state").initPKCE();
        String authorizationUrl = url.build();
        PKCE pkce = url.getPkce();
        assertThat(authorizationUrl).contains("code_challenge_method=S256");
        String code = code(loggedInUser(name), authorizationUrl);

        OAuth2AccessToken token = service.getAccessToken(
                AccessTokenRequestParams.create(code).pkceCodeVerifier(pkce.getCodeVerifier()));
        try (Response response = me(service, token.getAccessToken())) {
            assertThat(response.getCode()).isEqualTo(200);
            assertThat(response.getBody()).contains(name);
        }

        // A public client refreshes and revokes with its client_id alone.
        OAuth2AccessToken refreshed = service.refreshAccessToken(token.getRefreshToken());
        service.revokeToken(refreshed.getRefreshToken(), TokenTypeHint.REFRESH_TOKEN);
        try (Response response = me(service, refreshed.getAccessToken())) {
            assertThat(response.getCode()).isEqualTo(401);
        }
    }
}
