package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.oauth2.PkceChallenge;

/**
 * The worked example of docs/oauth2-engine.md (RFC 7636 Appendix B),
 * recomputed with the engine of common/: the octets, the verifier, the hash
 * and the challenge in the text must be what PkceChallenge computes.
 */
class PkceExampleTest {

    /** RFC 7636 Appendix B: the 32 random octets the verifier is made of. */
    static final int[] OCTETS = {116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186,
            22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121};

    @Test
    void theChapterShowsWhatTheEngineComputes() throws IOException, NoSuchAlgorithmException {
        String chapter = Files.readString(Repository.root().resolve("docs/oauth2-engine.md"), StandardCharsets.UTF_8);

        byte[] random = new byte[OCTETS.length];
        for (int i = 0; i < OCTETS.length; i++) {
            random[i] = (byte) OCTETS[i];
        }
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        String challenge = PkceChallenge.s256(verifier);

        assertThat(verifier).as("RFC 7636 Appendix B's verifier").isEqualTo("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertThat(chapter).as("docs/oauth2-engine.md: step 1, the random octets, 16 a line")
                .contains(lines(random));
        assertThat(chapter).as("docs/oauth2-engine.md: step 2, the verifier").contains(verifier);
        assertThat(chapter).as("docs/oauth2-engine.md: step 3, SHA-256 of the verifier, 16 octets a line")
                .contains(lines(hash));
        assertThat(chapter).as("docs/oauth2-engine.md: step 4, the challenge, as PkceChallenge.s256 computes it")
                .contains(challenge);
        assertThat(PkceChallenge.matches(verifier, challenge)).as("PkceChallenge.matches").isTrue();
    }

    /** The octets as the chapter prints them: unsigned decimal, 16 a line, separated by spaces. */
    private static String lines(byte[] octets) {
        return IntStream.range(0, 2)
                .mapToObj(line -> IntStream.range(line * 16, line * 16 + 16)
                        .mapToObj(i -> String.valueOf(octets[i] & 0xFF)).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n"));
    }
}
