package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.oauth.common.security.Sha256;

import okhttp3.HttpUrl;

/**
 * The authorization endpoint (RFC 6749 §4.1.1, §4.1.2.1): a wrong client or
 * redirect URI, or an overlong parameter, is shown to the user and never
 * redirected; any other error goes back to the client with error,
 * error_description, state and iss; nothing is stored for a refused request.
 */
class AuthorizationEndpointTest extends EngineTest {

    /** The first half refuses it, before any login: a page on the provider, no redirect, nothing stored. */
    private AuthorizationError shownToUser(String message, String... pairs) {
        Map<String, String[]> query = query(pairs);
        AuthorizationError error = refusal(AuthorizationError.class,
                () -> provider.checkAuthorizationRequest(query, () -> {
                    throw new AssertionError("a login was asked for");
                }));
        assertThat(error.isRedirect()).isFalse();
        assertThat(error.getRedirect()).isNull();
        assertThat(error.getMessage()).contains(message);
        assertThat(storage.grants).isEmpty();
        return error;
    }

    /** The second half refuses it: back to the redirect URI with the error, the state and the issuer. */
    private void backToClient(String error, String state, String... pairs) {
        List<String> all = new ArrayList<>(List.of("client_id", "web", "redirect_uri", CALLBACK));
        all.addAll(List.of(pairs));

        AuthorizationError refusal = refusal(AuthorizationError.class,
                () -> authorize(all.toArray(String[]::new)));

        String location = refusal.getRedirect().location();
        assertThat(location).startsWith(CALLBACK + "?error=" + error + "&error_description=");
        HttpUrl back = HttpUrl.get(location);
        assertThat(back.queryParameter("error_description")).isNotBlank().doesNotContain("\"");
        assertThat(back.queryParameter("state")).isEqualTo(state);
        assertThat(back.queryParameter("iss")).isEqualTo(ISSUER);
        assertThat(back.queryParameter("code")).isNull();
        assertThat(storage.grants).isEmpty();
    }

    @Test
    void aGoodRequestIsCheckedAndItsParametersKept() {
        AuthorizationRequest request = authorize(
                "response_type", "code", "client_id", "web", "redirect_uri", CALLBACK, "state", "s", "extra", "x");

        assertThat(request.client().getClientId()).isEqualTo("web");
        assertThat(request.username()).isEqualTo("alice");
        assertThat(request.redirectUri()).isEqualTo(CALLBACK);
        assertThat(request.redirectUriGiven()).isTrue();
        assertThat(request.scopes()).containsExactly("profile", "email");
        assertThat(request.codeChallenge()).isNull();
        // Unknown parameters are ignored (§3.1), and not sent again.
        assertThat(request.parameters()).containsOnlyKeys("response_type", "client_id", "redirect_uri", "state");
    }

    // ---------------------------------------------------------------- the first half: shown to the user

    @Test
    void anUnknownOrMissingClientIsShownToTheUser() {
        shownToUser("No application is registered with client_id 'nobody'", "response_type", "code",
                "client_id", "nobody", "redirect_uri", CALLBACK, "state", "s");
        shownToUser("client_id is missing", "response_type", "code", "redirect_uri", CALLBACK);
        // An empty parameter counts as not sent (§3.1).
        shownToUser("client_id is missing", "response_type", "code", "client_id", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://app.example/cb/evil",       // a longer path
            "https://app.example/c",             // a shorter one
            "https://app.example/cb?next=/",     // another query
            "https://app.example/cb/",           // a trailing slash
            "https://app.example:8443/cb",       // another port
            "http://app.example/cb",             // another scheme
            "https://APP.example/cb",            // another spelling of the host
            "https://evil.example/cb",
    })
    void onlyAnExactlyRegisteredRedirectUriIsAccepted(String redirectUri) {
        AuthorizationError error = shownToUser("is not registered for this application", "response_type", "code",
                "client_id", "web", "redirect_uri", redirectUri, "state", "s");

        assertThat(error.getMessage()).contains(CALLBACK);
    }

    @Test
    void theRedirectUriMayBeLeftOutOnlyWhenOneIsRegistered() {
        AuthorizationRequest request = authorize("response_type", "code", "client_id", "web");
        assertThat(request.redirectUri()).isEqualTo(CALLBACK);
        assertThat(request.redirectUriGiven()).isFalse();

        shownToUser("registered several redirect URIs", "response_type", "code", "client_id", "app");
    }

    @Test
    void aClientIdOrRedirectUriSentTwiceIsShownToTheUser() {
        shownToUser("client_id was sent more than once", "client_id", "web", "client_id", "web");
        shownToUser("redirect_uri was sent more than once", "client_id", "web", "redirect_uri", CALLBACK,
                "redirect_uri", CALLBACK);
    }

