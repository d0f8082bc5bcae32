package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.RandomTokens;

/** No secret of the OAuth 1 dance is ever shown whole; public values are. */
class SecretsTest {

    private final String requestToken = RandomTokens.generate(30);
    private final String tokenSecret = RandomTokens.generate(40);
    private final String verifier = RandomTokens.generate(32);
    private final String accessToken = RandomTokens.generate(30);

    @Test
    void theRequestTokenAnswerShowsTheTokenAndMasksItsSecret() {
        String shown = Secrets.BEFORE_ACCESS_TOKEN.inForm("oauth_token=" + requestToken + "&oauth_token_secret="
                + tokenSecret + "&oauth_callback_confirmed=true");

        assertThat(shown).isEqualTo("oauth_token=" + requestToken + "&oauth_token_secret="
                + tokenSecret.substring(0, 6) + "…(40)&oauth_callback_confirmed=true");
    }

    @Test
    void theVerifierOfTheCallbackIsMasked() {
        String shown = Secrets.BEFORE_ACCESS_TOKEN.inForm("oauth_token=" + requestToken + "&oauth_verifier="
                + verifier);

        assertThat(shown).doesNotContain(verifier).contains("oauth_token=" + requestToken)
                .endsWith("oauth_verifier=" + verifier.substring(0, 6) + "…(32)");
    }

    @Test
    void theAccessTokenAnswerMasksTheTokenAndItsSecret() {
        String shown = Secrets.WITH_ACCESS_TOKEN.inForm("oauth_token=" + accessToken + "&oauth_token_secret="
                + tokenSecret);

        assertThat(shown).doesNotContain(accessToken).doesNotContain(tokenSecret)
                .isEqualTo("oauth_token=" + accessToken.substring(0, 6) + "…(30)&oauth_token_secret="
                        + tokenSecret.substring(0, 6) + "…(40)");
    }

    @Test
    void theHeaderOfTheAccessTokenRequestMasksTheVerifierNotTheRequestToken() {
        String shown = Secrets.BEFORE_ACCESS_TOKEN.inAuthorization("OAuth oauth_verifier=\"" + verifier
                + "\", oauth_nonce=\"123\", oauth_token=\"" + requestToken + "\", oauth_timestamp=\"1764100000\"");

        assertThat(shown).isEqualTo("OAuth oauth_verifier=\"" + verifier.substring(0, 6) + "…(32)\", oauth_nonce=\"123\","
                + " oauth_token=\"" + requestToken + "\", oauth_timestamp=\"1764100000\"");
    }

    @Test
    void theHeaderOfASignedCallMasksTheAccessToken() {
        String shown = Secrets.WITH_ACCESS_TOKEN.inAuthorization("OAuth oauth_nonce=\"123\","
                + " oauth_signature=\"abc%3D\", oauth_token=\"" + accessToken + "\"");

        assertThat(shown).doesNotContain(accessToken).contains("oauth_signature=\"abc%3D\"")
                .endsWith("oauth_token=\"" + accessToken.substring(0, 6) + "…(30)\"");
    }

    @Test
    void theBaseStringMasksTheVerifierAndTheAccessTokenInPlace() {
        String exchange = "POST&http%3A%2F%2F127.0.0.1%3A5000%2Foauth%2Faccess_token&oauth_consumer_key%3Dkey"
                + "%26oauth_nonce%3D123%26oauth_token%3D" + requestToken + "%26oauth_verifier%3D" + verifier
                + "%26oauth_version%3D1.0";
        assertThat(Secrets.BEFORE_ACCESS_TOKEN.inBaseString(exchange)).doesNotContain(verifier)
                .contains("oauth_token%3D" + requestToken + "%26")
                .contains("oauth_verifier%3D" + verifier.substring(0, 6) + "…(32)%26oauth_version%3D1.0");

        String call = "GET&http%3A%2F%2F127.0.0.1%3A5000%2Fapi%2Fme&oauth_nonce%3D123%26oauth_token%3D" + accessToken;
        assertThat(Secrets.WITH_ACCESS_TOKEN.inBaseString(call)).doesNotContain(accessToken)
                .endsWith("oauth_token%3D" + accessToken.substring(0, 6) + "…(30)");
    }
}
