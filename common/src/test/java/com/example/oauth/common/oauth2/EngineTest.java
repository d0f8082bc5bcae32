package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.testing.MovableClock;

/**
 * What the engine's tests share: the engine on an in-memory storage, a
 * clock they can move, three registered clients, and requests built by
 * hand so that a test can break any one rule. No database, no step, no HTTP.
 */
abstract class EngineTest {

    static final String CALLBACK = "https://app.example/cb";
    static final String OTHER_CALLBACK = "https://app.example/other";
    static final String ISSUER = "https://as.example";
    static final Instant START = Instant.parse("2013-11-11T10:00:00Z");

    /** RFC 7636 Appendix B. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    final InMemoryStorage storage = new InMemoryStorage();
    final MovableClock clock = new MovableClock(START);
    final OAuth2Provider provider = new OAuth2Provider(storage, clock, () -> ISSUER + "/", List.of("profile", "email"));

    /**
     * web: confidential, one redirect URI, both scopes; other: confidential,
     * profile; app: public, two redirect URIs, profile.
     */
    @BeforeEach
    void registerClients() {
        register(new InMemoryStorage.Client("web", Sha256.hex("web-secret"), ClientType.CONFIDENTIAL,
                List.of(CALLBACK), List.of("profile", "email")));
        register(new InMemoryStorage.Client("other", Sha256.hex("other-secret"), ClientType.CONFIDENTIAL,
                List.of(CALLBACK), List.of("profile")));
        register(new InMemoryStorage.Client("app", null, ClientType.PUBLIC, List.of(CALLBACK, OTHER_CALLBACK),
                List.of("profile")));
    }

    void register(InMemoryStorage.Client client) {
        storage.clients.put(client.getClientId(), client);
    }

    /** A query as a servlet container gives it: each name with all its values. */
    static Map<String, String[]> query(String... pairs) {
        Map<String, String[]> query = new LinkedHashMap<>();
        form(pairs).parameters().forEach((name, values) -> query.put(name, values.toArray(String[]::new)));
        return query;
    }

    /** A form body's parameters, exactly as given: a name may repeat. */
    static FormRequest form(String... pairs) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.computeIfAbsent(pairs[i], n -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return new FormRequest(true, values, null);
    }

    /** A form from the confidential client "web", its secret in the body. */
    static FormRequest web(String... pairs) {
        return withClient(pairs, "client_id", "web", "client_secret", "web-secret");
    }

    /** A form from the public client "app": its client_id alone. */
    static FormRequest app(String... pairs) {
        return withClient(pairs, "client_id", "app");
    }

    private static FormRequest withClient(String[] pairs, String... client) {
        List<String> all = new ArrayList<>(List.of(pairs));
        all.addAll(List.of(client));
        return form(all.toArray(String[]::new));
    }

    /** An authorization request with these parameters, checked for the logged-in user alice. */
    AuthorizationRequest authorize(String... pairs) {
        return provider.checkAuthorizationRequest(query(pairs), () -> "alice");
    }

    /** alice allows an authorization request (response_type=code and these); the code that comes back. */
    String code(String... pairs) {
        List<String> all = new ArrayList<>(List.of("response_type", "code"));
        all.addAll(List.of(pairs));
        return okhttp3.HttpUrl.get(provider.approve(authorize(all.toArray(String[]::new))).location())
                .queryParameter("code");
    }

    /** A code for web, both scopes, no PKCE, redirect_uri not named. */
    String webCode() {
        return code("client_id", "web");
    }

    /** A fresh token pair for web, from a new code. */
    TokenResponse webTokens() {
        return provider.token(web("grant_type", "authorization_code", "code", webCode()));
    }

    /** A code for app, with the RFC 7636 example challenge. */
    String appCode() {
        return code("client_id", "app", "redirect_uri", CALLBACK, "code_challenge", CHALLENGE,
                "code_challenge_method", "S256");
    }

    /**
     * Sends a request that must be refused: checks the RFC 6749 §5.2 error,
     * its status and that storage did not change.
     */
    OAuth2Error refused(Runnable request, int status, String error) {
        InMemoryStorage.Snapshot before = storage.snapshot();
        OAuth2Error refusal = refusal(OAuth2Error.class, request::run);
        assertThat(refusal.getStatus()).as(refusal.getMessage()).isEqualTo(status);
        assertThat(refusal.getError()).as(refusal.getMessage()).isEqualTo(error);
        assertThat(refusal.getMessage()).isNotBlank().doesNotContain("\"");
        assertThat(storage.snapshot()).isEqualTo(before);
        return refusal;
    }

    /**
     * The exception a request that must be refused throws; fails with a
     * clear message, not a NullPointerException, when it went through.
     */
    static <T extends Throwable> T refusal(Class<T> type, ThrowingCallable request) {
        T refusal = catchThrowableOfType(type, request);
        assertThat(refusal).as("expected a refusal").isNotNull();
        return refusal;
    }

    /** Whether the access token of this answer still opens /api/me. */
    boolean works(TokenResponse token) {
        try {
            provider.checkBearerToken("Bearer " + token.accessToken(), "profile");
            return true;
        } catch (BearerTokenError e) {
            return false;
        }
    }
}
