package com.example.oauth.common.oidc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A good access token refused by the UserInfo endpoint (OpenID Connect
 * Core §5.3.3, RFC 6750 §3.1): 403, {@code insufficient_scope}, and the
 * scope it lacks, for the {@code WWW-Authenticate: Bearer} challenge.
 */
public class UserInfoError extends RuntimeException {

    private final String scope;

    private UserInfoError(String scope, String description) {
        super(description);
        this.scope = scope;
    }

    static UserInfoError insufficientScope(String description) {
        return new UserInfoError(IdTokens.OPENID, description);
    }

    public int getStatus() {
        return 403;
    }

    public String getError() {
        return "insufficient_scope";
    }

    /** The scope the token lacks: openid. */
    public String getScope() {
        return scope;
    }

    /** RFC 6750 §3: e.g. {@code Bearer realm="api", error="insufficient_scope", ..., scope="openid"}. */
    public String wwwAuthenticate(String realm) {
        return "Bearer realm=\"" + realm + "\", error=\"" + getError() + "\", error_description=\"" + getMessage()
                + "\", scope=\"" + scope + "\"";
    }

    /** The same in the body. */
    public Map<String, String> toJson() {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("error", getError());
        json.put("error_description", getMessage());
        json.put("scope", scope);
        return json;
    }
}
