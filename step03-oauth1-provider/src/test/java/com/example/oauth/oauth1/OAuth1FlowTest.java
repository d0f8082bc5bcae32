package com.example.oauth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.OAuth1ProviderTest;
import com.github.scribejava.core.exceptions.OAuthException;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;

/**
 * The whole three-legged dance of RFC 5849 with scribejava, an OAuth 1.0a
 * client written independently of this project, as the client; and the
 * pages a user meets on the way.
 */
class OAuth1FlowTest extends OAuth1ProviderTest {

    @Autowired
    RequestTokenRepository requestTokens;

    /** GET /api/me, signed by scribejava with this access token: "status body". */
    private String me(OAuth10aService service, OAuth1AccessToken accessToken) throws Exception {
        OAuthRequest me = new OAuthRequest(Verb.GET, provider() + "/api/me");
        service.signRequest(accessToken, me);
        try (Response response = service.execute(me)) {
            return response.getCode() + " " + response.getBody();
        }
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
        assertThat(consentPage.body()).contains(client.key(), "profile", "email", CALLBACK);
        Page back = consent(user, requestToken.getToken(), "yes");
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location()).startsWith(CALLBACK + "?oauth_token=" + requestToken.getToken() + "&oauth_verifier=");
        String verifier = queryParameter(back.location(), "oauth_verifier");
        OAuth1AccessToken accessToken = service.getAccessToken(requestToken, verifier);

        assertThat(me(service, accessToken)).isEqualTo("200 {\"username\":\"" + name + "\"}");
        // The request token is used up: a second exchange fails.
        assertThatThrownBy(() -> service.getAccessToken(requestToken, verifier)).isInstanceOf(OAuthException.class);
        assertThat(requestTokens.findByToken(requestToken.getToken())).isEmpty();
    }

    @Test
    void theOutOfBandFlowShowsTheVerifierOnAPageNoCacheKeeps() throws Exception {
        Credentials client = registerClient("oob", "profile");
        OAuth10aService service = scribe(client, "oob", null);
        String name = uniqueName("oob");

        OAuth1RequestToken requestToken = service.getRequestToken();
        Page shown = consent(loggedInUser(name), requestToken.getToken(), "yes");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.header("Cache-Control")).isEqualTo("no-store");
        String verifier = shown.body().replaceAll("(?s).*id=\"oauth_verifier\">([A-Za-z0-9]+)<.*", "$1");

        assertThat(me(service, service.getAccessToken(requestToken, verifier))).contains(name);
    }

    @Test
    void aTokenWithoutTheProfileRealmIsForbiddenTheUsername() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile email");
        OAuth10aService service = scribe(client, CALLBACK, "email");
        OAuth1RequestToken requestToken = service.getRequestToken();
        Page back = consent(loggedInUser(uniqueName("email")), requestToken.getToken(), "yes");
        OAuth1AccessToken accessToken =
                service.getAccessToken(requestToken, queryParameter(back.location(), "oauth_verifier"));

        assertThat(me(service, accessToken)).startsWith("403 ").contains("oauth_problem=permission_denied");
    }

    @Test
    void theConsentPageNeedsALoginAndItsAnswerTheCsrfTokenAndAYesOrNo() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile");
        String token = scribe(client, CALLBACK, null).getRequestToken().getToken();
        Browser user = new Browser();

        Page page = user.get(provider() + "/oauth/authorize?oauth_token=" + token, Map.of("Host", "evil.example"));
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/?next=/oauth/authorize?oauth_token%3D" + token);
        Page loggedIn = user.post(provider() + "/", Map.of("username", uniqueName("later"),
                "next", "/oauth/authorize?oauth_token=" + token, "_csrf", user.follow(page).csrfToken()));
        assertThat(user.follow(loggedIn).body()).contains("Allow access?");

        Page noCsrf = user.post(provider() + "/oauth/authorize", Map.of("oauth_token", token, "confirm", "yes"));
        Page maybe = consent(user, token, "Yes");
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(requestTokens.findByToken(token).orElseThrow().getVerifierHash()).isNull();
    }

    @Test
    void aNoReachesTheClientAndKillsTheRequestToken() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile");
        String token = scribe(client, CALLBACK, null).getRequestToken().getToken();
        Browser user = loggedInUser(uniqueName("no"));

        Page no = consent(user, token, "no");

        assertThat(no.status()).isEqualTo(303);
        assertThat(no.location()).isEqualTo(CALLBACK + "?oauth_token=" + token + "&oauth_problem=permission_denied");
        assertThat(requestTokens.findByToken(token)).isEmpty();
        Page gone = user.get(provider() + "/oauth/authorize?oauth_token=" + token, Map.of("Accept", "text/html"));
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.body()).contains("unknown, expired or already used");
    }
}
