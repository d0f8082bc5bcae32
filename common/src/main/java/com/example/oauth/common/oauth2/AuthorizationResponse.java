package com.example.oauth.common.oauth2;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the authorization endpoint sends the user's browser back: the
 * client's redirect URI with the answer added to its query (RFC 6749
 * §4.1.2, and §4.1.2.1 for an error). {@code iss} names this provider, so
 * that a client talking to several can tell which one answered (RFC 9207).
 */
public record AuthorizationResponse(String redirectUri, Map<String, String> parameters) {

    /** §4.1.2: the code, the client's state, the issuer. */
    public static AuthorizationResponse code(String redirectUri, String code, String state, String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        putState(parameters, state);
        parameters.put("iss", issuer);
        return new AuthorizationResponse(redirectUri, parameters);
    }

    /** §4.1.2.1: an error code, what went wrong, the client's state, the issuer. */
    public static AuthorizationResponse error(String redirectUri, String error, String description, String state,
            String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", ErrorText.safe(description));
        putState(parameters, state);
        parameters.put("iss", issuer);
        return new AuthorizationResponse(redirectUri, parameters);
    }

    /**
     * The URL to redirect to. The redirect URI's own query is kept and ours
     * added to it, form-encoded (RFC 6749 Appendix B); a redirect URI never
     * has a fragment (§3.1.2).
     */
    public String location() {
        StringBuilder url = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            url.append(separator)
                    .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    /** §4.1.2: state goes back exactly as the client sent it, if it sent one. */
    private static void putState(Map<String, String> parameters, String state) {
        if (state != null) {
            parameters.put("state", state);
        }
    }
}
