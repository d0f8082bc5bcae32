package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.user.User;

/** The engine on an in-memory storage: no database, no step, no HTTP. */
class OAuth2ProviderTest {

    private static final String CALLBACK = "https://app.example/cb";
    private static final String ISSUER = "https://as.example";

    private final InMemoryStorage storage = new InMemoryStorage();
    private final MovableClock clock = new MovableClock();
    private final OAuth2Provider<InMemoryStorage.Client, InMemoryStorage.Grant, InMemoryStorage.Token> provider =
            new OAuth2Provider<>(storage, clock, () -> ISSUER + "/", List.of("profile", "email"));
    private final User alice = new User("alice");

    @BeforeEach
    void registerClients() {
        storage.clients.put("web", new InMemoryStorage.Client("web", Sha256.hex("web-secret"),
                ClientType.CONFIDENTIAL, List.of(CALLBACK), List.of("profile", "email")));
        storage.clients.put("app", new InMemoryStorage.Client("app", null, ClientType.PUBLIC,
                List.of(CALLBACK, "https://app.example/other"), List.of("profile")));
    }

    /** A clock the test can move forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2013-11-11T10:00:00Z");

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static Map<String, String[]> query(String... pairs) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.computeIfAbsent(pairs[i], n -> new ArrayList<>()).add(pairs[i + 1]);
        }
        Map<String, String[]> query = new LinkedHashMap<>();
        values.forEach((name, list) -> query.put(name, list.toArray(String[]::new)));
        return query;
    }

    private static FormRequest form(String... pairs) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.computeIfAbsent(pairs[i], n -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return new FormRequest(true, values, null);
    }

    private static FormRequest web(String... pairs) {
        List<String> all = new ArrayList<>(List.of(pairs));
        all.addAll(List.of("client_id", "web", "client_secret", "web-secret"));
        return form(all.toArray(String[]::new));
    }

    private String code(String... pairs) {
        AuthorizationRequest<InMemoryStorage.Client> request = provider.checkAuthorizationRequest(query(pairs));
        String location = provider.approve(request, alice).location();
        return okhttp3.HttpUrl.get(location).queryParameter("code");
    }

    private static OAuth2Error tokenError(Runnable request) {
        try {
            request.run();
        } catch (OAuth2Error e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aGoodRequestIsCheckedAndItsParametersKept() {
        AuthorizationRequest<InMemoryStorage.Client> request = provider.checkAuthorizationRequest(query(
                "response_type", "code", "client_id", "web", "redirect_uri", CALLBACK, "state", "s", "extra", "x"));

        assertThat(request.client().getClientId()).isEqualTo("web");
        assertThat(request.redirectUri()).isEqualTo(CALLBACK);
        assertThat(request.redirectUriGiven()).isTrue();
        assertThat(request.scopes()).containsExactly("profile", "email");
        assertThat(request.codeChallenge()).isNull();
        // Unknown parameters are ignored (§3.1), and not sent again.
        assertThat(request.parameters()).containsOnlyKeys("response_type", "client_id", "redirect_uri", "state");
    }

    @Test
    void anUnknownClientOrRedirectUriIsShownToTheUser() {
        assertThatThrownBy(() -> provider.checkAuthorizationRequest(query("response_type", "code",
                "client_id", "nobody", "redirect_uri", CALLBACK)))
                .isInstanceOfSatisfying(AuthorizationError.class, e -> assertThat(e.isRedirect()).isFalse());
        assertThatThrownBy(() -> provider.checkAuthorizationRequest(query("response_type", "code",
                "client_id", "web", "redirect_uri", CALLBACK + "/x")))
                .isInstanceOfSatisfying(AuthorizationError.class, e -> assertThat(e.isRedirect()).isFalse());
        // Two registered, none named.
        assertThatThrownBy(() -> provider.checkAuthorizationRequest(query("response_type", "code",
                "client_id", "app")))
                .isInstanceOfSatisfying(AuthorizationError.class, e -> assertThat(e.isRedirect()).isFalse());
    }

    @Test
    void otherErrorsGoBackToTheClientWithStateAndIssuer() {
        assertThatThrownBy(() -> provider.checkAuthorizationRequest(query("response_type", "code",
                "client_id", "app", "redirect_uri", CALLBACK, "state", "s")))
                .isInstanceOfSatisfying(AuthorizationError.class, e -> {
                    assertThat(e.getError()).isEqualTo("invalid_request");
                    assertThat(e.getRedirect().parameters()).containsEntry("state", "s")
                            .containsEntry("iss", ISSUER).containsKey("error_description");
                });
    }

    @Test
    void theWholeGrantWorksWithoutADatabase() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String code = code("response_type", "code", "client_id", "app", "redirect_uri", CALLBACK,
                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256");

        TokenResponse token = provider.token(form("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "client_id", "app", "code_verifier", verifier));

        assertThat(token.scopes()).containsExactly("profile");
        assertThat(provider.checkBearerToken("Bearer " + token.accessToken(), "profile").username())
                .isEqualTo("alice");
        // Only hashes reached storage.
        assertThat(storage.grants).containsOnlyKeys(Sha256.hex(code));
        assertThat(storage.tokens.get(0).stored.accessTokenHash()).isEqualTo(Sha256.hex(token.accessToken()));
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String code = code("response_type", "code", "client_id", "web");
        clock.pass(Duration.ofMinutes(5));

        OAuth2Error error = tokenError(() -> provider.token(web("grant_type", "authorization_code", "code", code)));

        assertThat(error.getError()).isEqualTo("invalid_grant");
        assertThat(error.getMessage()).contains("expired");
        assertThat(storage.tokens).isEmpty();
    }

    @Test
    void aSecondUseOfACodeRevokesItsTokens() {
        String code = code("response_type", "code", "client_id", "web");
        TokenResponse token = provider.token(web("grant_type", "authorization_code", "code", code));

        OAuth2Error error = tokenError(() -> provider.token(web("grant_type", "authorization_code", "code", code)));

        assertThat(error.getError()).isEqualTo("invalid_grant");
        assertThatThrownBy(() -> provider.checkBearerToken("Bearer " + token.accessToken(), "profile"))
                .isInstanceOfSatisfying(BearerTokenError.class, e -> assertThat(e.getStatus()).isEqualTo(401));
    }

    @Test
    void refreshTokensRotateAndTheirReuseEndsTheGrant() {
        String code = code("response_type", "code", "client_id", "web");
        TokenResponse first = provider.token(web("grant_type", "authorization_code", "code", code));
        TokenResponse second = provider.token(web("grant_type", "refresh_token", "refresh_token",
                first.refreshToken()));

        OAuth2Error reuse = tokenError(() -> provider.token(web("grant_type", "refresh_token", "refresh_token",
                first.refreshToken())));

        assertThat(reuse.getError()).isEqualTo("invalid_grant");
        assertThat(storage.tokens).hasSize(2).allMatch(InMemoryStorage.Token::isRevoked);
        assertThatThrownBy(() -> provider.checkBearerToken("Bearer " + second.accessToken(), "profile"))
                .isInstanceOf(BearerTokenError.class);
    }

    @Test
    void anAccessTokenDiesAfterAnHour() {
        String code = code("response_type", "code", "client_id", "web");
        TokenResponse token = provider.token(web("grant_type", "authorization_code", "code", code));
        assertThat(provider.checkBearerToken("Bearer " + token.accessToken(), "profile").username())
                .isEqualTo("alice");

        clock.pass(Duration.ofHours(1));

        assertThatThrownBy(() -> provider.checkBearerToken("Bearer " + token.accessToken(), "profile"))
                .isInstanceOfSatisfying(BearerTokenError.class,
                        e -> assertThat(e.getError()).isEqualTo("invalid_token"));
    }

    @Test
    void introspectionAnswersTheTokensOwnClientOnly() {
        TokenResponse token = provider.token(web("grant_type", "client_credentials"));
        storage.clients.put("other", new InMemoryStorage.Client("other", Sha256.hex("other-secret"),
                ClientType.CONFIDENTIAL, List.of(CALLBACK), List.of("profile")));

        Map<String, Object> own = provider.introspect(web("token", token.accessToken()));
        Map<String, Object> foreign = provider.introspect(form("token", token.accessToken(),
                "client_id", "other", "client_secret", "other-secret"));

        // A client's own token stands for no user: no username, no sub, no scope.
        assertThat(own).containsEntry("active", true).containsEntry("client_id", "web")
                .containsEntry("iss", ISSUER).doesNotContainKeys("username", "sub", "scope");
        assertThat(foreign).isEqualTo(Map.of("active", false));
    }

    @Test
    void aClientsOwnTokenGetsNoUserScope() {
        for (String scope : List.of("profile", "email", "profile email", "admin")) {
            OAuth2Error error = tokenError(() -> provider.token(web("grant_type", "client_credentials",
                    "scope", scope)));
            assertThat(error.getError()).isEqualTo("invalid_scope");
        }
        assertThat(storage.tokens).isEmpty();

        TokenResponse token = provider.token(web("grant_type", "client_credentials"));

        assertThat(token.scopes()).isEmpty();
        assertThat(token.toJson()).doesNotContainKeys("scope", "refresh_token");
        assertThatThrownBy(() -> provider.checkBearerToken("Bearer " + token.accessToken(), "profile"))
                .isInstanceOfSatisfying(BearerTokenError.class, e -> {
                    assertThat(e.getError()).isEqualTo("insufficient_scope");
                    assertThat(e.getMessage()).contains("client_credentials");
                });
    }

    @Test
    void aFamilyEndsNinetyDaysAfterTheCodeExchangeHoweverOftenItIsRefreshed() {
        String code = code("response_type", "code", "client_id", "web");
        TokenResponse token = provider.token(web("grant_type", "authorization_code", "code", code));
        for (int refresh = 0; refresh < 3; refresh++) {
            clock.pass(Duration.ofDays(29));
            token = provider.token(web("grant_type", "refresh_token", "refresh_token", token.refreshToken()));
        }
        // Day 87: the last refresh token dies with the family, on day 90, not on day 117.
        assertThat(storage.tokens.get(3).getRefreshExpiresAt())
                .isEqualTo(Instant.parse("2013-11-11T10:00:00Z").plus(Duration.ofDays(90)));
        clock.pass(Duration.ofDays(3));
        String last = token.refreshToken();

        OAuth2Error error = tokenError(() -> provider.token(web("grant_type", "refresh_token", "refresh_token",
                last)));

        assertThat(error.getError()).isEqualTo("invalid_grant");
        assertThat(error.getMessage()).contains("90 days");
        assertThat(storage.tokens).hasSize(4);
    }

    @Test
    void aTokenStoredAfterItsFamilyWasRevokedIsDeadToo() {
        String code = code("response_type", "code", "client_id", "web");
        TokenResponse first = provider.token(web("grant_type", "authorization_code", "code", code));
        InMemoryStorage.Grant grant = storage.grants.get(Sha256.hex(code));
        // A reuse revokes the family while a rotation is between its read and its write.
        storage.revokeGrant(grant);
        InMemoryStorage.Token refreshed = storage.tokens.get(0);
        NewToken late = BearerToken.generate(List.of("profile"), clock.instant(), Duration.ofHours(1),
                clock.instant().plus(Duration.ofDays(30))).stored();

        assertThat(storage.rotateRefreshToken(refreshed, late)).isFalse();
        storage.tokens.add(new InMemoryStorage.Token(late, grant.request.client(), alice, grant));
        assertThat(storage.tokens).allMatch(InMemoryStorage.Token::isRevoked);
        assertThatThrownBy(() -> provider.checkBearerToken("Bearer " + first.accessToken(), "profile"))
                .isInstanceOfSatisfying(BearerTokenError.class, e -> assertThat(e.getStatus()).isEqualTo(401));
    }

    @Test
    void aParameterTooLongIsShownToTheUserWithoutItsValue() {
        // 1000 bytes of UTF-8 pass; one more, or 1000 characters of 3 bytes each, do not.
        String longest = "€".repeat(333) + "/";
        assertThat(provider.checkAuthorizationRequest(query("response_type", "code", "client_id", "web",
                "state", longest)).state()).isEqualTo(longest);
        for (String[] pairs : List.of(new String[] {"state", longest + "/"}, new String[] {"state", "€".repeat(1000)},
                new String[] {"redirect_uri", CALLBACK + "/".repeat(1000)},
                new String[] {"scope", "profile ".repeat(30)}, new String[] {"response_type", "x".repeat(201)})) {
            List<String> all = new ArrayList<>(List.of("response_type", "code", "client_id", "web"));
            all.addAll(List.of(pairs));
            Map<String, String[]> query = query(all.toArray(String[]::new));
            for (Runnable check : List.<Runnable>of(() -> provider.checkClientAndRedirectUri(query),
                    () -> provider.checkAuthorizationRequest(query))) {
                assertThatThrownBy(check::run).isInstanceOfSatisfying(AuthorizationError.class, e -> {
                    assertThat(e.isRedirect()).isFalse();
                    assertThat(e.getMessage()).startsWith(pairs[0] + " is longer than")
                            .doesNotContain(pairs[1].substring(pairs[1].length() - 20));
                });
            }
        }
        assertThat(storage.grants).isEmpty();
    }

    @Test
    void theLongestAnswerFitsInALocationHeader() {
        String redirectUri = "https://app.example/" + "c".repeat(980);
        String issuer = "https://" + "a".repeat(880) + ".example";
        storage.clients.put("long", new InMemoryStorage.Client("long", Sha256.hex("s"), ClientType.CONFIDENTIAL,
                List.of(redirectUri), List.of("profile")));
        OAuth2Provider<InMemoryStorage.Client, InMemoryStorage.Grant, InMemoryStorage.Token> longIssuer =
                new OAuth2Provider<>(storage, clock, () -> issuer, List.of("profile", "email"));
        // Each of these bytes takes 3 characters once %-encoded: the most a byte can take.
        String state = "€".repeat(333) + "/";
        Map<String, String[]> query = query("response_type", "code", "client_id", "long", "redirect_uri",
                redirectUri, "state", state);

        String code = longIssuer.approve(longIssuer.checkAuthorizationRequest(query), alice).location();
        AuthorizationResponse error = AuthorizationResponse.error(redirectUri, "unsupported_response_type",
                "(" + "x:".repeat(400) + ")", state, issuer);

        assertThat(code.length()).isLessThanOrEqualTo(AuthorizationResponse.MAX_LOCATION_LENGTH);
        assertThat(error.location().length()).isLessThanOrEqualTo(AuthorizationResponse.MAX_LOCATION_LENGTH);
        assertThat(error.parameters().get("error_description")).hasSize(300);
        assertThat(okhttp3.HttpUrl.get(code).queryParameter("state")).isEqualTo(state);
    }

    @Test
    void aMalformedBearerHeaderIsAnInvalidRequestAndAnotherSchemeNoToken() {
        for (String header : List.of("Bearer\tabc", "Bearer,abc", "Bearer", "Bearer abc def", "Bearer:abc")) {
            assertThatThrownBy(() -> provider.checkBearerToken(header, "profile")).as(header)
                    .isInstanceOfSatisfying(BearerTokenError.class, e -> {
                        assertThat(e.getStatus()).isEqualTo(400);
                        assertThat(e.getError()).isEqualTo("invalid_request");
                    });
        }
        for (String header : List.of("Basic d2ViOndlYi1zZWNyZXQ=", "BearerX abc", "Token abc")) {
            assertThatThrownBy(() -> provider.checkBearerToken(header, "profile")).as(header)
                    .isInstanceOfSatisfying(BearerTokenError.class, e -> {
                        assertThat(e.getStatus()).isEqualTo(401);
                        assertThat(e.getError()).isNull();
                    });
        }
    }

    @Test
    void theIssuerHasNoTrailingSlashInTheMetadata() {
        assertThat(provider.metadata()).containsEntry("issuer", ISSUER)
                .containsEntry("token_endpoint", ISSUER + "/oauth/token");
    }
}
