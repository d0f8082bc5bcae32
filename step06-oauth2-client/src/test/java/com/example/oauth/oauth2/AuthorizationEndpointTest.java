package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;

/**
 * The authorization endpoint (RFC 6749 §4.1.1, §4.1.2.1): a wrong client or
 * redirect URI, or an overlong parameter, gets a page on the provider, to
 * anyone, and never a redirect; any other error goes back to the client
 * with error, error_description, state and iss, but only once the user has
 * logged in (RFC 9700 §4.11.2); nothing is stored for a refused request.
 */
class AuthorizationEndpointTest extends OAuth2Test {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    /** A page on the provider, status 400, with no redirect, and no code stored. */
    private Page shownToUser(Browser user, String url, RegisteredClient client, String message) {
        Rows before = client == null ? null : rows(client);

        Page page = user.get(url, HTML);

        assertThat(page.status()).as(page.body()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.body()).contains(message).doesNotContain("Exception");
        if (client != null) {
            assertThat(rows(client)).isEqualTo(before);
        }
        return page;
    }

    /** A 303 back to the redirect URI with the error, its description, the state and the issuer; nothing stored. */
    private void backToClient(Browser user, String url, RegisteredClient client, String error, String state) {
        Rows before = rows(client);

        Page page = user.get(url);

        assertThat(page.status()).as(page.body()).isEqualTo(303);
        assertThat(page.location()).startsWith(CALLBACK + "?error=" + error + "&error_description=");
        assertThat(queryParameter(page.location(), "error_description")).isNotBlank().doesNotContain("\"");
        assertThat(queryParameter(page.location(), "state")).isEqualTo(state);
        assertThat(queryParameter(page.location(), "iss")).isEqualTo(provider());
        assertThat(queryParameter(page.location(), "code")).isNull();
        assertThat(rows(client)).isEqualTo(before);
    }

    private Browser user() {
        return loggedInUser(uniqueName("user"));
    }

    @Test
    void anUnknownClientGetsAPageNotARedirect() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String url = provider() + "/oauth/authorize?" + query("response_type", "code", "client_id", "nobody",
                "redirect_uri", CALLBACK, "state", "s");

