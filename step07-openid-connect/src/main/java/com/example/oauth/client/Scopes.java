package com.example.oauth.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The scopes (OAuth 1 called them realms) this provider knows. A client
 * registers the ones it may ask for.
 */
public final class Scopes {

    /**
     * openid: sign the user in (OpenID Connect Core §3.1.2.1); profile: read the username (what /api/me
     * needs); email: the article's default, used by nothing here.
     */
    public static final List<String> KNOWN = List.of("openid", "profile", "email");

    private Scopes() {
    }

    /** Scopes from one or more form values, each a space-separated list. */
    public static List<String> parse(List<String> values) {
        List<String> scopes = new ArrayList<>();
        for (String value : values) {
            for (String scope : value.strip().split("\\s+")) {
                if (scope.isEmpty() || scopes.contains(scope)) {
                    continue;
                }
                if (!KNOWN.contains(scope)) {
                    throw new InvalidRegistrationException("invalid_client_metadata",
                            "Unknown scope \"" + abbreviate(scope) + "\": this provider knows " + KNOWN + ".");
                }
                scopes.add(scope);
            }
        }
        if (scopes.isEmpty()) {
            throw new InvalidRegistrationException("invalid_client_metadata",
                    "Choose at least one scope: " + KNOWN + ".");
        }
        return scopes;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
