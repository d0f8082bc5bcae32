package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class FormRequestTest {

    @Test
    void aFormIsDecoded() {
        assertThat(FormRequest.parseForm("grant_type=authorization_code&redirect_uri=http%3A%2F%2Fx%2Fcb&s=a+b"))
                .containsExactly(Map.entry("grant_type", List.of("authorization_code")),
                        Map.entry("redirect_uri", List.of("http://x/cb")), Map.entry("s", List.of("a b")));
    }

    @Test
    void anEmptyValueCountsAsNotSent() {
        // RFC 6749 §3.2.
        assertThat(FormRequest.parseForm("scope=&code=x&state")).containsOnlyKeys("code");
        assertThat(FormRequest.parseForm("")).isEmpty();
    }

    @Test
    void aParameterSentTwiceIsAnInvalidRequest() {
        FormRequest request = new FormRequest(true, FormRequest.parseForm("code=a&code=b"), null);

        assertThatThrownBy(() -> request.get("code")).isInstanceOfSatisfying(OAuth2Error.class,
                e -> assertThat(e.getError()).isEqualTo("invalid_request"));
    }

    private static MockHttpServletRequest post(String contentType, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth/token");
        request.setContentType(contentType);
        request.setContent(body);
        return request;
    }

    @Test
    void theBodyIsReadAsUtf8WithOrWithoutThatCharset() {
        byte[] body = "scope=caf%C3%A9&state=%E2%82%AC".getBytes(StandardCharsets.US_ASCII);
        for (String contentType : List.of("application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded;charset=utf-8",
                "Application/X-WWW-Form-Urlencoded; charset=\"UTF-8\"")) {
            FormRequest request = FormRequest.from(post(contentType, body));

            assertThat(request.formEncoded()).as(contentType).isTrue();
            assertThat(request.get("scope")).contains("café");
            assertThat(request.get("state")).contains("€");
        }
    }

    @Test
    void anotherCharsetIsAnInvalidRequest() {
        // RFC 6749 Appendix B: UTF-8. An é sent as ISO-8859-1 (%E9) would not decode.
        for (String charset : List.of("ISO-8859-1", "windows-1252", "\"UTF-16\"", "")) {
            assertThatThrownBy(() -> FormRequest.from(post("application/x-www-form-urlencoded; charset=" + charset,
                    "scope=caf%E9".getBytes(StandardCharsets.US_ASCII)))).as(charset)
                    .isInstanceOfSatisfying(OAuth2Error.class, e -> {
                        assertThat(e.getError()).isEqualTo("invalid_request");
                        assertThat(e.getMessage()).contains("UTF-8");
                    });
        }
    }

    @Test
    void aMalformedEscapeIsAnInvalidRequest() {
        assertThatThrownBy(() -> FormRequest.parseForm("code=%zz")).isInstanceOfSatisfying(OAuth2Error.class,
                e -> assertThat(e.getError()).isEqualTo("invalid_request"));
    }
}
