package com.example.oauth.common.oauth1;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * An incoming request as RFC 5849 sees it: the method, the URI it was sent
 * to, and every parameter from the query, the {@code Authorization: OAuth}
 * header and a form body (§3.4.1.3.1).
 *
 * @param secure whether it came over HTTPS (PLAINTEXT needs that)
 */
public record SignedRequest(String method, URI uri, List<Parameter> parameters, boolean secure) {

    /**
     * A request from its parts, as the web adapter hands them over
     * ({@code common.web.OAuth1Requests} reads them from a servlet request).
     *
     * @param uri the URI the client addressed, {@code scheme://host:port/path}: what it signed (§3.4.1.2)
     * @param query the raw query string, or null
     * @param authorization the {@code Authorization} header, or null
     * @param formBody the body when it is a form (§3.4.1.3.1), or null
     * @throws OAuthProblem 400 for a malformed header, query, body or URI
     */
    public static SignedRequest read(String method, String uri, String query, String authorization, String formBody,
            boolean secure) {
        try {
            AuthorizationHeader oauthHeader = AuthorizationHeader.isOAuth(authorization)
                    ? AuthorizationHeader.parse(authorization)
                    : new AuthorizationHeader(List.of());
            List<Parameter> parameters = SignatureBaseString.collectParameters(query, oauthHeader.parameters(),
                    formBody);
            URI requestUri = parseUri(uri);
            // Checked now, so that a strange Host header is a bad request, not an error later.
            SignatureBaseString.baseStringUri(requestUri);
            return new SignedRequest(method, requestUri, parameters, secure);
        } catch (IllegalArgumentException e) {
            throw unreadable(e.getMessage());
        }
    }

    /** 400: the request could not be read, and why. */
    public static OAuthProblem unreadable(String why) {
        return OAuthProblem.badRequest("parameter_rejected", "The request could not be read: " + why);
    }

    /** The first value of a parameter, from wherever it came. */
    public Optional<String> get(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
    }

    private static URI parseUri(String uri) {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad request URI " + uri);
        }
    }
}
