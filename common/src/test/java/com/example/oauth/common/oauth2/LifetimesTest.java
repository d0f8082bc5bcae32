package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The one rule of expiry that every check of a code or token uses. */
class LifetimesTest {

    @Test
    void aCodeOrTokenIsLiveBeforeItsEndAndDeadFromItOn() {
        Instant end = Instant.parse("2013-11-11T10:00:00Z");

        assertThat(Lifetimes.isLive(end, end.minusNanos(1))).isTrue();
        assertThat(Lifetimes.isLive(end, end)).isFalse();
        assertThat(Lifetimes.isLive(end, end.plusNanos(1))).isFalse();
    }
}
