package com.example.oauth.common.oauth2;

import java.time.Duration;
import java.time.Instant;

/**
 * How long what this provider issues lives, in one place, and the one rule
 * of expiry that every check uses: a code or a token is live before its end,
 * and dead from that moment on.
 */
public final class Lifetimes {

    /** RFC 6749 §4.1.2: a code must live briefly (10 minutes at most is advised). */
    public static final Duration CODE = Duration.ofMinutes(5);

    /** An access token; a refresh token gets the client the next one. */
    public static final Duration ACCESS_TOKEN = Duration.ofHours(1);

    /** A refresh token not used for this long dies; each use gives a new one. */
    public static final Duration REFRESH_TOKEN = Duration.ofDays(30);

    /**
     * A grant's family (every token descended from one code) ends this long
     * after the code was exchanged, however often it was refreshed: then the
     * user must authorize again. Without it, a refresh token stolen once and
     * refreshed every few weeks would live forever (RFC 9700 §4.14.2 asks
     * for refresh tokens that expire).
     */
    public static final Duration FAMILY = Duration.ofDays(90);

    private Lifetimes() {
    }

    /** Live at {@code now}: before its end. At {@code expiresAt} itself it has expired. */
    public static boolean isLive(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt);
    }
}
