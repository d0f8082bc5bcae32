package com.example.oauth.common.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.example.oauth.common.oauth2.AuthorizationError;
import com.example.oauth.common.oauth2.FormRequest;
import com.example.oauth.common.oauth2.OAuth2Error;

/**
 * Reads a servlet request into what the OAuth 2 engine checks: the adapter
 * between the web and the engine, which knows nothing of servlets.
 */
public final class OAuth2Requests {

    private OAuth2Requests() {
    }

    /**
     * A request to the token, revocation or introspection endpoint: its form
     * body ({@link FormBody}; never the URL's query) and its Authorization
     * header. The handler must not have read the request's parameters before.
     */
    public static FormRequest form(HttpServletRequest request) {
        String body;
        try {
            body = FormBody.read(request).orElse(null);
        } catch (IllegalArgumentException unreadable) {
            throw OAuth2Error.invalidRequest(unreadable.getMessage());
        }
        return FormRequest.of(body, FormBody.charsetOf(request.getContentType()), request.getHeader("Authorization"));
    }

    /**
     * The parameters of an authorization request: the query of the GET, or
     * the consent form's fields. The server refuses to read them when a
     * %-escape does not decode: the link is broken, and the user is told so
     * like for any other wrong link.
     */
    public static Map<String, String[]> authorization(HttpServletRequest request) {
        try {
            return request.getParameterMap();
        } catch (IllegalStateException malformed) {
            throw AuthorizationError.showToUser("The link is malformed: one of its %-escapes does not decode."
                    + " The application that sent you here must encode its parameters correctly.");
        }
    }
}
