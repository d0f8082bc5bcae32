package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;

import okhttp3.HttpUrl;

/**
 * Spring Security's OAuth2 Login signs in and out against the step's own provider, over real HTTP,
 * every redirect seen: discovery from the issuer alone, PKCE and a nonce, the id_token checked by
 * its JWKS, UserInfo, and the logout through the end-session endpoint back to the client app.
 */
class SignInTest {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final String provider = RunningDemo.PROVIDER;
    private final String app = RunningDemo.CLIENT_APP;

    @Test
    void signsInByDiscoveryAndLogsOutAtTheProviderToo() {
        Browser browser = new Browser();
        String name = "reader-" + Long.toString(System.nanoTime(), 36);
        HttpUrl request = startSignIn(browser);
        assertThat(request.queryParameter("scope")).isEqualTo("openid profile");
        assertThat(request.queryParameter("redirect_uri")).isEqualTo(app + "/login/oauth2/code/tutorial");
        assertThat(request.queryParameter("code_challenge_method")).isEqualTo("S256");
        assertThat(request.queryParameter("nonce")).hasSize(43);

        Page home = browser.follow(allow(browser, logIn(browser, request, name)));

        assertThat(home.url()).isEqualTo(app + "/");
        assertThat(home.body()).contains("Hello, <span id=\"name\">" + name + "</span>")
                .contains("&quot;kid&quot;:&quot;")
                .contains("&quot;nonce&quot;:&quot;" + request.queryParameter("nonce"));
        String dance = browser.get(app + "/dance").body();
        assertThat(dance).contains("data-kind=\"AUTHORIZATION_REQUEST\"", "data-kind=\"AUTHORIZATION_RESPONSE\"",
                "data-kind=\"TOKEN_REQUEST\"", "data-kind=\"USERINFO\"", "✓ state is the one this browser",
                "✓ S256(code_verifier) = " + request.queryParameter("code_challenge"),
                "✓ id_token signature: RS256, verified with the provider&#39;s key kid=", "✓ iss is " + provider,
                "✓ exp ", "✓ nonce is " + request.queryParameter("nonce"))
                .containsPattern("✓ aud \\[demo-\\w+\\] holds this app&#39;s client_id demo-")
                .containsPattern("\\(base64 of &quot;demo-\\w+:\\w{6}…\\(40\\)&quot;\\)")
                .containsPattern("&quot;id_token&quot;:&quot;eyJ[\\w-]+\\.eyJ[\\w-]+\\.[\\w-]{6}…\\(\\d+\\)&quot;")
                .doesNotContain("✗").doesNotContain("class=\"error failure\"");

        assertThat(new Browser().post(app + "/logout", Map.of()).status()).as("no CSRF token").isEqualTo(403);
        Page endSession = browser.post(app + "/logout", Map.of("_csrf", home.csrfToken()));
        HttpUrl logout = HttpUrl.get(endSession.location());
        assertThat(logout.toString()).startsWith(provider + "/oauth/logout?");
        assertThat(logout.queryParameter("id_token_hint")).startsWith("eyJ");
        assertThat(logout.queryParameter("post_logout_redirect_uri")).isEqualTo(app + "/");
        Page confirm = browser.get(logout.toString());
        Page back = browser.follow(browser.post(provider + "/oauth/logout", hiddenFields(confirm)));
        assertThat(back.url()).startsWith(app + "/");
        assertThat(back.body()).contains("<h1>Logged out</h1>");
        assertThat(browser.get(app + "/dance").body()).contains("data-kind=\"LOGOUT_REQUEST\"",
                "data-kind=\"LOGOUT_RESPONSE\"").containsPattern("id_token_hint=eyJ[\\w-]+\\.eyJ[\\w-]+\\.[\\w-]{6}…");
        // Logged out of both: the next sign-in asks the provider's login again.
        assertThat(browser.follow(browser.get(app + "/")).url()).startsWith(provider + "/?next=");
    }

    @Test
    void anAnswerForASignInThisBrowserNeverStartedIsRefused() {
        Browser attacker = new Browser();
        Page answer = allow(attacker, logIn(attacker, startSignIn(attacker), "attacker"));
        Browser victim = new Browser();
        startSignIn(victim);

        // RFC 6749 §10.12: the attacker's code, in the victim's browser: no sign-in of the victim's has its state.
        Page refused = victim.follow(victim.get(answer.location()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("authorization_request_not_found");
        assertThat(victim.get(app + "/").location()).endsWith("/oauth2/authorization/tutorial");
    }

    /** "/", then Spring's redirect to the provider: the authentication request. */
    private HttpUrl startSignIn(Browser browser) {
        Page home = browser.get(app + "/");
        assertThat(home.location()).isEqualTo("/oauth2/authorization/tutorial");
        HttpUrl request = HttpUrl.get(browser.get(home.resolve(home.location())).location());
        assertThat(request.toString()).startsWith(provider + "/oauth/authorize?");
        return request;
    }

    /** The provider's login page, then its consent page. */
    private Page logIn(Browser browser, HttpUrl request, String name) {
        Page login = browser.follow(browser.get(request.toString()));
        return browser.follow(browser.post(provider + "/", Map.of("username", name, "_csrf", login.csrfToken(),
                "next", HttpUrl.get(login.url()).queryParameter("next"))));
    }

    /** Allow on the consent page: the provider's redirect to the client app's redirect URI. */
    private Page allow(Browser browser, Page consent) {
        Map<String, String> form = hiddenFields(consent);
        form.put("confirm", "yes");
        return browser.post(provider + "/oauth/authorize", form);
    }

    private static Map<String, String> hiddenFields(Page page) {
        Map<String, String> form = new HashMap<>();
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            form.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        return form;
    }
}
