package com.example.oauth.oauth2;

import static com.example.oauth.common.testing.ClientAppUnderTest.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.example.clientapp.common.ClientApplication;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.RawHttp;

/**
 * The client app and the provider together, as a reader plays them: a
 * cookie-keeping client starts at the client app on localhost, logs in and
 * consents at the provider on 127.0.0.1, and lands back on the client app.
 */
class ClientAppTest extends ClientAppTestBase {

    /** From the client app's home to the consent page, logging in on the way. */
    private Page toConsentPage(Browser browser, String username) {
        Page start = browser.get(clientUrl + "/");
        assertThat(start.status()).isEqualTo(302);
        String authorize = start.location();
        assertThat(authorize).startsWith(provider() + "/oauth/authorize?");
        // RFC 7636 and RFC 6749 §10.12: the client app sends a challenge and a state.
        assertThat(queryParameter(authorize, "code_challenge_method")).isEqualTo("S256");
        assertThat(queryParameter(authorize, "code_challenge")).hasSize(43);
        assertThat(queryParameter(authorize, "state")).hasSizeGreaterThanOrEqualTo(32);

        Page login = browser.follow(start);
        assertThat(login.url()).startsWith(provider() + "/?next=");
        Page loggedIn = browser.post(provider() + "/", Map.of("username", username,
                "next", okhttp3.HttpUrl.get(login.url()).queryParameter("next"), "_csrf", login.csrfToken()));
        Page consent = browser.follow(loggedIn);
        assertThat(consent.body()).contains("Allow access?").contains(clientUrl + "/authorized");
        return consent;
    }

    private long liveTokensOf(String username) {
        return jdbc.queryForObject("select count(*) from token t join users u on t.user_id = u.id"
                + " where u.username = ? and not t.revoked", Long.class, username);
    }

    @Test
    void theWholeDanceEndsOnTheUsername() {
        Browser browser = new Browser();
        String name = uniqueName("reader");

        Page consent = toConsentPage(browser, name);
        String sessionBefore = browser.cookie("JSESSIONID", "localhost");
        Page back = answer(browser, consent, "yes");
        assertThat(back.location()).startsWith(clientUrl + "/authorized?code=");
        // The client chooses the Host header: the app's own redirect never names it.
        Page signedIn = browser.get(back.location(), Map.of("Host", "evil.example"));
        assertThat(signedIn.location()).isEqualTo("/");
        Page result = browser.follow(signedIn);

        assertThat(result.url()).isEqualTo(clientUrl + "/");
        assertThat(result.body()).contains("<span id=\"username\">" + name + "</span>");
        // One session per host name: neither app overwrote the other's cookie.
        // Signed in with a new session id: one planted before is worth nothing.
        assertThat(browser.cookie("JSESSIONID", "localhost")).isNotNull().isNotEqualTo(sessionBefore);
        assertThat(browser.cookie("JSESSIONID", "127.0.0.1")).isNotNull()
                .isNotEqualTo(browser.cookie("JSESSIONID", "localhost"));
        assertThat(liveTokensOf(name)).isEqualTo(1);
    }

    @Test
    void logoutRevokesTheTokensAndASecondSignInSkipsTheLogin() {
        Browser browser = new Browser();
        String name = uniqueName("again");
        Page home = browser.follow(answer(browser, toConsentPage(browser, name), "yes"));

        Page out = browser.post(clientUrl + "/logout", Map.of("_csrf", home.csrfToken()));
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.body()).contains("revoked its tokens");
        assertThat(liveTokensOf(name)).isZero();

