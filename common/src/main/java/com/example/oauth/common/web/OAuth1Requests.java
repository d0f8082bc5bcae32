package com.example.oauth.common.web;

import jakarta.servlet.http.HttpServletRequest;

import com.example.oauth.common.oauth1.SignedRequest;

/**
 * The adapter between the web and the OAuth 1 engine: reads a servlet
 * request into the engine's {@link SignedRequest}. The handler must not
 * have read the request's parameters before (that consumes the body), so
 * handlers of signed requests take the HttpServletRequest only.
 */
public final class OAuth1Requests {

    private OAuth1Requests() {
    }

    /** @throws com.example.oauth.common.oauth1.OAuthProblem 400 for a malformed header, query or body */
    public static SignedRequest signedRequest(HttpServletRequest request) {
        String formBody;
        try {
            // RFC 5849 §3.4.1.3.1: the body's parameters count only when it is a form.
            formBody = FormBody.read(request).orElse(null);
        } catch (IllegalArgumentException e) {
            throw SignedRequest.unreadable(e.getMessage());
        }
        return SignedRequest.read(request.getMethod(), requestUri(request), request.getQueryString(),
                request.getHeader("Authorization"), formBody, request.isSecure());
    }

    /** The URI the client addressed, from the Host header: what it signed (RFC 5849 §3.4.1.2). */
    private static String requestUri(HttpServletRequest request) {
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        return request.getScheme() + "://" + host + ":" + request.getServerPort() + request.getRequestURI();
    }
}
