package com.example.oauth.common.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused request to the token, revocation or introspection endpoint:
 * the error response of RFC 6749 §5.2, a JSON object with {@code error}
 * and {@code error_description}.
 *
 * <p>Status: 400, except {@code temporarily_unavailable} (503, with
 * Retry-After), a method other than POST (405, with Allow), and
 * {@code invalid_client}, which is always 401 with a
 * {@code WWW-Authenticate: Basic} challenge. §5.2 asks for the 401 only when
 * the client tried the Authorization header, and lets the provider answer
 * 400 or 401 otherwise; one rule is simpler to explain, and every 401 must
 * carry a challenge (RFC 9110 §15.5.2), which also tells the client what to
 * use.
 */
public class OAuth2Error extends RuntimeException {

    /** The realm of the Basic challenge. */
    public static final String BASIC_REALM = "oauth";

    private final int status;
    private final String error;

    private OAuth2Error(int status, String error, String description) {
        super(ErrorText.safe(description));
        this.status = status;
        this.error = error;
    }

    /** A parameter is missing, repeated or malformed, or the body is not a form. */
    public static OAuth2Error invalidRequest(String description) {
        return new OAuth2Error(400, "invalid_request", description);
    }

    /** Client authentication failed: unknown client, wrong or missing secret, wrong method. */
    public static OAuth2Error invalidClient(String description) {
        return new OAuth2Error(401, "invalid_client", description);
    }

    /** The code or refresh token is unknown, expired, used, revoked, or another client's. */
    public static OAuth2Error invalidGrant(String description) {
        return new OAuth2Error(400, "invalid_grant", description);
    }

    /** This client may not use this grant type. */
    public static OAuth2Error unauthorizedClient(String description) {
        return new OAuth2Error(400, "unauthorized_client", description);
    }

    public static OAuth2Error unsupportedGrantType(String description) {
        return new OAuth2Error(400, "unsupported_grant_type", description);
    }

    public static OAuth2Error invalidScope(String description) {
        return new OAuth2Error(400, "invalid_scope", description);
    }

    /**
     * 405: the endpoint takes POST only (§3.2, RFC 7009 §2.1, RFC 7662 §2.1),
     * answered like every other refusal of the endpoint, with
     * {@code Allow: POST} (RFC 9110 §15.5.6).
     */
    public static OAuth2Error methodNotAllowed(String description) {
        return new OAuth2Error(405, "invalid_request", description);
    }

    /**
     * 503: the request was fine, but the server cannot do it right now.
     * RFC 7009 §2.2.1 names this status for a revocation that must be
     * retried; the error code is the one RFC 6749 §4.1.2.1 gives the same
     * case at the authorization endpoint.
     */
    public static OAuth2Error temporarilyUnavailable(String description) {
        return new OAuth2Error(503, "temporarily_unavailable", description);
    }

    public int getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    /** The WWW-Authenticate header of the answer, or null when it needs none. */
    public String getWwwAuthenticate() {
        return status == 401 ? "Basic realm=\"" + BASIC_REALM + "\"" : null;
    }

    /** The Retry-After header of the answer (RFC 9110 §10.2.3, in seconds), or null when it needs none. */
    public String getRetryAfter() {
        return status == 503 ? "1" : null;
    }

    /** The Allow header of the answer, or null when it needs none. */
    public String getAllow() {
        return status == 405 ? "POST" : null;
    }

    /** §5.2: the body of the answer. */
    public Map<String, String> toJson() {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("error", error);
        json.put("error_description", getMessage());
        return json;
    }
}
