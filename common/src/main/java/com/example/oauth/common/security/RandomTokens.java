package com.example.oauth.common.security;

import java.security.SecureRandom;

/**
 * Unguessable random strings for keys, secrets, tokens and verifiers.
 *
 * <p>The alphabet is letters and digits only, so a value never needs
 * escaping in a URL, a form, an {@code Authorization: OAuth} header or a
 * Basic header. Each character carries log2(62) = 5.95 bits, so 22
 * characters already exceed 128 bits; callers ask for more.
 */
public final class RandomTokens {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static String generate(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            // nextInt(bound) is uniform: no modulo bias.
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
