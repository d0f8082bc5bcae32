package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading a request from its parts (RFC 5849 §3.4.1.3.1), as the web adapter hands them over. */
class SignedRequestTest extends OAuth1EngineTest {

    @Test
    void parametersComeFromTheQueryTheHeaderAndAFormBody() {
        SignedRequest request = SignedRequest.read("POST", PROVIDER + "/oauth/request_token", "a=1&b=x%20y",
                "OAuth realm=\"Photos\", oauth_nonce=\"n%2B1\"", "c=2+3&d", false);

        assertThat(request.parameters()).containsExactly(new Parameter("a", "1"), new Parameter("b", "x y"),
                new Parameter("oauth_nonce", "n+1"), new Parameter("c", "2 3"), new Parameter("d", ""));
        assertThat(request.get("c")).contains("2 3");
        assertThat(request.uri().toString()).isEqualTo(PROVIDER + "/oauth/request_token");
    }

    @Test
    void everyProtocolParameterMayComeFromTheBody() {
        // §3.5.2: no Authorization header at all, the oauth_* parameters in the form body.
        String header = temporaryCredentialsRequest(client).body("x", "a b+c").authorization();
        StringBuilder body = new StringBuilder("x=a%20b%2Bc");
        AuthorizationHeader.parse(header).parameters().forEach(p -> body.append('&').append(p.encoded()));

        SignedRequest request = SignedRequest.read("POST", PROVIDER + "/oauth/request_token", null, null,
                body.toString(), false);

        assertThat(provider.issueTemporaryCredentials(request).token()).isNotEmpty();
    }

    @Test
    void aGetMaySendEverythingInTheQuery() {
        String header = new com.example.oauth.common.testing.SignedRequestBuilder("GET",
                PROVIDER + "/oauth/request_token", client.clientKey(), client.clientSecret())
                .query("oauth_callback", CALLBACK).query("scope", "profile").authorization();
        StringBuilder query = new StringBuilder("oauth_callback=" + PercentEncoding.encode(CALLBACK) + "&scope=profile");
        AuthorizationHeader.parse(header).parameters().stream().filter(p -> !p.name().equals("oauth_callback"))
                .forEach(p -> query.append('&').append(p.encoded()));

        SignedRequest request = SignedRequest.read("GET", PROVIDER + "/oauth/request_token", query.toString(), null,
                null, false);

        assertThat(provider.issueTemporaryCredentials(request).token()).isNotEmpty();
    }

    @Test
    void aMalformedHeaderQueryBodyOrUriIsABadRequest() {
        String uri = PROVIDER + "/oauth/request_token";
        assertRejected(() -> SignedRequest.read("POST", uri, null, "OAuth oauth_consumer_key=\"unterminated", null,
                false));
        assertRejected(() -> SignedRequest.read("POST", uri, "a=%zz", null, null, false));
        assertRejected(() -> SignedRequest.read("POST", uri, null, null, "a=%E2%82", false));
        // A Host header such as "1.2.3:5000" makes a URI without a host.
        assertRejected(() -> SignedRequest.read("POST", "http://1.2.3:5000/oauth/request_token", null, null, null,
                false));
        assertRejected(() -> SignedRequest.read("POST", "http://a b:5000/", null, null, null, false));
    }

    @Test
    void anotherSchemeThanOAuthInTheHeaderIsNoOAuthParameter() {
        SignedRequest request = SignedRequest.read("GET", PROVIDER + "/api/me", null, "Basic YWxpY2U6c2VjcmV0", null,
                false);

        assertThat(request.parameters()).isEmpty();
    }

    private static void assertRejected(Runnable read) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(OAuthProblem.class, problem -> {
            assertThat(problem.getStatus()).isEqualTo(400);
            assertThat(fields(problem)).containsEntry("oauth_problem", "parameter_rejected");
            assertThat(problem.getMessage()).startsWith("The request could not be read: ");
        });
    }
}
