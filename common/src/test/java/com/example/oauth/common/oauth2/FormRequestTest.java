package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

    @Test
    void aMalformedEscapeIsAnInvalidRequest() {
        assertThatThrownBy(() -> FormRequest.parseForm("code=%zz")).isInstanceOfSatisfying(OAuth2Error.class,
                e -> assertThat(e.getError()).isEqualTo("invalid_request"));
    }
}
