package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;

/** RFC 5849 §2.2: which request tokens a user may answer, and where each answer leads. */
class AuthorizationEndpointTest extends OAuth1EngineTest {

    @Test
    void aFreshRequestTokenIsPendingAndNothingElseIs() {
        Issued issued = requestToken(client);

        assertThat(provider.pendingAuthorization(issued.token())).get()
                .extracting(InMemoryOAuth1Storage.RequestToken::getClient).isEqualTo(client);
        assertThat(provider.pendingAuthorization("made-up")).isEmpty();
        assertThat(provider.pendingAuthorization("")).isEmpty();
        assertThat(provider.pendingAuthorization(null)).isEmpty();
    }

    @Test
    void yesStoresTheVerifiersHashAndTheUserAndSendsTheVerifierToTheCallback() {
        Issued issued = requestToken(client);

        AuthorizationResponse<?> answer = provider.allow(issued.token(), "alice").orElseThrow();

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

        String location = provider.allow(issued.token(), "alice").orElseThrow().location();

        assertThat(location).startsWith(callback + "&oauth_token=" + issued.token() + "&oauth_verifier=");
    }

    @Test
    void noDeletesTheRequestTokenAndTellsTheClientWhichAttemptWasRefused() {
        Issued issued = requestToken(client);

        AuthorizationResponse<?> answer = provider.deny(issued.token()).orElseThrow();

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

        AuthorizationResponse<?> allowed = provider.allow(yes, "alice").orElseThrow();
        AuthorizationResponse<?> denied = provider.deny(no).orElseThrow();

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
        String verifier = provider.allow(allowedFirst.token(), "alice").orElseThrow().verifier();
        provider.deny(deniedFirst.token()).orElseThrow();
        var before = storage.contents();

        assertThat(provider.pendingAuthorization(allowedFirst.token())).isEmpty();
        assertThat(provider.deny(allowedFirst.token())).isEmpty();
        assertThat(provider.allow(allowedFirst.token(), "mallory")).isEmpty();
        assertThat(provider.allow(deniedFirst.token(), "alice")).isEmpty();

        assertThat(storage.contents()).isEqualTo(before);
        assertThat(storage.requestTokens.get(allowedFirst.token()).getVerifierHash()).isEqualTo(Sha256.hex(verifier));
    }

    @Test
    void anExpiredRequestTokenCannotBeAnswered() {
        Issued issued = requestToken(client);
        clock.pass(TemporaryCredentialsEndpoint.LIFETIME.plus(Duration.ofSeconds(1)));
        var before = storage.contents();

        assertThat(provider.pendingAuthorization(issued.token())).isEmpty();
        assertThat(provider.allow(issued.token(), "alice")).isEmpty();
        assertThat(provider.deny(issued.token())).isEmpty();
        assertThat(storage.contents()).isEqualTo(before);
    }
}
