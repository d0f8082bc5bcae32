package com.example.oauth.common.oauth2;

/**
 * A refused authorization request (RFC 6749 §4.1.2.1). Two kinds:
 *
 * <ul>
 * <li>the client is unknown or the redirect URI is not one it registered:
 * the user is told so on the provider's own page, and never redirected,
 * since the URI may be an attacker's (RFC 9700 §4.11);</li>
 * <li>anything else: the browser goes back to the client's redirect URI with
 * {@code error}, {@code error_description} and {@code state}.</li>
 * </ul>
 */
public class AuthorizationError extends RuntimeException {

    private final AuthorizationResponse redirect;

    private AuthorizationError(String description, AuthorizationResponse redirect) {
        super(description);
        this.redirect = redirect;
    }

    /** The client or the redirect URI is wrong: an error page on the provider, for the user to read. */
    public static AuthorizationError showToUser(String description) {
        return new AuthorizationError(description, null);
    }

    /** Back to the client's (checked) redirect URI with the error. */
    public static AuthorizationError backToClient(String redirectUri, String error, String description, String state,
            String issuer) {
        return new AuthorizationError(description,
                AuthorizationResponse.error(redirectUri, error, description, state, issuer));
    }

    /** True when the answer is a redirect to the client, false for a page on the provider. */
    public boolean isRedirect() {
        return redirect != null;
    }

    /** Where to send the browser; null when the error must be shown on the provider. */
    public AuthorizationResponse getRedirect() {
        return redirect;
    }
}
