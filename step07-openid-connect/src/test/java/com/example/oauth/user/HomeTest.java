package com.example.oauth.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.ProviderTest;
import com.example.oauth.common.user.UserRepository;

class HomeTest extends ProviderTest {

    @Autowired
    UserRepository users;

    @Test
    void aVisitorSeesTheLoginForm() {
        Page home = new Browser().get(provider() + "/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("You are not logged in").contains("name=\"username\"");
        assertThat(home.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void loginCreatesTheUserOnceAndKeepsTheSession() {
        String name = uniqueName("alice");
        Browser browser = new Browser();

        Page loggedIn = browser.logIn(provider(), name);
        assertThat(loggedIn.status()).isEqualTo(303);
        assertThat(loggedIn.location()).isEqualTo("/");
        assertThat(browser.follow(loggedIn).body()).contains("You are logged in as <strong>" + name + "</strong>");
        long afterFirst = users.count();

        // A second login with the same name, from another browser, is the same user.
        Browser other = new Browser();
        other.logIn(provider(), name);
        assertThat(users.count()).isEqualTo(afterFirst);
        assertThat(users.findByUsername(name)).isPresent();

        // The first browser's session still holds.
        assertThat(browser.get(provider() + "/").body()).contains("logged in as <strong>" + name);
    }

    @Test
    void loginGivesANewSessionId() {
        Browser browser = new Browser();
        browser.get(provider() + "/");
        String before = browser.cookie("JSESSIONID");

        browser.logIn(provider(), uniqueName("fixation"));

        assertThat(before).isNotNull();
        assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
    }

    @Test
    void logoutEndsTheSession() {
        Browser browser = new Browser();
        browser.logIn(provider(), uniqueName("bob"));
        Page home = browser.get(provider() + "/");

        Page out = browser.post(provider() + "/logout", Map.of("_csrf", home.csrfToken()));

        assertThat(out.status()).isEqualTo(303);
        assertThat(browser.follow(out).body()).contains("You are not logged in");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndCreatesNoUser() {
        Browser browser = new Browser();
        browser.get(provider() + "/");
        long before = users.count();
        String name = uniqueName("mallory");

        Page page = browser.post(provider() + "/", Map.of("username", name));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("not sent from a page of this site");
        assertThat(users.count()).isEqualTo(before);
        assertThat(users.findByUsername(name)).isEmpty();
    }

    @Test
    void aPostWithAnotherSessionsCsrfTokenIsRefused() {
        String foreignToken = new Browser().get(provider() + "/").csrfToken();
        Browser victim = new Browser();
        victim.get(provider() + "/");
        long before = users.count();

        Page page = victim.post(provider() + "/", Map.of("username", uniqueName("forged"), "_csrf", foreignToken));

        assertThat(page.status()).isEqualTo(403);
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void aPostWithoutASessionIsRefused() {
        Page page = new Browser().post(provider() + "/", Map.of("username", "x", "_csrf", "guess"));

        assertThat(page.status()).isEqualTo(403);
    }

    @Test
    void logoutWithoutTheCsrfTokenIsRefusedAndKeepsTheSession() {
        Browser browser = new Browser();
        String name = uniqueName("carol");
        browser.logIn(provider(), name);

        Page out = browser.post(provider() + "/logout", Map.of());

        assertThat(out.status()).isEqualTo(403);
        assertThat(browser.get(provider() + "/").body()).contains("logged in as <strong>" + name);
    }

    @Test
    void anEmptyUsernameIsRefused() {
        assertRefused("   ", "Type a username");
    }

    @Test
    void anOverLongUsernameIsRefused() {
        assertRefused("x".repeat(41), "at most 40 characters");
    }

    @Test
    void aUsernameWithControlCharactersIsRefused() {
        assertRefused("tab\there", "control characters");
    }

    @Test
    void aUsernameOfFortyCharactersIsAccepted() {
        String name = ("forty-" + System.nanoTime() + "x".repeat(40)).substring(0, 40);

        Page page = new Browser().logIn(provider(), name);

        assertThat(page.status()).isEqualTo(303);
        assertThat(users.findByUsername(name)).isPresent();
    }

    @Test
    void markupInAUsernameIsShownAsText() {
        String name = "<b>" + uniqueName("x") + "</b>";
        Browser browser = new Browser();
        browser.logIn(provider(), name);

        String body = browser.get(provider() + "/").body();

        assertThat(body).doesNotContain(name).contains("&lt;b&gt;");
        assertThat(users.findByUsername(name)).isPresent();
    }

    @Test
    void loginSendsTheUserBackToTheLocalPageAskedFor() {
        Browser browser = new Browser();
        Page form = browser.get(provider() + "/?next=/some/page?x=1");
        assertThat(form.body()).contains("name=\"next\" value=\"/some/page?x=1\"");

        Page page = browser.post(provider() + "/",
                Map.of("username", uniqueName("dave"), "next", "/some/page?x=1", "_csrf", form.csrfToken()));

        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).isEqualTo("/some/page?x=1");
    }

    @Test
    void loginNeverRedirectsToAnotherSite() {
        for (String next : new String[] {"//evil.example/", "/\\evil.example", "https://evil.example/", "evil", "/{x}"}) {
            Browser browser = new Browser();
            Page form = browser.get(provider() + "/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            assertThat(form.body()).doesNotContain("name=\"next\"");

            Page page = browser.post(provider() + "/",
                    Map.of("username", uniqueName("erin"), "next", next, "_csrf", form.csrfToken()));

            assertThat(page.status()).isEqualTo(303);
            assertThat(page.location()).as(next).isEqualTo("/");
        }
    }

    @Test
    void redirectsNeverNameTheHostTheRequestSent() {
        // The client chooses the Host header: a Location made from it would send the browser to evil.example.
        Map<String, String> spoofed = Map.of("Host", "evil.example");
        Browser browser = new Browser();
        Page form = browser.get(provider() + "/", spoofed);

        Page loggedIn = browser.post(provider() + "/",
                Map.of("username", uniqueName("gus"), "next", "/some/page", "_csrf", form.csrfToken()), spoofed);
        Page out = browser.post(provider() + "/logout", Map.of("_csrf", form.csrfToken()), spoofed);

        assertThat(loggedIn.status()).isEqualTo(303);
        assertThat(loggedIn.location()).isEqualTo("/some/page");
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.location()).isEqualTo("/");
    }

    @Test
    void theWayBackIsSentAsAsciiWhateverItHolds() {
        // RFC 9110 Section 10.2.2: a Location is a URI reference, and a URI is ASCII.
        Map<String, String> sent = Map.of("/caf\u00e9", "/caf%C3%A9", "/\uff43lient?x=\uD83D\uDE00",
                "/%EF%BD%83lient?x=%F0%9F%98%80", "/a b", "/a%20b");
        sent.forEach((next, location) -> {
            Browser browser = new Browser();
            Page form = browser.get(provider() + "/");

            Page page = browser.post(provider() + "/",
                    Map.of("username", uniqueName("fay"), "next", next, "_csrf", form.csrfToken()));

            assertThat(page.status()).isEqualTo(303);
            assertThat(page.location()).as(next).isEqualTo(location);
        });
    }

    @Test
    void aMultipartTypeWithoutBoundaryIsNoError() {
        // No endpoint takes files, so multipart bodies are not parsed at all.
        Browser browser = new Browser();
        String token = browser.get(provider() + "/").csrfToken();
        long before = users.count();
        for (String method : new String[] {"GET", "POST"}) {
            okhttp3.Request request = new okhttp3.Request.Builder().url(provider() + "/").header("Accept", "text/html")
                    .method(method, method.equals("GET") ? null : okhttp3.RequestBody.create(
                            "username=x&_csrf=" + token, okhttp3.MediaType.get("multipart/form-data")))
                    .build();
            try (okhttp3.Response response = browser.http().newCall(request).execute()) {
                String body = response.body().string();
                // The GET is the home page; the POST has no form fields that can be read, so no CSRF token.
                assertThat(response.code()).as(method).isEqualTo(method.equals("GET") ? 200 : 403);
                assertThat(body).doesNotContain("Exception");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void theErrorPageIsNotAPageOfItsOwn() {
        Page html = new Browser().get(provider() + "/error", Map.of("Accept", "text/html"));
        Page json = new Browser().get(provider() + "/error", Map.of("Accept", "application/json"));

        assertThat(html.status()).isEqualTo(404);
        assertThat(html.body()).contains("There is no page at <code>/error</code>");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.body()).contains("\"status\":404").doesNotContain("999");
    }

    @Test
    void aMalformedEscapeIsABadRequestNotAnError() {
        Browser browser = new Browser();
        Page get = browser.get(provider() + "/?next=%zz", Map.of("Accept", "text/html"));
        assertThat(get.status()).isEqualTo(400);
        assertThat(get.body()).contains("malformed");

        String token = browser.get(provider() + "/").csrfToken();
        long before = users.count();
        okhttp3.Request post = new okhttp3.Request.Builder().url(provider() + "/").header("Accept", "text/html")
                .post(okhttp3.RequestBody.create("username=x&next=%zz&_csrf=" + token,
                        okhttp3.MediaType.get("application/x-www-form-urlencoded"))).build();
        try (okhttp3.Response response = browser.http().newCall(post).execute()) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("malformed").doesNotContain("Exception");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void anUnknownPathIsANotFoundPage() {
        Page page = new Browser().get(provider() + "/no/such/page", Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("There is no page at <code>/no/such/page</code>").doesNotContain("Exception");
    }

    @Test
    void anUnknownPathIsNotFoundJsonForAProgram() {
        Page page = new Browser().get(provider() + "/no/such/page", Map.of("Accept", "application/json"));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("\"status\":404").doesNotContain("Exception");
    }

    @Test
    void aGetToLogoutIsRefusedWithoutAStackTrace() {
        Page page = new Browser().get(provider() + "/logout");

        assertThat(page.status()).isEqualTo(405);
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void pagesCannotBeFramedByAnotherSite() {
        Page home = new Browser().get(provider() + "/");

        assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(home.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    private void assertRefused(String username, String message) {
        Browser browser = new Browser();
        Page form = browser.get(provider() + "/");
        long before = users.count();

        Page page = browser.post(provider() + "/", Map.of("username", username, "_csrf", form.csrfToken()));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains(message).contains("You are not logged in");
        assertThat(users.count()).isEqualTo(before);
    }
}
