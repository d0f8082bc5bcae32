package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.testing.SignedRequestBuilder;

/** RFC 5849 §3: a signed call to a protected resource, and every refusal. */
class ResourceRequestCheckTest extends OAuth1EngineTest {

    private TokenCredentials check(SignedRequestBuilder request, String realm) {
        return provider.checkResourceRequest(request.toSignedRequest(false), realm);
    }

    @Test
    void aCallSignedWithAnAccessTokenNamesItsUserAndRecordsItsNonce() {
        Issued accessToken = accessToken(client);
        int noncesBefore = storage.nonces.size();

        TokenCredentials token = check(resourceRequest(client, accessToken), "profile");

        assertThat(token.username()).isEqualTo("alice");
        assertThat(storage.nonces).hasSize(noncesBefore + 1);
        assertThat(token.toString()).doesNotContain(accessToken.secret(), client.clientSecret());
    }

    @Test
    void aTokenWithoutTheRealmIsForbidden() {
        InMemoryOAuth1Storage.Client emailOnly = storage.register("email-only", "secret", List.of(CALLBACK),
                List.of("email"));
        Issued accessToken = accessToken(emailOnly);

        OAuthProblem problem = refused(() -> check(resourceRequest(emailOnly, accessToken), "profile"), 403,
                "permission_denied");

        assertThat(problem.getMessage()).contains("\"profile\"");
    }

    @Test
    void theSameCallTwiceIsAReplay() {
        SignedRequestBuilder call = resourceRequest(client, accessToken(client));
        check(call, "profile");

        refused(() -> check(call, "profile"), 401, "nonce_used");
    }

    @Test
    void theAccessTokensSecretIsPartOfTheSignature() {
        Issued accessToken = accessToken(client);

        refused(() -> check(resourceRequest(client, accessToken).signWith(client.clientSecret(), "wrong"), "profile"),
                401, "signature_invalid");
    }

    @Test
    void aRequestTokenIsNoAccessToken() {
        Issued requestToken = authorizedRequestToken(client);

        refused(() -> check(resourceRequest(client, requestToken), "profile"), 401, "token_rejected");
    }

    @Test
    void anotherClientsAccessTokenIsUnknownToIt() {
        InMemoryOAuth1Storage.Client thief = storage.register("thief", "thief-secret", List.of(CALLBACK),
                List.of("profile"));
        Issued accessToken = accessToken(client);

        refused(() -> check(resourceRequest(thief, accessToken), "profile"), 401, "token_rejected");
    }

    @Test
    void aCallWithoutATokenNamesIt() {
        SignedRequestBuilder noToken = new SignedRequestBuilder("GET", PROVIDER + "/api/me", client.clientKey(),
                client.clientSecret());

        OAuthProblem problem = refused(() -> check(noToken, "profile"), 400, "parameter_absent");

        assertThat(fields(problem)).containsEntry("oauth_parameters_absent", "oauth_token");
    }
}
