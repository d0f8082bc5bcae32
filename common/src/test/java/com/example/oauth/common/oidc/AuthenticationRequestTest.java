package com.example.oauth.common.oidc;

import static com.example.oauth.common.oidc.OidcTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.oauth.common.oauth2.AuthorizationError;

/** OpenID Connect Core §3.1.2.1 and §3.1.2.6: prompt, max_age, nonce, and what is refused. */
class AuthenticationRequestTest {

    static AuthenticationRequest parse(String... pairs) {
        return AuthenticationRequest.parse(query(pairs));
    }

    static void refused(String error, String... pairs) {
        assertThatThrownBy(() -> parse(pairs)).isInstanceOfSatisfying(AuthenticationError.class, e -> {
            assertThat(e.getError()).isEqualTo(error);
            // RFC 6749 §4.1.2.1: error_description is printable ASCII without '"' and '\'.
            assertThat(e.getMessage()).matches("[\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e]+");
        });
    }

    @Test
    void aPlainRequestHasNoPromptNoMaxAgeNoNonce() {
        AuthenticationRequest request = parse("response_type", "code", "scope", "openid", "redirect_uri", "x:/");

        assertThat(request.prompt()).isEmpty();
        assertThat(request.maxAge()).isNull();
        assertThat(request.nonce()).isNull();
    }

    @Test
    void anOpenidRequestWithoutRedirectUriIsShownOnTheProvidersPage() {
        assertThatThrownBy(() -> parse("scope", "profile openid")).isInstanceOfSatisfying(AuthorizationError.class,
                e -> assertThat(e.isRedirect()).isFalse());
        parse("scope", "profile");
    }

    @Test
    void requestObjectsAreNotSupported() {
        refused("request_not_supported", "request", "eyJ.x.y");
        refused("request_uri_not_supported", "request_uri", "https://rp.example/r");
    }

    @Test
    void promptIsASpaceSeparatedSet() {
        AuthenticationRequest request = parse("prompt", "login consent");

        assertThat(request.prompt()).containsExactlyInAnyOrder(Prompt.LOGIN, Prompt.CONSENT);
        assertThat(parse("prompt", "select_account").asks(Prompt.SELECT_ACCOUNT)).isTrue();
        assertThat(parse("prompt", "none").prompt()).containsExactly(Prompt.NONE);
    }

    @Test
    void anUnknownOrMiscasedPromptValueIsInvalid() {
        refused("invalid_request", "prompt", "create");
        refused("invalid_request", "prompt", "Login");
        refused("invalid_request", "prompt", "login \"<script>\"");
    }

    @Test
    void noneWithAnotherValueIsInvalid() {
        refused("invalid_request", "prompt", "none login");
        refused("invalid_request", "prompt", "consent none");
    }

    @Test
    void maxAgeIsANumberOfSeconds() {
        assertThat(parse("max_age", "3600").maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(parse("max_age", "0").maxAge()).isEqualTo(Duration.ZERO);
        assertThat(parse("max_age", "007").maxAge()).isEqualTo(Duration.ofSeconds(7));
        // More than a long holds: still a non-negative integer, and longer than any login is old.
        assertThat(parse("max_age", "99999999999999999999999").maxAge()).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "1e3", "+5", " 5", "5 ", "abc", "0x10", "\u0663"})
    void maxAgeNotInAsciiDigitsIsInvalid(String maxAge) {
        refused("invalid_request", "max_age", maxAge);
    }

    @Test
    void anEmptyParameterCountsAsNotSent() {
        AuthenticationRequest request = parse("prompt", "", "max_age", "", "nonce", "");

        assertThat(request.prompt()).isEmpty();
        assertThat(request.maxAge()).isNull();
        assertThat(request.nonce()).isNull();
        // One empty and one real value: sent once.
        assertThat(parse("nonce", "", "nonce", "n-1").nonce()).isEqualTo("n-1");
    }

    @Test
    void aParameterSentTwiceIsInvalid() {
        refused("invalid_request", "prompt", "login", "prompt", "consent");
        refused("invalid_request", "max_age", "1", "max_age", "1");
        refused("invalid_request", "nonce", "a", "nonce", "b");
    }

    @Test
    void theNonceIsKeptExactlyUpToItsLimit() {
        String odd = " a+b/c=%20\u00e9 ";
        assertThat(parse("nonce", odd).nonce()).isEqualTo(odd);
        String longest = "n".repeat(AuthenticationRequest.MAX_NONCE_BYTES);
        assertThat(parse("nonce", longest).nonce()).isEqualTo(longest);

        refused("invalid_request", "nonce", longest + "n");
        // The limit is in bytes of UTF-8: 128 two-byte letters are 256 bytes.
        refused("invalid_request", "nonce", "\u00e9".repeat(128));
        // Stored and copied into the id_token: no control character (PostgreSQL refuses NUL).
        for (String control : new String[] {"a\u0000b", "a\nb", "a\u007fb"}) {
            refused("invalid_request", "nonce", control);
        }
    }

    @Test
    void anIdTokenFromTheAuthorizationEndpointIsNotOffered() {
        refused("unsupported_response_type", "response_type", "id_token");
        refused("unsupported_response_type", "response_type", "code id_token");
        refused("unsupported_response_type", "response_type", "id_token token");
        // Any other value is the OAuth 2 engine's to check.
        parse("response_type", "code");
        parse("response_type", "token");
    }

    @Test
    void theConsentFormCarriesNoncePromptAndMaxAgeAsSent() {
        assertThat(AuthenticationRequest.formFields(query("max_age", "60", "state", "s", "prompt", "", "nonce", "n")))
                .containsExactly(entry("nonce", "n"), entry("max_age", "60"));
    }

    @Test
    void promptNoneIsSeenBeforeAnyLogin() {
        assertThat(AuthenticationRequest.asksNoPage(query("prompt", "none"))).isTrue();
        assertThat(AuthenticationRequest.asksNoPage(query("prompt", "login none"))).isTrue();
        assertThat(AuthenticationRequest.asksNoPage(query("prompt", "login"))).isFalse();
        assertThat(AuthenticationRequest.asksNoPage(query())).isFalse();
    }
}
