package com.example.oauth.common.oauth1;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An incoming request as RFC 5849 sees it: the method, the URI it was sent
 * to, and every parameter from the query, the {@code Authorization: OAuth}
 * header and a form body (§3.4.1.3.1).
 *
 * @param realm the header's realm, which is not signed
 * @param secure whether it came over HTTPS (PLAINTEXT needs that)
 */
public record SignedRequest(String method, URI uri, List<Parameter> parameters, Optional<String> realm,
        boolean secure) {

    /** A form body larger than this is refused: no OAuth request needs more. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * Reads a servlet request. The handler must not have read the request's
     * parameters before (that consumes the body); handlers of signed
     * requests take only the HttpServletRequest.
     *
     * @throws OAuthProblem 400 for a malformed header, query or body
     */
    public static SignedRequest from(HttpServletRequest request) {
        try {
            String header = request.getHeader("Authorization");
            AuthorizationHeader oauthHeader = AuthorizationHeader.isOAuth(header)
                    ? AuthorizationHeader.parse(header)
                    : new AuthorizationHeader(Optional.empty(), List.of());
            List<Parameter> parameters = SignatureBaseString.collectParameters(
                    request.getQueryString(), oauthHeader.parameters(), formBody(request));
            URI uri = requestUri(request);
            // Checked now, so that a strange Host header is a bad request, not an error later.
            SignatureBaseString.baseStringUri(uri);
            return new SignedRequest(request.getMethod(), uri, parameters, oauthHeader.realm(), request.isSecure());
        } catch (IllegalArgumentException e) {
            throw OAuthProblem.badRequest("parameter_rejected", "The request could not be read: " + e.getMessage());
        }
    }

    /** The first value of a parameter, from wherever it came. */
    public Optional<String> get(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
    }

    /** The URI the client addressed, from the Host header: what it signed (§3.4.1.2). */
    private static URI requestUri(HttpServletRequest request) {
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        String uri = request.getScheme() + "://" + host + ":" + request.getServerPort() + request.getRequestURI();
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad request URI " + uri);
        }
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip();
        return type.equalsIgnoreCase("application/x-www-form-urlencoded");
    }

    /** §3.4.1.3.1: the body counts only when it is a single-part form. */
    private static String formBody(HttpServletRequest request) {
        if (!isForm(request.getContentType())) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            if (body.length == 0 && request.getContentLengthLong() > 0) {
                // Something called getParameter() before us and Tomcat consumed
                // the body: signing without it would fail in confusing ways.
                throw new IllegalStateException("The form body was read before the OAuth check:"
                        + " no filter may read the parameters of OAuth 1 endpoints.");
            }
            // A form body is ASCII: anything else is percent-encoded UTF-8.
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body could not be read");
        }
    }
}
