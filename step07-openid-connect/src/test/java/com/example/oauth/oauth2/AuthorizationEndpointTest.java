package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;

/**
 * The authorization endpoint over HTTP: the pages, the login before any
 * redirect, the consent form and its CSRF token. Each rule of the request
 * itself is tested once, in common's AuthorizationEndpointTest.
 */
class AuthorizationEndpointTest extends OAuth2Test {

    private Browser user() {
        return loggedInUser(uniqueName("user"));
    }

    @Test
    void aWrongLinkGetsAPageNotARedirectEvenBeforeLogin() {
        Registration client = confidentialClient(CALLBACK, "profile");
        String unknown = provider() + "/oauth/authorize?" + query("response_type", "code", "client_id", "nobody",
                "redirect_uri", CALLBACK, "state", "s");
        String malformed = authorizeUrl(client, "redirect_uri", CALLBACK) + "&state=%zz";

        for (Browser browser : new Browser[] {user(), new Browser()}) {
            for (String[] link : new String[][] {{unknown, "No application is registered with client_id"},
                    {malformed, "%-escapes does not decode"}}) {
                Page page = browser.get(link[0], Map.of("Accept", "text/html"));
                assertThat(page.status()).as(page.body()).isEqualTo(400);
                assertThat(page.location()).isNull();
                assertThat(page.body()).contains(link[1]).doesNotContain("Exception");
            }
        }
        assertThat(rows(client).codes()).isZero();
    }

    @Test
    void errorsGoBackToTheClientOnlyAfterLogin() {
        // Anyone may register a client with any redirect URI: an error that
        // bounced a passer-by there at once would make this an open redirector.
        Registration client = confidentialClient("https://evil.example/landing", "profile");
        String url = authorizeUrl(client, "scope", "admin", "state", "s");
        Browser visitor = new Browser();

        Page page = visitor.get(url, Map.of("Host", "evil.example"));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).startsWith("/?next=/oauth/authorize?").doesNotContain("evil.example");
        // Once logged in, the user comes back, and is sent back with the error.
        Page login = visitor.follow(page);
        String next = url.substring(provider().length());
        Page loggedIn = visitor.post(provider() + "/",
                Map.of("username", uniqueName("later"), "next", next, "_csrf", login.csrfToken()));
        assertThat(loggedIn.location()).isEqualTo(next);
        Page back = visitor.get(loggedIn.resolve(next));
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location()).startsWith("https://evil.example/landing?error=invalid_scope&error_description=");
        assertThat(queryParameter(back.location(), "state")).isEqualTo("s");
        assertThat(queryParameter(back.location(), "iss")).isEqualTo(provider());
        assertThat(rows(client).codes()).isZero();
        assertThat(visitor.get(authorizeUrl(client)).body()).contains("Allow access?").contains(client.id());
    }

    @Test
    void theConsentPageShowsClientScopesAndTargetAndTheStateComesBackExactly() {
        Registration client = confidentialClient(CALLBACK, "profile email");
        // Markup, and the most bytes a state may have (1000), most taking 3 characters once %-encoded.
        String state = "\"><script>alert(1)</script> & a+b=c/" + "€".repeat(321) + "/";
        Browser user = user();

        Page consent = user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "email", "state", state));

        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.body()).contains(client.id()).contains("<code>email</code>")
                .doesNotContain("<code>profile</code>").contains("sent back to <code>" + CALLBACK + "</code>")
                .doesNotContain("<script>alert");
        // No other site may frame it (clickjacking, RFC 6749 §10.13).
        assertThat(consent.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(consent.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        Page back = answer(user, consent, "yes");
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        // RFC 9110 Section 10.2.2: the Location is a URI, so ASCII; the state's bytes travel %-encoded.
        assertThat(back.location()).matches("[\\x21-\\x7e]+");
        assertThat(queryParameter(back.location(), "state")).isEqualTo(state);
        assertThat(queryParameter(back.location(), "code")).isNotNull();
    }

    @Test
    void theConsentAnswerIsAPostWithTheCsrfTokenAndYesOrNoAndIsCheckedAgain() {
        Registration client = confidentialClient(CALLBACK, "profile");
        Browser user = user();
        String url = authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s");
        Map<String, String> noToken = hiddenFields(user.get(url));
        noToken.remove("_csrf");
        noToken.put("confirm", "yes");

        assertThat(user.post(provider() + "/oauth/authorize", noToken).status()).isEqualTo(403);
        Page maybe = answer(user, user.get(url), "maybe");
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(maybe.body()).contains("confirm=yes or confirm=no");
        // confirm=yes in a link does nothing: only the form's POST answers.
        assertThat(user.get(url + "&confirm=yes").status()).isEqualTo(200);
        // RFC 6749 §4.1.2.1: confirm=no goes back to the client as access_denied.
        Page no = answer(user, user.get(url), "no");
        assertThat(no.status()).isEqualTo(303);
        assertThat(no.location()).startsWith(CALLBACK + "?error=access_denied&error_description=");
        assertThat(queryParameter(no.location(), "state")).isEqualTo("s");
        // The answer is checked again: a browser can change hidden fields, here to a scope not registered.
        Map<String, String> widened = hiddenFields(user.get(url));
        widened.put("scope", "profile email");
        widened.put("confirm", "yes");
        Page back = user.post(provider() + "/oauth/authorize", widened);
        assertThat(back.status()).isEqualTo(303);
        assertThat(queryParameter(back.location(), "error")).isEqualTo("invalid_scope");
        assertThat(rows(client).codes()).isZero();
    }

    @Test
    void aNativeAppsLoopbackRedirectUriTakesThePortItListensOn() {
        // RFC 8252 §7.3: registered without a port, asked for on the one the app was given.
        Registration app = publicClient("http://127.0.0.1/cb", "profile");
        String verifier = newVerifier();
        String asked = "http://127.0.0.1:51234/cb";
        String code = codeFor(app, "redirect_uri", asked, "code_challenge", challengeOf(verifier),
                "code_challenge_method", "S256");

        Answer tokens = token(app, "grant_type", "authorization_code", "code", code, "redirect_uri", asked,
                "code_verifier", verifier);

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    }
}
