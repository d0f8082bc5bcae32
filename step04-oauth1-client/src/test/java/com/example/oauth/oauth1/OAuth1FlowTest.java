package com.example.oauth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.TutorialOAuth1Api;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.exceptions.OAuthException;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.httpclient.okhttp.OkHttpHttpClient;

/**
 * The whole three-legged dance of RFC 5849 with scribejava, an OAuth 1.0a
 * client written independently of this project, as the client.
 */
class OAuth1FlowTest extends OAuth1Test {

    @Autowired
    RequestTokenRepository requestTokens;

    @Autowired
    AccessTokenRepository accessTokens;

    private OAuth10aService scribe(Credentials client, String callback, String scope) {
        ServiceBuilder builder = new ServiceBuilder(client.key()).apiSecret(client.secret()).callback(callback)
                .httpClient(new OkHttpHttpClient(new okhttp3.OkHttpClient()));
        if (scope != null) {
            builder.withScope(scope);
        }
        return builder.build(new TutorialOAuth1Api(provider()));
    }

    @Test
    void scribejavaCompletesTheDanceAndReadsTheUsername() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile email");
        OAuth10aService service = scribe(client, CALLBACK, null);
        String name = uniqueName("alice");

        OAuth1RequestToken requestToken = service.getRequestToken();
        assertThat(requestToken.isOauthCallbackConfirmed()).isTrue();

        Browser user = loggedInUser(name);
        Page consentPage = user.get(service.getAuthorizationUrl(requestToken));
        assertThat(consentPage.body()).contains(client.key()).contains("profile").contains("email").contains(CALLBACK);
        Page back = consent(user, requestToken.getToken(), "yes");
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location()).startsWith(CALLBACK + "?oauth_token=" + requestToken.getToken() + "&oauth_verifier=");
        String verifier = queryParameter(back.location(), "oauth_verifier");

        OAuth1AccessToken accessToken = service.getAccessToken(requestToken, verifier);

        OAuthRequest me = new OAuthRequest(Verb.GET, provider() + "/api/me");
        service.signRequest(accessToken, me);
        try (Response response = service.execute(me)) {
            assertThat(response.getCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("{\"username\":\"" + name + "\"}");
        }
        // The request token is used up: a second exchange fails.
        assertThatThrownBy(() -> service.getAccessToken(requestToken, verifier)).isInstanceOf(OAuthException.class);
        assertThat(requestTokens.findByToken(requestToken.getToken())).isEmpty();
    }

    @Test
    void theCallbacksOwnQueryIsKept() throws Exception {
        String callback = "http://localhost:8000/authorized?next=%2Fhome";
        Credentials client = registerClient(callback, "profile");
        OAuth10aService service = scribe(client, callback, "profile");

        OAuth1RequestToken requestToken = service.getRequestToken();
        Page back = consent(loggedInUser(uniqueName("q")), requestToken.getToken(), "yes");

        assertThat(back.location()).startsWith(callback + "&oauth_token=");
    }

    @Test
    void theOutOfBandFlowShowsTheVerifier() throws Exception {
        Credentials client = registerClient("oob", "profile");
        OAuth10aService service = scribe(client, "oob", null);
        String name = uniqueName("oob");

        OAuth1RequestToken requestToken = service.getRequestToken();
        Page shown = consent(loggedInUser(name), requestToken.getToken(), "yes");
        assertThat(shown.status()).isEqualTo(200);
        String verifier = shown.body().replaceAll("(?s).*id=\"oauth_verifier\">([A-Za-z0-9]+)<.*", "$1");

        OAuth1AccessToken accessToken = service.getAccessToken(requestToken, verifier);
        OAuthRequest me = new OAuthRequest(Verb.GET, provider() + "/api/me");
        service.signRequest(accessToken, me);
        try (Response response = service.execute(me)) {
            assertThat(response.getBody()).contains(name);
        }
    }

    @Test
    void aRefusalReachesTheClientAndKillsTheRequestToken() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile");
        OAuth10aService service = scribe(client, CALLBACK, null);
        OAuth1RequestToken requestToken = service.getRequestToken();

        Page back = consent(loggedInUser(uniqueName("no")), requestToken.getToken(), "no");

        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location())
                .isEqualTo(CALLBACK + "?oauth_token=" + requestToken.getToken() + "&oauth_problem=permission_denied");
        assertThat(requestTokens.findByToken(requestToken.getToken())).isEmpty();
    }

    @Test
    void aTokenWithoutTheProfileRealmCannotReadTheUsername() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile email");
        OAuth10aService service = scribe(client, CALLBACK, "email");
        OAuth1RequestToken requestToken = service.getRequestToken();
        Page back = consent(loggedInUser(uniqueName("email")), requestToken.getToken(), "yes");
        OAuth1AccessToken accessToken =
                service.getAccessToken(requestToken, queryParameter(back.location(), "oauth_verifier"));

        OAuthRequest me = new OAuthRequest(Verb.GET, provider() + "/api/me");
        service.signRequest(accessToken, me);
        try (Response response = service.execute(me)) {
            assertThat(response.getCode()).isEqualTo(403);
            assertThat(response.getBody()).contains("oauth_problem=permission_denied");
        }
    }

    @Test
    void theConsentPageNeedsALoginAndComesBack() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile");
        OAuth1RequestToken requestToken = scribe(client, CALLBACK, null).getRequestToken();
        Browser visitor = new Browser();

        Page page = visitor.get(provider() + "/oauth/authorize?oauth_token=" + requestToken.getToken());
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/?next=/oauth/authorize?oauth_token%3D" + requestToken.getToken());

        Page login = visitor.follow(page);
        Page loggedIn = visitor.post(provider() + "/", java.util.Map.of("username", uniqueName("later"),
                "next", "/oauth/authorize?oauth_token=" + requestToken.getToken(), "_csrf", login.csrfToken()));
        assertThat(visitor.follow(loggedIn).body()).contains("Allow access?");
    }

    @Test
    void theConsentAnswerNeedsTheCsrfToken() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile");
        OAuth1RequestToken requestToken = scribe(client, CALLBACK, null).getRequestToken();
        Browser user = loggedInUser(uniqueName("csrf"));

        Page answer = user.post(provider() + "/oauth/authorize",
                java.util.Map.of("oauth_token", requestToken.getToken(), "confirm", "yes"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(requestTokens.findByToken(requestToken.getToken()).orElseThrow().isAuthorized()).isFalse();
    }

    @Test
    void anUnknownOrUsedRequestTokenGetsAClearPage() {
        Browser user = loggedInUser(uniqueName("lost"));

        Page page = user.get(provider() + "/oauth/authorize?oauth_token=nope", java.util.Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("unknown, expired or already used");
    }
}
