package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.TutorialOAuth2Api;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuth2AccessTokenErrorResponse;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.AuthorizationUrlBuilder;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.oauth2.clientauthentication.RequestBodyAuthenticationScheme;
import com.github.scribejava.core.pkce.PKCE;
import com.github.scribejava.core.revoke.TokenTypeHint;
import com.github.scribejava.httpclient.okhttp.OkHttpHttpClient;

/**
 * The whole authorization code dance with scribejava, an OAuth 2 client
 * written independently of this project, as the client: authorize, consent,
 * code, token, the API, refresh, revoke; and introspection by hand, which
 * scribejava does not do.
 */
class OAuth2FlowTest extends OAuth2Test {

    /** A confidential client: scribejava authenticates it with Basic, its default. */
    private OAuth20Service confidential(Registration client, String scope) {
        return new ServiceBuilder(client.id()).apiSecret(client.secret()).callback(CALLBACK).defaultScope(scope)
                .httpClient(new OkHttpHttpClient(new okhttp3.OkHttpClient()))
                .build(new TutorialOAuth2Api(provider()));
    }

    /** A public client: its client_id in the body, no secret. */
    private OAuth20Service publicClient(Registration client, String scope) {
        return new ServiceBuilder(client.id()).callback(CALLBACK).defaultScope(scope)
                .httpClient(new OkHttpHttpClient(new okhttp3.OkHttpClient()))
                .build(new TutorialOAuth2Api(provider(), RequestBodyAuthenticationScheme.instance()));
    }

    private Response me(OAuth20Service service, String accessToken) throws Exception {
        OAuthRequest request = new OAuthRequest(Verb.GET, provider() + "/api/me");
        service.signRequest(accessToken, request);
        return service.execute(request);
    }

    @Test
    void aConfidentialClientCompletesTheDanceWithBasic() throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile email");
        OAuth20Service service = confidential(client, "profile email");
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
        String code = queryParameter(back.location(), "code");

        // Token.
        OAuth2AccessToken token = service.getAccessToken(code);
        assertThat(token.getTokenType()).isEqualTo("Bearer");
        assertThat(token.getExpiresIn()).isEqualTo(3600);
        assertThat(token.getScope()).isEqualTo("profile email");
        assertThat(token.getRefreshToken()).isNotBlank();

        // The API.
        try (Response response = me(service, token.getAccessToken())) {
            assertThat(response.getCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("{\"username\":\"" + name + "\"}");
        }

        // Introspection, by hand: scribejava has none.
        Answer introspection = post("/oauth/introspect", client, "token", token.getAccessToken());
        assertThat(introspection.status()).isEqualTo(200);
        assertThat(introspection.header("Cache-Control")).isEqualTo("no-store");
        assertThat(introspection.json().get("active").asBoolean()).isTrue();
        assertThat(introspection.json().get("username").asString()).isEqualTo(name);

        // The code is good once, and its second use revokes what it gave (RFC 6749 §4.1.2).
        assertThatThrownBy(() -> service.getAccessToken(code))
                .isInstanceOfSatisfying(OAuth2AccessTokenErrorResponse.class,
                        e -> assertThat(e.getError().getErrorString()).isEqualTo("invalid_grant"));
        try (Response response = me(service, token.getAccessToken())) {
            assertThat(response.getCode()).isEqualTo(401);
        }
        assertThat(post("/oauth/introspect", client, "token", token.getAccessToken()).json().get("active")
                .asBoolean()).isFalse();
    }

    @Test
    void aConfidentialClientRefreshesRevokesAndIntrospects() throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile");
        OAuth20Service service = confidential(client, "profile");
        String name = uniqueName("bob");
        String code = code(loggedInUser(name), service.getAuthorizationUrl("s"));
        OAuth2AccessToken first = service.getAccessToken(code);

        // Refresh: a new pair; the old refresh token is used up.
        OAuth2AccessToken second = service.refreshAccessToken(first.getRefreshToken());
        assertThat(second.getAccessToken()).isNotEqualTo(first.getAccessToken());
        assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
        try (Response response = me(service, second.getAccessToken())) {
            assertThat(response.getBody()).contains(name);
        }

        // Introspection of a live token.
        Answer introspection = post("/oauth/introspect", client, "token", second.getAccessToken());
        assertThat(introspection.status()).isEqualTo(200);
        assertThat(introspection.json().get("active").asBoolean()).isTrue();
        assertThat(introspection.json().get("username").asString()).isEqualTo(name);
        assertThat(introspection.json().get("client_id").asString()).isEqualTo(client.id());
        assertThat(introspection.json().get("scope").asString()).isEqualTo("profile");

        // Revocation ends the grant: both tokens die.
        service.revokeToken(second.getAccessToken(), TokenTypeHint.ACCESS_TOKEN);
        try (Response response = me(service, second.getAccessToken())) {
            assertThat(response.getCode()).isEqualTo(401);
        }
        assertThatThrownBy(() -> service.refreshAccessToken(second.getRefreshToken()))
                .isInstanceOf(OAuth2AccessTokenErrorResponse.class);
        assertThat(post("/oauth/introspect", client, "token", second.getAccessToken()).json().get("active")
                .asBoolean()).isFalse();
    }

    @Test
    void aPublicClientCompletesTheDanceWithPkceAlone() throws Exception {
        Registration client = publicClient(CALLBACK, "profile");
        assertThat(client.secret()).isNull();
        OAuth20Service service = publicClient(client, "profile");
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

    @Test
    void aDeniedRequestReachesTheClientAsAccessDenied() throws Exception {
        Registration client = confidentialClient(CALLBACK, "profile");
        OAuth20Service service = confidential(client, "profile");
        Browser user = loggedInUser(uniqueName("erin"));

        Page back = answer(user, user.get(service.getAuthorizationUrl("no-thanks")), "no");

        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location()).startsWith(CALLBACK + "?error=access_denied&error_description=");
        assertThat(queryParameter(back.location(), "state")).isEqualTo("no-thanks");
        assertThat(queryParameter(back.location(), "iss")).isEqualTo(provider());
        assertThat(rows(client).codes()).isZero();
    }
}