    @Test
    void aStateTooLongToGoBackIsShownToTheUserWithoutItsValue() {
        // 1000 bytes of UTF-8 pass; one more, or 1000 characters of 3 bytes each, do not.
        String longest = "€".repeat(333) + "/";
        assertThat(authorize("response_type", "code", "client_id", "web", "state", longest).state()).isEqualTo(longest);
        for (String state : List.of(longest + "/", "€".repeat(1000))) {
            AuthorizationError error = shownToUser("state is longer than 1000 bytes", "response_type", "code",
                    "client_id", "web", "state", state);
            assertThat(error.getMessage()).doesNotContain("€");
        }
    }

    // ---------------------------------------------------------------- loopback redirect URIs (RFC 8252 §7.3)

    @Test
    void aPublicClientsLoopbackRedirectUriMayTakeAnyPort() {
        register(new InMemoryStorage.Client("native", null, ClientType.PUBLIC,
                List.of("http://127.0.0.1/cb", "http://[::1]:8080/cb?x=1"), List.of("profile")));
        for (String asked : List.of("http://127.0.0.1:51234/cb", "http://127.0.0.1/cb", "http://127.0.0.1:1/cb",
                "http://[::1]:51234/cb?x=1", "http://[::1]/cb?x=1")) {
            AuthorizationRequest request = authorize("response_type", "code", "client_id", "native", "redirect_uri",
                    asked, "code_challenge", CHALLENGE, "code_challenge_method", "S256");

            assertThat(request.redirectUri()).isEqualTo(asked);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:51234/other",      // another path
            "http://127.0.0.1:51234/cb/",        // a trailing slash
            "http://127.0.0.1:51234/cb?x=1",     // another query
            "http://127.0.0.1:51234/cb#x",       // a fragment
            "http://127.0.0.2:51234/cb",         // another loopback address than the registered one
            "http://[::1]:51234/cb",             // the same
            "http://localhost:51234/cb",         // a name, not the IP literal (RFC 8252 §8.3)
            "https://127.0.0.1:51234/cb",        // another scheme
            "http://me@127.0.0.1:51234/cb",      // user info
            "http://127.0.0.1:99999/cb",         // no such port
            "http://127.0.0.1:/cb",              // an empty port
    })
    void onlyThePortOfALoopbackRedirectUriMayChange(String asked) {
        register(new InMemoryStorage.Client("native", null, ClientType.PUBLIC, List.of("http://127.0.0.1/cb"),
                List.of("profile")));

        shownToUser("is not registered for this application", "response_type", "code", "client_id", "native",
                "redirect_uri", asked);
    }

    @Test
    void noOtherClientOrRedirectUriGetsAnyPort() {
        // A confidential client is a web server, which knows its own port.
        register(new InMemoryStorage.Client("server", Sha256.hex("s"), ClientType.CONFIDENTIAL,
                List.of("http://127.0.0.1/cb"), List.of("profile")));
        // localhost is a name, which a hosts file or a DNS answer may send elsewhere (RFC 8252 §8.3).
        register(new InMemoryStorage.Client("named", null, ClientType.PUBLIC, List.of("http://localhost/cb"),
                List.of("profile")));
        // https is compared exactly, as every other redirect URI.
        register(new InMemoryStorage.Client("tls", null, ClientType.PUBLIC, List.of("https://127.0.0.1/cb"),
                List.of("profile")));

        shownToUser("is not registered", "client_id", "server", "redirect_uri", "http://127.0.0.1:51234/cb");
        shownToUser("is not registered", "client_id", "named", "redirect_uri", "http://localhost:51234/cb");
        shownToUser("is not registered", "client_id", "tls", "redirect_uri", "https://127.0.0.1:51234/cb");
    }

    // ---------------------------------------------------------------- the second half: back to the client

    @Test
    void theRestIsCheckedOnlyForALoggedInUser() {
        // RFC 9700 §4.11.2: a good client and redirect URI, a wrong rest: the login comes first, so a
        // passer-by following the link is never sent to the redirect URI.
        RuntimeException loginFirst = new RuntimeException("log in first");
        Map<String, String[]> query = query("client_id", "web", "response_type", "token", "state", "s");

        assertThat(refusal(RuntimeException.class,
                () -> provider.checkAuthorizationRequest(query, () -> {
                    throw loginFirst;
                }))).isSameAs(loginFirst);
    }

    @Test
    void aParameterSentTwiceGoesBackToTheClient() {
        backToClient("invalid_request", "s", "response_type", "code", "scope", "profile", "scope", "email",
                "state", "s");
        // Which state would it be? None is sent back.
        backToClient("invalid_request", null, "response_type", "code", "state", "a", "state", "b");
    }

