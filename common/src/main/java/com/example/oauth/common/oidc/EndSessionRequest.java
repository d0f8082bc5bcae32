package com.example.oauth.common.oidc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A checked logout request (RP-Initiated Logout 1.0 §2, §3): for which
 * client and user, and whether the browser goes back to the client after
 * the logout or stays on the provider's page. The user is logged out
 * either way.
 *
 * @param clientId the client that asks: the id_token_hint's aud, or client_id; null if unknown
 * @param subject the hint's sub, to compare with the logged-in user; null without a good hint
 * @param postLogoutRedirectUri where to send the browser after the logout, exactly as the client
 *        registered it; null to stay on the provider's page
 * @param state the client's state, sent back with the redirect; null if none
 * @param problem why the provider does not redirect though the client asked it to, or why the hint
 *        was not used, to show on its page; null when all was well
 */
public record EndSessionRequest(String clientId, String subject, String postLogoutRedirectUri, String state,
        String problem) {

    /** Whether the browser goes back to the client. */
    public boolean redirects() {
        return postLogoutRedirectUri != null;
    }

    /** §3: the redirect, with state when the client sent one; null when staying on the provider. */
    public String location() {
        if (postLogoutRedirectUri == null) {
            return null;
        }
        if (state == null) {
            return postLogoutRedirectUri;
        }
        return postLogoutRedirectUri + (postLogoutRedirectUri.contains("?") ? "&" : "?") + "state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8);
    }
}
