package com.example.oauth.common.web;

import java.nio.charset.StandardCharsets;

/**
 * Where a "return to" parameter may send the browser: only to a path on this
 * site. Anything else would make the login form an open redirect.
 */
public final class LocalPath {

    /** RFC 3986 §2.2 and §2.3: the reserved and unreserved characters, which a URI holds as they are. */
    private static final String URI_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "-._~:/?#[]@!$&'()*+,;=";

    private static final String HEX = "0123456789ABCDEF";

    private LocalPath() {
    }

    /**
     * True for "/", "/client", "/oauth/authorize?oauth_token=..."; false for
     * "//evil.example" and "/\evil.example" (browsers read both as another
     * host), for absolute URLs, and for anything with control characters.
     */
    public static boolean isLocal(String path) {
        if (path == null || path.isEmpty() || path.length() > 2000 || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            // Braces would be read as a URI template by Spring's redirect.
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '{' || c == '}') {
                return false;
            }
        }
        return true;
    }

    /** The path itself when it is local, "/" otherwise; ready for a Location header. */
    public static String orHome(String path) {
        return isLocal(path) ? asciiOnly(path) : "/";
    }

    /**
     * RFC 9110 §10.2.2: a Location is a URI reference, and a URI is ASCII
     * (RFC 3986 §2). A character that a URI may not hold as it is (a space,
     * "é", an emoji, a lone "%") is sent as the %-escapes of its UTF-8
     * bytes, as a browser's address bar does; "/é" becomes "/%C3%A9".
     */
    static String asciiOnly(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i += Character.charCount(path.codePointAt(i))) {
            int c = path.codePointAt(i);
            if (c < 0x80 && (URI_CHARACTERS.indexOf(c) >= 0 || c == '%' && isEscape(path, i))) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
                }
            }
        }
        return out.toString();
    }

    /** A "%" followed by two hexadecimal digits: an escape already. */
    private static boolean isEscape(String path, int i) {
        return i + 2 < path.length() && Character.digit(path.charAt(i + 1), 16) >= 0
                && Character.digit(path.charAt(i + 2), 16) >= 0;
    }
}
