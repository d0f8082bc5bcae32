package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;

/** RFC 5849 §2.2: which request tokens a user may answer, and where each answer leads. */
class AuthorizationEndpointTest extends OAuth1EngineTest {

    @Test
    void aFreshRequestTokenIsPendingAndNothingElseIs() {
        Issued issued = requestToken(client);

        assertThat(provider.pendingAuthorization(issued.token()).getClient()).isEqualTo(client);
        refused(() -> provider.pendingAuthorization("made-up"));
        refused(() -> provider.pendingAuthorization(""));
        refused(() -> provider.pendingAuthorization(null));
    }

    @Test
    void yesStoresTheVerifiersHashAndTheUserAndSendsTheVerifierToTheCallback() {
        Issued issued = requestToken(client);

        AuthorizationResponse answer = provider.allow(issued.token(), "alice");

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.outOfBand()).isFalse();
        assertThat(answer.verifier()).hasSize(32);
        assertThat(answer.location())
                .isEqualTo(CALLBACK + "?oauth_token=" + issued.token() + "&oauth_verifier=" + answer.verifier());
        InMemoryOAuth1Storage.RequestToken stored = storage.requestTokens.get(issued.token());
        assertThat(stored.getVerifierHash()).isEqualTo(Sha256.hex(answer.verifier()));
        assertThat(stored.username()).isEqualTo("alice");
        assertThat(answer.toString()).doesNotContain(answer.verifier());
    }

    @Test
    void theCallbacksOwnQueryIsKept() {
        String callback = "http://localhost:8000/authorized?next=%2Fhome";
        InMemoryOAuth1Storage.Client app = storage.register("app", "app-secret", List.of(callback), List.of("profile"));
        CredentialsResponse issued = provider.issueTemporaryCredentials(
                temporaryCredentialsRequest(app).oauth("oauth_callback", callback).toSignedRequest(false));

        String location = provider.allow(issued.token(), "alice").location();

        assertThat(location).startsWith(callback + "&oauth_token=" + issued.token() + "&oauth_verifier=");
    }

    @Test
    void noDeletesTheRequestTokenAndTellsTheClientWhichAttemptWasRefused() {
        Issued issued = requestToken(client);

        AuthorizationResponse answer = provider.deny(issued.token());

        assertThat(answer.allowed()).isFalse();
        assertThat(answer.location())
                .isEqualTo(CALLBACK + "?oauth_token=" + issued.token() + "&oauth_problem=permission_denied");
        assertThat(storage.requestTokens).doesNotContainKey(issued.token());
    }

    @Test
    void outOfBandTheAnswerIsShownNotRedirected() {
        InMemoryOAuth1Storage.Client device = storage.register("device", "secret", List.of("oob"), List.of("profile"));
        String yes = provider.issueTemporaryCredentials(
                temporaryCredentialsRequest(device).oauth("oauth_callback", "oob").toSignedRequest(false)).token();
        String no = provider.issueTemporaryCredentials(
                temporaryCredentialsRequest(device).oauth("oauth_callback", "oob").toSignedRequest(false)).token();

        AuthorizationResponse allowed = provider.allow(yes, "alice");
        AuthorizationResponse denied = provider.deny(no);

        assertThat(allowed.outOfBand()).isTrue();
        assertThat(allowed.verifier()).isNotEmpty();
        assertThat(allowed.client()).isEqualTo(device);
        assertThat(denied.outOfBand()).isTrue();
        assertThat(denied.allowed()).isFalse();
    }

    @Test
    void aRequestTokenIsAnsweredOnce() {
        Issued allowedFirst = requestToken(client);
        Issued deniedFirst = requestToken(client);
        String verifier = provider.allow(allowedFirst.token(), "alice").verifier();
        provider.deny(deniedFirst.token());

        refused(() -> provider.pendingAuthorization(allowedFirst.token()));
        refused(() -> provider.deny(allowedFirst.token()));
        refused(() -> provider.allow(allowedFirst.token(), "mallory"));
        refused(() -> provider.allow(deniedFirst.token(), "alice"));

        assertThat(storage.requestTokens.get(allowedFirst.token()).getVerifierHash()).isEqualTo(Sha256.hex(verifier));
    }

    @Test
    void anExpiredRequestTokenCannotBeAnswered() {
        Issued issued = requestToken(client);
        clock.pass(TemporaryCredentialsEndpoint.LIFETIME.plus(Duration.ofSeconds(1)));

        refused(() -> provider.pendingAuthorization(issued.token()));
        refused(() -> provider.allow(issued.token(), "alice"));
        refused(() -> provider.deny(issued.token()));
    }

    @Test
    void aRequestTokenExpiresAtItsExpiryInstantItself() {
        Issued last = requestToken(client);
        Issued expired = requestToken(client);

        clock.pass(TemporaryCredentialsEndpoint.LIFETIME.minusNanos(1));
        assertThat(provider.allow(last.token(), "alice").allowed()).isTrue();
        clock.pass(Duration.ofNanos(1));
        refused(() -> provider.pendingAuthorization(expired.token()));
        refused(() -> provider.allow(expired.token(), "alice"));
    }

    /** The user is told so on a page, and nothing is stored. */
    private void refused(ThrowingCallable answer) {
        var before = storage.contents();

        assertThatThrownBy(answer).isInstanceOf(AuthorizationError.class)
                .hasMessage("This authorization link is unknown, expired or already used."
                        + " Go back to the application and start again.");
        assertThat(storage.contents()).isEqualTo(before);
    }
}
