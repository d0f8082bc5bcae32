package com.example.oauth.common.oauth2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 6749 §5.1: the answer of a successful token request. The token values
 * exist only here and at the client: storage keeps their hashes.
 *
 * @param refreshToken null when none is issued (client_credentials, §4.4.3)
 */
public record TokenResponse(String accessToken, long expiresIn, String refreshToken, List<String> scopes) {

    /** RFC 6750: whoever bears the token may use it, so it travels only over a safe channel. */
    public static final String TOKEN_TYPE = "Bearer";

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("access_token", accessToken);
        json.put("token_type", TOKEN_TYPE);
        json.put("expires_in", expiresIn);
        if (refreshToken != null) {
            json.put("refresh_token", refreshToken);
        }
        // §5.1 needs scope only when it differs from the request; always
        // sending it saves the client from guessing. A token without scope
        // (client_credentials) has none to send.
        if (!scopes.isEmpty()) {
            json.put("scope", String.join(" ", scopes));
        }
        return json;
    }
}
