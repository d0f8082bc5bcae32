package com.example.oauth.common.oauth1;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer that hands credentials to a client, form-encoded: temporary
 * credentials (RFC 5849 §2.1) or token credentials (§2.3).
 */
public record CredentialsResponse(String token, String tokenSecret, boolean temporary) {

    /** Without the secret, should it ever be logged. */
    @Override
    public String toString() {
        return "CredentialsResponse[token=" + token + ", temporary=" + temporary + "]";
    }

    /**
     * {@code oauth_token=...&oauth_token_secret=...}, and for temporary
     * credentials {@code oauth_callback_confirmed=true} (§2.1: it tells the
     * client that this provider speaks OAuth 1.0a, which needs the callback).
     */
    public String toFormBody() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("oauth_token", token);
        fields.put("oauth_token_secret", tokenSecret);
        if (temporary) {
            fields.put("oauth_callback_confirmed", "true");
        }
        return FormEncoding.format(fields);
    }
}
