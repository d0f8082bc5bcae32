package com.example.oauth.common.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the form body of a request that an OAuth engine checks: the one
 * body reader of this project, used by the OAuth 1 and OAuth 2 adapters.
 *
 * <p>The handler must not have read the request's parameters before: that
 * consumes the body. Handlers of these endpoints take the HttpServletRequest only.
 */
public final class FormBody {

    /** A larger body is refused: no OAuth request needs more. */
    public static final int MAX_BYTES = 64 * 1024;

    private FormBody() {
    }

    /**
     * The body as text, when the request says it is a form
     * ({@code application/x-www-form-urlencoded}, with or without a charset).
     * A form is ASCII; anything else in it is percent-encoded UTF-8.
     *
     * @throws IllegalArgumentException when the body is too large or cannot be read
     */
    public static Optional<String> read(HttpServletRequest request) {
        if (!isForm(request.getContentType())) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new IllegalArgumentException("The body is larger than " + MAX_BYTES + " bytes.");
            }
            if (body.length == 0 && request.getContentLengthLong() > 0) {
                // Something called getParameter() before us and Tomcat consumed
                // the body: every request would look empty, so fail loudly.
                throw new IllegalStateException("The form body was read before the OAuth check:"
                        + " no filter may read the parameters of OAuth endpoints.");
            }
            return Optional.of(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("The body could not be read.");
        }
    }

    /** The charset parameter of a Content-Type, unquoted, or null when it names none. */
    public static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
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

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip();
        return mediaType.equalsIgnoreCase("application/x-www-form-urlencoded");
    }
}
