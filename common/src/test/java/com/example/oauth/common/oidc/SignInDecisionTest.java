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
        return AuthenticationRequest.parse(query(pairs));
    }

    static Step decide(AuthenticationRequest request, Instant loggedInAt, Set<String> allowed) {
        return SignInDecision.decide(request, loggedInAt, null, NOW, ASKED, allowed, false);
    }

    /** Back from the login page the handler sent the user to at loginAskedAt. */
    static Step back(AuthenticationRequest request, Instant loggedInAt, Instant loginAskedAt) {
        return SignInDecision.decide(request, loggedInAt, loginAskedAt, NOW, ASKED, ALLOWED, false);
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
    void aPublicClientsRememberedConsentShowsThePageAgain() {
        assertThat(SignInDecision.decide(request(), LOGGED_IN, null, NOW, ASKED, ALLOWED, true))
                .isEqualTo(Step.CONSENT_PAGE);
        assertThatThrownBy(() -> SignInDecision.decide(request("prompt", "none"), LOGGED_IN, null, NOW, ASKED,
                ALLOWED, true)).isInstanceOfSatisfying(AuthenticationError.class,
                        e -> assertThat(e.getError()).isEqualTo("consent_required"));
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
    void aLoginAfterTheProviderAskedForItEndsTheLoopButAnOlderOrStaleOneDoesNot() {
        Instant asked = NOW.minusSeconds(20);
        AuthenticationRequest request = request("prompt", "login consent");

        assertThat(back(request, asked.plusSeconds(5), asked)).isEqualTo(Step.CONSENT_PAGE);
        assertThat(back(request, asked, asked)).isEqualTo(Step.CONSENT_PAGE);
        assertThat(back(request, asked.minusMillis(1), asked)).isEqualTo(Step.LOGIN_PAGE);
        assertThat(back(request, null, asked)).isEqualTo(Step.LOGIN_PAGE);
        // A login page asked for longer ago than its lifetime answers no request any more.
        Instant stale = NOW.minus(SignInDecision.LOGIN_PAGE_LIFETIME).minusSeconds(1);
        assertThat(back(request, stale.plusSeconds(1), stale)).isEqualTo(Step.LOGIN_PAGE);
    }

    @Test
    void maxAgeAsksForANewLoginOnceTheLastIsOlder() {
        long age = Duration.between(LOGGED_IN, NOW).toSeconds();

        assertThat(decide(request("max_age", Long.toString(age)), LOGGED_IN, ALLOWED)).isEqualTo(Step.PROCEED);
        assertThat(decide(request("max_age", Long.toString(age - 1)), LOGGED_IN, ALLOWED)).isEqualTo(Step.LOGIN_PAGE);
    }

    @Test
    void maxAgeCountsWholeSecondsAsAuthTimeDoes() {
        assertThat(decide(request("max_age", "0"), LOGGED_IN, ALLOWED)).isEqualTo(Step.LOGIN_PAGE);
        assertThat(decide(request("max_age", "1"), NOW.minusMillis(500), ALLOWED)).isEqualTo(Step.PROCEED);
        assertThat(decide(request("max_age", "1"), NOW.minusMillis(1001), ALLOWED)).isEqualTo(Step.LOGIN_PAGE);
        // max_age=0: satisfied by the login it asked for.
        Instant asked = NOW.minusSeconds(3);
        assertThat(back(request("max_age", "0"), asked.plusSeconds(1), asked)).isEqualTo(Step.PROCEED);
    }
}
