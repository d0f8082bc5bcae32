package com.example.oauth.oauth1;

import static com.example.oauth.common.testing.ClientAppUnderTest.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        assertThat(start.location()).startsWith(provider() + "/oauth/authorize?oauth_token=");

        Page login = browser.follow(start);
        assertThat(login.url()).startsWith(provider() + "/?next=");
        Page loggedIn = browser.post(provider() + "/", Map.of("username", username,
                "next", okhttp3.HttpUrl.get(login.url()).queryParameter("next"), "_csrf", login.csrfToken()));
        Page consent = browser.follow(loggedIn);
        assertThat(consent.body()).contains("Allow access?").contains(clientUrl + "/authorized");
        return consent;
    }

    private Page answer(Browser browser, Page consent, String confirm) {
        String token = consent.body().replaceAll("(?s).*name=\"oauth_token\" value=\"([A-Za-z0-9]+)\".*", "$1");
        return browser.post(provider() + "/oauth/authorize",
                Map.of("oauth_token", token, "confirm", confirm, "_csrf", consent.csrfToken()));
    }

    @Test
    void theWholeDanceEndsOnTheUsername() {
        Browser browser = new Browser();
        String name = uniqueName("reader");

        Page consent = toConsentPage(browser, name);
        String sessionBefore = browser.cookie("JSESSIONID", "localhost");
        Page back = answer(browser, consent, "yes");
        assertThat(back.location()).startsWith(clientUrl + "/authorized?oauth_token=");
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
        assertThat(browser.get(provider() + "/").body()).contains("logged in as <strong>" + name);
    }

    @Test
    void afterLogoutASecondSignInSkipsTheProviderLogin() {
        Browser browser = new Browser();
        String name = uniqueName("again");
        Page home = browser.follow(answer(browser, toConsentPage(browser, name), "yes"));

        Page out = browser.post(clientUrl + "/logout", Map.of("_csrf", home.csrfToken()));
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.body()).contains("Logged out");

        Page consent = browser.follow(browser.get(clientUrl + "/"));
        assertThat(consent.url()).startsWith(provider() + "/oauth/authorize");
        assertThat(consent.body()).contains("Allow access?").contains(name);
        assertThat(browser.follow(answer(browser, consent, "yes")).body()).contains(name);
    }

    @Test
    void logoutNeedsTheCsrfToken() {
        Browser browser = new Browser();
        browser.follow(answer(browser, toConsentPage(browser, uniqueName("stay")), "yes"));

        assertThat(browser.post(clientUrl + "/logout", Map.of()).status()).isEqualTo(403);
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
    void aVerifierTheProviderRefusesIsNotABadGateway() {
        Browser browser = new Browser();
        Page back = answer(browser, toConsentPage(browser, uniqueName("tamper")), "yes");
        String tampered = back.location().replaceAll("oauth_verifier=[^&]+", "oauth_verifier=wrong");

        Page page = browser.get(tampered, Map.of("Accept", "text/html"));

        // §3.2: the provider refused the exchange (401, verifier_invalid); nothing failed on the way.
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("The provider refused to give this app a token (status 401,"
                + " oauth_problem=verifier_invalid)");
        assertThat(browser.get(clientUrl + "/dance").body())
                .contains("The provider refused this call: status 401 (oauth_problem=verifier_invalid).");
    }

    @Test
    void aMalformedEscapeIsTheBrowsersBadRequest() throws IOException {
        // Sent as typed: an HTTP library would repair the escapes.
        for (String request : new String[] {
                "GET /authorized?oauth_token=%zz&oauth_verifier=x HTTP/1.1\r\n\r\n",
                "GET /authorized?oauth_token=x&oauth_verifier=%e9 HTTP/1.1\r\n\r\n",
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

        browser.get(clientUrl + "/authorized?oauth_token=%3Cscript%3Ealert(1)%3C%2Fscript%3E&oauth_verifier=%3Cb%3E");
        Page dance = browser.get(clientUrl + "/dance");

        assertThat(dance.body()).doesNotContain("<script>").doesNotContain("<b>")
                .contains("does not belong to a sign-in started in this browser")
                .contains("class=\"error failure\"")
                // the step's own list, from its clientapp/dance-secrets.ftlh
                .containsPattern("Secrets \\(verifiers, token secrets, the access token\\)\\s+show");
    }

    @Test
    void aUsernameWithMarkupIsShownAsText() {
        Browser browser = new Browser();
        String name = "<script>alert(" + uniqueName("x").hashCode() + ")</script>";

        Page home = browser.follow(answer(browser, toConsentPage(browser, name), "yes"));
        Page dance = browser.get(clientUrl + "/dance");

        assertThat(home.body()).doesNotContain(name).contains("&lt;script&gt;");
        assertThat(dance.body()).doesNotContain(name).contains("&lt;script&gt;");
    }

    @Test
    void anAnswerThisBrowserDidNotAskForIsRefused() {
        Page page = new Browser().get(clientUrl + "/authorized?oauth_token=planted&oauth_verifier=x",
                Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("does not belong to a sign-in started in this browser");
    }

    @Test
    void aTokenTheProviderNoLongerKnowsSendsTheUserToStartAgain() {
        Browser browser = new Browser();
        String name = uniqueName("revoked");
        browser.follow(answer(browser, toConsentPage(browser, name), "yes"));
        // As if the provider had revoked it.
        int deleted = jdbc.update("delete from access_token where user_id = (select id from users where username = ?)",
                name);
        assertThat(deleted).isEqualTo(1);

        Page page = browser.get(clientUrl + "/", Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("refused the access token");

        assertThat(browser.get(clientUrl + "/").location()).startsWith(provider() + "/oauth/authorize");
    }

    @Test
    void aProviderThatIsDownShowsAClearPage() {
        int closedPort = freePort();
        try (ConfigurableApplicationContext lonely = ClientApplication.builder().run("--client-app.port=" + freePort(),
                "--client-app.provider-url=http://127.0.0.1:" + closedPort,
                "--client-app.client-key=key", "--client-app.client-secret=secret")) {
            String url = "http://localhost:" + lonely.getEnvironment().getProperty("local.server.port") + "/";

            Browser browser = new Browser();
            Page page = browser.get(url, Map.of("Accept", "text/html"));

            assertThat(page.status()).isEqualTo(502);
            assertThat(page.body()).contains("did not answer. Is it running?").doesNotContain("at com.")
                    .doesNotContain("Exception");
            // The dance page shows the call that got no answer.
            assertThat(browser.get(url + "dance").body()).contains("POST /oauth/request_token HTTP/1.1")
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
            assertThat(root.getMessage()).contains("register a client at").contains("client-app.client-key");
        }
    }
}
