package com.example.oauth.common.oidc;

import static com.example.oauth.common.oidc.OidcTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.oidc.SignInDecision.Step;

/**
 * OpenID Connect Core §3.1.2.1, §3.1.2.3, §3.1.2.4: which page a request
 * needs, from prompt, max_age, the login and the remembered consent.
 */
class SignInDecisionTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant LOGGED_IN = NOW.minus(Duration.ofHours(2));
    static final List<String> ASKED = List.of("openid", "profile");
    static final Set<String> ALLOWED = Set.of("openid", "profile", "email");

    static AuthenticationRequest request(String... pairs) {
        return AuthenticationRequest.parse(query(pairs), NOW);
    }

    static Step decide(AuthenticationRequest request, Instant loggedInAt, Set<String> allowed) {
        return SignInDecision.decide(request, loggedInAt, NOW, ASKED, allowed);
    }

    static void refused(String error, AuthenticationRequest request, Instant loggedInAt, Set<String> allowed) {
        assertThatThrownBy(() -> decide(request, loggedInAt, allowed))
                .isInstanceOfSatisfying(AuthenticationError.class, e -> assertThat(e.getError()).isEqualTo(error));
    }

    @Test
    void aVisitorLogsInFirst() {
        assertThat(decide(request(), null, Set.of())).isEqualTo(Step.LOGIN_PAGE);
    }

    @Test
    void rememberedConsentSignsInWithoutAPage() {
        assertThat(decide(request(), LOGGED_IN, ALLOWED)).isEqualTo(Step.PROCEED);
        assertThat(decide(request(), LOGGED_IN, Set.of("openid", "profile"))).isEqualTo(Step.PROCEED);
    }

    @Test
    void aScopeNotAllowedBeforeAsksAgain() {
        assertThat(decide(request(), LOGGED_IN, Set.of())).isEqualTo(Step.CONSENT_PAGE);
        assertThat(decide(request(), LOGGED_IN, Set.of("openid", "email"))).isEqualTo(Step.CONSENT_PAGE);
    }

    @Test
    void promptConsentAlwaysAsks() {
        assertThat(decide(request("prompt", "consent"), LOGGED_IN, ALLOWED)).isEqualTo(Step.CONSENT_PAGE);
    }

    @Test
    void promptNoneNeverShowsAPage() {
        assertThat(decide(request("prompt", "none"), LOGGED_IN, ALLOWED)).isEqualTo(Step.PROCEED);
        refused("login_required", request("prompt", "none"), null, ALLOWED);
        refused("login_required", request("prompt", "none", "max_age", "60"), LOGGED_IN, ALLOWED);
        refused("consent_required", request("prompt", "none"), LOGGED_IN, Set.of("openid"));
    }

    @Test
    void promptLoginAndSelectAccountShowTheLoginPageEvenWithASession() {
        assertThat(decide(request("prompt", "login"), LOGGED_IN, ALLOWED)).isEqualTo(Step.LOGIN_PAGE);
        assertThat(decide(request("prompt", "select_account"), LOGGED_IN, ALLOWED)).isEqualTo(Step.LOGIN_PAGE);
    }

    @Test
    void aLoginAfterTheProviderAskedForItEndsTheLoopButAnOlderOneDoesNot() {
        Instant asked = NOW.minusSeconds(20);
        AuthenticationRequest back = request("prompt", "login consent",
                AuthenticationRequest.LOGIN_ASKED_AT, AuthenticationRequest.loginAskedAt(asked));

        assertThat(decide(back, asked.plusSeconds(5), ALLOWED)).isEqualTo(Step.CONSENT_PAGE);
        assertThat(decide(back, asked, ALLOWED)).isEqualTo(Step.CONSENT_PAGE);
        assertThat(decide(back, asked.minusMillis(1), ALLOWED)).isEqualTo(Step.LOGIN_PAGE);
        assertThat(decide(back, null, ALLOWED)).isEqualTo(Step.LOGIN_PAGE);
    }

    @Test
    void maxAgeAsksForANewLoginOnceTheLastIsOlder() {
        long age = Duration.between(LOGGED_IN, NOW).toSeconds();

        assertThat(decide(request("max_age", Long.toString(age)), LOGGED_IN, ALLOWED)).isEqualTo(Step.PROCEED);
        assertThat(decide(request("max_age", Long.toString(age - 1)), LOGGED_IN, ALLOWED)).isEqualTo(Step.LOGIN_PAGE);
    }

    @Test
    void maxAgeZeroIsSatisfiedByTheLoginItAskedFor() {
        assertThat(decide(request("max_age", "0"), LOGGED_IN, ALLOWED)).isEqualTo(Step.LOGIN_PAGE);

        Instant asked = NOW.minusSeconds(3);
        AuthenticationRequest back = request("max_age", "0",
                AuthenticationRequest.LOGIN_ASKED_AT, AuthenticationRequest.loginAskedAt(asked));
        assertThat(decide(back, asked.plusSeconds(1), ALLOWED)).isEqualTo(Step.PROCEED);
    }
}
