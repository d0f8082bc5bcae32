package com.example.oauth.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import com.example.oauth.common.oauth1.OAuthProblem;
import com.example.oauth.common.oauth1.Parameter;
import com.example.oauth.common.oauth1.SignedRequest;

/** The adapter that reads a servlet request into the OAuth 1 engine's SignedRequest. */
class OAuth1RequestsTest {

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServerName("127.0.0.1");
        request.setServerPort(5000);
        return request;
    }

    @Test
    void theUriIsTheOneTheClientAddressedAndEveryPlaceGivesParameters() {
        MockHttpServletRequest request = request("POST", "/oauth/request_token");
        request.setQueryString("a=1");
        request.addHeader("Authorization", "OAuth realm=\"oauth\", oauth_nonce=\"n\"");
        request.setContentType("application/x-www-form-urlencoded; charset=UTF-8");
        request.setContent("b=2".getBytes(StandardCharsets.US_ASCII));

        SignedRequest signed = OAuth1Requests.signedRequest(request);

        assertThat(signed.method()).isEqualTo("POST");
        assertThat(signed.uri().toString()).isEqualTo("http://127.0.0.1:5000/oauth/request_token");
        assertThat(signed.parameters()).containsExactly(new Parameter("a", "1"), new Parameter("oauth_nonce", "n"),
                new Parameter("b", "2"));
        assertThat(signed.secure()).isFalse();
    }

    @Test
    void anIpv6HostIsBracketedAndHttpsIsSeen() {
        MockHttpServletRequest request = request("GET", "/api/me");
        request.setServerName("::1");
        request.setScheme("https");
        request.setSecure(true);

        SignedRequest signed = OAuth1Requests.signedRequest(request);

        assertThat(signed.uri().toString()).isEqualTo("https://[::1]:5000/api/me");
        assertThat(signed.secure()).isTrue();
    }

    @Test
    void onlyAFormBodyCounts() {
        // RFC 5849 §3.4.1.3.1: a JSON body's text is no parameter.
        MockHttpServletRequest request = request("POST", "/oauth/request_token");
        request.setContentType("application/json");
        request.setContent("a=1".getBytes(StandardCharsets.US_ASCII));

        assertThat(OAuth1Requests.signedRequest(request).parameters()).isEmpty();
    }

    @Test
    void aBodyOverSixtyFourKilobytesIsABadRequest() {
        MockHttpServletRequest request = request("POST", "/oauth/request_token");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(("a=" + "x".repeat(FormBody.MAX_BYTES)).getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> OAuth1Requests.signedRequest(request)).isInstanceOfSatisfying(OAuthProblem.class,
                problem -> {
                    assertThat(problem.getStatus()).isEqualTo(400);
                    assertThat(problem.toFormBody()).startsWith("oauth_problem=parameter_rejected&");
                    assertThat(problem.getMessage()).contains("larger than 65536 bytes");
                });
    }

    @Test
    void aBodyThatSomethingReadBeforeFailsLoudly() {
        // Tomcat consumed the body when a filter called getParameter(): the length says 3, the stream is empty.
        MockHttpServletRequest consumed = new MockHttpServletRequest("POST", "/oauth/request_token") {
            @Override
            public long getContentLengthLong() {
                return 3;
            }
        };
        consumed.setContentType("application/x-www-form-urlencoded");

        assertThatThrownBy(() -> OAuth1Requests.signedRequest(consumed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read before the OAuth check");
    }
}
