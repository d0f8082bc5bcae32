package com.example.oauth.common.oauth1;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.example.oauth.common.form.PercentDecoding;

/**
 * The {@code Authorization: OAuth ...} header of RFC 5849 §3.5.1: the protocol parameters,
 * percent-decoded. The optional {@code realm} is skipped: it is not signed (§3.4.1.3.1), and
 * no endpoint here reads it. A parameter sent twice is left to {@link RequestChecks}, which
 * refuses it wherever the two came from (§3.1, §3.2).
 *
 * @param parameters every parameter but realm, in the order sent, names and values decoded
 */
public record AuthorizationHeader(List<Parameter> parameters) {

    private static final String SCHEME = "OAuth";

    public AuthorizationHeader {
        parameters = List.copyOf(parameters);
    }

    /**
     * True if the header value uses the OAuth scheme, so a caller can leave other schemes
     * (Basic, Bearer) to someone else before calling {@link #parse}.
     */
    public static boolean isOAuth(String headerValue) {
        if (headerValue == null) {
            return false;
        }
        String value = headerValue.strip();
        // §3.5.1: the auth-scheme name "OAuth" is case insensitive.
        return value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (value.length() == SCHEME.length() || isWhitespace(value.charAt(SCHEME.length())));
    }

    /**
     * Parses a header value such as {@code OAuth realm="Photos", oauth_nonce="wIjqoS"}.
     *
     * @param headerValue the value of the Authorization header, scheme included
     * @throws IllegalArgumentException if the scheme is not OAuth or the syntax is broken
     *                                  (a server answers 400 Bad Request, RFC 5849 §3.2)
     */
    public static AuthorizationHeader parse(String headerValue) {
        if (!isOAuth(headerValue)) {
            throw new IllegalArgumentException("Authorization header does not use the OAuth scheme");
        }
        String text = headerValue.strip().substring(SCHEME.length());
        List<Parameter> parameters = new ArrayList<>();

        int i = skipWhitespace(text, 0);
        while (i < text.length()) {
            // name: everything up to '=', whitespace, ',' or '"'
            int nameStart = i;
            while (i < text.length() && isNameChar(text.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw malformed("expected a parameter name at position " + i
                        + " (empty parameter or duplicate ',')");
            }
            String rawName = text.substring(nameStart, i);

            // §3.5.1 step 2: the name is immediately followed by '=' and a quoted value.
            i = skipWhitespace(text, i);
            if (i == text.length() || text.charAt(i) != '=') {
                throw malformed("missing '=' after parameter \"" + rawName + "\"");
            }
            i = skipWhitespace(text, i + 1);
            if (i == text.length() || text.charAt(i) != '"') {
                throw malformed("the value of \"" + rawName + "\" must be in double quotes");
            }
            i++;
            StringBuilder rawValue = new StringBuilder();
            while (true) {
                if (i == text.length()) {
                    throw malformed("unterminated quoted value for \"" + rawName + "\"");
                }
                char c = text.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    // RFC 2617 quoted-string: a backslash escapes the next character.
                    if (i == text.length()) {
                        throw malformed("unterminated quoted value for \"" + rawName + "\"");
                    }
                    c = text.charAt(i++);
                }
                rawValue.append(c);
            }

            // RFC 2617: "realm" is case insensitive, and its value a plain quoted-string; it is skipped.
            if (!rawName.equalsIgnoreCase("realm")) {
                // §3.5.1 step 1: names and values were encoded per §3.6, so decode them
                // strictly; a '+' here is a literal plus, never a space.
                parameters.add(new Parameter(PercentDecoding.decode(rawName),
                        PercentDecoding.decode(rawValue.toString())));
            }

            // §3.5.1 step 3: parameters are separated by ',' and optional whitespace.
            i = skipWhitespace(text, i);
            if (i < text.length()) {
                if (text.charAt(i) != ',') {
                    throw malformed("expected ',' after the value of \"" + rawName + "\"");
                }
                i = skipWhitespace(text, i + 1);
                if (i == text.length()) {
                    throw malformed("trailing ',' after the last parameter");
                }
            }
        }
        return new AuthorizationHeader(parameters);
    }

    /**
     * Builds a header value, each name and value encoded per §3.6, e.g.
     * {@code OAuth oauth_consumer_key="dpf43f3p2l4k3l03", oauth_nonce="wIjqoS"}.
     */
    public static String format(List<Parameter> parameters) {
        List<String> pairs = new ArrayList<>();
        for (Parameter p : parameters) {
            pairs.add(PercentEncoding.encode(p.name()) + "=\"" + PercentEncoding.encode(p.value()) + "\"");
        }
        return pairs.isEmpty() ? SCHEME : SCHEME + " " + String.join(", ", pairs);
    }

    /**
     * This header written back as a header value; see {@link #format}.
     * Package-private: only the tests of the round trip use it.
     */
    String toHeaderValue() {
        return format(parameters);
    }

    /**
     * The decoded value of the named parameter, e.g. {@code get("oauth_consumer_key")}: the first,
     * should it be sent twice. Names are case sensitive (§3.1). Package-private:
     * the engine reads the checked parameters, only the tests read a header.
     */
    Optional<String> get(String name) {
        return parameters.stream()
                .filter(p -> p.name().equals(name))
                .map(Parameter::value)
                .findFirst();
    }

    private static IllegalArgumentException malformed(String detail) {
        return new IllegalArgumentException("Malformed OAuth Authorization header: " + detail);
    }

    private static int skipWhitespace(String text, int i) {
        while (i < text.length() && isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(char c) {
        // Linear whitespace; CR and LF too, so a header folded over lines (as in the RFC) parses.
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isNameChar(char c) {
        return !isWhitespace(c) && c != '=' && c != ',' && c != '"';
    }
}
