package com.example.oauth.common.form;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding (RFC 3986 §2.1), strict: a malformed escape or bytes
 * that are not UTF-8 are refused, never guessed at.
 */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * Strict percent-decoding: "%XX" becomes a byte, every other character stays as it is,
     * including '+'. Use it for values of the Authorization header (RFC 5849 §3.5.1).
     *
     * @throws IllegalArgumentException if an escape is malformed ("%G1", "%4") or the bytes are
     *                                  not valid UTF-8
     */
    public static String decode(String value) {
        return decode(value, false);
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} name or value: like {@link #decode}
     * but '+' is a space. Use it for the query string and a form body (RFC 5849 §3.4.1.3.1).
     *
     * @throws IllegalArgumentException if an escape is malformed or the bytes are not valid UTF-8
     */
    public static String decodeForm(String value) {
        return decode(value, true);
    }

    private static String decode(String value, boolean plusIsSpace) {
        // Nothing escaped: the text is its own value.
        if (value.indexOf('%') < 0 && !(plusIsSpace && value.indexOf('+') >= 0)) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '%') {
                // An escape is exactly '%' and two hex digits; "%4" or "%G1" is a client error.
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException(
                            "Malformed percent escape at position " + i + ": expected %XX");
                }
                int high = hexValue(value.charAt(i + 1));
                int low = hexValue(value.charAt(i + 2));
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("Malformed percent escape at position " + i
                            + ": \"" + value.substring(i, i + 3) + "\" is not %XX");
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                // HTML 4.01 §17.13.4.1: a form sends a space as '+'.
                bytes.write(' ');
                i++;
            } else {
                // A run of characters that were not escaped stands for its own UTF-8 bytes.
                int end = i;
                while (end < value.length() && value.charAt(end) != '%'
                        && !(plusIsSpace && value.charAt(end) == '+')) {
                    end++;
                }
                bytes.writeBytes(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return strictUtf8(bytes.toByteArray());
    }

    private static int hexValue(char c) {
        // Only ASCII hex digits: Character.digit would also accept, say, fullwidth digits.
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static String strictUtf8(byte[] bytes) {
        // new String(bytes, UTF_8) would silently put U+FFFD in place of bad bytes; two different
        // inputs could then decode to the same value, so refuse them instead.
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Percent-decoded bytes are not valid UTF-8", e);
        }
    }
}
