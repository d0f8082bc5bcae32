package com.example.oauth.common.oauth1;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of RFC 5849 §3.6, used for the signature base string and the
 * {@code Authorization: OAuth} header (decoding is {@link com.example.oauth.common.form.PercentDecoding}).
 *
 * <p>Not {@link java.net.URLEncoder}: that one writes a space as '+', leaves '*' alone and
 * escapes '~', so its output would change the signature.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * Encodes a name or value per RFC 5849 §3.6: "abc def" becomes "abc%20def".
     */
    public static String encode(String value) {
        // Keys, nonces and timestamps need no escape: they are their own
        // encoding, and a signed request has a dozen of them.
        if (isAllUnreserved(value)) {
            return value;
        }
        // §3.6 step 1: text is encoded as UTF-8 octets first.
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int octet = b & 0xFF;
            if (isUnreserved(octet)) {
                // §3.6 step 2: ALPHA, DIGIT, "-", ".", "_", "~" MUST NOT be encoded.
                out.append((char) octet);
            } else {
                // §3.6 step 2: everything else MUST be encoded, hex digits in UPPERCASE.
                out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0x0F]);
            }
        }
        return out.toString();
    }

    private static boolean isAllUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(int octet) {
        // RFC 3986 §2.3: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
        return (octet >= 'A' && octet <= 'Z')
                || (octet >= 'a' && octet <= 'z')
                || (octet >= '0' && octet <= '9')
                || octet == '-' || octet == '.' || octet == '_' || octet == '~';
    }
}
