package com.example.clientapp.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.SecretMask;

/** A call as the dance page shows it, whatever HTTP client made it: what went over the wire, secrets masked. */
class ProviderCallTest {

    /** Masks code and access_token, in a form, in JSON, and a whole Authorization header. */
    private static final Masking MASKING = new Masking() {
        @Override
        public String inForm(String form) {
            return Masking.inForm(form, Set.of("code", "access_token"));
        }

        @Override
        public String inAuthorization(String header) {
            return SecretMask.of(header);
        }

        @Override
        public String inBody(String contentType, String body) {
            return contentType.contains("json") ? Masking.inJson(body, Set.of("access_token")) : inForm(body);
        }
    };

    private static ProviderCall.Headers headers(Map<String, List<String>> values) {
        return name -> values.getOrDefault(name, List.of());
    }

    @Test
    void theRequestShowsItsLineTheHeadersThatMatterAndItsBodyMasked() {
        ProviderCall call = ProviderCall.sent(TestLegs.TOKEN_REQUEST, "POST",
                URI.create("http://127.0.0.1:5000/oauth/token?x=%2F"), headers(Map.of(
                        "Authorization", List.of("Basic ZGVtbzpzZWNyZXQ="),
                        "Content-Type", List.of("application/x-www-form-urlencoded"),
                        "User-Agent", List.of("okhttp"))),
                "grant_type=authorization_code&code=abcdefghijklmnopqrstuvwxyz123456", MASKING);

        assertThat(call.leg().kind()).isEqualTo(TestLegs.TOKEN_REQUEST);
        assertThat(call.leg().message()).isEqualTo("""
                POST /oauth/token?x=%2F HTTP/1.1
                Host: 127.0.0.1:5000
                Authorization: Basic …(22)
                Content-Type: application/x-www-form-urlencoded

                grant_type=authorization_code&code=abcdef…(32)""");
    }

    @Test
    void aUrlWithoutAPortNamesTheSchemesPort() {
        ProviderCall call = ProviderCall.sent(TestLegs.API_CALL, "GET", URI.create("https://provider.example/api/me"),
                headers(Map.of()), "", MASKING);

        assertThat(call.leg().message()).isEqualTo("GET /api/me HTTP/1.1\nHost: provider.example:443");
        assertThat(call.noAnswer(new ConnectException("refused")))
                .isEqualTo("No answer: nothing listens at https://provider.example:443. Is the provider running?");
    }

    @Test
    void theAnswerShowsItsStatusTheHeadersThatMatterAndItsBodyReadAsItsType() {
        ProviderCall call = ProviderCall.sent(TestLegs.TOKEN_REQUEST, "POST",
                URI.create("http://127.0.0.1:5000/oauth/token"), headers(Map.of()), "", MASKING);

        String answer = call.answer(200, headers(Map.of("Content-Type", List.of("application/json"),
                "Cache-Control", List.of("no-store"), "Set-Cookie", List.of("a=b"))),
                "{\"access_token\":\"abcdefghijklmnopqrstuvwxyz123456\",\"token_type\":\"Bearer\"}", MASKING);

        assertThat(answer).isEqualTo("""
                HTTP/1.1 200
                Content-Type: application/json
                Cache-Control: no-store

                {"access_token":"abcdef…(32)","token_type":"Bearer"}""");
    }

    @Test
    void aRefusalOrAFailureEndsTheDanceAndSaysWhy() {
        assertThat(ProviderCall.refusal(200, null)).isNull();
        assertThat(ProviderCall.refusal(302, "ignored")).isNull();
        assertThat(ProviderCall.refusal(400, "invalid_grant"))
                .isEqualTo("The provider refused this call: status 400 (invalid_grant).");
        assertThat(ProviderCall.refusal(401, null)).isEqualTo("The provider refused this call: status 401.");
        assertThat(ProviderCall.refusal(503, null)).isEqualTo("The provider failed to answer this call: status 503.");
    }

    @Test
    void noAnswerSaysWhetherNothingListensOrTheProviderIsSlow() {
        ProviderCall call = ProviderCall.sent(TestLegs.API_CALL, "GET", URI.create("http://127.0.0.1:5000/api/me"),
                headers(Map.of()), "", MASKING);

        assertThat(call.noAnswer(new ConnectException()))
                .isEqualTo("No answer: nothing listens at http://127.0.0.1:5000. Is the provider running?");
        assertThat(call.noAnswer(new SocketTimeoutException()))
                .isEqualTo("No answer: the provider at http://127.0.0.1:5000 did not answer in time.");
        assertThat(call.noAnswer(new IOException("reset")))
                .isEqualTo("No answer: the connection to http://127.0.0.1:5000 failed.");
    }

    @Test
    void theMaskingHelpersMaskTheNamedValuesOnly() {
        assertThat(Masking.inForm("code=abcdefghijklmnopqrstuvwxyz123456&state=xyz", Set.of("code")))
                .isEqualTo("code=abcdef…(32)&state=xyz");
        assertThat(Masking.inForm("code=%zz&state=%e9", Set.of("code"))).isEqualTo("code=%…(3)&state=%e9");
        assertThat(Masking.inJson("{\"code\" : \"abcdefghijklmnopqrstuvwxyz123456\", \"n\":1}", Set.of("code")))
                .isEqualTo("{\"code\" : \"abcdef…(32)\", \"n\":1}");
        assertThat(Masking.inForm(null, Set.of("code"))).isNull();
        assertThat(Masking.decode("a%2Fb")).isEqualTo("a/b");
        assertThat(Masking.decode("%zz")).isEqualTo("%zz");
    }
}
