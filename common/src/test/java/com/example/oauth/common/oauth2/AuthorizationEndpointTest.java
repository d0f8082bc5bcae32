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

    /** The first half refuses it: a page on the provider, no redirect, nothing stored. */
    private AuthorizationError shownToUser(String message, String... pairs) {
        Map<String, String[]> query = query(pairs);
        AuthorizationError error = authorizationError(() -> provider.checkClientAndRedirectUri(query));
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
        AuthorizationEndpoint.Target target = provider.checkClientAndRedirectUri(query(all.toArray(String[]::new)));

        AuthorizationError refusal = authorizationError(() -> provider.checkAuthorizationRequest(target));

        assertThat(refusal.getError()).isEqualTo(error);
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
        AuthorizationRequest request = provider.checkAuthorizationRequest(provider.checkClientAndRedirectUri(query(
                "response_type", "code", "client_id", "web", "redirect_uri", CALLBACK, "state", "s", "extra", "x")));

        assertThat(request.client().getClientId()).isEqualTo("web");
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
        AuthorizationEndpoint.Target target = provider.checkClientAndRedirectUri(query("client_id", "web"));
        assertThat(target.redirectUri()).isEqualTo(CALLBACK);
        assertThat(target.redirectUriGiven()).isFalse();

        shownToUser("registered several redirect URIs", "response_type", "code", "client_id", "app");
    }

    @Test
    void aClientIdOrRedirectUriSentTwiceIsShownToTheUser() {
        shownToUser("client_id was sent more than once", "client_id", "web", "client_id", "web");
        shownToUser("redirect_uri was sent more than once", "client_id", "web", "redirect_uri", CALLBACK,
                "redirect_uri", CALLBACK);
    }

    @Test
    void aParameterTooLongIsShownToTheUserWithoutItsValue() {
        // 1000 bytes of UTF-8 pass; one more, or 1000 characters of 3 bytes each, do not.
        String longest = "€".repeat(333) + "/";
        assertThat(provider.checkAuthorizationRequest(provider.checkClientAndRedirectUri(query(
                "response_type", "code", "client_id", "web", "state", longest))).state()).isEqualTo(longest);
        for (String[] pairs : List.of(new String[] {"state", longest + "/"}, new String[] {"state", "€".repeat(1000)},
                new String[] {"state", "/".repeat(3000)},
                new String[] {"redirect_uri", CALLBACK + "?" + "a".repeat(1000)},
                new String[] {"scope", "profile ".repeat(30)}, new String[] {"response_type", "x".repeat(201)},
                new String[] {"code_challenge", "c".repeat(201)})) {
            AuthorizationError error = shownToUser(pairs[0] + " is longer than", "response_type", "code",
                    "client_id", "web", pairs[0], pairs[1]);
            assertThat(error.getMessage()).startsWith(pairs[0] + " is longer than")
                    .doesNotContain(pairs[1].substring(pairs[1].length() - 20));
        }
    }

    @Test
    void theLongestAnswerFitsInALocationHeader() {
        String redirectUri = "https://app.example/" + "c".repeat(980);
        String issuer = "https://" + "a".repeat(880) + ".example";
        register(new InMemoryStorage.Client("long", Sha256.hex("s"), ClientType.CONFIDENTIAL, List.of(redirectUri),
                List.of("profile")));
        OAuth2Provider longIssuer = new OAuth2Provider(storage, clock, () -> issuer, List.of("profile", "email"));
        // Each of these bytes takes 3 characters once %-encoded: the most a byte can take.
        String state = "€".repeat(333) + "/";
        Map<String, String[]> query = query("response_type", "code", "client_id", "long", "redirect_uri",
                redirectUri, "state", state);

        String code = longIssuer.approve(longIssuer.checkAuthorizationRequest(
                longIssuer.checkClientAndRedirectUri(query)), "alice").location();
        AuthorizationResponse error = AuthorizationResponse.error(redirectUri, "unsupported_response_type",
                "(" + "x:".repeat(400) + ")", state, issuer);

        assertThat(code.length()).isLessThanOrEqualTo(AuthorizationResponse.MAX_LOCATION_LENGTH);
        assertThat(error.location().length()).isLessThanOrEqualTo(AuthorizationResponse.MAX_LOCATION_LENGTH);
        assertThat(error.parameters().get("error_description")).hasSize(300);
        assertThat(HttpUrl.get(code).queryParameter("state")).isEqualTo(state);
    }

    // ---------------------------------------------------------------- the second half: back to the client

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
            AuthorizationRequest request = provider.checkAuthorizationRequest(provider.checkClientAndRedirectUri(
                    query("response_type", "code", "client_id", "web", "scope", scope)));
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
            AuthorizationEndpoint.Target target = provider.checkClientAndRedirectUri(query(all.toArray(String[]::new)));
            AuthorizationError error = authorizationError(() -> provider.checkAuthorizationRequest(target));
            assertThat(error.getError()).as(String.join(" ", pkce)).isEqualTo("invalid_request");
            assertThat(error.getRedirect().parameters()).containsEntry("state", "s");
        }
        assertThat(provider.checkAuthorizationRequest(provider.checkClientAndRedirectUri(query("response_type",
                "code", "client_id", "app", "redirect_uri", CALLBACK, "code_challenge", CHALLENGE,
                "code_challenge_method", "S256"))).codeChallenge()).isEqualTo(CHALLENGE);
    }

    @Test
    void aMethodWithoutChallengeGoesBackToTheClient() {
        backToClient("invalid_request", "s", "response_type", "code", "code_challenge_method", "S256", "state", "s");
    }

    // ---------------------------------------------------------------- the user's answer

    @Test
    void anAllowedRequestGivesACodeStoredAsAHashBoundToWhatWasAsked() {
        String state = "\"><script>alert(1)</script> & a+b=c";
        AuthorizationRequest request = provider.checkAuthorizationRequest(provider.checkClientAndRedirectUri(query(
                "response_type", "code", "client_id", "app", "redirect_uri", OTHER_CALLBACK, "state", state,
                "code_challenge", CHALLENGE, "code_challenge_method", "S256")));

        HttpUrl back = HttpUrl.get(provider.approve(request, "alice").location());

        assertThat(back.toString()).startsWith(OTHER_CALLBACK + "?code=");
        String code = back.queryParameter("code");
        assertThat(code).hasSize(32).matches("[A-Za-z0-9]+");
        assertThat(back.queryParameter("state")).isEqualTo(state);
        assertThat(back.queryParameter("iss")).isEqualTo(ISSUER);
        assertThat(storage.grants).containsOnlyKeys(Sha256.hex(code));
        InMemoryStorage.Grant grant = storage.grants.get(Sha256.hex(code));
        assertThat(grant.username).isEqualTo("alice");
        assertThat(grant.getClientId()).isEqualTo("app");
        assertThat(grant.getRedirectUri()).isEqualTo(OTHER_CALLBACK);
        assertThat(grant.getScopes()).containsExactly("profile");
        assertThat(grant.getCodeChallenge()).isEqualTo(CHALLENGE);
        assertThat(grant.getExpiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aDeniedRequestGoesBackAsAccessDeniedAndStoresNothing() {
        AuthorizationRequest request = provider.checkAuthorizationRequest(provider.checkClientAndRedirectUri(query(
                "response_type", "code", "client_id", "web", "state", "no-thanks")));

        HttpUrl back = HttpUrl.get(provider.deny(request).location());

        assertThat(back.toString()).startsWith(CALLBACK + "?error=access_denied&error_description=");
        assertThat(back.queryParameter("state")).isEqualTo("no-thanks");
        assertThat(back.queryParameter("iss")).isEqualTo(ISSUER);
        assertThat(storage.grants).isEmpty();
    }
}
