package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PkceChallengeTest {

    /** RFC 7636 Appendix B: the 32 random octets of the example. */
    private static final byte[] APPENDIX_B_OCTETS = bytes(116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125,
            216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121);

    private static final String APPENDIX_B_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private static final String APPENDIX_B_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theAppendixBVerifierIsTheBase64urlOfItsOctets() {
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(APPENDIX_B_OCTETS))
                .isEqualTo(APPENDIX_B_VERIFIER);
    }

    @Test
    void theAppendixBVerifierHashesToItsChallenge() throws Exception {
        assertThat(PkceChallenge.s256(APPENDIX_B_VERIFIER)).isEqualTo(APPENDIX_B_CHALLENGE);
        // The intermediate SHA-256 octets of the example, too.
        assertThat(MessageDigest.getInstance("SHA-256")
                .digest(APPENDIX_B_VERIFIER.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(bytes(19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168,
                        120, 173, 109, 241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195));
    }

    @Test
    void theAppendixBPairMatchesAndAnotherVerifierDoesNot() {
        assertThat(PkceChallenge.matches(APPENDIX_B_VERIFIER, APPENDIX_B_CHALLENGE)).isTrue();
        assertThat(PkceChallenge.matches(APPENDIX_B_VERIFIER.replace('d', 'e'), APPENDIX_B_CHALLENGE)).isFalse();
        // plain: the verifier sent as its own challenge is no match.
        assertThat(PkceChallenge.matches(APPENDIX_B_VERIFIER, APPENDIX_B_VERIFIER)).isFalse();
        assertThat(PkceChallenge.matches(null, APPENDIX_B_CHALLENGE)).isFalse();
        assertThat(PkceChallenge.matches(APPENDIX_B_VERIFIER, null)).isFalse();
    }

    @Test
    void aChallengeIsFortyThreeBase64urlCharacters() {
        assertThat(PkceChallenge.isWellFormedChallenge(APPENDIX_B_CHALLENGE)).isTrue();
        assertThat(PkceChallenge.isWellFormedChallenge(APPENDIX_B_CHALLENGE + "=")).isFalse();
        assertThat(PkceChallenge.isWellFormedChallenge(APPENDIX_B_CHALLENGE.replace('-', '+'))).isFalse();
        assertThat(PkceChallenge.isWellFormedChallenge(APPENDIX_B_CHALLENGE.substring(1))).isFalse();
        assertThat(PkceChallenge.isWellFormedChallenge(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {APPENDIX_B_VERIFIER, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ",
            "0123456789.-_~0123456789.-_~0123456789.-_~0"})
    void aVerifierIs43To128UnreservedCharacters(String verifier) {
        assertThat(PkceChallenge.isWellFormedVerifier(verifier)).isTrue();
        assertThat(PkceChallenge.isWellFormedVerifier("a".repeat(128))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tooShort", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP", // 42
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP+", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP ",
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPé"})
    void anythingElseIsNoVerifier(String verifier) {
        assertThat(PkceChallenge.isWellFormedVerifier(verifier)).isFalse();
        assertThat(PkceChallenge.isWellFormedVerifier("a".repeat(129))).isFalse();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
