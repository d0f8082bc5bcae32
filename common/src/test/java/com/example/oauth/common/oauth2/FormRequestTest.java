package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormRequestTest {

    private static FormRequest form(String body) {
        return FormRequest.of(body, null, null);
    }

    @Test
    void aFormIsDecoded() {
        assertThat(form("grant_type=authorization_code&redirect_uri=http%3A%2F%2Fx%2Fcb&s=a+b&e=caf%C3%A9")
                .parameters()).containsExactly(Map.entry("grant_type", List.of("authorization_code")),
                        Map.entry("redirect_uri", List.of("http://x/cb")), Map.entry("s", List.of("a b")),
                        Map.entry("e", List.of("café")));
    }

    @Test
    void anEmptyValueCountsAsNotSent() {
        // RFC 6749 §3.2.
        assertThat(form("scope=&code=x&state&=y").parameters()).containsOnlyKeys("code");
        assertThat(form("").parameters()).isEmpty();
    }

    @Test
    void aParameterSentTwiceIsAnInvalidRequest() {
        FormRequest request = form("code=a&code=b");

        assertThatThrownBy(() -> request.get("code")).isInstanceOfSatisfying(OAuth2Error.class,
                e -> assertThat(e.getError()).isEqualTo("invalid_request"));
    }

    @Test
    void theCharsetIsUtf8OrNone() {
        for (String charset : new String[] {null, "UTF-8", "utf-8"}) {
            assertThat(FormRequest.of("state=%E2%82%AC", charset, null).get("state")).contains("€");
        }
        // RFC 6749 Appendix B: UTF-8. An é sent as ISO-8859-1 (%E9) would not decode.
        for (String charset : List.of("ISO-8859-1", "windows-1252", "UTF-16", "")) {
            assertThatThrownBy(() -> FormRequest.of("scope=caf%E9", charset, null)).as(charset)
                    .isInstanceOfSatisfying(OAuth2Error.class, e -> {
                        assertThat(e.getError()).isEqualTo("invalid_request");
                        assertThat(e.getMessage()).contains("UTF-8");
                    });
        }
    }

    @Test
    void aMalformedOrNonUtf8EscapeIsAnInvalidRequest() {
        assertThatThrownBy(() -> form("a=1&code=%zz")).isInstanceOfSatisfying(OAuth2Error.class, e -> {
            assertThat(e.getError()).isEqualTo("invalid_request");
            assertThat(e.getMessage()).isEqualTo("The form body has a malformed %-escape: '%zz'.");
        });
        assertThatThrownBy(() -> form("scope=caf%E9")).isInstanceOfSatisfying(OAuth2Error.class, e -> {
            assertThat(e.getError()).isEqualTo("invalid_request");
            assertThat(e.getMessage()).contains("'caf%E9'").contains("not UTF-8");
        });
    }

    @Test
    void aBodyThatIsNoFormMustBeOne() {
        FormRequest json = FormRequest.of(null, null, "Basic x");

        assertThat(json.formEncoded()).isFalse();
        assertThat(json.authorization()).isEqualTo("Basic x");
        assertThatThrownBy(json::requireForm).isInstanceOfSatisfying(OAuth2Error.class, e -> {
            assertThat(e.getError()).isEqualTo("invalid_request");
            assertThat(e.getMessage()).contains("application/x-www-form-urlencoded");
        });
        form("a=1").requireForm();
    }
}
