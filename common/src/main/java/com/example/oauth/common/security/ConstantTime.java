package com.example.oauth.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Compares secrets without telling, by how long it takes, how many leading
 * characters were right: a plain equals() stops at the first difference.
 */
public final class ConstantTime {

    private ConstantTime() {
    }

    /** True if both are non-null and equal; the time does not depend on where they differ. */
    public static boolean equals(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8));
    }
}
