package com.example.oauth.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.example.oauth.common.security.ConstantTime;
import com.example.oauth.common.security.RandomTokens;

/**
 * A per-session secret that every state-changing form sends back in the
 * hidden field {@code _csrf}. Another site can make a browser post a form
 * here, cookies included, but it cannot read the token, so its post fails.
 */
public final class CsrfToken {

    /** The form field, and the name pages use for the value. */
    public static final String PARAMETER = "_csrf";

    private static final String SESSION_ATTRIBUTE = "csrf_token";

    private CsrfToken() {
    }

    /** This session's token, made on first use. */
    public static String of(HttpSession session) {
        Object token = session.getAttribute(SESSION_ATTRIBUTE);
        if (token instanceof String value) {
            return value;
        }
        String value = RandomTokens.generate(32);
        session.setAttribute(SESSION_ATTRIBUTE, value);
        return value;
    }

    /** Does the request carry its session's token? No session, no match. */
    public static boolean matches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getParameter(PARAMETER);
        if (session == null || sent == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof String expected)) {
            return false;
        }
        // Constant time, so that response timing tells nothing about the token.
        return ConstantTime.equals(expected, sent);
    }
}