        shownToUser(user(), url, null, "No application is registered with client_id");
        // Not even before login: the link is wrong whoever follows it.
        shownToUser(new Browser(), url, null, "No application is registered with client_id");
        assertThat(rows(client).codes()).isZero();
    }

    @Test
    void aMalformedEscapeGetsAPage() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        shownToUser(user(), authorizeUrl(client, "redirect_uri", CALLBACK) + "&state=%zz", client,
                "%-escapes does not decode");
    }

    @Test
    void aMissingClientIdGetsAPage() {
        shownToUser(user(), provider() + "/oauth/authorize?response_type=code&redirect_uri=" + CALLBACK, null,
                "client_id is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://localhost:8000/authorized/evil",       // a longer path
            "http://localhost:8000/authorize",             // a shorter one
            "http://localhost:8000/authorized?next=/",     // another query
            "http://localhost:8000/authorized/",           // a trailing slash
            "http://localhost:8001/authorized",            // another port
            "https://localhost:8000/authorized",           // another scheme
            "http://LOCALHOST:8000/authorized",            // another spelling of the host
            "http://evil.example/authorized",
    })
    void onlyAnExactlyRegisteredRedirectUriIsAccepted(String redirectUri) {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        Page page = shownToUser(user(), authorizeUrl(client, "redirect_uri", redirectUri, "state", "s"), client,
                "is not registered for this application");

        assertThat(page.body()).contains(CALLBACK);
    }

    @Test
    void theRedirectUriMayBeLeftOutWhenOnlyOneIsRegistered() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        Browser user = user();

        Page back = answer(user, user.get(authorizeUrl(client, "state", "s")), "yes");

        assertThat(back.location()).startsWith(CALLBACK + "?code=");
        // The request named none, so the token request need not name one either.
        Answer answer = token(client, "grant_type", "authorization_code", "code",
                queryParameter(back.location(), "code"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void withSeveralRegisteredTheRequestMustNameOne() {
        RegisteredClient client = confidentialClient(CALLBACK + " http://localhost:8000/other", "profile");

        shownToUser(user(), authorizeUrl(client, "state", "s"), client, "registered several redirect URIs");
    }

    @Test
    void theRegisteredRedirectUrisQueryIsKept() {
        String callback = "http://localhost:8000/authorized?from=provider";
        RegisteredClient client = confidentialClient(callback, "profile");
        Browser user = user();

        Page back = answer(user, user.get(authorizeUrl(client, "redirect_uri", callback, "state", "s")), "yes");

        assertThat(back.location()).startsWith(callback + "&code=");
    }

    @Test
    void aClientIdOrRedirectUriSentTwiceGetsAPage() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        Browser user = user();

        shownToUser(user, authorizeUrl(client, "client_id", client.id(), "redirect_uri", CALLBACK), client,
                "client_id was sent more than once");
        shownToUser(user, authorizeUrl(client, "redirect_uri", CALLBACK, "redirect_uri", CALLBACK), client,
                "redirect_uri was sent more than once");
    }

    @Test
    void anotherParameterSentTwiceGoesBackToTheClient() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile email");

        backToClient(user(), authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "profile", "scope", "email",
                "state", "s"), client, "invalid_request", "s");
    }

    @Test
    void aStateSentTwiceIsNotSentBack() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        backToClient(user(), authorizeUrl(client, "redirect_uri", CALLBACK, "state", "a", "state", "b"), client,
                "invalid_request", null);
    }

    @Test
    void aMissingResponseTypeGoesBackToTheClient() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String url = provider() + "/oauth/authorize?" + query("client_id", client.id(), "redirect_uri", CALLBACK,
                "state", "s");

        backToClient(user(), url, client, "invalid_request", "s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "code token", "id_token", "password"})
    void onlyTheCodeResponseTypeIsOffered(String responseType) {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String url = provider() + "/oauth/authorize?" + query("response_type", responseType, "client_id",
                client.id(), "redirect_uri", CALLBACK, "state", "s");

        backToClient(user(), url, client, "unsupported_response_type", "s");
    }

    @Test
    void anUnknownScopeGoesBackToTheClient() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        backToClient(user(), authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "profile admin", "state", "s"),
                client, "invalid_scope", "s");
    }

    @Test
    void aScopeTheClientDidNotRegisterGoesBackToTheClient() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        backToClient(user(), authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "email", "state", "s"),
                client, "invalid_scope", "s");
    }

    @Test
    void noScopeMeansTheRegisteredOnes() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile email");
        Browser user = user();

        // An empty parameter counts as not sent (RFC 6749 §3.1).
        Page consent = user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "scope", ""));
        assertThat(consent.body()).contains("<code>profile</code>").contains("<code>email</code>");
        String code = queryParameter(answer(user, consent, "yes").location(), "code");

        assertThat(exchange(client, code, null).get("scope").asString()).isEqualTo("profile email");
    }

    @Test
    void aPublicClientMustUsePkce() {
        RegisteredClient client = publicClient(CALLBACK, "profile");

        backToClient(user(), authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s"), client,
                "invalid_request", "s");
    }

    @Test
    void thePlainMethodIsRefused() {
        RegisteredClient client = publicClient(CALLBACK, "profile");
        String verifier = newVerifier();

        backToClient(user(), authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s",
                "code_challenge", verifier, "code_challenge_method", "plain"), client, "invalid_request", "s");
    }

    @Test
    void aChallengeWithoutMethodMeansPlainAndIsRefused() {
        RegisteredClient client = publicClient(CALLBACK, "profile");

        backToClient(user(), authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s",
                "code_challenge", challengeOf(newVerifier())), client, "invalid_request", "s");
    }

    @Test
    void aMethodWithoutChallengeIsRefused() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");

        backToClient(user(), authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s",
                "code_challenge_method", "S256"), client, "invalid_request", "s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM=", // padded
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM", // not base64url
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cMx"}) // 44 characters
    void aMalformedChallengeIsRefused(String challenge) {
        RegisteredClient client = publicClient(CALLBACK, "profile");

        backToClient(user(), authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s",
                "code_challenge", challenge, "code_challenge_method", "S256"), client, "invalid_request", "s");
    }

    @Test
    void errorsGoBackToTheClientOnlyAfterLogin() {
        // Anyone may register a client with any redirect URI: an error that
        // bounced a passer-by there at once would make this an open redirector.
        RegisteredClient client = confidentialClient("http://evil.example/landing", "profile");
        String url = authorizeUrl(client, "scope", "admin", "state", "s");
        Browser visitor = new Browser();
        Rows before = rows(client);

        Page page = visitor.get(url);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/?next=/oauth/authorize?").doesNotContain("evil.example");
        assertThat(rows(client)).isEqualTo(before);
        // Once logged in, the user is sent back with the error as usual.
        Page login = visitor.follow(page);
        String next = url.substring(provider().length());
        Page loggedIn = visitor.post(provider() + "/",
                Map.of("username", uniqueName("later"), "next", next, "_csrf", login.csrfToken()));
        assertThat(loggedIn.location()).isEqualTo(next);
        Page back = visitor.get(loggedIn.resolve(next));
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location()).startsWith("http://evil.example/landing?error=invalid_scope&");
        assertThat(rows(client)).isEqualTo(before);
    }

    // ---------------------------------------------------------------- overlong parameters

    /** 3000 slashes: with the rest of the answer, more than the 8 KB a Location header may take. */
    private static final String LONG_STATE = "/".repeat(3000);

    @Test
    void aLongStateGetsAPageNotARedirectAndIsNotEchoed() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String url = provider() + "/oauth/authorize?client_id=" + client.id() + "&response_type=token&state="
                + LONG_STATE;

        for (Browser browser : new Browser[] {user(), new Browser()}) {
            Page page = shownToUser(browser, url, client, "state is longer than 1000 bytes");

            assertThat(page.body()).doesNotContain("/".repeat(50));
        }
        assertThat(rows(client).codes()).isZero();
    }

    @Test
    void anyOtherLongParameterGetsAPageToo() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile email");
        Browser user = user();

        shownToUser(user, authorizeUrl(client, "scope", "profile ".repeat(30)), client, "scope is longer than");
        shownToUser(user, authorizeUrl(client, "redirect_uri", CALLBACK + "?" + "a".repeat(1000)), client,
                "redirect_uri is longer than");
        shownToUser(user, authorizeUrl(client, "code_challenge", "c".repeat(201), "code_challenge_method",
                "S256"), client, "code_challenge is longer than");
    }

    @Test
    void aLongStateSlippedIntoTheConsentAnswerStoresNothing() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        Browser user = user();
        Page consent = user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s"));
        Map<String, String> form = hiddenFields(consent);
        form.put("state", LONG_STATE);
        form.put("confirm", "yes");
        Rows before = rows(client);

        Page page = user.post(provider() + "/oauth/authorize", form, HTML);

        assertThat(page.status()).as(page.body()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.body()).contains("state is longer than 1000 bytes").doesNotContain("/".repeat(50));
        assertThat(rows(client)).isEqualTo(before);
    }

    @Test
    void theLongestStateComesBackWholeInTheCodeAndInAnError() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        // 1000 bytes of UTF-8, each 3 characters once %-encoded: the longest Location there can be.
        String state = "€".repeat(333) + "/";
        Browser user = user();

        Page back = answer(user, user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "state", state)), "yes");
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        // RFC 9110 Section 10.2.2: the Location is a URI, so ASCII; the state's bytes travel %-encoded.
        assertThat(back.location()).matches("[\\x21-\\x7e]+");
        assertThat(queryParameter(back.location(), "state")).isEqualTo(state);
        assertThat(queryParameter(back.location(), "code")).isNotNull();

        backToClient(user, authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "admin", "state", state),
                client, "invalid_scope", state);
        // One byte more is refused, before anything is stored.
        shownToUser(user, authorizeUrl(client, "redirect_uri", CALLBACK, "state", state + "/"), client,
                "state is longer than 1000 bytes");
    }

    @Test
    void theConsentPageNeedsALoginAndComesBack() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String url = authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s");
        Browser visitor = new Browser();

        Page page = visitor.get(url);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/?next=/oauth/authorize?");

        Page login = visitor.follow(page);
        String next = url.substring(provider().length());
        Page loggedIn = visitor.post(provider() + "/",
                Map.of("username", uniqueName("later"), "next", next, "_csrf", login.csrfToken()));
        assertThat(loggedIn.location()).isEqualTo(next);
        assertThat(visitor.follow(loggedIn).body()).contains("Allow access?").contains(client.id());
    }

    @Test
    void theConsentPageShowsClientScopesAndTarget() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile email");

        Page consent = user().get(authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "email"));

        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.body()).contains(client.id()).contains("<code>email</code>")
                .doesNotContain("<code>profile</code>").contains("sent back to <code>" + CALLBACK + "</code>");
        // No other site may frame it (clickjacking, RFC 6749 §10.13).
        assertThat(consent.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(consent.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void theConsentAnswerNeedsTheCsrfToken() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        Browser user = user();
        Page consent = user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s"));
        Map<String, String> form = hiddenFields(consent);
        form.remove("_csrf");
        form.put("confirm", "yes");

        Page answer = user.post(provider() + "/oauth/authorize", form);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.location()).isNull();
        assertThat(rows(client).codes()).isZero();
    }

    @Test
    void theConsentAnswerIsYesOrNo() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        Browser user = user();

        Page page = answer(user, user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s")), "maybe");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.body()).contains("confirm=yes or confirm=no");
        assertThat(rows(client).codes()).isZero();
    }

    @Test
    void theConsentAnswerIsCheckedAgain() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        Browser user = user();
        Page consent = user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "state", "s"));

        // A scope the client did not register, slipped into the hidden fields.
        Map<String, String> widened = hiddenFields(consent);
        widened.put("scope", "profile email");
        widened.put("confirm", "yes");
        Page back = user.post(provider() + "/oauth/authorize", widened);
        assertThat(back.status()).isEqualTo(303);
        assertThat(queryParameter(back.location(), "error")).isEqualTo("invalid_scope");

        // Another redirect URI: a page, not a redirect.
        Map<String, String> elsewhere = hiddenFields(consent);
        elsewhere.put("redirect_uri", "http://evil.example/cb");
        elsewhere.put("confirm", "yes");
        Page page = user.post(provider() + "/oauth/authorize", elsewhere);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();

        assertThat(rows(client).codes()).isZero();
    }

    @Test
    void theStateComesBackExactlyAndIsEscapedOnThePage() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        String state = "\"><script>alert(1)</script> & a+b=c";
        Browser user = user();

        Page consent = user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "state", state));
        assertThat(consent.body()).doesNotContain("<script>alert");
        Page back = answer(user, consent, "yes");

        assertThat(queryParameter(back.location(), "state")).isEqualTo(state);
    }

    @Test
    void theCodeIsStoredAsAHashBoundToWhatWasAsked() {
        RegisteredClient client = publicClient(CALLBACK, "profile email");
        String verifier = newVerifier();

        String code = code(user(), authorizeUrl(client, "redirect_uri", CALLBACK, "scope", "email",
                "code_challenge", challengeOf(verifier), "code_challenge_method", "S256"));

        assertThat(code).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9]+");
        Map<String, Object> row = jdbc.queryForMap("select * from grants where code_hash = ?", Sha256.hex(code));
        assertThat(row.get("REDIRECT_URI")).isEqualTo(CALLBACK);
        assertThat(row.get("SCOPES")).isEqualTo("email");
        assertThat(row.get("CODE_CHALLENGE")).isEqualTo(challengeOf(verifier));
        assertThat(row.values()).doesNotContain(code);
        // 5 minutes, give or take the test's own time.
        Instant expires = ((OffsetDateTime) row.get("EXPIRES_AT")).toInstant();
        assertThat(expires).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
    }

    @Test
    void aGetOfTheConsentAnswerIsNotAnAnswer() {
        RegisteredClient client = confidentialClient(CALLBACK, "profile");
        Browser user = user();

        // confirm=yes in a link does nothing: only the form's POST answers.
        Page page = user.get(authorizeUrl(client, "redirect_uri", CALLBACK, "confirm", "yes"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(rows(client).codes()).isZero();
    }
}
