package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.RandomTokens;

/** No secret of the OpenID Connect dance is ever shown whole; public values are, and an id_token is readable. */
class SecretsTest {

    private final String code = RandomTokens.generate(32);
    private final String verifier = RandomTokens.generate(43);
    private final String accessToken = RandomTokens.generate(40);
    private final String refreshToken = RandomTokens.generate(40);
    private final String clientSecret = RandomTokens.generate(40);
    private final String state = RandomTokens.generate(32);

    @Test
    void theCodeInTheCallbackIsMaskedAndTheStateIsNot() {
        String shown = Secrets.MASKING.inForm("code=" + code + "&state=" + state + "&iss=http%3A%2F%2F127.0.0.1%3A5000");

        assertThat(shown).doesNotContain(code).contains("code=" + code.substring(0, 6) + "…(32)")
                .contains("state=" + state).contains("iss=http%3A%2F%2F127.0.0.1%3A5000");
    }

    @Test
    void theCodeAndTheVerifierOfTheTokenRequestAreMasked() {
        String shown = Secrets.MASKING.inForm("code=" + code + "&redirect_uri=http%3A%2F%2Flocalhost%3A8000%2Fauthorized"
                + "&grant_type=authorization_code&code_verifier=" + verifier);

        assertThat(shown).doesNotContain(code).doesNotContain(verifier)
                .contains("code_verifier=" + verifier.substring(0, 6) + "…(43)").contains("grant_type=authorization_code");
    }

    @Test
    void theTokensOfATokenAnswerAreMasked() {
        String shown = Secrets.MASKING.inJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"refresh_token\": \"" + refreshToken + "\",\"scope\":\"profile\"}");

        assertThat(shown).doesNotContain(accessToken).doesNotContain(refreshToken)
                .contains("\"access_token\":\"" + accessToken.substring(0, 6) + "…(40)\"")
                .contains("\"refresh_token\": \"" + refreshToken.substring(0, 6) + "…(40)\"")
                .contains("\"token_type\":\"Bearer\"").contains("\"scope\":\"profile\"");
    }

    @Test
    void theRefreshTokenOfARefreshAndTheTokenOfARevocationAreMasked() {
        assertThat(Secrets.MASKING.inForm("grant_type=refresh_token&refresh_token=" + refreshToken))
                .doesNotContain(refreshToken).contains("refresh_token=" + refreshToken.substring(0, 6) + "…(40)");
        assertThat(Secrets.MASKING.inForm("token=" + refreshToken + "&token_type_hint=refresh_token"))
                .doesNotContain(refreshToken).endsWith("&token_type_hint=refresh_token");
        assertThat(Secrets.MASKING.inForm("client_id=app&client_secret=" + clientSecret)).doesNotContain(clientSecret)
                .startsWith("client_id=app&");
    }

    @Test
    void aBearerHeaderShowsTheTokenMasked() {
        assertThat(Secrets.MASKING.inAuthorization("Bearer " + accessToken))
                .isEqualTo("Bearer " + accessToken.substring(0, 6) + "…(40)");
    }

    @Test
    void aBasicHeaderIsShownDecodedWithTheSecretMasked() {
        String encoded = Base64.getEncoder().encodeToString(("demo-client:" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));

        String shown = Secrets.MASKING.inAuthorization("Basic " + encoded);

        assertThat(shown).doesNotContain(clientSecret).doesNotContain(encoded)
                .contains("\"demo-client:" + clientSecret.substring(0, 6) + "…(40)\"");
    }

    @Test
    void aMalformedQueryIsShownAsItCame() {
        assertThat(Secrets.MASKING.inForm("code=%zz&state=%e9")).isEqualTo("code=%…(3)&state=%e9");
    }

    @Test
    void anIdTokenShowsItsHeaderAndClaimsAndOnlyTheStartOfItsSignature() {
        String signature = RandomTokens.generate(342);
        String idToken = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJhbGljZSJ9." + signature;

        String inJson = Secrets.MASKING.inJson("{\"access_token\":\"" + accessToken + "\",\"id_token\":\"" + idToken + "\"}");
        String inQuery = Secrets.MASKING.inForm("id_token_hint=" + idToken + "&post_logout_redirect_uri=http://localhost:8000/");

        for (String shown : new String[] {inJson, inQuery}) {
            assertThat(shown).doesNotContain(signature)
                    .contains("eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJhbGljZSJ9." + signature.substring(0, 6)
                            + "…(342)");
        }
        assertThat(inJson).doesNotContain(accessToken);
        assertThat(inQuery).endsWith("&post_logout_redirect_uri=http://localhost:8000/");
    }

    @Test
    void somethingThatIsNotAJwsWhereAnIdTokenShouldBeIsMaskedWhole() {
        assertThat(Secrets.idToken(clientSecret)).isEqualTo(clientSecret.substring(0, 6) + "…(40)");
        assertThat(Secrets.idToken("a." + clientSecret)).doesNotContain(clientSecret);
    }

    @Test
    void theFirstParameterOfARedirectsQueryIsMaskedToo() {
        assertThat(Secrets.MASKING.inForm("HTTP/1.1 302\nLocation: http://localhost:8000/cb?code=" + code + "&state=" + state))
                .isEqualTo("HTTP/1.1 302\nLocation: http://localhost:8000/cb?code=" + code.substring(0, 6) + "…(32)&state="
                        + state);
    }

    @Test
    void theNonceIsPublicAndStaysWhole() {
        assertThat(Secrets.MASKING.inForm("state=" + state + "&nonce=" + state)).isEqualTo("state=" + state + "&nonce=" + state);
    }
}
