package com.example.oauth.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The realms (OAuth 1's word for scopes) this provider knows. A client
 * registers the ones it may ask for.
 */
public final class Realms {

    /** profile: read the username (what /api/me needs); email: the article's default, used by nothing here. */
    public static final List<String> KNOWN = List.of("profile", "email");

    private Realms() {
    }

    /** Realms from one or more form values, each a space-separated list. */
    public static List<String> parse(List<String> values) {
        List<String> realms = new ArrayList<>();
        for (String value : values) {
            for (String realm : value.strip().split("\\s+")) {
                if (realm.isEmpty() || realms.contains(realm)) {
                    continue;
                }
                if (!KNOWN.contains(realm)) {
                    throw new InvalidRegistrationException("invalid_client_metadata",
                            "Unknown realm \"" + abbreviate(realm) + "\": this provider knows " + KNOWN + ".");
                }
                realms.add(realm);
            }
        }
        if (realms.isEmpty()) {
            throw new InvalidRegistrationException("invalid_client_metadata",
                    "Choose at least one realm: " + KNOWN + ".");
        }
        return realms;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
