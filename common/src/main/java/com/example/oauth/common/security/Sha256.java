package com.example.oauth.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fast one-way hash for values that are already long and random (tokens,
 * codes, verifiers): no salt and no slow hash are needed, since nobody can
 * guess such a value to test it against the hash.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The SHA-256 of the value's UTF-8 bytes, as 64 lowercase hex digits. */
    public static String hex(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Does the value hash to the given hex? Constant time in the hash. */
    public static boolean matches(String value, String expectedHex) {
        if (value == null || expectedHex == null) {
            return false;
        }
        return MessageDigest.isEqual(hex(value).getBytes(StandardCharsets.US_ASCII),
                expectedHex.getBytes(StandardCharsets.US_ASCII));
    }
}
