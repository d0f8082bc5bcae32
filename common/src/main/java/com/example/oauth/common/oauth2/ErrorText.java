package com.example.oauth.common.oauth2;

/**
 * Keeps error descriptions within what the RFCs allow: RFC 6749 §5.2 and
 * RFC 6750 §3 limit error_description to printable ASCII without the
 * double quote and the backslash, so that it fits in a query string and in
 * a quoted WWW-Authenticate parameter.
 */
final class ErrorText {

    /** Values the client sent are cut to this length when quoted back. */
    private static final int MAX_QUOTED = 60;

    private ErrorText() {
    }

    /** The text with '"' as '\'', '\' as '/' and anything else outside %x20-7E as '?'. */
    static String safe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"') {
                safe.append('\'');
            } else if (c == '\\') {
                safe.append('/');
            } else if (c < 0x20 || c > 0x7e) {
                safe.append('?');
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    /** A value the client sent, short enough to quote in an answer. */
    static String quote(String value) {
        String cut = value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
        return "'" + cut + "'";
    }
}
