package com.example.oauth.common.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * RP-Initiated Logout 1.0 §2–§4: the browser goes back to the client only
 * to a URI that client registered, the client being known by a hint this
 * provider signed or by client_id; anything else keeps the user on the
 * provider's page, with the reason, and never throws.
 */
class EndSessionEndpointTest extends OidcTest {

    static final String BYE = "https://app.example/bye";
    static final String BYE_WITH_QUERY = "https://app.example/logged-out?from=op";

    final LogoutClients clients = clientId -> Optional.ofNullable(Map.of(
            "web", List.of(BYE, BYE_WITH_QUERY),
            "other", List.of("https://other.example/bye"),
            "quiet", List.<String>of()).get(clientId));
    final EndSessionEndpoint endpoint = new EndSessionEndpoint(idTokens, clients);

    final String webHint = idTokens.issue(new Authentication("u-7f3a", "web", START, "n-1"));

    EndSessionRequest check(String... pairs) {
        return endpoint.check(query(pairs));
    }

    @Test
    void aGoodHintAndARegisteredUriRedirectWithState() {
        EndSessionRequest request = check("id_token_hint", webHint, "post_logout_redirect_uri", BYE,
                "state", "s 1&2=3");

        assertThat(request.redirects()).isTrue();
        assertThat(request.clientId()).isEqualTo("web");
        assertThat(request.subject()).isEqualTo("u-7f3a");
        assertThat(request.problem()).isNull();
        assertThat(request.location()).isEqualTo(BYE + "?state=s+1%262%3D3");
    }

    @Test
    void theStateJoinsAQueryTheUriHasAndNoStateAddsNothing() {
        assertThat(check("id_token_hint", webHint, "post_logout_redirect_uri", BYE_WITH_QUERY, "state", "x")
                .location()).isEqualTo(BYE_WITH_QUERY + "&state=x");
        assertThat(check("id_token_hint", webHint, "post_logout_redirect_uri", BYE).location()).isEqualTo(BYE);
    }

    @Test
    void anExpiredHintIsStillAGoodHint() {
        clock.pass(Duration.ofDays(3));

        assertThat(check("id_token_hint", webHint, "post_logout_redirect_uri", BYE).redirects()).isTrue();
    }

    @Test
    void clientIdAloneNamesTheClientWhenNoHintIsSent() {
        EndSessionRequest request = check("client_id", "web", "post_logout_redirect_uri", BYE, "state", "x");

        assertThat(request.location()).isEqualTo(BYE + "?state=x");
        assertThat(request.subject()).isNull();
    }

    @Test
    void aClientIdThatIsNotTheHintsAudienceIsAMismatch() {
        EndSessionRequest request = check("id_token_hint", webHint, "client_id", "other",
                "post_logout_redirect_uri", "https://other.example/bye");

        stays(request, "client_id does not match");
        // The same client, said twice, is fine.
        assertThat(check("id_token_hint", webHint, "client_id", "web", "post_logout_redirect_uri", BYE).redirects())
                .isTrue();
    }

    @Test
    void onlyAUriTheClientRegisteredExactlyIsFollowed() {
        for (String uri : List.of("https://app.example/bye/", "https://app.example/BYE", "https://app.example/bye?x=1",
                "https://evil.example/bye", "https://other.example/bye")) {
            stays(check("id_token_hint", webHint, "post_logout_redirect_uri", uri), "not one this application");
        }
        stays(check("client_id", "quiet", "post_logout_redirect_uri", BYE), "not one this application");
    }

    @Test
    void aUriWithoutAKnownClientIsNotFollowed() {
        stays(check("post_logout_redirect_uri", BYE), "without id_token_hint or client_id");
        stays(check("client_id", "nobody", "post_logout_redirect_uri", BYE), "No application");
    }

    @Test
    void aHintThatDoesNotVerifyCostsTheRedirectWhateverItIs() {
        InMemorySigningKeyStorage otherStorage = new InMemorySigningKeyStorage();
        otherStorage.save(SigningKey.generate(START).toStored());
        String foreign = new IdTokens(new SigningKeys(otherStorage, clock), clock, () -> ISSUER)
                .issue(new Authentication("u-7f3a", "web", START, null));

        for (String hint : List.of(foreign, "not-a-jwt", "a.b.c", webHint + "x", "x".repeat(20_000))) {
            stays(check("id_token_hint", hint, "post_logout_redirect_uri", BYE, "client_id", "web"),
                    "not an id_token of this provider");
        }
    }

    @Test
    void noRedirectAskedMeansTheProvidersPageWithoutAProblem() {
        EndSessionRequest plain = check();
        assertThat(plain.redirects()).isFalse();
        assertThat(plain.location()).isNull();
        assertThat(plain.problem()).isNull();

        EndSessionRequest hinted = check("id_token_hint", webHint);
        assertThat(hinted.redirects()).isFalse();
        assertThat(hinted.clientId()).isEqualTo("web");
        assertThat(hinted.subject()).isEqualTo("u-7f3a");
    }

    @Test
    void emptyParametersCountAsNotSentAndRepeatedOnesAreRefused() {
        assertThat(check("id_token_hint", "", "client_id", "web", "post_logout_redirect_uri", BYE, "state", "")
                .location()).isEqualTo(BYE);

        stays(check("id_token_hint", webHint, "post_logout_redirect_uri", BYE, "post_logout_redirect_uri", BYE),
                "more than once");
        stays(check("id_token_hint", webHint, "post_logout_redirect_uri", BYE, "state", "a", "state", "b"),
                "more than once");
        stays(check("client_id", "web", "post_logout_redirect_uri", BYE, "state", "s".repeat(1001)), "longer than");
    }

    static void stays(EndSessionRequest request, String reason) {
        assertThat(request.redirects()).isFalse();
        assertThat(request.location()).isNull();
        assertThat(request.problem()).contains(reason);
    }
}
