package com.example.oauth.common.oauth2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.oauth.common.security.RandomTokens;

/**
 * RFC 6749 §5.1: the answer of a successful token request. The token values
 * exist only here and at the client: storage keeps their hashes
 * ({@link NewToken}).
 *
 * @param refreshToken null when none is issued (client_credentials, §4.4.3)
 */
public record TokenResponse(String accessToken, long expiresIn, String refreshToken, List<String> scopes) {

    /** RFC 6750: whoever bears the token may use it, so it travels only over a safe channel. */
    public static final String TOKEN_TYPE = "Bearer";

    /** 40 letters and digits: about 238 bits (RFC 6749 §10.10 asks for at least 128). */
    static final int TOKEN_LENGTH = 40;

    /** A new access token, with a refresh token unless the grant gives none (§4.4.3). */
    static TokenResponse generate(List<String> scopes, boolean withRefreshToken) {
        return new TokenResponse(RandomTokens.generate(TOKEN_LENGTH), Lifetimes.ACCESS_TOKEN.toSeconds(),
                withRefreshToken ? RandomTokens.generate(TOKEN_LENGTH) : null, scopes);
    }

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
