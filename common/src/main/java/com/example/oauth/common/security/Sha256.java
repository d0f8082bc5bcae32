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

    /** The SHA-256 of the value's UTF-8 bytes (ASCII text hashes the same). */
    public static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** The SHA-256 of the value's UTF-8 bytes, as 64 lowercase hex digits. */
    public static String hex(String value) {
        return HexFormat.of().formatHex(digest(value));
    }

    /** Does the value hash to the given hex? Constant time in the hash. */
    public static boolean matches(String value, String expectedHex) {
        return value != null && ConstantTime.equals(expectedHex, hex(value));
    }
}
