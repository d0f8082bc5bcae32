package com.example.oauth.common.oauth2;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request that a client program sends to the token, revocation or
 * introspection endpoint: a POST with a form body (RFC 6749 §3.2,
 * RFC 7009 §2.1, RFC 7662 §2.1) and perhaps an Authorization header.
 *
 * <p>Only the body is read. Parameters in the URL's query are ignored: the
 * RFCs put them in the body, and secrets in a URL end up in logs.
 *
 * @param formEncoded whether the body is {@code application/x-www-form-urlencoded}
 * @param parameters the body's parameters, each with every value it was sent with
 * @param authorization the Authorization header, or null
 */
public record FormRequest(boolean formEncoded, Map<String, List<String>> parameters, String authorization) {

    /** A larger body is refused: no request here needs more. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * Reads a servlet request. The handler must not have read the request's
     * parameters before (that would consume the body); the handlers of these
     * endpoints take only the HttpServletRequest.
     */
    public static FormRequest from(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (!isForm(request.getContentType())) {
            return new FormRequest(false, Map.of(), authorization);
        }
        // RFC 6749 Appendix B: the form is encoded with UTF-8, and read so
        // below. A body that says it is in another charset would be misread
        // (an é in ISO-8859-1 is not valid UTF-8), so it is refused rather
        // than guessed at; no charset means UTF-8.
        String charset = charsetOf(request.getContentType());
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw OAuth2Error.invalidRequest("The body is said to be in charset " + ErrorText.quote(charset)
                    + ": send it in UTF-8 (charset=UTF-8, or no charset), as RFC 6749 Appendix B says.");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw OAuth2Error.invalidRequest("The body is larger than " + MAX_BODY_BYTES + " bytes.");
            }
            if (body.length == 0 && request.getContentLengthLong() > 0) {
                // Something called getParameter() before us and Tomcat consumed
                // the body: every request would look empty, so fail loudly.
                throw new IllegalStateException("The form body was read before the OAuth 2 check:"
                        + " no filter may read the parameters of the token endpoints.");
            }
            return new FormRequest(true, parseForm(new String(body, StandardCharsets.UTF_8)), authorization);
        } catch (IOException e) {
            throw OAuth2Error.invalidRequest("The body could not be read.");
        }
    }

    /**
     * Parses {@code a=1&b=2}. RFC 6749 §3.1, §3.2: a parameter sent without
     * a value counts as not sent.
     */
    public static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!name.isEmpty() && !value.isEmpty()) {
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    /**
     * A parameter's value, if sent. RFC 6749 §3.2: a parameter may be sent
     * once only, so one sent twice is an invalid_request.
     */
    public Optional<String> get(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw OAuth2Error.invalidRequest(name + " was sent more than once: send each parameter once"
                    + " (RFC 6749 Section 3.2).");
        }
        return values.stream().findFirst();
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        // "application/x-www-form-urlencoded; charset=UTF-8" is a form too.
        String mediaType = contentType.split(";", 2)[0].strip();
        return mediaType.equalsIgnoreCase("application/x-www-form-urlencoded");
    }

    /** The charset parameter of a Content-Type, unquoted, or null when it names none. */
    static String charsetOf(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] nameAndValue = parts[i].split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].strip().equalsIgnoreCase("charset")) {
                String value = nameAndValue[1].strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuth2Error.invalidRequest(
                    "The form body has a malformed %-escape: " + ErrorText.quote(encoded) + ".");
        }
    }
}
