package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationHeaderTest {

    // RFC 5849 §1.2, the temporary credentials request, with its line breaks.
    private static final String RFC_1_2_INITIATE = """
            OAuth realm="Photos",
               oauth_consumer_key="dpf43f3p2l4k3l03",
               oauth_signature_method="HMAC-SHA1",
               oauth_timestamp="137131200",
               oauth_nonce="wIjqoS",
               oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready",
               oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"
            """;

    @Test
    void parsesTheRfcExampleSkippingTheRealm() {
        AuthorizationHeader header = AuthorizationHeader.parse(RFC_1_2_INITIATE);

        assertThat(header.parameters()).containsExactly(
                new Parameter("oauth_consumer_key", "dpf43f3p2l4k3l03"),
                new Parameter("oauth_signature_method", "HMAC-SHA1"),
                new Parameter("oauth_timestamp", "137131200"),
                new Parameter("oauth_nonce", "wIjqoS"),
                new Parameter("oauth_callback", "http://printer.example.com/ready"),
                new Parameter("oauth_signature", "74KNZJeDHnMBp0EMJ9ZHt/XKycU="));
        assertThat(header.get("oauth_callback")).contains("http://printer.example.com/ready");
        assertThat(header.get("oauth_token")).isEmpty();
        assertThat(header.get("realm")).isEmpty();
    }

    @Test
    void realmIsOptional() {
        AuthorizationHeader header = AuthorizationHeader.parse("OAuth oauth_consumer_key=\"k\"");
        assertThat(header.parameters()).containsExactly(new Parameter("oauth_consumer_key", "k"));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        // RFC 5849 §3.5.1: auth-scheme name "OAuth" (case insensitive).
        assertThat(AuthorizationHeader.parse("oauth oauth_nonce=\"n\"").get("oauth_nonce")).contains("n");
        assertThat(AuthorizationHeader.parse("OAUTH\toauth_nonce=\"n\"").get("oauth_nonce")).contains("n");
        assertThat(AuthorizationHeader.isOAuth("oAuth realm=\"x\"")).isTrue();
    }

    @Test
    void otherSchemesAreNotOAuth() {
        assertThat(AuthorizationHeader.isOAuth("Basic dXNlcjpwYXNz")).isFalse();
        assertThat(AuthorizationHeader.isOAuth("Bearer abc")).isFalse();
        assertThat(AuthorizationHeader.isOAuth("OAuthx a=\"b\"")).isFalse();
        assertThat(AuthorizationHeader.isOAuth(null)).isFalse();
        assertThatThrownBy(() -> AuthorizationHeader.parse("Basic dXNlcjpwYXNz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OAuth scheme");
    }

    @Test
    void plusInAHeaderValueIsAPlusNotASpace() {
        // Header values are §3.6-encoded, where a space is %20; a '+' is a literal plus.
        AuthorizationHeader header = AuthorizationHeader.parse("OAuth oauth_signature=\"a+b%20c\"");
        assertThat(header.get("oauth_signature")).contains("a+b c");
    }

    @Test
    void emptyValuesAndLooseWhitespaceAreAccepted() {
        AuthorizationHeader header = AuthorizationHeader.parse(
                "  OAuth   oauth_token=\"\" ,oauth_nonce = \"n\",\toauth_version=\"1.0\"  ");
        assertThat(header.parameters()).containsExactly(
                new Parameter("oauth_token", ""),
                new Parameter("oauth_nonce", "n"),
                new Parameter("oauth_version", "1.0"));
    }

    @Test
    void aHeaderWithNoParametersIsEmpty() {
        assertThat(AuthorizationHeader.parse("OAuth").parameters()).isEmpty();
        assertThat(AuthorizationHeader.parse("OAuth   ").parameters()).isEmpty();
    }

    @Test
    void realmIsAQuotedStringNotPercentEncoded() {
        // RFC 2617 quoted-string: backslash escapes; '%' would be a malformed escape in a parameter.
        AuthorizationHeader header = AuthorizationHeader.parse(
                "OAuth realm=\"http://server.example.com/ \\\"x\\\" 100%\", oauth_nonce=\"n\"");
        assertThat(header.parameters()).containsExactly(new Parameter("oauth_nonce", "n"));
    }

    @Test
    void aParameterSentTwiceIsLeftToTheRequestChecks() {
        // RequestChecks refuses it, wherever the two came from (§3.1): see its test.
        assertThat(AuthorizationHeader.parse("OAuth a=\"1\", a=\"2\"").parameters())
                .containsExactly(new Parameter("a", "1"), new Parameter("a", "2"));
    }

    @Test
    void formatsAHeaderAndParsesItBack() {
        List<Parameter> parameters = List.of(
                new Parameter("oauth_consumer_key", "dpf43f3p2l4k3l03"),
                new Parameter("oauth_callback", "http://printer.example.com/ready"),
                new Parameter("oauth_signature", "74KNZJeDHnMBp0EMJ9ZHt/XKycU="));

        String value = AuthorizationHeader.format(parameters);

        assertThat(value).isEqualTo("OAuth oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
                + "oauth_callback=\"http%3A%2F%2Fprinter.example.com%2Fready\", "
                + "oauth_signature=\"74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D\"");
        AuthorizationHeader parsed = AuthorizationHeader.parse(value);
        assertThat(parsed).isEqualTo(new AuthorizationHeader(parameters));
        assertThat(parsed.toHeaderValue()).isEqualTo(value);
    }

    @Test
    void formatsEveryCharacterSafely() {
        List<Parameter> parameters = List.of(new Parameter("x y", "\"quoted\", a+b \\ \u3001"));
        AuthorizationHeader header = new AuthorizationHeader(parameters);
        assertThat(AuthorizationHeader.parse(header.toHeaderValue())).isEqualTo(header);
        assertThat(AuthorizationHeader.format(List.of())).isEqualTo("OAuth");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "OAuth oauth_nonce=\"abc",                          // unterminated quote
        "OAuth oauth_nonce=\"abc\\",                        // unterminated after a backslash
        "OAuth oauth_nonce",                                // missing '='
        "OAuth oauth_nonce \"abc\"",                        // missing '='
        "OAuth =\"abc\"",                                   // missing name
        "OAuth oauth_nonce=abc",                            // value not quoted
        "OAuth oauth_nonce=",                               // no value at all
        "OAuth a=\"1\",, b=\"2\"",                          // duplicate separators
        "OAuth , a=\"1\"",                                  // leading separator
        "OAuth a=\"1\",",                                   // trailing separator
        "OAuth a=\"1\" b=\"2\"",                            // missing separator
        "OAuth a=\"1\"x, b=\"2\"",                          // junk after a value
        "OAuth a=\"%G1\"",                                  // malformed escape in a value
        "OAuth a%4=\"1\"",                                  // malformed escape in a name
        "",
        "OAuthrealm=\"x\"",
    })
    void malformedHeadersAreIllegalArguments(String malformed) {
        assertThatThrownBy(() -> AuthorizationHeader.parse(malformed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorMessagesSayWhatIsWrong() {
        assertThatThrownBy(() -> AuthorizationHeader.parse("OAuth oauth_nonce=\"abc"))
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> AuthorizationHeader.parse("OAuth oauth_nonce"))
                .hasMessageContaining("missing '='");
        assertThatThrownBy(() -> AuthorizationHeader.parse("OAuth a=\"1\",, b=\"2\""))
                .hasMessageContaining("duplicate ','");
        assertThatThrownBy(() -> AuthorizationHeader.parse(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