        Page consent = browser.follow(browser.get(clientUrl + "/"));
        assertThat(consent.url()).startsWith(provider() + "/oauth/authorize");
        assertThat(consent.body()).contains("Allow access?").contains(name);
        assertThat(browser.follow(answer(browser, consent, "yes")).body()).contains(name);
    }

    @Test
    void logoutNeedsTheCsrfToken() {
        Browser browser = new Browser();
        String name = uniqueName("stay");
        browser.follow(answer(browser, toConsentPage(browser, name), "yes"));

        assertThat(browser.post(clientUrl + "/logout", Map.of()).status()).isEqualTo(403);
        assertThat(liveTokensOf(name)).isEqualTo(1);
    }

    @Test
    void aRefusalShowsAClearPage() {
        Browser browser = new Browser();

        Page result = browser.follow(answer(browser, toConsentPage(browser, uniqueName("refuser")), "no"));

        // The user said no: nothing failed, so a normal page.
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("Access denied").contains("did not allow").contains("href=\"/dance\"");
    }

    @Test
    void aCodeTheProviderRefusesIsNotABadGateway() {
        Browser browser = new Browser();
        String state = queryParameter(browser.get(clientUrl + "/").location(), "state");

        Page page = browser.get(clientUrl + "/authorized?code=unknown&state=" + state + "&iss=" + provider(),
                Map.of("Accept", "text/html"));

        // RFC 6749 §5.2: the token endpoint said invalid_grant; nothing failed on the way.
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("The provider refused to give this app tokens (invalid_grant");
        Page dance = browser.get(clientUrl + "/dance");
        assertThat(dance.body()).contains("The provider refused this call: status 400 (invalid_grant).");
    }

    @Test
    void aMalformedEscapeIsTheBrowsersBadRequest() throws IOException {
        // Sent as typed: an HTTP library would repair the escapes.
        for (String request : new String[] {
                "GET /authorized?code=%zz&state=x HTTP/1.1\r\n\r\n",
                "GET /authorized?code=x&state=%e9 HTTP/1.1\r\n\r\n",
                "POST /logout HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\na=%zz"}) {
            String answer = RawHttp.send(clientUrl, request);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("a %-escape is malformed").contains("Client app")
                    .doesNotContain("Exception").doesNotContain("provider");
        }
    }

    @Test
    void theDancePageOfAFreshBrowserSaysToSignInFirst() {
        Page page = new Browser().get(clientUrl + "/dance");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in first").doesNotContain("class=\"leg");
    }

    @Test
    void theDancePageEscapesWhatItShows() {
        Browser browser = new Browser();
        browser.get(clientUrl + "/");

        browser.get(clientUrl + "/authorized?code=x&state=%3Cscript%3Ealert(1)%3C%2Fscript%3E&iss=%3Cb%3E");
        Page dance = browser.get(clientUrl + "/dance");

        assertThat(dance.body()).doesNotContain("<script>").doesNotContain("<b>")
                .contains("its state does not match").contains("class=\"error failure\"")
                // the step's own list, from its clientapp/dance-secrets.ftlh
                .containsPattern("Secrets \\(codes, verifiers, tokens, the\\s+client secret\\)\\s+show");
    }

    @Test
    void anAnswerWithAnotherStateIsRefused() {
        Browser browser = new Browser();
        Page back = answer(browser, toConsentPage(browser, uniqueName("csrf")), "yes");
        String code = queryParameter(back.location(), "code");

        Page page = browser.get(clientUrl + "/authorized?code=" + code + "&state=forged", Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("its state does not match");
    }

    @Test
    void anAnswerFromAnotherIssuerIsRefused() {
        Browser browser = new Browser();
        String state = queryParameter(browser.get(clientUrl + "/").location(), "state");

        Page page = browser.get(clientUrl + "/authorized?code=x&state=" + state + "&iss=http://evil.example",
                Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("comes from the issuer").contains("Client app");
    }

    @Test
    void anAnswerWithoutIssIsRefused() {
        Browser browser = new Browser();
        String state = queryParameter(browser.get(clientUrl + "/").location(), "state");

        Page page = browser.get(clientUrl + "/authorized?code=x&state=" + state, Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("comes from the issuer");
    }

    @Test
    void anAnswerThisBrowserDidNotAskForIsRefused() {
        Page page = new Browser().get(clientUrl + "/authorized?code=planted&state=x", Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("does not belong to a sign-in started in this browser");
    }

    @Test
    void anExpiredAccessTokenIsRefreshed() {
        Browser browser = new Browser();
        String name = uniqueName("refresh");
        browser.follow(answer(browser, toConsentPage(browser, name), "yes"));
        // As if an hour had passed at the provider.
        jdbc.update("update token set expires_at = ? where user_id = (select id from users where username = ?)",
                Timestamp.from(Instant.now().minusSeconds(1)), name);

        Page page = browser.get(clientUrl + "/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<span id=\"username\">" + name + "</span>");
        // The refresh token rotated: the old one is used, a new pair is live.
        assertThat(jdbc.queryForObject("select count(*) from token t join users u on t.user_id = u.id"
                + " where u.username = ? and t.refresh_token_used", Long.class, name)).isEqualTo(1);
        // The dance page shows the refresh (RFC 6749 §6), its refresh token masked.
        assertThat(browser.get(clientUrl + "/dance").body()).contains("data-kind=\"REFRESH\"")
                .containsPattern("refresh_token=[A-Za-z0-9]{6}…\\(\\d+\\)&amp;grant_type=refresh_token");
    }

    @Test
    void revokedTokensSendTheUserToSignInAgain() {
        Browser browser = new Browser();
        String name = uniqueName("revoked");
        browser.follow(answer(browser, toConsentPage(browser, name), "yes"));
        jdbc.update("update token set revoked = true where user_id = (select id from users where username = ?)", name);

        Page page = browser.get(clientUrl + "/");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).startsWith(provider() + "/oauth/authorize?");
    }

    @Test
    void aProviderThatIsDownShowsAClearPage() {
        int closedPort = freePort();
        try (ConfigurableApplicationContext lonely = ClientApplication.builder().run("--client-app.port=" + freePort(),
                "--client-app.provider-url=http://127.0.0.1:" + closedPort,
                "--client-app.client-id=id", "--client-app.client-secret=secret")) {
            String url = "http://localhost:" + lonely.getEnvironment().getProperty("local.server.port");
            Browser browser = new Browser();
            // The redirect to the provider needs no network; the way back does.
            Page start = browser.get(url + "/");
            String state = queryParameter(start.location(), "state");

            Page page = browser.get(url + "/authorized?code=x&state=" + state + "&iss=http://127.0.0.1:" + closedPort,
                    Map.of("Accept", "text/html"));

            assertThat(page.status()).isEqualTo(502);
            assertThat(page.body()).contains("did not answer. Is it running?").doesNotContain("at com.")
                    .doesNotContain("Exception");
            // The dance page shows the call that got no answer.
            assertThat(browser.get(url + "/dance").body()).contains("POST /oauth/token HTTP/1.1")
                    .contains("No answer: nothing listens at http://127.0.0.1:" + closedPort);
        }
    }

    @Test
    void theClientAppRefusesToStartWithoutCredentials() {
        try {
            ClientApplication.builder().run("--client-app.port=" + freePort()).close();
            throw new AssertionError("started without credentials");
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root.getMessage()).contains("register a confidential client at").contains("client-app.client-id");
        }
    }
}
