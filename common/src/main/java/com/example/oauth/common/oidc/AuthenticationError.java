package com.example.oauth.common.oidc;

/**
 * A refused authentication request (OpenID Connect Core §3.1.2.6): an
 * error code and a description, which go back to the client's redirect URI
 * with its state and the issuer (RFC 9207), as every error of the OAuth 2
 * authorization endpoint after the client and its redirect URI were
 * checked.
 */
public class AuthenticationError extends RuntimeException {

    private final String error;

    private AuthenticationError(String error, String description) {
        super(description);
        this.error = error;
    }

    /** An error code of Core §3.1.2.6 or §6 with its description. */
    static AuthenticationError of(String error, String description) {
        return new AuthenticationError(error, description);
    }

    /** RFC 6749 §4.1.2.1: a parameter that is malformed, repeated, or has a value not supported. */
    public static AuthenticationError invalidRequest(String description) {
        return new AuthenticationError("invalid_request", description);
    }

    /** RFC 6749 §4.1.2.1: a response_type this provider does not offer. */
    public static AuthenticationError unsupportedResponseType(String description) {
        return new AuthenticationError("unsupported_response_type", description);
    }

    /** §3.1.2.6: prompt=none, and the user must log in first. */
    public static AuthenticationError loginRequired(String description) {
        return new AuthenticationError("login_required", description);
    }

    /** §3.1.2.6: prompt=none, and the user must allow the request first. */
    public static AuthenticationError consentRequired(String description) {
        return new AuthenticationError("consent_required", description);
    }

    /** The error code of the redirect ({@code error}); the description is {@link #getMessage()}. */
    public String getError() {
        return error;
    }
}
