package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.RandomTokens;

/** The home page reads an id_token's three parts; the signature never shows whole. */
class IdTokenViewTest {

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHeaderAndClaimsAreDecodedAndTimesAreGivenAsDates() {
        String signature = RandomTokens.generate(342);
        String jws = part("{\"kid\":\"k1\",\"alg\":\"RS256\"}") + "." + part("{\"iss\":\"http://127.0.0.1:5000\","
                + "\"sub\":\"alice\",\"aud\":\"demo-1\",\"exp\":1796595914,\"nonce\":\"n-0S6\"}") + "." + signature;

        IdTokenView view = IdTokenView.of(jws);

        assertThat(view.header()).contains("\"kid\" : \"k1\"").contains("\"alg\" : \"RS256\"");
        assertThat(view.claims()).extracting(IdTokenView.Claim::name).containsExactly("iss", "sub", "aud", "exp", "nonce");
        assertThat(view.claims().get(0).value()).isEqualTo("\"http://127.0.0.1:5000\"");
        assertThat(view.claims().get(0).date()).isNull();
        assertThat(view.claims().get(3).value()).isEqualTo("1796595914");
        assertThat(view.claims().get(3).date()).isEqualTo("2026-12-06T22:25:14Z");
        assertThat(view.signature()).isEqualTo(signature.substring(0, 6) + "…(342)");
    }

    @Test
    void whatIsNotAReadableJwsIsSaidSoAndNeverShownWhole() {
        String secret = RandomTokens.generate(40);

        assertThat(IdTokenView.of(secret).header()).startsWith("(not a JWS").doesNotContain(secret);
        assertThat(IdTokenView.of("%%%." + secret + ".x").header()).startsWith("(unreadable").doesNotContain(secret);
        assertThat(IdTokenView.of(part("[1]") + "." + part("{}") + ".x").header()).startsWith("(unreadable");
    }
}
