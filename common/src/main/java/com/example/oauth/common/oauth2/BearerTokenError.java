package com.example.oauth.common.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused request for a protected resource (RFC 6750 §3): a status, a
 * {@code WWW-Authenticate: Bearer} challenge and, when a token was sent,
 * the error code that says what is wrong with it.
 */
public class BearerTokenError extends RuntimeException {

    private final int status;
    private final String error;
    private final String scope;

    private BearerTokenError(int status, String error, String description, String scope) {
        super(ErrorText.safe(description));
        this.status = status;
        this.error = error;
        this.scope = scope;
    }

    /**
     * §3.1: no token at all (or another authentication scheme): 401 and a
     * bare challenge, without an error code, since the client may simply
     * not know yet that it needs one.
     */
    public static BearerTokenError noToken() {
        return new BearerTokenError(401, null,
                "This resource needs an access token, sent as the header Authorization: Bearer <token>"
                        + " (RFC 6750 Section 2.1); a token in the query or the body is not read.",
                null);
    }

    /** §3.1 invalid_request: a malformed Authorization header. */
    public static BearerTokenError invalidRequest(String description) {
        return new BearerTokenError(400, "invalid_request", description, null);
    }

    /** §3.1 invalid_token: unknown, expired or revoked. */
    public static BearerTokenError invalidToken(String description) {
        return new BearerTokenError(401, "invalid_token", description, null);
    }

    /** §3.1 insufficient_scope: a good token, without the scope the resource needs. */
    public static BearerTokenError insufficientScope(String scope, String description) {
        return new BearerTokenError(403, "insufficient_scope", description, scope);
    }

    public int getStatus() {
        return status;
    }

    /** §3: the challenge, e.g. {@code Bearer realm="api", error="invalid_token", error_description="..."}. */
    public String wwwAuthenticate(String realm) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(realm).append('"');
        if (error != null) {
            challenge.append(", error=\"").append(error).append('"');
            challenge.append(", error_description=\"").append(getMessage()).append('"');
        }
        if (scope != null) {
            challenge.append(", scope=\"").append(scope).append('"');
        }
        return challenge.toString();
    }

    /** The same in the body, for a developer reading the answer. */
    public Map<String, String> toJson() {
        Map<String, String> json = new LinkedHashMap<>();
        if (error != null) {
            json.put("error", error);
        }
        json.put("error_description", getMessage());
        if (scope != null) {
            json.put("scope", scope);
        }
        return json;
    }
}
