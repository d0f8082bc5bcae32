package com.example.oauth.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import com.example.oauth.common.oauth2.FormRequest;
import com.example.oauth.common.oauth2.OAuth2Error;

/** Reading a servlet request into the OAuth 2 engine's form request. */
class OAuth2RequestsTest {

    private static MockHttpServletRequest post(String contentType, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth/token");
        request.setContentType(contentType);
        request.setContent(body.getBytes(StandardCharsets.US_ASCII));
        return request;
    }

    @Test
    void theBodyIsReadAsUtf8WithOrWithoutThatCharset() {
        for (String contentType : List.of("application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded;charset=utf-8",
                "Application/X-WWW-Form-Urlencoded; charset=\"UTF-8\"")) {
            MockHttpServletRequest request = post(contentType, "scope=caf%C3%A9&state=%E2%82%AC");
            request.addHeader("Authorization", "Basic abc");

            FormRequest form = OAuth2Requests.form(request);

            assertThat(form.formEncoded()).as(contentType).isTrue();
            assertThat(form.get("scope")).contains("café");
            assertThat(form.get("state")).contains("€");
            assertThat(form.authorization()).isEqualTo("Basic abc");
        }
    }

    @Test
    void anotherCharsetIsAnInvalidRequest() {
        assertThatThrownBy(() -> OAuth2Requests.form(post("application/x-www-form-urlencoded; charset=ISO-8859-1",
                "scope=caf%E9"))).isInstanceOfSatisfying(OAuth2Error.class, e -> {
                    assertThat(e.getError()).isEqualTo("invalid_request");
                    assertThat(e.getMessage()).contains("UTF-8");
                });
    }

    @Test
    void onlyTheBodyIsReadNeverTheQuery() {
        MockHttpServletRequest request = post("application/x-www-form-urlencoded", "grant_type=client_credentials");
        request.setQueryString("client_id=web&client_secret=s");
        request.addParameter("client_id", "web");

        assertThat(OAuth2Requests.form(request).parameters()).containsOnlyKeys("grant_type");
    }

    @Test
    void aBodyThatIsNoFormIsNotRead() {
        FormRequest json = OAuth2Requests.form(post("application/json", "{\"grant_type\":\"client_credentials\"}"));

        assertThat(json.formEncoded()).isFalse();
        assertThat(json.parameters()).isEmpty();
        assertThat(OAuth2Requests.form(new MockHttpServletRequest("POST", "/oauth/token")).formEncoded()).isFalse();
    }

    @Test
    void aBodyTooLargeIsAnInvalidRequest() {
        String body = "token=" + "x".repeat(FormBody.MAX_BYTES);

        assertThatThrownBy(() -> OAuth2Requests.form(post("application/x-www-form-urlencoded", body)))
                .isInstanceOfSatisfying(OAuth2Error.class, e -> {
                    assertThat(e.getError()).isEqualTo("invalid_request");
                    assertThat(e.getMessage()).isEqualTo("The body is larger than 65536 bytes.");
                });
    }

    @Test
    void aBodyReadBeforeFailsLoudly() {
        // Something called getParameter() first: the server consumed the body, which said it had 10 bytes.
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth/token") {
            @Override
            public long getContentLengthLong() {
                return 10;
            }
        };
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(new byte[0]);

        assertThatThrownBy(() -> OAuth2Requests.form(request)).isInstanceOf(IllegalStateException.class);
    }
}
