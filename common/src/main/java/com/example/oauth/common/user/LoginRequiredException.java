package com.example.oauth.common.user;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Thrown when a page needs a logged-in user. {@code LoginRedirect} turns it
 * into a redirect to the login form that remembers the page asked for.
 */
public class LoginRequiredException extends RuntimeException {

    /** Longer return paths are dropped: the login redirect must fit in a response header. */
    static final int MAX_RETURN_TO_LENGTH = 2000;

    private final String returnTo;

    public LoginRequiredException(HttpServletRequest request) {
        super("Log in first");
        // Only a GET can be replayed by a redirect; after a POST, go home.
        String query = request.getQueryString();
        String path = request.getRequestURI() + (query == null ? "" : "?" + query);
        this.returnTo = "GET".equals(request.getMethod()) && path.length() <= MAX_RETURN_TO_LENGTH ? path : null;
    }

    /** The local path (with its query) to come back to after login, or null for none. */
    public String getReturnTo() {
        return returnTo;
    }
}
