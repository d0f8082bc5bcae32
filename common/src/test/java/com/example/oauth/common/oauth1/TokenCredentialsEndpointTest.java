package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.testing.SignedRequestBuilder;

/** RFC 5849 §2.3: the exchange of an authorized request token and its verifier, once, and every refusal. */
class TokenCredentialsEndpointTest extends OAuth1EngineTest {

    private CredentialsResponse exchange(SignedRequestBuilder request) {
        return provider.issueTokenCredentials(request.toSignedRequest(false));
    }

    @Test
    void theExchangeUsesUpTheRequestTokenAndSavesTheAccessTokenForTheSameUserAndRealms() {
        Issued requestToken = authorizedRequestToken(client);

        CredentialsResponse answer = exchange(tokenRequest(client, requestToken));

        assertThat(storage.requestTokens).doesNotContainKey(requestToken.token());
        TokenCredentials saved = storage.accessTokens.get(answer.token());
        assertThat(saved.tokenSecret()).isEqualTo(answer.tokenSecret()).hasSize(40);
        assertThat(saved.username()).isEqualTo("alice");
        assertThat(saved.clientKey()).isEqualTo(client.clientKey());
        assertThat(saved.realms()).containsExactly("profile", "email");
        assertThat(answer.token()).hasSize(30).isNotEqualTo(requestToken.token());
        assertThat(answer.toFormBody())
                .isEqualTo("oauth_token=" + answer.token() + "&oauth_token_secret=" + answer.tokenSecret());
    }

    @Test
    void aRequestTokenIsExchangedOnce() {
        Issued requestToken = authorizedRequestToken(client);
        exchange(tokenRequest(client, requestToken));

        // A new nonce: what refuses it is the used-up token, not a replay.
        refused(() -> exchange(tokenRequest(client, requestToken)), 401, "token_rejected");
    }

    @Test
    void ofTwoExchangesAtOnceTheLoserGetsTokenUsedAndNoAccessToken() {
        Issued requestToken = authorizedRequestToken(client);
        // Another request exchanges the same token between this one's read and its write.
        storage.beforeExchange = () -> {
            storage.beforeExchange = () -> {
            };
            exchange(tokenRequest(client, requestToken));
        };

        OAuthProblem problem = catchThrowableOfType(OAuthProblem.class,
                () -> exchange(tokenRequest(client, requestToken)));

        assertThat(problem).as("expected a refusal").isNotNull();
        assertThat(problem.getStatus()).isEqualTo(401);
        assertThat(fields(problem)).containsEntry("oauth_problem", "token_used");
        // One access token and one nonce, the winner's: storage.exchange
        // records the nonce with the tokens, or not at all.
        assertThat(storage.accessTokens).hasSize(1);
        assertThat(storage.nonces).filteredOn(n -> n.token().equals(requestToken.token())).hasSize(1);
    }

    @Test
    void aTokenTheUserHasNotAuthorizedCannotBeExchanged() {
        Issued issued = requestToken(client);

        refused(() -> exchange(tokenRequest(client, new Issued(issued.token(), issued.secret(), "guess"))), 401,
                "permission_unknown");
    }

    @Test
    void aWrongVerifierIsRefusedAndTheTokenStaysUsable() {
        Issued requestToken = authorizedRequestToken(client);

        refused(() -> exchange(tokenRequest(client, requestToken).oauth("oauth_verifier", "wrong")), 401,
                "verifier_invalid");

        assertThat(exchange(tokenRequest(client, requestToken)).token()).isNotEmpty();
    }

    @Test
    void theVerifierIsRequired() {
        Issued requestToken = authorizedRequestToken(client);

        OAuthProblem problem = refused(() -> exchange(tokenRequest(client, requestToken).oauth("oauth_verifier", null)),
                400, "parameter_absent");

        assertThat(fields(problem)).containsEntry("oauth_parameters_absent", "oauth_verifier");
    }

    @Test
    void anExpiredRequestTokenIsRefused() {
        Issued requestToken = authorizedRequestToken(client);
        clock.pass(TemporaryCredentialsEndpoint.LIFETIME.plus(Duration.ofSeconds(1)));

        refused(() -> exchange(now(tokenRequest(client, requestToken))), 401, "token_expired");
    }

    @Test
    void aRequestTokenExpiresAtItsExpiryInstantItself() {
        Issued last = authorizedRequestToken(client);
        Issued expired = authorizedRequestToken(client);

        clock.pass(TemporaryCredentialsEndpoint.LIFETIME.minusNanos(1));
        assertThat(exchange(now(tokenRequest(client, last))).token()).isNotEmpty();
        clock.pass(Duration.ofNanos(1));
        refused(() -> exchange(now(tokenRequest(client, expired))), 401, "token_expired");
    }

    /** The request, timestamped by the moved clock. */
    private SignedRequestBuilder now(SignedRequestBuilder request) {
        return request.oauth("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
    }

    @Test
    void anotherClientsRequestTokenIsUnknownToIt() {
        InMemoryOAuth1Storage.Client thief = storage.register("thief", "thief-secret", List.of(CALLBACK),
                List.of("profile"));
        Issued requestToken = authorizedRequestToken(client);

        refused(() -> exchange(tokenRequest(thief, requestToken)), 401, "token_rejected");

        assertThat(exchange(tokenRequest(client, requestToken)).token()).isNotEmpty();
    }

    @Test
    void anUnknownTokenOfAnUnknownClientNamesTheClient() {
        InMemoryOAuth1Storage.Client stranger =
                new InMemoryOAuth1Storage.Client("nobody", "secret", null, List.of(CALLBACK), List.of("profile"));

        refused(() -> exchange(tokenRequest(stranger, new Issued("made-up", "secret", "verifier"))), 401,
                "consumer_key_unknown");
    }

    @Test
    void theRequestTokensSecretIsPartOfTheSignature() {
        Issued requestToken = authorizedRequestToken(client);

        refused(() -> exchange(tokenRequest(client, requestToken).signWith(client.clientSecret(), "wrong")), 401,
                "signature_invalid");
    }
}
