package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dance kept in a session is bounded, however long the visitor stays. */
class DanceTest {

    @Test
    void aDanceKeepsAtMostItsBoundOfLegsAndCharacters() {
        Dance dance = new Dance();
        String huge = "x".repeat(1_000_000);

        for (int i = 0; i < 1000; i++) {
            Leg leg = new Leg(LegKind.USERINFO, huge, huge);
            for (int c = 0; c < 100; c++) {
                leg = leg.withCheck(huge, true);
            }
            dance.add(leg.withFailure(huge));
        }

        assertThat(dance.legs()).hasSize(Dance.MAX_LEGS);
        assertThat(dance.leftOut()).isEqualTo(1000 - Dance.MAX_LEGS);
        // Every text is cut, and says so; the whole dance stays under a fixed size.
        assertThat(dance.legs().get(0).message()).hasSizeLessThanOrEqualTo(Dance.MAX_TEXT).endsWith("more characters)");
        assertThat(dance.legs().get(0).checks()).hasSize(Dance.MAX_CHECKS);
        assertThat(dance.size()).isLessThanOrEqualTo(Dance.MAX_LEGS * (3 + Dance.MAX_CHECKS) * Dance.MAX_TEXT);
    }

    @Test
    void theSignInStaysAndTheNewestLegsAreKept() {
        Dance dance = new Dance();
        dance.add(new Leg(LegKind.AUTHORIZATION_REQUEST, "redirect", null));
        for (int i = 2; i <= 100; i++) {
            dance.add(new Leg(LegKind.USERINFO, "call " + i, null));
        }

        assertThat(dance.legs().get(0).message()).isEqualTo("redirect");
        assertThat(dance.legs().get(Dance.KEPT_FIRST - 1).number()).isEqualTo(Dance.KEPT_FIRST);
        assertThat(dance.legs().get(Dance.KEPT_FIRST).number()).isEqualTo(100 - Dance.MAX_LEGS + Dance.KEPT_FIRST + 1);
        assertThat(dance.legs().get(Dance.MAX_LEGS - 1).message()).isEqualTo("call 100");
    }

    @Test
    void aShortTextIsKeptWhole() {
        assertThat(Dance.cap("short")).isEqualTo("short");
        assertThat(Dance.cap(null)).isNull();
    }
}
