package com.example.oauth.common.oauth1;

/**
 * Where the user's answer on the consent page leads (RFC 5849 §2.2). With a
 * callback, back to the client: {@link #location()}. Out of band ("oob")
 * there is no redirect: the page shows the verifier for the user to type
 * into the application, or says that access was denied.
 *
 * @param verifier the verifier when the user allowed access; null when they denied it
 */
public record AuthorizationResponse(RegisteredClient client, String token, String callback, String verifier) {

    public boolean allowed() {
        return verifier != null;
    }

    public boolean outOfBand() {
        return callback.equals("oob");
    }

    /**
     * The callback with {@code oauth_token} and {@code oauth_verifier}; when
     * access was denied, {@code oauth_problem=permission_denied} in place of
     * the verifier (Problem Reporting), so the client knows which of its
     * attempts was refused. The callback's own query is kept.
     */
    public String location() {
        String separator = !callback.contains("?") ? "?" : callback.endsWith("?") || callback.endsWith("&") ? "" : "&";
        return callback + separator + "oauth_token=" + PercentEncoding.encode(token)
                + (allowed() ? "&oauth_verifier=" + PercentEncoding.encode(verifier) : "&oauth_problem=permission_denied");
    }

    /** Without the verifier, should it ever be logged. */
    @Override
    public String toString() {
        return "AuthorizationResponse[token=" + token + ", callback=" + callback + ", allowed=" + allowed() + "]";
    }
}