    @Test
    void onlyTheCodeResponseTypeIsOffered() {
        backToClient("invalid_request", "s", "state", "s");
        for (String responseType : List.of("token", "code token", "id_token", "password")) {
            backToClient("unsupported_response_type", "s", "response_type", responseType, "state", "s");
        }
    }

    @Test
    void anUnknownScopeOrOneTheClientDidNotRegisterGoesBackToTheClient() {
        backToClient("invalid_scope", "s", "response_type", "code", "scope", "profile admin", "state", "s");
        register(new InMemoryStorage.Client("web", Sha256.hex("web-secret"), ClientType.CONFIDENTIAL,
                List.of(CALLBACK), List.of("profile")));
        backToClient("invalid_scope", "s", "response_type", "code", "scope", "email", "state", "s");
    }

    @Test
    void noScopeMeansTheRegisteredOnes() {
        // An empty parameter counts as not sent (§3.1).
        for (String scope : List.of("", " ")) {
            AuthorizationRequest request = authorize("response_type", "code", "client_id", "web", "scope", scope);
            assertThat(request.scopes()).containsExactly("profile", "email");
        }
    }

    @Test
    void aPublicClientMustUsePkceWithS256() {
        String[] app = {"response_type", "code", "client_id", "app", "redirect_uri", CALLBACK, "state", "s"};
        List<String[]> wrong = List.of(new String[0], // no PKCE at all
                new String[] {"code_challenge", VERIFIER, "code_challenge_method", "plain"},
                new String[] {"code_challenge", CHALLENGE}, // no method means plain
                new String[] {"code_challenge", "short", "code_challenge_method", "S256"},
                new String[] {"code_challenge", CHALLENGE + "=", "code_challenge_method", "S256"}, // padded
                new String[] {"code_challenge", CHALLENGE.replace('-', '+'), "code_challenge_method", "S256"},
                new String[] {"code_challenge", CHALLENGE + "x", "code_challenge_method", "S256"}); // 44
        for (String[] pkce : wrong) {
            List<String> all = new ArrayList<>(List.of(app));
            all.addAll(List.of(pkce));
            AuthorizationError error = refusal(AuthorizationError.class,
                    () -> authorize(all.toArray(String[]::new)));
            assertThat(error.getRedirect().parameters().get("error")).as(String.join(" ", pkce))
                    .isEqualTo("invalid_request");
            assertThat(error.getRedirect().parameters()).containsEntry("state", "s");
        }
        assertThat(authorize("response_type", "code", "client_id", "app", "redirect_uri", CALLBACK, "code_challenge",
                CHALLENGE, "code_challenge_method", "S256").codeChallenge()).isEqualTo(CHALLENGE);
    }

    @Test
    void aMethodWithoutChallengeGoesBackToTheClient() {
        backToClient("invalid_request", "s", "response_type", "code", "code_challenge_method", "S256", "state", "s");
    }

    // ---------------------------------------------------------------- the user's answer

    @Test
    void anAllowedRequestGivesACodeStoredAsAHashBoundToWhatWasAsked() {
        String state = "\"><script>alert(1)</script> & a+b=c";
        AuthorizationRequest request = authorize("response_type", "code", "client_id", "app", "redirect_uri",
                OTHER_CALLBACK, "state", state, "code_challenge", CHALLENGE, "code_challenge_method", "S256");

        HttpUrl back = HttpUrl.get(provider.approve(request).location());

        assertThat(back.toString()).startsWith(OTHER_CALLBACK + "?code=");
        String code = back.queryParameter("code");
        assertThat(code).hasSize(32).matches("[A-Za-z0-9]+");
        assertThat(back.queryParameter("state")).isEqualTo(state);
        assertThat(back.queryParameter("iss")).isEqualTo(ISSUER);
        assertThat(storage.grants).containsOnlyKeys(Sha256.hex(code));
        InMemoryStorage.Grant grant = storage.grants.get(Sha256.hex(code));
        assertThat(grant.stored.username()).isEqualTo("alice");
        assertThat(grant.clientId()).isEqualTo("app");
        assertThat(grant.redirectUri()).isEqualTo(OTHER_CALLBACK);
        assertThat(grant.scopes()).containsExactly("profile");
        assertThat(grant.codeChallenge()).isEqualTo(CHALLENGE);
        assertThat(grant.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aDeniedRequestGoesBackAsAccessDeniedAndStoresNothing() {
        AuthorizationRequest request = authorize("response_type", "code", "client_id", "web", "state", "no-thanks");

        HttpUrl back = HttpUrl.get(provider.deny(request).location());

        assertThat(back.toString()).startsWith(CALLBACK + "?error=access_denied&error_description=");
        assertThat(back.queryParameter("state")).isEqualTo("no-thanks");
        assertThat(back.queryParameter("iss")).isEqualTo(ISSUER);
        assertThat(storage.grants).isEmpty();
    }
}
