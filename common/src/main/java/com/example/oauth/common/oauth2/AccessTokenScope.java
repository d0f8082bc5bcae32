package com.example.oauth.common.oauth2;

import java.util.Arrays;
import java.util.List;

/**
 * RFC 6749 §3.3, the scope parameter: what a client asks for, at the
 * authorization endpoint and in a refresh (§6).
 */
final class AccessTokenScope {

    private AccessTokenScope() {
    }

    /** Scopes are space-delimited; the same one twice counts once. Empty when none is named. */
    static List<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scope.strip().split(" +")).distinct().toList();
    }

    /**
     * What is wrong with asking for these scopes, or null when nothing is.
     *
     * @param supported every scope this provider knows
     * @param allowed the most this request may get: the client's, or what the user granted
     */
    static String problem(List<String> asked, List<String> supported, List<String> allowed) {
        for (String scope : asked) {
            if (!supported.contains(scope)) {
                return "Unknown scope " + ErrorText.quote(scope) + ": this provider knows " + supported + ".";
            }
            if (!allowed.contains(scope)) {
                return "This client may ask for " + allowed + " only, not " + ErrorText.quote(scope) + ".";
            }
        }
        return null;
    }
}
