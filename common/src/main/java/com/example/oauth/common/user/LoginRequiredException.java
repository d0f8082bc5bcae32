package com.example.oauth.common.user;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Thrown when a page needs a logged-in user. {@code LoginRedirect} turns it
 * into a redirect to the login form that remembers the page asked for.
 */
public class LoginRequiredException extends RuntimeException {

    private final String returnTo;

    public LoginRequiredException(HttpServletRequest request) {
        super("Log in first");
        // Only a GET can be replayed by a redirect; after a POST, go home.
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            this.returnTo = request.getRequestURI() + (query == null ? "" : "?" + query);
        } else {
            this.returnTo = null;
        }
    }

    /** The local path (with its query) to come back to after login, or null for none. */
    public String getReturnTo() {
        return returnTo;
    }
}
