package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.testing.SignedRequestBuilder;

/** RFC 5849 §2.1: what a request for temporary credentials gets, and every refusal. */
class TemporaryCredentialsEndpointTest extends OAuth1EngineTest {

    private CredentialsResponse issue(SignedRequestBuilder request) {
        return provider.issueTemporaryCredentials(request.toSignedRequest(false));
    }

    @Test
    void issuesAndSavesARequestTokenForTenMinutes() {
        CredentialsResponse answer = issue(temporaryCredentialsRequest(client));

        InMemoryOAuth1Storage.RequestToken saved = storage.requestTokens.get(answer.token());
        assertThat(saved.getTokenSecret()).isEqualTo(answer.tokenSecret()).hasSize(40);
        assertThat(saved.getClient()).isEqualTo(client);
        assertThat(saved.getCallback()).isEqualTo(CALLBACK);
        assertThat(saved.getExpiresAt()).isEqualTo(clock.instant().plus(TemporaryCredentialsEndpoint.LIFETIME));
        assertThat(saved.getVerifierHash()).isNull();
        assertThat(answer.toFormBody()).isEqualTo("oauth_token=" + answer.token() + "&oauth_token_secret="
                + answer.tokenSecret() + "&oauth_callback_confirmed=true");
    }

    @Test
    void eachRequestTokenIsNewAndLong() {
        CredentialsResponse first = issue(temporaryCredentialsRequest(client));
        CredentialsResponse second = issue(temporaryCredentialsRequest(client));

        assertThat(first.token()).hasSize(30).isNotEqualTo(second.token());
        assertThat(first.tokenSecret()).isNotEqualTo(second.tokenSecret());
        assertThat(first.toString()).doesNotContain(first.tokenSecret());
    }

    @Test
    void onlyARegisteredCallbackIsAcceptedCharacterForCharacter() {
        for (String callback : List.of("http://localhost:8000/elsewhere", CALLBACK + "/", CALLBACK + "?x=1",
                "HTTP://localhost:8000/authorized")) {
            OAuthProblem problem = refused(() -> issue(temporaryCredentialsRequest(client)
                    .oauth("oauth_callback", callback)), 400, "parameter_rejected");
            assertThat(fields(problem)).containsEntry("oauth_parameters_rejected", "oauth_callback");
            assertThat(problem.getMessage()).contains(CALLBACK);
        }
    }

    @Test
    void outOfBandOnlyIfRegistered() {
        OAuthProblem problem = refused(() -> issue(temporaryCredentialsRequest(client).oauth("oauth_callback", "oob")),
                400, "parameter_rejected");
        assertThat(problem.getMessage()).contains("\"oob\"");

        InMemoryOAuth1Storage.Client device = storage.register("device", "device-secret", List.of("oob"),
                List.of("profile"));
        CredentialsResponse answer = issue(temporaryCredentialsRequest(device).oauth("oauth_callback", "oob"));
        assertThat(storage.requestTokens.get(answer.token()).getCallback()).isEqualTo("oob");
    }

    @Test
    void withoutAScopeTheClientGetsTheRealmsItRegistered() {
        CredentialsResponse answer = issue(temporaryCredentialsRequest(client));

        assertThat(storage.requestTokens.get(answer.token()).issued().realms()).containsExactly("profile", "email");
    }

    @Test
    void aSignedScopeAsksForSomeOfTheRegisteredRealmsFromHeaderQueryOrBody() {
        CredentialsResponse inBody = issue(temporaryCredentialsRequest(client).body("scope", "email"));
        CredentialsResponse inQuery = issue(temporaryCredentialsRequest(client).query("scope", " email  profile email "));
        CredentialsResponse inHeader = issue(temporaryCredentialsRequest(client).header("scope", "profile"));

        assertThat(storage.requestTokens.get(inBody.token()).issued().realms()).containsExactly("email");
        assertThat(storage.requestTokens.get(inQuery.token()).issued().realms()).containsExactly("email", "profile");
        assertThat(storage.requestTokens.get(inHeader.token()).issued().realms()).containsExactly("profile");
    }

    @Test
    void aRealmTheClientDidNotRegisterIsRefused() {
        InMemoryOAuth1Storage.Client emailOnly = storage.register("email-only", "secret", List.of(CALLBACK),
                List.of("email"));

        for (String scope : List.of("profile", "email admin")) {
            OAuthProblem problem = refused(() -> issue(temporaryCredentialsRequest(emailOnly).body("scope", scope)),
                    400, "parameter_rejected");
            assertThat(fields(problem)).containsEntry("oauth_parameters_rejected", "scope");
        }
    }

    @Test
    void theHeadersRealmIsNotSignedSoItAsksForNothing() {
        InMemoryOAuth1Storage.Client emailOnly = storage.register("email-only", "secret", List.of(CALLBACK),
                List.of("email"));
        SignedRequestBuilder request = temporaryCredentialsRequest(emailOnly);
        String authorization = request.authorization().replaceFirst("^OAuth ", "OAuth realm=\"profile\", ");

        CredentialsResponse answer = provider.issueTemporaryCredentials(SignedRequest.read("POST",
                PROVIDER + "/oauth/request_token", null, authorization, null, false));

        assertThat(storage.requestTokens.get(answer.token()).issued().realms()).containsExactly("email");
    }
}
